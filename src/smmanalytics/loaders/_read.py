"""Reading a file: its sources and tables, each matched to a registered format and parsed.

1. :func:`~smmanalytics.loaders._sources.iter_sources` yields the file or its zip members;
2. :func:`~smmanalytics.loaders._sources.read_tables` sniffs each into raw tables (CSV text
   tables, or workbook sheets);
3. every registered format's ``detect(candidate)`` scores each table in [0, 1]; the best score
   of at least 0.5 wins (ties: registration order; ``_registry.detect_format``);
4. its ``parse(candidate, ctx)`` returns canonical tables (DataFrames whose ``attrs`` give
   ``platform``, ``kind``, ``source_format``, ``source_locale`` and optionally ``as_of``, a UTC
   Timestamp read from the file itself); notes go to ``ctx.log``. Before it, the rows of a
   posts table with none of the format's ``keys`` filled that are totals are dropped
   (``_summary``); after it, a metric the format ``expects`` that the table lacks is warned
   of (``_expected``);
5. :func:`~._finish.finish` adds the audit columns (``source_file``, ``snapshot_at``, the
   latter from ``_snapshot``), computes posts' ``interactions`` when not exported, and
   conforms and validates against :mod:`schema`.

:func:`parse_source` is what :func:`smmanalytics.load` calls per source (through the cache);
:func:`read_file` and :func:`read_export` read one file for a user, refusing a brand's
settings files and naming whose export a file is when it is not of the platform asked for.

Apart from the registry (``_registry``, the formats and how they are chosen) because this is
the pipeline that uses it: sources, tables, the error and note of a file no format
understands, and the one-file API.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .._args import path_of, platform_name
from ..errors import ArgumentError, ParseError, SmmError, UnknownFormatError
from ..quality import QualityLog, a_or_an
from ..schema import shown_platform
from ._candidate import Candidate, ParseContext, header_where
from ._expected import note_missing_metrics
from ._finish import finish, note_blank_headers, note_numbers, note_repeated_headers
from ._folder import BRAND_FILES, SIDE_FILES, SYNONYMS_FILE, looks_like_export
from ._headers import families, language_hint, shares_half_the_names, synonyms
from ._preamble import headers_below
from ._registry import (
    FAMILY_NAMES,
    KINDS,
    KNOWN_PLATFORMS,
    Format,
    detect_format,
    find_format,
    formats,
)
from ._snapshot import export_snapshot, latest_post, mark_range_end, mtime_before_rows
from ._sniff import RawTable
from ._sources import LARGE, Source, iter_sources, note_skipped, read_tables

__all__ = ["parse_source", "read_file", "read_export"]


def parse_source(src: Source, log: QualityLog, *, fmts: list[Format] | None = None
                 ) -> tuple[list[pd.DataFrame], bool]:
    """Parse every table of one source; return ``(frames, understood)``.

    Tables no format recognises are noted ``not_understood``. Frames are finished
    (:func:`finish`) with the file's snapshot. Errors other than SmmError raised by a parser are
    wrapped into ParseError naming the file.
    """
    try:
        return _parse_source(src, log, formats() if fmts is None else fmts)
    except SmmError:
        raise
    except Exception as exc:  # never let anything but SmmError escape a file
        raise ParseError(f"unexpected error while reading: {type(exc).__name__}: {exc}",
                         file=src.name) from exc


def _parse_source(src: Source, log: QualityLog, fmts: list[Format]
                  ) -> tuple[list[pd.DataFrame], bool]:
    frames, understood = _parse_tables(src, log, fmts)
    if len(src.data) > LARGE:
        # the raw tables died with _parse_tables: give their pages (the cells of a big
        # export, hundreds of MB) back to the system instead of keeping them in Arrow's pool
        # while pandas allocates the finished frames elsewhere; this lowers the peak memory
        pa.default_memory_pool().release_unused()
    if frames and mtime_before_rows(src, frames, log):
        src = replace(src, mtime=None)      # no bound, as for a file without one
    snap, stated, guessed = export_snapshot(src, frames, log) if frames else (pd.NaT, False, False)
    if stated:
        mark_range_end(src, frames, log)
    out = [finish(df, src, snap, log, snapshot_stated=stated, snapshot_guessed=guessed)
           for df in frames]
    if guessed:
        # the merge keeps a snapshot the export states over this one, unless this export's
        # latest post is later than that snapshot (_merge.merge_table)
        floor = latest_post(frames)
        for df in out:
            df.attrs["snapshot_guessed"] = True
            df.attrs["snapshot_floor"] = floor
    return out, understood


#: how much of a header a note shows: a text file's first line (a script's docstring) can be
#: a thousand characters long
_HEADER_SHOWN = 40


def _shown_headers(header: list) -> str:
    """The first six headers of a table, as a list, each cut to :data:`_HEADER_SHOWN`
    characters (``…`` marks the cut)."""
    return repr([h if not isinstance(h, str) or len(h) <= _HEADER_SHOWN
                 else h[:_HEADER_SHOWN - 1] + "…" for h in header[:6]])


def _unnamed(cand: Candidate) -> str | None:
    """Why a table of the headers of an export told by its name is not read (the format's
    ``unnamed``): a renamed YouTube ``Totals.csv`` was advised a synonyms.csv row, for headers
    ``Date,Views`` the synonyms already hold."""
    return next((said for fmt in formats() if fmt.unnamed is not None
                 and (said := fmt.unnamed(cand)) is not None), None)


def _near_miss(cand: Candidate) -> str | None:
    """What to say of a table no format claims whose headers are mostly those of one
    family's exports (a column deleted or renamed by hand): ", though 26 of its 26 headers
    are those of a Meta Business Suite export, which also has 'heure de publication'…".
    None when no family has most of them.

    The columns named are those whose header, added, would make a format of any platform
    claim the table (each tried in the file's language, else in English), as the family is
    any platform's: tried on the formats of the platform asked for (``platform="tiktok"``),
    none made a Meta export's, which read "a column such an export needs is missing"."""
    headers = [h for h in cand.table.header if str(h).strip()]
    best = None
    for family in families():
        m = cand.match(family)
        known = sum(len(p) for p in m.columns.values())
        if best is None or known > best[1]:
            best = (family, known, m)
    # all its headers but one or two (one in ten): a TikTok table in a language not known yet
    # shares "Date" and "Comments" with Meta's, not most of its headers
    if best is None or best[1] < 3 or len(best[2].unknown) > max(2, len(headers) // 10):
        return None
    family, known, m = best
    who = FAMILY_NAMES.get(family, family)
    lang = m.locale.split("-")[0]
    names: dict[str, str] = {}
    for syn in synonyms():              # one header per field: the file's language first
        if syn.family == family and not syn.prefix and syn.canonical not in m.columns and (
                syn.canonical not in names or syn.lang == lang):
            names[syn.canonical] = syn.header
    needed = [header for header in names.values()
              if detect_format(Candidate(cand.source, replace(cand.table, header=[
                  *cand.table.header, header]), cand.tables), formats())[0] is not None]
    missing = (f", which also has {' or '.join(map(repr, needed[:3]))} (deleted by hand?)"
               if needed else ": a column such an export needs is missing")
    renamed = (f"; its headers no {who} export has: {m.unknown!r} (renamed by hand, or in a "
               "language a synonyms.csv in the brand folder can add?)" if m.unknown else "")
    return (f", though {known} of its {len(headers)} headers are those of "
            f"{a_or_an(who)} export{missing}{renamed}")


def _parse_tables(src: Source, log: QualityLog, fmts: list[Format]
                  ) -> tuple[list[pd.DataFrame], bool]:
    """Parse every raw table of ``src`` with the format that claims it; return
    ``(frames, understood)``."""
    tables = read_tables(src, log)
    frames: list[pd.DataFrame] = []
    understood = False
    unknown: list[Candidate] = []       # the tables no format claims
    if not tables:
        log.add(src.name, "not_understood", "no table found in the file (empty, or not a "
                "CSV/Excel export)", level="warning")
    for table in tables:
        if dropped := table.without_empty_unnamed_tail():
            log.add(src.name, "empty_columns_ignored", f"{dropped} column(s) without a name "
                    f"and without a value on any row, after {table.header[-1]!r} (a ',' at "
                    "the end of every line?), were ignored", level="info", sheet=table.sheet)
        cand = Candidate(src, table, tables)
        fmt, score = detect_format(cand, fmts)
        if fmt is None:
            fmt, below = _header_below(cand, fmts, log)
            if fmt is None:
                unknown.append(cand)
                continue
            cand, table = below, below.table
        understood = True
        ctx = ParseContext(src.name, log, table.sheet)
        try:
            out = _with_later_blocks(fmt, cand, _parsed(fmt, cand, ctx), ctx, fmts)
        except SmmError as exc:
            # whose export it is, and of what, though it cannot be read: the files table
            # keeps it (X's content export with a broken date is X's, not a file of any
            # platform; a Meta follows file holds no posts)
            exc.platforms, exc.kinds = fmt.platforms, fmt.kinds
            raise
        if out and not any(len(df) for df in out) and not any(
                e["code"] == "empty_file" for e in log.entries):
            ctx.note("empty_file", _empty_message(fmt, out), level="info")
        for df in out:
            df.attrs.setdefault("source_format", fmt.name)
            df.attrs.setdefault("platform", fmt.platform)
            df.attrs.setdefault("source_locale", "en-US")
            if table.sheet:
                df.attrs.setdefault("sheet", table.sheet)
        frames.extend(out)
    _note_not_understood(src, unknown, understood, log)
    return frames, understood


def _empty_message(fmt: Format, out: list[pd.DataFrame]) -> str:
    """The note of an export read with its headers and no row, naming whose it is: the
    platform its parser told (a Meta follows file's, by its title or name), or its format's
    one platform; else that it could not be told among the format's. "the table has its
    headers but no rows" named no platform, where the files table gave Facebook."""
    alone = fmt.platform if len(fmt.platforms) == 1 else None
    whose = sorted({str(p) for df in out if (p := df.attrs.get("platform", alone))})
    said = "has its headers but no rows (nothing in its period, or an export cut short?)"
    if whose:
        return f"the {' and '.join(map(shown_platform, whose))} table {said}"
    return (f"the table {said}; whose it is, {' or '.join(map(shown_platform, fmt.platforms))}, "
            "could not be told (its title and name do not say)")


def _header_below(cand: Candidate, fmts: list[Format], log: QualityLog
                  ) -> tuple[Format | None, Candidate | None]:
    """The format that claims ``cand``'s table read with its header further down, under
    lines of title, date range and filters (``_preamble.headers_below``), and that table;
    ``(None, None)`` when none does. Its preamble is noted, with the lines it spans."""
    for table in headers_below(cand.table):
        below = Candidate(cand.source, table, cand.tables)
        fmt, _ = detect_format(below, fmts)
        if fmt is None:
            continue
        shown = " / ".join(repr(t[:60]) for t in table.meta["preamble"].splitlines()[:4])
        lines = table.meta["preamble_lines"]
        log.add(cand.source.name, "preamble_lines", f"line{'s' * ('-' in lines)} {lines} "
                f"above the header (line {table.first_line}) read as the export's title and "
                f"filters: {shown}", level="info")
        return fmt, below
    return None, None


def _note_not_understood(src: Source, unknown: list[Candidate], understood: bool,
                         log: QualityLog) -> None:
    """Note the tables of ``src`` no format claims: each, beside tables that were read (a
    sheet of a workbook the others of which are exports); one note for the file when none
    was, whatever its number of tables (a README.md's headings are taken for the '#' lines
    that start each table of a GA4 export: its sections gave a note each)."""

    def hint(cand: Candidate) -> str:
        """The near miss, or how to have the table read: a synonyms.csv row, of a family it
        takes (one it refuses was advised for LinkedIn's demographic sheets, told by their
        names: no synonyms.csv row names a sheet). A file not named as an export is (a
        notes.txt) is no export in another language: the synonyms advice is not for it."""
        sheet = ("; a sheet told by its name, as LinkedIn's demographic sheets are, cannot be"
                 if cand.table.sheet and understood else "")
        advice = f" ({language_hint(sheet=sheet)})" if looks_like_export(src.name) else ""
        return _unnamed(cand) or _near_miss(cand) or advice

    if understood or len(unknown) == 1:
        for cand in unknown:
            log.add(src.name, "not_understood", f"table with headers "
                    f"{_shown_headers(cand.table.header)} matches no known export format, "
                    f"{header_where(cand.table)}{hint(cand)}", level="warning",
                    sheet=cand.table.sheet)
    elif unknown:
        first = unknown[0]
        sheet = f" (sheet {first.table.sheet!r})" if first.table.sheet else ""
        log.add(src.name, "not_understood", f"none of its {len(unknown)} tables matches a "
                f"known export format: the first{sheet} has headers "
                f"{_shown_headers(first.table.header)}, {header_where(first.table)}{hint(first)}",
                level="warning")


def _parsed(fmt: Format, cand: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    """The frames ``fmt`` parses of ``cand``, its numbers' notes written; a ParseError names
    the row's own line, another error is wrapped into one naming the file."""
    table = cand.table
    if fmt.keys and "posts" in fmt.kinds:
        keys = [p for k in fmt.keys for p in cand.match(fmt.family).columns.get(k, [])]
        if keys:
            table.drop_summaries_without(keys, cand.decimal_hint(fmt.family)[0],
                                         fmt.own_total)
    start = len(ctx.log.entries)
    try:
        out = fmt.parse(cand, ctx)
    except ParseError as raised:
        exc = cand.copy_at_fault(raised)
        # a quoted cell never closed is at fault, where it opens, not the cell that the
        # parser met shifted after it; a header of another export of as many columns, not its
        # cell; else the row's own line, rows of no data counted
        if (header := table.other_header_at(exc)) is not None:
            line, row, pasted_at = header
            raise _another_export(fmt, cand.name, line, row, pasted_at=pasted_at,
                                  table=table) from raised
        raise table.unclosed_quote() or table.relocated(exc) from raised.__cause__
    except SmmError:
        raise
    except Exception as exc:
        where = f" (sheet {table.sheet!r})" if table.sheet else ""
        raise ParseError(f"unexpected error while parsing as {fmt.name}{where}: "
                         f"{type(exc).__name__}: {exc}", file=cand.name) from exc
    note_numbers(cand, ctx)
    note_repeated_headers(fmt, cand, ctx)
    note_blank_headers(fmt, cand, ctx)
    if cand.no_value:
        _keep_no_value(cand, out)
    if cand.table.cut_row is not None:
        _keep_cut_row(fmt, cand, out)
    if fmt.expects or fmt.expects_on:
        note_missing_metrics(fmt, cand, out, ctx, since=start)
    return out


def _keep_no_value(cand: Candidate, out: list[pd.DataFrame]) -> None:
    """Name, in ``attrs["no_value"]`` (field → post ids), the posts of a frame of one row per
    row of the table whose figure was a cell holding no value (:attr:`Candidate.no_value`):
    unlike an empty cell, the export's own figure, it tells nothing, and the merge takes an
    older export's figure for it (``_merge._older_figures``). A frame of other rows than the
    table's is left without: which post's cell it was is not known."""
    for df in out:
        if df.attrs.get("kind") != "posts" or "post_id" not in df.columns:
            continue
        ids = {c: df["post_id"][hit].dropna().astype(str).tolist()
               for c, hit in cand.no_value.items() if c in df.columns and len(hit) == len(df)}
        if any(ids.values()):
            df.attrs["no_value"] = {c: v for c, v in ids.items() if v}


def _keep_cut_row(fmt: Format, cand: Candidate, out: list[pd.DataFrame]) -> None:
    """Name, in ``attrs["cut_off"]`` (post id, line, fields), the post of the last row of a
    posts frame whose file was cut off inside that row (``RawTable.cut_row``), and the fields
    the cut lost: those missing on the row, but for the columns read whole before the cut
    (a blank cell there is the export's own figure). The merge takes them from an older
    export of the post (``_merge._completed_cut_rows``): a Facebook export of 15 November cut
    inside a caption lost its post's publish time and figures, and its partial row replaced
    the complete row of the export of 2 November, the post leaving October's figures.

    None when the cut lost the post id's cell: the cut row's id is then unknown (``17900``
    of ``17900000000000003`` is left missing, never matched to another post), and the frame's
    last row may be the whole row before it (the cut one skipped, every cell empty), whose
    blank cells were taken for cells the cut lost. The platform counts as lost too where the
    format's rows tell theirs by their cells (Meta's posts export: the link, the post type,
    the handle): an Instagram row cut inside its ``Account ID`` was read as Facebook's, and
    matched no older row of its post."""
    line, first_lost = cand.table.cut_row
    columns = cand.match(fmt.family).columns
    if (ids := _id_columns(columns)) and min(ids) >= first_lost:
        return
    for df in out:
        if df.attrs.get("kind") != "posts" or "post_id" not in df.columns or not len(df) \
                or pd.isna(post := df["post_id"].iloc[-1]):
            continue
        last = df.iloc[-1]
        lost = [c for c in df.columns if pd.isna(last[c])
                and min(columns.get(c) or [first_lost]) >= first_lost]
        if len(fmt.platforms) > 1 and "platform" in df.columns and "platform" not in lost:
            lost.append("platform")
        df.attrs["cut_off"] = {"post_id": str(post), "line": line, "fields": lost}


def _id_columns(columns: dict[str, list[int]]) -> list[int]:
    """The columns a post's id is read from: its own (Meta's ``Post ID``, X's ``Tweet id``,
    YouTube's ``Content``), else its link's (TikTok's ``Video link``, LinkedIn's ``Post
    link``: the id in the URL). None matched (a format of neither): the cut row's parsed id
    tells whether the cut lost it. Looking for ``post_id`` alone, every TikTok cut looked like
    one inside the id, and its cut row was never completed from the older export."""
    return columns.get("post_id") or columns.get("permalink") or []


def _with_later_blocks(fmt: Format, cand: Candidate, out: list[pd.DataFrame],
                       ctx: ParseContext, fmts: list[Format]) -> list[pd.DataFrame]:
    """``out``, the frames of ``cand``'s table, with those of the rows its cells ended before:
    a header of other columns among the rows (``RawTable.next_block``), two exports pasted
    one under the other whose columns differ (Meta's posts have 32, 33 or 34 columns, by the
    date and the page). Each block is read under its own header and joined to the frame of
    its kind, the columns of both kept, and noted; a block that is no export of the same
    format, platforms and kinds is a ParseError naming its header's line."""
    table = cand.table
    while (block := table.next_block) is not None:
        later = Candidate(cand.source, block, cand.tables)
        # an export of the same kind shares most of the header's names (a format that knows
        # its sheet by name claims any header in it: a Facebook one in LinkedIn's 'All posts')
        shared = shares_half_the_names(block.norm, table.norm)
        more = _parsed(fmt, later, ctx) if shared and detect_format(later, fmts)[0] is fmt else None
        if more is None or _platforms_and_kinds(more) != _platforms_and_kinds(out):
            raise _another_export(fmt, cand.name, block.first_line, block.header,
                                  pasted_at=block.pasted_at, table=block)
        out = [_joined(a, b) for a, b in zip(out, more, strict=True)]
        ctx.note("header_changed", f"{table.header_changed(block)}: two exports with "
                 "different columns pasted one under the other; each block was read under "
                 "its own header, a column one lacks left empty in its rows", level="info")
        table = block
    return out


def _another_export(fmt: Format, name: str, line: int, header: list, *,
                    pasted_at: tuple[int, int] | None = None, table: RawTable) -> ParseError:
    """The error of a header of other columns, on ``line``, under the rows of a ``fmt``
    export: another export pasted there. With ``#`` lines above that header, its preamble
    (``pasted_at``: their first line and its cell's column), the error names the line where
    the pasted export starts and says on which its header is ("… another export: pasted from
    this line, its '#' preamble above its header on line 16"); in a sheet (``table``'s),
    the cell too."""
    cells = [str(h).strip() for h in header if pd.notna(h) and str(h).strip()]
    reason = "a header of other columns starts rows of another export"
    column = next((i for i, h in enumerate(header) if pd.notna(h) and str(h).strip()), 0)
    if pasted_at is not None:
        reason += f": pasted from this line, its '#' preamble above its header on line {line}"
        line, column = pasted_at
    return ParseError(reason, file=name, line=line,
                      cell=table.cell(column, line),
                      expected=f"rows of the {fmt.description} above, or its header again",
                      got=", ".join(cells[:4]) + (", …" if len(cells) > 4 else ""))


def _platforms_and_kinds(frames: list[pd.DataFrame]) -> list[tuple[frozenset, str]]:
    """The platforms and kind of each frame, in order."""
    return [(frozenset(df["platform"].dropna().astype(str)) if "platform" in df.columns
             else frozenset({str(df.attrs.get("platform"))}), df.attrs["kind"])
            for df in frames]


def _joined(first: pd.DataFrame, then: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``first`` then of ``then`` (the columns of both), with ``first``'s attrs."""
    out = pd.concat([first, then], ignore_index=True)
    out.attrs = dict(first.attrs)
    return out


def _iter_parsed(path, platform: str | None) -> Iterator[pd.DataFrame]:
    fmts = formats(platform) if platform is not None else None
    walk = QualityLog()     # an archive's members skipped (a damaged supplement)
    parsed = []
    for src in iter_sources(path):
        if src.skipped:
            note_skipped(src, walk)
            continue
        if src.damage is not None:    # one export: any other damaged member fails it
            raise src.damage
        if src.zip_info is not None:  # a zipped brand folder's settings files
            _refuse_settings(src.name, member=src.basename)
        log = QualityLog()
        frames, understood = parse_source(src, log, fmts=fmts)
        if not understood:
            raise _not_understood(src, log, platform)
        if platform is not None and (others := _rows_of_others(frames, platform)):
            raise _of_another_platform(src, frames, others, platform)
        if platform is not None:
            frames = _callers_platform(src, frames, platform, log)
        parsed.append((log, frames))
    for log, frames in parsed:    # once the walk is over, its notes go with every table
        # each table gets the file's notes and those of its own sheet, not its sibling
        # tables'; the notes of a sheet that gave no table (read with another, or left
        # aside) go with every table, as the file's do
        tabled = {df.attrs.get("sheet") for df in frames}
        for df in frames:
            sheet = df.attrs.get("sheet")
            df.attrs["quality"] = [e for e in log.entries
                                   if e.get("sheet") in (None, sheet) or e["sheet"] not in tabled
                                   ] + walk.entries
            yield df


def _not_understood(src: Source, log: QualityLog, platform: str | None
                    ) -> UnknownFormatError:
    """The error of a file no format of ``platform`` (of any platform, without it) reads. A
    file the format of another platform reads is said to be that platform's export: a
    Facebook posts export read with ``platform="tiktok"`` matched "no known export format",
    expected "an export of facebook, instagram, …", and had "a column such an export needs"
    missing; the platform asked for was never named."""
    if platform is None:
        return UnknownFormatError("no known export format matches this file", file=src.name,
                                  expected="an export of " + ", ".join(KNOWN_PLATFORMS),
                                  got="; ".join(e["message"] for e in log.entries)[:300])
    asked = platform_name(platform, KNOWN_PLATFORMS)
    expected = f"{_a(asked)} {asked} export"
    whose = _whose_export(src)
    if whose is None:
        return UnknownFormatError("no known export format matches this file", file=src.name,
                                  expected=expected,
                                  got="; ".join(e["message"] for e in log.entries)[:300])
    return _whose_error(src, *whose, expected=expected)


def _whose_error(src: Source, platforms: list[str], kinds: list[str], who: str, *,
                 expected: str) -> UnknownFormatError:
    """The error saying ``src`` is the export of ``platforms`` (its ``kinds`` of table, made
    by ``who``), not the ``expected`` one."""
    named = ", ".join(platforms)
    what = " ".join(filter(None, (named, " and ".join(kinds))))
    return UnknownFormatError(
        f"this is {_a(what)} {what} export{f' ({who})' if who else ''}, not {expected}: load it "
        f"without platform=, or with platform={platforms[0]!r}", file=src.name,
        expected=expected, got=f"{_a(named)} {named} export")


def _rows_of_others(frames: list[pd.DataFrame], platform: str) -> list[str]:
    """The platforms of the rows of ``frames`` when none is ``platform``'s: a format that
    serves two platforms (Meta Business Suite's, Facebook's and Instagram's) reads the file
    asked for as Instagram's and finds Facebook's posts. Empty when some row is the platform's,
    or no row names a platform (a Meta chart naming none)."""
    asked = platform_name(platform, KNOWN_PLATFORMS)
    seen = [str(p) for df in frames if "platform" in df.columns
            for p in df["platform"].dropna().unique()]
    return [] if not seen or asked in seen else list(dict.fromkeys(seen))


def _callers_platform(src: Source, frames: list[pd.DataFrame], platform: str,
                      log: QualityLog) -> list[pd.DataFrame]:
    """``frames`` with their rows naming no platform given ``platform``, the caller's: a Meta
    chart ("Views") or audience file says neither Facebook nor Instagram, and
    ``read_export(chart, platform="instagram")`` returned its rows without a platform, the
    caller's word lost. The ``platform_unknown`` note of the file gives way to one saying
    where the platform came from (``platform_from_caller``). A file naming another platform
    is refused before (:func:`_rows_of_others`)."""
    asked = platform_name(platform, KNOWN_PLATFORMS)
    out, taken = [], 0
    for df in frames:
        missing = df["platform"].isna() if "platform" in df.columns else None
        if missing is None or not missing.any():
            out.append(df)
            continue
        given = df["platform"].astype("string").fillna(asked)
        filled = df.assign(platform=given.astype(
            "category" if isinstance(df["platform"].dtype, pd.CategoricalDtype)
            else df["platform"].dtype))
        filled.attrs = {**df.attrs, "platform": df.attrs.get("platform") or asked}
        out.append(filled)
        taken += int(missing.sum())
    if taken:
        log.entries[:] = [e for e in log.entries if e["code"] != "platform_unknown"]
        log.add(src.name, "platform_from_caller", f"{taken} rows name no platform (nor does "
                f"the file's name): taken as {asked}'s, the platform= it was read with",
                level="info", rows=taken)
    return out


def _of_another_platform(src: Source, frames: list[pd.DataFrame], platforms: list[str],
                         platform: str) -> UnknownFormatError:
    """The error of a file read with ``platform=`` whose rows are all another platform's:
    ``read_export(facebook_export, platform="instagram")`` returned Facebook's posts."""
    asked = platform_name(platform, KNOWN_PLATFORMS)
    return _whose_error(src, platforms, *_made(frames), expected=f"{_a(asked)} {asked} export")


def _a(word: str) -> str:
    """The article of a platform's name: "an instagram", "an x" (said "ex"), "a tiktok"."""
    return "an" if word[:1] in "aeiox" else "a"


def _whose_export(src: Source) -> tuple[list[str], list[str], str] | None:
    """The platforms, kinds of table and exporter (Meta Business Suite…) of ``src`` read by
    every format, in their order; None when no format reads it, or one that claims it fails
    (its own error is then no answer to the format asked for)."""
    try:
        frames, understood = parse_source(src, QualityLog())
    except SmmError:
        return None
    if not understood or not frames:
        return None
    platforms = list(dict.fromkeys(str(df.attrs["platform"]) for df in frames))
    return platforms, *_made(frames)


def _made(frames: list[pd.DataFrame]) -> tuple[list[str], str]:
    """The kinds of table of ``frames`` (read from one file) and who made the export (Meta
    Business Suite…; "" when its format names no family)."""
    kinds = list(dict.fromkeys(str(df.attrs["kind"]) for df in frames if df.attrs.get("kind")))
    fmt = find_format(str(frames[0].attrs.get("source_format")))
    who = FAMILY_NAMES.get(fmt.family, fmt.family) if fmt is not None and fmt.family else ""
    return kinds, who


def read_file(path: str | Path, *, platform: str | None = None) -> list[pd.DataFrame]:
    """Every canonical table in one export file (or in every member of a zip archive).

    Raises
    ------
    UnknownFormatError
        when no registered format recognises a file;
    UnknownPlatformError
        when ``platform`` is not a known platform name.
    """
    return list(_iter_parsed(path, platform))


def _refuse_settings(path: str | Path, *, member: str | None = None) -> None:
    """UnknownFormatError naming what a brand's settings file is and what reads it: costs.csv
    given to :func:`read_export` was "matches no known export format (… can be added to a
    synonyms.csv)", advice to make an export of it. A settings file among the members of an
    archive (``member``, its file name; ``path``, its display name): a zipped brand folder,
    which :func:`smm.load <smmanalytics.load>` reads as the folder; its brand.yaml was blamed
    for matching no export format."""
    shown = member if member is not None else Path(path).name
    name = shown.lower()
    if name not in SIDE_FILES and name not in BRAND_FILES and name != SYNONYMS_FILE:
        return
    if member is not None:
        reader = "smm.load on the archive (a zipped brand folder loads as the folder)"
    elif name in SIDE_FILES:
        reader = f"smm.{SIDE_FILES[name][1]}"
    elif name in BRAND_FILES:
        reader = "smm.load on its folder (the brand's name, time zone and language)"
    else:
        reader = "smm.load on its folder (it renames the headers of the exports beside it)"
    raise UnknownFormatError(f"{shown} is a brand's settings file, not an export",
                             file=str(path), expected=f"an export file; read this one with "
                             f"{reader}", got=shown)


def read_export(path: str | Path, kind: str | None = None, *,
                platform: str | None = None) -> pd.DataFrame:
    """The one canonical table of an export file (or the one of ``kind``).

    ``df.attrs`` gives ``platform``, ``kind``, ``source_format``, ``source_locale`` and
    ``quality`` (the notes recorded while reading, as a list of dicts: the file's, and those
    of the table's own workbook sheet, which name it and carry it as ``"sheet"``).

    Parameters
    ----------
    path : str or os.PathLike
        One export file (CSV, TSV, Excel workbook, or a zip of them). A brand's settings
        file (costs.csv, goals.yaml, brand.yaml…) is refused, naming what reads it.
    kind : {"posts", "daily", "web", "audience"}, optional
        The table wanted from a file that holds several (a workbook whose sheets are
        several kinds of table); None takes the file's one table.
    platform : str, optional
        Try only the formats of this platform (``"instagram"``, ``"ga4"``…), when the file's
        headers alone could be another platform's; None tries every registered format. A file
        whose rows are all another platform's (a Facebook posts export read as Instagram's,
        both Meta Business Suite's) is refused, naming whose it is; rows naming no platform
        (a Meta chart saying neither Facebook nor Instagram) are this platform's, noted
        ``platform_from_caller``.

    Returns
    -------
    DataFrame
        The canonical table of that kind (columns and dtypes as in :mod:`smmanalytics.schema`:
        tz-aware UTC times, nullable Float64 metrics); several tables of the same kind (a
        workbook's sheets) are joined in one, with RangeIndex.

    Raises
    ------
    UnknownFormatError
        when the file is not understood, is another platform's than ``platform``, or holds
        several tables and ``kind`` does not pick one.
    UnknownPlatformError
        when ``platform`` is not a known platform name.
    ArgumentError
        (a ValueError) when ``kind`` is not one of the kinds above, or ``path`` is a folder
        (:func:`smmanalytics.load` reads a brand's folder).
    """
    if kind is not None and kind not in KINDS:
        raise ArgumentError("not a kind of table", argument="kind",
                            expected=f"one of {', '.join(KINDS)}, or None", got=kind)
    path_of(path, "path", "read_export", "the path of an export file")
    if isinstance(path, str) and not path:      # Path("") is the current folder
        raise ArgumentError("no file to read", argument="path", expected="an export file",
                            got=path)
    if Path(path).is_dir():     # "cannot read file; got 'Is a directory'" said not what to do
        raise ArgumentError("a folder, not an export file", argument="path",
                            expected="one export file; for a brand's folder of exports use "
                            "smm.load(path)", got=str(path))
    _refuse_settings(path)
    frames = read_file(path, platform=platform)
    pick = [f for f in frames if kind is None or f.attrs["kind"] == kind]
    if len(pick) == 1:
        return pick[0]
    if len(pick) > 1:
        kinds = sorted({f.attrs["kind"] for f in pick})
        if len(kinds) == 1:
            out = pd.concat(pick, ignore_index=True)
            out.attrs = dict(pick[0].attrs)
            # the notes of every table joined (a workbook's sheets), each once
            notes: dict[tuple, dict] = {}
            for f in pick:
                for e in f.attrs.get("quality", []):
                    notes.setdefault(tuple(e.values()), e)
            out.attrs["quality"] = list(notes.values())
            return out
        raise UnknownFormatError("the file holds several tables; pass kind=",
                                 file=str(path), expected=f"kind in {kinds}", got=kind)
    raise UnknownFormatError(f"the file holds no {kind} table", file=str(path),
                             expected=f"kind in {sorted({f.attrs['kind'] for f in frames})}",
                             got=kind)
