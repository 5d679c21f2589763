"""Locale-aware parsing of a whole column of numbers, vectorised.

Accepted cells: ``1234``, ``1,234`` / ``1.234`` / ``1 234`` / ``1'234`` (thousands separators,
including NBSP U+00A0 and NNBSP U+202F), ``62,5`` (decimal comma), ``424.0``, ``62,5 %`` and
``3.4%`` (percent → fraction, 0.625; only in a column that may hold a rate: in a count or an
amount, ``12%`` is bad input, see ``percent_cells``), ``1.2K`` / ``3M`` (×1e3 / ×1e6),
currency symbols and codes (``1 234,56 €``, ``$12``, ``CA$12``, ``12 USD``), a leading sign.
Missing: empty, ``-``, ``--``, ``—``, ``N/A``, ``n/a``, ``undefined``, ``null``, ``nan`` → NaN,
never 0.

Which of ``,`` and ``.`` is the decimal mark is decided **per column** from its evidence: a cell
with both marks (the last one is decimal), a mark followed by other than 3 digits (``62,5``,
``424.0``), or repeated marks (``1.234.567`` → thousands). Cells such as ``1,234`` that fit
both readings follow the column's evidence, then the ``decimal`` hint (from the file's locale),
then English (``,`` thousands, ``.`` decimal).

A thousands mark (the one that is not the cell's decimal mark) must stand between groups of
three digits, after a first group of one to three: ``12.99,5`` and ``1.5,00`` (a price retyped
by hand in a re-saved export), ``1,23.50`` or ``1,23,456`` (Indian grouping, which no export
writes) raise ParseError instead of being read with their marks dropped (1299.5, 15.0).
So must a space or an apostrophe between two digits (``1 234``, ``12 345 678,5``,
``1'234.50``), whichever Unicode space it is (NBSP, NNBSP, a thin space, an en quad, an
ideographic space: any of category Zs): ``1 2345``, ``12 34``, ``1'23`` and ``1\u20002345``
are refused, not read 12345, 1234, 123 and 12345.
Spaces elsewhere (``1 234,5 %``, ``12 €``, ``- 12``) are no thousands marks and are dropped.

A cell that is not a number at all raises :class:`~smmanalytics.errors.ParseError` naming the
file, the line (``first_line`` + position), the column, what was expected and what came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParseError
from ._cells import SPREADSHEET_ERRORS, isinstance_cells, str_cells

__all__ = ["CURRENCY_SIGNS", "DOLLAR", "parse_numbers", "MISSING", "AMBIGUOUS_DOT",
           "AMBIGUOUS_COMMA", "GROUPED", "SPACE_GROUPED", "SPACE_MARK", "decimal_for_locale",
           "column_decimal"]

#: a cell's text (stripped, lowered) that says it holds no value: a placeholder, or an error a
#: spreadsheet shows where a formula found none (a workbook's error cells read as that text)
MISSING = frozenset({"", "-", "--", "—", "–", "n/a", "na", "undefined", "null", "none", "nan",
                     "n.a.", "n.d."}) | SPREADSHEET_ERRORS
#: what :data:`CURRENCY_SIGNS` gives for a bare ``$``: a dollar, of no country yet. Which one
#: is decided where the brand is known (``smmanalytics._costs.dollar_currency``): a Canadian
#: brand's ``$1,234.50`` is CAD, not US dollars left out of its ROI
DOLLAR = "$"
#: the dollar signs that name their country (unambiguous, unlike ``$``), and their ISO 4217
#: code; a longer sign before the shorter one it holds (``CA$`` holds ``A$``, ``US$`` ``S$``)
_NAMED_DOLLARS = (("US$", "USD"), ("CA$", "CAD"), ("AU$", "AUD"), ("NZ$", "NZD"),
                  ("HK$", "HKD"), ("MX$", "MXN"), ("C$", "CAD"), ("A$", "AUD"), ("S$", "SGD"))
#: a currency sign as GA4 and costs.csv write it in a money cell, and the ISO 4217 code it
#: stands for (a bare ``$``: :data:`DOLLAR`), in the order a cell is searched for them (a
#: named dollar before ``$``): the one mapping both read
CURRENCY_SIGNS = (*_NAMED_DOLLARS, ("€", "EUR"), ("$", DOLLAR), ("£", "GBP"), ("¥", "JPY"),
                  ("CHF", "CHF"))
_CURRENCY = ("|".join(re.escape(sign) for sign, _ in _NAMED_DOLLARS)
             + r"|[€$£¥₹₽₺]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD)\b")
#: the spaces a cell's number loses, and the apostrophe: the characters Python's ``\s``
#: matches (``str.isspace``: every Unicode space separator, Zs, and the ASCII controls and
#: line separators) spelled out, as Arrow's RE2 must be told them, its own ``\s`` being
#: ASCII's ``[\t\n\f\r ]`` (tested against Python's). Not raw strings: the spaces are the
#: characters themselves (Python's \u escapes), as the str methods of pandas 3.0 hand the
#: patterns to RE2, which refuses ``\u``
_PY_SPACES = ("[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029"
              "\u202f\u205f\u3000']")
#: a space or an apostrophe between two digits: a thousands mark (the cells to check). Any
#: character the cell loses is one, not only the marks exports write (a space, NBSP, NNBSP,
#: a thin space, an apostrophe): unchecked, ``1\u20002345`` (an en quad) read 12345. The
#: class is the same to Python's ``re`` (``_costs``) and to RE2 (the loaders)
SPACE_MARK = f"\\d{_PY_SPACES}+\\d"
#: a cell (currency and percent signs taken off) whose space or apostrophe thousands marks
#: stand between groups of three digits, after a first group of one to three, before any
#: decimal mark: one number, what is around it (a sign, spaces, ``K``) holding no digit
SPACE_GROUPED = f"\\D*\\d{{1,3}}(?:{_PY_SPACES}+\\d{{3}})+(?:[.,]\\d*)?\\D*"
_SIGN = "^[-+\u2212(]|\\)$"     # a sign, or the parentheses of an accounting negative
#: a number that reads as thousands or as a decimal (``22.485``, ``22,485``): the column's
#: evidence, then the ``decimal`` hint, decide
AMBIGUOUS_DOT = r"^[1-9]\d{0,2}(?:\.\d{3})+$"
AMBIGUOUS_COMMA = r"^[1-9]\d{0,2}(?:,\d{3})+$"

#: a cell's thousands grouping under each decimal mark: digits grouped 1-3 then 3 by 3 before
#: the decimal mark (what follows it is the cleaned cell's check)
_GROUPED_CELL = {",": r"\d{1,3}(?:\.\d{3})+(?:,.*)?", ".": r"\d{1,3}(?:,\d{3})+(?:\..*)?"}
#: well-formed numbers of each decimal mark, as an error shows what it expected
GROUPED = {",": "1.299,50 or 1299,50", ".": "1,299.50 or 1299.50"}

#: a cleaned cell that is a number (digits, one decimal point, an exponent)
_PLAIN = r"(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
#: :data:`MISSING`, as Arrow matches a column's lowered cells against it
_MISSING_WORDS = pa.array(sorted(MISSING), pa.large_string())

_EXPECTED_RATE = "a number (e.g. 1234, 1 234, 62,5 %, 1.2K) or empty/-/N/A"
_EXPECTED_COUNT = "a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or empty/-/N/A"


def decimal_for_locale(locale: str | None) -> str | None:
    """The decimal mark of a BCP-47 locale: ``,`` for fr/it/es/de/pt/nl, ``.`` for en."""
    if not locale:
        return None
    lang = locale.split("-")[0].lower()
    return "," if lang in {"fr", "it", "es", "de", "pt", "nl"} else "." if lang == "en" else None


def parse_numbers(values: pd.Series, *, file: str | None = None, column: str | None = None,
                  first_line: int = 2, decimal: str | None = None,
                  percent: bool = False, percent_cells: bool = True) -> pd.Series:
    """Parse a column of numbers; return Float64 with the same index.

    Parameters
    ----------
    values : Series
        Cells as text (or already numeric: cast as they are).
    file, column : str, optional
        Named in the ParseError when a cell is not a number.
    first_line : int
        Line number of the first cell (header line + 1) for error messages.
    decimal : {",", "."}, optional
        Decimal mark to assume for cells that fit both readings when the column has no evidence.
    percent : bool
        The column is a percentage (e.g. YouTube ``(%)`` headers): every value is divided by 100.
        Cells written with ``%`` are divided by 100 in any case.
    percent_cells : bool
        A cell may be written with ``%`` (a rate or a share). False for a count or an amount:
        ``12%`` in a revenue or a repost column is no number of it (reading it 0.12 would lose
        the value silently), so such a cell raises ParseError.

    Raises
    ------
    ParseError
        when a non-missing cell is not a number, or holds ``%`` where ``percent_cells`` is
        False.
    """
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        out = values.astype("Float64")
        return out * 0.01 if percent else out
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        fast = _fast_plain(values, decimal)
        if fast is not None:  # every cell a plain number or empty: parsed in Arrow
            return fast * 0.01 if percent else fast
        is_num, text = None, values
    else:  # cells from a workbook: numbers stay numbers, the rest is text
        obj = values.astype(object)
        is_num = isinstance_cells(obj, (int, float, np.number), exclude=bool)
        other = obj[~is_num]
        if not len(other) or _missing_word_or_none(other).all():    # numbers, empty cells
            nums = pd.to_numeric(obj.where(is_num, np.nan)).astype("Float64")
            return nums * 0.01 if percent else nums
        rest = obj.where(~is_num, "")
        text = str_cells(rest, isinstance_cells(rest, type(None))).astype("str")
    cells = _Cells.read(_arrow_text(text), decimal)
    if cells.bad.any() or cells.misgrouped.any():  # the first wrong cell, whichever its fault
        pos = int(np.flatnonzero(cells.bad | cells.misgrouped)[0])
        if cells.misgrouped[pos]:
            mark = "," if cells.comma_dec[pos] else "."
            example = (space_example(str(values.iloc[pos]), mark)
                       if cells.space_misgrouped[pos] else GROUPED[mark])
            raise ParseError("thousands separator misplaced", file=file,
                             line=first_line + pos, column=column,
                             expected=f"a number like {example}: a thousands separator "
                             "between groups of three digits, or none",
                             got=str(values.iloc[pos]))
        raise ParseError("cell is not a number", file=file, line=first_line + pos, column=column,
                         expected=_EXPECTED_RATE if percent_cells else _EXPECTED_COUNT,
                         got=str(values.iloc[pos]))
    if not percent_cells and cells.pct.any():
        pos = int(np.flatnonzero(cells.pct)[0])
        raise ParseError("a count/amount, not a percentage", file=file, line=first_line + pos,
                         column=column, expected=_EXPECTED_COUNT, got=str(values.iloc[pos]))
    floats = cells.floats * cells.mult
    floats = np.where(cells.neg, -floats, floats)
    floats = floats * (0.01 if percent else np.where(cells.pct, 0.01, 1.0))
    empty = cells.empty | cells.missing
    if is_num is not None and is_num.any():
        num = is_num.to_numpy(dtype=bool)
        given = pd.to_numeric(obj.where(is_num, np.nan)).astype("Float64") * (
            0.01 if percent else 1.0)
        floats = np.where(num, given.to_numpy(dtype="float64", na_value=np.nan), floats)
        empty = np.where(num, given.isna().to_numpy(dtype=bool), empty)
    return pd.Series(pd.arrays.FloatingArray(floats, empty), index=values.index, copy=False)


def _arrow_text(text: pd.Series) -> pa.Array:
    """The cells of a text column as one Arrow array, stripped of the whitespace around them
    as pandas' ``str.strip`` does it (Arrow's ``utf8_trim_whitespace``), a missing cell
    empty."""
    arr = pa.array(text, from_pandas=True)           # Arrow-backed text: no copy
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.large_string())
    return pc.utf8_trim_whitespace(pc.fill_null(arr, ""))


def _flags(arr: pa.Array) -> np.ndarray:
    """An Arrow boolean array (no nulls) as numpy bools."""
    return arr.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def _matches(arr: pa.Array, pattern: str) -> np.ndarray:
    """True for the cells in which ``pattern`` (RE2) is found."""
    return _flags(pc.match_substring_regex(arr, pattern))


def _fullmatches(arr: pa.Array, pattern: str, where: np.ndarray) -> np.ndarray:
    """True for the cells of ``where`` that ``pattern`` (RE2) matches whole; only those cells
    are matched (in most columns, few or none)."""
    out = np.zeros(len(arr), dtype=bool)
    if where.any():
        out[where] = _flags(pc.match_substring_regex(pc.filter(arr, pa.array(where)),
                                                    f"^(?:{pattern})$"))
    return out


@dataclass(frozen=True)
class _Cells:
    r"""What each cell of a text column says, worked out in Arrow on the whole column: its
    number as written (``floats``, NaN where it holds none), its multiplier (``K``, ``M``,
    ``B``), its sign, percent sign and decimal mark, and whether it is missing (a placeholder),
    empty once cleaned, not a number (``bad``) or wrongly grouped (``misgrouped``, of which
    ``space_misgrouped`` by a space or an apostrophe).

    Arrow's regex engine (RE2) runs each step on the whole column; pandas' ``str`` methods
    fall back to Python's ``re`` cell by cell for a pattern holding ``\s``, or ``\d`` and
    ``\b`` on a column holding any other than ASCII (a French one: NNBSP, €), five times as
    slow. So the patterns here say what they match without those classes (:data:`_PY_SPACES`
    spells out Python's ``\s``), and ``\d`` is what RE2 makes of it, the ASCII digits, where
    Python took any script's and ``pd.to_numeric`` then read ``١٢٣`` as no value, silently:
    such a cell is now not a number.
    """

    floats: np.ndarray
    mult: np.ndarray
    neg: np.ndarray
    pct: np.ndarray
    comma_dec: np.ndarray
    missing: np.ndarray
    empty: np.ndarray
    bad: np.ndarray
    misgrouped: np.ndarray
    space_misgrouped: np.ndarray

    @classmethod
    def read(cls, s: pa.Array, decimal: str | None) -> _Cells:
        """The cells of ``s`` (stripped, no nulls); ``decimal`` the file's decimal mark."""
        missing = _flags(pc.is_in(pc.utf8_lower(s), value_set=_MISSING_WORDS))
        if missing.any():
            s = pc.if_else(pa.array(missing), "", s)
        pct = _flags(pc.match_substring(s, "%"))
        if pct.any():
            s = pc.replace_substring(s, "%", "")
        s = pc.replace_substring_regex(s, _CURRENCY, "")
        space_misgrouped = _space_misgrouped(s)
        s = pc.replace_substring_regex(s, _PY_SPACES, "")
        starts = {c: _flags(pc.starts_with(s, c)) for c in "-\u2212+("}
        ends = _flags(pc.ends_with(s, ")"))
        neg = starts["-"] | starts["\u2212"] | (starts["("] & ends)
        if ends.any() or any(flag.any() for flag in starts.values()):   # else no sign to drop
            s = pc.replace_substring_regex(s, _SIGN, "")
        mult = np.ones(len(s))
        for letters, factor in (("kK", 1e3), ("mM", 1e6), ("bB", 1e9)):
            for letter in letters:
                mult[_flags(pc.ends_with(s, letter))] = factor
        if (mult != 1).any():
            s = pc.replace_substring_regex(s, "[kKmMbB]$", "")
        _, comma_dec, has_c, has_d = _decimal_marks(s, decimal)
        cleaned = s
        if has_c.any() or has_d.any():
            comma_way = pc.replace_substring(pc.replace_substring(s, ".", ""), ",", ".")
            cleaned = pc.if_else(pa.array(comma_dec), comma_way, pc.replace_substring(s, ",", ""))
        ok = _flags(pc.match_substring_regex(cleaned, f"^(?:{_PLAIN})$"))
        empty = _flags(pc.equal(cleaned, ""))
        floats = pc.cast(pc.if_else(pa.array(ok), cleaned, pa.scalar(None, cleaned.type)),
                         pa.float64()).to_numpy(zero_copy_only=False)
        misgrouped = _misgrouped(s, comma_dec, has_c, has_d) | space_misgrouped
        return cls(floats=floats, mult=mult, neg=neg, pct=pct, comma_dec=comma_dec,
                   missing=missing, empty=empty, bad=~empty & ~ok, misgrouped=misgrouped,
                   space_misgrouped=space_misgrouped)


def _decimal_marks(s: pa.Array, hint: str | None) -> tuple:
    """The column's decimal mark (its cells' evidence, else ``hint``, else ``.``), whether
    each cell's is the comma (its own shape, else the column's), and which cells hold a comma,
    which a dot."""
    has_c, has_d = _flags(pc.match_substring(s, ",")), _flags(pc.match_substring(s, "."))
    both = has_c & has_d
    only_c, only_d = has_c & ~both, has_d & ~both
    # the last of both marks is the decimal one: a comma with no dot after it comes last
    last_comma = _fullmatches(s, ".*,[^.]*", both)
    not_amb_c = only_c & ~_fullmatches(s, AMBIGUOUS_COMMA[1:-1], only_c)
    not_amb_d = only_d & ~_fullmatches(s, AMBIGUOUS_DOT[1:-1], only_d)
    multi_c = only_c & (_count(s, ",", only_c) > 1)
    multi_d = only_d & (_count(s, ".", only_d) > 1)
    comma_evidence = int(not_amb_c.sum() + (both & last_comma).sum() + multi_d.sum())
    dot_evidence = int(not_amb_d.sum() + (both & ~last_comma).sum() + multi_c.sum())
    dec = ("," if comma_evidence > dot_evidence else "." if dot_evidence > comma_evidence
           else hint or ".")
    # a cell's own unambiguous shape wins over the column's evidence
    comma_dec = np.full(len(s), dec == ",")
    comma_dec[both] = last_comma[both]
    comma_dec[not_amb_c] = True
    comma_dec[not_amb_d] = False
    comma_dec[multi_c] = False
    comma_dec[multi_d] = True
    return dec, comma_dec, has_c, has_d


def _count(s: pa.Array, mark: str, where: np.ndarray) -> np.ndarray:
    """How many times ``mark`` stands in each cell of ``where`` (0 elsewhere)."""
    out = np.zeros(len(s), dtype=np.int64)
    if where.any():
        out[where] = pc.count_substring(pc.filter(s, pa.array(where)), mark).to_numpy(
            zero_copy_only=False)
    return out


def _misgrouped(s: pa.Array, comma_dec: np.ndarray, has_comma: np.ndarray,
                has_dot: np.ndarray) -> np.ndarray:
    """True for the cells (digits and marks) whose thousands mark, the one that is not their
    decimal mark, is not between groups of three digits: stripped unchecked, ``12.99,5`` read
    1299.5 (a price of 12,99 mistyped, counted a hundred times over) and ``1.5,00`` 15.0. Only
    the cells holding such a mark (``has_comma``, ``has_dot``) are matched: none, in most
    columns."""
    out = np.zeros(len(s), dtype=bool)
    for mark, marked in ((",", comma_dec & has_dot), (".", ~comma_dec & has_comma)):
        out |= marked & ~_fullmatches(s, _GROUPED_CELL[mark], marked)
    return out


def _space_misgrouped(s: pa.Array) -> np.ndarray:
    """True for the cells (currency and percent signs taken off) with a space or an apostrophe
    between two digits that is not between groups of three (:data:`SPACE_GROUPED`): dropped
    unchecked, as all spaces are, ``1 2345`` read 12345 and ``12 34`` 1234. Only the cells
    holding such a mark are matched against the grouping: the others (``12``, ``62,5 ``) are
    no thousands grouping to check."""
    marked = _matches(s, SPACE_MARK)
    return marked & ~_fullmatches(s, SPACE_GROUPED, marked)


def space_example(cell: str, decimal: str) -> str:
    """A well-formed number written with the thousands mark ``cell`` puts between its digits
    (a space, a no-break space, an apostrophe) and ``decimal``, as an error shows it:
    ``1'299.50 or 1299.50``."""
    found = re.search(SPACE_MARK, cell)
    mark = found[0][1] if found else " "
    return f"1{mark}299{decimal}50 or 1299{decimal}50"


def _missing_word_or_none(cells: pd.Series) -> pd.Series:
    """True for the workbook cells that stand for no value: empty, None, NA, NaT, or a word of
    MISSING (stripped and lowered as Python does it).

    A float NaN is not one: :func:`parse_numbers` asks only of the cells that are no number,
    a NaN being a number cell it reads as NA itself (``_summary._missing_or_nan``, which
    looks for rows without keys, counts it)."""
    is_str = isinstance_cells(cells, str)
    words = cells.where(is_str).astype(pd.StringDtype("python")).str.strip().str.lower()
    kind = cells.map(type)
    nothing = kind.isin([type(None), type(pd.NA), type(pd.NaT)]) & cells.isna()
    return (words.isin(MISSING).fillna(False) & is_str) | nothing


def _fast_plain(values: pd.Series, decimal: str | None) -> pd.Series | None:
    """Float64 of a text column whose cells are all plain numbers (``12``, ``424.0``, ``-3``)
    or empty, cast in Arrow; None when any cell needs the locale-aware path.

    Arrow's cast rejects separators, spaces, ``%`` and suffixes; it accepts ``inf``, which is
    sent to the slow path (and refused there). Under a decimal-comma hint a ``.`` may be a
    thousands separator, so such columns also take the slow path.
    """
    try:
        arr = pa.array(values, from_pandas=True)     # Arrow-backed text: no copy
        if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
            arr = arr.cast(pa.large_string())
        if decimal == "," and pc.any(pc.match_substring(arr, ".")).as_py():
            return None
        empty = pc.equal(arr, "")
        if pc.any(empty).as_py():       # else the text is cast as it is, without a copy
            arr = pc.if_else(empty, pa.scalar(None, arr.type), arr)
        cast = pc.cast(arr, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    # nulls → NaN, in one fresh writable array: what pd.array(floats, dtype="Float64") builds
    # (NaN → NA), without its copy and checks
    chunks = cast.chunks if isinstance(cast, pa.ChunkedArray) else [cast]
    parts = [c.to_numpy(zero_copy_only=False) for c in chunks]
    floats = np.concatenate(parts) if parts else np.empty(0)
    if np.isinf(floats).any():
        return None
    return pd.Series(pd.arrays.FloatingArray(floats, np.isnan(floats)), index=values.index,
                     copy=False)


def column_decimal(s: pd.Series, hint: str | None) -> str:
    """Decimal mark of a column from its cells' evidence (see the module docstring): cells
    of digits and marks (signs, spaces, currencies and percent signs taken off)."""
    return _decimal_marks(pc.fill_null(pa.array(s, from_pandas=True), ""), hint)[0]
