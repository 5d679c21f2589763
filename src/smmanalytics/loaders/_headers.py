"""Header normalisation and the synonym table (platform family, canonical field) → header variants.

The table is package data, ``synonyms.csv`` (columns ``family, canonical, lang, header``), so a
new platform module adds rows at its end. A header written with a trailing ``*`` matches every
normalised header that starts with the text before it (Meta's French ``Secondes regard…``).

Normalisation (reference §"How to read"): NFKC, U+2019/U+2018 → ``'``, U+00A0/U+202F → space,
whitespace collapsed, case-folded, trimmed.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["normalize", "HeaderMatch", "match_headers", "synonyms", "LOCALES", "families"]

#: language of a synonym row → BCP-47 locale reported for a file whose headers matched it
LOCALES = {"en": "en-US", "fr": "fr-FR", "it": "it-IT", "es": "es-ES", "de": "de-DE",
           "pt": "pt-BR", "nl": "nl-NL"}

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u202f": " ",
                         "\u2009": " ", "\ufeff": ""})


def normalize(text: object) -> str:
    """Normalised form of one header: NFKC, ``’``→``'``, NBSP/NNBSP→space, collapsed, case-folded."""
    s = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)
    return _SPACES.sub(" ", s).strip().strip('"').strip().casefold()


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


@cache
def _index(family: str) -> tuple[dict[str, tuple[str, frozenset[str]]], tuple[_Synonym, ...]]:
    exact: dict[str, tuple[str, set[str]]] = {}
    prefixes = []
    for s in synonyms():
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


@dataclass(frozen=True)
class HeaderMatch:
    """Result of matching a file's headers against one family.

    ``columns`` maps each canonical field to the positions of the columns that carry it (several
    for bilingual files, first one first); ``unknown`` lists the headers no synonym matched;
    ``locale`` is the BCP-47 locale of the language whose distinctive headers matched most.
    """

    family: str
    columns: dict[str, list[int]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    locale: str = "en-US"
    languages: dict[str, int] = field(default_factory=dict)

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
    language has specific matches. Unknown headers are listed, never an error.
    """
    exact, prefixes = _index(family)
    columns: dict[str, list[int]] = {}
    unknown: list[str] = []
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
            continue
        canon, langs = hit
        columns.setdefault(canon, []).append(pos)
        if len(langs) == 1:
            votes[next(iter(langs))] += 1
    other = {k: v for k, v in votes.items() if k != "en"}
    lang = max(sorted(other), key=lambda k: other[k]) if other else "en"
    return HeaderMatch(family, columns, unknown, LOCALES.get(lang, lang), dict(votes))
