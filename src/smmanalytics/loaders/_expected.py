"""The metrics a format's exports carry, looked for once its table is parsed.

An export whose reach column was renamed (``Account raggiunti`` for ``Copertura``, as a newer
export may write it) was read with its reach empty and an info note listing the columns not
used: the report then showed "–" for reach, views and the rates, and nothing said why. A format
registered with ``expects`` (``_registry.register``: the metrics its platform's header table
in reference/platform-exports.md gives every export of its kind) has each table checked after
its parse: a metric none of whose headers the table has gets one warning per table (code
``expected_metric_missing``), naming the file, the metrics, the columns not used, and the row
of a brand folder's ``synonyms.csv`` that would read one of them, as the GA4 loader does for a
revenue column it does not know (``ga4._unread_metrics``). That warning lists the columns not
used, so the parser's own info note of them (``extra_columns``) is dropped. What it says (the
metrics, whether every column was read, the synonyms.csv rows) is kept as data too
(:class:`~smmanalytics.quality.MissingMetrics`): the report words it again from those, not by
reading the English message back.

The warning says the metric is left empty "and the rates built on it" (or, when the
interactions were taken from the export's total, that they were): a post export without
one of the interactions' components its platform's exports carry (a Facebook file copied
without its ``Réactions`` column) had its interactions summed from the other components, 7
times too low, and its rates with them. :func:`expected_components` names the components a
format's exports carry, which ``metrics.interactions`` counts as given by the file even where
its column is missing: the posts' interactions are then unknown (NaN), as the warning says,
unless the export gives its own total of exactly those components (:func:`total_components`:
a Facebook post export's ``Reactions, Comments and Shares``), which then stands for their sum.
"""

from __future__ import annotations

import pandas as pd

from .._io import file_name
from ..quality import MissingMetrics, agree, counted
from ._candidate import Candidate, ParseContext
from ._headers import LANGUAGE_NAMES, match_headers, synonyms
from ._registry import FAMILY_NAMES, Format, find_format

__all__ = ["note_missing_metrics", "missing_metrics", "expected_components",
           "synonyms_advice", "total_components", "RATES_EMPTY", "ALL_READ", "TAKEN_FROM",
           "SYNONYMS_ROWS"]

#: the interactions' component (``metrics.COMPONENTS``) a field a format expects is read into:
#: likes count as reactions, X's replies as comments, its reposts as shares, bookmarks as saves
_COMPONENT_OF = {"reactions": "reactions", "likes": "reactions", "comments": "comments",
                 "replies": "comments", "shares": "shares", "reposts": "shares",
                 "saves": "saves", "bookmarks": "saves"}


def expected_components(source_format: str | None, platform: str | None) -> tuple[str, ...]:
    """The interactions' components every export of the format ``source_format`` (a posts
    frame's ``source_format``) carries for ``platform``: those of its ``expects`` (reference
    platform-exports.md), e.g. reactions, comments, shares and, on Instagram, saves for a Meta
    post export; none for a format not registered or that expects none (a frame built by
    hand, Meta's stories' saves, Facebook's saves, which its exports never have).

    Examples
    --------
    >>> expected_components("meta_post", "instagram")
    ('reactions', 'comments', 'shares', 'saves')
    >>> expected_components("meta_post", "facebook")
    ('reactions', 'comments', 'shares')
    """
    fmt = find_format(source_format) if isinstance(source_format, str) else None
    if fmt is None:
        return ()
    out = []
    for e in fmt.expected(platform if isinstance(platform, str) else None):
        comps = {_COMPONENT_OF.get(n) for n in e.split("|")} - {None}
        if len(comps) == 1:
            out.append(comps.pop())
    return tuple(dict.fromkeys(out))


#: what the warning adds to "left empty" of the missing metrics ("it" or "them"): its rates
#: are empty too, unless the interactions were taken from the export's total (the registry's
#: ``_note_from_total`` then says that instead)
RATES_EMPTY = ", and the rates built on {}"
#: what the warning says when the file has no column left to rename: synonyms.csv cannot help
ALL_READ = ("every column of the file was read (an export of fewer columns? a column the "
            "package reads as another field cannot be renamed by synonyms.csv)")
#: how the registry's ``_note_from_total`` says the interactions came from the export's total
TAKEN_FROM = "were taken from the export's total column"
#: where :func:`synonyms_advice` starts the rows of synonyms.csv it gives
SYNONYMS_ROWS = "header family,canonical,lang,header: "


#: the components whose sum a format's own total (``platform_engagements``) is, by its platform's
#: definition, per (format, platform): Facebook's ``Reactions, Comments and Shares`` = reactions
#: + comments + shares (reference platform-exports.md §1.3, §9.1; so in every sample and
#: fixture file). Not X's nor Pinterest's ``Engagements``, which count clicks too (§9.1, and
#: their fixtures' totals exceed the components' sum); an Instagram post export has no total.
_TOTALS = {("meta_post", "facebook"): ("reactions", "comments", "shares")}
#: the English header of such a total, for a note
TOTAL_HEADERS = {"meta_post": "Reactions, Comments and Shares"}


def total_components(source_format: str | None, platform: str | None) -> tuple[str, ...]:
    """The interactions' components whose sum is, by definition, the ``platform_engagements``
    of a post of ``platform`` in an export of the format ``source_format``; empty where the
    format gives no such total (its definition differs, or is not known).

    Examples
    --------
    >>> total_components("meta_post", "facebook")
    ('reactions', 'comments', 'shares')
    >>> total_components("meta_post", "instagram"), total_components("x_content", "x")
    ((), ())
    """
    return _TOTALS.get((source_format, platform), ())


def missing_metrics(fmt: Format, cand: Candidate, platform: str | None) -> list[str]:
    """The metrics ``fmt`` expects of ``platform``'s tables (alternatives joined by ``|``)
    that none of ``cand``'s headers carries (none, of a table ``fmt.expects_when`` leaves
    out)."""
    if fmt.expects_when is not None and not fmt.expects_when(cand):
        return []
    m = _match(fmt, cand)
    return [e for e in fmt.expected(platform) if not m.any(*e.split("|"))]


def _match(fmt: Format, cand: Candidate):
    if fmt.header_names is not None:
        return match_headers(fmt.header_names(cand), fmt.family)
    return cand.match(fmt.family)


def note_missing_metrics(fmt: Format, cand: Candidate, frames: list[pd.DataFrame],
                         ctx: ParseContext, *, since: int = 0) -> None:
    """Warn when the table of ``cand``, parsed by ``fmt`` into ``frames``, lacks a metric its
    exports carry (see the module's docstring). ``since``: the position in ``ctx.log`` of the
    first note of this table's parse, whose ``extra_columns`` note the warning replaces.
    Nothing is said of a table of no rows, nor of a format that expects nothing."""
    if not frames or not any(len(f) for f in frames):
        return
    platform = frames[0].attrs.get("platform")
    missing = missing_metrics(fmt, cand, platform)
    if not missing:
        return
    m = _match(fmt, cand)
    lang = m.locale.split("-")[0]
    who = FAMILY_NAMES.get(fmt.family, fmt.family)
    what = ", nor of ".join(_metric(e, fmt.family, lang) for e in missing)
    unused = list(dict.fromkeys(h for h in m.unknown if str(h).strip()))
    several = len(missing) > 1
    message = (f"no column of {what} in {file_name(ctx.file)}, which every {who} export of "
               f"this kind has: {'these metrics are' if several else 'this metric is'} left "
               f"empty{RATES_EMPTY.format('them' if several else 'it')}; ")
    canonicals = [e.split("|")[0] for e in missing]
    if unused:
        message += synonyms_advice(unused, fmt.family, canonicals, lang,
                                   "such a metric" if several else "it")
    else:
        message += ALL_READ
    facts = MissingMetrics(tuple(tuple(e.split("|")) for e in missing), all_read=not unused,
                           rows=tuple(_synonyms_rows(fmt.family, canonicals, lang))
                           if unused else ())
    ctx.note("expected_metric_missing", message, level="warning", columns=unused,
             missing=facts)
    # the columns not used are named here: the parser's own note of them goes
    entries = ctx.log.entries
    entries[since:] = [e for e in entries[since:] if not (
        e["code"] == "extra_columns" and e.get("sheet") == (ctx.sheet or None))]


def synonyms_advice(unused: list[str], family: str, canonicals: list[str], lang: str,
                    what: str) -> str:
    """What a warning of a field not found says of the file's ``unused`` columns (not empty):
    their list, and the rows of a brand folder's ``synonyms.csv`` (``family,canonical,lang``
    for each of ``canonicals``) that would read one of them as ``what`` they may hold.

    >>> text = synonyms_advice(["ID della Pagina"], "meta", ["account_id", "account_name"],
    ...                        "it", "the account")
    >>> text[:40]
    "1 column not used: ['ID della Pagina']. "
    >>> text.split("header: ")[-1].split("; ")
    ['meta,account_id,it,<its header>', 'meta,account_name,it,<its header>']
    """
    rows = "; ".join(_synonyms_rows(family, canonicals, lang))
    return (f"{counted(len(unused), 'column', 'columns')} not used: {unused[:20]!r}. If "
            f"{agree(len(unused), 'it', 'one of them')} holds {what} "
            "(a column renamed in a newer export, or a language not known yet), a "
            "synonyms.csv in the brand folder can name it, one row per column under the "
            f"{SYNONYMS_ROWS}{rows}")


def _synonyms_rows(family: str, canonicals: list[str], lang: str) -> list[str]:
    """The rows of a brand folder's synonyms.csv that would read a column as each of
    ``canonicals``, the header left to fill: ``meta,reach,it,<its header>``."""
    return [f"{family},{c},{lang},<its header>" for c in canonicals]


def _metric(expected: str, family: str, lang: str) -> str:
    """``reach ('copertura' in Italian exports)``: a metric expected (``views|impressions``:
    either) with the headers the package knows for it, in the file's language where it knows
    them, else in English (normalised, as headers are matched)."""
    names = expected.split("|")
    said = " or ".join(n.replace("_", " ") for n in names)
    rows = [s for s in synonyms() if s.family == family and s.canonical in names
            and not s.prefix]
    for language in (lang, "en"):
        known = list(dict.fromkeys(s.header for name in names for s in rows
                                   if s.canonical == name and s.lang == language))
        if known:
            return (f"{said} ({' or '.join(map(repr, known[:3]))} in "
                    f"{LANGUAGE_NAMES.get(language, language)} exports)")
    return said
