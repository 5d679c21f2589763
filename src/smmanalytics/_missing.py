"""Posts an older export holds and a newer export of the same days no longer does.

Meta's post exports list the posts published in the days chosen (the days their names give:
``instagram_posts_2026-10-01_2026-11-30_2026-12-02.csv``). A reel of 14 October in the export
of 2 November, absent from that of 2 December covering 1 October to 30 November, was deleted
in between (or hidden): the merge keeps it, its figures real until then, but it was kept as a
live post with nothing said, and headed October's top posts with a dead link. The merge calls
:func:`note_missing_from_newer`, which notes such posts per pair of exports; the report marks
them (:func:`~smmanalytics.quality.missing_from_newer`).
"""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from ._accounts import account_key
from ._io import file_name
from .loaders._snapshot import range_from_name
from .quality import MISSING_FROM_NEWER, QualityLog, by_link, missing_from_newer_message
from .schema import column_or

__all__ = ["note_missing_from_newer"]

#: the columns that make posts one export's kind: a platform's account (:func:`_accounts`),
#: and the export's format (an Instagram stories export does not list the feed's posts, nor
#: the reverse)
_SERIES = ("platform", "account", "source_format")

#: what names a post's account where its id is unknown, in this order (:func:`_accounts`)
_ACCOUNT_NAMES = ("account_handle", "account_name")

#: the days each export covers, by file (its ``files`` row's ``covers_from`` to
#: ``covers_to``), None where they are unknown
Covers = dict[str, tuple[datetime.date, datetime.date] | None]

#: how far a post's UTC time may be from the day it has where the export counts days, either
#: way: the zones run from UTC-12 to UTC+14, and which one a range's days are in is unknown
_BEHIND, _AHEAD = pd.Timedelta(hours=12), pd.Timedelta(hours=14)


def note_missing_from_newer(df: pd.DataFrame, kept: np.ndarray, key: str, log: QualityLog,
                            covers: Covers | None = None) -> None:
    """Note the posts of ``df`` (every export's rows, ``kept`` the rows the merge keeps, one
    per post, ``key`` the column the merge matches posts by) missing from a newer export that
    covers their day: per older and newer file, a warning naming them by their ``post_id``
    (their ``key`` where the id is unknown; code
    :data:`~smmanalytics.quality.MISSING_FROM_NEWER`).

    A post is missing from an export of its series (:data:`_SERIES`) whose snapshot is later
    than the post's kept row, whose days (:func:`_covered_days`: those ``covers`` gives, by
    file, else those its name gives) hold the post's publish time whatever the zone of those
    days (12 h after the first day's start, 14 h before the last day's end), and which has no
    row of its key. A post
    published before or after that range is not in it by design; figures of a date range
    (YouTube Studio's, ``window_start``) list the posts seen in it, not those published. Of
    several such exports the post is noted with the first: the one it vanished from.

    Each export's rows are found once (one grouping by file); each export with a range
    selects the kept rows of older snapshots in its days by comparing integers, and only
    when some are makes the anti-join (the rows' series and posts as integers, once:
    :func:`_codes`). A brand of 24 exports of two months each, 2.2 million rows, none missing:
    0.2 s.
    """
    files = df["source_file"].astype("string")
    ranges = {name: days for name in files.dropna().unique()
              if (days := _covered_days(name, covers)) is not None}
    if not ranges:
        return
    lifetime = df["window_start"].isna().to_numpy() if "window_start" in df.columns else True
    # a post without an id is matched with no other (the merge keeps each): never missing
    live = np.flatnonzero(kept & lifetime & df["published_at"].notna().to_numpy()
                          & df[key].notna().to_numpy())
    snapshots = _instants(df["snapshot_at"])
    published, measured = _instants(df["published_at"])[live], snapshots[live]
    codes = None
    found = []
    for name, rows in files.groupby(files, sort=False).indices.items():
        if name not in ranges:
            continue
        start, end = (pd.Timestamp(d, tz="UTC") for d in ranges[name])
        at = snapshots[rows].max()
        # a post of the export's days kept from an older snapshot: not in it, unless a
        # snapshot only guessed put the export's own row behind an older one (the anti-join)
        older = live[(measured < at) & (published >= (start + _BEHIND).value)
                     & (published < (end + pd.Timedelta(days=1) - _AHEAD).value)]
        if not len(older):
            continue
        if codes is None:           # the rows' series and posts as integers, once
            codes = _codes(df, key)
        of_series, post = codes
        older = older[(of_series[older] >= 0) & np.isin(of_series[older], of_series[rows])]
        gone = older[~np.isin(post[older], post[rows])]
        found.append(pd.DataFrame({"row": gone, "newer": name, "newer_at": at,
                                   "newer_days": f"{ranges[name][0]} to {ranges[name][1]}"}))
    if not found:
        return
    first = (pd.concat(found, ignore_index=True).sort_values(["newer_at", "newer"], kind="stable")
             .drop_duplicates(subset="row"))        # the export each post vanished from
    rows = first["row"].to_numpy()
    ids = _post_names(df, key).iloc[rows].astype("string").to_numpy()
    gone = pd.DataFrame({"post": ids, "name": _told(df, kept, rows, ids),
                         "source_file": df["source_file"].iloc[rows].to_numpy(),
                         "newer": first["newer"].to_numpy(),
                         "newer_days": first["newer_days"].to_numpy()})
    for (older, newer, days), g in gone.groupby(["source_file", "newer", "newer_days"],
                                                sort=True):
        g = g.sort_values(["post", "name"], na_position="last")
        shown = [post if name == post else f"{post} ({_SHARED if pd.isna(name) else name})"
                 for post, name in zip(g["post"], g["name"], strict=True)]
        log.add(older, MISSING_FROM_NEWER, missing_from_newer_message(
            shown, file_name(newer), days), rows=len(g), posts=g["name"].dropna().tolist())


#: what a note says of a missing post its id does not tell from another post of its file
#: and that has no link: the report cannot mark it (:func:`_told`)
_SHARED = "an id another post of this export has too, and no link: not marked"


def _told(df: pd.DataFrame, kept: np.ndarray, rows: np.ndarray, ids: np.ndarray) -> list:
    """How the posts table tells each post at ``rows`` (named ``ids``) from the others of its
    file: its id, or, where another post it keeps of that file has the same id (a
    spreadsheet rounded both to ``1.17914E+17``), its link
    (:func:`~smmanalytics.quality.by_link`), None without one. Two posts of an export, one
    deleted since and one published before the newer export's days, shared their rounded id:
    the report marked both as missing."""
    if "post_id" not in df.columns:
        return list(ids)
    post_id = df["post_id"]
    near = np.flatnonzero(kept & post_id.isin(pd.unique(ids)).to_numpy(bool, na_value=False))
    same = df[["source_file", "post_id"]].iloc[near].duplicated(keep=False).to_numpy()
    shared = np.isin(rows, near[same])
    links = column_or(df, "permalink", dtype="string").iloc[rows].to_numpy()
    return [(by_link(link) if pd.notna(link) else None) if s else post
            for post, s, link in zip(ids, shared, links, strict=True)]


def _covered_days(name: str, covers: Covers | None
                  ) -> tuple[datetime.date, datetime.date] | None:
    """The days the export ``name`` covers: those of its ``files`` row (``covers``, where the
    loading gave them: a file cut off covers only the days its rows reach), else those its
    name gives (a frame made by hand). An export of October cut inside its 13th post, newest
    first, reaches back to the 23rd: by its name's days, 1 to 31 October, the older export's
    18 posts of 1 to 21 October were "missing" from it."""
    return covers[name] if covers is not None and name in covers else range_from_name(name)


def _post_names(df: pd.DataFrame, key: str) -> pd.Series:
    """Each row's post as the posts table names it, its ``post_id`` (the merge's ``key`` where
    the id is unknown): the report marks a post by its file and id
    (:func:`~smmanalytics.quality.missing_from_newer`), and a post whose id a spreadsheet
    rounded, named ``link https://…`` by its key, was never marked."""
    if "post_id" not in df.columns or key == "post_id":
        return df[key]
    return df["post_id"].astype("string").fillna(df[key].astype("string"))


def _instants(times: pd.Series) -> np.ndarray:
    """UTC ``times`` as nanoseconds since the epoch (a missing one as the smallest integer),
    compared once per export without pandas' checks of zones."""
    return times.dt.as_unit("ns").array.asi8


def _codes(df: pd.DataFrame, key: str) -> tuple[np.ndarray, np.ndarray]:
    """Each row's series (:data:`_SERIES`; -1 where its account is unknown) and post (its
    series and ``key``) as integers: an export's rows are then matched by numpy's ``isin``,
    where merging their text took most of the time (24 exports of two months, 2.2 million
    rows, 17 posts missing: 1.3 s by merges, 1.0 s so, 0.6 s of it these codes)."""
    frame = df.assign(account=_accounts(df))
    series = [c for c in _SERIES if c in frame.columns]
    of_series = frame.groupby(series, sort=False, dropna=False, observed=True).ngroup()
    of_series = of_series.where(frame["account"].notna(), -1).to_numpy()
    keys, _ = pd.factorize(df[key], use_na_sentinel=False)
    return of_series, of_series * (int(keys.max()) + 1) + keys


def _accounts(df: pd.DataFrame) -> pd.Series:
    """Each row's account: its ``account_id``, else its handle's or display name's
    :func:`~smmanalytics._accounts.account_key` (the merge gave an id to the posts whose
    names another export writes with one: :func:`~smmanalytics._accounts.ids_from_names`),
    else missing. Two exports without an ``Account ID`` column, of ``maisonseve`` and
    ``maisonseve_it``, were one series: the 29 posts of the first were "missing" from the
    second's newer export. A post whose account is unknown is compared with no export."""
    account = (df["account_id"].astype("string") if "account_id" in df.columns
               else pd.Series(pd.NA, index=df.index, dtype="string"))
    for column in (c for c in _ACCOUNT_NAMES if c in df.columns):
        names = df[column].astype("string")
        keys = names.map({n: account_key(n) for n in names.dropna().unique()})
        account = account.fillna(f"{column} " + keys.astype("string"))
    return account
