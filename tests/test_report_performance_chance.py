"""The scorecard's chance of meeting a goal, and goals whose final value is already known:
a simulated chance is never written "0%" or "100%", and a GA4 total known for the whole
goal period is met or missed, with nothing "needed per day"."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.report import BrandReport, Formatter

from ._report_helpers import SAMPLE


@pytest.mark.parametrize("lang,low,high,half,sure", [
    ("en", "<\u00a01%", ">\u00a099%", "50%", ("0%", "100%")),
    ("fr", "<\u00a01\u00a0%", ">\u00a099\u00a0%", "50\u00a0%", ("0\u00a0%", "100\u00a0%")),
    ("it", "<\u00a01%", ">\u00a099%", "50%", ("0%", "100%"))])
def test_a_chance_that_rounds_to_0_or_100_is_a_bound(lang, low, high, half, sure):
    # 3 paths of 10,000 (0.0003), and 0: under 1 %, not "0%" (impossible); 9,997 of 10,000
    # and all of them: over 99 %, not "100%" (certain); 0.005 rounds to 1 %, 0.994 to 99 %.
    # A goal decided (met, missed) is sure: 0 % and 100 % as they are
    f = Formatter(lang)
    assert [f.chance(p) for p in (0.0, 0.0003, 0.9997, 1.0)] == [low, low, high, high]
    assert f.chance(0.5) == half
    assert f.chance(0.005) == low.replace("<\u00a0", "")
    assert f.chance(0.994) == high.replace(">\u00a0", "")
    assert (f.chance(0.0, sure=True), f.chance(1.0, sure=True)) == sure


@pytest.fixture(scope="module")
def sample():
    return smm.load(SAMPLE)


@pytest.mark.parametrize("lang,said", [
    ("en", "chance of meeting it: <\u00a01%"),
    ("fr", "probabilité d'atteindre l'objectif\u00a0: <\u00a01\u00a0%"),
    ("it", "probabilità di raggiungerlo: <\u00a01%")])
def test_the_scorecard_writes_a_small_chance_as_under_one_percent(sample, lang, said):
    # the sample's Q4 key events in the October report: 3 of 10,000 simulated quarters
    # reach 600 (p 0.0003), written "0%" ("0 %" in French)
    row = smm.scorecard(sample, "2026-10").set_index("metric").loc["key_events"]
    assert row["p_meet"] == pytest.approx(0.0003) and row["status"] == "off track"
    table = [b for b in BrandReport(sample, "2026-10", lang=lang).scorecard().blocks
             if b["kind"] == "table"][0]
    # the one goal of another period than the report's, named with it: "(Q4 2026)"
    [note] = [r[4] for r in table["rows"] if r[0].endswith(" 2026)")]
    assert said.replace("\u00a0:", " :") in note.replace("\u00a0:", " :")


def test_a_known_month_total_is_met_with_nothing_needed_per_day(sample, tmp_path):
    """October's GA4 export is the month's total, €14,657.70 of social revenue: on the 18th,
    the actual to date is 14,657.70 × 18 / 31 = 8,510.92, and the month's total is known and
    above 10,000. It read "on track … €115 needed per day", (10,000 − 8,510.92) / 13 =
    114.54; it is met, as it will be on the 31st. Above 20,000 it is missed."""
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: revenue, platform: all, target: 10000, period: month}\n"
        "  - {metric: revenue, platform: all, target: 20000, period: month}\n",
        encoding="utf-8")
    ds = dataclasses.replace(sample, goals=smm.read_goals(tmp_path / "goals.yaml"))
    sc = smm.scorecard(ds, "2026-10", asof="2026-10-18")
    assert sc["actual"].tolist() == pytest.approx([14657.70 * 18 / 31] * 2)
    assert sc["projection"].tolist() == pytest.approx([14657.70] * 2)
    assert sc["status"].tolist() == ["met", "missed"]
    assert sc["p_meet"].tolist() == [1.0, 0.0] and sc["required_daily"].isna().all()
    for lang, met, per_day in (("en", "Met", "per day"), ("fr", "Atteint", "par jour"),
                               ("it", "Raggiunto", "al giorno")):
        table = [b for b in BrandReport(ds, "2026-10-01..2026-10-18", lang=lang).scorecard()
                 .blocks if b["kind"] == "table"][0]
        assert table["rows"][0][3]["text"] == met, lang
        assert not any(per_day in r[4] for r in table["rows"]), lang
        assert not pd.isna(table["rows"][0][4])
