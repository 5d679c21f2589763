"""Account-level daily series (long truth table) and audience breakdowns."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._core import (
    ACCOUNTS,
    END,
    EXPORT_DAY,
    START,
    TZ,
    days,
    epoch_ms,
    in_incident,
    snapshot_ts,
    spread,
)
from ._posts import PLANS, export_file, youtube_subscribers_zip_name

__all__ = ["DAY_TZ", "simulate_daily", "simulate_audience", "tiktok_activity"]

#: the zone each platform's daily rows are assumed to be in (see data/sample/README.md)
DAY_TZ = {"facebook": "America/Los_Angeles", "instagram": "America/Los_Angeles", "x": "UTC",
          "linkedin": "UTC", "youtube": "America/Los_Angeles", "tiktok": "UTC"}


def _day_index(posts: pd.DataFrame) -> np.ndarray:
    loc = posts["published_at"].dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
    return (loc - START).dt.days.to_numpy()


def _spread(posts: pd.DataFrame, col: str, n: int, rng) -> np.ndarray:
    v = posts[col].fillna(0).to_numpy(dtype=float)
    return rng.poisson(spread(_day_index(posts), v, n) * 0.97)  # ~3 % lands after the period


def _long(platform: str, idx: pd.DatetimeIndex, series: dict[str, np.ndarray]) -> pd.DataFrame:
    parts = [pd.DataFrame({"platform": platform, "account_id": ACCOUNTS[platform]["id"],
                           "date": idx, "metric": m, "value": np.asarray(v, dtype=float)})
             for m, v in series.items()]
    return pd.concat(parts, ignore_index=True)


def simulate_daily(rng, fol: dict[str, pd.DataFrame], posts: dict[str, pd.DataFrame],
                   yt_daily: pd.DataFrame) -> pd.DataFrame:
    """The truth ``daily`` table (long) for every platform, ending 2026-10-31."""
    idx = days()
    n = len(idx)
    inc = in_incident(idx)
    frames = []
    for p, f in fol.items():
        frames.append(_long(p, pd.DatetimeIndex(f["date"]), {
            m: f[m].to_numpy()
            for m in ("follows", "unfollows", "net_follows", "followers_total")}))
    ig = pd.concat([posts["instagram"], posts["instagram_stories"]], ignore_index=True)
    for p, df in (("instagram", ig), ("facebook", posts["facebook"])):
        inter = sum(_spread(df, c, n, rng) for c in ("reactions", "comments", "shares", "saves")
                    if c in df)
        series = {"views": _spread(df, "views", n, rng) + rng.poisson(np.full(n, 300.0)),
                  "interactions": inter}
        if p == "facebook":
            series["profile_visits"] = rng.poisson(35 + series["views"] * 0.004 + inc * 60)
        frames.append(_long(p, idx, series))
    x = posts["x"]
    xs = {m: _spread(x, c, n, rng) for m, c in (
        ("impressions", "impressions"), ("reactions", "reactions"), ("comments", "comments"),
        ("shares", "shares"), ("saves", "saves"), ("shares_dm", "shares_dm"),
        ("profile_visits", "profile_visits"), ("platform_engagements", "platform_engagements"))}
    xday = (x["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
            - START).dt.days
    xs["posts_published"] = np.bincount(xday.clip(0, n - 1), minlength=n)
    xs["video_views"] = rng.poisson(xs["impressions"] * 0.02)
    xs["media_views"] = rng.poisson(xs["impressions"] * 0.08)
    frames.append(_long("x", idx, xs))
    li = posts["linkedin"]
    ls = {m: _spread(li, m, n, rng)
          for m in ("impressions", "clicks", "reactions", "comments", "shares")}
    ls["impressions"] = ls["impressions"] + rng.poisson(np.full(n, 15.0))
    ls["unique_impressions"] = np.round(ls["impressions"] * rng.uniform(0.6, 0.75, n))
    frames.append(_long("linkedin", idx, ls))
    yt = yt_daily.groupby("date")["views"].sum().reindex(idx, fill_value=0).to_numpy()
    frames.append(_long("youtube", idx, {"views": yt}))
    tk = posts["tiktok"]
    tidx = pd.date_range("2025-11-01", idx[-1], freq="D")
    off = n - len(tidx)
    ts = {m: _spread(tk, c, n, rng)[off:] for m, c in (
        ("views", "views"), ("reactions", "reactions"), ("comments", "comments"),
        ("shares", "shares"))}
    ts["profile_visits"] = rng.poisson(20 + ts["views"] * 0.01)
    viewers = np.round(ts["views"] * rng.uniform(0.55, 0.7, len(tidx))).astype(np.int64)
    new = np.round(viewers * rng.uniform(0.7, 0.85, len(tidx))).astype(np.int64)
    ts["viewers"] = np.where(np.arange(len(tidx)) == 0, np.nan, viewers)  # `undefined` on day 1
    ts["new_viewers"], ts["returning_viewers"] = new, viewers - new
    frames.append(_long("tiktok", tidx, ts))
    out = pd.concat(frames, ignore_index=True)
    out["hour"] = pd.array([pd.NA] * len(out), dtype="Int8")
    act = tiktok_activity(rng, int(fol["tiktok"]["followers_total"].iloc[-1]))
    out = pd.concat([out, act], ignore_index=True)
    out["day_tz"] = out["platform"].map(DAY_TZ)
    out["snapshot_at"] = snapshot_ts(EXPORT_DAY)
    out["source_file"] = _source_files(out)
    return out


def _source_files(daily: pd.DataFrame) -> np.ndarray:
    """The export file that carries each truth row (None: in no file, e.g. Meta gross follows)."""
    span = f"{START.date()}_{END.date()}_{EXPORT_DAY.date()}"
    fixed = {("facebook", "net_follows"): f"facebook_follows_{span}.csv",
             ("instagram", "net_follows"): f"instagram_follows_{span}.csv",
             ("facebook", "interactions"): f"facebook_content_interactions_{span}.csv",
             ("instagram", "interactions"): f"instagram_content_interactions_{span}.csv",
             ("facebook", "views"): f"facebook_views_{span}.csv",
             ("instagram", "views"): f"instagram_views_{span}.csv",
             ("facebook", "profile_visits"): f"facebook_visits_{span}.csv",
             ("youtube", "views"): export_file("youtube", 0),
             ("youtube", "net_follows"): youtube_subscribers_zip_name(),
             ("linkedin", "follows"): f"maison-seve_followers_{epoch_ms(EXPORT_DAY)}.xls"}
    for m in ("impressions", "platform_engagements", "reactions", "comments", "shares", "follows",
              "unfollows", "saves", "shares_dm", "profile_visits", "posts_published",
              "video_views", "media_views"):
        fixed[("x", m)] = "account_overview_analytics.csv"
    tk = ACCOUNTS["tiktok"]["handle"]
    for m in ("views", "profile_visits", "reactions", "comments", "shares"):
        fixed[("tiktok", m)] = f"Overview_2025-11-01_{epoch_ms(EXPORT_DAY) // 1000}_{tk}.zip"
    for m in ("followers_total", "net_follows", "online_followers"):
        fixed[("tiktok", m)] = f"Followers_{tk}.zip"
    for m in ("viewers", "new_viewers", "returning_viewers"):
        fixed[("tiktok", m)] = f"Viewers_{tk}.zip"
    keys = list(zip(daily["platform"], daily["metric"], strict=True))
    out = np.array([fixed.get(k) for k in keys], dtype=object)
    li = (daily["platform"] == "linkedin") & daily["metric"].isin(
        ["impressions", "unique_impressions", "clicks", "reactions", "comments", "shares"])
    for i, ex in enumerate(PLANS["linkedin"]):
        sel = (li & (daily["date"] >= ex.start) & (daily["date"] <= ex.end)).to_numpy()
        out[sel] = export_file("linkedin", i)
    return out


def tiktok_activity(rng, followers: int) -> pd.DataFrame:
    """Active TikTok followers per hour (UTC hours) for 2026-10-25..31: an evening peak in Paris.

    Expected share online: 0.04 + 0.22·exp(−(h_paris − 20)²/(2·1.6²))
    + 0.08·exp(−(h_paris − 12.5)²/2), where h_paris is the Paris hour of each UTC hour (CET from
    2026-10-25 03:00).
    """
    idx = pd.date_range("2026-10-25", "2026-10-31 23:00", freq="h", tz="UTC")
    hp = idx.tz_convert(TZ).hour.to_numpy()
    share = (0.04 + 0.22 * np.exp(-((hp - 20) ** 2) / (2 * 1.6**2))
             + 0.08 * np.exp(-((hp - 12.5) ** 2) / 2))
    val = rng.poisson(followers * share)
    return pd.DataFrame({"platform": "tiktok", "account_id": ACCOUNTS["tiktok"]["id"],
                         "date": idx.tz_localize(None).normalize(),
                         "hour": pd.array(idx.hour, dtype="Int8"), "metric": "online_followers",
                         "value": val.astype(float)})


_AUD = {
    ("tiktok", "gender"): {"Female": 0.76, "Male": 0.21, "Other": 0.03},
    ("tiktok", "country"): {"FR": 0.71, "BE": 0.09, "CH": 0.06, "CA": 0.05, "MA": 0.03,
                            "LU": 0.02, "Others": 0.04},
    ("linkedin", "location"): {"Paris, Île-de-France": 0.34, "Lyon, Auvergne-Rhône-Alpes": 0.11,
                               "Marseille, Provence-Alpes-Côte d’Azur": 0.08,
                               "Bordeaux, Nouvelle-Aquitaine": 0.06,
                               "Nice, Provence-Alpes-Côte d’Azur": 0.05,
                               "Bruxelles, Région de Bruxelles-Capitale": 0.04},
    ("linkedin", "job_function"): {"Marketing": 0.22, "Sales": 0.14, "Entrepreneurship": 0.12,
                                   "Business Development": 0.09, "Arts and Design": 0.08,
                                   "Operations": 0.06},
    ("linkedin", "seniority"): {"Entry": 0.31, "Senior": 0.27, "Manager": 0.14, "Director": 0.07,
                                "Owner": 0.06, "Training": 0.05},
    ("linkedin", "industry"): {"Personal Care Product Manufacturing": 0.24, "Retail": 0.15,
                               "Wellness and Fitness Services": 0.11, "Marketing Services": 0.09,
                               "Chemical Manufacturing": 0.05},
    ("linkedin", "company_size"): {"1": 0.08, "2-10": 0.21, "11-50": 0.19, "51-200": 0.15,
                                   "201-500": 0.09, "501-1000": 0.06, "1001-5000": 0.09,
                                   "5001-10000": 0.05, "10001+": 0.08},
}


def simulate_audience(followers_end: dict[str, int]) -> pd.DataFrame:
    """Follower breakdowns as of the export day (shares; LinkedIn also as counts)."""
    rows = []
    for (p, dim), shares in _AUD.items():
        for cat, s in shares.items():
            value = float(round(followers_end[p] * s)) if p == "linkedin" else np.nan
            rows.append({"platform": p, "account_id": ACCOUNTS[p]["id"], "dimension": dim,
                         "category": cat, "value": value, "share": s})
    out = pd.DataFrame(rows)
    out["snapshot_at"] = snapshot_ts(EXPORT_DAY)
    return out
