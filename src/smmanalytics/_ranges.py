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
- ranges that overlap: the days in both would be counted twice and the export says nothing
  per day, so they are never added. Of a video's ranges, those that do not overlap and
  cover the most days are kept (:func:`_settle`; then the fewest, then the newest exports),
  the others set aside: a range within those kept (October inside September–October, or a
  custom 15 September–14 October beside the September and October months) adds nothing,
  noted; one that holds days the kept ones lack (September–October beside October–November)
  is warned of, naming the ranges it overlaps and the days in both.

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

from collections import Counter
from itertools import pairwise

import numpy as np
import pandas as pd

from .errors import SchemaError
from .quality import QualityLog, counted
from .schema import METRICS, column_or, utc_timestamps

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
    combined, notes = [], Counter()
    born = _publish_days(rows)
    for members in _videos_by_ranges(video, span, born):
        group, codes, since = rows.loc[members], span.loc[members], born.loc[members[0]]
        # the group is newest last: a range's recency is the place of its newest row
        recency = {code: place for place, code in enumerate(codes)}
        kept = _settle(sorted(set(codes)), spans, recency, since)
        aside = ~codes.isin(kept).to_numpy()
        _note_set_aside(group, video.loc[members], codes, kept, spans, since, notes)
        drop += list(group.index[aside])
        if len(kept) > 1:
            wide = group[~aside]
            added = _add(wide, video.loc[wide.index])
            _note_added(wide, kept, spans, notes)
            drop += list(wide.index.difference(added.index))
            combined.append(added)
    _log_notes(notes, log)
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


def _publish_days(rows: pd.DataFrame) -> pd.Series:
    """Each row's video's publication day (naive, a UTC day as the ranges' days), NaT where
    unknown: a range's days before it hold none of the video's figures."""
    day = utc_timestamps(rows).dt.floor("D").dt.tz_localize(None)
    return day.groupby([rows["platform"], _video_identity(rows)], observed=True,
                       sort=False).transform("min")


def _videos_by_ranges(video: pd.Series, span: pd.Series, born: pd.Series) -> list[pd.Index]:
    """The rows of the videos that have the same set of ranges and publication day, set by
    set: a few sets (one per series of exports and day), settled once each, however many
    videos."""
    sets = (span.groupby(video).agg(lambda s: " ".join(map(str, sorted(set(s)))))
            + " " + born.groupby(video).first().astype("string").fillna(""))
    of_row = video.map(sets)
    return [of_row.index[(of_row == key).to_numpy()] for key in sets.unique()]


def _settle(codes: list[int], spans: pd.DataFrame, recency: dict[int, int],
            since: pd.Timestamp) -> list[int]:
    """The range codes of a video published on day ``since`` (NaT: unknown) to keep: of those
    that share no day, the set covering the most days of its life, then the most days (a
    range wholly before the video, whose figures are nothing, kept beside the others rather
    than lost), then the fewest ranges (a wide range's figures over two months, its viewers
    counted once, rather than the two months' added), then the newest exports (``recency``,
    higher newer). Ranges sorted by last day, ``best[i]`` is the best set among the first
    ``i``: weighted interval scheduling, each range's weight the tuple (days lived, days,
    -1, recency) compared as such."""
    start, end = spans["window_start"], spans["window_end"]
    order = sorted(codes, key=lambda c: (end[c], start[c]))
    best: list[tuple[tuple[int, ...], list[int]]] = [((0, 0, 0, 0), [])]
    for i, code in enumerate(order):
        before = sum(end[other] < start[code] for other in order[:i])  # a prefix of order
        value, chosen = best[before]
        weight = (_days(spans, code, since=since), _days(spans, code), -1, recency[code])
        taken = (tuple(map(sum, zip(value, weight, strict=True))), [*chosen, code])
        best.append(max(best[i], taken, key=lambda option: option[0]))
    return best[-1][1]


def _days(spans: pd.DataFrame, code: int, within: int | None = None,
          since: pd.Timestamp = pd.NaT) -> int:
    """The days of range ``code``, or those it shares with range ``within``, from day
    ``since`` on when known."""
    first, last = _shared(spans, code, code if within is None else within)
    if pd.notna(since):
        first = max(first, since)
    return max((last - first).days + 1, 0)


def _shared(spans: pd.DataFrame, code: int, other: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day ranges ``code`` and ``other`` both hold (the first after the last
    when none)."""
    return (max(spans.at[code, "window_start"], spans.at[other, "window_start"]),
            min(spans.at[code, "window_end"], spans.at[other, "window_end"]))


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
        log.add(src, "snapshot_merged", f"{counted(n, 'video', 'videos')}: figures also in a "
                "newer export of the same date "
                "range; the newest snapshot was kept", level="info", rows=int(n))


def _note_set_aside(group: pd.DataFrame, video: pd.Series, codes: pd.Series, kept: list[int],
                    spans: pd.DataFrame, since: pd.Timestamp, notes: Counter) -> None:
    """Per file of a range set aside, naming the kept ranges it shares days with and their
    files (there is one: a range sharing none would have been kept): an info note when they
    hold all its days from the videos' publication (``since``) on, so that its figures add
    nothing, a warning when it has days they lack (those days' figures are in no kept
    export)."""
    rows = group.assign(_video=video.to_numpy(), _span=codes.to_numpy())
    for code in sorted(set(codes) - set(kept)):
        partners = [k for k in kept if _days(spans, code, k)]
        lived = sum(_days(spans, code, k, since) for k in partners)   # the kept share no day
        within = lived == _days(spans, code, since=since)
        kept_files = (rows[rows["_span"].isin(partners)].groupby("_video", sort=False)
                      ["source_file"].agg(" and ".join).rename("kept_files"))
        aside = rows[rows["_span"] == code].join(kept_files, on="_video")
        for (src, files), n in aside.groupby(["source_file", "kept_files"],
                                             sort=True).size().items():
            notes[(src, *_set_aside_text(code, partners, files, within, spans))] += int(n)


def _set_aside_text(code: int, partners: list[int], files: str, within: bool,
                    spans: pd.DataFrame) -> tuple[str, str, str]:
    """``(code, level, message after "<n> videos")`` of :func:`_note_set_aside`, true of one
    video as of several (:func:`_log_notes`)."""
    theirs = " and ".join(_range_text(spans, k) for k in partners)
    if within:
        return ("range_contained", "info", f": figures over {_range_text(spans, code)} are "
                f"within those over {theirs} in {files}, which were kept whatever the export "
                "times")
    both = ", ".join(_shared_text(spans, code, k) for k in partners)
    return ("ranges_overlap", "warning", f": figures over {_range_text(spans, code)} in this "
            f"file are also in {files} ({theirs}), both holding {both}: they cannot be "
            "added without counting the shared days twice, so those of the ranges that cover the "
            "most days without overlapping were kept and this file's set aside (export "
            "ranges that do not overlap, such as calendar months)")


def _shared_text(spans: pd.DataFrame, code: int, other: int) -> str:
    first, last = _shared(spans, code, other)
    return f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"


def _note_added(rows: pd.DataFrame, kept: list[int], spans: pd.DataFrame,
                notes: Counter) -> None:
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
        notes[(src, "ranges_added", "info", f": figures of {len(kept)} ranges added "
               f"({ranges}): counts, watch time and revenue summed; click-through rate, "
               "average view duration and percentage viewed recomputed as weighted means"
               f"{gap}{emptied}")] += int(n)


def _log_notes(notes: Counter, log: QualityLog) -> None:
    """The notes of the videos settled, one per file and text whatever the videos' groups
    (:func:`_videos_by_ranges`, by publication day too): ``notes`` counts the videos of each
    ``(file, code, level, text after "<n> videos")``: "1 video: figures …" (notes said "1
    videos' figures … are")."""
    for (src, code, level, text), n in notes.items():
        log.add(src, code, counted(n, "video", "videos") + text, level=level, rows=n)
