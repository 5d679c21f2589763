"""Cells of a table's body, tested a whole column at once.

Workbook cells arrive as Python objects (str, int, float, datetime, bool, None): they are
tested and converted by the few distinct types a column holds, not cell by cell. A CSV's body
is an Arrow table of text (or numbers): :func:`rows_all_empty` takes either.
:func:`summary_cells` is the one rule of a cell that says "Total".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._arrow import arrow_text, short_cells_starting
from ._headers import SUMMARY_WORDS, normalize

__all__ = ["isinstance_cells", "classify_cells", "str_cells", "column_letter", "rows_all_empty",
           "summary_cells", "normalized_cells", "LONGEST_SUMMARY", "SPREADSHEET_ERRORS",
           "spreadsheet_errors"]

#: the errors a spreadsheet shows where a formula found no value (stripped, lowered): a
#: workbook's error cells are read as that text (``_sources``), as a CSV it saved writes them
SPREADSHEET_ERRORS = frozenset({"#n/a", "#null!", "#div/0!", "#value!", "#ref!", "#name?",
                                "#num!", "#spill!", "#calc!", "#getting_data"})


#: the longest a cell showing one of :data:`SPREADSHEET_ERRORS` is taken to be, in bytes,
#: the spaces a re-save may pad it with included
_ERROR_CELL_BYTES = 40


def column_letter(pos: int) -> str:
    """The letters of a workbook's column ``pos`` (0 → ``A``, 25 → ``Z``, 26 → ``AA``)."""
    out = ""
    pos += 1
    while pos:
        pos, rem = divmod(pos - 1, 26)
        out = chr(65 + rem) + out
    return out


#: ``type`` of every cell of an object array, in one pass of numpy's loop
_TYPE_OF = np.frompyfunc(type, 1, 1)


def classify_cells(cells: pd.Series, classify: Callable[[type], object],
                   dtype: type | str = object) -> np.ndarray:
    """``classify(type(v))`` for every cell ``v``, as an array of ``dtype``.

    The cells' types are taken in one pass and ``classify`` is asked once per distinct type
    (a column holds a few): the loaders ask it of every column of every sheet, and a pandas
    ``map`` of each cell cost more than the rest of a small workbook's reading."""
    codes, types = pd.factorize(_TYPE_OF(cells.to_numpy(dtype=object)))
    return np.array([classify(t) for t in types], dtype=dtype)[codes]


def isinstance_cells(cells: pd.Series, types: type | tuple[type, ...],
                     exclude: type | tuple[type, ...] = ()) -> pd.Series:
    """``isinstance(v, types) and not isinstance(v, exclude)`` for every cell ``v`` (bool)."""
    verdict = classify_cells(
        cells, lambda t: issubclass(t, types) and not issubclass(t, exclude), dtype=bool)
    return pd.Series(verdict, index=cells.index, name=cells.name, dtype=bool, copy=False)


def spreadsheet_errors(cells: pd.Series) -> np.ndarray:
    """Which of ``cells`` (text, or a workbook's objects) show a spreadsheet's error
    (:data:`SPREADSHEET_ERRORS`, in any case, spaces around): no value, in a text column as
    in a number column. A text column without a short cell beginning with ``#`` is answered
    without reading its cells' text."""
    arr = arrow_text(cells)
    if arr is not None:
        out = np.zeros(len(cells), dtype=bool)
        # only short cells beginning with "#" (or a space) can show an error: a caption's
        # hashtags are left out by their length, and a million ids, names or post types by
        # their first byte, before any text is compared (both read without a copy)
        rows = short_cells_starting(arr, "#", _ERROR_CELL_BYTES)
        if not len(rows):
            return out
        words = pc.utf8_lower(pc.utf8_trim_whitespace(arr.take(pa.array(rows))))
        hit = pc.is_in(words, value_set=pa.array(sorted(SPREADSHEET_ERRORS), type=words.type))
        out[rows] = np.asarray(pc.fill_null(hit, False).to_numpy(zero_copy_only=False), bool)
        return out
    if cells.dtype == object:                   # a workbook's cells: only its text counts
        cells = cells.where(isinstance_cells(cells, str))
    elif not pd.api.types.is_string_dtype(cells.dtype):
        return np.zeros(len(cells), dtype=bool)       # numbers, dates: no text
    words = cells.astype("string").str.strip().str.lower()
    return words.isin(SPREADSHEET_ERRORS).fillna(False).to_numpy(dtype=bool)


def str_cells(cells: pd.Series, missing: pd.Series) -> pd.Series:
    """``str(v)`` of every cell as ``string``, NA where ``missing``.

    pandas writes ``str(v)`` when it casts objects to text, except for the values it takes for
    missing (NaT, ``pd.NA``…) and bytes (decoded): those, rare, are written by ``str`` here.
    """
    is_bytes = isinstance_cells(cells, bytes)
    out = cells.mask(missing | is_bytes).astype("string")
    odd = (cells.isna() & ~missing) | is_bytes
    if odd.any():
        out[odd] = cells[odd].map(str)
    return out


def rows_all_empty(cells: pa.Table | pd.DataFrame, columns: Iterable[int],
                   empty: Callable[[pa.ChunkedArray | pd.Series], np.ndarray]) -> np.ndarray:
    """Positions of the rows of ``cells`` (an Arrow table or a sheet's frame) whose cells in
    ``columns`` are all empty, as ``empty`` tells of a column's cells (an Arrow column or a
    Series, given only the rows still candidate; it returns one bool per cell).

    Column by column, on the rows still candidate: the first column usually rules out every
    row, so a million-row table costs one test of one column.
    """
    arrow = isinstance(cells, pa.Table)
    n = cells.num_rows if arrow else len(cells)
    positions = np.arange(n)
    for j in columns:
        if not len(positions):
            break
        if arrow:
            col = cells.column(j)
            col = col if len(positions) == n else col.take(pa.array(positions))
        else:
            col = cells.iloc[positions, j]
        positions = positions[np.asarray(empty(col), dtype=bool)]
    return positions


#: no cell longer than this says "Total": the longest word, with room for a colon, quotes and
#: spaces around it (a column of captions is not normalised cell by cell for it)
LONGEST_SUMMARY = max(map(len, SUMMARY_WORDS)) + 24


def summary_cells(cells: pd.Series) -> pd.Series:
    """True where a cell says "Total" or its like (:data:`._headers.SUMMARY_WORDS`, a colon
    after the word allowed: ``TOTAL:``, ``Totale :``), the label of a summary row; False where
    it is missing.

    The cells are compared by their :func:`~._headers.normalize` form, each distinct short
    cell once (:func:`normalized_cells`). The loaders' every search for a summary row (a
    parser's ``Total`` row, one without keys under the posts, ``_summary``) asks this.
    """
    text = cells.astype("string").fillna("")
    out = np.zeros(len(text), dtype=bool)
    short = (text.str.len() <= LONGEST_SUMMARY).to_numpy(dtype=bool)
    if short.any():
        codes, uniques = pd.factorize(text[short])
        words = np.array([w.rstrip(":").rstrip() for w in normalized_cells(uniques)]
                         + [""], dtype=object)
        out[short] = np.isin(words, list(SUMMARY_WORDS))[codes]
    return pd.Series(out, index=cells.index, name=cells.name, dtype=bool)


#: the characters among ASCII that Python's ``\s`` and ``str.strip`` take for whitespace
_ASCII_SPACES = r"[\t\n\x0b\x0c\r\x1c-\x1f ]+"


def normalized_cells(texts: pd.Index) -> np.ndarray:
    """:func:`~._headers.normalize` of each text (none missing), as an object array.

    Text in ASCII goes through Arrow: NFKC and the quote table leave ASCII as it is, so what
    ``normalize`` does to it is collapse :data:`_ASCII_SPACES` to one space, strip spaces,
    then quotes, then spaces, and lower the case (``casefold`` of ASCII); other text, by
    ``normalize`` itself.
    """
    arr = pa.array(texts.to_numpy(dtype=object), type=pa.string())
    is_ascii = pc.string_is_ascii(arr).to_numpy(zero_copy_only=False)
    s = pc.replace_substring_regex(arr, pattern=_ASCII_SPACES, replacement=" ")
    for chars in (" ", '"', " "):
        s = pc.utf8_trim(s, characters=chars)
    out = pc.ascii_lower(s).to_numpy(zero_copy_only=False)
    out[~is_ascii] = [normalize(t) for t in texts[~is_ascii]]
    return out
