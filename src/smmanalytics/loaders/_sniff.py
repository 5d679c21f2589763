"""Text → raw tables: the delimiter, and the table (:class:`RawTable`) of cells.

Rules (reference §9.4):

- The delimiter is sniffed among ``,`` ``;`` and tab from the header and the next lines.

The bytes are decoded to text by :mod:`._encoding`. What stands above a header (a ``sep=``
hint, a title line, ``#`` preambles) and where one table of a file ends and the next starts is
:mod:`._preamble`'s (:func:`~._preamble.split_text`); a file cut off, or a quoted cell never
closed, is told by :mod:`._cutoff`.

The body of a table is parsed once, vectorised, by pyarrow (every cell as text, quoted
multi-line cells allowed: :mod:`._body`); cells stay strings and the format modules convert
them.
"""

from __future__ import annotations

import csv
import io
import mmap
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import takewhile
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ParseError
from ..quality import QualityLog
from ._arrow import chunks_may_contain
from ._body import (
    frame_from_rows,
    headers_listed,
    note_ragged,
    note_shifted,
    ragged_rows,
    read_body,
    read_ragged,
    records_and_lines,
    refuse_shifted,
    shifted_rows,
)
from ._cells import column_letter, rows_all_empty
from ._cutoff import (
    count_char,
    cut_off_message,
    ends_inside_a_line,
    ends_inside_a_quote,
    ends_with_a_quote,
    find_unclosed_quote,
    last_char,
)
from ._headers import SUMMARY_WORDS, known_header, normalize, shares_half_the_names

__all__ = ["RawTable", "DELIMITERS", "is_sep_row", "only_text"]

DELIMITERS = (",", ";", "\t")
_T = TypeVar("_T")
_KV = re.compile(r"^#\s*([^:]+?)\s*:\s*(.*?)\s*$")
_START_KEYS = {"start date", "date de début", "data di inizio", "fecha de inicio", "startdatum",
               "data de início"}
_END_KEYS = {"end date", "date de fin", "data di fine", "fecha de finalización",
             "fecha de fin", "enddatum", "data de término"}
#: GA4's ``# Property: maisonseve.fr - GA4`` line (its French and Italian wordings, of the
#: UI's own word for a property, are not seen in a real file yet)
_PROPERTY_KEYS = {"property", "propriété", "proprietà"}


def line_fields(line: str, delim: str) -> list[str]:
    """The cells of one CSV ``line`` split by ``delim`` (none when it is not valid CSV).

    This and the other line and preamble readers at the end of this module (:func:`only_cell`,
    :func:`comment_line`, :func:`parse_preamble`, :func:`header_fields`, :func:`after_header`)
    are shared with :mod:`._preamble`, which cuts a text into its tables with them; a table
    reads them too, for an export pasted whole under another's rows."""
    try:
        return next(csv.reader([line], delimiter=delim), [])
    except csv.Error:
        return line.split(delim)


def sniff_delimiter(lines: list[str], hint: str | None = None) -> str:
    """The delimiter among ``,`` ``;`` tab that splits the header and the next lines best.

    A candidate scores the number of header fields when at least that many fields appear in
    most following lines (quoted multi-line cells make some lines shorter). Ties: the hint,
    then comma.
    """
    if hint:
        return hint
    best, best_score = ",", 0
    sample = "\n".join(lines[:30])
    for d in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=d))
        except csv.Error:
            continue
        rows = [r for r in rows if r]
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        body = rows[1:-1] if len(rows) > 2 else rows[1:]
        consistent = sum(len(r) == width for r in body)
        score = width * (1 + consistent)
        if score > best_score:
            best, best_score = d, score
    return best


def _drop_mapped_pages(raw: memoryview | None) -> None:
    """Let the system drop the pages of a file mapped for reading (``_sources._mapped``) once
    Arrow has parsed it: they stay resident, counted in the process's memory, as long as the
    source lives (through the parse and the merge), 318 MB for the benchmark's file at the
    load's peak. Nothing is lost: a page read again comes back from the file (the page cache)."""
    madvise = getattr(getattr(raw, "obj", None), "madvise", None)     # an mmap's
    if madvise is not None and hasattr(mmap, "MADV_DONTNEED"):
        try:
            madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError):       # closed meanwhile, or refused: only memory lost
            pass


@dataclass
class RawTable:
    """One table of a file: its raw header, preamble metadata and (lazily) its cells as text,
    or as numbers for the columns named by :meth:`expect_numbers` before the first read.

    ``frame`` has integer column labels 0..n-1 (headers may repeat, e.g. in bilingual Meta
    files); ``header[i]`` is the raw header of column ``i`` and ``norm[i]`` its normalised form.
    ``first_line`` is the 1-based line of the header (``body_line`` that of the body, later
    when the header holds quoted line breaks); parsers report data row ``k`` as line
    ``first_line + 1 + k``, and :meth:`relocated` moves a ParseError to the row's own line and
    cell (earlier rows of no data, blank or repeating the header, which are skipped and recorded
    in the log, and line breaks inside quoted cells counted).
    """

    source: str
    header: list[str]
    first_line: int = 1
    meta: dict[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    body: str | None = None          # the data rows as text (None for workbook sheets)
    raw: memoryview | None = None    # the same rows as UTF-8 bytes, when available
    body_line: int | None = None     # the line ``body`` starts on (None: first_line + 1)
    rows: list[list] | None = None
    log: QualityLog | None = None
    numeric: frozenset[int] = frozenset()   # columns to read as numbers (see expect_numbers)
    counts: frozenset[int] = frozenset()    # those of them that count (whole numbers)
    #: the rows from a header of other columns among the rows on (two exports of different
    #: columns pasted one under the other), a table of their own: found reading the cells
    next_block: RawTable | None = field(default=None, repr=False)
    #: where the export of a block (a ``next_block``) starts when ``#`` lines stand above its
    #: header, its preamble (a GA4, Meta or TikTok export pasted whole): the line (CSV) or row
    #: (sheet) of the first, and the column of its cell (0 for a CSV); None: at its header
    pasted_at: tuple[int, int] | None = None
    #: the line of the file each of ``rows`` starts on, when they were read from a CSV (TikTok's
    #: Content rows, repaired): a quoted line break in a caption moves the rows under it
    row_lines: list[int] | None = field(default=None, repr=False)
    #: the table a reader made of this one's rows and reads instead (TikTok's repaired Content
    #: rows): its errors count that table's rows, which :meth:`relocated` and
    #: :meth:`other_header_at` ask it for
    read_as: RawTable | None = field(default=None, repr=False)
    #: the sheet column of ``header[0]`` (0: column A): a sheet whose cells start right of A
    first_column: int = 0
    #: the columns that identify a row of a posts table (its id, link, publish time): a row
    #: with none of them filled that says "Total" or holds the sums of the rows above is a
    #: summary row, dropped and noted (``_summary``); set by the registry before the parse
    #: (:meth:`drop_summaries_without`), with the ``decimal`` mark of the file's numbers;
    #: a key cell saying "Total" is a summary's label, unless the format reads such a row
    #: itself (``own_total``, YouTube's)
    keys: tuple[int, ...] = ()
    decimal: str | None = None
    own_total: bool = False
    #: the last row when the file was cut off inside it (:meth:`mend_cut_off`): the line it
    #: starts on and the first column whose cell the cut lost (read as missing, though the
    #: export had a value there); None for a table read to its end
    cut_row: tuple[int, int] | None = field(default=None, repr=False)
    #: how many columns of no name and no value :meth:`without_empty_unnamed_tail` left out
    #: at the right end: :meth:`records_before_other_header` leaves their cells out too
    unnamed_tail: int = 0

    @cached_property
    def norm(self) -> list[str]:
        return [normalize(h) for h in self.header]

    def cell(self, pos: int, line: int | None) -> str | None:
        """The sheet cell of column ``pos`` on row ``line`` (``All posts!F12``): how every
        error names a cell, as the user finds it in the spreadsheet. None for a table that
        is no sheet (a CSV, named by its line) or without a line."""
        if not self.sheet or not line:
            return None
        return f"{self.sheet}!{column_letter(self.first_column + pos)}{line}"

    @cached_property
    def _cells(self) -> pa.Table | pd.DataFrame:
        """The body parsed once: an Arrow table of text, or a frame (workbook, ragged rows)."""
        if self.rows is not None:
            found = _first_other_header(
                ((k, r) for k, r in enumerate(self.rows) if _may_be_header(r)), self.norm)
            if found is not None:
                self._cut_rows_before(found)
            frame = frame_from_rows(self.rows, len(self.header))
            return self._without_keyless_summaries(self._without_summary_tail(
                self._without_rows_of_no_data(frame, _lead_rows(frame, self.header))))
        cells, named = self._read_cells()
        _drop_mapped_pages(self.raw)
        cells = self._without_keyless_summaries(self._without_summary_tail(
            self._without_rows_of_no_data(cells, named)))
        # the columns that were read as numbers: none when the body had to be read as text
        self.numeric = frozenset(i for i in self.numeric if isinstance(cells, pa.Table)
                                 and pa.types.is_floating(cells.column(i).type))
        return cells

    def _read_cells(self) -> tuple[pa.Table | pd.DataFrame, np.ndarray]:
        """The body parsed, and the positions of its rows whose first named column holds that
        column's name (:func:`_lead_rows`: none in a clean file, found by a search of one
        column's bytes). A row among them, or among the rows of another width, that is a
        header of other columns (:func:`_first_other_header`) ends the body: the rows from it
        on are read as a table of their own (:meth:`_cut_before`), the body again without."""
        body = self._body_as_read
        delim = self.delimiter or ","
        width = len(self.header)
        cells = read_body(body, width, delim, self.numeric, self.counts)
        if cells is not None:
            named = _lead_rows(cells, self.header)
            found = _first_other_header(((k, _row(cells, k)) for k in named.tolist()),
                                        self.norm)
        else:
            # rows of another width than the header's: a quoted cell never closed shifts the
            # cells after it, which no padding mends
            if (unclosed := self.unclosed_quote()) is not None:
                raise unclosed
            records, lines = records_and_lines(body, delim,
                                               self.body_line or self.first_line + 1)
            lead = _lead(self.header)
            name = None if lead is None else self.header[lead]     # as _lead_rows searches
            found = _first_other_header(
                ((k, r) for k, r in enumerate(records) if len(r) != width
                 or name is not None and name in r[lead]), self.norm)
            if found is None:
                cut = self.mend_cut_off(records, lines)
                # rows a reader repairs itself (read_as: TikTok's) are read here only to
                # name an error's row: their extra cells raise no error of their own
                cells = read_ragged(records, lines, width, self.source, None, cut=cut,
                                    strict=self.read_as is None)
                # noted once the notes under the table are known: none of them is a row
                self.__dict__["_ragged"] = (records, lines, width, ragged_rows(records, width,
                                                                               cut))
                named = _lead_rows(cells, self.header)
        if found is not None and self._cut_before(found):
            return self._read_cells()
        if isinstance(cells, pa.Table):     # (the text path mended its rows: mend_cut_off)
            cells = self._mend_cut_off_cells(cells)
        return cells, named

    def records_before_other_header(self) -> tuple[list[list[str]], list[int]]:
        """The rows of the body as the csv module reads them (a reader's own repair of rows
        of another width, TikTok's Content), up to a header of other columns among them
        (:func:`_first_other_header`, as :meth:`_read_cells` finds it), and the line of the
        file each starts on (:func:`records_and_lines`): the rows from that header on are
        cut off into ``next_block``, for the registry to read or refuse."""
        base = self.body_line or self.first_line + 1
        records, lines = records_and_lines(self._body_text() or "", self.delimiter or ",",
                                           base)
        width, lead = len(self.header), _lead(self.header)
        name = None if lead is None else self.header[lead]
        found = _first_other_header(
            ((k, r) for k, r in enumerate(records) if len(r) not in (width, self._full_width)
             or name is not None and name in r[lead]), self.norm)
        if found is not None and self._cut_before(found):     # its preamble cut off too
            return records_and_lines(self._body_text() or "", self.delimiter or ",", base)
        return records, lines

    @property
    def _full_width(self) -> int:
        """The number of cells of a row of the file, the columns of no name and no value
        :meth:`without_empty_unnamed_tail` left out counted."""
        return len(self.header) + self.unnamed_tail

    def without_unnamed_tail(self, records: list[list[str]]) -> list[list[str]]:
        """``records`` (:meth:`records_before_other_header`, a cut last row mended) without
        the empty cells of the columns :meth:`without_empty_unnamed_tail` left out (a ``,`` at
        the end of every line): TikTok's Content rows, repaired by their width, were all
        refused as rows of one field too many. A record of fewer cells, or whose cells there
        are not empty, is left as it is (a row of another width, for the reader to judge)."""
        d = self.unnamed_tail
        if not d:
            return records
        return [r[:-d] if len(r) >= self._full_width and not any(f.strip() for f in r[-d:])
                else r for r in records]

    @property
    def _body_as_read(self) -> str | memoryview | bytes:
        """The body as the reading and the cut-off checks take it: ``raw``, its bytes (a
        mapped file's), when kept, else its text; "" when there is none."""
        return self.raw if self.raw is not None else (self.body or "")

    def _ends_on_a_delimiter(self, body: str | memoryview | bytes) -> bool:
        """Whether ``body`` ends on the delimiter, no line break after it, that opens the last
        cell of a named column: a row of every cell cut right after it (TikTok's '…,"2",' for
        '…,"2","560"'), its last cell empty. Before a last column of no name (a ',' at the end
        of every line, the last line's break lost) the row is whole: nothing reads that cell."""
        return last_char(body) == (self.delimiter or ",") and bool(self.norm[-1])

    def mend_cut_off(self, records: list[list[str]], lines: list[int]) -> int | None:
        """The position of the body's last row among ``records`` (the body's rows, starting
        on ``lines``) when the file was cut off inside it, that row mended; None when not.

        A row of fewer cells than the header on a last line no line break ends is what a copy
        or a download interrupted leaves: its last cell read may be part of its value (Likes
        420 read 4), which no check of numbers tells from a real one; so is a last cell whose
        quote is never closed, in a row of every cell ("560" cut to "56). That cell is set to
        missing (a closed quoted cell is whole and kept), the row kept, and the cut noted with
        its line, its column and the value read. A short row a line break ends is only ragged
        (:func:`read_ragged`). Only a body that ends inside a line is looked at further."""
        body = self._body_as_read
        if not records or not ends_inside_a_line(body):
            return None
        delim = self.delimiter or ","
        opened, row, width = ends_inside_a_quote(body, delim), records[-1], len(self.header)
        after_delim = self._ends_on_a_delimiter(body)
        if len(row) > width or len(row) == width and not (opened or after_delim):
            return None                                             # extra cells: ragged
        if not opened and not any(c.strip() for c in row):          # a line of no data
            return None
        k = len(row) - 1
        value, whole = row[k], not opened and ends_with_a_quote(body)
        end = lines[-1] + sum(c.count("\n") for c in row)   # the row's quoted breaks too
        if not whole:
            row[k] = ""
        # noted once: a reader mending the rows it reads again (TikTok's Content, whose
        # table was read for a blank last column) finds the same cut
        noted, self.cut_row = self.cut_row, (lines[-1], k + whole)
        if self.log is not None and noted != self.cut_row:
            self.log.add(self.source, "file_cut_off",
                         cut_off_message(lines[-1], end, self.header[k], value, whole), rows=1)
        return len(records) - 1

    def _mend_cut_off_cells(self, cells: pa.Table) -> pa.Table:
        """``cells`` (read by Arrow, every row of the header's width) with the last row's last
        cell missing when the file ends inside it, a quote never closed ("560" cut to "56,
        which Arrow reads to the end): :meth:`mend_cut_off` for the rows Arrow reads. Only a
        body that ends inside a line is looked at further, its quotes and lines counted."""
        body = self._body_as_read
        delim = self.delimiter or ","
        if not cells.num_rows or not ends_inside_a_line(body) \
                or not (ends_inside_a_quote(body, delim) or self._ends_on_a_delimiter(body)):
            return cells
        k, n = cells.num_columns - 1, cells.num_rows
        col = cells.column(k)
        value = col[n - 1].as_py()
        missing = (pa.nulls(1, col.type) if pa.types.is_floating(col.type)
                   else pa.array([""], col.type))
        end = (self.body_line or self.first_line + 1) + count_char(body, "\n")
        self.cut_row = (end, k)
        if self.log is not None:
            shown = "" if value is None else f"{value:g}" if isinstance(value, float) else value
            self.log.add(self.source, "file_cut_off",
                         cut_off_message(end, end, self.header[k], shown, False), rows=1)
        return cells.set_column(k, cells.field(k),
                                pa.chunked_array([*col.slice(0, n - 1).chunks, missing]))

    def _cut_before(self, p: int) -> bool:
        """Make row ``p`` of the body, a header of other columns, and the rows under it a
        table of their own (``next_block``, which the registry reads under that header), the
        body ending before it; False, nothing cut, when the row's line is unknown."""
        text = self._body_text()
        line = self._row_line(p)
        if not text or line is None:
            return False
        base = self.body_line or self.first_line + 1
        cut = _line_start(text, line - base)
        start = cut + text.startswith("\ufeff", cut)      # "cat a.csv b.csv" keeps b's BOM
        end = text.find("\n", start)
        body_start = after_header(text, start, len(text), len(text) if end < 0 else end)
        delim = self.delimiter or ","
        # a GA4 export's "#" lines above its header are its preamble, not rows of this table
        cut, preamble = _preamble_before(text, cut, base)
        meta: dict[str, str] = {}
        parse_preamble(preamble, meta)
        self.next_block = RawTable(
            source=self.source, first_line=line, meta=meta or self.meta, delimiter=delim,
            header=header_fields(text, start, len(text), delim, source=self.source, line=line),
            encoding=self.encoding, sheet=self.sheet, body=text[body_start:],
            body_line=line + text.count("\n", start, body_start), log=self.log,
            pasted_at=(preamble[0][0], 0) if preamble else None)
        self.body, self.raw = text[:cut], None
        return True

    def _cut_rows_before(self, p: int) -> None:
        """:meth:`_cut_before` for a workbook sheet's rows: row ``p``, a header of other
        columns, and the rows under it a table of their own (``next_block``); the rows of one
        ``#`` cell right above it, blank rows among them, its preamble (:func:`_sheet_preamble`),
        cut off with it."""
        header = [("" if v is None else str(v)).strip() for v in self.rows[p]]
        while header and header[-1] == "":
            header.pop()
        cut, preamble = _sheet_preamble(self.rows, p, self._rows_line)
        meta: dict[str, str] = {}
        parse_preamble([(line, text) for line, _, text in preamble], meta)
        self.next_block = RawTable(
            source=self.source, header=header, first_line=self._rows_line(p),
            meta=meta or self.meta, encoding=self.encoding, sheet=self.sheet,
            first_column=self.first_column, rows=self.rows[p + 1:], log=self.log,
            row_lines=None if self.row_lines is None else self.row_lines[p + 1:],
            pasted_at=preamble[0][:2] if preamble else None)
        self.rows = self.rows[:cut]
        if self.row_lines is not None:
            self.row_lines = self.row_lines[:cut]

    def _rows_line(self, p: int) -> int:
        """The line (``row_lines``) or sheet row where ``rows[p]`` starts."""
        return self.row_lines[p] if self.row_lines is not None else self.first_line + 1 + p

    def header_changed(self, block: RawTable) -> str:
        """What the header of ``block`` (this table's ``next_block``) changes, for a note or
        an error: "line 7: 'Reach from Boosted posts' gone"."""
        gone = [h for h, n in zip(self.header, self.norm, strict=True) if n not in block.norm]
        new = [h for h, n in zip(block.header, block.norm, strict=True) if n not in self.norm]
        parts = ([f"{headers_listed(new)} added"] if new else []) + (
            [f"{headers_listed(gone)} gone"] if gone else [])
        return f"line {block.first_line}: {', '.join(parts) or 'the columns reordered'}"

    def _without_rows_of_no_data(self, cells: pa.Table | pd.DataFrame, named: np.ndarray
                                 ) -> pa.Table | pd.DataFrame:
        """``cells`` without the rows that are no post and no day, each kind recorded in the
        log: rows whose every cell is empty (a line of delimiters, left by a spreadsheet) and
        rows that repeat the header (:func:`_header_rows`, among the rows ``named``), which made
        the whole file fail ("cell is not a date"). Their positions are kept for
        :meth:`_line_of`."""
        blank = _blank_rows(cells)
        repeated = _header_rows(cells, self.norm, named)
        comments = _preamble_rows(lambda k: _row(cells, k), repeated, blank)
        seps = _sep_preamble_rows(lambda k: _row(cells, k), repeated)
        self._refuse_another_chart(cells, seps)
        preamble = np.union1d(comments, seps)
        notes, after_blank = _note_rows_under(cells, blank)
        self._note_ragged(np.union1d(notes, preamble))
        if len(blank):
            self._note_blank_rows(self._without_cut_row(cells, blank))
        if len(repeated):
            self._note_header_rows(repeated)
            self.__dict__["_repeated"] = repeated
        if len(preamble):
            self._note_preamble_rows(preamble, meta=len(seps) > 0, ga4=len(comments) > 0)
        if len(notes):
            self._note_unread_rows(cells, notes, after_blank)
        skipped = np.union1d(np.union1d(np.union1d(blank, repeated), preamble), notes)
        if not len(skipped):
            return cells
        self.__dict__["_skipped"] = skipped
        return _without_rows(cells, skipped)

    def _refuse_another_chart(self, cells: pa.Table | pd.DataFrame, seps: np.ndarray) -> None:
        """Raise when a Meta preamble pasted under the rows (``seps``, :func:`_sep_preamble_rows`)
        titles another metric than the file's own title: an Instagram "Content interactions"
        chart pasted under the "Views" one has the same columns (``Date``, ``Primary``), and
        its days were read as views (13,398 in October, where the views were 274,895). The
        same title is the same chart, pasted again: read. A file without a title of its own
        gives nothing to compare with."""
        first = self.meta.get("title")
        if not first:
            return
        for k in seps.tolist():
            row = _row(cells, k)
            title = only_text(row)
            if title is None or _SEP_CELL.fullmatch(title) or normalize(title) == normalize(
                    first):
                continue
            line = self._row_line(k)
            at = next(i for i, v in enumerate(row) if _filled(v))
            raise ParseError(
                "the export of another chart is pasted under the rows: its days would be read "
                "as this chart's; save each chart as its own file", file=self.source,
                line=line, cell=self.cell(at, line),
                expected=f"{first!r}, this file's chart title (the same chart pasted again)",
                got=title)

    def _note_ragged(self, unread: np.ndarray) -> None:
        """Note the rows of another width than the header's that :meth:`_read_cells` read
        (padded, or their empty extra cells ignored), the rows ``unread`` aside: the notes
        under the table and the preamble of an export pasted under its rows (a title line of
        one cell) are noted as such, not read."""
        found = self.__dict__.pop("_ragged", None)
        if found is not None:
            records, lines, width, ragged = found
            skipped = set(unread.tolist())
            kept = [k for k in ragged if k not in skipped]
            if self.read_as is None:        # a reader's own repair (TikTok's) reads its rows
                refuse_shifted(records, lines, self.header, kept, self.source)
                note_shifted(lines, shifted_rows(records, self.header, kept, skipped),
                             self.source, self.log)
            note_ragged(records, lines, width, kept, self.source, self.log)

    def _without_cut_row(self, cells: pa.Table | pd.DataFrame, blank: np.ndarray
                         ) -> np.ndarray:
        """``blank`` (positions of rows whose every cell is empty) without the last row when
        the file was cut off inside it (:attr:`cut_row`), its note saying that row is skipped:
        a file cut inside the post id of its last row (``17900`` of ``17900000000000003``,
        left missing) was said to have "1 row with every cell empty", a row it never had."""
        last = (cells.num_rows if isinstance(cells, pa.Table) else len(cells)) - 1
        if self.cut_row is None or last not in blank:
            return blank
        if self.log is not None:
            self.log.amend_last(self.source, "file_cut_off", "; no other cell of that row was "
                                "read, so it tells no post nor day and is skipped")
        return blank[blank != last]

    def _note_blank_rows(self, blank: np.ndarray) -> None:
        """Note the rows ``blank`` (positions in the body) whose every cell is empty, naming
        the file's line of the first."""
        if self.log is None or not len(blank):
            return
        what = ("1 row with every cell empty was skipped" if len(blank) == 1
                else f"{len(blank)} rows with every cell empty were skipped")
        self.log.add(self.source, "blank_rows_skipped", what + self.first_at(blank),
                     level="info", rows=len(blank), sheet=self.sheet)

    def _note_header_rows(self, repeated: np.ndarray) -> None:
        """Note the rows ``repeated`` (positions in the body) that repeat the header, naming
        the line of the first: exports pasted one under the other bring each its header."""
        if self.log is None:
            return
        what = ("1 row repeating the header was dropped" if len(repeated) == 1
                else f"{len(repeated)} rows repeating the header were dropped")
        self.log.add(self.source, "header_repeated", f"{what}{self.first_at(repeated)}: "
                     "exports pasted one under the other, each with its header; the rows "
                     "around them were read", level="info", rows=len(repeated),
                     sheet=self.sheet)

    def _note_preamble_rows(self, preamble: np.ndarray, *, meta: bool = False,
                            ga4: bool = True) -> None:
        """Note the rows ``preamble`` (positions in the body) dropped above a header repeated
        among the rows: an export of the same columns pasted with its preamble, ``#`` lines
        (``ga4``) or Meta's ``sep=`` and title lines (``meta``), or both."""
        if self.log is None:
            return
        n = len(preamble)
        what = f"{n} '#' line{'s' if n > 1 else ''}"
        if meta:
            kinds = "'#', Meta's 'sep=' and title" if ga4 else "Meta's 'sep=' and title"
            what = f"{n} preamble line{'s' if n > 1 else ''} ({kinds})"
        self.log.add(self.source, "pasted_preamble_dropped", f"{what} above a row repeating "
                     f"the header dropped{self.first_at(preamble)}: the preamble of an export "
                     "pasted under the rows, not data", level="info", rows=len(preamble),
                     sheet=self.sheet)

    def _note_unread_rows(self, cells: pa.Table | pd.DataFrame, notes: np.ndarray,
                          after_blank: bool) -> None:
        """Note the rows ``notes`` (positions in the body) left unread under the table
        (:func:`_note_rows_under`), naming their lines and the first cells, as a ``#`` file's notes
        are (:func:`notes_under_message`): the lines of the first and the last only, found by
        reading the body again once.

        Rows already read into ``cells``; ``_preamble._note_unread_lines`` notes those a ``#``
        file's raw text leaves under a table before it is parsed."""
        if self.log is None:
            return
        first, last = self._row_lines([int(notes[0]), int(notes[-1])])
        shown = [" ".join(str(v).strip() for v in _row(cells, int(k)) if _filled(v))
                 for k in notes[:3]]
        word = "row" if self.sheet else "line"
        where = (f"{len(notes)} {word}s" if first is None else f"{word} {first}"
                 if first == last else f"{word}s {first}-{last}")
        said = notes_under_message(where, shown, len(notes), after_blank)
        self.log.add(self.source, "notes_under_table", said, level="warning",
                     rows=len(notes), sheet=self.sheet)

    def first_at(self, positions: np.ndarray) -> str:
        """`` (line 7)`` for one row of the body at ``positions``, `` (the first at line 7)``
        for several: the line the first starts on in the file (:meth:`_row_line`, line
        breaks inside quoted cells counted, which a count of rows misses after a caption of
        several lines); empty when unknown. Only a file holding such rows pays for it."""
        line = self._row_line(int(positions[0]))
        if line is None:
            return ""
        return f" (line {line})" if len(positions) == 1 else f" (the first at line {line})"

    def _without_summary_tail(self, cells: pa.Table | pd.DataFrame) -> pa.Table | pd.DataFrame:
        """``cells`` without the summary rows a spreadsheet's user added under the data
        (:func:`_summary_tail`), recorded in the log: a "Total" row under TikTok's videos made
        the whole file fail ("cell is not a date"), one under LinkedIn's posts was read as a
        post with the sums of their metrics."""
        n = cells.num_rows if isinstance(cells, pa.Table) else len(cells)
        tail = _summary_tail(cells, n)
        if not tail:
            return cells
        if self.log is not None:
            word = next(str(v).strip() for v in _row(cells, n - tail) if _filled(v))
            self.log.add(self.source, "summary_row_dropped", f"{tail} {word!r} row(s) under "
                         "the data dropped: a sum of the rows above (added in a spreadsheet), "
                         "not data", level="info", rows=tail, sheet=self.sheet)
        return cells.slice(0, n - tail) if isinstance(cells, pa.Table) else cells.iloc[:n - tail]

    def drop_summaries_without(self, keys: Iterable[int], decimal: str | None = None,
                               own_total: bool = False) -> None:
        """Have the rows none of whose ``keys`` cells (a post's id, link, publish time) is
        filled (but with "Total", unless ``own_total``: the format reads that row) dropped as
        summary rows when they say "Total" or hold the sums of the rows above
        (:mod:`._summary`), each line noted: at the first read of the cells, or now when they
        were read already."""
        self.keys, self.decimal = tuple(sorted(set(keys))), decimal
        self.own_total = own_total
        if "_cells" in self.__dict__:
            before = self.__dict__["_cells"]
            after = self._without_keyless_summaries(before)
            if after is not before:
                self.__dict__["_cells"] = after
                for cached in ("frame", "_columns", "_memo"):
                    self.__dict__.pop(cached, None)

    def _without_keyless_summaries(self, cells: pa.Table | pd.DataFrame
                                   ) -> pa.Table | pd.DataFrame:
        """``cells`` without the summary rows that have none of :attr:`keys` filled
        (:func:`._summary.keyless_summaries`), each named by its line in one note; their
        positions join the rows of no data skipped, for :meth:`_line_of`."""
        from ._summary import keyless_summaries

        if not self.keys:
            return cells
        cells = self._without_keyless_notes(cells)
        found = keyless_summaries(cells, self.header, self.keys, self.decimal, self.own_total)
        if not found:
            return cells
        drop = np.array([s.position for s in found], dtype=np.int64)
        body = np.array([self._position(int(k)) for k in drop], dtype=np.int64)
        if self.log is not None:
            where = "row" if self.sheet else "line"
            said = [f"{where} {line}: {s.reason}" if (line := self._row_line(int(p)))
                    else s.reason for s, p in zip(found[:5], body[:5], strict=True)]
            more = f"; and {len(found) - 5} more" if len(found) > 5 else ""
            what = ("1 row with no post id and no publish time was dropped" if len(found) == 1
                    else f"{len(found)} rows with no post id and no publish time were dropped")
            self.log.add(self.source, "summary_row_dropped", f"{what} as a total of the rows "
                         f"above (added in a spreadsheet), not a post — {'; '.join(said)}{more}",
                         level="info", rows=len(found), sheet=self.sheet)
        skipped = self.__dict__.get("_skipped")
        self.__dict__["_skipped"] = body if skipped is None else np.union1d(skipped, body)
        return _without_rows(cells, drop)

    def _without_keyless_notes(self, cells: pa.Table | pd.DataFrame
                               ) -> pa.Table | pd.DataFrame:
        """``cells`` without the notes under the last row (:func:`_keyless_notes`), noted as
        :func:`_note_rows_under`'s are; their positions join the rows of no data skipped."""
        notes = _keyless_notes(cells, self.keys)
        if not len(notes):
            return cells
        body = np.array([self._position(int(k)) for k in notes], dtype=np.int64)
        skipped = self.__dict__.get("_skipped")
        self.__dict__["_skipped"] = body if skipped is None else np.union1d(skipped, body)
        self._note_unread_rows(cells, notes, after_blank=False)
        return _without_rows(cells, notes)

    def relocated(self, exc: ParseError) -> ParseError:
        """``exc``, raised about data row ``k = line - first_line - 1`` of this table (rows
        counted one line each, without the blank ones), naming that row's own line, and in a
        sheet its cell (:meth:`cell`, under the column ``exc`` names): in a CSV, the line the
        row starts on (earlier blank lines and line breaks inside quoted cells counted), in a
        sheet, its row (earlier blank rows counted). ``exc`` itself when it names them already
        (``read_as``'s rows when a reader read them instead), or names the cell of another
        sheet: raised about that sheet's rows, read with this table's (Meta's legacy stories
        by action type, read with the posts)."""
        if self.read_as is not None:
            return self.read_as.relocated(exc)
        k = None if exc.line is None else exc.line - self.first_line - 1
        if k is None or k < 0 or self._names_another_sheet(exc):
            return exc
        line = self._line_of(k) or exc.line
        cell = self._cell_under(exc.column, line) or exc.cell
        if (line, cell) == (exc.line, exc.cell):
            return exc
        moved = type(exc)(exc.reason, file=exc.file, line=line, cell=cell, column=exc.column,
                          expected=exc.expected, got=exc.got)
        return moved.with_traceback(exc.__traceback__)

    def _names_another_sheet(self, exc: ParseError) -> bool:
        """Whether ``exc`` names a cell that is not on this table's sheet."""
        return exc.cell is not None and not (
            self.sheet is not None and exc.cell.startswith(f"{self.sheet}!"))

    def _cell_under(self, column: str | None, line: int) -> str | None:
        """The sheet cell on ``line`` of the first column headed ``column`` (parsers name a
        column by its header); None in a CSV or for a header this table lacks."""
        if column is None or column not in self.header:
            return None
        return self.cell(self.header.index(column), line)

    def other_header_at(self, exc: ParseError
                        ) -> tuple[int, list, tuple[int, int] | None] | None:
        """The line (CSV) or row (sheet) and the cells of the data row ``exc`` was raised
        about (as :meth:`relocated` reads it) when that row is a header of other columns
        (:func:`_first_other_header`), and where the export it heads starts when ``#`` lines
        stand above it (as ``pasted_at``: :meth:`_pasted_above`); None when it is not. A
        header of another export with as many columns as this one, its first cell not this
        header's first name, is found no other way: only when a cell of it failed to read, as
        one of its words in a column of numbers or dates does."""
        if self.read_as is not None:
            return self.read_as.other_header_at(exc)
        if self._names_another_sheet(exc):      # not about a row of this table
            return None
        k = None if exc.line is None else exc.line - self.first_line - 1
        cells = self.__dict__.get("_cells")
        n = 0 if cells is None else cells.num_rows if isinstance(cells, pa.Table) else len(cells)
        row = _row(cells, k) if k is not None and 0 <= k < n else None
        if row is None or _first_other_header([(k, row)], self.norm) is None:
            return None
        p = self._position(k)
        line = self._row_line(p)
        return None if line is None else (line, row, self._pasted_above(p, line))

    def _pasted_above(self, p: int, line: int) -> tuple[int, int] | None:
        """Where the ``#`` lines right above row ``p`` of the body, on ``line`` of the file
        (CSV) or row (sheet), the preamble of an export pasted there, start (``pasted_at``);
        None when there are none."""
        if self.rows is not None:
            _, preamble = _sheet_preamble(self.rows, p, self._rows_line)
            return preamble[0][:2] if preamble else None
        text = self._body_text() or ""
        base = self.body_line or self.first_line + 1
        _, preamble = _preamble_before(text, _line_start(text, line - base), base)
        return (preamble[0][0], 0) if preamble else None

    def line_of(self, k: int) -> int:
        """The line (CSV) or row (sheet) of the file where data row ``k`` starts, for a note
        naming the rows to look at (:meth:`relocated` does it for an error)."""
        if self.read_as is not None:
            return self.read_as.line_of(k)
        return self._line_of(k) or self.first_line + 1 + k

    def _line_of(self, k: int) -> int | None:
        """The line (CSV) or row (sheet) of the file where data row ``k`` starts; None when
        unknown."""
        return self._row_line(self._position(k))

    def rows_under_repeated_headers(self) -> np.ndarray:
        """The data rows (positions in :attr:`frame`) right under each header repeated among
        the rows and dropped (:meth:`_without_rows_of_no_data`): the first row of an export
        pasted under another, where GA4 writes its unlabelled total (``ga4._summary_rows``)."""
        self._cells                     # noqa: B018 -- the body read: its dropped rows known
        repeated = self.__dict__.get("_repeated")
        if repeated is None:
            return np.empty(0, dtype=np.int64)
        skipped = self.__dict__["_skipped"]
        # a dropped header has as many data rows above it as rows not skipped before it
        under = repeated - np.searchsorted(skipped, repeated)
        return under[under < self.n_rows]

    def _position(self, k: int) -> int:
        """The position in the body (rows of no data counted) of data row ``k``."""
        skipped = self.__dict__.get("_skipped")
        if skipped is not None:   # the i-th skipped row has skipped[i] - i kept rows before it
            k += int(np.searchsorted(skipped - np.arange(len(skipped)), k, side="right"))
        return k

    def _row_line(self, p: int) -> int | None:
        """The line (CSV) or row (sheet) of the file where row ``p`` of the body starts, the
        rows of no data counted; None when unknown. A CSV's body is read again for it, record
        by record (empty lines are no record, for Arrow as here): only an error or an odd
        row pays."""
        return self._row_lines([p])[0]

    def _row_lines(self, positions: list[int]) -> list[int | None]:
        """:meth:`_row_line` of each of ``positions`` (in increasing order), a CSV's body read
        again once for all of them."""
        if self.rows is not None:
            return [self._rows_line(p) for p in positions]
        found: list[int | None] = [None] * len(positions)
        body = self._body_text()
        if not body or not positions:
            return found
        reader = csv.reader(io.StringIO(body, newline=""), delimiter=self.delimiter or ",")
        end, row, i = 0, -1, 0
        try:
            for record in reader:
                start, end = end + 1, reader.line_num
                if record:
                    row += 1
                    while i < len(positions) and positions[i] == row:
                        found[i] = (self.body_line or self.first_line + 1) + start - 1
                        i += 1
                    if i == len(positions):
                        break
        except csv.Error:              # a record the csv module refuses and Arrow read (a cell
            # beyond csv.field_size_limit(), raised at import): the parser's own line stands
            pass
        return found

    def unclosed_quote(self) -> ParseError | None:
        """The error naming where a quoted cell of the body that is never closed opens (its
        line, column and start, as written), None when every quoted cell closes.

        A caption whose closing quote was deleted runs on into the cells and rows after it,
        up to the next quote: a reader complains later, if ever, of a cell not at fault ("not
        a date") on a line after it, or reads rows of the wrong width. Looked for then, by
        the caller: a body with an even count of quotes has none. A quoted cell that runs
        to the end of a file ending inside its last line, no quote after it, was cut off
        there, and is no error (:meth:`mend_cut_off` mends it)."""
        text = self._body_text()
        found = None if not text or text.count('"') % 2 == 0 else find_unclosed_quote(
            text, self.delimiter or ",")
        if found is None or ends_inside_a_line(text) and text.find('"', found[0] + 1) < 0:
            return None
        offset, column = found
        line = (self.body_line or self.first_line + 1) + text.count("\n", 0, offset)
        line_end = text.find("\n", offset)
        start = text[offset:line_end if line_end >= 0 else None].rstrip("\r")
        return ParseError("a quoted cell is never closed, so the cells after it were read into "
                          "it", file=self.source, line=line,
                          column=self.header[column] if column < len(self.header) else None,
                          expected='a closing quote (") at the end of the cell',
                          got=start if len(start) <= 60 else start[:60] + "…")

    def _body_text(self) -> str | None:
        """The text of the rows (``raw`` holds the same as bytes, when ``body`` was let go)."""
        if self.body is None and self.raw is not None:
            return bytes(self.raw).decode("utf-8", "replace")
        return self.body

    def expect_numbers(self, positions, counts=()) -> None:
        """Read the columns at ``positions`` as numbers in the CSV pass, if the body is not read
        yet: ``column(pos)`` then gives Float64 (missing, or NaN: NA) instead of text.

        Only a hint: when any of those cells is not a plain number (``1 234``, ``62,5 %``,
        ``N/A``, ``inf``), or a column of ``counts`` (among ``positions``) holds a fraction
        (``1.250``, which a count's text reading takes for a thousand), the body is read as
        text, every column, as without it. The caller gives only columns whose plain numbers
        mean what they say (no decimal-comma locale).
        """
        if "_cells" not in self.__dict__ and self.rows is None:
            self.numeric = frozenset(positions)
            self.counts = frozenset(counts) & self.numeric

    def without_empty_unnamed_tail(self) -> int:
        """Leave out the columns at the right end of the table that have no name and no cell
        filled (a trailing ``,`` on every line of a CSV re-saved by a spreadsheet): a Meta
        daily series' ``Date,Primary,`` was a table of three columns, no format's, and its
        days were all lost. Returns how many were left out (0: the table is as it was).

        Only a table whose last header is blank has its cells read here (before a format
        could ask for numbers: :meth:`expect_numbers`); a blank-named column holding a cell
        is kept, and so are the columns left of it."""
        norm = self.norm
        keep = len(norm)
        while keep and not norm[keep - 1]:
            keep -= 1
        if keep == len(norm) or keep == 0:
            return 0
        for pos in range(len(norm) - 1, keep - 1, -1):
            if len(self.filled_rows(pos)):
                keep = pos + 1
                break
        dropped = len(norm) - keep
        if dropped:
            cells = self._cells
            arrow = isinstance(cells, pa.Table)
            self.header = self.header[:keep]
            self.__dict__["_cells"] = (cells.select(list(range(keep))) if arrow
                                       else cells.iloc[:, :keep])
            for cached in ("norm", "frame", "_memo"):
                self.__dict__.pop(cached, None)
            self.unnamed_tail = dropped
        return dropped

    def filled_rows(self, pos: int) -> np.ndarray:
        """The data rows whose cell in column ``pos`` holds something (not missing, empty or
        only spaces): whether a column without a name can be left out, or holds values no
        field reads (``_finish.note_blank_headers``)."""
        cells = self._cells
        col = cells.column(pos) if isinstance(cells, pa.Table) else cells[pos]
        return np.flatnonzero(~_blank_cells(col))

    @property
    def n_rows(self) -> int:
        """Number of data rows."""
        cells = self._cells
        return cells.num_rows if isinstance(cells, pa.Table) else len(cells)

    @cached_property
    def frame(self) -> pd.DataFrame:
        """Every column as a frame (labels 0..n-1); prefer :meth:`column` for a few columns."""
        cells = self._cells
        if isinstance(cells, pd.DataFrame):
            return cells
        return pd.DataFrame({i: self.column(i) for i in range(len(self.header))},
                            index=pd.RangeIndex(cells.num_rows))

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once while the table's cells stay as they are: what the
        parse of every sheet of a workbook asks of each of its sheets (the text date columns
        whose order the file's dates are read in) was computed again for every date column
        of every sheet. Forgotten when rows or columns are left out of the cells."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def column(self, pos: int) -> pd.Series:
        """The cells of column ``pos`` (text, Float64 for a column read as numbers, or Excel
        values), converted on first use."""
        cells = self._cells
        if isinstance(cells, pd.DataFrame):
            return cells[pos]
        cache = self.__dict__.setdefault("_columns", {})
        if pos not in cache:
            col = cells.column(pos)
            if pos in self.numeric:   # read as numbers: Float64 in one array, NaN as missing
                floats = col.to_numpy()
                values = pd.arrays.FloatingArray(floats, np.isnan(floats))
            else:
                values = col.to_pandas()
            cache[pos] = pd.Series(values, name=pos, index=pd.RangeIndex(cells.num_rows),
                                   copy=False)
        return cache[pos]


def _filled(v) -> bool:
    """True for a cell holding something (not missing, NaN or blank)."""
    return v is not None and not (isinstance(v, float) and v != v) and str(v).strip() != ""


#: a cell no summary row holds: a link, or a long number (a post's id)
_NOT_SUMMARY = re.compile(r"https?://|^\d{9,}$", re.IGNORECASE)


def _row(cells: pa.Table | pd.DataFrame, k: int) -> list:
    """The cells of row ``k`` (headers may repeat: not through a dict)."""
    if isinstance(cells, pa.Table):
        return [cells.column(i)[k].as_py() for i in range(cells.num_columns)]
    return cells.iloc[k].tolist()


def _without_rows(cells: pa.Table | pd.DataFrame, positions: np.ndarray
                  ) -> pa.Table | pd.DataFrame:
    """``cells`` without the rows at ``positions``, the others in their order (a frame's index
    renumbered from 0)."""
    if isinstance(cells, pd.DataFrame):
        return cells.drop(index=cells.index[positions]).reset_index(drop=True)
    keep = np.ones(cells.num_rows, dtype=bool)
    keep[positions] = False
    return cells.filter(pa.array(keep))


#: the most rows read as notes under a table (:func:`_note_rows_under`): more are rows
_NOTES_MOST = 100
#: the first rows of a table its notes are told from (:func:`_note_rows_under`)
_REFERENCE_ROWS = 5


def _note_rows_under(cells: pa.Table | pd.DataFrame, blank: np.ndarray
                 ) -> tuple[np.ndarray, bool]:
    """Positions of the rows at the end of ``cells`` that are notes written under the table,
    not rows of it, and whether a blank row stands above each (``blank``: the positions of
    the blank rows): a spreadsheet's "Engagement rates compare", "6/25-7/2", "0.670124481"
    under a Meta export were read as three posts of no publish time, post id "Engagement
    rates compare".

    A row is a note (:func:`_note_row`) when it fills far fewer cells than the table's first
    rows (those right under the header that fill two cells or more, above any blank row: rows
    of the table) and none of its cells has a form the first rows' cells of its column have
    (an id, a date: :func:`_shape`); with no blank row above it, a cell of it must stand in
    such a column. The rows after the last blank row, and those between the blank rows above
    them, block by block upwards, are notes while every row of the block is; at the end of
    the last block of the table's rows, the notes right under them are too, when the table's
    rows fill three cells or more (in a table of two columns, a row of one cell with no blank
    row above it is the format's to tell: a day without its value). At most
    :data:`_NOTES_MOST` rows are looked at, from the end: a table of a million rows pays for
    a few. (A ``#`` file's notes are cut from its text before it is read into cells:
    ``_preamble._rows_end_above_notes``.)"""
    n = cells.num_rows if isinstance(cells, pa.Table) else len(cells)
    top = min(int(blank[0]) if len(blank) else n, _REFERENCE_ROWS)
    reference = [r for r in (_row(cells, k) for k in range(top)) if sum(map(_filled, r)) >= 2]
    if not reference:
        return np.array([], dtype=np.int64), True
    least = min(sum(map(_filled, r)) for r in reference)
    shapes = _column_shapes(reference)
    is_blank = set(blank[-_NOTES_MOST:].tolist())
    notes: list[int] = []
    after_blank = True
    k = n - 1
    while k >= 0 and len(notes) <= _NOTES_MOST:
        block = []           # the rows from k up to the blank row above them, bottom first
        while k >= 0 and k not in is_blank and len(block) <= _NOTES_MOST:
            block.append(k)
            k -= 1
        if k in is_blank and all(_note_row(_row(cells, r), least, shapes, True) for r in block):
            notes += block
            while k >= 0 and k in is_blank:
                k -= 1
            continue
        last = list(takewhile(lambda r: _note_row(_row(cells, r), least, shapes, False), block))
        if least >= 3 and last:
            notes += last
            after_blank = False
        break
    return np.array(sorted(notes), dtype=np.int64), after_blank


def _note_row(row: list, least: int, shapes: dict[int, frozenset[str]], after_blank: bool
              ) -> bool:
    """True when ``row`` is no row of a table whose first rows fill ``least`` cells or more,
    and hold in the columns ``shapes`` an id, a number or a date, of those forms
    (:func:`_column_shapes`): it fills a cell or two, at most a third of ``least`` (one when
    the rows fill two or three), none of them has a form its column's cells have, and none
    says "Total" (a summary row, :meth:`RawTable._without_summary_tail`'s). With no blank
    row above it, one of its cells must stand in such a column, a form of its own there: a
    row of one cell of text (a GA4 channel with its values missing) is the format's to tell."""
    filled = [j for j, v in enumerate(row) if _filled(v)]
    return (0 < len(filled) <= max(1, least // 3)
            and not any(_shape(row[j]) in shapes.get(j, ()) for j in filled)
            and (after_blank or any(j in shapes for j in filled))
            and not any(normalize(str(row[j])).rstrip(":") in SUMMARY_WORDS for j in filled))


def _keyless_notes(cells: pa.Table | pd.DataFrame, keys: tuple[int, ...]) -> np.ndarray:
    """Positions of the last rows of ``cells`` that are a note under the posts, not a post:
    text in the first column only (no id, no link, no date, no figure), the first column
    being none of ``keys`` (a post's id, link, publish time). LinkedIn writes "* Data for the
    last 48 hours may be incomplete" under its posts, which was read as a post of that caption
    with no id and no date; :func:`_note_rows_under` leaves it to the format, a row of one cell of
    text being a post's title in that column. Never every row, at most :data:`_NOTES_MOST`."""
    n = cells.num_rows if isinstance(cells, pa.Table) else len(cells)
    if 0 in keys:
        return np.array([], dtype=np.int64)
    notes: list[int] = []
    for k in range(n - 1, max(n - 1 - _NOTES_MOST, 0), -1):
        row = _row(cells, k)
        if [j for j, v in enumerate(row) if _filled(v)] != [0] or not _is_words(row[0]):
            break
        notes.append(k)
    return np.array(sorted(notes), dtype=np.int64)


def _is_words(v) -> bool:
    """True for a cell of text that is no number (``12``, ``1 264,5``) and no link."""
    if not isinstance(v, str) or re.search(r"https?://", v, re.I):
        return False
    return not re.fullmatch(r"[\s\d.,+\-%\u00a0\u202f]*", v)


def _column_shapes(rows: list[list]) -> dict[int, frozenset[str]]:
    """The columns in which every cell of ``rows`` says an id, a number, a date or a time
    (:func:`_shape`: a digit in it, or a value a sheet typed), and the forms of those cells:
    what a row of the table holds there, and a note does not. Text of words (a title, a
    channel) is none."""
    out = {}
    for j in range(min(map(len, rows))):
        found = frozenset(_shape(r[j]) for r in rows)
        if all("9" in f or f[:1] == "<" for f in found):
            out[j] = found
    return out


#: a run of letters (any script), which :func:`_shape` writes as one "a"
_WORD = re.compile(r"[^\W\d_]+")


def _shape(v) -> str:
    """The form of a cell: each run of digits written 9, each word a, the rest kept
    (``2026-09-01 10:00`` → ``9-9-9 9:9``, ``Wed, Feb 25, 2026`` → ``a, a 9, 9``), and a
    value of a sheet that is no text its type (``<datetime>``); '' for an empty cell. Runs,
    not digits: the 10th of a month written as its 1st was (``Jul 31`` against ``Jul 1``), or
    812 impressions against 5000, made a sparse last day a note, dropped."""
    if not _filled(v):
        return ""
    if not isinstance(v, str):
        return f"<{type(v).__name__}>"
    return _WORD.sub("a", _DIGITS.sub("9", v.strip()))


_DIGITS = re.compile(r"\d+")


def notes_under_message(where: str, shown: list[str], count: int, after_blank: bool = True
                        ) -> str:
    """The note on the ``count`` rows left unread under a table, notes written there: where
    they are (``lines 20-27``, a sheet's ``rows 12-14``), the first cells of the first three
    (``shown``); ``after_blank``: a blank line stands above them."""
    more = f" and {count - 3} more" if count > 3 else ""
    under = "under the table after a blank line" if after_blank else "under the table's rows"
    return (f"{where}, {under}, are no rows of it (notes written under the table?): "
            f"{', '.join(map(repr, shown))}{more}; not read")


def _summary_tail(cells: pa.Table | pd.DataFrame, n: int, most: int = 3) -> int:
    """How many of the last rows of ``cells`` (``n`` rows, at most ``most`` of them, never
    all) are summary rows: the first filled cell, in the first or second column, says "Total"
    or its like (:data:`SUMMARY_WORDS`), and no cell holds a link or a long number, which
    every post has and no sum."""
    tail = 0
    for k in range(n - 1, max(n - 1 - most, 0), -1):
        row = _row(cells, k)
        filled = [i for i, v in enumerate(row) if _filled(v)]
        if (not filled or filled[0] > 1 or normalize(str(row[filled[0]])) not in SUMMARY_WORDS
                or any(_NOT_SUMMARY.search(str(row[i]).strip()) for i in filled)):
            break
        tail += 1
    return tail


def _lead(header: list[str]) -> int | None:
    """The position of the first named column of ``header``; None when none is named."""
    return next((i for i, h in enumerate(header) if h), None)


def _lead_rows(cells: pa.Table | pd.DataFrame, header: list[str]) -> np.ndarray:
    """Positions of the rows whose first named column holds that column's name: those that
    may be a header, repeated or of other columns (:func:`_header_rows`,
    :func:`_first_other_header`). A search of one column's bytes rules out almost every row.
    A body read with numbers holds none: a header's words among them would have had it read
    as text."""
    lead = _lead(header)
    if lead is None or isinstance(cells, pa.Table) and any(
            pa.types.is_floating(t) for t in cells.schema.types):
        return np.array([], dtype=np.int64)
    return _rows_containing(cells, lead, header[lead])


def _names(row: list) -> list[str]:
    """The cells of ``row`` normalised as headers are (a BOM, quotes, spaces and case aside),
    an empty cell as ''."""
    return [normalize(v) if _filled(v) else "" for v in row]


def _header_rows(cells: pa.Table | pd.DataFrame, norm: list[str], named: np.ndarray
                 ) -> np.ndarray:
    """Positions of the rows, among those ``named`` (:func:`_lead_rows`), that repeat the
    header (``norm``, normalised): every cell is the header's. Two exports pasted one under
    the other, or appended by a spreadsheet that kept the second one's header, hold such a
    row: no post and no day."""
    return np.array([k for k in named.tolist() if _names(_row(cells, k)) == norm],
                    dtype=np.int64)


def _preamble_rows(row_of: Callable[[int], list], repeated: np.ndarray, blank: np.ndarray
                   ) -> np.ndarray:
    """Positions of the ``#`` rows right above the rows ``repeated`` (a header repeated among
    the rows), ``blank`` rows among them: the preamble of an export of the same columns pasted
    there (Meta's or TikTok's, or GA4's in a sheet), a row of one filled cell, a ``#`` line
    (:func:`comment_line`), as a spreadsheet saves it padded with empty cells or not (a row of
    fewer cells is padded on reading), row ``k``'s cells ``row_of(k)``. They are no data:
    they were read as posts."""
    found: list[int] = []
    is_blank = set(blank.tolist())
    for r in repeated.tolist():
        k = r - 1
        while k >= 0 and (k in is_blank or _comment_row(row_of(k))):
            if k not in is_blank:
                found.append(k)
            k -= 1
    return np.unique(np.array(found, dtype=np.int64))


def _sep_preamble_rows(row_of: Callable[[int], list], repeated: np.ndarray) -> np.ndarray:
    """Positions of the rows of Meta's preamble right above the rows ``repeated`` (a header
    repeated among the rows), row ``k``'s cells ``row_of(k)``: its ``sep=,`` line, and the
    metric's title between it and the header (``"Facebook follows"``), a row of one filled
    cell, taken for one only under a ``sep=`` line. A Meta chart export pasted whole under
    another's rows: its ``sep=`` line made the whole file fail ("cell is not a date")."""
    found: list[int] = []
    for r in repeated.tolist():
        if r >= 1 and (is_sep_row(row_of(r - 1)) or _joined_title_row(row_of(r - 1))):
            found.append(r - 1)
        elif r >= 2 and is_sep_row(row_of(r - 2)) and only_text(row_of(r - 1)) is not None:
            found.extend((r - 2, r - 1))
    return np.array(sorted(found), dtype=np.int64)


#: the ``sep=,`` line Excel reads, as a row's one filled cell: its delimiter split off when it
#: is the file's (``sep=`` then an empty cell), quoted when a spreadsheet re-saved it
_SEP_CELL = re.compile(r'"?sep=.?"?', re.IGNORECASE)


def is_sep_row(row: list) -> bool:
    """True for a row that is Meta's ``sep=,`` line (:data:`_SEP_CELL`)."""
    cell = only_text(row)
    return cell is not None and _SEP_CELL.fullmatch(cell) is not None


def _joined_title_row(row: list) -> bool:
    """True for a row of one text cell that starts with a byte-order mark: the title line of
    a Meta chart export saved without its ``sep=`` line and joined byte for byte under
    another's rows, the BOM saying where the second file starts. It was read as a day
    ("cell is not a date; got '\ufeff"Facebook reach"'"), and another chart pasted so went
    unrefused (:meth:`RawTable._refuse_another_chart`)."""
    filled = [v for v in row if _filled(v)]
    return (len(filled) == 1 and isinstance(filled[0], str)
            and filled[0].lstrip().startswith("\ufeff"))


def only_text(row: list) -> str | None:
    """The text of a row's one filled cell, stripped, and without a byte-order mark at its
    start: a Meta export joined byte for byte under another ("copy /b a.csv+b.csv", "cat")
    keeps its own BOM on its ``sep=`` or title line, which was then no preamble and made the
    whole file fail ("cell is not a date"). A BOM before a quote kept the CSV reader from
    reading the quotes, which are taken off with it (``\ufeff"Facebook reach"``). None for a
    row of other cells."""
    filled = [v for v in row if _filled(v)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return None
    text = filled[0].strip()
    if not text.startswith("\ufeff"):
        return text
    text = text.removeprefix("\ufeff")
    quoted = len(text) >= 2 and text[0] == text[-1] == '"'
    return text[1:-1].replace('""', '"') if quoted else text


def preamble_rows(rows: list[list], header: list[str]) -> list[int]:
    """:func:`_preamble_rows` for rows read as lists (a reader's own, TikTok's Content rows
    before their repair): the positions of the ``#`` rows right above a row repeating
    ``header``, blank rows among them. Only the rows whose first named column holds its
    name are compared to the header (as :func:`_lead_rows` finds them)."""
    lead = _lead(header)
    if lead is None:
        return []
    name, known = header[lead], _without_trailing_blanks([normalize(h) for h in header])
    repeated = [k for k, r in enumerate(rows) if len(r) > lead and name in r[lead]
                and _without_trailing_blanks(_names(r)) == known]
    if not repeated:
        return []
    blank = [k for k, r in enumerate(rows) if not any(_filled(v) for v in r)]
    return _preamble_rows(rows.__getitem__, np.array(repeated, dtype=np.int64),
                          np.array(blank, dtype=np.int64)).tolist()


def _comment_row(row: list) -> bool:
    """True for a row of one filled cell, text that is a ``#`` line (:func:`comment_line`)."""
    filled = [v for v in row if _filled(v)]
    return (len(filled) == 1 and isinstance(filled[0], str)
            and comment_line(filled[0].strip()) is not None)


def _may_be_header(row: list) -> bool:
    """True when the sheet's ``row`` may be a header (:func:`_first_other_header`): two cells
    of text or more, and no number, date, link or other value, which every row of data has
    in a workbook (those that hold numbers as text are looked at closer)."""
    texts = 0
    for v in row:
        if isinstance(v, str):
            if "://" in v:                        # a link: a post's
                return False
            texts += bool(v.strip())
        elif v is not None:
            return False
    return texts >= 2


def _first_other_header(rows: Iterable[tuple[int, list]], norm: list[str]) -> int | None:
    """The position of the first of ``rows`` (position, cells) that is a header of other
    columns than ``norm``: not the header itself (a row repeating it is dropped), at least two
    cells filled, and at least half of them names of the header's columns (the rule of
    :func:`~._headers.shares_half_the_names`, by which a later block is read as the first's),
    or else the header of an export of another kind (:func:`_another_exports_header`); None
    when none is. A row of data holds numbers, ids and dates, few of them such names."""
    known = frozenset(norm)
    norm = _without_trailing_blanks(norm)
    for k, row in rows:
        # (a sheet's row, or a line a spreadsheet saved, runs on in empty cells)
        names = _without_trailing_blanks(_names(row))
        filled = [n for n in names if n]
        if names != norm and len(filled) >= 2 and (
                shares_half_the_names(filled, known) or _another_exports_header(filled)):
            return k
    return None


def _without_trailing_blanks(names: list[str]) -> list[str]:
    end = len(names)
    while end and not names[end - 1]:
        end -= 1
    return names[:end]


#: a digit: in a cell that is no header the package knows, a number, a date or an id
_DIGIT = re.compile(r"\d")


def _another_exports_header(names: list[str]) -> bool:
    """True when the filled cells ``names`` (normalised) are the header of some export the
    package reads, of any platform (a GA4 or TikTok export pasted under a Facebook one, which
    shares few names with it): at least two cells, at least three of them (both of two) and
    at least half of them headers of the synonym table, and no other cell holding a digit (a
    number, a date, an id, a link). A row of data holds those: a post titled "Reach" or
    "Comments" has its id and its publish time beside."""
    known = [known_header(n) for n in names]
    hits = sum(known)
    return (len(names) >= 2 and hits >= min(3, len(names)) and 2 * hits >= len(names)
            and not any(_DIGIT.search(n) or "://" in n
                        for n, k in zip(names, known, strict=True) if not k))


def _preamble_before(text: str, cut: int, first: int) -> tuple[int, list[tuple[int, str]]]:
    """Where the ``#`` lines (:func:`comment_line`) and blank lines right above offset ``cut`` of
    ``text`` (a body whose first line is line ``first`` of the file) start, and those ``#``
    lines as ``(line number, text)``: the preamble of an export pasted there. A line inside a
    quoted cell (a caption's "#hashtag" line) is none: an odd count of quotes before it."""
    lines: list[tuple[int, str]] = []
    while cut > 0:
        prev = text.rfind("\n", 0, cut - 1) + 1
        line = text[prev:cut].strip().lstrip("\ufeff")
        blank = not line or set(line) <= set(",;\t\"")
        comment = None if blank else comment_line(line)
        if (not blank and (comment is None or only_cell(line) is None)) \
                or text.count('"', 0, prev) % 2:
            break
        if comment is not None:
            lines.append((first + text.count("\n", 0, prev), comment))
        cut = prev
    return cut, lines[::-1]


def _sheet_preamble(rows: list[list], p: int, line_of: Callable[[int], int]
                    ) -> tuple[int, list[tuple[int, int, str]]]:
    """:func:`_preamble_before` for a sheet's ``rows`` (row ``k`` on row ``line_of(k)`` of the
    sheet, or line of the file): where the rows of one ``#`` cell (:func:`comment_line`) right
    above row ``p`` start, blank rows among them, and those cells as ``(row, column, text)``;
    ``p`` and none when there are none (blank rows above a header alone stay where they are,
    noted as blank)."""
    cut, lines = p, []
    for k in range(p - 1, -1, -1):
        filled = [(i, v) for i, v in enumerate(rows[k]) if _filled(v)]
        if not filled:
            continue
        if len(filled) > 1 or not isinstance(filled[0][1], str) \
                or (comment := comment_line(filled[0][1].strip())) is None:
            break
        cut = k
        lines.append((line_of(k), filled[0][0], comment))
    return cut, lines[::-1]


def _line_start(text: str, n: int) -> int:
    """The offset in ``text`` where its line ``n`` (0 for the first) starts."""
    pos = 0
    for _ in range(n):
        pos = text.index("\n", pos) + 1
    return pos


def _rows_containing(cells: pa.Table | pd.DataFrame, i: int, literal: str) -> np.ndarray:
    """Positions of the rows whose cell in column ``i`` holds ``literal`` (text cells only)."""
    if isinstance(cells, pd.DataFrame):
        text = cells.iloc[:, i].astype("string")
        return np.flatnonzero(text.str.contains(literal, regex=False).fillna(False)
                              .to_numpy(dtype=bool))
    col = cells.column(i)
    if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)) \
            or not chunks_may_contain(col, literal):
        return np.array([], dtype=np.int64)
    found = pc.fill_null(pc.match_substring(col, literal), False)
    return np.flatnonzero(found.to_numpy(zero_copy_only=False))


def _blank_rows(cells: pa.Table | pd.DataFrame) -> np.ndarray:
    """Positions of the rows whose every cell is empty or blank (missing, or only spaces)."""
    width = cells.num_columns if isinstance(cells, pa.Table) else cells.shape[1]
    return rows_all_empty(cells, range(width), _blank_cells)


def _blank_cells(col: pa.ChunkedArray | pd.Series) -> np.ndarray:
    """Whether each cell is missing, empty or only spaces."""
    if isinstance(col, pd.Series):
        text = col.astype("string").str.strip()
        return (col.isna() | text.eq("")).fillna(True).to_numpy(dtype=bool)
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        empty = pc.or_(pc.equal(col, ""), pc.utf8_is_space(col))
    else:
        empty = pc.is_null(col)
    return pc.fill_null(empty, True).to_numpy(zero_copy_only=False)


def only_cell(line: str) -> str | None:
    """The one non-blank cell of ``line`` split by the delimiter that splits it most,
    stripped; None when it has none or several."""
    fields = max((line_fields(line, d) for d in DELIMITERS), key=len)
    cells = [c.strip() for c in fields if c.strip()]
    return cells[0] if len(cells) == 1 else None


def comment_line(line: str) -> str | None:
    """``line`` (stripped) as a ``#`` preamble line, or None when it is none: as GA4 writes it,
    or as a spreadsheet saves it back, padded with empty cells (``# Start date: 20260701,,,,``)
    and quoted where it holds a delimiter (``"# Account: Maison, Sève",,,``)."""
    if line.startswith("#"):
        return line.rstrip(",;\t ")
    if line.startswith('"#'):
        cell = only_cell(line)
        return cell if cell is not None and cell.startswith("#") else None
    return None


def parse_preamble(lines: list[tuple[int, str]], meta: dict[str, str]) -> None:
    """Fill ``meta`` from the ``(line number, text)`` of a table's ``#`` lines; the line of a
    start or end date is kept as ``meta["start_date_line"]`` (``end_date_line``), as text, and
    a GA4 property line (in English, French or Italian) as ``meta["property"]``."""
    for line_no, line in lines:
        body = line.lstrip("#").strip()
        if not body or set(body) <= set("-=_ "):
            continue
        if "title" not in meta:
            meta["title"] = body
        m = _KV.match(line)
        if m:
            key, value = normalize(m.group(1)), m.group(2).strip()
            meta.setdefault(key, value)
            if key in _START_KEYS:
                meta["start_date"], meta["start_date_line"] = value, str(line_no)
            elif key in _END_KEYS:
                meta["end_date"], meta["end_date_line"] = value, str(line_no)
            elif key in _PROPERTY_KEYS and value:
                meta.setdefault("property", value)
        elif body != meta["title"]:
            meta.setdefault("segment", body)


def header_fields(text: str, pos: int, stop: int, delim: str, *, source: str,
                  line: int) -> list[str]:
    """The cells of the header row at ``pos`` (on ``line`` of the file ``source``)."""
    chunk = text[pos:min(stop, pos + 65536)]
    try:
        row = next(csv.reader(io.StringIO(chunk), delimiter=delim), [])
    except csv.Error as exc:
        raise ParseError("header row is not valid CSV", file=source, line=line,
                         expected="a delimited header row", got=chunk[:80]) from exc
    return [c.strip() for c in row]


def after_header(text: str, pos: int, stop: int, header_end: int) -> int:
    """The offset where the rows under the header row at ``pos`` start (``header_end``: the
    end of its first line)."""
    # the header may contain quoted line breaks: count quotes to find its real end
    end = header_end
    while text.count('"', pos, end) % 2 == 1 and end < stop:
        nxt = text.find("\n", end + 1)
        end = stop if nxt < 0 else nxt
    return min(end + 1, stop)
