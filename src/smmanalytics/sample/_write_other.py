"""X, LinkedIn, YouTube Studio and TikTok files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._core import ACCOUNTS, EXPORT_DAY, TZ, epoch_ms
from ._io import csv_text, write_bytes, xls_bytes, xlsx_bytes, zip_bytes
from ._posts import PLANS, export_file, youtube_subscribers_zip_name

__all__ = ["write_other", "X_CONTENT_HEADER", "X_OVERVIEW_HEADER", "YT_TABLE_HEADER",
           "LI_METRICS_HEADER", "LI_POSTS_HEADER", "linkedin_file_names", "youtube_zip_name",
           "youtube_subscribers_zip_name", "tiktok_overview_zip_name"]

_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

X_CONTENT_HEADER = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes",
                    "Engagements", "Bookmarks", "Shares", "New follows", "Replies", "Reposts",
                    "Profile visits", "Detail Expands", "URL Clicks", "Hashtag Clicks",
                    "Permalink Clicks"]
_X_CONTENT_COLS = ["impressions", "reactions", "platform_engagements", "saves", "shares_dm",
                   "follows", "comments", "shares", "profile_visits", "detail_expands",
                   "link_clicks", "hashtag_clicks", "permalink_clicks"]
X_OVERVIEW_HEADER = ["Date", "Impressions", "Engagements", "Likes", "Replies", "Reposts",
                     "New follows", "Unfollows", "Bookmarks", "Shares", "Profile visits",
                     "Create Post", "Video views", "Media views"]
_X_OVERVIEW_COLS = ["impressions", "platform_engagements", "reactions", "comments", "shares",
                    "follows", "unfollows", "saves", "shares_dm", "profile_visits",
                    "posts_published", "video_views", "media_views"]
YT_TABLE_HEADER = ["Content", "Video title", "Video publish time", "Duration", "Likes", "Dislikes",
                   "Shares", "Comments added", "New viewers", "Returning viewers", "Views",
                   "Watch time (hours)", "Average view duration", "Subscribers",
                   "Thumbnail impressions", "Thumbnail click-through rate (%)"]
LI_METRICS_HEADER = ["Date"] + [f"{m} ({k})" for m in ("Impressions",)
                                for k in ("organic", "sponsored", "total")] \
    + ["Unique impressions (organic)"] \
    + [f"{m} ({k})" for m in ("Clicks", "Reactions", "Comments", "Reposts", "Engagement rate")
       for k in ("organic", "sponsored", "total")]
LI_POSTS_HEADER = ["Post title", "Post link", "Post type", "Campaign name", "Posted by",
                   "Created date", "Campaign start date", "Campaign end date", "Audience",
                   "Impressions", "Views", "Offsite Views", "Clicks", "Click through rate (CTR)",
                   "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type"]


def _x_date(d: pd.Timestamp) -> str:
    return f"{_DAYS[d.day_of_week]}, {_MON[d.month - 1]} {d.day:02d}, {d.year}"


def _yeardless(d: pd.Timestamp) -> str:
    return f"{_MONTH[d.month - 1]} {d.day}"


def linkedin_file_names() -> dict[str, list[str]]:
    """LinkedIn download names: ``<slug>_<section>_<epoch ms of the export>.xls``."""
    h = ACCOUNTS["linkedin"]["handle"]
    return {"content": [export_file("linkedin", i) for i in range(len(PLANS["linkedin"]))],
            "followers": [f"{h}_followers_{epoch_ms(EXPORT_DAY)}.xls"]}


def youtube_zip_name() -> str:
    return export_file("youtube", 0)


def tiktok_overview_zip_name() -> str:
    return f"Overview_2025-11-01_{epoch_ms(EXPORT_DAY) // 1000}_{ACCOUNTS['tiktok']['handle']}.zip"


def _i(v) -> object:
    return "" if pd.isna(v) else int(v)


def _x_files(brand, out: Path) -> list[Path]:
    paths = []
    posts = brand.posts[brand.posts["platform"] == "x"][["post_id", "caption", "permalink",
                                                         "published_at"]]
    snaps = brand.snapshots[brand.snapshots["platform"] == "x"].merge(posts, on="post_id")
    for i, _ex in enumerate(PLANS["x"]):
        part = snaps[snaps["export"] == i].sort_values(["published_at", "post_id"], ascending=False)
        utc_day = part["published_at"].dt.tz_convert("UTC").dt.tz_localize(None)
        rows = zip(part["post_id"], [_x_date(d) for d in utc_day], part["caption"],
                   part["permalink"], *[part[c].map(_i) for c in _X_CONTENT_COLS], strict=True)
        name = export_file("x", i)
        paths.append(write_bytes(out / name, csv_text(X_CONTENT_HEADER, rows).encode("utf-8")))
    d = brand.daily[(brand.daily["platform"] == "x") & brand.daily["hour"].isna()]
    wide = d.pivot_table(index="date", columns="metric", values="value", aggfunc="first")
    wide = wide.sort_index(ascending=False)
    rows = ([_x_date(t)] + [_i(wide.at[t, c]) for c in _X_OVERVIEW_COLS] for t in wide.index)
    paths.append(write_bytes(out / "account_overview_analytics.csv",
                             csv_text(X_OVERVIEW_HEADER, rows).encode("utf-8")))
    return paths


def _rate(num, den) -> float:
    return round(float(num) / float(den), 6) if den else 0.0


def _li_files(brand, out: Path) -> list[Path]:
    paths = []
    names = linkedin_file_names()
    posts = brand.posts[brand.posts["platform"] == "linkedin"]
    snaps = brand.snapshots[brand.snapshots["platform"] == "linkedin"].merge(
        posts[["post_id", "caption", "permalink", "published_at", "content_type",
               "content_type_raw"]],
        on="post_id")
    d = brand.daily[(brand.daily["platform"] == "linkedin") & brand.daily["hour"].isna()]
    wide = d.pivot_table(index="date", columns="metric", values="value", aggfunc="first")
    for i, ex in enumerate(PLANS["linkedin"]):
        span = f"{ex.start:%m/%d/%Y} - {ex.end:%m/%d/%Y}"
        w = wide.loc[ex.start:ex.end]
        mrows = [["Aggregated engagement metrics for Maison Sève, " + span], LI_METRICS_HEADER]
        for t, r in w.iterrows():
            eng = r["clicks"] + r["reactions"] + r["comments"] + r["shares"]
            row = [f"{t:%m/%d/%Y}", int(r["impressions"]), 0, int(r["impressions"]),
                   int(r["unique_impressions"])]
            for m in ("clicks", "reactions", "comments", "shares"):
                row += [int(r[m]), 0, int(r[m])]
            row += [_rate(eng, r["impressions"]), 0.0, _rate(eng, r["impressions"])]
            mrows.append(row)
        part = snaps[snaps["export"] == i].sort_values(["published_at", "post_id"], ascending=False)
        prows = [["All posts published by Maison Sève, " + span], LI_POSTS_HEADER]
        for _, r in part.iterrows():
            day = r["published_at"].tz_convert(TZ)
            eng = r["clicks"] + r["reactions"] + r["comments"] + r["shares"] + r["follows"]
            prows.append([r["caption"], r["permalink"], "Organic", "", "Camille Roux",
                          f"{day:%m/%d/%Y}", "", "", "All followers", int(r["impressions"]),
                          int(r["video_views"]) if r["content_type"] == "video" else "", "",
                          int(r["clicks"]), _rate(r["clicks"], r["impressions"]),
                          int(r["reactions"]), int(r["comments"]), int(r["shares"]),
                          int(r["follows"]), _rate(eng, r["impressions"]),
                          r["content_type_raw"] if isinstance(r["content_type_raw"], str) else ""])
        data = xls_bytes([("Metrics", mrows), ("All posts", prows)])
        paths.append(write_bytes(out / names["content"][i], data))
    fol = brand.daily[(brand.daily["platform"] == "linkedin")
                      & (brand.daily["metric"] == "follows")]
    fol = fol.sort_values("date")
    auto = np.minimum(fol["value"].to_numpy(dtype=int), (np.arange(len(fol)) % 9 == 0).astype(int))
    rows = [["Date", "Sponsored followers", "Organic followers", "Auto-invited followers",
             "Total followers"]]
    rows += [[f"{t:%m/%d/%Y}", 0, int(v) - int(a), int(a), int(v)]
             for t, v, a in zip(fol["date"], fol["value"], auto, strict=True)]
    sheets = [("New followers", rows)]
    aud = brand.audience[brand.audience["platform"] == "linkedin"]
    for dim, title in (("location", "Location"), ("job_function", "Job function"),
                       ("seniority", "Seniority"), ("industry", "Industry"),
                       ("company_size", "Company size")):
        a = aud[aud["dimension"] == dim]
        sheets.append((title, [[title, "Total followers"]]
                       + [[c, int(v)] for c, v in zip(a["category"], a["value"], strict=True)]))
    paths.append(write_bytes(out / names["followers"][0], xls_bytes(sheets)))
    return paths


def _hms(s: float) -> str:
    s = int(round(s))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _yt_day(ts: pd.Timestamp) -> str:
    d = ts.tz_convert("America/Los_Angeles")
    return f"{_MON[d.month - 1]} {d.day}, {d.year}"


def _youtube(brand, out: Path) -> list[Path]:
    v = brand.posts[brand.posts["platform"] == "youtube"].sort_values(["views", "post_id"],
                                                                      ascending=False)
    tot_views = v["views"].sum()
    total = ["Total", "", "", "", int(v["reactions"].sum()), int(v["dislikes"].sum()),
             int(v["shares"].sum()), int(v["comments"].sum()), int(v["new_viewers"].sum()),
             int(v["returning_viewers"].sum()), int(tot_views),
             f"{v['watch_time_s'].sum() / 3600:.4f}", _hms(v["watch_time_s"].sum() / tot_views),
             int(v["follows"].sum()), int(v["impressions"].sum()),
             f"{100 * tot_views * 0.8 / v['impressions'].sum():.2f}"]
    rows = [total]
    for _, r in v.iterrows():
        rows.append([r["post_id"], r["caption"], _yt_day(r["published_at"]), int(r["duration_s"]),
                     int(r["reactions"]), int(r["dislikes"]), int(r["shares"]), int(r["comments"]),
                     int(r["new_viewers"]), int(r["returning_viewers"]), int(r["views"]),
                     f"{r['watch_time_s'] / 3600:.4f}", _hms(r["avg_watch_time_s"]),
                     int(r["follows"]), int(r["impressions"]), f"{100 * r['thumbnail_ctr']:.2f}"])
    table = csv_text(YT_TABLE_HEADER, rows).encode()
    top = v.head(5).set_index("post_id")
    yd = brand.yt_daily[brand.yt_daily["post_id"].isin(top.index)].sort_values(["date", "post_id"])
    d = brand.daily[(brand.daily["platform"] == "youtube")].sort_values("date")
    return [write_bytes(out / youtube_zip_name(),
                        _studio_zip(table, top, yd, d, ("views", "views", "Views"))),
            write_bytes(out / youtube_subscribers_zip_name(),
                        _studio_zip(table, top, yd, d, ("subscribers", "net_follows",
                                                        "Subscribers")))]


def _studio_zip(table: bytes, top: pd.DataFrame, yd: pd.DataFrame, daily: pd.DataFrame,
                metric: tuple[str, str, str]) -> bytes:
    """A Content-tab export whose chart shows ``metric`` (its column in ``yd``, its metric in
    the daily table, Studio's header): the same table whatever the chart's metric, the top
    videos' figures per day and the channel's (``Subscribers`` is the net change a day)."""
    per_video, channel, header = metric
    chart = csv_text(["Date", "Content", "Video title", "Video publish time", "Duration", header],
                     ([f"{t:%Y-%m-%d}", p, top.at[p, "caption"], _yt_day(top.at[p, "published_at"]),
                       int(top.at[p, "duration_s"]), int(n)]
                      for t, p, n in zip(yd["date"], yd["post_id"], yd[per_video], strict=True)))
    d = daily[daily["metric"] == channel]
    totals = csv_text(["Date", header], ([f"{t:%Y-%m-%d}", int(n)]
                                         for t, n in zip(d["date"], d["value"], strict=True)))
    return zip_bytes([("Chart data.csv", chart.encode()), ("Table data.csv", table),
                      ("Totals.csv", totals.encode())])


def _tt_csv(header, rows) -> bytes:
    return csv_text(header, rows, quoting="all", trailing_newline=False).encode("utf-8-sig")


def _tiktok(brand, out: Path) -> list[Path]:
    h = ACCOUNTS["tiktok"]["handle"]
    asof = _yeardless(EXPORT_DAY - pd.Timedelta(days=1))
    t = brand.posts[brand.posts["platform"] == "tiktok"].sort_values(["published_at", "post_id"],
                                                                     ascending=False)
    day = t["published_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    content = _tt_csv(["Time", "Video title", "Video link", "Post time", "Total likes",
                       "Total comments", "Total shares", "Total views"],
                      ([asof, c, link, _yeardless(d), int(a), int(b), int(s), int(vw)]
                       for c, link, d, a, b, s, vw in
                       zip(t["caption"], t["permalink"], day, t["reactions"], t["comments"],
                           t["shares"], t["views"], strict=True)))
    d = brand.daily[brand.daily["platform"] == "tiktok"]
    dd = d[d["hour"].isna()].pivot_table(index="date", columns="metric", values="value",
                                         aggfunc="first").sort_index()
    hist = [[_yeardless(x), int(r["followers_total"]), 0 if k == 0 else int(r["net_follows"])]
            for k, (x, r) in enumerate(dd.iterrows())]
    act = d[d["hour"].notna()].sort_values(["date", "hour"])
    aud = brand.audience[brand.audience["platform"] == "tiktok"]
    g, c = aud[aud["dimension"] == "gender"], aud[aud["dimension"] == "country"]
    followers = [
        ("FollowerActivity.csv", _tt_csv(["Date", "Hour", "Active followers"],
                                          ([_yeardless(x), int(hh), int(v)] for x, hh, v in
                                           zip(act["date"], act["hour"], act["value"],
                                               strict=True)))),
        ("FollowerGender.csv", _tt_csv(["Gender", "Distribution"],
                                       zip(g["category"], g["share"], strict=True))),
        ("FollowerHistory.csv", _tt_csv(["Date", "Followers",
                                         "Difference in followers from previous day"], hist)),
        ("FollowerTopTerritories.csv", _tt_csv(["Top territories", "Distribution"],
                                               zip(c["category"], c["share"], strict=True))),
    ]
    overview = _tt_csv(["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
                       ([_yeardless(x), int(r["views"]), int(r["profile_visits"]),
                         int(r["reactions"]), int(r["comments"]), int(r["shares"])]
                        for x, r in dd.iterrows()))
    vrows = [["Date", "Total Viewers", "New Viewers", "Returning Viewers"]]
    vrows += [[_yeardless(x), "undefined" if pd.isna(r["viewers"]) else str(int(r["viewers"])),
               str(int(r["new_viewers"])), str(int(r["returning_viewers"]))]
              for x, r in dd.iterrows()]
    return [
        write_bytes(out / export_file("tiktok", 0),
                    zip_bytes([("Content.csv", content)], compress=False)),
        write_bytes(out / f"Followers_{h}.zip", zip_bytes(followers)),
        write_bytes(out / tiktok_overview_zip_name(), zip_bytes([("Overview.csv", overview)])),
        write_bytes(out / f"Viewers_{h}.zip",
                    zip_bytes([("Viewers.xlsx", xlsx_bytes([("Viewers", vrows)]))])),
    ]


def write_other(brand, out: Path) -> list[Path]:
    """Write the X, LinkedIn, YouTube and TikTok files; return the paths."""
    return _x_files(brand, out) + _li_files(brand, out) + _youtube(brand, out) + _tiktok(brand, out)
