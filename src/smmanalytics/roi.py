"""Costs, attributed value and return: ROI, ROAS, CPA, CPC, CPM (DESIGN.md §4).

Definitions (money in the brand's currency, over one :class:`~smmanalytics.periods.Period`)
------------------------------------------------------------------------------------------
- ``cost`` = ad_spend + labor + tools + production + influencer + other, each prorated by day:
  a cost line from ``start`` to ``end`` (inclusive) of amount ``a`` contributes
  ``a × (days inside the period) / (days of the line)``. In a period costs.csv covers in part
  (:func:`costs_partly`), only its covered days count, for every line: a yearly subscription
  is not charged to the days after the last month entered, which no other spend reaches.
- ``revenue`` = GA4 revenue from social traffic (channel groups Organic Social and Paid Social,
  source aliases normalised; see :mod:`smmanalytics._web`). Revenue in another currency than
  the brand's is unknown (NaN, noted), never summed with it nor taken as 0; the sessions and key
  events of those rows count. A GA4 row spanning beyond the period counts by the share of its
  days inside it; a row tagged with a campaign whose days are known (its cost lines and posts)
  by the share of the days that campaign ran within the row's range (noted), so a campaign's
  own dates take its monthly rows whole.
- ``value`` = revenue + key_events × ``value_per_key_event`` (from goals.yaml, optional).
- ``roi`` = (value − cost) / cost (profit version, a fraction; 0.5 means +50 %).
- ``roas`` = revenue / ad_spend.
- ``cpa`` = cost / key_events (social key events); NaN where no cost is assigned (a
  campaign run on shared labour alone acquired nothing for free).
- ``cpc`` = ad_spend / link_clicks and ``cpm`` = ad_spend / impressions × 1000, with the paid
  link clicks and paid impressions of the posts flagged ``paid`` in the period: the ad's
  impressions, which the spend bought and benchmarks-methods' CPMs price (§1.5), not the
  organic views a boosted post also has. Paid impressions are the export's paid split (the
  legacy Facebook ``impressions_paid``, X's ``promoted_impressions``, Meta's ``views_boosted``:
  800 / 69,287 × 1000 = 11.55, where all 74,390 views gave 10.75); a post without one counts
  all its impressions (views where a platform no longer gives impressions), noted
  (``cpm_organic_included``). Paid link clicks are X's ``promoted_link_clicks``; Meta gives
  only a post's total link clicks, so its cpc counts organic clicks too, noted
  (``cpc_organic_included``). Only the ad spend of platforms whose paid posts are known enters: a
  platform whose posts of the period carry no paid flag (``paid`` NA, as Instagram's exports)
  or that has no post in the period keeps its clicks unknown, so its spend is left out of the
  numerator (its own row's cpc and cpm are NaN, noted "paid posts of <platform> unknown"; a
  total or campaign row notes the platforms it leaves out). Ad spend without a platform enters
  only when every platform posting in the period has known paid posts. Nor does the spend of a
  campaign no paid post of the period carries, where its platform's paid posts carry
  campaigns: its impressions and clicks are not theirs, in the total as in its own row
  (noted ``cpc_cpm_campaign_spend_left_out``).
- ``roi``, ``roas`` and ``cpa`` set GA4's figures against the cost and ad spend of the days
  of the period both GA4's exports (:func:`~smmanalytics._web.covered_runs`) and costs.csv
  cover: in a period GA4 covers in part, the costs of the days it does not cover are left out
  of them (noted ``ratios_ga4_days``), as its revenue of those days is unknown, not 0; in a
  period costs.csv covers in part and GA4 further, GA4's revenue and key events of the days
  costs.csv does not cover are left out of them (noted ``ratios_costs_days``), as the costs of
  those days are unknown, not 0. The ``cost``, category, ``revenue``, ``key_events`` and
  ``value`` columns stay the period's. With no day in common, the three are NaN (noted).
  costs.csv covers the days of :func:`costs_span`: from the start of its first line of a month
  or less to the end of its last one-month line (labour, subscriptions entered month by
  month), else of its last line of a month or less (a week of spend), a yearly licence
  bounding neither, a file dated by single days alone (payments) covering the whole months
  its days fall in. A day inside that span without a line had nothing spent; a
  day after it (the file ends before) is unknown. A month inside it without any line on its
  days of a category its other months have (labour, a monthly subscription: :func:`costs_gaps`)
  keeps that rule, and is noted (``costs_month_missing``): its lines may have been left out.
- A zero or missing denominator gives NaN, and the ``note`` column says why; ``note_codes``
  gives each of its sentences a stable code (:data:`NOTE_CODES`) to select them by.
- Costs are known only when a costs.csv was read: without one, or when it could not be read,
  every cost category, ``cost``, ``roi``, ``roas``, ``cpa``, ``cpc`` and ``cpm`` are NaN
  (unknown, never 0) and the note says which (:func:`costs_status`); so are they for a period
  wholly outside the days the file was kept for (:func:`costs_span`: a yearly licence does
  not stretch them), and a period it covers in part is noted. After those days, a one-off line
  entered there (a shoot billed into the next month) gives its category (:func:`entered_after`,
  noted); labour and the other categories entered month by month, and ``cost``, stay NaN. A
  costs.csv that was read and has no line for a campaign gives that campaign a real cost of 0.

Earned media value (:func:`earned_media_value`) is an *estimate* of what the organic reach would
have cost at an assumed CPM; it is never part of ROI.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import math
import numbers
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import pandas as pd

from ._args import flag, frame_with, platform_name
from ._costs import CATEGORIES, COST_COLUMNS, month_lines, read_costs
from ._web import (
    UNASSIGNED,
    campaign_day_spans,
    campaign_key,
    campaign_name,
    covered_runs,
    foreign_currency,
    foreign_revenue_note,
    social_traffic,
)
from .errors import (
    ArgumentError,
    ArgumentTypeError,
    EmptyDataError,
    SchemaError,
    require_dataset,
)
from .periods import (
    Period,
    dataset_post_dates,
    days_text,
    overlap_days,
    parse_period,
    post_dates,
    remembered,
)
from .quality import counted, side_file_error
from .schema import column_or

__all__ = ["CATEGORIES", "COST_COLUMNS", "read_costs", "costs_status", "costs_unknown_why",
           "costs_span", "costs_partly", "costs_gaps", "costs_gaps_notes", "entered_after",
           "costed_days", "prorate_costs",
           "roi", "NOTE_CODES",
           "campaign_roi", "campaign_spans", "campaign_days", "check_campaign",
           "cost_breakdown", "earned_media_value",
           "plot_costs", "COST_COLORS"]

logger = logging.getLogger(__name__)

#: the dtypes as instances: a name ("Float64", "string") is looked up in pandas' registry
#: at each use, 50-120 µs, some 70 times a roi() call
_FLOAT64 = pd.Float64Dtype()
_STRING = pd.StringDtype()

_T = TypeVar("_T")


def prorate_costs(costs: pd.DataFrame | str | os.PathLike, period: object) -> pd.DataFrame:
    """Cost lines overlapping ``period`` with the prorated ``allocated`` amount.

    ``allocated = amount × overlap_days / days``, where ``days`` is the line's inclusive span.
    The input is not modified.

    Parameters
    ----------
    costs : DataFrame, str, os.PathLike or None
        A table of :func:`read_costs` (``ds.costs``), or the path of a costs.csv, read with
        :func:`read_costs`. None, or a frame without any column (a Dataset without
        costs.csv), gives an empty table.
    period : str, tuple, Period or pandas.Period
        The days to allocate to, as :func:`~smmanalytics.periods.parse_period` takes them.

    Returns
    -------
    DataFrame
        The lines with at least one day in ``period``, with RangeIndex: the columns of
        ``costs`` (those of :func:`read_costs`), ``days`` (Int64, recomputed from ``start``
        and ``end``), ``overlap_days`` (Int64, days within ``period``) and ``allocated``
        (Float64).

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``costs`` is neither a frame, a path nor None.
    SchemaError
        when ``costs`` lacks ``start``, ``end`` or ``amount``, naming the first missing; or
        when a line has no start, no end, or an end before its start (as :func:`read_costs`
        refuses it in a file), naming the first such line and column.
    ConfigError
        when ``costs`` is a path and the file is not a valid costs.csv (:func:`read_costs`).
    PeriodError
        when ``period`` is not a period.

    Examples
    --------
    A 365-day subscription of 1200 gives October 2026 1200 × 31 / 365 = 101.92:

    >>> line = pd.DataFrame({"start": [pd.Timestamp("2026-01-01")],
    ...                      "end": [pd.Timestamp("2026-12-31")], "amount": [1200.0]})
    >>> out = prorate_costs(line, "2026-10")
    >>> int(out.loc[0, "overlap_days"]), round(float(out.loc[0, "allocated"]), 2)
    (31, 101.92)
    """
    p = parse_period(period)
    if isinstance(costs, str | os.PathLike):
        costs = read_costs(costs)
    elif costs is not None and not isinstance(costs, pd.DataFrame):
        raise ArgumentTypeError(f"costs must be a costs table (ds.costs, read_costs) or the path "
                                f"of a costs.csv; got {type(costs).__name__}")
    # a table of no column at all is no costs (a Dataset without costs.csv); one of other
    # columns (ds.posts.iloc[0:0]) is no costs table, rows or not
    if costs is None or (costs.empty and not len(costs.columns)):
        return pd.DataFrame(columns=[*COST_COLUMNS, "days", "overlap_days", "allocated"])
    missing = [c for c in ("start", "end", "amount") if c not in costs.columns]
    if missing:
        raise SchemaError(f"costs lack column(s) {', '.join(map(repr, missing))}; expected the "
                          f"columns of read_costs: {', '.join(COST_COLUMNS)}", column=missing[0])
    if costs.empty:
        return pd.DataFrame(columns=[*COST_COLUMNS, "days", "overlap_days", "allocated"])
    # the lines' days, read cell by cell, made once a table (ds.costs at every call)
    start, end = _of_costs(costs, "spans", ("start", "end"), lambda: _check_spans(costs))
    c = costs.reset_index(drop=True)
    days = ((end - start).dt.days + 1).to_numpy()
    ov = overlap_days(start, end, p)
    out = c.assign(days=pd.array(days, dtype="Int64"), overlap_days=pd.array(ov, dtype="Int64"))
    out["allocated"] = (out["amount"].astype(_FLOAT64) * ov / days).astype(_FLOAT64)
    return out.loc[ov > 0].reset_index(drop=True)


def _check_spans(costs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The start and end days of ``costs``' lines (:func:`_span_days`, in order, without
    index); SchemaError naming the first line (its row label, and its file's line when it
    has one) without a start or an end, or that ends before it starts. Prorated,
    such a line had NA or negative days, 0 days in any period, and vanished from the result
    without a word: :func:`read_costs` refuses it in a file (and reads an empty end as the
    start), so only a frame built or edited by hand gets here."""
    start, end = _span_days(costs, "start"), _span_days(costs, "end")
    bad = (start.isna() | end.isna() | (end < start)).to_numpy(dtype=bool)
    if not bad.any():
        return start, end
    k = int(np.flatnonzero(bad)[0])
    where = _costs_row(costs, k)
    if pd.isna(start.iloc[k]):
        raise SchemaError(f"{where}: no start date; expected a date", column="start")
    expected = f"a date on or after start {start.iloc[k].date()}"
    if pd.isna(end.iloc[k]):
        raise SchemaError(f"{where}: no end date; expected {expected}", column="end")
    raise SchemaError(f"{where}: end before start; expected {expected}; got "
                      f"{end.iloc[k].date()}", column="end")


def _span_days(costs: pd.DataFrame, column: str) -> pd.Series:
    """``costs[column]`` as days (naive midnights, NaT where empty), without index;
    SchemaError naming the first cell that holds something else.

    A time of day is its day: "2026-10-01 14:00" made a 31-day line 30 days long, and
    October was allocated 31/30 of it. A text pandas cannot read ("2026-13-01") raised its
    DateParseError, and a time with a time zone beside one without a TypeError, neither
    naming the line; a zoned one beside another was taken in UTC by the proration, so a
    line of 1-31 October in Paris got 30 of its 31 days in October. A line's days are
    calendar days, as costs.csv writes them: a zoned time is refused rather than given a
    day silently."""
    days = []
    for k, value in enumerate(costs[column]):
        empty = pd.isna(value) or (isinstance(value, str) and not value.strip())
        zoned = getattr(value, "tzinfo", None) is not None
        day = pd.NaT if empty else None if zoned else pd.to_datetime(value, errors="coerce")
        if not empty and pd.isna(day):
            raise SchemaError(f"{_costs_row(costs, k)}: {column} is no day; expected a date "
                              f"(YYYY-MM-DD, without time zone); got {str(value)!r}",
                              column=column)
        days.append(day)
    return pd.Series(days, dtype="datetime64[us]").dt.normalize()


def _costs_row(costs: pd.DataFrame, k: int) -> str:
    """How an error names the ``k``th line of ``costs``: its row label, and its line in
    costs.csv when :func:`read_costs` read it ("costs row 0 (line 2)")."""
    line = costs["line"].iloc[k] if "line" in costs.columns else None
    return f"costs row {costs.index[k]!r}" + ("" if pd.isna(line) else f" (line {line})")


def costs_status(ds, period: object = None) -> tuple[str, str | None]:
    """Whether the costs of ``ds`` (over ``period``, when given) are known.

    Returns
    -------
    (status, reason)
        ``("read", None)`` when a costs.csv was read (even one without lines: its costs are
        0); ``("failed", reason)`` when costs.csv could not be read, ``reason`` being the
        loader's message (file, line, column, expected and got); ``("missing", None)`` when
        there was no costs.csv; ``("uncovered", "<first>..<last>")`` (the one date when they
        are the same day) when its lines run from ``first`` to ``last`` and ``period`` falls
        wholly outside: a month the file does not reach has unknown costs, not none.
    """
    costs = getattr(ds, "costs", None)
    if costs is not None and len(costs.columns):
        span = costs_span(costs)
        if period is not None and span is not None:
            p = parse_period(period)
            if span[1] < p.start or span[0] > p.end:
                return "uncovered", days_text(*span)
        return "read", None
    reason = side_file_error(getattr(ds, "quality", None), ("costs.csv",))
    return ("failed", reason) if reason is not None else ("missing", None)


#: cost lines longer than this (a yearly subscription) are prorated over their days, but do not
#: show that the file was kept up to their end
_KEPT_UP_DAYS = 31


def foreign_cost_lines(ds, period: object, category: str | None = None,
                       platform: str = "all") -> pd.Series:
    """The currency, upper case, of each cost line (of ``category``, or any; of ``platform``,
    or all) that falls in ``period`` in another currency than the brand's: :func:`roi` leaves
    those lines out. One line of 300 CHF among fourteen in euros is one line, not the month's
    costs in CHF, as a goal's note said."""
    costs = getattr(ds, "costs", None)
    if costs is None or costs.empty or "currency" not in costs.columns:
        return pd.Series(dtype=_STRING)
    lines = prorate_costs(costs, costed_days(costs, period))
    if category is not None:
        lines = lines.loc[(lines["category"].astype(_STRING) == category).fillna(False)
                          .to_numpy()]
    if platform != "all":       # as roi(by="platform") groups them
        lines = lines.loc[(_group_key(lines["platform"], "platform") == platform).to_numpy()]
    cur = lines["currency"].astype(_STRING).str.upper()
    return cur[foreign_currency(lines, ds.brand.currency)].reset_index(drop=True)


def costs_span(costs: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The days a costs table was kept for: from the first start of its lines of a month or
    less (a month's labour, a week of spend, a shoot) to the last end of its lines of one
    calendar month (labour, a monthly subscription: entered month by month), in a file
    without such lines of its lines of a month or less; in a file of longer lines alone
    (yearly licences), from the first start to the last end of all; in a file dated by
    single days alone (a ledger of payments, a ``date`` column), from the first day of its
    first line's month to the last day of its last line's month; None without lines.

    Costs cover the days of this span: a day inside it without a line had nothing spent (0),
    a day outside is unknown (the file ends before it, or starts after it). A yearly
    subscription entered in September runs to next August, and a shoot billed from 16 October
    to 15 November runs past October's end, yet neither says that the months after the last
    one entered were entered: the labour of November would read 0. Nor does a yearly licence
    paid from January say that January to June were entered when the salaries, fees and ads
    begin in July: May read its licence's 101.92 € alone, a ROI of 2,336 % and its goal met.
    A shoot of September before the first month of labour is a spend entered on its days,
    which a licence's year is not. A payment dated 1 October is one of October's: it does
    not say that the file stops on the 1st, as a week of spend entered to 19 October says
    that the file stops there.
    """
    if costs is None or costs.empty:
        return None
    cols = (costs["start"], costs["end"])
    with _SPANS_LOCK:
        hit = _SPANS.get(id(costs))
    if hit is not None and all(a.equals(b) for a, b in zip(hit[0], cols, strict=True)):
        return hit[1]
    span = _costs_span(*cols)
    with _SPANS_LOCK:
        # the columns are a snapshot: under copy-on-write, an edit of ``costs`` copies first
        _SPANS[id(costs)] = (cols, span)
        _SPANS.move_to_end(id(costs))
        while len(_SPANS) > _SPANS_MAX:
            _SPANS.popitem(last=False)
    return span


#: the last few costs tables' spans (:func:`costs_span`), by the frame's identity, each with
#: the columns it read: one roi() asked for its costs' span six times (5 ms each on a table of
#: five lines), a report's sections some hundred times. A table edited in place, or a new
#: one reusing a freed one's id, is never served a stale span.
_SPANS: OrderedDict[int, tuple[tuple[pd.Series, pd.Series], tuple | None]] = OrderedDict()
_SPANS_MAX = 8
_SPANS_LOCK = threading.Lock()


#: answers of the last few costs tables whatever the period (:func:`_of_costs`), by the
#: frame's identity and the question, each with the columns it read
_OF_COSTS: OrderedDict[tuple[int, str], tuple[tuple[pd.Series, ...], object]] = OrderedDict()
_OF_COSTS_MAX = 32


def _of_costs(costs: pd.DataFrame, question: str, columns: tuple[str, ...],
              make: Callable[[], _T]) -> _T:
    """``make()``, what ``question`` asks of the table ``costs`` reading its ``columns``
    alone, made once while those columns are the same: roi() asks the months costs.csv
    misses (:func:`costs_gaps`, 13 ms on six lines) and its lines' days
    (:func:`_check_spans`) of the same table at every call, a report for each period. A
    table edited in place, or a new one reusing a freed one's id, is never served a stale
    answer (the columns kept are a snapshot under copy-on-write); what it gives is shared,
    not to be changed. An error is raised each time, not kept."""
    cols = tuple(costs[c] for c in columns)
    key = (id(costs), question)
    with _SPANS_LOCK:
        hit = _OF_COSTS.get(key)
    if hit is not None and all(a.equals(b) for a, b in zip(hit[0], cols, strict=True)):
        return hit[1]
    answer = make()
    with _SPANS_LOCK:
        _OF_COSTS[key] = (cols, answer)
        _OF_COSTS.move_to_end(key)
        while len(_OF_COSTS) > _OF_COSTS_MAX:
            _OF_COSTS.popitem(last=False)
    return answer


def _costs_span(start: pd.Series, end: pd.Series) -> tuple[dt.date, dt.date]:
    """:func:`costs_span` of the lines of ``start`` and ``end`` (the table's own columns)."""
    costs = pd.DataFrame({"start": start, "end": end})
    start, end = pd.to_datetime(start), pd.to_datetime(end)
    days = (end - start).dt.days + 1
    short = days <= _KEPT_UP_DAYS
    first = start[short].min() if short.any() else start.min()
    kept = month_lines(costs)
    if not kept.any():
        kept = short
    last = end[kept].max() if kept.any() else end.max()
    if (days == 1).all():              # dated by single days: by the months they fall in
        first, last = first.to_period("M").to_timestamp(), last + pd.offsets.MonthEnd(0)
    return first.date(), last.date()


def entered_after(costs: pd.DataFrame, period: object) -> pd.DataFrame:
    """The lines of ``period`` after the last day the costs table was kept for
    (:func:`costs_span`) that are known all the same: lines of a month or less (a shoot, a
    fee) of a category not entered month by month, each prorated over those days
    (:func:`prorate_costs`).

    A category with a line of the last kept month (labour, monthly tools) is unknown after it,
    whatever runs on; a yearly subscription says nothing of the months after either.
    """
    p = parse_period(period)
    span = costs_span(costs)
    if span is None or p.end <= span[1]:
        return prorate_costs(None, p)
    after = parse_period((max(p.start, span[1] + dt.timedelta(days=1)), p.end))
    start, end = pd.to_datetime(costs["start"]), pd.to_datetime(costs["end"])
    monthly = set(costs.loc[(month_lines(costs) & (end.dt.date == span[1])).to_numpy(),
                            "category"].astype(_STRING))
    short = ((end - start).dt.days + 1 <= _KEPT_UP_DAYS).to_numpy()
    one_off = short & ~costs["category"].astype(_STRING).isin(monthly).fillna(False).to_numpy()
    return prorate_costs(costs.loc[one_off], after)


def costs_unknown_why(ds, period: object) -> str | None:
    """Why the costs of ``period`` are unknown, in one clause (:func:`costs_status`), for a
    note or a warning; None when they are known."""
    status, reason = costs_status(ds, period)
    if status == "read":
        return None
    if status == "failed":
        # "; " separates notes: the reason's own clauses are joined by commas
        return f"costs.csv could not be read ({reason.replace('; ', ', ')})"
    if status == "uncovered":
        first, last = costs_span(ds.costs)
        return (f"costs.csv runs from {first.isoformat()} to {last.isoformat()}, outside "
                f"{parse_period(period).label}")
    return "no costs.csv was read"


#: the share of the whole months of costs.csv's span a category's one-month lines must fill
#: for a month without one to be a gap (:func:`costs_gaps`): labour in 13 months of 14 is
#: entered month by month, a seasonal shoot in 5 of 14 is not
_RECURRING_SHARE = 0.75


def costs_gaps(costs: pd.DataFrame, period: object = None) -> list[tuple[str, list[str]]]:
    """The months of costs.csv's span (:func:`costs_span`; of ``period``'s days alone when
    given) that count nothing of a category entered month by month: one with a one-month
    line in at least three quarters (:data:`_RECURRING_SHARE`) of the span's whole months,
    and in two at least. Each month ("2026-08") with its categories, in the file's order.
    A month without its monthly line but with another line of the category on its days (a
    week of extra labour, a yearly plan) is not one: it counts that line, not 0.

    The rule stays: a day inside the span without a line had nothing spent. But an August
    whose lines were lost read a cost of 40 € (the yearly tool's share) where every other
    month has 2,280 € of labour, and a ROI of 1,242 %, with no word; the months so read
    are named (:func:`roi`'s ``costs_month_missing``, the quality note of the same code).
    """
    pattern = _of_costs(costs, "gaps", ("start", "end", "category"),
                        lambda: _gaps_pattern(costs))
    if pattern is None:
        return []
    months, recurring, lines_of = pattern
    if period is not None:
        p = parse_period(period)
        months = months[(months.end_time.date >= p.start) & (months.start_time.date <= p.end)]
    gaps = []
    for month in months:
        # a month's own line of the category is one that covers its days
        missing = [c for c in recurring if not _counted_in(lines_of[c], month)]
        if missing:
            gaps.append((str(month), missing))
    return gaps


def _gaps_pattern(costs: pd.DataFrame) -> tuple[pd.PeriodIndex, list[str], dict] | None:
    """What :func:`costs_gaps` reads of a table whatever the period: the whole months of its
    span, the categories entered month by month, and their lines' days (:func:`_lines_of`);
    None where no month can miss its line (no lines; fewer than three whole months)."""
    span = costs_span(costs)
    if span is None:
        return None
    # the whole months of the span: a span starting on the 20th has no month line that month
    first, last = pd.Period(span[0], "M"), pd.Period(span[1], "M")
    if span[0] != first.start_time.date():
        first += 1
    if span[1] != last.end_time.date():
        last -= 1
    if first + 2 > last:          # two months, one with labour: no pattern to miss
        return None
    months = pd.period_range(first, last, freq="M")
    lines = costs.loc[month_lines(costs).to_numpy()]
    entered = pd.DataFrame({"category": lines["category"].astype(_STRING).to_numpy(),
                            "month": pd.to_datetime(lines["start"]).dt.to_period("M")
                            .to_numpy()})
    entered = entered.loc[entered["month"].isin(months).to_numpy()].drop_duplicates()
    counts = entered["category"].value_counts(sort=False)
    recurring = [c for c, n in counts.items() if n >= max(2, _RECURRING_SHARE * len(months))]
    return months, recurring, _lines_of(costs, recurring)


def _lines_of(costs: pd.DataFrame, categories: list[str]
              ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The first and last days of each category's lines, read once for all the months
    :func:`costs_gaps` checks (each month read the whole table again: 24 reads a call)."""
    start = pd.to_datetime(costs["start"]).to_numpy()
    end = pd.to_datetime(costs["end"]).to_numpy()
    out = {}
    for category in categories:
        of = (costs["category"] == category).fillna(False).to_numpy()
        out[category] = (start[of], end[of])
    return out


def _counted_in(lines: tuple[np.ndarray, np.ndarray], month: pd.Period) -> bool:
    """Whether a line of a category (``lines``: their first and last days, of
    :func:`_lines_of`), of any length, covers days of ``month``: a week of extra labour, a
    yearly plan's share. The month then counts something of it, not 0, and its monthly line,
    if lost, is not what a note of nothing spent would say."""
    start, end = lines
    return bool(((start <= month.end_time.to_datetime64())
                 & (end >= month.start_time.to_datetime64())).any())


def costs_gaps_notes(costs: pd.DataFrame, period: object = None,
                     of: Collection[str] | None = None) -> list[str]:
    """A sentence for each month of :func:`costs_gaps` (:func:`roi`'s note
    ``costs_month_missing``, the quality note of read_costs, the scorecard's of a ROI or
    ROAS goal), of the categories ``of`` alone when given (a ROAS divides by ad spend: a
    month without labour does not move it)."""
    gaps = [(month, [c for c in cats if of is None or c in of])
            for month, cats in costs_gaps(costs, period)]
    return [f"costs.csv has no {', '.join(cats)} line for {month}, which the other months "
            f"it covers have: counted as 0" for month, cats in gaps if cats]


def costs_partly(costs: pd.DataFrame, period: object) -> tuple[dt.date, dt.date] | None:
    """The days of ``period`` the costs table was kept for (:func:`costs_span`) when they are
    only part of it, else None: spend outside those days is not in the file."""
    p = parse_period(period)
    span = costs_span(costs)
    if span is None or (span[0] <= p.start and span[1] >= p.end) or (
            span[1] < p.start or span[0] > p.end):
        return None
    return max(span[0], p.start), min(span[1], p.end)


def costed_days(costs: pd.DataFrame, period: object) -> Period:
    """The days of ``period`` whose costs :func:`roi` counts: those the costs table was kept
    for (:func:`costs_partly`) when it covers the period in part, else the whole period.

    A yearly subscription runs past the last month entered; charged to the days after it, it
    would weigh on days that no other spend, nor the labour, reaches.
    """
    p = parse_period(period)
    days = costs_partly(costs, p)
    return p if days is None else parse_period(days)


def _costs_partly_note(costs: pd.DataFrame, p: Period) -> str | None:
    days = costs_partly(costs, p)
    if days is None:
        return None
    return (f"costs.csv runs over {p.label} from {days[0].isoformat()} to "
            f"{days[1].isoformat()} only: all costs, subscriptions included, are counted over "
            f"those days alone")


#: the code of each kind of sentence in :func:`roi`'s ``note`` column (and
#: :func:`earned_media_value`'s), given in its ``note_codes`` column in the same order
#: ("; "-joined): select notes by these, never by their English words. ``costs_<status>``
#: are the costs unknown (:func:`costs_status`); ``<ratio>_<figure>_unknown`` / ``_zero`` say
#: why a ratio is NaN.
NOTE_CODES = (
    # costs: unknown, kept for part of the period, lines in another currency (cost unknown)
    "costs_failed", "costs_uncovered", "costs_missing", "costs_partly",
    "costs_foreign_currency", "costs_entered_after",
    # a month costs.csv covers without a category every other month of it has (labour…)
    "costs_month_missing",
    # GA4: revenue in another currency, no or part coverage, rows prorated or left out
    "revenue_foreign_currency", "ga4_uncovered", "ga4_partly", "ga4_gaps", "ga4_prorated",
    "ga4_campaign_days",
    "ga4_undated", "ga4_breakdown_left_out", "ga4_overlap_left_out", "ga4_overlap_prorated",
    "ga4_meta_source", "ga4_first_user_scope",
    "ga4_no_revenue",
    "ga4_no_key_events", "ga4_no_sessions",
    # by campaign: GA4's tables have no campaign, or none of their rows names this one
    "ga4_no_campaign_dimension", "ga4_campaign_not_seen", "ga4_campaign_outside_period",
    "ga4_campaign_overlap",
    # the ratios set GA4's figures against the costs of the days GA4 covers, GA4's figures of
    # the days costs.csv covers against their costs, or none in common
    "ratios_ga4_days", "ratios_costs_days", "ratios_no_common_days",
    # goals.yaml unread: key events have no value
    "goals_failed",
    # why a ratio is NaN: its denominator unknown or zero, or its numerator unknown
    "roi_cost_unknown", "roi_cost_zero", "roi_cost_negative", "roi_value_unknown",
    "roas_ad_spend_unknown", "roas_ad_spend_zero", "roas_ad_spend_negative",
    "roas_revenue_unknown",
    "cpa_key_events_unknown", "cpa_key_events_zero", "cpa_cost_unknown", "cpa_cost_zero",
    "cpa_cost_negative",
    "cpc_link_clicks_unknown", "cpc_link_clicks_zero", "cpc_ad_spend_unknown",
    "cpc_ad_spend_zero", "cpc_ad_spend_negative",
    "cpm_impressions_unknown", "cpm_impressions_zero", "cpm_ad_spend_unknown",
    "cpm_ad_spend_zero", "cpm_ad_spend_negative",
    # cpc and cpm: all the clicks or impressions of paid posts whose export gives no paid split
    "cpc_organic_included", "cpm_organic_included",
    # cpc and cpm: ad spend whose paid posts are unknown
    "cpc_cpm_paid_unknown", "cpc_cpm_spend_left_out", "cpc_cpm_unplaced_spend_left_out",
    # cpc and cpm: ad spend of a campaign no paid post of the period carries
    "cpc_cpm_campaign_spend_left_out",
    # earned_media_value(): posts whose paid status is unknown, not taken for organic; a
    # platform the cpm dict leaves out
    "emv_paid_unknown", "emv_no_cpm",
)


# --------------------------------------------------------------------------- ROI
def _group_key(values: pd.Series, by: str) -> pd.Series:
    if by == "campaign":
        return campaign_key(values).fillna(UNASSIGNED)
    return values.astype(_STRING).fillna(UNASSIGNED)


def value_per_key_event_of(ds, value_per_key_event: float | None) -> float | None:
    """The value of one key event: ``value_per_key_event`` when given, else goals.yaml's
    (``ds.goals.attrs``), else None (key events carry no value)."""
    if value_per_key_event is not None:
        return float(value_per_key_event)
    goals = getattr(ds, "goals", None)
    v = goals.attrs.get("value_per_key_event") if goals is not None else None
    return float(v) if v is not None else None


def _check_value_per_key_event(v: object) -> None:
    if v is not None and not (isinstance(v, numbers.Real) and not isinstance(v, bool)
                              and math.isfinite(float(v))):
        raise ArgumentTypeError(f"value_per_key_event must be a number (the value of one key "
                                f"event, in the brand's currency) or None; got {v!r}")
    if v is not None and v < 0:     # goals.yaml refuses one too: a key event costs nothing
        raise ArgumentError("a key event's value cannot be negative",
                            argument="value_per_key_event", expected="a number >= 0", got=v)


def roi(ds, period: object, by: str | None = None, *,
        value_per_key_event: float | None = None) -> pd.DataFrame:
    """Cost, attributed value and returns for a period, overall or per campaign or platform.

    Parameters
    ----------
    ds : Dataset
        Uses ``costs``, ``web`` (GA4), ``posts`` (paid posts for CPC/CPM), ``goals``
        (``value_per_key_event``) and ``brand`` (currency, time zone).
    period : str, tuple or Period
        ``"2026-10"``, ``"2026-Q3"`` or ``(start, end)``; see
        :func:`~smmanalytics.periods.parse_period`.
    by : None, "campaign" or "platform"
        None gives one row (a one-item list such as ``["campaign"]`` is taken too; another
        value raises :class:`~smmanalytics.errors.ArgumentError`, a ValueError). Costs or
        traffic without a campaign (platform) go to the ``(unassigned)`` row, so the rows add
        up to the total. That row's ``roi`` and ``cpa`` divide the costs tied to no campaign
        (labour, tools…, which support every campaign) by the value and key events of the
        traffic without one: arithmetic, not a campaign's return or cost per acquisition
        (the sample's October: 3,048.81 € ÷ 3 key events = 1,016.27 €, beside automne-2026's
        8.68 €). Those costs are counted in the total's all-in figures (``by=None``), which is
        where a report reads them; its campaign table shows "–" for that row's ROI and CPA.
    value_per_key_event : float, optional
        Overrides goals.yaml's ``value_per_key_event``.

    Returns
    -------
    DataFrame
        Columns ``[by,] period, currency, cost, ad_spend, labor, tools, production, influencer,
        other, revenue, key_events, sessions, value, roi, roas, cpa, cpc, cpm, impressions,
        link_clicks, note, note_codes``. See the module docstring for the formulas. Revenue
        and key events are NaN (unknown, not 0) when no GA4 row covers the period; costs and
        the ratios that use them are NaN when no costs.csv was read (:func:`costs_status`),
        and a row's category and total cost when one of their lines is in another currency
        than the brand's (noted on the rows it concerns and the total, naming the lines).
        ``note`` holds sentences joined by "; ", ``note_codes`` their codes
        (:data:`NOTE_CODES`) in the same order, NA without notes. ``attrs["row_notes"]``
        holds the same notes unjoined: one list of (code, sentence) pairs a row, in the
        order of the rows as returned (a frame filtered or sorted keeps the whole list).
        ``attrs["ratio_figures"]``, in the same order, holds each row's ``cost``,
        ``ad_spend``, ``value`` and ``revenue`` that ``roi`` and ``roas`` divide: the
        columns' own, or those of the days GA4 and costs.csv both cover when they differ.

    Examples
    --------
    >>> smm.roi(ds, period="2026-10", by="campaign")      # doctest: +SKIP
    """
    from .dataset import remembering  # here: smmanalytics.dataset imports this module

    require_dataset(ds, "roi")
    by = _roi_by(by)
    _check_value_per_key_event(value_per_key_event)
    # one memo for the call (a report's own kept): the posts' days, the campaigns' names
    # and the period's social traffic are asked for by several of its steps
    ds = remembering(ds)
    run = _RoiRun(ds, parse_period(period), by)
    costs, costs_known, late = _period_costs(run)
    costs, foreign = _foreign_costs(run, costs)
    web, covered, unknown_revenue = _period_web(run)
    ratio_lines, ratio_web, no_common_days = (_ratio_days(run) if costs_known and covered
                                              else (None, None, False))
    paid = _paid_posts(ds, run.p)
    measured = _measured_ad_spend(costs, run.key, _paid_known(ds, run.p), paid,
                                  foreign.ad_spend)
    paid[run.key] = ((_group_key(paid[by], by) if by in paid.columns else UNASSIGNED) if by
                     else "all")

    cost_tab = _category_table(costs, run.key)
    late_tab = _category_table(late, run.key)
    web_tab = (web.groupby(run.key)[["revenue", "key_events", "sessions"]].sum(min_count=1)
               if not web.empty else pd.DataFrame())
    post_tab = (paid.groupby(run.key)[["impressions", "link_clicks", "impressions_unsplit",
                                       "link_clicks_unsplit"]].sum(min_count=1)
                if not paid.empty else pd.DataFrame())
    keys = (sorted(set(cost_tab.index) | set(foreign.cells.index) | set(web_tab.index)
                   | set(post_tab.index) | set(late_tab.index)) or ["all"]) if by else ["all"]
    out = pd.DataFrame({run.key: pd.array(keys, dtype=_STRING)})
    for i, k in enumerate(keys):
        for note in run.web_rows.get(k, []):
            run.note_row(i, *note)
    _cost_columns(run, out, keys, cost_tab, late_tab, foreign, costs_known)
    _web_columns(run, out, keys, web_tab, covered, unknown_revenue)
    if by == "campaign" and covered:
        _campaigns_ga4_lacks(run, out, keys)
    for m in ("impressions", "link_clicks"):
        col = post_tab[m] if m in post_tab.columns else pd.Series(dtype="float64")
        out[m] = pd.array(col.reindex(keys).to_numpy(dtype="float64", na_value=np.nan),
                          dtype=_FLOAT64)
    vpk = _value_column(run, out, value_per_key_event)
    ratios = _RatioInputs.of(run, out, keys, ratio_web, ratio_lines, no_common_days, vpk,
                             unknown_revenue)
    _return_columns(run, out, ratios)
    spend, none_known = _measured_spend(run, out, keys, measured, foreign.ad_spend)
    _ratio(run, out, spend, out["link_clicks"], "cpc", "link clicks of paid posts", "ad spend",
           ("link_clicks", "ad_spend"), skip=none_known)
    _ratio(run, out, spend, out["impressions"], "cpm", "impressions of paid posts", "ad spend",
           ("impressions", "ad_spend"), 1000.0, skip=none_known)
    # cpc and cpm divide the measured spend, which may be some of the row's ad_spend only:
    # their notes say so where it differs, and name the refunds that spend counted
    partial = (spend != out["ad_spend"]).fillna(spend.notna()).to_numpy(bool)
    for name in ("cpc", "cpm"):
        _no_rate_of_refunds(run, out, spend, name, "ad spend", measured.refunds, partial)
    _no_rate_of_refunds(run, out, ratios.cost, "cpa", "cost", _refund_lines(costs, run.key))
    _note_unsplit(run, out, keys, post_tab)
    frame = _roi_frame(run, out, keys, foreign.notes)
    frame.attrs["ratio_figures"] = ratios.rows()
    return frame


def _roi_by(by: object) -> str | None:
    """roi()'s ``by`` as None, ``"campaign"`` or ``"platform"`` (a one-item list taken too)."""
    if isinstance(by, list | tuple) and len(by) == 1:
        by = by[0]
    if not (by is None or (isinstance(by, str) and by in ("campaign", "platform"))):
        raise ArgumentError(f"by must be None, 'campaign' or 'platform'; got {by!r}")
    return by


@dataclass
class _RoiRun:
    """What one :func:`roi` call works on, and the notes it gathers on the way.

    Each note is ``(code, sentence)``. A row's notes are, in this order: ``costs`` (the costs'
    status, on every row), the row's cost lines in another currency (``foreign_notes`` of
    :class:`_ForeignCosts`), ``general`` (GA4, the ratios' days, goals.yaml: on every row),
    then ``rows[i]`` (row ``i``'s own: by campaign, its GA4 rows prorated or spread
    (``web_rows``); why one of its ratios is NaN).
    """

    ds: object
    p: Period
    by: str | None
    costs: list[tuple[str, str]] = field(default_factory=list)
    general: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    #: by campaign: each campaign's own notes of its GA4 rows prorated or spread (row key →
    #: notes), given to its row first among the row's own
    web_rows: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: whether a GA4 table counted carries a campaign dimension, and the campaign keys of its
    #: rows (social or not): by campaign, a campaign GA4 cannot name has unknown figures
    has_campaign: bool = False
    campaigns_seen: set[str] = field(default_factory=set)
    #: the campaign keys whose GA4 rows lose days to an overlapping export not naming them
    overlap_campaigns: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """The column of the row keys: ``by``, or ``_all`` for the single row."""
        return self.by or "_all"

    @property
    def brand_cur(self) -> str:
        """The brand's currency, upper case: "eur" in a Brand made by hand is EUR."""
        return self.ds.brand.currency.upper()

    def note_row(self, i: int, code: str, sentence: str) -> None:
        """Add a note of row ``i`` alone."""
        self.rows.setdefault(i, []).append((code, sentence))

    def keyed(self, lines: pd.DataFrame) -> pd.DataFrame:
        """``lines`` (cost lines, paid posts) with their row key in column :attr:`key`."""
        lines[self.key] = _group_key(lines[self.by], self.by) if self.by else "all"
        return lines


def _period_costs(run: _RoiRun) -> tuple[pd.DataFrame, bool, pd.DataFrame]:
    """The cost lines of the period, prorated over its days costs.csv covers
    (:func:`costed_days`), and the costs' status noted.

    Returns ``(costs, costs_known, late)``: ``costs_known`` is False without a costs.csv read
    or outside the days it is kept for (``costs`` is then empty); ``late`` holds the one-off
    lines entered past those days (:func:`entered_after`), in the brand's currency and keyed,
    known when the total is not.
    """
    ds, p = run.ds, run.p
    unknown = costs_unknown_why(ds, p)
    costs_known = unknown is None
    if not costs_known:
        run.costs.append((f"costs_{costs_status(ds, p)[0]}", f"{unknown}: costs unknown"))
    elif (partly := _costs_partly_note(ds.costs, p)) is not None:
        run.costs.append(("costs_partly", partly))
    if costs_known:
        run.costs += [("costs_month_missing", gap) for gap in costs_gaps_notes(ds.costs, p)]
    costs = (prorate_costs(ds.costs, costed_days(ds.costs, p)) if costs_known
             else prorate_costs(None, p))
    # past the last month costs.csv is kept for, the one-off lines entered there are known
    # (a shoot billed into the next month); the total is not
    late = (entered_after(ds.costs, p) if costs_status(ds, p)[0] == "uncovered"
            else prorate_costs(None, p))
    if not late.empty:
        late = run.keyed(late.loc[~foreign_currency(late, run.brand_cur)].reset_index(drop=True))
    return costs, costs_known, late


@dataclass
class _ForeignCosts:
    """The cost lines in another currency than the brand's, per row key of :func:`roi`.

    ``cells`` (row × category) are True where a line is in another currency: its amount is
    unknown in the brand's money, so is the sum it is part of. Summed without it, Q3's ad
    spend left out September's USD campaign while GA4 counted that campaign's revenue (ROAS
    15.97× where September's read unknown). A category without a line is 0 all the same:
    masking every category of a row whose lines were all foreign read TikTok's ad spend
    unknown ("roas NaN: ad spend is unknown") where its only line was $30 of tools and
    costs.csv had no TikTok ad spend; the row's ``cost`` is unknown anyway, a sum of an
    unknown amount. ``notes`` maps a row key to its note of those lines
    (:func:`_foreign_costs_note`). ``ad_spend`` holds its ad spend lines, keyed by row: cpc
    and cpm divide only the spend of some platforms (:func:`_measured_ad_spend`), which such a
    line on another platform leaves known.
    """

    cells: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(CATEGORIES), dtype=bool))
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    ad_spend: pd.DataFrame | None = None


def _foreign_costs(run: _RoiRun, costs: pd.DataFrame) -> tuple[pd.DataFrame, _ForeignCosts]:
    """``costs`` keyed by row, without its lines in another currency, and what those are."""
    foreign_costs = _ForeignCosts()
    if costs.empty:
        return costs, foreign_costs
    brand_cur = run.brand_cur
    foreign = foreign_currency(costs, brand_cur)
    costs = run.keyed(costs)
    flags = pd.DataFrame({"row": costs[run.key].to_numpy(),
                          "category": costs["category"].astype(_STRING).to_numpy(),
                          "foreign": foreign})
    foreign_costs.cells = (flags.groupby(["row", "category"])["foreign"].any()
                           .unstack("category", fill_value=False))
    if foreign.any():
        # noted on the rows of those lines (the campaign or platform they are for, the
        # total), not on every row: automne-2026 lost nothing to a USD line of another
        left = pd.DataFrame({"row": costs[run.key].to_numpy(),
                             "cur": costs["currency"].astype(_STRING).str.upper().to_numpy(),
                             "line": _cost_lines(costs)})[foreign]
        for k, g in left.groupby("row", sort=False):
            foreign_costs.notes[k] = ("costs_foreign_currency",
                                      _foreign_costs_note(g, brand_cur))
        ads = (costs["category"] == "ad_spend").to_numpy(bool, na_value=False)
        foreign_costs.ad_spend = costs.loc[foreign & ads].reset_index(drop=True)
        costs = costs.loc[~foreign].reset_index(drop=True)
    return costs, foreign_costs


#: how many of a row's cost lines in another currency its note names (the first, in the
#: file's order)
_FOREIGN_LINES_NAMED = 3


def _foreign_costs_note(lines: pd.DataFrame, brand_cur: str) -> str:
    """The note of a row's cost lines in another currency (``lines``: their ``cur`` and
    ``line``, :func:`_cost_lines`): that they make its total cost unknown, which they are
    (the first :data:`_FOREIGN_LINES_NAMED`) and what to do. It said they were "left out",
    as if the total were computed without them, beside a cost and a ROI of "–"."""
    n = len(lines)
    currencies = ", ".join(sorted(set(lines["cur"])))
    named = ", ".join(lines["line"].iloc[:_FOREIGN_LINES_NAMED])
    todo = f"to {brand_cur}, the brand currency, in costs.csv"
    if n == 1:
        return f"1 cost line in {currencies} makes the total cost unknown: convert {named} {todo}"
    if n <= _FOREIGN_LINES_NAMED:
        return (f"{n} cost lines in {currencies} make the total cost unknown: convert {named} "
                f"{todo}")
    return (f"{n} cost lines in {currencies} make the total cost unknown, among them {named}: "
            f"convert them {todo}")


def _cost_lines(costs: pd.DataFrame) -> np.ndarray:
    """Each cost line as a note names it: its month (or first and last month), category,
    amount and currency, "2026-07 tools 9.99 USD", "2026-09–2027-08 tools 516.00 USD"."""
    first = costs["start"].dt.strftime("%Y-%m")
    last = costs["end"].dt.strftime("%Y-%m").fillna(first)
    months = first.where(first == last, first + "–" + last)
    amounts = costs["amount"].map(lambda x: f"{x:,.2f}")
    return (months + " " + costs["category"].astype(_STRING) + " " + amounts + " "
            + costs["currency"].astype(_STRING).str.upper()).to_numpy(dtype=object)


def _period_web(run: _RoiRun) -> tuple[pd.DataFrame, bool, set[str]]:
    """GA4's social traffic of the period, keyed by row, with its notes.

    Returns ``(web, covered, unknown_revenue)``: ``covered`` is whether GA4's exports cover
    the period; ``unknown_revenue`` the row keys with revenue in another currency.
    """
    p, key, by = run.p, run.key, run.by
    web, web_notes = social_traffic(run.ds, p, by=by)
    run.has_campaign = web.attrs.get("has_campaign", False)
    run.campaigns_seen = web.attrs.get("campaigns_seen", set())
    run.overlap_campaigns = web.attrs.get("overlap_campaigns", set())
    if by == "campaign":
        # a campaign's row notes its own GA4 rows prorated or spread, not every campaign's
        run.web_rows = web.attrs.get("campaign_notes", {})
        web_notes = [n for n in web_notes if n[0] not in ("ga4_prorated", "ga4_campaign_days")]
    run.general += web_notes
    covered = web.attrs.get("covered", False)
    unknown_revenue: set[str] = set()
    if not web.empty:
        # a column of its own: the frame may be the report's shared one (social_traffic)
        web = web.assign(**{key: (web["campaign_key"] if by == "campaign" else web["platform"])
                            if by else "all"})
        foreign = foreign_currency(web, run.brand_cur)
        if foreign.any():
            # their sessions and key events count; their revenue is not in the brand's money
            run.general.append(("revenue_foreign_currency",
                                foreign_revenue_note(web, run.brand_cur)))
            unknown_revenue = set(web.loc[foreign, key])
    if not covered:
        run.general.append(("ga4_uncovered",
                            f"no GA4 data covers {p.label}: revenue and key events unknown"))
    return web, covered, unknown_revenue


def _ratio_days(run: _RoiRun) -> tuple[pd.DataFrame | None, pd.DataFrame | None, bool]:
    """The figures the ratios use when GA4 and costs.csv cover different days of the period.

    GA4's figures are those of the days its exports cover: the ratios set them against the
    costs of those days alone, as the costs count the days costs.csv covers alone
    (:func:`costed_days`). November's costs against a revenue GA4 never reported read as a
    loss.

    Returns ``(ratio_lines, ratio_web, no_common_days)``: the cost lines of the days both
    cover, when not all the costed days (None otherwise); GA4's figures of the days both
    cover per row key, when GA4 covers more (None otherwise); whether they share no day.
    """
    ds, p, key, by = run.ds, run.p, run.key, run.by
    ratio_lines = ratio_web = None
    days = costed_days(ds.costs, p)
    runs = covered_runs(ds.web, days)
    # the mirror: costs.csv kept for part of a period GA4 covers further (its last month
    # entered is October, GA4 runs to December): the revenue of the days whose costs are
    # unknown is set against the costs of none of them, so the ratios take GA4's figures
    # of the days both cover alone
    n_days = sum((b - a).days + 1 for a, b in runs)
    if runs and n_days < sum((b - a).days + 1 for a, b in covered_runs(ds.web, p)):
        ratio_web = _web_of_days(ds, runs, key, by, run.brand_cur)
    if runs != [(days.start, days.end)]:
        ratio_lines = (pd.concat([prorate_costs(ds.costs, r) for r in runs],
                                 ignore_index=True) if runs else prorate_costs(None, p))
        if not ratio_lines.empty:
            # its lines in another currency kept: they make their sums unknown (_RatioInputs)
            ratio_lines = run.keyed(ratio_lines.reset_index(drop=True))
    note = _ratio_days_note(p, runs, n_days, ratio_web is not None, ratio_lines is not None)
    if note is not None:
        run.general.append(note)
    return ratio_lines, ratio_web, not runs


def _ratio_days_note(p: Period, runs: list[tuple[dt.date, dt.date]], n_days: int,
                     of_web: bool, of_lines: bool) -> tuple[str, str] | None:
    """The note of the days the ratios set against each other (:func:`_ratio_days`): none in
    common, GA4's figures of the days costs.csv covers (``of_web``), or the costs of the days
    GA4 covers (``of_lines``); None when they are the period's."""
    if not runs:
        return ("ratios_no_common_days",
                f"roi, roas and cpa NaN: GA4 data cover none of the days of "
                f"{p.label} costs.csv runs over")
    if of_web:
        return ("ratios_costs_days", (
            f"roi, roas and cpa set GA4's figures from {runs[0][0].isoformat()} to "
            f"{runs[0][1].isoformat()} alone against the costs of those days, the days of "
            f"{p.label} both GA4 data and costs.csv cover" if len(runs) == 1 else
            f"roi, roas and cpa set GA4's figures of the {n_days} days of {p.label} both "
            f"GA4 data and costs.csv cover alone against the costs of those days"))
    if of_lines:
        if len(runs) == 1:
            return ("ratios_ga4_days",
                    f"roi, roas and cpa set GA4's figures against the costs from "
                    f"{runs[0][0].isoformat()} to {runs[0][1].isoformat()} alone, "
                    f"the days of {p.label} both GA4 data and costs.csv cover")
        return ("ratios_ga4_days",
                f"roi, roas and cpa set GA4's figures against the costs of the "
                f"{n_days} days of {p.label} both GA4 data and costs.csv "
                f"cover alone")
    return None


def _category_table(lines: pd.DataFrame, key: str) -> pd.DataFrame:
    """Σ allocated of cost ``lines`` per row key (index) and category (columns)."""
    # pivot_table's own groupby and unstack, without its general steps: 9.4 → 2.8 ms on six
    # lines, four tables a call (the sums the same: a group's sum of Float64 is never NA,
    # which pivot_table would have dropped)
    return (lines.groupby([key, "category"], observed=True)["allocated"].sum()
            .unstack("category") if not lines.empty else pd.DataFrame())


def _per_key(tab: pd.DataFrame, column: str, keys: list[str]) -> np.ndarray:
    """``tab[column]`` at each of ``keys`` (its index), NaN where it has none: float64,
    read as an array rather than reindexed, six categories a call."""
    if column not in tab.columns or tab.empty:
        return np.full(len(keys), np.nan)
    at = tab.index.get_indexer(keys)
    vals = tab[column].to_numpy("float64", na_value=np.nan)
    return np.where(at >= 0, vals[at], np.nan)


def _cost_columns(run: _RoiRun, out: pd.DataFrame, keys: list[str], cost_tab: pd.DataFrame,
                  late_tab: pd.DataFrame, foreign: _ForeignCosts, costs_known: bool) -> None:
    """Set ``out``'s cost categories and ``cost``: NaN where a line is in another currency
    (``cost`` too: the total of an unknown amount is unknown), and, costs unknown, only the
    categories of the lines entered past the kept days (noted)."""
    cells = foreign.cells.reindex(index=keys, columns=list(CATEGORIES), fill_value=False)
    tab = cost_tab if costs_known else late_tab
    for cat in CATEGORIES:
        vals = _per_key(tab, cat, keys)
        if costs_known:
            # a category without lines is 0; one of a line in another currency unknown
            vals = np.where(cells[cat].to_numpy(bool), np.nan,
                            np.where(np.isnan(vals), 0.0, vals))
        out[cat] = pd.array(vals, dtype=_FLOAT64)
    if costs_known:
        # a category without lines is 0, so a NaN is an amount in another currency
        out["cost"] = out[list(CATEGORIES)].sum(axis=1, skipna=False).astype(_FLOAT64)
        return
    # a category known past the kept days is not the total
    out["cost"] = pd.array([pd.NA] * len(keys), dtype=_FLOAT64)
    kept_to = costs_span(run.ds.costs)[1].isoformat() if not late_tab.empty else None
    for i, k in enumerate(keys):
        if k in late_tab.index:
            cats = [c for c in CATEGORIES if c in late_tab.columns
                    and pd.notna(late_tab.loc[k, c])]
            run.note_row(i, "costs_entered_after",
                     f"only {', '.join(cats)} known, from lines running past {kept_to}, the "
                     f"end of the last month costs.csv is kept for: the other costs unknown")


def _web_columns(run: _RoiRun, out: pd.DataFrame, keys: list[str], web_tab: pd.DataFrame,
                 covered: bool, unknown_revenue: set[str]) -> None:
    """Set ``out``'s ``revenue``, ``key_events`` and ``sessions``: NaN when GA4 does not cover
    the period, for revenue in another currency, and for a figure the export lacks (noted)."""
    for m in ("revenue", "key_events", "sessions"):
        col = web_tab[m] if m in web_tab.columns else pd.Series(dtype="float64")
        # a group without social traffic has 0; a group whose rows lack the figure stays NaN
        vals = pd.array(col.astype(_FLOAT64).reindex(keys, fill_value=0.0)
                        .to_numpy(dtype="float64", na_value=np.nan), dtype=_FLOAT64)
        out[m] = vals if covered else pd.array([pd.NA] * len(keys), dtype=_FLOAT64)
        if m == "revenue" and unknown_revenue:
            out[m] = out[m].mask(out[run.key].isin(unknown_revenue).to_numpy())
        if covered and not web_tab.empty and web_tab[m].isna().all():
            out[m] = pd.array([pd.NA] * len(keys), dtype=_FLOAT64)
            run.general.append((f"ga4_no_{m}", f"the GA4 export has no {m.replace('_', ' ')}"))


def _campaigns_ga4_lacks(run: _RoiRun, out: pd.DataFrame, keys: list[str]) -> None:
    """By campaign, the campaigns whose GA4 figures are not what their 0 would say, each noted
    on its row: with no GA4 table of the period carrying a campaign dimension, every named
    campaign's revenue, key events and sessions are unknown (NaN: that traffic is in the
    ``(unassigned)`` row); with one, a campaign with costs that no GA4 row names keeps its 0
    (GA4 saw no session of it) but says so, as links without its UTM tag read the same."""
    named = [i for i, k in enumerate(keys) if k != UNASSIGNED]
    if not run.has_campaign:
        rows = np.isin(np.arange(len(keys)), named)
        for m in ("revenue", "key_events", "sessions"):
            out[m] = out[m].mask(rows)
        for i in named:
            run.note_row(i, "ga4_no_campaign_dimension",
                         "the GA4 exports have no campaign dimension: revenue, key events and "
                         "sessions unknown by campaign (export the traffic acquisition report "
                         "with Session campaign)")
        return
    names = campaign_names(run.ds)
    for i in named:
        cost = out["cost"].iloc[i]           # unknown: lines in another currency
        name = names.get(keys[i], keys[i])
        if keys[i] in run.overlap_campaigns:
            # an export of these days without the campaign counts them: its figures there are
            # not 0, and not the links' fault
            for m in ("revenue", "key_events", "sessions"):
                out.loc[out.index[i], m] = pd.NA
            run.note_row(i, "ga4_campaign_overlap",
                         "its GA4 rows overlap the dates of another export, which is counted "
                         "on those days and does not name the campaign: revenue, key events "
                         "and sessions unknown")
        elif keys[i] not in run.campaigns_seen and (pd.isna(cost) or cost > 0):
            months = _campaign_months_outside(run.ds.web, keys[i], run.p)
            if months:
                # the tags are right: the campaign's sessions are of other months
                run.note_row(i, "ga4_campaign_outside_period",
                             f"no GA4 session of {run.p.label} carries utm_campaign '{name}': "
                             f"its sessions fall in {', '.join(months)}, outside the period")
            else:
                run.note_row(i, "ga4_campaign_not_seen",
                             f"no GA4 session carries utm_campaign '{name}': revenue 0 (check "
                             f"the links' UTM tags)")


def _campaign_months_outside(web: pd.DataFrame | None, key: str, p: Period) -> list[str]:
    """The months (``YYYY-MM``, in order) of the GA4 rows whose campaign has ``key``, when
    every one of them falls outside ``p`` (none otherwise): a campaign whose every session
    falls in October has none in the third quarter, and its note blamed the links' UTM tags
    for it. A row of days within ``p`` (a quarter's export, where September's own does not
    name the campaign) is GA4 carrying it in the period: no months."""
    if web is None or web.empty or "campaign" not in web.columns:
        return []
    rows = web.loc[(campaign_key(web["campaign"].astype(_STRING)) == key)
                   .fillna(False).to_numpy(bool)]
    # a row of a daily breakdown is its day; any other, its export's days
    day = rows["date"] if "date" in rows.columns else pd.Series(pd.NaT, index=rows.index)
    days = pd.DataFrame({"start": day.fillna(rows["period_start"]),
                         "end": day.fillna(rows["period_end"])}).dropna()
    start, end = pd.Timestamp(p.start), pd.Timestamp(p.end)
    if days.empty or ((days["start"] <= end) & (days["end"] >= start)).any():
        return []
    return [str(m) for m in sorted({m for a, b in zip(days["start"], days["end"], strict=True)
                                    for m in pd.period_range(a, b, freq="M")})]


def _value_column(run: _RoiRun, out: pd.DataFrame, value_per_key_event: float | None
                  ) -> float | None:
    """Set ``out["value"]`` = revenue + key_events × value_per_key_event; return the latter
    (None without one: the value is the revenue alone)."""
    vpk = value_per_key_event_of(run.ds, value_per_key_event)
    if vpk is None and side_file_error(getattr(run.ds, "quality", None),
                                       ("goals.yaml", "goals.yml")) is not None:
        # the value of a key event lives in goals.yaml: unread, the value is revenue alone
        run.general.append(("goals_failed", "goals.yaml could not be read: key events carry "
                                            "no value_per_key_event"))
    out["value"] = (out["revenue"] + out["key_events"] * vpk if vpk is not None
                    else out["revenue"]).astype(_FLOAT64)
    return vpk


@dataclass
class _RatioInputs:
    """The figures roi, roas and cpa divide: the cost and ad spend of the days GA4 covers, the
    value, revenue and key events of the days costs.csv covers (:func:`_ratio_days`), each
    unknown where those days' own figures are (in another currency), whatever the others'.
    ``none_common`` holds the rows whose ratios are NaN for want of a day in common."""

    cost: pd.Series
    ad_spend: pd.Series
    value: pd.Series
    revenue: pd.Series
    key_events: pd.Series
    none_common: frozenset

    @classmethod
    def of(cls, run: _RoiRun, out: pd.DataFrame, keys: list[str],
           ratio_web: pd.DataFrame | None, ratio_lines: pd.DataFrame | None,
           no_common_days: bool, vpk: float | None, unknown_revenue: set[str]
           ) -> _RatioInputs:
        """The period's figures of ``out``, replaced by those of ``ratio_web`` (GA4's) and
        ``ratio_lines`` (the costs') where the two cover different days; ``unknown_revenue``
        holds the row keys whose revenue over the period is in another currency."""
        cost, ad_spend, none_common = out["cost"], out["ad_spend"], frozenset()
        value, revenue, key_events = out["value"], out["revenue"], out["key_events"]
        if ratio_web is not None:
            def of_web(m: str) -> pd.Series:
                """GA4's ``m`` of the days both cover per row key, NaN where the period's is
                (an export without it). Revenue in another currency on days costs.csv does
                not cover leaves those days' own known: September's dollars made July and
                August's euros unknown, ROI and ROAS NaN though every figure they divide
                was known (``ratio_web`` has it NaN when the dollars fall on those days)."""
                col = ratio_web[m] if m in ratio_web.columns else pd.Series(dtype=_FLOAT64)
                vals = (col.astype(_FLOAT64).reindex(keys, fill_value=0.0)
                        .reset_index(drop=True))
                unknown = out[m].isna()
                if m == "revenue":
                    unknown &= ~out[run.key].isin(unknown_revenue)
                return vals.mask(unknown.to_numpy())
            revenue, key_events = of_web("revenue"), of_web("key_events")
            value = (revenue + key_events * vpk if vpk is not None else revenue
                     ).astype(_FLOAT64)
        if ratio_lines is not None:
            foreign = foreign_currency(ratio_lines, run.brand_cur)
            # a row whose lines of those days are all in another currency: all unknown
            every = (pd.Series(foreign).groupby(ratio_lines[run.key].to_numpy()).all()
                     if not ratio_lines.empty else pd.Series(dtype=bool))
            all_foreign = set(every.index[every.to_numpy(bool)])

            def of_days(lines: pd.DataFrame, foreign: np.ndarray) -> pd.Series:
                """Σ allocated of ``lines`` per row key, NaN where one of them is in another
                currency (a USD line of September, past GA4's last day, left July and
                August's known)."""
                if lines.empty:
                    tab, unknown = pd.Series(dtype="float64"), all_foreign
                else:
                    tab = lines.loc[~foreign].groupby(run.key)["allocated"].sum()
                    unknown = set(lines.loc[foreign, run.key]) | all_foreign
                vals = (tab.reindex(keys, fill_value=0.0).astype(_FLOAT64)
                        .reset_index(drop=True))
                return vals.mask(out[run.key].isin(unknown).to_numpy())
            ads = ((ratio_lines["category"] == "ad_spend").to_numpy(bool)
                   if not ratio_lines.empty else np.zeros(0, dtype=bool))
            cost = of_days(ratio_lines, foreign)
            ad_spend = of_days(ratio_lines.loc[ads], foreign[ads])
            if no_common_days:
                # no day in common: the ratios are unknown, and the general note says why
                cost = ad_spend = pd.Series(pd.NA, index=out.index, dtype=_FLOAT64)
                none_common = frozenset(range(len(out)))
        return cls(cost, ad_spend, value, revenue, key_events, none_common)

    def rows(self) -> list[dict[str, float]]:
        """Per row, the cost, ad spend, value and revenue roi and roas divide (NaN: unknown),
        as roi()'s ``attrs["ratio_figures"]``: the period's columns where GA4 and costs.csv
        cover the same days, else those of the days both cover. The report's cards showed
        the period's cost (8,351 €) beside a ROI computed on 6,018 €."""
        figures = {"cost": self.cost, "ad_spend": self.ad_spend, "value": self.value,
                   "revenue": self.revenue}
        return [{m: float(v) if pd.notna(v) else math.nan for m, v in zip(
                    figures, row, strict=True)}
                for row in zip(*(f.tolist() for f in figures.values()), strict=True)]


def _return_columns(run: _RoiRun, out: pd.DataFrame, r: _RatioInputs) -> None:
    """Set ``out``'s ``roi``, ``roas`` and ``cpa`` from ``r``, each NaN noted."""
    _ratio(run, out, r.value - r.cost, r.cost, "roi", "total cost", "attributed value",
           ("cost", "value"), skip=r.none_common)
    _ratio(run, out, r.revenue, r.ad_spend, "roas", "ad spend", "revenue",
           ("ad_spend", "revenue"), skip=r.none_common)
    _ratio(run, out, r.cost, r.key_events, "cpa", "key events", "cost", ("key_events", "cost"),
           skip=r.none_common)
    # a row no cost is assigned to (a campaign run on shared labour alone) did not acquire for
    # nothing: its CPA read 0.00 (its ROI is NaN, as the cost is zero)
    free = (r.cost == 0).fillna(False).to_numpy() & out["cpa"].notna().to_numpy()
    for i in np.flatnonzero(free):
        out.loc[i, "cpa"] = pd.NA
        run.note_row(i, "cpa_cost_zero", "cpa NaN: no cost is assigned to it")


def _ratio(run: _RoiRun, out: pd.DataFrame, num: pd.Series, den: pd.Series, name: str,
           what: str, num_what: str, codes: tuple[str, str], scale: float = 1.0,
           skip: frozenset = frozenset()) -> None:
    """out[name] = num / den × scale; a NaN is noted, coded ``<name>_<codes[0]>_unknown``,
    ``_zero`` or ``_negative`` for the denominator ``what``, ``<name>_<codes[1]>_unknown``
    for the numerator ``num_what``; the rows of ``skip`` are NaN already said why.

    A cost or an ad spend below 0 is a period whose refunds (costs.csv's negative lines)
    exceed what it spent: a return on it has no sense, where its sign flipped the ROI's."""
    # as float arrays (NA: NaN), divided as the Float64 Series were, 5 ratios a call; the
    # rows of ``skip`` already NaN, their note saying why
    nums = num.to_numpy("float64", na_value=np.nan)
    dens = den.to_numpy("float64", na_value=np.nan)
    bad_at = np.isnan(dens) | (dens <= 0)
    num_na = np.isnan(nums)
    skipped = np.isin(np.arange(len(out)), list(skip))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = nums / np.where(bad_at, np.nan, dens) * scale
    out[name] = pd.array(np.where(skipped, np.nan, ratio), dtype=_FLOAT64)
    for i in range(len(out)):
        if skipped[i]:
            continue
        if bad_at[i]:
            d = dens[i]
            reason = "unknown" if np.isnan(d) else "zero" if d == 0 else "negative"
            said = "below 0, its refunds exceeding it" if reason == "negative" else reason
            run.note_row(i, f"{name}_{codes[0]}_{reason}", f"{name} NaN: {what} is {said}")
        elif num_na[i]:
            run.note_row(i, f"{name}_{codes[1]}_unknown", f"{name} NaN: {num_what} unknown")


def _refund_lines(costs: pd.DataFrame, key: str) -> dict[str, str]:
    """Per row key, its cost lines of a negative amount (refunds), as a note names them:
    "costs.csv line 3", "costs.csv lines 3, 7" (row labels of a table made by hand)."""
    if costs.empty:
        return {}
    negative = (costs["amount"] < 0).fillna(False).to_numpy()
    if "line" not in costs.columns or not negative.any():     # most tables: no refund
        return {}
    refunds = costs.loc[negative]
    lines = refunds["line"].astype("Int64")
    known = lines.notna().to_numpy(bool)       # a line without a number is not named
    out = {}
    for k, g in pd.Series(lines.to_numpy()[known]).groupby(
            refunds[key].to_numpy()[known], sort=False):
        shown = [str(n) for n in g]
        out[k] = f"costs.csv line{'s' if len(shown) > 1 else ''} {', '.join(shown)}"
    return out


def _no_rate_of_refunds(run: _RoiRun, out: pd.DataFrame, cost: pd.Series, name: str,
                        what: str, refunds: dict[str, str],
                        partial: np.ndarray | None = None) -> None:
    """Blank ``out[name]`` (cpc, cpm: the ad spend's; cpa: the cost's) where ``cost`` is 0 or
    below, noted ``<name>_<what>_negative`` naming the row's refund lines (``refunds``, by row
    key: those ``cost`` counts), or ``_zero``.

    A refund larger than the month's spend (or a typo'd minus) gave a cpc of −0.42 €, shown
    as a number; a cost per click of nothing is no figure either. cpa's zero cost is
    :func:`_return_columns`' ``cpa_cost_zero``. Where ``partial`` (cpc and cpm dividing part
    of the row's ad spend, :func:`_measured_spend`), the note says it is the spend the rate
    divides: "ad spend is below 0" beside an ``ad_spend`` of 1,000 read as a contradiction.
    """
    code = what.replace(" ", "_")
    cost = cost.astype(_FLOAT64)
    zero = cost.eq(0).fillna(False).to_numpy(bool) & (name != "cpa")
    below = cost.lt(0).fillna(False).to_numpy(bool)
    hit = (zero | below) & out[name].notna().to_numpy(bool)
    if not hit.any():
        return
    out[name] = out[name].mask(hit)
    keys = out[run.key].to_numpy(object)
    partial = np.zeros(len(out), bool) if partial is None else partial
    for i in np.flatnonzero(hit):
        said = f"the {what} it divides, without the spend left out," if partial[i] else what
        if zero[i]:
            run.note_row(i, f"{name}_{code}_zero", f"{name} NaN: {said} is zero")
            continue
        lines = refunds.get(keys[i])
        run.note_row(i, f"{name}_{code}_negative",
                     f"{name} NaN: {said} is below 0, its refunds exceeding it"
                     + (f" ({lines})" if lines else ""))


def _measured_spend(run: _RoiRun, out: pd.DataFrame, keys: list[str],
                    measured: _MeasuredSpend, foreign_ads: pd.DataFrame | None
                    ) -> tuple[pd.Series, frozenset]:
    """The ad spend cpc and cpm divide: only that whose paid posts' clicks and impressions are
    known (:func:`_measured_ad_spend`), the spend left out noted. A row whose ad spend is
    unknown for a line in another currency (``foreign_ads``) keeps the measured spend when
    that line is of a platform left out: a USD line on Instagram, whose paid posts are
    unknown, blanked the total's cpc and cpm, which divide Facebook's spend alone.

    Returns ``(spend, none_known)``: the spend per row, and the rows none of whose spend has
    known paid posts (their cpc and cpm NaN, noted).
    """
    spend = out["ad_spend"].copy()
    none_known: set[int] = set()
    foreign = set() if foreign_ads is None else set(foreign_ads[run.key])
    for i, k in enumerate(keys):
        if pd.isna(spend.iloc[i]) and k not in foreign:      # costs unknown
            continue
        spend.iloc[i] = measured.spend.get(k, 0.0)
        _note_uncarried(run, i, measured.uncarried.get(k, []))
        gone = measured.left_out.get(k, {})
        if not gone:
            continue
        named = sorted(pl for pl in gone if pl != UNASSIGNED)
        unknown = sorted(set().union(*gone.values()))
        if pd.notna(spend.iloc[i]) and spend.iloc[i] == 0:
            none_known.add(i)
            run.note_row(i, "cpc_cpm_paid_unknown",
                     f"cpc and cpm NaN: paid posts of {', '.join(unknown)} unknown")
            continue
        if named:
            run.note_row(i, "cpc_cpm_spend_left_out",
                     f"cpc and cpm leave out the ad spend of {', '.join(named)}: paid posts of "
                     f"{', '.join(named)} unknown")
        if UNASSIGNED in gone:
            run.note_row(i, "cpc_cpm_unplaced_spend_left_out",
                     f"cpc and cpm leave out the ad spend without a platform: paid posts of "
                     f"{', '.join(sorted(gone[UNASSIGNED]))} unknown")
    return spend, frozenset(none_known)


def _note_uncarried(run: _RoiRun, i: int, campaigns: list[str]) -> None:
    """Note on row ``i`` the campaigns whose ad spend cpc and cpm leave out, as no paid post of
    the period carries them (:func:`_measured_ad_spend`), named as costs.csv names them."""
    if campaigns:
        names = campaign_names(run.ds)
        run.note_row(i, "cpc_cpm_campaign_spend_left_out",
                     f"cpc and cpm leave out the ad spend of the campaigns no paid post of "
                     f"the period carries: {', '.join(names.get(c, c) for c in campaigns)}")


def _roi_frame(run: _RoiRun, out: pd.DataFrame, keys: list[str],
               foreign_notes: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """roi()'s frame from ``out``: ``period`` and ``currency`` added, the notes joined, the
    campaigns named and the columns in their order."""
    by = run.by
    out.insert(1 if by else 0, "period", run.p.label)
    out.insert(2 if by else 1, "currency", run.brand_cur)
    out["period"] = out["period"].astype(_STRING)
    out["currency"] = out["currency"].astype(_STRING)
    # a row's notes: the costs', its lines in another currency, GA4's and the others, its own
    notes = [run.costs + ([foreign_notes[k]] if k in foreign_notes else []) + run.general
             + run.rows.get(i, []) for i, k in enumerate(keys)]
    for column, part in (("note", 1), ("note_codes", 0)):
        out[column] = pd.array([_joined(n, part) for n in notes], dtype=_STRING)
    if by == "campaign":
        out["campaign"] = _display_names(out["campaign"], campaign_names(run.ds))
    if not by:
        out = out.drop(columns="_all")
    order = [c for c in ([by] if by else []) + ["period", "currency", "cost", *CATEGORIES,
             "revenue", "key_events", "sessions", "value", "roi", "roas", "cpa", "cpc", "cpm",
             "impressions", "link_clicks", "note", "note_codes"]]
    frame = out[order].reset_index(drop=True)
    # the same notes, unjoined: code that picks notes by their codes (the report) reads these
    # rather than splitting ``note`` and ``note_codes`` back on "; "
    frame.attrs["row_notes"] = [[(code, _sentence(text)) for code, text in n] for n in notes]
    return frame


def _joined(notes: list[tuple[str, str]], part: int) -> str | None:
    """The codes (``part`` 0) or the sentences (1) of ``notes``, "; "-joined; None for none.

    A sentence's own "; " (a value quoted from a user's file) becomes ", ", so that splitting
    ``note`` and ``note_codes`` on "; " pairs each sentence with its code.

    >>> _joined([("a", "x; y"), ("b", "z")], 1), _joined([("a", "x; y"), ("b", "z")], 0)
    ('x, y; z', 'a; b')
    """
    return "; ".join(_sentence(n[part]) for n in notes) or None


def _sentence(text: str) -> str:
    """A note's sentence as ``note`` shows it: its own "; " (a value quoted from a user's
    file) made ", ", as "; " separates the sentences there."""
    return text.replace("; ", ", ")


def _web_of_days(ds, runs: list[tuple[dt.date, dt.date]], key: str, by: str | None,
                 brand_cur: str) -> pd.DataFrame:
    """GA4's social revenue and key events over the days of ``runs`` (those both GA4 and
    costs.csv cover), per row key of :func:`roi` (``key``, of ``by``); the revenue NaN where
    a row of those days is in another currency than ``brand_cur``."""
    frames = [f for run in runs if not (f := social_traffic(ds, parse_period(run))[0]).empty]
    if not frames:
        return pd.DataFrame(columns=["revenue", "key_events"], dtype=_FLOAT64)
    web = pd.concat(frames, ignore_index=True)
    web[key] = (web["campaign_key"] if by == "campaign" else web["platform"]) if by else "all"
    tab = web.groupby(key)[["revenue", "key_events"]].sum(min_count=1)
    foreign = set(web.loc[foreign_currency(web, brand_cur), key])
    tab["revenue"] = tab["revenue"].astype(_FLOAT64).mask(tab.index.isin(foreign))
    return tab


def campaign_names(ds) -> dict[str, str]:
    """Every campaign the data knows: in a post, a cost line or a GA4 row.

    Returns ``{campaign key: name}`` (see :func:`~smmanalytics._web.campaign_key`), the name
    as first written in costs.csv, else in GA4 (URL-decoded as its key is,
    :func:`~smmanalytics._web.campaign_name`: ``noel%202026`` was shown so), else in the
    posts. Only GA4's are decoded: a ``+`` in costs.csv (``Promo 2+1``) is the user's.
    Made once for a Dataset that remembers (:func:`~smmanalytics.periods.remembered`): a
    roi() by campaign asks twice; what it gives is shared, not to be changed.
    """
    return remembered(ds, ("campaign_names",), lambda: _campaign_names(ds))


def _campaign_names(ds) -> dict[str, str]:
    """:func:`campaign_names`, made."""
    names: dict[str, str] = {}
    for frame in (ds.costs, ds.web, ds.posts):
        if frame is not None and not frame.empty and "campaign" in frame.columns:
            c = frame["campaign"].astype(_STRING).dropna()
            for key, name in zip(campaign_key(c), c, strict=True):
                if not pd.isna(key):
                    names.setdefault(key, campaign_name(name) if frame is ds.web else name)
    return names


def _display_names(keys: pd.Series, names: dict[str, str]) -> pd.Series:
    """Display name of each campaign key, from :func:`campaign_names`: as first written in
    costs.csv, else in GA4, else in the posts (a brand without costs.csv showed the key,
    automne_2026, for the automne-2026 of its posts and UTM)."""
    return keys.map(lambda k: names.get(k, k)).astype(_STRING)


def _paid_known(ds, p: Period) -> dict[str, bool]:
    """Per platform posting in ``p``: whether its posts carry a paid flag (any not NA)."""
    posts = ds.posts
    if posts is None or posts.empty:
        return {}
    inside = p.contains(dataset_post_dates(ds)).to_numpy()
    # the two columns read, not the posts' every column, and no groupby for a few platforms
    flag = column_or(posts, "paid").loc[inside].notna().to_numpy(bool)
    plat = (posts["platform"].loc[inside].astype(_STRING).str.lower()
            .to_numpy(object, na_value=None))
    known: dict[str, bool] = {}
    for pl, f in zip(plat, flag, strict=True):
        if pl is not None:
            known[pl] = known.get(pl, False) or bool(f)
    return {str(k): known[k] for k in sorted(known)}       # in groupby's order


@dataclass
class _MeasuredSpend:
    """The ad spend cpc and cpm divide, per row key of :func:`roi`, and what they leave out
    (:func:`_measured_ad_spend`).

    ``left_out[key]`` maps each platform whose spend was left out (``(unassigned)`` for spend
    without one) to the platforms whose paid posts are unknown; ``uncarried[key]`` lists the
    campaign keys whose spend was left out because no paid post of the period carries them.
    """

    spend: dict[str, float] = field(default_factory=dict)
    left_out: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    uncarried: dict[str, list[str]] = field(default_factory=dict)
    #: the refund lines ``spend`` counts, per row key, as a note names them (:func:`_refund_lines`)
    refunds: dict[str, str] = field(default_factory=dict)


def _ad_lines(costs: pd.DataFrame, foreign_ads: pd.DataFrame | None
              ) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series] | None:
    """The ad spend lines of ``costs`` and ``foreign_ads`` (None when there is no line), with
    their amounts (a line in another currency, of ``foreign_ads``, has an amount unknown in
    the brand's money: NaN, where a line without an amount counts 0), lower-cased platforms
    (NA for none) and campaign keys (NA for none), as :func:`_measured_ad_spend` reads them."""
    lines = [(f, foreign) for f, foreign in ((costs, False), (foreign_ads, True))
             if f is not None and not f.empty]
    if not lines:
        return None
    if len(lines) == 1:
        # one table (most calls: no line in another currency), not concatenated; the same
        # labels, its lines' positions
        f, foreign = lines[0]
        ads = f.reset_index(drop=True).assign(_foreign=foreign)
    else:
        ads = pd.concat([f.assign(_foreign=foreign) for f, foreign in lines],
                        ignore_index=True)
    ads = ads.loc[(ads["category"] == "ad_spend").to_numpy(bool, na_value=False)]
    amounts = ads["allocated"].astype("float64").fillna(0.0).mask(ads["_foreign"].astype(bool))
    plat = ads["platform"].astype(_STRING).str.lower()
    plat = plat.mask(plat == UNASSIGNED)      # by="platform" made the empty ones (unassigned)
    names = ads["campaign"].astype(_STRING)
    # by="campaign" made the lines' campaign their key, (unassigned) for none
    campaigns = campaign_key(names).mask(names == UNASSIGNED)
    return ads, amounts, plat, campaigns


def _measured_ad_spend(costs: pd.DataFrame, key: str, known: dict[str, bool],
                       paid: pd.DataFrame, foreign_ads: pd.DataFrame | None = None
                       ) -> _MeasuredSpend:
    """Ad spend per row key whose paid posts are known, and what was left out; a line of
    ``foreign_ads`` (in another currency) makes the spend it would enter NaN, unknown.

    ``spend[key]`` sums the ad spend of platforms whose posts in the period carry a paid flag
    (:func:`_paid_known`), plus the spend without a platform when every platform posting has
    known paid posts; but not the spend of a campaign none of whose paid posts (``paid``,
    :func:`_paid_posts`) is in the period where those of its platform carry campaigns
    (:func:`_campaigns_carried`): its impressions and clicks are not among them. Facebook's
    400 € for a Christmas campaign without a post, beside 800 € for four boosted autumn
    posts, read a CPM of (800 + 400) / 69,287 × 1000 = 17.32 in the total where the autumn
    campaign's row read 11.55: one rule for the rows and the total.
    """
    out = _MeasuredSpend()
    lines = _ad_lines(costs, foreign_ads)
    if lines is None:
        return out
    ads, amounts, plat, campaigns = lines
    unknown_posting = {pl for pl, k in known.items() if not k}
    carried = _campaigns_carried(paid)
    codes, keys = pd.factorize(ads[key], use_na_sentinel=False)     # first seen, first
    amt = amounts.to_numpy("float64", na_value=np.nan)
    some = (amt != 0) | np.isnan(amt)         # an amount a note names: not 0 (NaN is one)
    # the lines' platforms and campaigns as Python values (None for none): a few lines, read
    # in a comprehension rather than by Arrow's string kernels, 10 of them a call
    owner = [UNASSIGNED if pl is None else pl        # whose paid posts a line's spend needs
             for pl in plat.to_numpy(object, na_value=None)]
    camp = campaigns.to_numpy(object, na_value=None)
    none = plat.isna().to_numpy(bool)
    knowing = {pl for pl, k in known.items() if k}
    # a line without a platform needs every platform's paid posts known; one of a platform,
    # its own (a line of 0 is left out without a word)
    left = np.where(none, bool(unknown_posting) & some,
                    np.array([pl not in knowing for pl in owner], dtype=bool))
    uncarried = ~left & np.array([c is not None and pl in carried and c not in carried[pl]
                                  for pl, c in zip(owner, camp, strict=True)], dtype=bool)
    counted = ~left & ~uncarried
    # summed in the lines' order from 0.0, as a loop adds them (a NaN line makes its key's NaN)
    sums = np.bincount(codes[counted], weights=amt[counted], minlength=len(keys))
    out.spend = {k: float(v) for k, v in zip(keys, sums, strict=True)}
    for k, pl in dict.fromkeys((codes[i], owner[i]) for i in np.flatnonzero(left & some)):
        out.left_out.setdefault(keys[k], {})[pl] = (set(unknown_posting) if pl == UNASSIGNED
                                                    else {pl})
    for k, c in dict.fromkeys((codes[i], camp[i]) for i in np.flatnonzero(uncarried & some)):
        out.uncarried.setdefault(keys[k], []).append(c)
    # a refund left out (Instagram's, one without a platform) did not lower this spend
    out.refunds = _refund_lines(ads.loc[counted & ~ads["_foreign"].to_numpy(bool)], key)
    return out


def _campaigns_carried(paid: pd.DataFrame) -> dict[str, set[str]]:
    """The campaign keys the paid posts of each platform carry (``(unassigned)``: of any
    platform, for spend without one), for the platforms whose paid posts carry one at least:
    where none does, the export gives no campaign, and a campaign's spend can be on any."""
    plat = paid["platform"].astype(_STRING).str.lower().to_numpy(object, na_value=None)
    camp = campaign_key(paid["campaign"].astype(_STRING)).to_numpy(object, na_value=None)
    tagged = [(pl, c) for pl, c in zip(plat, camp, strict=True) if c is not None]
    carried: dict[str, set[str]] = {}
    for pl, c in sorted((pl, c) for pl, c in tagged if pl is not None):   # groupby's order
        carried.setdefault(pl, set()).add(c)
    if carried:
        carried[UNASSIGNED] = {c for _, c in tagged}
    return carried


#: the paid part of a post's impressions and link clicks, where its export splits them
#: (the first a post has): the legacy Facebook export's, X's promoted copy, Meta's boosted views
_PAID_SPLIT = {"impressions": ("impressions_paid", "promoted_impressions", "views_boosted"),
               "link_clicks": ("promoted_link_clicks",)}


#: the columns of the posts :func:`_paid_posts` reads
_PAID_COLUMNS = ("platform", "campaign", "impressions", "views", "link_clicks",
                 *dict.fromkeys(c for cols in _PAID_SPLIT.values() for c in cols))


def _paid_posts(ds, p: Period) -> pd.DataFrame:
    """The posts flagged paid in ``p``, with their paid impressions and link clicks
    (:data:`_PAID_SPLIT`), else all of them (impressions, or views where a platform no longer
    gives impressions), and whether a post counts each unsplit (``*_unsplit``: 1 or 0, NA
    where the figure is unknown; summed, the posts of a row that do) for cpc's and cpm's notes
    (:func:`_note_unsplit`)."""
    posts = ds.posts
    cols = ["platform", "campaign", "impressions", "link_clicks", "impressions_unsplit",
            "link_clicks_unsplit"]
    if posts is None or posts.empty or "paid" not in posts.columns:
        return pd.DataFrame({c: pd.Series(dtype=_FLOAT64) for c in cols})
    day = dataset_post_dates(ds)
    keep = (p.contains(day) & posts["paid"].fillna(False).astype(bool)).to_numpy()
    # the columns read alone, not a post table's every column
    sel = posts.loc[keep, [c for c in _PAID_COLUMNS if c in posts.columns]]

    def floats(col: str) -> pd.Series:
        return column_or(sel, col, dtype=_FLOAT64).astype(_FLOAT64)

    figures = {"impressions": floats("impressions").fillna(floats("views")),
               "link_clicks": floats("link_clicks")}
    out = {"platform": sel["platform"].astype(_STRING),
           "campaign": sel["campaign"].astype(_STRING) if "campaign" in sel else pd.NA}
    for name, whole in figures.items():
        split = pd.Series(pd.NA, index=sel.index, dtype=_FLOAT64)
        for col in _PAID_SPLIT[name]:
            split = split.fillna(floats(col))
        out[name] = split.fillna(whole)
        out[f"{name}_unsplit"] = (split.isna().astype(_FLOAT64)).mask(whole.isna())
    return pd.DataFrame(out).reset_index(drop=True)


def _note_unsplit(run: _RoiRun, out: pd.DataFrame, keys: list[str],
                  post_tab: pd.DataFrame) -> None:
    """Note the rows whose cpc or cpm counts all the clicks or impressions of paid posts,
    organic ones included, their exports giving no paid split (:func:`_paid_posts`): rows
    where ``out`` gives that ratio, not one NaN for want of the ad spend (a USD line of
    Facebook's), whose note said what a figure not given counts."""
    for name, what in (("link_clicks", "link clicks"), ("impressions", "impressions")):
        col = f"{name}_unsplit"
        if col not in post_tab.columns:
            continue
        ratio = "cpc" if name == "link_clicks" else "cpm"
        given = out[ratio].notna().to_numpy(bool)
        for i, k in enumerate(keys):
            unsplit = post_tab[col].get(k, pd.NA)
            if given[i] and pd.notna(unsplit) and unsplit > 0:
                run.note_row(i, f"{ratio}_organic_included",
                             f"{ratio} counts all the {what} of paid posts, organic ones "
                             "included, where their exports give no paid split")


def campaign_roi(ds, *, value_per_key_event: float | None = None,
                 costed_only: bool = False) -> pd.DataFrame:
    """ROI of each campaign over its whole life rather than one calendar period.

    A campaign's span runs from the first to the last day of its cost lines and of its GA4 rows
    (``utm_campaign``), so a shoot paid the month before the launch is counted. Each row is
    :func:`roi` over that span, ``by="campaign"``, with ``start`` and ``end`` added.

    Parameters
    ----------
    ds : Dataset
        As :func:`roi` uses it; the campaigns are those named by its cost lines and GA4 rows.
    value_per_key_event : float, optional
        Overrides goals.yaml's ``value_per_key_event`` (a number ≥ 0, in the brand's
        currency).
    costed_only : bool, default False
        Keep only the campaigns with a cost line, and a cost above 0.

    Returns
    -------
    DataFrame
        campaign (string), start, end (datetime64, the span's first and last day), then the
        columns of :func:`roi` (``period`` is the span), sorted by start, with RangeIndex;
        no row without any campaign.

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``ds`` is not a Dataset, ``value_per_key_event`` is not a
        number, or ``costed_only`` is not a bool.
    ArgumentError
        (a ValueError) when ``value_per_key_event`` is negative.
    """
    require_dataset(ds, "campaign_roi")
    _check_value_per_key_event(value_per_key_event)
    costed_only = flag(costed_only, "costed_only")
    costs = ds.costs
    span = campaign_spans(ds)
    if span.empty:
        return _no_campaigns()
    if costed_only:
        costed = set(campaign_key(costs["campaign"]).dropna()) if costs is not None and \
            not costs.empty else set()
        span = span.loc[span.index.isin(costed)]
    rows = []
    for (start, end), group in span.groupby(["start", "end"]):    # one roi() per distinct span
        r = roi(ds, (start, end), by="campaign", value_per_key_event=value_per_key_event)
        r = r.loc[campaign_key(r["campaign"]).isin(group.index).fillna(False).to_numpy()]
        rows.append(r.assign(start=start, end=end))
    if not rows:
        return _no_campaigns()
    out = pd.concat(rows, ignore_index=True)
    out.attrs.pop("row_notes", None)      # roi()'s, of other rows: not this frame's
    if costed_only:
        out = out.loc[(out["cost"] > 0).fillna(False).to_numpy()]
    first = ["campaign", "start", "end"]
    out = out[first + [c for c in out.columns if c not in first]]
    return out.sort_values("start", kind="stable").reset_index(drop=True)


def campaign_days(ds, campaign: object, data: object = None) -> str:
    """``START..END``, the campaign's first to last day with a post, cost line or GA4 row (a
    monthly GA4 row counting the days its campaign's posts and cost lines ran, as roi());
    EmptyDataError naming the data's campaigns, the closest first, when none names it.
    ``data``: what the message calls the data (default: the Dataset's folder)."""
    key = campaign_key(pd.Series([campaign], dtype=_STRING)).iloc[0]
    spans = campaign_spans(ds, posts=True)
    if key not in spans.index:
        names = campaign_names(ds)
        which = "its campaign" if len(names) == 1 else f"one of its {len(names)} campaigns"
        raise EmptyDataError(
            f"no post, cost line or GA4 row of {_data_named(ds, data)} names the campaign "
            f"{campaign!r}; expected {which}: {_closest_campaigns(key, names)}")
    span = spans.loc[key]
    return f"{span['start']:%Y-%m-%d}..{span['end']:%Y-%m-%d}"


def check_campaign(ds, campaign: object, period: object, data: object = None) -> None:
    """EmptyDataError unless a post, cost line or GA4 row of the brand names ``campaign``
    within ``period``: a report on a campaign the data does not know, or of days it did not
    run, would be pages of zeros under its name (``smm report campaign`` checks it before
    running the notebook; :class:`~smmanalytics.report.BrandReport` when it is built).

    The message lists the campaigns of the period (as ``smm roi --by campaign`` shows them,
    and those with posts only), the closest to ``campaign`` first, or the days the campaign
    ran. ``data``: what the message calls the data (default: the Dataset's folder).
    """
    period = parse_period(period)
    known = campaign_names(ds)
    key = campaign_key(pd.Series([campaign], dtype=_STRING)).iloc[0]
    money = roi(ds, period, by="campaign")["campaign"]
    # of the campaigns the data names: roi() of data without one has a row "all"
    active = set(campaign_key(money[money != UNASSIGNED]).dropna()) & set(known)
    posts = ds.posts
    if posts is not None and not posts.empty:
        day = post_dates(posts, ds.brand.timezone)
        active |= set(campaign_key(posts.loc[period.contains(day).to_numpy(), "campaign"])
                      .dropna())
    if key in active:
        return
    if key in known:
        span = campaign_spans(ds, posts=True).loc[key]
        raise EmptyDataError(
            f"the campaign {campaign!r} has no post, cost line or GA4 row in {period.label}; "
            f"expected a period that meets its days, {span['start'].date().isoformat()} to "
            f"{span['end'].date().isoformat()}")
    names = {k: known.get(k, k) for k in active}
    raise EmptyDataError(
        f"no post, cost line or GA4 row of {_data_named(ds, data)} names the campaign "
        f"{campaign!r}; expected one of the campaigns of {period.label}: "
        f"{_closest_campaigns(key, names)} ({counted(len(known), 'campaign', 'campaigns')} in "
        "all the data)")


def _data_named(ds, data: object) -> object:
    """What a message calls the data: ``data`` when given, else the Dataset's folder."""
    if data is not None:
        return data
    return ds.root if getattr(ds, "root", None) is not None else "the data"


#: how many campaigns an unknown one's message names (beyond the closest), the others counted
_CAMPAIGNS_LISTED = 5


def _closest_campaigns(key: object, names: dict[str, str]) -> str:
    """The campaigns ``names`` (``{campaign key: name}``) as the message refusing the campaign
    of ``key`` lists them: the closest names first, then the others, counted rather than
    listed when there are many. The sample brand's 55 campaigns in one line hid the
    'automne-2026' that 'Automn 2026' mistyped.

    Names are compared by their keys (:func:`~smmanalytics._web.campaign_key`: case, accents
    and punctuation aside), so 'noel 2205' is as close to 'Noël 2025' as to 'noel-2025'.

    >>> _closest_campaigns("noel_2205", {"noel_2025": "Noël 2025", "ete_2026": "Été 2026"})
    'Noël 2025 (the closest), Été 2026'
    >>> _closest_campaigns("x", {})
    'none'
    """
    if not names:
        return "none"
    close = difflib.get_close_matches(str(key), list(names), n=3, cutoff=0.6)
    others = sorted(names[k] for k in names if k not in close)
    shown = others
    if len(others) > _CAMPAIGNS_LISTED + 1:     # "and 1 other" says no more than its name
        shown = [] if close else others[:_CAMPAIGNS_LISTED]
    parts = ([", ".join(names[k] for k in close)
              + (" (the closest)" if len(close) == 1 else " (the closest first)")]
             if close else [])
    said = ", ".join(parts + shown)
    return said + (f" and {len(others) - len(shown)} others" if len(shown) < len(others)
                   else "")


def campaign_spans(ds, *, posts: bool = False) -> pd.DataFrame:
    """First and last day of each campaign: of its cost lines and GA4 rows (the span of
    :func:`campaign_roi`), and with ``posts`` of its posts' publish days (brand time zone).
    A GA4 row counts the days roi() spreads it over: a monthly row of a campaign whose cost
    lines and posts ran within the month, their days alone
    (:func:`~smmanalytics._web.campaign_day_spans`).

    Returns
    -------
    DataFrame
        indexed by campaign key (:func:`~smmanalytics._web.campaign_key`), columns ``start``
        and ``end`` (Timestamps); no row without a campaign.
    """
    return campaign_day_spans(ds, posts=posts)


def _no_campaigns() -> pd.DataFrame:
    """:func:`campaign_roi` without any campaign: no row, its columns and dtypes."""
    figures = ["cost", *CATEGORIES, "revenue", "key_events", "sessions", "value", "roi", "roas",
               "cpa", "cpc", "cpm", "impressions", "link_clicks"]
    return pd.DataFrame({
        "campaign": pd.Series(dtype=_STRING), "start": pd.Series(dtype="datetime64[ns]"),
        "end": pd.Series(dtype="datetime64[ns]"), "period": pd.Series(dtype=_STRING),
        "currency": pd.Series(dtype=_STRING), **{c: pd.Series(dtype=_FLOAT64) for c in figures},
        "note": pd.Series(dtype=_STRING), "note_codes": pd.Series(dtype=_STRING)})


def cost_breakdown(roi_frame: pd.DataFrame) -> pd.DataFrame:
    """The cost categories of a :func:`roi` frame as a tidy long table for the report.

    Parameters
    ----------
    roi_frame : DataFrame
        A frame of :func:`roi` (or :func:`campaign_roi`): ``cost`` and the category columns
        (ad_spend, labor, tools, production, influencer, other) are needed.

    Returns
    -------
    DataFrame
        [campaign or platform (string),] category (string), amount (Float64), share
        (Float64, of that row's total cost; NaN when the total is 0), one row per category
        that is not zero (an unknown amount kept), with RangeIndex.

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``roi_frame`` is not a DataFrame.
    SchemaError
        when it lacks ``cost`` or a category column.
    """
    if not isinstance(roi_frame, pd.DataFrame):
        raise ArgumentTypeError(f"cost_breakdown takes a frame of roi(); got "
                                f"{type(roi_frame).__name__}")
    frame_with(roi_frame, ["cost", *CATEGORIES], "cost_breakdown", "a frame of roi()",
               "roi_frame")
    key = [c for c in ("campaign", "platform") if c in roi_frame.columns]
    long = roi_frame.melt(id_vars=key + ["cost"], value_vars=list(CATEGORIES),
                          var_name="category", value_name="amount")
    long = long.loc[(long["amount"] != 0).fillna(True).to_numpy()]
    long["share"] = (long["amount"] / long["cost"].mask(long["cost"] == 0)).astype(_FLOAT64)
    long["category"] = long["category"].astype(_STRING)
    long.attrs.pop("row_notes", None)     # roi()'s, one list per row of roi_frame, not of long
    return long.drop(columns="cost").reset_index(drop=True)


def earned_media_value(ds, period: object, cpm: float | dict[str, float]) -> pd.DataFrame:
    """An *estimate* of what the organic impressions of a period would have cost in ads.

    ``emv_estimate = impressions / 1000 × cpm`` per platform, impressions being views where a
    platform no longer gives impressions. This is not revenue and never enters ROI.

    Posts flagged paid are left out. Posts whose paid flag is unknown (``paid`` NA, as in
    Instagram's, TikTok's and YouTube's exports) are not taken for organic: boosted ones
    among them would pass their bought impressions off as earned. They make a row of their
    own, ``status`` "unknown" beside the "organic" one, noted (code ``emv_paid_unknown``),
    whose ``emv_estimate`` is NA: ``emv_if_organic`` gives their value were none of them
    boosted, an upper bound (on an "organic" row, the estimate itself). Summing
    ``emv_estimate`` sums what is known to be earned.

    Parameters
    ----------
    ds : Dataset
        Its ``posts`` are used.
    period : str, tuple, Period or pandas.Period
        The posts published in it count, as :func:`~smmanalytics.periods.parse_period` takes
        it.
    cpm : float or dict of str to float
        The user's assumed cost per 1000 impressions: a number ≥ 0, or one per platform
        (``{"instagram": 6.5, "facebook": 4.0}``). A platform the dict leaves out keeps its
        row, without a value (``cpm_assumed`` NA), noted (code ``emv_no_cpm``).

    Returns
    -------
    DataFrame
        platform, status ("organic" or "unknown"), posts (Int64), impressions, cpm_assumed,
        emv_estimate, emv_if_organic (Float64), label ("estimate, not ROI", or "upper bound,
        not ROI" on an "unknown" row), note, note_codes (NA without a note); the text columns
        are string.

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``ds`` is not a Dataset, or a CPM is not a number.
    ArgumentError
        (a ValueError) when a CPM is negative or not finite.
    PeriodError
        when ``period`` is not a period.
    """
    require_dataset(ds, "earned_media_value")
    p = parse_period(period)
    cpm = _cpm(cpm)
    posts = ds.posts
    if posts is None or posts.empty:
        return _emv_frame([])
    # the caller's index is none of the figures' (a level named 'platform' was ambiguous)
    posts = posts.reset_index(drop=True)
    day = post_dates(posts, ds.brand.timezone)
    paid = column_or(posts, "paid", dtype="boolean").astype("boolean")
    keep = (p.contains(day) & ~paid.fillna(False)).to_numpy()
    sel = posts.loc[keep]
    nan = pd.Series(pd.NA, index=sel.index, dtype=_FLOAT64)
    imp = (sel["impressions"].astype(_FLOAT64) if "impressions" in sel else nan).fillna(
        sel["views"].astype(_FLOAT64) if "views" in sel else nan)
    status = np.where(paid.isna().to_numpy()[keep], "unknown", "organic")
    g = (pd.DataFrame({"platform": sel["platform"].astype(_STRING),
                       "status": pd.array(status, dtype=_STRING), "impressions": imp})
         .groupby(["platform", "status"]).agg(posts=("impressions", "size"),
                                             impressions=("impressions",
                                                          lambda x: x.sum(min_count=1))))
    rows = []
    for (platform, state), r in g.iterrows():
        rate = cpm.get(platform, np.nan) if isinstance(cpm, dict) else cpm
        unknown = state == "unknown"
        notes = []
        if unknown:
            notes.append(("emv_paid_unknown",
                          f"posts of {platform} whose paid status is unknown: kept apart from "
                          "the organic ones, as they may include boosted posts, and their value "
                          "if none was is an upper bound, not an estimate"))
        if np.isnan(rate):      # its NA value stood unexplained beside the others'
            notes.append(("emv_no_cpm", f"no CPM given for {platform}: no value"))
        value = r["impressions"] / 1000 * rate
        rows.append({"platform": platform, "status": state, "posts": r["posts"],
                     "impressions": r["impressions"], "cpm_assumed": rate,
                     "emv_estimate": pd.NA if unknown else value, "emv_if_organic": value,
                     "label": "upper bound, not ROI" if unknown else "estimate, not ROI",
                     # joined as roi()'s: a row may hold both notes, each paired by order
                     # with its code once split on "; "
                     "note": _joined(notes, 1) or pd.NA, "note_codes": _joined(notes, 0) or pd.NA})
    return _emv_frame(rows)


def _emv_frame(rows: list[dict]) -> pd.DataFrame:
    """The frame of :func:`earned_media_value` from its rows (none: no row, its columns)."""
    out = pd.DataFrame(rows, columns=["platform", "status", "posts", "impressions",
                                      "cpm_assumed", "emv_estimate", "emv_if_organic", "label",
                                      "note", "note_codes"])
    return out.astype({"platform": _STRING, "status": _STRING, "posts": "Int64",
                       "impressions": _FLOAT64, "cpm_assumed": _FLOAT64,
                       "emv_estimate": _FLOAT64, "emv_if_organic": _FLOAT64,
                       "label": _STRING, "note": _STRING, "note_codes": _STRING})


def _cpm(cpm: object) -> float | dict[str, float]:
    """``cpm`` as a number ≥ 0, or a dict of them per platform; ArgumentError otherwise."""
    def one(v: object, what: str) -> float:
        ok = isinstance(v, numbers.Real) and not isinstance(v, bool)
        if not ok or not math.isfinite(float(v)) or float(v) < 0:
            err = ArgumentError if ok else ArgumentTypeError
            raise err(f"{what} must be a number ≥ 0 (an assumed cost per 1000 impressions); "
                      f"got {v!r}")
        return float(v)

    if isinstance(cpm, dict):
        # a misspelt platform ("instagarm") left its platform's row NaN with nothing said
        return {platform_name(k): one(v, f"cpm[{k!r}]") for k, v in cpm.items()}
    return one(cpm, "cpm")


#: one colour per cost category, the same in every chart (muted, told apart without hue: light
#: and dark alternate along :data:`CATEGORIES`, and each has a lightness of its own, 30 grey
#: levels (Rec. 601 luma) or more from any other, as a category left out of a chart brings two
#: others together: influencer 40, ad spend 71, tools 105, other 144, labour 185, production
#: 220; ad spend #3b6e8f and influencer #6e4a7e were 99 and 91, labour and other 184 and 176)
COST_COLORS = {"ad_spend": "#2a4f66", "labor": "#aac5a1", "tools": "#86681e",
               "production": "#efd8c1", "influencer": "#302138", "other": "#909090"}


def plot_costs(roi_frame: pd.DataFrame, ax=None, *, unknown: str = "cost unknown", **kwargs):
    """Stacked horizontal bars of the cost categories, one bar per row of a :func:`roi` frame.

    Categories that are zero everywhere are left out; each category keeps its colour of
    :data:`COST_COLORS` (unless ``color`` is given). A cost that is unknown (<NA>: a period
    past costs.csv's end) is no bar, not a bar of zero: its row is marked "?" and ``unknown``
    where its bar would start (a row with some categories unknown: where its known part ends),
    and the legend says what the mark means. Drawn as zero, a month without costs read as a
    month that cost nothing, and a frame of such months alone as a blank 0–1 axis.

    Parameters
    ----------
    roi_frame : DataFrame or None
        A frame of :func:`roi` or :func:`campaign_roi`, with the category columns; the bars
        are named by its ``campaign``, else ``platform``, else ``period`` column (a long
        name in lines of 20 characters, 3 at most: :func:`smmanalytics.plots.wrap_label`).
        None or an empty frame draws nothing.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; None: pyplot's current axes.
    unknown : str
        The words marking a row whose cost is unknown, and its legend entry (the report's
        language).
    **kwargs
        Passed to ``ax.barh`` (``color`` replaces the categories' colours).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``roi_frame`` is neither a DataFrame nor None.
    SchemaError
        when ``roi_frame`` lacks a category column.
    """
    from .plots import drawing_axes, plain, wrap_label  # lazy: matplotlib, not loaded with it

    ax = drawing_axes(ax)
    if roi_frame is None:
        return ax
    frame_with(roi_frame, list(CATEGORIES), "plot_costs", "a frame of roi()", "roi_frame")
    if roi_frame.empty:
        return ax
    label_col = next((c for c in ("campaign", "platform") if c in roi_frame.columns), "period")
    # a campaign's "$5 off" drawn as it is; a long UTM in a few lines (wrap_label)
    labels = [plain(wrap_label(v)) for v in roi_frame[label_col].astype(str)]
    y = np.arange(len(labels))
    left = np.zeros(len(labels))
    costs = roi_frame[list(CATEGORIES)].astype("float64")
    for cat in CATEGORIES:
        vals = costs[cat].to_numpy()
        if not np.nan_to_num(vals).any():
            continue
        known = ~np.isnan(vals)     # an unknown cost draws nothing, and moves nothing on
        ax.barh(y[known], vals[known], left=left[known], label=cat.replace("_", " "),
                **{"color": COST_COLORS[cat], **kwargs})
        left = left + np.nan_to_num(vals)
    unknown_rows = costs.isna().any(axis=1).to_numpy()
    _mark_unknown(ax, y[unknown_rows], left[unknown_rows], plain(unknown), rows=len(y))
    ax.set_yticks(y, labels)
    cur = roi_frame["currency"].iloc[0] if "currency" in roi_frame.columns else ""
    ax.set_xlabel(plain(f"cost ({cur})".strip()))
    ax.set_ylabel(label_col)
    handles, names = ax.get_legend_handles_labels()
    if handles:         # the categories, then the mark of an unknown cost (a line: first)
        order = sorted(range(len(names)), key=lambda i: names[i] == plain(unknown))
        ax.legend([handles[i] for i in order], [names[i] for i in order], frameon=False,
                  loc="upper left", bbox_to_anchor=(1.01, 1))   # beside the bars
    return ax


def _mark_unknown(ax, y: np.ndarray, x: np.ndarray, words: str, *, rows: int) -> None:
    """Mark the rows ``y`` of :func:`plot_costs` whose cost is unknown: a grey "?" just after
    ``x`` (where the known part of the bar ends; 0 for none) and ``words`` beside it; the "?"
    is the legend's entry for them. Every row keeps its place (the bars alone set the limits:
    a row of nothing at the top was cut in half), and a chart of such rows alone has no cost
    scale to show: its value axis loses its ticks (0 to 1 would read as costs of nearly
    nothing)."""
    from matplotlib.transforms import ScaledTranslation  # lazy: not loaded with the package

    if not len(y):
        return
    if not ax.patches:
        ax.set_xlim(0, 1)
        ax.set_xticks([])
    ax.set_xlim(left=0)
    ax.set_ylim(-0.5, rows - 0.5)
    shift = ScaledTranslation(7 / 72, 0, ax.figure.dpi_scale_trans)    # 7 points right
    ax.plot(x, y, linestyle="none", marker="$?$", markersize=9, color="0.35", label=words,
            transform=ax.transData + shift)
    for xi, yi in zip(x, y, strict=True):
        ax.annotate(words, (xi, yi), xytext=(14, 0), textcoords="offset points", va="center",
                    fontsize="small", fontstyle="italic", color="0.35")
