"""Meta Business Suite files: Instagram posts and stories (English UI), Facebook posts (French
UI), and the daily per-metric files (UTF-16)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._core import ACCOUNTS, END, PT, START
from ._io import csv_text, write_bytes
from ._posts import FB_NEGATIVE_MONTHS, PLANS, export_file

__all__ = ["write_meta", "FB_HEADERS", "FB_NEGATIVE_HEADERS", "IG_HEADER", "IG_STORY_HEADER"]

IG_HEADER = ["Post ID", "Account ID", "Account username", "Account name", "Description",
             "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
             "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]
IG_STORY_HEADER = ["Post ID", "Account ID", "Account username", "Account name", "Description",
                   "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment",
                   "Date", "Views", "Reach", "Likes", "Shares", "Profile visits", "Replies",
                   "Link clicks", "Navigation", "Follows", "Sticker taps"]
NBSP = "\u00a0"
#: French Facebook header -> truth column ("" = written from post attributes)
FB_HEADERS = {
    "Identifiant de la publication": "post_id", "ID de la Page": "account_id",
    "Nom de la page": "account_name", "Titre": "", "Description": "", "Durée (s)": "duration_s",
    "Heure de publication": "", "Permalien": "permalink", "Est un crosspostage": "",
    "Est un partage": "", "Type de publication": "content_type_raw",
    "Commentaire des données": "", "Date": "", "Vues": "views", "Couverture": "reach",
    "Réactions, commentaires et partages": "platform_engagements", "Réactions": "reactions",
    "Commentaires": "comments", "Partages": "shares", "Total des clics": "clicks",
    "Clics sur un lien": "link_clicks",
    "Vues de Publications organiques": "views_organic",
    "Vues de Publications boostées": "views_paid",
    "Couverture de Publications organiques": "reach_organic",
    "Couverture de Publications boostées": "reach_paid",
    f"Spectateurs de 3{NBSP}secondes": "video_views_3s",
    "Vues de vidéo d’une minute": "video_views_1min",
}
#: French names chosen for "Negative feedback from users: Hide all" / "…: Hide" ([U] upstream)
FB_NEGATIVE_HEADERS = {
    f"Retours négatifs des utilisateurs{NBSP}: Masquer tout": "negative_feedback_hide_all",
    f"Retours négatifs des utilisateurs{NBSP}: Masquer": "negative_feedback_hide",
}


def _pacific(ts: pd.Series) -> list[str]:
    return ts.dt.tz_convert(PT).dt.strftime("%m/%d/%Y %H:%M").tolist()


def _int(v) -> object:
    return "" if pd.isna(v) else int(v)


def _joined(brand, platform: str, story: bool | None = None) -> pd.DataFrame:
    posts = brand.posts[brand.posts["platform"] == platform]
    if story is not None:
        posts = posts[(posts["content_type"] == "story") == story]
    static = ["post_id", "account_id", "account_name", "permalink", "caption", "published_at",
              "content_type_raw", "duration_s", "content_type"]
    static += [c for c in ("title_is_caption",) if c in posts]
    snaps = brand.snapshots[brand.snapshots["kind"] == ("instagram_stories" if story else platform)]
    return snaps.merge(posts[static], on="post_id", how="inner", validate="many_to_one")


def _ig_files(brand, out: Path) -> list[Path]:
    paths = []
    acc = ACCOUNTS["instagram"]
    for _kind, story, header in (("posts", False, IG_HEADER), ("stories", True, IG_STORY_HEADER)):
        plan = PLANS["instagram_stories" if story else "instagram"]
        df = _joined(brand, "instagram", story)
        for i, _ex in enumerate(plan):
            part = df[df["export"] == i].sort_values(["published_at", "post_id"], ascending=False)
            common = [part["post_id"], [acc["id"]] * len(part), [acc["handle"]] * len(part),
                      [acc["name"]] * len(part), part["caption"].fillna(""),
                      part["duration_s"].astype(int), _pacific(part["published_at"]),
                      part["permalink"], part["content_type_raw"], [""] * len(part),
                      ["Lifetime"] * len(part)]
            if story:
                cols = ["views", "reach", "reactions", "shares", "profile_visits", "comments",
                        "link_clicks", "navigation", "follows", "sticker_taps"]
            else:
                cols = ["views", "reach", "reactions", "shares", "follows", "comments", "saves"]
            rows = zip(*common, *[part[c].map(_int) for c in cols], strict=True)
            name = export_file("instagram_stories" if story else "instagram", i)
            text = csv_text(header, rows, quoting="meta")
            paths.append(write_bytes(out / name, text.encode("utf-8-sig")))
    return paths


def _fb_files(brand, out: Path) -> list[Path]:
    paths = []
    df = _joined(brand, "facebook")
    for i, ex in enumerate(PLANS["facebook"]):
        part = df[df["export"] == i].sort_values(["published_at", "post_id"], ascending=False)
        headers = dict(FB_HEADERS)
        if ex.start.strftime("%Y-%m") in FB_NEGATIVE_MONTHS:
            headers |= FB_NEGATIVE_HEADERS
        first_line = part["caption"].str.split("\n").str[0]
        title = np.where(part["title_is_caption"], part["caption"], first_line)
        desc = np.where(part["title_is_caption"], "", part["caption"])
        video = part["content_type"].isin(["video", "reel"]).to_numpy()
        fixed = {"Titre": title, "Description": desc,
                 "Heure de publication": _pacific(part["published_at"]),
                 "Est un crosspostage": ["0"] * len(part), "Est un partage": ["0"] * len(part),
                 "Commentaire des données": [""] * len(part), "Date": ["Lifetime"] * len(part)}
        columns = []
        for h, col in headers.items():
            if not col:
                columns.append(list(fixed[h]))
            elif col in ("video_views_3s", "video_views_1min"):
                columns.append([_int(v) if ok else ""
                                for v, ok in zip(part[col], video, strict=True)])
            elif col == "duration_s":
                columns.append(part[col].astype(int).tolist())
            elif part[col].dtype.kind in "fiu":
                columns.append(part[col].map(_int).tolist())
            else:
                columns.append(part[col].tolist())
        name = export_file("facebook", i)
        text = csv_text(list(headers), zip(*columns, strict=True), quoting="meta")
        paths.append(write_bytes(out / name, text.encode("utf-8-sig")))
    return paths


#: daily per-metric files: (file stem, metric-name line, platform, truth metric)
DAILY_FILES = [
    ("facebook_follows", "Facebook follows", "facebook", "net_follows"),
    ("instagram_follows", "Instagram follows", "instagram", "net_follows"),
    ("facebook_content_interactions", "Content interactions", "facebook", "interactions"),
    ("instagram_content_interactions", "Content interactions", "instagram", "interactions"),
    ("facebook_views", "Views", "facebook", "views"),
    ("instagram_views", "Views", "instagram", "views"),
    ("facebook_visits", "Facebook visits", "facebook", "profile_visits"),
]


def _daily_files(brand, out: Path) -> list[Path]:
    paths = []
    d = brand.daily
    for stem, label, platform, metric in DAILY_FILES:
        s = d[(d["platform"] == platform) & (d["metric"] == metric)
              & d["hour"].isna()].sort_values("date")
        if metric == "net_follows":  # follows files list only days with a change
            s = s[s["value"] != 0]
        lines = ["sep=,", f'"{label}"', '"Date","Primary"']
        lines += [f'"{t:%Y-%m-%dT%H:%M:%S}","{int(v)}"'
                  for t, v in zip(s["date"], s["value"], strict=True)]
        name = f"{stem}_{START.date()}_{END.date()}_2026-11-01.csv"
        data = b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")
        paths.append(write_bytes(out / name, data))
    return paths


def write_meta(brand, out: Path) -> list[Path]:
    """Write every Meta Business Suite file of the sample; return the paths."""
    return _ig_files(brand, out) + _fb_files(brand, out) + _daily_files(brand, out)
