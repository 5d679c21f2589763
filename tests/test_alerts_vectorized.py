"""The vectorized helpers of the alert review against the loops they replaced: the same values,
exactly, on hand-checkable inputs and on random ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from smmanalytics import _alert_stats as st
from smmanalytics.alerts import _RATIO, _VOLUME, _severity, _with_incidents


def _windows_by_group(x, groups, k):
    """The former ``_windows``: one sliding window per group."""
    m, n = x.shape
    out = np.full((m, n, k), np.nan)
    if groups is None:
        groups = np.zeros(n, dtype=int)
    for g in np.unique(groups):
        idx = np.flatnonzero(groups == g)
        sub = np.concatenate([np.full((m, k), np.nan), x[:, idx]], axis=1)
        out[:, idx, :] = sliding_window_view(sub, k, axis=1)[:, : len(idx), :]
    return out


def _severity_by_pairs(al, window):
    """``_severity`` by every pair of alerts, then a groupby per span: the span of days d to
    d + window beginning on each alert's day, an alert given the highest tier of the spans
    that hold it (its own and those of the alerts up to ``window`` days before it)."""
    a = al[["date", "signal"]].reset_index(names="_i")
    pairs = a.merge(a, how="cross", suffixes=("", "_o"))
    ahead = pairs["date_o"] - pairs["date"]
    pairs = pairs.loc[(ahead >= pd.Timedelta(0)) & (ahead <= pd.Timedelta(days=window))]
    # a ratio and its own count are one signal: comments per reach is comments' family; the
    # net follower change and the unfollows it subtracts too, where a day of the span has both
    own = {"comments_per_reach": "comments",
           "negative_feedback_per_reach": "negative_feedback"}
    pairs["family_o"] = pairs["signal_o"].replace(own)
    g = pairs.groupby("_i")
    one_day = pairs.groupby(["_i", "date_o"])["signal_o"].agg(
        lambda s: {"unfollows", "net_followers"} <= set(s)).groupby("_i").any()
    n_sig = g["family_o"].nunique() - one_day.reindex(g.size().index)
    # a ratio with a volume alert of another signal than the count it divides
    agree = g["signal_o"].agg(lambda s: any(
        (s.isin(_VOLUME) & (s != own[r])).any() for r in set(s) & set(_RATIO)))
    span = np.where((n_sig >= 3) | agree, 2, np.where(n_sig == 2, 1, 0))
    span = pd.Series(span, index=n_sig.index)
    # the spans holding each alert: those beginning on its day or up to window days before
    held = pairs[["_i", "_i_o"]].assign(level=span.reindex(pairs["_i"]).to_numpy())
    level = held.groupby("_i_o")["level"].max().reindex(a["_i"]).to_numpy()
    return _with_incidents(al, level, window)       # the incidents as the module chains them


def test_windows_by_hand():
    x = np.arange(1.0, 7.0)[None, :]
    w = st.lagged_windows(x, np.array([0, 1, 0, 1, 0, 1]), 2)[0]
    nan = np.nan
    expected = [[nan, nan], [nan, nan], [nan, 1], [nan, 2], [1, 3], [2, 4]]
    np.testing.assert_array_equal(w, np.array(expected))
    np.testing.assert_array_equal(st.lagged_windows(x, None, 3)[0, 4], [2.0, 3.0, 4.0])
    assert st.lagged_windows(np.zeros((2, 0)), np.zeros(0, dtype=int), 8).shape == (2, 0, 8)


def test_windows_are_the_per_group_windows():
    rng = np.random.default_rng(7)
    for m, n, k, grouped in [(1, 300, 8, True), (3, 100, 56, False), (2, 9, 8, True),
                             (4, 60, 28, False), (1, 1, 3, True)]:
        x = rng.poisson(5, (m, n)).astype(float)
        x[rng.random((m, n)) < 0.1] = np.nan
        groups = rng.integers(0, 7, n) if grouped else None
        np.testing.assert_array_equal(st.lagged_windows(x, groups, k),
                                      _windows_by_group(x, groups, k))


def test_severity_by_hand():
    al = pd.DataFrame({
        "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-05",
                                "2026-01-20", "2026-01-21", "2026-02-01", "2026-02-02",
                                "2026-03-01", "2026-03-01", "2026-03-02",
                                "2026-04-01", "2026-04-02",
                                "2026-05-01", "2026-05-02",
                                "2026-06-01", "2026-06-03", "2026-06-05",
                                "2026-07-01", "2026-07-01", "2026-07-02"]),
        "platform": ["instagram", "instagram", "x", "x", "x", "instagram", "x", "x",
                     "x", "x", "x", "x", "facebook", "x", "x",
                     "x", "instagram", "x", "instagram", "x", "facebook"],
        "signal": ["comments", "comments_per_reach", "unfollows", "net_followers",
                   "comments", "comments", "comments_per_reach", "negative_feedback",
                   "comments", "comments_per_reach", "unfollows",
                   "unfollows", "negative_feedback", "unfollows", "net_followers",
                   "unfollows", "comments", "net_followers",
                   "net_followers", "unfollows", "comments"]})
    out = _severity(al, 2)
    # comments and comments per reach, the same comments, are one signal: a watch (s53RS: a
    # giveaway's 400 comments were a crisis); so are X's unfollows and its net follower drop
    # of one day (net = follows - unfollows): one movement, a watch (s54AL: a warning); one:
    # watch; two signals: warning (1-2 April); the ratio with another signal's volume alert
    # within 2 days: crisis (1 February; 1 March, whose comments count with their ratio once:
    # 2 signals, crisis by the ratio + unfollows). The unfollows and the net a day apart are
    # two movements: a warning (1-2 May); 1 June's unfollows, 3 June's comments, 5 June's net
    # drop: no 2-day span holds more than two of them, so all three are warnings (s55R5: 3
    # June counted all three, within 2 days on each side, a crisis);
    # Instagram's net and X's unfollows of 1 July, one signal on any platform, with 2 July's
    # comments: two signals, a warning
    assert list(out["severity"]) == ["watch", "watch", "watch", "watch", "watch", "watch",
                                     "crisis", "crisis", "crisis", "crisis", "crisis",
                                     "warning", "warning", "warning", "warning",
                                     "warning", "warning", "warning",
                                     "warning", "warning", "warning"]
    assert list(out["incident_id"]) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7,
                                        8, 8, 8, 9, 9, 9]
    pd.testing.assert_frame_equal(out, _severity_by_pairs(al, 2), check_exact=True)


def test_severity_is_the_pairwise_one():
    rng = np.random.default_rng(3)
    kinds = np.array(["negative_feedback", "unfollows", "net_followers", "comments",
                      "comments_per_reach", "negative_feedback_per_reach"])
    for n, window in [(1, 2), (40, 2), (120, 0), (80, 5)]:
        dates = pd.Timestamp("2026-01-01") + pd.to_timedelta(
            np.sort(rng.integers(0, 90, n)), unit="D")
        al = pd.DataFrame({"date": dates, "platform": rng.choice(["x", "tiktok"], n),
                           "signal": rng.choice(kinds, n)})
        pd.testing.assert_frame_equal(_severity(al, window), _severity_by_pairs(al, window),
                                      check_exact=True)


def test_level_tests_take_the_tail_only_where_it_decides():
    """The alerts of the level tests are those of the full test (every day's NB tail), as
    :func:`_detect` computed them before its first pass skipped the limits."""
    from smmanalytics.alerts import AlertSettings, _count_level, _ratio_level

    rng = np.random.default_rng(5)
    n = 300
    weekday = np.arange(n) % 7
    settings = AlertSettings()
    lam = rng.gamma(2.0, np.r_[np.full(2, 1.5), np.full(2, 20.0)][:, None] / 2.0, (4, n))
    x = rng.poisson(lam).astype(float)
    x[:, [50, 120, 121, 200]] += [[40.0], [25.0], [30.0], [90.0]]     # incidents
    x[0, 7] = np.nan
    lv = _count_level(x, x, weekday, settings)
    tail = st.nb_tail(np.nan_to_num(x), lv["mu"], lv["r"])
    full = (lv["tested"] & (x >= settings.min_count) & (tail < settings.nb_p)
            & (~lv["busy"] | (lv["z"] > settings.z_threshold)))
    np.testing.assert_array_equal(lv["alert"], full)
    assert full.any() and (~full).any()
    expo = rng.gamma(3.0, 1000.0, (1, n))
    c = rng.poisson(expo * 0.004).astype(float)
    c[0, [60, 61]] += 60.0
    lv = _ratio_level(c, expo, c, weekday, settings)
    tail = st.nb_tail(np.nan_to_num(c), lv["mu"], lv["r"])
    full = lv["tested"] & (tail < settings.nb_p) & (c >= settings.min_count)
    np.testing.assert_array_equal(lv["alert"], full)
    assert full.any()


def test_simulated_baseline_by_hand_and_as_count_baseline():
    from smmanalytics.alerts import AlertSettings

    # two weekdays alternating, windows of 2: day 4 (weekday 0) holds days 0 and 2 (1 + 3)
    x = np.array([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]])
    settings = AlertSettings(weekday_weeks=2, min_history=1)
    sb = st._simulated_baseline(x, np.array([0, 1, 0, 1, 0, 1]), settings)
    np.testing.assert_array_equal(sb["sum"], [[0.0, 0.0, 1.0, 2.0, 4.0, 6.0]])
    np.testing.assert_array_equal(sb["count"], [[0, 0, 1, 1, 2, 2]])
    np.testing.assert_array_equal(sb["mu"][:, 2:], [[1.5, 2.5, 2.25, 3.25]])
    np.testing.assert_array_equal(sb["tested"], [[False, False, True, True, True, True]])
    for s in (AlertSettings(), AlertSettings(min_history=1, weekday_weeks=3),
              AlertSettings(baseline="pooled")):
        xs, weekday = st._simulate(12.5, (1.3, 1.2, 1.0, 1.0, 0.9, 0.4, 0.2), 0.4, 5, 400,
                                   np.random.default_rng(2))
        want = st.count_baseline(xs, weekday, s, robust=False)
        got = st._simulated_baseline(xs, weekday, s)
        assert want.keys() == got.keys()
        for key in want:
            np.testing.assert_array_equal(got[key], want[key])


def test_severity_counts_signals_of_one_48_hour_span():
    """s55R5's incident: Facebook comments of 14 September, X's unfollows and net drop of the
    16th (one movement), Facebook's negative feedback of the 18th. Within 2 days on each side,
    the 16th saw all three, a crisis; by spans of days d to d + 2, 14-16 September holds the
    comments and the follower loss (2 signals), 16-18 the follower loss and the negative
    feedback (2): warnings all. Moved to the 15th and 16th, the three lie in 14-16: a crisis
    for all four alerts. The comments' ratio on the 14th with the negative feedback of the
    16th (2 days apart) stays a crisis (ratio + another volume), the 18th's hides, in no span
    with the ratio (16-18 holds the hides alone), a watch of their own within the incident."""
    def sev(days, signals):
        al = pd.DataFrame({"date": pd.to_datetime([f"2026-09-{d}" for d in days]),
                           "platform": ["facebook"] * len(days), "signal": signals})
        return _severity(al, 2)

    out = sev([14, 16, 16, 18], ["comments", "unfollows", "net_followers",
                                 "negative_feedback"])
    assert out["severity"].tolist() == ["warning"] * 4
    assert out["incident_severity"].tolist() == ["warning"] * 4
    assert out["incident_id"].tolist() == [1, 1, 1, 1]     # still one incident, chained
    out = sev([14, 15, 15, 16], ["comments", "unfollows", "net_followers",
                                 "negative_feedback"])
    assert out["severity"].tolist() == ["crisis"] * 4
    out = sev([14, 14, 16, 18], ["comments", "comments_per_reach", "negative_feedback",
                                 "negative_feedback"])
    assert out["severity"].tolist() == ["crisis", "crisis", "crisis", "watch"]
    assert out["incident_severity"].tolist() == ["crisis"] * 4
