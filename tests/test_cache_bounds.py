"""The cache of parsed exports stays bounded: a load supersedes the previous load of the same
paths (its whole-load entry, a changed file's entry), the least recently read entries go
beyond ``$SMM_CACHE_MAX_BYTES``, and an entry removed while read is a miss."""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import smmanalytics as smm
from smmanalytics import _cache

from ._helpers import brand_zip, ig_export

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
#: a month of the sample brand: its settings and an export of each of 5 platforms, which fill
#: every table below; the bounds hold whatever the number of files, and its cold load takes
#: 0.8 s of CPU against the whole sample's 6 s (the module: 115 s of CPU, now 25 s)
SAMPLE_MONTH = ("brand.yaml", "logo.svg", "goals.yaml", "account_overview_analytics.csv",
                "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
                "instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv",
                "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv", "Followers_maisonseve.zip")
TABLES = ("posts", "daily", "web", "audience", "files")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SMM_CACHE_DIR", str(d))
    return d


@pytest.fixture
def brand(tmp_path) -> Path:
    folder = tmp_path / "brand"
    folder.mkdir()
    for name in SAMPLE_MONTH:
        shutil.copy(SAMPLE / name, folder)
    return folder


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
    # the file, keeping the old ones: 61 entries, 2.6 MB, then 67 and 6.9 MB after 6 edits (of
    # the whole sample; here a month of it, every table filled)
    first_ds = smm.load(brand)
    assert all(len(getattr(first_ds, t)) for t in TABLES)
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
    digests = sorted(cache_dir.glob("digests/*/*.json"))
    now = time.time()
    for i, d in enumerate(entries):           # read one a minute apart, the first longest ago
        os.utime(d / "meta.json", (now - 3600 + 60 * i, now - 3600 + 60 * i))
    used = now - 3600 + 60 * (len(entries) - 1) - 30     # just before the newest entry
    for f in digests:
        os.utime(f, (used, used))
    # reading the oldest marks it used: it is now the last to go
    src = _read_back(entries[0])
    sizes = {d: _size(d) for d in entries}
    digest_bytes = sum(f.stat().st_size for f in digests)
    (record,) = cache_dir.glob("loads/*/*.json")     # written by the load: the newest of all
    limit = sizes[entries[0]] + sizes[entries[-1]] + digest_bytes + record.stat().st_size
    got = _cache.prune(limit)
    left = {m.parent for m in cache_dir.glob("v*/*/*/meta.json")}
    assert entries[0] in left and src is not None
    assert got["kept"] == limit and got["digests"] == 0
    assert got["entries"] == len(entries) - len(left)
    # the newest after it, entries[-1], fits too: nothing else does (each entry > 0 bytes)
    assert left == {entries[0], entries[-1]}
    # the digests count in the budget: with their bytes less, the least recently used of what
    # is left, the digests (used 30 s before entries[-1]), go, every one, and they alone
    got = _cache.prune(limit - digest_bytes)
    assert got == {"entries": 0, "digests": len(digests), "logos": 0, "loads": 0,
                   "bytes": digest_bytes, "kept": limit - digest_bytes}
    assert not list(cache_dir.glob("digests/*/*.json"))


def _read_back(d: Path):
    """Read the entry of folder ``d`` as a load does (``get`` or ``get_dataset``)."""
    return _cache._read_entry(d) and _cache.mark_used(d / "meta.json") is None


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


@contextmanager
def _pruning_everything():
    """While the block runs, a second process (here a thread) removes every entry over and
    over (``prune(0)``)."""
    stop = threading.Event()

    def prune_all():
        while not stop.is_set():
            _cache.prune(0)

    pruner = threading.Thread(target=prune_all)
    pruner.start()
    try:
        yield
    finally:
        stop.set()
        pruner.join()


def test_loads_while_another_prunes_everything(cache_dir, brand):
    # a second process (here a thread) removing every entry over and over: each load still
    # gives the tables of one without the cache
    fresh = smm.load(brand, cache=False)
    with _pruning_everything():
        for _ in range(3):
            _bump_last_figure(brand / "account_overview_analytics.csv", 0)   # ctime changes
            ds = smm.load(brand)
            for t in ("posts", "web", "audience"):
                assert_frame_equal(getattr(ds, t), getattr(fresh, t))


# ------------------------------------------------------- file digests and extracted logos

def _two_exports(folder: Path) -> Path:
    """A brand folder of two Instagram exports, of 10 and 20 views."""
    folder.mkdir()
    for day, views in ((3, 10), (4, 20)):
        (folder / f"ig_2026-10-0{day}.csv").write_text(ig_export(views), encoding="utf-8-sig")
    return folder


def _age(paths, days: float) -> None:
    when = time.time() - days * 86400
    for p in paths:
        os.utime(p, (when, when))


def test_idle_digests_and_logos_go(cache_dir, tmp_path):
    # a zipped brand: one file on disk (one digest), its logo extracted (one logo), its
    # export's entry and the whole load's (two entries)
    archive = brand_zip(tmp_path / "brand.zip", "Europe/Paris", "<svg>1</svg>", 3)
    ds = smm.load(archive)
    (digest,) = cache_dir.glob("digests/*/*.json")
    (logo,) = cache_dir.glob("logos/*")
    assert logo == ds.brand.logo and len(list(cache_dir.glob("v*/*/*/meta.json"))) == 2
    sizes = digest.stat().st_size + logo.stat().st_size
    _age([digest, logo], 91)                 # unused beyond MAX_IDLE_DAYS (90)
    got = _cache.prune()
    assert got["digests"] == 1 and got["logos"] == 1 and got["entries"] == 0
    assert got["bytes"] == sizes and not digest.exists() and not logo.exists()
    # the next load hashes the archive and extracts the logo again, the same tables
    again = smm.load(archive)
    assert digest.is_file() and again.brand.logo.read_text() == "<svg>1</svg>"
    assert_frame_equal(again.posts, ds.posts)


def test_digests_and_logos_used_are_marked(cache_dir, tmp_path):
    # a reload the cache answers whole reads the digest, a load of the zip reads its logo:
    # both are used now, not 91 days ago
    archive = brand_zip(tmp_path / "brand.zip", "Europe/Paris", "<svg>1</svg>", 3)
    time.sleep(2.1)      # a digest recorded within 2 s of the file's change is not trusted
    smm.load(archive)
    (digest,) = cache_dir.glob("digests/*/*.json")
    (logo,) = cache_dir.glob("logos/*")
    recorded = digest.read_text()
    _age([digest, logo], 91)
    smm.load(archive)
    assert digest.read_text() == recorded            # read, not hashed and written again
    assert all(time.time() - p.stat().st_mtime < 60 for p in (digest, logo))
    got = _cache.prune()
    assert (got["entries"], got["digests"], got["logos"], got["bytes"]) == (0, 0, 0, 0)


def test_the_digest_of_a_file_deleted_goes(cache_dir, tmp_path, monkeypatch):
    folder = _two_exports(tmp_path / "brand").resolve()
    monkeypatch.chdir(tmp_path)              # loaded by a relative path: its digests say where
    smm.load(Path("brand"))
    digests = {json.loads(f.read_text())["path"]: f for f in cache_dir.glob("digests/*/*.json")}
    gone, kept = (folder / "ig_2026-10-03.csv"), (folder / "ig_2026-10-04.csv")
    assert set(digests) == {str(gone), str(kept)}
    size = digests[str(gone)].stat().st_size
    gone.unlink()
    monkeypatch.chdir(tmp_path.parent)       # pruned from elsewhere
    got = _cache.prune()
    # its digest alone goes; the entries of the file (and the load) are left until idle
    assert (got["entries"], got["digests"], got["logos"], got["bytes"]) == (0, 1, 0, size)
    assert not digests[str(gone)].exists() and digests[str(kept)].is_file()


def test_loads_of_a_zip_while_another_prunes_everything(cache_dir, tmp_path):
    # the digest and the logo removed at any moment too: each load gives the tables of one
    # without the cache, and a logo the report can read (from the archive if it went)
    from smmanalytics.dataset import logo_bytes

    archive = brand_zip(tmp_path / "brand.zip", "Europe/Paris", "<svg>1</svg>", 3)
    fresh = smm.load(archive, cache=False)
    with _pruning_everything():
        for _ in range(5):
            ds = smm.load(archive)
            for t in ("posts", "goals", "quality"):
                assert_frame_equal(getattr(ds, t), getattr(fresh, t))
            assert logo_bytes(ds.brand.logo) == b"<svg>1</svg>"


# ------------------------------------------------------- a brand folder copied elsewhere

def _parses(monkeypatch) -> list[str]:
    """The display names of the sources parsed from now on (not answered by the cache)."""
    from smmanalytics.loaders import _read

    parsed: list[str] = []
    parse = _read.parse_source

    def counting(src, log):
        parsed.append(src.name)
        return parse(src, log)

    monkeypatch.setattr(_read, "parse_source", counting)
    return parsed


def test_a_copy_elsewhere_reads_the_entries_of_the_original(cache_dir, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    original = _two_exports(tmp_path / "a" / "brand")
    smm.load(original)
    parsed = _parses(monkeypatch)
    copy = tmp_path / "b" / "brand"          # cp -r: new files, new modification times
    shutil.copytree(original, copy, copy_function=shutil.copy)
    ds = smm.load(copy)
    # its 2 files read from the original's entries (both parsed again before); its own whole
    # load stored, with its rows and notes naming the copy's files
    assert parsed == []
    fresh = smm.load(copy, cache=False)
    for t in ("posts", "daily", "files", "quality"):
        assert_frame_equal(getattr(ds, t), getattr(fresh, t))
    # the one post, in both exports: the later's row (20 views), the copy's file
    assert ds.posts["source_file"].tolist() == [str(copy / "ig_2026-10-04.csv")]
    assert ds.posts["views"].tolist() == [20]
    assert not ds.quality["file"].str.startswith(str(original)).any()
    assert len(_entries_of(cache_dir, "<dataset>")) == 2
    # the original deleted, its entries stay until idle, and the copy keeps reading them
    shutil.rmtree(original)
    parsed.clear()                           # of the load without the cache
    assert_frame_equal(smm.load(copy).posts, fresh.posts)
    assert parsed == []


YOUTUBE = Path(__file__).resolve().parent / "fixtures" / "youtube"
#: the name of the folder YouTube Studio's zip is unzipped into: its channel and range are read
STUDIO = "Content 2026-09-12_2026-10-01 Maison Sève"
TIKTOK = Path(__file__).resolve().parent / "fixtures" / "tiktok" / "unzipped"


def _unzipped_studio(folder: Path) -> Path:
    """``folder`` holding Studio's three files (table, chart, totals) as unzipping gives them."""
    folder.mkdir()
    with zipfile.ZipFile(YOUTUBE / f"{STUDIO}.zip") as z:
        z.extractall(folder)
    return folder


def _same_as_fresh(ds, folder: Path) -> None:
    fresh = smm.load(folder, cache=False)
    for t in ("posts", "daily", "files", "quality"):
        assert_frame_equal(getattr(ds, t), getattr(fresh, t))


def test_a_copy_under_another_name_reads_the_entries_of_the_original(cache_dir, tmp_path,
                                                                     monkeypatch):
    # the brand folder's name is read by no parse, so brand2 reads brand's entries: the
    # Instagram exports at its root and the YouTube export unzipped in it, whose folder's name
    # is read (its channel and range) and is the same (the sample's `cp -r maison-seve
    # other-name` parsed 50 files again, 18 s; now none, 1.7 s)
    original = _two_exports(tmp_path / "brand")
    _unzipped_studio(original / STUDIO)
    smm.load(original)
    parsed = _parses(monkeypatch)
    copy = Path(shutil.copytree(original, tmp_path / "brand2", copy_function=shutil.copy))
    ds = smm.load(copy)
    assert parsed == []
    _same_as_fresh(ds, copy)
    # its rows and notes name the copy's files ("…/brand/" is no part of "…/brand2/")
    for names in (ds.files["path"], ds.posts["source_file"], ds.quality["file"]):
        assert not names.str.startswith(f"{original}{os.sep}").any()
    assert ds.posts.loc[ds.posts["platform"] == "youtube", "account_id"].unique().tolist() \
        == ["Maison Sève"]


@pytest.mark.parametrize(("renamed", "parsed_again", "channel", "last_day"), [
    # another range: read again, the table's figures over 12 September to 15 October, the
    # export taken the day after (no zip stored the files' time)
    ("Content 2026-09-12_2026-10-15 Maison Sève", 3, "Maison Sève", "2026-10-15"),
    # another channel: read again, the videos that channel's
    ("Content 2026-09-12_2026-10-01 Maison Sève Paris", 3, "Maison Sève Paris", "2026-10-01"),
    # the mark of a second download is no part of the name read (nor of the note quoting it)
    (f"{STUDIO} (1)", 0, "Maison Sève", "2026-10-01"),
    # a name that is no zip's: nothing read from it, so neither channel nor range
    ("studio-export", 3, None, None),
])
def test_an_unzipped_export_renamed_is_parsed_again_when_what_its_name_says_changes(
        cache_dir, tmp_path, monkeypatch, renamed, parsed_again, channel, last_day):
    # the folder loaded is the one unzipped: its files' names below it are the same whatever
    # its name, which only the YouTube loader reads
    folder = _unzipped_studio(tmp_path / STUDIO)
    smm.load(folder)
    parsed = _parses(monkeypatch)
    folder = folder.rename(tmp_path / renamed)
    ds = smm.load(folder)
    assert len(parsed) == parsed_again
    _same_as_fresh(ds, folder)
    # the 4 videos of Table data.csv, over the range the folder's name states, exported the
    # day after its last day (a name without one: lifetime figures, no window, no export day)
    videos = ds.posts
    assert videos["account_id"].tolist() == [channel if channel else pd.NA] * 4
    if last_day is None:
        assert videos[["window_start", "window_end"]].isna().all().all()
        return
    assert videos["window_start"].unique().tolist() == [pd.Timestamp("2026-09-12")]
    assert videos["window_end"].unique().tolist() == [pd.Timestamp(last_day)]
    exported = pd.Timestamp(last_day, tz="UTC") + pd.Timedelta(days=1)
    assert videos["snapshot_at"].unique().tolist() == [exported]


def test_a_tiktok_export_renamed_to_another_account_is_parsed_again(cache_dir, tmp_path,
                                                                   monkeypatch):
    # TikTok's handle is only in its zip's name, kept by the folder it is unzipped into
    folder = tmp_path / "Overview_2026-09-25_1790891174_maisonseve"
    folder.mkdir()
    shutil.copy(TIKTOK / "Overview.csv", folder)
    smm.load(folder)
    parsed = _parses(monkeypatch)
    folder = folder.rename(tmp_path / "Overview_2026-09-25_1790891174_seveparis")
    ds = smm.load(folder)
    assert parsed == [str(folder / "Overview.csv")]
    _same_as_fresh(ds, folder)
    assert ds.daily["account_id"].unique().tolist() == ["seveparis"]


# ------------------------------------------------------- load records

def _record_bytes(folder: Path) -> int:
    """The bytes of the record of a lenient load of ``folder`` that read two files' entries:
    ``{"load": [false, ["<folder>"]], "dataset": "<64>", "sources": ["<64>", "<64>"]}``,
    counted by hand: 19 characters before the folder, 17 + 64 for the whole load,
    16 + 64 + 4 + 64 + 3 for the two files' keys (an ASCII path: one byte a character)."""
    return 19 + len(str(folder)) + 17 + 64 + 16 + 64 + 4 + 64 + 3


def _entries_named(cache: Path) -> set[Path]:
    return {m.parent for m in cache.glob("v*/*/*/meta.json")}


def test_an_idle_load_record_goes_and_the_next_load_replaces_nothing(cache_dir, tmp_path):
    folder = _two_exports(tmp_path / "brand").resolve()
    smm.load(folder)
    # 2 files' entries and the whole load's; one record, naming them
    (record,) = cache_dir.glob("loads/*/*.json")
    assert len(_entries_named(cache_dir)) == 3
    assert record.stat().st_size == _record_bytes(folder) == 251 + len(str(folder))
    _age([record], 91)                      # unused beyond MAX_IDLE_DAYS (90)
    got = _cache.prune()
    assert got == {"entries": 0, "digests": 0, "logos": 0, "loads": 1,
                   "bytes": _record_bytes(folder), "kept": got["kept"]}
    assert not record.exists()
    # an edit then: the load works, and writes its record anew, but, not knowing what the
    # last load read, replaces none of it: the old whole load and the edited file's old entry
    stale = {*_entries_of(cache_dir, "<dataset>"),
             *_entries_of(cache_dir, str(folder / "ig_2026-10-04.csv"))}
    (folder / "ig_2026-10-04.csv").write_text(ig_export(25), encoding="utf-8-sig")
    ds = smm.load(folder)
    assert ds.posts["views"].tolist() == [25]       # the edited export's (25 views), not 20
    assert record.stat().st_size == _record_bytes(folder)
    assert len(_entries_named(cache_dir)) == 3 + 2 and stale <= _entries_named(cache_dir)
    # they go by age: unused (the load read the new ones)
    _age([d / "meta.json" for d in stale], 91)
    got = _cache.prune()
    assert (got["entries"], got["loads"]) == (2, 0)
    assert len(_entries_named(cache_dir)) == 3 and not stale & _entries_named(cache_dir)


def test_a_warm_reload_marks_its_record_used(cache_dir, tmp_path):
    folder = _two_exports(tmp_path / "brand").resolve()
    smm.load(folder)
    (record,) = cache_dir.glob("loads/*/*.json")
    recorded = record.read_text()
    _age([record], 91)
    smm.load(folder)                         # answered whole: the record is read by no one
    assert record.read_text() == recorded and time.time() - record.stat().st_mtime < 60
    assert _cache.prune()["loads"] == 0
    # so the next edit still replaces what the last load read: 3 entries, as before it
    (folder / "ig_2026-10-04.csv").write_text(ig_export(25), encoding="utf-8-sig")
    smm.load(folder)
    assert len(_entries_named(cache_dir)) == 3


def test_the_record_of_a_folder_deleted_goes(cache_dir, tmp_path):
    kept = _two_exports(tmp_path / "brand").resolve()
    gone = _two_exports(tmp_path / "old-brand").resolve()
    smm.load(kept)
    smm.load(gone)
    records = {json.loads(f.read_text())["load"][1][0]: f
               for f in cache_dir.glob("loads/*/*.json")}
    assert set(records) == {str(kept), str(gone)}
    digests = [f for f in cache_dir.glob("digests/*/*.json")
               if json.loads(f.read_text())["path"].startswith(str(gone) + os.sep)]
    assert len(digests) == 2                # old-brand's two exports
    digest_bytes = sum(f.stat().st_size for f in digests)
    shutil.rmtree(gone)
    got = _cache.prune()
    # its record and its 2 files' digests go; the entries are left until idle: the 2 files'
    # (the same bytes in both folders, whose names no parse reads: one entry each) and each
    # folder's whole load, 4
    assert (got["entries"], got["digests"], got["logos"], got["loads"]) == (0, 2, 0, 1)
    assert got["bytes"] == _record_bytes(gone) + digest_bytes
    assert not records[str(gone)].exists() and records[str(kept)].is_file()
    assert len(_entries_named(cache_dir)) == 4


def test_records_count_in_the_budget(cache_dir, tmp_path):
    folder = _two_exports(tmp_path / "brand").resolve()
    smm.load(folder)
    (record,) = cache_dir.glob("loads/*/*.json")
    total = _cache.info()["bytes"]           # 3 entries, 2 digests, the record
    _age([record], 1)                        # the least recently used, a day ago
    # one byte over the budget: the record alone goes, the oldest
    got = _cache.prune(total - 1)
    assert got == {"entries": 0, "digests": 0, "logos": 0, "loads": 1,
                   "bytes": _record_bytes(folder), "kept": total - _record_bytes(folder)}


def test_loads_while_another_prunes_the_records(cache_dir, tmp_path):
    # a second process (here a thread) removing everything, the load records among them, over
    # and over: each load, edited each time, gives the tables of a load without the cache
    folder = _two_exports(tmp_path / "brand").resolve()
    with _pruning_everything():
        for views in (30, 40, 50):
            (folder / "ig_2026-10-04.csv").write_text(ig_export(views), encoding="utf-8-sig")
            ds = smm.load(folder)
            fresh = smm.load(folder, cache=False)
            assert ds.posts["views"].tolist() == [views]
            for t in ("posts", "daily", "files"):
                assert_frame_equal(getattr(ds, t), getattr(fresh, t))
    # the pruner stopped: a load writes its record, the next after an edit replaces what it
    # read (3 entries left, the record anew, as without the race)
    smm.load(folder)
    (folder / "ig_2026-10-04.csv").write_text(ig_export(60), encoding="utf-8-sig")
    assert smm.load(folder).posts["views"].tolist() == [60]
    assert len(_entries_named(cache_dir)) == 3
    (record,) = cache_dir.glob("loads/*/*.json")
    assert record.stat().st_size == _record_bytes(folder)
