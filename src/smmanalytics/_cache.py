"""A cache of parsed exports, so that reloading unchanged files is cheap.

Not covered: a parser whose output depends on today's date (file-name dates later than "now +
2 days" and decoded ids later than "now + 1 day" are ignored as implausible) keeps the answer
of the day it ran.

Each source file (or zip member) that parses is stored once under the cache directory:

- the key is the SHA-256 of: the file's bytes, the names the parse reads (its name below the
  folder loaded, the file names in its display name: they carry export dates and platform
  hints; the name of the folder holding it only when it is an export's zip name a platform
  reads there, a TikTok or YouTube export unzipped; not a brand folder's nor the folders
  above, so that a copy of a brand folder, elsewhere or under another name, reads the
  original's entries, its display name put in their rows and notes), a zip member's
  date stamp and extra fields (a TikTok export's date, deciding the year of its year-less
  days, is read there), the package version,
  :data:`PARSER_VERSION`, a fingerprint of the parsing code (the ``loaders`` package with its
  ``synonyms.csv``, ``schema.py``, ``metrics.py``, ``quality.py``, ``dataset.py``,
  ``_ranges.py``, ``_accounts.py``: the merge decides with it whose rows without an account
  are), the registered formats and the brand's own ``synonyms.csv`` rows in use, so
  any change to a file or to the code or synonyms that read it means a fresh read;
- an entry is a folder ``<dir>/v<PARSER_VERSION>/<key[:2]>/<key>/`` holding one Arrow IPC
  file per canonical table (``0.arrow``, ``1.arrow``, …; LZ4-compressed, which writes and
  reads about twice as fast as zstd Parquet, for about four times the bytes) and ``meta.json``
  (each table's ``attrs``, dtypes and the CRC-32 of its file's bytes, the quality notes
  recorded while parsing, whether the file was understood, and the CRC-32 of all that).
  ``meta.json`` is written last, each file atomically, so a reader never sees a half-written
  entry; a file whose bytes changed since (a flipped bit on disk) fails its digest and the
  entry is a miss, before Arrow decodes a byte of it;
- a whole load is stored too (the merged tables, the ``files`` table, each file's notes),
  keyed by the ordered names, hashes and modification times of every export it read and by
  ``strict``: an unchanged folder reloads from one entry; a new or changed file falls back to
  the per-file entries of the others, read together before the parse (:func:`reading_ahead`:
  the tables of one layout converted to pandas once);
- an entry that read the file's modification time (a snapshot time guessed from it,
  ``snapshot_guessed``; TikTok's years inferred from it, ``year_reference_mtime``) is only used
  while that time is unchanged;
- the SHA-256 of each export file is remembered (``<dir>/digests/``) with the file's size,
  times, inode and device: a whole load whose files all kept theirs is found without reading
  them. Any write to a file changes its ctime, which no user command sets back, so a changed
  file is always read and hashed again; a digest recorded within 2 seconds of the file's last
  change is not trusted (file times have a coarse tick). A record changed on disk needs no
  digest of its own: a signature that no longer matches is a miss, and a SHA-256 that is not
  the file's names no entry, so the load reads and hashes the file again and records it anew;
- the logo of a zipped brand folder is extracted to ``<dir>/logos/<sha256><suffix>``, named by
  its content, for the report to read (``Brand.logo`` points there; a report that finds it
  gone reads it from the archive again, ``dataset.logo_bytes``);
- an installed package's report notebooks are written to ``<dir>/notebooks/<version>-<digest>/``
  for papermill to run (``runner.notebook_path``: a wheel has no notebooks/ folder);
- an entry that cannot be read (corrupt: failing its digests, truncated, another version's
  layout, tables other than its ``meta.json`` lists, a whole load's notes for another number
  of files) is ignored, logged at debug level and rewritten: the cache never raises and never
  changes results. Deleting the folder is always safe. A cache folder that cannot be written
  (a file, a read-only or full disk) is said once per process by a CacheWarning: loads then
  parse every export again;
- the cache stays bounded. Each load that parsed a file records, in
  ``<dir>/loads/<sha256 of the paths loaded and strict>.json``, its whole-load entry and the
  per-file entries it read; the next load of the same paths removes what the previous one
  read and it does not (the superseded whole load, the entry of a file edited since), unless
  another load's record names it (the folder loaded strictly too): editing a figure of an
  export six times grew the sample's cache from 2.6 to 8.3 MB, it now stays at 2.6. Then
  :func:`prune` removes the entries, file digests, logos and load records not used for
  :data:`MAX_IDLE_DAYS` days and, least recently used first, those beyond
  ``$SMM_CACHE_MAX_BYTES`` (bytes, or ``500MB``, ``2GB``; :data:`DEFAULT_MAX_BYTES`, 1 GB, by
  default), all counted together, and the digests and load records naming files that no
  longer exist (a load after its record went replaces nothing: the entries it no longer
  reads go by age). Using one sets its modification time (an entry's ``meta.json``'s; a
  load record's when its load is answered whole or writes it anew): a load the cache answers
  whole prunes nothing, so a warm reload costs one ``utime`` more per export file and two
  for the whole load. Removing an entry starts with ``meta.json``: another process reading the entry
  meanwhile finds it gone or a table missing, a miss (it parses the file again); one writing
  it writes it again, once. A digest removed is a file hashed again; a logo removed is
  extracted again by the next load, read from its archive by a report;
- :func:`clear` removes what the cache writes (entry folders of any parser version, digests,
  load records, logos, notebooks, each with the temporary files of their writes) and nothing else:
  ``$SMM_CACHE_DIR`` may name a folder that holds other files. The folder itself goes when
  nothing else is left. Racing a load, neither fails: an entry removed while written is
  written again (once, then left unsaid: the folder is writable), one a load keeps filling is
  left to it and said.

The directory is ``$SMM_CACHE_DIR``, else ``$XDG_CACHE_HOME/smmanalytics``, else
``~/.cache/smmanalytics``.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import time
import warnings
import zlib
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import __version__
from ._args import user_path
from ._io import atomic_write
from .errors import ArgumentError, CacheWarning, OutputError
from .loaders import _read, _registry
from .loaders._headers import extra_fingerprint
from .loaders._tidy import folder_read
from .quality import QualityLog

__all__ = ["PARSER_VERSION", "cache_dir", "entry_key", "get", "put", "parse_cached",
           "dataset_key", "get_dataset", "put_dataset", "known_digest", "remember_digest",
           "clear", "info", "prune", "max_bytes", "keys_read", "mark_used"]

logger = logging.getLogger(__name__)

#: bump when the parsed output changes in a way the code fingerprint would not see
PARSER_VERSION = "5"
_CODE = ("loaders", "schema.py", "metrics.py", "quality.py", "dataset.py", "_merge.py",
         "_ranges.py", "_accounts.py")
#: the notes of a parse that read the file's modification time: its entry holds that time, and
#: is a miss once the file has another (a copied or touched file's years or snapshot differ)
#: (``dated_after_export``: daily rows after the day it was modified, where the export states
#: no date; a file with such rows and a stated date is only parsed again when copied;
#: ``mtime_before_data``: that time was earlier than all its daily rows, so not used)
_MTIME_CODES = frozenset({"snapshot_guessed", "year_reference_mtime", "dated_after_export",
                          "mtime_before_data", "snapshot_from_posts"})


def cache_dir() -> Path:
    """The cache folder: ``$SMM_CACHE_DIR``, ``$XDG_CACHE_HOME/smmanalytics`` or
    ``~/.cache/smmanalytics``; a ``~`` in the variables read as in every path a user writes
    (:func:`~smmanalytics._args.user_path`). A HOME naming a folder that cannot be written
    leaves the cache unwritable, said once, and loads parse the exports anew
    (:func:`_warn_unwritable`)."""
    env = os.environ.get("SMM_CACHE_DIR")
    if env:
        return user_path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (user_path(xdg) if xdg else _home() / ".cache") / "smmanalytics"


def _home() -> Path:
    """The home folder, for the cache's default place; with none known (HOME unset and no
    user entry, as in some containers) an ArgumentError naming what to set, as a ``~`` in
    SMM_CACHE_DIR is at that moment (:func:`~smmanalytics._args.user_path`): pathlib raised a
    bare RuntimeError. Not a load without a cache: every load would parse anew unsaid, and
    the folder also keeps the report notebooks and the logos taken out of zips."""
    try:
        return Path.home()
    except RuntimeError:
        raise ArgumentError("no folder for the cache of parsed exports: SMM_CACHE_DIR and "
                            "XDG_CACHE_HOME are not set, and this system names no home folder "
                            "(HOME is not set)", expected="SMM_CACHE_DIR set to a writable "
                            "folder (or smm.load(..., cache=False))") from None


@cache
def _code_fingerprint() -> str:
    """SHA-256 over the source of the modules that turn bytes into canonical tables."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in _CODE:
        p = root / name
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".csv") and "__pycache__" not in f.parts:
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _formats_fingerprint() -> str:
    """The registered formats, the functions behind them and the rows and metrics they name
    (a format registered at run time by a plug-in changes what a file reads as: the summary
    rows dropped by its ``keys`` and ``own_total``, the warnings of its ``expects``)."""
    return ";".join(f"{f.name}:{f.detect.__module__}.{f.detect.__qualname__}:"
                    f"{f.parse.__module__}.{f.parse.__qualname__}:"
                    f"{f.family}:{f.keys}:{f.own_total}:{f.expects}:{f.expects_on}"
                    for f in _registry.formats())


def member_stamp(src) -> str:
    """What a zip member's entry says besides its bytes and name, which the parse reads: its
    date stamp and extra fields (``loaders._tidy.zip_member_time``, TikTok's export date);
    ``""`` for a file that is no member."""
    info = getattr(src, "zip_info", None)
    if info is None:
        return ""
    return f"{info.date_time}:{bytes(info.extra).hex()}"


def entry_key(sha256: str, name: str, stamp: str = "") -> str:
    """The cache key of a source: content hash, display name, a zip member's stamp
    (:func:`member_stamp`), versions, code fingerprint, and the brand's own header synonyms in
    use (``loaders._headers.using_synonyms``)."""
    h = hashlib.sha256()
    for part in (PARSER_VERSION, __version__, _code_fingerprint(), _formats_fingerprint(),
                 extra_fingerprint(), sha256, name, stamp):
        h.update(str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _entry_dir(key: str) -> Path:
    return cache_dir() / f"v{PARSER_VERSION}" / key[:2] / key


# ------------------------------------------------------------------ attrs <-> JSON

def _encode(v: object) -> object:
    if isinstance(v, pd.Timestamp):
        return {"__timestamp__": v.isoformat()}
    if isinstance(v, dict):
        return {"__dict__": [[_encode(k), _encode(x)] for k, x in v.items()]}
    if isinstance(v, (list, tuple)):
        return [_encode(x) for x in v]
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    if hasattr(v, "item"):          # numpy scalar
        return _encode(v.item())
    raise TypeError(f"cannot store {type(v).__name__} in the cache")


def _decode(v: object) -> object:
    if isinstance(v, dict):
        if "__timestamp__" in v:
            return pd.Timestamp(v["__timestamp__"])
        return {_decode(k): _decode(x) for k, x in v["__dict__"]}
    if isinstance(v, list):
        return [_decode(x) for x in v]
    return v


# ------------------------------------------------------------------ get / put

def get(sha256: str, name: str, mtime: float | None, stamp: str = "", shown: str | None = None
        ) -> tuple[list[pd.DataFrame], bool, list[dict]] | None:
    """The cached ``(frames, understood, notes)`` of a source, or None (miss or bad entry);
    with ``shown``, the source's display name, as parsed under it (:func:`_shown_as`)."""
    d = _entry_dir(entry_key(sha256, name, stamp))
    ahead = _AHEAD.get()
    got = ahead.pop(d, None) if ahead else None
    if got is None:
        got = _read_entry(d)
    if got is None:
        return None
    meta, frames = got
    try:
        if meta.get("mtime") is not None and meta["mtime"] != mtime:
            return None   # the parse read a modification time that has changed
        notes = list(_decode(meta["notes"]))
        if shown is not None and meta["name"] != shown:
            frames, notes = _shown_as(frames, notes, str(meta["name"]), shown)
        found = frames, bool(meta["understood"]), notes
    except (KeyError, TypeError, ValueError) as exc:
        logger.debug("cache entry %s unreadable (%r)", d, exc)
        return None
    mark_used(d / "meta.json")
    return found


_NULLS = {"NAType": pd.NA, "NoneType": None, "float": float("nan")}


def _object_nulls(df: pd.DataFrame) -> dict[str, str]:
    """For each object column: the one kind of missing value it holds (pd.NA, None or NaN),
    which Arrow does not keep. Raises TypeError for columns that would not round-trip
    (values other than str, or several kinds of missing values)."""
    out = {}
    for c, t in df.dtypes.items():
        if str(t) != "object":
            continue
        col = df[c]
        if pd.api.types.infer_dtype(col, skipna=True) not in ("string", "empty"):
            raise TypeError(f"column {c!r} holds values other than text")
        kinds = {type(v).__name__ for v in col[col.isna()].unique()}
        if len(kinds) > 1 or not kinds <= set(_NULLS):
            raise TypeError(f"column {c!r} mixes kinds of missing values: {sorted(kinds)}")
        if kinds:
            out[str(c)] = kinds.pop()
    return out


#: a table of at least this many rows is decoded and converted on Arrow's threads; a smaller
#: one on the caller's (the hand-offs cost more CPU than they save on a few hundred rows: a
#: reload after one new export read 170 such tables of the 4-year brand)
_THREADED_READ_ROWS = 100_000


def _read_table(path: Path, spec: dict) -> pa.Table:
    """The Arrow table of one of an entry's files, checked against its ``spec`` (its bytes'
    digest, its rows)."""
    table = _decoded(path, spec["digest"], threads=spec["rows"] >= _THREADED_READ_ROWS)
    if table.num_rows != spec["rows"]:
        raise ValueError(f"{path.name}: {table.num_rows} rows, expected {spec['rows']}")
    return table


def _as_frame(table: pa.Table, spec: dict) -> pd.DataFrame:
    """The frame ``table`` holds, with the dtypes its ``spec`` lists (what Arrow does not
    keep: object columns' kind of missing value, categories of strings, ``timezone.utc``),
    without attrs. ``spec`` is that of the table, or of every table of one layout
    concatenated (:func:`_layout`)."""
    threads = table.num_rows >= _THREADED_READ_ROWS
    df = table.to_pandas(use_threads=threads)
    if list(df.columns) != [c for c, _ in spec["dtypes"]]:
        raise ValueError(f"{spec['file']}: columns differ from meta.json")
    # by position (the columns are those listed): a column taken by name is a Series made
    # for each, the most of the conversion's cost for a small table
    fix = {c: t for (c, t), have in zip(spec["dtypes"], df.dtypes, strict=True)
           if str(have) != t}
    if fix:
        df = df.astype(fix)
    for c, null in spec.get("object_nulls", {}).items():
        df[c] = df[c].astype(object).where(df[c].notna(), _NULLS[null])
    for c, cat_dtype in spec.get("categories", {}).items():
        cats = df[c].cat.categories
        if str(cats.dtype) != cat_dtype:      # Arrow gives str categories for string ones
            df[c] = pd.Categorical.from_codes(df[c].cat.codes, ordered=df[c].cat.ordered,
                                              categories=pd.Index(cats, dtype=cat_dtype))
    for c in spec.get("utc", []):            # Arrow gives zoneinfo's UTC for timezone.utc
        df[c] = df[c].dt.tz_convert(datetime.UTC)
    return df


def _with_attrs(df: pd.DataFrame, spec: dict) -> pd.DataFrame:
    df.attrs = _decode(spec["attrs"])
    return df


def _decoded(path: Path, digest: str, *, threads: bool = True):
    """The Arrow table of the file at ``path``, whose bytes are checked against ``digest``
    (the one written with them) before Arrow decodes them: a flipped bit gave another table,
    unsaid, or crashed the decoder. ``threads``: its buffers decompressed on Arrow's threads.

    The file is memory-mapped, not copied into memory: decompressing its buffers makes the
    table's own, and the 1M-row reload took 0.38 s where reading the bytes first took 0.50.
    A buffer the IPC writer left uncompressed would be a view of the mapping, and the frame
    would keep the file open (clearing the cache deletes it): such a table is read again from
    a copy of the bytes.
    """
    with pa.memory_map(str(path)) as source:
        data = source.read_buffer()
        if _table_digest(data) != digest:
            raise ValueError(f"{path.name}: its bytes differ from those written")
        options = pa.ipc.IpcReadOptions(use_threads=threads)
        table = pa.ipc.open_file(data, options=options).read_all()
        if _views_of(table, data):
            table = pa.ipc.open_file(pa.py_buffer(data.to_pybytes()), options=options).read_all()
        del data
    return table


def _views_of(table, data) -> bool:
    """Whether a buffer of ``table`` lies in the memory of ``data`` (a view, not a copy)."""
    start, end = data.address, data.address + data.size

    def buffers(a):
        yield from a.buffers()
        if hasattr(a, "dictionary"):
            yield from a.dictionary.buffers()

    return any(b is not None and start <= b.address < end
               for col in table.columns for chunk in col.chunks for b in buffers(chunk))


def _table_digest(data) -> str:
    """The CRC-32 of a table file's bytes, kept in ``meta.json`` and checked on reading.

    It catches what it is for, bytes changed on disk (every error of up to 32 bits in a row,
    others but for one in 4 billion), at 3.6 GB/s where SHA-256 ran at 1.6 and BLAKE2b at 0.8:
    SHA-256 cost a 1M-row cached reload 0.17 s more (0.54 s where it took 0.38), CRC-32 0.08 s.
    """
    return f"crc32:{zlib.crc32(data):08x}"


def _json_digest(body: dict) -> str:
    return _table_digest(json.dumps(body, ensure_ascii=False).encode("utf-8"))


def _seal(body: dict) -> str:
    """The text of ``meta.json``: ``body`` with the CRC-32 of its JSON (``check``)."""
    return json.dumps({**body, "check": _json_digest(body)}, ensure_ascii=False)


def _unseal(text: str) -> dict:
    """The body of a ``meta.json`` :func:`_seal` wrote; ValueError if it was changed since
    (a flipped bit in a note's text, an attr or a dtype would have changed the result)."""
    body = json.loads(text)
    if not isinstance(body, dict) or body.pop("check", None) != _json_digest(body):
        raise ValueError("meta.json differs from what was written")
    return body


def _write_entry(d: Path, frames: list[pd.DataFrame], meta: dict) -> bool:
    """Write the tables then ``meta.json`` (the commit point) of one entry; True when stored.

    A folder removed while it was written (``smm cache clear`` in another shell) is written
    again, once; then left, logged at debug level: the folder is writable, so unlike other
    OSErrors it is not said to be unwritable."""
    for attempt in (1, 2):
        try:
            _write_files(d, frames, meta)
            return True
        except Exception as exc:   # unconvertible column, full disk, read-only folder…
            shutil.rmtree(d, ignore_errors=True)
            cause = exc.__cause__ if isinstance(exc, OutputError) else exc
            vanished = isinstance(cause, FileNotFoundError)
            if vanished and attempt == 1:
                logger.debug("cache entry %s removed while written (%r): writing it again",
                             d, cause)
                continue
            logger.debug("not caching %s: %r", meta.get("name"), exc)
            if isinstance(exc, OSError) and not vanished:
                _warn_unwritable(exc)
            return False
    return False


def _write_files(d: Path, frames: list[pd.DataFrame], meta: dict) -> None:
    tables = []
    for i, df in enumerate(frames):
        spec = {"file": f"{i}.arrow", "rows": len(df),
                "dtypes": [[str(c), str(t)] for c, t in df.dtypes.items()],
                "object_nulls": _object_nulls(df),
                "categories": {str(c): str(t.categories.dtype)
                               for c, t in df.dtypes.items()
                               if isinstance(t, pd.CategoricalDtype)},
                "utc": [str(c) for c, t in df.dtypes.items()       # not zoneinfo's
                        if isinstance(t, pd.DatetimeTZDtype)
                        and t.tz is datetime.UTC],
                "attrs": _encode(dict(df.attrs))}
        bare = df.copy(deep=False)
        bare.attrs = {}          # attrs go to meta.json (they hold Timestamps)
        table = pa.Table.from_pandas(bare, preserve_index=False)
        if any(col.num_chunks > 1 for col in table.columns):
            # one record batch: a column in chunks (text sliced from a CSV's blocks) cuts
            # every column into as many batches, whose numbers a reload then converts
            # to pandas one batch at a time and joins (a quarter of reading a 1M-row entry)
            table = pa.Table.from_arrays(
                [col.combine_chunks() if col.num_chunks > 1 else col for col in table.columns],
                schema=table.schema)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_file(sink, table.schema,
                             options=pa.ipc.IpcWriteOptions(compression="lz4")) as writer:
            writer.write_table(table)
        payload = sink.getvalue()
        spec["digest"] = _table_digest(payload)
        atomic_write(d / spec["file"], payload)
        tables.append(spec)
    atomic_write(d / "meta.json", _seal({**meta, "tables": tables}))


#: the cache folders already said to be unwritable in this process
_UNWRITABLE: set[str] = set()


def _warn_unwritable(exc: OSError) -> None:
    """Say once per folder that the cache cannot be written (a ``$SMM_CACHE_DIR`` naming a
    file, a read-only or full disk): loads still give the same tables, but parse every
    export anew each time, which the analyst would otherwise only notice as slowness."""
    root = str(cache_dir())
    if root in _UNWRITABLE:
        return
    _UNWRITABLE.add(root)
    warnings.warn(f"smmanalytics cannot write its cache of parsed exports in {root} "
                  f"({exc.strerror or exc}): every load parses the exports again; set "
                  "SMM_CACHE_DIR to a writable folder (smm cache info tells more)",
                  CacheWarning, stacklevel=2)


def _read_entry(d: Path) -> tuple[dict, list[pd.DataFrame]] | None:
    """``(meta, frames)`` of an entry; None when absent or unreadable (never raises)."""
    got = _entry_tables(d)
    if got is None:
        return None
    meta, tables = got
    try:
        return meta, [_with_attrs(_as_frame(table, spec), spec)
                      for table, spec in zip(tables, meta["tables"], strict=True)]
    except Exception as exc:  # a corrupt entry is a miss, never an error
        logger.debug("cache entry %s unreadable (%r)", d, exc)
        return None


def _entry_tables(d: Path) -> tuple[dict, list[pa.Table]] | None:
    """``(meta, Arrow tables)`` of an entry, checked against ``meta.json``; None when absent
    or unreadable (never raises)."""
    try:
        meta = _unseal((d / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.debug("cache entry %s unreadable (%r)", d, exc)
        return None
    try:
        names = [t["file"] for t in meta["tables"]]
        stored = len(list(d.glob("*.arrow")))
        if names != [f"{i}.arrow" for i in range(len(names))] or stored != len(names):
            raise ValueError(f"{stored} tables stored, meta.json lists {names}")
        return meta, [_read_table(d / t["file"], t) for t in meta["tables"]]
    except Exception as exc:  # a corrupt entry is a miss, never an error
        logger.debug("cache entry %s unreadable (%r)", d, exc)
        return None


#: the entries :func:`reading_ahead` read, by folder, until :func:`get` takes them; None
#: outside it
_AHEAD: contextvars.ContextVar[dict[Path, tuple[dict, list[pd.DataFrame]]] | None] = \
    contextvars.ContextVar("smm_cache_ahead", default=None)


@contextlib.contextmanager
def reading_ahead(sources):
    """Read the entries of ``sources`` (parsed next, through :func:`parse_cached`) at once,
    for :func:`get` to take each one's frames from.

    A reload after one new export reads every other file's entry: converted one by one to
    pandas, with their dtype fix-ups, the sample's 67 tables cost 0.16-0.21 s of CPU. The
    tables of one layout (:func:`_layout`) are concatenated and converted once (19 times for
    the sample), each file's frame a slice of the result (:func:`_read_entries`)."""
    token = _AHEAD.set(_read_entries([_entry_dir(_source_key(s)) for s in sources]))
    try:
        yield
    finally:
        _AHEAD.reset(token)


def _read_entries(dirs: list[Path]) -> dict[Path, tuple[dict, list[pd.DataFrame]]]:
    """``(meta, frames)`` of the entries in ``dirs`` that can be read, as :func:`_read_entry`
    gives them, each of their tables of one layout converted to pandas together. A layout
    whose conversion fails leaves its entries out: :func:`get` reads them one by one, each
    unreadable one a miss logged as usual."""
    tables = {d: got for d in dict.fromkeys(dirs) if (got := _entry_tables(d)) is not None}
    layouts: dict[object, list[tuple[Path, int]]] = {}
    for d, (meta, got) in tables.items():
        for i, (table, spec) in enumerate(zip(got, meta["tables"], strict=True)):
            layouts.setdefault(_layout(table, spec, (d, i)), []).append((d, i))
    frames: dict[Path, list] = {d: [None] * len(got) for d, (_, got) in tables.items()}
    for members in layouts.values():
        try:
            parts = _as_frames([tables[d][0]["tables"][i] for d, i in members],
                               [tables[d][1][i] for d, i in members])
        except Exception as exc:      # as _read_entry: a corrupt entry is a miss, later
            logger.debug("cache entries %s unreadable together (%r)", members, exc)
            for d, _ in members:
                frames.pop(d, None)
            continue
        for (d, i), part in zip(members, parts, strict=True):
            if d in frames:
                frames[d][i] = part
    return {d: (tables[d][0], got) for d, got in frames.items()}


def _layout(table: pa.Table, spec: dict, alone: object) -> object:
    """What tables converted together must share: their schema (with pandas' metadata),
    the dtype fix-ups of their specs and their dictionaries' values (concatenated, Arrow
    would give each file's categories the others' too). A large table, converted on Arrow's
    threads, is a layout of its own (``alone``)."""
    if table.num_rows >= _THREADED_READ_ROWS:
        return alone
    dictionaries = tuple(tuple(tuple(chunk.dictionary.to_pylist()) for chunk in col.chunks)
                         for col in table.columns if pa.types.is_dictionary(col.type))
    fixes = json.dumps([spec[k] if k == "dtypes" else spec.get(k)
                        for k in ("dtypes", "object_nulls", "categories", "utc")])
    return table.schema.serialize().to_pybytes(), fixes, dictionaries


def _as_frames(specs: list[dict], tables: list[pa.Table]) -> list[pd.DataFrame]:
    """The frames of ``tables``, all of one layout (:func:`_layout`): one conversion of
    them concatenated, each frame a slice of it (its rows numbered from 0), with its attrs."""
    if len(tables) == 1:
        return [_with_attrs(_as_frame(tables[0], specs[0]), specs[0])]
    whole = _as_frame(pa.concat_tables(tables), specs[0])
    ends = np.cumsum([t.num_rows for t in tables])
    return [_with_attrs(whole.iloc[end - t.num_rows:end].reset_index(drop=True), spec)
            for t, spec, end in zip(tables, specs, ends, strict=True)]


def put(sha256: str, name: str, mtime: float | None, frames: list[pd.DataFrame],
        understood: bool, notes: list[dict], stamp: str = "", shown: str | None = None) -> bool:
    """Store a parsed source, parsed under the display name ``shown`` (``name`` by default);
    True when stored. Any failure only skips caching (logged)."""
    guessed = any(n.get("code") in _MTIME_CODES for n in notes)
    try:
        enc_notes = _encode(list(notes))
    except TypeError:
        return False
    meta = {"name": name if shown is None else shown, "sha256": sha256,
            "understood": bool(understood), "mtime": mtime if guessed else None,
            "notes": enc_notes}
    return _write_entry(_entry_dir(entry_key(sha256, name, stamp)), frames, meta)


def dataset_key(parts: list) -> str:
    """Key of a whole load: the ordered (name, sha256, mtime) of every source, ``strict``."""
    h = hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()
    return entry_key(h, "<dataset>")


def get_dataset(key: str, tables: int, items: int, *, load: list | None = None
                ) -> tuple[list[pd.DataFrame], dict] | None:
    """Merged tables and notes stored by :func:`put_dataset`; None on a miss or bad entry,
    one of other than ``tables`` tables or ``items`` export files' notes among them. A hit
    marks the record of ``load`` (:func:`put_dataset`) used too: a folder reloaded unchanged
    for months keeps it, and its next edit still replaces the entries it superseded."""
    d = _entry_dir(key)
    got = _read_entry(d)
    if got is None:
        return None
    meta, frames = got
    try:
        item_notes = _decode(meta["item_notes"])
        if len(frames) != tables or len(item_notes) != items:
            raise ValueError(f"{len(frames)} tables and {len(item_notes)} files' notes, "
                             f"expected {tables} and {items}")
        found = frames, {"item_notes": item_notes, "merge_notes": _decode(meta["merge_notes"])}
    except (KeyError, TypeError, ValueError) as exc:
        logger.debug("cache entry %s unreadable (%r)", d, exc)
        return None
    mark_used(d / "meta.json")
    if load is not None:
        mark_used(_load_record(load))
    return found


def put_dataset(key: str, frames: list[pd.DataFrame], item_notes: list[list[dict]],
                merge_notes: list[dict], *, load: list | None = None,
                sources: set[str] = frozenset()) -> bool:
    """Store the merged tables of a whole load with the notes of each export file.

    ``load`` names what was loaded (the paths given, ``strict``), ``sources`` the keys of the
    per-file entries it read: the entries of the previous load of the same paths that this
    one no longer reads (its whole load, a changed file's) are removed (:func:`_supersede`),
    then the least recently used beyond :func:`max_bytes` (:func:`prune`)."""
    try:
        meta = {"name": "<dataset>", "item_notes": _encode(item_notes),
                "merge_notes": _encode(merge_notes)}
    except TypeError:
        return False
    stored = _write_entry(_entry_dir(key), frames, meta)
    if stored and load is not None:
        _supersede(load, key, set(sources))
        prune()
    return stored


def parse_cached(src, log, *, use_cache: bool = True) -> tuple[list[pd.DataFrame], bool]:
    """``loaders._read.parse_source`` through the cache: same frames, same notes in ``log``.

    Errors are not cached: a file that fails is parsed (and fails) again each time.
    """
    if not use_cache:
        return _read.parse_source(src, log)
    stamp = member_stamp(src)
    name = _name_read(src)
    read = _KEYS_READ.get()
    if read is not None:
        read.add(_source_key(src))
    hit = get(src.sha256, name, src.mtime, stamp, shown=src.name)
    if hit is not None:
        frames, understood, notes = hit
        log.extend(notes)
        return frames, understood
    flog = QualityLog()
    try:
        frames, understood = _read.parse_source(src, flog)   # looked up: tests patch it
    finally:
        log.extend(flog)
    put(src.sha256, name, src.mtime, frames, understood, flog.entries, stamp, shown=src.name)
    return frames, understood


def _source_key(src) -> str:
    """The key of a source's entry (:func:`entry_key`)."""
    return entry_key(src.sha256, _name_read(src), member_stamp(src))


def _name_read(src) -> str:
    """What the parse reads of a source's names, for its key: its name below the folder
    loaded (``Source.relative_name``), which says its platform (``brand/facebook/Views.csv``
    is Facebook's loaded as ``brand``, nobody's loaded as ``brand/facebook``); the file
    names its display name chains (``a.zip!b.zip!c.csv``: dates, an archive's name); the name
    of the folder holding it when a platform reads it (``loaders._tidy.folder_read``: an
    unzipped TikTok or YouTube export's, carrying its account and dates). Not the brand folder
    nor those above: a copy of the brand folder, elsewhere or under another name, reads the
    entries of the original's files (:func:`_shown_as`) where ``cp -r maison-seve other-name``
    parsed the sample's 50 exports outside a zip again (18 s; now none, 1.7 s)."""
    files = "!".join(Path(part).name for part in src.name.split("!"))
    return f"{src.relative_name}\0{files}\0{folder_read(src)}"


def _shown_as(frames: list[pd.DataFrame], notes: list[dict], was: str, now: str
              ) -> tuple[list[pd.DataFrame], list[dict]]:
    """The frames and notes of an entry parsed under the display name ``was`` as a parse
    under ``now`` gives them: their rows (``source_file``), attrs and notes name the file
    read, not the one whose parse was stored. The frames are the entry's own, read afresh."""
    def renamed(v: object) -> object:
        if isinstance(v, str):
            return v.replace(was, now)
        if isinstance(v, dict):
            return {renamed(k): renamed(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return type(v)(renamed(x) for x in v)
        return v

    for df in frames:
        if "source_file" in df.columns:
            df["source_file"] = df["source_file"].str.replace(was, now, regex=False)
        df.attrs = renamed(df.attrs)
    return frames, renamed(notes)


# ------------------------------------------------------------------ file digests by stat

#: a remembered digest is trusted only for a file last changed at least this long before the
#: digest was recorded: file times advance by a coarse tick, so a change made in the same tick
#: as the recording would leave the times as they were (git's "racy" rule)
_RACY_NS = 2_000_000_000


def _signature(st: os.stat_result) -> list[int]:
    """What changes whenever a file's bytes do: size, times (ctime cannot be set back by
    ``touch`` or ``cp -p``), inode and device."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _digest_memo(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()
    return cache_dir() / "digests" / key[:2] / f"{key}.json"


def known_digest(path: Path) -> str | None:
    """The SHA-256 recorded for the file at ``path`` by :func:`remember_digest`, if the file has
    kept the signature it had then; None otherwise (never raises)."""
    try:
        st = path.stat()
        memo = _digest_memo(path)
        rec = json.loads(memo.read_text(encoding="utf-8"))
        settled = rec["recorded_ns"] - max(st.st_mtime_ns, st.st_ctime_ns) >= _RACY_NS
        if rec["sig"] == _signature(st) and settled:
            mark_used(memo)
            return str(rec["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def remember_digest(path: Path, st: os.stat_result, sha256: str) -> None:
    """Record ``sha256`` as the digest of ``path`` while it keeps the signature of ``st`` (taken
    before its bytes were read), with its absolute path (:func:`prune` removes the digests of
    files gone). Failures only skip the record."""
    path = path.resolve()
    record = {"path": str(path), "sig": _signature(st), "sha256": sha256,
              "recorded_ns": time.time_ns()}
    try:
        atomic_write(_digest_memo(path), json.dumps(record))
    except OSError as exc:
        logger.debug("digest of %s not recorded: %r", path, exc)


# ------------------------------------------------------------------ maintenance

#: what the cache writes, relative to its folder (see the module docstring); a leading dot and
#: a trailing suffix are the temporary files of :func:`~smmanalytics._io.atomic_write`
_OWNED = re.compile(r"v\d+/[0-9a-f]{2}/[0-9a-f]{64}"
                    r"|digests/[0-9a-f]{2}/\.?[0-9a-f]{64}\.json(\.[^/]+)?"
                    r"|loads/[0-9a-f]{2}/\.?[0-9a-f]{64}\.json(\.[^/]+)?"
                    r"|logos/\.?[0-9a-f]{64}[^/]*"
                    r"|notebooks/[^/]+")     # an installed package's (runner.notebook_path)
#: the folders that hold them
_HOLDERS = re.compile(r"v\d+(/[0-9a-f]{2})?|digests(/[0-9a-f]{2})?|loads(/[0-9a-f]{2})?"
                      r"|logos|notebooks")


def _scan(root: Path) -> dict:
    """What the cache folder ``root`` holds: ``owned``, the paths the cache wrote;
    ``holders``, the folders holding them (each before its subfolders); ``other``, the paths
    of everything else, relative to ``root``; ``problem``, why it could not be read (None
    when it could).
    A path that vanishes meanwhile (another process clearing or writing) is left out."""
    found: dict = {"owned": [], "holders": [], "other": [], "problem": None}
    if root.exists() and not root.is_dir():
        found["problem"] = "it is a file, expected a folder"
        return found

    def walk(folder: Path, rel: str) -> None:
        try:
            children = sorted(folder.iterdir())
        except FileNotFoundError:
            return
        except OSError as exc:
            found["problem"] = found["problem"] or f"cannot read {folder}: {exc.strerror or exc}"
            return
        for child in children:
            name = f"{rel}{child.name}"
            if _OWNED.fullmatch(name):
                found["owned"].append(child)
            elif _HOLDERS.fullmatch(name) and child.is_dir() and not child.is_symlink():
                found["holders"].append(child)
                walk(child, name + "/")
            else:
                found["other"].append(name)

    walk(root, "")
    return found


def _measure(path: Path) -> tuple[int, int]:
    """(entries, bytes) of a path the cache wrote: an entry folder counts when committed (it
    holds ``meta.json``); files that vanish meanwhile count nothing."""
    entry = path.is_dir() and not path.is_symlink()      # digests and logos are files
    size = 0
    for f in ([Path(top, name) for top, _, names in os.walk(path) for name in names]
              if entry else [path]):       # os.walk passes over folders that vanish
        try:
            size += f.lstat().st_size
        except OSError:
            pass
    return int(entry and (path / "meta.json").is_file()), size


def _unwritable(root: Path) -> str | None:
    """Why loads cannot write in the cache folder ``root`` (or create it, in its nearest
    existing parent), or None: a read-only disk or a folder without write permission."""
    folder = root
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    if not folder.is_dir():
        return None               # a file: _scan says so
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    try:
        ro = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        ro = False
    what = "it is" if folder == root else f"{folder} is"
    return f"{what} on a read-only disk" if ro else f"{what} not writable (permission denied)"


def info() -> dict:
    """The cache folder (``path``), its number of ``entries``, the ``bytes`` the cache holds
    there, the ``other`` paths it holds that are not the cache's, ``problem``: why it could
    not be read (a file, a folder without read permission), or None, and ``unwritable``: why
    loads cannot write there (a read-only disk or folder), or None."""
    root = cache_dir()
    found = _scan(root)
    sizes = [_measure(p) for p in found["owned"]]
    return {"path": str(root), "entries": sum(n for n, _ in sizes),
            "bytes": sum(b for _, b in sizes), "other": found["other"],
            "problem": found["problem"],
            "unwritable": None if found["problem"] else _unwritable(root)}


def clear() -> dict:
    """Delete what the cache wrote in its folder, then the folder if nothing else is left;
    return what was removed (``entries``, ``bytes``) and what was kept (``other``), as
    :func:`info`, ``busy``: the entries left to a load still writing them (their folder
    kept filling after a few tries to remove it), ``existed``: whether the folder was there,
    ``gone``: whether it is no longer (not when it holds other files, or is a mount point).

    Raises
    ------
    OutputError
        when the cache folder is a file or cannot be read, or something of the cache could
        not be removed (it says what was removed before).
    """
    root = cache_dir()
    existed = root.exists()
    found = _scan(root)
    if found["problem"]:
        raise OutputError(f"cannot clear the cache {root}: {found['problem']}", path=str(root))
    entries = size = busy = 0
    failed: list[tuple[Path, OSError]] = []
    for p in found["owned"]:
        n, b = _measure(p)
        try:
            if p.is_dir() and not p.is_symlink():
                _remove_entry(p)
            else:
                p.unlink()
        except FileNotFoundError:       # another process removed it first
            continue
        except OSError as exc:
            if exc.errno == errno.ENOTEMPTY:    # a load still writing it: left to it
                busy += 1
                continue
            failed.append((p, exc))
            continue
        entries, size = entries + n, size + b
    for folder in [*reversed(found["holders"]), root]:      # the deepest first
        try:
            folder.rmdir()
        except OSError:                 # not empty (or already gone): kept
            pass
    removed = f"{entries} entries ({size / 1e6:.1f} MB) removed"
    if failed:
        p, exc = failed[0]
        raise OutputError(f"cannot clear the cache {root}: {len(failed)} of its "
                          f"{len(found['owned'])} files and entries could not be removed "
                          f"({p}: {exc.strerror or exc}); {removed}", path=str(root))
    return {"path": str(root), "entries": entries, "bytes": size, "other": found["other"],
            "problem": None, "busy": busy, "existed": existed, "gone": not root.exists()}


def _remove_entry(p: Path, tries: int = 5) -> None:
    """Remove the entry folder ``p``; a load writing it meanwhile adds files between the
    listing and the removal of the folder ("Directory not empty"): tried again a few times,
    then that OSError is raised."""
    for attempt in range(tries):
        try:
            shutil.rmtree(p)
            return
        except OSError as exc:
            if exc.errno != errno.ENOTEMPTY or attempt == tries - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


# ------------------------------------------------------------------ bounds

#: the bytes the entries may hold when ``$SMM_CACHE_MAX_BYTES`` does not say: a few hundred
#: loads of a brand like the sample's (2.6 MB), the benchmark's 1M-row export a few times over
DEFAULT_MAX_BYTES = 1_000_000_000
#: an entry not read for this long is removed (an export of last year's brand, a copy of a
#: folder since deleted), whatever the room left
MAX_IDLE_DAYS = 90

#: the keys of the per-file entries a load reads (:func:`keys_read`), None outside a load
_KEYS_READ: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "smm_cache_keys_read", default=None)


@contextlib.contextmanager
def keys_read():
    """Collect the keys of the per-file entries :func:`parse_cached` looks up meanwhile (for
    :func:`put_dataset`'s ``sources``)."""
    keys: set[str] = set()
    token = _KEYS_READ.set(keys)
    try:
        yield keys
    finally:
        _KEYS_READ.reset(token)


def mark_used(path: Path) -> None:
    """Set the modification time of ``path`` (an entry's ``meta.json``, a file digest, a logo)
    to now: :func:`prune` removes what was used least recently first. One system call; a
    read-only cache keeps its times."""
    with contextlib.suppress(OSError):
        os.utime(path)


def max_bytes() -> int:
    """The bytes the cache's entries may hold: ``$SMM_CACHE_MAX_BYTES`` (a number of bytes,
    or of ``KB``, ``MB``, ``GB``: ``500MB``), else :data:`DEFAULT_MAX_BYTES`. A value that
    is none of those is said once by a CacheWarning, and the default holds."""
    text = os.environ.get("SMM_CACHE_MAX_BYTES", "").strip()
    if not text:
        return DEFAULT_MAX_BYTES
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmg]?)b?", text, re.IGNORECASE)
    if m is None:
        if text not in _BAD_BUDGETS:
            _BAD_BUDGETS.add(text)
            warnings.warn(f"SMM_CACHE_MAX_BYTES={text!r} is not a size (expected bytes, or "
                          f"500MB, 2GB): the cache keeps to {DEFAULT_MAX_BYTES / 1e9:g} GB",
                          CacheWarning, stacklevel=3)
        return DEFAULT_MAX_BYTES
    return int(float(m[1]) * {"": 1, "k": 1e3, "m": 1e6, "g": 1e9}[m[2].lower()])


_BAD_BUDGETS: set[str] = set()


def _load_record(load: list) -> Path:
    key = hashlib.sha256(json.dumps(load, default=str).encode("utf-8")).hexdigest()
    return cache_dir() / "loads" / key[:2] / f"{key}.json"


def _supersede(load: list, key: str, sources: set[str]) -> None:
    """Record that the latest load of ``load`` is the whole-load entry ``key``, of the per-file
    entries ``sources``, and remove what the previous one of it read and this one does not
    (its whole-load entry; the entry of a file changed since) unless another load's record
    names it (a copy of the folder, whose files share their entries). Each edit of an export
    stored a whole load again (0.84 MB for the sample) and left the last one behind: 6 edits
    grew the cache from 2.6 to 8.3 MB. Failures only leave entries for :func:`prune`."""
    record = _load_record(load)
    try:
        before = json.loads(record.read_text(encoding="utf-8"))
        old = {str(before["dataset"]), *map(str, before["sources"])}
    except (OSError, ValueError, KeyError, TypeError):
        old = set()
    try:
        atomic_write(record, json.dumps({"load": load, "dataset": key,
                                         "sources": sorted(sources)}, default=str))
    except OSError as exc:
        logger.debug("load record %s not written: %r", record, exc)
        return
    stale = old - sources - {key}
    if stale:
        stale -= _recorded_elsewhere(record)
    for k in stale:
        _discard(_entry_dir(k))


def _recorded_elsewhere(record: Path) -> set[str]:
    """The entry keys the load records other than ``record`` name."""
    keys: set[str] = set()
    for other in (cache_dir() / "loads").glob("*/*.json"):
        if other == record:
            continue
        try:
            rec = json.loads(other.read_text(encoding="utf-8"))
            keys.update([str(rec["dataset"]), *map(str, rec["sources"])])
        except (OSError, ValueError, KeyError, TypeError):
            continue        # vanished or being replaced: its entries may go, a miss later
    return keys


def _discard(d: Path) -> int:
    """Remove the entry folder ``d``, ``meta.json`` (its commit point) first: a process reading
    it meanwhile finds it gone, or a table missing, which is a miss (:func:`_read_entry`);
    one writing it writes it again (:func:`_write_entry`). The bytes removed."""
    size = _measure(d)[1]
    with contextlib.suppress(OSError):
        (d / "meta.json").unlink()
    shutil.rmtree(d, ignore_errors=True)
    return size


def prune(limit: int | None = None, *, idle_days: float = MAX_IDLE_DAYS) -> dict:
    """Remove what the cache keeps of past loads (entries, file digests, extracted logos, load
    records) not used for ``idle_days``, then the least recently used until what is left
    holds at most ``limit`` bytes (:func:`max_bytes` by default), and the digests and load
    records of files that no longer exist; return how many ``entries``, ``digests``,
    ``logos`` and ``loads`` went, the ``bytes`` removed and ``kept``, the bytes left.

    Digests, logos and load records are small (about 300 bytes, a few KB) but one is written
    for every file or set of paths ever loaded: unpruned, a year of monthly exports left
    thousands behind. A load record removed only means the next load of its paths does not
    replace the entries its previous load read (:func:`_supersede`): they go by age. Run by
    :func:`put_dataset` after a load that parsed a file, never by one the cache answered: a
    walk over the cache's folders, a few milliseconds for hundreds of entries. Entries being
    written (no ``meta.json`` yet) and temporary files are left to their writer. Never
    raises."""
    limit = max_bytes() if limit is None else limit
    found = sorted(_kept_things(cache_dir()), key=lambda x: x[0])
    total = sum(size for _, _, _, size in found)
    idle = time.time() - idle_days * 86400
    removed = dict.fromkeys(_KINDS, 0)
    freed = 0
    for used, kind, p, size in found:
        if used >= idle and total - freed <= limit and not _orphan(kind, p):
            continue
        if kind == "entries":
            _discard(p)
        else:
            with contextlib.suppress(OSError):
                p.unlink()
        removed[kind] += 1
        freed += size
    if freed:
        logger.debug("cache pruned: %s, %d bytes removed", removed, freed)
    return {**removed, "bytes": freed, "kept": total - freed}


#: the kinds of things :func:`prune` removes (the folders of the cache holding them; entries
#: are under ``v<PARSER_VERSION>``)
_KINDS = ("entries", "digests", "logos", "loads")


def _kept_things(root: Path) -> list[tuple[float, str, Path, int]]:
    """``(last use, kind, path, bytes)`` of each committed entry folder (used: its
    ``meta.json``'s modification time, :func:`mark_used`), file digest, extracted logo and
    load record in the cache folder ``root`` (used: their own); kind is one of
    :data:`_KINDS`. What vanishes meanwhile is left out."""
    things = []
    for p in _scan(root)["owned"]:
        kind = p.relative_to(root).parts[0]
        if kind not in _KINDS:
            kind = "entries" if re.fullmatch(r"v\d+", kind) else None   # notebooks
        if kind is None or p.name.startswith("."):                  # a write in progress
            continue
        try:
            used = (p / "meta.json" if kind == "entries" else p).stat().st_mtime
        except OSError:
            continue                     # being written, or gone
        things.append((used, kind, p, _measure(p)[1]))
    return things


def _orphan(kind: str, record: Path) -> bool:
    """Whether ``record``, a file digest or a load record, names a file or folder that no
    longer exists (or cannot be read: it would be recorded anew): that file cannot be found
    unchanged, that set of paths cannot be loaded again as it was. A path that is not
    absolute (a digest written before they were) cannot say: it keeps to the rules of age
    and size. Entries and logos name no path: never orphans."""
    if kind not in ("digests", "loads"):
        return False
    try:
        rec = json.loads(record.read_text(encoding="utf-8"))
        paths = [rec["path"]] if kind == "digests" else list(rec["load"][1])
        paths = [Path(p) for p in paths]
    except FileNotFoundError:
        return False                     # removed meanwhile: nothing left to do
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return True
    return any(p.is_absolute() and not p.exists() for p in paths)
