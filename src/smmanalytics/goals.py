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
  missing, ``follows`` − ``unfollows`` (from the ``daily`` table). Of all platforms, it pools
  those whose follower figures are somewhere in the dataset; one that gives none anywhere
  (LinkedIn's new followers only, YouTube's per video, Pinterest's none, one brand.yaml
  names with no export at all) is left out of every period and named. A pooled platform
  without figures on some of the goal's days (its export of them failed, or its history
  starts after them) leaves the goal "not assessed", the note saying whose days are missing:
  its net change may have been a fall as well as a rise, so the others' total decides
  neither a minimum nor a maximum. So does a platform brand.yaml names with no figure on
  any day, found or not, whose platform has an export that gives them (YouTube's Studio
  table alone, TikTok's Content export alone: :func:`~smmanalytics._actuals.
  declared_follows_unknown`); LinkedIn's and Pinterest's, which none gives, are named only.
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
once exceeded (nothing left can undo either), and one whose final value GA4's period totals
already give (they cover the whole period) is ``met`` or ``missed``, with no pace per day;
otherwise the status follows the simulated probability ``P`` of meeting the target by the
period's end (benchmarks-methods §5.2):
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

import datetime as dt
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
    declared_follows_unknown,
    follower_days,
    followers_absent_in,
    followers_gaps,
    followers_left_out,
    followers_span,
    known_days,
    known_days_note,
    launches_within,
    missing_figure,
    platform_span,
    posts_gaps,
    social_platforms,
    span_extent,
    undeclared_followers,
    unread_exports,
    web_unread,
    without_followers_of,
)
from ._args import frame_with, path_of, whole
from ._io import closest_key, key_lines, read_user_text, unknown_key, yaml_error
from ._projection import COUNT_METRICS, FLOW_METRICS, ga4_reach, simulate_final
from ._web import covered_runs, foreign_currency, prepared, property_spans, social_traffic
from .errors import ArgumentError, ConfigError, require_dataset
from .periods import Period, parse_period
from .roi import costs_gaps_notes, costs_span, costs_status, foreign_cost_lines
from .schema import canonical_platform, platforms_expected

__all__ = ["GOAL_METRICS", "NOT_COMPUTABLE", "STATUSES", "STATUS_LABELS", "goal_record",
           "POST_METRICS", "read_goals", "scorecard", "scorecard_display", "shown_status",
           "status_from_probability"]

logger = logging.getLogger(__name__)

#: judged on GA4's rows (ROAS and ROI on its revenue), not on a platform's posts
_GA4_METRICS = ("sessions", "key_events", "revenue", "roas", "roi")
RATE_METRICS = ("er_reach", "roas", "roi")
GOAL_METRICS = COUNT_METRICS + FLOW_METRICS + RATE_METRICS
_MONOTONE = COUNT_METRICS + ("revenue",)      # totals that can only grow during a period
#: counted on a platform's posts (not its daily rows)
POST_METRICS = ("posts", "interactions", "reach", "impressions", "views", "er_reach")
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
    path = path_of(path, "path", "read_goals", "the path of a goals.yaml")
    text = read_user_text(path, "goals file", data)
    try:
        raw = yaml.safe_load(text) or {}
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, "YAML") from None
    if not isinstance(raw, dict):
        raise ConfigError("goals.yaml must be a mapping with a 'goals:' list", file=str(path),
                          line=1, expected="goals: [...]", got=type(raw).__name__)
    lines = key_lines(root)
    for key in raw:
        # goal: or objectifs: for goals: gave no goal, and the report said there was no
        # goals.yaml; valeur_par_conversion left the attributed value unknown
        if key not in _FILE_KEYS:
            raise unknown_key(key, _FILE_KEYS, file=path, line=lines.get((str(key),)),
                              present=map(str, raw))
    vpk = raw.get("value_per_key_event")
    if vpk is not None and (isinstance(vpk, bool) or not isinstance(vpk, int | float) or vpk < 0):
        raise ConfigError("invalid value", file=str(path), line=lines.get(("value_per_key_event",)),
                          key="value_per_key_event", expected="a number >= 0", got=vpk)
    goals = raw.get("goals", [])
    if not isinstance(goals, list):
        raise ConfigError("'goals' must be a list", file=str(path), line=lines.get(("goals",)),
                          key="goals", expected="a list of '- metric: ...' items",
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


def _goal(g: object, i: int, path: Path, lines: dict) -> dict:
    def fail(key: str | None, expected: str, got: object, hint: str = "") -> ConfigError:
        line = lines.get(("goals", i, key)) or lines.get(("goals", i))
        return ConfigError(f"goal {i + 1} is invalid{hint}", file=str(path), line=line,
                           key=key, expected=expected, got=got)

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
        total, right for a platform opened that day, too little for a missing export. A
        platform's posts export missing between others is such an export: a total of posts
        over its gap is not assessed, save a minimum already reached or a maximum passed
        ("actual without the x posts of those days: not assessed"), as a goal on that
        platform alone; without a day its platforms' exports cover, it has no data.
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
    from .dataset import remembering  # here: smmanalytics.dataset imports this module

    return _scorecard(remembering(ds), ds.goals, period, asof=asof, seed=seed, paths=paths)


def _scorecard(ds, goals: pd.DataFrame | None, period: object, *, asof: object, seed: int,
               paths: int) -> pd.DataFrame:
    """:func:`scorecard` of ``goals`` (some of ``ds.goals``: a goal record's of one kind),
    judged on ``ds``, which the caller has made :func:`~smmanalytics.dataset.remembering`:
    the goals ask their platforms' spans and coverage, GA4's traffic and roi() of the same
    days again and again."""
    p = parse_period(period)
    paths = whole(paths, "paths", 1)
    seed = whole(seed, "seed", 0)
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
    asked = asof        # the day the goals are asked about, the data ending before it or not
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
                               g["metric"] in POST_METRICS)
                if g["metric"] == "followers_net":
                    span = followers_span(ds, span, window.start)
                known, whose = span.known, span.whose
                # a month's export missing between others is a gap, no start nor end of the
                # exports: _evaluate tells it
                first, last, _ = span_extent(ds, span, window.start, min(asof, window.end))
                if first is not None:
                    g_start = first if known or window.end < first else None
                    if end is not None and last < g_asof and (last < window.start or known):
                        g_cut = f"{whose} end on {last.isoformat()}: evaluated to that day"
                        g_asof = g_end = last
            elif g["metric"] not in _GA4_METRICS:
                partial = _partial_platforms(ds, g["metric"], window, min(asof, window.end),
                                             start, span_of)
            elif (reach := ga4_reach(ds, window.start, min(asof, window.end))) is not None \
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
                                  partial, today=today, asked=asked,
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
    from .dataset import remembering  # here: smmanalytics.dataset imports this module

    # one memo for the call's scorecards: a quarter's three months asked the same spans,
    # posts coverage and costs each goal and month again (1.7 s of CPU on the sample)
    ds = remembering(ds)
    last = _asof_day(asof) if asof is not None else min(
        [d for d in (_today(ds.brand.timezone), ds.span()[1]) if d is not None])
    parts = []
    for kind in ("month", "quarter"):
        mine = goals[goals["period"] == kind] if goals is not None and len(goals) else None
        if mine is None or mine.empty:
            continue
        day = p.start
        while day <= min(p.end, last):
            window = _window(kind, day)
            if window.start >= p.start and window.end <= p.end and window.label != p.label:
                sc = _scorecard(ds, mine, window, asof=asof, seed=seed, paths=paths)
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
        span = span_of(platform, end, metric in POST_METRICS)
        if metric == "followers_net":
            span = followers_span(ds, span, w.start)
        # as for a goal on the platform alone: a month's export missing is a gap, named
        first, last, gaps = span_extent(ds, span, begin, end)
        if first is None or not span.known or last < w.start or first > end:
            continue
        said = ([f"{span.whose} start on {first.isoformat()}: counted from that day"]
                if first > begin else [])
        said += _gap_notes(ds, [(None, a, b) for a, b in gaps], f"{platform} posts")
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


def _foreign_costs_note(foreign: pd.Series, what: str, period: str, currency: str,
                        metric: str) -> str:
    """A goal's note of the ``foreign`` currencies of its cost lines (of ``what``, "costs" or
    "ad spend"), counting the lines as the ROI section does ("1 cost line in CHF makes the
    total cost unknown"): "costs of October 2026 in CHF" said all of them were."""
    n = len(foreign)
    line = "cost line" if what == "costs" else "ad spend line"
    lines = f"1 {line} of {period} is" if n == 1 else f"{n} {line}s of {period} are"
    return (f"{lines} in {', '.join(sorted(set(foreign)))}, not the brand currency "
            f"{currency.upper()}: {metric} cannot be computed")


def _no_data_note(ds, metric: str, platform: str, w: Period, end: dt.date,
                  missing: str | None) -> str:
    """Why a goal has no actual when a figure it needs is unknown (``missing``, as
    :func:`~smmanalytics._actuals.missing_figure` names it): for ROAS and ROI, the costs
    (costs.csv absent, unreadable or not reaching the goal's days) or GA4's revenue;
    otherwise "no data"."""
    if missing in ("ad_spend", "cost"):
        # "read" is not here: costs.csv covers the days, the ratio is not computable
        status = costs_status(ds, (w.start, end))[0]
        if status == "failed":
            return f"costs.csv could not be read: {metric} cannot be computed"
        if status == "missing":
            return f"no costs.csv was read: {metric} cannot be computed"
        return f"costs.csv does not reach {w.label}: {metric} cannot be computed"
    unread = _unread_clause(ds, metric, platform)
    gaps, seen, source = _uncovered(ds, metric, platform, w.start, end)
    if gaps and not seen:
        # GA4's July and September read, August's missing: no export covers August, which
        # "no data" did not say (GA4's figures are no more unknown than its exports' days);
        # so of Facebook's September and its er_reach, asked on the 15th; an export of those
        # days that could not be read is named by the gap's own note
        named = source == "GA4" and web_unread(ds, w.start, end)
        return "; ".join(_no_cover_notes(ds, metric, w, gaps, source)
                         + ([unread] if unread and not named else []))
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
    if missing in ("ad_spend", "cost"):
        if costs_status(ds, (w.start, end))[0] != "read":
            return None
        what = "ad spend" if missing == "ad_spend" else "costs"
        foreign = foreign_cost_lines(ds, (w.start, end),
                                     "ad_spend" if missing == "ad_spend" else None, platform)
        if len(foreign):          # recorded, in another money: roi() leaves those lines out
            return _foreign_costs_note(foreign, what, w.label, ds.brand.currency, metric)
        where = "" if platform == "all" else f"{platform} "
        return f"no {where}{what} recorded in {w.label}: {metric} cannot be computed"
    if metric == "revenue" or missing == "revenue":
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
              partial: list[str], *, today: dt.date, asked: dt.date, data_end: dt.date | None,
              data_start: dt.date | None = None, start_of: str = "data",
              end_of: str = "data") -> dict:
    """``cut``: the note that the data end before the day asked. ``partial``: the notes on the
    platforms whose data start or end within the period (all-platform goals, once evaluated).
    ``asked``: the day the goals are asked about (``asof`` may be the data's last day, before
    it). ``start_of``, ``end_of``:
    whose first and last days ``data_start``, ``data_end`` are, "data" (all the data), "x
    data" (the goal's platform's) or "x posts exports".

    A goal period that starts before ``data_start`` is not judged on the days before it: a
    total (a count or a flow) has no data, a rate is evaluated from that day.

    In three steps: whether the goal can be evaluated at all (:func:`_not_evaluable`), its
    actual and what that leaves out (:func:`_actual_with_caveats`), then its status and
    projection (:func:`_judge`)."""
    # "data end on …: evaluated to that day" only where the goal's period runs past that day:
    # October's goals in a 2026 report on data to 31 October are whole, not cut short
    notes = [cut] if cut and asof < w.end else []
    row = {"goal_id": g["goal_id"], "label": g["label"], "metric": g["metric"],
           "platform": g["platform"], "direction": g["direction"], "goal_period": w.label,
           "target": float(g["target"]), "days": w.days}
    end = min(asof, w.end)
    row["elapsed_days"] = max((end - w.start).days + 1, 0)
    row["complete"] = asof >= w.end
    why = _not_evaluable(g["metric"], w, end, today=today, data_end=data_end,
                         data_start=data_start, start_of=start_of, end_of=end_of)
    if why is not None:
        row["note"] = why
        return row
    covered = w              # the days of the goal period with data
    if data_start is not None and w.start < data_start:
        # a rate is taken on the days that have data (a total is not: _not_evaluable)
        notes.append(f"{start_of} start on {data_start.isoformat()}: evaluated from that day")
        covered = parse_period((data_start, w.end))
    notes += partial
    ds, undeclared = _declared_pool(ds, g, covered.start, end, notes)
    finished = _actual_with_caveats(ds, g, row, w, covered, end, notes, undeclared)
    if finished is not None:
        return finished
    row = _judge(ds, g, row, w, covered, end, rng, paths, notes)
    if asked >= w.end:
        # the period asked about is over, though its data stop before its end: the days after
        # them are past, and nothing can be done "per day" on them (a Q3 goal with Facebook's
        # exports ending on 31 August read "2,804 needed per day" in its Q3 report)
        row["required_daily"] = np.nan
    return row


def _not_evaluable(metric: str, w: Period, end: dt.date, *, today: dt.date,
                   data_end: dt.date | None, data_start: dt.date | None, start_of: str,
                   end_of: str) -> str | None:
    """Why the goal period ``w``, evaluated to ``end``, cannot be evaluated at all (not
    started, the data stopping before it or starting after it, a total whose period starts
    before the data), else None. The arguments are :func:`_evaluate`'s."""
    if end < w.start:
        if w.start > today or data_end is None:
            return f"{w.label} has not started"
        # started, but the data stop before it: not evaluated
        return f"no data for {w.label}: the {end_of} stop at {data_end.isoformat()}"
    if data_start is not None and end < data_start:     # over before the first export's day
        return f"no data for {w.label}: the {start_of} start at {data_start.isoformat()}"
    if data_start is not None and w.start < data_start and metric not in RATE_METRICS:
        # the days before the data are unknown, not 0: "key events of 2025-Q3" on September
        # alone is no quarter's total
        return f"{w.label} not covered in full: the {start_of} start at {data_start.isoformat()}"
    return None


def _declared_pool(ds, g: dict, start: dt.date, end: dt.date, notes: list[str]
                   ) -> tuple[object, list[str]]:
    """``ds`` of an all-platform net followers goal without the follower figures of the
    platforms brand.yaml's accounts leave out (:func:`undeclared_followers`), and those
    platforms; the ones with figures from ``start`` to ``end`` are named in ``notes``. ``ds``
    itself, and none, for another goal or when brand.yaml names no account: the pool is then
    every platform with follower figures (:func:`_pooled_followers`)."""
    if g["metric"] != "followers_net" or g["platform"] != "all":
        return ds, []
    undeclared = undeclared_followers(ds)
    notes += [f"{p} left out: not one of brand.yaml's accounts" for p, (first, last)
              in undeclared.items() if first <= end and last >= start]
    return (without_followers_of(ds, list(undeclared)) if undeclared else ds), list(undeclared)


def _actual_with_caveats(ds, g: dict, row: dict, w: Period, covered: Period, end: dt.date,
                         notes: list[str], undeclared: list[str]) -> dict | None:
    """``row``'s actual over the days ``covered`` to ``end`` and its progress, with what the
    actual leaves out appended to ``notes`` (platforms whose followers are missing or could
    not be read, costs.csv's gaps, GA4's uncovered days, days unknown); the row, finished,
    when that already decides it (no actual, costs.csv starting within its days, a total of
    some platforms or some days, not assessed), else None: :func:`_judge` judges it.
    ``undeclared``: the platforms :func:`_declared_pool` took out of its net followers,
    named already."""
    metric, platform, target = g["metric"], g["platform"], float(g["target"])
    if metric in ("roi", "roas") and (late := _costs_start_within(ds, metric, covered, end)):
        row["note"], row["status"] = "; ".join([*notes, late]), NOT_COMPUTABLE
        return row
    a = actual(ds, metric, platform, covered.start, end)
    row["actual"] = a
    row["progress"] = a / target if target else np.nan
    left_out = ({p: why for p, why in followers_left_out(ds, platform).items()
                 if p not in undeclared} if metric == "followers_net" else {})
    # Facebook's series stopping on 10 October, Instagram's going on: whose days are missing
    # from the brand's total (known on the days both are)
    partial = (followers_gaps(ds, platform, covered.start, end) if metric == "followers_net"
               else [])
    notes += partial
    if metric == "followers_net":
        notes += launches_within(ds, platform, covered.start, end)
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
        pooled = _pooled_followers(ds, row, left_out, covered.start, end, notes)
        if pooled is not None:
            return pooled
    gaps, seen, source = _uncovered(ds, metric, platform, covered.start, end)
    if gaps and not seen and metric in POST_METRICS:
        # no posts export covers any of its days (September's, its export missing between
        # August's and October's): unknown, not 0 posts (GA4's actual is unknown already)
        row["actual"] = row["progress"] = np.nan
        row["note"] = "; ".join(notes + _no_cover_notes(ds, metric, w, gaps, source))
        return row
    at_least = g["direction"] == "at_least"
    if gaps:
        notes += _gap_notes(ds, gaps, source)
        if metric in ("roi", "roas"):
            notes.append(_ratio_over(metric, seen, (end - covered.start).days + 1))
            return _finish(row, notes)
        if metric not in RATE_METRICS:
            m = row["elapsed_days"]
            days = (f"actual over the 1 day of {m} covered" if seen == 1
                    else f"actual over the {seen} of {m} days covered")
            return _finish(_judge_gapped(row, a, target, at_least, days, "the other days",
                                         notes), notes)
    if platform == "all" and metric in POST_METRICS and metric not in RATE_METRICS:
        pooled = _pooled_judged(ds, metric, row, a, target, at_least, covered.start, end,
                                notes)
        if pooled is not None:
            return pooled
    known = known_days(ds, metric, platform, covered.start, end)
    if known is not None:
        # net followers known to 10 March read March's 10 days, 44, "missed" against 100: a
        # sum of some days is no period's, and net followers can fall on the days unknown, so
        # it decides nothing either way (post sums have no unknown day: 0 without a post)
        notes.append(known_days_note(metric, known, (end - covered.start).days + 1)
                     + ": the actual is the total of those days")
        return _finish(row, notes)
    if partial:
        # the total is known on every day, a series counted from its first day: TikTok's
        # figures from 2 November read the sample's November, 954 with its 29 days, "met"
        # against 600, though its 1 November may have been a fall as well as a rise
        notes.append("the actual leaves out the days before a platform's follower figures "
                     "start: not assessed")
        return _finish(row, notes)
    return None


def _pooled_followers(ds, row: dict, left_out: dict[str, str], start: dt.date, end: dt.date,
                      notes: list[str]) -> dict | None:
    """``row`` of an all-platform net followers goal from ``start`` to ``end``, finished "not
    assessed", when a platform of the brand's total has no follower figure on these days,
    else None; ``notes`` name those platforms.

    The brand's total pools the platforms brand.yaml's accounts name (:func:`_declared_pool`
    took the others' figures out), or without accounts those with follower figures somewhere
    in the dataset. Those of ``left_out`` whose exports were read give no net figure anywhere
    (LinkedIn's, YouTube's per video): named, never counted, in any period. One named with no
    export at all, or without a figure on these days, its export of them failed or missing
    (TikTok's history from 1 November in the sample's September and October), leaves a total
    of the others, and its net change may have been a fall as well as a rise: so the others'
    total decides neither a minimum nor a maximum, however far past the target. Facebook's
    September export failed: Instagram's 1,145 read "missed" against 1,200, where the
    brand's 1,227 meets it; a platform whose follows export stops before the period read as
    if it had gained 0."""
    absent = followers_absent_in(ds, "all", start, end)
    notes += [f"{p} left out: " + (could_not_be_read(ds, files) if files
                                   else _figures_elsewhere(ds, p))
              for p, files in absent.items()]
    if absent or any(declared_follows_unknown(ds, p, why) for p, why in left_out.items()):
        notes.append("the actual is the total of the other platforms: not assessed")
        return _finish(row, notes)
    return None


def _figures_elsewhere(ds, platform: str) -> str:
    """Why ``platform`` is out of a total of days its follower series (its exports read, none
    failed) gives nothing of: "its net follower change is known from 2025-11-02 to
    2026-10-31, none of these days", the days its change is known (TikTok's history has
    followers from 1 November: "its follower figures run from 2025-11-02" was doubted)."""
    first, last = follower_days(ds, platform)
    return (f"its net follower change is known from {first.isoformat()} to "
            f"{last.isoformat()}, none of these days")


def _judge(ds, g: dict, row: dict, w: Period, covered: Period, end: dt.date, rng, paths: int,
           notes: list[str]) -> dict:
    """``row`` of a goal with an actual that decides it, finished: met or missed once its
    period is over; otherwise its pace, and its status and range from the projection
    (:func:`~smmanalytics._projection.simulate_final`), a total already past its minimum (or its
    maximum) decided whatever the projection says."""
    metric, platform, target = g["metric"], g["platform"], float(g["target"])
    at_least = g["direction"] == "at_least"
    a, d = row["actual"], row["elapsed_days"]
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
    final, paced = simulate_final(ds, metric, platform, covered, end,
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
        if _known_total(ds, metric, covered, end, final):
            row["status"], row["required_daily"] = ("met" if pm == 1 else "missed"), np.nan
    if decided is not None:
        row["status"], row["p_meet"] = decided, 1.0 if decided == "met" else 0.0
        if decided == "missed":
            notes.append("already above the maximum")
    return _finish(row, notes)


def _known_total(ds, metric: str, w: Period, end: dt.date, final: np.ndarray) -> bool:
    """Whether the simulated ``final`` values of a GA4 total (sessions, key events, revenue)
    evaluated to ``end`` are its known final value: GA4's exports reach the end of ``w`` and
    every path gives that value (:func:`~smmanalytics._projection._sim_from_months` counts
    period totals that cover ``w`` whole in full). Nothing is then to come: October's revenue,
    14,657.70 against 10,000 on the 18th, read "on track, €115 needed per day". A ratio (ROI,
    ROAS) is left to its chance: months of one daily rate give paths all alike too, with
    costs still to come."""
    if metric not in ("sessions", "key_events", "revenue") or np.ptp(final) != 0:
        return False
    reach = ga4_reach(ds, w.start, end)
    return reach is not None and reach >= w.end


def _costs_start_within(ds, metric: str, covered: Period, end: dt.date) -> str | None:
    """Why a ROI or ROAS goal has no actual when costs.csv starts after its days to date do
    (``covered``, to ``end``), else None. roi() sets the value of the days costs.csv covers
    against their costs: a Q3 goal on costs from 1 August was judged on August and
    September's ratio, "missed", the quarter's July unsaid, though GA4's July revenue was
    known. The costs before the file's first line are not projected back, as
    :func:`~smmanalytics._projection._costs_to_come` projects those after its last: a file
    starting in August more often says that the brand began to spend, or to keep count,
    then than that July cost what August did, and a guess would decide the goal. The ratio
    of the days covered is in the ROI section, which says which days it counts."""
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
    return costs_gaps_notes(ds.costs, (start, end),
                            of=("ad_spend",) if metric == "roas" else None)


def _judge_gapped(row: dict, a: float, target: float, at_least: bool, what: str,
                  missing: str, notes: list[str]) -> dict:
    """``row`` of a total some of whose figures to date no export gives, its actual ``a``
    the total of the others (``what`` it is: "actual over the 62 of 92 days covered",
    "actual without the facebook posts of those days"; ``missing``, what it lacks: "the
    other days", "those posts"): no status, as a sum of some days, or of some platforms'
    posts, is no period's total (Q3's key events, August's GA4 export missing, read 13 + 10
    = 23 "missed" against 30, where the three months make 34). A total can only grow, so
    what is missing cannot undo a minimum already reached ("met") nor a maximum already
    passed ("missed"); the note in ``notes`` says which."""
    if at_least and a >= target:
        row["status"] = "met"
        notes.append(f"{what} already reaches the target, and {missing} can only add")
    elif not at_least and a > target:
        row["status"] = "missed"
        notes.append(f"{what} already exceeds the maximum, and {missing} can only add")
    else:
        notes.append(f"{what}: not assessed")
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


def _ga4_resumes(ds, day: dt.date) -> bool:
    """Whether a GA4 export covers a day after ``day``: GA4's exports reaching 31 July in a
    quarter then are missing August, not ended, when September's is loaded (the August
    report said "GA4 data end on 2026-07-31" with September's export read)."""
    return bool((prepared(ds.web).covers["end"] > pd.Timestamp(day)).any())


def _pooled_gaps(ds, metric: str, start: dt.date, end: dt.date) -> tuple[list[str], bool]:
    """The platforms whose posts exports leave days from ``start`` to ``end`` uncovered
    between others (:func:`~smmanalytics._actuals.posts_gaps`) and whose ``metric`` is in an
    all-platform total of it (a platform without the metric is not): the total lacks their
    posts of those days, as a platform goal's does (:func:`_uncovered`). And whether they
    leave every day uncovered, being the only platforms in it: then it has no data (a July
    of Facebook's alone, its export missing, read 0 posts)."""
    runs = {p: posts_gaps(ds, p, start, end)[1] for p in social_platforms(ds)}
    if not any(runs.values()):
        return [], False
    counted = [p for p in runs if not pd.isna(actual(ds, metric, p, start, end))]
    short = [p for p in counted if runs[p]]
    return short, bool(short) and all(runs[p] == [(start, end)] for p in counted)


def _pooled_judged(ds, metric: str, row: dict, a: float, target: float, at_least: bool,
                   start: dt.date, end: dt.date, notes: list[str]) -> dict | None:
    """``row`` of an all-platform total of posts some platform's exports leave days of
    uncovered, from ``start`` to ``end``, finished (:func:`_pooled_gaps`; the gaps are named
    in ``notes`` already, by ``partial``), else None. Facebook's September export missing:
    Q3's posts of all platforms counted X's September and Facebook's July and August, 112
    "missed" against 150, a total Facebook's September can only add to: not assessed, as a
    platform goal over its gap is (:func:`_judge_gapped`). Without a day any of its
    platforms covers, no data."""
    short, none = _pooled_gaps(ds, metric, start, end)
    if none:
        row["actual"] = row["progress"] = np.nan
        return _finish(row, notes)
    if not short:
        return None
    without = f"actual without the {', '.join(short)} posts of those days"
    return _finish(_judge_gapped(row, a, target, at_least, without, "those posts", notes),
                   notes)


def _no_cover_notes(ds, metric: str, w: Period, gaps: list, source: str) -> list[str]:
    """The notes of a goal none of whose days to date an export covers (:func:`_uncovered`'s
    ``gaps``, ``source``): "no data for 2026-09: no facebook posts export covers 2026-09-01
    to 2026-09-30" for a figure of posts; GA4's gaps say it alone ("no GA4 export covers
    …")."""
    said = _gap_notes(ds, gaps, source)
    return [f"no data for {w.label}: {n}" for n in said] if metric in POST_METRICS else said


def _uncovered(ds, metric: str, platform: str, start: dt.date, end: dt.date
               ) -> tuple[list[tuple[str | None, dt.date, dt.date]], int, str]:
    """The runs of days from ``start`` to ``end`` that the exports a goal is read from leave
    uncovered, exports resuming after them, the number of days covered, and whose exports
    they are (for :func:`_gap_notes`): GA4's for a GA4 figure (:func:`_ga4_gaps`), the
    platform's posts exports' for a figure of one platform's posts (:func:`~smmanalytics.
    _actuals.posts_gaps`). A Q3 reach goal with Facebook's September export missing and
    October's read was paced to 31 August, "off track, 2,804 needed per day", once the
    quarter was over; it is the 62 days covered of 92, as GA4's August gap is. The ratio of
    the posts of the days covered (er_reach) stands, named with its gaps: the days missing
    add posts, not a ratio of other things, as ROI's do."""
    if metric in POST_METRICS and platform != "all":
        _, runs = posts_gaps(ds, platform, start, end)
        seen = (end - start).days + 1 - sum((b - a).days + 1 for a, b in runs)
        return [(None, a, b) for a, b in runs], seen, f"{platform} posts"
    return (*_ga4_gaps(ds, metric, start, end), "GA4")


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


def _gap_notes(ds, gaps: list[tuple[str | None, dt.date, dt.date]], source: str = "GA4"
               ) -> list[str]:
    """"no GA4 export covers 2026-08-01 to 2026-08-31", "no GA4 export of maisonseve.it
    covers 2026-08-01 to 2026-08-31", "no facebook posts export covers 2026-09-01 to
    2026-09-30" (``source`` "facebook posts"): a note for each run of ``gaps``. GA4's days
    that an export which could not be read may hold (:func:`~smmanalytics._actuals.
    web_unread`, compare's rule) are unknown, that export named: "GA4 of 2026-08-01 to
    2026-08-31 unknown: 1 export could not be read (…)", where August's damaged export read
    as if never downloaded."""
    notes = []
    for prop, a, b in gaps:
        days = a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat()}"
        unread = web_unread(ds, a, b) if source == "GA4" and prop is None else []
        if unread:
            notes.append(f"GA4 of {days} unknown: {could_not_be_read(ds, unread)}")
            continue
        whose = (f"no {source} export" if prop is None
                 else f"no {source} export of {prop or '(no property)'}")
        notes.append(f"{whose} covers {days}")
    return notes


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
