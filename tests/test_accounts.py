"""The brand's declared accounts: another account's export in the brand's folder (another
brand's Instagram export dropped in by mistake) is left out of the brand's figures, noted in
the quality log, and said on the report's cover."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import schema
from smmanalytics._accounts import _distinct_rows, account_key, keep_declared_accounts
from smmanalytics.brand import Brand
from smmanalytics.dataset import Dataset
from smmanalytics.report import BrandReport

SAMPLE = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"

# a Meta Business Suite Instagram posts export, as the sample writes it (cut to what matters)
HEADER = ["Post ID", "Account ID", "Account username", "Account name", "Description",
          "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
          "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]
BRAND_ID, OTHER_ID = "17841402958311467", "17841400000000001"


def _export(path, account_id, handle, name, posts, month=10):
    """An Instagram posts export of ``posts`` (post id, day of ``month`` 2026, likes)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for post_id, day, likes in posts:
            w.writerow([post_id, account_id, handle, name, "Routine d'automne", 0,
                        f"{month:02d}/{day:02d}/2026 10:00", f"https://www.instagram.com/p/{post_id}/",
                        "IG image", "", "Lifetime", 1000, 800, likes, 0, 0, 0, 0])


def _brand_folder(tmp_path, accounts: str | None):
    """The brand's October export (2 posts, 10 + 20 likes) and another brand's (2 posts,
    300 + 400 likes), with brand.yaml declaring ``accounts`` (YAML lines) or none."""
    accounts_yaml = f"accounts:\n{accounts}" if accounts else ""
    (tmp_path / "brand.yaml").write_text(
        f"name: Maison Sève\ntimezone: Europe/Paris\nlanguage: en\n{accounts_yaml}",
        encoding="utf-8")
    _export(tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv", BRAND_ID,
            "maisonseve", "Maison Sève", [("1001", 5, 10), ("1002", 12, 20)])
    _export(tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-03.csv", OTHER_ID,
            "atelierlumiere", "Atelier Lumière", [("2001", 6, 300), ("2002", 13, 400)])
    return tmp_path


def _notes(ds, code):
    return ds.quality.loc[ds.quality["code"].eq(code).fillna(False).to_numpy()]


@pytest.mark.parametrize("declared", ["maisonseve", "'@MaisonSeve'", BRAND_ID, "Maison Sève",
                                      "[maisonseve, maisonseve.pro]"])
def test_another_accounts_export_is_left_out_and_noted(tmp_path, declared):
    # the handle, @handle in capitals, the id and the display name all name the brand's
    # account; the other export's 2 posts (700 likes) leave the figures: 10 + 20 = 30
    ds = smm.load(_brand_folder(tmp_path, f"  instagram: {declared}\n"), cache=False)
    assert sorted(ds.posts["post_id"]) == ["1001", "1002"]
    assert ds.posts["interactions"].sum() == 30
    notes = _notes(ds, "account_not_declared")
    assert len(notes) == 1
    note = notes.iloc[0]
    assert note["file"].endswith("instagram_posts_2026-10-01_2026-10-31_2026-11-03.csv")
    assert (note["level"], note["rows"]) == ("warning", 2)
    assert f"{OTHER_ID} / atelierlumiere / Atelier Lumière" in note["message"]
    written = declared.strip("'[]").split(",")[0]          # as brand.yaml writes it
    assert f"declares ({written}" in note["message"]


def test_without_declared_accounts_every_account_counts_with_a_warning(tmp_path):
    # no accounts in brand.yaml: nothing to compare with, both exports count (4 posts,
    # 10 + 20 + 300 + 400 = 730 interactions), and one warning names the two accounts (2
    # posts each, theirs by id), their files, and the lines that would keep either alone
    ds = smm.load(_brand_folder(tmp_path, None), cache=False)
    assert len(ds.posts) == 4 and ds.posts["interactions"].sum() == 730
    assert _notes(ds, "account_not_declared").empty
    notes = _notes(ds, "accounts_undeclared")
    assert notes[["file", "level", "rows"]].values.tolist() == [
        ["brand.yaml (instagram)", "warning", 4]]
    assert notes.iloc[0]["message"] == (
        "the instagram exports name 2 accounts, "
        f"{OTHER_ID} / atelierlumiere / Atelier Lumière (2 posts: "
        "instagram_posts_2026-10-01_2026-10-31_2026-11-03.csv) and "
        f"{BRAND_ID} / maisonseve / Maison Sève (2 posts: "
        "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv), and brand.yaml declares no "
        "instagram account: all kept as the brand's, their figures added up; if one is "
        "another brand's, declare the brand's own in brand.yaml ('accounts: {instagram: "
        "atelierlumiere}' or 'accounts: {instagram: maisonseve}', whichever is the brand's) "
        "to leave the others out")


def test_one_account_renamed_gives_no_warning(tmp_path):
    # no brand.yaml; September names the handle seve.paris, October maisonseve: one id, so
    # one account, kept (2 posts) and not said to be two
    _export(tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv", BRAND_ID,
            "maisonseve", "Maison Sève", [("1001", 5, 10)])
    _export(tmp_path / "instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv", BRAND_ID,
            "seve.paris", "Sève Paris", [("0901", 3, 1)], month=9)
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.posts) == 2 and _notes(ds, "accounts_undeclared").empty


def test_an_undeclared_platform_is_warned_beside_a_declared_one(tmp_path):
    # brand.yaml declares x only: the two Instagram accounts are both kept and said
    ds = smm.load(_brand_folder(tmp_path, "  x: maisonseve\n"), cache=False)
    assert len(ds.posts) == 4
    assert _notes(ds, "accounts_undeclared")["file"].tolist() == ["brand.yaml (instagram)"]


def test_a_declared_account_no_export_names_keeps_them_all_with_a_warning(tmp_path):
    # brand.yaml names the page by an old handle no row uses: whose the rows are is unknown,
    # so Instagram's figures are not emptied; a warning says the declaration matched nothing
    ds = smm.load(_brand_folder(tmp_path, "  instagram: maison.seve.old\n  x: maisonseve\n"),
                  cache=False)
    assert len(ds.posts) == 4
    assert _notes(ds, "account_not_declared").empty
    unseen = _notes(ds, "account_declared_unseen")
    assert len(unseen) == 1 and "maison.seve.old" in unseen.iloc[0]["message"]
    assert "atelierlumiere" in unseen.iloc[0]["message"]


def test_rows_naming_no_account_are_nobody_elses():
    # an export that gives no account at all (ids and names missing) is not another's; a row
    # of a platform brand.yaml declares nothing for is kept too
    posts = schema.empty("posts")
    posts = pd.concat([posts, pd.DataFrame({
        "platform": ["instagram", "instagram", "instagram", "tiktok"],
        "account_id": [BRAND_ID, None, OTHER_ID, "someone"],
        "post_id": ["1", "2", "3", "4"],
        "source_file": ["a.csv", "b.csv", "c.csv", "d.csv"]})], ignore_index=True)
    posts = schema.conform(posts, "posts")
    ds = Dataset(posts=posts, brand=Brand(accounts={"instagram": BRAND_ID}))
    kept = keep_declared_accounts(ds)
    assert kept.posts["post_id"].tolist() == ["1", "2", "4"]
    assert _notes(kept, "account_not_declared")["file"].tolist() == ["c.csv"]
    assert len(ds.posts) == 4                       # the caller's Dataset is unchanged


def test_an_account_id_found_the_brands_makes_all_its_rows_the_brands(tmp_path):
    # September's export was taken when the handle was seve.paris ("Sève Paris"), October's
    # names maisonseve: the same id, 17841402958311467. September's 2 posts were left out as
    # another account's; all 3 of the brand's are kept, the other brand's 2 left out
    _brand_folder(tmp_path, "  instagram: maisonseve\n")
    _export(tmp_path / "instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv", BRAND_ID,
            "seve.paris", "Sève Paris", [("0901", 3, 1), ("0902", 9, 2)], month=9)
    ds = smm.load(tmp_path, cache=False)
    assert sorted(ds.posts["post_id"]) == ["0901", "0902", "1001", "1002"]
    notes = _notes(ds, "account_not_declared")
    assert len(notes) == 1 and OTHER_ID in notes.iloc[0]["message"]


def test_a_daily_table_naming_the_account_by_its_id_is_the_brands_when_its_posts_are():
    # brand.yaml writes the handle; the daily rows give the id alone. The id of the posts
    # found the brand's (by their handle) makes its daily row the brand's; the other id's
    # daily row is left out
    posts = schema.conform(pd.DataFrame({
        "platform": ["instagram"], "account_id": [BRAND_ID], "account_handle": ["maisonseve"],
        "post_id": ["1"], "source_file": ["posts.csv"]}), "posts")
    daily = schema.conform(pd.DataFrame({
        "platform": ["instagram", "instagram"], "account_id": [BRAND_ID, OTHER_ID],
        "date": pd.to_datetime(["2026-10-01", "2026-10-01"]), "metric": ["reach", "reach"],
        "value": [100.0, 900.0], "source_file": ["daily.csv", "other_daily.csv"]}), "daily")
    kept = keep_declared_accounts(Dataset(posts=posts, daily=daily,
                                          brand=Brand(accounts={"instagram": "maisonseve"})))
    assert kept.daily["account_id"].tolist() == [BRAND_ID]
    assert _notes(kept, "account_not_declared")["file"].tolist() == ["other_daily.csv"]


def test_an_export_wholly_another_accounts_gives_the_data_none_of_its_days(tmp_path):
    # the brand's September (as of 2 October) and another account's November (as of 2
    # December): the November file stays listed, status other_account, and the data are as
    # of 2 October, span and coverage end on 30 September, a November report is refused.
    # They read 2 December, 30 November, and a November report of 0 posts
    from smmanalytics._actuals import posts_coverage
    from smmanalytics._preflight import check_covered
    from smmanalytics.errors import EmptyDataError
    from smmanalytics.periods import parse_period

    (tmp_path / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n"
                                         "accounts:\n  instagram: maisonseve\n",
                                         encoding="utf-8")
    _export(tmp_path / "instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv", BRAND_ID,
            "maisonseve", "Maison Sève", [("0901", 3, 1), ("0902", 9, 2)], month=9)
    _export(tmp_path / "instagram_posts_2026-11-01_2026-11-30_2026-12-02.csv", OTHER_ID,
            "atelierlumiere", "Atelier Lumière", [("2001", 6, 300)], month=11)
    ds = smm.load(tmp_path, cache=False)
    status = dict(zip(ds.files["path"].str.rsplit("/", n=1).str[-1], ds.files["status"],
                      strict=True))
    assert status == {"brand.yaml": "ok",
                      "instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv": "ok",
                      "instagram_posts_2026-11-01_2026-11-30_2026-12-02.csv": "other_account"}
    D = pd.Timestamp
    assert ds.as_of() == D("2026-10-02").date()
    assert ds.span("instagram") == (D("2026-09-01").date(), D("2026-09-30").date())
    assert posts_coverage(ds, "instagram") == [(D("2026-09-01").date(),
                                                D("2026-09-30").date())]
    with pytest.raises(EmptyDataError, match="no data of .* falls in 2026-11"):
        check_covered(ds, tmp_path, parse_period("2026-11"))


def test_an_export_partly_another_accounts_keeps_its_status():
    # mixed.csv holds a row of the brand's and one of another's: its status stays ok;
    # theirs.csv, all another's, is other_account
    posts = schema.conform(pd.DataFrame({
        "platform": ["instagram"] * 3, "account_id": [BRAND_ID, OTHER_ID, OTHER_ID],
        "post_id": ["1", "2", "3"], "source_file": ["mixed.csv", "mixed.csv", "theirs.csv"]}),
        "posts")
    files = pd.DataFrame({"path": ["mixed.csv", "theirs.csv"], "status": ["ok", "ok"]})
    kept = keep_declared_accounts(Dataset(posts=posts, files=files,
                                          brand=Brand(accounts={"instagram": BRAND_ID})))
    assert kept.files["status"].tolist() == ["ok", "other_account"]
    assert files["status"].tolist() == ["ok", "ok"]          # the caller's frame unchanged


def test_the_cover_says_an_export_was_left_out(tmp_path):
    ds = smm.load(_brand_folder(tmp_path, "  instagram: maisonseve\n"), cache=False)
    rep = BrandReport(ds, "2026-10", lang="en")
    assert "Posts: 2" in rep.cover_lines
    assert rep.cover_warnings == [
        "Warning: instagram_posts_2026-10-01_2026-10-31_2026-11-03.csv holds the figures of an "
        "account that brand.yaml does not declare for the platform (another brand's?): they "
        "are left out of this report (see Data quality)."]
    for lang, words in (("fr", "ne déclare pas"), ("it", "non dichiara")):
        assert words in BrandReport(ds, "2026-10", lang=lang).cover_warnings[0]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=20))
def test_an_account_key_ignores_case_at_signs_and_punctuation(handle):
    key = account_key(handle)
    assert account_key("@" + handle.upper()) == key
    assert key is None or key.isalnum()


def test_days_one_account_lacks_are_in_the_quality_log(tmp_path):
    """Two TikTok accounts, the sample's (1 November 2025 to 31 October 2026) and a second
    whose FollowerHistory ends on 20 October: the platform's daily series is unknown on 21-31
    October (11 days), which only Python's logging said; the report's quality table reads
    ``ds.quality``. The note goes to the export that ends early."""
    import shutil
    import zipfile

    (tmp_path / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n")
    shutil.copy(SAMPLE / "Followers_maisonseve.zip", tmp_path)
    with zipfile.ZipFile(SAMPLE / "Followers_maisonseve.zip") as z:
        info = z.getinfo("FollowerHistory.csv")
        lines = z.read(info).decode("utf-8-sig").splitlines()
    assert lines[-12].startswith('"October 20"')            # the last 11 lines: 21-31 October
    with zipfile.ZipFile(tmp_path / "Followers_atelier.zip", "w") as z:
        z.writestr(zipfile.ZipInfo("FollowerHistory.csv", info.date_time),
                   "\n".join(lines[:-11]) + "\n")
    ds = smm.load(tmp_path, cache=False)
    [note] = _notes(ds, "account_days_lacking").to_dict("records")
    assert note["file"].endswith("Followers_atelier.zip!FollowerHistory.csv")
    assert note["level"] == "warning"
    assert note["message"] == ("tiktok account atelier: no daily row on 11 days the platform's "
                               "other accounts have (2026-10-21..2026-10-31): the platform's "
                               "daily totals, and its alert signals, are unknown on them")
    # one account alone lacks no day another has
    (tmp_path / "Followers_atelier.zip").unlink()
    assert _notes(smm.load(tmp_path, cache=False), "account_days_lacking").empty


def test_an_account_days_note_names_each_run_of_days():
    """Account b lacks 2 and 5-6 October of account a's 1-6 October; a lacks none of b's. Rows
    of one post (post_id) are no account's days."""
    from smmanalytics._accounts import note_account_gaps

    rows = ([("a", d) for d in range(1, 7)] + [("b", d) for d in (1, 3, 4)])
    daily = pd.DataFrame({"platform": "x", "account_id": [a for a, _ in rows],
                          "date": [pd.Timestamp(2026, 10, d) for _, d in rows],
                          "metric": "unfollows", "value": 1.0, "source_file": "f.csv"})
    daily = pd.concat([daily, daily.iloc[[0]].assign(account_id="b", date=pd.Timestamp(
        "2026-10-02"), post_id="p1")], ignore_index=True)
    ds = Dataset(daily=schema.conform(daily, "daily"))
    [note] = _notes(note_account_gaps(ds), "account_days_lacking")["message"].tolist()
    assert note.startswith("x account b: no daily row on 3 days the platform's other accounts "
                           "have (2026-10-02, 2026-10-05..2026-10-06)")
    assert _notes(ds, "account_days_lacking").empty          # the caller's Dataset unchanged


# ---- account ids a spreadsheet rounded (s54RL D1)

ROUNDED = Path(__file__).parent / "fixtures" / "s54RLF_rounded_account"


def test_a_page_id_excel_rounded_is_the_same_page_not_another(tmp_path):
    """September's Facebook posts of one Page in two exports, the second re-saved by Excel
    FR (``;``, cp1252, the Page id written ``1,04938E+14``), brand.yaml declaring the Page by
    its id: its 7 posts were left out as another account's (or, undeclared, the Page counted
    as two, posts a week halved). The rounded id is left out and the posts get the id the
    first export writes for the same Page name: 7 + 7 = 14 posts of one Page, 14 ÷ (30 days
    ÷ 7) = 3.27 a week."""
    ds = smm.load(ROUNDED, cache=False)
    assert len(ds.posts) == 14
    assert ds.posts["account_id"].tolist() == ["104938275516283"] * 14
    assert _notes(ds, "account_not_declared").empty
    damaged = _notes(ds, "account_id_damaged").iloc[0]
    assert (damaged["level"], damaged["rows"]) == ("warning", 7)
    assert "'1,04938E+14'" in damaged["message"]
    assert damaged["file"].endswith("facebook_posts_2025-09-16_2025-09-30_2025-10-02.csv")
    given = _notes(ds, "account_id_from_name").iloc[0]
    assert (given["level"], given["rows"]) == ("info", 7)
    assert "given 104938275516283" in given["message"]
    table = smm.compare_benchmarks(ds, "2025-09", industry="health_beauty")
    table = getattr(table, "table", table)
    pace = table.loc[table["metric"].eq("posts_per_week")].iloc[0]
    assert pace["brand_value"] == pytest.approx(14 / (30 / 7))
    assert "per account" not in pace["note"]


@pytest.mark.parametrize("rounded, post_ids", [
    # a CSV re-saved by a spreadsheet: the id in scientific notation, the post ids exact
    ("1.78414E+16", ["3001", "3002"]),
    # Google Sheets: 15 digits kept, "…500"; the post ids cut so too ("…000", 3 zeros each)
    ("17841402958311500", ["179012345678901000", "179012345678902000"]),
])
def test_an_account_id_a_spreadsheet_rounded_is_the_brands(tmp_path, rounded, post_ids):
    """The brand's first half of October exported as is (10 + 20 likes), the second half
    re-saved (30 + 40 likes): 4 posts of one account (100 likes), none left out, the two
    rounded ids noted and given the brand's id, which the same handle carries."""
    (tmp_path / "brand.yaml").write_text(
        f"name: Maison Sève\ntimezone: Europe/Paris\naccounts:\n  instagram: '{BRAND_ID}'\n",
        encoding="utf-8")
    _export(tmp_path / "instagram_posts_2026-10-01_2026-10-15_2026-10-16.csv", BRAND_ID,
            "maisonseve", "Maison Sève", [("1001", 5, 10), ("1002", 12, 20)])
    _export(tmp_path / "instagram_posts_2026-10-16_2026-10-31_2026-11-02.csv", rounded,
            "maisonseve", "Maison Sève", [(post_ids[0], 20, 30), (post_ids[1], 27, 40)])
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["interactions"].sum() == 100
    assert ds.posts["account_id"].tolist() == [BRAND_ID] * 4
    assert _notes(ds, "account_not_declared").empty
    assert _notes(ds, "account_id_damaged")["rows"].tolist() == [2]
    assert f"'{rounded}'" in _notes(ds, "account_id_damaged").iloc[0]["message"]
    assert _notes(ds, "account_id_from_name")["rows"].tolist() == [2]


def test_a_rounded_account_id_alone_is_said_not_given_back(tmp_path):
    """The re-saved half alone (its id ``1.78414E+16``, handle and name kept): no export
    writes the account's id, so the 2 posts keep none; the note said "their account is told
    by its handle and name" (s54DB) of posts no id was given. It says they keep those
    names, by which an export of the account can give the id back; none is given."""
    _export(tmp_path / "instagram_posts_2026-10-16_2026-10-31_2026-11-02.csv", "1.78414E+16",
            "maisonseve", "Maison Sève", [("3001", 20, 30), ("3002", 27, 40)])
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].isna().tolist() == [True, True]
    note = _notes(ds, "account_id_damaged").iloc[0]
    assert note["rows"] == 2
    assert "told by" not in note["message"]
    assert ("they keep their handle and name, by which an export of the same account that "
            "writes its id gives it back") in note["message"]
    assert _notes(ds, "account_id_from_name").empty


def test_an_exact_account_id_ending_in_zeros_is_kept(tmp_path):
    """An account id of 17 digits ending in 00 in an export whose post ids are exact: two
    zeros past the 15th digit, which an exact id shows once in a hundred, with nothing
    else in the file cut; the id is kept, nothing noted."""
    _export(tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv",
            "17841400000000100", "maisonseve", "Maison Sève", [("1001", 5, 10)])
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].tolist() == ["17841400000000100"]
    assert _notes(ds, "account_id_damaged").empty


def _two_pages_named_seve(index=None) -> pd.DataFrame:
    """Six Instagram posts of three accounts (A, B, C), all named "Sève", three without an
    id: b's handle, the shared name alone, an unknown handle."""
    return pd.DataFrame({
        "platform": ["instagram"] * 6,
        "account_id": pd.array(["A", "B", None, None, None, "C"], dtype="string"),
        "account_handle": pd.array(["seve.a", "seve.b", "seve.b", None, "nobody", None],
                                   dtype="string"),
        "account_name": pd.array(["Sève", "Sève", "Sève", "Sève", None, "Sève"],
                                 dtype="string"),
        "source_file": ["a.csv", "b.csv", "c.csv", "c.csv", "c.csv", "d.csv"]}, index=index)


def test_ids_from_names_gives_an_id_only_when_the_names_tell_one():
    """Of posts without an account id: the handle of one account gives its id, though its
    display name is shared with other Pages (B); a display name alone shared by three
    accounts (A, B and C) gives none; an unknown handle none; a post with an id keeps it."""
    from smmanalytics._accounts import ids_from_names
    from smmanalytics.quality import QualityLog

    posts = _two_pages_named_seve()
    log = QualityLog()
    out = ids_from_names(posts, log)
    # row 2: seve.b → {B}, Sève → {A, B, C}: B; row 3: Sève alone → {A, B, C}: none
    assert out["account_id"].tolist() == ["A", "B", "B", pd.NA, pd.NA, "C"]
    assert posts["account_id"].isna().sum() == 3           # the caller's frame unchanged
    assert [(e["code"], e["rows"]) for e in log.entries] == [("account_id_from_name", 1)]


def _ids_from_names_per_row(posts: pd.DataFrame, log) -> pd.DataFrame:
    """The reference: ``ids_from_names`` as it was before s54, giving each post its id in a
    Python loop over the posts (1.45 s on a million posts, half without an id), with s55LD's
    rule: handles and names apart, a handle's one id given whatever the display name; of
    several, the one the name is written with, else none and a note."""
    import numpy as np

    from smmanalytics._accounts import _accounts
    from smmanalytics.schema import column_or

    columns = [c for c in ("account_handle", "account_name") if c in posts.columns]
    if not columns or not {"platform", "account_id"} <= set(posts.columns):
        return posts
    missing = posts["account_id"].isna().to_numpy(bool)
    if not missing.any() or missing.all():
        return posts
    names = posts[["platform", *columns]].astype("string")
    owners: dict = {}
    known = names.loc[~missing].assign(_id=posts["account_id"].loc[~missing]).drop_duplicates()
    for platform, *row, account in known.itertuples(index=False):
        for column, name in zip(columns, row, strict=True):
            if (key := account_key(name)) is not None:
                owners.setdefault((platform, column, key), set()).add(str(account))
    given, shared = {}, {}
    for platform, *row in names.loc[missing].drop_duplicates().itertuples(index=False):
        named = dict(zip(columns, (account_key(v) for v in row), strict=True))
        handle, name = named.get("account_handle"), named.get("account_name")
        of_name = owners.get((platform, "account_name", name), set())
        if handle is not None:          # the handle's ids; of several, the name's among them
            ids = owners.get((platform, "account_handle", handle), set())
            narrowed = ids & of_name
            ids = narrowed if len(ids) > 1 and narrowed else ids
            if len(ids) > 1:
                shared[(platform, *row)] = ", ".join(sorted(ids))
        else:
            ids = of_name
        if len(ids) == 1:
            given[(platform, *row)] = next(iter(ids))
    tuples = list(names.loc[missing].itertuples(index=False, name=None))
    told = posts.loc[missing].assign(_ids=[shared.get(t, "") for t in tuples])
    told = told.loc[told["_ids"].ne("").to_numpy(bool)]
    files = column_or(told, "source_file", dtype="string").astype("string").fillna("")
    for (file, platform, handle, ids), part in told.groupby(
            [files, told["platform"].astype("string"),
             told["account_handle"].astype("string") if len(told) else files, told["_ids"]],
            sort=True):
        log.add(file or f"posts ({platform})", "account_handle_shared",
                f"{len(part)} {platform} post{'s' * (len(part) > 1)} of the handle {handle} "
                f"with no account id: the {platform} posts of that handle write several "
                f"({ids}), and the display name does not tell which: none given, the account "
                "unknown", rows=len(part))
    if not given:
        return posts
    ids = posts["account_id"].copy()
    ids.iloc[np.flatnonzero(missing)] = [given.get(row, pd.NA) for row in tuples]
    rows = posts.loc[missing & ids.notna().to_numpy(bool)]
    files = column_or(rows, "source_file", dtype="string").astype("string").fillna("")
    for (file, platform, account), part in rows.groupby(
            [files, rows["platform"].astype("string"), ids.loc[rows.index]], sort=True):
        names = _accounts(part.iloc[:1], ("account_handle", "account_name"))[0]
        log.add(file or f"posts ({platform})", "account_id_from_name",
                f"{len(part)} {platform} post{'s' * (len(part) > 1)} of {names} with no "
                f"account id: given {account}, the one the {platform} posts of the same names "
                "write",
                level="info", rows=len(part))
    return posts.assign(account_id=ids)


def _post_rows():
    """Posts of a few platforms, handles (one written two ways, one of two accounts' ids),
    display names (``Sève`` any account's) and ids, any of them missing."""
    value = st.one_of
    return st.lists(st.tuples(
        value(st.sampled_from(["instagram", "facebook"]), st.none()),
        value(st.sampled_from(["A", "B", "C"]), st.none(), st.none()),
        value(st.sampled_from(["seve.a", "@Seve.A", "seve.b", "nobody"]), st.none()),
        value(st.sampled_from(["Sève", "Seve", "Maison B"]), st.none()),
        value(st.sampled_from(["a.csv", "b.csv"]), st.none())), min_size=0, max_size=25)


@given(_post_rows(), st.sampled_from([(), ("account_handle",), ("account_name",)]))
def test_ids_from_names_gives_the_ids_the_per_row_loop_gave(rows, dropped):
    """Found per distinct (platform, handle, name), the ids, the frame and the notes are the
    per-post loop's (the reference above), with conflicting ids for one handle, a name
    several accounts share, missing platforms and names, and a frame without one of the
    name columns."""
    from smmanalytics._accounts import ids_from_names
    from smmanalytics.quality import QualityLog

    posts = pd.DataFrame(rows, columns=["platform", "account_id", "account_handle",
                                        "account_name", "source_file"],
                         dtype="string").drop(columns=list(dropped))
    log, reference = QualityLog(), QualityLog()
    out = ids_from_names(posts, log)
    pd.testing.assert_frame_equal(out, _ids_from_names_per_row(posts, reference))
    assert log.entries == reference.entries


def test_ids_from_names_reads_a_frame_whose_index_repeats_labels():
    """The frame of the test above with each label twice (0, 0, 1, 1, 2, 2): the same ids by
    position (row 2: seve.b → {B} and Sève → {A, B, C} agree on B; row 3 Sève alone, row 4
    an unknown handle: none), the index kept, one note of one post (c.csv's row 2)."""
    from smmanalytics._accounts import ids_from_names
    from smmanalytics.quality import QualityLog

    posts = _two_pages_named_seve(index=[0, 0, 1, 1, 2, 2])
    log = QualityLog()
    out = ids_from_names(posts, log)
    assert out["account_id"].tolist() == ["A", "B", "B", pd.NA, pd.NA, "C"]
    assert out.index.tolist() == [0, 0, 1, 1, 2, 2]
    assert [(e["file"], e["code"], e["rows"]) for e in log.entries] == [
        ("c.csv", "account_id_from_name", 1)]


# ---- a display name changed between two exports (s55LD)

def _renamed_page(tmp_path, other_name: str | None) -> None:
    """The brand's first half of October exported as is (its id, ``maisonseve``,
    ``Maison Sève``; 10 + 20 likes), the second half re-saved, its id rounded and the account
    renamed ``Maison Sève Paris`` in between (30 + 40 likes); with ``other_name``, a third
    export of the handle ``maisonseve`` under another id (an account that had the handle
    before), named so (50 likes)."""
    _export(tmp_path / "instagram_posts_2026-10-01_2026-10-15_2026-10-16.csv", BRAND_ID,
            "maisonseve", "Maison Sève", [("1001", 5, 10), ("1002", 12, 20)])
    _export(tmp_path / "instagram_posts_2026-10-16_2026-10-31_2026-11-02.csv", "1.78414E+16",
            "maisonseve", "Maison Sève Paris", [("3001", 20, 30), ("3002", 27, 40)])
    if other_name:
        _export(tmp_path / "instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv", OTHER_ID,
                "maisonseve", other_name, [("2001", 3, 50)], month=9)


def test_a_renamed_account_of_the_same_handle_gets_its_id_back(tmp_path):
    """The handle is the same, the display name changed: the 2 re-saved posts get the id
    the handle is written with (before: none, the new name being nobody's), 4 posts of one
    account, 10 + 20 + 30 + 40 = 100 likes."""
    _renamed_page(tmp_path, None)
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].tolist() == [BRAND_ID] * 4
    assert ds.posts["interactions"].sum() == 100
    given = _notes(ds, "account_id_from_name")
    assert given["rows"].tolist() == [2] and f"given {BRAND_ID}" in given["message"].iloc[0]
    assert _notes(ds, "account_handle_shared").empty


def test_a_handle_two_ids_write_gives_none_and_says_so(tmp_path):
    """The handle ``maisonseve`` written with two ids (the brand's, and in September
    another's, named ``Sève Atelier``), the re-saved posts named ``Maison Sève Paris``,
    neither's name: which account they are cannot be told; none given, one warning of the
    file's 2 posts naming both ids."""
    _renamed_page(tmp_path, "Sève Atelier")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].isna().sum() == 2
    shared = _notes(ds, "account_handle_shared")
    assert shared["rows"].tolist() == [2] and (shared["level"] == "warning").all()
    assert shared["file"].iloc[0].endswith("2026-10-16_2026-10-31_2026-11-02.csv")
    assert f"({', '.join(sorted([BRAND_ID, OTHER_ID]))})" in shared["message"].iloc[0]
    assert _notes(ds, "account_id_from_name").empty


def test_a_handle_two_ids_write_gives_the_one_its_name_is_written_with(tmp_path):
    """The handle written with the same two ids, the re-saved posts named ``Maison Sève``
    as the brand's first export: of the handle's two ids, the one that name is written with
    (the brand's) is given to them; nothing said of a shared handle."""
    _renamed_page(tmp_path, "Sève Atelier")
    rounded = tmp_path / "instagram_posts_2026-10-16_2026-10-31_2026-11-02.csv"
    _export(rounded, "1.78414E+16", "maisonseve", "Maison Sève",
            [("3001", 20, 30), ("3002", 27, 40)])
    ds = smm.load(tmp_path, cache=False)
    october = ds.posts.loc[ds.posts["post_id"].astype(str).str.startswith(("1", "3"))]
    assert october["account_id"].tolist() == [BRAND_ID] * 4
    assert _notes(ds, "account_handle_shared").empty


def test_distinct_rows_of_one_account_is_its_first_row():
    # _posted_by_id's distinct names: three posts of one account are its first row (index
    # label 5 kept, as drop_duplicates keeps it); a second handle on one row makes two rows,
    # rows 5 and 7, in the order first seen; a name missing on every row is one value
    one = pd.DataFrame({"account_id": ["42", "42", "42"], "account_handle": ["seve"] * 3,
                        "account_name": [None] * 3}, index=[5, 6, 7]).astype("string")
    pd.testing.assert_frame_equal(_distinct_rows(one), one.iloc[[0]])
    two = one.copy()
    two.loc[7, "account_handle"] = "maisonseve"
    pd.testing.assert_frame_equal(_distinct_rows(two), two.loc[[5, 7]])
    pd.testing.assert_frame_equal(_distinct_rows(one.iloc[:0]), one.iloc[:0])
