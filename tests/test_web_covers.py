"""The days of a period the GA4 exports' date ranges cover (``_web.covered_runs``)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics import _web
from smmanalytics.periods import parse_period


def _web_rows(ranges: list[tuple[str, str]]) -> pd.DataFrame:
    """One social GA4 row per export date range (first day, last day)."""
    return pd.DataFrame({
        "period_start": pd.to_datetime([a for a, _ in ranges]),
        "period_end": pd.to_datetime([b for _, b in ranges]),
        "source": pd.array(["facebook.com"] * len(ranges), dtype="string"),
        "sessions": pd.array([10.0] * len(ranges), dtype="Float64"),
    })


def test_covered_runs_of_many_exports():
    """Exports before, across the start of, inside, across the end of and after March 2026.
    By hand: 25 Feb-3 Mar covers 1-3 March, 10-12 March itself, 11-15 March overlaps it (one
    run 10-15), 28 March-5 April covers 28-31; January's and April's cover none."""
    web = _web_rows([("2026-01-01", "2026-01-31"), ("2026-02-25", "2026-03-03"),
                     ("2026-03-10", "2026-03-12"), ("2026-03-11", "2026-03-15"),
                     ("2026-03-28", "2026-04-05"), ("2026-04-10", "2026-04-30")])
    d = dt.date
    assert _web.covered_runs(web, parse_period("2026-03")) == [
        (d(2026, 3, 1), d(2026, 3, 3)), (d(2026, 3, 10), d(2026, 3, 15)),
        (d(2026, 3, 28), d(2026, 3, 31))]
    # February: only 25-28 of the second export (the first ends in January)
    assert _web.covered_runs(web, parse_period("2026-02")) == [(d(2026, 2, 25),
                                                                d(2026, 2, 28))]
    assert _web.covered_runs(web, parse_period("2025-12")) == []


_DAY = st.integers(-40, 80).map(lambda k: pd.Timestamp("2026-03-01") + pd.Timedelta(days=k))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_DAY, st.integers(-2, 40)), max_size=8),
       st.sampled_from(["2026-02", "2026-03", "2026-Q1", "2026-04"]))
def test_seen_days_are_the_days_some_range_holds(ranges, label):
    """Each day of the period is covered exactly when some range [start, start + length]
    holds it (a range ending before it starts holds none)."""
    covers = pd.DataFrame({"start": [a for a, _ in ranges],
                           "end": [a + pd.Timedelta(days=n) for a, n in ranges]},
                          dtype="datetime64[ns]")
    period = parse_period(label)
    days, seen = _web._seen_days(covers, period)
    expected = np.array([any(a <= day <= a + pd.Timedelta(days=n) for a, n in ranges)
                         for day in days])
    assert len(days) == period.days
    assert (seen == expected).all()
