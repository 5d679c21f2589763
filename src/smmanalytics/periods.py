"""Reporting periods: a month (``2026-10``), a quarter (``2026-Q3``) or a date range."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["Period", "parse_period", "latest_complete_month"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A closed range of calendar days ``start``..``end`` (both inclusive) with a label."""

    start: dt.date
    end: dt.date
    label: str
    kind: str = "range"  # month, quarter or range

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind == "month":
            return parse_period((pd.Timestamp(self.start) - pd.DateOffset(months=1)).strftime("%Y-%m"))
        if self.kind == "quarter":
            prev = pd.Timestamp(self.start) - pd.DateOffset(months=3)
            return parse_period(f"{prev.year}-Q{(prev.month - 1) // 3 + 1}")
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end, "previous", "range")

    def contains(self, dates: pd.Series) -> pd.Series:
        """Boolean mask of the (naive, local) dates falling in the period."""
        d = pd.to_datetime(dates).dt.normalize()
        return (d >= pd.Timestamp(self.start)) & (d <= pd.Timestamp(self.end))


def parse_period(value: str | Period | tuple) -> Period:
    """Parse ``2026-10``, ``2026-Q3`` or a ``(start, end)`` pair of dates.

    Raises
    ------
    ValueError
        naming the value and the accepted forms.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, tuple | list) and len(value) == 2:
        start, end = (pd.Timestamp(v).date() for v in value)
        if end < start:
            raise ValueError(f"period end {end} is before its start {start}")
        return Period(start, end, f"{start.isoformat()}_{end.isoformat()}", "range")
    text = str(value).strip()
    if m := _MONTH.match(text):
        start = dt.date(int(m[1]), int(m[2]), 1)
        end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
        return Period(start, end, text, "month")
    if m := _QUARTER.match(text):
        q = int(m[2])
        start = dt.date(int(m[1]), 3 * q - 2, 1)
        end = (pd.Timestamp(start) + pd.offsets.QuarterEnd(0)).date()
        return Period(start, end, f"{m[1]}-Q{q}", "quarter")
    if "/" in text or ".." in text:
        a, b = re.split(r"/|\.\.", text, maxsplit=1)
        return parse_period((a, b))
    raise ValueError(f"period must be YYYY-MM, YYYY-Qn or START/END dates; got {value!r}")


def latest_complete_month(asof: dt.date) -> Period:
    """The last calendar month that ended before ``asof`` (the data's export date).

    >>> latest_complete_month(dt.date(2026, 11, 1)).label
    '2026-10'
    >>> latest_complete_month(dt.date(2026, 10, 31)).label
    '2026-09'
    """
    first = pd.Timestamp(asof).replace(day=1)
    return parse_period((first - pd.DateOffset(months=1)).strftime("%Y-%m"))
