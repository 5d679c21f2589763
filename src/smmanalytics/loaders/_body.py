"""A table's body (its data rows, as text or UTF-8 bytes) → cells: parsed once, vectorised,
by pyarrow (:func:`read_body`: every cell as text, or the columns expected to hold numbers as
numbers, quoted multi-line cells allowed), or row by row by the csv module when some row has
another width than the header's (:func:`records_and_lines`, :func:`read_ragged`). What the
rows are (a header repeated, a summary, another export pasted under) is
:class:`~._sniff.RawTable`'s.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..errors import ParseError
from ..quality import QualityLog, counted
from ._headers import SUMMARY_WORDS, normalize

__all__ = ["read_body", "records_and_lines", "read_ragged", "ragged_rows", "note_ragged",
           "refuse_shifted", "shifted_rows", "note_shifted", "frame_from_rows", "lines_named",
           "headers_listed"]

# Arrow reads cells of any length; the csv module (ragged rows, TikTok's repair, error lines)
# refuses one over 131,072 characters by default, which a long caption pasted twice reaches
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


def frame_from_rows(rows: list[list], width: int) -> pd.DataFrame:
    padded = [(list(r) + [None] * width)[:width] for r in rows]
    df = pd.DataFrame(padded, columns=range(width), dtype=object)
    return df.fillna("") if len(df) else df


def _is_blank(body: str | bytes | memoryview) -> bool:
    if len(body) > 65536:
        return False
    return not (body.strip() if isinstance(body, str) else bytes(body).strip())


def read_body(body: str | bytes | memoryview, width: int, delim: str,
              numeric: frozenset[int] = frozenset(), counts: frozenset[int] = frozenset()
              ) -> pa.Table | None:
    """The body parsed by Arrow: the ``numeric`` columns as numbers when every cell of them is
    one (:func:`_read_typed`), else every column as text; None when some row has another
    width than the header's (:func:`read_ragged` reads those)."""
    names = [str(i) for i in range(width)]
    if _is_blank(body):
        return pa.table({n: pa.array([], type=pa.large_string()) for n in names})
    data = body.encode("utf-8") if isinstance(body, str) else body
    if numeric:
        typed = _read_typed(data, names, delim, numeric, counts)
        if typed is not None:
            return typed
    bad: list[int] = []

    def _invalid(row) -> str:
        bad.append(row.number if row.number is not None else -1)
        return "skip"

    try:
        table = _arrow_csv(data, names, delim, invalid_row_handler=_invalid,
                           convert_options=pacsv.ConvertOptions(
                               column_types={n: pa.large_string() for n in names},
                               strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowException:
        bad.append(-1)
    return None if bad else table


def records_and_lines(body: str | bytes | memoryview, delim: str, first: int
                      ) -> tuple[list[list[str]], list[int]]:
    """The rows of a body read with the csv module, and the line of the file each starts on,
    the body's first line being ``first`` (line breaks inside quoted cells counted, as
    :meth:`~._sniff.RawTable._row_line` counts them), in one pass. Empty lines are no rows,
    and a line ends at ``\n``, ``\r\n`` or ``\r``, as for Arrow."""
    text = body if isinstance(body, str) else bytes(body).decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    records: list[list[str]] = []
    lines: list[int] = []
    end = 0
    for record in reader:
        start, end = end + 1, reader.line_num
        if record:
            records.append(record)
            lines.append(first + start - 1)
    return records, lines


def read_ragged(rows: list[list[str]], lines: list[int], width: int, source: str,
                log: QualityLog | None, *, cut: int | None = None, strict: bool = True
                ) -> pd.DataFrame:
    """A body whose rows (:func:`records_and_lines`, starting on ``lines``) are ragged: short
    rows padded (refused by :func:`refuse_shifted` once the rows that are no rows of the
    table are known, when the cells they lack cannot be empty ones left out; warned of by
    :func:`note_shifted` when they may not be), every row kept, and noted with their lines,
    for the user to look at them;
    the row at ``cut``, where the file was cut off, has its own note
    (:meth:`~._sniff.RawTable.mend_cut_off`).

    A row of more cells than the header whose extra cells are all empty (separators left at
    the end of the line by a spreadsheet that re-saved the file) is kept as it is. A row whose
    extra cells hold a value raises :class:`ParseError`: a separator inside a value (a number
    written ``1,234`` or a text with a comma, unquoted) shifts every cell after it, and which
    cells belong together cannot be told, so no column's value can be trusted; not when
    ``strict`` is False: a reader that re-joins such rows itself (TikTok's Content, whose
    titles may hold commas: ``loaders.tiktok._repaired``) has them read here only to name an
    error's row.

    Without ``log``, the caller notes the ragged rows itself (:func:`note_ragged`), once it
    knows which are no rows of the table: a note typed under it is a short row, and was told
    as one padded besides being told a note."""
    ragged = ragged_rows(rows, width, cut)
    for k in ragged if strict else ():
        extra = [c for c in rows[k][width:] if c.strip()]
        if extra:
            raise ParseError(
                f"a row of {len(rows[k])} cells under a header of {width} columns: its "
                "values cannot be placed in their columns (an unquoted separator inside a "
                "value, such as a number written 1,234 or a text with a comma, shifts the "
                "cells after it); quote that value or remove the separator", file=source,
                line=lines[k], expected="no value past the last column", got=extra[:3])
    note_ragged(rows, lines, width, ragged, source, log)
    df = frame_from_rows(rows, width)
    return df.astype("str") if len(df) else df


def ragged_rows(rows: list[list[str]], width: int, cut: int | None = None) -> list[int]:
    """The positions of ``rows`` of another width than ``width``, the row at ``cut`` aside.
    Rows of empty cells are kept, for the caller to skip and note
    (``_sniff.RawTable._without_rows_of_no_data``), and are not counted as ragged."""
    return [k for k, r in enumerate(rows)
            if len(r) != width and k != cut and any(c.strip() for c in r)]


def refuse_shifted(rows: list[list[str]], lines: list[int], header: list[str],
                   ragged: list[int], source: str) -> None:
    """Raise :class:`ParseError` for the first short row among ``ragged`` (positions in
    ``rows``, starting on ``lines``) that ends on an empty cell: its missing cells cannot be
    empty cells left out at the end of its line, the only ones padding puts back in place.

    A writer that leaves out a row's trailing empty cells (a spreadsheet's re-save, a
    hand-made file) leaves out all of them: a short row ending on an empty cell lacks one
    elsewhere (``…,28,5,1,27,,`` for ``…,34,28,5,1,27,,``), and padding its end put every
    value after it in the column beside its own (the link clicks read 1019, the views). A
    line of one cell is a title or a label (a Meta audience block's, a GA4 channel's), which
    the table's readers take as such, not a row of values. A short row ending on a value may
    only lack empty cells: :func:`shifted_rows` names those whose values may sit one column
    off, for a warning, and the row is read."""
    width = len(header)
    k = next((k for k in ragged if 1 < len(rows[k]) < width and not rows[k][-1].strip()),
             None)
    if k is None:
        return
    raise ParseError(
        f"a row of {len(rows[k])} cells under a header of {width} columns: its last cell is "
        "empty, so the cells it lacks are no empty cells left out at the end of its line; a "
        "cell is missing, where cannot be told, and padding the row's end would put the "
        "values after it in the columns beside their own; add the missing cell where it "
        "belongs (an empty one between two separators if it held nothing)",
        file=source, line=lines[k], expected=f"{width} cells (or fewer, without the empty "
        "ones at the end of the line)", got=f"{len(rows[k])} cells")


def shifted_rows(rows: list[list[str]], header: list[str], ragged: list[int],
                 unread: set[int]) -> dict[int, list[str]]:
    """The short rows among ``ragged`` (positions in ``rows``) that lack a column every
    other row of the table fills, each with the headers of those columns.

    A writer that leaves out a row's trailing empty cells leaves out only empty cells, so
    such a row either held nothing in columns that happen to be filled everywhere else (an
    image pin among video pins, in a file of two), or lost a value in the middle (X's counts,
    each written in every row), and every value after it sits in the column beside its own:
    which, cannot be told, so the row is read and named for the user to look at. ``unread``
    rows (notes under the table, a pasted preamble) and rows saying "Total" (sums, dropped
    as such) are no rows of the table and tell nothing; a line of one cell is a title or a
    label, no row of values (:func:`refuse_shifted`)."""
    width = len(header)
    data = [k for k, r in enumerate(rows) if k not in unread and any(c.strip() for c in r)
            and not _says_total(r)]
    kept = set(data)
    short = [k for k in ragged if 1 < len(rows[k]) < width and k in kept]
    if len(data) < 2 or not short:
        return {}
    fills = [sum(len(rows[k]) > j and bool(rows[k][j].strip()) for k in data)
             for j in range(width)]
    # a short row fills none of the columns past its end: every other row fills j when
    # all but one of the rows do
    lacked = {k: [header[j] for j in range(len(rows[k]), width) if fills[j] == len(data) - 1]
              for k in short}
    return {k: lacking for k, lacking in lacked.items() if lacking}


def _says_total(row: list[str]) -> bool:
    """True when a cell of ``row`` says "Total" or its like: a sum typed under the rows."""
    return any(normalize(c).rstrip(":").rstrip() in SUMMARY_WORDS for c in row if c.strip())


def note_shifted(lines: list[int], shifted: dict[int, list[str]], source: str,
                 log: QualityLog | None) -> None:
    """Warn of the rows ``shifted`` (:func:`shifted_rows`; positions in the rows starting on
    ``lines``), naming each one's line and the columns it lacks."""
    if log is None or not shifted:
        return
    said = [f"line {lines[k]} lacks {headers_listed(lacking)}"
            for k, lacking in list(shifted.items())[:_LINES_NAMED]]
    more = f"; and {len(shifted) - _LINES_NAMED} more" if len(shifted) > _LINES_NAMED else ""
    log.add(source, "row_maybe_shifted", f"{'; '.join(said)}{more}, which every other row "
            "fills: its values may sit one column off (a value missing inside the row, the "
            "cells after it padded at the end of the line), or the row held nothing there; "
            "read as padded, check it against the platform", rows=len(shifted))


def headers_listed(headers: list[str]) -> str:
    """Up to four headers, quoted, and how many more."""
    more = f" and {len(headers) - 4} more" if len(headers) > 4 else ""
    return ", ".join(map(repr, headers[:4])) + more


def note_ragged(rows: list[list[str]], lines: list[int], width: int, ragged: list[int],
                source: str, log: QualityLog | None) -> None:
    """Note the rows at ``ragged`` (positions in ``rows``, starting on ``lines``): padded when
    short, their empty extra cells ignored when long."""
    if log is None or not ragged:
        return
    long_rows = sum(len(rows[k]) > width for k in ragged)
    short_rows = len(ragged) - long_rows
    log.add(source, "ragged_rows", f"{counted(short_rows, 'row', 'rows')} with fewer and "
            f"{counted(long_rows, 'row', 'rows')} with more cells than the {width} headers "
            "(padded with empty cells / extra empty cells at the end of the line ignored), on "
            + lines_named([lines[k] for k in ragged]), rows=len(ragged))


#: how many lines a note names before "and N more"
_LINES_NAMED = 5


def lines_named(lines: list[int], total: int | None = None) -> str:
    """"line 7", "lines 2, 4, 9", "lines 2, 4, 6, 8, 10 and 3 more": where rows to look at
    are, the first few of them (``total``: how many there are, when ``lines`` gives only
    the first :data:`_LINES_NAMED`, each costly to find)."""
    total = len(lines) if total is None else total
    if total == 1:
        return f"line {lines[0]}"
    named = ", ".join(map(str, lines[:_LINES_NAMED]))
    more = total - _LINES_NAMED
    return f"lines {named}" + (f" and {more} more" if more > 0 else "")


def _read_typed(data: bytes | memoryview, names: list[str], delim: str,
                numeric: frozenset[int], counts: frozenset[int] = frozenset()
                ) -> pa.Table | None:
    """The body with the ``numeric`` columns read as float64 (empty cells: null) and the others
    as text, in one pass; None when any row is ragged or any such cell is not a plain finite
    number, or a ``counts`` column holds a fraction (its text decides: ``1.250`` may be a
    thousand), and the caller reads every column as text instead."""
    types = {n: pa.float64() if i in numeric else pa.large_string() for i, n in enumerate(names)}
    try:       # no invalid-row handler: a ragged row is an error, and the text path's to mend
        table = _arrow_csv(data, names, delim, convert_options=pacsv.ConvertOptions(
            column_types=types, null_values=[""], strings_can_be_null=False,
            quoted_strings_can_be_null=True))
    except pa.ArrowException:
        return None
    for i in numeric:
        col = table.column(i)
        if i in counts:     # x - floor(x) is 0 for a whole number, a fraction or NaN (inf) else
            odd = pc.not_equal(pc.subtract(col, pc.floor(col)), 0)
        else:
            odd = pc.is_inf(col)                            # "inf" is no number of an export
        if pc.any(odd).as_py():
            return None
    return table


def _arrow_csv(data: bytes | memoryview, names: list[str], delim: str, *,
               convert_options: pacsv.ConvertOptions, invalid_row_handler=None) -> pa.Table:
    """The body parsed by Arrow on several threads (quoted line breaks allowed)."""
    return pacsv.read_csv(
        pa.BufferReader(pa.py_buffer(data)),
        read_options=pacsv.ReadOptions(column_names=names, use_threads=True, block_size=1 << 22),
        parse_options=pacsv.ParseOptions(delimiter=delim, quote_char='"', double_quote=True,
                                         newlines_in_values=True,
                                         invalid_row_handler=invalid_row_handler),
        convert_options=convert_options)
