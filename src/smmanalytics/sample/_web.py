"""GA4 traffic (monthly, by campaign and source / medium), costs, goals and competitors."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._core import CAMPAIGNS, END, EXPORT_DAY, START, snapshot_ts

__all__ = ["simulate_web", "simulate_costs", "SOCIAL_SOURCES", "CHANNEL"]

#: GA4 sources that are social platforms (aliases included) -> platform
SOCIAL_SOURCES = {"instagram": "instagram", "l.instagram.com": "instagram", "facebook": "facebook",
                  "m.facebook.com": "facebook", "x": "x", "t.co": "x", "linkedin": "linkedin",
                  "lnkd.in": "linkedin", "youtube": "youtube", "tiktok": "tiktok"}
CHANNEL = {"organic": "Organic Search", "(none)": "Direct", "email": "Email",
           "social": "Organic Social", "paid": "Paid Social", "referral": "Referral"}
_SEASON = {9: 1.0, 10: 1.05, 11: 1.3, 12: 1.45, 1: 0.9, 2: 0.9, 3: 1.0, 4: 1.0, 5: 1.1,
           6: 0.95, 7: 0.85, 8: 0.8}
#: (campaign, source, medium, monthly sessions, engagement rate, key-event rate, order value)
_BASE = [
    ("(organic)", "google", "organic", 3800, 0.63, 0.022, 46.0),
    ("(organic)", "bing", "organic", 240, 0.58, 0.020, 44.0),
    ("(organic)", "ecosia.org", "organic", 90, 0.66, 0.024, 45.0),
    ("(direct)", "(direct)", "(none)", 2100, 0.55, 0.030, 52.0),
    ("(referral)", "l.instagram.com", "referral", 0, 0.44, 0.012, 41.0),   # from story links
    ("(referral)", "m.facebook.com", "referral", 240, 0.41, 0.010, 40.0),
    ("(referral)", "lnkd.in", "referral", 55, 0.52, 0.006, 48.0),
    ("(referral)", "t.co", "referral", 65, 0.38, 0.008, 39.0),
    ("(referral)", "marieclaire.fr", "referral", 120, 0.61, 0.018, 47.0),
    ("bio-link", "instagram", "social", 380, 0.47, 0.014, 43.0),
]


def _month_rows(rng, month: pd.Period, posts: dict[str, pd.DataFrame], growth: float) -> list[dict]:
    rows = []
    s = _SEASON[month.month] * growth
    stories = posts["instagram_stories"]
    st_month = (stories["published_at"].dt.tz_convert("Europe/Paris").dt.tz_localize(None)
                .dt.to_period("M") == month)
    story_clicks = float(stories.loc[st_month, "link_clicks"].sum())
    for camp, src, med, sess, er, ke, aov in _BASE:
        mu = story_clicks * 0.8 if src == "l.instagram.com" else sess * s
        rows.append((camp, src, med, mu, er, ke, aov))
    rows.append((f"newsletter-{month.strftime('%Y-%m')}", "newsletter", "email", 900 * s, 0.71,
                 0.04, 50.0))
    for p in ("facebook", "x", "linkedin"):
        df = posts[p]
        m = (df["published_at"].dt.tz_convert("Europe/Paris").dt.tz_localize(None)
             .dt.to_period("M") == month)
        col = "clicks" if p == "linkedin" else "link_clicks"
        share = 0.35 if p == "linkedin" else 0.8
        for camp, g in df[m & df["campaign"].notna()].groupby("campaign", sort=True):
            mu = float(g[col].sum()) * share
            if camp in CAMPAIGNS and p == "facebook":
                continue  # the campaign's facebook / social row is added below
            rows.append((camp, p, "social", mu, 0.45, 0.012, 42.0))
    if month == pd.Period("2026-05", "M"):
        rows += [("fete-des-meres-2026", "facebook", "paid", 520, 0.48, 0.034, 47.0),
                 ("fete-des-meres-2026", "instagram", "paid", 610, 0.5, 0.036, 46.0)]
    if month == pd.Period("2026-10", "M"):
        rows += [("automne-2026", "instagram", "paid", 2600, 0.52, 0.050, 49.0),
                 ("automne-2026", "facebook", "paid", 1700, 0.49, 0.045, 48.0),
                 ("automne-2026", "instagram", "social", 700, 0.55, 0.050, 50.0),
                 ("automne-2026", "facebook", "social", 400, 0.5, 0.050, 49.0)]
    out = []
    for camp, src, med, mu, er, ke, aov in rows:
        sess = int(rng.poisson(max(mu, 0.0)))
        if sess == 0:
            continue
        eng = int(rng.binomial(sess, er))
        kev = int(rng.binomial(sess, ke))
        rev = round(float(np.sum(rng.gamma(6.0, aov / 6.0, kev))), 2)
        out.append({"campaign": camp, "source": src, "medium": med, "sessions": sess,
                    "engaged_sessions": eng, "key_events": kev, "revenue": rev})
    return out


def simulate_web(rng, posts: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The truth ``web`` table: one row per month × campaign × source / medium."""
    frames = []
    months = pd.period_range(START, END, freq="M")
    for i, month in enumerate(months):
        df = pd.DataFrame(_month_rows(rng, month, posts, 1.0 + 0.25 * i / (len(months) - 1)))
        df["period_start"] = month.start_time
        df["period_end"] = month.end_time.normalize()
        df["source_file"] = (f"ga4_traffic_acquisition_{month.start_time.date()}_"
                             f"{month.end_time.date()}.csv")
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    out["date"] = pd.NaT
    out["channel_group"] = out["medium"].map(CHANNEL)
    out["currency"] = "EUR"
    out["snapshot_at"] = snapshot_ts(EXPORT_DAY)
    return out


def simulate_costs() -> pd.DataFrame:
    """The brand's costs.csv (fixed, hand-written entries; labor partly as hours × rate)."""
    rows = []

    def add(start, end, cat, amount=None, platform=None, campaign=None, hours=None, rate=None,
            note=""):
        rows.append({"start": start, "end": end, "category": cat, "amount": amount,
                     "currency": "EUR", "platform": platform, "campaign": campaign, "hours": hours,
                     "hourly_rate": rate, "note": note})

    for m in pd.period_range(START, END, freq="M"):
        a, b = str(m.start_time.date()), str(m.end_time.date())
        add(a, b, "labor", hours=60.0, rate=38.0, note="Community management (freelance)")
        add(a, b, "tools", amount=12.99, note="Canva Pro, monthly")
        if m.month in (9, 12, 3, 6):
            add(a, b, "production", amount=650.0, note="Photo shoot, seasonal catalogue")
    add("2025-09-01", "2026-08-31", "tools", amount=468.0,
        note="Scheduling tool, yearly plan (prorate by day)")
    add("2026-09-01", "2027-08-31", "tools", amount=516.0,
        note="Scheduling tool, yearly plan renewal (prorate by day)")
    add("2026-05-18", "2026-05-31", "ad_spend", 350.0, "instagram", "fete-des-meres-2026",
        note="Meta ads")
    add("2026-05-18", "2026-05-31", "ad_spend", 250.0, "facebook", "fete-des-meres-2026",
        note="Boosted posts")
    add("2026-10-01", "2026-10-31", "ad_spend", 1200.0, "instagram", "automne-2026",
        note="Meta ads, Instagram placements")
    add("2026-10-01", "2026-10-31", "ad_spend", 800.0, "facebook", "automne-2026",
        note="Boosted posts")
    add("2026-09-20", "2026-09-30", "production", 700.0, None, "automne-2026",
        note="Autumn campaign shoot and reels edit")
    add("2026-10-05", "2026-10-05", "influencer", 500.0, "instagram", "automne-2026",
        note="Micro-influencer reel, @lea.soins.naturels")
    add("2026-10-13", "2026-10-19", "labor", hours=14.0, rate=38.0,
        note="Extra moderation, batch 2610 complaints")
    add("2026-10-16", "2026-10-16", "other", 180.0, note="Replacement shipping, batch 2610")
    out = pd.DataFrame(rows).sort_values(["start", "category", "note"], kind="stable")
    return out.reset_index(drop=True)


_COMPETITORS = {"Atelier Lumière": (24000, 1.1), "Les Jardins d’Hélène": (11500, 0.9),
                "Bloom & Co Paris": (41000, 1.3)}


def simulate_competitors(rng) -> pd.DataFrame:
    """Monthly public figures of three fictional competitors, 2026-08 to 2026-10."""
    rows = []
    for name, (base, vigour) in _COMPETITORS.items():
        for platform, scale, ppm, rate in (("instagram", 1.0, 26, 0.03),
                                           ("facebook", 0.45, 14, 0.008),
                                           ("tiktok", 0.7, 11, 0.05)):
            f = base * scale
            for k, period in enumerate(("2026-08", "2026-09", "2026-10")):
                f = f * (1 + 0.012 * vigour + rng.normal(0, 0.004))
                posts = int(rng.integers(round(ppm * 0.8), round(ppm * 1.2) + 1))
                inter = int(f * rate * posts * rng.lognormal(0, 0.1) * (1 + 0.05 * k))
                rows.append({"platform": platform, "competitor": name, "period": period,
                             "followers": int(round(f)), "posts": posts, "interactions": inter})
    return pd.DataFrame(rows)
