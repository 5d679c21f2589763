"""Simulated end-of-period totals for goal forecasting (benchmarks-methods §5.2).

Each function returns ``paths`` simulated values of what remains (or of the final rate), with
the uncertainty about the current level included, as §5.2 recommends.
"""

from __future__ import annotations

import numpy as np

__all__ = ["sim_count", "sim_flow", "sim_er"]


def sim_count(y: np.ndarray, remaining: float, rng: np.random.Generator, paths: int,
              exposure: float | None = None) -> np.ndarray:
    """Remaining total of an overdispersed count: level ~ Gamma (quasi-Poisson posterior),
    days ~ negative binomial with moment-estimated size.

    ``exposure`` and ``remaining`` are in day units, or in weekday-weight units when a weekly
    rhythm is used (``exposure`` = Σ weights of the elapsed days, ``remaining`` = Σ weights of
    the days left); ``exposure`` defaults to the number of elapsed days.
    """
    d, tot = len(y), float(y.sum())
    m = tot / d
    v = float(y.var(ddof=1)) if d > 1 else m
    phi = max(v / m, 1.0) if m > 0 else 1.0
    lam = rng.gamma(shape=tot / phi + 0.5, scale=phi / (exposure or d), size=paths)
    if v > m > 0:
        k = m * m / (v - m)
        return rng.negative_binomial(k * remaining, k / (k + lam)).astype("float64")
    return rng.poisson(lam * remaining).astype("float64")


def sim_flow(x: np.ndarray, remaining: int, rng: np.random.Generator, paths: int,
              nonneg: bool) -> np.ndarray:
    """Remaining total of a continuous daily flow: normal with level uncertainty,
    sd = sqrt(r·s² + r²·s²/d)."""
    d = len(x)
    m = float(x.mean())
    s = float(x.std(ddof=1)) if d > 1 else abs(m)
    sd = np.sqrt(remaining * s * s + remaining * remaining * s * s / d)
    out = rng.normal(remaining * m, sd, size=paths)
    return np.clip(out, 0.0, None) if nonneg else out


def sim_er(i: np.ndarray, r: np.ndarray, d: int, remaining: int, rng: np.random.Generator,
            paths: int) -> np.ndarray:
    """Final pooled rate: posts so far resampled (level uncertainty) plus Poisson(n·r/d) new posts
    drawn from them."""
    n = len(i)
    pv = np.full(n, 1.0 / n)
    new = rng.poisson(n * remaining / d, size=paths)
    w = rng.multinomial(n, pv, size=paths) + rng.multinomial(new, pv)
    return (w @ i) / (w @ r)
