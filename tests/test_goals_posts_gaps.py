"""A posts export missing between two others is a gap, not an end nor a start: the goals on
that platform's posts are judged as GA4's goals with a month missing (the days covered, "not
assessed" unless they already decide it), with no pace once their period is over, and the
cover names the gap."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.report import BrandReport

from ._report_helpers import SAMPLE

# June, August and September 2026 Facebook posts exports (July's missing)
JULY_MISSING = Path(__file__).parent / "fixtures" / "meta_july_missing"
# the sample's Facebook posts exports of July, August and October 2026: September's missing
EXPORTS = ("facebook_posts_2026-07-01_2026-07-31_2026-08-02.csv",
           "facebook_posts_2026-08-01_2026-08-31_2026-09-02.csv",
           "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv")
BRAND = "name: Maison Sève\ntimezone: Europe/Paris\nlanguage: en\ncurrency: EUR\n"


def _goals(folder: Path, *lines: str) -> None:
    (folder / "goals.yaml").write_text("goals:\n" + "".join(f"  - {x}\n" for x in lines),
                                       encoding="utf-8")


@pytest.fixture
def september_missing(tmp_path) -> Path:
    for name in EXPORTS:
        shutil.copy(SAMPLE / name, tmp_path / name)
    (tmp_path / "brand.yaml").write_text(BRAND, encoding="utf-8")
    _goals(tmp_path, "{metric: reach, platform: facebook, target: 150000, period: quarter}",
           "{metric: reach, platform: facebook, target: 60000, period: quarter}",
           "{metric: posts, platform: facebook, target: 20, period: month}")
    return tmp_path


def test_a_month_missing_before_a_later_export_is_a_gap_not_an_end(september_missing):
    """Q3's reach read "off track, 2,804 needed per day; facebook posts exports end on
    2026-08-31" in a Q3 report, October's export read: (150,000 − 65,875) / 30 asked of a
    September already past. The reach of the days covered is the "Couverture" of July's
    15 posts (25,457) and August's 17 (40,418): 65,875 over 31 + 31 = 62 of Q3's 92 days,
    short of 150,000 and September unknown: not assessed; 60,000 is already reached: met.
    September's own posts goal has no export at all: no data, not 0 posts."""
    sc = smm.scorecard(smm.load(september_missing, cache=False), "2026-Q3")
    gap = "no facebook posts export covers 2026-09-01 to 2026-09-30"
    short, reached, september = (sc.iloc[i] for i in range(3))
    assert short["actual"] == 65875 and pd.isna(short["status"]) and short["complete"]
    assert pd.isna(short["required_daily"]) and pd.isna(short["p_meet"])
    assert short["note"] == f"{gap}; actual over the 62 of 92 days covered: not assessed"
    assert reached["status"] == "met" and reached["note"] == (
        f"{gap}; actual over the 62 of 92 days covered already reaches the target, and the "
        "other days can only add")
    assert september["goal_period"] == "2026-09" and pd.isna(september["actual"])
    assert september["note"] == f"no data for 2026-09: {gap}"
    assert smm.goals.shown_status(sc).tolist() == ["not assessed", "met", "no data"]


def test_a_month_missing_after_an_earlier_export_is_a_gap_not_a_start(tmp_path):
    """July missing between June and August: Q3's reach read "2026-Q3 not covered in full:
    the facebook posts exports start at 2026-08-01" (they start on 1 June). The reach of the
    days covered is August's 1,766 + 3,611 + 5,568 and September's 3,974 + 1,020 + 1,075:
    17,014 over 31 + 30 = 61 of 92 days, past 10,000: met; the all-platform count (6 posts)
    names the gap instead of "facebook posts exports start on 2026-08-01"."""
    for f in JULY_MISSING.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "brand.yaml").write_text(BRAND, encoding="utf-8")
    _goals(tmp_path, "{metric: reach, platform: facebook, target: 10000, period: quarter}",
           "{metric: posts, platform: all, target: 5, period: quarter}")
    sc = smm.scorecard(smm.load(tmp_path, cache=False), "2026-Q3")
    gap = "no facebook posts export covers 2026-07-01 to 2026-07-31"
    assert sc["actual"].tolist() == [17014, 6]
    assert sc["status"].tolist() == ["met", "met"]
    assert sc["note"].tolist() == [
        f"{gap}; actual over the 61 of 92 days covered already reaches the target, and the "
        "other days can only add", gap]


def test_a_finished_period_whose_data_end_early_asks_no_pace(tmp_path):
    """August's export the last one (September's and October's gone): Q3 is evaluated to 31
    August, as before (projection 65,875 × 92 / 62 = 97,750), but a Q3 report asks nothing
    "per day" of a September already past. Asked on 31 August, the 30 days of September are
    still to come, and the pace is asked of them."""
    for name in EXPORTS[:2]:
        shutil.copy(SAMPLE / name, tmp_path / name)
    (tmp_path / "brand.yaml").write_text(BRAND, encoding="utf-8")
    _goals(tmp_path, "{metric: reach, platform: facebook, target: 150000, period: quarter}")
    ds = smm.load(tmp_path, cache=False)
    row = smm.scorecard(ds, "2026-Q3").iloc[0]
    assert row["actual"] == 65875 and row["projection"] == pytest.approx(97750)
    assert row["note"] == "data end on 2026-08-31: evaluated to that day"
    assert pd.isna(row["required_daily"])
    # asked on 31 August itself: 30 days to come, (150,000 − 65,875) / 30 = 2,804.17 a day
    running = smm.scorecard(ds, "2026-Q3", asof=dt.date(2026, 8, 31)).iloc[0]
    assert running["required_daily"] == pytest.approx(84125 / 30)


@pytest.mark.parametrize("lang,gap,stop", [
    ("en", "Warning: no Facebook posts export covers 1 to 30 September 2026: Facebook's "
           "figures for this period lack those days.", "stop"),
    ("fr", "Attention : aucun export de publications Facebook ne couvre la période du 1er au "
           "30 septembre 2026 : ces jours manquent aux chiffres de Facebook pour cette période.",
     "s'arrêtent"),
    ("it", "Attenzione: nessuna esportazione dei post di Facebook copre il periodo dal 1° al "
           "30 settembre 2026: quei giorni mancano alle cifre di Facebook per questo periodo.",
     "si fermano")])
def test_the_report_names_the_gap_not_an_end(september_missing, lang, gap, stop):
    """The cover read "the Facebook posts exports stop on 31 August 2026" with October's
    export read, and the scorecard "2,804 needed per day"; now the gap, in each language."""
    rep = BrandReport(smm.load(september_missing, cache=False), "2026-Q3", lang=lang)
    assert gap in rep.cover_warnings
    assert not any(stop in w for w in rep.cover_warnings)
    table = [b for b in rep.scorecard().blocks if b["kind"] == "table"][0]
    notes = {
        "en": "no Facebook posts export covers 1 to 30 September 2026; actual over the 62 of "
              "92 days covered: not assessed",
        "fr": "aucun export de publications de Facebook ne couvre la période du 1er au 30 "
              "septembre 2026 ; valeur calculée sur les 62 jours couverts sur 92 : non évalué",
        "it": "nessuna esportazione dei post di Facebook copre il periodo dal 1° al 30 "
              "settembre 2026; valore calcolato sui 62 giorni coperti su 92: non valutato"}
    assert notes[lang] in table["rows"][0][4]
    assert not any(w in table["rows"][0][4] for w in ("per day", "par jour", "al giorno"))
