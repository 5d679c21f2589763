"""A day's alert verdict rests on the data up to that day (alerts module docstring, 7):
any two periods agree on their common days."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from smmanalytics import _alert_stats as st
from smmanalytics.alerts import (
    _PRIOR_PHI,
    AlertSettings,
    _detect,
    _fit_points,
    alerts,
)

#: what a day's test said: the columns a later day cannot change (severity and incident
#: group alerts within 2 days, so an incident running past a period's end can grow)
VERDICT = ["date", "platform", "account", "signal", "value", "baseline", "score", "threshold",
           "test", "day_tz", "dst_day", "posts"]


@pytest.fixture(scope="module")
def sample(sample_loaded):
    """The sample brand: the session's load (conftest), which the report modules on this
    worker have usually made already, rather than a load of the module's own (a cache hit of
    ~0.5 s of CPU then, 9.5 s cold)."""
    return sample_loaded


def _month(frame: pd.DataFrame, month: str) -> pd.DataFrame:
    return frame.loc[frame["date"].dt.strftime("%Y-%m") == month].reset_index(drop=True)


def test_months_quarters_and_the_year_agree_on_the_sample(sample):
    """Every month of 2026 judged alone, in its quarter, in the year and in the whole
    history gives the same alerts: the August report flagged Instagram's comments of 13
    August and the Q3 report did not (September's data had moved its limit)."""
    whole = alerts(sample)
    year = alerts(sample, "2026")
    quarters = {q: alerts(sample, f"2026-Q{q}") for q in range(1, 5)}
    for m in range(1, 11):
        month = f"2026-{m:02d}"
        alone = alerts(sample, month)
        end = pd.Timestamp(month) + pd.offsets.MonthEnd(0)
        for other in (quarters[(m - 1) // 3 + 1], year, whole):
            theirs = _month(other, month)
            pd.testing.assert_frame_equal(alone[VERDICT], theirs[VERDICT])
            # the severity too, but for an incident that runs past the month's end
            later = set(other.loc[other["date"] > end, "incident_id"])
            inside = ~alone["incident_id"].isin(later).to_numpy(bool)
            assert (alone.loc[inside, "severity"].tolist()
                    == theirs.loc[inside, "severity"].tolist())
    # 13 August stays in every period (119 comments on a usual 20, a drift alert)
    aug = _month(year, "2026-08")
    assert pd.Timestamp("2026-08-13") in set(aug["date"])


def _series(values: np.ndarray, reach: np.ndarray | None = None) -> pd.DataFrame:
    dates = pd.date_range("2026-01-05", periods=len(values), freq="D")
    if reach is None:
        return pd.DataFrame({"date": dates, "value": values.astype(float), "exposure": np.nan})
    return pd.DataFrame({"date": dates, "value": values / reach, "exposure": reach})


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=hs.integers(0, 2 ** 16), cut=hs.integers(20, 150),
       signal=hs.sampled_from(["comments", "comments_per_reach", "net_followers"]),
       phi=hs.sampled_from([0.0, 0.4]))
def test_days_appended_after_a_day_leave_its_verdict_unchanged(seed, cut, signal, phi):
    """A series of 180 days and the same series cut after day ``cut``: every column of every
    day up to the cut is the same (φ, the drift threshold and the net followers' scale are
    fits on the days before each day, not on the history given)."""
    rng = np.random.default_rng(seed)
    mean = rng.uniform(2, 40) * np.tile([1.2, 1.1, 1.0, 1.0, 1.1, 0.8, 0.8], 26)[:180]
    lam = rng.gamma(1 / phi, phi * mean) if phi else mean
    x = rng.poisson(lam).astype(float)
    x[rng.integers(30, 180)] *= 4                 # an incident somewhere, before or after
    if signal == "net_followers":
        x = x - rng.poisson(mean)
    reach = (rng.uniform(1_000, 5_000, 180).round() if signal == "comments_per_reach"
             else None)
    full = _detect(_series(x, reach), signal, AlertSettings())
    short = _detect(_series(x[:cut], None if reach is None else reach[:cut]), signal,
                    AlertSettings())
    pd.testing.assert_frame_equal(short, full.iloc[:cut].reset_index(drop=True))


def test_the_fit_schedule_by_hand():
    """Daily days tested from position 28 on: the 14th tested day is position 41, so the first
    fit is at 42 (on the 14 days before it); the next needs 28 tested days and 182 days after
    it: position 224 (196 tested before it); the next 392 tested days and 182 days after 224:
    position 420 (392 tested before it, 406 = 224 + 182 reached already)."""
    dates = pd.date_range("2026-01-01", periods=500, freq="D")
    tested = np.arange(500) >= 28
    assert _fit_points(tested, dates).tolist() == [42, 224, 420]
    # tested every other day from 28: the 14th at 54, the first fit at 55; 182 days later
    # (237) 105 were tested (28 to 236), at least 28; then 210 tested needs position 447
    # (the 210th tested day is 28 + 2 × 209 = 446), past 237 + 182 = 419
    sparse = (np.arange(500) >= 28) & (np.arange(500) % 2 == 0)
    assert _fit_points(sparse, dates).tolist() == [55, 237, 447]
    # a history too short for a fit: its tested days are judged with the prior φ
    assert _fit_points(tested[:41], dates[:41]).tolist() == []


def test_the_days_before_the_first_fit_are_judged_with_the_prior_phi():
    """A usual 2 a day, 40 on day 32 (before the first fit, at 42): the days before the fit
    are judged with φ = 1 (a φ measured on 1-13 days swung to 8.4 and limits of 205-634 for
    a usual 1-3). By hand, NB of mean 2 and φ 1 (size 1, geometric): P(X ≥ x) = (2/3)^x, below
    0.001 from x = 18 for a known mean; the level test's predictive holds the error of the
    baseline mean over its 4-8 days (a ratio of gammas, heavy-tailed), measured 27-59 here,
    and the 40 (limit 31 that day) alerts."""
    assert _PRIOR_PHI == 1.0
    rng = np.random.default_rng(5)
    x = rng.poisson(2.0, 60).astype(float)
    x[32] = 40.0
    d = _detect(_series(x), "comments", AlertSettings())
    before = d.iloc[28:42]
    assert before["tested"].all()
    assert (before["upper"] >= 18).all() and (before["upper"] < 60).all()
    assert d["alert"].iloc[32] and d["test"].iloc[32] == "nb_tail"


def test_batched_thresholds_are_those_of_one_calibration_each():
    """The fits of all series calibrated in one Monte Carlo give each the h its own
    calibration gives (each keeps its own draws)."""
    flat, weekly = (1.0,) * 7, (1.2, 1.1, 1.0, 1.0, 1.1, 0.8, 0.8)
    params = [(3.0, flat, 0.0), (12.0, weekly, 0.3), (3.0, flat, 0.0), (40.0, weekly, 0.8)]
    s = AlertSettings()
    st._H_CACHE.clear()
    st._PHI_CACHE.clear()
    batched = st.thresholds(params, s)
    st._H_CACHE.clear()
    st._PHI_CACHE.clear()
    alone = [st.cusum_threshold(lv, f, st.process_phi(lv, f, phi, s), s)
             for lv, f, phi in params]
    assert batched == alone
    assert batched[0] == batched[2]               # a repeated fit: one calibration
    # a first fit (its φ not measured on years, not corrected) is calibrated on a quarter of
    # the chains, 25 of 100, as cusum_threshold with those settings alone gives it
    first = st.first_fit_settings(s)
    assert first.cusum_chains == 25
    st._H_CACHE.clear()
    st._PHI_CACHE.clear()
    mixed = st.thresholds(params, s, [False, True, True, False])
    assert mixed[1:3] == alone[1:3]
    assert mixed[0] == st.cusum_threshold(3.0, flat, 0.0, first)
    assert mixed[3] == st.cusum_threshold(40.0, weekly, 0.8, first)
