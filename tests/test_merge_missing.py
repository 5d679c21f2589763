"""Posts an older export holds and a newer export of their days lacks (``_missing``)."""

from __future__ import annotations

import dataclasses

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
