"""LinkedIn Page analytics workbooks (reference §4): content, followers, visitors.

Each workbook (``.xls`` or ``.xlsx``, ``<page>_<section>_<epoch ms>.xls``) is read sheet by
sheet; every sheet is its own format:

- ``linkedin_all_posts`` (posts): sheet ``All posts``, a note on row 1, the header on row 2.
  ``post_id`` is the number of ``urn:li:activity:<id>`` in ``Post link``; ``published_at`` is
  the exact creation time decoded from that id (``utc_ms = id >> 22``, ``time_source =
  decoded_id``, ``time_precision = second``; inferred, not in the reference, noted) when it
  falls within ``Created date`` in some zone (between that day's 00:00 at UTC+14 and its 24:00
  at UTC-12); otherwise 00:00 UTC of ``Created date`` (``MM/DD/YYYY`` text or a real Excel
  date, ``time_precision = day``), or its time taken as UTC when the cell carries one
  (``08/14/2024 22:30``, ``time_precision = minute``, noted). ``paid`` = ``Post type`` is
  ``Sponsored``. ``Likes`` → reactions,
  ``Reposts`` (older ``Shares``) → shares, ``Clicks`` → clicks, ``Impressions`` → impressions,
  ``Follows`` → follows, ``Views`` → video_views. ``Click through rate (CTR)`` and
  ``Engagement rate`` are kept as fractions (``platform_ctr``, ``platform_engagement_rate``):
  the reference does not say which LinkedIn writes, so the sheet's own counts tell (a rate
  about 100 times clicks / impressions is in percent); without them, a value above 1 means
  percentages. Every rate column of a sheet is read the same way, noted.
- ``linkedin_metrics`` (daily): sheet ``Metrics``. A header ``<Name> (organic|sponsored|total)``
  gives the metric ``<name>`` for the total and ``<name>_organic`` / ``<name>_sponsored`` for the
  parts (``Reposts`` → ``shares``, ``Engagement rate`` → ``platform_engagement_rate``; the
  organic-only ``Unique impressions (organic)`` → ``unique_impressions_organic``; French and
  Italian suffixes too; an unknown suffix is kept apart, with a warning; the engagement rates
  are read as the posts' are, against the same distribution's counts). LinkedIn's
  negative corrections are kept as exported and noted.
- ``linkedin_new_followers`` (daily): ``Total followers`` is the number of **new** followers that
  day → ``follows``; parts → ``follows_organic``, ``follows_sponsored``,
  ``follows_auto_invited``.
- ``linkedin_visitor_metrics`` (daily): ``Total page views (total)`` → ``page_views``, ``Total
  unique visitors (total)`` → ``unique_visitors``, ``(desktop)``/``(mobile)`` parts suffixed;
  other sections (``Overview page views``…) become snake_case metric names.
- ``linkedin_demographics`` (audience): sheets ``Location``, ``Job function``, ``Seniority``,
  ``Industry``, ``Company size`` (and their Portuguese, French and Italian names,
  :data:`_DEMO_SHEETS`). ``value`` is the count; ``share`` = value / sum of the sheet's
  values (a share of the listed categories). Visitors' sheets get dimensions ``visitor_<name>``.
  Categories are kept as exported, in the language of the export: industry names have no
  confirmed translation (reference §4.4), so those of a French or Italian interface are not
  mapped to the English ones (the report translates English seniority levels and job
  functions, and says the industries are as exported).

Dates re-saved by a spreadsheet: Excel day numbers are read in the workbook's date system
(1900, or 1904 when it says so); real dates that a spreadsheet set to read day first made of
LinkedIn's ``MM/DD/YYYY`` text (day and month swapped up to the 12th, proved by a date it left
as text, ``05/13/2026``) get their day and month back, as Meta's publish times do (noted).

The page: ``account_id`` is its vanity name in the file name; a file named without it
(``content_<epoch>.xls``) takes one made of the display name a content sheet's first row gives
(``All posts published by Atelier Lumière, …`` → ``atelier-lumiere``, noted), so that two pages
stay two accounts; ``account_name`` of the posts is that display name.

LinkedIn does not say which zone its dates are in [U]: days are UTC days (noted per file). A
content workbook whose ``Metrics`` sheet has no ``All posts`` sibling raises ParseError.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd

from ..errors import ParseError
from ..quality import agree, counted
from ._body import lines_named
from ._candidate import Candidate, ParseContext
from ._cells import classify_cells
from ._dates import (
    DayOrder,
    dates_from_parts,
    day_first_misreading,
    day_to_utc,
    file_numeric_order,
    id_time_in_any_zone,
    parse_text_dates,
)
from ._headers import HeaderMatch, language_hint, match_headers, normalize
from ._ids import linkedin_urn_time
from ._registry import register
from ._serials import SERIAL_DAYS, excel_origin
from ._tidy import (
    YEARS,
    cells_of,
    cells_text,
    check_years,
    long_daily,
    note_day_tz,
    note_extra_columns,
    note_full_width,
    note_negative_values,
    note_times_dropped,
    numeric_date_columns,
    refuse_undated,
    text,
    without_copy_marks,
)

__all__: list[str] = []

P = "linkedin"
F_POSTS, F_METRICS = "linkedin_posts", "linkedin_metrics"
F_FOLLOWERS, F_VISITORS = "linkedin_followers", "linkedin_visitors"

_SUFFIX = re.compile(r"^(.*?)\s*\(\s*([^()]+?)\s*\)$")
#: distribution words of the ``(…)`` header suffixes: English and Portuguese confirmed
#: (reference §4.3, §4.4); ``paid`` and the device words other than ``desktop``/``mobile``
#: inferred. French and Italian headers are unknown to the reference (§4.4 [U]): their words
#: below are inferred, each gender and number of LinkedIn's French and Italian interface words
#: (``Impressions (organiques)``, ``Impressioni (sponsorizzate)``, ``Clic (totale)``)
_DIST = {"organic": "organic", "sponsored": "sponsored", "total": "total", "paid": "sponsored",
         "orgânicas": "organic", "orgânicos": "organic", "orgânica": "organic",
         "orgânico": "organic", "patrocinadas": "sponsored", "patrocinados": "sponsored",
         "patrocinado": "sponsored", "patrocinada": "sponsored",
         # French, inferred
         "organique": "organic", "organiques": "organic", "sponsorisé": "sponsored",
         "sponsorisée": "sponsored", "sponsorisés": "sponsored", "sponsorisées": "sponsored",
         "totale": "total", "totaux": "total", "totales": "total",
         # Italian, inferred ("totale", singular of either gender, is French's too)
         "organico": "organic", "organica": "organic", "organici": "organic",
         "organiche": "organic", "sponsorizzato": "sponsored", "sponsorizzata": "sponsored",
         "sponsorizzati": "sponsored", "sponsorizzate": "sponsored", "totali": "total",
         "desktop": "desktop", "mobile": "mobile", "celular": "mobile", "computador": "desktop"}
#: the demographic sheets by their names, normalised: English (reference §4.2), Portuguese,
#: French and Italian (all three inferred: the reference names the English sheets only; the
#: French ones are those of LinkedIn's French interface, ``Taille de l’entreprise`` written
#: with either apostrophe, the Italian ones those of its Italian interface)
_DEMO_SHEETS = {"location": "location", "job function": "job_function",
                "seniority": "seniority", "industry": "industry",
                "company size": "company_size", "localização": "location",
                "função": "job_function", "nível de experiência": "seniority",
                "setor": "industry", "tamanho da empresa": "company_size",
                # French, inferred
                "lieu": "location", "fonction": "job_function",
                "niveau hiérarchique": "seniority", "secteur": "industry",
                "taille de l'entreprise": "company_size",
                # Italian, inferred
                "località": "location", "funzione lavorativa": "job_function",
                "livello di anzianità": "seniority", "settore": "industry",
                "dimensioni dell'azienda": "company_size"}
#: the count column's header (the second) of a demographic sheet of followers and of
#: visitors: English (reference §4.2); French and Italian inferred
_DEMO_FOLLOWERS = {"total followers", "total abonnés", "total des abonnés", "follower totali",
                   "totale follower"}
_DEMO_VIEWS = {"total views", "page views", "total vues", "total des vues",
               "visualizzazioni totali", "totale visualizzazioni"}
_PAID = {"sponsored": True, "organic": False, "patrocinado": True, "orgânico": False,
         "sponsorisé": True, "organique": False, "sponsorizzato": True, "organico": False,
         "patrocinada": True}
_TYPES = {"video": "video", "vidéo": "video", "vídeo": "video", "image": "image",
          "images": "image", "photo": "image", "imagem": "image", "document": "document",
          "documento": "document", "article": "link", "link": "link", "text": "text",
          "carousel": "carousel", "multi-image": "carousel", "poll": "other", "event": "other"}


# ----------------------------------------------------------------------------- helpers

def _sheet(c: Candidate) -> str:
    return normalize(c.table.sheet or "")


def _siblings(c: Candidate) -> set[str]:
    return {normalize(t.sheet or "") for t in c.tables}


def _page(c: Candidate) -> str | None:
    """The page's vanity name: ``maison-seve`` in ``maison-seve_content_1791015300000.xls``
    (the file's name; for an archive member, the member's, else the archives' from the
    innermost out), without a copy's marks: ``Copie de maison-seve_followers_….xls`` is
    ``maison-seve``'s, not the page ``Copie de maison-seve``'s."""
    for part in reversed(c.source.name.split("!")):
        base = without_copy_marks(part.replace("\\", "/").rsplit("/", 1)[-1])
        m = re.match(r"^(.+?)_(?:content|updates|followers|visitors|competitors?)_", base, re.I)
        if m:
            return m.group(1)
    return None


#: the page's name in a content sheet's first row: ``All posts published by Atelier Lumière,
#: 05/01/2026 - 10/31/2026``, ``Aggregated engagement metrics for Maison Sève, 05/01/…``,
#: ``All posts data for Maison Sève between 10/01/2026 and 10/05/2026.`` (inferred from the
#: exports seen: the reference says only that a note is on row 1, §4.2). A first row naming
#: no page ("Aggregated metrics for the page's organic and sponsored updates. …") has no date
#: right after a name, and gives none
_TITLE_PAGE = re.compile(r"\b(?:for|by)\s+(.+?)(?:,\s*|\s+between\s+)\d{1,4}[/.-]\d", re.I)


def _page_name(c: Candidate) -> str | None:
    """The page's display name, from the first row of the table's sheet, else of another
    sheet of its workbook (:data:`_TITLE_PAGE`); None when none names it."""
    for t in sorted(c.tables, key=lambda t: t is not c.table):
        m = _TITLE_PAGE.search(t.meta.get("preamble", ""))
        if m:
            return m.group(1).strip()
    return None


def _account_id(c: Candidate, ctx: ParseContext) -> str | None:
    """The page's id: its vanity name in the file name (:func:`_page`), else one made of its
    display name (:func:`_page_name`: ``Atelier Lumière`` → ``atelier-lumiere``, noted), so
    that two pages' workbooks named ``content_<epoch>.xls`` stay two accounts (they were
    merged, the newer one's days replacing the other's) and brand.yaml's account applies."""
    page = _page(c)
    if page is not None:
        return page
    name = _page_name(c)
    if name is None:
        return None
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    made = re.sub(r"[^0-9a-z]+", "-", ascii_.casefold()).strip("-") or None
    if made is not None:
        ctx.note("account_from_title", f"the file name gives no page; its first row names "
                 f"{name!r}: account_id {made!r} made of it", level="info")
    return made


def _numbers_at(c: Candidate, pos: int, canonical: str | None = None, *,
                locale: str | None = None) -> pd.Series:
    """Column ``pos`` as Float64, read as every loader reads numbers
    (:meth:`Candidate.numbers_at`: a count written ``1.264`` by an Italian or German
    spreadsheet is 1264, and noted); a bad cell raises ParseError naming ``sheet!cell``. A
    cell written with ``%`` is bad in the field ``canonical`` unless it is a rate (``12%``
    clicks). ``locale`` is the language of the headers, whose decimal mark reads ``1.264``."""
    try:
        out = c.numbers_at(pos, canonical, locale=locale)
    except ParseError as exc:
        raise ParseError(exc.reason, file=c.name, line=exc.line,
                         cell=c.table.cell(pos, exc.line), column=c.table.header[pos],
                         expected=exc.expected, got=exc.got) from None
    return out.reset_index(drop=True)


def _numbers(c: Candidate, family: str, canonical: str) -> pd.Series | None:
    pos = c.match(family).columns.get(canonical)
    return None if not pos else _numbers_at(c, pos[0], canonical,
                                            locale=c.match(family).locale)


#: what a date column's cell holds, from its Python type (see :func:`_kinds`)
_DATETIME, _DATE, _NUMBER, _TEXT, _OTHER = "datetime", "date", "number", "text", "other"
#: an empty cell (None), an "other" told apart: a column of dates and empty cells (a
#: workbook's, the most common) has no text to read (:func:`_dates_at`)
_NONE = "none"


def _kind_of(t: type) -> str:
    if t is type(None):
        return _NONE
    if issubclass(t, bool):
        return _OTHER
    if issubclass(t, (pd.Timestamp, dt.datetime)):     # pandas' NaT is a datetime too
        return _DATETIME
    if issubclass(t, dt.date):
        return _DATE
    if issubclass(t, (int, float, np.number)):
        return _NUMBER
    return _TEXT if issubclass(t, str) else _OTHER


def _kinds(cells: pd.Series) -> pd.Series:
    """What each cell holds: a real Excel date-time, a date, a number (not a bool), text,
    nothing (None), or other (a bool…). Only the few distinct types of the column are classified."""
    return pd.Series(classify_cells(cells, _kind_of), index=cells.index, name=cells.name)


#: the sheets of a workbook that are a run of days, their first column the day
_DAILY_SHEETS = frozenset({"metrics", "new followers", "visitor metrics"})


def _file_order(c: Candidate) -> DayOrder:
    """The one order of the all-number text dates of the file of ``c``
    (:func:`~._dates.file_numeric_order`), from every text date column of every sheet: a
    spreadsheet that re-saved the workbook (a French one, ``05/10/2025``) wrote all its dates
    in its own order, so a day above 12 in 'Metrics' orders the posts' 'Created date' too. The
    evidence, in order: a day above 12; the ``;`` separator (a CSV re-save with European
    settings); the days of a daily sheet (:data:`_DAILY_SHEETS`), which only one order makes
    consecutive; else LinkedIn's ``MM/DD/YYYY``, assumed. The headers' language is no hint:
    it is LinkedIn's, not the spreadsheet's. Real Excel dates carry no order and are left out.
    Found once for the sheet of ``c``, however many of its columns are dates."""
    return c.table.memo("linkedin_file_order", partial(_file_order_of, c))


def _file_order_of(c: Candidate) -> DayOrder:
    """:func:`_file_order`, computed."""
    columns: dict[str, pd.Series] = {}
    daily = None
    for t in c.tables:
        found = numeric_date_columns(t, by_sheet=True)
        first = f"{t.sheet}!{t.header[0]}" if t.sheet and len(t.header) else None
        if daily is None and first in found and normalize(t.sheet) in _DAILY_SHEETS:
            daily = first
        columns.update(found)
    if not columns:
        return DayOrder("mdy")
    european = "the ';' separator" if c.table.delimiter == ";" else None
    return file_numeric_order(columns, european=european, daily=daily, default="mdy")


def _note_order(ctx: ParseContext, header: str, read: str | None, ambiguous: bool,
                order: DayOrder | None, proved_by: str | None = None) -> None:
    """Note the order the all-number text dates of ``header`` were read in (``read``; None:
    the column has none): day first always (not LinkedIn's order), with what proved it; month
    first, LinkedIn's own, only when nothing proved it (``ambiguous``: no day above 12 in the
    column, nor ``order``'s evidence elsewhere in the file, nor ``proved_by``), as a warning."""
    if read == "dmy":
        why = ("a first number above 12" if not ambiguous
               else f"no day above 12 in this column; {proved_by} prove it" if proved_by
               else f"no day above 12 in this column; {order.evidence}")
        sure = not ambiguous or bool(proved_by) or order.sure
        ctx.note("dates_day_first", f"{header!r} holds DD/MM/YYYY dates, not LinkedIn's "
                 f"MM/DD/YYYY ({why})", level="info" if sure else "warning")
    elif read == "mdy" and ambiguous and not proved_by and order.evidence is None:
        ctx.note("date_format_resaved", f"{header!r} holds dates written with numbers; read "
                 "as MDY (LinkedIn's MM/DD/YYYY) — assumed, no day above 12 proves the order",
                 level="warning")


def _dates_at(c: Candidate, pos: int, ctx: ParseContext | None = None, *,
              timed: bool = False, numeric_order: str | DayOrder | None = None,
              order_note: bool = True) -> pd.Series:
    """Day column → naive dates (empty → NaT).

    Accepts real Excel dates, Excel serial numbers (a re-saved sheet), ``MM/DD/YYYY`` text
    (LinkedIn's order) and ISO text, each possibly with a time of day. The time is not in the
    dates: unless the caller reads it (``timed``, with :func:`_times_at`), a time other than
    00:00 is noted as dropped. A bad cell raises ParseError naming ``sheet!cell``. The text
    dates are read in the file's order (``numeric_order``, by default :func:`_file_order`; a
    column whose first number exceeds 12 is day first whatever it says), noted
    (:func:`_note_order`) unless ``order_note`` is False: the caller notes it, from
    ``attrs["numeric_order"]``, ``attrs["numeric_ambiguous"]`` and ``attrs["day_order"]`` of
    the dates returned (None, as the file's order is not looked for, when no cell is text).
    """
    cells = c.table.column(pos).reset_index(drop=True)
    header = c.table.header[pos]
    first = c.table.first_line + 1
    kinds = _kinds(cells)
    is_dt = kinds.isin([_DATETIME, _DATE])
    is_num = kinds == _NUMBER
    real = pd.to_datetime(cells.where(is_dt), errors="coerce")
    odd_dt = is_dt & ~real.dt.year.between(*YEARS)      # NaT (no year) too
    if odd_dt.any():
        i = int(np.flatnonzero(odd_dt.to_numpy())[0])
        line = first + i
        raise ParseError("date out of range", file=c.name, line=line,
                         cell=c.table.cell(pos, line), column=header,
                         expected=f"a year between {YEARS[0]} and {YEARS[1]}",
                         got=str(cells.iloc[i]))
    # cells a spreadsheet left as text, or of a type of their own: none in a column of real
    # dates and empty cells, which has no text date to read nor any that proves a swap
    written = bool((~(is_dt | is_num) & (kinds != _NONE)).any())
    if written:
        real = _day_first_put_back(cells, is_dt, real, header, ctx)
    serial = pd.to_numeric(cells.where(is_num), errors="coerce")
    bad_serial = is_num & ~serial.between(*SERIAL_DAYS).fillna(False)
    # the workbook's date system is read only when a cell is a number (it opens the file)
    origin = excel_origin(c.source.data) if is_num.any() else "1899-12-30"
    from_serial = pd.to_datetime(serial.where(~bad_serial), unit="D", origin=origin,
                                 errors="coerce")
    try:
        if bad_serial.any():
            i = int(np.flatnonzero(bad_serial.to_numpy())[0])
            raise ParseError("cell is not a date", file=c.name, line=first + i, column=header,
                             expected="MM/DD/YYYY or an Excel date", got=str(cells.iloc[i]))
        text_dates, parts, order = _text_dates_at(c, cells, kinds, numeric_order, header,
                                                  written=written)
    except ParseError as exc:
        raise ParseError("cell is not a date", file=c.name, line=exc.line,
                         cell=c.table.cell(pos, exc.line),
                         column=header, expected="MM/DD/YYYY or an Excel date",
                         got=exc.got) from None
    read, ambiguous = parts.attrs.get("numeric_order"), bool(parts.attrs.get("numeric_ambiguous"))
    if ctx is not None and order_note:
        _note_order(ctx, header, read, ambiguous, order)
    if ctx is not None:
        note_full_width(ctx, parts, header, first)
    if ctx is not None and is_num.any():
        ctx.note("excel_serial_dates", f"{header!r} holds Excel day numbers (a re-saved "
                 "sheet); read as dates", level="info", rows=int(is_num.sum()))
    if ctx is not None and not timed:
        offset = _times_at(c, pos, kinds)[0]
        note_times_dropped(ctx, offset.dt.total_seconds().where(cells.notna()), header)
    out = real.where(is_dt, from_serial.where(is_num, text_dates))
    out = pd.to_datetime(out).astype("datetime64[ns]").dt.normalize().reset_index(drop=True)
    out.attrs.update(numeric_order=read, numeric_ambiguous=ambiguous, day_order=order)
    return out


def _text_dates_at(c: Candidate, cells: pd.Series, kinds: pd.Series,
                   numeric_order: str | DayOrder | None, header: str, *, written: bool
                   ) -> tuple[pd.Series, pd.DataFrame, DayOrder | None]:
    """``(dates, parts, order)`` of the text cells of a date column (the ``cells`` whose
    :func:`_kinds` ``kinds`` are no dates nor numbers), read in ``numeric_order`` (by default
    :func:`_file_order`) as :func:`_dates_at` says. A workbook's column of real dates and
    empty cells has none: its two dozen pandas calls, and the file's order, which only text
    dates are read in, are skipped (all NaT, parts without ``attrs``: no order read, none
    ambiguous, no full-width digits; order None): ``written`` says whether any cell is
    neither."""
    first = c.table.first_line + 1
    stored = kinds.isin([_DATETIME, _DATE, _NUMBER])
    if not written:
        return (pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]"), pd.DataFrame(),
                None)
    order = (_file_order(c) if numeric_order is None else DayOrder(numeric_order)
             if isinstance(numeric_order, str) else numeric_order)
    text_cells = cells_text(cells.where(~stored, None)).fillna("")
    parts = parse_text_dates(text_cells, file=c.name, column=header, first_line=first,
                             require_year=True, numeric_order=order.order)
    check_years(parts, file=c.name, column=header, first_line=first)
    return dates_from_parts(parts, file=c.name, column=header, first_line=first,
                            cells=text_cells), parts, order


def _day_first_put_back(cells: pd.Series, is_dt: pd.Series, real: pd.Series, header: str,
                        ctx: ParseContext | None) -> pd.Series:
    """``real``, the date cells of a column, with day and month swapped back where a
    spreadsheet set to read day first turned LinkedIn's ``MM/DD/YYYY`` text into them
    (``05/03/2026``, 3 May, stored as 5 March): proved by a text date it could not read,
    ``05/13/2026`` (:func:`~._dates.day_first_misreading`, as the Meta loader's publish
    times). Noted; without a proof the dates are used as stored."""
    proof = day_first_misreading(cells, is_dt) if is_dt.any() else None
    if proof is None:
        return real
    swapped = pd.to_datetime(pd.DataFrame({"year": real.dt.year, "month": real.dt.day,
                                           "day": real.dt.month}).where(is_dt))
    swapped += real - real.dt.normalize()                # a date-time keeps its time
    if ctx is not None:
        n = int(is_dt.sum())
        ctx.note("dates_swapped_day_first", f"{counted(n, 'date', 'dates')} of {header!r} "
                 f"{agree(n, 'was a date', 'were dates')} of a spreadsheet set to read day "
                 f"first (it left LinkedIn's MM/DD/YYYY {proof!r} as text): "
                 f"{agree(n, 'its', 'their')} day and month were put back", rows=n)
    return real.where(~is_dt, swapped)


#: a text cell's trailing time of day: ``08/14/2024 22:30``, ``8/14/2024 10:30:05 PM``
#: (groups h, m, s, a|p; the spaces around the cell are no part of it)
_TIME = re.compile(r"^\s*\S+[ t]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?\s*$",
                   re.I)


def _ints(digits: pd.Series) -> pd.Series:
    """Float64 values of ``\\d`` groups (NaN where none); digits of another script, which
    ``\\d`` matches too, are read as :func:`int` reads them."""
    out = pd.to_numeric(digits, errors="coerce").astype("float64")
    other = digits.notna() & out.isna()
    if other.any():
        out[other] = digits[other].map(int)
    return out


def _times_at(c: Candidate, pos: int, kinds: pd.Series | None = None
              ) -> tuple[pd.Series, pd.Series]:
    """The time of day a date column's cells carry: ``(offset from 00:00, has a time)``.

    A real Excel date-time keeps its time, an Excel serial its fraction of a day (to the
    second), a text cell a trailing ``HH:MM[:SS][ am|pm]`` (``08/14/2024 22:30``; a written
    time counts even at 00:00). A time out of range raises ParseError naming ``sheet!cell``.
    ``kinds`` is :func:`_kinds` of the cells, when the caller has it.
    """
    cells = c.table.column(pos).reset_index(drop=True)
    kinds = _kinds(cells) if kinds is None else kinds
    zero = pd.Timedelta(0)
    offset = pd.Series(zero, index=cells.index, dtype="timedelta64[ns]")
    has = pd.Series(False, index=cells.index)
    is_dt = kinds == _DATETIME
    if is_dt.any():
        real = pd.to_datetime(cells.where(is_dt), errors="coerce")
        off = (real - real.dt.normalize()).astype("timedelta64[ns]")
        offset, has = offset.mask(is_dt, off), has.mask(is_dt, off != zero)   # NaT: has
    serial = pd.to_numeric(cells.where(kinds == _NUMBER), errors="coerce")
    is_serial = serial.between(*SERIAL_DAYS)
    if is_serial.any():
        # as pd.Timedelta(days=fraction) computes it: nanoseconds truncated, then rounded to
        # the second (half to even)
        ns = np.trunc(np.mod(serial.to_numpy(dtype="float64"), 1) * 24 * 3600 * 1e9)
        off = pd.Series(np.nan_to_num(ns).astype("int64"), index=cells.index)
        off = off.astype("timedelta64[ns]").dt.round("s")
        offset, has = offset.mask(is_serial, off), has.mask(is_serial, off != zero)
    is_text = kinds == _TEXT
    if is_text.any():
        # the same day and time recur: each distinct text is matched once
        codes, texts = pd.factorize(cells.where(is_text).astype("str"), use_na_sentinel=False)
        if not any(isinstance(t, str) and ":" in t for t in texts):
            # no text writes a time (LinkedIn's own MM/DD/YYYY): :data:`_TIME` matches none,
            # and its dozen pandas calls would leave every offset 00:00 and none timed
            return offset, has
        parts = pd.Series(texts).str.extract(_TIME).take(codes).set_axis(cells.index)
        h, mi, sec = (_ints(parts[k]) for k in range(3))
        ampm = parts[3].str.lower()
        twelve = (ampm.notna() & (h >= 1) & (h <= 12)).to_numpy(dtype=bool)
        h = h.mask(twelve, h % 12 + np.where(ampm == "p", 12, 0))
        timed = parts[1].notna()
        bad = timed & ((h > 23) | (mi > 59) | (sec.fillna(0) > 59))
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            line = c.table.first_line + 1 + i
            raise ParseError("time out of range", file=c.name, line=line,
                             cell=c.table.cell(pos, line),
                             column=c.table.header[pos], expected="MM/DD/YYYY [HH:MM]",
                             got=cells.iloc[i])
        seconds = (h * 3600 + mi * 60 + sec.fillna(0)).where(timed, 0)
        off = pd.to_timedelta(seconds.to_numpy(dtype="int64"), unit="s").astype("timedelta64[ns]")
        offset, has = offset.mask(timed, pd.Series(off, index=cells.index)), has | timed
    return offset, has


def _date_column(c: Candidate, family: str) -> int:
    """Where a daily sheet's ``Date`` column is."""
    pos = c.match(family).columns.get("date")
    if not pos:
        raise ParseError("no date column", file=c.name,
                         cell=c.table.cell(0, c.table.first_line),
                         column="Date", expected="a 'Date' header",
                         got=c.table.header[:4])
    return pos[0]


def _rates(ctx: ParseContext, rates: dict[str, pd.Series],
           computed: dict[str, pd.Series | None]) -> dict[str, pd.Series]:
    """The rate columns of one sheet (``header → values``) as fractions, all read the same way.

    LinkedIn's daily engagement rate, (clicks + reactions + comments + reposts) / impressions,
    exceeds 1 on a day of few impressions (5 clicks of 4 impressions: 1.5): a value above 1
    does not prove percentages. The sheet's own counts do: ``computed[header]`` is the rate
    they give (None without them). Where the rate and its counts are both known, a median
    ratio rate / counts' rate near 100 (above 10, the midpoint of 1 and 100 on a log scale)
    means percentages, near 1 fractions (LinkedIn may count follows too, a few % more). Without
    counts, a value above 1 in any column means percentages, as before; fractions otherwise,
    which the reference does not settle (§10 Q6). The choice is noted, and why, with the
    number of rows holding a rate (each row once, however many of its rates are filled)."""
    filled = [h for h, v in rates.items() if v.notna().any()]
    if not filled:
        return rates
    rows = int(pd.concat([rates[h].notna() for h in filled], axis=1).any(axis=1).sum())
    none = pd.Series(dtype="Float64")
    ratios = pd.concat([(rates[h] / computed[h]).where(computed[h] > 0)
                        for h in filled if computed.get(h) is not None] or [none])
    ratios = ratios[ratios > 0].dropna()
    if len(ratios):
        median = float(ratios.median())
        percent = median > 10
        why = (f"on the {len(ratios)} values whose counts are known, they are a median "
               f"{median:.3g} times the rate of the sheet's own counts (clicks, or clicks + "
               "reactions + comments + reposts, over impressions)")
        if percent:
            ctx.note("rate_percent", f"rates {filled} read as percentages and divided by 100: "
                     f"{why}", level="info", rows=rows)
        else:
            ctx.note("rate_fraction_from_counts", f"rates {filled} read as fractions "
                     f"(0.05 = 5 %): {why}", level="info", rows=rows)
    else:
        above = [h for h in filled if (rates[h].dropna() > 1).any()]
        percent = bool(above)
        if percent:
            ctx.note("rate_percent", f"rates {filled} read as percentages and divided by 100: "
                     f"{above} hold values above 1, and no counts of the sheet tell",
                     level="info", rows=rows)
        else:
            ctx.note("rate_fraction_assumed", f"rates {filled} hold no value above 1: read as "
                     "fractions (0.05 = 5 %); the reference does not say whether LinkedIn "
                     "writes fractions or percentages (§10 Q6)", level="info", rows=rows)
    return {h: v / 100 for h, v in rates.items()} if percent else rates


def _counts_rate(numerators: list[pd.Series | None], impressions: pd.Series | None
                 ) -> pd.Series | None:
    """The rate the sheet's counts give, sum(numerators) / impressions (NA where one is
    missing), or None when a column is not in the sheet."""
    if impressions is None or any(n is None for n in numerators):
        return None
    return sum(numerators) / impressions


def _split_headers(c: Candidate, skip: set[int]) -> list[tuple[int, str, str]]:
    """(position, base header, distribution) of every ``Name (suffix)`` header.

    The distribution is a word of :data:`_DIST` (``total`` for a header without a suffix), or
    the suffix as written when :data:`_DIST` does not know it (:func:`_known_dist` tells):
    read as ``total``, it made ``Impressions (organiques)`` and ``Impressions (total)`` one
    metric, of which the first column was read and the total left out."""
    out = []
    for pos, raw in enumerate(c.table.header):
        if pos in skip or not raw.strip():
            continue
        m = _SUFFIX.match(raw.strip())
        base, dist = (m.group(1), _DIST.get(normalize(m.group(2)), m.group(2))) if m \
            else (raw, "total")
        out.append((pos, base, dist))
    return out


def _known_dist(dist: str) -> bool:
    return dist in _DIST.values()


def _slug(text_: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", normalize(text_)).strip("_") or "value"


# ----------------------------------------------------------------------------- detection

def _detect_posts(c: Candidate) -> float:
    if _sheet(c) == "all posts":
        return 0.95
    m = c.match(F_POSTS)
    return 0.75 if m.has("permalink", "published_date", "impressions") else 0.0


def _detect_metrics(c: Candidate) -> float:
    if _sheet(c) == "metrics" and c.match(F_METRICS).has("date"):
        return 0.9
    split = _split_headers(c, set())
    bases = match_headers([b for _, b, _ in split], F_METRICS)
    dists = {d for _, _, d in split}
    return 0.7 if bases.has("date", "impressions", "clicks") and "organic" in dists else 0.0


def _detect_followers(c: Candidate) -> float:
    m = c.match(F_FOLLOWERS)
    if _sheet(c) == "new followers" and m.has("date"):
        return 0.9
    return 0.75 if m.has("date", "follows_organic", "follows") else 0.0


def _detect_visitors(c: Candidate) -> float:
    if _sheet(c) == "visitor metrics" and c.match(F_VISITORS).has("date"):
        return 0.9
    return 0.7 if "total page views (total)" in c.norm_set else 0.0


def _detect_demographics(c: Candidate) -> float:
    if not c.table.sheet or _sheet(c) not in _DEMO_SHEETS or len(c.header) < 2:
        return 0.0
    if _siblings(c) & {"new followers", "visitor metrics"}:
        return 0.9
    counts = _DEMO_FOLLOWERS | _DEMO_VIEWS - {"page views"}
    return 0.6 if any(normalize(h) in counts for h in c.header[1:]) else 0.0


# ----------------------------------------------------------------------------- parsing

def _parse_posts(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    m = c.match(F_POSTS)
    if not m.has("permalink"):
        raise ParseError("LinkedIn 'All posts' sheet without a post link column", file=c.name,
                         cell=c.table.cell(0, c.table.first_line), column="Post link",
                         expected=_header_wanted("Post link", "permalink"), got=c.header[:6])
    if not m.has("published_date"):
        raise ParseError("LinkedIn 'All posts' sheet without a creation date", file=c.name,
                         cell=c.table.cell(0, c.table.first_line), column="Created date",
                         expected=_header_wanted("Created date", "published_date"),
                         got=c.header[:6])
    with c.first_bad_cell_among(*_post_cells(c, m, ctx)):
        return [_posts(c, m, ctx)]


def _header_wanted(header: str, canonical: str) -> str:
    """What an ``All posts`` sheet without the column ``header`` expected: that header, or
    the synonyms.csv row that reads it in another language (:func:`language_hint`)."""
    row = f"{F_POSTS},{canonical},<language>,<its header>"
    return f"a {header!r} header ({language_hint(row)})"


#: a post's counts, and its rates (read with them, :func:`_post_rates`)
_POST_COUNTS = ("impressions", "clicks", "reactions", "comments", "shares", "follows",
                "video_views", "offsite_views")
_POST_RATES = ("platform_ctr", "platform_engagement_rate")


def _post_cells(c: Candidate, m: HeaderMatch, ctx: ParseContext) -> list[Callable[[], object]]:
    """The readings of the posts' cells that :func:`_posts` makes one after the other (their
    creation dates, counts, rates and campaign days), for
    :meth:`~._candidate.Candidate.first_bad_cell_among` to name the first bad cell in the file
    of several: ``lots`` of impressions on line 9 was named where the date of line 3 was bad,
    the dates being read first. Their notes go to a scratch log: they run on the error path."""
    scratch = ctx.scratch()
    campaign = [pos[0] for k in ("campaign_start", "campaign_end") if (pos := m.columns.get(k))]
    return [lambda: _times_from_ids(c, m.columns["published_date"][0],
                                    text(c, F_POSTS, "permalink"), scratch),
            *(partial(_numbers, c, F_POSTS, k) for k in (*_POST_COUNTS, *_POST_RATES)),
            *(partial(_dates_at, c, pos, scratch) for pos in campaign)]


def _posts(c: Candidate, m: HeaderMatch, ctx: ParseContext) -> pd.DataFrame:
    """The posts of an 'All posts' sheet that has its link and creation date columns."""
    n = len(c.table.frame)
    link = text(c, F_POSTS, "permalink")
    post_id = link.str.extract(r"urn:li:(?:activity|share|ugcPost):(\d+)", expand=False)
    bare = link.str.fullmatch(r"\d{10,20}").fillna(False)
    post_id = post_id.where(post_id.notna(), link.where(bare)).astype("string")
    if post_id.isna().any():
        ctx.note("post_id_missing", "posts without a 'urn:li:…:<id>' in Post link keep an "
                 "empty post_id", rows=int(post_id.isna().sum()))
    published, agree, has_time = _times_from_ids(c, m.columns["published_date"][0], link, ctx)
    ptype = text(c, F_POSTS, "distribution").str.lower()
    paid = ptype.map(_PAID)                          # a word not listed, or none: NA
    raw_type = text(c, F_POSTS, "content_type_raw")
    ctype = raw_type.str.lower().map(_TYPES).fillna("other").where(raw_type.notna())
    if raw_type.isna().any():
        ctx.note("content_type_unknown", "LinkedIn fills 'Content Type' only for some posts; "
                 "content_type left empty where it is blank", level="info",
                 rows=int(raw_type.isna().sum()))
    df = pd.DataFrame({
        "platform": P,
        "account_id": pd.array([_account_id(c, ctx)] * n, dtype="string"),
        "account_name": pd.array([_page_name(c)] * n, dtype="string"),
        "post_id": post_id,
        "permalink": link,
        "caption": text(c, F_POSTS, "caption", placeholders=False),
        "published_at": published,
        "time_precision": np.where(agree, "second",
                                   np.where(has_time.to_numpy(dtype=bool), "minute", "day")),
        "time_source": np.where(agree, "decoded_id", "export"),
        "content_type": ctype.astype("string"),
        "paid": paid.astype("boolean"),
        "campaign": text(c, F_POSTS, "campaign"),
    })
    for canon in _POST_COUNTS:
        vals = _numbers(c, F_POSTS, canon)
        if vals is not None:
            df[canon] = vals
    _post_rates(c, ctx, df)
    # the poster, and a sponsored post's campaign details (reference §4.3)
    for extra in ("author", "audience"):
        cells = text(c, F_POSTS, extra)
        if cells.notna().any():
            df[extra] = cells
    for extra in ("campaign_start", "campaign_end"):
        pos = m.columns.get(extra)
        if pos and c.table.column(pos[0]).notna().any():
            df[extra] = _dates_at(c, pos[0], ctx).to_numpy()
    created = repr(c.table.header[m.columns["published_date"][0]])    # as the file has it
    if (~agree & ~has_time).any():
        ctx.note("day_precision", f"{created} has no time; posts whose activity id does not "
                 "decode keep day precision", level="info", rows=int((~agree & ~has_time).sum()))
    note_day_tz(ctx, "LinkedIn", f"{created} values")
    df.attrs.update(kind="posts", platform=P, source_locale=m.locale)
    return df


def _post_rates(c: Candidate, ctx: ParseContext, df: pd.DataFrame) -> None:
    """Add the posts' CTR and engagement rate to ``df`` as fractions (:func:`_rates`), judged
    against clicks / impressions and (clicks + likes + comments + reposts + follows) /
    impressions: LinkedIn counts follows in a post's rate (reference §4.4)."""
    counts = {k: df[k] if k in df else None
              for k in ("impressions", "clicks", "reactions", "comments", "shares", "follows")}
    engaged = [counts[k] for k in ("clicks", "reactions", "comments", "shares")]
    if counts["follows"] is not None:
        engaged.append(counts["follows"])
    given = {canon: (c.header_of(F_POSTS, canon), _numbers(c, F_POSTS, canon))
             for canon in _POST_RATES}
    given = {canon: hv for canon, hv in given.items() if hv[1] is not None}
    computed = {"platform_ctr": _counts_rate([counts["clicks"]], counts["impressions"]),
                "platform_engagement_rate": _counts_rate(engaged, counts["impressions"])}
    read = _rates(ctx, {h: v for h, v in given.values()},
                  {h: computed[canon] for canon, (h, _) in given.items()})
    for canon, (header, _) in given.items():
        df[canon] = read[header]


def _times_from_ids(c: Candidate, pos: int, link: pd.Series, ctx: ParseContext
                    ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Ids' times kept within 'Created date' in any zone (UTC-12..+14): its zone is unstated.

    ``(published_at, taken from the id, 'Created date' has a time)`` of the posts: the time
    decoded from the activity id in the post's link where it falls within the 'Created date'
    (column ``pos``) in some zone, else that date (and its time, when written) as UTC. The
    ids used, the disagreements, the times taken as UTC and the missing dates are noted."""
    created = _dates_at(c, pos, ctx, timed=True, order_note=False)
    read, ambiguous, order = (created.attrs["numeric_order"], created.attrs["numeric_ambiguous"],
                              created.attrs["day_order"])
    offset, written = _times_at(c, pos)
    decoded = linkedin_urn_time(link.fillna("").where(link.str.contains("activity").fillna(False),
                                                      ""))

    def agreeing(created: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
        """(time as exported, as UTC; the id's time agrees with it; it has a time of day)"""
        has_time = written & created.notna()
        # 'Created date' is in an unstated zone (UTC-12..UTC+14), taken as UTC
        exported = day_to_utc(created, "UTC") + offset.where(has_time, pd.Timedelta(0))
        # the decoded UTC time must be that day somewhere; with a time, that minute somewhere
        span = pd.Series(pd.Timedelta(days=1), index=exported.index).where(
            ~has_time, pd.Timedelta(minutes=1))
        within = id_time_in_any_zone(decoded, exported, span).within
        return exported, decoded.notna() & (created.isna() | within), has_time

    exported, agree, has_time = agreeing(created)
    switched = False
    if (decoded.notna() & ~agree).sum() > agree.sum():
        # most ids disagree: dates re-saved day first with no day above 12 (03/10/2026 read
        # 10 March, the ids saying 3 October)? The ids tell, when the other order agrees more
        try:
            day_first = _dates_at(c, pos, None, timed=True, numeric_order="dmy")
        except ParseError:
            day_first = None
        if day_first is not None and not day_first.equals(created):
            alt = agreeing(day_first)
            if alt[1].sum() > agree.sum():
                created, (exported, agree, has_time) = day_first, alt
                switched = True
                ctx.note("dates_day_first", f"{c.table.header[pos]!r} holds DD/MM/YYYY dates, "
                         "not LinkedIn's MM/DD/YYYY: no day above 12 tells, the activity ids' "
                         "times prove it", level="info")
    if not switched:
        # ids whose times fall within the dates as read prove their order
        _note_order(ctx, c.table.header[pos], read, ambiguous, order,
                    proved_by="the activity ids' times" if agree.any() else None)
    header = repr(c.table.header[pos])              # 'Data di creazione' in Italian
    if (decoded.notna() & ~agree).any():
        ctx.note("id_time_disagrees", "the time decoded from the activity id is not within "
                 f"{header} in any time zone (UTC-12 to UTC+14); {header} is kept",
                 rows=int((decoded.notna() & ~agree).sum()))
    if agree.any():
        ctx.note("id_time_unverified", "publish times decoded from LinkedIn activity ids "
                 "(utc_ms = id >> 22): a rule inferred from the ids, not one the reference "
                 "lists (§9.3)", level="info", rows=int(agree.sum()))
    if (has_time & ~agree).any():
        ctx.note("tz_assumed_utc", f"{header} carries a time but no time zone "
                 "(reference §10 Q6, unknown): the time was taken as UTC", level="info",
                 rows=int((has_time & ~agree).sum()))
    if created.isna().any():    # named by their lines: a note typed under the posts is one
        pos = np.flatnonzero(created.isna().to_numpy())
        lines = lines_named([c.table.line_of(int(k)) for k in pos[:5]], len(pos))
        ctx.note("date_missing", f"posts without {header}: {lines}", rows=len(pos))
    return exported.where(~agree, decoded).astype("datetime64[ns, UTC]"), agree, has_time


def _wide_to_daily(c: Candidate, ctx: ParseContext, family: str) -> pd.DataFrame:
    """Parse a ``Date`` + ``Name (suffix)`` sheet into long daily rows."""
    date_pos = _date_column(c, family)
    cols = _split_headers(c, {date_pos})
    bases = match_headers([b for _, b, _ in cols], family)
    by_pos = {}
    for canon, idx in bases.columns.items():
        for i in idx:
            by_pos[i] = canon
    read: dict[str, tuple[int, str]] = {}  # metric → the position and field of its column
    headers: dict[str, str] = {}            # metric → the header of its column
    unknown = []
    rates: dict[str, str] = {}              # rate metric → its distribution
    for i, (pos, base, dist) in enumerate(cols):
        canon = by_pos.get(i)
        if canon is None:
            canon = _slug(base)
            unknown.append(c.header[pos])
        if not _known_dist(dist):
            ctx.note("unknown_header_suffix", f"header {c.header[pos]!r}: the suffix "
                     f"{dist!r} is none of organic, sponsored, total (in a language known); "
                     f"its series is kept apart, as {canon}_{_slug(dist)}, not added to "
                     f"{canon}", level="warning")
            dist = _slug(dist)
        name = canon if dist == "total" else f"{canon}_{dist}"
        if name in read:
            # the first column is read, as elsewhere; the second replaced the first's series,
            # and 242 days of it were lost without a word. A header written twice (one
            # renamed by hand to another's name) is noted by the registry; two headers read
            # as one metric are noted here
            if normalize(c.header[pos]) != normalize(headers[name]):
                ctx.note("columns_conflict", f"headers {headers[name]!r} and "
                         f"{c.header[pos]!r} both read as the daily metric {name!r}: the "
                         "first one's values were read, the other's left out",
                         level="warning")
            continue
        if canon == "platform_engagement_rate":
            rates[name] = dist
        read[name] = pos, canon
        headers[name] = c.header[pos]
    # the days and every figure read before any is used: of several bad cells, the first in
    # the file raises (the days were read first, the figures column by column)
    dates, *figures = c.read_all(partial(_dates_at, c, date_pos, ctx),
                                 *(partial(_numbers_at, c, pos, canon, locale=bases.locale)
                                   for pos, canon in read.values()))
    metrics = dict(zip(read, figures, strict=True))
    _daily_rates(ctx, metrics, headers, rates)
    if unknown:
        ctx.note("unknown_columns", f"columns without a known meaning kept under snake_case "
                 f"metric names: {unknown[:5]}", level="info", rows=len(unknown))
    note_negative_values(c, ctx, {headers[k]: v for k, v in metrics.items()}, "LinkedIn")
    refuse_undated(c, family, dates, metrics)
    if dates.isna().any():
        ctx.note("date_missing", "rows without a date", rows=int(dates.isna().sum()))
    note_day_tz(ctx, "LinkedIn", "daily rows")
    out = long_daily(dates, metrics, platform=P, account_id=_account_id(c, ctx))
    out.attrs.update(kind="daily", platform=P, source_locale=bases.locale)
    return out


def _daily_rates(ctx: ParseContext, metrics: dict[str, pd.Series], headers: dict[str, str],
                 rates: dict[str, str]) -> None:
    """Read the engagement rates of ``metrics`` (``rates``: name → distribution) as fractions
    (:func:`_rates`), each judged against the same distribution's (clicks + reactions +
    comments + reposts) / impressions."""
    if not rates:
        return

    def count(canon: str, dist: str) -> pd.Series | None:
        return metrics.get(canon if dist == "total" else f"{canon}_{dist}")

    computed = {headers[name]: _counts_rate(
        [count(k, dist) for k in ("clicks", "reactions", "comments", "shares")],
        count("impressions", dist)) for name, dist in rates.items()}
    read = _rates(ctx, {headers[name]: metrics[name] for name in rates}, computed)
    for name in rates:
        metrics[name] = read[headers[name]]


def _parse_metrics(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    if _sheet(c) == "metrics" and "all posts" not in _siblings(c):
        raise ParseError("LinkedIn content workbook without its 'All posts' sheet",
                         file=c.name, cell="All posts!A2", expected="sheets 'Metrics' and "
                         "'All posts'", got=[t.sheet for t in c.tables])
    return [_wide_to_daily(c, ctx, F_METRICS)]


def _parse_followers(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    date_pos = _date_column(c, F_FOLLOWERS)
    m = c.match(F_FOLLOWERS)
    canons = [canon for canon in m.columns if canon != "date"]
    # of several bad cells, the first in the file raises (:meth:`Candidate.read_all`)
    dates, *figures = c.read_all(partial(_dates_at, c, date_pos, ctx),
                                 *(partial(_numbers_at, c, m.columns[canon][0], canon,
                                           locale=m.locale) for canon in canons))
    metrics = dict(zip(canons, figures, strict=True))
    refuse_undated(c, F_FOLLOWERS, dates, metrics)
    if not metrics:
        raise ParseError("LinkedIn 'New followers' sheet without follower columns",
                         file=c.name, cell=c.table.cell(1, c.table.first_line),
                         expected="'Total followers', 'Organic followers'…", got=c.header)
    ctx.note("followers_new_only", "LinkedIn exports new followers per day only (no running "
             "total, no unfollows)", level="info")
    # a column renamed ('Organic followers (old)') is no series: named, not lost unsaid (the
    # registry's expected_metric_missing names it in its stead when a metric goes missing)
    note_extra_columns(ctx, [h for h in m.unknown if str(h).strip()])
    note_day_tz(ctx, "LinkedIn", "daily rows")
    out = long_daily(dates, metrics, platform=P, account_id=_account_id(c, ctx))
    out.attrs.update(kind="daily", platform=P, source_locale=m.locale)
    return [out]


def _parse_visitors(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    return [_wide_to_daily(c, ctx, F_VISITORS)]


def _parse_demographics(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    cells_of(c)
    dim = _DEMO_SHEETS[_sheet(c)]
    category_pos, count_pos = _demo_columns(c, ctx)
    visitors = ("visitor metrics" in _siblings(c)
                or normalize(c.header[count_pos]) in _DEMO_VIEWS)
    if visitors:
        dim = f"visitor_{dim}"
    category = cells_text(c.table.column(category_pos)).reset_index(drop=True)
    # a count: '12%' is refused with its cell, not read as 0.12 followers, which made every
    # share one of 1,291.12 (Paris 0.596 instead of 770 / 1,540 = 0.500)
    value = _numbers_at(c, count_pos, "page_views" if visitors else "follows")
    total = value.sum(skipna=True)
    share = value / total if total and total > 0 else value * np.nan
    if category.isna().any():
        ctx.note("category_missing", "demographic rows without a category",
                 rows=int(category.isna().sum()))
    ctx.note("share_of_listed", "share = count / sum of the listed categories (LinkedIn "
             "lists the top categories only)", level="info")
    n = len(value)
    page = _account_id(c, ctx)
    out = pd.DataFrame({"platform": P, "account_id": pd.array([page] * n, dtype="string"),
                        "dimension": dim, "category": category, "value": value,
                        "share": share.astype("Float64")})
    out.attrs.update(kind="audience", platform=P, source_locale="en-US")
    return [out]


def _demo_columns(c: Candidate, ctx: ParseContext) -> tuple[int, int]:
    """(category, count) positions of a demographic sheet, the count found by its header
    (:data:`_DEMO_FOLLOWERS`, :data:`_DEMO_VIEWS`), the category the first other column
    with a header: a column a spreadsheet user inserted (an empty column B) left every value
    missing when the count was read as the second column. Without a count header known, the
    one other column with a header is read as the count and noted (a header in a language
    not known yet); with none, or several, the sheet is refused naming the header row."""
    headed = [p for p, h in enumerate(c.header) if str(h).strip()]
    named = [p for p in headed[1:] if normalize(c.header[p]) in _DEMO_FOLLOWERS | _DEMO_VIEWS]
    count = named[0] if named else None
    if count is None and len(headed) == 2:
        count = headed[1]
        ctx.note("demographic_count_guessed", "no column 'Total followers' (nor 'Total "
                 f"views'); the column {c.header[count]!r} "
                 f"({c.table.cell(count, c.table.first_line)}) was read as the count of each "
                 "category", rows=c.table.n_rows)
    if count is None:
        raise ParseError("LinkedIn demographic sheet without its count column", file=c.name,
                         cell=c.table.cell(headed[1] if len(headed) > 1 else 1,
                                           c.table.first_line),
                         expected="a column 'Total followers' (or 'Total views') beside the "
                         "categories", got=c.header)
    return next(p for p in headed if p != count), count


def _base_names(c: Candidate) -> list[str]:
    """The headers of a ``Name (organic|sponsored|total)`` sheet without their suffix, as
    :func:`_wide_to_daily` matches them."""
    return [base for _, base, _ in _split_headers(c, set())]


# LinkedIn exports impressions, likes, comments and reposts (reference §4.3), no reach (its
# only reach-like number is the daily organic unique impressions); views are video views
register("linkedin_all_posts", platforms=P, kinds="posts", detect=_detect_posts,
         parse=_parse_posts, description="LinkedIn Page content workbook, sheet 'All posts'",
         family=F_POSTS, keys=("permalink", "published_date"),
         expects=("impressions", "reactions", "comments", "shares"))
register("linkedin_metrics", platforms=P, kinds="daily", detect=_detect_metrics,
         parse=_parse_metrics, description="LinkedIn Page content workbook, sheet 'Metrics'",
         family=F_METRICS, expects=("impressions", "reactions", "comments", "shares"),
         header_names=_base_names)
register("linkedin_new_followers", platforms=P, kinds="daily", detect=_detect_followers,
         parse=_parse_followers, description="LinkedIn followers workbook, 'New followers'",
         family=F_FOLLOWERS, expects=("follows", "follows_organic", "follows_sponsored"))
register("linkedin_visitor_metrics", platforms=P, kinds="daily", detect=_detect_visitors,
         parse=_parse_visitors, description="LinkedIn visitors workbook, 'Visitor metrics'",
         family=F_VISITORS, expects=("page_views", "unique_visitors"), header_names=_base_names)
register("linkedin_demographics", platforms=P, kinds="audience", detect=_detect_demographics,
         parse=_parse_demographics, description="LinkedIn followers/visitors demographic sheets")
