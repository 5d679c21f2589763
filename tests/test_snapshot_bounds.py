"""Which of two exports holding the same posts is newer when a file's name or date lies: an
export cannot have been made before its latest post was published (reviewer s57R2)."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics.loaders import read_file
from smmanalytics.loaders._snapshot import _day_end

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


#: the two posts of the undated exports below: A1 of 09/10/2026 03:23 Pacific (10:23 UTC),
#: B1 of 10/30/2026 09:00 Pacific (16:00 UTC)
_A1 = ("A1", "09/10/2026 03:23")
_B1 = ("B1", "10/30/2026 09:00")


def _undated(path: Path, likes: int, modified: str, october: bool = True) -> Path:
    """An undated Instagram export at ``path``, modified at ``modified`` (UTC): A1 with
    ``likes`` (reach 10 × likes), and B1 with 5 likes if it holds ``october``'s post."""
    posts = [(*_A1, likes, 2, 1, 3)] + ([(*_B1, 5, 2, 1, 3)] if october else [])
    return _modified(ig_posts(path, posts), modified)


def test_of_two_undated_exports_the_one_modified_last_wins_against_an_earlier_post(tmp_path):
    """The reviewer's ``two_guessed`` (s57DC): ``export.csv`` holds A1 (10 likes) and B1
    (published 2026-10-30 16:00 UTC), modified 2026-11-01 08:00; ``export (2).csv`` holds A1
    alone (14 likes), downloaded later, modified 2026-11-20 08:00. B1 proves only that
    ``export.csv`` was made after 30 October, not that it is newer than an export modified on
    20 November: the later modification time wins, A1's reach 10 × 14 = 140 (100 before, with
    a note saying ``export.csv`` was modified last)."""
    _undated(tmp_path / "export.csv", 10, "2026-11-01 08:00")
    _undated(tmp_path / "export (2).csv", 14, "2026-11-20 08:00", october=False)
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert posts["reach"].to_dict() == {"A1": 140, "B1": 50}
    assert Path(posts.loc["A1", "source_file"]).name == "export (2).csv"
    [(file, message)] = _quality(ds, "snapshot_merged_guessed")[["file", "message"]].itertuples(
        index=False)
    assert Path(file).name == "export.csv"
    assert message == ("1 post also in export (2).csv, whose figures were kept: neither file "
                       "says when it was exported, and export (2).csv was modified last "
                       "(2026-11-20 08:00 UTC; this file 2026-11-01 08:00 UTC)")
    assert _quality(ds, "snapshot_newer_by_figures").empty


def test_of_two_undated_exports_larger_figures_win_over_a_later_copy(tmp_path):
    """``export.csv`` (A1 with 14 likes, B1 of 2026-10-30 16:00 UTC, modified 2026-11-01
    08:00) and ``export (2).csv``, a copy of an older September export made on 2026-11-20
    (A1 with 10 likes). Their times do not tell (``export (2).csv``'s latest post, 09-10, is
    before the other's modification, and B1 before its own): lifetime figures only grow, so
    ``export.csv``'s are kept, A1's reach 10 × 14 = 140 (the copy's 100 by its later time),
    and both notes say why."""
    _undated(tmp_path / "export.csv", 14, "2026-11-01 08:00")
    _undated(tmp_path / "export (2).csv", 10, "2026-11-20 08:00", october=False)
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert posts["reach"].to_dict() == {"A1": 140, "B1": 50}
    [figures] = _quality(ds, "snapshot_newer_by_figures")[["file", "rows", "message"]
                                                          ].itertuples(index=False)
    assert (Path(figures.file).name, figures.rows) == ("export.csv", 1)
    assert figures.message.startswith("1 post also in export (2).csv; neither file says when "
                                      "it was exported (modified 2026-11-20 08:00 UTC, this "
                                      "file 2026-11-01 08:00 UTC), but this file's figures")
    [merged] = _quality(ds, "snapshot_merged_guessed")["message"]
    assert merged == ("1 post also in export.csv, whose figures were kept: neither file says "
                      "when it was exported, and export.csv's figures are as large or larger, "
                      "lifetime figures only growing (modified 2026-11-01 08:00 UTC; this file "
                      "2026-11-20 08:00 UTC)")


def test_of_two_undated_exports_a_post_after_the_other_s_modification_wins(tmp_path):
    """``export (2).csv`` holds B1, published 2026-10-30 16:00 UTC, after ``export.csv`` was
    modified (12:00 that day), though its own modification time, 10:00, is earlier (a clock
    within the day's margin of the post): it is the newer, A1's reach 10 × 12 = 120."""
    _undated(tmp_path / "export.csv", 10, "2026-10-30 12:00", october=False)
    _undated(tmp_path / "export (2).csv", 12, "2026-10-30 10:00")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts.set_index("post_id")["reach"].to_dict() == {"A1": 120, "B1": 50}
    [merged] = _quality(ds, "snapshot_merged_guessed")["message"]
    assert merged.endswith("neither file says when it was exported, and export (2).csv holds a "
                           "post published 2026-10-30 16:00 UTC, after this file was modified "
                           "(2026-10-30 12:00 UTC)")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(october=st.tuples(st.booleans(), st.booleans()), older_first=st.booleans(),
       hours=st.tuples(*[st.integers(0, 1500)] * 4), likes=st.integers(0, 1000),
       growth=st.integers(0, 1000))
def test_of_two_undated_exports_the_later_s_figures_win(october, older_first, hours, likes,
                                                         growth):
    """Two undated exports, each made at a time after its latest post (B1 where it holds
    October's, else A1), the newer ``hours[1]`` + 1 hours after the older, and each modified
    (downloaded, copied) some hours after it was made; A1 has ``likes`` in the older and
    ``likes + growth`` in the newer, lifetime figures only growing. Whatever the names and
    times, A1's reach is 10 × the newer's likes (the older's when they are equal: the same),
    and no post's snapshot is before its publication."""
    latest = {True: pd.Timestamp("2026-10-30 16:00", tz="UTC"),
              False: pd.Timestamp("2026-09-10 10:23", tz="UTC")}
    hour = pd.Timedelta(hours=1)
    made_older = latest[october[0]] + hours[0] * hour
    made_newer = max(made_older + (hours[1] + 1) * hour, latest[october[1]])
    names = ["export.csv", "export (2).csv"] if older_first else ["export (2).csv", "export.csv"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _undated(root / names[0], likes, str(made_older + hours[2] * hour), october[0])
        _undated(root / names[1], likes + growth, str(made_newer + hours[3] * hour), october[1])
        ds = smm.load(root, cache=False)
    assert ds.posts.set_index("post_id").loc["A1", "reach"] == 10 * (likes + growth)
    assert (ds.posts["published_at"] <= ds.posts["snapshot_at"]).all()


def _follows(path: Path, days: range) -> Path:
    """A Meta ``Facebook follows`` daily export (reference §1.1: ``sep=,``, the metric's
    name, ``"Date","Primary"``), UTF-8 here, of October 2026's ``days``, day d's value d."""
    rows = "".join(f'"2026-10-{d:02d}T00:00:00","{d}"\n' for d in days)
    path.write_text(f'sep=,\n"Facebook follows"\n"Date","Primary"\n{rows}', encoding="utf-8")
    return path


def test_a_daily_file_named_before_its_own_rows_is_dated_by_its_latest_row(tmp_path):
    """``Facebook follows_2026-10-02.csv`` holds 1 to 5 October: its name's day is before 3
    of its days, which an export cannot hold. It was taken as exported at the end of
    2 October and its rows of 3-5 October called "a date misread?"; the rows' latest day
    wins (as a post published after a name's date does): the end of 5 October in Meta's
    zone, 2026-10-06 00:00 PDT = 07:00 UTC, noted with the name's date and the row."""
    path = _modified(_follows(tmp_path / "Facebook follows_2026-10-02.csv", range(1, 6)),
                     "2026-11-20")
    (df,) = read_file(path)
    assert df["snapshot_at"].unique().tolist() == [pd.Timestamp("2026-10-06 07:00", tz="UTC")]
    codes = [q["code"] for q in df.attrs["quality"]]
    assert "dated_after_export" not in codes
    [note] = [q["message"] for q in df.attrs["quality"] if q["code"] == "snapshot_before_days"]
    assert note == ("the date its name gives, 2026-10-02, is before its latest row, 2026-10-05 "
                    "(follows), and its rows of 3 days come after it: an export cannot hold a "
                    "day after it was made, so that date is wrong; the export was taken as "
                    "made at the end of 2026-10-05 (America/Los_Angeles)")
    assert df["value"].tolist() == [1, 2, 3, 4, 5]          # no row dropped


def test_a_daily_file_named_on_its_last_day_keeps_its_name_s_date(tmp_path):
    """The same file named for its last day, 5 October: the name is kept (end of 5 October
    PDT, 07:00 UTC on the 6th), with no note."""
    path = _follows(tmp_path / "Facebook follows_2026-10-05.csv", range(1, 6))
    (df,) = read_file(path)
    assert df["snapshot_at"].unique().tolist() == [pd.Timestamp("2026-10-06 07:00", tz="UTC")]
    assert "snapshot_before_days" not in [q["code"] for q in df.attrs["quality"]]


def test_a_lifetime_figure_smaller_in_the_newer_dated_export_is_noted(tmp_path):
    """Two dated exports of posts A and B (Meta's names: exported 2 and 9 September): A's
    likes go from 10 down to 8 in the newer one (a recount, or a misread cell), B's from 9
    up to 11. The newer export's figures are kept (A's reach 10 × 8 = 80), as before, and a
    note names the file, the older file, A and every figure of it that dropped, in the
    table's order: views 20 × 10 = 200 → 20 × 8 = 160, reach 10 × 10 = 100 → 80, likes
    (reactions) 10 → 8, interactions 10 + 2 + 1 + 3 = 16 → 14 (the note named views alone
    before): 1 post; B, which grew, is not in it."""
    posts = [("A1", "08/18/2026 03:23"), ("B1", "08/20/2026 03:23")]
    def rows(likes):
        return [(p, at, n, 2, 1, 3) for (p, at), n in zip(posts, likes, strict=True)]

    ig_posts(tmp_path / "instagram_posts_2026-08-01_2026-08-31_2026-09-02.csv", rows((10, 9)))
    ig_posts(tmp_path / "instagram_posts_2026-08-01_2026-08-31_2026-09-09.csv", rows((8, 11)))
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts.set_index("post_id")["reach"].to_dict() == {"A1": 80, "B1": 110}
    [note] = _quality(ds, "lifetime_figure_dropped").itertuples(index=False)
    assert note.file.endswith("instagram_posts_2026-08-01_2026-08-31_2026-09-09.csv")
    assert (note.rows, note.level) == (1, "warning")
    assert note.message == (
        "1 post has lifetime figures smaller than in the older export "
        "instagram_posts_2026-08-01_2026-08-31_2026-09-02.csv (post A1: views 200 → 160, "
        "reach 100 → 80, reactions 10 → 8, interactions 16 → 14): lifetime figures only "
        "grow, so the platform recounted them or a cell was misread; this newer export's "
        "figures were kept")


def test_every_figure_that_dropped_is_named_post_by_post_up_to_five(tmp_path):
    """Seven posts whose likes drop by 1 in the newer export (10 → 9, … 16 → 15) and an
    eighth whose saves alone drop (3 → 2): each of the seven has views (20 × likes), reach
    (10 × likes), reactions and interactions (likes + 2 + 1 + 3) dropped; the note names the
    first five posts in the rows' order with their four figures, then "3 posts more" (the
    sixth to the eighth); 8 posts counted."""
    posts = [(f"P{k}", f"08/{10 + k:02d}/2026 03:23") for k in range(8)]
    old = [(p, at, 10 + k, 2, 1, 3) for k, (p, at) in enumerate(posts)]
    new = [(p, at, likes - (k < 7), c, sh, sv - (k == 7))
           for k, (p, at, likes, c, sh, sv) in enumerate(old)]
    ig_posts(tmp_path / "instagram_posts_2026-08-01_2026-08-31_2026-09-02.csv", old)
    ig_posts(tmp_path / "instagram_posts_2026-08-01_2026-08-31_2026-09-09.csv", new)
    ds = smm.load(tmp_path, cache=False)
    [note] = _quality(ds, "lifetime_figure_dropped").itertuples(index=False)
    assert note.rows == 8
    shown = "; ".join(f"post P{k}: views {20 * (10 + k)} → {20 * (9 + k)}, reach "
                      f"{10 * (10 + k)} → {10 * (9 + k)}, reactions {10 + k} → {9 + k}, "
                      f"interactions {16 + k} → {15 + k}" for k in range(5))
    assert note.message.startswith(
        "8 posts have lifetime figures smaller than in the older export "
        f"instagram_posts_2026-08-01_2026-08-31_2026-09-02.csv ({shown}; and 3 posts more): ")


@pytest.mark.parametrize(("zone", "day", "end_utc"), [
    # Santiago springs forward at midnight: 2026-09-06 begins at 01:00 -03, which is
    # 2026-09-05 24:00 -04 = 04:00 UTC
    ("America/Santiago", "2026-09-05", "2026-09-06 04:00"),
    # Havana springs forward at midnight: 2026-03-08 begins at 01:00 -04 = 05:00 UTC
    ("America/Havana", "2026-03-07", "2026-03-08 05:00"),
    # Havana falls back from 01:00 -04 to 00:00 -05: 00:00 comes twice, the first
    # (00:00 -04 = 04:00 UTC) ends 2026-10-31
    ("America/Havana", "2026-10-31", "2026-11-01 04:00"),
    # Santiago falls back at midnight to 23:00 -04: the next day begins at 00:00 -04
    ("America/Santiago", "2026-04-04", "2026-04-05 04:00"),
    # a zone whose clocks change at 02:00: midnight CET = 23:00 UTC
    ("Europe/Paris", "2026-03-28", "2026-03-28 23:00"),
])
def test_a_day_ends_where_the_next_begins_when_clocks_change_at_midnight(zone, day, end_utc):
    """The end of a day is the first instant of the next, whatever its first local time: a
    plain tz_localize raised ValueError on Santiago's and Havana's skipped midnight
    (reviewer s58DA, r5)."""
    assert _day_end(pd.Timestamp(day), zone) == pd.Timestamp(end_utc, tz="UTC")
