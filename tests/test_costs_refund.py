"""A refund in costs.csv (a negative amount, or accounting parentheses) is read as a line that
lowers the costs of its days, warned of; hours and rates below 0, and a cell that is no number,
are still refused (s57R6 finding 5)."""

import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics.errors import ConfigError, DataQualityWarning
from smmanalytics.roi import read_costs, roi

from ._roi_builders import costs_file, dataset

_SPEND = "2026-10-01,2026-10-31,ad_spend,800.00,EUR,facebook,automne-2026,,,\n"


def _read(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        costs = read_costs(path)
    return costs, [w.message for w in caught if isinstance(w.message, DataQualityWarning)]


@pytest.mark.parametrize("cell", ["-120.00", "(120.00)", "−120", "(120,00 €)"])
def test_a_refund_line_is_read_and_warned_of(tmp_path, cell):
    refund = f'2026-10-12,2026-10-12,ad_spend,"{cell}",,facebook,automne-2026,,,Refund from Meta\n'
    costs, warned = _read(costs_file(tmp_path, _SPEND + refund))
    assert costs["amount"].tolist() == [800.0, -120.0]
    assert [w.code for w in warned] == ["costs_refund"]
    assert str(warned[0]).startswith(
        "costs.csv: line 3 (ad_spend, -120.00) has a negative amount, read as a refund that "
        "lowers the costs of its days")


def test_a_refund_lowers_the_costs_of_its_period(tmp_path):
    refund = "2026-10-12,2026-10-12,ad_spend,-120.00,EUR,facebook,automne-2026,,,refund\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        ds = dataset(tmp_path, _SPEND + refund)
    row = roi(ds, "2026-10").iloc[0]
    # 800 of October's spend − 120 refunded on the 12th = 680
    assert row["ad_spend"] == pytest.approx(680.0) and row["cost"] == pytest.approx(680.0)
    # the first half of October holds the refund whole and 800 × 15/31 = 387.10 of the spend
    half = roi(ds, ("2026-10-01", "2026-10-15")).iloc[0]
    assert half["ad_spend"] == pytest.approx(800 * 15 / 31 - 120)


@pytest.mark.parametrize(("column", "line", "expected"), [
    ("hours", "2026-10-01,2026-10-31,labor,,,,,-5,40,\n", "a number >= 0"),
    ("hourly_rate", "2026-10-01,2026-10-31,labor,,,,,5,(40),\n", "a number >= 0"),
    ("amount", "2026-10-01,2026-10-31,tools,abc,,,,,,\n", "a number such as 1200 or 1200.50"),
])
def test_what_is_not_a_refund_is_still_refused(tmp_path, column, line, expected):
    with pytest.raises(ConfigError) as err:
        _read(costs_file(tmp_path, _SPEND + line))
    assert (err.value.line, err.value.column) == (3, column)
    assert expected in str(err.value)


@given(cents=st.integers(min_value=1, max_value=10**9))
def test_a_minus_and_parentheses_read_the_same_refund(tmp_path_factory, cents):
    # any amount written −x.yz or (x.yz) is −x.yz
    text = f"{cents // 100}.{cents % 100:02d}"
    tmp = tmp_path_factory.mktemp("refund")
    body = "".join(f'2026-10-0{k},,tools,"{cell}",,,,,,\n'
                   for k, cell in enumerate((f"-{text}", f"({text})"), start=1))
    costs, _ = _read(costs_file(tmp, body))
    assert costs["amount"].tolist() == [-cents / 100] * 2


def test_a_period_whose_refunds_exceed_its_spend_has_no_roi_nor_roas(tmp_path):
    from smmanalytics.report.formatting import Formatter

    from ._roi_builders import web

    body = ("2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
            "2026-10-20,,ad_spend,-150,,facebook,,,,refund of September's campaign\n")
    revenue = web([{"period_start": "2026-10-01", "period_end": "2026-10-31",
                    "channel_group": "Organic Social", "source": "facebook", "medium": "social",
                    "campaign": "(not set)", "sessions": 100.0, "key_events": 5.0,
                    "revenue": 500.0, "currency": "EUR"}])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        ds = dataset(tmp_path, body, web=revenue)
    row = roi(ds, "2026-10").iloc[0]
    # 100 − 150 = −50: (500 − (−50)) / −50 = −11 and 500 / −50 = −10 read as losses
    assert row["cost"] == pytest.approx(-50.0) and row["ad_spend"] == pytest.approx(-50.0)
    assert row["roi"] is pd.NA and row["roas"] is pd.NA
    codes = row["note_codes"].split("; ")
    assert {"roi_cost_negative", "roas_ad_spend_negative"} <= set(codes)
    assert "roi NaN: total cost is below 0, its refunds exceeding it" in row["note"]
    assert Formatter("fr").note("roi NaN: total cost is below 0, its refunds exceeding it",
                                "roi_cost_negative") == (
        "ROI non calculable : les remboursements dépassent le coût total")
