"""The brand's own accounts: rows of another account of a platform brand.yaml declares one of
are left out of the Dataset, and noted.

A Dataset holds "all tables of one brand" (DESIGN §1, ``dataset.Dataset``): another brand's
Instagram export dropped in the folder was added to the brand's figures (October: 72
Instagram posts instead of 42) and no line said so. Every figure is computed from the
Dataset's tables, so its rows are left out there, once, and the quality log says which file,
which account and how many rows (DESIGN §1: the log says "what was dropped … and why"); the
report's cover repeats it.

An export names its account by id, handle or display name, or several of them (Instagram's:
``17841402958311467``, ``maisonseve``, ``Maison Sève``); brand.yaml by whichever the user
wrote (``maisonseve``, ``@MaisonSeve``, ``maison-seve`` or the id). They are compared in one
form, :func:`account_key`: a row is the brand's when any of its names is the declared one,
or when its account id is that of a row of the platform found the brand's so (a handle
renamed: Instagram's ``seve.paris`` of autumn is ``maisonseve`` of winter, the same id; a
daily export naming the page by its id alone).
A row naming no account is nobody else's (kept), and so is every row of a platform none of
whose rows names the declared account: brand.yaml then names it in a form no export uses
(a page's old handle), which says nothing of whose the rows are; they are kept, with a
warning, rather than the platform's figures emptied.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
import pandas as pd

from .loaders._expected import synonyms_advice
from .loaders._headers import synonyms
from .loaders._registry import find_format
from .quality import QualityLog, agree, counted, table_rows, unread_columns
from .schema import column_or, conform, is_constant, shown_platform

__all__ = ["account_key", "current_names", "declared_accounts", "former_names",
           "give_lost_accounts", "ids_from_names", "keep_declared_accounts", "note_account_gaps",
           "BrandAccount", "KnownAccounts"]

#: the columns that name a row's account, per table (posts give up to three forms)
_NAMES = {"posts": ("account_id", "account_handle", "account_name"),
          "daily": ("account_id",), "audience": ("account_id",)}


def account_key(name: object) -> str | None:
    """``name`` in the one form accounts are compared in: without accents, case, a leading
    @, spaces or punctuation (``@Maison-Sève`` → ``maisonseve``); None for no name.

    >>> account_key("@MaisonSeve"), account_key("Maison Sève"), account_key(" ")
    ('maisonseve', 'maisonseve', None)
    """
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return None
    text = unicodedata.normalize("NFKD", str(name)).casefold()
    key = "".join(c for c in text if c.isalnum())
    return key or None


def declared_accounts(brand) -> dict[str, dict[str, str]]:
    """brand.yaml's accounts, per platform: each one's key (:func:`account_key`) → the name
    as written. A platform may list several (``instagram: [maisonseve, maisonseve.pro]``).

    An account renamed is written with its former names (``x: {maisonseve: [seveparis]}``,
    :func:`_account_entries`): their keys give its current name, as one account's. X reads
    the account from the posts' links: an export made before the rename, all its posts
    ``x.com/seveparis/…``, was left out as another account's (155 posts)."""
    out: dict[str, dict[str, str]] = {}
    for platform, names in (getattr(brand, "accounts", None) or {}).items():
        keys: dict[str, str] = {}
        for current, former in _account_entries(names):
            if account_key(current):
                for n in (current, *former):
                    if account_key(n):
                        keys.setdefault(account_key(n), str(current).strip())
        if keys:
            out[str(platform).strip().lower()] = keys
    return out


def _account_entries(names) -> list[tuple[object, list]]:
    """A platform's entry of brand.yaml's ``accounts`` as (account, its former names): a
    name, a list of them, or a mapping of an account to a former name or a list of them
    (``{maisonseve: [seveparis]}``), alone or in the list."""
    out: list[tuple[object, list]] = []
    for entry in names if isinstance(names, list | tuple) else [names]:
        if isinstance(entry, dict):
            out.extend((current, list(former) if isinstance(former, list | tuple)
                        else [former] if former is not None else [])
                       for current, former in entry.items())
        else:
            out.append((entry, []))
    return out


def former_names(declared: dict[str, dict[str, str]], platform: str) -> dict[str, str]:
    """The keys of ``platform``'s former account names brand.yaml declares (an account
    renamed, :func:`declared_accounts`) → the account's current name."""
    return {k: name for k, name in declared.get(platform, {}).items()
            if k != account_key(name)}


@dataclass(frozen=True)
class KnownAccounts:
    """What tells whose a platform's daily rows that name no account are (X's overview
    export names none): the accounts brand.yaml declares (:func:`declared_accounts`) and
    those the brand's posts name, read from ``posts`` only when asked."""

    declared: dict[str, dict[str, str]]
    posts: pd.DataFrame

    def owners(self, platform: str, named: set[str]) -> tuple[dict[str, str], str]:
        """The accounts of ``platform`` the brand's rows naming none are of (key → name),
        and what says so; ``named`` the keys of the accounts the platform's daily rows name.

        The declared ones, when a row names one of them (a declaration no export uses, an old
        handle, says nothing of whose the rows are: ``keep_declared_accounts`` keeps them
        all, with a warning); else the accounts the platform's posts name; else none known.
        """
        posted = _posted(self.posts, platform)
        declared = self.declared.get(platform, {})
        if declared.keys() & (named | posted.keys()):
            return declared, "brand.yaml declares"
        if posted:
            return posted, "the platform's posts name"
        return {}, ""

    def accounts(self, platform: str) -> list[BrandAccount]:
        """The brand's accounts of ``platform``: those brand.yaml declares, else those the
        platform's posts name (one per account id)."""
        posted = _posted_by_id(self.posts, platform)
        declared = self.declared.get(platform)
        if not declared:
            return [BrandAccount(i, i, frozenset(keys)) for i, keys in posted.items()]
        named: dict[str, set[str]] = {}          # an account renamed: its names' keys
        for key, name in declared.items():
            named.setdefault(name, set()).add(key)
        out = []
        for name, mine in named.items():
            found = [(i, keys) for i, keys in posted.items() if mine & keys]
            out.append(BrandAccount(found[0][0] if found else name, name,
                                    frozenset(mine.union(*(keys for _, keys in found)))))
        return out


class BrandAccount(NamedTuple):
    """One of the brand's accounts on a platform: the ``account_id`` its rows are given (the
    id its posts name, else the name brand.yaml writes), the name a note calls it by, and the
    keys (:func:`account_key`) of every name it goes by (id, handle, display name)."""

    id: str
    name: str
    keys: frozenset[str]


def _posted_by_id(posts: pd.DataFrame, platform: str) -> dict[str, set[str]]:
    """The accounts ``platform``'s posts name: each account id → the keys
    (:func:`account_key`) of its id, handles and display names."""
    if not len(posts) or not {"platform", "account_id"} <= set(posts.columns):
        return {}
    rows = _of(posts, platform)
    columns = [c for c in _NAMES["posts"] if c in posts.columns]
    # the few distinct names first: a million posts hold a handful of accounts
    names = _distinct_rows(posts.loc[rows, columns]).astype("string").dropna(subset=["account_id"])
    out: dict[str, set[str]] = {}
    for row in names.itertuples(index=False):
        keys = out.setdefault(str(row[0]), set())
        keys.update(k for v in row if (k := account_key(v)) is not None)
    return out


def _distinct_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` without repeats, the first of each kept (``drop_duplicates``). When every
    column holds one value (one account's posts, the common case) that is the first row,
    told without hashing each cell: 45 of the 50 ms a million posts' names took."""
    if len(rows) and all(is_constant(rows.iloc[:, i].array) for i in range(rows.shape[1])):
        return rows.iloc[:1]
    return rows.drop_duplicates()


def current_names(table: str, df: pd.DataFrame, declared: dict[str, dict[str, str]],
                  log: QualityLog) -> pd.DataFrame:
    """``df`` (the ``table``'s rows, before their merge) with the account id and handle of each row
    naming an account by a former name brand.yaml declares (:func:`former_names`) given the
    account's current one, as the platform's rows naming it write it (else as brand.yaml
    does), noted per file (``account_former_name``, an info): X's posts of an export made
    before a rename, ``x.com/seveparis/…``, are ``maisonseve``'s, one account in every
    table by account, and their days merge with the current export's. ``df`` itself when no
    row names a former name."""
    renamed_accounts = {p: f for p in declared if (f := former_names(declared, p))}
    if not renamed_accounts or not len(df) or "platform" not in df.columns:
        return df
    platform = df["platform"].astype("string")
    out = df
    for plat, former in renamed_accounts.items():
        rows = platform.eq(plat).fillna(False).to_numpy(bool)
        for column in ("account_id", "account_handle"):
            if column not in df.columns or not rows.any():
                continue
            names = out[column].astype("string")
            codes, keys = _name_codes(names)
            renamed = rows & np.isin(codes, [i for i, k in enumerate(keys[:-1]) if k in former])
            if not renamed.any():
                continue
            current = {name: _as_written(names[rows], name) for name in set(former.values())}
            names = names.copy()
            names[renamed] = [current[former[k]] for k in keys[codes[renamed]]]
            out = out.assign(**{column: names})
            if column == "account_id":      # a handle renamed beside its id: one row, one note
                _note_former(table, df.loc[renamed], plat, former, log)
    return out


def ids_from_names(posts: pd.DataFrame, log: QualityLog) -> pd.DataFrame:
    """``posts`` with the account id of each post that has none given from its handle and
    display name: the one id the platform's other posts of those names write, noted per file
    (``account_id_from_name``, an info). A Page's export re-saved by Excel writes its id
    ``1,04938E+14``, which the loader leaves out (``account_id_damaged``); the export beside it
    of the same Page, ``Maison Sève``, gives it back, ``104938275516283``: one account, not a
    second one halving its posts a week, nor another account's posts left out.

    A handle is one account's on its platform: the one id the platform's other posts write
    with it is the post's, whatever its display name (a Page renamed between two exports,
    ``Maison Sève`` then ``Maison Sève Paris``, kept no id though its handle was the same).
    Written with several ids, the handle gives the one of them its display name is written
    with, else none, said per file (``account_handle_shared``): which account the posts are
    cannot be told. A display name alone, which two Pages may share, gives its one id. A post
    whose names point to no id keeps none. ``posts`` itself when nothing is given or said.

    The ids are found once per distinct (platform, handle, name) and given to the posts by
    their tuple's code: a million posts hold a handful of accounts, and finding them per post
    took 1.45 s of a load where half the posts lacked an id. Rows are taken by position, so
    an index with repeated labels is no matter."""
    columns = [c for c in ("account_handle", "account_name") if c in posts.columns]
    if not columns or not {"platform", "account_id"} <= set(posts.columns):
        return posts
    missing = posts["account_id"].isna().to_numpy(bool)
    if not missing.any() or missing.all():
        return posts
    names = posts[["platform", *columns]].astype("string")
    owners = _owners(names.loc[~missing], posts["account_id"].loc[~missing].to_numpy())
    codes, tuples = _distinct(names.loc[missing])
    found, shared = zip(*(_one_id(owners, platform, **dict(zip(columns, row, strict=True)))
                          for platform, *row in tuples.itertuples(index=False)), strict=True)
    found = np.array(found, dtype=object)
    rows = np.flatnonzero(missing)
    _note_shared_handles(posts.iloc[rows], np.array(shared, dtype=object)[codes], log)
    if pd.isna(found).all():
        return posts
    ids = posts["account_id"].copy()
    ids.iloc[rows] = found[codes]   # the posts without an id only
    given = missing & ids.notna().to_numpy(bool)
    _note_ids_given(posts.loc[given], ids.loc[given].to_numpy(), log)
    return posts.assign(account_id=ids)


def _owners(names: pd.DataFrame, ids: np.ndarray) -> dict[tuple[str, str, str], set[str]]:
    """(platform, column, a name's :func:`account_key`) → the account ids of the posts
    ``names`` (platform, then the handle and display name columns; ``ids`` their ids, in
    their order) of that name in that column, found once per distinct tuple. A handle and a
    display name are apart: ``maisonseve`` the brand's handle and ``Maison Sève`` its name
    are one key, and a handle two ids share is chosen among by the name alone."""
    owners: dict[tuple[str, str, str], set[str]] = {}
    columns = list(names.columns[1:])
    for platform, *row, account in names.assign(_id=ids).drop_duplicates().itertuples(
            index=False):
        for column, name in zip(columns, row, strict=True):
            if (key := account_key(name)) is not None:
                owners.setdefault((platform, column, key), set()).add(str(account))
    return owners


def _distinct(frame: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Each row of ``frame``'s code and the distinct rows, in the order of the codes (their
    first rows); a missing value is one value like any other."""
    codes = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    return codes, frame.iloc[np.unique(codes, return_index=True)[1]]


def _one_id(owners: dict[tuple[str, str, str], set[str]], platform: str,
            account_handle: object = None, account_name: object = None
            ) -> tuple[object, str]:
    """The one account id ``owners`` gives a post of ``platform`` of these names, else NA
    (:func:`ids_from_names` says which); and, when its handle is written with several ids its
    display name does not choose among, those ids listed (else "")."""
    handle, name = account_key(account_handle), account_key(account_name)
    named = owners.get((platform, "account_name", name), set()) if name is not None else set()
    if handle is None:
        return (next(iter(named)) if len(named) == 1 else pd.NA), ""
    ids = owners.get((platform, "account_handle", handle), set())
    if len(ids) > 1:            # the display name tells which, if it is one of them only
        ids = ids & named or ids
    if len(ids) > 1:
        return pd.NA, ", ".join(sorted(ids))
    return (next(iter(ids)) if ids else pd.NA), ""


def _note_shared_handles(rows: pd.DataFrame, shared: np.ndarray, log: QualityLog) -> None:
    """One ``account_handle_shared`` warning per file and handle of the posts ``rows``
    (without an account id) whose handle the platform's other posts write with several ids,
    ``shared`` (per row: those ids listed, "" for the others): no id was given them."""
    told = shared != ""
    if not told.any():
        return
    part = rows.iloc[np.flatnonzero(told)]
    files = column_or(part, "source_file", dtype="string").astype("string").fillna("")
    for (file, platform, handle, ids), posts in part.groupby(
            [files, part["platform"].astype("string"),
             part["account_handle"].astype("string"), shared[told]], sort=True):
        log.add(file or f"posts ({platform})", "account_handle_shared",
                f"{counted(len(posts), f'{platform} post', f'{platform} posts')} of the handle "
                f"{handle} with no account id: the {platform} posts of that handle write "
                f"several ({ids}), and the display name does not tell which: none given, the "
                "account unknown", rows=len(posts))


def _note_ids_given(rows: pd.DataFrame, ids: np.ndarray, log: QualityLog) -> None:
    """One ``account_id_from_name`` info per file and account of the posts ``rows`` that
    :func:`ids_from_names` gave the account id ``ids`` (theirs, in their order)."""
    files = column_or(rows, "source_file", dtype="string").astype("string").fillna("")
    for (file, platform, account), part in rows.groupby(
            [files, rows["platform"].astype("string"), ids], sort=True):
        names = _accounts(part.iloc[:1], ("account_handle", "account_name"))[0]
        log.add(file or f"posts ({platform})", "account_id_from_name",
                f"{counted(len(part), f'{platform} post', f'{platform} posts')} of {names} "
                f"with no account id: given {account}, the one the {platform} posts of the "
                "same names write",
                level="info", rows=len(part))


def _as_written(names: pd.Series, name: str) -> str:
    """The account ``name`` as the platform's rows write it (``names``: a handle without its
    @, an id), else as given, without a leading @."""
    key = account_key(name)
    same = names.dropna()[names.dropna().map(account_key).eq(key).to_numpy(bool)]
    return str(same.iloc[-1]) if len(same) else str(name).strip().lstrip("@")


def _note_former(table: str, rows: pd.DataFrame, platform: str, former: dict[str, str],
                 log: QualityLog) -> None:
    """One ``account_former_name`` info per file of the ``table``'s ``rows`` whose account
    id :func:`current_names` renamed, naming the former and the current name."""
    files = column_or(rows, "source_file", dtype="string").astype("string").fillna("")
    for (file, name), part in rows.groupby([files, rows["account_id"].astype("string")],
                                           sort=True):
        n = len(part)
        name_it = f"{table_rows(table, n, kind=platform)} {agree(n, 'names', 'name')}"
        log.add(file or f"{platform}", "account_former_name", f"{name_it} the account {name}, "
                f"which brand.yaml declares a former name of {former[account_key(name)]}: "
                "taken as that account's", level="info", rows=len(part))


def _posted(posts: pd.DataFrame, platform: str) -> dict[str, str]:
    """The accounts ``platform``'s posts name, by id, handle or display name: each one's key
    (:func:`account_key`) → the name as written."""
    if not len(posts) or "platform" not in posts.columns:
        return {}
    rows = _of(posts, platform)
    out: dict[str, str] = {}
    for column in _NAMES["posts"]:
        if column in posts.columns:
            for name in posts[column].loc[rows].dropna().astype("string").unique():
                if (key := account_key(name)) is not None:
                    out.setdefault(key, str(name))
    return out


def keep_declared_accounts(ds):
    """``ds`` without the rows of accounts brand.yaml does not declare (see the module's
    docstring), its quality log with a warning per file and account left out
    (``account_not_declared``), and one per platform whose declared account no row names
    while others are named (``account_declared_unseen``: kept). Unchanged without declared
    accounts, save for a warning per platform declared none of whose exports name several
    accounts (:func:`_note_several_undeclared`)."""
    declared = declared_accounts(ds.brand)
    log = QualityLog()
    _note_several_undeclared(ds, declared, log)
    if not declared:
        return replace(ds, quality=_with_notes(ds.quality, log)) if log.entries else ds
    tables = {t: _Table(getattr(ds, t), _NAMES[t]) for t in _NAMES}
    verdicts = {t: table.verdicts(declared) for t, table in tables.items()}
    known = _with_ids(declared, tables, verdicts)
    if known != declared:
        verdicts = {t: table.verdicts(known) for t, table in tables.items()}
    trusted = []
    for platform, names in declared.items():
        found = {t: table.rows(platform) for t, table in tables.items()}
        if any((verdicts[t][found[t]] == "mine").any() for t in tables):
            trusted.append(platform)
        elif any((verdicts[t][found[t]] == "foreign").any() for t in tables):
            others = sorted({a for t, table in tables.items()
                             for a in _accounts(table.frame.loc[found[t]], _NAMES[t])})
            log.add(f"brand.yaml ({platform})", "account_declared_unseen",
                    f"brand.yaml declares the {platform} account "
                    f"{_listed(dict.fromkeys(names.values()))}, "
                    f"which no export names; the {platform} rows name "
                    f"{_listed(others)}: kept as the brand's (write the account as its "
                    "exports name it, its handle or id, to leave others' out)")
    _note_unchecked(tables["posts"], verdicts["posts"], declared, ds.quality, log)
    changes = {}
    named_by_file = _files_noted(ds.quality, "account_from_name")
    for t, table in tables.items():
        foreign = (verdicts[t] == "foreign") & table.rows(*trusted)
        if foreign.any():
            _note_foreign(t, table.frame.loc[foreign], declared, log, named_by_file)
            changes[t] = table.frame.loc[~foreign].reset_index(drop=True)
    if not log.entries:
        return ds
    quality = _with_notes(ds.quality, log)
    files = _mark_emptied(ds.files, {t: table.frame for t, table in tables.items()}, changes)
    return replace(ds, **changes, quality=quality, files=files)


def give_lost_accounts(ds):
    """``ds`` with the daily and audience rows whose file lost its account with its name
    (``rows_account_unknown``: a TikTok ``Overview.csv`` or a Studio ``Totals.csv`` taken out
    of its zip and renamed) given the account brand.yaml declares for the platform when it
    declares one, noted (``account_from_brand``, info) in place of the loader's warning,
    which stays for rows still of no account (brand.yaml declaring none or several). A
    file's rows the merge gave the account the platform's other files name
    (``account_assigned``) lose the warning too. Unchanged when no file lost its account."""
    lost = _files_noted(ds.quality, "rows_account_unknown")
    if not lost:
        return ds
    declared = declared_accounts(ds.brand)
    known = KnownAccounts(declared, ds.posts)
    log, changes, unknown = QualityLog(), {}, set()
    for t in ("daily", "audience"):
        frame = getattr(ds, t)
        files = column_or(frame, "source_file", dtype="string").astype("string")
        rows = (files.isin(lost) & frame["account_id"].isna()).to_numpy(bool)
        account = frame["account_id"].copy()
        platform = frame["platform"].astype("string")
        for (file, plat), part in frame.loc[rows].groupby([files[rows], platform[rows]],
                                                          sort=True):
            if len(set(declared.get(plat, {}).values())) != 1:
                unknown.add(file)
                continue
            mine = known.accounts(plat)[0]
            account.loc[part.index] = mine.id
            shown = shown_platform(plat)
            name_it = counted(len(part), f"{shown} {t} row names", f"{shown} {t} rows name")
            log.add(file, "account_from_brand", f"{name_it} no account (the file's name is "
                    f"not {shown}'s): taken as {mine.name}'s, the one {shown} account brand.yaml "
                    "declares", level="info", rows=len(part))
        if not account.equals(frame["account_id"]):
            changes[t] = frame.assign(account_id=account)
    q = ds.quality
    resolved = (q["code"].eq("rows_account_unknown").fillna(False)
                & ~q["file"].astype("string").isin(unknown).fillna(False)).to_numpy(bool)
    quality = q.loc[~resolved].reset_index(drop=True)
    return replace(ds, **changes, quality=_with_notes(quality, log) if log.entries else quality)


def _note_several_undeclared(ds, declared: dict[str, dict[str, str]], log: QualityLog) -> None:
    """One ``accounts_undeclared`` warning per platform brand.yaml declares no account of
    whose rows name several accounts, each with its rows and files: both are kept (a brand
    may have two), but another brand's Instagram export dropped in a folder without
    ``accounts:`` doubled every Instagram figure (60 posts instead of 30) with no word. The
    warning gives the line of brand.yaml that would keep each account alone: which one is the
    brand's, the files cannot tell.

    Posts' accounts are told apart by their id (a handle renamed is one account); a daily or
    audience row's account id counts as another account only when no posts' name and no
    other row's id has its :func:`account_key` (X's daily rows name the handle its posts'
    links give)."""
    for platform in sorted(_platforms(ds) - declared.keys()):
        accounts = _platform_accounts(ds, platform)
        if len(accounts) < 2:
            continue
        accounts.sort(key=lambda a: (-a[1], a[0]))
        described = [f"{name} ({table_rows(table, n)}: {_listed(files)})"
                     for name, n, table, files, _ in accounts]
        lines = _listed([f"'accounts: {{{platform}: {a[4]}}}'" for a in accounts])
        log.add(f"brand.yaml ({platform})", "accounts_undeclared",
                f"the {platform} exports name {len(accounts)} accounts, "
                f"{', '.join(described[:-1])} and {described[-1]}, and brand.yaml declares no "
                f"{platform} account: all kept as the brand's, their figures added up; if one "
                f"is another brand's, declare the brand's own in brand.yaml ({lines}, "
                "whichever is the brand's) to leave the others out",
                rows=sum(a[1] for a in accounts))


def _platforms(ds) -> set[str]:
    """The platforms of the rows of the tables that name accounts."""
    return {str(p) for t in _NAMES for p in column_or(getattr(ds, t), "platform",
                                                      dtype="string").dropna().unique()}


def _platform_accounts(ds, platform: str) -> list[tuple[str, int, str, list[str], str]]:
    """The accounts ``platform``'s rows name when they name several, each as (its names
    joined, its rows, their table, the names of their files, the name brand.yaml would
    declare it by): the posts' accounts by id (:func:`_posted_by_id`), then the daily and
    audience rows' ids no name of an account already found has. [] for one account or none,
    told from their distinct names alone: one account a platform is the common case, and
    the rows of each taken with every column cost the load of a million posts (the sample's
    six platforms) 6 to 12 s on a shared machine, 0.2 to 0.4 s told so."""
    found, seen = [], set()          # (table, account id, its key)
    for account_id, keys in _posted_by_id(ds.posts, platform).items():
        found.append(("posts", account_id, account_key(account_id)))
        seen |= keys
    for table in ("daily", "audience"):
        frame = getattr(ds, table)
        ids = column_or(frame, "account_id", dtype="string").loc[_of(frame, platform)]
        for account_id in ids.astype("string").dropna().unique():
            if (key := account_key(account_id)) is not None and key not in seen:
                found.append((table, str(account_id), key))
                seen.add(key)
    if len(found) < 2:
        return []
    return [_account_rows(getattr(ds, table), platform, table, account_id, key)
            for table, account_id, key in found]


def _account_rows(frame: pd.DataFrame, platform: str, table: str, account_id: str,
                  key: str | None) -> tuple[str, int, str, list[str], str]:
    """One account of :func:`_platform_accounts`, of its rows in ``frame`` (the ``table``'s)."""
    rows = frame.loc[_of(frame, platform, "account_id", {key})]
    if table != "posts":
        return account_id, len(rows), table, _file_names(rows), account_id
    handle = column_or(rows, "account_handle", dtype="string").dropna()
    return (_accounts(rows.iloc[:1], _NAMES["posts"])[0], len(rows), table,
            _file_names(rows), str(handle.iloc[0]) if len(handle) else account_id)


def _of(frame: pd.DataFrame, platform: str, column: str | None = None,
        keys: set | None = None) -> np.ndarray:
    """Which rows of ``frame`` are ``platform``'s (and, with ``column``, whose ``column``'s
    :func:`account_key` is one of ``keys``), as a boolean array. The platforms are compared
    as they are (a categorical by its codes): cast to strings once a platform and table, a
    million posts' took most of the check of their accounts (:func:`_platform_accounts`)."""
    rows = column_or(frame, "platform", dtype="string").eq(platform).fillna(False).to_numpy(bool)
    if column is not None:
        codes, found = _name_codes(column_or(frame, column, dtype="string"))
        rows = rows & np.isin(codes, [i for i, k in enumerate(found[:-1]) if k in keys])
    return rows


def _file_names(rows: pd.DataFrame) -> list[str]:
    """The names of the files of ``rows`` (the last part of their path), each once; each
    path split once, not once a row."""
    files = column_or(rows, "source_file", dtype="string").dropna().unique()
    return list(dict.fromkeys(re.split(r"[/\\!]", str(f))[-1] for f in files)) or ["no file"]


def _note_unchecked(posts: _Table, verdicts: np.ndarray, declared: dict[str, dict[str, str]],
                    quality: pd.DataFrame, log: QualityLog) -> None:
    """One ``account_unchecked`` warning per export of posts of a platform brand.yaml declares
    an account of whose rows name no account: they are kept as the brand's (readable but
    odd: the account is unknown, not another's), and the warning names the columns the
    file's parse left unread that may hold it, with the synonyms.csv rows that would read
    them. An Italian Facebook export of another Page, its ``ID della Pagina`` unread, added
    that Page's 18 posts to the brand's with no word. Not for a file whose loader said its
    account was lost with its name (``posts_account_unknown``: a TikTok or YouTube export
    taken out of its zip and renamed), which has no column to point to. Daily and audience
    rows are not checked: most exports of them name no account (Meta's daily charts)."""
    frame = posts.frame
    unnamed = (verdicts == "") & posts.rows(*declared)
    if not unnamed.any():
        return
    unread = unread_columns(quality)
    told = _files_noted(quality, "posts_account_unknown")    # the loader said why, and how
    rows = frame.loc[unnamed]
    files = column_or(rows, "source_file", dtype="string").astype("string").fillna("")
    for (file, platform), part in rows.groupby([files, rows["platform"].astype("string")],
                                               sort=True):
        if file in told:
            continue
        mine = _listed(dict.fromkeys(declared[platform].values()))
        name_it = counted(len(part), f"{platform} post names", f"{platform} posts name")
        message = (f"{name_it} no account (no column of the account was read): whether the "
                   f"account is {mine}, the one brand.yaml declares, could not be checked; "
                   "kept as the brand's")
        if unread.get(file):
            family, lang = _family_and_language(part)
            names = [c for c in _NAMES["posts"]
                     if any(s.family == family and s.canonical == c for s in synonyms())]
            message += "; " + synonyms_advice(unread[file], family, names, lang, "the account")
        log.add(file or f"posts ({platform})", "account_unchecked", message, rows=len(part))


def _family_and_language(rows: pd.DataFrame) -> tuple[str, str]:
    """The synonym family of the format ``rows`` were read by and the language of their file
    (``source_locale``), as a synonyms.csv row writes them; placeholders where unknown."""
    fmt = column_or(rows, "source_format", dtype="string").dropna()
    found = find_format(str(fmt.iloc[0])) if len(fmt) else None
    locale = column_or(rows, "source_locale", dtype="string").dropna()
    return (found.family if found is not None else "<family>",
            str(locale.iloc[0]).split("-")[0] if len(locale) else "<language>")


class _Table:
    """One table's rows as the account checks read them: each row's platform and the keys
    (:func:`account_key`) of its account's names, found once per table.

    The checks ask which rows are a platform's, and whose names are among some declared
    ones, for each declared platform, twice over (the declared names, then with the ids found
    the brand's): converting the platform and name columns at each question took three
    fifths of a warm load of the sample brand.
    """

    def __init__(self, frame: pd.DataFrame, columns: tuple[str, ...]):
        self.frame = frame
        if len(frame) and "platform" in frame.columns:
            self._platform, platforms = pd.factorize(frame["platform"].astype("string"))
        else:                   # no row is any platform's
            self._platform, platforms = np.full(len(frame), -1), []
        self._platforms = list(platforms)
        #: per name column: each row's code and the key of each code ([-1]: no name, None)
        self._names = {c: _name_codes(frame[c]) for c in columns if c in frame.columns}

    def rows(self, *platforms: str) -> np.ndarray:
        """Which rows are one of ``platforms``', as a boolean array."""
        return np.isin(self._platform, [i for i, p in enumerate(self._platforms)
                                        if p in platforms])

    def verdicts(self, declared: dict[str, dict[str, str]]) -> np.ndarray:
        """Per row: "mine" when one of its account's names is one ``declared`` for its
        platform, "foreign" when it names an account but none declared, "" when it names
        none or its platform has none declared."""
        out = np.full(len(self.frame), "", dtype=object)
        named = np.zeros(len(self.frame), dtype=bool)
        for codes, keys in self._names.values():
            named |= np.array([k is not None for k in keys])[codes]
        for platform, mine in declared.items():
            rows = self.rows(platform)
            if not rows.any():
                continue
            matched = np.zeros(len(self.frame), dtype=bool)
            for codes, keys in self._names.values():
                matched |= np.isin(codes, [i for i, k in enumerate(keys[:-1]) if k in mine])
            out[rows & named] = "foreign"
            out[rows & matched] = "mine"
        return out

    def ids(self, rows: np.ndarray) -> list[str]:
        """The keys of the account ids of ``rows``, each once, in the order of the rows."""
        if "account_id" not in self._names:
            return []
        codes, keys = self._names["account_id"]
        return [k for k in keys[pd.unique(codes[rows])] if k is not None]


def _with_ids(declared: dict[str, dict[str, str]], tables: dict[str, _Table],
              verdicts: dict[str, np.ndarray]) -> dict[str, dict[str, str]]:
    """``declared`` with, per platform, the account ids of the rows found the brand's
    (``verdicts`` "mine", in any table): a row of the same id is the brand's whatever its
    handle or name. The brand's autumn posts, exported when its handle was ``seve.paris``,
    were left out as another account's beside its winter posts of the same id."""
    out = {platform: dict(names) for platform, names in declared.items()}
    for t, table in tables.items():
        mine = verdicts[t] == "mine"
        for platform, names in out.items():
            for key in table.ids(mine & table.rows(platform)):
                names.setdefault(key, key)
    return out


def _mark_emptied(files: pd.DataFrame, tables: dict[str, pd.DataFrame],
                  changes: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``files`` with the status ``other_account`` for the exports read whose rows were all
    left out as another account's: still listed, but no longer an export of the brand's data.
    Read "ok", another account's December to February made the data as of 8 March, the span
    and the posts' coverage run to February, and a January report was written of nothing. An
    export partly left out keeps its status: some of its rows are the brand's."""
    if not len(files) or not {"path", "status"} <= set(files.columns):
        return files
    def sources(frame: pd.DataFrame) -> set[str]:
        if "source_file" not in frame.columns:
            return set()
        return set(frame["source_file"].dropna().astype(str))

    touched = set().union(*(sources(tables[t]) - sources(changes[t]) for t in changes))
    kept = set().union(*(sources(changes.get(t, frame)) for t, frame in tables.items()))
    emptied = (files["path"].astype(str).isin(touched - kept)
               & files["status"].astype("string").eq("ok").fillna(False)).to_numpy(bool)
    if not emptied.any():
        return files
    out = files.copy()
    out.loc[emptied, "status"] = "other_account"
    return out


def _name_codes(names: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each of ``names``' code and the :func:`account_key` of each code, computed once per
    distinct name (a daily table has a few accounts in many rows); a missing name has the
    code -1, whose key, the last, is None."""
    codes, uniques = pd.factorize(names.astype("string"))
    return codes, np.array([account_key(u) for u in uniques] + [None], dtype=object)


def _accounts(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[str]:
    """The accounts ``frame``'s rows name, each as its names (id, handle, display name)
    joined: ``17841400000000001 / atelierlumiere / Atelier Lumière``."""
    columns = [c for c in columns if c in frame.columns]
    if not columns:
        return []
    names = frame[columns].astype("string").drop_duplicates()
    return [" / ".join(dict.fromkeys(str(v) for v in row if not pd.isna(v)))
            for row in names.itertuples(index=False)
            if any(not pd.isna(v) for v in row)]


def _files_noted(quality: pd.DataFrame, code: str) -> set[str]:
    """The files the load noted ``code`` of: ``account_from_name``, whose account the loader
    read from their name (an X overview renamed ``account_overview_analytics_<handle>.csv``);
    ``posts_account_unknown`` and ``rows_account_unknown``, whose account the loader said
    lost with their name."""
    if quality is None or not len(quality) or not {"file", "code"} <= set(quality.columns):
        return set()
    return set(quality.loc[quality["code"].eq(code).fillna(False).to_numpy(bool),
                           "file"].astype(str))


def _note_foreign(table: str, rows: pd.DataFrame, declared: dict[str, dict[str, str]],
                  log: QualityLog, named_by_file: set[str] = frozenset()) -> None:
    """One ``account_not_declared`` warning per file and platform of the ``rows`` left out,
    naming the accounts found and the one declared; for a file whose account was read from
    its name (``named_by_file``), how to rename it if it is the brand's own export: the
    brand's X overview renamed ``…_octobre.csv`` read as the account ``octobre``'s, and the
    warning said only that it was another account's."""
    files = rows["source_file"].astype("string").fillna("") if "source_file" in rows else (
        pd.Series("", index=rows.index))
    for (file, platform), part in rows.groupby([files, rows["platform"].astype("string")],
                                               sort=True):
        accounts = _accounts(part, _NAMES[table])
        mine = list(dict.fromkeys(declared[platform].values()))
        renaming = (_renaming(file, accounts[0], mine[0])
                    if file in named_by_file and accounts else "")
        of_them = table_rows(table, len(part), kind=platform)
        log.add(file or f"{table} ({platform})", "account_not_declared",
                f"{of_them} of the account {_listed(accounts)}, not the one "
                f"brand.yaml declares ({_listed(mine)}): left out of the brand's figures"
                f"{renaming or _renamed_hint(platform, part, mine[0])}",
                rows=len(part))


def _renamed_hint(platform: str, rows: pd.DataFrame, mine: str) -> str:
    """What an ``account_not_declared`` warning says of the account renamed it may be: the
    brand's own account under a former handle (an X export made before the rename names
    it in every post's link), and how brand.yaml declares the former handle as the same
    account's (:func:`declared_accounts`)."""
    column = "account_handle" if "account_handle" in rows.columns else "account_id"
    former = rows[column].dropna().astype("string")
    if former.empty:
        return ""
    return (f"; if {former.iloc[0]} is the brand's own account under a former handle (a "
            f"rename), declare it in brand.yaml as that account's: "
            f"'{platform}: {{{mine}: [{former.iloc[0]}]}}'")


def _renaming(file: str, account: str, mine: str) -> str:
    """What an ``account_not_declared`` warning says of a file whose ``account`` was read
    from its name: that it was, and the name to give it if it is the brand's own export,
    with the declared account (``mine``) in place of the one read (the last place the name
    writes it: ``account_overview_analytics_octobre.csv`` →
    ``account_overview_analytics_maisonseve.csv``)."""
    name = re.split(r"[/\\!]", file)[-1]
    head, found, tail = name.rpartition(account)
    if not found:
        return ""
    return (f"; the account {account!r} was read from the file's name: if the file is the "
            f"brand's own export, rename it {head + mine.lstrip('@') + tail!r}")


def _listed(names) -> str:
    """Names as a list in a sentence: ``a``, ``a or b``."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def note_account_gaps(ds):
    """``ds`` with a warning (``account_days_lacking``) per account of a platform whose daily
    rows lack days another account of the platform has: a platform's daily series sum its
    accounts, so such a day is unknown for the platform, not that account's 0 (the alerts
    watch each account on its own series, where the day is missing for that account alone:
    :func:`~smmanalytics._alert_signals._account_frames`). Only Python's logging said so,
    which a report does not show: a second TikTok account whose export ends on 20 October
    left the platform's net followers unknown for the rest of October, unsaid.

    The note goes to the file of the account's last day (the export that ends early, most
    often) and names the days as ranges. Unchanged when no platform has two accounts."""
    daily = ds.daily
    if daily.empty or not {"platform", "account_id", "date"} <= set(daily.columns):
        return ds
    rows = pd.Series(True, index=daily.index)
    for column in ("hour", "post_id"):       # account totals only, as the signals read them
        if column in daily.columns:
            rows &= daily[column].isna()
    # rows naming no account are a series of their own, as the signals sum them
    account = daily["account_id"].astype("string").fillna("")
    days = pd.DataFrame({"platform": daily["platform"], "account_id": account,
                         "date": pd.to_datetime(daily["date"]),
                         "file": column_or(daily, "source_file")}).loc[rows.to_numpy(bool)]
    log = QualityLog()
    for platform, g in days.groupby("platform", observed=True, sort=True):
        if g["account_id"].nunique() < 2:
            continue
        platform_days = pd.DatetimeIndex(g["date"].unique())
        for account, mine in g.groupby("account_id", observed=True, sort=True):
            lacking = platform_days.difference(pd.DatetimeIndex(mine["date"].unique()))
            if len(lacking):
                where = mine["file"].iloc[int(np.argmax(mine["date"].to_numpy()))]
                who = f"account {account}" if account else "rows naming no account"
                where = where if pd.notna(where) else f"{platform} ({who})"
                log.add(where, "account_days_lacking",
                        f"{platform} {who}: no daily row on {len(lacking)} "
                        f"day{'' if len(lacking) == 1 else 's'} the platform's other accounts "
                        f"have ({_day_ranges(lacking)}): the platform's daily totals, and its "
                        "alert signals, are unknown on them")
    if not log.entries:
        return ds
    return replace(ds, quality=_with_notes(ds.quality, log))


def _with_notes(quality: pd.DataFrame, log: QualityLog) -> pd.DataFrame:
    """``quality`` with ``log``'s notes after it, conformed: two frames whose ``level``
    categories differ concatenate to text, which the quality table's schema refuses."""
    return conform(pd.concat([quality, log.to_frame()], ignore_index=True), "quality")


def _day_ranges(days: pd.DatetimeIndex) -> str:
    """Sorted days as ranges of consecutive days: "2026-10-21..2026-10-31, 2026-11-03"."""
    days = days.sort_values()
    run = np.cumsum(np.r_[True, np.diff(days.asi8) != pd.Timedelta(days=1).value])
    parts = []
    for k in np.unique(run):
        first, last = days[run == k][[0, -1]]
        parts.append(f"{first:%Y-%m-%d}" if first == last
                     else f"{first:%Y-%m-%d}..{last:%Y-%m-%d}")
    return ", ".join(parts)
