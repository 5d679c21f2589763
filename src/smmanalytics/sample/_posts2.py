"""Post-level simulation for X, LinkedIn, YouTube and TikTok, and the assembly of all posts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _ids
from ._core import ACCOUNTS, END, TZ, days, in_incident, nb, schedule, snapshot_ts
from ._posts import (
    PLANS,
    campaign_of,
    export_file,
    export_snapshots,
    followers_at,
    simulate_facebook,
    simulate_instagram,
    simulate_stories,
)
from ._text import caption, utm_url

__all__ = ["simulate_posts"]

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _link_campaigns(rng, loc: pd.Series, source: str, p_link: float, slug: str):
    camp = campaign_of(loc.dt.normalize())
    caps, camps = [], []
    inc = in_incident(loc)
    for i in range(len(loc)):
        has = rng.random() < p_link
        c = camp[i] or f"{slug}-{loc.iloc[i].strftime('%Y-%m')}"
        link = utm_url("journal", source, c) if has else None
        caps.append(caption(rng, link=link, incident=bool(inc[i]) and rng.random() < 0.6,
                            multiline=source != "x"))
        camps.append(c if has else None)
    return caps, camps, inc


def _x(rng, fol: pd.DataFrame):
    times = schedule(rng, 25, np.arange(7, 23)).dt.tz_convert("UTC")
    times = times + pd.to_timedelta(rng.integers(0, 60, len(times)), "s")
    n = len(times)
    loc = times.dt.tz_convert(TZ).dt.tz_localize(None)
    caps, camps, inc = _link_campaigns(rng, loc, "x", 0.3, "actus")
    caps = [c[:270] for c in caps]
    followers = followers_at(times, fol)
    imp = np.round(followers * 0.5 * rng.lognormal(0, 0.5, n)).astype(np.int64)
    has_link = np.array([c is not None for c in camps])
    ids = _ids.x_snowflake(times, rng.integers(0, 2**22, n))
    frame = pd.DataFrame({
        "platform": "x", "account_id": ACCOUNTS["x"]["id"], "account_name": ACCOUNTS["x"]["name"],
        "post_id": ids, "permalink": [f"https://x.com/maisonseve/status/{i}" for i in ids],
        "caption": caps, "published_at": times, "time_precision": "second",
        "time_source": "decoded_id", "content_type": np.where(has_link, "link", "text"),
        "content_type_raw": None, "paid": False, "campaign": camps,
    })
    counts = {"impressions": imp, "reactions": nb(rng, imp * 0.012, 0.3),
              "comments": rng.poisson(imp * 0.002) + np.where(inc, rng.poisson(imp * 0.02), 0),
              "shares": rng.poisson(imp * 0.002), "saves": rng.poisson(imp * 0.001),
              "shares_dm": rng.poisson(imp * 0.0005), "follows": rng.poisson(imp * 0.0005),
              "profile_visits": rng.poisson(imp * 0.004), "detail_expands": rng.poisson(imp * 0.01),
              "link_clicks": np.where(has_link, rng.poisson(imp * 0.006), 0),
              "hashtag_clicks": rng.poisson(imp * 0.001),
              "permalink_clicks": rng.poisson(imp * 0.002)}
    truth, snaps = export_snapshots(rng, "x", frame, counts, PLANS["x"])
    return _x_derived(truth), _x_derived(snaps)


def _x_derived(df: pd.DataFrame) -> pd.DataFrame:
    """X ``Engagements``: every interaction including clicks, profile visits and follows."""
    parts = ["reactions", "comments", "shares", "saves", "shares_dm", "follows", "profile_visits",
             "detail_expands", "link_clicks", "hashtag_clicks", "permalink_clicks"]
    return df.assign(platform_engagements=df[parts].sum(axis=1))


def _linkedin(rng, fol: pd.DataFrame):
    times = schedule(rng, 8, np.array([8, 9, 10]), weekdays=(0, 1, 2, 3, 4)).dt.tz_convert("UTC")
    times = times + pd.to_timedelta(rng.integers(0, 60, len(times)), "s")
    n = len(times)
    loc = times.dt.tz_convert(TZ).dt.tz_localize(None)
    caps, camps, _ = _link_campaigns(rng, loc, "linkedin", 0.5, "b2b")
    fmt = rng.choice(["image", "video", "document", "text"], n, p=[0.5, 0.15, 0.15, 0.2])
    followers = followers_at(times, fol)
    imp = np.round(followers * 0.9 * rng.lognormal(0, 0.4, n)).astype(np.int64)
    ids = _ids.linkedin_id(times, rng.integers(0, 2**22, n))
    frame = pd.DataFrame({
        "platform": "linkedin", "account_id": ACCOUNTS["linkedin"]["id"],
        "account_name": ACCOUNTS["linkedin"]["name"], "post_id": ids,
        "permalink": [f"https://www.linkedin.com/feed/update/urn:li:activity:{i}" for i in ids],
        "caption": caps, "published_at": times, "time_precision": "day", "time_source": "export",
        "content_type": fmt, "content_type_raw": np.where(fmt == "video", "Video", None),
        "paid": False, "campaign": camps,
    })
    counts = {"impressions": imp,
              "video_views": np.where(fmt == "video", rng.poisson(imp * 0.3), 0),
              "clicks": rng.poisson(imp * 0.02), "reactions": nb(rng, imp * 0.025, 0.2),
              "comments": rng.poisson(imp * 0.002), "shares": rng.poisson(imp * 0.002),
              "follows": rng.poisson(imp * 0.001)}
    return export_snapshots(rng, "linkedin", frame, counts, PLANS["linkedin"])


def _youtube(rng, fol: pd.DataFrame):
    t_long = schedule(rng, 2.2, np.array([10]), weekdays=(5,))
    t_short = schedule(rng, 1.8, np.array([18]), weekdays=(2,))
    times = pd.concat([t_long, t_short]).dt.tz_convert("UTC").sort_values().reset_index(drop=True)
    n = len(times)
    loc = times.dt.tz_convert(TZ).dt.tz_localize(None)
    short = (loc.dt.hour == 18).to_numpy()
    dur = np.where(short, rng.integers(20, 59, n), rng.integers(240, 900, n))
    subs = followers_at(times, fol)
    final = np.round(subs * np.where(short, 3.0, 1.2) * rng.lognormal(0, 0.5, n))
    # daily views: a decaying kernel from publication to the end of the period
    d_idx = days()
    start = (loc.dt.normalize() - d_idx[0]).dt.days.to_numpy()
    age = np.arange(len(d_idx))[None, :] - start[:, None]
    w = np.where(age >= 0, np.exp(-np.clip(age, 0, None) / 10.0)
                 + 0.03 * np.exp(-np.clip(age, 0, None) / 120.0), 0)
    w = w / (np.sum(np.exp(-np.arange(3000) / 10.0) + 0.03 * np.exp(-np.arange(3000) / 120.0)))
    daily = rng.poisson(final[:, None] * w)
    views = daily.sum(axis=1)
    vid = ["".join(rng.choice(list(_B64), 11)) for _ in range(n)]
    ctr = np.where(short, rng.uniform(0.02, 0.04, n), rng.uniform(0.04, 0.07, n))
    avg = np.round(dur * np.where(short, rng.uniform(0.6, 0.9, n), rng.uniform(0.25, 0.45, n)))
    titles = [_title(caption(rng, hashtags=False).split("\n")[1]) for _ in range(n)]
    uniq = np.round(views * rng.uniform(0.7, 0.85, n)).astype(np.int64)
    new = np.round(uniq * rng.uniform(0.5, 0.7, n)).astype(np.int64)
    truth = pd.DataFrame({
        "platform": "youtube", "account_id": ACCOUNTS["youtube"]["id"],
        "account_name": ACCOUNTS["youtube"]["name"], "post_id": vid,
        "permalink": [f"https://www.youtube.com/{'shorts/' if s else 'watch?v='}{v}"
                      for s, v in zip(short, vid, strict=True)],
        "caption": titles, "published_at": times, "time_precision": "day", "time_source": "export",
        "content_type": np.where(short, "short", "video"), "content_type_raw": None,
        "paid": False, "campaign": None, "duration_s": dur.astype(float),
        "views": views.astype(float), "impressions": np.round(views / ctr * 0.8),
        "reactions": rng.poisson(views * 0.04).astype(float),
        "dislikes": rng.poisson(views * 0.001).astype(float),
        "comments": rng.poisson(views * 0.004).astype(float),
        "shares": rng.poisson(views * 0.005).astype(float),
        "follows": rng.poisson(views * 0.004).astype(float),
        "new_viewers": new.astype(float), "returning_viewers": (uniq - new).astype(float),
        "watch_time_s": views * avg, "avg_watch_time_s": avg.astype(float),
        "snapshot_at": snapshot_ts(PLANS["youtube"][0].exported),
        "source_file": export_file("youtube", 0),
    })
    truth["thumbnail_ctr"] = np.round(ctr, 4)
    yt_daily = pd.DataFrame({"date": np.tile(d_idx, n), "post_id": np.repeat(vid, len(d_idx)),
                             "views": daily.ravel()})
    return truth, yt_daily[yt_daily["views"] > 0].reset_index(drop=True)


def _title(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _tiktok(rng, fol: pd.DataFrame):
    first = pd.Timestamp("2025-11-03")
    times = schedule(rng, 10, np.array([12, 17, 18, 19, 20]), first=first).dt.tz_convert("UTC")
    times = times + pd.to_timedelta(rng.integers(0, 60, len(times)), "s")
    n = len(times)
    loc = times.dt.tz_convert(TZ).dt.tz_localize(None)
    followers = followers_at(times, fol)
    views = np.round(followers * 0.8 * rng.lognormal(0, 0.9, n)).astype(np.int64)
    inc = in_incident(loc)
    ids = _ids.tiktok_id(times, rng.integers(0, 2**32, n))
    frame = pd.DataFrame({
        "platform": "tiktok", "account_id": ACCOUNTS["tiktok"]["id"],
        "account_name": ACCOUNTS["tiktok"]["name"], "post_id": ids,
        "permalink": [f"https://www.tiktok.com/@maisonseve/video/{i}" for i in ids],
        "caption": [caption(rng, multiline=False, incident=bool(x) and rng.random() < 0.5)
                    for x in inc],
        "published_at": times, "time_precision": "second", "time_source": "decoded_id",
        "content_type": "video", "content_type_raw": None, "paid": False, "campaign": None,
    })
    counts = {"views": views, "reactions": nb(rng, views * 0.06, 0.2),
              "comments": rng.poisson(views * 0.004) + np.where(inc, rng.poisson(views * 0.03), 0),
              "shares": rng.poisson(views * 0.005)}
    return export_snapshots(rng, "tiktok", frame, counts, PLANS["tiktok"])


def simulate_posts(rng, fol: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Every platform's truth posts and per-export snapshots (YouTube: daily views per video)."""
    out: dict[str, object] = {}
    out["instagram"] = simulate_instagram(rng, fol["instagram"])
    out["instagram_stories"] = simulate_stories(rng, fol["instagram"])
    out["facebook"] = simulate_facebook(rng, fol["facebook"])
    out["x"] = _x(rng, fol["x"])
    out["linkedin"] = _linkedin(rng, fol["linkedin"])
    out["youtube"] = _youtube(rng, fol["youtube"])
    out["tiktok"] = _tiktok(rng, fol["tiktok"])
    _ = END
    return out
