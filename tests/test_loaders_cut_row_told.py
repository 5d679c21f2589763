"""A Meta posts export cut off inside its last row: a row whose cells telling its platform
(link, post type, handle) were cut gets no platform the file cannot back (Facebook was the
default of a row without Instagram's cells), and a row cut inside its post id is told as the
cut row, skipped, not as a row "with every cell empty"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

import smmanalytics as smm
from smmanalytics.loaders import read_file

HEADER = ('"Post ID","Account ID","Account username","Account name",Description,'
          '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
          'Reach,Likes,Shares,Follows,Comments,Saves')
#: a Facebook post (no username, a facebook.com link) and two Instagram posts, in one export
ROWS = ["111,999,,Brand,fb,0,10/02/2026 09:00,https://www.facebook.com/1/posts/111,Photo,,"
        "Lifetime,100,50,5,1,,2,",
        "17900000000000002,1784,brand,Brand,ig,0,10/05/2026 09:00,https://www.instagram.com/p/"
        "Zab/,IG image,,Lifetime,200,100,10,0,,1,0",
        "17900000000000003,1784,brand,Brand,ig,0,10/09/2026 09:00,https://www.instagram.com/p/"
        "Zcd/,IG image,,Lifetime,300,150,15,0,,3,0"]
LAST = "17900000000000003"


def _export(path: Path, after: str | None = None) -> Path:
    """The mixed export at ``path``, cut right after the last row's start ``after``."""
    text = "\n".join([HEADER, *ROWS]) + "\n"
    if after is not None:
        text = text[:text.rindex("\n" + LAST) + 1 + len(after)]
    path.write_text("\ufeff" + text, encoding="utf-8")
    return path


def _notes(df: pd.DataFrame) -> dict[str, str]:
    return {e["code"]: e["message"] for e in df.attrs["quality"]}


def test_a_mixed_export_s_row_cut_before_its_platform_cells_has_no_platform(tmp_path):
    # cut inside the Account ID ("17" of 1784): the link, type and handle come after it
    (df,) = read_file(_export(tmp_path / "meta_posts.csv", after=LAST + ",17"))
    assert df["post_id"].tolist() == ["111", "17900000000000002", LAST]
    # before: facebook, instagram, facebook
    assert df["platform"].iloc[:2].tolist() == ["facebook", "instagram"]
    assert pd.isna(df["platform"].iloc[2])
    note = _notes(df)["file_cut_off"]
    assert "its platform, Facebook or Instagram, is left unknown" in note
    assert "file's name says neither" in note


def test_a_cut_row_s_platform_is_the_one_its_file_s_name_says(tmp_path):
    (df,) = read_file(_export(tmp_path / "instagram_posts.csv", after=LAST + ",17"))
    assert df["platform"].iloc[-1] == "instagram"
    assert "its platform, Instagram, is the one the file's name says" in \
        _notes(df)["file_cut_off"]


def test_a_row_cut_after_its_link_keeps_the_platform_its_link_tells(tmp_path):
    # cut inside "IG image": the link, whole before it, says instagram.com
    at = ROWS[2].index("IG im") + len("IG im")
    (df,) = read_file(_export(tmp_path / "meta_posts.csv", after=ROWS[2][:at]))
    assert df["platform"].iloc[-1] == "instagram"
    assert "platform" not in _notes(df)["file_cut_off"]


def test_the_cut_row_of_unknown_platform_takes_its_older_row_s_or_says_unknown(tmp_path):
    for older in (False, True):
        folder = tmp_path / str(older)
        folder.mkdir()
        (folder / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n",
                                           encoding="utf-8")
        if older:
            _export(folder / "meta_posts_2026-11-02.csv")
        _export(folder / "meta_posts_2026-11-15.csv", after=LAST + ",17")
        ds = smm.load(folder, cache=False)
        posts = ds.posts.set_index("post_id")
        assert len(posts) == 3
        notes = ds.quality.set_index("code")["message"]
        if older:
            # the older row's: instagram, reach 150
            assert (posts.loc[LAST, "platform"], posts.loc[LAST, "reach"]) == ("instagram", 150)
            assert "takes platform, account_id" in notes["cut_row_completed"]
        else:
            assert pd.isna(posts.loc[LAST, "platform"])
            assert "its platform, account_id" in notes["cut_row_alone"]


def test_a_row_cut_inside_its_post_id_is_told_as_the_cut_row(tmp_path):
    # "17900" of 17900000000000003: that cell left missing, the row has nothing else read
    for after in ("1", "17900", LAST[:-1]):
        folder = tmp_path / str(len(after))
        folder.mkdir()
        (df,) = read_file(_export(folder / "meta_posts.csv", after=after))
        assert df["post_id"].tolist() == ["111", "17900000000000002"]
        notes = _notes(df)
        # before: blank_rows_skipped "1 row with every cell empty was skipped (line 4)"
        assert "blank_rows_skipped" not in notes
        assert f"'Post ID' = {after}, may be cut off" in notes["file_cut_off"]
        assert "no other cell of that row was read, so it tells no post nor day and is " \
               "skipped" in notes["file_cut_off"]
        shutil.rmtree(folder)


def test_a_blank_row_above_a_cut_row_is_still_counted_blank(tmp_path):
    # a line of delimiters (line 3) is a row of every cell empty; the cut row is not
    text = "\n".join([HEADER, ROWS[0], "," * 17, "17900"])
    path = tmp_path / "meta_posts.csv"
    path.write_text(text, encoding="utf-8")
    (df,) = read_file(path)
    notes = _notes(df)
    assert notes["blank_rows_skipped"] == "1 row with every cell empty was skipped (line 3)"
    assert "is skipped" in notes["file_cut_off"]
