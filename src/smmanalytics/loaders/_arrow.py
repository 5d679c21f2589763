"""Substring tests on columns of text held by Arrow (pandas ``str``/``string`` dtypes), fast.

A literal that occurs nowhere in a column's bytes occurs in none of its cells. That check reads
the chunks' data buffers at memory speed (``re`` searches a buffer in place, without a copy)
and spares the cell-by-cell search for the usual case of a column that never holds the text:
an Instagram link in a Facebook export, the ``+`` of a scientific notation in post ids, a
``utm_campaign=`` in permalinks. When the literal does occur somewhere, the cells are searched
one by one as before.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["arrow_text", "may_contain", "contains"]


def arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow data of an Arrow-backed text Series (no copy); None for any other Series."""
    if not isinstance(values.array, pd.arrays.ArrowStringArray):
        return None
    arr = pa.array(values.array)
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return None
    return arr if isinstance(arr, pa.ChunkedArray) else pa.chunked_array([arr])


def may_contain(values: pd.Series, literal: str) -> bool:
    """False when no cell of ``values`` contains ``literal``; True when some cell may."""
    arr = arrow_text(values)
    if arr is None or not literal:
        return True
    needle = re.compile(re.escape(literal.encode("utf-8")))
    for chunk in arr.chunks:
        data = chunk.buffers()[2]      # the bytes of every cell, one after the other
        if data is not None and needle.search(memoryview(data)):
            return True
    return False


def contains(values: pd.Series, literal: str) -> np.ndarray:
    """Whether each cell contains ``literal`` (missing cells: False), as a bool array."""
    if not may_contain(values, literal):
        return np.zeros(len(values), dtype=bool)
    found = values.str.contains(literal, regex=False)
    return found.fillna(False).to_numpy(dtype=bool)
