"""The cells of an .xlsx that python-calamine reads as empty though they are not: Excel's error
values (``#N/A``, ``#REF!``, ``#DIV/0!``…) and formulas saved without their result; and the
number cells it reads without the percent format that shows them (0.35 shown ``35%``).

calamine's ``to_python`` gives ``""`` for the first two, as for a cell never filled in: an error
cell became a blank, where the same ``#N/A`` typed as text is read as missing and noted; and a
formula a program wrote (openpyxl, a script), which no spreadsheet computed, held no value at
all, and nothing said so. The sheets' XML is read again for these cells, only that of the sheets
holding an error or a formula: an export straight from a platform holds neither, and costs one
search of its bytes.

A percent-formatted number is the number the user typed as ``35%`` (or a CSV's ``35%`` a
spreadsheet converted on opening): calamine keeps no number format, and 0.35 in a count column
was 0.35 impressions, where the same ``35%`` as text is refused there. Such cells are found by
their style, the workbook's styles read first: only a workbook with a percent format has its
sheets searched for the cells wearing it.

The legacy workbooks read their percentages the same way. An .ods says it of the cell itself
(``office:value-type="percentage"``): :func:`ods_percents` reads them from its ``content.xml``,
searched only when that type is in it. An .xls (read by xlrd, see ``_sources``) gives each
cell's format when opened with its formatting (:func:`xls_percents`), a second reading of the
file (an .xls is a small legacy export).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

__all__ = ["HiddenCells", "hidden_cells", "ods_percents", "xls_percents"]

#: an error cell (``t="e"``) or a formula (``<f>``, ``<x:f …/>``) somewhere in a sheet's XML
_MARKS = re.compile(rb"""\st=["']e["']|<(?:\w+:)?f[\s>/]""")
_REF = re.compile(r"([A-Z]+)(\d+)")
_BOOK_REL = "officeDocument"
_STYLES_REL = "styles"
#: Excel's built-in number formats that are percentages: ``0%`` and ``0.00%``
_PERCENT_FORMATS = frozenset({"9", "10"})
#: a format code's literal parts, which show a ``%`` without scaling the number: quoted text,
#: an escaped character
_LITERALS = re.compile(r'"[^"]*"|\\.')


@dataclass
class HiddenCells:
    """A sheet's cells calamine reads as empty: by (row, column), both 0-based in the sheet."""

    #: error cells and the error each shows (``"#N/A"``)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: formula cells saved without their result
    formulas: list[tuple[int, int]] = field(default_factory=list)
    #: number cells shown as a percentage, and the text that shows them exactly (``"35%"``
    #: for 0.35, ``"5.23%"`` for 0.0523), read as that text typed in them would be
    percents: dict[tuple[int, int], str] = field(default_factory=dict)


def hidden_cells(data: bytes) -> dict[str, HiddenCells]:
    """The error cells, the formulas without a result and the percent-formatted numbers of
    each sheet (by name) of the .xlsx ``data`` that holds any. ``{}`` for a workbook whose
    parts cannot be found or read (an .ods, an .xlsb, a damaged part): its cells are left as
    calamine read them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            book = _book_part(zf)
            percent = _percent_styles(zf, book)
            marks = _marks(percent)
            found = {}
            for name, part in _sheet_parts(zf, book).items():
                xml = zf.read(part)
                if marks.search(xml):
                    cells = _scan(xml, percent)
                    if cells.errors or cells.formulas or cells.percents:
                        found[name] = cells
            return found
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError,
            EOFError, RuntimeError):
        return {}


#: an .ods cell holding a percentage, as its ``content.xml`` writes the type
_ODS_PERCENT = re.compile(rb"""value-type=["']percentage["']""")
_ODS_ROW_REPEAT, _ODS_COL_REPEAT = "number-rows-repeated", "number-columns-repeated"
#: the elements of an .ods sheet that hold its rows, whose row numbers count on through them
_ODS_ROW_GROUPS = frozenset({"table-header-rows", "table-row-group", "table-rows"})


def ods_percents(data: bytes) -> dict[str, HiddenCells]:
    """The percentage cells of each sheet (by name) of the .ods ``data`` that holds any, as
    :func:`hidden_cells` gives an .xlsx's (``percents`` only): calamine reads 0.35 of a cell
    LibreOffice shows ``35%``. ``{}`` for a workbook without them, or whose ``content.xml``
    cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return {}
    if not _ODS_PERCENT.search(xml):
        return {}
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return {}
    found = {}
    for table in (e for e in root.iter() if _local(e.tag) == "table"):
        cells = HiddenCells(percents=_ods_sheet_percents(table))
        if cells.percents:
            found[next((v for k, v in table.attrib.items() if _local(k) == "name"), "")] = cells
    return found


def _ods_sheet_percents(table: ElementTree.Element) -> dict[tuple[int, int], str]:
    """The percentage cells of one .ods sheet, by (row, column) 0-based, a repeated row or
    cell (``number-rows-repeated``, ``…-columns-repeated``) counting as that many."""
    percents: dict[tuple[int, int], str] = {}
    row = 0
    for elem in _ods_rows(table):
        col = 0
        for cell in elem:
            if _local(cell.tag) not in ("table-cell", "covered-table-cell"):
                continue
            span = int(_ods_attr(cell, _ODS_COL_REPEAT) or 1)
            if _ods_attr(cell, "value-type") == "percentage" and \
                    (text := _percent_text(_ods_attr(cell, "value"))) is not None:
                for k in range(int(_ods_attr(elem, _ODS_ROW_REPEAT) or 1)):
                    percents.update({(row + k, col + j): text for j in range(span)})
            col += span
        row += int(_ods_attr(elem, _ODS_ROW_REPEAT) or 1)
    return percents


def _ods_rows(parent: ElementTree.Element) -> list[ElementTree.Element]:
    """The ``table-row`` elements of an .ods sheet in order, those in its groups (header rows,
    row groups) in their place."""
    rows = []
    for child in parent:
        name = _local(child.tag)
        if name == "table-row":
            rows.append(child)
        elif name in _ODS_ROW_GROUPS:
            rows.extend(_ods_rows(child))
    return rows


def _ods_attr(elem: ElementTree.Element, name: str) -> str | None:
    """An attribute of an .ods element by its name without namespace (``office:value``)."""
    return next((v for k, v in elem.attrib.items() if _local(k) == name), None)


def xls_percents(data: bytes) -> dict[str, HiddenCells]:
    """The percent-formatted number cells of each sheet (by name) of the .xls ``data`` that
    holds any, as :func:`hidden_cells` gives an .xlsx's (``percents`` only): xlrd reads 0.35
    of a cell Excel shows ``35%``, and gives the cells' formats only when the file is opened
    with them (kept off for the values: it adds the formatted blank cells to the rows), so a
    legacy workbook is read twice; only its number cells in a percent style are looked at."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True,
                                  logfile=io.StringIO())
    except Exception:        # noqa: BLE001 - what the values' reading raises, it raised
        return {}
    percent = {key for key, fmt in book.format_map.items()
               if "%" in _LITERALS.sub("", fmt.format_str or "")}
    styles = {i for i, xf in enumerate(book.xf_list) if xf.format_key in percent}
    if not styles:
        return {}
    found = {}
    for sheet in book.sheets():
        cells = HiddenCells()
        for r in range(sheet.nrows):
            for c, kind in enumerate(sheet.row_types(r)):
                if kind == xlrd.XL_CELL_NUMBER and sheet.cell_xf_index(r, c) in styles \
                        and (text := _percent_text(repr(sheet.cell_value(r, c)))) is not None:
                    cells.percents[(r, c)] = text
        if cells.percents:
            found[sheet.name] = cells
    return found


def _marks(percent: frozenset[str]) -> re.Pattern[bytes]:
    """:data:`_MARKS`, or a cell in one of the ``percent`` styles (``s="3"``)."""
    if not percent:
        return _MARKS
    styles = "|".join(sorted(percent)).encode()
    return re.compile(_MARKS.pattern + rb"""|\ss=["'](?:""" + styles + rb""")["']""")


def _local(tag: str) -> str:
    """The name of an XML tag without its namespace."""
    return tag.rpartition("}")[2]


def _book_part(zf: zipfile.ZipFile) -> str:
    """The zip member holding the workbook (``xl/workbook.xml``), as the package's
    relationships name it."""
    book = "xl/workbook.xml"
    for rel in ElementTree.fromstring(zf.read("_rels/.rels")):
        if rel.get("Type", "").endswith("/" + _BOOK_REL):
            book = rel.get("Target", book).lstrip("/")
    return book


def _book_rels(zf: zipfile.ZipFile, book: str) -> list[ElementTree.Element]:
    """The workbook's relationships (to its sheets, its styles…)."""
    folder, base = posixpath.split(book)
    return list(ElementTree.fromstring(zf.read(posixpath.join(folder, "_rels",
                                                               base + ".rels"))))


def _part_path(book: str, target: str) -> str:
    """The zip member a relationship of the workbook ``book`` targets."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(book), target))


def _percent_styles(zf: zipfile.ZipFile, book: str) -> frozenset[str]:
    """The indexes (as the cells' ``s`` writes them) of the workbook's cell styles whose
    number format is a percentage: built-in (``0%``, ``0.00%``) or custom, its code holding a
    ``%`` outside quoted text. Empty for a workbook without styles."""
    part = next((_part_path(book, rel.get("Target", "")) for rel in _book_rels(zf, book)
                 if rel.get("Type", "").endswith("/" + _STYLES_REL)), None)
    if part is None or part not in zf.namelist():
        return frozenset()
    styles = ElementTree.fromstring(zf.read(part))
    percent = set(_PERCENT_FORMATS)
    for elem in styles.iter():
        if _local(elem.tag) == "numFmt" and "%" in _LITERALS.sub(
                "", elem.get("formatCode", "")):
            percent.add(elem.get("numFmtId", ""))
    xfs = next((e for e in styles.iter() if _local(e.tag) == "cellXfs"), None)
    if xfs is None:
        return frozenset()
    return frozenset(str(i) for i, xf in enumerate(x for x in xfs if _local(x.tag) == "xf")
                     if xf.get("numFmtId", "0") in percent)


def _sheet_parts(zf: zipfile.ZipFile, book: str) -> dict[str, str]:
    """The zip member holding each worksheet, by sheet name, as the workbook's relationships
    give them (``xl/worksheets/sheet1.xml``)."""
    targets = {rel.get("Id"): rel.get("Target", "") for rel in _book_rels(zf, book)}
    parts = {}
    for sheet in ElementTree.fromstring(zf.read(book)).iter():
        if _local(sheet.tag) != "sheet":
            continue
        # r:id, in the transitional or the strict relationships namespace
        rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rid)
        if target:
            parts[sheet.get("name", "")] = _part_path(book, target)
    return parts


def _scan(xml: bytes, percent: frozenset[str] = frozenset()) -> HiddenCells:
    """The error cells, the formulas without a result and the numbers in a ``percent`` style
    of one sheet's XML. A cell or a row without its reference (``r``, optional) follows the
    one before it."""
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
            elif c.get("s") in percent and kind in (None, "n") and value is not None \
                    and (text := _percent_text(value.text)) is not None:
                cells.percents[(row, col)] = text
        elem.clear()
    return cells


def _percent_text(value: str | None) -> str | None:
    """The number ``value`` (as the sheet's XML writes it) as a percentage, exactly: ``"35%"``
    of ``0.35``, ``"5.23%"`` of ``0.0523`` (its decimal digits moved, no float rounding);
    None for no finite number, left as calamine read it.

    The text is read again by the number parser, whatever the column's decimal mark: a
    fraction of three digits (``56.954%`` of 0.56954) is what ``56.954`` views in a French
    file is, a dot between thousands, and was read 56,954 % (569.54). So it is written with
    a fourth digit, a zero (``56.9540%``), which no thousands grouping has: a dot followed by
    other than three digits is a decimal mark under any hint and beside any other cell."""
    try:
        number = Decimal((value or "").strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    text = f"{number.scaleb(2).normalize():f}"
    _, dot, fraction = text.partition(".")
    return f"{text}{'0' if dot and len(fraction) == 3 else ''}%"


def _column_index(letters: str) -> int:
    """The 0-based index of a column by its letters: A → 0, AA → 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1

