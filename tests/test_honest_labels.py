"""Labels and notes said from the data (review s60, items 3-6): one date for a one-day span
in the API's notes, a type named with its article, the costs notes' gaps kept as data, a
costs.csv note naming its folder."""

from __future__ import annotations

import datetime as dt
import types

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.errors import ArgumentTypeError
from smmanalytics.periods import days_text


@pytest.mark.parametrize("first, last, said", [
    (dt.date(2026, 10, 1), dt.date(2026, 10, 1), "2026-10-01"),       # one day: one date
    (dt.date(2026, 10, 1), dt.date(2026, 10, 31), "2026-10-01..2026-10-31"),
    # timestamps read by their date (a benchmark's data period, an alert signal's days)
    (pd.Timestamp("2026-10-05"), pd.Timestamp("2026-10-05"), "2026-10-05"),
])
def test_days_text_says_one_date_for_one_day(first, last, said):
    assert days_text(first, last) == said


class Export:
    """A thing with a posts attribute that is no frame, named with a vowel."""

    posts = None
    brand = None


def test_the_type_of_a_thing_without_a_posts_frame_takes_its_article():
    # "Export" starts with a vowel: "an Export", as "an int" (was "a Export", "a int")
    with pytest.raises(ArgumentTypeError, match="got an Export whose posts are NoneType"):
        smm.engagement(Export())
    with pytest.raises(ArgumentTypeError, match="got a SimpleNamespace whose posts are"):
        smm.engagement(types.SimpleNamespace(posts=None, brand=None))

