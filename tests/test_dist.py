"""Tests of smmanalytics._dist: each helper against the scipy.stats call it replaces, and best
times and alerts without scipy.stats."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import hypothesis
import numpy as np
import pytest
from hypothesis import strategies as hs
from scipy import stats

from smmanalytics import _dist as d

# tail probabilities from 0 and 1 themselves to their neighbours, and NaN
_Q = np.array([0.0, 5e-324, 1e-300, 1e-16, 1e-9, 1e-6, 1e-3, 0.025, 0.1, 0.5, 0.9, 0.975,
               1 - 1e-9, 1 - 2 ** -53, 1.0, np.nan, -0.5, 1.5])
# shapes from tiny to huge, with 0, negative, inf and NaN
_SHAPES = np.array([1e-300, 1e-10, 1e-3, 0.05, 0.5, 1.0, 2.0, 3.0, 7.5, 30.0, 1e3, 1e6, 1e12,
                    np.inf, 0.0, -1.0, np.nan])


def _quiet(func, *args):
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return func(*args)


def _same(got, expected):
    """Bit-identical values (NaN where NaN), the same type (a numpy scalar for 0-d)."""
    np.testing.assert_array_equal(got, expected)
    assert np.shape(got) == np.shape(expected)
    assert np.isscalar(got) == np.isscalar(expected)


def test_norm_quantiles_are_scipy_stats():
    _same(d.norm_ppf(_Q), _quiet(stats.norm.ppf, _Q))
    _same(d.norm_isf(_Q), _quiet(stats.norm.isf, _Q))
    _same(d.norm_isf(np.array(1e-3)), stats.norm.isf(np.array(1e-3)))
    _same(d.norm_ppf(0.975), stats.norm.ppf(0.975))


def test_t_ppf_is_scipy_stats():
    q, df = np.meshgrid(_Q, _SHAPES, indexing="ij")
    _same(d.t_ppf(q, df), _quiet(stats.t.ppf, q, df))
    _same(d.t_ppf(0.95, 4), stats.t.ppf(0.95, 4))
    _same(d.t_ppf(0.95, np.array([2.0, 3.5, 11.0])), stats.t.ppf(0.95, np.array([2.0, 3.5, 11.0])))


def test_chi2_ppf_and_sf_are_scipy_stats():
    q, df = np.meshgrid(_Q, _SHAPES, indexing="ij")
    _same(d.chi2_ppf(q, df), _quiet(stats.chi2.ppf, q, df))
    x = np.array([-np.inf, -1.0, 0.0, 5e-324, 1e-10, 0.5, 1.0, 3.84, 10.0, 100.0, 1e4, 1e300,
                  np.inf, np.nan])
    x, df = np.meshgrid(x, _SHAPES, indexing="ij")
    _same(d.chi2_sf(x, df), _quiet(stats.chi2.sf, x, df))
    _same(d.chi2_sf(7.3, 3), stats.chi2.sf(7.3, 3))


def test_f_isf_is_scipy_stats():
    q, a, b = np.meshgrid(_Q, _SHAPES, _SHAPES, indexing="ij")
    _same(d.f_isf(q, a, b), _quiet(stats.f.isf, q, a, b))
    _same(d.f_isf(1e-3, 2.0, 16.0), stats.f.isf(1e-3, 2.0, 16.0))


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(q=hs.floats(0.0, 1.0), a=hs.floats(1e-3, 1e7), b=hs.floats(1e-3, 1e7))
def test_continuous_helpers_are_scipy_stats_anywhere(q, a, b):
    _same(d.norm_ppf(q), stats.norm.ppf(q))
    _same(d.norm_isf(q), stats.norm.isf(q))
    _same(d.t_ppf(q, a), stats.t.ppf(q, a))
    _same(d.chi2_ppf(q, a), stats.chi2.ppf(q, a))
    _same(d.chi2_sf(b * q, a), stats.chi2.sf(b * q, a))
    _same(_quiet(d.f_isf, q, a, b), _quiet(stats.f.isf, q, a, b))


def _nb_grid():
    """Means 0.01-1e5 and sizes 0.05-1e6 (as p = r/(r + μ)), with μ = 0 (p = 1)."""
    mu = np.concatenate([[0.0], np.geomspace(0.01, 1e5, 25)])
    r = np.geomspace(0.05, 1e6, 25)
    mu, r = np.meshgrid(mu, r, indexing="ij")
    return mu.ravel(), r.ravel()


def test_nbinom_sf_is_scipy_stats_to_1e_12():
    mu, r = _nb_grid()
    p = r / (r + mu)
    sd = np.sqrt(mu * (1 + mu / r))
    # counts around the mean, far into both tails, and the edges
    k = np.floor(mu[:, None] + sd[:, None] * np.array([-3, -1, 0, 0.5, 1, 2, 4, 8, 20, 60]))
    k = np.concatenate([k, np.array([[-np.inf, -3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0,
                                      np.inf, np.nan]] * len(mu))], axis=1)
    k = np.clip(k, -5, None)
    p = np.broadcast_to(p[:, None], k.shape)
    r = np.broadcast_to(r[:, None], k.shape)
    got, expected = d.nbinom_sf(k, r, p), stats.nbinom.sf(k, r, p)
    np.testing.assert_allclose(got, expected, rtol=1e-11, atol=0)
    # exact where no incomplete beta is computed (k < 0, inf, NaN, μ = 0)
    edge = (k < 0) | ~np.isfinite(k) | (p == 1)
    np.testing.assert_array_equal(got[edge], expected[edge])


def test_nbinom_sf_edges_are_scipy_stats():
    k = np.array([[-1.0], [0.0], [3.0], [np.nan], [np.inf]])
    for n, p in [(1.0, 0.5), (0.0, 0.5), (-1.0, 0.5), (2.0, 0.0), (2.0, 1.0), (2.0, 1.5),
                 (np.nan, 0.5), (2.0, np.nan), (1e12, 1 - 1e-12), (1e-300, 0.5)]:
        np.testing.assert_allclose(d.nbinom_sf(k, n, p), stats.nbinom.sf(k, n, p), rtol=1e-12,
                                   atol=0, err_msg=f"n={n}, p={p}")
    _same(d.nbinom_sf(2.0, 1.0, 0.5), stats.nbinom.sf(2.0, 1.0, 0.5))    # 0.125, a scalar


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(k=hs.integers(-2, 10 ** 6), log_mu=hs.floats(-2.0, 5.0),
                  log_r=hs.floats(np.log10(0.05), 6.0))
def test_nbinom_sf_is_scipy_stats_anywhere(k, log_mu, log_r):
    """To 1e-11 relative down to tails of 1e-200 (both incomplete betas lose digits as
    they near the subnormal numbers, 1e-308)."""
    mu, r = 10.0 ** log_mu, 10.0 ** log_r
    p = r / (r + mu)
    got, expected = d.nbinom_sf(float(k), r, p), stats.nbinom.sf(k, r, p)
    if expected >= 1e-200:
        assert got == pytest.approx(expected, rel=1e-11, abs=0)
    else:
        assert got < 1e-199


def test_nbinom_isf_is_exactly_scipy_stats_on_a_wide_grid():
    """The discrete quantile, the smallest k with P(X > k) ≤ q: mean 0.01-1e5 (and 0), size
    0.05-1e6, q 1e-9-0.5, each the very count scipy.stats gives."""
    mu, r = _nb_grid()
    q = np.array([1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 3e-4, 1e-3, 0.01, 0.05, 0.1, 0.125, 0.25,
                  0.5])
    mu, r, q = np.broadcast_arrays(mu[:, None], r[:, None], q)
    p = r / (r + mu)
    np.testing.assert_array_equal(d.nbinom_isf(q, r, p), stats.nbinom.isf(q, r, p))


def test_nbinom_isf_is_exactly_scipy_stats_at_random():
    rng = np.random.default_rng(34)
    n = 20_000
    mu = 10 ** rng.uniform(-2, 5, n)
    r = 10 ** rng.uniform(np.log10(0.05), 6, n)
    q = 10 ** rng.uniform(-9, np.log10(0.5), n)
    p = r / (r + mu)
    np.testing.assert_array_equal(d.nbinom_isf(q, r, p), stats.nbinom.isf(q, r, p))


def test_nbinom_isf_edges_are_scipy_stats():
    """q = 0 (inf), q = 1 (−1), NaN in → NaN out, μ = 0 (p = 1: 0), shapes out of range
    (NaN), sizes tiny and huge, exact tails (geometric: P(X > 2) = 0.125)."""
    q = np.array([0.0, 1e-300, 1e-9, 0.125, 0.5, 1 - 1e-12, 1.0, np.nan, -0.1, 1.1])
    for n, p in [(1.0, 0.5), (0.0, 0.5), (-1.0, 0.5), (2.0, 0.0), (2.0, 1.0), (2.0, 1.5),
                 (np.nan, 0.5), (2.0, np.nan), (1e12, 1e12 / (1e12 + 3.0)), (0.05, 0.5),
                 (1e-3, 1e-3), (1e6, 0.999), (1.0, 2.0 ** -20)]:
        np.testing.assert_array_equal(d.nbinom_isf(q, n, p), stats.nbinom.isf(q, n, p),
                                      err_msg=f"n={n}, p={p}")
    _same(d.nbinom_isf(0.125, 1.0, 0.5), stats.nbinom.isf(0.125, 1.0, 0.5))
    _same(d.nbinom_isf(np.array(0.125), 1.0, 0.5), stats.nbinom.isf(np.array(0.125), 1.0, 0.5))
    empty = np.zeros((0, 3))
    _same(d.nbinom_isf(1e-3, empty, empty), stats.nbinom.isf(1e-3, empty, empty))


@hypothesis.settings(max_examples=400, deadline=None)
@hypothesis.given(log_mu=hs.floats(-2.0, 5.0), log_r=hs.floats(np.log10(0.05), 6.0),
                  log_q=hs.floats(-9.0, np.log10(0.5)))
def test_nbinom_isf_is_exactly_scipy_stats_anywhere(log_mu, log_r, log_q):
    mu, r, q = 10.0 ** log_mu, 10.0 ** log_r, 10.0 ** log_q
    p = r / (r + mu)
    assert d.nbinom_isf(q, r, p) == stats.nbinom.isf(q, r, p)


def test_best_times_and_alerts_never_import_scipy_stats():
    """The report's forked copy builds best times, top posts and alerts: importing scipy.stats
    cost it ~1 s of ~5 (the sample's October report, its figures as before)."""
    root = Path(__file__).resolve().parents[1]
    sample = root / "data" / "sample" / "maison-seve"
    if not sample.is_dir():
        pytest.skip("data/sample not generated in this checkout")
    code = ("import sys, smmanalytics as smm\n"
            "from smmanalytics.report import BrandReport\n"
            f"ds = smm.load({str(sample)!r})\n"
            "r = BrandReport(ds, '2026-10', kind='monthly')\n"
            "r.best_times(); r.top_posts(); r.alerts()\n"
            "assert r.figures, 'no figure built'\n"
            "print('scipy.special' in sys.modules, 'scipy.stats' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_nbinom_isf_at_a_tie_follows_its_own_tail():
    """Where q is a tail P(X > k) to the last bit, the answer (k, or k + 1 when the tail is
    rounded up) rests on the tail's last bit, which betaincc and scipy.stats' Boost round
    apart (geometric, p = 1/4: P(X > 2) = 0.421875 exactly, Boost 3, here 2): there the count
    is the one its own tail gives, within one of scipy.stats'."""
    rng = np.random.default_rng(35)
    mu, r = 10 ** rng.uniform(-2, 3, 5_000), 10 ** rng.uniform(-1, 4, 5_000)
    p = r / (r + mu)
    k = rng.integers(0, 5, mu.size).astype(float)
    q = stats.nbinom.sf(k, r, p)
    ok = (q > 1e-9) & (q < 0.5)
    q, r, p = q[ok], r[ok], p[ok]
    got = d.nbinom_isf(q, r, p)
    assert np.all(np.abs(got - stats.nbinom.isf(q, r, p)) <= 1)
    assert np.all(d.nbinom_sf(got, r, p) <= q)
    assert np.all((got == 0) | (d.nbinom_sf(got - 1, r, p) > q))
    assert d.nbinom_isf(0.421875, 1.0, 0.25) == 2.0


@pytest.mark.parametrize("p", [1e-16, 1e-17, 1e-100])
def test_nbinom_isf_beyond_2_to_53_ends_as_near_as_floats_allow(p):
    """Counts beyond 2^53 are floats a few apart: the bisection's midpoint rounded onto an end
    of its bracket and it looped for ever (q 0.01, n 1, p 1e-16). The answer is scipy's to
    the floats' spacing there (mean 1e16: 4.6e16, where scipy gives the next float)."""
    got = d.nbinom_isf(0.01, 1.0, p)
    assert got == pytest.approx(np.log(100) * (1 - p) / p, rel=1e-12)
    assert d.nbinom_sf(got, 1.0, p) <= 0.01
