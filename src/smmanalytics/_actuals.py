"""Actual values of the goal metrics over a date range (definitions in
:mod:`smmanalytics.goals`)."""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._io import file_name
from ._web import (
    deduplicate,
    foreign_currency,
    is_social,
    normalize_source,
    social_traffic,
    tells_social,
)
from .loaders._folder import export_rows, looks_like_export
from .metrics import post_interactions
from .periods import (
    Period,
    dataset_post_dates,
    last_day_covered,
    parse_period,
    post_dates,
    remembered,
)
from .quality import shown_name
from .schema import PLATFORMS, column_or

__all__ = ["metric_daily", "actual", "known_days", "known_days_note", "followers_gaps",
           "missing_figure",
           "posts_in", "posts_carry", "zero_without_posts", "interactions_reach",
           "actuals_shared",
           "has_posts_data", "followers_net_unknown", "followers_net_absent",
           "followers_net_without",
           "followers_left_out", "follows_unknown", "declared_follows_unknown",
           "followers_absent_in",
           "followers_absent_in_each", "follower_days", "followers_span",
           "launches_within", "undeclared_followers",
           "without_followers_of",
           "unread_exports", "unread_days", "web_unread",
           "could_not_be_read", "declared_unexported",
           "declared_platforms", "NOT_FOUND",
           "social_platforms",
           "platform_span", "posts_stretch", "posts_coverage", "posts_cover",
           "posts_gaps", "posts_resume", "posts_extent", "span_extent"]


def has_posts_data(ds, platform: str) -> bool:
    """Whether the dataset holds posts of ``platform`` (any platform for ``all``): a post in
    ``ds.posts``, or a posts export of it that was read (one without rows says "no posts").
    Without either, a post count is unknown, not 0.

    An export of posts only that the ``files`` table says was read with rows, while
    ``ds.posts`` holds no post of the platform at all, says the posts were taken out of the
    frame (``replace(ds, posts=ds.posts[ds.posts.platform == "x"])``), not that there were
    none: unknown. It read "posts (instagram)" 0, "missed", where interactions said "no data".
    A month without posts of a platform that has posts in other months stays 0, as does an
    export read without rows.

    Made once a platform for a Dataset that remembers (:func:`~smmanalytics.periods.remembered`):
    the sample's monthly report asked 77 times for 7 answers, a comparison 21 times, each a
    string comparison of every post's platform (0.55 s of profiled CPU in a report)."""
    return remembered(ds, ("has_posts_data", platform), lambda: _has_posts_data(ds, platform))


def _has_posts_data(ds, platform: str) -> bool:
    """:func:`has_posts_data`, made."""
    posts = ds.posts
    if posts is not None and len(posts):
        if platform == "all" or (posts["platform"].astype("string") == platform).any():
            return True
    files = getattr(ds, "files", None)
    if files is None or files.empty or not {"platform", "kind", "status"} <= set(files.columns):
        return False
    kinds = files["kind"].astype("string").fillna("").str.split(",")
    ok = (files["status"].astype("string") == "ok").fillna(False)
    ok &= kinds.map(lambda k: "posts" in k).astype(bool)
    if platform != "all":
        ok &= (files["platform"].astype("string") == platform).fillna(False)
    if "rows" in files.columns:
        # rows of an export of posts alone are posts (one of daily rows and posts, LinkedIn's,
        # tells nothing of its posts): read with posts, none in ds.posts → posts removed
        only_posts = kinds.map(lambda k: k == ["posts"]).astype(bool)
        rows = pd.to_numeric(files["rows"], errors="coerce").fillna(0)
        if bool((ok & only_posts & (rows > 0)).any()):
            return False
    return bool(ok.any())


def social_platforms(ds) -> list[str]:
    """The platforms of ``ds``'s posts and daily rows, sorted."""
    names = set()
    for table in (ds.posts, ds.daily):
        if table is not None and len(table) and "platform" in table.columns:
            names.update(str(p) for p in table["platform"].dropna().unique())
    return sorted(names)


class PlatformSpan(NamedTuple):
    """The days of one platform's data (:func:`platform_span`)."""

    first: dt.date | None
    last: dt.date | None
    #: whether the days are known other than by the platform's posts
    known: bool
    platform: str
    #: whether they are the days its posts exports cover (else its data's)
    by_posts_exports: bool = False

    @property
    def whose(self) -> str:
        """Whose days they are, as the goals' notes say: "x posts exports" or "x data"."""
        return f"{self.platform} {'posts exports' if self.by_posts_exports else 'data'}"


def platform_span(ds, platform: str, day: dt.date, *, posts: bool = True) -> PlatformSpan:
    """The first and last days of ``platform``'s data, whether they are known other than by its
    posts, and whose days they are (its data's, or with ``posts`` its posts exports').

    With ``posts`` (a figure of its posts), the days its posts exports cover, the stretch
    without a gap that holds ``day`` (:func:`posts_stretch`), when they say which days they
    cover; else (and without) the days of its posts, daily rows and exports
    (``Dataset.span``)."""
    first, last = ds.span(platform, web=False)
    # a platform's first and last posts are no start and end of its data (an export of
    # October holds no post of the 29th to the 31st when none was published): its daily rows
    # are, and so is the period its exports' names give (then in ``first`` and ``last``:
    # Dataset.span). Without either, only a goal period wholly before its first post or after
    # its last has no data
    known = ds.span(platform, web=False, posts=False)[0] is not None
    stretch = posts_stretch(ds, platform, day) if posts else None
    if stretch is not None:
        # a goal on posts is judged on the days the platform's posts exports cover, not its
        # daily rows: X's overview of October is no count of its posts when the content export
        # of October is missing
        return PlatformSpan(*stretch, True, platform, by_posts_exports=True)
    return PlatformSpan(first, last, known, platform)


def posts_cover(ds, platform: str, start: dt.date, end: dt.date) -> bool:
    """Whether the posts exports of ``platform`` cover some of the days ``start`` to ``end``,
    so that a day without a post there is a day the brand did not post (0), not a day no
    export tells of (unknown): the days of :func:`platform_span` (its posts exports' stretch,
    else its data's) reach them, and the dataset holds its posts (:func:`has_posts_data`).
    The one rule of the performance section's platforms without a post and of ``compare``:
    October's exports alone made September's posts 0, not unknown, in the comparison."""
    if not has_posts_data(ds, platform):
        return False
    span = platform_span(ds, platform, end)
    return span.first is not None and span.first <= end and span.last >= start


def daily_in(ds, platform: str, start: dt.date, end: dt.date) -> bool:
    """Whether ``platform``'s daily rows (its reach, follows, impressions…; not the audience's
    hours online) reach some day of ``start`` to ``end``: a platform whose posts exports stop
    before a period still has these figures in its report, which the cover said it had none
    of ("no Facebook figures for this period")."""
    daily = ds.daily
    if not len(daily):
        return False
    rows = daily["platform"].eq(platform).fillna(False)
    if "hour" in daily.columns:
        rows &= daily["hour"].isna()
    days = pd.to_datetime(daily["date"][rows.to_numpy(bool)])
    return bool(days.between(pd.Timestamp(start), pd.Timestamp(end)).any())


def posts_stretch(ds, platform: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last days of the stretch the posts exports of ``platform`` cover without
    a gap (:func:`posts_coverage`) that starts last on or before ``day`` (else the first
    stretch); None when the platform has no posts export read that says which days it
    covers."""
    stretches = posts_coverage(ds, platform)
    if not stretches:
        return None
    started = [s for s in stretches if s[0] <= day]
    return started[-1] if started else stretches[0]


def posts_coverage(ds, platform: str) -> list[tuple[dt.date, dt.date]] | None:
    """The stretches of days the feed posts exports of ``platform`` cover, each without a gap,
    sorted: the union of the exports' days. An export read (status ok) covers the days its name
    gives (``covers_from`` to ``covers_to`` of the ``files`` table), or an identical copy's
    name (``export (3).csv`` read, ``facebook_posts_2026-08-01_2026-08-31_….csv`` its
    duplicate: same sha256); one whose name and copies give none, beside exports that give
    theirs, the calendar months of its posts (:func:`_rows_ranges`). None when no posts export
    of the platform gives its days.

    Only the last unbroken stretch was looked at, and an undated copy switched the check off:
    a July missing in the middle of a year read as the exports' start in August, or as no
    gap at all.

    A stories export (:func:`_stories_exports`) covers no feed post's day: Instagram's
    stories of May to October filled the hole of the feed posts' July and August, the cover
    said nothing of it and the posting rate was counted over weeks without a feed export.

    A report's Dataset, or a goal record's, keeps each platform's answer (``remember``, of
    :func:`~smmanalytics.dataset.remembering`): its cover, scorecard and benchmarks asked
    23 times for 6 answers on the sample's monthly report, 4 ms each."""
    stretches = remembered(ds, ("posts_coverage", platform),
                           lambda: _posts_coverage(ds, platform))
    return list(stretches) if stretches else stretches      # the caller's own list


def posts_gaps(ds, platform: str, begin, end) -> tuple:
    """The first day the posts exports of ``platform`` cover (None when none covers a day up
    to ``end``), and the stretches of days from ``begin`` to ``end`` none of them covers
    between the first and the last they cover (:func:`posts_coverage`): a month whose export
    is missing (July's, in a quarter). A later export counts, though it covers no day up to
    ``end``: September's export missing, October's read, the third quarter has a gap, not an
    end on 31 August (the cover said "the Facebook posts exports stop on 31 August 2026",
    and a Q3 goal was paced to that day). The days before the first and after the last are
    said by the report's cover's other lines; the gaps by its cover, its reputation watch and
    the goals."""
    stretches = posts_coverage(ds, platform) or []
    if not stretches or stretches[0][0] > end:
        return None, []
    one = dt.timedelta(days=1)
    gaps = [(max(a[1] + one, begin), min(b[0] - one, end))
            for a, b in zip(stretches, stretches[1:], strict=False)]
    return stretches[0][0], [(s, e) for s, e in gaps if s <= e]


def posts_extent(ds, platform: str, begin: dt.date, end: dt.date
                 ) -> tuple[dt.date | None, dt.date | None, list[tuple[dt.date, dt.date]]]:
    """The first and last days the posts exports of ``platform`` cover as seen from ``end``,
    and the gaps between them from ``begin`` to ``end`` (:func:`posts_gaps`); (None, None,
    []) when no export says which days it covers. The first is that of their first stretch,
    not of the one holding ``end``: July's export missing, the third quarter's read as "the
    Facebook posts exports start at 2026-08-01" with June's read. The last is ``end`` when
    a later export resumes after a gap reaching it (:func:`posts_resume`): September's export
    missing, October's read, the exports did not stop on 31 August."""
    stretch = posts_stretch(ds, platform, end)
    if stretch is None:
        return None, None, []
    first, gaps = posts_gaps(ds, platform, begin, end)
    last = max(stretch[1], end) if posts_resume(ds, platform, stretch[1]) else stretch[1]
    return first or stretch[0], last, gaps


def span_extent(ds, span: PlatformSpan, begin: dt.date, end: dt.date
                ) -> tuple[dt.date | None, dt.date | None, list[tuple[dt.date, dt.date]]]:
    """The first and last days of ``span`` (:func:`platform_span` up to ``end``) and the gaps
    from ``begin`` to ``end`` between them: when it is counted by its platform's posts exports,
    theirs (:func:`posts_extent`), else its own, without a gap. The stretch ``span`` gives is
    the last unbroken one: a July missing read as the exports' start on 1 August, a September
    missing before October's as their stop on 31 August. The one rule of the report's cover
    and the goals' notes."""
    if not span.by_posts_exports:
        return span.first, span.last, []
    return posts_extent(ds, span.platform, begin, end)


def posts_resume(ds, platform: str, day: dt.date) -> bool:
    """Whether a posts export of ``platform`` covers a day after ``day``: its exports
    reaching 31 August then miss September, they do not end, when October's is read (as
    GA4's, ``goals._ga4_resumes``)."""
    return any(stop > day for _, stop in posts_coverage(ds, platform) or [])


def posts_uncovered(ds, platform: str, begin, end) -> list[tuple]:
    """The spans of days from ``begin`` to ``end`` no posts export of ``platform`` covers, by
    the rule of the report's cover (:func:`posts_extent`): before the first day they cover
    ("the exports start on"), the gaps between them and after the last ("the exports stop
    on 31 August"). [] when its posts exports do not say their days. The reputation watch
    named the gaps alone: without September's Facebook export in a Q3 report, the cover said
    the exports stop on 31 August and the watch nothing of September."""
    first, last, gaps = posts_extent(ds, platform, begin, end)
    if first is None:
        return []
    one = dt.timedelta(days=1)
    spans = [(begin, min(first - one, end)), *gaps, (max(last + one, begin), end)]
    return [(a, b) for a, b in spans if a <= b]


def data_days(ds, start, end) -> tuple | None:
    """``start`` to ``end`` cut to the days of the dataset's data (``Dataset.span``), None
    when it has none: a period reported before its end (a quarter in November) ends at the
    data's last day, its days after it unknown to every platform alike, not days some
    platform's exports miss."""
    first_day, last_day = ds.span()
    if last_day is None:
        return None
    return max(start, first_day), min(end, last_day)


def _posts_coverage(ds, platform: str) -> list[tuple[dt.date, dt.date]] | None:
    files = ds.files
    cols = ["platform", "kind", "status", "covers_from", "covers_to"]
    if not len(files) or not set(cols) <= set(files.columns):
        return None
    named = _named_ranges(files)
    stories = _stories_exports(ds, platform)
    ranges, undated = [], []
    for path, sha, p, kind, status in zip(
            files["path"].tolist(), _column(files, "sha256"), files["platform"].tolist(),
            files["kind"].tolist(), files["status"].tolist(), strict=True):
        if (str(status) == "ok" and "posts" in str(kind).split(",")
                and platform in str(p).split(",") and str(path) not in stories):
            if (path, sha) in named or sha in named:
                ranges.append(named.get((path, sha)) or named[sha])
            else:
                undated.append(str(path))
    if ranges:
        ranges += _rows_ranges(ds, platform, undated)
    else:
        # no export of the platform gives its days in its name (TikTok's, LinkedIn's): each
        # says them by its own rows and when it was taken, not by the platform's other
        # exports (LinkedIn's followers export to October made its posts of October 0, its
        # content export stopping on 30 April)
        ranges = [days for path in undated
                  if (days := _own_range(ds, platform, path)) is not None]
    stretches: list[tuple[dt.date, dt.date]] = []
    for start, stop in sorted(ranges):
        if stretches and start <= stretches[-1][1] + dt.timedelta(days=1):
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], stop))
        else:
            stretches.append((start, stop))
    return stretches or None


#: the formats of exports of stories alone (a story is no feed post: benchmarks and the
#: posting rate count feed posts)
_STORY_FORMATS = frozenset({"meta_story"})


def _stories_exports(ds, platform: str) -> set[str]:
    """The paths of the exports of ``platform`` that hold stories alone: of a stories format
    (Instagram's ``instagram_stories_….csv``), or whose posts are all stories (a Business
    Suite content export filtered on stories)."""
    files = ds.files
    out = {str(path) for path, fmt in zip(files["path"].tolist(),
                                          _column(files, "source_format"), strict=True)
           if str(fmt) in _STORY_FORMATS}
    posts = ds.posts
    if posts is None or posts.empty or not {"source_file", "content_type"} <= set(posts.columns):
        return out
    mine = (posts["platform"].astype("string") == platform).fillna(False).to_numpy()
    story = (posts.loc[mine, "content_type"].astype("string") == "story").fillna(False)
    by_file = story.groupby(posts.loc[mine, "source_file"].astype("string").to_numpy()).all()
    return out | {str(f) for f, all_stories in by_file.items() if all_stories}


def _column(files: pd.DataFrame, column: str) -> list:
    """A column of ``files`` as a list, of missing values when it has none."""
    return files[column].tolist() if column in files.columns else [None] * len(files)


def _named_ranges(files: pd.DataFrame) -> dict:
    """The days the names of ``files`` give, by (path, sha256) of the file, and by sha256 of
    a file whose identical copy (status duplicate) gives them."""
    out: dict = {}
    for path, sha, status, start, stop in zip(
            files["path"].tolist(), _column(files, "sha256"), files["status"].tolist(),
            files["covers_from"].tolist(), files["covers_to"].tolist(), strict=True):
        if pd.isna(start) or pd.isna(stop):
            continue
        days = (pd.Timestamp(start).date(), pd.Timestamp(stop).date())
        if str(status) == "ok":
            out[(path, sha)] = days
        elif str(status) == "duplicate" and isinstance(sha, str):
            out.setdefault(sha, days)
    return out


def _rows_ranges(ds, platform: str, paths: list[str]) -> list[tuple[dt.date, dt.date]]:
    """The days each of ``paths`` (exports whose name gives no days) covers, as its posts of
    ``platform`` tell: from the first day of the month of its first post (local publish day)
    to the last day of the month of its last; none for a file without a post left.

    Its posts' own days are a lower bound of what it covers: June's export renamed
    ``export (3).csv``, whose last post is on the 27th, does not stop on the 27th, and a
    hole claimed from its last post to July's export was a false "exports stop on 27 June".
    Exports are taken by months (or quarters), so the months of its posts are what it is
    taken to cover: a month in which it has no post, between dated exports, is still named
    a hole (July missing beside an undated August export), not hidden."""
    posts = ds.posts
    if not paths or posts is None or posts.empty or "source_file" not in posts.columns:
        return []
    mine = ((posts["platform"].astype("string") == platform)
            & posts["source_file"].astype("string").isin(paths)).fillna(False).to_numpy()
    if not mine.any():
        return []
    days = pd.Series(post_dates(posts.loc[mine], ds.brand.timezone)).to_numpy()
    files = posts.loc[mine, "source_file"].astype(str).to_numpy()
    return [_whole_months(pd.Timestamp(days[files == f].min()).date(),
                          pd.Timestamp(days[files == f].max()).date())
            for f in dict.fromkeys(files)]


def _own_range(ds, platform: str, path: str) -> tuple[dt.date, dt.date] | None:
    """The days the posts export ``path`` of ``platform`` covers when no export of the
    platform names its days: those of its own daily rows when it has some (LinkedIn's content
    workbook, whose ``Metrics`` sheet has a row for each day it was taken over), else from the
    first day of the month of its first post to the last day it was taken in full
    (:func:`~smmanalytics.periods.last_day_covered` of its ``snapshot_at``: TikTok's content
    export of 1 November covers October even when no post was published in it), or to the end
    of its last post's month when that moment is unknown or only guessed from a copy's
    modification time. The moment it was taken bounds it in any case: an export of 1 May
    covers nothing after 30 April. None for an export without a row (its first day unknown).
    """
    daily = _rows_of(ds.daily, platform, path, "date")
    posts = ds.posts
    published = _rows_of(posts, platform, path, "published_at")
    days = (pd.Series(post_dates(posts.loc[published.index], ds.brand.timezone))
            if len(published) else published)
    snapshot = _stated_snapshot(ds, path)
    last_covered = (None if snapshot is None
                    else last_day_covered(snapshot, ds.brand.timezone))
    if len(daily):
        first, last = pd.Timestamp(daily.min()).date(), pd.Timestamp(daily.max()).date()
        if len(days):
            first = min(first, pd.Timestamp(days.min()).date())
            last = max(last, pd.Timestamp(days.max()).date())
    elif len(days):
        first, last = _whole_months(pd.Timestamp(days.min()).date(),
                                    pd.Timestamp(days.max()).date())
        last = last_covered or last
    else:
        return None
    if last_covered is not None:
        last = min(last, last_covered)
    return (first, last) if first <= last else None


def _rows_of(table: pd.DataFrame | None, platform: str, path: str, column: str) -> pd.Series:
    """The ``column`` of the rows of ``table`` of ``platform`` read from the file ``path``."""
    if (table is None or table.empty
            or not {"platform", "source_file", column} <= set(table.columns)):
        return pd.Series(dtype="object")
    mine = ((table["platform"].astype("string") == platform)
            & (table["source_file"].astype("string") == path)).fillna(False).to_numpy()
    return table.loc[mine, column].dropna()


def _stated_snapshot(ds, path: str) -> pd.Timestamp | None:
    """When the export ``path`` was taken (the ``files`` table's ``snapshot_at``), None when
    unknown or only guessed from the file's modification time (the day it was copied: quality
    code ``snapshot_guessed``)."""
    files = ds.files
    if "snapshot_at" not in files.columns:
        return None
    stamps = files.loc[(files["path"].astype("string") == path).fillna(False).to_numpy(),
                       "snapshot_at"].dropna()
    if stamps.empty or path in _guessed(ds):
        return None
    return pd.Timestamp(stamps.max())


def _guessed(ds) -> set[str]:
    """The files whose export moment was only guessed (``Dataset._guessed_files``)."""
    guessed = getattr(ds, "_guessed_files", None)
    return guessed() if guessed is not None else set()


def _whole_months(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of ``first``'s month and the last day of ``last``'s."""
    following = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first.replace(day=1), following - dt.timedelta(days=1)


def unread_exports(ds, platform: str = "all", after: dt.date | None = None, *,
                   web: bool | None = None, kind: str | None = None) -> list[str]:
    """The export files of ``ds`` that could not be read and may hold ``platform``'s data: a
    failed file of that platform (the format that claimed it says whose it is), or of none
    known (an export no format understood among them). With ``web`` true, those that may
    hold GA4's rows (of any platform's traffic): GA4's, and those of no platform known whose
    name says GA4 (:func:`names_ga4`: a brand without GA4 was told its GA4 KPIs were unknown
    for an ``instagram_posts_….csv`` no format understood); false,
    those that may hold the social platforms' posts and daily rows: not GA4's (a GA4 file not
    read is no reason for a posts goal's missing figure, nor an Instagram one for sessions).
    With ``after``, only those that may hold days after it (their name's days end later, or
    their name gives none): X's content export of March to October with a broken date, not
    one of 2025, is why X's figures stop at the end of February. With ``kind`` (``posts``),
    only those that may hold that table: of a format that makes it, or of none known (a Meta
    follows file that failed is no reason for a month without a post)."""
    files = getattr(ds, "files", None)
    if files is None or files.empty or not {"path", "status"} <= set(files.columns):
        return []
    status = files["status"].astype("string")
    # an export no format understood (an empty download) is unread as a failed one is
    failed = ((status == "failed") | ((status == "not_understood")
                                      & files["path"].astype(str).map(looks_like_export))
              ).fillna(False) & export_rows(files)     # a costs.csv failed is no export
    if web is not None and "platform" in files.columns:
        claimed = _claimed(files["platform"], lambda ps: "ga4" in ps if web
                           else bool(set(ps) - {"ga4"}))
        if web:     # a file no format claimed may be any social one's, GA4's only when its
            #         name says so
            unclaimed = files["platform"].astype("string").isna().to_numpy()
            claimed = claimed & (~unclaimed
                                 | files["path"].astype(str).map(names_ga4).to_numpy(bool))
        failed &= claimed
    if platform != "all" and not web and "platform" in files.columns:   # GA4's: any one's
        failed &= _claimed(files["platform"], lambda ps: platform in ps)
    if kind is not None and "kind" in files.columns:
        failed &= _claimed(files["kind"], lambda ks: kind in ks)
    if after is not None and "covers_to" in files.columns:
        # (as timestamps: a files table whose names give no days at all, LinkedIn's and
        # TikTok's alone, has its ``covers_to`` all NaT, whose ``.dt.date`` stays datetime64
        # and refused the comparison with a date)
        to = pd.to_datetime(files["covers_to"])
        failed &= (to.isna() | (to > pd.Timestamp(after))).to_numpy()
    return files.loc[failed.to_numpy(), "path"].astype(str).tolist()


def _claimed(column: pd.Series, test) -> np.ndarray:
    """Which files pass ``test`` on the list of ``column`` (of ``ds.files``: the platforms or
    tables of the format that claimed a file, comma-joined), as a boolean array; a file no
    format claimed (NA) passes: it may hold anything."""
    lists = column.astype("string").str.split(",")
    return lists.map(lambda xs: not isinstance(xs, list) or test(xs)).astype(bool).to_numpy()


#: the words of a file's name that say it is GA4's: its own name, and its reports' (Traffic
#: acquisition, User acquisition; "Google Analytics")
_GA4_NAME = re.compile(r"(?:^|[^a-z0-9])(?:ga4|acquisition|google[^a-z0-9]*analytics)"
                       r"(?:$|[^a-z0-9])")


def names_ga4(path: str) -> bool:
    """Whether the name of the file at ``path`` (an archive member's own) says it is a GA4
    export, for a file no format understood, whose content said nothing.

    >>> names_ga4("b/ga4_traffic_acquisition_2026-09.csv"), names_ga4("b/instagram_posts.csv")
    (True, False)
    """
    return _GA4_NAME.search(file_name(path).lower()) is not None


def declared_platforms(ds) -> list[str]:
    """The social platforms brand.yaml names an account of (``brand.accounts``), sorted."""
    accounts = getattr(getattr(ds, "brand", None), "accounts", None) or {}
    return sorted({str(k).strip().lower() for k, v in accounts.items()
                   if v is not None and str(v).strip()} & set(PLATFORMS))


def declared_unexported(ds) -> list[str]:
    """The platforms brand.yaml names an account of with no export in ``ds.files``, read or
    not, and no row of data: a TikTok whose exports were never downloaded. Its figures are
    unknown, not 0, and a total of the others must not read as the brand's."""
    files = getattr(ds, "files", None)
    seen = set(social_platforms(ds))
    if files is not None and len(files) and "platform" in files.columns:
        for plats in files["platform"].dropna().astype(str):
            seen.update(plats.split(","))
    return [p for p in declared_platforms(ds) if p not in seen]


def posts_carry(ds, platform: str, metric: str) -> bool:
    """Whether some post of ``platform`` (or of any, ``all``) in ``ds`` gives ``metric``
    (``interactions``, ``reach``, ``impressions``, ``views``): its sum over days without a post
    is then 0, where a metric no post gives (X's reach) stays unknown. Answered once for a
    Dataset that remembers (:func:`~smmanalytics.periods.remembered`)."""
    return remembered(ds, ("posts_carry", platform, metric),
                      lambda: _posts_carry(ds, platform, metric))


def _posts_carry(ds, platform: str, metric: str) -> bool:
    posts = ds.posts
    if posts is None or posts.empty:
        return False
    if platform != "all":
        posts = posts.loc[(posts["platform"].astype("string") == platform).fillna(False)
                          .to_numpy()]
    if metric == "interactions":
        values = post_interactions(posts)
    elif metric in posts.columns:
        values = posts[metric]
    else:
        return False
    return bool(values.notna().any())


def zero_without_posts(ds, platform: str, metric: str) -> bool:
    """Whether ``metric`` (``posts``, or a sum the posts give: see :func:`posts_carry`) of
    ``platform`` (or all) over days without a post is 0, else unknown. The one rule of
    :func:`metric_daily` (the scorecard) and of ``compare``: 0 when the dataset holds the
    platform's posts (:func:`has_posts_data`) and no export that may hold its posts or rows
    could not be read (:func:`unread_exports`). With September's export unreadable, its
    interactions, reach and post count read 0 in ``compare`` (−100 %) where the scorecard said
    "no data". A period with posts counts the posts read, a lower bound when an export failed
    (the scorecard's notes say which)."""
    if not has_posts_data(ds, platform):
        return False
    if metric != "posts" and not posts_carry(ds, platform, metric):
        return False            # a metric no post gives (X's reach) stays unknown
    return not unread_exports(ds, platform, web=False)


def posts_in(ds, platform: str, start: dt.date, end: dt.date
             ) -> tuple[pd.DataFrame, pd.Series]:
    """Posts of ``platform`` (or all) published from ``start`` to ``end`` (local days), and
    their local publish days."""
    posts = ds.posts
    if posts is None or posts.empty:
        return posts, pd.Series(dtype="datetime64[ns]")
    day = dataset_post_dates(ds)
    keep = (day >= pd.Timestamp(start)) & (day <= pd.Timestamp(end))
    if platform != "all":
        keep &= posts["platform"].astype("string") == platform
    keep = keep.fillna(False).to_numpy()
    return posts.loc[keep], day.loc[keep]


def metric_daily(ds, metric: str, platform: str, start: dt.date, end: dt.date) -> pd.Series:
    """Daily values of an additive goal metric from ``start`` to ``end`` (inclusive).

    Index: every calendar day; values Float64. Post metrics sit on their publish day (0 on days
    without posts, NaN for every day if no post gives the metric, if the dataset holds no
    posts of ``platform`` at all: see :func:`has_posts_data`, or if the range has no post and
    an export that may hold them could not be read: see :func:`unread_exports`);
    ``followers_net`` is NaN on days without follower data; GA4 metrics use dated rows of
    tables that say where sessions came from only (:func:`~smmanalytics._web.tells_social`;
    0 on days without social traffic when such a table covers the day; revenue is NaN on every
    day when some of it is in another currency than the brand's). Not defined for rate
    metrics.
    """
    days = pd.date_range(start, end, freq="D")
    nan = pd.Series(np.nan, index=days, dtype="Float64")
    if metric in ("posts", "interactions", "reach", "impressions", "views"):
        if not has_posts_data(ds, platform):      # no export of the platform: unknown, not 0
            return nan
        posts, day = posts_in(ds, platform, start, end)
        if posts is None or posts.empty:
            # no post, while an export that may hold this platform's could not be read: the
            # count is unknown (it read "0 posts", an at-most goal "met"); else the sum over no
            # post is 0, of a metric the platform's posts give (a February without a post read
            # interactions "no data" beside posts 0)
            return nan.fillna(0.0) if zero_without_posts(ds, platform, metric) else nan
        if metric == "posts":
            vals = pd.Series(1.0, index=posts.index)
        elif metric == "interactions":
            vals = post_interactions(posts)
        elif metric in posts.columns:
            vals = posts[metric].astype("Float64")
        else:        # a posts frame without the column: unknown, as a metric not exported
            return nan
        if vals.isna().all():
            return nan
        s = vals.groupby(day.to_numpy()).sum(min_count=1)
        return s.reindex(days).fillna(0.0).astype("Float64")
    if metric == "followers_net":
        return _followers_net(_followers_series_of(ds, platform), days)
    if metric in ("sessions", "key_events", "revenue"):
        web = ds.web
        if web is None or web.empty:
            return nan
        # rows of a table that cannot tell social visits (a chart by date) are no day of them
        dated = web.loc[(web["date"].notna() & tells_social(web)).to_numpy()]
        if dated.empty:
            return nan
        when = pd.to_datetime(dated["date"]).dt.normalize()
        idx = _social_index(dated, parse_period((start, end)), platform)
        if metric == "revenue" and foreign_currency(dated.loc[idx], ds.brand.currency).any():
            return nan         # in another currency than the brand's: unknown, as in actual()
        s = (pd.to_numeric(dated.loc[idx, metric]).astype("Float64")
             .groupby(when.loc[idx].to_numpy()).sum(min_count=1))
        out = s.reindex(days).astype("Float64")
        return out.mask(out.isna() & days.isin(when), 0.0).astype("Float64")
    raise ValueError(f"metric_daily: {metric!r} is not an additive goal metric")


def _social_index(web: pd.DataFrame, p: Period, platform: str) -> pd.Index:
    """Dated social GA4 rows of ``platform`` in ``p``, one breakdown per day."""
    plat = normalize_source(web["source"])
    day = pd.to_datetime(web["date"]).dt.normalize()
    inside = p.contains(day)
    once = deduplicate(web, day, day, inside.to_numpy(dtype="float64"), []) > 0
    keep = is_social(web, plat) & inside & once
    if platform != "all":
        keep &= (plat == platform).fillna(False)
    return web.index[keep.to_numpy()]


_FOLLOWER_METRICS = ["net_follows", "follows", "unfollows"]


def _follower_rows(daily: pd.DataFrame | None, platform: str) -> pd.DataFrame | None:
    """The account-level daily follower rows of ``platform`` (or every platform)."""
    if daily is None or daily.empty:
        return None
    d = daily.loc[_follower_mask(daily, platform)]
    return None if d.empty else d


def _follower_mask(daily: pd.DataFrame, platform: str | list[str]) -> np.ndarray:
    """Which rows of ``daily`` are :func:`_follower_rows`' of ``platform`` (a list of
    platforms, or every one: ``all``)."""
    keep = daily["metric"].isin(_FOLLOWER_METRICS).fillna(False)
    if "hour" in daily.columns:
        keep &= daily["hour"].isna()
    if "post_id" in daily.columns:       # per-video rows (YouTube Chart data) are no account's
        keep &= daily["post_id"].isna()
    if platform != "all":
        keep &= daily["platform"].astype("string").isin(
            [platform] if isinstance(platform, str) else platform).fillna(False)
    return keep.to_numpy(dtype=bool)


def followers_net_unknown(ds, platform: str) -> list[str]:
    """The platforms (of ``platform``, or all) whose exports count new followers but not the
    ones lost (LinkedIn; Meta when its follows never go below 0): their net change is not
    known, and :func:`metric_daily` leaves them out of ``followers_net``."""
    d = _follower_rows(getattr(ds, "daily", None), platform)
    if d is None:
        return []
    have = {p: set(m) for p, m in d.groupby(d["platform"].astype("string"))["metric"]}
    return sorted(p for p, m in have.items()
                  if "net_follows" not in m and not {"follows", "unfollows"} <= m)


def followers_net_absent(ds, platform: str) -> list[str]:
    """The platforms (of ``platform``, or all) with posts or daily rows but no daily follower
    figure (YouTube Studio's exports give subscribers per video, no daily series):
    :func:`metric_daily` has nothing of theirs in ``followers_net``, so its sum leaves them out
    as it leaves out those of :func:`followers_net_unknown`."""
    d = _follower_rows(getattr(ds, "daily", None), "all")
    have = set() if d is None else set(d["platform"].astype("string").dropna())
    return [p for p in social_platforms(ds)
            if p not in have and platform in ("all", p)]


#: why :func:`followers_left_out` leaves out a platform whose exports count the followers it
#: gained and never the ones it lost (:func:`followers_net_unknown`)
NEW_ONLY = "count new followers only"
#: the platforms none of whose exports gives the followers lost, nor a running total: LinkedIn
#: (reference §4, [C-fx]). Their follows never enter a net total, found, read or not
NEVER_NET = frozenset({"linkedin"})
#: the platforms none of whose exports the loaders read gives a follower figure: Pinterest
#: (reference §7: its follower export is not known [U]). Left out of a net total as surely
#: as LinkedIn, found, read or not: named without an export, it made every pooled goal
#: "not assessed"
NO_FOLLOWER_EXPORT = frozenset({"pinterest"})
#: why :func:`followers_left_out` leaves out a platform brand.yaml names with no export at all:
#: its follows are unknown (:func:`follows_unknown`)
NOT_FOUND = "not found"
#: why it leaves out a platform whose exports give no follower figure (Pinterest's, YouTube's
#: of its channel alone)
NO_FIGURES = "give no follower figures"
#: why it leaves out a platform whose follower figures may be in an export that could not be
#: read, the files read giving none
UNREAD_FIGURES = "give no follower figures in the files that could be read"
#: why it leaves out a platform whose posts carry the followers they brought and no day does:
#: YouTube Studio's table gives each video's subscribers over the range chosen, no daily series
#: ("its exports give no follower figures" was said beside 845 subscribers of the videos)
PER_VIDEO = "give subscribers per video over the Studio range, not per day"
#: the same of a Studio table whose range is not known (a zip renamed, no dates in its name:
#: the loader takes its figures as lifetime ones), where "the Studio range" named none
PER_VIDEO_UNDATED = "give subscribers per video over a Studio range not known, not per day"


#: the export whose posts give subscribers over a range chosen in Studio (its table)
STUDIO_TABLE = "youtube_table"


def _follows_per_post(ds, platform: str) -> str | None:
    """What some post of ``platform`` read from YouTube Studio's table (:data:`STUDIO_TABLE`)
    carrying the subscribers it brought (``follows``) says: :data:`PER_VIDEO` when such a
    post's range is known (``window_start`` to ``window_end``), else
    :data:`PER_VIDEO_UNDATED`; None without one. X's, Instagram's and LinkedIn's posts carry
    theirs too, but what these say of them ("subscribers … over the Studio range") is
    Studio's alone: X without its overview export was said to give subscribers per video
    over the Studio range."""
    posts = ds.posts
    if not len(posts) or not {"platform", "follows", "source_format"} <= set(posts.columns):
        return None
    mine = (posts["platform"].astype("string").eq(platform)
            & posts["source_format"].astype("string").eq(STUDIO_TABLE)
            & posts["follows"].notna()).fillna(False).to_numpy(bool)
    if not mine.any():
        return None
    ranged = (column_or(posts, "window_start").notna()
              & column_or(posts, "window_end").notna()).to_numpy(bool)
    return PER_VIDEO if (mine & ranged).any() else PER_VIDEO_UNDATED


def followers_left_out(ds, platform: str) -> dict[str, str]:
    """The platforms a net follower change leaves out, each with why (in the words of the
    notes): exports that count new followers only, that give them per post only
    (:data:`PER_VIDEO`, :data:`PER_VIDEO_UNDATED`), or that give no follower figure at all
    (in the files read, when one that could not be read may be the platform's), or
    :data:`NOT_FOUND` for a platform brand.yaml names with no export at all, unless its
    exports never give a net change (:data:`NEVER_NET`) or no follower figure
    (:data:`NO_FOLLOWER_EXPORT`): that is why it is left out.
    Every one is named: a total of the others read as the brand's (−150 with YouTube and
    LinkedIn out, 294 with TikTok's exports missing) must say whose it is.

    Made once for a Dataset that remembers (:func:`~smmanalytics.periods.remembered`): a
    goal record's net follower goals ask it for each month; the caller's own dict."""
    return dict(remembered(ds, ("followers_left_out", platform),
                           lambda: _followers_left_out(ds, platform)))


def _followers_left_out(ds, platform: str) -> dict[str, str]:
    missing = set(declared_unexported(ds))

    def without_figures(p: str) -> str:
        # LinkedIn's follows never enter the total, its files there or not: "not found"
        # made every pooled goal "not assessed", its file loaded judged it again
        if p in NEVER_NET:
            return NEW_ONLY
        if p in NO_FOLLOWER_EXPORT:
            return NO_FIGURES
        # a platform whose data may be in an export that could not be read (X's overview
        # with a broken date): its follower figures may be there, the files read give none
        if unread_exports(ds, p):
            return UNREAD_FIGURES
        if p in missing:
            return NOT_FOUND
        return _follows_per_post(ds, p) or NO_FIGURES

    why = {p: NEW_ONLY for p in followers_net_unknown(ds, platform)}
    # with data but no follower figure (YouTube), or named in brand.yaml with no data at all
    # (no export of it found, none that could be read, or one without rows)
    have = social_platforms(ds)
    without = followers_net_absent(ds, platform) + [
        p for p in declared_platforms(ds) if p not in have and platform in ("all", p)]
    why |= {p: without_figures(p) for p in without}
    return dict(sorted(why.items()))


def follows_unknown(why: str) -> bool:
    """Whether a platform :func:`followers_left_out` leaves out for ``why`` has follows that
    are unknown, not missing from the dataset: one whose export could not be read
    (:data:`UNREAD_FIGURES`) may hold them, and one brand.yaml names with no export at all
    (:data:`NOT_FOUND`) has them, none exported. Its net change may be anything, falling as
    well as rising, so a total of the others decides no goal: without its TikTok files the
    sample's September read 493, "missed" against 600, where with them (from November) it
    is not assessed, though nothing more is known of TikTok's September.

    A platform whose exports were read and give no net follower figure is no part of the
    brand's total, in any period: LinkedIn's (new followers only), YouTube's (per video),
    Pinterest's (none). The total without them is the brand's measure, its notes naming
    them."""
    return why in (UNREAD_FIGURES, NOT_FOUND)


def declared_follows_unknown(ds, platform: str, why: str) -> bool:
    """Whether the follows of ``platform``, left out of a net follower change for ``why``
    (:func:`followers_left_out`), are unknown rather than no part of the brand's total:
    :func:`follows_unknown`, or a platform brand.yaml names whose exports were read without a
    daily follower figure though one of its exports gives them (YouTube Studio's Totals of
    subscribers, TikTok's FollowerHistory): the brand says its followers there count, and
    they rose or fell unseen. Its Content export alone left TikTok out of the sample's
    total, judged "met" on the others, where its absence from every file made the same
    goal "not assessed". LinkedIn (new followers only) and Pinterest (no follower export)
    stay out: no export of theirs could give them."""
    if follows_unknown(why):
        return True
    return (why in (NO_FIGURES, PER_VIDEO, PER_VIDEO_UNDATED)
            and platform not in NEVER_NET | NO_FOLLOWER_EXPORT
            and platform in declared_platforms(ds))


def undeclared_followers(ds) -> dict[str, tuple[dt.date, dt.date]]:
    """The platforms with follower rows that brand.yaml's accounts leave out, each with the
    first and last days of its rows, sorted; none when it names no account. A platform the
    brand stopped using (X's figures ending on 31 August, ``x`` removed from its accounts) is
    no part of its net followers: pooled with the others, its absence made every later goal
    "not assessed"."""
    declared = declared_platforms(ds)
    rows = _follower_rows(getattr(ds, "daily", None), "all")
    if not declared or rows is None:
        return {}
    rows = rows.loc[~rows["platform"].astype("string").isin(declared).fillna(True).to_numpy()]
    days = pd.to_datetime(rows["date"]).dt.date.groupby(rows["platform"].astype("string"))
    return {p: (span["min"], span["max"]) for p, span in days.agg(["min", "max"]).iterrows()}


def without_followers_of(ds, platforms: list[str]):
    """``ds`` without the follower rows of ``platforms`` (:func:`_follower_rows`), its other
    rows kept: the brand's net followers of the platforms it declares."""
    return dataclasses.replace(ds, daily=ds.daily.loc[~_follower_mask(ds.daily, platforms)])


def followers_absent_in(ds, platform: str, start: dt.date, end: dt.date
                        ) -> dict[str, list[str]]:
    """The platforms (of ``platform``, or all) whose net follower change is known on other
    days (their follower series have rows) but on none from ``start`` to ``end``, each with
    the exports that could not be read and may hold those days (:func:`unread_days`): none
    when its exports of those days simply give no follower figures, else the files.

    Such a platform is no column of :func:`_followers_by_account`, so a total of the others
    read as the brand's: Facebook's follows of September read, October's export failed,
    October's net followers were Instagram's alone and no note said so. The platforms of
    :func:`followers_left_out` (no follower figure on any day) are not repeated here."""
    return followers_absent_in_each(ds, platform, [(start, end)])[0]


def followers_absent_in_each(ds, platform: str, spans: list[tuple[dt.date, dt.date]]
                             ) -> list[dict[str, list[str]]]:
    """:func:`followers_absent_in` of each ``(start, end)`` of ``spans``, in their order.

    The platforms known on some day are the same for every span: a comparison's two periods
    share them instead of finding them twice (about half of each answer's 70 ms)."""
    rows = _follower_rows(getattr(ds, "daily", None), platform)
    if rows is None:
        return [{} for _ in spans]
    left_out = followers_left_out(ds, platform)
    everywhere = _followers_by_account(ds, platform, pd.DatetimeIndex(
        pd.to_datetime(rows["date"]).dt.normalize().unique()).sort_values())
    known = set(everywhere.columns.get_level_values("platform")) - set(left_out)
    absent = []
    for start, end in spans:
        inside = set(_followers_by_account(ds, platform, pd.date_range(start, end, freq="D"))
                     .columns.get_level_values("platform"))
        absent.append({p: unread_days(ds, p, start, end) for p in sorted(known - inside)})
    return absent


def followers_span(ds, span: PlatformSpan, start: dt.date) -> PlatformSpan:
    """``span`` (:func:`platform_span` of its platform's data) as a goal on its net followers
    takes it: from the first day its net change is known, not its first row. TikTok's
    FollowerHistory from 15 October holds the count of the 15th but not its change (no day
    before it): "tiktok data start on 2026-10-15", said a goal whose figures start on the
    16th. A platform with a follower series that is a launch (:func:`_launch_days`, a count
    from 0) is known from ``start`` on, 0 before its launch: no start within the period."""
    series = _followers_series_of(ds, span.platform)
    if span.first is None or not len(series.columns):
        return span
    if series.attrs.get("launched"):         # one known from any day: the platform too
        return span._replace(first=min(span.first, start))
    known = min((f for f in series.apply(pd.Series.first_valid_index) if pd.notna(f)),
                default=None)
    if known is None or known.date() <= span.first:
        return span
    return span._replace(first=known.date())


def launches_within(ds, platform: str, start: dt.date, end: dt.date) -> list[str]:
    """A note for each follower series of ``platform`` (or all) launched after ``start`` and
    by ``end`` (:func:`_launch_days`), whose days before are counted as 0: "tiktok started
    from 0 followers on 2026-10-15: no change before counted" (of one account of several,
    "tiktok account t: …"), so a reader sees why a series that starts within the period
    leaves the goal judged."""
    series = _followers_series_of(ds, platform)
    launched = series.attrs.get("launched", {})
    several = series.columns.get_level_values("platform").value_counts() \
        if len(series.columns) else pd.Series(dtype=int)
    return [f"{_whose(p, a, several.get(p, 0) > 1)} started from 0 followers on "
            f"{day.date().isoformat()}: no change counted before"
            for (p, a), day in sorted(launched.items())
            if pd.Timestamp(start) < day <= pd.Timestamp(end)]


def follower_days(ds, platform: str) -> tuple[dt.date, dt.date]:
    """The first and last days on which some net follower series of ``platform`` is known
    (:func:`_followers_series`): what a goal's note says of a platform it has none of on its
    days (:func:`followers_absent_in`, which finds only platforms that have some)."""
    series = _followers_series_of(ds, platform)
    known = series.index[series.notna().any(axis=1).to_numpy()]
    return known[0].date(), known[-1].date()


def unread_days(ds, platform: str, start: dt.date, end: dt.date, *, undated: bool = True,
                web: bool = False, kind: str | None = None) -> list[str]:
    """The exports of the social platforms (with ``web``, those that may hold GA4's rows; with
    ``kind``, those that may hold that table) that could not be read and may hold
    ``platform``'s figures of ``start`` to ``end`` (:func:`unread_exports`): those whose days
    (``covers_from`` to ``covers_to`` of ``ds.files``: from their name, or their content)
    reach into them, and with ``undated`` those whose days are unknown."""
    unread = unread_exports(ds, platform, web=web, kind=kind)
    files = getattr(ds, "files", None)
    if not unread or files is None or not {"covers_from", "covers_to"} <= set(files.columns):
        return unread if undated else []
    first, last = pd.to_datetime(files["covers_from"]), pd.to_datetime(files["covers_to"])
    unknown = first.isna() | last.isna()
    reach = ((unknown & undated)
             | (~unknown & (first <= pd.Timestamp(end)) & (last >= pd.Timestamp(start)))
             ).to_numpy(dtype=bool)
    paths = files["path"].astype(str).to_numpy()
    return [u for u in unread if reach[paths == u].any()]


def web_unread(ds, start: dt.date, end: dt.date) -> list[str]:
    """The exports that could not be read and may hold GA4's rows of ``start`` to ``end``
    (:func:`unread_days`): those whose days reach into them, else those whose days are
    unknown. The one rule of a compared side without GA4 figures and of a goal's GA4 days
    no export read covers: September's GA4 export damaged, both said "no GA4 export covers
    2026-09", as if it had never been downloaded."""
    return (unread_days(ds, "all", start, end, undated=False, web=True)
            or unread_days(ds, "all", start, end, web=True))


def could_not_be_read(ds, paths: list[str]) -> str:
    """"2 exports could not be read (a.csv, b.zip)": ``paths`` named as the quality log names
    them (in the brand's folder), the first three."""
    n = len(paths)
    names = [shown_name(u, getattr(ds, "root", None)) for u in paths]
    shown = ", ".join(names[:3]) + (", …" if n > 3 else "")
    return f"{n} export{'s' if n > 1 else ''} could not be read ({shown})"


#: the account of the follower rows that name none (Meta's daily files), in
#: :func:`_followers_by_account`'s columns
NO_ACCOUNT = ""


def _followers_by_account(ds, platform: str, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Each account's net follower change (:func:`_followers_series`) on each of ``days``
    (rows), Float64, NaN on a day it has no row for. Only the accounts with a figure on one of
    ``days`` at least: one whose exports count new followers only (see
    :func:`followers_net_unknown`), or whose series has no day of these, is no column."""
    return _within(_followers_series_of(ds, platform), days)


def _followers_series_of(ds, platform: str) -> pd.DataFrame:
    """:func:`_followers_series` of ``ds``'s daily rows, made once for a Dataset that
    remembers (:func:`~smmanalytics.periods.remembered`): a quarter's goal record asked
    for it 15 times for 3 answers. Read it, never change it."""
    return remembered(ds, ("followers_series", platform),
                      lambda: _followers_series(getattr(ds, "daily", None), platform))


def _within(series: pd.DataFrame, days: pd.DatetimeIndex) -> pd.DataFrame:
    """The rows of ``days`` of ``series`` (of :func:`_followers_series`), Float64, with the
    columns that have a figure on one of them."""
    by = series.reindex(days)
    for c, day in series.attrs.get("launched", {}).items():
        # a launch among the days, or before them: 0 on the days before it (no account yet)
        if len(days) and day <= days[-1]:
            by[c] = by[c].mask(by.index < day, 0.0)
    return by.loc[:, by.notna().any().to_numpy()].astype("Float64")


def _followers_series(daily: pd.DataFrame | None, platform: str) -> pd.DataFrame:
    """Each account's net follower change (a column, keyed (platform, account)) on each day of
    its rows, float: its ``net_follows``, or its ``follows`` − ``unfollows``; NaN on a day it
    has no row for. The rows naming no account are one series of their platform (account
    :data:`NO_ACCOUNT`).

    A day without a row is unknown. Where an export leaves out its days of 0 (Meta's follows
    files, of counts or of net changes: reference §1.2), the load has put them back as 0s over
    the days the file covers (``dataset._omitted_zero_days``), so a missing day is outside
    them. The other daily follower series list every day (X's account overview, TikTok's
    FollowerHistory: §3, §6): a day missing inside is a real gap."""
    d = _follower_rows(daily, platform)
    if d is None:
        return pd.DataFrame(index=pd.DatetimeIndex([]))
    account = column_or(d, "account_id", dtype="string").astype("string").fillna(NO_ACCOUNT)
    # a day's NaN stays NaN (pivot_table's sum made it 0: TikTok's first day, whose
    # difference is unknown, counted as no change, and known_days saw no gap)
    wide = (d.assign(account=account.to_numpy())
            .groupby(["platform", "account", "date", "metric"], observed=True)["value"]
            .sum(min_count=1).unstack("metric").astype("float64"))
    net = column_or(wide, "net_follows", np.nan)
    if {"follows", "unfollows"} <= set(wide.columns):
        net = net.fillna(wide["follows"] - wide["unfollows"])
    by = net.unstack(["platform", "account"])
    by.index = pd.DatetimeIndex(by.index)
    by.columns = pd.MultiIndex.from_tuples([(str(p), str(a)) for p, a in by.columns],
                                           names=["platform", "account"])
    by = by.sort_index()
    launched = {c: day for c, day in _launch_days(daily, platform).items() if c in by.columns}
    for c, day in launched.items():          # the first day's change: from 0 to 0, none
        if day in by.index and pd.isna(by.at[day, c]):
            by.at[day, c] = 0.0
    # read by _within and _followers_net, on this frame itself (no operation keeps attrs)
    by.attrs["launched"] = launched
    return by


def _launch_days(daily: pd.DataFrame, platform: str) -> dict[tuple[str, str], pd.Timestamp]:
    """The first day of each account of ``platform`` (or all) whose follower count
    (``followers_total``, TikTok's FollowerHistory) is 0 on its first day: a new account,
    launched then. Before that day it had no follower to gain or lose, so its net change is
    0, known, not a series starting late: a TikTok account opened on 10 October, its
    history from 0, left the brand's October "not assessed" (its days before the 10th
    unknown) and its own goal judged on its 22 days alone."""
    keep = (daily["metric"].eq("followers_total").fillna(False)
            & daily["value"].notna()).to_numpy(dtype=bool)
    if "hour" in daily.columns:
        keep &= daily["hour"].isna().to_numpy(dtype=bool)
    if platform != "all":
        keep &= daily["platform"].astype("string").eq(platform).fillna(False).to_numpy(bool)
    d = daily.loc[keep]
    if d.empty:
        return {}
    account = column_or(d, "account_id", dtype="string").astype("string").fillna(NO_ACCOUNT)
    first = (d.assign(account=account.to_numpy()).sort_values("date", kind="stable")
             .groupby(["platform", "account"], observed=True).first())
    return {(str(p), str(a)): pd.Timestamp(row.date).tz_localize(None).normalize()
            if pd.Timestamp(row.date).tzinfo else pd.Timestamp(row.date).normalize()
            for (p, a), row in first.iterrows() if row.value == 0}


def _followers_net(every: pd.DataFrame, days: pd.DatetimeIndex) -> pd.Series:
    """Σ over the accounts of ``every`` (:func:`_followers_series` of a platform, or of every
    platform) of each day's net follower change, each counted from its first known day; NaN
    on a day
    one of those started does not tell, or before any has started.

    A series that stops or has a hole leaves the total unknown on those days: with
    Facebook's series stopping on 10 October and Instagram's going on, the 11th to the 31st
    are unknown for the brand, not Instagram's alone (they summed 205, "missed" against 250,
    −34 % against September, nothing said), and two Instagram accounts, one's stopping on the
    10th, no longer read +30 and +5 as the platform's 35. A series that *starts* inside the
    days is left out before its first known day, as a platform without figures in a whole
    period is: the platform was not in the exports yet. TikTok's history from 1 November
    made the brand's October unknown, and Q4 2025's 1,959 dropped Facebook, Instagram and
    X's 584 of October ("known on 60 of 92 days"); the accounts' own totals add to 2,550.
    :func:`followers_gaps` names each series known on some days only, and a goal on such a
    total is not assessed (``goals._actual_with_caveats``): the sum is the days' figures, not
    the brand's whole change (TikTok's October is unknown, not 0)."""
    by = _within(every, days)
    if not len(by.columns):
        return pd.Series(np.nan, index=days, dtype="Float64")
    first = every[by.columns].apply(pd.Series.first_valid_index).to_numpy("datetime64[ns]",
                                                                          copy=True)
    launched = every.attrs.get("launched", {})
    # a launched account is known from the first day: 0 before its launch (_within)
    first[[c in launched for c in by.columns]] = days[0].to_datetime64()
    started = days.to_numpy("datetime64[ns]")[:, None] >= first[None, :]
    values = np.where(started, by.to_numpy("float64", na_value=np.nan), 0.0).sum(axis=1)
    values[~started.any(axis=1)] = np.nan
    return pd.Series(values, index=days, dtype="Float64")


def followers_net_without(ds, platforms: set[str], start: dt.date, end: dt.date
                          ) -> pd.Series:
    """:func:`metric_daily`'s ``followers_net`` of every platform but ``platforms``: a
    comparison's like-for-like total when one of its periods has no follower figure of
    them."""
    daily = getattr(ds, "daily", None)
    if daily is not None and len(daily):
        daily = daily.loc[~daily["platform"].astype("string").isin(platforms)
                          .fillna(False).to_numpy()]
    return _followers_net(_followers_series(daily, "all"), pd.date_range(start, end, freq="D"))


def followers_gaps(ds, platform: str, start: dt.date, end: dt.date, period: str = ""
                   ) -> list[str]:
    """A note for each series of net followers known on some days only of ``start`` to
    ``end`` (of ``period``, when given), when the total of ``platform`` (or all) sums several:
    "facebook: followers_net known on 10 of 31 days (2026-10-01 to 2026-10-10)", or of one
    account of a platform that has several, "instagram account maison.pro: …" (the rows naming
    no account: "instagram rows naming no account: …"). The total is known on the days every
    series started is, and counts a series from its first known day (:func:`_followers_net`):
    these say whose days are missing, or which series the days before its start leave out
    ("tiktok: … known on 60 of 92 days"). None with one series: the total's note says it
    all."""
    days = pd.date_range(start, end, freq="D")
    by = _followers_by_account(ds, platform, days)
    known = by.notna()
    if len(by.columns) < 2 or known.all().all():
        return []
    several = by.columns.get_level_values("platform").value_counts()
    return [f"{_whose(p, a, several[p] > 1)}: "
            + known_days_note("followers_net", days[known[(p, a)].to_numpy()], len(days),
                              period)
            for p, a in by.columns if not known[(p, a)].all()]


def _whose(platform: str, account: str, several: bool) -> str:
    """A series of net followers as the notes name it: its platform's, or of a platform of
    ``several`` accounts, "instagram account maison.pro" ("instagram rows naming no
    account")."""
    if not several:
        return platform
    if account == NO_ACCOUNT:
        return f"{platform} rows naming no account"
    return f"{platform} account {account}"


#: the goal metrics :func:`actual` sums from :func:`metric_daily`
_DAILY_SUMS = ("posts", "interactions", "reach", "impressions", "views", "followers_net")


def known_days(ds, metric: str, platform: str, start: dt.date, end: dt.date
               ) -> pd.DatetimeIndex | None:
    """The days from ``start`` to ``end`` whose figure of ``metric`` is known, when some are
    and some are not (None when all or none are, or for a metric :func:`actual` does not sum
    from days): :func:`actual` sums the known days, no total of the whole range. A daily
    follower series stopping on 10 March while the posts go on read March's 10 days, 44, as
    the month's net followers ("missed", −70 % against February), nothing said."""
    if metric not in _DAILY_SUMS:
        return None
    s = metric_daily(ds, metric, platform, start, end)
    known = s.index[s.notna().to_numpy()]
    return known if 0 < len(known) < len(s) else None


def known_days_note(metric: str, known: pd.DatetimeIndex, days: int, period: str = ""
                    ) -> str:
    """"followers_net known on 10 of 31 days (2025-03-01 to 2025-03-10)": which days of
    ``days`` (of ``period``, when given: "… of 31 days of 2025-03 (…)") a sum over
    :func:`known_days` covers."""
    of = f" of {period}" if period else ""
    first, last = known[0].date().isoformat(), known[-1].date().isoformat()
    return f"{metric} known on {len(known)} of {days} days{of} " + (
        f"({first})" if len(known) == 1 else f"({first} to {last})")


def actual(ds, metric: str, platform: str, start: dt.date, end: dt.date) -> float:
    """Value of ``metric`` from ``start`` to ``end`` (see the module docstring); a sum of
    daily figures is that of the days known (:func:`known_days` says when some are not)."""
    if metric in _DAILY_SUMS:
        s = metric_daily(ds, metric, platform, start, end)
        return float(s.sum(min_count=1)) if s.notna().any() else np.nan
    if metric in ("sessions", "key_events", "revenue"):
        w = _traffic(ds, start, end)
        if not w.attrs.get("covered"):
            return np.nan
        if platform != "all":
            w = w.loc[(w["platform"] == platform).to_numpy()]
        if metric == "revenue" and foreign_currency(w, ds.brand.currency).any():
            return np.nan               # not in the brand's money: unknown, as in roi()
        if w.empty:
            return 0.0              # GA4 covers the days, and no social visit came
        # a metric the export lacks (a report of revenue without sessions) is unknown, not 0
        total = w[metric].sum(min_count=1)
        return np.nan if pd.isna(total) else float(total)
    if metric == "er_reach":
        posts, _ = posts_in(ds, platform, start, end)
        if posts is None or posts.empty:
            return np.nan
        i, r = interactions_reach(posts)
        return float(i.sum() / r.sum()) if len(r) and r.sum() > 0 else np.nan
    if metric in ("roas", "roi"):
        r = _roi_row(ds, platform, start, end)
        return float(r[metric]) if r is not None and pd.notna(r[metric]) else np.nan
    raise ValueError(f"unknown goal metric {metric!r}")


#: the roi rows and the social traffic computed within :func:`actuals_shared`, by (Dataset
#: id, platform, days) and (Dataset id, days)
_SHARED: contextvars.ContextVar[dict | None] = contextvars.ContextVar("_SHARED",
                                                                        default=None)


@contextlib.contextmanager
def actuals_shared():
    """Within the block, the roi row of a Dataset, platform and days is computed once: a
    scorecard's ROAS and ROI goals, and the reason one is missing, took it three times
    (66 ms each on the sample). So is the social traffic of a Dataset's days, which its GA4
    sessions, key events and revenue read (20-25 ms each: three times for a scorecard's
    GA4 goals of one month, six for a comparison of GA4 period totals). The Datasets must
    live through the block (their ids are the keys); a block inside another shares the outer
    one's rows."""
    if _SHARED.get() is not None:
        yield
        return
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def _traffic(ds, start: dt.date, end: dt.date) -> pd.DataFrame:
    """GA4's social traffic from ``start`` to ``end`` (``social_traffic``), computed once
    within :func:`actuals_shared`. Read it, never change it: the block shares it."""
    shared = _SHARED.get()
    key = (id(ds), start, end)
    if shared is not None and key in shared:
        return shared[key]
    w, _ = social_traffic(ds, parse_period((start, end)))
    if shared is not None:
        shared[key] = w
    return w


def roi_once(ds, period, by: str | None = None) -> pd.DataFrame:
    """:func:`~smmanalytics.roi.roi`, made once a question for a report's Dataset (one with
    ``remember``, as the report sections' Dataset): the scorecard's ROI and ROAS goals ask
    the period's, which the ROI section then shows (0.08-0.09 s of CPU each on the sample's
    October). The period is keyed as :func:`parse_period` reads it, so "2026-10" and its
    first and last days are one question (roi reads nothing else of it). The frame is
    shared by whoever asks: not to be changed. Any other Dataset: roi itself."""
    from .roi import roi  # here, when called: tests count roi's runs through smmanalytics.roi.roi

    p = parse_period(period)
    return remembered(ds, ("roi", p, by), lambda: roi(ds, p, by=by))


def _roi_row(ds, platform: str, start: dt.date, end: dt.date) -> pd.Series | None:
    shared = _SHARED.get()
    key = (id(ds), platform, start, end)
    if shared is not None and key in shared:
        return shared[key]
    r = roi_once(ds, (start, end), by=None if platform == "all" else "platform")
    r = r if platform == "all" else r.loc[r["platform"] == platform]
    row = r.iloc[0] if len(r) else None
    if shared is not None:
        shared[key] = row
    return row


def missing_figure(ds, metric: str, platform: str, start: dt.date, end: dt.date) -> str | None:
    """Why a ``roas`` or ``roi`` actual is NaN: the figure that is missing — ``"ad_spend"`` (no
    ad spend recorded: ROAS divides by it), ``"cost"`` (no cost at all: ROI divides by it) or
    ``"revenue"`` (GA4 does not cover the range) — or None (another metric, or no reason
    known)."""
    if metric not in ("roas", "roi"):
        return None
    r = _roi_row(ds, platform, start, end)
    if r is None:
        return None
    den = "ad_spend" if metric == "roas" else "cost"
    num = "revenue" if metric == "roas" else "value"
    if pd.isna(r[den]) or r[den] == 0:
        return den
    return "revenue" if pd.isna(r[num]) else None


def interactions_reach(posts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Interactions and reach of the posts where both are known and reach > 0 (none when the
    frame has no reach column: reach unknown)."""
    i = post_interactions(posts)
    r = column_or(posts, "reach", dtype="Float64").astype("Float64")
    ok = (i.notna() & r.notna() & (r > 0)).to_numpy()
    return i.to_numpy("float64", na_value=np.nan)[ok], r.to_numpy("float64", na_value=np.nan)[ok]

