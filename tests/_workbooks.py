"""Workbooks built in a test, as a user re-saves an export in a spreadsheet, for the loaders'
tests of the cells their errors name."""

from __future__ import annotations

from pathlib import Path


def sheet(path: Path, rows: list[list], *, title: str = "Sheet1", at: str = "A1") -> Path:
    """``path``, an .xlsx of one sheet ``title`` holding ``rows``, the first cell of the first
    row at ``at`` (rows above it and columns left of it empty)."""
    import openpyxl
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, top = coordinate_from_string(at)
    left = column_index_from_string(letters)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(row=top + i, column=left + j, value=value)
    wb.save(path)
    return path


def rows_of(csv_path: Path) -> list[list[str]]:
    """The rows of a CSV export, each a list of its cells (to put in a sheet, then edit)."""
    import csv

    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        return [list(row) for row in csv.reader(f)]


def legacy_copy(xlsx: Path, path: Path, formats: dict[tuple[str, str], str]) -> Path:
    """``path``, the sheets of the .xlsx ``xlsx`` (their values) saved as an .xls (by xlwt)
    or an .ods (its XML written here: no writer of .ods is installed), the number cells
    ``formats`` names (``("All posts", "J4"): "0%"``) in that number format; an .ods has no
    format codes of Excel's, only a cell's type: those cells are its percentages."""
    import openpyxl

    book = openpyxl.load_workbook(xlsx)
    sheets = [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in book]
    cells = {(name, *_row_col(ref)): fmt for (name, ref), fmt in formats.items()}
    (_xls if path.suffix == ".xls" else _ods)(path, sheets, cells)
    return path


def _row_col(ref: str) -> tuple[int, int]:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, row = coordinate_from_string(ref)
    return row - 1, column_index_from_string(letters) - 1


def _xls(path: Path, sheets, cells) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None:
                    continue
                fmt = cells.get((name, r, c))
                ws.write(r, c, v, *([xlwt.easyxf(num_format_str=fmt)] if fmt else []))
    wb.save(str(path))


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _ods(path: Path, sheets, cells) -> None:
    """A minimal OpenDocument spreadsheet, as LibreOffice writes its cells: a number's type
    ``float`` (or ``percentage``) and its value, a text's type ``string``."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    def cell(name, r, c, v):
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, int | float):
            kind = "percentage" if (name, r, c) in cells else "float"
            return (f'<table:table-cell office:value-type="{kind}" office:value="{v!r}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}'
                "</text:p></table:table-cell>")

    tables = "".join(
        f"<table:table table:name={quoteattr(name)}>" + "".join(
            "<table:table-row>" + "".join(cell(name, r, c, v) for c, v in enumerate(row))
            + "</table:table-row>" for r, row in enumerate(rows)) + "</table:table>"
        for name, rows in sheets)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
               f'office:version="1.2"><office:body><office:spreadsheet>{tables}'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
