"""The loader framework: sniffing, headers, numbers, dates, ids, registry."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics.errors import (
    ArgumentError,
    ParseError,
    UnknownFormatError,
    UnknownPlatformError,
)
from smmanalytics.loaders import formats, get_format, register
from smmanalytics.loaders._dates import (
    META_TZ,
    DayOrder,
    day_to_utc,
    file_numeric_order,
    mend_guessed_year,
    parse_datetimes,
    parse_text_dates,
    resolve_year,
)
from smmanalytics.loaders._encoding import decode
from smmanalytics.loaders._headers import match_headers, normalize
from smmanalytics.loaders._ids import (
    instagram_shortcode,
    instagram_shortcode_time,
    linkedin_urn_time,
    tiktok_id_time,
    x_snowflake_time,
)
from smmanalytics.loaders._numbers import column_decimal, parse_numbers
from smmanalytics.loaders._preamble import split_text
from smmanalytics.loaders._snapshot import snapshot_from_name
from smmanalytics.quality import QualityLog

from ._helpers import _grouped

_TEXT_EMPTY = {"", "-", "--", "—", "n/a", "undefined", "nan", "none", "null"}


def _s(*vals):
    return pd.Series(list(vals), dtype="str")


# ---------------------------------------------------------------- ids (reference §9.3)

def test_x_snowflake_worked_example():
    t = x_snowflake_time(_s("1226928883355791360"))[0]
    assert t.floor("s") == pd.Timestamp("2020-02-10 18:00:15", tz="UTC")


def test_tiktok_id_worked_example():
    assert tiktok_id_time(_s("7681870521679564053"))[0] == pd.Timestamp("2026-09-05 02:20:58",
                                                                          tz="UTC")


def test_instagram_shortcode_worked_example():
    code = instagram_shortcode(_s("https://www.instagram.com/reel/DHpmj9euOPy/"))
    assert code[0] == "DHpmj9euOPy"
    t = instagram_shortcode_time(code)[0]
    assert t.floor("s") == pd.Timestamp("2025-03-26 05:00:16", tz="UTC")


def test_linkedin_urn_time():
    # n = ms << 22 for ms = 1767225600000 (2026-01-01 00:00 UTC) → 7412241167974400000
    n = 1767225600000 << 22
    t = linkedin_urn_time(_s(f"urn:li:activity:{n}"))[0]
    assert t == pd.Timestamp("2026-01-01", tz="UTC")


def test_ids_not_decodable_give_nat():
    assert x_snowflake_time(_s("abc", "", "99999999999999999999999")).isna().all()
    assert instagram_shortcode_time(_s("!!", "AAAAAAAAAAAAAAAA")).isna().all()
    # a far-future id (top bits set) is not plausible
    assert tiktok_id_time(_s(str((2**31 * 3) << 32))).isna().all()


# ---------------------------------------------------------------- numbers

def test_numbers_locales_and_missing():
    got = parse_numbers(_s("1 234", "62,5 %", "1\u202f234,56 €", "-", "", "N/A", "--", "—",
                           "undefined"))
    assert got.dtype == "Float64"
    assert got[:3].tolist() == [1234.0, 0.625, 1234.56]
    assert got[3:].isna().all()


def test_numbers_column_evidence_resolves_ambiguity():
    # "1,234" next to "2,5": the column uses decimal commas, so 1,234 is 1.234
    assert parse_numbers(_s("1,234", "2,5")).tolist() == [1.234, 2.5]
    # alone, "1,234" is English thousands
    assert parse_numbers(_s("1,234", "12,345")).tolist() == [1234.0, 12345.0]
    # "1.234.567" proves dot thousands, so "1.234" is 1234
    assert parse_numbers(_s("1.234", "1.234.567")).tolist() == [1234.0, 1234567.0]
    # locale hint for ambiguous-only columns
    assert parse_numbers(_s("1.234"), decimal=",").tolist() == [1234.0]
    # no thousands group starts with 0: "0.125" and "0,125" are decimals whatever the hint
    # (they were read as 125 in a decimal-comma file, and in a count column)
    assert parse_numbers(_s("0.125"), decimal=",").tolist() == [0.125]
    assert parse_numbers(_s("0,125", "0,5")).tolist() == [0.125, 0.5]
    assert parse_numbers(_s("0,125"), decimal=".").tolist() == [0.125]


@pytest.mark.parametrize(("cells", "decimal", "expected"), [
    # decimal comma: "-1 234,5 €" is 1234.5 (space thousands, comma decimal) with a minus;
    # "(12)" an accountant's minus 12; "−3,5" with the minus sign U+2212 is 3.5 negated
    (("-1 234,5 €", "(12)", "\u22123,5"), ",", [-1234.5, -12.0, -3.5]),
    # decimal point: "-1,234.5" is 1234.5 (the last mark is decimal); "(1,200)" follows the
    # column's evidence (a dot decimal), so 1,200 is 1200; "−3.5" is 3.5 negated
    (("-1,234.5", "(1,200)", "\u22123.5"), ".", [-1234.5, -1200.0, -3.5]),
])
def test_numbers_negative_forms(cells, decimal, expected):
    assert parse_numbers(_s(*cells), decimal=decimal).tolist() == expected
    # the evidence of the column alone gives the same reading
    assert parse_numbers(_s(*cells)).tolist() == expected


@pytest.mark.parametrize(("hint", "expected"), [(".", "."), (",", ","), (None, ".")])
def test_column_decimal_tie_follows_the_hint_then_english(hint, expected):
    # "1,5" is one cell of comma evidence (a comma followed by 1 digit), "2.5" one of dot
    # evidence; "1,234" fits both readings and counts for neither: 1 against 1, a tie,
    # which the hint breaks, else English "."
    assert column_decimal(_s("1,5", "2.5", "1,234"), hint) == expected


def test_numbers_tied_evidence_reads_the_ambiguous_cell_by_the_hint():
    # the tie above: "1,5" and "2.5" read by their own shape (1.5, 2.5); "1,234" by the
    # column's mark, the hint: thousands under ".", a decimal under ","
    assert parse_numbers(_s("1,5", "2.5", "1,234"), decimal=".").tolist() == [1.5, 2.5, 1234.0]
    assert parse_numbers(_s("1,5", "2.5", "1,234"), decimal=",").tolist() == [1.5, 2.5, 1.234]


def test_numbers_repeated_marks_are_thousands_against_the_columns_evidence():
    # "3.5" and "2.25" are two cells of dot-decimal evidence against one ("1.234.567", dots
    # repeated) of dot thousands: the column reads ".", yet a cell with two dots cannot hold
    # two decimal marks, so its own shape wins: 1.234.567 is 1,234,567
    got = parse_numbers(_s("1.234.567", "3.5", "2.25"))
    assert got.tolist() == [1_234_567.0, 3.5, 2.25]
    # likewise repeated commas in a comma-decimal column: 1,234,567 and 3,5, 2,25
    got = parse_numbers(_s("1,234,567", "3,5", "2,25"))
    assert got.tolist() == [1_234_567.0, 3.5, 2.25]


def test_numbers_suffixes_floats_and_currency():
    got = parse_numbers(_s("1.2K", "3M", "$12", "12 USD", "424.0", "0.00707", "1'200"))
    assert got.tolist() == [1200.0, 3_000_000.0, 12.0, 12.0, 424.0, 0.00707, 1200.0]


def test_numbers_percent_column_and_workbook_values():
    assert parse_numbers(_s("4.02", "50"), percent=True).tolist() == [0.0402, 0.5]
    got = parse_numbers(pd.Series([1, "2,5", None, 3.5], dtype=object))
    assert got[[0, 1, 3]].tolist() == [1.0, 2.5, 3.5] and pd.isna(got[2])


def test_numbers_percent_in_a_count_or_amount_column_is_bad_input():
    """A ``12%`` in a revenue or a repost column was read 0.12 without a word (a revenue of
    3805.10 became 0.12 €): a count or an amount is no percentage, the cell is an error,
    and the error does not offer ``62,5 %`` as a number the column could hold."""
    with pytest.raises(ParseError) as err:
        parse_numbers(_s("3 192,09", "12%"), file="f.csv", column="Total revenue",
                      first_line=12, percent_cells=False)
    assert (err.value.line, err.value.column, err.value.got) == (13, "Total revenue", "12%")
    assert err.value.reason == "a count/amount, not a percentage"
    assert "%" not in err.value.expected
    with pytest.raises(ParseError, match="not a number") as err:
        parse_numbers(_s("many"), percent_cells=False)
    assert "%" not in err.value.expected
    # a rate column keeps its percent cells: 62,5 % = 0.625, 3.4% = 0.034
    assert parse_numbers(_s("62,5 %", "3.4%")).tolist() == [0.625, 0.034]


def test_numbers_bad_cell_raises_with_location():
    with pytest.raises(ParseError, match=r"file f\.csv, line 3, column 'Views'.*got 'abc'"):
        parse_numbers(_s("1", "abc"), file="f.csv", column="Views", first_line=2)


@pytest.mark.parametrize(("cell", "decimal", "mark"), [
    # the thousands mark is the one that is not the cell's decimal mark (its last mark when it
    # has both, else its repeated one, else the hint): '12.99,5' was read 1299.5, '1.5,00'
    # 15.0, '1,23.50' 123.5, '12,3456.00' 123456.0, '1.234.56' 123456.0, '1,23,456' (Indian
    # grouping, which no export writes) 123456.0: every mark dropped
    ("12.99,5", ",", ","), ("1.5,00", ",", ","), ("1,23.50", ".", "."),
    ("12,3456.00", ".", "."), ("1.234.56", None, ","), ("1,23,456", None, "."),
    ("1.2345,00", None, ","), ("1,5.00", ",", "."), ("-12.99,5 €", None, ","),
])
def test_numbers_thousands_mark_not_between_groups_of_three_is_refused(cell, decimal, mark):
    example = {",": r"1\.299,50 or 1299,50", ".": r"1,299\.50 or 1299\.50"}[mark]
    with pytest.raises(ParseError, match=r"file f\.csv, line 3, column 'Views': thousands "
                       rf"separator misplaced; expected a number like {example}") as err:
        parse_numbers(_s("12", cell), file="f.csv", column="Views", decimal=decimal)
    assert err.value.got == cell


@pytest.mark.parametrize(("cell", "value"), [
    # the sign, currency and spaces are taken off before the grouping is checked: each is
    # 1299.50 as written, negative where in parentheses or after a minus
    ("(1,299.50)", -1299.5), ("(1.299,50)", -1299.5), ("1.299,50 €", 1299.5),
    ("€1,299.50", 1299.5), ("-€1,299.50", -1299.5), ("(1.299,50 €)", -1299.5),
    ("1 299,50 €", 1299.5), ("\u22121.299,50", -1299.5),
])
def test_numbers_signs_and_currencies_are_no_misplaced_grouping(cell, value):
    assert parse_numbers(_s(cell), file="f.csv", column="Views").tolist() == [value]


def test_numbers_the_first_wrong_cell_is_named_whatever_its_fault():
    # a misgrouped cell on line 3 comes before the word on line 4
    with pytest.raises(ParseError, match="line 3.*thousands separator misplaced"):
        parse_numbers(_s("12", "1.5,00", "lots"), file="f.csv", column="Views")
    with pytest.raises(ParseError, match="line 3.*not a number"):
        parse_numbers(_s("12", "lots", "1.5,00"), file="f.csv", column="Views")


@settings(max_examples=60, deadline=None)
@given(cents=st.lists(st.integers(0, 10**11), min_size=1, max_size=6),
       mark=st.sampled_from([",", "."]), hinted=st.booleans())
def test_numbers_read_back_any_well_grouped_column(cents, mark, hinted):
    """Numbers grouped by three, in French or English, read as written (cents / 100), with
    the file's decimal mark as the hint or none (each cell's two marks, or its cents' two
    digits, say which is decimal)."""
    got = parse_numbers(_s(*(_grouped(c, mark) for c in cents)),
                        decimal=mark if hinted else None)
    assert got.tolist() == pytest.approx([c / 100 for c in cents], abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(groups=st.lists(st.integers(1, 5), min_size=2, max_size=4).filter(
           lambda g: g[0] > 3 or any(n != 3 for n in g[1:])),
       mark=st.sampled_from([",", "."]), cents=st.integers(0, 99), line=st.integers(0, 3))
def test_numbers_refuse_any_malformed_grouping(groups, mark, cents, line):
    """Digit groups of those lengths (a first above 3, or a later one not of 3) joined by the
    thousands mark, with cents after the decimal mark, are refused among well-formed cells,
    named by their line, never read."""
    thousands = "." if mark == "," else ","
    cell = thousands.join("7" * n for n in groups) + f"{mark}{cents:02d}"
    cells = ["12"] * line + [cell] + ["3"]
    with pytest.raises(ParseError, match="thousands separator misplaced") as err:
        parse_numbers(_s(*cells), file="f.csv", column="Views", decimal=mark)
    assert (err.value.line, err.value.got) == (2 + line, cell)



#: the marks a platform writes between thousands other than '.' and ',': a space, a no-break
#: space (Excel, French), a narrow no-break space (Meta, French), a thin space, an apostrophe
#: (Swiss)
_SPACE_MARKS = (" ", "\u00a0", "\u202f", "\u2009", "'")
#: every Unicode space separator (category Zs: the above and the en/em quads and spaces, the
#: figure space, the ideographic space...), which no export writes between thousands but a
#: cell retyped or pasted may: checked as the others are
_ZS_MARKS = tuple(c for c in map(chr, range(sys.maxunicode + 1))
                  if unicodedata.category(c) == "Zs")


@pytest.mark.parametrize(("cell", "value"), [
    # grouped by three, read as written: the marks dropped, the decimal after them
    ("1 234", 1234.0), ("12 345 678,5", 12345678.5), ("1'234.50", 1234.5),
    ("1\u202f234", 1234.0), ("1\u00a0234,5", 1234.5), ("1\u2009234 567", 1234567.0),
    # a space before '%', a currency or a suffix, or after a sign, is no thousands mark:
    # 1234,5 % = 12.345, 62,5 % = 0.625
    ("1 234,5 %", 12.345), ("62,5 %", 0.625), ("1 299,50 €", 1299.5), ("€ 1 234", 1234.0),
    ("12 USD", 12.0), ("- 1 234", -1234.0), ("(1 234)", -1234.0), ("1.2 K", 1200.0),
    # a spreadsheet's text prefix, not between digits
    ("'1234", 1234.0),
])
def test_numbers_spaces_and_apostrophes_between_groups_of_three_are_read(cell, value):
    assert parse_numbers(_s(cell), file="f.csv", column="Views").tolist() == [value]


@pytest.mark.parametrize(("cell", "example"), [
    # dropped unchecked, each read with its marks gone: 12345, 1234, 123, 123.5, 1234567,
    # 123456, 1234.56
    ("1 2345", "1 299.50 or 1299.50"), ("12 34", "1 299.50 or 1299.50"),
    ("1'23", "1'299.50 or 1299.50"), ("1 23,5", "1 299,50 or 1299,50"),
    ("1234 567", "1 299.50 or 1299.50"), ("1\u202f234\u202f56", "1\u202f299.50 or 1299.50"),
    ("1 234,5 6 €", "1 299,50 or 1299,50"),
])
def test_numbers_space_or_apostrophe_not_between_groups_of_three_is_refused(cell, example):
    with pytest.raises(ParseError) as err:
        parse_numbers(_s("12", cell, "lots"), file="f.csv", column="Views")
    assert (err.value.file, err.value.line, err.value.column, err.value.got) == (
        "f.csv", 3, "Views", cell)
    assert err.value.reason == "thousands separator misplaced"
    assert err.value.expected.startswith(f"a number like {example}:")


@pytest.mark.parametrize("mark", ["\u2000", "\u2007", "\u200a", "\u205f", "\u3000",
                                  "\u1680"])
def test_numbers_any_unicode_space_is_a_thousands_mark_checked(mark):
    # an en quad, a figure space, a hair space, a medium mathematical space, an ideographic
    # space, an Ogham space mark: dropped unchecked, '1<mark>2345' read 12345 and
    # '12<mark>34' 1234; between groups of three, read as written (1 234 567 = 1234567)
    for cell in (f"1{mark}2345", f"12{mark}34"):
        with pytest.raises(ParseError, match="thousands separator misplaced") as err:
            parse_numbers(_s("12", cell), file="f.csv", column="Views")
        assert (err.value.line, err.value.got) == (3, cell)
        assert err.value.expected.startswith(f"a number like 1{mark}299.50 or 1299.50:")
    assert parse_numbers(_s(f"1{mark}234{mark}567")).tolist() == [1234567.0]


def test_numbers_space_marks_read_alike_by_python_and_arrow():
    """The thousands check runs in RE2 for a column (the loaders) and in Python's ``re`` for a
    cell (costs.csv): for every character a cell loses between its digits, both must find
    the same mark and the same grouping, in a misgrouped cell and a grouped one."""
    from smmanalytics.loaders._numbers import SPACE_GROUPED, SPACE_MARK

    marks = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
             and re.fullmatch(r"[\s']", chr(c))]
    assert set(_ZS_MARKS) <= set(marks)
    cells = [f"1{m}{tail}" for m in marks for tail in ("2345", "234,5")]
    arrow_mark = pc.match_substring_regex(pa.array(cells), SPACE_MARK).to_pylist()
    arrow_grouped = pc.match_substring_regex(pa.array(cells),
                                             f"^(?:{SPACE_GROUPED})$").to_pylist()
    assert arrow_mark == [bool(re.search(SPACE_MARK, c)) for c in cells] == [True] * len(cells)
    assert arrow_grouped == [bool(re.fullmatch(SPACE_GROUPED, c)) for c in cells]
    # '1<mark>2345' misgrouped, '1<mark>234,5' grouped, whichever the mark
    assert arrow_grouped == [tail == "234,5" for _ in marks for tail in ("2345", "234,5")]


def test_numbers_space_misgrouped_workbook_cell_is_refused():
    # a workbook's numbers stay numbers; its text cell '1 2345' is checked as a CSV's is
    with pytest.raises(ParseError, match="line 3.*thousands separator misplaced"):
        parse_numbers(pd.Series([7, "1 2345"], dtype=object), file="f.xlsx", column="Views")


@settings(max_examples=60, deadline=None)
@given(cents=st.integers(0, 10**11), mark=st.sampled_from(_SPACE_MARKS + _ZS_MARKS),
       decimal=st.sampled_from([",", "."]), with_cents=st.booleans())
def test_numbers_read_back_any_number_grouped_with_a_space_mark(cents, mark, decimal,
                                                                with_cents):
    """A number grouped by three with any of the space marks reads as written (cents / 100,
    or its whole part without cents)."""
    whole = f"{cents // 100:,}".replace(",", mark)
    cell = f"{whole}{decimal}{cents % 100:02d}" if with_cents else whole
    expected = cents / 100 if with_cents else cents // 100
    assert parse_numbers(_s(cell), decimal=decimal).tolist() == pytest.approx([expected])


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(10, 10**9), mark=st.sampled_from(_SPACE_MARKS + _ZS_MARKS),
       decimal=st.sampled_from([",", "."]), data=st.data())
def test_numbers_refuse_a_space_mark_that_breaks_a_group_of_three(whole, mark, decimal, data):
    """A mark put between two digits of a well-grouped number (inside its first group or a
    group of three) leaves a group of other than three after a mark: refused, named by its
    line."""
    grouped = f"{whole:,}".replace(",", mark)
    inside = [i for i in range(1, len(grouped)) if grouped[i - 1].isdigit()
              and grouped[i].isdigit()]
    at = data.draw(st.sampled_from(inside))
    cell = f"{grouped[:at]}{mark}{grouped[at:]}{decimal}50"
    with pytest.raises(ParseError, match="thousands separator misplaced") as err:
        parse_numbers(_s("12", cell, "3"), file="f.csv", column="Views", decimal=decimal)
    assert (err.value.line, err.value.got) == (3, cell)


def test_numbers_drop_every_space_python_drops():
    """The cleaning runs in Arrow's RE2, whose ``\\s`` is ASCII's: the class it is given
    instead must hold every character Python's ``\\s`` matched (the code points of
    ``str.isspace``, checked one by one here), and no other."""
    from smmanalytics.loaders._numbers import _PY_SPACES

    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    arrow = pc.match_substring_regex(pa.array(points), f"^{_PY_SPACES}$").to_pylist()
    python = [bool(re.fullmatch(r"[\s']", c)) for c in points]
    assert [c for c, a, p in zip(points, arrow, python, strict=True) if a != p] == []


@pytest.mark.parametrize("cell", ["١٢٣", "1 ٢٣٤", "۱۲", "１２"])
def test_numbers_digits_of_other_scripts_are_not_a_number(cell):
    """Python's ``\\d`` took Arabic-Indic (or fullwidth) digits for digits and
    ``pd.to_numeric`` then read the cell as no value: '١٢٣' became NA, silently. Arrow's RE2
    takes ASCII digits only: the cell is not a number, named by its line."""
    with pytest.raises(ParseError, match="cell is not a number") as err:
        parse_numbers(_s("1 234", cell), file="f.csv", column="Views")
    assert (err.value.line, err.value.got) == (3, cell)


# ---------------------------------------------------------------- dates

def test_meta_times_across_dst():
    utc, counts = parse_datetimes(
        _s("01/15/2026 10:00", "07/01/2026 10:00", "11/01/2026 01:30", "03/08/2026 02:30", ""),
        "%m/%d/%Y %H:%M", tz=META_TZ)
    assert utc[0] == pd.Timestamp("2026-01-15 18:00", tz="UTC")   # PST = UTC-8
    assert utc[1] == pd.Timestamp("2026-07-01 17:00", tz="UTC")   # PDT = UTC-7
    assert utc[2] == pd.Timestamp("2026-11-01 08:30", tz="UTC")   # first 01:30 is PDT
    # 02:30 is skipped: read at PST (UTC-8), the offset before the change, 10:30 UTC = 03:30 PDT
    assert utc[3] == pd.Timestamp("2026-03-08 10:30", tz="UTC")
    assert pd.isna(utc[4])
    assert counts == {"dst_ambiguous": 1, "dst_nonexistent": 1}


def test_bad_time_cell_raises():
    with pytest.raises(ParseError, match="line 2.*13/45/2026"):
        parse_datetimes(_s("13/45/2026 10:00"), "%m/%d/%Y %H:%M", tz=META_TZ, file="a.csv")


def test_month_name_dates_in_five_languages():
    parts = parse_text_dates(_s("Tue, Jul 14, 2026", "Jan 6, 2024", "28 sept. 2026",
                                "14. Juli 2026", "3 de marzo de 2025", "1 févr. 2026",
                                "12 ott 2025", "déc. 5, 2025"))
    assert parts["year"].tolist() == [2026, 2024, 2026, 2026, 2025, 2026, 2025, 2025]
    assert parts["month"].tolist() == [7, 1, 9, 7, 3, 2, 10, 12]
    assert parts["day"].tolist() == [14, 6, 28, 14, 3, 1, 12, 5]


def test_year_less_dates_resolved_from_as_of():
    parts = parse_text_dates(_s("September 25", "28 August", "December 31"))
    dates, inferred = resolve_year(parts, pd.Timestamp("2026-09-26 10:00", tz="UTC"))
    # Dec 31 2026 would be after the as-of date → 2025
    assert dates.tolist() == [pd.Timestamp("2026-09-25"), pd.Timestamp("2026-08-28"),
                              pd.Timestamp("2025-12-31")]
    assert inferred.all()


def test_day_to_utc_uses_source_midnight():
    got = day_to_utc(pd.Series(pd.to_datetime(["2026-01-15", "2026-07-14"])), META_TZ)
    assert got.tolist() == [pd.Timestamp("2026-01-15 08:00", tz="UTC"),
                            pd.Timestamp("2026-07-14 07:00", tz="UTC")]


def test_unknown_month_raises():
    with pytest.raises(ParseError, match="Foo 3, 2026"):
        parse_text_dates(_s("Foo 3, 2026"))


@pytest.mark.parametrize("cell", ["2026-10-03 foo", "03/10/2026 foo", "03/10/2026tabc",
                                  "2026-10-03T12", "03/10/20 26", "10/03/2026 25:00",
                                  "10/03/2026 13:00 pm", "10/03/2026 10:61"])
def test_a_date_followed_by_text_that_is_no_time_raises(cell):
    # the second cell: line 3 (header on line 1)
    with pytest.raises(ParseError, match="not a date") as err:
        parse_text_dates(_s("2026-10-02", cell), file="a.csv", column="Date")
    assert (err.value.file, err.value.line, err.value.column) == ("a.csv", 3, "Date")
    assert err.value.got == cell and "time of day" in err.value.expected


def test_a_time_after_a_numeric_date_is_given_in_seconds():
    parts = parse_text_dates(_s("2026-10-03", "2026-10-03 14:30:05",
                                "2026-10-03T00:00:00.000", "10/04/2026 2:30 PM",
                                "10/04/2026 12:15 a.m.", "10/05/2026 9:07", "Jul 14, 2026", ""))
    assert parts["day"].tolist()[:6] == [3, 3, 3, 4, 4, 5]
    # 14*3600+30*60+5; midnight; 14:30; 00:15; 9*3600+7*60; none written
    assert parts["time"].tolist() == [pd.NA, 52205, 0, 52200, 900, 32820, pd.NA, pd.NA]



def test_repeated_dates_are_parsed_once_and_spread_back(monkeypatch):
    """A column of 3,000 cells holding three distinct dates folds three cells, not 3,000; each
    row gets its own date, on the caller's index, and the column still proves the order."""
    from smmanalytics.loaders import _dates

    seen = []
    fold = _dates._fold
    monkeypatch.setattr(_dates, "_fold", lambda s: seen.append(len(s)) or fold(s))
    cells = pd.Series(["Jul 14, 2026", "13/07/2026", ""] * 1000, index=range(5, 3005),
                      dtype="str")
    parts = parse_text_dates(cells)
    assert seen == [3]
    assert parts.index.tolist() == list(range(5, 3005))
    assert parts.loc[5:10, "day"].tolist() == [14, 13, pd.NA, 14, 13, pd.NA]
    assert parts.loc[5:10, "month"].tolist() == [7, 7, pd.NA, 7, 7, pd.NA]
    assert parts.loc[5:10, "year"].tolist() == [2026, 2026, pd.NA, 2026, 2026, pd.NA]
    # 13 first: day first, proved by the column (not the default month first)
    assert parts.attrs == {"numeric_order": "dmy", "numeric_ambiguous": False}


def test_a_repeated_bad_date_names_its_first_row():
    # rows 0..3 on lines 2..5: "Foo 3" first on line 3, again on line 5
    with pytest.raises(ParseError, match="not a date") as err:
        parse_text_dates(_s("Jul 14, 2026", "Foo 3", "Jul 14, 2026", "Foo 3"), file="a.csv",
                         column="Date")
    assert (err.value.line, err.value.got) == (3, "Foo 3")



def test_summary_cells_read_ascii_and_other_text_alike():
    import re

    from smmanalytics.loaders._cells import _ASCII_SPACES, normalized_cells, summary_cells

    # ASCII: Python's whitespace is the pattern Arrow collapses
    assert [chr(i) for i in range(128) if re.fullmatch(_ASCII_SPACES, chr(i))] \
        == [chr(i) for i in range(128) if chr(i).isspace()]
    texts = pd.Index([' "Grand \t Total" ', "Ｔotal", "total\u00a0général", "V0001", ""],
                     dtype=object)
    assert normalized_cells(texts).tolist() == ["grand total", "total", "total général",
                                                "v0001", ""]
    cells = pd.Series(["Total", None, "V0001", "V0001", " TOTALS", 7, "Totale :", "total: x"],
                      dtype=object, index=[4, 5, 6, 7, 8, 9, 10, 11])
    got = summary_cells(cells)
    assert got.tolist() == [True, False, False, False, True, False, True, False]
    assert got.index.tolist() == [4, 5, 6, 7, 8, 9, 10, 11] and got.dtype == bool



def test_xls_cells_by_type():
    import datetime as dt

    from smmanalytics.loaders._sources import _xls_sheets
    from tests.test_loaders_fuzz import _xls

    data = _xls([["id", 1.0, 2**53 - 1, 2**53, 2.5, -0.0],
                 [True, False, ("err", "#N/A!"), pd.Timestamp("2026-07-14 14:30"), None, "x"],
                 ["short"]])
    ((name, rows),) = _xls_sheets(data)
    assert name == "S"
    # whole numbers below 2**53 are ints, 2**53 stays a float; every row is 6 cells wide; the
    # error cell is the error Excel shows
    assert rows == [["id", 1, 2**53 - 1, float(2**53), 2.5, 0],
                    [True, False, "#N/A", dt.datetime(2026, 7, 14, 14, 30), "", "x"],
                    ["short", "", "", "", "", ""]]
    assert [type(v) for v in rows[0][1:]] == [int, int, float, float, int]
    assert [type(v) for v in rows[1][:2]] == [bool, bool]



def test_durations_repeated_are_each_row_s_seconds():
    from smmanalytics.loaders._tidy import hms_seconds

    got = hms_seconds(pd.Series(["0:03:12", "", "1:02:03", "0:03:12", "45", None], dtype=object,
                                index=range(7, 13)), file="t.csv", column="D", first_line=2)
    # 3*60+12; none; 3600+2*60+3; again 192; plain seconds; none
    assert got.tolist() == [192.0, pd.NA, 3723.0, 192.0, 45.0, pd.NA]
    assert got.index.tolist() == list(range(6)) and got.dtype == "Float64"
    # "x" first on the second row (line 3), again on the fourth
    with pytest.raises(ParseError, match="not a duration") as err:
        hms_seconds(pd.Series(["1:00", "x", "1:00", "x"]), file="t.csv", column="D",
                    first_line=2)
    assert (err.value.line, err.value.got) == (3, "x")


# ---------------------------------------------------------------- sniffing

def test_decode_boms_and_fallback():
    assert decode("é".encode("utf-8-sig")) == ("é", "utf-8-sig")
    assert decode(b"\xff\xfe" + "é".encode("utf-16-le")) == ("é", "utf-16-le")
    assert decode(b"\xfe\xff" + "é".encode("utf-16-be")) == ("é", "utf-16-be")
    log = QualityLog()
    assert decode("Durée".encode("cp1252"), file="x.csv", log=log) == ("Durée", "cp1252")
    assert log.entries[0]["code"] == "encoding_fallback"


def test_split_text_sep_hint_title_and_semicolons():
    t = split_text('sep=,\n"Facebook follows"\n"Date","Primary"\n"2025-08-01T00:00:00","3"\n',
                   source="f.csv")[0]
    assert t.meta["title"] == "Facebook follows" and t.meta["sep"] == ","
    assert t.header == ["Date", "Primary"] and t.frame.iloc[0].tolist() == [
        "2025-08-01T00:00:00", "3"]
    t2 = split_text("a;b;c\n1;2,5;3\n4;5;6\n", source="g.csv")[0]
    assert t2.delimiter == ";" and t2.frame[1].tolist() == ["2,5", "5"]


def test_split_text_ga4_preamble_and_second_table():
    text = ("# ----\n# Traffic acquisition: Session source / medium\n# Start date: 20260501\n"
            "# End date: 20260531\nSession source / medium,Sessions\na / b,3\n\n"
            "# ----\n# Chart\nDate,Sessions\n20260501,3\n")
    t1, t2 = split_text(text, source="ga.csv")
    assert t1.meta["start_date"] == "20260501" and t1.meta["end_date"] == "20260531"
    assert t1.header == ["Session source / medium", "Sessions"] and len(t1.frame) == 1
    assert t2.header == ["Date", "Sessions"] and t2.frame[0].tolist() == ["20260501"]


@pytest.mark.parametrize("title", ["Facebook follows;", '"Facebook follows";""',
                                   "Facebook follows;;;"])
def test_a_title_padded_with_empty_cells_by_a_spreadsheet_is_still_a_title(title):
    # Excel saves every line as wide as the sheet: the title line gets empty cells
    t = split_text(f"{title}\nDate;Primary\n01/08/2025 00:00;3\n", source="f.csv")[0]
    assert t.meta["title"] == "Facebook follows"
    assert t.header == ["Date", "Primary"] and t.frame[1].tolist() == ["3"]


def test_a_ga4_preamble_padded_and_quoted_by_a_spreadsheet_is_read():
    text = ("# ----,,\n# Traffic acquisition: Session source / medium,,\n"
            '"# Account: Maison, Sève",,\n# ,,\n# Start date: 20260701,,\n'
            "# End date: 20260731,,\nSession source / medium,Sessions,Key events\n"
            "a / b,3,1\n,,\n# ----,,\n# Chart,,\nDate,Sessions,\n20260701,3,\n")
    t1, t2 = split_text(text, source="ga.csv")
    assert t1.meta["start_date"] == "20260701" and t1.meta["end_date"] == "20260731"
    assert t1.meta["start_date_line"] == "5" and t1.meta["end_date_line"] == "6"
    assert t1.meta["account"] == "Maison, Sève"
    assert t1.header == ["Session source / medium", "Sessions", "Key events"]
    assert t1.frame[1].tolist() == ["3"]
    assert t2.header[:2] == ["Date", "Sessions"] and t2.frame[0].tolist() == ["20260701"]


def test_ragged_rows_are_kept_and_noted():
    # line 2 lacks 'c', which line 3 leaves empty: an empty cell left out, put back
    log = QualityLog()
    t = split_text("a,b,c\n1,2\n4,5,\n", source="r.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", "4"] and t.frame[2].tolist() == ["", ""]
    assert log.entries[0]["code"] == "ragged_rows"


def test_blank_rows_of_a_ragged_table_are_noted_as_skipped():
    # the text path (a row of 2 cells under 3 headers) dropped the row of empty cells on line 4
    # without a word; the Arrow path notes it: both now do. The empty line 6 is no row.
    log = QualityLog()
    t = split_text("a,b,c\n1,2\n4,5,\n , ,\n7,8,9\n\n10,11,12\n", source="r.csv", log=log)[0]
    assert t.frame[0].tolist() == ["1", "4", "7", "10"]
    notes = {e["code"]: e for e in log.entries}
    assert notes["ragged_rows"]["rows"] == 1
    assert notes["blank_rows_skipped"]["rows"] == 1
    assert "(line 4)" in notes["blank_rows_skipped"]["message"]


# ---------------------------------------------------------------- headers

def test_normalize_header():
    assert normalize("  Mentions\u00a0J\u2019aime ") == "mentions j'aime"
    assert normalize("Reactions, Comments and Shares") == normalize(
        "Reactions, comments and shares")


def test_match_headers_locale_and_unknown():
    m = match_headers(["Identifiant de la publication", "Heure de publication", "Vues",
                       "Colonne inconnue", "Description"], "meta")
    assert m.columns["post_id"] == [0] and m.columns["views"] == [2]
    assert m.locale == "fr-FR" and m.unknown == ["Colonne inconnue"]
    assert match_headers(["Post ID", "Publish time"], "meta").locale == "en-US"


# ---------------------------------------------------------------- registry

def test_unknown_platform_lists_known():
    with pytest.raises(UnknownPlatformError, match="instagram"):
        formats("myspace")
    with pytest.raises(UnknownFormatError):
        get_format("nope")


def test_register_rejects_duplicates_and_unknown_platforms():
    # a contributor adding a platform is told where it is declared
    with pytest.raises(UnknownPlatformError, match=r"add it to schema\.PLATFORMS \(and see "
                       r"README 'Adding a platform loader'\)"):
        register("bad_fmt", platforms="myspace", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [])


def test_register_asks_the_family_of_the_keys_and_metrics_it_is_given():
    with pytest.raises(ArgumentError, match=r"^argument 'family': format 'bad_fmt_keys': keys "
                       r"and expects are fields of a family; pass family=; expected the "
                       r"synonym family \(synonyms\.csv\) of keys and expects$"):
        register("bad_fmt_keys", platforms="x", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [], expects=("impressions",))


def test_register_refuses_a_family_or_field_the_synonym_table_does_not_know():
    """A misspelt family matched no header: no total row was dropped and every file warned
    that each metric was missing."""
    with pytest.raises(ArgumentError, match=r"^argument 'family': format 'bad_fmt_family': "
                       r"unknown family; expected one of the synonym table's families, .*\btiktok"
                       r"\b.*; got 'tiktok_content'$"):
        register("bad_fmt_family", platforms="tiktok", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [], family="tiktok_content", expects=("views",))
    with pytest.raises(ArgumentError, match="^argument 'expects': format 'bad_fmt_field': "
                       "'viewz' is not a field of family 'tiktok'; expected fields of family "
                       "'tiktok'"):
        register("bad_fmt_field", platforms="tiktok", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [], family="tiktok", expects=("views|viewz",))
    # a key and an expects_on field are named under their own argument
    with pytest.raises(ArgumentError, match="^argument 'keys': format 'bad_fmt_key': 'idd' "):
        register("bad_fmt_key", platforms="tiktok", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [], family="tiktok", keys=("idd",))
    with pytest.raises(ArgumentError, match="^argument 'expects_on': .*'savez', 'viewz' are "
                       "not fields"):
        register("bad_fmt_on", platforms="tiktok", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [], family="tiktok",
                 expects_on={"tiktok": ("viewz", "savez")})
    assert "bad_fmt_family" not in {f.name for f in formats()}


def test_register_refuses_a_kind_or_a_taken_name_as_an_argument_error():
    """A kind not in KINDS and a name already registered were bare ValueErrors, beside the
    UnknownPlatformError of a bad platform: one SmmError class, naming the argument (still a
    ValueError for callers that caught that)."""
    with pytest.raises(ArgumentError, match=r"^argument 'kinds': format 'mine': not a kind of "
                       r"table; expected one of posts, daily, web, audience; got 'post'$"):
        register("mine", platforms="x", kinds="post", detect=lambda c: 0,
                 parse=lambda c, x: [])
    with pytest.raises(ValueError, match=r"^argument 'name': format 'youtube_table' is already "
                       r"registered; expected a name no format has; got 'youtube_table'$"):
        register("youtube_table", platforms="youtube", kinds="posts", detect=lambda c: 0,
                 parse=lambda c, x: [])
    assert "mine" not in {f.name for f in formats()}


def test_a_note_of_an_unknown_level_is_an_argument_error():
    """``ctx.note(level="warn")`` in a loader: a bare ValueError, now an SmmError naming
    the argument and the three levels."""
    with pytest.raises(ArgumentError, match=r"^argument 'level': not a note level; expected "
                       r"one of info, warning, error; got 'warn'$"):
        QualityLog().add("f.csv", "code", "message", level="warn")


def test_every_posts_format_names_its_keys_and_every_table_format_its_metrics():
    """The summary rows without keys are found, and the metrics missing are said, by the
    registry for every format that names them: every posts format names its keys, and
    every posts or daily format the metrics its exports carry (YouTube's chart and totals
    files, whose one metric is the user's choice, and Meta's daily files, one metric named
    on their title line, aside), all of them fields of its family."""
    from smmanalytics.loaders._headers import synonyms

    fields = {}
    for s in synonyms():
        fields.setdefault(s.family, set()).add(s.canonical)
    for fmt in formats():
        if fmt.name in ("meta_post_legacy_sheet", "meta_audience"):
            continue                     # no rows of posts of their own; an audience file
        if "posts" in fmt.kinds:
            assert fmt.keys, fmt.name
        if set(fmt.kinds) & {"posts", "daily"} and fmt.name not in (
                "youtube_chart", "youtube_totals", "meta_daily"):
            assert fmt.expects, fmt.name
        named = {f for e in fmt.expects + sum((m for _, m in fmt.expects_on), ())
                 for f in e.split("|")} | set(fmt.keys)
        assert named <= fields.get(fmt.family, set()), fmt.name


def test_snapshot_from_file_name():
    assert snapshot_from_name("account_analytics_content_2026-10-01_2026-10-31.csv") == \
        pd.Timestamp("2026-11-01", tz="UTC")
    assert snapshot_from_name("export_2026-10-31T0815.csv") == pd.Timestamp(
        "2026-10-31 08:15", tz="UTC")
    assert snapshot_from_name("x.zip!posts_1761900000.csv") == pd.Timestamp(
        1761900000, unit="s", tz="UTC")
    assert snapshot_from_name("posts.csv") is None
    # the last day ends in the zone of the export's days: Meta's Pacific days end at 07:00 UTC
    # in summer time (a post at 23:30 on 31 October, Pacific, was published before it)
    assert snapshot_from_name("posts_2026-10-01_2026-10-31.csv", "America/Los_Angeles") == \
        pd.Timestamp("2026-11-01 07:00", tz="UTC")
    assert snapshot_from_name("posts_2026-11-01_2026-11-30.csv", "America/Los_Angeles") == \
        pd.Timestamp("2026-12-01 08:00", tz="UTC")
    # a start date and an export epoch: the latest wins (1793520000 s = 2026-11-01 08:00 UTC)
    assert snapshot_from_name("Overview_2025-11-01_1793520000_brand.zip!Overview.csv") == \
        pd.Timestamp("2026-11-01 08:00", tz="UTC")


def test_read_export_platform_and_kind_arguments():
    from smmanalytics import read_export

    fb = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    with pytest.raises(UnknownPlatformError, match=r"expected one of facebook \(or fb\), .*, ga4"):
        read_export(fb, platform="myspace")
    assert read_export(fb, platform=" Facebook")["platform"].eq("facebook").all()
    with pytest.raises(UnknownFormatError, match="this is a facebook posts export"):
        read_export(fb, platform="x")
    with pytest.raises(UnknownFormatError, match="no daily table"):
        read_export(fb, kind="daily")
    assert len(read_export(fb, kind="posts", platform="facebook")) == 4


def test_read_export_of_the_other_meta_platform_says_whose_it_is():
    """Meta Business Suite's formats serve Facebook and Instagram: a Facebook posts export read
    with platform="instagram" returned its 4 Facebook posts, as if Instagram's were asked for
    and found. It is refused, naming whose export it is; a Meta chart naming no platform (the
    file says nothing against Instagram) is still read."""
    fb = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    with pytest.raises(UnknownFormatError) as info:
        smm.read_export(fb, platform="instagram")
    err = info.value
    assert err.file == str(fb)
    assert err.reason == ("this is a facebook posts export (Meta Business Suite), not an "
                          "instagram export: load it without platform=, or with "
                          "platform='facebook'")
    assert (err.expected, err.got) == ("an instagram export", "a facebook export")
    chart = Path(__file__).parent / "fixtures" / "meta" / "Views_2026-10-31.csv"
    assert smm.read_export(chart, platform="instagram")["platform"].eq("instagram").all()


@pytest.mark.parametrize(("asked", "platform"), [("instagram", "instagram"), ("IG", "instagram"),
                                                 ("facebook", "facebook")])
def test_a_meta_chart_naming_no_platform_takes_the_callers(asked, platform):
    """``Views_2026-10-31.csv`` names neither Facebook nor Instagram (title "Views", nor its
    file name): read with platform=, its rows stayed without one (``platform_unknown``), the
    caller's word lost. Its two days (1 520 and 980 views, the fixture's) are the platform's
    asked for, its alias or capitals too, and the note says where it came from."""
    chart = Path(__file__).parent / "fixtures" / "meta" / "Views_2026-10-31.csv"
    df = smm.read_export(chart, platform=asked)
    assert df["value"].tolist() == [1520, 980]
    assert df["platform"].tolist() == [platform, platform]
    assert df.attrs["platform"] == platform
    notes = {e["code"]: e for e in df.attrs["quality"]}
    assert "platform_unknown" not in notes
    assert notes["platform_from_caller"]["level"] == "info"
    assert notes["platform_from_caller"]["rows"] == 2
    assert f"taken as {platform}'s" in notes["platform_from_caller"]["message"]
    # without platform=, nothing says whose it is, as before
    alone = smm.read_export(chart)
    assert alone["platform"].isna().all() and alone.attrs["platform"] is None


def test_a_meta_chart_naming_its_platform_is_refused_for_another(tmp_path):
    """The same chart named ``facebook_Views.csv`` is Facebook's (its name says so): read with
    platform="instagram" it is refused as a Facebook posts export is, naming whose it is."""
    chart = tmp_path / "facebook_Views.csv"
    chart.write_bytes((Path(__file__).parent / "fixtures" / "meta" /
                       "Views_2026-10-31.csv").read_bytes())
    with pytest.raises(UnknownFormatError) as info:
        smm.read_export(chart, platform="instagram")
    err = info.value
    assert err.reason == ("this is a facebook daily export, not an instagram export: load it "
                          "without platform=, or with platform='facebook'")
    assert (err.expected, err.got) == ("an instagram export", "a facebook export")
    assert smm.read_export(chart, platform="facebook")["platform"].eq("facebook").all()


@pytest.mark.parametrize(("platform", "asked"), [("tiktok", "a tiktok export"),
                                                ("GA4", "a ga4 export"),
                                                ("x", "an x export")])
def test_read_export_of_another_platforms_export_says_whose_it_is(platform, asked):
    """An unmodified Facebook posts export read with platform="tiktok" said "no known export
    format matches this file; expected an export of facebook, instagram, …" and "a column such
    an export needs is missing": it matches a format, no column is missing, and the TikTok
    asked for was never named."""
    fb = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    with pytest.raises(UnknownFormatError) as info:
        smm.read_export(fb, platform=platform)
    err = info.value
    assert isinstance(err, smm.SmmError)
    assert err.file == str(fb)
    assert err.reason == (f"this is a facebook posts export (Meta Business Suite), not {asked}: "
                          "load it without platform=, or with platform='facebook'")
    assert (err.expected, err.got) == (asked, "a facebook export")
    assert "missing" not in str(err) and "no known export format" not in str(err)


def test_a_near_miss_read_for_one_platform_names_the_column_it_lacks(tmp_path):
    """A Facebook export without its "Publish time" column, read with platform="tiktok": no
    format of any platform reads it, and the note names the column Meta's exports have, as
    without platform=; it said "a column such an export needs is missing", the column looked
    for among TikTok's formats alone."""
    fb = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    cut = tmp_path / "facebook_posts.csv"
    pd.read_csv(fb, dtype=str, keep_default_na=False).drop(columns=["Publish time"]).to_csv(
        cut, index=False)
    for platform, expected in ((None, "an export of facebook"), ("tiktok", "a tiktok export")):
        with pytest.raises(UnknownFormatError) as info:
            smm.read_export(cut, platform=platform)
        err = info.value
        assert err.reason == "no known export format matches this file"
        assert err.expected.startswith(expected)
        assert "which also has 'publish time' (deleted by hand?)" in err.got
        assert "a column such an export needs is missing" not in err.got


def test_read_export_of_a_kind_no_table_has_is_an_argument_error():
    # kind="post" was a bare ValueError, no SmmError to catch
    from smmanalytics import ArgumentError, read_export

    fb = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    with pytest.raises(ArgumentError, match="argument 'kind': not a kind of table; expected "
                       "one of posts, daily, web, audience, or None; got 'post'"):
        read_export(fb, kind="post")


def test_parsers_do_not_mutate_their_input():
    cells = _s("1 234", "", "62,5 %")
    before = cells.copy()
    parse_numbers(cells)
    parse_text_dates(_s("Jan 6, 2024", ""))
    pd.testing.assert_series_equal(cells, before)
    paths = [Path(__file__).parent / "fixtures" / "ga4"]
    smm.load(paths)
    assert paths == [Path(__file__).parent / "fixtures" / "ga4"]


# ------------------------------------------------- workbook cells, a column at a time by type

def test_workbook_cells_by_type():
    import datetime as dt

    from smmanalytics.loaders._cells import isinstance_cells, str_cells

    cells = pd.Series(["a", 3, True, 2.5, None, dt.datetime(2026, 10, 1, 9, 30), pd.NaT, b"x"],
                      dtype=object)
    # bool is an int, excluded; pandas' NaT is a datetime
    assert isinstance_cells(cells, (int, float), exclude=bool).tolist() == [
        False, True, False, True, False, False, False, False]
    assert isinstance_cells(cells, dt.datetime).tolist() == [False] * 5 + [True, True, False]
    assert isinstance_cells(cells.iloc[:0], str).tolist() == []
    # str() of each cell, NA only where said missing (None): NaT and bytes as str() writes them
    got = str_cells(cells, cells.map(lambda v: v is None))
    assert got.dtype == "string"
    assert got.tolist() == ["a", "3", "True", "2.5", pd.NA, "2026-10-01 09:30:00", "NaT", "b'x'"]


def test_workbook_missing_cells_and_numbers():
    import datetime as dt

    from smmanalytics.loaders._numbers import _missing_word_or_none

    cells = pd.Series(["", " N/A ", "\x1cnan\u3000", "None", None, pd.NA, pd.NaT, "x",
                       dt.datetime(2026, 10, 1), False], dtype=object)
    # stripped and lowered as Python does (\x1c and the ideographic space are white space)
    assert _missing_word_or_none(cells).tolist() == [True] * 7 + [False] * 3
    got = parse_numbers(pd.Series([1, "", " n/a", None, 2.5, pd.NaT], dtype=object))
    assert got.tolist() == [1.0, pd.NA, pd.NA, pd.NA, 2.5, pd.NA]
    with pytest.raises(ParseError, match="not a number") as err:
        parse_numbers(pd.Series([1, True, "x"], dtype=object), file="f.xlsx", column="Views",
                      first_line=3)
    assert err.value.line == 4 and err.value.got == "True"


def test_cells_text_of_each_dtype():
    from smmanalytics.loaders._tidy import cells_text

    cells = pd.Series([" a ", None, float("nan"), 12, "N/A", "None"], dtype=object)
    assert cells_text(cells).tolist() == ["a", pd.NA, pd.NA, "12", pd.NA, pd.NA]
    assert cells_text(cells, placeholders=False).tolist() == ["a", pd.NA, pd.NA, "12", "N/A",
                                                              "None"]
    text = pd.Series([" b", None, "--"], dtype="str")
    assert cells_text(text).tolist() == ["b", pd.NA, pd.NA]


@settings(max_examples=80, deadline=None)
@given(cells=st.lists(st.one_of(st.text(max_size=6), st.none(), st.floats(), st.integers(),
                                st.booleans(), st.datetimes(), st.binary(max_size=3)),
                      max_size=20))
def test_cells_text_agrees_with_a_cell_by_cell_reading(cells):
    import numpy as np

    from smmanalytics.loaders._tidy import cells_text

    obj = pd.Series(cells, dtype=object)
    expected = obj.map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v))
                       else str(v)).astype("string").str.strip()
    for placeholders in (True, False):
        got = cells_text(obj, placeholders=placeholders)
        want = expected.mask(expected.str.lower().isin(_TEXT_EMPTY) if placeholders
                             else expected == "")
        pd.testing.assert_series_equal(got, want, check_exact=True)


def test_header_row_not_valid_csv_names_its_file_and_line(tmp_path):
    # a carriage return alone inside the header row (after a preamble line): the error says
    # which file and which line, as every ParseError does
    path = tmp_path / "overview.csv"
    path.write_bytes(b"# Overview\nDate,Impressions\rx,Follows\n2026-01-01,5,3\n")
    with pytest.raises(ParseError) as err:
        smm.read_export(path)
    assert err.value.file == str(path)
    assert err.value.line == 2


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_utf8_file_with_a_stray_windows_byte_stays_utf8(bom):
    """A caption fixed in Notepad leaves one Windows-1252 "è" in a UTF-8 file: the whole file
    was read as Windows-1252, its BOM became "ï»¿" (the first column's name was lost) and every
    other accent two letters. Only that byte is read as Windows-1252, noted with its line."""
    data = bom + "Post ID,Légende\n1,Crème\n2,".encode() + "Sève".encode("cp1252") + b" \x81\n"
    log = QualityLog()
    text, enc = decode(data, file="x.csv", log=log)
    assert text == "Post ID,Légende\n1,Crème\n2,Sève \x81\n"
    assert enc == "utf-8+cp1252"
    (entry,) = log.entries
    assert entry["code"] == "encoding_mixed"
    assert "2 byte(s)" in entry["message"] and "line 3" in entry["message"]


def test_a_windows_file_is_still_read_as_windows_1252():
    """Without a BOM and with no UTF-8 accent, a file whose accents are not UTF-8 is a
    Windows-1252 file: read whole as such."""
    log = QualityLog()
    data = "Durée;Vues\n1;Crème brûlée\n".encode("cp1252")
    assert decode(data, file="x.csv", log=log) == ("Durée;Vues\n1;Crème brûlée\n", "cp1252")
    assert log.entries[0]["code"] == "encoding_fallback"


@pytest.mark.parametrize("text,twice,expected,code", [
    # encoded twice: é = C3 A9 read as "Ã©", è "Ã¨", ’ = E2 80 99 "â€™": read back
    ("Titre,Réactions\nMaison Sève l’été,3\n", True, "Titre,Réactions\nMaison Sève l’été,3\n",
     "encoding_double_utf8"),
    # right as written: "Ã" of SÃO, a quoted "Ã©" among right accents (é ×3, ’, è ×2)
    ("Titre,Réactions\nSÃO, le mot Ã© s’écrit é,Sève\n", False,
     "Titre,Réactions\nSÃO, le mot Ã© s’écrit é,Sève\n", None),
    # right as written, no other accent: "É—" reads back as U+0257 (ɗ), no text's letter
    ("Caption,Views\nCAFÉ— open,3\n", False, "Caption,Views\nCAFÉ— open,3\n", None),
])
def test_a_text_encoded_in_utf8_twice_is_read_back_and_only_it(text, twice, expected, code):
    """A file read as Windows-1252 and saved again as UTF-8 ('RÃ©actions') was read as it
    stood, its headers unmatched; a right file's 'Ã' must stay."""
    data = text.encode("utf-8")
    if twice:
        data = data.decode("cp1252").encode("utf-8")
    log = QualityLog()
    got, enc = decode(data, file="x.csv", log=log)
    assert got == expected
    assert [e["code"] for e in log.entries] == ([code] if code else [])
    assert enc == ("utf-8+double" if code else "utf-8")
    if code:   # é ×3 (Réactions, été), è (Sève), ’: 5 characters
        assert "5 characters such as 'Ã©' read back as 'é'" in log.entries[0]["message"]


def test_cr_line_endings_with_captions_of_several_lines():
    """Excel for Mac's "CSV (Macintosh)" ends rows with CR alone and keeps LF inside a
    caption: with captions of several lines, LFs outnumbered the CRs, and the file failed
    ("header row is not valid CSV")."""
    text = ('"Post ID","Caption","Views"\r'
            '"1","one\ntwo\nthree","10"\r'
            '"2","four\nfive\nsix","20"\r')
    log = QualityLog()
    (t,) = split_text(text, source="x.csv", log=log)
    assert t.header == ["Post ID", "Caption", "Views"]
    assert t.frame[1].tolist() == ["one\ntwo\nthree", "four\nfive\nsix"]
    assert [e["code"] for e in log.entries] == ["line_endings_cr"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", " ", "-", "N/A", "x", "123", None]),
                         min_size=3, max_size=3), max_size=12),
       st.lists(st.integers(0, 2), max_size=3, unique=True))
def test_rows_all_empty_matches_a_row_by_row_reading(rows, columns):
    """Blank rows and keyless rows are found column by column on the rows still candidate,
    on Arrow text and on a sheet's frame alike: the same rows as reading each row whole."""
    import pyarrow as pa

    from smmanalytics.loaders._cells import rows_all_empty
    from smmanalytics.loaders._sniff import _blank_cells
    from smmanalytics.loaders._summary import _missing_or_nan

    def blank(v):
        return v is None or not v.strip()

    def missing(v):
        return blank(v) or v.strip().lower() in {"-", "n/a"}

    table = pa.table({str(j): pa.array([r[j] for r in rows], type=pa.string())
                      for j in range(3)})
    frame = pd.DataFrame(rows or None, columns=range(3), dtype=object)
    for empty, is_empty in ((_blank_cells, blank), (_missing_or_nan, missing)):
        want = [i for i, r in enumerate(rows) if all(is_empty(r[j]) for j in columns)]
        assert rows_all_empty(table, columns, empty).tolist() == want
        assert rows_all_empty(frame, columns, empty).tolist() == want


@pytest.mark.parametrize("name,reader", [
    ("costs.csv", "smm.read_costs"), ("Goals.yaml", "smm.read_goals"),
    ("competitors.csv", "smm.read_competitors"), ("brand.yaml", "smm.load on its folder"),
    ("synonyms.csv", "smm.load on its folder"),
])
def test_read_export_of_a_settings_file_names_what_reads_it(tmp_path, name, reader):
    """smm.read_export("costs.csv") said the file "matches no known export format" and that
    its headers "can be added to a synonyms.csv": advice to make an export of the costs."""
    path = tmp_path / name
    path.write_text("date,category,amount\n2026-10-01,ad_spend,100\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as info:
        smm.read_export(path)
    msg = str(info.value)
    assert f"{name} is a brand's settings file, not an export" in msg
    assert f"read this one with {reader}" in msg
    assert "synonyms.csv)" not in msg and "no known export format" not in msg


def test_read_export_of_a_folder_says_to_load_it(tmp_path):
    """smm.read_export of a brand's folder said "cannot read file; got 'Is a directory'"."""
    with pytest.raises(ArgumentError) as info:
        smm.read_export(tmp_path)
    assert str(info.value) == (
        "argument 'path': a folder, not an export file; expected one export file; for a "
        f"brand's folder of exports use smm.load(path); got {str(tmp_path)!r}")


@pytest.mark.parametrize("first", ["brand.yaml", "costs.csv", "synonyms.csv"])
def test_read_export_of_a_zipped_brand_folder_names_its_settings_file(tmp_path, first):
    """read_export("brand.zip") blamed the zipped folder's brand.yaml for matching "no known
    export format" (its headers "can be added to a synonyms.csv"): it is refused as a
    settings file, the member named, and smm.load on the archive named as its reader."""
    import zipfile

    path = tmp_path / "brand.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"maison-seve/{first}", "name: Maison Sève\n")
        zf.writestr("maison-seve/x_posts.csv", "Post id,Date\n1,2026-10-01\n")
    with pytest.raises(UnknownFormatError) as info:
        smm.read_export(path)
    assert info.value.file == f"{path}!maison-seve/{first}"
    msg = str(info.value)
    assert f"{first} is a brand's settings file, not an export" in msg
    assert "read this one with smm.load on the archive" in msg
    assert "no known export format" not in msg


def test_a_file_has_one_day_month_order_decided_by_the_evidence_in_turn():
    """One order per file: a proof in any date column, then the European hint, then the run of
    consecutive days of a daily file, then the platform's default, assumed."""
    s = pd.Series
    # 'Time' alone proves nothing; 'Post time' 30/12 proves day first for both
    assert file_numeric_order({"Time": s(["03/01/2026"]),
                               "Post time": s(["30/12/2025", "02/01/2026"])}) == DayOrder(
        "dmy", "a day above 12 written first in 'Post time' proves it", True, "proof")
    # a proof beats the hint
    assert file_numeric_order({"Date": s(["07/13/2026", "07/01/2026"])},
                              european="the ';' separator").order == "mdy"
    # 1-3 October day first is a run; month first it is 10 January, 10 February, 10 March
    days = {"Date": s(["01/10/2026", "02/10/2026", "03/10/2026", ""])}
    assert file_numeric_order(days, daily="Date") == DayOrder(
        "dmy", "only so are the rows of this daily file consecutive days", True, "consecutive")
    # the same cells, not a daily file: the default, assumed
    assert file_numeric_order(days) == DayOrder("mdy")
    # the hint alone (1 and 5 October make no run either way): day first, not sure
    gap = {"Date": s(["01/10/2026", "05/10/2026"])}
    assert file_numeric_order(gap, european="the ';' separator", daily="Date") == DayOrder(
        "dmy", "the ';' separator says a spreadsheet with European settings saved it, day "
        "first", False, "european")
    # month first is the run (10 January … 12 January): read so when nothing else tells
    assert file_numeric_order({"Date": s(["01/10/2026", "01/11/2026", "01/12/2026"])},
                              daily="Date").order == "mdy"
    # a column of other text is no date column and proves nothing
    assert file_numeric_order({"Title": s(["13/10 best of", "x"])}) == DayOrder("mdy")


@settings(max_examples=40, deadline=None)
@given(month=st.integers(1, 12), first=st.integers(1, 11), n=st.integers(2, 12),
       day_first=st.booleans())
def test_a_daily_run_with_no_day_above_12_is_read_in_the_order_that_makes_it_a_run(
        month, first, n, day_first):
    """A run of ``n`` consecutive days of one month, none above 12, written either way: the
    order that makes the distinct days consecutive is the one they were written in."""
    days = range(first, min(first + n, 13))
    if len(days) < 2:
        return
    cells = [f"{d:02d}/{month:02d}/2026" if day_first else f"{month:02d}/{d:02d}/2026"
             for d in days]
    got = file_numeric_order({"Date": pd.Series(cells)}, daily="Date")
    assert got.order == ("dmy" if day_first else "mdy") and got.how == "consecutive"


def test_only_the_spreadsheets_guessed_year_pattern_is_mended():
    """31 December → 1 January of the same year, the rest consecutive: mended (the December
    days a year back, as the run must end by the export, 2026-01-04); any other step back is
    left for the loader to note."""
    as_of = pd.Timestamp("2026-01-04 09:00", tz="UTC")
    d = pd.Series(pd.to_datetime(["2026-12-30", "2026-12-31", "2026-01-01", "2026-01-02"]))
    out, moved = mend_guessed_year(d, as_of)
    assert out.dt.strftime("%Y-%m-%d").tolist() == ["2025-12-30", "2025-12-31", "2026-01-01",
                                                    "2026-01-02"] and moved == 2
    for other in (["2026-12-30", "2026-12-31", "2026-01-02"],       # a day missing at the break
                  ["2026-06-30", "2026-07-01", "2026-03-01"],       # not at a year boundary
                  ["2026-12-31 10:00", "2026-01-01 10:00"]):        # not whole days
        series = pd.Series(pd.to_datetime(other))
        assert mend_guessed_year(series, as_of)[1] == 0


def test_a_ga4_table_of_headers_only_is_an_empty_export(tmp_path):
    """A GA4 traffic-acquisition file with its header and no row failed as "unexpected error
    … KeyError: 0" (the source / medium split into no column): it is an export with no row,
    noted."""
    path = tmp_path / "ga4.csv"
    path.write_text("Session campaign,Session source / medium,Sessions,Engaged sessions,"
                    "Engagement rate,Key events,Total revenue\n", encoding="utf-8")
    df = smm.read_export(path)
    assert len(df) == 0 and df.attrs["kind"] == "web"
    assert "empty_file" in [q["code"] for q in df.attrs["quality"]]


@pytest.mark.parametrize("name,text,line,column,what,got", [
    # X content without its Date column: "AttributeError: 'NoneType' object …"
    ("account_analytics_content_2026-07-01_2026-07-31.csv",
     "Post id,Post text,Post Link,Impressions,Likes,Engagements,Replies,Reposts\n"
     "1,hello,https://x.com/a/status/1,10,1,2,0,0\n",
     1, None, "the export has no date column", "Post id, Post text"),
    # a Meta daily day pandas cannot hold: "OutOfBoundsDatetime", no line
    ("facebook_views.csv",
     'sep=,\n"Views"\n"Date","Primary"\n"2025-09-01T00:00:00","295"\n"9999-12-31","995"\n',
     5, "Date", "date out of range", "9999-12-31"),
])
def test_a_broken_export_names_its_line_not_an_unexpected_error(tmp_path, name, text, line,
                                                                column, what, got):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as info:
        smm.read_export(path)
    err = info.value
    assert "unexpected error" not in str(err)
    assert (err.line, err.column, err.reason) == (line, column, what)
    assert str(err.got).startswith(got)


def test_local_to_utc_on_a_year_of_wall_times():
    """Every 10 minutes of 2025 in Paris (more times than hours: the offsets are looked up
    by the hour). Read by hand: 15 January 12:00 CET is 11:00 UTC, 1 July 12:00 CEST is
    10:00 UTC; 26 October 02:00-02:50 (six times) are repeated, taken at CEST (00:00-00:50
    UTC); 30 March 02:00-02:50 (six) are skipped, read at CET, the offset before the change
    (01:00-01:50 UTC, that is 03:00-03:50 CEST: moved forward an hour)."""
    from smmanalytics.loaders._dates import local_to_utc

    wall = pd.Series(pd.date_range("2025-01-01", "2026-01-01", freq="10min", inclusive="left"),
                     name="Publish time")
    utc, counts = local_to_utc(wall, "Europe/Paris")
    assert counts == {"dst_ambiguous": 6, "dst_nonexistent": 6}
    assert utc.name == "Publish time" and str(utc.dtype) == "datetime64[ns, UTC]"
    at = dict(zip(wall, utc, strict=True))
    assert at[pd.Timestamp("2025-01-15 12:00")] == pd.Timestamp("2025-01-15 11:00", tz="UTC")
    assert at[pd.Timestamp("2025-07-01 12:00")] == pd.Timestamp("2025-07-01 10:00", tz="UTC")
    assert at[pd.Timestamp("2025-10-26 02:50")] == pd.Timestamp("2025-10-26 00:50", tz="UTC")
    assert at[pd.Timestamp("2025-03-30 02:30")] == pd.Timestamp("2025-03-30 01:30", tz="UTC")
    assert at[pd.Timestamp("2025-03-30 02:50")] == pd.Timestamp("2025-03-30 01:50", tz="UTC")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 9999)), max_size=8), st.booleans())
def test_a_year_outside_is_found_from_the_ends(years, aware):
    """The earliest and latest times tell whether any is out of :data:`YEARS`, as every cell's
    year does (the definition, asked here of each cell): years 1-9999 in seconds, missing
    cells (None) among them, naive or UTC (both kinds ``parse_datetimes`` checks)."""
    from smmanalytics.loaders._dates import YEARS, _some_year_outside

    times = pd.Series([None if y is None else f"{y:04d}-06-01" for y in years],
                      dtype="datetime64[s]")
    if aware:
        times = times.dt.tz_localize("UTC")
    by_cell = any(y is not None and not YEARS[0] <= y <= YEARS[1] for y in years)
    assert _some_year_outside(times) == by_cell


def test_two_posts_in_the_skipped_hour_keep_their_minutes():
    """Two Meta posts 40 minutes apart in Los Angeles' skipped hour (8 March 2026, 02:00 PST
    became 03:00 PDT) were both set to 03:00 PDT. Read at PST (UTC-8), the offset before
    the change, as zoneinfo and RFC 5545 read them: 02:10 + 8 h = 10:10 UTC (03:10 PDT) and
    02:50 + 8 h = 10:50 UTC; 01:59 is PST, 09:59 UTC."""
    utc, counts = parse_datetimes(_s("03/08/2026 01:59", "03/08/2026 02:10", "03/08/2026 02:50"),
                                  "%m/%d/%Y %H:%M", tz=META_TZ)
    assert utc.tolist() == [pd.Timestamp(t, tz="UTC") for t in
                            ["2026-03-08 09:59", "2026-03-08 10:10", "2026-03-08 10:50"]]
    assert counts == {"dst_ambiguous": 0, "dst_nonexistent": 2}


#: a spring change per zone, by hand from the tz database: the wall time the gap starts at and
#: its length (Lord Howe moves its clock by 30 minutes; Santiago skips its midnight)
_GAPS = {"America/Los_Angeles": ("2026-03-08 02:00", 60),
         "Europe/Paris": ("2026-03-29 02:00", 60),
         "Australia/Lord_Howe": ("2025-10-05 02:00", 30),
         "America/Santiago": ("2026-09-06 00:00", 60)}


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(_GAPS)), st.data())
def test_times_in_a_gap_follow_the_valid_times_before_it_in_order(tz, data):
    """Any wall time in a spring gap reads after every valid time before the gap, the gap's
    times keep their order, and each is the instant Python's zoneinfo gives it (the offset
    before the change, RFC 5545 §3.3.5)."""
    from zoneinfo import ZoneInfo

    from smmanalytics.loaders._dates import local_to_utc

    start, minutes = _GAPS[tz]
    start = pd.Timestamp(start)
    before = data.draw(st.lists(st.integers(1, 3 * 3600), min_size=1, max_size=10))
    inside = data.draw(st.lists(st.integers(0, minutes * 60 - 1), min_size=1, max_size=10))
    wall = pd.Series([start - pd.Timedelta(seconds=s) for s in before]
                     + [start + pd.Timedelta(seconds=s) for s in inside], dtype="datetime64[ns]")
    utc, counts = local_to_utc(wall, tz)
    valid, gap = utc.iloc[:len(before)], utc.iloc[len(before):]
    assert counts == {"dst_ambiguous": 0, "dst_nonexistent": len(inside)}
    assert gap.min() > valid.max()
    assert gap.iloc[sorted(range(len(inside)), key=inside.__getitem__)].is_monotonic_increasing
    assert gap.nunique() == len(set(inside))              # no two times made one
    zone = ZoneInfo(tz)
    assert gap.tolist() == [pd.Timestamp(t.to_pydatetime().replace(tzinfo=zone)).tz_convert("UTC")
                            for t in wall.iloc[len(before):]]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["America/Los_Angeles", "Europe/Paris", "Australia/Lord_Howe",
                        "Asia/Kolkata"]),
       st.sampled_from(["2025-03-08", "2025-03-29", "2025-04-05", "2025-10-04", "2025-10-25",
                        "2025-11-01"]),
       st.lists(st.integers(0, 3 * 24 * 60 - 1) | st.none(), max_size=40))
def test_local_to_utc_by_the_hour_is_pandas_localising(tz, start, minutes):
    """Wall times looked up by the hour away from the zone's changes read as pandas reads
    every time: drawn over three days around a change (or none, in Kolkata), among a time
    every 20 minutes of those days (more times than hours, so that the hours are used)."""
    from smmanalytics.loaders._dates import _localized, local_to_utc

    base = pd.Timestamp(start)
    grid = [base + pd.Timedelta(minutes=m) for m in range(0, 3 * 24 * 60, 20)]
    drawn = [pd.NaT if m is None else base + pd.Timedelta(minutes=m) for m in minutes]
    wall = pd.Series(drawn + grid, dtype="datetime64[ns]")
    got, counts = local_to_utc(wall, tz)
    want, want_counts = _localized(wall, tz)
    pd.testing.assert_series_equal(got, want)
    assert counts == want_counts


def test_a_candidate_with_another_table_shares_all_it_remembers():
    """``Candidate.with_table`` (TikTok's repaired rows): every field but the table and the
    headers it matched is the same object, so what the new one's reading notes lands in the
    old one's, whose notes the registry writes; a field added later is shared too."""
    import dataclasses

    from smmanalytics.loaders._candidate import Candidate
    from smmanalytics.loaders._sniff import RawTable
    from smmanalytics.loaders._sources import Source

    table = RawTable(source="t.csv", header=["Views"], first_line=1, rows=[["1.2K"]])
    repaired = RawTable(source="t.csv", header=["Views"], first_line=1, rows=[["1200"]])
    old = Candidate(Source(table.source, b""), table, [table])
    old.match("tiktok_content")
    new = old.with_table(repaired)
    assert new.table is repaired and new._matches == {} and old._matches
    shared = [f.name for f in dataclasses.fields(Candidate) if f.name not in {"table", "_matches"}]
    assert all(getattr(new, name) is getattr(old, name) for name in shared), shared
