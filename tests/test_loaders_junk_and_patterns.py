"""What is no one's export (macOS's ``__MACOSX`` and ``._*`` copies, ``.DS_Store``,
``Thumbs.db``, a ``.git`` folder, an Office lock file) is skipped by one rule in a folder and
in a zip, and noted; a path with a wildcard (``exports/*.csv``) is a pattern, read as the
shell reads it (``loaders._folder.expand_patterns``, ``dataset._note_junk``)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics.cli import main
from smmanalytics.errors import ParseError
from smmanalytics.loaders import inspect_files
from smmanalytics.loaders._sources import JUNK_WHY
from tests._helpers import ig_export

#: the junk a Mac, Windows, git and Excel leave in a brand's folder, beside one export of
#: 10 views: 3 files (two .DS_Store, one AppleDouble ._ copy) and 2 folders (.git with two
#: files of its own, __MACOSX), and one lock file, noted by itself
JUNK = {".DS_Store": b"\0\0\0\1Bud1", "facebook/.DS_Store": b"\0\0\0\1Bud1",
        "._ig_2026-10-03.csv": b"\0\5\26\7", ".git/config": b"[core]\n",
        ".git/objects/ab": b"x\x01", "__MACOSX/._ig_2026-10-03.csv": b"\0\5\26\7",
        "~$report.xlsx": b"lock"}
#: what the system_file note says of them (names sorted: '.D' < '._' < '.g' < '__')
SAID = ("3 files and 2 folders, hidden or system (no exports), skipped and never read as "
        "data: .DS_Store ×2, ._ig_2026-10-03.csv, .git/, __MACOSX/")
#: what the lock_file note says of a lock file
LOCK = ("an Office lock file: a workbook or document of its folder was open in Excel (or "
        "another Office program) when the folder was copied, so its changes not saved by "
        "then are in no file; skipped")


def _brand(folder: Path) -> Path:
    """The brand folder: the export and :data:`JUNK`."""
    for name, data in {"ig_2026-10-03.csv": ("\ufeff" + ig_export(10)).encode(),
                       **JUNK}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def _zipped(folder: Path, archive: Path) -> Path:
    """``folder`` zipped as macOS's Finder zips it: under its own name, __MACOSX at the top."""
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = f.relative_to(folder).as_posix()
            zf.write(f, rel if rel.startswith("__MACOSX/") else f"{folder.name}/{rel}")
    return archive


def _junk_notes(ds) -> list[list[str]]:
    q = ds.quality
    return q.loc[q["code"].isin(["system_file", "lock_file"]),
                 ["file", "code", "message"]].values.tolist()


def test_junk_is_noted_once_per_folder_and_per_zip_alike(tmp_path):
    # before: the folder noted .DS_Store and facebook/.DS_Store each, and .git, __MACOSX
    # not at all; the zip of the same folder noted nothing
    brand = _brand(tmp_path / "brand")
    archive = _zipped(brand, tmp_path / "brand.zip")
    for where, lock_at in ((brand, str(brand / "~$report.xlsx")),
                           (archive, f"{archive}!brand/~$report.xlsx")):
        ds = smm.load(where, strict=True, cache=False)   # never read: strict has no error
        assert _junk_notes(ds) == [[str(where), "system_file", SAID],
                                   [lock_at, "lock_file", LOCK]]
        assert len(ds.files) == 1 and len(ds.posts) == 1
        assert ds.posts["views"].tolist() == [10]


def test_a_zip_in_a_folder_notes_its_own_junk(tmp_path):
    # an export zip dropped in the brand folder: its own .DS_Store is its note, the folder
    # has none (nothing of its own)
    outer = tmp_path / "outer"
    outer.mkdir()
    inner = _brand(tmp_path / "brand")
    for name in JUNK:
        if not name.endswith(".DS_Store"):
            (inner / name).unlink()
    archive = _zipped(inner, outer / "export.zip")
    ds = smm.load(outer, cache=False)
    # left: .DS_Store and facebook/.DS_Store, 2 files of the same name
    assert _junk_notes(ds) == [[str(archive), "system_file", "2 files, hidden or system (no "
                                "exports), skipped and never read as data: .DS_Store ×2"]]
    assert len(ds.posts) == 1


def test_a_pattern_loads_what_it_matches(tmp_path, monkeypatch, capsys):
    # "exports/*.csv" said "path does not exist"; it matches the two exports (views 10 and
    # 20), not notes.txt; the lock file it matches is noted, not read
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "ig_2026-10-03.csv").write_text("\ufeff" + ig_export(10), encoding="utf-8")
    (exports / "ig_2026-10-05.csv").write_text("\ufeff" + ig_export(20), encoding="utf-8")
    (exports / "notes.txt").write_text("not matched\n")
    (exports / "~$report.csv").write_bytes(b"lock")
    ds = smm.load(str(exports / "*.csv"), cache=False)
    # the same post in both: the newest snapshot, that of 10/05, with 20 views
    assert sorted(Path(p).name for p in ds.files["path"]) == ["ig_2026-10-03.csv",
                                                              "ig_2026-10-05.csv"]
    assert ds.posts["views"].tolist() == [20]
    assert _junk_notes(ds)[0][:2] == [str(exports / "~$report.csv"), "lock_file"]
    # the CLI's quoted --data is the same pattern
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", "exports/*.csv"]) == 0
    out = capsys.readouterr().out
    assert "ig_2026-10-03.csv" in out and "ig_2026-10-05.csv" in out and "notes.txt" not in out
    # the two exports, and the lock file the pattern matches, left out
    assert inspect_files("exports/**/*.csv")["status"].tolist() == ["ok", "ok", "left_out"]


def test_a_pattern_matching_nothing_names_itself(tmp_path):
    pattern = tmp_path / "exports" / "*.xlsx"
    with pytest.raises(ParseError) as info:
        smm.load(pattern, cache=False)
    assert str(info.value) == (
        f"file {pattern}: no file or folder matches this pattern; expected a pattern matching "
        "exports, folders or zips (as exports/*.csv), or their paths; got 'no match'")


def test_a_file_whose_name_holds_a_wildcard_is_itself(tmp_path):
    # "ig [1].csv" exists: it is that file, not the pattern matching "ig 1.csv"
    (tmp_path / "ig [1].csv").write_text("\ufeff" + ig_export(10), encoding="utf-8")
    (tmp_path / "ig 1.csv").write_text("\ufeff" + ig_export(30), encoding="utf-8")
    ds = smm.load(tmp_path / "ig [1].csv", cache=False)
    assert ds.posts["views"].tolist() == [10]


def _in_instagram(folder: Path) -> Path:
    """``folder`` with one export of 10 views in ``instagram/`` and, in ``__MACOSX/``, a copy
    of 99 views not named ``._*`` (junk by its folder alone); ``folder`` itself."""
    exports = {"instagram/ig_2026-10-03.csv": 10, "__MACOSX/ig_2026-10-04.csv": 99}
    for name, views in exports.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("\ufeff" + ig_export(views), encoding="utf-8")
    return folder


@pytest.mark.parametrize("pattern", ["**", "**/*.csv", "*", "*/*.csv"])
def test_a_pattern_loads_its_folders_files_once_as_the_folder_does(tmp_path, pattern):
    """``brand/**`` matched brand/, brand/instagram/ and the export: 3 rows in ``files`` (two
    "duplicate" of the export itself, noted duplicate_file) and the brand 'Brand' (no folder
    to name it after). Each pattern now loads as ``brand`` does: the one export (10 views;
    the __MACOSX copy of 99 never read), the brand named 'brand', __MACOSX noted once."""
    brand = _in_instagram(tmp_path / "brand")
    ds = smm.load(f"{brand}/{pattern}", cache=False)
    assert ds.files["path"].tolist() == [str(brand / "instagram" / "ig_2026-10-03.csv")]
    assert ds.files["status"].tolist() == ["ok"]
    assert ds.posts["views"].tolist() == [10]
    assert ds.brand.name == "brand"
    assert not ds.quality["code"].eq("duplicate_file").any()
    # the export, then the __MACOSX folder, left out
    assert inspect_files(f"{brand}/{pattern}")["file"].tolist() == [
        *ds.files["path"], f"{brand}/__MACOSX/"]
    # ** and * match the __MACOSX folder; **/*.csv and */*.csv its file, junk by its
    # folder's name (a part of its path below brand): one note of the folder either way
    assert _junk_notes(ds) == [[str(brand), "system_file",
                                "1 folder, hidden or system (no exports), skipped and never "
                                "read as data: __MACOSX/"]]


def test_a_file_listed_with_its_folder_is_read_once(tmp_path):
    """``[brand, brand/instagram/ig.csv]``: 2 rows in ``files``, one a duplicate of itself."""
    brand = _in_instagram(tmp_path / "brand")
    ds = smm.load([brand, brand / "instagram" / "ig_2026-10-03.csv"], cache=False)
    assert ds.files["path"].tolist() == [str(brand / "instagram" / "ig_2026-10-03.csv")]
    assert ds.posts["views"].tolist() == [10]


def _nested(outer: Path) -> Path:
    """``outer/export.zip``, a zip holding ``inner.zip`` and a .DS_Store of its own; the inner
    zip holds the export of 10 views and the junk of :data:`JUNK` but its .git (a Mac's
    __MACOSX copy, two .DS_Store, a ._ copy, the lock file) and a Windows Thumbs.db."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("ig_2026-10-03.csv", "\ufeff" + ig_export(10))
        for name, data in JUNK.items():
            if not name.startswith(".git/"):
                zf.writestr(name, data)
        zf.writestr("Thumbs.db", b"\0")
    outer.mkdir()
    with zipfile.ZipFile(outer / "export.zip", "w") as zf:
        zf.writestr("inner.zip", inner.getvalue())
        zf.writestr(".DS_Store", b"\0\0\0\1Bud1")
    return outer / "export.zip"


def test_a_nested_zip_notes_its_own_junk(tmp_path):
    # before: only export.zip's own .DS_Store was noted, the inner zip's junk went unsaid
    archive = _nested(tmp_path / "brand")
    ds = smm.load(tmp_path / "brand", strict=True, cache=False)
    inner = f"{archive}!inner.zip"
    # the inner zip's: .DS_Store, facebook/.DS_Store, ._ig_2026-10-03.csv and Thumbs.db
    # (4 files) and __MACOSX/ (1 folder, its member not counted); the lock file by itself
    assert _junk_notes(ds) == [
        [str(archive), "system_file", "1 file, hidden or system (no exports), skipped and "
         "never read as data: .DS_Store"],
        [inner, "system_file", "4 files and 1 folder, hidden or system (no exports), skipped "
         "and never read as data: .DS_Store ×2, ._ig_2026-10-03.csv, Thumbs.db, __MACOSX/"],
        [f"{inner}!~$report.xlsx", "lock_file", LOCK]]
    assert ds.posts["views"].tolist() == [10]


def test_inspect_lists_the_junk_left_out_with_why(tmp_path, capsys):
    # before: inspect_files listed the export alone, silent on the junk load notes
    brand = _brand(tmp_path / "brand")
    archive = _nested(tmp_path / "zipped")
    got = inspect_files([brand, tmp_path / "zipped"])
    left = got.loc[got["status"].eq("left_out"), ["file", "warnings"]].values.tolist()
    # each entry of JUNK once, .git/ and __MACOSX/ as one folder each; the zips' as named in
    # them, the inner zip's own .DS_Store, ._ copy, Thumbs.db, __MACOSX/ and lock file
    system = [f"{brand}/{n}" for n in (".DS_Store", "._ig_2026-10-03.csv", ".git/",
                                       "__MACOSX/", "facebook/.DS_Store")]
    system += [f"{archive}!.DS_Store"] + [f"{archive}!inner.zip!{n}" for n in (
        ".DS_Store", "._ig_2026-10-03.csv", "Thumbs.db", "__MACOSX/", "facebook/.DS_Store")]
    locks = [str(brand / "~$report.xlsx"), f"{archive}!inner.zip!~$report.xlsx"]
    assert sorted(left) == sorted([[f, JUNK_WHY] for f in system] + [[f, LOCK] for f in locks])
    # the two exports, read; the junk listed after them: 5 + 1 + 5 system, 2 lock files
    assert got["status"].tolist() == ["ok"] * 2 + ["left_out"] * 13
    assert main(["inspect", str(brand)]) == 0
    out = capsys.readouterr().out
    assert (f"{brand / '.git'}/\n  status:    left out (never read as data: smm.load skips "
            f"it too)\n  warnings:  {JUNK_WHY}\n") in out
