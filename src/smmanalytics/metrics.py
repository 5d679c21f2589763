"""Interactions and engagement rates (DESIGN.md §4).

Definitions
-----------
- ``interactions`` = reactions + comments + shares + saves, over the components the post's
  platform exports. A component the platform does not export (all-NaN for that platform, in
  the post's export file when the frame says which) is left out, unless the post's export
  format always carries it (``source_format``: a Facebook file copied without its reactions
  is not a platform without reactions); a post that lacks a component
  its export gives the other posts (a blank cell: "not available") gets NaN, as does a post
  whose components are all missing: its sum is unknown, and a partial one, taken for the
  whole, would pull its rates down. Where the export gives the total of exactly the
  components it counts (a Facebook post export's ``Reactions, Comments and Shares``, Meta's
  reactions + comments + shares), a post whose sum is unknown so gets that total. The
  components win over an
  ``interactions`` column (one computed at load, or the export's): a post's interactions are
  recomputed from the components it has (an analyst's edit of ``reactions`` counts), and the
  given ``interactions`` is used only for a post with no component at all (a platform that
  exports a total only), see :func:`post_interactions`.
- ``er_<denominator>`` = interactions / denominator, for reach, impressions, views and
  followers (followers at posting time). A zero or missing denominator gives NaN, never inf.
- ``ctr`` = link_clicks / impressions, or / views for a post whose export gives no
  impressions (Meta replaced them with views in 2025). A post without link clicks (a blank,
  or a platform that exports none) has none: NaN.
- A group's rate is given two ways, both labelled: ``<rate>_median`` (median of the per-post
  rates) and ``<rate>_pooled`` (ratio of sums, Σ interactions / Σ denominator over the posts
  that have a rate: both known and the denominator above 0; for ``ctr``, Σ link_clicks / Σ of
  each post's denominator). A post with a reach of 0 has no rate, as a zero denominator gives
  NaN: its interactions count in the group's ``interactions``, not in its pooled rate by
  reach (interactions without anyone reached, an export's oddity, would raise the rate).
- YouTube's ``impressions`` are Studio's *thumbnail* impressions (its thumbnail shown in a
  feed), not views of the post as other platforms' impressions are (reference §5.2): a group
  of several platforms leaves YouTube's posts out of ``er_impressions`` (median and pooled,
  noted in the frame's ``attrs["notes"]``), as DESIGN keeps impressions, views and reach
  apart; YouTube's own group keeps its rate by thumbnail impressions.
- A group's ``interactions`` sums its posts whose interactions are known; those of the others
  are unknown, not 0, and the group's note in ``attrs["notes"]`` counts them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from ._args import frame_with
from ._io import closest_key
from .errors import ArgumentError, ArgumentTypeError, SchemaError
from .quality import a_or_an
from .schema import canonical_platforms, column_or, utc_timestamps

__all__ = ["COMPONENTS", "DENOMINATORS", "RATE_MEASURES", "interactions", "post_interactions",
           "row_sum", "rate", "rate_measure", "rate_measures", "ctr_denominator", "add_rates",
           "engagement", "followers_at", "youtube_thumbnails", "day_zones"]

COMPONENTS = ("reactions", "comments", "shares", "saves")
DENOMINATORS = ("reach", "impressions", "views", "followers")


def _posts_frame(posts) -> pd.DataFrame:
    """``posts`` if it is a DataFrame, a Dataset's ``posts``; else an ArgumentTypeError."""
    if isinstance(posts, pd.DataFrame):
        return posts
    if isinstance(getattr(posts, "posts", None), pd.DataFrame):     # a Dataset
        return posts.posts
    if hasattr(posts, "posts") and hasattr(posts, "brand"):      # a Dataset of no posts frame
        raise ArgumentTypeError(f"posts must be a posts DataFrame (ds.posts) or a Dataset "
                                f"of one; got {a_or_an(type(posts).__name__)} whose posts are "
                                f"{type(posts.posts).__name__}")
    raise ArgumentTypeError(f"posts must be a posts DataFrame (ds.posts) or a Dataset; "
                            f"got {type(posts).__name__}")


def interactions(posts: pd.DataFrame) -> pd.Series:
    """Interactions per post: the sum of the components its platform exports.

    Parameters
    ----------
    posts : DataFrame or Dataset
        Canonical posts (columns ``platform`` and any of reactions, comments, shares, saves);
        a Dataset gives its ``posts``. Anything else raises
        :class:`~smmanalytics.errors.ArgumentTypeError`.

    Returns
    -------
    Series (Float64)
        The sum of the components the post's export gives. A component is left out for a
        platform on which it is missing for every post (the platform does not export it);
        with a ``source_file`` column, for an export file in which it is missing for every
        post of the platform. A post missing a component that its export gives the
        platform's other posts gets NaN (unknown, not a smaller sum), and so does a post whose
        components are all missing, or one of a format whose every export carries the
        component (``source_format``: a Meta post export's reactions, Instagram's saves)
        but whose file lacks it (a column deleted, as the load's ``expected_metric_missing``
        warning says). Such a post whose export gives its own total of exactly the components
        counted (``platform_engagements`` of a Facebook post export, ``Reactions, Comments
        and Shares``: Meta's reactions + comments + shares) gets that total instead.

    Examples
    --------
    >>> df = pd.DataFrame({"platform": ["facebook", "instagram", "instagram"],
    ...                    "reactions": [10, 5, None], "comments": [2, 1, 3],
    ...                    "shares": [1, 0, 1], "saves": [None, 4, 2]})
    >>> interactions(df).tolist()
    [13.0, 10.0, <NA>]

    Raises
    ------
    SchemaError
        For posts (with rows) of no component column (a daily table, a frame of other
        columns): their interactions were all NA with nothing said, as
        :func:`engagement` says; or of ``likes`` and no ``reactions``.
    """
    posts = _posts_frame(posts)
    if len(posts) and not any(c in posts.columns for c in (*COMPONENTS, "likes")):
        got = ", ".join(map(str, posts.columns[:12])) or "none"
        more = f", … ({len(posts.columns)} in all)" if len(posts.columns) > 12 else ""
        given = (" (for the interactions column as given where no component is, "
                 "smm.metrics.post_interactions)" if "interactions" in posts.columns else "")
        raise SchemaError("posts have no interaction column; expected one or more of "
                          f"{', '.join(COMPONENTS)}{given}; got columns {got}{more}",
                          column="reactions")
    _interaction_columns(posts)         # likes and no reactions
    return interactions_and_totals(posts)[0]


def interactions_and_totals(posts: pd.DataFrame) -> tuple[pd.Series, np.ndarray]:
    """:func:`interactions` of a posts frame, and the positions of the posts whose
    interactions are their export's total (``platform_engagements``), for the load's note of
    them (``loaders._finish``, which computes a loaded file's interactions)."""
    none = np.zeros(0, dtype=np.intp)
    # the components each post's export format carries, its file's column there or not (a
    # copy without Réactions): unknown where missing, not left out of a sum 7 times too low
    carried, summed = _format_components(posts)
    comps = [c for j, c in enumerate(COMPONENTS) if c in posts.columns or carried[:, j].any()]
    if not comps:
        return pd.Series(pd.NA, index=posts.index, dtype="Float64", name="interactions"), none
    carried = carried[:, [COMPONENTS.index(c) for c in comps]]
    values = pd.DataFrame({c: _numbers(posts[c], c) if c in posts.columns
                           else pd.Series(pd.NA, index=posts.index, dtype="Float64")
                           for c in comps}, index=posts.index)
    total = row_sum(values).rename("interactions")
    missing = values.isna().to_numpy()
    if not missing.any():
        return total, none
    group, n_groups = _export_groups(posts)
    # exported[g, j]: some post of export group g has component j
    exported = np.column_stack([np.bincount(group, weights=~missing[:, j], minlength=n_groups)
                                > 0 for j in range(len(comps))])
    counted = exported[group] | carried
    unknown = (missing & counted).any(axis=1)
    total = total.mask(unknown) if unknown.any() else total
    if summed is None:
        return total, none
    # a sum unknown for want of components, whose export gives their total itself (Facebook's
    # Reactions, Comments and Shares): the same number, not a guess (the components stay NaN)
    sums, pair = summed
    rows = np.flatnonzero(total.isna().to_numpy())
    sums = sums[:, [COMPONENTS.index(c) for c in comps]][pair[rows]]
    rows = rows[sums.any(axis=1) & (counted[rows] == sums).all(axis=1)]
    if not len(rows):
        return total, none
    given = posts["platform_engagements"]
    # numbers as loaded: no copy of the rows taken (a million when Réactions was deleted)
    given = (given.to_numpy(dtype="float64", na_value=np.nan)[rows] if given.dtype.kind in "biuf"
             else _numbers(given.iloc[rows], "platform_engagements").to_numpy(
                 dtype="float64", na_value=np.nan))
    # a total below the components the post does give (comments + shares above Reactions,
    # Comments and Shares) contradicts its definition: the sum stays unknown
    known = np.nansum(values.iloc[rows].to_numpy(dtype="float64", na_value=np.nan), axis=1)
    given[given < known] = np.nan
    out = total.to_numpy(dtype="float64", na_value=np.nan)
    out[rows] = given
    return (pd.Series(out, index=posts.index, name="interactions").astype("Float64"),
            rows[~np.isnan(given)])


def _format_components(posts: pd.DataFrame
                       ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
    """``carried[i, j]``: post ``i``'s export format carries component ``COMPONENTS[j]`` for
    its platform (``loaders._expected.expected_components``, by its ``source_format``); all
    False for a frame without that column. ``summed``: ``(sums, pair)``, ``sums[pair[i], j]``
    saying that component ``j`` is one of those whose sum is, by definition, post ``i``'s
    ``platform_engagements`` (``loaders._expected.total_components``; looked up only for
    the few posts whose sum is unknown); None where no post's format gives such a total, or
    the frame has no ``platform_engagements``."""
    if "source_format" not in posts.columns or not len(posts):
        return np.zeros((len(posts), len(COMPONENTS)), dtype=bool), None
    # here: a cycle (the loaders import metrics' row_sum)
    from .loaders._expected import expected_components, total_components

    # each column factorized alone (a million rows of one file hold one format and a few
    # platforms: a pair of text columns factorized together took 0.8 s), then the few pairs
    # (as they are: a categorical platform turned into text cost 0.14 s more)
    fmt, fmts = pd.factorize(posts["source_format"], use_na_sentinel=False)
    plat, plats = pd.factorize(column_or(posts, "platform", dtype="string"),
                               use_na_sentinel=False)
    # the pairs present, in order, and each post's among them: counted, not sorted (np.unique)
    key = fmt * len(plats) + plat
    pair = np.flatnonzero(np.bincount(key, minlength=len(fmts) * len(plats)))
    inverse = np.zeros(len(fmts) * len(plats), dtype=np.intp)
    inverse[pair] = np.arange(len(pair))
    inverse = inverse[key]
    table = np.zeros((len(pair), len(COMPONENTS)), dtype=bool)
    sums = np.zeros((len(pair), len(COMPONENTS)), dtype=bool)
    for k, code in enumerate(pair):
        f, p = fmts[code // len(plats)], plats[code % len(plats)]
        f, p = None if pd.isna(f) else f, None if pd.isna(p) else p
        have, total = expected_components(f, p), total_components(f, p)
        table[k] = [c in have for c in COMPONENTS]
        sums[k] = [c in total for c in COMPONENTS]
    with_total = "platform_engagements" in posts.columns and sums.any()
    return table[inverse], (sums, inverse) if with_total else None


def _export_groups(posts: pd.DataFrame) -> tuple[np.ndarray, int]:
    """Each post's export group (its platform, and its export file when the frame has a
    ``source_file`` column) as codes from 0, and the number of groups: the components a
    group's posts have are the ones its export gives."""
    group = np.zeros(len(posts), dtype=np.int64)
    n_groups = 1
    for col in ("platform", "source_file"):
        if col in posts.columns:
            codes, uniques = pd.factorize(posts[col], use_na_sentinel=False)
            group = group * len(uniques) + codes
            n_groups *= max(len(uniques), 1)
    if n_groups > len(posts):             # many files of many platforms: codes from 0 again
        group, uniques = pd.factorize(group)
        n_groups = len(uniques)
    return group, n_groups


def post_interactions(posts: pd.DataFrame) -> pd.Series:
    """Interactions of each post: :func:`interactions` from the components it has, else the
    ``interactions`` column as given (a post with no component at all, e.g. an export of totals
    only). The ``interactions`` column computed at load is thus never reused over edited
    components.

    Examples
    --------
    >>> df = pd.DataFrame({"platform": ["x", "y"], "reactions": [20, None],
    ...                    "comments": [2, None], "interactions": [11, 7]})
    >>> post_interactions(df).tolist()
    [22.0, 7.0]
    """
    posts = _posts_frame(posts)
    computed = interactions_and_totals(posts)[0]
    if "interactions" not in posts.columns:
        return computed
    given = _numbers(posts["interactions"], "interactions")
    return computed.fillna(given).rename("interactions")


def row_sum(values: pd.DataFrame) -> pd.Series:
    """``values.sum(axis=1, min_count=1)`` of Float64 columns, as Float64: NaN where a row has
    no value. Whole numbers are added column by column (see :func:`_whole_row_sum`)."""
    whole = _whole_row_sum(values)
    if whole is not None:
        return whole
    return values.sum(axis=1, min_count=1, skipna=True).astype("Float64")


def _whole_row_sum(values: pd.DataFrame) -> pd.Series | None:
    """Row sums added column after column; None unless every value is a whole number and every
    row's sum of magnitudes stays below 2**53.

    Then every partial sum is exact, so this gives exactly what pandas' row-wise reduction
    gives (in whatever order it adds), many times faster on a million rows.
    """
    total = np.zeros(len(values))
    magnitude = np.zeros(len(values))
    seen = np.zeros(len(values), dtype=bool)
    for _, col in values.items():
        v = col.to_numpy(dtype="float64", na_value=0.0)
        if not np.array_equal(v, np.trunc(v)):      # a fraction, NaN or inf
            return None
        total += v
        magnitude += np.abs(v)
        seen |= col.notna().to_numpy()
    if len(values) and magnitude.max() >= 2**53:
        return None
    return pd.Series(pd.arrays.FloatingArray(total, ~seen), index=values.index, copy=False)


def rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """``numerator / denominator`` as Float64, NaN where the denominator is 0 or missing."""
    den = _numbers(denominator)
    return (_numbers(numerator) / den.mask(den == 0)).astype("Float64")


def _numbers(values: pd.Series, column: str | None = None) -> pd.Series:
    """``values`` as Float64 numbers: numbers held as text (``"100"``, from a sheet) count; a
    blank text is missing. Any other text (``"1 234"``, ``"n/a"``) raises a SchemaError naming
    the column (``column``, else the Series' name) and the first such value: it was pyarrow's
    ``ArrowInvalid: Failed to parse string`` from deep inside."""
    if values.dtype.kind in "biuf":          # numbers already (Int64, Float64, float64…)
        return values.astype("Float64")
    try:
        return pd.to_numeric(values).astype("Float64")
    except (ValueError, TypeError):
        pass
    numbers = pd.to_numeric(values, errors="coerce").astype("Float64")
    text = values.astype("string").str.strip()
    bad = (numbers.isna() & text.notna() & (text != "")).to_numpy(bool)
    if not bad.any():
        return numbers
    name = column if column is not None else values.name
    first = values[bad].iloc[0]
    raise SchemaError(f"column {name!r} holds {int(bad.sum())} value(s) that are not numbers; "
                      f"expected numbers (such as 1234 or 12.5, without thousands separators); "
                      f"got {first!r}", column=name, failure_cases=values[bad])


def followers_at(posts: pd.DataFrame, daily: pd.DataFrame | None, *,
                 within_days: int | None = None) -> pd.Series:
    """Followers of the post's account on its publish day, from ``daily`` ``followers_total``.

    Uses the last known total on or before the publish day (as-of join); NaN when the exports
    give no follower totals for that platform. ``within_days`` bounds the age of that total: a
    post whose last known total is more than that many days older than its publish day gets
    NaN (a March count is no count "on the publish day" of an October post); None takes the
    last total however old. A platform whose series name two accounts or
    more is joined per ``account_id``: a post meets its own account's totals, NaN when it names
    none of them (or no account). A platform whose series name one account, or none, is joined
    per platform: a post export and a daily export may name the one account differently (a
    page id, a handle). The publish day is taken in the zone
    the platform's series count their days in (``daily``'s ``day_tz``; UTC without it): a post
    at 02:00 UTC on 15 October, 19:00 on the 14th in US Pacific, meets the total of the 14th
    in a Meta series. ``published_at`` must be tz-aware (or ISO text with its offset, as
    ``read_csv`` gives it back), else a SchemaError.
    """
    out = pd.Series(np.nan, index=posts.index, dtype="Float64", name="followers")
    if daily is None or daily.empty or posts.empty:
        return out
    lacking = [c for c in ("platform", "date", "metric", "value") if c not in daily.columns]
    if lacking:
        raise SchemaError(f"daily lacks column(s) {', '.join(map(repr, lacking))}; expected the "
                          f"account series of ds.daily (platform, date, metric, value); got "
                          f"columns {', '.join(map(str, daily.columns))}", column=lacking[0])
    if "platform" not in posts.columns:
        raise SchemaError("posts lack column 'platform': followers are looked up per platform",
                          column="platform")
    published = utc_timestamps(posts)
    totals = daily["metric"] == "followers_total"
    f = daily.loc[totals].dropna(subset=["value"])
    if f.empty:
        return out
    platform = posts["platform"].astype(str)
    series_key, post_key = _account_keys(f, posts)
    f = (pd.DataFrame({"_key": series_key, "date": f["date"].astype("datetime64[ns]"),
                       "value": f["value"]}).dropna(subset=["_key"]).sort_values("date"))
    left = pd.DataFrame({
        "_key": post_key.array,
        "date": _local_days(published, platform, day_zones(daily.loc[totals])),
        "_pos": np.arange(len(posts)),
    }).dropna(subset=["_key", "date"]).sort_values("date")
    tolerance = None if within_days is None else pd.Timedelta(days=within_days)
    merged = pd.merge_asof(left, f, on="date", by="_key", direction="backward",
                           tolerance=tolerance)
    out.iloc[merged["_pos"].to_numpy()] = merged["value"].astype("Float64").to_numpy()
    return out


def _account_keys(series: pd.DataFrame, posts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The keys :func:`followers_at` joins on, for the follower ``series`` rows and the
    ``posts``: the platform, and the account too on a platform whose series name two accounts
    or more (NA, never joined, for a row or post of such a platform naming no account)."""
    def accounts(frame: pd.DataFrame) -> pd.Series:
        if "account_id" not in frame.columns:
            return pd.Series(pd.NA, index=frame.index, dtype="string")
        return frame["account_id"].astype("string").str.strip().replace("", pd.NA)

    def key(frame: pd.DataFrame) -> pd.Series:
        platform = frame["platform"].astype("string")
        return platform.mask(platform.isin(several), platform + "\x1f" + accounts(frame))

    named = accounts(series).groupby(series["platform"].astype("string")).nunique()
    several = list(named.index[named > 1])
    return key(series), key(posts)


def day_zones(series: pd.DataFrame) -> dict[str, str]:
    """The zone each platform's rows of ``series`` count their days in (``day_tz``, its most
    frequent value; none without the column)."""
    if "day_tz" not in series.columns:
        return {}
    zones = series[["platform", "day_tz"]].dropna().astype(str)
    out = {p: z.mode().iloc[0] for p, z in zones.groupby("platform")["day_tz"]}
    for p, zone in out.items():
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SchemaError(f"daily's day_tz of {p} is not an IANA time zone: {zone!r} "
                              "(such as America/Los_Angeles)", column="day_tz") from None
    return out


def _local_days(published: pd.Series, platform: pd.Series, zones: dict[str, str]) -> np.ndarray:
    """The (naive) day of each UTC ``published`` time in its platform's zone (UTC by default)."""
    days = published.dt.tz_convert(None).dt.normalize().astype("datetime64[ns]").to_numpy(
        copy=True)
    for p, zone in zones.items():
        rows = (platform == p).to_numpy()
        if zone != "UTC" and rows.any():
            local = published[rows].dt.tz_convert(zone).dt.tz_localize(None).dt.normalize()
            days[rows] = local.astype("datetime64[ns]").to_numpy()
    return days


def ctr_denominator(posts: pd.DataFrame) -> pd.Series:
    """Each post's denominator of ``ctr``: its impressions, else (none exported) its views."""
    def col(name: str) -> pd.Series:
        return _numbers(column_or(posts, name, dtype="Float64"))

    return col("impressions").fillna(col("views"))


def add_rates(posts: pd.DataFrame, daily: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return a copy of ``posts`` with ``interactions``, ``followers``, the ``er_*`` rates and
    ``ctr``.

    ``interactions`` is recomputed from the components present (:func:`post_interactions`);
    a given ``interactions`` is kept only for posts without any component.
    ``followers`` comes from :func:`followers_at` when ``daily`` is given.

    Posts with no interaction column at all (none of reactions, comments, shares, saves,
    interactions), or with ``likes`` and no ``reactions`` (a frame built by hand: likes count
    as reactions, DESIGN §3, under that name), raise a
    :class:`~smmanalytics.errors.SchemaError` naming the columns expected and those that
    came: their rates were all NaN, or left the likes out, with nothing said.
    """
    _interaction_columns(posts)
    out = posts.copy()
    out["interactions"] = post_interactions(out)
    if "followers" not in out.columns:
        out["followers"] = followers_at(out, daily)
    for d in DENOMINATORS:
        den = column_or(out, d, dtype="Float64")
        out[f"er_{d}"] = rate(out["interactions"], den)
    clicks = column_or(out, "link_clicks", dtype="Float64")
    out["ctr"] = rate(clicks, ctr_denominator(out))
    return out


def _interaction_columns(posts: pd.DataFrame) -> None:
    """SchemaError unless ``posts`` (with rows) has an interaction column under its canonical
    name, and no ``likes`` where ``reactions`` are expected."""
    got = ", ".join(map(str, posts.columns)) or "none"
    if "likes" in posts.columns and "reactions" not in posts.columns:
        raise SchemaError("posts have a column 'likes' and no 'reactions': likes count as "
                          "reactions; rename 'likes' to 'reactions' (interactions are reactions "
                          f"+ comments + shares + saves); got columns {got}", column="likes")
    if len(posts) and not any(c in posts.columns for c in (*COMPONENTS, "interactions")):
        raise SchemaError("posts have no interaction column; expected one or more of "
                          f"{', '.join(COMPONENTS)} (or interactions); got columns {got}",
                          column="reactions")


def youtube_thumbnails(platform: pd.Series, by: list[pd.Series] | None = None) -> np.ndarray:
    """The rows whose impressions a total across platforms leaves out: YouTube's, when the
    rows hold another platform too (none otherwise), as a bool array. YouTube's impressions
    are Studio's thumbnail impressions, not views of the post (DESIGN §3, reference §5.2):
    pooled with other platforms' impressions they weighed its few interactions per thumbnail
    shown into the brand's rate. ``platform``: lower-case names (missing: no platform);
    ``by``: the keys of groups totalled each on its own (engagement by campaign), the rule
    then applied within each group, in one grouped count whatever their number.

    >>> youtube_thumbnails(pd.Series(["youtube", "x", None])).tolist()
    [True, False, False]
    >>> youtube_thumbnails(pd.Series(["youtube", "youtube"])).tolist()
    [False, False]
    >>> youtube_thumbnails(pd.Series(["youtube", "x", "youtube"]),
    ...                    by=[pd.Series(["a", "a", "b"])]).tolist()
    [True, False, False]
    """
    plat = platform.astype("string")
    if by is None:
        several = plat.dropna().nunique() >= 2
    else:
        several = plat.groupby(by, sort=False, dropna=False).transform("nunique").to_numpy() >= 2
    return (plat == "youtube").fillna(False).to_numpy(bool) & several


#: the measures a platform's engagement rate may be by, in the order :func:`rate_measure`
#: takes the first its posts carry
RATE_MEASURES = ("reach", "views", "impressions")


def rate_measure(platform: str, carried: Collection[str]) -> str | None:
    """The measure ``platform``'s engagement rate is by: the first of :data:`RATE_MEASURES`
    among ``carried`` (the measures its posts give a rate by), or None. Reach first (Facebook,
    Instagram), else views (TikTok, YouTube), else impressions (LinkedIn, Pinterest, X);
    YouTube's never by impressions, its thumbnails' (DESIGN §3). The report's key figures,
    top posts and rate chart and :func:`~smmanalytics.compare.compare` all ask this: a brand
    without reach read "–" in every rate by reach, beside TikTok's 11.52 % by views.

    >>> rate_measure("tiktok", {"views", "impressions"}), rate_measure("youtube", {"impressions"})
    ('views', None)
    """
    return next((m for m in RATE_MEASURES
                 if m in carried and (platform, m) != ("youtube", "impressions")), None)


def rate_measures(engagement: pd.DataFrame, stat: str = "pooled") -> dict[str, str]:
    """The measure each platform of ``engagement`` (a frame of :func:`engagement` by
    platform) has its rate by (:func:`rate_measure`, among those whose ``er_<measure>_<stat>``
    is known), a platform without one left out. The report's key figures and rate chart and
    :func:`~smmanalytics.plots.plot_engagement_by_platform` all read it: the chart drawn
    alone showed reach's rates, TikTok's and YouTube's (by views) left out.

    >>> e = pd.DataFrame({"platform": ["tiktok", "x"], "er_reach_pooled": [None, None],
    ...                   "er_views_pooled": [0.1, None], "er_impressions_pooled": [0.2, 0.03]})
    >>> rate_measures(e)
    {'tiktok': 'views', 'x': 'impressions'}
    """
    columns = {m: f"er_{m}_{stat}" for m in RATE_MEASURES if f"er_{m}_{stat}" in engagement}
    by = {}
    for row in engagement.to_dict("records"):
        platform = row["platform"]
        if pd.notna(platform) and (d := rate_measure(str(platform), {
                m for m, c in columns.items() if pd.notna(row[c])})):
            by[str(platform)] = d
    return by


def engagement(posts: pd.DataFrame, by: Sequence[str] | str | None = ("platform",),
               daily: pd.DataFrame | None = None) -> pd.DataFrame:
    """Engagement per group: posts, interactions and each rate, median and pooled.

    Parameters
    ----------
    posts : DataFrame or Dataset
        Canonical posts; a Dataset gives its ``posts`` (and its ``daily`` when ``daily`` is
        not given).
    by : column name(s) or None
        Grouping columns of ``posts``; None gives one row for all posts. A column ``posts``
        lacks raises :class:`~smmanalytics.errors.SchemaError` naming the columns it has.
    daily : DataFrame, optional
        Account series, for followers at posting time (``er_followers``); then
        ``published_at`` must be tz-aware, or ISO text with its offset (posts read back with
        ``read_csv``); tz-naive times raise :class:`~smmanalytics.errors.SchemaError`.

    Returns
    -------
    DataFrame
        One row per group with ``posts``, ``interactions`` (sum), and for each denominator
        ``d`` in reach, impressions, views, followers: ``er_<d>_median`` (median of per-post
        rates) and ``er_<d>_pooled`` (Σ interactions / Σ d over the posts that have a rate:
        both known, ``d`` above 0; a post of reach 0 counts in ``interactions`` only);
        then ``ctr_median`` and ``ctr_pooled`` (Σ link_clicks / Σ impressions, or views where
        a post has no impressions). A group without any usable denominator gets NaN. In a
        group of several platforms, ``er_impressions_*`` leave YouTube's posts out (their
        impressions are thumbnail impressions), said in ``attrs["notes"]`` (a list of
        sentences, empty when none applies); posts given without ``daily`` and without a
        followers column have ``er_followers`` NaN, and a note says to pass ``daily=``. A
        post whose interactions are unknown (a blank component, see :func:`interactions`)
        counts in ``posts`` only: the group's ``interactions`` and rates are of its other
        posts (NaN when it has none), and a note says so, "interactions of 2 of 3 posts
        unknown (instagram): …", as the benchmarks' table does.

    Examples
    --------
    >>> df = pd.DataFrame({"platform": ["instagram"] * 2, "reactions": [10, 30],
    ...                    "comments": [0, 0], "reach": [100, 1000]})
    >>> e = engagement(df)
    >>> float(e.loc[0, "er_reach_median"]), float(e.loc[0, "er_reach_pooled"])
    (0.065, 0.03636363636363636)
    """
    if daily is None and not isinstance(posts, pd.DataFrame):
        daily = getattr(posts, "daily", None)          # a Dataset's own series
    posts = _posts_frame(posts)
    if daily is not None:
        frame_with(daily, [], "engagement", "the account series of ds.daily", "daily")
    try:
        keys = [by] if isinstance(by, str) else [] if by is None else list(by)
    except TypeError:                          # by=3: not a name, nor names
        keys = None
    if keys is None or not all(isinstance(k, str) for k in keys):
        raise ArgumentTypeError("by takes a column name, a list of column names or None",
                                argument="by", expected="such as 'platform' or "
                                "['platform', 'content_type']", got=by)
    outputs = ("posts", "interactions",
               *(f"er_{d}_{how}" for d in DENOMINATORS for how in ("median", "pooled")),
               "ctr_median", "ctr_pooled")
    clash = [k for k in keys if k in outputs or k.startswith("_")]
    if clash or len(set(keys)) < len(keys):
        raise ArgumentError(
            "by names the groups' columns, which cannot be a column engagement computes "
            "(posts, interactions, er_*, ctr_*), one of its own (_…), nor one column twice",
            argument="by", expected="such as 'platform' or ['platform', 'content_type']",
            got=by)
    # the caller's index (a level named 'platform' beside the column) is no group: groupby
    # found the name ambiguous
    posts = posts.reset_index(drop=True)
    missing = [k for k in keys if k not in posts.columns]
    if missing:     # "Platform" was told the 66 columns, not the one meant (s57R1)
        close = closest_key(missing[0], map(str, posts.columns))
        raise SchemaError(f"cannot group by {', '.join(map(repr, missing))}: posts lack that "
                          f"column" + (f" (did you mean {close!r}?)" if close else "")
                          + f"; expected one of {', '.join(map(str, posts.columns))}",
                          column=missing[0])
    # "Instagram" and "instagram " are one platform, as best_times and compare take the
    # name (_args.platform_name): they came out as two groups
    posts = canonical_platforms(posts)
    if "platform" in posts.columns:             # the groups' names as text, as before
        posts = posts.assign(platform=posts["platform"].astype("string"))
    df = add_rates(posts, daily)
    for d in DENOMINATORS:          # summed below as numbers, as rate() takes them
        if d in df.columns:
            df[d] = _numbers(df[d])
    df["_ctr_den"] = ctr_denominator(df)
    if "link_clicks" in df.columns:
        df["link_clicks"] = _numbers(df["link_clicks"])
    if not keys:
        df = df.assign(_all="all")
        keys = ["_all"]
    for k in keys:
        if isinstance(df[k].dtype, pd.CategoricalDtype):
            df[k] = df[k].astype("string")
    # the platform names, trimmed and lower-cased above
    df["_platform"] = column_or(df, "platform", dtype="string")
    out, youtube_left_out = _group_rates(df, keys)
    out = out.reset_index()
    unknown = _unknown_interactions(out, [k for k in keys if k != "_all"])
    out = out[[*keys, *outputs]]     # no posts: no row, the same columns
    if "_all" in out.columns:
        out = out.drop(columns="_all")
    # the groups keep their column's dtype (a category as string): paid stays boolean, not
    # object; a name stays string with pd.NA, with posts or without
    out = out.astype({k: df[k].dtype for k in keys if k != "_all"})
    num_cols = [c for c in out.columns
                if c.startswith(("er_", "ctr_")) or c == "interactions"]
    out[num_cols] = out[num_cols].astype("Float64")
    out["posts"] = out["posts"].astype("Int64")
    out = out.reset_index(drop=True)
    out.attrs["notes"] = (["er_impressions of several platforms leave out YouTube's posts: its "
                           "impressions are thumbnail impressions, not views of the post"]
                          if youtube_left_out else []) + unknown + _no_followers(df, daily)
    return out


def _no_followers(df: pd.DataFrame, daily: pd.DataFrame | None) -> list[str]:
    """The note of :func:`engagement` for posts given without their account series: the
    followers at posting time come from ``daily``, so ``er_followers`` is unknown for every
    post. ``engagement(ds.posts_in("2026-10"))`` gave a blank column, where
    ``engagement(ds)`` fills TikTok's, and nothing said why."""
    if daily is not None or df.empty or df["er_followers"].notna().any():
        return []
    return ["er_followers unknown: the followers at posting time come from the account "
            "series; pass daily=ds.daily (or the Dataset itself)"]


def _unknown_interactions(out: pd.DataFrame, keys: list[str]) -> list[str]:
    """A note per group of :func:`engagement`'s ``out`` (its ``posts`` and ``_unknown``
    columns, the ``keys`` naming the group) with posts whose interactions are unknown: its
    ``interactions`` sums the others, and its rates leave them out, which the figures alone
    do not say (3 posts, 2 unknown, read as 3 posts' total). The wording is benchmarks'."""
    notes = []
    for row in out[out["_unknown"] > 0].to_dict("records"):
        group = ", ".join("<NA>" if pd.isna(row[k]) else str(row[k]) for k in keys)
        notes.append(unknown_interactions_note(int(row["_unknown"]), int(row["posts"]),
                                               group=group))
    return notes


def unknown_interactions_note(unknown: int, n: int, *, group: str = "", period: str = ""
                              ) -> str:
    """The note of ``unknown`` of ``n`` posts whose interactions are unknown (a blank
    component): the interactions sum the others and the rates leave them out, which the
    figures alone do not say. One rule and one sentence for :func:`engagement`'s groups
    ("interactions of 1 of 5 posts unknown (x): …") and compare's periods ("… of 11 posts of
    2026-10 unknown: …"): period over period read "Posts 11, Interactions per post 96.7",
    870 / 9 posts, beside key figures that said it."""
    of = f" of {period}" if period else ""
    return (f"interactions of {unknown} of {n} posts{of} unknown"
            + (f" ({group})" if group else "")
            + (": interactions and rates are of the other posts" if unknown < n
               else ": interactions and rates unknown"))


def _group_rates(df: pd.DataFrame, keys: list[str]) -> tuple[pd.DataFrame, bool]:
    """:func:`engagement`'s numbers per group of ``df`` (posts with their rates, ``_platform``
    and ``_ctr_den``), indexed by the ``keys``; and whether YouTube's rates by impressions were
    left out of a group of several platforms.

    Computed column-wise: each post's share of every sum (its interactions where its rate
    counts, else NA) and of every median, then one grouped sum and one grouped median, so the
    cost does not grow with the number of groups (a loop over 1,000 campaigns took 5 s).
    """
    groups = df.groupby(keys, sort=True, dropna=False)
    by = [df[k] for k in keys]
    youtube = youtube_thumbnails(df["_platform"], by)   # left out of a group of several
    youtube_left_out = bool((youtube & df["er_impressions"].notna().to_numpy(bool)).any())
    interactions = df["interactions"]
    medians, sums = {}, {"interactions": interactions}
    for d in DENOMINATORS:
        kept = ~youtube if d == "impressions" else np.ones(len(df), dtype=bool)
        medians[f"er_{d}_median"] = df[f"er_{d}"].where(kept)
        # the posts that have a rate: both known, the denominator above 0
        den = df[d] if d in df.columns else pd.Series(pd.NA, index=df.index, dtype="Float64")
        both = (interactions.notna() & den.notna() & (den > 0)).fillna(False) & kept
        sums[f"_num_{d}"], sums[f"_den_{d}"] = interactions.where(both), den.where(both)
    medians["ctr_median"] = df["ctr"]
    known = df["ctr"].notna()
    clicks = column_or(df, "link_clicks", dtype="Float64")
    sums["_num_ctr"], sums["_den_ctr"] = clicks.where(known), df["_ctr_den"].where(known)
    summed = pd.DataFrame(sums).groupby(by, sort=True, dropna=False).sum(min_count=1)
    summed = summed.astype("float64")           # NA as NaN: a ratio of no posts is NaN
    out = pd.DataFrame(medians).groupby(by, sort=True, dropna=False).median()
    out.insert(0, "posts", groups.size())
    out.insert(1, "interactions", summed["interactions"])
    # the posts the sum leaves out, said in engagement()'s notes (_unknown_interactions)
    out.insert(2, "_unknown", interactions.isna().groupby(by, sort=True, dropna=False).sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        for rate_name in (*(f"er_{d}" for d in DENOMINATORS), "ctr"):
            name = rate_name.removeprefix("er_")
            out[f"{rate_name}_pooled"] = summed[f"_num_{name}"] / summed[f"_den_{name}"]
    return out, youtube_left_out
