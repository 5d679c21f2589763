"""Post-level simulation per platform: times, formats, lifetime counts, per-export snapshots.

Here the Meta platforms' (:func:`simulate_instagram`, :func:`simulate_stories`,
:func:`simulate_facebook`) and the helpers every platform's simulation uses
(:func:`followers_at`, :func:`campaign_of`, :func:`export_snapshots`); the other platforms and
the assembly of all posts are :mod:`._posts2`'s.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _ids
from ._core import (
    ACCOUNTS,
    CAMPAIGNS,
    END,
    START,
    TZ,
    Export,
    epoch_ms,
    in_incident,
    maturity,
    nb,
    schedule,
    snapshot_ts,
)
from ._text import caption, utm_url

__all__ = ["IG_EFFECTS", "PLANS", "FB_NEGATIVE_MONTHS", "export_file",
           "youtube_subscribers_zip_name"]

#: planted Instagram effects (multipliers on expected interactions)
IG_EFFECTS = {
    "base_rate": 0.021,           # interactions per follower for an image at a neutral hour
    "format": {"image": 1.0, "carousel": 1.15, "reel": 2.2},
    "evening": 1.7,               # posts published 18:00-20:59 Paris time
    "evening_hours": (18, 19, 20),
    "morning_hours": (8, 9, 10),
    "midday_hours": (12, 13, 14, 15, 16, 17),
    "trend_end": 0.9,             # organic rate decays linearly to 90 % by the end
    "nb_alpha": 0.12,
    "reel_slot_p": (0.75, 0.20, 0.05),      # morning, midday, evening
    "other_slot_p": (0.06, 0.44, 0.50),
    "format_p": (0.35, 0.25, 0.40),         # image, carousel, reel
}


def _d(s: str) -> pd.Timestamp:
    return pd.Timestamp(s)


#: export plans per platform and file kind (Paris days, inclusive; exported = snapshot day)
PLANS: dict[str, list[Export]] = {
    "instagram": [
        Export(_d("2025-09-01"), _d("2025-11-30"), _d("2025-12-08")),
        Export(_d("2025-12-01"), _d("2026-02-28"), _d("2026-03-08")),
        Export(_d("2026-03-01"), _d("2026-05-31"), _d("2026-06-08")),
        Export(_d("2026-06-01"), _d("2026-08-31"), _d("2026-09-08")),
        Export(_d("2026-08-15"), _d("2026-10-31"), _d("2026-11-01")),
        Export(_d("2026-10-01"), _d("2026-10-31"), _d("2026-11-15")),
    ],
    "instagram_stories": [
        Export(_d("2025-09-01"), _d("2026-04-30"), _d("2026-05-02")),
        Export(_d("2026-05-01"), _d("2026-10-31"), _d("2026-11-01")),
    ],
    "facebook": [
        *[Export(p.start_time, p.end_time.normalize(),
                 p.end_time.normalize() + pd.Timedelta(days=2))
          for p in pd.period_range("2025-09", "2026-10", freq="M")],
        Export(_d("2026-10-01"), _d("2026-10-31"), _d("2026-11-15")),
    ],
    "x": [
        Export(_d("2025-09-01"), _d("2026-02-28"), _d("2026-03-01")),
        Export(_d("2026-03-01"), _d("2026-10-31"), _d("2026-11-01")),
    ],
    "linkedin": [
        Export(_d("2025-09-01"), _d("2026-04-30"), _d("2026-05-01")),
        Export(_d("2026-05-01"), _d("2026-10-31"), _d("2026-11-01")),
    ],
    "youtube": [Export(START, END, _d("2026-11-01"))],
    "tiktok": [Export(_d("2025-11-01"), END, _d("2026-11-01"))],
}
#: months whose Facebook export carries the negative-feedback columns
FB_NEGATIVE_MONTHS = ("2025-11", "2026-02", "2026-06", "2026-09", "2026-10")


def export_file(kind: str, i: int) -> str:
    """File name of export ``i`` of ``kind`` (a key of :data:`PLANS`)."""
    ex = PLANS[kind][i]
    span = f"{ex.start.date()}_{ex.end.date()}"
    if kind in ("instagram", "facebook"):
        return f"{kind}_posts_{span}_{ex.exported.date()}.csv"
    if kind == "instagram_stories":
        return f"instagram_stories_{span}_{ex.exported.date()}.csv"
    if kind == "x":
        return f"account_analytics_content_{span}.csv"
    if kind == "linkedin":
        return f"{ACCOUNTS['linkedin']['handle']}_content_{epoch_ms(ex.exported)}.xls"
    if kind == "youtube":
        return f"Content {span} {ACCOUNTS['youtube']['name']}.zip"
    if kind == "tiktok":
        return f"Content_{ACCOUNTS['tiktok']['handle']}.zip"
    raise KeyError(kind)


def youtube_subscribers_zip_name() -> str:
    """Studio names an export by its tab, range and channel whatever the chart's metric: the
    export of Subscribers is a second ``Content … Maison Sève.zip``, which the browser saves
    as ``… (1).zip`` beside the first (the loaders read the channel without that mark)."""
    return export_file("youtube", 0).removesuffix(".zip") + " (1).zip"


def followers_at(times: pd.Series, fol: pd.DataFrame) -> np.ndarray:
    d = times.dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
    s = fol.set_index("date")["followers_total"].shift(1).bfill()
    return s.reindex(d).to_numpy(dtype=float)


def _trend(times: pd.Series, end: float) -> np.ndarray:
    t = (times.dt.tz_convert(TZ).dt.tz_localize(None) - START) / (END - START)
    return 1.0 + (end - 1.0) * t.to_numpy(dtype=float)


def campaign_of(local_day: pd.Series) -> np.ndarray:
    out = np.full(len(local_day), None, dtype=object)
    for name, (a, b) in CAMPAIGNS.items():
        out[((local_day >= a) & (local_day <= b)).to_numpy()] = name
    return out


def export_snapshots(rng, platform: str, frame: pd.DataFrame, counts: dict[str, np.ndarray],
               plan: list[Export], *, mature: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Counts as of each export that lists the post; the truth keeps the latest snapshot."""
    local = frame["published_at"].dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
    order = sorted(range(len(plan)), key=lambda i: plan[i].exported, reverse=True)
    cur = {k: np.asarray(v, dtype=np.int64).copy() for k, v in counts.items()}
    cur_share = np.ones(len(frame))
    latest = {k: np.full(len(frame), -1, dtype=np.int64) for k in counts}
    latest_at = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns, UTC]")
    latest_file = np.full(len(frame), None, dtype=object)
    rows = []
    for i in order:
        ex = plan[i]
        mask = ((local >= ex.start) & (local <= ex.end)).to_numpy()
        if not mask.any():
            continue
        snap = snapshot_ts(ex.exported)
        age = ((snap - frame["published_at"]) / pd.Timedelta(days=1)).to_numpy(dtype=float)
        share = maturity(age) if mature else np.ones(len(frame))
        p = np.minimum(share / np.where(cur_share > 0, cur_share, 1.0), 1.0)
        vals = {}
        for k in counts:
            thinned = rng.binomial(cur[k][mask], p[mask])
            cur[k][mask] = thinned
            vals[k] = thinned
        cur_share = np.where(mask, share, cur_share)
        first = mask & (latest_at.isna().to_numpy())
        for k in counts:
            latest[k][first] = cur[k][first]
        latest_at[first] = snap
        latest_file[first] = export_file(platform, i)
        part = pd.DataFrame({"platform": frame["platform"].iloc[0], "kind": platform,
                             "post_id": frame["post_id"].to_numpy()[mask], "export": i,
                             "file": export_file(platform, i), "exported": ex.exported,
                             "snapshot_at": snap, **vals})
        rows.append(part)
    snaps = pd.concat(rows, ignore_index=True).sort_values(["export", "post_id"], kind="stable")
    out = frame.assign(snapshot_at=latest_at, source_file=latest_file,
                       **{k: v.astype(float) for k, v in latest.items()})
    for k in counts:  # posts absent from every export keep NaN
        out[k] = out[k].where(out[k] >= 0)
    return out, snaps.reset_index(drop=True)


def simulate_instagram(rng, fol: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    e = IG_EFFECTS
    slots = {"morning": e["morning_hours"], "midday": e["midday_hours"],
             "evening": e["evening_hours"]}
    base = schedule(rng, 30, np.arange(24))  # day choice; the hour is replaced below
    n = len(base)
    fmt = rng.choice(["image", "carousel", "reel"], size=n, p=e["format_p"])
    slot = np.where(fmt == "reel", rng.choice(list(slots), size=n, p=e["reel_slot_p"]),
                    rng.choice(list(slots), size=n, p=e["other_slot_p"]))
    hour = np.array([rng.choice(slots[s]) for s in slot])
    local = (base.dt.tz_localize(None).dt.normalize() + pd.to_timedelta(hour, "h")
             + pd.to_timedelta(rng.integers(0, 60, n), "m")
             + pd.to_timedelta(rng.integers(0, 60, n), "s"))
    times = local.dt.tz_localize(TZ).dt.tz_convert("UTC").sort_values().reset_index(drop=True)
    order = np.argsort(local.dt.tz_localize(TZ).dt.tz_convert("UTC").to_numpy(), kind="stable")
    fmt, slot, hour = fmt[order], slot[order], hour[order]
    loc = times.dt.tz_convert(TZ)
    followers = followers_at(times, fol)
    dow = np.where(loc.dt.day_of_week.to_numpy() == 6, 1.08, 1.0)
    mu = (followers * e["base_rate"] * np.vectorize(e["format"].get)(fmt)
          * np.where(slot == "evening", e["evening"], 1.0) * _trend(times, e["trend_end"]) * dow)
    total = nb(rng, mu, e["nb_alpha"])
    probs = {"image": [0.82, 0.05, 0.04, 0.09], "carousel": [0.74, 0.05, 0.06, 0.15],
             "reel": [0.76, 0.04, 0.10, 0.10]}
    parts = np.stack([rng.multinomial(t, probs[f]) for t, f in zip(total, fmt, strict=True)])
    reach_rate = np.vectorize({"image": 0.28, "carousel": 0.33, "reel": 0.60}.get)(fmt)
    reach = np.round(followers * reach_rate * rng.lognormal(0, 0.25, n) * _trend(times, 0.9))
    reach = np.maximum(reach, total + 5).astype(np.int64)
    views = np.round(reach * np.vectorize({"image": 1.3, "carousel": 2.2, "reel": 1.9}.get)(fmt)
                     * rng.lognormal(0, 0.1, n)).astype(np.int64)
    inc = in_incident(loc.dt.tz_localize(None))
    comments = parts[:, 1] + np.where(inc, rng.poisson(reach * 0.03), 0)
    follows = np.where(inc, 0, rng.poisson(reach * 0.0015))
    pks, codes = _ids.ig_shortcode(times, rng.integers(0, 2**23, n))
    day = loc.dt.tz_localize(None).dt.normalize()
    camp = campaign_of(day)
    caps = []
    for i in range(n):
        link = (utm_url("automne", "instagram", "automne-2026")
                if camp[i] == "automne-2026" and rng.random() < 0.5 else None)
        caps.append(caption(rng, link=link, incident=bool(inc[i]) and rng.random() < 0.5))
    frame = pd.DataFrame({
        "platform": "instagram", "account_id": ACCOUNTS["instagram"]["id"],
        "account_name": ACCOUNTS["instagram"]["name"], "post_id": [f"1{p[-17:]}" for p in pks],
        "permalink": [f"https://www.instagram.com/{'reel' if f == 'reel' else 'p'}/{c}/"
                      for f, c in zip(fmt, codes, strict=True)],
        "caption": caps, "published_at": times, "time_precision": "second",
        "time_source": "decoded_id", "content_type": fmt,
        "content_type_raw": np.char.add("IG ", fmt.astype(str)), "paid": False,
        "campaign": [c if (c and "utm_campaign=" + c in t) else None
                     for c, t in zip(camp, caps, strict=True)],
        "duration_s": np.where(fmt == "reel", rng.integers(12, 60, n), 0).astype(float),
        "slot": slot, "hour_paris": loc.dt.hour.to_numpy(), "followers_at_post": followers,
        "expected_interactions": mu,
    })
    counts = {"views": views, "reach": reach, "reactions": parts[:, 0], "shares": parts[:, 2],
              "follows": follows, "comments": comments, "saves": parts[:, 3]}
    return export_snapshots(rng, "instagram", frame, counts, PLANS["instagram"])


def simulate_stories(rng, fol: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    times = schedule(rng, 13, np.arange(9, 22)).dt.tz_convert("UTC")
    times = times + pd.to_timedelta(rng.integers(0, 60, len(times)), "s")
    n = len(times)
    loc = times.dt.tz_convert(TZ).dt.tz_localize(None)
    followers = followers_at(times, fol)
    views = np.round(followers * 0.075 * rng.lognormal(0, 0.2, n)).astype(np.int64)
    reach = np.round(views * rng.uniform(0.82, 0.95, n)).astype(np.int64)
    camp = campaign_of(loc.dt.normalize())
    linked = (camp != None) | (rng.random(n) < 0.3)  # noqa: E711  (object array)
    pks, _ = _ids.ig_shortcode(times, rng.integers(0, 2**23, n))
    frame = pd.DataFrame({
        "platform": "instagram", "account_id": ACCOUNTS["instagram"]["id"],
        "account_name": ACCOUNTS["instagram"]["name"], "post_id": [f"1{p[-17:]}" for p in pks],
        "permalink": [f"https://www.instagram.com/stories/maisonseve/{p}/" for p in pks],
        "caption": [caption(rng, multiline=False, hashtags=False) if rng.random() < 0.4 else None
                    for _ in range(n)],
        "published_at": times, "time_precision": "second", "time_source": "decoded_id",
        "content_type": "story", "content_type_raw": "IG story", "paid": False,
        "campaign": [c if ok else None for c, ok in zip(camp, linked, strict=True)],
        "duration_s": rng.choice([5.0, 15.0], n),
    })
    counts = {"views": views, "reach": reach, "reactions": rng.poisson(reach * 0.012),
              "shares": rng.poisson(reach * 0.002), "profile_visits": rng.poisson(reach * 0.01),
              "comments": rng.poisson(reach * 0.004),
              "link_clicks": np.where(linked, rng.poisson(reach * 0.018), 0),
              "navigation": rng.poisson(views * 0.6), "follows": rng.poisson(reach * 0.0008),
              "sticker_taps": np.where(rng.random(n) < 0.3, rng.poisson(reach * 0.02), 0)}
    return export_snapshots(rng, "instagram_stories", frame, counts, PLANS["instagram_stories"],
                      mature=False)


def simulate_facebook(rng, fol: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    times = schedule(rng, 15, np.arange(9, 21)).dt.tz_convert("UTC")
    n = len(times)
    loc = times.dt.tz_convert(TZ).dt.tz_localize(None)
    fmt = rng.choice(["photo", "link", "video", "reel"], size=n, p=[0.45, 0.25, 0.10, 0.20])
    followers = followers_at(times, fol)
    camp = campaign_of(loc.dt.normalize())
    boosted = np.zeros(n, dtype=bool)
    for name, k in (("automne-2026", 4), ("fete-des-meres-2026", 2)):
        idx = np.flatnonzero(camp == name)
        boosted[rng.choice(idx, size=min(k, len(idx)), replace=False)] = True
    reach_org = np.round(followers * np.vectorize({"photo": 0.18, "link": 0.12, "video": 0.25,
                                                   "reel": 0.45}.get)(fmt)
                         * rng.lognormal(0, 0.3, n))
    reach_paid = np.where(boosted, np.round(rng.uniform(9000, 16000, n)), 0)
    views_org = np.round(reach_org * rng.uniform(1.15, 1.4, n))
    views_paid = np.round(reach_paid * rng.uniform(1.3, 1.6, n))
    reach, views = reach_org + reach_paid, views_org + views_paid
    fmult = np.vectorize({"photo": 1.0, "link": 0.6, "video": 1.2, "reel": 1.8}.get)(fmt)
    reactions = nb(rng, followers * 0.0065 * fmult + reach_paid * 0.004, 0.2)
    inc = in_incident(loc)
    comments = nb(rng, reactions * 0.08 + 0.5, 0.3) + np.where(inc, rng.poisson(reach * 0.04), 0)
    shares = nb(rng, reactions * 0.07 + 0.3, 0.3)
    link_clicks = np.where(fmt == "link", rng.poisson(reach * 0.012), 0)
    other_clicks = rng.poisson(reach * 0.02)
    photo_clicks = np.where(fmt == "photo", rng.poisson(reach * 0.015), 0)
    video = np.isin(fmt, ["video", "reel"])
    duration = np.where(fmt == "video", rng.integers(45, 300, n),
                        np.where(fmt == "reel", rng.integers(10, 90, n), 0))
    v3 = np.where(video, rng.poisson(views * 0.35), 0)
    v60 = np.where(duration >= 60, rng.poisson(views * 0.06), 0)
    hide_all = rng.poisson(reach * 0.0002 + np.where(inc, 14, 0))
    hide = rng.poisson(reach * 0.0006 + np.where(inc, 28, 0))
    ids = rng.integers(10**15, 10**16, n)
    caps, camps = [], []
    for i in range(n):
        c = camp[i] if camp[i] else ("conseils-" + loc.iloc[i].strftime("%Y-%m"))
        link = utm_url("boutique", "facebook", c) if fmt[i] == "link" or boosted[i] else None
        caps.append(caption(rng, link=link, incident=bool(inc[i]) and rng.random() < 0.6))
        camps.append(c if link else None)
    pid = [str(i) for i in ids]
    vids = rng.integers(10**15, 10**16, n)  # video/reel ids differ from post ids
    pf = ["pfbid0" + "".join(rng.choice(list("ABCDEFGHJKLMNPQRSTUVWXYZ"
                                             "abcdefghijkmnopqrstuvwxyz123456789"), 40))
          for _ in range(n)]
    perma = [f"https://www.facebook.com/reel/{i}/" if f == "reel" else
             f"https://www.facebook.com/maisonseve/videos/{i}/" if f == "video" else
             f"https://www.facebook.com/maisonseve/posts/{p}"
             for f, i, p in zip(fmt, vids, pf, strict=True)]
    frame = pd.DataFrame({
        "platform": "facebook", "account_id": ACCOUNTS["facebook"]["id"],
        "account_name": ACCOUNTS["facebook"]["name"], "post_id": pid, "permalink": perma,
        "caption": caps, "published_at": times, "time_precision": "minute", "time_source": "export",
        "content_type": np.vectorize({"photo": "image", "link": "link", "video": "video",
                                      "reel": "reel"}.get)(fmt),
        "content_type_raw": np.vectorize({"photo": "Photos", "link": "Liens", "video": "Vidéos",
                                          "reel": "Vidéos"}.get)(fmt),
        "paid": boosted, "campaign": camps,
        "duration_s": duration.astype(float),
        "title_is_caption": rng.random(n) < 0.5,
    })
    counts = {"views_organic": views_org, "views_paid": views_paid,
              "reach_organic": reach_org, "reach_paid": reach_paid,
              "reactions": reactions, "comments": comments, "shares": shares,
              "link_clicks": link_clicks, "clicks_other": other_clicks,
              "clicks_photo": photo_clicks,
              "video_views_3s": v3, "video_views_1min": v60,
              "negative_feedback_hide_all": hide_all, "negative_feedback_hide": hide}
    counts = {k: np.asarray(v, dtype=np.int64) for k, v in counts.items()}
    del reach, views
    truth, snaps = export_snapshots(rng, "facebook", frame, counts, PLANS["facebook"])
    return _fb_derived(truth), _fb_derived(snaps)


def _fb_derived(df: pd.DataFrame) -> pd.DataFrame:
    """Totals that Meta writes next to their parts: views, reach, clicks, engagements."""
    return df.assign(
        views=df["views_organic"] + df["views_paid"],
        reach=df["reach_organic"] + df["reach_paid"],
        clicks=df["link_clicks"] + df["clicks_other"] + df["clicks_photo"],
        platform_engagements=df["reactions"] + df["comments"] + df["shares"],
        negative_feedback=df["negative_feedback_hide_all"] + df["negative_feedback_hide"],
    )
