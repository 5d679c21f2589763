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

    ``dispersion``: Pearson's χ² and its residual degrees of freedom ν from a longer history
    (the days around a model of their month and weekday, see ``goals._weekday_fit``).
    Without it they are measured on ``y`` around its level (ν = d − 1). The dispersion φ is
    not taken as known: each path draws it from its scaled-inverse-χ² posterior,
    ``φ = χ² / X`` with ``X ~ χ²(ν)`` (the quasi-likelihood analogue of Student's t for a
    normal variance; Gelman et al., *Bayesian Data Analysis*, 3rd ed., §3.2), at least 1
    (Poisson). On 3 days (ν = 2) the point estimate, floored at 1, made the 80 % range
    cover 64 % of month-ends. With ν = 0 (a single day) φ is 1.
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
    phi = (np.maximum(chi2 / rng.chisquare(df, size=paths), 1.0) if df > 0 and chi2 > 0
           else np.ones(paths))
    lam = rng.gamma(shape=tot / phi + 0.5, scale=phi / (exposure or d), size=paths)
    out = np.zeros(paths)
    if not remaining > 0:         # only weekdays of no activity left
        return out
    nb = (phi > 1) & (m > 0)
    out[~nb] = rng.poisson(lam[~nb] * remaining)
    k = m / (phi[nb] - 1)         # NB2's size: variance m·φ = m + m²/k
    out[nb] = rng.negative_binomial(k * remaining, k / (k + lam[nb]))
    return out


def sim_flow(x: np.ndarray, remaining: int, rng: np.random.Generator, paths: int,
              nonneg: bool, rho: float = 0.0, effects: np.ndarray | None = None,
              ahead: float = 0.0, spread: tuple[float, int] | None = None) -> np.ndarray:
    """Remaining total of a continuous daily flow (revenue, net followers) over ``remaining``
    days, from the ``d`` days ``x`` so far: the days normal, of unknown mean and spread. The
    predictive is ``r·m + sqrt(V(r) + r²·V(d)/d²) · T`` with ``T`` Student's t on ``d − 1``
    degrees of freedom (the spread s² not taken as known: its scaled-inverse-χ² posterior, as
    :func:`sim_count` draws its dispersion; Gelman et al., *Bayesian Data Analysis*, 3rd ed.,
    §3.2) and ``V(n)`` the variance of a sum of ``n`` days. A normal ``T`` took s² from 3
    days as known: the 80 % range of a month was 2 × 1.28 standard errors wide where it is
    2 × 1.89.

    ``spread``: ``(s², ν)``, the day-to-day variance measured on a longer history (the days
    around their month's level, and weekday when ``effects`` are given; ``goals._FlowHistory``)
    and its degrees of freedom, used when ``x`` has a single day: one day gives no spread of
    its own. ``T`` is then Student's t on ``ν`` degrees of freedom and the level is still the
    day's (each month has its own, as for ``d ≥ 2``). ``|m|`` stood for the spread, normal:
    days of mean 20 and sd 30 (1 500 months) were covered by the 80 % range 65 % of the time
    on the first day (month-ends above it 38 %, below it 0 %), 81 % on the second; with the
    spread of 12 weeks of history, 81 % on the first day (± 0.6 %, 4 500 months; 9 % above,
    10 % below). A single day without ``spread`` is a ValueError: the caller says
    there is no range rather than one that collapses around that day.

    ``rho``: the correlation of one day with the next (an AR(1) process, measured on a longer
    history by the caller; 0: independent days, ``V(n) = n·s²``). A good day followed by good
    days makes sums vary more than independent days do (Box, Jenkins & Reinsel, *Time Series
    Analysis*, §3.2.4)::

        V(n) = s²·[n·(1 + ρ)/(1 − ρ) − 2ρ·(1 − ρⁿ)/(1 − ρ)²]

    and the spread of ``d`` correlated days around their own mean understates theirs:
    ``E[s²] = σ²·[1 − 2/(d − 1)·Σₖ₌₁ᵈ⁻¹ (1 − k/d)·ρᵏ]``, which s² is divided by. Days
    correlated at 0.5 were covered by the 80 % range 50-60 % of the time, as independent.

    ``effects``: the weekday effect of each day of ``x`` when a weekly rhythm is used (its
    deviation from its month's level, measured on a longer history by the caller), and
    ``ahead`` the Σ of the effects of the days left. The days are then their level plus
    their weekday's effect plus noise: ``m`` and ``s²`` are those of ``x − effects`` (a
    rhythm is no noise, and 4 weekend days of 10 done do not raise the level), and the
    remaining total is centred on ``r·m + ahead``. Without them every effect is 0.
    """
    if effects is not None:
        x = x - np.asarray(effects, dtype="float64")
    d = len(x)
    if d < 2 and spread is None:
        raise ValueError("sim_flow: one day gives no day-to-day spread; pass spread=")
    m = float(x.mean())
    s2, df = (float(x.var(ddof=1)), d - 1) if d > 1 else (float(spread[0]), int(spread[1]))
    if rho > 0 and d > 1:
        k = np.arange(1, d)
        s2 /= 1 - 2 / (d - 1) * float(((1 - k / d) * rho ** k).sum())
    sd = np.sqrt(_sum_variance(remaining, s2, rho)
                 + remaining * remaining * _sum_variance(d, s2, rho) / (d * d))
    draw = rng.standard_t(df, size=paths)
    out = remaining * m + ahead + sd * draw
    return np.clip(out, 0.0, None) if nonneg else out


def _sum_variance(n: int, s2: float, rho: float) -> float:
    """Variance of the sum of ``n`` days of an AR(1) flow of variance ``s2`` and lag-one
    correlation ``rho`` (see :func:`sim_flow`)."""
    if rho <= 0:
        return n * s2
    return s2 * (n * (1 + rho) / (1 - rho) - 2 * rho * (1 - rho ** n) / (1 - rho) ** 2)


def sim_er(i: np.ndarray, r: np.ndarray, d: int, remaining: int, rng: np.random.Generator,
            paths: int) -> np.ndarray:
    """Final pooled rate: posts so far resampled (level uncertainty) plus Poisson(n·r/d) new posts
    drawn from them."""
    n = len(i)
    pv = np.full(n, 1.0 / n)
    new = rng.poisson(n * remaining / d, size=paths)
    w = rng.multinomial(n, pv, size=paths) + rng.multinomial(new, pv)
    return (w @ i) / (w @ r)
