"""Reporting periods: a month (``2026-10``), a quarter (``2026-Q3``), a year (``2026``) or any
inclusive date range ``(start, end)``.

A :class:`Period` holds inclusive calendar dates. Data are assigned to a period by their local
calendar day: posts by their publish date in the brand's time zone (:func:`local_dates`), daily
series and GA4 rows by their ``date`` column, which is already a day in the source's zone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from .errors import ArgumentError, ArgumentTypeError, PeriodError
from .schema import utc_series

__all__ = ["Period", "parse_period", "days_text", "YEARS", "local_dates", "post_dates",
           "posts_in_period", "overlap_days", "last_day_covered", "last_days_covered",
           "latest_complete_month"]

_T = TypeVar("_T")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")

#: the years a period's days may fall in: from 1900 (older statistics there are none) to 9999,
#: the last year ``datetime.date`` holds. A period at an end has no previous period or year
#: before; asking for it is a PeriodError, as for any year outside (not a bare ValueError or
#: OverflowError of ``datetime``).
YEARS = (1900, 9999)


#: a date written with slashes or dots (``01/10/2026``, ``1.10.2026``, ``2026/10/01``), whose
#: day and month order the text alone does not tell
_SLASHED = re.compile(r"^\s*\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")


def _to_date(x: object) -> dt.date:
    """One day, from a date, a datetime or Timestamp, or ISO text (``2026-10-01``).

    A date with slashes or dots is refused, not guessed: pandas read ``01/10/2026`` month
    first (10 January) and ``15/10/2026`` day first (15 October), so that a French
    ``01/10/2026..31/10/2026`` in competitors.csv ran from 10 January to 31 October.
    """
    if isinstance(x, dt.date) and x is not pd.NaT:      # NaT is a datetime, of no day
        return x.date() if isinstance(x, dt.datetime) else x
    if isinstance(x, str) and _SLASHED.match(x):
        raise PeriodError(f"dates are written YYYY-MM-DD (2026-10-01); got {x.strip()!r}: a date "
                          "with slashes or dots is not read (01/10/2026 is 1 October in France, "
                          "10 January in the United States)")
    try:
        ts = pd.Timestamp(x)
    except (ValueError, TypeError):
        ts = pd.NaT
    if pd.isna(ts):
        raise PeriodError(f"not a date: {x!r}; expected a date such as 2026-10-01")
    return ts.date()


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])    # December 9999 too


def _check_year(year: int, x: object) -> None:
    """A PeriodError unless ``year`` is one of :data:`YEARS`; ``x`` is what was asked for."""
    if not YEARS[0] <= year <= YEARS[1]:
        raise PeriodError(f"a period's years run from {YEARS[0]} to {YEARS[1]}; got year "
                          f"{year} in {x!r}")


def whole_months(start: dt.date, end: dt.date) -> int | None:
    """How many calendar months ``start`` to ``end`` spans when it runs from the 1st of a month
    to the last day of a month, else None."""
    if start.day != 1 or end != month_end(end.year, end.month):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


#: the kinds of :class:`Period`
_KINDS = ("month", "quarter", "year", "range")


def _field_date(field: str, x: object) -> dt.date:
    """A Period's ``start`` or ``end`` as a date: a date as is, a datetime or Timestamp as its
    day; anything else (a string, a number) an ArgumentTypeError."""
    if isinstance(x, dt.datetime):
        if x is pd.NaT or pd.isna(x):
            raise ArgumentTypeError(f"a Period's {field} is a datetime.date; got NaT",
                                    argument=field)
        return x.date()
    if isinstance(x, dt.date):
        return x
    if isinstance(x, np.datetime64) and not np.isnat(x):
        return pd.Timestamp(x).date()
    raise ArgumentTypeError(
        f"a Period's {field} is a datetime.date; got {type(x).__name__} {x!r} (text is read "
        f"by smm.parse_period: smm.parse_period('2026-10'), "
        f"smm.parse_period(('2026-10-01', '2026-10-15')))", argument=field)


def _calendar_label(p: Period) -> str | None:
    """The label of the calendar month, quarter or year (``p.kind``) that runs from
    ``p.start`` to ``p.end``, as :func:`parse_period` makes it; None when the days are none."""
    start, end = p.start, p.end
    months = whole_months(start, end)
    if p.kind == "month" and months == 1:
        return f"{start.year}-{start.month:02d}"
    if p.kind == "quarter" and months == 3 and start.month % 3 == 1:
        return f"{start.year}-Q{start.month // 3 + 1}"
    if p.kind == "year" and months == 12 and start.month == 1:
        return str(start.year)
    return None


@dataclass(frozen=True)
class Period:
    """An inclusive range of calendar days.

    Attributes
    ----------
    start, end : datetime.date
        First and last day, both included.
    label : str
        ``2026-10`` for a month, ``2026-Q3`` for a quarter, ``2026`` for a year, otherwise
        ``YYYY-MM-DD..YYYY-MM-DD``.
    kind : str
        ``month``, ``quarter``, ``year`` or ``range``.
    """

    start: dt.date
    #: required: None only so that ``smm.Period("2026-10")``, a notebook's first try, is told
    #: what to type (an ArgumentTypeError naming smm.parse_period), not a bare TypeError
    end: dt.date = None
    label: str = None
    kind: str = "range"

    def __post_init__(self) -> None:
        if missing := [f for f in ("end", "label") if getattr(self, f) is None]:
            raise ArgumentTypeError(
                f"a Period is made of its start, end and label; got no {' and '.join(missing)} "
                f"({_parse_period_hint(self.start, self.end)})", argument=missing[0])
        for field in ("start", "end"):
            object.__setattr__(self, field, _field_date(field, getattr(self, field)))
        if not isinstance(self.label, str):
            raise ArgumentTypeError(f"a Period's label is a str such as '2026-10'; got "
                                    f"{type(self.label).__name__} {self.label!r}",
                                    argument="label")
        if self.kind not in _KINDS:
            raise ArgumentError("not a kind of period", argument="kind",
                                expected=" or ".join(map(repr, _KINDS)), got=self.kind)
        for day in (self.start, self.end):
            _check_year(day.year, self.label)
        if self.end < self.start:
            raise PeriodError(f"period end {self.end} is before its start {self.start}")
        if self.kind != "range" and (label := _calendar_label(self)) != self.label:
            raise PeriodError(
                f"a Period of kind {self.kind!r} from {self.start} to {self.end} is "
                + (f"labelled {label!r}" if label else f"no calendar {self.kind}")
                + f"; got label {self.label!r} (smm.parse_period({self.label!r}) makes the "
                f"{self.kind} of a label)")

    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before: previous month, quarter or year; for a range of whole
        calendar months (from the 1st of a month to the last day of a month), as many whole
        months just before (September-October: July-August, not the 61 days before, which
        began on 2 July); for any other range, the range of the same length ending the day
        before ``start``.

        >>> parse_period("2026-09..2026-10").previous().label
        '2026-07-01..2026-08-31'
        >>> parse_period("2026-09-10..2026-09-19").previous().label
        '2026-08-31..2026-09-09'

        A period of :data:`YEARS`' first days has none before it: a PeriodError.
        """
        try:
            return self._previous()
        except (PeriodError, OverflowError):        # before 1900, or before year 1
            raise PeriodError(f"{self.label} has no period before it: a period's years run "
                              f"from {YEARS[0]} to {YEARS[1]}") from None

    def _previous(self) -> Period:
        if self.kind == "month":
            first = self.start - dt.timedelta(days=1)
            return parse_period(f"{first.year}-{first.month:02d}")
        if self.kind == "quarter":
            last = self.start - dt.timedelta(days=1)
            return parse_period(f"{last.year}-Q{(last.month - 1) // 3 + 1}")
        if self.kind == "year":
            return parse_period(str(self.start.year - 1))
        end = self.start - dt.timedelta(days=1)
        if (months := whole_months(self.start, self.end)) is not None:
            first = self.start.year * 12 + self.start.month - 1 - months     # months since year 0
            return parse_period((dt.date(first // 12, first % 12 + 1, 1), end))
        return parse_period((end - dt.timedelta(days=self.days - 1), end))

    def weeks_before(self) -> Period:
        """The range of the same length and the same weekdays, the latest ending before
        ``start``: the period moved back by whole weeks. A campaign's days are set against
        the brand's usual ones (:meth:`previous` of a 10-day range began on other weekdays;
        of 1-31 October, it was September's 30 days).

        >>> parse_period("2026-05-18..2026-05-31").weeks_before().label
        '2026-05-04..2026-05-17'
        >>> parse_period("2026-09-25..2026-10-04").weeks_before().label
        '2026-09-11..2026-09-20'
        """
        back = dt.timedelta(weeks=-(-self.days // 7))
        try:
            return parse_period((self.start - back, self.end - back))
        except (PeriodError, OverflowError):
            raise PeriodError(f"{self.label} has no period before it: a period's years run "
                              f"from {YEARS[0]} to {YEARS[1]}") from None

    def contains(self, dates: pd.Series) -> pd.Series:
        """Boolean mask: which naive local ``dates`` (times of day allowed) fall in the period."""
        d = pd.to_datetime(dates).dt.normalize()
        return ((d >= self.start_ts) & (d <= self.end_ts)).fillna(False).astype(bool)

    @property
    def start_ts(self) -> pd.Timestamp:
        """``start`` as a naive midnight Timestamp."""
        return pd.Timestamp(self.start)

    @property
    def end_ts(self) -> pd.Timestamp:
        """``end`` as a naive midnight Timestamp (the last day, included)."""
        return pd.Timestamp(self.end)

    @property
    def days_text(self) -> str:
        """The period's first and last days as a text says them: ``START..END``, or the one
        date of a one-day period, whose ``START..END`` repeated it ("2026-10
        (2026-10-01..2026-10-01)" in a comparison's heading).

        >>> parse_period("2026-10-01..2026-10-01").days_text
        '2026-10-01'
        >>> parse_period("2026-10").days_text
        '2026-10-01..2026-10-31'
        """
        return days_text(self.start, self.end)

    def __str__(self) -> str:
        return self.label


def days_text(first: dt.date, last: dt.date) -> str:
    """The days ``first`` to ``last`` as a note says them, as :attr:`Period.days_text` does:
    ``FIRST..LAST``, or the one date when they are the same day, whose ``FIRST..LAST``
    repeated it ("benchmark measured over 2026-10-01..2026-10-01"). Timestamps are read by
    their date.

    >>> days_text(dt.date(2026, 10, 1), dt.date(2026, 10, 1))
    '2026-10-01'
    >>> days_text(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    '2026-10-01..2026-10-31'
    """
    first, last = (d.date() if isinstance(d, dt.datetime) else d for d in (first, last))
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()}..{last.isoformat()}"


def _parse_period_hint(start: object, end: object) -> str:
    """The :func:`parse_period` call that makes the period ``Period(start, end)`` was given
    without its label (or end), said only once it works: ``parse_period('2026-10-01')`` for
    ``Period('2026-10-01', '2026-10-31')`` dropped the end and failed (a day alone is no
    period). Two ends: the pair; one: its text, or the range of that day alone; else a
    month's example."""
    ends = [x.isoformat() if type(x) is dt.date else x for x in (start, end) if x is not None]
    if len(ends) == 2:
        tries, what = [tuple(ends)], "of its two ends"
    else:
        tries, what = [ends[0], f"{ends[0]}..{ends[0]}"], "of a text"
    for x in tries:
        try:
            parse_period(x)
        except ValueError:              # PeriodError, ArgumentTypeError: not this one
            continue
        return f"smm.parse_period({x!r}) makes the period {what}"
    return "smm.parse_period('2026-10') makes the period of a text"


def parse_period(x: object) -> Period:
    """Parse a period.

    Parameters
    ----------
    x : str, tuple, Period or pandas.Period
        ``"2026-10"`` (month), ``"2026-Q3"`` (quarter), ``"2026"`` (calendar year), a range
        ``"START..END"`` or ``(start, end)`` pair, both included, whose ends are dates or
        months, quarters or years (``"2026-09..2026-10"``: 1 September to 31 October), a
        :class:`Period` (returned as is), or
        a ``pandas.Period``: frequency M, Q (calendar quarters) or Y (calendar years) gives that
        month, quarter or year; any other (a day, a week, a fiscal quarter) the range of its days.
        A range that is exactly one calendar month, quarter or year (``"2026-10..2026-10"``,
        ``"2026-10-01..2026-10-31"``, a fiscal quarter that is a calendar one) is that month,
        quarter or year, of the same label.

    Returns
    -------
    Period
        Its ``start`` and ``end`` (both included), ``label`` and ``kind`` (``month``,
        ``quarter``, ``year`` or ``range``).

    Raises
    ------
    PeriodError
        (a ValueError) naming what was expected and what came; a year outside :data:`YEARS`
        (1900 to 9999) too.

    Examples
    --------
    >>> p = parse_period("2026-10")
    >>> (p.start.isoformat(), p.end.isoformat(), p.days, p.previous().label)
    ('2026-10-01', '2026-10-31', 31, '2026-09')
    >>> parse_period("2026-Q1").previous().label
    '2025-Q4'
    >>> parse_period(pd.Period("2026-10", "M")).label
    '2026-10'
    >>> parse_period("2026-09..2026-10").label
    '2026-09-01..2026-10-31'
    >>> parse_period("2026-10-01..2026-10-31").label
    '2026-10'
    """
    if isinstance(x, Period):
        return x
    if isinstance(x, pd.Period):
        return _from_pandas(x)
    if isinstance(x, tuple | list) and len(x) == 2:
        start, end = _bound(x[0]).start, _bound(x[1]).end
        # exactly one calendar month, quarter or year is that period, however written: the
        # same label (report folder, goals, competitors' rows) and previous period
        months = whole_months(start, end) if end >= start else None
        if months == 1:
            return parse_period(f"{start.year}-{start.month:02d}")
        if months == 3 and start.month % 3 == 1:
            return parse_period(f"{start.year}-Q{start.month // 3 + 1}")
        if months == 12 and start.month == 1:
            return parse_period(str(start.year))
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}", "range")
    if isinstance(x, numbers.Integral) and not isinstance(x, bool) and 1900 < x < 3000:
        x = str(int(x))                 # np.int64(2026) too, as 2026
    if isinstance(x, str):
        s = x.strip()
        if m := _MONTH.match(s):
            year, month = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12:
                _check_year(year, x)
                return Period(dt.date(year, month, 1), month_end(year, month),
                              f"{year}-{month:02d}", "month")
        if m := _QUARTER.match(s):
            year, q = int(m.group(1)), int(m.group(2))
            _check_year(year, x)
            return Period(dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q),
                          f"{year}-Q{q}", "quarter")
        if m := _YEAR.match(s):
            year = int(m.group(1))
            _check_year(year, x)
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year")
        if ".." in s:
            a, b = s.split("..", 1)
            return parse_period((a, b))
    raise PeriodError(f"period must be 'YYYY-MM', 'YYYY-Qn', 'YYYY', 'START..END' or a (start, "
                      f"end) pair of dates; got {x!r}{_one_day_hint(x) or _what_is_wrong(x)}")


#: a quarter written before its year: ``Q3 2026``, ``q3-2026``, ``Q3/2026``
_QUARTER_FIRST = re.compile(r"^[Qq](\d)\W*(\d{4})$")
#: a month's English name, alone or with a year: ``october``, ``Oct 2026``
_MONTH_NAME = re.compile(r"^([A-Za-z]+)\.?\W*(\d{4})?$")


def _what_is_wrong(x: object) -> str:
    """What is wrong with a period string no form reads, when it is near one: a month or
    quarter out of range (``2026-13``, ``2026-Q5``), a day not of the calendar
    (``2026-10-32``), the quarter before its year (``Q3 2026``), a month's name
    (``october``), or ``latest``, which only the command line and ``run_report`` read. Each
    gave the same list of forms, which did not say that ``2026-13``'s form was right."""
    if not isinstance(x, str):
        return ""
    s = x.strip()
    if m := _MONTH.match(s):
        return f": the month must be 01 to 12, not {m.group(2)}"
    if m := re.match(r"^(\d{4})-?[Qq](\d+)$", s):
        return f": the quarter must be Q1 to Q4, not Q{m.group(2)}"
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", s):
        return ": that day is not in the calendar"
    if m := _QUARTER_FIRST.match(s):
        if not 1 <= int(m.group(1)) <= 4:
            return f": the quarter must be Q1 to Q4, not Q{m.group(1)}"
        return f": the year comes first, '{m.group(2)}-Q{m.group(1)}'"
    if s.lower() == "latest":
        return (": 'latest' (the last whole month the data covers) is read by smm's --period "
                "and run_report only; here write the month, such as '2026-10'")
    if (m := _MONTH_NAME.match(s)) and (month := _month_number(m.group(1))):
        return (f": a month is written as its year and number, "
                f"'{m.group(2) or 'YYYY'}-{month:02d}' for {_MONTHS[month - 1].capitalize()}"
                f"{' ' + m.group(2) if m.group(2) else ''}")
    return ""


#: the months' English names (``calendar.month_name`` follows the locale)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


def _month_number(name: str) -> int | None:
    """The number (1 to 12) of the month an English name or its first three letters or more
    name (``Oct``), else None."""
    name = name.lower()
    return next((i for i, month in enumerate(_MONTHS, 1)
                 if len(name) >= 3 and month.startswith(name)), None)


def _bound(x: object) -> Period:
    """One end of a range as the days it names: a month, quarter or year (``"2026-10"``,
    ``"2026-Q4"``, ``"2026"``, a ``pandas.Period``) from its first day to its last, so that
    ``"2026-09..2026-10"`` ends on 31 October; a date, that day alone."""
    if isinstance(x, pd.Period):
        return _from_pandas(x)
    if isinstance(x, numbers.Integral) and not isinstance(x, bool) and 1900 < x < 3000:
        x = str(int(x))
    if isinstance(x, str):
        s = x.strip()
        m = _MONTH.match(s)
        if (m and 1 <= int(m.group(2)) <= 12) or _QUARTER.match(s) or _YEAR.match(s):
            return parse_period(s)
    day = _to_date(x)
    return Period(day, day, day.isoformat(), "range")


def _one_day_hint(x: object) -> str:
    """For a single date (``2026-10-15``, a date, a Timestamp), how to ask for that day: it
    is not taken as one, as a Timestamp often stands for its month or week."""
    if isinstance(x, str) and not re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", x):
        return ""
    if not isinstance(x, str | dt.date | np.datetime64):
        return ""
    try:
        day = _to_date(x).isoformat()
    except PeriodError:
        return ""
    return f" (for that one day: '{day}..{day}')"


def _from_pandas(x: pd.Period) -> Period:
    """A :class:`Period` of the days of a ``pandas.Period``."""
    if pd.isna(x):
        raise PeriodError(f"period must be a known pandas Period; got {x!r}")
    freq = x.freqstr.upper()
    if freq == "M":
        return parse_period(f"{x.year}-{x.month:02d}")
    if freq in ("Q", "Q-DEC"):
        return parse_period(f"{x.year}-Q{x.quarter}")
    if freq in ("Y", "Y-DEC", "A", "A-DEC"):
        return parse_period(str(x.year))
    return parse_period((x.start_time.date(), x.end_time.date()))


def local_dates(published_at: pd.Series, tz: str) -> pd.Series:
    """Calendar day of each UTC timestamp in ``tz``, as naive midnight ``datetime64[ns]``.

    ``published_at`` holds tz-aware times, or ISO text with its offset (read back with
    ``read_csv``); tz-naive times raise :class:`~smmanalytics.errors.SchemaError`: their zone
    would be a guess (they were read as UTC).

    Examples
    --------
    >>> s = pd.Series(pd.to_datetime(["2026-10-31T23:30:00Z"]))
    >>> str(local_dates(s, "Europe/Paris").iloc[0].date())
    '2026-11-01'
    """
    # tz-aware (or ISO text with its offset); tz-naive times are a SchemaError, not read as UTC
    ts = utc_series(published_at, str(published_at.name or "published_at"))
    return ts.dt.tz_convert(tz).dt.tz_localize(None).dt.normalize().astype("datetime64[ns]")


def last_day_covered(snapshot: pd.Timestamp, tz: str) -> dt.date:
    """The last day an export taken at ``snapshot`` covers in full: the day before the
    snapshot's day in the brand's zone ``tz``, or, for a snapshot at a UTC midnight (the end
    of an export's last UTC day), that UTC day (see
    :meth:`~smmanalytics.dataset.Dataset.as_of`, which reads the stated exports' alone when
    another's date is only guessed)."""
    return last_days_covered(pd.Series([snapshot]), tz).iloc[0].date()


def last_days_covered(snapshots: pd.Series, tz: str) -> pd.Series:
    """:func:`last_day_covered` of each of ``snapshots`` (tz-aware), as naive midnights
    ``datetime64[ns]`` (NaT where a snapshot is). The report's method note took the day
    before each snapshot's day in ``tz`` alone: a TikTok export of 31 October (snapshot
    1 November 00:00 UTC, 31 October 20:00 in New York) read "lifetime totals as of
    30 October" under a cover "Data as of 31 October".

    Examples
    --------
    >>> s = pd.Series(pd.to_datetime(["2026-11-01T00:00Z", "2026-11-01T08:00Z"]))
    >>> last_days_covered(s, "America/New_York").dt.strftime("%d %b").tolist()
    ['31 Oct', '31 Oct']
    """
    utc = utc_series(snapshots, str(snapshots.name or "snapshot_at"))
    naive = utc.dt.tz_localize(None)
    at_midnight = naive.eq(naive.dt.normalize()).fillna(False).to_numpy(bool)
    day = local_dates(utc, tz).where(~at_midnight, naive.dt.normalize())
    return (day - pd.Timedelta(days=1)).astype("datetime64[ns]")


def stored_days(utc: np.ndarray, local: np.ndarray) -> np.ndarray:
    """Calendar day (midnight) of posts known to the day only, from their stored instant.

    The loaders store such a day at 00:00 UTC, so an instant at a UTC midnight is that UTC
    date whatever the audience's zone (the nearest-day rule would move it to the next day in
    zones 12 h or more east of UTC). Any other instant (a frame made otherwise, whose source
    zone the posts table does not give) is the calendar day nearest to it in the audience's
    zone, ``floor(local + 12 h)``: right whenever the source and audience zones are less than
    12 hours apart. Both :func:`post_dates` and the timing analysis read days so.

    Parameters
    ----------
    utc, local : numpy.ndarray
        The same instants as naive ``datetime64`` wall-clock times in UTC and in the
        audience's zone, of one unit.

    Returns
    -------
    numpy.ndarray
        Naive midnights, ``datetime64`` of the inputs' unit (NaT where the instant is).

    Examples
    --------
    >>> utc = np.array(["2026-04-01T00:00", "2026-04-01T04:00"], dtype="datetime64[ns]")
    >>> local = utc - np.timedelta64(4, "h")        # New York, in April
    >>> stored_days(utc, local).astype("datetime64[D]").astype(str).tolist()
    ['2026-04-01', '2026-04-01']
    """
    # floor to the day: a cast to days and back, keeping the unit (numpy's, not pandas', for
    # speed: the timing analysis reads every post of a platform)
    utc_day = utc.astype("datetime64[D]").astype(utc.dtype)
    nearest = (local + np.timedelta64(12, "h")).astype("datetime64[D]").astype(local.dtype)
    return np.where(utc == utc_day, utc_day, nearest)


def post_dates(posts: pd.DataFrame, tz: str) -> pd.Series:
    """Publish day of each post in the audience's zone ``tz``, as naive midnight
    ``datetime64[ns]``: :func:`local_dates` of ``published_at``, except for a post known to
    the day only (``time_precision == "day"``: YouTube's, TikTok's, Pinterest's dates), whose
    day is the one its export gives. The loaders store such a day at 00:00 UTC, so it is that
    UTC date whatever ``tz``; converted, a YouTube video of 1 April fell on 31 March in New
    York, in March's figures. A day stored at another instant (a frame made otherwise) is the
    calendar day nearest to it in ``tz``, as the timing analysis reads it.

    >>> posts = pd.DataFrame({"published_at": pd.to_datetime(["2026-04-01T00:00Z"] * 2),
    ...                       "time_precision": ["day", "minute"]})
    >>> post_dates(posts, "America/New_York").dt.strftime("%Y-%m-%d").tolist()
    ['2026-04-01', '2026-03-31']
    """
    days = local_dates(posts["published_at"], tz)
    if "time_precision" not in posts.columns:
        return days
    day_only = (posts["time_precision"].astype("string") == "day").fillna(False).to_numpy()
    if not day_only.any():
        return days
    utc = utc_series(posts["published_at"]).dt.tz_localize(None).to_numpy()
    local = utc_series(posts["published_at"]).dt.tz_convert(tz).dt.tz_localize(None).to_numpy()
    stored = stored_days(utc, local).astype("datetime64[ns]")
    out = days.to_numpy(copy=True)
    out[day_only] = stored[day_only]
    return pd.Series(out, index=days.index, name=days.name)


def remembered(ds, key: tuple, make: Callable[[], _T]) -> _T:
    """``make()``, made once for ``key`` on a Dataset with ``remember`` (a report's, or a
    goal record's: :func:`~smmanalytics.dataset.remembering`), which the report's sections and
    a goal record's scorecards ask the same questions many times; made each time on any
    other Dataset. What it gives is then
    shared by whoever asks: not to be changed."""
    remember = getattr(ds, "remember", None)
    return make() if remember is None else remember(key, make)


def dataset_post_dates(ds) -> pd.Series:
    """:func:`post_dates` of ``ds.posts`` in the brand's zone, made once for a report's
    Dataset (:func:`remembered`): the sections of the sample's monthly report asked for
    them 20 times."""
    return remembered(ds, ("post_dates",), lambda: post_dates(ds.posts, ds.brand.timezone))


def posts_in_period(posts: pd.DataFrame, period, tz: str) -> pd.DataFrame:
    """Posts whose publish day (:func:`post_dates`, in the audience's zone ``tz``) falls in
    ``period`` (a Period or anything ``parse_period`` reads); a new frame with a fresh
    index."""
    p = period if isinstance(period, Period) else parse_period(period)
    return posts.loc[p.contains(post_dates(posts, tz)).to_numpy()].reset_index(drop=True)


def overlap_days(start: pd.Series, end: pd.Series, period: Period) -> np.ndarray:
    """Days of each inclusive ``[start, end]`` span that fall inside ``period`` (0 when none)."""
    s = pd.to_datetime(start).to_numpy(dtype="datetime64[D]")
    e = pd.to_datetime(end).to_numpy(dtype="datetime64[D]")
    lo = np.maximum(s, np.datetime64(period.start, "D"))
    hi = np.minimum(e, np.datetime64(period.end, "D"))
    n = (hi - lo).astype("int64") + 1
    return np.where(np.isnat(lo) | np.isnat(hi), 0, np.clip(n, 0, None))


def latest_complete_month(asof: dt.date) -> Period:
    """The last calendar month that ended before ``asof`` (the data's export date).

    >>> latest_complete_month(dt.date(2026, 11, 1)).label
    '2026-10'
    >>> latest_complete_month(dt.date(2026, 10, 31)).label
    '2026-09'
    """
    first = pd.Timestamp(asof).replace(day=1)
    return parse_period((first - pd.DateOffset(months=1)).strftime("%Y-%m"))
