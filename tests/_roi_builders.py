"""Small hand-built tables for the roi, goals, benchmarks and compare tests."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd

from smmanalytics import schema
from smmanalytics.brand import Brand
from smmanalytics.dataset import Dataset
from smmanalytics.roi import read_costs

HEADER = "start,end,category,amount,currency,platform,campaign,hours,hourly_rate,note\n"


def costs_file(tmp_path: Path, body: str, name: str = "costs.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def posts(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    if "published_at" in df:
        df["published_at"] = pd.to_datetime(df["published_at"], utc=True)
    return schema.conform(df, "posts")


def web(rows: list[dict]) -> pd.DataFrame:
    return schema.conform(pd.DataFrame(rows), "web")


def daily(rows: list[dict]) -> pd.DataFrame:
    return schema.conform(pd.DataFrame(rows), "daily")


def dataset(tmp_path: Path | None = None, costs: str | None = None, **tables) -> Dataset:
    kw = dict(tables)
    if costs is not None:
        kw["costs"] = read_costs(costs_file(tmp_path, costs))
    kw.setdefault("brand", Brand(name="Test", timezone="Europe/Paris", currency="EUR"))
    return Dataset(**kw)


def running_year() -> Dataset:
    """Data up to 31 October 2026: a post of 10 reactions on the first of each month of 2025
    and on 31 October 2025 (13 posts), one of 12 on the first of January to October 2026 and
    on 31 October 2026 (11 posts); 500 reach each."""
    rows = []
    for year, value in ((2025, 10), (2026, 12)):
        days = [f"{year}-{m:02d}-01" for m in range(1, 13 if year == 2025 else 11)]
        rows += [{"platform": "instagram", "post_id": f"{year}-{k}", "reactions": float(value),
                  "reach": 500.0, "published_at": f"{day}T09:00:00Z"}
                 for k, day in enumerate(days + [f"{year}-10-31"])]
    return dataset(posts=posts(rows))


def two_campaigns_july(tmp_path: Path) -> Dataset:
    """brandC's July: labour 1000 (no campaign), ad spend 160 (Été 2026) and 100 (Noël 2026);
    GA4's Paid Social gives Été 2026 2400 of revenue and 60 key events, traffic without a
    campaign ("(not set)") 50 and 7 (100 sessions each)."""
    month = {"period_start": "2026-07-01", "period_end": "2026-07-31",
             "channel_group": "Paid Social", "source": "facebook", "medium": "paid_social",
             "sessions": 100.0, "currency": "EUR"}
    return dataset(tmp_path, "2026-07-01,2026-07-31,labor,1000,EUR,,,,,\n"
                             "2026-07-01,2026-07-31,ad_spend,160,EUR,facebook,Été 2026,,,\n"
                             "2026-07-01,2026-07-31,ad_spend,100,EUR,facebook,Noël 2026,,,\n",
                   web=web([{**month, "campaign": "Été 2026", "revenue": 2400.0,
                             "key_events": 60.0},
                            {**month, "campaign": "(not set)", "revenue": 50.0,
                             "key_events": 7.0}]))
