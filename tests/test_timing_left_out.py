"""Posts best times leave out because they say nothing of timing: a post the controls fit by
themselves (the only post of its format, paid status or account), and a post without
engagement the model fits exactly (alone at its hour). Both made the whole analysis fail
before: "cannot be tested" for one sponsored LinkedIn post, numpy overflows (a dozen warnings
in the report's HTML) for one LinkedIn post without engagement."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics import load
from smmanalytics.timing import best_times
from smmanalytics.timing._model import fitted_to_zero

TZ = "Europe/Paris"
_ENGAGEMENT = ["impressions", "views", "reach", "reactions", "comments", "shares", "saves",
               "clicks", "link_clicks", "platform_engagements", "interactions"]


@pytest.fixture(scope="module")
def linkedin():
    """The sample's LinkedIn posts: 111, of which 107 old enough at export (the 4 others
    were exported less than a week after publishing), all organic, at 08:00-10:59 Paris."""
    ds = load(Path(__file__).parents[1] / "data" / "sample" / "maison-seve")
    return ds.posts[ds.posts["platform"] == "linkedin"].reset_index(drop=True)


@pytest.fixture(scope="module")
def sample_result(linkedin):
    return best_times(linkedin, tz=TZ, platform="linkedin")


def _with_post(posts: pd.DataFrame, when: str, **values) -> pd.DataFrame:
    """``posts`` and one more, a copy of the last organic post without a format published at
    ``when`` (UTC) with ``values``, exported with the others (so old enough)."""
    row = posts.loc[posts["content_type"].isna()].tail(1).copy()
    row["post_id"] = "added-post"
    row["published_at"] = pd.Timestamp(when, tz="UTC")
    row["snapshot_at"] = posts["snapshot_at"].max()
    for col, value in values.items():
        row[col] = pd.Series([value], index=row.index).astype(posts[col].dtype)
    return pd.concat([posts, row], ignore_index=True)


def test_one_sponsored_post_is_left_out_and_the_test_runs_on_the_others(linkedin,
                                                                       sample_result):
    """The only paid post, Thursday 15 October 2026 at 11:00 Paris (09:00 UTC), where the
    page's other posts went out at 08:00-10:59: its paid effect and its hour were one, so no
    slot's lift against the posts' average could be told and the 108 posts "cannot be
    tested". Left out, the analysis is the sample's own, post for post: same 107 posts, same
    p (0.722 = 361 / 500: 360 of the 499 permutations at least as large, plus one)."""
    bt = best_times(_with_post(linkedin, "2026-10-15 09:00", paid=True), tz=TZ,
                    platform="linkedin")
    assert bt.n_excluded["no_peer"] == 1
    assert bt.n_used == sample_result.n_used == 107                     # 111 - 4 too young
    assert bt.p_value == sample_result.p_value == pytest.approx(361 / 500)
    pd.testing.assert_frame_equal(bt.by_slot, sample_result.by_slot)
    pd.testing.assert_frame_equal(bt.by_weekday, sample_result.by_weekday)
    assert bt.window == sample_result.window
    assert bt.summary.startswith("No reliable timing effect in this account's data (p = 0.72, "
                                 "107 posts)")
    assert bt.summary.endswith(" 1 post was left out: no other post shares its paid status, "
                               "format or account, so the model fits it by that alone and its "
                               "time cannot be compared with any other's.")
    assert "cannot be tested" not in bt.summary


def test_the_sample_leaves_no_post_out(sample_result):
    """Every LinkedIn post of the sample is organic, with 90 or 19 others of its format."""
    assert sample_result.n_excluded["no_peer"] == 0
    assert sample_result.n_excluded["zero_alone"] == 0
    assert not sample_result.summary.endswith("left out.")


def test_a_post_without_engagement_alone_at_its_hour_is_left_out_without_overflow(linkedin):
    """Friday 16 October 2026 at 11:00 Paris (09:00 UTC), every figure 0: alone at 11:00, the
    hour curve (6 terms, 4 hours posted) fitted it exactly by running to -inf, and the slots'
    lifts overflowed exp (the curve reached 1,073 on the log scale). It is left out of the
    hour analysis (107 of the 108 posts read), said, and nothing overflows; the weekday
    analysis, where Friday has 23 other posts, reads it."""
    posts = _with_post(linkedin, "2026-10-16 09:00", **dict.fromkeys(_ENGAGEMENT, 0))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        bt = best_times(posts, tz=TZ, platform="linkedin")
    assert bt.n_excluded["zero_alone"] == 1 and bt.n_excluded["no_peer"] == 0
    assert bt.n_used == 107
    assert bt.method["zero_alone_weekday"] == 0
    friday = bt.by_slot["weekday"].eq(4).to_numpy(bool)
    assert int(bt.by_slot.loc[friday & bt.by_slot["hour"].eq(11).to_numpy(bool),
                              "n_posts"].iloc[0]) == 0
    assert int(bt.by_weekday["n_posts"].sum()) == 108
    assert np.isfinite(bt.by_slot["lift"].to_numpy(dtype=float, na_value=np.nan)[
        bt.by_slot["n_posts"].to_numpy(dtype=int) > 0]).all()
    assert np.isfinite(bt.p_value)
    assert bt.summary.endswith(" 1 post without engagement was left out: alone at its hour, "
                               "the model fits it exactly, so it says nothing of the other "
                               "posts.")


def test_a_post_without_engagement_among_others_at_its_hour_is_read(linkedin):
    """The same post at 10:00 Paris (08:00 UTC), an hour the page posts at: the others at
    10:00 have engagement, so the model cannot fit it exactly; it is read (108 posts)."""
    posts = _with_post(linkedin, "2026-10-16 08:00", **dict.fromkeys(_ENGAGEMENT, 0))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        bt = best_times(posts, tz=TZ, platform="linkedin")
    assert bt.n_excluded["zero_alone"] == 0 and bt.n_used == 108


# fitted_to_zero, by hand: a post is fitted exactly at 0 when some direction d of the
# coefficients keeps every post with engagement (X_pos d = 0) and lowers it (x d < 0) while
# raising no other post without engagement (X_zero d <= 0)

def test_a_zero_alone_in_its_column_is_fitted_exactly():
    # d = (0, -1): rows 0-1 give 0, row 2 gives -1
    X = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 1.0]])
    assert fitted_to_zero(X, np.array([3.0, 5.0, 0.0])).tolist() == [False, False, True]
    # with engagement, the same post is fitted exactly too but its estimate is finite
    assert fitted_to_zero(X, np.array([3.0, 5.0, 2.0])).tolist() == [False, False, False]


def test_a_zero_sharing_its_row_with_a_post_with_engagement_is_not():
    # X_pos d = 0 for the post 0 forces d0 = 0, so row 1 (= row 0) gives 0; row 2 gives d1 < 0
    X = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 1.0]])
    assert fitted_to_zero(X, np.array([3.0, 0.0, 0.0])).tolist() == [False, False, True]


def test_two_zeros_alone_in_their_column_are_both_fitted_exactly():
    X = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 1.0], [1.0, 1.0]])
    assert fitted_to_zero(X, np.array([3.0, 5.0, 0.0, 0.0])).tolist() == [False, False, True,
                                                                          True]


def test_zeros_on_both_sides_of_a_direction_are_not():
    # d0 = 0 (post 0); rows 1 and 2 give d1 and -d1: both <= 0 only with d1 = 0
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, -1.0]])
    assert not fitted_to_zero(X, np.array([2.0, 0.0, 0.0])).any()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_posts_of_a_level_without_engagement_are_those_fitted_exactly(seed):
    """One factor (an intercept and indicators of levels 1-5, as formats or weekdays), by
    hand: the posts fitted exactly are those of the levels where no post has engagement. A
    level with engagement pins its coefficient (d0 + dk = 0); a level without any can take
    dk = -1 - d0, lowering its posts alone. Without any engagement, every post is."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 30))
    level = rng.integers(0, 6, n)
    X = np.column_stack([np.ones(n), np.eye(6)[level][:, 1:]])
    y = np.where(rng.random(n) < 0.4, 0.0, rng.integers(1, 50, n).astype(float))
    has = np.bincount(level, weights=(y > 0).astype(float), minlength=6) > 0
    assert fitted_to_zero(X, y).tolist() == (~has[level]).tolist()


def test_the_weekend_test_reads_a_day_posted_once_and_says_why(monkeypatch):
    """The weekday test leaves out the posts of a day posted fewer than 3 times; the weekend
    test reads every weekend post, and now says why in ``method["weekend_test_reads"]``: its
    model has the weekday effects, whose score equation for a day of one post is that post's
    own residual, (y - mu) / (1 + alpha mu) = 0: the post adds nothing. Sunday is made a day
    of one post here (the others moved to the Saturday before): the weekday test left it out
    (1), and the residual the weekend test read for it is 0."""
    from smmanalytics import timing

    from .sim_timing import simulate_weekend_hours

    sim = simulate_weekend_hours(3, n_posts=300)
    posts = sim["posts"]
    sunday = np.flatnonzero(posts["published_at"].dt.tz_convert("Europe/Paris")
                            .dt.day_of_week.to_numpy() == 6)
    assert len(sunday) > 1
    moved = posts["published_at"].copy()
    moved.iloc[sunday[1:]] -= pd.Timedelta(days=1)
    read = []
    real = timing.perm_score_test

    def spy(Z, slot, s, strata, **kwargs):
        if (slot // 24 >= 5).all():              # the weekend test reads weekend posts only
            read.append((slot.copy(), s.copy()))
        return real(Z, slot, s, strata, **kwargs)

    monkeypatch.setattr(timing, "perm_score_test", spy)
    bt = timing.best_times(posts.assign(published_at=moved), "Europe/Paris", "instagram",
                           daily=sim["daily"], seed=1)
    assert bt.method["weekday_test_left_out"] == 1
    assert bt.method["weekend_test_reads"].startswith(
        "every weekend post, those of a weekend day posted fewer than 3 times too")
    (slot, s), = read
    assert (slot // 24 == 6).sum() == 1
    assert s[slot // 24 == 6] == pytest.approx([0.0], abs=1e-6)
