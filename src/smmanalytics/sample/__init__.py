"""A synthetic sample brand, Maison Sève, written as the platforms' native export files.

Maison Sève is a fictional French natural-cosmetics web shop (audience in Europe/Paris, EUR,
Health & Beauty). :func:`generate` simulates 2025-09-01 to 2026-10-31 and returns the TRUTH as
canonical frames; :func:`write` writes the files a social media manager would have downloaded
(Meta Business Suite CSVs, X CSVs, LinkedIn .xls, YouTube Studio zips, TikTok zips, GA4 CSVs) plus
costs.csv, goals.yaml, brand.yaml and competitors.csv. Everything is seeded: the same seed gives
the same bytes.

Planted effects (``SampleBrand.truths`` has the measured numbers; data/sample/README.md explains):

1. Instagram posts published 18:00-20:59 Paris time get 1.7× the expected interactions, but
   reels (2.2×) are mostly posted 08:00-10:59, so a naive mean by hour favours the morning.
2. Paid campaign ``automne-2026`` (October 2026) pays back (ROAS > 1); a smaller
   ``fete-des-meres-2026`` in May 2026.
3. A reputation incident 2026-10-13..19: negative feedback, comments and unfollows surge.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from .._args import path_of, whole
from .._io import writing
from ..errors import OutputError
from ._account import simulate_audience, simulate_daily
from ._core import START, followers_series
from ._posts2 import simulate_posts
from ._subscribers import channel_subscribers, video_subscribers
from ._truths import make_goals, summarize
from ._web import simulate_competitors, simulate_costs, simulate_web
from ._write_meta import write_meta
from ._write_misc import USER_EDITABLE, brand_yaml, manifest, write_misc
from ._write_other import write_other

__all__ = ["SampleBrand", "generate", "write", "kept", "manifest", "BRAND_SLUG"]

log = logging.getLogger(__name__)

BRAND_SLUG = "maison-seve"

#: start followers, daily gains at start and end, daily churn, first day
_FOLLOWERS = {
    "instagram": (9800, 22.0, 38.0, 0.0009, START, {"automne-2026": 1.6}),
    "facebook": (6200, 6.0, 8.0, 0.0006, START, {"automne-2026": 1.8}),
    "x": (2100, 3.0, 4.0, 0.0008, START, None),
    "linkedin": (1400, 2.0, 3.0, 0.0002, START, None),
    "youtube": (820, 1.5, 2.0, 0.0003, START, None),
    "tiktok": (3000, 20.0, 30.0, 0.002, pd.Timestamp("2025-11-01"), None),
}


@dataclass(frozen=True)
class SampleBrand:
    """The truth behind the sample files.

    Attributes
    ----------
    posts : canonical posts table (schema "posts"), one row per post (Instagram stories
        included, ``content_type == "story"``) holding the metrics of the LATEST export that lists
        the post; ``published_at`` is the exact UTC time. Extra columns: content_type_raw,
        duration_s, platform-specific counts (negative_feedback, reach_paid, …), and for
        Instagram ``slot``, ``hour_paris``, ``followers_at_post``, ``expected_interactions``.
    snapshots : per export file, the values it holds for each post (platform, post_id, export,
        exported, snapshot_at and the counts).
    daily : canonical long daily table (schema "daily"), hourly rows for TikTok online followers.
    web : GA4 rows (schema "web"), one per month × campaign × source / medium.
    audience : follower breakdowns (schema "audience").
    costs : the rows of costs.csv.
    competitors : the rows of competitors.csv.
    yt_daily : YouTube views and subscribers per video and day (the source of the two
        exports' Chart data.csv).
    goals : the goals of goals.yaml as a list of dicts.
    truths : the planted effects, measured on these frames.
    """

    seed: int
    posts: pd.DataFrame
    snapshots: pd.DataFrame
    daily: pd.DataFrame
    web: pd.DataFrame
    audience: pd.DataFrame
    costs: pd.DataFrame
    goals: list = field(default_factory=list)
    truths: dict = field(default_factory=dict)
    competitors: pd.DataFrame = field(default_factory=pd.DataFrame)
    yt_daily: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    def __repr__(self) -> str:
        return (f"<SampleBrand 'Maison Sève' seed={self.seed}: {len(self.posts)} posts, "
                f"{len(self.daily)} daily rows, {len(self.web)} web rows>")


def generate(seed: int = 2026) -> SampleBrand:
    """Simulate Maison Sève from 2025-09-01 to 2026-10-31 and return the truth.

    Parameters
    ----------
    seed : seed of ``numpy.random.default_rng``; the same seed gives the same frames.

    Returns
    -------
    SampleBrand

    Raises
    ------
    ArgumentError
        ``seed`` is not a whole number of at least 0.
    """
    rng = np.random.default_rng(whole(seed, "seed", 0))
    fol = {p: followers_series(rng, s, g0, g1, c, first=f, boost=b)
           for p, (s, g0, g1, c, f, b) in _FOLLOWERS.items()}
    sim = simulate_posts(rng, fol)
    yt_posts, yt_daily = sim["youtube"]
    # the channel's subscribers (the Subscribers export): no draw from rng, so that every
    # other file keeps its bytes; the simulated series set the videos' views before
    yt_daily = yt_daily.assign(subscribers=video_subscribers(yt_posts, yt_daily))
    fol = fol | {"youtube": channel_subscribers(fol["youtube"], yt_daily)}
    posts_by = {p: v[0] for p, v in sim.items() if p != "youtube"} | {"youtube": yt_posts}
    snaps = pd.concat([v[1] for p, v in sim.items() if p != "youtube"], ignore_index=True)
    daily = simulate_daily(rng, fol, posts_by, yt_daily)
    web = simulate_web(rng, posts_by)
    costs = simulate_costs()
    posts = pd.concat([posts_by[p] for p in ("instagram", "instagram_stories", "facebook", "x",
                                             "linkedin", "youtube", "tiktok")], ignore_index=True)
    inter = ["reactions", "comments", "shares", "saves"]
    posts["interactions"] = posts[inter].sum(axis=1, min_count=1)
    posts = posts.sort_values(["platform", "published_at", "post_id"], kind="stable")
    posts = schema.conform(posts, "posts")
    daily = schema.conform(daily.sort_values(["platform", "metric", "date", "hour"], kind="stable"),
                           "daily")
    web = schema.conform(web, "web")
    audience = schema.conform(simulate_audience(
        {p: int(f["followers_total"].iloc[-1]) for p, f in fol.items()}), "audience")
    truths = summarize(posts, daily, web, costs)
    goals, status = make_goals(posts, daily, web, costs)
    truths["goals_2026_10"] = status
    log.debug("generated sample brand with seed %s", seed)
    return SampleBrand(seed=seed, posts=posts, snapshots=snaps, daily=daily, web=web,
                       audience=audience, costs=costs, goals=goals, truths=truths,
                       competitors=simulate_competitors(rng), yt_daily=yt_daily)


def write(out_dir: str | Path, seed: int = 2026, *, replace: bool = False) -> list[Path]:
    """Write the sample's native export files under ``out_dir`` and return their paths (sorted).

    The files are byte-for-byte reproducible for a given seed (fixed zip dates and workbook
    properties, no "now" anywhere).

    ``out_dir`` is missing, empty, or holds a sample written before, which is written again
    (:func:`_check_folder`), except the files a user edits to try the package (costs.csv,
    goals.yaml, competitors.csv, logo.svg) whose bytes are no longer the sample's (of this
    seed): those are kept as they are and left out of the paths returned (:func:`kept`
    names them), as ``smm notebooks`` keeps an edited notebook. A folder holding other files
    (a brand's exports, its own brand.yaml, costs.csv and goals.yaml) is refused: the sample
    replaced the brand's settings and mixed 59 exports into its own. ``replace=True`` writes
    into it anyway, replacing every file of the sample's names, edited or not, and keeping
    the others.

    Raises
    ------
    OutputError
        naming the folder and some of its files, when it holds other files than a sample's
        and ``replace`` is False; naming the folder or file that cannot be written.
    """
    out = path_of(out_dir, "out_dir", "sample.write",
                  "the path of the folder to write the sample in", writes=True)
    if not replace:
        _check_folder(out)
    brand = generate(seed)
    with writing(out, "sample folder"):     # OutputError naming the folder asked for
        out.mkdir(parents=True, exist_ok=True)
        paths = (write_meta(brand, out) + write_other(brand, out)
                 + write_misc(brand, out, keep=not replace))
    return sorted(paths)


def kept(out_dir: str | Path, written: list[Path]) -> list[Path]:
    """The files of the sample's that :func:`write` kept in ``out_dir`` (a user's edit of
    costs.csv, goals.yaml, competitors.csv or logo.svg), given the paths it returned."""
    out = Path(out_dir)
    names = {p.name for p in written}
    return [out / name for name in USER_EDITABLE if name not in names and (out / name).is_file()]


def _check_folder(out: Path) -> None:
    """OutputError unless the sample can be written into ``out`` without replacing a file of
    someone else's: ``out`` is missing or empty, or holds a sample (its files all named as the
    sample's, :func:`manifest`, and its brand.yaml the sample's, which no seed changes).
    Hidden files (``.DS_Store``) are not counted: the sample writes none."""
    if not out.is_dir():            # missing; a file is refused by write() as no folder
        return
    present = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    if not present:
        return
    own = set(manifest()["file"])
    others = [name for name in present if name not in own]
    settings = out / "brand.yaml"
    if not others and settings.is_file() and settings.read_bytes() == brand_yaml():
        return
    if others:
        what = f"files that are not the sample's: {_first(others)}"
    elif settings.is_file():
        what = "a brand.yaml that is not the sample's (a brand's own settings)"
    else:
        what = f"files of the sample's names but not its brand.yaml: {_first(present)}"
    raise OutputError(f"the sample folder {out} holds {what}; expected an empty "
                      "folder or one holding a sample (--force writes the sample into it, "
                      "replacing the files of its names, brand.yaml, costs.csv and "
                      "goals.yaml among them)", path=str(out))


def _first(names: list[str]) -> str:
    """The first three of ``names``, and how many more."""
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
