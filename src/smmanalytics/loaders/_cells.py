"""Cells of a table's body, tested a whole column at once.

Workbook cells arrive as Python objects (str, int, float, datetime, bool, None): they are
tested and converted by the few distinct types a column holds, not cell by cell. A CSV's body
is an Arrow table of text (or numbers): :func:`rows_all_empty` takes either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["isinstance_cells", "str_cells", "column_letter", "rows_all_empty"]


def column_letter(pos: int) -> str:
    """The letters of a workbook's column ``pos`` (0 → ``A``, 25 → ``Z``, 26 → ``AA``)."""
    out = ""
    pos += 1
    while pos:
        pos, rem = divmod(pos - 1, 26)
        out = chr(65 + rem) + out
    return out


def isinstance_cells(cells: pd.Series, types: type | tuple[type, ...],
                     exclude: type | tuple[type, ...] = ()) -> pd.Series:
    """``isinstance(v, types) and not isinstance(v, exclude)`` for every cell ``v`` (bool)."""
    kind = cells.map(type)
    verdict = {t: issubclass(t, types) and not issubclass(t, exclude) for t in kind.unique()}
    return kind.map(verdict).astype(bool)


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
