"""Tests of smmanalytics.timing: method pieces by hand, contracts, and simulated accounts."""

from __future__ import annotations

import functools
import itertools
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from sim_timing import (  # noqa: E402
    MORNING,
    is_evening,
    naive_best_hour,
    simulate,
    true_lift,
)
from smmanalytics import Brand, Dataset  # noqa: E402
from smmanalytics.errors import (  # noqa: E402
    ArgumentError,
    ArgumentTypeError,
    EmptyDataError,
    SchemaError,
    UnknownPlatformError,
)
from smmanalytics.timing import BestTimes, best_times  # noqa: E402
from smmanalytics.timing._data import activity_schedule, slot_design  # noqa: E402
from smmanalytics.timing._estimate import (  # noqa: E402
    _around,
    _raw_lifts,
    _shrink,
    _week_scale,
    candidate_windows,
    hour_runs,
    posted_window,
)
from smmanalytics.timing._model import NOT_PERMUTABLE, nb_fit, perm_score_test  # noqa: E402
from smmanalytics.timing._result import _days, _hours, _inks, _outline  # noqa: E402

TZ = "Europe/Paris"


@pytest.fixture(autouse=True)
def _close_figs():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def sim0():
    return simulate(0)


@pytest.fixture(scope="module")
def bt0(sim0):
    return best_times(sim0["posts"], TZ, daily=sim0["daily"])


@functools.cache
def _simulated_fit(seed: int, evening_lift: float = 1.7) -> tuple[dict, BestTimes]:
    """``simulate(seed, evening_lift=...)`` and its best times (n_boot 200, the default), once
    a run: each fit costs ~0.4 s of CPU, and the four simulated-account tests share their
    accounts (120 fits where they made 180). Tests only read what this returns, and pass
    ``evening_lift`` by position (the cache's key tells a keyword from a position)."""
    sim = simulate(seed, evening_lift=evening_lift)
    return sim, best_times(sim["posts"], TZ, daily=sim["daily"], n_boot=200)


def _small_posts(times_utc, *, precision="minute", snapshot="2026-12-31", y=10.0):
    n = len(times_utc)
    return pd.DataFrame({
        "platform": pd.Categorical(["instagram"] * n),
        "post_id": pd.array([f"p{i}" for i in range(n)], dtype="string"),
        "published_at": pd.to_datetime(times_utc, utc=True).astype("datetime64[ns, UTC]"),
        "time_precision": pd.Categorical([precision] * n),
        "content_type": pd.Categorical(["image"] * n),
        "paid": pd.array([False] * n, dtype="boolean"),
        "reactions": pd.array([y] * n, dtype="Float64"),
        "snapshot_at": pd.Series([pd.Timestamp(snapshot, tz="UTC")] * n)
        .astype("datetime64[ns, UTC]"),
    })


# --- pieces checked by hand ---------------------------------------------------------------

def test_shrink_hand_computed():
    # two cells with posts, one without; smooth curve m = 0 everywhere
    Y = np.array([20.0, 10.0, 0.0])
    E = np.array([10.0, 10.0, 0.0])
    V = np.array([10.0, 10.0, 0.0])
    M = np.array([10.0, 10.0, 0.0])
    N = np.array([4.0, 4.0, 0.0])
    eta, centred, tau2 = _shrink(Y, E, V, M, N, np.zeros(3))
    # kappa = M^2 / V = 10: s^2 = trigamma(10) = 0.105166 (delta method V / M^2 = 0.1),
    # bias digamma(10) - log(10) = 2.251753 - 2.302585 = -0.050833
    s2, bias = 0.105166336, -0.050832504
    # lr = [log 2 + 0.050833, 0 + 0.050833] = [0.743980, 0.050833];
    # tau2 = mean([0.553506 - 0.105166, 0.002584 - 0.105166]) = 0.172879
    lr = np.array([np.log(2), 0.0]) - bias
    assert tau2 == pytest.approx((lr ** 2 - s2).mean(), rel=1e-6)
    assert tau2 == pytest.approx(0.172879, abs=1e-6)
    # B = 0.172879 / (0.172879 + 0.105166) = 0.621765; eta = [B lr0, B lr1, 0 (no posts)]
    b = tau2 / (tau2 + s2)
    assert b == pytest.approx(0.621765, abs=1e-6)
    assert eta == pytest.approx([b * lr[0], b * lr[1], 0.0], rel=1e-6)
    # centring: account average = (4 e^eta0 + 4 e^eta1) / 8
    assert centred == pytest.approx(eta - np.log((4 * np.exp(eta[0]) + 4 * np.exp(eta[1])) / 8))


def test_shrink_no_excess_variance_gives_smooth_curve():
    # kappa = 10: bias -0.050833, s^2 = 0.105166; l - m = [0.1, -0.1] + 0.050833:
    # mean(0.022750 - 0.105166, 0.002418 - 0.105166) < 0 so tau2 = 0 and eta = m
    m = np.array([0.5, 0.2])
    Y = np.exp(m + [0.1, -0.1]) * 10
    eta, _, tau2 = _shrink(Y, np.full(2, 10.0), np.full(2, 10.0), np.full(2, 10.0),
                           np.ones(2), m)
    assert tau2 == 0.0
    assert eta == pytest.approx(m)


def test_one_post_slots_spread_is_not_taken_for_slot_differences():
    """A small account (one post a slot, no timing effect) was told its slots differed: one
    post's engagement spreads more on the log scale (and sits lower) than the delta method
    says, and the shortfall was read as between-slot variance (tau^2 > 0 in 4 of 5 such
    accounts), so single posts stood as slot lifts of 2-3x."""
    # one post a slot, mu = 35, NB k = 1.5 (alpha = 2/3): V = 35 + 35^2 / 1.5 = 851.667,
    # kappa = 35^2 / 851.667 = 1.438356; trigamma(kappa) = 0.988712, the delta method's
    # V / M^2 = 0.695238; bias digamma(kappa) - log(kappa) = -0.386268
    mu, k = 35.0, 1.5
    V = mu + mu ** 2 / k
    s2, bias = 0.988712, -0.386268
    # four slots whose debiased raw log-lifts are +-0.95 around the curve m = 0:
    # mean(l^2) = 0.9025 < 0.988712, so tau2 = 0; the delta method had
    # mean([(0.95 - 0.386268)^2, (-0.95 - 0.386268)^2]) - 0.695238
    #   = (0.317794 + 1.785612) / 2 - 0.695238 = 0.356465
    d = np.array([0.95, -0.95, 0.95, -0.95])
    Y = mu * np.exp(d + bias)
    ones = np.ones(4)
    eta, _, tau2 = _shrink(Y, mu * ones, V * ones, mu * ones, ones, np.zeros(4))
    assert tau2 == 0.0
    assert eta == pytest.approx(np.zeros(4))
    delta = ((d + bias) ** 2).mean() - V / mu ** 2
    assert delta == pytest.approx(0.356465, abs=1e-5)
    # the two moments are those of the log of one such post (Monte Carlo, 400,000 posts):
    # variance 1.05 and mean -0.39, against the delta method's 0.695 and 0
    rng = np.random.default_rng(0)
    y = rng.poisson(rng.gamma(k, mu / k, 400_000)).astype(float)
    lg = np.log(np.where(y > 0, y, 0.5) / mu)
    _, raw, s2_got, _ = _raw_lifts(np.array([mu]), np.array([mu]), np.array([V]),
                                   np.array([mu]), np.ones(1), np.zeros(1))
    assert s2_got[0] == pytest.approx(s2, abs=1e-5)
    assert -raw[0] == pytest.approx(bias, abs=1e-5)     # Y = E = M: l = 0 - bias
    assert lg.var() == pytest.approx(s2, abs=0.07)
    assert lg.mean() == pytest.approx(bias, abs=0.02)


def test_nb_fit_matches_statsmodels():
    import statsmodels.api as sm

    rng = np.random.default_rng(3)
    n = 500
    X = np.column_stack([np.ones(n), rng.random(n) < 0.4, rng.normal(size=n)])
    off = np.log(rng.uniform(1000, 2000, n))
    mu = np.exp(off + X @ [-4.0, 0.8, 0.2])
    y = rng.poisson(rng.gamma(2.0, mu / 2.0)).astype(float)
    fit = nb_fit(X, y, off)
    ref = sm.GLM(y, X, offset=off, family=sm.families.NegativeBinomial(alpha=fit.alpha)).fit()
    assert fit.beta == pytest.approx(ref.params, abs=1e-6)
    assert 0.3 < fit.alpha < 0.8          # true alpha = 1 / shape = 0.5


def test_nb_fit_drops_collinear_columns():
    rng = np.random.default_rng(0)
    x = rng.normal(size=100)
    X = np.column_stack([np.ones(100), x, 2 * x])
    y = rng.poisson(np.exp(1 + 0.3 * x)).astype(float)
    fit = nb_fit(X, y, np.zeros(100))
    assert list(fit.keep) == [0, 1]
    assert fit.beta[2] == 0.0


def test_perm_test_hand_example():
    # 4 posts, one stratum, 2 slots with design z = [0, 1]; residuals s = [1, 1, -1, -1]
    # slots [1, 1, 0, 0]: U = 1 + 1 = 2; E U = n z-bar s-bar = 0 (s-bar = 0)
    # V = sum (z - 0.5)^2 * sum s^2 / (n - 1) = 1 * 4 / 3; T = 4 / (4/3) = 3
    p, t, how = perm_score_test(np.array([[0.0], [1.0]]), np.array([1, 1, 0, 0]),
                                np.array([1.0, 1, -1, -1]), np.zeros(4, dtype=int),
                                n_perm=999, rng=np.random.default_rng(0))
    assert t == pytest.approx(3.0)
    # T = 3 only when the two z=1 slots hold both +1 (or both -1) residuals: 2 of 6 pairings
    assert p == pytest.approx(1 / 3, abs=0.05)
    assert how == "monte_carlo_permutation"


def test_candidate_windows_wrap_midnight():
    W, desc = candidate_windows(3)
    assert W.shape == (168, 72)
    j = next(i for i, d in enumerate(desc) if d["days"] == "every day" and d["start_hour"] == 23)
    assert desc[j]["hours"] == [23, 0, 1]
    assert W[:, j].sum() == 21            # 7 days x 3 hours


# --- contracts -------------------------------------------------------------------------------

def test_result_shape_and_counts(bt0, sim0):
    assert isinstance(bt0, BestTimes)
    bs = bt0.by_slot
    assert len(bs) == 168 and list(bs.columns) == ["weekday", "hour", "n_posts", "lift",
                                                   "lift_low", "lift_high"]
    assert (bs["weekday"].to_numpy() == np.repeat(np.arange(7), 24)).all()
    assert (bs["hour"].to_numpy() == np.tile(np.arange(24), 7)).all()
    assert int(bs["n_posts"].sum()) == bt0.n_used == len(sim0["posts"])
    assert bt0.by_weekday["n_posts"].sum() == len(sim0["posts"])
    assert isinstance(bs.index, pd.RangeIndex)
    assert bt0.method["exposure"] == "followers"
    ok = bs["lift"].notna()
    assert (bs.loc[ok, "lift_low"] <= bs.loc[ok, "lift_high"]).all()


def test_input_not_mutated(sim0):
    posts = sim0["posts"]
    before, daily_before = posts.copy(deep=True), sim0["daily"].copy(deep=True)
    best_times(posts, TZ, daily=sim0["daily"], n_boot=200)
    pd.testing.assert_frame_equal(posts, before)
    pd.testing.assert_frame_equal(sim0["daily"], daily_before)


def test_deterministic_for_a_seed(sim0):
    a = best_times(sim0["posts"], TZ, daily=sim0["daily"], n_boot=200, seed=4)
    b = best_times(sim0["posts"], TZ, daily=sim0["daily"], n_boot=200, seed=4)
    pd.testing.assert_frame_equal(a.by_slot, b.by_slot)
    assert a.window == b.window and a.p_value == b.p_value


def test_dst_posts_land_on_local_wall_clock_hour():
    # Europe/Paris: CET (UTC+1) until 2026-03-29, CEST (UTC+2) after; back to CET 2026-10-25
    times = (["2026-03-27 17:00"] * 3      # Friday 18:00 CET
             + ["2026-03-30 17:00"] * 2    # Monday 19:00 CEST
             + ["2026-10-23 17:00"] * 4    # Friday 19:00 CEST
             + ["2026-10-26 17:00"] * 5)   # Monday 18:00 CET
    bt = best_times(_small_posts(times), TZ, exposure=None, n_boot=200)
    n = bt.by_slot.set_index(["weekday", "hour"])["n_posts"]
    assert n[(4, 18)] == 3 and n[(0, 19)] == 2 and n[(4, 19)] == 4 and n[(0, 18)] == 5
    assert n.sum() == 14
    assert not bt.effect_detected and np.isnan(bt.p_value)   # 14 posts: too few to test
    assert "Too few posts" in bt.summary



@pytest.mark.parametrize("last_day,weeks", [(9, "1 week"), (16, "2 weeks")])
def test_too_few_posts_counts_their_weeks_singular_or_plural(last_day, weeks):
    """Eight posts at 08:00 UTC, seven from Monday 5 October 2026 (5-9 October, cycling)
    and the last on ``last_day``: to Friday 9 October one week, to Friday 16 October two;
    the summary read "over 1 weeks"."""
    times = [f"2026-10-{5 + k % 5:02d} 08:00" for k in range(7)] + [f"2026-10-{last_day} 08:00"]
    bt = best_times(_small_posts(times), TZ, exposure=None, n_boot=200)
    assert bt.summary.startswith(f"Too few posts (8, over {weeks}) to test")

def test_day_precision_posts_only_in_by_weekday():
    sim = simulate(2, day_precision=50)
    bt = best_times(sim["posts"], TZ, daily=sim["daily"], n_boot=200)
    assert bt.n_excluded["day_precision"] == 50
    assert bt.n_used == 350 == int(bt.by_slot["n_posts"].sum())
    assert int(bt.by_weekday["n_posts"].sum()) == 400
    # each day-precision post counts on its own local date's weekday
    day = sim["posts"]["time_precision"].astype("string") == "day"
    wd = sim["posts"].loc[day, "published_at"].dt.day_of_week.value_counts()
    hour_wd = pd.Series(sim["weekday"][~day.to_numpy()]).value_counts()
    expected = wd.add(hour_wd, fill_value=0).reindex(range(7), fill_value=0)
    assert bt.by_weekday["n_posts"].tolist() == expected.astype(int).tolist()


def test_day_precision_dates_keep_their_day_far_east_of_utc():
    # the loaders store a day-precision date at 00:00 UTC; in Pacific/Auckland (UTC+13 in
    # January, UTC+12 in July) that instant is 13:00 / 12:00 local, and the nearest-day rule
    # (floor(local + 12 h)) moved every such post to the next weekday
    days = (["2026-01-05"] * 3      # Monday
            + ["2026-01-07"] * 2    # Wednesday
            + ["2026-07-11"] * 4)   # Saturday (NZST, UTC+12)
    for tz in ("Pacific/Auckland", "Pacific/Kiritimati", "Asia/Tokyo", "America/New_York"):
        bt = best_times(_small_posts(days, precision="day"), tz, exposure=None, n_boot=200)
        assert bt.by_weekday["n_posts"].tolist() == [3, 0, 2, 0, 0, 4, 0], tz
        assert bt.n_excluded["day_precision"] == 9 and bt.n_used == 0


def test_a_lift_heatmap_of_posts_without_hours_says_so():
    """YouTube's exports give the publish day only: its heatmap was a 7 x 24 grid all hatched
    "no post", telling the analyst the channel never posted. It says why there is no grid."""
    days = ["2026-01-05"] * 3 + ["2026-01-07"] * 2 + ["2026-07-11"] * 4     # 9 posts
    bt = best_times(_small_posts(days, precision="day"), TZ, platform="instagram",
                    exposure=None, n_boot=200)
    fig, ax = plt.subplots()
    assert bt.plot(ax=ax) is ax
    assert [t.get_text() for t in ax.texts] == [
        "No posting hours in these exports: 9 posts give only their day (Instagram)"]
    assert ax.get_title() == "Engagement lift by posting slot: no post with an hour"
    assert len(fig.axes) == 1 and not ax.images        # no colour bar, no cells
    # all platforms pooled: none named; one post: in the singular
    fig, ax = plt.subplots()
    best_times(_small_posts(days[:1], precision="day"), TZ, exposure=None,
               n_boot=200).plot(ax=ax)
    assert [t.get_text() for t in ax.texts] == [
        "No posting hours in these exports: 1 post gives only its day"]


def test_young_posts_excluded_and_counted():
    times = pd.date_range("2026-01-05 10:00", periods=60, freq="2D", tz="UTC")
    posts = _small_posts(times, snapshot=str(times[-1] + pd.Timedelta(days=3)))
    # age = snapshot - published: the last post is 3 days old, the one before 5, then 7 (kept:
    # not younger than 7 days), so exactly 2 posts are too young
    posts.loc[5, "reactions"] = pd.NA      # and one post without an outcome
    bt = best_times(posts, TZ, exposure=None, n_boot=200)
    assert bt.n_excluded["too_young"] == 2
    assert bt.n_excluded["missing_outcome"] == 1
    assert bt.n_used == 57
    # said in words, where only n_used=57 was shown (explore.ipynb, the HTML view): 60 posts,
    # 57 used, the 3 left out by why
    said = ("57 posts used; left out: measured less than a week after publishing, engagement "
            "still growing (2), no engagement figure (1)")
    assert bt.posts_used == said and said in bt._repr_html_()


def test_one_post_is_said_in_the_singular():
    """One post without engagement read "1 posts used" and "No engagement recorded on these 1
    posts"; two stay plural."""
    for times, used, these in ((["2026-10-05 09:00"], "1 post used", "this post"),
                               (["2026-10-05 09:00", "2026-10-06 10:00"], "2 posts used",
                                "these 2 posts")):
        bt = best_times(_small_posts(times, y=0.0), TZ, exposure=None, n_boot=200)
        assert bt.posts_used == f"{used}; none left out"
        assert bt.summary.startswith(f"No engagement recorded on {these}, so timing cannot")


def test_exposure_fallback_chain(sim0):
    bt = best_times(sim0["posts"], TZ, n_boot=200)                    # no daily: no followers
    assert bt.method["exposure"] == "reach"
    # the summary said nothing of it: a rate per person reached can hide a time that works
    # by reaching more people
    assert bt.exposure_fallback == "reach"
    assert bt.summary.endswith("Engagement was measured per person reached: fewer than 80% of "
                               "these posts have a follower count, and a time that works by "
                               "reaching more people shows less this way.")
    bt = best_times(sim0["posts"].drop(columns="reach"), TZ, n_boot=200)
    assert bt.method["exposure"] == "none" and bt.exposure_fallback == "none"
    assert bt.summary.endswith("Engagement was measured per post: fewer than 80% of these "
                               "posts have a follower count, or a reach.")
    # what was asked for is no fallback
    bt = best_times(sim0["posts"], TZ, exposure="reach", n_boot=200)
    assert bt.exposure_fallback is None and "measured per" not in bt.summary


def test_errors():
    with pytest.raises(SchemaError, match="published_at"):
        best_times(pd.DataFrame({"reactions": [1.0]}), TZ)
    with pytest.raises(SchemaError, match="published_at"):
        best_times(pd.DataFrame({"published_at": ["2026-01-01"]}), TZ)
    posts = _small_posts(["2026-01-01 10:00"])
    with pytest.raises(UnknownPlatformError, match="myspace"):
        best_times(posts, TZ, platform="myspace")
    # written as the analyst or the shell gives it (smm best-times --platform Instagram)
    assert best_times(posts, TZ, platform=" Instagram", n_boot=200).n_used == \
        best_times(posts, TZ, platform="instagram", n_boot=200).n_used
    # a platform without posts names those with: the one post is Instagram's
    with pytest.raises(EmptyDataError) as err:
        best_times(posts, TZ, platform="tiktok")
    assert str(err.value) == ("no posts to analyse (platform='tiktok'); expected one of the "
                              "platforms with posts: instagram")
    with pytest.raises(SchemaError, match="clicks_x"):
        best_times(posts, TZ, outcome="clicks_x")


def test_a_dataset_brings_its_posts_series_and_time_zone(sim0, bt0):
    ds = Dataset(posts=sim0["posts"], daily=sim0["daily"],
                 brand=Brand(name="Sim", timezone=TZ))
    bt = best_times(ds)
    assert bt.p_value == bt0.p_value and bt.window == bt0.window
    with pytest.raises(ArgumentError, match="time zone"):
        best_times(sim0["posts"])


def test_plot_annotates_post_counts(bt0):
    fig, ax = plt.subplots()
    out = bt0.plot(ax=ax)
    assert out is ax
    nonzero = int((bt0.by_slot["n_posts"] > 0).sum())
    assert len(ax.texts) == nonzero
    assert sum(int(t.get_text()) for t in ax.texts) == bt0.n_used
    assert len(ax.patches) == (len(bt0.window["weekdays"]) if bt0.effect_detected else 0)


def _two_accounts(posts: pd.DataFrame) -> pd.DataFrame:
    """``posts`` split between two accounts of their platform, every other post to the second
    (as an Instagram of maisonseve and seveshop): best_times controls for 2 account levels."""
    return posts.assign(account_id=pd.array(
        np.where(np.arange(len(posts)) % 2, "seveshop", "maisonseve"), dtype="string"))


def test_the_texts_of_two_accounts_say_each_accounts_own_average(sim0, bt0):
    """Of an Instagram of two accounts, each post measured against its own account's level,
    the summary said "Posting time matters for this account" and "× the account's average",
    and the heatmap's colorbar "lift vs account average": they say "these 2 accounts" and
    "each account's own average" (the report's bt_whom_many and bt_average_many); one
    account's texts are unchanged. The simulated account's 400 posts split every other one to
    a second account: 2 account levels (method["accounts"])."""
    two = best_times(_two_accounts(sim0["posts"]), TZ, daily=sim0["daily"])
    assert (two.accounts, bt0.accounts) == (2, 1)
    assert two.effect_detected and bt0.effect_detected
    w = two.window
    assert two.summary.startswith(
        f"Posting time matters for these 2 accounts (p = {two.p_value:.3f}): posts on any day "
        f"from 19:00–22:00 (Europe/Paris) earned about {w['lift']:.2f}× each account's own "
        f"average (90% interval {w['lift_low']:.2f}–{w['lift_high']:.2f}, allowing for the "
        f"window having been picked because it stood out; measured on weeks not used to "
        f"choose the window; 400 posts).")
    assert "the account" not in two.summary and "this account" not in two.summary
    assert bt0.summary.startswith(f"Posting time matters for this account (p = "
                                  f"{bt0.p_value:.3f}): posts on any day from 19:00–22:00")
    assert f"{bt0.window['lift']:.2f}× the account's average (90% interval" in bt0.summary
    labels = []
    for bt in (two, bt0):
        fig, ax = plt.subplots()
        bt.plot(ax=ax)
        labels.append(fig.axes[-1].get_ylabel())     # the colorbar's Axes, added last
    assert labels == ["lift vs each account's own average", "lift vs account average"]


def test_no_reliable_effect_of_two_accounts_is_said_of_their_data():
    """No effect in the posts of two accounts (seed 1001, no evening lift): "No reliable
    timing effect in these 2 accounts' data", not "this account's"."""
    sim = simulate(1001, evening_lift=1.0)
    two = best_times(_two_accounts(sim["posts"]), TZ, daily=sim["daily"], n_boot=200)
    assert not two.effect_detected
    assert two.summary.startswith(f"No reliable timing effect in these 2 accounts' data "
                                  f"(p = {two.p_value:.2f}, 400 posts)")


def test_a_lift_heatmap_shows_the_posted_hours():
    """Posts at 08:00-10:00 Paris only (07:00-09:00 UTC in winter) were drawn on a whole day:
    two thirds of the chart blank, its cells narrow. It shows twelve hours around them, and
    the activity map, whose data cover the day, the whole day."""
    times = [*pd.date_range("2026-01-05 07:00", periods=10, freq="7D", tz="UTC"),
             *pd.date_range("2026-01-06 09:00", periods=10, freq="7D", tz="UTC")]
    bt = best_times(_small_posts(times), TZ, platform="instagram", exposure=None, n_boot=200)
    fig, ax = plt.subplots()
    bt.plot(ax=ax)
    # 08..10 widened by 9 hours, 4 before and 5 after: 04:00 to 15:00
    assert ax.get_xlim() == (3.5, 15.5)
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "04:00", "06:00", "08:00", "10:00", "12:00", "14:00"]
    assert sorted(int(t.get_position()[0]) for t in ax.texts) == [8, 10]
    # every post alike: lifts of 1, and a scale that read "1×" alone
    labels = [t.get_text() for t in fig.axes[1].get_yticklabels()]
    assert labels == ["0.9×", "1×", "1.1×"]
    plt.close(fig)


def test_a_lift_heatmap_colours_only_slots_with_posts():
    """Every day at 08:00, 10:00, ..., 20:00 Paris, never at the odd hours between: the
    heatmap coloured 09:00, 11:00, ... with the smooth curve's guess, which a manager read as
    "we posted then and it did this well". Only the 7 x 7 = 49 posted cells are coloured; the
    other 168 - 49 = 119 are hatched, the 6 x 7 = 42 estimated between posted hours among
    them, and the title says what hatching means. by_slot keeps the estimates. 8 weeks: 8
    posts a cell, the fewest whose lift is shown (drawn faint below)."""
    # 2026-01-05 is a Monday; 07:00 UTC is 08:00 in Paris in winter; 8 weeks
    days = pd.date_range("2026-01-05 07:00", periods=56, freq="D", tz="UTC")
    posts = _small_posts([d + pd.Timedelta(hours=h) for d in days for h in range(0, 13, 2)])
    posts["reactions"] = pd.array([10.0 + i % 5 for i in range(len(posts))], dtype="Float64")
    bt = best_times(posts, TZ, platform="instagram", exposure=None, n_boot=200)
    s = bt.by_slot
    guessed = s["lift"].notna() & s["n_posts"].eq(0)
    assert int(guessed.sum()) == 42 and s.loc[guessed, "hour"].isin([9, 11, 13, 15, 17, 19]).all()
    fig, ax = plt.subplots()
    bt.plot(ax=ax)
    shown = ~np.ma.getmaskarray(ax.images[0].get_array())
    posted = {(d, h) for d in range(7) for h in range(8, 21, 2)}
    assert set(zip(*np.nonzero(shown), strict=True)) == posted
    hatched = next(c for c in ax.collections if c.get_gid() == "no_posts")
    assert hatched.get_hatch() == "////"
    # each hatched path is the cell (weekday d, hour h): -0.5 to +0.5 around (h, d)
    cells = {(round(b.y0 + 0.5), round(b.x0 + 0.5))
             for b in (path.get_extents() for path in hatched.get_paths())}
    assert len(cells) == 119 and (0, 9) in cells and not cells & posted
    # the platform and the data's span head the title: 56 days from Monday 5 January are 8
    # weeks, the last post on Sunday 1 March (the same title was over every heatmap)
    assert ax.get_title() == ("Instagram, 8 weeks of posts to 2026-03-01\nEngagement lift by "
                              "posting slot (numbers: posts; hatched: no post)")
    plt.close(fig)
    bt.method.update(platform="tiktok", weeks=1, last_day="2026-01-11")
    assert bt.plot().get_title().split("\n")[0] == "TikTok, 1 week of posts to 2026-01-11"
    plt.close("all")



# each example renders two SVGs: 8 drawn, and the two ends written out (every cell unposted,
# none unposted), where 40 took 9-11 s
@settings(max_examples=8, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=168, max_size=168))
@example([0] * 168)
@example([1] * 168)
def test_unposted_cells_are_hatched_as_the_cells_rectangles(counts):
    """The hatch's paths are the paths of a Rectangle on each unposted cell (weekday d,
    hour h: corners h ± 0.5, d ± 0.5), as PatchCollection made them: same vertices, same
    codes, and an SVG of the same bytes."""
    import io

    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    from smmanalytics.timing._result import _hatch_unposted

    n = np.array(counts).reshape(7, 24)
    rects = [Rectangle((h - 0.5, d - 0.5), 1, 1) for d, h in zip(*np.nonzero(n == 0),
                                                                  strict=True)]
    svgs, paths = [], []
    for hatch in (lambda ax: ax.add_collection(PatchCollection(
                      rects, facecolor="none", edgecolor="0.78", linewidth=0, hatch="////",
                      zorder=0.5, gid="no_posts"), autolim=False),
                  lambda ax: _hatch_unposted(ax, n)):
        fig, ax = plt.subplots()
        coll = hatch(ax)
        paths.append([(p.vertices.tolist(), p.codes.tolist()) for p in coll.get_paths()])
        buf = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": "test"}):
            fig.savefig(buf, format="svg", metadata={"Date": None})
        svgs.append(buf.getvalue())
        plt.close(fig)
    assert paths[1] == paths[0] and len(paths[0]) == int((n == 0).sum())
    assert svgs[1] == svgs[0]


def test_repr_and_json(bt0):
    # the heading says which platform the answer is for: a notebook often shows several
    assert "<b>Best times · all platforms</b>" in bt0._repr_html_()
    times = pd.date_range("2026-03-02 08:00", periods=12, freq="7D", tz="UTC")
    one = best_times(_small_posts(times), TZ, platform="instagram", exposure=None, n_boot=200)
    assert "<b>Best times · instagram</b>" in one._repr_html_()
    d = json.loads(json.dumps(bt0.to_dict()))
    assert d["effect_detected"] is bt0.effect_detected and len(d["by_slot"]) == 168


def test_activity_fallback_when_no_effect():
    # no effect at all: seed 1000's weekday test gave p = 0.086, one of the 1 in 10
    # accounts without any effect whose days pass the test at alpha = 0.10
    sim = simulate(1001, evening_lift=1.0)
    hours = pd.DataFrame({"date": pd.Timestamp("2025-03-04"), "hour": range(24)})  # a Tuesday
    act = pd.DataFrame({
        "platform": pd.Categorical(["instagram"] * 24), "account_id": "acc",
        "date": hours["date"], "hour": pd.array(hours["hour"], dtype="Int8"),
        "metric": pd.array(["online_followers"] * 24, dtype="string"),
        "value": pd.array(np.where(hours["hour"] == 20, 900.0, 100.0), dtype="Float64"),
    })
    daily = pd.concat([sim["daily"], act], ignore_index=True)
    bt = best_times(sim["posts"], TZ, daily=daily, n_boot=200)
    assert not bt.effect_detected and bt.recommended.empty
    assert len(bt.activity) == 168
    # one Tuesday of data: every weekday takes the hour means, so Monday 20:00 = 900 too
    top = bt.activity.sort_values(["online_followers", "weekday"], ascending=[False, True])
    assert (int(top.iloc[0]["weekday"]), int(top.iloc[0]["hour"])) == (0, 20)
    assert bt.activity["online_followers"].max() == 900
    assert "20:00" in bt.summary and "audience schedule" in bt.summary
    assert "assumed Europe/Paris" in bt.method["activity_tz"]
    fig, ax = plt.subplots()
    bt.plot(ax=ax, kind="activity")
    fig.canvas.draw()          # the scale is a ratio to the weekly average, marked as lifts are
    labels = [t.get_text() for t in fig.axes[1].get_yticklabels() if t.get_text()]
    assert labels and all(t.endswith("×") for t in labels)
    plt.close(fig)


def test_activity_hours_converted_from_export_zone():
    act = pd.DataFrame({"platform": pd.Categorical(["tiktok"] * 2), "date": pd.Timestamp(
        "2026-07-07"), "hour": pd.array([10, 11], dtype="Int8"), "metric": "online_followers",
        "value": [5.0, 7.0], "day_tz": "UTC"})
    out, note = activity_schedule(act, TZ, None)
    cell = out.set_index(["weekday", "hour"])["online_followers"]
    # 10:00 and 11:00 UTC on Tuesday 7 July = 12:00 and 13:00 CEST
    assert cell[(1, 12)] == 5.0 and cell[(1, 13)] == 7.0
    assert note == "hours read in the export's day_tz"


# --- simulated accounts with a known truth ----------------------------------------------------

def test_evening_found_behind_format_confound():
    # 20 accounts: evening (18-21 local) x1.7, reels x2.2 and mostly posted in the morning
    hits, every_day, naive_morning = 0, 0, 0
    for seed in range(20):
        sim, bt = _simulated_fit(seed)
        hits += bt.effect_detected and is_evening(bt.window)
        every_day += bt.window.get("days") == "every day"
        naive_morning += naive_best_hour(sim["posts"], TZ) in MORNING + (11,)
    assert hits >= 16                   # >= 80% of accounts
    # the lift is planted on every day: the one-standard-error rule keeps weekday-only or
    # weekend-only windows out (14 of 20 were "every day" without it, 20 with it)
    assert every_day >= 18
    assert naive_morning > 10           # the naive mean-by-hour heatmap picks the morning


@pytest.mark.slow
def test_no_timing_effect_is_rarely_claimed():
    # 40 accounts without any timing effect: claims <= alpha * 40 + 4 (alpha = 0.10)
    claims, small_p = 0, 0
    for seed in range(40):
        _, bt = _simulated_fit(1000 + seed, 1.0)
        claims += bt.effect_detected
        small_p += bt.p_value < 0.10
    assert claims <= 8
    assert small_p <= 8


def test_held_out_lift_is_the_reported_windows(bt0):
    # the lift is measured on the held-out halves of the splits that chose the reported window
    # (geometric mean); a split that chose a neighbour measured the neighbour. On this account 6
    # of 8 splits chose every day 19-22 and 2 chose 18-21: the lift averaged all 8 before.
    w = bt0.window
    mine = [s["held_out_lift"] for s in w["split_windows"]
            if s["weekdays"] == w["weekdays"] and s["hours"] == w["hours"]]
    assert 0 < len(mine) < len(w["split_windows"])          # the splits disagree here
    # the window is recommended, so its raw held-out lift is kept as raw_lift and the lift
    # shown allows for its having been shown (test_best_times_selective checks that maths):
    # its interval (raw_lift_low) cleared 1 by far, so the shown lift is only a little lower
    assert bt0.effect_detected and w["selection_adjusted"]
    assert w["raw_lift"] == pytest.approx(np.exp(np.mean(np.log(mine))))
    assert 0.98 * w["raw_lift"] < w["lift"] < w["raw_lift"]
    assert w["agreement"] == pytest.approx(len(mine) / len(w["split_windows"]))


@pytest.mark.slow
def test_held_out_interval_coverage():
    # The truth to cover is the true lift of the window reported (e-weighted timing multiplier
    # inside it over the account's average, sim_timing.true_lift). Nominal 90% (0.907 +- 0.014
    # with an effect, 0.877 +- 0.016 without, 0.885 +- 0.016 with a small one, on 3 x 400
    # other simulated accounts); tolerance: >= 75% of 40 accounts (binomial sd of the rate at
    # 90% is 4.7 points, so 75% is three sd below nominal: at a true 0.89 a run of 40 falls
    # below 30 with probability 0.003).
    # The 40 accounts are the first 20 of the next test's (evening lift, seeds 0-19, those of
    # test_evening_found_behind_format_confound) and of test_no_timing_effect_is_rarely_
    # claimed's (none, seeds 1000-1019), fitted once for all (_simulated_fit): 18 + 18 = 36
    # covered. Seeds 500-539, half of each, were fitted for this test alone: the four tests
    # fitted 180 accounts (~0.4 s of CPU each), 120 now.
    covered = 0
    for seed in range(20):
        for sim, bt in (_simulated_fit(700 + seed), _simulated_fit(1000 + seed, 1.0)):
            w = bt.window
            covered += (w["lift_low"] <= true_lift(sim, w["weekdays"], w["hours"])
                        <= w["lift_high"])
    assert covered >= 30


@pytest.mark.slow
def test_held_out_interval_not_below_the_reported_windows_lift():
    # 80 accounts with an evening effect. The lift averaged the held-out lifts of whatever
    # windows the splits chose, so when some chose a neighbouring window it sat below the
    # reported window's true lift: the truth lay above the interval for 16 of 80 (seeds
    # 700-779; 0.165 +- 0.019 on 400 others, coverage 0.80 +- 0.02); now 4 (0.052 +- 0.011,
    # 0.907).
    # At the nominal 5% the count is 4 +- 2: at most 8 allowed, and coverage >= 80% (at 5.2%
    # and 0.907 a run of 80 breaks these with probability 0.023 and 0.001).
    # The accounts are seeds 0-79 now (5 above, 70 covered; 700-779 gave 4 above): the first
    # 20 are test_evening_found_behind_format_confound's, fitted once for both.
    above, covered = 0, 0
    for seed in range(80):
        sim, bt = _simulated_fit(seed)
        w = bt.window
        truth = true_lift(sim, w["weekdays"], w["hours"])
        above += truth > w["lift_high"]
        covered += w["lift_low"] <= truth <= w["lift_high"]
    assert above <= 8
    assert covered >= 64


def test_week_scale_hand_computed():
    # K = 4 leave-one-week-out lifts of one slot deviating u = [1, -1, 1, -1] from their mean:
    # jackknife variance 3/4 * 4 = 3; effective weeks 3 * 4^2 / 4 = 12, clipped to K - 1 = 3.
    # Bootstrap replicates [-1, 1] have variance 1, so the factor is sqrt(3) * t_3 / z.
    from scipy import stats

    lj = np.array([[1.0], [-1.0], [1.0], [-1.0]]) + 0.2
    f = _week_scale(lj, np.array([[-1.0], [1.0]]), 0.95)
    assert f == pytest.approx([np.sqrt(3) * stats.t.ppf(0.95, 3) / stats.norm.ppf(0.95)])
    # K = 6 with one heavy week: u = [5, -1, -1, -1, -1, -1], sum u^2 = 30, sum u^4 = 630:
    # jackknife variance 5/6 * 30 = 25, effective weeks 3 * 900 / 630 = 4.29 (of 5)
    lj = np.column_stack([[5.0, -1, -1, -1, -1, -1], np.zeros(6)])
    f = _week_scale(lj, np.array([[-1.0, 0.0], [1.0, 0.0]]), 0.95)
    assert f[0] == pytest.approx(5 * stats.t.ppf(0.95, 3 * 900 / 630) / stats.norm.ppf(0.95))
    # a slot that never moves keeps a zero spread (factor t_{K-1} / z on nothing)
    assert np.isfinite(f[1])


@settings(max_examples=40, deadline=None)
@given(stamps=st.lists(st.datetimes(min_value=pd.Timestamp("2024-01-01").to_pydatetime(),
                                    max_value=pd.Timestamp("2027-12-31").to_pydatetime()),
                       min_size=1, max_size=19),
       tz=st.sampled_from(["Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC"]))
def test_property_cells_sum_to_posts_on_local_clock(stamps, tz):
    # fewer than 20 posts: nothing is estimated, but every post is counted in its local cell
    posts = _small_posts([pd.Timestamp(s) for s in stamps], snapshot="2030-01-01")
    before = posts.copy(deep=True)
    bt = best_times(posts, tz, exposure=None, min_age_days=0, n_boot=200)
    local = posts["published_at"].dt.tz_convert(tz)
    expected = (local.dt.day_of_week * 24 + local.dt.hour).value_counts()
    got = bt.by_slot["n_posts"].to_numpy()
    assert got.sum() == len(stamps) == bt.n_used
    assert all(got[k] == v for k, v in expected.items())
    pd.testing.assert_frame_equal(posts, before)


def test_day_only_platform_and_nothing_usable(sim0):
    sim = simulate(2, day_precision=400)
    bt = best_times(sim["posts"], TZ, daily=sim["daily"], n_boot=200)
    assert bt.n_used == 0 and not bt.effect_detected and bt.recommended.empty
    assert bt.window["status"] == "no posts with a known hour"
    assert bt.summary.startswith("The exports give no posting hours")
    assert int(bt.by_weekday["n_posts"].sum()) == 400 and bt.by_weekday["lift"].notna().all()
    young = sim0["posts"].assign(snapshot_at=sim0["posts"]["published_at"])
    bt = best_times(young, TZ, n_boot=200)
    assert bt.n_excluded["too_young"] == 400 and bt.n_used == 0
    assert bt.summary.startswith("No post could be analysed (too young: 400)")
    json.dumps(bt.to_dict(), allow_nan=False)          # NaN become null: strict JSON


def test_pooled_platforms_and_platform_filter(sim0):
    other = simulate(4)["posts"].assign(platform=pd.Categorical(["facebook"] * 400))
    both = pd.concat([sim0["posts"], other], ignore_index=True)
    both["platform"] = both["platform"].astype("category")
    bt = best_times(both, TZ, n_boot=200)
    assert bt.n_used == 800 and int(bt.by_slot["n_posts"].sum()) == 800
    assert any(c.startswith("group[") for c in bt.method["controls"])   # platform as control
    fb = best_times(both, TZ, platform="facebook", n_boot=200)
    assert fb.n_used == 400 and fb.method["platform"] == "facebook"


def test_cell_ink_is_white_on_dark_cells_black_on_light_and_missing_ones():
    from matplotlib.colors import LogNorm

    fig, ax = plt.subplots()
    values = np.array([0.5, 0.9, 1.0, 1.1, 2.0, np.nan])
    im = ax.imshow(values[None, :], cmap="RdBu_r", norm=LogNorm(vmin=0.5, vmax=2.0))
    # RdBu_r runs from dark blue (0.5) through white (1) to dark red (2)
    assert _inks(im, values).tolist() == ["white", "black", "black", "black", "white", "black"]
    for v, ink in zip(values, _inks(im, values), strict=True):   # the per-cell luminance rule
        if np.isfinite(v):
            r, g, b, _ = im.cmap(im.norm(v))
            assert ink == ("white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 else "black")
    plt.close(fig)


def test_interval_level_and_replicates_are_checked(sim0):
    """alpha also sets the intervals' level: alpha=0.999 wrote "(0% interval 1.30–1.30)";
    n_boot=2 gave a "90% interval" from 2 bootstrap replicates and flipped decisions. Now
    alpha is above 0 and at most 0.5; n_boot at least 200 and at least 10 / alpha (5
    replicates beyond each end: 10 / 0.01 = 1 000 for a 99 % interval); n_perm 0 (the
    chi-square limit) or at least 99."""
    posts = sim0["posts"]
    cases = [({"alpha": 0.999}, "alpha", "> 0 and <= 0.5; got 0.999"),
             ({"alpha": 0.6}, "alpha", "> 0 and <= 0.5; got 0.6"),
             ({"n_boot": 2}, "n_boot", "a whole number of at least 200; got 2"),
             ({"n_boot": 199}, "n_boot", "a whole number of at least 200; got 199"),
             ({"alpha": 0.01}, "n_boot", "a whole number of at least 1000; got 200"),
             ({"alpha": 0.01, "n_boot": 999}, "n_boot", "at least 1000; got 999"),
             ({"n_perm": 5}, "n_perm", "0 (the chi-square limit) or a whole number of at least "
                                       "99; got 5"),
             ({"n_perm": -1}, "n_perm", "at least 0; got -1")]
    for kw, name, words in cases:
        with pytest.raises(ArgumentError, match=name) as err:
            best_times(posts, TZ, **kw)
        assert words in str(err.value)
    bt = best_times(posts, TZ, alpha=0.5, n_boot=200, n_perm=0)     # the limits themselves
    assert bt.method["level"] == 0.5


def test_arguments_out_of_range_are_refused_by_name(sim0):
    posts = sim0["posts"]
    cases = [({"tz": "Paris"}, "tz", "not an IANA time zone: 'Paris' (such as Europe/Paris)"),
             ({"n_boot": 0}, "n_boot", "at least 200; got 0"),
             ({"exposure": "impressions"}, "exposure",
              "one of ('followers', 'reach', None); got 'impressions'"),
             ({"window_hours": 0}, "window_hours", "from 1 to 23; got 0"),
             ({"window_hours": 24}, "window_hours", "from 1 to 23; got 24"),
             ({"alpha": 1.5}, "alpha", "> 0 and <= 0.5; got 1.5"),
             ({"alpha": 0}, "alpha", "got 0"),
             ({"min_age_days": -1}, "min_age_days", ">= 0; got -1"),
             ({"n_splits": 0}, "n_splits", "got 0"),
             ({"window_hours": 2.5}, "window_hours", "not a whole number"),
             ({"seed": "a"}, "seed", "not a whole number"),
             ({"seed": -1}, "seed", "at least 0; got -1")]
    for kw, name, words in cases:
        with pytest.raises(ArgumentError, match=name) as err:
            best_times(posts, **({"tz": TZ} | kw))
        assert words in str(err.value)
        assert isinstance(err.value, ValueError)
    with pytest.raises(ArgumentError, match="a DataFrame of canonical posts or a Dataset"):
        best_times(posts.to_dict(), TZ)
    # AttributeError 'str' object has no attribute 'empty', before
    with pytest.raises(ArgumentTypeError, match="^argument 'daily': best_times takes the account "
                       "series of ds.daily; expected a DataFrame; got 'str'"):
        best_times(posts, TZ, daily="daily.csv")


def test_posts_with_any_index_give_the_same_answer(sim0, bt0):
    posts = sim0["posts"].set_index("post_id")
    before = posts.copy()
    bt = best_times(posts, TZ, daily=sim0["daily"])
    assert bt.p_value == bt0.p_value and bt.window == bt0.window
    pd.testing.assert_frame_equal(bt.by_slot, bt0.by_slot)
    pd.testing.assert_frame_equal(posts, before)                 # the caller's frame unchanged
    # duplicated labels and a platform filter: rows are taken by position
    dup = sim0["posts"].set_index(pd.Index(["x"] * len(sim0["posts"])))
    bt = best_times(dup, TZ, platform="instagram", daily=sim0["daily"])
    assert bt.n_used == bt0.n_used


def test_estimable_by_hand():
    from smmanalytics.timing._model import estimable

    # columns: intercept, d, d again (aliased): b1 and b2 alone are not estimable, b1 + b2 is
    d = np.array([0.0, 1, 0, 1, 1])
    X = np.column_stack([np.ones(5), d, d])
    A = np.array([[1.0, 0, 0], [0, 1, 0], [0, 1, 1], [0, 0, 0]])
    assert estimable(X, A).tolist() == [True, False, True, True]


def _confounded(hourly: bool) -> pd.DataFrame:
    # 8 weeks: every Wednesday a short, every Saturday a video; weekday is format
    # day-precision dates are stored at midnight (UTC here, the source zone)
    wed, sat = ("2026-03-04 18:00", "2026-03-07 09:00") if hourly else ("2026-03-04",
                                                                           "2026-03-07")
    weds = pd.date_range(wed, periods=8, freq="7D", tz="UTC")
    sats = pd.date_range(sat, periods=8, freq="7D", tz="UTC")
    posts = _small_posts(list(weds) + list(sats), precision="minute" if hourly else "day")
    posts["content_type"] = pd.Categorical(["short"] * 8 + ["video"] * 8)
    posts["reactions"] = pd.array(np.r_[np.full(8, 10.0), np.full(8, 30.0)] + np.arange(16),
                                  dtype="Float64")
    # 24 more, all on Wednesday as shorts, to pass the 20-post minimum
    more = _small_posts(pd.date_range(wed, periods=24, freq="7D", tz="UTC"))
    more["content_type"] = pd.Categorical(["short"] * 24)
    more["time_precision"] = posts["time_precision"].iloc[0]
    return pd.concat([posts, more.astype(posts.dtypes.to_dict())], ignore_index=True)


def test_weekday_aliased_with_format_cannot_be_tested():
    bt = best_times(_confounded(hourly=False), TZ, exposure=None, n_boot=200)
    assert bt.n_used == 0 and bt.method["weekday_test"] == "not identifiable"
    assert np.isnan(bt.method["weekday_p_value"])
    assert bt.by_weekday["n_posts"].tolist() == [0, 0, 32, 0, 0, 8, 0]
    assert bt.by_weekday[["lift", "lift_low", "lift_high"]].isna().all().all()
    assert "the weekday effect cannot be tested" in bt.summary and "p =" not in bt.summary
    json.dumps(bt.to_dict(), allow_nan=False)


def test_hour_aliased_with_format_cannot_be_tested():
    bt = best_times(_confounded(hourly=True), TZ, exposure=None, n_boot=200)
    assert bt.n_used == 40 and np.isnan(bt.p_value) and not bt.effect_detected
    assert bt.method["test"] == "not identifiable"
    assert bt.by_slot[["lift", "lift_low", "lift_high"]].isna().all().all()
    assert bt.summary.startswith("Whether posting time matters cannot be tested on these 40 "
                                 "posts")
    assert "p =" not in bt.summary and "Too few" not in bt.summary


def test_estimable_on_many_posts_needs_no_square_matrix():
    """The null space needs the right singular vectors only: 200 000 posts would ask 320 GB
    for the left ones (the 100 000-post benchmark failed so)."""
    from smmanalytics.timing._model import estimable

    rng = np.random.default_rng(1)
    x = rng.normal(size=(200_000, 2))
    X = np.column_stack([np.ones(len(x)), x, x[:, 0] + x[:, 1]])    # the last column aliased
    ok = estimable(X, np.array([[0, 1, 0, 0], [0, 1, -1, 0], [0, 1, 1, -1], [1, 0, 0, 0.0]]))
    # the null space is t(0, 1, 1, -1): b1 alone and b1 + b2 - b3 are not estimable,
    # b1 - b2 and the intercept are (orthogonal to it)
    assert ok.tolist() == [False, True, False, True]


def test_posts_read_back_from_csv_give_the_same_answer(sim0):
    # read_csv gives published_at and snapshot_at back as text with their +00:00 offset: read
    # as the same instants, the analysis is the one of the frame written
    import io

    posts = sim0["posts"].loc[sim0["posts"]["platform"] == "instagram"]
    back = pd.read_csv(io.StringIO(posts.to_csv(index=False)))
    before = back.copy()
    a = best_times(posts, TZ, n_boot=200)
    b = best_times(back, TZ, n_boot=200)
    assert (b.n_used, b.p_value, b.window) == (a.n_used, a.p_value, a.window)
    pd.testing.assert_frame_equal(back, before)
    # the same times written without their offset are refused: their zone would be a guess
    naive = back.assign(published_at=back["published_at"].str.slice(0, 19))
    with pytest.raises(SchemaError, match="ISO 8601 text with its UTC offset; got text such "
                       "as '20"):
        best_times(naive, TZ)


def test_an_outcome_of_text_or_a_plot_of_another_kind_is_named():
    posts = _small_posts(["2026-01-01 10:00", "2026-01-02 10:00"]).assign(
        caption=pd.array(["hello", "bye"], dtype="string"))
    with pytest.raises(SchemaError, match=r"outcome column 'caption' must hold numbers \(a count "
                       r"per post such as comments or saves\); got string values such as "
                       r"'hello'") as err:
        best_times(posts, TZ, outcome="caption")
    assert err.value.column == "caption"
    bt = best_times(posts, TZ, n_boot=200)
    with pytest.raises(ArgumentError, match="argument 'kind': not a kind of plot; expected "
                       "'lift' or 'activity'; got 'hours'"):
        bt.plot(kind="hours")


# --- the window claims only what was posted; its outline; its interval; an empty test -----------

def _posts_at(days, hours, lift, *, weeks=30, seed=0):
    """Hand-made posts: one at minute 7 of each local (Paris) hour of ``hours`` on each weekday
    of ``days`` (0 = Monday), every week of ``weeks`` from Monday 5 January 2026; interactions
    gamma-Poisson (shape 20) around 100 x ``lift(weekday, hour)``."""
    rng = np.random.default_rng(seed)
    w, d, h = (np.array(v) for v in zip(*[(w, d, h) for w in range(weeks) for d in days
                                          for h in hours], strict=True))
    local = (pd.Timestamp("2026-01-05") + pd.to_timedelta(w * 7 + d, unit="D")
             + pd.to_timedelta(h * 60 + 7, unit="min"))
    mu = 100.0 * np.array([lift(a, b) for a, b in zip(d, h, strict=True)])
    posts = _small_posts(pd.DatetimeIndex(local).tz_localize(TZ).tz_convert("UTC"))
    posts["reactions"] = pd.array(rng.poisson(rng.gamma(20.0, mu / 20.0)), dtype="Float64")
    return posts


def _at_19(d, h):
    return 2.0 if h == 19 else 1.0


@pytest.mark.parametrize("days,hours,lift,weekdays,named,said", [
    # weekend posts only: the every-day window holds the same posts as the weekend one (the
    # one-standard-error rule took it), and claimed Monday to Friday
    ((5, 6), (10, 14, 19), _at_19, [5, 6], "Saturday-Sunday", "at weekends from 19:00–20:00"),
    # weekday posts only: it claimed Saturday and Sunday
    (range(5), (10, 14, 19), _at_19, [0, 1, 2, 3, 4], "Monday-Friday",
     "on weekdays from 19:00–20:00"),
    # posts on three days, which are no day group: they are named
    ((0, 2, 5), (10, 19), _at_19, [0, 2, 5], "Monday/Wednesday/Saturday",
     "on Monday, Wednesday and Saturday from 19:00–20:00"),
])
def test_the_window_holds_only_days_and_hours_posted_at(days, hours, lift, weekdays, named,
                                                        said):
    bt = best_times(_posts_at(days, hours, lift), TZ)
    w = bt.window
    assert bt.effect_detected
    assert (w["days"], w["weekdays"], w["hours"]) == (named, weekdays, [19])
    assert (w["start_hour"], w["end_hour"]) == (19, 20)
    assert said in bt.summary
    posted = set(zip(*(bt.by_slot.loc[bt.by_slot["n_posts"] > 0, c] for c in
                       ("weekday", "hour")), strict=True))
    rec = bt.recommended
    assert set(zip(rec["weekday"], rec["hour"], strict=True)) == {(d, 19) for d in weekdays}
    assert (rec["n_posts"] > 0).all() and rec["lift"].notna().all()
    assert int(rec["n_posts"].sum()) == w["n_posts"]
    for s in [w, *w["split_windows"]]:      # every day and hour named holds posts
        assert all(any((d, h) in posted for h in s["hours"]) for d in s["weekdays"])
        assert all(any((d, h) in posted for d in s["weekdays"]) for h in s["hours"])


def test_a_weekend_only_window_plans_slots():
    """calendar.plan_slots failed on the window's 0-post cells (lift <NA>: "float() argument
    must be ... not 'NAType'"); a window of posted cells only has none."""
    from smmanalytics.calendar import plan_slots

    bt = best_times(_posts_at((5, 6), (10, 14, 19), _at_19), TZ)
    plan = plan_slots(bt, "2026-11-02", weeks=2, posts_per_week=2)
    assert plan.attrs["basis"] == "effect"
    assert set(zip(plan["weekday"], plan["hour"], strict=True)) == {(5, 19), (6, 19)}


def test_posted_window_and_hour_runs_by_hand():
    posted = np.zeros((7, 24), dtype=bool)
    posted[[0, 2], 18] = posted[2, 20] = True           # Monday 18:00, Wednesday 18:00 and 20:00
    w = candidate_windows(3)[1][18]                        # every day, 18:00-21:00
    cut = posted_window(w, posted)
    # days with a post in 18-21, hours with a post on those days; 19:00 is no part of it
    assert cut == {"days": "Monday/Wednesday", "weekdays": [0, 2], "hours": [18, 20],
                   "start_hour": 18, "end_hour": 21}
    assert hour_runs(cut["hours"]) == [(18, 19), (20, 21)]
    assert hour_runs([22, 23, 0]) == [(22, 1)]
    assert _hours(cut) == "18:00–19:00 and 20:00–21:00"
    assert _days(cut) == "on Monday and Wednesday"
    posted[:, 18] = True
    assert posted_window(w, posted)["days"] == "every day"


def test_a_window_past_midnight_is_outlined_on_both_sides():
    """Every day 23:00-02:00: one box per day from 22.5, three wide, ran off the chart's right
    edge (23.5) and left 00:00 and 01:00 unmarked. Each day gets 22.5-23.5 and -0.5-1.5."""
    slots = pd.DataFrame({"weekday": np.repeat(np.arange(7), 24), "hour": np.tile(np.arange(24), 7),
                          "n_posts": 1, "lift": 1.0, "lift_low": 0.9, "lift_high": 1.1})
    window = {"status": "ok", "days": "every day", "weekdays": list(range(7)),
              "hours": [23, 0, 1], "start_hour": 23, "end_hour": 2, "lift": 1.5,
              "lift_low": 1.4, "lift_high": 1.6}
    bt = BestTimes(effect_detected=True, p_value=0.002, by_slot=slots,
                   recommended=slots.iloc[:0], by_weekday=pd.DataFrame(), window=window,
                   n_used=168, n_excluded={}, method={"tz": TZ})
    fig, ax = plt.subplots()
    bt.plot(ax=ax)
    boxes = sorted((p.get_x(), p.get_x() + p.get_width(), p.get_y()) for p in ax.patches)
    assert boxes == sorted([(22.5, 23.5, d - 0.5) for d in range(7)]
                           + [(-0.5, 1.5, d - 0.5) for d in range(7)])
    left, right = ax.get_xlim()
    assert all(left <= x0 and x1 <= right for x0, x1, _ in boxes)
    assert _outline({"weekdays": [5], "hours": [18, 20]}) == [(18, 1, 5), (20, 1, 5)]
    assert _outline({"weekdays": [0], "hours": [22, 23]}) == [(22, 2, 0)]
    plt.close(fig)


def test_held_out_interval_is_put_around_the_estimate_by_hand():
    # replicates 0.00, 0.01, ..., 1.00: quantiles 0.05, 0.50, 0.95 exactly; k = 10 weeks a half
    from scipy import stats

    reps = np.arange(101) / 100
    f = stats.t.ppf(0.95, 9) / stats.norm.ppf(0.95) * np.sqrt(10 / 9)
    lo, hi = _around(2.0, reps, 0.05, 0.95, 10)
    # the replicates' deviations from their median (0.45 each side), widened by f, around 2.0:
    # the percentile interval, around the median 0.5, was 0.5 -+ 0.45 f and left 2.0 out
    assert (lo, hi) == pytest.approx((2.0 - 0.45 * f, 2.0 + 0.45 * f), rel=1e-6)
    # skewed replicates keep their skew around the estimate
    reps = np.concatenate([np.linspace(0, 0.5, 51), np.linspace(0.5, 2.5, 51)[1:]])
    q = np.quantile(reps, [0.05, 0.5, 0.95])
    assert _around(0.3, reps, 0.05, 0.95, 10) == pytest.approx(
        (0.3 - f * (q[1] - q[0]), 0.3 + f * (q[2] - q[1])))
    assert np.isnan(_around(0.3, np.array([]), 0.05, 0.95, 10)).all()


def test_held_out_interval_holds_the_lift_on_few_posts(tmp_path, monkeypatch):
    """25 of the sample's Instagram posts: their held-out replicates' median strays below
    the estimate, so far that the replicates' 5-95 % percentile interval (what was reported
    before: 0.793-1.139 against a lift of 1.314) leaves the estimate out. (The sample of
    random_state 1, 1.038-3.032 against 3.055, no longer strays since the timing test leaves
    out the posts alone at their hour of the day and so draws other random numbers: s56BT2;
    random_state 14 is one of the samples 2-59 that do, found by trying them.) The interval
    is that spread put around the estimate (:func:`_around`, checked by hand above), so it
    holds it. No lift is pinned: the case is what matters, a sample whose estimate lies
    outside its replicates' interval; a percentile interval fails it, whatever the lift.
    Only the Instagram files are read (the same 611 posts, 3 s instead of loading the whole
    brand)."""
    import shutil

    from smmanalytics import load
    from smmanalytics.timing import _estimate

    sample = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"
    for path in [*sample.glob("instagram_posts_*.csv"), *sample.glob("instagram_stories_*.csv"),
                 sample / "brand.yaml"]:
        shutil.copy(path, tmp_path)
    posts = load(tmp_path).posts.sample(25, random_state=14)
    seen = []

    def around(point, reps, q_lo, q_hi, k):
        seen.append((point, np.quantile(reps, [q_lo, q_hi])))
        return _around(point, reps, q_lo, q_hi, k)

    monkeypatch.setattr(_estimate, "_around", around)
    w = best_times(posts, TZ, "instagram").window
    [(point, (q_lo, q_hi))] = seen
    assert w["lift"] == pytest.approx(np.exp(point))
    assert not np.exp(q_lo) <= w["lift"] <= np.exp(q_hi)      # the case: the estimate strays
    assert w["lift_low"] <= w["lift"] <= w["lift_high"]


def test_a_test_whose_permutations_cannot_differ_is_not_run():
    """Five strata of two posts in different slots, more timing terms than pairs: swapping a
    pair flips the sign of its term c_j of U - E U, and V = sum c_j c_j', so every permutation
    gives T = e' C' (C C')^-1 C e = e' e = 5. p = 1 read as "no timing effect"; the test
    could tell nothing. The same holds whenever the strata's sum of (posts - 1) is at most the
    number of timing terms: T is that sum."""
    rng = np.random.default_rng(3)
    Z = rng.normal(size=(24, 8))                     # 24 slots, 8 timing terms
    strata = np.repeat(np.arange(5), 2)
    p, t, how = perm_score_test(Z, np.arange(10) * 2, rng.normal(size=10), strata,
                                n_perm=199, rng=rng)
    assert np.isnan(p) and how == NOT_PERMUTABLE
    assert t == pytest.approx(5.0)
    # a third post in a pair: 4 x 1 + 2 = 6 <= 8, T = 6 for every permutation
    p, t, how = perm_score_test(Z, np.arange(11) * 2, rng.normal(size=11), np.r_[strata, 4],
                                n_perm=199, rng=rng)
    assert np.isnan(p) and how == NOT_PERMUTABLE
    assert t == pytest.approx(6.0)
    # and a stratum of 8 more: 5 + 7 = 12 > 8, the permutations differ and the test is run
    p, t, how = perm_score_test(Z, np.arange(18), rng.normal(size=18), np.r_[strata, [5] * 8],
                                n_perm=199, rng=rng)
    assert 0 < p < 1 and how == "monte_carlo_permutation"
    assert t != pytest.approx(5 + 7)


def test_the_sample_posts_that_cannot_be_tested_say_so(sample_loaded):
    # the session's sample (conftest), often loaded by then: a load of its own here was a
    # cache hit of ~0.5 s of CPU, or 9.5 s on a worker that had not loaded it
    ds = sample_loaded
    posts = ds.posts[ds.posts["platform"] == "instagram"].sample(25, random_state=1)
    bt = best_times(posts, TZ, "instagram")
    assert np.isnan(bt.p_value) and bt.method["test"] == NOT_PERMUTABLE
    # T is the strata's sum of (posts - 1): 5 pairs, 3 of which hold a post at an hour of
    # the day fewer than 3 of the 25 posts went out at (08:00, 10:00, 12:00, 14:00, 16:00,
    # 20:00, 21:00: 12 posts), left out of the test (posts_tested): 2 pairs, T = 2. The test
    # could not be run either way (5 pairs, T = 5, before): no post is said to be left out
    # of a test that gave no p-value
    assert bt.method["test_statistic"] == pytest.approx(2.0)
    assert bt.method["test_left_out"] == 0 and "timing test" not in bt.summary
    assert not bt.effect_detected
    assert bt.summary.startswith("Whether posting time matters cannot be tested on these 25 "
                                 "posts: too few of them share a format, paid status, account "
                                 "and month")


def test_timing_docstring_examples():
    import doctest

    from smmanalytics.timing import _estimate, _result

    assert doctest.testmod(_estimate).failed == 0
    assert doctest.testmod(_result).failed == 0


# --- a finding of days alone ---------------------------------------------------------------

def _week_posts(weekend: float = 2.0, evening: float = 1.0, weeks: int = 24) -> pd.DataFrame:
    """Posts on Monday, Wednesday, Friday, Saturday and Sunday of 24 weeks, at 18:00, 09:00,
    18:00, 13:00 in turn (each day at each hour as often: hour and day are not confounded),
    expected engagement 100 times ``weekend`` on Saturday and Sunday and ``evening`` at 18:00,
    with a log-normal noise (sd 0.3) of a fixed seed."""
    rng = np.random.default_rng(3)
    when, mu = [], []
    for w in range(weeks):
        for j, d in enumerate([0, 2, 4, 5, 6]):
            h = [18, 9, 18, 13][(w + j) % 4]
            when.append(pd.Timestamp("2026-01-05") + pd.Timedelta(days=7 * w + d, hours=h))
            mu.append(100 * (weekend if d >= 5 else 1.0) * (evening if h == 18 else 1.0))
    utc = pd.DatetimeIndex(when).tz_localize(TZ).tz_convert("UTC")
    posts = _small_posts(utc)
    return posts.assign(reactions=pd.array(np.round(np.array(mu) * rng.lognormal(0, 0.3, len(mu))),
                                           dtype="Float64"))


def test_a_weekend_effect_without_an_hour_effect_is_told_as_the_days():
    """Weekend posts earned twice as much, whatever their hour: the summary said "No reliable
    timing effect ... post when it suits the content" (the window's held-out lift did not
    clear 1) or named a 3-hour window whose hours were noise. The finding is the days.

    By hand: 2 of the 5 posting days are at 2x, so the account's average post is at
    (3 x 1 + 2 x 2) / 5 = 7/5 and a weekend post at 2 / (7/5) = 10/7 = 1.43x it, a weekday
    post at 5/7 = 0.71x."""
    bt = best_times(_week_posts(), TZ)
    wd = bt.by_weekday.set_index("weekday")
    assert wd.loc[[5, 6], "lift"].to_numpy(float) == pytest.approx([10 / 7] * 2, abs=0.06)
    assert wd.loc[[0, 2, 4], "lift"].to_numpy(float) == pytest.approx([5 / 7] * 3, abs=0.04)
    assert bt.method["weekday_p_value"] < 0.01
    assert bt.method["hour_p_value"] >= 0.10          # no hour effect: the test holds none
    assert bt.day_effect and not bt.effect_detected and bt.recommended.empty
    assert bt.best_days["weekday"].tolist() == [5, 6]  # both intervals above 1, best first
    assert (bt.best_days["lift_low"] > 1).all()
    assert bt.summary.startswith(
        f"The day of the week matters for this account (weekday test p = "
        f"{bt.method['weekday_p_value']:.3f}), but no hour stood out once the day is known "
        f"(hour test p = {bt.method['hour_p_value']:.2f}): posts on Saturday and Sunday earned ")
    assert "No reliable timing effect" not in bt.summary
    assert bt.to_dict()["best_days"][0]["weekday"] == 5


def test_a_weekend_and_an_hour_effect_keep_the_window():
    """Both the days and the hour matter (weekend 2x, 18:00 2x): the window is the finding,
    as before; no finding of days alone."""
    bt = best_times(_week_posts(evening=2.0), TZ)
    assert bt.method["weekday_p_value"] < 0.10 and bt.method["hour_p_value"] < 0.10
    assert bt.effect_detected and not bt.day_effect and bt.best_days.empty
    assert bt.window["hours"] == [18]
    assert bt.summary.startswith("Posting time matters for this account")


def test_neither_days_nor_hours_is_no_reliable_effect():
    """Without any timing effect the answer stays "No reliable timing effect"."""
    bt = best_times(_week_posts(weekend=1.0), TZ)
    assert bt.method["weekday_p_value"] >= 0.10
    assert not bt.day_effect and not bt.effect_detected
    assert bt.summary.startswith("No reliable timing effect")


def test_the_days_named_are_those_whose_interval_excludes_1_on_either_side():
    """The days a weekday finding names: those whose interval lies above 1, best first, and
    those whose interval lies below 1, worst first. When none lies above, the best day was
    named alone, though its interval held 1 and it was no better than the others; when no
    interval excludes 1, no day is named."""
    from smmanalytics.timing import _best_days

    wd = pd.DataFrame({"weekday": pd.array(range(7), dtype="Int64"),
                       "n_posts": pd.array([5, 5, 0, 5, 5, 5, 5], dtype="Int64"),
                       "lift": pd.array([0.6, 1.1, None, 1.3, 1.05, 1.4, 1.2], dtype="Float64"),
                       "lift_low": pd.array([0.5, 0.9, None, 1.1, 0.95, 1.02, 1.01],
                                            dtype="Float64"),
                       "lift_high": pd.array([0.7, 1.3, None, 1.5, 1.2, 1.8, 1.4],
                                             dtype="Float64")})
    # above 1: Thursday (1.1), Saturday (1.02), Sunday (1.01); by lift 1.4, 1.3, 1.2
    # below 1: Monday (0.7)
    above, below = _best_days(wd)
    assert above["weekday"].tolist() == [5, 3, 6] and below["weekday"].tolist() == [0]
    above, below = _best_days(wd.assign(lift_low=wd["lift_low"].clip(upper=0.99)))
    assert above.empty and below["weekday"].tolist() == [0]    # Monday alone, to avoid
    above, below = _best_days(wd.assign(lift_low=wd["lift_low"].clip(upper=0.99),
                                        lift_high=wd["lift_high"].clip(lower=1.01)))
    assert above.empty and below.empty                          # none stands out


def test_a_monday_below_the_other_days_is_named_to_avoid():
    """24 weeks of daily posts at 9:00, 13:00 and 18:00 in turn, Monday x0.4, every other day
    equal, no hour effect: the summary named the days above 1 only ("post on Tuesday,
    Thursday and Friday"), and Monday, the real effect, appeared nowhere. It is named, to
    avoid, and the plan leaves it out.

    By hand: the average day is at (6 x 1 + 0.4) / 7 = 6.4/7, so a Monday post is at
    0.4 / (6.4/7) = 0.4375x the account's average and any other at 1 / (6.4/7) = 1.09375x
    (noise: log-normal, sd 0.05)."""
    from smmanalytics.calendar import plan_slots

    rng = np.random.default_rng(5)
    when, mu = [], []
    for w in range(24):
        for d in range(7):
            when.append(pd.Timestamp("2026-01-05")
                        + pd.Timedelta(days=7 * w + d, hours=[9, 13, 18][(w + d) % 3]))
            mu.append(100 * (0.4 if d == 0 else 1.0))
    utc = pd.DatetimeIndex(when).tz_localize(TZ).tz_convert("UTC")
    posts = _small_posts(utc).assign(reactions=pd.array(
        np.round(np.array(mu) * rng.lognormal(0, 0.05, len(mu))), dtype="Float64"))
    bt = best_times(posts, TZ)
    assert bt.method["weekday_p_value"] < 0.01 and bt.method["hour_p_value"] >= 0.10
    wd = bt.by_weekday.set_index("weekday")
    assert wd.loc[0, "lift"] == pytest.approx(0.4375, abs=0.01)
    assert wd.loc[range(1, 7), "lift"].to_numpy(float) == pytest.approx([1.09375] * 6,
                                                                        abs=0.02)
    assert bt.day_effect and sorted(bt.best_days["weekday"].tolist()) == [1, 2, 3, 4, 5, 6]
    assert bt.avoid_days["weekday"].tolist() == [0]
    mon = bt.avoid_days.iloc[0]
    assert (f"posts on Monday {mon['lift']:.2f}× ({mon['lift_low']:.2f}–"
            f"{mon['lift_high']:.2f}; 168 posts); post on those days, not on Monday, at the "
            f"account's usual hours") in bt.summary
    assert bt.to_dict()["avoid_days"][0]["weekday"] == 0
    for per_week in (3, 6):
        plan = plan_slots(bt, "2026-07-06", 1, per_week)
        assert len(plan) == per_week and 0 not in plan["weekday"].tolist()


def _days_result(wd: pd.DataFrame, **method) -> BestTimes:
    """A result whose finding is the days alone (weekday test p = 0.004, hour test p = 0.6)
    with the days of ``wd``, 10 posts each at 18:00."""
    from smmanalytics.timing import _best_days

    slots = pd.DataFrame({"weekday": np.repeat(np.arange(7), 24), "hour": np.tile(np.arange(24), 7),
                          "n_posts": 0, "lift": np.nan, "lift_low": np.nan, "lift_high": np.nan})
    slots.loc[slots["hour"] == 18, "n_posts"] = 10
    above, below = _best_days(wd)
    return BestTimes(effect_detected=False, p_value=0.2, by_slot=slots,
                     recommended=slots.iloc[:0], by_weekday=wd, n_used=70, n_excluded={},
                     window={"status": "ok"}, best_days=above, avoid_days=below,
                     method={"tz": TZ, "weekday_p_value": 0.004, "hour_p_value": 0.6,
                             "alpha": 0.1, "days_differ": True, **method})


def _weekdays(lift, low, high) -> pd.DataFrame:
    return pd.DataFrame({"weekday": range(7), "n_posts": [10] * 7, "lift": lift,
                         "lift_low": low, "lift_high": high})


def test_a_day_below_the_others_alone_is_said_to_avoid_not_the_best_of_equal_days():
    """Monday at 0.44x (0.43-0.45), the other days all 1.09x with intervals holding 1: the
    summary named the best of those equal days ("post on that day"). It says to avoid
    Monday and spread the posts over the other days."""
    bt = _days_result(_weekdays([0.44] + [1.09] * 6, [0.43] + [0.95] * 6,
                                [0.45] + [1.2] * 6))
    assert bt.day_effect and bt.best_days.empty
    assert ("but no hour stood out once the day is known (hour test p = 0.60): posts on Monday "
            "earned 0.44× the account's average (90% interval 0.43–0.45; 70 posts); no day did "
            "better than the others: avoid Monday and spread posts over the other days at the "
            "account's usual hours (Europe/Paris)") in bt.summary


def test_days_that_differ_without_one_standing_out_name_no_day():
    """The weekday test passes but no day's interval excludes 1: the best of the days was
    named as the day to post on. The summary says the days differ without one standing out."""
    bt = _days_result(_weekdays([1.0] * 7, [0.9] * 7, [1.1] * 7))
    assert not bt.day_effect and not bt.effect_detected
    assert bt.summary.startswith(
        "The day of the week matters for this account (weekday test p = 0.004), but no "
        "single day stands out (no day's 90% interval lies wholly above or below 1) and no "
        "hour stood out once the day is known (hour test p = 0.60) (70 posts); post when it "
        "suits the content")


def test_a_weekend_effect_of_posts_all_at_one_hour_is_told_as_the_days():
    """Every post at 19:00, weekends x2: "at weekends from 19:00–22:00" claimed 20:00 and
    21:00, then "from 19:00–20:00" told an hour that could not be compared with any other as
    part of the finding. The finding is the weekend; the hours could not be compared.

    By hand: 2 days of 7 at 2x, the average post at (5 + 2 x 2) / 7 = 9/7: a weekend post at
    2 / (9/7) = 14/9 = 1.56x it, a weekday post at 7/9 = 0.78x."""
    bt = best_times(_posts_at(range(7), (19,), lambda d, h: 2.0 if d >= 5 else 1.0), TZ)
    assert not bt.effect_detected and bt.day_effect
    assert np.isnan(bt.method["hour_p_value"])
    assert bt.best_days["weekday"].tolist() in ([5, 6], [6, 5])
    # each day's lift within the noise of its 30 posts, the two days' mean close to 14/9
    assert bt.best_days["lift"].to_numpy(float) == pytest.approx([14 / 9] * 2, abs=0.2)
    assert bt.best_days["lift"].mean() == pytest.approx(14 / 9, abs=0.05)
    wd = bt.by_weekday.set_index("weekday")
    assert wd.loc[range(5), "lift"].mean() == pytest.approx(7 / 9, abs=0.03)
    assert "but the hours could not be compared: posts on " in bt.summary


def test_a_slot_the_curve_cannot_follow_keeps_its_own_posts_in_its_interval():
    """One slot better than the rest (Tuesday 19:00 x1.5, every other slot alike) was shown
    at about the account's average with an interval that left its true lift out: shrunk to
    the smooth curve (weekday + hour terms), whose bootstrap interval was all it had. Its
    interval now also holds what its own 20 posts say."""
    def spike(d, h):
        return 1.5 if (d, h) == (1, 19) else 1.0

    hours = range(9, 22)
    posts = _posts_at(range(7), hours, spike, weeks=20, seed=1)
    bt = best_times(posts, TZ)
    bs = bt.by_slot.set_index(["weekday", "hour"])
    row = bs.loc[(1, 19)]
    # true lift against the average post: 1.5 / ((90 x 1 + 1 x 1.5) / 91) = 1.491803
    truth = 1.5 * 91 / 91.5
    assert truth == pytest.approx(1.491803, abs=1e-6)
    assert row["n_posts"] == 20
    assert row["lift_low"] <= truth <= row["lift_high"]
    # what its own posts say (no controls: every post an unpaid image): mean interactions in
    # the slot over the mean of all posts
    y = posts["reactions"].to_numpy(float)
    local = posts["published_at"].dt.tz_convert(TZ)
    mine = ((local.dt.day_of_week == 1) & (local.dt.hour == 19)).to_numpy()
    own = y[mine].mean() / y.mean()
    assert row["lift_low"] <= own <= row["lift_high"]
    # the other slots (true lift 91 / 91.5 = 0.994536) keep intervals that hold it
    other = bs.drop(index=(1, 19))
    other = other[other["n_posts"] > 0]
    held = (other["lift_low"] <= 91 / 91.5) & (91 / 91.5 <= other["lift_high"])
    assert held.mean() >= 0.85


# --- weekend hours: the weekend x hour interaction (benchmarks-methods §3.3 step 2) --------


def test_weekend_hour_terms_are_the_hour_curve_times_a_weekend_indicator():
    """The weekend's own hour curve is the hour curve's terms on Saturday and Sunday only.

    By hand: Saturday 19:00 is row 5 * 24 + 19 = 139, where weekend:sin1 = sin(2 pi 19 / 24)
    = sin(285°) = -0.96593 and weekend:cos1 = cos(285°) = 0.25882; Friday 19:00 (row 115) is
    0 in every weekend term."""
    from smmanalytics.timing._data import slot_design

    Z, names = slot_design(weekend_hour=True)
    assert names[-6:] == ["weekend:sin1", "weekend:cos1", "weekend:sin2", "weekend:cos2",
                          "weekend:sin3", "weekend:cos3"]
    assert Z.shape == (168, 6 + 6 + 6)
    assert Z[139, names.index("weekend:sin1")] == pytest.approx(-0.96593, abs=1e-5)
    assert Z[139, names.index("weekend:cos1")] == pytest.approx(0.25882, abs=1e-5)
    assert np.all(Z[115, -6:] == 0)
    # without weekend_hour the design is the one the hour analysis always used
    assert np.array_equal(slot_design()[0], Z[:, :12])


def test_weekend_evening_account_gets_its_own_weekend_curve_and_plan():
    """An account whose posts do best at 12:00 on weekdays and at 19:00 on weekends was given
    one hour curve: the plan put its Saturday post at noon, where the truth is
    exp(0.5 cos(pi * 6 / 6)) = exp(-0.5) = 0.61 of the weekend peak's multiplier (true lift
    0.94x the account's average in the statistician's simulation). Now the weekend has its
    own curve, whose best posted hour is within an hour of 19:00, and the Saturday and Sunday
    slots of the plan are at 18:00-20:00."""
    from sim_timing import simulate_weekend_hours
    from smmanalytics.calendar import plan_slots

    sim = simulate_weekend_hours(0)
    bt = best_times(sim["posts"], "Europe/Paris", daily=sim["daily"])
    assert bt.method["weekend_hours"] is True
    assert bt.method["weekend_p_value"] < bt.method["alpha"]
    assert 18 <= bt.method["weekend_peak_hour"] <= 20
    assert "weekend:sin1" in bt.method["timing_terms"]
    lift = bt.by_slot["lift"].to_numpy(dtype=float).reshape(7, 24)
    assert lift[5, 19] > lift[5, 12] and lift[2, 12] > lift[2, 19]
    assert bt.effect_detected and bt.window["days"] == "Monday-Friday"
    assert 12 in bt.window["hours"]
    assert bt.weekend_window["days"] == "Saturday-Sunday"
    assert 19 in bt.weekend_window["hours"]
    assert "On weekends, post from 18:00–21:00 instead" in bt.summary
    plan = plan_slots(bt, "2026-01-05", 1, 7)
    weekend = plan.loc[plan["weekday"] >= 5]
    assert len(weekend) == 2 and weekend["hour"].between(18, 20).all()
    assert weekend["reason"].str.contains("Saturday-Sunday").all()


def test_weekend_curve_not_claimed_without_an_interaction():
    """The same account with its peak at 12:00 every day: the weekend x hour test does not
    pass, and the weekend keeps the one hour curve (the common case must not change)."""
    from sim_timing import simulate_weekend_hours

    sim = simulate_weekend_hours(0, interaction=False)
    bt = best_times(sim["posts"], "Europe/Paris", daily=sim["daily"])
    assert bt.method["weekend_test"] == "monte_carlo_permutation"
    assert bt.method["weekend_p_value"] >= bt.method["alpha"]
    assert bt.method["weekend_hours"] is False and bt.weekend_window is None
    assert "weekend:sin1" not in bt.method["timing_terms"]
    assert "weekend" not in bt.summary


def test_weekend_curve_needs_enough_weekend_posts_and_hours():
    """An account with only 30 weekend posts (fewer than the 50 the rule asks) is not tested
    for a weekend curve at all: the data do not allow it, and the method says why."""
    from sim_timing import simulate_weekend_hours
    from smmanalytics.timing import WEEKEND_MIN_POSTS

    sim = simulate_weekend_hours(0)
    local = sim["posts"]["published_at"].dt.tz_convert("Europe/Paris")
    weekend = (local.dt.day_of_week >= 5).to_numpy()
    keep = ~weekend | (np.cumsum(weekend) <= 30)
    assert weekend[keep].sum() == 30 < WEEKEND_MIN_POSTS
    bt = best_times(sim["posts"].loc[keep], "Europe/Paris", daily=sim["daily"])
    assert bt.method["weekend_hours"] is False
    assert np.isnan(bt.method["weekend_p_value"])
    assert bt.method["weekend_test"].startswith("not run: too few weekend")


def _no_effect(p_value: float = 0.66, **method) -> BestTimes:
    """A result without a window (p = 0.66, 347 posts, no audience schedule): the frames are
    empty, as the summary of such a result reads none of them."""
    empty = pd.DataFrame()
    return BestTimes(effect_detected=False, p_value=p_value, by_slot=empty, recommended=empty,
                     by_weekday=empty, window={"status": "ok"}, n_used=347, n_excluded={},
                     method={"alpha": 0.1, "tz": "Europe/Paris", **method})


@pytest.mark.parametrize("method,outcome,clause", [
    ({"weekend_test": "monte_carlo_permutation", "weekend_p_value": 0.972,
      "weekend_hours": False}, "same",
     "; weekend hours do not differ from weekday ones (weekend × hour test p = 0.97); "),
    ({"weekend_test": "monte_carlo_permutation", "weekend_p_value": 0.004,
      "weekend_hours": True}, "differ",
     "; weekends have hours of their own (weekend × hour test p = 0.004), but no weekend "
     "window held up; "),
    ({"weekend_test": "not run: too few weekend or weekday posts, or hours",
      "weekend_p_value": float("nan"), "weekend_hours": False}, "too few",
     "; weekend hours were not tested apart (at least 50 posts of known hour are needed at "
     "weekends and on weekdays, each at 8 different hours or more); "),
    ({"weekend_test": "too few posts to permute", "weekend_p_value": float("nan"),
      "weekend_hours": False}, "untested", "; weekend hours could not be tested apart; "),
])
def test_a_finding_without_a_window_says_what_the_weekend_test_gave(method, outcome, clause):
    """The sample's X (p = 0.66, weekend x hour test p = 0.972) was summed up with no word of
    the weekend test: it was said only beside a window. The summary says its p-value (2
    decimals when not under alpha, as the global test's), or why it was not run (the rule's
    50 posts and 8 hours)."""
    bt = _no_effect(**method)
    assert bt.weekend_outcome == outcome
    assert bt.summary == ("No reliable timing effect in this account's data (p = 0.66, 347 "
                          "posts)" + clause + "post when it suits the content, and put a share "
                          "of posts in random slots to learn more.")
    assert _no_effect().weekend_outcome is None      # a result made without the test


def test_the_lift_heatmaps_grey_darkens_from_worse_to_better(bt0):
    """RdBu_r's ends printed as the same dark grey (0.8× #053061 and 1.25× #67001f, luminance
    0.030 both), and its successor with a white centre was light in the middle, mid at the
    worse end, dark at the better: 0.8× and 1.13× both printed grey 129, a slot worse than
    average as one better. The grey (Rec. 601 luma, 0.299 R + 0.587 G + 0.114 B, as a
    printer) now falls strictly along the scale (50 points from its worse end to its better
    one), so that any two lifts differ in grey: worse #c6def2, 0.299 × 198 + 0.587 × 222 +
    0.114 × 242 = 217.1; average #a68aa6, 0.299 × 166 + 0.587 × 138 + 0.114 × 166 = 149.6
    (the map's 256 steps put 1× a 255th off its middle); better #67001f, 0.299 × 103 +
    0.114 × 31 = 34.3."""
    fig, ax = plt.subplots()
    bt0.plot(ax=ax)
    im = ax.images[0]
    vmin, vmax = im.norm.vmin, im.norm.vmax

    def grey(v):
        return float(np.dot(im.cmap(im.norm(v))[:3], [0.299, 0.587, 0.114])) * 255

    assert [grey(v) for v in (vmin, 1.0, vmax)] == pytest.approx([217.1, 149.6, 34.3], abs=1)
    along = [grey(v) for v in np.geomspace(vmin, vmax, 50)]
    assert all(a > b for a, b in itertools.pairwise(along))
    plt.close(fig)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 167), st.integers(1, 6)), min_size=1, max_size=12),
       st.integers(0, 2**32 - 1), st.booleans())
def test_a_test_whose_strata_each_hold_one_slot_is_not_identifiable(strata, seed, chi2):
    """Each stratum's posts share one slot (an account posting each weekday at a fixed hour,
    in the hour test): no permutation moves a post to another slot, so the hours cannot be
    compared, on the Monte Carlo path and on the chi-square one. Z minus the strata's means
    left 1e-16 of rounding, whose V passed the collinearity check: T = 1e33, p = 0.002 or
    1.00 by the seed and 0.0 by the chi-square limit."""
    rng = np.random.default_rng(seed)
    Zh, _ = slot_design(weekday=False, hour=True, weekend_hour=True)
    slot = np.concatenate([np.full(n, sl) for sl, n in strata])
    stratum = np.repeat(np.arange(len(strata)), [n for _, n in strata])
    p, t, how = perm_score_test(Zh, slot, rng.normal(size=slot.size) * 10, stratum,
                                n_perm=0 if chi2 else 99, rng=rng)
    assert np.isnan(p) and np.isnan(t) and how == "not identifiable"


def test_strata_of_one_slot_add_nothing_to_the_test():
    """The hand example of test_perm_test_hand_example (T = 3) with three strata more, each
    of posts in one slot: their share of U is its mean under every permutation and they add
    nothing to V, so T is still 3 (it was their rounding's before)."""
    Z = np.array([[0.0], [1.0], [np.sin(2 * np.pi / 24)]])
    slot = np.array([1, 1, 0, 0, 2, 2, 2, 1, 1, 0])
    s = np.array([1.0, 1, -1, -1, 0.3, -2.0, 5.0, 4.0, -0.1, 7.0])
    strata = np.array([0, 0, 0, 0, 1, 1, 1, 2, 2, 3])
    for n_perm in (999, 0):
        p, t, how = perm_score_test(Z, slot, s, strata, n_perm=n_perm,
                                    rng=np.random.default_rng(0))
        assert t == pytest.approx(3.0)
        if n_perm == 0:     # chi-square, 1 df: P(|N(0, 1)| > sqrt 3) = 2 x 0.04163
            assert p == pytest.approx(0.0833, abs=1e-4) and how == "chi2_permutation_moments"
        else:               # as the hand example: 2 pairings of 6 reach T = 3
            assert p == pytest.approx(1 / 3, abs=0.05) and how == "monte_carlo_permutation"


def _fixed_schedule(weeks=52):
    """An account posting as a scheduler does: Monday 09:00, Wednesday 12:00 and Friday 18:00
    (UTC) every week, Friday's posts earning twice the others'."""
    times = [pd.Timestamp("2026-01-05", tz="UTC") + pd.Timedelta(days=7 * w + d, hours=h)
             for w in range(weeks) for d, h in ((0, 9), (2, 12), (4, 18))]
    posts = _small_posts(times)
    y = [(20.0 if d == 4 else 10.0) + (w * 7 + d) % 5 for w in range(weeks) for d in (0, 2, 4)]
    posts["reactions"] = pd.array(y, dtype="Float64")
    return posts


@pytest.mark.parametrize("n_perm", [199, 0])
def test_hours_aliased_with_days_are_not_compared(n_perm):
    """Each weekday is posted at one hour: the days differ (Friday's posts earn twice), the
    hours cannot be told from the days. The hour test said p = 0.002 ("Posting time matters
    ... Friday 18:00-19:00") or 1.00 by the seed, and 0.0 by the chi-square limit."""
    bt = best_times(_fixed_schedule(), "UTC", exposure=None, n_boot=200, n_perm=n_perm)
    assert bt.method["weekday_p_value"] < 0.1
    assert np.isnan(bt.method["hour_p_value"]) and bt.method["hour_test"] == "not identifiable"
    assert not bt.effect_detected and len(bt.recommended) == 0
    assert "the hours could not be compared" in bt.summary
    assert "hour test p" not in bt.summary


def test_weekend_hours_aliased_with_weeks_are_not_tested():
    """Weekdays posted at varied hours, Saturday and Sunday at one hour per block of 4 weeks
    (09:00 in the first, 10:00 in the next, ...; 3 weekends of the 4; the weekend is a block's
    stratum with its day): no weekend post can be moved to another hour, so the weekend x hour
    test cannot be run. It gave p = 1.00 here (T = 8e5 of rounding), and p = 0.002 on a third
    of such accounts without any timing effect, where the report said their best hours
    differed from those of weekdays."""
    times, weekday_hour = [], itertools.cycle([8, 11, 14, 17, 20, 9, 13, 18, 10, 15, 19])
    for w in range(52):
        for d in range(7 if w % 4 != 3 else 5):
            h = 9 + w // 4 if d >= 5 else next(weekday_hour)
            times.append(pd.Timestamp("2026-01-05", tz="UTC") + pd.Timedelta(days=7 * w + d,
                                                                              hours=h))
    posts = _small_posts(times)
    posts["reactions"] = pd.array([10.0 + i % 7 for i in range(len(times))], dtype="Float64")
    bt = best_times(posts, "UTC", exposure=None, n_boot=200)
    assert np.isnan(bt.method["weekend_p_value"])
    assert bt.method["weekend_test"] == "not identifiable" and not bt.method["weekend_hours"]
    assert bt.weekend_outcome == "untested"
