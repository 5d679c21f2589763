"""What a format's ``detect`` and ``parse`` are given: :class:`Candidate` and :class:`ParseContext`.

A :class:`Candidate` is one raw table of one source file as the formats see it: its headers
raw and normalised, its preamble, and its cells read by field (text, locale-aware numbers,
first bad cell named by line and column); :class:`ParseContext` is where a parser records
its notes. With them: the fields counted in whole numbers and the rates written with ``%``
(:data:`COUNT_FIELDS`, :func:`takes_percent`), which the cells' reading depends on, the
threads the columns convert on (:func:`_on_two_threads`), and :func:`two_labels`.

Apart from the registry (``_registry``) because every platform loader, ``_tidy`` and
``_expected`` import these classes at top level while the registry and the reading of files
use those modules back: kept together, the registry had to import ``_tidy`` and ``_expected``
inside functions to break the cycle.
"""

from __future__ import annotations

import contextvars
import datetime
import math
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema
from ..errors import ParseError, SmmError
from ..quality import MissingMetrics, QualityLog
from ._arrow import arrow_text, may_contain, may_contain_any
from ._cells import isinstance_cells, spreadsheet_errors
from ._headers import HeaderMatch, match_headers
from ._ids import read_ids, without_invisible
from ._numbers import AMBIGUOUS_COMMA, AMBIGUOUS_DOT, MISSING, decimal_for_locale, parse_numbers
from ._sniff import RawTable
from ._sources import Source

__all__ = ["Candidate", "ParseContext", "two_labels", "header_where", "run_meanwhile",
           "THREADED_CONVERSION_ROWS"]


@dataclass
class Candidate:
    """What a format's ``detect`` and ``parse`` see: one raw table of one source file."""

    source: Source
    table: RawTable
    tables: list[RawTable] = field(default_factory=list)   # every table of the same source
    _matches: dict[str, HeaderMatch] = field(default_factory=dict, repr=False)
    #: header → (count, first cell, where it is) of the cells such as ``--`` or ``N/A`` that
    #: :meth:`numbers` read as missing; noted once per table after the parse
    placeholders: dict[str, tuple[int, str, str]] = field(default_factory=dict, repr=False)
    #: header → (count, first cell) of the cells showing a spreadsheet's error (``#N/A``) that
    #: :meth:`text` read as missing; noted once per table (a number column's are noted among
    #: its :attr:`placeholders`)
    errors: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)
    #: headers whose numbers such as ``22.485`` were read as thousands because the file is
    #: ``;``-delimited (see :meth:`decimal_hint`); noted once per table after the parse
    read_by_delimiter: list[str] = field(default_factory=list, repr=False)
    #: header → (row, where, cell as written, value) of each count cell such as ``1.250``
    #: read as thousands (:meth:`_counts_with_dot_thousands`); noted once per table, the
    #: rows a parser drops as summaries aside (:meth:`not_read`)
    read_by_count: dict[str, list[tuple[int, str, str, float]]] = field(
        default_factory=dict, repr=False)
    #: header → (count, where the first is, its cell as written, its value) of the counts
    #: that are not whole numbers (``1234,5`` views): kept as read, noted once per table
    fractions: dict[str, tuple[int, str, str, float]] = field(default_factory=dict,
                                                              repr=False)
    #: header → (count, first cell, its value, how far the true value may be from it) of the
    #: cells written abbreviated (``1.2K``: 1200, within ±50): noted once per table
    abbreviated: dict[str, tuple[int, str, float, float]] = field(default_factory=dict,
                                                                   repr=False)
    #: header of a column whose numbers were set aside → (header kept, rows that differ)
    conflicts: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)
    #: field → which rows of the table :meth:`numbers` read ``--``, ``N/A``, ``#N/A``… in,
    #: cells that hold no value (unlike an empty one): their posts are kept in the frame's
    #: ``attrs["no_value"]`` for the merge to take an older export's figure (:func:`_parsed`)
    no_value: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    #: header → (ids with invisible characters removed, spreadsheet numbers read back as ids,
    #: rows mended, where the first is, its cell as written, the id read) of an id column
    #: (:meth:`read_ids`); noted once per table
    mended_ids: dict[str, tuple[int, int, int, str, str, str]] = field(default_factory=dict,
                                                                       repr=False)
    #: header → (cells mended, where the first is, its cell as written, the text read) of a
    #: column of text keys (:data:`KEY_FIELDS`) whose invisible characters were removed
    #: (:meth:`read_keys`); noted once per table
    mended_keys: dict[str, tuple[int, str, str, str]] = field(default_factory=dict,
                                                               repr=False)

    def with_table(self, table: RawTable) -> Candidate:
        """This candidate reading ``table`` (its rows repaired) instead: what the new one's
        :meth:`numbers` remember lands in this one's, whose notes the registry writes
        (TikTok's Content read through its repaired rows lost its ``1.2K`` note). Every
        field is shared but the headers matched, which are the new table's: a field listed
        by hand was forgotten (the ids mended while reading repaired rows lost their note)."""
        return replace(self, table=table, _matches={})

    @property
    def name(self) -> str:
        """Display name of the file (``archive.zip!member.csv`` for archive members)."""
        return self.source.name

    @property
    def basename(self) -> str:
        return self.source.basename

    @property
    def header(self) -> list[str]:
        return self.table.header

    @property
    def norm(self) -> list[str]:
        return self.table.norm

    @property
    def meta(self) -> dict[str, str]:
        return self.table.meta

    @cached_property
    def norm_set(self) -> frozenset[str]:
        return frozenset(self.table.norm)

    def match(self, family: str) -> HeaderMatch:
        """Headers matched against a synonym family (cached)."""
        if family not in self._matches:
            self._matches[family] = match_headers(self.table.header, family)
        return self._matches[family]

    def col(self, family: str, canonical: str) -> pd.Series | None:
        """Cells of the column(s) carrying ``canonical``; None when absent.

        Several columns for one field (bilingual Meta files) are coalesced: the first non-empty
        cell wins, row by row.
        """
        pos = self.match(family).columns.get(canonical)
        if not pos:
            return None
        out = self.table.column(pos[0])
        for p in pos[1:]:
            other = self.table.column(p)
            empty = out.astype("str").str.strip() == ""
            out = out.where(~empty, other)
        return out

    def count_errors(self, header: str, cells: pd.Series) -> np.ndarray:
        """Which of ``cells``, of the text column ``header``, show a spreadsheet's error,
        remembered to be noted (see :attr:`errors`)."""
        hit = spreadsheet_errors(cells)
        if hit.any():
            self.errors[header] = (int(hit.sum()), str(cells[hit].iloc[0]).strip())
        return hit

    def copy_at_fault(self, exc: ParseError) -> ParseError:
        """``exc`` naming the column whose cell it quotes, where :meth:`col` read one field
        from several columns (bilingual Meta files fill one language or the other): parsers
        name the first column's header, whose cell on that row may be empty, and a user looked
        for the bad cell there. The column at fault is the first of the field's columns whose
        cell on the row is the one quoted (:meth:`col` took the first one filled)."""
        k = None if exc.line is None else exc.line - self.table.first_line - 1
        if k is None or k < 0 or exc.got is None:
            return exc
        quoted = str(exc.got).strip()
        for match in self._matches.values():
            for positions in match.columns.values():
                if len(positions) < 2 or self.header[positions[0]] != exc.column:
                    continue
                # the table's rows only now: a reader of its own (Meta's Audience blocks)
                # read none of them, and they are no rows of one width to be read
                if k >= self.table.n_rows:
                    return exc
                at_fault = next((p for p in positions
                                 if str(self.table.column(p).iloc[k]).strip() == quoted), None)
                if at_fault in (None, positions[0]):
                    return exc
                return type(exc)(exc.reason, file=exc.file, line=exc.line,
                                 column=self.header[at_fault], expected=exc.expected,
                                 got=exc.got).with_traceback(exc.__traceback__)
        return exc

    def text(self, family: str, canonical: str, *, errors: bool = True) -> pd.Series:
        """The column carrying ``canonical`` as stripped text (NA when empty or absent).

        Workbook cells that are numbers are written without a spurious ``.0`` (ids); dates are
        written ISO. A float id beyond 2**53 was already rounded by the spreadsheet.

        With ``errors`` (the default) a cell showing a spreadsheet's error (``#N/A``,
        ``#REF!``) is NA too, and noted: an error cell in ``Account username`` made the post
        the account '#N/A''s, left out of the brand's figures, and one in ``Permalink`` its
        link. Dates pass ``errors=False``, so that a date refused quotes the error it shows.
        """
        cells = self.col(family, canonical)
        if cells is None:
            return pd.Series(pd.NA, index=range(self.table.n_rows), dtype="string")
        out = self.stripped_text(cells)
        header = self.header_of(family, canonical)
        if errors and (hit := self.count_errors(header, out)).any():
            out = out.mask(hit)
        return self.read_keys(header, canonical, out)

    def read_keys(self, header: str, canonical: str, cells: pd.Series) -> pd.Series:
        """The cells of the column ``header`` (stripped text) of the field ``canonical`` as
        the key that joins its rows to other tables': ids read by :meth:`read_ids`, the text
        keys of :data:`KEY_FIELDS` without the invisible characters a paste leaves (their
        joiners and direction marks kept where they are text)
        (:func:`~._ids.without_invisible`, remembered in :attr:`mended_keys` to be noted),
        any other field as it is."""
        if canonical in ID_FIELDS:
            return self.read_ids(header, cells)
        if canonical not in KEY_FIELDS:
            return cells
        out, invisible = without_invisible(cells, keep_text=True)
        if invisible.any():
            k = int(np.flatnonzero(invisible)[0])
            self.mended_keys[header] = (int(invisible.sum()), self._where(header, k),
                                        str(cells.iloc[k]), str(out.iloc[k]))
        return out

    def read_ids(self, header: str, ids: pd.Series) -> pd.Series:
        """The ids of the column ``header`` (``ids``, its cells as stripped text) read by
        :func:`~._ids.read_ids`, what it mended remembered to be noted (:attr:`mended_ids`).
        A number that cannot be an id (``1.2K``, ``12%``) raises ParseError naming its cell:
        read as text, it was a post of its own, matched with no export of the same."""
        got = read_ids(ids)
        if got.refused is not None:
            k = got.refused
            raise ParseError("a number that cannot be a post id", file=self.name,
                             line=self.table.first_line + 1 + k, column=header,
                             expected="a post id, the digits of the column's other ids",
                             got=str(ids.iloc[k]))
        mended = got.invisible | got.unformatted
        if mended.any():
            k = int(np.flatnonzero(mended)[0])
            self.mended_ids[header] = (int(got.invisible.sum()), int(got.unformatted.sum()),
                                       int(mended.sum()), self._where(header, k),
                                       str(ids.iloc[k]),
                                       str(got.ids.iloc[k]))
        return got.ids

    @staticmethod
    def stripped_text(cells: pd.Series) -> pd.Series:
        """``cells`` as stripped text, NA when empty (see :meth:`text`)."""
        arrow = arrow_text(cells)
        if arrow is not None:   # trimmed in Arrow; emptied cells cost a copy only if any
            arrow = pc.utf8_trim_whitespace(arrow)
            empty = pc.equal(arrow, "")
            if pc.any(empty).as_py():
                arrow = pc.if_else(empty, pa.scalar(None, arrow.type), arrow)
            return pd.Series(pd.array(arrow, dtype="string"), index=cells.index,
                             name=cells.name)
        if cells.dtype == object:
            cells = cells.map(_cell_text)
        s = cells.astype("string").str.strip()
        return s.mask(s == "")

    def numbers(self, family: str, canonical: str, *, decimal: str | None = None,
                percent: bool = False) -> pd.Series | None:
        """The column carrying ``canonical`` parsed as Float64 numbers; None when absent.

        What the table's notes need is remembered on the way (placeholder cells, numbers read
        as thousands from the delimiter or from a count's shape, another column of the field
        that disagrees); the registry writes them once the table is parsed.
        """
        cells = self.col(family, canonical)
        if cells is None:
            return None
        positions = self.match(family).columns[canonical]
        hint = self.decimal_hint(family)
        out = self._parse_cells(cells, self.table.header[positions[0]], canonical, hint,
                                decimal=decimal, percent=percent)
        if len(positions) > 1:
            self._compare_copies(positions, out, hint[0] if decimal is None else decimal,
                                 percent)
        return out

    def numbers_at(self, pos: int, canonical: str | None = None, *,
                   locale: str | None = None) -> pd.Series:
        """Column ``pos`` parsed as Float64 numbers, as :meth:`numbers` parses a field's
        column (the same decimal hint, here from ``locale``, the language of the headers, and
        the same repair of counts such as ``1.264``), for the formats that find their columns
        by position (LinkedIn's ``Name (organic|sponsored|total)`` sheets)."""
        hint = self._decimal_hint(locale)
        return self._parse_cells(self.table.column(pos), self.table.header[pos], canonical,
                                 hint)

    def _parse_cells(self, cells: pd.Series, header: str, canonical: str | None,
                     hint: tuple[str | None, bool], *, decimal: str | None = None,
                     percent: bool = False) -> pd.Series:
        """``cells`` (of the column ``header``, carrying ``canonical``) as Float64, remembering
        what the notes need (see :meth:`numbers`)."""
        by_locale, by_delimiter = hint
        out = parse_numbers(cells, file=self.name, column=header,
                            first_line=self.table.first_line + 1, decimal=decimal or by_locale,
                            percent=percent, percent_cells=percent or takes_percent(canonical))
        written = _holds_text(cells)
        if canonical in COUNT_FIELDS and decimal is None and not percent:
            out = self._counts_with_dot_thousands(header, cells, out, written)
        if written:
            if out.hasnans and (hit := self.count_placeholders(header, cells)) is not None:
                if canonical is not None:
                    self.no_value[canonical] = hit
            self.count_abbreviated(header, cells, out)
            if by_delimiter and decimal is None and may_contain(cells, "."):
                ambiguous = cells.astype("str").str.strip().str.fullmatch(AMBIGUOUS_DOT)
                if (out[ambiguous.to_numpy()] >= 1000).any():     # read as thousands
                    self.read_by_delimiter.append(header)
        return out

    def _counts_with_dot_thousands(self, header: str, cells: pd.Series,
                                   out: pd.Series, written: bool) -> pd.Series:
        """The cells of a count column such as ``1.250`` that were read as decimals read again
        with ``.`` between thousands (reference §5.4: Turkish-style thousands in an
        English-headed file), or such as ``1,250`` with ``,`` between them (English thousands
        in a French file, or beside one ``1,2K``: 1.25 views): a count has no decimals. Only
        those cells: re-reading the whole column would let one odd cell change how every
        other one reads. The cells repaired are remembered for a note, and the fractions
        left, if any, too (:meth:`_remember_fractions`). ``written``: some of ``cells`` are
        text (:func:`_holds_text`), the only cells read again."""
        repair = self._decimals_of_thousands(cells, out) if written else None
        if repair is not None:
            which, thousands = repair
            self.read_by_count[header] = [
                (int(k), self._where(header, k), str(cells.iloc[k]).strip(),
                 float(thousands.iloc[k])) for k in np.flatnonzero(which)]
            out = out.mask(which, thousands)
        fraction = _not_whole(out)
        if fraction.any():              # a real fraction (62.5): not thousands
            self._remember_fractions(header, cells, out, fraction)
        return out

    @staticmethod
    def _decimals_of_thousands(cells: pd.Series, out: pd.Series
                               ) -> tuple[np.ndarray, pd.Series] | None:
        """Which of ``cells`` are text such as ``1.250`` or ``1,000`` that ``out`` read with
        the mark as a decimal one (below 1000: 1.25, 1), and their values with it between
        thousands (1250, 1000); None when there is none, or when a fraction of another shape
        (``62.5``) says the column's marks are decimal ones. Numbers a workbook stored are
        no text to read again."""
        if not may_contain_any(cells, ".,"):      # no mark in any cell: nothing to re-read
            return None
        text = cells.where(isinstance_cells(cells, str)) if cells.dtype == object else cells
        text = text.astype("string").str.strip()
        below = ((out >= 1) & (out < 1000)).fillna(False).to_numpy(dtype=bool)
        marked = below & text.str.contains(r"[.,]", regex=True).fillna(False).to_numpy(
            dtype=bool)
        if not marked.any():
            return None
        tested = text[marked]
        shaped = np.zeros(len(text), dtype=bool)
        shaped[marked] = (tested.str.fullmatch(AMBIGUOUS_DOT)
                          | tested.str.fullmatch(AMBIGUOUS_COMMA)).fillna(False).to_numpy(
                              dtype=bool)
        if not shaped.any() or (_not_whole(out) & ~shaped).any():
            return None
        thousands = pd.to_numeric(text.where(shaped).str.replace(r"[.,]", "", regex=True),
                                  errors="coerce").astype("Float64")
        return shaped, thousands

    def _where(self, header: str, k: int) -> str:
        """Where data row ``k`` of column ``header`` is, as a note names it: its sheet cell
        (``All posts!F12``) or its line."""
        line = self.table.line_of(k)
        return self.table.cell(self.table.header.index(header), line) or f"line {line}"

    def not_read(self, rows: np.ndarray) -> None:
        """Forget the repaired count cells of ``rows`` (positions in the table), which the
        parser drops (a YouTube ``Total`` row): the note counts and names only the cells of
        rows read, as the summary's own note says it was not."""
        dropped = set(rows.tolist())
        for header, cells in list(self.read_by_count.items()):  # shared by with_table's copy
            kept = [c for c in cells if c[0] not in dropped]
            if kept:
                self.read_by_count[header] = kept
            else:
                del self.read_by_count[header]

    def _remember_fractions(self, header: str, cells: pd.Series, out: pd.Series,
                            fraction: np.ndarray) -> None:
        """Remember the counts of ``header`` that are not whole numbers (``1234,5`` views, a
        decimal typed in a re-saved export, or 0.35 of a cell a spreadsheet converted): no
        platform counts half a view, yet which whole number was meant is not known, so they
        are kept as read, and noted with the first of them."""
        k = int(np.flatnonzero(fraction)[0])
        self.fractions[header] = (int(fraction.sum()), self._where(header, k),
                                  str(cells.iloc[k]).strip(), float(out.iloc[k]))

    def _compare_copies(self, positions: list[int], kept: pd.Series, decimal: str | None,
                        percent: bool) -> None:
        """Remember the rows where another column of the same field (a header repeated, or
        in two languages) holds a different number than the one :meth:`col` kept (an empty
        cell in either is no difference: bilingual files fill one language or the other)."""
        for p in positions[1:]:
            try:
                other = parse_numbers(self.table.column(p), decimal=decimal, percent=percent)
            except SmmError:           # not numbers: the cells read are the first column's
                continue
            n = int((kept.notna() & other.notna() & (other != kept)).fillna(False).sum())
            if n:
                header = self.table.header[p]
                self.conflicts[header] = (self.table.header[positions[0]], n)

    def decimal_hint(self, family: str) -> tuple[str | None, bool]:
        """The decimal mark numbers that fit both readings (``1.234``) follow, and whether it
        comes from the delimiter: a ``;``-delimited file was saved by a spreadsheet where
        ``,`` is the decimal mark (French, Italian, German settings), even when its headers
        are English; otherwise the mark of the headers' language."""
        return self._decimal_hint(self.match(family).locale)

    def _decimal_hint(self, locale: str | None) -> tuple[str | None, bool]:
        """:meth:`decimal_hint` for headers in ``locale``."""
        by_locale = decimal_for_locale(locale)
        if self.table.delimiter == ";" and by_locale != ",":
            return ",", True
        return by_locale, False

    def count_placeholders(self, header: str, cells: pd.Series) -> np.ndarray | None:
        """Remember the cells of ``header`` that a word such as ``--``, ``N/A`` or ``nan``
        left empty (TikTok's ``undefined`` has a note of its own); which they are, None if
        none. Only cells of text count: a workbook's empty cell (None, NaN) is no word, though
        ``str`` writes it ``nan``."""
        if cells.dtype == object:
            cells = cells.where(isinstance_cells(cells, str))
        words = cells.astype("string").str.strip().str.lower()
        hit = words.isin(MISSING - {"", "undefined"}).fillna(False).to_numpy(dtype=bool)
        if not hit.any():
            return None
        first = int(np.flatnonzero(hit)[0])
        self.placeholders[header] = (int(hit.sum()), str(cells.iloc[first]).strip(),
                                     self._where(header, first))
        return hit

    def count_abbreviated(self, header: str, cells: pd.Series, values: pd.Series) -> None:
        """Remember the cells of ``header`` written abbreviated (TikTok's ``1.2K``, ``3M``):
        read as 1200 and 3,000,000, they are rounded, the true count anywhere within half
        their last digit (±50, ±500,000). The first one is kept to show it."""
        if not may_contain_any(cells, "kKmMbB"):  # no suffix in any cell, the usual column
            return
        if cells.dtype == object:
            cells = cells.where(isinstance_cells(cells, str))
        text = cells.astype("string").str.strip()
        hit = text.str.fullmatch(_ABBREVIATED).fillna(False).to_numpy(dtype=bool)
        if not hit.any():
            return
        first = str(text[hit].iloc[0])
        self.abbreviated[header] = (int(hit.sum()), first, float(values[hit].iloc[0]),
                                    _rounding_of(first))

    def expect_numbers(self, family: str, canonicals: list[str]) -> None:
        """Have the CSV pass read these fields as numbers (:meth:`RawTable.expect_numbers`):
        :meth:`numbers` then casts them instead of parsing text. Fields in several columns
        (coalesced) and files of a decimal-comma locale, where ``1.234`` may be a thousand,
        are read as text, and so is the whole body when a count field holds a fraction
        (``1.250``: a thousand, read as :meth:`numbers` reads the text)."""
        m = self.match(family)
        if self.decimal_hint(family)[0] == ",":
            return
        single = {name: pos[0] for name in canonicals
                  if len(pos := m.columns.get(name, [])) == 1}
        # a count's fraction sends the body to the text reading, where 1.250 is a thousand
        self.table.expect_numbers(single.values(), counts=[p for name, p in single.items()
                                                           if name in COUNT_FIELDS])

    def texts_of(self, family: str, canonicals: list[str]) -> dict[str, pd.Series]:
        """:meth:`text` of several fields, on two threads for a long table (Arrow's kernels
        release the GIL)."""
        return _on_two_threads(lambda name: self.text(family, name), canonicals,
                               threads=self.table.n_rows >= THREADED_CONVERSION_ROWS,
                               first_bad=self.first_bad_cell)

    def numbers_of(self, family: str, canonicals: list[str]) -> dict[str, pd.Series | None]:
        """:meth:`numbers` of several fields, on two threads for a long table. When the cells
        of some are not numbers, the error of the first bad cell in the file raises
        (:meth:`first_bad_cell`), whichever field it is in."""
        return _on_two_threads(lambda name: self.numbers(family, name), canonicals,
                               threads=self.table.n_rows >= THREADED_CONVERSION_ROWS,
                               first_bad=self.first_bad_cell)

    @contextmanager
    def numbers_meanwhile(self, family: str, canonicals: list[str]
                          ) -> Iterator[Callable[[], dict[str, pd.Series | None]]]:
        """:meth:`numbers_of` computed on other threads while the ``with`` block reads the
        rest of a long table (its text and times: Arrow's and numpy's kernels release the
        GIL, and one core idled through them). The block gets a function returning the
        numbers, or raising their error, when it needs them; a short table's are computed then,
        on this thread. When the block raises a ParseError (a date not read), the numbers are
        waited for, or read then, and of the two errors the first bad cell in the file raises:
        a bad date on line 21 was named where a bad count on line 8 came first."""
        with run_meanwhile(lambda: self.numbers_of(family, canonicals),
                        threads=self.table.n_rows >= THREADED_CONVERSION_ROWS) as numbers:
            with self.first_bad_cell_among(numbers):
                yield numbers

    @contextmanager
    def first_bad_cell_among(self, *checks: Callable[[], object]) -> Iterator[None]:
        """Run the block (a parse, or part of one); when it raises a ParseError, run ``checks``
        too (each reads cells the block reads, as it reads them), and of all their errors raise
        the first bad cell in the file (:meth:`first_bad_cell`): a parse reading its fields one
        after the other named the first bad field in its own order, a bad date on line 21
        where a bad count on line 8 came first. The checks run on the error path only; they
        should note into :meth:`ParseContext.scratch`, the parse failing anyway."""
        try:
            yield
        except ParseError as err:
            errors = [err]
            for check in checks:
                try:
                    check()
                except ParseError as other:
                    errors.append(other)
            first = self.first_bad_cell(errors)
            if first is not err:
                raise first from first.__cause__
            raise

    def read_all(self, *readers: Callable[[], object]) -> list[object]:
        """What each of ``readers`` (each reading a column's cells) returns, in order. When
        some raise a ParseError, every one is still run and the first bad cell in the file
        raises (:meth:`first_bad_cell`): columns read one after the other named the first bad
        column's cell, a bad count on line 9 where a bad date was on line 3."""
        read = _on_two_threads(lambda k: readers[k](), list(range(len(readers))),
                               threads=False, first_bad=self.first_bad_cell)
        return list(read.values())

    def first_bad_cell(self, errors: list[ParseError]) -> ParseError:
        """Of ``errors`` (each the first bad cell of a column, or of a check of several), the
        one a reader of the file meets first: by line, then by column in the header's order;
        one naming no line or no column of the header after those that do, and ties kept in
        the order given. Called on the error path only."""
        header = self.table.header

        def where(err: ParseError) -> tuple[float, int]:
            line = math.inf if err.line is None else err.line
            return line, header.index(err.column) if err.column in header else len(header)

        return min(errors, key=where)

    def header_of(self, family: str, canonical: str) -> str | None:
        """The raw header of the first column carrying ``canonical``."""
        pos = self.match(family).columns.get(canonical)
        return self.table.header[pos[0]] if pos else None


#: tables at least this long have their columns converted on two threads; on a short one the
#: threads cost more than they save (a 14-post Meta export parsed in 35 ms with them, 25 without)
THREADED_CONVERSION_ROWS = 20_000


@contextmanager
def run_meanwhile(fn: Callable[[], object], *, threads: bool) -> Iterator[Callable[[], object]]:
    """``fn()`` computed on another thread while the ``with`` block runs (in a copy of the
    caller's context); the block gets a function returning its result, or raising its error.
    Without ``threads``, ``fn`` runs when the block asks for it, on this thread."""
    if not threads:
        yield fn
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool.submit(contextvars.copy_context().run, fn).result


def _on_two_threads(fn: Callable[[str], object], names: list[str], *,
                    threads: bool = True,
                    first_bad: Callable[[list[ParseError]], ParseError] | None = None
                    ) -> dict[str, object]:
    """``{name: fn(name)}`` computed on two threads (one after the other without ``threads``).
    When calls raise a ParseError, every name is still called, and the error ``first_bad``
    picks of theirs raises (without it, the first name's in order); any other error raises at
    once. Each call runs in a copy of the caller's context (the brand's synonyms, see
    ``_headers``)."""
    names = list(dict.fromkeys(names))

    def call(context: contextvars.Context | None, name: str) -> object:
        try:
            return fn(name) if context is None else context.run(fn, name)
        except ParseError as err:
            return _Failed(err)

    if threads:
        calls = [(contextvars.copy_context(), name) for name in names]
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda c: call(*c), calls))
    else:
        results = [call(None, name) for name in names]
    errors = [r.error for r in results if isinstance(r, _Failed)]
    if errors:
        raise (first_bad or (lambda found: found[0]))(errors)
    return dict(zip(names, results, strict=True))


@dataclass(frozen=True)
class _Failed:
    """The ParseError a call of :func:`_on_two_threads` raised, kept while the others run."""

    error: ParseError


def two_labels(cond: object, yes: str, no: str) -> pd.Series:
    """A categorical Series: ``yes`` where ``cond`` is true, else ``no`` (fast for 1M rows)."""
    c = pd.Series(cond)
    codes = c.fillna(False).to_numpy(dtype=bool).astype("int8")
    return pd.Series(pd.Categorical.from_codes(codes, categories=[no, yes]), index=c.index)


def _cell_text(v: object) -> object:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e20:
        return str(int(v))
    if isinstance(v, (pd.Timestamp, datetime.datetime, datetime.date)):
        return v.isoformat(sep=" ") if isinstance(v, datetime.datetime) else v.isoformat()
    return "" if v is None else v


@dataclass
class ParseContext:
    """Per-table state given to ``parse``: the file name, its quality log, and the workbook
    sheet the table is on (None for a CSV)."""

    file: str
    log: QualityLog
    sheet: str | None = None

    def note(self, code: str, message: str, *, level: str = "warning",
             rows: int | None = None, columns: Sequence[str] | None = None,
             missing: MissingMetrics | None = None) -> None:
        """Record a quality note about this table (naming its sheet, if any); ``columns``:
        the headers it says were not read, ``missing``: the metrics it says the table lacks
        (:meth:`~smmanalytics.quality.QualityLog.add`)."""
        self.log.add(self.file, code, message, level=level, rows=rows, sheet=self.sheet,
                     columns=columns, missing=missing)

    def scratch(self) -> ParseContext:
        """This table's context with a log of its own, whose notes are not kept: for a
        reading tried and perhaps not taken, or made on the error path only."""
        return ParseContext(self.file, QualityLog(), self.sheet)


def header_where(table: RawTable) -> str:
    """Where the line taken as a table's header is: ``its header read on line 4`` (``row 4``
    of a sheet), so that a file refused says which line was read as its header (a title
    above it, a header further down under a preamble the formats did not recognise)."""
    return f"its header read on {'row' if table.sheet else 'line'} {table.first_line}"


#: the fields holding a post's id, read by :meth:`Candidate.read_ids`
ID_FIELDS = frozenset({"post_id"})

#: the text fields that join a row to another table's (a GA4 campaign to its cost line, a
#: source to its platform, an account to the brand's) and so lose their invisible characters
#: (:meth:`Candidate.read_keys`): a BOM a spreadsheet's paste left in ``automne-2026`` made a
#: campaign that matched no cost line
KEY_FIELDS = frozenset({"campaign", "source_medium", "source", "medium", "channel_group",
                        "landing_page", "account_id", "account_handle", "account_name"})

#: fields that count things (whole numbers): a ``1.250`` in one is a thousand and more. Every
#: field whose reference definition (platform-exports §11, DESIGN §3) is a count of people,
#: views or actions; not GA4's ``key_events``, which an attribution model may split between
#: sources (``2.5``), nor durations, rates, averages (``events_per_session``) or amounts
COUNT_FIELDS = frozenset(set(schema.METRICS) - {"watch_time_s"}) | {
    "likes", "replies", "reposts", "bookmarks", "unfollows", "net_follows", "followers_total",
    "profile_visits", "sessions", "engaged_sessions", "post_views", "subscribers_gained",
    "subscribers_lost", "net_subscribers",
    # LinkedIn's daily sheets (read by position, :meth:`Candidate.numbers_at`)
    "unique_impressions", "follows_organic", "follows_sponsored", "follows_auto_invited",
    "page_views", "unique_visitors", "offsite_views",
    # TikTok (English headers in every language, so an Italian export's "1.474" is only
    # told from 1.474 by being a count): FollowerActivity, Viewers, Overview's older columns
    "online_followers", "viewers", "new_viewers", "returning_viewers", "reached_audience",
    "views_7d",
    # YouTube Studio
    "unique_viewers", "engaged_views", "premium_views", "dislikes",
    # X: the daily and content columns, and the promoted (paid) copy of each count
    "engagements", "media_views", "media_engagements", "posts_published", "detail_expands",
    "hashtag_clicks", "permalink_clicks", "app_installs", "app_opens", "dial_phone",
    "email_tweet", "promoted_impressions", "promoted_engagements", "promoted_likes",
    "promoted_reposts", "promoted_comments", "promoted_follows", "promoted_link_clicks",
    "promoted_profile_visits", "promoted_media_views", "promoted_media_engagements",
    "promoted_detail_expands", "promoted_hashtag_clicks", "promoted_permalink_clicks",
    "promoted_app_installs", "promoted_app_opens", "promoted_dial_phone",
    "promoted_email_tweet",
    # Meta Business Suite, and the legacy Insights export's organic/paid/fans splits
    "reach_organic", "reach_boosted", "views_organic", "views_boosted", "video_views_organic",
    "video_views_1min", "viewers_3s", "viewers_1min", "reels_plays", "qualified_views",
    "sticker_taps", "clicks_other", "clicks_photo", "neg_hide", "neg_hide_all", "navigation",
    "ad_impressions", "impressions_organic", "impressions_paid", "impressions_fans",
    "reach_paid", "reach_fans", "video_views_paid", "consumers", "consumptions",
    "engaged_users", "engaged_fans",
    # Pinterest's audiences, GA4's users and events
    "total_audience", "engaged_audience", "active_users", "new_users", "total_users",
    "event_count"}


def _holds_text(cells: pd.Series) -> bool:
    """Whether some of a number column's ``cells`` are text, whose writing the notes look at
    again (``--``, ``1.2K``, ``1.250``): a text column's, not a workbook's column of numbers
    it stored (and empty cells), the most common, whose every such look found nothing."""
    if pd.api.types.is_numeric_dtype(cells.dtype):
        return False
    return cells.dtype != object or bool(isinstance_cells(cells, str).any())


def _not_whole(values: pd.Series) -> np.ndarray:
    """Which of ``values`` are numbers with a fraction (1.25): in a count, a cell misread.
    In numpy: the same test through pandas' masked arrays cost a short column ten times more."""
    numbers = values.to_numpy(dtype="float64", na_value=np.nan)
    return ~values.isna().to_numpy(dtype=bool) & (numbers != np.round(numbers))


#: a field that is a rate (engagement_rate, platform_ctr, avg_pct_viewed…) or an audience's
#: share (TikTok's ``Distribution``: ``76%``): the only fields whose cells may be written with
#: ``%``; in a count or an amount, ``12%`` is bad input
_RATE_NAME = re.compile(r"(?:^|_)(?:rate|ctr|pct|distribution|percent|percentage)(?:_|$)")


def takes_percent(canonical: str | None) -> bool:
    """Whether a cell of the field ``canonical`` may be written with ``%`` (a fraction: 12% =
    0.12): a rate or a share (:data:`_RATE_NAME`), or a field not known (None)."""
    return canonical is None or _RATE_NAME.search(canonical) is not None


#: a number written with a thousands or millions suffix (``1.2K``, ``1,2 k``, ``-3M``); not a
#: raw string: the minus sign is the character itself, as Arrow's RE2 refuses ``\u``
_ABBREVIATED = "[-+\u2212]?\\d+(?:[.,]\\d+)?\\s*[kKmMbB]"


_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9}


def _rounding_of(cell: str) -> float:
    """How far the true value of an abbreviated cell may be from what it reads: half a unit
    of its last digit (``1.2K``: 50; ``3M``: 500,000; ``1,25 k``: 5)."""
    digits = cell.rstrip().rstrip("kKmMbB").rstrip()
    decimals = len(re.split(r"[.,]", digits)[1]) if re.search(r"[.,]", digits) else 0
    return 0.5 * 10 ** -decimals * _SUFFIX[cell.rstrip()[-1].lower()]
