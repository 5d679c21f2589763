"""Reputation and crisis alerts from the signals the exports carry (benchmarks-methods.md §4.3).

Signals (:func:`signals`, defined in :mod:`smmanalytics._alert_signals`): negative_feedback,
unfollows, net_followers (a drop is the anomaly), comments, comments_per_reach and
negative_feedback_per_reach (ratios). A missing column or cell is unknown, never zero;
:func:`coverage` lists the unknown signals.

Detection (:func:`alerts`; formulas in :mod:`smmanalytics._alert_stats`)
------------------------------------------------------------------------
1. Baseline: the last 8 same weekdays (default) or the last 28 days with weekday factors.
2. Level: modified z > 3.5 when the baseline median ≥ 10, else the NB exceedance test
   ``P(X ≥ x) < 0.001``; counts below ``min_count`` never alert. The z scale is floored by the
   NB standard deviation (counts cannot vary less than Poisson noise), and a busy day must also
   pass the NB tail (our addition: daily counts are right-skewed, and the z test alone gave
   about 4 false alarms per series-year on overdispersed simulated series, against ≈ 1).
   The NB predictive holds the error of the baseline mean, Poisson and overdispersed, over
   the days it rests on (pooled: the 8 same weekdays of the day's weekday factor, not the 28
   days): on in-control simulated series (weekly rhythm, 0.5-60 a day, φ 0-0.3, 2 years) the
   level test gave 0.79 ± 0.04 false alarms per series-year pooled and 0.42 ± 0.03 weekday
   (1.26 and 0.73 at φ = 0.3), then 0.35 ± 0.03 and 0.30 ± 0.02 (0.61 and 0.49 at φ = 0.3;
   nominal 0.37). Its overdispersed part is the day over its estimated mean, a ratio of
   gammas (F) with a heavier tail than the NB of its variance, and φ is measured without
   the baselines' own error (``_alert_stats.ratio_phi``, ``dispersion``): per series-year,
   pooled and weekday, 512 series each, φ = 0: 0.12 and 0.12 → 0.24 and 0.18; φ = 0.3:
   0.59 and 0.49 → 0.44 and 0.41; φ = 0.6: 1.08 and 0.82 → 0.44 and 0.41; φ = 1: 2.11 and
   1.44 → 0.58 and 0.46 (± 0.01-0.06); a 3-day incident of 3 times the mean found by a level
   alert: 0.46 and 0.48 → 0.46 and 0.48 at φ 0-0.3.
3. Drift: Poisson CUSUM tuned to a doubling, threshold for an in-control ARL ≈ 365 days,
   calibrated by Monte Carlo on the series' own process: the mean and weekday factors of its
   days before the fit judging the day (7; level alerts left out), unrounded, and the φ
   whose series measure the series' φ (``_alert_stats.process_phi``). In-control drift
   alarms per series-year (series as in 2; whole-history fits, see 7 for the causal ones):
   0.76 ± 0.04 pooled and 0.78 ± 0.04 weekday, now 0.93 ± 0.04 and 0.96 ± 0.04 (target 1);
   φ = 1: 1.61 ± 0.13 now 1.15 ± 0.11, a Monday-to-Friday brand at φ = 0.3: 0.55 ± 0.09 now
   0.91 ± 0.12. While a drift alarm is on (until the series is back below the limit) its
   days keep their baseline mean in the later baselines (``_drift``): the baselines took a
   sustained rise in and its alarms faded within 3-4 weeks.
4. Ratio: ``comments_per_reach`` is tested as comments against the expected
   ``μ = p̄ · reach`` of the day, p̄ = (Σ comments + 0.5) / Σ reach over the baseline window,
   with the NB exceedance test (overdispersion estimated on the series). A day with four times
   the reach is expected to have four times the comments. Its predictive holds the rate's
   error as the count test's does (``ratio_phi`` over the window's exposure-weighted days,
   ``(Σ reach)² / Σ reach²``; φ measured without it): in-control series (reach around 3,000 a
   day, 0.1-2 % commenting, 48 per cell, 2 years), level alarms per series-year, weekday and
   pooled baselines: a day's rate lognormal σ = 0.3: 0.72 and 0.55 before, 0.57 and 0.57
   now; σ = 0.6: 1.83 and 1.34 before, 0.55 and 0.82 now (± 0.04-0.18; nominal 0.37); a
   3-day incident of 3 times the rate found by a level alert: 0.60 and 0.69 at σ = 0.3 both
   times, 0.42 and 0.29 → 0.29 and 0.23 at σ = 0.6. ``negative_feedback_per_reach`` is
   tested so too, and on a day it is tested the ``negative_feedback`` count alerts on its
   level only when its rate does too (:data:`_PER_REACH`; its band raised to the rate's
   limit, its drift alarm kept): the hides are negative only, and a launch day of 4 times
   the posts at the usual 0.1 % hide rate alerted on its 46 hides (usual 8.3) and, with its
   comments, was a "warning" (§4.3 5: a ratio test "so that a busy launch day does not
   look like a crisis"), now a watch (its comments). The comments keep their count test
   alone: a comment surge is one to watch whatever the reach (6).
5. Net followers: modified z < −3.5 and (by default) an actual net loss that day. The z scale
   is the larger of the window's robust sd, the series' robust sd (1.4826 × median absolute
   deviation from the baselines over the tested days before the fit judging the day, 7: the
   net of two counts varies more than a short window shows) and 1.
6. Severity (our heuristic, §4.3 item 6): distinct signals (any platform) alerting within
   ``window_days`` (2 days ≈ 48 h at day resolution): the alerts of each span of days ``d`` to
   ``d + window_days`` are judged together, 1 = watch, 2 = warning, ≥ 3 or a ratio plus a
   volume alert of another signal = crisis, and an alert takes the highest tier of the spans
   that hold it. Counted within 2 days on each side of every alert (a 5-day span), Facebook's
   comments of 14 September, X's unfollows of 16 September and Facebook's negative feedback of
   18 September were a crisis though no 48 h held more than two of them: now warnings.
   ``comments`` and ``comments_per_reach`` are one signal there (:data:`_FAMILY`): the ratio is
   the same comments over the day's reach, so a comment surge on a day of usual reach fires
   both, and one post with 400 more comments (a "comment to win" giveaway) was a crisis. A
   comment surge alone is a watch; with negative feedback, unfollows or a net followers drop it
   is a crisis when the ratio alerts too (the comments are many for the reach, and another
   signal agrees), else a warning. The package's comments are all comments, not negative ones
   (§4.1). ``negative_feedback`` and ``negative_feedback_per_reach`` are one signal so too, and
   the hides' rate with the comments, unfollows or a net drop is a crisis as the comments' rate
   with the hides is. ``unfollows`` and ``net_followers`` are one signal too on a day both
   alert: the net change is follows − unfollows of the day (``_alert_signals``), so a day of
   mass unfollows drops the net as well and fired both, one movement seen twice (days apart,
   they are two movements, two signals: X's unfollows of 1 October and a net drop of 3 October
   are a warning): X's 40 and 35 unfollows of 30 September and 1 October (follows 10 a day, net
   −30 and −25) were a "warning" (two signals agree) where one thing happened, now a watch; the
   sample's incident of 13-19 October counted five signals, now three (a crisis both ways).
   §4.3 counts "distinct signals" without saying whether a part of another is distinct; we
   count a family once, and on any platform, as a signal on two platforms counts once
   (Instagram's net loss and X's unfollows of one day are one signal as Instagram's and X's net
   losses are): a rule by account would make the same X mass unfollow two signals or one as X's
   export carried its follows (and so its net) or not. Both stay in the alert list (each is a
   test of its own series; :func:`incidents` names the family, ``seen_twice``).
   Alerts chained at most ``window_days`` apart share an ``incident_id``.
7. Causal fits: a day is judged on the days up to it. Three things are estimated on a series'
   history rather than on a day's baseline: its φ (2, 4), the drift test's threshold h (3) and
   the net followers' series-wide scale (5). Estimated on the whole history given, the
   verdict of a day moved with the data after it: the sample's August 2026 report flagged
   Instagram's comments of 13 August (119 on a usual 20) and the Q3 and 2026 reports did not
   (September's days moved its limit from 149 to 164) and flagged 23 August instead; over
   January-September 2026 the monthly reports held 3 alerts the yearly one dropped and 1 it
   added. Now each series is fitted at points fixed by its own start (:func:`_fit_points`):
   a first fit once 14 of its days were tested, a refit as that count doubles and at least
   182 days after the fit before it, each on the days before its point; a day is judged
   with the latest fit at or before it. Before the first fit each tested day is judged with
   a prior φ of 1 (``_PRIOR_PHI``: measured on 1-13 days φ swung, the sample's TikTok
   comments 1.64, 0.006, 2.91 on three days, Facebook's hides 8.4 on three days, whose limits
   reached 205-634 for a usual 1-3, 27-59 with the prior) and the net followers' scale of
   the days before it, and the drift test does not run yet. A fit's φ is its moment estimate
   plus one standard error when that is larger (``_cautious``): a fit on a few weeks more
   often under- than overestimates φ. A fit's drift threshold is calibrated only when its
   quiet days hold ``_MIN_EVENTS`` = 20 events (no drift test on the days it judges
   otherwise), on weekday factors pulled to 1 by their events, ``(n·f + 5) / (n + 5)`` with
   ``n`` the weekday's days times the level (``_shrunk``): a YouTube unfollows fit on 14 days
   with 2 events (level 0.14, factors (0, 0, 0, 3.5, 3.5, 0, 0), φ 0) had h 2.68 where later
   fits gave 5.5-5.75, and five drift alarms on 1-4 unfollows for months. The
   sample's months, quarters, year and whole history now agree on every common day
   (severity and incident aside for an incident running past a period's end: a span of
   ``window_days`` looks ahead). The sample's daily series are fitted at 3 points, 16
   calibrations instead of 8, made in one batched Monte Carlo (``_alert_stats.thresholds``);
   a first fit's φ is taken as the process's (no ``process_phi``: its correction is that of
   a φ measured on 1,200 days, well within the standard error a 14 days' fit adds) and its
   threshold calibrated on 25 chains, not 100 (``_alert_stats.first_fit_settings``: the
   chains' error in h, 4-5 % with 25, is well below that of a level on 14 days).
   In-control simulated series (weekly rhythm, 0.5-60 a day, weekday baseline, 2 years),
   level and drift alarms per series-year, whole-history fits (96 series) → causal fits with
   ``_cautious`` (48 series): φ = 0: 0.16 and 0.69 → 0.08 and 0.31; φ = 0.3: 0.41 and 0.98
   → 0.32 and 0.75; φ = 1: 0.41 and 0.85 → 0.72 and 0.97, 43 of its 69 level alarms in the
   first 6 months (the first fit rests on 14 days); without ``_cautious`` (96 series) φ = 0.3:
   0.93 and 1.39, φ = 1: 1.39 and 1.59. Re-measured on 48 other series a φ (same
   design), the largest early φ, factors as measured and every fit calibrated → the prior φ,
   ``_MIN_EVENTS``, ``_shrunk`` factors and 25 chains for a first fit: φ = 0: 0.08 and 0.31 →
   0.08 and 0.25; φ = 0.3: 0.32 and 0.60 → 0.30 and 0.60; φ = 1: 0.66 and 0.73 → 0.56 and
   0.60, its level alarms in the first 6 months 31 → 22. The figures of 2-3 above were
   measured with whole-history fits.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field, replace
from html import escape

import numpy as np
import pandas as pd

from . import _alert_stats as _st
from ._actuals import posts_coverage
from ._alert_signals import SIGNALS, coverage, signals, signals_and_gaps
from ._args import frame_with, number, whole
from .errors import ArgumentError, ArgumentTypeError, EmptyDataError, require_dataset
from .periods import days_text, parse_period, post_dates
from .quality import counted

__all__ = ["SIGNALS", "AlertSettings", "Review", "signals", "coverage", "alerts", "review",
           "incidents",
           "backtest", "plot_alert", "plot_alerts", "cusum_k",
           # how a series and its account are keyed and named, for the report's watch too
           "SERIES", "with_account", "account_named"]

logger = logging.getLogger(__name__)

_RATIO = ("comments_per_reach", "negative_feedback_per_reach")
_VOLUME = ("negative_feedback", "unfollows", "net_followers", "comments")
_COUNT = ("negative_feedback", "unfollows", "comments")
#: signals that are one for severity (module docstring, 6): a ratio and the count it divides,
#: the net follower change and the unfollows it subtracts
_FAMILY = {"comments_per_reach": "comments", "negative_feedback_per_reach": "negative_feedback",
           "unfollows": "net_followers"}
#: a count whose level is judged with its rate per reach on the days that rate is tested
#: (module docstring, 4): it alerts on its level only when the rate does too
_PER_REACH = {"negative_feedback": "negative_feedback_per_reach"}
#: the family whose two members are one movement only on a day both alert: the net is the
#: follows less the unfollows *of that day*; the comments and their rate per reach stay one
#: over the range, as the count's drift alarm (CUSUM) may come days into the surge the
#: ratio's level test saw
_SAME_DAY = ("net_followers", "unfollows")
_SEVERITIES = ("watch", "warning", "crisis")
cusum_k = _st.cusum_k

#: ``day_tz`` (signals()'): the zone each row's day counts in; the rows of one incident may be
#: days of different zones (the brand's for posts, Meta's Pacific days, TikTok's and X's UTC)
_ALERT_COLUMNS = ["date", "platform", "account", "signal", "value", "baseline", "score",
                  "threshold", "test", "severity", "incident_id", "incident_severity",
                  "incident_start", "day_tz", "dst_day", "posts"]
#: the columns keying one series of signals(): a platform's signal, or one of its accounts'
#: (``account``); the report's watch groups the period's days by them as untested() does
SERIES = ["platform", "account", "signal"]


@dataclass(frozen=True)
class AlertSettings:
    """Thresholds of the alert tests (defaults follow benchmarks-methods.md §4.3).

    Attributes
    ----------
    baseline : ``"weekday"`` (median of the last ``weekday_weeks`` same weekdays) or
        ``"pooled"`` (last ``pooled_days`` days with weekday factors from ``factor_days``).
    min_history : fewest baseline values needed before a day is tested.
    z_threshold : modified z cut-off (3.5, Iglewicz & Hoaglin).
    busy_median : baseline median from which the z test replaces the NB test (10).
    nb_p : NB exceedance tail probability (0.001 ≈ one false alarm per 1,000 days).
    min_count : a count below this never raises a level alert.
    cusum_ratio, cusum_arl : CUSUM tuned to detect μ1 = ratio·μ0 with in-control ARL (days).
    cusum_chains, cusum_days, seed : Monte Carlo calibration of the CUSUM threshold.
    net_loss_only : a net follower drop alerts only on a day with a net loss.
    window_days : "within 48 h" at day resolution (severity and incident grouping).
    """

    baseline: str = "weekday"
    weekday_weeks: int = 8
    pooled_days: int = 28
    factor_days: int = 56
    min_history: int = 4
    z_threshold: float = 3.5
    busy_median: float = 10.0
    nb_p: float = 0.001
    min_count: float = 3.0
    cusum_ratio: float = 2.0
    cusum_arl: float = 365.0
    cusum_chains: int = 100
    cusum_days: int = 1200
    seed: int = 12345
    net_loss_only: bool = True
    window_days: int = 2

    def __post_init__(self) -> None:
        """Each field checked here, not deep inside :func:`alerts`: a bad one is an
        ArgumentError naming it, what it takes and what came. Whole numbers are kept as int,
        the others as float (``z_threshold=4`` is 4.0)."""
        if self.baseline not in ("weekday", "pooled"):
            raise ArgumentError("unknown baseline", argument="baseline",
                                expected="'weekday' or 'pooled'", got=self.baseline)
        checked = {
            **{name: whole(getattr(self, name), name, 1)
               for name in ("weekday_weeks", "pooled_days", "factor_days", "min_history",
                            "cusum_chains", "cusum_days")},
            "seed": whole(self.seed, "seed", 0),
            "window_days": whole(self.window_days, "window_days", 0),
            **{name: number(getattr(self, name), name, 0, open_low=True)
               for name in ("z_threshold", "busy_median", "cusum_arl")},
            "nb_p": number(self.nb_p, "nb_p", 0, 1, open_low=True, open_high=True),
            "min_count": number(self.min_count, "min_count", 0),
            "cusum_ratio": number(self.cusum_ratio, "cusum_ratio", 1, open_low=True),
        }
        if not isinstance(self.net_loss_only, (bool, np.bool_)):
            raise ArgumentError("not a truth value", argument="net_loss_only",
                                expected="True or False", got=self.net_loss_only)
        window = ("weekday_weeks" if self.baseline == "weekday" else "pooled_days")
        if checked["min_history"] > checked[window]:
            raise ArgumentError("more baseline values than the baseline holds: no day would be "
                                "tested", argument="min_history",
                                expected=f"at most {window} ({checked[window]}) with "
                                f"baseline={self.baseline!r}", got=self.min_history)
        for name, value in checked.items():      # frozen: the checked values, as such
            object.__setattr__(self, name, value)
        object.__setattr__(self, "net_loss_only", bool(self.net_loss_only))


# ---------------------------------------------------------------- detection

def _level_factors(x: np.ndarray, weekday: np.ndarray) -> tuple[float, tuple]:
    """The mean of ``x`` and its weekday factors (mean per weekday / that mean; 1 when unknown),
    as the CUSUM calibration simulates them: level × factor is each weekday's own mean. They
    were rounded (factors to 0.1, the level, the median of the baselines, to 2 digits, φ to
    0.05) for the calibration's cache: the threshold moved with the rounding (φ 0.32 or 0.33:
    h 81 or 94 at 30 a day), and the median of a weekly rhythm is no mean (a Monday-to-Friday
    brand simulated 1.3 times its counts)."""
    overall = float(x.mean()) if x.size else 0.0
    f = [float(x[weekday == w].mean()) / overall if overall > 0 and (weekday == w).any()
         else 1.0 for w in range(7)]
    return overall, tuple(f)


def _detect(series: pd.DataFrame, signal: str, settings: AlertSettings) -> pd.DataFrame:
    """Run the tests of ``signal`` on one platform's series (rows sorted by date).

    Returns one row per day: date, value, baseline, lower, upper, score, threshold, test,
    alert, tested. ``lower`` and ``upper`` are the level test's limits, all its conditions
    included (the NB quantile, the z limit on busy days, ``min_count``, a net loss): a tested
    day alerts on the level test exactly when its value is beyond them (above ``upper``, below
    ``lower``); NaN on untested days. The CUSUM has no daily limit: a drift alert may lie
    within them. Every day is judged on the days up to it (module docstring, 7).
    """
    return _detect_many([(series, signal)], settings)[0]


def _detect_many(items: list[tuple[pd.DataFrame, str]], settings: AlertSettings
                 ) -> list[pd.DataFrame]:
    """:func:`_detect` of each ``(series, signal)``: the level tests series by series, then
    the drift tests' thresholds of all the count series' fits in one batched Monte Carlo
    (:func:`_alert_stats.thresholds`), then their CUSUMs."""
    done = [_level_run(series, signal, settings) for series, signal in items]
    drifts = [d for _, d in done if d is not None]
    # a series' first fit takes its φ as the process's (module docstring, 7): the correction
    # of process_phi is that of a φ measured on years of days; a fit on too few events has
    # no calibration (None, no drift test on its days)
    fits = [(q, i > 0) for d in drifts for i, q in enumerate(d["params"]) if q is not None]
    hs = iter(_st.thresholds([q for q, _ in fits], settings, [m for _, m in fits])
              if fits else [])
    for d in drifts:
        d["h"] = [np.inf if q is None else next(hs) for q in d["params"]]
    return [pd.DataFrame(res if d is None or np.isinf(d["h"]).all()
                         else _with_drift(res, d, settings))
            for res, d in done]


# ---------------------------------------------------------------- fits (causal estimates)
#: A series' overdispersion φ, the drift test's threshold h and the net followers' scale are
#: estimated on a series' own history at fit points fixed by its start (module docstring, 7):
#: a first fit once _FIRST_FIT of its days were tested, a refit as that count doubles and
#: _REFIT_DAYS after the fit before it at the earliest; before the first, the days are judged
#: with the prior φ _PRIOR_PHI and without a drift test
_FIRST_FIT = 14
_REFIT_DAYS = 182
#: the φ of the days before a series' first fit: measured on 1-13 days φ swings (the sample's
#: Facebook hides 8.4 on 3 days, limits of 205-634 for a usual 1-3; its TikTok comments 1.64,
#: 0.006, 2.91 on three days); 1 is the typical φ of the sample's fits (median 0.77, 0.05-2.4)
#: and the top of the simulations' range (module docstring, 2 and 7)
_PRIOR_PHI = 1.0
#: the fewest events (the counts of a fit's quiet days) a drift threshold is calibrated on:
#: on fewer, the level and weekday factors the Monte Carlo simulates are noise (a YouTube
#: unfollows fit on 14 days with 2 events: level 0.14, factors (0, 0, 0, 3.5, 3.5, 0, 0),
#: h 2.68 where later fits gave 5.5-5.75, five drift alarms on 1-4 unfollows); that fit's days
#: have no drift test (module docstring, 7)
_MIN_EVENTS = 20
#: the prior weight, in events, pulling a fit's weekday factors to 1 (:func:`_shrunk`)
_FACTOR_PRIOR = 5.0
_CAUTIOUS = True


def _fit_points(tested: np.ndarray, dates: pd.DatetimeIndex) -> np.ndarray:
    """The positions of a series' fits: a fit at position ``p`` rests on the days before
    ``p`` and judges the days from ``p`` to the next fit. The first once ``_FIRST_FIT`` days
    before it were tested; the next once twice the tested days of the fit before and at
    least ``_REFIT_DAYS`` days after it. Each point depends on the days before it alone
    (``tested``: the level test's days, whose baselines hold earlier days only), so the
    points of a history are those of any longer one."""
    seen = np.concatenate([[0], np.cumsum(np.asarray(tested, dtype=np.int64))])
    days = np.asarray(dates.values.astype("datetime64[D]").astype(np.int64))
    points, need, earliest = [], _FIRST_FIT, None
    while True:
        p = int(np.searchsorted(seen, need, side="left"))
        if earliest is not None:
            p = max(p, int(np.searchsorted(days, earliest, side="left")))
        if p >= len(days):
            return np.array(points, dtype=np.intp)
        points.append(p)
        need, earliest = max(2 * int(seen[p]), need + 1), days[p] + _REFIT_DAYS


def _fit_of(points: np.ndarray, n: int) -> np.ndarray:
    """Per day, the fit that judges it (the last at or before it), −1 before the first."""
    return np.searchsorted(points, np.arange(n), side="right") - 1


def _before_points(x: np.ndarray, points: np.ndarray) -> np.ndarray:
    """``x`` (one row) as one row per fit, NaN from the fit's point on, cut after the last
    point: what each fit sees (the tests' baselines hold earlier days only, so a day cut off
    changes no day before it)."""
    last = max(int(points[-1]), 1)
    cols = np.arange(last)[None, :]
    return np.where(cols < points[:, None], np.asarray(x, dtype=float)[..., :last], np.nan)


def _per_day(points: np.ndarray, fits: np.ndarray, n: int, before: float) -> np.ndarray:
    """The value of the fit judging each day (``before`` ahead of the first), one row."""
    at = _fit_of(points, n)
    out = np.full(n, before, dtype=float)
    if points.size:
        out = np.where(at >= 0, np.asarray(fits, dtype=float)[np.maximum(at, 0)], before)
    return out[None, :]


def _count_fits(x: np.ndarray, weekday: np.ndarray, settings: AlertSettings,
                points: np.ndarray) -> np.ndarray:
    """φ of each fit of a count series (:func:`_st.count_dispersion` on its days before the
    fit's point), the fits measured together as rows."""
    if not points.size:
        return np.zeros(0)
    rows = _before_points(x, points)
    return _cautious(*_st.count_dispersion(rows, rows, weekday[:rows.shape[1]], settings,
                                           error=True))


def _ratio_fits(c: np.ndarray, expo: np.ndarray, weekday: np.ndarray, settings: AlertSettings,
                points: np.ndarray) -> np.ndarray:
    """φ of each fit of a ratio series (as :func:`_ratio_level` measures it on its days
    before the fit's point), the fits measured together as rows."""
    if not points.size:
        return np.zeros(0)
    rows = _before_points(c, points)
    wd = weekday[:rows.shape[1]]
    ex = np.broadcast_to(np.asarray(expo, dtype=float)[..., :rows.shape[1]], rows.shape)

    def rows_baseline(hist: np.ndarray, sel: np.ndarray) -> tuple:
        w = _ratio_baseline(rows[sel], ex[sel], hist, wd, settings)
        return w["mu"], w["tested"], w["days"]

    return _cautious(*_st.count_dispersion(rows, rows, wd, settings, baseline=rows_baseline,
                                           error=True))


def _cautious(phi: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """A fit's φ, or its moment estimate plus one standard error when larger
    (:func:`_alert_stats._phi_error`): an early fit, on a few weeks, more often under- than
    overestimates φ, and the days it judges then alert too easily (module docstring, 7); a
    fit on a year of days has a small error, and its φ is nearly its own."""
    return np.maximum(phi, upper) if _CAUTIOUS else phi


def _level_run(series: pd.DataFrame, signal: str, settings: AlertSettings) -> tuple:
    """The level test of one series (:func:`_detect`'s columns, its drift alerts not yet in)
    and, for a count series, what its drift test needs (None otherwise): the parameters of
    each fit's calibration and the arrays of :func:`_drift`."""
    dates = pd.DatetimeIndex(series["date"])
    x = series["value"].to_numpy(dtype=float)[None, :]
    weekday = np.asarray(dates.day_of_week, dtype=int)
    n = x.shape[1]
    nan = np.full(n, np.nan)
    res = {"date": dates, "value": x[0], "baseline": nan, "lower": nan, "upper": nan,
           "score": nan, "threshold": nan, "test": np.full(n, "", dtype=object),
           "alert": np.zeros(n, dtype=bool), "tested": np.zeros(n, dtype=bool)}
    thr = settings.z_threshold
    drift = None
    if signal in _RATIO:
        expo = series["exposure"].to_numpy(dtype=float)[None, :]
        c = np.round(x * expo)
        first = _ratio_baseline(c, expo, c, weekday, settings)["tested"][0]
        points = _fit_points(first, dates)
        phi = _per_day(points, _ratio_fits(c, expo, weekday, settings, points), n, _PRIOR_PHI)
        lv = _ratio_level(c, expo, c, weekday, settings, phi=phi)
        if lv["alert"].any():    # a past alert leaves the later baselines (see _count_level)
            lv = _ratio_level(c, expo, np.where(lv["alert"], np.nan, c), weekday, settings,
                              phi=phi)
        lv |= _ratio_limits(c, expo, lv, settings)
        res.update(baseline=lv["baseline"][0], upper=lv["upper"][0], score=lv["score"][0],
                   threshold=np.full(n, float(_st.z_equivalent(np.array(settings.nb_p)))),
                   test=np.where(lv["alert"][0], "ratio_nb", ""), alert=lv["alert"][0],
                   tested=lv["tested"][0])
    elif signal in _COUNT:
        first = _st.count_baseline(x, weekday, settings, robust=False)["tested"][0]
        points = _fit_points(first, dates)
        fits = _count_fits(x, weekday, settings, points)
        phi = _per_day(points, fits, n, _PRIOR_PHI)
        lv = _count_level(x, x, weekday, settings, phi=phi)
        history = x
        if lv["alert"].any():    # a past alert leaves the later baselines (see _count_level)
            history = np.where(lv["alert"], np.nan, x)
            lv = _count_level(x, history, weekday, settings, phi=phi)
        lv |= _count_limits(x, lv, settings)
        tested = lv["tested"]
        res.update(baseline=lv["baseline"][0], upper=lv["upper"][0], score=lv["score"][0],
                   threshold=lv["threshold"][0],
                   test=np.where(lv["alert"], np.where(lv["busy"], "robust_z", "nb_tail"),
                                 "")[0],
                   alert=lv["alert"][0], tested=tested[0])
        if tested.any() and points.size:
            drift = {"x": x, "history": history, "weekday": weekday, "points": points,
                     "params": _drift_params(x[0], weekday, tested[0] & ~lv["alert"][0],
                                             tested[0], points, fits)}
    else:  # net_followers: a drop is the anomaly
        st = _st.window_stats(_st.baseline_window(x, weekday, settings))
        enough = st["count"] >= settings.min_history
        dev = np.abs(x - st["median"])[0]
        scale = np.maximum(np.maximum(st["sd"], _net_scale(dev, enough[0], dates)), 1.0)
        z = _st.robust_z(x, st["median"], scale)
        tested = enough & np.isfinite(z)
        alert = tested & (z < -thr) & ((x < 0) if settings.net_loss_only else True)
        lower = st["median"] - thr * scale
        lower = np.minimum(lower, 0.0) if settings.net_loss_only else lower
        res.update(baseline=st["median"][0], lower=np.where(tested, lower, np.nan)[0],
                   score=-z[0], threshold=np.full(n, thr),
                   test=np.where(alert[0], "robust_z_drop", ""), alert=alert[0],
                   tested=tested[0])
    return res, drift


def _net_scale(dev: np.ndarray, enough: np.ndarray, dates: pd.DatetimeIndex) -> np.ndarray:
    """The net followers' series-wide robust sd judging each day (one row): 1.4826 × the
    median absolute deviation from the baselines over the days with a baseline before the
    day's fit (:func:`_fit_points`); before the first fit, over the days with a baseline
    before the day itself (0 on the first: the window's sd and 1 alone)."""
    ok = enough & np.isfinite(dev)
    points = _fit_points(ok, dates)
    n = len(dev)
    fits = [_st.MAD_SD * float(np.median(dev[:p][ok[:p]])) for p in points]
    early = np.zeros(n)
    for t in range(int(points[0]) if points.size else n):
        seen = dev[:t][ok[:t]]
        early[t] = _st.MAD_SD * float(np.median(seen)) if seen.size else 0.0
    out = _per_day(points, np.array(fits), n, 0.0)
    at = _fit_of(points, n)
    return np.where(at[None, :] >= 0, out, early[None, :])


def _drift_params(x: np.ndarray, weekday: np.ndarray, quiet: np.ndarray, tested: np.ndarray,
                  points: np.ndarray, fits: np.ndarray) -> list[tuple | None]:
    """The calibration parameters ``(level, factors, φ)`` of each fit of a count series: the
    mean and weekday factors (:func:`_shrunk`) of its tested days before the fit's point, the
    level alerts left out (an incident, as from the baselines; all its tested days when every
    one alerted), and the fit's φ; None for a fit whose days hold fewer than ``_MIN_EVENTS``
    events (no drift test on its days)."""
    params = []
    for p, phi in zip(points, fits, strict=True):
        days = quiet[:p] if quiet[:p].any() else tested[:p]
        values, wd = x[:p][days], weekday[:p][days]
        if values.sum() < _MIN_EVENTS:
            params.append(None)
            continue
        level, factors = _level_factors(values, wd)
        params.append((level, _shrunk(factors, level, wd), float(phi)))
    return params


def _shrunk(factors: tuple, level: float, weekday: np.ndarray) -> tuple:
    """Weekday factors pulled to 1 by the events they rest on: ``(n·f + k) / (n + k)`` with
    ``n`` the weekday's days times the level (its events at a flat rhythm) and ``k`` =
    ``_FACTOR_PRIOR``: a first fit's 2 days a weekday make a factor of one Saturday's
    comments (a fit of 14 days at 0.36 a day had factors 0-2.8), while a year's 52 days at
    5 a day keep a Monday-to-Friday rhythm (a weekend factor 0 stays 0.02)."""
    n = np.bincount(weekday, minlength=7)[:7] * level
    f = np.asarray(factors, dtype=float)
    return tuple(float(v) for v in (n * f + _FACTOR_PRIOR) / (n + _FACTOR_PRIOR))


def _with_drift(res: dict, d: dict, settings: AlertSettings) -> dict:
    """``res`` (:func:`_level_run`'s) with the drift alerts of its series: the CUSUM of each
    day against the threshold of the fit judging it (no drift test before the first fit)."""
    n = len(res["value"])
    h = _per_day(d["points"], np.array(d["h"]), n, np.inf)[0]
    s, alarm = _drift(d["x"], d["history"], d["weekday"], settings, h)
    drift = alarm[0] & ~res["alert"]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = s[0] / np.maximum(h, 1e-9)
    return {**res, "score": np.where(drift, rel, res["score"]),
            "threshold": np.where(drift, 1.0, res["threshold"]),
            "test": np.where(drift, "cusum", res["test"]), "alert": res["alert"] | drift}


def _drift(x: np.ndarray, history: np.ndarray, weekday: np.ndarray, settings: AlertSettings,
           h: float) -> tuple[np.ndarray, np.ndarray]:
    """The CUSUM of a count series (``S``, alarm), its baseline frozen while an alarm is on.

    The baselines follow the series: under a sustained rise they took it in and its drift
    alarms faded within 3-4 weeks. While an alarm is on (:func:`_alert_stats.alarm_episodes`:
    from the alarm until the series is back below the limit) its days hold, in the baselines
    of the days after them, their own baseline mean instead of their count, and the days after
    an alarm day are judged against those baselines: the baseline stays where it was when the
    alarm came (as Farrington et al. 1996 keep past outbreaks out of it, benchmarks-methods.md
    §4.2, and as the level test's alerts leave the later baselines; a window never empties,
    as it would with the days left out) and the alarms go on. Once the alarm is off the usual
    baselines come back, its days included: a false alarm leaves the days after it as they
    were, so the in-control rate does not rise. A day's baseline holds earlier days only and
    whether they were in an alarm is known by then, so a day's alarm never depends on later
    data: the days are taken in order, each one's baseline from the days before it as they
    were held (one pass; rounds of the whole series until nothing changed took one per
    episode, 48 on 4 years of alternating rises at h = 4, 1.8 s). Without an alarm it is the
    CUSUM of before; the threshold, calibrated on the first alarm of in-control series, is
    the same.

    A rise of 60 % lasting 8 weeks at 10 a day (φ 0.1, 20 seeds): 1.75 of its 8 weeks held a
    drift alarm, none in weeks 7-8 (the seeds alerting in each week 8, 10, 5, 8, 2, 2, 0, 0),
    now 3.0 (8, 10, 8, 9, 6, 9, 5, 5), none in the 4 weeks after it either way; flat series
    of 10 a day (φ 0.1, 20 seeds of 2 years): 0.884 drift alarms a series-year before and
    after (34 alarms, the same days).
    """
    h = np.broadcast_to(np.asarray(h, dtype=float), (x.shape[1],))   # per day: its fit's
    usual = _st.count_baseline(x, weekday, settings, robust=False, history=history)
    tested = usual["tested"] & np.isfinite(h)[None, :]
    mu = np.where(tested, usual["mu"], 1.0)
    # the reference values of the usual baselines, every day at once; a frozen day's own are
    # computed on its day (:func:`_drift_row`)
    k = _st.cusum_k(mu, settings.cusum_ratio * mu)
    back = _st.return_k(mu, settings.cusum_ratio)
    starts = _st.window_starts(weekday, settings)
    s, alarm = np.zeros(x.shape), np.zeros(x.shape, dtype=bool)
    for i in range(x.shape[0]):          # the rows are independent series
        s[i], alarm[i] = _drift_row(x[i], history[i], tested[i], mu[i], k[i], back[i], h,
                                    weekday, starts, settings)
    return s, alarm


def _drift_row(x: np.ndarray, history: np.ndarray, tested: np.ndarray, mu: np.ndarray,
               k: np.ndarray, back: np.ndarray, h: np.ndarray, weekday: np.ndarray,
               starts: np.ndarray, settings: AlertSettings) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_drift` of one series, its days in order on Python floats: the CUSUM
    (:func:`_alert_stats.cusum_step`) and the alarm's episode (:func:`_alert_stats.episode_step`)
    day by day, the same operations on the same doubles as those whole-array steps. Only the
    days after an alarm day (frozen) read a baseline of their own, from the days before them
    as they were held, and their ``k`` and ``k'`` from it (as 1-element arrays, as the rows
    of the step functions had them); every other day has the usual ones, computed once for
    the whole series (a loop of numpy calls on 1-element arrays spent 0.12 s a series of 730
    days, 176k calls of ``cusum_k`` over a review's 80 series)."""
    n = len(x)
    s, alarm = np.zeros(n), np.zeros(n, dtype=bool)
    held = None                           # a frozen day holds its baseline mean, once needed
    xs, ts, hs = x.tolist(), tested.tolist(), np.asarray(h, dtype=float).tolist()
    ks, backs, nan = k.tolist(), back.tolist(), np.isnan(history).tolist()
    carried, episode, low, frozen = 0.0, False, 0.0, False
    for t in range(n):
        if frozen and ts[t]:
            if held is None:
                held = np.array(history, dtype=float)[None, :]
            own = _st.day_baseline(held, weekday, settings, t, starts[t])
            mu[t] = own[0]
            ks[t] = float(_st.cusum_k(own, settings.cusum_ratio * own)[0])
            backs[t] = float(_st.return_k(own, settings.cusum_ratio)[0])
        inc = xs[t] - ks[t] if ts[t] else 0.0
        cur = _max0(carried + inc)
        hit = cur > hs[t]
        on = hit and ts[t]
        s[t], alarm[t] = cur, on
        carried = 0.0 if hit else cur
        episode = episode or on
        low = _max0(low + (backs[t] - xs[t] if ts[t] else 0.0))
        episode = episode and not low > hs[t]
        low = low if episode else 0.0
        frozen = episode and not nan[t]   # a level alert's day is out already
        if held is not None:
            held[0, t] = mu[t] if frozen else history[t]
        elif frozen:
            held = np.array(history, dtype=float)[None, :]
            held[0, t] = mu[t]
    return s, alarm


def _max0(v: float) -> float:
    """``np.maximum(0.0, v)`` of one double: NaN stays NaN."""
    return v if v > 0.0 or v != v else 0.0


# Level tests. A day that alerts leaves the baselines of the days after it (a second pass with
# that day set to NaN in the windows, as Farrington's method down-weights past outbreaks): a
# spike of 2,000 in the last 8 same weekdays raised their mean tenfold and hid a second
# incident of 200 the week after. The alerting day's own baseline holds only earlier days.
# The series' overdispersion φ is the first pass's, measured against baselines free of the
# outlying days and their busy neighbours (``_alert_stats.count_dispersion``): measured against
# the first pass's baselines, the quiet weeks after an incident read far below the mean it had
# raised and inflated φ (the sample's Instagram comments: 0.75, its 245 on a usual 31.5 no
# level alert, the limit 304; now 0.52, the limit 227), while against the second pass's the
# incident's days that do not alert would inflate it until nothing is rare any more.

def _count_level(x: np.ndarray, history: np.ndarray, weekday: np.ndarray,
                 settings: AlertSettings, phi: np.ndarray | None = None
                 ) -> dict[str, np.ndarray]:
    """The level test of a count series, its baselines taken from ``history`` (its φ
    estimated, unless given): the days that alert, and what :func:`_count_limits` reads.

    The NB tail is computed on the days it decides alone (tested, ``min_count`` or more and,
    on busy days, past the z limit): elsewhere a day does not alert whatever its tail. A
    first pass, whose alerts only leave the later baselines, needs nothing more."""
    thr = settings.z_threshold
    st = _st.count_baseline(x, weekday, settings, history=history)
    tested = st["tested"]
    # the mean's error: Poisson from the counts it rests on, overdispersed from its days
    days = _st.mean_days(history, weekday, settings)
    if phi is None:
        phi = _st.count_dispersion(x, history, weekday, settings, (st["mu"], tested, days))
    mu = np.where(tested, st["mu"], 1.0)
    r = _st.nb_size(phi, days * mu - 0.5, days, settings.nb_p)
    busy = st["median"] >= settings.busy_median
    scale = np.maximum(st["sd"], np.sqrt(mu * (1 + _st._col(phi) * mu)))
    z = _st.robust_z(x, st["median"], scale)
    may = tested & (x >= settings.min_count) & (~busy | (z > thr))
    alert, tail = _tails_below(x, mu, r, may, settings.nb_p)
    return {"alert": alert, "tested": tested, "busy": busy, "mu": mu, "phi": phi, "r": r,
            "mean": st["mu"], "median": st["median"], "scale": scale, "z": z, "tail": tail}


def _tails_below(x: np.ndarray, mu: np.ndarray, r: np.ndarray, may: np.ndarray, q: float
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The days of ``may`` whose NB tail is below ``q``, and the tails (NaN off ``may``):
    the limits' scores (:func:`_count_limits`, :func:`_ratio_limits`) read them back rather
    than computing the same tails again."""
    tail = np.full(np.shape(x), np.nan)
    tail[may] = _st.nb_tail(x[may], mu[may], r[may])
    alert = np.zeros_like(may)
    alert[may] = tail[may] < q
    return alert, tail


def _tested_tails(x: np.ndarray, lv: dict[str, np.ndarray]) -> np.ndarray:
    """The NB tails of the tested days of a level test's ``lv``: those its alerts computed
    (``lv["tail"]``), the others computed here."""
    tested = lv["tested"]
    tail = (lv["tail"] if "tail" in lv else np.full(np.shape(x), np.nan))[tested]
    todo = np.isnan(tail)
    tail[todo] = _st.nb_tail(x[tested][todo], lv["mu"][tested][todo], lv["r"][tested][todo])
    return tail


def _count_limits(x: np.ndarray, lv: dict[str, np.ndarray], settings: AlertSettings
                  ) -> dict[str, np.ndarray]:
    """The rest of the level test of a count series (:func:`_count_level`'s ``lv``): the
    baseline shown, each day's score and threshold, and its limit ``upper`` (the score and
    the limit computed on the tested days alone: NaN elsewhere)."""
    thr = settings.z_threshold
    tested, busy = lv["tested"], lv["busy"]
    mu, r, z = lv["mu"][tested], lv["r"][tested], lv["z"][tested]
    score, upper = np.full(x.shape, np.nan), np.full(x.shape, np.nan)
    score[tested] = np.where(busy[tested], z, _st.z_equivalent(_tested_tails(x, lv)))
    # the count must pass every condition: the NB tail, min_count and, on busy days, z
    limit = np.maximum(_st.nb_upper(settings.nb_p, mu, r), settings.min_count - 1)
    z_limit = (lv["median"] + thr * lv["scale"])[tested]
    upper[tested] = np.where(busy[tested], np.maximum(limit, z_limit), limit)
    threshold = np.where(busy, thr, float(_st.z_equivalent(np.array(settings.nb_p))))
    return {"baseline": np.where(busy, lv["median"], lv["mean"]), "upper": upper,
            "score": score, "threshold": threshold}


def _ratio_baseline(c: np.ndarray, expo: np.ndarray, history: np.ndarray,
                    weekday: np.ndarray, settings: AlertSettings) -> dict[str, np.ndarray]:
    """Each day's baseline of a ratio series (counts ``c`` over ``expo``) from the days where
    ``history`` is not NaN: its rate ``pbar`` = (Σ counts + 0.5) / Σ exposure of the window,
    expected count ``mu`` (1 where not tested), ``tested``, the window's counts ``tot_c`` and
    its exposure-weighted days ``days`` ((Σn)²/Σn²: the rate's error, as :func:`_st.nb_size`
    takes a count's)."""
    groups, k = ((weekday, settings.weekday_weeks) if settings.baseline == "weekday"
                 else (None, settings.pooled_days))
    h_c = _st.lagged_windows(history, groups, k)
    h_n = _st.lagged_windows(np.where(np.isnan(history), np.nan, expo), groups, k)
    count = np.sum(~np.isnan(h_c), axis=2)
    tot_c, tot_n = np.nansum(h_c, axis=2), np.nansum(h_n, axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        pbar = (tot_c + 0.5) / tot_n
    tested = (count >= settings.min_history) & (tot_n > 0) & (expo > 0) & np.isfinite(c)
    with np.errstate(divide="ignore", invalid="ignore"):
        days = np.where(tested, tot_n ** 2 / np.nansum(h_n ** 2, axis=2), 1.0)
    return {"pbar": pbar, "mu": np.where(tested, pbar * expo, 1.0), "tested": tested,
            "tot_c": tot_c, "days": np.maximum(np.nan_to_num(days, nan=1.0), 1.0)}


def _ratio_level(c: np.ndarray, expo: np.ndarray, history: np.ndarray, weekday: np.ndarray,
                 settings: AlertSettings, phi: np.ndarray | None = None
                 ) -> dict[str, np.ndarray]:
    """The level test of a ratio series (counts ``c`` over ``expo``), its baselines taken from
    the days where ``history`` is not NaN (its φ estimated, unless given): the days that
    alert, and what :func:`_ratio_limits` reads.

    φ is measured as a count's (:func:`_st.count_dispersion`), against baselines free of the
    series' outlying days: against the first pass's, the days after an incident read far
    below the rate it had raised and inflated φ. The sample's Facebook negative feedback per
    reach measured φ 0.52 over its history to 31 October 2026 (0 to 16 October: the quiet
    days after the incident of 13-16 October did it), under which 120 hides on 13 October
    (29,579 reach at a usual 0.145 %, 43.0 expected) and 89 on 14 October (11,800 reach at
    0.096 %, 11.4 expected) lay within limits of 572 and 112; now φ 0.04, the limits 126 and
    32: 14 October alerts. 13 October does not (a tail of 0.0018): its usual rate rests on 9
    hides over 4 Tuesdays whose reach weighs as 2.4 days. In-control rates (reach 1,500-4,500
    a day, 0.5 %, lognormal σ 0.3, 20 seeds of 2 years) alert as before, 0.494 a series-year
    (the same 19 days), and a 3-day incident of 3 times the rate is found in 20 of 20."""
    b = _ratio_baseline(c, expo, history, weekday, settings)
    tested, mu, days = b["tested"], b["mu"], b["days"]
    if phi is None:
        def rows_baseline(hist: np.ndarray, rows: np.ndarray) -> tuple:
            w = _ratio_baseline(c[rows], expo[rows], hist, weekday, settings)
            return w["mu"], w["tested"], w["days"]

        phi = _st.count_dispersion(c, history, weekday, settings, (mu, tested, days),
                                   baseline=rows_baseline)
    r = _st.nb_size(phi, b["tot_c"], days, settings.nb_p)
    may = tested & (c >= settings.min_count)
    alert, tail = _tails_below(c, mu, r, may, settings.nb_p)
    return {"alert": alert, "tested": tested, "phi": phi, "pbar": b["pbar"], "mu": mu, "r": r,
            "tail": tail}


def _ratio_limits(c: np.ndarray, expo: np.ndarray, lv: dict[str, np.ndarray],
                  settings: AlertSettings) -> dict[str, np.ndarray]:
    """The rest of the level test of a ratio series (:func:`_ratio_level`'s ``lv``): the
    baseline rate, each day's score and its limit ``upper`` (a rate), on the tested days
    (NaN elsewhere)."""
    tested = lv["tested"]
    mu, r = lv["mu"][tested], lv["r"][tested]
    score, upper = np.full(c.shape, np.nan), np.full(c.shape, np.nan)
    score[tested] = _st.z_equivalent(_tested_tails(c, lv))
    upper[tested] = (np.maximum(_st.nb_upper(settings.nb_p, mu, r), settings.min_count - 1)
                     / expo[tested])
    return {"baseline": np.where(tested, lv["pbar"], np.nan), "upper": upper, "score": score}


def with_account(sig: pd.DataFrame) -> pd.DataFrame:
    """``sig`` with its ``account`` column, empty (the platform's series) in a frame of
    signals, detections or alerts made by hand without one: grouped by :data:`SERIES`, here
    and in the report's watch, such a frame would raise a KeyError."""
    return sig if "account" in sig.columns else sig.assign(account="")


def _detect_all(sig: pd.DataFrame, settings: AlertSettings) -> pd.DataFrame:
    """:func:`_detect` on every (platform, account, signal) series, with their keys; the
    counts of :data:`_PER_REACH` judged with their rates (:func:`_judged_per_reach`)."""
    groups = [(key, g.sort_values("date")) for key, g in with_account(sig).groupby(
        SERIES, observed=True, sort=True)]
    runs = _detect_many([(g, str(key[2])) for key, g in groups], settings)
    parts = []
    for ((platform, account, signal), g), d in zip(groups, runs, strict=True):
        parts.append(d.assign(platform=str(platform), account=str(account), signal=str(signal),
                              day_tz=g["day_tz"].to_numpy(), dst_day=g["dst_day"].to_numpy(),
                              posts=g["posts"].to_numpy(), exposure=g["exposure"].to_numpy(
                                  dtype=float, na_value=np.nan)))
    if not parts:
        return pd.DataFrame()
    det = pd.concat(parts, ignore_index=True)
    for count, rate in _PER_REACH.items():
        det = _judged_per_reach(det, count, rate)
    return det.drop(columns="exposure")


def _judged_per_reach(det: pd.DataFrame, count: str, rate: str) -> pd.DataFrame:
    """``det`` with the level alerts of ``count`` kept only where its rate per reach
    (``rate``), tested that day, alerts too (module docstring, 4), and their limit ``upper``
    raised to the rate's (in counts: the rate's limit times its reach, plus the day's count
    of posts without a reach), so that a day still alerts on its level exactly when it lies
    beyond it. A drift alarm (CUSUM) stays: the rate has none."""
    keys = ["platform", "account", "date"]
    r = det.loc[(det["signal"] == rate) & det["tested"],
                [*keys, "value", "upper", "alert", "exposure"]]
    rows = det.index[det["signal"] == count]
    m = det.loc[rows, keys].merge(r, on=keys, how="left").set_index(rows)
    judged = (m["alert"].notna() & det.loc[rows, "tested"]).to_numpy(bool)
    if not judged.any():
        return det
    out = det.copy()
    at = rows[judged]
    m = m.loc[at]
    x = out.loc[at, "value"].to_numpy(float)
    others = x - np.round(m["value"].to_numpy(float) * m["exposure"].to_numpy(float))
    out.loc[at, "upper"] = np.fmax(out.loc[at, "upper"].to_numpy(float),
                                   m["upper"].to_numpy(float) * m["exposure"].to_numpy(float)
                                   + others)
    quiet = out.loc[at, "alert"].to_numpy(bool) & (out.loc[at, "test"] != "cusum").to_numpy(
        bool) & ~m["alert"].to_numpy(bool)
    out.loc[at[quiet], ["alert", "test"]] = [False, ""]
    return out


def _severity(al: pd.DataFrame, window: int) -> pd.DataFrame:
    """Severity per alert and incident ids (alerts chained at most ``window`` days apart);
    the rule is the module docstring's (6): each span of days ``d`` to ``d + window`` is
    judged on its own, and an alert takes the highest tier of the spans that hold it."""
    date = al["date"].to_numpy(dtype="datetime64[ns]")
    sig = al["signal"].astype(str).to_numpy()
    # the span that begins on each alert's day (every span's alerts lie in one that begins on
    # its first alert's day), as a range of the alerts sorted by date: [first[i], last[i])
    order = np.argsort(date, kind="stable")
    ordered = date[order]
    reach = np.timedelta64(window, "D")
    first = np.searchsorted(ordered, date, side="left")
    last = np.searchsorted(ordered, date + reach, side="right")
    level = _span_level(sig, date, order, first, last)
    # an alert of day t lies in the spans beginning on days t - window to t: their highest
    # tier, by calendar day (a rolling maximum over window + 1 days)
    days = pd.Series(level, index=date).groupby(level=0).max()
    days = days.reindex(pd.date_range(days.index.min(), days.index.max(), freq="D"))
    best = days.rolling(window + 1, min_periods=1).max()
    return _with_incidents(al, best.reindex(date).to_numpy(dtype=np.int64), window)


def _span_level(sig: np.ndarray, date: np.ndarray, order: np.ndarray, first: np.ndarray,
                last: np.ndarray) -> np.ndarray:
    """The tier (0 watch, 1 warning, 2 crisis) of the alerts of each range ``[first[i],
    last[i])`` of the alerts sorted by date (``order``), by the module docstring's rule (6)."""
    # seen[i, s]: signal s alerts within range i (a count of s over the range, from the
    # running counts of s in date order)
    kinds = np.unique(sig)
    running = np.zeros((len(sig) + 1, len(kinds)), dtype=np.int64)
    running[1:] = np.cumsum(sig[order][:, None] == kinds[None, :], axis=0)
    seen = (running[last] - running[first]) > 0
    # a ratio and its own count, the unfollows and the net, are one signal each
    # (:data:`_FAMILY`): counted once, and the ratio's volume alert must be of another signal
    family = np.array([_FAMILY.get(k, k) for k in kinds])
    n_sig = np.stack([seen[:, family == f].any(axis=1) for f in np.unique(family)],
                     axis=1).sum(axis=1)
    # ... but the unfollows and the net only where one day of the range has both: apart, they
    # are two movements (X's unfollows of 1 October are no part of a net drop of 5 October)
    paired = np.cumsum(np.r_[0, _same_day_pair(date, sig)[order]])
    n_sig += (seen[:, np.isin(kinds, _SAME_DAY)].sum(axis=1) == len(_SAME_DAY)) & (
        paired[last] == paired[first])
    # a ratio with a volume alert of another signal than its own count: the comments per
    # reach with the negative feedback, the negative feedback per reach with the comments
    volume = np.isin(kinds, _VOLUME)
    agree = np.zeros(len(sig), dtype=bool)
    for r in np.intersect1d(kinds, _RATIO):
        other = seen[:, volume & (family != _FAMILY[r])].any(axis=1)
        agree |= seen[:, kinds == r][:, 0] & other
    return np.where((n_sig >= 3) | agree, 2, np.where(n_sig == 2, 1, 0))


def _same_day_pair(date: np.ndarray, sig: np.ndarray) -> np.ndarray:
    """Per alert: it is one of :data:`_SAME_DAY` and the other alerts on its day too (any
    platform), one movement seen twice (module docstring, 6)."""
    both = functools.reduce(np.intersect1d, (date[sig == s] for s in _SAME_DAY))
    return np.isin(sig, _SAME_DAY) & np.isin(date, both)


def _with_incidents(al: pd.DataFrame, level: np.ndarray, window: int) -> pd.DataFrame:
    """``al`` with each alert's severity (``level``: 0 watch, 1 warning, 2 crisis), its
    incident (alerts chained at most ``window`` days apart), the incident's severity and its
    first day."""
    days = np.sort(al["date"].unique())
    new = np.r_[True, np.diff(days) > np.timedelta64(window, "D")]
    incident = pd.Series(np.cumsum(new), index=days)
    out = al.assign(_lvl=level, incident_id=incident.reindex(al["date"]).to_numpy())
    out["_inc"] = out.groupby("incident_id")["_lvl"].transform("max")
    # the incident's first alert, kept on each row: a period's rows alone (alerts with a
    # period) would start an incident begun before it on the period's first day
    out["incident_start"] = out.groupby("incident_id")["date"].transform("min")
    names = np.array(_SEVERITIES, dtype=object)
    return out.assign(severity=names[out["_lvl"]], incident_severity=names[out["_inc"]]
                      ).drop(columns=["_lvl", "_inc"])


def _period(period) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """``None``, or any period :func:`~smmanalytics.periods.parse_period` reads (a month, a
    quarter, a year, two dates, a Period) → its inclusive naive day bounds."""
    if period is None:
        return None
    p = parse_period(period)
    return pd.Timestamp(p.start), pd.Timestamp(p.end)


def _within_data(ds, period, what: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """:func:`_period`'s bounds, or an EmptyDataError when the period lies wholly before or
    after the data's days: its empty alerts read as a quiet month (``smm.alerts(ds,
    "2027-01")`` gave an empty frame where :func:`review` and ``smm alerts`` said no data)."""
    bounds = _period(period)
    if bounds is not None:
        first, last = ds.span(web=False)
        if first is not None and (bounds[1].date() < first or bounds[0].date() > last):
            raise EmptyDataError(
                f"no data falls in {parse_period(period).label}: nothing to {what}; expected "
                f"a period within the data's days, {first.isoformat()} to {last.isoformat()}")
    return bounds


def _empty_alerts() -> pd.DataFrame:
    return pd.DataFrame({
        "date": pd.Series(dtype="datetime64[ns]"), "platform": pd.Series(dtype="string"),
        "account": pd.Series(dtype="string"), "signal": pd.Series(dtype="string"),
        "value": pd.Series(dtype="Float64"), "baseline": pd.Series(dtype="Float64"),
        "score": pd.Series(dtype="Float64"),
        "threshold": pd.Series(dtype="Float64"), "test": pd.Series(dtype="string"),
        "severity": pd.Series(dtype="string"), "incident_id": pd.Series(dtype="Int64"),
        "incident_severity": pd.Series(dtype="string"),
        "incident_start": pd.Series(dtype="datetime64[ns]"), "day_tz": pd.Series(dtype="string"),
        "dst_day": pd.Series(dtype="boolean"), "posts": pd.Series(dtype="Int64")})


def _alerts_from(det: pd.DataFrame, settings: AlertSettings) -> pd.DataFrame:
    if det.empty or not det["alert"].any():
        return _empty_alerts()
    al = with_account(det.loc[det["alert"]]).sort_values(["date", *SERIES]).reset_index(
        drop=True)
    al = _severity(al, settings.window_days)
    out = pd.DataFrame({c: al[c].to_numpy() for c in _ALERT_COLUMNS})
    return out.astype(_empty_alerts().dtypes.to_dict())


def _settings(settings) -> AlertSettings:
    """``settings``, or the defaults for None; anything else (a dict of thresholds) is an
    ArgumentTypeError saying how to make one."""
    if settings is None:
        return AlertSettings()
    if not isinstance(settings, AlertSettings):
        raise ArgumentTypeError("not alert settings", argument="settings",
                                expected="an AlertSettings, such as "
                                "smm.AlertSettings(z_threshold=4.0), or None",
                                got=type(settings).__name__)
    return settings


def alerts(ds, period=None, *, settings: AlertSettings | None = None) -> pd.DataFrame:
    """Alerts on the Dataset's signals, optionally limited to a period.

    Without ``period`` the tests run on the whole history. With one, they run on the history
    up to the period's end (baselines need the days before it), as the period's report and
    ``smm alerts --period`` judge it. Every day is judged on the days up to it: the series'
    overdispersion, the drift test's threshold and the net followers' scale are fits at
    points fixed by the series' start (module docstring, 7), so data arriving after a day
    never change its verdict, and a month's alerts are the rows of that month in its
    quarter's, its year's and the whole history's (the sample's August 2026 flagged
    Instagram's comments of 13 August, and its Q3 did not, before). Only ``severity`` and the
    incident columns of an alert within ``window_days`` of the period's end may differ: the
    days after it may add signals to its incident.

    Parameters
    ----------
    ds : Dataset
    period : a month ``"YYYY-MM"``, quarter ``"YYYY-Qn"``, year ``"YYYY"``, ``(start, end)``,
        a Period, or None (all days).
    settings : AlertSettings, optional

    Returns
    -------
    DataFrame
        One row per (date, platform, account, signal) alert: account (the account whose own
        series alerted, when its platform has several, by its handle where its posts give one;
        empty for a platform's one series), value, baseline (window median, or the NB
        mean μ for the low-count test, or p̄ for the ratio), score and threshold (robust z; the
        z-equivalent of the NB tail probability; S/h for the CUSUM), test (robust_z, nb_tail,
        cusum, ratio_nb, robust_z_drop), severity (watch, warning, crisis; module docstring),
        incident_id, incident_severity and incident_start (the incident's first alert day,
        before the period for an incident begun before it: its earlier rows are not the
        period's), day_tz (the zone the row's ``date`` is a day of, as in :func:`signals`:
        the brand's for post-based signals, the platform's own for account series, such as
        Meta's Pacific days and TikTok's and X's UTC days; one incident may mix them, its
        Facebook comments of 13 October a Paris day and its net followers of the same date a
        Los Angeles day), dst_day, posts. Empty when nothing alerts or the signals are
        unknown.

    Raises
    ------
    ArgumentTypeError
        When ``ds`` is not a Dataset (a posts frame, say), or ``settings`` no AlertSettings.
    EmptyDataError
        When ``period`` lies wholly before or after the data's days, as :func:`review` and
        ``smm alerts --period`` say: its empty frame read as a quiet month.
    PeriodError
        When ``period`` cannot be read.

    Examples
    --------
    >>> ds = smm.load("data/sample/maison-seve")         # doctest: +SKIP
    >>> smm.alerts(ds, period="2026-10")                  # doctest: +SKIP
    """
    require_dataset(ds, "alerts")
    settings = _settings(settings)
    bounds = _within_data(ds, period, "check for alerts")
    judged = ds if bounds is None else _up_to(ds, bounds[1].date())
    return _alerts_in(_detect_all(signals(judged), settings), settings, bounds)


def _alerts_in(det: pd.DataFrame, settings: AlertSettings, bounds,
               al: pd.DataFrame | None = None) -> pd.DataFrame:
    """The alerts of a detection run (:func:`_detect_all`), limited to ``bounds`` if given;
    ``al``: its :func:`_alerts_from`, when already made."""
    out = _alerts_from(det, settings) if al is None else al
    if bounds is not None:
        out = out.loc[(out["date"] >= bounds[0]) & (out["date"] <= bounds[1])]
    logger.info("%d alerts in %d incidents", len(out), out["incident_id"].nunique())
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class Review:
    """A period's alerts and the back-test, from one detection run (see :func:`review`).

    ``period_days``: the period's days with a value of a known signal (date, platform, signal,
    value, tested), ``tested`` False on a day with too short a history before it (fewer than
    ``min_history`` earlier same weekdays with a value): an incident on such a day raises no
    alert, so the period's "no alert" holds for its tested days only. A known account series
    (X's unfollows, net followers) also has a row, value NaN and not tested, on each day of
    the period it lacks: a day no export covers is no quiet day; so does a known signal of the
    posts on each day with posts that all lack its figure. None on a Review made by hand
    (its days taken as tested).

    ``settings``: the AlertSettings of the detection run (None: the defaults); the summary's
    "a day needs 4 earlier same weekdays" says their ``min_history``.

    ``detections``: the detection run itself, one row per day of each (platform, signal)
    series of ``signals`` (what :func:`plot_alert` draws: value, baseline, ``lower`` and
    ``upper``, alert, tested…), under ``settings``; :func:`plot_alerts` given it draws the
    charts without running the tests again. None on a Review made by hand.

    ``earlier``: the alerts before the period of its incidents begun before it (as
    :func:`alerts` gives them), whose signals the incident's severity counts:
    :func:`incidents` given them names them (``signals_before``), or a September incident
    begun on 31 August read "crisis" beside its one September signal. None on a Review made
    by hand or of the whole history (no alert is before it).

    Attributes
    ----------
    signals : DataFrame
        The daily signals watched, as :func:`signals` gives them.
    alerts : DataFrame
        The period's alerts, as :func:`alerts` gives them.
    backtest : DataFrame
        The expected alerts a year, as :func:`backtest` gives them.
    period_days : DataFrame, optional
        The period's days and whether each was tested (see above).
    settings : AlertSettings, optional
        The thresholds of the detection run (see above).
    detections : DataFrame, optional
        The detection run's days (see above).
    earlier : DataFrame, optional
        The alerts of the period's incidents dated before it (see above).
    """

    signals: pd.DataFrame
    alerts: pd.DataFrame
    backtest: pd.DataFrame
    period_days: pd.DataFrame | None = None
    settings: AlertSettings | None = None
    # the run's working rows: not part of what a Review says, nor of its equality
    detections: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    earlier: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def _history_needed(self) -> str:
        """What a day needs before it is tested, under the review's settings: ``a day needs 4
        earlier same weekdays`` (weekday baseline), or with the pooled baseline ``a day needs
        4 days with a value among the 28 before it``. The number was written 4 whatever
        ``min_history`` was."""
        s = self.settings or AlertSettings()
        n = s.min_history
        if s.baseline == "weekday":
            return f"a day needs {counted(n, 'earlier same weekday', 'earlier same weekdays')}"
        return (f"a day needs {counted(n, 'day', 'days')} with a value among the "
                f"{s.pooled_days} before it")

    def untested(self) -> pd.DataFrame:
        """Per known series with a day of the period not tested: platform, account (as in
        :func:`signals`), signal, days (the
        period's days with a value), days_tested, untested (the dates of those days with a
        value not tested, a list), missing (the period's days the signal has no value on: for
        an account series the days in no export, for a signal of the posts the days with
        posts that all lack its figure; a list) and posts (True for a signal of the posts:
        its days are days with posts, not all the period's)."""
        d = self.period_days
        cols = [*SERIES, "days", "days_tested", "untested", "missing", "posts"]
        if d is None or d.empty or d["tested"].all():
            return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
        of_posts = set(zip(*self.signals.loc[(self.signals["source"] == "posts").fillna(
            False).to_numpy(bool), ["platform", "signal"]].astype(str).T.to_numpy(),
            strict=True)) if len(self.signals) else set()
        rows = []
        for (p, a, s), g in with_account(d).groupby(SERIES, sort=True):
            if g["tested"].all():
                continue
            valued = g["value"].notna()
            rows.append({"platform": p, "account": a, "signal": s, "days": int(valued.sum()),
                         "days_tested": int(g["tested"].sum()),
                         "untested": sorted(g.loc[valued & ~g["tested"], "date"]),
                         "missing": sorted(g.loc[~valued, "date"]),
                         "posts": (str(p), str(s)) in of_posts})
        return pd.DataFrame(rows, columns=cols)

    def counts(self) -> dict:
        """What the review holds, counted: incidents by severity (highest first), alerts,
        signals monitored (known platform × signal pairs, of all), and the signals' days."""
        sev = (self.alerts.groupby("incident_id")["incident_severity"].first().value_counts()
               if len(self.alerts) else pd.Series(dtype="int64"))
        bt = self.backtest[self.backtest["signal"] != "all"]
        days = self.signals["date"].dropna()
        known = (bt["status"] == "known").to_numpy(dtype=bool)
        # a frame without days_tested (made by hand): its known signals taken as tested
        tested = (bt["days_tested"].fillna(0).to_numpy() > 0 if "days_tested" in bt
                  else np.ones(len(bt), dtype=bool))
        return {"incidents": int(sev.sum()),
                "by_severity": {s: int(sev[s]) for s in reversed(_SEVERITIES) if s in sev},
                "alerts": len(self.alerts),
                # monitored: a day tested at least (a known signal of too short a history
                # tests none, and its "no alert" says nothing)
                "known": int((known & tested).sum()), "untested": int((known & ~tested).sum()),
                "pairs": len(bt),
                # the period's days with a value or missing from an account series, and
                # those tested
                "period_days": (0 if self.period_days is None else len(self.period_days)),
                "period_tested": (0 if self.period_days is None
                                  else int(self.period_days["tested"].sum())),
                "days": int(days.nunique()),
                "span": days_text(days.min(), days.max()) if len(days) else None}

    def verdict(self) -> str:
        """Whether the period is an all-clear: ``"alerts"`` (some alert), ``"untested"``
        (nothing could be tested), ``"partly"`` (no alert on the days tested, some days of the
        period not tested) or ``"none"`` (no alert, every day tested).

        The one rule ``smm alerts`` and the report's watch both word: a known signal with no
        day tested (too short a history) is no all-clear, nor a period whose days were tested
        in part ("No alert in this period" where Facebook's comments were tested on 1 of their
        12 days, 1,172 on an untested one).
        """
        if len(self.alerts):
            return "alerts"
        c = self.counts()
        partly = c["period_tested"] < c["period_days"]
        if not c["known"] or (partly and not c["period_tested"]):
            return "untested"
        return "partly" if partly else "none"

    def _parts(self) -> list[str]:
        c = self.counts()
        sev = ", ".join(f"{n} {s}" for s, n in c["by_severity"].items())
        return [counted(c["incidents"], "incident", "incidents") + (f" ({sev})" if sev else ""),
                counted(c["alerts"], "alert", "alerts"),
                f"{c['known']} of {counted(c['pairs'], 'signal', 'signals')} monitored"
                + (f" ({c['untested']} known but not tested yet: too short a history, "
                   f"{self._history_needed()})" if c["untested"] else ""),
                counted(c["days"], "day", "days") + " of signals"
                + (f" ({c['span']})" if c["span"] else "")] + self._untested_part()

    def _untested_part(self) -> list[str]:
        """The period's signals with days not tested, each with its count of the period's days
        with a value: "0 alerts" read as a watched month where Facebook's comments were tested
        on 1 of their 12 days, and 1,172 comments on an untested 13 October went unsaid. Then
        the account series with days no export covers, each with its days known."""
        u = self.untested()
        parts = []
        short = u.loc[[len(days) > 0 for days in u["untested"]]]
        if len(short):
            each = ", ".join(f"{_series_name(r)} on {r.days_tested} of its "
                             f"{counted(r.days, 'day', 'days')} with a value"
                             for r in short.itertuples())
            parts.append(f"days tested: {each} (the other days had too short a history "
                         f"before them, {self._history_needed()}; an incident on them would "
                         "raise no alert)")
        lacking = u.loc[[len(days) > 0 for days in u["missing"]]]
        for of_posts, group in lacking.groupby("posts", sort=True):
            if of_posts:
                each = ", ".join(f"{_series_name(r)} known on {r.days} of its "
                                 f"{counted(r.days + len(r.missing), 'day', 'days')} with posts"
                                 for r in group.itertuples())
                parts.append(f"days not watched: {each} (the others' posts lack the figure "
                             "in the exports: an incident on them would raise no alert)")
            else:
                each = ", ".join(f"{_series_name(r)} known on {r.days} of the period's "
                                 f"{counted(r.days + len(r.missing), 'day', 'days')}"
                                 for r in group.itertuples())
                parts.append(f"days not watched: {each} (the others are in no export: an "
                             "incident on them would raise no alert)")
        return parts

    @property
    def summary(self) -> str:
        """One line of counts: incidents by severity, alerts, signals monitored, days."""
        return "; ".join(self._parts())

    def __repr__(self) -> str:
        """Counts, not the frames (the signals run to thousands of rows)."""
        return f"<Review: {self.summary}>"

    def _repr_html_(self) -> str:
        inc = incidents(self.alerts)
        table = "" if inc.empty else inc.assign(
            start=inc["start"].dt.strftime("%Y-%m-%d"),
            end=inc["end"].dt.strftime("%Y-%m-%d")).to_html(index=False, escape=True)
        return (f"<div><b>Alert review</b><p>{escape(self.summary)}</p>"
                f"{table}</div>")


def _series_name(row) -> str:
    """A series of :meth:`Review.untested` in words: "x unfollows", "tiktok (seveshop)
    net_followers" for one of a platform's accounts."""
    return f"{account_named(row.platform, row.account)} {row.signal}"


def review(ds, period=None, *, settings: AlertSettings | None = None,
           until=None) -> Review:
    """:func:`alerts` for ``period`` and :func:`backtest`, with the signals they come from.

    The same tables as calling both, for the cost of one detection run over the history (a
    report shows all three).

    ``until`` is the last day judged. The posts published after it and the daily rows dated
    after it are left out of the signals, the detection and the back-test, as if the data
    ended that day: a report about December 2025 counted 398 days watched and the alerts of
    October 2026 in its yearly rates, the data starting in September 2025. A period is thus
    judged as :func:`alerts` judges it.

    Parameters
    ----------
    ds : Dataset
    period : str, tuple, Period or None, default None
        As :func:`alerts` takes it: a month ``"YYYY-MM"``, quarter ``"YYYY-Qn"``, year
        ``"YYYY"``, ``(start, end)``, a Period, or None (all days).
    settings : AlertSettings, optional
        The thresholds of the tests; None: ``AlertSettings()``.
    until : date-like, optional
        The last day judged; None: the period's end, or the whole history without a period.

    Returns
    -------
    Review
        ``signals`` (as :func:`signals` gives them), ``alerts`` (as :func:`alerts` for
        ``period``), ``backtest`` (as :func:`backtest`), ``period_days`` (the period's days
        and whether each was tested) and ``settings``; ``summary`` says it in one line.

    Raises
    ------
    EmptyDataError
        When ``period`` lies wholly before or after the data's days (as ``smm alerts
        --period`` does): its review read as a quiet month ("0 incidents; 0 alerts").
    ArgumentError
        When ``until`` is before ``period``'s first day: none of its days would be judged.
    ArgumentTypeError
        When ``ds`` is not a Dataset, or ``settings`` no AlertSettings.
    PeriodError
        When ``period`` cannot be read.
    """
    require_dataset(ds, "review")
    settings = _settings(settings)
    bounds = _within_data(ds, period, "review")
    if until is None and bounds is not None:
        until = bounds[1].date()
    elif until is not None and bounds is not None:
        until_day = parse_period((until, until)).end
        if until_day < bounds[0].date():     # no day of the period judged: "0 incidents"
            raise ArgumentError(
                f"until is the last day judged, before which none of "
                f"{parse_period(period).label} would be looked at",
                argument="until", expected=f"a day from {bounds[0].date().isoformat()} on "
                "(or None: the period's end)", got=until_day.isoformat())
    judged = ds if until is None else _up_to(ds, until)
    sig, gaps = signals_and_gaps(judged)
    det = _detect_all(sig, settings)
    al = _alerts_from(det, settings)       # every alert of the history: both tables read them
    bt = _backtest(coverage(judged, sig), det, settings, al,
                   covered=_posts_covered(judged, det))
    # a period's days not tested are said; the whole history's are its first weeks, always
    # untested, which "n of m signals monitored" already tells. The period's days run to the
    # last judged: a day after ``until`` is not missing from the exports, but not judged
    days = (_period_days(det, bt, (bounds[0], min(bounds[1], pd.Timestamp(
        parse_period((until, until)).end))), sig, gaps) if bounds is not None else None)
    found = _alerts_in(det, settings, bounds, al)
    return Review(sig, found, bt, days, settings, det, _earlier(al, found, bounds))


def _earlier(al: pd.DataFrame, found: pd.DataFrame, bounds) -> pd.DataFrame | None:
    """The alerts of ``al`` (a run's, all its history) dated before ``bounds`` of the
    incidents of ``found`` (the period's alerts), None without bounds: what the period's
    incidents begun before it counted in their severity."""
    if bounds is None:
        return None
    held = (al["date"] < bounds[0]) & al["incident_id"].isin(found["incident_id"])
    return al.loc[held].reset_index(drop=True)


def _up_to(ds, until):
    """``ds`` with the posts published after ``until`` (their day in the brand's zone,
    :func:`~smmanalytics.periods.post_dates`) and the daily rows dated after it left out: the
    data as they stood at the end of that day (each post's figures still those of its latest
    export). A post without a publish time is left out: it has no day to be judged on."""
    last = pd.Timestamp(parse_period((until, until)).end)
    posts, daily = ds.posts, ds.daily
    if len(posts):
        kept = (post_dates(posts, ds.brand.timezone) <= last).fillna(False).to_numpy(bool)
        posts = posts.loc[kept].reset_index(drop=True)
    if len(daily):
        daily = daily.loc[(pd.to_datetime(daily["date"]) <= last).fillna(False)
                          .to_numpy(bool)].reset_index(drop=True)
    return replace(ds, posts=posts, daily=daily)


def _period_days(det: pd.DataFrame, bt: pd.DataFrame, bounds, sig: pd.DataFrame | None = None,
                 gaps: pd.DataFrame | None = None) -> pd.DataFrame:
    """The days of ``bounds`` (all days when None) with a value of a known signal, each with
    whether it was tested, and the days of ``bounds`` an account series of ``sig`` lacks or
    a signal of the posts lacks though posts were published (``gaps``,
    :func:`~smmanalytics._alert_signals.post_gaps`) (value NaN, not tested:
    :func:`_missing_days`) (:attr:`Review.period_days`)."""
    cols = ["date", *SERIES, "value", "tested"]
    if det.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             "platform": pd.Series(dtype="string"),
                             "account": pd.Series(dtype="string"),
                             "signal": pd.Series(dtype="string"),
                             "value": pd.Series(dtype="float64"),
                             "tested": pd.Series(dtype="bool")})
    known = bt.loc[bt["status"] == "known", ["platform", "signal"]].astype(str)
    d = det.loc[det["value"].notna(), cols]
    if bounds is not None:
        d = d.loc[(d["date"] >= bounds[0]) & (d["date"] <= bounds[1])]
    d = d.merge(known, on=["platform", "signal"], how="inner")
    if bounds is not None and sig is not None:
        d = pd.concat([d, *_missing_days(det, sig, known, bounds),
                       _missing_post_days(gaps, known, bounds)], ignore_index=True)
    return d.sort_values([*SERIES, "date"], kind="stable").reset_index(drop=True)


def _missing_days(det: pd.DataFrame, sig: pd.DataFrame, known: pd.DataFrame, bounds
                  ) -> list[pd.DataFrame]:
    """The days of ``bounds`` each known account series (a ``daily:`` source in ``sig``) has
    no value on, as rows of :func:`_period_days` (value NaN, not tested), a frame a series.

    Such a series is watched on its tested days alone (:func:`_watched_days`): a day it lacks
    is a day no export covers, or one of the platform's accounts lacks, unknown. A signal of
    the posts has no value on a day without posts, a day with nothing to alert on, and is left
    alone. X's unfollows without exports for 12-25 October read "no alert in this period:
    every watched signal stayed within its usual range"."""
    sig = with_account(sig)
    account = sig.loc[sig["source"].astype("string").str.startswith("daily:").fillna(False),
                      SERIES].drop_duplicates().astype(str)
    series = account.merge(known, on=["platform", "signal"], how="inner")
    days = pd.date_range(bounds[0], bounds[1], freq="D")
    rows = []
    for platform, acc, signal in series.itertuples(index=False):
        g = det.loc[(det["platform"] == platform) & (det["account"] == acc)
                    & (det["signal"] == signal)]
        lacking = days.difference(pd.DatetimeIndex(g["date"]).normalize())
        rows.append(pd.DataFrame({"date": lacking, "platform": platform, "account": acc,
                                  "signal": signal, "value": np.nan, "tested": False}))
    return rows


def _missing_post_days(gaps: pd.DataFrame | None, known: pd.DataFrame, bounds
                       ) -> pd.DataFrame:
    """The days of ``bounds`` a known signal of the posts has no value on though posts were
    published (``gaps``), as rows of :func:`_period_days` (value NaN, not tested): Facebook's
    comments missing on 14 days of October with posts read "no alert in this period"."""
    cols = {"date": "datetime64[ns]", "platform": "string", "account": "string",
            "signal": "string", "value": "float64", "tested": "bool"}
    if gaps is None or gaps.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})
    g = gaps.loc[(gaps["date"] >= bounds[0]) & (gaps["date"] <= bounds[1])]
    g = with_account(g).astype({"platform": str, "signal": str}).merge(
        known, on=["platform", "signal"], how="inner")
    return g.assign(value=np.nan, tested=False).astype(cols)[list(cols)]


def incidents(alerts_df: pd.DataFrame, *, platform_name=str,
              earlier: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per incident of :func:`alerts`: what a manager reads first.

    Parameters
    ----------
    alerts_df : DataFrame
        A frame of :func:`alerts`: date, platform, signal, incident_id and
        incident_severity are used, and account where it has one.
    platform_name : callable, default str
        How ``platforms`` writes a platform: the report passes its own ("TikTok"); by default
        as the alerts name it ("tiktok").
    earlier : DataFrame, optional
        The alerts of the same run dated before the rows given (a period's
        :attr:`Review.earlier`): the signals of an incident begun before the period, which
        its severity counts. Without them a September incident begun on 31 August listed
        its September negative feedback alone beside "crisis", a tier set by the comments
        and comments per reach of 31 August.

    Returns
    -------
    DataFrame
        incident (Int64: 1, 2, … by start, within this frame, as ``smm alerts`` numbers
        them), incident_id (Int64: the id in ``alerts_df``, counted over the history up to
        the end of the period :func:`alerts` was asked for; as a day's verdict rests on the
        days up to it, an incident keeps its id in every call whose period reaches it: the
        sample's September incidents are 6, 7 and 8 in the month's, the quarter's and the
        year's call, October's is 9),
        start, end (datetime64: first and last alert day), began_before
        (boolean: the incident's first alert precedes the rows given, as a period's incident
        begun before it: start is then that first alert's day, from incident_start, while
        alerts and signals count the rows given), severity (string, the incident's
        highest), alerts (Int64, rows), signals (string: sorted, comma-separated),
        signals_before (string: those of ``earlier``'s alerts of the incident that no row
        given has, sorted, comma-separated, "" when none: with signals, every signal of the
        incident), seen_twice (string: the signals of one family that
        both alerted, the net and the unfollows on one day, one movement seen twice and
        counted once toward the severity, module docstring 6: "net_followers, unfollows";
        families apart by "; ", "" when none; over the rows given and ``earlier``'s) and
        platforms (string, over the rows given and ``earlier``'s: sorted,
        comma-separated; a platform of several accounts named with the account whose own
        series alerted, "instagram (maisonseve.shop), tiktok", as ``smm alerts`` and the
        report name it: "instagram" said nothing of which of two accounts drew the
        comments), sorted by start; no row without an alert. Without incident_start (a frame
        made by hand) start is the first row's day.

    Raises
    ------
    ArgumentTypeError
        When ``alerts_df`` is not a DataFrame.
    SchemaError
        When it lacks one of the columns above.
    """
    frame_with(alerts_df, ["date", "platform", "signal", "incident_id", "incident_severity"],
               "incidents", "a frame of alerts()", "alerts_df")
    if alerts_df.empty:
        return pd.DataFrame({"incident": pd.Series(dtype="Int64"),
                             "incident_id": pd.Series(dtype="Int64"),
                             "start": pd.Series(dtype="datetime64[ns]"),
                             "end": pd.Series(dtype="datetime64[ns]"),
                             "began_before": pd.Series(dtype="boolean"),
                             "severity": pd.Series(dtype="string"),
                             "alerts": pd.Series(dtype="Int64"),
                             "signals": pd.Series(dtype="string"),
                             "signals_before": pd.Series(dtype="string"),
                             "seen_twice": pd.Series(dtype="string"),
                             "platforms": pd.Series(dtype="string")})
    first = ("incident_start" if "incident_start" in alerts_df.columns else "date", "min")
    out = alerts_df.groupby("incident_id").agg(
        start=first, first_row=("date", "min"), end=("date", "max"),
        severity=("incident_severity", "first"), alerts=("date", "size"),
        signals=("signal", lambda s: ", ".join(sorted(set(s.astype(str))))))
    out.insert(2, "began_before", out.pop("first_row") > out["start"])
    before = _before(alerts_df, earlier)
    out["signals_before"] = [
        ", ".join(sorted(set(before.loc[before["incident_id"] == i, "signal"].astype(str))
                         - set(given.split(", "))))
        for i, given in zip(out.index, out["signals"], strict=True)]
    whole = pd.concat([before, alerts_df], ignore_index=True) if len(before) else alerts_df
    out["seen_twice"] = whole.groupby("incident_id")[["date", "signal"]].apply(_seen_twice)
    out["platforms"] = _incident_platforms(whole, platform_name)
    out = out.reset_index().sort_values("start", kind="stable").reset_index(drop=True)
    # numbered within the frame: an analyst's "incident 7" named two events of two months
    out.insert(0, "incident", np.arange(1, len(out) + 1))
    return out.astype(
        {"incident": "Int64", "incident_id": "Int64", "began_before": "boolean",
         "severity": "string", "alerts": "Int64", "signals": "string",
         "signals_before": "string", "seen_twice": "string", "platforms": "string"})


def _before(alerts_df: pd.DataFrame, earlier: pd.DataFrame | None) -> pd.DataFrame:
    """The rows of ``earlier`` (:func:`incidents`) of the incidents of ``alerts_df`` dated
    before their rows there; none without ``earlier``."""
    cols = [c for c in ("date", "platform", "account", "signal", "incident_id")
            if c in alerts_df.columns]
    if earlier is None or frame_with(earlier, ["date", "platform", "signal", "incident_id"],
                                     "incidents", "a frame of alerts() (a Review's earlier)",
                                     "earlier").empty:
        return alerts_df.iloc[0:0][cols]
    first = alerts_df.groupby("incident_id")["date"].min()
    starts = earlier["incident_id"].map(first)
    return with_account(earlier).loc[(earlier["date"] < starts).fillna(False), cols]


def _seen_twice(rows: pd.DataFrame) -> str:
    """The families (:data:`_FAMILY`) of which an incident's ``rows`` (date, signal) hold two
    members, those of :data:`_SAME_DAY` on one day: "comments, comments_per_reach;
    net_followers, unfollows" (each sorted, families apart by "; "), "" when none. These
    count once toward a severity (:func:`_severity`); the incident says it."""
    sig = rows["signal"].astype(str).to_numpy()
    apart = np.isin(sig, _SAME_DAY) & ~_same_day_pair(
        rows["date"].to_numpy(dtype="datetime64[ns]"), sig)
    present = sorted(set(sig[~apart]))
    groups = {}
    for name in present:
        groups.setdefault(_FAMILY.get(name, name), []).append(name)
    return "; ".join(", ".join(g) for _, g in sorted(groups.items()) if len(g) > 1)


def _incident_platforms(alerts_df: pd.DataFrame, platform_name) -> pd.Series:
    """Each incident's platforms (:func:`incidents`), by incident id: sorted by platform and
    account, then written with ``platform_name`` (:func:`account_named`)."""
    series = (with_account(alerts_df)[["incident_id", "platform", "account"]]
              .fillna({"account": ""}).astype({"platform": str, "account": str})
              .drop_duplicates().sort_values(["platform", "account"], kind="stable"))
    named = [account_named(platform_name(p), a)
             for p, a in zip(series["platform"], series["account"], strict=True)]
    return pd.Series(named, index=series["incident_id"]).groupby(level=0).agg(", ".join)


def account_named(platform: str, account) -> str:
    """A platform as written, with the account whose own series it is when it has one:
    "instagram (maisonseve.shop)"; "instagram" for the platform's series (no account: "",
    None or <NA>). The report writes its platforms and accounts so too, the platform in its
    language (``WatchSections._platform_account``)."""
    return f"{platform} ({account})" if isinstance(account, str) and account else platform


def backtest(ds, settings: AlertSettings | None = None) -> pd.DataFrame:
    """Expected alerts a year under ``settings`` on the brand's own history.

    A signal is a daily series watched every day (benchmarks-methods.md §4.3 item 1): a day
    without a value of it (no post, so no comment count) is a day watched with nothing to
    alert on. Its rate is therefore counted per calendar day of the watch, not per day with a
    value: Instagram comments read 91.3 alerts a year from 1 alert on the 4 post days tested,
    while all signals together read 25.2 over 29 days of the same history.

    Parameters
    ----------
    ds : Dataset
        The brand's whole history (every day of its posts and daily series is tested).
    settings : AlertSettings, optional
        The thresholds of the tests; None: ``AlertSettings()``.

    Returns
    -------
    DataFrame
        Per platform and signal: status (known, unknown), days (days with a value), days_tested
        (days with a value and enough history to be tested), days_watched (the rate's days:
        the calendar days from the first tested day to the last day with a value, days
        without a post included, less the days the test could not run or the exports lack
        the signal; :func:`_watched_days`), alerts, alerts_per_year = alerts /
        days_watched × 365.25 (NaN when nothing was tested), alerts_per_year_low and
        alerts_per_year_high (its exact 90 % Poisson interval: 4 alerts in 30 days read 48.7
        a year, anywhere from 16.6 to 111.4).

        A last row ``platform="all", signal="all"``: days, days_tested and days_watched of
        any signal (the union of the days), the alerts of all signals, alerts_per_year the sum
        of the signals' rates (the alerts a year with every signal watched: on signals watched
        over the same days, all their alerts over those days; never below a signal's own
        rate), its 90 % interval (Fay and Feuer's gamma interval of a weighted sum of Poisson
        counts, the exact interval when the days are the same) and ``incidents_per_year``
        (alert groups over the days watched, the number a manager would be paged for).

        The history's real incidents count as alerts: on a short history one incident weighs
        on the rate, which the interval shows.

        Dtypes: platform, signal, status (string), days, days_tested, days_watched, alerts
        (Int64), alerts_per_year, alerts_per_year_low, alerts_per_year_high,
        incidents_per_year (Float64; NA on the signals' rows).

    Raises
    ------
    ArgumentTypeError
        When ``ds`` is not a Dataset, or ``settings`` no AlertSettings.
    """
    require_dataset(ds, "backtest")
    settings = _settings(settings)
    sig = signals(ds)
    det = _detect_all(sig, settings)
    return _backtest(coverage(ds, sig), det, settings, covered=_posts_covered(ds, det))


def _posts_covered(ds, det: pd.DataFrame) -> dict[str, pd.DatetimeIndex]:
    """The days the feed posts exports of each platform of ``det`` cover
    (:func:`~smmanalytics._actuals.posts_coverage`), on which alone a signal of its posts is
    watched (:func:`_watched_days`). A platform whose exports give none of their days is
    absent: its signals are watched from their posts alone."""
    covered = {}
    for platform in det["platform"].dropna().unique() if len(det) else []:
        stretches = posts_coverage(ds, str(platform))
        if stretches:
            covered[str(platform)] = functools.reduce(pd.Index.union, (
                pd.date_range(a, b, freq="D") for a, b in stretches))
    return covered


def _watched_days(det: pd.DataFrame, post_days: pd.DatetimeIndex,
                  covered: pd.DatetimeIndex | None = None) -> pd.DatetimeIndex:
    """The days one signal's detection run (rows of :func:`_detect`) watched, from its first
    tested day to its last day with a value, less the days the test could not alert on.

    A signal of the posts (a value only on days with posts) is watched on the days between
    without a post: nothing was published, so nothing could alert (Facebook's comments,
    tested on 5 of the brand's post days, were watched on every day from the first of them).
    Not watched: a day with a value that was not tested (too few same weekdays yet), a day of
    ``post_days`` (the platform's days with posts) without a value, whose posts lack the
    figure, and a day without posts after such a day (the signal is as unknown there as on
    the platform's last post day): Facebook's negative feedback, in the sample's exports of
    five months of the thirteen, was otherwise watched on the months between. Nor a day no
    posts export of the platform covers (``covered``, when its exports say their days):
    without August's Facebook export, its comments were watched on August's 31 days too (338
    days for 307), an all-clear no data gave. An account's daily series (a value on days
    without posts) is watched on its tested days alone: a day it lacks is a day the exports
    do not hold, unknown.
    """
    tested = det["tested"].to_numpy(dtype=bool)
    if not tested.any():
        return pd.DatetimeIndex([])
    dates = pd.DatetimeIndex(det["date"]).normalize()
    posts = pd.to_numeric(det["posts"], errors="coerce").fillna(0).to_numpy()
    if not (posts > 0).all():
        return dates[tested]
    span = pd.date_range(dates[tested].min(), dates.max(), freq="D")
    # 1 on the days with a value, 0 on post days without one, then each day as the last
    known = pd.Series(np.nan, index=span)
    known[post_days.intersection(span)] = 0.0
    known[dates.intersection(span)] = 1.0
    watched = span[known.ffill().to_numpy() == 1.0].difference(dates[~tested])
    return watched if covered is None else watched.intersection(covered)


def _sum_interval(alerts: np.ndarray, days: np.ndarray, level: float = 0.9
                  ) -> tuple[float, float]:
    """Interval of a sum of Poisson rates ``Σ alerts_i / days_i`` (per day), each counted over
    its own days: Fay and Feuer's gamma interval (1997, Statistics in Medicine 16:791), the one
    for directly standardised rates. With weights ``w_i = 1 / days_i``, ``y = Σ w_i·alerts_i``,
    ``v = Σ w_i²·alerts_i`` and ``w_M = max w_i``: ``v/(2y)·χ²(α/2; 2y²/v)`` to
    ``(v + w_M²)/(2(y + w_M))·χ²(1 − α/2; 2(y + w_M)²/(v + w_M²))``. With the same days for
    every rate, Garwood's exact interval of the total over those days."""
    from scipy import special  # lazy: import smmanalytics loads no scipy

    w = 1.0 / np.asarray(days, dtype="float64")
    k = np.asarray(alerts, dtype="float64")
    if not w.size:
        return np.nan, np.nan
    alpha = 1.0 - level
    y, v, wm = float(w @ k), float((w * w) @ k), float(w.max())
    # χ²(q; df) = 2·P⁻¹(df/2, q), P the regularised lower incomplete gamma
    low = v / y * float(special.gammaincinv(y * y / v, alpha / 2)) if y > 0 else 0.0
    high = ((v + wm * wm) / (y + wm)
            * float(special.gammaincinv((y + wm) ** 2 / (v + wm * wm), 1 - alpha / 2)))
    return low, high


def _backtest(cov: pd.DataFrame, det: pd.DataFrame, settings: AlertSettings,
              al: pd.DataFrame | None = None,
              covered: dict[str, pd.DatetimeIndex] | None = None) -> pd.DataFrame:
    """:func:`backtest` from the signals' coverage and a detection run over the history
    (``al``: its :func:`_alerts_from`, when already made; ``covered``: the days each
    platform's posts exports cover, :func:`_posts_covered`)."""
    watched: dict[tuple[str, str], pd.DatetimeIndex] = {}
    if det.empty:
        stats = pd.DataFrame(columns=["platform", "signal", "days_tested", "days_watched",
                                      "alerts"])
    else:
        rows = []
        # each account's days with posts (signals()' posts: its own where its posts are a
        # series of their own): a day only the other account posted on is no gap of its own
        posted = with_account(det).loc[
            pd.to_numeric(det["posts"], errors="coerce").fillna(0).to_numpy() > 0]
        post_days = {k: pd.DatetimeIndex(d.unique()).normalize()
                     for k, d in posted.groupby(["platform", "account"])["date"]}
        for (platform, signal), g in det.groupby(["platform", "signal"], sort=True):
            # a platform's accounts, each watched on its own series' days: the signal is
            # watched on any of them, and its alerts are all the accounts'
            watched[platform, signal] = functools.reduce(pd.Index.union, (
                _watched_days(a, post_days.get((platform, account), pd.DatetimeIndex([])),
                              (covered or {}).get(platform))
                for account, a in with_account(g).groupby("account", sort=True)))
            rows.append({"platform": platform, "signal": signal,
                         "days_tested": g.loc[g["tested"], "date"].nunique(),
                         "days_watched": len(watched[platform, signal]),
                         "alerts": int(g["alert"].sum())})
        stats = pd.DataFrame(rows)
    out = cov[["platform", "signal", "status", "days"]].astype({"platform": str, "signal": str})
    out = out.merge(stats, how="left", on=["platform", "signal"])
    days = pd.to_numeric(out["days_watched"]).to_numpy("float64", na_value=np.nan, copy=True)
    alerts_n = pd.to_numeric(out["alerts"]).to_numpy("float64", na_value=np.nan)
    rated = days > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        out["alerts_per_year"] = np.where(rated, alerts_n / days * 365.25, np.nan)
    low, high = _st.poisson_interval(alerts_n)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(rated, 365.25 / days, np.nan)
    out["alerts_per_year_low"] = low * scale
    out["alerts_per_year_high"] = high * scale
    # all signals: the sum of their rates, each over its own days (a signal watched 30 days
    # of a year with 4 alerts read 48.7 a year, and all signals 25.2 when their alerts were
    # pooled over the union of the days)
    n_union = (len(functools.reduce(pd.Index.union, watched.values())) if watched else 0)
    al = _alerts_from(det, settings) if al is None else al
    any_rated = bool(rated.any())
    total_low, total_high = (_sum_interval(alerts_n[rated], days[rated])
                             if any_rated else (np.nan, np.nan))
    total = {"platform": "all", "signal": "all", "status": "",
             "days": det["date"].nunique() if len(det) else 0,
             "days_tested": det.loc[det["tested"], "date"].nunique() if len(det) else 0,
             "days_watched": n_union, "alerts": int(np.nansum(alerts_n)),
             "alerts_per_year": (float(out.loc[rated, "alerts_per_year"].sum()) if any_rated
                                 else np.nan),
             "alerts_per_year_low": total_low * 365.25,
             "alerts_per_year_high": total_high * 365.25,
             "incidents_per_year": (al["incident_id"].nunique() / n_union * 365.25 if n_union
                                    else np.nan)}
    out = pd.concat([out, pd.DataFrame([total])], ignore_index=True)
    return out.astype({"platform": "string", "signal": "string", "status": "string",
                       "days": "Int64", "days_tested": "Int64", "days_watched": "Int64",
                       "alerts": "Int64", "alerts_per_year": "Float64",
                       "alerts_per_year_low": "Float64", "alerts_per_year_high": "Float64",
                       "incidents_per_year": "Float64"})[
        ["platform", "signal", "status", "days", "days_tested", "days_watched", "alerts",
         "alerts_per_year", "alerts_per_year_low", "alerts_per_year_high",
         "incidents_per_year"]]


def _one_alert(alert_row):
    """A row of :func:`alerts` as a Series or mapping; a frame of exactly one row gives that
    row (``a.iloc[[0]]``, ``a.head(1)``); else an ArgumentError naming what came."""
    if isinstance(alert_row, pd.DataFrame):
        if len(alert_row) != 1:
            raise ArgumentError("plot_alert draws one alert", argument="alert_row",
                                expected="a row of alerts() (a.iloc[0]) or a frame of one row",
                                got=f"a frame of {len(alert_row)} rows")
        alert_row = alert_row.iloc[0]
    try:
        lacking = [k for k in ("date", "platform", "signal") if k not in alert_row]
    except TypeError:
        lacking = None
    if lacking is None or lacking:
        raise ArgumentError("not a row of alerts()", argument="alert_row",
                            expected="a Series or mapping with date, platform and signal",
                            got=(f"one lacking {', '.join(lacking)}" if lacking
                                 else type(alert_row).__name__))
    return alert_row


def plot_alert(alert_row, signals: pd.DataFrame, ax=None, *, settings: AlertSettings | None = None,
               days: int = 21, detections: pd.DataFrame | None = None):
    """A small chart of the alert's signal ±``days`` days, its baseline, the band where a day
    raises no alert, and the alerts.

    Parameters
    ----------
    alert_row : a row of :func:`alerts` (Series or mapping with date, platform, signal).
    signals : the frame of :func:`signals` the alert came from.
    ax : matplotlib Axes, optional (default ``plt.gca()``; a figure it makes has constrained
        layout).
    settings : AlertSettings, optional
        The settings the alerts were found with (default ``AlertSettings()``): the band and
        the alerts drawn are theirs.
    days : int
        Days shown on each side of the alert's day.
    detections : DataFrame, optional
        The detection run the alert came from (:attr:`Review.detections`, under
        ``settings``): the chart reads its series' days there. None: the tests are run again
        on the alert's series (the same days).

    Returns
    -------
    Axes
        Lines: the baseline (dashed), the signal, the level alerts (filled red dots: days
        beyond the band) and the drift alerts (red rings: a sustained rise the CUSUM caught,
        on days that may lie within the band). The x axis names the zone of the series'
        days (``day_tz``: "days (America/Los_Angeles)"). The shaded band is the level test's
        own rule (``lower``/``upper`` of :func:`_detect`): a day inside it raises no level
        alert. The y axis spans the signal and its baseline: a limit far beyond them (an
        overdispersed series, an incident inside the baseline window) is cut at the edge of
        the chart; a rate (``*_per_reach``) is written in percent.
    """
    import matplotlib.dates as mdates  # lazy: import smmanalytics loads no matplotlib

    from .plots import PercentTicks, drawing_axes  # lazy: plots loads matplotlib

    settings = _settings(settings)
    alert_row = _one_alert(alert_row)
    frame_with(signals, ["date", "platform", "signal", "value"], "plot_alert",
               "the frame of signals()", "signals")
    ax = drawing_axes(ax)
    date = pd.Timestamp(alert_row["date"])
    g = signals.loc[_of_series(signals, alert_row)].sort_values("date")
    if g.empty:
        return ax
    det = (_series_run(signals, alert_row, settings) if detections is None
           else _series_detections(detections, alert_row))
    near = det.loc[(det["date"] - date).abs() <= pd.Timedelta(days=days)]
    value = near["value"].to_numpy(dtype=float)
    base = near["baseline"].to_numpy(dtype=float)
    lo_lim = near["lower"].to_numpy(dtype=float)
    hi_lim = near["upper"].to_numpy(dtype=float)
    ymin, ymax = _chart_range(value, base, lo_lim, hi_lim)
    tested = near["tested"].to_numpy(dtype=bool)
    lo = np.where(tested, np.clip(np.nan_to_num(lo_lim, nan=ymin), ymin, ymax), np.nan)
    hi = np.where(tested, np.clip(np.nan_to_num(hi_lim, nan=ymax), ymin, ymax), np.nan)
    ax.fill_between(near["date"], lo, hi, color="0.85", step="mid", lw=0,
                    label="no alert on the day")
    ax.plot(near["date"], base, ls="--", color="0.4", lw=1, label="baseline")
    ax.plot(near["date"], value, color="C0", lw=1.5, marker=".", label=alert_row["signal"])
    hit = near.loc[near["alert"].to_numpy(dtype=bool)]
    drift = (hit["test"] == "cusum").to_numpy()
    ax.plot(hit["date"][~drift], hit["value"][~drift], "o", color="#C0392B", ms=7,
            label="alert (beyond the band)")
    ax.plot(hit["date"][drift], hit["value"][drift], "o", mfc="white", mec="#C0392B", mew=1.6,
            ms=7, label="drift alert (CUSUM)")
    ax.set_ylim(ymin, ymax)
    ax.set_title(f"{_chart_series(alert_row)} · {alert_row['signal']}", fontsize=9)
    # the zone the series' days count in: Meta's account series are Pacific days, the
    # posts' the brand's ("13 Oct" of the text names it; the chart said nothing)
    zones = (g["day_tz"].dropna().unique() if "day_tz" in g.columns else [])
    ax.set_xlabel(f"days ({zones[0]})" if len(zones) == 1 else "", fontsize=7)
    ax.set_ylabel(str(alert_row["signal"]).replace("_", " "))
    if str(alert_row["signal"]).endswith("_per_reach"):     # a rate: 0.03 reads 3%
        ax.yaxis.set_major_formatter(PercentTicks())
    # at most 5 dates on the axis: a day or two-day step makes the rotated labels overlap
    locator = mdates.AutoDateLocator(minticks=3, maxticks=5)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.tick_params(axis="x", labelrotation=30, labelsize=7)
    return ax


def _of_series(frame: pd.DataFrame, alert_row) -> np.ndarray:
    """The rows of ``frame`` (signals or detections) of the alert's series: its platform and
    signal, and its account where both name one (two accounts' days drawn as one series
    zigzagged between their levels)."""
    sel = ((frame["platform"] == alert_row["platform"])
           & (frame["signal"] == alert_row["signal"]))
    if "account" in frame.columns and "account" in alert_row:
        sel &= frame["account"].fillna("") == ("" if pd.isna(alert_row["account"])
                                               else alert_row["account"])
    return sel.fillna(False).to_numpy(bool)


def _chart_series(alert_row) -> str:
    """The platform of a chart's title, with the account of an account's own series:
    "tiktok seveshop"."""
    account = alert_row.get("account", "")
    return (f"{alert_row['platform']} {account}" if isinstance(account, str) and account
            else str(alert_row["platform"]))


def _series_run(signals: pd.DataFrame, alert_row, settings: AlertSettings) -> pd.DataFrame:
    """The alert's series tested again (:func:`plot_alert` without a detection run), a count
    of :data:`_PER_REACH` with its rate, judged together as :func:`_detect_all` judges them:
    alone, the chart drew the count's own band, which its launch day's hides lay beyond."""
    signal = str(alert_row["signal"])
    parts = []
    for name in (signal, _PER_REACH.get(signal)):
        g = (signals.loc[_of_series(signals, {**dict(alert_row), "signal": name})]
             .sort_values("date") if name else signals.iloc[0:0])
        if len(g):
            expo = (g["exposure"].to_numpy(dtype=float, na_value=np.nan)
                    if "exposure" in g.columns else np.nan)
            parts.append(_detect(g, name, settings).assign(
                platform=alert_row["platform"], account="", signal=name, exposure=expo))
    det = pd.concat(parts, ignore_index=True)
    if signal in _PER_REACH:
        det = _judged_per_reach(det, signal, _PER_REACH[signal])
    return det.loc[det["signal"] == signal].reset_index(drop=True)


def _series_detections(detections: pd.DataFrame, alert_row) -> pd.DataFrame:
    """The days of the alert's (platform, signal) series in a detection run (rows of
    :func:`_detect_all`, sorted by date within a series); an ArgumentError when it holds none:
    a run of other signals would draw an empty chart."""
    frame_with(detections, ["date", "platform", "signal", "value", "baseline", "lower", "upper",
                            "test", "alert", "tested"], "plot_alert",
               "the detection run of a review (Review.detections)", "detections")
    det = detections.loc[_of_series(detections, alert_row)]
    if det.empty:
        raise ArgumentError("the detection run holds no day of the alert's series",
                            argument="detections",
                            expected="the Review.detections of the review the alert came from",
                            got=f"none of {alert_row['platform']} · {alert_row['signal']}")
    return det


def _chart_range(value, base, lower, upper) -> tuple[float, float]:
    """y limits of an alert chart: the signal and its baseline with a margin, stretched to
    show a limit of the band that lies at most half that span beyond them (farther ones are
    cut); zero stays in view for a signal that is never negative."""
    data = np.concatenate([value, base])
    data = data[np.isfinite(data)]
    if not data.size:
        return 0.0, 1.0
    lo, hi = float(data.min()), float(data.max())
    span = hi - lo or max(abs(hi), 1.0)
    up, down = upper[np.isfinite(upper)], lower[np.isfinite(lower)]
    if up.size and hi < up.max() <= hi + span / 2:
        hi = float(up.max())
    if down.size and lo - span / 2 <= down.min() < lo:
        lo = float(down.min())
    span = hi - lo or span
    ymin = -0.04 * (hi + 0.1 * span) if lo >= 0 else lo - 0.08 * span
    return ymin, hi + 0.1 * span


def plot_alerts(alerts_df: pd.DataFrame, signals_df: pd.DataFrame, *, max_charts: int = 9,
                ncols: int = 3, settings: AlertSettings | None = None, legend: bool = True,
                detections: pd.DataFrame | None = None):
    """Small multiples for the report: one :func:`plot_alert` per incident, platform and signal.

    Each (incident, platform, signal) is drawn around its strongest level alert (highest
    score / threshold), or its strongest drift alert when it has none, crises first, at most
    ``max_charts``; every alert within the chart's days is marked. With ``legend``, one legend
    under the charts says what the band, the dashed line, the dots and the rings are (the
    report says it in its caption, in its language).

    Parameters
    ----------
    alerts_df : DataFrame
        A frame of :func:`alerts`: date, platform, signal, score, threshold, test,
        incident_id and incident_severity are used.
    signals_df : DataFrame
        The frame of :func:`signals` the alerts came from.
    max_charts : int, default 9
        Most charts drawn (a whole number ≥ 1).
    ncols : int, default 3
        Charts per row (a whole number ≥ 1).
    settings : AlertSettings, optional
        The settings the alerts were found with (None: ``AlertSettings()``), as
        :func:`plot_alert` takes them.
    legend : bool, default True
        Draw the one legend under the charts.
    detections : DataFrame, optional
        The detection run the alerts came from (:attr:`Review.detections`, under
        ``settings``), as :func:`plot_alert` takes it: the charts are drawn without running
        the tests again (a report's review has run them).

    Returns
    -------
    matplotlib.figure.Figure or None
        The Figure (None when no alert), already closed in pyplot: a notebook shows it
        once, as the cell's value (the call ending a cell, or ``fig = smm.plot_alerts(...)``
        then ``fig``); left open, the inline backend drew it a second time with pyplot's open
        figures. ``plt.show()`` does not show it: ``display(fig)`` or ``fig.savefig(...)`` do.

    Raises
    ------
    ArgumentTypeError
        When ``alerts_df`` is not a DataFrame.
    SchemaError
        When ``alerts_df`` lacks one of the columns above.
    ArgumentError
        When ``max_charts`` or ``ncols`` is not a whole number ≥ 1.
    """
    import matplotlib.pyplot as plt  # lazy: import smmanalytics loads no matplotlib

    frame_with(alerts_df, ["date", "platform", "signal", "score", "threshold", "test",
                           "incident_id", "incident_severity"], "plot_alerts",
               "a frame of alerts()", "alerts_df")
    max_charts, ncols = whole(max_charts, "max_charts", 1), whole(ncols, "ncols", 1)
    if alerts_df.empty:
        return None
    order = {name: i for i, name in enumerate(_SEVERITIES)}
    # a level alert (a day beyond the band) before a drift one, then the strongest
    a = with_account(alerts_df).assign(
        _rel=(alerts_df["score"] / alerts_df["threshold"]).astype(float),
        _sev=alerts_df["incident_severity"].map(order).astype(int),
        _level=(alerts_df["test"] != "cusum").astype(int))
    a = (a.sort_values(["_sev", "_level", "_rel"], ascending=False, kind="stable")
         .drop_duplicates(["incident_id", *SERIES]).head(max_charts))
    n = len(a)
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, min(ncols, n), figsize=(3.2 * min(ncols, n), 2.4 * nrows),
                             squeeze=False, layout="constrained")
    for ax, (_, row) in zip(axes.flat, a.iterrows(), strict=False):
        plot_alert(row, signals_df, ax=ax, settings=settings, detections=detections)
        ax.set_title(f"{_chart_series(row)} · {row['signal']} ({row['incident_severity']})",
                     fontsize=8)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    if legend:
        from matplotlib.lines import Line2D  # lazy: as pyplot above

        shown: dict[str, object] = {}
        for ax in list(axes.flat)[:n]:
            for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
                if isinstance(handle, Line2D) and not len(handle.get_xdata()):
                    continue                    # no such day (a drift alert) on this chart
                # each chart's own signal is its daily value
                shown.setdefault("daily value" if label in set(a["signal"]) else label, handle)
        fig.legend(list(shown.values()), list(shown), loc="outside lower center",
                   ncols=min(len(shown), 5), fontsize=7, frameon=False)
    # made by pyplot, so that it has the active backend's canvas and IPython's figure display
    # is set up (a matplotlib.figure.Figure made in a fresh kernel shows as "<Figure ...>")
    plt.close(fig)
    return fig
