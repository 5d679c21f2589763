"""YouTube Studio tables give figures over a date range, not lifetime: two months' exports of a
video add up, ranges within the others kept are set aside, of partly overlapping ranges those
covering the most days of the video's life are kept (the others warned of). Values computed by
hand in the comments."""

from __future__ import annotations

import csv
import io
import zipfile
from itertools import combinations, pairwise
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import schema
from smmanalytics._ranges import combine_ranges
from smmanalytics.loaders import read_file
from smmanalytics.quality import QualityLog

HEADER = ["Content", "Video title", "Video publish time", "Duration", "Likes", "Shares",
          "Comments added", "Views", "Watch time (hours)", "Average view duration",
          "Subscribers", "Thumbnail impressions", "Thumbnail click-through rate (%)",
          "Average percentage viewed (%)"]
SEP_VIDEO = ["AAAAAAAAAAA", "Sept video", "Sep 10, 2026", "600"]
OCT_VIDEO = ["BBBBBBBBBBB", "Oct video", "Oct 5, 2026", "600"]
# likes, shares, comments, views, watch hours, average view, subscribers, impressions, CTR %,
# percentage viewed %: the September video over September, then over October
SEP_IN_SEP = ["100", "10", "10", "1000", "50.0", "0:03:00", "10", "10000", "5.0", "40.0"]
SEP_IN_OCT = ["20", "1", "1", "200", "5.0", "0:01:30", "1", "5000", "2.0", "25.0"]
OCT_IN_OCT = ["50", "3", "5", "500", "7.5", "0:00:54", "2", "8000", "4.0", "30.0"]


def _zip(folder: Path, span: str, rows: list[list[str]], exported: tuple,
         prefix: str = "Content") -> Path:
    """A Studio zip ``<prefix> <span> Maison Sève.zip`` (``span`` None: a name without one)
    whose Table data has a Total row and ``rows``, its member stamped ``exported``."""
    out = io.StringIO()
    total = ["Total", "", "", ""] + [""] * (len(HEADER) - 4)
    csv.writer(out, lineterminator="\n").writerows([HEADER, total, *rows])
    name = f"{prefix} {span} Maison Sève.zip" if span else f"{prefix}.zip"
    path = folder / name
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("Table data.csv", date_time=exported), out.getvalue())
    return path


def _months(folder: Path, sep_exported=(2026, 10, 1, 9, 0, 0),
            oct_exported=(2026, 11, 1, 9, 0, 0)) -> tuple[Path, Path]:
    sep = _zip(folder, "2026-09-01_2026-09-30", [SEP_VIDEO + SEP_IN_SEP], sep_exported)
    octo = _zip(folder, "2026-10-01_2026-10-31", [SEP_VIDEO + SEP_IN_OCT,
                                                   OCT_VIDEO + OCT_IN_OCT], oct_exported)
    return sep, octo


def _notes(ds, code: str) -> pd.DataFrame:
    q = ds.quality
    return q[q["code"] == code]


def _video(ds, post_id: str) -> pd.Series:
    return ds.posts.set_index("post_id").loc[post_id]


def test_the_table_records_its_range_and_notes_videos_published_before_it(tmp_path):
    _, octo = _months(tmp_path)
    (df,) = read_file(octo)
    assert df["window_start"].unique().tolist() == [pd.Timestamp("2026-10-01")]
    assert df["window_end"].unique().tolist() == [pd.Timestamp("2026-10-31")]
    # one video of two published before 1 October: its figures are October's alone
    note = [e for e in df.attrs["quality"] if e["code"] == "range_figures"]
    assert len(note) == 1 and note[0]["rows"] == 1 and note[0]["level"] == "info"
    assert "2026-10-01 to 2026-10-31" in note[0]["message"]


def test_two_months_of_a_video_add_up(tmp_path):
    """The reviewer's case: the September export's figures (1000 views, 100 likes, 50.0 h)
    were replaced by the October export's October-only figures (200 views, 20 likes, 5.0 h)."""
    _months(tmp_path)
    ds = smm.load(tmp_path, cache=False)
    a = _video(ds, "AAAAAAAAAAA")
    assert a["views"] == 1000 + 200                       # was 200
    assert a["watch_time_s"] == (50.0 + 5.0) * 3600       # 198000, was 18000
    assert a["reactions"] == 100 + 20 and a["comments"] == 10 + 1 and a["shares"] == 10 + 1
    # likes + comments + shares: (100 + 10 + 10) + (20 + 1 + 1)
    assert a["interactions"] == 120 + 22                  # was 22
    assert a["net_subscribers"] == 10 + 1 and a["follows"] == 11
    assert a["impressions"] == 10000 + 5000
    # weighted means: CTR by impressions (500 + 100 clicks) / 15000; average view duration =
    # watch time / views = 198000 / 1200; percentage viewed by views (400 + 50) / 1200
    assert abs(a["thumbnail_ctr"] - 600 / 15000) < 1e-12
    assert a["avg_watch_time_s"] == 198000 / 1200          # 165 s, was 90
    assert abs(a["avg_pct_viewed"] - 450 / 1200) < 1e-12
    assert a["window_start"] == pd.Timestamp("2026-09-01")
    assert a["window_end"] == pd.Timestamp("2026-10-31")
    assert a["snapshot_at"] == pd.Timestamp("2026-11-01 09:00", tz="UTC")   # the newest's
    # the October video, in one file only, as read
    b = _video(ds, "BBBBBBBBBBB")
    assert (b["views"], b["watch_time_s"], b["interactions"]) == (500, 7.5 * 3600, 58)
    added = _notes(ds, "ranges_added")
    assert len(added) == 2 and set(added["level"]) == {"info"}
    assert added["message"].str.contains("figures of 2 ranges added").all()
    assert _notes(ds, "snapshot_merged").empty
    assert len(ds.posts) == 2


def test_the_months_add_up_whichever_was_exported_last(tmp_path):
    # September exported again on 1 December, after October's export: the same sums
    _months(tmp_path, sep_exported=(2026, 12, 1, 9, 0, 0))
    a = _video(smm.load(tmp_path, cache=False), "AAAAAAAAAAA")
    assert (a["views"], a["watch_time_s"]) == (1200, 198000)


def test_a_range_within_another_keeps_the_wider_ones_figures(tmp_path):
    # September-October (1200 views, exported 1 November) holds October (exported later,
    # 1 December, 250 views): the wider range's row kept whatever its export time
    wide = ["120", "11", "11", "1200", "55.0", "0:02:45", "11", "15000", "4.0", "37.5"]
    _zip(tmp_path, "2026-09-01_2026-10-31", [SEP_VIDEO + wide], (2026, 11, 1, 9, 0, 0))
    late = ["25", "1", "1", "250", "6.0", "0:01:26", "1", "5200", "2.0", "25.0"]
    octo = _zip(tmp_path, "2026-10-01_2026-10-31", [SEP_VIDEO + late], (2026, 12, 1, 9, 0, 0))
    ds = smm.load(tmp_path, cache=False)
    a = _video(ds, "AAAAAAAAAAA")
    assert (a["views"], a["watch_time_s"]) == (1200, 55.0 * 3600)
    assert a["snapshot_at"] == pd.Timestamp("2026-11-01 09:00", tz="UTC")
    note = _notes(ds, "range_contained")
    assert note["file"].tolist() == [f"{octo}!Table data.csv"]
    assert "2026-09-01 to 2026-10-31" in note["message"].iloc[0]
    assert len(ds.posts) == 1


def test_partly_overlapping_ranges_keep_the_one_covering_more_of_the_videos_life(tmp_path):
    """The video of 10 September in 1 September-15 October (1000 views, exported first) and in
    October (200 views): 10 September to 15 October is 36 days of its life, October 31, so
    the wider range is kept whatever the export times (it was the newest, 200 views) and
    October's file, whose 16-31 October no kept export holds, is warned of."""
    first = _zip(tmp_path, "2026-09-01_2026-10-15", [SEP_VIDEO + SEP_IN_SEP],
                 (2026, 10, 16, 9, 0, 0))
    second = _zip(tmp_path, "2026-10-01_2026-10-31", [SEP_VIDEO + SEP_IN_OCT],
                  (2026, 11, 1, 9, 0, 0))
    ds = smm.load(tmp_path, cache=False)
    assert _video(ds, "AAAAAAAAAAA")["views"] == 1000
    warn = _notes(ds, "ranges_overlap")
    assert warn["level"].tolist() == ["warning"]
    assert warn["file"].tolist() == [f"{second}!Table data.csv"]
    message = warn["message"].iloc[0]
    assert f"{first.name}!Table data.csv (2026-09-01 to 2026-10-15)" in message
    assert "both holding 2026-10-01 to 2026-10-15" in message      # the days in both ranges
    assert _notes(ds, "ranges_added").empty


def test_a_custom_range_across_two_months_is_set_aside_for_the_months(tmp_path):
    """The reviewer's case: September (1000 views), a custom 15 September-14 October and
    October (1800 views) of a video of 20 September. September and October share no day and
    together hold the custom range: 1000 + 1800 = 2800 views, interactions (10 + 1 + 1) +
    (15 + 2 + 2) = 31 (October's alone were kept, and the warning said September and
    October overlapped). The October video (5 October) is in the custom range and in
    October; from its publication on the custom range's days are October's: noted, not
    warned of, October's 2200 views kept."""
    header = ["Content", "Video title", "Video publish time", "Duration", "Likes", "Shares",
              "Comments added", "Views"]
    sept = ["aaaaaaaaaa1", "Sept video", "Sep 20, 2026", "300"]
    octo = ["bbbbbbbbbb2", "Oct video", "Oct 5, 2026", "400"]
    parts = {"2026-09-01_2026-09-30": ([sept + ["10", "1", "1", "1000"]], (2026, 10, 1)),
             "2026-09-15_2026-10-14": ([sept + ["20", "2", "2", "2500"],
                                        octo + ["10", "1", "1", "1000"]], (2026, 10, 15)),
             "2026-10-01_2026-10-31": ([sept + ["15", "2", "2", "1800"],
                                        octo + ["25", "2", "2", "2200"]], (2026, 11, 1))}
    for span, (rows, stamp) in parts.items():
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([header, ["Total"] + [""] * 7, *rows])
        with zipfile.ZipFile(tmp_path / f"Content {span} Test Channel.zip", "w") as z:
            z.writestr(zipfile.ZipInfo("Table data.csv", date_time=(*stamp, 9, 0, 0)),
                       out.getvalue())
    ds = smm.load(tmp_path, cache=False)
    a, b = _video(ds, "aaaaaaaaaa1"), _video(ds, "bbbbbbbbbb2")
    assert (a["views"], a["interactions"]) == (2800, 31)
    assert (a["window_start"], a["window_end"]) == (pd.Timestamp("2026-09-01"),
                                                   pd.Timestamp("2026-10-31"))
    assert (b["views"], b["interactions"]) == (2200, 29)
    assert _notes(ds, "ranges_overlap").empty
    aside = _notes(ds, "range_contained")
    custom = "Content 2026-09-15_2026-10-14 Test Channel.zip!Table data.csv"
    assert aside["file"].str.endswith(custom).all() and set(aside["level"]) == {"info"}
    assert sorted(aside["rows"]) == [1, 1]
    assert aside["message"].str.startswith("1 video: figures over 2026-09-15 to 2026-10-14 "
                                           "are within those over ").all()
    both = aside[aside["message"].str.contains("2026-09-01 to 2026-09-30 and 2026-10-01")]
    assert "Content 2026-09-01_2026-09-30 Test Channel.zip" in both["message"].iloc[0]
    assert len(ds.posts) == 2


def test_the_same_range_twice_keeps_the_newest(tmp_path):
    _zip(tmp_path, "2026-09-01_2026-09-30", [SEP_VIDEO + SEP_IN_SEP], (2026, 10, 1, 9, 0, 0))
    again = ["90", "9", "9", "900", "40.0", "0:02:40", "9", "9000", "5.0", "40.0"]
    sub = tmp_path / "again"
    sub.mkdir()
    _zip(sub, "2026-09-01_2026-09-30", [SEP_VIDEO + again], (2026, 10, 2, 9, 0, 0))
    ds = smm.load(tmp_path, cache=False)
    assert _video(ds, "AAAAAAAAAAA")["views"] == 900
    assert len(_notes(ds, "snapshot_merged")) == 1 and _notes(ds, "ranges_added").empty


def test_a_single_file_reads_as_before(tmp_path):
    _zip(tmp_path, "2026-09-01_2026-09-30", [SEP_VIDEO + SEP_IN_SEP], (2026, 10, 1, 9, 0, 0))
    a = _video(smm.load(tmp_path, cache=False), "AAAAAAAAAAA")
    assert (a["views"], a["watch_time_s"], a["avg_watch_time_s"]) == (1000, 180000, 180)


def test_a_name_without_a_range_keeps_todays_newest_wins(tmp_path):
    """No range known: the figures are taken as lifetime ones (noted), the newest kept."""
    _zip(tmp_path, None, [SEP_VIDEO + SEP_IN_SEP], (2026, 10, 1, 9, 0, 0), prefix="sept")
    _zip(tmp_path, None, [SEP_VIDEO + SEP_IN_OCT], (2026, 11, 1, 9, 0, 0), prefix="oct")
    ds = smm.load(tmp_path, cache=False)
    a = _video(ds, "AAAAAAAAAAA")
    assert a["views"] == 200 and pd.isna(a["window_start"]) and pd.isna(a["window_end"])
    assert len(_notes(ds, "range_unknown")) == 2


def test_posts_carry_the_window_columns_of_the_schema():
    posts = schema.TABLES["posts"]
    assert posts["window_start"] == posts["window_end"] == "datetime64[ns]"
    # a platform whose figures are lifetime ones gets NaT
    df = schema.conform(pd.DataFrame({"platform": ["facebook"], "post_id": ["1"]}), "posts")
    assert df["window_start"].isna().all() and df["window_end"].isna().all()
    schema.validate(df, "posts")


def test_the_sample_loads_with_its_one_youtube_range():
    """The sample's one Studio table (September 2025 to October 2026) meets no other range:
    its figures are unchanged, its 63 videos carry the range."""
    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    ds = smm.load(sample, cache=False)
    yt = ds.posts[ds.posts["platform"] == "youtube"]
    assert len(yt) == 63
    assert yt["window_start"].unique().tolist() == [pd.Timestamp("2025-09-01")]
    assert yt["window_end"].unique().tolist() == [pd.Timestamp("2026-10-31")]
    assert ds.posts.loc[ds.posts["platform"] != "youtube", "window_start"].isna().all()
    codes = set(ds.quality["code"])
    assert not codes & {"ranges_added", "range_contained", "ranges_overlap"}


def _posts(parts: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    """Rows of one video as the merge gives them: (first day, last day, views, watch time)."""
    rows = [{"platform": "youtube", "post_id": "AAAAAAAAAAA", "views": v, "watch_time_s": w,
             "window_start": pd.Timestamp(a), "window_end": pd.Timestamp(b),
             "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC") + pd.Timedelta(days=i),
             "source_file": f"f{i}.zip", "_order": i}
            for i, (a, b, v, w) in enumerate(parts)]
    return schema.conform(pd.DataFrame(rows), "posts")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3600 * 50)),
                min_size=2, max_size=6))
def test_consecutive_months_add_up_to_their_sum(months):
    """Any number of consecutive months, in any export order: one row, every figure the sum
    of the months', the range from the first month's first day to the last's last."""
    starts = pd.date_range("2026-01-01", periods=len(months) + 1, freq="MS")
    parts = [(str(starts[i].date()), str((starts[i + 1] - pd.Timedelta(days=1)).date()),
              float(v), float(w)) for i, (v, w) in enumerate(months)]
    df = _posts(parts[::-1])        # the later months exported first
    log = QualityLog()
    out = combine_ranges(df, log)
    assert len(out) == 1 and len(df) == len(months)      # the caller's frame untouched
    assert out["views"].iloc[0] == sum(v for v, _ in months)
    assert out["watch_time_s"].iloc[0] == sum(w for _, w in months)
    assert out["window_start"].iloc[0] == starts[0]
    assert out["window_end"].iloc[0] == starts[-1] - pd.Timedelta(days=1)
    assert {e["code"] for e in log.entries} == {"ranges_added"}


def _lived_days(chosen: list[tuple[int, int]]) -> tuple[int, int]:
    """The days a set of (first, last) day offsets covers and how many ranges it has."""
    return sum(b - a + 1 for a, b in chosen), -len(chosen)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), min_size=2, max_size=5,
                unique=True))
def test_the_ranges_kept_share_no_day_and_cover_the_most_days(ranges):
    """Any ranges of a video of unknown publication: the row kept is the sum of ranges that
    share no day, and no such set covers more days (or as many with fewer ranges). Checked
    against every subset: each range's views are a distinct power of two, so the sum tells
    which ranges were added."""
    day0 = pd.Timestamp("2026-01-01")
    spans = sorted({(a, a + n) for a, n in ranges})
    parts = [(str((day0 + pd.Timedelta(days=a)).date()),
              str((day0 + pd.Timedelta(days=b)).date()), float(2 ** i), 0.0)
             for i, (a, b) in enumerate(spans)]
    out = combine_ranges(_posts(parts), QualityLog())
    assert len(out) == 1
    views = int(out["views"].iloc[0])
    chosen = [s for i, s in enumerate(spans) if views >> i & 1]
    assert all(b1 < a2 for (_, b1), (a2, _) in pairwise(chosen))
    best = max(_lived_days(list(c)) for k in range(1, len(spans) + 1)
               for c in combinations(spans, k)
               if all(b1 < a2 for (_, b1), (a2, _) in pairwise(c)))
    assert _lived_days(chosen) == best


def test_a_month_missing_between_two_is_named():
    df = _posts([("2026-09-01", "2026-09-30", 10.0, 1.0), ("2026-11-01", "2026-11-30", 5.0, 1.0)])
    log = QualityLog()
    out = combine_ranges(df, log)
    assert out["views"].tolist() == [15]
    assert "(2026-10-01 to 2026-10-31) are in no export" in log.entries[0]["message"]


def test_months_added_beside_a_post_whose_id_a_spreadsheet_rounded(tmp_path):
    """Two months of a YouTube video beside a Facebook export whose first id Excel rounded
    (8.38318E+15): the merge's rounded-id flags follow their rows past the range rule (the
    load failed, 'operands could not be broadcast together with shapes (5,) (4,)').
    The video: 1000 + 200 = 1200 views; the two Facebook posts kept (1129 and 1083 views)."""
    import shutil

    _months(tmp_path)
    shutil.copy(Path(__file__).parent / "fixtures" / "ranges_merge"
                / "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv", tmp_path)
    ds = smm.load(tmp_path, cache=False)
    assert _video(ds, "AAAAAAAAAAA")["views"] == 1200
    assert sorted(ds.posts.loc[ds.posts["platform"] == "facebook", "views"]) == [1083, 1129]


def test_figures_that_do_not_add_up_are_left_empty_whatever_their_dtype(tmp_path):
    """New viewers over September (600) and over October (100) are not the video's new
    viewers over both months (the same viewer may be new in each): left empty, while the
    views add up, 1000 + 200 = 1200 (the load failed: float() of a missing value)."""
    header = ["Content", "Video title", "Video publish time", "Views", "New viewers"]
    for span, views, new, stamp in (("2026-09-01_2026-09-30", "1000", "600", (2026, 10, 1)),
                                    ("2026-10-01_2026-10-31", "200", "100", (2026, 11, 1))):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(
            [header, ["Total", "", "", "", ""], [*SEP_VIDEO[:3], views, new]])
        with zipfile.ZipFile(tmp_path / f"Content {span} Maison Sève.zip", "w") as z:
            z.writestr(zipfile.ZipInfo("Table data.csv", date_time=(*stamp, 9, 0, 0)),
                       out.getvalue())
    video = _video(smm.load(tmp_path, cache=False), "AAAAAAAAAAA")
    assert video["views"] == 1200 and pd.isna(video["new_viewers"])
