"""Posts missing from a newer export, told by the quality note's data (its ``posts``), not by
its message: the report marks only the posts really missing, where a spreadsheet rounded the
ids of several posts of one export to the same ``1.17914E+17``."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

import smmanalytics as smm
from smmanalytics._missing import note_missing_from_newer
from smmanalytics.quality import MISSING_FROM_NEWER, QualityLog, missing_from_newer
from smmanalytics.report import BrandReport

from ._helpers import ig_posts

#: the export of 2 November covers September and October, that of 2 December October and
#: November (their names' days)
OLDER = "instagram_posts_2026-09-01_2026-10-31_2026-11-02.csv"
NEWER = "instagram_posts_2026-10-01_2026-11-30_2026-12-02.csv"
DELETED, EARLIER, LATER = 117913998853367641, 117913998853367699, 117913998853367642
LINK = "https://www.instagram.com/p/Z{}/"           # ig_posts' permalinks


def _brand(tmp_path):
    """The older export holds DELETED (28 October, 50 likes) and EARLIER (10 September, 30
    likes), whose ids a spreadsheet rounded alike (their links whole); the newer export
    holds LATER (26 October) only: DELETED is missing from it, EARLIER is not (before its
    days)."""
    (tmp_path / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n", encoding="utf-8")
    older = ig_posts(tmp_path / OLDER, [(DELETED, "10/28/2026 09:00", 50, 0, 0, 0),
                                        (EARLIER, "09/10/2026 09:00", 30, 0, 0, 0)])
    older.write_text(re.sub(r"^1179139988533676\d\d,", "1.17914E+17,",
                            older.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    ig_posts(tmp_path / NEWER, [(LATER, "10/26/2026 09:00", 9, 0, 0, 0)])
    return smm.load(tmp_path, cache=False)


def test_of_two_posts_sharing_a_rounded_id_only_the_missing_one_is_noted_and_marked(tmp_path):
    ds = _brand(tmp_path)
    # the two rounded posts are kept apart by their links: three posts
    assert sorted(ds.posts["post_id"]) == ["1.17914E+17", "1.17914E+17", str(LATER)]
    notes = ds.quality[ds.quality["code"] == MISSING_FROM_NEWER]
    assert len(notes) == 1 and notes.iloc[0]["rows"] == 1
    deleted = f"link {LINK.format(DELETED)}"
    # the note names the post by its id for people, with its link, which tells it apart
    assert notes.iloc[0]["message"].endswith(f"its id: 1.17914E+17 ({deleted})")
    assert notes.iloc[0]["posts"] == (deleted,)
    assert {post for _, post in missing_from_newer(ds.quality)} == {deleted}
    # October: DELETED (50 interactions) marked, LATER (9) not; September: EARLIER (30), the
    # other post of the rounded id, not marked (it was, as DELETED's id is its id too)
    october = BrandReport(ds, "2026-10", lang="en").top_posts(n=2).blocks[-1]
    assert [row[0] for row in october["rows"]] == ["28/10/2026 ‡", "26/10/2026"]
    september = BrandReport(ds, "2026-09", lang="en").top_posts(n=2).blocks[-1]
    assert [row[0] for row in september["rows"]] == ["10/09/2026"]
    assert "‡" not in (september.get("caption") or "")


def test_posts_a_rounded_id_and_no_link_leave_apart_are_said_unmarked():
    """Two posts of the older export share the id 1.2E+17 and have no link (the merge keyed
    them by row): the one of 15 October, in the newer export's days, is missing; which of
    the two posts table rows it is cannot be told, so the note says so and names none in
    its ``posts`` (before, both were marked)."""
    df = pd.DataFrame({
        "platform": "instagram", "account_id": "1784",
        "post_id": ["1.2E+17", "1.2E+17", "106"], "_key": ["row 0", "row 1", "106"],
        "source_format": "meta_post",
        "published_at": pd.to_datetime(["2026-10-15 15:00", "2026-09-10 15:00",
                                        "2026-11-05 12:00"], utc=True),
        "snapshot_at": pd.to_datetime(["2026-11-02", "2026-11-02", "2026-12-02"], utc=True),
        "source_file": [OLDER, OLDER, NEWER]})
    log = QualityLog()
    note_missing_from_newer(df, np.array([True, True, True]), "_key", log)
    (note,) = log.to_frame().itertuples()
    assert note.rows == 1 and note.posts == ()
    assert note.message.endswith("its id: 1.2E+17 (an id another post of this export has "
                                 "too, and no link: not marked)")
    assert missing_from_newer(log.to_frame()) == set()


def test_the_posts_are_read_from_the_note_s_data_whatever_its_message_says():
    # a message amended after its ids (or worded otherwise) no longer ends with them: the
    # ids were read back from its end, and the posts went unmarked
    log = QualityLog()
    log.add("a.csv", MISSING_FROM_NEWER, "1 post is not in b.csv; its id: 17", posts=["17"])
    assert log.amend_last("a.csv", MISSING_FROM_NEWER, " (and more said after)")
    assert missing_from_newer(log.to_frame()) == {("a.csv", "17")}
    # a note of another code, or of no posts (a cached note of an older version), marks none
    log.add("a.csv", "snapshot_merged", "1 post also in a newer export", posts=["18"])
    log.entries.append({"file": "c.csv", "level": "warning", "code": MISSING_FROM_NEWER,
                        "message": "1 post is not in b.csv; its id: 19", "rows": 1})
    assert missing_from_newer(log.to_frame()) == {("a.csv", "17")}
