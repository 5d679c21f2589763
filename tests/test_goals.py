import datetime as dt

import numpy as np
import pandas as pd
import pytest

from smmanalytics.errors import ConfigError
from smmanalytics.goals import (
    metric_daily,
    read_goals,
    scorecard,
    scorecard_display,
    status_from_probability,
)

from ._builders import daily, dataset, posts, web

GOALS = """\
value_per_key_event: 25
goals:
  - metric: posts
    platform: instagram
    target: 30
    period: month
    direction: at_least
  - metric: er_reach
    platform: all
    target: 0.05
    period: quarter
    label: Engagement rate by reach
"""


def _goals(tmp_path, text):
    path = tmp_path / "goals.yaml"
    path.write_text(text, encoding="utf-8")
    return read_goals(path)


def _goal_frame(tmp_path, metric, target, direction="at_least", platform="all", period="month"):
    return _goals(tmp_path, f"goals:\n  - metric: {metric}\n    platform: {platform}\n"
                            f"    target: {target}\n    period: {period}\n"
                            f"    direction: {direction}\n")


def _daily_posts(n_days, per_day=1, start="2026-10-01", platform="instagram", reactions=10.0,
                 reach=200.0):
    rows = []
    for k in range(n_days):
        day = pd.Timestamp(start) + pd.Timedelta(days=k)
        for j in range(per_day):
            rows.append({"platform": platform, "post_id": f"{k}-{j}",
                         "published_at": f"{day.date()}T09:00:00Z", "reactions": reactions,
                         "comments": 0.0, "reach": reach})
    return posts(rows)


# ------------------------------------------------------------------ read_goals
def test_read_goals_values_and_defaults(tmp_path):
    g = _goals(tmp_path, GOALS)
    assert g["metric"].tolist() == ["posts", "er_reach"]
    assert g.loc[1, "direction"] == "at_least"            # default
    assert g.loc[0, "label"] == "posts (instagram)"      # generated label
    assert g.loc[1, "label"] == "Engagement rate by reach"
    assert g.loc[0, "line"] == 3 and g.loc[1, "line"] == 8
    assert g.attrs["value_per_key_event"] == 25.0


@pytest.mark.parametrize("goal, column, line", [
    ("  - metric: likes\n    target: 3\n", "metric", 2),
    ("  - metric: er_reach\n    target: 4.5\n", "target", 3),
    ("  - metric: posts\n    target: many\n", "target", 3),
    ("  - metric: posts\n    target: 3\n    period: week\n", "period", 4),
    ("  - metric: posts\n    target: 3\n    direction: above\n", "direction", 4),
    ("  - metric: posts\n    target: 3\n    platform: myspace\n", "platform", 4),
    ("  - metric: posts\n    traget: 3\n", "traget", 3),
])
def test_read_goals_errors_name_line_and_key(tmp_path, goal, column, line):
    with pytest.raises(ConfigError, match=f"line {line}, column '{column}'"):
        _goals(tmp_path, "goals:\n" + goal)


def test_read_goals_invalid_yaml_and_shape(tmp_path):
    with pytest.raises(ConfigError, match="not valid YAML"):
        _goals(tmp_path, "goals: [\n")
    with pytest.raises(ConfigError, match="'goals' must be a list"):
        _goals(tmp_path, "goals: 3\n")
    with pytest.raises(ConfigError, match="value_per_key_event"):
        _goals(tmp_path, "value_per_key_event: -2\ngoals: []\n")


# ------------------------------------------------------------------ status rules
@pytest.mark.parametrize("p, status", [(0.7, "on track"), (0.6999, "at risk"), (0.3, "at risk"),
                                       (0.2999, "off track"), (1.0, "on track"),
                                       (0.0, "off track")])
def test_status_from_probability_boundaries(p, status):
    assert status_from_probability(p) == status


def test_status_nan_probability_is_none():
    assert status_from_probability(float("nan")) is None


@pytest.mark.parametrize("target, direction, status", [
    (31, "at_least", "met"),        # exactly at the target: met
    (32, "at_least", "off track"),
    (31, "at_most", "met"),
    (30, "at_most", "off track"),
])
def test_finished_period_met_at_boundary(tmp_path, target, direction, status):
    ds = dataset(posts=_daily_posts(31), goals=_goal_frame(tmp_path, "posts", target, direction))
    sc = scorecard(ds, "2026-10", asof="2026-11-05")
    assert sc.loc[0, "actual"] == 31 and sc.loc[0, "status"] == status
    assert bool(sc.loc[0, "complete"])


def test_running_period_linear_pace(tmp_path):
    # 10 posts in the first 10 days of October, target 30 over 31 days
    ds = dataset(posts=_daily_posts(10), goals=_goal_frame(tmp_path, "posts", 30))
    row = scorecard(ds, "2026-10", asof="2026-10-10").iloc[0]
    assert row["elapsed_days"] == 10 and row["days"] == 31
    assert row["projection"] == pytest.approx(31.0)                 # 10 × 31 / 10
    assert row["pace_index"] == pytest.approx(10 / (30 * 10 / 31))  # 1.0333
    assert row["required_daily"] == pytest.approx(20 / 21)          # (30 − 10) / (31 − 10)
    assert row["p_meet"] > 0.5


def test_running_count_goal_already_met(tmp_path):
    ds = dataset(posts=_daily_posts(10, per_day=2), goals=_goal_frame(tmp_path, "posts", 20))
    row = scorecard(ds, "2026-10", asof="2026-10-10").iloc[0]
    assert row["status"] == "met" and row["p_meet"] == 1.0


def test_worked_example_off_track(tmp_path):
    # benchmarks-methods §5.2: G = 6000, D = 30, d = 18, A = 3300 → projection 5500, 225/day needed
    rng = np.random.default_rng(1)
    reactions = np.full(18, 3300 / 18)
    reactions += rng.normal(0, 40, 18)
    reactions *= 3300 / reactions.sum()
    rows = [{"platform": "instagram", "post_id": str(k),
             "published_at": f"2026-09-{k + 1:02d}T09:00:00Z", "reactions": float(v)}
            for k, v in enumerate(reactions)]
    ds = dataset(posts=posts(rows), goals=_goal_frame(tmp_path, "interactions", 6000))
    row = scorecard(ds, "2026-09", asof="2026-09-18").iloc[0]
    assert row["actual"] == pytest.approx(3300)
    assert row["projection"] == pytest.approx(5500)                 # 3300 × 30 / 18
    assert row["required_daily"] == pytest.approx(225)              # 2700 / 12
    assert row["p_meet"] < 0.3 and row["status"] == "off track"
    assert row["projection_low"] < 5500 < row["projection_high"]


def test_followers_net_from_follows_minus_unfollows(tmp_path):
    rows = []
    for k in range(1, 11):
        rows += [{"platform": "instagram", "account_id": "a", "date": f"2026-10-{k:02d}",
                  "metric": "follows", "value": 12.0},
                 {"platform": "instagram", "account_id": "a", "date": f"2026-10-{k:02d}",
                  "metric": "unfollows", "value": 2.0},
                 {"platform": "facebook", "account_id": "b", "date": f"2026-10-{k:02d}",
                  "metric": "net_follows", "value": 1.0}]
    ds = dataset(daily=daily(rows), goals=_goal_frame(tmp_path, "followers_net", 200))
    s = metric_daily(ds, "followers_net", "instagram", dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert s.iloc[0] == 10 and pd.isna(s.iloc[20])               # 12 − 2; unknown after the 10th
    row = scorecard(ds, "2026-10", asof="2026-10-10").iloc[0]
    assert row["actual"] == pytest.approx(110)                    # 10 × (12 − 2 + 1)
    assert row["required_daily"] == pytest.approx(90 / 21)


def test_er_reach_goal_pooled(tmp_path):
    p = posts([
        {"platform": "instagram", "post_id": "1", "published_at": "2026-10-02T09:00Z",
         "reactions": 10.0, "reach": 100.0},
        {"platform": "instagram", "post_id": "2", "published_at": "2026-10-03T09:00Z",
         "reactions": 30.0, "reach": 900.0},
    ])
    ds = dataset(posts=p, goals=_goal_frame(tmp_path, "er_reach", 0.05, period="quarter"))
    row = scorecard(ds, "2026-10", asof="2026-12-31").iloc[0]
    assert row["goal_period"] == "2026-Q4"
    assert row["actual"] == pytest.approx(40 / 1000)   # pooled, not the mean of 0.1 and 0.033
    assert row["status"] == "off track"


def test_roi_goal_uses_roi(tmp_path):
    w = web([{"date": f"2026-10-{k:02d}", "channel_group": "Organic Social",
              "source": "instagram", "revenue": 10.0 if k % 2 else 30.0, "currency": "EUR"}
             for k in range(1, 32)])
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,310,,,,,,\n", web=w,
                 goals=_goal_frame(tmp_path, "roas", 1.9))
    row = scorecard(ds, "2026-10", asof="2026-11-02").iloc[0]
    assert row["actual"] == pytest.approx(610 / 310)     # (16 × 10 + 15 × 30) / 310 = 1.968
    assert row["status"] == "met"
    running = scorecard(ds, "2026-10", asof="2026-10-15").iloc[0]
    # to date: (8 × 10 + 7 × 30) / (310 × 15 / 31) = 290 / 150
    assert running["actual"] == pytest.approx(290 / 150)
    # final value ≈ 290 + N(16 × 20, 59): needs 299 more -> P ≈ 0.64
    assert 0.4 < running["p_meet"] < 0.85


def test_no_data_gives_no_status(tmp_path):
    ds = dataset(goals=_goal_frame(tmp_path, "revenue", 100))
    row = scorecard(ds, "2026-10", asof="2026-10-20").iloc[0]
    assert pd.isna(row["actual"]) and pd.isna(row["status"])
    assert "no data for revenue" in row["note"]
    assert scorecard_display(scorecard(ds, "2026-10", asof="2026-10-20")).loc[0, "status"] == \
        "No data"


def test_scorecard_display_readable(tmp_path):
    ds = dataset(posts=_daily_posts(31), goals=_goal_frame(tmp_path, "posts", 31))
    disp = scorecard_display(scorecard(ds, "2026-10", asof="2026-11-01"))
    assert disp.loc[0, "status"] == "Met" and disp.loc[0, "direction"] == "≥"
    assert list(disp.columns)[:5] == ["goal", "platform", "period", "actual", "target"]


def test_scorecard_does_not_mutate(tmp_path):
    ds = dataset(posts=_daily_posts(10), goals=_goal_frame(tmp_path, "interactions", 500))
    before = ds.posts.copy(), ds.goals.copy()
    scorecard(ds, "2026-10", asof="2026-10-10")
    pd.testing.assert_frame_equal(ds.posts, before[0])
    pd.testing.assert_frame_equal(ds.goals, before[1])
