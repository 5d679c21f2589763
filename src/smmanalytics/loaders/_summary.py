"""Summary rows among a posts table's rows, found wherever their label stands.

A spreadsheet's user adds a total under the posts of an export, or between them (a subtotal),
and writes its label in whichever cell is at hand: ``Totale`` under ``Titolo``, the id and the
publish time left empty, or ``Total`` typed in the id's cell. Read as a post, that row doubled
every figure of its platform (19 posts, 4,448 interactions for 18 posts and 2,224). A row of a
posts table is such a summary row when none of its *keys* (the cells that identify a post: its
id, its link, its publish time) is filled with a key (a key cell that says "Total" is its
label, unless the format reads its export's own Total row, as YouTube's does), and

- a cell of it says "Total" or its like (:data:`._headers.SUMMARY_WORDS`, a colon after the
  word allowed: ``Totale:``), or
- its numbers are each the sum of the rows above it: of every row above, or of those since the
  previous row without keys (a subtotal under each month), at least two numbers of at least
  two rows, not all zero.

A row without keys that is neither stays a post, with the notes its parser gives it. The
table (``_sniff.RawTable``) drops the summary rows before any parser reads it, so no parser
counts them as posts without an id or a time, and names each one's line in its note.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import SmmError
from ._cells import LONGEST_SUMMARY, rows_all_empty, summary_cells
from ._numbers import MISSING, parse_numbers

__all__ = ["keyless_summaries", "Summary"]

#: a key cell this short (or blank) may be empty or a placeholder; longer ones never are
_SHORT = 8
#: how far a total may be from the sum of the rows above: a spreadsheet shows 927.5816 + 2.5
#: as 930.08
_SLACK = 0.01
#: the rows of a column read first, to leave aside a column of text without reading it all
_PROBE = 64


class Summary(NamedTuple):
    """A summary row: its position among the table's rows, and why it is one ("its cell
    'Totale', in column 'Titolo', says it is a total")."""

    position: int
    reason: str


def keyless_summaries(cells: pa.Table | pd.DataFrame, header: list[str],
                      keys: tuple[int, ...], decimal: str | None = None,
                      own_total: bool = False) -> list[Summary]:
    """The summary rows of ``cells`` (a table's body: Arrow text or numbers, or a sheet's
    frame; columns named ``header``), whose key columns are at positions ``keys``; ``decimal``
    is the decimal mark of numbers that fit both readings (the file's locale); ``own_total``
    when the format's parser reads a row whose key says "Total" itself (YouTube's). Empty when
    the table has no key column, or no row without keys (one comparison of the first key
    column, in a table of posts that all have an id)."""
    keys = tuple(k for k in keys if k < len(header))
    if not keys:
        return []
    keyless = _keyless(cells, keys, labels=not own_total)
    if not len(keyless):
        return []
    width = len(header)
    words = np.column_stack([summary_cells(_column(cells, j, keyless)).to_numpy()
                             for j in range(width)])
    said = words.any(axis=1)
    # the sums are added up only for the rows no word says are totals (a table of a million
    # posts is read once more for them)
    sums = dict(zip(keyless[~said].tolist(), _sums_above(
        cells, header, keys, keyless, ~said, decimal), strict=True))
    out = []
    for r, k in enumerate(keyless.tolist()):
        if said[r]:
            j = int(np.flatnonzero(words[r])[0])
            out.append(Summary(k, f"its cell {_cell(cells, j, k)!r}, in column {header[j]!r}, "
                                  "says it is a total"))
        elif sums[k]:
            out.append(Summary(k, sums[k]))
    return out


def _column(cells: pa.Table | pd.DataFrame, j: int, rows: np.ndarray | None = None
            ) -> pd.Series:
    """Column ``j`` of ``cells`` (its ``rows`` only, when given) as a Series (text, numbers
    or a sheet's values), indexed from 0."""
    if isinstance(cells, pa.Table):
        col = cells.column(j)
        return (col if rows is None else col.take(pa.array(rows, type=pa.int64()))).to_pandas()
    col = cells.iloc[:, j] if rows is None else cells.iloc[rows, j]
    return col.reset_index(drop=True)


def _cell(cells: pa.Table | pd.DataFrame, j: int, k: int) -> str:
    v = cells.column(j)[k].as_py() if isinstance(cells, pa.Table) else cells.iloc[k, j]
    return str(v).strip()


def _keyless(cells: pa.Table | pd.DataFrame, keys: tuple[int, ...], labels: bool
             ) -> np.ndarray:
    """Positions of the rows whose every key cell is empty, blank or a placeholder (``-``,
    ``N/A``), or says "Total" when ``labels``: a summary's label typed in the id's cell (an X
    post's ``Total`` was read, its ``2.250`` impressions noted as thousands, before the
    finished table dropped it). The first key column (ids, all long) usually rules out every
    row."""
    if not labels:
        return rows_all_empty(cells, keys, _missing_or_nan)
    return rows_all_empty(cells, keys, lambda col: _missing_or_nan(col) | _total_cells(col))


def _missing_or_nan(col: pa.ChunkedArray | pd.Series) -> np.ndarray:
    """Whether each cell is missing (NaN too), blank or a placeholder: a key cell of no value,
    Arrow text or a sheet's frame alike. Unlike ``_numbers._missing_word_or_none`` (the text
    cells of a number column) a NaN counts: a frame may hold one for an empty key cell."""
    if isinstance(col, pd.Series):
        text = col.astype("string").str.strip().str.lower()
        return (col.isna() | text.isin(MISSING)).fillna(True).to_numpy(dtype=bool)
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        # only short cells can be empty or placeholders: the others are not looked at
        short = pc.fill_null(pc.or_(pc.less_equal(pc.utf8_length(col), _SHORT),
                                    pc.utf8_is_space(col)), True)
        empty = short.to_numpy(zero_copy_only=False).copy()
        at = np.flatnonzero(empty)
        if len(at):
            words = pc.utf8_lower(pc.utf8_trim_whitespace(col.take(pa.array(at))))
            said = pc.is_in(words, value_set=pa.array(sorted(MISSING), type=words.type))
            empty[at] = pc.or_(said, pc.is_null(words)).to_numpy(zero_copy_only=False)
        return empty
    empty = pc.fill_null(pc.is_nan(col) if pa.types.is_floating(col.type)
                         else pc.is_null(col), True)
    return pc.or_(empty, pc.is_null(col)).to_numpy(zero_copy_only=False)


def _numbers(cells: pd.Series, decimal: str | None) -> pd.Series | None:
    """``cells`` read as numbers (Float64), None when they are not a column of numbers."""
    try:
        return parse_numbers(cells.reset_index(drop=True), decimal=decimal)
    except SmmError:
        return None


def _each_number(cells: pd.Series, decimal: str | None) -> np.ndarray:
    """Each cell read as a number on its own (NaN where it is none: a label, a date)."""
    whole = _numbers(cells, decimal)
    if whole is not None:
        return whole.to_numpy(dtype="float64", na_value=np.nan)
    out = np.full(len(cells), np.nan)
    for i, v in enumerate(cells.tolist()):
        one = _numbers(pd.Series([v], dtype=object if not isinstance(v, str) else "string"),
                       decimal)
        if one is not None and one.notna().all():
            out[i] = float(one.iloc[0])
    return out


def _sums_above(cells: pa.Table | pd.DataFrame, header: list[str], keys: tuple[int, ...],
                keyless: np.ndarray, asked: np.ndarray, decimal: str | None
                ) -> list[str | None]:
    """For each row of ``keyless`` where ``asked``, why its numbers are the sums of the rows
    above it, or None when they are not. The rows summed are the rows with keys (a key that
    says "Total", as YouTube's own total row does, is no post either: left out), up to the
    row, or since the row without keys above it; the columns, those whose cells in those rows
    are numbers. Only the columns where a row asked about holds a number are read, and each
    first on its first rows: a column of captions is not parsed."""
    out: list[str | None] = [None] * len(keyless)
    none = [None] * int(asked.sum())
    if not asked.any():
        return none
    mine = {j: np.where(asked, _each_number(_column(cells, j, keyless), decimal), np.nan)
            for j in range(len(header)) if j not in keys}
    mine = {j: v for j, v in mine.items() if not np.isnan(v).all()}
    if not mine:
        return none
    n = cells.num_rows if isinstance(cells, pa.Table) else len(cells)
    data = np.ones(n, dtype=bool)
    data[keyless] = False
    for j in keys:
        data[_total_cells(cells.column(j) if isinstance(cells, pa.Table)
                          else cells.iloc[:, j])] = False
    rows = np.flatnonzero(data)
    if len(rows) < 2:
        return none
    # rows with keys above each row without keys, and above the row without keys before it
    above = np.searchsorted(rows, keyless)
    since = np.concatenate([[0], above[:-1]])
    matched: list[list[str]] = [[] for _ in keyless]
    failed = np.zeros(len(keyless), dtype=bool)
    nonzero = np.zeros(len(keyless), dtype=bool)
    for j, values_of_mine in mine.items():
        if _numbers(_column(cells, j, rows[:_PROBE]), decimal) is None:
            continue                        # not a column of numbers: its first rows tell
        values = _numbers(_column(cells, j, rows), decimal)
        if values is None:
            continue
        # total[i]: the sum of the first i rows with keys (an empty cell adds nothing)
        total = np.concatenate([[0.0], np.cumsum(np.nan_to_num(
            values.to_numpy(dtype="float64", na_value=np.nan)))])
        for r, v in enumerate(values_of_mine.tolist()):
            if np.isnan(v):
                continue
            whole = total[above[r]]
            part = whole - total[since[r]]
            if above[r] >= 2 and _close(v, whole) or above[r] - since[r] >= 2 \
                    and _close(v, part):
                matched[r].append(header[j])
                nonzero[r] |= v != 0
            else:
                failed[r] = True
    for r in range(len(keyless)):
        if len(matched[r]) >= 2 and not failed[r] and nonzero[r]:
            shown = ", ".join(map(repr, matched[r][:3])) + (
                f" and {len(matched[r]) - 3} other column{'s' * (len(matched[r]) > 4)}"
                if len(matched[r]) > 3 else "")
            out[r] = f"its numbers ({shown}) are the sums of the rows above"
    return [o for o, a in zip(out, asked, strict=True) if a]


def _total_cells(col: pa.ChunkedArray | pd.Series) -> np.ndarray:
    """Whether each cell of ``col`` (an Arrow column, or a sheet's) says "Total"
    (:func:`~._cells.summary_cells`), only the cells that may be looked at: short enough
    (:data:`LONGEST_SUMMARY`), without a digit. In a column of ids, links or times, none."""
    out = np.zeros(len(col), dtype=bool)
    if isinstance(col, pa.ChunkedArray):
        if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)):
            return out
        may = pc.and_(pc.less_equal(pc.utf8_length(col), LONGEST_SUMMARY),
                      pc.invert(pc.match_substring_regex(col, "[0-9]")))
        short = np.flatnonzero(pc.fill_null(may, False).to_numpy(zero_copy_only=False))
        text = col.take(pa.array(short, type=pa.int64())).to_pandas()
    else:
        text = col.astype("string").fillna("")
        may = (text.str.len() <= LONGEST_SUMMARY) & ~text.str.contains(r"\d", regex=True)
        short = np.flatnonzero(may.fillna(False).to_numpy(dtype=bool))
        text = text.iloc[short]
    out[short] = summary_cells(text).to_numpy()
    return out


def _close(value: float, total: float) -> bool:
    return abs(value - total) <= max(_SLACK, 1e-9 * abs(total))
