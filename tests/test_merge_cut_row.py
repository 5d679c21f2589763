"""A newer export cut off inside its last row (an interrupted download) beside an older complete
export of the same posts: the cut row's cells lost to the cut are taken from the older export,
never left missing over its figures; a cut row no other export holds is kept, flagged.

The sample's Facebook exports of October: of 2 November (complete) and of 15 November, whose
16 rows give every post figures at least as high. Cut at byte 5000 (the reviewer's cut), the
15 November file ends inside the caption of post 1368827552751129, its row from line 33."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics.report import BrandReport

SAMPLE = Path(__file__).resolve().parents[1] / "data/sample/maison-seve"
OLDER = SAMPLE / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv"
NEWER = SAMPLE / "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv"
CUT_POST = "1368827552751129"
ID, PARTS = "Identifiant de la publication", ("Réactions", "Commentaires", "Partages")


def _brand(tmp_path: Path, cut: int, older: bool = True) -> Path:
    """A brand folder with the newer export cut at byte ``cut`` (and the older one whole)."""
    folder = tmp_path / f"brand-{cut}-{older}"
    folder.mkdir()
    shutil.copy(SAMPLE / "brand.yaml", folder)
    if older:
        shutil.copy(OLDER, folder)
    (folder / NEWER.name).write_bytes(NEWER.read_bytes()[:cut])
    return folder


def _rows(path: Path) -> dict[str, dict[str, str]]:
    """The export's rows by post id, as the csv module reads them (the hand count's source)."""
    text = path.read_bytes().decode("utf-8-sig")
    return {r[ID]: r for r in csv.DictReader(io.StringIO(text))}


def _load_facebook(folder: Path) -> tuple[smm.Dataset, pd.DataFrame]:
    ds = smm.load(folder)
    return ds, ds.posts[ds.posts["platform"] == "facebook"].set_index("post_id")


def test_the_cut_row_takes_what_the_cut_lost_from_the_older_export(tmp_path):
    ds, fb = _load_facebook(_brand(tmp_path, 5000))
    post = fb.loc[CUT_POST]
    # the 2 November export's row: 10/13/2026 09:21 (Pacific) = 16:21 UTC, Couverture 12995,
    # Réactions 82, Commentaires 515, Partages 9: interactions 82 + 515 + 9 = 606
    assert post["published_at"] == pd.Timestamp("2026-10-13 16:21", tz="UTC")
    assert (post["reach"], post["reactions"], post["comments"], post["shares"]) == (
        12995, 82, 515, 9)
    assert post["interactions"] == 606
    # the note names the file, the line and the post, and the older export
    note = ds.quality[ds.quality["code"] == "cut_row_completed"]
    assert len(note) == 1 and note["file"].iloc[0].endswith(NEWER.name)
    message = note["message"].iloc[0]
    assert f"post {CUT_POST}" in message and "line 33" in message and OLDER.name in message
    assert "published_at" in message and "reach" in message


def test_a_cut_row_given_its_time_is_no_post_without_a_publish_time(tmp_path):
    """The cut file's one row without a publish time is the cut one (its 9 whole rows have
    theirs): its loader said "1 post has no publish time" though the merge took 13 October
    16:21 from the 2 November export. The note is gone, loaded afresh or from the cache;
    alone, the cut row keeps no time, and the note stays, beside cut_row_alone."""
    folder = _brand(tmp_path, 5000)
    for _ in range(2):                          # the second load is the cache's
        ds, fb = _load_facebook(folder)
        assert fb["published_at"].notna().all()
        assert "missing_publish_time" not in set(ds.quality["code"])
    alone, _ = _load_facebook(_brand(tmp_path, 5000, older=False))
    note = alone.quality[alone.quality["code"] == "missing_publish_time"]
    assert note["message"].tolist() == ["1 post has no publish time"]
    assert note["rows"].tolist() == [1]


def test_a_note_of_several_untimed_posts_counts_the_timed_one_out():
    """3 posts of a file without a publish time, the cut one given its time by the merge: 2
    left ("2 posts have", rows 2); another file's note, whose post got none, is untouched."""
    from smmanalytics.dataset import _untimed_recounted
    from smmanalytics.quality import QualityLog

    files, merge = QualityLog(), QualityLog()
    files.add("a.csv", "missing_publish_time", "3 posts have no publish time", rows=3)
    files.add("b.csv", "missing_publish_time", "1 post has no publish time", rows=1)
    for name, post in (("a.csv", "p1"), ("b.csv", "p2")):
        merge.add(name, "cut_row_completed", f"post {post} takes …", rows=1, posts=[post])
    posts = pd.DataFrame({"source_file": ["a.csv", "b.csv"], "post_id": ["p1", "p2"],
                          "published_at": pd.to_datetime(["2026-10-13 16:21", None], utc=True)})
    _untimed_recounted([files], merge, posts)
    assert [(e["file"], e["message"], e["rows"]) for e in files.entries] == [
        ("a.csv", "2 posts have no publish time", 2), ("b.csv", "1 post has no publish time", 1)]


def test_october_keeps_every_post_with_the_newest_whole_figures(tmp_path):
    _, fb = _load_facebook(_brand(tmp_path, 5000))
    october = fb[(fb["published_at"] >= "2026-10-01") & (fb["published_at"] < "2026-11-01")]
    # by hand (csv module): the cut file holds 9 whole rows, whose figures win; the 7 other
    # posts, the cut one among them, keep the 2 November export's: 16 posts, interactions
    # 2,907 (R+C+P), reach 68,753 (before the fix: 15 posts, 2,301 interactions)
    whole = {r[ID] for r in csv.DictReader(io.StringIO(
        NEWER.read_bytes()[:5000].decode("utf-8-sig")))} - {CUT_POST}
    newer, older = _rows(NEWER), _rows(OLDER)
    rows = [(newer if k in whole else older)[k] for k in older]
    assert len(whole) == 9 and len(october) == 16
    assert october["interactions"].sum() == sum(float(r[p]) for r in rows for p in PARTS) == 2907
    assert october["reach"].sum() == sum(float(r["Couverture"]) for r in rows) == 68753


def test_a_cut_row_in_no_other_export_is_kept_and_flagged(tmp_path):
    ds, fb = _load_facebook(_brand(tmp_path, 5000, older=False))
    # 9 whole rows and the cut one: no post dropped, the cut one without date nor figures
    assert len(fb) == 10 and CUT_POST in fb.index
    assert pd.isna(fb.loc[CUT_POST, "published_at"]) and pd.isna(fb.loc[CUT_POST, "reach"])
    note = ds.quality[ds.quality["code"] == "cut_row_alone"]
    assert len(note) == 1 and note["level"].iloc[0] == "warning"
    assert f"post {CUT_POST}" in note["message"].iloc[0]
    assert "line 33" in note["message"].iloc[0]


def test_a_cut_row_a_newer_export_replaces_needs_no_note(tmp_path):
    # the older export cut, the newer whole: the newer row wins, nothing to complete
    folder = tmp_path / "brand"
    folder.mkdir()
    shutil.copy(SAMPLE / "brand.yaml", folder)
    shutil.copy(NEWER, folder)
    (folder / OLDER.name).write_bytes(OLDER.read_bytes()[:5000])
    ds, fb = _load_facebook(folder)
    assert len(fb) == 16
    assert not ds.quality["code"].isin(["cut_row_completed", "cut_row_alone"]).any()


_FIGURES = ("views", "reach", "reactions", "comments", "shares", "interactions")
_OLDER_POSTS: dict[str, pd.DataFrame] = {}


def _older_posts(tmp_path_factory) -> pd.DataFrame:
    """The older export alone, loaded once."""
    if not _OLDER_POSTS:
        folder = tmp_path_factory.mktemp("older")
        shutil.copy(SAMPLE / "brand.yaml", folder)
        shutil.copy(OLDER, folder)
        _OLDER_POSTS["fb"] = _load_facebook(folder)[1]
    return _OLDER_POSTS["fb"]


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(NEWER.read_bytes())))
@example(cut=5000)
def test_cutting_the_newer_export_anywhere_never_lowers_a_figure_nor_drops_a_post(
        tmp_path_factory, cut):
    # every figure of the whole 15 November export is at least the 2 November one's (checked
    # by hand with the csv module): a newer row, whole or completed, never goes below it
    older = _older_posts(tmp_path_factory)
    _, fb = _load_facebook(_brand(tmp_path_factory.mktemp("cut"), cut))
    assert set(older.index) <= set(fb.index)
    got = fb.loc[older.index]
    assert got["published_at"].equals(older["published_at"])
    for figure in _FIGURES:
        assert (got[figure].fillna(-1) >= older[figure].fillna(-1)).all(), figure


def test_the_cover_says_the_report_s_posts_come_from_a_cut_export(tmp_path):
    ds = smm.load(_brand(tmp_path, 5000))
    # the 9 whole rows of the cut file and its cut row completed: 10 of October's 16 posts
    # (the sample's brand.yaml names accounts these two files lack: other warnings too)
    assert (
        f"Warning: the figures of 10 posts of this report come from an export cut off inside "
        f"its last row ({NEWER.name}: a download or copy interrupted); what the cut lost was "
        "taken from an older export where one had it (see Data quality)."
    ) in BrandReport(ds, "2026-10", lang="en").cover_warnings
    for lang, words in (("fr", "les chiffres de 10 publications de ce rapport viennent d'un "
                                "export coupé"),
                        ("it", "i dati di 10 post di questo rapporto vengono da "
                               "un'esportazione troncata")):
        assert any(words in w for w in BrandReport(ds, "2026-10", lang=lang).cover_warnings)
    # the older export alone: no word of a cut
    folder = tmp_path / "older"
    folder.mkdir()
    shutil.copy(SAMPLE / "brand.yaml", folder)
    shutil.copy(OLDER, folder)
    older = BrandReport(smm.load(folder), "2026-10", lang="en").cover_warnings
    assert older and not any("cut off" in w for w in older)
