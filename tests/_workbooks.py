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
