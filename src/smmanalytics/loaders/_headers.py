"""Header normalisation and the synonym table (platform family, canonical field) → header variants.

The table is package data, ``synonyms.csv`` (columns ``family, canonical, lang, header``), so a
new platform module adds rows at its end. A header written with a trailing ``*`` matches every
normalised header that starts with the text before it (Meta's French ``Secondes regard…``).

A brand folder may hold its own ``synonyms.csv``, with the same columns, for headers the package
does not know yet (an export in a language no one has sent a sample of): :func:`read_synonyms`
checks it against the package table, and :func:`using_synonyms` adds its rows to every match
made in its ``with`` block (a context variable: other threads and loads are not affected).

Normalisation (reference §"How to read"): NFKC, U+2019/U+2018 → ``'``, U+00A0/U+202F → space,
whitespace collapsed, case-folded, trimmed.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .._io import read_user_text, user_csv
from ..errors import ConfigError
from ..quality import agree

__all__ = ["normalize", "HeaderMatch", "match_headers", "synonyms", "LOCALES", "LANGUAGE_NAMES",
           "families", "SUMMARY_WORDS", "read_synonyms", "using_synonyms", "extra_fingerprint",
           "known_header", "shares_half_the_names", "language_hint"]

#: language of a synonym row → BCP-47 locale reported for a file whose headers matched it
LOCALES = {"en": "en-US", "fr": "fr-FR", "it": "it-IT", "es": "es-ES", "de": "de-DE",
           "pt": "pt-BR", "nl": "nl-NL"}
#: the languages of ``synonyms.csv`` as a note names them
LANGUAGE_NAMES = {"en": "English", "fr": "French", "it": "Italian", "es": "Spanish",
                  "de": "German", "pt": "Portuguese", "nl": "Dutch"}

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u202f": " ",
                         "\u2009": " ", "\ufeff": ""})


def normalize(text: object) -> str:
    """Normalised form of one header: NFKC, ``’``→``'``, NBSP/NNBSP→space, collapsed,
    case-folded."""
    return _normalized(text if type(text) is str else str(text))


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    """:func:`normalize` of a string, remembered: each file's header is matched against
    every family's synonyms (13 times for a Meta post export, 430 headers normalised), a
    fifth of a millisecond of a small file's load each time."""
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub(" ", s).strip().strip('"').strip().casefold()


#: first cells of a summary row, normalised: a platform's "Grand total", or a total that a
#: spreadsheet's user added under the data (EN, FR, IT, ES, DE)
SUMMARY_WORDS = frozenset({"total", "totals", "grand total", "totaux", "total général",
                           "totale", "totali", "totale complessivo", "totale generale",
                           "totales", "total general",
                           "gesamt", "insgesamt", "gesamtsumme", "summe"})


def shares_half_the_names(names: Iterable[str], header: Collection[str]) -> bool:
    """True when at least half of ``names`` are names of ``header`` (both normalised): two
    headers of one kind of export share most of their names (Meta's posts have 32, 33 or 34
    columns), two of different kinds few. The one rule of a row among the rows that is a
    header of other columns (``_sniff._first_other_header``) and of a later block with its own
    header read as the first one's (``_read._with_later_blocks``).

    A blank name (an empty cell, a column without a name) is no name, on either side: left out
    of ``names``, never matched in ``header``. A name written twice counts twice. No names at
    all share half: the caller asks for as many as it needs (two for a row of a sheet)."""
    filled = [n for n in names if n]
    return 2 * sum(n in header for n in filled) >= len(filled)


@dataclass(frozen=True)
class _Synonym:
    family: str
    canonical: str
    lang: str
    header: str          # normalised
    prefix: bool


@cache
def synonyms() -> tuple[_Synonym, ...]:
    """Every row of ``synonyms.csv``, headers normalised (read once)."""
    text = resources.files(__package__).joinpath("synonyms.csv").read_text(encoding="utf-8")
    rows = []
    for rec in csv.DictReader(text.splitlines()):
        if not rec.get("family") or rec["family"].startswith("#"):
            continue
        raw = rec["header"]
        prefix = raw.endswith("*")
        rows.append(_Synonym(rec["family"].strip(), rec["canonical"].strip(),
                             rec["lang"].strip(), normalize(raw.rstrip("*")), prefix))
    return tuple(rows)


def families() -> list[str]:
    """Families present in the synonym table."""
    return sorted({s.family for s in synonyms()})


def language_hint(row: str = "", sheet: str = "") -> str:
    """How headers in a language not known yet get read: a synonyms.csv row in the brand
    folder (README's "Exports in a language not known yet"), with the ``row`` that would
    read the column wanted (``linkedin_posts,permalink,<language>,<its header>``) and what
    a ``sheet`` told by its name cannot have. One wording for a table no format claims and a
    sheet a format claims without a column it needs (LinkedIn's ``All posts`` in Italian,
    whose error named the cell but not the remedy a CSV's note gave)."""
    rows = f": {row}" if row else f", under one of its families {', '.join(families())}"
    return ("headers in a language not known yet can be added to a synonyms.csv in the brand "
            f"folder{rows}{sheet}")


#: the rows of a brand's own synonyms.csv, added to the package table by :func:`using_synonyms`
_EXTRA: ContextVar[tuple[_Synonym, ...]] = ContextVar("smm_extra_synonyms", default=())
_SYNONYM_COLUMNS = ("family", "canonical", "lang", "header")
_LANG = re.compile(r"[a-z]{2,3}")


def read_synonyms(path: str | Path, *, data: bytes | None = None,
                  problems: list[ConfigError] | None = None) -> tuple[_Synonym, ...]:
    """The rows of a user's ``synonyms.csv`` (``family, canonical, lang, header``; ``,`` or ``;``).

    ``data``: its bytes, when it is a member of a zipped brand folder that ``path`` names.
    ``problems``: a list, when a bad row is to be left out alone: its error is appended and
    the other rows are kept (one wrong row threw away every row of the file, an Italian
    brand's ``Entrate totali`` → revenue, and with it ROI and ROAS). Without it, the first
    bad row raises. A file without the four columns raises either way.

    Each row must name a family of the package table, a field that family already has, and a
    language code (``fr``, ``it``, ``de``…: the locale a file matching it is reported in); its
    header must not be one the package (or an earlier row) gives to another field. Blank lines
    and rows whose family starts with ``#`` are skipped.

    Raises
    ------
    ConfigError
        naming the file, the line, the column, what was expected and what came.
    """
    path = Path(path)
    text = read_user_text(path, "synonyms file", data)
    rows, _ = user_csv(text, path)
    header = [normalize(h) for h in next(rows, [])]
    missing = [c for c in _SYNONYM_COLUMNS if c not in header]
    if missing:
        raise ConfigError("synonyms file lacks a column", file=str(path), line=1,
                          column=missing[0], expected="a header family, canonical, lang, header",
                          got=", ".join(header) or "an empty file")
    at = {c: header.index(c) for c in _SYNONYM_COLUMNS}
    fields: dict[str, set[str]] = {}
    for s in synonyms():
        fields.setdefault(s.family, set()).add(s.canonical)
    out: list[_Synonym] = []
    for line, cells in enumerate(rows, start=2):
        rec = {c: (cells[i].strip() if i < len(cells) else "") for c, i in at.items()}
        if not any(rec.values()) or rec["family"].startswith("#"):
            continue
        row = _Synonym(rec["family"], rec["canonical"], rec["lang"],
                       normalize(rec["header"].rstrip("*")), rec["header"].endswith("*"))
        row = _aliased(row, fields)
        problem = _row_problem(row, fields, out)
        if problem is not None:
            column, expected = problem
            exc = ConfigError("invalid synonym row", file=str(path), line=line, column=column,
                              expected=expected, got=rec[column])
            if problems is None:
                raise exc
            problems.append(exc)
            continue
        out.append(row)
    return tuple(out)


#: canonical columns of the frames that the loaders make from fields of another name, per
#: family: the name a user sees (``ds.posts["negative_feedback"]``) and may write in a
#: synonyms.csv row, with the fields it comes from. One field: the row is read as that
#: field's; several: the row is refused, the error naming them ("did you mean …")
_COLUMN_FIELDS = {
    ("meta", "negative_feedback"): ("neg_hide_all", "neg_hide"),
    ("meta", "paid"): ("reach_boosted", "views_boosted"),
    ("meta", "content_type"): ("post_type",),
    ("meta", "caption"): ("title", "description"),
    ("meta", "published_at"): ("publish_time",),
}


def _meant(row: _Synonym) -> str:
    """`` (did you mean neg_hide_all or neg_hide? …)``: for a row naming a column of the
    frames made from several fields (:data:`_COLUMN_FIELDS`), those fields with their English
    headers, by which a user tells which one the header is; "" for another name."""
    meant = _COLUMN_FIELDS.get((row.family, row.canonical), ())
    if not meant:
        return ""
    english = {s.canonical: s.header for s in synonyms()
               if s.family == row.family and s.lang == "en" and s.canonical in meant}
    said = ", ".join(f"{m} {english[m]!r}" for m in meant if m in english)
    return (f" (did you mean {' or '.join(meant)}? {row.canonical} is a column the loader "
            f"makes from {agree(len(meant), 'that field', 'those fields')}"
            f"{f'; in English exports {said}' if said else ''})")


def _aliased(row: _Synonym, fields: dict[str, set[str]]) -> _Synonym:
    """``row`` naming the field its canonical column comes from, where the row names a column
    of the frames (:data:`_COLUMN_FIELDS`) made from one field only of its family."""
    came_from = _COLUMN_FIELDS.get((row.family, row.canonical), ())
    if row.canonical in fields.get(row.family, ()) or len(came_from) != 1:
        return row
    return _Synonym(row.family, came_from[0], row.lang, row.header, row.prefix)


def _row_problem(row: _Synonym, fields: dict[str, set[str]], earlier: list[_Synonym]
                 ) -> tuple[str, str] | None:
    """(column, what was expected) of the first thing wrong with a user's synonym row."""
    if row.family not in fields:
        return "family", f"one of {', '.join(sorted(fields))}"
    if row.canonical not in fields[row.family]:
        return "canonical", (f"a field of {row.family}{_meant(row)}: "
                             f"{', '.join(sorted(fields[row.family]))}")
    if not _LANG.fullmatch(row.lang):
        return "lang", "a language code such as fr, it or de"
    if not row.header:
        return "header", "the header as the export writes it"
    for s in (*synonyms(), *earlier):
        if (s.family, s.header, s.prefix) == (row.family, row.header, row.prefix) \
                and s.canonical != row.canonical:
            return "header", f"a header not already meaning {s.canonical!r} in {row.family}"
    return None


@contextmanager
def using_synonyms(extra: tuple[_Synonym, ...]) -> Iterator[None]:
    """Match headers against the package table plus ``extra`` inside the ``with`` block."""
    token = _EXTRA.set(tuple(extra))
    try:
        yield
    finally:
        _EXTRA.reset(token)


def extra_fingerprint() -> str:
    """A digest of the synonyms added by :func:`using_synonyms` here ("" when none): part of
    the cache keys, since they change what a file reads as."""
    extra = _EXTRA.get()
    if not extra:
        return ""
    return hashlib.sha256(repr(extra).encode("utf-8")).hexdigest()


@cache
def _index(family: str, extra: tuple[_Synonym, ...] = ()
           ) -> tuple[dict[str, tuple[str, frozenset[str]]], tuple[_Synonym, ...]]:
    exact: dict[str, tuple[str, set[str]]] = {}
    prefixes = []
    for s in (*synonyms(), *extra):
        if s.family != family:
            continue
        if s.prefix:
            prefixes.append(s)
            continue
        canon, langs = exact.setdefault(s.header, (s.canonical, set()))
        if canon != s.canonical:
            raise ValueError(f"synonyms.csv: header {s.header!r} of family {family!r} maps to "
                             f"both {canon!r} and {s.canonical!r}")
        langs.add(s.lang)
    return ({h: (c, frozenset(ls)) for h, (c, ls) in exact.items()}, tuple(prefixes))


@cache
def _every_header(extra: tuple[_Synonym, ...] = ()) -> tuple[frozenset[str], tuple[str, ...]]:
    """The headers of every family (normalised), and the prefixes of those written with ``*``."""
    rows = (*synonyms(), *extra)
    return (frozenset(s.header for s in rows if not s.prefix),
            tuple(s.header for s in rows if s.prefix))


def known_header(name: str) -> bool:
    """True when ``name`` (normalised) is a header of some export of some family in the synonym
    table (with those added by :func:`using_synonyms`)."""
    exact, prefixes = _every_header(_EXTRA.get())
    return bool(name) and (name in exact or name.startswith(prefixes))


@dataclass(frozen=True)
class HeaderMatch:
    """Result of matching a file's headers against one family.

    ``columns`` maps each canonical field to the positions of the columns that carry it (several
    for bilingual files, first one first); ``unknown`` lists the headers no synonym matched,
    ``blank`` the positions of the header cells left empty (a name a spreadsheet's user
    deleted: no field reads their cells, whatever they hold, which
    ``_finish.note_blank_headers`` looks at); ``locale`` is the BCP-47 locale of the language
    whose distinctive headers matched most.
    """

    family: str
    columns: dict[str, list[int]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    locale: str = "en-US"
    languages: dict[str, int] = field(default_factory=dict)
    blank: list[int] = field(default_factory=list)

    def has(self, *canonical: str) -> bool:
        """True when every one of ``canonical`` was found."""
        return all(c in self.columns for c in canonical)

    def any(self, *canonical: str) -> bool:
        """True when at least one of ``canonical`` was found."""
        return any(c in self.columns for c in canonical)


def match_headers(headers: list[str], family: str) -> HeaderMatch:
    """Map raw ``headers`` to canonical fields of ``family`` through the synonym table.

    The locale is the language with most matched headers that are specific to it (a header
    shared by several languages, like ``Impressions``, is no evidence); English when no other
    language has specific matches. Unknown headers are listed, never an error, and so are the
    positions of blank ones (a blank header is no unknown name: ``extra_columns`` cannot list
    it). Synonyms added by :func:`using_synonyms` count as the package's own.
    """
    exact, prefixes = _index(family, _EXTRA.get())
    columns: dict[str, list[int]] = {}
    unknown: list[str] = []
    blank: list[int] = []
    votes: Counter[str] = Counter()
    for pos, raw in enumerate(headers):
        h = normalize(raw)
        hit = exact.get(h)
        if hit is None:
            for s in prefixes:
                if h.startswith(s.header):
                    hit = (s.canonical, frozenset({s.lang}))
                    break
        if hit is None:
            if h:
                unknown.append(str(raw))
            else:
                blank.append(pos)
            continue
        canon, langs = hit
        columns.setdefault(canon, []).append(pos)
        if len(langs) == 1:
            votes[next(iter(langs))] += 1
    other = {k: v for k, v in votes.items() if k != "en"}
    lang = max(sorted(other), key=lambda k: other[k]) if other else "en"
    return HeaderMatch(family, columns, unknown, LOCALES.get(lang, lang), dict(votes), blank)
