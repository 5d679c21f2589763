"""Dataset: every table loaded from a brand's folder of exports, with the quality log.

CONTRACT (shared by every module; the loaders work completes ``load``):

- ``posts``: canonical posts table (schema.TABLES["posts"]), one row per post, latest snapshot.
- ``daily``: long account series (schema "daily"): platform, account_id, date, hour, metric, value.
  A Meta follows file's days without a row, inside the days it covers, are its 0s (Meta lists
  only the days with a follow, or with a net change in a file of net follows; noted
  ``zero_days_filled``); any other missing day is unknown.
- ``web``: GA4 traffic rows (schema "web").
- ``audience``: follower breakdowns (schema "audience").
- ``costs``: the user's costs.csv as returned by ``smmanalytics.roi.read_costs`` (empty frame
  when absent).
- ``goals``: goals.yaml as returned by ``smmanalytics.goals.read_goals`` (empty frame when
  absent).
- ``competitors``: competitors.csv as returned by ``smmanalytics.benchmarks.read_competitors``.
- ``brand``: :class:`smmanalytics.brand.Brand` from brand.yaml (without one: the defaults, named
  after the brand's folder, and noted ``brand_defaults``).
- ``quality``: the quality log as a frame (schema "quality").
- ``files``: one row per input file (archive members as ``archive.zip!member.csv``): path, sha256,
  bytes, platform, kind, source_format, rows, status (ok, failed, not_understood, duplicate,
  other_account: read, but all its rows left out as another account's, see
  ``_accounts.keep_declared_accounts``, so that its days are none of the brand's; or
  skipped: an archive member that cannot be extracted and only supplements the export beside it,
  see ``loaders._sources.supplementary_members``; a damaged member of any other kind is failed, the
  archive's other members read), covers_from and covers_to: the first and last day of the period
  the file's name says the export covers (``facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv``:
  1 and 31 October; a zip member's from the archive's name when its own has no date; NaT when the
  name gives no such range, see ``loaders._snapshot.range_from_name``), and snapshot_at: when
  the export was taken (its rows' ``snapshot_at``, kept for an export without rows too; NaT
  for a file not read). An export no format understands whose name is an export's (an empty
  download) is failed, as ``smm inspect`` and the report's cover say; not_understood is for
  any other file (a notes.txt). The settings files (brand.yaml, costs.csv, goals.yaml,
  competitors.csv, synonyms.csv) and the logo brand.yaml names have a row each too, first, of
  kind ``brand``, ``costs``, ``goals``, ``competitors``, ``synonyms`` or ``logo``
  (``loaders._folder.SETTINGS_KINDS``; ``loaders._folder.export_rows`` masks the others),
  no platform, status ok, failed (could not be read: its error is in ``quality``) or ignored
  (another of its name counts), rows read (costs, goals, competitors); other images are not
  listed, in a folder or in a zip.
- ``root``: what the reports name files relative to: the brand's folder when one folder was
  loaded, or the folder inside one zip loaded (``brand.zip!brand``) when every member is in
  that one folder, as zipping a folder makes it; None otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import os
import re
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from os import PathLike, fspath
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from . import schema
from ._accounts import (
    KnownAccounts,
    declared_accounts,
    give_lost_accounts,
    keep_declared_accounts,
    note_account_gaps,
)
from ._args import flag, path_of, platform_name
from ._costs import dollar_currency
from ._io import atomic_write, file_name
from ._merge import MERGE_KEYS, merge_table
from .benchmarks import read_competitors
from .brand import Brand, default_brand, read_brand
from .errors import (
    ArgumentError,
    ArgumentTypeError,
    BrandCurrencyError,
    BrandKeyError,
    BrandTimezoneError,
    ConfigError,
    DataQualityWarning,
    OutputError,
    ParseError,
    SchemaError,
    SmmError,
    UnknownFormatError,
)
from .goals import read_goals
from .loaders import _sources
from .loaders._folder import (
    BRAND_FILES,
    IMAGE_SUFFIXES,
    SETTINGS_FILES,
    SIDE_FILES,
    SYNONYMS_FILE,
    expand_patterns,
    export_rows,
    is_archive_setting,
    looks_like_export,
    member_kind,
    noting_warnings,
    pattern_folder,
    relative_name,
    walk,
)
from .loaders._headers import read_synonyms, using_synonyms
from .loaders._numbers import DOLLAR
from .loaders._registry import KNOWN_PLATFORMS
from .loaders._snapshot import dates_in_name, range_from_name
from .loaders._sources import (
    JUNK_WHY,
    LOCK_WHY,
    archive_folder,
    archive_members,
    is_lock_file,
    iter_sources,
    junk_name,
    note_skipped,
)
from .loaders.ga4 import shows_preamble
from .periods import last_day_covered, post_dates, posts_in_period
from .quality import QualityLog, counted, shown_name, unread_files
from .roi import read_costs

__all__ = ["Dataset", "load"]

logger = logging.getLogger(__name__)


def _empty(table: str):
    return field(default_factory=lambda: schema.empty(table))


def _column(frame: pd.DataFrame, table: str, column: str, why: str) -> pd.Series:
    """``frame[column]``, or a SchemaError naming the Dataset's ``table`` and the column (a
    frame made by hand, or a table of another kind: ``Dataset(daily=ds.posts)``)."""
    if column not in frame.columns:
        cols = list(map(str, frame.columns))
        got = ", ".join(cols[:12]) + (f", … ({len(cols)} in all)" if len(cols) > 12 else "")
        raise SchemaError(f"the Dataset's {table} lack column {column!r}, {why}; expected a "
                          f"{table} table as smm.load makes it; got columns {got or 'none'}",
                          column=column)
    return frame[column]


def _extremes(values: pd.Series) -> pd.Series:
    """The smallest and the largest of ``values`` (missing ones aside), in a Series of two;
    an empty Series when every value is missing."""
    values = values.dropna()
    return values.iloc[[values.argmin(), values.argmax()]] if len(values) else values


#: the Dataset's tables, and those of a canonical schema (the others are free frames)
_TABLES = ("posts", "daily", "web", "audience", "costs", "goals", "competitors", "quality",
           "files")
_CANONICAL = ("posts", "daily", "web", "audience", "quality")


@dataclass(frozen=True)
class Dataset:
    """All tables of one brand. Frames are never modified in place by smmanalytics.

    Attributes
    ----------
    posts, daily, web, audience : DataFrame
        The canonical tables of the exports (:mod:`smmanalytics.schema`); empty, of the
        schema's columns, when no export gives them.
    costs, goals, competitors : DataFrame
        costs.csv, goals.yaml and competitors.csv as :func:`~smmanalytics.roi.read_costs`,
        :func:`~smmanalytics.goals.read_goals` and
        :func:`~smmanalytics.benchmarks.read_competitors` return them; an empty frame when
        the file is absent.
    brand : Brand
        brand.yaml's settings (the defaults without one).
    quality : DataFrame
        The quality log, one row per note (schema "quality").
    files : DataFrame
        One row per input file, with its status.
    root : pathlib.Path, optional
        What the reports name files relative to.

    The module docstring gives each table's contract in full.
    """

    posts: pd.DataFrame = _empty("posts")
    daily: pd.DataFrame = _empty("daily")
    web: pd.DataFrame = _empty("web")
    audience: pd.DataFrame = _empty("audience")
    costs: pd.DataFrame = field(default_factory=pd.DataFrame)
    goals: pd.DataFrame = field(default_factory=pd.DataFrame)
    competitors: pd.DataFrame = field(default_factory=pd.DataFrame)
    brand: Brand = field(default_factory=Brand)
    quality: pd.DataFrame = _empty("quality")
    files: pd.DataFrame = field(default_factory=pd.DataFrame)
    root: Path | None = None

    def __post_init__(self) -> None:
        """A table left None is an empty one of its kind (``Dataset(posts=frame,
        daily=None)``); a table that is no DataFrame (a list, a Series, a path) an
        ArgumentTypeError naming it, not a TypeError from ``len`` or pandas later.

        Where posts enter the API: a platform named in another case ("INSTAGRAM", from
        ``dataclasses.replace(ds, posts=...)``) is the platform every function filters on, as
        engagement() already took it (roi gave "FACEBOOK" and "facebook" rows). And where GA4
        revenue meets the brand: a bare ``$`` is the brand's dollar (:func:`_web_dollars`)."""
        for table in _TABLES:
            value = getattr(self, table)
            if value is None:
                object.__setattr__(self, table, schema.empty(table) if table in _CANONICAL
                                   else pd.DataFrame())
            elif not isinstance(value, pd.DataFrame):
                raise ArgumentTypeError(
                    f"a Dataset's {table} is a pandas DataFrame (or None for none); got "
                    f"{type(value).__name__}", argument=table)
        for table in ("posts", "daily"):
            frame = getattr(self, table)
            fixed = schema.canonical_platforms(frame)
            if fixed is not frame:
                object.__setattr__(self, table, fixed)
        object.__setattr__(self, "web", _web_dollars(self.web, self.brand))

    def posts_in(self, period) -> pd.DataFrame:
        """The posts published in ``period`` ("2026-10", "2026-Q3", "2026-10-01..2026-10-15"
        or a Period), by their publish day in the brand's time zone.

        >>> smm.engagement(ds.posts_in("2026-10"), by="platform", daily=ds.daily)  # doctest: +SKIP
        """
        _column(self.posts, "posts", "published_at", "which days posts_in reads")
        return posts_in_period(self.posts, period, self.brand.timezone)

    def span(self, platform: str | None = None, *, web: bool = True, posts: bool = True
             ) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day the data tell anything about, of ``platform`` (or of any):
        a post's publish day (in the brand's zone; left out with ``posts=False``), a daily
        row's date, and the days an export read says it covers (``covers_from`` to
        ``covers_to`` of the ``files`` table: an October posts export of a platform that did
        not post after the 27th still covers the 28th to the 31st). With ``web``, and no
        ``platform``, GA4 days, periods and exports too. ``(None, None)`` when there is none.

        ``span(platform, posts=False)`` says whether the platform's days are known other than
        by its posts (a platform's last post is no end of its data, its daily rows and
        covered ranges are).

        >>> ds.span()                                      # doctest: +SKIP
        (datetime.date(2025, 9, 1), datetime.date(2026, 10, 31))

        Raises UnknownPlatformError for a name that is no platform ("instagarm"); a name is
        taken in any case ("Instagram").
        """
        if platform is not None:     # "instagarm" gave (None, None): no data, it seemed
            platform = platform_name(platform)
        def mine(table: str, col: str) -> pd.Series:
            df = getattr(self, table)
            values = _column(df, table, col, "which days span reads")
            if platform is None or "platform" not in df.columns:
                return values
            return values[np.asarray(df["platform"].eq(platform).fillna(False), dtype=bool)]

        days: list[pd.Series] = []
        if posts and len(self.posts):
            # a day in the brand's zone only grows with the UTC time: the local days of the
            # first and last times are the first and last local days
            # (of the posts known to the day, and of the others, apart: post_dates reads the
            # first as the day their export gives)
            published = mine("posts", "published_at")
            day_only = (mine("posts", "time_precision").astype("string").eq("day")
                        .fillna(False).to_numpy() if "time_precision" in self.posts.columns
                        else np.zeros(len(published), dtype=bool))
            # (both read in one call: post_dates on a few rows is pandas' overhead alone)
            ends, precisions = [], []
            for part, precision in ((published[~day_only], "minute"),
                                    (published[day_only], "day")):
                if isinstance(part.dtype, pd.DatetimeTZDtype):
                    part = _extremes(part)
                ends.append(part)
                precisions += [precision] * len(part)
            days.append(post_dates(pd.DataFrame({"published_at": pd.concat(ends,
                                                                            ignore_index=True),
                                                 "time_precision": precisions}),
                                   self.brand.timezone))
        if len(self.daily):
            days.append(_extremes(pd.to_datetime(mine("daily", "date"))))
        if web and platform is None and len(self.web):
            days += [_extremes(pd.to_datetime(self.web[c]))
                     for c in ("date", "period_start", "period_end") if c in self.web.columns]
        days = [d.dropna() for d in days]
        days = [d for d in days if len(d)]
        covered = self._covered(platform, web=web and platform is None)
        if not days and not covered:
            return None, None
        return (min([d.min() for d in days] + covered).date(),
                max([d.max() for d in days] + covered).date())

    def _covered(self, platform: str | None, *, web: bool) -> list[pd.Timestamp]:
        """The ``covers_from`` and ``covers_to`` days of the exports read (status ok) that gave
        posts or daily rows of ``platform`` (of any), or with ``web`` GA4 rows. The files table
        is small: a loop over its rows is cheaper than pandas' indexing (span runs often)."""
        files = self.files
        cols = ("platform", "kind", "status", "covers_from", "covers_to")
        if not len(files) or not set(cols) <= set(files.columns):
            return []
        kinds = {"posts", "daily", "web"} if web else {"posts", "daily"}
        out = []
        for p, k, status, start, end in zip(*(files[c].tolist() for c in cols), strict=True):
            if (str(status) == "ok" and pd.notna(start) and pd.notna(end)
                    and not kinds.isdisjoint(str(k).split(","))
                    and (platform is None or platform in str(p).split(","))):
                out += [pd.Timestamp(start), pd.Timestamp(end)]
        return out

    def as_of(self, platforms=None) -> dt.date | None:
        """The last day the data cover in full, in the brand's zone: the day before the newest
        export's ``snapshot_at`` (posts and daily rows, and the posts and daily exports read,
        the ``files`` table's ``snapshot_at``), or None when no export is dated. An export
        without rows counts: a November export with its headers only (no post that month),
        taken on 2 December, makes the data as of 1 December, not of the October export's day.

        An export's ``snapshot_at`` is the moment it was taken; an export dated by its day is
        taken at the end of that day, the start of the next (a Meta export of 15 November:
        16 November 00:00 US Pacific, 09:00 in Paris), so the day of the snapshot itself is
        not covered: the data are "as of" the day before. The report's cover says this day.

        A snapshot at a UTC midnight is the end of a UTC day (X's, TikTok's exports, whose
        days are UTC days, dated by their last day): the data are as of that day, whatever the
        brand's zone, as :func:`~smmanalytics.periods.stored_days` reads a day stored so. Read
        in a zone west of UTC, 1 November 00:00 UTC was 31 October, the data as of 30
        October, and an export of October through its 31st never made October the latest
        month: no export of UTC days can cover more of the brand's 31 October.

        ``platforms`` (a name or a list of them): the exports of those platforms only, as a
        report covering some platforms says (a TikTok best-times report of exports taken on
        1 November was said "as of 15 November", the day of a later Meta export).

        An export date only guessed from a file's modification time (an export renamed
        ``export (3).csv``, quality code ``snapshot_guessed``) is the day the file was copied,
        not the day it was taken: 5 December made the data "as of 5 December" and ``latest``
        November, a month with no data. Such exports count by the last day the social data
        cover (:meth:`span`, GA4's days aside) instead: the as-of day is then the later of that
        day and the as-of day of the exports whose date is stated (in their content or name,
        or inferred from their days), which still rules.

        >>> ds.as_of()                                     # doctest: +SKIP
        datetime.date(2026, 11, 15)
        >>> ds.as_of(["tiktok"])                           # doctest: +SKIP
        datetime.date(2026, 10, 31)

        Raises UnknownPlatformError for a name that is no platform.
        """
        if isinstance(platforms, str):
            platforms = [platforms]
        mine = None if platforms is None else {platform_name(p) for p in platforms}
        tables = [(name, self._of(t, mine, name)) for name, t in (("posts", self.posts),
                                                                  ("daily", self.daily))]
        stamps = [_column(t, name, "snapshot_at", "when its exports were taken").max()
                  for name, t in tables if len(t)]
        stamps.append(self._exported(mine))
        stamps = [s for s in stamps if s is not None and pd.notna(s)]
        if not stamps:
            return None
        last = max(last_day_covered(s, self.brand.timezone) for s in stamps)
        guessed = self._guessed_files()
        if guessed:
            stated = self._exported(mine, besides=guessed)
            days = [d for d in (None if stated is None else
                                last_day_covered(stated, self.brand.timezone),
                                self._last_social_day(mine)) if d is not None]
            last = min(last, max(days, default=last))
        return last

    def _guessed_files(self) -> set[str]:
        """The files whose export date was only guessed from their modification time."""
        q = self.quality
        if not len(q) or not {"code", "file"} <= set(q.columns):
            return set()
        return set(q.loc[q["code"].eq("snapshot_guessed").fillna(False).to_numpy(bool), "file"]
                   .astype(str))

    def _last_social_day(self, platforms: set[str] | None) -> dt.date | None:
        """The last day of :meth:`span` without GA4's days, of ``platforms`` (any when None)."""
        ends = [self.span(p, web=False)[1] for p in (platforms or [None])]
        return max((d for d in ends if d is not None), default=None)

    @staticmethod
    def _of(table: pd.DataFrame, platforms: set[str] | None, name: str) -> pd.DataFrame:
        """The rows of ``table`` (the Dataset's ``name``) of ``platforms`` (all of them when
        None)."""
        if platforms is None or not len(table):
            return table
        keep = (_column(table, name, "platform", "whose rows as_of reads").astype("string")
                .isin(platforms).fillna(False))
        return table.loc[keep.to_numpy(bool)]

    def _exported(self, platforms: set[str] | None = None, *,
                  besides: set[str] = frozenset()) -> pd.Timestamp | None:
        """The newest ``snapshot_at`` of the posts or daily exports read (status ok) in the
        ``files`` table, of ``platforms`` when given, the files ``besides`` left out; None
        without one (or in a files table made before the column)."""
        files = self.files
        cols = ("platform", "kind", "status", "snapshot_at", "path")
        if not len(files) or not set(cols) <= set(files.columns):
            return None
        newest = None
        for p, k, status, stamp, path in zip(*(files[c].tolist() for c in cols), strict=True):
            if (str(status) == "ok" and pd.notna(stamp) and str(path) not in besides
                    and not {"posts", "daily"}.isdisjoint(str(k).split(","))
                    and (platforms is None or not platforms.isdisjoint(str(p).split(",")))
                    and (newest is None or stamp > newest)):
                newest = pd.Timestamp(stamp)
        return newest

    def __repr__(self) -> str:
        parts = [f"{len(self.posts)} posts", f"{len(self.daily)} daily rows",
                 f"{len(self.web)} web rows", f"{len(self.quality)} quality notes"]
        try:
            unread = len(unread_files(self.quality))
        except KeyError:        # a quality table made by hand: no file, level or message
            unread = 0
        if unread:         # the first thing an analyst sees of a load: say what is missing
            parts[-1] += f" ({unread} file{'s' if unread > 1 else ''} not read)"
        return f"<Dataset {self.brand.name!r}: {', '.join(parts)}>"

    def _repr_html_(self) -> str:
        """What JupyterLab shows of ``ds``: the brand, and per platform its posts, daily rows
        and first to last day (:meth:`span`), GA4's rows, the quality notes by level and the
        files not read (the repr's one line named none of them)."""
        platforms = sorted({*self.posts.get("platform", pd.Series(dtype="string")).dropna(),
                            *self.daily.get("platform", pd.Series(dtype="string")).dropna()},
                           key=str)
        # what JupyterLab shows never raises: of a table made by hand (no column snapshot_at,
        # a daily table of posts) it shows what it can, and says what it could not read
        unknown: list[str] = []

        def shown(what: str, compute, default=None):
            try:
                return compute()
            except Exception as e:      # noqa: BLE001 - the notebook display must not raise
                unknown.append(f"{what}: {e}")
                return default

        def count(table: pd.DataFrame, plat: str) -> int:
            if "platform" not in table.columns:
                return 0
            return int(table["platform"].astype("string").eq(plat).fillna(False).sum())

        rows = []
        for plat in map(str, platforms):
            first, last = shown(f"days of {plat}", lambda p=plat: self.span(p), (None, None))
            rows.append({"platform": plat, "posts": count(self.posts, plat),
                         "daily rows": count(self.daily, plat), "from": first, "to": last})
        if len(self.web):
            days = shown("GA4 days", lambda: pd.concat(
                [pd.Series(dtype="datetime64[ns]")]
                + [pd.to_datetime(self.web[c]).dropna() for c in
                   ("date", "period_start", "period_end") if c in self.web.columns]),
                pd.Series(dtype="datetime64[ns]"))
            rows.append({"platform": "GA4 (web)", "posts": None, "daily rows": len(self.web),
                         "from": days.min().date() if len(days) else None,
                         "to": days.max().date() if len(days) else None})
        table = pd.DataFrame(rows, columns=["platform", "posts", "daily rows", "from", "to"])
        table["posts"] = table["posts"].astype("Int64").astype("string").fillna("–")
        table = table.rename(columns={"daily rows": "daily/GA4 rows"})
        b = self.brand
        asof = shown("data as of", self.as_of)
        head = (f"<b>Dataset · {html.escape(str(b.name))}</b> ({html.escape(str(b.timezone))}, "
                f"{html.escape(str(b.language))}; data as of {asof or 'unknown'})")
        levels = (self.quality["level"].value_counts().to_dict()
                  if len(self.quality) and "level" in self.quality.columns else {})
        notes = ", ".join(f"{n} {lvl}" for lvl, n in sorted(levels.items())) or "none"
        unread = shown("files not read", lambda: unread_files(self.quality), {})
        listed = "".join(f"<li>{html.escape(shown_name(f, self.root))}: {html.escape(why)}</li>"
                         for f, why in list(unread.items())[:10])
        more = f"<li>… and {len(unread) - 10} more</li>" if len(unread) > 10 else ""
        files = (f"<p><b>{len(unread)} file{'s' if len(unread) > 1 else ''} not read</b></p>"
                 f"<ul>{listed}{more}</ul>" if unread else "")
        problems = ("<p><b>Could not read</b></p><ul>"
                    + "".join(f"<li>{html.escape(u)}</li>" for u in unknown) + "</ul>"
                    if unknown else "")
        return (f"<div><p>{head}</p>{table.to_html(index=False, na_rep='–')}"
                f"<p>Quality notes: {notes} (<code>ds.quality</code>)</p>{files}{problems}</div>")


class _Remembering(Dataset):
    """A Dataset that answers each question of the analyses once: the same tables, with
    :meth:`Dataset.span` computed once a question, and whatever
    :func:`~smmanalytics.periods.remembered` is asked (the days each platform's posts
    exports cover, each ``roi()``, GA4's social traffic of a period…). A report's sections
    ask it 55 times for 14 answers on the sample's monthly report (every goal, coverage line
    and comparison asks its platform's first and last days): 0.45 s of the kernel's 4.1 s of
    CPU, 0.1 s once each; ``goal_record`` of a quarter asked the same of its three
    scorecards. Made for one report or one call (:func:`remembering`), while its frames are
    not changed; a Dataset made from this one (``dataclasses.replace``) has a memo of its
    own."""

    def span(self, platform: str | None = None, *, web: bool = True, posts: bool = True
             ) -> tuple[dt.date | None, dt.date | None]:
        return self.remember(("span", platform, web, posts),
                             lambda: Dataset.span(self, platform, web=web, posts=posts))

    def remember(self, key: tuple, make):
        """``make()``, made once for ``key`` and kept (the caller must not change it)."""
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            memo[key] = make()
        return memo[key]


def remembering(ds) -> Dataset:
    """``ds`` with a memo of its own (:class:`_Remembering`), sharing its frames (nothing is
    copied), for one report or one call: what it remembers dies with it, so no answer
    outlives a change of the data (a Dataset is never changed in place; a new one is
    loaded or made). A Dataset that remembers already (a report's, handed to
    ``goal_record``) is kept with its memo; another kind of object (a Dataset of the
    analyst's own class) as it is."""
    if type(ds) is not Dataset:
        return ds
    mine = object.__new__(_Remembering)
    mine.__dict__.update(ds.__dict__)       # frozen: the fields as they are, not re-checked
    return mine

def _web_dollars(web: pd.DataFrame, brand: Brand) -> pd.DataFrame:
    """``web`` with its revenue in a bare ``$`` (GA4's loader leaves it a dollar of no country,
    :data:`~smmanalytics.loaders._numbers.DOLLAR`) in the brand's dollar
    (:func:`~smmanalytics._costs.dollar_currency`: CAD for a Canadian brand, else USD), as
    costs.csv reads a ``$``: a Canadian brand's ``$1,234.50`` was USD, foreign, left out of its
    ROI. The same frame when there is none (a new one otherwise: the caller's is untouched)."""
    if "currency" not in web.columns:
        return web
    dollar = (web["currency"].astype("string") == DOLLAR).fillna(False)
    if not dollar.any():
        return web
    return web.assign(currency=web["currency"].astype("string").mask(
        dollar, dollar_currency(brand.currency)))


def _image_or_document(name: str | PathLike) -> str:
    """What a file :data:`IMAGE_SUFFIXES` skips is, for its note: "a PDF document" (a report
    or notes beside the exports) or "an image" (a logo, a screenshot)."""
    return "a PDF document" if str(name).lower().endswith(".pdf") else "an image"
FILE_COLUMNS = {"path": "string", "sha256": "string", "bytes": "Int64", "platform": "string",
                "kind": "string", "source_format": "string", "rows": "Int64",
                "status": "string", "covers_from": "datetime64[ns]",
                "covers_to": "datetime64[ns]", "snapshot_at": "datetime64[ns, UTC]"}


#: the reader of each Dataset field a side file fills (:data:`SIDE_FILES` names them): the
#: functions themselves, imported here, as ``loaders._folder`` cannot (roi's cost reader
#: imports the loaders)
_SIDE_READERS = {"costs": read_costs, "goals": read_goals, "competitors": read_competitors}


def read_side(path: Path, attr: str, log: QualityLog, strict: bool,
              data: bytes | None = None, **options):
    """The side file ``path`` read by the reader of the Dataset field ``attr`` (with
    ``options``: costs.csv's ``currency``, the brand's); an empty frame when it cannot be read
    (noted failed in ``log``; raised when ``strict``)."""
    reader = _SIDE_READERS[attr]
    try:
        out = reader(path, **options) if data is None else reader(path, data=data, **options)
    except SmmError as exc:
        if strict:
            raise
        log.add(path, "failed", str(exc), level="error")
        return pd.DataFrame()
    except Exception as exc:
        err = ParseError(f"unexpected error while reading {file_name(path)}: "
                         f"{type(exc).__name__}: {exc}", file=str(path))
        if strict:
            raise err from exc
        log.add(path, "failed", str(err), level="error")
        return pd.DataFrame()
    return out


def load(path, *, strict: bool = False, cache: bool = True) -> Dataset:
    """Load every export of a brand: a folder (recursive), a file, a zip, or a list of them.

    Side files recognised by name, in a folder, given as files, or inside a zip (a zipped brand
    folder loads as the folder would; an error names the member, ``brand.zip!brand/goals.yaml``,
    and a logo inside is extracted to the cache folder, ``logos/``): brand.yaml, costs.csv,
    goals.yaml, competitors.csv, and synonyms.csv, the brand's own header variants for exports
    in a language the package does not know yet (``family,canonical,lang,header`` rows, as in
    the package's ``loaders/synonyms.csv``; read before the exports, see
    ``loaders._headers.read_synonyms``).
    They are read in the order of the files (sorted paths, folders and archives alike): the
    first costs.csv, goals.yaml, competitors.csv or synonyms.csv counts (a later one is noted
    ``side_file_ignored``); of several brand.yaml, the one nearest the top counts (the one
    ``smm report`` names the brand by), the others are noted; two as near the top in
    different folders are two brands' (``two/a``, ``two/b``), refused (ConfigError).
    Every other file goes through the loader registry. A file that cannot be read is recorded in
    ``quality`` (level error) and ``files`` (status failed) and loading goes on, unless
    ``strict`` is true (a settings file too: its ``files`` row, of kind ``costs``, ``goals``…,
    says failed); a file no format recognises is recorded as not understood: when it is named
    as an export is (a .csv, .tsv, Excel workbook or zip
    that is no settings file, :func:`~smmanalytics.loaders._folder.looks_like_export`: a GA4
    export emptied by a failed download, a Meta export whose header row was mangled) it is a
    file not read (status failed), noted as an error, and ``strict`` raises for it
    (UnknownFormatError); any other file (a README.txt) is only recorded (status
    not_understood), ``strict`` or not; hidden or system
    files and folders (``.DS_Store``, ``Thumbs.db``, ``__MACOSX/``, ``.git/``) and Office
    lock files (``~$report.xlsx``), in a folder or a zip alike, are skipped, never read as
    data, and noted in ``quality`` alone (infos): ``system_file`` once per folder or zip,
    with their count and names, ``lock_file`` for each lock file. After the
    load, one DataQualityWarning names the files that could not be read (exports and
    settings files), or says that no export was found. The same post
    in several exports keeps its newest snapshot (ties: the later file in sorted order, where
    a browser's second download "X (1).csv" comes right after "X.csv": the download made
    last wins; tied rows that differ are noted ``snapshot_tie``, a warning naming both files);
    the files of a list are sorted as a folder's are, so the order of the list changes
    nothing (:func:`~smmanalytics.loaders._folder.file_order`); daily
    series keep the newest value per (platform, account_id, date, hour, metric), a row naming
    no account being that of the one account its platform's other rows name (with several
    named, it stays apart, noted ``account_unknown``); identical files are read once.
    Rows of an account brand.yaml does not declare, on a platform it declares one of (another
    brand's export dropped in the folder), are left out and noted ``account_not_declared``
    (:func:`~smmanalytics._accounts.keep_declared_accounts`).

    With ``cache`` (the default) each parsed file is kept in the cache of parsed exports
    (:mod:`smmanalytics._cache`, ``$SMM_CACHE_DIR``), keyed by its content hash: reloading an
    unchanged file reads the stored tables and quality notes instead of parsing again, a changed
    file is always re-read, and the result is the same either way.

    Parameters
    ----------
    path : str, os.PathLike, or a list or tuple of them
        A brand folder (walked recursively), one export or side file, a zip archive, or
        several of them. A path that does not exist and holds a wildcard is a pattern, read
        as the shell reads it: ``"exports/*.csv"`` loads the files it matches
        (``**`` matches any folders below).
    strict : bool, default False
        Raise on the first file that cannot be read (see Raises) instead of recording it in
        ``quality`` and ``files`` and going on.
    cache : bool, default True
        Keep and reuse each parsed file in the cache of parsed exports (see above).

    Returns
    -------
    Dataset
        The brand's tables (described in this module's docstring): ``posts`` (one row per
        post, its newest snapshot), ``daily`` (long account series), ``web``, ``audience``,
        ``costs``, ``goals``, ``competitors`` (empty frames when no file gives them), ``brand``
        (brand.yaml's settings, or the defaults), ``quality`` (one row per note of the
        quality log), ``files`` (one row per file met, with its status) and ``root``.

    Raises
    ------
    ParseError
        when a path does not exist, or a pattern matches nothing, or (``strict=True``) when
        a file cannot be read (a ConfigError, its subclass, for an invalid side file; an
        UnknownFormatError, its subclass, for a file named as an export that no format
        understands, naming the file, the formats tried and the headers that came).
    ConfigError
        when two brand folders are loaded as one (see above), naming both brand.yaml.
    ArgumentTypeError
        (a TypeError) when ``path`` is not a path, or a list of them (a Dataset already loaded,
        a number).
    ArgumentError
        when ``path`` is empty (``""``, or an empty list): ``Path("")`` would be the current
        folder.
    """
    strict, cache = flag(strict, "strict"), flag(cache, "cache")
    given, paths = _paths_given(path)
    skipped: list[tuple[Path, str]] = []        # the junk met: (folder or zip, entry in it)
    # a pattern's folder (brand of brand/*.csv) names its files and, loaded alone, the brand
    folders = [f for p in paths if (f := pattern_folder(p)) is not None]
    paths = expand_patterns(paths, skipped)
    root = _root_of(given, paths, folders)
    item_logs, pending, got, images = _walk_settings_first(paths, skipped, strict)

    ilog = QualityLog()            # images and the logo: after the files' notes
    item_logs.append(ilog)
    brand, zipped_logo = got.brand, None
    if got.brand_seen is None:     # no brand.yaml at all (one that failed is noted failed)
        item_logs.insert(0, blog := QualityLog())       # said first: it concerns every file
        beside = _brand_files_beside(paths) if root is None or root in folders else []
        brand = _assumed_brand(root, blog, beside)
    if brand.logo and got.brand_from is not None:
        brand, zipped_logo = _archive_logo(brand, got.brand_from, ilog)
    _note_junk(skipped, ilog)
    brand = _note_images_and_logo(images, brand, zipped_logo, ilog)

    # costs.csv is read once brand.yaml is, whichever came first: its currency says what a
    # bare $ is (a Canadian brand's dollars)
    side = {attr: read(brand.currency) if callable(read) else read
            for attr, read in got.side.items()}
    # the brand's synonyms apply to every match of headers from here on, and are part of
    # every cache key (a file reads differently with them)
    with using_synonyms(got.extra or ()):
        ds = _read_and_merge(pending, [*paths, *folders], item_logs, side, brand, root,
                             strict, cache)
    if zipped_logo is not None:     # the brand's logo, not an image skipped (as in a folder)
        ds = _without_image_note(ds, zipped_logo)
    # after the cache: its key is the exports', and brand.yaml's accounts decide this
    ds = note_account_gaps(keep_declared_accounts(give_lost_accounts(ds)))   # the brand's days
    ds = _with_settings_rows(ds, got, side, zipped_logo)
    _warn_of_missing(ds, paths)
    return ds


def _setting_kind(name: str) -> str:
    """The ``kind`` of the settings file ``name`` in ``files``: what it is for the load."""
    lower = file_name(name).lower()
    if lower in SIDE_FILES:
        return SIDE_FILES[lower][2]
    return "brand" if lower in BRAND_FILES else "synonyms"


def _with_settings_rows(ds: Dataset, got: _Settings, side: dict[str, pd.DataFrame],
                        zipped_logo: str | None) -> Dataset:
    """``ds`` with a ``files`` row for each settings file met and the logo, before the
    exports' (read first, as load reads them): the brand folder's costs.csv that failed was in
    ``quality`` alone, and ``files.status.eq("failed")`` found no file not read, while
    ``smm inspect`` exited 3. Status failed when the file has an error note, ignored when
    another of its name counts (``side_file_ignored``), else ok; rows, those read of
    costs.csv, goals.yaml or competitors.csv."""
    q = ds.quality
    errors = set(q.loc[q["level"].astype(str).eq("error"), "file"].astype(str))
    ignored = set(q.loc[q["code"].astype(str).eq("side_file_ignored"), "file"].astype(str))
    rows = []
    for name, data in got.met:
        kind = _setting_kind(name)
        status = ("failed" if name in errors else "ignored" if name in ignored else "ok")
        table = side.get(kind)
        n = len(table) if status == "ok" and isinstance(table, pd.DataFrame) else pd.NA
        rows.append(_setting_row(name, data, kind, status, n))
    if ds.brand.logo:
        try:
            logo = logo_bytes(ds.brand.logo)
        except OSError:
            logo = None
        if logo is not None:
            rows.append(_setting_row(zipped_logo or str(ds.brand.logo), logo, "logo", "ok",
                                     pd.NA))
    if not rows:
        return ds
    table = _files_frame(rows)
    if not len(ds.files):
        return replace(ds, files=table)
    return replace(ds, files=pd.concat([table, ds.files], ignore_index=True))


def _setting_row(name: str, data: bytes | None, kind: str, status: str, rows) -> dict:
    """The ``files`` row of one settings file (its bytes read from disk when not given)."""
    if data is None:
        try:
            data = Path(name).read_bytes()
        except OSError:
            data = None
    return {"path": name, "sha256": pd.NA if data is None else hashlib.sha256(data).hexdigest(),
            "bytes": pd.NA if data is None else len(data), "platform": pd.NA, "kind": kind,
            "source_format": pd.NA, "rows": rows, "status": status, "covers_from": pd.NaT,
            "covers_to": pd.NaT, "snapshot_at": pd.NaT}


def _paths_given(path) -> tuple[list, list[Path]]:
    """What :func:`load` was given, as a list, and those paths as paths (a pattern not
    expanded yet); ArgumentError for no path, an empty one, or a Dataset passed again."""
    given = list(path) if isinstance(path, (list, tuple)) else [path]
    paths = [path_of(p, "path", "load", "the path of a folder, file or zip, or a list of them",
                     hint=" (already loaded: use it as it is)" if isinstance(p, Dataset) else "")
             for p in given]
    if not paths or any(fspath(p) == "" for p in given):    # Path("") is the current folder
        raise ArgumentError("no path to load", argument="path",
                            expected="a brand folder, an export file or a zip, or a list of them",
                            got=path)
    return given, paths


def _root_of(given: list, paths: list[Path], folders: list[Path]) -> Path | None:
    """The brand folder the files' names are relative to: a pattern's folder when one pattern
    was given (``brand/*.csv``), the one folder given, or the folder inside the one zip given
    (a zipped brand folder); None for several paths."""
    if len(given) == 1 and folders:
        return folders[0]
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return Path(paths[0])
    if len(paths) == 1 and (folder := archive_folder(paths[0])) is not None:
        return Path(folder)
    return None


def _walk_settings_first(paths: list[Path], skipped: list[tuple[Path, str]], strict: bool
                         ) -> tuple[list[QualityLog], list[tuple[QualityLog, Path]], _Settings,
                                    list[Path]]:
    """Walk ``paths`` (the junk met added to ``skipped``) reading the settings files as they
    come, a zipped brand folder's too, so that every export is read after brand.yaml, costs.csv
    and synonyms.csv: one log per walked file in walk order, the exports left to read (each
    with its log), the settings read, and the images met (a logo or a screenshot, never an
    export)."""
    item_logs: list[QualityLog] = []
    pending: list[tuple[QualityLog, Path]] = []
    got = _Settings()
    images = []
    for f in walk(paths, skipped):
        if f.suffix.lower() in IMAGE_SUFFIXES:
            images.append(f)
            continue
        if f.name.lower() in SETTINGS_FILES:
            item_logs.append(ilog := QualityLog())
            got.read(f, None, ilog, strict)
            continue
        # a zipped brand folder: its settings files are read here, as a folder's, before any
        # export (its exports are read with the others; _read_exports passes these members)
        for src in archive_members(f, is_archive_setting, skipped):
            item_logs.append(ilog := QualityLog())
            got.read(Path(src.name), src.data, ilog, strict, archive=f)
        item_logs.append(ilog := QualityLog())
        pending.append((ilog, f))
    return item_logs, pending, got, images


def _note_images_and_logo(images: list[Path], brand: Brand, zipped_logo: str | None,
                          log: QualityLog) -> Brand:
    """``brand``, without its logo when brand.yaml names a logo that does not exist
    (``logo_missing``: the report goes without it); each image but the logo noted as no
    export (``not_an_export``). A logo extracted from the archive is there (a cache pruned or
    cleared since is read from the archive again, ``logo_bytes``)."""
    logo = Path(brand.logo).resolve() if brand.logo else None
    for f in images:
        if f.resolve() != logo:
            log.add(f, "not_an_export", f"{_image_or_document(f)}, not an export file: "
                    "skipped", level="info")
    if logo is not None and zipped_logo is None and not logo.is_file():
        log.add(logo, "logo_missing", "brand.yaml names a logo that does not exist: the report "
                "goes without it", level="warning")
        brand = replace(brand, logo=None)
    return brand


def _without_image_note(ds: Dataset, zipped_logo: str) -> Dataset:
    """``ds`` without the ``not_an_export`` note of the zip member ``zipped_logo``: the
    brand's logo, which a folder's walk passes as an image, not an export read as none."""
    q = ds.quality
    logo_note = ((q["file"] == zipped_logo) & (q["code"] == "not_an_export")).fillna(False)
    if not logo_note.any():
        return ds
    return replace(ds, quality=q.loc[~logo_note.to_numpy()].reset_index(drop=True))


def _default_used(brand: Brand, key: str | None) -> str:
    """What a ``brand_key_ignored`` note says of the default the brand takes for brand.yaml's
    ``key`` (``language``, ``colors.primary``, the attribute ``primary_color``): its value,
    read from ``brand``, which holds it (``language: de`` said "its default is used", not
    which: en)."""
    group, _, name = (key or "").rpartition(".")
    value = getattr(brand, f"{name}_color" if group == "colors" else name, None) if key else None
    return "its default is used" if value is None else f"its default, {value!r}, is used"


def _note_junk(skipped: list[tuple[Path, str]], log: QualityLog) -> None:
    """Note the junk the walk skipped (:func:`~smmanalytics.loaders._sources.is_junk`),
    ``(folder or zip, entry below it)``, by one rule in a folder and in a zip: each Office
    lock file by itself, as it says its workbook was open when the folder was copied, which
    tells a user why a figure they had just edited did not change; the rest once per folder
    or zip, counted and named (:func:`_junk_words`). A zip's junk, and a .git or __MACOSX
    folder anywhere, were skipped with no trace, a folder's files each noted."""
    places: dict[Path, list[str]] = {}
    for where, entry in skipped:
        places.setdefault(where, []).append(entry)
    for where, entries in places.items():
        entries = sorted(set(entries))
        locks = [e for e in entries if is_lock_file(e)]
        if others := [e for e in entries if e not in locks]:
            log.add(where, "system_file", _junk_words(others), level="info")
        for entry in locks:
            log.add(junk_name(where, entry), "lock_file", LOCK_WHY, level="info")


def _junk_words(entries: list[str]) -> str:
    """What a ``system_file`` note says of the junk ``entries`` of one folder or zip (names
    below it, a folder's ending in ``/``): how many files and folders, and their names,
    each once with its count: ``.DS_Store``, ``a/.DS_Store`` and ``.git/`` are "2 files and
    1 folder, …: .DS_Store ×2, .git/" (a .DS_Store in each of 12 subfolders, one name)."""
    folders = sum(e.endswith("/") for e in entries)
    kinds = " and ".join(f"{n} {word}{'s' * (n > 1)}" for n, word in
                         ((len(entries) - folders, "file"), (folders, "folder")) if n)
    counts = Counter(PurePosixPath(e).name + "/" * e.endswith("/") for e in entries)
    names = ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in sorted(counts.items()))
    return f"{kinds}, {JUNK_WHY}: {names}"


def _brand_files_beside(paths: list[Path]) -> list[Path]:
    """The brand.yaml files beside the files loaded (in their folders), each once."""
    return list(dict.fromkeys(f for p in paths if p.is_file()
                              for f in (p.parent / "brand.yaml", p.parent / "brand.yml")
                              if f.is_file()))


def _assumed_brand(root: Path | None, log: QualityLog, beside: list[Path] = ()) -> Brand:
    """The brand of a load that met no brand.yaml (:func:`~smmanalytics.brand.default_brand`),
    named after the brand's folder (``root``: a folder, or the folder of a zipped brand folder)
    when there is one, and noted ``brand_defaults`` (a warning) for every load: the time zone
    is UTC, which decides the days, months and hours of every figure, and a report said nothing
    of it. A file or a list of files has no folder to name the brand: it is ``Brand``; the
    note names the brand.yaml ``beside`` the files, not read (a file loaded is that file
    alone, as documented), and how to read it: one Facebook export loaded beside a brand.yaml
    of Europe/Paris ran in UTC, the note saying only that no brand.yaml was among the files."""
    folder = None
    if root is not None:
        text = str(root)
        folder = (PurePosixPath(text.rsplit("!", 1)[1].replace("\\", "/")).name if "!" in text
                  else root.resolve().name) or None
    brand = default_brand(folder)
    where = "among the files loaded" if root is None or beside else "in the brand's folder"
    named = "the folder's name" if folder else "no folder to name it after"
    log.add(f"{root}/brand.yaml" if root is not None else "brand.yaml", "brand_defaults",
            f"no brand.yaml {where}, so the defaults are assumed: time zone {brand.timezone} "
            f"(the days, months and hours of every figure are UTC's), name {brand.name!r} "
            f"({named}), currency {brand.currency}, language {brand.language}, industry "
            f"{brand.industry}" + "".join(
                f"; {f} lies beside the files and was not read: load its folder, or add it to "
                f"the list, for the brand's time zone and settings" for f in beside),
            level="warning")
    return brand


def _warn_of_missing(ds: Dataset, paths: list) -> None:
    """One DataQualityWarning when files could not be read (each named, with its error's first
    line), else when no export was found: a load goes on without them, which was said only by
    error rows in ``ds.quality``, that a notebook does not show unless asked."""
    unread = unread_files(ds.quality)
    if unread:
        warnings.warn(DataQualityWarning(_unread_message(unread, ds.root), "files_not_read"),
                      stacklevel=3)
    elif not (len(ds.files) and (ds.files["status"].eq("ok") & export_rows(ds.files)).any()):
        warnings.warn(DataQualityWarning(_no_export_message(ds, paths), "no_export"),
                      stacklevel=3)


#: how :func:`_unread_message` tells a Python user to see or raise the files not read (the
#: command line says its own way: ``cli._quality_warnings_said_plainly``)
UNREAD_HINT = "see ds.quality, or load(..., strict=True) to raise"


def _unread_message(unread: dict[str, str], root: Path | None) -> str:
    """What :func:`_warn_of_missing` says of the files in ``unread`` (file → its error): each
    named as the report names it, with the first line of its error, which names the file
    too."""
    def why(file: str, error: str) -> str:
        first = error.splitlines()[0] if error else ""
        return first.removeprefix(f"file {file}").lstrip(",: ")

    items = [f"{shown_name(file, root)}: {why(file, error)}" for file, error in unread.items()]
    n = len(items)
    head = (f"{n} file{'s' if n > 1 else ''} could not be read and {'are' if n > 1 else 'is'} "
            "left out of the dataset:")
    if n == 1:
        return f"{head} {items[0]}; {UNREAD_HINT}"
    return "\n  ".join([head, *items]) + f"\n{UNREAD_HINT}"


def _no_export_message(ds: Dataset, paths: list) -> str:
    """What :func:`_warn_of_missing` says when no export was read (an empty folder, or one of
    files no format understands, named)."""
    where = ", ".join(str(p) for p in paths)
    files = ds.files
    odd = [] if not len(files) else [
        shown_name(f, ds.root) for f in files.loc[files["status"].eq("not_understood")
                                                  .fillna(False), "path"]]
    seen = (f" ({len(odd)} file{'s' if len(odd) > 1 else ''} not understood as an export: "
            f"{', '.join(odd)}; see ds.files)") if odd else ""
    return f"no export was found in {where}: the dataset has no post, daily row or GA4 row{seen}"


@dataclass
class _Settings:
    """The settings files read so far by :func:`load`, by the rules of a folder: the first
    costs.csv (goals.yaml, competitors.csv, synonyms.csv) counts and a later one is ignored
    with a warning; of several brand.yaml, the one nearest the top of the folder counts (the
    first at the same depth), and every other is ignored with a warning."""

    brand: Brand = field(default_factory=Brand)
    #: the archive member brand.yaml was read from (its logo is inside too) and the archive
    #: on disk, else None
    brand_from: tuple[str, Path] | None = None
    side: dict[str, pd.DataFrame] = field(default_factory=dict)
    extra: tuple | None = None           # the brand's synonyms.csv, once read
    brand_read: str | None = None        # the name of the brand.yaml that counts, once read
    brand_depth: int = 0                 # and how deep it is in the folder
    #: the first brand.yaml met nearest the top, read or not (one that failed names a brand
    #: folder too), and its path
    brand_seen: tuple[str, PurePosixPath] | None = None
    #: every settings file met, in walk order: its name and bytes (None: on disk)
    met: list[tuple[str, bytes | None]] = field(default_factory=list)

    def _one_brand(self, f: Path, path: PurePosixPath) -> None:
        """ConfigError when the brand.yaml ``f`` (``path``) is as deep as the first met nearest
        the top, in another folder: two brand folders (``two/a``, ``two/b``) loaded as one,
        whose exports would be merged as one brand's, even when the first could not be read.
        A deeper one is an old copy, or a folder's brand.yaml beside brand.yml: noted and
        ignored where it is read."""
        if self.brand_seen is None or len(path.parts) < len(self.brand_seen[1].parts):
            self.brand_seen = (str(f), path)
            return
        seen, kept = self.brand_seen
        if len(path.parts) == len(kept.parts) and path.parent != kept.parent:
            raise ConfigError(
                f"{seen} and {f} are the settings of two brands (two brand.yaml at "
                "the same depth, in different folders): their exports would be merged as one "
                "brand's", file=str(f), expected="one brand's folder: load each brand folder "
                "on its own, or list the brands in an agency.yaml for `smm report batch`")

    def read(self, f: Path, data: bytes | None, ilog: QualityLog, strict: bool, *,
             archive: Path | None = None) -> None:
        """Read the settings file ``f``, its notes in ``ilog``; for a member of the zip
        ``archive``, ``f`` names it (``a.zip!folder/goals.yaml``) and ``data`` holds it."""
        lower = file_name(f).lower()
        self.met.append((str(f), data))
        if lower == SYNONYMS_FILE:
            if self.extra is not None:
                ilog.add(f, "side_file_ignored", f"a {lower} was already read; this one is "
                         "ignored", level="warning")
                return
            with noting_warnings(ilog, f):
                self.extra = _read_synonyms(f, ilog, strict, data)
            return
        if lower in BRAND_FILES:
            # the brand folder's own brand.yaml counts: the one nearest the top, as the one
            # `smm report` names the brand by; another is noted, whichever comes first
            path = PurePosixPath(str(f).replace("\\", "/").replace("!", "/"))
            depth = len(path.parts)
            self._one_brand(f, path)

            def ignored(name: str, kept: str) -> None:
                ilog.add(name, "side_file_ignored", f"another brand.yaml counts ({kept}: "
                         "nearer the top of the brand's folder, or first at the same depth); "
                         "this one is ignored", level="warning")

            if self.brand_read is not None and self.brand_depth <= depth:
                ignored(str(f), self.brand_read)
                return
            # one bad key (a colour, the language, the industry) takes its default and is
            # noted, the others kept: the whole file was dropped, its zone, name and accounts
            # with it. A zone that is none is raised: every day and month depends on it; so is
            # a currency (every cost and revenue in it), and a key the file does not know
            # (time_zone, lang, fuseau).
            problems: list | None = None if strict else []
            try:
                with noting_warnings(ilog, f):
                    brand = read_brand(f, data=data, problems=problems)
            except (BrandTimezoneError, BrandCurrencyError, BrandKeyError):
                raise
            except SmmError as exc:
                if strict:
                    raise
                ilog.add(f, "failed", str(exc), level="error")
                return
            for exc in problems or ():
                ilog.add(f, "brand_key_ignored", f"{exc}: {_default_used(brand, exc.key)}",
                         level="warning")
            if self.brand_read is not None:
                ignored(self.brand_read, str(f))
            self.brand, self.brand_read, self.brand_depth = brand, str(f), depth
            self.brand_from = None if archive is None else (str(f), archive)
            return
        attr = SIDE_FILES[lower][2]
        if attr in self.side:
            ilog.add(f, "side_file_ignored", f"a {lower} was already read; this one is "
                     "ignored", level="warning")
            return
        if attr == "costs":        # read with the brand's currency, once brand.yaml is read
            def read(currency: str, f=f, attr=attr, ilog=ilog, data=data) -> pd.DataFrame:
                with noting_warnings(ilog, f):
                    return read_side(f, attr, ilog, strict, data, currency=currency)

            self.side[attr] = read
            return
        with noting_warnings(ilog, f):
            self.side[attr] = read_side(f, attr, ilog, strict, data)


#: the logos extracted to the cache folder in this process: their path, the archive and the
#: member they come from, so that a report finding it gone (``smm cache clear`` meanwhile) reads
#: it from the archive again (:func:`logo_bytes`)
_ARCHIVE_LOGOS: dict[str, tuple[Path, str]] = {}


def logo_bytes(path: str | Path) -> bytes:
    """The bytes of the brand logo at ``path``; a logo extracted from a zipped brand folder to
    the cache folder, removed since (deleting the cache is always safe), is read from its
    archive again. OSError when it cannot be read either way."""
    try:
        return Path(path).read_bytes()
    except OSError:
        origin = _ARCHIVE_LOGOS.get(str(path))
        if origin is None:
            raise
    found = archive_members(origin[0], lambda n: n == origin[1])
    if not found:
        raise FileNotFoundError(2, "not in its archive any more", origin[1])
    return found[0].data


def _archive_logo(brand: Brand, brand_from: tuple[str, Path], log: QualityLog
                  ) -> tuple[Brand, str | None]:
    """``brand`` read from the member ``brand_from`` (its name, the archive on disk), its logo
    (a path beside it, in the archive) extracted to a file the report can copy, with the logo
    member's name; as it is, with None, when the logo is a path outside the archive
    (absolute)."""
    from . import _cache  # here: import smmanalytics leaves the cache unloaded until a load

    prefix = brand_from[0].rsplit("!", 1)[0] + "!"
    name = str(brand.logo)         # read_brand names it in the archive (see _logo_path)
    if not name.startswith(prefix):
        return brand, None
    outside = name[len(prefix):] == ".." or name[len(prefix):].startswith("../")
    found = [] if outside else archive_members(brand_from[1], lambda n: n == name)
    if not found:
        log.add(name, "logo_missing", "brand.yaml names a logo that is not in the archive: the "
                "report goes without it", level="warning")
        return replace(brand, logo=None), name
    src = found[0]
    # by its content, in the cache folder: it outlives the load (the report copies it later,
    # maybe in another process), and a changed logo is another file
    target = _cache.cache_dir() / "logos" / f"{src.sha256}{src.suffix}"
    _ARCHIVE_LOGOS[str(target)] = (brand_from[1], name)
    try:
        if target.is_file():
            _cache.mark_used(target)        # pruned least recently used first, as entries
        else:
            atomic_write(target, src.data, what="logo")
    except OutputError:          # the cache folder is not writable: a temporary folder
        try:
            target = Path(tempfile.mkdtemp(prefix="smm-logo-")) / f"logo{src.suffix}"
            target.write_bytes(src.data)
        except OSError as exc:
            log.add(name, "logo_missing", f"the logo could not be extracted from the archive "
                    f"({exc.strerror or exc}): the report goes without it", level="warning")
            return replace(brand, logo=None), name
    return replace(brand, logo=target), name


def _read_synonyms(f: Path, log: QualityLog, strict: bool, data: bytes | None = None) -> tuple:
    """The rows of a brand's synonyms.csv, noted in ``log``; () when it cannot be used. A
    bad row is left out alone, with a warning (``synonym_row_ignored``), unless ``strict``:
    the file's other rows stay in force."""
    problems: list[SmmError] | None = None if strict else []
    try:
        extra = read_synonyms(f, data=data, problems=problems)
    except SmmError as exc:
        if strict:
            raise
        log.add(f, "failed", f"{exc}; the exports were read without the brand's synonyms",
                level="error")
        return ()
    for exc in problems or ():
        log.add(f, "synonym_row_ignored", f"{exc}; this row was left out, the file's other "
                "rows are in force", level="warning", rows=1)
    fams = sorted({s.family for s in extra})
    log.add(f, "synonyms_read", f"{len(extra)} header synonyms of the brand added "
            f"({', '.join(fams) or 'none'})", level="info", rows=len(extra))
    return extra


def _read_and_merge(pending: list[tuple[QualityLog, Path]], paths: list,
                    item_logs: list[QualityLog], side: dict[str, pd.DataFrame], brand: Brand,
                    root: Path | None, strict: bool, cache: bool) -> Dataset:
    """The second half of :func:`load`: read the export files (or the cache), merge them.
    Each is read under its name below the folder of ``paths`` it is in (``relative_name``)."""
    from . import _cache  # here: import smmanalytics leaves the cache unloaded until a load

    declared = declared_accounts(brand)

    relative = [relative_name(f, paths) for _, f in pending]
    load = [strict, [os.path.abspath(p) for p in paths]]      # its record in the cache

    def dataset(merged: dict[str, pd.DataFrame], merge_notes: list[dict],
                files_df: pd.DataFrame) -> Dataset:
        """The Dataset of the merged tables, with every file's notes, then the merge's."""
        log = QualityLog()
        for ilog in item_logs:
            log.extend(ilog)
        log.extend(merge_notes)
        return Dataset(**merged, costs=side.get("costs", pd.DataFrame()),
                       goals=side.get("goals", pd.DataFrame()),
                       competitors=side.get("competitors", pd.DataFrame()), brand=brand,
                       quality=log.to_frame(), files=files_df, root=root)

    def cached(digests: list[str]) -> tuple[str, Dataset | None]:
        """The whole load's cache key from the export files' digests, and its stored result."""
        # brand.yaml's accounts decide whose the daily rows naming no account are; each
        # file's name below the folder loaded too: brand/facebook/Views.csv is Facebook's
        # loaded as brand, nobody's loaded as brand/facebook (the same path, bytes and time)
        key = _cache.dataset_key([strict, declared] + [
            [str(f), rel, d, f.stat().st_mtime]
            for (_, f), rel, d in zip(pending, relative, digests, strict=True)])
        hit = _cache.get_dataset(key, len(MERGE_KEYS) + 1, len(pending),   # + files
                                 load=load)
        if hit is None:
            return key, None
        (*merged, files_df), notes = hit
        for (ilog, _), entries in zip(pending, notes["item_notes"], strict=True):
            ilog.entries[:] = entries     # all the file's notes, its archive's walk's among them
        return key, dataset(dict(zip(MERGE_KEYS, merged, strict=True)), notes["merge_notes"],
                            files_df)

    if cache:
        # every export file unchanged since its digest was recorded: nothing to read
        known = [_cache.known_digest(f) for _, f in pending]
        if all(known):
            _, ds = cached(known)
            if ds is not None:
                return ds
    exports, digests = _read_sources(pending, relative, cache)
    key = None
    if cache and len(digests) == len(exports):   # an unreadable file is never cached
        key, ds = cached(digests)
        if ds is not None:            # digests unknown or too recent to trust beforehand
            return ds

    tables, files, entries_read = _parse_exports(exports, strict, cache)
    merged, mlog = _merge_tables(tables, declared, item_logs)
    files_df = _files_frame(files)
    if key is not None:
        # the load of the same paths before this one: what it read and this one no longer
        # does (its whole load, a changed file's entry) is removed
        _cache.put_dataset(key, [merged[k] for k in MERGE_KEYS] + [files_df],
                           [ilog.entries for ilog, _, _ in exports], mlog.entries,
                           load=load, sources=entries_read)
    return dataset(merged, mlog.entries, files_df)


def _read_sources(pending: list[tuple[QualityLog, Path]], relative: list[str], cache: bool
                  ) -> tuple[list[tuple[QualityLog, Path, list | SmmError]], list[str]]:
    """Each export file's sources (or the SmmError that it cannot be read), and, with the
    cache, their digests: the whole load's cache key is made of them, so they are all read
    before any is parsed (a hit parses nothing).

    A step of its own so that the last source read goes with it: kept in a local of the load
    it would keep its file mapped (a large file is an mmap, resident once read) through the
    parse and the merge, the peak, 318 MB of RSS for the benchmark's file; the returned
    ``exports`` hold the sources only until each is parsed."""
    from . import _cache

    exports: list[tuple[QualityLog, Path, list | SmmError]] = []
    digests: list[str] = []
    for (ilog, f), rel in zip(pending, relative, strict=True):
        try:
            st = f.stat()       # before reading: the digest is remembered for this state
        except OSError:
            st = None           # read_source says why
        try:
            src = _sources.read_source(f, rel)    # looked up now: a test counts the reads
            exports.append((ilog, f, list(iter_sources(src))))
        except SmmError as exc:
            exports.append((ilog, f, exc))
            continue
        if cache:      # the cache is keyed by content; without it, digests come later
            digests.append(src.sha256)
            if st is not None:
                _cache.remember_digest(f, st, src.sha256)
    return exports, digests


def _parse_exports(exports: list[tuple[QualityLog, Path, list | SmmError]], strict: bool,
                   cache: bool) -> tuple[dict[str, list[pd.DataFrame]], list[dict], set[str]]:
    """The tables each source of ``exports`` parses to, by MERGE_KEYS; the rows of ``files``;
    and the keys of the cache entries looked up meanwhile (the load's entry names them).

    Two passes: the copies of a file that another file names better are parsed after it
    (:func:`_copies_read_later`), so the better name is the one kept; each source's bytes are
    let go once parsed, as a load of many large files would otherwise hold them all."""
    from . import _cache

    rows: list[list[dict]] = [[] for _ in exports]      # each file's rows of ``files``
    tables: dict[str, list[pd.DataFrame]] = {k: [] for k in MERGE_KEYS}
    later = _copies_read_later(exports)
    # with the cache, each file's digest is its key, needed before parsing: no thread for it
    # (and the entries of all are read at once: the tables of one layout converted together)
    ahead = [s for _, _, sources in exports if cache and isinstance(sources, list)
             for s in sources if member_kind(s) == "export"]
    # each file's rows and notes in its sources' order, whichever pass read them: a zipped
    # brand folder is one file, and its second download's members, read in the second
    # pass, came last where the folder's own zip listed them in place
    places = [{s.name: i for i, s in reversed(list(enumerate(sources)))}
              if isinstance(sources, list) else {} for _, _, sources in exports]
    with _Contents(background=not cache) as seen, _cache.keys_read() as entries_read, \
            _cache.reading_ahead(ahead):
        for first in (True, False):     # the copies of a file better named wait for it
            for (ilog, f, sources), mine in zip(exports, rows, strict=True):
                if not first and not isinstance(sources, list):
                    continue             # a file that could not be read failed once
                now = (sources if not isinstance(sources, list) else
                       [s for s in sources if (id(s) in later) != first])
                _read_exports(ilog, f, now, mine, tables, seen, strict, cache)
                if isinstance(sources, list):   # the bytes read are no longer needed
                    sources[:] = [s for s in sources if first and id(s) in later]
    for (ilog, _, _), place in zip(exports, places, strict=True):
        if len(place) > 1:   # its notes so too (a note of no member, the archive's, first)
            ilog.entries.sort(key=lambda e: place.get(e["file"], -1))
    return (tables, [row for mine, place in zip(rows, places, strict=True)
                     for row in sorted(mine, key=lambda r: place.get(r["path"], len(place)))],
            entries_read)


def _merge_tables(tables: dict[str, list[pd.DataFrame]], declared, item_logs: list[QualityLog]
                  ) -> tuple[dict[str, pd.DataFrame], QualityLog]:
    """Each kind's tables merged into one (``tables`` is emptied as it goes: parts are freed
    when merged), with the merge's notes.

    In MERGE_KEYS' order, the posts first: their accounts, with brand.yaml's (``declared``),
    say whose the daily rows naming no account are. A guess a file made that the merge met
    is marked decided in the files' logs (``item_logs``). Anything but an SmmError a merge
    raises becomes a SchemaError: load() raises nothing else."""
    mlog = QualityLog()
    merged: dict[str, pd.DataFrame] = {}
    guessed_met: set[str] = set()
    for k in list(tables):
        accounts = KnownAccounts(declared, merged.get("posts", schema.empty("posts")))
        try:
            merged[k] = merge_table(k, tables.pop(k), mlog, guessed_met, accounts)
        except SmmError:
            raise
        except Exception as exc:  # never let anything but SmmError escape load
            raise SchemaError(f"the {k} tables of the files could not be merged: "
                              f"{type(exc).__name__}: {exc}") from exc
    if guessed_met:
        _guess_decided(item_logs, guessed_met)
    _untimed_recounted(item_logs, mlog, merged.get("posts"))
    return merged, mlog


def _copies_read_later(exports: list[tuple[QualityLog, Path, list | SmmError]]) -> set[int]:
    """The ids of the sources to read after all others: the copies of a file of the same bytes
    whose name states more (:func:`~smmanalytics.loaders._snapshot.dates_in_name`). Identical
    files are read once, the first read kept: `export (3).csv`, a renamed copy of
    facebook_posts_2026-08-01_2026-08-31_2026-09-02.csv, sorts first, was kept, and its export
    date, guessed from when it was copied, made the data "as of 5 December"; read after it,
    the copy is noted as its copy. Only files of a size shared are hashed here (their digests
    are needed anyway); a copy is read under its own name when the file it waited for fails.
    """
    by_size: dict[int, list] = {}
    for _, _, sources in exports:
        for src in sources if isinstance(sources, list) else ():
            if member_kind(src) == "export":
                by_size.setdefault(len(src.data), []).append(src)
    later: set[int] = set()
    for same_size in by_size.values():
        by_digest: dict[str, list] = {}
        for src in same_size if len(same_size) > 1 else ():
            by_digest.setdefault(src.sha256, []).append(src)
        for copies in by_digest.values():
            best = max(copies, key=lambda src: dates_in_name(src.name))   # the first of a tie
            later.update(id(src) for src in copies if src is not best)
    return later


def _guess_decided(logs: list[QualityLog], files: set[str]) -> None:
    """Make the ``snapshot_guessed`` note of each of ``files`` a warning: its snapshot, guessed
    from the file's modification time, met another file's rows in the merge, so the guess
    decided which were kept (an info note hid that a copy's figures had replaced others)."""
    for log in logs:
        for i, e in enumerate(log.entries):
            if e["code"] == "snapshot_guessed" and e["file"] in files and e["level"] != "warning":
                log.entries[i] = {**e, "level": "warning", "message": e["message"] + (
                    "; other exports hold some of its rows, and this guess decided which "
                    "figures were kept (snapshot_merged_guessed)")}


#: the count a note of posts without a publish time starts with ("2 posts have no publish
#: time", Meta's and X's)
_UNTIMED_COUNT = re.compile(r"\d+ posts? ha(?:s|ve)\b")


def _untimed_recounted(logs: list[QualityLog], mlog: QualityLog, posts: pd.DataFrame | None
                       ) -> None:
    """Count, in each file's ``missing_publish_time`` note, only its posts still without a
    publish time after the merge: a cut row whose time the merge took from an older export
    (``cut_row_completed``) has one. The Facebook export of 15 November cut inside its last
    row said "1 post has no publish time" beside the note that the row took it, 13 October
    16:21, from the export of 2 November. The note goes when it counted no other post; one
    naming its lines (YouTube's) and counting others is kept as it is."""
    timed = Counter(e["file"] for e in mlog.entries
                    if e["code"] == "cut_row_completed" and e.get("posts")
                    and _timed(posts, e["file"], e["posts"][0]))
    for log in logs:
        for i, e in reversed(list(enumerate(log.entries))):
            if e["code"] != "missing_publish_time" or not (k := timed.pop(e["file"], 0)):
                continue
            left = (e["rows"] or 0) - k
            if left <= 0:
                del log.entries[i]
            elif _UNTIMED_COUNT.match(e["message"]):
                log.entries[i] = {**e, "rows": left, "message": _UNTIMED_COUNT.sub(
                    counted(left, "post has", "posts have"), e["message"], count=1)}


def _timed(posts: pd.DataFrame | None, file: str, post_id: str) -> bool:
    """Whether ``posts`` (merged) has the post ``post_id`` of ``file`` with a publish time."""
    if posts is None or posts.empty:
        return False
    row = posts["source_file"].eq(file) & posts["post_id"].astype("string").eq(post_id)
    return bool(posts.loc[row.fillna(False).to_numpy(dtype=bool), "published_at"].notna().any())


def _files_frame(files: list[dict]) -> pd.DataFrame:
    """The ``files`` table of the rows :func:`_read_exports` made. A snapshot every row left
    unknown (an audience export read without its date, and a file not read) came as naive
    NaT, which pandas refuses to cast to a UTC time: it is made one first."""
    df = pd.DataFrame(files, columns=list(FILE_COLUMNS))
    df["snapshot_at"] = pd.to_datetime(df["snapshot_at"], utc=True)
    return df.astype(FILE_COLUMNS)


def _file_row(name: str, size: int, log: QualityLog) -> dict:
    """The ``files`` row of an export named ``name`` before it is read: its name, size and the
    days its name says it covers (``loaders._snapshot.range_from_name``, NaT when it says
    none; an odd range is noted in ``log``)."""
    covers = range_from_name(name, log)
    start, end = (pd.NaT, pd.NaT) if covers is None else map(pd.Timestamp, covers)
    return {"path": name, "bytes": size, "rows": 0, "covers_from": start, "covers_to": end}


def _read_exports(log: QualityLog, f: Path, sources: list | SmmError, files: list[dict],
                  tables: dict[str, list[pd.DataFrame]], seen: _Contents, strict: bool,
                  cache: bool) -> None:
    """Parse the sources of one export file (through the cache), recording rows of ``files``
    and notes in ``log``; frames go to ``tables`` by kind."""
    fail = partial(_failed, log, strict=strict)
    if isinstance(sources, SmmError):
        try:
            size = f.stat().st_size
        except OSError:         # a link to a missing file: read_source said so
            size = 0
        row = _file_row(str(f), size, log)
        fail(str(f), sources, row)
        files.append(row)
        return
    digests = []
    for src in sources:
        kind = member_kind(src)
        if kind != "export":
            _not_an_export(src, kind, log, files, fail)
            continue
        row = _file_row(src.name, len(src.data), log)
        files.append(row)
        digest = seen.digest(src)
        digests.append((row, digest))
        first = seen.first_with(src, digest)
        if first is not None:
            row["status"] = "duplicate"
            log.add(src.name, "duplicate_file", f"same content as {first}; read once, as "
                    f"{file_name(first)}", level="info")
            continue
        flog = QualityLog()
        frames = _parsed_member(src, row, flog, log, fail, strict=strict, cache=cache)
        if frames is None:
            continue
        # only a file read is one to read once: a second empty download (or copy of a file
        # that failed) was "the same content, read once", and the cover counted one file not
        # read of two; parsed again (from the cache), it fails under its own name
        seen.add(src, digest)
        log.extend(flog)
        _add_frames(row, frames, flog, log, tables)
    for row, digest in digests:
        row["sha256"] = digest.result()


def _failed(log: QualityLog, name: str, exc: SmmError, row: dict, *, strict: bool) -> None:
    """Record the file ``name`` as failed with ``exc`` (raised when ``strict``): an error in
    ``log``, and in its ``files`` row the status and the platforms and kinds of the format
    that claimed it, when one did (else unknown: NA)."""
    if strict:
        raise exc
    log.add(name, "failed", str(exc), level="error")
    row["status"] = "failed"
    if getattr(exc, "platforms", None):
        row["platform"] = ",".join(sorted(exc.platforms))
    if getattr(exc, "kinds", None):
        row["kind"] = ",".join(sorted(exc.kinds))


def _not_an_export(src, kind: str, log: QualityLog, files: list[dict],
                   fail: Callable[[str, SmmError, dict], None]) -> None:
    """A source of :func:`~smmanalytics.loaders._folder.member_kind` other than an export: a
    damaged archive member (its ``files`` row, but a settings file's), a settings file (read
    by load as a folder's is: nothing here) or an image, noted as skipped as in a folder."""
    if kind == "damaged":
        row = _damaged_member(src, log, fail)
        if not is_archive_setting(src.name):    # a settings file has no row, read or not
            files.append(row)
    elif kind == "image":
        log.add(src.name, "not_an_export", f"{_image_or_document(src.name)}, not an "
                "export file: skipped", level="info")


def _parsed_member(src, row: dict, flog: QualityLog, log: QualityLog,
                   fail: Callable[[str, SmmError, dict], None], *, strict: bool,
                   cache: bool) -> list[pd.DataFrame] | None:
    """The frames of one export source, its notes in ``flog``; None for one not read, its
    ``files`` row and ``log`` then saying why: failed (any error a :class:`ParseError`, never
    another exception escaping), or not understood (an export's name with other contents is
    a file not read, which ``strict`` raises for)."""
    from ._cache import parse_cached  # here: import smmanalytics leaves the cache unloaded

    try:
        try:
            frames, understood = parse_cached(src, flog, use_cache=cache)
        except SmmError:
            raise
        except Exception as exc:  # never let a non-SmmError escape
            raise ParseError(f"unexpected error: {type(exc).__name__}: {exc}",
                             file=src.name) from exc
    except SmmError as exc:
        log.extend(flog)
        fail(src.name, exc, row)
        _claim_ga4(row, src.data)
        return None
    if understood:
        return frames
    # an export's name (an empty download) is a file not read: failed, as `smm inspect`
    # and the report's cover say it; any other file (a notes.txt) is not understood
    row["status"] = "failed" if looks_like_export(src.name) else "not_understood"
    _claim_ga4(row, src.data)
    if looks_like_export(src.name):
        # an export's name and no export's contents (a download that failed and left
        # an empty file, other bytes): a file not read, its figures missing, where a
        # warning left it out of the report's files not read (exit 0, no word of it)
        if strict:      # a file not read: strict raises for it, as for a failed one
            raise _not_understood_error(src.name, flog)
        _as_unread(src.name, flog)
    log.extend(flog)
    return None


def _add_frames(row: dict, frames: list[pd.DataFrame], flog: QualityLog, log: QualityLog,
                tables: dict[str, list[pd.DataFrame]]) -> None:
    """Record a file read in its ``files`` row (rows, platforms, kinds, formats, latest
    snapshot, days covered) and put its frames in ``tables`` by kind, each with the days its
    file covers (the merge's, for posts a newer export lacks); ``flog`` is the file's own
    notes (a file cut off is told by them)."""
    snaps = [x.attrs.get("snapshot_at") for x in frames]
    snaps = [s for s in snaps if s is not None and pd.notna(s)]
    row.update(status="ok", rows=_file_rows(frames),
               platform=",".join(sorted(_file_platforms(frames))) or pd.NA,
               snapshot_at=max(snaps) if snaps else pd.NaT,
               kind=",".join(sorted({x.attrs["kind"] for x in frames})),
               source_format=",".join(sorted({x.attrs["source_format"] for x in frames})))
    if any(e["code"] == "file_cut_off" for e in flog.entries):
        _covers_of_cut_file(row, frames, log)
    frames = [_omitted_zero_days(x, row, log) for x in frames]
    covers = _days_covered(row)
    for x in frames:
        x.attrs["covers"] = covers
        tables[x.attrs["kind"]].append(x)


def _claim_ga4(row: dict, data: bytes) -> None:
    """Record a file not read that no format claimed as GA4's when its first lines are GA4's
    preamble (:func:`~.loaders.ga4.shows_preamble`): a ``download.csv`` cut short, its name
    saying nothing, was no GA4 export for ``unread_exports``, and a brand whose August
    export it was read "no GA4 export" of August, its social sessions absent, not unknown."""
    if pd.isna(row.get("platform", pd.NA)) and shows_preamble(data):
        row.update(platform="ga4", kind="web")


def _not_understood_error(name: str, flog: QualityLog) -> UnknownFormatError:
    """The error of ``load(strict=True)`` for the export ``name`` no format understands:
    the formats tried and why none read it (the headers that came, from the notes of
    ``flog``), as :func:`~smmanalytics.loaders.read_file` says it."""
    why = "; ".join(e["message"] for e in flog.entries if e["code"] == "not_understood")
    return UnknownFormatError(f"not understood as an export: {why or 'no known format'}",
                              file=name, expected="an export of one of the known formats ("
                              + ", ".join(KNOWN_PLATFORMS) + ")")


def _as_unread(name: str, flog: QualityLog) -> None:
    """Make the notes that the export ``name`` is not understood errors in ``flog``, the notes
    of a file not read (:func:`~smmanalytics.quality.unread_files`), that name the file as a
    ParseError does (the command line and the warning say why a file was not read by its
    error alone); new dicts: the cache's are the same for the same bytes under any name."""
    flog.entries[:] = [
        {**e, "level": "error", "message": f"file {name}: not understood as an export: "
                                           f"{e['message']}"}
        if e["code"] == "not_understood" else e for e in flog.entries]
    if not any(e["level"] == "error" for e in flog.entries):
        flog.add(name, "not_understood", f"file {name}: not understood as an export",
                 level="error")


def _covers_of_cut_file(row: dict, frames: list[pd.DataFrame], log: QualityLog) -> None:
    """Narrow the days a cut-off export covers (its ``files`` row) to those its rows reach,
    noted: the name of an Instagram export of October cut inside its 16th post, newest first,
    said it covered 1 to 31 October, its rows reach back to the 20th, and goals were judged
    "missed" on a month of which a third was read. Without rows, the days are unknown; rows
    without days (GA4's totals of a period) leave the name's days."""
    start, end = row["covers_from"], row["covers_to"]
    if pd.isna(start) or pd.isna(end):
        return
    days = []
    if any(len(x) for x in frames) and not any(
            c in x.columns and x[c].notna().any() for x in frames for c in ("published_at",
                                                                            "date")):
        return
    for x in frames:
        col = "published_at" if "published_at" in x.columns else "date"
        if col in x.columns and x[col].notna().any():
            when = x[col]
            if isinstance(when.dtype, pd.DatetimeTZDtype):
                when = when.dt.tz_convert("UTC").dt.tz_localize(None)
            when = pd.to_datetime(when).dt.normalize()
            days += [when.min(), when.max()]
    first, last = (max(start, min(days)), min(end, max(days))) if days else (pd.NaT, pd.NaT)
    if first == start and last == end:
        return
    row["covers_from"], row["covers_to"] = first, last
    named = f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
    log.add(row["path"], "cut_off_covers",
            f"the file was cut off: it is taken to cover the days its rows reach, "
            f"{first:%Y-%m-%d} to {last:%Y-%m-%d}, not {named} as its name says"
            if days else f"the file was cut off before its first row: the days it covers are "
            f"unknown, not {named} as its name says")


def _days_covered(row: dict) -> tuple[dt.date, dt.date] | None:
    """The days the export of the ``files`` row ``row`` covers (its ``covers_from`` to
    ``covers_to``: its name's, narrowed when it was cut off), None when unknown: what the
    merge compares its posts with (:func:`~smmanalytics._missing.note_missing_from_newer`),
    the same days the cover and goals read."""
    start, end = row["covers_from"], row["covers_to"]
    return None if pd.isna(start) or pd.isna(end) else (start.date(), end.date())


def _omitted_zero_days(frame: pd.DataFrame, row: dict, log: QualityLog) -> pd.DataFrame:
    """``frame`` with a 0 for each day of its export's range it has no row for, where its
    parser says the export leaves out the days of 0 (``attrs["zero_days_omitted"]``: Meta's
    follows files, reference §1.2); else ``frame`` itself. A missing day of any other series
    is unknown, not 0, and stays missing.

    The range is the days the file says it covers (its ``files`` row: its name's, narrowed
    when it was cut off), else the days its rows reach. Without these rows an older export's
    figure for such a day outlived the newer export's 0 in the merge (the newest export wins
    per row): 15 follows on 15 January from an export of 1 February stayed, though the export
    of 1 July, covering January, had none that day. A file without rows is left as it is: it
    names no platform nor series for its days, and no day after the last its export can hold
    (``attrs["last_export_day"]``, set where rows are dated after it) is filled."""
    if not frame.attrs.get("zero_days_omitted") or not len(frame):
        return frame
    start, end = row["covers_from"], row["covers_to"]
    last = frame.attrs.get("last_export_day")     # rows dated after it: noted, not filled
    if pd.isna(start) or pd.isna(end):
        dated = frame["date"] if last is None else frame["date"][frame["date"] <= last]
        start, end = dated.min(), dated.max()
    if pd.isna(start) or pd.isna(end):
        return frame
    days = pd.date_range(start, end, freq="D")
    missing = days[~days.isin(frame["date"])]
    if not len(missing):
        return frame
    # the series' other cells (platform, metric, snapshot, file) are the same on every row
    zeros = frame.iloc[np.zeros(len(missing), dtype=np.intp)].assign(
        date=missing, value=pd.array(np.zeros(len(missing)), dtype=frame["value"].dtype))
    out = (pd.concat([frame, zeros], ignore_index=True)
           .sort_values("date", kind="stable", ignore_index=True))
    out.attrs = dict(frame.attrs)
    metric = frame["metric"].iloc[0]
    n = len(missing)
    days = f"{n} days have" if n > 1 else "1 day has"
    log.add(row["path"], "zero_days_filled", f"{days} no row in this file between "
            f"{start:%Y-%m-%d} and {end:%Y-%m-%d}, the days it covers; Meta lists only the "
            f"days whose {metric} is not 0 (reference §1.2, seen in parsers' test files "
            "rather than in a real export), so each was taken as 0, and this export's 0 wins "
            "over an older export's figure for that day", level="info", rows=n)
    return out


def _file_rows(frames: list[pd.DataFrame]) -> int:
    """The rows of an export's frames as its file has them: a daily frame is long (a row per
    day and metric), so its rows are its distinct days (and hours, accounts, videos) — a
    31-day Overview.csv of 5 metrics read 155 in the report's Provenance; another frame's
    rows are the file's."""
    keys = [k for k in MERGE_KEYS["daily"] if k != "metric"]
    return sum(len(x[[k for k in keys if k in x.columns]].drop_duplicates())
               if x.attrs.get("kind") == "daily" and "metric" in x.columns else len(x)
               for x in frames)


def _file_platforms(frames: list[pd.DataFrame]) -> set[str]:
    """The platforms of an export's frames, for its ``files`` row: those of their rows, and of
    a frame without rows the platform its parser says (``attrs["platform"]``). A Facebook
    posts export of November that has its headers only (the brand did not post) covers
    November for Facebook: without its platform, its period counted for no platform, and the
    report's cover said Facebook's exports stopped at the end of October."""
    plats: set[str] = set()
    for x in frames:
        if "platform" in x.columns and len(x):
            plats |= {str(v) for v in x["platform"].dropna().unique()}
        elif x.attrs.get("platform") is not None:
            plats.add(str(x.attrs["platform"]))
    return plats


def _damaged_member(src, log: QualityLog, fail: Callable[[str, SmmError, dict], None]
                    ) -> dict:
    """The ``files`` row of an archive member that could not be read (``src.damage``), the
    archive's other members read: a supplement of the export beside it skipped and noted
    (status skipped), any other member failed as a file of a folder that cannot be read is
    (``fail``: noted as an error, a file the report lists unread; raised when strict), a
    settings file too (:func:`load` reads the others, ``archive_members`` leaving it out)."""
    row = _file_row(src.name, src.size, log)
    if src.skipped:
        note_skipped(src, log)
        row["status"] = "skipped"
    else:
        fail(src.name, src.damage, row)
    return row


class _Contents:
    """The export contents read so far, so that identical files are read once.

    Contents of different sizes differ: a file's SHA-256 is awaited before parsing only when
    an earlier file has its size. Otherwise, with ``background``, it is computed on a thread
    of its own while the file is parsed (hashlib releases the GIL on large data), for the
    ``files`` table.
    """

    def __init__(self, *, background: bool = True) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1) if background else None
        self._by_size: dict[int, list[tuple[str, Future]]] = {}

    def __enter__(self) -> _Contents:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def digest(self, src) -> Future:
        """The SHA-256 of ``src``'s bytes, being computed (or computed, without background)."""
        if self._pool is not None:
            return self._pool.submit(lambda: src.sha256)
        done = Future()
        done.set_result(src.sha256)
        return done

    def first_with(self, src, digest: Future) -> str | None:
        """The name of an earlier file with the same bytes as ``src``, or None."""
        for name, other in self._by_size.get(len(src.data), []):
            if other.result() == digest.result():
                return name
        return None

    def add(self, src, digest: Future) -> None:
        self._by_size.setdefault(len(src.data), []).append((src.name, digest))
