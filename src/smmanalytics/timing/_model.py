"""Negative-binomial GLM by IRLS, the within-strata permutation score test, and one-step refits.

Definitions
-----------
- NB2 model with log link: ``mu = exp(offset + X b)``, ``Var(y) = mu + alpha * mu**2``.
- IRLS weights ``w = mu / (1 + alpha * mu)``; working response ``z = eta + (y - mu) / mu``.
- ``alpha`` is the Pearson moment estimate: the value at which
  ``sum((y - mu)**2 / (mu + alpha * mu**2)) = n - p`` (0 when the data are not over-dispersed),
  alternated with IRLS until both settle.
- Score of the linear predictor: ``s = (y - mu) / (1 + alpha * mu)``; Fisher information
  ``X' diag(w) X``.
- One-step refit under week weights ``c_k`` (bootstrap counts, half-sample indicators):
  ``b_c = b + (sum_k c_k H_k)^-1 sum_k c_k G_k`` with the per-week gradient
  ``G_k = sum_{p in k} x_p s_p`` and information ``H_k = sum_{p in k} w_p x_p x_p'`` evaluated at
  the full-data fit ``b`` (a Newton step from the full-data estimate; Moulton & Zeger 1991).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# scipy is imported where it is used, never scipy.stats (see smmanalytics._dist)

__all__ = ["NBFit", "nb_fit", "week_blocks", "one_step", "perm_score_test", "estimable",
           "fitted_to_zero", "NOT_IDENTIFIABLE", "NOT_PERMUTABLE", "NO_ENGAGEMENT"]

_MAX_ETA = 50.0
#: the ``test`` of a timing analysis whose slots cannot be told apart from the controls
NOT_IDENTIFIABLE = "not identifiable"
#: the ``test`` of a timing analysis whose permutations all give the observed statistic: too
#: few posts share a stratum for shuffling their slots to change anything (see perm_score_test)
NOT_PERMUTABLE = "too few posts to permute"
#: the ``test`` of a timing analysis whose posts have no engagement at all
NO_ENGAGEMENT = "no engagement recorded"


@dataclass(frozen=True)
class NBFit:
    """Result of :func:`nb_fit`: coefficients, fitted means, dispersion, kept columns."""

    beta: np.ndarray
    mu: np.ndarray
    alpha: float
    keep: np.ndarray        # indices of the columns of X that were identifiable
    converged: bool


def _independent_columns(X: np.ndarray, tol: float = 1e-8) -> np.ndarray:
    """Indices of the columns that are not linear combinations of the columns before them."""
    if X.shape[1] == 0:
        return np.arange(0)
    scale = np.sqrt((X ** 2).mean(axis=0))
    scale[scale == 0] = 1.0
    r = np.linalg.qr(X / scale, mode="r")
    d = np.abs(np.diag(r))
    return np.flatnonzero(d > tol * max(d.max(), 1e-300))


def estimable(X: np.ndarray, A: np.ndarray, tol: float = 1e-8) -> np.ndarray:
    """Which linear functions ``a' b`` (rows of ``A``) of the coefficients of ``X`` are estimable.

    ``a' b`` is estimable when ``a`` is orthogonal to the null space of ``X`` (it does not
    depend on how aliased columns share their effect). Columns are scaled to unit root mean
    square first, as in the collinearity check of :func:`nb_fit`.
    """
    p = X.shape[1]
    scale = np.sqrt((X ** 2).mean(axis=0)) if len(X) else np.zeros(p)
    scale[scale == 0] = 1.0
    # all p right singular vectors, without the n × n left ones (100 000 posts: 75 GB): the
    # thin SVD has them all when n ≥ p, and a short X is small enough for the full one
    _, sv, vt = np.linalg.svd(X / scale, full_matrices=len(X) < p)
    sv = np.concatenate([sv, np.zeros(p - sv.size)])
    null = vt[sv <= tol * max(sv.max(initial=0.0), 1e-300)]
    As = A / scale
    norm = np.linalg.norm(As, axis=1)
    return np.abs(As @ null.T).max(axis=1, initial=0.0) <= 1e-6 * np.maximum(norm, 1e-300)


def fitted_to_zero(X: np.ndarray, y: np.ndarray, tol: float = 1e-7) -> np.ndarray:
    """Which posts without engagement the log-linear model can fit exactly: their fitted mean
    goes to 0 and their maximum-likelihood estimate does not exist.

    It happens when a direction ``d`` of the coefficients leaves every post with engagement
    unchanged (``X_pos d = 0``) and lowers some of those without (``X_zero d <= 0``, ``< 0``
    for them): a post without engagement alone at an hour the hour curve fits freely (a
    LinkedIn page posting at 08:00-10:00 and once, without engagement, at 11:00). IRLS then
    walks ``b`` along ``d`` without end: the hour curve reached -1,800 to 1,073 on the log
    scale, where the slots' lifts overflow ``exp`` (Santos Silva & Tenreyro 2010, "On the
    existence of the maximum likelihood estimates in Poisson regression"). Such a post says
    nothing of the other posts' rates: leaving it out gives the limit of the fit for them.

    Found by linear programming in the null space of the posts with engagement (none when
    they identify every coefficient, the usual case: then no program is solved), repeated
    on the posts left until none more is found (one program need not find them all).
    """
    zero = np.flatnonzero(y <= 0)
    out = np.zeros(len(y), dtype=bool)
    if zero.size == 0 or X.shape[1] == 0:
        return out
    if zero.size == len(y):             # no engagement at all: every coefficient is free
        return ~out
    scale = np.sqrt((X ** 2).mean(axis=0))
    scale[scale == 0] = 1.0
    Xs = X / scale
    pos = Xs[y > 0]
    # the null space of X_pos is that of its R factor (at most p x p): no n x n left vectors
    _, sv, vt = np.linalg.svd(np.linalg.qr(pos, mode="r"), full_matrices=True)
    sv = np.concatenate([sv, np.zeros(Xs.shape[1] - sv.size)])
    free = vt[sv <= tol * max(sv.max(initial=0.0), 1e-300)].T      # X_pos d = 0 for d in it
    if free.shape[1] == 0:
        return out
    from scipy.optimize import linprog  # lazy: import smmanalytics loads no scipy

    left = zero
    while left.size:
        M = Xs[left] @ free
        if np.abs(M).max(initial=0.0) <= tol:
            break
        # the most posts without engagement pushed down, each by at most 1
        lp = linprog(M.sum(axis=0), A_ub=np.vstack([M, -M]),
                     b_ub=np.concatenate([np.zeros(len(left)), np.ones(len(left))]),
                     bounds=(None, None), method="highs")
        if lp.status != 0:
            break
        down = M @ lp.x < -1e-6
        if not down.any():
            break
        out[left[down]] = True
        left = left[~down]
    return out


def _pearson_alpha(y: np.ndarray, mu: np.ndarray, dof: int) -> float:
    """Moment estimate of the NB2 dispersion: Pearson chi-square equal to its degrees of freedom.

    ``g(a) = sum((y - mu)^2 / (mu + a mu^2)) - dof`` is convex and decreasing in ``a``, so
    Newton's method started at 0 climbs monotonically to the root (0 when ``g(0) <= 0``).
    """
    dof = max(dof, 1)
    r2 = (y - mu) ** 2
    mu2 = mu ** 2
    a = 0.0
    for _ in range(50):
        den = mu + a * mu2
        g = float((r2 / den).sum()) - dof
        if g <= 0:
            break
        step = g / float((r2 * mu2 / den ** 2).sum())
        a += step
        if step <= 1e-7 * max(a, 1e-12):
            break
    return a


def nb_fit(X: np.ndarray, y: np.ndarray, offset: np.ndarray, *, alpha: float | None = None,
           max_iter: int = 100, tol: float = 1e-8) -> NBFit:
    """Fit an NB2 GLM with log link and offset by IRLS (dispersion by Pearson moments).

    With ``alpha`` None: three Poisson IRLS steps, then the dispersion, then IRLS at that
    dispersion to convergence, re-estimating the dispersion until it moves by less than 1%.

    Parameters
    ----------
    X : (n, p) array
        Design matrix (include the intercept column). Collinear columns are dropped (``keep``).
    y : (n,) array
        Non-negative outcome.
    offset : (n,) array
        Log exposure.
    alpha : float, optional
        Fixed dispersion; estimated when None.

    Returns
    -------
    NBFit
    """
    keep = _independent_columns(X)
    Xk = X[:, keep]
    n, p = Xk.shape
    ylogy = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0)), 0.0).sum()

    def irls(a: float, eta: np.ndarray, mu: np.ndarray, iters: int):
        dev_old, converged, beta = np.inf, False, np.zeros(p)
        for it in range(iters):
            w = mu / (1 + a * mu)
            z = eta - offset + (y - mu) / mu
            xw = Xk * w[:, None]
            h = xw.T @ Xk
            h[np.diag_indices_from(h)] += 1e-10 * (np.trace(h) / max(p, 1) + 1.0)
            beta = np.linalg.solve(h, xw.T @ z)
            eta = np.clip(offset + Xk @ beta, -_MAX_ETA, _MAX_ETA)
            mu = np.exp(eta)
            dev = float(ylogy - y @ eta + mu.sum())      # Poisson deviance kernel
            if abs(dev - dev_old) <= tol * (abs(dev) + 1.0) and it >= 1:
                converged = True
                break
            dev_old = dev
        return beta, eta, mu, converged

    mu = (y + y.mean()) / 2 + 0.1
    eta = np.log(mu)
    if alpha is None:
        beta, eta, mu, _ = irls(0.0, eta, mu, 3)
        a = _pearson_alpha(y, mu, n - p)
        for _ in range(5):
            beta, eta, mu, converged = irls(a, eta, mu, max_iter)
            a_new = _pearson_alpha(y, mu, n - p)
            moved = abs(a_new - a) > 0.01 * max(a, 1e-8)
            a = a_new
            if not moved:
                break
    else:
        a = float(alpha)
        beta, eta, mu, converged = irls(a, eta, mu, max_iter)
    full = np.zeros(X.shape[1])
    full[keep] = beta
    return NBFit(beta=full, mu=mu, alpha=a, keep=keep, converged=converged)


def week_blocks(X: np.ndarray, y: np.ndarray, mu: np.ndarray, alpha: float, week: np.ndarray,
                n_weeks: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-week gradient ``G`` (K, p) and information ``H`` (K, p, p) at the fitted ``mu``."""
    s = (y - mu) / (1 + alpha * mu)
    w = mu / (1 + alpha * mu)
    p = X.shape[1]
    G = np.zeros((n_weeks, p))
    for j in range(p):
        G[:, j] = np.bincount(week, weights=X[:, j] * s, minlength=n_weeks)
    H = np.zeros((n_weeks, p, p))
    order = np.argsort(week, kind="stable")
    bounds = np.searchsorted(week[order], np.arange(n_weeks + 1))
    for k in range(n_weeks):
        idx = order[bounds[k]:bounds[k + 1]]
        if idx.size:
            xk = X[idx]
            H[k] = (xk * w[idx, None]).T @ xk
    return G, H


def one_step(G: np.ndarray, H: np.ndarray, C: np.ndarray, ridge: np.ndarray) -> np.ndarray:
    """Newton step ``(C H + diag(ridge))^-1 (C G)`` for each row of week weights ``C`` (R, K)."""
    K, p = G.shape
    Hc = (C @ H.reshape(K, p * p)).reshape(-1, p, p)
    Hc[:, np.arange(p), np.arange(p)] += ridge
    g = C @ G
    return np.linalg.solve(Hc, g[..., None])[..., 0]


def _one_row_strata(Zslot: np.ndarray, slot: np.ndarray, strata: np.ndarray) -> np.ndarray:
    """Which posts of :func:`perm_score_test` are in a stratum whose posts all share one row of
    the timing terms (one slot, as an account posting each weekday at a fixed hour has in the
    hour test).

    Such a stratum adds ``z * sum(s)`` to ``U`` under every permutation, its mean exactly, and
    nothing to ``V``. Computed, it added rounding instead: ``Z`` minus the stratum's mean left
    about 1e-16 in every cell, a ``V`` made of that noise passed the collinearity check (its
    tolerance is relative to the largest pivot), and its inverse (1e32) turned the noise of
    ``U - E U`` into a statistic of 1e33 whose p-value was 0.002 or 1.00 by the seed, 0.0 by
    the chi-square limit, where the test could not be run at all.
    """
    rows = np.unique(Zslot, axis=0, return_inverse=True)[1].ravel()[slot]
    groups, code = pd.factorize(strata)
    pairs = np.unique(np.column_stack([groups, rows]), axis=0)
    return (np.bincount(pairs[:, 0], minlength=len(code)) == 1)[groups]


def perm_score_test(Zslot: np.ndarray, slot: np.ndarray, s: np.ndarray, strata: np.ndarray, *,
                    n_perm: int, rng: np.random.Generator, exact_max_n: int = 5000
                    ) -> tuple[float, float, str]:
    """Score test of timing terms, calibrated by permuting slots among posts within strata.

    The statistic is ``T = (U - E U)' V^-1 (U - E U)`` with ``U = Z' s`` (``s`` the score residuals
    of the model without timing terms) and ``E U``, ``V`` the exact mean and covariance of ``U``
    under random permutation of the posts' slots within each stratum. Up to ``exact_max_n`` posts
    the p-value is by Monte Carlo permutation (``(1 + #{T* >= T}) / (1 + n_perm)``); above, by
    the chi-square limit of the permutation distribution (q degrees of freedom).

    Returns
    -------
    (p_value, statistic, how)
        ``(nan, nan, "not identifiable")`` when no stratum holds posts in different slots
        (timing fully aliased with the strata: content type, paid, account, block of weeks).
        ``(nan, T, "too few posts to permute")`` when every permutation drawn gives the
        observed ``T``: the permutation distribution is one point, and ``p = 1`` would read
        as evidence of no timing effect where the test could not tell anything. It happens
        when the strata's degrees of freedom, the sum of (posts - 1) over the strata, are no
        more than the timing terms: a stratum's share of ``U - E U`` is ``A_s u_s`` with
        ``u_s`` its centred residuals in the permuted order, and ``V = sum sigma_s^2 A_s
        A_s'``, so when the ``A_s`` together have full column rank ``T = sum |u_s|^2 /
        sigma_s^2 = sum (n_s - 1)`` whatever the order. Pairs show it most simply: a swap
        turns the pair's ``c_j`` into ``-c_j``, and ``T = e' C' (C C')^+ C e = e' e = m`` for
        every sign vector ``e`` of m pairs (25 posts of the sample fall in 5 such pairs and
        singletons: T = 5 for all 399 permutations, p = 1.00). Checked on the Monte Carlo
        path only: the chi-square path (above ``exact_max_n`` posts, or ``n_perm=0``) draws
        no permutation.
    """
    Z = Zslot[slot]
    n, q = Z.shape
    strata = np.asarray(strata, dtype=object)
    # the residuals of posts whose stratum holds one slot are set to 0: their share of U - E U
    # and of V is then 0 exactly, as it is in exact arithmetic (see _one_row_strata); they
    # are still shuffled, so that the random stream, and the other strata's draws, are kept
    s = np.where(_one_row_strata(Zslot, slot, strata), 0.0, s)
    strata, codes = pd.factorize(strata)
    ns = np.bincount(strata, minlength=len(codes)).astype(float)
    U = Z.T @ s
    sz = np.zeros((len(codes), q))
    for j in range(q):
        sz[:, j] = np.bincount(strata, weights=Z[:, j], minlength=len(codes))
    ss = np.bincount(strata, weights=s, minlength=len(codes))
    EU = (sz * (ss / ns)[:, None]).sum(axis=0)
    zc = Z - (sz / ns[:, None])[strata]
    rc2 = np.bincount(strata, weights=(s - (ss / ns)[strata]) ** 2, minlength=len(codes))
    fac = np.where(ns > 1, rc2 / np.maximum(ns - 1, 1), 0.0)
    V = (zc * fac[strata, None]).T @ zc
    keep = _independent_columns(V) if q else np.arange(0)
    if keep.size == 0:
        # no stratum holds posts in different slots: the permutation distribution is one point
        # and says nothing; timing cannot be told apart from what the strata hold
        return np.nan, np.nan, NOT_IDENTIFIABLE
    Vi = np.linalg.pinv(V[np.ix_(keep, keep)])

    def stat(u: np.ndarray) -> np.ndarray:
        d = (u - EU)[..., keep]
        return np.einsum("...i,ij,...j->...", d, Vi, d)

    t_obs = float(stat(U))
    if n > exact_max_n or n_perm <= 0:
        from .._dist import chi2_sf  # lazy: _dist loads scipy

        return float(chi2_sf(t_obs, keep.size)), t_obs, "chi2_permutation_moments"
    base = np.argsort(strata, kind="stable")
    slot_b, s_b = slot[base], s[base]
    bounds = np.searchsorted(strata[base], np.arange(len(codes) + 1))
    nslot = Zslot.shape[0]
    tot = np.empty(n_perm)
    step = max(1, 2_000_000 // max(n, 1))
    for start in range(0, n_perm, step):
        m = min(step, n_perm - start)
        new_slot = np.tile(slot_b, (m, 1))
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            if b - a > 1:           # shuffle the slots among the posts of this stratum
                new_slot[:, a:b] = rng.permuted(new_slot[:, a:b], axis=1)
        flat = (np.arange(m)[:, None] * nslot + new_slot).ravel()
        R = np.bincount(flat, weights=np.tile(s_b, m), minlength=m * nslot).reshape(m, nslot)
        tot[start:start + m] = stat(R @ Zslot)
    if np.all(np.abs(tot - t_obs) <= 1e-9 * max(1.0, abs(t_obs))):
        return np.nan, t_obs, NOT_PERMUTABLE
    p = (1.0 + float((tot >= t_obs - 1e-12 * abs(t_obs)).sum())) / (1.0 + n_perm)
    return p, t_obs, "monte_carlo_permutation"
