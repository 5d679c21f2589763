"""What each export file is: platform, format, locale, rows, date range, time zone, warnings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._args import path_of
from ..errors import SmmError
from ..quality import QualityLog
from . import _folder
from ._headers import read_synonyms, using_synonyms
from ._read import parse_source
from ._sources import JUNK_WHY, LOCK_WHY, is_lock_file, iter_sources, junk_name, read_source

__all__ = ["inspect_files"]

COLUMNS = ["file", "status", "platform", "format", "kind", "locale", "rows", "rows_kept",
           "date_from", "date_to", "time_zone", "warnings", "file_warnings"]


def _range(df: pd.DataFrame) -> tuple[object, object]:
    for col in ("published_at", "date", "period_start"):
        if col in df.columns and df[col].notna().any():
            end_col = "period_end" if col == "period_start" else col
            return df[col].min(), df[end_col].max()
    return pd.NaT, pd.NaT


def inspect_files(paths: str | Path | list[str | Path]) -> pd.DataFrame:
    """One row per table found in the given files or folders (recursive), and one per hidden
    or system file left out.

    Columns: file, status (ok; failed for a file that could not be read, an export no format
    understands (an empty download) too; not_understood for a file not named as an export
    is, such as a notes.txt; skipped for a damaged zip member that
    only supplements the export beside it, side_file for the brand's settings
    files that :func:`smmanalytics.load` reads by name, in a folder or a zip; they are read
    here too, and one it could not use is failed; image for a logo or a screenshot, which it
    skips; left_out for a hidden or system file or folder (``.DS_Store``, ``__MACOSX/``,
    ``Thumbs.db``) or an Office lock file (``~$report.xlsx``), in a folder or a zip, never
    read, listed after the others with why, as load notes it), platform, format, kind,
    locale, rows (the rows read), rows_kept (those :func:`smmanalytics.load` keeps of a
    table read alone: a row whose key comes again later in it is dropped, with a note),
    date_from and date_to (publish times, days
    or GA4 period), time_zone (the zone the source times were read in, or the zone assumed for
    them), warnings (the quality notes of level warning or error, joined: a table's own, those
    of its sheet for a workbook's), file_warnings (for a file of several tables, such as a
    workbook's sheets or GA4's table and its chart data, its notes that are of no one table,
    the same on each of its rows; a file of one table has them all in warnings).

    Exports are read with the brand's ``synonyms.csv`` when one is among the files, as
    :func:`smmanalytics.load` reads them. Never raises for a bad file: the error is in
    ``warnings`` with status ``failed``. A path that is not one (a URL, a number) is an
    ArgumentError, and a pattern (``exports/*.csv``) reads the files it matches, as
    :func:`smmanalytics.load` does.
    """
    from .._io import file_name
    from ._sources import archive_members

    given = [path_of(p, "paths", "inspect_files", "the path of a file, folder or zip, or a "
                     "list of them")
             for p in (list(paths) if isinstance(paths, (list, tuple)) else [paths])]
    skipped: list[tuple[Path, str]] = []         # the junk met: (folder or zip, entry in it)
    paths = _folder.expand_patterns(given, skipped)
    # a pattern's folder names its files, as load names them (brand/*/*.csv)
    folders = [f for p in given if (f := _folder.pattern_folder(p)) is not None]
    rows: list[dict] = []
    exports: list[Path] = []
    extra: tuple | None = None
    for f in _folder.walk(paths, skipped):
        if f.suffix.lower() in _folder.IMAGE_SUFFIXES:     # as smm.load: never read as an export
            rows.append({"file": str(f), "status": "image", "warnings": ""})
            continue
        # a zipped brand folder's settings files are read before its exports, as by load
        settings = ([(f, None)] if f.name.lower() in _folder.SETTINGS_FILES else
                    [(Path(s.name), s.data)
                     for s in archive_members(f, _folder.is_archive_setting, skipped)])
        for name, data in settings:
            lower = file_name(name).lower()
            row, value = _inspect_settings(name, lower, data)
            if lower == _folder.SYNONYMS_FILE and extra is None:
                extra = value or ()
            rows.append(row)
        if f.name.lower() not in _folder.SETTINGS_FILES:
            exports.append(f)
    with using_synonyms(extra or ()):
        rows.extend(_inspect_exports(exports, [*paths, *folders]))
    rows.extend(_left_out_rows(skipped))
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["rows"] = out["rows"].astype("Int64")
    out["rows_kept"] = out["rows_kept"].astype("Int64")
    out["file_warnings"] = [w if isinstance(w, str) else "" for w in out["file_warnings"]]
    for c in ("date_from", "date_to"):
        out[c] = out[c].map(lambda v: "" if pd.isna(v) else (
            v.strftime("%Y-%m-%d %H:%M UTC") if getattr(v, "tzinfo", None) else
            v.strftime("%Y-%m-%d"))).astype("string")
    return out


def _left_out_rows(skipped: list[tuple[Path, str]]) -> list[dict]:
    """The rows of the junk the walk ``skipped`` (``(folder or zip, entry in it)``: hidden
    and system files, Office lock files), each once, ``left_out`` with why, in the words of
    :func:`smmanalytics.load`'s notes: inspect listed none of them, so a user could not
    tell a lock file from an export that was never there."""
    names = {junk_name(where, entry): is_lock_file(entry) for where, entry in skipped}
    return [{"file": name, "status": "left_out", "warnings": LOCK_WHY if lock else JUNK_WHY}
            for name, lock in names.items()]


def _inspect_settings(f: Path, lower: str, data: bytes | None = None) -> tuple[dict, object]:
    """The row of a brand's settings file (``data``: its bytes, for an archive member that
    ``f`` names), read as :func:`smmanalytics.load` reads it (so a file it cannot use shows
    as failed, and a Windows-1252 one with its warning), and what was read (None when it
    could not be)."""
    from ..brand import read_brand
    from ..dataset import read_side  # here: dataset imports the loaders

    log = QualityLog()
    value = None
    with _folder.noting_warnings(log, f):
        try:
            if lower in _folder.BRAND_FILES:
                problems: list = []       # a bad key is noted, as load notes it
                value = read_brand(f, data=data, problems=problems)
                for exc in problems:
                    log.add(f, "brand_key_ignored", f"{exc}: its default is used")
            elif lower in _folder.SIDE_FILES:
                value = read_side(f, _folder.SIDE_FILES[lower][2], log, True, data)
            else:
                bad: list = []            # a bad row is left out alone, as load leaves it
                value = read_synonyms(f, data=data, problems=bad)
                for exc in bad:
                    log.add(f, "synonym_row_ignored", f"{exc}; this row was left out")
        except SmmError as exc:
            log.add(f, "failed", str(exc), level="error")
    failed = any(e["level"] == "error" for e in log.entries)
    notes = "; ".join(e["message"] for e in log.entries if e["level"] in ("warning", "error"))
    row = {"file": str(f), "status": "failed" if failed else "side_file", "format": lower,
           "rows": len(value) if isinstance(value, pd.DataFrame | tuple) else None,
           "warnings": notes}
    return row, value


def _inspect_exports(files: list[Path], paths: list[str | Path]) -> list[dict]:
    """The rows of :func:`inspect_files` for export files (each zip member on its own; a
    settings file in a zip is listed by :func:`inspect_files` before, an image as one), the
    ``paths`` walked saying the name of each below the folder given, as ``load`` reads it."""
    rows: list[dict] = []
    for f in files:
        try:
            sources = list(iter_sources(read_source(f, _folder.relative_name(f, paths))))
        except SmmError as exc:
            rows.append({"file": str(f), "status": "failed", "warnings": str(exc)})
            continue
        for src in sources:
            kind = _folder.member_kind(src)
            if kind == "damaged":               # a damaged member: the others are read
                rows.append(_damaged_row(src))
                continue
            if kind == "setting":               # listed with the settings files
                continue
            if kind == "image":                 # as one in a folder
                rows.append({"file": src.name, "status": "image", "warnings": ""})
                continue
            log = QualityLog()
            try:
                frames, understood = parse_source(src, log)
            except SmmError as exc:
                rows.append({"file": src.name, "status": "failed", "warnings": str(exc)})
                continue
            notes = "; ".join(e["message"] for e in log.entries
                              if e["level"] in ("warning", "error"))
            if not understood:
                rows.append(_not_understood_row(src.name, notes))
                continue
            # the rows load keeps of each table: its merge of rows under the same key,
            # noted in this log (inspect counted rows before it, silent on a repeated Pin)
            kept = [_rows_kept(df, log) for df in frames]
            # a table's notes are those of its sheet; with several tables, the notes of no
            # table's sheet are the whole file's, shown once (each sheet of a workbook
            # listed every sheet's notes)
            sheets = {df.attrs.get("sheet") for df in frames} - {None}
            whole = [e for e in log.entries if len(frames) > 1 and e["sheet"] not in sheets]
            for df, n_kept in zip(frames, kept, strict=True):
                own = [e for e in log.entries if e not in whole and (
                    len(frames) == 1 or e["sheet"] == df.attrs.get("sheet"))]
                notes = "; ".join(e["message"] for e in own if e["level"] in ("warning", "error"))
                # a zone the loader took without the export saying it (TikTok's UTC, Meta's
                # Pacific days, X's UTC days) is named as assumed, as the quality log says
                assumed = any(e["code"] in ("tz_assumed_utc", "day_zone_assumed")
                              for e in own + whole)
                start, end = _range(df)
                tz = df.attrs.get("source_tz") or ("UTC" if assumed else None)
                if tz and assumed:
                    tz = f"{tz} (assumed: the export does not say)"
                plats = (sorted(set(df["platform"].dropna().astype(str)))
                         if "platform" in df.columns else [])
                rows.append({"file": src.name, "status": "ok",
                             "platform": ",".join(plats) or df.attrs.get("platform")
                             or "unknown",
                             "format": df.attrs.get("source_format"), "kind": df.attrs["kind"],
                             "locale": _locale(df), "rows": len(df),
                             "rows_kept": n_kept,
                             "date_from": start, "date_to": end,
                             "time_zone": tz, "warnings": notes,
                             "file_warnings": "; ".join(e["message"] for e in whole
                                                        if e["level"] in ("warning", "error"))})
    return rows


def _locale(df: pd.DataFrame) -> str | None:
    """The table's locale (BCP-47), or, for one its loader could not tell (``und``), what is
    known of it: "unknown (title 'Follower di Facebook' not recognised; headers …)" says a
    user which words to add to a synonyms.csv, where a bare ``und`` said nothing."""
    locale = df.attrs.get("source_locale")
    if locale != "und":
        return locale
    why = df.attrs.get("locale_unknown")
    return f"unknown ({why})" if why else "unknown"


def _not_understood_row(name: str, notes: str) -> dict:
    """The row of a file no format understands: ``failed`` when it is named as an export is
    (:func:`~smmanalytics.loaders._folder.looks_like_export`: an empty download, whose exit
    status 3 it makes), as :func:`smmanalytics.load` counts it, so that it stands apart from
    a notes.txt beside the exports, ``not_understood`` and of no exit status."""
    if not _folder.looks_like_export(name):
        return {"file": name, "status": "not_understood", "warnings": notes}
    return {"file": name, "status": "failed",
            "warnings": f"named as an export, but no export format understands it: {notes}"}


def _rows_kept(df: pd.DataFrame, log: QualityLog) -> int:
    """The rows :func:`smmanalytics.load` keeps of the table ``df`` read alone (a row whose
    key comes again later in it dropped), its merge's notes written in ``log`` naming the
    table's sheet, as the table's own."""
    from ..dataset import MERGE_KEYS, merge_table

    # most tables repeat no key: the merge (conform, sort, validate: a seventh of inspect's
    # time on the sample brand) is run only on one that does, or whose ids a spreadsheet
    # rounded (the merge keys those by their links)
    keys = [k for k in MERGE_KEYS[df.attrs["kind"]] if k in df.columns]
    if not df.attrs.get("unreliable_ids") and not df.duplicated(subset=keys).any():
        return len(df)
    merged = QualityLog()
    kept = len(merge_table(df.attrs["kind"], [df], merged))
    for e in merged.entries:
        log.add(e["file"], e["code"], e["message"], level=e["level"], rows=e["rows"],
                sheet=df.attrs.get("sheet"))
    return kept


def _damaged_row(src) -> dict:
    """The row of an archive member that could not be read (``src.damage``): skipped when it
    only supplements the export beside it, as :func:`smmanalytics.load` skips it, else failed;
    what was wrong and what was done in plain words, Python's own text short at the end."""
    from ._sources import damage_words

    why, detail = damage_words(src.damage)
    done = ("skipped, its figures are missing (it only supplements the export beside it)"
            if src.skipped else "not read, none of its rows loaded")
    return {"file": src.name, "status": "skipped" if src.skipped else "failed",
            "warnings": f"damaged inside the zip: {why}. This file was {done}; the zip's "
                        f"other files were read. (detail: {detail})"}
