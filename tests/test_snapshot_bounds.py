"""Which of two exports holding the same posts is newer when a file's name or date lies: an
export cannot have been made before its latest post was published (reviewer s57R2)."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smmanalytics as smm

from ._helpers import ig_posts

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"


def _modified(path: Path, when: str) -> Path:
    """``path`` with its modification time set to ``when`` (UTC)."""
    t = pd.Timestamp(when, tz="UTC").timestamp()
    os.utime(path, (t, t))
    return path


def _quality(ds, code: str) -> pd.DataFrame:
    return ds.quality[ds.quality["code"] == code]


def _reach(path: Path) -> int:
    """The sum of a French Facebook posts export's ``Couverture`` column, read as written."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return sum(int(row["Couverture"]) for row in csv.DictReader(f))


def test_a_re_export_named_for_its_period_s_first_day_wins_over_the_older(tmp_path):
    """The sample's October Facebook posts, exported on 2 November (Meta's name) and on 15
    November, that one saved as ``Insights_2026-10-01.csv`` (the period's first day, copied on
    2026-12-07). 15 of its 16 posts are published after 2026-10-02 07:00 UTC (the end of the
    name's day, Meta's zone), the last 2026-10-27 18:52 UTC: the name's date is wrong, said so,
    and the file's time a guess, between that post and the copy. The 2 November export is
    stated (2026-11-03 08:00 UTC), within those bounds; the 15 November export's figures are
    as large or larger for each of the 16 posts: its are kept. October reach, the sum of the
    15 November file's ``Couverture``: 69,458 (the 2 November file's: 68,039, what came)."""
    older = SAMPLE / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv"
    newer = SAMPLE / "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv"
    (tmp_path / older.name).write_bytes(older.read_bytes())
    renamed = tmp_path / "Insights_2026-10-01.csv"
    renamed.write_bytes(newer.read_bytes())
    _modified(renamed, "2026-12-07 13:23")
    assert (_reach(renamed), _reach(older)) == (69_458, 68_039)
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["reach"].sum() == 69_458
    assert set(ds.posts["source_file"].map(lambda f: Path(f).name)) == {renamed.name}
    assert (ds.posts["published_at"] <= ds.posts["snapshot_at"]).all()
    assert _quality(ds, "published_after_export").empty
    [wrong] = _quality(ds, "snapshot_before_posts")["message"]
    assert wrong == ("the date its name gives, 2026-10-02 07:00 UTC, is before its latest "
                     "post, published 2026-10-27 18:52 UTC: an export cannot hold a post "
                     "published after it, so that date is wrong and was not taken as the "
                     "export's")
    [figures] = _quality(ds, "snapshot_newer_by_figures")[["message", "rows"]].itertuples(
        index=False)
    assert figures.rows == 16
    assert figures.message.startswith(f"16 posts also in {older.name}, exported 2026-11-03 "
                                      "08:00 UTC; this file's export time is not known")


def test_a_renamed_export_holding_a_later_post_wins_over_a_dated_one(tmp_path):
    """The reviewer's ``guessed_vs_known``: post A (published 08/18/2026 03:23 Pacific) in the
    export of 2026-09-08 with 10 likes (reach 10 × 10 = 100), and in ``export (2).csv``
    (modified 2026-12-07 12:00) with 12 likes (reach 120, reactions 12), beside post B
    published 10/30/2026 09:00 Pacific (16:00 UTC). ``export (2).csv`` was made after
    2026-10-30 16:00 UTC, after the dated export's 2026-09-09 07:00: its figures win (reach
    100 before), its snapshot the file's time for both posts."""
    ig_posts(tmp_path / "instagram_posts_2026-08-01_2026-08-31_2026-09-08.csv",
             [("166373527273611217", "08/18/2026 03:23", 10, 2, 1, 3)])
    _modified(ig_posts(tmp_path / "export (2).csv",
                       [("166373527273611217", "08/18/2026 03:23", 12, 2, 1, 3),
                        ("177373527273611217", "10/30/2026 09:00", 5, 2, 1, 3)]),
              "2026-12-07 12:00")
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert posts.loc["166373527273611217", "reach"] == 120
    assert posts.loc["166373527273611217", "reactions"] == 12
    assert set(posts["snapshot_at"]) == {pd.Timestamp("2026-12-07 12:00", tz="UTC")}
    assert _quality(ds, "snapshot_merged_guessed").empty
    [merged] = _quality(ds, "snapshot_merged")["file"]
    assert Path(merged).name == "instagram_posts_2026-08-01_2026-08-31_2026-09-08.csv"


def test_figures_that_do_not_tell_keep_the_dated_export_s_and_say_so(tmp_path):
    """``export.csv`` (modified 2026-12-01, its latest post 2026-08-20) and the export named
    2026-09-08 (2026-09-09 07:00 UTC, Meta's zone) hold posts A and B: the dated export's time
    is between the other's latest post and its modification time, so the times do not tell
    which is newer. A has 12 likes in ``export.csv`` against 10, B 8 against 9: some larger,
    some smaller, the figures do not tell either. The dated export's are kept (A's reach
    10 × 10 = 100), and that is said once, naming both posts."""
    posts = [("A1", "08/18/2026 03:23"), ("B1", "08/20/2026 03:23")]
    def rows(likes):
        return [(p, at, n, 2, 1, 3) for (p, at), n in zip(posts, likes, strict=True)]

    ig_posts(tmp_path / "instagram_posts_2026-08-01_2026-08-31_2026-09-08.csv", rows((10, 9)))
    _modified(ig_posts(tmp_path / "export.csv", rows((12, 8))), "2026-12-01 00:00")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts.set_index("post_id")["reach"].to_dict() == {"A1": 100, "B1": 90}
    [note] = _quality(ds, "snapshot_unordered")[["rows", "level", "message"]].itertuples(
        index=False)
    assert (note.rows, note.level) == (2, "warning")
    assert "some larger, some smaller" in note.message


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.one_of(st.sampled_from(["export (2).csv", "Insights.csv", "posts.csv"]),
                      st.dates(pd.Timestamp("2025-01-01").date(),
                               pd.Timestamp("2026-09-08").date()).map(
                          lambda d: f"Insights_{d:%Y-%m-%d}.csv")),
       modified=st.datetimes(pd.Timestamp("2025-01-01").to_pydatetime(),
                             pd.Timestamp("2026-12-06").to_pydatetime()),
       older_likes=st.integers(0, 1000), newer_likes=st.integers(0, 1000))
def test_the_export_whose_posts_prove_it_newest_wins(name, modified, older_likes,
                                                     newer_likes):
    """Whatever the newer export's name (no date, or a date up to the older export's) and
    modification time, and whatever the figures: it holds a post published 2026-10-30, after
    the older export's 2026-09-09 07:00 UTC, so its figures of the post both hold win (reach
    10 × its likes), and no post's snapshot is before its publication."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        ig_posts(root / "instagram_posts_2026-08-01_2026-08-31_2026-09-08.csv",
                 [("A1", "08/18/2026 03:23", older_likes, 2, 1, 3)])
        _modified(ig_posts(root / name, [("A1", "08/18/2026 03:23", newer_likes, 2, 1, 3),
                                         ("B1", "10/30/2026 09:00", 5, 2, 1, 3)]),
                  str(modified))
        ds = smm.load(root, cache=False)
    posts = ds.posts.set_index("post_id")
    assert posts.loc["A1", "reach"] == 10 * newer_likes
    assert Path(posts.loc["A1", "source_file"]).name == name
    assert (ds.posts["published_at"] <= ds.posts["snapshot_at"]).all()
