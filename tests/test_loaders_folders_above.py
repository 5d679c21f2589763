"""What a file's folders may say of it: those below the folder loaded (an analyst's
``brand/facebook/`` and ``brand/instagram/``), never those above it (an agency's
``~/fb_exports/<brand>/``, ``/srv/instagram-clients/<brand>/``).

Meta's daily charts, audience files and posts exports without rows name no platform in their
content: their name says it, or nothing does. pytest's ``tmp_path`` holds the test's name (and
a parameter's id): the tests and ids here name no platform, and :func:`above` checks it, so
that only the folders the test makes can say one.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.errors import DataQualityWarning, UnknownFormatError
from smmanalytics.loaders import inspect_files, read_file

from ._helpers import _codes

FIX = Path(__file__).parent / "fixtures"
#: a daily chart naming no platform: "Views", 1 520 and 980 views on 1 and 2 October 2026
VIEWS = FIX / "meta" / "Views_2026-10-31.csv"
#: an audience export (its blocks name no platform), renamed below to a name without one
AUDIENCE = FIX / "meta" / "facebook_Audience.csv"
#: folders above a brand's folder that name a platform, as agencies name them
AGENCY_FOLDERS = ["fb_exports", "instagram-clients", "IG", "Facebook pages"]
#: a word of a path that says a platform (as ``_tidy.facebook_or_instagram`` reads it)
_SAYS_ONE = re.compile(r"instagram|facebook|pinterest|(^|[^a-z])(ig|fb)([^a-z]|$)")


def above(tmp_path: Path, folder: str) -> Path:
    """The folder ``folder`` in ``tmp_path``, which must say no platform itself (else the test
    would pass or fail by its own name, not by the folder it makes)."""
    assert not _SAYS_ONE.search(str(tmp_path).lower()), tmp_path
    return tmp_path / folder


def _brand(tmp_path: Path, agency: str) -> Path:
    brand = above(tmp_path, agency) / "maison-seve"
    brand.mkdir(parents=True)
    return brand


def _views(path: Path, first: int) -> None:
    """Meta's daily chart ``Views`` at ``path`` (UTF-16, as Meta writes it), ``first`` views on
    1 October 2026 and the fixture's 980 on the 2nd: files of other bytes than the fixture's,
    which a folder's copies of it would be (read once, as duplicates)."""
    text = VIEWS.read_text(encoding="utf-16").replace('"1520"', f'"{first}"')
    path.write_text(text, encoding="utf-16", newline="")


def _platforms(df: pd.DataFrame) -> list:
    return df["platform"].astype("object").where(df["platform"].notna(), None).unique().tolist()


@pytest.mark.parametrize("agency", AGENCY_FOLDERS, ids=["a", "b", "c", "d"])
def test_a_daily_chart_takes_no_platform_from_a_folder_above_the_one_loaded(tmp_path, agency):
    # before: Facebook's (fb_exports, Facebook pages) or Instagram's (instagram-clients, IG),
    # its 1 520 + 980 views counted on the platform of the agency's folder, without a note
    brand = _brand(tmp_path, agency)
    shutil.copy(VIEWS, brand / "Views.csv")
    daily = smm.load(brand, cache=False).daily
    assert daily["value"].tolist() == [1520, 980]            # the fixture's two days
    assert _platforms(daily) == [None]
    q = smm.load(brand, cache=False).quality
    assert "platform_unknown" in q["code"].tolist()
    # loaded by itself, only the file's own name counts
    alone = read_file(brand / "Views.csv")[0]
    assert _platforms(alone) == [None] and "platform_unknown" in _codes(alone)
    assert _platforms(smm.load(brand / "Views.csv", cache=False).daily) == [None]


@pytest.mark.parametrize("agency", AGENCY_FOLDERS, ids=["a", "b", "c", "d"])
def test_an_audience_file_takes_no_platform_from_a_folder_above(tmp_path, agency):
    brand = _brand(tmp_path, agency)
    shutil.copy(AUDIENCE, brand / "Audience.csv")
    ds = smm.load(brand, cache=False)
    assert len(ds.audience) and _platforms(ds.audience) == [None]
    aud = read_file(brand / "Audience.csv")[0]
    assert _platforms(aud) == [None] and "platform_unknown" in _codes(aud)


def test_a_posts_export_without_rows_covers_no_platform_of_a_folder_above(tmp_path):
    # a Facebook posts export of a month without posts: its headers name no field only
    # Instagram's have, so only its name could say whose it is; the agency's "ig_exports"
    # made it Instagram's in the files table (an Instagram month covered by a Facebook file)
    brand = _brand(tmp_path, "ig_exports")
    header = (FIX / "meta" / "facebook_posts_2026-11-20.csv").read_text(
        encoding="utf-8-sig").splitlines()[0]
    (brand / "posts_2026-10-01_2026-10-31.csv").write_text(header + "\n", encoding="utf-8")
    files = smm.load(brand, cache=False).files
    assert files["status"].tolist() == ["ok"] and files["rows"].tolist() == [0]
    assert files["platform"].isna().all()
    (brand / "facebook").mkdir()
    (brand / "posts_2026-10-01_2026-10-31.csv").rename(
        brand / "facebook" / "posts_2026-10-01_2026-10-31.csv")
    assert smm.load(brand, cache=False).files["platform"].tolist() == ["facebook"]


def test_platform_subfolders_below_the_folder_loaded_still_decide(tmp_path):
    # brand/facebook/Views.csv and brand/instagram/Views.csv: the analyst's own sorting, below
    # the folder loaded, under an agency folder saying the other platform for one of them
    brand = _brand(tmp_path, "fb_exports")
    for platform, first in (("facebook", 100), ("instagram", 200)):
        (brand / platform).mkdir()
        _views(brand / platform / "Views.csv", first)
    daily = smm.load(brand, cache=False).daily
    by_platform = daily.groupby(daily["platform"].astype(str))["value"].sum()
    assert by_platform.to_dict() == {"facebook": 1080, "instagram": 1180}   # 100|200 + 980
    rows = inspect_files(brand)
    assert sorted(rows["platform"].tolist()) == ["facebook", "instagram"]
    # a list of the platform folders: each named after a platform, each file its platform's
    # (nobody's before: each file was named below its folder, Views.csv)
    listed = smm.load([brand / "facebook", brand / "instagram"], cache=False).daily
    by_platform = listed.groupby(listed["platform"].astype(str))["value"].sum()
    assert by_platform.to_dict() == {"facebook": 1080, "instagram": 1180}


@pytest.mark.parametrize(("folder", "platform"), [("instagram", "instagram"),
                                                  ("Instagram", "instagram"),
                                                  ("ig", "instagram"), ("IG", "instagram"),
                                                  ("facebook", "facebook"), ("fb", "facebook")],
                         ids=["a", "b", "c", "d", "e", "f"])
def test_a_platform_folder_loaded_itself_says_its_charts_platform(tmp_path, folder, platform):
    # brand/<platform>/Views.csv loaded as brand/<platform>: the chart's 1 520 + 980 views
    # were nobody's (platform_unknown) where loading brand made them the platform's; the
    # folder loaded counts when its whole name is a platform's, as one level down
    brand = _brand(tmp_path, "agency")
    (brand / folder).mkdir()
    shutil.copy(VIEWS, brand / folder / "Views.csv")
    ds = smm.load(brand / folder, cache=False)
    assert ds.daily["value"].tolist() == [1520, 980]
    assert _platforms(ds.daily) == [platform]
    assert "platform_unknown" not in ds.quality["code"].tolist()
    assert _platforms(smm.load(brand, cache=False).daily) == [platform]     # as one level down
    assert inspect_files(brand / folder)["platform"].tolist() == [platform]
    # zipped as the folder (instagram.zip!instagram/Views.csv), the same
    archive = _zip(above(tmp_path, "z") / f"{folder}.zip", {f"{folder}/Views.csv": VIEWS},
                   folder=folder)
    assert _platforms(smm.load(archive, cache=False).daily) == [platform]


def test_a_folder_loaded_only_holding_a_platforms_name_says_nothing(tmp_path):
    # fb_exports or "Facebook pages" loaded itself: a folder of an agency, not a platform's
    brand = _brand(tmp_path, "agency")
    for folder in ("fb_exports", "Facebook pages", "instagram-clients"):
        (brand / folder).mkdir()
        shutil.copy(VIEWS, brand / folder / "Views.csv")
        assert _platforms(smm.load(brand / folder, cache=False).daily) == [None]


def test_a_zip_member_keeps_its_path_in_the_archive(tmp_path):
    brand = _brand(tmp_path, "Facebook pages")
    _views(tmp_path / "ig.csv", 200)
    with zipfile.ZipFile(brand / "exports.zip", "w") as zf:
        zf.write(tmp_path / "ig.csv", "instagram/Views.csv")
        zf.write(VIEWS, "other/Views.csv")
    daily = smm.load(brand, cache=False).daily
    unknown = daily["platform"].isna()
    assert daily.loc[unknown, "value"].sum() == 2500                     # 1 520 + 980
    assert _platforms(daily[~unknown]) == ["instagram"]
    assert daily.loc[~unknown, "value"].sum() == 1180                    # 200 + 980


def test_inspect_files_reads_the_platform_as_load_does(tmp_path):
    brand = _brand(tmp_path, "instagram-clients")
    shutil.copy(VIEWS, brand / "Views.csv")
    assert inspect_files(brand)["platform"].tolist() == ["unknown"]     # was "instagram"


def test_the_cache_keys_a_file_by_its_name_below_the_folder_loaded(tmp_path, monkeypatch):
    # the same path, bytes and time, loaded as brand (Facebook's, by its subfolder fb_exports)
    # and as brand/fb_exports (nobody's: a folder loaded counts only named a platform whole):
    # neither load is served the other's entry
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    brand = _brand(tmp_path, "agency")
    (brand / "fb_exports").mkdir()
    shutil.copy(VIEWS, brand / "fb_exports" / "Views.csv")
    for _ in range(2):                           # the second time, from the cache
        assert _platforms(smm.load(brand).daily) == ["facebook"]
        assert _platforms(smm.load(brand / "fb_exports").daily) == [None]
        assert _platforms(smm.load(brand).daily) == ["facebook"]


def test_a_pin_folder_above_the_brand_does_not_make_a_file_the_pin_sites(tmp_path):
    # "Date,Impressions" is Pinterest's only when its name says so; an agency folder
    # "pinterest_clients" above the brand's said it of every such file
    brand = _brand(tmp_path, "pinterest_clients")
    (brand / "overview.csv").write_text("Date,Impressions\n2026-10-01,5\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError):
        read_file(brand / "overview.csv")
    with pytest.warns(DataQualityWarning, match="overview.csv: not understood"):
        assert smm.load(brand, cache=False).files["status"].tolist() == ["failed"]
    (brand / "pinterest").mkdir()
    (brand / "overview.csv").rename(brand / "pinterest" / "overview.csv")
    ds = smm.load(brand, cache=False)
    assert ds.files["platform"].tolist() == ["pinterest"] and ds.daily["value"].tolist() == [5]


# ------------------------------------------------------------------ a zipped brand folder

def _zip(path: Path, members: dict[str, bytes | Path], folder: str | None = None) -> Path:
    """The zip archive ``path`` of ``members`` (name → bytes, or a file to copy), with the
    entry of the ``folder`` holding them first, as zipping a folder writes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        if folder is not None:
            zf.writestr(f"{folder}/", b"")
        for name, data in members.items():
            zf.writestr(name, data.read_bytes() if isinstance(data, Path) else data)
    return path


def _zipped(members: dict[str, bytes | Path]) -> bytes:
    """The bytes of a zip archive of ``members``, to put inside another."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data.read_bytes() if isinstance(data, Path) else data)
    return out.getvalue()


@pytest.mark.parametrize("agency", [a for a in AGENCY_FOLDERS if a != "IG"],
                         ids=["a", "b", "d"])
def test_a_zipped_brand_folder_takes_no_platform_from_its_own_folder(tmp_path, agency):
    # "IG" is left out: a zipped folder named after a platform, whole, is that platform's
    # (test_a_platform_folder_loaded_itself_says_its_charts_platform)
    # fb_exports.zip holding fb_exports/Views.csv loads as the folder fb_exports would: before,
    # its members were named "fb_exports/Views.csv" below the archive, and the chart's
    # 1 520 + 980 views were Facebook's (or Instagram's), without a note
    archive = _zip(above(tmp_path, "z") / f"{agency}.zip", {f"{agency}/Views.csv": VIEWS},
                   folder=agency)
    ds = smm.load(archive, cache=False)
    assert ds.daily["value"].tolist() == [1520, 980]                 # the fixture's two days
    assert _platforms(ds.daily) == [None]
    assert "platform_unknown" in ds.quality["code"].tolist()
    # as the folder itself loads
    shutil.copy(VIEWS, _brand(tmp_path, agency) / "Views.csv")
    assert _platforms(smm.load(tmp_path / agency / "maison-seve", cache=False).daily) == [None]
    # inspect (and `smm inspect`) and read_file say the same
    assert inspect_files(archive)["platform"].tolist() == ["unknown"]
    alone = read_file(archive)[0]
    assert _platforms(alone) == [None] and "platform_unknown" in _codes(alone)


def test_platform_subfolders_in_a_zipped_brand_folder_still_decide(tmp_path):
    # brand.zip!fb_exports/{facebook,instagram}/Views.csv: the analyst's folders below the
    # brand's count, in the archive as on disk
    _views(tmp_path / "a.csv", 100)
    _views(tmp_path / "b.csv", 200)
    archive = _zip(above(tmp_path, "z") / "fb_exports.zip",
                   {"fb_exports/facebook/Views.csv": tmp_path / "a.csv",
                    "fb_exports/instagram/Views.csv": tmp_path / "b.csv"})
    daily = smm.load(archive, cache=False).daily
    by_platform = daily.groupby(daily["platform"].astype(str))["value"].sum()
    assert by_platform.to_dict() == {"facebook": 1080, "instagram": 1180}   # 100|200 + 980
    assert sorted(inspect_files(archive)["platform"].tolist()) == ["facebook", "instagram"]


def test_a_zip_without_one_folder_keeps_its_members_paths(tmp_path):
    # no brand folder in the archive (two top folders): each member's path in it counts whole
    _views(tmp_path / "b.csv", 200)
    archive = _zip(above(tmp_path, "z") / "exports.zip",
                   {"instagram/Views.csv": tmp_path / "b.csv", "other/Views.csv": VIEWS})
    daily = smm.load(archive, cache=False).daily
    unknown = daily["platform"].isna()
    assert daily.loc[unknown, "value"].sum() == 2500                     # 1 520 + 980
    assert _platforms(daily[~unknown]) == ["instagram"]
    assert daily.loc[~unknown, "value"].sum() == 1180                    # 200 + 980


def test_an_export_zip_in_a_zipped_brand_folder_is_named_below_the_brand(tmp_path):
    # fb_exports.zip!fb_exports/export.zip!Views.csv: nobody's (the brand folder said Facebook
    # before); the inner archive's own folders are below the brand's, and count
    _views(tmp_path / "b.csv", 200)
    inner = _zipped({"Views.csv": VIEWS})
    sorted_inner = _zipped({"instagram/Views.csv": tmp_path / "b.csv"})
    archive = _zip(above(tmp_path, "z") / "fb_exports.zip",
                   {"fb_exports/export.zip": inner, "fb_exports/sorted.zip": sorted_inner})
    daily = smm.load(archive, cache=False).daily
    unknown = daily["platform"].isna()
    assert daily.loc[unknown, "value"].sum() == 2500                     # 1 520 + 980
    assert _platforms(daily[~unknown]) == ["instagram"]
    assert daily.loc[~unknown, "value"].sum() == 1180                    # 200 + 980


def test_a_pin_named_zipped_brand_folder_does_not_make_a_file_the_pin_sites(tmp_path):
    # "Date,Impressions" in pinterest_clients.zip!pinterest_clients/: the archive's name and
    # its brand folder said Pinterest before; its pinterest/ subfolder still does
    overview = b"Date,Impressions\n2026-10-01,5\n"
    z = above(tmp_path, "z")
    plain = _zip(z / "pinterest_clients.zip", {"pinterest_clients/overview.csv": overview})
    with pytest.warns(DataQualityWarning, match="overview.csv: not understood"):
        assert smm.load(plain, cache=False).files["status"].tolist() == ["failed"]
    sorted_ = _zip(z / "sorted" / "pinterest_clients.zip",
                   {"pinterest_clients/pinterest/overview.csv": overview})
    ds = smm.load(sorted_, cache=False)
    assert ds.files["platform"].tolist() == ["pinterest"] and ds.daily["value"].tolist() == [5]


def test_the_cache_keys_a_zip_member_by_its_name_below_the_folder_loaded(tmp_path,
                                                                         monkeypatch):
    # the same archive, given itself (its folder fb_exports is the brand's: nobody's) and
    # found in the folder loaded (fb_exports.zip is the analyst's, below it: Facebook's, as
    # a subfolder fb_exports/ would be): neither load is served the other's entry
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    brand = _brand(tmp_path, "agency")
    archive = _zip(brand / "fb_exports.zip", {"fb_exports/Views.csv": VIEWS})
    for _ in range(2):                           # the second time, from the cache
        assert _platforms(smm.load(archive).daily) == [None]
        assert _platforms(smm.load(brand).daily) == ["facebook"]
        assert _platforms(smm.load(archive).daily) == [None]
