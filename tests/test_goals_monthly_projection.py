"""Goal projections on GA4's monthly totals: ROI and ROAS goals whose period runs past the end
of costs.csv (the costs of the days after it projected, not taken as none), and a flow's level
robust to one month that stands out (a campaign)."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from smmanalytics._projection import _outlying, _sim_from_months
from smmanalytics.goals import read_goals, scorecard
from smmanalytics.periods import parse_period

from ._roi_builders import dataset, web

#: GA4 revenue of 20 € a day from July to October 2026, one monthly row each
_REVENUE = web([{"period_start": s, "period_end": e, "source": "instagram", "medium": "social",
                 "revenue": 20.0 * days, "currency": "EUR"}
                for s, e, days in (("2026-07-01", "2026-07-31", 31),
                                   ("2026-08-01", "2026-08-31", 31),
                                   ("2026-09-01", "2026-09-30", 30),
                                   ("2026-10-01", "2026-10-31", 31))])
#: costs.csv of August to October, 10 € a day each month (310, 310, 300... in month order)
_THREE_MONTHS = ("2026-08-01,2026-08-31,{c},310,EUR,,,,,\n"
                 "2026-09-01,2026-09-30,{c},300,EUR,,,,,\n"
                 "2026-10-01,2026-10-31,{c},310,EUR,,,,,\n")


def _goal(tmp_path, metric: str, target: float, period: str = "quarter"):
    path = tmp_path / "goals.yaml"
    path.write_text(f"goals:\n  - {{metric: {metric}, platform: all, target: {target}, "
                    f"period: {period}}}\n", encoding="utf-8")
    return read_goals(path)


@pytest.mark.parametrize("metric, category, target, projection", [
    # value: October's 620 in hand, then 61 days at 20 a day (July to October all 20 a
    # day: the Gamma has no spread) = 1,840. Costs: October's 310, then 61 days at 10 a day
    # (August to October all 10 a day) = 610: ROI (1,840 − 920) / 920 = 1.0, ROAS 1,840 /
    # 920 = 2.0. Before, over October's 310 alone: ROI 4.94, ROAS 5.94, "on track"
    ("roi", "labor", 1.5, 1.0),
    ("roas", "ad_spend", 3.0, 2.0),
])
def test_costs_after_costs_csv_ends_are_projected(tmp_path, metric, category, target,
                                                  projection):
    ds = dataset(tmp_path, _THREE_MONTHS.format(c=category), web=_REVENUE,
                 goals=_goal(tmp_path, metric, target))
    row = scorecard(ds, "2026-10", asof="2026-10-31").iloc[0]
    # to date October's alone: ROI (620 − 310) / 310 = 1.0, ROAS 620 / 310 = 2.0
    assert row["actual"] == pytest.approx(projection)
    assert row["projection"] == pytest.approx(projection)
    assert row["projection_low"] == pytest.approx(projection)
    assert row["projection_high"] == pytest.approx(projection)
    assert row["p_meet"] == 0.0 and row["status"] == "off track"
    what = "costs" if metric == "roi" else "ad spend"
    assert (f"costs.csv ends on 2026-10-31: the {what} of the rest of 2026-Q4 projected from "
            f"the daily rate of 3 months") in row["note"]


def test_costs_of_one_month_give_no_projection(tmp_path):
    """costs.csv of October alone: nothing to draw November and December's costs from, so no
    projection nor probability (the ROI to date stays: (620 − 310) / 310 = 1.0)."""
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,labor,310,EUR,,,,,\n", web=_REVENUE,
                 goals=_goal(tmp_path, "roi", 1.5))
    row = scorecard(ds, "2026-10", asof="2026-10-31").iloc[0]
    assert row["actual"] == pytest.approx(1.0)
    assert pd.isna(row["p_meet"]) and pd.isna(row["status"])
    assert pd.isna(row["projection_low"]) and pd.isna(row["projection_high"])
    assert ("costs.csv ends on 2026-10-31, with fewer than 3 whole months before: the costs "
            "of the rest of 2026-Q4 are unknown, no projection") in row["note"]


def test_costs_csv_reaching_the_goal_end_changes_nothing(tmp_path):
    """A line over the whole quarter: costs.csv covers Q4, nothing is projected, as before
    (October's revenue 620 and 61 days at 20 a day, 1,840, over the quarter's 920: 1.0)."""
    ds = dataset(tmp_path, "2026-10-01,2026-12-31,labor,920,EUR,,,,,\n", web=_REVENUE,
                 goals=_goal(tmp_path, "roi", 1.5))
    row = scorecard(ds, "2026-10", asof="2026-10-31").iloc[0]
    assert row["projection"] == pytest.approx(1.0)
    assert "costs.csv ends" not in row["note"]


def test_a_campaign_month_does_not_set_the_flow_level():
    """Q4 revenue on 31 October: October's campaign brought 14,000; April to September
    brought 420, 403, 450, 372, 434, 390 (14, 13, 15, 12, 14, 13 a day). The daily rates'
    median is 14, their absolute deviations from it 437.6 (October), 0, 1, 1, 2, 0, 1, whose
    median 1 gives a robust sd of 1 / 0.6745 = 1.4826: October lies 295 sd away, left out;
    the others at most 1.35.

    The six months left: V₁ = 183 days, V₂ = 3 × 30² + 3 × 31² = 5,583, m = 2,469 / 183 =
    13.4918 a day; Σ t (x − m)² = 167.738 (30 × 0.4918² + 31 × 0.5082² + 31 × 1.4918² + 30
    × 1.5082² + 31 × 0.4918² + 30 × 0.5082²), v = 167.738 / (183 − 5,583 / 183) = 1.09998,
    the rate's variance v (1 + 5,583 / 183²) = 1.28336: a Gamma of shape 13.4918² / 1.28336
    = 141.84. The 61 days left bring 61 × 13.4918 = 823.0 on average, their 10th percentile
    823.0 × (1 − 1/9k − 1.2816 √(1/9k))³ = 735.8 (Wilson–Hilferty). With October in the
    fit (mean 90.7 a day, shape 0.24) the lower end brought about 1 €."""
    by_month = {9: 390.0, 8: 434.0, 7: 372.0, 6: 450.0, 5: 403.0, 4: 420.0}
    notes = []
    final = _sim_from_months(lambda s, e: by_month.get(s.month, np.nan),
                             parse_period("2026-Q4"), dt.date(2026, 10, 31), None, 14_000.0,
                             np.random.default_rng(3), 200_000, notes)
    rest = final - 14_000.0
    assert rest.mean() == pytest.approx(823.0, rel=0.005)
    assert np.quantile(rest, 0.1) == pytest.approx(735.8, rel=0.005)
    # one count of months, the fitted ones: the first note said 7 (October in), the next 6
    assert notes == ["GA4 has monthly totals only: projected from the daily rate of 6 months",
                     "2026-10 stands out from the other months and is left out: the daily "
                     "rate to come is fitted on 6 months"]


def test_the_costs_projection_counts_the_months_it_is_fitted_on(tmp_path):
    """costs.csv of June to October, 10, 11, 9, 10 € a day then October's 100 (a campaign):
    median 10, absolute deviations 0, 1, 1, 0, 90, MAD 1, robust sd 1.4826; October lies 61
    sd away, left out, the others at most 0.67 (by hand). The note of the projection said
    "the daily rate of 5 months", the next "fitted on 4 months": both now say 4."""
    costs = ("2026-06-01,2026-06-30,labor,300,EUR,,,,,\n"
             "2026-07-01,2026-07-31,labor,341,EUR,,,,,\n"
             "2026-08-01,2026-08-31,labor,279,EUR,,,,,\n"
             "2026-09-01,2026-09-30,labor,300,EUR,,,,,\n"
             "2026-10-01,2026-10-31,labor,3100,EUR,,,,,\n")
    ds = dataset(tmp_path, costs, web=_REVENUE, goals=_goal(tmp_path, "roi", 1.5))
    note = scorecard(ds, "2026-10", asof="2026-10-31").iloc[0]["note"]
    assert ("costs.csv ends on 2026-10-31: the costs of the rest of 2026-Q4 projected from "
            "the daily rate of 4 months; 2026-10 stands out from the other months of costs and "
            "is left out: the daily rate of costs to come is fitted on 4 months") in note


def test_months_of_one_daily_spend_do_not_stand_out_by_their_length(tmp_path):
    """10 € every day from October 2025 to March 2026, one line a month: totals 310, 300, 310,
    310, 280, 310. As totals February would stand out: median 310, deviations 0, 10, 0, 0,
    30, 0, MAD 0, so the scale is 1.2533 × 40 / 6 = 8.36, and 30 > 3.5 × 8.36 = 29.2. As daily
    rates, all 10, nothing does: the months are fitted as rates, whatever their length.

    The year 2026 on 31 March, GA4 20 € a day from October: value 90 days × 20 in hand + 275
    days to come × 20 = 7,300 (no spread: every month 20 a day); costs 90 × 10 in hand + 275
    × 10 to come = 3,650 (no spread either): ROI (7,300 − 3,650) / 3,650 = 1.0."""
    months = pd.period_range("2025-10", "2026-03", freq="M")
    revenue = web([{"period_start": m.start_time.date().isoformat(),
                    "period_end": m.end_time.date().isoformat(), "source": "instagram",
                    "medium": "social", "revenue": 20.0 * m.days_in_month, "currency": "EUR"}
                   for m in months])
    costs = "".join(f"{m.start_time.date()},{m.end_time.date()},labor,{10 * m.days_in_month},"
                    "EUR,,,,,\n" for m in months)
    ds = dataset(tmp_path, costs, web=revenue,
                 goals=_goal(tmp_path, "roi", 1.5, period="year"))
    row = scorecard(ds, "2026-03", asof="2026-03-31").iloc[0]
    assert row["projection"] == pytest.approx(1.0)
    assert ("costs.csv ends on 2026-03-31: the costs of the rest of 2026 projected from the "
            "daily rate of 6 months") in row["note"]
    assert "stands out" not in row["note"]


@pytest.mark.parametrize("rates, out", [
    # 14, 13, 15, 12, 14, 13 and a campaign's 451.6: see above
    ([451.6, 14, 13, 15, 12, 14, 13], [True] + [False] * 6),
    # more than half at 0 (MAD 0): the mean deviation, 500 / 4 × 1.2533 = 156.7; 500 lies
    # 3.19 of them away, under 3.5: kept
    ([0, 0, 0, 500], [False] * 4),
    # all alike: nothing stands out
    ([10, 10, 10, 10], [False] * 4),
    # 3 months: none can be left out (a level rests on at least 3)
    ([1, 1.1, 400], [False] * 3),
    # alike but for rounding: 0.1 + 0.2 is 0.30000000000000004, 5.6e-17 from the median 0.3,
    # whose mean deviation × 1.2533 is 9.9e-18: it stood 5.6 "deviations" out; the same rate
    ([0.1 + 0.2] + [0.3] * 6, [False] * 7),
    # a scale in the subnormals (median 5e-321, MAD 1.5e-320 / 0.6745 = 2.2e-320): 1e300
    # over it overflowed (a RuntimeWarning); compared, not divided, it stands out
    ([-2e-320, -1e-320, 0.0, 1e-320, 2e-320, 1e300], [False] * 5 + [True]),
])
def test_outlying_months(rates, out):
    assert _outlying(np.array(rates, dtype="float64")).tolist() == out
