"""Exports a spreadsheet or a hand damaged in ways that read as other numbers (review s52A):
one count cell in another style, two GA4 exports pasted together, durations re-saved as day
fractions. Fixtures: tests/fixtures/s52M_damaged/ (the reviewer's repros)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmanalytics.errors import ParseError
from smmanalytics.loaders import read_export, read_file

from ._helpers import _codes

FIX = Path(__file__).parent / "fixtures" / "s52M_damaged"
YT_HEADER = ("Content,Video title,Video publish time,Duration,Views,Watch time (hours),"
             "Subscribers,Average view duration,Average percentage viewed (%),Likes,"
             "Comments added,Shares,Thumbnail impressions,Thumbnail click-through rate (%)")


def _note(df, code):
    (note,) = [q for q in df.attrs["quality"] if q["code"] == code]
    return note


def test_one_abbreviated_views_cell_leaves_the_others_thousands():
    # Views: Total "5,834", then "1,2K", "1,995", "1,102", 327. "1,2K" (a comma then one
    # digit) is decimal-comma evidence, which read every "d,ddd" cell 1.995; those cells alone
    # are thousands again: 1,2K = 1200, 1995, 1102, 327 (the Total row is dropped)
    df = read_export(FIX / "yt_k" / "Table data.csv")
    assert df["views"].tolist() == [1200, 1995, 1102, 327]
    note = _note(df, "counts_dot_thousands")
    # the cells named are those repaired in the rows read, with their lines: the Total row
    # (line 2, '5,834') is dropped, so its cell is neither counted nor named
    assert note["rows"] == 2
    assert ("in 'Views' (line 4: '1,995' read as 1,995; line 5: '1,102' read as 1,102); "
            "the other cells as read") in note["message"]
    assert "counts_not_whole" not in _codes(df)


def test_one_views_cell_with_a_dot_is_the_only_one_read_again():
    # "1.234" among "1,995", "1,102", 327: read with '.' as decimal (English), it alone is a
    # fraction; read as thousands it is 1234, and "1,995" stays 1995 (the column was read
    # again with ',' as decimal before: 1.995)
    df = read_export(FIX / "yt_dot" / "Table data.csv")
    assert df["views"].tolist() == [1234, 1995, 1102, 327]
    note = _note(df, "counts_dot_thousands")
    assert note["rows"] == 1 and "(line 3: '1.234' read as 1,234)" in note["message"]


def test_one_abbreviated_impressions_cell_in_an_x_export():
    # Impressions "1,074", "1,2K", "1,745", 560, 710 on lines 2-6
    df = read_export(FIX / "x_k" / "account_analytics_content_2025-09-01_2026-02-28.csv")
    assert df["impressions"].tolist() == [1074, 1200, 1745, 560, 710]
    note = _note(df, "counts_dot_thousands")
    assert "line 2: '1,074' read as 1,074; line 4: '1,745' read as 1,745" in note["message"]


def test_round_thousands_beside_one_abbreviated_cell_read_as_thousands(tmp_path):
    # the X export above, its Impressions rewritten "1,000", "0,1K", "2,000", "3,000",
    # "4,000" (lines 2-6), no fraction anywhere: "0,1K" (a comma then one digit) is
    # decimal-comma evidence, by which every "d,000" cell reads 1, 2, 3, 4; a count has no
    # decimals, so they read 1000, 2000, 3000, 4000, and 0,1K is 0.1 × 1000 = 100
    text = (FIX / "x_k" / "account_analytics_content_2025-09-01_2026-02-28.csv").read_text(
        encoding="utf-8")
    for old, new in zip(['"1,074"', '"1,2K"', '"1,745"', ",560,", ",710,"],
                        ['"1,000"', '"0,1K"', '"2,000"', ',"3,000",', ',"4,000",'],
                        strict=True):
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp_path / "account_analytics_content_2025-09-01_2026-02-28.csv"
    path.write_text(text, encoding="utf-8")
    df = read_export(path)
    assert df["impressions"].tolist() == [1000, 100, 2000, 3000, 4000]
    # the ambiguous cells are named, each with its reading; the abbreviated one is noted apart
    note = _note(df, "counts_dot_thousands")
    assert note["rows"] == 4
    assert ("'Impressions' (line 2: '1,000' read as 1,000; line 4: '2,000' read as 2,000; "
            "line 5: '3,000' read as 3,000 and 1 more)") in note["message"]
    assert "('0,1K' read as 100, the true value within ±50)" in _note(
        df, "counts_abbreviated")["message"]
    assert "counts_not_whole" not in _codes(df)


#: a cell in another style than ``d,ddd``, and the count it reads as
_ODD = st.one_of(
    st.integers(1, 99).map(lambda n: (f"{n // 10},{n % 10}K", n * 100)),       # 1,2K
    st.integers(1, 99).map(lambda n: (f"{n // 10}.{n % 10}K", n * 100)),       # 1.2K
    st.integers(1000, 999_999).map(lambda n: (f"{n:,}".replace(",", "."), n)),  # 1.234
    st.integers(0, 999).map(lambda n: (str(n), n)))                            # 327


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(views=st.lists(st.integers(1000, 999_999), min_size=2, max_size=5),
       odd=_ODD, at=st.integers(0, 5))
def test_one_odd_cell_never_reads_the_well_formed_counts_below_one(tmp_path, views, odd, at):
    """Videos' Views written "2,410" (thousands, as YouTube writes them), and one cell, in a
    video row or in the Total row (row 0, dropped), in another style: every "d,ddd" cell
    reads its count, the odd one its own."""
    cells = [f"{v:,}" for v in [sum(views), *views]]
    at = at % len(cells)
    cells[at] = odd[0]
    first = ["Total,,", *(f'vid{k:08d}x,T,"Sep 14, 2026"' for k in range(1, len(cells)))]
    lines = [YT_HEADER, *(f'{row},,"{cell}",1,1,0:01:00,50,1,1,1,10,1'
                          for row, cell in zip(first, cells, strict=True))]
    path = tmp_path / "Table data.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [*views]
    if at:
        expected[at - 1] = odd[1]
    assert read_export(path)["views"].tolist() == expected


# ---- GA4: two exports pasted together

GA4_PASTED = FIX / "ga4_pasted" / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"


def test_the_grand_total_of_a_second_ga4_export_pasted_under_the_first_is_dropped():
    # the same Traffic acquisition export twice, each block's first row its Grand total with
    # an empty dimension cell (",5210,…,9876.5"); the second was read as traffic (10420
    # sessions). By hand, the four sources once: 3000 + 1200 + 10 + 1000 = 5210 sessions,
    # 6000 + 2500.5 + 0 + 1376 = 9876.5 revenue
    import smmanalytics as smm

    web = smm.load(GA4_PASTED.parent, cache=False).web
    assert web["source"].notna().all() and len(web) == 4
    assert web["sessions"].sum() == 5210 and web["revenue"].sum() == 9876.5
    # read alone: both totals dropped, the 8 rows of the two blocks kept (merged by the load)
    (df,) = read_file(GA4_PASTED)
    assert len(df) == 8 and df["sessions"].sum() == 2 * 5210
    assert _note(df, "summary_row_dropped")["rows"] == 2
    assert {"total_differs", "sources_not_social"}.isdisjoint(_codes(df))


def test_a_ga4_row_without_a_source_writes_no_empty_sentence_of_sources(tmp_path):
    # a row whose dimension cell is empty below the first one is kept as read (it has
    # sessions), but it names no source: "0 source … the largest with their sessions and
    # revenue: " was written with nothing after the colon; example.org is one to name
    path = tmp_path / "ga4_sm.csv"
    body = ("# Start date: 20261001\n# End date: 20261031\n"
            "Session source / medium,Sessions,Engaged sessions,Key events,Total revenue\n"
            "instagram / social,200,100,5,50.00\n,12,6,0,0.00\n")
    path.write_text(body, encoding="utf-8")
    (df,) = read_file(path)
    assert "sources_not_social" not in _codes(df)
    path.write_text(body + "example.org / referral,120,60,2,30.00\n", encoding="utf-8")
    (df,) = read_file(path)
    assert _note(df, "sources_not_social")["message"].endswith(
        "the largest with their sessions and revenue: example.org (120, 30.00)")


# ---- YouTube: durations a spreadsheet re-saved as fractions of a day

YT_FRACTIONS = FIX / "yt_day_fraction" / "Table data.csv"


def test_view_durations_saved_as_fractions_of_a_day_are_read_as_days():
    # General format wrote 0:05:14 as 314 / 86400 = 0.0036342592592592594, read 0.0036 s;
    # by hand: 0.0036342592592592594, 0.0004398148148148148, 0.0011689814814814816,
    # 0.0006597222222222222 × 86400 = 314, 38, 101, 57 s (0:05:14, 0:00:38, 0:01:41, 0:00:57)
    df = read_export(YT_FRACTIONS)
    assert df["avg_watch_time_s"].tolist() == [314, 38, 101, 57]
    note = _note(df, "durations_day_fraction")
    # the Total row's 0:02:45 is the first: 0.0019097222222222222 × 86400 = 165 s
    assert note["level"] == "warning" and note["rows"] == 5
    assert "(line 2: '0.0019097222222222222' read as 165 s)" in note["message"]


def test_a_fraction_of_a_day_among_durations_is_refused(tmp_path):
    # one cell re-typed 0:00:38 among fractions: which unit the others are in is no longer
    # known (the first fraction, line 2's, is named)
    text = YT_FRACTIONS.read_text(encoding="utf-8").replace("0.0004398148148148148",
                                                            "0:00:38")
    path = tmp_path / "Table data.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match="fraction of a day") as exc:
        read_export(path)
    assert exc.value.line == 2 and exc.value.column == "Average view duration"
    assert exc.value.got == "0.0019097222222222222"
    # the durations Studio writes are read as they are, with no note
    path.write_text(text.replace("0.0019097222222222222", "0:02:45")
                    .replace("0.0036342592592592594", "0:05:14")
                    .replace("0.0011689814814814816", "0:01:41")
                    .replace("0.0006597222222222222", "0:00:57"), encoding="utf-8")
    df = read_export(path)
    assert df["avg_watch_time_s"].tolist() == [314, 38, 101, 57]
    assert "durations_day_fraction" not in _codes(df)
