"""best_times' timing test and a post alone at its hour (s56BT, s56BT2): one viral post at an
hour nobody else posted at made a pure-noise account's test pass (p < 0.05 for 0.195 of
them): the posts at an hour of the day posted fewer than 3 times are left out of the test,
and the result says so."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from sim_timing import simulate  # noqa: E402
from smmanalytics.timing import best_times  # noqa: E402
from smmanalytics.timing._estimate import MIN_TEST_POSTS, posts_tested  # noqa: E402

TZ = "Europe/Paris"


def test_a_post_alone_at_its_hour_is_not_tested():
    # slots (weekday * 24 + hour): Monday 09:00 x2, Tuesday 09:00, Monday 03:00 x2, Wednesday
    # 10:00. Hour 9 holds 3 posts (on two days: the hour of the day is counted), hour 3 two
    # (< 3), hour 10 one: only the three 09:00 posts are tested
    slot = np.array([9, 9, 33, 3, 3, 58])
    assert MIN_TEST_POSTS == 3
    assert posts_tested(slot).tolist() == [True, True, True, False, False, False]


def test_the_weekend_hours_are_counted_apart_when_the_weekend_has_its_own_curve():
    # Monday, Tuesday, Saturday and Sunday at 09:00: 4 posts at 09:00 over the week, but with
    # the weekend's own curve 2 on weekdays and 2 on the weekend (< 3 each): none tested
    slot = np.array([9, 33, 129, 153])
    assert posts_tested(slot).all()
    assert not posts_tested(slot, split_weekend=True).any()


def _noise_with_a_lone_viral_post(seed: int) -> pd.DataFrame:
    """120 posts over 26 weeks without any timing effect (tests/sim_timing.py), and one more:
    a copy of the middle post at 03:05 the same day, alone at that hour, earning 60x the
    posts' median (counted at 10x its account's median)."""
    posts = simulate(seed, n_posts=120, weeks=26, evening_lift=1.0)["posts"]
    viral = posts.iloc[[60]].copy()
    day = viral["published_at"].dt.tz_convert(TZ).dt.normalize()
    viral["published_at"] = (day + pd.Timedelta(hours=3, minutes=5)).dt.tz_convert("UTC")
    viral["post_id"] = "viral"
    viral["reactions"] = posts["reactions"].median() * 60
    return pd.concat([posts, viral], ignore_index=True)


def test_one_viral_post_alone_at_its_hour_does_not_pass_the_test():
    # measured on this account (seed 1): p = 0.034 when the lone post was tested, 0.36 now;
    # over seeds 0-19, p < 0.05 for 4 of 20 before, none now (200 seeds: 0.195 -> 0.055)
    bt = best_times(_noise_with_a_lone_viral_post(1), TZ, "instagram", seed=1, n_splits=4)
    assert [c["local"][11:] for c in bt.method["capped"]] == ["03:05"]
    assert bt.p_value > 0.10 and not bt.effect_detected
    # the posts left out of the test, counted from the publish times in Paris: those at an
    # hour of the day fewer than 3 posts went out at: the viral post alone (every other hour
    # of this account holds 3 posts or more), and said
    hours = _noise_with_a_lone_viral_post(1)["published_at"].dt.tz_convert(TZ).dt.hour
    per_hour = hours.map(hours.value_counts())
    assert (per_hour < 3).sum() == 1 and per_hour.iloc[-1] == 1
    assert bt.method["test_left_out"] == 1
    assert (" 1 post at an hour of the day posted fewer than 3 times was left out of the "
            "timing test: the hour curve bends freely through it, so one good post would "
            "read as a good hour. It still counts in the lifts.") in bt.summary


def _posts_at_hours(counts: dict[int, int]) -> pd.DataFrame:
    """Noise posts (tests/sim_timing.py, seed 3, no timing effect, mixed formats) moved to
    the local hours (Europe/Paris) of ``counts``, ``counts[h]`` posts at hour ``h``, each on
    its own day: the hour of the day alone decides which posts the test reads."""
    n = sum(counts.values())
    posts = simulate(3, n_posts=n, weeks=22, evening_lift=1.0)["posts"]
    day = posts["published_at"].dt.tz_convert(TZ).dt.normalize()
    hours = np.repeat(list(counts), list(counts.values()))
    posts["published_at"] = (day + pd.to_timedelta(hours, unit="h")
                             + pd.Timedelta(minutes=7)).dt.tz_convert("UTC")
    return posts


def test_no_hour_posted_three_times_says_so_and_counts_the_posts_left_out():
    # 44 posts, two at each hour 00:00-21:00: no hour holds 3, so all 44 are left out of the
    # test and it has no hours to compare. It was said that "each slot's posts share their
    # format, paid status or account" (the formats are mixed), 0 posts left out (s56DC)
    from smmanalytics.timing._estimate import NO_HOURS_TESTED

    posts = _posts_at_hours({h: 2 for h in range(22)})
    assert posts["content_type"].nunique() == 2          # reels and images
    bt = best_times(posts, TZ, "instagram", seed=1, n_splits=4)
    assert bt.n_used == 44 and np.isnan(bt.p_value)
    assert bt.method["test"] == NO_HOURS_TESTED and bt.method["test_left_out"] == 44
    assert bt.summary.startswith(
        "Whether posting time matters cannot be tested on these 44 posts: fewer than two hours "
        "of the day were posted at 3 times or more, so the test has no hours to compare")
    assert " 44 posts at hours of the day posted fewer than 3 times were left out" in bt.summary
    assert "share their format" not in bt.summary


def test_one_hour_posted_three_times_leaves_no_hours_to_compare():
    # 20 hours posted twice (40 posts, left out) and 18:00 four times: one hour tested, none
    # to compare it with
    from smmanalytics.timing._estimate import NO_HOURS_TESTED

    bt = best_times(_posts_at_hours({**{h: 2 for h in range(18)}, 18: 4, 19: 2, 20: 2}),
                    TZ, "instagram", seed=1, n_splits=4)
    assert bt.method["test"] == NO_HOURS_TESTED and bt.method["test_left_out"] == 40


def test_two_hours_posted_three_times_are_tested():
    # 18 hours posted twice (36 posts, left out), 18:00 and 19:00 eight times each: the 16
    # posts of two hours are compared (p = 0.96 measured), the 36 said left out. With four
    # each, too few of the 8 share a format and month for the permutations: NOT_PERMUTABLE
    bt = best_times(_posts_at_hours({**{h: 2 for h in range(18)}, 18: 8, 19: 8}),
                    TZ, "instagram", seed=1, n_splits=4)
    assert np.isfinite(bt.p_value) and bt.method["test_left_out"] == 36


def test_too_few_posts_left_to_permute_says_the_posts_left_out_are_why():
    # 18 hours posted twice (36 posts, left out), 18:00 and 19:00 four times each: too few of
    # the 8 tested share a format and month for the permutations to change anything, while
    # the 44 posts together could be permuted. It was said "too few of them share a format,
    # paid status, account and month", the 36 left out unsaid (s57BT3)
    from smmanalytics.timing._estimate import TOO_FEW_LEFT

    bt = best_times(_posts_at_hours({**{h: 2 for h in range(18)}, 18: 4, 19: 4}),
                    TZ, "instagram", seed=1, n_splits=4)
    assert np.isnan(bt.p_value) and bt.method["test"] == TOO_FEW_LEFT
    assert bt.method["test_left_out"] == 36
    assert bt.summary.startswith(
        "Whether posting time matters cannot be tested on these 44 posts: once the posts at "
        "hours of the day posted fewer than 3 times are left out of the test, too few of the "
        "rest share a format, paid status, account and month for their slots to be compared")
    assert " 36 posts at hours of the day posted fewer than 3 times were left out" in bt.summary
