"""Posts an older export holds and a newer export of their days lacks (``_missing``)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd

import smmanalytics as smm
from smmanalytics._missing import note_missing_from_newer
from smmanalytics.quality import QualityLog, missing_from_newer
from smmanalytics.report import BrandReport

from ._helpers import ig_posts

OLDER = "instagram_posts_2026-09-01_2026-10-31_2026-11-02.csv"
NEWER = "instagram_posts_2026-10-01_2026-11-30_2026-12-02.csv"

#: the export of 2 November (1 September to 31 October): publish times in Pacific time
OLDER_POSTS = [
    (101, "09/10/2026 09:00", 10, 0, 0, 0),    # before the newer export's days
    (102, "10/01/2026 03:00", 5, 0, 0, 0),     # 1 Oct 10:00 UTC: 30 Sep at UTC-12
    (103, "10/14/2026 08:45", 300, 40, 20, 30),   # deleted since: 390 interactions
    (104, "10/20/2026 09:00", 60, 5, 0, 0),    # in both exports
    (105, "10/31/2026 12:00", 50, 0, 0, 0),    # 31 Oct 19:00 UTC: deleted since
]
#: the export of 2 December (1 October to 30 November): 104 grown, a November post
NEWER_POSTS = [(104, "10/20/2026 09:00", 90, 10, 0, 0), (106, "11/05/2026 04:00", 7, 0, 0, 0)]


def _brand(tmp_path, newer_account="1784"):
    (tmp_path / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n", encoding="utf-8")
    ig_posts(tmp_path / OLDER, OLDER_POSTS)
    ig_posts(tmp_path / NEWER, NEWER_POSTS, account=newer_account)
    return smm.load(tmp_path, cache=False)


def _notes(ds):
    q = ds.quality
    return q[q["code"] == "post_missing_from_newer_export"]


def test_a_post_a_newer_export_of_its_day_lacks_is_kept_and_noted(tmp_path):
    """103 (14 October) and 105 (31 October, 19:00 UTC) are in the export of 2 November and
    not in that of 2 December, whose name covers 1 October to 30 November: one warning on the
    older file names both, and both are kept with the older figures (103: 300 + 40 + 20 + 30 =
    390). 101 (10 September) is before the newer export's days; 102, 1 October 10:00 UTC, is
    still 30 September 22:00 at UTC-12, the zone of the name's days unknown: neither is
    noted. 104 is in both (its newer figures kept: 90 + 10 = 100)."""
    ds = _brand(tmp_path)
    posts = ds.posts.set_index("post_id")
    assert sorted(posts.index) == ["101", "102", "103", "104", "105", "106"]
    assert posts.loc["103", "interactions"] == 390
    assert posts.loc["103", "source_file"].endswith(OLDER)
    assert posts.loc["104", "interactions"] == 100
    notes = _notes(ds)
    assert len(notes) == 1
    note = notes.iloc[0]
    assert note["file"].endswith(OLDER) and note["level"] == "warning" and note["rows"] == 2
    assert f"2 posts are not in {NEWER}" in note["message"]
    assert "(2026-10-01 to 2026-11-30)" in note["message"]
    assert {post for _, post in missing_from_newer(ds.quality)} == {"103", "105"}


def test_a_newer_export_of_another_account_misses_nothing(tmp_path):
    """The newer export is of another Instagram account (1785): it never listed 1784's posts,
    which are not missing from it."""
    ds = _brand(tmp_path, newer_account="1785")
    assert _notes(ds).empty
    assert len(ds.posts) == 6


def test_the_report_marks_the_missing_top_posts(tmp_path):
    """October's posts ranked by interactions: 103 (390), 104 (100), 105 (50), 102 (5); 103
    and 105 are missing from the newer export: their dates are marked " ‡" and the legend
    says why, in each language."""
    ds = _brand(tmp_path)
    legends = {"en": "‡ No longer in the newer export: perhaps deleted (its figures are those "
                     "of the older export).",
               "fr": "‡ Absente de l'export plus récent : peut-être supprimée (ses chiffres "
                     "sont ceux de l'export plus ancien).",
               "it": "‡ Assente nell'esportazione più recente: forse eliminato (i suoi dati "
                     "sono quelli dell'esportazione precedente)."}
    for lang, legend in legends.items():
        table = BrandReport(ds, "2026-10", lang=lang).top_posts(n=4).blocks[-1]
        assert [row[0] for row in table["rows"]] == ["14/10/2026 ‡", "20/10/2026",
                                                     "31/10/2026 ‡", "01/10/2026"]
        assert table["caption"] == legend
    # without the note, nothing is marked
    kept = ds.quality[ds.quality["code"] != "post_missing_from_newer_export"]
    table = BrandReport(dataclasses.replace(ds, quality=kept), "2026-10",
                        lang="en").top_posts(n=4).blocks[-1]
    assert not any("‡" in row[0] for row in table["rows"]) and not table.get("caption")


def _rows(*rows):
    """Posts rows of (post id, source format, publish time, snapshot, file, window start)."""
    return pd.DataFrame(
        [("instagram", "1784", pid, fmt, pd.Timestamp(at, tz="UTC"), pd.Timestamp(snap, tz="UTC"),
          file, pd.Timestamp(window) if window else pd.NaT)
         for pid, fmt, at, snap, file, window in rows],
        columns=["platform", "account_id", "post_id", "source_format", "published_at",
                 "snapshot_at", "source_file", "window_start"])


def test_only_the_newer_exports_own_kind_of_posts_can_be_missing_from_it():
    """Three rows kept from the export of 2 November, in the days of the newer posts export
    (1 October to 30 November): a story of its stories export (another format: the posts
    export never lists stories), a row of figures over a date range (``window_start``), and a
    post the newer export does hold, kept from the older one all the same (as when the newer
    export's snapshot was only guessed). None is missing; the feed post 7 is."""
    df = _rows(
        ("s1", "meta_story", "2026-10-14 15:00", "2026-11-02", OLDER, None),
        ("w1", "meta_post", "2026-10-14 15:00", "2026-11-02", OLDER, "2026-10-01"),
        ("p1", "meta_post", "2026-10-14 15:00", "2026-11-02", OLDER, None),
        ("7", "meta_post", "2026-10-15 15:00", "2026-11-02", OLDER, None),
        ("p1", "meta_post", "2026-10-14 15:00", "2026-12-02", NEWER, None),
        ("p2", "meta_post", "2026-11-14 15:00", "2026-12-02", NEWER, None))
    log = QualityLog()
    kept = np.array([True, True, True, True, False, True])
    note_missing_from_newer(df, kept, "post_id", log)
    assert [(e["file"], e["rows"]) for e in log.entries] == [(OLDER, 1)]
    assert missing_from_newer(log.to_frame()) == {(OLDER, "7")}


#: an October export of 2 November, and one of 2 December: their names cover all October
OCTOBER_OLDER = "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv"
OCTOBER_NEWER = "instagram_posts_2026-10-01_2026-10-31_2026-12-02.csv"


def _october(tmp_path, older, newer, *, newer_account="1784"):
    """The brand folder of ``older`` and ``newer`` (``ig_posts`` rows) as October's two
    exports, and their paths."""
    (tmp_path / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n", encoding="utf-8")
    return (ig_posts(tmp_path / OCTOBER_OLDER, older),
            ig_posts(tmp_path / OCTOBER_NEWER, newer, account=newer_account))


def test_a_newer_export_cut_short_judges_only_the_days_its_rows_reach(tmp_path):
    """The newer export, newest first, is cut inside its third row (102's, its account id
    ``17``): its whole rows reach 24 (105, 09:00 Pacific = 16:00 UTC) to 28 October (104),
    the days it is taken to cover (``cut_off_covers``), not the 1 to 31 October of its name.
    Of the older posts, only 103 (26 October 16:00 UTC, inside 24 October 12:00 to 28
    October 10:00 UTC) is in those days and absent: noted. 101 (5 October) was noted
    "deleted or hidden?" by the name's days; 102 (22 October) is before the 24th."""
    _, newer = _october(tmp_path, [
        (104, "10/28/2026 09:00", 9, 0, 0, 0), (103, "10/26/2026 09:00", 8, 0, 0, 0),
        (102, "10/22/2026 09:00", 7, 0, 0, 0), (101, "10/05/2026 09:00", 6, 0, 0, 0)], [
        (104, "10/28/2026 09:00", 9, 0, 0, 0), (105, "10/24/2026 09:00", 8, 0, 0, 0),
        (102, "10/22/2026 09:00", 7, 0, 0, 0)])
    text = newer.read_text(encoding="utf-8")
    newer.write_text(text[:text.index("102,1784") + len("102,17")], encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    covers = ds.files.set_index(ds.files["path"].map(lambda p: p.rsplit("/", 1)[-1]))
    assert (covers.loc[OCTOBER_NEWER, "covers_from"], covers.loc[OCTOBER_NEWER, "covers_to"]
            ) == (pd.Timestamp("2026-10-24"), pd.Timestamp("2026-10-28"))
    notes = _notes(ds)
    assert len(notes) == 1 and notes.iloc[0]["rows"] == 1
    assert "covering its publish day (2026-10-24 to 2026-10-28)" in notes.iloc[0]["message"]
    assert {post for _, post in missing_from_newer(ds.quality)} == {"103"}


def _without_account_id(path, handle, name):
    """``path`` (an ``ig_posts`` export) without its ``Account ID`` column, its account
    ``handle`` and display ``name`` (the second to fourth columns; no cell holds a comma)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split(",") for line in lines]
    rows = [rows[0][:1] + rows[0][2:]] + [[r[0], handle, name, *r[4:]] for r in rows[1:]]
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")


def test_exports_without_an_account_id_are_compared_per_handle(tmp_path):
    """Neither export has an ``Account ID`` column. Of two accounts (maisonseve's 101 to 103,
    maisonseve_it's 201), none of the first's posts is missing from the second's newer
    export: no note (three were). Of one account (the newer export of maisonseve too, 103
    gone), 103 is missing (14 October, in October's days)."""
    older = [(101, "10/05/2026 09:00", 6, 0, 0, 0), (102, "10/10/2026 09:00", 7, 0, 0, 0),
             (103, "10/14/2026 09:00", 8, 0, 0, 0)]
    paths = _october(tmp_path, older, [(201, "10/20/2026 09:00", 5, 0, 0, 0)])
    _without_account_id(paths[0], "maisonseve", "Maison Sève")
    _without_account_id(paths[1], "maisonseve_it", "Maison Sève Italia")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_id"].isna().all() and len(ds.posts) == 4
    assert _notes(ds).empty
    paths = _october(tmp_path, older, older[:2])
    for path in paths:
        _without_account_id(path, "maisonseve", "Maison Sève")
    ds = smm.load(tmp_path, cache=False)
    assert {post for _, post in missing_from_newer(ds.quality)} == {"103"}


def test_a_post_whose_id_a_spreadsheet_rounded_is_noted_by_its_id_and_marked(tmp_path):
    """The older export's two ids were rounded to ``1.17914E+17`` by a spreadsheet; the newer
    export holds 117913998853367642 (its id given back by its link), not ...641 (28 October,
    50 likes: first of October's top posts). The one note names it by its id as the posts
    table holds it, in the singular ("its id"), where it was named by the merge's key
    ("link https://…") and never marked; the report marks it ‡."""
    a, b = 117913998853367641, 117913998853367642
    older, _ = _october(tmp_path, [(a, "10/28/2026 09:00", 50, 0, 0, 0),
                                   (b, "10/26/2026 09:00", 8, 0, 0, 0)],
                        [(b, "10/26/2026 09:00", 9, 0, 0, 0)])
    older.write_text(re.sub(r"^1179139988533676\d\d,", "1.17914E+17,",
                            older.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert sorted(ds.posts["post_id"]) == ["1.17914E+17", str(b)]
    notes = _notes(ds)
    assert len(notes) == 1
    assert notes.iloc[0]["message"].endswith("Kept with this export's figures; its id: "
                                             "1.17914E+17")
    assert {post for _, post in missing_from_newer(ds.quality)} == {"1.17914E+17"}
    table = BrandReport(ds, "2026-10", lang="en").top_posts(n=2).blocks[-1]
    assert [row[0] for row in table["rows"]] == ["28/10/2026 ‡", "26/10/2026"]


def test_a_post_of_no_known_account_is_compared_with_no_export():
    """Rows without account id, handle or name: whose posts they are is unknown, so the
    feed post 7 of the older export, absent from the newer one, is not noted; with its
    handle known in both exports (``maisonseve``), it is."""
    df = _rows(("7", "meta_post", "2026-10-15 15:00", "2026-11-02", OLDER, None),
               ("p2", "meta_post", "2026-10-16 15:00", "2026-12-02", NEWER, None)
               ).assign(account_id=pd.NA)
    kept = np.array([True, True])
    log = QualityLog()
    note_missing_from_newer(df, kept, "post_id", log)
    assert not log.entries
    note_missing_from_newer(df.assign(account_handle="maisonseve"), kept, "post_id", log)
    assert missing_from_newer(log.to_frame()) == {(OLDER, "7")}
