"""The timing module's shortcuts give what the longer ways gave: the cached window matrix, the
heatmap's cell counts, the column selection of ``prepare``."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sim_timing import simulate  # noqa: E402
from smmanalytics.timing._data import _local_parts, prepare  # noqa: E402
from smmanalytics.timing._estimate import (  # noqa: E402
    DAY_GROUPS,
    _window_matrix,
    candidate_windows,
)
from smmanalytics.timing._result import _annotate, _inks  # noqa: E402

TZ = "Europe/Paris"


@pytest.fixture(autouse=True)
def _close_figs():
    yield
    plt.close("all")


def _windows_by_loops(width):
    """candidate_windows as it was built before the matrix was cached."""
    cols, desc = [], []
    for gname, days in DAY_GROUPS.items():
        for h0 in range(24):
            hours = [(h0 + i) % 24 for i in range(width)]
            m = np.zeros(168)
            for d in days:
                m[[d * 24 + h for h in hours]] = 1
            cols.append(m)
            desc.append({"days": gname, "weekdays": list(days), "hours": hours,
                         "start_hour": h0, "end_hour": (h0 + width) % 24})
    return np.column_stack(cols), desc


@pytest.mark.parametrize("width", range(1, 24))
def test_window_matrix_is_the_loops_one(width):
    W, desc = candidate_windows(width)
    W0, desc0 = _windows_by_loops(width)
    assert W.dtype == W0.dtype and W.shape == W0.shape == (168, 72)
    assert W.flags.c_contiguous and np.array_equal(W, W0)
    assert desc == desc0


def test_window_matrix_is_cached_and_read_only():
    W, desc = candidate_windows(3)
    assert candidate_windows(3)[0] is W is _window_matrix(3)
    assert not W.flags.writeable
    with pytest.raises(ValueError):
        W[0, 0] = 5
    # the descriptions are the caller's: changing them changes no later call's
    desc[0]["hours"].append(99)
    assert candidate_windows(3)[1][0]["hours"] == [0, 1, 2]


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "t", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def test_annotate_draws_what_ax_text_drew():
    rng = np.random.default_rng(3)
    n = rng.integers(0, 4, (7, 24)) * (rng.random((7, 24)) < 0.4)
    lift = np.where(n > 0, np.exp(rng.normal(0, 0.3, (7, 24))), np.nan)
    svgs, texts = [], []
    for way in ("ax.text", "_annotate"):
        fig, ax = plt.subplots(figsize=(8, 2.9))
        im = ax.imshow(np.ma.masked_invalid(lift), cmap="RdBu_r", aspect="auto")
        days, hours = np.nonzero(n)
        inks = _inks(im, lift[days, hours])
        if way == "ax.text":
            made = [ax.text(h, d, str(n[d, h]), ha="center", va="center", fontsize=6,
                            color=str(ink), in_layout=False)
                    for d, h, ink in zip(days, hours, inks, strict=True)]
        else:
            made = _annotate(ax, n, inks)
        assert len(made) == int((n > 0).sum()) and made == list(ax.texts)
        texts.append([(t.get_position(), t.get_text(), t.get_color(), t.get_fontsize(),
                       t.get_ha(), t.get_va(), t.get_in_layout(), t.get_clip_on())
                      for t in made])
        svgs.append(_svg(fig))
    assert texts[0] == texts[1]
    assert svgs[0] == svgs[1]


def test_prepare_reads_the_same_with_or_without_other_columns():
    sim = simulate(1, n_posts=120, weeks=20)["posts"]
    # without a followers column (looked up in daily, here none) and with one
    for posts in (sim, sim.assign(followers=pd.array(np.full(len(sim), 1e4), dtype="Float64"))):
        wide = posts.assign(caption=pd.array(["a caption"] * len(posts), dtype="string"),
                            extra=np.arange(len(posts), dtype=float))
        wide.insert(0, "permalink", pd.array(["u"] * len(posts), dtype="string"))
        for exposure in ("followers", "reach", None):
            a = prepare(posts, TZ, "instagram", None, "interactions", exposure, 7)
            b = prepare(wide, TZ, "instagram", None, "interactions", exposure, 7)
            pd.testing.assert_frame_equal(a[0], b[0], check_exact=True)
            assert a[1:] == b[1:]
    # a count column of the caller's as the outcome is carried through
    c = prepare(wide, TZ, None, None, "extra", "followers", 7)[0]
    assert c["y"].tolist() == [float(i) for i in c["post_index"]]


def _local_parts_by_pandas(published, tz, day_only):
    """_local_parts as it was computed with pandas' datetime methods."""
    naive = published.dt.tz_convert(tz).dt.tz_localize(None)
    utc = published.dt.tz_convert("UTC").dt.tz_localize(None)
    at_utc_midnight = (utc == utc.dt.floor("D")).to_numpy()
    day_naive = (naive + pd.Timedelta(hours=12)).dt.floor("D").where(~at_utc_midnight,
                                                                     utc.dt.floor("D"))
    date = naive.dt.floor("D").where(~day_only, day_naive)
    return pd.DataFrame({"date": date.to_numpy(), "weekday": date.dt.day_of_week.to_numpy(),
                         "hour": np.where(day_only, -1, naive.dt.hour.to_numpy())})


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
@pytest.mark.parametrize("tz", ["Europe/Paris", "Pacific/Kiritimati", "Pacific/Pago_Pago",
                                "America/St_Johns"])
def test_local_parts_as_pandas_computed_them(tz, unit):
    rng = np.random.default_rng(len(tz))
    # before and after 1970 (a floor, not a truncation), UTC midnights, DST changes
    secs = np.concatenate([rng.integers(-3 * 10**8, 0, 500), rng.integers(1.6e9, 1.8e9, 1500)])
    secs[::3] = secs[::3] // 86400 * 86400
    published = pd.Series(pd.to_datetime(secs, unit="s", utc=True)).astype(
        f"datetime64[{unit}, UTC]").dt.tz_convert(tz)
    day_only = rng.random(len(secs)) < 0.4
    pd.testing.assert_frame_equal(_local_parts(published, tz, day_only),
                                  _local_parts_by_pandas(published, tz, day_only),
                                  check_exact=True)


def test_estimate_with_the_null_fit_given_is_the_same():
    from smmanalytics.timing._data import controls, slot_design
    from smmanalytics.timing._estimate import estimate
    from smmanalytics.timing._model import nb_fit

    frame = prepare(simulate(2, n_posts=200, weeks=30)["posts"], TZ, None, None,
                    "interactions", "reach", 7)[0]
    X, _ = controls(frame)
    y, off = frame["y"].to_numpy(float), frame["offset"].to_numpy(float)
    slot = (frame["weekday"] * 24 + frame["hour"]).to_numpy(int)
    args = (X, y, off, slot, frame["week"].to_numpy(int), frame["content"].to_numpy(object),
            slot_design()[0])
    kw = dict(n_boot=50, n_perm=99, level=0.9, window_width=3)
    a = estimate(*args, rng=np.random.default_rng(1), **kw)
    b = estimate(*args, rng=np.random.default_rng(1), null=nb_fit(X, y, off), **kw)
    for f in ("n", "lift", "lift_low", "lift_high"):
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f))
    assert (a.p_value, a.statistic, a.tau2, a.window) == (b.p_value, b.statistic, b.tau2,
                                                          b.window)
    np.testing.assert_array_equal(a.null_fit.mu, b.null_fit.mu)


def test_empty_axis_labels_fixed_in_place_change_no_svg():
    from smmanalytics.report.builder import _FIGURE_RC, _fix_empty_labels, _tight_box

    def heatmap(fix):
        fig, ax = plt.subplots(figsize=(8, 2.9))
        im = ax.imshow(np.arange(168.0).reshape(7, 24), aspect="auto")
        fig.colorbar(im, ax=ax, label="")
        ax.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        ax.set_xlabel("hour")
        if fix:
            _fix_empty_labels(fig)
            assert not ax.yaxis._autolabelpos and ax.xaxis._autolabelpos
        buf = io.BytesIO()
        with matplotlib.rc_context(_FIGURE_RC):
            fig.savefig(buf, format="svg", bbox_inches=_tight_box(fig), metadata={"Date": None})
        return buf.getvalue()

    assert heatmap(True) == heatmap(False)


def test_joined_is_pandas_string_concatenation():
    from smmanalytics.timing._data import joined

    rng = np.random.default_rng(5)
    a = pd.Series(rng.choice(["reel", "image", "a|b", "é"], 500), dtype="str")
    b = pd.Series(rng.choice(["paid", "organic"], 500), dtype="str")
    c = rng.integers(0, 40, 500) // 4
    want = (a + "|" + b + "|" + pd.Series(c).astype(str)).to_numpy()
    got = joined([a, b, c])
    assert got.dtype == object and all(type(v) is str for v in got)
    np.testing.assert_array_equal(got, want)
    assert joined([np.empty(0, dtype=object), np.empty(0)]).shape == (0,)
    assert joined([np.full(3, "all", dtype=object)]).tolist() == ["all"] * 3


def test_accounts_beyond_the_cap_share_one_control_level():
    """Each platform/account level was a dense column of every fit (500 accounts over 20,000
    posts: 155 s, 2 GB); beyond MAX_GROUP_LEVELS the accounts with the fewest posts share one.
    32 accounts, account i with 40 + i posts: the 30 with the most (acc02 to acc31) keep
    their level, acc00 (40 posts) and acc01 (41) become "other accounts" (81 posts)."""
    from smmanalytics.timing._data import MAX_GROUP_LEVELS, controls, pooled_groups

    assert MAX_GROUP_LEVELS == 30
    group = pd.Series(np.repeat([f"all|x|acc{i:02d}" for i in range(32)], 40 + np.arange(32)))
    pooled = pooled_groups(group)
    assert pooled.value_counts()["other accounts"] == 81
    assert set(pooled.unique()) == {"other accounts", *group.unique()[2:]}
    few = group[~group.isin(["all|x|acc00", "all|x|acc01"])]       # 30 accounts: unchanged
    pd.testing.assert_series_equal(pooled_groups(few), few)
    frame = pd.DataFrame({"content": "image", "paid": "organic", "group": group,
                          "week": 0, "t": 0.0})
    X, names = controls(frame)
    # "other accounts" (81 posts) outnumbers acc31 (71), so it is the reference level: the
    # intercept and one column per account kept, most posts first
    assert names == ["intercept", *(f"group[all|x|acc{i:02d}]" for i in range(31, 1, -1))]
    assert X.shape == (len(group), 31)
    assert X[:, 1:].sum(axis=0).tolist() == [40.0 + i for i in range(31, 1, -1)]


def test_best_times_says_when_accounts_share_a_level():
    """The method says so; with 30 accounts or fewer, nothing changes (no note). 40 accounts
    of 10 posts each: 10 share "other accounts" (100 posts), the reference level, so the
    controls hold the 30 others' levels."""
    from smmanalytics.timing import best_times

    posts = simulate(3, n_posts=400, weeks=30)["posts"]
    many = posts.assign(account_id=pd.array([f"acc{i % 40:02d}" for i in range(400)],
                                            dtype="string"))
    bt = best_times(many, TZ, n_boot=200, n_perm=99)
    assert bt.method["pooled_accounts"].startswith(
        "the 10 platform/accounts with the fewest posts share one control level "
        "('other accounts')")
    assert bt.summary.endswith(" Controls: the 10 platform/accounts with the fewest posts "
                               "share one control level ('other accounts'); the 30 with the "
                               "most have their own.")
    assert bt.method["pooled_accounts_n"] == 10        # for a report, in its language
    groups = [c for c in bt.method["controls"] if c.startswith("group[")]
    assert len(groups) == 30 and "group[other accounts]" not in groups
    assert "pooled_accounts" not in best_times(posts, TZ, n_boot=200, n_perm=99).method


def test_the_hour_tests_null_model_is_the_weekday_analysis_fit():
    """best_times gives the hour test the weekday analysis' full fit rather than fitting the
    same model again: with every post's hour known, the controls, outcome and offset are the
    same, and the weekday rows of the 168-slot design are those of the 7-day one, so the two
    fits are the same numbers (compared exactly)."""
    from smmanalytics.timing._data import controls, slot_design
    from smmanalytics.timing._estimate import estimate
    from smmanalytics.timing._model import nb_fit

    sim = simulate(3, n_posts=300)
    frame = prepare(sim["posts"], TZ, None, sim["daily"], "interactions", "followers", 7)[0]
    assert (frame["hour"] >= 0).all()
    X, _ = controls(frame)
    y, offset = frame["y"].to_numpy(float), frame["offset"].to_numpy(float)
    Zw, _ = slot_design(weekday=True, hour=False)
    wk = estimate(X, y, offset, frame["weekday"].to_numpy(int), frame["week"].to_numpy(int),
                  np.zeros(len(frame), int), Zw[::24], rng=np.random.default_rng(0),
                  n_boot=20, n_perm=19, level=0.9)
    slot = (frame["weekday"] * 24 + frame["hour"]).to_numpy(int)
    again = nb_fit(np.column_stack([X, Zw[slot]]), y, offset)
    assert np.array_equal(wk.full_fit.beta, again.beta)
    assert np.array_equal(wk.full_fit.mu, again.mu) and wk.full_fit.alpha == again.alpha
