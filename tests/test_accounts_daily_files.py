"""Meta's daily charts name no account. On a platform where the brand has several accounts
(two Instagram accounts, a main one and a shop), a file's account is read from its name or
folder below the folder loaded; two files naming none are no re-export of one another for
sharing their days: both are kept, with a warning naming both files
(``_merge._daily_accounts``, ``_merge._unknown_series_apart``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics._accounts import BrandAccount
from smmanalytics._merge import _named_account

from .test_accounts import _export

MAIN_ID, SHOP_ID = "17841402958311467", "17841400000000002"


def _follows(path: Path, per_day: int) -> Path:
    """An Instagram follows chart of October 2026, ``per_day`` follows a day."""
    return _chart(path, "Instagram follows", per_day)


def _chart(path: Path, title: str, per_day: int) -> Path:
    """A Meta daily chart of October 2026 titled ``title``, ``per_day`` a day, as Meta writes
    it (UTF-16, ``sep=,``, the title, then the days)."""
    days = pd.date_range("2026-10-01", "2026-10-31")
    body = "".join(f'"{d:%Y-%m-%d}T00:00:00","{per_day}"\n' for d in days)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'sep=,\n"{title}"\n"Date","Primary"\n{body}', encoding="utf-16")
    return path


def _two_accounts(root: Path, shop_file: str, main_file: str =
                  "instagram_follows_2026-10-01_2026-10-31_2026-11-01.csv") -> Path:
    """The reviewer's ``two-ig-b``: brand.yaml declares two Instagram accounts; the main
    account's follows (10 a day) and the shop's (3 a day, exported two days later, at
    ``shop_file``), with one post of each account naming its id."""
    brand = root / "maison-seve"          # a folder named after the main account's handle
    brand.mkdir()
    (brand / "brand.yaml").write_text(
        "name: Maison Sève\ntimezone: Europe/Paris\nlanguage: en\n"
        "accounts:\n  instagram: [maisonseve, maisonseve.shop]\n", encoding="utf-8")
    _export(brand / "instagram_posts_2026-10-01_2026-10-31_2026-11-01.csv", MAIN_ID,
            "maisonseve", "Maison Sève", [("1001", 5, 10)])
    _export(brand / "instagram_posts_shop_2026-10-01_2026-10-31_2026-11-01.csv", SHOP_ID,
            "maisonseve.shop", "Maison Sève Shop", [("2001", 6, 20)])
    _follows(brand / main_file, 10)
    _follows(brand / shop_file, 3)
    return brand


def _notes(ds, code: str) -> pd.DataFrame:
    return ds.quality.loc[ds.quality["code"].eq(code).fillna(False).to_numpy(bool)]


def _sums(ds) -> dict[tuple[str, str], float]:
    """Each file's (name) October sum per account (``-`` for none)."""
    d = ds.daily
    return {(Path(f).name, a): float(v) for (f, a), v in d.groupby(
        [d["source_file"].astype(str), d["account_id"].astype("string").fillna("-")])
        ["value"].sum().items()}


def test_two_accounts_daily_files_naming_none_are_both_kept_with_a_warning(tmp_path):
    """The reviewer's silent case: the shop's file in ``shop/`` (a folder that names no
    account), exported later. It replaced the main account's 31 days (310 follows) with an
    info. Both are kept now: 31 × 10 = 310 and 31 × 3 = 93, the platform's October
    403 = 310 + 93; neither is given an account (the brand folder ``maison-seve`` names the
    main account, but folders above the one loaded never tell), and a warning on each file
    names the other by its path below the folder loaded (both files have the same name), as
    the quality log shows a file: its absolute path, the user's folders above the brand's,
    was said."""
    brand = _two_accounts(tmp_path, "shop/instagram_follows_2026-10-01_2026-10-31_2026-11-03.csv")
    ds = smm.load(brand, cache=False)
    main_name = "instagram_follows_2026-10-01_2026-10-31_2026-11-01.csv"
    shop_name = "instagram_follows_2026-10-01_2026-10-31_2026-11-03.csv"
    assert _sums(ds) == {(main_name, "-"): 310.0, (shop_name, "-"): 93.0}
    apart = _notes(ds, "account_series_apart")
    assert len(apart) == 2 and (apart["level"] == "warning").all()
    assert (apart["rows"] == 31).all()
    by_file = dict(zip(apart["file"].map(lambda f: Path(f).name), apart["message"],
                       strict=True))
    assert f" with shop/{shop_name}'s" in by_file[main_name]
    assert f" with {main_name}'s" in by_file[shop_name]
    assert not any(str(tmp_path) in m for m in by_file.values())
    assert "other figures on 31 of them" in by_file[main_name]
    assert "(maisonseve, maisonseve.shop)" in by_file[main_name]
    assert _notes(ds, "snapshot_merged").empty and _notes(ds, "snapshot_tie").empty


@pytest.mark.parametrize("shop_file", [
    "maisonseve.shop/instagram_follows_2026-10-01_2026-10-31_2026-11-03.csv",
    "instagram_follows_maisonseve.shop_2026-10-01_2026-10-31_2026-11-01.csv",
    f"instagram_follows_{SHOP_ID}.csv",
    "Maison Sève Shop/Follows.csv",
])
def test_a_daily_file_named_after_an_account_is_that_accounts(tmp_path, shop_file):
    """The shop's file named after the shop (its handle in the folder or the file's name,
    its id, its display name): its 31 rows (93 follows) are the shop's, given the id its
    posts name; the main account's file, naming no account, keeps its 310 follows as no
    account's (that it is the other of two accounts is a guess, not made). No warning:
    the two series are told apart. The handle ``maisonseve`` is inside the shop's
    ``maisonseve.shop``: the longest name found decides."""
    ds = smm.load(_two_accounts(tmp_path, shop_file), cache=False)
    sums = {a: v for (_, a), v in _sums(ds).items()}
    assert sums == {"-": 310.0, SHOP_ID: 93.0}
    named = _notes(ds, "account_from_file_name")
    assert len(named) == 1 and named["rows"].iloc[0] == 31
    assert named["level"].iloc[0] == "info"
    assert _notes(ds, "account_series_apart").empty


def test_a_daily_file_named_after_the_main_account_is_its(tmp_path):
    """Both files named after their accounts: 310 follows the main account's (its id
    from its posts), 93 the shop's, two notes."""
    ds = smm.load(_two_accounts(
        tmp_path, "instagram_follows_maisonseve.shop_2026-11-03.csv",
        main_file="instagram_follows_maisonseve_2026-11-01.csv"), cache=False)
    assert {a: v for (_, a), v in _sums(ds).items()} == {MAIN_ID: 310.0, SHOP_ID: 93.0}
    assert len(_notes(ds, "account_from_file_name")) == 2


def test_the_same_accounts_chart_exported_again_is_still_one_series(tmp_path):
    """The main account's chart exported again two days later into ``shop/``, its last day
    revised (31 October: 12, not 10): 30 of the 31 shared days give the same figure, one
    series, and the newer export wins: 31 rows, 30 × 10 + 12 = 312, an info on the older
    file for its 31 rows."""
    brand = _two_accounts(tmp_path, "shop/instagram_follows_2026-10-01_2026-10-31_2026-11-03.csv")
    newer = _follows(brand / "shop/instagram_follows_2026-10-01_2026-10-31_2026-11-03.csv", 10)
    text = newer.read_text(encoding="utf-16")
    newer.write_text(text.replace('"2026-10-31T00:00:00","10"', '"2026-10-31T00:00:00","12"'),
                     encoding="utf-16")
    ds = smm.load(brand, cache=False)
    assert len(ds.daily) == 31 and float(ds.daily["value"].sum()) == 312.0
    assert _notes(ds, "account_series_apart").empty
    merged = _notes(ds, "snapshot_merged")
    assert merged["rows"].tolist() == [31]


@pytest.mark.parametrize(("name", "found"), [
    ("brand/maisonseve/Follows.csv", "main"),
    ("maisonseve/follows_maisonseve.shop.csv", "shop"),     # the file's name first
    ("Follows.csv", None),
    ("maisonseve_and_rival/Follows.csv", "main"),
])
def test_the_nearest_part_of_a_name_naming_an_account_decides(name, found):
    """Of a file's name and folders, the nearest naming an account decides; the longest of
    the names inside one another found in it."""
    accounts = [BrandAccount("main", "maisonseve", frozenset({"maisonseve"})),
                BrandAccount("shop", "maisonseve.shop", frozenset({"maisonseveshop"}))]
    got = _named_account(name, accounts)
    assert (got.id if got else None) == found


def test_a_name_naming_two_accounts_alike_names_none():
    """A folder holding two accounts' names of the same length tells neither."""
    accounts = [BrandAccount("a", "seve.paris", frozenset({"seveparis"})),
                BrandAccount("b", "seve.milan", frozenset({"sevemilan"}))]
    assert _named_account("seveparis_sevemilan/Follows.csv", accounts) is None


def _charts_of_two_accounts(root: Path) -> Path:
    """Two Instagram accounts' follows, views and reach charts, each account's in a folder
    naming no account (``instagram/main/``, ``instagram/shop/``) under the same three names:
    six files, three names. The main account's 10, 100, 1000 a day, the shop's 3, 30, 300."""
    brand = _two_accounts(root, "instagram/shop/Follows.csv",
                          main_file="instagram/main/Follows.csv")
    for folder, scale in (("main", 10), ("shop", 3)):
        for name, title, factor in (("Follows.csv", "Instagram follows", 1),
                                    ("Views.csv", "Views", 10), ("Reach.csv", "Reach", 100)):
            _chart(brand / "instagram" / folder / name, title, scale * factor)
    return brand


def test_a_warnings_naming_example_is_of_the_files_own_series(tmp_path):
    """The example name the warning gives is of the file's own chart and platform: a reach
    chart is to be named instagram_reach_<handle>_….csv, not instagram_follows_…; the
    handle is the longest of the accounts' (maisonseve.shop)."""
    ds = smm.load(_charts_of_two_accounts(tmp_path), cache=False)
    apart = _notes(ds, "account_series_apart")
    # each chart's two files disagree on all 31 days: a warning on each of the 6 files
    assert len(apart) == 6 and (apart["rows"] == 31).all()
    said = {Path(f).relative_to(tmp_path / "maison-seve").as_posix(): m
            for f, m in zip(apart["file"], apart["message"], strict=True)}
    for folder in ("main", "shop"):
        for name, metric in (("Follows", "follows"), ("Views", "views"), ("Reach", "reach")):
            message = said[f"instagram/{folder}/{name}.csv"]
            assert f"instagram_{metric}_maisonseve.shop_….csv, or maisonseve.shop/" in message
            others = {"follows", "views", "reach"} - {metric}
            assert not any(f"instagram_{m}_" in message for m in others)


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_quality_table_counts_files_of_one_name_in_two_folders_apart(tmp_path, lang):
    """The quality table counted files by their name: the six files of the two accounts
    (three names, each in main/ and shop/) were "3 files". By their path in the brand's
    folder they are 6, and the example is named by that path (its folder saying which)."""
    from smmanalytics.report import BrandReport

    ds = smm.load(_charts_of_two_accounts(tmp_path), cache=False)
    rep = BrandReport(ds, "2026-10", lang=lang)
    [table] = [b for b in rep.quality_note().blocks if b["kind"] == "table"]
    sentence = rep.fmt.quality("account_series_apart", "")
    [row] = [r for r in table["rows"] if r[-1].startswith(sentence)]
    # 3 charts × 2 accounts; 31 days on each file: 6 × 31 = 186 rows
    assert row[1:3] == ["6", "186"]
    assert "instagram/main/" in row[-1] or "instagram/shop/" in row[-1]
