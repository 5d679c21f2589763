"""The few distribution functions the package needs, from :mod:`scipy.special` alone.

Each helper equals one ``scipy.stats`` call (named in its docstring), edges included (q = 0,
q = 1, NaN, shapes out of range give what scipy.stats gives). They exist because importing
``scipy.stats`` costs about 1 s of the 5 s of the report's forked copy that builds best times
and alerts (``import scipy.special``, which it imports anyway, 0.3 s): best times and the
reputation watch never import it now.

Where scipy.stats computes through a public scipy.special function, the helper calls the same
one with the same arguments, so the results are bit-identical. The negative binomial is the
exception: scipy.stats computes it through private Boost functions
(``scipy.special._ufuncs._nbinom_sf``, ``_nbinom_isf``); here the survival function is the
regularized incomplete beta function (``betaincc``, within ~1e-12 relative of scipy.stats')
and the quantile is found from it exactly (:func:`nbinom_isf`).
"""

from __future__ import annotations

import numpy as np
from scipy import special

__all__: list[str] = []


def _scalar(out: np.ndarray):
    """A 0-d result as a numpy scalar, as scipy.stats returns it."""
    return out[()] if out.ndim == 0 else out


def _quantile(q, shapes: tuple, at0: float, at1: float, func):
    """``func(q, *shapes)`` where 0 < q < 1 and every shape is > 0 (scipy.stats'
    ``rv_continuous.ppf``/``isf`` and their default argument check); ``at0``/``at1`` where q is
    0/1 with valid shapes, NaN elsewhere."""
    q = np.asarray(q, dtype=float)
    shapes = tuple(np.asarray(s, dtype=float) for s in shapes)
    valid = np.ones((), dtype=bool)
    for s in shapes:
        valid = valid & (s > 0)
    q, valid, *shapes = np.broadcast_arrays(q, valid, *shapes)
    with np.errstate(all="ignore"):
        x = func(q, *shapes) * 1.0 + 0.0           # scipy.stats' ``* scale + loc``
    out = np.where(valid & (q > 0) & (q < 1), x, np.nan)
    out = np.where(valid & (q == 0), at0, out)
    out = np.where(valid & (q == 1), at1, out)
    return _scalar(out)


def norm_ppf(q):
    """``scipy.stats.norm.ppf(q)``: ``special.ndtri(q)``."""
    return _quantile(q, (), -np.inf, np.inf, special.ndtri)


def norm_isf(q):
    """``scipy.stats.norm.isf(q)``: ``-special.ndtri(q)``."""
    return _quantile(q, (), np.inf, -np.inf, lambda q: -special.ndtri(q))


def norm_logsf(x):
    """``scipy.stats.norm.logsf(x)``: ``special.log_ndtr(-x)`` (accurate far in the tail)."""
    return _scalar(special.log_ndtr(-np.asarray(x, dtype=float)))


def t_ppf(q, df):
    """``scipy.stats.t.ppf(q, df)``: ``special.stdtrit(df, q)``."""
    return _quantile(q, (df,), -np.inf, np.inf, lambda q, df: special.stdtrit(df, q))


def chi2_ppf(q, df):
    """``scipy.stats.chi2.ppf(q, df)``: ``2 * special.gammaincinv(df / 2, q)``."""
    return _quantile(q, (df,), 0.0, np.inf, lambda q, df: 2 * special.gammaincinv(df / 2, q))


def f_isf(q, dfn, dfd):
    """``scipy.stats.f.isf(q, dfn, dfd)``: ``special.fdtri(dfn, dfd, 1.0 - q)`` (scipy.stats'
    F has no isf of its own: its ppf at 1 − q)."""
    return _quantile(q, (dfn, dfd), np.inf, 0.0,
                     lambda q, dfn, dfd: special.fdtri(dfn, dfd, 1.0 - q))


def chi2_sf(x, df):
    """``scipy.stats.chi2.sf(x, df)``: ``special.chdtrc(df, x)``; 1 for x ≤ 0, 0 for x = inf,
    NaN for NaN x or df ≤ 0."""
    x = np.asarray(x, dtype=float)
    df = np.asarray(df, dtype=float)
    x, df = np.broadcast_arrays(x, df)
    valid = df > 0
    with np.errstate(all="ignore"):
        s = special.chdtrc(df, x)
    out = np.where(valid & (x > 0) & (x < np.inf), s, 0.0)
    out = np.where(valid & (x <= 0), 1.0, out)
    out = np.where(~valid | np.isnan(x), np.nan, out)
    return _scalar(out)


def _nb_args(n, p):
    n = np.asarray(n, dtype=float)
    p = np.asarray(p, dtype=float)
    return n, p, (n > 0) & (p > 0) & (p <= 1)       # scipy.stats' nbinom argument check


def nbinom_sf(k, n, p):
    """``scipy.stats.nbinom.sf(k, n, p)`` = ``P(X > k)``, to ~1e-12 relative.

    ``P(X > k) = P(X ≥ ⌊k⌋ + 1) = I_{1−p}(⌊k⌋ + 1, n)``, the regularized incomplete beta
    function, computed as ``special.betaincc(n, ⌊k⌋ + 1, p)`` (no ``1 − p`` cancellation as p
    nears 1). scipy.stats calls Boost's negative binomial (private ``_nbinom_sf``), the same
    function to a few 1e-13 (2.5e-12 at worst over mean 0.01-1e5, size 0.05-1e6; both lose
    digits for tails below 1e-200, nearing the subnormal numbers). 1 for
    k < 0, 0 for k = inf, NaN for NaN k or n ≤ 0, p outside (0, 1].
    """
    k = np.asarray(k, dtype=float)
    n, p, valid = _nb_args(n, p)
    k, n, p, valid = np.broadcast_arrays(k, n, p, valid)
    with np.errstate(all="ignore"):
        s = np.clip(special.betaincc(n, np.floor(k) + 1, p), 0.0, 1.0)
    out = np.where(valid & (k >= 0) & np.isfinite(k), s, 0.0)
    out = np.where(valid & (k < 0), 1.0, out)
    out = np.where(~valid | np.isnan(k), np.nan, out)
    return _scalar(out)


def nbinom_isf(q, n, p):
    """``scipy.stats.nbinom.isf(q, n, p)``: the smallest count k with ``P(X > k) ≤ q``.

    scipy.stats calls Boost's discrete quantile (private ``_nbinom_isf``). Here a continuous
    first guess, the quantile of the gamma of the same mean and variance
    (``special.gammainccinv``; within about −1 to +11 counts of the answer over mean 0.01-1e5,
    size 0.05-1e6), is refined by one step on the tail's local decay (the point probability
    at the guess), and the count is then settled exactly with :func:`nbinom_sf`, a count at a
    time from the candidate towards the side not yet known (about three tails an element over
    that grid: 2.7 times the time of scipy.stats', whose ``betaincc`` alone costs as much);
    the rare others bracketed (steps doubling) and the bracket halved to one count.
    Whole-array steps, no loop over elements. −1 for q = 1, inf for q = 0, NaN for NaN q or
    n ≤ 0, p outside (0, 1].
    """
    q = np.asarray(q, dtype=float)
    n, p, valid = _nb_args(n, p)
    q, n, p, valid = np.broadcast_arrays(q, n, p, valid)
    out = np.full(q.shape, np.nan)
    out[valid & (q == 1)] = -1.0
    out[valid & (q == 0)] = np.inf
    todo = valid & (q > 0) & (q < 1)
    if not todo.any():
        return _scalar(out)
    qs, ns, ps = q[todo], n[todo], p[todo]
    with np.errstate(all="ignore"):
        # lo: a count with P(X > lo) > q (−1 will do: P(X > −1) = 1); hi: one with ≤ q
        lo = np.full(qs.shape, -1.0)
        hi = np.full(qs.shape, np.inf)

        def probe(k, i):
            """Tails at counts ``k`` of elements ``i`` (lo < k < hi), the bracket narrowed."""
            s = nbinom_sf(k, ns[i], ps[i])
            a = s > qs[i]
            lo[i] = np.where(a, k, lo[i])
            hi[i] = np.where(a, hi[i], k)
            return s

        guess = special.gammainccinv(ns * (1.0 - ps), qs) / ps
        k0 = np.clip(np.ceil(np.where(np.isfinite(guess), guess, 0.0)), 0.0, 2.0 ** 52)
        every = np.arange(qs.size)
        s0 = probe(k0, every)
        # the tail falls by about P(X = k0) / P(X > k0) (as a log) a count around k0
        log_pmf = (special.gammaln(k0 + ns) - special.gammaln(ns) - special.gammaln(k0 + 1)
                   + ns * np.log(ps) + k0 * np.log1p(-ps))
        decay = np.log1p(np.exp(log_pmf) / s0)
        cand = np.ceil(k0 + np.log(s0 / qs) / decay) - 1
        cand = np.where(np.isfinite(cand), cand, k0)
        # the answer is mostly cand + 1, else cand + 2 or cand: from cand, a count at a time
        # towards the side not yet known
        for _ in range(3):
            k = np.clip(cand, lo + 1, hi - 1)
            i = np.flatnonzero((hi - lo > 1) & (k > lo) & (k < hi))
            probe(k[i], i)
            cand = np.where(hi == k, k - 1, k + 1)
        # the rest (few): steps doubling up where no count above is known, then halving
        step = np.ones(qs.shape)
        moving = np.flatnonzero(np.isinf(hi))
        for _ in range(1100):            # past 2^1024 the step is inf, and so is hi
            if not moving.size:
                break
            probe(lo[moving] + step[moving], moving)
            step[moving] *= 2
            moving = moving[np.isinf(hi[moving])]
        moving = np.flatnonzero((hi - lo > 1) & np.isfinite(hi))
        while moving.size:
            # beyond 2^53 counts are floats a few apart: a midpoint that rounds onto an end
            # of its bracket narrows it no more (the ends are then as near as floats allow)
            mid = np.floor((lo[moving] + hi[moving]) / 2)
            inside = (mid > lo[moving]) & (mid < hi[moving])
            moving, mid = moving[inside], mid[inside]
            probe(mid, moving)
            moving = moving[hi[moving] - lo[moving] > 1]
    out[todo] = hi
    return _scalar(out)
