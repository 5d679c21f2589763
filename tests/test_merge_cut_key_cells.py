"""A newer Instagram posts export cut off inside its last row's key cells (its ``Post ID``,
its ``Account ID``), beside an older complete export of the same posts: the cut row whose id
is whole is matched to the older row of its post by that id, whatever the platform the cut
left the row (Meta's posts export tells Instagram's rows by their link, type and handle);
a cut inside the id matches nothing, and names no other post."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import smmanalytics as smm

from ._helpers import ig_posts

OLDER = "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv"
NEWER = "instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv"
#: (post id, publish time, likes, comments, shares, saves); ig_posts: reach 10 × likes,
#: views 20 × likes, interactions likes + comments + shares + saves
OLDER_POSTS = [("17900000000000001", "10/02/2026 09:00", 10, 1, 0, 0),
               ("17900000000000002", "10/05/2026 09:00", 20, 2, 0, 0),
               ("17900000000000003", "10/09/2026 09:00", 30, 3, 0, 0)]
#: two weeks later every post has 5 likes and 1 comment more
NEWER_POSTS = [(p, at, likes + 5, comments + 1, 0, 0)
               for p, at, likes, comments, _, _ in OLDER_POSTS]
LAST = "17900000000000003"
FIGURES = ("views", "reach", "reactions", "comments", "interactions")


def _exports(folder: Path) -> bytes:
    """The two exports in ``folder`` (the newer one whole); the newer one's bytes."""
    folder.mkdir(exist_ok=True)
    (folder / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n", encoding="utf-8")
    ig_posts(folder / OLDER, OLDER_POSTS)
    return ig_posts(folder / NEWER, NEWER_POSTS).read_bytes()


def _cut(folder: Path, at: int | None = None, after: str | None = None) -> smm.Dataset:
    """The exports with the newer one cut at byte ``at``, or right after the last row's
    ``after`` (its start: ``LAST + ",17"`` is cut inside its Account ID ``1784``)."""
    whole = _exports(folder)
    if after is not None:
        at = whole.rindex(b"\n" + LAST.encode()) + 1 + len(after)
    (folder / NEWER).write_bytes(whole[:at])
    return smm.load(folder, cache=False)


def _notes(ds: smm.Dataset, *codes: str) -> pd.DataFrame:
    return ds.quality[ds.quality["code"].isin(codes)]


def test_a_row_cut_inside_its_account_id_takes_its_post_s_older_row(tmp_path):
    # before: 4 posts, 17900000000000003 twice (the cut row read as a Facebook post, "in no
    # older export", beside the older export's Instagram row)
    for after in (LAST + ",", LAST + ",17", LAST + ",1784"):
        ds = _cut(tmp_path / str(len(after)), after=after)
        posts = ds.posts.set_index("post_id")
        assert sorted(posts.index) == [p for p, *_ in OLDER_POSTS]
        assert (posts["platform"] == "instagram").all()
        # the older row of 17900000000000003: 30 likes, 3 comments, reach 300, views 600,
        # interactions 33, published 9 October 09:00 Pacific = 16:00 UTC
        last = posts.loc[LAST]
        assert (last["reactions"], last["comments"], last["reach"], last["views"],
                last["interactions"]) == (30, 3, 300, 600, 33)
        assert last["published_at"] == pd.Timestamp("2026-10-09 16:00", tz="UTC")
        assert last["account_id"] == "1784"
        # the two whole rows keep the newer export's figures: 15 + 2, 25 + 3
        assert posts.loc[[p for p, *_ in OLDER_POSTS[:2]], "interactions"].tolist() == [17, 28]
        assert _notes(ds, "cut_row_alone").empty
        (message,) = _notes(ds, "cut_row_completed")["message"]
        # the platform is the loader's: the file's name says Instagram (a name saying
        # neither leaves it unknown and the older row gives it: test_loaders_cut_row_told)
        assert message.startswith(f"post {LAST} (the row from line 4, which the file's "
                                  "cut-off left partial) takes account_id")
        assert f"from the older export {OLDER}" in message


def test_a_row_cut_inside_its_post_id_names_no_post(tmp_path):
    # "17900" of 17900000000000003: the cell is left missing, the row skipped (every cell
    # empty), never matched to 17900000000000001 nor …2, whose ids start alike; the whole
    # row before it (…2's) was named the cut row, "in no older export", its blank Follows
    # and Data comment taken for cells the cut lost
    for after in ("1", "17900", LAST[:-1]):
        ds = _cut(tmp_path / str(len(after)), after=after)
        assert sorted(ds.posts["post_id"]) == [p for p, *_ in OLDER_POSTS]
        assert _notes(ds, "cut_row_alone", "cut_row_completed").empty
        assert len(_notes(ds, "file_cut_off")) == 1
        # the newer rows of …1 and …2 (17, 28), the older of …3 (33)
        assert ds.posts.sort_values("post_id")["interactions"].tolist() == [17, 28, 33]


_OLDER: dict[str, pd.DataFrame] = {}


def _older(tmp_path_factory) -> pd.DataFrame:
    """The older export's posts alone, loaded once."""
    if not _OLDER:
        folder = tmp_path_factory.mktemp("older")
        (folder / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n",
                                           encoding="utf-8")
        ig_posts(folder / OLDER, OLDER_POSTS)
        _OLDER["posts"] = smm.load(folder, cache=False).posts.set_index("post_id")
    return _OLDER["posts"]


@pytest.mark.filterwarnings("ignore::smmanalytics.errors.DataQualityWarning")  # a cut header
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
@example(data=None)
def test_cutting_the_newer_export_anywhere_never_drops_nor_lowers_a_post(
        tmp_path_factory, data):
    # every figure of the newer export is the older one's or more (by construction): a post
    # of the older export is there once, of its platform, with figures at least the older's
    older = _older(tmp_path_factory)
    folder = tmp_path_factory.mktemp("cut")
    whole = _exports(folder)
    row = whole.rindex(b"\n" + LAST.encode()) + 1
    at = (row + len(LAST) + 3 if data is None      # inside the Account ID
          else data.draw(st.integers(min_value=0, max_value=len(whole)), label="cut"))
    (folder / NEWER).write_bytes(whole[:at])
    posts = smm.load(folder, cache=False).posts
    assert not posts.duplicated(subset=["platform", "post_id"]).any()
    got = posts.set_index("post_id").loc[older.index]
    assert (got["platform"] == "instagram").all() and got.index.is_unique
    assert got["published_at"].equals(older["published_at"])
    for figure in FIGURES:
        assert (got[figure] >= older[figure]).all(), figure


#: TikTok Content videos: (id = publish second << 32 + 1, Post time, likes, comments, shares,
#: views); 2, 5 and 9 October 2026 at 09:00 UTC
TT_OLDER = [((1790931600 << 32) + 1, "October 2", 10, 1, 0, 100),
            ((1791190800 << 32) + 1, "October 5", 20, 2, 1, 200),
            ((1791536400 << 32) + 1, "October 9", 30, 3, 2, 300)]
#: two weeks later every video has 5 likes, 1 comment and 50 views more
TT_NEWER = [(v, at, likes + 5, comments + 1, shares, views + 50)
            for v, at, likes, comments, shares, views in TT_OLDER]


def _tiktok_content(path: Path, videos: list[tuple], time: str, made: tuple) -> bytes:
    """A TikTok Studio Content export of ``videos`` zipped at ``path`` (member time
    ``made``), its bytes of Content.csv."""
    header = ["Time", "Video title", "Video link", "Post time", "Total likes",
              "Total comments", "Total shares", "Total views"]
    rows = [[time, f"video {i}", f"https://www.tiktok.com/@b/video/{v}", at, *figures]
            for i, (v, at, *figures) in enumerate(videos)]
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in [header, *rows])
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("Content.csv", date_time=made), text.encode())
    return text.encode()


def test_a_tiktok_row_cut_after_its_video_link_takes_its_older_row(tmp_path):
    # TikTok's id is read from 'Video link' (no id column of its own): every cut was taken
    # for one inside the id, and the cut video kept the newer export's blanks, its likes,
    # comments, shares, views and interactions all missing
    (tmp_path / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n", encoding="utf-8")
    _tiktok_content(tmp_path / "a" / "Content_b.zip", TT_OLDER, "November 1",
                    (2026, 11, 1, 9, 0, 0))
    whole = _tiktok_content(tmp_path / "b" / "Content_b.zip", TT_NEWER, "November 14",
                            (2026, 11, 15, 9, 0, 0))
    last = str(TT_OLDER[-1][0])
    cut = whole[:whole.rindex(b'"October 9","3') + len(b'"October 9","3')]   # 35 likes → 3
    with zipfile.ZipFile(tmp_path / "b" / "Content_b.zip", "w") as z:
        z.writestr(zipfile.ZipInfo("Content.csv", date_time=(2026, 11, 15, 9, 0, 0)), cut)
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert sorted(posts.index) == sorted(str(v) for v, *_ in TT_OLDER)
    # the older export's row of the cut video: 30 likes, 3 comments, 2 shares, 300 views,
    # interactions 30 + 3 + 2 = 35
    assert tuple(posts.loc[last, ["reactions", "comments", "shares", "views",
                                  "interactions"]]) == (30, 3, 2, 300, 35)
    # the two whole rows keep the newer figures: 15 + 2 + 0 = 17, 25 + 3 + 1 = 29
    assert posts.loc[[str(v) for v, *_ in TT_OLDER[:2]], "interactions"].tolist() == [17, 29]
    (message,) = _notes(ds, "cut_row_completed")["message"]
    assert message.startswith(f"post {last} (the row from line 4, which the file's cut-off "
                              "left partial) takes views, reactions, comments, shares, "
                              "interactions from the older export Content.csv")


#: X posts: (id, Date, likes, replies), its other figures 0; ids are snowflakes of 2, 5 and
#: 9 October 2026 at 09:00 UTC ((ms − 1288834974657) << 22)
X_OLDER = [(((second * 1000 - 1288834974657) << 22) + 1, day, likes, replies)
           for second, day, likes, replies in ((1790931600, "Fri, Oct 2, 2026", 10, 1),
                                               (1791190800, "Mon, Oct 5, 2026", 20, 2),
                                               (1791536400, "Fri, Oct 9, 2026", 30, 3))]
#: the older export's range ends on 31 October, the newer's on 14 November (X's names give
#: the range chosen, no export time)
X_NAMES = ("account_analytics_content_2026-10-01_2026-10-31.csv",
           "account_analytics_content_2026-10-01_2026-11-14.csv")


def _x_content(path: Path, posts: list[tuple], impressions_per_like: int) -> bytes:
    """An X Analytics content export of ``posts`` at ``path`` (impressions
    ``impressions_per_like`` × likes, other figures 0), its bytes."""
    header = "Post id,Date,Post text,Post Link,Impressions,Likes,Replies,Reposts,Bookmarks\n"
    rows = "".join(f'{p},"{day}",post {p % 10},https://x.com/b/status/{p},'
                   f"{impressions_per_like * likes},{likes},{replies},0,0\n"
                   for p, day, likes, replies in reversed(posts))      # newest first
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((header + rows).encode())
    return path.read_bytes()


def test_an_x_row_cut_after_its_id_takes_its_older_row(tmp_path):
    # the oldest post is the last row (X lists the newest first); the newer export, two weeks
    # later, gives every post 5 likes and 1 reply more, 20 impressions a like (10 before);
    # cut inside the last row's impressions ("300" → "3")
    (tmp_path / "brand.yaml").write_text("name: B\ntimezone: Europe/Paris\n", encoding="utf-8")
    older, newer = (tmp_path / name for name in X_NAMES)
    _x_content(older, X_OLDER, 10)
    whole = _x_content(newer, [(p, d, likes + 5, r + 1) for p, d, likes, r in X_OLDER], 20)
    first = str(X_OLDER[0][0])
    newer.write_bytes(whole[:whole.rindex(f"/status/{first},".encode())
                            + len(f"/status/{first},3")])
    ds = smm.load(tmp_path, cache=False)
    posts = ds.posts.set_index("post_id")
    assert sorted(posts.index) == sorted(str(p) for p, *_ in X_OLDER)
    # the older row of the 2 October post: 10 likes, 1 reply, 100 impressions, 11
    # interactions; the whole rows keep the newer 25 + 3 = 28 and 35 + 4 = 39
    assert tuple(posts.loc[first, ["reactions", "comments", "impressions",
                                   "interactions"]]) == (10, 1, 100, 11)
    assert posts.loc[[str(p) for p, *_ in X_OLDER[1:]], "interactions"].tolist() == [28, 39]
    (message,) = _notes(ds, "cut_row_completed")["message"]
    assert message.startswith(f"post {first} (the row from line 4, which the file's cut-off "
                              "left partial) takes")
