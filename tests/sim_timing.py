"""Simulated accounts with a known timing truth, for the timing tests and benchmark.

The account posts ``n_posts`` times over ``weeks`` weeks in the audience zone ``tz``. Reels do
``reel_lift`` times better than other formats and ``reel_morning`` of them go out in the
morning (08-10 local); everything else goes out between 12:00 and 22:59. Posts in the evening
(18:00-20:59 local) get ``evening_lift`` times the engagement. Followers grow linearly by
``growth`` over the period (and reels become more common), weeks share a log-normal shock, and
engagement is negative binomial (gamma-Poisson with shape ``k``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

EVENING = (18, 19, 20)
MORNING = (8, 9, 10)


def simulate(seed: int, *, n_posts: int = 400, weeks: int = 52, evening_lift: float = 1.7,
             reel_lift: float = 2.2, reel_morning: float = 0.75, growth: float = 0.6,
             k: float = 2.0, base_rate: float = 0.0035, week_sd: float = 0.15,
             tz: str = "Europe/Paris", start: str = "2025-01-06", young: int = 0,
             day_precision: int = 0) -> dict:
    """One simulated account: posts, daily followers and the truth needed to score answers."""
    rng = np.random.default_rng(seed)
    t0 = pd.Timestamp(start)                      # naive: days are added on the wall clock
    days = np.sort(rng.integers(0, weeks * 7, n_posts))
    t = days / (weeks * 7)
    reel = rng.random(n_posts) < 0.25 + 0.4 * t
    morning = reel & (rng.random(n_posts) < reel_morning)
    hour = np.where(morning, rng.choice(MORNING, n_posts), rng.integers(12, 23, n_posts))
    minute = rng.integers(0, 60, n_posts)
    local = pd.DatetimeIndex(t0 + pd.to_timedelta(days, unit="D"))
    local = local + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(minute, unit="m")
    published = pd.DatetimeIndex(local).tz_localize(tz, nonexistent="shift_forward",
                                                     ambiguous=False).tz_convert("UTC")
    paid = rng.random(n_posts) < 0.1
    followers = np.round(10_000 * (1 + growth * t))
    shock = np.exp(rng.normal(0, week_sd, weeks + 1))[days // 7]
    e = followers * base_rate * np.where(reel, reel_lift, 1.0) * np.where(paid, 1.5, 1.0) * shock
    timing = np.where(np.isin(hour, EVENING), evening_lift, 1.0)
    mu = e * timing
    y = rng.poisson(rng.gamma(k, mu / k)).astype(float)
    snapshot = published.max() + pd.Timedelta(days=10)
    published_at = pd.Series(published)
    if young:                                  # the last `young` posts are 2 days old
        snapshot = published.max() + pd.Timedelta(days=2)
        published_at = published_at.copy()
    posts = pd.DataFrame({
        "platform": pd.Categorical(["instagram"] * n_posts),
        "account_id": pd.array(["acc"] * n_posts, dtype="string"),
        "post_id": pd.array([f"p{i}" for i in range(n_posts)], dtype="string"),
        "published_at": published_at.astype("datetime64[ns, UTC]"),
        "time_precision": pd.Categorical(["minute"] * n_posts),
        "content_type": pd.Categorical(np.where(reel, "reel", "image")),
        "paid": pd.array(paid, dtype="boolean"),
        "reach": pd.array(mu * 20, dtype="Float64"),
        "reactions": pd.array(y, dtype="Float64"),
        "comments": pd.array(np.zeros(n_posts), dtype="Float64"),
        "snapshot_at": pd.Series([snapshot] * n_posts).astype("datetime64[ns, UTC]"),
    })
    if day_precision:
        idx = rng.choice(n_posts, day_precision, replace=False)
        local_day = published[idx].tz_convert(tz).tz_localize(None).normalize()
        posts.loc[idx, "published_at"] = (local_day.tz_localize("UTC")
                                          .astype("datetime64[ns, UTC]"))
        tp = posts["time_precision"].astype("string")
        tp.iloc[idx] = "day"
        posts["time_precision"] = tp.astype("category")
    dates = pd.date_range(t0.normalize(), periods=weeks * 7 + 14, freq="D")
    tt = np.arange(len(dates)) / (weeks * 7)
    daily = pd.DataFrame({
        "platform": pd.Categorical(["instagram"] * len(dates)),
        "account_id": pd.array(["acc"] * len(dates), dtype="string"),
        "date": dates, "hour": pd.array([pd.NA] * len(dates), dtype="Int8"),
        "metric": pd.array(["followers_total"] * len(dates), dtype="string"),
        "value": pd.array(np.round(10_000 * (1 + growth * np.minimum(tt, 1))), dtype="Float64"),
    })
    return {"posts": posts, "daily": daily, "hour": hour, "weekday": local.day_of_week.to_numpy(),
            "e": e, "timing": timing, "reel": reel}


def true_lift(sim: dict, weekdays, hours) -> float:
    """True lift of posting in a window: e-weighted mean timing multiplier inside / overall."""
    inside = np.isin(sim["weekday"], list(weekdays)) & np.isin(sim["hour"], list(hours))
    e, m = sim["e"], sim["timing"]
    if not inside.any():
        return float("nan")
    return float((e[inside] * m[inside]).sum() / e[inside].sum() / ((e * m).sum() / e.sum()))


def naive_best_hour(posts: pd.DataFrame, tz: str, min_posts: int = 5) -> int:
    """The naive heatmap's answer: the local hour with the highest mean interactions."""
    hour = posts["published_at"].dt.tz_convert(tz).dt.hour
    g = posts["reactions"].astype(float).groupby(hour).agg(["mean", "size"])
    g = g[g["size"] >= min_posts]
    return int(g["mean"].idxmax())


def is_evening(window: dict) -> bool:
    """A recommended window hits the truth when at least 2 of its hours are evening hours."""
    return len(set(window.get("hours", [])) & set(EVENING)) >= 2


def simulate_weekend_hours(seed: int, *, n_posts: int = 600, weeks: int = 52,
                           amplitude: float = 0.5, interaction: bool = True, k: float = 2.0,
                           tz: str = "Europe/Paris", start: str = "2025-01-06") -> dict:
    """An account whose engagement peaks at 12:00 on weekdays and at 19:00 on weekends
    (``interaction``; else at 12:00 every day): posts on any day at 08:00-22:59 local, the
    timing multiplier ``exp(amplitude * cos(pi * min(d, 6) / 6))`` of the distance ``d`` in
    hours to the day's peak (``exp(amplitude)`` at the peak, ``exp(-amplitude)`` from 6 hours
    off). Reels do 2.2x better, followers grow by 60%; engagement is negative binomial."""
    rng = np.random.default_rng(seed)
    days = np.sort(rng.integers(0, weeks * 7, n_posts))
    hour = rng.integers(8, 23, n_posts)
    reel = rng.random(n_posts) < 0.3
    local = (pd.DatetimeIndex(pd.Timestamp(start) + pd.to_timedelta(days, unit="D"))
             + pd.to_timedelta(hour, unit="h"))
    weekday = local.day_of_week.to_numpy()
    peak = np.where((weekday >= 5) & interaction, 19, 12)
    d = np.minimum(np.abs(hour - peak), 24 - np.abs(hour - peak))
    timing = np.exp(amplitude * np.cos(np.pi * np.minimum(d, 6) / 6))
    followers = np.round(10_000 * (1 + 0.6 * days / (weeks * 7)))
    e = followers * 0.0035 * np.where(reel, 2.2, 1.0)
    y = rng.poisson(rng.gamma(k, e * timing / k)).astype(float)
    published = local.tz_localize(tz, nonexistent="shift_forward",
                                  ambiguous=False).tz_convert("UTC")
    snapshot = published.max() + pd.Timedelta(days=10)
    posts = pd.DataFrame({
        "platform": pd.Categorical(["instagram"] * n_posts),
        "account_id": pd.array(["acc"] * n_posts, dtype="string"),
        "post_id": pd.array([f"p{i}" for i in range(n_posts)], dtype="string"),
        "published_at": pd.Series(published).astype("datetime64[ns, UTC]"),
        "time_precision": pd.Categorical(["minute"] * n_posts),
        "content_type": pd.Categorical(np.where(reel, "reel", "image")),
        "paid": pd.array(np.zeros(n_posts, bool), dtype="boolean"),
        "reactions": pd.array(y, dtype="Float64"),
        "comments": pd.array(np.zeros(n_posts), dtype="Float64"),
        "snapshot_at": pd.Series([snapshot] * n_posts).astype("datetime64[ns, UTC]"),
    })
    dates = pd.date_range(pd.Timestamp(start), periods=weeks * 7 + 14, freq="D")
    daily = pd.DataFrame({
        "platform": pd.Categorical(["instagram"] * len(dates)),
        "account_id": pd.array(["acc"] * len(dates), dtype="string"),
        "date": dates, "hour": pd.array([pd.NA] * len(dates), dtype="Int8"),
        "metric": pd.array(["followers_total"] * len(dates), dtype="string"),
        "value": pd.array(np.round(10_000 * (1 + 0.6 * np.minimum(
            np.arange(len(dates)) / (weeks * 7), 1))), dtype="Float64"),
    })
    return {"posts": posts, "daily": daily, "hour": hour, "weekday": weekday, "e": e,
            "timing": timing, "reel": reel}
