"""Period over period, with intervals and the small-sample caveats (benchmarks-methods §5.1).

Definitions
-----------
- Post KPIs use the posts published in each period (publish day in the brand's time zone):
  ``posts``; totals ``interactions``, ``reach``, ``impressions``, ``views``;
  ``interactions_per_post`` (mean); pooled rates ``er_reach``, ``er_impressions``, ``er_views``
  (Σ interactions / Σ denominator over posts where both are known) and ``er_reach_median``,
  ``er_views_median``, ``er_impressions_median`` (median per-post rate);
  ``interactions_excl_top_post`` (the total without each period's most-engaging post).
- Each platform's engagement rate is by one measure, the first of reach, views and
  impressions its posts of either period carry (YouTube's never by impressions:
  :func:`~smmanalytics.metrics.rate_measure`, as in the report's key figures), and a rate KPI
  pools the posts of the platforms of its measure only (``rate_measures`` names them):
  Facebook's views, its rate being by reach, are not in ``er_views``. A rate whose measure
  posts carry but no platform's rate is by has no value, its ``method`` saying so.
- All platforms pooled: ``impressions`` and ``er_impressions`` leave out YouTube's posts when
  the posts compared hold another platform, as :func:`~smmanalytics.metrics.engagement` does
  for a group of several platforms: YouTube's impressions are Studio's thumbnail impressions,
  not views of the post (reference §5.2); a caveat says so. ``platform="youtube"`` keeps them.
- Account and web KPIs: ``followers_net`` (daily net follows), and the social GA4 ``sessions``,
  ``key_events`` and ``revenue``.
- ``change_pct`` = current / previous − 1 (a fraction, 0.25 = +25 %); ``change_abs`` =
  current − previous; ``change_pp`` = change_abs × 100 for rates (percentage points: 0.40 % →
  0.50 % is +0.10 pp and +25 %). When the periods differ in length, totals are compared per
  day (``basis`` says so; ``change_pct``, ``change_abs`` and ``direction`` are then per day).
  No percent change when the previous value is not positive or the sign changes (net follows).
- Intervals: 95 % bootstrap of ``change_pct``, resampling posts within each period (days for
  daily and web KPIs), so that post-to-post overdispersion is kept; expanded percentile
  intervals (:func:`_ci`: the plain percentile ones held their level in 9 cases in 10 with
  10–40 posts), plain percentile for the median rate (net follows:
  none when a resample's previous sum is not positive or its current one negative, where a
  percent change means nothing; ``method`` says so); for interactions
  and the engagement rates also a model interval (``model_ci_*``), of the same change_pct,
  from a GLM at post level with a period indicator and the log exposure (reach, impressions,
  views) as offset (benchmarks-methods §5.1): Poisson, so that its period ratio is that of
  the pooled rates shown (a negative binomial fit's is a per-post rate ratio, which left
  the +52.9 % shown outside its interval), overdispersion in its standard error, the
  jackknife over posts, and its quantile Student's t (:func:`_model_ci`: the model's own error held
  83–84 % for interactions per post).
- Fewer than 10 posts in either period, or fewer than 10 of a period's posts carrying the
  KPI (a rate's denominator known and positive, :func:`_carrying`): direction only, no
  interval; ``method`` then names the measure and its counts ("reach known for 3 of 17
  posts of 2026-10"). ``n_current`` and ``n_previous`` count each period's posts,
  ``n_kpi_current`` and ``n_kpi_previous`` those carrying the KPI.
- One post holding all the interactions of the posts an interval rests on leaves nothing
  without it: the model interval (and a previous period's bootstrap one) is not computed, and
  ``method`` and a caveat say so, with the post's share of the period's interactions.
- All platforms pooled: when one platform's share of a pooled rate's denominator (reach,
  impressions, views, over the posts that enter the rate) moves by more than 20 percentage
  points between the periods, a caveat names the platform (the rate then moves with the mix).
- Like for like: a platform with posts in both periods whose posts carry ``reach``,
  ``impressions`` or ``views`` in one period only (Meta's exports replaced impressions by views
  in 2025: December's Instagram posts carry impressions, January's views) is left out of that
  metric's total, interval and rate in both periods, and a caveat names it; when no platform
  carries the metric in both periods, its change (and its rate's) is withheld, each period
  keeping its own figure, and the caveat says so. (It read "impressions 7,905 vs 43,210,
  −81.7 %": January's X alone against December's Instagram and X; X alone, +54.7 %.)
- Lifetime figures: a post's reach, impressions and interactions grow with its age, and each
  period's posts are as old as their figures when last counted (``snapshot_at`` −
  ``published_at``; for a YouTube Studio export, which gives a date range's figures, the end
  of the range's last day when earlier: :func:`~smmanalytics._ranges.figures_end`). When the
  median age of the posts compared differs between the periods by more than
  :data:`AGE_GAP_DAYS` days and the older is more than :data:`AGE_GAP_RATIO` times the
  younger, a caveat names both ages: the totals are not like for like. No age adjustment is
  made. A video published before its range's first day has only part of its life in its
  figures, one published after its last day none: neither has an age; they are left out of the
  ages, and a caveat per reason counts such posts per period.
- All platforms pooled: a platform whose own posts and daily rows stop before the current
  period (or start after the previous one), or within the days compared, is in one period's
  totals and not, or not wholly, in the other's; a caveat names it, its last (first) day, and
  says that part of the change comes from its absence.
- ``platform`` is one of the known platforms (case does not matter); another name raises
  :class:`~smmanalytics.errors.UnknownPlatformError`. A known platform of which the data hold
  no post and no daily figure gives unknown (NaN) rows, not zeros, and a caveat says so.
- ``previous`` must end before ``period`` starts: the same, an overlapping or a later period
  raises :class:`~smmanalytics.errors.PeriodError`.
- Coverage: the data start on the first day with a post or a daily figure (of ``platform``,
  or of any platform). A previous period that ends before it is not covered: its values are
  unknown (NaN), not 0, and not compared, but for the GA4 KPIs, which follow GA4's own rows:
  compared when GA4 covers the previous period (a caveat says only they are), unknown when
  not. One that starts before it is compared over its covered days only, totals per day,
  and a caveat names the days.
- A platform asked about is covered by its own posts and daily rows: a period wholly after
  its last day (or before its first) has unknown post and follower KPIs, with a caveat, though
  other platforms' data reach it; its GA4 KPIs are compared as the GA4 rows allow (so too
  for a previous period before its first day: TikTok's data starting in November 2025 leave
  October's TikTok sessions compared, GA4 covering October).
- Post KPIs follow the posts exports: a period without a post whose days no posts export
  covers (of ``platform``, or of any platform: :func:`~smmanalytics._actuals.posts_cover`, the
  rule of the report's key figures) has its post KPIs unknown, not 0, and not compared, though
  daily follower or GA4 rows cover it; a caveat says so. A period a posts export covers without
  a post (an export read without rows) keeps its true 0. So too, a side compared that no GA4
  export covers on any day (September's export missing, or not read: the caveat then names
  it) has its GA4 KPIs unknown, and a side of net followers known on no day, its net
  followers: a caveat says each. Data holding no GA4 row (nor any GA4 export left unread), or
  no net follower figure on any day (no export, or new followers only), say so in one caveat;
  so does a measure no post of a period carries (Instagram's impressions), and a side of net
  followers whose export could not be read, beside its ``method``.
- A gap between a platform's posts exports inside a side compared (Facebook's August export
  missing from the third quarter): its days are unknown, not days without posts
  (:func:`_posts_gaps`). All platforms pooled, the platform is left out of both periods' post
  KPIs; asked about alone, its post totals are compared per covered day. A caveat names the
  platform and the days covered.
- A running period: when the data stop within ``period`` (the year 2026 whose data end on
  31 October), like is compared with like: ``period`` up to the data's last day with as many
  first days of ``previous`` (2026-01-01..2026-10-31 with 2025-01-01..2025-10-31), not its
  whole length with the whole previous period; a caveat names both spans. ``current`` and
  ``previous`` are then the totals of these days.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from html import escape

import numpy as np
import pandas as pd

from ._actuals import (
    NOT_FOUND,
    actual,
    actuals_shared,
    could_not_be_read,
    followers_absent_in_each,
    followers_gaps,
    followers_left_out,
    followers_net_unknown,
    followers_net_without,
    has_posts_data,
    known_days_note,
    metric_daily,
    posts_cover,
    posts_coverage,
    posts_gaps,
    undeclared_followers,
    unread_days,
    unread_exports,
    web_unread,
    without_followers_of,
    zero_without_posts,
)
from ._args import flag, platform_name, whole
from ._ranges import after_range, figures_end, partial_life
from ._web import covered_runs, social_traffic
from .dataset import remembering
from .errors import PeriodError, require_dataset
from .metrics import (
    RATE_MEASURES,
    post_interactions,
    rate_measure,
    unknown_interactions_note,
    youtube_thumbnails,
)
from .periods import Period, dataset_post_dates, month_end, parse_period, whole_months
from .schema import PLATFORMS, canonical_order, column_or

__all__ = ["Comparison", "compare"]

MIN_POSTS = 10
#: the pooled and median engagement rates, each by its measure (:func:`carried_by`)
_RATES = {"er_reach": "reach", "er_impressions": "impressions", "er_views": "views"}
_MEDIANS = {"er_reach_median": "reach", "er_views_median": "views",
            "er_impressions_median": "impressions"}
_RATE_KPIS = {**_RATES, **_MEDIANS}


def _rated(kpi: str) -> str:
    """The post frame's column a rate KPI divides by (:func:`_by_measure`): its measure on
    the posts of the platforms whose rate is by it."""
    return f"by_{_RATE_KPIS[kpi]}"


def _by_measure(a: pd.DataFrame, b: pd.DataFrame
                ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """The post frames ``a`` (current) and ``b`` (previous) with, for each measure of
    :data:`~smmanalytics.metrics.RATE_MEASURES`, a column ``by_<measure>``: the measure on the
    posts of the platforms whose engagement rate is by it, unknown on the others'; and each
    platform's measure. :func:`~smmanalytics.metrics.rate_measure` decides, as for the report's
    key figures, on the posts of both periods, so that a platform's rate is by one measure in
    both. The rates pooled every post carrying a measure: a brand of TikTok, YouTube, LinkedIn
    and Pinterest had its rates by reach "–", none by views or impressions but pooled, and the
    sample's Facebook and Instagram views, whose rates are by reach, weighed in the rate by
    views of TikTok and YouTube."""
    both = pd.concat([a, b], ignore_index=True)
    i = _np(both["interactions"])
    names = both["platform"].fillna("unknown").to_numpy(object)
    measures = {}
    for p in sorted(set(names)):
        rows = names == p
        carried = {m for m in RATE_MEASURES if _rate_known(i[rows], _np(both[m])[rows]).any()}
        if measure := rate_measure(p, carried):
            measures[p] = measure
    out = []
    for df in (a, b):
        by = np.array([measures.get(p) for p in df["platform"].fillna("unknown")], dtype=object)
        out.append(df.assign(**{f"by_{m}": df[m].mask(by != m) for m in RATE_MEASURES}))
    return out[0], out[1], measures


@dataclass(frozen=True)
class Comparison:
    """Result of :func:`compare`: ``table`` (one row per KPI) and the ``caveats`` to print.

    ``current_compared`` and ``previous_compared`` are the days actually compared of
    ``current`` and ``previous`` (the whole periods but when the data stop within ``current``,
    so like is compared with like, or start within ``previous``): a quarter whose data stop on
    31 October compares 1–31 October with 1–31 July, not the third quarter. None: the whole
    period.

    Attributes
    ----------
    current, previous : Period
        The periods compared.
    table : DataFrame
        One row per KPI (see :func:`compare`); also ``summary``.
    caveats : list of str
        Sentences to print beside the table.
    current_compared, previous_compared : Period, optional
        The days actually compared (see above).
    rate_measures : dict
        The measure each platform's engagement rate is by ("tiktok": "views"; see
        :func:`~smmanalytics.metrics.rate_measure`): each rate KPI pools the platforms of its
        measure.
    posting : dict
        The platforms with posts compared in each period, by side (``current``,
        ``previous``): those a rate pools there (:func:`rate_platforms`).
    """

    current: Period
    previous: Period
    table: pd.DataFrame
    caveats: list[str] = field(default_factory=list)
    current_compared: Period | None = None
    previous_compared: Period | None = None
    rate_measures: dict[str, str] = field(default_factory=dict)
    posting: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def summary(self) -> pd.DataFrame:
        """The KPI table."""
        return self.table

    @property
    def heading(self) -> str:
        """``current vs previous``, each with the days compared when they are not the whole
        period: "2026 (2026-01-01..2026-10-31) vs 2025 (2025-01-01..2025-10-31)" (it read
        "2026 vs 2025" over figures of January to October); a one-day period by its date
        ("2026-10-01 vs 2026-09-30", not "2026-10-01..2026-10-01 vs …")."""
        def side(p: Period, days: Period | None) -> str:
            name = p.days_text if p.kind == "range" else p.label
            return name if days is None else f"{name} ({days.days_text})"
        return (f"{side(self.current, self.current_compared)} vs "
                f"{side(self.previous, self.previous_compared)}")

    def __repr__(self) -> str:
        lines = [self.heading,
                 self.readable().to_string(index=False)]
        return "\n".join(lines + [f"- {c}" for c in self.caveats])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{escape(c)}</li>" for c in self.caveats)
        return (f"<h4>{escape(self.heading)}</h4>"
                + self.readable().to_html(index=False, escape=True)
                + (f"<ul>{items}</ul>" if items else ""))

    def readable(self) -> pd.DataFrame:
        """The table for reading (what a notebook and ``repr`` show), as text: rates in %,
        changes signed, in % and, for rates, in percentage points (pp; totals compared per day
        change "/day"), counts with thousands separators, each interval as ``low … high``,
        the posts or days compared as ``n current / n previous`` (a side's posts carrying the
        KPI as "3 of 17" when fewer than all carry it), unknown as "–". ``table`` keeps the
        numbers to compute with."""
        rows = []
        for r in self.table.itertuples(index=False):
            rate = r.kind in ("rate", "median")
            value = _pct if rate else _revenue if r.kpi == "revenue" else (
                _mean if r.kind == "mean" else _count)
            if rate:
                change = _signed(r.change_pp, 2, " pp")
            else:   # totals per day (a period of another length) have decimals
                digits = 2 if r.kpi == "revenue" else 1 if (r.kind == "mean"
                                                             or r.basis == "per day") else 0
                change = (_signed_apart(r.change_abs, digits) + "/day"
                          if r.basis == "per day" and _known(r.change_abs)
                          else _signed(r.change_abs, digits))
            interval = ("direction only" if r.direction_only
                        else _interval(r.ci_low, r.ci_high))
            rows.append({"kpi": r.kpi, "current": value(r.current),
                         "previous": value(r.previous), "change": change,
                         "change %": _signed(r.change_pct, 1, "%"),
                         "95% interval": interval,
                         "model interval": _interval(r.model_ci_low, r.model_ci_high),
                         "basis": _text(r.basis),
                         "n": f"{_of(r.n_kpi_current, r.n_current)} / "
                              f"{_of(r.n_kpi_previous, r.n_previous)}",
                         "direction": _text(r.direction), "method": _text(r.method)})
        return pd.DataFrame(rows, columns=["kpi", "current", "previous", "change", "change %",
                                           "95% interval", "model interval", "basis", "n",
                                           "direction", "method"])


_MISSING = "–"


def _known(x) -> bool:
    return x is not None and not pd.isna(x) and np.isfinite(float(x))


def _text(x) -> str:
    return str(x) if x is not None and not pd.isna(x) else _MISSING


def _count(x) -> str:
    return f"{float(x):,.0f}" if _known(x) else _MISSING


def _of(k, n) -> str:
    """``k`` posts carrying a KPI of ``n``: "3 of 17", or "17" when all carry it."""
    return _count(n) if not (_known(k) and _known(n)) or k == n else f"{k:,} of {_count(n)}"


def _mean(x) -> str:
    return f"{float(x):,.1f}" if _known(x) else _MISSING


def _revenue(x) -> str:
    return f"{float(x):,.2f}" if _known(x) else _MISSING


def _pct(x) -> str:
    """A rate (a fraction) in percent: 0.0523 → 5.23%."""
    return f"{float(x) * 100:,.2f}%" if _known(x) else _MISSING


def _signed(x, digits: int, unit: str = "") -> str:
    """A change with its sign: +12, -3.4%, +0.25 pp; a change of percent (``unit`` "%") is a
    fraction (0.25 → +25.0%); 0 reads 0."""
    if not _known(x):
        return _MISSING
    x = float(x) * (100 if unit == "%" else 1)
    text = f"{x:+,.{digits}f}"
    return ("0" + (f".{'0' * digits}" if digits else "") if text.lstrip("+-").strip("0.,") == ""
            else text) + unit


def _signed_apart(x, digits: int) -> str:
    """A change per day (:func:`_signed`) with up to two more decimals when it would read 0
    but is not, as the report shows daily rates (``PerformanceSections._apart``): 12 posts in
    31 days against 11 in 30 read "0.0/day" beside "+5.6%"; 0.0204 a day reads "+0.02"."""
    for more in range(3):
        text = _signed(x, digits + more)
        if float(x) == 0 or text.strip("+-0.,") != "":
            break
    return text


def _interval(lo, hi) -> str:
    """A 95 % interval of a change (fractions) in percent: -12.3% … +34.5%."""
    if not (_known(lo) and _known(hi)):
        return _MISSING
    return f"{_signed(lo, 1, '%')} … {_signed(hi, 1, '%')}"


def _post_frame(ds, p: Period, platform: str | None, day: pd.Series | None = None
                ) -> pd.DataFrame:
    posts = ds.posts
    if posts is None or posts.empty:
        return pd.DataFrame(columns=["interactions", "reach", "impressions", "views",
                                     "content_type", "platform", "age_days", "partial",
                                     "after_range"])
    if day is None:
        day = dataset_post_dates(ds)
    keep = p.contains(day)
    if platform:
        keep &= (posts["platform"].astype("string") == platform).fillna(False)
    g = posts.loc[keep.to_numpy()]
    # the bootstrap draws over these rows: in the caller's order, a shuffled sample moved
    # every interval of 2026-10 (the posts' order, not only the data and seed, decided them)
    order = canonical_order(g)
    if (order != np.arange(len(g))).any():
        g = g.take(order)
    inter = post_interactions(g)
    out = pd.DataFrame({"interactions": inter})
    for c in ("reach", "impressions", "views"):
        out[c] = column_or(g, c, dtype="Float64").astype("Float64")
    out["content_type"] = g["content_type"].astype("string") if "content_type" in g else pd.NA
    out["platform"] = g["platform"].astype("string")
    out["partial"] = partial_life(g)
    out["after_range"] = after_range(g)
    out["age_days"] = _age_days(g).mask(out["partial"].to_numpy()
                                        | out["after_range"].to_numpy())
    return out.reset_index(drop=True)


def _age_days(posts: pd.DataFrame) -> pd.Series:
    """Each post's age in days when its figures were last counted (:func:`figures_end` −
    ``published_at``), unknown without an export time or a range. Counted to the export, a
    September Studio zip made on 5 December aged a video of 20 September 76 days; its figures
    stopped 11 days after it was published."""
    age = (figures_end(posts) - posts["published_at"]) / pd.Timedelta(days=1)
    return pd.Series(age.to_numpy("float64", na_value=np.nan), index=posts.index,
                     dtype="Float64")


#: the caveat of :func:`_youtube_impressions_out` (engagement()'s note, with the total)
YOUTUBE_IMPRESSIONS_CAVEAT = ("impressions and er_impressions of several platforms leave out "
                              "YouTube's posts: its impressions are thumbnail impressions, not "
                              "views of the post.")


def _youtube_impressions_out(a: pd.DataFrame, b: pd.DataFrame
                             ) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """The post frames ``a`` and ``b`` with YouTube's impressions unknown when the two hold
    another platform too, and whether a YouTube post had impressions to leave out.

    YouTube's thumbnail impressions pooled with other platforms' impressions of the post made
    the sample's pooled er_impressions 0.81 % against 0.51 % (+58 %), where engagement() of
    each month, leaving them out, gave 2.36 % against 2.08 %. Both periods are judged
    together, so that a month of YouTube posts only is not pooled otherwise than the other."""
    youtube = youtube_thumbnails(pd.concat([a["platform"], b["platform"]]))
    if not youtube.any():
        return a, b, False
    out, left_out = [], False
    for df, rows in ((a, youtube[:len(a)]), (b, youtube[len(a):])):
        left_out |= bool(df["impressions"].notna().to_numpy()[rows].any())
        out.append(df.assign(impressions=df["impressions"].mask(rows)))
    return out[0], out[1], left_out


def _np(s: pd.Series) -> np.ndarray:
    """``s`` as floats, NaN where unknown. A Float64 column (a post frame's KPIs are) goes
    straight to numpy: to_numeric and astype of it were half of _stat's time on 40 posts."""
    if s.dtype != _FLOAT64:
        s = pd.to_numeric(s).astype(_FLOAT64)
    return s.to_numpy("float64", na_value=np.nan)


_FLOAT64 = pd.Float64Dtype()


class _Columns:
    """A post frame's KPI columns as float arrays (:func:`_np`), each converted once, and its
    interactions resampled by the last positions asked, kept: the eleven post KPIs of
    :func:`compare` read the same columns of the same frame, interactions for seven of them,
    resampled by the same positions (a fifth of its time on the sample). Other columns'
    resamples are not kept: a year's (2,000 × 1,500 positions) is 24 MB each."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self._arrays: dict[str, np.ndarray] = {}
        self._resampled: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.df)

    def take(self, col: str, idx: np.ndarray | None) -> np.ndarray:
        a = self._arrays.get(col)
        if a is None:
            a = self._arrays[col] = _np(self.df[col])
            a.flags.writeable = False       # shared by the KPIs: none may change it
        if idx is None:
            return a
        if col != "interactions":
            return a[idx]
        if self._resampled is None or self._resampled[0] is not idx:
            taken = a[idx]
            taken.flags.writeable = False
            self._resampled = (idx, taken)
        return self._resampled[1]


def _stat(kpi: str, df: pd.DataFrame | _Columns, idx: np.ndarray | None = None
          ) -> np.ndarray | float:
    """KPI of a post frame (or its :class:`_Columns`); with ``idx`` (B × n resampled
    positions), one value per resample. All-missing inputs give NaN (numpy's all-NaN warnings
    are silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return _stat_raw(kpi, df, idx)


def _stat_raw(kpi: str, df: pd.DataFrame | _Columns, idx: np.ndarray | None
              ) -> np.ndarray | float:
    def take(col):
        if isinstance(df, _Columns):
            return df.take(col, idx)
        a = _np(df[col])
        return a[idx] if idx is not None else a

    ax = -1
    if kpi == "posts":
        return float(len(df)) if idx is None else np.full(idx.shape[0], float(len(df)))
    if kpi in ("interactions", "reach", "impressions", "views"):
        a = take(kpi)
        s = np.nansum(a, axis=ax)
        return np.where(np.isnan(a).all(axis=ax), np.nan, s) if a.size else np.nan
    if kpi == "interactions_per_post":
        a = take("interactions")
        with np.errstate(all="ignore"):
            return np.nanmean(a, axis=ax) if a.size else np.nan
    if kpi in _RATE_KPIS:
        i, d = take("interactions"), take(_rated(kpi))
        ok = _rate_known(i, d)
        with np.errstate(all="ignore"):
            if kpi in _MEDIANS:
                r = np.where(ok, i / np.where(ok, d, 1.0), np.nan)
                return np.nanmedian(r, axis=ax) if r.size else np.nan
            den = np.where(ok, d, 0.0).sum(axis=ax)
            return np.where(den > 0, np.where(ok, i, 0.0).sum(axis=ax) / np.where(den > 0, den, 1),
                            np.nan)
    if kpi == "interactions_excl_top_post":
        a = take("interactions")
        if not a.size:
            return np.nan
        return np.nansum(a, axis=ax) - np.nanmax(np.where(np.isnan(a), -np.inf, a), axis=ax)
    raise ValueError(kpi)


def _rate_known(i: np.ndarray, d: np.ndarray) -> np.ndarray:
    """The posts a rate is computed from: interactions and denominator known, the latter > 0."""
    return ~np.isnan(i) & ~np.isnan(d) & (d > 0)


def carried_by(kpi: str) -> str:
    """The post measure a post KPI rests on: a rate's denominator, ``interactions`` for the
    KPIs made of them alone, else the KPI's own column. The report names it when too few
    posts carry it ("reach known for 3 of 17 posts")."""
    if kpi in _RATE_KPIS:
        return _RATE_KPIS[kpi]
    return "interactions" if kpi in ("interactions_per_post", "interactions_excl_top_post") else kpi


def _carrying(kpi: str, cols: _Columns) -> int:
    """How many posts of ``cols`` carry the KPI: those a rate is computed from
    (:func:`_rate_known`), else those whose column (:func:`carried_by`) is known. It is the
    ``n`` of the expanded interval (:func:`_tail`): 10 Instagram posts with reach among 40 (30
    of X, no reach) are a pooled rate of 10, and sizing its tail for 40 held the no-change 90 %
    of the time, not 95 % (300 pairs of periods drawn alike, s51DA)."""
    if kpi == "posts":
        return len(cols)
    if kpi in _RATE_KPIS:
        return int(_rate_known(cols.take("interactions", None),
                               cols.take(_rated(kpi), None)).sum())
    return int((~np.isnan(cols.take(carried_by(kpi), None))).sum())


#: the ``method`` of a post KPI carried by fewer than :data:`MIN_POSTS` posts of a period
#: (:func:`_carrying`) though the periods have more posts: a pooled rate of 3 Instagram posts
#: beside 50 X posts without reach had a "95 % interval" (benchmarks-methods §5.1: direction
#: only under ~10 posts). It names the measure and the counts of the period with the fewest:
#: "direction only (fewer than 10 posts of a period carry this KPI: 3)" beside a posts row of
#: 17 and 17 gave the reader no reason.
_FEW_CARRY = ("direction only ({measure} known for {k} of {n} posts of {period}: fewer than "
              "{min})")
#: the same of a rate, whose posts are those of the platforms rated by its measure
#: (:func:`_by_measure`): "views known for 4 of 102 posts of 2025-10" beside a views row of
#: 69 posts (Facebook's and Instagram's views, their rates by reach) read as false (s57R1)
_FEW_RATED = ("direction only (this rate pools the posts of {platforms} with {measure}: {k} of "
              "{n} posts of {period}, fewer than {min})")
#: the ``method`` of a post KPI that no post of a period carries (its value unknown there)
_NONE_CARRY = "no interval (no post of a period carries this KPI)"
#: the ``method`` of a rate by a measure posts carry but no platform's rate is by
#: (:func:`_by_measure`): Facebook's views, beside its reach; not "no post carries views"
_OTHER_MEASURE = ("no rate by {measure}: each platform's rate is by the first of reach, views "
                  "and impressions its posts carry (YouTube's never by impressions, its "
                  "thumbnails')")


def _carried_unrated(kpi: str, *sides: _Columns) -> bool:
    """Whether a rate KPI's measure is carried by posts of ``sides`` whose platform's rate is
    by another (:data:`_OTHER_MEASURE`)."""
    return kpi in _RATE_KPIS and any(
        _rate_known(c.take("interactions", None), c.take(carried_by(kpi), None)).any()
        for c in sides)


_POST_KPIS = ("posts", "interactions", "reach", "impressions", "views", "interactions_per_post",
              "er_reach", "er_impressions", "er_views", "er_reach_median", "er_views_median",
              "er_impressions_median", "interactions_excl_top_post")
_GA4_KPIS = ("sessions", "key_events", "revenue")
_TOTALS = {"posts", "interactions", "reach", "impressions", "views",
           "interactions_excl_top_post", "followers_net", "sessions", "key_events", "revenue"}


def _tail(n: int | None) -> float:
    """The tail share of the expanded percentile interval of a sample of ``n`` (Hesterberg,
    "What teachers should know about the bootstrap", 2015, §6.4): the normal quantile of the
    2.5 % tail is replaced by ``sqrt(n / (n − 1)) · t(n − 1)``, which corrects the bootstrap's
    narrowness for a mean of few values (its spread is the plug-in one, short by
    ``(n − 1) / n``; its tails are normal, not Student's). n = 10: 0.855 % (√(10/9) · t₉ =
    −2.3845), 20: 1.59 %, 40: 2.03 %; None, the plain 2.5 % (medians, see :func:`_ci`).
    Under 2, NaN: one value has no spread to expand (``n / (n − 1)`` has no value), and the
    interval of a single post, the same value in every resample that holds it, says nothing."""
    if n is None:
        return 0.025
    if n < 2:
        return np.nan
    # the normal cdf and Student's quantile without scipy.stats (see _dist)
    from scipy.special import ndtr  # lazy: import smmanalytics loads no scipy

    from ._dist import t_ppf  # lazy: _dist loads scipy

    return float(ndtr(np.sqrt(n / (n - 1)) * t_ppf(0.025, n - 1)))


def _ci(cur_draws, prev_draws, scale, n: int | None) -> tuple[float, float]:
    """95 % interval of the change ``cur / (prev · scale) − 1`` from the bootstrap draws of each
    side, ``n`` the posts (or days) of the smaller side that carry the KPI (:func:`_carrying`):
    the expanded percentile interval (:func:`_tail`); none (NaN) under 2. Over 300 pairs of
    periods drawn alike (10, 20, 40 heavy-tailed posts each: lognormal reach, beta rates), the
    plain percentile one held the no-change in 90–93 % of them for the pooled rate, the total
    and interactions per post, one false "change" in 10; the expanded one, on the same draws,
    in 93–96 % (other seeds: 91–96 %; a mean of 20–40 such posts stays a little short).
    Medians (``n`` None) keep the plain one, which holds 95–97 % already (98–99 % expanded).
    The draws are the same: no extra cost."""
    with np.errstate(all="ignore"):
        ch = cur_draws / (prev_draws * scale) - 1
    ch = ch[np.isfinite(ch)]
    if len(ch) < 0.9 * len(cur_draws):
        return np.nan, np.nan
    tail = _tail(n)
    if np.isnan(tail):
        return np.nan, np.nan
    lo, hi = np.quantile(ch, [tail, 1 - tail])
    return float(lo), float(hi)


_MODEL_KPIS = {"interactions": None, "interactions_per_post": None,
               **{kpi: _rated(kpi) for kpi in _RATES}}


def _model_ci(kpi: str, a: pd.DataFrame, b: pd.DataFrame, scale: float
              ) -> tuple[float, float]:
    """95 % interval of change_pct from a Poisson GLM at post level: ``interactions ~ period``
    with ``log(exposure)`` as offset for rates; for the total, the mean ratio times the ratio
    of post counts (post counts taken as given).

    With a period indicator alone the Poisson fit's rate of a period is Σ interactions /
    Σ exposure, the pooled rate shown, and its mean the mean shown: the fit is that closed
    form (:func:`_log_rate`). A negative binomial fit weights the posts (1 / (1 + αμ)): its
    period coefficient is a per-post rate ratio, not the pooled rate's. Facebook's June 2026
    on the sample printed −38.4 % … +51.9 % beside a pooled er_reach up 52.9 %: the NB rate
    ratio was 0.968 (−3.2 %), the interval centred on it. The standard error is the jackknife
    over each period's posts (:func:`_log_rate`), so that overdispersion, and a post that
    carries a period, widen the interval without changing what it bounds. The quantile is
    Student's t with the smaller side's posts − 1 degrees of freedom: posts of lognormal
    reach and beta rates are not Poisson, and the model's own standard error, with the
    normal quantile, held the no-change in 83–84 % of 1,000 pairs of such periods for
    interactions per post (10 and 20 posts); the sandwich with t 91–93 %, the jackknife with
    t 95–96 % (947–956 of 1,000, seed 1, for the mean and the pooled rate). See
    test_model_interval_holds_its_level_on_few_heavy_tailed_posts. None (NaN) when a period
    has no interaction, or when one post holds all of a period's interactions (without it the
    rate is 0: no log, and no interval; the bootstrap's stays)."""
    from ._dist import t_ppf  # lazy: _dist loads scipy

    den = _MODEL_KPIS[kpi]
    sides = []
    for df in (a, b):
        y = _np(df["interactions"])
        e = _np(df[den]) if den else np.ones(len(y))
        ok = ~np.isnan(y) & ~np.isnan(e) & (e > 0)
        sides.append((y[ok], e[ok]))
    n = min(len(y) for y, _ in sides)
    if n < 2:
        return np.nan, np.nan
    (ta, va), (tb, vb) = (_log_rate(y, e) for y, e in sides)
    half = -t_ppf(0.025, n - 1) * np.sqrt(va + vb)
    if not np.isfinite(ta - tb + half):
        return np.nan, np.nan
    lo, hi = np.exp(ta - tb + np.array([-half, half]))
    if kpi == "interactions":
        k = len(a) / (len(b) * scale)
        lo, hi = lo * k, hi * k
    return float(lo - 1), float(hi - 1)


def _log_rate(y: np.ndarray, e: np.ndarray) -> tuple[float, float]:
    """A period's log pooled rate ``log(Σ y / Σ e)`` and its jackknife variance over posts,
    ``(n − 1) / n · Σ (θ₋ᵢ − θ̄)²``, ``θ₋ᵢ`` the log rate without post ``i``. The jackknife
    sees a post that carries the period; the sandwich (HC0, or HC2 with leverage 1 / n) did
    not: one viral post of 12 holding 99.6 % of October's reach and interactions, er_reach
    +455.8 %, it gave +422 % … +492 % (bootstrap −23 % … +489 %; −18 % without that post),
    the jackknife −88.3 % … +26,276 %. On alike posts it is the sandwich's size:
    interactions per post ``n / (n − 1) · s² / (n ȳ²)`` to first order. Infinite (no
    interval) when a period has no interaction or one post holds them all."""
    big_y, big_e, n = y.sum(), e.sum(), len(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        theta = np.log(big_y / big_e)
        loo = np.log(big_y - y) - np.log(big_e - e)
        var = (n - 1) / n * np.sum((loo - loo.mean()) ** 2)
    return float(theta), float(var if np.isfinite(var) else np.inf)


def compare(ds, period: object, previous: object = None, *, platform: str | None = None,
            n_boot: int = 2000, seed: int = 0, model: bool = True) -> Comparison:
    """Compare each KPI of ``period`` with ``previous`` (default: the period just before).

    Parameters
    ----------
    ds : Dataset
    period, previous : str, tuple or Period
    platform : str, optional
        Restrict to one platform (web KPIs then use that platform's social traffic).
    n_boot, seed : int
        Bootstrap resamples (at least 200, so that each 2.5 % tail of the 95 % interval
        holds 5; 2,000 by default) and seed. With few posts or days the tails are thinner
        (expanded percentile, :func:`_ci`): 0.86 % with 10 posts, 17 resamples of 2,000;
        0.41 % with 7 days, 8 of them.
    model : bool, default True
        Give the GLM intervals (``model_ci_*``, :func:`_model_ci`). False leaves them unknown
        and spares their work: the reports, which print the bootstrap interval only, ask for
        no model.

    Returns
    -------
    Comparison
        ``table`` columns: kpi, kind (total, mean, rate, median), current, previous,
        change_abs, change_pct, change_pp, ci_low, ci_high (95% bootstrap interval of
        change_pct), model_ci_low, model_ci_high (95% Poisson GLM interval of change_pct,
        jackknife SE, where defined),
        basis (period or per day), days_current, days_previous (the days compared: a total
        compared per day is divided by them), n_current, n_previous (posts, or days with
        data; unknown for GA4 figures exported as period totals, which have no days),
        n_kpi_current, n_kpi_previous (the posts carrying the KPI, those its figure and
        interval rest on, :func:`_carrying`: a rate's posts with its denominator known and
        positive, 3 of October's 17 for a reach rate when 14 are X posts without reach; the
        days with data for a daily KPI, as ``n``), direction (up, down, flat), direction_only,
        method; ``caveats``: sentences to print.
    """
    require_dataset(ds, "compare")
    # one memo for the call (:func:`remembering`): its coverage, post frames, caveats and
    # daily rows asked the same spans, post days and social traffic again and again
    ds = remembering(ds)
    # a 95 % interval's 2.5 % tails need 5 resamples beyond each end: 200 at least, as
    # best_times asks of its 90 % one (one resample gave an interval of no width, read as
    # certainty; 2 made "95 % intervals" of two draws)
    n_boot = whole(n_boot, "n_boot", 200)
    seed = whole(seed, "seed", 0)
    model = flag(model, "model")       # "False" and "no", being true, ran the model
    cur = parse_period(period)
    prev = parse_period(previous) if previous is not None else cur.previous()
    if prev.end >= cur.start:
        raise PeriodError(f"the previous period must end before {cur.label} starts "
                          f"({cur.start.isoformat()}); got {prev.label} "
                          f"({prev.days_text})")
    platform = None if platform is None else platform_name(platform)
    rng = np.random.default_rng(seed)
    cov = _coverage(ds, cur, prev, platform)
    caveats = cov.caveats
    a, b = _post_frame(ds, cov.cw, platform), _post_frame(ds, cov.pw, platform)
    summed = {m for m in _ZERO_SUMS if zero_without_posts(ds, platform or "all", m)}
    unread = _unread_sides(ds, platform or "all", cov, a, b, summed)
    caveats += [f"Posts of {p.label} unknown, not 0: {could_not_be_read(ds, files)}."
                for p, files in zip((cur, prev), unread.values(), strict=True) if files]
    uncovered = _posts_uncovered(ds, platform, cov, a, b, unread)
    caveats += [f"No {cov.whose}posts export covers {p.label}: its post KPIs are unknown, "
                f"not 0, and not compared." for p in uncovered.values()]
    # a period whose export could not be read, or that no posts export covers, has its posts
    # unknown, not "0 in 2026-09"
    few = (cov.covered and not cov.mine and not any(unread.values()) and not uncovered
           and min(len(a), len(b)) < MIN_POSTS)
    if few:
        caveats.append(f"Fewer than {MIN_POSTS} posts in a period ({len(a)} in {cur.label}, "
                       f"{len(b)} in {prev.label}): post KPIs show the direction only, without "
                       f"significance.")
    if platform is None:
        a, b, youtube_out = _youtube_impressions_out(a, b)
        if youtube_out:
            caveats.append(YOUTUBE_IMPRESSIONS_CAVEAT)
    a, b, withheld, unlike = _like_for_like(a, b, cur, prev)
    caveats += unlike
    left_out = _posts_left_out(ds, platform, cov, a, b, unread, uncovered)
    caveats += _left_out_caveats(left_out, cov)
    gaps = _posts_gaps(ds, platform, cov, set(left_out))
    caveats += _gap_caveats(gaps, cov)
    if platform is None and gaps:       # like for like: the other platforms' posts only
        a, b = (df.loc[~df["platform"].isin(list(gaps)).to_numpy()].reset_index(drop=True)
                for df in (a, b))
    a, b, measures = _by_measure(a, b)
    rows, lone = _post_rows(a, b, cov, few, rng, n_boot, model, summed,
                            _posts_days(gaps.get(platform, {}), cov), measures)
    _say_left_out(rows, left_out, cov)
    _say_gaps(rows, gaps, cov)
    for side, files in unread.items():
        if files:
            _unknown(rows, (side,), f"posts unknown: {could_not_be_read(ds, files)}")
    _withhold(rows, withheld)
    sides = (cov.cw, cov.pw)
    runs = tuple(covered_runs(ds.web, p) for p in sides)
    web_days = tuple(_web_days(r, p) for r, p in zip(runs, sides, strict=True))
    # no data of the platform, or a side GA4 covers on no day: its GA4 KPIs are unknown, not
    # compared, per covered day or otherwise
    if not cov.absent and all(runs):
        caveats += [note for _, note in web_days if note]
    unweb = _web_uncovered(ds, cov, runs)
    caveats += [_web_unknown_caveat(ds, p, files) for p, files in unweb.values()]
    caveats += _web_none(ds, cov)
    fds, undeclared = _declared_followers(ds, cov)
    caveats += undeclared
    absent = _followers_absent(fds, cov)
    with actuals_shared():     # the GA4 KPIs' totals: one social traffic a period
        for kpi in ("followers_net", "sessions", "key_events", "revenue"):
            rows.append(_daily_row(fds if kpi == "followers_net" else ds, kpi,
                                   platform or "all", cov.cw, cov.pw, rng, n_boot,
                                   cov.scale, tuple(days for days, _ in web_days)))
            # said once for the three GA4 KPIs
            caveats += [c for c in rows[-1].pop("caveats") if c not in caveats]
            if kpi == "followers_net":
                caveats += _followers_unknown_side(fds, rows[-1], cov)
            if kpi == "followers_net" and platform is None:
                caveats += _unread_followers_unknown(fds, rows[-1], absent, cov)
    _unknown_sides(rows, cov)
    _web_unknown(ds, rows, unweb)
    for side, p in uncovered.items():
        _unknown([r for r in rows if r["kpi"] in _POST_KPIS], (side,),
                 f"no {cov.whose}posts export covers {p.label}")
    table = _table(rows)
    caveats += _table_caveats(ds, table, a, b, cov, absent, lone, fds)
    if cov.outside or cov.mine:
        caveats = [cov.outside or cov.mine]
    return Comparison(cur, prev, table.reset_index(drop=True), caveats,
                      _days_of(cov.cw, cur), _days_of(cov.pw, prev), measures,
                      {"current": _posting(a), "previous": _posting(b)})


#: the post metrics compared like for like, each with the metric a platform's posts may
#: carry in its stead (Meta's exports replaced impressions by views in 2025)
_COUNTERPARTS = {"reach": None, "impressions": "views", "views": "impressions"}


def _platforms(df: pd.DataFrame, metric: str | None = None) -> set[str]:
    """The platforms of the posts of ``df`` (of those that carry ``metric``)."""
    keep = np.ones(len(df), bool) if metric is None else df[metric].notna().to_numpy(bool)
    return set(df["platform"].fillna("unknown").to_numpy()[keep])


def _like_for_like(a: pd.DataFrame, b: pd.DataFrame, cur: Period, prev: Period
                   ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str], list[str]]:
    """The post frames ``a`` (current) and ``b`` (previous) with each metric of
    :data:`_COUNTERPARTS` left unknown on the platforms that post in both periods but carry it
    in one only; the KPIs whose change is withheld (no platform carries their metric in both
    periods), each with why; and the caveats that name the platforms.

    January's Instagram posts carrying views where December's carried impressions, the total
    impressions compared January's X alone (7,905) with December's Instagram and X (43,210):
    −81.7 %, where X alone rose 54.7 %. A platform that posts in one period only stays in: its
    absence from the other is a real zero (and :func:`_platform_caveats` names a platform
    whose data stop)."""
    posting = _platforms(a) & _platforms(b)
    out_a, out_b, withheld, caveats = a, b, {}, []
    for metric, counterpart in _COUNTERPARTS.items():
        has_a, has_b = _platforms(a, metric), _platforms(b, metric)
        odd = sorted((has_a ^ has_b) & posting)
        if not odd:
            continue
        none_in_both = not (has_a & has_b)
        if none_in_both:
            why = f"no like-for-like change: no platform reports {metric} in both periods"
            withheld.update(dict.fromkeys(_metric_kpis(metric), why))
        else:
            out_a, out_b = (df.assign(**{metric: df[metric].mask(
                df["platform"].fillna("unknown").isin(odd))}) for df in (out_a, out_b))
        for p in odd:
            when, other, other_posts = (cur, prev, b) if p in has_a else (prev, cur, a)
            instead = (f" (its posts of {other.label} carry {counterpart} instead)"
                       if counterpart and p in _platforms(other_posts, counterpart) else "")
            caveats.append(
                f"{p} reports {metric} in {when.label} only{instead}, and no platform reports "
                f"that metric in both periods: its change is not computed." if none_in_both
                else f"{p} reports {metric} in {when.label} only{instead}: to compare like "
                     f"with like, both periods' totals and rates of that metric leave that "
                     f"platform out.")
    return out_a, out_b, withheld, caveats


def _metric_kpis(metric: str) -> list[str]:
    """The post KPIs read from ``metric``: its total and its rates (pooled, median)."""
    return [metric, *(k for k, den in _RATE_KPIS.items() if den == metric)]


def _withhold(rows: list[dict], withheld: dict[str, str]) -> None:
    """Leave the change of each row of ``withheld`` unknown (its two figures kept), its
    ``method`` saying why: comparing one platform's total with another's is no change."""
    for row in rows:
        why = withheld.get(row["kpi"])
        if why is None:
            continue
        row.update(dict.fromkeys(("change_abs", "change_pct", "change_pp", "ci_low", "ci_high",
                                  "model_ci_low", "model_ci_high"), np.nan),
                   direction=None, direction_only=False, method=why)


def _days_of(days: Period, whole: Period) -> Period | None:
    """``days`` (the days compared of ``whole``), or None when they are all of ``whole``."""
    return None if (days.start, days.end) == (whole.start, whole.end) else days


@dataclass
class _Coverage:
    """The days :func:`compare` compares and what the data cover of them.

    ``first`` and ``last`` are the first and last days of the data of ``platform`` (of any
    platform without one), GA4 aside; ``start`` and ``stop`` those of all the data, GA4
    included. ``absent``: the data hold none of ``platform`` (or nothing at all).
    ``outside`` / ``mine``: the sentence saying ``cur`` is outside all the data / outside the
    platform's own, None when not. ``cw`` and ``pc`` are the days of ``cur`` and ``prev``
    compared (their first days alike when the data stop within ``cur``), ``pw`` those of
    ``pc`` the data cover; ``covered``: the data cover ``pc``; ``web_prev``: not covered, but
    GA4 does, so the GA4 KPIs are compared. ``caveats``: the sentences said so far.
    """

    cur: Period
    prev: Period
    platform: str | None
    first: dt.date | None
    last: dt.date | None
    start: dt.date | None
    stop: dt.date | None
    absent: bool
    outside: str | None = None
    mine: str | None = None
    cw: Period | None = None
    pc: Period | None = None
    pw: Period | None = None
    covered: bool = False
    web_prev: bool = False
    caveats: list[str] = field(default_factory=list)

    @property
    def per_day(self) -> bool:
        """Whether the compared spans differ in length: totals are then compared per day."""
        return self.cw.days != self.pw.days

    @property
    def scale(self) -> float:
        """Days of the current span per day of the previous one (1 when alike)."""
        return self.cw.days / self.pw.days if self.per_day else 1.0

    @property
    def whose(self) -> str:
        """``"<platform> "`` (whose first and last days these are), or ``""``."""
        return f"{self.platform} " if self.platform else ""

    @property
    def said_whole(self) -> bool:
        """Whether the comparison is unknown as a whole, one caveat saying so: the data hold
        nothing of it (``absent``), or ``cur`` lies outside them (``outside``) or outside the
        platform's own (``mine``). The rules that single out a side, a platform or a KPI
        then have nothing to add."""
        return bool(self.outside or self.mine or self.absent)

    def compared(self, web: bool = False) -> dict[str, Period]:
        """The sides compared, ``current`` and ``previous``, with their days (``cw``,
        ``pw``): the previous one when the data cover it; for the GA4 KPIs (``web``), also
        when GA4 alone does (``web_prev``)."""
        previous = self.covered or (web and self.web_prev)
        return {"current": self.cw, **({"previous": self.pw} if previous else {})}


def _coverage(ds, cur: Period, prev: Period, platform: str | None) -> _Coverage:
    """What the data cover of ``cur`` and ``prev`` (of ``platform``), the days compared, and
    the caveats that say so, in the order they are printed."""
    first, last = ds.span(platform, web=False)
    # a platform the data do not hold, or no data at all (an empty folder): unknown, not 0
    absent = first is None and (platform is not None or ds.span()[0] is None)
    start, stop = ds.span()
    cov = _Coverage(cur, prev, platform, first, last, start, stop, absent)
    if absent:
        cov.caveats.append(f"The data hold no {platform} posts or daily figures: its KPIs are "
                           f"unknown, not 0." if platform is not None else
                           "The data hold no posts, daily figures or GA4 rows: every KPI is "
                           "unknown, not 0.")
    else:
        cov.outside = _outside(cur, start, stop)
    if platform is not None and not absent and not cov.outside:
        cov.mine = _outside_platform(cur, platform, first, last)
    _current_days(cov)
    _previous_days(ds, cov)
    if cov.per_day and cov.pw is prev and (cov.covered or cov.web_prev):
        cov.caveats.append(f"{cur.label} has {cur.days} days and {prev.label} {prev.days}: "
                           f"totals are compared per day.")
    elif cov.per_day and cov.pw is cov.pc and (cov.covered or cov.web_prev):
        cov.caveats.append(f"{cov.cw.days} days of {cur.label} and {cov.pc.days} of "
                           f"{prev.label} are compared: totals are compared per day.")
    if platform is None and cov.covered and not cov.outside:
        cov.caveats += _platform_caveats(ds, cur, prev, cov.cw, cov.pw)
    return cov


def _outside(cur: Period, start: dt.date | None, stop: dt.date | None) -> str | None:
    """The sentence saying ``cur`` lies wholly after the last day of every table (GA4
    included), or before the first, so is not compared; None when it does not.

    Such a period is unknown: it read "posts 0", "flat" and "fewer than 10 posts".
    """
    if stop is not None and cur.start > stop:
        return (f"The data stop at {stop.isoformat()}: {cur.label} is not covered, so it is "
                f"not compared.")
    if start is not None and cur.end < start:
        return (f"The data start on {start.isoformat()}: {cur.label} is not covered, so it is "
                f"not compared.")
    return None


def _outside_platform(cur: Period, platform: str, first: dt.date, last: dt.date
                      ) -> str | None:
    """The sentence saying ``cur`` lies wholly outside ``platform``'s own posts and daily rows
    (``first`` to ``last``), so its post and follower KPIs are not compared; None when not.

    A platform asked about is judged on its own data: X's exports ending in September leave
    November unknown for X, though Instagram or GA4 data reach it (it read "posts 0" and a
    fall to zero); GA4 KPIs keep GA4's own rows.
    """
    if cur.start > last:
        return (f"The {platform} data stop at {last.isoformat()}: {cur.label} is not "
                f"covered, so its post and follower KPIs are not compared.")
    if cur.end < first:
        return (f"The {platform} data start on {first.isoformat()}: {cur.label} is not "
                f"covered, so its post and follower KPIs are not compared.")
    return None


def _current_days(cov: _Coverage) -> None:
    """Set ``cov.cw`` and ``cov.pc``: all of ``cur`` and ``prev``, unless the data stop within
    ``cur`` (like is then compared with like: its days up to the last with as many first days
    of ``prev``); caveats say so, and when the data start within the current days."""
    cur, prev, first, last, whose = cov.cur, cov.prev, cov.first, cov.last, cov.whose
    cov.cw, cov.pc = cur, prev
    if last is not None and cur.end > last >= cur.start:
        cov.cw = _span(cur.start, last)
        cov.pc = _matching_days(prev, cur, last)
        cov.caveats.append(
            f"The {whose}data stop at {last.isoformat()}: {cur.label} is compared over its "
            f"first {cov.cw.days} days, up to that day, with the first {cov.pc.days} days of "
            f"{prev.label} ({cov.pc.start.isoformat()} to {cov.pc.end.isoformat()})."
            if cov.cw.days > 1 else   # "its first 1 days", when they stop on its first day
            f"The {whose}data stop at {last.isoformat()}: {cur.label} is compared over its "
            f"first day only, with the first day of {prev.label} ({cov.pc.start.isoformat()}).")
    cw = cov.cw
    if first is not None and cw.start < first <= cw.end:
        # the period's totals hold only the days from the first (2025-08-15..2025-09-10 read
        # 38 posts with nothing said: 10 of its 27 days)
        cov.caveats.append(f"The {whose}data start on {first.isoformat()}: {cur.label} is "
                           f"covered from that day only ({(cw.end - first).days + 1} of "
                           f"{cw.days} days); its totals cover those days only.")


def _previous_days(ds, cov: _Coverage) -> None:
    """Set ``cov.covered``, ``cov.web_prev`` and ``cov.pw`` (the days of ``cov.pc`` the data
    cover: from their first day when they start within it), with the caveats that say so."""
    cur, pc, first, whose = cov.cur, cov.pc, cov.first, cov.whose
    cov.covered = not cov.absent and (first is None or pc.end >= first)
    cov.pw = pc
    # the GA4 KPIs follow GA4's own rows: TikTok's data starting in November 2025 made
    # October's TikTok sessions unknown, though GA4 covers October (0 visits from TikTok)
    cov.web_prev = (not cov.covered and not cov.absent
                    and bool(social_traffic(ds, pc)[0].attrs.get("covered")))
    if not cov.covered and not cov.absent:
        cov.caveats.append(f"The {whose}data start on {first.isoformat()}: {pc.label} is not "
                           f"covered, so "
                           + (f"only the GA4 KPIs of {cur.label} are compared with it."
                              if cov.web_prev else f"{cur.label} is not compared with it."))
    elif first is not None and pc.start < first:
        cov.pw = _span(first, pc.end)
        cov.caveats.append(f"The {whose}data start on {first.isoformat()}: {pc.label} is "
                           f"covered from that day only ({cov.pw.days} of {pc.days} days); "
                           f"totals are compared per day over the covered days.")


def _kind(kpi: str) -> str:
    """A post KPI's kind: ``rate``, ``median``, ``mean`` or ``total``."""
    return ("rate" if kpi in _RATES else "median" if kpi in _MEDIANS
            else "mean" if kpi == "interactions_per_post" else "total")


def _unread_sides(ds, platform: str, cov: _Coverage, a: pd.DataFrame, b: pd.DataFrame,
                  summed: set[str]) -> dict[str, list[str]]:
    """For the ``current`` (posts ``a``) and ``previous`` (``b``) sides, the exports that could
    not be read and are why a side without a post is unknown, not 0
    (:func:`~smmanalytics._actuals.zero_without_posts`): those whose days reach into its days
    (:func:`~smmanalytics._actuals.unread_days`); else, when nothing else explains the gap
    (the data cover the side's period), those whose days are unknown. None for a side with
    posts, or whose post count is 0. September's export failing read "Fewer than 10 posts in
    a period (0 in 2026-09, …)", no file named; and August 2025, before the data start,
    blamed September 2026's export. Only exports that may hold posts are named: Facebook's
    follows file failing, its September without a posts export read "Posts of 2026-09
    unknown, not 0: 1 export could not be read (facebook_follows_….csv)"."""
    explained = {"current": bool(cov.outside or cov.mine), "previous": not cov.covered}
    out = {}
    for side, df, days in (("current", a, cov.cw), ("previous", b, cov.pw)):
        files = []
        if not len(df) and "posts" not in summed:
            files = (unread_days(ds, platform, days.start, days.end, undated=False,
                                 kind="posts")
                     or ([] if explained[side]
                         else unread_days(ds, platform, days.start, days.end, kind="posts")))
        out[side] = files
    return out


def _posts_uncovered(ds, platform: str | None, cov: _Coverage, a: pd.DataFrame,
                     b: pd.DataFrame, unread: dict[str, list[str]]) -> dict[str, Period]:
    """The sides (``current``, ``previous``), each with its period, that hold no post and
    whose days no posts export covers (:func:`~smmanalytics._actuals.posts_cover`, of
    ``platform`` or of any platform): their post KPIs are unknown, not 0.

    October's posts exports beside follower exports from 1 September read "posts 80 against
    0, +2.6 a day" and "interactions 12,030 against 0": September was covered by the daily
    rows, which tell nothing of posts (nor do GA4's rows). A month a posts export covers
    without a post (an export read without rows) is a true 0, and stays one. Periods the data
    do not cover, or whose export could not be read (``unread``, said by its own caveat), are
    left to their own rules; so is a dataset without posts data, whose post KPIs are unknown
    throughout."""
    if cov.said_whole or not has_posts_data(ds, platform or "all"):
        return {}
    platforms = [platform] if platform else sorted(PLATFORMS)
    frames = {"current": (a, cov.cur), "previous": (b, cov.prev)}
    out = {}
    for side, days in cov.compared().items():
        df, p = frames[side]
        if (not len(df) and not unread[side]
                and not any(posts_cover(ds, q, days.start, days.end) for q in platforms)):
            out[side] = p
    return out


def _posts_left_out(ds, platform: str | None, cov: _Coverage, a: pd.DataFrame,
                    b: pd.DataFrame, unread: dict[str, list[str]],
                    uncovered: dict[str, Period]) -> dict[str, tuple[str, ...]]:
    """All platforms pooled, the platforms with posts data whose posts exports cover none of
    the days of a side compared (:func:`~smmanalytics._actuals.posts_cover`) while other
    platforms' do, by platform: the sides (``current``, ``previous``) its posts are unknown
    in, and so left out of the post KPIs' totals and rates, the rule of the key figures'
    "partial: without X" (:func:`~smmanalytics.report.sections._posts_days`). X's posts
    exports stopping in February, October against September read "Posts 81 vs 82" without
    naming X.

    A platform with posts in a side is in it. A side unknown as a whole (no export covers it,
    one could not be read, or the data do not cover it) is said by its own caveat; so is a
    platform whose data (any of them) stop or start between the two spans
    (:func:`_platform_caveats`)."""
    if platform is not None or cov.said_whole or not has_posts_data(ds, "all"):
        return {}
    frames = {"current": a, "previous": b}
    sides = [(side, frames[side], days) for side, days in cov.compared().items()
             if side not in uncovered and not unread[side]]
    out = {}
    for p in sorted(PLATFORMS):
        if not has_posts_data(ds, p):
            continue
        missing = tuple(side for side, df, days in sides
                        if p not in _platforms(df)
                        and not posts_cover(ds, p, days.start, days.end))
        if len(missing) == 1 and not _has_data_in(ds, p, cov.cw if missing[0] == "current"
                                                  else cov.pw):
            continue        # its data stop or start between the spans: _platform_caveats
        if missing:
            out[p] = missing
    return out


def _has_data_in(ds, platform: str, days: Period) -> bool:
    """Whether any data of ``platform`` (posts, daily rows, exports' days) reach ``days``."""
    first, last = ds.span(platform, web=False)
    return first is not None and first <= days.end and last >= days.start


def _left_out_caveats(left_out: dict[str, tuple[str, ...]], cov: _Coverage) -> list[str]:
    """What the comparison says of each platform :func:`_posts_left_out` leaves out: of both
    periods, a like-for-like comparison of the other platforms; of one, not like for like,
    its posts being in the other period's totals only.

    Those totals are left as the periods' own (the key figures' counts), not cut to the
    platforms covered in both: the change the reader sees then comes in part from the
    platform's absence, which is said, as :func:`_platform_caveats` says it of a platform
    whose data stop."""
    out = []
    for p, sides in left_out.items():
        if len(sides) == 2:
            out.append(f"The post KPIs of both periods leave out {p}: its posts exports cover "
                       f"neither {cov.cur.label} nor {cov.prev.label}, so its posts there are "
                       f"unknown, not 0.")
        else:
            gone, there = ((cov.cur, cov.prev) if sides == ("current",)
                           else (cov.prev, cov.cur))
            out.append(f"The post KPIs of {gone.label} leave out {p}, whose posts exports do "
                       f"not cover that period, while those of {there.label} include it, so "
                       f"part of the change comes from its absence.")
    return out


def _posts_gaps(ds, platform: str | None, cov: _Coverage, left_out: set[str]
                ) -> dict[str, dict[str, int]]:
    """The platforms (``platform``, or each with posts data but those of ``left_out``) whose
    posts exports miss days inside a side compared, by platform: each such side (``current``,
    ``previous``) with the days of it they cover (:func:`_covered_days`).

    A month missing between two exports is unknown, not a month without posts: Facebook's
    August export absent, the third quarter read "posts 311 vs 310, −0.8 %", where with it
    the quarter had 328 posts (+4.7 % a day), and nothing was said. The rule is GA4's: the
    figures are compared over the days the exports cover, which :func:`compare` applies in
    the simplest honest way each case allows. One platform asked about: its post totals per
    covered day of each side (:func:`_posts_days`), its rates over the posts of those days.
    All platforms pooled: no single count of days fits a total of platforms covered on
    unlike days, so the platform is left out of both periods' post KPIs, and the other
    platforms are compared like for like (the rule of :func:`_like_for_like`); its own
    comparison (``platform=``) stays per covered day. A caveat names the platform and the
    days covered. Data starting or stopping within a side (:func:`_platform_caveats`), and
    a side no export covers at all (:func:`_posts_left_out`, :func:`_posts_uncovered`),
    keep their own rules."""
    if cov.said_whole:
        return {}
    platforms = [platform] if platform else [p for p in sorted(PLATFORMS)
                                             if p not in left_out and has_posts_data(ds, p)]
    out = {}
    for p in platforms:
        covered = {side: n for side, days in cov.compared().items()
                   if (n := _covered_days(ds, p, days)) is not None}
        if covered:
            out[p] = covered
    return out


def _covered_days(ds, platform: str, days: Period) -> int | None:
    """The days of ``days`` the posts exports of ``platform`` cover, when a gap between two of
    their stretches (:func:`~smmanalytics._actuals.posts_gaps`) falls inside ``days`` and
    they cover some of it; None otherwise."""
    if not posts_gaps(ds, platform, days.start, days.end)[1]:
        return None
    stretches = posts_coverage(ds, platform) or []
    n = sum(max(0, (min(stop, days.end) - max(start, days.start)).days + 1)
            for start, stop in stretches)
    return n or None


def _posts_days(covered: dict[str, int], cov: _Coverage) -> tuple[int, int]:
    """The current and previous days the post totals are compared per: those the posts
    exports cover (``covered``, of :func:`_posts_gaps`) where they miss some, else all."""
    return covered.get("current", cov.cw.days), covered.get("previous", cov.pw.days)


def _gap_caveats(gaps: dict[str, dict[str, int]], cov: _Coverage) -> list[str]:
    """One sentence a platform and side of :func:`_posts_gaps`: how many days the posts
    exports cover, and what the comparison does of them."""
    what = ("its post KPIs are compared per covered day." if cov.platform else
            "the post KPIs of both periods leave it out, to compare like with like.")
    spans = {"current": (cov.cw, cov.cur), "previous": (cov.pw, cov.prev)}
    return [f"The {p} posts exports cover {n} of the {spans[side][0].days} days of "
            f"{spans[side][1].label}: {what}"
            for p, covered in gaps.items() for side, n in covered.items()]


def _say_gaps(rows: list[dict], gaps: dict[str, dict[str, int]], cov: _Coverage) -> None:
    """Add to the ``method`` of the post KPIs' rows the platforms :func:`_posts_gaps` finds,
    with the days covered: "exact count; without facebook (posts exports cover 61 of 92 days
    of 2026-Q3)"; "…; per covered day (…)" for the platform asked about."""
    labels = {"current": cov.cur.label, "previous": cov.prev.label}
    sizes = {"current": cov.cw.days, "previous": cov.pw.days}
    for p, covered in gaps.items():
        days = ", ".join(f"{n} of {sizes[side]} days of {labels[side]}"
                         for side, n in covered.items())
        said = (f"per covered day (posts exports cover {days})" if cov.platform
                else f"without {p} (posts exports cover {days})")
        for row in rows:
            if row["kpi"] in _POST_KPIS:
                row["method"] = f"{row['method']}; {said}"


def _say_left_out(rows: list[dict], left_out: dict[str, tuple[str, ...]],
                  cov: _Coverage) -> None:
    """Add to the ``method`` of the post KPIs' rows the platforms :func:`_posts_left_out`
    leaves out, and of which periods: "exact count; without x (posts exports do not cover
    2026-10, 2026-09)"."""
    if not left_out:
        return
    labels = {"current": cov.cur.label, "previous": cov.prev.label}
    said = "; ".join(f"without {p} (posts exports do not cover "
                     f"{', '.join(labels[side] for side in sides)})"
                     for p, sides in left_out.items())
    for row in rows:
        if row["kpi"] in _POST_KPIS:
            row["method"] = f"{row['method']}; {said}"


#: the post KPIs that are sums over posts: over a period without a post, 0 or unknown
_ZERO_SUMS = ("posts", "interactions", "reach", "impressions", "views")


def _post_rows(a: pd.DataFrame, b: pd.DataFrame, cov: _Coverage, few: bool,
               rng: np.random.Generator, n_boot: int, model: bool, summed: set[str],
               days: tuple[int, int], measures: dict[str, str]
               ) -> tuple[list[dict], dict[str, float]]:
    """The rows of the post KPIs of ``a`` (current posts) against ``b`` (previous): value,
    bootstrap interval over posts (none with ``few`` posts) and, with ``model``, the GLM
    interval; totals compared per day of ``days`` (the current and previous days the posts
    exports cover, :func:`_posts_days`) when the two differ. A total of :data:`_ZERO_SUMS` over a
    period without a post is 0 when it is in ``summed`` (see
    :func:`~smmanalytics._actuals.zero_without_posts`), else unknown; the periods the data do
    not cover are made unknown after (:func:`_unknown_sides`). Also, by side (``current``,
    ``previous``), the share of its interactions of a post whose holding all those of the
    posts an interval rests on left that interval out (:func:`_lone_post`), for the caveat.
    ``measures`` (:func:`_by_measure`) names the platforms a rate shown as direction only
    pools."""
    ia = rng.integers(0, len(a), (n_boot, len(a))) if len(a) else None
    ib = rng.integers(0, len(b), (n_boot, len(b))) if len(b) else None
    rows, lone = [], {}
    ca, cb = _Columns(a), _Columns(b)
    per_day = days[0] / days[1] if days != (cov.cw.days, cov.pw.days) else cov.scale
    for kpi in _POST_KPIS:
        kind = _kind(kpi)
        scale = per_day if kind == "total" else 1.0
        va, vb = _stat(kpi, ca), _stat(kpi, cb)
        if kpi in _ZERO_SUMS:
            # a February without a post: interactions 0, not "–"; but unknown, not 0, when an
            # export of the platform's posts could not be read (:func:`zero_without_posts`)
            va, vb = (v if len(df) else 0.0 if kpi in summed else np.nan
                      for df, v in ((a, va), (b, vb)))
        ci = (np.nan, np.nan)
        carried = (_carrying(kpi, ca), _carrying(kpi, cb))
        carrying = min(carried)
        # a period's posts, or those that carry the KPI, too few for an interval (§5.1); a
        # KPI no post of a period carries has no value there, so no direction either (the
        # reach of 7 LinkedIn posts read "direction only" beside no figure)
        direction_only = kpi != "posts" and 0 < carrying and (few or carrying < MIN_POSTS)
        tested = kpi != "posts" and not direction_only and carrying > 0
        if tested:
            # the median's interval is the plain percentile one (n None, see _ci)
            ci = _ci(_stat(kpi, ca, ia), _stat(kpi, cb, ib), scale,
                     None if kpi in _MEDIANS else carrying)
        method = ("exact count" if kpi == "posts"
                  else _OTHER_MEASURE.format(measure=carried_by(kpi))
                  if not max(carried) and _carried_unrated(kpi, ca, cb)
                  else _NONE_CARRY if not carrying
                  else "direction only" if few
                  else _few_carry(kpi, carried, (a, b), cov, measures)
                  if direction_only
                  else "bootstrap over posts")
        fit = (_model_ci(kpi, a, b, scale)
               if model and kpi in _MODEL_KPIS and tested else (np.nan, np.nan))
        if not np.isnan(fit[0]):
            method += ("; Poisson GLM interval (period indicator, log exposure offset;"
                       " jackknife SE, t quantile)")
        row = _row(kpi, kind, va, vb, ci, scale, len(a), len(b), direction_only,
                   method, *days, carried)
        row["model_ci_low"], row["model_ci_high"] = fit
        missing = tested and (np.isnan(ci[0])
                              or (model and kpi in _MODEL_KPIS and np.isnan(fit[0])))
        alone = {side: share for side, cols in (("current", ca), ("previous", cb))
                 if missing and not np.isnan(share := _lone_post(kpi, cols))}
        for side, share in alone.items():
            lone[side] = max(share, lone.get(side, 0.0))
            row["method"] += _LONE_METHOD.format(
                what="model interval" if pd.notna(ci[0]) else "interval",
                period=(cov.cur, cov.prev)[side == "previous"].label)
        rows.append(row)
    return rows, lone


#: the ``method`` of a row whose interval is missing because one post holds all the
#: interactions of the posts it rests on (:func:`_lone_post`)
_LONE_METHOD = ("; no {what}: one post of {period} holds all the interactions of the posts "
                "carrying this KPI")


def _lone_post(kpi: str, cols: _Columns) -> float:
    """The share of the period's interactions (all its posts) of the post that holds all the
    interactions of the posts the KPI's intervals rest on (two or more: those of
    :func:`_carrying`); NaN when no post does.

    Without that post nothing is left: the jackknife's log rate without it is log 0, so the
    model interval has no value (:func:`_log_rate`), and a previous period's resamples
    without it (a third of them) divide by 0, so the bootstrap has none either. The table
    showed "–" with no word of why. The share is of all the period's posts: a post holding
    all the interactions of the 4 posts with reach may hold 97 % of the period's."""
    y = cols.take("interactions", None)
    known = ~np.isnan(y)
    if kpi in _RATE_KPIS:
        known = _rate_known(y, cols.take(_rated(kpi), None))
    on = y[known]
    if len(on) < 2 or not on.sum() > 0 or on.sum() != on.max():
        return np.nan
    return float(on.max() / np.nansum(y))


def _few_carry(kpi: str, carried: tuple[int, int], frames: tuple[pd.DataFrame, pd.DataFrame],
               cov: _Coverage, measures: dict[str, str]) -> str:
    """The ``method`` of a KPI shown as direction only because few posts carry it
    (:data:`_FEW_CARRY`; a rate's, :data:`_FEW_RATED`, naming the platforms it pools there),
    with the counts of the period that has the fewest (the current one on a tie) of its
    posts (``frames``: the current and previous ones)."""
    side = int(carried[1] < carried[0])
    rated = rate_platforms(kpi, measures, _posting(frames[side]))
    return (_FEW_RATED if rated else _FEW_CARRY).format(
        measure=carried_by(kpi), k=carried[side], n=len(frames[side]),
        period=(cov.cur, cov.prev)[side].label, min=MIN_POSTS, platforms=", ".join(rated))


def _posting(posts: pd.DataFrame) -> frozenset[str]:
    """The platforms of ``posts``, a period's (:attr:`Comparison.posting`)."""
    return frozenset(posts["platform"].fillna("unknown"))


def rate_platforms(kpi: str, measures: dict[str, str],
                   posting: frozenset[str] | None = None) -> list[str]:
    """The platforms whose posts a rate KPI pools, in order: those of ``measures``
    (:attr:`Comparison.rate_measures`) rated by its measure; none for a KPI that is no rate.
    With ``posting`` (:attr:`Comparison.posting`), those with posts in that period only: the
    measures are decided over both periods, and a sentence of one period named TikTok in
    October 2025, its data starting in November."""
    if kpi not in _RATE_KPIS:
        return []
    return sorted(p for p, m in measures.items()
                  if m == _RATE_KPIS[kpi] and (posting is None or p in posting))


def _unknown_sides(rows: list[dict], cov: _Coverage) -> None:
    """Set unknown (not 0) the figures the data do not cover: the previous period, the current
    one, the platform's; each row's ``method`` says why."""
    platform = cov.platform
    if not cov.covered:      # GA4's KPIs when GA4 does not cover it either
        _unknown([r for r in rows if not (cov.web_prev and r["kpi"] in _GA4_KPIS)],
                 ("previous",), "previous period not covered by the data")
    if cov.outside:
        # the previous period too when it is outside the data as well (October against
        # November, when the data stop in September): not 0
        beyond = ((cov.stop is not None and cov.prev.start > cov.stop)
                  or (cov.start is not None and cov.prev.end < cov.start))
        _unknown(rows, ("current", "previous") if beyond else ("current",),
                 "period not covered by the data")
    if cov.absent:
        _unknown(rows, ("current", "previous"), f"no {platform} data" if platform is not None
                 else "no data")
    if cov.mine:
        # the previous period too when it is after the platform's last day (October, when X
        # stops in September and November is asked): X's figures there are not 0
        sides = ("current", "previous") if cov.prev.start > cov.last else ("current",)
        _unknown([r for r in rows if r["kpi"] not in _GA4_KPIS], sides,
                 f"period not covered by the {platform} data")


def _table(rows: list[dict]) -> pd.DataFrame:
    """:class:`Comparison`'s ``table`` of ``rows``: its columns in order, nullable dtypes."""
    table = pd.DataFrame(rows, columns=["kpi", "kind", "current", "previous", "change_abs",
                                        "change_pct", "change_pp", "ci_low", "ci_high",
                                        "model_ci_low", "model_ci_high", "basis", "days_current",
                                        "days_previous", "n_current", "n_previous",
                                        "n_kpi_current", "n_kpi_previous", "direction",
                                        "direction_only", "method"])
    return table.astype({"kpi": "string", "kind": "string", "basis": "string",
                         "direction": "string", "method": "string",
                         "direction_only": "boolean", "days_current": "Int64",
                         "days_previous": "Int64", "n_current": "Int64", "n_previous": "Int64",
                         "n_kpi_current": "Int64", "n_kpi_previous": "Int64",
                         **{c: "Float64" for c in ("current", "previous", "change_abs",
                                                   "change_pct", "change_pp", "ci_low",
                                                   "ci_high", "model_ci_low",
                                                   "model_ci_high")}})


def _table_caveats(ds, table: pd.DataFrame, a: pd.DataFrame, b: pd.DataFrame,
                   cov: _Coverage, absent: dict[str, dict[str, list[str]]],
                   lone: dict[str, float], fds=None) -> list[str]:
    """The caveats read from the posts and the table: the measures no post of a period
    carries, the format, platform and denominator mix, a top post and the intervals a lone
    post left out (``lone``: see :func:`_post_rows`), the platforms net followers leave out
    (``absent``: see :func:`_followers_absent`), a record before a fall, and the multiple
    intervals. ``fds``: ``ds`` with the follower rows net followers pool
    (:func:`_declared_followers`)."""
    cur, prev, platform = cov.cur, cov.prev, cov.platform
    fds = ds if fds is None else fds
    caveats = _none_carry_caveats(table, cov)
    caveats += _mix_caveats(a, b, cur, prev, platform)
    caveats += _denominator_caveats(a, b, cur, prev, platform)
    caveats += _age_caveats(a, b, cur, prev)
    caveats += _range_caveats(a, b, cur, prev)
    caveats += _top_post_caveat(a, b, cur, prev, lone)
    # a sentence, as the other caveats are: its report bullet had no final full stop
    caveats += [unknown_interactions_note(k, len(posts), period=p.label) + "."
                for p, posts in ((cur, a), (prev, b))
                if (k := int(posts["interactions"].isna().sum()))]
    caveats += _followers_caveats(ds, table, platform)    # its rows: not "no figures"
    caveats += _followers_absent_caveats(fds, table, cov, absent)
    caveats += _followers_like_for_like(fds, table, cov, absent)
    # a record before a fall says why it may be no slump; before a rise, it said "some
    # fall-back is expected" of interactions up 27 %
    if (table.loc[table["kpi"] == "interactions", "direction"] == "down").any():
        caveats += _record_caveat(ds, cov, b)
    if cov.covered:
        caveats.append("Intervals are 95% bootstrap intervals; across this many KPIs, one or "
                       "two may exclude zero by chance alone.")
    return caveats


def _none_carry_caveats(table: pd.DataFrame, cov: _Coverage) -> list[str]:
    """One caveat a measure (:func:`carried_by`) that no post of a period with posts carries:
    its KPIs read "–" there, the method :data:`_NONE_CARRY`, and no sentence said why.
    Instagram asked alone, whose posts carry views and no impressions, read impressions "–"
    against "–". A period without posts is said by the few posts' caveat, and one whose posts
    are unknown by its own."""
    said: dict[str, list[str]] = {}
    rows = (table["method"] == _NONE_CARRY).to_numpy()
    if not rows.any():          # the usual case: no frame taken, no rows iterated
        return []
    for r in table.loc[rows].itertuples(index=False):
        said.setdefault(carried_by(r.kpi), [
            p.label for p, n, k in ((cov.cur, r.n_current, r.n_kpi_current),
                                    (cov.prev, r.n_previous, r.n_kpi_previous))
            if pd.notna(n) and n > 0 and k == 0])
    return [f"No {cov.whose}post of {' or '.join(labels)} carries {measure}: the totals and "
            f"rates of that metric are unknown, not 0, and not compared."
            for measure, labels in said.items() if labels]


def _followers_caveats(ds, table: pd.DataFrame, platform: str | None) -> list[str]:
    """The platforms net followers leave out, each with why, when the table has a figure of
    them: the sample's -150 against September left out LinkedIn and YouTube unsaid."""
    row = table.loc[(table["kpi"] == "followers_net").to_numpy()]
    if row.empty or row[["current", "previous"]].isna().all(axis=None):
        return []
    return [f"Net followers leave out {p}: no export of it was found." if why == NOT_FOUND
            else f"Net followers leave out {p}: its exports {why}."
            for p, why in followers_left_out(ds, platform or "all").items()]


def _declared_followers(ds, cov: _Coverage) -> tuple[object, list[str]]:
    """All platforms pooled: ``ds`` without the follower rows of the platforms brand.yaml's
    accounts leave out (:func:`~smmanalytics._actuals.undeclared_followers`), as the net
    followers goal pools them, and a caveat naming those with rows on the days compared;
    ``ds`` and none for one platform, or when brand.yaml names no account. X's follows,
    kept after the brand dropped it, were in compare()'s net followers (−412) and not in
    the goal's (−330) of the same month, with no word."""
    undeclared = undeclared_followers(ds) if cov.platform is None else {}
    if not undeclared:
        return ds, []
    sides = [p for p in (cov.cw, cov.pw) if p is not None]
    named = [p for p, (first, last) in undeclared.items()
             if any(first <= s.end and last >= s.start for s in sides)]
    return without_followers_of(ds, list(undeclared)), [
        f"Net followers leave out {p}: not one of brand.yaml's accounts." for p in named]


def _followers_absent(ds, cov: _Coverage) -> dict[str, dict[str, list[str]]]:
    """All platforms pooled: the platforms net followers leave out of each side's days
    (:func:`~smmanalytics._actuals.followers_absent_in`), keyed ``"current"`` and
    ``"previous"``; empty for one platform. The net followers row and the caveats both read
    them: found once, the two sides together, instead of four times (70 ms each on the
    sample)."""
    if cov.platform is not None:
        return {}
    current, previous = followers_absent_in_each(ds, "all", [(cov.cw.start, cov.cw.end),
                                                              (cov.pw.start, cov.pw.end)])
    return {"current": current, "previous": previous}


def _followers_unknown_side(ds, row: dict, cov: _Coverage) -> list[str]:
    """The caveats of the sides of the net followers ``row`` known on no day, and its
    ``method`` saying so. Follows exported for October alone read October's 124 against "–",
    with no word, and "no daily follower data" of a row with a figure. Data holding no net
    follower figure at all read "–" against "–" with no word either: one caveat says so
    (:func:`_followers_none`). A side the data do not cover at all is said by its own
    caveat."""
    if cov.said_whole:
        return []
    if pd.isna(row["current"]) and pd.isna(row["previous"]):
        none = _followers_none(ds, cov)
        if none:
            return [none]
    sides = cov.compared()
    unknown = [side for side in sides if pd.isna(row[side])]
    if unknown:
        _unknown([row], tuple(unknown), "no follower figure known on any day of "
                 + " or ".join(sides[side].label for side in unknown))
    return [f"No {cov.whose}follower figure is known on any day of {sides[side].label}: its "
            f"net followers are unknown, not 0, and not compared." for side in unknown]


def _followers_none(ds, cov: _Coverage) -> str | None:
    """The caveat of data holding no net follower figure of ``cov.platform`` (of any
    platform) on any day, None when they hold one: no follower export at all, exports
    counting new followers only (the row's method names them, :func:`_no_followers_net`), or
    daily exports that could not be read and may hold them: Facebook's follows file damaged,
    "The data hold no facebook follower figures" denied the export there, unread (as GA4's
    sides say theirs, :func:`_web_unknown_caveat`). All platforms pooled alike: every follows
    file unread, "The data hold no follower figures" stood beside the goals' "no follower
    figures in the files that could be read"."""
    platform = cov.platform or "all"
    if metric_daily(ds, "followers_net", platform, cov.start, cov.stop).notna().any():
        return None
    unread = unread_exports(ds, platform, kind="daily")
    if unread:
        return (f"The {cov.whose}follower figures are unknown: "
                f"{could_not_be_read(ds, unread)}; net followers are not compared.")
    new_only = followers_net_unknown(ds, platform)
    if new_only:
        return (f"The data hold no net follower figures: the {', '.join(new_only)} exports "
                f"count new followers only, so net followers are not compared.")
    return f"The data hold no {cov.whose}follower figures: net followers are not compared."


def _unread_followers_unknown(ds, row: dict, absent: dict[str, dict[str, list[str]]],
                              cov: _Coverage) -> list[str]:
    """All platforms pooled: a side of the net followers ``row`` unknown where a platform is
    left out of it because its export of those days could not be read (``absent``: see
    :func:`_followers_absent`), and the caveat of each such side. Facebook's September export
    failing, September's 1,145 (Instagram's alone) stood against August's 1,135 of both:
    +4.2 %, as a goal of 1,200 read "missed" where the brand's 1,227 met it. Its "–" then had
    its reason in the row's method alone."""
    caveats = []
    for side, period in (("current", cov.cur), ("previous", cov.prev)):
        unread = {p: files for p, files in absent[side].items() if files}
        if unread and pd.notna(row[side]):
            _unknown([row], (side,), "; ".join(f"{p} left out: {could_not_be_read(ds, files)}"
                                               for p, files in unread.items()))
            files = [f for fs in unread.values() for f in fs]
            caveats.append(f"Net followers of {period.label} unknown, not 0: "
                           f"{could_not_be_read(ds, files)}.")
    return caveats


def _followers_absent_caveats(ds, table: pd.DataFrame, cov: _Coverage,
                              absent: dict[str, dict[str, list[str]]]) -> list[str]:
    """All platforms pooled: the platforms net followers leave out of one period, though their
    follower figures are known on other days (``absent``: see :func:`_followers_absent`),
    each with why, on a side the table has a figure of. Facebook's follows of October in an
    export that could not be read: October's net followers were Instagram's alone, against
    September's of both, and no caveat said so."""
    if cov.platform is not None:        # one platform: its own figure is unknown, and said
        return []
    row = table.loc[(table["kpi"] == "followers_net").to_numpy()]
    caveats = []
    for side, label in (("current", cov.cur.label), ("previous", cov.prev.label)):
        if row.empty or pd.isna(row[side].iloc[0]):
            continue
        caveats += [f"Net followers of {label} leave out {p}: "
                    + (f"{could_not_be_read(ds, files)}." if files
                       else "its exports of that period give no follower figures.")
                    for p, files in absent[side].items()]
    return caveats


def _followers_like_for_like(ds, table: pd.DataFrame, cov: _Coverage,
                             absent: dict[str, dict[str, list[str]]]) -> list[str]:
    """All platforms pooled: the net followers of the platforms known in both periods, when
    one period has no follower figure of a platform the other has (``absent``: see
    :func:`_followers_absent`), and their change. The row keeps each period's own total (the
    goals' and key figures'), which such a platform's absence moves: Q4 2025's 2,550 with
    TikTok from November against Q3 2025's 493 without it read +68.7 % a day, where
    Facebook, Instagram and X alone rose 15.0 % (1,739 against 493)."""
    row = table.loc[(table["kpi"] == "followers_net").to_numpy()]
    if (cov.platform is not None or row.empty
            or row[["current", "previous"]].isna().any(axis=None)):
        return []
    out = set(absent["current"]) ^ set(absent["previous"])
    if not out:
        return []
    xa, xb = (_np(followers_net_without(ds, out, p.start, p.end).dropna())
              for p in (cov.cw, cov.pw))
    if not len(xa) or not len(xb):
        return []
    days_a, days_b = _known_count(xa, cov.cw), _known_count(xb, cov.pw)
    scale = days_a / days_b if (days_a, days_b) != (cov.cw.days, cov.pw.days) else cov.scale
    va, vb = float(xa.sum()), float(xb.sum())
    r = _row("followers_net", "total", va, vb, (np.nan, np.nan), scale, len(xa), len(xb),
             False, "", days_a, days_b)
    text = (f"Like for like, without {', '.join(sorted(out))}: {va:,.0f} net followers in "
            f"{cov.cur.label} against {vb:,.0f} in {cov.prev.label}")
    if pd.isna(r["change_pct"]):
        return [f"{text}."]
    return [f"{text}, {r['change_pct']:+.1%}" + (" a day." if r["basis"] == "per day" else ".")]


def _known_count(x: np.ndarray, p: Period) -> int:
    """The days a side of net followers is compared over: those known (``x``, its known
    days' figures), when some of ``p``'s are not."""
    return len(x) if 0 < len(x) < p.days else p.days


def _span(start: dt.date, end: dt.date) -> Period:
    """The days from ``start`` to ``end``, labelled ``START..END``."""
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")


def _first_days(p: Period, days: int) -> Period:
    """The first ``days`` days of ``p`` (all of them when it is shorter)."""
    return _span(p.start, min(p.end, p.start + dt.timedelta(days=days - 1)))


def _matching_days(p: Period, cur: Period, last: dt.date) -> Period:
    """The days of ``p`` that match those of ``cur`` up to ``last``: the same calendar days.

    When both start on the 1st of a month and ``p`` is whole months (a month, quarter, year,
    or months of a range), ``last`` moved back by as many months as ``p`` starts before
    ``cur``: 2025 up to 31 March is compared with 2024 up to 31 March (91 days; counting 90
    days ended on 30 March, the leap day taking one). The last day of a month matches the
    last day of the other month (up to 28 February 2025: up to 29 February 2024; up to 30 April:
    up to 31 January); another day its own day of the month, or the month's last day when that
    month is shorter (29 February 2024 and 28 February 2024 are both 28 February 2023). Any
    other period: its first days, as many as ``cur``'s up to ``last``.
    """
    months = whole_months(p.start, p.end)
    if cur.start.day != 1 or months is None:
        return _first_days(p, (last - cur.start).days + 1)
    back = (cur.start.year - p.start.year) * 12 + cur.start.month - p.start.month
    year, month = divmod(last.year * 12 + last.month - 1 - back, 12)
    end = month_end(year, month + 1)
    if last != month_end(last.year, last.month):
        end = end.replace(day=min(last.day, end.day))
    return _span(p.start, min(p.end, end))


def _row(kpi, kind, va, vb, ci, scale, na, nb, direction_only, method, cur_days,
         prev_days, carried: tuple | None = None) -> dict:
    """A row of the table; ``carried``: the posts of each side carrying the KPI (its
    ``n_kpi_*``), ``(na, nb)`` when None (a daily KPI's days, all with data)."""
    ka, kb = (na, nb) if carried is None else carried
    va = float(va) if va is not None else np.nan
    vb = float(vb) if vb is not None else np.nan
    with np.errstate(all="ignore"):
        pct = va / (vb * scale) - 1 if vb and not np.isnan(vb) else np.nan
    if vb <= 0 or va < 0:        # net flows: a percent across a sign change means nothing
        pct, ci = np.nan, (np.nan, np.nan)
        if not np.isnan(va) and not np.isnan(vb):
            method += "; no percent change (previous value not positive or sign change)"
    pct = 0.0 if abs(pct) < 1e-12 else pct            # per-day rounding noise
    per_day = kind == "total" and scale != 1
    diff = (va - vb * scale) / cur_days if per_day else va - vb
    tol = 1e-9 * max(abs(va), abs(vb), 1e-300) if not np.isnan(diff) else 0.0
    direction = (None if np.isnan(diff) else "up" if diff > tol else "down" if diff < -tol
                 else "flat")
    return {"kpi": kpi, "kind": kind, "current": va, "previous": vb,
            "change_abs": 0.0 if direction == "flat" else diff,
            "change_pct": pct, "change_pp": (va - vb) * 100 if kind in ("rate", "median")
            else np.nan, "ci_low": ci[0], "ci_high": ci[1],
            "basis": "per day" if per_day else "period",
            "days_current": cur_days, "days_previous": prev_days,
            "n_current": na, "n_previous": nb, "n_kpi_current": ka, "n_kpi_previous": kb,
            "direction": direction,
            "direction_only": direction_only, "method": method}


def _unknown(rows: list[dict], sides: tuple[str, ...], method: str) -> None:
    """Set the figures of ``sides`` (``current``, ``previous``) of every row unknown, with
    the changes and intervals that depend on them, and say why in ``method``."""
    for row in rows:
        row.update(dict.fromkeys((*sides, "change_abs", "change_pct", "change_pp", "ci_low",
                                  "ci_high", "model_ci_low", "model_ci_high"), np.nan),
                   **{f"{n}_{side}": pd.NA for side in sides for n in ("n", "n_kpi")},
                   direction=None,
                   direction_only=False, method=method)


def _web_uncovered(ds, cov: _Coverage, runs: tuple[list, list]
                   ) -> dict[str, tuple[Period, list[str]]]:
    """The sides (``current``, ``previous``), each with its days compared and the GA4 exports
    that could not be read and may hold them (:func:`~smmanalytics._actuals.web_unread`),
    that no GA4 export read covers on any day (``runs``, of :func:`covered_runs`, per side):
    their GA4 KPIs are unknown, not 0. September's GA4 export missing, October's sessions
    stood against "–" and no sentence said why: a client reads "no social traffic". A side
    the data do not cover at all, or a platform they do not hold, is said by its own caveat;
    data without any GA4 rows nor any GA4 export left unread (a brand with no GA4) have no
    side to single out."""
    if cov.said_whole or (ds.web.empty and not unread_exports(ds, web=True)):
        return {}
    return {side: (days, web_unread(ds, days.start, days.end))
            for side, days in cov.compared(web=True).items() if not runs[side == "previous"]}


def _web_unknown_caveat(ds, days: Period, files: list[str]) -> str:
    """The caveat of a side no GA4 export read covers (of :func:`_web_uncovered`): the
    exports of its days that could not be read (``files``), or that none covers it."""
    if files:
        return f"GA4 KPIs of {days.label} unknown, not 0: {could_not_be_read(ds, files)}."
    return (f"No GA4 export covers {days.label}: its GA4 KPIs are unknown, not 0, and not "
            f"compared.")


def _web_unknown(ds, rows: list[dict], unweb: dict[str, tuple[Period, list[str]]]) -> None:
    """Set unknown the sides of the GA4 KPIs' ``rows`` no GA4 export read covers (``unweb``,
    of :func:`_web_uncovered`), their ``method`` saying why after how the other side was read
    ("GA4 period totals, no interval; no GA4 export covers 2026-09", "…; GA4 of 2026-09 unknown: 1
    export could not be read (…)")."""
    uncovered = [days.label for days, files in unweb.values() if not files]
    whys = [f"GA4 of {days.label} unknown: {could_not_be_read(ds, files)}"
            for days, files in unweb.values() if files]
    why = "; ".join(whys + ([f"no GA4 export covers {' or '.join(uncovered)}"]
                            if uncovered else []))
    for row in (r for r in rows if unweb and r["kpi"] in _GA4_KPIS):
        _unknown([row], tuple(unweb), why if len(unweb) == 2 else f"{row['method']}; {why}")


#: the caveat of data without any GA4 row: the GA4 KPIs read "–" on both sides
NO_GA4_CAVEAT = ("The data hold no GA4 export: social sessions, key events and revenue are not "
                 "compared.")


def _web_none(ds, cov: _Coverage) -> list[str]:
    """The caveat of data holding no GA4 row (a brand without GA4): its three GA4 KPIs read
    "–" against "–", the method "no GA4 data", and no sentence said why, where a side no GA4
    export covers has its own (:func:`_web_uncovered`, which has no side to single out
    here). Data whose GA4 exports could not be read hold GA4 all the same: each side says
    so (:func:`_web_unknown_caveat`; all 14 of the sample damaged read "The data hold no GA4
    export"). Data not covering the period, or without the platform asked, say so of every KPI
    in their own caveat."""
    if cov.said_whole or not ds.web.empty or unread_exports(ds, web=True):
        return []
    return [NO_GA4_CAVEAT]


def _web_days(runs: list[tuple[dt.date, dt.date]], p: Period) -> tuple[int, str | None]:
    """The days of ``p`` the GA4 exports' date ranges cover (``runs``, of
    :func:`covered_runs`), and the caveat saying that its GA4 KPIs are compared per covered
    day when that is some of them only (None when all, or none: a side GA4 does not cover is
    unknown, not compared; the caller adds the caveat only when both sides are covered).

    A GA4 export stopping on 15 November read €1,500 over all of November's 30 days against
    October's €5,100 over 31: -69.6 %, where per covered day €100.00 against €164.52 is
    -39.2 %. Per-day normalisation is the method's own for periods of unlike lengths
    (benchmarks-methods.md 5.1), as for net followers known on some days only.
    """
    days = sum((b - a).days + 1 for a, b in runs)
    if days in (0, p.days):
        return p.days, None
    what = "its sessions, key events and revenue are compared per covered day."
    if len(runs) == 1:
        (a, b), = runs
        if days == 1:
            return days, (f"GA4 data cover 1 of the {p.days} days of {p.label} "
                          f"({a.isoformat()}): {what}")
        return days, (f"GA4 data cover {p.label} from {a.isoformat()} to {b.isoformat()} only "
                      f"({days} of {p.days} days): {what}")
    return days, f"GA4 data cover {days} of the {p.days} days of {p.label}: {what}"


def _daily_row(ds, kpi, platform, cur, prev, rng, n_boot, scale, web_days=None) -> dict:
    """The row of a KPI summed from daily figures, with ``caveats`` (a list, to be popped):
    when net followers are known on some days only of ``cur`` or ``prev``, its totals are
    compared per known day, and a caveat names the days. The GA4 KPIs are compared per day
    of ``web_days`` (the days of ``cur`` and ``prev`` GA4's exports cover, of
    :func:`_web_days`; all when None); read from period totals spanning beyond a side, they
    are prorated by day, which the method and a caveat say."""
    sa = metric_daily(ds, kpi, platform, cur.start, cur.end).dropna()
    sb = metric_daily(ds, kpi, platform, prev.start, prev.end).dropna()
    xa, xb = _np(sa), _np(sb)
    # net followers to 10 March, posts to the 31st: March's 10 days (44) against all of
    # February (134) read −70 %; per known day, 4.4 against 4.8. A side known on no day is
    # unknown. GA4 writes no row for a day without visits: its days without rows are no
    # unknown days: they count among the days its exports' date ranges cover
    gaps = kpi == "followers_net"
    days_a = _known_count(xa, cur) if gaps else cur.days
    days_b = _known_count(xb, prev) if gaps else prev.days
    if not gaps and web_days is not None:       # GA4's own days (its caveat said once)
        days_a, days_b = web_days
    if (days_a, days_b) != (cur.days, prev.days):
        scale = days_a / days_b
    caveats = [f"{known_days_note(kpi, known.index, p.days, p.label)}: compared per known day."
               for known, p, days in ((sa, cur, days_a), (sb, prev, days_b))
               if gaps and days < p.days]
    if gaps:        # whose days are missing from the brand's total (known when all are)
        caveats += [f"{gap}." for p in (cur, prev)
                    for gap in followers_gaps(ds, platform, p.start, p.end, p.label)]
    va = float(xa.sum()) if len(xa) else np.nan
    vb = float(xb.sum()) if len(xb) else np.nan
    # the days with data; a side read from period totals has none to count (unknown)
    na, nb = len(xa), len(xb)
    prorated = []       # the sides whose period totals span beyond them
    if kpi != "followers_net" and (np.isnan(va) or np.isnan(vb)):
        # GA4 exported as period totals (no date column): totals only, prorated by day
        if np.isnan(va):
            va = actual(ds, kpi, platform, cur.start, cur.end)
            na = 0 if np.isnan(va) else pd.NA
            prorated += [cur] if not np.isnan(va) and _ga4_prorated(ds, cur) else []
        if np.isnan(vb):
            vb = actual(ds, kpi, platform, prev.start, prev.end)
            nb = 0 if np.isnan(vb) else pd.NA
            prorated += [prev] if not np.isnan(vb) and _ga4_prorated(ds, prev) else []
    caveats += [_GA4_PRORATED.format(period=p.label) for p in prorated]
    ci, crossing = (np.nan, np.nan), False
    if len(xa) >= 7 and len(xb) >= 7:
        da = xa[rng.integers(0, len(xa), (n_boot, len(xa)))].sum(axis=1)
        db = xb[rng.integers(0, len(xb), (n_boot, len(xb)))].sum(axis=1)
        # net follows: a percent change is defined only over a positive base and a current
        # value of the same sign (:func:`_row`); resamples that cross read as falls of 296 %
        # (6 against 595 gave -296 % … +72 %), and dropping them would bias the interval
        crossing = kpi == "followers_net" and not ((db > 0).all() and (da >= 0).all())
        if not crossing:
            ci = _ci(da, db, scale, min(len(xa), len(xb)))
    method = ("bootstrap over days" if not np.isnan(ci[0])
              else "no percent interval (resampled net follows reach 0 or below)" if crossing
              else "no interval (fewer than 7 days)" if len(xa) and len(xb)
              # followers have daily rows or nothing; GA4 may have period totals only
              else _no_followers_net(ds, platform) if kpi == "followers_net"
              else "no GA4 data" if np.isnan(va) and np.isnan(vb)
              else "GA4 period totals prorated by day, no interval" if prorated
              else "GA4 period totals, no interval")
    row = _row(kpi, "total", va, vb, ci, scale, na, nb, False, method, days_a, days_b)
    if prorated:
        # 2 October against 1 October, each 1/31 of October's one GA4 total, read "0.0 %",
        # a change no data measured: unknown, and the caveat says why
        row.update(change_abs=np.nan, change_pct=np.nan, direction=None)
        caveats.append(_GA4_NO_CHANGE[len(prorated) == 2].format(
            period=cur.label if cur in prorated else prev.label, previous=prev.label))
    return {**row, "caveats": caveats}


#: the caveat of a side whose GA4 figures are a share of period totals spanning beyond it
_GA4_PRORATED = ("GA4 exports period totals only (no daily rows), which span beyond {period}: "
                 "its sessions, key events and revenue are prorated by day from them "
                 "(an estimate).")


#: the caveat of a comparison one side (False) or both (True) of whose GA4 figures are prorated
_GA4_NO_CHANGE = {
    False: "GA4's figures of {period} are only a share of longer period totals: their change "
           "against the other period cannot be measured (–).",
    True: "GA4's figures of {period} and of {previous} are only shares of longer period "
          "totals: their change cannot be measured (–)."}


def _ga4_prorated(ds, p: Period) -> bool:
    """Whether the GA4 figures of ``p`` are prorated by day from rows spanning beyond it (the
    first half of October read from October's monthly totals: 6,532 sessions × 15 / 31 =
    3,160.6), as roi() notes ("GA4 rows span beyond …: prorated by day"). The comparison
    gave such figures with no word, as if counted."""
    return any(code == "ga4_prorated" for code, _ in social_traffic(ds, p)[1])


def _no_followers_net(ds, platform: str) -> str:
    """Why ``followers_net`` has no figure: daily rows of new followers with no unfollows
    (Instagram's ``follows``) read "no daily follower data", where the scorecard said that
    Instagram's exports count new followers only; the row now says the same."""
    unknown = followers_net_unknown(ds, platform)
    if unknown:
        return f"{', '.join(unknown)} exports count new followers only: net change unknown"
    return "no daily follower data"


def _platform_caveats(ds, cur: Period, prev: Period, cw: Period, pw: Period) -> list[str]:
    """All platforms pooled: a platform whose own data (posts and daily rows) reach one of the
    compared spans (``cw`` of ``cur``, ``pw`` of ``prev``) but not the other, or only part of
    it, is in one period's totals and not, or not wholly, in the other's: its absence moves
    the totals, which a caveat says (X's exports stopping in September: October's totals
    leave X out, September's include it).

    A platform's last post is no end of its data (an export of October holds no post of the
    29th to the 31st when none was published), its daily rows are, and so is the period its
    exports' names give (:meth:`Dataset.span` counts them): as for goals, a platform known by
    its posts alone is said to stop only before the current span, not within it."""
    def platforms(table: pd.DataFrame) -> set[str]:
        return set(table["platform"].dropna().astype("string").unique()) if len(table) else set()

    out = []
    for platform in sorted(platforms(ds.posts) | platforms(ds.daily)):
        first, last = ds.span(platform, web=False)
        if first is None:
            continue
        if pw.start <= last < cw.start:                  # in the previous span, not the current
            out.append(f"The {platform} data stop at {last.isoformat()}: the totals of "
                       f"{cur.label} leave it out while those of {prev.label} include it, so "
                       f"part of the change comes from its absence.")
        elif pw.end < first <= cw.end:                   # in the current span, not the previous
            out.append(f"The {platform} data start on {first.isoformat()}: the totals of "
                       f"{prev.label} leave it out while those of {cur.label} include it, so "
                       f"part of the change comes from its absence.")
        else:
            if cw.start <= last < cw.end and (
                    ds.span(platform, web=False, posts=False)[0] is not None):
                out.append(f"The {platform} data stop at {last.isoformat()}: the totals of "
                           f"{cur.label} include it up to that day only, so part of the change "
                           f"comes from its missing days.")
            if pw.start < first <= pw.end:
                out.append(f"The {platform} data start on {first.isoformat()}: the totals of "
                           f"{prev.label} include it from that day only, so part of the change "
                           f"comes from its missing days.")
    return out


def _mix(col: pd.Series) -> pd.Series:
    return col.fillna("unknown").value_counts(normalize=True)


def _mix_caveats(a, b, cur, prev, platform) -> list[str]:
    out = []
    if len(a) == 0 or len(b) == 0:
        return out
    for col, what in (("content_type", "format"), ("platform", "platform")):
        if col == "platform" and platform:
            continue
        ma, mb = _mix(a[col]), _mix(b[col])
        tv = 0.5 * ma.sub(mb, fill_value=0).abs().sum()
        if tv >= 0.2:
            shares = ", ".join(f"{k} {mb.get(k, 0):.0%}→{ma.get(k, 0):.0%}"
                               for k in sorted(set(ma.index) | set(mb.index)))
            out.append(f"The {what} mix changed between {prev.label} and {cur.label} ({shares}): "
                       f"a change in totals or rates may come from the mix (Simpson's paradox); "
                       f"compare within each {what}.")
    return out


#: a platform's share of a pooled denominator moving more than this between the periods
#: (a fraction: 0.20 = 20 percentage points) gets a caveat
DENOMINATOR_SHIFT = 0.20


def _denominator_shares(df: pd.DataFrame, den: str) -> pd.Series:
    """Each platform's share of Σ ``den`` over the posts that enter the pooled rate."""
    i, d = _np(df["interactions"]), _np(df[den])
    ok = ~np.isnan(i) & ~np.isnan(d) & (d > 0)
    if not ok.any():
        return pd.Series(dtype="float64")
    sums = pd.Series(d[ok]).groupby(df["platform"].fillna("unknown").to_numpy()[ok]).sum()
    return sums / sums.sum()


def _denominator_caveats(a, b, cur, prev, platform) -> list[str]:
    """All platforms pooled: a platform whose share of the reach, impressions or views moves by
    more than :data:`DENOMINATOR_SHIFT` drives the pooled rate (a platform whose posts reach
    many more people per interaction). The shares are of the posts of the platforms rated by
    that measure, which the sentence names: "YouTube made 100% of the views in 2025" read as
    false beside Facebook's and Instagram's views, 97% of them (their rates by reach, s57R1).

    A platform with no post in the rate in one period has no share there, not 0 %: "tiktok
    made 0% … in 2025-10", its data starting on 1 November, and "youtube made 100% … (tiktok,
    youtube) in 2025", TikTok absent, were not true of the data. Such a platform, when its
    coming or going moves the shares, is the one said, with its share where it has posts and
    "no data" in the other period (:func:`_one_sided_share`)."""
    out = []
    if platform or len(a) == 0 or len(b) == 0:
        return out
    for rate, den in _RATES.items():
        sa, sb = _denominator_shares(a, _rated(rate)), _denominator_shares(b, _rated(rate))
        if sa.empty or sb.empty:
            continue
        diff = sa.sub(sb, fill_value=0.0)
        moved = diff[diff.abs() > DENOMINATOR_SHIFT]
        if moved.empty:
            continue
        one_sided = moved[~moved.index.isin(sa.index.intersection(sb.index))]
        if not one_sided.empty:
            out.append(_one_sided_share(one_sided.abs().idxmax(), rate, (sa, cur), (sb, prev)))
            continue
        top = moved.abs().idxmax()
        rated = ", ".join(sorted(set(sa.index) | set(sb.index)))
        out.append(f"Posts on {top} made {sb[top]:.0%} of the {den} of the platforms rated by "
                   f"{den} ({rated}) in {prev.label} and {sa[top]:.0%} in {cur.label}: the "
                   f"pooled {rate} of these platforms moves with that share; compare within "
                   f"each platform.")
    return out


def _one_sided_share(top: str, rate: str, *sides: tuple[pd.Series, Period]) -> str:
    """The caveat of :func:`_denominator_caveats` on ``top``, a platform whose posts enter
    the pooled ``rate`` in one of the two periods only (``sides``: each period's shares and
    the period): its share where it has posts, among the platforms that have posts there,
    and "no data" in the other."""
    (shares, period), (_, other) = sorted(sides, key=lambda side: top not in side[0].index)
    den = _RATES[rate]
    return (f"Posts on {top} made {shares[top]:.0%} of the {den} of the platforms rated by "
            f"{den} ({', '.join(sorted(shares.index))}) in {period.label}, against no data in "
            f"{other.label}: the pooled {rate} of these platforms moves with that share; "
            "compare within each platform.")


#: the posts compared measured at markedly different ages in the two periods: the median
#: ages (days from publication to the export) differ by more than AGE_GAP_DAYS days and the
#: older is more than AGE_GAP_RATIO times the younger. The days keep a week's drift between
#: monthly exports unsaid; the ratio, a week's gap between posts a year old.
AGE_GAP_DAYS = 7.0
AGE_GAP_RATIO = 1.25


def _median_age(df: pd.DataFrame) -> float:
    """The median age in days at which the posts of ``df`` were measured (NaN when none has a
    snapshot time)."""
    age = _np(df["age_days"]) if len(df) else np.array([])
    age = age[~np.isnan(age)]
    return float(np.median(age)) if len(age) else np.nan


def _age_caveats(a, b, cur, prev) -> list[str]:
    """The posts compared of the two periods measured at markedly different ages
    (:data:`AGE_GAP_DAYS`, :data:`AGE_GAP_RATIO`; the medians of all the posts compared, of
    all platforms or of the one asked): their lifetime figures still grow, so the totals are
    not like for like. December's Instagram posts, 47 days old at their export against
    January's 26, made a reach of −28 % that is about −8 % at like ages; nothing was said.
    One sentence, not one a platform: a single export of every platform makes the previous
    period's posts older than the current one's on each (six sentences on the sample). No age
    adjustment is made: the caveat names both ages."""
    age_a, age_b = _median_age(a), _median_age(b)
    if np.isnan(age_a) or np.isnan(age_b):
        return []
    young, old = sorted((age_a, age_b))
    if not (old - young > AGE_GAP_DAYS and old > AGE_GAP_RATIO * young):
        return []
    return [f"The posts of {prev.label} were measured {age_b:.1f} days after publication "
            f"(median), those of {cur.label} {age_a:.1f} days after: lifetime figures (reach, "
            f"impressions, interactions) keep growing with a post's age, so part of the change "
            f"comes from the ages at measurement."]


#: what a caveat says of the posts compared whose YouTube Studio range does not hold their
#: whole life, by :func:`_post_frame`'s column: published before the range
#: (:func:`~smmanalytics._ranges.partial_life`: a September video in an October zip counted
#: October's views as its own, and its age as that of the export) or after it
#: (:func:`~smmanalytics._ranges.after_range`: a range chosen before the video existed, yet
#: listing it; aged to the range's end, a video of 5 October in a September zip read −4 days
#: old). The median ages leave both out.
_RANGE_CAVEATS = {
    "partial": ("published before the date range of their YouTube Studio export ({n}) carry "
                "that range's figures only, not their lifetime's: part of their engagement is "
                "not counted, and their age at measurement is unknown."),
    "after_range": ("published after the date range of their YouTube Studio export ({n}) have "
                    "no figures in that range: their engagement is not counted, and they have "
                    "no age at measurement."),
}


def _range_caveats(a, b, cur, prev) -> list[str]:
    """Per reason of :data:`_RANGE_CAVEATS` and period, how many of the posts compared have
    figures of a YouTube Studio range that does not hold their whole life."""
    return [f"Posts of {p.label} " + text.format(n=n)
            for col, text in _RANGE_CAVEATS.items()
            for df, p in ((b, prev), (a, cur))
            if (n := int(df[col].sum()) if len(df) else 0)]


#: the caveat of a period one of whose posts holds all the interactions of the posts an
#: interval rests on (:func:`_lone_post`): the interval shows "–" (the model's with one post of
#: 12 holding all of October's interactions, or any of a previous period's), and nothing said
#: why
_LONE_TOO = ("without it, the posts the intervals rest on have no interaction left, so those "
             "intervals are not computed.")
_LONE_CAVEAT = "One post holds {share} of the interactions of {period}: " + _LONE_TOO


def _top_post_caveat(a, b, cur, prev, lone: dict[str, float]) -> list[str]:
    """A period's top post with a quarter of its interactions or more; and, of a period in
    ``lone`` (see :func:`_post_rows`), the intervals its lone post left out, in the same
    sentence when that post is the top one (its share the same)."""
    out = []
    for df, p, side in ((a, cur, "current"), (b, prev, "previous")):
        i = _np(df["interactions"]) if len(df) else np.array([])
        i = i[~np.isnan(i)]
        share = i.max() / i.sum() if len(i) and i.sum() > 0 else 0.0
        alone = lone.get(side)
        top = (f"One post made {share:.0%} of the interactions of {p.label}: see "
               f"interactions_excl_top_post for the total without it")
        if alone is not None and alone == share:
            out.append(f"{top}; {_LONE_TOO}")
            continue
        if share >= 0.25:
            out.append(f"{top}.")
        if alone is not None:
            out.append(_LONE_CAVEAT.format(share=f"{alone:.0%}", period=p.label))
    return out


def _record_caveat(ds, cov: _Coverage, b: pd.DataFrame) -> list[str]:
    """Regression to the mean: the previous period beat each of up to 6 periods before it
    (each over the days matching the current ones, :func:`_matching_days`, when the data stop
    within the current period)."""
    prev, platform = cov.prev, cov.platform
    full = cov.pc is prev
    total = _np(b["interactions"]).sum() if len(b) else np.nan
    if not total > 0:
        return []
    earlier, p = [], prev
    day = dataset_post_dates(ds)
    if day.min() > pd.Timestamp(prev.start) - pd.Timedelta(days=1):
        return []
    for _ in range(6):
        p = p.previous()
        f = _post_frame(ds, p if full else _matching_days(p, cov.cur, cov.cw.end),
                        platform, day)
        if len(f):
            earlier.append(np.nansum(_np(f["interactions"])))
    if len(earlier) >= 3 and total > max(earlier):
        return [f"{prev.label} was a record ({total:,.0f} interactions, more than each of the "
                f"{len(earlier)} periods before it): some fall-back is expected (regression to "
                f"the mean)."]
    return []
