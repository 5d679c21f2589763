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
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["arrow_text", "may_contain", "may_contain_any", "chunks_may_contain", "contains",
           "strip", "short_cells_starting", "cells_holding"]


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
    return arr is None or chunks_may_contain(arr, literal)


def may_contain_any(values: pd.Series, literals: Iterable[str]) -> bool:
    """False when no cell of ``values`` contains any of ``literals``; True when some cell may:
    a test that finds nothing in most columns spared before the cells are searched (each
    search of a short column costs about as much in pandas as one of a long one)."""
    arr = arrow_text(values)
    return arr is None or any(chunks_may_contain(arr, literal) for literal in literals)


def chunks_may_contain(arr: pa.ChunkedArray, literal: str) -> bool:
    """:func:`may_contain` of an Arrow text column (string or large_string)."""
    if not literal:
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


# Bytes that may begin or end a whitespace character that Arrow's ``utf8_trim_whitespace``
# removes (general category Zs and bidi classes WS, B, S): the control and space bytes, and
# the first and last bytes of U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
# U+205F and U+3000 in UTF-8.
_MAY_START = np.zeros(256, dtype=bool)
_MAY_START[:0x21] = True
_MAY_START[[0xC2, 0xE1, 0xE2, 0xE3]] = True
_MAY_END = np.zeros(256, dtype=bool)
_MAY_END[:0x21] = True
_MAY_END[[*range(0x80, 0x8B), 0x85, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF]] = True


def _bounds(chunk: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Where each cell of ``chunk`` (a string array) starts and stops in its data buffer,
    read from its offsets without a copy (a missing cell: wherever Arrow left it)."""
    offsets = chunk.buffers()[1]
    kind = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    ends = np.frombuffer(offsets, dtype=kind)[chunk.offset:chunk.offset + len(chunk) + 1]
    return ends[:-1], ends[1:]


def _may_need_trim(chunk: pa.Array) -> bool:
    """False when no cell of ``chunk`` (a string array) starts or ends with a byte that may
    belong to a whitespace character; read from its offsets and bytes, without a copy."""
    data = chunk.buffers()[2]
    if data is None or len(chunk) == 0:
        return False
    starts, stops = _bounds(chunk)
    filled = stops > starts             # empty and missing cells have nothing to trim
    if not filled.any():
        return False
    raw = np.frombuffer(data, dtype=np.uint8)
    return bool(_MAY_START[raw[starts[filled]]].any() or _MAY_END[raw[stops[filled] - 1]].any())


def strip(values: pd.Series) -> pd.Series:
    """``values.str.strip()`` (Arrow's trim), without a new column when no cell has
    whitespace to strip: for text that is parsed and dropped (publish times).

    Text that is kept is better trimmed even so: the copy is packed, while the cells of a CSV
    read hold on to the reader's larger buffers (about 120 MB more at the peak of a
    million-post load).
    """
    arr = arrow_text(values)
    if arr is not None and not any(_may_need_trim(c) for c in arr.chunks):
        return values.copy(deep=False)
    return values.str.strip()


def short_cells_starting(arr: pa.ChunkedArray, char: str, longest: int) -> np.ndarray:
    """Positions of the cells of ``arr`` (an Arrow text column) of at most ``longest`` bytes
    that may begin with ``char`` (one ASCII character) once trimmed: those whose first byte is
    ``char`` or may begin a whitespace character. Read from the offsets and the first bytes,
    without a copy: a column where no cell begins so is answered without comparing any text
    (the ``#`` of a spreadsheet's error cell, in a million post ids)."""
    first = _MAY_START.copy()
    first[ord(char)] = True
    found, at = [], 0
    for chunk in arr.chunks:
        data = chunk.buffers()[2]
        if data is not None and len(chunk):
            starts, stops = _bounds(chunk)
            size = stops - starts
            keep = (size > 0) & (size <= longest)
            if chunk.null_count:
                keep &= chunk.is_valid().to_numpy(zero_copy_only=False)
            rows = np.flatnonzero(keep)
            raw = np.frombuffer(data, dtype=np.uint8)
            found.append(rows[first[raw[starts[rows]]]] + at)
        at += len(chunk)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)


def cells_holding(arr: pa.ChunkedArray, literals: Iterable[str]) -> np.ndarray:
    """Which cells of ``arr`` (an Arrow text column) contain any of ``literals`` (missing
    cells: False), as a bool array, read from the bytes in place.

    Each chunk's bytes are compared once per distinct first byte of the literals (UTF-8) not
    above its largest byte (none for ASCII text, found by one ``max``), and only where that
    byte stands are the literals' other bytes compared: valid UTF-8
    (Arrow's text) never holds a literal's bytes but where it holds the literal, since a
    character's first byte is no other character's later byte. A million account names
    beyond ASCII (``Maison Sève``) are so searched for the eight invisible characters of a
    paste in a few ms, where RE2's character class, cell by cell, took 80 ms.
    """
    encoded = [lit.encode("utf-8") for lit in literals if lit]
    out = np.zeros(len(arr), dtype=bool)
    at = 0
    for chunk in arr.chunks:
        data = chunk.buffers()[2]
        if data is not None and len(chunk):
            _mark_holding(chunk, np.frombuffer(data, dtype=np.uint8), encoded,
                          out[at:at + len(chunk)])
        at += len(chunk)
    return out


def _mark_holding(chunk: pa.Array, raw: np.ndarray, encoded: list[bytes],
                  out: np.ndarray) -> None:
    """Set ``out`` (a view, one per cell of ``chunk``) where a cell's bytes (in ``raw``,
    the chunk's data buffer) hold one of ``encoded``; see :func:`cells_holding`."""
    starts, stops = _bounds(chunk)
    first, last = int(starts[0]), int(stops[-1])     # the chunk's cells' bytes only
    used = raw[first:last]
    top = int(used.max()) if len(used) else -1     # a column of ASCII: no compare at all
    for lead in sorted({lit[0] for lit in encoded if lit[0] <= top}):
        where = np.flatnonzero(used == lead) + first
        same = [lit for lit in encoded if lit[0] == lead]
        for k in range(1, min(map(len, same))):    # the bytes some literal has there
            allowed = np.zeros(256, dtype=bool)
            allowed[[lit[k] for lit in same]] = True
            where = where[where + k < last]
            where = where[allowed[raw[where + k]]]
        for lit in same:                           # each literal, where it may be whole
            hit = where[where + len(lit) <= last]
            for k in range(1, len(lit)):
                hit = hit[raw[hit + k] == lit[k]]
            rows = np.searchsorted(stops, hit, side="right")
            out[rows[hit + len(lit) <= stops[rows]]] = True
    if chunk.null_count:
        out &= chunk.is_valid().to_numpy(zero_copy_only=False)
