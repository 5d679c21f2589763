"""Dataset.load: folders, zips, side files, snapshots, merging, failures."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import _merge, schema
from smmanalytics.errors import DataQualityWarning, ParseError
from smmanalytics.schema import validate

FIX = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
IG_HEADER = ('"Post ID","Account ID","Account username","Account name",Description,'
             '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
             'Reach,Likes,Shares,Follows,Comments,Saves')


def _ig(path: Path, views: int, post_id: str = "179001") -> Path:
    row = (f'{post_id},1784,brand,Brand,hello,0,10/02/2026 09:00,'
           f'https://www.instagram.com/p/Z{post_id}/,"IG image",,Lifetime,{views},{views // 2},'
           '10,1,,2,3')
    path.write_bytes(b"\xef\xbb\xbf" + f"{IG_HEADER}\n{row}\n".encode())
    return path


def _codes(ds, file_part=""):
    q = ds.quality
    return set(q.loc[q["file"].str.contains(file_part, regex=False), "code"])


def test_load_fixture_folder():
    ds = smm.load([FIX / "ga4", FIX / "meta", FIX / "x"])   # this module's formats
    for name in ("posts", "daily", "web", "quality"):
        validate(getattr(ds, name), name)
    assert smm.load(FIX / "meta").root == FIX / "meta"
    assert (ds.files["status"] == "ok").all() and len(ds.files) == 25
    # the files' own rows (a daily file's days, not its days x metrics): 19 post rows + 13 web
    # rows (3 of them Italian) + daily: 3 + 1 + 2 (Meta) + 2 (Audience Follows block) + 2 (X
    # overview's days) + 2 (X legacy's days) + 17 audience rows = 61, and the legacy Facebook
    # Insights exports' 2 + 5 + 2 (xls) + 2 (xlsx) posts = 72 (the daily table's rows below)
    assert ds.files["rows"].sum() == 72
    assert len(ds.audience) == 17
    # 30 post rows in the exports (13 Meta + 6 X + 11 legacy Meta); the X post shared by the
    # EN and FR content files is merged, and the legacy workbook's two posts, saved as .xls
    # and as .xlsx
    assert len(ds.posts) == 30 - 1 - 2
    assert ds.posts["post_id"].is_unique
    assert set(ds.posts["platform"].astype(str)) == {"facebook", "instagram", "x"}
    # the daily table's rows: Meta's 3 + 1 (the 0 of 3 October, the day Facebook follows.csv
    # leaves out between its 2nd and 4th: Meta omits the days without a follow) + 1 + 2 + 2,
    # X overview's 2 days x 13 metrics and shares (reposts + direct shares) = 28, X legacy's
    # 2 days x 15 metrics and shares = 32
    assert len(ds.web) == 13 and len(ds.daily) == 3 + 1 + 1 + 2 + 2 + 28 + 32
    assert ds.posts.index.equals(pd.RangeIndex(len(ds.posts)))
    # the EN and FR content files are exports of the same time whose figures agree: the
    # captions differ ("Linen week, day 1" and "Bonjour"), text, no figure; shares 8 and 7
    # and interactions 56 and 52 are sums over parts the FR file lacks (no Shares column, no
    # Bookmarks). An info; the EN file is kept: its name gives only the range chosen, ending
    # 31 July (snapshot_range_end), so it was exported then or later, and wins the tie with
    # the FR file's stated day (the later file in name order won before)
    assert "snapshot_merged" in _codes(ds, "contenu_x_fr")
    assert "snapshot_range_end" in _codes(ds, "account_analytics_content")
    assert "snapshot_tie" not in _codes(ds)


#: every fixture, all platforms, in as few loads as there are brands: the folders of a brand
#: of their own (a brand.yaml; two brands' in one load are refused) each alone, the others
#: together
BRAND_FIXTURES = sorted(p for p in FIX.iterdir() if (p / "brand.yaml").is_file())
FIXTURE_LOADS = {"no brand's": [p for p in sorted(FIX.iterdir())
                                if p.is_dir() and p not in BRAND_FIXTURES],
                 **{p.name: p for p in BRAND_FIXTURES}}


@pytest.fixture(scope="module")
def every_fixture() -> dict[str, smm.Dataset]:
    """The loads of :data:`FIXTURE_LOADS`, once for the tests of this module that only read
    them: the module's slowest loads (8 s of CPU), which two tests each made."""
    return {name: smm.load(paths) for name, paths in FIXTURE_LOADS.items()}


def test_load_twice_gives_identical_tables(every_fixture):
    for name, a in every_fixture.items():
        b = smm.load(FIXTURE_LOADS[name])
        assert not (a.files["status"] == "failed").any(), name
        for table in ("posts", "daily", "web", "audience", "quality", "files"):
            pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table))


def _returns(monkeypatch, module, name: str) -> list:
    """What each call of ``module.name`` returns from now on, in the order of the calls (the
    calls themselves unchanged): the cache's lookups and parses, counted."""
    real, returned = getattr(module, name), []

    def recording(*args, **kwargs):
        returned.append(real(*args, **kwargs))
        return returned[-1]

    monkeypatch.setattr(module, name, recording)
    return returned


@pytest.fixture(scope="module")
def sample_load(tmp_path_factory) -> SimpleNamespace:
    """The sample (its many kinds of export) loaded once for the tests of this module that
    only read the load (5 s of CPU), in an empty cache of its own which the load fills: the
    load (``ds``), that cache's folder, what each parse and each lookup of a file's entry
    returned."""
    from smmanalytics import _cache
    from smmanalytics.loaders import _read

    with pytest.MonkeyPatch.context() as m:
        folder = tmp_path_factory.mktemp("sample-cache")
        m.setenv("SMM_CACHE_DIR", str(folder))
        parses, lookups = _returns(m, _read, "parse_source"), _returns(m, _cache, "get")
        return SimpleNamespace(ds=smm.load(SAMPLE), cache=folder, parses=parses,
                               lookups=lookups)


def test_every_text_column_of_every_table_is_the_schemas_text(sample_load, monkeypatch):
    """The sample's posts had account_handle, author, audience and content_type_raw, daily
    its post_id and web its breakdown as ``str`` (NaN for missing) beside the ``string``
    columns the schema declares: every text column of every table is now ``string``
    (schema.TEXT), as parsed, as the cache of parsed exports gives it back, and as the
    cache of a whole load does. The sample is parsed once, in an empty cache, which that
    load fills; the loads after it parse nothing."""
    from smmanalytics import _cache
    from smmanalytics.loaders import _read

    parsed = len(sample_load.parses)
    # each export looked up in vain, then parsed, and its entry written
    assert parsed and sample_load.lookups == [None] * parsed
    monkeypatch.setenv("SMM_CACHE_DIR", str(sample_load.cache))
    monkeypatch.setattr(_read, "parse_source", lambda *a, **k: pytest.fail("parsed again"))
    lookups = _returns(monkeypatch, _cache, "get")
    loads = {"parsed": sample_load.ds}
    with monkeypatch.context() as m:      # the whole load's entry unseen
        m.setattr(_cache, "get_dataset", lambda *a, **k: None)
        loads["from each file's entry"] = smm.load(SAMPLE)
    # the entry of every export parsed, found
    assert len(lookups) == parsed and None not in lookups
    loads["from the whole load's entry"] = smm.load(SAMPLE)
    assert len(lookups) == parsed         # no file's entry looked up
    for how, ds in loads.items():
        # an object column is "string" to pandas: not the quality table's tuples of headers
        other = {f"{name}.{c}": str(t) for name in (*schema.TABLES, "files", "costs")
                 for c, t in getattr(ds, name).dtypes.items()
                 if pd.api.types.is_string_dtype(t) and t != schema.TEXT
                 and schema.TABLES.get(name, {}).get(c) != "object"}
        assert not other, how
    assert loads["parsed"].posts["account_handle"].dtype == schema.TEXT


def test_latest_snapshot_wins_and_ties_go_to_later_file(tmp_path):
    _ig(tmp_path / "ig_2026-11-01.csv", 150)
    _ig(tmp_path / "ig_2026-10-15.csv", 100)
    ds = smm.load(tmp_path)
    assert len(ds.posts) == 1 and ds.posts["views"][0] == 150
    # the end of 1 November in Meta's Pacific days: 2 November 00:00 PST (08:00 UTC)
    assert ds.posts["snapshot_at"][0] == pd.Timestamp("2026-11-02 08:00", tz="UTC")
    q = ds.quality
    merged = q[q["code"] == "snapshot_merged"]
    assert merged["file"].str.endswith("ig_2026-10-15.csv").all() and merged["rows"].sum() == 1
    # same snapshot date in two files: the later file in sorted order wins
    tie = tmp_path / "tie"
    tie.mkdir()
    _ig(tie / "a_2026-11-01.csv", 111)
    _ig(tie / "b_2026-11-01.csv", 222)
    assert smm.load(tie).posts["views"].tolist() == [222]


def test_a_post_twice_in_one_file_is_not_a_newer_snapshot(tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    _ig(brand / "a_2026-11-01.csv", 100)
    one, two = (_ig(tmp_path / f"{k}.csv", v).read_bytes().decode("utf-8-sig").splitlines()[1]
                for k, v in (("one", 200), ("two", 300)))
    (brand / "b_2026-11-02.csv").write_text(f"{IG_HEADER}\n{one}\n{two}\n", encoding="utf-8")
    ds = smm.load(brand)
    assert ds.posts["views"].tolist() == [300]      # the last row of the newest file
    q = ds.quality.set_index("code")
    assert q.loc["repeated_in_file", "file"].endswith("b_2026-11-02.csv")
    assert q.loc["repeated_in_file", "level"] == "warning"
    assert q.loc["repeated_in_file", "rows"] == 1
    assert q.loc["snapshot_merged", "file"].endswith("a_2026-11-01.csv")


def test_daily_overlap_newest_snapshot_wins(tmp_path):
    head = "Date,Impressions,New follows,Unfollows,Create Post\n"
    (tmp_path / "account_overview_analytics_2026-07-02.csv").write_text(
        head + '"Wed, Jul 1, 2026",100,1,0,1\n"Thu, Jul 2, 2026",50,1,0,0\n')
    (tmp_path / "account_overview_analytics_2026-07-05.csv").write_text(
        head + '"Thu, Jul 2, 2026",80,2,1,1\n"Fri, Jul 3, 2026",70,0,0,1\n')
    ds = smm.load(tmp_path)
    imp = ds.daily[ds.daily["metric"] == "impressions"].set_index("date")["value"]
    # Jul 1 only in the old file; Jul 2 revised by the newer export (50 → 80); Jul 3 new
    assert imp.to_dict() == {pd.Timestamp("2026-07-01"): 100, pd.Timestamp("2026-07-02"): 80,
                             pd.Timestamp("2026-07-03"): 70}
    assert len(ds.daily) == 3 * 4


def test_same_file_twice_is_read_once(tmp_path):
    src = FIX / "meta" / "facebook_posts_2026-11-20.csv"
    shutil.copy(src, tmp_path / "a.csv")
    shutil.copy(src, tmp_path / "b.csv")
    ds = smm.load(tmp_path)
    assert len(ds.posts) == 4
    assert ds.files["status"].tolist() == ["ok", "duplicate"]
    assert "duplicate_file" in _codes(ds, "b.csv")


@pytest.mark.parametrize("cache", [True, False])
def test_of_identical_files_the_one_whose_name_states_its_date_is_read(tmp_path, cache):
    """`export (3).csv`, a byte copy of a dated export made later, sorts first and was the one
    read: its export date guessed from its copy's modification time (5 December) made the data
    "as of 5 December". The dated original is read; the copy is noted as its copy."""
    dated = tmp_path / "facebook_posts_2026-11-20.csv"
    shutil.copy(FIX / "meta" / dated.name, dated)
    shutil.copy(dated, tmp_path / "export (3).csv")
    copied = pd.Timestamp("2026-12-05 10:00", tz="UTC").timestamp()
    os.utime(tmp_path / "export (3).csv", (copied, copied))
    ds = smm.load(tmp_path, cache=cache)
    assert ds.files["path"].map(lambda p: Path(p).name).tolist() == [
        "export (3).csv", "facebook_posts_2026-11-20.csv"]         # the folder's order kept
    assert ds.files["status"].tolist() == ["duplicate", "ok"]
    assert len(ds.posts) == 4 and set(ds.posts["source_file"]) == {str(dated)}
    note = ds.quality.loc[ds.quality["code"] == "duplicate_file"]
    assert note["file"].tolist() == [str(tmp_path / "export (3).csv")]
    assert note["message"].tolist() == [
        f"same content as {dated}; read once, as facebook_posts_2026-11-20.csv"]
    assert "snapshot_guessed" not in set(ds.quality["code"])
    # the name's day, 20 November, taken at its end (brand zone UTC): the data as of that day
    assert ds.as_of() == dt.date(2026, 11, 20)


def test_a_copy_is_read_under_its_own_name_when_its_better_named_twin_fails(tmp_path):
    """The copy waits for the file whose name states more; when that one is not read (no
    format understands it), each is a file not read under its own name, as before."""
    import warnings

    (tmp_path / "export (3).csv").write_bytes(b"no export here\n")
    (tmp_path / "facebook_posts_2026-11-20.csv").write_bytes(b"no export here\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = smm.load(tmp_path, cache=False)
    # named as exports are: files not read, failed (as smm inspect says), not understood
    assert ds.files["status"].tolist() == ["failed", "failed"]
    assert "duplicate_file" not in set(ds.quality["code"])


@pytest.mark.parametrize("cache", [True, False])
def test_two_empty_downloads_are_two_files_not_read(tmp_path, cache):
    """Two empty `export (1).csv`, `export (2).csv` beside an export: the second was "the
    same content as export (1).csv; read once", and the cover said 1 file could not be read.
    Each is a file not read (README), as is a second copy of any file that failed; a copy of
    a file read is still read once."""
    import warnings

    from smmanalytics.quality import unread_files

    shutil.copy(FIX / "meta" / "facebook_posts_2026-11-20.csv", tmp_path / "a.csv")
    shutil.copy(tmp_path / "a.csv", tmp_path / "b.csv")
    (tmp_path / "export (1).csv").write_bytes(b"")
    (tmp_path / "export (2).csv").write_bytes(b"")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        ds = smm.load(tmp_path, cache=cache)
    assert ds.files["status"].tolist() == ["ok", "duplicate", "failed", "failed"]
    assert list(unread_files(ds.quality)) == [str(tmp_path / "export (1).csv"),
                                              str(tmp_path / "export (2).csv")]
    assert "2 files could not be read" in str(said[-1].message)


@pytest.mark.parametrize("cache", [True, False])
def test_duplicates_found_by_content_among_files_of_one_size(tmp_path, cache):
    """Without the cache, digests are awaited only for files of a size already seen: a file of
    the same size but other bytes is read, an identical one is not, and every row of ``files``
    carries its file's SHA-256."""
    data = (FIX / "meta" / "facebook_posts_2026-11-20.csv").read_bytes()
    other = data.replace(b"Atelier tour", b"Atelier TOUR")      # same size, other bytes
    (tmp_path / "a.csv").write_bytes(data)
    (tmp_path / "b.csv").write_bytes(other)
    (tmp_path / "c.csv").write_bytes(data)
    ds = smm.load(tmp_path, cache=cache)
    assert ds.files["status"].tolist() == ["ok", "ok", "duplicate"]
    assert "same content as" in " ".join(ds.quality.loc[ds.quality["code"] == "duplicate_file",
                                                        "message"])
    assert ds.files["sha256"].tolist() == [hashlib.sha256(b).hexdigest()
                                           for b in (data, other, data)]
    assert len(ds.posts) == 4 and "Atelier TOUR" in set(ds.posts["caption"])


def test_unknown_and_broken_files_are_recorded_not_raised(tmp_path):
    (tmp_path / "notes.txt").write_text("just some notes, nothing to see\n")
    (tmp_path / "random.bin").write_bytes(bytes(range(256)) * 3)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / ".hidden.csv").write_text("ignored")
    bad = _ig(tmp_path / "ig_bad.csv", 10)
    bad.write_text(bad.read_text(encoding="utf-8-sig").replace("10/02/2026 09:00", "tomorrow"))
    good = _ig(tmp_path / "ig_good_2026-10-03.csv", 10, post_id="179777")
    with pytest.warns(DataQualityWarning, match="^2 files could not be read .*\n  empty.csv: "
                      "not understood as an export: no table found .*\n  ig_bad.csv: "):
        ds = smm.load(tmp_path)
    status = dict(zip(ds.files["path"].map(lambda p: Path(p).name), ds.files["status"],
                      strict=True))
    assert status == {"empty.csv": "failed", "ig_bad.csv": "failed",
                      "ig_good_2026-10-03.csv": "ok", "notes.txt": "not_understood",
                      "random.bin": "not_understood"}
    err = ds.quality[ds.quality["level"] == "error"]
    assert err["file"].map(lambda p: Path(p).name).tolist() == ["empty.csv", "ig_bad.csv"]
    assert "tomorrow" in err["message"].iloc[1]
    assert ds.posts["post_id"].tolist() == ["179777"]
    assert repr(ds).endswith(f"{len(ds.quality)} quality notes (2 files not read)>")
    assert "not read" not in repr(smm.load(good))
    # JupyterLab shows the platforms, their days and the file not read, with why
    html = ds._repr_html_()
    assert "<td>instagram</td>\n      <td>1</td>" in html
    assert "<b>2 files not read</b>" in html and "ig_bad.csv: " in html and "tomorrow" in html
    del good
    # strict raises for the first file not read: empty.csv, before ig_bad.csv in sorted order
    with pytest.raises(smm.UnknownFormatError, match="empty.csv: not understood"):
        smm.load(tmp_path, strict=True)
    (tmp_path / "empty.csv").unlink()
    with pytest.raises(ParseError, match="tomorrow"):
        smm.load(tmp_path, strict=True)


def test_strict_raises_for_an_export_no_format_understands(tmp_path):
    """A GA4 export emptied by a failed download, or an Instagram export whose header row was
    mangled, was counted as a file not read by a load, but ``load(strict=True)``, documented
    to raise when a file cannot be read, loaded the other files without a word. It raises,
    naming the file, the formats tried and the headers that came; a README.txt, a .DS_Store
    or a photo beside the exports are no exports: only recorded, strict or not."""
    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    (tmp_path / "README.txt").write_text("exports of October, see the brief\n")
    (tmp_path / ".DS_Store").write_bytes(b"\0\0\0\1Bud1" + b"\0" * 40)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 40)
    ds = smm.load(tmp_path, strict=True, cache=False)          # nothing raised for them
    assert ds.posts["post_id"].tolist() == ["179001"]
    assert ds.files.set_index(ds.files["path"].map(lambda p: Path(p).name))[
        "status"].to_dict() == {"README.txt": "not_understood", "ig_2026-10-03.csv": "ok"}

    emptied = tmp_path / "ga4_2026-10.csv"
    emptied.write_bytes(b"")
    with pytest.raises(smm.UnknownFormatError) as caught:
        smm.load(tmp_path, strict=True, cache=False)
    assert caught.value.file == str(emptied)
    assert str(caught.value) == (
        f"file {emptied}: not understood as an export: no table found in the file (empty, or "
        "not a CSV/Excel export); expected an export of one of the known formats (facebook, "
        "instagram, x, linkedin, youtube, tiktok, pinterest, ga4)")
    emptied.unlink()

    mangled = _ig(tmp_path / "ig_2026-10-04.csv", 20, post_id="179002")
    mangled.write_bytes(mangled.read_bytes().replace(IG_HEADER.encode(),
                                                     b"Post#ID;Account#ID;Views#Reach"))
    with pytest.raises(ParseError, match=r"^file .*ig_2026-10-04.csv: not understood as an "
                       r"export: table with headers .*Post#ID.* matches no known export "
                       r"format.*; expected an export of one of the known formats"):
        smm.load(tmp_path, strict=True, cache=False)
    # without strict it is a file not read, as before
    with pytest.warns(DataQualityWarning, match="1 file could not be read"):
        ds = smm.load(tmp_path, cache=False)
    assert ds.posts["post_id"].tolist() == ["179001"]


def test_zip_members_and_lists(tmp_path):
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FIX / "x" / "tweet_activity_metrics_2015.csv", "x/tweets.csv")
        zf.write(FIX / "ga4" / "traffic_acquisition_en.csv", "ga4.csv")
        zf.writestr("__MACOSX/._ga4.csv", b"junk")
    ds = smm.load([archive, FIX / "meta" / "instagram_posts_2026-11-20.csv"])
    # the members in name order (the files of a list are in path order: where the archive
    # lies beside the repository's fixtures decides which comes first, not this test)
    members = [p for p in ds.files["path"] if p.startswith(f"{archive}!")]
    assert members == [f"{archive}!ga4.csv", f"{archive}!x/tweets.csv"]
    assert len(ds.web) == 6 and len(ds.posts) == 1 + 3
    assert ds.root is None
    with pytest.raises(ParseError, match="does not exist"):
        smm.load(tmp_path / "nope")


def test_what_windows_and_office_leave_beside_the_exports_is_no_export(tmp_path):
    # Thumbs.db was a "failed" file (not a readable workbook) and failed a strict load
    brand = tmp_path / "brand"
    brand.mkdir()
    _ig(brand / "ig_2026-10-03.csv", 10)
    (brand / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 60)
    (brand / "desktop.ini").write_text("[.ShellClassInfo]\nIconResource=x\n")
    (brand / "~$report.xlsx").write_bytes(b"lock")
    archive = tmp_path / "brand.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(brand.iterdir()):
            zf.write(f, f"brand/{f.name}")
    for where in (brand, archive):
        ds = smm.load(where, strict=True, cache=False)
        assert len(ds.files) == 1 and ds.files["path"].iloc[0].endswith("ig_2026-10-03.csv")
        assert ds.quality.empty or not ds.quality["code"].isin(
            ["failed", "not_understood"]).any()
        assert len(ds.posts) == 1
    # noted (infos), as help(smm.load) says: they were dropped with no trace; the system
    # files once for the folder (Thumbs.db and desktop.ini: 2 files), the lock file by itself,
    # as it says why a workbook's latest edits may be in no file
    ds = smm.load(brand, cache=False)
    notes = ds.quality.loc[ds.quality["code"].isin(["system_file", "lock_file"])]
    assert notes[["file", "code", "level"]].values.tolist() == [
        [str(brand), "system_file", "info"],
        [str(brand / "~$report.xlsx"), "lock_file", "info"]]
    assert notes["message"].tolist() == [
        "2 files, hidden or system (no exports), skipped and never read as data: Thumbs.db, "
        "desktop.ini",
        "an Office lock file: a workbook or document of its folder was open in Excel (or "
        "another Office program) when the folder was copied, so its changes not saved by then "
        "are in no file; skipped"]


def test_folders_reached_through_a_link_are_read(tmp_path):
    # Path.rglob did not enter a linked folder: the brand's exports were left out, unsaid
    store = tmp_path / "store"
    store.mkdir()
    _ig(store / "ig_2026-10-03.csv", 10)
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "exports").symlink_to(store, target_is_directory=True)
    (store / "loop").symlink_to(brand, target_is_directory=True)   # a link back: read once
    ds = smm.load(brand, cache=False)
    assert ds.files["path"].tolist() == [str(brand / "exports" / "ig_2026-10-03.csv")]
    assert ds.posts["post_id"].tolist() == ["179001"]


def test_an_export_no_format_understands_is_a_file_not_read(tmp_path, capsys):
    """An emptied GA4 export (a download that failed) or one of other bytes was noted "not
    understood", a warning: `smm inspect` exited 3 for it, but `smm report` wrote the PDF
    without October's sessions, exited 0 and its cover said nothing. A file named as an
    export is (.csv, .xlsx, .zip…) that no format understands is now a file not read for
    them all (ds.quality's error, the load's warning, the report's files not read); a
    notes.txt or a README.md beside the exports is listed not understood, and no more."""
    from smmanalytics.cli import main
    from smmanalytics.quality import unread_files

    good = _ig(tmp_path / "ig_2026-10-03.csv", 10)
    (tmp_path / "notes.txt").write_text("the analyst's notes, nothing to see\n")
    (tmp_path / "README.md").write_text("# Notes\n\nsome words\n")
    ds = smm.load(tmp_path, cache=False)
    assert unread_files(ds.quality) == {} and "not read" not in repr(ds)
    assert main(["inspect", str(tmp_path)]) == 0
    for name, data in [("ga4_2026-10.csv", b""), ("Content.zip", bytes(range(256)) * 4),
                       ("posts.xlsx", b"not a workbook at all\n")]:
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        shutil.copy(good, folder)
        (folder / "notes.txt").write_text("notes\n")
        (folder / name).write_bytes(data)
        for cache in (False, True, True):
            with pytest.warns(DataQualityWarning, match=f"^1 file could not be read .*: "
                              f"{name}: not understood as an export: "):
                ds = smm.load(folder, cache=cache)
            assert list(unread_files(ds.quality)) == [str(folder / name)], name
        assert main(["inspect", str(folder)]) == 3
    capsys.readouterr()


def test_a_link_to_a_missing_export_is_a_file_not_read(tmp_path):
    """A link to an export on a drive not mounted was left out of the walk (Path.is_file is
    False for it): the load, `smm inspect` and the report said nothing and GA4's October was
    missing unsaid. It is a file not read, that says where it points."""
    from smmanalytics.loaders import inspect_files

    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    (tmp_path / "ga4_2026-10.csv").symlink_to(tmp_path / "gdrive" / "ga4_oct.csv")
    why = f"path does not exist: link to {tmp_path / 'gdrive' / 'ga4_oct.csv'}, which is missing"
    for cache in (False, True):
        with pytest.warns(DataQualityWarning, match="^1 file could not be read .*: ga4_2026-10"
                          ".csv: path does not exist: link to "):
            ds = smm.load(tmp_path, cache=cache)
        assert ds.files["status"].tolist() == ["failed", "ok"]
        assert (ds.files["bytes"].iloc[0], len(ds.posts)) == (0, 1)
        assert why in ds.quality.loc[ds.quality["level"] == "error", "message"].item()
    rows = inspect_files(tmp_path)
    assert rows["status"].tolist() == ["failed", "ok"] and why in rows["warnings"].iloc[0]


def test_corrupt_zip_member_is_a_parse_error(tmp_path):
    """A damaged deflate stream inside a zip (zlib.error) is a ParseError naming the member."""
    archive = tmp_path / "studio.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Table data.csv",
                    "Content,Views\n" + "".join(f"v{i},{i}\n" for i in range(200)))
    raw = bytearray(archive.read_bytes())
    raw[30 + len("Table data.csv")] ^= 0xFF        # first byte of the member's deflate stream
    archive.write_bytes(bytes(raw))
    with pytest.raises(ParseError, match=r"studio\.zip!Table data\.csv") as info:
        smm.load(archive, strict=True)
    assert "decompressing" in str(info.value)
    with pytest.warns(DataQualityWarning, match=r"could not .*: studio\.zip!Table data\.csv: "):
        ds = smm.load(tmp_path)
    assert ds.posts.empty and (ds.quality["level"] == "error").any()


def test_posts_in_a_period_by_the_brands_day():
    posts = schema.conform(pd.DataFrame({
        "platform": ["instagram"] * 3,
        # 22:30 UTC on Sep 30 is 00:30 on Oct 1 in Paris; Oct 31 23:30 UTC is Nov 1 in Paris
        "published_at": pd.to_datetime(["2026-09-30 21:30", "2026-09-30 22:30",
                                        "2026-10-31 23:30"], utc=True),
    }), "posts")
    ds = smm.Dataset(posts=posts, brand=smm.Brand(name="B", timezone="Europe/Paris"))
    got = ds.posts_in("2026-10")
    assert got["published_at"].tolist() == [pd.Timestamp("2026-09-30 22:30", tz="UTC")]
    assert len(ds.posts_in("2026-Q4")) == 2 and len(ds.posts) == 3


@pytest.mark.parametrize("snapshots,as_of", [
    # the end of 15 November in US Pacific time (a Meta export of that day): 09:00 in Paris
    (["2026-11-16 08:00"], "2026-11-15"),
    # the end of 31 October in Paris; a later daily table wins over the posts
    (["2026-10-31 23:00", "2026-11-01 00:00"], "2026-10-31"),
    # an export taken at 08:00 UTC on 1 November covers 31 October in full, not 1 November
    (["2026-11-01 08:00"], "2026-10-31"),
])
def test_as_of_is_the_last_day_the_data_cover(snapshots, as_of):
    posts = schema.conform(pd.DataFrame({
        "platform": ["instagram"], "post_id": ["p1"],
        "published_at": [pd.Timestamp("2026-10-10 09:00", tz="UTC")],
        "snapshot_at": [pd.Timestamp(snapshots[0], tz="UTC")]}), "posts")
    daily = schema.conform(pd.DataFrame({
        "platform": ["instagram"], "account_id": ["a"], "date": [pd.Timestamp("2026-10-30")],
        "metric": ["reach"], "value": [5.0],
        "snapshot_at": [pd.Timestamp(snapshots[-1], tz="UTC")]}), "daily")
    ds = smm.Dataset(posts=posts, daily=daily, brand=smm.Brand(timezone="Europe/Paris"))
    assert ds.as_of() == pd.Timestamp(as_of).date()
    assert smm.Dataset().as_of() is None


def test_snapshot_from_mtime_is_noted(tmp_path):
    f = _ig(tmp_path / "posts.csv", 5)
    os.utime(f, (1_790_000_000, 1_790_000_000))   # 2026-09-21 13:33:20 UTC
    ds = smm.load(tmp_path)
    assert ds.posts["snapshot_at"][0] == pd.Timestamp(1_790_000_000, unit="s", tz="UTC")
    assert "snapshot_guessed" in _codes(ds)


def _two_posts(path: Path, views: tuple[int, int]) -> Path:
    """An Instagram export of posts 179001 and 179002 with these views."""
    rows = [_ig(path, v, pid).read_bytes().decode("utf-8-sig").splitlines()[1]
            for pid, v in zip(("179001", "179002"), views, strict=True)]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join([IG_HEADER, *rows, ""]).encode())
    return path


@pytest.mark.parametrize("cache", [False, True])
def test_a_renamed_copy_of_an_older_export_does_not_replace_the_newer_one(tmp_path, cache):
    """A copy of the 2 November export renamed ig_octobre.csv has no date in its name: its
    snapshot was guessed from its modification time (the day it was copied, after the 15
    November export), so its older figures replaced the newer export's, and the 15 November
    file said its posts were "also in a newer export". A snapshot the name states wins over
    a guessed one; the copy is told why its rows were dropped, as a warning, and its guessed
    time is a warning too, since it took part in the choice.

    By hand: the 15 November export has views 120 + 230 = 350, the copy 100 + 200 = 300; the
    posts keep 350."""
    brand = tmp_path / "brand"
    brand.mkdir()
    _two_posts(brand / "instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv", (120, 230))
    copy = _two_posts(brand / "ig_octobre.csv", (100, 200))
    os.utime(copy, (1_796_000_000, 1_796_000_000))   # 2026-11-30 01:33 UTC, after 15 Nov
    for _ in range(2 if cache else 1):       # the second load from the cache says the same
        ds = smm.load(brand, cache=cache)
        assert ds.posts["views"].sum() == 350 and len(ds.posts) == 2
        assert ds.posts["source_file"].str.endswith("2026-11-15.csv").all()
        q = ds.quality.set_index("code")
        assert "snapshot_merged" not in q.index      # no file was dropped for a newer one
        note = q.loc["snapshot_merged_guessed"]
        assert note["file"].endswith("ig_octobre.csv") and note["rows"] == 2
        assert note["level"] == "warning"
        assert note["message"].startswith("2 posts also in instagram_posts_2026-10-01_"
                                          "2026-10-31_2026-11-15.csv, whose figures were kept: "
                                          "its export time is known")
        assert q.loc["snapshot_guessed", "level"] == "warning"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_dated_snapshot_wins_over_an_unknown_one(order):
    """Two exports of post 179001, none guessed: one of snapshot 15 November (views 350), one
    of no snapshot at all (NaT, views 300). An unknown snapshot sorts before any known one,
    so the dated row's figures are kept whichever file comes first: views 350, not 300; the
    undated file is told its 1 post was also in a newer export."""
    from smmanalytics.quality import QualityLog

    def export(name, snapshot, views):
        return pd.DataFrame({"platform": ["instagram"], "post_id": ["179001"],
                             "published_at": pd.to_datetime(["2026-10-05T09:00Z"]),
                             "views": [views], "source_file": [name],
                             "snapshot_at": pd.to_datetime([snapshot], utc=True)})

    frames = [export("dated.csv", "2026-11-15T00:00Z", 350.0), export("undated.csv", None, 300.0)]
    log = QualityLog()
    out = _merge.merge_table("posts", [frames[i] for i in order], log)
    assert out["views"].tolist() == [350.0] and out["source_file"].tolist() == ["dated.csv"]
    q = log.to_frame()
    assert q[["file", "code", "rows"]].values.tolist() == [["undated.csv", "snapshot_merged", 1]]
    assert q.loc[0, "message"] == "1 post also in a newer export; the newest snapshot was kept"


def test_between_two_guessed_snapshots_the_later_wins_with_a_warning(tmp_path):
    """Two exports of no date in their names: the one modified last is kept (views 120 + 230
    = 350, not 100 + 200), as before, but the note says the modification times decided."""
    new = _two_posts(tmp_path / "a.csv", (120, 230))
    old = _two_posts(tmp_path / "b.csv", (100, 200))
    os.utime(new, (1_796_000_000, 1_796_000_000))
    os.utime(old, (1_790_000_000, 1_790_000_000))
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["views"].sum() == 350
    q = ds.quality
    note = q[q["code"] == "snapshot_merged_guessed"]
    assert note["file"].str.endswith("b.csv").all() and note["rows"].sum() == 2
    assert "neither file says when it was exported, and a.csv was modified last" in \
        note["message"].iloc[0]
    assert set(q.loc[q["code"] == "snapshot_guessed", "level"]) == {"warning"}


def test_a_guessed_snapshot_that_met_no_other_export_stays_an_info_note(tmp_path):
    """A file of a guessed time whose posts no other export holds: nothing was decided by
    the guess, the note stays informative."""
    _ig(tmp_path / "posts.csv", 5)
    _ig(tmp_path / "instagram_posts_2026-11-15.csv", 7, post_id="179009")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["views"].sum() == 12
    q = ds.quality
    assert set(q.loc[q["code"] == "snapshot_guessed", "level"]) == {"info"}


def test_side_files(tmp_path):
    (tmp_path / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n")
    (tmp_path / "costs.csv").write_text("date,category,amount,currency\n2026-10-01,tools,10,EUR\n")
    (tmp_path / "goals.yaml").write_text("goals: []\n")
    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    ds = smm.load(tmp_path)
    assert ds.brand.name == "Maison Sève" and ds.brand.timezone == "Europe/Paris"
    assert ds.costs["amount"].tolist() == [10]
    assert ds.goals.empty
    assert len(ds.posts) == 1
    # one row per file met: the three settings files first (read first), then the export;
    # goals.yaml has 0 goals and costs.csv 1 row, brand.yaml no rows
    files = ds.files
    assert [Path(p).name for p in files["path"]] == ["brand.yaml", "costs.csv", "goals.yaml",
                                                     "ig_2026-10-03.csv"]
    assert files["kind"].tolist() == ["brand", "costs", "goals", "posts"]
    assert files["status"].tolist() == ["ok"] * 4
    assert files["rows"].tolist()[:3] == [pd.NA, 1, 0]
    assert files["platform"].isna().tolist() == [True, True, True, False]
    costs = (tmp_path / "costs.csv").read_bytes()
    assert files["sha256"][1] == hashlib.sha256(costs).hexdigest()
    assert files["bytes"][1] == len(costs)


def test_a_settings_file_that_failed_is_a_failed_row_of_files(tmp_path):
    """costs.csv with an unquoted decimal comma (12,99: one cell more than the header) cannot
    be read: ``files`` says failed on its row, as ``smm inspect`` does, where it had no row
    and ``files.status.eq("failed")`` found nothing; it is no export not read (the posts'
    figures are whole)."""
    (tmp_path / "costs.csv").write_text("date,category,amount,currency\n"
                                        "2026-10-01,tools,12,99,EUR\n")
    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    with pytest.warns(DataQualityWarning):
        ds = smm.load(tmp_path, cache=False)
    files = ds.files.set_index(ds.files["path"].map(lambda p: Path(p).name))
    assert files.loc["costs.csv", "status"] == "failed"
    assert files.loc["costs.csv", "kind"] == "costs"
    assert files.loc["ig_2026-10-03.csv", "status"] == "ok"
    assert ds.files["status"].eq("failed").sum() == 1


def test_daily_export_without_dated_name_is_dated_by_its_last_day(tmp_path):
    """X's account overview has no date in its name: the snapshot is the day after its last
    row, whatever the file's modification time (a clone or a copy changes that, always to a
    later time: 2027-01-15 or 2030-03-17; an earlier one bounds the days the file can hold,
    test_follows_zero_days)."""
    import os

    import smmanalytics as smm

    body = ("Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,"
            "Reposts,Profile visits,Create Post,Video views,Media views\n"
            '"Sat, Oct 31, 2026",1200,30,80,2,1,5,1,3,4,10,1,0,0\n'
            '"Fri, Oct 30, 2026",1000,20,60,1,0,4,2,2,3,8,1,0,0\n')
    f = tmp_path / "account_overview_analytics.csv"
    f.write_text(body, encoding="utf-8")
    snaps = []
    for mtime in (1_800_000_000, 1_900_000_000):
        os.utime(f, (mtime, mtime))
        ds = smm.load(f)
        snaps.append(ds.daily["snapshot_at"].unique().tolist())
        assert "snapshot_inferred" in ds.quality["code"].tolist()
    assert snaps[0] == snaps[1] == [pd.Timestamp("2026-11-01", tz="UTC")]


def test_images_are_skipped_and_the_brand_logo_is_kept(tmp_path):
    (tmp_path / "brand.yaml").write_text("name: Test\nlogo: logo.svg\n", encoding="utf-8")
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "screenshot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    with pytest.warns(DataQualityWarning, match="no export was found"):
        ds = smm.load(tmp_path)
    assert ds.brand.logo == tmp_path / "logo.svg"
    skipped = ds.quality.loc[ds.quality["code"] == "not_an_export"]
    # a PDF beside the exports was said to be "an image"
    assert dict(zip(skipped["file"].map(lambda f: Path(f).name), skipped["message"],
                    strict=True)) == {
        "notes.pdf": "a PDF document, not an export file: skipped",
        "screenshot.png": "an image, not an export file: skipped"}
    assert "not_understood" not in set(ds.quality["code"])


def test_missing_logo_is_noted_and_dropped(tmp_path):
    (tmp_path / "brand.yaml").write_text("name: Test\nlogo: nowhere.png\n", encoding="utf-8")
    with pytest.warns(DataQualityWarning, match="no export was found"):
        ds = smm.load(tmp_path)
    assert ds.brand.logo is None
    assert "logo_missing" in ds.quality["code"].tolist()


# ---------------------------------------------------------------- settings files not in UTF-8

def test_settings_saved_in_windows_1252_are_read_and_noted(tmp_path):
    # Notepad or Excel on a French Windows: "è" is the single byte E8
    (tmp_path / "brand.yaml").write_bytes("name: Maison Sève\ntimezone: Europe/Paris\n"
                                          .encode("cp1252"))
    (tmp_path / "costs.csv").write_bytes("start,category,amount,note\n"
                                         "2026-10-01,tools,12.5,Café créatif\n".encode("cp1252"))
    with pytest.warns(DataQualityWarning, match="no export was found"):
        ds = smm.load(tmp_path, cache=False)
    assert ds.brand.name == "Maison Sève"
    assert ds.costs["note"].tolist() == ["Café créatif"] and ds.costs["amount"].tolist() == [12.5]
    noted = ds.quality[ds.quality["code"] == "encoding_fallback"]
    assert sorted(Path(f).name for f in noted["file"]) == ["brand.yaml", "costs.csv"]
    assert set(noted["level"]) == {"warning"}
    assert "read as Windows-1252" in noted["message"].iloc[0]


def test_a_settings_reader_warns_and_a_garbled_file_is_refused(tmp_path):
    from smmanalytics.brand import read_brand
    from smmanalytics.errors import ConfigError

    path = tmp_path / "brand.yaml"
    path.write_bytes("name: Sève\n".encode("cp1252"))
    with pytest.warns(DataQualityWarning, match="not UTF-8") as caught:
        assert read_brand(path).name == "Sève"
    assert caught[0].message.code == "encoding_fallback"
    path.write_bytes(b"name: S\x81ve\n")       # 0x81: neither UTF-8 nor Windows-1252
    with pytest.raises(ConfigError, match="brand settings file is not UTF-8 text"):
        read_brand(path)
    with pytest.raises(ConfigError, match="costs file not found"):
        smm.read_costs(tmp_path / "costs.csv")


def test_an_export_with_headers_only_is_noted(tmp_path):
    (tmp_path / "ig_2026-11-01.csv").write_text(IG_HEADER + "\n", encoding="utf-8")
    ds = smm.load(tmp_path)
    assert ds.files["status"].tolist() == ["ok"] and ds.files["rows"].tolist() == [0]
    # its platform from its headers (Instagram's name the account), its day from its name:
    # the end of 1 November in Meta's zone, Pacific standard time (UTC-8) from 2 a.m. that day
    assert ds.files["platform"].tolist() == ["instagram"]
    assert ds.files["snapshot_at"].tolist() == [pd.Timestamp("2026-11-02 08:00", tz="UTC")]
    assert ds.as_of() == pd.Timestamp("2026-11-01").date()
    # no brand.yaml in the folder: the defaults it assumed are noted first
    assert ds.quality["code"].tolist() == ["brand_defaults", "empty_file"]
    assert "headers but no rows" in ds.quality["message"][1]


@pytest.mark.parametrize("what", [smm.Dataset(), 5, [Path("."), 5]])
def test_load_takes_paths_only(what):
    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match="load takes the path of a folder, file or zip"):
        smm.load(what)
    assert issubclass(ArgumentTypeError, TypeError)


#: the functions that take one path, with the words of what each takes
_PATH_TAKERS = {
    "read_export": (smm.read_export, "the path of an export file"),
    "read_costs": (smm.read_costs, "the path of a costs.csv"),
    "read_goals": (smm.read_goals, "the path of a goals.yaml"),
    "read_competitors": (smm.read_competitors, "the path of a competitors.csv"),
    "write_ics": (lambda path: smm.write_ics(pd.DataFrame(), path),
                  "the path of the .ics file to write"),
}


@pytest.mark.parametrize("function", sorted(_PATH_TAKERS))
@given(what=st.one_of(st.none(), st.integers(), st.floats(allow_nan=False),
                      st.lists(st.text(max_size=3), max_size=2), st.binary(max_size=3)))
@settings(max_examples=10, deadline=None)
def test_a_path_of_another_type_is_refused_naming_the_argument(function, what):
    """``smm.read_costs(None)`` (and read_export, read_goals, read_competitors, write_ics)
    raised pathlib's "TypeError: expected str, bytes or os.PathLike object, not NoneType",
    naming neither the function nor the argument; load gave an ArgumentTypeError. Each now
    says, as load does, which argument, what it takes and the type that came (bytes too:
    they are a file's contents as often as its name)."""
    from smmanalytics.errors import ArgumentTypeError

    call, takes = _PATH_TAKERS[function]
    expected = (f"argument 'path': {function} takes {takes}, not {type(what).__name__}; "
                "expected a str or os.PathLike")
    with pytest.raises(ArgumentTypeError) as info:
        call(what)
    assert str(info.value) == expected


@pytest.mark.parametrize("what", ["", [], ["data/sample/maison-seve", ""]])
def test_load_refuses_an_empty_path(what, monkeypatch, tmp_path):
    """``load("")`` (an unset variable's value) read the current folder as a brand, every
    file below it (from the repository's root: the sample, the test fixtures and the
    benchmarks' README as one brand, 1,514 posts); ``load([])`` warned "no export was found
    in : …". Both are refused, naming the argument."""
    from smmanalytics.errors import ArgumentError

    (tmp_path / "x_overview.csv").write_text("Date,Impressions\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)                   # a folder "" would have read
    with pytest.raises(ArgumentError, match="argument 'path': no path to load"):
        smm.load(what)
    with pytest.raises(ArgumentError, match="argument 'path': no file to read"):
        smm.read_export("")


def _ig_rows(path: Path, rows: list[tuple[str, str, int]]) -> Path:
    """An Instagram post export with one row per (post id as written, shortcode, views)."""
    body = "".join(f'{pid},1784,brand,Brand,hello,0,10/02/2026 09:00,'
                   f'https://www.instagram.com/p/{code}/,"IG image",,Lifetime,{views},'
                   f'{views // 2},10,1,,2,3\n' for pid, code, views in rows)
    path.write_bytes(b"\xef\xbb\xbf" + f"{IG_HEADER}\n{body}".encode())
    return path


def test_ids_rounded_by_a_spreadsheet_do_not_merge_different_posts(tmp_path):
    """An export re-saved by a spreadsheet writes 17900000000000001 as 1.79E+16: three posts
    shared one rounded id, and the merge kept one of them as if the others were repeats of it
    (noted 'repeated_in_file', two posts lost). They are now matched by their links."""
    _ig_rows(tmp_path / "ig_2026-10-15.csv", [("1.79E+16", "AAA", 100), ("1.79E+16", "BBB", 200),
                                              ("1.79E+16", "CCC", 300)])
    ds = smm.load(tmp_path, cache=False)
    assert sorted(ds.posts["views"].tolist()) == [100, 200, 300]
    assert "repeated_in_file" not in _codes(ds)
    q = ds.quality.set_index("code")
    assert q.loc["post_id_damaged", "rows"] == 3
    assert "matched by the post's link" in q.loc["post_id_damaged", "message"]


def test_posts_published_after_the_date_of_their_export_s_name_prove_it_wrong(tmp_path):
    """A Facebook export named for its day, 2026-11-02, held posts published up to 2026-11-21
    and was taken as of that day, its posts' dates said misread. An export cannot hold a post
    published after it: the name's day, ending 2026-11-03 08:00 UTC (midnight in Meta's zone,
    UTC-8 in November), a day of slack added, is before 11/21 20:15 (2026-11-22 04:15 UTC):
    the name's date is wrong, said so, and the file's modification time (2026-12-01 12:00,
    after every post) taken as a guess. Without a date in the name, the same."""
    rows = [("179001", "11/01/2026 10:00"), ("179002", "11/03/2026 20:00"),
            ("179003", "11/04/2026 09:00"), ("179004", "11/21/2026 20:15")]
    body = "".join(f'{pid},1784,brand,Brand,hello,0,{when},https://www.instagram.com/p/Z{pid}/,'
                   '"IG image",,Lifetime,100,50,10,1,,2,3\n' for pid, when in rows)
    for name in ("ig_2026-11-02.csv", "ig.csv"):
        (tmp_path / name[:-4]).mkdir()
        path = _modified(tmp_path / name[:-4] / name, "2026-12-01 12:00", f"{IG_HEADER}\n{body}")
        ds = smm.load(path.parent, cache=False)
        codes = _codes(ds)
        assert "published_after_export" not in codes
        assert "snapshot_guessed" in codes
        assert set(ds.posts["snapshot_at"]) == {pd.Timestamp("2026-12-01 12:00", tz="UTC")}
    q = smm.load(tmp_path / "ig_2026-11-02", cache=False).quality.set_index("code")
    assert q.loc["snapshot_before_posts", "message"] == (
        "the date its name gives, 2026-11-03 08:00 UTC, is before its latest post, published "
        "2026-11-22 04:15 UTC: an export cannot hold a post published after it, so that date "
        "is wrong and was not taken as the export's")


def _modified(path: Path, when: str, text: str | None = None) -> Path:
    """``path`` (written with ``text`` if given) with its modification time set to ``when``
    (UTC)."""
    if text is not None:
        path.write_text(text)
    t = pd.Timestamp(when, tz="UTC").timestamp()
    os.utime(path, (t, t))
    return path


def test_a_file_written_before_its_latest_post_is_dated_by_that_post(tmp_path):
    """An export without a date in its name nor its cells, its file's modification time
    2026-11-02 12:00 UTC: it held a post published 11/21 20:15 (2026-11-22 04:15 UTC, Meta's
    zone UTC-8), more than a day after. A copy's time is later than the export, never
    earlier, and an export cannot hold a post published after it: that time is wrong (a
    clock, a tool that reset it), said so, and the export dated by its latest post, the
    earliest it can have been made. Its posts were dated after their own snapshot, and
    called misread."""
    rows = [("179001", "11/01/2026 10:00"), ("179002", "11/03/2026 20:00"),
            ("179004", "11/21/2026 20:15")]
    body = "".join(f'{pid},1784,brand,Brand,hello,0,{when},https://www.instagram.com/p/Z{pid}/,'
                   '"IG image",,Lifetime,100,50,10,1,,2,3\n' for pid, when in rows)
    path = _modified(tmp_path / "ig.csv", "2026-11-02 12:00", f"{IG_HEADER}\n{body}")
    ds = smm.load(path.parent, cache=False)
    assert len(ds.posts) == 3
    assert set(ds.posts["snapshot_at"]) == {pd.Timestamp("2026-11-22 04:15", tz="UTC")}
    assert (ds.posts["published_at"] <= ds.posts["snapshot_at"]).all()
    q = ds.quality.set_index("code")
    assert "published_after_export" not in q.index and "snapshot_guessed" not in q.index
    assert q.loc["snapshot_before_posts", "message"].startswith(
        "its modification time, 2026-11-02 12:00 UTC, is before its latest post, published "
        "2026-11-22 04:15 UTC")
    assert q.loc["snapshot_from_posts", "level"] == "info"


def test_a_cell_of_no_value_takes_the_figure_of_an_older_export(tmp_path):
    """The export of 15 November, re-saved by a spreadsheet, has '#N/A' for post 179001's
    reach; that of 2 November says 50: the newer export's row is kept (views 120, its own),
    its reach is the older's 50, noted naming that export, where it was NA and the month's
    reach lost 50. Post 179002's reach cell is empty in the newer export: its own figure
    (blank), not replaced by the older 60, as a figure a newer export does not carry is."""
    def export(name: str, rows: list[tuple[str, int, str]]) -> None:
        body = "".join(f'{pid},1784,brand,Brand,hello,0,10/02/2026 09:00,'
                       f'https://www.instagram.com/p/Z{pid}/,"IG image",,Lifetime,{views},'
                       f'{reach},10,1,,2,3\n' for pid, views, reach in rows)
        (tmp_path / name).write_text(f"{IG_HEADER}\n{body}")

    export("instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv",
           [("179001", 100, "50"), ("179002", 100, "60")])
    export("instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv",
           [("179001", 120, "#N/A"), ("179002", 130, "")])
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert posts.loc["179001", "views"] == 120 and posts.loc["179001", "reach"] == 50
    assert posts.loc["179002", "views"] == 130 and pd.isna(posts.loc["179002", "reach"])
    assert posts["source_file"].str.endswith("2026-11-15.csv").all()
    q = ds.quality[ds.quality["code"] == "figures_from_older_export"]
    assert len(q) == 1 and q["rows"].tolist() == [1]
    assert q["file"].iloc[0].endswith("2026-11-15.csv")
    assert ("1 post keeps reach from the older export "
            f"{tmp_path / 'instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv'}: this "
            "export's cell held no value" in q["message"].iloc[0])


def test_a_rounded_id_gets_the_id_of_the_same_post_in_another_export(tmp_path):
    """The original export (exact ids) and a newer one re-saved by a spreadsheet (rounded
    ids): each post once, the newer figures, the exact id back; a post only in the re-saved
    export keeps its rounded id and is matched by its link; the same post twice in it (same
    link) is one post."""
    _ig_rows(tmp_path / "ig_2026-10-15.csv", [("17900000000000001", "AAA", 100),
                                              ("17900000000000002", "BBB", 200)])
    # the re-saved export's links carry a share query (and one lacks its last slash)
    _ig_rows(tmp_path / "ig_2026-11-01.csv", [("1.79E+16", "AAA/?igsh=x1", 110),
                                              ("1.79E+16", "BBB", 220),
                                              ("1.79E+16", "CCC", 330),
                                              ("1.79E+16", "CCC/?igsh=x2", 340)])
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.sort_values("views")
    assert posts["views"].tolist() == [110, 220, 340]
    assert posts["post_id"].tolist() == ["17900000000000001", "17900000000000002", "1.79E+16"]
    assert posts["permalink"].str.contains("/CCC/").tolist() == [False, False, True]
    q = ds.quality
    back = q[q["code"] == "post_id_from_other_export"]
    assert back["file"].str.endswith("ig_2026-11-01.csv").all() and back["rows"].sum() == 2
    merged = q[q["code"] == "snapshot_merged"]
    assert merged["file"].str.endswith("ig_2026-10-15.csv").all() and merged["rows"].sum() == 2
    repeated = q[q["code"] == "repeated_in_file"]
    assert repeated["file"].str.endswith("ig_2026-11-01.csv").all()
    assert repeated["rows"].sum() == 1


def test_16_digit_ids_a_workbook_stored_as_numbers_are_matched_by_their_link(tmp_path):
    """Excel keeps 15 significant digits of a number: the same export saved as .xlsx with its
    ids as numbers holds 1790000000000001 and …002 as 1790000000000000, below 2**53, which
    was taken for an exact id: the workbook's two posts became one (the last, 220 views) and
    the CSV's posts counted apart: 3 posts, 100 + 200 + 220 = 520 views. The rounded ids are
    now noted and matched by link: 2 posts, the workbook's newer views 110 + 220 = 330, the
    CSV's exact ids back."""
    import csv

    import openpyxl

    exact = _ig_rows(tmp_path / "ig_2026-10-15.csv", [("1790000000000001", "AAA", 100),
                                                      ("1790000000000002", "BBB", 200)])
    rows = list(csv.reader(exact.read_text(encoding="utf-8-sig").splitlines()))
    wb = openpyxl.Workbook()
    wb.active.append(rows[0])
    for r, views in zip(rows[1:], (110, 220), strict=True):
        r[0], r[11] = int(float(f"{int(r[0]):.15g}")), views     # as Excel saves them
        wb.active.append([None if v == "" else v for v in r])
    wb.save(tmp_path / "ig_2026-11-01.xlsx")
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.sort_values("views")
    assert posts["views"].tolist() == [110, 220]
    assert posts["post_id"].tolist() == ["1790000000000001", "1790000000000002"]
    q = ds.quality.set_index("code")
    assert q.loc["post_id_damaged", "rows"] == 2
    assert q.loc["post_id_from_other_export", "rows"] == 2


DAMAGED = FIX / "s52L_damaged"


@pytest.mark.parametrize(("folder", "views", "resaved", "exact"), [
    # 4 stories, 966 + 1252 + 1512 + 1336 views; 115898602228265216 re-saved 115898602228265000
    ("meta_ids15_ig", [966, 1252, 1512, 1336], "instagram_stories_2026-05-01_2026-10-31_2026-11-05",
     "115898602228265216"),
    # 5 Facebook posts (FR), 1019 + 2530 + 2888 + 803 + 988 views; 5842367960733158 re-saved
    # 5842367960733150 (and 3999189661967170, which ended in 0 already, as it was)
    ("meta_ids15_fb", [1019, 2530, 2888, 803, 988],
     "facebook_posts_2025-09-01_2025-09-30_2025-10-09", "5842367960733158"),
])
def test_meta_ids_a_spreadsheet_cut_to_15_digits_do_not_count_posts_twice(
        folder, views, resaved, exact):
    """A Meta export and a later one of the same posts re-saved by a spreadsheet, which
    wrote every id back cut to 15 significant digits (links unchanged): every post counted
    twice, 10132 views for 5066 (Facebook: 9 posts, 13568 views for 8228), without a word.
    Each post once now, its exact id back from the other export, the cut ids noted on the
    re-saved file."""
    ds = smm.load(DAMAGED / folder, cache=False)
    posts = ds.posts
    assert len(posts) == len(views) and posts["permalink"].nunique() == len(views)
    assert posts["views"].sum() == sum(views) and exact in set(posts["post_id"])
    assert not posts["post_id"].str.endswith("0").all()          # the exact ids, not the cut
    q = ds.quality
    for code in ("post_id_damaged", "post_id_from_other_export"):
        note = q[q["code"] == code]
        assert note["file"].str.endswith(resaved + ".csv").all()
        assert note["rows"].tolist() == [len(views)]
    assert "ending in zeros past the 15th digit" in q.loc[
        q["code"] == "post_id_damaged", "message"].iloc[0]


def test_an_exact_id_ending_in_000_is_no_id_a_spreadsheet_cut(tmp_path):
    """An export whose third post's exact id, 179000000000009000, ends in 000, among ids
    that do not (one of four ids of 16 digits or more ends in zeros: not most of them), and
    a later export of the same posts: each post once (4), matched by its id, nothing noted
    of a spreadsheet."""
    ids = ["179000000000001234", "179000000000005678", "179000000000009000",
           "179000000000004321"]
    _ig_rows(tmp_path / "ig_2026-10-15.csv", [(i, f"P{k}", 100) for k, i in enumerate(ids)])
    _ig_rows(tmp_path / "ig_2026-11-01.csv", [(i, f"P{k}", 200) for k, i in enumerate(ids)])
    assert "unreliable_ids" not in smm.read_export(tmp_path / "ig_2026-10-15.csv").attrs
    ds = smm.load(tmp_path, cache=False)
    assert sorted(ds.posts["post_id"]) == sorted(ids) and ds.posts["views"].tolist() == [200] * 4
    codes = set(ds.quality["code"])
    assert not {"post_id_damaged", "post_id_from_other_export"} & codes
    assert ds.quality.loc[ds.quality["code"] == "snapshot_merged", "rows"].tolist() == [4]


def test_exports_downloaded_twice_read_as_the_first_download(tmp_path):
    """A browser names a file downloaded again 'Content_maisonseve (1).zip', a file manager a
    copy '… - Copie.zip': TikTok's handle and YouTube's channel, read from those names, became
    'maisonseve (1)' and 'Maison Sève - Copie', a second account beside the first."""
    names = {"Content_maisonseve.zip": "Content_maisonseve (1).zip",
             "Overview_2025-11-01_1793520000_maisonseve.zip":
                 "Overview_2025-11-01_1793520000_maisonseve(2).zip",
             "Content 2025-09-01_2026-10-31 Maison Sève.zip":
                 "Content 2025-09-01_2026-10-31 Maison Sève - Copie.zip"}
    first, again = tmp_path / "first", tmp_path / "again"
    first.mkdir()
    again.mkdir()
    for name, copy in names.items():
        shutil.copy2(SAMPLE / name, first / name)
        shutil.copy2(SAMPLE / name, again / copy)
    a, b = smm.load(first, cache=False), smm.load(again, cache=False)
    for table in ("posts", "daily"):
        x, y = getattr(a, table), getattr(b, table)
        assert len(x) == len(y) > 0
        pd.testing.assert_frame_equal(x.drop(columns="source_file"),
                                      y.drop(columns="source_file"))
    assert set(b.daily["account_id"].astype(str)) == {"maisonseve", "Maison Sève"}


def test_the_brand_yaml_nearest_the_top_counts_and_another_is_noted(tmp_path):
    """A brand.yaml in a subfolder (an old copy in 2025/) sorts before the folder's own and was
    replaced by it without a word, or replaced it when it sorted after: the one nearest the top
    counts, as `smm report` names the brand by it, and the other is noted."""
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "brand.yaml").write_text("name: Old\ntimezone: UTC\n")
    (tmp_path / "brand.yaml").write_text("name: Maison\ntimezone: Europe/Paris\n")
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "brand.yaml").write_text("name: Later\ntimezone: Asia/Tokyo\n")
    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    ds = smm.load(tmp_path)
    assert (ds.brand.name, ds.brand.timezone) == ("Maison", "Europe/Paris")
    q = ds.quality[ds.quality["code"] == "side_file_ignored"]
    assert sorted(Path(f).relative_to(tmp_path).as_posix() for f in q["file"]) == [
        "2025/brand.yaml", "zz/brand.yaml"]
    assert q["message"].str.contains(f"{tmp_path / 'brand.yaml'}", regex=False).all()
    (tmp_path / "brand.yml").write_text("name: Yml\n")    # beside it: the first counts
    ds = smm.load(tmp_path)
    assert ds.brand.name == "Maison"
    assert str(tmp_path / "brand.yml") in set(ds.quality["file"])
    (tmp_path / "brand.yaml").unlink()
    (tmp_path / "brand.yml").unlink()
    # two at the same depth in different folders: two brands (the first counted)
    with pytest.raises(smm.ConfigError, match="are the settings of two brands"):
        smm.load(tmp_path)


def test_threaded_gather_equals_take(monkeypatch):
    """The merge's gather (on two threads for long frames, a column of one value sliced
    instead of copied) gives the rows ``df.take`` gives, for every kind of column a loaded
    table holds; the threshold lowered so that a short frame takes the long frames' path."""
    monkeypatch.setattr(_merge, "_THREADED_TAKE_ROWS", 4)
    n = 8
    nan = float("nan")
    df = pd.DataFrame({
        "platform": pd.Categorical(["x"] * n),
        "post_id": pd.array([str(i) for i in range(n)], dtype="string"),
        "source_file": pd.array(["a.csv"] * n, dtype="string"),
        "campaign": pd.array([None] * n, dtype="string"),
        "caption": pd.array([None, "b", None, "d", "e", None, "g", "h"], dtype="string"),
        "published_at": pd.date_range("2026-10-01", periods=n, freq="h", tz="UTC"),
        "snapshot_at": pd.Series(pd.Timestamp("2026-11-01", tz="UTC"), index=range(n)),
        "reach": pd.array([1.0, None, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], dtype="Float64"),
        "saves": pd.array([None] * n, dtype="Float64"),
        "paid": pd.array([True, False] * 4, dtype="boolean"),
        "content_type_raw": pd.Series(["Photo", "Reel"] * 4, dtype="str"),
        "account_handle": np.array([None] * n, dtype=object),      # an extra left empty
        "mixed": np.array([None, "a"] * 4, dtype=object),
        "duration_s": np.full(n, nan),                              # all NaN
        "clicks_other": np.array([nan, 1.0, 2.0, nan, 4.0, 5.0, 6.0, 7.0]),   # NaN first
        "is_share": np.zeros(n),
    })
    positions = np.array([7, 0, 3, 3, 5, 1])        # out of order, one row twice, some left
    got = _merge._take(df, positions)
    pd.testing.assert_frame_equal(got, df.take(positions).reset_index(drop=True))
    # a column of one value (or of missing values only) is a slice, others a gather
    assert schema.is_constant(df["account_handle"].array)
    assert schema.is_constant(df["duration_s"].array)
    assert schema.is_constant(df["saves"].array)
    assert schema.is_constant(df["source_file"].array)
    assert not schema.is_constant(df["mixed"].array)
    assert not schema.is_constant(df["clicks_other"].array)
    assert not schema.is_constant(df["caption"].array)


def test_gather_in_order_shares_columns_and_keeps_callers_frame(monkeypatch):
    """Positions that keep every row in its place (an export sorted oldest first) gather
    nothing: the result equals ``df.take`` and writing to it leaves the caller's frame as it
    was (copy-on-write). Positions that differ anywhere, even only in the middle, gather."""
    monkeypatch.setattr(_merge, "_THREADED_TAKE_ROWS", 4)
    n = 6
    df = pd.DataFrame({
        "post_id": pd.array([str(i) for i in range(n)], dtype="string"),
        "reach": pd.array([1.0, None, 3.0, 4.0, 5.0, 6.0], dtype="Float64"),
        "paid": pd.array([True, False] * 3, dtype="boolean"),
    }, index=range(10, 10 + n))
    df.attrs["kind"] = "posts"
    before = df.copy()
    identity = np.arange(n)
    assert _merge._in_order(identity, n)
    swapped = np.array([0, 1, 3, 2, 4, 5])          # the ends in place, two rows swapped
    assert not _merge._in_order(swapped, n)
    assert not _merge._in_order(identity[:-1], n)  # the last row dropped (a duplicate)
    assert not _merge._in_order(identity[::-1].copy(), n)
    for positions in (identity, swapped, identity[::-1].copy()):
        got = _merge._take(df, positions)
        pd.testing.assert_frame_equal(got, df.take(positions).reset_index(drop=True))
        assert got.attrs == {}                      # as a gathered frame's
        got.loc[0, "reach"] = 99.0
        got.loc[1, "post_id"] = "changed"
        pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize("seed", range(6))
def test_duplicate_posts_are_found_as_pandas_finds_them(seed):
    """The merge looks for repeated posts on their integer ids first and compares the keys
    only on the rows whose id comes again: it finds what ``duplicated`` on the keys finds,
    a missing id matching only a missing id of the same platform, never an id of 0."""
    rng = np.random.default_rng(seed)
    n = 400
    ids = rng.integers(0, 60, n).astype(str).astype(object)
    ids[rng.random(n) < 0.1] = None
    df = pd.DataFrame({
        "platform": pd.Categorical(rng.choice(["facebook", "instagram", "x"], n)),
        "post_id": pd.array(ids, dtype="string"),
    })
    expected = df.duplicated(subset=["platform", "post_id"], keep="last")
    got = _merge._duplicated_posts(df, ["platform", "post_id"])
    assert got.tolist() == expected.tolist()
    assert got.any() and not got.all()
    # no id comes twice: nothing is compared, nothing is a duplicate
    unique = df.assign(post_id=pd.array([str(i) for i in range(n)], dtype="string"))
    assert not _merge._duplicated_posts(unique, ["platform", "post_id"]).any()


def test_duplicate_posts_of_ids_ascending_with_the_rows():
    """Ids rising from row to row are all different, which the merge tells without a search;
    ids that only never fall (one written twice in a row) are searched as any others."""
    ascending = pd.DataFrame({"platform": pd.Categorical(["facebook"] * 4),
                              "post_id": pd.array(["7", "9", "10", "12"], dtype="string")})
    assert not _merge._duplicated_posts(ascending, ["platform", "post_id"]).any()
    # by hand: "10" twice, the first of the two dropped (the later row wins)
    repeated = ascending.assign(post_id=pd.array(["7", "10", "10", "12"], dtype="string"))
    got = _merge._duplicated_posts(repeated, ["platform", "post_id"])
    assert got.tolist() == [False, True, False, False]


def test_span_names_a_misspelt_platform_and_takes_any_case():
    """span("instagarm") and span("Instagram") gave (None, None), as for a platform without
    data."""
    from smmanalytics.errors import UnknownPlatformError

    posts = pd.DataFrame({"platform": pd.Categorical(["instagram"]),
                          "post_id": pd.array(["1"], dtype="string"),
                          "published_at": pd.to_datetime(["2026-10-03 10:00"], utc=True)})
    ds = smm.Dataset(posts=schema.conform(posts, "posts"))
    assert ds.span("Instagram") == ds.span("instagram") != (None, None)
    assert ds.span("tiktok") == (None, None)
    with pytest.raises(UnknownPlatformError, match="'instagarm'"):
        ds.span("instagarm")


def _quality_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, DataQualityWarning)]


def test_a_file_that_cannot_be_read_is_said_once_after_the_load(tmp_path):
    """An export that cannot be read, or a settings file, was only an error row in
    ds.quality: a notebook's load showed nothing. One warning per load names each file and
    its error's first line."""
    bad = _ig(tmp_path / "ig_bad.csv", 10)
    bad.write_text(bad.read_text(encoding="utf-8-sig").replace("10/02/2026 09:00",
                                                               "13/31/2026 10:31"))
    _ig(tmp_path / "ig_good_2026-10-03.csv", 10, post_id="179777")
    with pytest.warns(DataQualityWarning) as caught:
        ds = smm.load(tmp_path)
    assert _quality_warnings(caught) == [
        "1 file could not be read and is left out of the dataset: ig_bad.csv: line 2, column "
        "'Publish time': cell is not a date/time in the expected format; expected format "
        "%m/%d/%Y %H:%M; got '13/31/2026 10:31'; see ds.quality, or load(..., strict=True) "
        "to raise"]
    assert caught[0].message.code == "files_not_read"
    assert ds.posts["post_id"].tolist() == ["179777"]
    # a settings file too, in the same one warning; from the cache as from the files
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "synonyms.csv").write_text("family,canonical\nx,y\n")
    for cache in (False, True, True):
        with pytest.warns(DataQualityWarning) as caught:
            smm.load(tmp_path, cache=cache)
        assert _quality_warnings(caught) == [
            "2 files could not be read and are left out of the dataset:\n"
            "  ig_bad.csv: line 2, column 'Publish time': cell is not a date/time in the "
            "expected format; expected format %m/%d/%Y %H:%M; got '13/31/2026 10:31'\n"
            "  sub/synonyms.csv: line 1, column 'lang': synonyms file lacks a column; expected "
            "a header family, canonical, lang, header; got 'family, canonical'; the exports "
            "were read without the brand's synonyms\n"
            "see ds.quality, or load(..., strict=True) to raise"]
    with pytest.raises(ParseError, match="synonyms file lacks a column"):
        smm.load(tmp_path, strict=True)


def test_smm_commands_say_the_unread_files_as_their_own_warnings(tmp_path, capsys):
    """`smm roi` showed nothing of an export it could not read; Python's form of the warning
    (the line of smmanalytics that raised it) is no command's, nor its advice (ds.quality,
    load(..., strict=True)): the shell's is smm inspect."""
    from smmanalytics.cli import main

    bad = _ig(tmp_path / "ig_bad.csv", 10)
    bad.write_text(bad.read_text(encoding="utf-8-sig").replace("10/02/2026 09:00", "tomorrow"))
    _ig(tmp_path / "ig_good_2026-10-03.csv", 10, post_id="179777")
    assert main(["roi", str(tmp_path), "--period", "2026-10"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("smm: warning: 1 file could not be read and is left out of the dataset: "
                      "ig_bad.csv: line 2, column 'Publish time': cell is not a date/time in the "
                      "expected format; expected format %m/%d/%Y %H:%M; got 'tomorrow'; "
                      "`smm inspect DIR` shows every file and how it reads")
    bad.unlink()
    (tmp_path / "ig_good_2026-10-03.csv").unlink()
    assert main(["roi", str(tmp_path), "--period", "2026-10"]) == 2    # refused, said once
    assert capsys.readouterr().err.startswith("smm: error: no post, daily row or GA4 row in ")


def test_a_load_that_reads_every_file_does_not_warn(tmp_path):
    import warnings

    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(smm.load(tmp_path).posts) == 1


def test_two_brand_folders_in_one_load_are_refused(tmp_path):
    """two/a/brand.yaml and two/b/brand.yaml: b's was ignored without a note, and the two
    brands' exports merged as one brand's."""
    from smmanalytics.errors import ConfigError

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "brand.yaml").write_text(f"name: {name}\n")
        _ig(tmp_path / name / f"ig_{name}_2026-10-03.csv", 10)
    a, b = tmp_path / "a" / "brand.yaml", tmp_path / "b" / "brand.yaml"
    message = (f"{a} and {b} are the settings of two brands (two brand.yaml at the same depth, "
               "in different folders): their exports would be merged as one brand's; expected "
               "one brand's folder: load each brand folder on its own, or list the brands in an "
               "agency.yaml for `smm report batch`")
    for paths in (tmp_path, [tmp_path / "a", tmp_path / "b"]):
        with pytest.raises(ConfigError) as raised:
            smm.load(paths)
        assert str(raised.value) == f"file {b}: {message}"
    assert smm.load(tmp_path / "a").brand.name == "a"
    # a's brand.yaml unreadable: still two brand folders, not b's brand over both
    a.write_text("name: [a\n")
    with pytest.raises(ConfigError) as raised:
        smm.load(tmp_path)
    assert str(raised.value) == f"file {b}: {message}"


def test_an_empty_folder_warns_that_no_export_was_found(tmp_path):
    with pytest.warns(DataQualityWarning) as caught:
        ds = smm.load(tmp_path)
    assert _quality_warnings(caught) == [
        f"no export was found in {tmp_path}: the dataset has no post, daily row or GA4 row"]
    assert caught[0].message.code == "no_export"
    assert ds.brand.name == tmp_path.name and len(ds.files) == 0     # named by its folder
    (tmp_path / "README.md").write_text("# Notes\n\nsome words\n\nmore words\n")
    with pytest.warns(DataQualityWarning) as caught:
        smm.load(tmp_path)
    assert _quality_warnings(caught) == [
        f"no export was found in {tmp_path}: the dataset has no post, daily row or GA4 row "
        "(1 file not understood as an export: README.md; see ds.files)"]


def test_a_file_of_several_tables_none_understood_gets_one_note(tmp_path):
    """A README.md beside the exports: its headings were taken for the '#' lines that start
    each table of a GA4 export, each section for a table, and each noted not understood (8
    notes for the package's README). A README.md is named as no export is: it gets no advice
    about a synonyms.csv."""
    (tmp_path / "README.md").write_text("# Notes\n\nsome words, here\n\n## More\n\n"
                                        "more words, there\n\n## Last\n\nlast words\n")
    _ig(tmp_path / "ig_2026-10-03.csv", 10)
    ds = smm.load(tmp_path)
    q = ds.quality[ds.quality["code"] == "not_understood"]
    assert q["message"].tolist() == [
        "none of its 3 tables matches a known export format: the first has headers "
        "['some words', 'here'], its header read on line 3"]
    assert q["file"].tolist() == [str(tmp_path / "README.md")]


# ---------------------------------------------------------------- Italian reviewer's files

META_IT = FIX / "meta_it"


def test_a_total_row_labelled_outside_the_first_column_is_no_post_of_the_dataset():
    """Four Facebook posts and, under them, a row with 'Totale' under 'Titolo' and their
    sums: 5 posts and twice the interactions were counted, with warnings of a post without
    an id and a time; 4 posts, and a note naming the line."""
    ds = smm.load(META_IT, cache=False)
    facebook = smm.engagement(ds.posts, by="platform").set_index("platform").loc["facebook"]
    assert (facebook["posts"], facebook["interactions"]) == (4, 484)
    q = ds.quality[ds.quality["file"].str.contains("totale")]
    assert set(q["code"]) == {"summary_row_dropped", "extra_columns"}
    assert "line 6: its cell 'Totale', in column 'Titolo'" in \
        q.loc[q["code"] == "summary_row_dropped", "message"].item()


def test_a_renamed_metric_is_a_warning_until_the_brand_s_synonyms_name_it(tmp_path):
    """The warning says which synonyms.csv rows read the renamed columns; with them, the
    reach and views are read and nothing is said."""
    brand = tmp_path / "brand"
    brand.mkdir()
    shutil.copy(META_IT / "instagram_posts_it_renamed_2026-10-01_2026-10-31_2026-11-02.csv",
                brand)
    ds = smm.load(brand, cache=False)
    assert ds.posts["reach"].isna().all()
    (note,) = ds.quality.loc[ds.quality["code"] == "expected_metric_missing"].itertuples()
    assert note.level == "warning" and "meta,reach,it,<its header>" in note.message
    (brand / "synonyms.csv").write_text("family,canonical,lang,header\n"
                                        "meta,reach,it,Account raggiunti\n"
                                        "meta,views,it,Visualizzazioni totali\n",
                                        encoding="utf-8")
    ds = smm.load(brand, cache=False)
    assert ds.posts.sort_values("post_id")["reach"].tolist() == [1324, 2223, 2501]
    assert ds.posts.sort_values("post_id")["views"].tolist() == [2167, 4520, 4343]
    assert "expected_metric_missing" not in set(ds.quality["code"])


def test_the_sample_and_the_fixtures_lack_no_metric_their_exports_carry(sample_load,
                                                                       every_fixture):
    """Every export of the sample brand and of the fixtures (Italian ones aside, made to
    lack them) has the metrics its kind of export carries, and no row of them is taken for
    a total it is not."""
    for ds in (sample_load.ds, *every_fixture.values()):
        q = ds.quality
        q = q[~q["file"].str.startswith(f"{META_IT}{os.sep}", na=False)]
        # but the Italian GA4 fixture, made without a revenue column (its Italian header was
        # never seen in a real file), which a traffic acquisition report carries
        missing = q.loc[q["code"] == "expected_metric_missing", "file"]
        assert {Path(f).name for f in missing} <= {"acquisizione_traffico_it.csv"}
        dropped = q.loc[q["code"] == "summary_row_dropped", "message"]
        assert not dropped.str.contains("no post id").any()


def test_a_video_known_to_the_day_is_in_its_own_month_west_of_utc(tmp_path):
    """The reviewer's brand in New York: YouTube Studio dates the video PRj-NzdPbBp
    1 April 2026; stored at 00:00 UTC, it was a post of 31 March there, in March's posts."""
    shutil.copy(SAMPLE / "Content 2025-09-01_2026-10-31 Maison Sève.zip", tmp_path)
    (tmp_path / "brand.yaml").write_text("name: Test\ntimezone: America/New_York\n")
    ds = smm.load(tmp_path, cache=False)
    assert "PRj-NzdPbBp" in set(ds.posts_in("2026-04")["post_id"])
    assert "PRj-NzdPbBp" not in set(ds.posts_in("2026-03")["post_id"])
    assert ds.span("youtube")[0] == dt.date(2025, 9, 1)


def test_a_dataset_shows_its_platforms_and_days_in_jupyter(sample_load):
    """`ds` in JupyterLab was one line, "<Dataset 'Maison Sève': 1475 posts, …>": no platform,
    no days, no time zone. The sample's Facebook: 212 posts and 1,704 daily rows from
    1 September 2025 to 31 October 2026 (1,672 listed, and the 32 days its file of net follows
    leaves out, its 0s); TikTok's start on 1 November 2025; GA4's 202 rows."""
    import re

    ds = sample_load.ds
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", ds._repr_html_())).strip()
    assert text.startswith("Dataset · Maison Sève (Europe/Paris, fr; data as of 2026-11-15)")
    assert "facebook 212 1704 2025-09-01 2026-10-31" in text
    assert "tiktok 119 3818 2025-11-01 2026-10-31" in text
    assert "GA4 (web) – 202 2025-09-01 2026-10-31" in text
    assert f"Quality notes: {len(ds.quality)} info" in text and "not read" not in text


def test_a_folder_without_brand_yaml_is_named_after_it_and_says_what_it_assumed(tmp_path):
    """Two client folders without brand.yaml were both the brand "Brand" (slug ``brand``), in
    UTC, said nowhere: the second's report overwrote the first's (reports/brand/...), and its
    months, best times and slots were UTC's unsaid. Each is named after its folder now, and
    the load notes the defaults it assumed (a warning, first in the quality log)."""
    for client in ("acme-paris", "Café Roma"):
        folder = tmp_path / client
        folder.mkdir()
        _ig(folder / "ig_2026-10-03.csv", 10)
        ds = smm.load(folder)
        q = ds.quality
        assert q["code"].iloc[0] == "brand_defaults" and q["level"].iloc[0] == "warning"
        assert q["file"].iloc[0] == f"{folder}/brand.yaml"
        assert "time zone UTC" in q["message"].iloc[0]
        assert f"name {client!r} (the folder's name)" in q["message"].iloc[0]
        assert ds.brand.timezone == "UTC"
        # the name as the folder has it; the slug ASCII, lower-case, hyphenated
        assert ds.brand.name == client
        assert ds.brand.slug == {"acme-paris": "acme-paris", "Café Roma": "cafe-roma"}[client]
    # zipped, the folder inside the archive names the brand
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as zf:
        zf.write(tmp_path / "acme-paris" / "ig_2026-10-03.csv", "acme-paris/ig_2026-10-03.csv")
    zipped = smm.load(tmp_path / "export.zip")
    assert (zipped.brand.name, zipped.brand.slug) == ("acme-paris", "acme-paris")
    assert zipped.quality["file"].iloc[0] == f"{tmp_path / 'export.zip'}!acme-paris/brand.yaml"
    # a file has no folder to name the brand: the defaults, noted all the same (UTC still
    # decides its days)
    one = smm.load(tmp_path / "acme-paris" / "ig_2026-10-03.csv")
    assert (one.brand.name, one.brand.slug) == ("Brand", "brand")
    assert "brand_defaults" in _codes(one, "brand.yaml")
    # with a brand.yaml, nothing is assumed; one that cannot be read is noted failed, not twice
    (tmp_path / "acme-paris" / "brand.yaml").write_text("name: Acme\ntimezone: Europe/Paris\n")
    assert "brand_defaults" not in _codes(smm.load(tmp_path / "acme-paris"))
    (tmp_path / "acme-paris" / "brand.yaml").write_text("name: [Acme\n")
    with pytest.warns(DataQualityWarning):
        bad = smm.load(tmp_path / "acme-paris")
    assert _codes(bad, "brand.yaml") == {"failed"}
    # a zone that is none is refused, not read as UTC (every month then an hour or two off)
    (tmp_path / "acme-paris" / "brand.yaml").write_text("timezone: Paris\n")
    with pytest.raises(smm.BrandTimezoneError, match="line 1, key 'timezone': unknown time zone"):
        smm.load(tmp_path / "acme-paris")


def test_a_table_left_none_is_an_empty_one(ds):
    """``Dataset(posts=frame, daily=None)`` is a Dataset of no daily rows, not a TypeError of
    len(None) in span, repr or any function later."""
    d = smm.Dataset(posts=ds.posts, daily=None, costs=None)
    assert list(d.daily.columns) == list(schema.empty("daily").columns) and not len(d.daily)
    assert d.costs.empty
    assert d.span() == ds.span()
    assert "0 daily rows" in repr(d) and "instagram" in d._repr_html_()
    assert len(smm.Dataset(posts=None).posts_in("2026-10")) == 0


def test_an_empty_table_is_a_new_frame_each_time():
    """schema.empty builds each table's frame once and gives copies: a caller changing its
    frame (a column set, attrs) changes no later one; an unknown table is still refused."""
    from smmanalytics.errors import SchemaError

    first = schema.empty("posts")
    first["platform"] = pd.Series([], dtype="int64")
    first["extra"] = pd.Series([], dtype="Float64")
    first.attrs["kind"] = "posts"
    again = schema.empty("posts")
    assert again is not first and again.attrs == {}
    assert list(again.columns) == list(schema.TABLES["posts"])
    assert [str(t) for t in again.dtypes] == list(schema.TABLES["posts"].values())
    with pytest.raises(SchemaError, match="unknown table 'post'"):
        schema.empty("post")


@pytest.mark.parametrize("table, value, got", [
    ("posts", [1], "got list"), ("daily", pd.Series([1.0]), "got Series"),
    ("goals", "goals.yaml", "got str")])
def test_a_table_that_is_no_frame_is_an_argument_type_error(table, value, got):
    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match=f"argument '{table}'.*DataFrame.*{got}"):
        smm.Dataset(**{table: value})


def test_engagement_of_a_thing_with_no_posts_frame_says_what_its_posts_are():
    import types

    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match="a SimpleNamespace whose posts are NoneType"):
        smm.engagement(types.SimpleNamespace(posts=None, brand=None))


def test_a_table_without_a_column_a_method_reads_is_a_schema_error_naming_both(ds):
    """posts_in, as_of and span of a table made by hand name the table and the column, not a
    KeyError; the notebook display shows what it can and says what it could not read."""
    from dataclasses import replace

    from smmanalytics.errors import SchemaError

    with pytest.raises(SchemaError, match="posts lack column 'published_at'.*got columns none"):
        smm.Dataset(posts=pd.DataFrame()).posts_in("2026-10")
    no_stamp = replace(ds, posts=ds.posts.drop(columns="snapshot_at"))
    with pytest.raises(SchemaError, match="posts lack column 'snapshot_at'") as info:
        no_stamp.as_of()
    assert info.value.column == "snapshot_at" and "in all)" in str(info.value)
    with pytest.raises(SchemaError, match="daily lack column 'date'"):
        smm.Dataset(posts=ds.posts, daily=ds.posts).span()
    page = no_stamp._repr_html_()
    assert "data as of unknown" in page and "instagram" in page
    assert "Could not read" in page and "snapshot_at" in page
    page = smm.Dataset(posts=ds.posts, daily=ds.posts)._repr_html_()
    assert "daily lack column &#x27;date&#x27;" in page
    assert "Could not read" not in ds._repr_html_()
    odd = smm.Dataset(quality=pd.DataFrame({"a": [1]}))
    assert "0 posts" in repr(odd) and "<table" in odd._repr_html_()


@pytest.mark.parametrize("kw", [{"strict": "yes"}, {"cache": "no"}, {"strict": 1}])
def test_load_flags_are_true_or_false(kw):
    from smmanalytics.errors import ArgumentTypeError

    name, value = next(iter(kw.items()))
    with pytest.raises(ArgumentTypeError, match=f"argument '{name}': not a flag.*expected True "
                       f"or False; got {value!r}"):
        smm.load(FIX / "meta", **kw)
    assert len(smm.load(FIX / "meta", strict=np.False_).posts)


# ------------------------------------------------------- ties and the order of the files given
def test_a_tie_goes_to_the_second_download_whatever_the_list_order(tmp_path):
    """Two exports of the same time (the same date in their names: same snapshot) holding the
    same post with other figures: which won followed the list (``load([a, b])`` the 150 of b,
    ``load([b, a])`` the 100 of a) and the log said "the newest snapshot was kept". The files
    are now sorted as a folder's are, a browser's second download "X (1).csv" right after
    "X.csv": the download made last wins, whatever the order given, and a warning names both
    files, the rows that differ (1 of 1) and the file kept."""
    a = _ig(tmp_path / "ig_2026-11-01.csv", 100)
    b = _ig(tmp_path / "ig_2026-11-01 (1).csv", 150)
    loads = [smm.load(tmp_path, cache=False), smm.load([a, b], cache=False),
             smm.load([b, a], cache=False)]
    for ds in loads:
        assert ds.posts["views"].tolist() == [150]
        assert ds.posts["source_file"].tolist() == [str(b)]
        q = ds.quality[ds.quality["code"].isin(["snapshot_merged", "snapshot_tie"])]
        assert q[["file", "code", "level", "rows"]].values.tolist() == [
            [str(a), "snapshot_tie", "warning", 1]]
        assert q["message"].iloc[0].startswith(
            "1 post also in ig_2026-11-01 (1).csv, an export of the same time (2026-11-02 "
            "08:00 UTC): 1 of them has other figures, and ig_2026-11-01 (1).csv's figures "
            "were kept")
    pd.testing.assert_frame_equal(loads[1].posts, loads[2].posts)
    pd.testing.assert_frame_equal(loads[1].quality, loads[2].quality)


def test_a_tie_of_the_same_figures_is_an_info(tmp_path):
    """Tied exports that say the same of a post (a second download of the same export) lose
    nothing: an info, that names the file kept; a newer export's rows are noted as before.
    (Not the same bytes, which are read once: Windows line ends.)"""
    first = _ig(tmp_path / "ig_2026-11-01.csv", 100).read_bytes()
    (tmp_path / "ig_2026-11-01 (1).csv").write_bytes(first.replace(b"\n", b"\r\n"))
    _ig(tmp_path / "ig_2026-10-15.csv", 80)
    q = smm.load(tmp_path, cache=False).quality
    q = q[q["code"].str.startswith("snapshot_")]
    assert sorted((Path(f).name, c, lv, m) for f, c, lv, m in
                  q[["file", "code", "level", "message"]].values) == [
        ("ig_2026-10-15.csv", "snapshot_merged", "info",
         "1 post also in a newer export; the newest snapshot was kept"),
        ("ig_2026-11-01.csv", "snapshot_merged", "info",
         "1 post also in ig_2026-11-01 (1).csv, an export of the same time (2026-11-02 08:00 "
         "UTC), with the same figures; that file's rows were kept")]


def _ig_text(path: Path, permalink: str, caption: str) -> bytes:
    """An Instagram post export of one post (views 100) with this link and caption."""
    row = (f'179001,1784,brand,Brand,"{caption}",0,10/02/2026 09:00,{permalink},"IG image",,'
           'Lifetime,100,50,10,1,,2,3')
    return b"\xef\xbb\xbf" + f"{IG_HEADER}\n{row}\n".encode()


@pytest.mark.parametrize("second", [
    # the link copied with Instagram's share query
    lambda first: first.replace(b"/p/Z179001/", b"/p/Z179001/?igsh=abc123"),
    # a copy saved with Windows line ends: the caption's line break too ("\n" and "\r\n")
    lambda first: first.replace(b"\n", b"\r\n")],
    ids=["share query", "line ends"])
def test_a_tie_whose_rows_differ_in_text_only_is_an_info(tmp_path, second):
    """Every column was compared, text too: a link with a share query, or a caption with
    Windows line ends, was a warning that the two files' figures differ and "which are right
    is unknown" (42525 of 200000 posts of a CRLF copy). Their figures are the same: an
    info."""
    first = _ig_text(tmp_path / "x", "https://www.instagram.com/p/Z179001/", "Linen\nweek")
    (tmp_path / "ig_2026-11-01.csv").write_bytes(first)
    (tmp_path / "ig_2026-11-01 (1).csv").write_bytes(second(first))
    ds = smm.load(tmp_path, cache=False)
    q = ds.quality[ds.quality["code"].str.startswith("snapshot_")]
    assert q[["code", "level", "rows"]].values.tolist() == [["snapshot_merged", "info", 1]]
    assert "with the same figures" in q["message"].iloc[0]
    assert ds.posts["views"].tolist() == [100]


def test_a_sum_over_parts_one_row_lacks_is_no_other_figure():
    """X's English and French content exports of the same time: the French one has no Shares
    nor Bookmarks columns, so its shares are the reposts alone (7, the English 7 + 1 = 8) and
    its interactions 40 + 5 + 7 = 52 (the English 40 + 5 + 8 + 3 = 56). Sums over parts one
    row lacks are not compared; the same parts with other values are."""
    na = pd.NA
    en = {"reactions": 40, "comments": 5, "shares": 8, "saves": 3, "reposts": 7,
          "shares_direct": 1, "interactions": 56}
    fr = {**en, "shares": 7, "saves": na, "shares_direct": na, "interactions": 52}
    rows = [en, fr,
            {**en, "reactions": 41, "interactions": 57},     # one like more: another figure
            {**fr, "shares": 8, "reposts": 8, "interactions": 53}]  # a repost more
    df = pd.DataFrame(rows, dtype="Float64").assign(
        caption=pd.array(["a", "b", "c", "d"], dtype="string"))
    differ = _merge._rows_differ(df, np.array([0, 0, 1]), np.array([1, 2, 3]))
    assert differ.tolist() == [False, True, True]


def test_file_order_puts_a_second_download_after_the_first():
    """Plain text order puts "X (1).csv" before "X.csv" (" " sorts before "."): the first
    download won a tie over the second. Copies come after their original, by number."""
    from smmanalytics.loaders._folder import file_order

    names = ["d/X (10).csv", "d/X(2).csv", "d/X.csv", "d/W.csv", "d/X (1).csv", "d/X-b.csv",
             "e/A.csv", "d/report (2025).csv"]
    assert sorted(names, key=file_order) == [
        "d/W.csv", "d/X-b.csv", "d/X.csv", "d/X (1).csv", "d/X(2).csv", "d/X (10).csv",
        # a year in brackets is no copy number (3 digits at most): text order
        "d/report (2025).csv", "e/A.csv"]


def test_file_order_puts_a_download_of_a_copy_after_the_copy():
    """Only the outer copy number was read: "X (1) (1).csv" was taken as the first copy of
    "X (1).csv" and sorted as "X (1).csv" is, before "X.csv". Its numbers are now read from
    the original out: "X.csv" then (1,), then (1, 1), then the second copy (2,)."""
    from smmanalytics.loaders._folder import file_order

    names = ["a/X (2).csv", "a/X (1) (1).csv", "a/X.csv", "a/X (1).csv", "a/X (1) (2).csv"]
    assert sorted(names, key=file_order) == [
        "a/X.csv", "a/X (1).csv", "a/X (1) (1).csv", "a/X (1) (2).csv", "a/X (2).csv"]
    assert file_order("a/X (1) (1).csv")[:2] == ("a/X.csv", (1, 1))


def test_a_tie_inside_a_zip_goes_to_the_second_download_as_in_the_folder(tmp_path):
    """The members of a zip were sorted by plain name, "X (1).csv" before "X.csv": the same
    two exports zipped kept the first download's 100 views where the folder kept the second's
    150, and the warning said the later in name order (a browser's second download) was
    kept. They are sorted as a folder's files now."""
    folder = tmp_path / "brand"
    folder.mkdir()
    a = _ig(folder / "ig_2026-11-01.csv", 100)
    b = _ig(folder / "ig_2026-11-01 (1).csv", 150)
    archive = tmp_path / "brand.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(a, "brand/ig_2026-11-01.csv")
        zf.write(b, "brand/ig_2026-11-01 (1).csv")
    for ds in (smm.load(folder, cache=False), smm.load(archive, cache=False)):
        assert ds.posts["views"].tolist() == [150]
        assert Path(ds.posts["source_file"].iloc[0]).name == "ig_2026-11-01 (1).csv"
        q = ds.quality[ds.quality["code"] == "snapshot_tie"]
        assert Path(q["file"].iloc[0]).name == "ig_2026-11-01.csv"


GA4_MONTH = """\
# ----------------------------------------
# Traffic acquisition: Session campaign
# Account: Brand
# Property: brand.fr - GA4
# ----------------------------------------
#
# All Users
# Start date: {start}
# End date: {end}
Session campaign,Session source / medium,Sessions,Engaged sessions,Engagement rate,\
Key events,Total revenue
Grand total,,{sessions},5,0.5,1,10.0
bio-link,instagram / social,{sessions},5,0.5,1,10.0
"""


def test_the_tables_do_not_depend_on_the_order_of_the_files(tmp_path):
    """The same files as a list in another order gave tables that were not frame-equal: GA4's
    monthly totals in the files' order (no date: the sort keys had not their period), posts'
    platform-only columns in the order the files came, the quality log and the files table
    in the list's order. Now a list, the list reversed and the folders load the same."""
    (tmp_path / "ga4").mkdir()
    # named so that their names' order is not their months' (October before September)
    (tmp_path / "ga4" / "a_traffic.csv").write_text(
        GA4_MONTH.format(start="20261001", end="20261031", sessions=20), encoding="utf-8")
    (tmp_path / "ga4" / "b_traffic.csv").write_text(
        GA4_MONTH.format(start="20260901", end="20260930", sessions=10), encoding="utf-8")
    (tmp_path / "ig").mkdir()
    _ig(tmp_path / "ig" / "ig_2026-11-01.csv", 100)
    _ig(tmp_path / "ig" / "ig_2026-11-01 (1).csv", 150)
    _ig(tmp_path / "ig" / "ig_2026-10-15.csv", 80, post_id="179002")
    # X's posts have columns Instagram's have not (platform-only columns, after the others)
    folders = [tmp_path / "ga4", tmp_path / "ig", FIX / "x"]
    files = sorted((f for d in folders for f in d.iterdir()), key=lambda f: f.name)
    loads = [smm.load(folders, cache=False), smm.load(files, cache=False),
             smm.load(files[::-1], cache=False)]
    for ds in loads[1:]:
        for table in ("posts", "daily", "web", "audience", "quality", "files"):
            pd.testing.assert_frame_equal(getattr(ds, table), getattr(loads[0], table))
    web = loads[0].web
    assert web["sessions"].tolist() == [10, 20]        # September, then October
    assert web["period_start"].tolist() == [pd.Timestamp("2026-09-01"),
                                            pd.Timestamp("2026-10-01")]


@pytest.mark.parametrize("lacking,expected", [
    # follows are no part of the interactions: 20 + 1 + 2 + 3 = 26 as the newer export says
    ("Follows", {"follows": 4, "saves": 3, "interactions": 26}),
    # saves are, but the newer export, lacking a column every Instagram export has, leaves
    # its interactions unknown, and a sum unknown stays so (_merge._resum): not recomputed
    ("Saves", {"follows": 5, "saves": 3, "interactions": None}),
])
def test_the_sentence_of_figures_from_an_older_export_says_what_was_done(
        tmp_path, lacking, expected):
    """An Instagram export of 15 November without one column of that of 2 November (follows
    4, saves 3): the post keeps the older figure. The report's sentence said, whatever was
    taken, that the French X export has neither Bookmarks nor Shares and that the
    interactions were recomputed: it now says neither (the X export's saves, whose
    interactions are recomputed: test_loaders_x)."""
    from smmanalytics.quality import note_kind
    from smmanalytics.report.formatting import Formatter

    older = {"Likes": 10, "Shares": 1, "Follows": 4, "Comments": 2, "Saves": 3}
    newer = {"Likes": 20, "Shares": 1, "Follows": 5, "Comments": 2, "Saves": 3}
    for day, figures in (("2026-11-02", older), ("2026-11-15", {
            k: v for k, v in newer.items() if k != lacking})):
        head = IG_HEADER.rsplit(",Likes", 1)[0]
        (tmp_path / f"instagram_posts_2026-10-01_2026-10-31_{day}.csv").write_text(
            f"{head},{','.join(figures)}\n179001,1784,brand,Brand,hello,0,10/02/2026 09:00,"
            "https://www.instagram.com/p/Z179001/,IG image,,Lifetime,100,50,"
            f"{','.join(map(str, figures.values()))}\n")
    ds = smm.load(tmp_path, cache=False)
    post = ds.posts.iloc[0].astype(object).where(ds.posts.iloc[0].notna(), None)
    assert len(ds.posts) == 1 and post["reactions"] == 20
    assert {k: post[k] for k in expected} == expected
    (code, message), = ds.quality.loc[ds.quality["code"] == "figures_from_older_export",
                                      ["code", "message"]].to_numpy()
    assert message == (f"1 post keeps {lacking.lower()} from an older export, which the "
                       "newer one does not carry")
    assert note_kind(code, message) == "figures_from_older_export"
    for lang, start, end in (
            ("en", "Figures of posts that a newer export has no column for", "gives them"),
            ("fr", "Les chiffres de publications pour lesquels un export", "qui les donne"),
            ("it", "I dati dei post per cui un'esportazione più recente", "che li contiene")):
        text = Formatter(lang).quality(note_kind(code, message), message)
        assert text.startswith(start) and text.endswith(end), lang
        assert "#N/" in text, lang          # the whole sentence: YAML's " #" starts a comment
        assert not any(w in text for w in ("X", "Bookmarks", "Signets", "Segnalibri",
                                           "interact", "interaz")), lang


def test_a_users_home_folder_is_expanded(tmp_path, monkeypatch):
    # "~/exports" is the folder exports under $HOME, as pandas and the shell read it: it
    # was "path does not exist"; the fixture's 3 Instagram posts (3 records, one of two lines)
    # are read
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "exports").mkdir()
    shutil.copy(FIX / "meta" / "instagram_posts_2026-11-20.csv", tmp_path / "exports")
    ds = smm.load("~/exports", cache=False)
    assert len(ds.posts) == 3
    read = tmp_path / "exports" / "instagram_posts_2026-11-20.csv"
    assert ds.files["path"].tolist() == [str(read)]
    from smmanalytics.loaders import inspect_files

    assert inspect_files(["~/exports"])["file"].tolist() == [str(read)]


def test_a_url_is_not_a_path(tmp_path):
    # pathlib made it "https:/example.com/x.csv", a path that "does not exist"
    from smmanalytics.errors import ArgumentError

    with pytest.raises(ArgumentError) as info:
        smm.load(["https://example.com/x.csv"])
    assert str(info.value) == (
        "argument 'path': load reads files on disk, not a URL: download the file first and "
        "pass its path (or its folder's); expected the path of a folder, file or zip, or a "
        "list of them; got 'https://example.com/x.csv'")


def test_one_file_loaded_beside_a_brand_yaml_says_it_was_not_read(tmp_path):
    # one export loaded alone runs in UTC as documented; its note now names the brand.yaml
    # of Europe/Paris beside it, which it did not read, and says how to read it
    shutil.copy(FIX / "meta" / "instagram_posts_2026-11-20.csv", tmp_path)
    (tmp_path / "brand.yaml").write_text("name: Acme\ntimezone: Europe/Paris\n")
    ds = smm.load(tmp_path / "instagram_posts_2026-11-20.csv", cache=False)
    assert ds.brand.timezone == "UTC"
    (note,) = ds.quality.loc[ds.quality["code"].eq("brand_defaults"), "message"]
    assert note.endswith(
        f"; {tmp_path / 'brand.yaml'} lies beside the files and was not read: load its "
        "folder, or add it to the list, for the brand's time zone and settings")
    listed = smm.load([tmp_path / "instagram_posts_2026-11-20.csv", tmp_path / "brand.yaml"],
                      cache=False)
    assert listed.brand.timezone == "Europe/Paris"
