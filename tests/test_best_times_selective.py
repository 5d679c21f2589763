"""A recommended window's lift and interval allow for its having been shown because its held-out
interval cleared 1 (``timing._estimate.selection_adjusted``): the maths, and what is said."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import norm, truncnorm

from smmanalytics.report import BrandReport
from smmanalytics.timing._estimate import _truncated_quantiles, selection_adjusted
from smmanalytics.timing._result import BestTimes

Z = norm.ppf(0.95)


def test_the_adjusted_figures_are_the_truncated_normals_quantile_means():
    """A held-out log-lift x = 0.20 with spread s = 0.10, shown because it cleared c = 0.15:
    each returned mean puts x at its conditional quantile, checked with scipy.stats.truncnorm
    (the Normal(theta, s) truncated to (c, inf)), an independent computation. By hand: the
    raw 90% interval is 0.20 +- 1.645 x 0.10 = 0.036 to 0.364; x sits only 0.5 s above the
    threshold, so the truncation pulls the median-unbiased estimate well below x and the lower
    end far below the raw one, and keeps the upper end below the raw 0.364."""
    x, s, c = 0.20, 0.10, 0.15
    low, mid, high = _truncated_quantiles(x, s, c, [0.95, 0.5, 0.05])
    for theta, q in ((low, 0.95), (mid, 0.5), (high, 0.05)):
        assert truncnorm.cdf(x, (c - theta) / s, np.inf, loc=theta, scale=s) == pytest.approx(
            q, abs=1e-9)
    assert low < x - Z * s and mid < x and high < x + Z * s


def test_far_above_the_threshold_nothing_is_adjusted():
    """An estimate 12 spreads above its threshold was all but sure to be shown: conditioning on
    it changes nothing, and the figures are the raw Normal ones, x and x +- 1.645 s (by hand,
    x = 0.5, s = 0.1: 0.3355 to 0.6645)."""
    low, mid, high = _truncated_quantiles(0.5, 0.1, 0.5 - 1.2, [0.95, 0.5, 0.05])
    assert (low, mid, high) == pytest.approx((0.5 - Z * 0.1, 0.5, 0.5 + Z * 0.1), abs=1e-9)


def test_a_window_keeps_its_raw_figures_beside_the_adjusted_ones():
    """A window shown at 1.30x (90% interval 1.05-1.60) is adjusted from the log-scale Normal
    of spread s = log(1.60 / 1.05) / (2 x 1.645) = 0.1280, shown because log 1.30 = 0.2624
    cleared its lower half-width c = log(1.30 / 1.05) = 0.2136: the figures are exp of the
    truncated Normal's quantile means (checked with scipy.stats.truncnorm), the raw ones kept."""
    w = selection_adjusted({"status": "ok", "lift": 1.30, "lift_low": 1.05, "lift_high": 1.60},
                           0.9)
    x, s, c = np.log(1.30), np.log(1.60 / 1.05) / (2 * Z), np.log(1.30 / 1.05)
    for key, q in (("lift_low", 0.95), ("lift", 0.5), ("lift_high", 0.05)):
        theta = np.log(w[key])
        assert truncnorm.cdf(x, (c - theta) / s, np.inf, loc=theta, scale=s) == pytest.approx(
            q, abs=1e-9)
    assert (w["raw_lift"], w["raw_lift_low"], w["raw_lift_high"]) == (1.30, 1.05, 1.60)
    assert w["selection_adjusted"] and w["status"] == "ok"
    # x sits 1.67 s above its threshold: the adjusted interval reaches below 1
    assert w["lift_low"] < 1 < w["lift"] < 1.30 and w["lift_high"] < 1.60


@settings(max_examples=200, deadline=None)
@given(x=st.floats(0.001, 3.0), half=st.floats(0.001, 1.5))
def test_adjusted_interval_holds_its_estimate_below_the_raw_figures(x, half):
    """What holds for any shown window with a symmetric log-scale interval x +- h (h = z s, the
    threshold c = h < x as the rule requires): the adjusted interval holds the adjusted
    estimate (low <= mid <= high), the estimate lies below the raw one (the conditional CDF at
    theta = x is 1 - 0.5 / sf((c - x) / s) < 0.5) and the upper end below the raw upper end
    (at theta = x + h it is 1 - 0.95 / sf((c - x) / s - z) < 0.05). The lower end need not
    lie below the raw lower end: far above the threshold they agree."""
    if half >= x:
        half = x / 2
    s = half / Z
    low, mid, high = _truncated_quantiles(x, s, half, [0.95, 0.5, 0.05])
    assert low <= mid <= high
    assert mid < x or np.isclose(mid, x, atol=1e-9)
    assert high < x + half or np.isclose(high, x + half, atol=1e-9)


_ADJUSTED = {"status": "ok", "days": "Friday", "weekdays": [4], "hours": [18],
             "start_hour": 18, "end_hour": 19, "lift": 1.11, "lift_low": 0.95,
             "lift_high": 1.32, "raw_lift": 1.30, "raw_lift_low": 1.05,
             "raw_lift_high": 1.60, "selection_adjusted": True, "n_posts": 12}


@pytest.mark.parametrize("lang,said,below", [
    ("en", "earned about 1.11× the account's average on weeks not used to choose the window, "
           "likely between 0.95× and 1.32× (90% interval: 9 chances in 10 that the true figure "
           "lies within it, allowing for its having been picked because it stood out; 608 posts).",
     "Allowing for that choice, the interval reaches below 1: the window may do no better than "
     "the account's average."),
    ("fr", "ont obtenu environ 1,11× la moyenne du compte sur des semaines qui n'ont pas servi à "
           "choisir la plage, probablement entre 0,95× et 1,32× (intervalle à 90 % : 9 chances "
           "sur 10 que la vraie valeur s'y trouve, compte tenu de ce qu'elle a été retenue parce "
           "qu'elle se démarquait ; 608 publications).",
     "Compte tenu de ce choix, l'intervalle descend sous 1 : la plage pourrait ne pas faire "
     "mieux que la moyenne du compte."),
    ("it", "hanno ottenuto circa 1,11× la media dell'account su settimane non usate per scegliere "
           "la fascia, probabilmente tra 0,95× e 1,32× (intervallo al 90%: 9 probabilità su 10 "
           "che il valore vero vi rientri, tenendo conto che è stata scelta perché spiccava; 608 "
           "post).",
     "Tenuto conto di questa scelta, l'intervallo scende sotto 1: la fascia potrebbe non rendere "
     "più della media dell'account."),
])
def test_the_report_says_an_adjusted_window_may_do_no_better(ds, lang, said, below):
    """A window shown (its raw interval 1.05-1.60 cleared 1) whose adjusted interval 0.95-1.32
    reaches below 1 is still shown, with its adjusted figures, and the report says it may do no
    better than the average; with an adjusted interval above 1 that sentence is not said."""
    rep = BrandReport(ds, "2026-10", lang=lang)
    bt = SimpleNamespace(window=_ADJUSTED, effect_detected=True, n_used=608, p_value=0.002,
                         method={})
    sentence = rep._bt_sentence(bt)
    assert said in sentence and sentence.endswith(below)
    clear = SimpleNamespace(**dict(vars(bt), window=dict(_ADJUSTED, lift_low=1.02)))
    assert below not in rep._bt_sentence(clear)


def test_the_summary_says_an_adjusted_window_may_do_no_better():
    """``BestTimes.summary`` tells the adjusted figures as estimates allowing for the choice,
    and says when their interval reaches below 1."""
    import pandas as pd

    bt = BestTimes(effect_detected=True, p_value=0.002, by_slot=pd.DataFrame(),
                   recommended=pd.DataFrame(), by_weekday=pd.DataFrame(), window=_ADJUSTED,
                   n_used=608, n_excluded={}, method={"tz": "Europe/Paris", "level": 0.9})
    assert ("posts on Friday from 18:00–19:00 (Europe/Paris) earned about 1.11× the account's "
            "average (90% interval 0.95–1.32, allowing for its having been picked because it "
            "stood out; measured on weeks not used to choose the window; 608 posts). Allowing "
            "for that choice, the interval reaches below 1: the window may do no better than "
            "the account's average.") in bt.summary


def test_a_weekend_window_beside_the_weekdays_says_so_too(ds):
    """The weekend window said beside Monday-Friday's (weekend days with their own hour curve)
    takes the same words: "about", the allowance, and that it may do no better when its
    adjusted interval reaches below 1; in the summary and in the report."""
    import pandas as pd

    weekdays = dict(_ADJUSTED, days="Monday-Friday", weekdays=[0, 1, 2, 3, 4], lift_low=1.02)
    weekend = dict(_ADJUSTED, days="Saturday-Sunday", weekdays=[5, 6], hours=[11],
                   start_hour=11, end_hour=12)
    method = {"tz": "Europe/Paris", "level": 0.9, "weekend_hours": True}
    bt = BestTimes(effect_detected=True, p_value=0.002, by_slot=pd.DataFrame(),
                   recommended=pd.DataFrame(), by_weekday=pd.DataFrame(), window=weekdays,
                   n_used=608, n_excluded={}, method=method, weekend_window=weekend)
    assert ("On weekends, post from 11:00–12:00 instead: about 1.11× the account's average "
            "(90% interval 0.95–1.32, allowing for its having been picked because it stood "
            "out). Allowing for that choice, the interval reaches below 1: the window may do no "
            "better than the account's average.") in bt.summary
    # the weekdays' window, its adjusted interval above 1, is not said to fall short
    assert bt.summary.count("reaches below 1") == 1
    sentence = BrandReport(ds, "2026-10", lang="en")._bt_sentence(
        SimpleNamespace(window=weekdays, weekend_window=weekend, effect_detected=True,
                        n_used=608, p_value=0.002, method=method))
    assert sentence.endswith(
        "On weekends, post between 11:00 and 12:00 instead: about 1.11× the account's average, "
        "likely between 0.95× and 1.32×, allowing for its having been picked because it stood "
        "out. Allowing for that choice, the interval reaches below 1: the window may do no "
        "better than the account's average.")
    assert sentence.count("reaches below 1") == 1
