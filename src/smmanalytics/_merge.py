"""How a table's frames, one per export, become one table: the newest snapshot wins per key.

Called by :func:`smmanalytics.dataset.load` for each table (posts, daily, web, audience),
:func:`merge_table` goes in three steps:

1. the frames are conformed to the table's schema and concatenated (:func:`_concatenated`),
   with what each export's ``attrs`` say the merge needs: a snapshot only guessed from a
   file's time, ids a spreadsheet rounded, days a loader made unknown, the columns each
   export has;
2. the keys are decided (:func:`_keyed`), after the steps some exports need first: YouTube's
   date ranges combined (:mod:`smmanalytics._ranges`), posts whose ids a spreadsheet damaged
   keyed by their link or title and day, daily rows naming no account given the brand's
   (:mod:`smmanalytics._accounts`), daily files of unknown platform that are two series kept
   apart, unknown days filled from another export that knows them;
3. of the rows of one key the newest snapshot's are kept (:func:`_newest`), in the table's
   order (sorted by Arrow on a thread while the duplicates are found, the kept rows gathered
   once: :func:`_take`), what was dropped noted in the quality log (the same figures: an
   info; other figures of the same time: a warning; a guessed snapshot deciding: said), and
   figures a newer export lacks (a French X export without Bookmarks) taken from the older;
   posts a newer export of their days lacks noted (:mod:`smmanalytics._missing`).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import schema
from ._accounts import BrandAccount, KnownAccounts, account_key, current_names, ids_from_names
from ._io import file_name
from ._missing import note_missing_from_newer
from ._ranges import combine_ranges
from .loaders._arrow import arrow_text
from .loaders._snapshot import range_from_name
from .metrics import COMPONENTS, row_sum
from .quality import INTERACTIONS_RECOMPUTED, QualityLog, agree, counted, table_rows

__all__ = ["MERGE_KEYS", "merge_table"]


#: keys of each table: the newest snapshot wins among rows with the same key
MERGE_KEYS = {
    "posts": ("platform", "post_id"),
    # post_id: per-video daily rows (YouTube Chart data) are distinct series, not re-exports;
    # post_key: the video of a row whose id a spreadsheet damaged (its title and publish day)
    "daily": ("platform", "account_id", "post_id", "post_key", "date", "hour", "metric"),
    # property: two GA4 properties are two websites, whose rows of one key add up
    "web": ("date", "period_start", "period_end", "breakdown", "channel_group", "source",
            "medium", "campaign", "landing_page", "property"),
    "audience": ("platform", "account_id", "dimension", "category"),
}


def merge_table(table: str, frames: list[pd.DataFrame], log: QualityLog,
                guessed_met: set[str] | None = None,
                accounts: KnownAccounts | None = None) -> pd.DataFrame:
    """Concatenate a table's frames; the newest snapshot wins per key (ties: the later file,
    ``frames`` coming in :func:`~smmanalytics.loaders._folder.file_order` of their files; a
    tie whose rows differ is a warning, :func:`_note_tied`).

    A snapshot the export states (its content or name, or inferred from its days) wins over
    one only guessed from a file's modification time (``attrs["snapshot_guessed"]``), whichever
    is later: a copy of an older export renamed ``fb_octobre.csv`` has the time it was copied,
    and its figures replaced the newer export's. It does not where the guessed export is
    known to be newer: its latest post is later than the stated snapshot (:func:`_floor`), or,
    its times not telling, its posts' figures are as large or larger than the stated
    export's (:func:`_ranked_by_figures`). Between guessed snapshots, a latest post proves only
    that its export is no older than it: the later of each one's modification time and latest
    post wins, unless the figures tell otherwise (:func:`_ranked_among_guessed`).
    ``guessed_met`` receives the files whose guessed snapshot met another file's rows
    of the same key (which rows were kept then depended on the guess). ``accounts``: whose
    the brand's daily rows that name no account are (:func:`_daily_accounts`).

    In three steps (see the module's docstring): the frames concatenated
    (:func:`_concatenated`), the keys decided (:func:`_keyed`), the newest rows kept
    (:func:`_newest`).
    """
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty(table)
    parts = _concatenated(table, frames)
    del frames       # the parts share their data; one reference less to free after concat
    df, keys = _keyed(table, parts, log, accounts)
    out = _newest(table, df, keys, parts, log, guessed_met)
    if not parts.single:
        # one part was validated by loaders._finish.finish, and its rows in another order
        # break none of the rules; parts concatenated are checked together
        schema.validate(out, table)
    return out


@dataclass
class _Parts:
    """A table's frames concatenated (``df``), with what the merge reads of each frame's
    ``attrs`` row by row or part by part. ``df`` has ``_order`` (the part each row comes
    from, the last tie-breaker) when there are several parts, and ``_sure`` (a stated
    snapshot, not one guessed) when a part's snapshot was guessed."""

    df: pd.DataFrame
    single: bool                # one frame: nothing to tie, no column of one value added
    guessed: list[bool]         # each part's snapshot guessed from its file's time
    unreliable: np.ndarray      # rows whose ids a spreadsheet rounded (attrs["unreliable_ids"])
    made_unknown: np.ndarray    # daily rows a loader made unknown (:func:`_made_unknown`)
    by_sign: np.ndarray         # daily rows whose net or gross a loader read from their file's
                                # signs (attrs["net_by_sign"]: Meta's follows)
    carried: list               # the columns each export has (None: a frame made by hand)
    no_value: list[dict]        # each export's posts whose cell held no value (``#N/A``)
    cut: list[dict]             # each export's post whose row the file's cut-off left partial
    relative: dict[str, str]    # each daily export's name below the folder loaded, by file
    covers: dict                # the days each export covers, by file (attrs["covers"])
    grown: bool = False         # ``_grown`` ranks tied posts (:func:`_grown`)

    @property
    def tie(self) -> list[str]:
        if self.single:
            return []
        return ["_grown", "_order"] if self.grown else ["_order"]


def _concatenated(table: str, frames: list[pd.DataFrame]) -> _Parts:
    """The frames conformed (so that categories and dtypes agree) and concatenated."""
    guessed = [bool(f.attrs.get("snapshot_guessed")) for f in frames]
    floors = [f.attrs.get("snapshot_floor") for f in frames]
    ranged = [bool(f.attrs.get("snapshot_range_end")) for f in frames]
    ranged = ranged if table == "posts" and any(ranged) else []
    unreliable = [f["post_id"].isin(f.attrs["unreliable_ids"]).to_numpy(bool)
                  if f.attrs.get("unreliable_ids") and "post_id" in f.columns
                  else np.zeros(len(f), dtype=bool) for f in frames]
    made_unknown = ([_made_unknown(f) for f in frames] if table == "daily"
                    else [np.zeros(len(f), dtype=bool) for f in frames])
    by_sign = [np.full(len(f), bool(f.attrs.get("net_by_sign"))) for f in frames]
    carried = [f.attrs.get("carried") for f in frames]
    no_value = [f.attrs.get("no_value") or {} for f in frames]
    cut = [f.attrs.get("cut_off") or {} for f in frames]
    relative = {str(f["source_file"].iloc[0]): f.attrs["relative_name"] for f in frames
                if f.attrs.get("relative_name") and "source_file" in f.columns}
    covers = {str(f["source_file"].iloc[0]): f.attrs["covers"] for f in frames
              if "covers" in f.attrs and len(f) and "source_file" in f.columns}
    parts = [schema.conform(f, table) for f in frames]
    if "platform" in schema.TABLES[table]:
        _share_platforms(parts)
    # one part needs no ``_order`` (a column of one value orders nothing and would cost a
    # million-row array)
    single = len(parts) == 1
    if not single:
        for i, part in enumerate(parts):
            part["_order"] = i
            if any(guessed):      # a stated snapshot, known; an unknown one loses as before
                part["_sure"] = part["snapshot_at"].notna() & (not guessed[i])
                part["_floor"] = _floor(part["snapshot_at"], floors[i] if guessed[i] else None)
                part["_rank"] = part["_floor"] if guessed[i] else part["snapshot_at"]
            if ranged:
                part["_grown"] = _grown(part) if ranged[i] else np.nan
    df = parts[0] if single else pd.concat(parts, ignore_index=True)
    return _Parts(df=df, single=single, guessed=guessed, unreliable=np.concatenate(unreliable),
                  made_unknown=np.concatenate(made_unknown),
                  by_sign=np.concatenate(by_sign), carried=carried,
                  no_value=no_value, cut=cut, relative=relative, covers=covers,
                  grown=bool(ranged) and not single)


def _floor(snapshot: pd.Series, floor: pd.Timestamp | None) -> pd.Series:
    """A part's ``_floor``: where its snapshot is only guessed from the file's modification
    time (which a copy sets later), the publication of its latest post
    (``attrs["snapshot_floor"]``), the earliest it can have been made; else NaT. It is the
    ``_rank`` of a guessed export, the time from which it is known to be newer than a stated
    one: ``export (2).csv`` holding a post of 30 October is newer than an export of
    9 September, whatever its modification time says (it lost to it, and its figures went
    down from 120 to 100)."""
    return pd.Series(pd.NaT if floor is None else pd.Timestamp(floor), index=snapshot.index,
                     dtype=snapshot.dtype)


def _keyed(table: str, parts: _Parts, log: QualityLog, accounts: KnownAccounts | None
           ) -> tuple[pd.DataFrame, list[str]]:
    """The rows, with the steps of each table before newest-wins (each noting what it did),
    and the key newest-wins goes by.

    - posts: an account id a post lacks given from its names (:func:`ids_from_names`);
      figures of date ranges combined (YouTube, :func:`combine_ranges`; the rows it
      drops take their spreadsheet-rounded flag with them); posts whose ids a spreadsheet
      rounded (:func:`_key_unreliable_ids`) or damaged (:func:`_key_damaged_ids`) keyed
      otherwise (``_key``);
    - daily: rows naming no account given the brand's (:func:`_daily_accounts`), files of
      unknown platform that are two series kept apart (:func:`_unknown_series_apart`,
      ``_series``), a day a loader made unknown filled from another export that knows it
      (:func:`_known_elsewhere`); a follows series read as net in one file and gross in
      another read as net throughout (:func:`_follows_net_per_series`);
    - web: GA4 exports of several properties (websites) noted (:func:`_note_properties`):
      their rows of one key add up, the property being part of the key.
    """
    df, unreliable = parts.df, parts.unreliable
    parts.df = None              # one reference less: the steps below may copy it
    if table == "posts":
        df = ids_from_names(df, log)
    if accounts is not None and "account_id" in df.columns:
        df = current_names(table, df, accounts.declared, log)
    several = not parts.single
    if table == "posts" and several:
        if unreliable.any():
            df = df.assign(_unreliable=unreliable)
        df = combine_ranges(df, log)
        if "_unreliable" in df.columns:
            unreliable = df.pop("_unreliable").to_numpy(bool)
    if table == "daily" and several:
        brand = _several_accounts(df, accounts)
        df = _daily_accounts(df, log, accounts, brand, parts.relative)
        df = _unknown_series_apart(df, log, brand, parts.relative)
        if parts.by_sign.any():
            df = _follows_net_per_series(df, parts.by_sign, log, brand)
    if table == "web" and several:
        _note_properties(df, log)
    keys = [k for k in MERGE_KEYS[table] if k in df.columns]
    if "_series" in df.columns:
        keys.append("_series")
    if several and parts.made_unknown.any():
        df = _known_elsewhere(df, parts.made_unknown, keys, log)
    if table == "posts" and unreliable.any():
        df = _key_unreliable_ids(df, unreliable, log)
        keys = ["platform", "_key"]
    if table == "posts" and "post_key" in df.columns:
        df = _key_damaged_ids(df)
        keys = ["platform", "_key"]
    return df, keys


def _note_properties(df: pd.DataFrame, log: QualityLog) -> None:
    """Note, as an info, GA4 rows of several properties: a brand's two websites
    (maisonseve.fr and maisonseve.it), each exported from its own property, whose traffic
    is the brand's and is added up; the note names them, so that a property exported by
    mistake (another client's) is seen. The note is on the first file of the second
    property."""
    named = df[["property", "source_file"]].dropna(subset=["property"])
    properties = list(dict.fromkeys(named["property"]))
    if len(properties) < 2:
        return
    first = named.loc[named["property"] == properties[1], "source_file"].iloc[0]
    where = first if pd.notna(first) else "GA4"        # a frame made by hand names no file
    log.add(where, "ga4_properties",
            f"GA4 exports of {len(properties)} properties ({', '.join(properties)}): their "
            "traffic is added", level="info", rows=len(named))


#: the merge's own columns, none of them in its result
_WORK_COLUMNS = ("_order", "_key", "_sure", "_rank", "_floor", "_guess", "_series",
                 "_grown")


def _grown(posts: pd.DataFrame) -> pd.Series:
    """How far each of ``posts``' lifetime totals has grown, to rank two exports whose
    snapshot is the same range end (``attrs["snapshot_range_end"]``, no export time stated):
    the sum of its counts (:data:`~smmanalytics.schema.METRICS`). Lifetime counts only grow,
    so of one post the larger are the later export's: an X export of 1 to 31 October made in
    November said 1,000 impressions, the export of August to October made in December 5,000,
    and the first won as the later file name. Exports of a stated time (NaN here) lose such a
    tie."""
    counts = [c for c in schema.METRICS if c in posts.columns]
    return posts[counts].astype("Float64").fillna(0).sum(axis=1).astype("float64")


def _newest(table: str, df: pd.DataFrame, keys: list[str], parts: _Parts, log: QualityLog,
            guessed_met: set[str] | None) -> pd.DataFrame:
    """Of the rows of one key, the newest snapshot's (a stated snapshot over a guessed one,
    unless the guessed export's posts or figures prove it newer: :func:`_floor`,
    :func:`_ranked_by_figures`), in the table's order; what was dropped noted
    (:func:`_note_merged`), and, for posts, figures a newer export lacks taken from the older
    (:func:`_older_figures`) and posts a newer export of their days lacks noted
    (:func:`note_missing_from_newer`)."""
    tie = parts.tie
    snap = df["snapshot_at"]
    if not parts.single and any(parts.guessed):
        if table == "posts":
            df = _ranked_by_figures(df, keys, log)
        df = _ranked_among_guessed(df, keys, log, by_figures=table == "posts")
        df = df.sort_values(["_rank", "_sure", "_guess", "snapshot_at", *tie], kind="stable",
                            na_position="first")
    elif parts.grown or not (snap.notna().all() and snap.is_monotonic_increasing):
        df = df.sort_values(["snapshot_at", *tie], kind="stable", na_position="first")
    if table == "posts" and any(parts.cut):
        # before the sort: a publish time taken from an older export moves the row
        df = _completed_cut_rows(df, keys, parts, log)
    order = [c for c in schema.SORT_KEYS[table] if c in df.columns] + tie[-1:]    # _order
    # the rows' final order is sorted (by Arrow, without the GIL) while the duplicates are
    # found; the kept rows are then gathered once, in that order (a stable sort of all rows
    # restricted to the kept ones is the stable sort of the kept ones)
    with ThreadPoolExecutor(max_workers=1) as pool:
        sorting = pool.submit(_sort_order, df[order], order)
        if table == "posts":
            dup = df[keys[-1]].notna() & _duplicated_posts(df, keys)
            if not parts.single and dup.any():
                df = _older_figures(df, dup, keys, parts.carried, log, parts.no_value)
        else:
            dup = df.duplicated(subset=keys, keep="last")
        kept = df.drop(columns=[c for c in _WORK_COLUMNS if c in df.columns])
        # while the sort runs: which columns hold one value (sliced by _take, not gathered)
        constant = _constant_columns(kept)
        positions = sorting.result()
    if table == "posts" and not parts.single:
        note_missing_from_newer(df, ~dup.to_numpy(), keys[-1], log, parts.covers)
        if dup.any():
            _note_figures_dropped(df, dup, keys, log)
    if dup.any():
        met = _note_merged(df, dup, keys, table, log)
        if guessed_met is not None:
            guessed_met.update(met)
        positions = positions[~dup.to_numpy()[positions]]
    return schema.conform(_take(kept, positions, constant), table)


def _note_figures_dropped(df: pd.DataFrame, dup: pd.Series, keys: list[str],
                          log: QualityLog) -> None:
    """Note (``lifetime_figure_dropped``), per pair of dated exports, the posts whose kept
    lifetime figure (:data:`schema.METRICS`, counts that only grow) is smaller than an older
    export's: which post, which figure, from what to what, and both files. A platform that
    recounts (spam likes removed) or a misread cell does that, and the newer export's figure
    was kept with no word. Exports of a guessed time are left to their own notes
    (``snapshot_newer_by_figures``), and figures over a date range (YouTube's) are no
    lifetime figures."""
    cols = [c for c in schema.METRICS if c in df.columns]
    sure = df["_sure"].to_numpy(bool) if "_sure" in df.columns else np.ones(len(df), bool)
    dated = sure & df["snapshot_at"].notna().to_numpy(bool) & df[keys[-1]].notna().to_numpy()
    if "window_start" in df.columns:
        dated &= df["window_start"].isna().to_numpy(bool)
    old = dup.to_numpy(bool)
    if not cols or not (dated & old).any():
        return
    use = [*keys, "source_file", *cols]
    pairs = df.loc[dated & ~old, use].merge(df.loc[dated & old, use], on=keys,
                                            suffixes=("", "_old"))
    pairs = pairs[(pairs["source_file"] != pairs["source_file_old"]).to_numpy(bool)]
    drops = []
    for c in cols:
        new_, was = (pairs[f].to_numpy(dtype="float64", na_value=np.nan)
                     for f in (c, f"{c}_old"))
        at = np.flatnonzero(new_ < was)
        drops += [(i, pairs["source_file"].iloc[i], pairs["source_file_old"].iloc[i],
                   str(pairs[keys[-1]].iloc[i]), c, was[i], new_[i]) for i in at]
    # post by post, each post's figures in the table's order (the sort is stable)
    drops = [d[1:] for d in sorted(drops, key=lambda d: d[0])]
    by_files: dict[tuple[str, str], dict[str, list]] = {}
    for src, other, post, c, was, now in drops:
        by_files.setdefault((src, other), {}).setdefault(post, []).append((c, was, now))
    for (src, other), found in sorted(by_files.items()):
        posts = list(found)
        figures = sum(map(len, found.values()))
        log.add(src, "lifetime_figure_dropped", f"{counted(len(posts), 'post has', 'posts have')}"
                f" {agree(figures, 'a lifetime figure', 'lifetime figures')} smaller than in "
                f"the older export {file_name(other)} "
                f"({_dropped_figures(found)}): lifetime figures only grow, so the platform "
                "recounted them or a cell was misread; this newer export's figures were kept",
                rows=len(posts), posts=posts)


#: how many posts a ``lifetime_figure_dropped`` note names, with each figure that dropped
_DROPS_SHOWN = 5


def _dropped_figures(found: dict[str, list]) -> str:
    """Every figure that dropped, post by post, from what to what (``post A1: views 200 →
    160, reach 100 → 80``), the first :data:`_DROPS_SHOWN` posts and how many more: the note
    named the first figure alone, and a recount of reach hid behind one of views."""
    shown = "; ".join(f"post {post}: " + ", ".join(f"{c} {was:,.0f} → {now:,.0f}"
                                                 for c, was, now in figures)
                      for post, figures in list(found.items())[:_DROPS_SHOWN])
    more = len(found) - _DROPS_SHOWN
    return shown + (f"; and {counted(more, 'post', 'posts')} more" if more > 0 else "")


def _ranked_by_figures(df: pd.DataFrame, keys: list[str], log: QualityLog) -> pd.DataFrame:
    """``df`` with the ``_rank`` of an export of a guessed snapshot raised just above a stated
    export's when their times do not tell which is newer (the stated time between its latest
    post and its modification time) and its figures do: each post both hold has counts as
    large or larger in it, and some larger, as lifetime counts only grow (noted,
    ``snapshot_newer_by_figures``). October's posts exported on 15 November and saved as
    ``Insights_2026-10-01.csv``, a date its posts disprove, lost to the export of 2 November:
    October's reach went from 69,458 down to 68,039. Figures some larger and some smaller do
    not tell: the stated export's are kept, and that is said (``snapshot_unordered``)."""
    sure = df["_sure"].to_numpy(bool)
    guessed = ~sure & df["snapshot_at"].notna().to_numpy()
    if not guessed.any() or not sure.any():
        return df
    cols = [*keys, "source_file", "snapshot_at", "_rank"]
    pairs = (df.loc[guessed, cols].dropna(subset=keys).reset_index(names="_row")
             .merge(df.loc[sure, cols].dropna(subset=keys).reset_index(names="_row"),
                    on=keys, suffixes=("", "_s")))
    undecided = ((pairs["_rank"].isna() | (pairs["_rank"] <= pairs["snapshot_at_s"]))
                 & (pairs["snapshot_at"] >= pairs["snapshot_at_s"]))
    pairs = pairs[undecided.to_numpy(bool)]
    if pairs.empty:
        return df
    pairs = _sides(df, pairs, "_row_s")
    groups = pairs.groupby(["source_file", "source_file_s", "snapshot_at_s"], sort=True,
                           observed=True).agg(n=("larger", "size"), larger=("larger", "any"),
                                              smaller=("smaller", "any"))
    newer: dict[str, pd.Timestamp] = {}
    for (src, other, other_at), n, larger, smaller in groups.itertuples(name=None):
        known = (f"{table_rows('posts', n)} also in {file_name(other)}, exported "
                 f"{other_at:%Y-%m-%d %H:%M} UTC; this file's export time is not known")
        if larger and not smaller:
            newer[src] = max(other_at, newer.get(src, other_at))
            log.add(src, "snapshot_newer_by_figures", f"{known}, but its figures are as large "
                    "or larger for each of them, and lifetime figures only grow: its figures "
                    "were kept", level="info", rows=n)
        elif larger:
            log.add(src, "snapshot_unordered", f"{known}, and their figures do not tell which "
                    f"export is newer (some larger, some smaller): {file_name(other)}'s were "
                    "kept, its time being stated", rows=n)
    return df.assign(_rank=_raised_ranks(df, newer))


def _raised_ranks(df: pd.DataFrame, newer: dict[str, pd.Timestamp]) -> pd.Series:
    """``df``'s ``_rank`` with each export of ``newer`` (its file name) ranked just above the
    latest stated export it is proven newer than, where it is not above it already. Raising a
    rank to each of several times in turn raises it to the latest of them; one pass a file and
    its rows found once (a scan of every row for each pair of exports had cost 8 s of 66 on
    500 small exports of the same posts)."""
    rank = df["_rank"].copy()
    if not newer:
        return rank
    codes, files = pd.factorize(df["source_file"])
    files = pd.Index(files)
    for src, other_at in newer.items():
        mine = codes == files.get_loc(src)
        rank[mine] = rank[mine].where(rank[mine] > other_at, other_at + pd.Timedelta(1))
    return rank


def _ranked_among_guessed(df: pd.DataFrame, keys: list[str], log: QualityLog,
                          by_figures: bool) -> pd.DataFrame:
    """``df`` with each guessed export's ``_guess``, its time as far as it is known: the later
    of its modification time and its latest post (``_floor``: it cannot be older than that
    post), and its ``_rank`` raised to that of any guessed export of an earlier ``_guess``.

    A latest post orders an export against a stated time, not against another guess: between
    ``export.csv`` (posts of September and October, modified 1 November) and ``export (2).csv``
    (September's, modified 20 November, with larger figures), the first won by its post of
    30 October, and a September post's reach went from 140 down to 100. Exports are now
    ordered by ``_guess``, or, ``by_figures`` and their times not telling
    (:func:`_newer_by_figures_than_guessed`), by their posts' figures; the ranks follow that
    order, so that one export newer than another is newer than what that one is proven newer
    than (a stated export its latest post or its figures beat)."""
    guessed = (~df["_sure"] & df["snapshot_at"].notna()).to_numpy(bool)
    floor, at = df["_floor"], df["snapshot_at"]
    guess = at.where(~(floor > at), floor).where(guessed)
    if by_figures and guessed.sum() > 1:
        guess = _newer_by_figures_than_guessed(df.assign(_guess=guess), keys, log)
    df = df.assign(_guess=guess)
    if guessed.sum() < 2:
        return df
    rows = df.loc[guessed].sort_values(["_guess", "snapshot_at", "_order"], kind="stable")
    rank = df["_rank"].copy()
    rank[rows.index] = rows["_rank"].cummax().ffill()
    return df.assign(_rank=rank)


def _newer_by_figures_than_guessed(df: pd.DataFrame, keys: list[str], log: QualityLog
                                   ) -> pd.Series:
    """The ``_guess`` of ``df``'s guessed exports, that of one raised just above another's
    when their times do not tell which is newer (neither's latest post is later than the
    other's ``_guess``) and its figures do (each post both hold has counts as large or
    larger in it, some larger, as in :func:`_ranked_by_figures`): a copy of an older export
    made later has the later modification time, not the larger figures. Noted
    (``snapshot_newer_by_figures``)."""
    cols = [*keys, "source_file", "snapshot_at", "_floor", "_guess"]
    rows = df.loc[df["_guess"].notna(), cols].dropna(subset=keys).reset_index(names="_row")
    pairs = rows.merge(rows, on=keys, suffixes=("", "_o"))
    undecided = ((pairs["source_file"] != pairs["source_file_o"])
                 & (pairs["_guess"] <= pairs["_guess_o"])
                 & ~(pairs["_floor"] > pairs["_guess_o"]) & ~(pairs["_floor_o"] > pairs["_guess"]))
    pairs = pairs[undecided.to_numpy(bool)]
    guess = df["_guess"].copy()
    if pairs.empty:
        return guess
    pairs = _sides(df, pairs, "_row_o")
    for (src, other, at, other_at), p in pairs.groupby(
            ["source_file", "source_file_o", "snapshot_at", "snapshot_at_o"], sort=True,
            observed=True):
        if not p["larger"].any() or p["smaller"].any():
            continue
        mine = (df["source_file"] == src).to_numpy(bool)
        above = p["_guess_o"].max() + pd.Timedelta(1)
        guess[mine] = guess[mine].where(guess[mine] > above, above)
        log.add(src, "snapshot_newer_by_figures", f"{table_rows('posts', len(p))} also in "
                f"{file_name(other)}; neither file says when it was exported (modified "
                f"{other_at:%Y-%m-%d %H:%M} UTC, this file {at:%Y-%m-%d %H:%M} UTC), but this "
                "file's figures are as large or larger for each of them, and lifetime figures "
                "only grow: its figures were kept", level="info", rows=len(p))
    return guess


def _made_unknown(frame: pd.DataFrame) -> np.ndarray:
    """Which rows of a daily ``frame`` its loader left unknown for want of what another
    export may have (``attrs["unknown_made"]``, (metric, day) pairs: the first day of
    TikTok's FollowerHistory, whose difference needs the day before), row by row."""
    made = np.zeros(len(frame), dtype=bool)
    for metric, day in frame.attrs.get("unknown_made") or ():
        made |= ((frame["metric"] == metric) & (frame["date"] == day)
                 & frame["value"].isna()).to_numpy(dtype=bool, na_value=False)
    return made


def _follows_net_per_series(df: pd.DataFrame, by_sign: np.ndarray, log: QualityLog,
                            several: dict[str, list[BrandAccount]] | None = None
                            ) -> pd.DataFrame:
    """``df`` (daily rows of several files) with the ``follows`` rows of a series whose other
    files are ``net_follows`` made ``net_follows``, noted per file (``follows_are_net``).

    Meta's follows chart does not say whether it is new follows or their net change
    ("Instagram follows", reference §1.2, §2.1), and its loader reads it as net when the file
    has a day below 0 (``by_sign``: its rows). One file has no such day more often than a
    year does: Instagram's follows of September 2025 to October 2026 cut in two at August
    were net in one half and gross in the other, and the third quarter's net change went from
    1,893 to 655, known on 30 of 92 days. A series is one platform and account: one day below
    0 in any of its files makes all of them net, so that the same rows are read alike however
    the exports were cut. A series with no day below 0 in any file stays gross, and its net
    change unknown (``followers_net_unknown``).

    Only files provably of one series follow one another: of a named platform, and of one
    named account or, naming none, of a platform on which the brand has one account (not
    ``several``, :func:`_several_accounts`). A brand's two Instagram accounts' follows files,
    naming neither, one with days below 0: the other's 16,734 new follows were read as a net
    change, and then, sharing every key, replaced the first's (its net change, 468, lost).
    Files of no platform, or naming no account of such a platform, keep their own reading
    (:func:`_unknown_series_apart` tells whether they are one series)."""
    follows = df["metric"].isin(["follows", "net_follows"]).to_numpy(bool, na_value=False)
    platform = df["platform"].astype("string")
    named = (platform.notna() & (schema.column_or(df, "account_id").notna()
                                 | ~platform.isin(list(several or {})))).to_numpy(bool)
    mine = by_sign & follows & named
    series = [c for c in ("platform", "account_id") if c in df.columns]
    rows = df.iloc[np.flatnonzero(mine)]
    net = rows.loc[rows["metric"] == "net_follows", series].drop_duplicates()
    if net.empty:
        return df
    gross = rows.loc[rows["metric"] == "follows", series].reset_index(names="_row")
    turned = gross.merge(net, on=series)     # NA keys match NA: an account none names
    if turned.empty:
        return df
    turned["source_file"] = df["source_file"].to_numpy()[turned["_row"]]
    for src, g in turned.groupby("source_file", sort=True):
        rows = counted(len(g), "follows row", "follows rows")
        log.add(src, "follows_are_net", f"{rows}, with no day below 0 in this file, "
                f"{agree(len(g), 'was', 'were')} read as the net change of the day "
                "(follows − "
                "unfollows), as the other files of the same series, which have days below 0",
                level="info", rows=len(g))
    metric = df["metric"].copy()
    metric.iloc[turned["_row"].to_numpy()] = "net_follows"
    return df.assign(metric=metric)


def _known_elsewhere(df: pd.DataFrame, made: np.ndarray, keys: list[str],
                     log: QualityLog) -> pd.DataFrame:
    """``df`` (daily rows of several files) without the rows ``made`` unknown by their loader
    whose key another file gives a figure for, noted per file and file that knows
    (``unknown_known_elsewhere``). The newest export wins per key, and the 20 September of a
    FollowerHistory starting that day (its difference left unknown: no day before in the
    file) replaced the +5 of an older export covering all September: the month summed 140
    with the day counted as 0, where 145 was known."""
    rows = np.flatnonzero(made)
    metrics = df["metric"].iloc[rows].unique()
    known = (~made & df["value"].notna().to_numpy(dtype=bool, na_value=False)
             & df["metric"].isin(metrics).to_numpy(dtype=bool, na_value=False))
    if not known.any():
        return df
    # the known rows, the last of a key (the newest, once sorted) naming the file that knows it
    by = df.iloc[np.flatnonzero(known)].sort_values("snapshot_at", kind="stable",
                                                     na_position="first")
    knowing = by.drop_duplicates(subset=keys, keep="last")[[*keys, "source_file"]]
    pairs = (df.iloc[rows][[*keys, "source_file"]].reset_index(names="_row")
             .merge(knowing, on=keys, suffixes=("", "_known")))
    if pairs.empty:
        return df
    for (src, other), g in pairs.groupby(["source_file", "source_file_known"], sort=True,
                                         observed=True):
        days = ", ".join(sorted(f"{d:%Y-%m-%d}" for d in g["date"]))
        rows = counted(len(g), "daily row", "daily rows")
        log.add(src, "unknown_known_elsewhere", f"{rows} this file cannot tell (its first "
                f"day's difference, with no day before it in the file: {days}) "
                f"{agree(len(g), 'is', 'are')} known in {other}, whose figures were kept",
                level="info",
                rows=len(g))
    return df.drop(index=pairs["_row"].to_numpy())


def _key_unreliable_ids(df: pd.DataFrame, unreliable: np.ndarray,
                       log: QualityLog) -> pd.DataFrame:
    """``df`` with a ``_key`` column that matches posts as the merge should: the post id,
    except where a spreadsheet rounded it (``unreliable``), so that different posts share it.

    Such a post gets its id back from a post of another export with the same link (its query
    and last slash aside) and a reliable id (noted); one without is matched by its link alone,
    and one without a link by nothing (it is kept: merging it with the posts its rounded id
    stands for would lose them).
    """
    link = schema.column_or(df, "permalink", dtype="string").astype("string")
    # a link as it names the post: without its query, fragment and last slash, which differ
    # between exports of the same post ("…/p/ABC/?igsh=…", "…/p/ABC")
    link = link.str.replace(r"[?#].*$", "", regex=True).str.rstrip("/").replace("", pd.NA)
    platform = df["platform"].astype("string")
    reliable = ~unreliable & df["post_id"].notna().to_numpy() & link.notna().to_numpy()
    known = pd.Series(df["post_id"].to_numpy()[reliable],
                      index=pd.MultiIndex.from_arrays([platform[reliable], link[reliable]]))
    known = known[~known.index.duplicated(keep="last")]
    rows = np.flatnonzero(unreliable)
    found = known.reindex(pd.MultiIndex.from_arrays([platform.iloc[rows], link.iloc[rows]]))
    mended = found.notna().to_numpy()
    out = df.copy(deep=False)
    if mended.any():
        ids = out["post_id"].copy()
        ids.iloc[rows[mended]] = found.to_numpy()[mended]
        out["post_id"] = ids
        for src, n in out["source_file"].iloc[rows[mended]].value_counts(sort=False).items():
            log.add(src, "post_id_from_other_export", f"{counted(n, 'post id', 'post ids')} a "
                    "spreadsheet rounded came back whole from another export with the same "
                    "link",
                    level="info", rows=int(n))
    key = out["post_id"].astype("string")
    left = rows[~mended]
    by_link = "link " + link.iloc[left].astype("string")
    key.iloc[left] = by_link.fillna("row " + pd.Series(left.astype(str), index=by_link.index))
    out["_key"] = key
    return out


def _key_damaged_ids(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` without its ``post_key`` column and with a ``_key`` column that matches a post
    without an id by it, within its account: a loader's key for a post whose id a spreadsheet
    damaged (YouTube's ``#NAME?``: the video's title and publish day, given where they are
    unique in its file). Two exports of a channel's table listing the same such videos
    counted them twice. Posts without either stay matched with none."""
    key = df["_key"] if "_key" in df.columns else df["post_id"].astype("string")
    named = key.isna() & df["post_key"].notna()
    account = schema.column_or(df, "account_id", dtype="string").astype("string").fillna("")
    out = df.drop(columns="post_key")
    out["_key"] = key.mask(named, "video " + account + " " + df["post_key"].astype("string"))
    return out


def _several_accounts(df: pd.DataFrame, known: KnownAccounts | None
                      ) -> dict[str, list[BrandAccount]]:
    """The platforms of ``df``'s daily rows naming no account on which the brand has several
    accounts (brand.yaml declares them, or its posts name them), each with its accounts:
    whose such a row is cannot be told from its figures (Meta's daily charts name none), and
    two of its files are no snapshots of one series for sharing their days."""
    if known is None or "account_id" not in df.columns:
        return {}
    missing = df["account_id"].isna().to_numpy(bool)
    platforms = df["platform"].astype("string")[missing].dropna().unique()
    return {p: mine for p in sorted(platforms) if len(mine := known.accounts(p)) > 1}


def _named_account(relative: str, accounts: list[BrandAccount]) -> BrandAccount | None:
    """The account of ``accounts`` that a file's name below the folder loaded (``relative``)
    names: the nearest part of it (the file's name, then its folders, inner first) that
    holds one of an account's names (:func:`account_key`: ``instagram_follows_maisonseve.shop
    _2026-10.csv``, ``maisonseve.shop/Follows.csv``); of names inside one another (the
    handles ``maisonseve`` and ``maisonseve.shop``), the longest. None when no part names
    one, or the nearest names two accounts alike."""
    for part in reversed(re.split(r"[/\\!]", relative)):
        text = account_key(part) or ""
        hits = [(len(k), a) for a in accounts for k in a.keys if k in text]
        if hits:
            longest = max(n for n, _ in hits)
            found = {a for n, a in hits if n == longest}
            return found.pop() if len(found) == 1 else None
    return None


def _accounts_from_names(df: pd.DataFrame, account: pd.Series,
                         several: dict[str, list[BrandAccount]], relative: dict[str, str],
                         log: QualityLog) -> pd.Series:
    """``account`` (``df``'s account ids) with those of the rows naming no account of a
    platform of ``several`` given the account their file's name or folder names
    (:func:`_named_account`; ``relative``: each file's name below the folder loaded),
    noted per file (``account_from_file_name``, an info)."""
    platform = df["platform"].astype("string")
    rows = (account.isna() & platform.isin(list(several))).to_numpy(bool)
    out = account
    for (src, plat), n in (df.loc[rows].groupby(["source_file", platform[rows]], sort=True,
                                                observed=True).size().items()):
        mine = _named_account(relative.get(src, ""), several[plat])
        if mine is None:
            continue
        if out is account:
            out = account.copy()
        out[rows & df["source_file"].eq(src).to_numpy(bool)] = mine.id
        log.add(src, "account_from_file_name", f"{n} {plat} daily rows name no account; "
                f"taken as {mine.name}'s, which the file's name or folder names",
                level="info", rows=int(n))
    return out


def _daily_accounts(df: pd.DataFrame, log: QualityLog,
                    known: KnownAccounts | None = None,
                    several: dict[str, list[BrandAccount]] | None = None,
                    relative: dict[str, str] | None = None) -> pd.DataFrame:
    """``df`` (daily rows of several files) with the account of a platform's rows that name
    none when the platform's other rows name exactly one, and nothing says the brand's rows
    are another's: X's overview export names no account, its by-day export the handle in its
    file name (two accounts' by-day files stay two series); the same days of the one account
    were kept twice, added up (impressions of 10–11 February 2020: 3684 instead of 1834),
    instead of the newest export winning.

    What says whose the brand's rows are is ``known``: the account brand.yaml declares for
    the platform, else those its posts name (:meth:`KnownAccounts.owners`). Another
    account's by-day file beside the brand's overview made the overview that account's, and
    brand.yaml's filter then left out the brand's whole X series (5,964 rows; October's net
    new followers −67 instead of −150): rows naming no account are not given an account
    other than the brand's.

    Rows without an account on a platform whose rows name several stay apart: whose they are
    is unknown. The three cases are noted, per file: ``account_assigned`` (info),
    ``account_not_assigned`` (info: kept as the brand's, the other account's rows apart) and
    ``account_unknown`` (a warning: the platform's totals may count their days twice).

    On a platform where the brand has ``several`` accounts (:func:`_several_accounts`) the
    one account the other files name says nothing of a file's: its rows are given the
    account its name or folder names (:func:`_accounts_from_names`, ``relative``: each
    file's name below the folder loaded), else none (:func:`_unknown_series_apart` keeps
    such files apart). Meta's daily charts name no account: a shop account's follows file
    was taken for a newer export of the main account's, whose October (+349) was dropped.
    """
    if "account_id" not in df.columns:
        return df
    account = df["account_id"].astype("string")
    if not account.isna().any():
        return df
    several = several or {}
    filled = (_accounts_from_names(df, account, several, relative or {}, log) if several
              else account.copy())
    missing = filled.isna().to_numpy()
    platform = df["platform"].astype("string")
    named = filled[~missing].groupby(platform[~missing], sort=True).unique()
    for plat, names in named.items():
        rows = missing & (platform == plat).fillna(False).to_numpy()
        if not rows.any() or plat in several:
            continue
        files = df["source_file"][rows].value_counts(sort=False).sort_index()
        if len(names) > 1:
            _note_accounts(files, "account_unknown", f"{plat} daily rows name no account, "
                           "while the platform's other files name several "
                           f"({', '.join(sorted(names))}): kept apart, as a series of no "
                           "account; the platform's totals may count these days twice",
                           log, level="warning")
            continue
        owners, said = (({}, "") if known is None else
                        known.owners(plat, {k for n in names if (k := account_key(n))}))
        if owners and account_key(names[0]) not in owners:
            _note_accounts(files, "account_not_assigned", f"{plat} daily rows name no "
                           f"account, and the platform's other daily files name only "
                           f"{names[0]}, while {said} {', '.join(sorted(set(owners.values())))}: "
                           "kept apart, as the brand's series, not given to that account",
                           log, level="info")
            continue
        filled[rows] = names[0]
        _note_accounts(files, "account_assigned", f"{plat} daily rows name no account; taken "
                       f"as {names[0]}'s, the one account the platform's other files name",
                       log, level="info")
    if filled.equals(account):
        return df
    out = df.copy(deep=False)
    out["account_id"] = filled
    return out


def _unknown_series_apart(df: pd.DataFrame, log: QualityLog,
                          several: dict[str, list[BrandAccount]] | None = None,
                          relative: dict[str, str] | None = None) -> pd.DataFrame:
    """``df`` (daily rows of several files) with a ``_series`` column, the merge's last key,
    that keeps apart the files of rows naming neither platform nor account which are not
    exports of one series, noted per file (``unknown_series_apart``); ``df`` itself when
    there are none.

    Meta's daily charts of one title ("Views") are Facebook's and Instagram's alike: saved as
    ``Views.csv`` and ``Views (1).csv``, neither says whose it is, their rows share every key,
    and the merge kept the second file's 12 days in place of the first's, the other
    platform's figures lost. Two such files that share days are two exports of one series
    (:func:`_one_series`) when at least half the shared days that tell anything give the
    same figure, the days 0 (or missing) in both telling nothing: the same chart downloaded
    twice, a re-export of the same first day (month to date) or of a later one (the last 28
    days, weekly), revised only on its last days.

    Otherwise they are two series: Facebook's and Instagram's charts of one title, exported
    together over the same days, differ on nearly every day either gives a figure, sparse
    ones (a few link clicks) too, however many days are 0 on both. Exported over staggered
    ranges (Instagram's of September to June, Facebook's of March to October), they were
    taken for a re-export, the later one's figures replacing the earlier's on the days they
    share (122 of the sample's Instagram views replaced by Facebook's, noted as a newer
    snapshot): nothing tells them from a re-export revised on every day it shares, so a
    figure is replaced only where the figures say it is one series. Each is then kept under
    its own file, no figure replacing the other's, both noted (the note says which starts
    later: a re-export of them, if one, counts its shared days twice in no platform's
    figures); their platform stays unknown, so they count in no platform's figures, as
    before. A file found one series with any file of a series joins it (a chain of
    re-exports stays one series). Identical files are read once already
    (:func:`~smmanalytics.dataset.load`), and never get here twice.

    So are the files of rows naming no account of a platform on which the brand has
    ``several`` accounts (:func:`_several_accounts`), each paired only with its platform's:
    two Instagram accounts' follows files, neither named after its account, are no
    re-export of one another, and the second replaced the first's October (+349 follows)
    with an info note. Kept apart, both count in the platform's figures (the accounts'
    sum, if they are two accounts' charts), and a warning names both files
    (``account_series_apart``): which account each is cannot be told.

    A warning names the other file as the quality log shows it: by its name below the folder
    loaded (``relative``, each file's), else its name; its absolute path, the user's own
    folders above the brand's, said where the rest of the log names a file by that name.
    """
    platform = df["platform"].astype("string")
    unknown = ((platform.isna() | platform.isin(list(several or {})))
               & schema.column_or(df, "account_id").isna()).to_numpy(bool)
    if unknown.sum() < 2:
        return df
    keys = [k for k in MERGE_KEYS["daily"] if k in df.columns and k not in
            ("platform", "account_id")]
    keys.append("_platform")             # each file paired with its own platform's only
    rows = (df.loc[unknown, [*keys[:-1], "value", "source_file"]]
            .assign(source_file=lambda d: d["source_file"].astype("string"),
                    metric=lambda d: _chart(d["metric"]),
                    _platform=platform[unknown].fillna(""))
            .drop_duplicates(subset=[*keys, "source_file"], keep="last"))
    if rows["source_file"].nunique() < 2:
        return df
    pairs = rows.merge(rows, on=keys, suffixes=("", "_other"))
    pairs = pairs[(pairs["source_file"] < pairs["source_file_other"]).fillna(False)]
    if pairs.empty:
        return df
    shared = _shared_days(pairs)
    alike = _one_series(shared)
    spans = rows.groupby("source_file")["date"].agg(["min", "max"])
    if alike.all():
        return df
    series = {f: f for f in rows["source_file"].unique()}

    def root(f: str) -> str:
        while series[f] != f:
            f = series[f]
        return f

    for first, second in shared.index[alike.to_numpy()]:   # name order: the first names it
        series[root(second)] = root(first)
    platforms = rows.groupby("source_file")["_platform"].first()
    metrics = rows.groupby("source_file")["metric"].first().astype(str)
    for (first, second), (n, differ, quiet) in shared[~alike].iterrows():
        silent = f" ({quiet} of them 0 in both, which tells nothing)" if quiet else ""
        staggered = _staggered(spans, first, second)
        shown = {f: (relative or {}).get(f) or file_name(f) for f in (first, second)}
        if plat := platforms[first]:
            _note_accounts_apart((first, second), plat, metrics,
                                 (n, differ, silent + staggered), several[plat], log, shown)
            continue
        for src, other in ((first, second), (second, first)):
            rows = "1 daily row of no platform nor account shares its day" if n == 1 else (
                f"{n} daily rows of no platform nor account share their days")
            log.add(src, "unknown_series_apart", f"{rows} with {shown[other]}'s, which gives "
                    f"other figures on {differ} of them{silent}: kept apart, as two series of "
                    "unknown platform (Facebook's and Instagram's charts of one title, say), "
                    "not two exports of one (which give the same figure on at least half "
                    f"the shared days not 0 in both){staggered}; neither is counted in a "
                    "platform's figures: a facebook/ or instagram/ folder, or the platform's "
                    "name in the file's, says whose each is", rows=int(n))
    out = df.copy(deep=False)
    out["_series"] = pd.Series(pd.NA, index=df.index, dtype="string")
    mine = df["source_file"].astype("string")[unknown]
    out.loc[unknown, "_series"] = mine.map(root).astype("string")
    return out


def _chart(metric: pd.Series) -> pd.Series:
    """The chart each daily row's ``metric`` comes from: Meta's follows chart is read as
    ``follows`` or ``net_follows`` by its file's signs (:func:`_follows_net_per_series`), and
    a net file and a gross one are compared as two files of that one chart, not left unpaired
    as two metrics."""
    return metric.astype("string").replace({"net_follows": "follows"})


def _note_accounts_apart(files: tuple[str, str], platform: str, metrics: pd.Series,
                         shared: tuple[int, int, str], accounts: list[BrandAccount],
                         log: QualityLog, shown: dict[str, str]) -> None:
    """Warn, on both ``files``, that two daily files of a ``platform`` of the brand's
    several ``accounts``, naming none, were kept apart (:func:`_unknown_series_apart`): the
    days they share, how many give other figures and what else was seen (``shared``), that
    whose each is cannot be told, and how to name the files so that it can: an example
    name of the file's own series (``metrics``, per file), "instagram_reach_<handle>_….csv"
    for a reach chart, which a follows example only puzzled. ``shown``: each file's name as
    the quality log shows it."""
    n, differ, seen = shared
    names = ", ".join(a.name for a in accounts)
    example = max(accounts, key=lambda a: len(a.name)).name.lstrip("@")
    first, second = files
    for src, other in ((first, second), (second, first)):
        log.add(src, "account_series_apart", f"{n} {platform} daily rows naming no account "
                f"share their days with {shown[other]}'s, which gives other figures on {differ} of "
                f"them{seen}: the brand has {len(accounts)} {platform} accounts ({names}), "
                "and neither file says whose it is; kept apart as two series, both counted "
                f"in {platform}'s figures (right if they are two accounts' charts, twice if "
                "one is a re-export of the other), in no account's; per account the figures "
                "cannot be told apart: name each file, or its folder, after its account "
                f"(its handle or id: {platform}_{metrics[src]}_{example}_….csv, or "
                f"{example}/)",
                rows=int(n))


def _shared_days(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per pair of files (``source_file``, ``source_file_other``, their rows of one key side
    by side): the rows they share (``size``), how many give other figures (``differ``) and
    how many are 0 or missing in both (``quiet``: a sparse chart's empty days, which say
    nothing of whose the chart is)."""
    a = pairs["value"].to_numpy(dtype="float64", na_value=np.nan)
    b = pairs["value_other"].to_numpy(dtype="float64", na_value=np.nan)
    nothing_a, nothing_b = np.isnan(a) | (a == 0), np.isnan(b) | (b == 0)
    quiet = nothing_a & nothing_b
    return (pairs.assign(differ=~quiet & (a != b), quiet=quiet)
            .groupby(["source_file", "source_file_other"], sort=True)
            .agg(size=("differ", "size"), differ=("differ", "sum"), quiet=("quiet", "sum")))


def _one_series(shared: pd.DataFrame) -> pd.Series:
    """Which pairs of files of :func:`_shared_days` are exports of one series (a bool per
    pair): at least half the days they share that are not 0 in both give the same figure
    (none such: nothing tells them apart, and their figures are the same). Where they start
    and end says nothing (:func:`_unknown_series_apart`)."""
    telling = shared["size"] - shared["quiet"]
    return shared["differ"] * 2 <= telling


def _staggered(spans: pd.DataFrame, first: str, second: str) -> str:
    """What the note of two files kept apart says of their ranges, ``spans`` each file's
    first and last day (``min``, ``max``): when one starts and ends later, that it may be
    the other's re-export, revised on more than half the days they share; else nothing."""
    (a0, a1), (b0, b1) = spans.loc[first], spans.loc[second]
    if not ((a0 < b0 and a1 < b1) or (b0 < a0 and b1 < a1)):
        return ""
    later = second if b0 > a0 else first
    return (f"; {file_name(later)} starts and ends later, as a re-export would, but a "
            "re-export revising more than half the days it shares is taken for the other "
            "platform's chart, not merged on a guess")


def _note_accounts(files: pd.Series, code: str, message: str, log: QualityLog,
                   level: str) -> None:
    """One note per file of ``files`` (its rows counted), its count before ``message``."""
    for src, n in files.items():
        log.add(src, code, f"{n} {message}", level=level, rows=int(n))


def _note_merged(df: pd.DataFrame, dup: pd.Series, keys: list[str], table: str,
                 log: QualityLog) -> set[str]:
    """Record the rows the merge drops, per file: a row whose key comes again later in the
    same file (the later row kept: nothing tells which is right), and one that a newer export
    holds too (its newest snapshot kept), or an export whose snapshot is known when this
    file's was guessed (:func:`_note_guessed_merged`). Returns the files of a guessed snapshot
    whose rows met another file's."""
    in_file = dup & df.duplicated(subset=[*keys, "source_file"], keep="last")
    for src, n in df.loc[in_file].groupby("source_file", sort=True).size().items():
        come = f"{table_rows(table, n)} {agree(n, 'comes', 'come')}"
        log.add(src, "repeated_in_file", f"{come} twice or more in this file under the same "
                "key; the last of them was kept", rows=int(n))
    newer = dup & ~in_file
    met: set[str] = set()
    if "_sure" in df.columns and newer.any():
        by_guess, met = _note_guessed_merged(df, newer, keys, table, log)
        newer &= ~by_guess
    if newer.any():
        newer &= ~_note_tied(df, dup, newer, keys, table, log)
    for src, n in df.loc[newer].groupby("source_file", sort=True).size().items():
        log.add(src, "snapshot_merged", f"{table_rows(table, n)} also in a "
                "newer export; the newest snapshot was kept", level="info", rows=int(n))
    return met


#: columns that say where a row comes from, not what it says (the merge's ``_order`` a number
#: among them): two exports of the same time that differ only in these agree
_PROVENANCE = ("snapshot_at", "source_file", "source_format", "source_locale", "_order",
               "_sure", "_rank", "_floor", "_guess", "_key", "_series", "_grown")

#: figures that are sums of others, with the parts an export may lack (their columns absent
#: from it): the interactions (:data:`~smmanalytics.metrics.COMPONENTS`) and X's shares,
#: reposts + direct shares (``loaders.x``). A sum over fewer parts is no other figure: X's
#: French export has no Shares nor Bookmarks, and says shares 7 (the reposts) and
#: interactions 52 where the English export of the same time says 8 and 56
_X_SHARES = ("reposts", "shares_direct")
_SUMS = {"shares": _X_SHARES, "interactions": (*COMPONENTS, *_X_SHARES)}


def _completed_cut_rows(df: pd.DataFrame, keys: list[str], parts: _Parts, log: QualityLog
                        ) -> pd.DataFrame:
    """``df`` (posts, oldest export first) with the cells a file's cut-off lost on its last
    row (each part's ``attrs["cut_off"]``: the post, its line, the fields lost) taken from the
    newest older export of the post that has them, the sums over them recomputed
    (:func:`_resum`), noted (``cut_row_completed``); a cut row no older export holds keeps
    what it has, noted (``cut_row_alone``). A cut row a newer export replaces needs neither.

    Those cells are missing because the file was cut, not because the platform said so: the
    Facebook export of 15 November cut at byte 5000, inside the caption of post
    1368827552751129, replaced that post's complete row of the export of 2 November (published
    13 October, reach 12,995, interactions 606) with a row of no date nor figure, and October
    lost the post: 15 Facebook posts and 2,301 interactions instead of 16 and 2,883.

    :func:`_older_figures` also takes a kept row's missing cells from the newest older row of
    its post, but they differ in what is missing and when it can be known. That one fills
    figures only, of a column the export lacks or a cell of no value (``#N/A``): a blank cell
    of a whole row is the export's own figure. This one fills any cell the cut lost, on the
    one row it left partial, figures and texts and the publish time, and the platform that is
    part of the post's key (:func:`_cut_post`); so it runs before the rows are sorted and
    their duplicates found (the time taken moves the row, the platform makes it its post's),
    where that one needs the duplicates to know which rows are kept.
    """
    part = np.zeros(len(df), dtype=int) if parts.single else df["_order"].to_numpy()
    ids = df["post_id"].astype("string")
    out = df
    for i, cut in enumerate(parts.cut):
        at = np.flatnonzero((part == i) & ids.eq(cut.get("post_id")).to_numpy(
            dtype=bool, na_value=False)) if cut else []
        if len(at) != 1:
            continue
        pos = at[-1]
        out, same, moved = _cut_post(out, pos, keys, cut)
        if not same[pos + 1:].any():          # else a newer export's row replaces it
            out = _complete_cut_row(out, pos, np.flatnonzero(same[:pos]), keys, cut, log,
                                    moved)
    return out


def _cut_post(df: pd.DataFrame, pos: int, keys: list[str], cut: dict
              ) -> tuple[pd.DataFrame, np.ndarray, bool]:
    """``df``, the rows of the post of the cut row at ``pos`` (:func:`_same_post`), and
    whether that row's platform was changed for them. Where
    the cut may have lost what told the row's platform (``platform`` among ``cut["fields"]``:
    an Instagram row of Meta's posts export cut inside its ``Account ID`` was read as
    Facebook's), the post is found by its id, whole (the loader names no row whose id the
    cut reached), and the row takes the platform of the other rows of that id when they
    have one (of several, a post of each: the platform read is kept): that post's older row
    completes it, or a newer row replaces it, where it stood beside them, flagged
    ``cut_row_alone``, a second post."""
    same = _same_post(df, pos, keys)
    if "platform" not in keys or "platform" not in cut["fields"]:
        return df, same, False
    by_id = _same_post(df, pos, [k for k in keys if k != "platform"])
    by_id[pos] = False
    platforms = df["platform"][by_id].unique()
    read = df["platform"].iloc[pos]          # missing where the loader could not tell it
    if len(platforms) != 1 or pd.notna(read) and platforms[0] == read:
        return df, same, False
    out = df.copy(deep=False)
    column = out["platform"].copy()
    column.iloc[pos] = platforms[0]
    out["platform"] = column
    return out, _same_post(out, pos, keys), True


def _same_post(df: pd.DataFrame, pos: int, keys: list[str]) -> np.ndarray:
    """Which rows of ``df`` have the keys of the row at position ``pos`` (and its date
    range: a figure over one, YouTube's, is only comparable with the same range's)."""
    same = np.ones(len(df), dtype=bool)
    for k in [*keys, *(w for w in ("window_start", "window_end") if w in df.columns)]:
        column, value = df[k], df[k].iloc[pos]
        same &= (column.isna().to_numpy() if pd.isna(value)
                 else column.eq(value).to_numpy(dtype=bool, na_value=False))
    return same


def _complete_cut_row(df: pd.DataFrame, pos: int, older: np.ndarray, keys: list[str],
                      cut: dict, log: QualityLog, moved: bool = False) -> pd.DataFrame:
    """``df`` with the fields the cut lost on its row at position ``pos`` (``cut``, see
    :func:`_completed_cut_rows`) taken from the newest of the rows at ``older`` that has each,
    noted naming the file, the line, the post and the older export (and the platform,
    ``moved``: taken from them by :func:`_cut_post`)."""
    src = df["source_file"].iloc[pos]
    where = f"post {cut['post_id']} (the row from line {cut['line']}, which the file's cut-off " \
            "left partial)"
    # the sums the loader computed after the row was read (the interactions) lost too
    sums = [t for t in _SUMS if t in df.columns and pd.isna(df[t].iloc[pos])]
    lost = [c for c in dict.fromkeys([*cut["fields"], *sums]) if c in df.columns
            and c not in keys and c not in _PROVENANCE and c not in ("window_start", "window_end")]
    out, taken, sources = df, [], set()
    if moved:
        taken.append("platform")
        sources.add(file_name(df["source_file"].iloc[older[-1]]))
    for c in lost:
        known = df[c].iloc[older].dropna() if len(older) else df[c].iloc[:0]
        if known.empty:
            continue
        if out is df:
            out = df.copy(deep=False)
        column = out[c].copy()
        column.iloc[pos] = known.iloc[-1]
        out[c] = column
        taken.append(c)
        sources.add(file_name(df["source_file"].loc[known.index[-1]]))
    if not taken:
        # a platform the loader could not tell (Meta's mixed export) is unknown too
        unknown = (["platform"] if "platform" in df.columns and pd.isna(df["platform"].iloc[pos])
                   else []) + lost
        log.add(src, "cut_row_alone", f"{where} is in no older export: it keeps what the file "
                f"gives before the cut, its {', '.join(unknown) or 'figures'} unknown", rows=1)
        return df
    recounted = _resum(out, out.index[[pos]].to_numpy(), set(taken))
    unknown = [c for c in lost if c not in taken]
    log.add(src, "cut_row_completed", f"{where} takes {', '.join(taken)} from the older "
            f"export {', '.join(sorted(sources))}"
            + (f", its {', '.join(unknown)} unknown" if unknown else "")
            + _recomputed(out.index[[pos]], recounted), rows=1, posts=[cut["post_id"]])
    return out


def _older_figures(df: pd.DataFrame, dup: pd.Series, keys: list[str],
                   carried: list[list[str] | None], log: QualityLog,
                   no_value: list[dict] | None = None) -> pd.DataFrame:
    """``df`` (posts of several exports, oldest first, ``dup`` the rows another export holds
    too) with the figures of each post kept whose export has no column for them, or whose
    cell held no value (``no_value``: each part's ``attrs["no_value"]``, ``#N/A``, ``--``),
    taken from the newest export of the post that has one, and the sums over them
    (:data:`_SUMS`) recomputed from the parts then known; noted per file
    (``figures_from_older_export``, naming the older export for a cell of no value).

    X's French export has no Bookmarks nor Shares: kept over the English export of October,
    it erased the post's saves and direct shares (2115758999337785152: saves 1 → NA, shares
    4 → 3, interactions 26 → 24). A Facebook export of 15 November re-saved with ``#N/A`` for
    a post's reach erased the 866 the export of 2 November said. A blank cell in a column the
    export has is its figure: not replaced, nor a figure over another date range (YouTube's).
    ``carried``: each part's columns (``attrs["carried"]``), None for all. A row a file's
    cut-off left partial was completed before (:func:`_completed_cut_rows`, which says why
    apart).
    """
    part = df["_order"].to_numpy()
    kept = ~dup.to_numpy() & df[keys[-1]].notna().to_numpy()
    # a figure over a date range (YouTube's) is taken from an export of the same range only
    keys = [*keys, *(w for w in ("window_start", "window_end") if w in df.columns)]
    filled: dict[str, np.ndarray] = {}
    told: list[pd.DataFrame] = []            # figures a cell of no value gave up, and whence
    out = df
    for c in _figures(df):
        lacks = np.array([cols is not None and c not in cols for cols in carried])[part]
        held = _held_no_value(df, part, no_value or [], c)
        if c in _SUMS or c == "interactions" or not (kept & (lacks | held)).any():
            continue
        sources = df.loc[dup.to_numpy() & ~lacks, [*keys, c, "source_file"]].dropna(subset=[c])
        if sources.empty:
            continue
        newest = sources.drop_duplicates(subset=keys, keep="last")     # oldest first
        got = (df.loc[kept & (lacks | held), keys].reset_index(names="_row")
               .merge(newest, on=keys, how="inner"))
        if got.empty:
            continue
        if out is df:
            out = df.copy(deep=False)
        column = out[c].copy()
        column.loc[got["_row"].to_numpy()] = got[c].to_numpy()
        out[c] = column
        filled[c] = got["_row"].to_numpy()
        by_label = pd.Series(held, index=df.index)      # _row: df's labels, not positions
        told.append(got.loc[by_label.loc[got["_row"]].to_numpy(), ["_row", "source_file"]]
                    .assign(figure=c))
    if not filled:
        return df
    rows = np.unique(np.concatenate(list(filled.values())))
    recounted = _resum(out, rows, set(filled))
    told_rows = np.concatenate([t["_row"].to_numpy() for t in told]) if told else rows[:0]
    lacked = {c: np.setdiff1d(r, told_rows) for c, r in filled.items()}
    carried_rows = np.unique(np.concatenate(list(lacked.values())))
    for src, g in out.loc[carried_rows, "source_file"].groupby(
            out.loc[carried_rows, "source_file"], sort=True, observed=True):
        names = [c for c, r in lacked.items() if np.isin(g.index, r).any()]
        keep = counted(len(g), "post keeps", "posts keep")
        log.add(src, "figures_from_older_export", f"{keep} {', '.join(names)} "
                f"from an older export, which the newer one does not carry"
                f"{_recomputed(g.index, recounted)}", level="info", rows=len(g))
    if told:
        _note_no_value_filled(out, pd.concat(told, ignore_index=True), log, recounted)
    return out


def _held_no_value(df: pd.DataFrame, part: np.ndarray, no_value: list[dict], c: str
                   ) -> np.ndarray:
    """Which rows of ``df`` had, for the figure ``c``, a cell of no value in their export
    (``no_value``: each part's field → post ids, :func:`_older_figures`)."""
    held = np.zeros(len(df), dtype=bool)
    for i, fields in enumerate(no_value):
        if ids := fields.get(c):
            held |= (part == i) & df["post_id"].isin(ids).to_numpy(dtype=bool, na_value=False)
    return held & df[c].isna().to_numpy(dtype=bool, na_value=False)


def _note_no_value_filled(df: pd.DataFrame, told: pd.DataFrame, log: QualityLog,
                          recounted: np.ndarray) -> None:
    """Note, per file, the figures its cells of no value (``#N/A``) left to an older export,
    which it names (``told``: the rows of ``df``, the older export and the figure), and
    whether the interactions of its rows were recomputed (``recounted``, :func:`_resum`)."""
    told = told.assign(newer=df.loc[told["_row"].to_numpy(), "source_file"].to_numpy())
    for (newer, older), g in told.groupby(["newer", "source_file"], sort=True):
        posts = g["_row"].nunique()
        keep = counted(posts, "post keeps", "posts keep")
        log.add(newer, "figures_from_older_export", f"{keep} "
                f"{', '.join(dict.fromkeys(g['figure']))} from the older export {older}: this "
                "export's cell held no value (a placeholder or a spreadsheet's error, not a "
                f"blank){_recomputed(g['_row'], recounted)}", level="info", rows=posts)


def _recomputed(rows: pd.Index | pd.Series, recounted: np.ndarray) -> str:
    """What a note of figures taken from an older export for the rows labelled ``rows`` adds
    when :func:`_resum` recomputed the interactions of one of them (``recounted``): a part of
    them was taken; nothing otherwise. The report's sentence follows it
    (:func:`~smmanalytics.quality.note_kind`): it said "the interactions recomputed" of a
    follower count, and of saves taken where the interactions stayed unknown."""
    return f"; {INTERACTIONS_RECOMPUTED}" if np.isin(rows, recounted).any() else ""


def _resum(df: pd.DataFrame, rows: np.ndarray, filled: set[str]) -> np.ndarray:
    """Recompute, in place on the rows labelled ``rows`` of ``df`` (a frame of the merge's
    own), the sums of :data:`_SUMS` one of whose parts was ``filled``, X's shares before the
    interactions they are part of, from the parts known: a sum left unknown (a blank cell
    among the parts its export has) stays unknown. Returns the labels of the rows whose
    interactions were recomputed, for the notes."""
    recounted = rows[:0]
    for total, parts in (("shares", _X_SHARES), ("interactions", COMPONENTS)):
        have = [p for p in parts if p in df.columns]
        if total not in df.columns or not filled.intersection(have):
            continue
        known = df.loc[rows, total].notna().to_numpy()
        at = rows[known]
        if len(at):
            column = df[total].copy()
            column.loc[at] = row_sum(df.loc[at, have].astype("Float64")).to_numpy()
            df[total] = column
            filled.add(total)
            if total == "interactions":
                recounted = at
    return recounted


def _note_tied(df: pd.DataFrame, dup: pd.Series, newer: pd.Series, keys: list[str],
               table: str, log: QualityLog) -> pd.Series:
    """Note the ``newer`` rows (dropped for another file's) whose kept row has the same
    snapshot time: no newer export, but a tie, which the later file won, in
    :func:`~smmanalytics.loaders._folder.file_order` (a browser's second download "X (1).csv"
    comes after "X.csv"), whatever the order the files were given in. Rows of the two files
    that give the same figures (:func:`_rows_differ`) are an info (``snapshot_merged``);
    when some give others, which are right is unknown, and a warning names both files, how
    many rows differ and the file kept (``snapshot_tie``): "the newest snapshot was kept"
    hid that a second download with Likes 1472 replaced 472, or not, as the files were
    listed. Returns the rows noted."""
    tied = pd.Series(False, index=df.index)
    dropped = df.loc[newer, [*keys, "snapshot_at", "source_file"]]
    kept = df.loc[~dup & df["snapshot_at"].isin(dropped["snapshot_at"].dropna().unique()),
                  [*keys, "snapshot_at", "source_file"]]
    if kept.empty:
        return tied
    pairs = (dropped.reset_index(names="_row")
             .merge(kept.reset_index(names="_kept_row"), on=[*keys, "snapshot_at"],
                    suffixes=("", "_kept")))
    pairs = pairs[(pairs["source_file"] != pairs["source_file_kept"]).fillna(False)]
    if pairs.empty:
        return tied
    tied.loc[pairs["_row"].to_numpy()] = True
    rows, kept_rows = pairs["_row"].to_numpy(), pairs["_kept_row"].to_numpy()
    pairs["differs"] = _rows_differ(df, rows, kept_rows)
    pairs["grown"] = (df.loc[kept_rows, "_grown"].notna().to_numpy()
                      if "_grown" in df.columns else False)
    pairs["smaller"] = pairs["differs"] & _some_smaller(df, kept_rows, rows)
    for (src, other, at, grown), g in pairs.groupby(
            ["source_file", "source_file_kept", "snapshot_at", "grown"], sort=True,
            observed=True):
        n, k = len(g), int(g["differs"].sum())
        same = (f"{table_rows(table, n)} also in {file_name(other)}, an export of the same time "
                f"({at:%Y-%m-%d %H:%M} UTC)")
        if not k:
            log.add(src, "snapshot_merged", f"{same}, with the same figures; that file's rows "
                    "were kept", level="info", rows=n)
            continue
        if grown:
            _note_tied_grown(src, other, g, table, log)
            continue
        log.add(src, "snapshot_tie", f"{same}: {k} of them {agree(k, 'has', 'have')} other "
                f"figures, and {file_name(other)}'s figures were kept, as the later of the two "
                "in name order (a browser's second download \"X (1).csv\" after \"X.csv\"); "
                "which are right is unknown", rows=n)
    return tied


def _note_tied_grown(src: str, other: str, pairs: pd.DataFrame, table: str,
                     log: QualityLog) -> None:
    """Note the ``pairs`` of posts of ``src`` dropped for those of ``other``, two exports
    whose names end their range on the same day and that state no export time
    (:func:`_grown` ranked them): an info when ``other``'s counts are as large or larger on
    every differing post (``snapshot_range_tie``: lifetime totals only grow, so its export is
    the later, whatever the names' order), a warning when some are smaller
    (``snapshot_range_tie_mixed``: the larger sum was kept, which are right is unknown)."""
    n, k, smaller = len(pairs), int(pairs["differs"].sum()), int(pairs["smaller"].sum())
    ends = range_from_name(other)
    day = f" ({ends[1].isoformat()})" if ends else ""
    same = (f"{table_rows(table, n)} also in {file_name(other)}, whose name ends its range on the "
            f"same day{day}; neither file states when it was exported, and {k} of them "
            f"{agree(k, 'has', 'have')} other figures")
    if not smaller:
        log.add(src, "snapshot_range_tie", f"{same}: {file_name(other)}'s were kept, as large "
                "or larger on every count: lifetime totals only grow, so its export is the "
                "later one, whatever the order of the names", level="info", rows=n)
        return
    log.add(src, "snapshot_range_tie_mixed", f"{same}: {file_name(other)}'s were kept, the "
            f"larger in sum (lifetime totals only grow), though {smaller} of them "
            f"{agree(smaller, 'has', 'have')} a smaller count; "
            "which are right is unknown", rows=n)


def _sides(df: pd.DataFrame, pairs: pd.DataFrame, other: str) -> pd.DataFrame:
    """``pairs`` (a post's row ``_row`` of one export beside its row ``other`` of another)
    with ``larger``, whether some count of the first is larger than the other's, and
    ``smaller``, whether some is smaller (:func:`_some_smaller`): lifetime figures only
    grow, so an export whose figures are all as large, some larger, is the newer."""
    mine, theirs = pairs["_row"].to_numpy(), pairs[other].to_numpy()
    return pairs.assign(larger=_some_smaller(df, theirs, mine),
                        smaller=_some_smaller(df, mine, theirs))


def _some_smaller(df: pd.DataFrame, rows: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Whether row ``rows[i]`` of ``df`` (labels) has a count (:data:`schema.METRICS`)
    smaller than row ``others[i]``'s, where both have one."""
    at, other_at = df.index.get_indexer(rows), df.index.get_indexer(others)
    smaller = np.zeros(len(rows), dtype=bool)
    for c in (m for m in schema.METRICS if m in df.columns):
        a, b = _floats(df[c], at), _floats(df[c], other_at)
        smaller |= a < b
    return smaller


def _rows_differ(df: pd.DataFrame, rows: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Whether row ``rows[i]`` of ``df`` (labels of its index) gives other figures than row
    ``others[i]``: another number in a numeric column other than :data:`_PROVENANCE`, where
    both have one. A figure one of them lacks is no disagreement: an export in another
    language or format has columns the other has not (X's French export, no "Profile
    visits"); nor is a sum of parts that one of them lacks (:data:`_SUMS`). Text is no
    figure: a link with a share query (``?igsh=…``), a caption with Windows line ends, a
    content type or an account name written in another language say the same post, and a
    warning that "which are right is unknown" of them was wrong."""
    at, other_at = df.index.get_indexer(rows), df.index.get_indexer(others)
    figures = {c: (_floats(df[c], at), _floats(df[c], other_at)) for c in _figures(df)}
    differ = np.zeros(len(rows), dtype=bool)
    for c, (a, b) in figures.items():
        other = (a != b) & ~np.isnan(a) & ~np.isnan(b)
        for part in _SUMS.get(c, ()):
            if part in figures:
                pa, pb = figures[part]
                other &= np.isnan(pa) == np.isnan(pb)
        differ |= other
    return differ


def _figures(df: pd.DataFrame) -> list[str]:
    """The columns of ``df`` that hold figures: numbers (not flags), other than
    :data:`_PROVENANCE`."""
    return [c for c, dtype in df.dtypes.items() if c not in _PROVENANCE
            and pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)]


def _floats(column: pd.Series, at: np.ndarray) -> np.ndarray:
    """The values of ``column`` at the positions ``at``, as floats, NaN where missing."""
    return column.iloc[at].to_numpy(dtype="float64", na_value=np.nan)


def _note_guessed_merged(df: pd.DataFrame, dropped: pd.Series, keys: list[str], table: str,
                         log: QualityLog) -> tuple[pd.Series, set[str]]:
    """Note the ``dropped`` rows (those another file holds too) whose keeping was decided by a
    snapshot guessed from a file's modification time (``_sure`` False: the dropped row's;
    the kept row's snapshot is then known, or guessed and later): one warning per file and
    file kept, naming the file kept and why (code ``snapshot_merged_guessed``). Returns the
    rows noted, and the files of a guessed snapshot among them, dropped or kept."""
    several = df.duplicated(subset=keys, keep=False)
    sub = df.loc[several, [*keys, "source_file", "snapshot_at", "_sure", "_floor", "_guess"]]
    kept = sub.groupby(keys, sort=False, dropna=False, observed=True)[
        ["source_file", "snapshot_at", "_sure", "_floor", "_guess"]].transform("last")
    rows = dropped[several] & ~sub["_sure"] & sub["snapshot_at"].notna()   # guessed, dropped
    noted = pd.Series(False, index=df.index)
    noted[rows[rows].index] = True
    met: set[str] = set()
    pairs = pd.DataFrame({"file": sub["source_file"][rows], "at": sub["snapshot_at"][rows],
                          "kept": kept["source_file"][rows], "kept_at": kept["snapshot_at"][rows],
                          "sure": kept["_sure"][rows], "floor": kept["_floor"][rows],
                          "guess": kept["_guess"][rows]})
    for (src, at, other, other_at, sure, floor, guess), g in pairs.groupby(
            ["file", "at", "kept", "kept_at", "sure", "floor", "guess"], sort=True,
            observed=True, dropna=False):
        met.add(src)
        why = (f"its export time is known ({other_at:%Y-%m-%d %H:%M} UTC), this file's was only "
               f"guessed from its modification time ({at:%Y-%m-%d %H:%M} UTC), the time a copy "
               "or a download was made, not the export" if sure else
               _why_guessed_kept(file_name(other), other_at, floor, guess, at))
        if not sure:
            met.add(other)
        log.add(src, "snapshot_merged_guessed", f"{table_rows(table, len(g))} also in "
                f"{file_name(other)}, whose figures were kept: {why}", rows=len(g))
    return noted, met


def _why_guessed_kept(other: str, other_at: pd.Timestamp, floor: pd.Timestamp,
                      guess: pd.Timestamp, at: pd.Timestamp) -> str:
    """Why, of two exports that do not say when they were made, ``other`` (modified
    ``other_at``, its latest post ``floor``, its ``_guess`` ``guess``) was kept over this file
    (modified ``at``), as :func:`_ranked_among_guessed` decided: its figures (its ``_guess``
    raised above the later of its modification time and latest post; its own note says so,
    ``snapshot_newer_by_figures``), else modified later, else holding a post published after
    this file was modified, else read last of two alike."""
    times = f"{other_at:%Y-%m-%d %H:%M} UTC; this file {at:%Y-%m-%d %H:%M} UTC"
    neither = "neither file says when it was exported, and"
    known = other_at if pd.isna(floor) else max(other_at, floor)
    if guess > known:
        return (f"{neither} {other}'s figures are as large or larger, lifetime figures only "
                f"growing (modified {times})")
    if other_at > at:
        return f"{neither} {other} was modified last ({times})"
    if floor > at:
        return (f"{neither} {other} holds a post published {floor:%Y-%m-%d %H:%M} UTC, after "
                f"this file was modified ({at:%Y-%m-%d %H:%M} UTC)")
    return f"{neither} {other}, as late as far as is known ({times}), was read last"


def _share_platforms(parts: list[pd.DataFrame]) -> None:
    """Give every part's ``platform`` the same categories: the platforms present, sorted, as
    ``string``, which is what conform makes of the column read as text after the merge.

    Concatenated parts then keep one categorical column, whose codes deduplicate and sort in
    the order of the platform names, without turning a million rows into text and back.
    """
    present = set()
    for part in parts:
        present.update(part["platform"].dropna().unique())
    dtype = pd.CategoricalDtype(pd.Index(sorted(present), dtype="string"))
    for part in parts:
        part["platform"] = part["platform"].astype(dtype)


def _duplicated_posts(df: pd.DataFrame, keys: list[str]) -> pd.Series:
    """``df.duplicated(subset=keys, keep="last")`` for posts keyed by their id (the last key:
    ``post_id``, or the merge's ``_key``).

    Ids that are all written as plain integers (Meta, X, TikTok…) are compared as 64-bit
    integers, which hash many times faster than text: a text that is the one way of writing
    an integer stands for that integer alone, so the duplicates are the same.
    """
    id_col = keys[-1]
    ids = arrow_text(df[id_col])
    if ids is not None:
        try:
            numbers = pc.cast(ids, pa.uint64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            numbers = None
        # the one way of writing its integer: ASCII digits (the cast also takes "0x1F"),
        # without a leading zero; checked by two passes over the text, where writing the
        # integers back as text to compare them took four times as long
        if numbers is not None and pc.all(pc.ascii_is_decimal(ids)).as_py() \
                and not pc.any(pc.and_(pc.starts_with(ids, "0"),
                                       pc.greater(pc.binary_length(ids), 1))).as_py():
            values = numbers.fill_null(0).to_numpy()
            # only rows whose id comes again can be duplicates: they are few, and one column
            # of integers is searched ten times faster than the keys together; ids ascending
            # from row to row (an export listing its posts by id) are all different, which
            # one pass tells (a million posts: 0.2 ms, against 0.06 s for the search)
            again = (np.zeros(len(values), dtype=bool) if _ascending(values, strictly=True)
                     else pd.Series(values).duplicated(keep=False).to_numpy())
            out = np.zeros(len(df), dtype=bool)
            if again.any():
                keyed = {k: df[k].array[again] for k in keys if k != id_col}
                keyed[id_col] = values[again]
                keyed["no_id"] = df[id_col].isna().to_numpy()[again]
                out[again] = pd.DataFrame(keyed).duplicated(keep="last").to_numpy()
            return pd.Series(out, index=df.index)
    return df.duplicated(subset=keys, keep="last")


#: frames at least this long are gathered by :func:`_take` on several threads
_THREADED_TAKE_ROWS = 100_000


def _constant_columns(df: pd.DataFrame) -> list[bool] | None:
    """For each column of ``df``, whether it holds one value on every row
    (:func:`~.schema.is_constant`); None for a frame :func:`_take` gathers whole."""
    if len(df) < _THREADED_TAKE_ROWS:
        return None
    return [schema.is_constant(df.iloc[:, i].array) for i in range(df.shape[1])]


def _take(df: pd.DataFrame, positions: np.ndarray,
          constant: list[bool] | None = None) -> pd.DataFrame:
    """The rows of ``df`` at ``positions`` (``df.take``, but with a fresh RangeIndex).

    A long frame is gathered column by column on two threads (Arrow's and numpy's gathers
    release the GIL), and a column holding one value on every row (the file, format and
    snapshot of a single export, a metric it lacks) is sliced instead of copied: a million-row
    posts table spends much of its merge here. ``constant``: :func:`_constant_columns` of
    ``df``, when the caller found them already (the merge does while its sort runs).
    """
    if len(df) < _THREADED_TAKE_ROWS:
        return df.take(positions).reset_index(drop=True)
    if _in_order(positions, len(df)):
        # every row, in its place (an export sorted oldest first): nothing to gather; the
        # frame's columns are shared, copy-on-write keeping them apart from the caller's
        out = df.reset_index(drop=True)
        out.attrs = {}
        return out
    arrays = [df.iloc[:, i].array for i in range(df.shape[1])]
    if constant is None:
        constant = _constant_columns(df)

    def gather(a, same):
        return a[:len(positions)] if same else a.take(positions)

    with ThreadPoolExecutor(max_workers=2) as pool:
        taken = list(pool.map(gather, arrays, constant))
    # dtype given: an object column stays as it is (no inference of a new dtype)
    cols = {i: pd.Series(a, dtype=a.dtype, copy=False) for i, a in enumerate(taken)}
    return pd.DataFrame(cols, copy=False).set_axis(df.columns, axis=1)


def _in_order(positions: np.ndarray, n: int) -> bool:
    """Whether ``positions`` are ``0, 1, …, n - 1``: the rows of an ``n``-row frame, each in
    its place (the ends looked at first, which rules out most other orders at once)."""
    return (len(positions) == n and (n == 0 or (positions[0] == 0 and positions[-1] == n - 1))
            and bool((positions == np.arange(n)).all()))


def _sort_order(df: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Positions sorting ``df`` by ``keys`` (stable, missing values last), as
    ``sort_values(keys, kind="stable", na_position="last")`` gives them.

    Keys of the usual dtypes are sorted by Arrow's stable multi-key sort, several times faster
    on a million rows; any other dtype goes through pandas. A first key of times (posts'
    ``published_at``) is sorted first alone (:func:`_sort_by_times_first`).
    """
    columns = [_arrow_sort_key(df[k]) for k in keys]
    if any(c is None for c in columns):
        return df.reset_index(drop=True).sort_values(keys, kind="stable",
                                                     na_position="last").index.to_numpy()
    if keys and _is_time(df[keys[0]]):
        return _sort_by_times_first(columns)
    return _arrow_sort(columns)


def _arrow_sort(columns: list) -> np.ndarray:
    """Positions sorting the Arrow ``columns`` (one a key, the first the most significant)
    stably, nulls last."""
    table = pa.table({str(i): c for i, c in enumerate(columns)})
    order = pc.sort_indices(table, sort_keys=[(str(i), "ascending", "at_end")
                                              for i in range(len(columns))])
    return order.to_numpy()


def _sort_by_times_first(columns: list) -> np.ndarray:
    """:func:`_arrow_sort` of ``columns`` whose first holds times (as integers): the rows
    are ordered by their times alone by numpy, then only the rows sharing a time with
    another are sorted by every key, in the places their time gives them (none are when the
    other keys already ascend from row to row: the times are then sorted stably, alone).

    Posts' times are mostly distinct (271,000 of a million posts share their minute with
    another), and numpy's sort of one column of integers takes a fifth of Arrow's stable sort
    by the three keys (a million posts: 0.27 s of CPU in all, 0.13 s so, of which 0.05 s the
    sort of the rows sharing a time, :func:`_sort_key_by_key`). The first pass need not be
    stable, nor tell a missing time from the largest integer it stands for: the rows of one
    integer are put in order by every key, the times' nulls last, then by their positions
    (the sort being stable, in the order given).
    """
    times = pc.fill_null(columns[0], np.iinfo(np.int64).max).to_numpy()
    if columns[0].null_count == 0 and all(_ascending(c) for c in columns[1:]):
        # the other keys already ascend from row to row (one platform's export listing its
        # posts by id): the rows of one time are in order by them as they come, and a stable
        # sort of the times alone is the sort by every key (a million posts: 0.31 → 0.16 s CPU)
        return np.argsort(times, kind="stable")
    order = np.argsort(times)
    ordered = times[order]
    same = ordered[1:] == ordered[:-1]
    tied = np.zeros(len(order), dtype=bool)
    tied[1:] |= same
    tied[:-1] |= same
    if not tied.any():
        return order
    places = np.flatnonzero(tied)
    rows = np.sort(order[places])
    at = pa.array(rows)
    order[places] = rows[_sort_key_by_key([c.take(at) for c in columns])]
    return order


def _ascending(values, strictly: bool = False) -> bool:
    """Whether ``values`` (a numpy or Arrow array) never decrease from one row to the next
    (``strictly``: always increase), looked at in one pass; an Arrow array holding a null
    does not (where would it go?)."""
    if len(values) < 2:
        return True
    if isinstance(values, np.ndarray):
        later = values[1:] > values[:-1] if strictly else values[1:] >= values[:-1]
        return bool(later.all())
    if values.null_count:
        return False
    compare = pc.greater if strictly else pc.greater_equal
    return bool(pc.all(compare(values[1:], values[:-1])).as_py())


def _sort_key_by_key(columns: list) -> np.ndarray:
    """:func:`_arrow_sort` of ``columns``, by a stable sort by each key from the least
    significant: Arrow's sort of one array is specialised to its type, its sort of a table
    compares the rows key by key (the 271,000 posts of shared times of a million: 0.096 s
    of CPU by the table, 0.049 s so)."""
    order = np.arange(len(columns[0]))
    for c in reversed(columns):
        by = pc.array_sort_indices(c.take(pa.array(order)), null_placement="at_end")
        order = order[by.to_numpy()]
    return order


def _is_time(s: pd.Series) -> bool:
    """Whether ``s`` holds times (with a time zone or not)."""
    return isinstance(s.dtype, pd.DatetimeTZDtype) or s.dtype.kind == "M"


def _arrow_sort_key(s: pd.Series) -> pa.Array | pa.ChunkedArray | None:
    """``s`` as Arrow values that sort as pandas sorts ``s`` (missing values as nulls): the
    codes of a categorical (pandas sorts by category order), the integers of times, text and
    integers as they are. None for any other dtype."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy()
        return pa.array(codes, mask=codes < 0)
    if _is_time(s):
        naive = s.dt.tz_convert(None) if isinstance(s.dtype, pd.DatetimeTZDtype) else s
        return pa.array(naive.to_numpy(dtype="datetime64[ns]").view("int64"),
                        mask=s.isna().to_numpy())
    if isinstance(s.array, pd.arrays.ArrowStringArray | pd.arrays.IntegerArray) \
            or s.dtype.kind in "iu":
        return pa.array(s.array)
    return None
