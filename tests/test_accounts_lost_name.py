"""TikTok and YouTube Studio name the account only in their zip's name: a ``Content.csv``
taken out and renamed (``export (1).csv``) or re-saved as a workbook, a ``Table data.csv``
renamed, kept none. TikTok's video links name the handle (``tiktok._content_account``),
matched to brand.yaml's account as any other; YouTube's table names none, which the loader
says with how to have it read (``_tidy.note_posts_account_unknown``)."""

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
