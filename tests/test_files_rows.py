"""The files table's ``rows`` (the report's Provenance "Rows") are the rows of the file, not
those of the long daily table: a 31-row Overview.csv of 5 metrics read 155."""

from __future__ import annotations

import shutil
from pathlib import Path

import smmanalytics as smm

TIKTOK = Path(__file__).parent / "fixtures" / "tiktok"


def test_a_daily_file_counts_its_days_and_a_posts_file_its_posts(tmp_path):
    for name in ("Overview_2026-09-25_1790891174_maisonseve.zip", "Content_maisonseve.zip"):
        shutil.copy(TIKTOK / name, tmp_path)
    ds = smm.load(tmp_path, cache=False)
    rows = ds.files.set_index(ds.files["path"].str.rsplit("!", n=1).str[-1])["rows"]
    # Overview.csv: 7 days (25 September to 1 October) × 5 metrics, 35 daily rows stored
    assert rows["Overview.csv"] == 7
    assert (ds.daily["platform"] == "tiktok").sum() == 35
    # Content.csv: 3 videos, a row each
    assert rows["Content.csv"] == 3
