"""Goals from goals.yaml, their actual values, pacing, and the probability of meeting them.

goals.yaml
----------
::

    value_per_key_event: 25          # optional, brand currency, used in attributed value
    goals:
      - metric: interactions
        platform: instagram          # a platform name, or all
        target: 6000
        period: month                # month | quarter | year
        direction: at_least          # at_least (default) | at_most
        label: Instagram interactions   # optional

Goal metrics (over the goal's month, quarter or year; posts by their publish day in the brand's
time zone, so lifetime metrics count on the day a post was published):

- ``posts``: number of posts published.
- ``interactions``: Σ interactions of those posts (see :func:`smmanalytics.metrics.interactions`).
- ``reach``, ``impressions``, ``views``: Σ over those posts.
- ``er_reach``: pooled engagement rate, Σ interactions / Σ reach over posts where both are known.
- ``followers_net``: Σ daily net follower change, the ``net_follows`` series or, where it is
  missing, ``follows`` − ``unfollows`` (from the ``daily`` table).
- ``sessions``, ``key_events``, ``revenue``: GA4 figures of social traffic (Organic and Paid
  Social, see :mod:`smmanalytics._web`); revenue in another currency than the brand's is
  unknown (not evaluated, the note says so), as in :func:`smmanalytics.roi.roi`.
- ``roas``, ``roi``: as in :func:`smmanalytics.roi.roi`, costs prorated to the days elapsed.
  With no ad spend (ROAS) or no cost (ROI) recorded, the ratio is not computable and the note
  says so, not "no data": the revenue may well be known; with costs unknown (no costs.csv, one
  that could not be read, or one whose lines do not reach the goal's period) the note says
  that instead, not that nothing was spent.
- A GA4 goal (sessions, key events, revenue, ROAS, ROI) in a period GA4's exports stop within
  is evaluated to the day they end ("GA4 data end on <day>: evaluated to that day"): the days
  after are unknown, not 0 revenue. Days no GA4 export covers before a later one resumes
  are a gap, not an end: a goal on sessions, key events or revenue whose days to date have
  one is not judged on the sum of the others ("no GA4 export covers <day> to <day>; actual
  over the 61 of 92 days covered: not assessed"), save a minimum those days already reach
  (met) or a maximum they already pass (missed): the days missing can only add. A ROAS or
  ROI goal with such days is not assessed, ended or not ("ROI over the 61 of 92 days GA4
  covers: not assessed"): roi() sets the revenue of the days covered against their costs
  alone, a ratio the days missing can move either way. Without a day covered, the actual
  is unknown and the note names the days. GA4 properties are websites apart: days one
  property's exports leave out within the span they show it exists, another's covering
  them, are a gap too ("no GA4 export of maisonseve.it covers 2026-08-01 to 2026-08-31").

Status
------
A finished period is ``met`` or ``missed``. In a running period a goal on a total that can
only grow (counts and revenue) is ``met`` once reached, and an ``at_most`` one ``missed``
once exceeded (nothing left can undo either); otherwise the status follows the simulated
probability ``P`` of meeting the target by the period's end (benchmarks-methods §5.2):
``on track`` if P ≥ 0.7, ``at risk`` if 0.3 ≤ P < 0.7, ``off track`` if P < 0.3. A missed goal
was called ``off track``, as one that could still be met. A goal whose figures are known but
give no actual is ``not computable`` (:data:`NOT_COMPUTABLE`), its note saying why: a ROAS
with no ad spend recorded in a costs.csv that covers its days, costs or GA4 revenue in
another currency, a ROI or ROAS whose days start before costs.csv's first line. A goal whose
figures are unknown (no export, costs.csv absent, unreadable or not reaching its days) has no
status: "no data".

GA4 exported as period totals (no daily rows): the actual to date is the totals' share of the
days elapsed, each total prorated by day. Totals that cover the goal period whole are its final
value: the projection is their value (the linear pace's own), P is 1 or 0, and the status says
whether they meet the target; the share to date plus the days left at another rate (the last
months') contradicted the pace. Only days past the totals are drawn from the last months'
daily rates (a quarter's goal in October: November and December).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from ._actuals import (
    NOT_FOUND,
    actual,
    actuals_shared,
    could_not_be_read,
    followers_absent_in,
    followers_gaps,
    followers_left_out,
    interactions_reach,
    known_days,
    known_days_note,
    metric_daily,
    missing_figure,
    platform_span,
    posts_in,
    social_platforms,
    unread_exports,
)
from ._args import frame_with, whole
from ._forecast import sim_count, sim_er, sim_flow
from ._io import closest_key, read_user_text, unknown_key, yaml_error
from ._web import covered_runs, property_spans
from .errors import ArgumentError, ConfigError, require_dataset
from .periods import Period, parse_period
from .schema import canonical_platform, platforms_expected

__all__ = ["GOAL_METRICS", "NOT_COMPUTABLE", "STATUSES", "STATUS_LABELS", "goal_record",
           "read_goals", "scorecard", "scorecard_display", "shown_status",
           "status_from_probability"]

logger = logging.getLogger(__name__)

#: judged on GA4's rows (ROAS and ROI on its revenue), not on a platform's posts
_GA4_METRICS = ("sessions", "key_events", "revenue", "roas", "roi")
COUNT_METRICS = ("posts", "interactions", "reach", "impressions", "views", "sessions",
                 "key_events")
FLOW_METRICS = ("revenue", "followers_net")
RATE_METRICS = ("er_reach", "roas", "roi")
GOAL_METRICS = COUNT_METRICS + FLOW_METRICS + RATE_METRICS
_MONOTONE = COUNT_METRICS + ("revenue",)      # totals that can only grow during a period
#: counted on a platform's posts (not its daily rows)
_POST_METRICS = ("posts", "interactions", "reach", "impressions", "views", "er_reach")
STATUSES = ("met", "on track", "at risk", "off track", "missed")
#: the status of a goal whose actual cannot be computed from figures that are known (GA4's
#: revenue and costs.csv read, but no ad spend recorded, another currency, costs.csv starting
#: within the goal's days): not "no data", which sent a manager looking for an export
NOT_COMPUTABLE = "not computable"
_KEYS = {"metric", "platform", "target", "period", "direction", "label"}
#: the keys of goals.yaml itself
_FILE_KEYS = ("goals", "value_per_key_event")
_PATHS = 10_000
#: the columns of scorecard()
_COLUMNS = ["goal_id", "label", "metric", "platform", "direction", "goal_period", "target",
            "actual", "progress", "status", "complete", "days", "elapsed_days", "projection",
            "pace_index", "required_daily", "p_meet", "projection_low", "projection_high",
            "note"]


# --------------------------------------------------------------------------- goals.yaml
def read_goals(path: str | Path, *, data: bytes | None = None) -> pd.DataFrame:
    """Read and validate goals.yaml (format in the module docstring).

    A key the file does not know, at the top (``goal:`` or ``objectifs:`` for ``goals:``) or
    in a goal (``periode``), is refused: dropped unread, it gave no goal or a default.

    Parameters
    ----------
    path : str or os.PathLike
        The goals.yaml file, named in errors and in ``source_file``.
    data : bytes, optional
        Its bytes, when it is a member of a zipped brand folder that ``path`` names
        (``brand.zip!brand/goals.yaml``); None reads ``path``.

    Returns
    -------
    DataFrame
        goal_id (Int64, 1-based), label, metric, platform (string), target (Float64), period,
        direction (string), line (Int64), source_file (string);
        ``attrs["value_per_key_event"]`` holds the optional value (or None).

    Raises
    ------
    ConfigError
        naming the file, the line, the key, what was expected and what came; for a key it
        does not know, the closest known one too.
    """
    path = Path(path)
    text = read_user_text(path, "goals file", data)
    try:
        raw = yaml.safe_load(text) or {}
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, "YAML") from None
    if not isinstance(raw, dict):
        raise ConfigError("goals.yaml must be a mapping with a 'goals:' list", file=str(path),
                          line=1, expected="goals: [...]", got=type(raw).__name__)
    lines = _lines(root)
    for key in raw:
        # goal: or objectifs: for goals: gave no goal, and the report said there was no
        # goals.yaml; valeur_par_conversion left the attributed value unknown
        if key not in _FILE_KEYS:
            raise unknown_key(key, _FILE_KEYS, file=path, line=lines.get((str(key),)),
                              present=map(str, raw))
    vpk = raw.get("value_per_key_event")
    if vpk is not None and (isinstance(vpk, bool) or not isinstance(vpk, int | float) or vpk < 0):
        raise ConfigError("invalid value", file=str(path), line=lines.get(("value_per_key_event",)),
                          column="value_per_key_event", expected="a number >= 0", got=vpk)
    goals = raw.get("goals", [])
    if not isinstance(goals, list):
        raise ConfigError("'goals' must be a list", file=str(path), line=lines.get(("goals",)),
                          column="goals", expected="a list of '- metric: ...' items",
                          got=type(goals).__name__)
    rows = [_goal(g, i, path, lines) for i, g in enumerate(goals)]
    out = pd.DataFrame(rows, columns=["goal_id", "label", "metric", "platform", "target",
                                      "period", "direction", "line"])
    out = out.astype({"goal_id": "Int64", "label": "string", "metric": "string",
                      "platform": "string", "target": "Float64", "period": "string",
                      "direction": "string", "line": "Int64"})
    out["source_file"] = pd.Series([str(path)] * len(out), dtype="string")
    out.attrs["value_per_key_event"] = float(vpk) if vpk is not None else None
    return out


def _lines(root) -> dict[tuple, int]:
    """1-based line of each key: (key,) at the top, ("goals", i) and ("goals", i, key)."""
    out: dict[tuple, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return out
    for k, v in root.value:
        out[(k.value,)] = k.start_mark.line + 1
        if k.value == "goals" and isinstance(v, yaml.SequenceNode):
            for i, item in enumerate(v.value):
                out[("goals", i)] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for kk, vv in item.value:
                        out[("goals", i, kk.value)] = vv.start_mark.line + 1
    return out


def _goal(g: object, i: int, path: Path, lines: dict) -> dict:
    def fail(key: str | None, expected: str, got: object, hint: str = "") -> ConfigError:
        line = lines.get(("goals", i, key)) or lines.get(("goals", i))
        return ConfigError(f"goal {i + 1} is invalid{hint}", file=str(path), line=line,
                           column=key, expected=expected, got=got)

    if not isinstance(g, dict):
        raise fail(None, "a mapping with metric, platform, target, period, direction", g)
    unknown = sorted(set(g) - _KEYS, key=str)
    if unknown:
        close = closest_key(unknown[0], _KEYS - set(g))
        raise fail(unknown[0], f"one of the keys {', '.join(sorted(_KEYS))}", unknown[0],
                   f" (did you mean {close!r}?)" if close else "")
    metric = str(g.get("metric", "")).strip().lower()
    if metric not in GOAL_METRICS:
        raise fail("metric", f"one of {', '.join(GOAL_METRICS)}", g.get("metric"))
    platform = str(g.get("platform", "all")).strip().lower()
    if platform != "all":
        platform = canonical_platform(platform)
        if platform is None:
            raise fail("platform", f"'all' or one of {platforms_expected()}", g.get("platform"))
    target = g.get("target")
    if isinstance(target, bool) or not isinstance(target, int | float) or not np.isfinite(target):
        raise fail("target", "a number (rates as fractions, 0.045 for 4.5 %)", target)
    if metric == "er_reach" and not 0 <= target <= 1:
        raise fail("target", "a fraction between 0 and 1 (0.045 for 4.5 %)", target)
    if metric in COUNT_METRICS and target < 0:
        raise fail("target", "a number >= 0", target)
    period = str(g.get("period", "month")).strip().lower()
    if period not in ("month", "quarter", "year"):
        raise fail("period", "month, quarter or year", g.get("period"))
    direction = str(g.get("direction", "at_least")).strip().lower().replace(" ", "_")
    if direction not in ("at_least", "at_most"):
        raise fail("direction", "at_least or at_most", g.get("direction"))
    label = g.get("label") or f"{metric.replace('_', ' ')} ({platform})"
    return {"goal_id": i + 1, "label": str(label), "metric": metric, "platform": platform,
            "target": float(target), "period": period, "direction": direction,
            "line": lines.get(("goals", i))}


def status_from_probability(p: float) -> str | None:
    """``on track`` if p ≥ 0.7, ``at risk`` if 0.3 ≤ p < 0.7, ``off track`` if p < 0.3; None
    when p is NaN."""
    if p is None or pd.isna(p):
        return None
    return "on track" if p >= 0.7 else "at risk" if p >= 0.3 else "off track"


def _window(kind: str, day: dt.date) -> Period:
    """The goal's period (month, quarter or year) that holds ``day``."""
    if kind == "year":
        return parse_period(str(day.year))
    if kind == "quarter":
        return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    return parse_period(f"{day.year}-{day.month:02d}")


def _asof_day(asof: object) -> dt.date:
    """The day ``asof`` names (a date, a Timestamp: its own calendar day, or text such as
    ``2026-10-15``); else an ArgumentError naming it."""
    if isinstance(asof, dt.date):
        return asof.date() if isinstance(asof, dt.datetime) else asof
    try:
        ts = pd.Timestamp(asof) if isinstance(asof, str | np.datetime64) else pd.NaT
    except (ValueError, TypeError):
        ts = pd.NaT
    if pd.isna(ts):
        raise ArgumentError("not a date", argument="asof",
                            expected="a date such as '2026-10-15', or None", got=asof)
    return ts.date()


def scorecard(ds, period: object, *, asof: object = None, seed: int = 0,
              paths: int = _PATHS) -> pd.DataFrame:
    """Each goal of ``ds.goals`` against its actual, with status, pace and projection.

    A goal is evaluated over its own month, quarter or year: the one containing the last day of
    ``period`` that is evaluated (``asof``, when it falls inside ``period``).

    Parameters
    ----------
    ds : Dataset
    period : str, tuple or Period
        The report period, e.g. ``"2026-10"``.
    asof : date-like, optional
        The day the goals are evaluated on, taken as today. Default: the earliest of the
        period's end and today in the brand's time zone. Either way each goal is evaluated to
        the earliest of that day and the last day of its data ("data end on <day>: evaluated
        to that day"; its platform's, or GA4's, as below): a day after the data is unknown,
        not a day of 0 posts. A goal period that starts after today (or after the given
        ``asof``) "has not started"; one that has started but begins after the data's last
        day has "no data for <period>: the data stop at <day>" (not evaluated); one that
        ended before the data's first day, "no data for <period>: the data start at <day>"
        (not 0 posts and a missed target). A goal on one platform (not a GA4 goal: sessions,
        key events, revenue, ROAS, ROI) is judged on that platform's own posts and daily rows:
        "no data for <period>: the x data stop at <day>" (or start), and a period the
        platform's data stop within is evaluated up to its last day ("x data end on <day>:
        evaluated to that day"), though other platforms' data reach further. A goal period
        that starts before the data (its platform's) is not judged on the days before: a
        total has no data ("2025-Q3 not covered in full: the data start at 2025-09-01"), a
        rate (er_reach, ROAS, ROI) is evaluated from that day ("data start on 2025-09-01:
        evaluated from that day"). A GA4 total (sessions, key events, revenue) whose days
        to date some GA4 export does not cover, GA4's exports resuming after them, has no
        status unless the days covered already decide it (see the module docstring): a
        quarter without August's export is no quarter's total. A ROAS or ROI goal with
        such days has none: its ratio is the covered days'. One whose days start before
        costs.csv's first line has no actual (the costs of those days are unknown: "2026-Q3
        not covered in full by costs.csv, which starts at 2026-08-01: …"), and one over a
        month costs.csv lacks a category of its other months says so
        (:func:`~smmanalytics.roi.costs_gaps`). A goal on a platform's posts
        (posts, interactions, reach, impressions, views, er_reach) is judged on the days
        its posts exports cover (their ``covers_from`` to ``covers_to``, when each says):
        "no data for 2026-10: the x posts exports stop at 2026-02-28", though X's daily rows
        reach October. A goal on all
        platforms names those whose data start or end within its period ("x data start on
        2026-10-10: counted from that day"): their days without data count as nothing in the
        total, right for a platform opened that day, too little for a missing export.
    seed, paths : int
        Seed and number of simulated paths for ``p_meet`` (a whole number ≥ 1, else
        :class:`~smmanalytics.errors.ArgumentError`). Each goal draws from a generator of its
        own, seeded from ``seed`` and the goal itself (:func:`_goal_rng`): its figures do not
        change when other goals are added, removed or reordered in goals.yaml.

    Returns
    -------
    DataFrame
        One row per goal: goal_id, label, metric, platform, direction, goal_period, target,
        actual, progress (actual / target), status, complete, days, elapsed_days, projection
        (linear pace ``A × D / d``; for rate goals, GA4 monthly totals, counts and flows
        with a weekly rhythm the median simulated final value, or the rate to date when it
        cannot be simulated; GA4 totals that cover the goal period whole give their own value, with
        p_meet 1 or 0), pace_index
        (``A / (G × d / D)``), required_daily (``(G − A) / (D − d)``), p_meet (simulated
        probability of meeting the target, running periods), projection_low and
        projection_high (10th and 90th percentiles of the simulated final value), note.
        Without goals (no goals.yaml in the brand folder, one that lists none, or one that
        could not be read: see ``ds.quality``) the frame has these columns and no row, with
        no warning (as :func:`~smmanalytics.roi.roi` without costs.csv); ``smm scorecard``
        says which and exits nonzero.
    """
    require_dataset(ds, "scorecard")
    p = parse_period(period)
    paths = whole(paths, "paths", 1)
    seed = whole(seed, "seed", 0)
    goals = ds.goals
    if goals is None or goals.empty:
        return _typed(pd.DataFrame(columns=_COLUMNS))
    cut = None                  # "data end on …: evaluated to that day", when they do
    start, last_day = ds.span()     # before start, a goal period is unknown, not 0 posts
    # "today" (asof, when given) says whether a goal period has started; the data's end, how
    # far it can be evaluated: a period after the data has started, it is the data that
    # stopped. An asof after the data's end is no day of 0 posts and 0 revenue: the days after
    # the data were counted as nothing (reach of ~1,000 a day to 10 October, asof 20
    # October: projection 17,721 and off track, where it is 35,442 and on track to 10 October)
    today = _today(ds.brand.timezone) if asof is None else _asof_day(asof)
    asof = min(p.end, today) if asof is None else today
    end = last_day
    if end is not None and end < asof:
        cut = f"data end on {end.isoformat()}: evaluated to that day"
        asof = end
    # goals are judged on their month, quarter or year that holds the last day evaluated: a year's
    # report on data that stop in October judges the monthly goals on October, not December
    anchor = asof if p.start <= asof < p.end else p.end
    rows = []
    span_of = _spans(ds)
    # ROAS, ROI and the reason one is missing: one roi() each; GA4 goals: one traffic a period
    with actuals_shared():
        for g in goals.to_dict("records"):
            window = _window(g["period"], anchor)
            g_asof, g_cut, g_end, g_start = asof, cut, end, start
            whose = "data"          # whose start and end the notes name
            partial: list[str] = []     # platforms whose data start or end within the period
            if g["platform"] != "all" and g["metric"] not in _GA4_METRICS:
                # a goal on one platform is judged on that platform's own posts and daily rows:
                # "Posts · X" of a month after X's last export is unknown, not 0 posts, though
                # Instagram's data reach it; GA4 goals keep the span of all the data (GA4's too)
                span = span_of(g["platform"], min(asof, window.end),
                               g["metric"] in _POST_METRICS)
                first, last, known, whose = span.first, span.last, span.known, span.whose
                if first is not None:
                    g_start = first if known or window.end < first else None
                    if end is not None and last < g_asof and (last < window.start or known):
                        g_cut = f"{whose} end on {last.isoformat()}: evaluated to that day"
                        g_asof = g_end = last
            elif g["metric"] not in _GA4_METRICS:
                partial = _partial_platforms(ds, g["metric"], window, min(asof, window.end),
                                             start, span_of)
            elif (reach := _ga4_reach(ds, window.start, min(asof, window.end))) is not None \
                    and window.start <= reach < min(asof, window.end) \
                    and not _ga4_resumes(ds, reach):
                # a GA4 goal is judged on the days GA4's exports reach: the days after them
                # are unknown, not 0 (a quarter's revenue paced as if November earned nothing,
                # its ROI set October's revenue against November's costs too). Exports that
                # resume later leave a gap, not an end: _evaluate tells it
                g_cut = f"GA4 data end on {reach.isoformat()}: evaluated to that day"
                g_asof = g_end = reach
            # the same goal period as the other goals: "no data for 2026-11: the x data stop
            # at …"
            rows.append(_evaluate(ds, g, window, g_asof, _goal_rng(seed, g), paths, g_cut,
                                  partial, today=today,
                                  data_end=g_end, data_start=g_start,
                                  start_of=whose if g_start != start else "data",
                                  end_of=whose if g_end != end else "data"))
    return _typed(pd.DataFrame(rows, columns=_COLUMNS))


def _goal_rng(seed: int, g: dict) -> np.random.Generator:
    """The random generator of goal ``g``'s simulation: seeded from the scorecard's ``seed``
    and what the goal is (metric, platform, period, direction, target), not its place among
    the goals. One generator for the whole scorecard, drawn from goal after goal, gave a
    goal other figures when another was added, removed or moved in goals.yaml ("x posts ≤
    32": projection 23 with the file's order, 24 with the list reversed). The key is a
    SHA-256 digest, the same in every process (Python's ``hash()`` of a string is not); two
    goals alike in all of these are the same goal and get the same figures."""
    key = "|".join(str(g[k]) for k in ("metric", "platform", "period", "direction"))
    key += f"|{float(g['target'])!r}"
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return np.random.default_rng(np.random.SeedSequence([seed, int.from_bytes(digest[:16], "big")]))


def goal_record(ds, period: object, *, asof: object = None, seed: int = 0,
                paths: int = _PATHS) -> pd.DataFrame:
    """Each goal over each of its own periods that lie whole within ``period``: how a
    quarter's monthly goals went month by month, a year's quarterly goals quarter by quarter.
    :func:`scorecard` of a quarter judges a monthly goal on the quarter's last month only.

    A goal period that starts after ``asof`` is left out; a goal whose period is not shorter
    than ``period`` has no record (the scorecard is its record).

    Parameters
    ----------
    ds : Dataset
        Its ``goals`` (goals.yaml) and the data they are judged on.
    period : str, tuple, Period or pandas.Period
        The span whose monthly and quarterly goal periods are listed (``"2026-Q3"``), as
        :func:`~smmanalytics.periods.parse_period` takes it.
    asof : date-like, optional
        The day taken as today, as in :func:`scorecard`. Default: the earlier of today in the
        brand's time zone and the data's last day.
    seed, paths : int, default 0 and 10000
        Seed and number of simulated paths for each goal period's chance of being met, as in
        :func:`scorecard`.

    Returns
    -------
    DataFrame
        One row per goal and goal period, in the goals' order then by period: goal_id
        (Int64), label, metric, platform, direction, goal_period (string), target, actual
        (Float64), status (string), complete (boolean), note (string), as :func:`scorecard`
        gives them for that goal period; no row without such a goal period.

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``ds`` is not a Dataset.
    ArgumentError
        (a ValueError) when ``asof`` is not a day, or ``seed`` or ``paths`` not a valid
        count (as :func:`scorecard` checks them, once a goal period is judged).
    PeriodError
        when ``period`` is not a period.

    Examples
    --------
    >>> smm.goal_record(ds, "2026-Q3")        # doctest: +SKIP
    """
    require_dataset(ds, "goal_record")
    p = parse_period(period)
    cols = ["goal_id", "label", "metric", "platform", "direction", "goal_period", "target",
            "actual", "status", "complete", "note"]
    goals = ds.goals
    last = _asof_day(asof) if asof is not None else min(
        [d for d in (_today(ds.brand.timezone), ds.span()[1]) if d is not None])
    parts = []
    for kind in ("month", "quarter"):
        mine = goals[goals["period"] == kind] if goals is not None and len(goals) else None
        if mine is None or mine.empty:
            continue
        sub = dataclasses.replace(ds, goals=mine)
        day = p.start
        while day <= min(p.end, last):
            window = _window(kind, day)
            if window.start >= p.start and window.end <= p.end and window.label != p.label:
                sc = scorecard(sub, window, asof=asof, seed=seed, paths=paths)
                parts.append(sc.loc[sc["goal_period"] == window.label, cols])
            day = window.end + dt.timedelta(days=1)
    if not parts:
        return _typed(pd.DataFrame(columns=_COLUMNS))[cols]
    # goal_id is the goal's place in goals.yaml; period labels of one kind sort as dates
    return (pd.concat(parts, ignore_index=True)
            .sort_values(["goal_id", "goal_period"], kind="stable").reset_index(drop=True))


def _spans(ds):
    """:func:`platform_span` of ``ds`` as ``span_of(platform, end, posts)``, each computed
    once: a scorecard asks for Instagram's posts span up to the same day for each of its
    Instagram goals and again for each all-platform goal (11 calls, 6 distinct, 12 ms each
    on the sample). For one scorecard: ``ds`` must not change meanwhile."""
    memo: dict[tuple, object] = {}

    def span_of(platform: str, end: dt.date, posts: bool):
        key = (platform, end, posts)
        if key not in memo:
            memo[key] = platform_span(ds, platform, end, posts=posts)
        return memo[key]
    return span_of


def _partial_platforms(ds, metric: str, w: Period, end: dt.date,
                       data_start: dt.date | None, span_of=None) -> list[str]:
    """Notes on the platforms whose data start or end within the days ``w.start`` to ``end``
    of an all-platform goal on ``metric``: their days without data count as nothing in the
    total ("tiktok data start on 2026-10-10: counted from that day"), which is right for a
    platform the brand opened then, and too little for one whose earlier exports are
    missing; the reader is told either way. A platform whose data end before the period, or
    start after it, is not in it at all and goes unnamed."""
    begin = max(w.start, data_start) if data_start is not None else w.start
    span_of = span_of or _spans(ds)
    notes = []
    for platform in social_platforms(ds):
        span = span_of(platform, end, metric in _POST_METRICS)
        first, last = span.first, span.last
        if first is None or not span.known or last < w.start or first > end:
            continue
        said = ([f"{span.whose} start on {first.isoformat()}: counted from that day"]
                if first > begin else [])
        if last < end:
            said.append(f"{span.whose} end on {last.isoformat()}: counted to that day")
        if said and not pd.isna(actual(ds, metric, platform, w.start, end)):
            notes += said                # a platform without this metric is not in the total
    return notes


def _today(tz: str) -> dt.date:
    """Today in the brand's time zone (a function of its own, for the tests)."""
    return pd.Timestamp.now(tz=tz).date()


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    floats = ["target", "actual", "progress", "projection", "pace_index", "required_daily",
              "p_meet", "projection_low", "projection_high"]
    strings = ["label", "metric", "platform", "direction", "goal_period", "status", "note"]
    return df.astype({**dict.fromkeys(floats, "Float64"), **dict.fromkeys(strings, "string"),
                      "goal_id": "Int64", "days": "Int64", "elapsed_days": "Int64",
                      "complete": "boolean"}).reset_index(drop=True)


def _why_no_actual(ds, metric: str, platform: str, w: Period,
                   end: dt.date) -> tuple[str, str | None]:
    """The note of a goal without an actual, and its status: :data:`NOT_COMPUTABLE` when its
    figures are known but cannot be set against each other (:func:`_not_computable_note`),
    else none, its figures unknown (:func:`_no_data_note`)."""
    missing = missing_figure(ds, metric, platform, w.start, end)
    note = _not_computable_note(ds, metric, platform, w, end, missing)
    if note is not None:
        return note, NOT_COMPUTABLE
    return _no_data_note(ds, metric, platform, w, end, missing), None


def _no_data_note(ds, metric: str, platform: str, w: Period, end: dt.date,
                  missing: str | None) -> str:
    """Why a goal has no actual when a figure it needs is unknown (``missing``, as
    :func:`~smmanalytics._actuals.missing_figure` names it): for ROAS and ROI, the costs
    (costs.csv absent, unreadable or not reaching the goal's days) or GA4's revenue;
    otherwise "no data"."""
    from .roi import costs_status

    if missing in ("ad_spend", "cost"):
        # "read" is not here: costs.csv covers the days, the ratio is not computable
        status = costs_status(ds, (w.start, end))[0]
        if status == "failed":
            return f"costs.csv could not be read: {metric} cannot be computed"
        if status == "missing":
            return f"no costs.csv was read: {metric} cannot be computed"
        return f"costs.csv does not reach {w.label}: {metric} cannot be computed"
    unread = _unread_clause(ds, metric, platform)
    gaps, seen = _ga4_gaps(ds, metric, w.start, end)
    if gaps and not seen:
        # GA4's July and September read, August's missing: no export covers August, which
        # "no data" did not say (GA4's figures are no more unknown than its exports' days)
        return "; ".join(_gap_notes(gaps) + ([unread] if unread else []))
    if missing == "revenue":
        return (f"GA4 revenue unknown for {w.label}: {metric} cannot be computed"
                + (f"; {unread}" if unread else ""))
    if unread:
        return f"no data for {metric} on {platform}: {unread}"
    return f"no data for {metric} on {platform}"


def _not_computable_note(ds, metric: str, platform: str, w: Period, end: dt.date,
                         missing: str | None) -> str | None:
    """Why a goal has no actual though its figures are known, or None when one is unknown
    (``missing``, as :func:`_no_data_note`): a ROAS of days with no ad spend recorded in a
    costs.csv that covers them, costs or GA4 revenue in another money than the brand's.
    "No data" beside the sample's ROAS of September, its revenue of 423.72 and costs.csv
    read, sent a manager looking for an export that was there."""
    from .roi import costs_status

    if missing in ("ad_spend", "cost"):
        if costs_status(ds, (w.start, end))[0] != "read":
            return None
        from .roi import foreign_cost_currencies
        what = "ad spend" if missing == "ad_spend" else "costs"
        foreign = foreign_cost_currencies(ds, (w.start, end),
                                          "ad_spend" if missing == "ad_spend" else None,
                                          platform)
        if foreign:          # recorded, in another money: roi() leaves those lines out
            return (f"{what} of {w.label} in {', '.join(foreign)}, not the brand currency "
                    f"{ds.brand.currency.upper()}: {metric} cannot be computed")
        where = "" if platform == "all" else f"{platform} "
        return f"no {where}{what} recorded in {w.label}: {metric} cannot be computed"
    if metric == "revenue" or missing == "revenue":
        from ._web import foreign_currency, social_traffic
        rows, _ = social_traffic(ds, parse_period((w.start, end)))
        if platform != "all" and not rows.empty:
            rows = rows.loc[(rows["platform"] == platform).to_numpy()]
        cur = ds.brand.currency.upper()
        foreign = foreign_currency(rows, cur)      # as actual() and roi() tell them apart
        if foreign.any():
            names = sorted(set(rows["currency"].astype("string").str.upper()[foreign]))
            return (f"GA4 revenue is in {', '.join(names)}, not the brand currency {cur}: "
                    f"{metric} cannot be computed")
    return None


def _unread_clause(ds, metric: str, platform: str) -> str | None:
    """"2 exports could not be read (a.csv, b.zip)": the files not read that may hold the
    goal's figures, named (:func:`~smmanalytics._actuals.unread_exports`: GA4's for its
    metrics and ROAS, ROI, the social platforms' for the others, and those of no format
    known for all), or None. Every unread file was counted, a TikTok zip for GA4's sessions,
    and an export no format understood (an emptied GA4 file) for none; revenue said nothing."""
    unread = unread_exports(ds, platform, web=metric in _GA4_METRICS)
    return could_not_be_read(ds, unread) if unread else None


def _evaluate(ds, g: dict, w: Period, asof: dt.date, rng, paths: int, cut: str | None,
              partial: list[str], *, today: dt.date, data_end: dt.date | None,
              data_start: dt.date | None = None, start_of: str = "data",
              end_of: str = "data") -> dict:
    """``cut``: the note that the data end before the day asked. ``partial``: the notes on the
    platforms whose data start or end within the period (all-platform goals, once evaluated).
    ``start_of``, ``end_of``:
    whose first and last days ``data_start``, ``data_end`` are, "data" (all the data), "x
    data" (the goal's platform's) or "x posts exports".

    A goal period that starts before ``data_start`` is not judged on the days before it: a
    total (a count or a flow) has no data, a rate is evaluated from that day."""
    metric, platform, target = g["metric"], g["platform"], float(g["target"])
    at_least = g["direction"] == "at_least"
    # "data end on …: evaluated to that day" only where the goal's period runs past that day:
    # October's goals in a 2026 report on data to 31 October are whole, not cut short
    notes = [cut] if cut and asof < w.end else []
    row = {"goal_id": g["goal_id"], "label": g["label"], "metric": metric, "platform": platform,
           "direction": g["direction"], "goal_period": w.label, "target": target,
           "days": w.days}
    end = min(asof, w.end)
    d = (end - w.start).days + 1
    row["elapsed_days"] = max(d, 0)
    row["complete"] = asof >= w.end
    if d <= 0:
        if w.start > today or data_end is None:
            row["note"] = f"{w.label} has not started"
        else:                # started, but the data stop before it: not evaluated
            row["note"] = f"no data for {w.label}: the {end_of} stop at {data_end.isoformat()}"
        return row
    if data_start is not None and end < data_start:     # over before the first export's day
        row["note"] = f"no data for {w.label}: the {start_of} start at {data_start.isoformat()}"
        return row
    covered = w              # the days of the goal period with data
    if data_start is not None and w.start < data_start:
        # the days before the data are unknown, not 0: "key events of 2025-Q3" on September
        # alone is no quarter's total; a rate is taken on the days that have data
        if metric not in RATE_METRICS:
            row["note"] = (f"{w.label} not covered in full: the {start_of} start at "
                           f"{data_start.isoformat()}")
            return row
        notes.append(f"{start_of} start on {data_start.isoformat()}: evaluated from that day")
        covered = parse_period((data_start, w.end))
    notes += partial
    if metric in ("roi", "roas") and (late := _costs_start_within(ds, metric, covered, end)):
        row["note"], row["status"] = "; ".join([*notes, late]), NOT_COMPUTABLE
        return row
    a = actual(ds, metric, platform, covered.start, end)
    row["actual"] = a
    row["progress"] = a / target if target else np.nan
    left_out = followers_left_out(ds, platform) if metric == "followers_net" else {}
    if metric == "followers_net":
        # Facebook's series stopping on 10 October, Instagram's going on: whose days are
        # missing from the brand's total (known on the days both are)
        notes += followers_gaps(ds, platform, covered.start, end)
    if pd.isna(a):
        if left_out:
            why = [f"no {p} export was found: net change unknown" if what == NOT_FOUND
                   else f"{p} exports {what}: net change unknown" for p, what in left_out.items()]
        else:
            note, row["status"] = _why_no_actual(ds, metric, platform, w, end)
            why = [note]
        row["note"] = "; ".join(notes + why)
        return row
    if metric in ("roi", "roas"):
        notes += _costs_gaps_noted(ds, metric, covered.start, end)
    # TikTok named in brand.yaml without an export is left out of the brand's net followers
    # as surely as LinkedIn: its sum was read as the brand's, TikTok unsaid
    notes += [f"{p} left out: no export of it was found" if what == NOT_FOUND
              else f"{p} left out: its exports {what}" for p, what in left_out.items()]
    if metric == "followers_net" and platform == "all":
        # Facebook's follows known in September, none in October (its export failed): the
        # brand's October was Instagram's alone, unsaid
        absent = followers_absent_in(ds, "all", covered.start, end)
        notes += [f"{p} left out: " + (could_not_be_read(ds, files) if files
                                       else "its exports of these days give no follower figures")
                  for p, files in absent.items()]
        if any(absent.values()):
            # Facebook's September export failed: Instagram's 1,145 read "missed" against
            # 1,200, where the brand's 1,227 meets it. A total without a platform whose figures
            # could not be read decides nothing, as a total of some days does not
            notes.append("the actual is the total of the other platforms: not assessed")
            return _finish(row, notes)
    gaps, seen = _ga4_gaps(ds, metric, covered.start, end)
    if gaps:
        notes += _gap_notes(gaps)
        if metric in RATE_METRICS:
            notes.append(_ratio_over(metric, seen, (end - covered.start).days + 1))
            return _finish(row, notes)
        return _finish(_judge_gapped(row, a, target, at_least, seen, notes), notes)
    known = known_days(ds, metric, platform, covered.start, end)
    if known is not None:
        # net followers known to 10 March read March's 10 days, 44, "missed" against 100: a
        # sum of some days is no period's, and net followers can fall on the days unknown, so
        # it decides nothing either way (post sums have no unknown day: 0 without a post)
        notes.append(known_days_note(metric, known, (end - covered.start).days + 1)
                     + ": the actual is the total of those days")
        return _finish(row, notes)
    meets = (a >= target) if at_least else (a <= target)
    rate = metric in RATE_METRICS
    if row["complete"]:
        row["status"] = "met" if meets else "missed"
        row["projection"] = a
        if not meets:
            notes.append(f"{w.label} is over: target missed")
        return _finish(row, notes)
    r = w.days - d
    if rate:
        row["projection"] = a
        row["pace_index"] = a / target if target else np.nan
    else:
        row["projection"] = a * w.days / d
        row["pace_index"] = a / (target * d / w.days) if target else np.nan
        row["required_daily"] = (target - a) / r
    # a count already past its target is decided, but its projection is still the
    # simulation's: GA4's August total is the month's whatever the target (a goal of 1,000
    # met on the 20th projected its 1,532.26 × 31/20 = 2,375, one of 2,000 the total, 1,550)
    decided = None
    if not rate and metric in _MONOTONE:
        if meets and at_least:
            decided = "met"
        elif not meets and not at_least:
            decided = "missed"
    # a decided goal keeps its straight line, and says nothing of it, when not simulated
    sim_notes = [] if decided else notes
    final, paced = _simulate(ds, metric, platform, covered, end,
                             days_done=(end - covered.start).days + 1, days_left=r,
                             actual_to_date=a, rng=rng, paths=paths, notes=sim_notes)
    if final is not None:
        if decided:
            notes += sim_notes
        pm = float(np.mean(final >= target) if at_least else np.mean(final <= target))
        row["p_meet"] = pm
        row["projection_low"], row["projection_high"] = np.quantile(final, [0.1, 0.9])
        # a rate, monthly GA4 totals (the actual so far is the month's total prorated, so
        # its linear pace is the month's own), or a weekly rhythm (no posts at weekends: 12
        # weekdays of 22 done is more than 18 days of 31): the projection is the
        # simulation's median, as the chance of meeting the target is the simulation's
        if rate or paced:
            row["projection"] = float(np.median(final))
        row["status"] = status_from_probability(pm)
    if decided is not None:
        row["status"], row["p_meet"] = decided, 1.0 if decided == "met" else 0.0
        if decided == "missed":
            notes.append("already above the maximum")
    return _finish(row, notes)


def _costs_start_within(ds, metric: str, covered: Period, end: dt.date) -> str | None:
    """Why a ROI or ROAS goal has no actual when costs.csv starts after its days to date do
    (``covered``, to ``end``), else None. roi() sets the value of the days costs.csv covers
    against their costs: a Q3 goal on costs from 1 August was judged on August and
    September's ratio, "missed", the quarter's July unsaid, though GA4's July revenue was
    known. The costs before the file's first line are not projected back, as
    :func:`_costs_to_come` projects those after its last: a file starting in August more
    often says that the brand began to spend, or to keep count, then than that July cost
    what August did, and a guess would decide the goal. The ratio of the days covered is
    in the ROI section, which says which days it counts."""
    from .roi import costs_span

    span = costs_span(ds.costs)
    if span is None or not covered.start < span[0] <= end:
        return None                 # no file, or none of the days: _no_data_note says it
    return (f"{covered.label} not covered in full by costs.csv, which starts at "
            f"{span[0].isoformat()}: the costs of the days before are unknown, so {metric} "
            f"cannot be computed")


def _costs_gaps_noted(ds, metric: str, start: dt.date, end: dt.date) -> list[str]:
    """roi()'s notes (``costs_month_missing``) of the goal's months that costs.csv covers
    without a category its other months have: an August without its labour line set its
    revenue against the tools alone, and a ROI goal read "met" where the ROI section said
    why not to trust it. A ROAS divides by ad spend alone: only its gaps move it."""
    from .roi import costs_gaps_notes

    return costs_gaps_notes(ds.costs, (start, end),
                            of=("ad_spend",) if metric == "roas" else None)


def _judge_gapped(row: dict, a: float, target: float, at_least: bool, seen: int,
                  notes: list[str]) -> dict:
    """``row`` of a GA4 total whose days to date some GA4 export does not cover, its actual
    ``a`` the total of the ``seen`` days that one does: no status, as a sum of some days is
    no period's (Q3's key events, August's export missing, read 13 + 10 = 23 "missed"
    against 30, where the three months make 34). A total can only grow, so the days
    missing cannot undo a minimum already reached ("met") nor a maximum already passed
    ("missed"); the note in ``notes`` says which."""
    m = row["elapsed_days"]
    days = (f"actual over the 1 day of {m} covered" if seen == 1
            else f"actual over the {seen} of {m} days covered")
    if at_least and a >= target:
        row["status"] = "met"
        notes.append(f"{days} already reaches the target, and the other days can only add")
    elif not at_least and a > target:
        row["status"] = "missed"
        notes.append(f"{days} already exceeds the maximum, and the other days can only add")
    else:
        notes.append(f"{days}: not assessed")
        return row
    if not row["complete"]:
        row["p_meet"] = 1.0 if row["status"] == "met" else 0.0
    return row


def _ratio_over(metric: str, seen: int, m: int) -> str:
    """The note of a ROI or ROAS goal whose ``m`` days to date GA4's exports cover ``seen``
    of: roi() sets the revenue of those days against their costs alone, a ratio the days
    missing can move either way (Q3's ROI, August's GA4 export missing, read July and
    September's -0.836 on 6,018 of 8,351 costs, "missed"), so none decides the goal."""
    days = f"the 1 day of {m}" if seen == 1 else f"the {seen} of {m} days"
    return f"{metric.upper()} over {days} GA4 covers: not assessed"


def _finish(row: dict, notes: list[str]) -> dict:
    """``row`` with its ``note``: the ``notes`` joined, None without any."""
    row["note"] = "; ".join(notes) or None
    return row


def _simulate(ds, metric: str, platform: str, w: Period, end: dt.date, *, days_done: int,
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
    """:func:`_simulate` of a count or a flow: the actual to date plus the days left drawn
    from the daily series (or from GA4's monthly totals without one)."""
    daily = metric_daily(ds, metric, platform, w.start, end).dropna()
    y = daily.to_numpy("float64")
    if len(y) == 0 and metric in ("sessions", "key_events", "revenue"):
        final = _sim_from_months(lambda s, e: actual(ds, metric, platform, s, e), w, end,
                                 _ga4_reach(ds, w.start, end), actual_to_date, rng, paths,
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
    was used. ``(None, False)`` with under 2 days and no first-day spread to draw from."""
    rho = _day_correlation(hist, notes)
    weekly = _flow_weekly(hist, done, end, period_end, notes)
    spread = _first_day_spread(hist, len(y), bool(weekly), rho, notes)
    if len(y) < 2 and spread is None:
        return None, False
    return sim_flow(y, days_left, rng, paths, nonneg=nonneg, rho=rho, spread=spread,
                    **weekly), bool(weekly)


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
    """:func:`_simulate` of ``er_reach``: drawn from the posts' interactions and reach to
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
    """:func:`_simulate` of ``roas`` and ``roi``: the remaining attributed value simulated
    from daily social revenue (+ key events × value_per_key_event), over the costs taken at
    their full-period prorated amount, plus those of the days after costs.csv ends
    (:func:`_costs_to_come`); None without a basis for them."""
    # roi looked up at call time (tests count its calls by patching smmanalytics.roi.roi)
    from .roi import roi, value_per_key_event_of
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
        final_value = _sim_from_months(value, w, end, _ga4_reach(ds, w.start, end),
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
    from .roi import costs_span, roi
    span = costs_span(ds.costs)
    if span is None or span[1] >= w.end:
        return 0.0
    what, unknown = ("costs", "are unknown") if metric == "roi" else ("ad spend", "is unknown")
    column = "cost" if metric == "roi" else "ad_spend"
    by = None if platform == "all" else "platform"
    m = parse_period(f"{span[1].year}-{span[1].month:02d}")
    if m.end != span[1]:                         # a month costs.csv covers in full
        m = m.previous()
    values, days, labels = [], [], []
    while len(values) < 6 and m.start >= span[0]:
        row = roi(ds, m, by=by)
        if platform != "all":
            row = row.loc[row["platform"] == platform]
        v = float(row[column].iloc[0]) if not row.empty else np.nan
        if not np.isnan(v):
            values.append(v)
            days.append(m.days)
            labels.append(m.label)
        m = m.previous()
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
    notes.append(f"days correlated from one to the next ({rho:.2f} over the last {n // 7} "
                 "weeks): the projection's range is wider than for independent days")
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


def _ga4_reach(ds, start: dt.date, end: dt.date) -> dt.date | None:
    """The last day reached by the GA4 exports that cover any day from ``start`` to ``end``
    (an export of October's totals reaches 31 October, whatever day is evaluated); None
    without any."""
    from ._web import prepared

    if ds.web is None or ds.web.empty:
        return None
    covers = prepared(ds.web).covers
    hit = (covers["start"] <= pd.Timestamp(end)) & (covers["end"] >= pd.Timestamp(start))
    return covers.loc[hit, "end"].max().date() if hit.any() else None


def _ga4_resumes(ds, day: dt.date) -> bool:
    """Whether a GA4 export covers a day after ``day``: GA4's exports reaching 31 July in a
    quarter then are missing August, not ended, when September's is loaded (the August
    report said "GA4 data end on 2026-07-31" with September's export read)."""
    from ._web import prepared

    return bool((prepared(ds.web).covers["end"] > pd.Timestamp(day)).any())


def _ga4_gaps(ds, metric: str, start: dt.date, end: dt.date
              ) -> tuple[list[tuple[str | None, dt.date, dt.date]], int]:
    """The runs of days from ``start`` to ``end`` that GA4's exports leave uncovered, for a
    GA4 total (sessions, key events, revenue) or ratio (ROAS, ROI), and the number of days
    without any; none for another metric, or without GA4 rows.

    Each run is ``(property, first day, last day)``: ``None`` for days no export of any
    property covers, a property's name for days other properties' exports cover but not
    its own, within the span its exports show it exists (:func:`~smmanalytics._web.
    property_spans`): maisonseve.it's July and September exports, without August's, left
    its August out of the quarter's key events, maisonseve.fr's August hiding the gap. The
    days covered are :func:`~smmanalytics._web.covered_runs`'s, those roi() and compare()
    count."""
    if metric not in _GA4_METRICS or ds.web is None or ds.web.empty:
        return [], 0
    days = pd.date_range(start, end, freq="D")
    period = parse_period((start, end))
    pooled = _seen(days, covered_runs(ds.web, period))
    gaps = [(None, a, b) for a, b in _runs(days, ~pooled)]
    short = ~pooled
    spans = property_spans(ds.web)
    if len(spans) > 1:          # one property's gaps are the pooled ones
        for prop, (first, last) in spans.items():
            alive = (days >= pd.Timestamp(first)) & (days <= pd.Timestamp(last))
            missing = alive & pooled & ~_seen(days, covered_runs(ds.web, period, prop=prop))
            gaps += [(prop, a, b) for a, b in _runs(days, missing)]
            short |= missing
    return gaps, int((~short).sum())


def _seen(days: pd.DatetimeIndex, runs: list[tuple[dt.date, dt.date]]) -> np.ndarray:
    """Whether each of ``days`` falls in one of the ``runs`` (first and last day of each)."""
    seen = np.zeros(len(days), dtype=bool)
    for a, b in runs:
        seen |= (days >= pd.Timestamp(a)) & (days <= pd.Timestamp(b))
    return seen


def _runs(days: pd.DatetimeIndex, mask: np.ndarray) -> list[tuple[dt.date, dt.date]]:
    """The runs of consecutive ``days`` where ``mask`` holds, first and last day of each."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [(days[a].date(), days[b].date()) for a, b in zip(starts, stops, strict=True)]


def _gap_notes(gaps: list[tuple[str | None, dt.date, dt.date]]) -> list[str]:
    """"no GA4 export covers 2026-08-01 to 2026-08-31", "no GA4 export of maisonseve.it
    covers 2026-08-01 to 2026-08-31": a note for each run of ``gaps``."""
    notes = []
    for prop, a, b in gaps:
        whose = "no GA4 export" if prop is None else f"no GA4 export of {prop or '(no property)'}"
        days = a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat()}"
        notes.append(f"{whose} covers {days}")
    return notes


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
    values, days, m = [known], [d], parse_period(f"{w.start.year}-{w.start.month:02d}")
    labels = [m.label if (w.start, reach) == (m.start, m.end)
              else parse_period((w.start, reach)).label]
    for _ in range(6):
        m = m.previous()
        v = total(m.start, m.end)
        if not np.isnan(v):
            values.append(v)
            days.append(m.days)
            labels.append(m.label)
    if len(values) < 3:
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
#: the fewest months a flow's level is fitted on, as GA4's monthly totals need
_LEVEL_MIN_MONTHS = 3


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


STATUS_LABELS = {"met": "Met", "on track": "On track", "at risk": "At risk",
                 "off track": "Off track", "missed": "Missed", "no data": "No data",
                 NOT_COMPUTABLE: "Not computable", "not assessed": "Not assessed"}


def shown_status(sc: pd.DataFrame) -> pd.Series:
    """The status a reader is shown of each goal of :func:`scorecard`: its ``status`` (``not
    computable`` among them, when the figures are known but the note says why they give no
    actual), else ``no data`` when its actual is unknown (no data for the goal's period, or
    the period has not started: the note says which), else ``not assessed`` (an actual, but
    too little history to tell the chance of meeting the target). :func:`scorecard_display`
    labels it with :data:`STATUS_LABELS`, the report in its language."""
    missing = sc["actual"].isna().map({True: "no data", False: "not assessed"})
    return sc["status"].astype("string").fillna(missing.astype("string"))


def scorecard_display(sc: pd.DataFrame) -> pd.DataFrame:
    """A tidy, readable view of :func:`scorecard` for reports (numbers left unformatted).

    Parameters
    ----------
    sc : DataFrame
        A frame of :func:`scorecard`: label, platform, goal_period, actual, target,
        direction, status, progress, projection, p_meet, required_daily and note are used.

    Returns
    -------
    DataFrame
        One row per row of ``sc``, with RangeIndex: goal, platform, period (string), actual,
        target (Float64), direction (string, ``≥`` or ``≤``), status (string: ``Met``, ``On
        track``, ``At risk``, ``Off track``, ``Missed``; ``Not computable`` when the
        figures are known but give no actual, the note saying why; ``No data`` without an
        actual otherwise, as when the period has not started, ``Not assessed`` when the
        probability could not be simulated: see :func:`shown_status`), progress, projection,
        chance (p_meet),
        required_per_day (a minimum's least still needed each day left, while the minimum is
        not reached), allowed_per_day (a maximum's most each day left can add and stay within
        it, while it is not passed: a ceiling, that ``required_per_day`` misread as a need),
        all Float64, and note (string).

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``sc`` is not a DataFrame.
    SchemaError
        when ``sc`` lacks one of the columns above.
    """
    frame_with(sc, ["label", "platform", "goal_period", "actual", "target", "direction",
                    "status", "progress", "projection", "p_meet", "required_daily", "note"],
               "scorecard_display", "a frame of scorecard()", "sc")
    pace, at_least = sc["required_daily"].astype("Float64"), sc["direction"] == "at_least"
    out = pd.DataFrame({
        "goal": sc["label"], "platform": sc["platform"], "period": sc["goal_period"],
        "actual": sc["actual"], "target": sc["target"],
        "direction": sc["direction"].map({"at_least": "≥", "at_most": "≤"}).astype("string"),
        "status": shown_status(sc).map(STATUS_LABELS).astype("string"),
        "progress": sc["progress"], "projection": sc["projection"], "chance": sc["p_meet"],
        "required_per_day": pace.where(at_least & (pace > 0)),
        "allowed_per_day": pace.where(~at_least & (pace >= 0)), "note": sc["note"],
    })
    return out.reset_index(drop=True)
