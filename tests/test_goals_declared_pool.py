"""The brand's net followers pool the platforms brand.yaml names, in the goal and in
compare() alike (s58CG, last stop's reviewers): a declared platform whose exports give no
daily follower figure though another of its exports would (TikTok's Content export alone,
YouTube Studio's table alone) leaves the pooled goal "not assessed", as one without figures on
some days does; compare() leaves out, and names, the platforms brand.yaml does not name, as
the goal does; a platform launched within the period (its follower count from 0) counts 0
before its launch and the goal is judged, while one whose count starts above 0 is counted
from its first known day, the goal not assessed, never from a start read as 0."""

import pandas as pd
import pytest

from smmanalytics.brand import Brand
from smmanalytics.compare import compare
from smmanalytics.goals import scorecard

from ._roi_builders import daily, dataset, posts
from .test_goals import _goal_frame, _x_given_up


def _x_october(first: str = "2026-10-01") -> list[dict]:
    """X +2 a day (3 follows, 1 unfollow) from ``first`` to 31 October 2026."""
    return [{"platform": "x", "account_id": "x", "date": day, "metric": metric, "value": value}
            for day in pd.date_range(first, "2026-10-31").strftime("%Y-%m-%d")
            for metric, value in (("follows", 3.0), ("unfollows", 1.0))]


_TIKTOK_CONTENT = posts([{"platform": "tiktok", "post_id": "t1", "views": 900.0,
                          "published_at": "2026-10-03T18:00:00Z"}])
_STUDIO_TABLE = posts([{"platform": "youtube", "post_id": "v1", "reactions": 3.0,
                        "follows": 7.0, "published_at": "2026-10-02T15:00:00Z",
                        "source_format": "youtube_table",
                        "window_start": pd.Timestamp("2026-10-01"),
                        "window_end": pd.Timestamp("2026-10-31")}])


@pytest.mark.parametrize(("platform", "videos", "why"), [
    ("tiktok", _TIKTOK_CONTENT, "its exports give no follower figures"),
    ("youtube", _STUDIO_TABLE,
     "its exports give subscribers per video over the Studio range, not per day")])
def test_a_declared_platform_without_daily_figures_leaves_the_goal_not_assessed(
        tmp_path, platform, videos, why):
    brand = Brand(name="Test", timezone="Europe/Paris", accounts={"x": "x", platform: "t"})
    goals = _goal_frame(tmp_path, "followers_net", 50)
    ds = dataset(daily=daily(_x_october()), posts=videos, brand=brand, goals=goals)
    row = scorecard(ds, "2026-10", asof="2026-11-05").iloc[0]
    # X's 31 days × (3 − 1) = 62, "met" against 50 while the platform's followers may have
    # fallen by more than 12
    assert row["actual"] == 62
    assert pd.isna(row["status"])
    notes = row["note"].split("; ")
    assert f"{platform} left out: {why}" in notes
    assert notes[-1] == "the actual is the total of the other platforms: not assessed"


def test_an_undeclared_platform_without_figures_leaves_the_goal_judged(tmp_path):
    # brand.yaml names no account: the pool is the platforms with figures, TikTok named only;
    # X's 62 ≥ 50, met
    ds = dataset(daily=daily(_x_october()), posts=_TIKTOK_CONTENT,
                 goals=_goal_frame(tmp_path, "followers_net", 50))
    row = scorecard(ds, "2026-10", asof="2026-11-05").iloc[0]
    assert (row["actual"], row["status"]) == (62, "met")
    assert "tiktok left out: its exports give no follower figures" in row["note"]


def test_compare_pools_the_platforms_of_brand_yaml_as_the_goal_does(tmp_path):
    brand = Brand(name="Test", timezone="Europe/Paris", accounts={"facebook": "f"})
    ds = dataset(daily=_x_given_up(), brand=brand,
                 goals=_goal_frame(tmp_path, "followers_net", 150))
    c = compare(ds, "2026-10", "2026-09")
    row = c.table.set_index("kpi").loc["followers_net"]
    # Facebook's 31 × 4 = 124 against its 30 × 4 = 120: X's September 30 × 2 = 60, no longer
    # one of the brand's accounts, made it 124 against 180 where the goal read 120
    assert (row["current"], row["previous"]) == (124, 120)
    assert "Net followers leave out x: not one of brand.yaml's accounts." in c.caveats
    goal = scorecard(ds, "2026-09", asof="2026-11-05").iloc[0]
    assert goal["actual"] == row["previous"]
    # without accounts named, every platform is the brand's: X's September counts (180), and
    # no caveat names it
    c = compare(dataset(daily=_x_given_up()), "2026-10", "2026-09")
    assert c.table.set_index("kpi").loc["followers_net", "previous"] == 180
    assert not any("brand.yaml" in cav for cav in c.caveats)


def _tiktok_from_15th(count: float) -> list[dict]:
    """TikTok's FollowerHistory from 15 October: ``count`` followers that day, its difference
    unknown (no day before it in the file, as the loader reads it), then +5 a day."""
    days = pd.date_range("2026-10-15", "2026-10-31").strftime("%Y-%m-%d")
    return [{"platform": "tiktok", "account_id": "t", "date": day, "metric": metric,
             "value": value}
            for k, day in enumerate(days)
            for metric, value in (("followers_total", count + 5.0 * k),
                                  ("net_follows", float("nan") if k == 0 else 5.0))]


def _launch_goal(tmp_path, count: float, platform: str = "all") -> pd.Series:
    brand = Brand(name="Test", timezone="Europe/Paris", accounts={"x": "x", "tiktok": "t"})
    tmp_path.mkdir(exist_ok=True)
    goals = _goal_frame(tmp_path, "followers_net", 100)
    goals["platform"] = platform
    ds = dataset(daily=daily(_x_october() + _tiktok_from_15th(count)), brand=brand,
                 goals=goals)
    return scorecard(ds, "2026-10", asof="2026-11-05").iloc[0], ds


def test_a_platform_launched_within_the_period_counts_0_before_its_launch(tmp_path):
    """TikTok launched on 15 October: its FollowerHistory starts there at 0 followers. An
    account of 0 followers had none to gain or lose before: its 1st to 14th are 0 and its
    15th (0 to 0) too, known, then 16 × 5 = 80; with X's 31 × 2 = 62, 142 ≥ 100: met. Before,
    the launch read as a series starting late: "tiktok data start on 2026-10-15", "known on
    16 of 31 days", not assessed; TikTok's own goal "not covered in full"."""
    row, ds = _launch_goal(tmp_path, 0.0)
    assert (row["actual"], row["status"]) == (142, "met")
    assert row["note"] == "tiktok started from 0 followers on 2026-10-15: no change counted before"
    c = compare(ds, "2026-10")
    assert c.table.set_index("kpi").loc["followers_net", "current"] == 142
    assert not any("tiktok" in cav for cav in c.caveats)
    # TikTok alone: 80 < 100, missed, its October judged whole
    row, _ = _launch_goal(tmp_path / "tiktok", 0.0, "tiktok")
    assert (row["actual"], row["status"]) == (80, "missed")
    assert row["note"].startswith("tiktok started from 0 followers on 2026-10-15")


def test_a_platform_whose_count_starts_above_0_counts_from_its_first_known_day(tmp_path):
    """The same history from 1,000 followers: an account older than its export, its days
    before unknown. The total counts it from its first known change, the 16th: 16 × 5 = 80,
    with X's 62: 142, not assessed. The notes name the 16th, not the 15th (the first row,
    whose change is unknown), as the day its data start."""
    row, ds = _launch_goal(tmp_path, 1000.0)
    assert row["actual"] == 142 and pd.isna(row["status"])
    notes = row["note"].split("; ")
    # before: "tiktok data start on 2026-10-15: counted from that day"
    assert notes[0] == "tiktok data start on 2026-10-16: counted from that day"
    assert "tiktok: followers_net known on 16 of 31 days (2026-10-16 to 2026-10-31)" in notes
    assert notes[-1] == ("the actual leaves out the days before a platform's follower "
                         "figures start: not assessed")
    c = compare(ds, "2026-10")
    assert c.table.set_index("kpi").loc["followers_net", "current"] == 142
    assert ("tiktok: followers_net known on 16 of 31 days of 2026-10 (2026-10-16 to "
            "2026-10-31).") in c.caveats
    row, _ = _launch_goal(tmp_path / "tiktok", 1000.0, "tiktok")
    # before: "… the tiktok data start at 2026-10-15"
    assert row["note"] == "2026-10 not covered in full: the tiktok data start at 2026-10-16"


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "Les abonnés nets laissent de côté X : ne figure pas parmi les comptes de brand.yaml."),
    ("it", "I follower netti escludono X: non è tra gli account di brand.yaml.")])
def test_compare_s_caveat_of_an_undeclared_platform_is_worded_in_each_language(lang, said):
    from smmanalytics.report.formatting import Formatter

    # it stayed English in French and Italian reports, its five siblings translated
    f = Formatter(lang)
    assert f.note("Net followers leave out x: not one of brand.yaml's accounts.") == said
    assert not f.untranslated
