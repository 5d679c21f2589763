"""An account renamed: brand.yaml writes its former handles (``x: {maisonseve:
[seveparis]}``), and the rows naming them load as the one account's; without it, the
warning that leaves them out says they may be the brand's own account renamed, and how to
declare it (``_accounts.declared_accounts``, ``_accounts.current_names``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics import schema
from smmanalytics._accounts import KnownAccounts, declared_accounts
from smmanalytics.brand import Brand, read_brand
from smmanalytics.errors import ConfigError


def _content(path: Path, handle: str, posts: list[tuple[str, str, int]]) -> None:
    """An X content export of ``posts`` (id, day, impressions), each linked under ``handle``
    (X's links name the account as it was when the export was made)."""
    head = "Post id,Date,Post text,Post Link,Impressions,Likes,Replies,Reposts\n"
    body = "".join(f'{i},"{day}",text,https://x.com/{handle}/status/{i},{imp},1,0,0\n'
                   for i, day, imp in posts)
    path.write_text(head + body, encoding="utf-8")


def _renamed_brand(root: Path, accounts: str) -> Path:
    """Three September posts exported as ``seveparis`` (100, 200, 300 impressions), two
    October posts as ``maisonseve`` (1000, 2000), brand.yaml's ``accounts`` as given."""
    (root / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n"
                                     f"language: en\naccounts:\n  x: {accounts}\n",
                                     encoding="utf-8")
    _content(root / "account_analytics_content_2026-09-01_2026-09-30.csv", "seveparis",
             [("2040000000000000001", "Tue, Sep 1, 2026", 100),
              ("2040000000000000002", "Wed, Sep 2, 2026", 200),
              ("2040000000000000003", "Thu, Sep 3, 2026", 300)])
    _content(root / "account_analytics_content_2026-10-01_2026-10-31.csv", "maisonseve",
             [("2050000000000000001", "Thu, Oct 1, 2026", 1000),
              ("2050000000000000002", "Fri, Oct 2, 2026", 2000)])
    return root


def _notes(ds, code: str):
    return ds.quality.loc[ds.quality["code"].eq(code).fillna(False).to_numpy(bool)]


def test_a_former_handle_not_declared_is_left_out_with_a_rename_hint(tmp_path):
    """brand.yaml names the current handle only: the 3 posts of seveparis are left out (2
    kept, 1000 + 2000 = 3000 impressions), and the warning says how to declare the rename."""
    ds = smm.load(_renamed_brand(tmp_path, "maisonseve"), cache=False)
    assert len(ds.posts) == 2 and float(ds.posts["impressions"].sum()) == 3000.0
    left = _notes(ds, "account_not_declared")
    assert left["rows"].tolist() == [3]
    assert "under a former handle (a rename)" in left["message"].iloc[0]
    assert "'x: {maisonseve: [seveparis]}'" in left["message"].iloc[0]


def test_a_declared_former_handle_loads_as_the_one_account(tmp_path):
    """``x: {maisonseve: [seveparis]}``: the 5 posts are kept, all of the account
    maisonseve (X's account id is its handle), 100 + 200 + 300 + 1000 + 2000 = 3600
    impressions, and an info per file renamed (the September export: 3 posts); nothing
    left out."""
    ds = smm.load(_renamed_brand(tmp_path, "{maisonseve: [seveparis]}"), cache=False)
    assert len(ds.posts) == 5 and float(ds.posts["impressions"].sum()) == 3600.0
    assert set(ds.posts["account_id"]) == {"maisonseve"}
    former = _notes(ds, "account_former_name")
    assert former["rows"].tolist() == [3] and (former["level"] == "info").all()
    assert Path(former["file"].iloc[0]).name.endswith("2026-09-30.csv")
    assert _notes(ds, "account_not_declared").empty


def test_former_names_are_one_account_among_several():
    """A list mixing an account with its former names and another account: the keys of
    ``maisonseve``, ``seveparis`` and ``@Seve_Paris`` all give ``maisonseve``; two
    accounts, not four."""
    brand = Brand(name="b", accounts={"x": [{"maisonseve": ["seveparis", "@Seve_Paris"]},
                                            "maisonseve.shop"]})
    declared = declared_accounts(brand)
    assert declared == {"x": {"maisonseve": "maisonseve", "seveparis": "maisonseve",
                              "maisonseveshop": "maisonseve.shop"}}
    accounts = KnownAccounts(declared, schema.empty("posts")).accounts("x")
    assert [(a.name, sorted(a.keys)) for a in accounts] == [
        ("maisonseve", ["maisonseve", "seveparis"]), ("maisonseve.shop", ["maisonseveshop"])]


@pytest.mark.parametrize("entry", ["{maisonseve: {seveparis: 1}}", "[[maisonseve]]",
                                   "{maisonseve: [[seveparis]]}"])
def test_an_account_entry_of_another_shape_names_its_line(tmp_path, entry):
    """brand.yaml's ``accounts.x`` neither a name, a list of names, nor a name with its
    former names: an error naming the file, the key's line (5: after name, timezone,
    language, accounts) and what it takes."""
    path = tmp_path / "brand.yaml"
    path.write_text(f"name: b\ntimezone: UTC\nlanguage: en\naccounts:\n  x: {entry}\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_brand(path)
    message = str(err.value)
    assert "brand.yaml" in message and "line 5" in message and "accounts.x" in message
    assert "{maisonseve: [seveparis]}" in message
