"""Summaries of the planted effects, measured on the truth frames, and the goals file."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._core import CAMPAIGNS, INCIDENT, TZ
from ._posts import IG_EFFECTS
from ._web import SOCIAL_SOURCES

__all__ = ["summarize", "make_goals"]

_INTER = ["reactions", "comments", "shares", "saves"]


def _inter(df: pd.DataFrame) -> pd.Series:
    return df[[c for c in _INTER if c in df]].fillna(0).sum(axis=1)


def _oct(df: pd.DataFrame, col: str = "published_at") -> pd.Series:
    return df[col].dt.tz_convert(TZ).dt.strftime("%Y-%m") == "2026-10"


def _social(web: pd.DataFrame) -> pd.Series:
    return web["source"].isin(list(SOCIAL_SOURCES))


def _costs_in(costs: pd.DataFrame, a: pd.Timestamp, b: pd.Timestamp) -> float:
    """Costs overlapping [a, b], prorated by day (labor amount = hours × hourly_rate)."""
    amount = costs["amount"].fillna(costs["hours"] * costs["hourly_rate"])
    s, e = pd.to_datetime(costs["start"]), pd.to_datetime(costs["end"])
    span = (e - s).dt.days + 1
    overlap = ((np.minimum(e, b) - np.maximum(s, a)).dt.days + 1).clip(lower=0)
    return float((amount * overlap / span).sum())


def summarize(posts: pd.DataFrame, daily: pd.DataFrame, web: pd.DataFrame,
              costs: pd.DataFrame) -> dict:
    """The ``truths`` dict of :class:`SampleBrand` (numbers computed on the truth frames)."""
    ig = posts[(posts["platform"] == "instagram") & (posts["content_type"] != "story")]
    ig = ig.assign(interactions=_inter(ig))
    reels = ig["content_type"] == "reel"
    naive = ig.groupby("slot")["interactions"].mean().round(1).to_dict()
    timing = {
        "planted": {k: (list(v) if isinstance(v, tuple) else v) for k, v in IG_EFFECTS.items()},
        "n_posts": int(len(ig)),
        "posts_per_month": round(len(ig) / 14, 1),
        "reel_share_in_morning": round(float((ig.loc[reels, "slot"] == "morning").mean()), 3),
        "reel_share_of_morning_posts": round(float(reels[ig["slot"] == "morning"].mean()), 3),
        "naive_mean_interactions_by_slot": naive,
        "naive_favours": max(naive, key=naive.get),
        "evening_rate_ratio_planted": IG_EFFECTS["evening"],
    }
    camps = {}
    for name, (a, b) in CAMPAIGNS.items():
        c = costs[costs["campaign"] == name]
        w = web[web["campaign"].eq(name).fillna(False)]
        ad = float(c.loc[c["category"] == "ad_spend", "amount"].sum())
        total = float(c["amount"].fillna(c["hours"] * c["hourly_rate"]).sum())
        rev = float(w["revenue"].sum())
        camps[name] = {
            "start": str(a.date()), "end": str(b.date()), "ad_spend": ad, "total_cost": total,
            "sessions": int(w["sessions"].sum()), "key_events": int(w["key_events"].sum()),
            "revenue": round(rev, 2), "roas": round(rev / ad, 3),
            "roi": round((rev - total) / total, 3),
            "boosted_facebook_posts": sorted(posts.loc[(posts["platform"] == "facebook")
                                                       & posts["paid"]
                                                       & posts["campaign"].eq(name).fillna(False),
                                                       "post_id"].tolist()),
        }
    a, b = INCIDENT
    inc = {"start": str(a.date()), "end": str(b.date())}
    fb = posts[posts["platform"] == "facebook"]
    day = posts["published_at"].dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
    in_week = (day >= a) & (day <= b)
    inc["facebook_negative_feedback_per_post"] = {
        "incident_week": round(float(fb.loc[in_week[fb.index], "negative_feedback"].mean()), 2),
        "other_weeks": round(float(fb.loc[~in_week[fb.index], "negative_feedback"].mean()), 2)}
    ratio = {}
    for p in ("instagram", "facebook"):
        d = posts[(posts["platform"] == p) & (posts["content_type"] != "story")]
        r = d["comments"] / d["reach"]
        ratio[p] = {"incident_week": round(float(r[in_week[d.index]].median()), 4),
                    "other_weeks": round(float(r[~in_week[d.index]].median()), 4)}
    inc["comments_per_reach_median"] = ratio
    dd = daily[daily["hour"].isna()]
    wk = (dd["date"] >= a) & (dd["date"] <= b)
    net = dd[wk & (dd["metric"] == "net_follows")].groupby("platform", observed=True)["value"].sum()
    inc["net_follows_in_week"] = {k: int(v) for k, v in net.items()}
    unf = dd[(dd["platform"] == "x") & (dd["metric"] == "unfollows")]
    inc["x_unfollows_per_day"] = {
        "incident_week": round(float(unf.loc[wk[unf.index], "value"].mean()), 2),
        "other_days": round(float(unf.loc[~wk[unf.index], "value"].mean()), 2)}
    fol = dd[dd["metric"] == "followers_total"].sort_values("date")
    followers = {p: {"first_day": int(g["value"].iloc[0]), "last_day": int(g["value"].iloc[-1])}
                 for p, g in fol.groupby("platform", observed=True)}
    return {"instagram_timing": timing, "campaigns": camps, "incident": inc,
            "followers": followers}


def _floor(x: float, step: float) -> float:
    return math.floor(x / step) * step


def _ceil(x: float, step: float) -> float:
    return math.ceil(x / step) * step


def make_goals(posts: pd.DataFrame, daily: pd.DataFrame, web: pd.DataFrame,
               costs: pd.DataFrame) -> tuple[list[dict], dict]:
    """goals.yaml entries and, for October 2026, each goal's actual value and status.

    Targets are set from the truth so that the October status is unambiguous under either
    reading of a metric (feed posts only or with stories; all or social-only GA4 traffic).
    """
    a, b = pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")
    o = posts[_oct(posts)]
    ig = o[(o["platform"] == "instagram") & (o["content_type"] != "story")]
    fb = o[o["platform"] == "facebook"]
    w = web[web["period_start"] == a]
    soc = w[_social(w)]
    d = daily[(daily["date"] >= a) & (daily["date"] <= b)]
    net = float(d.loc[d["metric"] == "net_follows", "value"].sum())
    ad = float(costs.loc[(costs["category"] == "ad_spend")
                         & (pd.to_datetime(costs["start"]) >= a), "amount"].sum())
    total_cost = _costs_in(costs, a, b)
    roi = (float(soc["revenue"].sum()) - total_cost) / total_cost
    camp_roi = (float(w.loc[w["campaign"].eq("automne-2026").fillna(False), "revenue"].sum())
                - 3200.0) / 3200.0
    er = _inter(ig) / ig["reach"]
    actual = {
        ("posts", "instagram", "month", "at_least"): (len(ig), _floor(len(ig) * 0.9, 1)),
        ("posts", "x", "month", "at_most"): (len(o[o["platform"] == "x"]),
                                             max(30, len(o[o["platform"] == "x"]) + 3)),
        ("interactions", "instagram", "month", "at_least"): (float(_inter(ig).sum()),
                                                             _floor(_inter(ig).sum() * 0.9, 500)),
        ("reach", "facebook", "month", "at_least"): (float(fb["reach"].sum()),
                                                     _floor(fb["reach"].sum() * 0.85, 1000)),
        ("er_reach", "instagram", "month", "at_least"): (
            round(float(_inter(ig).sum() / ig["reach"].sum()), 4),
            _floor(0.8 * min(er.median(), _inter(ig).sum() / ig["reach"].sum()), 0.005)),
        ("followers_net", "all", "month", "at_least"): (net, _ceil(max(net, 0) + 600, 100)),
        ("sessions", "all", "month", "at_least"): (float(w["sessions"].sum()),
                                                   _floor(soc["sessions"].sum() * 0.9, 500)),
        ("revenue", "all", "month", "at_least"): (round(float(w["revenue"].sum()), 2),
                                                  _ceil(w["revenue"].sum() * 1.15, 1000)),
        ("roas", "all", "month", "at_least"): (round(float(soc["revenue"].sum()) / ad, 3), 3.0),
        ("roi", "all", "month", "at_least"): (round(roi, 3),
                                              max(0.25, _floor(0.7 * min(roi, camp_roi), 0.25))),
        ("key_events", "all", "quarter", "at_least"): (float(w["key_events"].sum()),
                                                       _ceil(3 * w["key_events"].sum() * 1.1, 50)),
    }
    goals, status = [], {}
    for (metric, platform, period, direction), (value, target) in actual.items():
        target = round(float(target), 4)
        goals.append({"metric": metric, "platform": platform, "target": target, "period": period,
                      "direction": direction})
        if period == "quarter":
            st = "pacing (quarter 2026-Q4 has one month of data)"
        else:
            ok = value >= target if direction == "at_least" else value <= target
            st = "met" if ok else "missed"
        status[f"{metric}/{platform}/{period}"] = {"actual": value, "target": target, "status": st}
    status["_definitions"] = {
        "roas": "GA4 revenue from social sources (aliases normalised) / ad_spend of October",
        "roi": f"(social revenue − all October costs prorated by day = {total_cost:.2f}) "
               "/ those costs",
        "followers_net": "sum of net follows of every platform (truth; LinkedIn exports lack "
                         "unfollows)",
        "sessions": "target = 0.9 × social sessions, so met for all or social-only sessions",
    }
    return goals, status
