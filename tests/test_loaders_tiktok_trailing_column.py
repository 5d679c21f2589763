"""TikTok's Content.csv re-saved with an empty column at the end of every line (review s56R5,
item 5): its 119 posts were all refused as rows of one field too many, with a false "file
cut off" when the last line's break was lost. Files built in tmp_path."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

from smmanalytics.loaders import read_file

from ._helpers import _codes

HEADER = ('"Time","Video title","Video link","Post time","Total likes","Total comments",'
          '"Total shares","Total views"')


def _vid(seconds: int) -> str:
    return f"https://www.tiktok.com/@someone/video/{(seconds << 32) + 1}"


#: three videos: the second's title holds an unquoted comma (a row of 9 cells, repaired)
ROWS = [f'"October 1","a","{_vid(1790786710)}","September 30","7","1","0","260"',
        f'"October 1",b, with a comma,{_vid(1789905600)},"September 28","1","0","0","10"',
        f'"October 1","c","{_vid(1789819200)}","September 27","4","2","1","1516"']


def _zip(tmp_path, lines: list[str]):
    path = tmp_path / "Content_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("Content.csv", (2026, 10, 2, 8, 0, 0)),
                   b"\xef\xbb\xbf" + "\n".join(lines).encode())
    return path


@pytest.mark.parametrize("tail", [",", ',""'])
@pytest.mark.parametrize("final_break", [True, False])
def test_an_empty_last_column_reads_as_without_it(tmp_path, tail, final_break):
    # every line ends with the tail (',' or ',""'), the last line's break kept or lost: the
    # three videos read as the file without the tail does, views 260, 10, 1516, the split
    # title re-joined; no cut, and no value under the blank header once the row is repaired
    # (the split row's 10th cell, its views, spilled under it)
    lines = [line + tail for line in [HEADER, *ROWS]] + ([""] if final_break else [])
    df = read_file(_zip(tmp_path, lines))[0]
    assert df["views"].tolist() == [260, 10, 1516]
    assert df["caption"].tolist() == ["a", "b, with a comma", "c"]
    codes = _codes(df)
    assert "row_repaired" in codes
    assert not {"file_cut_off", "blank_header"} & codes


@pytest.mark.parametrize("final_break", [True, False])
def test_an_empty_last_column_of_whole_rows_is_left_out(tmp_path, final_break):
    # no row split: the empty column is left out before the format reads the table (noted),
    # and the rows read by the Content reader lose their empty last cell too
    rows = [ROWS[0], ROWS[2]]
    lines = [line + "," for line in [HEADER, *rows]] + ([""] if final_break else [])
    df = read_file(_zip(tmp_path, lines))[0]
    assert df["views"].tolist() == [260, 1516]
    codes = _codes(df)
    assert "empty_columns_ignored" in codes and "file_cut_off" not in codes


def test_a_cut_before_the_last_value_is_still_a_cut(tmp_path):
    # the file ends right after the delimiter before 'Total views' of the third video
    # ('…,"1",' for '…,"1","1516",'): that value is lost, noted, left missing
    lines = [line + "," for line in [HEADER, *ROWS]]
    lines[-1] = lines[-1][:-len('"1516",')]
    df = read_file(_zip(tmp_path, lines))[0]
    assert df["views"].tolist()[:2] == [260, 10] and pd.isna(df["views"].iloc[2])
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "file_cut_off"]
    assert "line 4" in note["message"]
