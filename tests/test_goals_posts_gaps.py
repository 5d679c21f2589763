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
    names the gap instead of "facebook posts exports start on 2026-08-01", and that July's
    Facebook posts, whatever they were, can only add to its 6."""
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
        "other days can only add",
        f"{gap}; actual without the facebook posts of those days already reaches the target, "
        "and those posts can only add"]


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
              "settembre 2026; valore calcolato su 62 giorni su 92, quelli coperti: non valutato"}
    assert notes[lang] in table["rows"][0][4]
    assert not any(w in table["rows"][0][4] for w in ("per day", "par jour", "al giorno"))


# X's content export of March to October 2026, beside Facebook's July, August and October
X_CONTENT = "account_analytics_content_2026-03-01_2026-10-31.csv"


@pytest.fixture
def pooled_gap(tmp_path) -> Path:
    """Facebook's September posts export missing, X's months all there."""
    for name in (*EXPORTS, X_CONTENT):
        shutil.copy(SAMPLE / name, tmp_path / name)
    (tmp_path / "brand.yaml").write_text(BRAND, encoding="utf-8")
    _goals(tmp_path, "{metric: posts, platform: all, target: 150, period: quarter}",
           "{metric: posts, platform: all, target: 100, period: quarter}",
           "{metric: posts, platform: all, target: 100, period: quarter, direction: at_most}",
           "{metric: posts, platform: all, target: 40, period: month}",
           "{metric: er_reach, platform: facebook, target: 0.01, period: month}")
    return tmp_path


def test_an_all_platform_total_over_a_platform_gap_is_not_assessed(pooled_gap):
    """Q3's posts of all platforms read 112 "missed" against 150, the gap named: X's 80 posts
    of Q3 (its export's rows dated Jul: 27, Aug: 26, Sep: 27, counted with grep) and
    Facebook's July and August, 15 + 17, without its September. Facebook's September can
    only add: 112 < 150 is not assessed, 112 ≥ 100 met, 112 > 100 at most missed. The
    monthly goal is September's: X's 27 posts, no Facebook export, not assessed. Facebook's
    own er_reach of September named no gap ("no data for er_reach on facebook")."""
    sc = smm.scorecard(smm.load(pooled_gap, cache=False), "2026-Q3")
    gap = "no facebook posts export covers 2026-09-01 to 2026-09-30"
    without = "actual without the facebook posts of those days"
    assert sc["actual"].iloc[:4].tolist() == [112, 112, 112, 27]
    assert sc["note"].tolist() == [
        f"{gap}; {without}: not assessed",
        f"{gap}; {without} already reaches the target, and those posts can only add",
        f"{gap}; {without} already exceeds the maximum, and those posts can only add",
        f"{gap}; {without}: not assessed",
        f"no data for 2026-09: {gap}"]
    assert smm.goals.shown_status(sc).tolist() == [
        "not assessed", "met", "missed", "not assessed", "no data"]
    assert sc["required_daily"].isna().all() and sc["p_meet"].isna().all()


def test_a_goal_asked_inside_a_gap_names_it(pooled_gap):
    """Asked on 15 September: Facebook's er_reach of September, no export covering its 15
    days, names them; the month's posts of all platforms are X's 9 of 1-15 September (grep
    of its rows dated Sep 1 to Sep 15), without Facebook's: not assessed, no pace."""
    ds = smm.load(pooled_gap, cache=False)
    sc = smm.scorecard(ds, "2026-09", asof=dt.date(2026, 9, 15))
    gap = "no facebook posts export covers 2026-09-01 to 2026-09-15"
    month, er = sc.iloc[3], sc.iloc[4]
    assert month["actual"] == 9 and pd.isna(month["status"])
    assert month["note"] == f"{gap}; actual without the facebook posts of those days: not assessed"
    assert pd.isna(month["required_daily"]) and pd.isna(month["p_meet"])
    assert pd.isna(er["actual"]) and er["note"] == f"no data for 2026-09: {gap}"


def test_an_all_platform_total_of_a_gap_alone_has_no_data(tmp_path):
    """Facebook's June, August and September exports, July's missing, no other platform:
    July's posts of all platforms read 0 "missed"; no export covers a day of it."""
    for f in JULY_MISSING.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "brand.yaml").write_text(BRAND, encoding="utf-8")
    _goals(tmp_path, "{metric: posts, platform: all, target: 5, period: month}")
    row = smm.scorecard(smm.load(tmp_path, cache=False), "2026-07").iloc[0]
    assert pd.isna(row["actual"]) and pd.isna(row["status"])
    assert row["note"] == "no facebook posts export covers 2026-07-01 to 2026-07-31"


@pytest.mark.parametrize("lang,note", [
    ("en", "no Facebook posts export covers 1 to 30 September 2026; actual without the "
           "Facebook posts of those days: not assessed"),
    ("fr", "aucun export de publications de Facebook ne couvre la période du 1er au 30 "
           "septembre 2026 ; valeur calculée sans les publications de Facebook de ces jours : "
           "non évalué"),
    ("it", "nessuna esportazione dei post di Facebook copre il periodo dal 1° al 30 settembre "
           "2026; valore calcolato senza i post di Facebook di quei giorni: non valutato")])
def test_the_report_says_the_pooled_total_is_not_assessed(pooled_gap, lang, note):
    """The all-platform goal's note in each language."""
    rep = BrandReport(smm.load(pooled_gap, cache=False), "2026-Q3", lang=lang)
    table = [b for b in rep.scorecard().blocks if b["kind"] == "table"][0]
    assert note in table["rows"][0][4]
