"""GA4 traffic-acquisition CSVs, costs.csv, goals.yaml, brand.yaml and competitors.csv."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ._core import ACCOUNTS, END, EXPORT_DAY, START, epoch_ms, snapshot_ts
from ._io import csv_text, write_bytes
from ._posts import PLANS, export_file, youtube_subscribers_zip_name

__all__ = ["write_misc", "manifest", "GA4_HEADER", "COSTS_HEADER", "ga4_file_name"]

GA4_HEADER = ["Session campaign", "Session source / medium", "Sessions", "Engaged sessions",
              "Engagement rate", "Key events", "Total revenue"]
COSTS_HEADER = ["start", "end", "category", "amount", "currency", "platform", "campaign", "hours",
                "hourly_rate", "note"]


def ga4_file_name(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return f"ga4_traffic_acquisition_{start.date()}_{end.date()}.csv"


def _num(x: float) -> str:
    return repr(round(float(x), 2))


def _ga4(brand, out: Path) -> list[Path]:
    paths = []
    for start, part in brand.web.groupby("period_start", sort=True):
        end = part["period_end"].iloc[0]
        part = part.sort_values(["sessions", "campaign", "source"], ascending=[False, True, True])
        header = list(GA4_HEADER)
        if start.year < 2026:  # before the rename GA4 still said "Conversions"
            header[5] = "Conversions"
        pre = ["# ----------------------------------------",
               "# Traffic acquisition: Session campaign",
               "# Account: Maison Sève",
               "# Property: maisonseve.fr - GA4",
               "# ----------------------------------------",
               "# ",
               "# All Users",
               f"# Start date: {start:%Y%m%d}",
               f"# End date: {end:%Y%m%d}"]
        s, e = part["sessions"].sum(), part["engaged_sessions"].sum()
        rows = [["Grand total", "", int(s), int(e), repr(float(e / s)),
                 int(part["key_events"].sum()), _num(part["revenue"].sum())]]
        rows += [[c, f"{src} / {med}", int(n), int(en), repr(float(en / n)), int(k), _num(r)]
                 for c, src, med, n, en, k, r in zip(part["campaign"], part["source"],
                                                     part["medium"], part["sessions"],
                                                     part["engaged_sessions"], part["key_events"],
                                                     part["revenue"], strict=True)]
        text = "\n".join(pre) + "\n" + csv_text(header, rows)
        paths.append(write_bytes(out / ga4_file_name(start, end), text.encode("utf-8")))
    return paths


def _costs_bytes(brand) -> bytes:
    """The bytes of the sample's costs.csv."""
    def f(v, kind):
        if v is None or (isinstance(v, float) and v != v):
            return ""
        return f"{v:.2f}" if kind == "money" else f"{v:g}" if kind == "num" else str(v)

    kinds = {"amount": "money", "hourly_rate": "money", "hours": "num"}
    rows = ([f(r[c], kinds.get(c, "text")) for c in COSTS_HEADER]
            for r in brand.costs.to_dict("records"))
    return csv_text(COSTS_HEADER, rows).encode("utf-8")


def _yaml(data: dict, comment: str) -> bytes:
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return (comment + body).encode("utf-8")


def brand_yaml() -> bytes:
    """The sample's brand.yaml, the same for every seed: a folder holding it holds a sample
    (:func:`smmanalytics.sample.write` writes into it again), not a brand's own settings."""
    return _yaml({
        "name": "Maison Sève", "slug": "maison-seve", "timezone": "Europe/Paris", "currency": "EUR",
        "language": "fr", "industry": "health_beauty",
        "colors": {"primary": "#2F4F3A", "accent": "#C8A165"}, "logo": "logo.svg",
        "accounts": {p: a["handle"] for p, a in ACCOUNTS.items()},
    }, "# Fictional brand of the smmanalytics sample data\n")


#: the sample's files a user edits to try the package (a goal's target, a cost, a rival, the
#: logo): :func:`write_misc` with ``keep`` leaves one whose bytes are not the sample's
USER_EDITABLE = ("costs.csv", "goals.yaml", "competitors.csv", "logo.svg")


def write_misc(brand, out: Path, *, keep: bool = False) -> list[Path]:
    """Write GA4 exports, costs, goals, brand settings and competitors; return the paths.
    With ``keep``, a file of :data:`USER_EDITABLE` already in ``out`` whose bytes differ from
    the sample's is left as it is and not returned: ``smm sample --out`` run again on its
    folder replaced an edited goals.yaml or costs.csv without a word."""
    paths = _ga4(brand, out)
    settings = {"costs.csv": _costs_bytes(brand),
                "goals.yaml": _yaml({"goals": brand.goals}, "# Maison Sève social media goals "
                                    "(synthetic sample; see data/sample/README.md)\n"),
                "logo.svg": LOGO.encode("utf-8"), "brand.yaml": brand_yaml(),
                "competitors.csv": csv_text(
                    ["platform", "competitor", "period", "followers", "posts", "interactions"],
                    brand.competitors[["platform", "competitor", "period", "followers", "posts",
                                       "interactions"]].itertuples(index=False)).encode("utf-8")}
    for name, data in settings.items():
        if not (keep and name in USER_EDITABLE and _edited(out / name, data)):
            paths.append(write_bytes(out / name, data))
    return paths


def _edited(path: Path, data: bytes) -> bool:
    """Whether ``path`` exists with other bytes than the sample's ``data`` (a user's edit)."""
    try:
        return path.read_bytes() != data
    except FileNotFoundError:
        return False


#: the fictional brand's emblem: a drop of sap on a leaf, drawn without text (no font needed)
LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
  <circle cx="50" cy="50" r="47" fill="none" stroke="#C8A165" stroke-width="4"/>
  <path d="M50 14 C72 36 80 52 80 64 A30 30 0 0 1 20 64 C20 52 28 36 50 14 Z" fill="#C8A165"/>
  <path d="M50 30 L50 86 M50 52 L64 42 M50 66 L36 56" stroke="#2F4F3A" stroke-width="4"
        stroke-linecap="round" fill="none"/>
</svg>
"""


def manifest() -> pd.DataFrame:
    """One row per sample file: file, platform, kind, source_locale, encoding, snapshot_at.

    ``kind`` is ``posts``, ``stories``, ``daily`` (account series), ``audience``, ``web``,
    ``costs``, ``goals``, ``brand`` or ``competitors``; ``snapshot_at`` is the export moment the
    file name implies (00:00 UTC of the export day), NaT for the user's own files.
    """
    rows = []

    def add(file, platform, kind, locale, encoding, day):
        rows.append({"file": file, "platform": platform, "kind": kind, "source_locale": locale,
                     "encoding": encoding,
                     "snapshot_at": snapshot_ts(day) if day is not None else pd.NaT})

    for key, platform, kind, locale in (("instagram", "instagram", "posts", "en-US"),
                                        ("instagram_stories", "instagram", "stories", "en-US"),
                                        ("facebook", "facebook", "posts", "fr-FR"),
                                        ("x", "x", "posts", "en-US"),
                                        ("linkedin", "linkedin", "posts", "en-US")):
        enc = {"x": "utf-8", "linkedin": "xls"}.get(key, "utf-8-sig")
        for i, ex in enumerate(PLANS[key]):
            add(export_file(key, i), platform, kind, locale, enc, ex.exported)
    span = f"{START.date()}_{END.date()}_{EXPORT_DAY.date()}"
    for stem in ("facebook_follows", "instagram_follows", "facebook_content_interactions",
                 "instagram_content_interactions", "facebook_views", "instagram_views",
                 "facebook_visits"):
        add(f"{stem}_{span}.csv", stem.split("_")[0], "daily", "en-US", "utf-16", EXPORT_DAY)
    add("account_overview_analytics.csv", "x", "daily", "en-US", "utf-8", EXPORT_DAY)
    add(f"maison-seve_followers_{epoch_ms(EXPORT_DAY)}.xls", "linkedin", "daily", "en-US", "xls",
        EXPORT_DAY)
    add(export_file("youtube", 0), "youtube", "posts", "en-US", "zip", EXPORT_DAY)
    add(youtube_subscribers_zip_name(), "youtube", "daily", "en-US", "zip", EXPORT_DAY)
    add(export_file("tiktok", 0), "tiktok", "posts", "en-US", "zip", EXPORT_DAY)
    h = ACCOUNTS["tiktok"]["handle"]
    add(f"Followers_{h}.zip", "tiktok", "daily", "en-US", "zip", EXPORT_DAY)
    add(f"Overview_2025-11-01_{epoch_ms(EXPORT_DAY) // 1000}_{h}.zip", "tiktok", "daily", "en-US",
        "zip", EXPORT_DAY)
    add(f"Viewers_{h}.zip", "tiktok", "daily", "en-US", "zip", EXPORT_DAY)
    for m in pd.period_range(START, END, freq="M"):
        add(ga4_file_name(m.start_time, m.end_time.normalize()), "ga4", "web", "en-US", "utf-8",
            EXPORT_DAY)
    for f, kind in (("costs.csv", "costs"), ("goals.yaml", "goals"), ("brand.yaml", "brand"),
                    ("logo.svg", "brand"),
                    ("competitors.csv", "competitors")):
        add(f, None, kind, None, "utf-8", None)
    return pd.DataFrame(rows).sort_values("file", kind="stable").reset_index(drop=True)
