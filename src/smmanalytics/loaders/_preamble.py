"""A decoded CSV text cut into its tables (:func:`split_text`): what stands above a header.

A file holds one table, or several: GA4 writes a ``#`` preamble above each of its tables, and
two exports joined by ``cat`` hold two. Rules (reference §9.4):

- A leading ``sep=;`` line announces the delimiter and is skipped.
- A single-field line between ``sep=`` and the header (Meta daily files: ``"Facebook follows"``)
  is kept as ``meta["title"]``.
- ``#`` lines (GA4) are a preamble: ``key: value`` pairs are kept in ``meta``; start and end
  dates (EN ``Start date:``, FR ``Date de début :``, …) become ``meta["start_date"]`` and
  ``meta["end_date"]``, GA4's property (``Property: maisonseve.fr - GA4``)
  ``meta["property"]``. A blank line followed by another ``#`` block starts another table, as
  does a ``#`` line of one cell right under the rows (two reports joined by ``cat``).
- Lines ended by a carriage return alone (Excel for Mac) are read as lines.
- A table no export format claims may have its header further down, under a block of title,
  date range and filter lines (a Pinterest export: ``Overview`` / ``Date range: …`` /
  ``Content type: …``, a blank line): :func:`headers_below` gives the tables it would be with
  each of its next lines as header, for the registry to try (``_read._parse_tables``).

Each table's header and body, one slice of the text, go to a :class:`~._sniff.RawTable`. The
parsing of a ``#`` block's lines and of a header row stays in :mod:`._sniff`, which this module
builds on: a table reads them too, for an export pasted whole under another's rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..quality import QualityLog
from ._sniff import (
    DELIMITERS,
    RawTable,
    after_header,
    comment_line,
    header_fields,
    line_fields,
    notes_under_message,
    only_cell,
    parse_preamble,
    sniff_delimiter,
)

__all__ = ["headers_below", "split_text"]

#: the ``sep=;`` line Excel reads (quoted when a spreadsheet re-saved the file): its delimiter,
#: in the cell or, when a spreadsheet split the cell at it, between the cells it made: Google
#: Sheets writes Meta's ``sep=,`` back as ``"sep=",""``, which was read as a chart's title
#: (metric ``sep``, the series lost)
_SEP = re.compile(r'^\s*"?sep=([^"]?)"?(?:([,;\t])(?:"")?)*\s*$', re.IGNORECASE)


def _first_line_fields(line: str) -> int:
    return max(len(line_fields(line, d)) for d in DELIMITERS)


#: a carriage return no line feed follows: a line's end in a "CSV (Macintosh)" file
_LONE_CR = re.compile(r"\r(?!\n)")


def split_text(text: str, *, source: str, encoding: str | None = None,
               log: QualityLog | None = None, raw: bytes | None = None,
               raw_offset: int = 0) -> list[RawTable]:
    """Split a decoded CSV text into its tables (usually one). See the module docstring.

    ``raw`` (the UTF-8 bytes ``text`` was decoded from, starting at ``raw_offset``) lets a
    table that runs to the end of the file be handed to the CSV parser without re-encoding
    (``RawTable.raw``); ``RawTable.body`` always holds the rows as text.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
        raw_offset += 3
    head = text[:65536]
    # lines ended by CR alone (Excel for Mac's "CSV (Macintosh)"; a line break inside a cell
    # stays LF there): more lone CRs than LFs, or a first line, the header, ended so (captions
    # of several lines hold more LFs than the file has rows)
    first_lf = head.find("\n")
    lone = _LONE_CR.search(head)
    if lone is not None and (len(_LONE_CR.findall(head)) > head.count("\n")
                             or first_lf < 0 or lone.start() < first_lf):
        text, raw = _LONE_CR.sub("\n", text), None
        if log is not None:
            log.add(source, "line_endings_cr", "lines end with a carriage return alone (a "
                    "CSV saved by Excel for Mac as 'CSV (Macintosh)'): read as lines",
                    level="info")
    # work on the head only to find the preamble; the body stays one slice of ``text``
    tables: list[RawTable] = []
    pos, line_no = 0, 1
    hint: str | None = None
    n = len(text)
    while pos < n:
        meta: dict[str, str] = {}
        pre: list[str] = []
        title: str | None = None
        # preamble lines
        while pos < n:
            end = text.find("\n", pos)
            end = n if end < 0 else end
            line = text[pos:end].rstrip("\r")
            if tables and line.startswith("\ufeff"):        # "cat a.csv b.csv" keeps b's BOM
                line = line[1:]
            stripped = line.strip()
            m = _SEP.match(line) if not tables and not pre and hint is None else None
            if m:
                # the delimiter the file's cells are split at, else the one the cell names
                hint = m.group(2) or m.group(1) or None
                if hint:
                    meta["sep"] = hint
            elif (comment := comment_line(stripped)) is not None:
                pre.append((line_no, comment))
            elif not stripped or set(stripped) <= set(",;\t\""):
                pass
            else:
                # a single-field line followed by a multi-field line is a title (Meta daily)
                nxt_end = text.find("\n", end + 1)
                nxt = text[end + 1:(n if nxt_end < 0 else nxt_end)].rstrip("\r")
                # (not a line whose quote is still open: a header cell holding a line break)
                # (a spreadsheet's re-save pads it with empty cells: "Facebook follows;")
                cell = only_cell(line) if title is None and not pre else None
                if (cell is not None and cell.isprintable() and _first_line_fields(nxt) > 1
                        and line.count('"') % 2 == 0):
                    title = meta["title"] = cell
                    meta["title_line"] = str(line_no)
                else:
                    break
            pos, line_no = end + 1, line_no + 1
        if pos >= n:
            break
        parse_preamble(pre, meta)
        header_end = text.find("\n", pos)
        header_end = n if header_end < 0 else header_end
        # the table ends at a blank line followed by a '#' line (only searched in # files)
        stop = skip_to = n
        if pre:
            skip_to = _next_preamble(text, header_end)
            stop = _rows_end_above_notes(text, header_end, skip_to)
        head_lines = text[pos:min(stop, pos + 20000)].splitlines()
        delim = sniff_delimiter(head_lines, hint)
        header = header_fields(text, pos, stop, delim, source=source, line=line_no)
        body_start = after_header(text, pos, stop, header_end)
        tables.append(RawTable(source=source, header=header, first_line=line_no, meta=meta,
                               delimiter=delim, encoding=encoding,
                               body=text[body_start:stop],
                               body_line=line_no + text.count("\n", pos, body_start),
                               raw=_raw_body(text, body_start, stop, raw, raw_offset), log=log))
        line_no += text.count("\n", pos, stop)
        if stop < skip_to:
            _note_unread_lines(text[stop:skip_to], line_no, source, log)
            line_no += text.count("\n", stop, skip_to)
        pos = skip_to
    for later in tables[1:]:  # a chart table after the first inherits the report's dates
        for key in ("start_date", "start_date_line", "end_date", "end_date_line", "property"):
            if key in tables[0].meta:
                later.meta.setdefault(key, tables[0].meta[key])
    return tables


#: where a table of a ``#`` file ends: a blank line followed by a ``#`` line, or a ``#`` line
#: of one cell right under the rows (two GA4 exports joined by "cat a.csv b.csv", the second
#: one's BOM kept)
_NEXT_PREAMBLE = re.compile(r'\n[ \t\r,;]*\r?\n(?="?#)|\n(?=\ufeff?#[^\n,;\t"]*[,;\t]*\r?(?:\n|$))')


def _next_preamble(text: str, start: int) -> int:
    """The offset where the table whose rows start at ``start`` ends (:data:`_NEXT_PREAMBLE`,
    outside quoted cells: a caption's "#hashtag" line is none); the end of ``text`` when it
    runs to it."""
    for m in _NEXT_PREAMBLE.finditer(text, start):
        if text.count('"', start, m.start()) % 2 == 0:
            return m.start() + 1
    return len(text)


#: blank lines (or lines of delimiters a spreadsheet left) then a line that is no ``#`` line:
#: when that line holds one cell, a note written under a table, not one of its rows
_NOTE_UNDER = re.compile(r'\n(?:[ \t\r,;]*\r?\n)+(?=[ \t]*"?[^#\s,;"])')


def _rows_end_above_notes(text: str, start: int, stop: int) -> int:
    """Where the rows of the ``#`` file's table that starts at ``start`` and runs to ``stop``
    end, when what stands under them after a blank line is no row but notes (a spreadsheet's
    "Engagement rates compare", "6/25-7/2", "0.670124481" under a GA4 report): the first
    such blank line followed by lines of one filled cell at most, every one of them down to
    ``stop``, outside quoted cells; ``stop`` when there is none. GA4 separates its tables by
    blank lines; a row of its tables has a dimension and metrics, and a line of one cell read
    as one would be a channel of no sessions, made up. A line of one cell with rows of the
    table under it (a label "Email campaigns" typed between channels, a channel whose values
    are blank) cuts nothing: the rows under it were lost with it (1,150 sessions of 5,710).

    An offset in the raw text, since a ``#`` file's tables are cut before they are parsed;
    ``_sniff._note_rows_under`` finds the notes under a table already read into cells."""
    for m in _NOTE_UNDER.finditer(text, start, stop):
        if text.count('"', start, m.start()) % 2:
            continue
        end = text.find("\n", m.end(), stop)
        if only_cell(text[m.end():stop if end < 0 else end].rstrip("\r")) is None:
            continue
        if all(only_cell(line) is not None or not line.strip(" \t\r,;")
               for line in text[m.end():stop].splitlines()):
            return m.start() + 1
    return stop


def _note_unread_lines(text: str, first: int, source: str, log: QualityLog | None) -> None:
    """Note the lines ``text`` (from line ``first`` of the file) left unread under a table
    (:func:`_rows_end_above_notes`), naming their lines and the first few cells.

    Lines of a ``#`` file's raw text, split into cells here; ``_sniff._note_unread_rows``
    notes the rows under a table already read into cells."""
    if log is None:
        return
    lines = [(first + k, line) for k, line in enumerate(text.splitlines())]
    filled = [(k, cells) for k, line in lines
              if (cells := [c.strip() for c in max((line_fields(line, d) for d in DELIMITERS),
                                                   key=len) if c.strip()])]
    if not filled:
        return
    shown = [" ".join(cells) for _, cells in filled[:3]]
    log.add(source, "notes_under_table", notes_under_message(
        f"lines {filled[0][0]}-{filled[-1][0]}", shown, len(filled)), level="warning",
        rows=len(filled))


def _raw_body(text: str, start: int, stop: int, raw: bytes | None, raw_offset: int
              ) -> memoryview | None:
    if raw is None or stop != len(text):
        return None
    return memoryview(raw)[raw_offset + len(text[:start].encode("utf-8")):]


#: how many lines under a table's first line :func:`headers_below` looks for its header: a
#: title, a date range, filters and blank lines stand above it, not a page of text
PREAMBLE_MAX = 10

#: a preamble line giving the export's range: "Date range: Oct 1, 2026 - Oct 5, 2026"
_DATE_RANGE = re.compile(r"^(?:date range|plage de dates|période|intervallo di date|periodo)"
                         r"\s*:\s*(?P<range>.+)$", re.IGNORECASE)


def headers_below(table: RawTable) -> Iterator[RawTable]:
    """The tables ``table`` would be with one of its next lines as header (at most
    :data:`PREAMBLE_MAX` lines down, lines of several cells only), the lines above that one
    kept as its preamble: ``meta["preamble"]`` (their text, one a line), ``meta["title"]``
    (the first, unless the table had one) and ``meta["date_range"]`` (a "Date range: …"
    line's range, as written). A line of one cell, padded or not, and a blank line are read
    as preamble already when a header follows them at once (:func:`split_text`); a block of
    them, or a title whose text holds the delimiter ("Date range: Oct 1, 2026 - …"), made the
    first line the header, and the file was refused as a "table with headers ['Overview']".
    Which line is the header only the export formats can tell: the registry takes the first
    of these tables a format claims. None for a sheet, or a table whose rows were not kept as
    text (a large file, read from its bytes)."""
    if table.sheet or table.body is None:
        return
    body = table.body
    first = f"{table.delimiter or ','} ".join(h for h in table.header if h)
    above = [text for text in (table.meta.get("title"), first) if text]
    line_no = table.body_line or table.first_line + 1
    pos = 0
    for _ in range(PREAMBLE_MAX):
        if pos >= len(body) or body.count('"', 0, pos) % 2:   # (inside a quoted cell)
            return
        end = body.find("\n", pos)
        end = len(body) if end < 0 else end
        line = body[pos:end].rstrip("\r")
        if _first_line_fields(line) > 1 and only_cell(line) is None:
            below = split_text(body[pos:], source=table.source, encoding=table.encoding)
            if len(below) == 1:
                yield _moved(below[0], line_no - 1, table, above)
        if (text := _line_text(line)) is not None:
            above.append(text)
        pos, line_no = end + 1, line_no + 1


def _line_text(line: str) -> str | None:
    """The text of a preamble line: its one cell, or its filled cells joined; None when blank
    (or delimiters and quotes only, as a spreadsheet pads a blank line)."""
    cell = only_cell(line)
    if cell is not None:
        return cell
    fields = max((line_fields(line, d) for d in DELIMITERS), key=len)
    cells = [c.strip() for c in fields if c.strip()]
    return ", ".join(cells) if cells else None


def _moved(found: RawTable, shift: int, table: RawTable, above: list[str]) -> RawTable:
    """``found`` (split from a slice of ``table``'s rows) with the file's line numbers, the
    lines ``above`` its header as its preamble, ``table``'s own metadata kept."""
    start = int(table.meta.get("title_line", table.first_line))
    end = found.first_line + shift - 1
    meta = {**table.meta, **found.meta, "preamble": "\n".join(above),
            "preamble_lines": f"{start}-{end}" if end > start else str(start)}
    if above:
        meta.setdefault("title", above[0])
    for text in above:
        if (m := _DATE_RANGE.match(text)) is not None:
            meta.setdefault("date_range", m.group("range").strip())
    body_line = (found.body_line or found.first_line + 1) + shift
    return replace(found, first_line=found.first_line + shift, body_line=body_line, meta=meta,
                   log=table.log)
