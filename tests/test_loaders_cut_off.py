"""A file cut off inside its last line (a copy or a download interrupted): the last cell read
may be part of its value. The row is kept, that cell left missing, and the cut noted with its
line and column; short lines ended by a line break are noted as ragged, by their lines."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics.loaders import read_export, read_file
from smmanalytics.loaders._preamble import split_text
from smmanalytics.quality import QualityLog

ROOT = Path(__file__).resolve().parents[1]
IG = ROOT / "data/sample/maison-seve/instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv"
TIKTOK = Path(__file__).parent / "fixtures/tiktok/unzipped/Content.csv"
GA4 = Path(__file__).parent / "fixtures/ga4/traffic_acquisition_en.csv"
IG_COUNTS = ["views", "reach", "reactions", "shares", "follows", "comments", "saves"]


def _notes(df_or_log) -> dict[str, dict]:
    entries = df_or_log.entries if isinstance(df_or_log, QualityLog) \
        else df_or_log.attrs["quality"]
    return {e["code"]: e for e in entries}


def _cut(tmp_path: Path, src: Path, drop: int, name: str | None = None) -> Path:
    """``src`` without its last ``drop`` bytes, its final line break kept out of the count."""
    data = src.read_bytes().rstrip(b"\r\n")
    out = tmp_path / (name or src.name)
    out.write_bytes(data[:-drop] if drop else data)
    return out


# ---------------------------------------------------------------- the rule, on text

def test_a_short_last_line_without_a_line_break_is_cut_off():
    log = QualityLog()
    t = split_text("a,b,c\n1,2,3\n4,567", source="cut.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", "4"]
    assert t.frame[1].tolist() == ["2", ""] and t.frame[2].tolist() == ["3", ""]
    notes = _notes(log)
    assert set(notes) == {"file_cut_off"}
    note = notes["file_cut_off"]
    assert note["level"] == "warning" and note["file"] == "cut.csv" and note["rows"] == 1
    assert "line 3" in note["message"] and "'b' = 567" in note["message"]


def test_a_short_last_line_with_a_line_break_is_ragged_not_cut():
    # its missing cell, 'c', may be an empty one left out: line 2 leaves it empty too
    log = QualityLog()
    t = split_text("a,b,c\n1,2,\n4,5\n", source="r.csv", log=log)[0]
    assert t.frame[1].tolist() == ["2", "5"]
    notes = _notes(log)
    assert set(notes) == {"ragged_rows"} and "line 3" in notes["ragged_rows"]["message"]


def test_a_last_line_of_every_cell_without_a_line_break_is_whole():
    log = QualityLog()
    t = split_text("a,b,c\n1,2,3\n4,5,6", source="r.csv", log=log)[0]
    assert t.frame[2].tolist() == ["3", "6"] and not log.entries


def test_a_closed_quoted_last_cell_is_whole_and_the_cut_still_noted():
    log = QualityLog()
    t = split_text('"a","b","c"\n"1","2","3"\n"4","56"', source="q.csv", log=log)[0]
    assert t.frame[1].tolist() == ["2", "56"] and t.frame[2].tolist() == ["3", ""]
    note = _notes(log)["file_cut_off"]
    assert "line 3" in note["message"] and "'b'" in note["message"]


@pytest.mark.parametrize("text", ['"a","b","c"\n"1","2","3"\n"4","5",',
                                  "a,b,c\n1,2,3\n4,5,"])
def test_a_row_of_every_cell_ending_on_a_delimiter_is_cut_after_it(text):
    """TikTok's '…,"2",' for '…,"2","560"' (hypothesis cut the Content export there): the
    last cell is empty, and a row a writer finished has a line break or a value after its
    last delimiter."""
    log = QualityLog()
    t = split_text(text, source="d.csv", log=log)[0]
    assert t.frame[2].tolist() == ["3", ""]
    note = _notes(log)["file_cut_off"]
    assert "line 3" in note["message"] and "start of 'c'" in note["message"]


def test_a_quoted_last_cell_never_closed_is_cut_in_a_row_of_every_cell():
    # Arrow reads '"56' to the end of the file as 56: no ragged row tells it
    log = QualityLog()
    t = split_text('"a","b"\n"1","2"\n"4","56', source="q.csv", log=log)[0]
    assert t.frame[1].tolist() == ["2", ""]
    assert "line 3" in _notes(log)["file_cut_off"]["message"]
    log = QualityLog()
    t = split_text('"a","b"\n"1","2"\n"4","56', source="q.csv", log=log)[0]
    t.expect_numbers([1])
    assert t.column(1).tolist()[0] == 2 and pd.isna(t.column(1).tolist()[1])
    assert "'b' = 56" in _notes(log)["file_cut_off"]["message"]


def test_a_cut_inside_a_quoted_caption_keeps_the_rows_above():
    # the quote the file's end cuts is no "quoted cell never closed" error of the whole file
    log = QualityLog()
    t = split_text('a,b,c\n1,"x\ny",3\n4,"a caption\ncut', source="q.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", "4"] and t.frame[1].tolist() == ["x\ny", ""]
    note = _notes(log)["file_cut_off"]["message"]
    assert "ends inside line 5 (in the row from line 4)" in note and "'b'" in note


def test_a_quote_never_closed_in_the_rows_is_no_cut():
    # the closing quote of "x deleted: the rows after it are read into it (Arrow reads three
    # cells), not a cut at the file's end: its last cell is kept
    log = QualityLog()
    t = split_text('a,b,c\n1,"x,3\n4,"y",6', source="q.csv", log=log)[0]
    assert t.frame[2].tolist() == ["6"] and "file_cut_off" not in _notes(log)


def test_a_cut_right_after_a_delimiter_names_the_last_column_read():
    log = QualityLog()
    t = split_text("a,b,c\n1,2,3\n4,", source="d.csv", log=log)[0]
    assert t.frame[1].tolist() == ["2", ""]
    assert "'b'" in _notes(log)["file_cut_off"]["message"]


def test_ragged_rows_name_their_lines_the_first_few_and_how_many_more():
    body = "".join(f"{k},{k}\n" if k % 2 else f"{k},{k},\n" for k in range(1, 17))
    log = QualityLog()
    assert split_text("a,b,c\n" + body, source="r.csv", log=log)[0].n_rows == 16
    note = _notes(log)["ragged_rows"]
    assert note["rows"] == 8
    assert "lines 2, 4, 6, 8, 10 and 3 more" in note["message"]


def test_a_row_with_empty_extra_cells_is_kept_as_it_is_and_noted():
    """A file re-saved by a spreadsheet may end some lines with separators: the extra cells
    are empty, the values sit in their columns, and the row is kept as it is."""
    log = QualityLog()
    t = split_text("a,b,c\n1,2,3,,\n4,5,6\n", source="r.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", "4"] and t.frame[2].tolist() == ["3", "6"]
    note = _notes(log)["ragged_rows"]
    assert note["rows"] == 1 and "0 rows with fewer and 1 row with more" in note["message"]
    assert "line 2" in note["message"]


def test_a_row_with_a_value_past_the_last_column_is_an_error_naming_it():
    """A like count written 1,234 unquoted in a comma-separated file splits into two cells:
    the loader kept the row with 1 as the likes, 234 as the comments and the comments
    dropped, only noting the row as ragged; it now refuses the file and says where."""
    with pytest.raises(smm.ParseError) as err:
        _ = split_text("date,likes,comments\n2026-10-01,12,3\n2026-10-02,1,234,5\n",
                       source="r.csv", log=QualityLog())[0].n_rows
    e = err.value
    # the header has 3 columns, line 3 has 4 cells: 2026-10-02 | 1 | 234 | 5
    assert (e.file, e.line, e.got) == ("r.csv", 3, ["5"])
    assert "a row of 4 cells under a header of 3 columns" in str(e)


def test_a_short_row_ending_on_an_empty_cell_is_an_error_naming_it():
    """A writer that leaves out a row's trailing empty cells leaves out all of them: line 3,
    '5,6,' (3 cells, the last empty, under 4 headers), lacks a cell inside it; padded, its
    values after that cell sat in the columns beside their own, with a mild note."""
    with pytest.raises(smm.ParseError) as err:
        _ = split_text("a,b,c,d\n1,2,3,\n5,6,\n", source="r.csv", log=QualityLog())[0].frame
    e = err.value
    assert (e.file, e.line, e.got) == ("r.csv", 3, "3 cells")
    assert e.expected.startswith("4 cells") and "its last cell is empty" in str(e)
    assert "a row of 3 cells under a header of 4 columns" in str(e)


def test_a_short_row_lacking_a_column_every_other_row_fills_is_read_and_named():
    """Line 3 lacks 'c', which line 2 fills: either a value is missing inside it (4 may be
    b's, then 5 c's) or it held nothing in 'c' (a writer leaving out trailing empty cells):
    which cannot be told, so the row is read padded (5 as b's) and named in a warning."""
    log = QualityLog()
    t = split_text("a,b,c\n1,2,3\n4,5\n", source="r.csv", log=log)[0]
    assert t.frame[1].tolist() == ["2", "5"] and t.frame[2].tolist() == ["3", ""]
    note = _notes(log)["row_maybe_shifted"]
    assert note["level"] == "warning" and note["rows"] == 1
    assert note["message"].startswith("line 3 lacks 'c', which every other row fills: its "
                                       "values may sit one column off")


def test_short_rows_lacking_the_same_column_are_no_row_every_other_row_fills():
    """Two photos among video posts, each without its video views (the empty last cells
    left out): neither lacks a column every other row fills, as the other photo lacks it
    too; read padded, no warning."""
    log = QualityLog()
    t = split_text("id,views,video\n1,10,5\n2,20\n3,30\n", source="r.csv", log=log)[0]
    assert t.frame[2].tolist() == ["5", "", ""]
    assert set(_notes(log)) == {"ragged_rows"}


@pytest.mark.parametrize("total", ["Total,12345", '"Total",,20000'])
def test_a_short_total_row_under_the_rows_is_no_row_maybe_shifted(total):
    """A sum typed under the rows ends at the last column summed: it says "Total", is
    dropped as a summary (``_summary_tail``) and warns of nothing."""
    log = QualityLog()
    t = split_text(f"id,views,reach,clicks\n1,10,5,2\n2,20,4,1\n{total}\n",
                   source="r.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", "2"]
    assert set(_notes(log)) == {"ragged_rows", "summary_row_dropped"}


@pytest.mark.parametrize(("text", "short"), [
    ("a,b,c\n1,2\n4,5\n", 2),          # no row writes 'c': every row left its empty cell out
    ("a,b,c\n1,2,\n4,5\n", 1),         # line 2 leaves 'c' empty: line 3 may have left it out
    ("a,b,c\n1,2,\n4\n7,,9\n", 1),     # 'b' and 'c' each empty in some row
])
def test_a_short_row_whose_missing_cells_may_be_empty_ones_left_out_is_padded(text, short):
    log = QualityLog()
    t = split_text(text, source="r.csv", log=log)[0]
    assert t.frame[0].tolist()[:2] == ["1", "4"] and t.frame[2].tolist()[:2] == ["", ""]
    assert _notes(log)["ragged_rows"]["rows"] == short


_CELLS = st.lists(st.lists(st.sampled_from(["", "0", "7", "42", "x"]), min_size=4, max_size=4),
                  min_size=1, max_size=6)
# numbers only: a last row of one text cell in a column of numbers is a note under the table
# (test_a_row_of_one_text_cell_under_the_rows_is_a_note), not the padding's to read
_NUMBER_CELLS = st.lists(st.lists(st.sampled_from(["", "0", "7", "42"]), min_size=4,
                                  max_size=4), min_size=1, max_size=6)


def test_a_row_of_one_text_cell_under_the_rows_is_a_note():
    """Under rows filling three cells of numbers, a last row of one text cell where they
    have numbers is a note written under the table: not read, and said (hypothesis's
    example: the padding's property holds for rows of numbers)."""
    log = QualityLog()
    t = split_text("a,b,c,d\n1,,,\n,0,0,0\n,,,x\n", source="r.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", ""] and t.frame[3].tolist() == ["", "0"]
    assert _notes(log)["notes_under_table"]["message"].startswith("line 4, under the table's")


@settings(max_examples=60, deadline=None)
@given(rows=_NUMBER_CELLS)
def test_rows_without_their_trailing_empty_cells_read_as_the_whole_rows(rows):
    """Rows written without their trailing empty cells (a spreadsheet's re-save), under a
    first row written whole, '1,,,' (every column may be empty), read back as the whole
    rows: padding puts back only empty cells."""
    rows = [["1", "", "", ""], *(r for r in rows if any(r))]
    text = "a,b,c,d\n1,,,\n" + "".join(",".join(r).rstrip(",") + "\n" for r in rows[1:])
    t = split_text(text, source="r.csv", log=QualityLog())[0]
    assert [t.frame[j].tolist() for j in range(4)] == [list(c) for c in zip(*rows, strict=True)]


@settings(max_examples=60, deadline=None)
@given(rows=_CELLS.filter(lambda r: len(r) > 1), data=st.data())
def test_a_row_that_lost_a_cell_among_filled_rows_is_named_in_a_warning(rows, data):
    """Rows of every cell filled, one of which lost a cell, anywhere in it: read padded, and
    named by its line (the header on line 1) as lacking 'd', which every other row fills,
    whichever cell it lost; the other rows are read whole."""
    filled = [[c or "5" for c in r] for r in rows]
    k, j = data.draw(st.integers(0, len(filled) - 1)), data.draw(st.integers(0, 3))
    lost = [*filled[k][:j], *filled[k][j + 1:]]
    log = QualityLog()
    t = split_text("a,b,c,d\n" + "".join(
        ",".join(lost if i == k else r) + "\n" for i, r in enumerate(filled)),
        source="r.csv", log=log)[0]
    assert t.frame.iloc[k].tolist() == [*lost, ""]
    assert t.frame.drop(index=k).values.tolist() == filled[:k] + filled[k + 1:]
    note = _notes(log)["row_maybe_shifted"]
    assert note["rows"] == 1 and note["message"].startswith(f"line {k + 2} lacks 'd',")


SAMPLE = ROOT / "data/sample/maison-seve"
X_SAMPLE = SAMPLE / "account_analytics_content_2025-09-01_2026-02-28.csv"
FB_SAMPLE = SAMPLE / "facebook_posts_2025-09-01_2025-09-30_2025-10-02.csv"
# the reviewer's Facebook post (FR) without its 'Réactions' (28): 26 cells ending ',,'
FB_WHOLE, FB_LOST = ",Lifetime,1019,775,34,28,5,1,27,", ",Lifetime,1019,775,34,5,1,27,"


def _with_a_cell_lost(tmp_path: Path, src: Path, whole: str, lost: str, lines: int = 0
                      ) -> Path:
    """``src``, the first ``lines`` lines only (0: all), its first ``whole`` written
    ``lost``: a cell missing inside a row, as the reviewer's damaged exports were."""
    text = src.read_text(encoding="utf-8-sig")
    if lines:
        text = "".join(text.splitlines(keepends=True)[:lines])
    assert whole in text
    out = tmp_path / src.name
    out.write_text(text.replace(whole, lost, 1), encoding="utf-8-sig")
    return out


def test_the_facebook_export_with_a_cell_missing_inside_a_row_is_refused(tmp_path):
    """Padded, its link clicks read 1019 (the views), its reactions 5 (the comments): its
    last cell is empty, so what it lacks is no empty cell left out at its end."""
    path = _with_a_cell_lost(tmp_path, FB_SAMPLE, FB_WHOLE, FB_LOST)
    with pytest.raises(smm.ParseError) as err:
        read_export(path)
    e = err.value
    # the post starts on line 2 (its caption spans lines 2-4); 27 columns, 26 cells
    assert (e.file, e.line, e.got) == (str(path), 2, "26 cells")
    assert e.expected.startswith("27 cells") and "its last cell is empty" in str(e)


def test_the_x_export_whose_first_post_lost_a_count_is_read_and_named(tmp_path):
    """The X content export (the sample's first 5 posts) whose first post lacks one of its
    17 counts, its engagements ('…,34,0,0,1,4,…' written '…,34,0,1,4,…'): every X count is
    written, 'Permalink Clicks' (the last) in every other row, so line 2 is named; its
    counts from the lost one on sit one column off (read as written)."""
    path = _with_a_cell_lost(tmp_path, X_SAMPLE, ",1074,16,34,0,0,1,4,", ",1074,16,34,0,1,4,",
                             lines=6)
    df = read_export(path)
    assert len(df) == 5
    note = _notes(df)["row_maybe_shifted"]
    assert note["rows"] == 1 and note["message"].startswith(
        "line 2 lacks 'Permalink Clicks', which every other row fills")


def test_the_facebook_row_with_its_cell_back_or_its_trailing_empty_cells_left_out_reads(
        tmp_path):
    """The reviewer's Facebook row with its Réactions cell (28) back reads as written:
    reactions 28, comments 5, shares 1, clicks 27, link clicks 0; and so does it with its
    two empty last cells (video views, none for a photo, empty in the other photos' rows)
    left out, as a spreadsheet may write it."""
    whole = FB_SAMPLE.read_text(encoding="utf-8-sig")
    short = whole.replace(",1019,0,775,0,,\n", ",1019,0,775,0\n", 1)
    assert short != whole
    for k, body in enumerate((whole, short)):
        path = tmp_path / f"{k}" / "facebook_posts_2025-09-01_2025-09-30_2025-10-02.csv"
        path.parent.mkdir()
        path.write_text(body, encoding="utf-8-sig")
        df = read_export(path)
        first = df.set_index("post_id").loc["5842367960733158"]
        got = first[["views", "reactions", "comments", "shares", "clicks", "link_clicks"]]
        assert got.tolist() == [1019, 28, 5, 1, 27, 0]
        assert ("ragged_rows" in _notes(df)) == (body is short)


def _without_trailing_empty_cells(src: Path, out: Path) -> Path:
    """``src`` written again with every row's trailing empty cells left out, as a
    spreadsheet's re-save or a hand-made file may write it."""
    rows = list(csv.reader(io.StringIO(src.read_text(encoding="utf-8-sig"), newline="")))
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        r[:max((j + 1 for j, c in enumerate(r) if c), default=1)] for r in rows)
    out.write_text(buf.getvalue(), encoding="utf-8")
    return out


def test_a_pinterest_image_pin_without_its_empty_video_views_cell_is_read(tmp_path):
    """The fixture's image pin with its empty 'Video views' left out (9 cells under 10
    headers): read, its video views missing; the video pin, the only other row, fills
    that column, so line 2 is named, and read as padded."""
    src = Path(__file__).parent / "fixtures/pinterest/pinterest_pins_2026-10.csv"
    df = read_export(_without_trailing_empty_cells(src, tmp_path / src.name))
    pins = df.set_index("post_id")
    assert pins.loc["1123456789012345678", "impressions"] == 4200
    assert pd.isna(pins.loc["1123456789012345678", "video_views"])
    assert pins.loc["1123456789012345999", "video_views"] == 240
    notes = _notes(df)
    assert notes["ragged_rows"]["rows"] == 1
    assert notes["row_maybe_shifted"]["message"].startswith("line 2 lacks 'Video views'")


def test_a_facebook_export_without_its_trailing_empty_cells_reads_as_written(tmp_path):
    """The sample's September Facebook export with each photo's two empty video cells left
    out (10 photos and links short of 2 cells, 4 videos whole): the 14 posts and their
    views read as from the file written whole, and no row lacks what every other fills."""
    stripped = _without_trailing_empty_cells(FB_SAMPLE, tmp_path / FB_SAMPLE.name)
    df, whole = read_export(stripped), read_export(FB_SAMPLE)
    assert len(df) == 14
    cols = ["post_id", "views", "reactions", "viewers_3s", "video_views_1min"]
    pd.testing.assert_frame_equal(df[cols].reset_index(drop=True),
                                  whole[cols].reset_index(drop=True))
    assert "ragged_rows" in _notes(df) and "row_maybe_shifted" not in _notes(df)


def test_an_instagram_export_with_an_unquoted_thousands_count_is_refused(tmp_path):
    """Through the API, a hand-built Instagram export whose second post has its Saves cell,
    the last column, written 1,234 unquoted: 19 cells under 18 headers on line 3."""
    header = ('"Post ID","Account ID","Account username","Account name",Description,'
              '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,'
              "Views,Reach,Likes,Shares,Follows,Comments,Saves")
    rows = ["17800000000000001,1784,brand,Seve,one,0,10/01/2026 09:15,"
            "https://www.instagram.com/p/A1/,IG image,,Lifetime,900,450,40,2,,3,12",
            "17800000000000002,1784,brand,Seve,two,0,10/02/2026 09:15,"
            "https://www.instagram.com/p/A2/,IG image,,Lifetime,9000,4500,400,20,,30,1,234"]
    path = tmp_path / "instagram_posts.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(smm.ParseError) as err:
        read_export(path)
    assert err.value.line == 3 and err.value.got == ["234"]
    assert "19 cells under a header of 18 columns" in str(err.value)
    # the same file with the count written 1234 reads: the rule is the extra cell's value
    path.write_text("\n".join([header, rows[0], rows[1][:-6] + ",1234,,"]) + "\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["saves"].tolist() == [12, 1234] and "ragged_rows" in _notes(df)


def test_a_cut_file_with_other_ragged_lines_notes_both_apart():
    log = QualityLog()
    t = split_text("a,b,c\n1,2\n4,5,\n7,8", source="r.csv", log=log)[0]
    assert t.frame[1].tolist() == ["2", "5", ""]
    notes = _notes(log)
    assert notes["ragged_rows"]["rows"] == 1 and "line 2" in notes["ragged_rows"]["message"]
    assert "line 4" in notes["file_cut_off"]["message"]


# ---------------------------------------------------------------- the exports

@pytest.mark.parametrize(("drop", "column", "read"), [(14, "Likes", "4"), (4, "Comments", "2")])
def test_the_reviewers_cut_instagram_file(tmp_path, drop, column, read):
    df = read_export(_cut(tmp_path, IG, drop))
    last = df.sort_values("published_at").iloc[0]
    assert last["reactions" if column == "Likes" else "comments"] is pd.NA
    note = _notes(df)["file_cut_off"]
    assert f"'{column}' = {read}" in note["message"] and "line " in note["message"]
    assert "ragged_rows" not in _notes(df)


def test_a_cut_instagram_file_loads_with_the_note(tmp_path):
    ds = smm.load(_cut(tmp_path, IG, 14))
    q = ds.quality
    assert "file_cut_off" in set(q["code"])
    assert len(ds.posts) == len(smm.load(IG).posts)


def test_a_cut_tiktok_content_file_loads_its_last_row(tmp_path):
    # '…,"4","2","5' cut inside its last, quoted cell is a quote never closed: an error; cut
    # after the "Total shares" cell, its views are missing, not read
    whole = read_export(TIKTOK)
    text = TIKTOK.read_text(encoding="utf-8-sig").rstrip("\n")
    out = tmp_path / "Content.csv"
    out.write_text(text[:text.rfind(",")], encoding="utf-8-sig")
    df = read_export(out)
    assert len(df) == len(whole)
    assert df["views"].isna().sum() == whole["views"].isna().sum() + 1
    note = _notes(df)["file_cut_off"]
    assert "'Total shares'" in note["message"] and "ragged_rows" not in _notes(df)


def test_a_cut_tiktok_content_file_unquoted(tmp_path):
    text = TIKTOK.read_text(encoding="utf-8-sig").rstrip("\n")
    last = text.rsplit("\n", 1)[1].replace('"', "")
    out = tmp_path / "Content.csv"
    out.write_text(text.rsplit("\n", 1)[0] + "\n" + last[:-4], encoding="utf-8-sig")
    df = read_export(out)
    cut = df[df["views"].isna()]
    assert len(cut) == 1 and pd.isna(cut["shares"].iloc[0])
    assert "'Total shares' = " in _notes(df)["file_cut_off"]["message"]


def test_a_cut_ga4_file_is_noted(tmp_path):
    # "google / organic,3000,2100,0.7,70.5" (the file goes on): engagement time may be cut
    text = GA4.read_text(encoding="utf-8")
    end = text.index("70.5") + 4
    out = tmp_path / GA4.name
    out.write_text(text[:end], encoding="utf-8")
    tables = read_file(out)
    notes = {q["code"]: q for df in tables for q in df.attrs["quality"]}
    assert "file_cut_off" in notes
    assert "'Average engagement time per session' = 70.5" in notes["file_cut_off"]["message"]


# ---------------------------------------------------------------- the property

_IG_TEXT = IG.read_bytes().rstrip(b"\r\n")
_LAST_LINE = _IG_TEXT.rindex(b"\n") + 1
_LAST_DELIM = _IG_TEXT.rindex(b",")


@pytest.fixture(scope="module")
def ig_whole():
    return read_export(IG).sort_values("published_at").iloc[0]


_TIKTOK_TEXT = TIKTOK.read_bytes().rstrip(b"\r\n")


@pytest.fixture(scope="module")
def tiktok_whole():
    return read_export(TIKTOK).set_index("post_id")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(st.integers(_TIKTOK_TEXT.rindex(b"\n") + 2, len(_TIKTOK_TEXT) - 1))
@example(len(_TIKTOK_TEXT) - len(b'"560"'))       # right after the last delimiter (CI found it)
def test_a_cut_inside_tiktoks_last_line_never_yields_a_wrong_number(tmp_path, tiktok_whole,
                                                                     end):
    # TikTok quotes every cell: a cut anywhere, inside the last one too, is told
    out = tmp_path / f"{end}" / TIKTOK.name
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(_TIKTOK_TEXT[:end])
    try:
        df = read_export(out)
    except smm.SmmError:
        return
    assert "file_cut_off" in _notes(df)
    df = df.set_index("post_id")
    for col in ("reactions", "comments", "shares", "views"):
        got, want = df[col], tiktok_whole[col].reindex(df.index)
        assert (got.isna() | (got == want)).all(), col


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(st.integers(_LAST_LINE + 1, _LAST_DELIM))
def test_a_cut_inside_the_last_line_never_yields_a_wrong_number(tmp_path, ig_whole, end):
    # every cut before the line's last delimiter leaves fewer cells than the header (one in
    # the last cell, "46" cut to "4", is a whole line, not told from one written so)
    out = tmp_path / f"{end}" / IG.name
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(_IG_TEXT[:end])
    try:
        df = read_export(out)
    except smm.SmmError:
        return                              # the file fails: no number at all
    last = df[df["post_id"] == ig_whole["post_id"]]
    assert len(last) <= 1
    if last.empty:
        return
    row = last.iloc[0]
    assert "file_cut_off" in _notes(df)
    for col in IG_COUNTS:
        assert pd.isna(row[col]) or row[col] == ig_whole[col], (col, row[col], ig_whole[col])


AUDIENCE = Path(__file__).parent / "fixtures/meta/facebook_Audience.csv"


@pytest.mark.parametrize(("drop", "read"), [(2, "= 2, may be cut"), (3, "at the start of"),
                                         (4, "at the start of"),
                                         (5, "is whole")])
def test_a_cut_audience_file_leaves_its_last_follows_missing(tmp_path, drop, read):
    # Meta's Audience.csv, its own reader of stacked blocks: '…","22"' cut to '…","2' read 2
    text = AUDIENCE.read_bytes()[2:].decode("utf-16-le").rstrip("\r\n")
    out = tmp_path / AUDIENCE.name
    out.write_bytes(b"\xff\xfe" + text[:-drop].encode("utf-16-le"))
    daily = next(df for df in read_file(out) if df.attrs["kind"] == "daily")
    assert daily["value"].tolist()[:-1] == [20] and pd.isna(daily["value"].iloc[-1])
    note = _notes(daily)["file_cut_off"]["message"]
    assert "'Follows'" in note and read in note


def test_a_whole_audience_file_without_its_last_line_break_is_whole(tmp_path):
    text = AUDIENCE.read_bytes()[2:].decode("utf-16-le").rstrip("\r\n")
    out = tmp_path / AUDIENCE.name
    out.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    daily = next(df for df in read_file(out) if df.attrs["kind"] == "daily")
    assert daily["value"].tolist() == [20, 22] and "file_cut_off" not in _notes(daily)


def test_the_cache_of_the_whole_file_is_not_used_for_it_cut(tmp_path):
    # the cache is keyed by the file's bytes: the same name, cut, is read again
    f = tmp_path / IG.name
    f.write_bytes(IG.read_bytes())
    assert "file_cut_off" not in set(smm.load(f).quality["code"])
    _cut(tmp_path, IG, 14)
    ds = smm.load(f)
    assert "file_cut_off" in set(ds.quality["code"])
    assert ds.posts.sort_values("published_at")["reactions"].isna().iloc[0]


def test_a_cut_export_covers_only_the_days_its_rows_reach(tmp_path):
    """The reviewer's file: October's Instagram export, newest first, cut halfway (inside a
    caption). Its name says 1 to 31 October; its rows reach back to a later day, and the
    files table says so, noted, so that goals and comparisons see a month read in part."""
    whole = smm.load(IG, cache=False)
    data = IG.read_bytes()
    cut = tmp_path / IG.name
    cut.write_bytes(data[:len(data) // 2])
    ds = smm.load(cut, cache=False)
    assert 0 < len(ds.posts) < len(whole.posts)
    first = ds.posts["published_at"].min().tz_convert("UTC").normalize().tz_localize(None)
    row = ds.files.iloc[0]
    assert row["covers_from"] == first > pd.Timestamp("2026-10-01")
    assert row["covers_to"] == pd.Timestamp("2026-10-31")
    note = ds.quality.loc[ds.quality["code"] == "cut_off_covers", "message"].item()
    assert note == (f"the file was cut off: it is taken to cover the days its rows reach, "
                    f"{first:%Y-%m-%d} to 2026-10-31, not 2026-10-01 to 2026-10-31 as its "
                    "name says")
    assert ds.span("instagram")[0] == first.date()
    # the whole file covers the days its name says, and says nothing of it
    assert whole.files.iloc[0]["covers_from"] == pd.Timestamp("2026-10-01")
    assert "cut_off_covers" not in set(whole.quality["code"])
