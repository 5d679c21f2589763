"""Workbook cells arrive as Python objects (str, int, float, datetime, bool, None): tests and
conversions of a whole column at once, by the few distinct types it holds, not cell by cell."""

from __future__ import annotations

import pandas as pd

__all__ = ["isinstance_cells", "str_cells", "column_letter"]


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
