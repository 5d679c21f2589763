"""Byte-for-byte reproducible writers: CSV text, zips with a fixed date, xls and xlsx."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .._io import atomic_write

__all__ = ["ZIP_DATE", "csv_text", "write_bytes", "zip_bytes", "xls_bytes", "xlsx_bytes"]

#: date_time stamped on every zip member (the sample's export day)
ZIP_DATE = (2026, 11, 1, 9, 0, 0)
_FIXED_ISO = "2026-11-01T08:00:00Z"


def _fmt(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return repr(float(v))
    return str(v)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], *, quoting: str = "minimal",
             newline: str = "\n", trailing_newline: bool = True) -> str:
    """Render a CSV table.

    ``quoting``: ``"all"`` quotes every field; ``"minimal"`` quotes fields holding a comma, a
    quote or a line break; ``"meta"`` also quotes fields holding a space (the pattern of Meta's
    post exports, e.g. ``"Post ID",...,Description,"Publish time"``). Quotes are doubled.
    """
    def cell(v: object) -> str:
        s = _fmt(v)
        need = quoting == "all" or any(c in s for c in ',"\n\r')
        if quoting == "meta" and " " in s:
            need = True
        return '"' + s.replace('"', '""') + '"' if need else s

    lines = [",".join(cell(h) for h in header)]
    lines.extend(",".join(cell(v) for v in row) for row in rows)
    return newline.join(lines) + (newline if trailing_newline else "")


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (parents created) atomically, and return the path: a rewrite
    that fails (a full disk) leaves the file as it was, an OutputError naming it."""
    return atomic_write(path, data, what="sample file")


def zip_bytes(members: Sequence[tuple[str, bytes]], *, compress: bool = True) -> bytes:
    """A zip archive of ``(name, data)`` members, in the given order, with a fixed date."""
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return buf.getvalue()


def xls_bytes(sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> bytes:
    """A legacy Excel (BIFF8) workbook; xlwt output carries no timestamp."""
    import xlwt  # lazy: only the legacy xls exports need xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or (isinstance(v, float) and v != v):
                    continue
                ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> bytes:
    """An xlsx workbook with fixed document properties and fixed zip member dates."""
    from openpyxl import Workbook  # lazy: only the xlsx exports need openpyxl

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    fixed = dt.datetime(2026, 11, 1, 8, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "TikTok"
    raw = io.BytesIO()
    wb.save(raw)
    members = []
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name == "docProps/core.xml":  # openpyxl stamps "now" into modified at save
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + _FIXED_ISO.encode() + rb"\g<2>", data)
            members.append((name, data))
    return zip_bytes(members)
