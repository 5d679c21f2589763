"""Best posting times, honestly (DESIGN.md §6; benchmarks-methods §3.3-3.6).

Method
------
1. Posts of the platform (all platforms when None, with platform/account as a control), old
   enough to have finished accruing engagement (``min_age_days``; a video whose YouTube
   Studio range starts after its publication, or ends before it, has no age and is left
   out), with a known outcome and exposure. Local weekday and hour in the audience zone
   ``tz`` (DST-correct). Only posts whose hour is known enter the hour analysis;
   day-precision posts inform ``by_weekday`` only.
   A post the controls fit by themselves (the only post of its content type, paid status or
   account) is left out (``n_excluded["no_peer"]``, ``_data._no_peer``): its slot says
   nothing, and it tied its level to its slot (LinkedIn's one paid post, alone at 11:00,
   made the whole test "cannot be tested"). A post without engagement the model fits
   exactly (alone at an hour the curve fits freely) is left out of that analysis
   (``n_excluded["zero_alone"]``; ``method["zero_alone_weekday"]`` for the weekday one): its
   coefficients have no finite estimate (``_model.fitted_to_zero``).
   A post that earned more than 10x its platform/account's median post (per exposure) is
   counted at that cap by everything below, and named in ``method["capped"]``, the summary
   and the report (``_data.cap_outliers``, which says why a median and not a quantile): one
   post of 5,000 likes among 254 where 18:00 reliably earned 2x 09:00 raised the account's
   average 26% and read "no reliable timing effect", its 1-post slot 48.6x. Capped, one post
   moves the average by at most 10 medians over the number of posts (4% with 255 posts, a
   third in a held-out half of 73). A slot of fewer than ``MIN_CELL_POSTS`` (8) posts shows
   no lift (benchmarks-methods §3.3): ``readable``, ``smm best-times`` and the report's slots
   table leave it out ("–"), and the heatmap draws the model's shrunk estimate faint, outside
   what sets the colour scale unless no slot has 8 posts, all by this one constant, but for
   a slot holding a capped post, whose estimate is that post's: white and dotted, too few to
   tell (``BestTimes.few_capped``); ``by_slot`` keeps the estimate.
2. Negative-binomial GLM (NB2, log link, IRLS) of the outcome with ``log(exposure)`` as offset
   (followers at posting time, else reach, else none: ``method["exposure"]`` says which), content
   type, paid, platform/account and a smooth trend (Legendre polynomials of time), plus weekday
   effects and 3 cyclic Fourier pairs of the hour. Beyond :data:`MAX_GROUP_LEVELS` (30)
   platform/accounts, those with the fewest posts share one level, "other accounts"
   (``method["pooled_accounts"]`` says so; ``_data.pooled_groups`` says why): each level cost
   a dense column, and 500 accounts took 155 s and 2 GB. Each post is thus measured against
   its own platform/account's level: ``method["accounts"]`` counts them, so that a platform of
   several accounts says "each account's own average" (``smm best-times``, the report).
3. Global test of the timing terms: score test calibrated by permuting the posts' slots within
   content type x paid x account x 4-week-block strata → ``p_value`` (restricting the shuffles
   to blocks of weeks keeps period shocks and drifting posting habits from passing for a
   timing effect). Posts at an hour of the day posted fewer than ``MIN_TEST_POSTS`` (3) times
   (on weekend days and weekdays apart when the weekend has its own curve) are left out of
   the test, counted in ``method["test_left_out"]`` and said (``_estimate.posts_tested``):
   the hour curve bends freely through them, and one viral post at 03:00 passed for a
   timing effect. They keep their place in the lifts. The hour test (7) leaves them out
   too, and the weekday test the posts on a weekday posted fewer than 3 times
   (``method["weekday_test_left_out"]``, said where a weekday result is:
   ``BestTimes.weekday_left_out``; a days finding names only the days it read); the
   weekend test (8) reads every post, and says why (``method["weekend_test_reads"]``): its
   model has the weekday effects, so the one post of a weekend day posted once is fitted
   exactly (its residual is 0, it adds nothing) and a day posted twice adds only the
   difference between its two hours.
4. Per-slot raw log-lifts shrunk toward the smooth weekday + hour curve by empirical Bayes
   (``tau^2`` by method of moments); intervals by resampling whole weeks (one-step refits).
5. Winner's-curse guard: the best window (``window_hours`` consecutive hours, every day /
   Monday-Friday / Saturday-Sunday) is chosen on half of the weeks and its lift measured on the
   other half, over several random splits; the window most splits chose is reported with its
   lift on the other halves of those splits, interval by resampling whole weeks with the window
   kept, put around that lift (see ``_estimate`` for the corrections and their measured
   coverage). The window is cut to the days and hours the account posted in (its lift is that
   of its posted cells), so it never claims a day or hour nobody posted at.
6. A window is recommended only if ``p_value < alpha``, the held-out lift interval lies above
   1, and its lift allowing for its having been picked because its interval cleared 1 is above
   1 (``_estimate.judged``, the one place the rule lives; ``_estimate.selection_adjusted``: a
   truncated-Normal median-unbiased estimate and interval; the raw held-out ones stay as
   ``raw_lift``, ``raw_lift_low``, ``raw_lift_high``). Otherwise the answer says so and points
   to the audience-activity schedule when exported; a window that failed only the last
   condition is named, with its raw held-out lift, and why it is not recommended. A
   recommended window is told with its adjusted figures: their interval may reach below 1,
   and the summary then says so.
   The test is not run (``p_value`` NaN) when its permutations cannot change the statistic.
7. Days without hours: the weekday test (weekday effects alone, every post) gives p < alpha and
   the hour test (the hour terms given the weekday effects, hours permuted among posts of the
   same weekday within the strata) does not, or cannot be run: the finding is the days
   (``best_days``: those whose lift interval lies above 1, ``avoid_days``: those below it;
   neither: the days differ without one standing out, ``method["days_differ"]``), whatever the
   window did, and no window is recommended, its hours being noise. Measured (300 posts over 26
   weeks, weekend x1.5, no hour effect, 400 accounts, with the days to avoid): 0.805 now say
   the days, 0.025 a window (before: 0.245 a window, its hours noise, and 0.64 had the weekday
   test pass and were told "no reliable timing effect"); without any effect, 0.092 (+- 0.014)
   claim days, about the weekday test's size (0.10), and 0.013 a window (0.013 before).
8. Weekend hours (benchmarks-methods §3.3 step 2: "a weekday/weekend x hour interaction only
   if data allow"): when at least :data:`WEEKEND_MIN_POSTS` posts of known hour fall on
   weekend days and as many on weekdays, each at :data:`WEEKEND_MIN_HOURS` distinct hours or
   more (the 6 hour terms of a curve and its level, with hours to spare), the hour curve's
   terms times a weekend indicator are tested: score test in the model with the controls,
   weekday effects and hour curve, hours permuted among posts of the same weekday within the
   global test's strata, as the hour test. When p < alpha (``method["weekend_hours"]``),
   those terms join the model: Saturday and Sunday have their own hour curve (slots are
   shrunk toward it), and the window is searched among the Monday-Friday windows and, apart,
   the Saturday-Sunday ones (``weekend_window``). Otherwise nothing changes (the test draws
   its permutations from its own random stream). Measured (alpha 0.10; NB k = 2): accounts
   without the interaction claimed it 0.080 (+- 0.019) of 200 at 300 posts over 26 weeks
   (evening x1.7 every day), 0 of 100 at 2,000 posts over 52 weeks, 0.03 (+- 0.017) of 100
   at 600 posts peaking at 12:00 every day: at or below alpha (the residuals are those of a
   fit whose hour curve saw the weekend posts, which makes the test conservative); 600 posts
   peaking at 12:00 on weekdays and 19:00 at weekends (x1.65 at the peak): the weekend curve
   was used for 100 of 100, and the plan's Saturday post was at 18:00-20:00 for 96, its true
   lift median 1.64x (one curve: 3 of 50, 45 at 11:00-14:00, true lift median 0.63x).
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from .._args import frame_with, number, time_zone, whole
from ..dataset import Dataset
from ..errors import ArgumentError
from ._data import (
    EXPOSURES,
    MAX_GROUP_LEVELS,
    OTHER_GROUPS,
    activity_schedule,
    controls,
    joined,
    post_ages,
    prepare,
    slot_design,
)
from ._estimate import (
    MIN_CELL_POSTS,
    MIN_POSTS,
    MIN_TEST_POSTS,
    MIN_WEEKS,
    NO_HOURS_TESTED,
    TOO_FEW_LEFT,
    WEEKEND_MIN_HOURS,
    WEEKEND_MIN_POSTS,
    SlotEstimate,
    estimate,
    judged,
    posts_tested,
    shown,
    stood_out,
)
from ._model import NO_ENGAGEMENT, NBFit, nb_fit, perm_score_test
from ._result import WEEKDAYS, BestTimes, _few_capped, nameable_days

__all__ = ["best_times", "BestTimes", "WEEKDAYS", "MIN_POSTS", "MIN_WEEKS", "MIN_AGE_DAYS",
           "MIN_CELL_POSTS", "MIN_TEST_POSTS", "WEEKEND_MIN_POSTS", "WEEKEND_MIN_HOURS",
           "post_ages"]

logger = logging.getLogger(__name__)

#: the permutation test shuffles slots only among posts of the same 4-week block
_STRATA_WEEKS = 4
#: the arguments' limits: alpha at most 0.5, replicates and permutations at least these
_MAX_ALPHA = 0.5
_MIN_BOOT = 200
_MIN_PERM = 99

#: days a post must have been online when its figures were last counted (``snapshot_at``, or
#: the end of a YouTube Studio range, ``- published_at``: :func:`post_ages`) for its totals
#: to be compared with others': a younger post is still gaining engagement (the report's
#: bottom posts leave such posts out too)
MIN_AGE_DAYS = 7


def best_times(posts, tz: str | None = None, platform: str | None = None, *,
               daily: pd.DataFrame | None = None, outcome: str = "interactions",
               exposure: str | None = "followers", min_age_days: float = MIN_AGE_DAYS,
               alpha: float = 0.10, n_boot: int = 200, seed: int = 0, window_hours: int = 3,
               n_perm: int | None = None, n_splits: int = 8) -> BestTimes:
    """When should this account post, and does it matter at all?

    Parameters
    ----------
    posts : DataFrame or Dataset
        Canonical posts (published_at UTC, time_precision, content_type, paid, platform, the
        outcome's components, snapshot_at), with any index (rows are taken by position). Not
        modified. A Dataset brings its posts, its ``daily`` series (unless ``daily`` is given)
        and its brand's time zone.
    tz : str
        The audience's IANA time zone, e.g. ``"Europe/Paris"``; for a Dataset, default the
        brand's.
    platform : str, optional
        Analyse this platform only; None pools all posts with platform/account as a control.
    daily : DataFrame, optional
        Long account series: ``followers_total`` (exposure) and hourly ``online_followers``
        (audience activity for the fallback).
    outcome : str
        ``"interactions"`` (reactions + comments + shares + saves) or any count column.
    exposure : {"followers", "reach", None}
        Exposure offset; falls back followers → reach → none when fewer than 80% of posts have
        it (posts without it are then excluded and counted as ``missing_exposure``).
    min_age_days : float
        At least 0. Posts younger than this when their figures were last counted
        (:func:`post_ages`: the export, or the last day of a YouTube Studio range) are left
        out, as are the videos published before their range's first day, whose figures hold
        only part of their life (``n_excluded["partial_figures"]``), and those published
        after its last day, which have no figures in it (``n_excluded["after_range"]``).
    alpha : float
        Level of the global test, above 0 and at most 0.5; intervals are at ``1 - alpha``.
    n_boot : int
        Bootstrap replicates (whole weeks resampled), at least 200 and at least ``10 / alpha``
        (5 replicates beyond each end of the interval).
    seed : int
        At least 0. Seed of every random step (permutations, splits, bootstrap): same input,
        same answer.
    window_hours : int
        Width of the recommended window in hours, 1 to 23.
    n_perm : int, optional
        Permutations of the global test (default ``max(199, 2 * n_boot + 99)``), 0 or at
        least 99; above 5,000 posts, or with ``n_perm=0``, the test uses the chi-square limit
        of the permutation distribution.
    n_splits : int
        Random half-splits of the weeks for the held-out window, at least 1.

    Returns
    -------
    BestTimes

    Raises
    ------
    ArgumentError
        No time zone (``tz`` is required with a DataFrame of posts), not an IANA zone, an
        unknown ``exposure`` or an argument out of its range.
    SchemaError
        ``published_at`` is missing, or neither tz-aware nor ISO text with its offset (as
        ``read_csv`` gives back a tz-aware column); the outcome column is missing or not
        numeric.
    UnknownPlatformError
        ``platform`` is not a known platform.
    EmptyDataError
        No post of that platform.

    Examples
    --------
    >>> bt = smm.best_times(ds.posts, tz="Europe/Paris", platform="instagram",
    ...                     daily=ds.daily)                           # doctest: +SKIP
    >>> bt = smm.best_times(ds, platform="instagram")   # the same     # doctest: +SKIP
    >>> bt.summary                                                    # doctest: +SKIP
    """
    if isinstance(posts, Dataset):
        daily = posts.daily if daily is None else daily
        tz = tz or posts.brand.timezone
        posts = posts.posts
    if not isinstance(posts, pd.DataFrame):
        raise ArgumentError("best_times needs posts", argument="posts",
                            expected="a DataFrame of canonical posts or a Dataset",
                            got=type(posts).__name__)
    if daily is not None:
        frame_with(daily, [], "best_times", "the account series of ds.daily", "daily")
    if not tz:
        raise ArgumentError("best_times needs the audience's time zone", argument="tz",
                            expected="an IANA zone such as 'Europe/Paris'", got=tz)
    tz = time_zone(tz)
    if exposure not in EXPOSURES:
        raise ArgumentError("unknown exposure", argument="exposure",
                            expected=f"one of {EXPOSURES}", got=exposure)
    if not isinstance(outcome, str) or not outcome:
        raise ArgumentError("outcome must name a count column", argument="outcome",
                            expected="'interactions' or a column name", got=outcome)
    min_age_days = number(min_age_days, "min_age_days", 0)
    # alpha also sets the intervals' level: 0.999 wrote a "0% interval"; above 0.5 an
    # interval narrower than the middle half is no statement of uncertainty
    alpha = number(alpha, "alpha", 0, _MAX_ALPHA, open_low=True)
    # the percentile interval is read between replicates: at least 5 beyond each end
    # (n_boot·alpha/2 ≥ 5), and never fewer than 200 (2 replicates made a "90% interval")
    least = max(_MIN_BOOT, math.ceil(10 / alpha - 1e-9))
    n_boot = whole(n_boot, "n_boot", least)
    window_hours = whole(window_hours, "window_hours", 1, 23)
    n_splits = whole(n_splits, "n_splits", 1)
    if n_perm is not None:
        n_perm = whole(n_perm, "n_perm", 0)
        if 0 < n_perm < _MIN_PERM:      # 0: the chi-square limit, no permutations
            raise ArgumentError("too few permutations", argument="n_perm",
                                expected=f"0 (the chi-square limit) or a whole number of at "
                                         f"least {_MIN_PERM}", got=n_perm)
    seed = whole(seed, "seed", 0)
    # the design matrices are skinny (n x ~30): one BLAS thread is as fast as many, and much
    # faster on a busy machine where extra threads only contend
    with threadpool_limits(limits=1, user_api="blas"):
        return _best_times(posts, tz, platform, daily=daily, outcome=outcome, exposure=exposure,
                           min_age_days=min_age_days, alpha=alpha, n_boot=n_boot, seed=seed,
                           window_hours=window_hours, n_perm=n_perm, n_splits=n_splits)


@dataclass(frozen=True)
class _Run:
    """The checked settings each step of one analysis reads, and its random stream: one
    object handed down the steps of :func:`_best_times`, not seven arguments each."""

    alpha: float
    n_boot: int
    n_perm: int
    seed: int
    window_hours: int
    n_splits: int
    rng: np.random.Generator

    @property
    def level(self) -> float:
        """The intervals' level, ``1 - alpha``."""
        return 1 - self.alpha


class _Hours(NamedTuple):
    """The hour analysis (:func:`_hour_analysis`): its posts, their controls ``X``, hour-of-week
    ``slot`` and permutation ``strata``; its estimate and the posts it read (``used``);
    whether weekend days got their own hour curve; ``all_posts`` when its posts are the
    weekday analysis' (every hour known), whose fit it may then reuse."""

    posts: pd.DataFrame
    X: np.ndarray
    slot: np.ndarray
    strata: np.ndarray
    est: SlotEstimate
    used: np.ndarray
    weekend: bool
    all_posts: bool


def _best_times(posts, tz, platform, *, daily, outcome, exposure, min_age_days, alpha, n_boot,
                seed, window_hours, n_perm, n_splits) -> BestTimes:
    """:func:`best_times` on checked arguments: the steps of the module's Method in the order
    they draw from the one random stream (the weekday analysis, the hour analysis and its
    weekend refit, the hour test), so that the same seed gives the same answer."""
    run = _Run(alpha=alpha, n_boot=n_boot, seed=seed, window_hours=window_hours,
               n_splits=n_splits, n_perm=max(199, 2 * n_boot + 99) if n_perm is None else n_perm,
               rng=np.random.default_rng(seed))
    frame, n_excluded, method = prepare(posts, tz, platform, daily, outcome, exposure,
                                        min_age_days)
    _note_settings(method, run, min_age_days, day_precision=bool(n_excluded["day_precision"]))
    activity, act_note = activity_schedule(daily, tz, platform)
    if act_note:
        method["activity_tz"] = act_note
    # "content|paid|group|block" of each post
    strata = joined([frame["content"], frame["paid"], frame["group"],
                     frame["week"].to_numpy() // _STRATA_WEEKS])
    Xa, anames = controls(frame)
    _note_accounts(method, frame["group"].nunique())
    wk, by_weekday = _weekday_analysis(frame, Xa, strata, method, run)
    hours = _hour_analysis(frame, strata, wk, Xa, anames, method, n_excluded, run)
    by_slot = _by_slot(hours.est)
    days, avoid, days_found = _days_finding(hours, wk, by_weekday, method, run)
    window, weekend_window, recommended, reliable = _windows_told(hours, by_slot, days_found,
                                                                  method, run)
    if hours.weekend:
        method["weekend_peak_hour"] = _weekend_peak_hour(by_slot)
    result = BestTimes(effect_detected=reliable, p_value=float(hours.est.p_value),
                       by_slot=by_slot, recommended=recommended, by_weekday=by_weekday,
                       window=window, n_used=int(hours.used.sum()), n_excluded=n_excluded,
                       method=method,
                       activity=activity,
                       best_days=days, avoid_days=avoid, weekend_window=weekend_window)
    logger.info("best_times: %s", result.summary)
    return result


def _note_settings(method: dict, run: _Run, min_age_days: float, *, day_precision: bool
                   ) -> None:
    """Record in ``method`` the settings and the methods' names, as the result tells them:
    a step of its own as nothing is computed there, only said."""
    method.update(alpha=run.alpha, level=run.level, n_boot=run.n_boot, seed=run.seed,
                  window_hours=run.window_hours, min_age_days=min_age_days,
                  bootstrap="whole weeks, one-step NB refit",
                  smooth="weekday effects + 3 Fourier pairs of the hour",
                  shrinkage="empirical Bayes toward the smooth curve, tau^2 by moments",
                  permutation_strata=f"content type x paid x account x {_STRATA_WEEKS}-week block",
                  window_choice=f"best of {run.n_splits} random half-splits of the weeks, "
                                "lift measured on the other half")
    if day_precision:
        method["day_precision_dates"] = ("the UTC date when stored at 00:00 UTC (the loaders' "
                                         "convention), else the calendar day nearest to the "
                                         "stored instant in tz (right when source and audience "
                                         "zones differ by less than 12 h)")


def _note_accounts(method: dict, n_groups: int) -> None:
    """Record in ``method`` how many platform/accounts the posts are measured against and,
    beyond :data:`MAX_GROUP_LEVELS`, how many share one control level: said apart from the
    controls (:func:`._data.controls`), which pool them without a word."""
    method["accounts"] = int(n_groups)
    if n_groups > MAX_GROUP_LEVELS:
        # the count, for a report to say it in its language; the sentence, for the analyst
        method["pooled_accounts_n"] = n_groups - MAX_GROUP_LEVELS
        method["pooled_accounts"] = (
            f"the {n_groups - MAX_GROUP_LEVELS} platform/accounts with the fewest posts share "
            f"one control level ({OTHER_GROUPS!r}); the {MAX_GROUP_LEVELS} with the most have "
            "their own")


def _weekday_analysis(frame: pd.DataFrame, X: np.ndarray, strata: np.ndarray, method: dict,
                      run: _Run) -> tuple[SlotEstimate | None, pd.DataFrame]:
    """The weekday analysis ``(estimate, by_weekday)``, None without posts, its test noted
    in ``method``. Apart from the hour analysis as it reads every kept post, hour known or
    not: a day-precision post tells its weekday and nothing of its hour."""
    Zw, _ = slot_design(weekday=True, hour=False)
    wk = estimate(X, frame["y"].to_numpy(float), frame["offset"].to_numpy(float),
                  frame["weekday"].to_numpy(int), frame["week"].to_numpy(int), strata, Zw[::24],
                  rng=run.rng, n_boot=run.n_boot, n_perm=run.n_perm,
                  level=run.level) if len(frame) else None
    method["weekday_p_value"] = float(wk.p_value) if wk else np.nan
    method["weekday_test"] = wk.test if wk else "no posts"
    # the posts alone on their weekday, which the test did not read (_estimate.days_tested)
    method["weekday_test_left_out"] = wk.untested if wk else 0
    return wk, _by_weekday(wk)


def _by_weekday(wk: SlotEstimate | None) -> pd.DataFrame:
    """The weekday analysis' lifts, one row a weekday (Monday 0), NA without posts."""
    return pd.DataFrame({
        "weekday": pd.array(range(7), dtype="Int64"),
        "n_posts": pd.array(wk.n if wk else np.zeros(7), dtype="Int64"),
        "lift": pd.array(wk.lift if wk else np.full(7, np.nan), dtype="Float64"),
        "lift_low": pd.array(wk.lift_low if wk else np.full(7, np.nan), dtype="Float64"),
        "lift_high": pd.array(wk.lift_high if wk else np.full(7, np.nan), dtype="Float64"),
    })


def _hour_analysis(frame: pd.DataFrame, strata: np.ndarray, wk: SlotEstimate | None,
                   Xa: np.ndarray, anames: list[str], method: dict, n_excluded: dict,
                   run: _Run) -> _Hours:
    """The hour-of-week analysis on the posts whose hour is known (Method 2-6): fitted, its
    weekend hours tested (:func:`_weekend_hours`) and, when they differ, fitted again with
    the weekend's own hour curve; what it read and left out noted in ``method`` and
    ``n_excluded``. Apart from the weekday analysis (:func:`_weekday_analysis`) as its posts,
    and so its controls, may be fewer: those of the weekday analysis (``Xa``, ``anames``,
    its null fit) are reused only when the posts are the same."""
    timed = frame["hour"].to_numpy() >= 0
    if len(frame) and timed.all() and _all(wk.used):
        # every post has its hour (no day-precision post): the hour analysis has the weekday
        # one's posts, so its controls and null model too
        hk, (Xh, cnames), null = frame, (Xa, anames), wk.null_fit
    else:
        hk, null = frame.loc[timed].reset_index(drop=True), None
        Xh, cnames = controls(hk) if len(hk) else (np.zeros((0, 1)), ["intercept"])
    slot = (hk["weekday"] * 24 + hk["hour"]).to_numpy(int)
    strata = strata[timed]

    def fit(weekend: bool, null: NBFit | None) -> tuple[SlotEstimate, list[str]]:
        Zs, znames = slot_design(weekend_hour=weekend)
        return estimate(Xh, hk["y"].to_numpy(float), hk["offset"].to_numpy(float), slot,
                        hk["week"].to_numpy(int), strata, Zs, rng=run.rng, n_boot=run.n_boot,
                        n_perm=run.n_perm, level=run.level, window_width=run.window_hours,
                        n_splits=run.n_splits, null=null, split_weekend=weekend), znames

    est, znames = fit(False, null)
    # the posts the hour analysis read: not those without engagement it fits exactly
    used = _used(est, len(hk))
    weekend = _weekend_hours(hk.loc[used], slot[used], strata[used], est.full_fit, method, run)
    if weekend:
        # Saturday and Sunday get their own hour curve: the model, the slots' shrinkage and
        # the windows are those with the weekend x hour terms
        est, znames = fit(True, est.null_fit if used.all() else None)
        used = _used(est, len(hk))
        method["smooth"] = ("weekday effects + 3 Fourier pairs of the hour, and the same pairs "
                            "times a weekend indicator")
    # a post without engagement alone where the model fits it freely (an hour no other post
    # went out at) has no rate to estimate: left out, counted, and said (_model.fitted_to_zero)
    n_excluded["zero_alone"] = int((~used).sum())
    method["zero_alone_weekday"] = int((~_used(wk, len(frame))).sum()) if wk else 0
    # the posts alone at their hour, which the test did not read (_estimate.posts_tested):
    # not said of a test that could not be run, unless they are why it could not
    method["test_left_out"] = (est.untested if np.isfinite(est.p_value)
                               or est.test in (NO_HOURS_TESTED, TOO_FEW_LEFT) else 0)
    method.update(controls=cnames, timing_terms=znames, test=est.test,
                  test_statistic=est.statistic, nb_dispersion=est.nb_alpha, tau2=est.tau2)
    return _Hours(hk, Xh, slot, strata, est, used, weekend, all_posts=hk is frame)


#: why the weekend test reads the posts of a weekend day posted fewer than MIN_TEST_POSTS
#: times, which the weekday test leaves out (``method["weekday_test_left_out"]``): said in
#: ``method["weekend_test_reads"]``, the rules of the two tests differing on the same posts
_WEEKEND_READS = (
    f"every weekend post, those of a weekend day posted fewer than {MIN_TEST_POSTS} times too "
    "(which the weekday test leaves out): the model tested has the weekday effects, so the "
    "one post of a day posted once is fitted exactly (residual 0: it adds nothing to the "
    "statistic or its permutations), and a day posted twice adds only the difference "
    "between its two posts' hours")


def _weekend_hours(hk: pd.DataFrame, slot: np.ndarray, strata: np.ndarray, fit: NBFit | None,
                   method: dict, run: _Run) -> bool:
    """Do weekend days get their own hour curve (Method 8)? :func:`_weekend_test` at
    ``alpha``, its outcome and rule noted in ``method``. Drawn from its own random stream,
    not the analysis', so that where the weekend hours are not used nothing else changes."""
    p, how = _weekend_test(hk, slot, strata, fit, n_perm=run.n_perm,
                           rng=np.random.default_rng([run.seed, 1]))
    weekend = bool(np.isfinite(p) and p < run.alpha)
    method.update(weekend_hours=weekend, weekend_p_value=p, weekend_test=how,
                  weekend_test_reads=_WEEKEND_READS,
                  weekend_rule=f"at least {WEEKEND_MIN_POSTS} posts of known hour on weekend "
                               f"days and on weekdays, each at {WEEKEND_MIN_HOURS} distinct "
                               f"hours or more")
    return weekend


def _by_slot(est: SlotEstimate) -> pd.DataFrame:
    """The hour analysis' lifts, one row an hour-of-week slot (``weekday * 24 + hour``)."""
    return pd.DataFrame({
        "weekday": pd.array(np.repeat(np.arange(7), 24), dtype="Int64"),
        "hour": pd.array(np.tile(np.arange(24), 7), dtype="Int64"),
        "n_posts": pd.array(est.n.astype(int), dtype="Int64"),
        "lift": pd.array(est.lift, dtype="Float64"),
        "lift_low": pd.array(est.lift_low, dtype="Float64"),
        "lift_high": pd.array(est.lift_high, dtype="Float64"),
    })


def _days_finding(hours: _Hours, wk: SlotEstimate | None, by_weekday: pd.DataFrame,
                  method: dict, run: _Run) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """The days without the hours (Method 7): ``(best, avoid, days_found)``, the hour test
    and the finding noted in ``method``. Apart from the windows (:func:`_windows_told`) as
    it decides whether any is told: when the days are the finding, none is."""
    wp = method["weekday_p_value"]
    weekday_passed = bool(len(hours.posts) and np.isfinite(wp) and wp < run.alpha)
    used = hours.used
    # the hour test only tells a days finding from a window: not run when the days do not
    # differ (its permutations were a tenth of the sample's report's best-times time)
    hp, how = (_hour_test(hours.X[used], hours.posts.loc[used], hours.slot[used],
                          hours.strata[used], n_perm=run.n_perm, rng=run.rng,
                          weekend=hours.weekend,
                          null=wk.full_fit if hours.all_posts and used.all() else None)
               if weekday_passed else (np.nan, "not run: the weekday test did not pass"))
    method.update(hour_p_value=hp, hour_test=how)
    # the days without the hours: the weekday test holds and the hour test (given the days)
    # does not, so a window's hours would be noise passed off as the finding (a weekend x1.5
    # with no hour effect was told as "weekends from 12:00-15:00", or as no effect at all
    # when the window's held-out lift did not clear 1)
    days_found = weekday_passed and not (np.isfinite(hp) and hp < run.alpha)
    days, avoid = (_best_days(by_weekday) if days_found
                   else (by_weekday.iloc[0:0], by_weekday.iloc[0:0]))
    # the days differ (the test) without one standing out (no interval clear of 1): said so,
    # and no window either (its hours would be noise), but no day named as best
    method.update(days_differ=days_found)
    return days, avoid, days_found


def _windows_told(hours: _Hours, by_slot: pd.DataFrame, days_found: bool, method: dict,
                  run: _Run) -> tuple[dict, dict | None, pd.DataFrame, bool]:
    """``(window, weekend_window, recommended, reliable)``: the windows as the answer tells
    them, judged by the showing rule (:func:`._estimate.judged`, Method 6), and the slots of
    those shown. Apart from the estimate, which finds windows, as here they become the
    finding: the one shown first, else the one that stood out, never one when the days are
    the finding (:func:`_days_finding`)."""
    est = hours.est
    window = (dict(est.window) if est.window else
              {"status": est.test if len(hours.posts) else "no posts with a known hour"})
    tested = np.isfinite(est.p_value) and est.p_value < run.alpha and not days_found
    # the showing rule (_estimate.judged): the test, the held-out interval above 1 and the
    # lift allowing for the window's selection above 1
    window = judged(window, run.level, tested=tested)
    weekend_window = (judged(dict(est.weekend_window), run.level, tested=tested)
                      if hours.weekend else None)
    if hours.weekend:
        # a weekend window that stood out did hold up on the held-out weeks: what a finding
        # without one says of the weekend must not claim none did (``_weekend_tested``)
        method["weekend_stood_out"] = stood_out(weekend_window)
    # the window told is the one shown, Monday-Friday's first, the weekend's beside it when
    # both are; without one shown, the one that stood out (said not to be recommended)
    told = [w for w in (window, weekend_window) if shown(w)] or [
        w for w in (window, weekend_window) if stood_out(w)] or [window]
    reliable = shown(told[0])
    window, weekend_window = told[0], (told[1] if reliable and len(told) > 1 else None)
    if reliable:
        cells = window["cells"] + (weekend_window["cells"] if weekend_window else [])
        recommended = _window_slots_ranked(by_slot.iloc[cells], method)
    else:
        recommended = by_slot.iloc[0:0].reset_index(drop=True)
    window.pop("cells", None)
    if weekend_window:
        weekend_window.pop("cells", None)
    return window, weekend_window, recommended, reliable


def _window_slots_ranked(rec: pd.DataFrame, method: dict) -> pd.DataFrame:
    """The slots of the windows shown, best first by shrunk lift, then posts; but a slot of
    too few posts holding one counted at a cap (``BestTimes.few_capped``) after the others:
    its estimate is its capped post's, which no figure of the table, the heatmap or the plan
    shows ("too few to tell"), and ranked by it, one viral post alone on a Tuesday at 18:00
    (12.68x, capped) came first in the table and took the plan's one post a week over three
    slots of 40 posts at 1.27x. It stays a recommended slot, planned on the window's estimate
    (``calendar._ranked``) after the window's other slots."""
    n = np.zeros((7, 24), dtype=int)
    n[rec["weekday"].to_numpy(int), rec["hour"].to_numpy(int)] = rec["n_posts"].to_numpy(int)
    capped = _few_capped(n, method.get("capped") or [])[rec["weekday"].to_numpy(int),
                                                         rec["hour"].to_numpy(int)]
    rec = rec.assign(_capped=capped).sort_values(
        ["_capped", "lift", "n_posts"], ascending=[True, False, False], na_position="last",
        kind="stable")
    return rec.drop(columns="_capped").reset_index(drop=True)


def _weekend_peak_hour(by_slot: pd.DataFrame) -> int | None:
    """The weekend curve's best posted hour: Saturday's and Sunday's lifts at each hour
    posted at on a weekend day, averaged over the two days where both have one; None when no
    weekend hour has a lift. Read off the slots, for a finding without a weekend window
    to name the weekend's hour (``BestTimes._weekend_finding``)."""
    lift = by_slot["lift"].to_numpy(dtype=float, na_value=np.nan).reshape(7, 24)[5:]
    posted = by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24)[5:] > 0
    with warnings.catch_warnings():       # an hour posted on neither day: all-NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(np.where(posted, lift, np.nan), axis=0)
    return int(np.nanargmax(mean)) if np.isfinite(mean).any() else None


def _all(used: np.ndarray | None) -> bool:
    """Did an analysis read every post it was given (``SlotEstimate.used``; None: not run)?"""
    return used is None or bool(used.all())


def _used(est, n: int) -> np.ndarray:
    """The posts an analysis read, as a mask of the ``n`` it was given."""
    return np.ones(n, dtype=bool) if est.used is None else est.used


def _weekend_test(hk, slot, strata, fit, *, n_perm, rng) -> tuple[float, str]:
    """Do weekend days have their own hour curve? Score test of the weekend x hour terms (the
    3 Fourier pairs of the hour times a weekend indicator) in the hour analysis' model
    (``fit``: controls, weekday effects and hour curve), calibrated as :func:`_hour_test`:
    hours permuted among posts of the same weekday within the global test's strata.

    Run only when the data allow (:data:`WEEKEND_MIN_POSTS` posts of known hour on weekend
    days and on weekdays, each at :data:`WEEKEND_MIN_HOURS` distinct hours); ``(nan, why)``
    otherwise, and when the hour analysis was not fitted.
    """
    weekend = slot // 24 >= 5
    enough = all(int(part.sum()) >= WEEKEND_MIN_POSTS
                 and np.unique(slot[part] % 24).size >= WEEKEND_MIN_HOURS
                 for part in (weekend, ~weekend))
    if not enough:
        return np.nan, "not run: too few weekend or weekday posts, or hours"
    if fit is None:
        return np.nan, "not run: the hour analysis was not fitted"
    y = hk["y"].to_numpy(float)
    s = (y - fit.mu) / (1 + fit.alpha * fit.mu)
    Zi, _ = slot_design(weekday=False, hour=False, weekend_hour=True)
    # the weekend posts alone: the terms are 0 on weekdays, and hours are permuted within a
    # weekday, so a weekday post adds nothing to the statistic or its permutations (and the
    # test costs 2/7 of the posts and strata)
    # It reads every weekend post, those alone at their hour too (unlike the hour tests,
    # _estimate.posts_tested): its residuals are the hour curve's, which already bends through
    # a lone hour. Measured (sim_timing.simulate_weekend_hours, 300 posts over 26 weeks, no
    # weekend effect, 100 accounts, p < 0.05 / 0.10): a Saturday post of 60x the median alone
    # at 03:00, 0.03 / 0.08; alone on the weekend at 23:00 where 5 weekday posts went out,
    # 0.07 / 0.12. Leaving them out gave 0.05 / 0.12 and 0.08 / 0.15: nothing to mend.
    p, _, how = perm_score_test(Zi, slot[weekend], s[weekend],
                                joined([strata[weekend], slot[weekend] // 24]),
                                n_perm=n_perm, rng=rng)
    return float(p), how


def _hour_test(X, hk, slot, strata, *, n_perm, rng, weekend: bool = False,
               null: NBFit | None = None) -> tuple[float, str]:
    """Does the hour matter once the weekday is known? Score test of the hour terms (3
    Fourier pairs, and with ``weekend`` the same times a weekend indicator) in the model with
    the controls and weekday effects, calibrated by permuting the posts' hours among posts of
    the same weekday within the global test's strata (so that the days' effect, and the
    hours each day was posted at, are kept).

    ``null``: the model with the controls and weekday effects when already fitted to these
    posts (the weekday analysis' ``full_fit``, when every post has its hour: the same design,
    ``Zw[slot]`` being the weekday rows); it is not fitted again.

    Returns ``(p_value, how)``, as :func:`._model.perm_score_test`; ``(nan, why)`` when the
    hour analysis has too few posts or weeks, or no engagement.
    """
    y = hk["y"].to_numpy(float)
    if len(hk) < MIN_POSTS or hk["week"].nunique() < MIN_WEEKS or y.sum() <= 0:
        return np.nan, NO_ENGAGEMENT if len(hk) and y.sum() <= 0 else "too few posts or weeks"
    Zw, _ = slot_design(weekday=True, hour=False)
    Zh, _ = slot_design(weekday=False, hour=True, weekend_hour=weekend)
    if null is None:
        null = nb_fit(np.column_stack([X, Zw[slot]]), y, hk["offset"].to_numpy(float))
    s_null = (y - null.mu) / (1 + null.alpha * null.mu)
    t = posts_tested(slot, weekend)      # not the posts alone at their hour
    p, _, how = perm_score_test(Zh, slot[t], s_null[t], joined([strata[t], slot[t] // 24]),
                                n_perm=n_perm, rng=rng)
    return float(p), how


def _best_days(by_weekday: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The days a weekday finding names, among those the weekday test read with a known lift
    (:func:`._result.nameable_days`): ``(above, below)``, the days whose lift interval lies
    above 1 (best first) and those whose interval lies below 1 (worst first). Either may be
    empty; both are when the days differ without any one standing out (naming the best of
    equal days would claim a difference the intervals do not show)."""
    known = nameable_days(by_weekday).sort_values(["lift", "weekday"], ascending=[False, True])
    above = known.loc[known["lift_low"].gt(1).fillna(False).to_numpy(bool)]
    below = known.loc[known["lift_high"].lt(1).fillna(False).to_numpy(bool)]
    below = below.sort_values(["lift", "weekday"], ascending=[True, True])
    return above.reset_index(drop=True), below.reset_index(drop=True)
