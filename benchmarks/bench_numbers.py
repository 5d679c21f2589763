"""Benchmark of ``loaders._numbers.parse_numbers`` on columns that need its locale-aware path.

A French export writes ``44 531`` (U+202F between the groups), ``62,1`` and ``1 234,56 €``; an
English one ``1,234.5``. Such a column cannot be cast as it is: every cell is cleaned (marks,
spaces, signs, currency, decimal comma) and checked (the grouping of its thousands marks)
first. The floor is pyarrow's cast to float64 of the same column's plain digits (``44531``),
measured in the same run: what reading the numbers would cost if no cell needed cleaning.

Run: ``PYTHONPATH=src python benchmarks/run.py numbers`` (``make bench`` runs it with the rest).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from _harness import Row, best_times_interleaved

from smmanalytics.loaders._numbers import parse_numbers

N = 1_000_000
NNBSP = "\u202f"


def _grouped(n: np.ndarray, mark: str) -> list[str]:
    """``n`` written with ``mark`` between its groups of three digits."""
    return [f"{v:,}".replace(",", mark) for v in n.tolist()]


def columns(n: int = N, seed: int = 7) -> dict[str, tuple[pd.Series, pd.Series]]:
    """The French and English columns, and for each the same numbers as plain digits: counts
    up to ten million, a quarter with a decimal part (``,5`` / ``.5``)."""
    rng = np.random.default_rng(seed)
    whole = rng.integers(0, 10_000_000, n)
    half = rng.random(n) < 0.25
    fr = [f"{g},5" if h else g for g, h in zip(_grouped(whole, NNBSP), half.tolist(), strict=True)]
    en = [f"{g}.5" if h else g for g, h in zip(_grouped(whole, ","), half.tolist(), strict=True)]
    plain = pd.Series(whole.astype(str), dtype="str")
    return {"French (1 234,5 with U+202F)": (pd.Series(fr, dtype="str"), plain),
            "English (1,234.5)": (pd.Series(en, dtype="str"), plain)}


def run(repeat: int = 3) -> list[Row]:
    """One row per column: ``parse_numbers`` against Arrow's cast of its plain digits, in
    turns, best of ``repeat``."""
    rows = []
    for name, (cells, plain) in columns().items():
        digits = pa.array(plain, from_pandas=True)
        parse_numbers(cells.head(1000), decimal=",")                    # warm-up (imports)
        value, floor = best_times_interleaved(
            [lambda c=cells: parse_numbers(c, file="bench.csv", column="Impressions"),
             lambda d=digits: pc.cast(d, pa.float64())], repeat)
        rows.append(Row(f"parse a {len(cells):,}-cell {name} number column", value, floor,
                        40.0, "s", f"floor = pyarrow's cast of the same numbers' plain digits "
                        f"to float64; best of {repeat} in turns"))
    return rows
