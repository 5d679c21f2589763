"""The projection of a goal's final value: where a running goal period will end, drawn
``paths`` times (benchmarks-methods §5.2), for :func:`smmanalytics.goals.scorecard`'s
projection, range and chance of meeting the target.

What the days left are drawn from: a count's daily series with its weekday rhythm and
dispersion (:func:`_weekday_fit`), a flow's with its day-to-day correlation, rhythm and
first-day spread (:func:`_flow_rest`), the posts' engagement rate, a ROAS or ROI's value over
the costs still to come (:func:`_costs_to_come`), or GA4's monthly totals without daily rows
(:func:`_sim_from_months`, a Gamma rate fitted with a month that stands out left out). The
draws themselves are :mod:`smmanalytics._forecast`'s, the layer below.

Apart from :mod:`smmanalytics.goals`, which reads goals.yaml, computes the actuals and
judges them: this module only answers "how might the rest of the period go", from the
history before the day evaluated, and appends to the goal's notes what its answer rests on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import numpy as np
import pandas as pd

from ._actuals import actual, interactions_reach, metric_daily, posts_in
from ._forecast import sim_count, sim_er, sim_flow
from ._web import prepared
from .periods import Period, parse_period
from .roi import costs_span, value_per_key_event_of

__all__ = ["simulate_final", "ga4_reach"]

#: totals of counted things, whose days are drawn as overdispersed counts (and whose target
#: cannot be below 0), and flows, whose days are drawn as amounts: the goals' metrics other
#: than the rates (:data:`smmanalytics.goals.GOAL_METRICS`)
COUNT_METRICS = ("posts", "interactions", "reach", "impressions", "views", "sessions",
                 "key_events")
FLOW_METRICS = ("revenue", "followers_net")


def simulate_final(ds, metric: str, platform: str, w: Period, end: dt.date, *, days_done: int,
                   days_left: int, actual_to_date: float, rng, paths: int, notes: list[str]):
    """Simulated final values of the goal's metric over ``w`` (None when not simulated), and
    whether they follow a pace of their own rather than the linear one: drawn from monthly GA4
    totals (:func:`_sim_from_months`), or from a weekly rhythm.

    Parameters
    ----------
    w, end
        The goal period's days with data, and the last day evaluated.
    days_done, days_left
        The days of ``w`` to ``end``, and the days after it to the period's end.
    actual_to_date
        The goal's actual to ``end``.
    notes
        The goal's notes, appended to (what the projection rests on).
    """
    if metric in COUNT_METRICS or metric in FLOW_METRICS:
        return _simulate_series(ds, metric, platform, w, end, days_left=days_left,
                                actual_to_date=actual_to_date, rng=rng, paths=paths,
                                notes=notes)
    if metric == "er_reach":
        return _simulate_er(ds, platform, w, end, days_done=days_done, days_left=days_left,
                            rng=rng, paths=paths)
    return _simulate_return(ds, metric, platform, w, end, days_left=days_left, rng=rng,
                            paths=paths, notes=notes)


def _simulate_series(ds, metric: str, platform: str, w: Period, end: dt.date, *,
                     days_left: int, actual_to_date: float, rng, paths: int,
                     notes: list[str]):
    """:func:`simulate_final` of a count or a flow: the actual to date plus the days left drawn
    from the daily series (or from GA4's monthly totals without one)."""
    daily = metric_daily(ds, metric, platform, w.start, end).dropna()
    y = daily.to_numpy("float64")
    if len(y) == 0 and metric in ("sessions", "key_events", "revenue"):
        final = _sim_from_months(lambda s, e: actual(ds, metric, platform, s, e), w, end,
                                 ga4_reach(ds, w.start, end), actual_to_date, rng, paths,
                                 notes, count=metric in COUNT_METRICS)
        return final, True
    if len(y) == 0:
        notes.append("no daily series to simulate from")
        return None, False
    if len(y) < 7:
        days = "1 day" if len(y) == 1 else f"{len(y)} days"
        notes.append(f"only {days} of data: projection very uncertain")
    if metric in COUNT_METRICS:
        y = np.round(np.clip(y, 0, None))
        fit = _weekday_fit(ds, metric, platform, end)
        if fit.weights is None:
            rest = sim_count(y, days_left, rng, paths, dispersion=fit.dispersion)
            return actual_to_date + rest, False
        wd = fit.weights
        left = pd.date_range(end + dt.timedelta(days=1), w.end).day_of_week
        # the weeks the rhythm was measured on: 8 to 12 (it read "12 weeks" on 4)
        notes.append(f"weekday rhythm of the last {fit.weeks} weeks used in the projection")
        rest = sim_count(y, float(wd[left].sum()), rng, paths,
                         weights=wd[daily.index.day_of_week], dispersion=fit.dispersion)
        return actual_to_date + rest, True
    hist = _FlowHistory(metric_daily(ds, metric, platform, _history_start(end), end))
    rest, weekly = _flow_rest(hist, y, daily.index, end, w.end, days_left=days_left, rng=rng,
                              paths=paths, notes=notes, nonneg=metric == "revenue")
    if rest is None:
        return None, False
    # with a weekly rhythm the projection is the simulation's median, as for counts
    return actual_to_date + rest, weekly


def _flow_rest(hist: _FlowHistory, y: np.ndarray, done: pd.DatetimeIndex, end: dt.date,
               period_end: dt.date, *, days_left: int, rng, paths: int, notes: list[str],
               nonneg: bool) -> tuple[np.ndarray | None, bool]:
    """The simulated rest of a flow's period (:func:`sim_flow`) from its days so far ``y``
    (dated ``done``), shaped by its history ``hist``: the day-to-day correlation, the weekly
    rhythm and the first day's spread, each noted in ``notes``; and whether the weekly rhythm
    was used. ``(None, False)`` with under 2 days and no first-day spread to draw from.

    The correlation is measured on the days before ``end``'s calendar month: this month's days
    say where its level now is, which the days left follow from the last one
    (:func:`sim_flow`), not how a day follows the one before. A level shift within the month
    (the sample's net followers from +70 to −275 a day on 13 October 2026) read as
    persistence: 0.87, where the weeks before show none."""
    before = hist.days[hist.days.index < pd.Timestamp(end.replace(day=1))]
    rho = _day_correlation(before, notes)
    weekly = _flow_weekly(hist, done, end, period_end, notes)
    spread = _first_day_spread(hist, len(y), bool(weekly), rho, notes)
    if len(y) < 2 and spread is None:
        return None, False
    return sim_flow(y, days_left, rng, paths, nonneg=nonneg, rho=rho, spread=spread,
                    gap=(pd.Timestamp(end) - done[-1]).days, **weekly), bool(weekly)


def _flow_weekly(hist: pd.Series | _FlowHistory, done: pd.DatetimeIndex, end: dt.date,
                 last: dt.date, notes: list[str]) -> dict:
    """:func:`smmanalytics._forecast.sim_flow`'s ``effects`` and ``ahead`` under the weekly
    rhythm of a flow's ``hist`` (:func:`_flow_rhythm`): the effect of each day of ``done``
    and the Σ of those of the days after ``end`` to ``last``; {} without a rhythm."""
    effect = _flow_rhythm(hist, notes)
    if effect is None:
        return {}
    left = pd.date_range(end + dt.timedelta(days=1), last).day_of_week
    return {"effects": effect[done.day_of_week], "ahead": float(effect[left].sum())}


def _simulate_er(ds, platform: str, w: Period, end: dt.date, *, days_done: int,
                 days_left: int, rng, paths: int):
    """:func:`simulate_final` of ``er_reach``: drawn from the posts' interactions and reach to
    ``end``, those of the 12 weeks before the period telling how much posts differ; None
    without any post."""
    posts, _ = posts_in(ds, platform, w.start, end)
    i, rr = interactions_reach(posts)
    if len(i) == 0:
        return None, False
    before = w.start - dt.timedelta(days=1)
    history = interactions_reach(posts_in(ds, platform, _history_start(before), before)[0])
    return sim_er(i, rr, days_done, days_left, rng, paths, history=history), False


def _simulate_return(ds, metric: str, platform: str, w: Period, end: dt.date, *,
                     days_left: int, rng, paths: int, notes: list[str]):
    """:func:`simulate_final` of ``roas`` and ``roi``: the remaining attributed value simulated
    from daily social revenue (+ key events × value_per_key_event), over the costs taken at
    their full-period prorated amount, plus those of the days after costs.csv ends
    (:func:`_costs_to_come`); None without a basis for them."""
    # roi looked up at call time (tests count its calls by patching smmanalytics.roi.roi)
    from .roi import roi
    by = None if platform == "all" else "platform"
    so_far, full = roi(ds, (w.start, end), by=by), roi(ds, w, by=by)
    if platform != "all":
        so_far = so_far.loc[so_far["platform"] == platform]
        full = full.loc[full["platform"] == platform]
    if so_far.empty or full.empty:
        return None, False
    value_a = so_far["value" if metric == "roi" else "revenue"].iloc[0]
    den = float(full["cost" if metric == "roi" else "ad_spend"].iloc[0])
    if pd.isna(value_a) or not den > 0:
        return None, False
    vpk = value_per_key_event_of(ds, None) if metric == "roi" else None

    def value(start, stop):
        v = actual(ds, "revenue", platform, start, stop)
        return v + vpk * actual(ds, "key_events", platform, start, stop) if vpk else v

    def daily_value(start, stop):
        rev = metric_daily(ds, "revenue", platform, start, stop)
        if vpk:
            rev = rev + metric_daily(ds, "key_events", platform, start, stop).fillna(0) * vpk
        return rev

    done = daily_value(w.start, end).dropna()
    x = done.to_numpy("float64")
    monthly = not len(x)
    if not monthly:
        hist = _FlowHistory(daily_value(_history_start(end), end))
        rest, _ = _flow_rest(hist, x, done.index, end, w.end, days_left=days_left, rng=rng,
                             paths=paths, notes=notes, nonneg=True)
        if rest is None:
            return None, False
        final_value = float(value_a) + rest
    else:
        final_value = _sim_from_months(value, w, end, ga4_reach(ds, w.start, end),
                                       float(value_a), rng, paths, notes)
        if final_value is None:
            return None, False
    to_come = _costs_to_come(ds, metric, platform, w, rng, paths, notes)
    if to_come is None:
        return None, False
    den = den + to_come
    return (final_value - den) / den if metric == "roi" else final_value / den, monthly


def _costs_to_come(ds, metric: str, platform: str, w: Period, rng, paths: int,
                   notes: list[str]) -> np.ndarray | float | None:
    """The costs (the ad spend, of ROAS) of the days of ``w`` after costs.csv ends
    (:func:`~smmanalytics.roi.costs_span`), ``paths`` of them; 0 when it reaches ``w``'s end;
    None, noted, with fewer than 3 whole months to draw them from.

    roi() counts only the days costs.csv covers: a Q4 ROI on costs to 31 October set the
    value of November and December, simulated, against October's costs alone (a brand's
    1.73, 80 % 1.56–4.41, whose lower end could not fall below October's 1.56, where the
    labour and tools alone of those months made it about 0.6). The
    days left are the months before them were: a daily rate drawn from a Gamma fitted to
    the last whole months of costs.csv, at most 6 (:func:`_flow_level`, a month that stands
    out left out as for GA4's totals), as the value of GA4's monthly totals is
    (:func:`_sim_from_months`); drawn apart from the value, as campaigns to come are not
    known either way."""
    from .roi import roi  # at call time, as in _simulate_return
    span = costs_span(ds.costs)
    if span is None or span[1] >= w.end:
        return 0.0
    what, unknown = ("costs", "are unknown") if metric == "roi" else ("ad spend", "is unknown")
    column = "cost" if metric == "roi" else "ad_spend"
    by = None if platform == "all" else "platform"
    m = parse_period(f"{span[1].year}-{span[1].month:02d}")
    if m.end != span[1]:                         # a month costs.csv covers in full
        m = m.previous()

    def spent(month: Period) -> float:
        row = roi(ds, month, by=by)
        if platform != "all":
            row = row.loc[row["platform"] == platform]
        return float(row[column].iloc[0]) if not row.empty else np.nan

    values, days, labels = _months_back(m, spent, since=span[0])
    if len(values) < _LEVEL_MIN_MONTHS:
        notes.append(f"costs.csv ends on {span[1].isoformat()}, with fewer than 3 whole months "
                     f"before: the {what} of the rest of {w.label} {unknown}, no projection")
        return None
    values, days = np.array(values, dtype="float64"), np.array(days, dtype="float64")
    kept = ~_outlying(values / days)
    # the months the rate is fitted on, as the note of a month left out says
    notes.append(f"costs.csv ends on {span[1].isoformat()}: the {what} of the rest of "
                 f"{w.label} projected from the daily rate of {kept.sum()} months")
    notes += [_outlier_note(label, int(kept.sum()), what)
              for label, k in zip(labels, kept, strict=True) if not k]
    mean, var = _flow_level(values[kept], days[kept])
    return (w.end - span[1]).days * _gamma_rates(mean, var, rng, paths)


#: a weekly rhythm is used only when the weekday effect is significant at this level...
_RHYTHM_LEVEL = 0.05
#: ...on at least this many days of history (8 weeks: each weekday seen 8 times or more)
_RHYTHM_MIN_DAYS = 56
_RHYTHM_MAX_DAYS = 84        # the last 12 weeks


#: a day-to-day correlation of a flow is used only when significant at 5 % (one-sided:
#: its z quantile), on at least 4 weeks of days
_CORRELATION_Z = 1.6449
_CORRELATION_MIN_DAYS = 28


def _history_start(end: dt.date) -> dt.date:
    """The first day of the history a projection measures its day-to-day behaviour on (the
    last 12 weeks up to ``end``)."""
    return end - dt.timedelta(days=_RHYTHM_MAX_DAYS - 1)


def _known_days(hist: pd.Series) -> pd.Series:
    """The days of a daily series ``hist`` that are known: its values from the first day of
    activity on, without the missing ones. The days before the first activity (0 until a
    shop or an account starts) are unknown, not a run of zeros."""
    hist = hist.dropna()
    return hist[(hist != 0).cumsum() > 0]


class _FlowHistory:
    """A daily flow's history as :func:`_day_correlation` and :func:`_flow_rhythm` both read
    it: its known ``days`` (:func:`_known_days`) and their month + weekday ``fit``
    (:func:`_month_weekday_fit`, computed once, when first needed), so that a projection
    using both cleans and fits the same days once."""

    def __init__(self, hist: pd.Series):
        self.days = _known_days(hist)

    @functools.cached_property
    def fit(self) -> tuple[np.ndarray, np.ndarray]:
        """:func:`_month_weekday_fit` of :attr:`days`: their residuals and weekday effects."""
        return _month_weekday_fit(self.days)


def _first_day_spread(hist: _FlowHistory, done: int, weekly: bool, rho: float,
                      notes: list[str]) -> tuple[float, int] | None:
    """:func:`smmanalytics._forecast.sim_flow`'s ``spread`` for a goal period with ``done``
    days of a flow so far: None from 2 days on (they give their own). On its first day, the
    day-to-day variance of the flow's ``hist`` and its degrees of freedom: the residual sum of
    squares of its days around their calendar month's level (and weekday's effect, when the
    projection uses a ``weekly`` rhythm: :func:`_month_weekday_fit`) over ``ν`` = days less
    months (less weekdays) fitted, divided by the share of the variance days correlated at
    ``rho`` keep around their month's mean (:func:`smmanalytics._forecast.sim_flow`'s
    ``E[s²]``, each month weighted by its days less one). ``|that day|`` stood for the spread
    and the range covered 65 % of month-ends (days of mean 20, sd 30).

    Without earlier days (``ν < 1``: the current day alone, or a month of one day before it)
    None, and a note in ``notes`` says there is no range: one day tells no spread."""
    if done >= 2:
        return None
    days = hist.days
    n = len(days)
    if n:
        month = pd.factorize(days.index.year * 12 + days.index.month)[0]
        per_month = np.bincount(month)
        nm = len(per_month)
        if weekly:
            e = hist.fit[0]
            nu = n - nm - (int((np.bincount(days.index.day_of_week, minlength=7) > 0).sum())
                           - 1)
        else:
            y = days.to_numpy("float64")
            e = y - (np.bincount(month, y, nm) / per_month)[month]
            nu = n - nm
        if nu >= 1:
            share = 1.0
            if rho > 0 and (per_month > 1).any():
                kept = [(m - 1) * (1 - 2 / (m - 1) * float(
                    ((1 - np.arange(1, m) / m) * rho ** np.arange(1, m)).sum()))
                    for m in per_month if m > 1]
                share = sum(kept) / float((per_month[per_month > 1] - 1).sum())
            notes.append(f"day-to-day spread of the last {n} days used in the "
                         "projection's range")
            return float((e * e).sum()) / nu / share, int(nu)
    notes.append("no earlier days to measure the day-to-day spread on: no range")
    return None


def _flow_history(hist: pd.Series | _FlowHistory) -> _FlowHistory:
    """``hist`` as a :class:`_FlowHistory` (itself when it is one already)."""
    return hist if isinstance(hist, _FlowHistory) else _FlowHistory(hist)


def _day_correlation(hist: pd.Series | _FlowHistory, notes: list[str]) -> float:
    """Lag-one correlation of a daily flow (revenue, net followers) over its history, for
    :func:`smmanalytics._forecast.sim_flow`; 0 when not shown beyond noise.

    The days before the first activity (0 until a shop or an account starts) are unknown,
    not a run of zeros (:class:`_FlowHistory`). Each day is taken as its deviation from its
    calendar month's level and its weekday's effect (:func:`_month_weekday_fit`: neither a
    month's growth nor a weekly rhythm is a correlation), and ``r₁ = Σ eₜ·eₜ₋₁ / Σ eₜ²``
    over the pairs of consecutive known days. Under independence ``r₁`` is about normal with
    variance ``1/n``: it is used only when ``r₁·√n`` passes the one-sided 5 % point, on at least 4
    weeks of days, then corrected for its small-sample bias, ``+ (1 + 4·r₁)/n`` for the mean
    taken out (Kendall 1954) and ``+ (1 + r₁)/n`` for each further month's level (ours,
    measured by simulation; the weekday effects, interleaved, bias it little), at most 0.9.
    A note in ``notes`` says so: the range is wider than independent days would make it.

    On AR(1) days (12 weeks of history, 10 days into a month, 300 months each) the 80 %
    range covered, at a correlation of 0, 0.3, 0.5 and 0.7: 0.80, 0.66, 0.50 and 0.41 as
    independent days; now 0.77, 0.76, 0.76 and 0.80 (± 0.025; at 0.3 the correlation passes
    the test in two histories of three; its mean estimate at 0.5 and 0.7: 0.49 and 0.69).
    Independent days with a weekend bump of 25 (day-to-day sd 6) passed the test in 79 % of
    histories around the months' means alone, and 44 days of 0 before the first activity in
    all of them; now 3 % and 4 %. (A weekly rhythm beyond noise is projected as one:
    :func:`_flow_rhythm`.)
    """
    flow = _flow_history(hist)
    hist = flow.days
    n = len(hist)
    if n < _CORRELATION_MIN_DAYS:
        return 0.0
    e = flow.fit[0]
    month = hist.index.year * 12 + hist.index.month
    pair = np.diff(hist.index.to_numpy()) == np.timedelta64(1, "D")
    den = float((e * e).sum())
    y = hist.to_numpy("float64")
    # days the months and weekdays explain whole leave nothing (rounding) to correlate
    if not pair.any() or not den > 1e-12 * float(((y - y.mean()) ** 2).sum()):
        return 0.0
    r1 = float((e[1:] * e[:-1])[pair].sum()) / den
    if not r1 * np.sqrt(n) > _CORRELATION_Z:
        return 0.0
    rho = min(r1 + (1 + 4 * r1 + (len(np.unique(month)) - 1) * (1 + r1)) / n, 0.9)
    notes.append(f"days correlated from one to the next ({rho:.2f} over the {n // 7} weeks "
                 "before this month): the projection's range is wider than for independent "
                 "days")
    return rho


def _month_weekday_fit(hist: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each day of ``hist`` less its calendar month's level and its weekday's effect (the
    additive model ``y = month + weekday``, fitted by alternating means until stable), and
    the 7 weekday effects (Monday first, mean 0 over the weekdays seen, 0 for a weekday not
    seen). A weekly rhythm (more on Saturdays) and a month's growth are neither of them a
    correlation of one day with the next, and a weekend bump read as one in 4 histories of
    5."""
    y = hist.to_numpy("float64")
    month = pd.factorize(hist.index.year * 12 + hist.index.month)[0]
    dow = hist.index.day_of_week.to_numpy()
    nm = month.max() + 1
    level, effect = np.zeros(nm), np.zeros(7)
    for _ in range(50):
        level = np.bincount(month, y - effect[dow], nm) / np.bincount(month, minlength=nm)
        seen = np.bincount(dow, minlength=7)
        new = np.bincount(dow, y - level[month], 7) / np.maximum(seen, 1)
        new -= new[seen > 0].mean()                  # the months' levels hold the mean
        done = np.allclose(new, effect, rtol=0, atol=1e-9 * (1 + np.abs(y).max()))
        effect = new
        if done:
            break
    return y - level[month] - effect[dow], effect


def _flow_rhythm(hist: pd.Series | _FlowHistory, notes: list[str]) -> np.ndarray | None:
    """Weekday effects of a daily flow (revenue, net followers) over its history, for
    :func:`smmanalytics._forecast.sim_flow`; None when not shown beyond noise.

    As :func:`_weekday_fit` does for counts, with the flow's additive model: the days
    (those before the first activity unknown, as in :func:`_day_correlation`) are fitted by
    ``y = month + weekday`` (:func:`_month_weekday_fit`) against ``y = month``, and the
    weekday term is used only when, on at least 8 weeks of days, the F test on the residual
    sums of squares, ``F = ((RSS₀ − RSS₁) / 6) / (RSS₁ / ν)`` against F(6, ν) (ν: the days
    less the months and weekdays fitted), is significant at the 5 % level. A note in
    ``notes`` says so, in the counts' words.

    Without it a weekend bump was taken for day-to-day noise. Days of level 100 and sd 6 (12
    weeks of history, 10 days into a calendar month, 1 000 months each), the 80 % range
    covered, before and now: independent days 0.80 and 0.80 (a rhythm found in 5 % of the
    histories); AR(1) days at 0.5, 0.80 and 0.79; a weekend bump of 24 (4 sd), 0.96 and
    0.78; the bump and AR(1) at 0.5, 0.98 and 0.78 (± 0.013; 3 and 20 days into the month
    alike). The bump's median projection was off by −43 on average where the days left hold
    more weekend days than the days done (their level, taken on fewer weekends, was too low
    for them), +58 where they hold fewer; now +3.5 and −2.5, as independent days' −1.5 and
    +2.4.
    """
    flow = _flow_history(hist)
    hist = flow.days
    n = len(hist)
    if n < _RHYTHM_MIN_DAYS:
        return None
    y = hist.to_numpy("float64")
    month = pd.factorize(hist.index.year * 12 + hist.index.month)[0]
    nm = month.max() + 1
    rss0 = float(((y - (np.bincount(month, y, nm) / np.bincount(month))[month]) ** 2).sum())
    e, effect = flow.fit
    rss1 = float((e * e).sum())
    extra = int((np.bincount(hist.index.day_of_week, minlength=7) > 0).sum()) - 1
    nu = n - nm - extra
    tiny = 1e-12 * float(((y - y.mean()) ** 2).sum())
    # a flat flow (or one the months explain whole) has no rhythm to find
    if nu <= 0 or extra <= 0 or not rss0 - rss1 > tiny:
        return None
    if rss1 > tiny:             # else a rhythm and nothing else: no noise to test it against
        from ._dist import f_isf  # scipy, imported when a projection needs it

        if not (rss0 - rss1) / extra / (rss1 / nu) > f_isf(_RHYTHM_LEVEL, extra, nu):
            return None
    notes.append(f"weekday rhythm of the last {n // 7} weeks used in the projection")
    return effect


@dataclasses.dataclass(frozen=True)
class _DailyFit:
    """What the daily history says: the weekday ``weights`` (None without a rhythm shown
    beyond noise), the number of whole ``weeks`` of history, and the ``dispersion``
    (Pearson χ², residual degrees of freedom) of the model used (None without history)."""

    weights: np.ndarray | None
    weeks: int
    dispersion: tuple[float, int] | None


def _loglinear(y: np.ndarray, month: np.ndarray, dow: np.ndarray | None):
    """Poisson maximum-likelihood means of ``log μ = month + weekday`` (``dow`` None: month
    only), by iterative proportional fitting: the fitted margins equal the observed ones
    (each month's and each weekday's total). A weekday with no activity at all is fitted at
    0. Returns the means, the weekday factors (mean 1 over the 7 days) and the number of
    parameters fitted other than those fixed at 0."""
    months = np.unique(month, return_inverse=True)[1]
    nm = months.max() + 1
    mtot = np.bincount(months, y, nm)
    if dow is None:
        mu = (mtot / np.bincount(months, minlength=nm))[months]
        return mu, None, int((mtot > 0).sum())
    b = np.ones(7)
    dtot = np.bincount(dow, y, 7)
    for _ in range(200):
        a_m = mtot / np.maximum(np.bincount(months, b[dow], nm), 1e-300)
        b_new = dtot / np.maximum(np.bincount(dow, a_m[months], 7), 1e-300)
        done = np.allclose(b_new, b, rtol=1e-10, atol=0)
        b = b_new
        if done:
            break
    a_m = mtot / np.maximum(np.bincount(months, b[dow], nm), 1e-300)
    return a_m[months] * b[dow], b / b.mean(), int((mtot > 0).sum() + (dtot > 0).sum() - 1)


def _deviance(y: np.ndarray, mu: np.ndarray) -> float:
    """Poisson deviance ``2 Σ [y log(y/μ) − (y − μ)]`` (0 log 0 = 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(y > 0, y * np.log(y / mu), 0.0)
    return float(2 * (t - (y - mu)).sum())


def _pearson(y: np.ndarray, mu: np.ndarray, k: int) -> tuple[float, int] | None:
    """Pearson's χ² of ``y`` around ``mu`` and its degrees of freedom (days − ``k`` fitted
    parameters); days expected at 0 are left out (fitted exactly, they say nothing of the
    noise). None without a degree of freedom left."""
    fit = mu > 0
    df = int(fit.sum()) - k
    return (float(((y[fit] - mu[fit]) ** 2 / mu[fit]).sum()), df) if df > 0 else None


def _weekday_fit(ds, metric: str, platform: str, end: dt.date) -> _DailyFit:
    """Weekday rhythm and day-to-day dispersion of a count over the 12 weeks up to ``end``
    (benchmarks-methods §5.2, weekday-weighted pacing; from the first day with activity).

    Each day's count is modelled as quasi-Poisson, ``log μ = month + weekday`` against
    ``log μ = month`` (a level for each calendar month, so that a month's growth is not taken
    for a weekday effect). The rhythm is used only when, on at least 8 weeks of history, the
    F test of the weekday term is significant at the 5 % level: ``F = ((D₀ − D₁) / 6) / φ̂``
    against F(6, ν), with ``D₀, D₁`` the Poisson deviances of the two models, ``φ̂`` the
    Pearson dispersion of the weekday model (at least 1) and ``ν`` its residual degrees of
    freedom (McCullagh & Nelder 1989, §6.2.5). A weekday > 20 % off the mean of pure noise
    was taken for a rhythm (in 94 % of 12-week noise histories), and the dispersion measured
    around weights fitted to that noise was too small: the 80 % range covered 75 %.

    The dispersion returned is the Pearson χ² of the model used with its residual degrees of
    freedom (days − parameters fitted), so that fitting the months and weekdays does not
    shrink it.
    """
    hist = _known_days(metric_daily(ds, metric, platform, _history_start(end), end))
    if not len(hist) or not hist.sum() > 0:
        return _DailyFit(None, 0, None)
    y = np.round(np.clip(hist.to_numpy("float64"), 0, None))
    month = (hist.index.year * 12 + hist.index.month).to_numpy()
    dow = hist.index.day_of_week.to_numpy()
    mu0, _, k0 = _loglinear(y, month, None)
    null = _DailyFit(None, len(y) // 7, _pearson(y, mu0, k0))
    if len(y) < _RHYTHM_MIN_DAYS:
        return null
    mu1, w, k1 = _loglinear(y, month, dow)
    disp = _pearson(y, mu1, k1)
    if disp is None:
        return null
    from ._dist import f_isf  # scipy, imported when a projection needs it

    phi = max(disp[0] / disp[1], 1.0)           # counts are at least as noisy as Poisson
    extra = k1 - k0                             # the weekday parameters: 6
    if extra <= 0:
        # activity on one weekday alone leaves no weekday parameter to test (F divided by
        # 0): reached once a goal already met is simulated for its projection too
        return null
    f = (_deviance(y, mu0) - _deviance(y, mu1)) / extra / phi
    # p < level ⇔ F above F(extra, ν)'s upper quantile (not scipy.stats: its import costs the
    # report's forked copy about a second, see _dist)
    if not f > f_isf(_RHYTHM_LEVEL, extra, disp[1]):
        return null
    return _DailyFit(w, len(y) // 7, disp)


def ga4_reach(ds, start: dt.date, end: dt.date) -> dt.date | None:
    """The last day reached by the GA4 exports that cover any day from ``start`` to ``end``
    (an export of October's totals reaches 31 October, whatever day is evaluated); None
    without any."""
    if ds.web is None or ds.web.empty:
        return None
    covers = prepared(ds.web).covers
    hit = (covers["start"] <= pd.Timestamp(end)) & (covers["end"] >= pd.Timestamp(start))
    return covers.loc[hit, "end"].max().date() if hit.any() else None


def _sim_from_months(total, w: Period, end: dt.date, reach: dt.date | None, a, rng, paths,
                     notes, *, count: bool = False):
    """Final values of a goal on GA4 period totals (no daily rows), ``a`` its actual to
    ``end``; ``total(start, stop)`` gives the value of a span, each total prorated by day.

    The actual to date is a share of totals that reach ``reach``: to that day the final value
    is those totals (the same daily rate as the actual's, not another one). Totals that cover
    the goal period whole leave nothing to simulate: the final value is their total, so P is
    1 or 0, and the projection agrees with the linear pace. The days after ``reach`` get a daily
    rate drawn from a Gamma fitted to the last months, the first of them the totals in hand
    (:func:`_count_level`, :func:`_flow_level`, :func:`_gamma_rates`), one rate for all the
    days left as before; a flow's months that stand out from the others (a campaign's,
    :func:`_outlying`) are left out of its fit, and noted. A ``count`` (sessions, key
    events) then draws its total over those days Poisson given the rate: a Gamma–Poisson
    (negative binomial) model of counts whose level is uncertain (benchmarks-methods §5.2),
    fitted by maximum likelihood, as one outlying month set the moments' fit (the sample's
    October). A flow (revenue, the value of ROI) is the days times the rate: a Gamma rather
    than a log-normal, as a month of no revenue (no log) is still a month, and the Gamma
    keeps the months' mean and variance whatever their skew, where a log-normal fitted on
    the logs of 3 to 7 months is set by its smallest.
    A Normal rate clipped at 0 put impossible totals in the interval: on the sample brand
    in July 13.8 % of paths drew no key event over August and September, after 13 months of
    at least 7 each, and the interval's lower end was the actual itself."""
    reach = min(reach, w.end) if reach is not None else end
    known = total(w.start, reach) if reach > end else a
    if np.isnan(known):              # cannot happen with a known actual; then as before
        known, reach = a, end
    if reach >= w.end:
        notes.append(f"GA4 has period totals only, which cover {w.label} whole: the projection "
                     f"counts them in full, the actual to date their share of the days elapsed")
        return np.full(paths, float(known))
    d, r = (reach - w.start).days + 1, (w.end - reach).days
    m = parse_period(f"{w.start.year}-{w.start.month:02d}")
    label = (m.label if (w.start, reach) == (m.start, m.end)
             else parse_period((w.start, reach)).label)
    # the months before, each looked at: no further back than the 6th
    since = (pd.Timestamp(m.start) - pd.DateOffset(months=_LEVEL_MAX_MONTHS)).date()
    before = _months_back(m.previous(), lambda p: total(p.start, p.end), since=since)
    values, days, labels = [known, *before[0]], [d, *before[1]], [label, *before[2]]
    if len(values) < _LEVEL_MIN_MONTHS:
        notes.append("GA4 has monthly totals only and fewer than 3 months: no projection")
        return None
    values, days = np.array(values, dtype="float64"), np.array(days, dtype="float64")
    # a count's months are all fitted; a flow's month that stands out is left out, and the
    # note says the months the rate is fitted on, as the note naming that month does
    kept = np.full(len(values), True) if count else ~_outlying(values / days)
    if reach > end:
        notes.append(f"GA4 has monthly totals only: counted in full to {reach.isoformat()}, "
                     f"the rest of {w.label} projected from the daily rate of {kept.sum()} "
                     f"months")
    else:
        notes.append(f"GA4 has monthly totals only: projected from the daily rate of "
                     f"{kept.sum()} months")
    if count:
        mean, var, steady = _count_level(values, days)
        if steady:
            notes.append(f"the {len(values)} months vary no more than chance would: their daily "
                         f"rate is taken as steady, uncertain only by its estimate")
    else:
        notes += [_outlier_note(label, int(kept.sum()))
                  for label, k in zip(labels, kept, strict=True) if not k]
        mean, var = _flow_level(values[kept], days[kept])
    rate = _gamma_rates(mean, var, rng, paths)
    return known + (rng.poisson(r * rate) if count else r * rate)


#: a count's Gamma shape where the months are no more variable than Poisson (its MLE infinite),
#: times their total count: the level's variance m²/k is then 1/1000 of the estimate's m / V₁,
#: so that no figure shown moves by more than 0.1 % from the Poisson limit (k infinite)
_STEADY_SHAPE = 1000


def _count_level(values: np.ndarray, days: np.ndarray) -> tuple[float, float, bool]:
    """Mean and variance of the daily rate of the days to come of a count, from its ``values``
    over past spans of ``days`` days (months; the first the part of the goal period in hand),
    and whether the months were found steady (no more variable than Poisson).

    Each month's count is Poisson given its level, the levels a Gamma of shape k and mean m:
    the counts are negative binomial of size k and means ``m t``. ``m`` is the pooled rate Σ
    values / Σ days (the MLE given k when the months have equal days; near it when not), k
    its maximum-likelihood shape (:func:`_nb_shape`), which one outlying month moves far less
    than it moved the moments' fit (the sample's Q4 at October: 0.30 by moments, 0.98). The
    rate to come is a month's level (variance τ² = m² / k) plus the error of ``m``: ``Var m =
    τ² V₂ / V₁² + m / V₁`` (``V₁ = Σ t``, ``V₂ = Σ t²``), whose Poisson part is the variance of
    the conjugate Gamma(Σ values, V₁) posterior of a steady rate; the sum is matched to one
    Gamma by :func:`_gamma_rates` (the plug-in level alone would understate the range of a
    level known from 3 to 7 months)."""
    v1, v2 = days.sum(), (days ** 2).sum()
    mean = float(values.sum() / v1)
    if not mean > 0:
        return mean, 0.0, False
    shape, steady = _nb_shape(values, days * mean)
    tau2 = mean ** 2 / shape
    return mean, tau2 + tau2 * v2 / v1 ** 2 + mean / v1, steady


def _nb_shape(values: np.ndarray, mu: np.ndarray) -> tuple[float, bool]:
    """The maximum-likelihood size k of negative binomial ``values`` of means ``mu`` (given),
    and whether it was capped at :data:`_STEADY_SHAPE` times their total.

    The score in k, Σ [ψ(y + k) − ψ(k) − log(1 + μ / k) + (μ − y) / (k + μ)], is
    [Σ y − Σ (y − μ)²] / 2k² to leading order for large k (μ summing to Σ y): when the
    squared deviations are no more than the total, the likelihood still rises as k runs to
    infinity, the Poisson limit, and so it does when its root lies beyond the cap. Else the
    root is found between a small k, where the score is positive (ψ(y + k) − ψ(k) ≈ 1 / k for
    a y > 0), and the first power of 10 where it is negative, by bisection in log k (41
    halvings of a factor of 10 to 1e-12), with :func:`_digamma`: scipy.optimize's and
    scipy.special's imports cost the report's kernel 0.35 s for this one root."""
    cap = _STEADY_SHAPE * float(values.sum())
    if ((values - mu) ** 2).sum() <= values.sum():
        return cap, True

    def score(log_k: float) -> float:
        k = np.exp(log_k)
        return float((_digamma(values + k) - _digamma(k) - np.log1p(mu / k)
                      + (mu - values) / (k + mu)).sum())

    hi = min(np.log(10.0), np.log(cap))
    while score(hi) > 0:
        if hi >= np.log(cap):
            return cap, True
        hi = min(hi + np.log(10.0), np.log(cap))
    lo = hi - np.log(10.0)
    while score(lo) < 0:
        lo -= np.log(10.0)
    while hi - lo > 1e-12:      # the score falls through its one root, from lo to hi
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if score(mid) > 0 else (lo, mid)
    return float(np.exp((lo + hi) / 2)), False


def _digamma(x) -> np.ndarray:
    """ψ(x), the digamma function, of ``x`` > 0 (an array or a number), to about 1e-12: the
    recurrence ψ(x) = ψ(x + 1) − 1 / x up to x ≥ 6, then the asymptotic series ln x − 1 / 2x
    − Σ B₂ₙ / (2n x²ⁿ), Bernoulli's B₂ to B₁₂ (its next term under 1e-12 at 6). As
    ``scipy.special.digamma`` (a test holds them within that), without the import's 0.15 s
    in the report's kernel."""
    x = np.array(x, dtype=float)
    shift = np.zeros_like(x)
    while (small := x < 6).any():
        shift[small] -= 1 / x[small]
        x[small] += 1
    i = 1 / (x * x)
    series = i * (1 / 12 - i * (1 / 120 - i * (1 / 252 - i * (1 / 240 - i * (1 / 132
                                                                        - i * 691 / 32760)))))
    return shift + np.log(x) - 0.5 / x - series


def _flow_level(values: np.ndarray, days: np.ndarray) -> tuple[float, float]:
    """Mean and variance of the daily rate of the days to come of a flow (revenue, the value of
    ROI), from its ``values`` over past spans of ``days`` days, by the method of moments with
    each span weighted by its days.

    The rates ``x = values / days`` have the pooled mean ``m = Σ values / Σ days`` and the
    weighted variance ``v = Σ t (x − m)² / (V₁ − V₂ / V₁)`` (``t`` the days, ``V₁ = Σ t``,
    ``V₂ = Σ t²``), which is the sample variance (ddof 1) of months of equal days. The rate to
    come varies as a month's level and as the estimate ``m`` (``Var m = v V₂ / V₁²``): the
    sum, the predictive variance, ``v (1 + 1/n)`` of n months of equal days. A count's
    maximum likelihood (:func:`_count_level`) has no counterpart here: a Gamma fitted to the
    rates by likelihood is set by Σ log x, which a month of no revenue (still a month) sends
    to −∞ and a small month drags down, the moments' weakness to an outlying month the other
    way round: the callers leave such a month out first (:func:`_outlying`)."""
    v1, v2 = days.sum(), (days ** 2).sum()
    x = values / days
    mean = float(values.sum() / v1)
    v = float((days * (x - mean) ** 2).sum() / (v1 - v2 / v1))
    return mean, v + v * v2 / v1 ** 2


#: a month whose daily rate lies further than this from the months' median, in robust
#: standard deviations (Iglewicz & Hoaglin's modified z-score and its usual cut-off), is left
#: out of a flow's level (:func:`_outlying`)
_OUTLIER_Z = 3.5
#: the fewest months a level is fitted on, a count's or a flow's (:func:`_sim_from_months`,
#: :func:`_costs_to_come`), and so the fewest :func:`_outlying` leaves; their notes write
#: it out ("fewer than 3 months"), as report/notes.yaml translates them: change all together
_LEVEL_MIN_MONTHS = 3
#: the most months back a daily rate of the days to come is fitted on (:func:`_months_back`)
_LEVEL_MAX_MONTHS = 6


def _months_back(last: Period, value, *, since: dt.date
                 ) -> tuple[list[float], list[int], list[str]]:
    """``(values, days, labels)`` of the months from ``last`` backwards that have a value
    (``value(month)`` not NaN), at most :data:`_LEVEL_MAX_MONTHS` of them, none starting
    before ``since``.

    The costs still to come (:func:`_costs_to_come`) and GA4's monthly totals
    (:func:`_sim_from_months`) both fit a daily rate on the last months known: one walk, so
    the two count their months alike. A month without a value (no row, no total) is skipped,
    never read as 0; ``value`` is called only for the months walked (a roi() each)."""
    values: list[float] = []
    days: list[int] = []
    labels: list[str] = []
    m = last
    while len(values) < _LEVEL_MAX_MONTHS and m.start >= since:
        v = value(m)
        if not np.isnan(v):
            values.append(v)
            days.append(m.days)
            labels.append(m.label)
        m = m.previous()
    return values, days, labels


#: relative difference below which two months' daily rates are the same one (rounding)
_SAME_RATE = 1e-9


def _outlying(rates: np.ndarray) -> np.ndarray:
    """True for the months whose daily ``rates`` stand out from the others: a modified
    z-score ``|x − median| / s`` above :data:`_OUTLIER_Z`, ``s`` the median absolute
    deviation over 0.6745 (the standard deviation of a Normal), or, where more than half the
    months share one rate (a MAD of 0), the mean absolute deviation times 1.2533 (Iglewicz &
    Hoaglin 1993). All False when fewer than :data:`_LEVEL_MIN_MONTHS` would be left, or when
    the months do not vary.

    The moments' fit of :func:`_flow_level` takes one campaign month for the level's spread:
    Q4's revenue on 31 October, October's 14,658 € among six months of 303 to 2,482 €, gave a
    Gamma of shape 0.24, whose 10th percentile brought 1.21 € over November and December.
    The median and its deviation are those six months' whatever the seventh (there May's
    2,482 €, 4.4 times the median month, stood out as well: 634 to 1,209 € after)."""
    med = np.median(rates)
    dev = np.abs(rates - med)
    scale = np.median(dev) / 0.6745
    if not scale > 0:
        scale = 1.2533 * dev.mean()
    if not scale > _SAME_RATE * abs(med):
        # months equal but for floating-point rounding (0.1 + 0.2 against 0.3) do not vary:
        # a deviation of 1e-17 would set every other month 7 deviations away
        return np.zeros(len(rates), dtype=bool)
    out = dev > _OUTLIER_Z * scale           # not dev / scale: no overflow on a tiny scale
    return out if len(rates) - out.sum() >= _LEVEL_MIN_MONTHS else np.zeros_like(out)


def _outlier_note(label: str, n: int, what: str = "") -> str:
    """The note of a month ``label`` left out of a flow's level (:func:`_outlying`), fitted
    on ``n`` months; ``what`` the flow when not the goal's ("costs")."""
    of = f" of {what}" if what else ""
    return (f"{label} stands out from the other months{of} and is left out: the daily rate"
            f"{of} to come is fitted on {n} months")


def _gamma_rates(mean: float, var: float, rng, paths: int) -> np.ndarray:
    """``paths`` daily rates from the Gamma of this ``mean`` and ``var`` (shape ``mean² /
    var``, scale ``var / mean``): never below 0, and skewed to the right as flows and counts
    are, where a Normal clipped at 0 piled its lower tail on 0. A rate that does not vary is
    that rate; a mean at or below 0 (a month's refunds above its revenue) is a rate of 0,
    as the Normal's draws were clipped to."""
    if not mean > 0:
        return np.zeros(paths)
    if not var > 0:
        return np.full(paths, mean)
    return rng.gamma(mean ** 2 / var, var / mean, paths)
