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

import unicodedata
from dataclasses import replace

import numpy as np
import pandas as pd

from .quality import QualityLog

__all__ = ["account_key", "declared_accounts", "keep_declared_accounts"]

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
    as written. A platform may list several (``instagram: [maisonseve, maisonseve.pro]``)."""
    out: dict[str, dict[str, str]] = {}
    for platform, names in (getattr(brand, "accounts", None) or {}).items():
        names = names if isinstance(names, list | tuple) else [names]
        keys = {account_key(n): str(n).strip() for n in names if account_key(n)}
        if keys:
            out[str(platform).strip().lower()] = keys
    return out


def keep_declared_accounts(ds):
    """``ds`` without the rows of accounts brand.yaml does not declare (see the module's
    docstring), its quality log with a warning per file and account left out
    (``account_not_declared``), and one per platform whose declared account no row names
    while others are named (``account_declared_unseen``: kept). Unchanged without declared
    accounts."""
    declared = declared_accounts(ds.brand)
    if not declared:
        return ds
    tables = {t: getattr(ds, t) for t in _NAMES}
    verdicts = {t: _verdicts(frame, _NAMES[t], declared) for t, frame in tables.items()}
    known = _with_ids(declared, tables, verdicts)
    if known != declared:
        verdicts = {t: _verdicts(frame, _NAMES[t], known) for t, frame in tables.items()}
    log = QualityLog()
    trusted = []
    for platform, names in declared.items():
        found = {t: _platform_rows(tables[t], platform) for t in tables}
        if any((verdicts[t][found[t]] == "mine").any() for t in tables):
            trusted.append(platform)
        elif any((verdicts[t][found[t]] == "foreign").any() for t in tables):
            others = sorted({a for t in tables for a in _accounts(tables[t].loc[found[t]],
                                                                  _NAMES[t])})
            log.add(f"brand.yaml ({platform})", "account_declared_unseen",
                    f"brand.yaml declares the {platform} account {_listed(names.values())}, "
                    f"which no export names; the {platform} rows name "
                    f"{_listed(others)}: kept as the brand's (write the account as its "
                    "exports name it, its handle or id, to leave others' out)")
    changes = {}
    for t, frame in tables.items():
        foreign = verdicts[t] == "foreign"
        if len(frame):
            foreign &= np.isin(frame["platform"].astype("string").fillna("").to_numpy(),
                               trusted)
        if foreign.any():
            _note_foreign(t, frame.loc[foreign], declared, log)
            changes[t] = frame.loc[~foreign].reset_index(drop=True)
    if not log.entries:
        return ds
    quality = pd.concat([ds.quality, log.to_frame()], ignore_index=True)
    files = _mark_emptied(ds.files, tables, changes)
    return replace(ds, **changes, quality=quality, files=files)


def _with_ids(declared: dict[str, dict[str, str]], tables: dict[str, pd.DataFrame],
              verdicts: dict[str, np.ndarray]) -> dict[str, dict[str, str]]:
    """``declared`` with, per platform, the account ids of the rows found the brand's
    (``verdicts`` "mine", in any table): a row of the same id is the brand's whatever its
    handle or name. The brand's autumn posts, exported when its handle was ``seve.paris``,
    were left out as another account's beside its winter posts of the same id."""
    out = {platform: dict(names) for platform, names in declared.items()}
    for t, frame in tables.items():
        if "account_id" not in frame.columns:
            continue
        mine = verdicts[t] == "mine"
        for platform, names in out.items():
            rows = mine & _platform_rows(frame, platform)
            for key in _keys(frame.loc[rows, "account_id"]).dropna().unique():
                names.setdefault(str(key), str(key))
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


def _platform_rows(frame: pd.DataFrame, platform: str) -> np.ndarray:
    """Which rows of ``frame`` are ``platform``'s, as a boolean array."""
    if not len(frame) or "platform" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return (frame["platform"].astype("string") == platform).fillna(False).to_numpy()


def _verdicts(frame: pd.DataFrame, columns: tuple[str, ...],
              declared: dict[str, dict[str, str]]) -> np.ndarray:
    """Per row of ``frame``: "mine" when one of its account's names (``columns``) is one
    brand.yaml declares for its platform, "foreign" when it names an account but none
    declared, "" when it names none or its platform has none declared."""
    out = np.full(len(frame), "", dtype=object)
    if not len(frame) or "platform" not in frame.columns:
        return out
    keys = [_keys(frame[c]) for c in columns if c in frame.columns]
    platforms = frame["platform"].astype("string")
    for platform, mine in declared.items():
        rows = (platforms == platform).fillna(False).to_numpy()
        if not rows.any():
            continue
        named = np.zeros(len(frame), dtype=bool)
        matched = np.zeros(len(frame), dtype=bool)
        for k in keys:
            named |= k.notna().to_numpy()
            matched |= k.isin(list(mine)).to_numpy()
        out[rows & named] = "foreign"
        out[rows & matched] = "mine"
    return out


def _keys(names: pd.Series) -> pd.Series:
    """:func:`account_key` of each of ``names``, computed once per distinct name (a daily
    table has a few accounts in many rows)."""
    codes, uniques = pd.factorize(names.astype("string"))     # a missing name: code -1
    keyed = np.array([account_key(u) for u in uniques] + [None], dtype=object)  # [-1]: None
    return pd.Series(keyed[codes], index=names.index, dtype="string")


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


def _note_foreign(table: str, rows: pd.DataFrame, declared: dict[str, dict[str, str]],
                  log: QualityLog) -> None:
    """One ``account_not_declared`` warning per file and platform of the ``rows`` left out,
    naming the accounts found and the one declared."""
    what = "posts" if table == "posts" else f"{table} rows"
    files = rows["source_file"].astype("string").fillna("") if "source_file" in rows else (
        pd.Series("", index=rows.index))
    for (file, platform), part in rows.groupby([files, rows["platform"].astype("string")],
                                               sort=True):
        found = _listed(_accounts(part, _NAMES[table]))
        log.add(file or f"{table} ({platform})", "account_not_declared",
                f"{len(part)} {platform} {what} of the account {found}, not the one brand.yaml "
                f"declares ({_listed(declared[platform].values())}): left out of the brand's "
                "figures",
                rows=len(part))


def _listed(names) -> str:
    """Names as a list in a sentence: ``a``, ``a or b``."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
