"""The same posts in another row order, or with their platform names in another case, give
the same results (API review of stop 42, sample brand Maison Sève)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"


@pytest.fixture(scope="module")
def sample():
    return smm.load(SAMPLE)


def test_best_times_does_not_depend_on_row_order(sample):
    # the permutation test and the bootstraps drew over the caller's rows: shuffled, X's
    # p-value read 0.652 against 0.662, Instagram's window agreement 0.875 against 0.625
    shuffled = sample.posts.sample(frac=1, random_state=1)
    for platform in ("x", "instagram"):
        a = smm.best_times(sample.posts, tz="Europe/Paris", platform=platform,
                           daily=sample.daily)
        b = smm.best_times(shuffled, tz="Europe/Paris", platform=platform, daily=sample.daily)
        assert a.p_value == b.p_value
        assert a.method == b.method
        pd.testing.assert_frame_equal(a.by_slot, b.by_slot)
        assert a.window == b.window
    # the sample as loaded keeps its figures (smm.load gives the canonical order)
    x = smm.best_times(sample.posts, tz="Europe/Paris", platform="x", daily=sample.daily)
    assert (x.p_value, x.method["weekday_p_value"]) == (0.662, 0.798)


def test_compare_does_not_depend_on_row_order(sample):
    shuffled = dataclasses.replace(sample, posts=sample.posts.sample(frac=1, random_state=1))
    a = smm.compare(sample, "2026-10").table
    b = smm.compare(shuffled, "2026-10").table
    pd.testing.assert_frame_equal(a, b)


@pytest.fixture(scope="module")
def upper(sample):
    """The sample's posts with their platform names in upper case (INSTAGRAM)."""
    q = sample.posts.copy()
    q["platform"] = q["platform"].astype("string").str.upper()
    return q


def test_platform_names_in_another_case_are_the_platforms(sample, upper):
    # best_times found no post of 611 INSTAGRAM ones (EmptyDataError)
    a = smm.best_times(upper, tz="Europe/Paris", platform="instagram")
    b = smm.best_times(sample.posts, tz="Europe/Paris", platform="instagram")
    assert (a.n_used, a.p_value) == (b.n_used, b.p_value) == (608, b.p_value)
    assert smm.engagement(upper)["platform"].tolist() == smm.engagement(sample)[
        "platform"].tolist()
    ds = dataclasses.replace(sample, posts=upper)
    assert ds.posts["platform"].astype("string").str.islower().all()
    assert upper["platform"].iloc[0] == "X"             # the caller's frame is left as it was
    # roi had "FACEBOOK" and "facebook" rows, compare_benchmarks 6 rows of 10, scorecard
    # 0 Instagram posts ("missed")
    pd.testing.assert_frame_equal(smm.roi(ds, "2026-10", by="platform"),
                                  smm.roi(sample, "2026-10", by="platform"))
    pd.testing.assert_frame_equal(smm.compare_benchmarks(ds, "2026"),
                                  smm.compare_benchmarks(sample, "2026"))
    pd.testing.assert_frame_equal(smm.scorecard(ds, "2026-10"),
                                  smm.scorecard(sample, "2026-10"))
    pd.testing.assert_frame_equal(smm.compare(ds, "2026-10").table,
                                  smm.compare(sample, "2026-10").table)


def test_canonical_platforms_leaves_canonical_frames_alone(sample):
    from smmanalytics.schema import canonical_platforms

    assert canonical_platforms(sample.posts) is sample.posts
    f = pd.DataFrame({"platform": [" Instagram", None, "x"]})
    assert canonical_platforms(f)["platform"].tolist()[::2] == ["instagram", "x"]
    assert f["platform"].iloc[0] == " Instagram"


def test_platform_aliases_in_a_users_frame_are_one_platform(sample):
    """s57R1: the sample's 611 Instagram posts typed "IG" (606) and "Instagram" (5) gave
    engagement two rows (ig 606, instagram 5), and best_times(platform="ig") refused, listing
    "ig" among the platforms with posts. The aliases are read as the platform arguments read
    them: one Instagram row of 611 posts, the sample's own figures, and best_times of "ig"
    that of the sample's Instagram (608 posts used, as above)."""
    p = sample.posts.copy()
    p["platform"] = p["platform"].astype("string")
    ig = p.index[p["platform"] == "instagram"]
    p.loc[ig, "platform"] = "IG"
    p.loc[ig[:5], "platform"] = "Instagram"
    mine = smm.engagement(p).set_index("platform")
    theirs = smm.engagement(sample.posts).set_index("platform")
    assert mine.loc["instagram", "posts"] == len(ig) == 611
    pd.testing.assert_frame_equal(mine, theirs, check_dtype=False, check_index_type=False,
                                  check_categorical=False)
    a = smm.best_times(p, tz="Europe/Paris", platform="ig")
    b = smm.best_times(sample.posts, tz="Europe/Paris", platform="instagram")
    assert (a.n_used, a.p_value) == (b.n_used, b.p_value) == (608, b.p_value)
    assert p.loc[ig[0], "platform"] == "Instagram"      # the caller's frame is left as it was


def test_canonical_platforms_reads_aliases_and_keeps_unknown_names():
    """An alias becomes its platform in a text or categorical column; a name of no platform
    is only stripped and lower case, left to the functions to refuse."""
    from smmanalytics.schema import canonical_platforms

    f = pd.DataFrame({"platform": pd.array(["IG", " insta", "Twitter", None, "Mastodon"],
                                           dtype="string")})
    out = canonical_platforms(f)["platform"]
    assert out.dtype == "string"
    assert out.tolist() == ["instagram", "instagram", "x", pd.NA, "mastodon"]
    cat = canonical_platforms(f.astype({"platform": "category"}))["platform"]
    assert isinstance(cat.dtype, pd.CategoricalDtype)
    assert sorted(cat.cat.categories) == ["instagram", "mastodon", "x"]
