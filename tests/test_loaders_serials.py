"""Excel serial dates (loaders._serials) and ids a workbook stored as numbers (_ids)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics.loaders._ids import cut_to_15_digits, stored_rounded
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


def _cut(digits: str) -> str:
    """An id as a spreadsheet keeping 15 significant digits writes it back (no carry: the
    16th digit below 5)."""
    return digits[:15] + "0" * (len(digits) - 15)


@given(st.lists(st.integers(10**15, 10**18 - 1).map(str), min_size=3, max_size=8))
def test_every_long_id_of_a_file_cut_to_15_digits_is_told(ids):
    # three ids of 16 digits or more, cut, show 3 zeros or more past their 15th digit
    cut = pd.Series([_cut(i[:15] + "1" + i[16:]) for i in ids], dtype="string")
    assert cut_to_15_digits(cut).all()


@given(st.lists(st.integers(10**15, 10**18 - 1).map(str), min_size=2, max_size=8))
def test_exact_ids_mostly_not_ending_in_zeros_are_never_taken_for_cut(ids):
    # one long id of two or more ends in zeros past the 15th digit (at most half of them),
    # beside a short one and none: none is taken for cut
    exact = [_cut(ids[0]), *(i[:-1] + "7" for i in ids[1:]), "1234", pd.NA]
    assert not cut_to_15_digits(pd.Series(exact, dtype="string")).any()


def test_ids_ending_in_zeros_by_chance_are_left_alone():
    # 2 16-digit ids ending in 0 (2 zeros past the 15th digit: one chance in a hundred for
    # exact ids) are not enough; 3 are; one 18-digit id ending in 000 is (3 zeros); a short
    # id ending in zeros is no long id
    two = pd.Series(["5842367960733150", "8796543926258690"], dtype="string")
    three = pd.Series(["5842367960733150", "8796543926258690", "3999189661967170"])
    assert cut_to_15_digits(two).tolist() == [False, False]
    assert cut_to_15_digits(three).tolist() == [True, True, True]
    assert cut_to_15_digits(pd.Series(["115898602228265000"])).tolist() == [True]
    assert cut_to_15_digits(pd.Series(["104938275500000", pd.NA])).tolist() == [False, False]
