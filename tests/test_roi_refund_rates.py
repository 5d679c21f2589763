"""A refund in costs.csv larger than the spend it lowers (or a typo'd minus) made cpc, cpm
and cpa negative numbers: a rate whose cost is 0 or below is NaN, its note naming the refund's
line (s58CG, last stop's reviewers)."""

import warnings

import pandas as pd
import pytest

from smmanalytics.errors import DataQualityWarning
from smmanalytics.report.formatting import Formatter
from smmanalytics.roi import NOTE_CODES, roi

from ._roi_builders import dataset, posts, web

_POSTS = posts([{"platform": "facebook", "post_id": "1", "published_at": "2026-10-05T10:00:00Z",
                 "paid": True, "link_clicks": 40.0, "impressions": 8000.0}])
_REVENUE = web([{"period_start": "2026-10-01", "period_end": "2026-10-31",
                 "channel_group": "Organic Social", "source": "facebook", "medium": "social",
                 "campaign": "(not set)", "sessions": 100.0, "key_events": 5.0,
                 "revenue": 500.0, "currency": "EUR"}])


def _roi(tmp_path, body, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        ds = dataset(tmp_path, body, posts=_POSTS, web=_REVENUE)
    return roi(ds, "2026-10", **kw)


def test_a_refund_exceeding_the_spend_gives_no_cpc_nor_cpm(tmp_path):
    body = ("2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
            "2026-10-20,,ad_spend,-150,,facebook,,,,refund\n"              # line 3
            "2026-10-01,2026-10-31,labor,1000,,,,,,\n")
    row = _roi(tmp_path, body).iloc[0]
    # ad spend 100 − 150 = −50: cpc −50 / 40 = −1.25 and cpm −50 / 8000 × 1000 = −6.25 were shown
    assert row["ad_spend"] == pytest.approx(-50.0)
    assert row["cpc"] is pd.NA and row["cpm"] is pd.NA
    notes = row["note"].split("; ")
    assert "cpc NaN: ad spend is below 0, its refunds exceeding it (costs.csv line 3)" in notes
    assert "cpm NaN: ad spend is below 0, its refunds exceeding it (costs.csv line 3)" in notes
    assert {"cpc_ad_spend_negative", "cpm_ad_spend_negative"} <= set(
        row["note_codes"].split("; "))
    # the cost, 1000 − 50 = 950, is positive: roi (500 − 950) / 950 and cpa 950 / 5 = 190 stand
    assert row["cpa"] == pytest.approx(190.0)
    assert row["roi"] == pytest.approx((500 - 950) / 950)
    # roas divides by the negative ad spend: NaN, said so (roas_ad_spend_negative)
    assert row["roas"] is pd.NA and "roas_ad_spend_negative" in row["note_codes"]


def test_a_refund_exceeding_the_cost_gives_no_cpa(tmp_path):
    body = ("2026-10-01,2026-10-31,tools,100,,,,,,\n"
            "2026-10-12,,tools,-300,,,,,,typo\n"                            # line 3
            "2026-10-13,,tools,-20,,,,,,refund\n")                          # line 4
    row = _roi(tmp_path, body).iloc[0]
    # cost 100 − 300 − 20 = −220: cpa −220 / 5 = −44 was shown
    assert row["cost"] == pytest.approx(-220.0)
    assert row["cpa"] is pd.NA and row["roi"] is pd.NA
    assert ("cpa NaN: cost is below 0, its refunds exceeding it (costs.csv lines 3, 4)"
            in row["note"].split("; "))


def test_an_ad_spend_refunded_to_zero_gives_no_cpc(tmp_path):
    body = ("2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
            "2026-10-20,,ad_spend,-100,,facebook,,,,refund\n")
    row = _roi(tmp_path, body).iloc[0]
    # 100 − 100 = 0: a cpc of 0 / 40 = 0.00 was shown, as if the clicks were free
    assert row["cpc"] is pd.NA and row["cpm"] is pd.NA
    assert {"cpc_ad_spend_zero", "cpm_ad_spend_zero"} <= set(row["note_codes"].split("; "))


def test_the_refund_notes_by_platform_name_the_platform_s_own_lines(tmp_path):
    body = ("2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
            "2026-10-20,,ad_spend,-150,,facebook,,,,refund\n"              # line 3
            "2026-10-20,,ad_spend,-5,,x,,,,refund\n")                      # line 4
    by = _roi(tmp_path, body, by="platform").set_index("platform")
    assert by.loc["facebook", "cpc"] is pd.NA
    assert "(costs.csv line 3)" in by.loc["facebook", "note"]
    assert "line 4" not in by.loc["facebook", "note"]


_TWO_PLATFORMS = posts([
    {"platform": "facebook", "post_id": "1", "published_at": "2026-10-05T10:00:00Z",
     "paid": True, "link_clicks": 40.0, "impressions": 8000.0},
    # Instagram's posts carry no paid flag: its ad spend is left out of cpc and cpm
    {"platform": "instagram", "post_id": "2", "published_at": "2026-10-06T10:00:00Z",
     "link_clicks": 10.0, "impressions": 2000.0}])


def _roi_two(tmp_path, body, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        ds = dataset(tmp_path, body, posts=_TWO_PLATFORMS, web=_REVENUE)
    return roi(ds, "2026-10", **kw)


_SPLIT = ("2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
          "2026-10-01,2026-10-31,ad_spend,1000,,instagram,,,,\n"
          "2026-10-20,,ad_spend,-150,,facebook,,,,refund\n"               # line 4
          "2026-10-21,,ad_spend,-30,,,,,,refund\n")                       # line 5, no platform


def test_a_refund_note_beside_a_positive_ad_spend_says_it_is_the_spend_divided(tmp_path):
    row = _roi_two(tmp_path, _SPLIT).iloc[0]
    # ad_spend 100 + 1000 − 150 − 30 = 920, positive; cpc divides Facebook's 100 − 150 = −50
    # alone (Instagram's and the unplaced spend left out): NaN, the note naming line 4 only
    # (it named "lines 4, 5", line 5 being in the spend left out, beside "ad spend is below 0")
    assert row["ad_spend"] == pytest.approx(920.0)
    assert row["cpc"] is pd.NA and row["cpm"] is pd.NA
    notes = row["note"].split("; ")
    assert ("cpc NaN: the ad spend it divides, without the spend left out, is below 0, its "
            "refunds exceeding it (costs.csv line 4)") in notes
    assert not [n for n in notes if "ad spend is below 0" in n and n.startswith("cp")]


def test_a_row_without_refunds_of_its_own_names_no_other_row_s(tmp_path):
    from smmanalytics.brand import Brand
    from smmanalytics.dataset import Dataset
    from smmanalytics.roi import read_costs

    from ._roi_builders import costs_file

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        costs = read_costs(costs_file(tmp_path, (
            "2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
            "2026-10-20,,ad_spend,-150,,facebook,,,,refund\n"              # line 3
            "2026-10-01,2026-10-31,ad_spend,500,,x,,,,\n"
            "2026-10-20,,ad_spend,-20,,x,,,,refund\n")))                   # line 5
    # Facebook's refund without a line number (a costs table made by hand): its row's spend,
    # 100 − 150 = −50, is blanked with no line named; the fallback named X's line 5
    costs["line"] = costs["line"].astype("Int64").mask(costs["line"].eq(3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        ds = Dataset(posts=_TWO_PLATFORMS, web=_REVENUE, costs=costs,
                     brand=Brand(name="Test", timezone="Europe/Paris", currency="EUR"))
    fb = roi(ds, "2026-10", by="platform").set_index("platform").loc["facebook"]
    assert fb["cpc"] is pd.NA
    assert "cpc NaN: ad spend is below 0, its refunds exceeding it" in fb["note"].split("; ")
    assert "line 5" not in fb["note"]


@pytest.mark.parametrize("lang", ["fr", "it", "en"])
def test_the_refund_notes_are_worded_in_each_language(lang):
    assert {"cpc_ad_spend_negative", "cpm_ad_spend_negative", "cpa_cost_negative",
            "cpc_ad_spend_zero", "cpm_ad_spend_zero"} <= set(NOTE_CODES)
    f = Formatter(lang)
    f.note("cpc NaN: ad spend is below 0, its refunds exceeding it (costs.csv line 3)",
           "cpc_ad_spend_negative")
    f.note("cpa NaN: cost is below 0, its refunds exceeding it (costs.csv lines 3, 4)",
           "cpa_cost_negative")
    f.note("cpm NaN: ad spend is zero", "cpm_ad_spend_zero")
    # without line numbers (a costs frame made by hand), and the spend cpc divides
    f.note("cpa NaN: cost is below 0, its refunds exceeding it", "cpa_cost_negative")
    f.note("cpc NaN: ad spend is below 0, its refunds exceeding it", "cpc_ad_spend_negative")
    f.note("cpc NaN: the ad spend it divides, without the spend left out, is below 0, its "
           "refunds exceeding it (costs.csv line 4)", "cpc_ad_spend_negative")
    assert not f.untranslated


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "(costs.csv lignes 3 et 4)"), ("it", "(costs.csv righe 3 e 4)"),
    ("en", "(costs.csv lines 3 and 4)")])
def test_the_refund_lines_are_worded_in_the_report_s_language(lang, said):
    # "line" stayed English inside the French and Italian notes
    text = Formatter(lang).note(
        "cpa NaN: cost is below 0, its refunds exceeding it (costs.csv lines 3, 4)",
        "cpa_cost_negative")
    assert text.endswith(said)


def _warned(tmp_path, body):
    from smmanalytics.roi import read_costs

    from ._roi_builders import costs_file

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_costs(costs_file(tmp_path, body))
    return [w.message for w in caught if isinstance(w.message, DataQualityWarning)]


def test_a_shoot_months_before_the_first_labour_is_told_in_the_quality_log(tmp_path):
    body = ("2026-03-10,2026-03-11,production,900,,,,,,shoot\n"             # line 2
            + "".join(f"2026-{m:02d},,labor,2000,,,,,,\n" for m in range(7, 11)))
    [note] = [w for w in _warned(tmp_path, body) if w.code == "costs_one_off_first"]
    # the span opens on 10 March (the shoot); labour starts in July: 12-31 March, April, May
    # and June, inside the span, count no labour (March to June: 4 months)
    assert str(note).startswith(
        "costs.csv starts on 2026-03-10 with line 2 (production), 4 months before its first "
        "line entered month by month (labor, 2026-07): 2026-03 to 2026-06 count no labor")


@pytest.mark.parametrize(("first", "said"), [
    # 1 March to 31 March: a whole month before April's labour, the docstring's own case,
    # which no warning told (the gap was counted from the month after the shoot's)
    ("2026-03-01,2026-03-01,production,900,,,,,,shoot\n",
     "starts on 2026-03-01 with line 2 (production), 1 month before its first line entered "
     "month by month (labor, 2026-04): 2026-03 counts no labor"),
    # 15 February: the second half of February and March count none (named March alone)
    ("2026-02-15,2026-02-15,production,900,,,,,,shoot\n",
     "starts on 2026-02-15 with line 2 (production), 2 months before its first line entered "
     "month by month (labor, 2026-04): 2026-02 to 2026-03 count no labor"),
    # a yearly licence starting the same day as the shoot: the shoot opens the span (line 3)
    ("2026-03-01,2027-02-28,tools,1200,,,,,,licence\n"
     "2026-03-01,2026-03-02,production,900,,,,,,shoot\n",
     "starts on 2026-03-01 with line 3 (production), 1 month before"),
])
def test_the_months_without_labour_count_from_the_shoot_s_own(tmp_path, first, said):
    body = first + "".join(f"2026-{m:02d},,labor,2000,,,,,,\n" for m in range(4, 6))
    [note] = [w for w in _warned(tmp_path, body) if w.code == "costs_one_off_first"]
    assert str(note).startswith(f"costs.csv {said}")


@pytest.mark.parametrize("first", [
    "2026-06-20,2026-06-26,ad_spend,300,,facebook,,,,\n",      # the month before: no whole month
    "2026-07-01,2026-12-31,tools,600,,,,,,\n",                 # a licence: no span of its own
    "2026-06-02,2026-06-02,production,900,,,,,,\n",          # 2 to 30 June: not a whole month
])
def test_a_start_without_a_whole_month_before_the_labour_is_not_told(tmp_path, first):
    body = first + "".join(f"2026-{m:02d},,labor,2000,,,,,,\n" for m in range(7, 11))
    assert "costs_one_off_first" not in [w.code for w in _warned(tmp_path, body)]
