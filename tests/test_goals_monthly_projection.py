"""Goal projections on GA4's monthly totals: a flow's level robust to one month that stands
out (a campaign)."""

import datetime as dt

import numpy as np
import pytest

from smmanalytics.goals import _outlying, _sim_from_months
from smmanalytics.periods import parse_period


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
    assert ("2026-10 stands out from the other months and is left out: the daily rate to "
            "come is fitted on 6 months") in notes


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
])
def test_outlying_months(rates, out):
    assert _outlying(np.array(rates, dtype="float64")).tolist() == out
