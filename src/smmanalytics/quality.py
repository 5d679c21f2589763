"""The quality log: what was merged, guessed, skipped or repaired while loading, file by file."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from ._io import file_name
from .errors import ArgumentError
from .schema import column_or, conform

__all__ = ["MISSING_FROM_NEWER", "MissingMetrics", "QualityLog", "a_or_an", "agree", "by_link",
           "cost_gaps_of",
           "counted", "missing_from_newer",
           "missing_from_newer_message", "note_kind", "shown_name", "side_file_error",
           "table_rows", "unread_columns", "unread_files"]

logger = logging.getLogger(__name__)

LEVELS = ("info", "warning", "error")


@dataclass(frozen=True)
class MissingMetrics:
    """The facts of a note of metrics missing from an export (``expected_metric_missing``),
    kept as data for a report to word them again: ``metrics``, each metric missing as its
    alternative fields (``("views", "impressions")``); ``from_total``, the interactions were
    taken from the export's own total (not left empty); ``all_read``, no column was left
    unread, so synonyms.csv cannot help; ``rows``, the synonyms.csv rows its message gives
    otherwise (``"meta,reach,it,<its header>"``). The report read them back from the
    message's English with a regular expression, which a reworded message would have broken
    without a word.

    >>> m = MissingMetrics((("views", "impressions"),), False, True, ())
    >>> MissingMetrics.of(m.stored()) == m
    True
    """

    metrics: tuple[tuple[str, ...], ...]
    from_total: bool = False
    all_read: bool = False
    rows: tuple[str, ...] = ()

    def stored(self) -> dict:
        """The facts as a note's entry keeps them: lists, as a cached parse's notes come back
        from JSON."""
        return {"metrics": [list(m) for m in self.metrics], "from_total": self.from_total,
                "all_read": self.all_read, "rows": list(self.rows)}

    @classmethod
    def of(cls, stored: object) -> MissingMetrics | None:
        """The facts a note's entry keeps (:meth:`stored`); None for a note that keeps none,
        as an older cache's note, or keeps them in another form."""
        if not isinstance(stored, dict):
            return None
        try:
            return cls(tuple(tuple(str(n) for n in m) for m in stored["metrics"]),
                       bool(stored.get("from_total")), bool(stored.get("all_read")),
                       tuple(str(r) for r in stored.get("rows") or ()))
        except (KeyError, TypeError):
            return None


@dataclass
class QualityLog:
    """Collects quality notes; ``to_frame()`` gives the canonical ``quality`` table.

    Examples
    --------
    >>> log = QualityLog()
    >>> log.add("posts.csv", "dst_ambiguous", "1 time in the repeated autumn hour", rows=1)
    >>> log.to_frame()["code"].tolist()
    ['dst_ambiguous']
    """

    entries: list[dict] = field(default_factory=list)

    def add(self, file: object, code: str, message: str, *, level: str = "warning",
            rows: int | None = None, sheet: str | None = None,
            columns: Sequence[str] | None = None, posts: Sequence[str] | None = None,
            missing: MissingMetrics | None = None,
            cost_gaps: Sequence[tuple[str, Sequence[str]]] | None = None) -> None:
        """Record one note about ``file`` (level is info, warning or error); a note about one
        ``sheet`` of a workbook names it at the start of its message, and is kept with that
        sheet's table (``entries[i]["sheet"]``). ``columns``: every header the note says was
        left unread (its message, written for people, lists the first 20), kept as data for
        :func:`unread_columns`. ``posts``: the posts the note concerns, each as the posts table
        tells it from the others of its file (:func:`missing_from_newer`), kept as data for
        the report, which marks them. ``missing``: the metrics a note says an export lacks,
        and what follows for them (:class:`MissingMetrics`), kept as data for the report.
        ``cost_gaps``: the months of costs.csv without a category its other months have, each
        with those categories (``[("2026-08", ["labor"])]``), kept as data for the report.

        Raises
        ------
        ArgumentError
            for a ``level`` not in :data:`LEVELS` (a loader's ``ctx.note(level=...)``).
        """
        if level not in LEVELS:
            raise ArgumentError("not a note level", argument="level",
                                expected=f"one of {', '.join(LEVELS)}", got=level)
        if sheet:
            message = f"sheet {sheet!r}: {message}"
        self.entries.append({"file": str(file), "level": level, "code": code,
                             "message": message, "rows": rows, "sheet": sheet or None,
                             # lists, as a cached parse's notes come back from JSON
                             "columns": None if columns is None else list(columns),
                             "posts": None if posts is None else list(posts),
                             "missing_metrics": None if missing is None else missing.stored(),
                             "cost_gaps": None if cost_gaps is None else
                             [[str(m), [str(c) for c in cats]] for m, cats in cost_gaps]})
        logger.log(logging.WARNING if level != "info" else logging.INFO, "%s: %s", file, message)

    def amend_last(self, file: object, code: str, more: str) -> bool:
        """Add ``more`` to the message of the last ``code`` note of ``file``, a second fact of
        what that note says: False, nothing changed, when there is none. A GA4 export cut
        short had two ``file_cut_off`` notes, the line reader's and its totals check's, as if
        two files were."""
        for entry in reversed(self.entries):
            if entry["file"] == str(file) and entry["code"] == code:
                entry["message"] += more
                return True
        return False

    def extend(self, other: QualityLog | list[dict]) -> None:
        """Append the notes of another log (or a list of note dicts)."""
        self.entries.extend(other.entries if isinstance(other, QualityLog) else other)

    def __len__(self) -> int:
        return len(self.entries)

    def to_frame(self) -> pd.DataFrame:
        """The notes as a tidy frame: file, level, code, message, rows, columns (the headers
        a note says were not read, as a tuple; None for other notes), posts (the posts a note
        concerns, as a tuple; None for other notes), missing_metrics (a
        :class:`MissingMetrics`; None for other notes), cost_gaps (``(("2026-08",
        ("labor",)),)``, :func:`cost_gaps_of`; None for other notes)."""
        df = pd.DataFrame(self.entries, columns=["file", "level", "code", "message", "rows"])
        for data in ("columns", "posts"):       # a note of an older cache has neither
            df[data] = pd.Series([None if e.get(data) is None else tuple(e[data])
                                  for e in self.entries], index=df.index, dtype=object)
        df["missing_metrics"] = pd.Series([MissingMetrics.of(e.get("missing_metrics"))
                                           for e in self.entries], index=df.index, dtype=object)
        df["cost_gaps"] = pd.Series([cost_gaps_of(e.get("cost_gaps")) for e in self.entries],
                                    index=df.index, dtype=object)
        return conform(df, "quality")


def cost_gaps_of(stored: object) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """The months of costs.csv without a category a note's entry keeps (``cost_gaps``, as
    lists, the way a cached load's notes come back from JSON), as tuples; None for a note
    that keeps none, as one of an older cache, or keeps them in another form.

    >>> cost_gaps_of([["2026-08", ["labor", "tools"]]]), cost_gaps_of(None)
    ((('2026-08', ('labor', 'tools')),), None)
    """
    if not isinstance(stored, list | tuple) or not stored:
        return None
    try:
        return tuple((str(month), tuple(str(c) for c in cats)) for month, cats in stored)
    except (TypeError, ValueError):
        return None


def counted(n: int, one: str, other: str) -> str:
    """``n`` and the words that agree with it, ``one`` when it is 1, ``other`` otherwise: a
    note's subject and verb: notes said "1 posts have …" and "1 post ids were …".

    >>> counted(1, "post has", "posts have"), counted(2, "post has", "posts have")
    ('1 post has', '2 posts have')
    """
    return f"{n} {one if n == 1 else other}"


def agree(n: int, one: str, other: str) -> str:
    """The words that agree with a count ``n`` said before them (:func:`counted`), ``one``
    when it is 1, ``other`` otherwise: a note's verb and pronoun after its subject.

    >>> f"{counted(1, 'date was', 'dates were')} read; {agree(1, 'its', 'their')} day kept"
    '1 date was read; its day kept'
    """
    return one if n == 1 else other


#: the letters whose English names start with a vowel sound ("an X", "an LTV"), read as
#: letters when they begin a word in capitals (an acronym, X's one-letter name)
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")


def a_or_an(word: str) -> str:
    """``word`` after the English indefinite article its first sound takes: "an" before a
    vowel ("an Instagram account") or a capital read as a letter whose name starts with one
    ("an X export"), "a" otherwise ("a Facebook account", "a YouTube Studio export"). A
    cover read "brand.yaml names a Instagram account".

    >>> a_or_an("Instagram"), a_or_an("Facebook"), a_or_an("X"), a_or_an("YouTube Studio")
    ('an Instagram', 'a Facebook', 'an X', 'a YouTube Studio')
    """
    first = word.split(" ", 1)[0]
    letters = first[:1].isupper() and (len(first) == 1 or first[:2].isupper())
    vowel = (first[:1] in _VOWEL_LETTERS if letters
             else first[:1].lower() in tuple("aeiou"))
    return f"{'an' if vowel else 'a'} {word}"


def table_rows(table: str, n: int | None = None, *, kind: str = "") -> str:
    """How a note names the rows of ``table`` (a post is a row of its own kind, other tables'
    rows are rows): the plural alone, or ``n`` of them agreeing with it (:func:`counted`),
    ``kind`` before the noun (a platform).

    >>> table_rows("posts"), table_rows("daily"), table_rows("daily", 1)
    ('posts', 'daily rows', '1 daily row')
    >>> table_rows("posts", 1, kind="instagram"), table_rows("posts", 2, kind="instagram")
    ('1 instagram post', '2 instagram posts')
    """
    one = "post" if table == "posts" else f"{table} row"
    if kind:
        one = f"{kind} {one}"
    if n is None:
        return f"{one}s"
    return counted(n, one, f"{one}s")


def side_file_error(quality: pd.DataFrame | None, names: tuple[str, ...]) -> str | None:
    """Why a settings file named one of ``names`` (``("costs.csv",)``…) could not be read: the
    message of its error note, the file named without its folder; None when no such note
    (the file was read, or there was none).

    >>> log = QualityLog()
    >>> log.add("/b/costs.csv", "failed", "file /b/costs.csv, line 3: bad", level="error")
    >>> side_file_error(log.to_frame(), ("costs.csv",))
    'file costs.csv, line 3: bad'
    """
    if quality is None or quality.empty:
        return None
    for file, level, message in zip(quality["file"], quality["level"], quality["message"],
                                    strict=True):
        if str(level) == "error" and file_name(file).lower() in names:
            return str(message).replace(str(file), file_name(file))
    return None


def unread_files(quality: pd.DataFrame | None) -> dict[str, str]:
    """The files a load could not read, each with why: the files of the quality log's error
    notes, in the order noted (a file's first error says why).

    >>> log = QualityLog()
    >>> log.add("b/x.csv", "failed", "file b/x.csv, line 4: not a date", level="error")
    >>> log.add("b/y.csv", "blank_rows_skipped", "2 blank rows", level="info")
    >>> unread_files(log.to_frame())
    {'b/x.csv': 'file b/x.csv, line 4: not a date'}
    """
    if quality is None or quality.empty:
        return {}
    unread: dict[str, str] = {}
    for file, level, message in zip(quality["file"], quality["level"], quality["message"],
                                    strict=True):
        if str(level) == "error":
            unread.setdefault(str(file), str(message))
    return unread


#: the code of the note on posts an older export holds and a newer one of their days lacks
#: (:mod:`smmanalytics._missing`)
MISSING_FROM_NEWER = "post_missing_from_newer_export"


def missing_from_newer_message(ids: Sequence[str], newer: str, days: str) -> str:
    """The message of a :data:`MISSING_FROM_NEWER` note on the posts ``ids`` of a file that
    the newer export ``newer``, covering ``days``, lacks: every id, at its end."""
    what, day, named = ((f"{len(ids)} posts are", "their publish days", "their ids")
                        if len(ids) > 1 else ("1 post is", "its publish day", "its id"))
    return (f"{what} not in {newer}, a newer export covering {day} ({days}): deleted or "
            f"hidden since? Kept with this export's figures; {named}: " + ", ".join(ids))


def by_link(permalink: str) -> str:
    """How a :data:`MISSING_FROM_NEWER` note's ``posts`` names a post its id does not tell
    from another of its file (a spreadsheet rounded both to ``1.17914E+17``): by its link,
    as the posts table gives it.

    >>> by_link("https://www.instagram.com/p/Za/")
    'link https://www.instagram.com/p/Za/'
    """
    return f"link {permalink}"


def missing_from_newer(quality: pd.DataFrame | None) -> set[tuple[str, str]]:
    """The posts a newer export of their days lacks (:data:`MISSING_FROM_NEWER` notes), as
    (file, post): the file the post's figures come from (its ``source_file``), and the post
    as the note's ``posts`` names it: its ``post_id``, or :func:`by_link` for a post whose
    id its file shares with another post (a spreadsheet rounded them alike), which the
    report tells by its link. Read from the notes' data, not their messages, written for
    people.

    >>> log = QualityLog()
    >>> log.add("a.csv", MISSING_FROM_NEWER, "2 posts are not in b.csv", posts=["17", "18"])
    >>> log.add("c.csv", MISSING_FROM_NEWER, "1 post is not in b.csv", posts=["19"])
    >>> sorted(missing_from_newer(log.to_frame()))
    [('a.csv', '17'), ('a.csv', '18'), ('c.csv', '19')]
    """
    if quality is None or quality.empty:
        return set()
    notes = quality[quality["code"].eq(MISSING_FROM_NEWER).fillna(False).to_numpy(bool)]
    return {(str(file), post) for file, posts in zip(
                notes["file"], column_or(notes, "posts", None, object), strict=True)
            if isinstance(posts, tuple) for post in posts}


def unread_columns(quality: pd.DataFrame | None) -> dict[str, list[str]]:
    """The headers each file's parse left unread (no synonym matched them), as its quality
    notes carry them (``columns``: the ``extra_columns`` note, or the
    ``expected_metric_missing`` warning that replaces it, or GA4's ``unknown_columns``
    warning of columns of numbers): what a check that found no column of a field can point
    to, rather than say the export lacks it (an Italian
    ``ID della Pagina`` unread, the Page's account went unchecked; an Italian negative
    feedback header unread, the report said the exports do not hold the signal). Read from
    the data, not the message: the message lists the first 20 only, and is worded for people.

    >>> log = QualityLog()
    >>> log.add("b/x.csv", "extra_columns", "2 columns not used: ['Clic', 'ID della Pagina']",
    ...         level="info", columns=("Clic", "ID della Pagina"))
    >>> unread_columns(log.to_frame())
    {'b/x.csv': ['Clic', 'ID della Pagina']}
    """
    if quality is None or quality.empty:
        return {}
    out: dict[str, list[str]] = {}
    for file, columns in zip(quality["file"], column_or(quality, "columns", None, object),
                             strict=True):
        if isinstance(columns, tuple) and columns:
            headers = out.setdefault(str(file), [])
            headers.extend(h for h in columns if h not in headers)
    return out


def shown_name(file: str, root: PurePath | None) -> str:
    """How a file of a load is named to its reader: by its path in the brand's folder (the
    Dataset's ``root``) when it is in it, else by its name (an archive member's too).

    >>> shown_name("/b/2025/x.csv", PurePath("/b")), shown_name("/c/y.csv", PurePath("/b"))
    ('2025/x.csv', 'y.csv')
    """
    path = PurePath(file)
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return file_name(file)


#: what a note of figures taken from an older export (code ``figures_from_older_export``)
#: adds when they are parts of the interactions, which the merge then recomputed (where they
#: were known): the report says so for those notes only (a follower count is no part of them)
INTERACTIONS_RECOMPUTED = "the interactions were recomputed with them"

#: how a note of dates re-written by a spreadsheet (code ``date_format_resaved``) states the
#: order they were read in: "read as DMY", "read as MDY", "read as YMD"
_READ_AS = re.compile(r"\bread as (DMY|MDY|YMD)\b")


def note_kind(code: str, message: str) -> str:
    """The kind of note a report words in one sentence: its ``code``, and for dates re-written
    by a spreadsheet the order they were read in, which the loader's ``message`` states
    ("read as DMY": ``date_format_resaved_dmy``). "Read in their numeric order" left the
    manager unable to tell whether 05/09 became 5 September or 9 May. brand.yaml's industry
    refused is a kind of its own (``brand_industry_unknown``), its sentence naming the key and
    the value. Figures taken from an older export that are parts of the interactions are a
    kind of their own (``figures_from_older_export_interactions``), whose sentence says the
    interactions were recomputed: the one sentence said so of a follower count too.

    >>> note_kind("date_format_resaved", "dates are written with numbers …; read as DMY")
    'date_format_resaved_dmy'
    >>> note_kind("ragged_rows", "2 rows with fewer cells …")
    'ragged_rows'
    >>> note_kind("brand_key_ignored", "file b.yaml, key 'industry': …; got 'x': its default …")
    'brand_industry_unknown'
    """
    if code == "date_format_resaved" and (m := _READ_AS.search(str(message))):
        return f"{code}_{m.group(1).lower()}"
    if code == "brand_key_ignored" and "key 'industry'" in str(message):
        # "a setting of brand.yaml is invalid" did not say which, nor that the benchmarks
        # then compare the brand with all industries
        return "brand_industry_unknown"
    if code == "figures_from_older_export" and INTERACTIONS_RECOMPUTED in str(message):
        return f"{code}_interactions"
    return code
