"""goals: a GA4 goal's days whose export exists but could not be read read "no GA4 export
covers 2026-08-01 to 2026-08-31", as if August's export had never been downloaded, where
compare said "GA4 KPIs of 2026-08 unknown, not 0: 1 export could not be read (…)" (stop 55's
item left). One rule for both (``_actuals.web_unread``): the gap is unknown, the file named."""

from __future__ import annotations

import shutil
import warnings

import pytest

import smmanalytics as smm
from smmanalytics.goals import scorecard
from smmanalytics.report.formatting import Formatter

from ._report_helpers import SAMPLE

AUGUST = "ga4_traffic_acquisition_2026-08-01_2026-08-31.csv"
UNREAD = f"GA4 of 2026-08-01 to 2026-08-31 unknown: 1 export could not be read ({AUGUST})"


def _ga4_quarter(root, august: str | None):
    """The sample's GA4 exports of July, August and September 2026 with its goals: August's
    ``Grand total`` sessions made ``august`` (no number: the file fails), or the file left
    out (None)."""
    root.mkdir()
    for name in ("brand.yaml", "goals.yaml", *(f"ga4_traffic_acquisition_2026-{m}.csv" for m in
                                               ("07-01_2026-07-31", "08-01_2026-08-31",
                                                "09-01_2026-09-30"))):
        shutil.copy(SAMPLE / name, root / name)
    if august is None:
        (root / AUGUST).unlink()
    else:
        text = (root / AUGUST).read_text(encoding="utf-8")
        (root / AUGUST).write_text(text.replace("Grand total,,7904", f"Grand total,,{august}", 1),
                                   encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", smm.DataQualityWarning)
        return smm.load(root, cache=False)


def _notes(ds, period: str) -> dict[str, str]:
    sc = scorecard(ds, period, asof="2026-10-15")
    return dict(zip(sc["metric"], sc["note"], strict=True))


def test_a_ga4_goal_names_the_export_that_could_not_be_read(tmp_path):
    """August's GA4 export failed: August's sessions goal is unknown because of that file
    (named once, not "no GA4 export covers" and the file again); the quarter's key events
    are July's and September's, 31 + 30 = 61 of its 92 days, the gap unknown, not absent."""
    ds = _ga4_quarter(tmp_path / "b", "lots")
    assert ds.files.set_index(ds.files["path"].map(lambda p: p.rsplit("/", 1)[-1])).loc[
        AUGUST, "status"] == "failed"
    assert _notes(ds, "2026-08")["sessions"] == UNREAD
    assert _notes(ds, "2026-Q3")["key_events"] == (
        f"{UNREAD}; actual over the 61 of 92 days covered: not assessed")


def test_a_missing_ga4_export_still_says_none_covers(tmp_path):
    """August's export never downloaded: no export covers its days, as before."""
    ds = _ga4_quarter(tmp_path / "b", None)
    assert _notes(ds, "2026-08")["sessions"] == "no GA4 export covers 2026-08-01 to 2026-08-31"


@pytest.mark.parametrize("lang,said", [
    ("en", f"GA4 figures for 1 to 31 August 2026 unknown: 1 export could not be read ({AUGUST})"),
    ("fr", f"chiffres GA4 du 1er au 31 août 2026 inconnus : 1 export n'a pas pu être lu "
           f"({AUGUST})"),
    ("it", f"dati GA4 dal 1° al 31 agosto 2026 sconosciuti: 1 esportazione non è stata letta "
           f"({AUGUST})"),
])
def test_the_unread_ga4_note_in_each_language(lang, said):
    assert Formatter(lang).notes(UNREAD) == [said]
