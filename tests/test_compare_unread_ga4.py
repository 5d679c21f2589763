"""compare: a GA4 export that could not be read is said unread, not absent (stop 54's item
left: September's damaged export read "No GA4 export covers 2026-09", as if never downloaded;
all 14 damaged, "The data hold no GA4 export"), in the report's three languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.compare import NO_GA4_CAVEAT, compare
from smmanalytics.report.formatting import Formatter

from ._report_helpers import SAMPLE

SEPTEMBER = "ga4_traffic_acquisition_2026-09-01_2026-09-30.csv"
OCTOBER = "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
GA4_KPIS = ["sessions", "key_events", "revenue"]


def _damage(export: Path) -> None:
    """Keep the export's '#' preamble and header (GA4's loader claims it), then rows whose
    Sessions cell is 'lots': the file fails to load (status failed, platform ga4)."""
    head = export.read_text(encoding="utf-8").splitlines()[:11]
    export.write_text("\n".join([*head, "(organic),google / organic,lots,1,0.5,1,1.0"]) + "\n",
                      encoding="utf-8")


@pytest.fixture(scope="module")
def sample_damaged(tmp_path_factory):
    """The sample with September 2026's GA4 export damaged, and with all 14 damaged: each
    loaded once (never changed)."""
    root = tmp_path_factory.mktemp("unread_ga4")
    shutil.copytree(SAMPLE, root / "september")
    _damage(root / "september" / SEPTEMBER)
    shutil.copytree(SAMPLE, root / "all")
    for export in (root / "all").glob("ga4_*.csv"):
        _damage(export)
    with pytest.warns(smm.DataQualityWarning):
        return {"september": smm.load(root / "september"), "all": smm.load(root / "all")}


def _ga4_rows(c) -> pd.DataFrame:
    return c.table.set_index("kpi").loc[GA4_KPIS]


_SEPTEMBER_UNREAD = {
    "en": "Social sessions, key events and revenue of September 2026 unknown, not 0: 1 GA4 export "
          f"could not be read ({SEPTEMBER}).",
    "fr": "Sessions, événements clés et chiffre d'affaires issus des réseaux sociaux de septembre "
          f"2026 inconnus, et non 0 : 1 export GA4 n'a pas pu être lu ({SEPTEMBER}).",
    "it": "Sessioni, eventi chiave e ricavi social di settembre 2026 sconosciuti, non 0: 1 "
          f"esportazione GA4 non è stata letta ({SEPTEMBER}).",
}


def test_a_damaged_ga4_export_is_said_unread_not_absent(sample_damaged):
    """September's export damaged: October's sessions are those of its export's social rows,
    6,532 pooled and 3,917 Instagram's (summed by hand in test_compare's test of the sample
    without September's export); September's are unknown, and the caveat names the file that
    could not be read instead of saying that no export covers the month."""
    ds = sample_damaged["september"]
    caveat = (f"GA4 KPIs of 2026-09 unknown, not 0: 1 export could not be read "
              f"({SEPTEMBER}).")
    for platform, sessions in ((None, 6532), ("instagram", 3917)):
        c = compare(ds, "2026-10", platform=platform, n_boot=200, model=False)
        t = _ga4_rows(c)
        assert t.loc["sessions", "current"] == sessions
        assert t["previous"].isna().all() and t["change_pct"].isna().all()
        assert (t["method"] == "GA4 period totals, no interval; GA4 of 2026-09 unknown: 1 "
                               f"export could not be read ({SEPTEMBER})").all()
        assert c.caveats.count(caveat) == 1
        assert not any(s.startswith("No GA4 export covers") for s in c.caveats)
    for lang, expected in _SEPTEMBER_UNREAD.items():
        assert Formatter(lang).note(caveat) == expected


_BOTH_UNREAD = {
    "en": ("Social sessions, key events and revenue of October 2026 unknown, not 0: 1 GA4 export "
           f"could not be read ({OCTOBER}).",
           "Social sessions, key events and revenue of September 2026 unknown, not 0: 1 GA4 "
           f"export could not be read ({SEPTEMBER})."),
    "fr": ("Sessions, événements clés et chiffre d'affaires issus des réseaux sociaux d'octobre "
           f"2026 inconnus, et non 0 : 1 export GA4 n'a pas pu être lu ({OCTOBER}).",
           "Sessions, événements clés et chiffre d'affaires issus des réseaux sociaux de "
           f"septembre 2026 inconnus, et non 0 : 1 export GA4 n'a pas pu être lu ({SEPTEMBER})."),
    "it": ("Sessioni, eventi chiave e ricavi social di ottobre 2026 sconosciuti, non 0: 1 "
           f"esportazione GA4 non è stata letta ({OCTOBER}).",
           "Sessioni, eventi chiave e ricavi social di settembre 2026 sconosciuti, non 0: 1 "
           f"esportazione GA4 non è stata letta ({SEPTEMBER})."),
}


def test_all_ga4_exports_damaged_are_no_data_without_ga4(sample_damaged):
    """All 14 exports damaged: no GA4 row was read, yet the brand has GA4. Each side says its
    own export could not be read (the export named by its month), not "The data hold no GA4
    export"; both sides unknown, the method names both files."""
    ds = sample_damaged["all"]
    assert ds.web.empty
    c = compare(ds, "2026-10", n_boot=200, model=False)
    t = _ga4_rows(c)
    assert t[["current", "previous"]].isna().all(axis=None)
    assert (t["method"] == f"GA4 of 2026-10 unknown: 1 export could not be read ({OCTOBER}); "
                           f"GA4 of 2026-09 unknown: 1 export could not be read "
                           f"({SEPTEMBER})").all()
    said = [s for s in c.caveats if "GA4" in s]
    assert NO_GA4_CAVEAT not in said
    assert said == [f"GA4 KPIs of 2026-10 unknown, not 0: 1 export could not be read ({OCTOBER}).",
                    f"GA4 KPIs of 2026-09 unknown, not 0: 1 export could not be read "
                    f"({SEPTEMBER})."]
    for lang, expected in _BOTH_UNREAD.items():
        assert tuple(Formatter(lang).note(s) for s in said) == expected


_NO_GA4 = {
    "en": NO_GA4_CAVEAT,
    "fr": "Les données ne contiennent aucun export GA4 : les sessions, événements clés et "
          "chiffre d'affaires issus des réseaux sociaux ne sont pas comparés.",
    "it": "I dati non contengono alcuna esportazione GA4: le sessioni, gli eventi chiave e i "
          "ricavi social non sono confrontati.",
}


def test_an_unread_file_named_after_another_platform_is_no_ga4_export(tmp_path):
    """Review s55DB 3: a brand without GA4 (the sample without its 14 GA4 exports) and an
    ``instagram_posts_….csv`` no format understands ("foo;bar"): its GA4 KPIs were "unknown,
    not 0: 1 export could not be read (instagram_posts_…)", and September "not covered", as if
    it had GA4. Its name says Instagram: still no GA4 export. A file no format understands
    whose name says GA4 is one, unread."""
    brand = tmp_path / "brand"
    shutil.copytree(SAMPLE, brand, ignore=shutil.ignore_patterns("ga4_*"))
    junk = "instagram_posts_2026-10-01_2026-10-31.csv"
    (brand / junk).write_text("foo;bar\n1;2\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning):
        ds = smm.load(brand)
    c = compare(ds, "2026-10", n_boot=200, model=False)
    said = [s for s in c.caveats if "GA4" in s]
    assert said == [NO_GA4_CAVEAT]
    assert (_ga4_rows(c)["method"] == "no GA4 data").all()
    for lang, expected in _NO_GA4.items():
        assert Formatter(lang).note(said[0]) == expected
    (brand / OCTOBER).write_text("foo;bar\n1;2\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning):
        ds = smm.load(brand)
    said = [s for s in compare(ds, "2026-10", n_boot=200, model=False).caveats if "GA4" in s]
    assert said[0] == f"GA4 KPIs of 2026-10 unknown, not 0: 1 export could not be read ({OCTOBER})."
    assert NO_GA4_CAVEAT not in said
