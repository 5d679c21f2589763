"""Dates and times of the exports, vectorised, to tz-aware UTC.

- :func:`local_to_utc`: naive local times in an IANA zone → UTC. In the repeated autumn hour
  the first occurrence (daylight time) is taken; a time in the skipped spring hour is moved
  forward by the gap's length (the offset before the change, as zoneinfo reads it). Both
  are counted and returned as quality notes.
- :func:`parse_datetimes`: fixed-format text (Meta ``MM/DD/YYYY HH:MM`` in
  America/Los_Angeles, X legacy ``YYYY-MM-DD HH:MM +0000``) → UTC.
- :func:`parse_text_dates`: dates written with month names in EN/FR/IT/ES/DE/SV/RU, full or
  abbreviated, with or without a dot: ``Tue, Jul 14, 2026``, ``Jan 6, 2024``,
  ``28 sept. 2026``, ``14. Juli 2026``, ``12 augusti``, ``18 января 2026 г.``, and year-less
  ``September 25`` / ``28 August``; Japanese/Chinese ``9月13日`` (``2026年9月13日``) and
  Vietnamese ``10 tháng Tám`` / ``ngày 10 tháng 8 năm 2026`` (TikTok writes its dates in the
  UI language, reference §6.2).
- :func:`file_numeric_order`: the one day/month order of a file's all-number dates (a
  spreadsheet's re-save), from the evidence of all its date columns.
- :func:`day_first_misreading`: the proof that a spreadsheet set to read day first turned a
  column's month-first text dates into dates with day and month swapped.
- :func:`resolve_year`: the year of a year-less date from an as-of date: the latest year
  for which the date is not after the as-of date (so at most ~365 days before it).
- :func:`resolve_run_year`: the years of a column of consecutive year-less days (a daily
  file): the last day is the latest not after the as-of date, and the run is walked back from
  it, so a 365-day export whose first day is the as-of day a year earlier keeps that year.
- :func:`mend_guessed_year`: a daily run whose years a spreadsheet guessed (the current year
  given to year-less days: December after January of the same year), made consecutive again.
- :func:`day_to_utc`: a calendar day is stored as 00:00 of that day in the source zone,
  converted to UTC (``time_precision="day"``).
- :func:`id_time_in_any_zone`: whether a time decoded from a post id (UTC) is the post's day
  or minute written in an unstated zone (X, TikTok, LinkedIn).
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParseError
from ._arrow import strip
from ._cells import isinstance_cells
from ._ids import beyond_ascii

__all__ = ["MONTHS", "local_to_utc", "parse_datetimes", "parse_text_dates", "resolve_year",
           "DayOrder", "file_numeric_order", "day_first_misreading", "mend_guessed_year",
           "offsets_by_hour", "resolve_run_year", "day_to_utc", "META_TZ", "ZONE_AHEAD_MAX",
           "ZONE_BEHIND_MAX", "IdTimePlace", "id_time_in_any_zone", "without_full_width"]

META_TZ = "America/Los_Angeles"
#: the furthest a time zone is ahead of UTC (UTC+14) and behind it (UTC-12): a day in an
#: unstated zone runs, in UTC, from its 00:00 UTC minus the first to its 24:00 UTC plus the
#: second (a time decoded from an id is checked against it)
ZONE_AHEAD_MAX = pd.Timedelta(hours=14)
ZONE_BEHIND_MAX = pd.Timedelta(hours=12)
_ONE_DAY = pd.Timedelta(days=1)
_EMPTY = frozenset({"", "-", "--", "n/a", "nan", "none", "—"})

_NAMES = {
    "en": ["january february march april may june july august september october november december",
           "jan feb mar apr may jun jul aug sep oct nov dec", "sept"],
    "fr": ["janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
           "janv févr mars avr mai juin juil août sept oct nov déc",
           "fevrier aout decembre fevr dec"],
    "it": ["gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
           "dicembre", "gen feb mar apr mag giu lug ago set ott nov dic", ""],
    "es": ["enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
           "diciembre", "ene feb mar abr may jun jul ago sept oct nov dic", "sep setiembre set"],
    "de": ["januar februar märz april mai juni juli august september oktober november dezember",
           "jan feb märz apr mai jun jul aug sept okt nov dez", "jän maerz mrz"],
}
#: more 12-word month lists (full names, grammatical cases, abbreviations), by language
_MORE_NAMES = {
    "sv": ["januari februari mars april maj juni juli augusti september oktober november "
           "december", "jan feb mar apr maj jun jul aug sep okt nov dec",
           "jan febr mars apr maj juni juli aug sept okt nov dec"],
    # genitive (18 января), nominative (январь), and the usual abbreviations
    "ru": ["января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
           "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
           "янв фев мар апр мая июн июл авг сен окт ноя дек",
           "янв февр март апр май июнь июль авг сент окт нояб дек"],
}
#: Vietnamese month words after ``tháng`` (``10 tháng Tám``): number words 1-12
_VI_MONTHS = {"một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
              "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11,
              "mười hai": 12}
_EXTRA_MONTH = {"fevrier": 2, "aout": 8, "decembre": 12, "fevr": 2, "dec": 12, "sep": 9,
                "setiembre": 9, "set": 9, "jän": 1, "maerz": 3, "mrz": 3, "sept": 9}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for full, abbr, extra in _NAMES.values():
        for i, w in enumerate(full.split()):
            table[w] = i + 1
        for i, w in enumerate(abbr.split()):
            table[w] = i + 1
        for w in extra.split():
            table[w] = _EXTRA_MONTH[w]
    for lists in _MORE_NAMES.values():
        for words in lists:
            for i, w in enumerate(words.split()):
                if table.setdefault(w, i + 1) != i + 1:      # one word, one month everywhere
                    raise ValueError(f"month word {w!r} names two months")
    return table


#: month word (lower-case, without dot) → month number, for EN/FR/IT/ES/DE/SV/RU
MONTHS: dict[str, int] = _month_table()

_MONTH_FIRST = r"^(?:[^\W\d]+\.?,?\s+)??([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$"
_DAY_FIRST = (r"^(?:[^\W\d]+\.?,?\s+)?(\d{1,2})\.?\s*(?:de\s+)?([^\W\d]+)\.?"
              r"(?:\s+(?:de\s+)?(\d{4}))?$")
#: Japanese / Chinese ``9月13日``, ``2026年9月13日`` (digits folded by NFKC)
_CJK = r"^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日$"
#: Vietnamese ``10 tháng Tám``, ``ngày 10 tháng 8 năm 2026``, ``10 thg 8, 2026``
_VI = (r"^(?:ngày\s+)?(\d{1,2})\s+(?:tháng|thg)\s+("
       + "|".join(sorted(_VI_MONTHS, key=len, reverse=True)) +
       r"|1[0-2]|0?[1-9])(?:,?\s+(?:năm\s+)?(\d{4}))?$")

#: the time of day a spreadsheet's re-save may write after an ISO or all-number date (on
#: folded text): ``14:30``, ``14:30:05``, ``14:30:05.000``, ``2:30 pm``; groups (h, m, s, a|p)
_TIME_TAIL = (r"(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?: ?([ap])\.? ?m\.?)?)?$")


#: calendar years accepted in exports (pandas' nanosecond timestamps end in 2262)
YEARS = (1990, 2200)


#: the full-width forms of ASCII (U+FF01-FF5E: ``２０２６／１０／０１``, as pasted from a
#: Japanese or Chinese source), which NFKC folds to ASCII; not a raw string, for RE2
_FULL_WIDTH = "[\uff01-\uff5e]"


def without_full_width(text: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """``text`` with its full-width forms (:data:`_FULL_WIDTH`) folded by NFKC, and which
    cells held one: Arrow's RE2 takes ASCII digits alone for ``\\d``, so ``２０２６-１０-０１``
    was no date at all (a ParseError) and ``１０/０１/２０２６`` no evidence of a file's day
    order. Only the cells holding one are normalised; the caller's series is not changed."""
    text = text.astype("str")
    held = beyond_ascii(text)    # a cell of ASCII alone holds none: not searched
    if held.any():
        at = np.flatnonzero(held)
        held[at] = text.iloc[at].str.contains(_FULL_WIDTH, regex=True).fillna(False) \
            .to_numpy(dtype=bool)
    if not held.any():
        return text, held
    return text.mask(held, text[held].str.normalize("NFKC")), held


def _fold(s: pd.Series) -> pd.Series:
    """NFC (NFKC for a cell of full-width forms), lower case, NBSP → space, collapsed
    spaces."""
    s = without_full_width(s)[0].str.normalize("NFC").str.lower()
    # not a raw string: RE2 (pandas 3.0's str methods) refuses the pattern's \u escapes
    return s.str.replace("[\\s\u00a0\u202f]+", " ", regex=True).str.strip()


def local_to_utc(naive: pd.Series, tz: str) -> tuple[pd.Series, dict[str, int]]:
    """Localise naive times in ``tz`` and convert to UTC.

    Returns the UTC series and counts ``{"dst_ambiguous": n, "dst_nonexistent": m}`` of times in
    the repeated autumn hour (first occurrence taken) and in the skipped spring hour (moved
    forward by the gap's length: 02:10 PST → 03:10 PDT).

    A time a day or more away from any change of the zone's offset has one reading, its wall
    time less that offset (:func:`_away_from_changes`); pandas localises only the others.
    """
    naive = pd.to_datetime(naive).astype("datetime64[ns]")
    wall = naive.array.asi8
    away, offset = _away_from_changes(wall, naive.notna().to_numpy(), tz)
    if away.all():
        utc = pd.array(wall - offset, dtype="datetime64[ns]").tz_localize("UTC")
        return (pd.Series(utc, index=naive.index, name=naive.name),
                {"dst_ambiguous": 0, "dst_nonexistent": 0})
    rest, counts = _localized(naive[~away], tz)
    if not away.any():
        return rest, counts
    utc = np.where(away, wall - offset, 0)
    utc[~away] = rest.array.asi8
    utc = pd.array(utc, dtype="datetime64[ns]").tz_localize("UTC")
    return pd.Series(utc, index=naive.index, name=naive.name), counts


def _localized(naive: pd.Series, tz: str) -> tuple[pd.Series, dict[str, int]]:
    """:func:`local_to_utc` by pandas, every time looked up in ``tz`` (``naive``: ns)."""
    strict = naive.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    odd = strict.isna() & naive.notna()
    utc = strict.dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
    counts = {"dst_ambiguous": 0, "dst_nonexistent": 0}
    if odd.any():
        sub = naive[odd]
        first = sub.dt.tz_localize(tz, ambiguous=np.ones(len(sub), dtype=bool),
                                   nonexistent="NaT")
        counts["dst_ambiguous"] = int(first.notna().sum())
        counts["dst_nonexistent"] = int(first.isna().sum())
        utc[odd] = _at_offset_before(sub, tz)
    return utc, counts


def _at_offset_before(naive: pd.Series, tz: str) -> pd.Series:
    """Repeated or skipped wall times (``naive``, ns) read at the offset in force just before
    the change, as UTC.

    In the repeated autumn hour that is the first occurrence. In the skipped spring hour it
    moves the time forward by the gap's length (02:10 PST → 03:10 PDT; 02:10 at Lord Howe,
    whose gap is 30 min, → 02:40), as Python's zoneinfo and RFC 5545 §3.3.5 read it: two
    posts in the gap keep their minutes and their order, where pandas' ``shift_forward``
    would set both to 03:00. The offset is that of the last valid instant before the change
    (``shift_backward``), so a gap of any length is right."""
    before = naive.dt.tz_localize(tz, ambiguous=np.ones(len(naive), dtype=bool),
                                  nonexistent="shift_backward")
    offset = before.dt.tz_localize(None) - before.dt.tz_convert(None)
    return (naive - offset).dt.tz_localize("UTC")


_HOUR_NS = 3_600_000_000_000


def offsets_by_hour(low: int, high: int, tz: str) -> np.ndarray:
    """The UTC offset of ``tz`` (ns) at the start of each UTC hour from ``low`` to ``high``
    (hours since the epoch, both included)."""
    hours = pd.DatetimeIndex(np.arange(low, high + 1) * _HOUR_NS, tz="UTC")
    return hours.tz_convert(tz).tz_localize(None).asi8 - hours.asi8


def _away_from_changes(wall: np.ndarray, known: np.ndarray, tz: str
                       ) -> tuple[np.ndarray, np.ndarray]:
    """Which wall times (ns, ``known``) lie a day or more from any change of ``tz``'s offset,
    and that offset (ns; 0 elsewhere). All False when the span has more hours than times:
    looking every hour up would cost more than pandas' localising.

    An offset is under 24 h, so a wall time's instant lies within a day of it; when the
    offset is the same at every hour of that stretch, the wall time less it is the one
    instant that reads so on the clock (neither repeated nor skipped)."""
    away = np.zeros(len(wall), dtype=bool)
    offset = np.zeros(len(wall), dtype=np.int64)
    if not known.any():
        return away, offset
    hour = wall // _HOUR_NS
    low, high = int(hour[known].min()) - 25, int(hour[known].max()) + 26
    if high - low > len(wall):
        return away, offset
    by_hour = offsets_by_hour(low, high, tz)
    # changes[k]: how many changes of offset between the hours low and low + k
    changes = np.concatenate([[0], np.cumsum(by_hour[1:] != by_hour[:-1])])
    # each hour's answer, then one lookup per time (an unknown one: the last, False and 0)
    steady = np.zeros(len(by_hour) + 1, dtype=bool)
    steady[25:-26] = changes[50:] == changes[:-50]
    steady_offset = np.append(np.where(steady[:-1], by_hour, 0), 0)
    at = np.where(known, hour - low, len(by_hour))
    return steady[at], steady_offset[at]


def parse_datetimes(values: pd.Series, fmt: str, *, tz: str | None = None, file: str | None = None,
                    column: str | None = None, first_line: int = 2
                    ) -> tuple[pd.Series, dict[str, int]]:
    """Parse text times with ``fmt`` (strptime codes); naive ones are localised in ``tz``.

    Empty / ``-`` / ``N/A`` cells give NaT. A cell that does not follow ``fmt``, or whose year
    is outside :data:`YEARS`, raises ParseError; but when every year came in two digits (a
    spreadsheet's re-save, ``10/31/26``), ``%Y`` is read as ``%y`` and the count of those
    times is ``counts["two_digit_year"]``. Returns ``(utc_series, counts)``, the DST counts as
    :func:`local_to_utc`.
    """
    if values.dtype == object:  # workbook cells: dates may already be datetimes
        is_dt = isinstance_cells(values, (pd.Timestamp, datetime.datetime))
        if is_dt.any():
            as_dt = pd.to_datetime(values.where(is_dt, None)).astype("datetime64[ns]")
            rest = values.where(~is_dt, "")
            if tz is None:
                as_dt = as_dt.dt.tz_localize("UTC")
            other, counts = parse_datetimes(rest.astype("str"), fmt, tz=tz, file=file,
                                            column=column, first_line=first_line)
            if tz is None:
                return other.where(~is_dt, as_dt), counts
            local, counts2 = local_to_utc(as_dt, tz)
            counts = {k: counts[k] + counts2[k] for k in counts}
            return other.where(~is_dt, local), counts
    s = strip(values.astype("str"))
    parsed = _arrow_strptime(s, fmt) if tz is not None and _reads_no_empty_token(fmt) else None
    by_arrow = parsed is not None
    if by_arrow:
        # every cell went through Arrow: one it could not read is empty (NaT) or bad
        bad = parsed.isna()
        if bad.any():
            bad[bad] = ~_is_empty(s[bad])
    else:
        empty = _is_empty(s)
        parsed = _arrow_strptime(s.mask(empty, None), fmt) if tz is not None else None
        by_arrow = parsed is not None
        if parsed is None:
            parsed = pd.to_datetime(s.mask(empty, None), format=fmt, errors="coerce",
                                    utc=tz is None)
        bad = parsed.isna() & ~empty
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ParseError("cell is not a date/time in the expected format", file=file,
                         line=first_line + pos, column=column, expected=f"format {fmt}",
                         got=str(values.iloc[pos]))
    if by_arrow:
        _refuse_rolled_over(s, parsed, fmt, values, file=file, column=column,
                            first_line=first_line)
    if _some_year_outside(parsed):
        if "%Y" in fmt and (parsed.dt.year[parsed.notna()] < 100).all():
            # every year in two digits: a spreadsheet's re-save (10/31/26 10:31)
            out, counts = parse_datetimes(values, fmt.replace("%Y", "%y"), tz=tz, file=file,
                                          column=column, first_line=first_line)
            return out, {**counts, "two_digit_year": int(parsed.notna().sum())}
        odd = parsed.notna() & ~parsed.dt.year.between(*YEARS)
        pos = int(np.flatnonzero(odd.to_numpy())[0])
        raise ParseError("date out of range", file=file, line=first_line + pos,
                         column=column, expected=f"format {fmt}, a year between {YEARS[0]} "
                         f"and {YEARS[1]}", got=str(values.iloc[pos]))
    parsed = parsed.astype("datetime64[ns, UTC]" if tz is None else "datetime64[ns]")
    if tz is None:
        return parsed, {"dst_ambiguous": 0, "dst_nonexistent": 0}
    return local_to_utc(parsed, tz)


def _some_year_outside(times: pd.Series) -> bool:
    """True when a time of ``times`` falls in a year outside :data:`YEARS`. A year grows with
    its time, so the earliest and the latest time answer: a million times' years cost 15 ms,
    their ends 3."""
    first, last = times.min(), times.max()
    return pd.notna(first) and not (YEARS[0] <= first.year and last.year <= YEARS[1])


#: (month, day) pairs Arrow's strptime gives a day that does not exist in its month: it rolls
#: over (29-31 February → 1-3 March, 31 April → 1 May, 31 June → 1 July …)
_ROLLED_TO = ((3, 1), (3, 2), (3, 3), (5, 1), (7, 1), (10, 1), (12, 1))


def _refuse_rolled_over(s: pd.Series, parsed: pd.Series, fmt: str, values: pd.Series, *,
                        file: str | None, column: str | None, first_line: int) -> None:
    """Raise ParseError at the first cell whose day does not exist in its month.

    Arrow's strptime reads ``02/29/2025`` as 1 March and ``04/31/2025`` as 1 May, silently. Only
    the cells read as a day such a roll-over lands on (:data:`_ROLLED_TO`, about 2 % of a
    year's days) are checked: written back in ``fmt``, they are their cell unless the day
    rolled over; one that is not (or that a hand wrote unlike strftime) is judged by Python's
    strptime, which refuses a day its month lacks.
    """
    days = parsed.to_numpy(dtype="datetime64[D]")
    known = ~np.isnat(days)
    if not known.any():
        return
    # a table of the days between the first and the last, True on the landings: one lookup
    # per cell (np.isin sorts)
    number = days.view("int64")
    known_days = number[known]
    low, high = int(known_days.min()), int(known_days.max())
    years = range(np.datetime64(low, "D").astype(object).year,
                  np.datetime64(high, "D").astype(object).year + 1)
    table = np.zeros(high - low + 1, dtype=bool)
    for y in years:
        for m, d in _ROLLED_TO:
            k = int(np.datetime64(f"{y:04d}-{m:02d}-{d:02d}", "D").view("int64")) - low
            if 0 <= k < len(table):
                table[k] = True
    suspect = known & table[np.where(known, number - low, 0)]
    if not suspect.any():
        return
    # a round trip: the suspects written back in ``fmt`` are their cells (leading zeros and
    # case aside) when the day was read as written; the rest are judged by Python's strptime
    at = np.flatnonzero(suspect)
    cells = pa.array(s.iloc[at], type=pa.string(), from_pandas=True)
    back = _strftime(pa.array(parsed.iloc[at].to_numpy(dtype="datetime64[s]")), fmt)
    same = pc.equal(cells, back).to_numpy(zero_copy_only=False)
    if not same.all():  # unpadded or differently cased cells: fold the few that differ
        odd = np.flatnonzero(~same)
        same[odd] = pc.equal(_unpadded(cells.take(odd)), _unpadded(back.take(odd))
                             ).to_numpy(zero_copy_only=False)
    for pos in at[~same]:
        try:
            datetime.datetime.strptime(s.iloc[pos], fmt)
        except ValueError as exc:
            if "day is out of range" not in str(exc):
                continue
            raise ParseError("impossible calendar date", file=file,
                             line=first_line + pos, column=column,
                             expected=f"format {fmt}, a real date (not "
                                      f"{parsed.iloc[pos]:%Y-%m-%d}, "
                                      "to which the day would roll over)",
                             got=str(values.iloc[pos])) from None


#: the strptime codes of a number, and the field and width :func:`_strftime` writes them with
_NUMBER_CODES = {"%Y": (pc.year, 4), "%m": (pc.month, 2), "%d": (pc.day, 2),
                 "%H": (pc.hour, 2), "%M": (pc.minute, 2), "%S": (pc.second, 2)}


def _strftime(times: pa.Array, fmt: str) -> pa.Array:
    """``pc.strftime(times, format=fmt)`` of times in seconds, none missing. A format of
    numbers only (``%m/%d/%Y %H:%M``, the usual export's) is written from the times' fields,
    zero-padded, and joined with its literal text: Arrow's strftime takes about 7 µs a cell
    (0.1 s for the 19,000 cells a million posts have on a roll-over's landing days). Any other
    format (month names, ``%p``, ``%%``) is Arrow's."""
    pieces: list[pa.Array | str] = []
    for piece in re.split(r"(%.)", fmt):
        if piece.startswith("%"):
            if piece not in _NUMBER_CODES:
                return pc.strftime(times, format=fmt)
            field, width = _NUMBER_CODES[piece]
            pieces.append(pc.utf8_lpad(pc.cast(field(times), pa.string()), width=width,
                                       padding="0"))
        elif piece:
            pieces.append(piece)
    if not any(isinstance(p, pa.Array) for p in pieces):
        return pc.strftime(times, format=fmt)
    return pc.binary_join_element_wise(*pieces, "")


def _unpadded(text: pa.Array) -> pa.Array:
    """``text`` folded for comparing dates written by hand and by strftime: lower case, no
    leading zero of a number, single spaces."""
    text = pc.utf8_lower(text)
    text = pc.replace_substring_regex(text, pattern=r"(^|\D)0+(\d)", replacement=r"\1\2")
    return pc.replace_substring_regex(text, pattern=r"\s+", replacement=" ")


def _is_empty(s: pd.Series) -> pd.Series:
    """Cells that stand for no time: empty, ``-``, ``N/A``… (``s`` is stripped text)."""
    return s.str.lower().isin(_EMPTY)


@functools.cache
def _reads_no_empty_token(fmt: str) -> bool:
    """True when Arrow's strptime takes ``fmt`` and reads none of the empty tokens as a time:
    then the cells need no masking before parsing, and only those it cannot read are tested
    for emptiness."""
    try:
        probe = pc.strptime(pa.array(sorted(_EMPTY)), format=fmt, unit="s", error_is_null=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return False
    return probe.null_count == len(_EMPTY)


def _arrow_strptime(s: pd.Series, fmt: str) -> pd.Series | None:
    """Naive times parsed by Arrow's strptime (much faster than Python's); None if unsupported.
    Unparseable cells are NaT."""
    if "%z" in fmt or "%Z" in fmt:
        return None
    try:
        arr = pa.array(s, type=pa.string(), from_pandas=True)
        ts = pc.strptime(arr, format=fmt, unit="s", error_is_null=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    # in seconds: a year pandas' nanoseconds cannot hold (26 for 2026) is checked by the caller
    return pd.Series(ts.to_pandas(), index=s.index).astype("datetime64[s]")


def parse_text_dates(values: pd.Series, *, file: str | None = None, column: str | None = None,
                     first_line: int = 2, require_year: bool = False,
                     numeric_order: str = "mdy") -> pd.DataFrame:
    """Parse month-name dates; return a frame of nullable ``year``, ``month``, ``day`` and
    ``time`` (Int64; ``time`` in seconds after midnight, NA where the cell writes none).

    Month names in EN/FR/IT/ES/DE/SV/RU (:data:`MONTHS`), Japanese/Chinese ``9月13日`` and
    Vietnamese ``10 tháng Tám`` are read. ``year`` is NA for year-less cells (``September 25``);
    resolve it with :func:`resolve_year` (or :func:`resolve_run_year` for a run of days).
    ISO dates (``2026-07-14``) are accepted too, and all-number dates as a spreadsheet re-save
    writes them (``7/14/2026``, ``14.07.2026``): their order is proved by the column (a first
    number above 12 → day first; a second above 12 → month first), else ``numeric_order`` is
    assumed and ``attrs["numeric_ambiguous"]`` is True. An ISO or all-number date may be
    followed by a time of day (``2026-07-14 14:30``, ``7/14/2026 2:30 PM``), given in ``time``
    (the caller keeps it, or notes it dropped: ``_tidy.note_times_dropped``). Empty cells give
    NA. A cell that matches no pattern (text after the date that is not a time), names an
    unknown month, carries an impossible time, or (with ``require_year``) lacks the year raises
    ParseError.

    Dates repeat (a day per post, an hour per day): each distinct cell is parsed once and the
    result spread back to its rows; the column-wide choices (the numeric order) depend only on
    which cells occur, so the result is that of parsing every cell.
    """
    text = values.astype("str")
    codes, uniques = pd.factorize(text, use_na_sentinel=False)
    out, empty, bad = _parse_distinct(pd.Series(uniques), require_year=require_year,
                                      numeric_order=numeric_order)
    bad_rows = bad.to_numpy(dtype=bool, na_value=False)[codes]
    if bad_rows.any():
        pos = int(np.flatnonzero(bad_rows)[0])
        raise ParseError("cell is not a date", file=file, line=first_line + pos, column=column,
                         expected="a date with a month name (e.g. 'Tue, Jul 14, 2026', "
                                  "'28 sept. 2026', 'September 25', '9月13日', '18 января'), "
                                  "or in numbers ('2026-07-14', '7/14/2026'), optionally "
                                  "followed by a time of day ('14:30')",
                         got=str(values.iloc[pos]))
    masked = out.mask(empty).take(codes).set_axis(values.index)
    masked.attrs = dict(out.attrs)
    wide = without_full_width(pd.Series(uniques))[1][codes] if len(codes) else codes
    if wide.any():
        # (rows, first row's position, its cell): the caller notes them (full_width_digits)
        first = int(np.flatnonzero(wide)[0])
        masked.attrs["full_width"] = (int(wide.sum()), first, str(values.iloc[first]))
    return masked


def _parse_distinct(values: pd.Series, *, require_year: bool, numeric_order: str
                    ) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """:func:`parse_text_dates` of text cells (each distinct): the parts, unmasked, with the
    column's ``attrs``; which cells are empty; which are not dates (raise ParseError)."""
    folded = _fold(values)
    empty = folded.isin({"", "-", "--", "n/a", "nan", "none", "—"})
    # Russian writes the year as "2026 г." / "2026 года"
    folded = folded.str.replace(r"(\d{4}) ?(?:г\.?|года)$", r"\1", regex=True)
    iso = folded.str.extract(r"^(\d{4})-(\d{2})-(\d{2})" + _TIME_TAIL)
    num = folded.str.extract(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})" + _TIME_TAIL)
    num_clock = num[[3, 4, 5, 6]]
    use_iso = iso[0].notna()
    use_num = num[0].notna() & ~use_iso
    order = _numeric_order(num, numeric_order)
    if order[0] == "dmy":
        num = num[[1, 0, 2]].set_axis([0, 1, 2], axis=1)
    out = _written_parts(_named_parts(folded, ~(use_iso | use_num | empty)), use_iso, iso,
                         use_num, num)
    if iso[3].notna().any() or num_clock[3].notna().any():
        clock = pd.DataFrame({k: iso[k].where(use_iso, num_clock[k]) for k in (3, 4, 5, 6)})
        out["time"], bad_time = _seconds_of_day(clock)
    else:   # no cell writes a time of day (month names never do): a dozen pandas calls saved
        out["time"], bad_time = pd.Series(pd.NA, index=values.index, dtype="Int64"), False
    out.attrs["numeric_order"] = order[0] if use_num.any() else None
    out.attrs["numeric_ambiguous"] = bool(use_num.any() and order[1])
    invalid = out["month"].isna() | out["day"].isna() | (out["day"] > 31) | (out["day"] < 1)
    invalid |= bad_time
    if require_year:
        invalid |= out["year"].isna()
    return out, empty, invalid & ~empty


def _written_parts(named: tuple[pd.Series, ...], use_iso: pd.Series, iso: pd.DataFrame,
                   use_num: pd.Series, num: pd.DataFrame) -> pd.DataFrame:
    """The Int64 ``year``, ``month`` and ``day`` of each cell: those of ``named``
    (:func:`_named_parts`), else of ``iso`` where ``use_iso``, else of ``num`` (month, day,
    year; a two-digit year in 2000-2099) where ``use_num``. A kind no cell is written in is
    not put in: a column holds one kind, and each put costs a few pandas calls."""
    parts = dict(zip(("year", "month", "day"), named, strict=True))
    if use_iso.any():
        parts = {k: v.where(~use_iso, iso[i]) for i, (k, v) in enumerate(parts.items())}
    parts = {k: pd.to_numeric(v, errors="coerce") for k, v in parts.items()}
    if use_num.any():
        year = pd.to_numeric(num[2], errors="coerce")
        written = {"year": year.where(year >= 100, year + 2000),
                   "month": pd.to_numeric(num[0], errors="coerce"),
                   "day": pd.to_numeric(num[1], errors="coerce")}
        parts = {k: v.where(~use_num, written[k]) for k, v in parts.items()}
    return pd.DataFrame({k: v.astype("Int64") for k, v in parts.items()}, index=use_iso.index)


def _named_parts(folded: pd.Series, named: pd.Series) -> tuple[pd.Series, ...]:
    """(year, month, day) of the dates of ``folded`` (:func:`_fold`) written with a month's
    name, or in the Japanese/Chinese and Vietnamese forms (the month a number, the rest
    text), NA where there is none. Read only when some cell may be one (``named``: neither
    ISO, all-number nor empty): a column of LinkedIn's ``MM/DD/YYYY``, or of a re-saved
    sheet's dates, needs none of the four patterns' passes."""
    if not named.any():
        none = pd.Series(pd.NA, index=folded.index, dtype=object)
        return none, none, none
    a = folded.str.extract(_MONTH_FIRST)
    b = folded.str.extract(_DAY_FIRST)
    cjk = folded.str.normalize("NFKC").str.extract(_CJK)
    vi = folded.str.extract(_VI)
    word = a[0].where(a[0].notna(), b[1])
    day = a[1].where(a[0].notna(), b[0])
    year = a[2].where(a[0].notna(), b[2])
    # NFC as unicodedata writes it (Python-backed strings), then looked up in the table
    month = word.astype(pd.StringDtype("python")).str.normalize("NFC").map(MONTHS)
    # the Japanese/Chinese and Vietnamese forms: (year, month, day) in the same columns, put
    # in only when a cell is written so (each put costs pandas calls a column rarely needs)
    use_cjk, use_vi = cjk[1].notna(), vi[0].notna()
    if use_cjk.any():
        year, month, day = (part.where(~use_cjk, cjk[k])
                            for k, part in enumerate((year, month, day)))
    if use_vi.any():
        vi_month = vi[1].map(_VI_MONTHS)
        vi_month = vi_month.where(vi_month.notna(), vi[1])  # a month in digits stays as written
        year, month, day = (year.where(~use_vi, vi[2]), month.where(~use_vi, vi_month),
                            day.where(~use_vi, vi[0]))
    return year, month, day


def _seconds_of_day(clock: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Seconds after midnight (Int64, NA where no time is written) of the (hour, minute,
    second, a|p) groups of :data:`_TIME_TAIL`, and where that time is impossible (``25:00``,
    ``13:00 pm``)."""
    h, m, sec = (pd.to_numeric(clock[k], errors="coerce").astype("Int64")
                 for k in clock.columns[:3])
    ampm = clock[clock.columns[3]]
    twelve = ampm.notna()
    bad = (h > 23) | (m > 59) | (sec.fillna(0) > 59) | (twelve & ((h < 1) | (h > 12)))
    h = h.where(~twelve, h % 12 + (ampm == "p").astype("Int64") * 12)
    seconds = h * 3600 + m * 60 + sec.fillna(0)
    return seconds.astype("Int64"), bad.fillna(False).astype(bool)


def _numeric_order(num: pd.DataFrame, prefer: str) -> tuple[str, bool]:
    """``mdy`` or ``dmy`` for all-number dates of a column, and whether that was a guess:
    a first number above 12 proves day-first, a second above 12 proves month-first."""
    first = pd.to_numeric(num[0], errors="coerce")
    second = pd.to_numeric(num[1], errors="coerce")
    if (first > 12).any():
        return "dmy", False
    if (second > 12).any():
        return "mdy", False
    return prefer, bool(num[0].notna().any())


class DayOrder(NamedTuple):
    """The order a file's all-number dates are read in, and why (:func:`file_numeric_order`).

    ``order`` is ``"mdy"`` or ``"dmy"``; ``evidence`` says what decided it, for the quality
    note (None: nothing did, the platform's default was assumed); ``sure`` is False for a hint
    (the separator alone) or an assumption, which are noted as warnings; ``how`` is
    ``"proof"``, ``"european"``, ``"consecutive"`` or ``"assumed"``.
    """

    order: str
    evidence: str | None = None
    sure: bool = False
    how: str = "assumed"


#: an all-number date as a spreadsheet re-saves one, on folded text (``14/07/2026 10:30``)
_NUMERIC = r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})" + _TIME_TAIL


def file_numeric_order(columns: Mapping[str, pd.Series], *, european: str | None = None,
                       daily: str | None = None, default: str = "mdy") -> DayOrder:
    """The one day/month order of the all-number dates of a file (a spreadsheet re-saved it
    with its own setting, the same for every column), from the evidence, in this order:

    1. a proof in any date column: a first number above 12 proves day first, a second above
       12 month first (``columns``: header → cells; a column counts when every non-empty cell
       is an all-number date);
    2. ``european``: what says a spreadsheet with European settings saved the file (the
       ``;`` separator, the decimal comma), which read and wrote the days first;
    3. for a daily file (``daily``: the header of its column of days, a run of consecutive
       days), the order that alone makes its distinct days a run of consecutive days (read
       the other way, 1 to 5 July is 7 January, 7 February… 7 May);
    4. ``default``, the platform's own order, assumed.

    Two columns proving opposite orders prove nothing for the file (each is read in its own).
    Vectorised on the distinct cells of each column.
    """
    found: dict[str, pd.DataFrame] = {}
    for header, cells in columns.items():
        if cells is None or not len(cells):
            continue
        distinct = pd.Series(pd.unique(cells.astype("str")))
        folded = _fold(distinct)
        folded = folded[~folded.isin(_EMPTY)]
        num = folded.str.extract(_NUMERIC)
        if len(num) and num[0].notna().all():
            found[header] = num[[0, 1, 2]].astype("int64")
    proofs = {"dmy": [h for h, n in found.items() if (n[0] > 12).any()],
              "mdy": [h for h, n in found.items() if (n[1] > 12).any()]}
    if bool(proofs["dmy"]) != bool(proofs["mdy"]):
        order = "dmy" if proofs["dmy"] else "mdy"
        return DayOrder(order, f"a day above 12 written {'first' if order == 'dmy' else 'second'}"
                        f" in {proofs[order][0]!r} proves it", True, "proof")
    run = _consecutive_orders(found[daily]) if daily in found else set()
    if european:
        agree = "dmy" in run
        return DayOrder("dmy", f"{european} says a spreadsheet with European settings saved "
                        "it, day first" + (", and only so are the rows consecutive days"
                                           if agree and len(run) == 1 else ""), agree,
                        "european")
    if len(run) == 1:
        order = run.pop()
        return DayOrder(order, "only so are the rows of this daily file consecutive days", True,
                        "consecutive")
    return DayOrder(default)


#: a text date month first: its first two numbers (``03/25/2025 22:00`` → 3, 25)
_MONTH_FIRST_TEXT = r"^\s*(\d{1,2})/(\d{1,2})/\d{4}\b"


def day_first_misreading(cells: pd.Series, is_dt: pd.Series) -> str | None:
    """The cell proving that a spreadsheet set to read day first (French, Italian settings)
    turned the month-first text dates of ``cells`` into the date cells (``is_dt``) with their
    day and month swapped; None when nothing proves it.

    Such a spreadsheet reads ``03/05/2025`` as 3 May and cannot read ``03/25/2025``, which it
    leaves as text: a text cell month first whose second number is above 12 proves the
    setting, and every date cell then has a day of 12 or less, as a misreading has (one above
    12 was not misread: nothing is proved). The proof is the first such text, stripped."""
    text = cells[~is_dt].astype("str").str.strip()
    parts = text.str.extract(_MONTH_FIRST_TEXT).astype("float")
    proof = text[((parts[0] <= 12) & (parts[1] > 12)).to_numpy()]
    if not len(proof) or not is_dt.any():
        return None
    stored = pd.to_datetime(cells[is_dt].tolist())
    return str(proof.iloc[0]) if (stored.day <= 12).all() else None


def _consecutive_orders(num: pd.DataFrame) -> set[str]:
    """The orders (``mdy``, ``dmy``) that make the distinct all-number dates ``num`` (first,
    second number, year) a run of consecutive days, as a daily export writes them."""
    year = num[2].where(num[2] >= 100, num[2] + 2000)
    out = set()
    for order, (m, d) in {"mdy": (0, 1), "dmy": (1, 0)}.items():
        days = _make_dates(year, num[m], num[d]).dropna().drop_duplicates()
        if len(days) < 2 or len(days) < len(num.drop_duplicates()):
            continue                    # an impossible date (31 February) read so
        if (days.max() - days.min()) == pd.Timedelta(days=len(days) - 1):
            out.add(order)
    return out


def resolve_year(parts: pd.DataFrame, as_of: pd.Timestamp) -> tuple[pd.Series, pd.Series]:
    """Complete year-less dates from ``as_of``; return ``(naive dates, inferred mask)``.

    A year-less (month, day) gets the latest year such that the date is not after ``as_of``'s
    date, so it lies at most 365 days before it (Feb 29 goes back to the last leap year).
    Cells with a year keep it.
    """
    as_of = pd.Timestamp(as_of)
    ref = as_of.tz_convert(None) if as_of.tzinfo is not None else as_of
    ref = ref.normalize()
    inferred = parts["year"].isna() & parts["month"].notna()
    year = parts["year"].fillna(ref.year)
    dates = _make_dates(year, parts["month"], parts["day"])
    for _ in range(8):  # step back a year while after as-of (or invalid, e.g. Feb 29)
        late = inferred & (dates.isna() | (dates > ref)) & parts["month"].notna()
        if not late.any():
            break
        year = year.mask(late, year - 1)
        dates = _make_dates(year, parts["month"], parts["day"])
    return dates, inferred


def resolve_run_year(parts: pd.DataFrame, as_of: pd.Timestamp, *, max_step: int = 31
                     ) -> tuple[pd.Series, pd.Series, bool]:
    """Complete a run of year-less days (rows ascending, as a daily export writes them).

    The last dated row gets the latest year not after ``as_of``'s date; walking back, each
    earlier row gets the latest year not after the row below it (a row with a year keeps it and
    is the reference above it). Repeated days (an hourly file) keep one year. Returns ``(naive
    dates, inferred mask, consecutive)``: when the result is not a run (a step back in time, or
    a gap of more than ``max_step`` days: rows not in ascending order), each year-less day is
    resolved alone by :func:`resolve_year` and ``consecutive`` is False.
    """
    as_of = pd.Timestamp(as_of)
    ref = (as_of.tz_convert(None) if as_of.tzinfo is not None else as_of).normalize()
    inferred = parts["year"].isna() & parts["month"].notna()
    year = parts["year"].to_numpy(dtype="float", na_value=np.nan)
    month = parts["month"].to_numpy(dtype="float", na_value=np.nan)
    day = parts["day"].to_numpy(dtype="float", na_value=np.nan)
    out: list[datetime.date | None] = [None] * len(parts)
    last = ref.date()
    prev_key: tuple[float, float, float] | None = None
    prev_date: datetime.date | None = None
    for i in range(len(parts) - 1, -1, -1):
        if np.isnan(month[i]) or np.isnan(day[i]):
            continue
        key = (year[i], month[i], day[i])
        if key != prev_key:                 # the same day again (hours of a day) keeps its date
            prev_key = key
            prev_date = _latest_on_or_before(year[i], int(month[i]), int(day[i]), last)
            if prev_date is not None:
                last = prev_date
        out[i] = prev_date
    dates = pd.Series(pd.to_datetime(pd.Series(out, dtype="object"), errors="coerce"),
                      index=parts.index).astype("datetime64[ns]")
    known = dates.dropna()
    steps = known.diff().dropna()
    if len(steps) and ((steps < pd.Timedelta(0)) | (steps > pd.Timedelta(days=max_step))).any():
        alone, inferred = resolve_year(parts, as_of)
        return alone, inferred, False
    return dates, inferred, True


def mend_guessed_year(dates: pd.Series, as_of: pd.Timestamp) -> tuple[pd.Series, int]:
    """A daily run whose years a spreadsheet guessed, mended; and how many days were moved.

    A spreadsheet gives a date written without a year (TikTok's ``December 26``) the current
    year: a run from 26 December 2025 to 3 January 2026 re-saved in 2026 reads 2026-12-26 …
    2026-12-31, then 2026-01-01 … 2026-01-03. That pattern, whole days (``dates``, naive, in
    row order) that step back exactly from 31 December to 1 January of the same year once and
    are otherwise consecutive (a step of 0 or 1 day), is mended: the days after the break are
    moved a year on when the run then still ends on or before ``as_of``'s date, else the days
    before it a year back. Any other series is returned as it is, with 0.
    """
    known = dates.dropna()
    if len(known) < 2 or not (known == known.dt.normalize()).all():
        return dates, 0
    steps = known.diff().iloc[1:].to_numpy()
    back = steps < np.timedelta64(0, "ns")
    day = np.timedelta64(1, "D")
    if back.sum() != 1 or not np.isin(steps[~back], [np.timedelta64(0, "D"), day]).all():
        return dates, 0
    i = int(np.flatnonzero(back)[0]) + 1              # the first day after the break
    last, first = known.iloc[i - 1], known.iloc[i]
    if (last.month, last.day, first.month, first.day) != (12, 31, 1, 1) or (
            last.year != first.year):
        return dates, 0
    ref = pd.Timestamp(as_of)
    ref = (ref.tz_convert(None) if ref.tzinfo is not None else ref).normalize()
    after = pd.Series(False, index=dates.index)
    after.loc[known.index[i:]] = True
    if known.iloc[-1] + pd.DateOffset(years=1) <= ref:
        moved, by = after, 1
    else:
        moved, by = dates.notna() & ~after, -1
    out = dates.copy()
    out[moved] = dates[moved] + pd.DateOffset(years=by)
    return out, int(moved.sum())


def _latest_on_or_before(year: float, month: int, day: int, ref: datetime.date
                         ) -> datetime.date | None:
    """``year-month-day`` when the year is known, else that day in the latest year ≤ ``ref``
    (None for an impossible date)."""
    if not np.isnan(year):
        try:
            return datetime.date(int(year), month, day)
        except ValueError:
            return None
    for y in range(ref.year, ref.year - 9, -1):     # Feb 29 goes back to the last leap year
        try:
            d = datetime.date(y, month, day)
        except ValueError:
            continue
        if d <= ref:
            return d
    return None


def _make_dates(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"year": year.astype("float"), "month": month.astype("float"),
                          "day": day.astype("float")})
    return pd.to_datetime(frame, errors="coerce").astype("datetime64[ns]")


def day_to_utc(dates: pd.Series, tz: str) -> pd.Series:
    """00:00 of each calendar day in ``tz``, as UTC (a skipped midnight moves forward)."""
    naive = pd.to_datetime(dates).astype("datetime64[ns]").dt.normalize()
    return local_to_utc(naive, tz)[0]


class IdTimePlace(NamedTuple):
    """Where each id's time falls against its post's written day or minute (bool Series, all
    three False where either time is unknown: nothing tells)."""

    before: pd.Series
    within: pd.Series
    after: pd.Series


def id_time_in_any_zone(decoded: pd.Series, start: pd.Series,
                        span: pd.Timedelta | pd.Series = _ONE_DAY) -> IdTimePlace:
    """Where ``decoded`` (UTC) falls against the ``span`` of wall-clock time from ``start`` (that
    wall time read as UTC) written in an unstated zone.

    X, TikTok and LinkedIn write a post's day (or minute) without its zone, while the post id
    holds an exact UTC time: that time is the post's only when some zone, UTC-12..UTC+14, puts
    it in the span, i.e. between ``start`` at UTC+14 (:data:`ZONE_AHEAD_MAX` earlier) and the
    span's end at UTC-12 (:data:`ZONE_BEHIND_MAX` later). The three loaders ask this one
    question, so the bounds are written once; what an id before or after the span means (a
    scheduled TikTok video, a misread day order) is theirs to tell.
    """
    lag = decoded - start
    upper = span + ZONE_BEHIND_MAX
    return IdTimePlace(before=lag < -ZONE_AHEAD_MAX,
                       within=(lag >= -ZONE_AHEAD_MAX) & (lag < upper),
                       after=lag >= upper)


def dates_from_parts(parts: pd.DataFrame, *, file: str | None = None,
                     column: str | None = None, first_line: int = 2,
                     cells: pd.Series | None = None) -> pd.Series:
    """Naive dates from year/month/day parts; an impossible date (31 Feb) raises ParseError,
    quoting the cell as written when the ``cells`` the parts were read from are given."""
    dates = _make_dates(parts["year"], parts["month"], parts["day"])
    bad = dates.isna() & parts["year"].notna()
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        row = parts.iloc[pos]
        raise ParseError("impossible calendar date", file=file, line=first_line + pos,
                         column=column, expected="a real date",
                         got=(str(cells.iloc[pos]) if cells is not None
                              else f"{row['year']}-{row['month']}-{row['day']}"))
    return dates
