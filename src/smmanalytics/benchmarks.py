"""The shipped benchmark table, comparisons computed the benchmark's way, and competitors.

A benchmark is compared only with a figure computed with the same numerator components, the
same denominator and the same aggregation (benchmarks-methods §1):

Only public feed posts enter the brand's figures (stories are left out), as the publishers see
public profiles; the rows of a platform with stories in the period say how many were left out.

- Rival IQ ("engagement rate per post by follower"): the brand's mean public engagements per
  post (reactions + comments + shares; saves excluded; boosted posts included) over the period,
  divided by the followers at the period's end: ``(Σ_p E_p / N) / F``.
- Socialinsider: the mean over posts of ``E_p / F_p``, followers at posting time (the last
  count of the 7 days up to the publish day: an older one is none, and the posts without one
  are left out and counted), with the publisher's per-platform components (Instagram: likes +
  comments; Facebook: reactions + comments + shares; X: likes + replies + reposts + quotes;
  LinkedIn: + clicks; TikTok: + saves). The X exports give no quotes, as TikTok's no saves:
  neither is compared. The TikTok row by views uses ``E_p / views_p``; the 2026 edition's
  TikTok rate, which one source gives by followers and another by a basis not said, is not
  compared.
- Buffer: the median over posts of ``(likes + comments + shares) / impressions``, of the
  organic posts only, as its rows (``includes_paid`` false: any row so marked is compared with
  the brand's organic posts; posts of unknown paid status are kept, and counted). Rows whose
  denominator is unresolved are never compared, nor are the platforms whose Buffer rate is not
  known to be by the impressions their exports give: Instagram (Buffer's glossary says
  impressions, its code reach), TikTok (no impressions) and YouTube (its exports' impressions
  are Studio's thumbnail impressions, which the YouTube API, a scheduling tool's source, does
  not give).
- Posts per week: the platform's feed posts in the period ÷ the weeks of the period its
  exports cover (first to last day of its posts or daily series, less the days between its
  posts exports that none covers: a month whose export is missing): a year whose data starts
  in March is not divided by 52 weeks. The method says so when the cover is partial.

X's shares in all three are its reposts, the public shares the publishers count (Buffer's
X "shares", Rival IQ's retweets/reposts, Socialinsider's reposts): the loader's X ``shares``
add the shares by direct message or link, which no public profile shows (``reposts`` is kept
apart for this); the rows of X say so. So are they in the brand's row among its competitors,
whose interactions are public counts.

When the brand's figure cannot be computed that way (followers unknown, no posts, a missing
component), the comparison is NaN and the note says why. A component blank on some posts only
(blank is "not available", not 0) leaves those posts' engagements unknown: the figure is taken
over the other posts, and the note says how many were left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
import warnings
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from ._actuals import has_posts_data, posts_coverage, posts_gaps
from ._args import frame_with, path_of, platform_name
from ._io import file_name, read_user_text, user_csv
from .errors import (
    ArgumentError,
    ArgumentTypeError,
    ConfigError,
    DataQualityWarning,
    require_dataset,
)
from .loaders._cutoff import hand_made_cut
from .metrics import followers_at
from .periods import Period, dataset_post_dates, days_text, parse_period
from .schema import canonical_platform, platforms_expected

__all__ = ["benchmarks", "benchmark_industries", "industry_name", "compare_benchmarks",
           "read_competitors", "compare_competitors", "competitors_within", "competitors_span",
           "competitors_left_out", "competitor_key", "account_names", "covered_days",
           "COMPETITOR_COLUMNS"]

#: what a weak benchmark's grade means to a reader (benchmarks-methods.md's grades): "C" is a
#: figure of one secondary source or of a source that gives no method, which §0 says not to
#: ship as a default without a warning; "C+" one of a single public extraction of the
#: publisher's tables, two of whose cells were found in other write-ups (§1.3), still one
#: secondary source for the others; "C-" one suspected of an extraction slip; "D" one derived
#: by us. Grades A and B, and A/B, need no caution.
_GRADE_NOTES = {
    "C+": "benchmark figure from a single public extraction of the publisher's tables, only a "
          "few of whose figures were confirmed elsewhere (grade C+): use with caution",
    "C": "benchmark figure from a single secondary source, or from a source that gives no "
         "method (grade C): use with caution",
    "C-": "benchmark figure from a single source, possibly misread from it (grade C-): use with "
          "caution",
    "D": "benchmark figure derived from other published figures, not published itself "
         "(grade D): use with caution",
}

logger = logging.getLogger(__name__)

_THOUSANDS = re.compile(r"\d{1,3}([.,']\d{3})+")
COMPETITOR_COLUMNS = ("platform", "competitor", "period", "followers", "posts", "interactions")
_PUBLIC = ("reactions", "comments", "shares")
#: Socialinsider's components by platform (benchmarks-methods §1.1), in the loader's names: X's
#: quotes, which its exports do not give, leave its rate not computable (a brand's quote posts
#: are no part of its likes, replies or reposts)
_SI_COMPONENTS = {"facebook": ("reactions", "comments", "shares"),
                  "instagram": ("reactions", "comments"),
                  "x": ("reactions", "comments", "shares", "quotes"),
                  "linkedin": ("reactions", "comments", "shares", "clicks"),
                  "youtube": ("reactions", "comments"),
                  "tiktok": ("reactions", "comments", "shares", "saves"),
                  "pinterest": ("reactions", "comments", "shares", "saves")}
#: how old a follower count may be and still stand for the followers "on the publish day" of
#: a post (Socialinsider's denominator): a week, the age past which the followers at a period's
#: end are said to be old (:func:`_followers_end`). A March count divided October's rates.
_PUBLISH_DAY_DAYS = 7
#: the platforms whose Buffer rate is no rate by the impressions the brand's exports give
#: (benchmarks-methods §1.1, §6; platform-exports §5.2, §11.1), and why: never compared
_BUFFER_UNKNOWN = {
    "instagram": "Buffer's Instagram denominator is uncertain (impressions in its glossary, reach "
                 "in its published code): not computable Buffer's way",
    "tiktok": "TikTok exports no impressions (views only), and Buffer's TikTok denominator is "
              "unknown: not computable Buffer's way",
    "youtube": "Buffer's YouTube denominator is unknown (not the thumbnail impressions YouTube "
               "exports, which its API does not give): not computable Buffer's way",
}
#: why a platform's posts may have no impressions at all (platform-exports §1.5)
_NO_IMPRESSIONS = {"facebook": "Meta replaced them by views in 2025"}


@functools.cache
def _raw_table() -> pd.DataFrame:
    """The shipped benchmark CSV as text, read once (a frame the callers never edit)."""
    with resources.files("smmanalytics").joinpath("data/benchmarks.csv").open(
            encoding="utf-8") as f:
        df = pd.read_csv(f, dtype=str, keep_default_na=False)
    return df.replace("", pd.NA)


def _names(col: str) -> list[str]:
    """The names the benchmark table uses in column ``col``, sorted."""
    return sorted(set(_raw_table()[col].dropna()))


def benchmark_industries() -> list[str]:
    """The industries the shipped benchmarks know (``all`` for all industries), sorted: those
    :func:`compare_benchmarks` and brand.yaml's ``industry`` take."""
    return _names("industry")


#: the words joining two nouns of an industry's name in the report's languages ("Health &
#: beauty", "Santé et beauté", "Salute e bellezza"), left out of its key
_JOINS = {"and", "et", "e"}


def _industry_key(text: str) -> str:
    """An industry's name reduced to its words: no case, accents, punctuation nor joining
    word ("Santé et beauté" and "sante-beaute" → ``sante_beaute``; "Health & Beauty" →
    ``health_beauty``)."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("&", " and "))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "_".join(w for w in re.split(r"[^a-z0-9]+", plain) if w and w not in _JOINS)


@functools.cache
def _industry_names() -> dict[str, str]:
    """Each industry's id by the key (:func:`_industry_key`) of its id and of the names the
    report prints for it in every language (report/labels.yaml's ``industry_*``): a brand.yaml
    written with "Health & Beauty" or "Santé et beauté" compared the brand with all
    industries."""
    labels = yaml.safe_load(resources.files("smmanalytics.report").joinpath(
        "labels.yaml").read_text(encoding="utf-8"))
    names = {}
    for industry in benchmark_industries():
        said = [labels[lang]["labels"].get(f"industry_{industry}") for lang in labels]
        for name in (industry, *filter(None, said)):
            names.setdefault(_industry_key(name), industry)
    return names


def industry_name(industry: object, argument: str = "industry") -> str:
    """``industry`` as the benchmark table writes it: its id (``health_beauty``), in any
    case, or the name the report prints for it in English, French or Italian ("Health &
    beauty", "Santé et beauté", "Salute e bellezza"), whatever their case, accents,
    punctuation and joining word ("health-beauty", "Sante & Beaute").

    An industry the benchmarks do not know (``beauty`` for ``health_beauty``) is a typo, not
    a request for all industries: it raises :class:`~smmanalytics.errors.ArgumentError`
    naming ``argument``, the industries known and what came, where it silently compared the
    brand with all industries; a value that is no name raises
    :class:`~smmanalytics.errors.ArgumentTypeError`.
    """
    if not isinstance(industry, str):
        raise ArgumentTypeError("not an industry name", argument=argument,
                                expected="a benchmark industry such as 'retail', or None (the "
                                "brand's)", got=industry)
    known = benchmark_industries()
    name = industry.strip().lower()
    if name in known:
        return name
    found = _industry_names().get(_industry_key(industry))
    if found is None:
        raise ArgumentError("no benchmark has this industry", argument=argument,
                            expected=f"one of {', '.join(known)} (any case), or its name in "
                            "the reports", got=industry)
    return found


def benchmarks(source: str | None = None, platform: str | None = None,
               industry: str | None = None, metric: str | None = None) -> pd.DataFrame:
    """The shipped benchmark table, one row per published number (benchmarks-methods §1).

    Parameters
    ----------
    source, platform, industry, metric : str, optional
        Each keeps the rows whose column of the same name is that value (case-insensitive);
        None keeps all. A name the table never uses (``industry="beauty"``, ``metric="er"``)
        is a typo, not a filter that matches nothing: it raises (see Raises). A known
        platform without a row (``pinterest``) gives an empty frame.

    Returns
    -------
    DataFrame
        With RangeIndex: source (string), edition (Int64), data_period_start,
        data_period_end (datetime64), platform, industry, metric (string), value (Float64,
        rates as fractions), unit, numerator_components (``|``-separated), denominator,
        aggregation (median_of_brand_means, median_of_brands: a posting rate's,
        mean_of_posts, median_of_posts), population (in words; all string),
        population_min_followers and population_max_followers (Int64:
        the population's bounds on the followers of an account, where the publisher filters
        them: Rival IQ's §1.1; NA for none), includes_paid (boolean), grade (string, A–D;
        ``C-`` marks suspected extraction artefacts), url, note (string).

    Raises
    ------
    ArgumentError
        (a ValueError) when ``source``, ``industry`` or ``metric`` is a name the table never
        uses, listing those it has.
    UnknownPlatformError
        when ``platform`` is not a known platform name.

    Examples
    --------
    >>> b = benchmarks(source="Rival IQ", platform="instagram", industry="all")
    >>> float(b.loc[b["edition"] == 2025, "value"].iloc[0])
    0.0036
    """
    df = _raw_table()
    out = df.astype({c: "string" for c in df.columns})
    out["edition"] = pd.to_numeric(out["edition"]).astype("Int64")
    for c in ("data_period_start", "data_period_end"):
        out[c] = pd.to_datetime(out[c]).astype("datetime64[ns]")
    out["value"] = pd.to_numeric(out["value"]).astype("Float64")
    for c in ("population_min_followers", "population_max_followers"):
        out[c] = pd.to_numeric(out[c]).astype("Int64")
    out["includes_paid"] = out["includes_paid"].map(
        {"true": True, "false": False}, na_action="ignore").astype("boolean")
    for col, want in (("source", source), ("platform", platform), ("industry", industry),
                      ("metric", metric)):
        if want is None:
            continue
        if col == "platform":
            want = platform_name(want)          # a misspelt platform: UnknownPlatformError
        else:
            # a name the table never uses is a typo, not a filter that happens to match nothing
            names = _names(col)
            if not (isinstance(want, str) and want.strip().lower() in {n.lower() for n in names}):
                raise ArgumentError(f"no benchmark has this {col}", argument=col,
                                    expected=f"one of {', '.join(names)} (any case)", got=want)
        out = out.loc[out[col].str.lower() == want.strip().lower()]
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- populations
def _population_notes(followers: float, bench: pd.Series) -> list[str]:
    """The notes of a brand whose ``followers`` lie outside the benchmark's population (its
    ``population_min_followers`` to ``population_max_followers``), none when inside, unknown
    or unbounded.

    The comparison is kept, the manager still seeing it, but a median of accounts of another
    size is no standard for theirs: a TikTok account of 3,414 followers read 5.31× Rival IQ's
    health & beauty median (4.517 % for 0.85 %) of accounts with 5,000 or more, with no word
    that by-follower rates fall as accounts grow (benchmarks-methods §1.1).
    """
    low, high = bench["population_min_followers"], bench["population_max_followers"]
    below = pd.notna(low) and followers < low
    above = pd.notna(high) and followers > high
    if np.isnan(followers) or not (below or above):
        return []
    accounts = (f"{bench['platform']} accounts with {int(low):,} to {int(high):,} followers"
                if pd.notna(low) and pd.notna(high)
                else f"{bench['platform']} accounts with at least {int(low):,} followers"
                if pd.notna(low) else
                f"{bench['platform']} accounts with at most {int(high):,} followers")
    notes = [f"{followers:,.0f} followers: outside the benchmark's population ({accounts})"]
    if bench["metric"] == "engagement_rate":
        notes.append("smaller accounts have higher rates" if below
                     else "larger accounts have lower rates")
    return notes


# --------------------------------------------------------------------------- brand figures
#: the note of a brand's rate per follower that cannot be worked out: its followers at the
#: period end are unknown (Meta's exports give net follows, not a total)
FOLLOWERS_UNKNOWN = "followers at the period end unknown: not computable this way"

#: the note of X's rows whose shares are its reposts (:func:`_posts_in`)
_X_REPOSTS = ("X shares counted as reposts only: shares by direct message or link are private "
              "and left out")


def _posts_in(ds, p: Period) -> pd.DataFrame:
    """Public feed posts published in ``p`` (local day): stories are left out, as benchmark
    publishers and public profiles do not see them. X's ``shares`` are its ``reposts`` (blank
    where those are) when the posts carry them: the loader's X shares add the private shares
    by direct message or link, which the publishers do not count (the sample's October X rate
    Buffer's way read 0.018076 for 0.016910)."""
    posts = ds.posts
    if posts is None or posts.empty:
        return posts if posts is not None else pd.DataFrame()
    day = dataset_post_dates(ds)
    keep = p.contains(day)
    if "content_type" in posts.columns:
        keep &= ~(posts["content_type"].astype("string") == "story").fillna(False)
    out = posts.loc[keep.to_numpy()]
    x = _x_reposts(out)
    if x.any():
        shares = out["shares"].astype("Float64") if "shares" in out.columns else \
            pd.Series(pd.NA, index=out.index, dtype="Float64")
        out = out.assign(shares=shares.mask(x, out["reposts"].astype("Float64")))
    return out


def _x_reposts(posts: pd.DataFrame) -> np.ndarray:
    """Which of ``posts`` are X's whose public shares are their ``reposts`` column (a frame
    without that column, built by hand, keeps its shares)."""
    if "reposts" not in posts.columns or "platform" not in posts.columns:
        return np.zeros(len(posts), dtype=bool)
    return (posts["platform"].astype("string") == "x").fillna(False).to_numpy()


def _stories_in(ds, p: Period) -> dict[str, int]:
    """The stories published in ``p`` (local day), by platform: those :func:`_posts_in` leaves
    out, which the report's other sections count (Instagram's 42 posts of October there, 30
    here)."""
    posts = ds.posts
    if posts is None or posts.empty or "content_type" not in posts.columns:
        return {}
    story = (posts["content_type"].astype("string") == "story").fillna(False).to_numpy()
    story &= p.contains(dataset_post_dates(ds)).to_numpy()
    counts = posts.loc[story, "platform"].astype("string").value_counts()
    return {str(k): int(v) for k, v in counts.items() if v}


def _stories_note(n: int, feed: int, why: str) -> str:
    """"12 stories left out (42 posts counting them): benchmarks count feed posts only" (``n``
    stories beside ``feed`` feed posts; ``why``: who counts feed posts only)."""
    one = n == 1
    return (f"{n} stor{'y' if one else 'ies'} left out ({n + feed} posts counting "
            f"{'it' if one else 'them'}): {why} count feed posts only")


def _engagements(posts: pd.DataFrame, components: tuple[str, ...]) -> tuple[pd.Series, list]:
    """Each post's engagements (the sum of ``components``) and the components the export
    lacks (no column, or blank on every post). A component blank on some posts only leaves
    those posts' engagements unknown (NA): a blank cell is "not available", not 0."""
    present = [c for c in components if c in posts.columns and posts[c].notna().any()]
    missing = [c for c in components if c not in present]
    e = posts[present].astype("Float64").sum(axis=1, skipna=False) if present else \
        pd.Series(pd.NA, index=posts.index, dtype="Float64")
    return e.astype("Float64"), missing


def _blank(posts: pd.DataFrame, components: tuple[str, ...], e: pd.Series) -> str:
    """The note of the posts whose engagements are unknown, a component being blank on them:
    "engagements of 2 of 40 posts unknown (shares blank): left out"."""
    unknown = int(e.isna().sum())
    if not unknown:
        return ""
    blank = [c for c in components if c in posts.columns and posts[c].isna().any()]
    n = len(e)
    return (f"engagements of {unknown} of {n} post{'' if n == 1 else 's'} unknown "
            f"({', '.join(blank)} blank): left out")


def _lacking(missing: list[str]) -> str:
    """The note of a figure the export cannot give the benchmark's way: a benchmark counting a
    component the brand's export lacks (TikTok exports no saves) is not compared with a figure
    that leaves it out."""
    return f"components missing from the export ({', '.join(missing)}): not computable this way"


def _followers_end(daily: pd.DataFrame, platform: str, p: Period, notes: list | None = None,
                   days: list | None = None, per_account: bool = False) -> float:
    """The platform's followers at the period's end: the last known ``followers_total`` on or
    before that day (NaN when unknown); of each account, added up, when the series name two
    accounts or more, as the engagements are the posts of all of them (their mean with
    ``per_account``, as a competitor's row of one account compares with). A note is added when a
    count is more than 7 days older than the end (the oldest one is named); ``days`` receives
    the days of the counts taken, oldest first, which a method names (a quarter still running
    is divided by its last known count, not by one of its last day)."""
    if daily is None or daily.empty:
        return np.nan
    f = daily.loc[(daily["metric"] == "followers_total").fillna(False).to_numpy()
                  & (daily["platform"].astype("string") == platform).fillna(False).to_numpy()]
    f = f.loc[(pd.to_datetime(f["date"]) <= p.end_ts).to_numpy()].dropna(subset=["value"])
    if f.empty:
        return np.nan
    # per account when the series name two accounts or more, as followers_at joins them;
    # else per platform (two exports may name the one account differently, or not at all)
    f = f.sort_values("date", kind="stable")
    account = (f["account_id"].astype("string") if "account_id" in f.columns
               else pd.Series(pd.NA, index=f.index, dtype="string"))
    if account.nunique() >= 2:
        named = account.notna().to_numpy()
        last = f.loc[named].groupby(account.to_numpy()[named], sort=False).tail(1)
    else:
        last = f.tail(1)
    oldest = pd.Timestamp(last["date"].min())
    if days is not None:
        days.extend(sorted({pd.Timestamp(d).date() for d in last["date"]}))
    age = (p.end_ts - oldest).days
    if notes is not None and age > 7:
        notes.append(f"{platform} followers from {oldest.date()}, {age} days before the period "
                     "end")
    counts = last["value"].astype("float64")
    return float(counts.mean() if per_account else counts.sum())


def _covered(ds, platform: str, p: Period) -> tuple[dt.date, dt.date]:
    """The days of ``p`` a platform's posts exports cover: from the first to the last day of
    :func:`~smmanalytics._actuals.posts_coverage`, the cover's, else (no export says its days)
    :meth:`Dataset.span`'s. A year's posting rate is counted over these weeks, not over weeks
    before the exports start or after they end.

    TikTok's export of 2 November, whose 12 videos were posted from 1 to 23 October, covers
    all of October: counted up to its last post, 12 ÷ 3.29 weeks read 3.65 a week (2.67× Rival
    IQ's 1.37) for 2.71 (1.98×), and the note said the export covered only up to the 23rd
    where the cover did not call TikTok partial."""
    stretches = posts_coverage(ds, platform)
    first, last = ((stretches[0][0], stretches[-1][1]) if stretches
                   else ds.span(platform, web=False))
    if first is None:
        return p.start, p.end
    start, end = max(p.start, first), min(p.end, last)
    return (start, end) if start <= end else (p.start, p.end)


def covered_days(ds, platform: str, p: Period) -> int:
    """How many days of ``p`` the platform's posts exports cover: those from :func:`_covered`'s
    first to last, less the months no export covers between two that do
    (:func:`~smmanalytics._actuals.posts_gaps`). The brand's posting rate is counted over them,
    in the benchmarks and beside its competitors alike: without August's Facebook export, its
    17 posts of August-September read 2.0 a week over the 61 days (17 ÷ 8.71) beside the
    competitors, for 3.97 over the 30 days the exports cover (17 ÷ 4.29); a year without its
    July export, 3.2 a week (137 posts ÷ 43.43 weeks) for 3.5 over the 39 weeks covered."""
    start, end = _covered(ds, platform, p)
    _, gaps = posts_gaps(ds, platform, start, end)
    return (end - start).days + 1 - sum((e - s).days + 1 for s, e in gaps)


def _reaches(ds, platform: str, p: Period) -> bool:
    """Whether the days a platform's data tell of (:meth:`Dataset.span`) reach into ``p``;
    True when they are unknown (no day known: the posts exports read say nothing of theirs)."""
    first, last = ds.span(platform, web=False)
    return first is None or (first <= p.end and last >= p.start)


def _brand_figure(ds, bench: pd.Series, posts: pd.DataFrame, p: Period) -> tuple[float, str, str]:
    """(value, method, note) for one benchmark row; NaN with the reason when not computable.

    The posting rate is counted the same whatever the source; an engagement rate is computed
    the way of the benchmark's source (:data:`_WAYS`), on the platform's posts of ``p``.
    """
    src, plat = bench["source"], bench["platform"]
    g = posts.loc[(posts["platform"].astype("string") == plat).fillna(False).to_numpy()]
    if bench["metric"] == "posts_per_week":
        return _posts_per_week(ds, plat, g, p)
    if g.empty:
        return np.nan, "", f"no {plat} posts in {p.label}"
    way = _WAYS.get(src)
    if way is None:
        return np.nan, "", f"no method for source {src!r}"
    organic_only = pd.notna(bench["includes_paid"]) and not bool(bench["includes_paid"])
    if not organic_only:
        return way(ds, g, plat, bench["denominator"], p)
    organic, said, unknown = _organic(g)
    if organic.empty:
        return np.nan, "", f"no organic {plat} posts in {p.label} ({len(g)} paid): none to compare"
    value, method, note = way(ds, organic, plat, bench["denominator"], p)
    return value, f"{method}, {said}" if method else method, "; ".join(
        x for x in (note, unknown) if x)


def _organic(g: pd.DataFrame) -> tuple[pd.DataFrame, str, str]:
    """The organic posts of ``g``, what the method says of them and the note of those whose
    paid status is unknown (kept: most posts are organic, and a blank is no "paid"), for a
    benchmark of organic posts only (``includes_paid`` false: Buffer's). Buffer's LinkedIn
    median of October took its 3 paid posts of 7 with the others (2.86 % for 2.77 %)."""
    paid = (g["paid"].astype("boolean") if "paid" in g.columns
            else pd.Series(pd.NA, index=g.index, dtype="boolean"))
    n, n_paid, n_unknown = len(g), int(paid.fillna(False).sum()), int(paid.isna().sum())
    said = f"organic posts only, as the benchmark ({n_paid} of {n} paid, left out)"
    unknown = (f"paid status of {n_unknown} of {n} post{'' if n == 1 else 's'} unknown: kept "
               "as organic" if n_unknown else "")
    return g.loc[~paid.fillna(False).to_numpy()], said, unknown


def _posts_per_week(ds, plat: str, g: pd.DataFrame, p: Period) -> tuple[float, str, str]:
    """Posts per week: the platform's posts ``g`` over the weeks of ``p`` its exports cover
    (:func:`_covered`), per account: a benchmark's pace is one account's, and two Instagram
    accounts' 42 posts of October read 9.5 a week against Rival IQ's 6.0 (1.57×) where each
    posted 4.7 on average (30 and 12 posts over 4.43 weeks)."""
    start, end = _covered(ds, plat, p)
    _, gaps = posts_gaps(ds, plat, start, end)
    days = covered_days(ds, plat, p)
    weeks = days / 7
    names = account_names(g)
    per = max(len(names), 1)
    note = (f"the mean per account ({len(g)} posts ÷ {per} accounts: {', '.join(names)}), as "
            "the benchmark is one account's pace" if per > 1 else "")
    method = f"posts published in {p.label} ÷ {weeks:.2f} weeks"
    if gaps:
        method += f", the {days} days of it the {plat} posts exports cover"
    elif (start, end) != (p.start, p.end):
        method += f": the {plat} exports cover only {days_text(start, end)} of it"
    return len(g) / weeks / per, method, note


def account_names(g: pd.DataFrame) -> list[str]:
    """The accounts of posts ``g``, by name where the export gives one (an Instagram
    account's id is a number), sorted: a platform of several accounts is said to pool them,
    and its posts a week are compared per account.

    Parameters
    ----------
    g : DataFrame
        Posts (the posts table's ``account_id``, and ``account_name`` where exported).

    Returns
    -------
    list of str
        One name per distinct ``account_id`` (the ``account_name`` of its first post, else
        the id as exported), sorted; empty when ``g`` has no ``account_id`` column or none is
        known.
    """
    if "account_id" not in g.columns:
        return []
    ids = g["account_id"].dropna()
    named = (g.loc[ids.index, "account_name"].fillna(ids) if "account_name" in g.columns
             else ids)
    return sorted(map(str, named.groupby(ids.to_numpy()).first()))


def _rival_iq_way(ds, g: pd.DataFrame, plat: str, den: str, p: Period
                  ) -> tuple[float, str, str]:
    """Rival IQ's engagement rate: mean public engagements per post ÷ followers at the end of
    ``p`` (``den`` is not read: Rival IQ's is always followers)."""
    e, missing = _engagements(g, _PUBLIC)
    stale: list[str] = []
    used: list[dt.date] = []
    f = _followers_end(ds.daily, plat, p, stale, used)
    n = int(e.notna().sum()) if not missing else len(g)
    # the day of the count divided by (of the accounts' counts, the oldest to the newest),
    # not the period's end when the series stop before it; none named when none is known:
    # the 2026 report divided, it said, by the followers of 31 December, two months after
    # the data's last day, where no count at all was known
    on = f"on {days_text(used[0], used[-1])}" if used else "(no count known)"
    method = (f"Rival IQ way: mean public engagements per post (reactions + comments + shares, "
              f"boosted posts included; {n} post{'' if n == 1 else 's'}) ÷ followers {on}")
    if missing:
        return np.nan, method, _lacking(missing)
    if np.isnan(f) or f <= 0:
        return np.nan, method, FOLLOWERS_UNKNOWN
    if not n:
        return np.nan, method, _blank(g, _PUBLIC, e)
    notes = [*stale, _blank(g, _PUBLIC, e)]
    return float(e.mean()) / f, method, "; ".join(x for x in notes if x)


def _socialinsider_way(ds, g: pd.DataFrame, plat: str, den: str, p: Period
                       ) -> tuple[float, str, str]:
    """Socialinsider's engagement rate: mean over posts of the platform's engagements ÷
    followers on the publish day or views, as ``den`` says (``p`` is not read: ``g`` holds
    its posts)."""
    comps = _SI_COMPONENTS.get(plat, _PUBLIC)
    if den not in ("followers", "views"):     # the 2026 TikTok 3.70 %: by which?
        return np.nan, (f"Socialinsider way: mean over posts of ({' + '.join(comps)}) ÷ "
                        "a denominator its sources disagree on"), (
            f"the benchmark's denominator is unresolved ({den}): not compared")
    e, missing = _engagements(g, comps)
    if den == "views":
        d = g["views"].astype("Float64") if "views" in g else pd.Series(pd.NA, dtype="Float64")
        what = "views"
    else:
        d = followers_at(g, ds.daily, within_days=_PUBLISH_DAY_DAYS)
        what = "followers on the publish day"
    r = (e / d.mask(d == 0)).astype("Float64")
    method = (f"Socialinsider way: mean over posts of ({' + '.join(comps)}) ÷ {what} "
              f"({0 if missing else int(r.notna().sum())} of {len(g)} posts)")
    if missing:
        return np.nan, method, _lacking(missing)
    if e.notna().sum() == 0:
        return np.nan, method, _blank(g, comps, e)
    if r.notna().sum() == 0:
        return np.nan, method, f"{what} unknown: not computable this way"
    notes = [_blank(g, comps, e), _followers_unknown(d, e) if den == "followers" else ""]
    return float(r.mean()), method, "; ".join(x for x in notes if x)


def _followers_unknown(d: pd.Series, e: pd.Series) -> str:
    """The note of the posts whose engagements are known but whose followers on the publish
    day are not (no count within :data:`_PUBLISH_DAY_DAYS` days before it): "followers on the
    publish day unknown for 6 of 30 posts (no count in the 7 days before): left out"."""
    unknown = int((e.notna() & d.isna()).sum())
    if not unknown:
        return ""
    n = len(d)
    return (f"followers on the publish day unknown for {unknown} of {n} "
            f"post{'' if n == 1 else 's'} (no count in the {_PUBLISH_DAY_DAYS} days before): "
            "left out")


def _buffer_way(ds, g: pd.DataFrame, plat: str, den: str, p: Period
                ) -> tuple[float, str, str]:
    """Buffer's engagement rate: median over posts of public engagements ÷ impressions
    (``ds`` and ``p`` are not read: ``g`` holds the period's posts and their impressions)."""
    method = "Buffer way: median over posts of (likes + comments + shares) ÷ impressions"
    if den != "impressions":
        return np.nan, method, (f"the benchmark's denominator is unresolved ({den}): "
                                "not compared")
    if plat in _BUFFER_UNKNOWN:
        return np.nan, method, _BUFFER_UNKNOWN[plat]
    e, missing = _engagements(g, _PUBLIC)
    if missing:
        return np.nan, method, _lacking(missing)
    if e.notna().sum() == 0:
        return np.nan, method, _blank(g, _PUBLIC, e)
    imp = g["impressions"].astype("Float64")
    r = (e / imp.mask(imp == 0)).astype("Float64")
    if r.notna().sum() == 0:
        why = _NO_IMPRESSIONS.get(plat, "blank on every post")
        return np.nan, method, (f"{plat} impressions unknown ({why}): not computable "
                                "Buffer's way")
    return float(r.median()), method, _blank(g, _PUBLIC, e)


#: each benchmark source's way of computing the brand's engagement rate, called with
#: (ds, the platform's posts of the period, platform, the benchmark's denominator, period)
_WAYS = {"Rival IQ": _rival_iq_way, "Socialinsider": _socialinsider_way, "Buffer": _buffer_way}


def compare_benchmarks(ds, period_or_year: object, industry: str | None = None, *,
                       source: str | None = "Rival IQ", edition: int | None = None
                       ) -> pd.DataFrame:
    """The brand's figures computed each benchmark's way, next to the benchmark.

    Parameters
    ----------
    ds : Dataset
    period_or_year : str, int, tuple or Period
        ``2025`` for a calendar year (what the annual reports measure), or a month/quarter.
    industry : str, optional
        A benchmark industry (``retail``, ``health_beauty``, ...; any case); default the
        brand's (brand.yaml's ``industry``). One the benchmarks do not know at all raises
        :class:`~smmanalytics.errors.ArgumentError` listing those they know
        (:func:`benchmark_industries`); a known one that the chosen source has no row of (its
        platform, or a source publishing all-industry figures only) is compared with all
        industries, and the note says so.
    source : str or None
        ``Rival IQ`` (default), ``Socialinsider`` or ``Buffer``: families are never mixed.
        None stacks every family (latest edition of each), each row computed its own way.
        The name is taken in any case; another raises :class:`~smmanalytics.errors.ArgumentError`.
    edition : int, optional
        Default: the latest edition of that source; one it never published raises
        :class:`~smmanalytics.errors.ArgumentError` listing those it did.

    Returns
    -------
    DataFrame
        platform, metric, denominator (the benchmark's: ``followers``, ``impressions``,
        ``views``, one its sources disagree on, or ``week`` for a posting rate), source, edition,
        industry (the benchmark row's: ``all`` where the brand's has no row), brand_value,
        benchmark_value, ratio (brand ÷ benchmark), posts, method, grade, note.
    """
    require_dataset(ds, "compare_benchmarks")
    if source is None:
        if edition is not None:
            raise ArgumentError("edition needs a source: editions differ between publishers")
        parts = [compare_benchmarks(ds, period_or_year, industry, source=s)
                 for s in sorted(benchmarks()["source"].unique())]
        return pd.concat(parts, ignore_index=True)
    p = parse_period(period_or_year)
    industry, refused = _compared_industry(ds, industry)
    source, ed, table = _benchmark_table(source, edition)
    posts = _posts_in(ds, p)
    stories = _stories_in(ds, p)
    rows = []
    platforms = sorted(set(posts["platform"].astype("string").dropna())) if len(posts) else []
    for plat in platforms:
        coverage = _coverage_note(ds, plat, p)
        chosen, fallback = _industry_rows(table, plat, industry)
        n = int((posts["platform"] == plat).sum())
        if chosen.empty:
            rows.append({"platform": plat, "metric": "engagement_rate", "denominator": None,
                         "source": source, "edition": ed, "industry": industry,
                         "brand_value": np.nan, "benchmark_value": np.nan, "ratio": np.nan,
                         "posts": n, "method": None, "grade": None,
                         "note": f"{source} {ed} has no {plat} benchmark: not compared"})
        # the posts the brand's figure leaves out, which its other figures count
        left = _stories_note(stories[plat], n, "benchmarks") if stories.get(plat) else ""
        for _, b in chosen.iterrows():
            value, method, note = _brand_figure(ds, b, posts, p)
            notes = _row_notes(ds, b, posts, p, value, note, left=left, coverage=coverage,
                               industry=(fallback, refused))
            bv, zero = _benchmark_value(b)
            rows.append({"platform": plat, "metric": b["metric"],
                         "denominator": b["denominator"], "source": source, "edition": ed,
                         "industry": b["industry"], "brand_value": value, "benchmark_value": bv,
                         "ratio": value / bv if bv and not np.isnan(value) else np.nan,
                         "posts": n, "method": method, "grade": b["grade"],
                         "note": "; ".join(notes + zero) or None})
    cols = ["platform", "metric", "denominator", "source", "edition", "industry", "brand_value",
            "benchmark_value", "ratio", "posts", "method", "grade", "note"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"platform": "string", "metric": "string", "denominator": "string",
                       "source": "string",
                       "edition": "Int64", "industry": "string", "brand_value": "Float64",
                       "benchmark_value": "Float64", "ratio": "Float64", "posts": "Int64",
                       "method": "string", "grade": "string", "note": "string"})


def _compared_industry(ds, industry: str | None) -> tuple[str, str]:
    """The industry compared (``industry``, else the brand's, else all industries) and the
    note said on every row when brand.yaml's industry was refused on load (a quality note)
    and all industries are compared in its place: with the industries known, where "all
    industries" read as the brand's choice; else ""."""
    industry = (industry_name(industry) if industry is not None
                else industry_name(getattr(ds.brand, "industry", None) or "all",
                                   "brand.industry"))
    given = getattr(ds.brand, "industry_refused", None)
    refused = (f"brand.yaml's industry {given!r} is not one the benchmarks know "
               f"({', '.join(i for i in benchmark_industries() if i != 'all')}): compared "
               "with all industries" if given and industry == "all" else "")
    return industry, refused


def _benchmark_table(source: object, edition: int | None) -> tuple[str, int, pd.DataFrame]:
    """The source's name as the table writes it (``source`` in any case), the edition
    compared (``edition``, else the source's latest) and that edition's benchmark rows: a
    source or edition the table does not have raises an ArgumentError listing those it
    has, where it compared with nothing."""
    sources = sorted(benchmarks()["source"].unique())
    name = (next((s for s in sources if s.lower() == source.strip().lower()), None)
            if isinstance(source, str) else None)
    if name is None:
        raise ArgumentError("unknown benchmark source", argument="source",
                            expected=f"one of {', '.join(sources)} (any case), or None for all",
                            got=source)
    table = benchmarks(source=name)
    editions = sorted(int(e) for e in table["edition"].dropna().unique())
    if edition is not None and edition not in editions:
        raise ArgumentError(f"{name} published no such edition", argument="edition",
                            expected=f"one of {', '.join(map(str, editions))} or None (the "
                            "latest)", got=edition)
    ed = edition if edition is not None else editions[-1]
    return name, ed, table.loc[(table["edition"] == ed).to_numpy()]


def _industry_rows(table: pd.DataFrame, plat: str, industry: str) -> tuple[pd.DataFrame, str]:
    """The benchmark rows of ``table`` for ``plat`` in ``industry``; where it has none (a
    source publishing all-industry figures only), those of all industries, with the note
    that says so (else "")."""
    cand = table.loc[(table["platform"] == plat).to_numpy()]
    chosen = cand.loc[(cand["industry"] == industry).to_numpy()]
    if not chosen.empty or industry == "all":
        return chosen, ""
    return (cand.loc[(cand["industry"] == "all").to_numpy()],
            f"no {industry!r} row: compared with all industries")


def _coverage_note(ds, plat: str, p: Period) -> str:
    """What of ``p`` the platform's exports leave out, said on each of its rows: the days
    they cover when more than two weeks are missing at an end (TikTok's may start two
    months after the others'), and the months without an export in between (July's,
    which "cover only" did not say), as its posts-per-week row counts them; else ""."""
    first, last = _covered(ds, plat, p)
    coverage = (f"the {plat} exports cover only {days_text(first, last)} of {p.label}"
                if (first - p.start).days > 14 or (p.end - last).days > 14 else "")
    return "; ".join(c for c in [coverage] + [
        f"no {plat} posts export covers {days_text(s, e)} of {p.label}"
        for s, e in posts_gaps(ds, plat, first, last)[1]] if c)


def _row_notes(ds, b: pd.Series, posts: pd.DataFrame, p: Period, value: float, note: str,
               *, left: str, coverage: str, industry: tuple[str, ...]) -> list[str]:
    """The notes of the benchmark row ``b`` beside the brand's ``value`` (of the period's
    ``posts``), in the order a reader needs them: the posts the figure ``left`` out (stories),
    the figure's own ``note``, X's shares where a rate is computed, the platform's
    ``coverage``, the benchmark's own note, the ``industry`` notes (the fallback to all
    industries, the refused brand.yaml industry), then what makes the benchmark unlike the
    brand: the population's follower bounds, a weak grade, another measurement period.
    Blank notes are left out: a row says only what holds for it."""
    plat = b["platform"]
    # said of a figure computed only: not beside the reason there is none
    shares = (_X_REPOSTS if b["metric"] == "engagement_rate" and not np.isnan(value)
              and _x_reposts(posts.loc[(posts["platform"] == plat).to_numpy()]).any()
              else "")
    notes = [n for n in (left, note, shares, coverage,
                         b["note"] if pd.notna(b["note"]) else "", *industry) if n]
    # the followers Rival IQ's rate divides by, the only publisher filtering accounts by
    # their size
    if pd.notna(b["population_min_followers"]) or pd.notna(b["population_max_followers"]):
        notes += _population_notes(_followers_end(ds.daily, plat, p), b)
    if str(b["grade"]) in _GRADE_NOTES:     # what the grade letter means, said
        notes.append(_GRADE_NOTES[str(b["grade"])])
    dstart, dend = b["data_period_start"], b["data_period_end"]
    if pd.notna(dstart) and (p.start, p.end) != (dstart.date(), dend.date()):
        notes.append(f"benchmark measured over {days_text(dstart, dend)}, "
                     f"brand over {p.label}")
    return notes


def _benchmark_value(b: pd.Series) -> tuple[float, list[str]]:
    """The benchmark row's value, and the note when it is none: 0.00 % and 0.0 posts a week
    (X health & beauty, 2025), which the source marks as an artefact, stood in the report
    as a benchmark; they are NaN, "the source gives 0"."""
    bv = float(b["value"])
    if bv == 0 and b["metric"] in ("engagement_rate", "posts_per_week"):
        return np.nan, ["the source gives 0: no usable benchmark"]
    return bv, []


# --------------------------------------------------------------------------- competitors
def read_competitors(path: str | Path, *, data: bytes | None = None) -> pd.DataFrame:
    """Read competitors.csv: ``platform, competitor, period, followers, posts, interactions``.

    ``period`` is ``YYYY-MM``, ``YYYY-Qn``, ``YYYY`` or ``YYYY-MM-DD..YYYY-MM-DD`` (a date with
    slashes or dots, ``01/10/2026``, is refused: its day and month order is not known);
    ``followers`` are at the period's end; ``interactions`` are public counts
    (likes/reactions + comments + shares) of the posts published in the period. Empty numbers
    are unknown (NaN). Each line has the header's fields (blank ones after them aside): a
    thousands comma left unquoted (``24,971``) split a number in two. A competitor is one
    whatever the case, Unicode form or spaces of its name (:func:`competitor_key`).

    Parameters
    ----------
    path : str or os.PathLike
        The competitors.csv file, named in errors and in ``source_file``.
    data : bytes, optional
        Its bytes, when it is a member of a zipped brand folder that ``path`` names
        (``brand.zip!brand/competitors.csv``); None reads ``path``.

    Returns
    -------
    DataFrame
        platform, competitor, period (string, the period's label), period_start, period_end
        (datetime64), followers, posts, interactions (Float64), line (Int64, 1-based file
        line), source_file (string).

    Raises
    ------
    ConfigError
        naming the file, the line, the column, what was expected and what came; a file
        saved as UTF-16 or tab-separated says so.
    """
    path = path_of(path, "path", "read_competitors", "the path of a competitors.csv")
    text = read_user_text(path, "competitors file", data)
    reader, delim = user_csv(text, path)
    header = [h.strip().lower().replace(" ", "_") for h in next(reader, [])]
    missing = [c for c in COMPETITOR_COLUMNS if c not in header]
    if missing:
        raise ConfigError("competitors file lacks required columns", file=str(path), line=1,
                          column=missing[0], expected=", ".join(COMPETITOR_COLUMNS),
                          got=", ".join(header) or "an empty file")
    rows, seen = [], {}
    last: tuple[int, list[str]] = (1, [])    # the file's last line, blank or not: where a cut is
    for raw in reader:
        line = reader.line_num
        last = (line, raw)
        if not any(c.strip() for c in raw):
            continue
        _check_fields(raw, header, path, line)
        rec = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}

        def fail(col: str, expected: str, line: int = line, rec: dict = rec) -> ConfigError:
            return ConfigError("invalid value", file=str(path), line=line, column=col,
                               expected=expected, got=rec[col])

        plat = canonical_platform(rec["platform"])
        if plat is None:
            raise fail("platform", f"one of {platforms_expected()}")
        if not rec["competitor"]:
            raise fail("competitor", "a name")
        try:
            p = parse_period(rec["period"])
        except ValueError as exc:
            raise ConfigError(f"invalid period: {exc}", file=str(path), line=line,
                              column="period", expected=_PERIOD_FORMS,
                              got=rec["period"]) from None
        nums = {}
        for col in ("followers", "posts", "interactions"):
            t = re.sub(r"[\s\u00a0\u202f]", "", rec[col])
            if _THOUSANDS.fullmatch(t):
                t = re.sub(r"[.,']", "", t)
            try:
                nums[col] = float(t) if t else np.nan
            except ValueError:
                raise fail(col, "a whole number >= 0, or empty") from None
            if nums[col] < 0 or not float(nums[col]).is_integer() and t:
                raise fail(col, "a whole number >= 0, or empty")
        key = (plat, competitor_key(rec["competitor"]), p.label)
        if key in seen:
            raise ConfigError("duplicate competitor row", file=str(path), line=line,
                              column="competitor", expected=f"one row per platform, competitor "
                              f"and period (first on line {seen[key]})", got=rec["competitor"])
        seen[key] = line
        rows.append({"platform": plat, "competitor": rec["competitor"], "period": p.label,
                     "period_start": pd.Timestamp(p.start), "period_end": pd.Timestamp(p.end),
                     **nums, "line": line})
    if rows:
        _warn_cut_off(text, delim, header, *last, path)
    out = pd.DataFrame(rows, columns=[*COMPETITOR_COLUMNS[:3], "period_start", "period_end",
                                      *COMPETITOR_COLUMNS[3:], "line"])
    out = out.astype({"platform": "string", "competitor": "string", "period": "string",
                      "period_start": "datetime64[ns]", "period_end": "datetime64[ns]",
                      "followers": "Float64", "posts": "Float64", "interactions": "Float64",
                      "line": "Int64"})
    out["source_file"] = pd.Series([str(path)] * len(out), dtype="string")
    return out


#: the forms of competitors.csv's ``period``
_PERIOD_FORMS = "YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD"


def competitor_key(name: str) -> str:
    """A competitor's name as it is matched: NFC, case folded, its spaces collapsed.
    ``Bloom & Co Paris`` in August and ``BLOOM & CO PARIS`` in September are one competitor,
    as are a ``Lumière`` typed on Windows (NFC) and one pasted from a Mac (NFD): the quarter
    summing its months left out a competitor whose months were spelt two ways."""
    return " ".join(unicodedata.normalize("NFC", str(name)).casefold().split())


def _warn_cut_off(text: str, delim: str, header: list[str], line: int, raw: list[str],
                  path: Path) -> None:
    """Warn (``competitors_cut_off``, as costs.csv's ``costs_cut_off``) when the file looks cut
    off (:func:`~.loaders._cutoff.hand_made_cut`): it ends inside its last line, short of the
    header's columns, on a number (``…,5271,16,7`` for ``…,5271,16,733,note``: 733
    interactions read 7, with no word) or inside a quoted cell never closed. The line is kept
    as read; a file ending with a line break, as a spreadsheet saves it, is whole, and so is
    one whose last line has every column (Google Sheets' download may end without a break).
    ``line`` and ``raw`` are the file's last line, blank or not."""
    where = hand_made_cut(text, delim, header, raw, COMPETITOR_COLUMNS[3:])
    if where is not None:
        warnings.warn(DataQualityWarning(
            f"{file_name(path)} looks cut off, a copy or a download interrupted: it ends "
            f"inside line {line}, {where}, with no line break; the line was read as it is, "
            "so its last figure may be short and the lines after it, if the file had more, "
            "missing: check it against the original file",
            "competitors_cut_off"), stacklevel=3)


def _check_fields(raw: list[str], header: list[str], path: Path, line: int) -> None:
    """A ConfigError when a line stops before the last column read (``interactions``, say), or
    has fields that are not blank beyond the header or under a blank header cell:
    ``instagram,Atelier Lumière,2026-10,24,971,25,19,709``, its thousands written with
    unquoted commas, read 24 followers, 971 posts and 25 interactions without a word.

    A line may stop short of columns that are not read (a ``notes`` column left empty) or
    that have no name (a header ending in ``,,``): such files were read before, and nothing
    of them is lost."""
    used = [i for i, h in enumerate(header) if h in COMPETITOR_COLUMNS]
    width = used[-1] + 1
    spilled = [c for i, c in enumerate(raw) if c.strip() and (i >= len(header) or not header[i])]
    if len(raw) >= width and not spilled:
        return
    named = [h for h in header if h]
    others = [h for h in header[width:] if h]
    raise ConfigError(
        f"line {line} has {len(raw)} fields, the header {len(named)}", file=str(path),
        line=line, column=header[used[-1]] if spilled
        else next(header[i] for i in used if i >= len(raw)),
        expected=f"{width} fields ({', '.join(h for h in header[:width] if h)})" + (
            f", then {', '.join(others)} or nothing" if others else "") + (
            "; a number written with a thousands comma (24,971) is quoted (\"24,971\") or "
            "written without it" if spilled else ""),
        got=f"{len(raw)} fields: {', '.join(raw)}")


def compare_competitors(ds, period: object, competitors: pd.DataFrame | None = None
                        ) -> pd.DataFrame:
    """The brand side by side with its competitors, on the same public definitions.

    For the brand and each competitor of the period (its row of the same period label, else
    the sum of its rows of shorter periods that make it up, a quarter's three months, noted):
    followers (at the period end), posts, interactions (public counts: reactions + comments +
    shares, boosted posts included), ``interactions_per_post`` = interactions / posts,
    ``er_followers`` = interactions_per_post / followers (the Rival IQ way),
    ``posts_per_week`` = posts / (days / 7), the brand's days those of the period its posts
    exports cover (:func:`covered_days`, said in its note when fewer). Zero or unknown
    denominators give NaN.

    Parameters
    ----------
    ds : Dataset
        The brand's posts and daily series give its own row; its ``competitors``
        (competitors.csv) the others, unless ``competitors`` is given.
    period : str, tuple, Period or pandas.Period
        As :func:`~smmanalytics.periods.parse_period` takes it (``"2026-Q3"``).
    competitors : DataFrame, optional
        A frame of :func:`read_competitors` to use instead of ``ds.competitors``.

    Returns
    -------
    DataFrame
        With RangeIndex: platform, name (string), is_brand (boolean), followers, posts,
        interactions, interactions_per_post, er_followers, posts_per_week (Float64), days
        (Int64, those posts_per_week counts), rank (Int64, by er_followers within the
        platform, 1 = best), note (string); no row when
        no competitor row covers the period. The brand's row of a platform whose posts are of
        several accounts is their mean per account (followers, posts, interactions), said in
        its note: each competitor is one account.

    Raises
    ------
    ArgumentTypeError
        (a TypeError) when ``ds`` is not a Dataset, or ``competitors`` not a DataFrame.
    SchemaError
        when ``competitors`` lacks a column of competitors.csv.
    PeriodError
        when ``period`` is not a period.
    """
    require_dataset(ds, "compare_competitors")
    p = parse_period(period)
    comp = ds.competitors if competitors is None else competitors
    if competitors is not None:
        frame_with(competitors, list(COMPETITOR_COLUMNS), "compare_competitors",
                   "a frame of read_competitors()", "competitors")
    rows = []
    if comp is not None and not comp.empty:
        rows = _competitor_rows(ds, _competitors_of(comp, p, ds.brand.name,
                                                    _own_platforms(ds, comp, p))[0], p)
    # no competitor row for the period: no row, the same columns and dtypes
    out = pd.DataFrame(rows, columns=["platform", "name", "is_brand", "followers", "posts",
                                      "interactions", "days", "note"])
    for c in ("followers", "posts", "interactions"):
        out[c] = pd.to_numeric(out[c]).astype("Float64")
    out["interactions_per_post"] = (out["interactions"] / out["posts"].mask(out["posts"] == 0))
    out["er_followers"] = (out["interactions_per_post"]
                           / out["followers"].mask(out["followers"] == 0)).astype("Float64")
    # the brand's posts over the days its exports cover (covered_days), a competitor's over
    # the period's
    out["days"] = pd.to_numeric(out["days"]).fillna(p.days).astype("Int64")
    out["posts_per_week"] = (out["posts"] / (out["days"].mask(out["days"] == 0) / 7)
                             ).astype("Float64")
    out["rank"] = (out.groupby("platform")["er_followers"].rank(ascending=False, method="min")
                   .astype("Int64"))
    out = out.astype({"platform": "string", "name": "string", "is_brand": "boolean",
                      "interactions_per_post": "Float64", "note": "string"})
    return out[["platform", "name", "is_brand", "followers", "posts", "interactions",
                "interactions_per_post", "er_followers", "posts_per_week", "days", "rank",
                "note"]].reset_index(drop=True)


def competitors_within(ds, period: object) -> Period | None:
    """The days of ``period`` competitors.csv covers when it covers part of it only: from the
    first to the last day of its rows lying within the period, when they follow each other
    without a gap (the sample's 2026-08 and 2026-09 of the third quarter: 1 August to 30
    September); None when it covers all of the period, none of it, or parts apart.

    ``compare_competitors`` over these days compares like with like, the brand's figures
    being of the same days: a quarter or year report showed no competitors at all though
    competitors.csv held two of its three months.
    """
    p = parse_period(period)
    spans = sorted({(s.start, s.end) for s in _competitor_periods(ds)
                    if s.start >= p.start and s.end <= p.end})
    if not spans:
        return None
    end = spans[0][1]
    for start, stop in spans[1:]:
        if start > end + dt.timedelta(days=1):      # a month missing between them
            return None
        end = max(end, stop)
    first = spans[0][0]
    if (first, end) == (p.start, p.end):
        return None
    return parse_period((first, end))       # one whole month is that month ("2026-10")


def competitors_span(ds) -> Period | None:
    """The first to the last day of competitors.csv's rows; None without any."""
    spans = _competitor_periods(ds)
    if not spans:
        return None
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    return parse_period((first, last))


def _competitor_periods(ds) -> list[Period]:
    """The periods of competitors.csv's rows (none without the file)."""
    comp = ds.competitors
    if comp is None or comp.empty:
        return []
    return [parse_period(x) for x in comp["period"].dropna().unique()]


def _own_platforms(ds, comp: pd.DataFrame, p: Period) -> set[str]:
    """The platforms of ``comp`` on which the brand's own row has a figure of ``p`` from its
    exports: its posts (an export read that reaches the period) or its followers."""
    return {plat for plat in comp["platform"].dropna().unique()
            if (has_posts_data(ds, plat) and _reaches(ds, plat, p))
            or pd.notna(_followers_end(ds.daily, plat, p))}


def _competitors_of(comp: pd.DataFrame, p: Period, brand: str | None = None,
                    own: set[str] | None = None) -> tuple[pd.DataFrame, list[dict]]:
    """The competitors' rows of the period ``p``, and those of its competitors left out.

    A competitor (its rows matched by :func:`competitor_key`) has its row of ``p``'s label;
    else its rows of shorter periods that cover ``p`` day for day (the months of a quarter),
    summed: posts and interactions added, followers those at the last one's end (noted). A
    competitor whose rows touch ``p`` but cover it otherwise is left out, with the reason
    (:func:`competitors_left_out`): it vanished from the table without a word. So is a row
    named like the brand (``brand``) on a platform of ``own`` (all when None), whose own row
    comes from its exports; elsewhere it is the brand's row, ``is_brand`` True (its Pinterest
    figures typed in competitors.csv, no Pinterest export of its own: they vanished).
    """
    comp = comp.assign(_key=[competitor_key(n) for n in comp["competitor"]], note=None)
    mine = competitor_key(brand) if brand is not None else None
    spans = {label: parse_period(label) for label in comp["period"].dropna().unique()}
    exact, parts, left = [], [], []
    for (plat, key), g in comp.groupby(["platform", "_key"], sort=True):
        touching = g.loc[[spans[x].start <= p.end and spans[x].end >= p.start
                          for x in g["period"]]]
        if touching.empty:
            continue
        name = touching["competitor"].iloc[-1]
        if key == mine and (own is None or plat in own):
            left.append({"platform": plat, "competitor": name, "reason": "brand", "detail": ""})
        elif (touching["period"] == p.label).any():
            exact += list(touching.index[(touching["period"] == p.label).to_numpy()])
        elif (summed := _summed(touching, p, spans)) is not None:
            parts.append({"platform": plat, "competitor": name, "_key": key, **summed})
        else:
            left.append({"platform": plat, "competitor": name, **_why_not(touching, p, spans)})
    rows = comp.loc[sorted(exact)]
    if parts:
        rows = pd.concat([rows, pd.DataFrame(parts)], ignore_index=True)
    rows = rows.assign(is_brand=[k == mine for k in rows["_key"]])
    return rows.drop(columns="_key"), left


def _summed(g: pd.DataFrame, p: Period, spans: dict[str, Period]) -> dict | None:
    """A competitor's rows ``g`` summed over ``p`` when they lie within it and cover it day
    for day, one after the other; else None."""
    inside = g.loc[[spans[x].start >= p.start and spans[x].end <= p.end for x in g["period"]]]
    if inside.empty:
        return None
    inside = inside.iloc[np.argsort([spans[x].start for x in inside["period"]], kind="stable")]
    starts = [spans[x].start for x in inside["period"]]
    ends = [spans[x].end for x in inside["period"]]
    if not (starts[0] == p.start and ends[-1] == p.end
            and all((b - a).days == 1 for a, b in zip(ends, starts[1:], strict=False))):
        return None
    return {"period": p.label, "followers": inside["followers"].iloc[-1],
            "posts": inside["posts"].sum(min_count=len(inside)),
            "interactions": inside["interactions"].sum(min_count=len(inside)),
            "note": f"sum of its {len(inside)} rows of {inside['period'].iloc[0]} to "
                    f"{inside['period'].iloc[-1]}; followers at the end"}


def _why_not(g: pd.DataFrame, p: Period, spans: dict[str, Period]) -> dict[str, str]:
    """Why a competitor's rows ``g``, which touch ``p``, give no figure of it: ``reason``
    ``longer`` (no row lies within ``p``, each runs beyond it: a year's figures are no
    quarter's; ``detail`` the rows' periods), ``missing`` (``detail`` the days of ``p`` the
    rows within it leave uncovered, as periods: ``2026-08``) or ``overlap`` (two rows share
    days; ``detail`` their periods)."""
    labels = sorted(g["period"], key=lambda x: spans[x].start)
    inside = [x for x in labels if spans[x].start >= p.start and spans[x].end <= p.end]
    if not inside:
        return {"reason": "longer", "detail": ", ".join(labels)}
    labels = inside
    one = dt.timedelta(days=1)
    missing, day = [], p.start
    for x in labels:
        if spans[x].start > day:
            missing.append(parse_period((day, spans[x].start - one)).label)
        day = max(day, spans[x].end + one)
    if day <= p.end:
        missing.append(parse_period((day, p.end)).label)
    if missing:
        return {"reason": "missing", "detail": ", ".join(missing)}
    return {"reason": "overlap", "detail": ", ".join(labels)}


def competitors_left_out(ds, period: object) -> pd.DataFrame:
    """The competitors of competitors.csv whose rows touch ``period`` but give no figure of it
    in :func:`compare_competitors`, and why: a report's table lost them without a word.

    Returns
    -------
    DataFrame
        platform, competitor, reason (``missing``: days of the period no row covers, named in
        ``detail`` as periods, ``2026-08`` or ``2026-10-16..2026-10-31``; ``longer``: a row
        runs beyond the period, its period in ``detail``; ``overlap``: two rows share days;
        ``brand``: named like the brand itself, whose row comes from its exports), detail
        (all string).
    """
    require_dataset(ds, "competitors_left_out")
    p = parse_period(period)
    comp = ds.competitors
    left = ([] if comp is None or comp.empty
            else _competitors_of(comp, p, ds.brand.name, _own_platforms(ds, comp, p))[1])
    return pd.DataFrame(left, columns=["platform", "competitor", "reason", "detail"],
                        dtype="string")


def _competitor_rows(ds, comp: pd.DataFrame, p: Period) -> list[dict]:
    """The brand's row and its competitors' rows, platform by platform, for the period ``p``
    (``comp``: the competitors' rows of that period)."""
    posts = _posts_in(ds, p)
    stories = _stories_in(ds, p)
    rows = []
    for plat in sorted(set(comp["platform"].dropna())):
        here = comp.loc[(comp["platform"] == plat).to_numpy()]
        typed = here.loc[here["is_brand"].to_numpy(dtype=bool)]
        if len(typed):
            # the brand's figures typed in competitors.csv, its exports giving none of the
            # platform's (_competitors_of): they vanished behind a row of dashes
            rows.append(_typed_brand_row(typed.iloc[0], ds.brand.name, plat, p))
            rows += _rival_rows(here.loc[~here["is_brand"].to_numpy(dtype=bool)], plat)
            continue
        g = posts.loc[(posts["platform"].astype("string") == plat).fillna(False).to_numpy()] \
            if len(posts) else posts
        e, missing = _engagements(g, _PUBLIC) if len(g) else (pd.Series(dtype="Float64"), [])
        notes = ([_stories_note(stories[plat], len(g), "public figures")]
                 if stories.get(plat) else [])
        if len(g) and _x_reposts(g).any():
            notes.append(_X_REPOSTS)
        if missing and len(g):
            notes.append(f"brand export lacks {', '.join(missing)}")
        known = int(e.notna().sum())
        if known and known < len(g):
            # posts whose interactions are unknown (a component blank) count at the mean of
            # the others: the total stays a total of all the period's posts, as the
            # competitors' is, and interactions per post is the known posts' mean
            blank = [c for c in _PUBLIC if c in g.columns and g[c].isna().any()]
            notes.append(f"interactions of {len(g) - known} of {len(g)} posts unknown "
                         f"({', '.join(blank)} blank): counted at the other posts' mean")
        # several accounts of the platform: one account's mean, as each competitor is one
        per = _per_account(g, notes)
        followers = _followers_end(ds.daily, plat, p, notes, per_account=per > 1)
        # no posts export of the platform read (TikTok's never downloaded): its posts are
        # unknown, not 0, which read "the brand did not post on TikTok"
        exported = has_posts_data(ds, plat)
        if not exported:
            notes.append("no posts export read: posts unknown, not 0")
        elif not _reaches(ds, plat, p):
            # X's exports read stop in February (March-October's could not be read, or was
            # never downloaded): October's 0 posts would read "we did not post on X"
            exported = False
            notes.append(f"the {plat} exports read do not reach {p.label}: posts unknown, "
                         "not 0")
        if exported and len(g) and np.isnan(followers):
            # the one reason its rate and rank are NA (posts known, some): it went unsaid
            notes.append(FOLLOWERS_UNKNOWN)
        days = covered_days(ds, plat, p) if exported else p.days
        if days != p.days:
            notes += [n for n in (_coverage_note(ds, plat, p),) if n]
            notes.append(f"posts per week over the {days} days of {p.label} the {plat} posts "
                         "exports cover")
        note = "; ".join(notes) or None
        rows.append({"platform": plat, "name": ds.brand.name, "is_brand": True,
                     "followers": followers, "days": days,
                     "posts": float(len(g)) / per if exported else np.nan,
                     "interactions": float(e.mean()) * len(g) / per if known else np.nan,
                     "note": note})
        rows += _rival_rows(here, plat)
    return rows


def _per_account(g: pd.DataFrame, notes: list) -> int:
    """How many accounts the brand's posts ``g`` of a platform are of (at least 1), noted in
    ``notes`` when several: each competitor is one account, and the brand's two Instagram
    accounts' 42 October posts stood as one account's beside them; its row is their mean."""
    names = account_names(g)
    if len(names) > 1:
        notes.append(f"the mean per account ({len(g)} posts ÷ {len(names)} accounts: "
                     f"{', '.join(names)}), as each competitor is one account")
    return max(len(names), 1)


def _rival_rows(comp: pd.DataFrame, plat: str) -> list[dict]:
    """The competitors' rows ``comp`` of the platform ``plat`` as rows of the comparison."""
    return [{"platform": plat, "name": r.competitor, "is_brand": False,
             "followers": r.followers, "posts": r.posts, "interactions": r.interactions,
             "note": r.note} for r in comp.itertuples()]


def _typed_brand_row(r: pd.Series, brand: str, plat: str, p: Period) -> dict:
    """The brand's row of ``plat`` from its row ``r`` of competitors.csv, noted."""
    typed = (f"figures from competitors.csv: the brand's exports give none for {plat} in "
             f"{p.label}")
    note = "; ".join(n for n in (typed, r["note"]) if isinstance(n, str) and n)
    return {"platform": plat, "name": brand, "is_brand": True,
            "followers": r["followers"], "posts": r["posts"],
            "interactions": r["interactions"], "note": note}
