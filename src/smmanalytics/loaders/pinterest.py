"""Pinterest analytics CSV — layout **unverified** (reference §7: no real header is known [U]).

One tolerant format, ``pinterest_unverified``, built from the documented metric names
(Statusbrew, Sprinklr, Pinterest API): a CSV whose headers include Pinterest-only metrics
(``Pin clicks``, ``Outbound clicks``, ``Saves`` with ``Impressions``) or whose file name says
``pinterest``. Every file read this way gets a warning in the quality log saying the layout is a
guess to check against a real export.

- With a ``Pin id`` or ``Pin link`` column: **posts**, one row per Pin. ``post_id`` = ``Pin id``
  or the number in ``/pin/<id>/`` (also where a spreadsheet rounded the ``Pin id``: written
  ``1.12346E+18``, or a workbook number beyond 2**53; noted); ``published_at`` = 00:00 UTC of
  ``Pin created date`` (day precision; Pinterest computes its metrics in UTC); ``Impressions``
  → impressions, ``Saves`` → saves, ``Pin clicks`` → clicks, ``Outbound clicks`` →
  link_clicks, ``Engagements`` → platform_engagements, ``Video views`` → video_views; rates
  (``Engagement rate``, ``Pin click rate``, ``Outbound click rate``, ``Save rate``) are kept as
  fractions.
- Otherwise, with a ``Date`` column: **daily** account rows (``impressions``,
  ``platform_engagements``, ``clicks``, ``link_clicks``, ``saves``, ``total_audience``,
  ``engaged_audience``, …).
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from ..errors import ParseError
from ..quality import counted
from ._candidate import Candidate, ParseContext
from ._dates import day_to_utc
from ._headers import normalize
from ._ids import differ_from_links, rounded_ids, zeros_rounded
from ._registry import register
from ._tidy import (
    cells_of,
    cells_text,
    day_order,
    long_daily,
    note_extra_columns,
    refuse_undated,
    text,
    written_days,
)

__all__: list[str] = []

P = F = "pinterest"
_METRICS = ("impressions", "saves", "clicks", "link_clicks", "platform_engagements",
            "video_views", "total_audience", "engaged_audience")
_RATES = ("platform_engagement_rate", "pin_click_rate", "outbound_click_rate", "save_rate")


def _detect(c: Candidate) -> float:
    m = c.match(F)
    # the name below the folder loaded: an agency's /srv/pinterest-clients/ above it says nothing
    named = "pinterest" in normalize(c.source.relative_name)
    specific = m.any("clicks", "link_clicks") and m.has("impressions")
    if specific and (m.any("post_id", "permalink") or m.has("date")):
        return 0.75 if not named else 0.85
    if named and m.has("impressions") and m.any("date", "post_id", "permalink"):
        return 0.7
    return 0.0


def _dates(c: Candidate, ctx: ParseContext, canonical: str, daily: bool = False) -> pd.Series:
    """The days of a column; in numbers, in the file's order (``_tidy.day_order``; ``daily``:
    the column is a daily file's run of consecutive days)."""
    header = c.header_of(F, canonical)
    cells = cells_text(c.col(F, canonical), errors=False).fillna("")
    return written_days(cells.reset_index(drop=True), ctx, column=header,
                        first_line=c.table.first_line + 1,
                        numeric_order=day_order(c, F, daily=header if daily else None))


def _values(c: Candidate, ctx: ParseContext, names: tuple[str, ...]) -> dict[str, pd.Series]:
    """The figures of the fields ``names`` the file has (rates as fractions); of several bad
    cells, the first in the file raises (:meth:`~._candidate.Candidate.read_all`)."""
    out = {}
    read = c.read_all(*(partial(c.numbers, F, canon) for canon in names))
    for canon, vals in zip(names, read, strict=True):
        if vals is None:
            continue
        vals = vals.reset_index(drop=True)
        if canon in _RATES and (vals.dropna() > 1).any():
            ctx.note("rate_percent", f"{c.header_of(F, canon)!r} above 1: read as percentages",
                     level="info")
            vals = vals / 100
        out[canon] = vals
    return out


def _parse(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    m = c.match(F)
    ctx.note("layout_unverified", "Pinterest export layout is unverified (no real file was "
             "available when the loader was written): columns were matched by their documented "
             "metric names; check the figures against Pinterest Analytics", level="warning")
    # Pinterest's headers beyond English are unknown (reference §7): a French export's
    # "Enregistrements" left unread is a synonyms.csv row away from being read
    note_extra_columns(ctx, m.unknown, advise_synonyms=True)
    if m.any("post_id", "permalink"):
        # the counts are read first (to tell Pins a spreadsheet rounded to one id apart), then
        # the creation days, then the rates: of their bad cells, the first in the file raises
        scratch = ctx.scratch()
        with c.first_bad_cell_among(partial(_values, c, scratch, _METRICS + _RATES),
                                    partial(_created, c, scratch)):
            return [_posts(c, ctx)]
    if not m.has("date"):
        raise ParseError("Pinterest file with neither Pin ids nor dates", file=c.name,
                         line=c.table.first_line, expected="a 'Pin id'/'Pin link' or a 'Date' "
                         "column", got=c.header[:6])
    # the days and the figures read before either is used: the first bad cell in the file raises
    dates, values = c.read_all(partial(_dates, c, ctx, "date", daily=True),
                               partial(_values, c, ctx, _METRICS + _RATES))
    ctx.note("tz_utc", "Pinterest computes its metrics by UTC day", level="info")
    refuse_undated(c, F, dates, values)
    out = long_daily(dates, values, platform=P, account_id=None)
    out.attrs.update(kind="daily", platform=P, source_locale=m.locale, source_tz="UTC")
    return [out]


def _posts(c: Candidate, ctx: ParseContext) -> pd.DataFrame:
    m = c.match(F)
    n = len(c.table.frame)
    link = text(c, F, "permalink")
    pin = text(c, F, "post_id")
    from_link = link.str.extract(r"/pin/(\d+)", expand=False).astype("string")
    # a spreadsheet writes a 19-digit Pin id as 1.12346E+18 (or a workbook as a float): two
    # Pins would share an id and be merged as one; the /pin/<id>/ link keeps it whole
    rounded = pd.Series(rounded_ids(pin, c.col(F, "post_id")), index=pin.index)
    mended = rounded & from_link.notna()
    if mended.any():
        ids_were = counted(int(mended.sum()), "Pin id was", "Pin ids were")
        ctx.note("post_id_from_link", f"{ids_were} rounded by a spreadsheet (written in "
                 f"scientific notation or stored as numbers: {pin[mended].iloc[0]!r}); the id "
                 "in the Pin's /pin/<id>/ link was used",
                 rows=int(mended.sum()))
    other = differ_from_links(c, ctx, pin, from_link, rounded, "Pin", "/pin/{}/")
    # written back as digits, cut to 15 of them: 1123456789012340000 for three Pins
    rounded |= pd.Series(zeros_rounded(pin, from_link, _figures(c, ctx)), index=pin.index)
    mended = (rounded | other) & from_link.notna()
    lost = rounded & ~mended
    if lost.any():
        ids_were = counted(int(lost.sum()), "Pin id was", "Pin ids were")
        ctx.note("post_id_damaged", f"{ids_were} rounded by a spreadsheet (written in "
                 "scientific notation, stored as numbers, or cut to 15 digits and ending in "
                 "zeros), with no /pin/<id>/ link to read the id from; kept, and matched with "
                 "no other Pin", rows=int(lost.sum()))
    post_id = pin.mask(mended, from_link).where(pin.notna(), from_link)
    if post_id.isna().any():
        ctx.note("post_id_missing", "Pins without an id or a /pin/<id>/ link",
                 rows=int(post_id.isna().sum()))
    # no link made from a rounded id: it would name another Pin, or none
    link = link.where(link.notna() | lost, "https://www.pinterest.com/pin/" + post_id + "/")
    published = _created(c, ctx)
    if not m.has("published_date"):
        ctx.note("date_missing", "no Pin creation date: published_at left empty", rows=n)
    caption = text(c, F, "caption", placeholders=False)
    caption = caption.where(caption.notna(), text(c, F, "description", placeholders=False))
    content_type = "image"              # the layout has no format column: a guess, noted
    if m.has("video_views"):
        views = c.numbers(F, "video_views").reset_index(drop=True).fillna(0).to_numpy()
        content_type = np.where(views > 0, "video", "image")
    df = pd.DataFrame({
        "platform": P,
        "account_id": pd.array([pd.NA] * n, dtype="string"),
        "post_id": post_id,
        "permalink": link,
        "caption": caption,
        "published_at": published,
        "time_precision": "day",
        "time_source": "export",
        "content_type": content_type,
        "paid": pd.array([pd.NA] * n, dtype="boolean"),
    })
    for canon, vals in _values(c, ctx, _METRICS + _RATES).items():
        df[canon] = vals
    ctx.note("content_type_guessed", "Pin content_type guessed: 'video' when it has video "
             "views, else 'image' (the layout has no format column)", level="info", rows=n)
    if lost.any():       # the merge does not match Pins by these ids (_merge.merge_table)
        df.attrs["unreliable_ids"] = sorted(set(post_id[lost]))
    df.attrs.update(kind="posts", platform=P, source_locale=m.locale, source_tz="UTC")
    return df


def _created(c: Candidate, ctx: ParseContext) -> pd.Series:
    """Each Pin's ``Pin created date``, 00:00 UTC (Pinterest's days are UTC days); NaT
    without the column."""
    if not c.match(F).has("published_date"):
        return pd.Series(pd.NaT, index=range(len(c.table.frame)), dtype="datetime64[ns, UTC]")
    return day_to_utc(_dates(c, ctx, "published_date"), "UTC")


def _figures(c: Candidate, ctx: ParseContext) -> pd.DataFrame:
    """The Pins' figures as read (two Pins whose ids a spreadsheet rounded to one differ in
    them); read in a scratch log, as the figures' own notes are made when they are kept."""
    scratch = ctx.scratch()
    return pd.DataFrame({k: v.to_numpy(dtype="float64", na_value=np.nan)
                         for k, v in _values(c, scratch, _METRICS).items()})


# no real header is known (reference §7): only the impressions every documented export has
register("pinterest_unverified", platforms=P, kinds=("posts", "daily"), detect=_detect,
         parse=_parse, description="Pinterest analytics CSV (layout unverified, tolerant)",
         family=F, keys=("post_id", "permalink", "published_date"), expects=("impressions",))
