"""The cache of parsed exports: same results cached or not, changed files re-read, corrupt
entries tolerated; and the large-file path of the CSV reader gives the same tables."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import smmanalytics as smm
from smmanalytics import _cache, schema
from smmanalytics.loaders import _sources, read_export
from smmanalytics.quality import QualityLog

FIX = Path(__file__).parent / "fixtures"
TABLES = ("posts", "daily", "web", "audience", "quality", "files")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SMM_CACHE_DIR", str(d))
    return d


#: the fixture exports of every table and kind of entry, on the cheapest files to parse: posts
#: (Facebook, Instagram, stories), daily (Meta's follows and views, X's overview), web (GA4 in
#: two languages), audience (with daily: an entry of two tables), a file dated by its mtime
#: (follows.csv). How a cache entry is damaged, read, refused and rewritten does not depend on
#: the format that filled it. These parse in 0.5 s of CPU, every fixture export in 2.3 s, which
#: each of the 13 tests that damage every entry parsed again
LEAN = ("meta/Facebook follows.csv", "meta/facebook_Audience.csv",
        "meta/facebook_posts_2026-11-20.csv", "meta/instagram_posts_2026-11-20.csv",
        "meta/instagram_stories_fr_2026-10-31.csv", "meta/Views_2026-10-31.csv",
        "x/account_overview_analytics_2026-07-03.csv", "ga4/traffic_acquisition_en.csv",
        "ga4/acquisizione_traffico_it.csv")


def _copy_exports(d: Path, files: tuple[str, ...] | None = None) -> Path:
    """The fixture exports named by ``files`` (every one when None) in the folder ``d``, in
    their platform's subfolder, plus a zip of two of them."""
    for name in files or (f"{p.parent.name}/{p.name}" for sub in ("meta", "x", "ga4")
                          for p in sorted((FIX / sub).iterdir())):
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(FIX / name, d / name)
    with zipfile.ZipFile(d / "bundle_2026-11-20.zip", "w") as zf:
        zf.write(FIX / "meta" / "instagram_posts_2026-11-20.csv", "ig/posts_2026-11-20.csv")
        zf.write(FIX / "meta" / "Views_2026-10-31.csv", "Views_2026-10-31.csv")
    return d


@pytest.fixture
def exports(tmp_path):
    """Every fixture export (Meta, X, GA4: posts, stories, daily, audience, web) in one folder,
    plus a zip of two of them."""
    return _copy_exports(tmp_path / "exports")


@pytest.fixture
def lean_exports(tmp_path):
    """The :data:`LEAN` exports in one folder of the test's, plus a zip of two of them: for
    the tests of what the cache reads, hashes and keeps, which no format changes."""
    return _copy_exports(tmp_path / "exports", LEAN)


# Parsing even the lean exports takes half a second: the tests that only read them share one
# copy, its load without the cache and a cache folder of its entries (each test damages a
# copy of that).
@pytest.fixture(scope="module")
def shared_exports(tmp_path_factory):
    """The :data:`LEAN` exports, one folder for the module's tests that do not change it."""
    return _copy_exports(tmp_path_factory.mktemp("shared") / "exports", LEAN)


@pytest.fixture(scope="module")
def shared_fresh(shared_exports):
    """``shared_exports`` loaded without the cache (tests must not change this Dataset)."""
    return smm.load(shared_exports, cache=False)


@pytest.fixture(scope="module")
def shared_entries(shared_exports, tmp_path_factory):
    """A cache folder holding what loading ``shared_exports`` stores: its files' digests, an
    entry per file or zip member, one for the whole load."""
    d = tmp_path_factory.mktemp("stored") / "cache"
    with pytest.MonkeyPatch.context() as m:
        m.setenv("SMM_CACHE_DIR", str(d))
        smm.load(shared_exports)
    return d


def _assert_same(a: smm.Dataset, b: smm.Dataset) -> None:
    for t in TABLES:
        assert_frame_equal(getattr(a, t), getattr(b, t), check_dtype=True, check_exact=True)
        assert getattr(a, t).dtypes.to_dict() == getattr(b, t).dtypes.to_dict()


def _entries(d: Path) -> list[Path]:
    return sorted(d.glob("v*/??/*/meta.json"))


def test_cached_reload_equals_fresh_load(cache_dir, exports):
    fresh = smm.load(exports, cache=False)
    assert not cache_dir.exists()                      # cache=False writes nothing
    first = smm.load(exports)
    assert len(_entries(cache_dir)) >= 10               # one entry per parsed file / member
    again = smm.load(exports)
    _assert_same(fresh, first)
    _assert_same(fresh, again)
    # several dtypes go through the Arrow files: category, string, Float64, boolean, tz-aware, Int8
    kinds = {str(t) for t in again.posts.dtypes} | {str(t) for t in again.daily.dtypes}
    assert {"category", "string", "Float64", "boolean", "datetime64[ns, UTC]",
            "Int8"} <= kinds
    assert len(fresh.posts) > 0 and len(fresh.daily) > 0 and len(fresh.web) > 0


def test_cached_frames_equal_fresh_ones_attrs_and_notes(cache_dir):
    src = next(_sources.iter_sources(FIX / "meta" / "facebook_posts_2026-11-20.csv"))
    log1, log2, log3 = QualityLog(), QualityLog(), QualityLog()
    fresh, u1 = _cache.parse_cached(src, log1, use_cache=False)
    stored, u2 = _cache.parse_cached(src, log2)       # miss: parsed then stored
    cached, u3 = _cache.parse_cached(src, log3)       # hit
    assert u1 and u2 and u3
    assert log1.entries == log2.entries == log3.entries
    assert len(fresh) == len(cached) == 1
    assert_frame_equal(fresh[0], cached[0], check_exact=True)
    assert fresh[0].attrs == cached[0].attrs


def test_an_entry_holds_one_record_batch_and_gives_the_frame_back(tmp_path):
    """A text column in chunks (sliced from a CSV's blocks) is stored as one: its chunks would
    cut every column of the Arrow file into as many record batches, each converted to pandas
    apart on reload. The frame read back is the same, chunks aside."""
    import pyarrow as pa

    chunked = pd.array(pa.chunked_array([["a", "b"], ["c"], [None, "e"]]),
                       dtype=pd.StringDtype("pyarrow"))
    df = pd.DataFrame({"account_id": chunked,
                       "reach": pd.array([1.5, None, 3.0, 4.0, 5.0], dtype="Float64"),
                       "paid": pd.array([True, False, None, True, False], dtype="boolean")})
    df.attrs = {"platform": "facebook"}
    assert _cache._write_entry(tmp_path, [df], {"name": "x.csv"})
    with pa.OSFile(str(tmp_path / "0.arrow")) as f:
        assert pa.ipc.open_file(f).num_record_batches == 1
    meta, (back,) = _cache._read_entry(tmp_path)
    assert_frame_equal(back, df, check_exact=True)
    assert back.attrs == df.attrs
    assert df["account_id"].array._pa_array.num_chunks == 3        # the caller's frame as it was


def test_entries_read_together_give_each_frame_as_read_alone(tmp_path):
    """The entries a load reads ahead (:func:`_cache.reading_ahead`) are converted one layout
    at a time: each file's frame is a slice of its layout's, and must be the frame written,
    rows numbered from 0, its own categories (Instagram's posts must not gain "facebook"),
    object nulls and attrs; a corrupt entry among them is left out (a miss for ``get``)."""
    def posts(platform: str, ids: list, reach: list, caption: list) -> pd.DataFrame:
        df = pd.DataFrame({"platform": pd.Categorical([platform] * len(ids)),
                           "post_id": pd.array(ids, dtype="string"),
                           "reach": pd.array(reach, dtype="Int64"),
                           "caption": pd.Series(caption, dtype=object)})
        df.attrs = {"source_file": f"{platform}_{ids[0]}.csv"}
        return df

    written = {                      # two Facebook files share a layout, Instagram's differs
        "fb1": [posts("facebook", ["1", "2"], [10, None], ["a", None])],
        "fb2": [posts("facebook", ["3", "4", "5"], [30, 40, 50], ["c", "d", None])],
        "ig": [posts("instagram", ["6"], [60], [None])],
        "bad": [posts("facebook", ["7"], [70], ["g"])],
    }
    for name, frames in written.items():
        assert _cache._write_entry(tmp_path / name, frames, {"name": name})
    (tmp_path / "bad" / "0.arrow").write_bytes(b"not what was written")
    got = _cache._read_entries([tmp_path / name for name in written])
    assert set(got) == {tmp_path / "fb1", tmp_path / "fb2", tmp_path / "ig"}
    for name in ("fb1", "fb2", "ig"):
        meta, (back,) = got[tmp_path / name]
        assert meta["name"] == name
        assert_frame_equal(back, written[name][0], check_exact=True)
        assert back.attrs == written[name][0].attrs
        assert list(back["platform"].cat.categories) == list(written[name][0]["platform"])[:1]
        assert back["caption"].iloc[-1] is None        # the kind of missing value written


def test_a_table_read_back_keeps_no_view_of_its_mapped_file(tmp_path):
    """The entry's file is memory-mapped to be read: its lz4 buffers are decompressed into the
    table's own memory. A buffer left uncompressed (here a whole file written without
    compression) would be a view of the mapping, keeping the file open after the load: such a
    table is read again from a copy of the bytes, the same table."""
    import pyarrow as pa

    table = pa.table({"post_id": ["1", "2", None], "reach": [1.5, None, 3.0],
                      "platform": pa.array(["x", "x", "tiktok"]).dictionary_encode()})
    for compression in ("lz4", None):
        path = tmp_path / f"{compression}.arrow"
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(
                sink, table.schema,
                options=pa.ipc.IpcWriteOptions(compression=compression)) as writer:
            writer.write_table(table)
        with pa.memory_map(str(path)) as source:
            data = source.read_buffer()
            viewed = _cache._views_of(pa.ipc.open_file(data).read_all(), data)
        assert viewed == (compression is None)
        back = _cache._decoded(path, _cache._table_digest(path.read_bytes()))
        assert back.equals(table)
    with pytest.raises(ValueError, match="differ from those written"):
        _cache._decoded(path, "crc32:00000000")


def test_cached_load_is_a_hit(cache_dir, exports, monkeypatch):
    smm.load(exports)
    from smmanalytics.loaders import _read

    def boom(*a, **k):
        raise AssertionError("parsed again although cached")

    monkeypatch.setattr(_read, "parse_source", boom)
    smm.load(exports)        # every file comes from the cache


def test_new_file_in_folder_reuses_the_other_files(cache_dir, lean_exports, monkeypatch):
    smm.load(lean_exports)
    it = (FIX / "meta" / "instagram_posts_it_2026-03-01.csv").read_bytes()
    (lean_exports / "new_it.csv").write_bytes(it.replace(b",2000,1500,", b",2100,1500,"))
    from smmanalytics.loaders import _read

    parsed = []
    real = _read.parse_source
    monkeypatch.setattr(_read, "parse_source",
                        lambda src, log, **k: parsed.append(src.name) or real(src, log, **k))
    grown = smm.load(lean_exports)
    assert [Path(p).name for p in parsed] == ["new_it.csv"]   # the others came from the cache
    _assert_same(grown, smm.load(lean_exports, cache=False))


def test_changed_file_is_reread(cache_dir, tmp_path):
    d = tmp_path / "brand"
    d.mkdir()
    f = d / "instagram_posts_2026-11-20.csv"
    shutil.copy(FIX / "meta" / "instagram_posts_2026-11-20.csv", f)
    first = smm.load(d)
    assert first.posts["views"].sum() == 15000 + 3000 + 2500   # 20500, from the fixture
    f.write_bytes(f.read_bytes().replace(b"Lifetime,15000,", b"Lifetime,16000,"))
    second = smm.load(d)
    assert second.posts["views"].sum() == 16000 + 3000 + 2500  # 21500: the new bytes
    # per file and per load, after: those of before, superseded, removed (_cache._supersede)
    assert len(_entries(cache_dir)) == 2


def test_deleting_the_cache_changes_nothing(cache_dir, lean_exports):
    a = smm.load(lean_exports)
    b = smm.load(lean_exports)
    info = _cache.clear()
    assert info["entries"] >= 10 and info["bytes"] > 0
    assert not cache_dir.exists()
    c = smm.load(lean_exports)
    _assert_same(a, b)
    _assert_same(a, c)


@pytest.mark.parametrize("damage", ["garbage_meta", "truncated_table", "missing_table",
                                    "wrong_rows", "empty_meta", "meta_lists_a_table_less",
                                    "meta_lists_no_table", "notes_of_a_file_less"])
def test_corrupt_entry_is_ignored_and_rewritten(cache_dir, shared_exports, shared_fresh,
                                                shared_entries, damage):
    shutil.copytree(shared_entries, cache_dir)       # as smm.load(shared_exports) left it
    assert len(_entries(cache_dir)) >= 10
    for meta in _entries(cache_dir):
        entry = meta.parent
        tables = sorted(entry.glob("*.arrow"))
        if damage == "garbage_meta":
            meta.write_bytes(b"\x00{not json")
        elif damage == "empty_meta":
            meta.write_text("{}")
        elif damage == "truncated_table" and tables:
            tables[0].write_bytes(tables[0].read_bytes()[:50])
        elif damage == "missing_table" and tables:
            tables[0].unlink()
        elif damage == "wrong_rows" and tables:
            text = meta.read_text().replace('"rows": ', '"rows": 1', 1)
            meta.write_text(text)
        elif damage in ("meta_lists_a_table_less", "meta_lists_no_table",
                        "notes_of_a_file_less"):     # valid JSON, not matching what is stored
            m = json.loads(meta.read_text())
            if damage == "meta_lists_a_table_less":
                m["tables"] = m["tables"][:-1]
            elif damage == "meta_lists_no_table":
                m["tables"] = []
            elif damage == "notes_of_a_file_less" and "item_notes" in m:   # the whole load's
                m["item_notes"] = m["item_notes"][:-1]
            meta.write_text(json.dumps(m))
    again = smm.load(shared_exports)
    _assert_same(shared_fresh, again)
    third = smm.load(shared_exports)           # rewritten entries are good again
    _assert_same(shared_fresh, third)


def test_unwritable_cache_dir_is_not_an_error(tmp_path, monkeypatch, shared_exports,
                                              shared_fresh):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SMM_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(_cache, "_UNWRITABLE", set())
    with pytest.warns(RuntimeWarning, match="cannot write its cache"):    # said, not raised
        ds = smm.load(shared_exports)
    _assert_same(shared_fresh, ds)


def test_mtime_snapshot_entry_follows_the_mtime(cache_dir, tmp_path):
    # no date in the name, none in the file: snapshot_at is the modification time (noted)
    f = tmp_path / "posts.csv"
    shutil.copy(FIX / "meta" / "instagram_posts_2026-11-20.csv", f)
    os.utime(f, (1_780_000_000, 1_780_000_000))
    a = smm.load(f)
    os.utime(f, (1_790_000_000, 1_790_000_000))
    b = smm.load(f)
    assert a.posts["snapshot_at"].iloc[0] == pd.Timestamp(1_780_000_000, unit="s", tz="UTC")
    assert b.posts["snapshot_at"].iloc[0] == pd.Timestamp(1_790_000_000, unit="s", tz="UTC")
    _assert_same(b, smm.load(f, cache=False))


_TIKTOK_FOLLOWERS = ('\ufeff"Date","Followers","Difference in followers from previous day"\r\n'
                     '"December 30","100","0"\r\n"December 31","103","3"\r\n'
                     '"January 1","105","2"').encode()


def test_a_zip_members_date_stamp_is_part_of_the_key(cache_dir, tmp_path):
    """TikTok's year-less days take their year from the date stamped on the member in the zip:
    the same bytes stamped 2026-01-02 were dated by the cache as when stamped 2025-01-02 (from
    December 30, 2024, where a load without the cache read December 30, 2025)."""
    z = tmp_path / "Followers_brand.zip"

    def zipped(year: int) -> None:
        with zipfile.ZipFile(z, "w") as zf:
            zf.writestr(zipfile.ZipInfo("FollowerHistory.csv", (year, 1, 2, 9, 0, 0)),
                        _TIKTOK_FOLLOWERS)

    def first_day(**kw) -> str:
        return str(smm.load(z, **kw).daily["date"].min().date())

    # exported 2025-01-02 09:00: January 1 is 2025-01-01, the two days before it 2024-12-30/31
    zipped(2025)
    assert first_day() == "2024-12-30"
    # exported 2026-01-02: a year later, whether the cache answers or not
    zipped(2026)
    assert first_day() == "2025-12-30"
    assert first_day(cache=False) == "2025-12-30"


def test_tiktok_years_from_the_mtime_follow_the_mtime(cache_dir, tmp_path):
    """A TikTok file outside its zip, no date in its name: its years are inferred from the
    file's modification time (noted year_reference_mtime); touched a year later, the cached
    load kept the first year's dates."""
    f = tmp_path / "FollowerHistory.csv"
    f.write_bytes(_TIKTOK_FOLLOWERS)
    t2025 = pd.Timestamp("2025-01-02 09:00", tz="UTC").timestamp()
    t2026 = pd.Timestamp("2026-01-02 09:00", tz="UTC").timestamp()
    os.utime(f, (t2025, t2025))
    a = smm.load(f)
    assert "year_reference_mtime" in set(a.quality["code"])
    # modified 2025-01-02: December 30 is the day 3 days before January 1, 2025
    assert str(a.daily["date"].min().date()) == "2024-12-30"
    os.utime(f, (t2026, t2026))
    b = smm.load(f)
    assert str(b.daily["date"].min().date()) == "2025-12-30"
    _assert_same(b, smm.load(f, cache=False))


def test_cache_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "c"))
    assert _cache.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("SMM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _cache.cache_dir() == tmp_path / "xdg" / "smmanalytics"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert _cache.cache_dir() == Path.home() / ".cache" / "smmanalytics"


def test_cache_dir_reads_a_tilde_as_every_user_path(monkeypatch, tmp_path):
    # "~/c" is $HOME/c, as before; "~old_cache" names no user and stays as written
    # (pathlib raised RuntimeError "Could not determine home directory", and load with it)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SMM_CACHE_DIR", "~/c")
    assert _cache.cache_dir() == tmp_path / "c"
    monkeypatch.setenv("SMM_CACHE_DIR", "~old_cache/c")
    assert _cache.cache_dir() == Path("~old_cache", "c")
    monkeypatch.delenv("SMM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "~/xdg")
    assert _cache.cache_dir() == tmp_path / "xdg" / "smmanalytics"


def test_key_depends_on_content_name_and_versions(monkeypatch):
    k = _cache.entry_key("ab" * 32, "a.csv")
    assert k == _cache.entry_key("ab" * 32, "a.csv")
    assert k != _cache.entry_key("cd" * 32, "a.csv")
    assert k != _cache.entry_key("ab" * 32, "b.csv")
    assert k != _cache.entry_key("ab" * 32, "a.csv", "(2026, 1, 2, 9, 0, 0):")  # member stamp
    version = _cache.PARSER_VERSION
    monkeypatch.setattr(_cache, "PARSER_VERSION", "test-bump")
    assert k != _cache.entry_key("ab" * 32, "a.csv")
    monkeypatch.setattr(_cache, "PARSER_VERSION", version)
    assert k == _cache.entry_key("ab" * 32, "a.csv")
    # a format registered at run time (a plug-in) changes the key
    from smmanalytics.loaders import _registry

    assert "meta_post:" in _cache._formats_fingerprint()
    extra = _registry.Format("plugin_fmt", ("x",), ("posts",), lambda c: 0.0, lambda c, x: [])
    monkeypatch.setitem(_registry._FORMATS, "plugin_fmt", extra)
    with_plugin = _cache.entry_key("ab" * 32, "a.csv")
    assert k != with_plugin
    # one that reads its own Total row keeps a row the others drop as a summary
    monkeypatch.setitem(_registry._FORMATS, "plugin_fmt", replace(extra, own_total=True))
    assert _cache.entry_key("ab" * 32, "a.csv") not in (k, with_plugin)


def _files(d: Path) -> set[str]:
    return {f.relative_to(d).as_posix() for f in d.rglob("*") if f.is_file()}


def _bytes(d: Path) -> int:
    return sum(f.stat().st_size for f in d.rglob("*") if f.is_file())


def _size(d: Path) -> str:
    return f"{_bytes(d) / 1e6:.1f} MB"


def test_cli_cache_info_and_clear(cache_dir, shared_entries, capsys):
    from smmanalytics.cli import main

    shutil.copytree(shared_entries, cache_dir)       # as smm.load(shared_exports) left it
    n, size = len(_entries(cache_dir)), _size(cache_dir)
    assert main(["cache", "info"]) == 0
    assert capsys.readouterr().out == f"{cache_dir}: {n} entries, {size}\n"
    assert main(["cache", "clear"]) == 0
    assert not cache_dir.exists()
    assert capsys.readouterr().out == f"removed {cache_dir} ({n} entries, {size})\n"


def test_clear_removes_only_what_the_cache_wrote(cache_dir, shared_entries, capsys):
    from smmanalytics.cli import main

    # $SMM_CACHE_DIR naming a folder of the user's: their files stay, in any of its folders
    shutil.copytree(shared_entries, cache_dir)
    key = "ab" * 32
    for name in (f"logos/{key}.png", f"logos/.{key}.png.tmp1", f"digests/ab/.{key}.json.tmp2",
                 f"v2/ab/{key}/meta.json", f"v2/ab/{key}/0.arrow"):   # the cache's, old layout
        (cache_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (cache_dir / name).write_bytes(b"x" * 1000)
    n, size = len(_entries(cache_dir)), _size(cache_dir)
    mine = {"thesis.txt", "logos/mine.png", "v3/readme.txt", "digests/notes.json",
            "photos/v3/ab/x.jpg"}
    for name in mine:
        (cache_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (cache_dir / name).write_text("important")
    assert main(["cache", "clear"]) == 0
    assert _files(cache_dir) == mine
    assert capsys.readouterr().out == (
        f"removed the cache from {cache_dir} ({n} entries, {size}); kept 5 files or folders "
        "that are not the cache's: digests/notes.json, logos/mine.png, photos, thesis.txt, "
        "v3/readme.txt\n")
    assert _cache.info() == {"path": str(cache_dir), "entries": 0, "bytes": 0, "problem": None,
                             "other": ["digests/notes.json", "logos/mine.png", "photos",
                                       "thesis.txt", "v3/readme.txt"], "unwritable": None}


def test_clear_says_what_it_could_not_remove(cache_dir, shared_entries, monkeypatch, capsys):
    from smmanalytics.cli import main

    shutil.copytree(shared_entries, cache_dir)
    before = _files(cache_dir)
    owned = (len(list(cache_dir.glob(f"v{_cache.PARSER_VERSION}/??/*")))
             + len(list(cache_dir.glob("digests/??/*")))
             + len(list(cache_dir.glob("loads/??/*"))))        # the load's record

    def refused(path, *args, **kwargs):        # a cache folder of another user, read-only
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(shutil, "rmtree", refused)
    monkeypatch.setattr(Path, "unlink", refused)
    monkeypatch.setattr(Path, "rmdir", refused)
    assert main(["cache", "clear"]) == 2
    first = sorted(cache_dir.glob("digests/??/*"))[0]
    assert capsys.readouterr().err == (
        f"smm: error: cannot clear the cache {cache_dir}: {owned} of its {owned} files and "
        f"entries could not be removed ({first}: Permission denied); 0 entries (0.0 MB) "
        "removed\n")
    assert _files(cache_dir) == before


def test_a_cache_dir_that_is_a_file_is_said_so(tmp_path, monkeypatch, capsys):
    from smmanalytics.cli import main
    from smmanalytics.errors import OutputError

    f = tmp_path / "cachefile"
    f.write_text("hello")
    monkeypatch.setenv("SMM_CACHE_DIR", str(f))
    assert main(["cache", "info"]) == 1
    assert capsys.readouterr().out == (f"{f}: it is a file, expected a folder; smm.load does "
                                       "not use it as its cache\n")
    assert main(["cache", "clear"]) == 2
    assert capsys.readouterr().err == (f"smm: error: cannot clear the cache {f}: it is a file, "
                                       "expected a folder\n")
    with pytest.raises(OutputError):
        _cache.clear()
    assert f.read_text() == "hello"


def test_an_unreadable_cache_dir_is_said_so(cache_dir, shared_entries, monkeypatch):
    from smmanalytics.errors import OutputError

    shutil.copytree(shared_entries, cache_dir)

    def refused(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "iterdir", refused)
    assert _cache.info() == {"path": str(cache_dir), "entries": 0, "bytes": 0, "other": [],
                             "problem": f"cannot read {cache_dir}: Permission denied",
                             "unwritable": None}
    with pytest.raises(OutputError, match="cannot clear the cache .*: cannot read .*: "
                                          "Permission denied$"):
        _cache.clear()
    assert len(_entries(cache_dir)) >= 10


def test_info_passes_over_files_that_vanish_meanwhile(cache_dir, shared_entries, monkeypatch):
    # another process clearing the cache removes a file after info() listed it
    shutil.copytree(shared_entries, cache_dir)
    gone = sorted(cache_dir.glob("digests/??/*"))[0]
    n, size = len(_entries(cache_dir)), _bytes(cache_dir) - gone.stat().st_size
    stat, lstat, calls = Path.stat, Path.lstat, []

    def vanishing_stat(path, *args, **kwargs):
        if path == gone:
            calls.append(path)
            if len(calls) > 1:           # listed, then gone
                raise FileNotFoundError(2, "No such file or directory", str(path))
        return stat(path, *args, **kwargs)

    def vanishing_lstat(path):
        if path == gone:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return lstat(path)

    monkeypatch.setattr(Path, "stat", vanishing_stat)
    monkeypatch.setattr(Path, "lstat", vanishing_lstat)
    assert _cache.info() == {"path": str(cache_dir), "entries": n, "bytes": size, "other": [],
                             "problem": None, "unwritable": None}


def test_large_file_path_gives_the_same_table(tmp_path, monkeypatch):
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    try:
        from _gen import write_meta_posts
    finally:
        sys.path.pop(0)
    f = write_meta_posts(tmp_path / "facebook_posts_2026-11-20.csv", 3000)
    monkeypatch.setattr(_sources, "LARGE", 0)             # sniff from the head, rows as bytes
    monkeypatch.setattr(_sources, "_HEAD", 4096)
    fast = read_export(f)
    monkeypatch.setattr(_sources, "LARGE", 10**12)        # the general path
    slow = read_export(f)
    assert len(fast) == 3000
    assert_frame_equal(fast, slow, check_exact=True)
    assert fast.attrs == slow.attrs


def test_large_file_path_falls_back_for_other_encodings(tmp_path, monkeypatch):
    monkeypatch.setattr(_sources, "LARGE", 0)
    f = tmp_path / "facebook_posts_2026-11-20.csv"
    text = (FIX / "meta" / "facebook_posts_2026-11-20.csv").read_text(encoding="utf-8-sig")
    f.write_bytes(text.encode("cp1252"))
    df = read_export(f)
    assert df["account_name"].iloc[0] == "Maison Sève"
    assert "encoding_fallback" in {n["code"] for n in df.attrs["quality"]}


#: one file of the sample brand per kind the reader maps: a workbook, an archive, a UTF-8 and
#: a UTF-16 CSV, which fill posts, daily, web and audience. Whether a file is mapped and read
#: back the same does not depend on how many there are: two loads of these take 1 s of CPU,
#: of the whole sample 11 s
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
MAPPED_KINDS = ("maison-seve_followers_1793520000000.xls", "Followers_maisonseve.zip",
                "instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv",
                "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv",
                "facebook_follows_2025-09-01_2026-10-31_2026-11-01.csv")


def test_large_files_are_mapped_and_load_as_read(tmp_path, monkeypatch):
    """Every file over LARGE is memory-mapped (workbooks, archives and other encodings
    included): exports of the sample brand load the same as from bytes, and no file stays
    mapped."""
    sample = tmp_path / "maison-seve"
    sample.mkdir()
    for name in MAPPED_KINDS:
        shutil.copy(SAMPLE / name, sample)
    read = smm.load(sample, cache=False)
    assert all(len(getattr(read, t)) for t in ("posts", "daily", "web", "audience"))
    mapped = []
    real = _sources._mapped
    monkeypatch.setattr(_sources, "_mapped", lambda p: mapped.append(p) or real(p))
    monkeypatch.setattr(_sources, "LARGE", 0)
    got = smm.load(sample, cache=False)
    assert {p.suffix for p in mapped} >= {".csv", ".xls", ".zip"}
    for name in ("posts", "daily", "web", "audience"):
        assert_frame_equal(getattr(got, name), getattr(read, name), check_exact=True)
    assert_frame_equal(got.quality, read.quality)
    if Path("/proc/self/maps").exists():
        maps = Path("/proc/self/maps").read_text()
        assert not [p for p in mapped if str(p) in maps]


def test_a_file_that_cannot_be_mapped_is_read(tmp_path, monkeypatch):
    f = tmp_path / "facebook_posts_2026-11-20.csv"
    shutil.copy(FIX / "meta" / "facebook_posts_2026-11-20.csv", f)
    monkeypatch.setattr(_sources, "LARGE", 0)
    monkeypatch.setattr(_sources.mmap, "mmap", _refuse_to_map)
    got = read_export(f)
    want = read_export(FIX / "meta" / "facebook_posts_2026-11-20.csv")
    assert (got["source_file"] == str(f)).all()
    assert_frame_equal(got.drop(columns="source_file"), want.drop(columns="source_file"),
                       check_exact=True)


def _refuse_to_map(*args, **kwargs):
    raise OSError(19, "No such device")


def test_merge_sort_order_matches_sort_values(rng):
    from smmanalytics._merge import _sort_order

    for _ in range(200):
        n = int(rng.integers(0, 60))
        t = pd.Series(pd.to_datetime(rng.integers(0, 5, n) * 10**9, utc=True))
        t[rng.random(n) < 0.2] = pd.NaT
        df = pd.DataFrame({
            "published_at": t,
            "platform": pd.Series(rng.choice(["x", "facebook", None], n), dtype="string"),
            "post_id": pd.Series(rng.choice(["1", "2", "10", None], n), dtype="string"),
            "_order": rng.integers(0, 3, n)})
        keys = list(df.columns)
        expected = df.sort_values(keys, kind="stable", na_position="last").index.to_numpy()
        assert (_sort_order(df, keys) == expected).all()


def test_merge_sort_order_of_mostly_distinct_times_matches_sort_values(rng):
    """Times mostly distinct (posts' published_at): numpy orders the rows by their times,
    Arrow the rows sharing one by every key; the order is still sort_values' (stable,
    missing values last), with or without a time zone."""
    from smmanalytics._merge import _sort_order

    for _ in range(100):
        n = int(rng.integers(0, 300))
        seconds = rng.integers(0, max(n, 1), n) * 10**9     # about a third of rows share one
        t = pd.Series(pd.to_datetime(seconds, utc=bool(rng.integers(0, 2))))
        t[rng.random(n) < 0.05] = pd.NaT
        df = pd.DataFrame({
            "published_at": t,
            "platform": pd.Series(rng.choice(["x", "facebook", None], n), dtype="category"),
            "post_id": pd.Series(rng.choice(["1", "2", "10", None], n), dtype="string")})
        keys = list(df.columns)
        expected = df.sort_values(keys, kind="stable", na_position="last").index.to_numpy()
        assert (_sort_order(df, keys) == expected).all()


def test_merge_sort_order_of_ids_ascending_with_the_rows(rng):
    """One platform's export listing its posts by id: the rows of one time are in order by
    every other key as they come, and the times alone are sorted (stably); an id out of
    step, a second platform or a missing key and every key is sorted again. The order is
    sort_values' (stable, missing values last) in every case."""
    from smmanalytics._merge import _sort_order

    # by hand: times 2, 1, 2, 1 and ids a < b < c < d: time 1 first (rows 1, 3), then 2
    # (rows 0, 2), each pair in the order of its ids, which is the rows'
    df = pd.DataFrame({"published_at": pd.to_datetime([2, 1, 2, 1], unit="s", utc=True),
                       "platform": pd.Categorical(["facebook"] * 4),
                       "post_id": pd.array(["a", "b", "c", "d"], dtype="string")})
    keys = list(df.columns)
    assert _sort_order(df, keys).tolist() == [1, 3, 0, 2]
    # the same ids the other way round: the rows of one time in the order of their ids
    df["post_id"] = pd.array(["d", "c", "b", "a"], dtype="string")
    assert _sort_order(df, keys).tolist() == [3, 1, 2, 0]
    for _ in range(100):
        n = int(rng.integers(2, 300))
        ids = np.sort(rng.integers(10**17, 10**17 + 3 * n, n)).astype(str).astype(object)
        if rng.random() < 0.3:                        # one id out of step
            i, j = rng.integers(0, n, 2)
            ids[[i, j]] = ids[[j, i]]
        if rng.random() < 0.2:
            ids[rng.integers(0, n)] = None
        platforms = ["facebook"] * n if rng.random() < 0.7 else rng.choice(["x", "facebook"], n)
        t = pd.Series(pd.to_datetime(rng.integers(0, max(n // 2, 1), n) * 60, unit="s",
                                     utc=True))
        if rng.random() < 0.2:
            t[rng.integers(0, n)] = pd.NaT
        df = pd.DataFrame({"published_at": t, "platform": pd.Categorical(platforms),
                           "post_id": pd.array(ids, dtype="string")})
        expected = df.sort_values(keys, kind="stable", na_position="last").index.to_numpy()
        assert (_sort_order(df, keys) == expected).all()


def test_conform_never_mutates_the_callers_frame():
    from smmanalytics.schema import conform

    x = pd.DataFrame({"platform": ["x", "facebook"], "views": [1.0, 2.0], "extra": [2.0, 3.0],
                      "label": ["a", "b"], "score": pd.array([1.5, None], dtype="Float64")})
    before = x.copy(deep=True)
    y = conform(x, "posts")
    y.loc[0, "extra"] = 5.0
    y.loc[0, "label"] = "changed"
    y.loc[1, "views"] = 9.0
    assert_frame_equal(x, before)
    # a Float64 extra keeps what its numpy form gives (float64), text is the tables' text
    assert str(y["score"].dtype) == "float64" and y["label"].dtype == schema.TEXT
    assert str(y["views"].dtype) == "Float64"


def test_conform_gives_text_extras_the_tables_text_dtype():
    """Text extras (account_handle, content_type_raw…) came out ``str``, NaN for missing,
    beside ``string`` canonical text: every text extra is now ``string`` (schema.TEXT),
    whether ``string``, ``str`` or text in objects, and an all-missing one too (an export
    without the field); an all-missing object column stays object; conforming again changes
    nothing. Arrow text is cast without a Python object per cell."""
    from smmanalytics.schema import conform

    x = pd.DataFrame({"handle": pd.array(["@a", None], dtype="string"),
                      "raw": pd.Series(["IG reel", None], dtype="str"),
                      "author": pd.Series(["Ann", None], dtype=object),
                      "none": pd.array([None, None], dtype="string"),
                      "obj": pd.Series([pd.NA, pd.NA], dtype=object)})
    y = conform(x, "posts")
    for c in ("handle", "raw", "author", "none"):
        assert y[c].dtype == schema.TEXT, c
        assert y[c].iloc[1] is pd.NA
    assert y["raw"].iloc[0] == "IG reel" and y["author"].iloc[0] == "Ann"
    assert y["obj"].dtype == object
    assert_frame_equal(conform(y, "posts"), y)


def test_conforming_a_conformed_frame_gives_it_back_unchanged_and_safe():
    """A frame conform already made (a part the merge conforms after finish) comes back equal,
    with no attrs, as a new frame whose changes never reach the first one."""
    from smmanalytics import schema
    from smmanalytics.schema import _conformed, conform

    x = pd.DataFrame({"platform": ["x", "facebook"], "views": [1.0, 2.0], "extra": [2.0, 3.0],
                      "label": pd.array(["a", None], dtype="string"),
                      "handle": pd.Series([pd.NA, pd.NA], dtype=object)})
    y = conform(x, "posts")
    y.attrs = {"kind": "posts"}
    assert _conformed(y, schema.TABLES["posts"]) and not _conformed(x, schema.TABLES["posts"])
    z = conform(y, "posts")
    assert z is not y and z.attrs == {}
    assert_frame_equal(z, y)
    before = y.copy(deep=True)
    z.loc[0, "views"] = 9.0
    z.loc[0, "extra"] = 9.0
    assert_frame_equal(y, before)
    # not conformed: a shifted index, a canonical column of another dtype, a Float64 extra
    assert not _conformed(y.set_axis([5, 6]), schema.TABLES["posts"])
    assert not _conformed(y.astype({"views": "float64"}), schema.TABLES["posts"])
    assert not _conformed(y.assign(extra=y["extra"].astype("Float64")), schema.TABLES["posts"])


# ------------------------------------------------------------------ digests remembered by stat

def _count_reads(monkeypatch) -> list[Path]:
    from smmanalytics.loaders import _sources as sources

    reads: list[Path] = []
    real = sources.read_source

    def counting(path, relative=None):
        reads.append(Path(path))
        return real(path, relative)

    monkeypatch.setattr(sources, "read_source", counting)
    return reads


def test_unchanged_files_are_not_even_read(cache_dir, lean_exports, monkeypatch):
    monkeypatch.setattr(_cache, "_RACY_NS", 0)     # the files' times are "old enough" at once
    fresh = smm.load(lean_exports)
    reads = _count_reads(monkeypatch)
    again = smm.load(lean_exports)
    assert reads == []
    _assert_same(fresh, again)


def test_a_digest_recorded_right_after_a_change_is_not_trusted(cache_dir, lean_exports,
                                                               monkeypatch):
    smm.load(lean_exports)              # the fixtures were just copied: within 2 s of changing
    reads = _count_reads(monkeypatch)
    smm.load(lean_exports)
    assert len(reads) > 0               # read and hashed again (the result comes from the cache)


def test_same_size_same_mtime_new_bytes_is_read_again(cache_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(_cache, "_RACY_NS", 0)
    f = tmp_path / "x" / "tweet_activity_metrics_2015.csv"
    f.parent.mkdir()
    shutil.copy(FIX / "x" / "tweet_activity_metrics_2015.csv", f)
    before = smm.load(f.parent)
    st = f.stat()
    text = f.read_text(encoding="utf-8")
    changed = text.replace("fixture", "FIXTURE") if "fixture" in text else text.swapcase()
    assert len(changed.encode()) == len(text.encode()) and changed != text
    f.write_text(changed, encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))   # size and mtime as they were
    after = smm.load(f.parent)
    fresh = smm.load(f.parent, cache=False)
    _assert_same(fresh, after)
    assert not before.files["sha256"].equals(after.files["sha256"])


def test_touched_file_reloads_without_parsing(cache_dir, lean_exports, monkeypatch):
    from smmanalytics.loaders import _read

    first = smm.load(lean_exports)
    # new times, same bytes: read, hashed, not parsed (files dated by their name only: a file
    # whose export time was guessed from its mtime is parsed again when the mtime changes)
    for f in lean_exports.rglob("*_20??-??-??*.csv"):
        os.utime(f)
    monkeypatch.setattr(_read, "parse_source", lambda *a, **k: pytest.fail("parsed again"))
    again = smm.load(lean_exports)
    _assert_same(first, again)


def _dated_exports(d: Path) -> Path:
    """The fixture exports whose names give a period (the 4 legacy Facebook ones, X's July
    content and its 2 legacy ones) and a snapshot: whether the periods survive the cache does
    not depend on the exports without one (loading these takes 1.6 s of CPU, all 2.7 s)."""
    (d / "meta").mkdir(parents=True)
    (d / "x").mkdir()
    for f in [*(FIX / "meta").glob("Facebook Insights Data Export*"),
              FIX / "meta" / "instagram_posts_2026-11-20.csv"]:
        shutil.copy(f, d / "meta")
    for name in ("account_analytics_content_2026-07-01_2026-07-31.csv",
                 "daily_tweet_activity_metrics_USCTrials_20200201_20200229_en.csv",
                 "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv"):
        shutil.copy(FIX / "x" / name, d / "x")
    return d


def test_the_periods_named_by_the_files_survive_the_cache(cache_dir, tmp_path, monkeypatch):
    """files.covers_from and covers_to (the period a file's name gives) come back the same,
    with the same dtypes, from a whole load's cache entry and, when a file is added, from
    the per-file entries."""
    exports = _dated_exports(tmp_path / "exports")
    monkeypatch.setattr(_cache, "_RACY_NS", 0)     # the files' times are "old enough" at once
    with zipfile.ZipFile(exports / "x 2026-07-01_2026-07-31.zip", "w") as zf:
        zf.write(FIX / "x" / "account_analytics_content_2026-07-01_2026-07-31.csv",
                 "content.csv")
    fresh = smm.load(exports, cache=False)
    days = {Path(p).name: (a, b) for p, a, b in
            fresh.files[["path", "covers_from", "covers_to"]].itertuples(index=False)}
    july = (pd.Timestamp("2026-07-01"), pd.Timestamp("2026-07-31"))
    assert days["account_analytics_content_2026-07-01_2026-07-31.csv"] == july
    assert days["x 2026-07-01_2026-07-31.zip!content.csv"] == july
    assert days["Facebook Insights Data Export (Post Level) - Maison Seve - 2014-01-01 - "
                "2014-02-27.csv"] == (pd.Timestamp("2014-01-01"), pd.Timestamp("2014-02-27"))
    assert pd.isna(days["instagram_posts_2026-11-20.csv"][1])        # a snapshot day
    # and the 3 other legacy Facebook exports, X's 2 legacy ones ("_20200201_20200229_")
    assert sum(pd.notna(b) for _, b in days.values()) == 8
    smm.load(exports)
    reads = _count_reads(monkeypatch)
    again = smm.load(exports)                      # the whole load, from its entry
    assert reads == []
    _assert_same(fresh, again)
    assert {c: str(t) for c, t in again.files.dtypes.items()
            if c.startswith("covers")} == {"covers_from": "datetime64[ns]",
                                           "covers_to": "datetime64[ns]"}
    monkeypatch.undo()
    shutil.copy(FIX / "meta" / "Views_2026-10-31.csv",
                exports / "views_2026-10-01_2026-10-31.csv")
    grown = smm.load(exports)                      # the others' entries, one file parsed
    _assert_same(grown, smm.load(exports, cache=False))
    assert grown.files["covers_to"].max() == pd.Timestamp("2026-10-31")


def test_smm_says_an_unwritable_cache_as_its_own_warning(tmp_path, monkeypatch, capsys):
    """`smm` printed Python's form of it: ``…/_cache.py:407: RuntimeWarning: …`` and the line
    ``_warn_unwritable(exc)``. It says it as its other warnings, ``smm: warning: …``; a
    CacheWarning is still a RuntimeWarning for those who filter those."""
    from smmanalytics.cli import main

    f = tmp_path / "cachefile"
    f.write_text("hello")
    monkeypatch.setenv("SMM_CACHE_DIR", str(f))
    monkeypatch.setattr(_cache, "_UNWRITABLE", set())
    export = tmp_path / "instagram_posts_2026-11-20.csv"    # a copy: no earlier load of it
    shutil.copy(FIX / "meta" / export.name, export)
    main(["roi", str(export), "--period", "2025-11"])
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"smm: warning: smmanalytics cannot write its cache of parsed "
                             f"exports in {f} (")
    assert err[0].endswith("set SMM_CACHE_DIR to a writable folder (smm cache info tells more)")
    assert not [line for line in err if "RuntimeWarning" in line or "_cache.py" in line]
    assert issubclass(smm.CacheWarning, RuntimeWarning)


def test_a_cache_that_cannot_be_written_is_said_once(tmp_path, monkeypatch):
    # loads ran without a cache, unsaid: the analyst only saw every load as slow as the first
    f = tmp_path / "cachefile"
    f.write_text("hello")
    monkeypatch.setenv("SMM_CACHE_DIR", str(f))
    monkeypatch.setattr(_cache, "_UNWRITABLE", set())
    export = FIX / "meta" / "instagram_posts_2026-11-20.csv"
    with pytest.warns(RuntimeWarning, match=rf"cannot write its cache .* in {re.escape(str(f))}"):
        first = smm.load(export)
    with warnings.catch_warnings():
        warnings.simplefilter("error")           # once per folder and process
        again = smm.load(export)
    pd.testing.assert_frame_equal(first.posts, again.posts)
    pd.testing.assert_frame_equal(first.posts, smm.load(export, cache=False).posts)
    assert f.read_text() == "hello"


def _flip(path: Path, at: float, bit: int = 0) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * at)] ^= 1 << bit
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["whole_load", "every_entry"])
@pytest.mark.parametrize("at", [0.3, 0.6, 0.95])
def test_a_flipped_bit_in_a_table_file_is_a_miss(cache_dir, shared_exports, shared_fresh,
                                                 shared_entries, monkeypatch, where, at):
    # one flipped bit of an entry's Arrow file gave another posts table (snapshot_at, post_id)
    # unsaid, a frame whose to_csv raised, or a crash: only rows and columns were checked
    shutil.copytree(shared_entries, cache_dir)
    flipped = []
    for meta in _entries(cache_dir):
        if where == "every_entry" or json.loads(meta.read_text())["name"] == "<dataset>":
            for table in meta.parent.glob("*.arrow"):
                before = table.read_bytes()
                _flip(table, at, bit=3)
                flipped.append((table, before))
    assert flipped
    for table, _ in flipped:
        assert _cache._read_entry(table.parent) is None          # a miss, never decoded
    again = smm.load(shared_exports)
    _assert_same(shared_fresh, again)
    for t in TABLES:
        assert getattr(again, t).attrs == getattr(shared_fresh, t).attrs
    for table, before in flipped:                                   # rewritten, good again
        assert _cache._read_entry(table.parent) is not None
        assert table.read_bytes() == before
    from smmanalytics.loaders import _read

    def boom(*a, **k):
        raise AssertionError("parsed again although rewritten")

    monkeypatch.setattr(_read, "parse_source", boom)
    _assert_same(shared_fresh, smm.load(shared_exports))


def test_a_changed_meta_json_is_a_miss(cache_dir, shared_exports, shared_fresh, shared_entries):
    # valid JSON still, read as it was: a table's attrs changed on disk (or a note's text, a
    # dtype) would have changed the result unsaid
    shutil.copytree(shared_entries, cache_dir)
    for meta in _entries(cache_dir):
        m = json.loads(meta.read_text())
        if m["tables"]:
            m["tables"][0]["attrs"] = {"__dict__": [["forged", True]]}
            meta.write_text(json.dumps(m, ensure_ascii=False))
            assert _cache._read_entry(meta.parent) is None
    again = smm.load(shared_exports)
    _assert_same(shared_fresh, again)
    for t in TABLES:
        assert getattr(again, t).attrs == getattr(shared_fresh, t).attrs


def test_cached_utc_columns_carry_the_same_timezone_object(cache_dir, shared_exports,
                                                           shared_fresh, shared_entries):
    # equal frames, but zoneinfo's UTC where a parse gives datetime.UTC: their pickles differed
    import datetime
    import pickle

    shutil.copytree(shared_entries, cache_dir)
    cached = smm.load(shared_exports)
    for t in TABLES:
        a, b = getattr(shared_fresh, t), getattr(cached, t)
        tzs = {c: d.tz for c, d in a.dtypes.items() if isinstance(d, pd.DatetimeTZDtype)}
        assert tzs == {c: d.tz for c, d in b.dtypes.items()
                       if isinstance(d, pd.DatetimeTZDtype)}
        assert all(type(z) is type(b[c].dt.tz) for c, z in tzs.items())
    assert any(isinstance(d, pd.DatetimeTZDtype) and d.tz is datetime.UTC
               for d in cached.posts.dtypes)
    assert pickle.dumps(cached.posts["published_at"].dtype) == pickle.dumps(
        shared_fresh.posts["published_at"].dtype)


@pytest.mark.parametrize("times", [1, 99])
def test_an_entry_removed_while_written_is_no_unwritable_folder(cache_dir, monkeypatch, times):
    # `smm cache clear` in another shell removed the entry folder between its mkdir and the
    # write of a file in it: the load warned "cannot write its cache … No such file or
    # directory … set SMM_CACHE_DIR to a writable folder"
    import tempfile

    mkstemp, calls = tempfile.mkstemp, []

    def cleared_meanwhile(*args, dir=None, **kwargs):
        if dir is not None and str(dir).startswith(str(cache_dir / "v")) and len(calls) < times:
            calls.append(dir)
            shutil.rmtree(dir)
        return mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", cleared_meanwhile)
    monkeypatch.setattr(_cache, "_UNWRITABLE", set())
    export = FIX / "meta" / "instagram_posts_2026-11-20.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        ds = smm.load(export)
    assert calls
    assert_frame_equal(ds.posts, smm.load(export, cache=False).posts, check_exact=True)
    if times == 1:          # written again
        assert _entries(cache_dir) and all(_cache._read_entry(m.parent) for m in
                                           _entries(cache_dir))
    assert not _cache._UNWRITABLE


@pytest.mark.parametrize("busy_for", [2, 99])
def test_clear_racing_a_load_that_writes_an_entry(cache_dir, shared_entries, monkeypatch,
                                                  capsys, busy_for):
    # a load adding files to an entry while clear removes it: "Directory not empty", which
    # failed `smm cache clear`
    import errno

    from smmanalytics.cli import main

    shutil.copytree(shared_entries, cache_dir)
    n = len(_entries(cache_dir))
    victim = _entries(cache_dir)[0].parent
    rmtree, tries = shutil.rmtree, []

    def being_written(path, *args, **kwargs):
        if Path(path) == victim and len(tries) < busy_for:
            tries.append(path)
            raise OSError(errno.ENOTEMPTY, "Directory not empty", str(path))
        return rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", being_written)
    monkeypatch.setattr(_cache.time, "sleep", lambda s: None)
    assert main(["cache", "clear"]) == 0
    out = capsys.readouterr().out
    if busy_for == 2:            # tried again: removed
        assert not cache_dir.exists()
        assert out.startswith(f"removed {cache_dir} ({n} entries, ")
    else:                        # still written to: left to the load, and said
        assert victim.exists() and len(tries) == 5
        assert out.startswith(f"removed the cache from {cache_dir} ({n - 1} entries, ")
        assert out.endswith("; left 1 entry a load is writing\n")


def test_info_says_a_cache_folder_that_cannot_be_written(cache_dir, shared_entries,
                                                         monkeypatch, capsys):
    # the load's warning said "(smm cache info tells more)"; info said "N entries", exit 0
    from smmanalytics.cli import main

    shutil.copytree(shared_entries, cache_dir)
    n = len(_entries(cache_dir))
    access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: (Path(p) != cache_dir
                                                            and access(p, mode, **k)))
    assert _cache.info()["unwritable"] == "it is not writable (permission denied)"
    assert main(["cache", "info"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{cache_dir}: {n} entries, ")
    assert out[1].startswith(f"{cache_dir}: it is not writable (permission denied): loads "
                             "cannot add to the cache")
    monkeypatch.setenv("SMM_CACHE_DIR", str(cache_dir / "not" / "yet"))
    assert _cache.info()["unwritable"] == f"{cache_dir} is not writable (permission denied)"
    blocker = cache_dir / "thesis.txt"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SMM_CACHE_DIR", str(blocker / "cache"))
    got = _cache.info()                         # under a file: said as a problem
    assert got["problem"] == f"cannot read {blocker / 'cache'}: Not a directory"
    assert got["unwritable"] is None


def test_clear_says_only_what_it_removed(tmp_path, cache_dir, shared_entries, monkeypatch,
                                         capsys):
    from smmanalytics.cli import main

    assert main(["cache", "clear"]) == 0            # never existed
    assert capsys.readouterr().out == f"nothing to remove: {cache_dir} does not exist\n"
    assert not cache_dir.exists()
    shutil.copytree(shared_entries, cache_dir)
    n = len(_entries(cache_dir))
    rmdir = Path.rmdir

    def mount_point(path):
        if path == cache_dir:
            raise OSError(16, "Device or resource busy", str(path))
        return rmdir(path)

    monkeypatch.setattr(Path, "rmdir", mount_point)
    assert main(["cache", "clear"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"removed the cache from {cache_dir} ({n} entries, ")
    assert out.endswith("; the folder itself stays\n")
    assert cache_dir.is_dir() and not any(cache_dir.iterdir())
    assert main(["cache", "clear"]) == 0            # empty, kept
    assert capsys.readouterr().out == f"nothing to remove in {cache_dir}\n"
