"""What the files of a brand's folder are, as :func:`smmanalytics.load` and
:func:`~smmanalytics.loaders.inspect_files` both tell them apart.

A brand's folder (or a zip of it) holds exports, settings files read by name (brand.yaml,
costs.csv, goals.yaml, competitors.csv, synonyms.csv) and images (a logo, a screenshot).
``load`` and ``inspect_files`` walk it, sort its files and archive members the same way and
note a settings file's reader's warnings the same way; the names and helpers live here, apart
from ``dataset``, so that the loaders use them without reaching into its private names (and
without importing it: ``dataset`` imports the loaders).
"""

from __future__ import annotations

import glob
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .._args import user_path
from .._io import file_name
from ..errors import DataQualityWarning, ParseError
from ..quality import QualityLog
from ._sources import EXCEL_SUFFIXES, is_junk, junk_entries, names_a_platform

__all__ = ["BRAND_FILES", "EXPORT_SUFFIXES", "IMAGE_SUFFIXES", "SETTINGS_FILES", "SIDE_FILES",
           "SYNONYMS_FILE", "expand_patterns", "file_order", "files_below", "is_archive_setting",
           "looks_like_export", "member_kind", "noting_warnings", "pattern_folder", "relative_name",
           "walk", "without_copy_words"]

#: side files recognised by name → (module, reader function, Dataset field); the readers
#: themselves are dataset's (``_SIDE_READERS``): roi's cost reader imports the loaders
SIDE_FILES = {
    "costs.csv": ("roi", "read_costs", "costs"),
    "goals.yaml": ("goals", "read_goals", "goals"),
    "goals.yml": ("goals", "read_goals", "goals"),
    "competitors.csv": ("benchmarks", "read_competitors", "competitors"),
}
BRAND_FILES = ("brand.yaml", "brand.yml")
#: the brand's own header synonyms (``loaders._headers.read_synonyms``): they change how the
#: exports read, so they are read before any export, and no table of the Dataset comes of them
SYNONYMS_FILE = "synonyms.csv"
#: every file of a brand's folder that is a setting, not an export (lower-case names)
SETTINGS_FILES = frozenset([*SIDE_FILES, *BRAND_FILES, SYNONYMS_FILE])
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")
#: the suffixes the platforms' exports come with (tables, workbooks, zips of them)
EXPORT_SUFFIXES = (".csv", ".tsv", ".zip", *EXCEL_SUFFIXES)


#: the ``kind`` of a settings file's ``files`` row (brand.yaml, costs.csv…, the logo): the
#: kinds of the rows that are no export, which every reader of exports' rows leaves out
SETTINGS_KINDS = frozenset({"brand", "costs", "goals", "competitors", "synonyms", "logo"})


def export_rows(files: pd.DataFrame) -> pd.Series:
    """A mask of the rows of a ``files`` table that are exports' (not a settings file's, see
    :data:`SETTINGS_KINDS`), aligned on ``files``."""
    if "kind" not in files.columns:
        return pd.Series(True, index=files.index)
    return ~files["kind"].astype("string").isin(list(SETTINGS_KINDS)).fillna(False)


def looks_like_export(name: str) -> bool:
    """True for a file (or archive member) named as an export is (:data:`EXPORT_SUFFIXES`)
    that is not a settings file: one that no format understands is an export that could not
    be read (a download that failed and left an empty file, or a file of other bytes), which
    ``load``, ``smm inspect`` and ``smm report`` count as such. A stray notes.txt or README.md
    beside the exports is no export: not understood, it is listed as such and nothing more.

    >>> looks_like_export("b/ga4_2026-10.csv"), looks_like_export("a.zip!README.md")
    (True, False)
    """
    base = file_name(name)
    return (base.lower() not in SETTINGS_FILES
            and base.lower().endswith(EXPORT_SUFFIXES))


#: a browser's name for a second download of a file: "X (1).csv" (Chrome, Edge, Firefox),
#: "X(1).csv"; the copy's number, before the suffix (the outer one of "X (1) (1).csv")
_COPY_NUMBER = re.compile(r"^(?P<stem>.*?) ?\((?P<n>\d{1,3})\)(?P<suffix>\.[^.]*)?$")


#: what Google Drive (and a user following its habit) puts before a copy's name, in the
#: interface's language, once per copy of a copy: "Copie de Content_maisonseve.zip"
_COPY_PREFIX = re.compile(r"^(?:(?:Copy of|Copie de|Copia di|Copia de|Kopie von) )+",
                         re.IGNORECASE)
#: what a file manager (Windows' Explorer) puts after a copy's name, in its language, before
#: the suffix or a number of the copy: "X - Copie.csv", "X - Copy (2).csv"
_COPY_WORD = re.compile(r" - (?:Copy|Copie|Copia|Kopie)(?=(?: \(\d{1,3}\))?"
                        r"(?:\.[A-Za-z0-9]{1,5})?$)")


def without_copy_words(name: str) -> str:
    """``name`` without the words that make it a copy's, before it (:data:`_COPY_PREFIX`) or
    after it (:data:`_COPY_WORD`), a number of the copy kept: "Copie de X.csv", "X - Copie
    (2).csv" → "X.csv", "X (2).csv". The one list of them, for :func:`file_order` and
    ``_tidy.without_copy_marks``.

    >>> without_copy_words("Copie de X.csv"), without_copy_words("X - Copy (2).csv")
    ('X.csv', 'X (2).csv')
    """
    return _COPY_WORD.sub("", _COPY_PREFIX.sub("", name, count=1), count=1)


def file_order(path: str | Path) -> tuple[str, tuple[int, ...], str]:
    """The key files are sorted by (:func:`walk`, :func:`files_below`, the members of a zip):
    their path, except that a browser's second download "X (1).csv" comes right after "X.csv"
    (and "X (2).csv" after it, "X (10).csv" after "X (9).csv"), where plain text order puts
    it first (" " and "(" sort before "."). A download of a copy, "X (1) (1).csv", comes after
    the copy: its numbers are read from the original out, "X.csv" and (1, 1). A copy named
    "Copie de X.csv" or "X - Copie.csv" (:func:`without_copy_words`) comes right after
    "X.csv" too, before its second download: of two identical files the first is read, the
    other a duplicate, and the original, read first, is the one the files table keeps. The
    merge keeps, of exports that say the same export time, the later file in this order: the
    second download, made last.

    >>> sorted(["a/X (1).csv", "a/X.csv", "a/X (10).csv", "a/X (2).csv"], key=file_order)
    ['a/X.csv', 'a/X (1).csv', 'a/X (2).csv', 'a/X (10).csv']
    >>> sorted(["a/X.csv", "a/X (1).csv", "a/X (1) (1).csv"], key=file_order)
    ['a/X.csv', 'a/X (1).csv', 'a/X (1) (1).csv']
    >>> sorted(["a/Copie de X.csv", "a/X (1).csv", "a/X.csv"], key=file_order)
    ['a/X.csv', 'a/Copie de X.csv', 'a/X (1).csv']
    >>> sorted(["a/X - Copie (2).csv", "a/X - Copie.csv", "a/X.csv"], key=file_order)
    ['a/X.csv', 'a/X - Copie.csv', 'a/X - Copie (2).csv']
    """
    text = Path(path).as_posix()
    folder, slash, name = text.rpartition("/")
    original = without_copy_words(name)
    copies: list[int] = [0] if original != name else []
    name = original
    while (copy := _COPY_NUMBER.match(name)) is not None:
        copies.insert(0, int(copy["n"]))
        name = f"{copy['stem']}{copy['suffix'] or ''}"
    return f"{folder}{slash}{name}", tuple(copies), text


#: what makes a path a pattern (:mod:`glob`'s wildcards)
_WILDCARD = re.compile(r"[*?[]")


def expand_patterns(paths: Iterable[Path], skipped: list[tuple[Path, str]] | None = None
                    ) -> list[Path]:
    """``paths`` with each pattern (``exports/*.csv``, ``exports/**/*.xlsx``: a path that does
    not exist and holds a wildcard) replaced by the paths it matches, sorted: the shell does
    this for ``smm inspect exports/*.csv``, not for a quoted ``--data 'exports/*.csv'`` nor
    for ``smm.load("exports/*.csv")``, which said "path does not exist" of a pattern a user
    meant as the shell reads it. A path that exists is itself, wildcards in its name or not.
    A pattern that matches nothing is a ParseError naming it.

    A match below a folder the pattern also matches is left to that folder's walk
    (:func:`walk`): ``brand/**`` matches ``brand/``, ``brand/instagram/`` and the export in
    it, and read that export three times, two of them noted duplicates of itself; it loads
    as ``brand`` does. The junk a pattern matches (:func:`~smmanalytics.loaders._sources.is_junk`
    of its parts below :func:`pattern_folder`: ``~$report.xlsx`` of ``*.xlsx``, and
    ``exports/__MACOSX/x.csv`` of ``exports/**/*.csv``, which a folder's walk never enters)
    is added to ``skipped`` as a folder's walk adds it, never read."""
    out: list[Path] = []
    for p in paths:
        if not _is_pattern(p):
            out.append(p)
            continue
        found = _outermost([Path(m) for m in sorted(glob.glob(str(p), recursive=True))])
        if not found:
            raise ParseError("no file or folder matches this pattern", file=str(p),
                             expected="a pattern matching exports, folders or zips (as "
                             "exports/*.csv), or their paths", got="no match")
        fixed = _fixed_part(p)
        below = {m: m.relative_to(fixed) for m in found}
        junk = [m for m in found if is_junk(below[m].parts)]
        if skipped is not None:
            skipped += [(fixed, entry) for entry in junk_entries(
                below[m].as_posix() + ("/" if m.is_dir() else "") for m in junk)]
        out += [m for m in found if m not in junk]
    return out


def pattern_folder(p: Path) -> Path | None:
    """The folder a pattern's matches lie in (its parts before the first wildcard:
    ``brand`` of ``brand/*.csv`` and of ``brand/**``), None for a path that is no pattern
    (:func:`expand_patterns`) or whose fixed part is no folder. A load of one pattern names
    its files and the brand after it, as a load of the folder does."""
    if not _is_pattern(p):
        return None
    fixed = _fixed_part(p)
    return fixed if fixed.is_dir() else None


def _is_pattern(p: Path) -> bool:
    """Whether ``p`` is a pattern: it holds a wildcard and is no path that exists."""
    return not (p.exists() or p.is_symlink()) and _WILDCARD.search(str(p)) is not None


def _fixed_part(p: Path) -> Path:
    """The parts of the pattern ``p`` before the first that holds a wildcard (``.`` for
    ``*.csv``)."""
    first = next(i for i, part in enumerate(p.parts) if _WILDCARD.search(part))
    return Path(*p.parts[:first])


def _outermost(found: list[Path]) -> list[Path]:
    """The paths of ``found`` that lie below no folder of ``found``, in their order."""
    folders = {m for m in found if m.is_dir()}
    return [m for m in found if not folders.intersection(m.parents)]


def walk(paths: Iterable[str | Path], skipped: list[tuple[Path, str]] | None = None
         ) -> list[Path]:
    """The files of ``paths`` (folders walked with :func:`files_below`, files as given), each
    once (``["brand", "brand/x.csv"]`` reads ``x.csv`` once, not twice with a note that it
    duplicates itself), in :func:`file_order` of their absolute paths, whatever the order of
    ``paths``: the files of a list load as those of its folder do, the same tables and notes
    (in the order given, a tie between two exports of the same time went to the one listed
    last, and the tables' rows and columns followed the list); ParseError for a path that
    does not exist. The junk of the folders is added to ``skipped`` (:func:`files_below`)."""
    out: dict[str, Path] = {}           # by absolute path: the first path met of each file
    for p in paths:
        p = user_path(p)
        if p.is_dir():
            found = files_below(p, skipped)
        elif p.is_file():
            found = [p]
        else:
            raise ParseError("path does not exist", file=str(p),
                             expected="a folder, an export file, a zip archive or a list of them",
                             got=str(p))
        for f in found:
            out.setdefault(os.path.abspath(f), f)
    return sorted(out.values(), key=lambda f: file_order(f.absolute()))


def relative_name(f: Path, paths: Iterable[str | Path]) -> str | None:
    """The name of the file ``f`` of :func:`walk` below the folder of ``paths`` it was found
    in (``facebook/Views.csv`` of ``brand/facebook/Views.csv`` when ``brand`` is loaded; of
    folders nested in the list, the innermost), None for a file given itself (``read_source``
    names it by its own name, a zipped brand folder's members by their path below its
    folder): the folders the analyst sorted the exports into below the folder loaded may tell
    what a file is, those above it (``~/fb_exports/<brand>/``) never do.

    >>> relative_name(Path("/srv/fb_exports/brand/instagram/Views.csv"),
    ...               ["/srv/fb_exports/brand"])
    'instagram/Views.csv'
    >>> relative_name(Path("/srv/fb_exports/brand.zip"), ["/srv/fb_exports/brand.zip"]) is None
    True

    The folder loaded counts when it is, whole, a platform's name (``brand/instagram`` loaded
    itself, or ``ig``: :func:`~smmanalytics.loaders._sources.names_a_platform`), as it does
    one level down:

    >>> relative_name(Path("/srv/brand/Instagram/Views.csv"), ["/srv/brand/Instagram"])
    'Instagram/Views.csv'
    """
    below = [(p, f.relative_to(p)) for p in map(Path, paths) if f != p and f.is_relative_to(p)]
    if not below:
        return None
    folder, rel = min(below, key=lambda b: len(b[1].parts))
    name = folder.name or folder.resolve().name        # "." names the working folder
    return (Path(name) / rel if names_a_platform(name) else rel).as_posix()


def files_below(root: Path, skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """The files below the folder ``root`` in path order (:func:`file_order`), junk left out
    (:func:`~smmanalytics.loaders._sources.is_junk`), folders reached through a symbolic link
    included (each real folder once, so a link to a parent ends there). A link to a file that
    is missing (on a drive not mounted) is one of them: reading it says so, where leaving it
    out left an export out unsaid. The junk is added to ``skipped`` as ``(root, entry)``, its
    name below ``root``, for the load to note it: a junk folder (``.git/``, ``__MACOSX/``,
    never walked into) as one entry ending in ``/``, as
    :func:`~smmanalytics.loaders._sources.junk_entries` names an archive's."""
    found, seen = [], set()
    for folder, subfolders, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        rel = Path(folder).relative_to(root)
        if skipped is not None:         # named as an archive's junk is (a folder's with "/")
            skipped.extend((root, entry) for entry in junk_entries(
                (rel / n).as_posix() + "/" * (n in subfolders)
                for n in [*subfolders, *names] if is_junk((n,))))
        subfolders[:] = [d for d in subfolders if not is_junk((d,))]
        found += [Path(folder, n) for n in names
                  if not is_junk((n,)) and (Path(folder, n).is_file()
                                            or _dangling(Path(folder, n)))]
    return sorted(found, key=lambda f: file_order(f.relative_to(root)))


def _dangling(path: Path) -> bool:
    """True for a symbolic link to nothing (its target missing, or on a drive not mounted)."""
    return path.is_symlink() and not path.exists()


def is_archive_setting(name: str) -> bool:
    """True for an archive member ``a.zip!folder/goals.yaml`` that is a settings file (read by
    name, as in a folder)."""
    return "!" in name and file_name(name).lower() in SETTINGS_FILES


def member_kind(src) -> str:
    """What one source of an export file (``loaders._sources.iter_sources``) is, checked in
    this order: ``"damaged"`` (an archive member that could not be extracted, ``src.damage``),
    ``"setting"`` (an archive member that is a settings file, read by name beforehand),
    ``"image"`` (an archive member that is an image or a PDF, skipped as one in a folder is)
    or ``"export"``."""
    if src.damage is not None:
        return "damaged"
    if is_archive_setting(src.name):
        return "setting"
    if "!" in src.name and src.suffix in IMAGE_SUFFIXES:
        return "image"
    return "export"


@contextmanager
def noting_warnings(log: QualityLog, f: Path) -> Iterator[None]:
    """Record the DataQualityWarnings a settings file's reader raises in ``log`` (a settings
    file read as Windows-1252…); other warnings go on as they came."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        if isinstance(w.message, DataQualityWarning):
            log.add(f, w.message.code, str(w.message), level="warning",
                    **getattr(w.message, "facts", {}))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
