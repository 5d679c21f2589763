"""A header cell left blank over a column of values (review s56R5, item 3): the metric was
dropped with no note, where a header renamed is listed among the columns not used. Files
built in tmp_path."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmanalytics.loaders import read_export
from smmanalytics.loaders._headers import match_headers

from ._helpers import _codes

X_HEADER = "Date,Impressions,Likes,Replies,Reposts,New follows,Unfollows,Bookmarks"


def _overview(tmp_path, header: str, rows: list[str]):
    path = tmp_path / "account_overview_analytics.csv"
    path.write_text(header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return read_export(path)


def _blank_notes(df):
    return [q for q in df.attrs["quality"] if q["code"] == "blank_header"]


def test_match_headers_lists_blank_positions_apart_from_unknown():
    # positions 0..4: 'Date' known, '' blank, 'Spam' unknown, '  ' blank (spaces), 'Likes' known
    m = match_headers(["Date", "", "Spam", "  ", "Likes"], "x_overview")
    assert m.blank == [1, 3]
    assert m.unknown == ["Spam"]


def test_blank_header_over_values_is_noted_with_its_column_line_and_neighbours(tmp_path):
    # 'Unfollows' (the 7th column) blanked; its cells 2, 0, 5 on lines 2-4: three rows with a
    # value ('0' is a value), the first '2' on line 2, between 'New follows' and 'Bookmarks'
    header = X_HEADER.replace(",Unfollows,", ",,")
    df = _overview(tmp_path, header, ['"Sat, Oct 31, 2026",883,10,1,2,7,2,0',
                                      '"Fri, Oct 30, 2026",1027,8,0,3,5,0,0',
                                      '"Thu, Oct 29, 2026",1538,21,4,5,2,5,0'])
    assert "unfollows" not in set(df["metric"])           # not read: no field is named
    (note,) = _blank_notes(df)
    assert note["level"] == "warning" and note["rows"] == 3
    assert note["message"].startswith("column 7 of account_overview_analytics.csv has no "
                                      "header but holds values on 3 rows, the first '2' on "
                                      "line 2 (after 'New follows' and before 'Bookmarks')")


def test_blank_header_over_some_values_counts_only_them(tmp_path):
    # the blanked column holds one value, on the third data row (line 4)
    header = X_HEADER.replace(",Unfollows,", ",,")
    df = _overview(tmp_path, header, ['"Sat, Oct 31, 2026",883,10,1,2,7,,0',
                                      '"Fri, Oct 30, 2026",1027,8,0,3,5, ,0',
                                      '"Thu, Oct 29, 2026",1538,21,4,5,2,5,0'])
    (note,) = _blank_notes(df)
    assert note["rows"] == 1 and "the first '5' on line 4" in note["message"]


def test_blank_header_over_empty_cells_says_nothing(tmp_path):
    # a column a user inserted and left empty holds nothing that is lost
    header = X_HEADER.replace(",Unfollows,", ",Unfollows,,")
    df = _overview(tmp_path, header, ['"Sat, Oct 31, 2026",883,10,1,2,7,2,,0'])
    assert "blank_header" not in _codes(df)
    assert df.loc[df["metric"] == "unfollows", "value"].tolist() == [2]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blanked=st.integers(min_value=2, max_value=7),
       values=st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=4))
def test_any_blanked_metric_header_is_noted_once_with_its_row_count(tmp_path, blanked,
                                                                   values):
    # whichever metric column but Impressions (by which the export is told) is blanked, the
    # note names its 1-based number and as many rows as the file has (each row has a value
    # there, a number >= 0)
    names = X_HEADER.split(",")
    header = ",".join("" if i == blanked else n for i, n in enumerate(names))
    days = [datetime.date(2026, 10, 31 - k) for k in range(len(values))]
    rows = [f'"{d:%a, %b} {d.day}, {d.year}",' + ",".join(str(v + i) for i in range(7))
            for d, v in zip(days, values, strict=True)]
    df = _overview(tmp_path, header, rows)
    (note,) = _blank_notes(df)
    assert note["rows"] == len(values)
    assert note["message"].startswith(f"column {blanked + 1} of ")


def test_blank_header_on_a_sheet_is_named_by_its_letter(tmp_path):
    # the same X overview saved as a workbook: 'Unfollows' is column G, its value 2 (a number
    # cell, written without '.0') in G2
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["" if h == "Unfollows" else h for h in X_HEADER.split(",")])
    ws.append(["Sat, Oct 31, 2026", 883, 10, 1, 2, 7, 2, 0])
    path = tmp_path / "account_overview_analytics.xlsx"
    wb.save(path)
    (note,) = _blank_notes(read_export(path))
    assert ("column G of account_overview_analytics.xlsx has no header but holds values on "
            "1 row, the first '2' in Sheet!G2 (after 'New follows' and before 'Bookmarks')"
            ) in note["message"]
