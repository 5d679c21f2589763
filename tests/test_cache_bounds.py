"""The cache of parsed exports stays bounded: a load supersedes the previous load of the same
paths (its whole-load entry, a changed file's entry), the least recently read entries go
beyond ``$SMM_CACHE_MAX_BYTES``, and an entry removed while read is a miss."""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

import smmanalytics as smm
from smmanalytics import _cache

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
TABLES = ("posts", "daily", "web", "audience", "files")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SMM_CACHE_DIR", str(d))
    return d


@pytest.fixture
def brand(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "brand"))


def _bump_last_figure(f: Path, by: int) -> None:
    """Add ``by`` to the last number of the file's last line (a figure corrected by hand)."""
    text = f.read_text(encoding="utf-8").rstrip("\n")
    head, _, last = text.rpartition("\n")
    m = list(re.finditer(r"\d+", last))[-1]
    f.write_text(f"{head}\n{last[:m.start()]}{int(m.group()) + by}{last[m.end():]}\n",
                 encoding="utf-8")


def _entries_of(cache: Path, name: str) -> list[Path]:
    return [m.parent for m in cache.glob("v*/*/*/meta.json")
            if f'"name": "{name}' in m.read_text(encoding="utf-8")]


def _size(d: Path) -> int:
    return sum(f.stat().st_size for f in d.iterdir())


def test_edits_of_one_export_leave_the_cache_bounded(cache_dir, brand):
    # the reviewer's repro: each edit stored a whole load again (0.84 MB) and a new entry for
    # the file, keeping the old ones: 61 entries, 2.6 MB, then 67 and 6.9 MB after 6 edits
    smm.load(brand)
    first = _cache.info()
    edited = brand / "account_overview_analytics.csv"
    (entry,) = _entries_of(cache_dir, str(edited))
    one_file = _size(entry)          # the edited file's entry, which each edit replaces
    for i in range(6):
        _bump_last_figure(edited, i + 1)
        smm.load(brand)
    after = _cache.info()
    # at most the first load and one entry of the edited file (here exactly as many)
    assert after["entries"] <= first["entries"] + 1
    assert after["bytes"] <= first["bytes"] + one_file + 4096   # + the load's record
    assert len(_entries_of(cache_dir, str(edited))) == 1
    assert len(_entries_of(cache_dir, "<dataset>")) == 1
    fresh = smm.load(brand, cache=False)
    for t in TABLES:
        assert_frame_equal(getattr(smm.load(brand), t), getattr(fresh, t))


def test_entries_another_load_reads_are_kept(cache_dir, brand):
    # loaded strictly too, the folder's files read the same entries (same bytes and names):
    # the edit supersedes the lenient load, whose old entry of the file the strict load's
    # record still names
    smm.load(brand)
    smm.load(brand, strict=True)
    edited = brand / "account_overview_analytics.csv"
    (shared,) = _entries_of(cache_dir, str(edited))
    _bump_last_figure(edited, 1)
    smm.load(brand)
    assert (shared / "meta.json").is_file()
    assert len(_entries_of(cache_dir, str(edited))) == 2
    assert len(_entries_of(cache_dir, "<dataset>")) == 2       # one a load of the folder


def test_budget_removes_the_least_recently_read(cache_dir, brand):
    smm.load(brand)
    entries = sorted(m.parent for m in cache_dir.glob("v*/*/*/meta.json"))
    now = time.time()
    for i, d in enumerate(entries):           # read one a minute apart, the first longest ago
        os.utime(d / "meta.json", (now - 3600 + 60 * i, now - 3600 + 60 * i))
    # reading the oldest marks it used: it is now the last to go
    src = _read_back(entries[0])
    sizes = {d: _size(d) for d in entries}
    limit = sizes[entries[0]] + sizes[entries[-1]]
    got = _cache.prune(limit)
    left = {m.parent for m in cache_dir.glob("v*/*/*/meta.json")}
    assert entries[0] in left and src is not None
    assert got["kept"] <= limit and got["kept"] == sum(sizes[d] for d in left)
    assert got["entries"] == len(entries) - len(left)
    # the newest after it, entries[-1], fits too: nothing else does (each entry > 0 bytes)
    assert left == {entries[0], entries[-1]}


def _read_back(d: Path):
    """Read the entry of folder ``d`` as a load does (``get`` or ``get_dataset``)."""
    return _cache._read_entry(d) and _cache._mark_used(d) is None


def test_idle_entries_go_within_the_budget(cache_dir, brand):
    smm.load(brand)
    entries = sorted(m.parent for m in cache_dir.glob("v*/*/*/meta.json"))
    old = time.time() - 91 * 86400          # 91 days unread: beyond MAX_IDLE_DAYS (90)
    os.utime(entries[0] / "meta.json", (old, old))
    got = _cache.prune()
    assert got["entries"] == 1 and not entries[0].exists()


def test_budget_from_the_environment(monkeypatch):
    for text, expected in (("", _cache.DEFAULT_MAX_BYTES), ("123", 123), ("500MB", 500_000_000),
                           ("2 gb", 2_000_000_000), ("1.5G", 1_500_000_000)):
        monkeypatch.setenv("SMM_CACHE_MAX_BYTES", text)
        assert _cache.max_bytes() == expected
    monkeypatch.setenv("SMM_CACHE_MAX_BYTES", "lots")
    with pytest.warns(RuntimeWarning, match="SMM_CACHE_MAX_BYTES='lots' is not a size"):
        assert _cache.max_bytes() == _cache.DEFAULT_MAX_BYTES


def test_a_load_keeps_to_the_budget(cache_dir, brand, monkeypatch):
    smm.load(brand)
    whole = _cache.info()["bytes"]
    monkeypatch.setenv("SMM_CACHE_MAX_BYTES", str(whole // 2))
    _bump_last_figure(brand / "account_overview_analytics.csv", 1)
    smm.load(brand)
    entries = sum(_size(m.parent) for m in cache_dir.glob("v*/*/*/meta.json"))
    assert entries <= whole // 2


def test_entry_removed_while_read_is_a_miss(cache_dir, brand, monkeypatch):
    fresh = smm.load(brand, cache=False)
    smm.load(brand)
    read_table = _cache._read_table
    removed = []

    def read_then_removed(path, spec):      # another process prunes between two tables
        if not removed:
            removed.append(path.parent)
            _cache._discard(path.parent)
        return read_table(path, spec)

    monkeypatch.setattr(_cache, "_read_table", read_then_removed)
    ds = smm.load(brand)
    # the whole load's entry, read first, was a miss: the load read the files' entries, and
    # stored it again
    assert removed and (removed[0] / "meta.json").is_file()
    for t in TABLES:
        assert_frame_equal(getattr(ds, t), getattr(fresh, t))


def test_loads_while_another_prunes_everything(cache_dir, brand):
    # a second process (here a thread) removing every entry over and over: each load still
    # gives the tables of one without the cache
    fresh = smm.load(brand, cache=False)
    stop = threading.Event()

    def prune_all():
        while not stop.is_set():
            _cache.prune(0)

    pruner = threading.Thread(target=prune_all)
    pruner.start()
    try:
        for _ in range(3):
            _bump_last_figure(brand / "account_overview_analytics.csv", 0)   # ctime changes
            ds = smm.load(brand)
            for t in ("posts", "web", "audience"):
                assert_frame_equal(getattr(ds, t), getattr(fresh, t))
    finally:
        stop.set()
        pruner.join()
