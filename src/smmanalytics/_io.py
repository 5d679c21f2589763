"""Files in and out: the user's settings files read as text, and atomic output.

Output is written to a temporary file in the target folder, then renamed over the target: a
reader (or a crash) never sees a half-written file; the file gets the usual permissions
(0666 less the umask) rather than the 0600 of ``tempfile.mkstemp``. An output that cannot be
written raises :class:`~smmanalytics.errors.OutputError` naming the path the user gave.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import os
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath, PurePosixPath

import yaml

from .errors import ConfigError, DataQualityWarning, OutputError

__all__ = ["atomic_write", "closest_key", "default_mode", "file_name", "output_folder",
           "read_user_text", "unknown_key", "user_csv", "writing", "yaml_error"]


def file_name(path: str | os.PathLike) -> str:
    """The name of the file ``path`` names, an archive member's too: ``costs.csv`` for
    ``b/costs.csv``, ``b.zip!costs.csv`` and ``b.zip!brand/costs.csv`` alike.

    >>> file_name("agency/maison-seve.zip!goals.yaml")
    'goals.yaml'
    """
    name = str(path)
    if "!" in name:
        return PurePosixPath(name.rsplit("!", 1)[1].replace("\\", "/")).name
    return PurePath(name).name


def read_user_text(path: str | os.PathLike, what: str, data: bytes | None = None) -> str:
    """The text of a settings file the user wrote (costs.csv, goals.yaml, brand.yaml…).

    UTF-8, with or without a BOM. A file saved in Windows-1252 (Notepad or Excel on a French
    or Italian Windows) is read as such, with a :class:`DataQualityWarning` (code
    ``encoding_fallback``) saying so. ``what`` names the file in errors ("costs file");
    ``data`` is the file's bytes when it is not on disk (a member of a zipped brand folder),
    ``path`` then only names it (``brand.zip!brand/goals.yaml``).

    Raises
    ------
    ConfigError
        when the file is missing or unreadable, is UTF-16 (Excel's "Unicode text"), or is
        neither UTF-8 nor Windows-1252.
    """
    path = Path(path)
    try:
        if data is None:
            data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{what} not found", file=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read {what}", file=str(path),
                          got=exc.strerror or str(exc)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:200]:
        # Excel's "Unicode text": read as Windows-1252 it was a ConfigError of no use
        # ("missing columns: ÿþp")
        raise ConfigError(f"{what} is UTF-16 text (Excel's 'Unicode text'): save it as UTF-8 "
                          "(in Excel: 'CSV UTF-8')", file=str(path), expected="UTF-8 text",
                          got="UTF-16 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ConfigError(f"{what} is not UTF-8 text", file=str(path), expected="UTF-8 text",
                          got=str(utf8_error)) from None
    warnings.warn(DataQualityWarning(
        f"{file_name(path)} is not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}): read as "
        "Windows-1252; save it as UTF-8 to be sure of its accents", "encoding_fallback"),
        stacklevel=2)
    return text


#: French and Italian words for the keys and headers of the settings files (brand.yaml,
#: goals.yaml, costs.csv), which difflib does not bring close to theirs (``nom``, ``fuseau``)
_KEY_WORDS = {
    "nom": "name", "nome": "name", "fuseau": "timezone", "fuseau_horaire": "timezone",
    "fuso": "timezone", "fuso_orario": "timezone", "devise": "currency", "monnaie": "currency",
    "valuta": "currency", "langue": "language", "lingua": "language", "secteur": "industry",
    "settore": "industry", "couleurs": "colors", "colori": "colors", "comptes": "accounts",
    "account": "accounts", "objectifs": "goals", "obiettivi": "goals",
    "valeur_par_conversion": "value_per_key_event", "valore_per_conversione":
    "value_per_key_event", "debut": "start", "début": "start", "inizio": "start",
    "fin": "end", "fine": "end", "catégorie": "category", "categorie": "category",
    "categoria": "category", "montant": "amount", "importo": "amount", "plateforme": "platform",
    "piattaforma": "platform", "campagne": "campaign", "campagna": "campaign",
    "heures": "hours", "ore": "hours", "taux_horaire": "hourly_rate",
    "tariffa_oraria": "hourly_rate", "remarque": "note", "commentaire": "note", "nota": "note",
    "métrique": "metric", "metrique": "metric", "metrica": "metric", "cible": "target",
    "objectif": "target", "obiettivo": "target", "periode": "period", "période": "period",
    "periodo": "period", "sens": "direction", "direzione": "direction", "libellé": "label",
    "libelle": "label", "etichetta": "label",
}


def closest_key(key: object, known: Iterable[str]) -> str | None:
    """The known key ``key`` was most likely meant for: its English key when it is a French or
    Italian word of :data:`_KEY_WORDS`, else the nearest spelling (difflib, ratio ≥ 0.6:
    ``time_zone`` → ``timezone``, ``lang`` → ``language``), else None."""
    known = list(known)
    word = str(key).strip().lower().replace(" ", "_")
    if "." in word:         # colors.primaire: its last part among the keys of colors.
        prefix, word = word.rsplit(".", 1)
        known = [k for k in known if k.startswith(prefix + ".")]
        leaf = closest_key(word, [k[len(prefix) + 1:] for k in known])
        return None if leaf is None else f"{prefix}.{leaf}"
    if _KEY_WORDS.get(word) in known:
        return _KEY_WORDS[word]
    return next(iter(difflib.get_close_matches(word, known, n=1, cutoff=0.6)), None)


def unknown_key(key: object, known: Iterable[str], *, file: str | os.PathLike,
                line: int | None, what: str = "key",
                error: type[ConfigError] = ConfigError,
                present: Iterable[str] = (), within: str = "") -> ConfigError:
    """The ConfigError of a key (or a CSV's header: ``what``, named as its column) a
    settings file does not know, naming the file, its line, the key, the keys known and the
    closest one (:func:`closest_key`): a key dropped unread left its setting at the default
    unseen (``time_zone: Europe/Paris`` gave every hour in UTC). ``error``: the ConfigError
    subclass to return. ``present``: the known keys the file has already, never suggested
    (a ``tarif`` header beside ``start`` was told "did you mean 'start'?", which would make
    two of them). ``within``: where the key is, written before it as the error names it
    (``brands[1].`` for agency.yaml's ``brands[1].language``)."""
    known, present = sorted(known), set(present)     # once: an iterator is read once
    close = closest_key(key, [k for k in known if k not in present])
    place = {"column" if what == "header" else "key": f"{within}{key}"}
    return error(f"unknown {what}" + (f" (did you mean {close!r}?)" if close else ""),
                 file=str(file), line=line, **place,
                 expected=f"one of the {what}s {', '.join(known)}", got=key)


def key_lines(root: yaml.Node | None) -> dict[tuple, int]:
    """1-based line of each key of a settings file's YAML (``yaml.compose``), by its path:
    ``("currency",)``, ``("colors", "primary")``, a list's item by its 0-based index
    (``("goals", 0)``: the line of its dash) and its keys (``("brands", 1, "language")``),
    for its errors to say where to look. A node met twice (an alias) is walked once, and a
    list item written as an alias (``- *a``) has no line: the composed node is the anchor's,
    and its mark the anchor's line, which named another entry (``brands[1]`` for
    ``brands[2]``); no line is better than a wrong one."""
    out: dict[tuple, int] = {}
    seen: set[int] = set()

    def walk(node: yaml.Node, path: tuple) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    out[(*path, k.value)] = k.start_mark.line + 1   # the last, as YAML keeps
                    walk(v, (*path, k.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                if id(item) not in seen:
                    out[(*path, i)] = item.start_mark.line + 1
                walk(item, (*path, i))

    if root is not None:
        walk(root, ())
    return out


def yaml_error(exc: Exception, path: str | os.PathLike, expected: str,
               reason: str = "not valid YAML") -> ConfigError:
    """The ConfigError of a settings file that is not valid YAML: the line of the fault, and
    as ``got`` what is wrong there, at which character, in what.

    PyYAML's message starts with its context when it has one ("while parsing a flow
    sequence"), which said where the parser was, not what was wrong ("expected ',' or ']',
    but got ':'").
    """
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if not problem:
        lines = str(exc).splitlines()
        return ConfigError(reason, file=str(path), line=mark.line + 1 if mark else None,
                           expected=expected, got=lines[0] if lines else type(exc).__name__)
    got = problem if mark is None else f"{problem} at character {mark.column + 1}"
    context, begun = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and begun is not None and (mark is None or begun.line != mark.line
                                          or begun.column != mark.column):
        got += f", {context} that began on line {begun.line + 1}, character {begun.column + 1}"
    return ConfigError(reason, file=str(path), line=mark.line + 1 if mark else None,
                       expected=expected, got=got)


def user_csv(text: str, path: str | os.PathLike | None = None
             ) -> tuple[Iterator[list[str]], str]:
    """The rows of a settings CSV (header first) and its delimiter: ``;`` when its first line
    has more of them than commas (Excel in French or Italian), else ``,``.

    A tab-separated file (Excel's "Text (tab-delimited)") is a ConfigError naming ``path``:
    read with ``,`` its header was one column, and the error named the columns missing, not
    why.
    """
    lines = text.splitlines()
    first = lines[0] if lines else ""
    if "\t" in first and not (";" in first or "," in first):
        raise ConfigError("the file is tab-separated: save it as CSV, with , or ; between the "
                          "columns", file=None if path is None else str(path), line=1,
                          expected="columns separated by , or ;", got="columns separated by tabs")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.reader(lines, delimiter=delimiter), delimiter


def default_mode(directory: bool = False) -> int:
    """0666 (files) or 0777 (folders) less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


@contextlib.contextmanager
def writing(path: str | os.PathLike, what: str = "file") -> Iterator[None]:
    """Within the block, an OSError becomes an :class:`OutputError` naming ``path``: the path
    the user gave, where the OSError would name a temporary file, or nothing.

    ``what`` says what ``path`` is ("calendar", "reports folder").
    """
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        if isinstance(exc, FileExistsError) and exc.filename is not None:   # from mkdir
            reason = f"{exc.filename} is a file, expected a folder"
        else:
            reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write the {what} {path}: {reason}",
                          path=str(path)) from exc


def output_folder(path: str | os.PathLike, what: str = "output folder") -> Path:
    """Create the folder ``path`` and its parents if missing; OutputError naming it if not
    possible."""
    path = Path(path)
    with writing(path, what):
        path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write(path: str | os.PathLike, data: bytes | str, *, encoding: str = "utf-8",
                 what: str = "file") -> Path:
    """Write ``data`` to ``path`` atomically, creating parent folders; return the path.

    Raises
    ------
    OutputError
        naming ``path`` (``what`` says what it is) when it cannot be written.
    """
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    with writing(path, what):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.chmod(tmp, default_mode())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return path
