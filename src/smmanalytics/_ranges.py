"""Posts whose figures cover a date range, not the post's lifetime: combined before the merge.

YouTube Studio's Table data gives each video's figures over the date range chosen in Studio
(``Content 2026-09-01_2026-09-30 <Channel>.zip``), which the loader keeps in ``window_start``
/ ``window_end``. The merge keeps the newest snapshot of a post, right for lifetime figures
(a newer export counts everything an older one did) and wrong for ranges: a September export
and an October one hold two parts of a video's figures, and keeping October's alone lost
September's views. :func:`combine_ranges` settles, before the merge's newest-wins dedupe,
the rows of a video that come from files of different ranges:

- ranges that do not overlap (two months): additive figures summed, ratios recomputed as
  means weighted by what they are ratios of (:data:`WEIGHTED`), figures that cannot be
  combined (unique viewers counted in both months) left empty; noted per file;
- a range within another (October inside September–October): the wider range's row kept,
  whatever the export times, since its figures hold the other's; noted;
- ranges that partly overlap (September–October and October–November): the days in both
  would be counted twice and the export says nothing per day, so nothing is combined: the
  merge keeps the newest, and a warning names both files and the days in both.

Rows of the same range are left to the merge (newest wins), except for a video that has
several ranges, where the range's newest row stands for it (the others noted as the merge
notes them). Rows without a range (a zip renamed: the loader notes its figures are taken as
lifetime ones) are left to the merge too.

What a range's figures say of a post's age (:func:`figures_end`, :func:`partial_life`,
:func:`after_range`): they stop at the end of the range's last day, not at the export (a
September zip exported on 5 December measured a video of 20 September 11 days after
publication, not 76); a video published before the range's first day has only part of its life
in them, so no age at all; and one published after the range's last day has no figures in it
(it read as a few days old, or less than nothing).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd

from .errors import SchemaError
from .quality import QualityLog, counted
from .schema import METRICS, column_or

__all__ = ["combine_ranges", "figures_end", "partial_life", "after_range", "ADDITIVE",
           "WEIGHTED"]

#: figures that add up over consecutive ranges: counts, watch time, revenue (``reach``, a
#: count of people, does not: who watched in both months counts once)
ADDITIVE = (*(m for m in METRICS if m != "reach"), "net_subscribers", "subscribers_gained",
            "subscribers_lost", "dislikes", "engaged_views", "premium_views", "revenue_usd")
#: ratios recomputed as means weighted by what they are ratios of (RPM is revenue per
#: thousand views); ``avg_watch_time_s`` is watch time / views where both are known
WEIGHTED = {"thumbnail_ctr": "impressions", "avg_pct_viewed": "views",
            "shorts_stayed_rate": "views", "rpm_usd": "views", "avg_watch_time_s": "views"}
#: figures over a range that neither add up nor follow from those that do (viewers counted
#: in each range; CPM, per thousand monetised playbacks the export does not give): left empty
UNCOMBINED = ("reach", "unique_viewers", "new_viewers", "returning_viewers", "cpm_usd")


def combine_ranges(df: pd.DataFrame, log: QualityLog) -> pd.DataFrame:
    """``df`` (posts of several files, with the merge's ``_order`` column) with the rows of a
    video from files of different date ranges settled as the module says; ``df`` itself when
    no video has two ranges. Notes go to ``log``."""
    if "window_start" not in df.columns:
        return df
    ident = _video_identity(df)
    ranged = (df["window_start"].notna() & df["window_end"].notna() & ident.notna()).to_numpy()
    if not ranged.any():
        return df
    rows = _newest_last(df.loc[ranged])
    video = pd.Series(rows.assign(_video=ident).groupby(["platform", "_video"], observed=True,
                                                        sort=False).ngroup().to_numpy(),
                      index=rows.index)
    span = pd.Series(pd.MultiIndex.from_frame(rows[["window_start", "window_end"]])
                     .factorize()[0], index=rows.index)
    several = (span.groupby(video).transform("nunique") > 1).to_numpy()
    if not several.any():
        return df
    rows, video, span = rows[several], video[several], span[several]
    # one row per video and range, its newest: the older ones lose as in the merge's dedupe
    older = pd.DataFrame({"v": video, "s": span}).duplicated(keep="last").to_numpy()
    _note_older(rows[older], log)
    drop = list(rows.index[older])
    rows, video, span = rows[~older], video[~older], span[~older]
    spans = _span_table(rows, span)
    combined = []
    for members in _videos_by_ranges(video, span):
        group, codes = rows.loc[members], span.loc[members]
        kept, contained = _settle(sorted(set(codes)), spans)
        if kept is None:            # partly overlapping: the merge keeps the newest
            _note_overlap(group, video.loc[members], log)
            continue
        inside = codes.isin(contained).to_numpy()
        _note_contained(group, video.loc[members], codes, contained, spans, log)
        drop += list(group.index[inside])
        if len(kept) > 1:
            wide = group[~inside]
            added = _add(wide, video.loc[wide.index])
            _note_added(wide, kept, spans, log)
            drop += list(wide.index.difference(added.index))
            combined.append(added)
    if not drop:
        return df
    out = df.drop(index=drop)
    for added in combined:
        for col in added.columns:
            out.loc[added.index, col] = added[col].astype(out[col].dtype)
    return out.reset_index(drop=True)


def figures_end(posts: pd.DataFrame) -> pd.Series:
    """The instant each post's figures were last counted (UTC): its ``snapshot_at``, or the end
    of its range's last day (``window_end``, a UTC day as the loader reads Studio's days)
    where that is earlier or the snapshot unknown. Lifetime figures keep growing to the
    export; a range's stop with it, however long after it the zip was made."""
    taken = pd.to_datetime(column_or(posts, "snapshot_at", pd.NaT, "datetime64[ns, UTC]"),
                           utc=True)
    end = _range_end(posts)
    return taken.where(~(end < taken) & taken.notna(), end).rename("figures_end")


def partial_life(posts: pd.DataFrame) -> np.ndarray:
    """The posts whose figures are a date range's that starts after their publication (a video
    of 3 September in a ``Content 2026-10-01_2026-10-31`` zip): only part of their life is
    in the figures, which are neither lifetime totals nor those of a known age."""
    start = _range_days(posts, "window_start")
    return (posts["published_at"] < start).fillna(False).to_numpy(bool)


def after_range(posts: pd.DataFrame) -> np.ndarray:
    """The posts whose figures are a date range's that ends before their publication (a video
    of 5 October in a ``Content 2026-09-01_2026-09-30`` zip, the range chosen before it
    existed): the range holds none of their life, so their figures say nothing of them, and
    aged to the range's end they read a negative age, "too young" to compare."""
    return (posts["published_at"] >= _range_end(posts)).fillna(False).to_numpy(bool)


def _range_end(posts: pd.DataFrame) -> pd.Series:
    """The end of each post's range (UTC midnight after ``window_end``, a UTC day as the
    loader reads Studio's days), NaT for lifetime figures."""
    return _range_days(posts, "window_end") + pd.Timedelta(days=1)


def _range_days(posts: pd.DataFrame, column: str) -> pd.Series:
    """``column`` (``window_start`` or ``window_end``) as UTC midnights, NaT where the posts
    have no range. The schema's columns are naive days, UTC's as the loader reads Studio's; a
    caller's frame with zone-aware ones raised pandas' "Already tz-aware": which zone's day
    such a column means is not ours to guess, so it is refused, by name."""
    days = pd.to_datetime(column_or(posts, column, pd.NaT, "datetime64[ns]"))
    if days.dt.tz is not None:
        found = days.dropna()
        first = f", the first {found.iloc[0]}" if len(found) else ""
        raise SchemaError(f"column {column!r} must hold days without a time zone (those of the "
                          "range the figures cover, UTC days as the loader reads YouTube "
                          f"Studio's); got date-times in {days.dt.tz}{first}", column=column,
                          failure_cases=found)
    return days.dt.tz_localize("UTC")


def _video_identity(df: pd.DataFrame) -> pd.Series:
    """Which video each row of ``df`` is: its id, or for a video whose id a spreadsheet
    damaged, its account, title and publish day (the loader's ``post_key``, given where they
    tell it apart in its file), as :func:`smmanalytics._merge._key_damaged_ids` matches it;
    missing for a row that is neither."""
    ident = df["post_id"].astype("string")
    if "post_key" not in df.columns:
        return ident
    account = df["account_id"].astype("string").fillna("") if "account_id" in df.columns \
        else ""
    return ident.fillna("video " + account + " " + df["post_key"].astype("string"))


def _newest_last(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` in the merge's order of precedence, the one it would keep last: a stated
    snapshot over a guessed one (``_sure``), then the later snapshot, then the later file."""
    keys = [k for k in ("_sure", "snapshot_at", "_order") if k in rows.columns]
    return rows.sort_values(keys, kind="stable", na_position="first")


def _span_table(rows: pd.DataFrame, span: pd.Series) -> pd.DataFrame:
    """The first and last day of each range code of ``span``."""
    return (rows[["window_start", "window_end"]].assign(_span=span.to_numpy())
            .drop_duplicates("_span").set_index("_span"))


def _videos_by_ranges(video: pd.Series, span: pd.Series) -> list[pd.Index]:
    """The rows of the videos that have the same set of ranges, set by set: a few sets (one
    per series of exports), settled once each, however many videos."""
    sets = span.groupby(video).agg(lambda s: " ".join(map(str, sorted(set(s)))))
    of_row = video.map(sets)
    return [of_row.index[(of_row == key).to_numpy()] for key in sets.unique()]


def _settle(codes: list[int], spans: pd.DataFrame) -> tuple[list[int] | None, set[int]]:
    """``(kept, contained)`` of a video's range codes: ``contained`` the ranges within another
    of them, ``kept`` the others, which do not overlap; ``kept`` None when two of them partly
    overlap (nothing can be combined)."""
    start, end = spans["window_start"], spans["window_end"]
    contained = {a for a in codes for b in codes
                 if a != b and start[b] <= start[a] and end[a] <= end[b]}
    kept = [c for c in codes if c not in contained]
    overlap = any(start[a] <= end[b] and start[b] <= end[a]
                  for i, a in enumerate(kept) for b in kept[i + 1:])
    return (None if overlap else kept), contained


def _add(rows: pd.DataFrame, video: pd.Series) -> pd.DataFrame:
    """One row per video of ``rows`` (newest last, disjoint ranges), indexed by its newest
    row: additive figures summed (unknown when a range's is), ratios weighted, the figures of
    :data:`UNCOMBINED` emptied, the range from the first day to the last."""
    by = rows.groupby(video.to_numpy(), sort=False)
    # every aggregate below lists the videos in the same order, that of their first rows
    out = pd.DataFrame(index=rows.index.to_series().groupby(video.to_numpy(), sort=False)
                       .last().to_numpy())

    def total(values: pd.Series) -> np.ndarray:
        known = values.notna().groupby(video.to_numpy(), sort=False).all()
        return values.groupby(video.to_numpy(), sort=False).sum().where(known).to_numpy()

    for col in ADDITIVE:
        if col in rows.columns:
            out[col] = total(rows[col])
    for col, weight in WEIGHTED.items():
        if col in rows.columns and weight in rows.columns:
            out[col] = total(rows[col] * rows[weight]) / total(rows[weight])
    if {"avg_watch_time_s", "watch_time_s", "views"} <= set(rows.columns):
        exact = out["watch_time_s"] / out["views"]
        out["avg_watch_time_s"] = exact.fillna(out["avg_watch_time_s"])
    for col in UNCOMBINED:
        if col in rows.columns:
            out[col] = np.nan      # a float: cast back to the column's dtype, missing there
    out["window_start"] = by["window_start"].min().to_numpy()
    out["window_end"] = by["window_end"].max().to_numpy()
    return out


def _range_text(spans: pd.DataFrame, code: int) -> str:
    return (f"{spans.at[code, 'window_start']:%Y-%m-%d} to "
            f"{spans.at[code, 'window_end']:%Y-%m-%d}")


def _note_older(rows: pd.DataFrame, log: QualityLog) -> None:
    """Per file, the rows of a video's range that a newer export of the same range replaced."""
    for src, n in rows.groupby("source_file", sort=True).size().items():
        log.add(src, "snapshot_merged", f"{counted(int(n), 'post', 'posts')} also in a newer "
                "export of the same date range; the newest snapshot was kept", level="info",
                rows=int(n))


def _note_contained(group: pd.DataFrame, video: pd.Series, codes: pd.Series,
                    contained: set[int], spans: pd.DataFrame, log: QualityLog) -> None:
    """Per file of a range within another, the videos whose wider range's row was kept."""
    start, end = spans["window_start"], spans["window_end"]
    rows = group.assign(_video=video.to_numpy(), _span=codes.to_numpy())
    for inner in sorted(contained):
        outer = next(b for b in codes.unique() if b not in contained
                     and start[b] <= start[inner] and end[inner] <= end[b])
        pairs = rows[rows["_span"] == inner].merge(
            rows.loc[rows["_span"] == outer, ["_video", "source_file"]], on="_video",
            suffixes=("", "_wide"))
        for (src, wide), n in pairs.groupby(["source_file", "source_file_wide"],
                                            sort=True).size().items():
            figures = "1 video's figures" if n == 1 else f"{n} videos' figures"
            log.add(src, "range_contained", f"{figures} over "
                    f"{_range_text(spans, inner)} are within those over "
                    f"{_range_text(spans, outer)} in {wide}, which were kept whatever the "
                    "export times", level="info", rows=int(n))


def _note_added(rows: pd.DataFrame, kept: list[int], spans: pd.DataFrame,
                log: QualityLog) -> None:
    """Per file, the videos whose figures of this file's range were added to other ranges'."""
    ranges = ", ".join(_range_text(spans, k) for k in kept)
    day = pd.Timedelta(days=1)
    ordered = sorted(kept, key=lambda k: spans.at[k, "window_start"])
    gaps = [f"{spans.at[a, 'window_end'] + day:%Y-%m-%d} to "
            f"{spans.at[b, 'window_start'] - day:%Y-%m-%d}" for a, b in pairwise(ordered)
            if spans.at[b, "window_start"] - spans.at[a, "window_end"] > day]
    gap = (f"; the days between them ({', '.join(gaps)}) are in no export, their figures "
           "missing" if gaps else "")
    empty = [c for c in UNCOMBINED if c in rows.columns and rows[c].notna().any()]
    emptied = (f"; {', '.join(empty)} cannot be added (the same viewers in several ranges): "
               "left empty" if empty else "")
    for src, n in rows.groupby("source_file", sort=True).size().items():
        log.add(src, "ranges_added", f"{counted(int(n), 'video', 'videos')}: figures of "
                f"{len(kept)} ranges added "
                f"({ranges}): counts, watch time and revenue summed; click-through rate, "
                f"average view duration and percentage viewed recomputed as weighted means"
                f"{gap}{emptied}", level="info", rows=int(n))


def _note_overlap(group: pd.DataFrame, video: pd.Series, log: QualityLog) -> None:
    """A warning per file whose rows the newest export of a video replaces though their ranges
    partly overlap, naming that export and the days both ranges hold."""
    rows = group.assign(_video=video.to_numpy())
    newest = rows.groupby("_video", sort=False).tail(1)
    older = rows.drop(index=newest.index).merge(
        newest[["_video", "source_file", "window_start", "window_end"]], on="_video",
        suffixes=("", "_new"))
    keys = ["source_file", "window_start", "window_end", "source_file_new",
            "window_start_new", "window_end_new"]
    for (src, a, b, new, c, d), n in older.groupby(keys, sort=True).size().items():
        first, last = max(a, c), min(b, d)
        shared = (f", both holding {first:%Y-%m-%d} to {last:%Y-%m-%d}" if first <= last
                  else "")
        videos = counted(int(n), "video", "videos")
        log.add(src, "ranges_overlap", f"{videos} of this file ({a:%Y-%m-%d} to "
                f"{b:%Y-%m-%d}) {'is' if n == 1 else 'are'} also in {new} ({c:%Y-%m-%d} to "
                f"{d:%Y-%m-%d}){shared}, among exports whose ranges partly overlap: "
                f"{'its' if n == 1 else 'their'} figures cannot be added "
                "without counting the shared days twice, so the newest export's were kept "
                "(export ranges that do not overlap, such as calendar months)",
                rows=int(n))
