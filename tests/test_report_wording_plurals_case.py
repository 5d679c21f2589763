"""Minor wording of the Italian agency's reports (reviewer s58RI, finding 6): a plan of one slot
said "1 fasce previste", goal notes capitalised a metric mid-sentence ("nessun dato per Post
su Facebook", and in English "no data for Reach on Instagram"), and Italian's short dates had
a 2-digit year where English's had 4."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from smmanalytics.report.formatting import Formatter
from smmanalytics.report.watch import WatchSections


def _caption(lang: str, slots: int, ics: bool = True) -> str:
    """The caption of a plan of ``slots`` slots, all shown; its days worded by hand."""
    report = SimpleNamespace(fmt=Formatter(lang), _plan_days=lambda plan: "3–5 novembre 2026")
    plan = pd.DataFrame({"slot": range(slots)})
    bt = SimpleNamespace(method={})          # no stories: the caption alone
    return WatchSections._slots_caption(report, bt, plan, shown=slots, basis="b", ics=ics)


@pytest.mark.parametrize("lang,one,two", [
    ("it", "3–5 novembre 2026: 1 fascia prevista (b); è anche nel calendario .ics accanto a "
           "questo report.", "3–5 novembre 2026: 2 fasce previste (b);"),
    ("en", "3–5 novembre 2026: 1 slot planned (b); it is also in the .ics calendar next to "
           "this report.", "3–5 novembre 2026: 2 slots planned (b);"),
    ("fr", "3–5 novembre 2026 : 1 créneau prévu (b) ; il figure aussi dans le calendrier .ics "
           "joint à ce rapport.", "3–5 novembre 2026 : 2 créneaux prévus (b) ;"),
])
def test_a_plan_of_one_slot_says_it_in_the_singular(lang, one, two):
    assert _caption(lang, 1) == one
    assert _caption(lang, 2).startswith(two)
    # without an .ics calendar: the sentence's first part alone
    assert _caption(lang, 1, ics=False) == one.partition(" (b)")[0] + " (b)."


@pytest.mark.parametrize("lang,note,said", [
    ("it", "no data for posts on facebook", "nessun dato per post su Facebook"),
    ("it", "no data for reach on instagram", "nessun dato per copertura su Instagram"),
    ("fr", "no data for reach on instagram", "aucune donnée pour couverture sur Instagram"),
    # an acronym keeps its capitals
    ("it", "no ad spend recorded in 2026-10: roas cannot be computed",
     "nessuna spesa pubblicitaria registrata a ottobre 2026: ROAS non calcolabile"),
    # a metric opening the note keeps its capital, as the start of a sentence
    ("it", "reach over the 1 day of 31 GA4 covers: not assessed",
     "Copertura calcolato sull'unico giorno coperto da GA4 su 31: non valutato"),
    # English too: the table label "Reach", "Net followers" lower-cased after a word
    ("en", "no data for reach on instagram", "no data for reach on Instagram"),
    ("en", "no data for net_followers on facebook", "no data for net followers on Facebook"),
    ("en", "no ad spend recorded in 2026-10: roas cannot be computed",
     "no ad spend recorded in October 2026: ROAS cannot be computed"),
    # at the start of a note, the capital stays
    ("en", "reach over the 1 day of 31 GA4 covers: not assessed",
     "Reach over the 1 day of 31 GA4 covers: not assessed"),
])
def test_a_metric_within_a_goal_note_takes_no_capital(lang, note, said):
    assert Formatter(lang).note(note) == said


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_short_dates_write_the_year_in_full_in_every_language(lang):
    """CLDR's Italian short pattern is dd/MM/yy; the English and French ones dd/MM/y."""
    f = Formatter(lang)
    assert f.date(dt.date(2026, 10, 1), "short") == "01/10/2026"
    assert f.date(pd.Timestamp("2026-10-14 23:00", tz="Europe/Rome"), "short") == "14/10/2026"
