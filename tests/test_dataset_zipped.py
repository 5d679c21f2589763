"""A zipped brand folder (an agency receives maison-seve.zip by email) loads as the folder."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pandas as pd

import smmanalytics as smm

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


def _named_as_in(df: pd.DataFrame, column: str, archive_folder: str, folder: Path
                 ) -> pd.DataFrame:
    """``df`` with the archive's prefix of ``column`` (``x.zip!brand/``) made the folder's."""
    if column not in df.columns:
        return df
    names = df[column].astype("string").str.replace(f"{archive_folder}/", f"{folder}/",
                                                   regex=False)
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
