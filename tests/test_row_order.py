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

