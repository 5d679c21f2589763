"""A zipped brand folder (an agency receives maison-seve.zip by email) loads as the folder."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.errors import DataQualityWarning, ParseError

from ._helpers import brand_zip, ig_export

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"


def _zip(folder: Path, archive: Path, top: str | None = None) -> Path:
    """``archive`` holding every file of ``folder`` (bytes as they are), under ``top/`` as
    zipping a folder makes it, or at the archive's root when ``top`` is ''."""
    top = folder.name if top is None else top
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                rel = f.relative_to(folder).as_posix()
                zf.write(f, f"{top}/{rel}" if top else rel)
    return archive


def _named_as_in(df: pd.DataFrame, column: str, archive: str, folder: Path) -> pd.DataFrame:
    """``df`` with the names of ``column`` in the ``archive`` (``x.zip!brand``, ``x.zip!``)
    made those of the same files in ``folder``."""
    if column not in df.columns:
        return df
    old = archive if archive.endswith("!") else f"{archive}/"
    names = df[column].astype("string").str.replace(old, f"{folder}/", regex=False)
    return df.assign(**{column: names.astype(df[column].dtype)})


# ------------------------------------------------------------- exports zipped inside a zip

def test_exports_zipped_inside_a_zip_read_as_the_same_exports_on_disk(tmp_path):
    """A brand folder holding TikTok zips and a LinkedIn .xls, zipped: the TikTok exports lost
    their account (the handle ends the TikTok zip's name), the export time in Overview's name
    and the zip's own member times (years were taken from the outer zip's modification time,
    with a warning), and the LinkedIn export its page (in its file name)."""
    folder = tmp_path / "brand"
    folder.mkdir()
    for name in ("Overview_2025-11-01_1793520000_maisonseve.zip", "Content_maisonseve.zip",
                 "maison-seve_followers_1793520000000.xls"):
        shutil.copy2(SAMPLE / name, folder / name)
    archive = _zip(folder, tmp_path / "brand.zip")
    flat, zipped = smm.load(folder), smm.load(archive)
    prefix = f"{archive}!brand"
    for table in ("posts", "daily", "audience"):
        pd.testing.assert_frame_equal(
            _named_as_in(getattr(zipped, table), "source_file", prefix, folder),
            getattr(flat, table), check_categorical=False)
    pd.testing.assert_frame_equal(_named_as_in(zipped.quality, "file", prefix, folder),
                                  flat.quality)
    daily = zipped.daily.set_index("platform")
    assert set(daily.loc["tiktok", "account_id"]) == {"maisonseve"}
    assert set(daily.loc["linkedin", "account_id"]) == {"maison-seve"}
    overview = zipped.daily[zipped.daily["source_file"].str.endswith("Overview.csv")]
    # 1793520000 s after 1970 (in Overview's zip name): 2026-11-01 08:00 UTC
    assert set(overview["snapshot_at"]) == {pd.Timestamp("2026-11-01 08:00", tz="UTC")}
    assert set(zipped.posts["account_id"]) == {"maisonseve"}
    assert "year_reference_mtime" not in set(zipped.quality["code"])


# ------------------------------------------------------- settings files inside the archive

def test_a_zipped_brand_folder_loads_as_the_folder(tmp_path):
    """maison-seve.zip, the sample brand folder zipped: its brand.yaml, goals.yaml, costs.csv
    and competitors.csv were not read (UTC zone, no goals, costs unknown); every table, the
    brand, the files and the quality notes are now those of the folder, file names aside."""
    archive = _zip(SAMPLE, tmp_path / "maison-seve.zip")
    flat, zipped = smm.load(SAMPLE), smm.load(archive)
    prefix = f"{archive}!maison-seve"
    for table in ("posts", "daily", "web", "audience", "costs", "goals", "competitors"):
        pd.testing.assert_frame_equal(
            _named_as_in(getattr(zipped, table), "source_file", prefix, SAMPLE),
            getattr(flat, table), check_categorical=False, obj=table)
    assert zipped.goals.attrs == flat.goals.attrs
    pd.testing.assert_frame_equal(_named_as_in(zipped.files, "path", prefix, SAMPLE),
                                  flat.files)
    # the notes name files so too: "same content as <the first copy>" (the sample's second
    # Studio download repeats its Table data.csv)
    pd.testing.assert_frame_equal(
        _named_as_in(_named_as_in(zipped.quality, "file", prefix, SAMPLE), "message", prefix,
                     SAMPLE), flat.quality)
    assert zipped.brand.name == "Maison Sève" and zipped.brand.timezone == "Europe/Paris"
    assert zipped.brand.language == "fr" and len(zipped.costs) == 43 and len(zipped.goals) == 11
    # the logo, extracted from the archive to the cache folder by its content, for the report
    logo = zipped.brand.logo
    assert logo.parent == smm._cache.cache_dir() / "logos" and logo.suffix == ".svg"
    assert logo.read_bytes() == (SAMPLE / "logo.svg").read_bytes()
    assert zipped.brand == replace(flat.brand, logo=logo)
    # reports name files relative to the folder inside the archive, as to the folder
    assert zipped.root == Path(prefix) and flat.root == SAMPLE
    assert "settings_in_archive" not in set(zipped.quality["code"])


def test_settings_at_the_root_or_deeper_and_twice_follow_the_rules_of_a_folder(tmp_path):
    """Settings at the archive's root count, deeper ones too, as in a folder; of two
    goals.yaml the first by name is read and the other noted as ignored."""
    folder = tmp_path / "brand"
    (folder / "sub").mkdir(parents=True)
    (folder / "brand.yaml").write_text("name: Racine\ntimezone: Europe/Rome\n")
    (folder / "goals.yaml").write_text("goals:\n  - {metric: posts, platform: x, target: 3}\n")
    (folder / "sub" / "goals.yaml").write_text("goals:\n  - {metric: posts, target: 1}\n"
                                               "  - {metric: reach, target: 9}\n")
    (folder / "sub" / "costs.csv").write_text("start,category,amount\n2026-10-01,tools,5\n")
    (folder / "sub" / "ig_2026-10-03.csv").write_text(ig_export(10), encoding="utf-8-sig")
    archive = _zip(folder, tmp_path / "brand.zip", top="")
    flat, zipped = smm.load(folder), smm.load(archive)
    assert zipped.brand == flat.brand and zipped.brand.timezone == "Europe/Rome"
    assert zipped.goals["target"].tolist() == [3] and zipped.costs["amount"].tolist() == [5]
    assert zipped.costs["source_file"].tolist() == [f"{archive}!sub/costs.csv"]
    assert len(zipped.posts) == 1 and zipped.root is None   # not all in one folder
    note = zipped.quality.set_index("code").loc["side_file_ignored"]
    assert (note["file"], note["level"], note["message"]) == (
        f"{archive}!sub/goals.yaml", "warning", "a goals.yaml was already read; this one is "
        "ignored")
    for table in ("goals", "costs", "posts"):
        pd.testing.assert_frame_equal(
            _named_as_in(getattr(zipped, table), "source_file", f"{archive}!", folder),
            getattr(flat, table), check_categorical=False, obj=table)
    pd.testing.assert_frame_equal(_named_as_in(zipped.quality, "file", f"{archive}!", folder),
                                  flat.quality)


def test_an_invalid_settings_file_in_a_zip_is_named_as_its_member(tmp_path):
    from smmanalytics.errors import ConfigError

    archive = tmp_path / "err.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("brand/brand.yaml", "name: Err\ntimezone: Europe/Rome\n"
                                        "colors:\n  primary: red\n")
        zf.writestr("brand/goals.yaml", "goals:\n  - metric: posts\n    target: 3\n"
                                        "  - metric: likes\n    target: 5\n")
        # "é" in Windows-1252 is the byte E9, the 53rd byte of the file
        zf.writestr("brand/costs.csv", "start,category,amount,note\n"
                                       "2026-10-01,tools,12.5,Café\n".encode("cp1252"))
    with pytest.warns(DataQualityWarning, match="^1 file could not be read and is left out "
                      "of the dataset: goals.yaml: line 4, key 'metric': "):
        ds = smm.load(archive)
    # a bad colour takes its default; the name and the zone of the file are kept
    assert ds.quality[["file", "level", "code", "message"]].values.tolist() == [
        [f"{archive}!brand/brand.yaml", "warning", "brand_key_ignored",
         f"file {archive}!brand/brand.yaml, line 4, key 'colors.primary': colour must be a hex "
         "code; expected #RRGGBB; got 'red': its default, '#2F4F3A', is used"],
        [f"{archive}!brand/costs.csv", "warning", "encoding_fallback",
         "costs.csv is not UTF-8 (invalid continuation byte at byte 52): read as Windows-1252; "
         "save it as UTF-8 to be sure of its accents"],
        [f"{archive}!brand/goals.yaml", "error", "failed",
         f"file {archive}!brand/goals.yaml, line 4, key 'metric': goal 2 is invalid; "
         "expected one of posts, interactions, reach, impressions, views, sessions, "
         "key_events, revenue, followers_net, er_reach, roas, roi; got 'likes'"]]
    assert (ds.brand.name, ds.brand.timezone, ds.brand.primary_color) == (
        "Err", "Europe/Rome", smm.Brand.primary_color) and ds.goals.empty
    assert ds.costs["note"].tolist() == ["Café"] and ds.costs["amount"].tolist() == [12.5]
    with pytest.raises(ConfigError) as err:
        smm.load(archive, strict=True)
    assert str(err.value) == ds.quality["message"].iloc[0].removesuffix(
        ": its default, '#2F4F3A', is used")
    assert err.value.file == f"{archive}!brand/brand.yaml" and err.value.key == "colors.primary"
    # a zone that is none is raised, strict or not, named as its member
    zoned = tmp_path / "zone.zip"
    with zipfile.ZipFile(zoned, "w") as zf:
        zf.writestr("brand/brand.yaml", "name: Err\ntimezone: Europe/Pariss\n")
    for strict in (False, True):
        with pytest.raises(smm.BrandTimezoneError) as err:
            smm.load(zoned, strict=strict)
        assert str(err.value) == (
            f"file {zoned}!brand/brand.yaml, line 2, key 'timezone': unknown time zone; "
            "expected an IANA zone such as Europe/Paris; got 'Europe/Pariss'")


def test_the_synonyms_in_a_zip_are_read_before_its_exports(tmp_path):
    """Overview.csv comes before synonyms.csv in the archive, and is read with its rows."""
    from tests.test_loaders_synonyms import OVERVIEW_FR, SYNONYMS_FR

    archive = tmp_path / "brand.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("brand/Overview.csv", "\ufeff" + OVERVIEW_FR)
        zf.writestr("brand/synonyms.csv", SYNONYMS_FR)
    ds = smm.load(archive)
    views = ds.daily[ds.daily["metric"] == "views"].sort_values("date")
    assert views["value"].tolist() == [120, 80]
    note = ds.quality.set_index("code").loc["synonyms_read"]
    assert (note["file"], note["message"]) == (
        f"{archive}!brand/synonyms.csv", "5 header synonyms of the brand added (tiktok)")
    assert ds.files["path"].tolist() == [f"{archive}!brand/synonyms.csv",     # read first
                                         f"{archive}!brand/Overview.csv"]


def test_a_setting_or_logo_changed_in_the_zip_is_read_again(tmp_path):
    """The cache of a whole load is keyed by the exports; the settings of a zip, like a
    folder's, are read at each load: a brand.yaml, goals.yaml or logo changed in the archive
    (rewritten, even with the same modification time) is never answered from the cache."""
    import os

    archive = brand_zip(tmp_path / "brand.zip", "Europe/Paris", "<svg>1</svg>", 3)
    first = smm.load(archive)
    assert smm.load(archive).brand == first.brand          # the second from the cache
    assert first.brand.timezone == "Europe/Paris" and first.goals["target"].tolist() == [3]
    assert first.brand.logo.read_text() == "<svg>1</svg>"   # ../logo.svg: the archive's root
    mtime = archive.stat().st_mtime_ns
    brand_zip(archive, "America/New_York", "<svg>2</svg>", 4)
    os.utime(archive, ns=(mtime, mtime))
    again = smm.load(archive)
    assert again.brand.timezone == "America/New_York" and again.goals["target"].tolist() == [4]
    assert again.brand.logo.read_text() == "<svg>2</svg>"
    assert first.brand.logo.read_text() == "<svg>1</svg>"   # each logo keeps its own file
    pd.testing.assert_frame_equal(again.posts, first.posts)
    # the logo is the brand's, not an image skipped; the other image is, as in a folder;
    # the settings files and the logo are listed first, by their member names (the logo's
    # too, not the cache copy's), then the export; the other image is not listed
    q = again.quality
    assert q.loc[q["code"] == "not_an_export", "file"].tolist() == [f"{archive}!brand/shot.png"]
    assert not q["file"].str.endswith("logo.svg").any()
    assert again.files["path"].tolist() == [     # ../logo.svg: at the archive's root
        f"{archive}!brand/brand.yaml", f"{archive}!brand/goals.yaml", f"{archive}!logo.svg",
        f"{archive}!brand/ig_2026-10-03.csv"]
    assert again.files["kind"].tolist()[:3] == ["brand", "goals", "logo"]


def test_a_logo_not_in_the_zip_is_noted_and_dropped(tmp_path):
    archive = tmp_path / "brand.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("brand/brand.yaml", "name: Zip\nlogo: nowhere.png\n")
        zf.writestr("brand/ig_2026-10-03.csv", "\ufeff" + ig_export(10))
    ds = smm.load(archive)
    assert ds.brand.name == "Zip" and ds.brand.logo is None
    note = ds.quality.set_index("code").loc["logo_missing"]
    assert (note["file"], note["level"], note["message"]) == (
        f"{archive}!brand/nowhere.png", "warning",
        "brand.yaml names a logo that is not in the archive: the report goes without it")


def test_settings_at_the_archive_root_are_known_by_their_own_name(tmp_path):
    """``brand.zip!costs.csv``: its last path component is ``brand.zip!costs.csv``; the
    settings file is known as ``costs.csv`` (read, its warnings worded, its failure told
    apart from an export's, as in a folder)."""
    from smmanalytics.cli import _unread_lines
    from smmanalytics.quality import side_file_error, unread_files

    archive = tmp_path / "brand.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("costs.csv", "month,channel,amount\n2026-10,ads,12\n")
        zf.writestr("brand.yaml", "name: Sève\n".encode("cp1252"))    # è: byte E8, the 8th
    with pytest.warns(DataQualityWarning, match="^1 file could not be read .*: costs.csv: "):
        ds = smm.load(archive)
    assert ds.brand.name == "Sève"
    warning = ds.quality.set_index("code").loc["encoding_fallback"]
    assert (warning["file"], warning["message"]) == (
        f"{archive}!brand.yaml", "brand.yaml is not UTF-8 (invalid continuation byte at byte "
        "7): read as Windows-1252; save it as UTF-8 to be sure of its accents")
    why = ("line 1, column 'start': costs file lacks required columns; expected a header with "
           "start, end, category, amount, currency, platform, campaign, hours, hourly_rate, "
           "note; got 'month, channel, amount'")
    assert side_file_error(ds.quality, ("costs.csv",)) == f"file costs.csv, {why}"
    assert _unread_lines(unread_files(ds.quality)) == [
        "1 settings file of the brand could not be read; the report was made without it:",
        f"  file {archive}!costs.csv, {why}"]


# ------------------------------------------------------------- names not flagged as UTF-8

def _unflagged(archive: Path, members: dict[str, bytes], encoding: str) -> Path:
    """A zip whose member names are written in ``encoding`` without the UTF-8 flag, as Info-ZIP's
    ``zip`` (UTF-8) and Windows' "Send to compressed folder" (code page 850) write them:
    written under ASCII stand-ins of the same length, whose bytes are then replaced."""
    raw = {name: name.encode(encoding) for name in members}
    stand_in = {name: b"@" * len(b) for name, b in raw.items()}
    assert len(set(stand_in.values())) == len(stand_in)      # one stand-in per name
    with zipfile.ZipFile(archive, "w") as zf:
        for name, data in members.items():
            zf.writestr(stand_in[name].decode(), data)
    blob = archive.read_bytes()
    for name in members:
        assert blob.count(stand_in[name]) == 2                # local header, central directory
        blob = blob.replace(stand_in[name], raw[name])
    archive.write_bytes(blob)
    return archive


@pytest.mark.parametrize("encoding", ["utf-8", "cp850"])
def test_member_names_not_flagged_as_utf8_keep_their_accents(tmp_path, encoding):
    """A YouTube Studio export zipped by Info-ZIP's zip or by Windows (no UTF-8 flag) was read
    with its name in code page 437: the channel 'Maison Sève' came back 'Maison S├¿ve'."""
    youtube = "Content 2025-09-01_2026-10-31 Maison Sève.zip"
    inner = (SAMPLE / youtube).read_bytes()
    # "À" is where code pages 437 and 850 differ ("╖" in 437); "è" and "é" are alike in both
    archive = _unflagged(tmp_path / "brand.zip", {f"À classer/{youtube}": inner}, encoding)
    assert zipfile.ZipFile(archive).infolist()[0].flag_bits & 0x800 == 0
    ds = smm.load(archive, cache=False)
    assert set(ds.posts["account_name"].dropna().astype(str)) == {"Maison Sève"}
    assert ds.files["path"].str.startswith(f"{archive}!À classer/{youtube}!").all()
    flat = smm.load(SAMPLE / youtube, cache=False)
    assert len(ds.posts) == len(flat.posts) > 0


def test_the_unicode_path_field_of_info_zip_names_a_member():
    from smmanalytics.loaders._sources import member_name

    name = "Maison Sève/goals.yaml"
    raw = name.encode("cp850")                          # what the header holds
    field = b"\x01" + zipfile.crc32(raw).to_bytes(4, "little") + name.encode()
    info = zipfile.ZipInfo(raw.decode("cp437"))
    info.extra = (0x7075).to_bytes(2, "little") + len(field).to_bytes(2, "little") + field
    assert member_name(info) == name
    info.extra = info.extra[:5] + b"\x00\x00\x00\x00" + info.extra[9:]   # a stale field: CRC off
    assert member_name(info) == name                    # code page 850 all the same


@pytest.mark.parametrize("members", [[], ["__MACOSX/._x.csv", "folder/"]])
def test_an_empty_zip_is_said_to_be_empty(tmp_path, members):
    """An archive without files was read as a CSV whose header was its directory record
    ("table with headers ['PK\\x05\\x06…'] matches no known export format")."""
    p = tmp_path / "Content_maisonseve.zip"
    with zipfile.ZipFile(p, "w") as zf:
        for m in members:
            zf.writestr(m, "" if m.endswith("/") else "x")
    with pytest.warns(DataQualityWarning, match=": Content_maisonseve.zip: empty zip archive"):
        ds = smm.load(p, cache=False)
    # besides the defaults assumed without brand.yaml (brand_defaults), one error, and the
    # junk the archive holds noted as a folder's is: __MACOSX, 1 folder
    q = ds.quality.loc[ds.quality["code"].ne("brand_defaults")]
    (row,) = q.loc[q["code"].ne("system_file")].itertuples()
    assert row.level == "error" and "empty zip archive" in row.message
    assert q.loc[q["code"].eq("system_file"), "message"].tolist() == [
        "1 folder, hidden or system (no exports), skipped and never read as data: __MACOSX/"
    ] * bool(members)
    with pytest.raises(ParseError, match="empty zip archive") as err:
        smm.load(p, cache=False, strict=True)
    assert err.value.file == str(p)


# ------------------------------------------------------------- a damaged export inside

_FB = "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv"
_IG = "instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv"
_TT = "Content_maisonseve.zip"


def _small_brand(tmp_path: Path) -> Path:
    """A brand folder of three exports (a TikTok zip among them) and its settings."""
    folder = tmp_path / "brand"
    folder.mkdir()
    for name in (_FB, _IG, _TT, "costs.csv", "goals.yaml"):
        shutil.copy2(SAMPLE / name, folder / name)
    return folder


@pytest.mark.parametrize("member, why", [
    (_IG, "archive member cannot be extracted"),          # its checksum wrong
    (_TT, "not a readable zip archive"),                  # a nested export cut short
])
def test_a_damaged_export_in_a_zipped_brand_folder_fails_alone(tmp_path, member, why):
    # the whole zip failed ('archive member cannot be extracted'): every export of the brand
    # missing for one; it now fails as that file does on its own in the folder
    from smmanalytics.quality import unread_files

    from ._zips import damaged

    folder = _small_brand(tmp_path)
    if member == _TT:      # the TikTok zip itself cut to half: its directory is gone
        data = (folder / _TT).read_bytes()
        (folder / _TT).write_bytes(data[:len(data) // 2])
        archive = _zip(folder, tmp_path / "brand.zip")
    else:
        archive = damaged(_zip(folder, tmp_path / "whole.zip"), f"brand/{member}", "crc",
                          tmp_path / "brand.zip")
        (folder / member).write_bytes(b"PK\x03\x04 damaged")   # on its own: not readable
    name = f"{archive}!brand/{member}"
    with pytest.warns(DataQualityWarning, match=f": {member}: ") as caught:
        ds, flat = smm.load(archive, cache=False), smm.load(folder, cache=False)
    assert len(caught) == 2                                 # one by load
    files = ds.files.set_index("path")
    assert files.loc[name, "status"] == "failed" and pd.isna(files.loc[name, "sha256"])
    assert (files.drop(index=name)["status"] == "ok").all() and len(files) == len(flat.files)
    assert list(unread_files(ds.quality)) == [name]
    assert unread_files(ds.quality)[name].startswith(f"file {name}")
    assert why in unread_files(ds.quality)[name]
    assert list(unread_files(flat.quality)) == [str(folder / member)]
    prefix = f"{archive}!brand"
    for table in ("posts", "daily", "costs", "goals"):
        pd.testing.assert_frame_equal(
            _named_as_in(getattr(ds, table), "source_file", prefix, folder),
            getattr(flat, table), check_categorical=False, obj=table)
    with pytest.raises(ParseError, match=why) as err:
        smm.load(archive, cache=False, strict=True)
    assert err.value.file == name


def test_a_damaged_settings_file_in_a_zipped_brand_folder_is_named_and_the_rest_read(tmp_path):
    # costs.csv damaged: the whole zip failed; goals.yaml, after it, was read by nothing
    from smmanalytics.quality import side_file_error

    from ._zips import damaged

    folder = _small_brand(tmp_path)
    archive = damaged(_zip(folder, tmp_path / "whole.zip"), "brand/costs.csv", "cut",
                      tmp_path / "brand.zip")
    with pytest.warns(DataQualityWarning, match=": costs.csv: archive member cannot be "):
        ds = smm.load(archive, cache=False)
    assert len(ds.goals) and len(ds.posts) and ds.costs.empty
    assert "archive member cannot be extracted" in side_file_error(ds.quality, ("costs.csv",))
    assert "costs.csv" not in " ".join(ds.files["path"])    # settings files have no row
    assert set(ds.files["status"]) == {"ok"}


@pytest.mark.parametrize("archive_too", [False, True])
def test_a_report_survives_the_cache_cleared_after_the_load(tmp_path, monkeypatch,
                                                           archive_too):
    """The logo of a zipped brand folder is extracted to the cache folder: `smm cache clear`
    while the report ran failed it (FileNotFoundError: …/logos/<hash>.svg). Now it is read
    back from the archive; gone from there too, the report goes without it and says so."""
    from smmanalytics import _cache
    from smmanalytics.report import BrandReport

    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    svg = (SAMPLE / "logo.svg").read_text()
    archive = brand_zip(tmp_path / "brand.zip", "Europe/Paris", svg, 3)
    ds = smm.load(archive)
    assert ds.brand.logo.is_file()
    _cache.clear()                                   # another shell, meanwhile
    assert not ds.brand.logo.exists()
    if archive_too:
        archive.unlink()
    rep = BrandReport(ds, "2026-10")
    rep.quality_note()
    if archive_too:
        assert rep.logo is None and rep.to_json()["logo"] is None
        assert rep.logo_problem.startswith(f"the logo {ds.brand.logo} could not be read")
        assert "The logo named in brand.yaml does not exist" in str(rep.blocks)  # quality notes
    else:
        assert rep.logo == svg.encode() and rep.to_json()["logo"] == "logo.svg"
        assert rep.logo_problem is None
    assert rep.pdf_bytes().startswith(b"%PDF")


def _nested(export: Path, levels: int, dest: Path) -> Path:
    """``dest``: ``export`` zipped ``levels`` times over, each zip in the next (inner
    ``level<k>.zip``, the outermost ``dest`` itself)."""
    import io

    data, name = export.read_bytes(), export.name
    for k in range(levels, 0, -1):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(name, data)
        data, name = buf.getvalue(), f"level{k}.zip"
    dest.write_bytes(data)
    return dest


def test_a_zip_nested_too_deep_is_said_not_read_as_text(tmp_path):
    """Archives are opened 4 deep inside the one loaded. One deeper was read as the export it
    holds would be, its zip bytes as text: a cp1252 file "cut off" in its 4th line and a
    column named by the zip's header. It is now a file not read, with why. Counted by hand:
    5 zips around the export (the file loaded and level2-5) are 4 inside the loaded one, read;
    6 zips put level6.zip inside 5 archives (the file loaded and level2-5), not opened."""
    from smmanalytics.quality import unread_files

    export = SAMPLE / _FB
    read = smm.load(_nested(export, 5, tmp_path / "five.zip"), cache=False)
    assert len(read.posts) == len(smm.load(export, cache=False).posts) > 0
    deep = tmp_path / "six.zip"
    _nested(export, 6, deep)
    with pytest.warns(DataQualityWarning, match="nested more than 4 archives deep"):
        ds = smm.load(deep, cache=False)
    name = f"{deep}!level2.zip!level3.zip!level4.zip!level5.zip!level6.zip"
    assert list(unread_files(ds.quality)) == [name]
    assert ds.files.set_index("path").loc[name, "status"] == "failed"
    assert ds.posts.empty
    message = ds.quality.set_index("file").loc[name, "message"]
    assert "zip archive nested more than 4 archives deep: not opened" in message
    assert "got '5 archives around it'" in message
    assert not {"encoding_fallback", "file_cut_off"} & set(ds.quality["code"])
    with pytest.raises(ParseError, match="nested more than 4 archives deep"):
        smm.load(deep, cache=False, strict=True)
