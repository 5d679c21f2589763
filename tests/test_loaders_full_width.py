"""Dates written in full-width digits (U+FF10-FF19, ``２０２６-１０-０１``, as pasted from a
Japanese or Chinese source): Arrow's RE2 takes ASCII digits alone for ``\\d``, so such a
column was "not a date" (a ParseError), and a re-saved ``１３/１０/２０２６`` proved no day
order. They are read as their ASCII digits (NFKC) and noted (``full_width_digits``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics.loaders import read_file
from smmanalytics.loaders._dates import parse_text_dates

from ._helpers import _codes

_WIDE = {ord(str(d)): 0xFF10 + d for d in range(10)}


def _wide(text: str) -> str:
    """``text`` with its ASCII digits in full width (``2026`` → ``２０２６``)."""
    return text.translate(_WIDE)


@settings(max_examples=40, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2199, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%m/%d/%Y", "%Y-%m-%d 14:30", "%b %d, %Y"]))
def test_full_width_dates_read_as_their_ascii_digits(day, fmt):
    """Any date in any written form reads the same in full-width digits as in ASCII ones,
    and the full-width column says how many of its rows were so (both rows)."""
    cell = day.strftime(fmt)
    ascii_ = parse_text_dates(pd.Series([cell, cell], dtype="str"))
    wide = parse_text_dates(pd.Series([_wide(cell), _wide(cell)], dtype="str"))
    pd.testing.assert_frame_equal(wide, ascii_)
    assert wide.attrs["full_width"] == (2, 0, _wide(cell))
    assert "full_width" not in ascii_.attrs


def _follows(tmp_path, days: list[str]):
    """A Meta ``Facebook follows.csv`` (reference §1.1: ``sep=,``, the metric's name, then
    ``"Date","Primary"``), UTF-8 here, its days as given, 3 follows a day."""
    rows = "".join(f'"{d}","3"\n' for d in days)
    path = tmp_path / "Facebook follows.csv"
    path.write_text(f'sep=,\n"Facebook follows"\n"Date","Primary"\n{rows}', encoding="utf-8")
    (df,) = read_file(path)
    return df


def test_a_meta_daily_file_of_full_width_iso_days(tmp_path):
    """'２０２６-１０-０１T００:００:００' was refused (line 4 'cell is not a date'): the 2 days
    are 2026-10-01 and 02, and the note names line 4 and its cell as read."""
    df = _follows(tmp_path, [_wide("2026-10-01T00:00:00"), _wide("2026-10-02T00:00:00")])
    assert df["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02")]
    assert df["value"].tolist() == [3, 3]
    [note] = [q["message"] for q in df.attrs["quality"] if q["code"] == "full_width_digits"]
    assert note == ("'Date': 2 dates are written in full-width characters (as pasted from a "
                    "Japanese or Chinese source), read as their ASCII digits (first line 4: "
                    "'２０２６-１０-０１T００:００:００' read as '2026-10-01T00:00:00')")


def test_full_width_numeric_days_prove_their_order(tmp_path):
    """'１３/１０/２０２６': a first number above 12 proves the column day first, as in ASCII:
    13 and 14 October 2026 (month first, 13 is no month: it was a ParseError)."""
    df = _follows(tmp_path, [_wide("13/10/2026"), _wide("14/10/2026")])
    assert df["date"].tolist() == [pd.Timestamp("2026-10-13"), pd.Timestamp("2026-10-14")]
    assert {"full_width_digits", "date_format_resaved"} <= _codes(df)
