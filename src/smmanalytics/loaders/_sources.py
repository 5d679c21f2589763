"""Where bytes come from: plain files, zip archives (walked member by member) and Excel workbooks.

A :class:`Source` is one file's bytes with its display name; members of an archive are named
``archive.zip!member.csv`` (nested archives chain the ``!``). :func:`read_tables` turns a source
into :class:`~smmanalytics.loaders._sniff.RawTable` objects: every sheet of a workbook (read with
python-calamine, cells as values) or the tables of a CSV text.

A member that cannot be extracted (a bad checksum, a stream cut short), or a nested archive that
cannot be opened, costs its own tables only: the walk yields it as a Source carrying the error
(``Source.damage``) and goes on with the archive's other members, as a folder's other files are
read beside one that fails. The reader decides what it costs: a supplement a platform module
declared (:func:`supplementary_members`) is skipped with a note (:func:`note_skipped`); any
other is a file not read (``smm.load`` records it failed, ``read_file`` raises its error).
"""

from __future__ import annotations

import hashlib
import io
import lzma
import mmap
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath

from ..errors import ParseError
from ..quality import QualityLog, agree, counted
from ._cells import column_letter
from ._encoding import decode, double_encoded
from ._headers import normalize
from ._preamble import split_text
from ._sniff import RawTable, is_sep_row, only_text, parse_preamble
from ._xlsx_cells import HiddenCells, hidden_cells, ods_percents, xls_percents

__all__ = ["Source", "iter_sources", "archive_members", "archive_folder", "is_junk", "junk_entries",
           "JUNK_WHY", "LOCK_WHY", "is_lock_file", "junk_name",
           "read_tables", "is_zip", "is_workbook", "supplementary_members", "note_skipped"]

_ZIP = b"PK\x03\x04"
#: an archive without members: its end-of-directory record alone
_EMPTY_ZIP = b"PK\x05\x06"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: an OpenDocument spreadsheet's first member, ``mimetype``, stored first and uncompressed
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@dataclass(frozen=True)
class Source:
    """The bytes of one file, its display name, and the path it came from on disk (for an
    archive member: the archive's, and the member's entry in the archive holding it).

    ``name`` is the path as given, every folder above the file in it; ``relative`` is the
    name below the folder loaded (``facebook/Views.csv`` of ``brand/facebook/Views.csv`` when
    ``brand`` is loaded; a file loaded by itself, its own name), archive members chained with
    ``!`` as in ``name``: what a name may tell of a file (Facebook or Instagram, Pinterest)
    is read there (:attr:`relative_name`), so that an agency's ``~/fb_exports/<brand>/`` does
    not make every file below it Facebook's. A zipped brand folder given itself (``given``)
    loads as the folder would: its members are named below its one folder (``Views.csv`` of
    ``fb_exports.zip!fb_exports/Views.csv``), neither that folder nor the archive's name
    counting, as the folder loaded and those above it do not, but for a folder named after a
    platform, whole (``instagram/Views.csv`` loaded as ``instagram``: :func:`names_a_platform`),
    which is kept in the name below it."""

    name: str
    data: bytes | mmap.mmap     # a large file on disk is mapped, not copied (read_source)
    path: Path | None = None
    mtime: float | None = None
    zip_info: zipfile.ZipInfo | None = field(default=None, compare=False, repr=False)
    #: why an archive member could not be read (it cannot be extracted, its ``data`` empty, or
    #: it is an archive that cannot be opened); None for a file that was read
    damage: ParseError | None = field(default=None, compare=False, repr=False)
    #: the name below the folder loaded; None for a source made without one (``name`` then)
    relative: str | None = None
    #: the file is itself a path given (not found in a folder given): of a zipped brand folder
    #: (:func:`archive_folder`), that folder is the one loaded
    given: bool = False

    @property
    def relative_name(self) -> str:
        """The name below the folder loaded, else the display name."""
        return self.name if self.relative is None else self.relative

    @property
    def skipped(self) -> bool:
        """True for a damaged member that only supplements the export beside it in its
        archive (:func:`supplementary_members`): it is skipped and noted, not failed."""
        return self.damage is not None and normalize(self.basename) in _SUPPLEMENTS

    @property
    def size(self) -> int:
        """The file's bytes; for a member that cannot be extracted, the size its archive's
        directory gives it."""
        if self.damage is not None and not self.data and self.zip_info is not None:
            return self.zip_info.file_size
        return len(self.data)

    @property
    def basename(self) -> str:
        """The last component of the name (the member name for archive members)."""
        return PurePosixPath(self.name.split("!")[-1]).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.basename).suffix.lower()

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


# What opening a damaged archive can raise: a bad or truncated directory (BadZipFile, EOFError,
# ValueError, OSError), or a directory asking for a zip version zipfile lacks
# (NotImplementedError, a RuntimeError)
_OPEN_ERRORS = (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError)


def _starts(data: bytes | mmap.mmap, *prefixes: bytes) -> bool:
    """``data.startswith(prefixes)``, for bytes and for a mapped file alike."""
    return any(data[:len(p)] == p for p in prefixes)


def is_workbook(src: Source) -> bool:
    """True for xlsx/xls/ods content (by signature, or by suffix for OLE/zip containers)."""
    if _starts(src.data, _OLE):
        return True
    if _starts(src.data, _ZIP):
        try:
            names = zipfile.ZipFile(io.BytesIO(src.data)).namelist()
        except _OPEN_ERRORS:
            return src.suffix in EXCEL_SUFFIXES
        return _workbook_names(names)
    return False


def _workbook_names(names: list[str]) -> bool:
    """True when the member names of a zip container are those of an Office workbook."""
    return "[Content_Types].xml" in names or "mimetype" in names or any(
        n.startswith("xl/") for n in names)


def is_zip(src: Source) -> bool:
    """True for a zip archive that is not an Office workbook (an empty one too: it starts
    with the end of its directory, which was read as a CSV's header)."""
    return _starts(src.data, _EMPTY_ZIP) or _starts(src.data, _ZIP) and not is_workbook(src)


# What reading one damaged or exotic member can raise: a bad CRC or header (BadZipFile), a
# corrupt deflate or LZMA stream (zlib.error, LZMAError), an encrypted member or a compression
# method zipfile lacks (RuntimeError, NotImplementedError), a truncated stream (EOFError).
_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, ValueError,
                  RuntimeError, EOFError)


#: the file names (normalised) of archive members that only supplement the export beside them
#: in the same archive, as the platform modules declare them (:func:`supplementary_members`)
_SUPPLEMENTS: set[str] = set()


def supplementary_members(names: Iterable[str]) -> None:
    """Declare archive members, by file name (any case), that only supplement the export beside
    them in the same archive (YouTube Studio's chart data and totals beside its table data):
    one that cannot be extracted is skipped with a warning (:func:`note_skipped`), where the
    damage of any other member is an error, a file not read."""
    _SUPPLEMENTS.update(normalize(n) for n in names)


def note_skipped(src: Source, log: QualityLog) -> None:
    """Note in ``log`` that the damaged supplement ``src`` (``src.skipped``) was skipped."""
    why, detail = damage_words(src.damage)
    log.add(src.name, "archive_member_skipped", f"archive member cannot be extracted "
            f"({why}; {detail}): skipped, its figures are missing; the archive's other "
            "members, which it only supplements, were read")


_CANNOT_EXTRACT = "archive member cannot be extracted"


def damage_words(err: ParseError) -> tuple[str, str]:
    """What was wrong with a damaged archive member (``Source.damage``), in plain words, and
    the technical detail, short: ("its contents do not match the checksum the zip keeps for
    it (…)", "Bad CRC-32"), where Python's own text named the member again ("Bad CRC-32 for
    file 'FollowerGender.csv'") and said no more."""
    exc = err.__cause__
    if not err.reason.startswith(_CANNOT_EXTRACT) or exc is None:   # an archive not opened
        return err.reason, str(err.got if err.got is not None else "")[:80]
    text = str(exc)
    low = text.lower()
    if "crc" in low:
        why = ("its contents do not match the checksum the zip keeps for it (a download or a "
               "copy went wrong)")
    elif isinstance(exc, zlib.error | lzma.LZMAError | EOFError) or "decompress" in low:
        why = "its compressed data are cut short or damaged (an incomplete download?)"
    elif "encrypt" in low or "password" in low:
        why = "it is protected by a password"
    elif isinstance(exc, NotImplementedError) or "compression" in low:
        why = ("it is compressed in a way that cannot be read here (unzip the archive and "
               "zip it again)")
    elif isinstance(exc, zipfile.BadZipFile):
        why = "its entry in the zip is damaged"
    else:
        why = "it cannot be read out of the zip"
    detail = re.sub(r"\s*for (?:file|member) '[^']*'", "", text).strip() or type(exc).__name__
    return why, detail if len(detail) <= 60 else detail[:59] + "…"


_UTF8_FLAG = 0x800         # general purpose bit 11: the member's name is UTF-8
_UNICODE_PATH = 0x7075     # Info-ZIP's Unicode Path extra field: the name in UTF-8


def member_name(info: zipfile.ZipInfo) -> str:
    """The name of a zip member as its author wrote it.

    An archive that does not flag its names as UTF-8 has them read as code page 437 by
    ``zipfile``, as the zip format says; but Info-ZIP's ``zip`` and macOS write UTF-8 without
    the flag, and Windows' "Send to compressed folder" writes the OEM code page (850 in France
    and Italy): "Maison Sève" came back as "Maison S├¿ve", and a YouTube export's channel with
    it. In order: Info-ZIP's Unicode Path field when it matches the name; the bytes as UTF-8
    when they are valid UTF-8 (a code page 437 or 850 name of accented letters almost never
    is); else code page 850, whose accented capitals code page 437 lacks.

    >>> info = zipfile.ZipInfo("Maison Sève.csv".encode().decode("cp437"))
    >>> member_name(info)
    'Maison Sève.csv'
    """
    name = info.filename
    if info.flag_bits & _UTF8_FLAG or name.isascii():
        return name
    raw = name.encode("cp437")
    extra = info.extra
    while len(extra) >= 4:
        kind, size = int.from_bytes(extra[:2], "little"), int.from_bytes(extra[2:4], "little")
        body = extra[4:4 + size]
        if kind == _UNICODE_PATH and len(body) > 5 and body[0] == 1 \
                and int.from_bytes(body[1:5], "little") == zlib.crc32(raw):
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                break
        extra = extra[4 + size:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp850")


#: files an operating system leaves beside the exports (thumbnail caches, folder settings)
_OS_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})


def is_junk(parts: tuple[str, ...]) -> bool:
    """True for a path (its ``parts`` below the folder or inside the archive) that is no one's
    export: hidden (``.DS_Store``), macOS's ``__MACOSX`` copies, an Office lock file
    (``~$report.xlsx``), Windows' ``Thumbs.db`` and ``desktop.ini``."""
    return (any(p.startswith((".", "__MACOSX", "~$")) for p in parts)
            or bool(parts) and parts[-1].lower() in _OS_FILES)


def junk_entries(names: Iterable[str]) -> list[str]:
    """The junk (:func:`is_junk`) among the member ``names`` of an archive, each once, in
    name order: a junk folder (``__MACOSX/``, ``.git/``) as one entry ending in ``/``, its
    members not counted one by one, as a folder's walk, which does not go into it, counts it;
    a junk file by its name (``brand/.DS_Store``)."""
    found = set()
    for name in names:
        parts = PurePosixPath(name).parts
        first = next((i for i, p in enumerate(parts) if is_junk((p,))), None)
        if first is not None:
            folder = first < len(parts) - 1 or name.endswith("/")
            found.add("/".join(parts[:first + 1]) + ("/" if folder else ""))
    return sorted(found)


#: why hidden or system files and folders (:func:`is_junk`) are left out, as the load notes
#: them and inspect_files lists them
JUNK_WHY = "hidden or system (no exports), skipped and never read as data"
#: why an Office lock file is left out: it says its workbook was open when the folder was
#: copied, which tells a user why a figure they had just edited did not change
LOCK_WHY = ("an Office lock file: a workbook or document of its folder was open in Excel (or "
            "another Office program) when the folder was copied, so its changes not saved by "
            "then are in no file; skipped")


def is_lock_file(entry: str) -> bool:
    """Whether the junk ``entry`` (:func:`junk_entries`) is an Office lock file
    (``~$report.xlsx``), not a folder."""
    return PurePosixPath(entry).name.startswith("~$") and not entry.endswith("/")


def junk_name(where: Path, entry: str) -> str:
    """The name of the junk ``entry`` of the folder or archive ``where`` (as
    :func:`junk_entries` names it): its path in the folder (``brand/.git/``), or the
    archive's member (``brand.zip!brand/~$report.xlsx``), as other files are named."""
    if where.is_dir():
        return str(where / entry) + "/" * entry.endswith("/")
    return f"{where}!{entry}"


#: how many archives deep :func:`_walk_zip` opens the archives nested in the one loaded (an
#: export's zip in a month's zip in a brand's: 2); one deeper is not opened, and said
MAX_ZIP_DEPTH = 4


def _walk_zip(src: Source, depth: int = 0, want: Callable[[str], bool] | None = None,
              zf: zipfile.ZipFile | None = None, junk: list[tuple[Path, str]] | None = None
              ) -> Iterator[Source]:
    """The members of the archive ``src`` (``zf`` when it is opened already), nested archives
    walked in their place. With ``want``, only the members whose display name it accepts are
    read and yielded (and the nested archives, to walk them): the same members, by the same
    rules, that the whole walk yields under those names. The junk of each archive walked
    (:func:`junk_entries`) is added to ``junk`` as ``(archive, entry)``, a nested archive
    named as its members are (``brand.zip!inner.zip``): a nested zip's __MACOSX went unsaid.

    A member that cannot be extracted, or a nested archive that cannot be opened, is yielded
    with its error (``Source.damage``) and the walk goes on: one damaged export of a zipped
    brand folder is no reason to leave the others unread. Only ``src`` itself unreadable, or
    holding no file, raises.

    The members come in :func:`~smmanalytics.loaders._folder.file_order` of their names, as
    the files of a folder do: in plain name order "X (1).csv" came before "X.csv", and a tie
    between the two went to the first download in a zip, to the second in the folder."""
    from ._folder import file_order  # _folder imports this module

    try:
        zf = zf or zipfile.ZipFile(io.BytesIO(src.data))
        infos = sorted(zf.infolist(), key=lambda info: file_order(member_name(info)))
    except _OPEN_ERRORS as exc:
        raise ParseError("not a readable zip archive", file=src.name, expected="zip archive",
                         got=str(exc)) from exc
    if junk is not None:
        junk.extend((Path(src.name), entry) for entry in junk_entries(zf.namelist()))
    if not any(not info.is_dir() and not is_junk(PurePosixPath(member_name(info)).parts)
               for info in infos):
        raise ParseError("empty zip archive", file=src.name,
                         expected="a zip archive holding export files",
                         got="no file" if not infos else "folders and system files only")
    top = _top_folder([member_name(info) for info in infos]) if src.given else ""
    for info in infos:
        member = PurePosixPath(member_name(info))
        if info.is_dir() or is_junk(member.parts):
            continue
        name = f"{src.name}!{member}"
        relative = _member_relative(src, member, top)
        try:
            if want is not None and not want(name):
                with zf.open(info) as fh:         # read only what may be an archive
                    if fh.read(len(_ZIP)) != _ZIP:
                        continue
            data = zf.read(info)
        except _MEMBER_ERRORS as exc:
            if want is None or want(name):
                yield Source(name, b"", src.path, src.mtime, info,
                             damage=_cannot_extract(name, exc), relative=relative)
            continue
        child = Source(name, data, src.path, src.mtime, info, relative=relative)
        if is_zip(child) and depth < MAX_ZIP_DEPTH:
            try:
                yield from _walk_zip(child, depth + 1, want, junk=junk)
            except ParseError as exc:     # raised before any member: the archive itself
                yield replace(child, damage=exc)
        elif is_zip(child):
            yield replace(child, damage=_too_deep(name))
        elif want is None or want(name):
            yield child


def _too_deep(name: str) -> ParseError:
    """The error of the archive ``name``, nested deeper than :data:`MAX_ZIP_DEPTH` archives
    in the one loaded: not opened, and said. It was read as the export it holds would be,
    its zip bytes as text: a nest of 6 zips around an X export gave a file "cut off" in its
    4th line, decoded as cp1252, and a column named by the zip's header bytes."""
    return ParseError(f"zip archive nested more than {MAX_ZIP_DEPTH} archives deep: not "
                      "opened", file=name,
                      expected=f"an archive at most {MAX_ZIP_DEPTH} archives deep (unzip the "
                               "outer ones and load the folder)",
                      got=f"{name.count('!')} archives around it")


def _member_relative(src: Source, member: PurePosixPath, top: str) -> str | None:
    """The name below the folder loaded of the ``member`` of the archive ``src``: chained to
    the archive's (``brand/export.zip!Views.csv``); of a zipped brand folder given itself, its
    path below the archive's one folder ``top`` alone (``instagram/Views.csv`` of
    ``brand.zip!brand/instagram/Views.csv``), as the folder loaded would name it."""
    if top:
        return (member if names_a_platform(top) else member.relative_to(top)).as_posix()
    return None if src.relative is None else f"{src.relative}!{member}"


def names_a_platform(folder: str) -> bool:
    """True for the name of a folder that is, whole, a platform's name or alias, in any case
    (``instagram``, ``Instagram``, ``ig``, ``facebook``, ``fb``:
    :func:`~smmanalytics.schema.canonical_platform`): the folder loaded, or a zipped brand
    folder's own folder, that is an analyst's platform folder (``brand/instagram``) says what
    its files are, as it does one level down when ``brand`` is loaded; Meta's charts naming no
    platform stayed nobody's. A name that only holds one (an agency's ``fb_exports``,
    ``Facebook pages``: the folder of many brands' files) still says nothing."""
    from ..schema import canonical_platform

    return canonical_platform(folder) is not None


def _cannot_extract(name: str, exc: Exception) -> ParseError:
    """The error of the archive member ``name`` that reading raised ``exc``."""
    err = ParseError(_CANNOT_EXTRACT, file=name, expected="a readable zip member",
                     got=str(exc))
    err.__cause__ = exc
    why, detail = damage_words(err)
    words = ParseError(f"{_CANNOT_EXTRACT}: {why}", file=name,
                       expected="a readable zip member", got=detail)
    words.__cause__ = exc
    return words


def archive_members(path: str | Path, want: Callable[[str], bool],
                    junk: list[tuple[Path, str]] | None = None) -> list[Source]:
    """The members of the zip archive at ``path`` whose display name (``path!folder/x.csv``,
    nested archives chaining the ``!``) ``want`` accepts: those :func:`iter_sources` yields
    under these names, read from the archive without reading its other members.

    ``[]`` when ``path`` is no zip archive (a workbook, a CSV, a missing file), or cannot be
    walked through (:func:`iter_sources` raises the error). A member that cannot be read is
    left out: :func:`iter_sources` yields it with its error, for the reader to record.
    The junk of the archive and of the archives nested in it (:func:`junk_entries`, which
    no walk reads) is added to ``junk`` as ``(archive, entry)``, as a folder's walk adds its
    own, for the load to note it: in a zip it went unsaid where the same .DS_Store in the
    folder was noted.
    """
    p = Path(path)
    try:
        with p.open("rb") as fh:
            if fh.read(len(_ZIP)) != _ZIP:
                return []
        mtime = p.stat().st_mtime
        zf = zipfile.ZipFile(p)
    except _OPEN_ERRORS:
        return []
    found: list[Source] = []
    with zf:
        if _workbook_names(zf.namelist()):
            return []
        try:
            found = [src for src in _walk_zip(Source(str(p), b"", p, mtime), want=want, zf=zf,
                                              junk=junk)
                     if src.damage is None]
        except ParseError:
            pass
    return found


def archive_folder(path: str | Path) -> str | None:
    """The display name of the one folder that holds every member of a zip archive
    (``brand.zip!brand``, as zipping a folder makes it); None when the members are not all in
    one folder, or ``path`` is no zip archive. Members :func:`iter_sources` skips
    (:func:`is_junk`) do not count."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            if fh.read(len(_ZIP)) != _ZIP:
                return None
        with zipfile.ZipFile(p) as zf:
            names = [member_name(info) for info in zf.infolist()]
    except _OPEN_ERRORS:
        return None
    if _workbook_names(names):
        return None
    top = _top_folder(names)
    return f"{p}!{top}" if top else None


def _top_folder(names: list[str]) -> str:
    """The one folder holding every member of an archive of these member ``names`` (junk
    left out), "" when they are not all in one folder."""
    tops = set()
    for n in names:
        parts = PurePosixPath(n).parts
        if parts and not is_junk(parts):
            tops.add(parts[0] if len(parts) > 1 or n.endswith("/") else "")
    return tops.pop() if len(tops) == 1 else ""


def read_source(path: str | Path, relative: str | None = None) -> Source:
    """The bytes of one file on disk, as a Source named by its path; ``relative``, its name
    below the folder loaded, is None for a file given itself (the folders above it say nothing
    of it): its own name, and of a zipped brand folder, its members' paths below its folder.

    A file over :data:`LARGE` is memory-mapped read-only instead of read: its pages are the
    system's file cache, shared, where reading copied them into as much fresh memory (0.2-0.8 s
    and 318 MB for a million-row export on the benchmark machine). A file that cannot be mapped
    (a pipe, a special file) is read. The mapping lives as long as the Source, which the load
    drops when its tables are parsed; a file cut short in place while it is being parsed would
    stop the process (SIGBUS), where exports are replaced, not rewritten, by browsers, sync
    clients and spreadsheets (they write a new file and rename it).
    """
    p = Path(path)
    if p.is_symlink() and not p.exists():     # said plainly, not "No such file or directory"
        raise ParseError(f"path does not exist: link to {os.readlink(p)}, which is missing "
                         "(on a drive not mounted?)", file=str(p))
    try:
        st = p.stat()
        data = _mapped(p) if st.st_size > LARGE else None
        if data is None:
            data = p.read_bytes()
    except OSError as exc:
        raise ParseError("cannot read file", file=str(p), expected="a readable file",
                         got=exc.strerror or str(exc)) from exc
    return Source(str(p), data, p, st.st_mtime, relative=relative or p.name,
                  given=relative is None)


def _mapped(p: Path) -> mmap.mmap | None:
    """The file at ``p`` mapped read-only; None when it cannot be mapped."""
    with p.open("rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):      # not a regular file, or emptied meanwhile
            return None


def iter_sources(path: str | Path | Source) -> Iterator[Source]:
    """Yield the sources of one path: the file itself, or every member of a zip archive (those
    that cannot be read with their error, ``Source.damage``, for the caller to record)."""
    src = path if isinstance(path, Source) else read_source(path)
    if is_zip(src):
        yield from _walk_zip(src)
    else:
        yield src


def _header_row(rows: list[list]) -> int:
    """Index of the header row in a sheet: the first of the 10 rows under its ``#`` preamble
    (:func:`_comment_row`) whose count of non-empty cells is at least half the widest of those
    rows (skips a note on row 1); the first row under the preamble when none is."""
    skip = 0
    while skip < len(rows) and _comment_row(rows[skip]) is not None:
        skip += 1
    head = rows[skip:skip + 10]
    counts = [sum(c is not None and str(c).strip() != "" for c in r) for r in head]
    widest = max(counts, default=0)
    for i, c in enumerate(counts):
        if c >= 2 and c >= widest / 2:
            return skip + i
    return skip if skip < len(rows) else 0


def _comment_row(row: list) -> str | None:
    """A sheet's row as a line of GA4's ``#`` preamble (``# Start date: 20261001``), as a CSV
    export opened and saved in a spreadsheet keeps it, one line a row; None for any other row.
    A line the spreadsheet split at its commas has its cells joined back."""
    cells = [str(c) for c in row if c is not None and str(c).strip() != ""]
    if not cells or not cells[0].lstrip().startswith("#"):
        return None
    return ",".join(cells).strip()


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _xls_sheets(data: bytes) -> list[tuple[str, list[list]]]:
    """Sheets of a legacy .xls workbook as rows of Python values, like calamine's ``to_python``.

    Read with xlrd (pure Python): a damaged file raises an exception, where python-calamine was
    seen to abort the whole process on fuzzed .xls bytes. Exact whole numbers (below 2**53) come
    back as ``int``, date cells as ``datetime``, error cells as the error Excel shows
    (``"#N/A"``, ``"#REF!"``), text read as the same text typed in a cell would be.
    """
    import xlrd

    # xlrd writes its warnings to stdout by default; keep them out of notebooks and the CLI
    book = xlrd.open_workbook(file_contents=data, on_demand=False, logfile=io.StringIO())
    return [(sheet.name, _xls_rows(sheet, book.datemode)) for sheet in book.sheets()]


def _xls_rows(sheet, datemode: int) -> list[list]:
    """The rows of one xlrd sheet, its cells converted by type over the whole sheet at once
    (dates by xlrd, each distinct serial once, in sheet order)."""
    import numpy as np
    import pandas as pd
    import xlrd

    type_rows = [sheet.row_types(r) for r in range(sheet.nrows)]
    value_rows = [sheet.row_values(r) for r in range(sheet.nrows)]
    lengths = [len(t) for t in type_rows]
    if lengths != [len(v) for v in value_rows]:
        raise ValueError("xlrd gave a row with more types than values, or fewer")
    types = np.frombuffer(b"".join(bytes(t) for t in type_rows), dtype=np.uint8)
    values = np.empty(len(types), dtype=object)
    values[:] = [v for row in value_rows for v in row]
    number = np.flatnonzero(types == xlrd.XL_CELL_NUMBER)
    if len(number):
        x = values[number].astype(float)
        # beyond 2**53 a float is no exact integer: an id rounded by a spreadsheet stays a float
        whole = (np.floor(x) == x) & (np.abs(x) < 2**53)
        values[number[whole]] = x[whole].astype(np.int64).astype(object)
    date = np.flatnonzero(types == xlrd.XL_CELL_DATE)
    if len(date):
        codes, serials = pd.factorize(values[date].astype(float))
        as_dt = np.empty(len(serials), dtype=object)
        as_dt[:] = [xlrd.xldate.xldate_as_datetime(v, datemode) for v in serials.tolist()]
        values[date] = as_dt[codes]
    boolean = np.flatnonzero(types == xlrd.XL_CELL_BOOLEAN)
    if len(boolean):
        values[boolean] = (values[boolean] != 0).astype(object)
    error = np.flatnonzero(types == xlrd.XL_CELL_ERROR)
    if len(error):     # the error Excel shows, read as the same text typed (``#N/A``)
        values[error] = [xlrd.error_text_from_code.get(v, "#N/A") for v in values[error]]
    if lengths and min(lengths) == max(lengths) > 0:
        return values.reshape(len(lengths), lengths[0]).tolist()
    cells = values.tolist()
    ends = np.cumsum(lengths).tolist()
    return [cells[end - n:end] for n, end in zip(lengths, ends, strict=True)]


def _whole_workbook(data: bytes | memoryview) -> str | None:
    """What a whole workbook of ``data``'s kind is, when ``data`` is not one: cut short, as a
    copy or a download interrupted leaves it (the reader's own error, xlrd's "array index out
    of range", calamine's "Cannot detect file format", said nothing of it); None when its
    size and end are those of a whole file. An .xls is made of 512-byte sectors; an xlsx or
    ods is a zip, which ends with its directory's last record (``PK\x05\x06``)."""
    if data[:8] == _OLE_MAGIC:
        return None if len(data) % 512 == 0 else "an .xls of whole 512-byte sectors"
    if _starts(data, _ZIP):
        tail = bytes(data[-(1 << 16) - 22:])
        return None if b"PK\x05\x06" in tail else "a workbook (a zip) ending with its directory"
    return None


def _read_workbook(src: Source, log: QualityLog) -> list[RawTable]:
    from python_calamine import CalamineWorkbook

    _refuse_encrypted(src)
    try:
        if src.data[:8] == _OLE_MAGIC:  # legacy .xls: xlrd raises where calamine can abort
            percents = xls_percents(bytes(src.data))
            sheets = [(name, _show_percents(rows, (0, 0), percents.get(name)), (0, 0),
                       percents.get(name, HiddenCells()))
                      for name, rows in _xls_sheets(bytes(src.data))]
        else:
            wb = CalamineWorkbook.from_filelike(io.BytesIO(src.data))
            hidden = (ods_percents(src.data) if src.data.find(_ODS_MIMETYPE, 0, 200) >= 0
                      else hidden_cells(src.data)) if _starts(src.data, _ZIP) else {}
            sheets = [_calamine_sheet(wb, name, hidden.get(name)) for name in wb.sheet_names]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's own errors, and pyo3's PanicException (a
        # BaseException) on damaged cells, e.g. a huge number in a date-formatted cell
        if "encrypted" in str(exc).lower():        # xlrd: "Workbook is encrypted"
            raise _encrypted(src) from exc
        if (whole := _whole_workbook(src.data)) is not None:
            raise ParseError("workbook cut short (a copy or a download interrupted?): not "
                             "readable; take the file again from where it came",
                             file=src.name, expected=whole,
                             got=f"{len(src.data):,} bytes (the reader's error: "
                             f"{str(exc)[:120]})") from exc
        raise ParseError("not a readable Excel workbook", file=src.name,
                         expected="xlsx/xls/ods workbook", got=str(exc)[:200]) from exc
    tables = []
    for name, rows, (top, left), hidden in sheets:
        rows = [r for r in rows]
        if not rows:
            continue
        h = _header_row(rows)
        header = [("" if c is None else str(c)).strip() for c in rows[h]]
        while header and header[-1] == "":
            header.pop()
        if not header:
            continue
        _note_formulas(src, name, hidden.formulas, header, left, log)
        body = rows[h + 1:]     # blank rows are skipped, and noted, with the table's cells
        tables.append(RawTable(source=src.name, header=header, first_line=top + h + 1,
                               meta=_sheet_meta(rows[:h], top), sheet=name, first_column=left,
                               rows=body, log=log))
    return tables


def _sheet_meta(above: list[list], top: int) -> dict[str, str]:
    """What the rows above a sheet's header (``above``, the first on row ``top``, 0-based) say
    of its table: GA4's ``#`` preamble read as in its CSV (title, start and end dates, the
    lines they are on), a CSV export saved again as a workbook keeping one line a row;
    otherwise the text of the first row (a note or a title), and Meta's chart title as its
    CSV gives it (:func:`_chart_title`)."""
    lines = [(top + i + 1, line) for i, row in enumerate(above)
             if (line := _comment_row(row)) is not None]
    meta: dict[str, str] = {}
    if lines:
        parse_preamble(lines, meta)
    elif above:
        meta["preamble"] = " ".join(str(c) for c in above[0] if c not in (None, ""))
        _chart_title(above, top, meta)
    return meta


def _chart_title(above: list[list], top: int, meta: dict[str, str]) -> None:
    """Meta's daily chart (``sep=,``, ``"Views"``, then ``Date,Primary``) opened in a
    spreadsheet and saved as a workbook: its title, the one text cell of the one filled row
    above the header, is ``meta["title"]`` (on row ``meta["title_line"]``) as the CSV's title
    line is, and its ``sep=`` row, when the spreadsheet kept it, ``meta["sep"]``. Excel hides
    the ``sep=`` line of a CSV it opens: a workbook saved from it starts at the title. Without
    the title, the chart's rows were claimed by no format ("no loader knows it")."""
    filled = [(i, row) for i, row in enumerate(above)
              if any(c is not None and str(c).strip() != "" for c in row)]
    seps = [(i, row) for i, row in filled if is_sep_row(row)]
    rest = [(i, row) for i, row in filled if not is_sep_row(row)]
    if len(rest) != 1 or len(seps) > 1 or (seps and seps[0][0] > rest[0][0]):
        return
    i, row = rest[0]
    title = only_text(row)
    if title is None or not title.isprintable():
        return
    meta["title"], meta["title_line"] = title, str(top + i + 1)
    if seps:       # "sep=," split at its comma by the spreadsheet reads "sep=": a comma
        meta["sep"] = only_text(seps[0][1]).strip('"')[4:5] or ","


def _note_formulas(src: Source, sheet: str, formulas: list[tuple[int, int]],
                   header: list[str], left: int, log: QualityLog) -> None:
    """Note the formula cells of ``sheet`` saved without their result (a program wrote the
    formulas and no spreadsheet computed them): read as empty, their values unknown here,
    where computing them is Excel's work, and saving the file in it the remedy."""
    if not formulas:
        return
    by_column: dict[str, int] = {}
    for _, col in formulas:
        j = col - left
        named = header[j] if 0 <= j < len(header) and header[j] else None
        key = repr(named) if named else f"column {column_letter(col)}"
        by_column[key] = by_column.get(key, 0) + 1
    row, col = min(formulas)
    where = ", ".join(f"{key} {n}" for key, n in by_column.items())
    log.add(src.name, "formula_without_result",
            f"{counted(len(formulas), 'formula cell', 'formula cells')} without a saved result "
            f"{agree(len(formulas), 'was', 'were')} read as empty: {where} "
            f"(first cell {column_letter(col)}{row + 1}); open the file in Excel and save it "
            "again", rows=len(formulas), sheet=sheet)


def _refuse_encrypted(src: Source) -> None:
    """Raise for a workbook saved with a password: Excel keeps it encrypted in an OLE
    container (its ``EncryptedPackage`` stream), which neither reader can open, and which
    calamine and xlrd took for a damaged .xls ("Can't find workbook in OLE2 compound
    document")."""
    if _starts(src.data, _OLE) and src.data.find(_ENCRYPTED_STREAM) >= 0:
        raise _encrypted(src)


#: the name of the stream of an encrypted Office file, as its OLE directory writes it
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _encrypted(src: Source) -> ParseError:
    return ParseError("the workbook is protected by a password (encrypted), which cannot be "
                      "read: open it in Excel and save it without a password", file=src.name,
                      expected="a workbook saved without a password", got="an encrypted workbook")


def _calamine_sheet(wb, name: str, hidden: HiddenCells | None
                    ) -> tuple[str, list[list], tuple[int, int], HiddenCells]:
    """A sheet's rows as calamine reads them, and the row and column (0-based) they start
    at: calamine leaves out the empty rows above and the empty columns left of the first
    filled cell, and an error would name every cell that many rows up and columns left.
    Its error cells (``hidden``), which calamine reads as empty, hold the error Excel shows
    (``#N/A``), as the same text typed in them would; its percent-formatted numbers, which
    calamine reads without their format (0.35), the percentage Excel shows (``35%``): a rate's
    cell reads the same, a count's is refused as a count typed ``35%`` is."""
    sheet = wb.get_sheet_by_name(name)
    rows, start = sheet.to_python(), sheet.start or (0, 0)
    hidden = hidden or HiddenCells()
    top, left = start
    for (r, c), error in hidden.errors.items():
        i, j = r - top, c - left
        if 0 <= i < len(rows) and 0 <= j < len(rows[i]) and rows[i][j] == "":
            rows[i][j] = error
    return name, _show_percents(rows, start, hidden), start, hidden


def _show_percents(rows: list[list], start: tuple[int, int], hidden: HiddenCells | None
                   ) -> list[list]:
    """``rows`` (starting at ``start``, row and column) with the percent-formatted numbers of
    ``hidden`` as the percentage the spreadsheet shows (``35%``), in place."""
    top, left = start
    for (r, c), percent in (hidden.percents.items() if hidden else ()):
        i, j = r - top, c - left
        if 0 <= i < len(rows) and 0 <= j < len(rows[i]) and _is_number(rows[i][j]):
            rows[i][j] = percent
    return rows


def _is_number(cell) -> bool:
    """True for a cell calamine read as a number (not a boolean, which is an int too)."""
    return isinstance(cell, int | float) and not isinstance(cell, bool)


#: files larger than this are sniffed from their head only (see :func:`_read_large_utf8`)
LARGE = 4 << 20
_HEAD = 1 << 20


def _valid_utf8(data: bytes) -> bool:
    """True when ``data`` is valid UTF-8 (checked by Arrow, without building a str).

    The bytes are checked in two halves on two threads (Arrow's check releases the GIL): cut
    where a character begins (not on a continuation byte ``10xxxxxx``), the whole is valid
    exactly when both halves are, UTF-8 being self-synchronising."""
    import numpy as np
    import pyarrow as pa

    middle = cut = len(data) // 2
    while cut > max(middle - 3, 0) and data[cut] & 0xC0 == 0x80:
        cut -= 1          # a character is at most 4 bytes: its first byte is at most 3 back
    offsets = pa.py_buffer(np.array([0, cut, len(data)], dtype=np.int64).tobytes())
    arr = pa.Array.from_buffers(pa.large_binary(), 2, [None, offsets, pa.py_buffer(data)])

    def valid(half: pa.Array) -> bool:
        try:
            half.cast(pa.large_string())
        except pa.ArrowInvalid:
            return False
        return True

    with ThreadPoolExecutor(max_workers=2) as pool:
        return all(pool.map(valid, (arr.slice(0, 1), arr.slice(1, 1))))


def _read_large_utf8(src: Source, log: QualityLog) -> list[RawTable] | None:
    """The one table of a large UTF-8 CSV, sniffed from its first MiB; None when the file needs
    the general path (another encoding, ``#`` preambles, several tables).

    Decoding a whole file to a Python str costs more than parsing it (a single emoji makes the
    str four bytes per character); the table's rows are handed to Arrow as the file's bytes
    (``RawTable.raw``) and ``RawTable.body`` is left None.
    """
    data = src.data
    if _starts(data, b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4096]:
        return None
    bom = _starts(data, b"\xef\xbb\xbf")
    head = data[:_HEAD]
    nl = head.rfind(b"\n")
    if nl < 0 or not _valid_utf8(data):
        return None
    text = head[:nl + 1].decode("utf-8-sig" if bom else "utf-8")
    if text.lstrip("\ufeff \t\r\n").startswith("#") or "\n#" in text:
        return None
    if double_encoded(text) is not None:     # repaired whole by decode(), from the text
        return None
    tables = split_text(text, source=src.name, encoding="utf-8-sig" if bom else "utf-8",
                        log=log, raw=data, raw_offset=3 if bom else 0)
    if len(tables) != 1 or tables[0].raw is None or not tables[0].body:
        return None
    tables[0].body = None   # the rows run on past the head: parsed from ``raw``
    return tables


def read_tables(src: Source, log: QualityLog) -> list[RawTable]:
    """The raw tables of one source (workbook sheets, or the tables of a CSV/TSV text)."""
    if is_workbook(src):
        return _read_workbook(src, log)
    if len(src.data) > LARGE:
        tables = _read_large_utf8(src, log)
        if tables is not None:
            return tables
    data = src.data if isinstance(src.data, bytes) else bytes(src.data)
    text, enc = decode(data, file=src.name, log=log)
    if enc in ("utf-8", "utf-8-sig"):  # hand the body's bytes to the parser as they are
        return split_text(text, source=src.name, encoding=enc, log=log, raw=data,
                          raw_offset=3 if enc == "utf-8-sig" else 0)
    return split_text(text, source=src.name, encoding=enc, log=log)
