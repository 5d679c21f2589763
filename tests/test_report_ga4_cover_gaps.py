"""A GA4 export missing inside the report's period: the cover says the days no GA4 export
covers, as it says a platform's posts exports' gaps, in each language. Built from the sample
brand (one GA4 traffic-acquisition export a month, September 2025 to October 2026) with
some months' exports removed."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import smmanalytics as smm
from smmanalytics._web import uncovered_runs
from smmanalytics.report import BrandReport

from ._report_helpers import SAMPLE


def _without(tmp_path_factory, name: str, *months: str):
    root = tmp_path_factory.mktemp(name) / "maison-seve"
    shutil.copytree(SAMPLE, root)
    for month in months:
        for f in root.glob(f"ga4_*_{month}-01_*.csv"):
            f.unlink()
    return smm.load(root)   # the run's cache: the sample's (sample_loaded) entries


@pytest.fixture(scope="module")
def no_august(tmp_path_factory, sample_loaded):
    return _without(tmp_path_factory, "s57SM_ga4_aug", "2026-08")


def test_the_days_between_ga4_exports_are_its_gaps(tmp_path_factory, no_august):
    """August's export removed: 1-31 August is the one gap of Q3 (July's export ends on 31
    July, September's starts on 1 September), and of any stretch inside it. September's
    removed with October's kept: 1-30 September is a gap of Q3, GA4 resuming after it. October's
    removed, the last: GA4 ends on 30 September, no gap of Q4 (nothing after it)."""
    q3 = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert uncovered_runs(no_august.web, *q3) == [(dt.date(2026, 8, 1), dt.date(2026, 8, 31))]
    assert uncovered_runs(no_august.web, dt.date(2026, 8, 10), dt.date(2026, 8, 20)) \
        == [(dt.date(2026, 8, 10), dt.date(2026, 8, 20))]
    assert uncovered_runs(no_august.web, dt.date(2026, 4, 1), dt.date(2026, 6, 30)) == []
    no_september = _without(tmp_path_factory, "s57SM_ga4_sep", "2026-09")
    assert uncovered_runs(no_september.web, *q3) == [(dt.date(2026, 9, 1), dt.date(2026, 9, 30))]
    no_october = _without(tmp_path_factory, "s57SM_ga4_oct", "2026-10")
    assert uncovered_runs(no_october.web, dt.date(2026, 10, 1), dt.date(2026, 12, 31)) == []


@pytest.mark.parametrize("lang,warning", [
    ("en", "Warning: no GA4 export covers 1 to 31 August 2026: GA4's figures for this period "
           "lack those days."),
    ("fr", "Attention : aucun export GA4 ne couvre la période du 1er au 31 août 2026 : ces "
           "jours manquent aux chiffres de GA4 pour cette période."),
    ("it", "Attenzione: nessuna esportazione GA4 copre il periodo dal 1° al 31 agosto 2026: "
           "quei giorni mancano alle cifre di GA4 per questo periodo."),
])
def test_a_month_without_its_ga4_export_is_said_on_the_cover(no_august, lang, warning):
    """Q3 2026 without August's GA4 export: the cover said nothing (its posts exports' gaps
    alone were said), and the quarter's sessions and revenue lack a month. One warning now,
    the month's 31 days."""
    rep = BrandReport(no_august, "2026-Q3", lang=lang)
    assert [w for w in rep.cover_warnings if "GA4" in w] == [warning]


def test_a_single_day_without_ga4_is_said_as_one_day(no_august):
    """A one-day report inside the gap: its day, not a range from it to itself."""
    rep = BrandReport(no_august, "2026-08-10..2026-08-10", lang="en")
    assert ("Warning: no GA4 export covers 10 August 2026: GA4's figures for this period lack "
            "that day.") in rep.cover_warnings
    assert not [w for w in BrandReport(no_august, "2026-Q2", lang="en").cover_warnings
                if "GA4" in w]
