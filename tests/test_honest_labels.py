"""Labels and notes said from the data (review s60, items 3-6): one date for a one-day span
in the API's notes, a type named with its article, the costs notes' gaps kept as data, a
costs.csv note naming its folder."""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.errors import ArgumentTypeError
from smmanalytics.periods import days_text


@pytest.mark.parametrize("first, last, said", [
    (dt.date(2026, 10, 1), dt.date(2026, 10, 1), "2026-10-01"),       # one day: one date
    (dt.date(2026, 10, 1), dt.date(2026, 10, 31), "2026-10-01..2026-10-31"),
    # timestamps read by their date (a benchmark's data period, an alert signal's days)
    (pd.Timestamp("2026-10-05"), pd.Timestamp("2026-10-05"), "2026-10-05"),
])
def test_days_text_says_one_date_for_one_day(first, last, said):
    assert days_text(first, last) == said


class Export:
    """A thing with a posts attribute that is no frame, named with a vowel."""

    posts = None
    brand = None


def test_the_type_of_a_thing_without_a_posts_frame_takes_its_article():
    # "Export" starts with a vowel: "an Export", as "an int" (was "a Export", "a int")
    with pytest.raises(ArgumentTypeError, match="got an Export whose posts are NoneType"):
        smm.engagement(Export())
    with pytest.raises(ArgumentTypeError, match="got a SimpleNamespace whose posts are"):
        smm.engagement(types.SimpleNamespace(posts=None, brand=None))


# ---- item 1: an incident's ends in two zones, each named ---------------------------------

@pytest.mark.parametrize("lang, two, one", [
    # 13 October counted on Paris days (Facebook's comments), 19 October on Pacific days
    # (Meta's net followers): both named; an incident of Pacific days alone: the zone once
    ("en", "from 13 Oct (Paris time) to 19 Oct (Pacific time)",
     "from 13 to 19 Oct (Pacific time)"),
    ("fr", "du 13 oct. (heure de Paris) au 19 oct. (heure du Pacifique)",
     "du 13 au 19 oct. (heure du Pacifique)"),
    ("it", "dal 13 ott (ora di Parigi) al 19 ott (ora del Pacifico)",
     "dal 13 al 19 ott (ora del Pacifico)"),
])
def test_an_incidents_ends_in_two_zones_each_name_theirs(ds, lang, two, one):
    from smmanalytics.report import BrandReport

    rep = BrandReport(ds, "2026-10", lang=lang)          # the brand's zone: Europe/Paris
    start, end = dt.date(2026, 10, 13), dt.date(2026, 10, 19)
    assert rep._days(start, end, "Europe/Paris", "America/Los_Angeles") == two
    assert rep._days(start, end, "America/Los_Angeles", "America/Los_Angeles") == one


def test_the_incident_table_names_both_zones_of_a_mixed_incident(ds):
    from smmanalytics.report import BrandReport
    from smmanalytics.report.builder import Section

    rep = BrandReport(ds, "2026-10", lang="en")
    inc = pd.DataFrame({
        "start": [dt.date(2026, 10, 13), dt.date(2026, 10, 27)],
        "end": [dt.date(2026, 10, 19), dt.date(2026, 10, 27)],
        "start_zone": pd.Series(["Europe/Paris", "UTC"], dtype="string"),
        "end_zone": pd.Series(["America/Los_Angeles", "UTC"], dtype="string"),
        "began_before": [False, False], "severity": ["crisis", "watch"],
        "platforms": ["Facebook, Instagram, TikTok, X", "TikTok"],
        "signals": ["comments", "net_followers"], "signals_before": ["", ""],
        "seen_twice": ["", ""]})
    sec = Section()
    rep._incident_table(sec, inc)
    (table,) = [b for b in sec.blocks if b["kind"] == "table"]
    # the first row's ends in two zones, each named; the second's in one (UTC, not the
    # brand's), named after each of its columns as before
    assert [r[:2] for r in table["rows"]] == [["13 Oct (Paris time)", "19 Oct (Pacific time)"],
                                             ["27 Oct (UTC)", "27 Oct (UTC)"]]


# ---- item 2: the costs tied to no campaign are no campaign's cost per acquisition ---------

_SHARED = {
    "en": "No campaign: the costs tied to no campaign (labour, tools and the like) support every "
          "campaign; divided by the key events of the traffic without a campaign, they would "
          "read as a cost per acquisition, so its ROI and CPA show “–”. They are counted in the "
          "total's ROI and CPA.",
    "fr": "Hors campagne : les coûts liés à aucune campagne (temps de travail, outils…) "
          "servent toutes les campagnes ; divisés par les événements clés du trafic sans "
          "campagne, ils se liraient comme un coût par acquisition : son ROI et son CPA "
          "sont donc « – ». Ils sont comptés dans le ROI et le CPA du total.",
    "it": "Senza campagna: i costi non legati ad alcuna campagna (lavoro, strumenti…) sostengono "
          "tutte le campagne; divisi per gli eventi chiave del traffico senza campagna, si "
          "leggerebbero come un costo per acquisizione: il suo ROI e il suo CPA sono quindi "
          "«–». Sono contati nel ROI e nel CPA del totale.",
}


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_unassigned_rows_roi_and_cpa_are_dashes_and_the_total_row_is_all_in(tmp_path,
                                                                                lang):
    """By hand: July, labour 1000 (no campaign), ad spend 160 (Été 2026) and 100 (Noël
    2026); GA4 gives Été 2026 2400 of revenue and 60 key events, traffic without a campaign
    50 and 7. No campaign: 1000 ÷ 7 = 142.86 € "CPA", (50 − 1000) ÷ 1000 = −95 % "ROI", now
    "–". Été 2026: ROI (2400 − 160) ÷ 160 = 1400 %, CPA 160 ÷ 60 = 2.67 €. Total: cost 1260,
    revenue 2450, ROI (2450 − 1260) ÷ 1260 = 94 %, ROAS 2450 ÷ 260 = 9.42×, CPA 1260 ÷ 67 =
    18.81 €."""
    from smmanalytics.report import BrandReport

    from ._roi_builders import two_campaigns_july

    ds = two_campaigns_july(tmp_path)
    rep = BrandReport(ds, "2026-07", lang=lang)
    f = rep.fmt
    table = next(b for b in rep.roi().blocks if b["kind"] == "table")
    rows = {r[0]: dict(zip(table["columns"], r, strict=True)) for r in table["rows"]}
    none, ete, total = (rows[f.label("unassigned")], rows["Été 2026"],
                        rows[f.label("roi_total")])
    assert (none["ROI"], none["CPA"]) == ("–", "–")
    assert (ete["ROI"], ete["CPA"]) == (f.percent(2240 / 160, 0), f.money(160 / 60, 2))
    assert (total["ROI"], total["ROAS"], total["CPA"]) == (
        f.percent(1190 / 1260, 0), f"{f.number(2450 / 260, 2)}×", f.money(1260 / 67, 2))
    assert table["rows"][-1][0] == f.label("roi_total") and table["total"]
    assert table["caption"] == _SHARED[lang]
    assert f.untranslated == set()


# ---- item 4: the costs file's months without a category, kept as data on the note ---------

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"

#: labour in April to November 2026 but August: 7 of the 8 months (at least 0.75 × 8 = 6), so
#: August is a gap (as test_report_formatting's file)
_LABOUR_BUT_AUGUST = "".join(
    f"2026-{m:02d}-01,2026-{m:02d}-{d},labor,100,,,,,,\n"
    for m, d in {4: 30, 5: 31, 6: 30, 7: 31, 9: 30, 10: 31, 11: 30}.items())


def _loaded_with_gap(tmp_path):
    import shutil
    import warnings

    from ._roi_builders import costs_file

    brand = tmp_path / "brand"
    brand.mkdir()
    shutil.copy(SAMPLE / "brand.yaml", brand)
    costs_file(brand, _LABOUR_BUT_AUGUST)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                # brand.yaml and costs: no export
        return smm.load(brand, cache=False)


def test_the_cost_gap_note_keeps_its_month_and_categories_as_data(tmp_path):
    ds = _loaded_with_gap(tmp_path)
    q = ds.quality
    (gaps,) = q.loc[q["code"] == "costs_month_missing", "cost_gaps"]
    assert gaps == (("2026-08", ("labor",)),)
    # the other notes keep none
    assert q.loc[q["code"] != "costs_month_missing", "cost_gaps"].isna().all()


@pytest.mark.parametrize("lang, said", [("en", "(August 2026: “Labour”)"),
                                        ("fr", "(août 2026 : « Temps de travail »)"),
                                        ("it", "(agosto 2026: «Lavoro»)")])
def test_a_reworded_cost_gap_message_gives_the_same_quality_row(tmp_path, lang, said):
    from dataclasses import replace

    from smmanalytics.report import BrandReport

    ds = _loaded_with_gap(tmp_path)

    def row(quality) -> str:
        sec = BrandReport(replace(ds, quality=quality), "2026-10", lang=lang).quality_note()
        table = next(b for b in sec.blocks if b["kind"] == "table")
        (note,) = [r[-1] for r in table["rows"] if said in r[-1]]
        return note

    q = ds.quality
    gap = (q["code"] == "costs_month_missing").to_numpy()
    reworded = q.assign(message=q["message"].mask(gap, "labour: none in August"))
    assert row(reworded) == row(q)


def test_a_cost_gap_note_of_an_older_cache_loads_without_its_facts():
    from smmanalytics.quality import QualityLog
    from smmanalytics.report.sections import quality_groups

    log = QualityLog()
    log.extend([{"file": "b/costs.csv", "level": "warning", "code": "costs_month_missing",
                 "message": "costs.csv has no labor line for 2026-08, …", "rows": None,
                 "sheet": None}])                                   # no cost_gaps key
    q = log.to_frame()
    assert q["cost_gaps"].tolist() == [None]
    assert quality_groups(q)["cost_gaps"].tolist() == [None]


# ---- item 6: a cut-off costs.csv named with its folder ------------------------------------

def test_a_cut_off_costs_file_is_named_with_its_folder(tmp_path):
    import warnings

    from smmanalytics.roi import read_costs

    from ._roi_builders import costs_file

    folder = tmp_path / "maison-seve"
    folder.mkdir()
    # line 3 short of the header's columns, the file ending on its amount: 1000 + 18 read
    path = costs_file(folder, "2026-10-01,2026-10-31,tools,1000.00,EUR,,,,,x\n"
                              "2026-10-16,2026-10-16,other,18")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert read_costs(path)["amount"].sum() == 1018.0
    (warned,) = [w.message for w in caught if getattr(w.message, "code", "") == "costs_cut_off"]
    assert str(warned).startswith(f"{folder / 'costs.csv'} looks cut off, a copy or a download "
                                  "interrupted: it ends inside line 3, on its amount '18'")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["the TikTok exports of October 2026 cover only 1 October 2026",
            "benchmark measured over 1 October 2026, brand over October 2026",
            "no TikTok posts export of October 2026 covers 3 October 2026"]),
    ("fr", ["les exports TikTok d'octobre 2026 ne couvrent que le 1er octobre 2026",
            "référence mesurée le 1er octobre 2026, marque mesurée en octobre 2026",
            "aucun export de publications TikTok d'octobre 2026 ne couvre le 3 octobre 2026"]),
    ("it", ["a ottobre 2026 le esportazioni TikTok coprono solo il 1° ottobre 2026",
            "riferimento misurato il 1° ottobre 2026, brand misurato a ottobre 2026",
            "a ottobre 2026 nessuna esportazione dei post di TikTok copre il 3 ottobre 2026"]),
])
def test_a_one_day_span_said_as_one_date_is_translated(lang, said):
    """A one-day span now reads one date in the API's notes ("cover only 2026-10-01 of
    2026-10", not "2026-10-01..2026-10-01"); the report matched its notes.yaml wording only
    as a range, and left the French and Italian report's note in English (the competitors'
    table, stop 60's CI). A range's template takes one date, as ``Formatter.ranged`` says a
    one-day range; a one-day wording of its own ("followers on {date}") keeps its notes."""
    from smmanalytics.report.formatting import Formatter

    f = Formatter(lang)
    assert [f.note(n) for n in ("the tiktok exports cover only 2026-10-01 of 2026-10",
                                "benchmark measured over 2026-10-01, brand over 2026-10",
                                "no tiktok posts export covers 2026-10-03 of 2026-10")] == said
    assert f.untranslated == set()
    rival = ("Rival IQ way: mean public engagements per post (reactions + comments + shares, "
             "boosted posts included; 2 posts) ÷ followers on 2026-10-31")
    assert f.note(rival).endswith({"en": "÷ followers on 31 October 2026",
                                   "fr": "÷ abonnés au 31 octobre 2026",
                                   "it": "÷ follower al 31 ottobre 2026"}[lang])
