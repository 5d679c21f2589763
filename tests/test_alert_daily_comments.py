"""A platform whose posts give no comments has them watched from its daily series (TikTok's
Overview): a TikTok brand without a Content export was told its comments were "absent from the
exports" with 88 days of them in its Overviews. Values read by hand from the fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import smmanalytics as smm
from smmanalytics._alert_signals import coverage, post_gaps, signals

TIKTOK = Path(__file__).parent / "fixtures" / "tiktok"
OVERVIEW = "Overview_2026-09-25_1790891174_maisonseve.zip"


def _load(tmp_path: Path, *names: str):
    for name in names:
        shutil.copy(TIKTOK / name, tmp_path)
    return smm.load(tmp_path, cache=False)


def test_an_overview_alone_gives_the_comments_signal(tmp_path):
    # Overview.csv's Comments, 25 September to 1 October: 0, 1, 0, 0, 0, 4, 6 (sum 11),
    # every day known (a 0 is a quiet day, not a missing one)
    ds = _load(tmp_path, OVERVIEW)
    sig = signals(ds)
    comments = sig[sig["signal"] == "comments"]
    assert comments["value"].tolist() == [0, 1, 0, 0, 0, 4, 6]
    assert comments["date"].dt.strftime("%m-%d").tolist() == [
        "09-25", "09-26", "09-27", "09-28", "09-29", "09-30", "10-01"]
    assert set(comments["source"]) == {"daily:comments"} and set(comments["day_tz"]) == {"UTC"}
    cov = coverage(ds, sig).set_index("signal")
    assert cov.at["comments", "status"] == "known" and cov.at["comments", "days"] == 7
    # no reach in TikTok's exports: the ratio stays unknown, and says why
    assert cov.at["comments_per_reach", "status"] == "unknown"


def test_the_posts_comments_stand_when_the_posts_give_them(tmp_path):
    """With the Content export, the comments are the posts' by publish day, as before: the
    daily series is not watched beside them (one comments signal per platform)."""
    ds = _load(tmp_path, OVERVIEW, "Content_maisonseve.zip")
    comments = signals(ds).query("signal == 'comments'")
    assert set(comments["source"]) == {"posts"}
    # Content.csv's three videos: 4 comments (posted 12 September), 1 (26 September) and 12
    # (30 September), one a day; not the Overview's 11 over 7 days
    assert comments["value"].tolist() == [4, 1, 12]
    assert comments["date"].dt.strftime("%m-%d").tolist() == ["09-12", "09-26", "09-30"]
    assert post_gaps(ds).query("signal == 'comments'").empty
