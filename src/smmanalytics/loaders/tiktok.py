"""TikTok Studio exports (reference §6): Overview, Content, Followers (4 files) and Viewers.

Each section downloads as a zip (``Overview_<first day>_<epoch s>_<handle>.zip``,
``Followers_<handle>.zip``, ``Content_<handle>.zip``, ``Viewers_<handle>.zip``); the CSVs are
UTF-8 with BOM, every field quoted, no final newline; ``Viewers.xlsx`` stores every cell as text.
The handle appears only in the zip name: it becomes ``account_id`` (a Content.csv out of its
zip, renamed or re-saved, takes it from its video links, ``tiktok.com/@<handle>/video/<id>``,
noted; a post whose link names none is of no account, said with how to have it read, as are
the rows of another file renamed, which nothing in it names the account of). An
unzipped export is read the same when its folder keeps the zip's name
(``Overview_<first day>_<epoch s>_<handle>/``, as unzipping on Windows or macOS names it; the
section must be the file's own), noted.

Dates have **no year** (``September 25``) and are written in the UI language (``9月13日``,
``18 января``, ``10 tháng Tám``). A daily file's rows are consecutive ascending days: the last
is dated on or before the export date and the run is walked back from it
(``_dates.resolve_run_year``; rows out of order are dated one by one, with a warning; a day
missing inside the run, a row deleted, is named in a warning and has no row: unknown); other
dates get the latest year that puts them on or before the export date
(``_dates.resolve_year``). A daily file a spreadsheet re-saved with its days as dates got
the spreadsheet's current year (26-31 December after 1-3 January of the same year): the run is
made consecutive again (``_dates.mend_guessed_year``), noted; days after the export date are
noted (posts after it are noted once, by the registry's ``published_after_export``, where the
export states its date). The export date is, in order: the epoch in the
Overview zip (or folder) name; the time the zip stored for the member; the file's modification
time (noted, since a copied file moves it). Days are taken as UTC days (the zone is unknown
[U], noted). ``undefined`` cells are missing (NaN), never 0.

Formats:

- ``tiktok_overview`` (daily): ``Video Views`` → views, ``Profile Views`` → profile_visits,
  ``Likes`` → reactions, ``Comments``, ``Shares`` (daily values, not cumulative).
- ``tiktok_follower_history`` (daily): ``Followers`` → followers_total, ``Difference in followers
  from previous day`` → net_follows; the first day has no previous day in the file, so its
  difference is NaN (TikTok writes 0), marked ``attrs["unknown_made"]``: another export that
  knows that day's difference gives it in the merge.
- ``tiktok_follower_activity`` (daily, hourly): ``Hour`` 0-23 → hour, ``Active followers`` →
  online_followers.
- ``tiktok_follower_gender`` / ``tiktok_follower_territories`` (audience): dimension ``gender`` /
  ``country``, ``share`` = ``Distribution`` as a fraction.
- ``tiktok_viewers`` (daily): ``Total Viewers`` → viewers, ``New Viewers``, ``Returning Viewers``.
- ``tiktok_content`` (posts): ``post_id`` = the id in ``Video link``; ``published_at`` = the
  upload time decoded from it (``utc_s = id >> 32``, ``time_source = decoded_id``,
  ``time_precision = second``) when it falls within the ``Post time`` day in some zone
  (between its 00:00 at UTC+14 and its 24:00 at UTC-12); before it, a scheduled post, and after
  it, impossible (noted ``id_time_disagrees``): then 00:00 UTC of ``Post time``, day precision,
  year inferred. ``Total views`` → views,
  ``Total likes`` → reactions, ``Total comments``, ``Total shares``, ``Add to favorites`` /
  ``Total bookmarks`` → saves; content_type ``video``. ``Time`` (the as-of day) gives the
  snapshot: the end of that day, UTC. Rows broken by unquoted commas in the title are repaired by
  anchoring on the video link: the extra fields before it are joined back into the title.
"""

from __future__ import annotations

import csv
import re
from functools import partial

import numpy as np
import pandas as pd

from ..errors import ParseError
from ..quality import agree, counted
from ._body import lines_named
from ._candidate import Candidate, ParseContext
from ._dates import (
    day_to_utc,
    id_time_in_any_zone,
    mend_guessed_year,
    resolve_run_year,
    resolve_year,
)
from ._headers import normalize
from ._ids import tiktok_id_time
from ._registry import register
from ._sniff import RawTable, preamble_rows
from ._sources import supplementary_members
from ._tidy import (
    as_platform_named,
    cells_of,
    cells_text,
    day_order,
    day_parts,
    hms_seconds,
    long_daily,
    names_read_in_folders,
    note_day_tz,
    note_extra_columns,
    note_negative_values,
    note_posts_account_unknown,
    note_rows_account_unknown,
    outer_name,
    refuse_undated,
    text,
    unzipped_folder,
    zip_member_time,
)

__all__: list[str] = []

P = F = "tiktok"
_ZIP = re.compile(r"^(?:Overview|Followers|Content|Viewers)_(?:(\d{4}-\d{2}-\d{2})_(\d{9,11})_)?"
                  r"(.+?)\.zip$", re.I)
_LINK = re.compile(r"^https?://(?:www\.|m\.|vm\.)?tiktok\.com/.*?/video/(\d+)")
#: the handle a video link names: ``https://www.tiktok.com/@maisonseve/video/<id>``
_LINK_HANDLE = re.compile(r"tiktok\.com/@([^/?#\s]+)/video/")
_DAILY_METRICS = ("views", "profile_visits", "reactions", "comments", "shares",
                  "reached_audience", "follows", "unfollows", "net_follows")


#: the section (zip name prefix) each file of TikTok's zips comes in
_SECTION = {"overview.csv": "overview", "content.csv": "content",
            "followerhistory.csv": "followers", "followeractivity.csv": "followers",
            "followergender.csv": "followers", "followertopterritories.csv": "followers",
            "viewers.xlsx": "viewers"}
# the Followers zip's own series is the follower history; the hourly activity and the audience
# breakdowns only supplement it: one that cannot be extracted is skipped with a warning, where
# a damaged history is an error, a file not read (the zip's other members are read either way)
supplementary_members({"FollowerActivity.csv", "FollowerGender.csv",
                       "FollowerTopTerritories.csv"})
# the zip's name an unzipped export's folder keeps is read (_folder_name): the cache keys
# a file by its folder's name when it is such a name (_tidy.folder_read)
names_read_in_folders(_ZIP)


# ----------------------------------------------------------------------------- context

def _folder_name(c: Candidate) -> re.Match | None:
    """The zip name kept by the folder an export was unzipped into
    (``Overview_2026-09-25_1790891174_maisonseve/Overview.csv``): only a folder named for the
    section the file comes in, holding the file under TikTok's own name."""
    folder = unzipped_folder(c)
    section = _SECTION.get(as_platform_named(c.basename).lower())
    if not folder or not section or not folder.lower().startswith(f"{section}_"):
        return None
    return _ZIP.match(f"{folder}.zip")


def _zip_name(c: Candidate) -> re.Match | None:
    """The parts of TikTok's zip name: of the zip the file is in, else of the folder it was
    unzipped into."""
    return _ZIP.match(outer_name(c)) or _folder_name(c)


def _handle(c: Candidate) -> str | None:
    m = _zip_name(c)
    return m.group(3).lstrip("@") if m else None


def _export_time(c: Candidate, ctx: ParseContext) -> tuple[pd.Timestamp, bool]:
    """(export time, stated) — stated is False when only the file's mtime was available."""
    m = _zip_name(c)
    if m and m.group(2):
        return pd.Timestamp(int(m.group(2)), unit="s", tz="UTC"), True
    t = zip_member_time(c, ctx)      # None when the zip holds no plausible time
    if t is not None:
        return t, True
    if c.source.mtime is not None:
        ts = pd.Timestamp(c.source.mtime, unit="s", tz="UTC").floor("s")
        ctx.note("year_reference_mtime", "TikTok dates have no year and the export date is "
                 f"not in the file name: years inferred from the file's modification time "
                 f"{ts:%Y-%m-%d} (wrong if the file was copied or touched later)")
        return ts, False
    raise ParseError("TikTok dates have no year and the export date is unknown", file=c.name,
                     expected="a TikTok zip name or a file modification time", got=c.basename)


def _day_parts(c: Candidate, ctx: ParseContext, canonical: str, *, run: bool = False
               ) -> tuple[pd.DataFrame, str]:
    """The (year, month, day) parts of a column's cells, and its header; ``run``: a daily
    file's days, whose numeric order the file's other days tell."""
    header = c.header_of(F, canonical)
    written = cells_text(c.col(F, canonical), errors=False).fillna("").reset_index(drop=True)
    parts = day_parts(written, ctx, column=header, first_line=c.table.first_line + 1,
                      require_year=False,
                      numeric_order=day_order(c, F, daily=header if run else None))
    return parts, header


def _days(c: Candidate, ctx: ParseContext, canonical: str, as_of: pd.Timestamp) -> pd.Series:
    """A daily file's year-less (or full) dates → naive days, year resolved from ``as_of``.

    The column is a run of consecutive ascending days, ending not after ``as_of``
    (``_dates.resolve_run_year``): a 365-day export whose first day has the export's month
    and day is dated a year before it, not on the export day."""
    parts, header = _day_parts(c, ctx, canonical, run=True)
    dates, inferred, consecutive = resolve_run_year(parts, as_of)
    if not inferred.any():          # every year written (a spreadsheet's dates)
        dates = _mended_years(dates, as_of, header, ctx)
    if inferred.any() and not consecutive:
        ctx.note("days_not_in_order", f"{header!r} rows are not consecutive ascending days: "
                 f"each year-less day was given alone the latest year not after "
                 f"{as_of:%Y-%m-%d}", rows=int(inferred.sum()))
    missing = _missing_days(dates) if consecutive else pd.DatetimeIndex([])
    if len(missing):
        ctx.note("days_missing", f"{header!r}: {_days_named(missing)} between the first row "
                 f"and the last (TikTok writes every day): left unknown, without a row; the "
                 "other rows keep their own dates", rows=len(missing))
    if inferred.any() and consecutive:
        run_of = "ascending days, with the gaps noted," if len(missing) else "consecutive days"
        ctx.note("year_inferred", f"{header!r} has no year: the rows were taken as {run_of} "
                 f"up to {dates.max():%Y-%m-%d}, the last day not after "
                 f"{as_of:%Y-%m-%d}", level="info", rows=int(inferred.sum()))
    elif inferred.any():
        ctx.note("year_inferred", f"{header!r} has no year: inferred as the latest year not "
                 f"after {as_of:%Y-%m-%d}", level="info", rows=int(inferred.sum()))
    return dates.reset_index(drop=True)


def _post_days(parts: tuple[pd.DataFrame, str], as_of: pd.Timestamp
               ) -> tuple[pd.Series, pd.Series]:
    """Content's year-less (or full) dates of one column (its :func:`_day_parts`) →
    ``(naive days, year inferred)``, each year-less day given the latest year not after
    ``as_of`` (``_dates.resolve_year``). Not noted here: the file's columns are noted together
    (:func:`_note_post_years`)."""
    dates, inferred = resolve_year(parts[0], as_of)
    return dates.reset_index(drop=True), inferred.reset_index(drop=True)


def _note_post_years(c: Candidate, ctx: ParseContext,
                     inferred: dict[str, tuple[pd.Series, pd.Timestamp]]) -> None:
    """One note for Content's columns without a year (``Time``, ``Post time``: canonical →
    (inferred mask, the day the years were resolved from)), each row counted once: the
    data-quality table adds up the notes' rows, and a note per column counted the file's 119
    rows twice (238)."""
    done = {c.header_of(F, k): (mask, ref) for k, (mask, ref) in inferred.items() if mask.any()}
    if not done:
        return
    rows = int(np.logical_or.reduce([mask.to_numpy(dtype=bool) for mask, _ in done.values()])
               .sum())
    refs = {f"{ref:%Y-%m-%d}" for _, ref in done.values()}
    after = (refs.pop() if len(refs) == 1 else
             " and ".join(f"{ref:%Y-%m-%d} ({h!r})" for h, (_, ref) in done.items()))
    ctx.note("year_inferred", f"{' and '.join(repr(h) for h in done)} "
             f"{agree(len(done), 'has', 'have')} no year: inferred as the latest year not "
             f"after {after}", level="info", rows=rows)


def _missing_days(dates: pd.Series) -> pd.DatetimeIndex:
    """The days between the first and the last of a daily file's ascending ``dates`` that no
    row has: TikTok writes every day, so each is a day the file lost (a row deleted in a
    spreadsheet), whose figures are unknown."""
    known = pd.DatetimeIndex(dates.dropna().unique())
    if len(known) < 2:
        return pd.DatetimeIndex([])
    every = pd.date_range(known.min(), known.max(), freq="D")
    return every[~every.isin(known)]


def _days_named(days: pd.DatetimeIndex, most: int = 5) -> str:
    """"1 day is missing (2025-07-10)", "7 days are missing (2025-07-10, …, and 2 more)"."""
    named = ", ".join(f"{d:%Y-%m-%d}" for d in days[:most])
    more = f", and {len(days) - most} more" if len(days) > most else ""
    return (f"1 day is missing ({named})" if len(days) == 1
            else f"{len(days)} days are missing ({named}{more})")


def _mended_years(dates: pd.Series, as_of: pd.Timestamp, header: str | None,
                  ctx: ParseContext) -> pd.Series:
    """The days of a daily file whose years a spreadsheet guessed, mended and noted
    (``_dates.mend_guessed_year``: TikTok writes no year, and a spreadsheet that re-saved the
    file gave its days the current year, December after January); days after the export date
    are noted either way."""
    mended, moved = mend_guessed_year(dates, as_of)
    if moved:
        ctx.note("year_guessed_by_spreadsheet", f"{header!r}: the days jump back from "
                 "31 December to 1 January of the same year (a spreadsheet gave TikTok's "
                 f"year-less days its current year): {moved} days were moved a year, so the "
                 f"run is consecutive, {mended.min():%Y-%m-%d} to {mended.max():%Y-%m-%d}",
                 rows=moved)
    ref = (as_of.tz_convert(None) if as_of.tzinfo is not None else as_of).normalize()
    late = mended > ref
    if late.any():
        n = int(late.sum())
        ctx.note("days_after_export", f"{header!r}: {counted(n, 'day is', 'days are')} after "
                 f"the export date {ref:%Y-%m-%d} (the first {mended[late].min():%Y-%m-%d}): a "
                 f"spreadsheet's re-save may have given {agree(n, 'it', 'them')} a wrong "
                 "year", rows=n)
    return mended


def _num(c: Candidate, canonical: str) -> pd.Series | None:
    vals = c.numbers(F, canonical)
    return None if vals is None else vals.reset_index(drop=True)


def _note_undefined(c: Candidate, ctx: ParseContext) -> None:
    """Note the cells of the table that say ``undefined`` (TikTok's 'no value'), read as
    missing by the number and text readers."""
    frame = c.table.frame
    if not len(frame):
        return
    undefined = frame.astype("str").apply(lambda col: col.str.strip().str.lower() == "undefined")
    count = int(undefined.to_numpy().sum())
    if count:
        ctx.note("undefined_cells", "'undefined' cells (value not available) read as missing",
                 level="info", rows=count)


def _finish(df: pd.DataFrame, kind: str, c: Candidate, as_of: pd.Timestamp | None,
            ctx: ParseContext, export: str | None = None) -> list[pd.DataFrame]:
    """``df`` with its attributes, the file's notes taken; ``export`` (the zip's name and
    TikTok's own name of the file in it) says that rows of no account lost it with the
    file's name (:func:`note_rows_account_unknown`)."""
    note_extra_columns(ctx, c.match(F).unknown, advise_synonyms=True)
    if export and _handle(c) is None:
        note_rows_account_unknown(ctx, df, "TikTok", export)
    m = None if _ZIP.match(outer_name(c)) else _folder_name(c)
    if m:
        what = (f"the account handle {m.group(3)!r} and the export time were" if m.group(2)
                else f"the account handle {m.group(3)!r} was")
        ctx.note("name_from_folder", f"the file is in a folder named as TikTok names its zip "
                 f"({unzipped_folder(c)!r}, unzipped): {what} read from it", level="info")
    df.attrs.update(kind=kind, platform=P, source_locale=c.match(F).locale)
    if as_of is not None:
        df.attrs["as_of"] = as_of
    return [df]


# ----------------------------------------------------------------------------- detection

def _detect_overview(c: Candidate) -> float:
    m = c.match(F)
    if m.has("date", "views", "profile_visits"):
        return 0.9
    named = normalize(as_platform_named(c.basename)) == "overview.csv"
    return 0.7 if named and m.has("date", "views") else 0.0


def _detect_history(c: Candidate) -> float:
    return 0.9 if c.match(F).has("date", "followers_total") else 0.0


def _detect_activity(c: Candidate) -> float:
    return 0.9 if c.match(F).has("date", "hour", "online_followers") else 0.0


def _detect_gender(c: Candidate) -> float:
    return 0.9 if c.match(F).has("gender", "distribution") else 0.0


def _detect_territories(c: Candidate) -> float:
    return 0.9 if c.match(F).has("territory", "distribution") else 0.0


def _detect_viewers(c: Candidate) -> float:
    return 0.9 if c.match(F).has("date", "viewers") or c.match(F).has(
        "date", "new_viewers", "returning_viewers") else 0.0


def _detect_content(c: Candidate) -> float:
    m = c.match(F)
    if m.has("permalink", "published_day"):
        return 0.95
    return 0.6 if m.has("permalink", "views") else 0.0


# ----------------------------------------------------------------------------- daily files

def _daily_file(c: Candidate, ctx: ParseContext, names: tuple[str, ...], export: str,
                hourly: bool = False) -> list[pd.DataFrame]:
    as_of, stated = _export_time(c, ctx)
    present = [k for k in names if c.match(F).has(k)]
    # every column read before any is used: of several bad cells, the first in the file raises
    dates, hour, *values = c.read_all(partial(_days, c, ctx, "date", as_of),
                                      partial(_hours, c) if hourly else lambda: None,
                                      *(partial(_num, c, k) for k in present))
    metrics = dict(zip(present, values, strict=True))
    refuse_undated(c, F, dates, metrics)
    if dates.isna().any():
        ctx.note("date_missing", "rows without a date", rows=int(dates.isna().sum()))
    note_negative_values(c, ctx, {c.header_of(F, k): v for k, v in metrics.items()}, "TikTok")
    _note_undefined(c, ctx)
    note_day_tz(ctx, "TikTok", "days and hours" if hourly else "days")
    out = long_daily(dates, metrics, platform=P, account_id=_handle(c), hour=hour)
    return _finish(out, "daily", c, as_of if stated else None, ctx, export)


def _hours(c: Candidate) -> pd.Series:
    """The ``Hour`` of every row of an hourly file; one not a whole hour 0-23 raises
    ParseError naming its cell."""
    hour = _num(c, "hour")
    bad = hour.notna() & ((hour < 0) | (hour > 23) | (hour % 1 != 0))
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise ParseError("hour out of range", file=c.name, line=c.table.first_line + 1 + i,
                         column=c.header_of(F, "hour"), expected="an hour 0-23",
                         got=str(c.col(F, "hour").iloc[i]))
    return hour


def _parse_overview(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return _daily_file(c, ctx, _DAILY_METRICS,
                       "Overview_<first day>_<epoch s>_<handle>.zip/Overview.csv")


def _parse_history(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    as_of, stated = _export_time(c, ctx)
    # every column read before any is used: of several bad cells, the first in the file raises
    dates, followers, net = c.read_all(partial(_days, c, ctx, "date", as_of),
                                       partial(_num, c, "followers_total"),
                                       partial(_num, c, "net_follows"))
    metrics = {"followers_total": _without_negative_totals(c, ctx, followers)}
    unknown = []
    if net is not None:
        first = int(dates.idxmin()) if dates.notna().any() else 0
        if len(net) and pd.notna(net.iloc[first]) and net.iloc[first] == 0:
            net = net.copy()
            net.iloc[first] = pd.NA
            unknown.append(("net_follows", dates.iloc[first]))
            ctx.note("first_difference_unknown", "the first day's difference has no previous "
                     "day in the file (TikTok writes 0): left missing", level="info", rows=1)
        metrics["net_follows"] = net
    refuse_undated(c, F, dates, metrics)
    _note_undefined(c, ctx)
    note_day_tz(ctx, "TikTok", "days")
    out = long_daily(dates, metrics, platform=P, account_id=_handle(c))
    if unknown:
        # a day this file cannot tell, not one it says is unknown: an older export that has
        # the previous day knows it, and wins over this NaN in the merge (_merge.merge_table)
        out.attrs["unknown_made"] = unknown
    return _finish(out, "daily", c, as_of if stated else None, ctx,
                   "Followers_<handle>.zip/FollowerHistory.csv")


def _without_negative_totals(c: Candidate, ctx: ParseContext, followers: pd.Series
                            ) -> pd.Series:
    """``followers`` (FollowerHistory's totals) with those below zero left missing and noted
    (``negative_metric``, their lines): a number of followers is never negative, unlike the
    day's difference beside it; ``-3864`` was a day's total, kept with no word."""
    neg = (followers < 0).fillna(False).to_numpy()
    if not neg.any():
        return followers
    pos = np.flatnonzero(neg)
    lines = lines_named([c.table.line_of(int(k)) for k in pos[:5]], len(pos))
    totals = counted(len(pos), "negative follower total", "negative follower totals")
    ctx.note("negative_metric", f"{totals} in "
             f"{c.header_of(F, 'followers_total')!r} ({lines}): a number of followers cannot "
             "be below zero (a cell damaged or typed by hand?); left missing", rows=len(pos))
    return followers.mask(neg)


def _parse_activity(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return _daily_file(c, ctx, ("online_followers",),
                       "Followers_<handle>.zip/FollowerActivity.csv", hourly=True)


def _parse_viewers(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return _daily_file(c, ctx, ("viewers", "new_viewers", "returning_viewers"),
                       "Viewers_<handle>.zip/Viewers.xlsx")


def _audience(c: Candidate, ctx: ParseContext, key: str, dimension: str, file: str
              ) -> list[pd.DataFrame]:
    category = text(c, F, key)
    share = _num(c, "distribution")
    if (share.dropna() > 1).any():
        ctx.note("distribution_percent", "'Distribution' above 1: read as percentages",
                 level="info")
        share = share / 100
    n = len(category)
    df = pd.DataFrame({"platform": P, "account_id": pd.array([_handle(c)] * n, dtype="string"),
                       "dimension": dimension, "category": category,
                       "value": pd.array([pd.NA] * n, dtype="Float64"), "share": share})
    if n == 0:
        ctx.note("empty_file", f"{c.basename} has a header but no rows (TikTok writes none for "
                 "small accounts)", level="info")
    return _finish(df, "audience", c, zip_member_time(c, ctx), ctx,
                   f"Followers_<handle>.zip/{file}")


def _parse_gender(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return _audience(c, ctx, "gender", "gender", "FollowerGender.csv")


def _parse_territories(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return _audience(c, ctx, "territory", "country", "FollowerTopTerritories.csv")


# ----------------------------------------------------------------------------- content

def _repaired(c: Candidate, ctx: ParseContext) -> Candidate:
    """The Content table, rows broken by unquoted commas repaired on the video link anchor."""
    width = len(c.header)
    if c.table.rows is not None:                   # workbook: cells are already separate
        return c
    try:     # up to a header of another export pasted under the rows (the registry's to read)
        rows, lines = c.table.records_before_other_header()
    except csv.Error as exc:
        raise ParseError("Content.csv is not valid CSV", file=c.name, expected="quoted CSV "
                         "fields", got=str(exc)) from None
    link_pos = c.match(F).columns["permalink"][0]
    title_pos = c.match(F).columns.get("caption", [link_pos - 1])[0]
    # rows of no data are kept, for the table to skip and note (blank, or the header again,
    # and the '#' lines above it: the preamble of a Content export pasted under the rows)
    preamble = set(preamble_rows(rows, c.header))
    # a last row the file ends inside is mended and noted as cut off, not repaired
    skip = preamble | {c.table.mend_cut_off(rows, lines)}
    rows = c.table.without_unnamed_tail(rows)      # a ',' at the end of every line
    ragged = [i for i, r in enumerate(rows)
              if len(r) != width and any(f.strip() for f in r) and i not in skip]
    # the rows, repaired below, and the line each starts on (a caption over two lines moves
    # the rows under it): the original table's errors count these rows (read_as); its
    # summary rows are the table's (_summary)
    table = RawTable(source=c.table.source, header=c.header, first_line=c.table.first_line,
                     meta=c.table.meta, delimiter=c.table.delimiter, encoding=c.table.encoding,
                     rows=rows, row_lines=lines, log=c.table.log, keys=c.table.keys,
                     decimal=c.table.decimal, own_total=c.table.own_total)
    c.table.read_as = table
    for i in ragged:                               # only the broken rows are looked at one by one
        r = rows[i]
        anchor = next((k for k, f in enumerate(r) if _LINK.match(f.strip())), None)
        line = c.table.first_line + 1 + i          # row i: the registry names its own line
        extra = len(r) - width
        if anchor is None or extra < 0 or anchor - extra != link_pos or title_pos >= link_pos:
            raise ParseError("Content row cannot be repaired", file=c.name, line=line,
                             column=c.header[link_pos], expected=f"{width} fields with a "
                             "TikTok video link", got=",".join(r)[:120])
        rows[i] = r[:title_pos] + [",".join(r[title_pos:title_pos + extra + 1])] + \
            r[title_pos + extra + 1:]
    if ragged:
        ctx.note("row_repaired", "Content rows split by an unquoted comma in the title were "
                 "re-joined on the video link" + table.first_at(np.array(ragged)),
                 rows=len(ragged))
    if table.n_rows is not None and table.next_block is not None:
        # a header of other columns among the rows, of as many cells (its rows cut off as
        # a sheet's are): the registry reads the blocks of the table it gave
        last = table.next_block
        while last.next_block is not None:
            last = last.next_block
        last.next_block, c.table.next_block = c.table.next_block, table.next_block
    return c.with_table(table)


#: Content's figures, and its durations (``H:MM:SS``), in the columns an export has
_CONTENT_FIGURES = ("views", "reactions", "comments", "shares", "saves", "views_7d",
                    "watched_full_rate")
_CONTENT_DURATIONS = ("watch_time_s", "avg_watch_time_s")


def _parse_content(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    c = _repaired(c, ctx)
    cells_of(c)
    m = c.match(F)
    n = len(c.table.frame)
    ref, stated = _export_time(c, ctx)
    link = text(c, F, "permalink")
    readers = {"post_id": partial(_video_ids, c, link),
               **{k: partial(_day_parts, c, ctx, k) for k in ("snapshot_day", "published_day")
                  if m.has(k)},
               **{k: partial(_num, c, k) for k in _CONTENT_FIGURES if m.has(k)},
               **{k: partial(_durations, c, k) for k in _CONTENT_DURATIONS if m.has(k)}}
    # every column read before any is used: of several bad cells, the first in the file raises
    read = dict(zip(readers, c.read_all(*readers.values()), strict=True))
    post_id = read.pop("post_id")
    snap_day = None
    years: dict[str, tuple[pd.Series, pd.Timestamp]] = {}
    if "snapshot_day" in read:
        days, inferred = _post_days(read.pop("snapshot_day"), ref)
        years["snapshot_day"] = (inferred, ref)
        if days.notna().any():
            snap_day = days.max()
    decoded = tiktok_id_time(post_id)
    if m.has("published_day"):
        post_ref = snap_day if snap_day is not None else ref
        post_day, inferred = _post_days(read.pop("published_day"), post_ref)
        years["published_day"] = (inferred, post_ref)
        year_known = cells_text(c.col(F, "published_day")).str.contains(r"\d{4}").fillna(False)
    else:
        post_day = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
        year_known = pd.Series(False, index=range(n))
    _note_post_years(c, ctx, years)
    published, use_id = _times_from_ids(decoded, post_day, ctx)
    source = np.where(use_id, "decoded_id",
                      np.where(year_known.to_numpy(dtype=bool), "export", "inferred_year"))
    account = _content_account(c, ctx, link)
    df = pd.DataFrame({
        "platform": P,
        "account_id": account,
        "account_name": account,
        "post_id": post_id,
        "permalink": link,
        "caption": text(c, F, "caption", placeholders=False)
        if m.has("caption")
        else pd.Series(pd.NA, index=range(n), dtype="string"),
        "published_at": published.astype("datetime64[ns, UTC]"),
        "time_precision": np.where(use_id, "second", "day"),
        "time_source": source,
        "content_type": "video",
        "paid": pd.array([pd.NA] * n, dtype="boolean"),
    })
    for canon, values in read.items():                  # the figures and durations
        df[canon] = values
    _note_undefined(c, ctx)
    note_day_tz(ctx, "TikTok", "'Post time' days")
    if snap_day is not None:
        as_of = (snap_day + pd.Timedelta(days=1)).tz_localize("UTC")
        ctx.note("snapshot_from_time", f"totals as of {snap_day:%Y-%m-%d} ('Time'): "
                 "snapshot_at = the end of that day, UTC", level="info")
    else:
        as_of = ref if stated else None
    if year_known.any():
        # TikTok writes no year: one written is a spreadsheet's, which may have guessed it and
        # put a post after the export. The registry's check of the posts against the export
        # date (``published_after_export``, where the file states that date) says so
        df.attrs["after_export_hint"] = "a spreadsheet's re-save may have given them a wrong year"
    return _finish(df, "posts", c, as_of, ctx)


def _content_account(c: Candidate, ctx: ParseContext, link: pd.Series
                     ) -> pd.api.extensions.ExtensionArray:
    """Each post's account: the handle of the zip's name (or of its folder's), else the one
    its ``Video link`` names (``tiktok.com/@<handle>/video/<id>``), noted. A Content.csv taken
    out of its zip and renamed (``export (1).csv``) or re-saved as a workbook kept no account,
    and its posts went unchecked against brand.yaml's; the links name it in every row. A
    post whose link names none has no account, said with how to give it one."""
    handle = _handle(c)
    if handle:
        return pd.array([handle] * len(link), dtype="string")
    linked = link.str.extract(_LINK_HANDLE, expand=False).astype("string")
    if linked.notna().any():
        ctx.note("account_from_links", f"the file's name is not TikTok's "
                 f"(Content_<handle>.zip): the account was read from the video links "
                 f"({', '.join('@' + h for h in linked.dropna().unique())})", level="info",
                 rows=int(linked.notna().sum()))
    if linked.isna().any():
        note_posts_account_unknown(ctx, int(linked.isna().sum()), "TikTok",
                                   "Content_<handle>.zip/Content.csv")
    return pd.array(linked, dtype="string")


def _video_ids(c: Candidate, link: pd.Series) -> pd.Series:
    """The id in every row's ``Video link``; a row without one raises ParseError naming
    its cell."""
    post_id = link.str.extract(r"/video/(\d+)", expand=False).astype("string")
    if post_id.isna().any():
        i = int(np.flatnonzero(post_id.isna().to_numpy())[0])
        raise ParseError("Content row without a video id in its link", file=c.name,
                         line=c.table.first_line + 1 + i, column=c.header_of(F, "permalink"),
                         expected="https://www.tiktok.com/@<handle>/video/<id>",
                         got=str(link.iloc[i]))
    return post_id


def _durations(c: Candidate, canonical: str) -> pd.Series:
    """A column of durations (``H:MM:SS``) in seconds."""
    return hms_seconds(c.col(F, canonical), file=c.name, column=c.header_of(F, canonical),
                       first_line=c.table.first_line + 1)


def _times_from_ids(decoded: pd.Series, post_day: pd.Series, ctx: ParseContext
                    ) -> tuple[pd.Series, pd.Series]:
    """Ids' times kept within the 'Post time' day in any zone (UTC-12..+14): its zone is unstated.

    ``(published_at, taken from the id)``: the upload time decoded from the id where it is
    the publish time, else 00:00 UTC of the 'Post time' day.

    'Post time' is a day in an unstated zone (UTC-12..UTC+14): the upload time decoded from
    the id is the publish time only when it falls within that day somewhere, i.e. between its
    00:00 at UTC+14 and its 24:00 at UTC-12. Uploaded before: a scheduled post, published
    later that day at an unknown time. After: impossible (a post is never public before its
    upload), the two disagree. Both are noted.
    """
    day_utc = day_to_utc(post_day, "UTC")
    place = id_time_in_any_zone(decoded, day_utc)
    early, late = (post_day.notna() & place.before), (post_day.notna() & place.after)
    use_id = decoded.notna() & ~early & ~late
    if early.any():
        ctx.note("scheduled_post", "the upload time in the video id is before the 'Post time' "
                 "day in any time zone (scheduled post?): the post day is kept",
                 rows=int(early.sum()))
    if late.any():
        ctx.note("id_time_disagrees", "the upload time in the video id is after the 'Post time' "
                 "day in any time zone (a video is public only after its upload): the post day "
                 "is kept", level="warning", rows=int(late.sum()))
    return day_utc.where(~use_id, decoded), use_id


# the columns of every real file (reference §6.3); favorites, play time… only in some
register("tiktok_overview", platforms=P, kinds="daily", detect=_detect_overview,
         parse=_parse_overview, description="TikTok Studio Overview.csv (daily account totals)",
         family=F, expects=("views", "profile_visits", "reactions", "comments", "shares"))
register("tiktok_follower_history", platforms=P, kinds="daily", detect=_detect_history,
         parse=_parse_history, description="TikTok Studio FollowerHistory.csv",
         family=F, expects=("followers_total",))
register("tiktok_follower_activity", platforms=P, kinds="daily", detect=_detect_activity,
         parse=_parse_activity, description="TikTok Studio FollowerActivity.csv (hourly)",
         family=F, expects=("online_followers",))
register("tiktok_follower_gender", platforms=P, kinds="audience", detect=_detect_gender,
         parse=_parse_gender, description="TikTok Studio FollowerGender.csv")
register("tiktok_follower_territories", platforms=P, kinds="audience",
         detect=_detect_territories, parse=_parse_territories,
         description="TikTok Studio FollowerTopTerritories.csv")
register("tiktok_viewers", platforms=P, kinds="daily", detect=_detect_viewers,
         parse=_parse_viewers, description="TikTok Studio Viewers.xlsx",
         family=F, expects=("viewers|new_viewers",))
register("tiktok_content", platforms=P, kinds="posts", detect=_detect_content,
         parse=_parse_content, description="TikTok Studio Content.csv (lifetime totals)",
         family=F, keys=("permalink", "published_day"),
         expects=("views", "reactions", "comments", "shares"))
