"""The cells of an .xlsx that python-calamine reads as empty though they are not: Excel's error
values (``#N/A``, ``#REF!``, ``#DIV/0!``…) and formulas saved without their result.

calamine's ``to_python`` gives ``""`` for both, as for a cell never filled in: an error cell
became a blank, where the same ``#N/A`` typed as text is read as missing and noted; and a
formula a program wrote (openpyxl, a script), which no spreadsheet computed, held no value at
all, and nothing said so. The sheets' XML is read again for these cells, only that of the sheets
holding an error or a formula: an export straight from a platform holds neither, and costs one
search of its bytes.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

__all__ = ["HiddenCells", "hidden_cells"]

#: an error cell (``t="e"``) or a formula (``<f>``, ``<x:f …/>``) somewhere in a sheet's XML
_MARKS = re.compile(rb"""\st=["']e["']|<(?:\w+:)?f[\s>/]""")
_REF = re.compile(r"([A-Z]+)(\d+)")
_BOOK_REL = "officeDocument"


@dataclass
class HiddenCells:
    """A sheet's cells calamine reads as empty: by (row, column), both 0-based in the sheet."""

    #: error cells and the error each shows (``"#N/A"``)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: formula cells saved without their result
    formulas: list[tuple[int, int]] = field(default_factory=list)


def hidden_cells(data: bytes) -> dict[str, HiddenCells]:
    """The error cells and the formulas without a result of each sheet (by name) of the .xlsx
    ``data`` that holds any. ``{}`` for a workbook whose parts cannot be found or read (an .ods,
    an .xlsb, a damaged part): its cells are left as calamine read them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            found = {}
            for name, part in _sheet_parts(zf).items():
                xml = zf.read(part)
                if _MARKS.search(xml):
                    cells = _scan(xml)
                    if cells.errors or cells.formulas:
                        found[name] = cells
            return found
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError,
            EOFError, RuntimeError):
        return {}


def _local(tag: str) -> str:
    """The name of an XML tag without its namespace."""
    return tag.rpartition("}")[2]


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """The zip member holding each worksheet, by sheet name, as the workbook's relationships
    give them (``xl/worksheets/sheet1.xml``)."""
    book = "xl/workbook.xml"
    for rel in ElementTree.fromstring(zf.read("_rels/.rels")):
        if rel.get("Type", "").endswith("/" + _BOOK_REL):
            book = rel.get("Target", book).lstrip("/")
    folder, base = posixpath.split(book)
    targets = {rel.get("Id"): rel.get("Target", "") for rel in ElementTree.fromstring(
        zf.read(posixpath.join(folder, "_rels", base + ".rels")))}
    parts = {}
    for sheet in ElementTree.fromstring(zf.read(book)).iter():
        if _local(sheet.tag) != "sheet":
            continue
        # r:id, in the transitional or the strict relationships namespace
        rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rid)
        if target:
            parts[sheet.get("name", "")] = (target.lstrip("/") if target.startswith("/")
                                            else posixpath.normpath(posixpath.join(folder, target)))
    return parts


def _scan(xml: bytes) -> HiddenCells:
    """The error cells and the formulas without a result of one sheet's XML. A cell or a row
    without its reference (``r``, optional) follows the one before it."""
    cells = HiddenCells()
    row = -1
    for _, elem in ElementTree.iterparse(io.BytesIO(xml)):
        if _local(elem.tag) != "row":
            continue
        row = int(elem.get("r")) - 1 if elem.get("r") else row + 1
        col = -1
        for c in elem:
            if _local(c.tag) != "c":
                continue
            ref = _REF.fullmatch(c.get("r") or "")
            col = _column_index(ref.group(1)) if ref else col + 1
            kind = c.get("t")
            parts = {_local(child.tag): child for child in c}
            value = parts.get("v")
            if kind == "e" and value is not None and value.text:
                cells.errors[(row, col)] = value.text.strip()
            elif "f" in parts and (value is None or not value.text and kind != "str"):
                # (a formula whose result is the empty text is saved t="str" with an empty v)
                cells.formulas.append((row, col))
        elem.clear()
    return cells


def _column_index(letters: str) -> int:
    """The 0-based index of a column by its letters: A → 0, AA → 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1

