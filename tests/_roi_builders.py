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
