"""Excel serial dates: the day numbers a spreadsheet stores for dates.

A workbook re-saved by hand may hold a date as a plain number, the days since its epoch with
the time of day as the fraction (``46322.4944`` is 2026-10-27 11:52): in the 1900 date system,
day 0 is 1899-12-30 (Excel counts a 29 February 1900 that never was, so the serials of every
date after it count from the 30th); in the 1904 system (old Mac Excel, and a workbook set to
it), day 0 is 1904-01-01. The workbook says which in its settings, not in the cell.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import numpy as np
import pandas as pd

__all__ = ["SERIAL_DAYS", "excel_origin", "serial_datetimes"]

#: the Excel day numbers read as dates (1954-10-03 to 2119-01-11 in the 1900 system): a number
#: outside is no day
SERIAL_DAYS = (20000, 80000)

_ORIGIN_1900, _ORIGIN_1904 = "1899-12-30", "1904-01-01"
#: the setting of an ``.xlsx`` workbook (``xl/workbook.xml``) that puts it in the 1904 system
_DATE1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*[\"'](?:1|true)[\"']")


def excel_origin(data: bytes) -> str:
    """Day 0 of the workbook ``data``'s serial dates: ``1904-01-01`` when it is set to the
    1904 date system, else ``1899-12-30``. A workbook whose settings cannot be read (damaged,
    or another kind) is taken to be in the 1900 system, Excel's default."""
    return _ORIGIN_1904 if _uses_1904(data) else _ORIGIN_1900


def _uses_1904(data: bytes) -> bool:
    if bytes(data[:4]) == b"PK\x03\x04":                              # .xlsx, .xlsm
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return bool(_DATE1904.search(z.read("xl/workbook.xml")))
        except (zipfile.BadZipFile, zlib.error, KeyError, OSError, ValueError, RuntimeError,
                EOFError):
            return False
    if bytes(data[:8]) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":     # legacy .xls
        import xlrd

        try:
            book = xlrd.open_workbook(file_contents=bytes(data), on_demand=True,
                                      logfile=io.StringIO())
        except Exception:       # xlrd's errors have no common base; a damaged file is read
            return False        # (or refused) by the loader itself
        return book.datemode == 1
    return False


def serial_datetimes(serials: pd.Series, origin: str) -> pd.Series:
    """Naive date-times of Excel ``serials`` counted from ``origin``, to the second (a serial
    is a float: 11:52 is stored as 0.49444…, a few microseconds off); NaT where a serial is
    missing or outside :data:`SERIAL_DAYS`."""
    days = pd.to_numeric(serials, errors="coerce").astype("float64")
    days = days.where(days.between(*SERIAL_DAYS))
    seconds = np.round(days.to_numpy() * 86400)
    out = pd.Timestamp(origin) + pd.to_timedelta(seconds, unit="s")
    return pd.Series(out, index=serials.index).astype("datetime64[ns]")
