"""Loaders: export files in, canonical tables out (DESIGN.md §1, §3; reference/platform-exports).

Pipeline per file: sniff (encoding, ``sep=`` hint, preamble, delimiter) → detect (every
registered format scores the headers, file name and preamble) → parse (rename through the
synonym table, numbers, times to UTC) → finish (audit columns, schema conform + validate).

Adding a platform
-----------------
1. Add the header variants to ``synonyms.csv`` (append rows ``family,canonical,lang,header``
   at the end; ``family`` is a name of your choosing, e.g. ``tiktok_content``; a header ending
   in ``*`` is a prefix match). The file's locale is detected from the language of the rows
   that matched. A brand folder's own ``synonyms.csv`` (same columns, for headers not in the
   package yet) is added to every match while :func:`smmanalytics.load` reads that brand
   (``_headers.read_synonyms`` / ``using_synonyms``); a thread a parser starts must run in a
   copy of the caller's context to see it, as ``_candidate._on_two_threads`` does.
2. Write a module ``loaders/<platform>.py`` (no leading underscore: every public module of this
   package is imported automatically) with a ``detect(cand) -> float`` and a
   ``parse(cand, ctx) -> list[DataFrame]`` per format, and register each one::

       from ._registry import register

       def _detect(cand):                  # cand: Candidate (headers, meta, file name)
           m = cand.match("tiktok")
           return 0.9 if m.has("post_id", "views") else 0.0

       def _parse(cand, ctx):              # ctx.note(code, message, level=..., rows=...)
           views = cand.numbers("tiktok", "views")
           df = pd.DataFrame({"platform": "tiktok", "views": views, ...})
           df.attrs.update(kind="posts", platform="tiktok",
                           source_locale=cand.match("tiktok").locale)
           return [df]

       register("tiktok_content", platforms="tiktok", kinds="posts",
                detect=_detect, parse=_parse, family="tiktok",
                keys=("permalink", "published_day"),
                expects=("views", "reactions", "comments", "shares"))

   ``family`` names the synonym family of the headers. ``keys`` (posts) are the fields that
   identify a post (its id, link, publish time): a row with none of them filled that says
   "Total" in any cell, or whose numbers are the sums of the rows above, is dropped as a
   summary row before ``parse`` reads the table, its line noted (``_summary``); a key cell
   that says "Total" is no key, unless ``own_total=True``: the parser reads the export's own
   Total row (YouTube Studio's). ``expects`` lists the metrics every export of the format
   carries (``"views|impressions"``: either; ``expects_on`` adds a platform's own): a table
   that lacks one is read with a warning that names it, the columns not used and the
   ``synonyms.csv`` row that would read it (``_expected``). Leave out what a real export may
   legitimately lack.

   ``cand`` (a :class:`Candidate`) gives ``header``/``norm`` (raw and normalised headers),
   ``meta`` (preamble: ``title``, ``start_date``, ``end_date``, ``sep``), ``basename``,
   ``table.sheet`` (workbook sheet name), ``tables`` (every table of the same file),
   ``match(family)`` (a :class:`~._headers.HeaderMatch`: ``columns``, ``unknown``, ``locale``),
   ``col``/``text``/``numbers(family, canonical)`` (cells of a field: raw, stripped text with
   NA for empty, or locale-aware Float64), and ``table.column(pos)`` / ``table.n_rows``.
   Use the helpers: ``_numbers.parse_numbers`` (locale-aware, ``--`` → NaN), ``_dates``
   (month names in EN/FR/IT/ES/DE, year resolution, DST-safe local → UTC), ``_ids`` (publish
   times decoded from ids). Set ``attrs["as_of"]`` (UTC Timestamp) when the file itself says
   when it was exported, and ``attrs["source_tz"]`` (the zone its times were read in, shown
   by ``smm inspect``). Record every repair or guess with ``ctx.note``, and give a new note
   code one sentence per report language in ``report/quality.yaml`` (the report's data-quality
   table); raise ``ParseError(..., file=, line=, column=, expected=, got=)`` for unreadable
   cells, ``line`` counting data rows (``table.first_line + 1 + k``) and ``column`` the
   column's header: the registry moves the error to the row's own line and, in a workbook
   sheet, names its cell (``Posts!F5``, ``RawTable.cell``), so a parser names no cell itself.
3. Add fixtures under ``tests/fixtures/<platform>/`` and ``tests/test_loaders_<platform>.py``.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._candidate import Candidate, ParseContext
from ._inspect import inspect_files
from ._read import read_export, read_file
from ._registry import KINDS, KNOWN_PLATFORMS, Format, formats, get_format, register

__all__ = ["read_export", "read_file", "inspect_files", "register", "formats", "get_format",
           "Format", "Candidate", "ParseContext", "KINDS", "KNOWN_PLATFORMS"]

for _mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _mod.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_mod.name}")
