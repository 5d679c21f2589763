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
    (the days around a model of their month and weekday, see ``_projection._weekday_fit``).
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
              ahead: float = 0.0, spread: tuple[float, int] | None = None,
              gap: int = 0) -> np.ndarray:
    """Remaining total of a continuous daily flow (revenue, net followers) over ``remaining``
    days, from the ``d`` days ``x`` so far: the days normal, of unknown mean and spread. The
    predictive is ``r·m + sqrt(V(r) + r²·V(d)/d²) · T`` with ``T`` Student's t on ``d − 1``
    degrees of freedom (the spread s² not taken as known: its scaled-inverse-χ² posterior, as
    :func:`sim_count` draws its dispersion; Gelman et al., *Bayesian Data Analysis*, 3rd ed.,
    §3.2) and ``V(n)`` the variance of a sum of ``n`` days. A normal ``T`` took s² from 3
    days as known: the 80 % range of a month was 2 × 1.28 standard errors wide where it is
    2 × 1.89.

    ``spread``: ``(s², ν)``, the day-to-day variance measured on a longer history (the days
    around their month's level, and weekday when ``effects`` are given;
    ``_projection._FlowHistory``) and its degrees of freedom, used when ``x`` has a single
    day: one day gives no spread of its own. ``T`` is then Student's t on ``ν`` degrees of
    freedom and the level is still the day's (each month has its own, as for ``d ≥ 2``).
    ``|m|`` stood for the spread, normal:
    days of mean 20 and sd 30 (1 500 months) were covered by the 80 % range 65 % of the time
    on the first day (month-ends above it 38 %, below it 0 %), 81 % on the second; with the
    spread of 12 weeks of history, 81 % on the first day (± 0.6 %, 4 500 months; 9 % above,
    10 % below). A single day without ``spread`` is a ValueError: the caller says
    there is no range rather than one that collapses around that day.

    ``rho``: the correlation of one day with the next (an AR(1) process around the level,
    measured on a longer history by the caller; 0: independent days, ``V(n) = n·s²``). A good
    day followed by good days makes sums vary more than independent days do (Box, Jenkins &
    Reinsel, *Time Series Analysis*, §3.2.4)::

        V(n) = s²·[n·(1 + ρ)/(1 − ρ) − 2ρ·(1 − ρⁿ)/(1 − ρ)²]

    and the spread of ``d`` correlated days around their own mean understates theirs:
    ``E[s²] = σ²·[1 − 2/(d − 1)·Σₖ₌₁ᵈ⁻¹ (1 − k/d)·ρᵏ]``, which s² is divided by. Days
    correlated at 0.5 were covered by the 80 % range 50-60 % of the time, as independent.
    The days left follow the last day known (``gap`` days before the first of them: 0 when
    it is the day before): the rest is centred on ``r·m + (x_d − m)·S`` with ``S =
    Σₜ ρᵗ`` over those days (:func:`_ar1_ahead`), and varies by the innovations still to
    come, not by ``V(r)``. Taken around the month's mean alone, five days of a crisis at −275
    left the rest of the month centred on the mean of the days before, −45 a day (the
    sample's net followers on 17 October 2026).

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
    follow, still = _ar1_ahead(remaining, rho, gap)
    # the level m is uncertain for the r − S days that do not follow the last one
    sd = np.sqrt(s2 * still + (remaining - follow) ** 2 * _sum_variance(d, s2, rho) / (d * d))
    draw = rng.standard_t(df, size=paths)
    out = remaining * m + (x[-1] - m) * follow + ahead + sd * draw
    return np.clip(out, 0.0, None) if nonneg else out


def _ar1_ahead(r: int, rho: float, gap: int) -> tuple[float, float]:
    """For the sum of the ``r`` days after ``gap`` unknown days that follow a known day of an
    AR(1) flow (lag-one correlation ``rho``, variance 1): ``S``, how much of the known day's
    deviation from the level the sum keeps, ``Σₜ ρᵗ`` for t = gap + 1 … gap + r, and the
    variance of the sum given that day, ``(1 − ρ²)·Σⱼ cⱼ²``, ``cⱼ = Σₜ≥ⱼ ρᵗ⁻ʲ`` the weight
    of the innovation of day j in the sum (Box, Jenkins & Reinsel, *Time Series Analysis*,
    §5.2). Independent days (ρ = 0): ``(0, r)``."""
    if not rho > 0:
        return 0.0, float(r)
    j = np.arange(1, gap + r + 1)
    ahead = (1 - rho ** (gap + r - np.maximum(j, gap + 1) + 1)) / (1 - rho)
    c = rho ** np.maximum(gap + 1 - j, 0) * ahead
    follow = rho ** (gap + 1) * (1 - rho ** r) / (1 - rho)
    return float(follow), float((1 - rho * rho) * (c * c).sum())


def _sum_variance(n: int, s2: float, rho: float) -> float:
    """Variance of the sum of ``n`` days of an AR(1) flow of variance ``s2`` and lag-one
    correlation ``rho`` (see :func:`sim_flow`)."""
    if rho <= 0:
        return n * s2
    return s2 * (n * (1 + rho) / (1 - rho) - 2 * rho * (1 - rho ** n) / (1 - rho) ** 2)


def sim_er(i: np.ndarray, r: np.ndarray, d: int, remaining: int, rng: np.random.Generator,
            paths: int, history: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Final pooled rate ``(Σi + Σi_new) / (Σr + Σr_new)``: the ``n`` posts published in the
    ``d`` days so far (interactions ``i``, reach ``r``) are known and kept; the posts of the
    ``remaining`` days are drawn with the level's uncertainty.

    Each post's interactions are Gamma-Poisson (negative binomial) given its reach: rate
    ``θ ~ Gamma(κ, κ/μ)`` per post, of mean ``μ`` and coefficient of variation ``1/√κ``
    (posts differ), ``i ~ Poisson(r·θ)``. Each path draws ``(μ, κ)`` from their posterior
    on the posts so far (:func:`_rate_posterior`; ``history``, the interactions and reach of
    earlier posts, tells how much posts differ), its number of new posts from the posting
    rate's Gamma posterior (shape ``n + ½``, the Jeffreys prior, as :func:`sim_count`) and
    their reach from the posts so far. This is §5.2's "posterior on the pooled rate combined
    with expected remaining exposure", with posts that differ. Resampling the known posts
    and drawing the new ones from them at fixed weights put the uncertainty on the wrong
    posts: the 80 % range held the month's final rate 12-20 % of the time on day 3 and
    95-97 % on day 25 (posts Poisson 0.5-2 a day, reach lognormal, rates Beta(2, 60)).
    """
    n = len(i)
    mu, kappa = _rate_posterior(i, r, rng, paths, history)
    new = rng.poisson(rng.gamma(n + 0.5, remaining / d, size=paths))
    path = np.repeat(np.arange(paths), new)
    reach = r[rng.integers(n, size=path.size)]
    theta = rng.gamma(kappa[path], mu[path] / kappa[path])
    inter = rng.poisson(reach * theta)
    return ((i.sum() + np.bincount(path, inter, minlength=paths))
            / (r.sum() + np.bincount(path, reach, minlength=paths)))


# the grid of log κ: the posts' coefficient of variation 1/√κ from 10 down to 0.01
_LOG_KAPPA = np.linspace(np.log(0.01), np.log(1e4), 61)
_MU_CELLS = 161


def _rate_posterior(i: np.ndarray, r: np.ndarray, rng: np.random.Generator, paths: int,
                    history: tuple[np.ndarray, np.ndarray] | None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """``paths`` draws of the level ``μ`` and the shape ``κ`` of :func:`sim_er`'s posts from
    their posterior on a grid (log μ × log κ, each draw jittered within its cell).

    The prior on ``κ`` is flat on the posts' coefficient of variation ``c = 1/√κ`` over
    0.01-10 (as Gelman et al., *Bayesian Data Analysis*, 3rd ed., §5.3, is flat on
    ``(α + β)^-½`` for the Beta-Binomial), updated by the ``history``'s posts when given:
    how much posts differ holds from month to month, as the dispersion of counts does
    (:func:`sim_count`). Without history a few posts leave ``c`` open and the range is wide
    (the sample's 2 posts of 1-3 June 2026: 5 %-53 %; 7 %-26 % after 12 weeks of posts).
    The level is the month's own, flat on log μ (Jeffreys' prior for a scale): Poisson's
    ``μ^-½`` left the range high on day 3 (the final rate 18 % of the time below it, 7 %
    above).
    """
    log_prior = -0.5 * _LOG_KAPPA            # flat in c: κ^-½ on the grid's log κ
    if history is not None and len(history[0]):
        log_prior = _log_posterior(*history, log_prior)[1]
        log_prior = np.logaddexp.reduce(log_prior, axis=0)        # μ summed out
    log_mu, logpost = _log_posterior(i, r, log_prior)
    post = np.exp(logpost - logpost.max()).ravel()
    cell = rng.choice(post.size, size=paths, p=post / post.sum())
    a, b = np.unravel_index(cell, logpost.shape)
    jitter = rng.uniform(-0.5, 0.5, size=(2, paths))
    return (np.exp(log_mu[a] + jitter[0] * (log_mu[1] - log_mu[0])),
            np.exp(_LOG_KAPPA[b] + jitter[1] * (_LOG_KAPPA[1] - _LOG_KAPPA[0])))


def _log_posterior(i: np.ndarray, r: np.ndarray,
                   log_prior_kappa: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The grid of log μ (its pooled rate ×/÷ e⁴) and the log posterior of ``(μ, κ)`` on it
    given posts ``i``, ``r`` (see :func:`_rate_posterior`), up to a constant.

    A post's negative binomial log-likelihood at ``m = μ·r`` is, less what depends on neither
    μ nor κ, ``lgamma(i + κ) − lgamma(κ) + κ·log κ + i·log μ − (i + κ)·log(κ + m)``: only the
    last term needs the whole grid, summed over posts a κ at a time (161 × n logs, 3.9 MB for
    3,000 posts). Built at once, the grid's 161 × 61 × n arrays took 4.6 s and 850 MB for 12
    weeks of 3,000 posts, paid per er_reach goal and per month of ``goal_record``."""
    # imported here: the package's import and a report's first cell leave scipy for later
    # (tests/test_packaging.py)
    from scipy.special import gammaln

    log_mu = np.log((i.sum() + 0.5) / r.sum()) + np.linspace(-4.0, 4.0, _MU_CELLS)
    m = np.exp(log_mu)[:, None] * r
    kappa = np.exp(_LOG_KAPPA)
    spread = np.empty((_MU_CELLS, len(kappa)))
    logs = np.empty_like(m)
    for c, k in enumerate(kappa):
        np.log(np.add(m, k, out=logs), out=logs)
        # einsum, not BLAS's ``@``: 61 small multithreaded products took 1.2 s on a busy
        # 2-core machine (their threads wait on each other), einsum 0.03-0.06 s
        spread[:, c] = np.einsum("mn,n->m", logs, i + k)
    per_kappa = (gammaln(i[:, None] + kappa) - gammaln(kappa)).sum(axis=0) \
        + len(i) * kappa * _LOG_KAPPA
    loglik = per_kappa[None, :] + i.sum() * log_mu[:, None] - spread
    return log_mu, loglik + log_prior_kappa[None, :]
