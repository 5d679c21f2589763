"""Dataset: every table loaded from a brand's folder of exports, with the quality log.

CONTRACT (shared by every module; the loaders work completes ``load``):

- ``posts``: canonical posts table (schema.TABLES["posts"]), one row per post, latest snapshot.
- ``daily``: long account series (schema "daily"): platform, account_id, date, hour, metric, value.
- ``web``: GA4 traffic rows (schema "web").
- ``audience``: follower breakdowns (schema "audience").
- ``costs``: the user's costs.csv as returned by ``smmanalytics.roi.read_costs`` (empty frame
  when absent).
- ``goals``: goals.yaml as returned by ``smmanalytics.goals.read_goals`` (empty frame when
  absent).
- ``competitors``: competitors.csv as returned by ``smmanalytics.benchmarks.read_competitors``.
- ``brand``: :class:`smmanalytics.brand.Brand` from brand.yaml (defaults when absent).
- ``quality``: the quality log as a frame (schema "quality").
- ``files``: one row per input file: path, sha256, bytes, platform, kind, rows, status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .brand import Brand

__all__ = ["Dataset", "load"]


def _empty(table: str):
    return field(default_factory=lambda: schema.empty(table))


@dataclass(frozen=True)
class Dataset:
    """All tables of one brand. Frames are never modified in place by smmanalytics."""

    posts: pd.DataFrame = _empty("posts")
    daily: pd.DataFrame = _empty("daily")
    web: pd.DataFrame = _empty("web")
    audience: pd.DataFrame = _empty("audience")
    costs: pd.DataFrame = field(default_factory=pd.DataFrame)
    goals: pd.DataFrame = field(default_factory=pd.DataFrame)
    competitors: pd.DataFrame = field(default_factory=pd.DataFrame)
    brand: Brand = field(default_factory=Brand)
    quality: pd.DataFrame = _empty("quality")
    files: pd.DataFrame = field(default_factory=pd.DataFrame)
    root: Path | None = None

    def __repr__(self) -> str:
        parts = [f"{len(self.posts)} posts", f"{len(self.daily)} daily rows",
                 f"{len(self.web)} web rows", f"{len(self.quality)} quality notes"]
        return f"<Dataset {self.brand.name!r}: {', '.join(parts)}>"


def load(path, *, strict: bool = False) -> Dataset:  # completed by the loaders work
    raise NotImplementedError
