"""YouTube Studio advanced-mode exports (reference §5): ``Table data``, ``Chart data``, ``Totals``.

Studio downloads a zip named ``<Tab> <start>_<end> <Channel>.zip`` (FR ``Contenu …``) holding
``Table data.csv`` / ``Chart data.csv`` / ``Totals.csv`` (FR ``Données du tableau.csv`` /
``Données du graphique.csv`` / ``Totaux.csv``). Formats:

- ``youtube_table`` (posts): one row per video. Row 2 is a ``Total`` row: it is dropped (noted,
  and compared with the sum of the rows, since Studio exports only the ~500 rows it loaded).
  ``post_id`` = ``Content`` stripped (ids starting with ``-`` carry a leading space); a cell
  that is no YouTube id (``#NAME?``: Excel's reading of an id starting with ``-``) leaves the
  video kept without an id or link, noted with its line, its title and publish day in
  ``post_key`` where unique in the file (the merge matches it with another export's by them);
  ``caption`` = ``Video title``; ``published_at`` = 00:00 UTC of ``Video publish time``
  (``Jan 6, 2024`` / ``28 sept. 2026``; ``time_precision = day``; a video without one, deleted
  since as a rule, is kept and noted with its line: its figures are in no period); ``views``;
  ``impressions`` = ``Thumbnail impressions`` (older ``Impressions``); ``thumbnail_ctr`` and
  ``avg_pct_viewed`` = the ``(%)`` number / 100; ``watch_time_s`` = ``Watch time (hours)`` ×
  3600; ``avg_watch_time_s`` = ``Average view duration`` (``H:MM:SS``) in seconds;
  ``reactions`` = ``Likes``; ``comments`` = ``Comments added``; ``shares``; ``follows`` =
  ``Subscribers gained`` when exported, else the net ``Subscribers`` where it is not negative
  (a net loss cannot be a count of follows: NaN, noted; the net is kept in ``net_subscribers``).
  ``content_type`` = ``short`` when ``Stayed to watch (%)`` (earlier ``Viewed (vs. swiped
  away) (%)``), a column Studio fills only for Shorts, has a value, in a file where some rows
  fill it (a blank there is a video, whatever its duration); without such a column,
  when ``Duration`` ≤ 60 s, or ≤ 180 s for videos published on or after 2024-10-15 (when
  YouTube allowed 3-minute Shorts); else ``video`` — rules recorded in the quality log,
  since the export has no format column. ``window_start`` / ``window_end`` = the first
  and last day of the date range in the zip's (or its folder's) name: the figures are the
  videos' over the range chosen in Studio, not over their lifetime (noted for the videos
  published before it), and the merge adds up the figures of disjoint ranges
  (:mod:`smmanalytics._ranges`); without a range in the name they are NaT and the figures are
  taken as lifetime ones, as a newer export's replace (noted).
- ``youtube_chart`` (daily): ``Date`` (ISO) × video rows; per-video values are stored as
  ``post_<metric>`` with a ``post_id`` column, so they never add up with the channel totals;
  a row whose id is damaged has none, and its video's title and publish day in ``post_key``
  (its line where they do not tell the video apart), noted. A chart of videos (a video's
  columns, an unnamed column of video ids after ``Date``, or several rows a day) whose id
  column no synonym names (the Italian ``Contenuto``, even of one video) is refused as the
  table is, naming the synonyms.csv row that reads it: read as the channel's, its days would
  keep an arbitrary video's views. A chart split by another dimension (``Date,Traffic
  source,Views``: its column after ``Date`` holds no video ids) is refused as the table is.
- ``youtube_totals`` (daily): ``Date,<metric>`` channel totals per day (``views``,
  ``watch_time_s``, ``net_follows`` from ``Subscribers``…). A ``Total`` period row is not a day
  and is left out (noted). A ``Table data.csv`` split by Date (its first column) is this
  table too: Studio writes the same bytes under either name. A table split by another
  dimension (``Subscription status``, ``Traffic source``…) has neither videos nor days: an
  error saying so.

Studio does not say in which zone its days are [U]: days are UTC days (noted per file).
``account_id`` and ``account_name`` are the channel name of the zip, when present (or of the
folder of that name the zip was unzipped into, holding Studio's own file names; noted); a file
taken out and renamed names none, said with how to have it read.
"""

from __future__ import annotations

import re
from functools import partial

import numpy as np
import pandas as pd

from .._ranges import after_range, partial_life
from ..errors import ParseError
from ..quality import agree, counted
from ._body import lines_named
from ._candidate import Candidate, ParseContext
from ._dates import dates_from_parts, day_to_utc
from ._headers import normalize
from ._registry import register
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
    note_posts_account_unknown,
    note_rows_account_unknown,
    outer_name,
    refuse_undated,
    summary_cells,
    text,
    unzipped_folder,
    zip_member_time,
)

__all__: list[str] = []

P, F = "youtube", "youtube"
_TABLE = {"table data.csv", "données du tableau.csv", "datos de la tabla.csv",
          "dati della tabella.csv", "tabellendaten.csv"}
_CHART = {"chart data.csv", "données du graphique.csv", "datos del gráfico.csv",
          "dati del grafico.csv", "diagrammdaten.csv"}
_TOTALS = {"totals.csv", "totaux.csv", "totales.csv", "totali.csv", "summen.csv"}
# the daily series beside the videos' table: a zip whose chart data or totals are damaged is
# still read for its table (and the other), noted; a damaged table is a file not read (an
# error for read_file, a failed file for smm.load, which reads the zip's other members)
supplementary_members(_CHART | _TOTALS)
_SHORTS_3MIN = pd.Timestamp("2024-10-15", tz="UTC")
#: a YouTube video id: 11 characters of the URL-safe base-64 alphabet (``kQ3Fz9TzX1c``)
_VIDEO_ID = r"[A-Za-z0-9_-]{11}"
#: a cell of figures (``1,299``, ``4.5%``, ``0:03:12``): a metric's, not a dimension's label
_FIGURE = r"[-+(]?[\d\s.,:%)]+"
_IDENTITY = ("date", "post_id", "caption", "published_date", "duration_s")
_PERCENT = ("thumbnail_ctr", "avg_pct_viewed", "shorts_stayed_rate")
#: daily metric name of a Studio column in Totals / Chart data
_DAILY_NAME = {"net_subscribers": "net_follows", "subscribers_gained": "follows",
               "subscribers_lost": "unfollows", "watch_time_h": "watch_time_s"}


_ZIP_NAME = re.compile(r"^.+? \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2} (.+?)\.zip$", re.I)
# the zip's name an unzipped export's folder keeps is read (_folder_name): the cache keys
# a file by its folder's name when it is such a name (_tidy.folder_read)
names_read_in_folders(_ZIP_NAME)


def _channel(c: Candidate) -> str | None:
    """Channel name from ``Content 2026-09-12_2026-10-01 Maison Sève.zip``, or from the folder
    of that name the zip was unzipped into (holding Studio's own file names)."""
    m = _ZIP_NAME.match(outer_name(c)) or _folder_name(c)
    return m.group(1).strip() if m else None


def _folder_name(c: Candidate) -> re.Match | None:
    """The zip name kept by the folder Studio's files were unzipped into
    (``Contenu 2026-09-12_2026-10-01 Maison Sève/Données du tableau.csv``)."""
    folder = unzipped_folder(c)
    if not folder or _base(c) not in _TABLE | _CHART | _TOTALS:
        return None
    return _ZIP_NAME.match(f"{folder}.zip")


def _note_folder(c: Candidate, ctx: ParseContext) -> None:
    if not _ZIP_NAME.match(outer_name(c)) and (m := _folder_name(c)):
        ctx.note("name_from_folder", f"the file is in a folder named as YouTube Studio names "
                 f"its zip ({unzipped_folder(c)!r}, unzipped): the channel {m.group(1)!r} was "
                 "read from it, and the export date (the day after its range) when no zip "
                 "stored the file's time", level="info")


def _as_of(c: Candidate, ctx: ParseContext) -> pd.Timestamp | None:
    """Export time: the zip member's time, else the end of the range in the zip name (or in
    the name of the folder the zip was unzipped into)."""
    t = zip_member_time(c, ctx)      # None when the zip holds no plausible time
    if t is not None:
        return t
    folder = _folder_name(c)
    for name in (outer_name(c), folder.string if folder else ""):
        m = re.search(r"\d{4}-\d{2}-\d{2}_(\d{4}-\d{2}-\d{2})", name)
        if m:
            return pd.Timestamp(m.group(1), tz="UTC") + pd.Timedelta(days=1)
    return None


_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})")


def _range(c: Candidate) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day of the date range chosen in Studio, from the zip's name (or the
    folder's it was unzipped into): the table's figures are the videos' over those days, not
    over their lifetime, so the merge adds up the figures of two months' exports instead of
    keeping the newer month's alone. None when no name states a (valid) range."""
    folder = _folder_name(c)
    for name in (outer_name(c), folder.string if folder else ""):
        if m := _RANGE.search(name):
            start, end = pd.to_datetime(list(m.groups()), format="%Y-%m-%d", errors="coerce")
            if pd.notna(start) and pd.notna(end) and start <= end:
                return start, end
    return None


def _window(c: Candidate, published: pd.Series, ctx: ParseContext) -> dict[str, pd.Series]:
    """The ``window_start`` / ``window_end`` columns of a table's ``published`` videos (the
    range's days, naive; NaT when the name states none), with the notes a reader needs (see
    :func:`_note_outside_range`); without a range the figures are taken as lifetime figures,
    a newer export's replacing them."""
    n = len(published)
    rng = _range(c)
    if rng is None:
        ctx.note("range_unknown", "no date range in the file's name (Studio names its zip "
                 "'Content <start>_<end> <channel>.zip'): its figures were taken as the "
                 "videos' lifetime figures, which a newer export of the same videos replaces",
                 level="info")
        rng = (pd.NaT, pd.NaT)
    window = {k: pd.Series([v] * n, dtype="datetime64[ns]")
              for k, v in zip(("window_start", "window_end"), rng, strict=True)}
    if not pd.isna(rng[0]):
        _note_outside_range(pd.DataFrame({"published_at": published.reset_index(drop=True),
                                          **window}), rng, ctx)
    return window


def _note_outside_range(videos: pd.DataFrame, rng: tuple[pd.Timestamp, pd.Timestamp],
                        ctx: ParseContext) -> None:
    """Note the ``videos`` (``published_at`` and the ``window_*`` columns of ``rng``, the
    table's range) whose life the range does not hold whole, by the rules the analyses use
    (:mod:`smmanalytics._ranges`): published before it, their figures are the range's, not
    their lifetime's; published after its last day (a range chosen in Studio before they
    existed, yet listing them), the range holds none of their life: they have no figures in
    it, which best times and compare name."""
    span = f"{rng[0]:%Y-%m-%d} to {rng[1]:%Y-%m-%d}"
    before = int(partial_life(videos).sum())
    if before:
        its = agree(before, "its", "their")
        ctx.note("range_figures", f"{counted(before, 'video was', 'videos were')} published "
                 f"before the file's range ({span}, chosen in Studio): {its} figures are those "
                 f"of the range, not of {its} lifetime", level="info", rows=before)
    after = int(after_range(videos).sum())
    if after:
        they, their, have, them = (("it", "its", "it has", "it") if after == 1
                                   else ("they", "their", "they have", "them"))
        ctx.note("published_after_range", f"{counted(after, 'video was', 'videos were')} "
                 f"published after the file's range ({span}, chosen in Studio before {they} "
                 f"existed): it holds none of {their} life, so {have} no figures in it (best "
                 f"times leave {them} out, and compare {their} ages)", level="info", rows=after)


def _base(c: Candidate) -> str:
    """The file's name, or ``<sheet>.csv`` for a workbook sheet (ES ``Datos de la tabla``),
    without the marks of a copy or second extraction (``Totals (1).csv``, ``Copie de
    Totals.csv``, ``Totals 2.csv``), which are no part of Studio's name for it."""
    return normalize(as_platform_named(f"{c.table.sheet}.csv" if c.table.sheet
                                        else c.basename))


def _split_by_date(c: Candidate) -> bool:
    """A table whose dimension (its first column) is ``Date``: Studio's Advanced mode split by
    Date writes ``Table data.csv`` with the bytes of ``Totals.csv``, a daily series whatever
    the file's name."""
    m = c.match(F)
    return m.columns.get("date", [None])[0] == 0 and not m.has("post_id")


def _detect_table(c: Candidate) -> float:
    m = c.match(F)
    if _base(c) in _TABLE and not _split_by_date(c):
        return 0.95
    first = m.columns.get("post_id", [None])[0] == 0
    return 0.85 if first and m.any("caption", "published_date") else 0.0


def _detect_chart(c: Candidate) -> float:
    m = c.match(F)
    if _base(c) in _CHART:
        return 0.95
    return 0.8 if m.has("date", "post_id") and m.any("caption", "published_date") else 0.0


def _detect_totals(c: Candidate) -> float:
    m = c.match(F)
    if _base(c) in _TOTALS and m.has("date") or _base(c) in _TABLE and _split_by_date(c):
        return 0.9
    return 0.0


def _totals_unnamed(c: Candidate) -> str | None:
    """What to say of a table ``Date,<metric>`` of Studio's headers not named as its
    ``Totals.csv``: that it is read under that name alone (a date and a figure are any
    tool's), not that a synonyms.csv row is missing. None for another table."""
    m = c.match(F)
    if _base(c) in _TOTALS or not m.has("date") or m.unknown or len(c.table.header) < 2 \
            or any(m.has(k) for k in ("post_id", "caption", "published_date")):
        return None
    return (": its headers are those of YouTube Studio's Totals.csv (Date and a figure per "
            "day), which is read only under Studio's name for it, a date and a figure being "
            "any tool's: name it Totals.csv (Totaux.csv, Totales.csv, Totali.csv, Summen.csv "
            "in Studio's other languages), in its zip or in a folder named as the zip, to "
            "have it read")


def _other_dimension(c: Candidate) -> str | None:
    """The header of the dimension a Studio table is split by when it is neither the videos
    (``Content``) nor the days (``Date``): a first column no synonym names, followed by
    metrics Studio writes, with none of a video's columns (``Subscription status,Views,…``,
    ``Traffic source,Views,…``). None for a table of videos whose headers are in a language
    the package does not know (``Contenuto,Titolo video,…``)."""
    m = c.match(F)
    named = {p for positions in m.columns.values() for p in positions}
    if 0 in named or m.any("post_id", "caption", "published_date", "duration_s", "date"):
        return None
    return c.header[0] if m.any(*(k for k in m.columns if k not in _IDENTITY)) else None


def _metric_values(c: Candidate, canon: str, ctx: ParseContext) -> pd.Series:
    """One Studio metric column in canonical units (seconds, fractions)."""
    pos = c.match(F).columns[canon][0]
    header = c.header[pos]
    if canon == "avg_watch_time_s":
        return _view_durations(c, c.table.column(pos), header, ctx)
    vals = c.numbers(F, canon, percent=canon in _PERCENT).reset_index(drop=True)
    return vals * 3600 if canon == "watch_time_h" else vals


#: a time cell a spreadsheet re-saved in its General format: the fraction of a day it holds
#: (``0:05:14``: ``0.0036342592592592594``)
_DAY_FRACTION = r"0\.\d+"


def _view_durations(c: Candidate, cells: pd.Series, header: str,
                    ctx: ParseContext) -> pd.Series:
    """``Average view duration`` (``H:MM:SS``) in seconds. A spreadsheet that re-saved the
    table in General format wrote each time as the fraction of a day it is (0:05:14:
    0.00363…), read as seconds 0.0036 s, with nothing said: a column whose durations are all
    such fractions is read as days (× 86400: 314 s), and noted. One that mixes them with
    durations is refused: a fraction among them may be a day's or a second's (a cell typed
    0.5), which no rule tells."""
    first_line = c.table.first_line + 1
    seconds = hms_seconds(cells, file=c.name, column=header, first_line=first_line)
    text = cells_text(cells).reset_index(drop=True)
    fraction = (text.str.fullmatch(_DAY_FRACTION).fillna(False) & (seconds > 0)).to_numpy(
        dtype=bool)
    if not fraction.any():
        return seconds
    k = int(np.flatnonzero(fraction)[0])
    durations = (seconds > 0).fillna(False).to_numpy(dtype=bool) & ~fraction   # 0 is 0 either way
    if durations.any():
        raise ParseError("a duration written as a spreadsheet's fraction of a day among "
                         "durations in H:MM:SS or seconds: which unit each cell is in is not "
                         "known", file=c.name, line=first_line + k, column=header,
                         expected="H:MM:SS in every cell (export the table again from Studio)",
                         got=str(text.iloc[k]))
    days = seconds.mask(fraction, (seconds * 86400).round(3))
    ctx.note("durations_day_fraction", f"{header!r}: "
             f"{counted(int(fraction.sum()), 'duration', 'durations')} written "
             "as the fraction of a day a spreadsheet's General format shows, read as such "
             f"(line {c.table.line_of(k)}: {text.iloc[k]!r} read as {days.iloc[k]:,.0f} s); "
             "export the table again from Studio, and do not save it from a spreadsheet",
             level="warning", rows=int(fraction.sum()))
    return days


def _damaged_ids(ids: pd.Series, videos: pd.Series) -> pd.Series:
    """Which of the ``videos`` rows' ids are no YouTube id.

    Excel opens an id starting with ``-`` (``-yquaLFqjE4``) as a formula and saves
    ``#NAME?`` in its place: two such videos would share that "id" and be merged as one, and a
    link built from it names no video. The file has no link to read the id from, so these
    videos are kept without an id or a link, and told apart by their title and publish day
    (:func:`_video_key`).
    """
    return videos & ids.notna() & ~ids.str.fullmatch(_VIDEO_ID).fillna(False).astype(bool)


def _note_damaged(c: Candidate, ids: pd.Series, bad: pd.Series, ctx: ParseContext,
                  kept: str) -> None:
    """Note the rows whose id is damaged (``bad``, of the table's rows), naming their lines;
    ``kept``: how they were kept, "kept without an id …"."""
    pos = np.flatnonzero(bad.to_numpy())
    lines = [c.table.line_of(int(k)) for k in pos[:5]]
    ctx.note("video_id_damaged", f"{lines_named(lines, len(pos))}: no YouTube id in the "
             f"{c.header_of(F, 'post_id')!r} column ({ids.iloc[pos[0]]!r}); a spreadsheet "
             "damaged it (Excel writes '#NAME?' for an id starting with '-', which it takes "
             f"for a formula): {kept} (export the table again from Studio, and do not save it "
             "from Excel)", rows=len(pos))


def _video_key(title: pd.Series, day: pd.Series) -> pd.Series:
    """A video by its title and publish day, ``Short A (2026-10-04)``, for one whose id a
    spreadsheet damaged; NA when either is unknown (a title alone names several videos)."""
    key = title.astype("string") + " (" + day.dt.strftime("%Y-%m-%d").astype("string") + ")"
    return key.astype("string")


def _shorts(c: Candidate, duration: pd.Series, published: pd.Series,
            stayed: pd.Series | None, ctx: ParseContext) -> pd.Series:
    """Which videos are Shorts, the export having no format column, and by which rule (noted).

    ``Stayed to watch (%)`` (earlier ``Viewed (vs. swiped away) (%)``) is a column Studio
    fills only for Shorts (reference §5.2): when the file has it and some rows fill it, it
    decides for every video, a blank there being a video whatever its duration (a 2:30
    horizontal video published in 2026 is within the 3-minute limit, and no Short).
    Otherwise a video's duration decides where it is known: ≤ 60 s, or ≤ 180 s when published
    from 2024-10-15 (YouTube allowed 3-minute Shorts then); the others are typed 'video'.
    """
    limit = pd.Series(np.where(published >= _SHORTS_3MIN, 180.0, 60.0), dtype="Float64")
    by_duration = (duration <= limit).fillna(False).astype(bool)
    by_column = stayed is not None and bool(stayed.notna().any())
    if by_column:
        short = stayed.notna().to_numpy(dtype=bool)
        _note_shorts_column(c, short, by_duration.to_numpy() & ~short, ctx)
    else:
        short = by_duration.to_numpy()
        if c.match(F).has("duration_s") and short.any():
            # without a duration column no video was typed by the rule: its note, beside
            # duration_missing's "typed 'video'", told the reader both things at once; nor
            # without a Short found ("Short videos were recognised by their duration", 0 rows)
            ctx.note("content_type_rule", "content_type 'short' inferred from Duration "
                     "(≤ 60 s, or ≤ 180 s when published from 2024-10-15); the export has no "
                     "format column", level="info", rows=int(short.sum()))
    blank = duration.isna().to_numpy() & ~short
    if blank.any():
        shorts_column = (f" (and no {c.header_of(F, 'shorts_stayed_rate')!r}, filled only for "
                         "Shorts)" if stayed is not None else "")
        ctx.note("duration_missing", f"videos without a duration{shorts_column} are typed "
                 "'video'", level="info", rows=int(blank.sum()))
    return pd.Series(short, index=duration.index)


def _note_shorts_column(c: Candidate, short: np.ndarray, overruled: np.ndarray,
                        ctx: ParseContext) -> None:
    """Note the Shorts the Shorts-only column found, and the videos of a Short's duration it
    typed 'video' (their cell blank), naming their lines: the duration alone typed a 2:30
    horizontal video 'short'."""
    header = c.header_of(F, "shorts_stayed_rate")
    if short.any():
        ctx.note("content_type_shorts_column", f"content_type 'short' for the videos whose "
                 f"{header!r} is filled: Studio fills that column only for Shorts, so the "
                 "others are videos whatever their duration", level="info",
                 rows=int(short.sum()))
    if overruled.any():
        pos = np.flatnonzero(overruled)
        lines = [c.table.line_of(int(k)) for k in pos[:5]]
        ctx.note("content_type_duration_overruled", f"{lines_named(lines, len(pos))}: as "
                 "short as a Short (≤ 60 s, or ≤ 180 s when published from 2024-10-15) but "
                 f"blank in {header!r}, which Studio fills for every Short and which other "
                 "rows of the file fill: typed 'video'", level="info", rows=len(pos))


def _note_undated(c: Candidate, published: pd.Series, rows: np.ndarray,
                  ctx: ParseContext) -> None:
    """Note the videos without a publish day, naming their lines (``rows``: the videos'
    positions in the table). Studio lists a video deleted since with its figures and a
    blank title and publish time: it is kept, its figures being the channel's, but no period
    holds it, so a period's totals fall short of the Total row by its figures."""
    missing = published.isna().to_numpy()
    if not missing.any():
        return
    pos = rows[missing]
    lines = [c.table.line_of(int(k)) for k in pos[:5]]
    its = agree(len(pos), "its", "their")
    ctx.note("missing_publish_time", f"{lines_named(lines, len(pos))}: no "
             f"{c.header_of(F, 'published_date')!r} (a video deleted since, as a rule): kept, "
             f"but {its} figures are outside every period, so a period's totals (a month's "
             f"views) fall short of the Total row by {its} figures", rows=len(pos))


def _table_keys(c: Candidate, ids: pd.Series, damaged: pd.Series, idx: np.ndarray,
                caption: pd.Series, published: pd.Series, ctx: ParseContext) -> pd.Series:
    """The keys (:func:`_video_key`) of the table's videos (rows ``idx``) whose id is
    ``damaged``, NA for the others, noted. Two exports of the channel's table each listed
    the same ``#NAME?`` videos, summed twice (76,000 views for the newest Total row's
    61,000): a video of a title and publish day unique in its file is matched by them with
    the same in another export. Where they are not unique, or unknown, it is matched with
    nothing, and the note says that a period's totals may count it once per export."""
    bad = damaged.iloc[idx].to_numpy()
    key = _video_key(caption, published).where(bad)
    shared = (key.notna() & key.duplicated(keep=False)).to_numpy()
    unmatched = np.flatnonzero(bad & (key.isna().to_numpy() | shared))
    n = int(bad.sum())
    how = (f"{'this video is' if n == 1 else f'these {n} videos are'} kept without an id or "
           "a link, and matched with the video of the same title and publish day in another "
           "export of the channel's table")
    if len(unmatched):
        lines = [c.table.line_of(int(idx[k])) for k in unmatched[:5]]
        how += (f"; {lines_named(lines, len(unmatched))}: a title and publish day that "
                "another video of this file shares, or lacks, matching no other video: a "
                "period's totals may count them once per export of the table that lists them")
    _note_damaged(c, ids, damaged, ctx, how)
    return key.mask(shared)


def _chart_keys(c: Candidate, ids: pd.Series, damaged: pd.Series, days: pd.Series,
                ctx: ParseContext) -> pd.Series:
    """The keys (:func:`_video_key`) of Chart data's rows (one per video and day, ``days``)
    whose id is ``damaged``, NA for the others, noted: two '#NAME?' videos' rows of one day
    were merged as one (Short A's 4000 views and Short B's 5000 on 5 October: 5000). Rows
    of videos that share a title and publish day, or lack one, are told apart by their line
    instead, matching no other export's."""
    published = _publish_days(c, damaged, ctx)
    if published is None:       # a Chart data export without 'Video publish time'
        published = pd.Series(pd.NaT, index=damaged.index, dtype="datetime64[ns]")
    key = _video_key(text(c, F, "caption", placeholders=False), published).where(damaged)
    clash = key.notna() & pd.DataFrame({"day": days, "key": key}).duplicated(keep=False)
    unnamed = np.flatnonzero((damaged & (key.isna() | clash)).to_numpy())
    n = int(damaged.sum())
    how = (f"{'this row is' if n == 1 else f'these {n} rows are'} kept without an id, each "
           "video's days told apart (and matched with another export's) by its title and "
           "publish day, in the daily table's post_key column")
    if len(unnamed):
        lines = [c.table.line_of(int(k)) for k in unnamed]
        key.iloc[unnamed] = [f"line {line}" for line in lines]
        how += (f"; {lines_named(lines[:5], len(lines))}: a title and publish day that "
                "another video of this file shares on the same day, or lacks: told apart by "
                "their line, matching no other export's")
    _note_damaged(c, ids, damaged, ctx, how)
    return key


def _id_position(c: Candidate) -> int | None:
    """Where Studio writes the video id when no synonym names that column: the table's first
    column, the chart's second (after ``Date``). None when that column is named (the ids are
    elsewhere, or missing) or absent."""
    m = c.match(F)
    pos = 1 if m.columns.get("date", [None])[0] == 0 else 0
    named = {p for positions in m.columns.values() for p in positions}
    return None if pos in named or pos >= len(c.header) else pos


def _holds_ids(c: Candidate, pos: int) -> bool:
    """Whether column ``pos`` holds video ids: its filled cells, a spreadsheet's error
    (``#NAME?``) and the ``Total`` row's label aside, are all 11 characters of YouTube's
    alphabet. Its header cannot say it in a language the package does not know: the Italian
    ``Contenuto`` holds ids, a ``Traffic source`` column (``YouTube search``, ``External``)
    or ``Geography`` (``FR``) holds the values of another dimension."""
    cells = cells_text(c.table.column(pos).reset_index(drop=True), placeholders=False)
    filled = cells[cells.notna() & ~summary_cells(cells)]
    return len(filled) > 0 and bool(filled.str.fullmatch(_VIDEO_ID).all())


def _id_header(c: Candidate) -> str | None:
    """The header of the unnamed column holding video ids where Studio writes them
    (:func:`_id_position`, :func:`_holds_ids`), e.g. the Italian ``Contenuto``; None
    without one."""
    pos = _id_position(c)
    return (str(c.header[pos]).strip() or None) if pos is not None and _holds_ids(c, pos) \
        else None


def _chart_dimension(c: Candidate) -> str | None:
    """The header of the dimension a chart is split by beside the days when it is not the
    videos: the column after ``Date`` no synonym names, holding no video ids, in a chart with
    none of a video's columns (``Date,Traffic source,Views``, FR ``Source de trafic``). Its
    rows, a day's traffic sources, are neither videos nor days. A column of figures is a
    metric the package does not know, left to the note on the columns not read."""
    pos = _id_position(c)
    if pos != 1 or c.match(F).any("caption", "published_date", "duration_s"):
        return None
    cells = cells_text(c.table.column(pos).reset_index(drop=True), placeholders=False)
    labels = cells.dropna()
    if labels.empty or labels.str.fullmatch(_FIGURE).all() or _holds_ids(c, pos):
        return None
    return str(c.header[pos]).strip()


def _split_by(c: Candidate, what: str, dimension: str, videos: str) -> ParseError:
    """The error for a Studio ``what`` (table, chart) split by a ``dimension`` other than
    the videos and the days (``Traffic source``): read as videos, a source would be a video
    without id; read as days, a day would keep one source's views. ``videos``: its rows when
    split by ``Content``."""
    return ParseError(f"YouTube Studio {what} split by {dimension!r}: its rows are neither "
                      "videos nor days", file=c.name, line=c.table.first_line,
                      column=dimension,
                      expected=f"a {what} split by 'Content' ({videos}) or by 'Date' (one "
                               "row per day): in Studio's Advanced mode, choose that "
                               "dimension and export again", got=c.header[:6])


def _without_ids(c: Candidate, what: str) -> ParseError:
    """The error for a table or chart of videos whose video id column no synonym names: its
    rows cannot be told apart, nor read as the channel's (a chart's several videos a day
    would be one row a day of an arbitrary video's views). Names the synonyms.csv row that
    reads it, with the header found where Studio writes the ids."""
    lang = c.match(F).locale.split("-")[0]
    row = "youtube,post_id,<lang>,<its header>"
    if (header := _id_header(c)) is not None:
        row += f": here youtube,post_id,{'<lang>' if lang == 'en' else lang},{header}"
    return ParseError(f"YouTube {what} without the video id column", file=c.name,
                      line=c.table.first_line, column="Content",
                      expected="a 'Content' (FR 'Contenu') column of video ids (Studio in "
                               "another language: a synonyms.csv in the brand folder can name "
                               f"its columns, e.g. the row {row})",
                      got=c.header[:6])


def _videos_without_ids(c: Candidate, dates: pd.Series) -> bool:
    """Whether a chart without an id column is one of videos: it has a video's columns
    (title, publish time, duration: Studio's per-video chart), an unnamed column of video ids
    (the Italian ``Contenuto``, one video's chart having one row a day too), or several rows
    a day. Only a chart of one row a day and no video column is the channel's daily series."""
    m = c.match(F)
    return (not m.has("post_id")
            and (m.any("caption", "published_date", "duration_s")
                 or _id_header(c) is not None
                 or bool(dates.dropna().duplicated().any())))


def _parse_table(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    m = c.match(F)
    if not m.has("post_id") and (dimension := _other_dimension(c)):
        raise _split_by(c, "table", dimension, "one row per video")
    if not m.has("post_id"):
        raise _without_ids(c, "table")
    raw_ids = c.col(F, "post_id").reset_index(drop=True)
    # '#NAME?': a damaged id, noted below; a BOM pasted before one: removed (Candidate.read_ids)
    ids = c.read_ids(c.header_of(F, "post_id"), cells_text(raw_ids, errors=False))
    spaced = (raw_ids.astype("str") != raw_ids.astype("str").str.strip()).sum()
    if spaced:
        ctx.note("id_spaces_stripped", "video ids written with surrounding spaces (ids starting "
                 "with '-') were stripped", level="info", rows=int(spaced))
    total = summary_cells(ids)
    keep = ~total
    damaged = _damaged_ids(ids, keep)
    written = ids
    ids = ids.mask(damaged)
    metrics = [canon for canon in m.columns if canon not in _IDENTITY]
    # every column read before any is used: of several bad cells, the first in the file raises
    days, durations, *read = c.read_all(partial(_publish_days, c, keep, ctx),
                                        partial(_durations, c),
                                        *(partial(_metric_values, c, k, ctx)
                                          for k in metrics))
    values = dict(zip(metrics, read, strict=True))
    if "views" in values and total.any():
        listed = values["views"][keep].sum()
        summary = values["views"][total].iloc[0]
        # a listed video whose cell holds no value (#N/A, noted) may hold the difference:
        # that is no sign Studio left rows out
        unknown = values["views"][keep].isna().any()
        if pd.notna(summary) and summary > listed and not unknown:
            ctx.note("table_truncated", f"the Total row counts {summary:.0f} views but the "
                     f"listed videos only {listed:.0f}: Studio exports only the rows it loaded "
                     "(filter the table to export the rest)", level="warning")
    if total.any():
        c.not_read(np.flatnonzero(total.to_numpy()))
        ctx.note("summary_row_dropped", "the 'Total' summary row was not read as a video",
                 level="info", rows=int(total.sum()))
    idx = np.flatnonzero(keep.to_numpy())
    n = len(idx)
    channel = _channel(c)
    if days is not None:
        dates = days.iloc[idx].reset_index(drop=True)
        published = day_to_utc(dates, "UTC")
        _note_undated(c, published, idx, ctx)
    else:
        published = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns, UTC]")
        ctx.note("date_missing", "no 'Video publish time' column: published_at is empty",
                 rows=n)
    sub = {k: v.iloc[idx].reset_index(drop=True) for k, v in values.items()}
    duration = (durations.iloc[idx].reset_index(drop=True) if durations is not None
                else pd.Series(np.nan, index=range(n), dtype="Float64"))
    short = _shorts(c, duration, published, sub.get("shorts_stayed_rate"), ctx)
    caption = text(c, F, "caption", placeholders=False).iloc[idx].reset_index(drop=True)
    df = pd.DataFrame({
        "platform": P,
        "account_id": pd.array([channel] * n, dtype="string"),
        "account_name": pd.array([channel] * n, dtype="string"),
        "post_id": ids.iloc[idx].reset_index(drop=True),
        "permalink": ("https://www.youtube.com/watch?v=" + ids.iloc[idx]).reset_index(drop=True),
        "caption": caption,
        "published_at": published.reset_index(drop=True),
        "time_precision": "day",
        "time_source": "export",
        "content_type": np.where(short, "short", "video"),
        "paid": pd.array([pd.NA] * n, dtype="boolean"),
    })
    for canon, vals in sub.items():      # watch time in hours is in seconds by now
        df["watch_time_s" if canon == "watch_time_h" else canon] = vals
    df["duration_s"] = duration
    if damaged.any():
        df["post_key"] = _table_keys(c, written, damaged, idx, caption, published, ctx)
    df = df.assign(**_window(c, df["published_at"], ctx))
    if "subscribers_gained" in sub:
        df["follows"] = sub["subscribers_gained"]
    elif "net_subscribers" in sub:
        net = sub["net_subscribers"]
        df["follows"] = net.mask(net < 0)
        if (net < 0).any():
            ctx.note("net_subscribers_negative", "net 'Subscribers' below 0 are not a count "
                     "of follows: follows left empty, the net kept in net_subscribers",
                     rows=int((net < 0).sum()))
    note_day_tz(ctx, "YouTube Studio", "publish dates")
    note_extra_columns(ctx, c.match(F).unknown, advise_synonyms=True)
    _note_folder(c, ctx)
    if channel is None and n:       # taken out of its zip and renamed: Studio's table names none
        note_posts_account_unknown(ctx, n, "YouTube",
                                   "Content <start>_<end> <channel>.zip/Table data.csv")
    df.attrs.update(kind="posts", platform=P, source_locale=m.locale, as_of=_as_of(c, ctx))
    return [df]


def _publish_days(c: Candidate, keep: pd.Series, ctx: ParseContext) -> pd.Series | None:
    """The day in ``Video publish time`` of every row, each checked where it lies in the file
    (a row not to ``keep``, the Total row, cleared, is no date); None without the column."""
    if not c.match(F).has("published_date"):
        return None
    column, line = c.header_of(F, "published_date"), c.table.first_line + 1
    cells = c.col(F, "published_date").reset_index(drop=True).where(keep, "")
    parts = day_parts(cells, ctx, column=column, first_line=line, numeric_order=day_order(c, F))
    return dates_from_parts(parts, file=c.name, column=column, first_line=line, cells=cells)


def _durations(c: Candidate) -> pd.Series | None:
    """Every row's ``Duration`` in seconds; None without the column."""
    if not c.match(F).has("duration_s"):
        return None
    return hms_seconds(c.col(F, "duration_s"), file=c.name, column=c.header_of(F, "duration_s"),
                       first_line=c.table.first_line + 1)


def _daily(c: Candidate, ctx: ParseContext, *, per_video: bool) -> pd.DataFrame:
    m = c.match(F)
    line = c.table.first_line + 1
    if not m.has("date"):
        raise ParseError("YouTube chart/totals file without a date column", file=c.name,
                         line=c.table.first_line, column="Date", expected="a 'Date' column",
                         got=c.header[:6])
    cells = cells_text(c.col(F, "date").reset_index(drop=True), errors=False)
    period = summary_cells(cells)
    if period.any():
        ctx.note("period_total_skipped", "a 'Total' period row is not a day and was not stored "
                 "in the daily table", level="info", rows=int(period.sum()))
    header = c.header_of(F, "date")
    canons = [canon for canon in m.columns if canon not in _IDENTITY]
    readers = [partial(_metric_values, c, canon, ctx) for canon in canons]
    # of a bad day and a bad figure, the first in the file raises (the days are read first)
    with c.first_bad_cell_among(*readers):
        parts = day_parts(cells.where(~period, ""), ctx, column=header, first_line=line,
                          numeric_order=day_order(c, F, daily=header))
        all_dates = dates_from_parts(parts, file=c.name, column=header, first_line=line,
                                     cells=cells)
    keep = np.flatnonzero(~period.to_numpy())
    dates = all_dates.iloc[keep]
    if per_video and not m.has("post_id") and (dimension := _chart_dimension(c)):
        raise _split_by(c, "chart", dimension, "one row per video and day")
    if per_video and _videos_without_ids(c, dates):
        raise _without_ids(c, "chart of videos (one row per video and day)")
    metrics = {}
    for canon, figures in zip(canons, c.read_all(*readers), strict=True):
        name = _DAILY_NAME.get(canon, canon)
        if per_video and m.has("post_id"):
            name = f"post_{name}"
        metrics[name] = figures.iloc[keep]
    if not metrics:
        raise ParseError("YouTube chart/totals file without a metric column", file=c.name,
                         line=c.table.first_line, expected="'Date' and at least one metric "
                         "(e.g. 'Views')", got=c.header)
    refuse_undated(c, F, dates, metrics, rows=keep)
    extra = None
    if per_video and m.has("post_id"):
        ids = c.read_ids(c.header_of(F, "post_id"),
                         cells_text(c.col(F, "post_id").reset_index(drop=True), errors=False))
        damaged = _damaged_ids(ids, ~period)
        columns = {"post_id": ids.mask(damaged)}
        if damaged.any():
            columns["post_key"] = _chart_keys(c, ids, damaged, all_dates, ctx)
        extra = {name: pd.array(np.tile(values.iloc[keep].to_numpy(), len(metrics)),
                                dtype="string") for name, values in columns.items()}
    note_day_tz(ctx, "YouTube Studio", "days")
    note_extra_columns(ctx, c.match(F).unknown, advise_synonyms=True)
    _note_folder(c, ctx)
    channel = _channel(c)
    out = long_daily(dates.reset_index(drop=True), {k: v.reset_index(drop=True)
                                                    for k, v in metrics.items()},
                     platform=P, account_id=channel, extra=extra)
    if channel is None:             # taken out of its zip and renamed: Studio's files name none
        note_rows_account_unknown(ctx, out, "YouTube", "Content <start>_<end> <channel>.zip/"
                                  + ("Chart data.csv" if per_video else "Totals.csv"))
    out.attrs.update(kind="daily", platform=P, source_locale=m.locale, as_of=_as_of(c, ctx))
    return out


def _parse_chart(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return [_daily(c, ctx, per_video=True)]


def _parse_totals(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return [_daily(c, ctx, per_video=False)]


# the table's columns are the metrics chosen in Studio (reference §5.2); views are always there
register("youtube_table", platforms=P, kinds="posts", detect=_detect_table, parse=_parse_table,
         description="YouTube Studio advanced mode, Table data.csv", family=F,
         keys=("post_id", "published_date"), expects=("views",), own_total=True)
register("youtube_chart", platforms=P, kinds="daily", detect=_detect_chart, parse=_parse_chart,
         description="YouTube Studio advanced mode, Chart data.csv (per video and day)")
register("youtube_totals", platforms=P, kinds="daily", detect=_detect_totals,
         parse=_parse_totals, description="YouTube Studio advanced mode, Totals.csv",
         unnamed=_totals_unnamed)
