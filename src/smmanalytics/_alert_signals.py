"""Daily alert signals built from the canonical tables (used by :mod:`smmanalytics.alerts`).

Signals (daily, per platform; :func:`signals`)
----------------------------------------------
- ``negative_feedback``: Σ of the posts' ``negative_feedback`` (Meta "Negative feedback from
  users" columns) by publish day in the brand's zone. These are lifetime counts attributed to
  the day the post was published, not the day the feedback happened. Where the posts lack the
  column, a ``negative_feedback`` daily metric is used instead (platform day). Absent → unknown.
- ``unfollows``: the daily ``unfollows`` metric (X overview), in the platform's day zone.
- ``net_followers``: ``net_follows`` (TikTok FollowerHistory), else ``follows − unfollows`` on the
  days both are known, else the day-to-day difference of ``followers_total``, the best source
  of each account. A drop is the anomaly. Only new follows exported (Meta follows, LinkedIn new
  followers) → unknown, because the unfollows are not known.
- ``comments``: Σ comments of the posts published that day (lifetime, by publish day). A
  story's comments are its replies, private messages to the account (``loaders.meta``): they
  count in its interactions, not here, where the public's comments under the posts are watched.
  Where the posts lack them, a ``comments`` daily metric (TikTok's Overview) is used instead
  (platform day, the comments received that day): a TikTok brand without a Content export was
  told its comments were absent from the exports, 88 days of them in its Overviews.
- ``comments_per_reach``: Σ comments / Σ reach over the posts of the day that have both; a
  ratio, so a busy launch day with four times the reach and comments is not an alert.
  ``exposure`` is that Σ reach. A zero or unknown reach gives NaN.
- ``negative_feedback_per_reach``: the same of the posts' negative feedback (Σ / Σ reach
  over the posts of the day that have both; no ratio for a daily metric, whose reach is not
  known): a launch day of 8 posts instead of 2, hides and reach 4 times the usual at the
  usual 0.1 %, alerted on its 46 hides (usual 8.3) and, with its comments, was a "warning".

Post-based signals exist on days with at least one post; daily series on the days the exports
cover. A missing column or cell is unknown, never zero: unknown days are left out, and a day
with posts whose figure is missing on all of them (:func:`post_gaps`) is no quiet day:
:func:`smmanalytics.alerts.review` lists it as not watched. Every series is an account's own,
tested on its own baseline and named (``account``: its handle where its posts give one) when
the platform has several: summed, a small account's incident hid in a larger one's usual
level (its daily follower loss, or a spike of its comments in the other's usual volume). A
platform's posts naming one account or none are its one series (``account`` empty); on a
platform of several accounts, its posts naming none are a series of their own, unnamed.
A post or account day given twice
(overlapping exports in a Dataset built by hand; :func:`smmanalytics.load` already merges them)
counts once, its newest snapshot.

Day zones: post-based signals use the brand's zone (exact, from ``published_at``). Account
series keep the platform's own day (``day_tz``, e.g. Pacific days for Meta): a daily total
cannot be re-cut into another zone, so it is kept as exported and labelled; the 48 h severity
window absorbs the offset. ``dst_day`` flags 23- and 25-hour days (not normalised).
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from ._merge import MERGE_KEYS
from .errors import require_dataset
from .periods import post_dates
from .schema import column_or, utc_timestamps

__all__ = ["SIGNALS", "SIGNAL_TABLES", "signals", "signals_and_gaps", "post_gaps", "coverage",
           "value_digits", "SIGNAL_FIELDS"]

logger = logging.getLogger(__name__)

SIGNALS = ("negative_feedback", "unfollows", "net_followers", "comments", "comments_per_reach",
           "negative_feedback_per_reach")
#: the tables (a file's ``kind``) each signal is read from: where a column of it may lie unread
SIGNAL_TABLES = {"negative_feedback": ("posts", "daily"), "unfollows": ("daily",),
                 "net_followers": ("daily",), "comments": ("posts", "daily"),
                 "comments_per_reach": ("posts",), "negative_feedback_per_reach": ("posts",)}
#: the loaders' fields (``synonyms.csv``'s ``canonical``) each signal is made from, where a
#: family has them: the row a brand writes to have an unread column of it read
SIGNAL_FIELDS = {"negative_feedback": ("neg_hide_all", "neg_hide"),
                 "negative_feedback_per_reach": ("neg_hide_all", "neg_hide"),
                 "comments": ("comments",), "comments_per_reach": ("comments",),
                 "unfollows": ("unfollows",),
                 "net_followers": ("net_follows", "follows", "unfollows")}
_SIGNAL_COLUMNS = ["date", "platform", "account", "signal", "value", "exposure", "source", "day_tz",
                   "dst_day", "posts"]


def _empty_signals() -> pd.DataFrame:
    return pd.DataFrame({
        "date": pd.Series(dtype="datetime64[ns]"), "platform": pd.Series(dtype="string"),
        "account": pd.Series(dtype="string"), "signal": pd.Series(dtype="string"),
        "value": pd.Series(dtype="Float64"), "exposure": pd.Series(dtype="Float64"),
        "source": pd.Series(dtype="string"),
        "day_tz": pd.Series(dtype="string"), "dst_day": pd.Series(dtype="boolean"),
        "posts": pd.Series(dtype="Int64")})


def _num(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(np.nan, index=df.index, dtype=float)
    return pd.to_numeric(df[col], errors="coerce").astype(float)


def _newest(df: pd.DataFrame, table: str, what: str) -> pd.DataFrame:
    """One row per key of ``table`` (its :data:`~smmanalytics._merge.MERGE_KEYS` that ``df``
    has), the newest ``snapshot_at`` winning (ties or no snapshot: the later row), as
    :func:`smmanalytics.load` merges overlapping exports; a Dataset built by hand may still
    hold the same day or post twice, and its numbers would be counted twice. The keys are the
    merge's own, so that the two cannot tell "the same row" differently."""
    keys = [k for k in MERGE_KEYS[table] if k in df.columns]
    dup = df.duplicated(subset=keys, keep=False)
    if not dup.any():
        return df
    ranked = pd.DataFrame({"_order": np.arange(len(df))}, index=df.index)
    if "snapshot_at" in df.columns:
        ranked["_snap"] = pd.to_datetime(df["snapshot_at"], utc=True)
        ranked = ranked.sort_values(["_snap", "_order"], kind="stable", na_position="first")
    last = ~df.loc[ranked.index].duplicated(subset=keys, keep="last").to_numpy()
    keep = np.sort(ranked["_order"].to_numpy()[last])
    logger.warning("%d %s repeated (overlapping exports): the newest snapshot of each is used "
                   "for the alert signals", len(df) - len(keep), what)
    return df.iloc[keep]


def _post_days(posts: pd.DataFrame, tz: str) -> pd.DataFrame:
    """One row per post with its publish day in ``tz`` and the numbers the signals use."""
    ts = utc_timestamps(posts)       # tz-aware, or ISO text with its offset; else SchemaError
    undated = int(ts.isna().sum())
    if undated:
        logger.warning("%d posts without a publish time are left out of the alert signals",
                       undated)
    return pd.DataFrame({
        "platform": posts["platform"].astype("string"),
        "account": _post_accounts(posts),
        # a video dated to the day only (YouTube's): its export's day, not the day before
        # west of UTC (post_dates)
        "date": post_dates(posts.assign(published_at=ts), tz).to_numpy(),
        "comments": _public_comments(posts),
        "reach": _num(posts, "reach"),
        "negative_feedback": _negative_feedback(posts),
        "public": ~_stories(posts),
    }).loc[ts.notna().to_numpy()]


def _post_accounts(posts: pd.DataFrame) -> pd.Series:
    """Each post's series: its ``account_id`` on a platform whose posts name several accounts,
    else empty (the platform's one series, as a single account's brand always had)."""
    account = column_or(posts, "account_id", dtype="string").astype("string").str.strip()
    account = account.fillna("")
    platform = posts["platform"].astype("string")
    named = account.mask(account.eq(""), None).groupby(platform, observed=True).nunique()
    several = platform.isin(list(named.index[named > 1])).fillna(False)
    return account.where(several.to_numpy(bool), "")


def _alert_account_names(posts: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Each (platform, account_id) of the posts → the name an alert calls the account by: its
    handle, else its display name (an Instagram account's id is a number, and "Instagram
    (17841400000000002)" said whose the comments were to nobody). Not
    :func:`smmanalytics.benchmarks.account_names`, the sorted display names a report's
    benchmarks and best times count accounts by."""
    if not len(posts) or "account_id" not in posts.columns:
        return {}
    ids = posts["account_id"].astype("string").str.strip()
    name = column_or(posts, "account_handle", dtype="string").astype("string").str.strip()
    name = name.fillna(column_or(posts, "account_name", dtype="string").astype("string"))
    known = (ids.notna() & name.notna() & name.ne("")).fillna(False).to_numpy(bool)
    firsts = pd.DataFrame({"platform": posts["platform"].astype("string"), "id": ids,
                           "name": name}).loc[known].drop_duplicates(["platform", "id"])
    return {(str(p), str(i)): str(n) for p, i, n in firsts.itertuples(index=False)}


def _public_comments(posts: pd.DataFrame) -> pd.Series:
    """``comments``, unknown for stories: a story's are its replies, private messages (the
    sample's Instagram stories, 621 replies, moved its comment signals' usual levels: 13
    October's 245 comments were no longer an outlier by the robust z-score)."""
    comments = _num(posts, "comments")
    story = _stories(posts)
    return comments.mask(story) if story.any() else comments


def _stories(posts: pd.DataFrame) -> np.ndarray:
    """True for a story (``content_type``), whose comments are no public comments."""
    if "content_type" not in posts.columns:
        return np.zeros(len(posts), dtype=bool)
    return posts["content_type"].astype("string").eq("story").fillna(False).to_numpy(bool)


def _negative_feedback(posts: pd.DataFrame) -> pd.Series:
    """``negative_feedback``, else the sum of its Meta parts (``…_hide_all``, ``…_hide``)."""
    if "negative_feedback" in posts.columns:
        return _num(posts, "negative_feedback")
    parts = [c for c in ("negative_feedback_hide_all", "negative_feedback_hide")
             if c in posts.columns]
    if not parts:
        return _num(posts, "negative_feedback")
    return pd.concat([_num(posts, c) for c in parts], axis=1).sum(axis=1, min_count=1)


def _post_signals(posts: pd.DataFrame, tz: str) -> pd.DataFrame:
    if posts.empty or "published_at" not in posts.columns:
        return _empty_signals()
    if set(MERGE_KEYS["posts"]) <= set(posts.columns):
        ided = posts["post_id"].notna().to_numpy()
        posts = pd.concat([_newest(posts.loc[ided], "posts", "posts"),
                           posts.loc[~ided]])
    p = _post_days(posts, tz)
    both = p["comments"].notna() & (p["reach"] > 0)
    nf_both = p["negative_feedback"].notna() & (p["reach"] > 0)
    p = p.assign(c_ratio=p["comments"].where(both), r_ratio=p["reach"].where(both),
                 nf_ratio=p["negative_feedback"].where(nf_both),
                 r_nf_ratio=p["reach"].where(nf_both),
                 r_nf=p["reach"].where(p["negative_feedback"].notna()),
                 r_c=p["reach"].where(p["comments"].notna()), n=1)
    g = p.groupby(["platform", "account", "date"], observed=True, sort=True)
    # a day whose posts all lack a figure has no figure (min_count=1), not 0
    agg = (g[["comments", "negative_feedback", "c_ratio", "r_ratio", "nf_ratio", "r_nf_ratio",
              "r_nf", "r_c"]]
           .sum(min_count=1).rename(columns={"negative_feedback": "nf"})
           .assign(posts=g["n"].sum(), public=g["public"].sum()).reset_index())
    parts = [("comments", agg["comments"], agg["r_c"]),
             ("comments_per_reach", _per_reach(agg["c_ratio"], agg["r_ratio"]),
              agg["r_ratio"]),
             ("negative_feedback", agg["nf"], agg["r_nf"]),
             ("negative_feedback_per_reach", _per_reach(agg["nf_ratio"], agg["r_nf_ratio"]),
              agg["r_nf_ratio"])]
    out = pd.concat([
        agg[["date", "platform", "account", "posts", "public"]].assign(
            signal=name, value=val.to_numpy(), exposure=exp.to_numpy())
        for name, val, exp in parts], ignore_index=True)
    return out.assign(source="posts", day_tz=tz)


def _per_reach(count: pd.Series, reach: pd.Series) -> pd.Series:
    """A day's count over its reach; NaN where the reach is zero or unknown."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return count / reach.where(reach > 0)


def _daily_frame(daily: pd.DataFrame) -> pd.DataFrame:
    """Daily totals (hour NA) of the metrics the signals use, one value per account and day."""
    keep = ["followers_total", "follows", "unfollows", "net_follows", "negative_feedback",
            "comments"]
    if daily.empty:
        return pd.DataFrame(columns=["platform", "account_id", "date", "metric", "value", "day_tz"])
    hour = column_or(daily, "hour")
    # account series only: a row with a post_id is one post's series
    account = column_or(daily, "post_id").isna()
    d = daily.loc[hour.isna().to_numpy() & account.to_numpy()
                  & daily["metric"].isin(keep).to_numpy()]
    d = _newest(d, "daily", "daily values")
    d = pd.DataFrame({
        "platform": d["platform"].astype("string"),
        "account_id": d["account_id"].astype("string").fillna(""),
        "date": pd.to_datetime(d["date"]).astype("datetime64[ns]"),
        "metric": d["metric"].astype("string"),
        "value": pd.to_numeric(d["value"], errors="coerce").astype(float),
        "day_tz": (d["day_tz"].astype("string") if "day_tz" in d.columns
                   else pd.Series("UTC", index=d.index, dtype="string")).fillna("UTC"),
    }).dropna(subset=["value", "date"])
    return (d.groupby(["platform", "account_id", "date", "metric"], observed=True)
            .agg(value=("value", "sum"), day_tz=("day_tz", "first")).reset_index())


def _account_net(values: pd.DataFrame) -> tuple[pd.Series, str | None]:
    """One account's net follower change by day (``values``: its dates × metrics) from the best
    source it exports, and that source's name; new follows alone give none (NaN, None)."""
    values = values.dropna(axis=1, how="all")
    if "net_follows" in values:
        return values["net_follows"], "daily:net_follows"
    if {"follows", "unfollows"} <= set(values.columns):
        return values["follows"] - values["unfollows"], "daily:follows-unfollows"
    if "followers_total" in values:
        tot = values["followers_total"].dropna()
        step = tot.index.to_series().diff() == pd.Timedelta(days=1)
        return tot.diff().where(step), "daily:diff(followers_total)"
    return pd.Series(np.nan, index=values.index), None


def _account_frames(values: pd.DataFrame, platform: str, sources: dict[str, str],
                    tz: str) -> list[pd.DataFrame]:
    """Each account's own series (``values``: dates × accounts; ``sources``: each account's
    source), tested on its own baseline: summed, one TikTok account's drop of 25 followers
    (a score of 18.9 alone) read −12 against the platform's usual 15 to 20 and raised no
    alert. ``account`` names the account when the platform has several, else is empty: the
    platform's series is then its one account's. A day an account's exports lack is unknown
    for that account alone."""
    several = values.shape[1] > 1
    out = []
    for account in values.columns:
        s = values[account].dropna()
        if len(s):
            out.append(pd.DataFrame({
                "date": s.index, "platform": platform,
                "account": str(account) if several else "", "value": s.to_numpy(),
                "source": sources[account], "day_tz": tz}))
    return out


def _net_followers(d: pd.DataFrame) -> list[pd.DataFrame]:
    """Net follower change per account and day, each account's from the best source it
    exports (:func:`_account_frames`). One source chosen per platform left out an account
    lacking it, silently."""
    out = []
    for platform, g in d.groupby("platform", observed=True):
        # one value per account, day and metric (_daily_frame summed them): a reshape, no
        # aggregation (pivot_table's sum of each single value cost a groupby per platform)
        wide = g.set_index(["account_id", "date", "metric"])["value"].unstack(
            "metric").sort_index()
        nets, sources = {}, {}
        for account, values in wide.groupby(level="account_id"):
            nets[account], sources[account] = _account_net(values.droplevel("account_id"))
        unknown = sorted(str(a) for a, src in sources.items() if src is None)
        if unknown and len(sources) > 1:     # the platform's others are watched: say which not
            logger.warning("%s net_followers unknown for account(s) %s: new follows alone do "
                           "not give the net change", platform, ", ".join(unknown))
        out += _account_frames(pd.DataFrame(nets), str(platform), sources,
                               g["day_tz"].iloc[0])
    return [f.assign(signal="net_followers") for f in out]


def _daily_signals(daily: pd.DataFrame, posts_nf: set[str], posts_comments: set[str]
                   ) -> pd.DataFrame:
    """The account series of ``daily``; negative feedback and comments only on the platforms
    whose posts do not give them (``posts_nf``, ``posts_comments``: those that do)."""
    d = _daily_frame(daily)
    if d.empty:
        return _empty_signals()
    parts = _net_followers(d)
    for metric, exclude in (("unfollows", set()), ("negative_feedback", posts_nf),
                            ("comments", posts_comments)):
        m = d.loc[(d["metric"] == metric) & ~d["platform"].isin(list(exclude))]
        for platform, g in m.groupby("platform", observed=True):
            wide = g.set_index(["date", "account_id"])["value"].unstack("account_id")
            parts += [f.assign(signal=metric) for f in _account_frames(
                wide.sort_index(), str(platform), dict.fromkeys(wide.columns, f"daily:{metric}"),
                g["day_tz"].iloc[0])]
    out = pd.concat(parts, ignore_index=True) if parts else _empty_signals()
    return out.assign(exposure=np.nan)


def day_hours(dates, tzs) -> np.ndarray:
    """How many hours each calendar day lasts in its zone: 24, 23 or 25 on the days the
    clocks change (NaN where midnight itself is skipped or repeated, or the zone unknown).

    >>> day_hours(pd.Series(pd.to_datetime(["2026-03-29", "2026-10-25", "2026-10-26"])),
    ...           pd.Series(["Europe/Paris"] * 3)).tolist()
    [23.0, 25.0, 24.0]
    """
    dates, tzs = pd.Series(dates).reset_index(drop=True), pd.Series(tzs).reset_index(drop=True)
    out = np.full(len(dates), np.nan)
    for tz in tzs.dropna().unique():
        sel = tzs.eq(tz).fillna(False).to_numpy(bool)
        idx = pd.DatetimeIndex(dates[sel])
        start = idx.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward")
        end = (idx + pd.Timedelta(days=1)).tz_localize(tz, ambiguous="NaT",
                                                       nonexistent="shift_forward")
        out[sel] = np.asarray((end - start) / pd.Timedelta(hours=1), dtype=float)
    return out


def _dst_days(dates: pd.Series, tzs: pd.Series) -> np.ndarray:
    """True where the calendar day in its zone does not last 24 hours (:func:`day_hours`; a
    day of no known zone is no such day)."""
    return (day_hours(dates, tzs) != 24) & tzs.notna().to_numpy(bool)


def signals(ds) -> pd.DataFrame:
    """Daily alert signals of a Dataset, one row per known (date, platform, signal).

    Parameters
    ----------
    ds : Dataset
        Uses ``ds.posts``, ``ds.daily`` and ``ds.brand.timezone``.

    Returns
    -------
    DataFrame
        ``date`` (naive calendar day: the brand's zone for post-based signals, the export's
        ``day_tz`` for account series), ``platform``, ``account`` (the account of an account
        series when its platform has several, else empty: the platform's), ``signal``,
        ``value``, ``exposure`` (Σ
        reach of the day's posts behind the value; NaN for account series), ``source``,
        ``day_tz``, ``dst_day`` (a 23- or 25-hour day) and ``posts`` (posts published that
        day, in the brand's zone, by the account where its posts are a series of their own,
        else on the platform). Unknown values are left out, never 0;
        see :func:`coverage` for the signals that are unknown. The inputs are not modified.
    """
    require_dataset(ds, "signals")
    return signals_and_gaps(ds)[0]


def post_gaps(ds) -> pd.DataFrame:
    """The days a signal of the posts is unknown on though posts were published: date,
    platform, account (as :func:`signals` names it), signal (one row each), where every post
    of the day lacks the figure the signal reads (comments, reach, negative feedback).
    :func:`signals` leaves such a day out, as a day without posts, while its posts may hold
    an incident: a month whose export lacks the comments of 12-25 October read "no alert".
    A day of stories alone has no public comments to lack; negative feedback is a gap only
    where the platform's posts carry it, comments only where no daily series stands for the
    posts'."""
    require_dataset(ds, "post_gaps")
    return signals_and_gaps(ds)[1]


def signals_and_gaps(ds) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`signals` and :func:`post_gaps`, from one pass over the posts: a caller wanting
    both (:func:`~smmanalytics.alerts.review`) reads the posts once, not twice."""
    tz = ds.brand.timezone
    post = _post_signals(ds.posts, tz)
    nf_known, comments_known = (
        set(post.loc[(post["signal"] == signal) & post["value"].notna(), "platform"].astype(str))
        for signal in ("negative_feedback", "comments"))
    names = _alert_account_names(ds.posts)
    daily = _daily_signals(ds.daily, nf_known, comments_known)
    gaps = _gaps(post, nf_known, set(daily.loc[daily["signal"] == "comments", "platform"]))
    gaps = gaps.assign(account=pd.array(_named(gaps, names), dtype="string"))
    out = pd.concat([post, daily], ignore_index=True)
    out = out.loc[out["value"].notna()].reset_index(drop=True)
    if out.empty:
        return _empty_signals(), gaps
    out["posts"] = _post_counts(out, post)
    post_platforms = set(post["platform"].astype(str))
    out["posts"] = out["posts"].where(out["posts"].notna() | ~out["platform"].isin(
        post_platforms), 0)
    out["dst_day"] = _dst_days(out["date"], out["day_tz"].astype("string"))
    out["account"] = _named(out, names)
    out = out.sort_values(["platform", "account", "signal", "date"], kind="stable")
    res = pd.DataFrame({c: out[c].to_numpy() for c in _SIGNAL_COLUMNS})
    return res.astype({"date": "datetime64[ns]", "platform": "string", "account": "string",
                       "signal": "string",
                       "value": "Float64", "exposure": "Float64", "source": "string",
                       "day_tz": "string", "dst_day": "boolean", "posts": "Int64"}), gaps


def _post_counts(rows: pd.DataFrame, post: pd.DataFrame) -> np.ndarray:
    """The posts published on each of ``rows``' days (:func:`_post_signals`' ``post``
    counts them): the account's own for a series of an account whose posts are a series of
    their own, else the platform's (a daily series of an account the posts do not name, or of
    a platform's one account); NaN on a day without posts."""
    keys = ["platform", "account", "date"]
    own = (post[[*keys, "posts"]].drop_duplicates(keys) if len(post)
           else pd.DataFrame(columns=[*keys, "posts"])).astype({"date": "datetime64[ns]"})
    posting = own[["platform", "account"]].drop_duplicates().assign(_own=True)
    total = own.groupby(["platform", "date"], as_index=False)["posts"].sum()
    at = rows[keys].astype({"date": "datetime64[ns]"})
    mine = at.merge(posting, on=["platform", "account"], how="left")["_own"].notna()
    by_account = at.merge(own, on=keys, how="left")["posts"]
    by_platform = at.merge(total, on=["platform", "date"], how="left")["posts"]
    return np.where(mine.to_numpy(bool), by_account.to_numpy(float),
                    by_platform.to_numpy(float))


def _named(rows: pd.DataFrame, names: dict[tuple[str, str], str]) -> list[str]:
    """``rows``' accounts by the names :func:`_alert_account_names` gives (an id as it is
    where its posts give none; empty stays empty)."""
    return [names.get((str(p), str(a)), str(a)) if a else ""
            for p, a in zip(rows["platform"], rows["account"].fillna(""), strict=True)]


def _gaps(post: pd.DataFrame, nf_known: set[str], daily_comments: set[str]) -> pd.DataFrame:
    """The rows of :func:`_post_signals` without a value on a day whose posts could have
    one (:func:`post_gaps`), as date, platform, account, signal; ``daily_comments``: the
    platforms whose comments a daily series gives (the posts giving none)."""
    if post.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             "platform": pd.Series(dtype="string"),
                             "account": pd.Series(dtype="string"),
                             "signal": pd.Series(dtype="string")})
    nf = post["signal"].isin(["negative_feedback", "negative_feedback_per_reach"]).to_numpy(
        bool)
    platform = post["platform"].astype(str)
    by_day = (post["signal"].eq("comments") & platform.isin(daily_comments)).to_numpy(bool)
    could = np.where(nf, platform.isin(nf_known).to_numpy(bool),
                     (post["public"].to_numpy() > 0) & ~by_day)
    lacking = post.loc[post["value"].isna().to_numpy(bool) & could]
    return pd.DataFrame({"date": lacking["date"].to_numpy(), "platform": lacking["platform"],
                         "account": lacking["account"], "signal": lacking["signal"]}).astype(
        {"date": "datetime64[ns]", "platform": "string", "account": "string",
         "signal": "string"}).reset_index(drop=True)


def coverage(ds, sig: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which signals are known per platform: platform, signal, status, days, source, reason.

    ``status`` is ``known`` or ``unknown``; an unknown signal gives no alert and no error.
    """
    require_dataset(ds, "coverage")
    sig = signals(ds) if sig is None else sig
    platforms = set(sig["platform"].astype(str))
    for frame in (ds.posts, ds.daily):
        if len(frame) and "platform" in frame.columns:
            platforms |= set(map(str, frame["platform"].dropna().unique()))
    reasons = {
        "negative_feedback": "no 'Negative feedback from users' columns in the exports",
        "unfollows": "no unfollows in the exports (only X's overview has them)",
        "net_followers": "no net follows, follower totals or follows with unfollows "
                         "(new follows alone do not give the net change)",
        "comments": "no posts with comments, nor daily comments",
        "comments_per_reach": "no posts with comments and reach",
        "negative_feedback_per_reach": "no posts with 'Negative feedback from users' columns "
                                       "and reach"}
    have = sig.groupby(["platform", "signal"]).agg(
        days=("date", "nunique"), source=("source", "first")).reset_index()
    grid = pd.MultiIndex.from_product([sorted(platforms), SIGNALS],
                                      names=["platform", "signal"]).to_frame(index=False)
    out = grid.merge(have.astype({"platform": str, "signal": str}), how="left")
    known = out["days"].notna()
    out["status"] = np.where(known, "known", "unknown")
    out["reason"] = np.where(known, "", out["signal"].map(reasons))
    out["days"] = out["days"].fillna(0)
    return out[["platform", "signal", "status", "days", "source", "reason"]].astype(
        {"platform": "string", "signal": "string", "status": "string", "days": "Int64",
         "source": "string", "reason": "string"})


def value_digits(signal: str, value) -> tuple[bool, int]:
    """How a value of ``signal`` reads: (as a percentage?, decimals). A rate per reach as a
    percentage to 2 decimals ("4.04 %"), a count whole ("1,196") unless it is not (a mean:
    "7.6"). The rule alone: ``smm alerts`` words it in English, the report in its language."""
    if signal.endswith("_per_reach"):
        return True, 2
    return False, 0 if pd.isna(value) or float(value).is_integer() else 1
