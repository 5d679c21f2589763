"""Excel serial dates (loaders._serials) and ids a workbook stored as numbers (_ids)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics.loaders._ids import stored_rounded
from smmanalytics.loaders._serials import serial_datetimes

_DAY = dt.timedelta(days=1)


@given(st.datetimes(min_value=dt.datetime(1960, 1, 1), max_value=dt.datetime(2110, 12, 31)),
       st.sampled_from(["1899-12-30", "1904-01-01"]))
def test_a_serial_reads_back_the_date_time_it_was_computed_from(when, origin):
    # the serial Excel stores: days since day 0, the time of day as the fraction
    when = when.replace(microsecond=0)
    serial = (when - dt.datetime.fromisoformat(origin)) / _DAY
    assert serial_datetimes(pd.Series([serial]), origin).iloc[0] == pd.Timestamp(when)


def test_a_number_no_date_could_be_is_no_date():
    # below day 20000 (1954-10-03) or above 80000 (2119-01-11), and empty cells: NaT
    out = serial_datetimes(pd.Series([19999.5, 80000.5, None, 46322.0]), "1899-12-30")
    assert out.isna().tolist() == [True, True, True, False]
    assert out.iloc[3] == pd.Timestamp("2026-10-27")       # 46296 is 2026-10-01, + 26 days


@given(st.integers(min_value=1, max_value=10**19), st.booleans())
def test_an_id_stored_as_a_number_is_unreliable_from_16_digits(number, as_float):
    # Excel keeps 15 significant digits: 999999999999999 is exact, 1000000000000000 may not be
    cell = float(number) if as_float else number
    cells = pd.Series([cell, str(number), None, True], dtype=object)
    assert stored_rounded(cells).tolist() == [len(str(number)) >= 16, False, False, False]
