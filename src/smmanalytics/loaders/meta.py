"""Meta Business Suite exports: Facebook and Instagram posts, Instagram stories, daily series.

Formats (reference §1, §2):

- ``meta_post``: one row per post, lifetime totals at export time. UTF-8 with BOM, comma,
  quoted multi-line captions. Headers in EN/FR/IT/ES (bilingual FR files coalesced), the 2025+
  ``Views`` set or the older ``Impressions`` set (kept apart).
- ``meta_story``: Instagram stories (``Replies``, ``Navigation``, ``Sticker taps``…).
- ``meta_daily``: one metric per file, UTF-16 LE with BOM, ``sep=,`` line, the metric name on
  line 2, header ``"Date","Primary"``; the day is a Pacific-time day.

Canonical fields:

- ``published_at``: ``Publish time`` (``MM/DD/YYYY HH:MM``, always month first) in
  America/Los_Angeles → UTC; ``time_precision="minute"``, ``time_source="export"``. For
  Instagram, the time decoded from the permalink's shortcode replaces it when the two agree
  within 2 hours (``second``, ``decoded_id``).
- ``caption`` = the longer of ``Title`` and ``Description``.
- ``content_type`` from ``Post type`` (``IG reel``→reel, ``IG carousel``→carousel,
  ``IG image``/``Photos``→image, ``Videos``→video, ``Reels``→reel, ``Links``→link, stories→story);
  a video whose permalink contains ``/reel/`` is a reel (French exports label Reels as videos).
- ``reactions`` = ``Reactions`` (Facebook) or ``Likes`` (Instagram); ``follows`` = ``Follows``;
  ``platform_engagements`` = ``Reactions, Comments and Shares``; ``video_views`` =
  ``3-Second Video Views`` (Meta's definition of a video view).
- ``paid`` = reach (or views) from boosted posts > 0, where those columns exist; else NA.
- ``negative_feedback`` = ``Negative feedback from users: Hide all`` + ``… Hide`` over the
  columns present; NaN when neither column is in the file.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParseError
from ..metrics import row_sum
from ._arrow import arrow_text, contains, may_contain, strip
from ._dates import META_TZ, parse_datetimes
from ._headers import match_headers, normalize
from ._ids import instagram_shortcode, instagram_shortcode_time
from ._registry import Candidate, ParseContext, register, two_labels
from ._tidy import note_times_dropped, summary_cells, written_days

__all__: list[str] = []

F = "meta"
_STORY_MARKERS = ("replies", "navigation", "sticker_taps")
_DIRECT = {  # canonical posts metric ← synonym canonical
    "views": "views", "impressions": "impressions", "reach": "reach", "comments": "comments",
    "shares": "shares", "saves": "saves", "link_clicks": "link_clicks", "clicks": "clicks",
    "video_views": "video_views", "follows": "follows", "watch_time_s": "watch_time_s",
    "platform_engagements": "platform_engagements",
}
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
    "carosello": "carousel", "carrusel": "carousel",
}
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
    norm = c.norm
    if len(norm) == 2 and norm[0] in {"date", "data", "fecha", "datum"} and c.meta.get("title"):
        return 0.95 if c.meta.get("sep") else 0.7
    return 0.0


# ---------------------------------------------------------------- posts

def _publish_times(c: Candidate, ctx: ParseContext) -> pd.Series:
    cells = c.col(F, "publish_time")
    header = c.header_of(F, "publish_time")
    first = c.table.first_line + 1
    s = strip(cells.astype("str"))
    # with seconds only when every non-empty cell has them (two colons)
    colons = pc.count_substring(pa.array(s, from_pandas=True), ":")
    with_seconds = pc.fill_null(pc.greater_equal(colons, 2), False).to_numpy(
        zero_copy_only=False)
    seconds = with_seconds.any() and with_seconds[(s != "").to_numpy()].all()
    values = cells if cells.dtype == object else s
    utc, counts, fmt = _times_in_first_format(values, seconds, file=ctx.file, column=header,
                                              first_line=first)
    if fmt != _PUBLISH_FORMATS[0]:
        ctx.note("date_format_resaved", f"publish times are written {s[s != ''].iloc[0]!r}, not "
                 "as Meta writes them (MM/DD/YYYY HH:MM): the file was re-saved by a "
                 f"spreadsheet; every time was read with the format {_with_seconds(fmt, seconds)}",
                 level="info")
    if counts.get("two_digit_year"):
        ctx.note("two_digit_year", f"{counts['two_digit_year']} publish times have a two-digit "
                 f"year (a spreadsheet's re-save, {s[s != ''].iloc[0]!r}): read as 20xx",
                 rows=counts["two_digit_year"])
    if counts["dst_ambiguous"]:
        ctx.note("dst_ambiguous", f"{counts['dst_ambiguous']} publish times fall in the "
                 "repeated autumn hour of America/Los_Angeles; the first occurrence (PDT) was "
                 "taken", rows=counts["dst_ambiguous"])
    if counts["dst_nonexistent"]:
        ctx.note("dst_nonexistent", f"{counts['dst_nonexistent']} publish times fall in the "
                 "skipped spring hour of America/Los_Angeles; shifted forward to 03:00 PDT",
                 rows=counts["dst_nonexistent"])
    return utc


#: Meta's publish time, then how a spreadsheet re-saves it: US with AM/PM, day first (French,
#: Italian settings), German, ISO. A format is taken only when it reads every cell, so a day
#: first is proved by a cell whose first number is above 12 (month first is Meta's own).
_PUBLISH_FORMATS = ("%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M",
                    "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def _with_seconds(fmt: str, seconds: bool) -> str:
    return fmt.replace("%M", "%M:%S", 1) if seconds else fmt


def _times_in_first_format(values: pd.Series, seconds: bool, **where
                           ) -> tuple[pd.Series, dict[str, int], str]:
    """The times read with the first of :data:`_PUBLISH_FORMATS` that reads every cell, and
    that format; when none does, Meta's own format's ParseError (it names the first bad
    cell)."""
    first_error = None
    for fmt in _PUBLISH_FORMATS:
        try:
            utc, counts = parse_datetimes(values, _with_seconds(fmt, seconds), tz=META_TZ,
                                          **where)
        except ParseError as exc:
            first_error = first_error or exc
            continue
        return utc, counts, fmt
    raise first_error


def _content_type(codes: np.ndarray, keys: pd.Index, permalink: pd.Series, ctx: ParseContext,
                  default: str | None) -> pd.Series:
    """``content_type`` from the post types factorised (``codes`` into the lower-case ``keys``,
    -1 where empty): each distinct type is looked up once, not once per row."""
    labels = [_TYPES.get(k) for k in keys]
    unknown = [i for i, label in enumerate(labels) if label is None]
    if unknown:
        count = int(np.isin(codes, unknown).sum())
        vals = sorted(keys[i] for i in unknown)[:5]
        ctx.note("unknown_post_type", f"{count} posts have an unknown post type "
                 f"{vals!r}; content_type set to 'other'", rows=count)
    labels = [label or "other" for label in labels]
    # each row as a position in labels + [no type, "reel"]; a video (or a post without a type)
    # whose permalink is a /reel/ one is a reel: only those rows' permalinks are searched
    no_type, reel = len(labels), len(labels) + 1
    rows = np.where(codes < 0, no_type, codes)
    may_be_reel = np.array([label == "video" for label in labels] + [True, False])
    candidates = may_be_reel[rows]
    rows[np.flatnonzero(candidates)[contains(permalink[candidates], "/reel/")]] = reel
    table = pa.array(labels + [default, "reel"], type=pa.large_string())
    return pd.Series(pd.array(table.take(rows), dtype="string"), index=permalink.index)


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


def _parse_posts(c: Candidate, ctx: ParseContext, *, story: bool = False) -> list[pd.DataFrame]:
    m = c.match(F)
    # every number column this function uses, in the order it uses them (the first bad one
    # raises); views from boosted posts only stand in for reach when reach is absent
    boosted_field = "reach_boosted" if m.has("reach_boosted") else "views_boosted"
    numeric = [*_DIRECT.values(), "reactions", "likes", boosted_field, "neg_hide_all",
               "neg_hide", *_EXTRA_NUMERIC]
    c.expect_numbers(F, numeric)
    n = c.table.n_rows
    text = c.texts_of(F, ["permalink", "post_type", "account_handle", "title", "description",
                          "account_id", "account_name", "post_id"])
    permalink, raw_type, handle = text["permalink"], text["post_type"], text["account_handle"]
    type_codes, type_keys = pd.factorize(raw_type.str.lower())
    ig_type = np.array([k.startswith("ig ") or "instagram" in k for k in type_keys] + [False])
    is_ig = pd.Series(contains(permalink, "instagram.com") | ig_type[type_codes]
                      | handle.notna().to_numpy(), index=permalink.index)
    if story:
        is_ig = pd.Series(True, index=is_ig.index)
    platform = two_labels(is_ig, "instagram", "facebook")

    export_time = _publish_times(c, ctx)
    decoded = pd.Series(pd.NaT, index=permalink.index, dtype="datetime64[ns, UTC]")
    if is_ig.any():
        ig_links = permalink[is_ig].fillna("")
        decoded[is_ig] = instagram_shortcode_time(instagram_shortcode(ig_links).fillna(""))
    agree = decoded.notna() & export_time.notna() & (
        (decoded - export_time).abs() <= pd.Timedelta(hours=2))
    disagree = decoded.notna() & export_time.notna() & ~agree
    if disagree.any():
        ctx.note("id_time_disagrees", f"{int(disagree.sum())} Instagram shortcodes decode to a "
                 "time more than 2 h from the export's publish time; the export time was kept",
                 rows=int(disagree.sum()))
    published = export_time.where(~agree, decoded.dt.floor("s"))
    precision = two_labels(agree, "second", "minute")
    source = two_labels(agree, "decoded_id", "export")
    missing_time = published.isna()
    precision = precision.mask(missing_time)
    source = source.mask(missing_time)
    if missing_time.any():
        # a 'Total' row without a time is no post: it is dropped when the table is finished
        # (_registry.finish), and not counted here
        pos = np.flatnonzero(missing_time.to_numpy())
        undated = len(pos) - int(summary_cells(text["post_id"].iloc[pos]).sum())
        if undated:
            ctx.note("missing_publish_time", f"{undated} posts have no publish time",
                     rows=undated)

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
        "content_type": _content_type(type_codes, type_keys, permalink, ctx,
                                      "story" if story else None),
    }
    nums = c.numbers_of(F, numeric)
    for canon, src in _DIRECT.items():
        v = nums[src]
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
    for extra in _EXTRA_NUMERIC:
        v = nums[extra]
        if v is not None:
            cols[extra] = v.array

    out = pd.DataFrame(cols, copy=False)

    _check_window(c, ctx)
    no_id = out["post_id"].isna()
    if no_id.any():
        ctx.note("missing_post_id", f"{int(no_id.sum())} rows have no post id; they are kept but "
                 "cannot be matched across exports", rows=int(no_id.sum()))
    ids = out["post_id"]
    sci = (ids.str.contains(r"[eE]\+\d+$", regex=True).fillna(False) if may_contain(ids, "+")
           else pd.Series(False, index=ids.index))
    raw_ids = c.col(F, "post_id")
    if raw_ids is not None and raw_ids.dtype == object:  # workbook: ids stored as numbers
        sci |= raw_ids.map(lambda v: isinstance(v, float) and abs(v) >= 2**53).to_numpy()
    if sci.any():
        ctx.note("post_id_damaged", f"{int(sci.sum())} post ids are in scientific notation "
                 "or were stored as numbers by a spreadsheet, which rounds long ids; they cannot "
                 "be matched reliably across exports",
                 rows=int(sci.sum()))
    if m.unknown:
        ctx.note("extra_columns", f"{len(m.unknown)} columns not used: {m.unknown[:20]!r}",
                 level="info")
    if m.has("impressions") and not m.has("views"):
        ctx.note("impressions_era", "pre-2025 export: Impressions kept apart from Views",
                 level="info")
    if len(m.columns.get("post_type", [])) > 1 or len(m.columns.get("post_id", [])) > 1:
        ctx.note("bilingual_headers", "the file repeats fields in two languages; the columns "
                 "were coalesced (first non-empty cell wins)", level="info")
    out.attrs.update(kind="posts", source_locale=m.locale, source_tz=META_TZ,
                     platform=str(platform.iloc[0]) if n else ("instagram" if story else
                                                               "facebook"))
    return [out]


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


# ---------------------------------------------------------------- daily

def _daily_platform(title: str, name: str) -> str | None:
    t = normalize(title)
    for key, plat in (("instagram", "instagram"), ("facebook", "facebook")):
        if key in t:
            return plat
    base = normalize(name.split("!")[-1])
    if "instagram" in base or re.search(r"(^|[^a-z])ig([^a-z]|$)", base):
        return "instagram"
    if "facebook" in base or re.search(r"(^|[^a-z])fb([^a-z]|$)", base):
        return "facebook"
    return None


def _parse_daily(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    title = c.meta.get("title", "")
    hit = match_headers([title], "meta_daily")
    metric = next(iter(hit.columns), None)
    if metric is None:
        metric = re.sub(r"[^a-z0-9]+", "_", normalize(title)).strip("_") or "value"
        ctx.note("unknown_daily_metric", f"daily metric {title!r} is not a known Meta series; "
                 f"kept as {metric!r}")
    platform = _daily_platform(title, ctx.file)
    if platform is None:
        ctx.note("platform_unknown", f"daily series {title!r} does not say whether it is "
                 "Facebook or Instagram (title and file name); platform left empty")
    frame = c.table.frame
    dates_raw = frame[0].astype("str").str.strip()
    empty = dates_raw == ""
    dates = pd.to_datetime(dates_raw.mask(empty, None), format="ISO8601", errors="coerce")
    if (dates.isna() & ~empty).any():
        # re-saved by a spreadsheet (01/09/2025): a ';' delimiter says day first was its
        # setting when no day above 12 tells
        order = "dmy" if c.table.delimiter == ";" else "mdy"
        dates = written_days(dates_raw, ctx, column=c.header[0],
                             first_line=c.table.first_line + 1, numeric_order=order)
    else:   # Meta writes 2025-08-01T00:00:00: a day; another time is dropped, noted
        note_times_dropped(ctx, (dates - dates.dt.normalize()).dt.total_seconds(), c.header[0])
    from ._numbers import parse_numbers
    values = parse_numbers(frame[1], file=ctx.file, column=c.header[1],
                           first_line=c.table.first_line + 1)
    if empty.any():
        ctx.note("daily_rows_without_date", f"{int(empty.sum())} rows have no date and were "
                 "not kept", rows=int(empty.sum()))
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
    out.attrs.update(kind="daily", platform=platform, source_tz=META_TZ,
                     source_locale=hit.locale if hit.columns else "en-US")
    ctx.note("day_zone_assumed", "Meta daily values taken as America/Los_Angeles days "
             "(reference §1.4, inferred)", level="info")
    return [out]


register("meta_post", platforms=("facebook", "instagram"), kinds="posts", detect=_detect_post,
         parse=_parse_posts, description="Meta Business Suite post export (Facebook/Instagram)")
register("meta_story", platforms="instagram", kinds="posts", detect=_detect_story,
         parse=_parse_story, description="Meta Business Suite Instagram stories export")
register("meta_daily", platforms=("facebook", "instagram"), kinds="daily", detect=_detect_daily,
         parse=_parse_daily, description="Meta Business Suite per-metric daily CSV (UTF-16)")
