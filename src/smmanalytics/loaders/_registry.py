"""The registry of export formats (papermill ``iorw``/``engines`` pattern).

A format is registered once, by its module, with :func:`register`: its platforms and kinds,
``detect(candidate) -> float`` and ``parse(candidate, ctx) -> list[DataFrame]`` (the
:class:`~._candidate.Candidate` and :class:`~._candidate.ParseContext` they are given), the
synonym family of its headers, the fields that identify a post, the metrics its exports
carry. :func:`detect_format` picks, for one table, the format of best score of at least
:data:`THRESHOLD` (ties: registration order); :data:`FAMILY_NAMES` is the exporter's name of
each family, for the messages about a file.

The rest of the loading pipeline is apart: :mod:`._read` reads a file's sources and tables
and parses each with the format chosen here, :mod:`._finish` finishes the frames, and
:mod:`._snapshot` says when each export was taken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .. import schema
from .._args import platform_name
from ..errors import ArgumentError, SmmError, UnknownFormatError, UnknownPlatformError
from ._candidate import Candidate, ParseContext
from ._headers import families, synonyms

__all__ = ["Format", "register", "formats", "get_format", "detect_format", "KINDS",
           "KNOWN_PLATFORMS"]

logger = logging.getLogger(__name__)

KINDS = ("posts", "daily", "web", "audience")
KNOWN_PLATFORMS = (*schema.PLATFORMS, "ga4")
THRESHOLD = 0.5


@dataclass(frozen=True)
class Format:
    """One export format: how to recognise it and how to parse it."""

    name: str
    platforms: tuple[str, ...]
    kinds: tuple[str, ...]
    detect: Callable[[Candidate], float]
    parse: Callable[[Candidate, ParseContext], list[pd.DataFrame]]
    description: str = ""
    #: the synonym family of its headers, the fields that identify a post (:func:`register`)
    family: str | None = None
    keys: tuple[str, ...] = ()
    #: the metrics its exports carry (``"views|impressions"``: either), for every platform
    #: and for some (``(("instagram", ("saves",)),)``)
    expects: tuple[str, ...] = ()
    expects_on: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: the header names its metrics are matched by, when not the table's header
    header_names: Callable[[Candidate], list[str]] | None = None
    #: the tables ``expects`` holds of, when not all (a GA4 report's main table, not its chart)
    expects_when: Callable[[Candidate], bool] | None = None
    #: ``parse`` reads the export's own Total row, a key of which says "Total" (:func:`register`)
    own_total: bool = False
    #: why a table of its headers under another name is not read (:func:`register`)
    unnamed: Callable[[Candidate], str | None] | None = None

    @property
    def platform(self) -> str:
        return self.platforms[0]

    def expected(self, platform: str | None) -> tuple[str, ...]:
        """The metrics (alternatives joined by ``|``) every export of this format carries for
        ``platform``."""
        return self.expects + dict(self.expects_on).get(platform or "", ())


_FORMATS: dict[str, Format] = {}


def register(name: str, *, platforms: str | tuple[str, ...], kinds: str | tuple[str, ...],
             detect: Callable[[Candidate], float],
             parse: Callable[[Candidate, ParseContext], list[pd.DataFrame]],
             description: str = "", family: str | None = None, keys: tuple[str, ...] = (),
             expects: tuple[str, ...] = (),
             expects_on: dict[str, tuple[str, ...]] | None = None,
             header_names: Callable[[Candidate], list[str]] | None = None,
             expects_when: Callable[[Candidate], bool] | None = None,
             own_total: bool = False,
             unnamed: Callable[[Candidate], str | None] | None = None) -> Format:
    """Register an export format; returns it. A name can be registered only once.

    Parameters
    ----------
    name : str
        e.g. ``"meta_post"``; becomes ``source_format`` of the rows it produces.
    platforms : str or tuple of str
        platforms the format can produce rows for (one of :data:`KNOWN_PLATFORMS`).
    kinds : str or tuple of str
        canonical tables it produces (``posts``, ``daily``, ``web``, ``audience``).
    detect : callable(Candidate) -> float
        score in [0, 1]; 0.5 or more claims the table.
    parse : callable(Candidate, ParseContext) -> list of DataFrame
        canonical frames with ``attrs`` ``platform``, ``kind``, ``source_locale``.
    family : str, optional
        the synonym family its headers are matched in (``synonyms.csv``); needed by ``keys``
        and ``expects``.
    keys : tuple of str
        of a posts format, the fields of ``family`` that identify a post (its id, link,
        publish time): a row none of whose key cells is filled that says "Total" or holds the
        sums of the rows above is dropped as a summary row before ``parse`` reads the table,
        its line noted (``_summary``). A key cell that says "Total" (typed in the id's
        column) is no key: its figures are neither read nor noted as a post's.
    expects : tuple of str
        the fields of ``family`` every export of the format carries (the platform's header
        table in reference/platform-exports.md), ``"views|impressions"`` for either: a table
        whose headers match none of one is read, with a warning that names the metric, the
        columns not used, and the ``synonyms.csv`` row that would read it (``_expected``).
        A metric an export may legitimately lack (an X file's views, a Meta story's saves)
        is not expected.
    expects_on : dict, optional
        platform → more fields expected of that platform's tables (Instagram posts' saves).
    header_names : callable(Candidate) -> list of str, optional
        the names ``expects`` are matched by, when not the table's headers (LinkedIn's
        ``Impressions (organic)`` is matched as ``Impressions``).
    expects_when : callable(Candidate) -> bool, optional
        the tables ``expects`` holds of, when a format reads tables of several column sets
        (a GA4 report with its engagement columns, not the chart of one metric under it).
    own_total : bool
        the export writes a Total row of its own, a key of which says "Total", and ``parse``
        reads it (YouTube Studio's, whose views tell whether rows were left out): that row
        is left to it, which drops it with :meth:`~._candidate.Candidate.not_read`.
    unnamed : callable(Candidate) -> str or None, optional
        of a format told by its file's name, what to say of a table no format claims whose
        headers are its exports' (YouTube Studio's ``Totals.csv``, ``Date,Views``, renamed):
        that it is read under the export's name alone, said instead of advice to add a
        synonyms.csv row, which would change nothing. None for other tables.

    Raises
    ------
    UnknownPlatformError
        for a platform not in :data:`KNOWN_PLATFORMS`.
    ArgumentError
        for a kind not in :data:`KINDS`, a ``name`` already registered, ``keys`` or
        ``expects`` without ``family``, a family the synonym table does not have, or a field
        of ``keys``, ``expects`` or ``expects_on`` not in that family; a ValueError too.
    """
    platforms = (platforms,) if isinstance(platforms, str) else tuple(platforms)
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    for p in platforms:
        if p not in KNOWN_PLATFORMS:
            raise UnknownPlatformError(f"format {name!r}: unknown platform {p!r}; known "
                                       f"platforms: {', '.join(KNOWN_PLATFORMS)}; a new one: "
                                       "add it to schema.PLATFORMS (and see README 'Adding a "
                                       "platform loader')")
    for k in kinds:
        if k not in KINDS:
            raise ArgumentError(f"format {name!r}: not a kind of table", argument="kinds",
                                expected=f"one of {', '.join(KINDS)}", got=k)
    if name in _FORMATS:
        raise ArgumentError(f"format {name!r} is already registered", argument="name",
                            expected="a name no format has", got=name)
    if (keys or expects) and family is None:
        raise ArgumentError(f"format {name!r}: keys and expects are fields of a family; "
                            "pass family=", argument="family",
                            expected="the synonym family (synonyms.csv) of keys and expects")
    if family is not None:
        _check_family(name, family, keys, expects, expects_on)
    fmt = Format(name, platforms, kinds, detect, parse, description, family, tuple(keys),
                 tuple(expects), tuple((p, tuple(m)) for p, m in (expects_on or {}).items()),
                 header_names, expects_when, own_total, unnamed)
    _FORMATS[name] = fmt
    return fmt


def _check_family(name: str, family: str, keys, expects, expects_on) -> None:
    """A format's family must be one of the synonym table's, and its keys and expected
    metrics fields of that family: a misspelt family (``tiktok_content`` for ``tiktok``)
    matched no header, so no total row was ever dropped and every file of the format warned
    that each expected metric was missing."""
    if family not in families():
        raise ArgumentError(f"format {name!r}: unknown family", argument="family",
                            expected=f"one of the synonym table's families, "
                                     f"{', '.join(families())}", got=family)
    fields = {s.canonical for s in synonyms() if s.family == family}
    given = {"keys": keys, "expects": expects,
             "expects_on": [m for ms in (expects_on or {}).values() for m in ms]}
    for argument, wanted in given.items():     # "views|impressions": either field
        unknown = sorted({f for e in wanted for f in e.split("|")} - fields)
        if unknown:
            raise ArgumentError(
                f"format {name!r}: {', '.join(map(repr, unknown))} "
                f"{'is not a field' if len(unknown) == 1 else 'are not fields'} of family "
                f"{family!r}", argument=argument,
                expected=f"fields of family {family!r} (synonyms.csv)")


def formats(platform: str | None = None) -> list[Format]:
    """Registered formats, optionally only those of ``platform``.

    Raises
    ------
    UnknownPlatformError
        when ``platform`` is not a known platform name (the message lists them).
    """
    if platform is None:
        return list(_FORMATS.values())
    p = platform_name(platform, KNOWN_PLATFORMS)
    return [f for f in _FORMATS.values() if p in f.platforms]


def get_format(name: str) -> Format:
    """The registered format called ``name`` (UnknownFormatError lists the known ones)."""
    try:
        return _FORMATS[name]
    except KeyError:
        raise UnknownFormatError("unknown export format", expected=f"one of {sorted(_FORMATS)}",
                                 got=name) from None


def find_format(name: str) -> Format | None:
    """The registered format called ``name``, None when there is none: a frame's
    ``source_format`` looked up (``_expected.expected_components``), which may name no
    registered format (a frame built by hand)."""
    return _FORMATS.get(name)


def detect_format(cand: Candidate, fmts: list[Format]) -> tuple[Format | None, float]:
    """The format of ``fmts`` whose detector scores ``cand`` highest, with that score; None
    with the best score when it is under :data:`THRESHOLD`, so that a table no format claims
    is reported as unrecognised rather than parsed as the likeliest. Ties go to the format
    registered first; a detector that fails (other than with an :class:`SmmError`) scores 0,
    so that one format's bug never keeps the others from reading the file."""
    best, best_score = None, 0.0
    for fmt in fmts:
        try:
            score = float(fmt.detect(cand))
        except SmmError:
            raise
        except Exception as exc:  # a detector must never break reading other formats
            logger.debug("detector %s failed on %s: %r", fmt.name, cand.name, exc)
            score = 0.0
        if score > best_score:
            best, best_score = fmt, score
    return (best, best_score) if best_score >= THRESHOLD else (None, best_score)


#: who exports the tables of a synonyms family, as a reader names them (in the notes of
#: ``_read`` and of ``_expected``)
FAMILY_NAMES = {"meta": "Meta Business Suite", "meta_daily": "Meta Business Suite",
                 "meta_legacy": "Facebook Insights", "x_content": "X", "x_legacy": "X",
                 "x_legacy_daily": "X", "x_overview": "X", "linkedin_posts": "LinkedIn",
                 "linkedin_metrics": "LinkedIn", "linkedin_followers": "LinkedIn",
                 "linkedin_visitors": "LinkedIn", "tiktok": "TikTok", "youtube": "YouTube Studio",
                 "ga4": "Google Analytics 4", "pinterest": "Pinterest"}


