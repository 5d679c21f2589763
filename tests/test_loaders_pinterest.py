"""Pinterest: tolerant reading of an unverified layout, always flagged in the quality log."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import read_export
from smmanalytics.errors import SmmError, UnknownFormatError
from smmanalytics.loaders import read_file
from smmanalytics.schema import validate

from ._helpers import _codes
from ._workbooks import rows_of, sheet

FIX = Path(__file__).parent / "fixtures" / "pinterest"


def test_pins_file():
    df = read_export(FIX / "pinterest_pins_2026-10.csv")
    validate(df, "posts")
    assert df.attrs["source_format"] == "pinterest_unverified"
    assert df["post_id"].tolist() == ["1123456789012345678", "1123456789012345999"]
    assert df["caption"].tolist() == ["Coffret automne", "Savon miel, avoine"]
    assert df["published_at"].tolist() == [pd.Timestamp("2026-10-01", tz="UTC"),
                                           pd.Timestamp("2026-10-03", tz="UTC")]
    assert df["time_precision"].astype(str).unique().tolist() == ["day"]
    assert df["impressions"].tolist() == [4200, 1875]
    assert df["saves"].tolist() == [85, 31]
    assert df["clicks"].tolist() == [130, 60]                # Pin clicks
    assert df["link_clicks"].tolist() == [42, 9]             # Outbound clicks
    assert df["platform_engagements"].tolist() == [257, 100]
    assert pd.isna(df["video_views"][0]) and df["video_views"][1] == 240
    assert df["content_type"].astype(str).tolist() == ["image", "video"]
    # interactions: Pinterest exports only saves among the components
    assert df["interactions"].tolist() == [85, 31]
    assert df["reactions"].isna().all() and df["comments"].isna().all()
    warn = [q for q in df.attrs["quality"] if q["code"] == "layout_unverified"]
    assert len(warn) == 1 and warn[0]["level"] == "warning"
    assert "content_type_guessed" in _codes(df)


def test_a_daily_value_without_its_date_is_an_error(tmp_path):
    """An overview whose second day's date cell says ``N/A`` kept that day's values on a row
    dated NaT, with no note: they fell out of every daily and monthly total. The file is
    refused, naming line 3 and the Date column."""
    path = tmp_path / "pinterest_overview_2026-10.csv"
    path.write_text("Date,Impressions,Engagements,Pin clicks,Outbound clicks,Saves,"
                    "Total audience\n2026-10-01,1500,90,40,12,38,1100\n"
                    "N/A,1720,101,51,15,35,1230\n", encoding="utf-8")
    with pytest.raises(SmmError, match="a value without its date") as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == (3, "Date", "N/A")


def test_overview_file_is_daily():
    df = read_export(FIX / "pinterest_overview_2026-10.csv")
    validate(df, "daily")
    imp = df[df["metric"] == "impressions"]
    assert imp["value"].tolist() == [1500, 1720, 980]
    assert imp["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-01", "2026-10-02",
                                                            "2026-10-03"]
    # 90 + 101 + 44 = 235 engagements
    assert df[df["metric"] == "platform_engagements"]["value"].sum() == 235
    assert df[df["metric"] == "total_audience"]["value"].tolist() == [1100, 1230, 760]
    assert set(df["metric"]) == {"impressions", "platform_engagements", "clicks", "link_clicks",
                                 "saves", "total_audience"}
    assert "layout_unverified" in _codes(df)


@pytest.mark.parametrize("days,expected,level", [
    # a day above 12 proves the order: read day first, noted as a re-save
    ((12, 13, 14), ["2026-10-12", "2026-10-13", "2026-10-14"], "info"),
    # no day above 12, but only day first makes the rows of the daily file consecutive days
    # (month first made 1, 2, 3 October 10 January, 10 February, 10 March)
    ((1, 2, 3), ["2026-10-01", "2026-10-02", "2026-10-03"], "info"),
    # nothing proves it (days apart either way): month first assumed, and the note says so
    # (it was silent: 01/10/2026, the first of October in a French spreadsheet, became
    # 10 January)
    ((1, 5, 9), ["2026-01-10", "2026-05-10", "2026-09-10"], "warning"),
])
def test_overview_dates_resaved_in_numbers_are_noted(tmp_path, days, expected, level):
    path = tmp_path / "pinterest_overview_2026-10.csv"
    rows = "".join(f"{d:02d}/10/2026,1500,90,40,12,38,1100\n" for d in days)
    path.write_text("Date,Impressions,Engagements,Pin clicks,Outbound clicks,Saves,Total audience\n"
                    + rows, encoding="utf-8")
    df = read_export(path)
    assert sorted(df["date"].astype(str).unique()) == expected
    note = [q for q in df.attrs["quality"] if q["code"] == "date_format_resaved"]
    assert [q["level"] for q in note] == [level]


def test_ids_from_links_and_percent_rates(tmp_path):
    path = tmp_path / "pins.csv"
    path.write_text("Pin link,Impressions,Outbound clicks,Save rate,Created date\n"
                    "https://www.pinterest.fr/pin/987654321/,100,4,2.5%,2026-09-30\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["post_id"].tolist() == ["987654321"]
    assert df["save_rate"].tolist() == [0.025]
    assert "layout_unverified" in _codes(df)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_two_pins_whose_ids_a_spreadsheet_rounded_stay_two(tmp_path, fmt):
    """Re-saved by a spreadsheet, the Pin ids 1123456789012345678 and 1123456789012345999 were
    both 1.12346E+18 in a CSV, both 1.123456789012346e+18 in a workbook (a float): the two
    Pins became one, the merge dropped the one with 4,200 impressions and called it a repeat
    ('repeated_in_file'). Each Pin's /pin/<id>/ link has its exact id; a Pin without a link
    keeps its rounded id, matched with no other Pin (4,200 + 1,875 + 500 impressions kept)."""
    import smmanalytics as smm

    rows = rows_of(FIX / "pinterest_pins_2026-10.csv")
    rows.append(["", "", "2026-10-05", "Sans lien", "500", "1", "2", "0", "3", ""])
    for row in rows[1:]:
        row[0] = "1.12346E+18" if fmt == "csv" else float(1123456789012345678)
    if fmt == "csv":
        path = tmp_path / "pinterest_pins.csv"
        path.write_text("\n".join(",".join(f'"{v}"' for v in row) for row in rows) + "\n")
    else:
        path = sheet(tmp_path / "pinterest_pins.xlsx", rows)
    ds = smm.load(path, cache=False)
    rounded = {"csv": "1.12346E+18", "xlsx": "1.123456789012346e+18"}[fmt]
    assert ds.posts["post_id"].tolist() == ["1123456789012345678", "1123456789012345999",
                                            rounded]
    assert ds.posts["impressions"].tolist() == [4200, 1875, 500]
    assert ds.posts["permalink"].isna().tolist() == [False, False, True]
    q = ds.quality.set_index("code")
    assert q.loc["post_id_from_link", "rows"] == 2 and q.loc["post_id_damaged", "rows"] == 1
    assert "repeated_in_file" not in q.index


def test_plain_impressions_file_is_not_pinterest(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Date,Impressions\n2026-10-01,5\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError):
        read_file(path)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.integers(0, 10**8), st.integers(0, 10**5),
                               st.integers(0, 10**4)), min_size=1, max_size=8),
       sep=st.sampled_from([",", ";"]))
def test_generated_files_load_as_written(tmp_path, rows, sep):
    lines = [sep.join(["Pin id", "Impressions", "Pin clicks", "Saves"])]
    lines += [sep.join([str(10**15 + i), str(a), str(b), str(c)])
              for i, (a, b, c) in enumerate(rows)]
    path = tmp_path / "pinterest_gen.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["impressions"].tolist() == [r[0] for r in rows]
    assert df["clicks"].tolist() == [r[1] for r in rows]
    assert df["saves"].tolist() == [r[2] for r in rows]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_files_raise_only_smm_errors(tmp_path, data):
    src = data.draw(st.sampled_from(sorted(FIX.iterdir())))
    raw = bytearray(src.read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.sampled_from(b',;"\n :%-./0123456789K\xc3\x00'))
    path = tmp_path / src.name
    path.write_bytes(bytes(raw))
    try:
        read_file(path)
    except SmmError as exc:
        assert "unexpected error" not in str(exc), exc   # our parsers raise deliberate errors


@pytest.mark.parametrize("preamble", [True, False])
def test_a_header_of_as_many_columns_of_another_export_is_named_not_its_cell(tmp_path,
                                                                             preamble):
    # GA4's traffic report has 10 columns, as the pins: no row of another width betrays its
    # header, which failed as "line 4, column 'Pin created date': cell is not a date … got
    # 'Engaged sessions'"; its '#' preamble (9 lines) above it or not
    ga4 = (FIX.parent / "ga4" / "traffic_acquisition_en.csv").read_text(encoding="utf-8")
    if not preamble:
        ga4 = "".join(x for x in ga4.splitlines(keepends=True) if not x.startswith("#"))
    path = tmp_path / "pinterest_pins_2026-10.csv"
    path.write_text((FIX / "pinterest_pins_2026-10.csv").read_text(encoding="utf-8") + ga4,
                    encoding="utf-8")
    with pytest.raises(SmmError, match="a header of other columns starts rows of another "
                       "export") as err:
        read_file(path)
    # the pasted export starts on line 4, its preamble's first line (its header on 13)
    assert err.value.line == 4
    assert err.value.reason.endswith("" if not preamble else
                                     "its '#' preamble above its header on line 13")
    assert err.value.got == ("Session source / medium, Sessions, Engaged sessions, "
                             "Engagement rate, …")


def test_a_bad_number_in_a_pins_sheet_names_its_cell(tmp_path):
    # the Pins export re-saved as a workbook: header on row 1, the second Pin on row 3, its
    # Saves (column F) written over by hand
    rows = rows_of(FIX / "pinterest_pins_2026-10.csv")
    rows[2][5] = "a few"
    path = sheet(tmp_path / "pins.xlsx", rows, title="Pins")
    with pytest.raises(SmmError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 3, cell Pins!F3, column 'Saves': cell is not a number; expected "
        "a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or empty/-/N/A; got 'a few'")


_OVERVIEW_ROWS = ("Date,Impressions,Engagements,Pin clicks,Outbound clicks,Saves\n"
                  "2026-10-01,1500,90,40,12,38\n"
                  "2026-10-02,1720,101,51,15,35\n")


@pytest.mark.parametrize(("preamble", "lines", "header_line"), [
    # title, a date range whose text holds commas (three cells), a blank line
    ("Pinterest Analytics\nDate range: Oct 1, 2026 - Oct 2, 2026\n\n", "1-3", 4),
    # title, date range, filters (quoted: one cell), blank line
    ('"Overview"\n"Date range: 2026-10-01 to 2026-10-02"\n'
     '"Content type: All, Device: All"\n\n', "1-4", 5),
    # the filters line holds a ';' (two cells split so)
    ("Overview\nDate range: 2026-10-01 - 2026-10-02\nContent type: All; Device: All\n",
     "1-3", 4),
    ("Pinterest Analytics\n\n", "1-2", 3),                      # title and a blank line
    # a spreadsheet's re-save pads each line with empty cells
    ('"Overview","","","","",""\n"Date range: 2026-10-01 - 2026-10-02","","","","",""\n',
     "1-2", 3)])
def test_a_block_of_preamble_lines_above_the_header_is_read_as_such(
        tmp_path, preamble, lines, header_line):
    """Lines of title, date range and filters above the header were read as the header
    ("table with headers ['Overview']") and the file refused. The header is the line a format
    recognises; the lines above it are noted. Figures as written: 1500 + 1720 = 3220
    impressions, 38 + 35 = 73 saves."""
    path = tmp_path / "pinterest_overview.csv"
    path.write_text(preamble + _OVERVIEW_ROWS, encoding="utf-8")
    df = read_export(path)
    values = df.groupby("metric")["value"].sum()
    assert (values["impressions"], values["saves"]) == (3220, 73)
    assert sorted(df["date"].dt.strftime("%Y-%m-%d").unique()) == ["2026-10-01", "2026-10-02"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "preamble_lines")
    assert note["message"].startswith(f"lines {lines} above the header (line {header_line})")
    assert note["level"] == "info"
    if "Date range" in preamble:
        assert "'Date range: " in note["message"]


def test_the_preamble_lines_text_and_date_range_are_kept(tmp_path):
    from smmanalytics.loaders._preamble import headers_below, split_text

    text = "Pinterest Analytics\nDate range: Oct 1, 2026 - Oct 2, 2026\n\n" + _OVERVIEW_ROWS
    first, = split_text(text, source="p.csv")
    # the title line is read as a title above the date range's three cells, taken as header
    assert first.header == ["Date range: Oct 1", "2026 - Oct 2", "2026"]
    below = next(headers_below(first))
    assert (below.first_line, below.header[:2]) == (4, ["Date", "Impressions"])
    assert below.meta["preamble"] == ("Pinterest Analytics\n"
                                      "Date range: Oct 1, 2026 - Oct 2, 2026")
    assert below.meta["title"] == "Pinterest Analytics"
    assert below.meta["date_range"] == "Oct 1, 2026 - Oct 2, 2026"
    assert below.meta["preamble_lines"] == "1-3"


def test_a_table_no_format_claims_names_the_line_taken_as_its_header(tmp_path):
    """A file refused named headers ['Date range: Oct 1', …] without saying they were line 2's
    (line 1 a title): the error now names it."""
    path = tmp_path / "pinterest_other.csv"
    path.write_text("Pinterest Analytics\nDate range: Oct 1, 2026 - Oct 2, 2026\n\n"
                    "Day,Views,Clicks\n2026-10-01,1,2\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="its header read on line 2"):
        read_export(path)


#: three Pins whose ids a spreadsheet cut to 15 digits and wrote back as digits: all read
#: 1123456789012340000; two links give the real ids, the third Pin has none
PINS_ROUNDED_TO_ONE = (
    "Pin id,Pin link,Pin created date,Title,Impressions,Saves,Pin clicks,Outbound clicks\n"
    "1123456789012340000,https://www.pinterest.com/pin/1123456789012345678/,2026-10-01,A,"
    "100,1,2,3\n"
    "1123456789012340000,https://www.pinterest.com/pin/1123456789012339999/,2026-10-02,B,"
    "200,2,3,4\n"
    "1123456789012340000,,2026-10-03,C,300,3,4,5\n")


def test_ids_cut_to_15_digits_are_not_one_pin(tmp_path):
    """The three Pins were merged into one (300 impressions, the last row's) and the third
    got a link made of the rounded id, /pin/1123456789012340000/, a Pin no one posted. Now
    the links' ids are the first two's, the third keeps its id as unreliable (matched with
    no other Pin) and no link: 100 + 200 + 300 = 600 impressions over three Pins."""
    f = tmp_path / "pinterest_pins.csv"
    f.write_text(PINS_ROUNDED_TO_ONE)
    ds = smm.load(f, cache=False)
    pins = ds.posts.sort_values("impressions")
    assert pins["post_id"].tolist() == ["1123456789012345678", "1123456789012339999",
                                        "1123456789012340000"]
    assert pins["impressions"].sum() == 100 + 200 + 300
    assert pins["permalink"].isna().tolist() == [False, False, True]
    q = ds.quality.set_index("code")
    assert q.loc["post_id_from_link", "rows"] == 2
    assert q.loc["post_id_damaged", "rows"] == 1
    assert "line 2" in q.loc["post_id_from_link", "message"]


def test_an_exact_id_ending_in_zeros_stays_the_pins(tmp_path):
    """An id of 19 digits ending in 000 that its link confirms and no other row repeats is
    a Pin's id like any other: its link is kept, nothing is noted."""
    f = tmp_path / "pinterest_pins.csv"
    f.write_text("Pin id,Pin link,Pin created date,Title,Impressions,Saves,Pin clicks,"
                 "Outbound clicks\n1123456789012340000,,2026-10-03,C,300,3,4,5\n")
    ds = smm.load(f, cache=False)
    assert ds.posts["permalink"].tolist() == [
        "https://www.pinterest.com/pin/1123456789012340000/"]
    assert "post_id_damaged" not in set(ds.quality["code"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1123456789012340000", "1123456789012345678",
                                           "2116627530644900000", "999999999999000"]),
                          st.integers(0, 3)), min_size=1, max_size=8))
def test_zeros_rounded_flags_only_contradicted_ids_ending_in_000(rows):
    """Ids drawn from a few (two rounded-looking, one exact, one of 15 digits, which a
    spreadsheet keeps whole) with random figures, no links: an id is flagged exactly when it
    has 16+ digits, ends in 000 and comes again with other figures."""
    from smmanalytics.loaders._ids import zeros_rounded

    ids = pd.Series([str(i) for i, _ in rows], dtype="string")
    figures = pd.DataFrame({"impressions": [float(f) for _, f in rows]})
    got = zeros_rounded(ids, pd.Series([pd.NA] * len(rows), dtype="string"), figures)
    seen: dict[str, set[int]] = {}
    for i, f in rows:
        seen.setdefault(str(i), set()).add(f)
    want = [len(s) >= 16 and s.endswith("000") and len(seen[s]) > 1 for s in ids]
    assert got.tolist() == want


_PINS_HEADER = "Pin id,Pin link,Pin created date,Impressions,Saves,Save rate\n"


@pytest.mark.parametrize("name,body,named", [
    # the days were read before the figures: 30 February on line 3 was named where 'lots'
    # of saves on line 2 came first
    ("pinterest_overview_2026-10.csv", "Date,Impressions,Saves\n2026-10-01,1500,lots\n"
     "2026-02-30,1720,35\n", (2, "Saves", "lots")),
    # the figures field by field: line 3's impressions were named before line 2's saves
    ("pinterest_overview_2026-10.csv", "Date,Impressions,Saves\n2026-10-01,1500,lots\n"
     "2026-10-02,many,35\n", (2, "Saves", "lots")),
    # a Pin's counts were read first, then the creation days: 'many' impressions on line 3
    # were named where 30 February was the creation day of line 2
    ("pinterest_pins_2026-10.csv", _PINS_HEADER
     + "1123456789012345678,,2026-02-30,4200,85,0.02\n"
       "1123456789012345999,,2026-10-03,many,31,0.017\n", (2, "Pin created date", "2026-02-30")),
    # and the rates last: line 3's day was named before line 2's 'high' save rate
    ("pinterest_pins_2026-10.csv", _PINS_HEADER
     + "1123456789012345678,,2026-10-01,4200,85,high\n"
       "1123456789012345999,,2026-10-32,1875,31,0.017\n", (2, "Save rate", "high"))])
def test_of_two_bad_cells_the_first_in_the_file_is_named(tmp_path, name, body, named):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SmmError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == named


_DAILY_HEADER = ["Date", "Impressions", "Saves", "Pin clicks"]


@settings(max_examples=25, deadline=None)
@given(bad=st.lists(st.tuples(st.integers(2, 5), st.integers(0, 3)), min_size=2, max_size=3,
                    unique=True))
def test_of_any_bad_cells_of_an_overview_the_first_in_the_file_is_named(bad):
    """An overview of four days (lines 2 to 5) with bad cells anywhere (30 February for a
    day, ``lots`` for a figure): the one named is the least (line, column) of them."""
    rows = [[f"2026-10-0{d}", *(str(10 * d + k) for k in range(3))] for d in range(1, 5)]
    for line, col in bad:
        rows[line - 2][col] = "2026-02-30" if col == 0 else "lots"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pinterest_overview_2026-10.csv"
        path.write_text("\n".join(",".join(r) for r in [_DAILY_HEADER, *rows]) + "\n",
                        encoding="utf-8")
        with pytest.raises(SmmError) as err:
            read_export(path)
    line, col = min(bad)
    assert (err.value.line, err.value.column) == (line, _DAILY_HEADER[col])


def test_a_total_row_with_total_as_its_pin_id_is_read_into_no_note(tmp_path):
    """'Total' typed in the 'Pin id' cell of a row on top of the two Pins (line 2), its link
    and created date empty, its impressions written '6.075' (4200 + 1875). It was read as a
    Pin: its '6.075' noted as thousands on line 2, its content type among 3 guessed, before
    the finished table dropped it. It is dropped before the parse, and only its own note
    names it."""
    src = FIX / "pinterest_pins_2026-10.csv"
    head, *rows = src.read_text(encoding="utf-8").splitlines()
    path = tmp_path / src.name
    path.write_text("\n".join([head, "Total,,,,6.075,116,190,51,357,240", *rows]) + "\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["post_id"].tolist() == ["1123456789012345678", "1123456789012345999"]
    assert df["impressions"].tolist() == [4200, 1875]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert not {"counts_dot_thousands", "post_id_damaged", "post_id_missing"} & set(notes)
    assert notes["content_type_guessed"]["rows"] == 2          # the two Pins of the fixture
    assert notes["summary_row_dropped"]["rows"] == 1
    assert "line 2: its cell 'Total', in column 'Pin id', says it is a total" in \
        notes["summary_row_dropped"]["message"]


def test_french_metric_columns_left_unread_advise_a_synonyms_row(tmp_path):
    """A French daily file ('Enregistrements', 'Clics sur l’épingle' not known): its
    impressions are read (1 000 and 2 000, a space as thousands separator), the unread
    columns named with the synonyms.csv advice YouTube's and TikTok's get."""
    path = tmp_path / "pinterest_analyses.csv"
    path.write_text("Date;Impressions;Clics sur l’épingle;Enregistrements\n"
                    "01/10/2026;1 000;20;20\n02/10/2026;2 000;30;10\n", encoding="utf-8")
    (df,) = read_file(path)
    assert df.loc[df["metric"] == "impressions", "value"].tolist() == [1000, 2000]
    [note] = [q for q in df.attrs["quality"] if q["code"] == "extra_columns"]
    assert "a synonyms.csv beside the exports can name them" in note["message"]
    assert note["columns"] == ["Clics sur l’épingle", "Enregistrements"]

