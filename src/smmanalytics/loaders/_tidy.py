"""Small helpers shared by the platform modules, among them:

- :func:`text` reads a text column through the synonym table (stripped, empty → NA);
- :func:`long_daily` turns per-metric columns into the long ``daily`` table;
- :func:`hms_seconds` reads ``H:MM:SS`` / ``M:SS`` / plain-second durations;
- :func:`note_day_tz` records that a source's calendar days are taken as UTC days
  (the platforms do not say which zone their days are in, reference §9.2 [U]);
- :func:`note_times_dropped` records that a day column's cells carried a time of day that
  the table, which keeps days, dropped;
- :func:`note_extra_columns` records the columns whose header no synonym matched (not read);
- :func:`note_negative_values` records the daily values below zero, kept as exported;
- :func:`note_posts_account_unknown` records posts whose account only a lost file name gave,
  :func:`note_rows_account_unknown` daily and audience rows;
- :func:`facebook_or_instagram` reads a Meta file's platform from its name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath

import numpy as np
import pandas as pd

from ..errors import ParseError
from ..quality import counted
from ..schema import PLATFORM_ALIASES, PLATFORMS
from ._body import lines_named
from ._candidate import Candidate, ParseContext
from ._cells import isinstance_cells, spreadsheet_errors, str_cells, summary_cells
from ._dates import (
    YEARS,
    DayOrder,
    dates_from_parts,
    file_numeric_order,
    parse_text_dates,
    without_full_width,
)
from ._folder import without_copy_words
from ._headers import normalize

__all__ = ["text", "long_daily", "hms_seconds", "note_day_tz", "note_times_dropped",
           "cells_text", "outer_name", "zip_member_time", "check_years", "cells_of",
           "refuse_undated", "summary_cells", "written_days", "day_parts", "day_order",
           "checked_day_parts",
           "note_extra_columns", "note_negative_values", "note_posts_account_unknown",
           "note_rows_account_unknown",
           "unzipped_folder", "holding_folder", "folder_read", "names_read_in_folders",
           "without_copy_marks", "as_platform_named", "facebook_or_instagram",
           "YEARS"]


_EMPTY = {"", "-", "--", "—", "n/a", "undefined", "nan", "none", "null"}


def cells_of(c: Candidate) -> pd.DataFrame:
    """The table's cells, read once; a body the CSV reader rejects raises ParseError."""
    import csv

    try:
        return c.table.frame
    except csv.Error as exc:
        raise ParseError("the file is not valid CSV", file=c.name, line=c.table.first_line,
                         expected="delimited rows (a stray carriage return or quote?)",
                         got=str(exc)) from None


def cells_text(cells: pd.Series, *, placeholders: bool = True, errors: bool = True
               ) -> pd.Series:
    """Cells as stripped ``string``; empty cells → NA.

    With ``placeholders`` (the default, for values) ``--``, ``N/A``, ``undefined``… are NA too;
    free text such as a caption passes ``placeholders=False`` so a title "None" stays text.
    With ``errors`` (the default) a spreadsheet's error (``#N/A``, ``#REF!``: a workbook's
    error cell) is NA in any column, a caption's too; dates pass ``errors=False``, so that a
    date refused quotes the error it shows. :func:`text` notes them.
    """
    if pd.api.types.is_string_dtype(cells.dtype) and cells.dtype != object:
        s = cells.astype("string")                   # text already: missing stays missing
    else:                                            # None and float NaN are no text
        obj = cells.astype(object)
        missing = isinstance_cells(obj, type(None)) | (isinstance_cells(obj, float) & obj.isna())
        s = str_cells(obj, missing)
    s = s.str.strip()
    empty = s.str.lower().isin(_EMPTY) if placeholders else (s == "").fillna(False)
    return s.mask(empty | spreadsheet_errors(s) if errors else empty)


def text(c: Candidate, family: str, canonical: str, *, placeholders: bool = True) -> pd.Series:
    """The text column carrying ``canonical`` (NA where empty); all-NA when absent."""
    cells = c.col(family, canonical)
    n = len(c.table.frame)
    if cells is None:
        return pd.Series(pd.NA, index=pd.RangeIndex(n), dtype="string")
    header = c.header_of(family, canonical)
    c.count_errors(header, cells)     # noted: read as missing
    out = cells_text(cells, placeholders=placeholders).reset_index(drop=True)
    return c.read_keys(header, canonical, out)


def long_daily(dates: pd.Series, metrics: dict[str, pd.Series], *, platform: str,
               account_id: str | None, hour: pd.Series | None = None,
               extra: dict[str, object] | None = None) -> pd.DataFrame:
    """Long ``daily`` rows: one per (date[, hour], metric) of the wide ``metrics`` columns.

    Every row is kept, NaN values included (a missing value is information, not a 0). Days are
    calendar days in UTC (``day_tz = "UTC"``).
    """
    frames = []
    for metric, values in metrics.items():
        if values is None:
            continue
        part = pd.DataFrame({
            "platform": platform,
            "account_id": pd.array([account_id] * len(dates), dtype="string"),
            "date": pd.to_datetime(dates.to_numpy()).astype("datetime64[ns]"),
            "hour": (pd.array([pd.NA] * len(dates), dtype="Int8") if hour is None
                     else pd.array(hour.to_numpy(), dtype="Int8")),
            "metric": metric,
            "value": pd.array(values.to_numpy(dtype="float64", na_value=np.nan),
                              dtype="Float64"),
            "day_tz": "UTC",
            **(extra or {}),
        })
        frames.append(part)
    if not frames:
        return pd.DataFrame(columns=["platform", "account_id", "date", "hour", "metric",
                                     "value", "day_tz"])
    out = pd.concat(frames, ignore_index=True)
    out["value"] = out["value"].astype("Float64")
    return out


def refuse_undated(c: Candidate, family: str, dates: pd.Series,
                   metrics: Mapping[str, pd.Series | None], *,
                   rows: np.ndarray | None = None, field: str = "date") -> None:
    """Raise ParseError at the first row of a daily file that holds a value but no day (its
    date cell empty or a placeholder such as ``N/A``, read as NaT): a day's value without its
    day cannot be placed, and kept undated it would fall out of every daily and monthly total.

    ``dates`` and ``metrics`` are row by row of the table, or of its rows ``rows`` (positions
    in the table, when some, such as a total row, were set aside). ``field``: the canonical
    name of the column the days come from (GA4's chart tables count them in ``nth_day``).
    """
    has = np.zeros(len(dates), dtype=bool)
    for values in metrics.values():
        if values is not None:
            has |= values.notna().to_numpy(dtype=bool, na_value=False)
    lost = dates.isna().to_numpy(dtype=bool) & has
    if not lost.any():
        return
    i = int(np.flatnonzero(lost)[0])
    row = i if rows is None else int(rows[i])
    pos = c.match(family).columns[field][0]
    line = c.table.first_line + 1 + row
    raise ParseError("a value without its date", file=c.name, line=line,
                     cell=c.table.cell(pos, line), column=c.table.header[pos],
                     expected="the day of the row's values", got=str(c.table.column(pos).iloc[row]))


def hms_seconds(cells: pd.Series, *, file: str, column: str, first_line: int) -> pd.Series:
    """Durations ``H:MM:SS``, ``M:SS`` or plain seconds → Float64 seconds (empty → NaN).

    Raises ParseError naming the line and column for any other cell. Durations repeat: each
    distinct cell is read once.
    """
    s = cells_text(cells).reset_index(drop=True)
    codes, uniques = pd.factorize(s, use_na_sentinel=False)
    seconds, bad = _hms_distinct(pd.Series(uniques, dtype=s.dtype))
    bad_rows = bad[codes]
    if bad_rows.any():
        pos = int(np.flatnonzero(bad_rows)[0])
        raise ParseError("cell is not a duration", file=file, line=first_line + pos,
                         column=column, expected="H:MM:SS, M:SS or seconds",
                         got=str(s.iloc[pos]))
    return pd.Series(seconds[codes], dtype="Float64")


def _hms_distinct(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Seconds (float64, NaN where empty or bad) of text cells, and which are not durations."""
    parts = s.str.extract(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")

    def _f(x: pd.Series) -> pd.Series:
        return pd.to_numeric(x, errors="coerce").astype("Float64")

    plain = _f(s.where(s.str.fullmatch(r"\d+(?:\.\d+)?").fillna(False)))
    hms = _f(parts[0]).fillna(0) * 3600 + _f(parts[1]) * 60 + _f(parts[2])
    out = hms.where(parts[2].notna(), plain)
    bad = s.notna() & out.isna()
    return out.to_numpy(dtype="float64", na_value=np.nan), bad.to_numpy(dtype=bool)


def check_years(parts: pd.DataFrame, *, file: str, column: str | None,
                first_line: int) -> None:
    """Raise ParseError for a year outside :data:`YEARS` (a typo such as ``9026``)."""
    year = parts["year"]
    bad = year.notna() & ((year < YEARS[0]) | (year > YEARS[1]))
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ParseError("date out of range", file=file, line=first_line + pos, column=column,
                         expected=f"a year between {YEARS[0]} and {YEARS[1]}",
                         got=str(int(year.iloc[pos])))


def written_days(cells: pd.Series, ctx: ParseContext, *, column: str | None, first_line: int,
                 numeric_order: str | DayOrder = "mdy", proved_by: str | None = None,
                 with_time: bool = False, parsed: pd.DataFrame | None = None) -> pd.Series:
    """Naive dates from cells written with month names (``Tue, Jul 14, 2026``), ISO, or in
    numbers as a spreadsheet re-saves them (see :func:`day_parts`); ``with_time``: with the
    time of day the cells write (a column of times re-saved, X's legacy ``time``), else the
    day alone, a time other than 00:00 noted dropped. ``parsed``: as :func:`day_parts`."""
    parts = day_parts(cells, ctx, column=column, first_line=first_line,
                      numeric_order=numeric_order, proved_by=proved_by, times_kept=with_time,
                      parsed=parsed)
    days = dates_from_parts(parts, file=ctx.file, column=column, first_line=first_line,
                            cells=cells)
    if not with_time:
        return days
    return days + pd.to_timedelta(parts["time"].fillna(0).astype("int64"), unit="s").to_numpy()


def checked_day_parts(cells: pd.Series, *, file: str | None, column: str | None,
                      first_line: int, require_year: bool = True, numeric_order: str = "mdy"
                      ) -> pd.DataFrame:
    """:func:`~._dates.parse_text_dates` of a column of days, checked: a year outside
    :data:`YEARS`, or a year-less day no year has, raises ParseError. Nothing is noted: a
    caller that weighs the two orders of all-number dates (X's post ids) reads the column
    once here and has :func:`day_parts` note only the reading it keeps."""
    parts = parse_text_dates(cells, file=file, column=column, first_line=first_line,
                             require_year=require_year, numeric_order=numeric_order)
    check_years(parts, file=file, column=column, first_line=first_line)
    _check_yearless_days(parts, cells, file=file, column=column, first_line=first_line)
    return parts


def day_parts(cells: pd.Series, ctx: ParseContext, *, column: str | None, first_line: int,
              require_year: bool = True, numeric_order: str | DayOrder = "mdy",
              proved_by: str | None = None, times_kept: bool = False,
              parsed: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`checked_day_parts` of a column of days, noted: dates written in numbers
    (``14/07/2026``, a spreadsheet's re-save) are noted with the order read, as a warning when
    nothing proves it and ``numeric_order`` was assumed (``proved_by`` names what outside the
    column proved it: "the post ids"; a :class:`~._dates.DayOrder`, the file's order of
    :func:`day_order`, says its evidence itself); times of day other than 00:00 are noted
    dropped, unless the caller keeps them (``times_kept``). ``parsed``: the cells'
    :func:`checked_day_parts` in ``numeric_order``, when the caller has read them already (a
    column is parsed once)."""
    evidence, sure = None, bool(proved_by)
    if isinstance(numeric_order, DayOrder):
        numeric_order, evidence, sure, _ = numeric_order
    parts = parsed if parsed is not None else checked_day_parts(
        cells, file=ctx.file, column=column, first_line=first_line, require_year=require_year,
        numeric_order=numeric_order)
    if parts.attrs.get("numeric_order"):
        ambiguous = parts.attrs.get("numeric_ambiguous")
        guessed = ambiguous and not sure
        why = ("" if not ambiguous
               else f" — no day above 12, {proved_by} prove the order" if proved_by
               else f" — no day above 12 in this column; {evidence}" if evidence
               else " — assumed, no day above 12 proves the order")
        ctx.note("date_format_resaved", "dates are written with numbers (the file was re-saved "
                 f"by a spreadsheet); read as {parts.attrs['numeric_order'].upper()}" + why,
                 level="warning" if guessed else "info")
    if not times_kept:
        note_times_dropped(ctx, parts["time"], column)
    note_full_width(ctx, parts, column, first_line)
    return parts


def note_full_width(ctx: ParseContext, parts: pd.DataFrame, column: str | None,
                    first_line: int) -> None:
    """Quality note (``full_width_digits``) for a column of dates written in full-width
    digits (``２０２６-１０-０１``, a paste from a Japanese or Chinese source), which
    :func:`~._dates.parse_text_dates` read as their ASCII digits (NFKC): the first line and
    its cell as written, so a reader can check the reading."""
    if not (wide := parts.attrs.get("full_width")):
        return
    n, pos, cell = wide
    folded = unicodedata.normalize("NFKC", cell)
    ctx.note("full_width_digits", f"{column!r}: {counted(n, 'date is', 'dates are')} written "
             f"in full-width characters (as pasted from a Japanese or Chinese source), read "
             f"as their ASCII digits (first line {first_line + pos}: {cell!r} read as "
             f"{folded!r})", level="info", rows=n)


#: cells that stand for no date (a column is looked at by its first other cell)
_EMPTY_CELLS = frozenset({"", "-", "--", "n/a", "nan", "none", "—", "undefined"})


def numeric_date_columns(table, *, by_sheet: bool = False) -> dict[str, pd.Series]:
    """The columns of ``table`` whose first non-empty cell is an all-number date
    (``05/10/2025``), as stripped text by header (``sheet!header`` with ``by_sheet``): the
    evidence :func:`~._dates.file_numeric_order` weighs. Number and date columns are left
    out, and a sheet's column keeps its text cells alone (a real date carries no order).
    Found once per table: a workbook's every date column asks it of every sheet."""
    found = table.memo("numeric_date_columns", lambda: _numeric_date_columns(table))
    return {f"{table.sheet}!{header}" if by_sheet and table.sheet else header: text
            for header, text in found}


def _numeric_date_columns(table) -> list[tuple[str, pd.Series]]:
    """(header, stripped text) of the columns :func:`numeric_date_columns` finds."""
    out = []
    for pos, header in enumerate(table.header):
        col = table.column(pos)
        if col.dtype.kind in "iufbM" or not len(col):
            continue
        if col.dtype == object:            # a sheet's cells: its text ones only
            col = col[isinstance_cells(col, str)]
            if not len(col):               # numbers, real dates: no order written
                continue
        if _starts_numeric_date(col):
            out.append((header, without_full_width(col.astype("str").str.strip())[0]))
    return out


#: the start of an all-number date (``05/10/2025``); ASCII digits, as RE2's ``\d``
_NUMERIC_DATE_START = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2}", re.ASCII)
#: how many cells :func:`_starts_numeric_date` looks at one by one for the first written one
_FIRST_CELLS = 32


def _starts_numeric_date(col: pd.Series) -> bool:
    """Whether the first cell of ``col`` (text) that is not an empty token (a missing cell
    counts as written, and is no date) is an all-number date. Asked of every column of every
    table: a few Python comparisons answer for a column whose first cells are written, where
    the pandas calls on the whole column cost ~1 ms each (a 30-column export, 30 ms)."""
    first = next((v for v in col.iloc[:_FIRST_CELLS] if not _empty_cell(v)), None)
    if first is None and len(col) > _FIRST_CELLS:
        text = col.iloc[_FIRST_CELLS:].astype("str").str.strip()
        written = text[~text.str.lower().isin(_EMPTY_CELLS)]
        first = written.iloc[0] if len(written) else None
    if not isinstance(first, str):
        return False
    # full-width digits ('１０/０１/２０２６'), read as :func:`~._dates.parse_text_dates` reads them
    folded = first if first.isascii() else unicodedata.normalize("NFKC", first)
    return bool(_NUMERIC_DATE_START.match(folded.strip()))


def _empty_cell(value: object) -> bool:
    """A text cell that stands for no date (:data:`_EMPTY_CELLS`, stripped, any case)."""
    return isinstance(value, str) and value.strip().lower() in _EMPTY_CELLS


def day_order(c: Candidate, family: str, *, daily: str | None = None,
              default: str = "mdy", extra: Mapping[str, pd.Series] | None = None
              ) -> DayOrder:
    """The one order (:func:`~._dates.file_numeric_order`) of the all-number dates of the file
    of ``c``, from all its date columns: a spreadsheet that re-saved it wrote every date in its
    own order. ``daily``: the header of a daily file's column of days (a run of consecutive
    days). The European hint is the ``;`` separator, or the decimal comma of the headers'
    language (:meth:`Candidate.decimal_hint`). A column is looked at only when its first
    non-empty cell is an all-number date. ``extra``: dates the columns hold other than alone
    (name → cells: the start and end days of GA4's ``Date range`` cells), weighed too.

    The European hint holds only for dates the platform does not write in numbers itself
    (ISO days, month names, which a re-save writes in its spreadsheet's order): a text
    ``07/04/2026`` the platform wrote month first is saved back unchanged by a day-first
    spreadsheet, so Meta's publish times (``MM/DD/YYYY`` in every language, reference §1.4)
    are not decided here."""
    columns = {**(extra or {}), **numeric_date_columns(c.table)}
    if not columns:
        return DayOrder(default)
    mark, by_delimiter = c.decimal_hint(family)
    european = ("the ';' separator" if by_delimiter or c.table.delimiter == ";"
                else f"the decimal comma of its headers' language ({c.match(family).locale})"
                if mark == "," else None)
    return file_numeric_order(columns, european=european, daily=daily, default=default)


def _check_yearless_days(parts: pd.DataFrame, cells: pd.Series, *, file: str | None,
                         column: str | None, first_line: int) -> None:
    """A day without a year that no year has (``September 31``: TikTok's dates) raises
    ParseError; the year it will be given cannot make it real, and it would become a row
    without a date. A day with its year is checked when it is built (``dates_from_parts``)."""
    yearless = (parts["year"].isna() & parts["month"].notna() & parts["day"].notna()).to_numpy()
    if not yearless.any():
        return
    leap = pd.DataFrame({"year": 2000.0, "month": parts["month"].astype("float"),
                         "day": parts["day"].astype("float")})
    impossible = yearless & pd.to_datetime(leap, errors="coerce").isna().to_numpy()
    if impossible.any():
        pos = int(np.flatnonzero(impossible)[0])
        raise ParseError("impossible calendar date", file=file, line=first_line + pos,
                         column=column, expected="a real day of the month (a date without "
                         "a year is given one from the export date)",
                         got=str(cells.iloc[pos]))


def note_times_dropped(ctx: ParseContext, seconds: pd.Series, column: str | None) -> None:
    """Quality note for a day column whose cells also carry a time of day other than 00:00
    (``seconds`` after midnight, NA where none is written): the table keeps the day as written
    and drops the time; a midnight time says nothing and is not noted."""
    timed = seconds.notna() & (seconds != 0)
    if not timed.any():
        return
    first = int(seconds[timed].iloc[0])
    h, rest = divmod(first, 3600)
    n = int(timed.sum())
    ctx.note("time_dropped", f"{column!r} holds days, but "
             f"{counted(n, 'cell also carries', 'cells also carry')} a time of day other than "
             f"00:00 (the first {h:02d}:{rest // 60:02d}): the day was kept as written "
             "and the time dropped (a re-save that moved midnight to another time zone would "
             "shift the day)", rows=n)


def note_day_tz(ctx: ParseContext, platform: str, what: str = "dates") -> None:
    """Quality note: the platform's calendar days were taken as UTC days (zone unknown)."""
    ctx.note("tz_assumed_utc", f"{platform} does not say which time zone its {what} are in "
             "(reference §9.2, unknown); each day was taken as a UTC calendar day",
             level="info")


def note_negative_values(c: Candidate, ctx: ParseContext, values: Mapping[str, pd.Series],
                         platform: str) -> None:
    """Quality note ``negative_values``: the daily values below zero of each column
    (``values``: its header → its numbers, row by row of ``c``'s table), its count and the
    lines of the first. They are kept as exported: a platform's correction of a count it made
    on an earlier day (a comment deleted, a like withdrawn: LinkedIn's organic reactions,
    TikTok's comments), which the period's sum must subtract as the platform does."""
    found = {h: np.flatnonzero((v < 0).fillna(False).to_numpy()) for h, v in values.items()}
    found = {h: pos for h, pos in found.items() if len(pos)}
    if not found:
        return
    parts = [f"{h!r} {len(pos)} ("
             f"{lines_named([c.table.line_of(int(k)) for k in pos[:5]], len(pos))})"
             for h, pos in found.items()]
    ctx.note("negative_values", f"negative daily values kept as exported ({platform} "
             f"corrections): {'; '.join(parts)}", rows=sum(len(p) for p in found.values()))


def note_extra_columns(ctx: ParseContext, headers: Sequence[str], *,
                       advise_synonyms: bool = False) -> None:
    """Quality note ``extra_columns``: the ``headers`` of the table that no synonym matched,
    whose cells were not read (a metric under a header in a language the package does not
    know yet would otherwise vanish without a word). The message lists the first 20, the
    note's ``columns`` all (:func:`~smmanalytics.quality.unread_columns`);
    ``advise_synonyms`` adds that a synonyms.csv can name them (TikTok's, YouTube's and
    Pinterest's exports, whose headers are known in few languages). When a metric the
    format expects is missing, the registry's warning names them instead (``_expected``)."""
    if not headers:
        return
    advice = (" (headers not known; a synonyms.csv beside the exports can name them)"
              if advise_synonyms else "")
    ctx.note("extra_columns", f"{counted(len(headers), 'column', 'columns')} not used{advice}: "
             f"{list(headers[:20])!r}", level="info", columns=headers)


def note_posts_account_unknown(ctx: ParseContext, rows: int, platform: str,
                               export: str) -> None:
    """Warning ``posts_account_unknown``: ``rows`` posts name no account, ``platform``
    naming it only in the name of the zip its export comes in (``export``: the zip's name
    and the file's in it, ``Content_<handle>.zip/Content.csv``), which the file no longer has
    (taken out and renamed, re-saved) and nothing in the file replaces. Said by the loader,
    which knows why: the brand check's ``account_unchecked`` would point at unread columns
    the file never had, where the fix is a name (a folder named as the zip, which the loader
    reads)."""
    name_it = counted(rows, f"{platform} post names", f"{platform} posts name")
    ctx.note("posts_account_unknown", f"{name_it} no account: "
             f"{_lost_with(platform, export)}; kept as the brand's, unchecked against the "
             f"account brand.yaml declares. {_how_read(platform, export)}", rows=rows)


def note_rows_account_unknown(ctx: ParseContext, rows: pd.DataFrame, platform: str,
                              export: str) -> None:
    """Warning ``rows_account_unknown``: the daily or audience ``rows`` of a file name no
    account, for the reason and with the fix :func:`note_posts_account_unknown` gives. A
    renamed ``Overview.csv`` was a series of no account with no word. The load gives the
    rows brand.yaml's account when it declares the platform's one, and says so in place of
    this warning (``_accounts.give_lost_accounts``), which the loader cannot know."""
    if not len(rows):
        return
    what = (counted(rows["date"].nunique(), f"day of {platform} daily figures names",
                    f"days of {platform} daily figures name") if "date" in rows
            else counted(len(rows), f"{platform} audience row names",
                         f"{platform} audience rows name"))
    ctx.note("rows_account_unknown", f"{what} no account: {_lost_with(platform, export)}; "
             f"kept as a series of no account, brand.yaml declaring no {platform} account or "
             f"several. {_how_read(platform, export)}, or declare the brand's one "
             f"{platform} account in brand.yaml", rows=len(rows))


def _lost_with(platform: str, export: str) -> str:
    """Why a file of ``export`` (``<zip name>.zip/<file name>``) names no account."""
    zip_name = export.split(".zip/")[0]
    return (f"{platform} names it only in its zip's name ({zip_name + '.zip'!r}), which this "
            "file is no longer named by")


def _how_read(platform: str, export: str) -> str:
    """How to have the account of a file of ``export`` read: the folder the zip unzips to."""
    return ("To have the account read, put the file in a folder named as the zip, under "
            f"{platform}'s own name ({export.replace('.zip/', '/')!r})")


#: what a browser adds to a file downloaded again, or a file manager to a copy's copy:
#: "name (1).zip", "name(2).csv", "name - Copy (2).zip" (its words left out before)
_COPY_NUMBER = re.compile(r" ?\(\d{1,3}\)(?=(?:\.[A-Za-z0-9]{1,5})?$)")


def without_copy_marks(name: str) -> str:
    """``name`` without the marks of a second download or copy, which are no part of the name
    the platform gave the file ("Content_maisonseve (1).zip", "Copie de Content_maisonseve.zip"
    → "Content_maisonseve.zip"): a copy's account, read from its name, is the original's.

    >>> without_copy_marks("Overview_2025-11-01_1793520000_maisonseve (1).zip")
    'Overview_2025-11-01_1793520000_maisonseve.zip'
    >>> without_copy_marks("Content 2025-09-01_2026-10-31 Maison Sève - Copie.zip")
    'Content 2025-09-01_2026-10-31 Maison Sève.zip'
    >>> without_copy_marks("Copie de maison-seve_followers_1793520000000.xls")
    'maison-seve_followers_1793520000000.xls'
    """
    return _COPY_NUMBER.sub("", without_copy_words(name), count=1)


#: the number a browser or file manager adds without brackets to a second file of one name
#: ("Totals 2.csv", "Totals-2.csv"); not after a digit, so a date's day ("2026-10-2") stays
_BARE_NUMBER = re.compile(r"(?<![\d\s-])[ -]\d{1,2}(?=(?:\.[A-Za-z0-9]{1,5})?$)")


def as_platform_named(name: str) -> str:
    """``name`` without a copy's marks (:func:`without_copy_marks`) nor a bare second-file
    number (``Totals 2.csv``, ``Totals-2.csv`` → ``Totals.csv``), for comparing a name with
    the fixed names a platform gives its files (Studio's ``Totals.csv``, TikTok's
    ``Overview.csv``). Only there: an account's own name may end in ``-2``, so names an
    account is read from keep it (:func:`without_copy_marks`).

    >>> as_platform_named("Totals 2.csv"), as_platform_named("Overview-3.csv")
    ('Totals.csv', 'Overview.csv')
    >>> as_platform_named("Totals (2).csv"), as_platform_named("Overview 2026-10-2.csv")
    ('Totals.csv', 'Overview 2026-10-2.csv')
    """
    return _BARE_NUMBER.sub("", without_copy_marks(name), count=1)


def facebook_or_instagram(c: Candidate) -> str | None:
    """The platform a Meta file's name says (``instagram``/``ig``, ``facebook``/``fb`` as a word),
    with the folders below the folder loaded (``brand/instagram/Views.csv``), never those
    above it (``~/fb_exports/<brand>/``: ``Source.relative_name``); of an archive member, its
    path in the archive. None when it says neither."""
    base = normalize(c.source.relative_name.split("!")[-1])
    if "instagram" in base or re.search(r"(^|[^a-z])ig([^a-z]|$)", base):
        return "instagram"
    if "facebook" in base or re.search(r"(^|[^a-z])fb([^a-z]|$)", base):
        return "facebook"
    return None


#: the words of a file's name that say it is another platform's export than Facebook's or
#: Instagram's: the platforms' names and aliases (``yt``, ``twitter``), and GA4's
_NOT_META = frozenset({p for p in PLATFORMS if p not in ("facebook", "instagram")}
                      | {a for a, p in PLATFORM_ALIASES.items() if p not in ("facebook",
                                                                               "instagram")}
                      | {"ga4"})


def other_platform_named(c: Candidate) -> str | None:
    """The word of a file's name (the part :func:`facebook_or_instagram` reads) saying it is
    another platform's export than a Meta one (``youtube_views_october.xlsx``: ``youtube``;
    ``x``, ``twitter``, ``tiktok``, ``linkedin``, ``pinterest``, ``ga4`` as a word), None
    when it says none. Meta's detectors of loose shapes (a daily chart's ``Date`` and one
    figure) leave such a file to its platform's loader, or to ``not_understood``."""
    base = normalize(c.source.relative_name.split("!")[-1])
    return next((w for w in re.split(r"[^a-z0-9]+", base) if w in _NOT_META), None)


def outer_name(c: Candidate) -> str:
    """Base name of the file on disk, or of the archive holding a zip member (the innermost:
    ``Overview_….zip`` for ``brand.zip!brand/Overview_….zip!Overview.csv``, as for the
    member of that zip on disk), without the mark of a second download (``… (1).zip``)."""
    parts = c.source.name.split("!")
    return without_copy_marks(parts[-2 if len(parts) > 1 else 0].replace("\\", "/")
                               .rsplit("/", 1)[-1])


def unzipped_folder(c: Candidate) -> str | None:
    """The name of the folder holding the file, where unzipping an export leaves the zip's
    name (``Overview_2026-09-25_1790891174_maisonseve/Overview.csv``, as Windows' "Extract
    all" and macOS do): a file on disk's folder, or the folder of an archive member inside one;
    None for a member at an archive's root (the archive's own name tells: :func:`outer_name`)
    or a file given without a folder."""
    return without_copy_marks(holding_folder(c.source)) or None


#: the zip names platforms give their exports (TikTok's, YouTube Studio's), as the platform
#: modules declare that they read them in the name of the folder an export was unzipped into
#: (:func:`names_read_in_folders`)
_FOLDER_ZIP_NAMES: list[re.Pattern] = []


def names_read_in_folders(pattern: re.Pattern) -> None:
    """Declare ``pattern``, the name a platform gives its export zips, as one a platform module
    reads in the name of the folder holding a file (:func:`unzipped_folder`, with ``.zip``
    appended): the cache keys a file by the name of its folder only when such a name is read
    there (:func:`folder_read`)."""
    _FOLDER_ZIP_NAMES.append(pattern)


def folder_read(src) -> str:
    """What a parse may read of the name of the folder holding the source ``src``: that name,
    without the mark of a copy, when it is an export's zip name a platform module reads
    (:func:`names_read_in_folders`: its account, dates and the name itself, quoted in the
    ``name_from_folder`` note); ``""`` for any other folder (a brand folder: ``maison-seve``,
    ``brand2``), whose name no parse reads."""
    folder = without_copy_marks(holding_folder(src))
    named = folder and any(p.match(f"{folder}.zip") for p in _FOLDER_ZIP_NAMES)
    return folder if named else ""


def holding_folder(src) -> str:
    """The name of the folder holding the source ``src``: a file on disk's, the folder of an
    archive member inside one; ``""`` for a member at an archive's root."""
    name = src.name.replace("\\", "/")
    if "!" in name:
        return PurePosixPath(name.split("!")[-1]).parent.name
    if src.path is not None:
        return src.path.resolve().parent.name
    return PurePosixPath(name).parent.name


def zip_member_time(c: Candidate, ctx: ParseContext | None = None) -> pd.Timestamp | None:
    """The modification time stored in the zip for this member, as UTC.

    Platforms build the archive at export time, so this is when the export was taken. An
    extended-timestamp (Info-ZIP ``UT``) or NTFS extra field gives the time in UTC. Without
    one, the zip holds only the local time of the machine that built the archive, with no
    zone: it is taken as UTC (off by the hours of that zone, unknown) and, with ``ctx``,
    noted ``zip_time_zone_unknown``. None when the source is not a member of a zip (or of a
    zip inside one: a zipped brand folder), or its time is unreadable or before 2010.
    """
    import zipfile

    info = c.source.zip_info            # the member's entry, kept by the walk of the archive
    if info is None:
        parts = c.source.name.split("!")
        if len(parts) != 2 or c.source.path is None:
            return None
        try:
            with zipfile.ZipFile(c.source.path) as zf:
                info = zf.getinfo(parts[1])
        except Exception:  # best-effort metadata: an odd archive just gives no time
            return None
    exact = _zip_extra_utc(info.extra)
    if exact is not None:
        return exact if exact.year >= 2010 else None
    try:
        ts = pd.Timestamp(*info.date_time, tz="UTC")
    except ValueError:
        return None
    if ts.year < 2010:      # 1980-01-01, the zip's zero: an archive built without times
        return None
    if ctx is not None:
        ctx.note("zip_time_zone_unknown", f"the export time was read from the zip: "
                 f"{ts:%Y-%m-%d %H:%M}, a local time of the machine that built the archive, "
                 "with no time zone; taken as UTC (it may be off by some hours)", level="info")
    return ts


def _zip_extra_utc(extra: bytes) -> pd.Timestamp | None:
    """The UTC modification time in a zip entry's extra field: Info-ZIP extended timestamp
    (``0x5455``, seconds since 1970) or NTFS (``0x000a``, 100 ns since 1601); None if neither."""
    import struct

    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4:i + 4 + size]
        if tag == 0x5455 and len(body) >= 5 and body[0] & 1:      # flag bit 0: mtime present
            return pd.Timestamp(struct.unpack_from("<I", body, 1)[0], unit="s", tz="UTC")
        if tag == 0x000A:
            j = 4                                                  # 4 reserved bytes
            while j + 4 <= len(body):
                attr, length = struct.unpack_from("<HH", body, j)
                if attr == 1 and length >= 24:                     # mtime, atime, ctime
                    ticks = struct.unpack_from("<Q", body, j + 4)[0]
                    return (pd.Timestamp("1601-01-01", tz="UTC")
                            + pd.Timedelta(seconds=ticks // 10**7))
                j += 4 + length
        i += 4 + size
    return None
