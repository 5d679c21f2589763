"""Notes a spreadsheet's user typed under an export's table are not read as its rows.

A real GA4 export re-saved in Excel ends in two lines of delimiters, then notes:
"Engagement rates compare", "6/25-7/2", "0.670124481". Under a posts export of any platform
those were read as posts (no publish time, post id "Engagement rates compare"), or failed the
whole file ("cell is not a date"). Each file below is written by hand: its posts, two blank
rows, the three notes; the counts and lines asserted are those of the file as written.
"""

from __future__ import annotations

import os

import openpyxl
import pandas as pd
import pytest

from smmanalytics.loaders import read_file

NOTES = ["Engagement rates compare", "6/25-7/2", "0.670124481"]


def _csv(path, header: list[str], rows: list[list[str]], *, blanks: int = 2):
    """Write ``header`` and ``rows`` (quoted), ``blanks`` lines of delimiters, then the notes
    padded with empty cells as a spreadsheet saves them."""
    width = len(header)
    lines = [",".join(f'"{c}"' for c in r) for r in (header, *rows)]
    lines += ["," * (width - 1)] * blanks + [n + "," * (width - 1) for n in NOTES]
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(path):
    (df,) = read_file(path)
    notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "notes_under_table"]
    return df, notes


def _said(lines: str, blanks: int = 2) -> str:
    under = "under the table after a blank line" if blanks else "under the table's rows"
    return (f"{lines}, {under}, are no rows of it (notes written under the table?): "
            "'Engagement rates compare', '6/25-7/2', '0.670124481'; not read")


_IG = ["Post ID", "Account ID", "Account username", "Account name", "Description",
       "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
       "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]


def _ig_row(i: int) -> list[str]:
    return [f"1780000000000000{i}", "1784", "brand", "Sève", f"été {i}", "0",
            f"10/0{i}/2026 10:00", f"https://www.instagram.com/p/C{i}abcdefgh/", "IG image",
            "", "Lifetime", "1000", "800", "40", "2", "1", "3", "5"]


@pytest.mark.parametrize(("blanks", "lines"), [(2, "lines 6-8"), (0, "lines 4-6")])
def test_meta_posts_with_notes_under_them(tmp_path, blanks, lines):
    # header line 1, posts 2-3, lines of delimiters 4-5, the notes 6-8 (or right under the
    # posts, 4-6): 2 posts, not 5
    df, notes = _read(_csv(tmp_path / "instagram_posts_2026-11-20.csv", _IG,
                           [_ig_row(1), _ig_row(2)], blanks=blanks))
    assert df["post_id"].tolist() == ["17800000000000001", "17800000000000002"]
    assert notes == [_said(lines, blanks)]
    codes = {q["code"] for q in df.attrs["quality"]}
    assert "missing_publish_time" not in codes
    assert ("blank_rows_skipped" in codes) is bool(blanks)


def test_rows_after_a_blank_row_that_are_posts_are_still_read(tmp_path):
    # header 1, post 2, a line of delimiters 3, two posts 4-5: three posts, no note of notes
    lines = [",".join(f'"{c}"' for c in r) for r in (_IG, _ig_row(1))]
    lines += ["," * (len(_IG) - 1)] + [",".join(_ig_row(i)) for i in (2, 3)]
    path = tmp_path / "instagram_posts_2026-11-20.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df, notes = _read(path)
    assert len(df) == 3 and notes == []


_X = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
      "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
      "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks"]


def _x_row(i: int) -> list[str]:
    post = 2027494271481909860 + i
    return [str(post), f"Fri, Feb 2{i}, 2026", f"post {i}", f"https://x.com/brand/status/{post}",
            "1074", "16", "34", "0", "0", "1", "4", "0", "4", "7", "0", "1", "1"]


@pytest.mark.parametrize(("blanks", "lines"), [(2, "lines 7-9"), (0, "lines 5-7")])
def test_x_posts_with_notes_under_them(tmp_path, blanks, lines):
    # header 1, posts 2-4, delimiters 5-6, notes 7-9 (or 5-7): 3 posts; "0.670124481" was
    # read as a post id rounded by a spreadsheet, and the three as posts of no publish time
    df, notes = _read(_csv(tmp_path / "account_analytics_content_2026-02-01_2026-02-28.csv",
                           _X, [_x_row(i) for i in range(3)], blanks=blanks))
    assert len(df) == 3
    assert notes == [_said(lines, blanks)]
    codes = {q["code"] for q in df.attrs["quality"]}
    assert not {"missing_publish_time", "post_id_damaged"} & codes


_TIKTOK = ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
           "Total shares", "Total views"]


@pytest.mark.parametrize(("blanks", "lines"), [(2, "lines 6-8"), (0, "lines 4-6")])
def test_tiktok_content_with_notes_under_it(tmp_path, blanks, lines):
    # header 1, videos 2-3, delimiters 4-5, notes 6-8 (or 4-6): 2 videos; the file failed
    # on the first note's line, "Engagement rates compare" not a date
    rows = [["October 1", f"vidéo {i}", f"https://www.tiktok.com/@brand/video/769137035386685605{i}",
             "September 30", "140", "12", "5", "1748"] for i in (1, 2)]
    path = _csv(tmp_path / "Content.csv", _TIKTOK, rows, blanks=blanks)
    os.utime(path, (1790931600, 1790931600))
    df, notes = _read(path)
    assert len(df) == 2
    assert notes == [_said(lines, blanks)]


def test_pinterest_pins_with_notes_right_under_them(tmp_path):
    # header 1, pins 2-3, notes 4-6 with no blank line above: read as 3 more pins, no note
    header = ["Pin id", "Pin link", "Pin created date", "Title", "Impressions", "Saves",
              "Pin clicks", "Outbound clicks", "Engagements", "Video views"]
    rows = [[f"112345678901234567{i}", f"https://www.pinterest.com/pin/112345678901234567{i}/",
             f"2026-10-0{i}", f"pin {i}", "4200", "85", "130", "42", "257", ""] for i in (1, 2)]
    df, notes = _read(_csv(tmp_path / "pinterest_pins_2026-10.csv", header, rows, blanks=0))
    assert len(df) == 2
    assert notes == [_said("lines 4-6", blanks=0)]


def test_a_total_under_the_rows_stays_a_summary_row(tmp_path):
    # header 1, posts 2-3, a "Total" row on 4 (two cells: few, as a note's): still told as a
    # total of the rows above, not as a note
    total = ["Total"] + [""] * 10 + ["2000"] + [""] * 6
    path = tmp_path / "instagram_posts_2026-11-20.csv"
    path.write_text("\n".join(",".join(r) for r in (_IG, _ig_row(1), _ig_row(2), total)),
                    encoding="utf-8")
    df, notes = _read(path)
    assert len(df) == 2 and notes == []
    assert "summary_row_dropped" in {q["code"] for q in df.attrs["quality"]}


_LINKEDIN = ["Post title", "Post link", "Post type", "Created date", "Impressions", "Clicks",
             "Likes", "Comments", "Reposts", "Follows", "Engagement rate"]


def _linkedin_posts(tmp_path, titles: list[str], blank_rows: int) -> pd.DataFrame:
    """The posts read from a LinkedIn workbook: title row 1, header 2, a post per title from
    row 3, ``blank_rows`` empty rows, then three notes typed under them (the last a number,
    as a spreadsheet keeps it)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "All posts"
    ws.append(["All posts data"])
    ws.append(_LINKEDIN)
    for i, title in enumerate(titles, start=1):
        link = f"https://www.linkedin.com/feed/update/urn:li:activity:{(1790840712345 + i) << 22}"
        ws.append([title, link, "Organic", "10/01/2026", 100, 1, 2, 3, 4, 5, 0.1])
    for _ in range(blank_rows):
        ws.append([None] * len(_LINKEDIN))
    for note in ("Engagement rates compare", "6/25-7/2", 0.670124481):
        ws.append([note])
    path = tmp_path / "brand_content_1791015300000.xlsx"
    wb.save(path)
    (df,) = [d for d in read_file(path) if d.attrs.get("sheet") == "All posts"]
    return df


def test_linkedin_workbook_with_notes_under_the_posts(tmp_path):
    # sheet rows: title 1, header 2, posts 3-4, empty rows 5-6, notes 7-9 (the last a number,
    # as a spreadsheet keeps it): 2 posts, not 5
    df = _linkedin_posts(tmp_path, ["post 1", "post 2"], blank_rows=2)
    assert df["caption"].tolist() == ["post 1", "post 2"]
    assert [q["message"] for q in df.attrs["quality"] if q["code"] == "notes_under_table"] == [
        "sheet 'All posts': " + _said("rows 7-9")]


@pytest.mark.parametrize(("after", "values", "noted"), [
    # header line 3 (under 'sep=,' and the title), days 4-5, an empty line 6, then:
    ('"0.670124481",""', [90, 95], True),        # a note in the Date column: not a day
    ('"2026-02-15T00:00:00","7"', [90, 95, 7], False),   # a day, as the table's: read
])
def test_a_daily_table_of_two_columns_tells_notes_from_days(tmp_path, after, values, noted):
    path = tmp_path / "instagram_content_interactions_2026-11-01.csv"
    head = 'sep=,\n"Content interactions"\n"Date","Primary"\n'
    rows = '"2026-02-13T00:00:00","90"\n"2026-02-14T00:00:00","95"\n'
    path.write_text(head + rows + ",\n" + after + "\n", encoding="utf-16")
    df, notes = _read(path)
    assert df["value"].tolist() == values
    assert bool(notes) is noted and (not noted or notes[0].startswith("line 7, under"))


def test_linkedin_notes_right_under_posts_of_words_name_their_rows(tmp_path):
    # titles of words only: no column form tells the notes from posts with no blank row above
    # them, so they stay rows (the format's to tell); the note on their missing date names
    # their sheet rows: title 1, header 2, posts 3-4, notes 5-7
    df = _linkedin_posts(tmp_path, ["Bonjour", "Automne"], blank_rows=0)
    assert len(df) == 5
    assert [q["message"] for q in df.attrs["quality"] if q["code"] == "date_missing"] == [
        "sheet 'All posts': posts without 'Created date': lines 5, 6, 7"]



# ---- rows of the table that look odd and are no notes (a reviewer's cases, dropped at first)

_GA4_HEAD = """# ----------------------------------------
# Traffic acquisition: Session source / medium
# Account: Maison Seve
# ----------------------------------------
# Start date: 20261001
# End date: 20261031
Session source / medium,Sessions,Engaged sessions,Engagement rate
google / organic,3000,2100,0.7
instagram / social,1200,800,0.6666666666666666
"""


@pytest.mark.parametrize("label", ["Email campaigns", "(not set),,,"])
def test_a_one_cell_line_between_ga4_rows_cuts_none_of_the_rows_under_it(tmp_path, label):
    """A line of one cell after a blank line, with rows of the table under it, starts no
    notes: the two sources under "Email campaigns" were dropped with it. The line alone is
    left unread, as a row holding no value (GA4's own rule), named by its line (11)."""
    path = tmp_path / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
    path.write_text(_GA4_HEAD + f"\n{label}\nnewsletter / email,150,90,0.6\n"
                    "(direct) / (none),1000,495,0.495\n", encoding="utf-8")
    (df,) = read_file(path)
    # 3,000 + 1,200 + 150 + 1,000: every source of the file, the label none
    assert df["sessions"].sum() == 5350
    assert sorted(df["source"].dropna()) == ["(direct)", "google", "instagram", "newsletter"]
    codes = [q["code"] for q in df.attrs["quality"]]
    assert "notes_under_table" not in codes
    (said,) = [q["message"] for q in df.attrs["quality"] if q["code"] == "rows_without_values"]
    assert said.endswith("line 11")


_X_DAILY = ["Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares",
            "New follows", "Unfollows", "Replies", "Reposts", "Profile visits", "Create Post",
            "Video views", "Media views"]


def test_a_sparse_last_day_is_a_day_however_many_digits_it_has(tmp_path):
    """The last day of an X overview with three metrics filled (of 13) is a day: its date
    "Fri, Jul 31, 2026" and its 812 impressions have more or fewer digits than the first
    rows' ("Wed, Jul 1", 5000), not another form; it was dropped as a note."""
    days = [[f"{d:%a, %b} {d.day}, 2026", "5000", "120", "300", "4", "2", "9", "3", "10",
             "15", "40", "2", "150", "600"] for d in pd.date_range("2026-07-01", "2026-07-30")]
    last = ["Fri, Jul 31, 2026", "812", "17", "35"] + [""] * 10
    path = tmp_path / "account_overview_analytics_2026-08-01.csv"
    lines = [",".join(_X_DAILY)] + [",".join(f'"{c}"' if "," in c else c for c in r)
                                    for r in (*days, last)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (df,) = read_file(path)
    impressions = df[df["metric"] == "impressions"]
    assert len(impressions) == 31
    assert impressions["value"].sum() == 30 * 5000 + 812
    assert not [q for q in df.attrs["quality"] if q["code"] == "notes_under_table"]


def test_tiktok_last_day_of_one_metric_is_a_day(tmp_path):
    """TikTok quotes every cell: "October 31" against "October 1".."5", "96" against "1748";
    a day of one metric (of five) was dropped as a note."""
    rows = [[f"October {d}", "1748", "35", "140", "12", "5"] for d in range(1, 31)]
    rows.append(["October 31", "96", "", "", "", ""])
    path = tmp_path / "Overview.csv"
    path.write_text("\ufeffDate,Video Views,Profile Views,Likes,Comments,Shares\n" + "\n".join(
        ",".join(f'"{c}"' if c else "" for c in r) for r in rows) + "\n", encoding="utf-8")
    os.utime(path, (1793520000, 1793520000))   # 2026-10-31: the days' year
    (df,) = read_file(path)
    views = df[df["metric"] == "video_views"] if "video_views" in set(df["metric"]) \
        else df[df["metric"] == "views"]
    assert len(views) == 31 and views["value"].sum() == 30 * 1748 + 96
    assert not [q for q in df.attrs["quality"] if q["code"] == "notes_under_table"]



def _ig_file(path, rows: list[list[str]], under: str):
    """An Instagram posts export of ``rows``, unquoted, with the line ``under`` under them."""
    lines = [",".join(_IG)] + [",".join(r) for r in rows] + [under]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_note_line_of_two_cells_is_one_note_not_a_table_unread_nor_a_short_row(tmp_path):
    """"Notes: export checked by Camille, 8 Sept" typed under an Instagram export (a comma in
    it: two cells under 18 headers) gave two notes, one false: coded ``not_understood``, whose
    report sentence says a table was not read (the file's posts were), and counted among the
    rows padded with empty cells. It is one note of its own kind, and no short row."""
    path = _ig_file(tmp_path / "instagram_posts_2026-11-20.csv",
                    [_ig_row(i) for i in range(1, 6)],
                    "Notes: export checked by Camille, 8 Sept")
    (df,) = read_file(path)
    assert len(df) == 5                  # the five posts, all read
    codes = [q["code"] for q in df.attrs["quality"]]
    assert "ragged_rows" not in codes and "not_understood" not in codes
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "notes_under_table"]
    # header on line 1, the posts on lines 2-6, the note on 7
    assert note["message"].startswith("line 7, under the table's rows")
    assert note["rows"] == 1


def test_a_short_row_above_a_note_is_still_told_padded(tmp_path):
    """Only the note is left out of the rows padded: a post of the table cut short (its last
    two cells missing, empty ones left out: the first post leaves them empty too) still is
    one, and said so."""
    rows = [_ig_row(i) for i in range(1, 6)]
    rows[0][-2:] = ["", ""]
    rows[-1] = rows[-1][:-2]
    path = _ig_file(tmp_path / "instagram_posts_2026-11-20.csv", rows,
                    "Notes: export checked by Camille, 8 Sept")
    (df,) = read_file(path)
    assert len(df) == 5
    notes = {q["code"]: q for q in df.attrs["quality"]}
    # the fifth post, on line 6, the one short row; the note on line 7 none
    assert notes["ragged_rows"]["rows"] == 1 and notes["ragged_rows"]["message"].endswith(
        "on line 6")
    assert notes["notes_under_table"]["message"].startswith("line 7,")
