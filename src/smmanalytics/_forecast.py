"""Simulated end-of-period totals for goal forecasting (benchmarks-methods §5.2).

Each function returns ``paths`` simulated values of what remains (or of the final rate), with
the uncertainty about the current level included, as §5.2 recommends.
"""

from __future__ import annotations

import numpy as np

__all__ = ["sim_count", "sim_flow", "sim_er"]


def sim_count(y: np.ndarray, remaining: float, rng: np.random.Generator, paths: int,
              weights: np.ndarray | None = None,
              dispersion: tuple[float, int] | None = None) -> np.ndarray:
    """Remaining total of an overdispersed count: level ~ Gamma (quasi-Poisson posterior),
    days ~ negative binomial with moment-estimated size.

    ``weights``: the weekday weight of each day of ``y`` when a weekly rhythm is used; then
    ``remaining`` is the Σ of the weights of the days left. Each day is expected at the level
    times its weight: a rhythm (no posts at weekends) is no noise. Without weights every day
    weighs 1.

    ``dispersion``: Pearson's χ² and its residual degrees of freedom from a longer history
    (the days around a model of their month and weekday, see ``goals._weekday_fit``); φ is
    χ² / df. Without it φ is measured on ``y`` around its level (d − 1 degrees of freedom).
    φ is at least 1 (Poisson).
    """
    d, tot = len(y), float(y.sum())
    w = np.ones(d) if weights is None else np.asarray(weights, dtype="float64")
    exposure = float(w.sum())
    m = tot / exposure if exposure > 0 else 0.0
    if dispersion is None:
        mu = m * w
        fit = mu > 0              # a day expected at 0 (a weekday of no activity) says nothing
        dispersion = (float(((y[fit] - mu[fit]) ** 2 / mu[fit]).sum()), int(fit.sum()) - 1)
    chi2, df = dispersion
    phi = max(chi2 / df, 1.0) if df > 0 else 1.0
    lam = rng.gamma(shape=tot / phi + 0.5, scale=phi / (exposure or d), size=paths)
    if phi > 1:
        k = m / (phi - 1)         # NB2's size: variance m·φ = m + m²/k
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
