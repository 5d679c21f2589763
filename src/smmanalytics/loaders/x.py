"""X / Twitter exports (reference §3).

Formats:

- ``x_tweet_activity``: legacy analytics.twitter.com "Tweet activity" export. ``time`` is
  ``YYYY-MM-DD HH:MM +0000`` (UTC, minute); numbers are floats (``"424.0"``); ``engagement
  rate`` is a fraction; promoted columns hold ``-`` when the tweet was not promoted; older files
  say ``favorites``.
- ``x_content``: 2024+ content export. ``Date`` is ``Tue, Jul 14, 2026`` (day precision, zone not
  stated: taken as UTC and noted); numbers may be ``"1,234"``. The exact time is decoded from the
  post id (snowflake) when it falls within a day of ``Date`` (``time_source="decoded_id"``).

- ``x_tweet_activity_daily``: the legacy export "by day" (``Date``, ``Tweets published``, then
  the same metrics as by Tweet) → daily metrics posts_published, impressions, engagements, ….
  The account is the handle in the file name
  (``daily_tweet_activity_metrics_<handle>_<start>_<end>_en.csv``), as the posts' links give it.
- ``x_overview``: daily account overview; columns in any order, mapped by name to the daily
  metrics impressions, engagements, likes, replies, reposts, follows (New follows), unfollows,
  bookmarks, shares, profile_visits, posts_published (Create Post), video_views, media_views.
  X names it ``account_overview_analytics.csv`` (no account); one renamed
  ``account_overview_analytics_<handle>.csv`` is that handle's, a month, year, quarter or
  copy's word in its place (``_octobre``, ``_2026``, ``_copie``) none.

Canonical posts fields: ``reactions`` = likes (favorites); ``comments`` = replies;
``shares`` = reposts (retweets) + shares over the columns present (``reposts`` is also kept);
``saves`` = bookmarks; ``link_clicks`` = URL clicks; ``follows`` = (New) follows;
``platform_engagements`` = engagements; legacy ``paid`` = promoted impressions > 0 (``-`` means
not promoted → False).

In both post exports a post whose time cell is empty takes its time from its id; one without
an id to decode either is kept with no ``published_at``, and noted naming its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd

from ..errors import ParseError
from ..metrics import row_sum
from ..quality import agree, counted
from ._body import lines_named
from ._candidate import Candidate, ParseContext, two_labels
from ._dates import (
    MONTHS,
    dates_from_parts,
    day_to_utc,
    id_time_in_any_zone,
    parse_datetimes,
)
from ._ids import differ_from_links, rounded_ids, x_snowflake_time, zeros_rounded
from ._registry import register
from ._tidy import (
    as_platform_named,
    checked_day_parts,
    day_order,
    note_extra_columns,
    note_negative_values,
    summary_cells,
    written_days,
)

__all__: list[str] = []

_POST_METRICS = ("impressions", "comments", "saves", "link_clicks", "follows",
                 "platform_engagements", "video_views")
_EXTRAS = ("platform_engagement_rate", "reposts", "profile_visits", "hashtag_clicks",
           "detail_expands", "permalink_clicks", "app_opens", "app_installs", "email_tweet",
           "dial_phone", "media_views", "media_engagements", "unfollows",
           "promoted_impressions", "promoted_engagements", "promoted_engagement_rate",
           "promoted_likes", "promoted_reposts", "promoted_comments", "promoted_link_clicks",
           "promoted_follows", "promoted_profile_visits", "promoted_hashtag_clicks",
           "promoted_detail_expands", "promoted_permalink_clicks", "promoted_app_opens",
           "promoted_app_installs", "promoted_email_tweet", "promoted_dial_phone",
           "promoted_media_views", "promoted_media_engagements")


def _metrics(c: Candidate, family: str, out: pd.DataFrame) -> None:
    for k in (*_POST_METRICS, *_EXTRAS):
        v = c.numbers(family, k)
        if v is not None:
            out[k] = v.array
    likes = c.numbers(family, "likes")
    if likes is not None:
        out["reactions"] = likes.array
    parts = [v for v in (c.numbers(family, "reposts"), c.numbers(family, "shares"))
             if v is not None]
    if parts:
        both = pd.concat(parts, axis=1)
        # a part below zero is left empty when the table is finished (``negative_metric``):
        # the sum it would have lowered is unknown too, not the other part alone
        out["shares"] = row_sum(both).mask((both < 0).any(axis=1)).array
    direct = c.numbers(family, "shares")
    if direct is not None:
        out["shares_direct"] = direct.array


def _account(permalink: pd.Series) -> pd.Series:
    return permalink.fillna("").str.extract(
        r"(?:twitter|x)\.com/([A-Za-z0-9_]+)/status", expand=False).astype("string")


def _post_ids(c: Candidate, family: str, permalink: pd.Series,
              ctx: ParseContext) -> tuple[pd.Series, pd.Series]:
    """The post ids: the id column where it holds them whole, else the id in the post's link;
    and which ids are still rounded (no link to read them from).

    A spreadsheet re-save writes a 19-digit id as ``2.03457E+18``, and a workbook stores it as
    a number, which rounds it (``2017870533229102281`` → ``…102080``); one written back as
    digits keeps 15 of them (``2116627530644909089`` → ``2116627530644900000``,
    :func:`~._ids.zeros_rounded`): different posts would share an id and be merged as
    snapshots of one, and the same post in a CSV export would not be matched with it. The
    link keeps the id whole: where the two disagree, the link's is the post's.
    """
    post_id = c.text(family, "post_id")
    from_link = permalink.fillna("").str.extract(r"/status(?:es)?/(\d+)", expand=False)
    from_link = from_link.astype("string").replace("", pd.NA)
    damaged = (post_id.notna() & ~post_id.str.fullmatch(r"\d+").fillna(False).astype(bool)
               | rounded_ids(post_id, c.col(family, "post_id")))
    if damaged.any():
        n = int((damaged & from_link.notna()).sum())
        if n:
            ctx.note("post_id_from_link", f"{counted(n, 'post id was', 'post ids were')} "
                     "rounded by a spreadsheet (written in scientific notation or stored as "
                     f"numbers: {post_id[damaged].iloc[0]!r}); the id in the post's link was "
                     "used",
                     rows=n)
    other = differ_from_links(c, ctx, post_id, from_link, damaged, "post", "…/status/{}")
    damaged |= pd.Series(zeros_rounded(post_id, from_link, _figures(c, family)),
                         index=post_id.index)
    mended = (post_id.isna() | damaged | other) & from_link.notna()
    lost = damaged & ~mended
    if lost.any():
        ids_were = counted(int(lost.sum()), "post id was", "post ids were")
        ctx.note("post_id_damaged", f"{ids_were} rounded by a spreadsheet (written in "
                 "scientific notation, stored as numbers, or cut to 15 digits and ending in "
                 "zeros), with no link to read the id from; kept, and matched with no other "
                 "post", rows=int(lost.sum()))
    return post_id.mask(mended, from_link), lost


def _figures(c: Candidate, family: str) -> pd.DataFrame:
    """The rows' figures as read (two posts whose ids a spreadsheet rounded to one differ
    in them)."""
    return pd.DataFrame({k: v.to_numpy(dtype="float64", na_value=np.nan)
                         for k in (*_POST_METRICS, "likes", "reposts", "shares")
                         if (v := c.numbers(family, k)) is not None})


def _posts(c: Candidate, family: str, post_id: pd.Series, permalink: pd.Series,
           published: pd.Series, decoded: pd.Series, export_precision: str,
           rounded: pd.Series, **extra: pd.Series) -> pd.DataFrame:
    """The posts table of either export: ``decoded`` marks the times taken from the post id
    (to the second), the others come from the export at ``export_precision``; ``rounded``
    the ids a spreadsheet rounded, which the merge does not trust."""
    out = pd.DataFrame({
        "platform": "x",
        "account_id": _account(permalink),
        "post_id": post_id,
        "permalink": permalink,
        "caption": c.text(family, "caption"),
        "published_at": published,
        "time_precision": two_labels(decoded, "second", export_precision)
        .mask(published.isna()),
        "time_source": two_labels(decoded, "decoded_id", "export").mask(published.isna()),
        **extra,
    })
    out["account_name"] = out["account_id"]
    _metrics(c, family, out)
    # ids a spreadsheet rounded (no link to read them from): the merge does not match by them
    if rounded.any():
        out.attrs["unreliable_ids"] = sorted(set(post_id[rounded]))
    return out


def _note_undated(c: Candidate, published: pd.Series, post_id: pd.Series,
                  ctx: ParseContext) -> None:
    """Note the posts left without a publish time (their date cell empty and no post id to
    decode it from), naming their lines. They are kept, as the Meta posts loader keeps its
    undated posts: a post is a whole row, its id and figures still its own, while a daily
    file's value without its day is refused (``_tidy.refuse_undated``). A 'Total' row is no
    post: dropped before the parse (``_summary``), or, its link filled, when the table is
    finished (``_finish.finish``), and not counted here."""
    pos = np.flatnonzero(published.isna().to_numpy())
    pos = pos[~summary_cells(post_id.iloc[pos]).to_numpy()]
    if not len(pos):
        return
    first = [c.table.line_of(int(k)) for k in pos[:5]]      # the lines the note names
    ctx.note("missing_publish_time", f"{counted(len(pos), 'post has', 'posts have')} no "
             "publish time (an empty date cell, and no time in the id: "
             f"{lines_named(first, len(pos))}); kept, outside every period", rows=len(pos))


#: the number fields a posts export's parse reads (:func:`_metrics`, :func:`_figures`)
_POST_NUMBERS = (*_POST_METRICS, *_EXTRAS, "likes", "reposts", "shares")


@contextmanager
def _first_bad_cell(c: Candidate, fam: str, ctx: ParseContext, numbers: tuple[str, ...],
                    dates: Callable[[ParseContext], object]) -> Iterator[None]:
    """The parse of ``fam`` in the block, naming the first bad cell in the file of its
    ``numbers`` and ``dates`` (:meth:`~._candidate.Candidate.first_bad_cell_among`): it read the
    post ids' figures, then the dates, then the rest field by field, and named ``lots`` of
    replies on line 9 where ``yesterday`` was the Date of line 4."""
    with c.first_bad_cell_among(lambda: c.numbers_of(fam, list(numbers)),
                                lambda: dates(ctx.scratch())):
        yield


# ---------------------------------------------------------------- legacy tweet activity

def _detect_legacy(c: Candidate) -> float:
    m = c.match("x_legacy")
    return 0.95 if m.has("post_id", "time") and m.any("permalink", "impressions") else 0.0


def _parse_legacy(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    fam = "x_legacy"
    with _first_bad_cell(c, fam, ctx, _POST_NUMBERS,
                         lambda scratch: _legacy_times(c, fam, None, scratch)):
        return _legacy_posts(c, fam, ctx)


def _legacy_posts(c: Candidate, fam: str, ctx: ParseContext) -> list[pd.DataFrame]:
    permalink = c.text(fam, "permalink")
    post_id, rounded = _post_ids(c, fam, permalink, ctx)
    decoded = x_snowflake_time(post_id.fillna(""))
    export = _legacy_times(c, fam, decoded, ctx)
    # the id's time where it falls in the export's minute, or stands alone (time cell empty)
    agree = decoded.notna() & (export.isna() | (decoded >= export) & (
        decoded < export + pd.Timedelta(minutes=1)))
    published = export.where(~agree, decoded.dt.floor("s"))
    _note_undated(c, published, post_id, ctx)
    out = _posts(c, fam, post_id, permalink, published, agree, export_precision="minute",
                 rounded=rounded)
    promoted = c.numbers(fam, "promoted_impressions")
    if promoted is not None:
        out["paid"] = (promoted.fillna(0) > 0).astype("boolean").array
    note_extra_columns(ctx, c.match(fam).unknown)
    out.attrs.update(kind="posts", platform="x", source_locale=c.match(fam).locale,
                     source_tz="UTC")
    return [out]


#: the legacy export's own time: ``2026-10-05 14:03 +0000`` (reference §3.1)
_LEGACY_TIME = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+0000"


def _legacy_times(c: Candidate, fam: str, decoded: pd.Series | None, ctx: ParseContext
                  ) -> pd.Series:
    """The ``time`` column, UTC. A spreadsheet's re-save writes it its own way
    (``05/10/2026 14:03``, ``2026-10-05 14:03``, the ``+0000`` dropped) and the file was
    refused, though each Tweet id gives its time to the second. Such times are read as the
    content export's re-saved days are (:func:`_day_dates`: day or month first as a day
    above 12, the ids' times or the file's order say), with their time of day, as UTC (the
    re-save kept the export's clock: a spreadsheet shifts no zone), and noted."""
    cells = c.col(fam, "time")
    where = {"column": c.header_of(fam, "time"), "first_line": c.table.first_line + 1}
    text = c.text(fam, "time")
    if text.isna().all() or text.dropna().str.fullmatch(_LEGACY_TIME).all():
        return parse_datetimes(cells, "%Y-%m-%d %H:%M %z", tz=None, file=ctx.file, **where)[0]
    times = _day_dates(c, fam, ctx, decoded, field="time", with_time=True)
    shown = text.dropna().iloc[0]
    ctx.note("time_resaved", f"the {where['column']!r} column is not as X writes it "
             f"('2026-10-05 14:03 +0000') but re-saved by a spreadsheet ({shown!r}): read as "
             "UTC times, as the export writes them; each post's time to the second is taken "
             "from its Tweet id where it decodes within that minute", level="info")
    return times.astype("datetime64[ns]").dt.tz_localize("UTC")


# ---------------------------------------------------------------- content export (2024+)

def _detect_content(c: Candidate) -> float:
    m = c.match("x_content")
    if m.has("post_id", "permalink", "impressions"):
        return 0.95
    if m.has("date", "caption", "permalink", "impressions"):
        return 0.85
    return 0.0


def _day_dates(c: Candidate, fam: str, ctx: ParseContext,
               decoded: pd.Series | None = None, *, daily: bool = False,
               field: str = "date", with_time: bool = False) -> pd.Series:
    """The Date column's days (``field``'s: the legacy export's re-saved ``time``, with the
    time of day with ``with_time``). Written in numbers with no day above 12 (a spreadsheet's
    re-save), they are read in the order a day above 12 in another date column of the file
    proves, else that the times the post ids decode to (``decoded``) agree with more of them
    (03/10/2026: 3 October, not 10 March, when the ids say October), else the file's order
    (``_tidy.day_order``: the ``;`` separator, a ``daily`` file's consecutive days), else
    month first, as assumed."""
    where = {"column": c.header_of(fam, field), "first_line": c.table.first_line + 1}
    cells = c.col(fam, field)
    if cells is None:       # it failed as "AttributeError: 'NoneType' object …"
        raise ParseError("the export has no date column", file=ctx.file,
                         line=c.table.first_line, expected="a column 'Date' (or its "
                         "translation) giving each row's day", got=", ".join(c.table.header))
    order = day_order(c, fam, daily=where["column"] if daily else None)
    # read once in the file's order: the column is read again only when its all-number dates
    # leave the order open and the ids' times can tell
    parts = checked_day_parts(cells, file=ctx.file, numeric_order=order.order, **where)
    if (decoded is not None and decoded.notna().any() and order.how != "proof"
            and parts.attrs.get("numeric_ambiguous")):
        read = {o: parts if o == order.order
                else checked_day_parts(cells, file=ctx.file, numeric_order=o, **where)
                for o in ("mdy", "dmy")}
        agree = {o: int(_agreeing(decoded, dates_from_parts(p, file=ctx.file, cells=cells,
                                                            **where)).sum())
                 for o, p in read.items()}
        if agree["mdy"] != agree["dmy"]:
            best = max(agree, key=agree.get)
            return written_days(cells, ctx, numeric_order=best, parsed=read[best],
                                proved_by="the post ids' times", with_time=with_time, **where)
    return written_days(cells, ctx, numeric_order=order, with_time=with_time, parsed=parts,
                        **where)


def _agreeing(decoded: pd.Series, days: pd.Series) -> pd.Series:
    """Posts whose id's time (``decoded``, UTC) falls within their Date (``days``): a calendar
    day in an unstated zone (UTC-12..UTC+14), so between that day's 00:00 at UTC+14 and its
    24:00 at UTC-12; a post without a Date agrees with its id."""
    day_utc = day_to_utc(days, "UTC")
    return decoded.notna() & (day_utc.isna() | id_time_in_any_zone(decoded, day_utc).within)


def _times_from_ids(decoded: pd.Series, days: pd.Series, ctx: ParseContext
                    ) -> tuple[pd.Series, pd.Series]:
    """Ids' times kept within the Date in any zone (UTC-12..+14): the Date's zone is unstated.

    ``(published_at, taken from the id)``: the time decoded from the post id (``decoded``, UTC)
    to the second where it agrees with the post's Date (:func:`_agreeing`), else 00:00 UTC of
    that Date. The ids that disagree and the days taken as UTC are noted."""
    day_utc = day_to_utc(days, "UTC")
    agree = _agreeing(decoded, days)
    far = decoded.notna() & day_utc.notna() & ~agree
    if far.any():
        n = int(far.sum())
        ctx.note("id_time_disagrees", f"{counted(n, 'post id decodes', 'post ids decode')} to a "
                 "time more than a day from the Date column; the Date was kept (day precision)",
                 rows=n)
    published = day_utc.where(~agree, decoded.dt.floor("s"))
    if (~agree & day_utc.notna()).any():
        ctx.note("day_zone_assumed", "X content dates carry no time zone; days without a "
                 "decodable post id are taken as UTC days", level="info")
    return published, agree


def _parse_content(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    fam = "x_content"
    with _first_bad_cell(c, fam, ctx, _POST_NUMBERS,
                         lambda scratch: _day_dates(c, fam, scratch)):
        return _content_posts(c, fam, ctx)


def _content_posts(c: Candidate, fam: str, ctx: ParseContext) -> list[pd.DataFrame]:
    permalink = c.text(fam, "permalink")
    post_id, rounded = _post_ids(c, fam, permalink, ctx)
    decoded = x_snowflake_time(post_id.fillna(""))
    days = _day_dates(c, fam, ctx, decoded)
    published, agree = _times_from_ids(decoded, days, ctx)
    _note_undated(c, published, post_id, ctx)
    out = _posts(c, fam, post_id, permalink, published, agree, export_precision="day",
                 rounded=rounded, published_date=days)
    note_extra_columns(ctx, c.match(fam).unknown)
    out.attrs.update(kind="posts", platform="x", source_locale=c.match(fam).locale,
                     source_tz="UTC")
    return [out]


# ---------------------------------------------------------------- account overview (daily)

_OVERVIEW = ("impressions", "engagements", "likes", "replies", "reposts", "follows",
             "unfollows", "bookmarks", "shares", "profile_visits", "posts_published",
             "video_views", "media_views")


#: X's daily columns under the canonical daily metric names (reference §11.2), as the posts
#: table names them; ``shares`` is reposts + shares there, the direct shares kept apart
_DAILY_NAMES = {"likes": "reactions", "replies": "comments", "bookmarks": "saves",
                "engagements": "platform_engagements",
                "engagement_rate": "platform_engagement_rate", "shares": "shares_direct"}


def _long_daily(c: Candidate, fam: str, days: pd.Series, fields: tuple[str, ...],
                ctx: ParseContext) -> pd.DataFrame:
    """The daily values of ``fields`` as long rows (date, metric, value), under canonical
    names, with ``shares`` = reposts + direct shares over the columns present. Negative
    values are kept and noted, as the other platforms' daily values are (``Likes = -8``
    was kept with no word)."""
    values = {k: v for k in fields if (v := c.numbers(fam, k)) is not None}
    note_negative_values(c, ctx, {c.header_of(fam, k): v for k, v in values.items()}, "X")
    parts = [pd.DataFrame({"date": days, "metric": _DAILY_NAMES.get(k, k), "value": v.array})
             for k, v in values.items()]
    both = [values[k] for k in ("reposts", "shares") if k in values]
    if both:
        total = row_sum(pd.concat(both, axis=1))
        parts.append(pd.DataFrame({"date": days, "metric": "shares", "value": total.array}))
    if not parts:
        return pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]"),
                             "metric": pd.Series([], dtype="string"),
                             "value": pd.Series([], dtype="Float64")})
    return pd.concat(parts, ignore_index=True)


def _dated_rows(long: pd.DataFrame, ctx: ParseContext, account: str | None = None
                ) -> pd.DataFrame:
    """The long daily rows that have a date (those without are noted), by date and metric,
    with the daily table's other columns: the ``account`` (X's account is not in the file;
    its name may give it), days in UTC."""
    no_date = long["date"].isna()
    if no_date.any():
        n = int(no_date.sum())
        ctx.note("daily_rows_without_date", f"{counted(n, 'value has', 'values have')} no date "
                 f"and {agree(n, 'was', 'were')} not kept", rows=n)
        long = long[~no_date]
    long = long.sort_values(["date", "metric"], kind="stable").reset_index(drop=True)
    account_id = pd.array([account] * len(long), dtype="string")
    return long.assign(platform="x", account_id=account_id, hour=pd.NA, day_tz="UTC")


def _detect_overview(c: Candidate) -> float:
    m = c.match("x_overview")
    if not m.has("date") or c.match("x_content").any("post_id", "caption", "permalink"):
        return 0.0
    hits = sum(m.has(k) for k in ("follows", "unfollows", "posts_published", "impressions"))
    return 0.9 if hits >= 3 else 0.6 if hits >= 2 and m.has("impressions") else 0.0


#: an overview export renamed after its account: ``account_overview_analytics_<handle>``, with
#: perhaps the export's day after it and a second file's number: a browser's ``(1)``, or the
#: bare `` 2`` or ``-2`` of macOS's Finder and some browsers, which :func:`as_platform_named`
#: takes off before (after a day, ``_2026-10-31 2``, it stays: matched here). X names the
#: file ``account_overview_analytics.csv``; a suffix of digits and dashes is a day, not a
#: handle, and no handle holds a space or a dash
_OVERVIEW_NAME = re.compile(
    r"^account_overview_analytics_(?P<handle>[A-Za-z0-9_]+?)"
    r"(?:_\d{4}-?\d{2}-?\d{2})*(?:\s*\(\d+\)|[ -]\d{1,2})?\.[A-Za-z]+$", re.IGNORECASE)
#: the longest handle X gives (``@`` not counted)
_HANDLE_MAX = 15
#: words a copy of a file is named with, in English, French and Italian: no handle
_COPY_WORDS = frozenset({
    "copy", "copie", "copia", "final", "finale", "definitif", "definitivo", "export",
    "exports", "new", "nouveau", "nouvelle", "nuovo", "nuova", "old", "ancien", "vecchio",
    "backup", "draft", "brouillon", "bozza", "test", "tmp", "temp", "bis", "last", "latest",
    "dernier", "ultimo", "updated", "ok"})
#: the pieces of a word of a file name: digits, a quarter (``q3``; ``t3``, French and Italian
#: trimestre), a half year (``h2``; ``s2``, semestre), a version (``v2``), letters
_NAME_PIECE = re.compile(r"\d+|[qt][1-4]|[hs][12]|v\d+|[a-z]+")


def _is_name_word(word: str) -> bool:
    """Whether ``word`` of a file name says when or which copy (``octobre``, ``oct2026``,
    ``2026``, ``q3``, ``copie``, ``final``, ``v2``) rather than whose: each of its pieces a
    number, a quarter or half year, a version, a month's name or abbreviation (any language
    the dates are read in) or a copy's word."""
    return all(p[-1].isdigit() or p in MONTHS or p in _COPY_WORDS
               for p in _NAME_PIECE.findall(word.lower()))


def _overview_handle(c: Candidate, ctx: ParseContext) -> str | None:
    """The account of an overview export whose file name was given its handle
    (``account_overview_analytics_atelierlumiere.csv``): the file holds no account, and two
    accounts' overviews read as no one's merged, the later one's days replacing the other's
    (October impressions 3,099,969 for the brand's 40,875), and brand.yaml's accounts could
    not leave the other out. X's own name gives none: such a file stays no one's (noted by
    the Dataset when it is given the platform's one account).

    The words of the name that say when or which copy (:func:`_is_name_word`) are no handle:
    the brand's overview renamed ``account_overview_analytics_octobre.csv`` became the
    account ``octobre``'s, which brand.yaml does not declare, and all its days (5,964 rows)
    were left out. Such words before or after a handle are set aside
    (``…_maisonseve_octobre`` is ``maisonseve``'s); a name of such words only gives none."""
    m = _OVERVIEW_NAME.match(as_platform_named(c.basename))
    if m is None:
        return None
    words = [w for w in m.group("handle").split("_") if w]
    named = [i for i, w in enumerate(words) if not _is_name_word(w)]
    if not named:
        ctx.note("name_not_handle", f"X overview export: {m.group('handle')!r} in its name "
                 "reads as a date or a copy's word, not a handle; the file is read as naming "
                 "no account, as X's account_overview_analytics.csv", level="info")
        return None
    handle = "_".join(words[named[0]:named[-1] + 1])
    if len(handle) > _HANDLE_MAX:
        return None
    aside = [w for i, w in enumerate(words) if i < named[0] or i > named[-1]]
    said = f" ({', '.join(map(repr, aside))}, a date or a copy's word, set aside)" if aside else ""
    ctx.note("account_from_name", f"X overview export: the account is not written in the file; "
             f"{handle!r}, the handle in its name{said}, was taken as its account", level="info")
    return handle


def _parse_overview(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    fam = "x_overview"
    with _first_bad_cell(c, fam, ctx, _OVERVIEW,
                         lambda scratch: _day_dates(c, fam, scratch, daily=True)):
        days = _day_dates(c, fam, ctx, daily=True)
        long = _long_daily(c, fam, days, _OVERVIEW, ctx)
    long = _dated_rows(long, ctx, _overview_handle(c, ctx))
    ctx.note("day_zone_assumed", "X overview days carry no time zone; taken as UTC days "
             "(reference §9.2 [U])", level="info")
    note_extra_columns(ctx, c.match(fam).unknown)
    long.attrs.update(kind="daily", platform="x", source_locale=c.match(fam).locale,
                      source_tz="UTC")
    return [long]


# ---------------------------------------------------------------- legacy by-day export

_LEGACY_DAILY = ("posts_published", "impressions", "engagements", "engagement_rate", "reposts",
                 "replies", "likes", "profile_visits", "link_clicks", "hashtag_clicks",
                 "detail_expands", "permalink_clicks", "follows", "media_views",
                 "media_engagements", "bookmarks")


def _detect_legacy_daily(c: Candidate) -> float:
    m = c.match("x_legacy_daily")
    return 0.9 if m.has("date", "posts_published", "impressions") else 0.0


def _legacy_days(c: Candidate, fam: str, ctx: ParseContext) -> pd.Series:
    """Days written ISO (``2020-02-10``, ``2020-02-10 00:00 +0000``) or with month names."""
    raw = c.text(fam, "date", errors=False)
    iso = pd.to_datetime(raw.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    if (iso.notna() | raw.isna()).all():
        return iso.astype("datetime64[ns]")
    return _day_dates(c, fam, ctx, daily=True)


#: the legacy export's own file name: ``daily_tweet_activity_metrics_<handle>_<start>_<end>_<lang>``
#: (the by-Tweet one without ``daily_``); a handle is 1-15 letters, digits or underscores
_LEGACY_NAME = re.compile(
    r"tweet_activity_metrics_(?P<handle>[A-Za-z0-9_]{1,15})_\d{8}_\d{8}(?!\d)", re.IGNORECASE)


def _name_handle(c: Candidate, ctx: ParseContext) -> str | None:
    """The account of a legacy by-day export: the handle in its file name, as the by-Tweet
    export's posts take it from their links (``twitter.com/<handle>/status/…``), so that one
    account's posts and days join and two accounts' days stay two series. The file holds no
    account; a renamed file gives none, which is noted: such files of two accounts would be
    merged as one account's."""
    m = _LEGACY_NAME.search(c.basename)
    if m:
        return m.group("handle")
    ctx.note("account_not_in_name", "legacy X by-day export: the account is not written in the "
             "file and its name does not give it (daily_tweet_activity_metrics_<handle>_<start>_"
             "<end>_en.csv): its days are kept without an account, and would be merged with "
             "another such file's as one account's")
    return None


def _parse_legacy_daily(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    fam = "x_legacy_daily"
    with _first_bad_cell(c, fam, ctx, _LEGACY_DAILY,
                         lambda scratch: _legacy_days(c, fam, scratch)):
        days = _legacy_days(c, fam, ctx)
        long = _long_daily(c, fam, days, _LEGACY_DAILY, ctx)
    long = _dated_rows(long, ctx, _name_handle(c, ctx))
    ctx.note("day_zone_assumed", "legacy X by-day export: days taken as UTC days (the by-Tweet "
             "export writes times in UTC)", level="info")
    note_extra_columns(ctx, c.match(fam).unknown)
    long.attrs.update(kind="daily", platform="x", source_locale="en-US", source_tz="UTC")
    return [long]


# every X export has impressions, likes, replies and reposts (reference §3.1, §3.2, the French
# content file too); none has views, and the French one no bookmarks
register("x_tweet_activity", platforms="x", kinds="posts", detect=_detect_legacy,
         parse=_parse_legacy, description="X legacy Tweet activity export (by Tweet)",
         family="x_legacy", keys=("post_id", "permalink", "time"),
         expects=("impressions", "likes", "comments", "reposts"))
register("x_content", platforms="x", kinds="posts", detect=_detect_content,
         parse=_parse_content, description="X content export (2024+)",
         family="x_content", keys=("post_id", "permalink", "date"),
         expects=("impressions", "likes", "comments", "reposts|shares"))
register("x_overview", platforms="x", kinds="daily", detect=_detect_overview,
         parse=_parse_overview, description="X account overview export (daily)",
         family="x_overview", expects=("impressions", "likes", "replies", "reposts|shares"))
register("x_tweet_activity_daily", platforms="x", kinds="daily", detect=_detect_legacy_daily,
         parse=_parse_legacy_daily, description="X legacy Tweet activity export (by day)",
         family="x_legacy_daily", expects=("impressions", "likes", "replies", "reposts"))
