"""X exports: legacy tweet activity, 2024+ content, account overview."""

from __future__ import annotations

import csv
import random
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import read_export
from smmanalytics.errors import ParseError
from smmanalytics.schema import validate

from ._helpers import _codes
from ._workbooks import rows_of, sheet

FIX = Path(__file__).parent / "fixtures" / "x"
UTC = "UTC"


def test_legacy_tweet_activity():
    df = read_export(FIX / "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv")
    validate(df, "posts")
    assert df.attrs["source_format"] == "x_tweet_activity"
    assert df["post_id"].tolist() == ["1226928883355791360", "1226928883355791361"]
    # export 2020-02-10 18:00 +0000; the snowflake gives the second: 18:00:15 (reference §3.1)
    assert df["published_at"][0] == pd.Timestamp("2020-02-10 18:00:15", tz=UTC)
    assert df["time_source"][0] == "decoded_id" and df["time_precision"][0] == "second"
    # second row: the id decodes to 2020-02-10, the export says 02-11 09:30 → export kept
    assert df["published_at"][1] == pd.Timestamp("2020-02-11 09:30", tz=UTC)
    assert df["time_source"][1] == "export"
    assert df["caption"][0] == 'Join us "today"\nfor the trial talk'
    assert df["impressions"].tolist() == [424, 1000]                 # "424.0"
    assert df["platform_engagement_rate"][0] == 0.007075471698113208  # a fraction
    assert df["reactions"].tolist() == [2, 20] and df["shares"].tolist() == [1, 4]
    assert df["comments"].tolist() == [0, 2] and df["link_clicks"].tolist() == [0, 10]
    # interactions = likes + replies + retweets: 2+0+1, 20+2+4
    assert df["interactions"].tolist() == [3, 26]
    # promoted impressions "-" → not promoted; 600 → promoted
    assert df["paid"].tolist() == [False, True]
    assert pd.isna(df["promoted_impressions"][0]) and df["promoted_impressions"][1] == 600
    assert df["account_id"].tolist() == ["USCTrials"] * 2
    # end date of the range in the file name: 2020-03-01 → end of that day
    assert (df["snapshot_at"] == pd.Timestamp("2020-03-02", tz=UTC)).all()


def test_legacy_favorites_is_likes():
    df = read_export(FIX / "tweet_activity_metrics_2015.csv")
    assert df["reactions"][0] == 2 and df["published_at"][0] == pd.Timestamp(
        "2015-05-17 20:31", tz=UTC)
    assert df["paid"][0] == False  # noqa: E712  ("-" = not promoted)


def test_content_export_2024():
    df = read_export(FIX / "account_analytics_content_2026-07-01_2026-07-31.csv")
    assert df.attrs["source_format"] == "x_content"
    # id 2077056051303153665: (id >> 22) + 1288834974657 ms = 2026-07-14 15:42:07.123 UTC,
    # which lies on the Date "Tue, Jul 14, 2026"
    assert df["published_at"][0] == pd.Timestamp("2026-07-14 15:42:07", tz=UTC)
    assert df["time_source"][0] == "decoded_id" and df["time_precision"][0] == "second"
    # id 1900000000000000000 decodes to 2025-03-13, far from Jul 16, 2026 → the day, UTC
    assert df["published_at"][1] == pd.Timestamp("2026-07-16", tz=UTC)
    assert df["time_precision"][1] == "day" and df["time_source"][1] == "export"
    assert "id_time_disagrees" in _codes(df)
    assert df["impressions"].tolist() == [1234, 800]                # "1,234"
    assert df["reactions"].tolist() == [40, 10]
    # shares = reposts + shares: 7+1, 2+0
    assert df["shares"].tolist() == [8, 2] and df["reposts"].tolist() == [7, 2]
    assert df["saves"].tolist() == [3, 0] and df["follows"].tolist() == [2, 0]
    assert df["link_clicks"].tolist() == [12, 3]
    # interactions = 40 + 5 + 8 + 3 = 56; 10 + 1 + 2 + 0 = 13
    assert df["interactions"].tolist() == [56, 13]
    assert (df["snapshot_at"] == pd.Timestamp("2026-08-01", tz=UTC)).all()


def test_two_content_exports_pasted_one_under_the_other(tmp_path):
    # the second export's header under the first one's rows made the file fail ("cell is not
    # a date": 'Date'); its rows are read, the header dropped and noted
    one = (FIX / "account_analytics_content_2026-07-01_2026-07-31.csv").read_text()
    path = tmp_path / "account_analytics_content_2026-07-01_2026-07-31.csv"
    path.write_text(one + one)
    df = read_export(path)
    assert df["post_id"].tolist() == ["2077056051303153665", "1900000000000000000"] * 2
    assert df["impressions"].dtype == "Float64"
    assert df["impressions"].tolist() == [1234, 800] * 2
    assert df["interactions"].tolist() == [56, 13] * 2
    notes = [q for q in df.attrs["quality"] if q["code"] == "header_repeated"]
    assert len(notes) == 1 and notes[0]["rows"] == 1 and "(line 4)" in notes[0]["message"]


def test_a_post_text_whose_closing_quote_was_deleted_is_an_error(tmp_path):
    # the file loaded with every number after the text shifted one column (40 impressions,
    # 95 likes), under a note of one short row
    text = (FIX / "account_analytics_content_2026-07-01_2026-07-31.csv").read_text()
    path = tmp_path / "account_analytics_content_2026-07-01_2026-07-31.csv"
    path.write_text(text.replace('"Linen week, day 1",', '"Linen week, day 1,'))
    with pytest.raises(ParseError, match="a quoted cell is never closed") as err:
        read_export(path)
    assert (err.value.line, err.value.column) == (2, "Post text")
    assert err.value.expected == 'a closing quote (") at the end of the cell'


def test_content_export_french_headers():
    df = read_export(FIX / "contenu_x_fr_2026-07-31.csv")
    assert df.attrs["source_locale"] == "fr-FR"
    assert df["post_id"][0] == "2077056051303153665"            # taken from the link
    assert df["published_at"][0] == pd.Timestamp("2026-07-14 15:42:07", tz=UTC)
    assert df["impressions"][0] == 1234 and df["reactions"][0] == 40   # "1 234", J'aime
    assert df["comments"][0] == 5 and df["shares"][0] == 7


def test_overview_daily_any_column_order():
    df = read_export(FIX / "account_overview_analytics_2026-07-03.csv")
    validate(df, "daily")
    wide = df.pivot(index="date", columns="metric", values="value")
    assert wide.loc["2026-07-01", "impressions"] == 5000
    assert wide.loc["2026-07-02", "impressions"] == 1200                # "1,200"
    assert wide.loc["2026-07-01", "follows"] == 9                       # New follows
    assert wide.loc["2026-07-01", "unfollows"] == 3
    assert wide.loc["2026-07-01", "posts_published"] == 2               # Create Post
    assert wide.loc["2026-07-01", "profile_visits"] == 40
    # the canonical daily names (reference §11.2), as the posts table has them
    assert sorted(wide.columns) == sorted(
        ["impressions", "platform_engagements", "reactions", "comments", "reposts", "follows",
         "unfollows", "saves", "shares", "shares_direct", "profile_visits", "posts_published",
         "video_views", "media_views"])
    row = wide.loc["2026-07-01"]
    assert row["shares"] == row["reposts"] + row["shares_direct"]
    assert df["day_tz"].unique().tolist() == ["UTC"] and "day_zone_assumed" in _codes(df)


def test_overview_generated_shuffled(tmp_path):
    cols = ["Date", "Impressions", "Engagements", "Likes", "Replies", "Reposts", "New follows",
            "Unfollows", "Bookmarks", "Shares", "Profile visits", "Create Post", "Video views",
            "Media views"]
    rng = random.Random(3)
    rng.shuffle(cols)
    days = pd.date_range("2026-02-01", periods=20)
    values = {c: [rng.randint(0, 5000) for _ in days] for c in cols if c != "Date"}
    lines = [",".join(cols)]
    for i, d in enumerate(days):
        cells = [f'"{d:%a, %b} {d.day}, {d.year}"' if c == "Date" else
                 (f'"{values[c][i]:,}"' if values[c][i] >= 1000 else str(values[c][i]))
                 for c in cols]
        lines.append(",".join(cells))
    path = tmp_path / "account_overview_analytics.csv"
    path.write_text("\n".join(lines) + "\n")
    df = read_export(path)
    wide = df.pivot(index="date", columns="metric", values="value")
    assert wide["impressions"].tolist() == values["Impressions"]
    assert wide["unfollows"].tolist() == values["Unfollows"]
    assert wide.index.tolist() == list(days)


def test_legacy_by_day_export():
    df = read_export(FIX / "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv")
    validate(df, "daily")
    assert df.attrs["source_format"] == "x_tweet_activity_daily"
    wide = df.pivot(index="date", columns="metric", values="value")
    assert wide["posts_published"].tolist() == [3, 0]              # Tweets published
    assert wide["impressions"].tolist() == [1524, 310]             # "1524.0"
    assert wide["reposts"].tolist() == [4, 0] and wide["reactions"].tolist() == [12, 1]
    assert wide["link_clicks"].tolist() == [8, 2] and wide["follows"].tolist() == [1, 0]
    assert wide.index.tolist() == [pd.Timestamp("2020-02-10"), pd.Timestamp("2020-02-11")]
    # file name range ends 2020-02-29 → snapshot at the end of that day
    assert (df["snapshot_at"] == pd.Timestamp("2020-03-01", tz=UTC)).all()


def test_content_export_resaved_with_numeric_dates(tmp_path):
    head = "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements\n"
    # day-first proved by 14 > 12
    (tmp_path / "eu.csv").write_text(head + "1,14/07/2026,a,https://x.com/a/status/1,10,1,2\n"
                                     "2,03/08/2026,b,https://x.com/a/status/2,20,2,3\n")
    eu = read_export(tmp_path / "eu.csv")
    assert eu["published_at"].tolist() == [pd.Timestamp("2026-07-14", tz=UTC),
                                           pd.Timestamp("2026-08-03", tz=UTC)]
    # nothing proves the order: month first assumed, and said so
    (tmp_path / "us.csv").write_text(head + "1,7/4/2026,a,https://x.com/a/status/1,10,1,2\n")
    us = read_export(tmp_path / "us.csv")
    assert us["published_at"][0] == pd.Timestamp("2026-07-04", tz=UTC)
    notes = [q for q in us.attrs["quality"] if q["code"] == "date_format_resaved"]
    assert notes and notes[0]["level"] == "warning"


def _content(tmp_path, rows, extra=""):
    """An X content export of ``rows`` (id, link, impressions[, extra cells]), all on one day."""
    head = f"Post id,Date,Post text,Post Link,Impressions{extra}\n"
    body = "".join(f'{i},"Tue, Jul 14, 2026",text,{link},{rest}\n' for i, link, rest in rows)
    (tmp_path / "x.csv").write_text(head + body)
    return read_export(tmp_path / "x.csv")


def test_ids_in_scientific_notation_are_read_from_the_links(tmp_path):
    # Excel writes a 19-digit id as 2.07706E+18: two posts whose ids round alike would be
    # merged as one; the link keeps the id whole
    df = _content(tmp_path, [("2.07706E+18", "https://x.com/a/status/2077056051303153665", 10),
                             ("2.07706E+18", "https://x.com/a/status/2077056051303153999", 20),
                             ("2.07706E+18", "", 30)])
    assert df["post_id"].tolist() == ["2077056051303153665", "2077056051303153999",
                                      "2.07706E+18"]
    notes = {q["code"]: q["rows"] for q in df.attrs["quality"]}
    assert notes["post_id_from_link"] == 2 and notes["post_id_damaged"] == 1


def test_ids_a_workbook_stored_as_numbers_are_read_from_the_links(tmp_path):
    """An X export opened in a spreadsheet and saved as .xlsx stores each id as a number: a
    float holds whole numbers exactly only up to 2**53 = 9007199254740992, so
    2077056051303153665 became 2077056051303153664 and 2077056051303153999 became
    2077056051303153920 (float(...) by hand), silently, and the same posts of a CSV export
    counted twice. The links keep the ids whole; a post without a link keeps its rounded id,
    which the merge does not trust."""
    head = ["Post id", "Date", "Post text", "Post Link", "Impressions"]
    path = sheet(tmp_path / "x.xlsx", [head] + [
        [float(2077056051303153665), "Tue, Jul 14, 2026", "a",
         "https://x.com/a/status/2077056051303153665", 10],
        [float(2077056051303153999), "Tue, Jul 14, 2026", "b",
         "https://x.com/a/status/2077056051303153999", 20],
        [float(2077056051303150000), "Tue, Jul 14, 2026", "c", None, 30],
        [123456, "Tue, Jul 14, 2026", "d", None, 40]])       # a short id is exact
    df = read_export(path)
    assert df["post_id"].tolist() == ["2077056051303153665", "2077056051303153999",
                                      "2077056051303150080", "123456"]
    notes = {q["code"]: q["rows"] for q in df.attrs["quality"]}
    assert notes["post_id_from_link"] == 2 and notes["post_id_damaged"] == 1
    assert df.attrs["unreliable_ids"] == ["2077056051303150080"]


def test_legacy_workbook_next_to_the_csv_export_keeps_each_tweet(tmp_path):
    """tweet_activity_metrics re-saved as .xlsx beside the CSV of the same two tweets: as
    floats, 1226928883355791360 and …361 are both 1226928883355791360, so the workbook's second
    tweet (1000 impressions) took the first one's id and replaced it, with no note. Read from
    the links, each tweet keeps its id and its figures (424 and 1000 impressions)."""
    import shutil

    import smmanalytics as smm

    csv = FIX / "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv"
    shutil.copy(csv, tmp_path / csv.name)
    rows = rows_of(csv)
    for row in rows[1:]:
        row[0] = float(row[0])
    sheet(tmp_path / "tweet_activity_metrics_USCTrials_20200201_20200302_en.xlsx", rows)
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert posts["impressions"].to_dict() == {"1226928883355791360": 424,
                                              "1226928883355791361": 1000}
    assert posts["source_file"].str.endswith(".xlsx").all()      # the newer export's figures
    assert "post_id_from_link" in set(ds.quality["code"])


def test_counts_with_dots_between_thousands(tmp_path):
    # reference §5.4: '1.250' thousands in an English-headed file; a count has no decimals
    df = _content(tmp_path, [(1, "https://x.com/a/status/1", "1.250,3"),
                             (2, "https://x.com/a/status/2", "812,4"),
                             (3, "https://x.com/a/status/3", "2.500,5")], ",Likes")
    assert df["impressions"].tolist() == [1250, 812, 2500]
    note = next(q for q in df.attrs["quality"] if q["code"] == "counts_dot_thousands")
    assert note["level"] == "warning" and "'Impressions'" in note["message"]
    # a true fraction among them: the column is read as written, and no note
    df = _content(tmp_path, [(1, "https://x.com/a/status/1", "1.250"),
                             (2, "https://x.com/a/status/2", "62.5")])
    assert df["impressions"].tolist() == [1.25, 62.5]
    assert "counts_dot_thousands" not in _codes(df)


def test_legacy_promoted_columns_are_all_kept():
    df = read_export(FIX / "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv")
    promoted = [c for c in df.columns if c.startswith("promoted_")]
    # every promoted column of the export (reference §3.1, the paid split), none dropped
    assert len(promoted) == 18 and "promoted_media_engagements" in promoted


def _snowflake(when: str) -> int:
    """An X post id created at ``when`` (UTC)."""
    ms = int(pd.Timestamp(when, tz="UTC").timestamp() * 1000)
    return (ms - 1288834974657) << 22


@pytest.mark.parametrize("created,order", [
    # re-saved day first: "03/10/2026" read month first was 10 March, and the ids' times, 3
    # and 5 October, were set aside for it
    (("2026-10-03 12:00:05", "2026-10-05 09:30:00"), "DMY"),
    # the ids agree with month first: 10 March and 10 May
    (("2026-03-10 12:00:05", "2026-05-10 09:30:00"), "MDY"),
])
def test_numeric_dates_with_no_day_above_12_take_the_order_the_post_ids_prove(
        tmp_path, created, order):
    """A content export re-saved with numeric dates, no day above 12: the order the post
    ids' times agree with is taken, each post takes its id's time, and the note says the ids
    prove the order (it said "assumed")."""
    ids = [_snowflake(t) for t in created]
    rows = [f'{ids[0]},03/10/2026,a,https://x.com/b/status/{ids[0]},100,1',
            f'{ids[1]},05/10/2026,b,https://x.com/b/status/{ids[1]},200,2']
    p = tmp_path / "account_analytics_content_2026-03-01_2026-10-31.csv"
    p.write_text("Post id,Date,Post text,Post Link,Impressions,Likes\n" + "\n".join(rows) + "\n")
    df = read_export(p)
    assert df["published_at"].tolist() == [pd.Timestamp(t, tz="UTC") for t in created]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert "id_time_disagrees" not in notes
    assert notes["date_format_resaved"]["message"].endswith(
        f"read as {order} — no day above 12, the post ids' times prove the order")
    assert notes["date_format_resaved"]["level"] == "info"


def test_a_content_export_in_italian_is_said_not_understood_not_misread(tmp_path):
    # X's Italian headers are not known (docs/italian-exports.md): these are made up to stand
    # for them. The file is not read as some other export: the load says it matches no known
    # format, names its headers, and points to the brand's synonyms.csv
    import smmanalytics as smm

    (tmp_path / "account_analytics_content_2026-07-01_2026-07-31.csv").write_text(
        "ID post,Data,Testo del post,Link del post,Impression,Mi piace,Interazioni\n"
        "1846012345678901234,\"mar 14 lug 2026\",Ciao,"
        "https://x.com/a/status/1846012345678901234,\"1.234\",10,40\n", encoding="utf-8")
    # a file not read: the export's name, and no format understands it
    with pytest.warns(smm.DataQualityWarning, match=r"^1 file could not be read .*: account_"
                      r"analytics_content_2026-07-01_2026-07-31\.csv: not understood as an "
                      r"export: "):
        ds = smm.load(tmp_path, cache=False)
    assert ds.posts.empty and ds.web.empty
    note = ds.quality.loc[ds.quality["code"] == "not_understood", "message"].tolist()
    assert len(note) == 1 and "'Testo del post'" in note[0] and "synonyms.csv" in note[0]


def test_a_bad_number_in_a_content_sheet_names_its_cell(tmp_path):
    # the content export re-saved as a workbook: header on row 1, the second post on row 3,
    # its Impressions (column E) written over by hand
    rows = rows_of(FIX / "account_analytics_content_2026-07-01_2026-07-31.csv")
    rows[2][4] = "many"
    path = sheet(tmp_path / "content.xlsx", rows, title="Content")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 3, cell Content!E3, column 'Impressions': cell is not a number; "
        "expected a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or empty/-/N/A; "
        "got 'many'")


@pytest.mark.parametrize("label", ["Total", ""])
def test_a_total_row_labelled_in_the_post_text_is_no_post(tmp_path, label):
    """A row under X's posts with no id, no date and no link, 'Total' under 'Post text' (or no
    label, its numbers the sums of the two posts): a sum, not a third post."""
    src = FIX / "account_analytics_content_2026-07-01_2026-07-31.csv"
    total = f',,{label},,"2,034",50,117,3,1,2,6,9,7,25,15,0,1'
    path = tmp_path / src.name
    path.write_text(src.read_text(encoding="utf-8") + total + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["post_id"].tolist() == ["2077056051303153665", "1900000000000000000"]
    assert df["impressions"].sum() == 2034
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    why = ("its cell 'Total', in column 'Post text', says it is a total" if label
           else "its numbers ('Impressions', 'Likes', 'Engagements' and 10 other columns) "
                "are the sums of the rows above")
    assert f"line 4: {why}" in note["message"]


def test_a_total_row_with_total_as_its_id_is_read_into_no_note(tmp_path):
    """'Total' typed in the 'Post id' cell of a row on top of X's posts (line 2), its Date and
    link empty, its impressions '2.250' (a count with a dot and three digits reads as
    thousands). The row was read as a post, its '2.250' noted as
    thousands on line 2 and its id as 'rounded by a spreadsheet' (post_id_damaged 1), before
    the finished table dropped it: it is dropped before the parse, and only its own note
    names it."""
    src = FIX / "account_analytics_content_2026-07-01_2026-07-31.csv"
    head, *rows = src.read_text(encoding="utf-8").splitlines()
    total = 'Total,,,,2.250,50,117,3,1,2,6,9,7,25,15,0,1'
    path = tmp_path / src.name
    path.write_text("\n".join([head, total, *rows]) + "\n", encoding="utf-8")
    df = read_export(path)
    # the fixture's two posts, their impressions "1,234" and 800, as without the Total row
    assert df["post_id"].tolist() == ["2077056051303153665", "1900000000000000000"]
    assert df["impressions"].tolist() == [1234, 800]
    codes = _codes(df)
    assert "counts_dot_thousands" not in codes and "post_id_damaged" not in codes
    assert "missing_publish_time" not in codes
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    assert note["rows"] == 1
    assert "line 2: its cell 'Total', in column 'Post id', says it is a total" in \
        note["message"]


@settings(max_examples=15, deadline=None)
@given(at=st.integers(0, 2), word=st.sampled_from(["Total", "TOTAL:", "Totale", "Grand total",
                                                   "Summe"]))
def test_a_total_id_anywhere_among_the_posts_is_only_its_own_note(at, word):
    """The row of :func:`test_a_total_row_with_total_as_its_id_is_read_into_no_note`, its id
    any summary word, above, between or under the fixture's two posts (line ``at + 2``):
    the posts are read as without it, and only the summary's note names it (by its line;
    under the data, the table's tail drops it first, by its word)."""
    src = FIX / "account_analytics_content_2026-07-01_2026-07-31.csv"
    head, *rows = src.read_text(encoding="utf-8").splitlines()
    rows.insert(at, f'"{word}",,,,2.250,50,117,3,1,2,6,9,7,25,15,0,1')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / src.name
        path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
        df = read_export(path)
    assert df["impressions"].tolist() == [1234, 800]
    assert not {"counts_dot_thousands", "post_id_damaged"} & _codes(df)
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    assert note["rows"] == 1 and repr(word) in note["message"]
    if at < len(rows) - 1:
        assert f"line {at + 2}: its cell {word!r}, in column 'Post id'" in note["message"]


def test_x_exports_lack_no_metric_they_carry():
    """No X export has views, and the French content file no bookmarks: neither is a metric
    found missing."""
    for path in sorted(FIX.iterdir()):
        df = read_export(path)
        assert "expected_metric_missing" not in _codes(df), path.name


@pytest.mark.parametrize("delim,evidence", [
    # French Excel's re-save: ';' and day first; the days make a run only read so
    (";", "the ';' separator says a spreadsheet with European settings saved it, day first, "
          "and only so are the rows consecutive days"),
    # no hint at all: the daily file's rows are consecutive days only read day first
    (",", "only so are the rows of this daily file consecutive days")])
def test_overview_resaved_day_first_with_no_day_above_12_is_read_day_first(
        tmp_path, delim, evidence):
    """An account overview re-saved by a French spreadsheet covering 1-5 July (01/07/2026 …
    05/07/2026) was read month first: 7 January, 7 February … 7 May, with only an "assumed"
    warning. A daily export is a run of consecutive days: it is read day first, and the note
    says what decided."""
    rows = "".join(f"{d:02d}/07/2026{delim}{1000 + d}{delim}{d}\n" for d in range(1, 6))
    p = tmp_path / "account_overview_analytics.csv"
    p.write_text(f"Date{delim}Impressions{delim}New follows\n" + rows, encoding="utf-8")
    df = read_export(p)
    imp = df[df["metric"] == "impressions"]
    assert imp["date"].dt.strftime("%Y-%m-%d").tolist() == [f"2026-07-0{d}" for d in range(1, 6)]
    assert imp["value"].tolist() == [1001, 1002, 1003, 1004, 1005]
    note = next(q for q in df.attrs["quality"] if q["code"] == "date_format_resaved")
    assert note["message"].endswith(f"read as DMY — no day above 12 in this column; {evidence}")
    assert note["level"] == "info"



def test_a_percent_in_the_reposts_column_is_an_error_not_a_fraction(tmp_path):
    """X's daily ``Reposts`` cell written ``12%`` was read 0.12, so the day's shares became
    3.12 (0.12 reposts + 3 shares) without a word: a count is no percentage, the file is
    refused naming the line, the column and the cell."""
    path = tmp_path / "account_overview_analytics_2026-07-03.csv"
    path.write_text("Date,Impressions,Likes,Shares,Reposts,New follows,Unfollows\n"
                    '"Wed, Jul 1, 2026",5000,120,2,15,9,3\n'
                    '"Thu, Jul 2, 2026",1200,30,3,12%,1,0\n', encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == (3, "Reposts", "12%")
    assert err.value.reason == "a count/amount, not a percentage"


def test_a_post_without_date_nor_readable_id_is_kept_and_its_line_noted(tmp_path):
    """A content row whose Date cell is empty and whose id is no snowflake has no publish time:
    it was kept without a word, falling out of every period. It is kept (a post, as Meta's
    loader keeps its undated posts) and noted naming its line: header on line 1, so the second
    data row is line 3."""
    path = tmp_path / "x.csv"
    path.write_text("Post id,Date,Post text,Post Link,Impressions\n"
                    '2077056051303153665,"Tue, Jul 14, 2026",a,'
                    "https://x.com/a/status/2077056051303153665,10\n"
                    "abc,,b,https://x.com/a/status/abc,20\n", encoding="utf-8")
    df = read_export(path)
    assert df["impressions"].tolist() == [10, 20]
    assert pd.isna(df["published_at"][1])
    note = next(q for q in df.attrs["quality"] if q["code"] == "missing_publish_time")
    assert note["rows"] == 1 and "line 3" in note["message"]


def test_a_post_with_an_empty_date_takes_its_time_from_its_id(tmp_path):
    """An empty Date cell with a snowflake id: the id gives the time, nothing is noted undated.
    (2077056051303153665 >> 22) + 1288834974657 ms = 2026-07-14 15:42:07.123 UTC."""
    path = tmp_path / "x.csv"
    path.write_text("Post id,Date,Post text,Post Link,Impressions\n"
                    "2077056051303153665,,a,https://x.com/a/status/2077056051303153665,10\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["published_at"][0] == pd.Timestamp("2026-07-14 15:42:07", tz=UTC)
    assert "missing_publish_time" not in _codes(df)


def test_legacy_tweet_with_an_empty_time_takes_its_time_from_its_id(tmp_path):
    """The legacy export's ``time`` cell emptied: the id (1226928883355791360 → 2020-02-10
    18:00:15 UTC, as in test_legacy_tweet_activity) gives the time, where it gave NaT."""
    src = FIX / "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv"
    path = tmp_path / src.name
    path.write_text(src.read_text(encoding="utf-8-sig").replace('"2020-02-10 18:00 +0000"',
                                                                '""'), encoding="utf-8")
    df = read_export(path)
    assert df["published_at"][0] == pd.Timestamp("2020-02-10 18:00:15", tz=UTC)
    assert df["time_source"][0] == "decoded_id"
    assert "missing_publish_time" not in _codes(df)


def test_many_undated_posts_name_their_first_five_lines(tmp_path):
    """7 posts without a date nor a snowflake id, on lines 2 to 8 (header on line 1): the
    note counts 7 and names the first 5 lines."""
    rows = "".join(f"id{k},,t,https://x.com/a/status/id{k},{k}\n" for k in range(7))
    path = tmp_path / "x.csv"
    path.write_text("Post id,Date,Post text,Post Link,Impressions\n" + rows, encoding="utf-8")
    df = read_export(path)
    note = next(q for q in df.attrs["quality"] if q["code"] == "missing_publish_time")
    assert note["rows"] == 7 and "lines 2, 3, 4, 5, 6 and 2 more" in note["message"]


def test_legacy_by_day_export_takes_its_account_from_the_file_name():
    """The by-day file holds no account; its name does, as the by-Tweet posts' links do
    (``twitter.com/USCTrials/status/…``): one account's posts and days join."""
    days = read_export(FIX / "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv")
    posts = read_export(FIX / "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv")
    assert set(days["account_id"]) == {"USCTrials"} == set(posts["account_id"])
    assert str(days["account_id"].dtype) == "string"
    assert "account_not_in_name" not in _codes(days)


def test_two_accounts_legacy_by_day_exports_stay_two_series(tmp_path):
    """Two accounts' by-day exports of the same days (a real case: one's rows were dropped as
    "also in a newer export"). The second is the first with 2020-02-10's impressions
    1524.0 → 9999.0: each account keeps its own value."""
    text = (FIX / "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv").read_text()
    (tmp_path / "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv").write_text(text)
    other = text.replace('"2020-02-10","3","1524.0"', '"2020-02-10","3","9999.0"')
    assert other != text
    (tmp_path / "daily_tweet_activity_metrics_Other_Brand_20200201_20200229_en.csv"
     ).write_text(other)
    daily = smm.load(tmp_path).daily
    imp = daily[daily["metric"] == "impressions"].set_index(["account_id", "date"])["value"]
    # 2 days each (the fixture's two rows); the handle may hold underscores
    assert imp.to_dict() == {("Other_Brand", pd.Timestamp("2020-02-10")): 9999,
                             ("Other_Brand", pd.Timestamp("2020-02-11")): 310,
                             ("USCTrials", pd.Timestamp("2020-02-10")): 1524,
                             ("USCTrials", pd.Timestamp("2020-02-11")): 310}


def test_a_renamed_legacy_by_day_export_has_no_account_and_says_so(tmp_path):
    src = FIX / "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    renamed = tmp_path / "x_by_day.csv"
    renamed.write_bytes(src.read_bytes())
    df = read_export(renamed)
    assert df["account_id"].isna().all() and len(df) > 0
    note = next(q for q in df.attrs["quality"] if q["code"] == "account_not_in_name")
    assert "without an account" in note["message"]


#: X's account overview of the two days of the by-day fixture (10 Feb: 1530 impressions,
#: 11 Feb: 320), as X writes it: no account in the file nor its name
OVERVIEW_FEB_2020 = (
    "Date,Impressions,Engagements,Likes,Replies,Reposts,New follows,Unfollows,Bookmarks,"
    "Shares,Profile visits,Create Post,Video views,Media views\n"
    '"Tue, Feb 11, 2020",320,4,1,0,0,0,0,0,0,0,0,0,0\n'
    '"Mon, Feb 10, 2020",1530,42,12,1,4,1,0,0,0,5,3,0,0\n')


def _quality_rows(ds, code: str) -> pd.DataFrame:
    return ds.quality.loc[(ds.quality["code"] == code).to_numpy()]


def test_an_overview_beside_one_accounts_by_day_export_is_that_accounts(tmp_path):
    """The overview names no account, the by-day export USCTrials: the same two days were
    kept twice, impressions 1530 + 1524 + 320 + 310 = 3684. The overview's rows are the one
    named account's, so one export's figures win per day, as before ad0dd94: the by-day
    file's (both snapshots are the day after 11 February; the later file in sorted order
    wins), 1524 + 310 = 1834, and the overview's rows are noted as merged."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    (tmp_path / by_day).write_bytes((FIX / by_day).read_bytes())
    (tmp_path / "account_overview_analytics.csv").write_text(OVERVIEW_FEB_2020)
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    assert imp.set_index(["account_id", "date"])["value"].to_dict() == {
        ("USCTrials", pd.Timestamp("2020-02-10")): 1524,
        ("USCTrials", pd.Timestamp("2020-02-11")): 310}
    overview = str(tmp_path / "account_overview_analytics.csv")
    assigned = _quality_rows(ds, "account_assigned")
    assert assigned["file"].tolist() == [overview]
    assert "taken as USCTrials's" in assigned["message"].iloc[0]
    assert overview in _quality_rows(ds, "snapshot_merged")["file"].tolist()


def test_an_overview_beside_two_accounts_by_day_exports_stays_apart_and_says_so(tmp_path):
    """With two accounts named, whose the overview's days are is unknown: its rows keep no
    account (the two accounts' series stay as in ad0dd94's test) and a warning names it."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    text = (FIX / by_day).read_text()
    (tmp_path / by_day).write_text(text)
    # the other account's: 10 February's impressions 1524 → 9999 (identical files are read once)
    other = text.replace('"2020-02-10","3","1524.0"', '"2020-02-10","3","9999.0"')
    (tmp_path / "daily_tweet_activity_metrics_Other_20200201_20200229_en.csv").write_text(other)
    (tmp_path / "account_overview_analytics.csv").write_text(OVERVIEW_FEB_2020)
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    by_account = imp.groupby(imp["account_id"].fillna("-"))["value"].sum().to_dict()
    assert by_account == {"-": 1530 + 320, "Other": 9999 + 310, "USCTrials": 1524 + 310}
    unknown = _quality_rows(ds, "account_unknown")
    assert unknown["file"].tolist() == [str(tmp_path / "account_overview_analytics.csv")]
    assert unknown["level"].tolist() == ["warning"]
    assert "several (Other, USCTrials)" in unknown["message"].iloc[0]


@pytest.mark.parametrize(("name", "account"), [
    ("account_overview_analytics_atelierlumiere.csv", "atelierlumiere"),
    ("account_overview_analytics_atelier_lumiere_2026-10-31.csv", "atelier_lumiere"),
    ("account_overview_analytics_atelierlumiere (1).csv", "atelierlumiere"),
    # a second file's bare number (macOS's Finder, some browsers): read as "(1)" was; before,
    # these named no account (None), the other account's days merged with the brand's
    ("account_overview_analytics_atelierlumiere 2.csv", "atelierlumiere"),
    ("account_overview_analytics_atelierlumiere-2.csv", "atelierlumiere"),
    ("account_overview_analytics_atelierlumiere_2026-10-31 2.csv", "atelierlumiere"),
    ("account_overview_analytics_atelierlumiere_2026-10-31-2.csv", "atelierlumiere"),
    ("account_overview_analytics 2.csv", None),
    # X's own name, a browser's second download, a day or a date after it: no handle
    ("account_overview_analytics.csv", None),
    ("account_overview_analytics (1).csv", None),
    ("account_overview_analytics_2026-07-03.csv", None),
    ("account_overview_analytics_20260703.csv", None)])
def test_an_overview_renamed_after_its_account_is_that_accounts(tmp_path, name, account):
    """``account_overview_analytics_atelierlumiere.csv`` was read as no one's, like the brand's
    ``account_overview_analytics.csv``: the other account's days replaced the brand's. Its
    handle is read from its name, as the legacy by-day export's is; X's own name gives none."""
    (tmp_path / name).write_text(OVERVIEW_FEB_2020)
    df = read_export(tmp_path / name)
    assert df["account_id"].fillna("-").unique().tolist() == [account or "-"]
    noted = [q for q in df.attrs["quality"] if q["code"] == "account_from_name"]
    assert len(noted) == (account is not None)


def test_another_accounts_renamed_overview_is_left_out_by_brand_yaml(tmp_path):
    """The brand's by-day export (USCTrials) and another account's overview renamed after it:
    both were no one's (the overview) or kept together; the overview is now atelierlumiere's,
    and brand.yaml's ``x: USCTrials`` leaves its 2 days out. Impressions kept: the by-day
    file's 1524 (10 February) + 310 (11 February) = 1834, as in the fixture."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    (tmp_path / by_day).write_bytes((FIX / by_day).read_bytes())
    (tmp_path / "account_overview_analytics_atelierlumiere.csv").write_text(OVERVIEW_FEB_2020)
    (tmp_path / "brand.yaml").write_text("name: USC Trials\ntimezone: UTC\nlanguage: en\n"
                                         "accounts:\n  x: USCTrials\n", encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    assert set(imp["account_id"]) == {"USCTrials"}
    assert imp.loc[imp["date"].isin(pd.to_datetime(["2020-02-10", "2020-02-11"])),
                   "value"].sum() == 1834
    left_out = _quality_rows(ds, "account_not_declared")
    assert left_out["file"].tolist() == [
        str(tmp_path / "account_overview_analytics_atelierlumiere.csv")]
    # the account was read from the name: the warning says how to rename the brand's own file.
    # 28 rows: 2 days x 14 metrics (the 13 columns, Reposts + Shares giving shares as well)
    assert left_out["message"].iloc[0] == (
        "28 x daily rows of the account atelierlumiere, not the one brand.yaml declares "
        "(USCTrials): left out of the brand's figures; the account 'atelierlumiere' was read "
        "from the file's name: if the file is the brand's own export, rename it "
        "'account_overview_analytics_USCTrials.csv'")


@pytest.mark.parametrize("word", [
    "octobre", "october", "oct2026", "juillet_2026", "ottobre_2026", "2026", "Q3", "q3_2026",
    "final", "copie", "copia", "copy", "export_v2", "nouveau", "nuovo", "old",
    "octobre_2026-10-31"])
def test_an_overview_renamed_with_a_date_or_a_copys_word_names_no_account(tmp_path, word):
    """``account_overview_analytics_octobre.csv`` became the account 'octobre''s, which
    brand.yaml does not declare: the brand's 5,964 X daily rows were left out. A month, a
    year, a quarter or a copy's word is no handle: the file names no account, as X's own
    name, and the word is noted."""
    name = f"account_overview_analytics_{word}.csv"
    (tmp_path / name).write_text(OVERVIEW_FEB_2020)
    df = read_export(tmp_path / name)
    assert df["account_id"].isna().all()
    assert "account_from_name" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "name_not_handle")
    assert note["level"] == "info"
    assert repr(word.removesuffix("_2026-10-31")) in note["message"]


@pytest.mark.parametrize("name", [
    "account_overview_analytics_atelierlumiere_octobre.csv",
    "account_overview_analytics_copie_atelierlumiere_final.csv",
    "account_overview_analytics_2026_atelierlumiere_v2 (1).csv"])
def test_date_and_copy_words_beside_a_handle_are_set_aside(tmp_path, name):
    (tmp_path / name).write_text(OVERVIEW_FEB_2020)
    df = read_export(tmp_path / name)
    assert df["account_id"].unique().tolist() == ["atelierlumiere"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "account_from_name")
    assert "set aside" in note["message"]


@given(month=st.sampled_from(sorted(
           "january february march april may june july august september october november "
           "december jan feb mar apr jun jul aug sep sept oct nov dec "
           "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre "
           "decembre janv fevr avr juil "
           "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
           "novembre dicembre gen mag giu lug ago set ott dic".split())),
       year=st.integers(2000, 2099), form=st.sampled_from(["{m}", "{m}_{y}", "{m}{y}",
                                                           "{y}_{m}", "{M}_{y}"]))
def test_no_month_with_or_without_a_year_is_taken_for_a_handle(month, year, form):
    """en/fr/it month names and abbreviations, with or without a year, in any case."""
    from smmanalytics.loaders._candidate import ParseContext
    from smmanalytics.loaders.x import _overview_handle
    from smmanalytics.quality import QualityLog

    word = form.format(m=month, M=month.capitalize(), y=year)

    class _Named:          # all _overview_handle reads of the file is its name
        basename = f"account_overview_analytics_{word}.csv"

    log = QualityLog()
    assert _overview_handle(_Named(), ParseContext("f.csv", log)) is None
    assert [e["code"] for e in log.entries] == ["name_not_handle"]


def test_the_brands_overview_renamed_after_a_month_keeps_its_days(tmp_path):
    """The brand's own overview renamed ``…_octobre.csv``, brand.yaml declaring ``x:
    maisonseve``: its days were left out as the account octobre's (impressions 0). Now no
    one's, they are kept: 1530 (10 February) + 320 (11 February) = 1850, as written."""
    (tmp_path / "account_overview_analytics_octobre.csv").write_text(OVERVIEW_FEB_2020)
    (tmp_path / "brand.yaml").write_text("name: Maison Sève\ntimezone: UTC\nlanguage: fr\n"
                                         "accounts:\n  x: maisonseve\n", encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[(ds.daily["platform"] == "x") & (ds.daily["metric"] == "impressions")]
    assert imp["value"].sum() == 1850
    assert _quality_rows(ds, "account_not_declared").empty


# ids whose times (id >> 22) + 1288834974657 ms are 1791209007000 = 2026-10-05 14:03:27 UTC
# and 1791278100000 = 2026-10-06 09:15:00 UTC
_RESAVED_IDS = ("2107109413352375049", "2107399210398647049")


@pytest.mark.parametrize(("sep", "times", "order_note"), [
    # a French spreadsheet: ';', day first; no day above 12, the ids prove the order
    (";", ("05/10/2026 14:03", "06/10/2026 09:15"), "read as DMY"),
    # an American one: month first, ',' kept
    (",", ("10/05/2026 14:03", "10/06/2026 09:15"), "read as MDY"),
    # the +0000 dropped alone
    (",", ("2026-10-05 14:03", "2026-10-06 09:15"), None)])
def test_a_legacy_tweet_activity_export_resaved_by_a_spreadsheet_is_read(
        tmp_path, sep, times, order_note):
    """The legacy export's ``time`` re-saved by a spreadsheet (``05/10/2026 14:03``, the
    +0000 dropped) was refused by the strict format, though each Tweet id gives its time: it
    is read as UTC, the day order decided by the ids as in the content export, each time to
    the second from its id (above), and the re-save noted."""
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "likes",
              "replies", "retweets"]
    rows = [[pid, f"https://twitter.com/maisonseve/status/{pid}", "hello", t, n, "2.0",
             "0.0", "1.0"]
            for pid, t, n in zip(_RESAVED_IDS, times, ("1000.0", "2000.0"), strict=True)]
    path = tmp_path / "tweet_activity_metrics_maisonseve_20261001_20261031_en.csv"
    path.write_text("\n".join(sep.join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["published_at"].tolist() == [pd.Timestamp("2026-10-05 14:03:27", tz=UTC),
                                           pd.Timestamp("2026-10-06 09:15:00", tz=UTC)]
    assert df["time_source"].tolist() == ["decoded_id", "decoded_id"]
    assert df["impressions"].tolist() == [1000, 2000]
    codes = _codes(df)
    assert "time_resaved" in codes and "time_dropped" not in codes
    resaved = [q["message"] for q in df.attrs["quality"] if q["code"] == "date_format_resaved"]
    assert (order_note is None and not resaved) or order_note in resaved[0]


def test_a_resaved_legacy_time_whose_id_gives_none_is_kept_to_the_minute(tmp_path):
    """Without a decodable id the re-saved time is the post's, at the export's minute, UTC:
    13/10/2026 (a day above 12: day first) 18:30 → 2026-10-13 18:30 UTC."""
    path = tmp_path / "tweet_activity_metrics_maisonseve_20261001_20261031_en.csv"
    path.write_text("Tweet id;Tweet permalink;time;impressions;likes;replies;retweets\n"
                    "abc;https://twitter.com/maisonseve/status/abc;13/10/2026 18:30;10;1;0;0\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["published_at"].tolist() == [pd.Timestamp("2026-10-13 18:30", tz=UTC)]
    assert df["time_source"].tolist() == ["export"]
    assert df["time_precision"].tolist() == ["minute"]


def test_another_accounts_by_day_export_does_not_take_the_brands_overview(tmp_path):
    """brand.yaml declares the X account USCTrials, whose posts are in the folder (the
    by-Tweet export), with the brand's overview (no account) and another account's by-day
    file (Other, in its name). The overview was given to Other, the one account the daily
    files name, and the filter of declared accounts then left the brand's whole X series
    out. Its rows now keep no account, kept as the brand's, Other's left out: the brand's
    impressions are the overview's, 1530 + 320 = 1850 (OVERVIEW_FEB_2020)."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    by_tweet = "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv"
    (tmp_path / by_day.replace("USCTrials", "Other")).write_bytes((FIX / by_day).read_bytes())
    (tmp_path / by_tweet).write_bytes((FIX / by_tweet).read_bytes())
    (tmp_path / "account_overview_analytics.csv").write_text(OVERVIEW_FEB_2020)
    (tmp_path / "brand.yaml").write_text("name: USC\naccounts:\n  x: usctrials\n")
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    assert imp["account_id"].isna().all()
    assert imp["value"].sum() == 1530 + 320
    note = _quality_rows(ds, "account_not_assigned")
    assert note["file"].tolist() == [str(tmp_path / "account_overview_analytics.csv")]
    assert note["level"].tolist() == ["info"]
    assert "name only Other, while brand.yaml declares usctrials" in note["message"].iloc[0]
    assert _quality_rows(ds, "account_assigned").empty


def test_a_declaration_no_export_uses_leaves_the_named_account_to_decide(tmp_path):
    """brand.yaml's Maison_Seve, named by no export (a former handle), says nothing of
    whose the rows are (keep_declared_accounts keeps them all): the overview is the one
    named account's, as without brand.yaml, and one export wins per day: 1524 + 310."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    (tmp_path / by_day).write_bytes((FIX / by_day).read_bytes())
    (tmp_path / "account_overview_analytics.csv").write_text(OVERVIEW_FEB_2020)
    (tmp_path / "brand.yaml").write_text("name: Maison Sève\naccounts:\n  x: Maison_Seve\n")
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    assert imp.groupby("account_id")["value"].sum().to_dict() == {"USCTrials": 1524 + 310}
    assert len(_quality_rows(ds, "account_assigned")) == 1


def test_the_declared_accounts_by_day_export_still_takes_the_overview(tmp_path):
    """Declared and named alike (in another case: ``@usctrials``), the overview is the
    by-day file's account's, and one export wins per day as without brand.yaml: 1524 + 310
    (the by-day file's impressions of 10 and 11 February)."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    (tmp_path / by_day).write_bytes((FIX / by_day).read_bytes())
    (tmp_path / "account_overview_analytics.csv").write_text(OVERVIEW_FEB_2020)
    (tmp_path / "brand.yaml").write_text("name: USC\naccounts:\n  x: '@usctrials'\n")
    ds = smm.load(tmp_path, cache=False)
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    assert imp.set_index(["account_id", "date"])["value"].to_dict() == {
        ("USCTrials", pd.Timestamp("2020-02-10")): 1524,
        ("USCTrials", pd.Timestamp("2020-02-11")): 310}
    assert len(_quality_rows(ds, "account_assigned")) == 1


def test_without_brand_yaml_the_posts_account_decides(tmp_path):
    """No brand.yaml: the brand's posts (the by-Tweet export of USCTrials, links
    twitter.com/USCTrials/status/…) say whose its overview is; another account's by-day
    file does not take it. Overview 1530 + 320 unnamed; Other's 1524 + 310 apart."""
    by_day = "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv"
    by_tweet = "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv"
    (tmp_path / by_day.replace("USCTrials", "Other")).write_bytes((FIX / by_day).read_bytes())
    (tmp_path / by_tweet).write_bytes((FIX / by_tweet).read_bytes())
    (tmp_path / "account_overview_analytics.csv").write_text(OVERVIEW_FEB_2020)
    ds = smm.load(tmp_path, cache=False)
    assert set(ds.posts["account_id"]) == {"USCTrials"}
    imp = ds.daily[ds.daily["metric"] == "impressions"]
    by_account = imp.groupby(imp["account_id"].fillna("-"))["value"].sum().to_dict()
    assert by_account == {"-": 1530 + 320, "Other": 1524 + 310}
    note = _quality_rows(ds, "account_not_assigned")
    assert "while the platform's posts name USCTrials" in note["message"].iloc[0]


_CONTENT_HEADER = ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,"
                   "Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,"
                   "Hashtag Clicks,Permalink Clicks\n")


def _content_row(post_id: str, link_id: str, impressions: int) -> str:
    return (f'{post_id},"Sat, Oct 31, 2026",Bonjour,https://x.com/maisonseve/status/{link_id},'
            f"{impressions},2,10,0,0,0,2,0,2,3,0,0,1\n")


def test_ids_cut_to_15_digits_take_the_links_and_match_the_csv_export(tmp_path):
    """A re-saved export writes 2116627530644909089 as 2116627530644900000 (15 digits kept),
    its Post Link whole: the two posts were counted twice beside the October export (4 posts).
    The links' ids are the posts': 2 posts, the newer export's impressions, 175 and 525."""
    ids = ("2116627530644909089", "2116514900998560545")
    (tmp_path / "account_analytics_content_2026-10-01_2026-10-31.csv").write_text(
        _CONTENT_HEADER + _content_row(ids[0], ids[0], 170) + _content_row(ids[1], ids[1], 520))
    (tmp_path / "account_analytics_content_2026-10-25_2026-11-02.csv").write_text(
        _CONTENT_HEADER + _content_row("2116627530644900000", ids[0], 175)
        + _content_row("2116514900998560000", ids[1], 525))
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts.set_index("post_id")["impressions"].to_dict() == {ids[1]: 525, ids[0]: 175}
    note = _quality_rows(ds, "post_id_from_link")
    assert note["rows"].tolist() == [2]
    assert "2116627530644900000 for …/status/2116627530644909089, line 2" in \
        note["message"].iloc[0]


def test_an_id_cut_to_15_digits_without_a_link_is_matched_with_no_post(tmp_path):
    """Two rows of one id ending in 000, other figures (170, 520 impressions), no links:
    two posts a spreadsheet rounded to one id, both kept (690 impressions), noted, not one
    of them merged into the other."""
    rows = [r.replace("https://x.com/maisonseve/status/2116627530644900000", "")
            for r in (_content_row("2116627530644900000", "2116627530644900000", 170),
                      _content_row("2116627530644900000", "2116627530644900000", 520))]
    f = tmp_path / "account_analytics_content_2026-10-01_2026-10-31.csv"
    f.write_text(_CONTENT_HEADER + "".join(rows))
    ds = smm.load(f, cache=False)
    assert ds.posts["impressions"].sum() == 170 + 520
    assert _quality_rows(ds, "post_id_damaged")["rows"].tolist() == [2]


#: the French content export's columns: no Bookmarks, no Shares (reference §3.2)
_FRENCH_HEADER = "Post id,Date,Texte du post,Lien,Impressions,Engagements,J'aime,Réponses,Reposts\n"
_POST = "2115758999337785152"


def _english_october(tmp_path, bookmarks: str = "1") -> None:
    """The October English export of _POST: likes 10, bookmarks 1, shares 1, replies 1,
    reposts 3 (its order: Impressions, Likes, Engagements, Bookmarks, Shares, New follows,
    Replies, Reposts, …)."""
    (tmp_path / "account_analytics_content_2026-10-01_2026-10-31.csv").write_text(
        _CONTENT_HEADER + f'{_POST},"Sat, Oct 31, 2026",Bonjour,https://x.com/maisonseve/status/'
        f"{_POST},915,10,33,{bookmarks},1,0,1,3,7,7,0,0,3\n")


def test_a_newer_export_without_a_column_keeps_the_older_exports_figures(tmp_path):
    """The French export of 7 November (no Bookmarks nor Shares) erased the October English
    export's: saves NA, shares 3 (its reposts), interactions 20 + 1 + 3 = 24. Its figures are
    kept (likes 20, replies 1, reposts 3, impressions 1015), those it has no column for are
    the older export's (saves 1, direct shares 1), and the sums recomputed: shares 3 + 1 = 4,
    interactions 20 + 1 + 4 + 1 = 26."""
    _english_october(tmp_path)
    (tmp_path / "account_analytics_content_2026-10-01_2026-11-07.csv").write_text(
        _FRENCH_HEADER + f'{_POST},"Sat, Oct 31, 2026",Bonjour,https://x.com/maisonseve/'
        f"status/{_POST},1015,24,20,1,3\n")
    ds = smm.load(tmp_path, cache=False)
    post = ds.posts.iloc[0]
    assert len(ds.posts) == 1
    assert (post["impressions"], post["reactions"], post["comments"]) == (1015, 20, 1)
    assert (post["saves"], post["shares_direct"], post["reposts"]) == (1, 1, 3)
    assert (post["shares"], post["interactions"]) == (4, 26)
    note = _quality_rows(ds, "figures_from_older_export")
    assert note["file"].tolist() == [str(tmp_path / "account_analytics_content_2026-10-01_"
                                         "2026-11-07.csv")]
    assert note["level"].tolist() == ["info"]
    assert note["message"].iloc[0].startswith("1 post keeps saves, ")
    assert "shares_direct from an older export" in note["message"].iloc[0]



def test_the_sentence_of_saves_from_an_older_export_says_the_interactions_were_recomputed(
        tmp_path):
    """The French export of 7 November takes the October export's saves 1 and direct shares
    1 (parts of the interactions, 24 → 26, as above): the note says the interactions were
    recomputed, and so does the report's sentence in each language, which names no
    platform's columns (it said "X's French export has no Bookmarks nor Shares" of any
    file)."""
    from smmanalytics.quality import note_kind
    from smmanalytics.report.formatting import Formatter

    _english_october(tmp_path)
    (tmp_path / "account_analytics_content_2026-10-01_2026-11-07.csv").write_text(
        _FRENCH_HEADER + f'{_POST},"Sat, Oct 31, 2026",Bonjour,https://x.com/maisonseve/'
        f"status/{_POST},1015,24,20,1,3\n")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["interactions"].tolist() == [26]          # 20 + 1 + (3 + 1) + 1
    message = _quality_rows(ds, "figures_from_older_export")["message"].item()
    assert message.startswith("1 post keeps saves, ")
    assert message.endswith("shares_direct from an older export, which the newer one does not "
                            "carry; the interactions were recomputed with them")
    kind = note_kind("figures_from_older_export", message)
    assert kind == "figures_from_older_export_interactions"
    words = {lang: Formatter(lang).quality(kind, message) for lang in ("en", "fr", "it")}
    assert words["en"].endswith("; as they are parts of the interactions, the interactions "
                                "were recomputed with them")
    assert words["fr"].endswith(" ; comme ils font partie des interactions, celles-ci ont été "
                                "recalculées avec eux")
    assert words["it"].endswith("; poiché fanno parte delle interazioni, queste sono state "
                                "ricalcolate con essi")
    assert not any(w in text for text in words.values()
                   for w in ("X", "Bookmarks", "Signets", "Segnalibri"))

def test_a_blank_cell_of_the_newer_export_is_its_figure(tmp_path):
    """A newer English export with the Bookmarks column, its cell blank: the newer export's
    saves is unknown, not the older one's 1 (a blank is no column missing), and nothing is
    noted."""
    _english_october(tmp_path, bookmarks="2")
    (tmp_path / "account_analytics_content_2026-10-01_2026-11-07.csv").write_text(
        _CONTENT_HEADER + f'{_POST},"Sat, Oct 31, 2026",Bonjour,https://x.com/maisonseve/status/'
        f"{_POST},1015,20,33,,1,0,1,3,7,7,0,0,3\n")
    ds = smm.load(tmp_path, cache=False)
    assert pd.isna(ds.posts["saves"].iloc[0])
    assert _quality_rows(ds, "figures_from_older_export").empty


def _content_with_bad_cells(tmp_path, bad: dict[tuple[int, str], str]):
    """An X content export of three posts (lines 2 to 4) whose cells ``bad`` ((line,
    header) → text) are written over by hand."""
    header = _CONTENT_HEADER.rstrip("\n").split(",")
    lines = [_content_row(f"21166275306449090{k}", f"21166275306449090{k}", 100 + k)
             for k in (11, 22, 33)]
    rows = [next(csv.reader([line])) for line in lines]
    for (line, column), cell in bad.items():
        rows[line - 2][header.index(column)] = cell
    body = "".join(",".join(f'"{c}"' for c in row) + "\n" for row in rows)
    path = tmp_path / "account_analytics_content.csv"
    path.write_text(_CONTENT_HEADER + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("bad,named", [
    # the figures were read first (for the ids), then the dates: 'lots' of likes on line 3
    # was named where 'yesterday' was the Date of line 2
    ({(2, "Date"): "yesterday", (3, "Likes"): "lots"}, (2, "Date", "yesterday")),
    # the figures field by field (impressions first): line 3's impressions before line 2's
    # replies
    ({(2, "Replies"): "many", (3, "Impressions"): "lots"}, (2, "Replies", "many")),
    # on one line, the leftmost: replies (column 11) were read before likes (column 6)
    ({(3, "Replies"): "x", (3, "Likes"): "y"}, (3, "Likes", "y"))])
def test_x_content_of_two_bad_cells_names_the_first_in_the_file(tmp_path, bad, named):
    path = _content_with_bad_cells(tmp_path, bad)
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == named


def test_x_overview_of_two_bad_cells_names_the_first_in_the_file(tmp_path):
    """The days were read before the figures: ``Jul 32`` on line 3 was named where ``lots``
    of likes on line 2 came first."""
    path = tmp_path / "account_overview_analytics_2026-07-03.csv"
    path.write_text("Date,Impressions,Likes,Shares,Reposts,New follows,Unfollows\n"
                    '"Wed, Jul 1, 2026",5000,lots,2,15,9,3\n'
                    '"Thu, Jul 32, 2026",1200,30,3,12,1,0\n', encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == (2, "Likes", "lots")


_OVERVIEW_HEADER = ["Date", "Impressions", "Likes", "Shares", "Reposts", "New follows",
                    "Unfollows"]


@settings(max_examples=25, deadline=None)
@given(bad=st.lists(st.tuples(st.integers(2, 6), st.integers(0, 6)), min_size=2, max_size=3,
                    unique=True))
def test_of_any_bad_cells_the_first_in_the_file_is_named(bad):
    """An overview of five days (lines 2 to 6) with bad cells anywhere (``Jul 32`` for a
    day, ``lots`` for a figure): the one named is the least (line, column) of them, whatever
    the order the loader reads its fields in."""
    rows = [[f'"Wed, Jul {d}, 2026"', *(str(10 * d + k) for k in range(6))]
            for d in range(1, 6)]
    for line, col in bad:
        rows[line - 2][col] = '"Thu, Jul 32, 2026"' if col == 0 else "lots"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "account_overview_analytics.csv"
        path.write_text(",".join(_OVERVIEW_HEADER) + "\n"
                        + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
        with pytest.raises(ParseError) as err:
            read_export(path)
    line, col = min(bad)
    assert (err.value.line, err.value.column) == (line, _OVERVIEW_HEADER[col])


# ------------------------------------- content exports named by their range: no export time
_RANGED_HEADER = ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,"
                   "Shares,New follows,Replies,Reposts\n")


def _ranged(folder: Path, start: str, end: str, impressions: int, likes: int) -> Path:
    """An X content export of one post (20 Oct 2026) named after the range chosen."""
    post = "2112483965137846272"
    path = folder / f"account_analytics_content_{start}_{end}.csv"
    path.write_text(_RANGED_HEADER + f'{post},"Tue, Oct 20, 2026",p,https://x.com/b/status/'
                    f"{post},{impressions},{likes},{likes},0,0,0,0,0\n", encoding="utf-8")
    return path


def test_two_content_exports_of_one_range_end_keep_the_larger_lifetime_totals(tmp_path):
    """Reviewer s56R2's v10: two exports whose ranges end on 31 October hold the same post,
    1,000 impressions and 10 likes in October's, 5,000 and 90 in August-to-October's. The
    name's end day was taken as the export time of both (a tie), and the later name,
    October's, won with its older, lower totals. Lifetime counts only grow: 5,000 / 90 is
    the later export, whatever the names' order; each file's time is noted as the range
    end, and the tie as resolved by the counts (an info)."""
    _ranged(tmp_path, "2026-08-01", "2026-10-31", 5000, 90)
    october = _ranged(tmp_path, "2026-10-01", "2026-10-31", 1000, 10)
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts[["impressions", "reactions"]].values.tolist() == [[5000, 90]]
    assert ds.quality["code"].eq("snapshot_range_end").sum() == 2
    q = ds.quality.set_index("code")
    assert "snapshot_tie" not in q.index
    assert q.loc["snapshot_range_tie", ["file", "level", "rows"]].tolist() == [
        str(october), "info", 1]
    assert "neither file states when it was exported" in q.loc["snapshot_range_tie", "message"]


def test_a_range_end_tie_with_counts_larger_on_each_side_is_a_warning(tmp_path):
    """5,000 impressions and 10 likes against 1,000 and 90: neither export's counts are all
    the larger, so which is later is unknown; the larger sum, 5,000 + 10 + 10 engagements =
    5,020 against 1,000 + 90 + 90 = 1,180, is kept, with a warning saying so."""
    _ranged(tmp_path, "2026-08-01", "2026-10-31", 5000, 10)
    october = _ranged(tmp_path, "2026-10-01", "2026-10-31", 1000, 90)
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts[["impressions", "reactions"]].values.tolist() == [[5000, 10]]
    q = ds.quality.set_index("code")
    assert q.loc["snapshot_range_tie_mixed", ["file", "level"]].tolist() == [
        str(october), "warning"]
    assert "1 of them has a smaller count" in q.loc["snapshot_range_tie_mixed", "message"]


def test_a_content_export_with_an_export_day_in_its_name_is_no_range_end(tmp_path):
    """One date in the name is the export's day, stated: no range-end note."""
    path = _ranged(tmp_path, "2026-10-01", "2026-10-31", 5000, 90)
    path.rename(tmp_path / "account_analytics_content_2026-11-02.csv")
    assert "snapshot_range_end" not in set(smm.load(tmp_path, cache=False).quality["code"])


@pytest.mark.parametrize("lang,note", [
    ("en", "lifetime totals as of the export (range ending 31 October 2026))"),
    ("fr", "cumuls au moment de l'export (période close le 31 octobre 2026))"),
    ("it", "totali al momento dell'esportazione (intervallo chiuso il 31 ottobre 2026))")])
def test_the_report_says_a_range_end_is_no_export_day(tmp_path, lang, note):
    """The method note read "lifetime totals as of 31 October 2026" of an export whose name
    gives only the range chosen, 1 to 31 October: no file states that day."""
    from smmanalytics.report import BrandReport

    _ranged(tmp_path, "2026-10-01", "2026-10-31", 1000, 10)
    rep = BrandReport(smm.load(tmp_path, cache=False), "2026-10", lang=lang)
    assert note in rep.method_notes()._repr_html_().replace("&#x27;", "'")


@pytest.mark.parametrize("dates,reads", [
    # month names: the order of all-number dates does not arise, the column is read once
    (("Sat, Oct 03, 2026", "Mon, Oct 05, 2026"), 1),
    # all-number, no day above 12: read month first and day first, the ids' times decide
    (("03/10/2026", "05/10/2026"), 2),
])
def test_a_content_exports_date_column_is_read_once_unless_its_order_is_open(
        tmp_path, monkeypatch, dates, reads):
    """X's Date column was parsed twice (once to see whether the order is open, once in the
    file's order): each parse costs ~10 ms whatever its cells. The parses are counted."""
    from smmanalytics.loaders import _tidy

    calls = []
    real = _tidy.parse_text_dates
    monkeypatch.setattr(_tidy, "parse_text_dates",
                        lambda cells, **kw: calls.append(kw["numeric_order"]) or real(cells, **kw))
    created = ("2026-10-03 12:00:05", "2026-10-05 09:30:00")
    ids = [_snowflake(t) for t in created]
    rows = [f'{i},"{d}",a,https://x.com/b/status/{i},100' for i, d in zip(ids, dates, strict=True)]
    p = tmp_path / "account_analytics_content_2026-10-01_2026-10-31.csv"
    p.write_text("Post id,Date,Post text,Post Link,Impressions\n" + "\n".join(rows) + "\n")
    df = read_export(p)
    assert len(calls) == reads
    # either way each post is its id's time: 3 and 5 October (the second reading day first)
    assert df["published_at"].tolist() == [pd.Timestamp(t, tz="UTC") for t in created]
