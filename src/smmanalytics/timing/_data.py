"""Preparing posts for the timing analysis: selection, exclusions, local time, designs.

Definitions
-----------
- Local time: ``published_at`` (UTC) converted to the audience zone ``tz`` with the IANA rules, so
  posts on both sides of a daylight-saving change land on their wall-clock hour.
- Day-precision posts (``time_precision == "day"``) carry a date stored at 00:00 of the source
  zone. The loaders use UTC, so a post stored at 00:00 UTC keeps that UTC date whatever ``tz``;
  otherwise (the source zone is not in the posts table) its local date is the calendar day
  nearest to the stored instant in ``tz`` (``floor(local + 12 h)``), right whenever the source
  and audience zones are less than 12 hours apart (:func:`~smmanalytics.periods.stored_days`,
  which ``post_dates`` reads too). They enter the weekday analysis only.
- Post age = when its figures were last counted (:func:`~smmanalytics._ranges.figures_end`:
  ``snapshot_at``, or the end of ``window_end``'s day for a date range's figures, YouTube
  Studio's, when earlier) ``- published_at``; where neither is known, the latest of the other
  posts (else the latest ``published_at``) is used (:func:`post_ages`). A post published
  before its figures' range starts (``window_start``) has only part of its life in them and
  no age: it is left out (``n_excluded["partial_figures"]``); one published after the
  range's last day has none of its life in them (its age is negative): left out too
  (``n_excluded["after_range"]``), not counted as too young.
- Week = whole weeks (Monday to Sunday, local) since the Monday of the first post's week.
- Trend = Legendre polynomials of the post's time scaled to [-1, 1], degree 1 to 3 (one degree
  per ~13 weeks of history, at most 3).
- Capped outcomes: a post that earned more than :data:`CAP_MULTIPLE` (10) times its
  platform/account's median post (engagement per exposure, over the posts with any) is
  counted at that cap by the whole analysis (the model, the test, the slots' lifts, the
  account's average they are measured against, the held-out window) and named in
  ``method["capped"]`` (:func:`cap_outliers`, which says why).
- Pace (``method["posts_per_week"]``) = the analysed posts other than stories over the weeks
  from the first's week to the last's: what a posting plan schedules at the feed's best
  times (``method["stories"]`` counts the stories left out of it).
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from .. import metrics
from .._args import platform_name
from .._ranges import after_range, figures_end, partial_life
from ..errors import ArgumentError, EmptyDataError, SchemaError
from ..periods import stored_days
from ..schema import canonical_order, canonical_platforms, column_or, utc_timestamps
from ._estimate import HOURS_OF_WEEK, MIN_POSTS

__all__ = ["prepare", "post_ages", "cap_outliers", "multiple_digits", "CAP_MULTIPLE", "controls",
           "pooled_groups", "slot_design", "activity_schedule", "N_SLOTS", "EXPOSURES",
           "MIN_EXPOSURE_SHARE", "MAX_GROUP_LEVELS", "OTHER_GROUPS"]

logger = logging.getLogger(__name__)

N_SLOTS = HOURS_OF_WEEK
#: the exposures best_times takes
EXPOSURES = ("followers", "reach", None)
#: the share of posts an exposure must be known for (positive) to measure engagement against it;
#: below it, the next of the chain (followers, then reach, then none: per post)
MIN_EXPOSURE_SHARE = 0.8
#: the posts' columns :func:`prepare` reads (besides the outcome)
_READ = frozenset(("published_at", "platform", "account_id", "snapshot_at", "window_start",
                   "window_end", "time_precision",
                   "content_type", "paid", "followers", "reach", "interactions",
                   *metrics.COMPONENTS))
#: the most platform/account levels the controls give their own column (:func:`pooled_groups`)
MAX_GROUP_LEVELS = 30
#: the level of the platform/accounts beyond them
OTHER_GROUPS = "other accounts"
#: a post earning more than this many times its account's median post is counted at that cap
#: (:func:`cap_outliers`)
CAP_MULTIPLE = 10
#: a capped post's multiple of its median is said whole from this many times up, with one
#: decimal below (:func:`multiple_digits`)
_WHOLE_MULTIPLE = 20
#: the columns of the kept posts that the frame :func:`prepare` returns is made of
_KEPT = frozenset(("published_at", "post_index", "content_type", "paid", "platform",
                   "account_id"))


def _local_parts(published: pd.Series, tz: str, day_only: np.ndarray) -> pd.DataFrame:
    """Local date (midnight), weekday and hour (-1 where ``day_only``) of ``published``
    (tz-aware, no NaT: the posts kept have a time)."""
    # wall-clock times in tz and in UTC, as datetime64 of published's unit; the day and hour
    # arithmetic is numpy's (floor to the day: a cast to days and back), each pandas step
    # took a few hundred microseconds on a platform's posts
    naive = published.dt.tz_convert(tz).dt.tz_localize(None).to_numpy()
    utc = published.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
    # a post known to the day only has the day it was stored as (the rule post_dates reads)
    date = np.where(day_only, stored_days(utc, naive), _floor_day(naive))
    days = date.astype("datetime64[D]").astype(np.int64)
    hour = ((naive - _floor_day(naive)) // np.timedelta64(1, "h")).astype(np.int32)
    return pd.DataFrame({
        "date": date,
        "weekday": ((days + 3) % 7).astype(np.int32),      # 1970-01-01 was a Thursday
        "hour": np.where(day_only, -1, hour),
    })


def _floor_day(t: np.ndarray) -> np.ndarray:
    """``t`` (datetime64) floored to midnight, in its own unit."""
    return t.astype("datetime64[D]").astype(t.dtype)


def joined(parts: list, sep: str = "|") -> np.ndarray:
    """The rows' values of ``parts`` (Series or arrays of one length, no missing value) as
    strings joined by ``sep``, an object array: what ``part0 + sep + part1 + ...`` of pandas
    string columns gives, but each distinct combination is joined once (pandas' string
    concatenation took as long as the rest of prepare's columns together on a platform's
    posts; Python strings joined row by row were three times slower than it on 100,000)."""
    n = len(parts[0])
    key = np.zeros(n, dtype=np.int64)
    factors = []
    for part in parts:
        codes, levels = pd.factorize(part, use_na_sentinel=False)
        key = key * max(len(levels), 1) + codes
        factors.append((codes, np.asarray(levels, dtype=object)))
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    labels = np.empty(len(first), dtype=object)
    labels[:] = [sep.join(str(levels[codes[i]]) for codes, levels in factors) for i in first]
    return labels[inverse.reshape(-1)] if n else np.empty(0, dtype=object)


def _exposure(df: pd.DataFrame, daily: pd.DataFrame | None, wanted: str | None,
              ok: np.ndarray) -> tuple[np.ndarray, str]:
    """Log exposure per post and the name of what was used (followers, reach or none)."""
    chain = {"followers": ["followers", "reach", None], "reach": ["reach", None], None: [None]}
    if wanted not in chain:
        raise ArgumentError("unknown exposure", argument="exposure", expected=f"one of {EXPOSURES}",
                            got=wanted)
    for name in chain[wanted]:
        if name is None:
            return np.zeros(len(df)), "none"
        if name == "followers":
            col = df["followers"] if "followers" in df.columns else metrics.followers_at(df, daily)
        else:
            col = column_or(df, "reach", np.nan)
        v = pd.to_numeric(col).astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        good = np.isfinite(v) & (v > 0)
        if ok.sum() and good[ok].mean() >= MIN_EXPOSURE_SHARE:
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.where(good, np.log(np.where(good, v, 1.0)), np.nan), name
    return np.zeros(len(df)), "none"


def prepare(posts: pd.DataFrame, tz: str, platform: str | None, daily: pd.DataFrame | None,
            outcome: str, exposure: str | None, min_age_days: float) -> tuple[pd.DataFrame, dict,
                                                                              dict]:
    """Select the posts to analyse and compute what the model needs.

    Returns
    -------
    (frame, n_excluded, method)
        ``frame`` has one row per post kept for the weekday analysis, with y, offset, weekday,
        hour (-1 when unknown), week, date, content, paid, group and ``post_index`` (row position
        in ``posts``). ``n_excluded`` counts the posts left out by reason; ``no_peer``, those
        the controls fit by themselves, the only post of a format, paid status or account
        (:func:`_no_peer`).
    """
    df, platform = _posts_to_read(posts, platform, outcome, exposure)
    method: dict = {"tz": tz, "platform": platform, "outcome": outcome}
    y = _outcome_values(df, outcome)
    day_only = _day_only(df)
    ok, log_exp, n_excluded, found = _exclusions(df, y, daily, exposure, min_age_days, day_only)
    method.update(found)
    keep = np.flatnonzero(ok)
    out = _post_frame(df, keep, y, log_exp, day_only, tz)
    alone = _no_peer(out)
    n_excluded["no_peer"] = int(alone.sum())
    n_excluded["day_precision"] -= int(day_only[keep][alone].sum())     # under its first reason
    out = out.loc[~alone].reset_index(drop=True)
    if out.empty:
        return out.assign(week=np.zeros(0, dtype=int), t=np.zeros(0)), n_excluded, method
    out["week"], out["t"] = _week_index(out["date"].to_numpy())
    out, method["capped"] = cap_outliers(out, df["published_at"].iloc[keep[~alone]], tz)
    method["cap_multiple"] = CAP_MULTIPLE
    method["weeks"] = int(out["week"].nunique())
    # the pace a posting plan keeps (calendar.plan_month's default): the posts it schedules.
    # Stories are analysed with the feed (a format among the controls) but not planned at its
    # window: counted, Instagram's 183 stories made its 428 feed posts' 7.0 a week 9.97, and
    # November's plan 43 feed posts, two an hour apart on several days
    story = out["content"].to_numpy() == "story"
    method["posts_per_week"] = float((~story).sum() / (int(out["week"].max()) + 1))
    method["stories"] = int(story.sum())
    method.update(_as_of(df, keep[~alone], out["date"].to_numpy()))
    return out, n_excluded, method


def cap_outliers(frame: pd.DataFrame, published: pd.Series, tz: str
                 ) -> tuple[pd.DataFrame, list[dict]]:
    """``frame`` (:func:`prepare`'s posts, ``published`` their ``published_at``) with each
    post's outcome ``y`` capped at :data:`CAP_MULTIPLE` times its platform/account's median
    post, and the posts capped, each as a dict: ``post_index``, ``local`` (its local time,
    ISO to the minute, or its date when known to the day only), ``y`` (what it earned),
    ``cap`` (what it is counted at) and ``multiple`` (``y`` over the median post).

    Why: every figure of the analysis is a ratio to a sum or a mean, and one viral post sets
    a mean. 254 posts where 18:00 reliably earned 2x 09:00 read "18:00-19:00, 1.32x"; one more
    post of 5,000 likes at Tue 21:00 (67x the median) raised the account's average by 26%,
    so 18:00 read 1.06x, the held-out halves holding it said no window held up, and its own
    slot read 48.6x. The median is what one post cannot move; the posts' median per exposure
    (engagement per follower, per person reached, or per post: ``y / exp(offset)``), over
    those with any engagement (an account of mostly zeros has a median of 0), times the
    post's own exposure is its typical figure. Capped at 10x it, a post adds at most 10 /
    n of the median to the mean (4% with 255 posts: 18:00 then reads 1.28x, and the window
    holds up), while a post of a real 2x slot exceeds 10x the median only in a very long
    tail (negative binomial k = 1.5, 35 a post: about 1 post in 170 of such a slot, which it
    then counts at 10x). A quantile cap (the 99th percentile) caps 1% of every account, viral
    post or not, and fails when 3 posts of 255 went viral. The posts capped are said in the
    result and the report, and a post without a median to compare with (no post of its
    account earned anything) is left as it is.
    """
    y = frame["y"].to_numpy(dtype=float)
    exposure = np.exp(frame["offset"].to_numpy(dtype=float))
    rate = pd.Series(y / exposure).where(lambda r: r > 0)
    median = rate.groupby(frame["group"].to_numpy()).transform("median").to_numpy() * exposure
    over = y > CAP_MULTIPLE * np.nan_to_num(median, nan=np.inf)
    if not over.any():
        return frame, []
    cap = CAP_MULTIPLE * median
    rows = np.flatnonzero(over)
    # the capped posts' local times only: Timestamps of every post took a second on 100,000
    local = published.iloc[rows].dt.tz_convert(tz).dt.strftime("%Y-%m-%dT%H:%M").tolist()
    capped = [{"post_index": int(frame["post_index"].iat[i]),
               "local": when if frame["hour"].iat[i] >= 0 else str(frame["date"].iat[i])[:10],
               "y": float(y[i]), "cap": float(cap[i]), "multiple": float(y[i] / median[i])}
              for i, when in zip(rows, local, strict=True)]
    return frame.assign(y=np.where(over, cap, y)), capped


def multiple_digits(multiple: float) -> int:
    """The decimals a capped post's ``multiple`` of its median is said with: one below
    :data:`_WHOLE_MULTIPLE` (20), none from there. Said whole, a post of 10.4x read "earned
    312, 10x the median: counted at 300 (10x the median)", as if capped at what it earned;
    from 20x the decimal tells nothing the cap does not."""
    return 0 if multiple >= _WHOLE_MULTIPLE else 1


def _as_of(df: pd.DataFrame, kept: np.ndarray, date: np.ndarray) -> dict:
    """How recent the analysed posts are, for a plan's version (calendar.ics_bytes): the
    last one's local day (``last_day``, ISO) and the latest moment their metrics were taken
    (``as_of``, a UTC ISO instant; absent when no post has a ``snapshot_at``). Both come from
    the data, not the clock: the same posts give the same plan, byte for byte."""
    found = {"last_day": pd.Timestamp(date.max()).date().isoformat()}
    snap = column_or(df, "snapshot_at", pd.NaT, "datetime64[ns, UTC]").iloc[kept].max()
    if pd.notna(snap):
        found["as_of"] = pd.Timestamp(snap).tz_convert("UTC").isoformat()
    return found


def _no_peer(frame: pd.DataFrame) -> np.ndarray:
    """The posts the controls fit by themselves: their row of content type, paid status and
    account indicators is no combination of the other posts' (the only paid post, the only
    video, an account's only post: a level of their own), its leverage 1.

    Such a post says nothing of timing: the model fits it exactly whatever its slot, and the
    permutation test, which shuffles slots among posts of the same format, paid status and
    account, has no other post to shuffle it with. Kept, it tied its level to its slot:
    LinkedIn's one paid post, at 11:00 where the page's 107 organic posts went out at
    08:00-10:59, made the paid effect and the 11:00 one the same, so no slot's lift against
    the posts' average could be told and the test was "cannot be tested" (p = 0.72 without
    it). Below :data:`MIN_POSTS` nothing is estimated, so nothing is left out.
    """
    if len(frame) < MIN_POSTS:
        return np.zeros(len(frame), dtype=bool)
    X = np.column_stack(_level_columns(frame)[0])
    u, sv, _ = np.linalg.svd(X, full_matrices=False)
    u = u[:, sv > 1e-9 * sv.max()]
    return (u ** 2).sum(axis=1) > 1 - 1e-8


def _posts_to_read(posts: pd.DataFrame, platform: str | None, outcome: str,
                   exposure: str | None) -> tuple[pd.DataFrame, str | None]:
    """The posts of ``platform`` (all when None), with a fresh index, the columns
    :func:`prepare` reads, tz-aware ``published_at`` and ``post_index`` (row position in
    ``posts``); and the platform's canonical name.

    Raises
    ------
    SchemaError
        ``published_at`` is tz-naive, or ``platform`` is given and posts lack its column.
    EmptyDataError
        No post is left.
    """
    # tz-aware, or ISO text with its offset (posts read back with read_csv); else SchemaError
    published = utc_timestamps(posts)
    # rows by position: any index of the caller's frame (post ids, dates, duplicates) will do;
    # only the columns read here are carried through the row selections (an export has ~65,
    # and the rows of every one of them, text columns among them, were taken twice); without
    # a followers column, followers_at may read any of them
    df = posts.reset_index(drop=True)
    if df.columns.is_unique and ("followers" in df.columns or exposure != "followers"):
        df = df[[c for c in df.columns if c in _READ or c == outcome]]
    if not isinstance(posts["published_at"].dtype, pd.DatetimeTZDtype):
        df = df.assign(published_at=published.to_numpy())
    position = np.arange(len(df))
    # "INSTAGRAM" is instagram, as engagement() and a Dataset take it: 611 posts were not found
    df = canonical_platforms(df)
    others = ""
    if platform is not None:
        platform = platform_name(platform)
        if "platform" not in df.columns:
            raise SchemaError("posts lack column 'platform'", column="platform")
        names = df["platform"].astype("string")
        mine = (names == platform).fillna(False).to_numpy(bool)
        # a platform without posts names those with: "pinterest" said nothing of what to ask
        with_posts = ", ".join(sorted(set(names.dropna()))) or "none"
        others = f"; expected one of the platforms with posts: {with_posts}"
        df, position = df.loc[mine].reset_index(drop=True), position[mine]
    if df.empty:
        raise EmptyDataError(f"no posts to analyse (platform={platform!r}){others}")
    # the permutation test and the bootstraps draw over rows: in the caller's order, a
    # shuffled sample moved X's p-value 0.662 → 0.652 with the same seed
    order = canonical_order(df)
    if (order != np.arange(len(df))).any():
        df, position = df.take(order).reset_index(drop=True), position[order]
    return df.assign(post_index=position), platform


def _outcome_values(df: pd.DataFrame, outcome: str) -> np.ndarray:
    """The outcome of each post as floats (NaN where missing): the interactions
    (:func:`~smmanalytics.metrics.post_interactions`) or a numeric column of ``df``.

    Raises
    ------
    SchemaError
        The column is missing or does not hold numbers.
    """
    if outcome == "interactions":
        y = metrics.post_interactions(df)
    elif outcome in df.columns:
        try:
            y = pd.to_numeric(df[outcome]).astype("Float64")
        except (ValueError, TypeError):
            first = df[outcome].dropna()
            raise SchemaError(f"outcome column {outcome!r} must hold numbers (a count per post "
                              f"such as comments or saves); got {df[outcome].dtype} values such "
                              f"as {first.iloc[0] if len(first) else None!r}",
                              column=outcome) from None
    else:
        raise SchemaError(f"outcome column {outcome!r} not in posts", column=outcome)
    return y.to_numpy(dtype=float, na_value=np.nan)


def _day_only(df: pd.DataFrame) -> np.ndarray:
    """Whether each post is known to the day only (``time_precision == "day"``; a missing
    precision or column reads as to the minute)."""
    prec = (df["time_precision"].astype("string").fillna("minute") if "time_precision" in df
            else pd.Series("minute", index=df.index, dtype="string"))
    return (prec == "day").to_numpy()


def _exclusions(df: pd.DataFrame, y: np.ndarray, daily: pd.DataFrame | None,
                exposure: str | None, min_age_days: float, day_only: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, dict, dict]:
    """Which posts the model reads, and why the others are left out.

    Returns
    -------
    (ok, log_exp, n_excluded, method)
        ``ok`` marks the posts kept; ``log_exp`` is the log exposure of each post (see
        :func:`_exposure`); ``n_excluded`` counts the posts left out by reason (each post under
        its first reason; ``day_precision`` counts the kept posts that enter the weekday
        analysis only); ``method`` gives the age reference and the exposure used and asked for.
    """
    no_time = df["published_at"].isna().to_numpy()
    age_days, reference = post_ages(df)
    method: dict = {"age_reference": reference}
    partial = ~no_time & partial_life(df)
    after = ~no_time & after_range(df)
    young = ~no_time & ~partial & ~after & (age_days < min_age_days)
    miss_y = ~no_time & ~partial & ~after & ~young & ~(np.isfinite(y) & (y >= 0))
    ok = ~(no_time | partial | after | young | miss_y)
    log_exp, exp_name = _exposure(df, daily, exposure, ok)
    miss_exp = ok & ~np.isfinite(log_exp)
    ok &= ~miss_exp
    method["exposure"] = exp_name
    method["exposure_requested"] = exposure
    if exp_name != (exposure or "none"):
        logger.info("exposure %r unavailable for most posts; using %r", exposure, exp_name)
    n_excluded = {
        "missing_time": int(no_time.sum()),
        "partial_figures": int(partial.sum()),
        "after_range": int(after.sum()),
        "too_young": int(young.sum()),
        "missing_outcome": int(miss_y.sum()),
        "missing_exposure": int(miss_exp.sum()),
        "day_precision": int((ok & day_only).sum()),
    }
    return ok, log_exp, n_excluded, method


def post_ages(posts: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Each post's age in days when its figures were last counted (:func:`figures_end` minus
    ``published_at``), a post without that moment aged at the latest one of the others (at the
    latest ``published_at`` without any); and what the ages are counted to, for ``method``.

    Counted to the export, a video of 20 September in a September zip exported on 5 December
    read 76 days old; its figures stopped with September, 11 days after it was published."""
    pub = posts["published_at"]
    end = figures_end(posts)
    ref = end.max() if end.notna().any() else pub.max()
    told = "snapshot_at (window_end for a date range's figures)"
    reference = told if end.notna().all() else f"{told}, else {pd.Timestamp(ref).isoformat()}"
    age = (end.fillna(ref) - pub).dt.total_seconds() / 86400
    return age.to_numpy(dtype=float, na_value=np.nan), reference


def _post_frame(df: pd.DataFrame, keep: np.ndarray, y: np.ndarray, log_exp: np.ndarray,
                day_only: np.ndarray, tz: str) -> pd.DataFrame:
    """One row per kept post (``keep``: row positions in ``df``): ``post_index``, y, offset,
    local date, weekday and hour (:func:`_local_parts`), content, paid and group (platform
    and account)."""
    if df.columns.is_unique:        # the rows of the columns read from here on
        df = df[[c for c in df.columns if c in _KEPT]]
    d = df.iloc[keep].reset_index(drop=True)
    parts = _local_parts(d["published_at"], tz, day_only[keep])
    out = pd.DataFrame({
        "post_index": d["post_index"].to_numpy(),
        "y": y[keep],
        "offset": log_exp[keep],
        **{c: parts[c].to_numpy() for c in parts.columns},
    })
    content = column_or(d, "content_type", dtype="string").astype("string").fillna("unknown")
    out["content"] = content.to_numpy()
    if "paid" in d.columns:
        paid = d["paid"].astype("boolean")
        out["paid"] = np.where(paid.isna().to_numpy(), "unknown",
                               np.where(paid.fillna(False).to_numpy(), "paid", "organic"))
    else:
        out["paid"] = "unknown"
    grp = [c for c in ("platform", "account_id") if c in d.columns]
    out["group"] = joined([np.full(len(d), "all", dtype=object),
                           *(d[c].astype("string").fillna("?") for c in grp)])
    return out


def _week_index(date: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Week and trend time of each post from its local ``date`` (naive midnights, at least
    one): whole weeks since the Monday of the first post's week, and the days since then
    scaled to [-1, 1]."""
    first = date.min()
    start = first - np.timedelta64(int(first.astype("datetime64[D]").astype(np.int64) + 3) % 7,
                                   "D")
    days = (date - start) // np.timedelta64(1, "D")
    span = max(float(days.max()), 1.0)
    return days // 7, 2 * days / span - 1


def controls(frame: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Control design: intercept, content type, paid, platform/account and the Legendre trend.

    The :data:`MAX_GROUP_LEVELS` platform/accounts with the most posts have a level of their
    own; the others, if any, share the level :data:`OTHER_GROUPS` (:func:`pooled_groups`).
    """
    cols, names = _level_columns(frame)
    n_weeks = int(frame["week"].nunique()) if len(frame) else 0
    degree = int(min(3, max(1, n_weeks // 13))) if n_weeks >= 4 else 0
    t = frame["t"].to_numpy(dtype=float)
    leg = np.polynomial.legendre.legvander(t, degree)[:, 1:] if degree else np.zeros((len(t), 0))
    for j in range(leg.shape[1]):
        cols.append(leg[:, j])
        names.append(f"trend{j + 1}")
    return np.column_stack(cols), names


def _level_columns(frame: pd.DataFrame) -> tuple[list[np.ndarray], list[str]]:
    """The intercept and the indicators of content type, paid status and platform/account
    (pooled beyond :data:`MAX_GROUP_LEVELS`) of :func:`controls`, each level but the most
    common, which is the reference."""
    cols = [np.ones(len(frame))]
    names = ["intercept"]
    for var in ("content", "paid", "group"):
        values = pooled_groups(frame[var]) if var == "group" else frame[var]
        levels = values.value_counts()
        for lev in levels.index[1:]:          # most common level is the reference
            cols.append((values == lev).to_numpy(dtype=float))
            names.append(f"{var}[{lev}]")
    return cols, names


def pooled_groups(group: pd.Series) -> pd.Series:
    """``group`` (each post's platform/account) with the accounts beyond the
    :data:`MAX_GROUP_LEVELS` of most posts (ties in ``value_counts``' order, as the
    reference level is chosen) as :data:`OTHER_GROUPS`.

    Each level is a dense column of the design, and the fits cost posts x columns^2: 500
    accounts over 20,000 posts (508 columns) took 155 s and 2 GB (a (weeks, p, p) array of
    the per-week information alone was 646 MB), 200 accounts 25 s. The accounts left over
    share one level: their differences in level beyond what the exposure offset explains are
    left to the residuals (the NB dispersion), and the permutation test still shuffles
    slots within each account (its strata keep every account). Up to the cap nothing
    changes. Exploiting that the account columns are one-hot (their information block is
    diagonal) would keep every level at that cost; not done yet.
    """
    counts = group.value_counts()
    if len(counts) <= MAX_GROUP_LEVELS:
        return group
    own = counts.index[:MAX_GROUP_LEVELS]
    return group.where(group.isin(own), OTHER_GROUPS)


def slot_design(n_fourier: int = 3, weekday: bool = True, hour: bool = True,
                weekend_hour: bool = False) -> tuple[np.ndarray, list[str]]:
    """Timing design for the 168 hour-of-week slots (row ``weekday * 24 + hour``).

    Weekday dummies (Monday is the reference) plus ``n_fourier`` cyclic pairs
    ``sin(2 pi k h / 24), cos(2 pi k h / 24)`` of the local hour ``h``; with ``weekend_hour``,
    the same pairs times the weekend indicator (Saturday, Sunday): the weekend x hour
    interaction, so that weekend days have their own hour curve (the weekday curve plus these
    terms).
    """
    wd = np.repeat(np.arange(7), 24)
    hr = np.tile(np.arange(24), 7)
    cols, names = [], []
    if weekday:
        for d in range(1, 7):
            cols.append((wd == d).astype(float))
            names.append(f"weekday[{d}]")
    if hour:
        for k in range(1, n_fourier + 1):
            cols += [np.sin(2 * np.pi * k * hr / 24), np.cos(2 * np.pi * k * hr / 24)]
            names += [f"sin{k}", f"cos{k}"]
    if weekend_hour:
        we = (wd >= 5).astype(float)
        for k in range(1, n_fourier + 1):
            cols += [we * np.sin(2 * np.pi * k * hr / 24), we * np.cos(2 * np.pi * k * hr / 24)]
            names += [f"weekend:sin{k}", f"weekend:cos{k}"]
    return np.column_stack(cols), names


def activity_schedule(daily: pd.DataFrame | None, tz: str, platform: str | None
                      ) -> tuple[pd.DataFrame | None, str | None]:
    """Audience activity (``online_followers`` by hour) as 168 local weekday x hour cells.

    Each (date, hour) value is placed at that wall-clock hour in the row's ``day_tz`` (the audience
    zone ``tz`` when the export does not say; platform documentation leaves this open), converted
    to ``tz``, and averaged per weekday and hour. Weekdays without data take the mean over the
    other days of that hour. ``relative`` = value / mean of the 168 cells.

    Returns
    -------
    (frame or None, note on the zone assumption)
    """
    if daily is None or daily.empty or "metric" not in daily.columns:
        return None, None
    a = daily.loc[(daily["metric"].astype("string") == "online_followers")
                  & daily["hour"].notna() & daily["value"].notna()]
    if platform is not None and "platform" in a.columns:
        a = a.loc[a["platform"].astype("string") == platform]
    if a.empty:
        return None, None
    zones = column_or(a, "day_tz", dtype="string").astype("string")
    note = ("hours read in the export's day_tz" if zones.notna().all()
            else f"hour zone not given by the export; assumed {tz}")
    zones = zones.fillna(tz)
    stamps = pd.to_datetime(a["date"]).dt.floor("D") + pd.to_timedelta(
        a["hour"].astype("Int64").to_numpy(dtype=float), unit="h")
    local = pd.Series(pd.NaT, index=a.index, dtype=f"datetime64[ns, {tz}]")
    for z in zones.unique():
        m = (zones == z).to_numpy()
        first = np.ones(int(m.sum()), dtype=bool)        # repeated autumn hour: first one
        local.loc[m] = (stamps[m].dt.tz_localize(z, ambiguous=first, nonexistent="shift_forward")
                        .dt.tz_convert(tz))
    v = pd.DataFrame({"weekday": local.dt.day_of_week, "hour": local.dt.hour,
                      "value": a["value"].astype(float)}).dropna()
    cell = v.groupby(["weekday", "hour"])["value"].mean()
    by_hour = v.groupby("hour")["value"].mean()
    grid = pd.MultiIndex.from_product([range(7), range(24)], names=["weekday", "hour"])
    vals = cell.reindex(grid)
    fill = pd.Series(by_hour.reindex(grid.get_level_values("hour")).to_numpy(), index=grid)
    vals = vals.fillna(fill)
    out = vals.rename("online_followers").reset_index()
    out["online_followers"] = out["online_followers"].astype("Float64")
    mean = out["online_followers"].mean()
    out["relative"] = (out["online_followers"] / mean).astype("Float64") if mean else np.nan
    out[["weekday", "hour"]] = out[["weekday", "hour"]].astype("Int64")
    return out, note
