"""TikTok and YouTube Studio name the account only in their zip's name: a ``Content.csv``
taken out and renamed (``export (1).csv``) or re-saved as a workbook, a ``Table data.csv``
renamed, kept none. TikTok's video links name the handle (``tiktok._content_account``),
matched to brand.yaml's account as any other; YouTube's table names none, which the loader
says with how to have it read (``_tidy.note_posts_account_unknown``). Their daily and audience
files (``Overview.csv``, ``FollowerGender.csv``, ``Totals.csv``) name none either: their rows
take the one account brand.yaml declares for the platform, else are warned with the same fix
(``_tidy.note_rows_account_unknown``, ``_accounts.give_lost_accounts``)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import smmanalytics as smm

_TIKTOK_HEAD = ('"Time","Video title","Video link","Post time","Total likes",'
                '"Total comments","Total shares","Total views"')
#: (video id, 'Post time', likes, views) of three posts of the sample brand's real-format
#: export; each id's upload time (id >> 32) falls on its 'Post time' day
_POSTS = (("7702864200490147906", "October 31", 7, 260),
          ("7702493208316697472", "October 30", 1075, 16405),
          ("7702137285668144130", "October 29", 459, 6764))


def _tiktok_rows(links: dict[int, str]) -> list[list[str]]:
    """The rows of the posts ``_POSTS[k]`` of ``links``' keys, each linked by its value."""
    return [["October 31", f"post {i}", link, day, str(likes), "0", "0", str(views)]
            for (i, day, likes, views), link in ((_POSTS[k], v) for k, v in links.items())]


def _tiktok_csv(path: Path, links: dict[int, str]) -> Path:
    """A Content.csv as TikTok writes it (BOM, every field quoted, no final newline)."""
    lines = [_TIKTOK_HEAD] + [",".join(f'"{v}"' for v in row) for row in _tiktok_rows(links)]
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    return path


def _brand(root: Path, **accounts: str) -> Path:
    lines = "".join(f"  {p}: {a}\n" for p, a in accounts.items())
    (root / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\nlanguage: en\n"
                                     f"accounts:\n{lines}", encoding="utf-8")
    return root


def _notes(ds, code: str):
    return ds.quality.loc[ds.quality["code"].eq(code).fillna(False).to_numpy(bool)]


def _link(handle: str, i: int) -> str:
    return f"https://www.tiktok.com/@{handle}/video/{_POSTS[i][0]}"


def test_a_renamed_tiktok_content_export_takes_its_account_from_the_links(tmp_path):
    """``export (1).csv``, its 3 links ``@maisonseve``: the 3 posts are maisonseve's, the
    account brand.yaml declares (kept: 260 + 16405 + 6764 = 23429 views), an info says where
    the account was read, and no warning that it went unchecked."""
    _tiktok_csv(_brand(tmp_path, tiktok="maisonseve") / "export (1).csv",
                {i: _link("maisonseve", i) for i in range(3)})
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].tolist() == ["maisonseve"] * 3
    assert ds.posts["account_name"].tolist() == ["maisonseve"] * 3
    assert float(ds.posts["views"].sum()) == 23429.0
    read = _notes(ds, "account_from_links")
    assert read["rows"].tolist() == [3] and "(@maisonseve)" in read["message"].iloc[0]
    assert _notes(ds, "account_unchecked").empty and _notes(ds, "posts_account_unknown").empty


def test_a_tiktok_content_workbook_of_another_handle_is_left_out(tmp_path):
    """A Content.csv re-saved as .xlsx, its 2 links ``@atelierlumiere``'s, beside the brand's
    export of 1 post linked ``@maisonseve`` (brand.yaml's account): the workbook's 2 posts are
    another account's, left out as such; the brand's 1 post (260 views) is kept."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(_TIKTOK_HEAD.replace('"', "").split(","))
    for row in _tiktok_rows({i: _link("atelierlumiere", i) for i in (1, 2)}):
        sheet.append(row)
    book.save(_brand(tmp_path, tiktok="maisonseve") / "tiktok videos.xlsx")
    _tiktok_csv(tmp_path / "export.csv", {0: _link("maisonseve", 0)})
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].tolist() == ["maisonseve"]
    assert float(ds.posts["views"].sum()) == 260.0
    left = _notes(ds, "account_not_declared")
    assert left["rows"].tolist() == [2] and "atelierlumiere" in left["message"].iloc[0]
    assert Path(left["file"].iloc[0]).name == "tiktok videos.xlsx"


def test_tiktok_links_naming_no_handle_say_how_to_have_it_read(tmp_path):
    """Two links name @maisonseve, one (``/share/video/<id>``) none: 2 posts are
    maisonseve's, 1 of no account, with a warning naming the folder that would give it,
    and no ``account_unchecked`` of the same post."""
    links = {0: _link("maisonseve", 0), 1: _link("maisonseve", 1),
             2: f"https://www.tiktok.com/share/video/{_POSTS[2][0]}"}
    _tiktok_csv(_brand(tmp_path, tiktok="maisonseve") / "export.csv", links)
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].isna().sum() == 1 and len(ds.posts) == 3
    unknown = _notes(ds, "posts_account_unknown")
    assert unknown["rows"].tolist() == [1] and (unknown["level"] == "warning").all()
    assert "'Content_<handle>/Content.csv'" in unknown["message"].iloc[0]
    assert _notes(ds, "account_from_links")["rows"].tolist() == [2]
    assert _notes(ds, "account_unchecked").empty


def test_a_renamed_youtube_table_says_its_account_is_unknown(tmp_path):
    """A Studio ``Table data.csv`` renamed ``youtube_videos.csv`` (a Total row, 2 videos):
    the 2 posts name no account; one warning says so and how to have it read, in place of
    ``account_unchecked``'s pointing at unread columns the table never had."""
    (_brand(tmp_path, youtube="maisonseve") / "youtube_videos.csv").write_text(
        "Content,Video title,Video publish time,Duration,Likes,Views\n"
        "Total,,,,30,1500\n"
        'fNJAoE0RQ10,Lait Corps,"Jan 14, 2026",40,20,1000\n'
        'QRDOpMyoysP,Sérum Éclat,"Jul 22, 2026",50,10,500\n', encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.posts) == 2 and ds.posts["account_id"].isna().all()
    unknown = _notes(ds, "posts_account_unknown")
    assert unknown["rows"].tolist() == [2]
    assert "'Content <start>_<end> <channel>/Table data.csv'" in unknown["message"].iloc[0]
    assert _notes(ds, "account_unchecked").empty


#: TikTok's Overview.csv as TikTok writes it (reference §6.3: BOM, every field quoted, no final
#: newline), 3 days: 5 metrics a day, 15 daily rows
_OVERVIEW = ('"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
             '"October 29","120","4","10","1","0"\n"October 30","300","6","25","2","1"\n'
             '"October 31","80","2","5","0","0"')


def _overview(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_OVERVIEW, encoding="utf-8-sig")
    return path


def test_a_renamed_tiktok_overview_takes_the_one_account_brand_yaml_declares(tmp_path):
    """``tiktok overview.csv`` names no account; brand.yaml declares one TikTok account,
    maisonseve: its 15 rows (3 days × 5 metrics) are maisonseve's, said in an info, with no
    warning left; its views stay 120 + 300 + 80 = 500."""
    _overview(_brand(tmp_path, tiktok="maisonseve") / "tiktok overview.csv")
    ds = smm.load(tmp_path, cache=False)
    assert ds.daily["account_id"].tolist() == ["maisonseve"] * 15
    assert float(ds.daily.loc[ds.daily["metric"].eq("views"), "value"].sum()) == 500.0
    given = _notes(ds, "account_from_brand")
    assert given["rows"].tolist() == [15] and (given["level"] == "info").all()
    # the platform as the loader's rows_account_unknown writes it (it said "tiktok")
    assert given["message"].tolist() == [
        "15 TikTok daily rows name no account (the file's name is not TikTok's): taken as "
        "maisonseve's, the one TikTok account brand.yaml declares"]
    assert _notes(ds, "rows_account_unknown").empty


def test_a_renamed_tiktok_overview_of_a_brand_of_two_accounts_says_how_to_read_it(tmp_path):
    """brand.yaml declares two TikTok accounts: whose the 3 days are cannot be told; the 15
    rows stay of no account, with a warning naming the folder that would give it."""
    _overview(_brand(tmp_path, tiktok="[maisonseve, maisonseve.pro]") / "tiktok overview.csv")
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.daily) == 15 and ds.daily["account_id"].isna().all()
    unknown = _notes(ds, "rows_account_unknown")
    assert unknown["rows"].tolist() == [15] and (unknown["level"] == "warning").all()
    message = unknown["message"].iloc[0]
    assert message.startswith("3 days of TikTok daily figures name no account")
    assert "'Overview_<first day>_<epoch s>_<handle>/Overview.csv'" in message
    assert _notes(ds, "account_from_brand").empty


def test_a_loose_tiktok_follower_gender_file_without_accounts_is_warned(tmp_path):
    """``FollowerGender.csv`` out of its zip, brand.yaml declaring no account: its 2
    audience rows (Female 0.59, Male 0.41) name no account, warned with the Followers zip's
    folder as the fix."""
    (tmp_path / "FollowerGender.csv").write_text(
        '"Gender","Distribution"\n"Female","0.59"\n"Male","0.41"', encoding="utf-8-sig")
    ds = smm.load(tmp_path, cache=False)
    assert ds.audience["share"].tolist() == [0.59, 0.41]
    assert ds.audience["account_id"].isna().all()
    unknown = _notes(ds, "rows_account_unknown")
    assert unknown["rows"].tolist() == [2]
    assert unknown["message"].iloc[0].startswith("2 TikTok audience rows name no account")
    assert "'Followers_<handle>/FollowerGender.csv'" in unknown["message"].iloc[0]


def test_a_renamed_overview_beside_its_account_s_export_loses_its_warning(tmp_path):
    """A renamed Overview.csv of 2 days (1-2 November: 50 + 70 views, 10 rows) beside the
    3 days of TikTok's export in the folder its zip unzips to
    (``Overview_2026-10-01_1793520000_maisonseve/``), brand.yaml declaring no account: the
    merge gives its rows maisonseve (``account_assigned``, the one account the platform's
    other files name), so no warning that its account is unknown stays; views 500 + 120."""
    _overview(tmp_path / "Overview_2026-10-01_1793520000_maisonseve" / "Overview.csv")
    (tmp_path / "export (2).csv").write_text(
        '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
        '"November 1","50","1","3","0","0"\n"November 2","70","2","4","1","0"',
        encoding="utf-8-sig")
    ds = smm.load(tmp_path, cache=False)
    assert set(ds.daily["account_id"]) == {"maisonseve"}
    assert float(ds.daily.loc[ds.daily["metric"].eq("views"), "value"].sum()) == 620.0
    assert _notes(ds, "account_assigned")["rows"].tolist() == [10]
    assert _notes(ds, "rows_account_unknown").empty


def test_a_loose_youtube_totals_file_takes_the_declared_channel(tmp_path):
    """Studio's ``Totals.csv`` out of its zip (``Date,Views``, 2 days: 40 + 60 views) names
    no channel; brand.yaml declares one YouTube account, Maison Sève: its 2 rows are it."""
    (_brand(tmp_path, youtube="Maison Sève") / "Totals.csv").write_text(
        "Date,Views\n2026-10-01,40\n2026-10-02,60\n", encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert ds.daily["account_id"].tolist() == ["Maison Sève"] * 2
    assert float(ds.daily["value"].sum()) == 100.0
    assert _notes(ds, "account_from_brand")["rows"].tolist() == [2]
    assert _notes(ds, "rows_account_unknown").empty


def test_a_loose_youtube_totals_file_without_accounts_says_how_to_read_it(tmp_path):
    """The same ``Totals.csv``, brand.yaml declaring no account: a warning names the folder
    of Studio's zip (``Content <start>_<end> <channel>/Totals.csv``), 2 days."""
    (tmp_path / "Totals.csv").write_text("Date,Views\n2026-10-01,40\n2026-10-02,60\n",
                                         encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    unknown = _notes(ds, "rows_account_unknown")
    assert unknown["rows"].tolist() == [2]
    assert unknown["message"].iloc[0].startswith("2 days of YouTube daily figures")
    assert "'Content <start>_<end> <channel>/Totals.csv'" in unknown["message"].iloc[0]
