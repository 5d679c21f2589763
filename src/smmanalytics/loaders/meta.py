"""Meta Business Suite exports: Facebook and Instagram posts, Instagram stories, daily series.

Formats (reference §1, §2):

- ``meta_post``: one row per post, lifetime totals at export time. UTF-8 with BOM, comma,
  quoted multi-line captions. Headers in EN/FR/IT/ES (bilingual FR files coalesced), the 2025+
  ``Views`` set or the older ``Impressions`` set (kept apart).
- ``meta_story``: Instagram stories (``Replies``, ``Navigation``, ``Sticker taps``…).
- ``meta_post_legacy``: the Facebook Insights post export from before Business Suite
  (``Facebook Insights Data Export (Post Level) - <Page> - <start> - <end>.csv``, or the
  workbook's ``Key Metrics`` sheet), for historical back-fills; see below.
  ``meta_post_legacy_sheet`` claims the workbook's other sheets (noted, not turned into rows).
- ``meta_daily``: one metric per file, UTF-16 LE with BOM, ``sep=,`` line, the metric name on
  line 2, header ``"Date","Primary"``; the day is a Pacific-time day. The chart opened in a
  spreadsheet and saved as a workbook reads the same (the title row, the header, the days as
  dates or as text), its title noted as taken from the cell above the header. Without its
  ``sep=`` line (a CSV or a workbook re-saved), a ``Date`` table under a title is Meta's only
  when the title is a series Meta's charts have (``Views``, ``Vues``) or the title or the name
  says Facebook or Instagram; a file whose name says another platform and neither of them
  (``youtube_views.xlsx``) never is.

Canonical fields:

- ``published_at``: ``Publish time`` (``MM/DD/YYYY HH:MM``, always month first) in
  America/Los_Angeles → UTC; ``time_precision="minute"``, ``time_source="export"``. For
  Instagram, the time decoded from the permalink's shortcode replaces it when the two agree
  within 2 hours (``second``, ``decoded_id``).
- ``caption`` = the longer of ``Title`` and ``Description``.
- ``content_type`` from ``Post type`` (``IG reel``→reel, ``IG carousel``→carousel,
  ``IG image``/``Photos``→image, ``Videos``→video, ``Reels``→reel, ``Links``→link, stories→story);
  a video whose permalink contains ``/reel/`` is a reel (French exports label Reels as videos),
  a post of no type or an unknown one whose permalink contains ``/stories/`` a story. Every row
  of a stories export (``meta_story``) is a story, whatever its type says (an Italian
  ``Storia IG`` was an unknown type, its stories counted as feed posts); a type that names
  another content is noted (``story_type_other``).
- ``reactions`` = ``Reactions`` (Facebook) or ``Likes`` (Instagram); ``follows`` = ``Follows``;
  a story's ``comments`` = ``Replies`` (a story has no comments: people reply to it, and the
  replies are counted in its interactions as a post's comments are);
  ``platform_engagements`` = ``Reactions, Comments and Shares``; ``video_views`` =
  ``3-Second Video Views`` (Meta's definition of a video view).
- ``paid`` = reach (or views) from boosted posts > 0, where those columns exist; else NA.
- ``negative_feedback`` = ``Negative feedback from users: Hide all`` + ``… Hide`` over the
  columns present; NaN when neither column is in the file.

Legacy Facebook Insights post export (reference §1.3 "Older variants"). What was confirmed,
and where (public code quoting real files; repositories not named by the code index, so the
index ids are given):

- Header, 2015 (34 columns): ``Post ID, Permalink, Post Message, Type, Countries, Languages,
  Posted, Audience Targeting, Lifetime Post Total Reach, … organic reach, … Paid Reach, …
  Total/Organic/Paid Impressions, Lifetime Engaged Users, Lifetime Post Consumers, … Post
  Consumptions, Lifetime Negative feedback, …, Lifetime Organic Video Views`` (×2), ``Lifetime
  Paid Video Views`` (×2); the row under it holds Facebook's descriptions (``Lifetime: The
  total number of people your Page post was served to. (Unique Users)``), empty under the
  first 8 columns; ``Posted`` written ``10/1/2015 21:00`` (month first, no leading zeros, 24 h);
  integers; ``Post ID`` = ``<page id>_<post id>``: an RSpec fixture "from facebook insights"
  with two header lines (code index GH#4058207003).
- 2013-14 header without ``Audience Targeting`` but with ``Lifetime Talking About This (Post)
  by action type - comment/like/share`` (unique people) and ``Lifetime Post Stories by action
  type - comment/like/share`` (total counts) (GH#10942802391, two real files' headers);
  ``Type`` values ``Link, Photo, SharedVideo, Status, Video`` or empty (GH#48726421586); file
  names ``Facebook Insights Data Export (Post Level) - <Page> - 2014-01-01 - 2014-02-27.csv``
  (GH#48605749867).
- 2017-20: ``Lifetime Matched Audience Targeting Consumers on Post`` / ``… Consumptions on
  Post``, the video columns repeated (pandas' ``.1`` suffixes), the description row dropped
  by scripts (GH#14098425387, GH#49256429303); the ``.xlsx`` workbook's ``Key Metrics`` sheet
  read with ``skiprows=[1]``, and sheets ``Lifetime Post Stories by act...`` (columns ``like``,
  ``comment``, ``share``), ``Lifetime Post Consumers by type``, ``Lifetime Talking About
  This(...`` … (GH#22537708309, GH#49681678073).
- Zone: post-level Insights downloads were Pacific time (reference §1.4 [C], a 2012-13 blog);
  read as America/Los_Angeles like ``Publish time``.

Mapping: ``reach``, ``impressions`` as named; ``video_views`` = organic + paid ``Video Views``
(Facebook's description: viewed more than 3 seconds, the current definition); of a repeated
header the column described ``(Total Count)`` is read (else the first), the others are kept
aside as ``<header> (Unique Users)``; ``reactions``, ``comments``, ``shares`` = ``Post Stories
by action type`` like, comment, share (inferred: one story per action), from the columns or the
workbook's stories sheet, matched by ``Post ID``; ``paid`` = paid reach (else paid impressions)
> 0. ``Lifetime Engaged Users``, ``… Consumers``, ``… Consumptions`` have no canonical
equivalent and are kept as ``engaged_users``, ``consumers``, ``consumptions`` (with the organic,
paid and fan reach and impressions). Assumed, not seen: a workbook's ``Posted`` as a real Excel
date (both are read), its breakdown sheets without a description row (one is dropped if
present). Every file's quality log says what was mapped (``legacy_insights_export``).
"""

from __future__ import annotations

import datetime
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParseError
from ..metrics import row_sum
from ..quality import agree, counted
from ..schema import shown_platform
from ._arrow import arrow_text, contains, strip
from ._candidate import Candidate, ParseContext, two_labels
from ._cells import isinstance_cells
from ._dates import (
    META_TZ,
    YEARS,
    day_first_misreading,
    offsets_by_hour,
    parse_datetimes,
)
from ._headers import LANGUAGE_NAMES, LOCALES, HeaderMatch, match_headers, normalize, synonyms
from ._ids import (
    cut_to_15_digits,
    instagram_shortcode,
    instagram_shortcode_time,
    rounded_ids,
    stored_rounded,
)
from ._registry import register
from ._serials import SERIAL_DAYS, excel_origin, serial_datetimes
from ._snapshot import EXPORT_SLACK, range_from_name, snapshot_from_name
from ._sniff import RawTable
from ._tidy import (
    day_order,
    facebook_or_instagram,
    note_extra_columns,
    note_times_dropped,
    other_platform_named,
    summary_cells,
    written_days,
)

__all__: list[str] = []

F = "meta"
_STORY_MARKERS = ("replies", "navigation", "sticker_taps")
#: posts metrics read from the column of the same canonical name
_DIRECT = ("views", "impressions", "reach", "comments", "shares", "saves", "link_clicks",
           "clicks", "video_views", "follows", "watch_time_s", "platform_engagements")
_EXTRA_NUMERIC = ("duration_s", "avg_watch_time_s", "reach_organic", "reach_boosted",
                  "views_organic", "views_boosted", "profile_visits", "replies", "navigation",
                  "sticker_taps", "video_views_1min", "video_views_organic", "viewers_3s",
                  "viewers_1min", "clicks_other", "clicks_photo", "qualified_views",
                  "revenue_usd", "earnings_approx", "ad_cpm_usd", "ad_impressions",
                  "reels_plays", "is_crosspost", "is_share")      # the two flags: 1 or 0
_TYPES = {
    "ig reel": "reel", "ig carousel": "carousel", "ig image": "image", "ig video": "video",
    "ig story": "story", "story": "story", "stories": "story", "historia de instagram": "story",
    "storia di instagram": "story", "story instagram": "story", "instagram story": "story",
    "photos": "image", "photo": "image", "image": "image", "images": "image", "foto": "image",
    "fotos": "image", "videos": "video", "video": "video", "vidéos": "video", "vidéo": "video",
    "vídeos": "video", "vídeo": "video", "reels": "reel", "reel": "reel", "links": "link",
    "link": "link", "liens": "link", "lien": "link", "enlaces": "link", "enlace": "link",
    "status": "text", "statuts": "text", "statut": "text", "text": "text", "texte": "text",
    "carousel": "carousel", "carrousel": "carousel", "album": "carousel", "albums": "carousel",
    "carosello": "carousel", "carrusel": "carousel", "immagine": "image", "immagini": "image",
    "storia": "story", "storie": "story",      # Italian ("Storia IG", as "Carosello IG")
    "sharedvideo": "video",     # legacy Insights export: a video shared from another page
}
#: post types of French and Italian exports inferred, not confirmed: the reference marks the
#: values of those languages unknown [U] (§1.3, §2.3), and these are the interface's words for
#: a reel (French "Réel") and a feed post (French "Publication", Italian "Post"), whose media
#: is not said (other); read with an info note (``post_type_inferred``) that says so
_INFERRED_TYPES = {"réel": "reel", "réels": "reel", "publication": "other",
                   "publications": "other", "post": "other"}
#: the inferred words that are English words too: in an export of English headers they are no
#: French or Italian word, and no English type either (reference §1.3, §2.3: Facebook's
#: ``Photos``, ``Videos``, ``Reels``, ``Links``, Instagram's ``IG image``, ``IG carousel``,
#: ``IG reel``, ``IG video``, ``IG story``): an unknown type, warned of
_ENGLISH_WORDS = frozenset({"post", "publication", "publications"})
#: words a post type may carry around its type word ("Carosello IG", "Carosello di
#: Instagram", "Image Instagram"): the platform's name and the language's "of"
_TYPE_FRAME = {"ig", "instagram", "fb", "facebook", "di", "de", "del", "della", "du", "des"}
_LIFETIME = {"lifetime", "durée de vie", "a vita", "intera durata", "de por vida", "total",
             "gesamte laufzeit", "gesamtlaufzeit", "vitalicio", ""}


# ---------------------------------------------------------------- detection

def _detect_post(c: Candidate) -> float:
    m = c.match(F)
    if not m.has("publish_time"):
        return 0.0
    score = 0.35
    score += 0.2 if m.has("post_id") else 0.0
    score += 0.2 if m.any("account_id", "account_handle", "account_name") else 0.0
    score += 0.2 if m.any("views", "impressions", "reach", "reactions", "likes") else 0.0
    if m.any(*_STORY_MARKERS) and not m.has("saves"):
        score -= 0.3
    return score


def _detect_story(c: Candidate) -> float:
    m = c.match(F)
    if not m.has("publish_time") or not m.any(*_STORY_MARKERS) or m.has("saves"):
        return 0.0
    return 0.9 if m.any("post_id", "account_id", "account_handle") else 0.6


def _detect_daily(c: Candidate) -> float:
    """A table of ``Date`` and one figure under a title: Meta's daily chart when Meta wrote it
    (its ``sep=`` line), or, re-saved by a spreadsheet without it (a CSV, or a workbook whose
    one cell above the header is the title), when the title is a series Meta's charts have
    (``Views``, ``Vues``) or the title or the name says Facebook or Instagram. That shape is
    any platform's: a title naming no Meta series (``YouTube views, Maison Sève``) read as one
    gave a metric nobody asked for, and a file whose name says another platform
    (``youtube_views_october.xlsx``) is left to that platform's loader however it is titled,
    where it was read as Meta's views, Pacific days."""
    norm, title = c.norm, c.meta.get("title")
    if len(norm) != 2 or norm[0] not in {"date", "data", "fecha", "datum"} or not title:
        return 0.0
    if other_platform_named(c) and facebook_or_instagram(c) is None:
        return 0.0
    if c.meta.get("sep"):
        return 0.95
    known = match_headers([title], "meta_daily").columns
    return 0.7 if known or _daily_platform(title, c) else 0.0


# ---------------------------------------------------------------- posts

def _publish_times(c: Candidate, ctx: ParseContext, family: str = F, *,
                   note_repeated_hour: bool = True, id_times: pd.Series | None = None
                   ) -> pd.Series:
    """The publish times, in UTC. ``id_times``: the times the posts' ids decode to (NaT where
    they tell none), which may prove the day/month order when no day above 12 does."""
    cells = c.col(family, "publish_time")
    header = c.header_of(family, "publish_time")
    first = c.table.first_line + 1
    if cells.dtype == object:                     # a workbook: some cells may be dates
        cells = _serial_times(c, cells, header, ctx)
        if family == F:
            cells = _spreadsheet_dates(cells, ctx)
    s = strip(cells.astype("str"))
    # with seconds only when every non-empty cell has them (two colons)
    colons = pc.count_substring(pa.array(s, from_pandas=True), ":")
    with_seconds = pc.fill_null(pc.greater_equal(colons, 2), False).to_numpy(
        zero_copy_only=False)
    seconds = with_seconds.any() and with_seconds[(s != "").to_numpy()].all()
    values = cells if cells.dtype == object else s
    utc, counts, fmt = _times_in_first_format(values, seconds, file=ctx.file, column=header,
                                              first_line=first)
    named = False              # day first, which the name's days proved (noted there)
    if fmt == _PUBLISH_FORMATS[0]:
        utc, counts, fmt = _day_first_if_named(utc, counts, values, seconds, ctx,
                                               column=header, first_line=first)
        if range_from_name(ctx.file) is None:      # the name tells nothing: the file may
            utc, counts, fmt = _day_first_unproved(utc, counts, values, seconds, ctx,
                                                   id_times, _written_by(c), column=header,
                                                   first_line=first)
        named = fmt != _PUBLISH_FORMATS[0]
    if fmt != _PUBLISH_FORMATS[0] and not named:
        ctx.note("date_format_resaved", f"publish times are written {s[s != ''].iloc[0]!r}, not "
                 "as Meta writes them (MM/DD/YYYY HH:MM): the file was re-saved by a "
                 f"spreadsheet; every time was read with the format {_with_seconds(fmt, seconds)}"
                 f": read as {_order_of(fmt)}", level="info")
    if counts.get("two_digit_year"):
        times_have = counted(counts["two_digit_year"], "publish time has", "publish times have")
        ctx.note("two_digit_year", f"{times_have} a two-digit year (a spreadsheet's re-save, "
                 f"{s[s != ''].iloc[0]!r}): read as 20xx", rows=counts["two_digit_year"])
    if counts["dst_ambiguous"] and note_repeated_hour:      # else the caller's (post ids)
        _note_repeated_hour(ctx, counts["dst_ambiguous"], 0)
    if counts["dst_nonexistent"]:
        times_fall = counted(counts["dst_nonexistent"], "publish time falls",
                             "publish times fall")
        ctx.note("dst_nonexistent", f"{times_fall} in the skipped spring hour of "
                 "America/Los_Angeles; moved forward an hour (02:30 is read as 03:30 PDT)",
                 rows=counts["dst_nonexistent"])
    return utc


def _note_repeated_hour(ctx: ParseContext, first: int, second: int) -> None:
    """The note of the publish times in the repeated autumn hour: ``first`` of them taken at
    the first occurrence of their wall time (PDT, the export's reading), ``second`` at the
    second (PST), which the time decoded from their Instagram shortcode gave."""
    n = first + second
    its = agree(n, "its", "their")
    if not second:
        which = "the first occurrence (PDT) was taken"
    elif not first:
        which = (f"the second occurrence (PST) was taken, which the time decoded from {its} "
                 "Instagram shortcode gives")
    else:
        # "1 were taken" read the count as a plural whatever it was
        which = (f"{counted(first, 'was', 'were')} taken at the first occurrence (PDT), "
                 f"{second} at the second (PST), which the time decoded from "
                 f"{agree(second, 'its', 'their')} Instagram shortcode gives")
    times_fall = counted(n, "publish time falls", "publish times fall")
    ctx.note("dst_ambiguous", f"{times_fall} in the repeated autumn hour of "
             f"America/Los_Angeles; {which}", rows=n)


def _in_repeated_hour(utc: pd.Series) -> pd.Series:
    """True where a time read from the export is a wall time the autumn change repeats in
    America/Los_Angeles, at its first occurrence (as :func:`~._dates.local_to_utc` reads
    it): an hour later, the wall clock reads the same.

    Only the times in the hour before a change of the zone's offset, or the hour before that,
    are converted (:func:`_near_offset_change`): on a million posts, converting every time
    twice took most of the Instagram-id step of a Facebook export."""
    near = _near_offset_change(utc, META_TZ)
    repeated = np.zeros(len(utc), dtype=bool)
    if near.any():
        sub = utc[near]
        local = sub.dt.tz_convert(META_TZ).dt.tz_localize(None)
        later = (sub + pd.Timedelta(hours=1)).dt.tz_convert(META_TZ).dt.tz_localize(None)
        repeated[near] = (local == later).fillna(False).to_numpy(dtype=bool)
    return pd.Series(repeated, index=utc.index)


def _near_offset_change(utc: pd.Series, tz: str) -> np.ndarray:
    """True for the times (UTC) within an hour of an hour in which ``tz`` changes its offset:
    only they can be an hour away from a change (every time, when the span's hours outnumber
    the times).

    The offset is looked up once per hour of the span; a change between the hours h and h+1
    happens in (h, h+1], so an hour before it starts in the hour h-1 or h."""
    known = utc.notna().to_numpy()
    if not known.any():
        return known
    hour = utc.array.as_unit("ns").asi8 // 3_600_000_000_000     # since the epoch (floor)
    low, high = int(hour[known].min()) - 1, int(hour[known].max()) + 2
    if high - low > len(utc):
        return known
    offset = offsets_by_hour(low, high, tz)
    change = np.flatnonzero(offset[1:] != offset[:-1])
    marked = np.zeros(len(offset), dtype=bool)
    marked[change] = True
    marked[np.maximum(change - 1, 0)] = True
    if known.all():
        return marked[hour - low]
    return known & marked[np.where(known, hour - low, 0)]


def _day_first_if_named(utc: pd.Series, counts: dict[str, int], values: pd.Series,
                        seconds: bool, ctx: ParseContext, **where
                        ) -> tuple[pd.Series, dict[str, int], str]:
    """The times read month first (Meta's way), or day first when the days the file's name
    gives prove it.

    A spreadsheet set to read day first (French, Italian settings) re-saves 12/01/2025 as
    01/12/2025. When no day of the file is above 12, both readings read every cell, and month
    first put December's posts in January to September with nothing said. The name's days
    (``facebook_posts_2025-12-01_2025-12-31_2026-01-02.csv``) decide: day first is taken when
    more of its times fall in them (a day's slack on each side for the zones), noted.
    """
    win = range_from_name(ctx.file)
    if win is None:
        return utc, counts, _PUBLISH_FORMATS[0]
    lo = pd.Timestamp(win[0], tz="UTC") - pd.Timedelta(days=1)
    hi = pd.Timestamp(win[1], tz="UTC") + pd.Timedelta(days=2)
    first, last = utc.min(), utc.max()
    if pd.isna(first) or (first >= lo and last < hi):     # every time in the named days
        return utc, counts, _PUBLISH_FORMATS[0]
    known = utc.dropna()
    read = _read_day_first(values, seconds, ctx, **where)
    if read is None:                  # a day above 12: month first it is
        return utc, counts, _PUBLISH_FORMATS[0]
    other, other_counts = read
    inside = int(((known >= lo) & (known < hi)).sum())
    alt = other.dropna()
    alt_inside = int(((alt >= lo) & (alt < hi)).sum())
    if alt_inside <= inside:
        return utc, counts, _PUBLISH_FORMATS[0]
    ctx.note("publish_times_day_first", f"publish times such as {values.dropna().iloc[0]!r} "
             "read day first: the file was re-saved by a spreadsheet set to read day first, "
             f"and read month first, as Meta writes them, {len(known) - inside} of "
             f"{len(known)} fell outside the days its name gives ({win[0].isoformat()} to "
             f"{win[1].isoformat()}); day first, {len(alt) - alt_inside}", rows=len(alt))
    return other, other_counts, _DAY_FIRST


def _written_by(c: Candidate) -> pd.Timestamp | None:
    """The latest a file's posts can be published (UTC): the day its name gives (``…_2026-11-02
    .csv``), else its modification time (a copy's is later than the export, never earlier than
    its posts); None when neither is known."""
    named = snapshot_from_name(c.name)
    if named is not None or c.source.mtime is None:
        return named
    return pd.Timestamp(c.source.mtime, unit="s", tz="UTC")


def _day_first_unproved(utc: pd.Series, counts: dict[str, int],
                        values: pd.Series, seconds: bool, ctx: ParseContext,
                        id_times: pd.Series | None, written: pd.Timestamp | None = None,
                        **where) -> tuple[pd.Series, dict[str, int], str]:
    """The times read month first (Meta's way), or day first, when no day above 12 proves
    the order and the file's name gives no days.

    Meta writes ``MM/DD/YYYY`` in every interface language (reference §1.4, [C]). The times
    the Instagram ids (shortcodes) decode to, when more agree (within 2 h) with one reading
    than with the other, prove the order; else Meta's month first is read, noted at info
    level. The ``;`` separator proves nothing here: a spreadsheet set to read day first that
    opens Meta's text ``07/04/2026`` reads 7 April and saves it back as ``07/04/2026``, the
    same text, and leaves ``07/15/2026``, which it cannot read, as text: the text keeps
    Meta's month-first meaning either way (the separator is the daily files' evidence, whose
    ISO days a re-save writes in its own order). A workbook's date cells are put back by
    :func:`_spreadsheet_dates`, a file whose name gives days by :func:`_day_first_if_named`.
    Without the ids' word, ``written`` (:func:`_written_by`) may tell: an export holds no post
    published after it was written (a day's slack, :data:`EXPORT_SLACK`), so the reading
    that puts fewer posts after it is taken. ``12/10/2026`` of a file re-saved day first on 6
    December was read 10 December, four days after the file was written, and only an info
    note said the order was assumed. Only a file without a day above 12 pays: the first
    thousand times are looked at before all of them."""
    for part in (utc.head(1000), utc):
        if (part.dt.tz_convert(META_TZ).dt.day > 12).any():    # month first proved
            return utc, counts, _PUBLISH_FORMATS[0]
    read = _read_day_first(values, seconds, ctx, **where)
    if read is None:
        return utc, counts, _PUBLISH_FORMATS[0]
    other, other_counts = read
    if ((other == utc) | utc.isna()).all():          # 01/01, 02/02…: both readings agree
        return utc, counts, _PUBLISH_FORMATS[0]
    example = values[utc.notna()].iloc[0]
    if id_times is not None:
        def near(times: pd.Series) -> int:
            return int(((id_times - times).abs() <= pd.Timedelta(hours=2)).sum())
        month, day = near(utc), near(other)
        if day > month:
            ctx.note("publish_times_day_first", f"publish times such as {example!r} read day "
                     f"first: {day} of them are within 2 h of the time their Instagram id "
                     f"decodes to, month first (Meta's way) {month}; no day above 12 tells",
                     level="info", rows=int(other.notna().sum()))
            return other, other_counts, _DAY_FIRST
        if month > day:
            return utc, counts, _PUBLISH_FORMATS[0]
    if written is not None:
        month, day = (int((times > written + EXPORT_SLACK).sum()) for times in (utc, other))
        if day < month:
            ctx.note("publish_times_day_first", f"publish times such as {example!r} read day "
                     f"first: read month first (Meta's way), {month} would fall after the "
                     f"file was written ({written:%Y-%m-%d %H:%M} UTC, its name's day or else its "
                     f"modification time), day first {day}; no day above 12 tells",
                     level="info", rows=int(other.notna().sum()))
            return other, other_counts, _DAY_FIRST
    ctx.note("publish_times_order_assumed", f"publish times such as {example!r} read month "
             "first (MM/DD/YYYY), Meta's documented format in every interface language; no "
             "day above 12 shows it in this file", level="info", rows=int(utc.notna().sum()))
    return utc, counts, _PUBLISH_FORMATS[0]


def _serial_times(c: Candidate, cells: pd.Series, header: str | None,
                  ctx: ParseContext) -> pd.Series:
    """The publish times of a workbook, those stored as Excel serial numbers (``46322.4944``,
    a cell whose date format was cleared) as the date-times they stand for, in the workbook's
    date system (:func:`~._serials.excel_origin`): the wall time the spreadsheet showed, Meta's
    zone's, as a date cell's. Noted; a number no date could be is left to fail as it is."""
    is_num = isinstance_cells(cells, (int, float, np.number), exclude=bool)
    serial = pd.to_numeric(cells.where(is_num), errors="coerce").astype("float64")
    is_serial = serial.between(*SERIAL_DAYS).to_numpy(dtype=bool)
    if not is_serial.any():
        return cells
    origin = excel_origin(c.source.data)
    times = serial_datetimes(serial[is_serial], origin)
    fixed = cells.copy()
    fixed[is_serial] = list(times)
    system = "1904" if origin.startswith("1904") else "1900"
    ctx.note("excel_serial_dates", f"{header!r} holds Excel day numbers (a re-saved sheet, "
             f"such as {round(serial[is_serial].iloc[0], 4)}); read as dates of the {system} "
             "date system", level="info", rows=int(is_serial.sum()))
    return fixed


def _spreadsheet_dates(cells: pd.Series, ctx: ParseContext) -> pd.Series:
    """The publish times of a workbook, those a spreadsheet turned into dates written back as
    the text Meta wrote when the spreadsheet read them day first.

    Meta writes ``MM/DD/YYYY HH:MM`` in every language (reference §1.4). A spreadsheet set to
    read day first (French, Italian settings) turns ``03/05/2025 22:00`` into 3 May and leaves
    ``03/25/2025 22:00``, which it cannot read, as text: such a text cell proves the setting,
    and the dates (each of day 12 or less, as a misreading is) are written back day first,
    which gives Meta's text again. Without a proof the dates are read as stored, noted."""
    is_dt = isinstance_cells(cells, (pd.Timestamp, datetime.datetime)) & cells.notna()  # NaT
    if not is_dt.any():
        return cells
    proof = day_first_misreading(cells, is_dt)
    if proof is not None:
        fixed = cells.copy()
        fixed[is_dt] = list(pd.to_datetime(cells[is_dt].tolist()).strftime("%d/%m/%Y %H:%M"))
        n = int(is_dt.sum())
        times = counted(n, "publish time was a date", "publish times were dates")
        ctx.note("publish_times_day_first", f"{times} of a spreadsheet set to read day first "
                 f"(it left Meta's month-first {proof!r} as text): "
                 f"{agree(n, 'its', 'their')} day and month were put back as Meta wrote "
                 "them", rows=n)
        return fixed
    n = int(is_dt.sum())
    times = counted(n, "publish time is a date", "publish times are dates")
    ctx.note("publish_times_as_dates", f"{times} of a spreadsheet, read as stored: one set to "
             "read day first (French, Italian settings) swaps the day and month of Meta's "
             "MM/DD/YYYY times up to the 12th, and nothing in the file tells", rows=n)
    return cells


#: Meta's publish time, then how a spreadsheet re-saves it: US with AM/PM, day first (French,
#: Italian settings), German, ISO. A format is taken only when it reads every cell, so a day
#: first is proved by a cell whose first number is above 12 (month first is Meta's own).
_PUBLISH_FORMATS = ("%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M",
                    "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def _order_of(fmt: str) -> str:
    """The order of a date format's day, month and year, as a note says it: ``%d/%m/%Y
    %H:%M`` is "DMY" (05/09 the 5th of September), ``%m/%d/%Y`` "MDY" (the 9th of May)."""
    return "".join(re.findall(r"%([dmY])", fmt)).upper()


def _with_seconds(fmt: str, seconds: bool) -> str:
    return fmt.replace("%M", "%M:%S", 1) if seconds else fmt


#: how a spreadsheet set to read day first re-saves Meta's month-first publish times
_DAY_FIRST = "%d/%m/%Y %H:%M"


def _read_day_first(values: pd.Series, seconds: bool, ctx: ParseContext, **where
                    ) -> tuple[pd.Series, dict[str, int]] | None:
    """The times read day first (:data:`_DAY_FIRST`, with seconds when the file has them) and
    their counts, as :func:`parse_datetimes` gives them; None when a cell cannot be read so (a
    day above 12: month first it is)."""
    try:
        return parse_datetimes(values, _with_seconds(_DAY_FIRST, seconds), tz=META_TZ,
                               file=ctx.file, **where)
    except ParseError:
        return None


def _times_in_first_format(values: pd.Series, seconds: bool, **where
                           ) -> tuple[pd.Series, dict[str, int], str]:
    """The times read with the first of :data:`_PUBLISH_FORMATS` that reads every cell, and
    that format; when none does, the ParseError of the format that reads the most cells (Meta's
    own on a tie), naming that format's first bad cell.

    The cells prove the format: between month first and day first, the cells only one of them
    reads are those a number above 12 proves (``10/24`` month first, ``25/10`` day first). The
    rule used to be the format that read the most lines *before* its first bad cell: one
    hand-typed ``25/10/2026 03:00`` on line 4 of a Meta file read month first everywhere else
    was reported as line 5's correct ``10/24/2026 10:00`` not being day first. A day-first
    file with one impossible date (``31/04/2026``) is still told of that date."""
    errors = {}
    for fmt in _PUBLISH_FORMATS:
        try:
            utc, counts = parse_datetimes(values, _with_seconds(fmt, seconds), tz=META_TZ,
                                          **where)
        except ParseError as exc:
            errors[fmt] = exc
            continue
        return utc, counts, fmt
    read = {fmt: _cells_read(values, _with_seconds(fmt, seconds)) for fmt in errors}
    raise errors[max(read, key=read.__getitem__)]    # max keeps the first of a tie: Meta's


def _cells_read(values: pd.Series, fmt: str) -> int:
    """How many cells ``fmt`` reads, as written or with a two-digit year (a re-save's, which
    :func:`parse_datetimes` accepts). Only text is counted: a workbook's date cell, which
    every format takes, tells none apart. Python's strptime judges: ``31/04/2026`` is no date."""
    text = strip(values.where(isinstance_cells(values, str), "").astype("str"))
    read = pd.Series(False, index=values.index)
    for f in (fmt, fmt.replace("%Y", "%y")):
        read |= pd.to_datetime(text, format=f, errors="coerce").notna()
    return int(read.sum())


def _content_type(codes: np.ndarray, keys: pd.Index, permalink: pd.Series, ctx: ParseContext,
                  *, stories: bool, english: bool) -> pd.Series:
    """``content_type`` from the post types factorised (``codes`` into the lower-case ``keys``,
    -1 where empty): each distinct type is looked up once, not once per row. ``stories``: the
    file is a stories export, every row a story (:func:`_stories_only`). ``english``: the
    file's headers are English (:func:`_note_inferred`)."""
    if stories:
        return _stories_only(codes, keys, permalink, ctx)
    labels = [_TYPES.get(k) for k in keys]
    _note_inferred(codes, keys, labels, ctx, english=english)
    # a type not in the table whose one word besides the platform's name is (Italian
    # exports' "Carosello IG", "Carosello di Instagram": reference §2.3 gives no Italian
    # types) is read by that word, and the note says so
    by_word = {i: _type_by_word(k) for i, k in enumerate(keys) if labels[i] is None}
    by_word = {i: label for i, label in by_word.items() if label is not None}
    if by_word:
        for i, label in by_word.items():
            labels[i] = label
        count = int(np.isin(codes, list(by_word)).sum())
        read = ", ".join(f"{keys[i]!r} as {label!r}" for i, label in sorted(
            by_word.items(), key=lambda kv: keys[kv[0]])[:5])
        ctx.note("post_type_by_word", f"{counted(count, 'post has', 'posts have')} a post "
                 f"type the table does not list, read by its word: {read}", level="info",
                 rows=count)
    unknown = [i for i, label in enumerate(labels) if label is None]
    if unknown:
        count = int(np.isin(codes, unknown).sum())
        vals = sorted(keys[i] for i in unknown)[:5]
        ctx.note("unknown_post_type", f"{counted(count, 'post has', 'posts have')} an "
                 f"unknown post type {vals!r}; content_type set to 'other' ('reel' where the "
                 "permalink is a /reel/ link, 'story' where it is a /stories/ one)", rows=count)
    # each row as a position in labels + [no type, "reel", "story"]; a video, a post without
    # a type or of a type not known (a language's word not in the table), whose permalink is
    # a /reel/ one is a reel: only those rows' permalinks are searched. A post without a type
    # or of one not known whose permalink is a /stories/ one is a story (an Instagram link
    # under /stories/ is one, as one under /reel/ is a reel)
    may_be_reel = np.array([label in ("video", None) for label in labels] + [True, False, False])
    may_be_story = np.array([label is None for label in labels] + [True, False, False])
    labels = [label or "other" for label in labels]
    no_type, reel, story = len(labels), len(labels) + 1, len(labels) + 2
    rows = np.where(codes < 0, no_type, codes)
    candidates = may_be_story[rows]
    rows[np.flatnonzero(candidates)[contains(permalink[candidates], "/stories/")]] = story
    candidates = may_be_reel[rows]
    rows[np.flatnonzero(candidates)[contains(permalink[candidates], "/reel/")]] = reel
    return pd.Series(_categorical(labels + [None, "reel", "story"], rows),
                     index=permalink.index)


def _stories_only(codes: np.ndarray, keys: pd.Index, permalink: pd.Series, ctx: ParseContext
                  ) -> pd.Series:
    """Every row of a stories export a story: the format holds stories only, so a type the
    table does not know (an Italian "Storia IG" before the word was in it, a language not
    known yet) is one, and so is a row without a type. A type that names another content
    ("IG reel": a reel shared to the story) is noted, the row still a story."""
    other = {k: label for k in keys
             if (label := _TYPES.get(k) or _type_by_word(k) or _INFERRED_TYPES.get(k))
             not in (None, "story")}
    if other:
        count = int(np.isin(codes, [keys.get_loc(k) for k in other]).sum())
        named = ", ".join(f"{k!r} ({label})" for k, label in sorted(other.items())[:5])
        ctx.note("story_type_other", f"{counted(count, 'row', 'rows')} of a stories export "
                 f"{agree(count, 'has', 'have')} a post type of another content: {named}; "
                 f"counted as {agree(count, 'a story', 'stories')}, the export holding stories "
                 "only", rows=count)
    return pd.Series(_categorical(["story"], np.zeros(len(codes), dtype=np.intp)),
                     index=permalink.index)


def _categorical(names: list[str | None], rows: np.ndarray) -> pd.Categorical:
    """``names[rows]`` as the canonical ``category`` column (``schema.conform``'s cast of
    its text: the names used, sorted, as ``string`` categories; None missing), made from
    the few names rather than cast from a million cells of text (30 ms)."""
    used = np.flatnonzero(np.bincount(rows, minlength=len(names)))
    categories = sorted({names[i] for i in used} - {None})
    code_of = np.array([categories.index(n) if n in categories else -1 for n in names])
    return pd.Categorical.from_codes(code_of[rows], dtype=pd.CategoricalDtype(
        pd.Index(categories, dtype="string")))


def _note_inferred(codes: np.ndarray, keys: pd.Index, labels: list[str | None],
                   ctx: ParseContext, *, english: bool) -> None:
    """Give ``labels`` (one per post type of ``keys``) the types :data:`_INFERRED_TYPES`
    infers, noted at info level with the posts they class: a French export's "Réel" was an
    unknown type, its posts "other" with a warning, where the word means reel. In a file of
    English headers (``english``) an English word (:data:`_ENGLISH_WORDS`) is not inferred:
    an English export's "Post" was read as the Italian word, noted as a type of a language
    whose types are not confirmed, where it is no type the reference knows in English."""
    inferred = {i: _INFERRED_TYPES[k] for i, k in enumerate(keys)
                if labels[i] is None and k in _INFERRED_TYPES
                and not (english and k in _ENGLISH_WORDS)}
    if not inferred:
        return
    for i, label in inferred.items():
        labels[i] = label
    count = int(np.isin(codes, list(inferred)).sum())
    read = ", ".join(f"{keys[i]!r} as {label!r}" for i, label in sorted(
        inferred.items(), key=lambda kv: keys[kv[0]]))
    ctx.note("post_type_inferred", f"{counted(count, 'post has', 'posts have')} a post type "
             f"of a language whose exports' types are not confirmed, read as its word means: "
             f"{read}",
             level="info", rows=count)


def _english(match: HeaderMatch) -> bool:
    """Whether a file's headers are English: no header specific to another language matched
    (:attr:`~._headers.HeaderMatch.locale`, English by default)."""
    return match.locale == LOCALES["en"]


def _type_by_word(key: str) -> str | None:
    """The content type of a post type made of one type word of :data:`_TYPES` and words of
    :data:`_TYPE_FRAME` (``"carosello di instagram"`` → carousel); None otherwise."""
    words = [w for w in key.replace("'", " ").split() if w not in _TYPE_FRAME]
    return _TYPES.get(words[0]) if len(words) == 1 else None


def _note_undated(ctx: ParseContext, missing_time: pd.Series, post_id: pd.Series) -> None:
    """Note the posts without a publish time. A 'Total' row without a time is no post:
    dropped before the parse (``_summary``), or, its link filled, when the table is finished
    (``_finish.finish``), and not counted here."""
    if not missing_time.any():
        return
    pos = np.flatnonzero(missing_time.to_numpy())
    undated = len(pos) - int(summary_cells(post_id.iloc[pos]).sum())
    if undated:
        ctx.note("missing_publish_time", f"{counted(undated, 'post has', 'posts have')} no "
                 "publish time", rows=undated)


def _longer(title: pd.Series, desc: pd.Series) -> pd.Series:
    """Row by row, the description where it is longer than the title, else the title (a
    missing text counts as empty), chosen by Arrow without a copy of either column."""
    a, b = arrow_text(title), arrow_text(desc)
    if a is None or b is None:
        longer = desc.str.len().fillna(0) > title.str.len().fillna(0)
        return title.where(~longer, desc)
    longer = pc.greater(pc.fill_null(pc.utf8_length(b), 0), pc.fill_null(pc.utf8_length(a), 0))
    if not pc.any(longer).as_py():      # no description is longer: the titles, as they are
        return title.copy(deep=False)
    return pd.Series(pd.array(pc.if_else(longer, b, a), dtype="string"), index=title.index)


def _id_times(permalink: pd.Series, is_ig: pd.Series) -> pd.Series:
    """The times the Instagram posts' shortcodes (in their ``permalink``) decode to, NaT
    elsewhere (a Facebook id tells no time)."""
    decoded = pd.Series(pd.NaT, index=permalink.index, dtype="datetime64[ns, UTC]")
    if is_ig.any():
        ig_links = permalink[is_ig].fillna("")
        decoded[is_ig] = instagram_shortcode_time(instagram_shortcode(ig_links).fillna(""))
    return decoded


def _times_from_ids(decoded: pd.Series, export_time: pd.Series,
                    ctx: ParseContext) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Ids' times kept within 2 h of the export's: its zone is known, but an autumn hour repeats.

    The posts' publish times, their precision and their source: the time an Instagram
    post's shortcode decodes to (``decoded``, :func:`_id_times`), to the second, where it is
    within 2 h of the export's minute (``export_time``), else the export's; precision and
    source missing where the post has no time. Shortcodes more than 2 h off are noted, the
    export's time kept, and so are times in the repeated autumn hour."""
    if not decoded.notna().any():     # no id tells a time (a Facebook export): the export's
        agree = pd.Series(False, index=export_time.index)
        published = export_time
    else:
        agree = decoded.notna() & export_time.notna() & (
            (decoded - export_time).abs() <= pd.Timedelta(hours=2))
        disagree = decoded.notna() & export_time.notna() & ~agree
        if disagree.any():
            n = int(disagree.sum())
            codes = counted(n, "Instagram shortcode decodes", "Instagram shortcodes decode")
            ctx.note("id_time_disagrees", f"{codes} to a time more than 2 h from the export's "
                     "publish time; the export time was kept", rows=n)
        published = export_time.where(~agree, decoded.dt.floor("s"))
    # a wall time of the repeated autumn hour is read at its first occurrence; the shortcode's
    # time, when it agrees, may be the second one, an hour later: the note says which each got
    repeated = _in_repeated_hour(export_time)
    if repeated.any():
        second = repeated & agree & (published - export_time >= pd.Timedelta(minutes=30))
        _note_repeated_hour(ctx, int((repeated & ~second).sum()), int(second.sum()))
    precision = two_labels(agree, "second", "minute")
    source = two_labels(agree, "decoded_id", "export")
    missing_time = published.isna()
    return published, precision.mask(missing_time), source.mask(missing_time)


#: the text fields :func:`_described` reads
_DESCRIBED_TEXTS = ["permalink", "post_type", "account_handle", "title", "description",
                    "account_id", "account_name", "post_id"]


def _described(c: Candidate, ctx: ParseContext, story: bool, text: dict[str, pd.Series]
               ) -> tuple[dict[str, pd.Series], pd.Series, pd.Series]:
    """The posts' columns other than their numbers, in the frame's order: what they are, where
    and when (their platform, ids, link, caption, publish time and content type); and the raw
    post type and Instagram handle, which the frame holds after the numbers. ``text``: the
    fields :data:`_DESCRIBED_TEXTS` as :meth:`~._candidate.Candidate.texts_of` reads them."""
    permalink, raw_type, handle = text["permalink"], text["post_type"], text["account_handle"]
    type_codes, type_keys = pd.factorize(raw_type.str.lower())
    ig_type = np.array([k.startswith("ig ") or "instagram" in k for k in type_keys] + [False])
    is_ig = pd.Series(contains(permalink, "instagram.com") | ig_type[type_codes]
                      | handle.notna().to_numpy(), index=permalink.index)
    if story:
        is_ig = pd.Series(True, index=is_ig.index)
    platform = _cut_row_platform(c, ctx, two_labels(is_ig, "instagram", "facebook"), story)

    decoded = _id_times(permalink, is_ig)
    export_time = _publish_times(c, ctx, note_repeated_hour=False,
                                 id_times=decoded if is_ig.any() else None)
    published, precision, source = _times_from_ids(decoded, export_time, ctx)
    _note_undated(ctx, published.isna(), text["post_id"])

    caption = _longer(text["title"], text["description"])

    # the columns are gathered first and framed once without copies: adding them one by one
    # copies each (pandas 3), a hundred MB for a million rows
    cols = {
        "platform": platform,
        "account_id": text["account_id"],
        "account_name": text["account_name"],
        "post_id": text["post_id"],
        "permalink": permalink,
        "caption": caption,
        "published_at": published,
        "time_precision": precision,
        "time_source": source,
        "content_type": _content_type(type_codes, type_keys, permalink, ctx, stories=story,
                                      english=_english(c.match(F))),
    }
    return cols, raw_type, handle


#: the fields whose cells tell an Instagram row of the posts export from a Facebook one
_PLATFORM_FIELDS = ("permalink", "post_type", "account_handle")


def _cut_row_platform(c: Candidate, ctx: ParseContext, platform: pd.Series, story: bool
                      ) -> pd.Series:
    """``platform`` with the last row's left missing when the file was cut off inside that
    row before every cell that tells its platform (the link, the post type, the handle) and
    its name says neither platform: a row is Facebook's only for want of Instagram's cells,
    and a cut row lacks them whichever it was. An Instagram row cut inside its ``Account ID``
    of an export mixing both was read as a Facebook post; the merge takes the platform of an
    older row of its id (``_merge._cut_post``), else it stays unknown, noted on the cut.
    A row cut inside its id is no row of the frame (every cell left empty, skipped)."""
    cut = c.table.cut_row
    if story or cut is None or not len(platform) or platform.iloc[-1] == "instagram":
        return platform
    columns = c.match(F).columns
    ids = columns.get("post_id") or []
    told = [k for f in _PLATFORM_FIELDS for k in columns.get(f) or []]
    if not ids or min(ids) >= cut[1] or any(k < cut[1] for k in told):
        return platform
    named = facebook_or_instagram(c)
    if named is not None:
        out = platform.copy()
        out.iloc[-1] = named
        ctx.log.amend_last(ctx.file, "file_cut_off", f"; its platform, {shown_platform(named)}"
                           ", is the one the file's name says (the cells telling it were cut)")
        return out
    out = platform.astype("string").astype("category")
    out.iloc[-1] = pd.NA
    ctx.log.amend_last(ctx.file, "file_cut_off", "; its platform, Facebook or Instagram, is "
                       "left unknown: the cells that tell it (link, post type, account "
                       "username) were cut and the file's name says neither")
    return out


def _parse_posts(c: Candidate, ctx: ParseContext, *, story: bool = False) -> list[pd.DataFrame]:
    m = c.match(F)
    # every number column this function uses, in the order it uses them (the first bad one
    # raises); views from boosted posts only stand in for reach when reach is absent
    boosted_field = "reach_boosted" if m.has("reach_boosted") else "views_boosted"
    numeric = [*_DIRECT, "reactions", "likes", boosted_field, "neg_hide_all",
               "neg_hide", *_EXTRA_NUMERIC]
    c.expect_numbers(F, numeric)
    n = c.table.n_rows
    # the texts are read first, on two threads; the number columns are then converted on
    # other threads while the publish times, captions and content types are read here, on
    # one (converted beside the texts, the numbers were done before them, and the rest of
    # the parse ran on one core while the other idled)
    text = c.texts_of(F, _DESCRIBED_TEXTS)
    with c.numbers_meanwhile(F, numeric) as numbers:
        cols, raw_type, handle = _described(c, ctx, story, text)
        nums = numbers()
    platform = cols["platform"]
    for canon in _DIRECT:
        v = nums[canon]
        if v is not None:
            cols[canon] = v.array
    reactions, likes = nums["reactions"], nums["likes"]
    if reactions is not None or likes is not None:
        r = reactions if reactions is not None else likes
        if reactions is not None and likes is not None:
            r = reactions.fillna(likes)
        cols["reactions"] = r.array
    boosted = nums[boosted_field]
    cols["paid"] = ((boosted > 0).astype("boolean").array if boosted is not None
                    else pd.array([pd.NA] * n, dtype="boolean"))
    cols["content_type_raw"] = raw_type
    cols["account_handle"] = handle
    neg = [v for v in (nums["neg_hide_all"], nums["neg_hide"]) if v is not None]
    cols["negative_feedback"] = (row_sum(pd.concat(neg, axis=1)).array if neg
                                 else pd.array([pd.NA] * n, dtype="Float64"))
    if story and "comments" not in cols and nums["replies"] is not None:
        # a story has no comments: its replies are them (reference §2.2, the column where
        # feed posts have Comments); kept aside, they were left out of its interactions
        cols["comments"] = nums["replies"].array
        nums["replies"] = None
    for extra in _EXTRA_NUMERIC:
        v = nums[extra]
        if v is not None:
            cols[extra] = v.array

    out = pd.DataFrame(cols, copy=False)

    _check_window(c, ctx)
    unreliable = _damaged_ids(c, out["post_id"], ctx)
    out["account_id"] = _without_damaged_accounts(c, out, ctx, cut_here=bool(unreliable))
    _note_header(m, ctx)
    if unreliable:       # the merge does not match posts by these ids (_merge.merge_table)
        out.attrs["unreliable_ids"] = unreliable
    out.attrs.update(kind="posts", source_locale=m.locale, source_tz=META_TZ,
                     platform=str(platform.iloc[0]) if n else _platform_of_no_posts(
                         m, c, story))
    return [out]


def _note_header(m: HeaderMatch, ctx: ParseContext) -> None:
    """Note, for information, what a posts export's header says of how it was read: columns
    not used, Impressions apart from Views (an export before 2025), fields repeated in two
    languages and coalesced."""
    note_extra_columns(ctx, m.unknown)
    if m.has("impressions") and not m.has("views"):
        ctx.note("impressions_era", "pre-2025 export: Impressions kept apart from Views",
                 level="info")
    if len(m.columns.get("post_type", [])) > 1 or len(m.columns.get("post_id", [])) > 1:
        ctx.note("bilingual_headers", "the file repeats fields in two languages; the columns "
                 "were coalesced (first non-empty cell wins)", level="info")


def _platform_of_no_posts(m, c: Candidate, story: bool) -> str | None:
    """Whose posts export without rows it is, which the files table records so that an
    export of a month without posts covers that month for its platform
    (``dataset._file_platforms``): Instagram when its headers name a field only Instagram's
    exports have (the account's username, saves), else the platform its file's name says,
    else None (nobody's: a Spanish Instagram export, whose username header is not known,
    was taken for Facebook's and made November 0 Facebook posts)."""
    if story or m.has("account_handle") or m.has("saves"):
        return "instagram"
    return facebook_or_instagram(c)


def _damaged_ids(c: Candidate, ids: pd.Series, ctx: ParseContext) -> list[str]:
    """The post ids a spreadsheet damaged, sorted: written in scientific notation or as a
    formatted number (``8,383,178,366,578,860``), stored as numbers in a workbook, where
    Excel keeps 15 of their 16 or more digits (:func:`~._ids.stored_rounded`), or written
    back as digits cut to those 15 (:func:`~._ids.cut_to_15_digits`: the same posts in
    another export counted twice). Those and the posts without an id are noted."""
    no_id = ids.isna()
    if no_id.any():
        ctx.note("post_id_missing", f"{counted(int(no_id.sum()), 'row has', 'rows have')} no "
                 "post id; kept, but they cannot be matched across exports",
                 rows=int(no_id.sum()))
    sci = rounded_ids(ids, c.col(F, "post_id"))
    cut = cut_to_15_digits(ids) & ~sci
    damaged = sci | cut
    if not damaged.any():
        return []
    unreliable = sorted(set(ids[damaged].dropna()))
    how = ([f"{int(sci.sum())} in scientific notation, formatted or stored as numbers by a "
            "spreadsheet, which rounds long ids"] if sci.any() else []) + (
        [f"{int(cut.sum())} ending in zeros past the 15th digit, as a spreadsheet that "
         "keeps 15 digits writes them back"] if cut.any() else [])
    ids_were = counted(int(damaged.sum()), "post id was", "post ids were")
    ctx.note("post_id_damaged", f"{ids_were} rounded by a spreadsheet ({'; '.join(how)}; such "
             f"as {unreliable[0]!r}): matched by the post's link, not its id (a post without a "
             "link, with no other post)",
             rows=int(damaged.sum()))
    return unreliable


def _without_damaged_accounts(c: Candidate, posts: pd.DataFrame, ctx: ParseContext, *,
                              cut_here: bool) -> pd.Series:
    """The posts' account ids without those a spreadsheet damaged, noted
    (``account_id_damaged``): an id of a Page or an Instagram account is as long as a post's
    and is rounded with it, ``104938275516283`` written ``1,04938E+14`` by Excel,
    ``17841402958311467`` kept to 15 digits ``17841402958311500`` by Google Sheets. Taken as
    it stands, it named a second account: the one account's posts of a month counted as two
    accounts' (posts a week halved) or left out as another account's. The rows keep their
    Page name and handle, by which ``_accounts.ids_from_names`` gives them the id the other
    exports write for it, when one does (the note does not presume it: alone, the posts
    keep no id).

    Damaged: in scientific notation or stored as a number of more than 15 digits
    (:func:`~._ids.rounded_ids`), or of 16 digits or more all 0 past the 15th when the same
    spreadsheet cut the file's post ids (``cut_here``) or the account ids add up to enough
    zeros (:func:`~._ids.cut_to_15_digits`, over each distinct id once: one account's id
    repeated on every row is one id ending in zeros, which an exact id may do by chance).
    """
    ids = posts["account_id"]
    codes, uniques = pd.factorize(ids)
    distinct = pd.Series(uniques, dtype="string")
    cut = distinct.str.fullmatch(r"\d{15}0+").fillna(False).to_numpy(bool)
    if not cut_here:
        cut &= cut_to_15_digits(distinct)
    # the text's marks once per distinct id (the regex over 1M rows of one Page was 0.07 s),
    # a workbook's numbers per cell
    damaged = np.append(cut | rounded_ids(distinct, None), False)[codes]
    if (cells := c.col(F, "account_id")) is not None:
        damaged |= stored_rounded(cells)
    if not damaged.any():
        return ids
    n = int(damaged.sum())
    told_by = [what for col, what in (("account_handle", "handle"), ("account_name", "name"))
               if posts[col].loc[damaged].notna().any()]
    one = n == 1
    whose = "1 post's" if one else f"{n} posts'"
    ctx.note("account_id_damaged", f"{whose} account id was "
             f"rounded by a spreadsheet (such as {ids[damaged].iloc[0]!r}): it names no account "
             "and was left out; "
             + (f"{'it keeps its' if one else 'they keep their'} {' and '.join(told_by)}, by "
                "which an export of the same account that writes its id gives it back "
                "(account_id_from_name says when one did)" if told_by
                else f"{'its' if one else 'their'} account is unknown"), rows=n)
    return ids.mask(damaged)


def _check_window(c: Candidate, ctx: ParseContext) -> None:
    win = c.col(F, "date_window")
    if win is None:
        return
    vals = {normalize(v) for v in win.astype("str").unique()} - _LIFETIME
    if vals:
        ctx.note("date_window", f"the Date column holds {sorted(vals)[:3]!r}, not 'Lifetime'; "
                 "metrics are taken as lifetime totals at export time", level="info")


def _parse_story(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    return _parse_posts(c, ctx, story=True)


# ---------------------------------------------------------------- legacy Insights export

FL = "meta_legacy"
#: legacy fields read as numbers; ``likes`` (stories by action type) become ``reactions``
_LEGACY_DIRECT = ("reach", "impressions", "comments", "shares")
_LEGACY_EXTRA = ("reach_organic", "reach_paid", "impressions_organic", "impressions_paid",
                 "engaged_users", "consumers", "consumptions", "impressions_fans", "reach_fans",
                 "engaged_fans", "video_views_organic", "video_views_paid")
_LEGACY_METRICS = (*_LEGACY_DIRECT, "likes", *_LEGACY_EXTRA)
#: a legacy post table has at least one of these "Lifetime …" columns
_LEGACY_MARKERS = ("reach", "impressions", "engaged_users", "consumers", "consumptions")
#: the workbook sheet of the stories by action type, its name cut to 31 characters by Excel
_STORIES_SHEET = "lifetime post stories by act"
_STORY_COLUMNS = {"like": "likes", "comment": "comments", "share": "shares"}
_LEGACY_FILE = re.compile(r"Facebook Insights Data Export \(Post Level\) - (.+?) - ",
                          re.IGNORECASE)
_UNIT = re.compile(r"\(([^()]*)\)\s*$")
_LETTERS = re.compile(r"[A-Za-z]")


def _detect_legacy(c: Candidate) -> float:
    m = c.match(FL)
    if not m.has("publish_time") or not m.any(*_LEGACY_MARKERS):
        return 0.0
    return 0.6 + (0.2 if m.has("post_id") else 0.0) + (0.15 if m.has("permalink") else 0.0)


def _cell_str(v: object) -> str:
    return "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)


def _description_row(table: RawTable, positions: list[int]) -> list[str] | None:
    """The first row's cells when it holds Facebook's description of each metric
    (``Lifetime: The total number of people your Page post was served to. (Unique Users)``)
    instead of a post: a cell of a metric column (``positions``) with letters in it."""
    if not table.n_rows or not positions:
        return None
    first = [_cell_str(v) for v in table.frame.iloc[0].tolist()]
    return first if any(_LETTERS.search(first[p]) for p in positions) else None


def _legacy_header(header: list[str], desc: list[str] | None) -> list[str]:
    """The headers with each repeated one told apart. Facebook writes some twice, a total count
    then a count of unique users (``Lifetime Organic Video Views``): the column whose
    description ends with ``(Total Count)`` (else the first) keeps the header; the others get
    the unit their description ends with (else their rank) appended, and are not read."""
    out = list(header)
    groups: dict[str, list[int]] = {}
    for i, h in enumerate(header):
        if normalize(h):
            groups.setdefault(normalize(h), []).append(i)
    for pos in groups.values():
        if len(pos) < 2:
            continue
        total = [i for i in pos if desc and normalize(desc[i]).endswith("(total count)")]
        keep = total[0] if total else pos[0]
        for rank, i in enumerate((p for p in pos if p != keep), start=2):
            unit = _UNIT.search(desc[i]) if desc else None
            out[i] = f"{header[i]} ({unit.group(1) if unit else rank})"
    return out


def _retabled(c: Candidate, header: list[str], *, skip_first: bool) -> Candidate:
    """``c`` with new headers and, with ``skip_first``, without its first row; line numbers in
    errors stay those of the file."""
    t = c.table
    frame = t.frame.iloc[1:] if skip_first else t.frame
    table = RawTable(source=t.source, header=header,
                     first_line=t.first_line + (1 if skip_first else 0), meta=t.meta,
                     delimiter=t.delimiter, encoding=t.encoding, sheet=t.sheet,
                     first_column=t.first_column, rows=frame.to_numpy(dtype=object).tolist(),
                     log=t.log)
    return Candidate(c.source, table, c.tables)


def _legacy_table(c: Candidate, ctx: ParseContext | None,
                  positions: list[int]) -> tuple[Candidate, list[str] | None]:
    """``c`` without its description row (noted when ``ctx`` is given) and with its repeated
    headers told apart; and the descriptions (None when the file has no such row)."""
    desc = _description_row(c.table, positions)
    header = _legacy_header(c.header, desc)
    if desc is not None and ctx is not None:
        sample = next((d for d in desc if _LETTERS.search(d)), "")
        where = "row" if c.table.sheet else "line"     # the note names the sheet itself
        ctx.note("legacy_description_row", f"the row under the headers ({where} "
                 f"{c.table.first_line + 1}) holds Facebook's description of each metric "
                 f"({sample[:60]!r}…), not a post: it was not read", level="info", rows=1)
    if desc is None and header == c.header:
        return c, None
    return _retabled(c, header, skip_first=desc is not None), desc


def _metric_positions(c: Candidate) -> list[int]:
    m = c.match(FL)
    return [p for name in _LEGACY_METRICS for p in m.columns.get(name, [])]


def _stories_sheet(c: Candidate) -> Candidate | None:
    """The workbook's sheet of the stories by action type (``like``, ``comment``, ``share``
    per post), when the workbook has one."""
    for t in c.tables:
        if t is c.table or not t.sheet or not normalize(t.sheet).startswith(_STORIES_SHEET):
            continue
        sheet = Candidate(c.source, t, c.tables)
        if sheet.match(FL).has("post_id") and any(h in _STORY_COLUMNS for h in t.norm):
            return sheet
    return None


def _stories_by_post(sheet: Candidate, post_id: pd.Series) -> dict[str, pd.Series]:
    """The like / comment / share counts of ``sheet``, without its description row, row by
    row of ``post_id``. A cell that is no number raises ParseError naming its own row and
    cell on that sheet: the registry names those of the posts' sheet, read with it."""
    positions = [i for i, h in enumerate(sheet.table.norm) if h in _STORY_COLUMNS]
    try:
        return _story_counts(_legacy_table(sheet, None, positions)[0], post_id)
    except ParseError as exc:
        raise sheet.table.relocated(exc) from None


def _story_counts(sheet: Candidate, post_id: pd.Series) -> dict[str, pd.Series]:
    """The like / comment / share counts of ``sheet`` (its description row left out), row
    by row of ``post_id``."""
    from ._numbers import parse_numbers

    ids = sheet.text(FL, "post_id")
    out = {}
    for pos, h in enumerate(sheet.table.norm):
        if h in _STORY_COLUMNS and _STORY_COLUMNS[h] not in out:
            values = parse_numbers(sheet.table.column(pos), file=sheet.name,
                                   column=sheet.header[pos],
                                   first_line=sheet.table.first_line + 1, percent_cells=False)
            by_id = pd.Series(values.array, index=ids.array).loc[lambda v: v.index.notna()]
            by_id = by_id[~by_id.index.duplicated()]
            out[_STORY_COLUMNS[h]] = pd.Series(by_id.reindex(post_id.array).array,
                                               index=post_id.index, dtype="Float64")
    return out


def _parse_legacy(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    c, _ = _legacy_table(c, ctx, _metric_positions(c))
    m = c.match(FL)
    n = c.table.n_rows
    text = c.texts_of(FL, ["post_id", "permalink", "caption", "post_type"])
    post_id, permalink, raw_type = text["post_id"], text["permalink"], text["post_type"]
    published = _publish_times(c, ctx, FL)
    _note_undated(ctx, published.isna(), post_id)
    type_codes, type_keys = pd.factorize(raw_type.str.lower())
    name = _LEGACY_FILE.search(c.basename)
    cols = {
        "platform": pd.Series("facebook", index=post_id.index, dtype="category"),
        # the Post ID is "<page id>_<post id>"
        "account_id": post_id.str.extract(r"^(\d+)_\d+$", expand=False).astype("string"),
        "account_name": pd.Series(name.group(1).strip() if name else pd.NA,
                                  index=post_id.index, dtype="string"),
        "post_id": post_id,
        "permalink": permalink,
        "caption": text["caption"],
        "published_at": published,
        "time_precision": pd.Series("minute", index=post_id.index,
                                    dtype="category").mask(published.isna()),
        "time_source": pd.Series("export", index=post_id.index,
                                 dtype="category").mask(published.isna()),
        "content_type": _content_type(type_codes, type_keys, permalink, ctx, stories=False,
                                      english=_english(c.match(FL))),
        "content_type_raw": raw_type,
    }
    nums = c.numbers_of(FL, list(_LEGACY_METRICS))
    mapped = []
    if not m.any("likes", "comments", "shares"):
        sheet = _stories_sheet(c)
        if sheet is not None:
            nums.update(_stories_by_post(sheet, post_id))
    for canon in _LEGACY_DIRECT:
        if nums.get(canon) is not None:
            cols[canon] = nums[canon].array
    if nums.get("likes") is not None:
        cols["reactions"] = nums["likes"].array
    if any(nums.get(k) is not None for k in ("likes", "comments", "shares")):
        mapped.append("the stories by action type like, comment and share were read as "
                      "reactions, comments and shares (one story per action, inferred)")
    views = [nums[k] for k in ("video_views_organic", "video_views_paid")
             if nums.get(k) is not None]
    if views:
        cols["video_views"] = row_sum(pd.concat(views, axis=1)).array
        mapped.append("video_views = organic + paid video views (viewed 3 seconds or more)")
    paid = nums.get("reach_paid")
    paid = paid if paid is not None else nums.get("impressions_paid")
    cols["paid"] = ((paid > 0).astype("boolean").array if paid is not None
                    else pd.array([pd.NA] * n, dtype="boolean"))
    kept = [k for k in _LEGACY_EXTRA if nums.get(k) is not None]
    for k in kept:
        cols[k] = nums[k].array
    unmatched = [k for k in ("engaged_users", "consumers", "consumptions") if k in kept]
    if unmatched:
        mapped.append(f"{', '.join(unmatched)} kept as extra columns: no canonical metric "
                      "counts the same (engaged users and consumers are people who clicked "
                      "anywhere in the post, consumptions their clicks)")
    out = pd.DataFrame(cols, copy=False)
    ctx.note("legacy_insights_export", "legacy Facebook Insights post export (before Meta "
             "Business Suite): publish times read as America/Los_Angeles"
             + "".join(f"; {what}" for what in mapped), level="info")
    note_extra_columns(ctx, m.unknown)
    if m.has("impressions"):
        ctx.note("impressions_era", "pre-2025 export: Impressions kept apart from Views",
                 level="info")
    out.attrs.update(kind="posts", source_locale="en-US", source_tz=META_TZ,
                     platform="facebook")
    return [out]


def _detect_legacy_sheet(c: Candidate) -> float:
    """A sheet of the legacy workbook that breaks one metric down by type (``like``,
    ``comment``, ``share``; ``link clicks``, ``photo view``…), beside its ``Key Metrics``."""
    m = c.match(FL)
    if not c.table.sheet or not m.has("post_id", "publish_time") or m.any(*_LEGACY_MARKERS):
        return 0.0
    others = (Candidate(c.source, t, c.tables) for t in c.tables if t is not c.table)
    return 0.9 if any(_detect_legacy(o) for o in others) else 0.0


def _parse_legacy_sheet(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    m = c.match(FL)
    known = {p for ps in m.columns.values() for p in ps}
    rest = [h for i, h in enumerate(c.header) if i not in known and normalize(h) not in
            {"countries", "languages", "audience targeting"} and h]
    if normalize(c.table.sheet).startswith(_STORIES_SHEET) and any(
            h in _STORY_COLUMNS for h in c.norm):
        what = "its like, comment and share counts were read with the posts' other metrics"
    else:
        what = f"its columns {rest[:8]!r} break a metric down by type and were not read"
    ctx.note("legacy_breakdown_sheet", f"a sheet of a legacy Facebook Insights workbook: "
             f"{what}", level="info")
    return []


# ---------------------------------------------------------------- daily

def _daily_platform(title: str, c: Candidate) -> str | None:
    t = normalize(title)
    for key, plat in (("instagram", "instagram"), ("facebook", "facebook")):
        if key in t:
            return plat
    return facebook_or_instagram(c)


def _note_chart_workbook(c: Candidate, title: str, ctx: ParseContext) -> None:
    """Note that a chart saved as a workbook had its metric taken on trust from the sheet's
    one text cell above the header, where Meta's CSV has its title line after ``sep=``: a
    cell the analyst typed there (a note of theirs) would be read as the metric."""
    ctx.note("chart_title_from_sheet", f"a Meta daily chart saved as a workbook: its metric "
             f"read from {title!r}, the one cell above its header (row "
             f"{c.meta.get('title_line', '?')}), as the chart's title line", level="info")


#: the languages a daily chart's header cell is a word of: the days' column (Meta's
#: ``Date``, the words :func:`_detect_daily` takes) and the values' (``Primary``)
_DAILY_HEADER_LANGS = {
    "date": {"en", "fr"}, "data": {"it", "pt"}, "fecha": {"es"}, "datum": {"de", "nl"},
    "primary": {"en"}, "principale": {"it", "fr"}, "principal": {"fr", "es", "pt"},
    "primario": {"it", "es"}, "valore": {"it"}, "valeur": {"fr"}, "valor": {"es", "pt"},
    "wert": {"de"}, "waarde": {"nl"}}


def _daily_locale(hit: HeaderMatch, c: Candidate) -> tuple[str, str | None]:
    """The locale of a daily chart: its title's, when the title is a series of one language
    (``Copertura``: it-IT), else the one language both header cells are words of
    (``"Data","Principale"``: it-IT; Meta's ``"Date","Primary"``: en-US), else ``und``
    (BCP-47's undetermined). An Italian chart under a title no synonym knew was said to be
    en-US. With ``und``, what is known of the title and headers (:func:`_why_no_locale`);
    else None."""
    if hit.languages:
        return hit.locale, None
    langs = set(LOCALES)
    for word in c.norm:
        langs &= _DAILY_HEADER_LANGS.get(word, langs)
    if len(langs) == 1:
        return LOCALES[langs.pop()], None
    return "und", _why_no_locale(c)


def _why_no_locale(c: Candidate) -> str:
    """Why a daily chart's language is not known, for ``smm inspect`` to say rather than a
    bare ``und``: "title 'Follower di Facebook' not recognised; 'Data' is Italian or
    Portuguese, 'Totale' not recognised"."""
    def said(header: str, word: str) -> str:
        langs = sorted(_DAILY_HEADER_LANGS.get(word, ()), key=list(LOCALES).index)
        if not langs:
            return f"{header!r} not recognised"
        return f"{header!r} is {' or '.join(LANGUAGE_NAMES[lang] for lang in langs)}"

    title = c.meta.get("title", "")
    heads = ", ".join(said(h, n) for h, n in zip(c.header, c.norm, strict=True) if h.strip())
    return (f"title {title!r} not recognised; " if title else "") + heads


def _parse_daily(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    title = c.meta.get("title", "")
    hit = match_headers([title], "meta_daily")
    metric = next(iter(hit.columns), None)
    if metric is None:
        metric = re.sub(r"[^a-z0-9]+", "_", normalize(title)).strip("_") or "value"
        known = sorted({s.canonical for s in synonyms() if s.family == "meta_daily"})
        ctx.note("unknown_daily_metric", f"daily metric {title!r} is not a known Meta series; "
                 f"kept as {metric!r} (if it is one of {', '.join(known)}, under a name in a "
                 "language not known yet, a synonyms.csv in the brand folder can name it: "
                 f"meta_daily,<metric>,<lang>,{title})")
    if c.table.sheet is not None:
        _note_chart_workbook(c, title, ctx)
    platform = _daily_platform(title, c)
    if platform is None:
        ctx.note("platform_unknown", f"daily series {title!r} does not say whether it is "
                 "Facebook or Instagram (title and file name); platform left empty")
    frame = c.table.frame
    dates_raw = frame[0].astype("str").str.strip()
    empty = dates_raw == ""
    dates = pd.to_datetime(dates_raw.mask(empty, None), format="ISO8601", errors="coerce")
    if (dates.isna() & ~empty).any():
        # re-saved by a spreadsheet (01/09/2025): when no day above 12 tells, a ';'
        # delimiter says day first was its setting, else the days that make a run
        order = day_order(c, "meta_daily", daily=c.header[0])
        dates = written_days(dates_raw, ctx, column=c.header[0],
                             first_line=c.table.first_line + 1, numeric_order=order)
    else:   # Meta writes 2025-08-01T00:00:00: a day; another time is dropped, noted
        note_times_dropped(ctx, (dates - dates.dt.normalize()).dt.total_seconds(), c.header[0])
    odd = dates.notna() & ~dates.dt.year.between(*YEARS)
    if odd.any():     # 9999-12-31 failed as "OutOfBoundsDatetime", naming no line
        pos = int(np.flatnonzero(odd.to_numpy())[0])
        raise ParseError("date out of range", file=ctx.file,
                         line=c.table.first_line + 1 + pos, column=c.header[0],
                         expected=f"a day between {YEARS[0]} and {YEARS[1]}",
                         got=str(dates_raw.iloc[pos]))
    # a day's count, read as a field's column is: '1.250' reach in a ';' file (a spreadsheet
    # of Italian or French settings) was 1.25 accounts, silently; 1250 now
    values = c.numbers_at(1, metric, locale=hit.locale if hit.columns else None)
    # a placeholder (N/A, --) reads as no date too; a day's value without its day cannot be
    # placed, and dropping it would take it out of every daily and monthly total
    empty = dates.isna()
    lost = (empty & values.notna()).to_numpy()
    if lost.any():
        pos = int(np.flatnonzero(lost)[0])
        raise ParseError("a value without its date", file=ctx.file,
                         line=c.table.first_line + 1 + pos, column=c.header[0],
                         expected=f"the day of the row's value {values.iloc[pos]:g} "
                                  "(e.g. 2026-02-15T00:00:00)", got=str(frame[0].iloc[pos]))
    if empty.any():
        n = int(empty.sum())
        ctx.note("daily_rows_without_date", f"{counted(n, 'row has', 'rows have')} no date and "
                 f"{agree(n, 'was', 'were')} not kept", rows=n)
    if metric == "follows" and (values < 0).any():
        # a count of new follows is never negative: this series is the day's net change
        metric = "net_follows"
        ctx.note("follows_are_net", f"{title!r} has days below 0 ({int((values < 0).sum())}): "
                 "it is the net change of the day (follows − unfollows), kept as net_follows",
                 level="info", rows=int((values < 0).sum()))
    keep = ~empty
    out = pd.DataFrame({
        "platform": pd.Series(platform, index=frame.index, dtype="string")[keep],
        "account_id": pd.Series(pd.NA, index=frame.index, dtype="string")[keep],
        "date": dates.astype("datetime64[ns]").dt.tz_localize(None).dt.normalize()[keep]
        if getattr(dates.dt, "tz", None) else dates.astype("datetime64[ns]").dt.normalize()[keep],
        "hour": pd.Series(pd.NA, index=frame.index, dtype="Int8")[keep],
        "metric": pd.Series(metric, index=frame.index, dtype="string")[keep],
        "value": values[keep],
        "day_tz": pd.Series(META_TZ, index=frame.index, dtype="string")[keep],
    }).reset_index(drop=True)
    locale, why = _daily_locale(hit, c)
    out.attrs.update(kind="daily", platform=platform, source_tz=META_TZ, source_locale=locale)
    if why is not None:
        out.attrs["locale_unknown"] = why
    if metric in ("follows", "net_follows"):
        # follows files list only the days with a follow (reference §1.2, [C-fx]): a day of
        # the file's range without its row is a 0, filled in by the load, which knows the
        # range (dataset._omitted_zero_days). A follows file with days below 0 (a net change,
        # above) is the same export: it leaves out its days of 0 too (the sample's Facebook
        # follows, data/sample/README.md); kept unknown, November 2025 of the sample read
        # "known on 27 of 30 days" and its goal no status, its 3 days without a row being 0s
        out.attrs["zero_days_omitted"] = True
        # net or gross is read from this file's days alone: the merge reads one series of
        # several files one way (_merge._follows_net_per_series)
        out.attrs["net_by_sign"] = True
    ctx.note("day_zone_assumed", "Meta daily values taken as America/Los_Angeles days "
             "(reference §1.4, inferred)", level="info")
    return [out]


#: the cells that identify a post (a row with none filled may be a total: ``_summary``)
_KEYS = ("post_id", "permalink", "publish_time")
#: what every post export has (reference §1.3, §2.2: views or the pre-2025 impressions,
#: reach, and the interactions' parts; Instagram's saves, Facebook has none); a story has
#: views, reach and likes, replies (its comments) but no saves (§2.2, the FR and ES stories)
register("meta_post", platforms=("facebook", "instagram"), kinds="posts", detect=_detect_post,
         parse=_parse_posts, description="Meta Business Suite post export (Facebook/Instagram)",
         family=F, keys=_KEYS,
         expects=("views|impressions", "reach", "reactions|likes", "comments", "shares"),
         expects_on={"instagram": ("saves",)})
register("meta_story", platforms="instagram", kinds="posts", detect=_detect_story,
         parse=_parse_story, description="Meta Business Suite Instagram stories export",
         family=F, keys=_KEYS, expects=("views|impressions", "reach", "reactions|likes"))
# the legacy export's likes, comments and shares may be on a sheet of their own (§1.3)
register("meta_post_legacy", platforms="facebook", kinds="posts", detect=_detect_legacy,
         parse=_parse_legacy, description="legacy Facebook Insights post export (csv, xls)",
         family=FL, keys=_KEYS, expects=("reach", "impressions"))
register("meta_post_legacy_sheet", platforms="facebook", kinds="posts",
         detect=_detect_legacy_sheet, parse=_parse_legacy_sheet,
         description="a breakdown sheet of the legacy Facebook Insights post workbook")
register("meta_daily", platforms=("facebook", "instagram"), kinds="daily", detect=_detect_daily,
         parse=_parse_daily,
         description="Meta Business Suite per-metric daily CSV (UTF-16), or its workbook")
