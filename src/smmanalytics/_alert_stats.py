"""Statistics behind :mod:`smmanalytics.alerts` (benchmarks-methods.md §4.2-4.3).

Every function works on 2-D arrays ``(m, n)``: ``m`` independent series (1 for real data, many
for the Monte Carlo calibration of the CUSUM threshold) over ``n`` observed days. Days are the
observed days only, in order; a baseline is built from the previous observed values.

Definitions
-----------
- Baseline window ``H`` for day ``t``:
  ``weekday`` mode, the last ``weekday_weeks`` (8) observed values on the same weekday;
  ``pooled`` mode, the last ``pooled_days`` (28) observed values divided by their weekday factor
  and multiplied by the factor of day ``t``. A weekday factor is the mean of that weekday over the
  previous ``factor_days`` (56) observed values divided by their overall mean (1 when unknown).
- ``median`` and ``MAD`` = median(|H − median|) of the window; robust sd = 1.4826·MAD, or
  1.253314·MeanAD when MAD = 0 (IBM variant, §4.2). Modified z = (x − median) / robust sd, i.e.
  0.6745·(x − median)/MAD.
- Count mean ``μ = (ΣH + 0.5) / |H|`` (Jeffreys-prior posterior mean, never 0).
- NB exceedance: predictive negative binomial with mean μ and size r, ``1/r = φ_p + v + φ_p·v``
  with ``v = 1/(D·μ)`` the Poisson part of the error of μ estimated from ``D`` days
  (:func:`mean_days`) and ``φ_p`` (:func:`ratio_phi`) the overdispersed part together with the
  series' own φ: a day's gamma rate G (mean 1, φ) over its baseline's overdispersed error h
  (the mean of D such days, Gamma(D/φ) of mean 1) is ``G/h ~ F(2/φ, 2D/φ)``, and φ_p is the φ
  of the mean-1 gamma with the same upper ``nb_p`` quantile. The NB of matched variance
  (``1/r = φ + v + φ·v``, v holding φ/D, as λ·g) has a lighter tail than that ratio: 3-5
  times the nominal false alarms at φ 0.6-1. With φ = 0 and the weekday window it is the
  Poisson-gamma predictive, ``1/r = 1/(ΣH + 0.5)``. Tail ``p = P(X ≥ x)``.
- Poisson CUSUM: ``S_t = max(0, S_{t−1} + x_t − k_t)``, ``k_t = (μ1 − μ0)/ln(μ1/μ0)`` with
  ``μ0 = μ_t`` and ``μ1 = ratio·μ_t``; alarm when ``S_t > h`` then restart at 0.
"""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np

# scipy is imported by the functions that use it: ``import smmanalytics`` would spend half
# its time importing scipy (about half a second), for an analyst who may only load exports.
# Never scipy.stats: its distributions come from scipy.special through smmanalytics._dist
# (importing scipy.stats cost ~1 s of the report's forked copy that builds the alerts)

__all__: list[str] = []

MAD_SD = 1.482602218505602      # 1 / 0.6745: MAD → sd for normal data
_MEANAD_SD = 1.253314            # MeanAD → sd (IBM fallback when MAD = 0)


def cusum_k(mu0: float | np.ndarray, mu1: float | np.ndarray) -> float | np.ndarray:
    """Reference value of a Poisson CUSUM: ``k = (μ1 − μ0) / ln(μ1 / μ0)``.

    >>> round(float(cusum_k(2.0, 4.0)), 3)
    2.885
    """
    mu0 = np.asarray(mu0, dtype=float)
    mu1 = np.asarray(mu1, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = (mu1 - mu0) / np.log(mu1 / mu0)
    return k if k.ndim else float(k)


def _group_order(groups: np.ndarray | None, n: int) -> tuple[np.ndarray, ...]:
    """The ``n`` days of each group together, in time order (``order``: the days so ordered),
    each day's position in that order (``pos``) and its rank within its group (how many days
    of its group precede it). One group when ``groups`` is None."""
    if groups is None:
        every = np.arange(n)
        return every, every, every
    order = np.argsort(groups, kind="stable")
    ordered = np.asarray(groups)[order]
    pos = np.empty(n, dtype=np.intp)
    pos[order] = np.arange(n)
    rank = (np.arange(n) - np.searchsorted(ordered, ordered, side="left"))[pos]
    return order, pos, rank


def lagged_windows(x: np.ndarray, groups: np.ndarray | None, k: int) -> np.ndarray:
    """``(m, n, k)``: for each day the ``k`` previous values of ``x`` within its group
    (NaN-padded), oldest first."""
    m, n = x.shape
    order, pos, rank = _group_order(groups, n)
    # column j of a day's window is the day of its group ``k − j`` days before it, or the
    # padding column n (NaN) before the group's first day: one gather of all the windows
    lags = np.arange(k, 0, -1)
    src = np.where(rank[:, None] >= lags, order[np.maximum(pos[:, None] - lags, 0)], n)
    padded = np.concatenate([np.asarray(x, dtype=float), np.full((m, 1), np.nan)], axis=1)
    return np.take(padded, src, axis=1)


def _nan(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return func(*args, **kwargs)


def nanmedian(a: np.ndarray) -> np.ndarray:
    """Median over the last axis ignoring NaN (NaN where nothing is left).

    The same values as ``np.nanmedian(a, axis=-1)`` (the mean of the two middle values of the
    sorted non-NaN values), from one sort of the whole array: numpy's own goes through masked
    arrays for short rows, several times slower on the windows of the CUSUM calibration.

    >>> nanmedian(np.array([[3.0, np.nan, 1.0, 2.0], [np.nan, np.nan, 4.0, 1.0]]))
    array([2. , 2.5])
    """
    a = np.asarray(a, dtype=float)
    ordered = np.sort(a, axis=-1)                     # NaN sort last
    n = np.count_nonzero(~np.isnan(a), axis=-1)[..., None]
    low = np.take_along_axis(ordered, np.maximum(n - 1, 0) // 2, axis=-1)
    high = np.take_along_axis(ordered, n // 2, axis=-1)
    return ((low + high) / 2)[..., 0]


def baseline_window(x: np.ndarray, weekday: np.ndarray, settings) -> np.ndarray:
    """The baseline window ``H`` (m, n, K) for every day, in the scale of the day itself."""
    if settings.baseline == "weekday":
        return lagged_windows(x, weekday, settings.weekday_weeks)
    m, n = x.shape
    wd = weekday.astype(float)[None, :]
    f_vals = lagged_windows(x, None, settings.factor_days)
    f_days = lagged_windows(wd, None, settings.factor_days)[0]
    seen = ~np.isnan(f_vals)
    overall = _mean_of(f_vals, seen)
    factors = np.ones((m, n, 7))
    for w in range(7):
        mean_w = _mean_of(f_vals, seen & (f_days == w))
        with np.errstate(divide="ignore", invalid="ignore"):
            fw = mean_w / overall
        factors[:, :, w] = np.where(np.isfinite(fw), fw, 1.0)
    h_vals = lagged_windows(x, None, settings.pooled_days)
    h_days = lagged_windows(wd, None, settings.pooled_days)[0]
    idx = np.where(np.isnan(h_days), 0, h_days).astype(int)
    f_s = np.take_along_axis(factors, np.broadcast_to(idx, (m, n, idx.shape[1])), axis=2)
    f_t = np.take_along_axis(factors, np.broadcast_to(weekday[None, :, None], (m, n, 1)), axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        des = np.where((f_s > 0) & ~np.isnan(h_days)[None], h_vals / f_s, np.nan)
    return des * f_t


def _mean_of(a: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The mean of the ``keep`` values of each window (last axis), NaN where none: what
    ``np.nanmean`` gives of ``a`` with NaN off ``keep`` (the same sum of the same values,
    zeros elsewhere, over the same count), without its copies and NaN passes (the pooled
    windows' factors, 8 means of (m, n, 56) per baseline, were 0.9 of a pooled series' time)."""
    count = np.sum(keep, axis=-1, dtype=np.intp)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(keep, a, 0.0).sum(axis=-1) / count


def window_starts(weekday: np.ndarray, settings) -> np.ndarray:
    """The first day (position) each day's :func:`baseline_window` reaches, the day itself
    when its window is empty: a day's window, and so its baseline, is that of the series cut
    to the days from there to it (:func:`day_baseline`)."""
    days = np.arange(len(weekday), dtype=float)[None]
    spans = ([(weekday, settings.weekday_weeks)] if settings.baseline == "weekday"
             else [(None, settings.factor_days), (None, settings.pooled_days)])
    first = np.fmin.reduce([_nan(np.nanmin, lagged_windows(days, groups, k)[0], axis=1)
                            for groups, k in spans])
    return np.where(np.isnan(first), days[0], first).astype(np.intp)


def day_baseline(history: np.ndarray, weekday: np.ndarray, settings, t: int,
                 start: int) -> np.ndarray:
    """The Jeffreys mean of day ``t``'s baseline window over ``history`` (``start``: the
    first day it reaches, :func:`window_starts`), one per row: ``count_baseline``'s ``mu``
    of that day, the same sums in the same order, from the days it reads only."""
    window = baseline_window(history[:, start:t + 1], weekday[start:t + 1], settings)
    return window_stats(window[:, -1:], robust=False)["mu"][:, 0]


def window_stats(h: np.ndarray, robust: bool = True) -> dict[str, np.ndarray]:
    """count, sum, Jeffreys mean and (``robust``) median and robust sd of each window (axis 2)."""
    missing = np.isnan(h)
    count = h.shape[2] - np.sum(missing, axis=2)
    total = np.where(missing, 0.0, h).sum(axis=2)          # np.nansum, one isnan fewer
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = (total + 0.5) / count
    if not robust:
        return {"count": count, "sum": total, "mu": mu}
    med = nanmedian(h)
    dev = np.abs(h - med[..., None])
    mad = nanmedian(dev)
    meanad = _nan(np.nanmean, dev, axis=2)
    sd = np.where(mad > 0, MAD_SD * mad, _MEANAD_SD * meanad)
    return {"count": count, "sum": total, "median": med, "sd": sd, "mu": mu}


def nb_size(phi: np.ndarray | float, total: np.ndarray, days: np.ndarray,
            p: float = 1e-3) -> np.ndarray:
    """Predictive NB size r (φ per row) of a day whose mean was estimated from ``total`` counts
    over ``days`` effective days (:func:`mean_days`; a rate's exposure-weighted days):
    ``1/r = φ_p + v + φ_p·v``, ``v = 1/(total + 0.5)``, ``φ_p`` = :func:`ratio_phi` at the tail
    probability ``p`` (module docstring).
    """
    v = 1.0 / (total + 0.5)
    phi = ratio_phi(_col(phi), days, p)
    return 1.0 / (phi + v + phi * v)


def ratio_phi(phi: np.ndarray | float, days: np.ndarray, p: float) -> np.ndarray:
    """φ_p (m, n): the φ of the mean-1 gamma whose upper ``p`` quantile is that of ``G/h``.

    G is a day's gamma rate (mean 1, overdispersion φ of its row), h the overdispersed error of
    its baseline mean, the mean of ``days`` such rates (Gamma(D/φ), mean 1); as a pivot, the
    day over its estimated mean, ``G/h ~ F(2/φ, 2D/φ)``: heavier-tailed than any gamma of the
    same variance, the more so as φ grows (φ = 1, D = 8: the 1e-3 quantile of G/h is that of a
    gamma of φ 2.04, not of 1 + 1/8 + 1/8). 0 where φ is 0. Solved by bisection on the distinct
    (φ, D) pairs only (a few per row).

    >>> round(float(ratio_phi(np.array([1.0]), np.array([[8.0]]), 1e-3)[0, 0]), 2)
    2.04
    """
    from scipy import special

    from ._dist import f_isf

    days = np.asarray(days, dtype=float)
    phi = np.broadcast_to(_col(phi), days.shape)
    out = np.zeros(days.shape)
    pos = (phi > 1e-9) & np.isfinite(days)
    if not pos.any():
        return out
    # one integer key per distinct (φ to 0.5 %, D to 0.05): a 1-D unique on few values
    lf = np.rint(np.log(phi[pos]) * 200).astype(np.int64)
    cents = np.rint(np.clip(days[pos], 1.0, 1e5) * 20).astype(np.int64)
    keys, inv = np.unique((lf + 10 ** 5) * np.int64(10 ** 7) + cents, return_inverse=True)
    f = np.exp((keys // 10 ** 7 - 10 ** 5) / 200.0)
    d = (keys % 10 ** 7) / 20.0
    target = f_isf(p, 2.0 / f, 2.0 * d / f)
    # the gamma's quantile grows with φ from φ (no error on the mean: G itself) up to the cap
    # (beyond ~1/p it falls again, the mass gathering at 0)
    lo = np.log(f)
    hi = np.log(np.maximum(f, np.minimum(50.0 * f + 1.0, 0.2 / p)))
    for _ in range(40):
        mid = (lo + hi) / 2
        g = np.exp(mid)
        up = special.gammainccinv(1.0 / g, p) * g < target
        lo, hi = np.where(up, mid, lo), np.where(up, hi, mid)
    out[pos] = np.exp((lo + hi) / 2)[np.ravel(inv)]
    return out


def mean_days(history: np.ndarray, weekday: np.ndarray, settings) -> np.ndarray:
    """Effective number of days ``D`` of each day's baseline mean: ``Var(μ)/μ² ≈ (1/μ + φ)/D``.

    ``weekday`` mode: the window's observed days |H|. ``pooled`` mode: μ is
    ``m_t · Σ_w (n_w/N)(a_w/m_w)``, ``m_w`` the mean of the ``n_w^f`` days of weekday ``w`` in
    the factor window, ``a_w`` that of its ``n_w`` days in the pooled window (of ``N``), so
    (delta method, the days of a weekday alike)
    ``1/D = 1/n_t^f + Σ_w (n_w/N)² |1/n_w − 1/n_w^f| + 2 (n_t/N) min(0, 1/n_t − 1/n_t^f)``:
    with the defaults (28 days, factors over 56) D = 7, not the 28 days pooled, for the weekday
    factor of the day rests on its 8 same weekdays. The days of the window are what
    ``history`` holds (NaN: left out); untested days get 1.
    """
    if settings.baseline == "weekday":
        d = np.sum(~np.isnan(lagged_windows(history, weekday, settings.weekday_weeks)), axis=2)
        return np.maximum(d, 1).astype(float)
    m, n = history.shape
    wd = weekday.astype(float)[None, :]
    seen = np.where(np.isnan(history), np.nan, 1.0)
    f_seen = ~np.isnan(lagged_windows(seen, None, settings.factor_days))
    f_days = lagged_windows(wd, None, settings.factor_days)[0]
    h_seen = ~np.isnan(lagged_windows(seen, None, settings.pooled_days))
    h_days = lagged_windows(wd, None, settings.pooled_days)[0]
    big_n = np.maximum(h_seen.sum(axis=2), 1)
    inv = np.zeros((m, n))
    today = weekday[None, :] == np.arange(7)[:, None, None]          # (7, 1, n)
    inv_t = 1.0 / big_n                                               # no factor: the pool's
    with np.errstate(divide="ignore", invalid="ignore"):
        for w in range(7):
            nf = (f_seen & (f_days == w)).sum(axis=2)
            nw = (h_seen & (h_days == w)).sum(axis=2)
            both = (nf > 0) & (nw > 0)
            inv += np.where(both, (nw / big_n) ** 2 * np.abs(1 / nw - 1 / nf), 0.0)
            cross = np.where(both, 2 * (nw / big_n) * np.minimum(0.0, 1 / nw - 1 / nf), 0.0)
            inv += np.where(today[w], cross, 0.0)
            inv_t = np.where(today[w] & (nf > 0), 1 / nf, inv_t)
    return 1.0 / np.maximum(inv + inv_t, 1e-12)


def _col(phi) -> np.ndarray:
    phi = np.asarray(phi, dtype=float)
    return phi[:, None] if phi.ndim == 1 else phi


def nb_tail(x: np.ndarray, mu: np.ndarray, r: np.ndarray) -> np.ndarray:
    """``P(X ≥ x)`` for a negative binomial with mean ``mu`` and size ``r``."""
    from ._dist import nbinom_sf

    def tail(x, mu, r):
        p = r / (r + mu)
        return nbinom_sf(np.ceil(x) - 1, r, p)

    return _on_distinct(tail, x, mu, r)


def nb_tail_below(x: np.ndarray, mu: np.ndarray, r: np.ndarray, q: float) -> np.ndarray:
    """``nb_tail(x, mu, r) < q``, with the tail computed only where it may be below ``q``.

    The point probability ``P(X = ⌈x⌉)`` is a lower bound of the tail ``P(X ≥ ⌈x⌉)`` and
    costs a fraction of it (three log-gammas, where the tail is an incomplete beta function):
    where it is ``q`` or more, with a margin for its rounding, so is the tail. On counts series
    most days are there, and :func:`dispersion` asks this of every kept day at each round.
    """
    from scipy import special

    k = np.ceil(x)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        terms = (special.gammaln(k + r), -special.gammaln(r), -special.gammaln(k + 1),
                 -r * np.log1p(mu / r), k * (np.log(mu) - np.log(r + mu)))
        log_pmf = sum(terms)
        # each term is rounded to a few ulps of its size: 1e-13 of their sizes covers them
        margin = 1e-13 * sum(np.abs(t) for t in terms) + 1e-12
        sure = log_pmf - margin >= np.log(q)      # NaN (and -inf) are never sure
    below = np.zeros(np.shape(k), dtype=bool)
    unsure = ~sure
    below[unsure] = nb_tail(x[unsure], mu[unsure], r[unsure]) < q
    return below


def nb_upper(q: float, mu: np.ndarray, r: np.ndarray) -> np.ndarray:
    """The largest count that is not an exceedance at tail probability ``q``."""
    from ._dist import nbinom_isf

    return _on_distinct(lambda mu, r: nbinom_isf(q, r, r / (r + mu)), mu, r)


def _on_distinct(func, *args: np.ndarray) -> np.ndarray:
    """``func(*args)`` of an elementwise ``func``, computed once per distinct tuple of
    arguments (the same bits: the same value) and spread back to every element.

    The NB tails and quantiles of a series repeat: a day's mean and size come from its
    window's count, sum and days, which many days share on low counts (the CUSUM test's 80
    series asked 14,040 quantiles of 5,157 distinct (μ, r), the sample's October 1,643 of
    1,068), and each costs several incomplete beta functions."""
    arrs = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in args))
    if arrs[0].size < 2:
        return func(*arrs)
    cols = np.stack([a.ravel() for a in arrs], axis=1)
    keys = cols.view(np.dtype((np.void, cols.itemsize * len(arrs))))[:, 0]
    _, first, inv = np.unique(keys, return_index=True, return_inverse=True)
    if len(first) == len(keys):
        return func(*arrs)
    out = np.asarray(func(*(c for c in cols[first].T)))
    return out[inv.ravel()].reshape(arrs[0].shape)


def dispersion(x: np.ndarray, mu: np.ndarray, tested: np.ndarray, span: int = 3,
               days: np.ndarray | None = None) -> np.ndarray:
    """:func:`dispersion_kept`'s φ alone."""
    return dispersion_kept(x, mu, tested, span, days)[0]


def dispersion_kept(x: np.ndarray, mu: np.ndarray, tested: np.ndarray, span: int = 3,
                    days: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Series overdispersion φ (per row), and the days its sums kept (the tested days that
    are not outlying). φ is the moment estimate ``Σ((x−μ)² − μ) / Σμ²`` ≥ 0.

    Outlying days are left out so that an incident does not hide itself or the next one: a day
    is left out when its NB tail under the φ of the other days kept (leave-one-out) is below
    1e-4, repeated until no more day is left out. The leave-one-out φ matters for one huge
    spike: its own term can dominate the sum (a 200 among ~60 days of Poisson(5) alone gives
    φ ≈ 25), and under that φ its tail is not small, so the spike went untested. An incident of
    several days hid itself alike, each day under the φ of the others: the day is measured
    against the kept days away from it, ``span`` observed days either side left out with it
    (the sample's Facebook negative feedback, four days of 43-120 on a usual 1-3 among its 58
    days: φ 27.5 → 0.81, and its days alert; in-control series measure the same φ). A rise
    lasting longer than that hides its days still: each day's run is tested too
    (:func:`_outlying_runs`).

    With ``days`` (the baselines' :func:`mean_days`, ``mu`` their means: the level test's)
    the estimate takes off the baselines' own error, which the level test's predictive holds
    already (:func:`nb_size`): ``(x − μ̂)²`` holds Var(μ̂) ≈ μ²φ/D + μ/D, and in-control
    series of φ = 0 measured 0.02-0.06, of φ = 0.3 0.30-0.35 (weekly rhythm, 0.5-60 a day,
    2 years, both baselines); now 0.00-0.01 and 0.25-0.28. Never above the plain estimate.
    A day's tail then holds its baseline mean's error too (of the same variance; not the
    level test's heavier tail, under which the sample's 43 stayed in): in-control days of
    φ = 1 were left out as outlying, and it measured 0.86-0.89, now 0.87-0.92.
    """
    mask = tested & np.isfinite(x) & np.isfinite(mu)
    xs, mu_safe = np.where(mask, x, 0.0), np.where(mask, mu, 1.0)
    with np.errstate(invalid="ignore"):
        num_t = np.where(mask, (xs - mu_safe) ** 2 - mu_safe, 0.0)
    den_t = np.where(mask, mu_safe ** 2, 0.0)

    def _phi(num, den):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.clip(np.where(den > 0, num / den, 0.0), 0.0, None)

    def _near(a):                      # sum over each day and the ``span`` days either side
        return _window_sums(a, span)

    keep = mask.copy()
    # the rows still losing days: a row that lost none in a round would lose none in the next
    # (the same kept days, the same φ), so each round is computed on the others alone (the
    # same values; the calibrations' hundreds of rows measured together ran every round on all)
    rows = np.arange(x.shape[0])
    days_all = None if days is None else np.broadcast_to(days, x.shape)
    for _ in range(50):
        k, xr, mr, tr, nt, dt = (keep[rows], xs[rows], mu_safe[rows], mask[rows],
                                 num_t[rows], den_t[rows])
        dr = None if days is None else days_all[rows]
        num = np.where(k, nt, 0.0).sum(axis=1, keepdims=True)
        den = np.where(k, dt, 0.0).sum(axis=1, keepdims=True)
        # each day against the φ of the kept days away from it (its own and its neighbours'
        # terms removed when kept)
        loo = _phi(num - _near(np.where(k, nt, 0.0)), den - _near(np.where(k, dt, 0.0)))
        # only a kept day above 0 can be left out (P(X ≥ 0) = 1): the tail is computed there
        # alone, a fifth to a third fewer evaluations on counts series
        days_up = k & (xr > 0)
        if days is None:
            size = 1.0 / (loo + 1e-9)
        else:
            # the baseline mean's error too (variance only: the level test's heavier tail
            # kept an incident's days in on short series)
            with np.errstate(divide="ignore", invalid="ignore"):
                v = 1.0 / (dr * mr) + loo / dr
            size = 1.0 / (loo + v + loo * v + 1e-9)
        out = np.zeros_like(k)
        out[days_up] = nb_tail_below(xr[days_up], mr[days_up], size[days_up], 1e-4)
        out |= k & _outlying_runs(xr, mr, tr, loo, dr, _near, span)
        lost = out.any(axis=1)
        if not lost.any():
            break
        keep[rows[lost]] = k[lost] & ~out[lost]
        rows = rows[lost]
    num = np.where(keep, num_t, 0.0).sum(axis=1)
    den = np.where(keep, den_t, 0.0).sum(axis=1)
    if days is None:
        return _phi(num, den), keep
    # the baselines' own error taken off (module docstring of dispersion): with S1 = Σ μ/D and
    # S2 = Σ μ²/D, E Σ((x−μ̂)² − μ̂) ≈ φ(Σμ² + S2) + S1 and E Σμ̂² ≈ Σμ² + φ S2 + S1, so
    # S2 φ² − (Σμ̂² − S1 + S2) φ + (Σ((x−μ̂)² − μ̂) − S1) = 0, its smaller root
    with np.errstate(divide="ignore", invalid="ignore"):
        s1 = np.where(keep, mu_safe / days, 0.0).sum(axis=1)
        s2 = np.where(keep, den_t / days, 0.0).sum(axis=1)
        b = den - s1 + s2
        c = num - s1
        disc = np.sqrt(np.maximum(b * b - 4 * s2 * c, 0.0))
        phi = np.where(den > 0, 2 * c / (b + disc), 0.0)
    # never above the plain estimate: beyond φ ≈ 1 the root rises above it (the ratio of the
    # two sums' expectations saturates, no root at all past (D + 1)/2), where the series
    # measure no such thing (φ = 1 measures 0.87-0.92, its plain estimate 0.9-1.0)
    return np.clip(np.minimum(np.nan_to_num(phi), _phi(num, den)), 0.0, None), keep


def _outlying_runs(x: np.ndarray, mu: np.ndarray, tested: np.ndarray, phi: np.ndarray,
                   days: np.ndarray | None, near, span: int) -> np.ndarray:
    """The days above their mean within an outlying run: for :func:`dispersion_kept`, the
    days that each day alone would not show.

    A rise lasting weeks hides its days from the test of each day: the φ of the days away
    from one holds all the others (X unfollows going from about 4 a day to about 24 over two
    weeks from 31 August: φ 1.85 judged at 30 September, 0.00 judged at 30 August, and not
    one day outlying under it). Its days together are not hidden so: the sum of each day and
    the ``span`` days either side (``near``) is tested as a day is, under the φ of the days
    away from them (``phi``), as a negative binomial of their summed mean and variance, the
    days independent given their means (the NB model's own assumption, and the CUSUM's):
    mean ``M = Σμ``, variance ``Σμ + φΣμ²``, with ``days`` plus each baseline mean's error
    ``(1 + φ)(Σμ/D + φΣμ²/D)`` (:func:`nb_size`'s ``v``). There 7-13 September sum 147
    against a usual 31.6: under the φ of the days away from them, 1.43, a tail of 5.6e-5
    (under φ 0, 3e-41), where its days' own tails were 0.015-0.03; once they are left out the
    φ of the rest falls and the other weeks of the rise follow. In a series overdispersed
    throughout a week's sum is far less dispersed than its days (its φ about a seventh), so
    its runs are seldom outlying: in-control series of φ = 1 (weekly rhythm, 1-40 a day, 2
    years) measured 0.908, now 0.904, and their level alarms a year were 0.455, now 0.468;
    φ 0 and 0.5, the same. An outlying run's days above their mean are left out with it."""
    m, n = x.shape
    mu = np.where(tested, mu, 0.0)
    big_m = near(mu)
    total = near(np.where(tested, x, 0.0))
    var = big_m + phi * near(mu * mu)
    if days is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            err = (1 + phi) * (near(np.where(tested, mu / days, 0.0))
                               + phi * near(np.where(tested, mu * mu / days, 0.0)))
        var = var + err
    high = tested & (total > big_m) & (big_m > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        size = np.where(var > big_m, big_m * big_m / (var - big_m), 1e9)
    run = np.zeros_like(high)
    run[high] = nb_tail_below(total[high], big_m[high], size[high], 1e-4)
    return near_days(run, span) & tested & (x > mu)


def near_days(days: np.ndarray, span: int) -> np.ndarray:
    """The days of ``days`` (a boolean (m, n)) and the ``span`` observed days either side."""
    return _window_sums(days, span) > 0


def _window_sums(a: np.ndarray, span: int) -> np.ndarray:
    """Per row, the sum of each day and the ``span`` days either side (fewer at the edges):
    differences of running sums, ``cs[hi] − cs[lo]``, taken as slices (the window's end is
    ``span + 1`` days on, held at the last day; its start ``span`` days back, at the first),
    the same values as indexing ``cs`` by each day's bounds, which cost a calibration's
    dispersion a fifth of its time."""
    m, n = a.shape
    cs = np.empty((m, n + 1))
    cs[:, 0] = 0.0
    np.cumsum(a, axis=1, out=cs[:, 1:])
    c_hi, c_lo = max(n - span, 0), min(span, n)
    hi = np.concatenate([cs[:, span + 1:span + 1 + c_hi],
                         np.broadcast_to(cs[:, n:], (m, n - c_hi))], axis=1)
    lo = np.concatenate([np.zeros((m, c_lo)), cs[:, :n - c_lo]], axis=1)
    return hi - lo


def count_dispersion(x: np.ndarray, history: np.ndarray, weekday: np.ndarray, settings,
                     first: tuple | None = None, span: int = 3, rounds: int = 3,
                     baseline=None, error: bool = False):
    """φ of count series (per row) measured against baselines free of their outbreaks.

    :func:`dispersion` leaves a series' outlying days out of its sums, but the baselines of
    the days after them still held them: for 8 weeks the quiet days after an incident read
    far below a mean it had raised, and their terms inflated φ (the sample's Instagram
    comments, an incident of 245-519 on a usual 30: φ 0.75, under which its 245 was no
    level alert). As Farrington et al. (1996) down-weight past outbreaks, the outlying days
    and the ``span`` observed days either side (an incident's quieter days, which alone
    pass the tail) leave the baselines (``history`` NaN there) and the sums, and φ is
    measured again, until no new day is outlying (``rounds`` at most): 0.75 → 0.52 there,
    as with the incident's days 12-19 October left out by hand (0.52). A series with no
    outlying day measures what :func:`dispersion` does, for the cost of one estimate.

    ``baseline(history, rows)``: each day's mean, whether it is tested and its
    :func:`mean_days`, of the series ``rows`` with the baselines taken from ``history``; by
    default a count's (:func:`count_baseline`). A ratio's (the rate's expected count) gives
    its own: an incident raised its later rates' baselines as it raised a count's.

    With ``error``, ``(φ, its plain estimate plus one standard error)`` per row
    (:func:`_phi_error`, on the days and baselines of the last estimate)."""
    if baseline is None:
        def baseline(hist, rows):
            st = count_baseline(x[rows], weekday, settings, robust=False, history=hist)
            return st["mu"], st["tested"], mean_days(hist, weekday, settings)
    if first is None:
        first = baseline(history, np.arange(x.shape[0]))
    mu, tested, days = first
    phi, keep = dispersion_kept(x, mu, tested, span, days)
    rows = np.flatnonzero((tested & ~keep).any(axis=1))
    se = _phi_error(x, mu, keep, phi) if error else None
    if not rows.size:
        return (phi, se) if error else phi
    # again on the rows with outlying days alone (a calibration's in-control series have few)
    xs, history, mu = x[rows], history[rows], mu[rows]
    out = (tested & ~keep)[rows]
    outlying = np.zeros_like(out)
    for _ in range(rounds):
        if not out.any():
            break
        outlying |= out
        left = outlying | (near_days(outlying, span) & (xs > mu))
        mu, tested_r, days = baseline(np.where(left, np.nan, history), rows)
        sub, keep = dispersion_kept(xs, mu, tested_r & ~left, span, days)
        out = tested_r & ~left & ~keep
    phi = phi.copy()
    phi[rows] = sub
    if not error:
        return phi
    se = se.copy()
    se[rows] = _phi_error(xs, mu, keep, sub)
    return phi, se


def _phi_error(x: np.ndarray, mu: np.ndarray, keep: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """The moment estimate of φ plus one standard error per row, over the ``keep`` days:
    ``Σt / Σμ² + √Σ(t − φ̂μ²)² / Σμ²`` with ``t = (x−μ)² − μ`` and φ̂ that plain estimate,
    unclipped (the sandwich of a ratio of sums), 0 on a row without days. Unclipped: a series
    steadier than Poisson (2 comments every day) has a negative estimate, and its error
    alone made it φ 0.13 on 14 days, where nothing says it is overdispersed; on 14 days of a
    series of φ 0.3 at 10 a day the error is about 0.2. The early fits of
    :mod:`smmanalytics.alerts` take the larger of this and φ (module docstring there, 7)."""
    xs, ms = np.where(keep, x, 0.0), np.where(keep, mu, 0.0)
    den = (ms * ms).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        term = np.where(keep, (xs - ms) ** 2 - ms, 0.0)
        raw = term.sum(axis=1) / den
        resid = np.where(keep, term - raw[:, None] * ms * ms, 0.0)
        se = raw + np.sqrt((resid * resid).sum(axis=1)) / den
    return np.where(den > 0, np.nan_to_num(se), 0.0)


def cusum(x: np.ndarray, k: np.ndarray, h: float | None, tested: np.ndarray) -> tuple:
    """Poisson CUSUM on each row. With ``h`` None, no restart (for first-passage times).

    Returns ``(S, alarm)``; untested days keep the previous S and never alarm.

    Without restarts, ``S_t = max(0, S_{t−1} + x_t − k_t)`` from ``S_0 = 0`` is Lindley's
    recursion, whose solution is ``C_t − min(0, C_1, …, C_t)`` with ``C`` the cumulative sum
    of the increments: computed so, in whole-array steps, for the calibration's thousands of
    simulated series (the same S to about 1e-12; a quarter of the calibration's time).
    """
    m, n = x.shape
    inc = np.where(tested, x - k, 0.0)
    if h is None:
        c = np.cumsum(inc, axis=1)
        s = c - np.minimum.accumulate(np.minimum(c, 0.0), axis=1)
        return s, np.zeros((m, n), dtype=bool)
    s = np.zeros((m, n))
    alarm = np.zeros((m, n), dtype=bool)
    cur = np.zeros(m)
    for t in range(n):
        s[:, t], alarm[:, t], cur = cusum_step(cur, inc[:, t], h, tested[:, t])
    return s, alarm


def cusum_step(cur: np.ndarray, inc: np.ndarray, h: float, tested: np.ndarray) -> tuple:
    """One day of :func:`cusum` (a restart at each alarm): from the S carried from the day
    before (``cur``) and the day's increment ``inc``, the day's ``(S, alarm, S carried)``."""
    s = np.maximum(0.0, cur + inc)
    hit = s > h
    return s, hit & tested, np.where(hit, 0.0, s)


def alarm_episodes(x: np.ndarray, mu: np.ndarray, h: float, tested: np.ndarray,
                   alarm: np.ndarray, ratio: float) -> np.ndarray:
    """The days a drift alarm is on (``alarm``: :func:`cusum`'s of ``x``, tuned to
    ``μ1 = ratio·μ`` with limit ``h``): from the alarm until the series is back below the
    limit, the CUSUM's reference value ``k`` (above it a day adds to S). Told by the same test
    turned downwards, a shift from ``k`` to ``μ``: ``T_t = max(0, T_{t−1} + k'_t − x_t)``,
    ``k' = cusum_k(μ, k)``, from the alarm on; the day T passes ``h`` the alarm is off (that
    day is not in it). An alarm while one is on does not start T again.

    The return is tested against ``k``, not against the doubling the alarm was tuned to: a
    rise smaller than that (60 % at 10 a day, k = 14.4) lies barely above ``k``, and its noise
    alone turned a test of ``2μ`` against ``μ`` within about 25 days (Siegmund's
    approximation), where a test of ``k`` against ``μ`` (k' = 12.1) takes about 100; a series
    back at ``μ`` passes it in a week or two.

    By hand (μ = 10, k = 14.43, k' = 12.08, h = 4): the alarm of day 1 is on; T is 0 on the
    days of 25, 2.08 then 4.16 on the days of 10: off on day 4.

    >>> alarm_episodes(np.array([[25., 25., 25., 10., 10., 25.]]), np.full((1, 6), 10.0),
    ...                4.0, np.ones((1, 6), bool), np.array([[0, 1, 0, 0, 0, 0]], bool), 2.0)
    array([[False,  True,  True,  True, False, False]])

    An alarm the day after an episode ended starts a new one, T from 0: day 2's 0 gives
    T = 12.08 > h (off), day 3's alarm T = max(0, 12.08 − 19) = 0, then 0 on the days of 25.

    >>> alarm_episodes(np.array([[25., 25., 0., 19., 25., 25.]]), np.full((1, 6), 10.0),
    ...                4.0, np.ones((1, 6), bool), np.array([[0, 1, 0, 1, 0, 0]], bool), 2.0)
    array([[False,  True, False,  True,  True,  True]])
    """
    m, n = x.shape
    step = np.where(tested, return_k(mu, ratio) - x, 0.0)
    on = np.zeros((m, n), dtype=bool)
    state = np.zeros(m, dtype=bool)
    low = np.zeros(m)
    for t in range(n):
        state, low = episode_step(state, low, alarm[:, t], step[:, t], h)
        on[:, t] = state
    return on


def return_k(mu: np.ndarray, ratio: float) -> np.ndarray:
    """The reference value ``k'`` of :func:`alarm_episodes`' return test, a shift from the
    CUSUM's ``k`` (tuned to ``ratio·μ``) down to ``μ``."""
    return cusum_k(mu, cusum_k(mu, ratio * mu))


def episode_step(state: np.ndarray, low: np.ndarray, alarm: np.ndarray, step: np.ndarray,
                 h: float) -> tuple[np.ndarray, np.ndarray]:
    """One day of :func:`alarm_episodes`: from the day before's episode ``state`` and its T
    (``low``), the day's alarm and ``step`` (``k' − x``, 0 when untested), the day's."""
    state = state | alarm
    low = np.maximum(0.0, low + step)
    state = state & ~(low > h)
    # T is 0 while no alarm is on: an alarm the day after an episode ended starts it from 0
    # (kept above h, it ended the new episode on its first day)
    return state, np.where(state, low, 0.0)


def count_baseline(x: np.ndarray, weekday: np.ndarray, settings, robust: bool = True, *,
                   history: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Window statistics (:func:`window_stats`) plus the ``tested`` mask (enough history) for
    count series. The windows hold the days of ``history`` (default ``x``): ``x`` with NaN on
    the days to leave out of later baselines (past alerts)."""
    st = window_stats(baseline_window(x if history is None else history, weekday, settings),
                      robust=robust)
    st["tested"] = (st["count"] >= settings.min_history) & np.isfinite(x)
    return st


def _simulated_baseline(x: np.ndarray, weekday: np.ndarray, settings) -> dict[str, np.ndarray]:
    """``count_baseline(x, weekday, settings, robust=False)`` of the calibration's simulated
    series: whole counts, none missing.

    With the weekday baseline, each window's count and sum come from running sums over the
    days of its weekday, without building the (m, n, K) windows: a window's sum is the
    difference of two running sums, exact as the windows' own sums are (whole numbers far
    below 2⁵³ add up exactly in any order), so the same values. Pooled: count_baseline (its
    windows hold weekday-adjusted values, not whole counts)."""
    if settings.baseline != "weekday":
        return count_baseline(x, weekday, settings, robust=False)
    m, n = x.shape
    order, pos, rank = _group_order(weekday, n)
    # running sums in the weekday order: a day's window is the min(rank, K) days of its
    # weekday just before it in that order
    running = np.concatenate([np.zeros((m, 1)), np.cumsum(x[:, order], axis=1)], axis=1)
    start = pos - np.minimum(rank, settings.weekday_weeks)
    total = running[:, pos] - running[:, start]
    count = np.broadcast_to(pos - start, (m, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = (total + 0.5) / count
    return {"count": count, "sum": total, "mu": mu,
            "tested": (count >= settings.min_history) & np.isfinite(x)}


def _simulate(level: float, factors: tuple, phi: float, m: int, n: int, rng) -> tuple:
    """``m`` series of ``n`` days (weekday 0 first) with mean ``level × factor[weekday]`` and NB
    overdispersion ``phi`` (gamma-Poisson), and their weekdays."""
    weekday = np.arange(n) % 7
    mean = np.maximum(level * np.asarray(factors)[weekday], 1e-6)
    if phi > 0:
        # ``rng.gamma(1/φ, φ·mean)`` is ``standard_gamma(1/φ) × φ·mean``, the same draws and
        # values; a scale given per day made it draw at half the speed
        lam = rng.standard_gamma(1.0 / phi, size=(m, n)) * (phi * mean)
    else:
        lam = np.broadcast_to(mean, (m, n))
    return rng.poisson(lam).astype(float), weekday


def process_phi(level: float, factors: tuple, phi: float, settings, chains: int = 20) -> float:
    """The overdispersion of the process whose φ, measured as :func:`dispersion` measures a
    series' (against its baselines, outlying days left out), is ``phi``: what the CUSUM
    calibration simulates.

    The measured φ is not the process's: it holds the baselines' own error (a Poisson series of
    1 a day measures φ ≈ 0.05 with the weekday window, 0.1 pooled) and, with a heavy tail, loses
    the days left out (φ = 1 measures ≈ 0.94). One step of indirect inference: ``chains`` series
    of ``settings.cusum_days`` days simulated with φ = ``phi`` are measured alike, and their
    measured φ's excess over ``phi`` is taken off (≥ 0). :func:`thresholds` does it for many
    parameters at once, with the same draws.
    """
    return _process_phis([(level, factors, phi)], settings, chains)[0]


def _process_phis(params: list[tuple], settings, chains: int = 20) -> list[float]:
    """:func:`process_phi` of each ``(level, factors, φ)``, their simulated series measured
    together (one :func:`dispersion` of all their rows: its rows are independent, so each
    value is the one computed alone); the values met before are read from a cache."""
    todo = [q for q in dict.fromkeys(params) if (q, settings, chains) not in _PHI_CACHE]
    if todo:
        sims = [_simulate(level, factors, phi, chains, settings.cusum_days,
                          np.random.default_rng(settings.seed + 1))
                for level, factors, phi in todo]
        x, weekday = np.concatenate([s[0] for s in sims]), sims[0][1]
        st = _simulated_baseline(x, weekday, settings)
        days = mean_days(x, weekday, settings)
        # :func:`dispersion`, not :func:`count_dispersion`: on in-control series their outlying
        # days are few and the two agree within 0.015 (20 series of 1,200 days, φ 0-1, 1-30 a
        # day), while the outbreak-free rounds took a fifth of a review's time here
        measured = dispersion(x, st["mu"], st["tested"], days=days).reshape(len(todo), chains)
        for q, m in zip(todo, measured.mean(axis=1), strict=True):
            _remember(_PHI_CACHE, (q, settings, chains), max(0.0, q[2] - (float(m) - q[2])))
    return [_PHI_CACHE[(q, settings, chains)] for q in params]


#: calibrations already made (process φ, threshold h), by their parameters and settings: the
#: month, quarter and year of one report fit a series at the same points (module docstring of
#: :mod:`smmanalytics.alerts`, 3), so their calibrations are made once
_PHI_CACHE: dict = {}
_H_CACHE: dict = {}
_CACHE_SIZE = 1024


def _remember(cache: dict, key, value) -> None:
    """``cache[key] = value``, the oldest entry dropped past :data:`_CACHE_SIZE`."""
    if len(cache) >= _CACHE_SIZE:
        cache.pop(next(iter(cache)))
    cache[key] = value


def cusum_threshold(level: float, factors: tuple, phi: float, settings) -> float:
    """Threshold h giving an in-control average run length ≈ ``settings.cusum_arl`` days.

    Monte Carlo under the null: ``settings.cusum_chains`` series of ``settings.cusum_days``
    days with mean ``level × factor[weekday]`` and NB overdispersion ``phi`` (the process's, as
    :func:`process_phi` gives it from a series' measured φ, unrounded), run through the
    same baseline and CUSUM as the data (so baseline estimation noise is accounted for). The
    ARL for a threshold is the total in-control time divided by the number of first alarms
    (exponential run lengths, censoring-aware); h is the smallest grid value reaching the target.
    """
    return _cusum_thresholds([(level, factors, phi)], settings)[0]


def thresholds(params: list[tuple], settings, measured: list[bool] | None = None
               ) -> list[float]:
    """The CUSUM threshold h of each ``(level, factors, measured φ)``: :func:`process_phi`
    then :func:`cusum_threshold`, all the parameters' chains simulated and run together (the
    fits of every series of a review: one batched Monte Carlo, not one per fit), each with
    the draws it has alone, so that each h is the one :func:`cusum_threshold` gives.

    ``measured`` (default all True) says, per parameter, whether its φ is one measured on a
    long series, which :func:`process_phi` corrects; when False the φ is the process's as
    given (a series' first fit, on a few weeks: see :mod:`smmanalytics.alerts`, 7), and its
    threshold is calibrated on a quarter of ``settings.cusum_chains`` (at least 25,
    :func:`first_fit_settings`)."""
    measured = [True] * len(params) if measured is None else measured
    corrected = iter(_process_phis([q for q, m in zip(params, measured, strict=True) if m],
                                   settings))
    procs = [next(corrected) if m else q[2] for q, m in zip(params, measured, strict=True)]
    out = {}
    for flag, use in ((True, settings), (False, first_fit_settings(settings))):
        at = [i for i, m in enumerate(measured) if m == flag]
        got = _cusum_thresholds([(params[i][0], params[i][1], procs[i]) for i in at], use)
        out.update(zip(at, got, strict=True))
    return [out[i] for i in range(len(params))]


def first_fit_settings(settings):
    """``settings`` with the chains a series' first fit is calibrated on: a quarter (at
    least 25). Its level and φ rest on 14 days (at 20 events the level alone is ±22 %), while
    the chains' error in h is 1-3 % with 100 and 4-5 % with 25 (8 seeds, level 2-30, φ
    0.3-1): the full count spent a third of a month's alerts time on the first fits."""
    chains = max(min(settings.cusum_chains, 25), settings.cusum_chains // 4)
    return replace(settings, cusum_chains=chains)


def _cusum_thresholds(params: list[tuple], settings) -> list[float]:
    """:func:`cusum_threshold` of each ``(level, factors, process φ)``, the chains of all of
    them stacked (in blocks of 25 rows for the CUSUM's arrays); the values met before are read
    from a cache."""
    n, m = settings.cusum_days, settings.cusum_chains
    todo = [q for q in dict.fromkeys(params) if (q, settings) not in _H_CACHE]
    if todo:
        sims = [_simulate(level, factors, phi, m, n, np.random.default_rng(settings.seed))
                for level, factors, phi in todo]
        x, weekday = np.concatenate([s[0] for s in sims]), sims[0][1]
        run_max = np.empty(x.shape)
        start = np.empty(len(x), dtype=np.intp)
        for lo in range(0, len(x), 25):
            xs = x[lo:lo + 25]
            st = _simulated_baseline(xs, weekday, settings)   # the CUSUM needs μ only
            k = cusum_k(st["mu"], settings.cusum_ratio * st["mu"])
            s, _ = cusum(xs, np.where(st["tested"], k, 0.0), None, st["tested"])
            start[lo:lo + 25] = np.argmax(st["tested"], axis=1)
            run_max[lo:lo + 25] = np.maximum.accumulate(s, axis=1)
        for i, q in enumerate(todo):
            rows = slice(i * m, (i + 1) * m)
            _remember(_H_CACHE, (q, settings), _arl_threshold(run_max[rows], start[rows],
                                                              settings))
    return [_H_CACHE[(q, settings)] for q in params]


def _arl_threshold(run_max: np.ndarray, start: np.ndarray, settings) -> float:
    """The smallest of 400 thresholds from 0 to the chains' highest S whose in-control ARL
    (their days to the first passage over it, over the first passages) reaches
    ``settings.cusum_arl``. The first passage of a chain over a threshold is the count of
    its running maxima (``run_max``, non-decreasing) at or below it: a maximum is at or below
    the grid's value ``g`` when the first grid value it does not exceed comes at ``g`` or
    before, so the counts are the running sums of those positions' counts (one sorted search
    of all the chains, where a search per chain took a tenth of the calibration)."""
    m, n = run_max.shape
    grid = np.linspace(0.0, max(float(run_max.max()), 1.0), 400)
    at = np.searchsorted(grid, run_max, side="left") + (np.arange(m) * 401)[:, None]
    first = np.cumsum(np.bincount(at.ravel(), minlength=m * 401).reshape(m, 401),
                      axis=1)[:, :400]
    alarms = (first < n).sum(axis=0)
    exposure = (np.minimum(first, n) - start[:, None]).clip(min=0).sum(axis=0)
    with np.errstate(divide="ignore"):
        arl = np.where(alarms > 0, exposure / np.maximum(alarms, 1), np.inf)
    ok = np.flatnonzero(arl >= settings.cusum_arl)
    return float(grid[ok[0]] if len(ok) else grid[-1])


def robust_z(x: np.ndarray, median: np.ndarray, sd: np.ndarray) -> np.ndarray:
    """Modified z-score ``(x − median) / sd``; NaN where sd is 0 or unknown."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (x - median) / sd
    return np.where(np.isfinite(z), z, np.nan)


def z_equivalent(p: np.ndarray) -> np.ndarray:
    """The one-sided normal quantile of a tail probability (score scale shared with z)."""
    from ._dist import norm_isf

    return norm_isf(np.clip(p, 1e-300, 1.0))


def poisson_interval(k: np.ndarray, level: float = 0.9) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval of a Poisson mean from ``k`` events: the chi-square quantiles
    ``χ²(α/2; 2k) / 2`` and ``χ²(1 − α/2; 2k + 2) / 2``, 0 for the lower end of k = 0. NaN
    where k is unknown. For k = 4 at 90 %: 1.366 to 9.154."""
    from ._dist import chi2_ppf

    k = np.asarray(k, dtype="float64")
    alpha = 1.0 - level
    with np.errstate(invalid="ignore"):
        low = np.where(k > 0, chi2_ppf(alpha / 2, 2 * k) / 2, 0.0)
        high = chi2_ppf(1 - alpha / 2, 2 * k + 2) / 2
    return np.where(np.isnan(k), np.nan, low), high
