"""A yearly licence entered from January does not say that January to June were entered
(s57R6 finding 1): the costs of the months before the first line of a month or less are
unknown, as those after the last monthly line are."""

import datetime as dt

import pandas as pd
import pytest

from smmanalytics.goals import read_goals, scorecard
from smmanalytics.roi import costs_span, roi

from ._roi_builders import dataset, web

# a licence for the year, salaries of 80 h × 42.50 = 3,400 € a month from July to October
_COSTS = ("2026-01-01,2026-12-31,tools,1200,,,,,,licence\n"
          + "".join(f"2026-{m:02d}-01,2026-{m:02d}-{d},labor,,,,,80,42.50,salaries\n"
                    for m, d in ((7, 31), (8, 31), (9, 30), (10, 31))))


def _web_month(month: int, last_day: int, revenue: float) -> dict:
    return {"period_start": f"2026-{month:02d}-01", "period_end": f"2026-{month:02d}-{last_day}",
            "channel_group": "Organic Social", "source": "instagram", "medium": "social",
            "campaign": "(not set)", "sessions": 100.0, "key_events": 10.0,
            "revenue": revenue, "currency": "EUR"}


def _ds(tmp_path):
    goals = tmp_path / "goals.yaml"
    goals.write_text("goals:\n  - metric: roi\n    platform: all\n    target: 1\n"
                     "    period: month\n    direction: at_least\n", encoding="utf-8")
    w = web([_web_month(5, 31, 2482.47), _web_month(10, 31, 8000.0)])
    return dataset(tmp_path, _COSTS, web=w, goals=read_goals(goals))


def test_a_yearly_licence_does_not_start_the_costs_span(tmp_path):
    # the salaries run from 1 July to 31 October; the licence's 1 January bounds nothing
    assert costs_span(_ds(tmp_path).costs) == (dt.date(2026, 7, 1), dt.date(2026, 10, 31))


def test_may_before_the_salaries_has_unknown_costs_not_the_licence_alone(tmp_path):
    ds = _ds(tmp_path)
    may = roi(ds, "2026-05").iloc[0]
    # was cost 1200 × 31/365 = 101.92 and roi (2482.47 − 101.92) / 101.92 = 23.36
    assert all(pd.isna(may[c]) for c in ("cost", "tools", "labor", "roi", "cpa"))
    assert may["revenue"] == pytest.approx(2482.47)
    assert may["note_codes"].split("; ")[0] == "costs_uncovered"
    assert "costs.csv runs from 2026-07-01 to 2026-10-31, outside 2026-05" in may["note"]
    # October is inside: 3,400 of salaries + 1200 × 31/365 = 101.92 of the licence
    oct_ = roi(ds, "2026-10").iloc[0]
    assert oct_["cost"] == pytest.approx(3400 + 1200 * 31 / 365)


def test_the_year_counts_the_licence_over_the_covered_days_alone(tmp_path):
    # July–October: 123 days of the licence, 1200 × 123/365 = 404.38, + 4 × 3,400 of salaries
    year = roi(_ds(tmp_path), "2026").iloc[0]
    assert year["tools"] == pytest.approx(1200 * 123 / 365)
    assert year["cost"] == pytest.approx(1200 * 123 / 365 + 4 * 3400)
    assert "costs_partly" in year["note_codes"]


def test_the_roi_goal_of_may_is_not_met_on_the_licence_alone(tmp_path):
    row = scorecard(_ds(tmp_path), "2026-05", asof="2026-06-02").iloc[0]
    # no status at all (it read "met" on 2,336 %), and the note says why
    assert pd.isna(row["actual"]) and pd.isna(row["status"])
    assert row["note"] == "costs.csv does not reach 2026-05: roi cannot be computed"
