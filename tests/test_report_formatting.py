from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics.report.formatting import Formatter, half_up


@pytest.mark.parametrize("lang,number,percent,money,month", [
    ("en", "12,345.7", "3.45%", "€1,235", "October 2026"),
    ("fr", "12\u202f345,7", "3,45\u00a0%", "1\u202f235\u00a0€", "octobre 2026"),
    ("it", "12.345,7", "3,45%", "1.235\u00a0€", "ottobre 2026"),
])
def test_formats_follow_the_language(lang, number, percent, money, month):
    f = Formatter(lang, "EUR")
    assert f.number(12345.678, 1) == number
    assert f.percent(0.0345) == percent
    assert f.money(1234.6) == money
    assert f.month(dt.date(2026, 10, 1)) == month


@pytest.mark.parametrize("lang,shown", [
    # 32,000 CHF and -2.50 CHF (rounded half up to 3): English sets the code before the figures
    # and babel wrote "CHF32,000"; CLDR's currency spacing puts a no-break space between a code
    # in letters and a digit, on either side. French and Italian write the code after, a
    # no-break space apart already, with their own grouping (narrow no-break space, point).
    ("en", ["CHF\u00a032,000", "-CHF\u00a03", "CHF\u00a00.40", "€32,000", "US$32,000"]),
    ("fr", ["32\u202f000\u00a0CHF", "-3\u00a0CHF", "0,40\u00a0CHF", "32\u202f000\u00a0€",
            "32\u202f000\u00a0$US"]),
    ("it", ["32.000\u00a0CHF", "-3\u00a0CHF", "0,40\u00a0CHF", "32.000\u00a0€",
            "32.000\u00a0USD"]),
])
def test_a_currency_in_letters_stands_apart_from_its_figures(lang, shown):
    """A Swiss brand's cost read "CHF32,000" in English. A code in letters is now a no-break
    space from its figures; a sign (€, US$) stays against them, as CLDR has it."""
    chf, eur, usd = (Formatter(lang, code) for code in ("CHF", "EUR", "USD"))
    assert [chf.money(32000), chf.money(-2.5), chf.money(0.4, 2), eur.money(32000),
            usd.money(32000)] == shown


@pytest.mark.parametrize("lang,counts,money", [
    ("en", ["0.2", "2.8", "1", "0.04", "0", "10", "264", "1,807"], ["€0.40", "€1,807"]),
    ("fr", ["0,2", "2,8", "1", "0,04", "0", "10", "264", "1\u202f807"],
     ["0,40\u00a0€", "1\u202f807\u00a0€"]),
    ("it", ["0,2", "2,8", "1", "0,04", "0", "10", "264", "1.807"],
     ["0,40\u00a0€", "1.807\u00a0€"]),
])
def test_an_amount_that_is_not_zero_never_reads_zero(lang, counts, money):
    """A pace of 3 posts in 13 days (0.23 a day) read "0": below 10 an amount keeps one
    decimal (none when whole: 1.0 → 1), or down to its first significant digit (0.04);
    9.96 rounds to a whole 10, and from 10 up it is whole; money below 10 keeps its cents."""
    f = Formatter(lang, "EUR")
    assert [f.amount(x) for x in (3 / 13, 2.77, 1.0, 0.04, 0.0, 9.96, 264.2, 1806.85)] \
        == counts
    assert [f.amount(x, money=True) for x in (0.4, 1806.85)] == money
    assert f.amount(pd.NA) == "–"


@pytest.mark.parametrize("lang,first,eleventh", [
    ("fr", "1er octobre 2026", "11 octobre 2026"),     # French writes the first "1er"
    ("en", "1 October 2026", "11 October 2026"),
    ("it", "1° ottobre 2026", "11 ottobre 2026"),  # and Italian "1°"
])
def test_dates_are_written_the_readers_way(lang, first, eleventh):
    f = Formatter(lang)
    assert f.date(dt.date(2026, 10, 1)) == first
    assert f.date(pd.Timestamp("2026-10-11 23:00", tz="Europe/Paris")) == eleventh
    assert f.date(dt.date(2026, 10, 1), "short").startswith("01/10/")


@pytest.mark.parametrize("lang,numeric", [
    ("fr", "14/10/2026"), ("it", "14/10/2026"), ("en", "14/10/2026")])
def test_numeric_dates_write_the_year_in_full(lang, numeric):
    """The top posts' dates: Italian's short format wrote 14/10/26 where French wrote
    14/10/2026 (the reports' English is British); the first of a month stays in figures."""
    f = Formatter(lang)
    assert f.date(dt.date(2026, 10, 14), "numeric") == numeric
    assert f.date(pd.Timestamp("2026-10-14 23:30", tz="Europe/Paris"), "numeric") == numeric
    assert f.date(dt.date(2026, 10, 1), "numeric") == "01/10/2026"


@pytest.mark.parametrize("lang,slot,tick", [
    ("fr", "dimanche 1er novembre", "1er nov."),
    ("en", "Sunday 1 November", "1 Nov"),
    ("it", "domenica 1° novembre", "1° nov"),
])
def test_the_first_of_a_month_in_any_pattern(lang, slot, tick):
    """The best-times slots ("EEEE d MMMM") wrote "dimanche 1 novembre" where the cover and
    the charts write "1er": the day of any pattern is "1er" in French, "01" stays "01"."""
    f = Formatter(lang)
    assert f.date(dt.date(2026, 11, 1), "EEEE d MMMM") == slot
    assert f.date(dt.date(2026, 11, 1), "d MMM") == tick
    assert f.date(dt.date(2026, 11, 2), "EEEE d MMMM").split()[1] == "2"
    assert f.date(dt.date(2026, 11, 1), "dd/MM") == "01/11"
    if lang == "fr":                 # quoted text keeps its letters: only the day changes
        assert f.date(dt.date(2026, 11, 1), "d 'de' MMMM") == "1er de novembre"


def test_missing_values_print_a_dash():
    f = Formatter("fr")
    assert f.number(pd.NA) == f.percent(float("nan")) == f.money(None) == "–"


def test_points_are_signed_like_the_locale():
    assert Formatter("en").points(0.001) == "+0.10 pp"
    assert Formatter("fr").points(-0.0012) == "-0,12 pp"
    assert Formatter("fr").percent(-0.0012)[0] == "-"   # the same minus sign as percentages


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_what_rounds_to_zero_carries_no_minus_sign(lang):
    # a rate that moved by -0.00001 read "-0,0 %" and "-0,00 pp" in the comparison table
    f = Formatter(lang)
    assert f.percent(-0.0001, 1) == f.percent(0, 1) and not f.percent(-0.0001, 1).startswith("-")
    assert f.change(-0.0001) == f.percent(0, 1)
    assert f.points(-0.00001) == f.points(0) == f"±{f.number(0, 2)} pp"
    assert f.percent(-0.0006, 1).startswith("-")        # -0.06 % shows as -0.1 %


@pytest.mark.parametrize("x,digits,expected", [
    # halves exact in binary (0.125 = 1/8, 2.25 = 9/4, 12.5 = 25/2), so the half is a true
    # half: up, away from zero, where half to even (and round()) gives 0.12, 2.2, 12
    (0.125, 2, 0.13), (2.25, 1, 2.3), (-2.25, 1, -2.3), (12.5, 0, 13.0),
    # the shortest repr is rounded, the figure the reader sees: 2.675 (binary 2.67499…),
    # which round() makes 2.67
    (2.675, 2, 2.68),
])
def test_half_up_rounds_halves_up(x, digits, expected):
    assert half_up(x, digits) == expected


def test_changes_are_signed_both_ways():
    f = Formatter("fr")
    assert f.change(0.123) == "+12,3\u00a0%" and f.change(-0.05) == "-5,0\u00a0%"
    assert f.change(0.46, 0) == "+46\u00a0%" and f.change(float("nan")) == "–"


@pytest.mark.parametrize("lang,period,name", [
    ("fr", "2026-10", "octobre 2026"), ("fr", "2026-Q4", "T4 2026"),
    ("it", "2026-Q4", "4° trimestre 2026"), ("en", "2026", "2026"),
    ("en", "2026-10-05..2026-10-18", "5–18 October 2026"),
])
def test_periods_by_name(lang, period, name):
    assert Formatter(lang).period(period) == name


# Each range written by hand as the language writes it: what both ends share (the year, and
# the month too within one month) said once, after the last day; the first of a month an
# ordinal in French and Italian; across two years, both ends in full. The span is the name
# of a range (a cover's "Period:", "the period …"), the note says it with "from … to …".
_RANGES = [
    # one month
    ("en", "2026-11-03", "2026-11-09", "3–9 November 2026", "3 to 9 November 2026"),
    ("fr", "2026-11-03", "2026-11-09", "3–9 novembre 2026", "du 3 au 9 novembre 2026"),
    ("it", "2026-11-03", "2026-11-09", "3–9 novembre 2026", "dal 3 al 9 novembre 2026"),
    ("en", "2026-11-01", "2026-11-09", "1–9 November 2026", "1 to 9 November 2026"),
    ("fr", "2026-11-01", "2026-11-09", "1er–9 novembre 2026", "du 1er au 9 novembre 2026"),
    ("it", "2026-11-01", "2026-11-09", "1°–9 novembre 2026", "dal 1° al 9 novembre 2026"),
    # Italian elides the articulated prepositions before 8 and 11: "dall'8 all'11"
    ("it", "2026-10-08", "2026-10-11", "8–11 ottobre 2026", "dall'8 all'11 ottobre 2026"),
    # one year, two months
    ("en", "2024-01-01", "2024-12-31", "1 January – 31 December 2024",
     "1 January to 31 December 2024"),
    ("fr", "2024-01-01", "2024-12-31", "1er janvier – 31 décembre 2024",
     "du 1er janvier au 31 décembre 2024"),
    ("it", "2024-01-01", "2024-12-31", "1° gennaio – 31 dicembre 2024",
     "dal 1° gennaio al 31 dicembre 2024"),
    # two years: both ends in full
    ("en", "2025-12-15", "2026-01-14", "15 December 2025 – 14 January 2026",
     "15 December 2025 to 14 January 2026"),
    ("fr", "2025-12-15", "2026-01-14", "15 décembre 2025 – 14 janvier 2026",
     "du 15 décembre 2025 au 14 janvier 2026"),
    ("it", "2025-12-15", "2026-01-14", "15 dicembre 2025 – 14 gennaio 2026",
     "dal 15 dicembre 2025 al 14 gennaio 2026"),
]
_GA4_GAP = {"en": "no GA4 export covers ", "fr": "aucun export GA4 ne couvre la période ",
            "it": "nessuna esportazione GA4 copre il periodo "}


@pytest.mark.parametrize("lang,start,end,span,days", _RANGES)
def test_a_range_of_days_says_what_its_ends_share_once(lang, start, end, span, days):
    f = Formatter(lang)
    # f.span, not f.period: a range of a whole year is the year ("2024")
    assert f.span(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == span
    assert f.note(f"no GA4 export covers {start} to {end}") == _GA4_GAP[lang] + days


@pytest.mark.parametrize("lang,start,end,span,days", [r for r in _RANGES if r[0] == "en"])
def test_english_notes_name_the_api_span_as_the_cover_does(lang, start, end, span, days):
    """The API's "2026-11-03..2026-11-09" reads in an English note as the range's name."""
    note = f"the brand's posts cover only {start}..{end} of 2026"
    assert Formatter(lang).note(note) == f"the brand's posts of 2026 cover only {span}"


def test_a_single_day_is_no_range():
    # 2026-10-01..2026-10-01: one date, not "1–1 October 2026"
    assert Formatter("fr").span(dt.date(2026, 10, 1), dt.date(2026, 10, 1)) == "1er octobre 2026"


@pytest.mark.parametrize("lang,day,covers", [
    ("en", "7 October 2026", "no GA4 export covers 7 October 2026"),
    ("fr", "7 octobre 2026", "aucun export GA4 ne couvre le 7 octobre 2026"),
    ("it", "7 ottobre 2026", "nessuna esportazione GA4 copre il 7 ottobre 2026")])
def test_a_single_day_from_to_reads_as_one_day(lang, day, covers):
    # a one-day report period 2026-10-07..2026-10-07: cut as a range, it read "7 to 7
    # October 2026"; each end is the date written in full (the long format, by hand), and a
    # sentence says it as one day: "covers the period from 7 October 2026 to 7 October 2026"
    f = Formatter(lang)
    assert f.days(dt.date(2026, 10, 7), dt.date(2026, 10, 7)) == (day, day)
    assert f.note("no GA4 export covers 2026-10-07 to 2026-10-07") == covers


@pytest.mark.parametrize("lang,note,expected", [
    ("fr", "2026-10 is over: target missed", "octobre 2026 est terminé : objectif manqué"),
    ("it", "2026-Q4 has not started", "il 4° trimestre 2026 non è ancora iniziato"),
    # numbers keep their decimals in the reader's notation; platform names are displayed
    ("fr", "posts published in 2026-10 ÷ 4.43 weeks",
     "publications en octobre 2026 ÷ 4,43 semaines"),
    # Italian says "a ottobre" ("in ottobre", "su ottobre" read wrong), "nel" a quarter
    ("it", "posts published in 2026-10 ÷ 4.43 weeks",
     "post pubblicati a ottobre 2026 ÷ 4,43 settimane"),
    # before the same vowel, the euphonic d: "ad aprile", "ad agosto" (not "a aprile")
    ("it", "posts published in 2026-04 ÷ 4.29 weeks",
     "post pubblicati ad aprile 2026 ÷ 4,29 settimane"),
    ("it", "the facebook exports cover only 2026-08-05..2026-08-31 of 2026-08",
     "ad agosto 2026 le esportazioni Facebook coprono solo dal 5 al 31 agosto 2026"),
    ("it", "posts published in 2026-Q4 ÷ 13.14 weeks",
     "post pubblicati nel 4° trimestre 2026 ÷ 13,14 settimane"),
    ("it", "benchmark measured over 2024-01-01..2024-12-31, brand over 2026-10",
     "riferimento misurato dal 1° gennaio al 31 dicembre 2024, brand misurato a ottobre 2026"),
    ("fr", "Rival IQ 2025 has no linkedin benchmark: not compared",
     "Rival IQ 2025 ne donne pas de référence pour LinkedIn : pas de comparaison"),
    # the publisher's change of its benchmark, not the brand's trend ("-16 % sur un an" beside
    # the brand's figure read as the brand's)
    ("fr", "-16% YoY", "évolution de la référence depuis son édition précédente : -16\u00a0%"),
    ("en", "-16% YoY", "the benchmark's change since its previous edition: -16%"),
    ("it", "-34% YoY", "variazione del benchmark rispetto alla sua edizione precedente: -34%"),
    # a derived benchmark's formula in the reader's numbers and signs: "0.063% x (1 - 0.36)"
    ("fr", "derived: 0.063% x (1 - 0.36)", "dérivé : 0,063\u00a0% × (1 − 0,36)"),
    ("it", "derived: 0.063% x (1 - 0.36)", "derivato: 0,063% × (1 − 0,36)"),
    ("en", "derived: 0.063% x (1 - 0.36)", "derived: 0.063% × (1 − 0.36)"),
    ("it", "2026-09 was a record (12,345 interactions, more than each of the 6 periods before "
           "it): some fall-back is expected (regression to the mean).",
     "settembre 2026 è stato un record (12.345 interazioni, più di ciascun periodo "
     "precedente, 6 in tutto): è atteso un certo calo (regressione verso la media)."),
    ("fr", "benchmark measured over 2024-01-01..2024-12-31, brand over 2026-10",
     "référence mesurée du 1er janvier au 31 décembre 2024, marque mesurée en octobre 2026"),
    ("fr", "benchmark measured over 2024-01-01..2024-12-31, brand over 2026-Q3",
     "référence mesurée du 1er janvier au 31 décembre 2024, marque mesurée au T3 2026"),
    ("it", "benchmark measured over 2024-01-01..2024-12-31, brand over 2026-Q3",
     "riferimento misurato dal 1° gennaio al 31 dicembre 2024, brand misurato nel 3° "
     "trimestre 2026"),
    # YouTube's videos, plural: "their" impressions, not "its"
    ("fr", "impressions and er_impressions of several platforms leave out YouTube's posts: its "
           "impressions are thumbnail impressions, not views of the post.",
     "Les impressions et le taux d'engagement / impressions de l'ensemble des plateformes "
     "laissent de côté les vidéos YouTube : leurs impressions sont des impressions de "
     "miniatures, pas des vues des vidéos."),
    ("it", "impressions and er_impressions of several platforms leave out YouTube's posts: its "
           "impressions are thumbnail impressions, not views of the post.",
     "Le impression e il tasso di engagement / impression dell'insieme delle piattaforme "
     "escludono i video di YouTube: le loro impression sono impression delle miniature, non "
     "visualizzazioni dei video."),
    # a year is a period's name, not the number 2,026 / 2 026 / 2.026
    ("en", "posts published in 2026 ÷ 52.14 weeks", "posts published in 2026 ÷ 52.14 weeks"),
    ("fr", "posts published in 2026 ÷ 52.14 weeks", "publications en 2026 ÷ 52,14 semaines"),
    ("it", "posts published in 2026 ÷ 52.14 weeks", "post pubblicati nel 2026 ÷ 52,14 settimane"),
    ("en", "posts published in 2026-10-01..2026-10-15 ÷ 2.14 weeks",
     "posts published in the period 1–15 October 2026 ÷ 2.14 weeks"),
    # a preposition joined to the period as each language does ("d'octobre", "del 4°
    # trimestre", "au T4"), not "de octobre" or "di 4° trimestre"
    ("fr", "10 days of 2026-10 and 9 of 2026-09 are compared: totals are compared per day.",
     "10 jours d'octobre 2026 et 9 de septembre 2026 sont comparés : les totaux sont comparés "
     "par jour."),
    ("it", "10 days of 2026-Q4 and 9 of 2026-Q3 are compared: totals are compared per day.",
     "Sono confrontati 10 giorni del 4° trimestre 2026 e 9 del 3° trimestre 2026: i totali "
     "sono confrontati per giorno."),
    ("it", "no costs recorded in 2026-10-05..2026-10-18: roi cannot be computed",
     "nessun costo registrato nel periodo 5–18 ottobre 2026: ROI non "
     "calcolabile"),
    ("fr", "GA4 data cover 3 of the 30 days of 2026-04: traffic of the other days is not in them",
     "les données GA4 couvrent 3 des 30 jours d'avril 2026 : le trafic des autres jours n'y "
     "figure pas"),
    ("fr", "2026-Q3 has 92 days and 2026-Q2 91: totals are compared per day.",
     "le T3 2026 compte 92 jours et le T2 2026 91 : les totaux sont comparés par jour."),
    ("it", "2026 has 365 days and 2025 365: totals are compared per day.",
     "il 2026 ha 365 giorni e il 2025 365: i totali sono confrontati per giorno."),
    ("en", "2026-10-01..2026-10-15 has 15 days and 2026-09-16..2026-09-30 15: totals are "
     "compared per day.", "the period 1–15 October 2026 has 15 days and the "
     "period 16–30 September 2026 15: totals are compared per day."),
    ("it", "2026-10 has 31 days and 2026-09 30: totals are compared per day.",
     "ottobre 2026 ha 31 giorni e settembre 2026 30: i totali sono confrontati per giorno."),
    ("it", "The data stop at 2026-09-15: 2026-Q3 is compared over its first 77 days, up to "
     "that day, with the first 77 days of 2026-Q2 (2026-04-01 to 2026-06-16).",
     "I dati si fermano al 15 settembre 2026: il 3° trimestre 2026 è confrontato sui suoi "
     "primi 77 giorni, fino a quel giorno, con i primi 77 giorni del 2° trimestre 2026 (dal 1° "
     "aprile al 16 giugno 2026)."),
    # a rate is named as the report's tables name it, not by its code
    ("fr", "Posts on facebook made 10% of the reach of the platforms rated by reach (facebook, "
           "instagram) in 2026-09 and 35% in 2026-10: the pooled er_reach of these platforms "
           "moves with that share; compare within each platform.",
     "Les publications Facebook ont fait 10\u00a0% de la couverture des plateformes dont le "
     "taux est rapporté à la couverture (Facebook et Instagram) en septembre 2026 et 35\u00a0% "
     "en octobre 2026 : le taux d'engagement / couverture de ces plateformes varie avec cette "
     "part ; comparez plateforme par plateforme."),
    # ... while a count of 2026 stays a number
    ("fr", "only 2026 days of data: projection very uncertain",
     "seulement 2\u202f026 jours de données : projection très incertaine"),
    # the platform "all" is all platforms, inside the sentence
    ("fr", "no data for roas on all", "aucune donnée pour ROAS sur toutes les plateformes"),
    ("it", "no data for roas on all", "nessun dato per ROAS su tutte le piattaforme"),
    ("it", "no ad spend recorded in 2025-09: roas cannot be computed",
     "nessuna spesa pubblicitaria registrata a settembre 2025: ROAS non calcolabile"),
    ("fr", "no instagram costs recorded in 2026-Q4: roi cannot be computed",
     "aucun coût Instagram enregistré au T4 2026 : ROI non calculable"),
    ("fr", "costs.csv could not be read: roas cannot be computed",
     "le fichier costs.csv n'a pas pu être lu : ROAS non calculable"),
    ("it", "no costs.csv was read: roi cannot be computed",
     "nessun file costs.csv è stato letto: ROI non calcolabile"),
    ("fr", "costs.csv does not reach 2026-11: roi cannot be computed",
     "costs.csv ne couvre pas novembre 2026 : ROI non calculable"),
    ("fr", "The data start on 2025-09-01: 2025 is covered from that day only (122 of 365 days); "
     "totals are compared per day over the covered days.",
     "Les données commencent le 1er septembre 2025 : elles ne couvrent 2025 qu'à partir de ce "
     "jour (122 jours sur 365) ; les totaux sont comparés par jour sur les jours couverts."),
    # after "between", a verb ("ne couvre pas", "non copre") or "quindi", a period takes its
    # article as after a preposition; a French range, "la période", is not the subject of a
    # masculine participle ("la période … n'est pas couvert")
    ("fr", "The format mix changed between 2026-Q2 and 2026-Q3 (video 40%→20%): a change in totals "
     "or rates may come from the mix (Simpson's paradox); compare within each format.",
     "La répartition des formats a changé entre le T2 2026 et le T3 2026 (vidéo 40\u00a0% → "
     "20\u00a0%) : une "
     "évolution des totaux ou des taux peut venir de ce changement (paradoxe de Simpson) ; "
     "comparez format par format."),
    ("it", "The platform mix changed between 2025 and 2026 (x 10%→30%): a change in totals or "
     "rates may come from the mix (Simpson's paradox); compare within each platform.",
     "Il mix delle piattaforme è cambiato tra il 2025 e il 2026 (X 10% → 30%): una variazione di "
     "totali o tassi può venire dal mix (paradosso di Simpson); confrontate piattaforma per "
     "piattaforma."),
    ("en", "The format mix changed between 2026-09-21..2026-10-04 and 2026-10-05..2026-10-18 "
     "(video 40%→20%): a change in totals or rates may come from the mix (Simpson's paradox); "
     "compare within each format.",
     "The format mix changed between the period 21 September – 4 October 2026 and the "
     "period 5–18 October 2026 (video 40% → 20%): a change in totals or rates may "
     "come from the mix (Simpson's paradox); compare within each format."),
    ("fr", "costs.csv does not reach 2026-Q4: roi cannot be computed",
     "costs.csv ne couvre pas le T4 2026 : ROI non calculable"),
    ("it", "costs.csv does not reach 2026: roi cannot be computed",
     "costs.csv non copre il 2026: ROI non calcolabile"),
    ("it", "The data start on 2026-07-01: 2026-Q2 is not covered, so 2026-Q3 is not compared "
     "with it.", "I dati iniziano il 1° luglio 2026: il 2° trimestre 2026 non è coperto, quindi "
     "il 3° trimestre 2026 non è confrontato con esso."),
    ("fr", "The data stop at 2026-10-04: 2026-10-05..2026-10-18 is not covered, so it is not "
     "compared.", "Les données s'arrêtent le 4 octobre 2026 : elles ne couvrent pas la période "
     "5–18 octobre 2026 ; aucune comparaison n'est donc faite."),
    ("fr", "The data start on 2026-07-01: 2026-Q2 is not covered, so 2026-Q3 is not compared "
     "with it.", "Les données commencent le 1er juillet 2026 : elles ne couvrent pas le T2 2026 ; "
     "aucune comparaison du T3 2026 avec cette période n'est donc faite."),
    ("fr", "The data stop at 2026-10-10: 2026-10-05..2026-10-18 is compared over its first 6 "
     "days, up to that day, with the first 6 days of 2026-09-21..2026-10-04 (2026-09-21 to "
     "2026-09-26).", "Les données s'arrêtent le 10 octobre 2026 : la comparaison porte sur les 6 "
     "premiers jours de la période 5–18 octobre 2026, jusqu'à ce jour, et les 6 "
     "premiers jours de la période 21 septembre – 4 octobre 2026 (du 21 au 26 septembre "
     "2026)."),
    ("it", "The data start on 2025-09-01: 2025-08 is not covered, so 2025-09 is not compared "
     "with it.", "I dati iniziano il 1° settembre 2025: agosto 2025 non è coperto, quindi "
     "settembre 2025 non è confrontato con esso."),
    # GA4 exports naming no property beside maisonseve.fr's: "(no property)" was left in
    # English in French and Italian
    ("fr", "no GA4 export of (no property) covers 2026-10-11 to 2026-10-20",
     "aucun export GA4 sans nom de propriété ne couvre la période du 11 au 20 "
     "octobre 2026"),
    ("it", "no GA4 export of (no property) covers 2026-10-11",
     "nessuna esportazione GA4 senza nome di proprietà copre l'11 ottobre 2026"),
    ("en", "no GA4 export of (no property) covers 2026-10-11",
     "no GA4 export naming no property covers 11 October 2026"),
    ("fr", "no GA4 export of maisonseve.it covers 2026-10-11",
     "aucun export GA4 de maisonseve.it ne couvre le 11 octobre 2026"),
    # engagement() by platform, under the report's key figures
    ("it", "interactions of 3 of 3 posts unknown (youtube): interactions and rates unknown",
     "le interazioni di 3 post YouTube su 3 non sono note: non lo sono quindi nemmeno le "
     "interazioni e i tassi della piattaforma"),
    # English keeps the words and still displays values for the reader
    ("en", "no linkedin posts in 2026-10", "no LinkedIn posts in October 2026"),
])
def test_notes_in_the_report_language(lang, note, expected):
    f = Formatter(lang)
    assert f.note(note) == expected
    assert f.untranslated == set()


@pytest.mark.parametrize("lang,reason,where,detail", [
    ("fr", "file costs.csv, line 3, column 'amount': invalid value; expected a number; got '6x0'",
     " (ligne 3, colonne « amount »)",
     "Détail technique, en anglais : « invalid value; expected a number; got '6x0' »."),
    ("it", "file goals.yaml, line 2: not valid YAML; expected YAML; got 'bad indent'",
     " (riga 2)", "Dettaglio tecnico, in inglese: «not valid YAML; expected YAML; got 'bad "
     "indent'»."),
    ("fr", "file Viewers.xlsx, cell B4, column \"it's\": empty", " (cellule B4, colonne « it's »)",
     "Détail technique, en anglais : « empty »."),
    # no line nor column: nothing to place, the whole message is the detail
    ("it", "file goals.yaml: goals file is not UTF-8 text; expected UTF-8 text", "",
     "Dettaglio tecnico, in inglese: «goals file is not UTF-8 text; expected UTF-8 text»."),
    ("fr", "something odd: happened", "", "Détail technique, en anglais : « something odd: "
     "happened »."),
    ("en", "file costs.csv, line 3: row has more cells than the header", " (line 3)",
     "Details: row has more cells than the header."),
    # a YAML settings file names a key, not a column
    ("en", "file agency.yaml, line 5, key 'brands[2].language': unknown key (did you mean "
     "'lang'?)", " (line 5, key 'brands[2].language')",
     "Details: unknown key (did you mean 'lang'?)."),
    ("fr", "file goals.yaml, line 4, key 'metric': goal 2 is invalid; got 'likes'",
     " (ligne 4, clé « metric »)",
     "Détail technique, en anglais : « goal 2 is invalid; got 'likes' »."),
    ("it", "file brand.yaml, line 3, key 'colors.primary': colour must be a hex code",
     " (riga 3, chiave «colors.primary»)",
     "Dettaglio tecnico, in inglese: «colour must be a hex code»."),
])
def test_loader_failures_say_where_in_the_report_language(lang, reason, where, detail):
    assert Formatter(lang).failure(reason) == {"where": where, "detail": detail}


def test_platform_names():
    assert Formatter("it").platform("linkedin") == "LinkedIn"
    assert Formatter("fr").platform("all") == Formatter("fr").platform("total") == \
        "Toutes plateformes"
    assert Formatter("en").platform("all", inline=True) == "all platforms"


def test_unknown_notes_stay_and_are_remembered():
    f = Formatter("fr")
    assert f.notes("2026-10 is over: target missed; a brand new remark") == [
        "octobre 2026 est terminé : objectif manqué", "a brand new remark"]
    assert f.untranslated == {"a brand new remark"}
    assert f.notes(pd.NA) == []


@pytest.mark.parametrize("lang,pair,clauses", [
    ("en", "Posts: 110", "chance 0 %; required per day 26"),
    ("fr", "Posts : 110", "chance 0 % ; required per day 26"),
    ("it", "Posts: 110", "chance 0 %; required per day 26"),
])
def test_colons_and_semicolons_follow_the_language(lang, pair, clauses):
    f = Formatter(lang)
    assert f.labelled("Posts", 110) == pair
    assert f.join(["chance 0 %", "required per day 26"]) == clauses


def test_every_note_has_all_languages_with_the_same_values():
    """Each note as the report reads it (a plan's reason said of one account and of several,
    its account part composed: calendar.ACCOUNT_PARTS) names the same values in every
    language."""
    import re

    from smmanalytics.report.formatting import _NOTES

    for entry in (n for _, n in _NOTES):
        assert set(entry) - {"code", "en_report"} == {"en", "fr", "it"}, entry
        langs = [lang for lang in ("en", "fr", "it", "en_report") if lang in entry]
        names = {lang: sorted(re.findall(r"\{(\w+)\}", entry[lang])) for lang in langs}
        assert all(names[lang] == names["en"] for lang in langs), entry


def test_english_notes_read_as_english_not_as_code():
    """The English report showed roi()'s own "ROAS NaN: ad spend is zero" under the ROI
    figures, a NaN no manager reads, where French and Italian said "non calculable"; every
    note an English reader gets is words."""
    from smmanalytics.report.formatting import _yaml

    f = Formatter("en")
    assert f.note("roas NaN: ad spend is zero", "roas_ad_spend_zero") == \
        "ROAS cannot be computed: the ad spend is zero"
    assert f.note("roi NaN: total cost is zero", "roi_cost_zero") == \
        "ROI cannot be computed: the total cost is zero"
    assert f.note("cpc and cpm NaN: paid posts of instagram, tiktok unknown",
                  "cpc_cpm_paid_unknown") == \
        "CPC and CPM cannot be computed: the paid posts of Instagram and TikTok are unknown"
    for entry in _yaml("notes.yaml"):
        assert "NaN" not in entry.get("en_report", entry["en"]), entry


def test_every_roi_note_code_has_its_wording_in_every_language():
    """roi() gives each note a code (note_codes) and the report translates it by that code:
    every code has a wording in notes.yaml in every language, and notes.yaml names no code
    roi() does not know (a misspelt one would leave a note in English)."""
    from smmanalytics.report.formatting import LANGS, _codes, _yaml
    from smmanalytics.roi import NOTE_CODES

    worded: dict[str, list[dict]] = {}
    for entry in _yaml("notes.yaml"):
        for code in _codes(entry):
            worded.setdefault(code, []).append(entry)
    assert len(NOTE_CODES) == len(set(NOTE_CODES)) > 30
    assert set(NOTE_CODES) - set(worded) == set()
    assert set(worded) - set(NOTE_CODES) == set()
    for code in NOTE_CODES:
        for entry in worded[code]:
            assert all(isinstance(entry.get(lang), str) and entry[lang].strip()
                       for lang in LANGS), code


def test_docstring_examples():
    import doctest

    from smmanalytics.report import formatting

    assert doctest.testmod(formatting).failed == 0


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="de"):
        Formatter("de")


@pytest.mark.parametrize("lang,text,period,joined", [
    ("it", "costs.csv va dal 1 gennaio al 31 marzo 2025, fuori da 2026", "2026",
     "costs.csv va dal 1 gennaio al 31 marzo 2025, fuori dal 2026"),
    ("it", "In 3° trimestre 2026 nessun post", "2026-Q3", "Nel 3° trimestre 2026 nessun post"),
    ("it", "2026 è stato un record", "2026", "il 2026 è stato un record"),
    ("fr", "Pour T4 2026 : rien", "2026-Q4", "Pour le T4 2026 : rien"),
    ("fr", "en 2–5 octobre 2026", "2026-10-02..2026-10-05",
     "sur la période 2–5 octobre 2026"),
    ("it", "in 1°–5 ottobre 2026", "2026-10-01..2026-10-05",
     "nel periodo 1°–5 ottobre 2026"),
    ("fr", "jours de août 2026", "2026-08", "jours d'août 2026"),
    ("fr", "jours de mai 2026", "2026-05", "jours de mai 2026"),
    ("en", "outside 1–5 October 2026", "2026-10-01..2026-10-05",
     "outside the period 1–5 October 2026"),
    # a word that only ends like a preposition is left alone
    ("it", "Dopo 2026", "2026", "Dopo 2026"),
])
def test_a_preposition_is_joined_to_a_period_as_the_language_does(lang, text, period, joined):
    assert Formatter(lang).joined(text, period) == joined


@pytest.mark.parametrize("lang,text,period,joined", [
    # "que" elided before a month said with a vowel, as "de" is; not before a consonant
    ("fr", "plus longue que octobre 2026", "2026-10", "plus longue qu'octobre 2026"),
    ("fr", "plus longue que mai 2026", "2026-05", "plus longue que mai 2026"),
    ("fr", "plus longue que T3 2026", "2026-Q3", "plus longue que le T3 2026"),
    ("it", "i cui dati riguardano 2026", "2026", "i cui dati riguardano il 2026"),
    # with days: a range said as its days, after its article joined to the preposition
    ("fr", "plus longue que 1er août – 30 septembre 2026", "2026-08-01..2026-09-30",
     "plus longue que la période du 1er août au 30 septembre 2026"),
    ("it", "più lungo di 1° agosto – 30 settembre 2026", "2026-08-01..2026-09-30",
     "più lungo del periodo dal 1° agosto al 30 settembre 2026"),
    ("en", "longer than 1 August – 30 September 2026", "2026-08-01..2026-09-30",
     "longer than the period from 1 August to 30 September 2026"),
    # days of one month: the first day without its month ("du 2 au 5 octobre")
    ("fr", "pour 2–5 octobre 2026", "2026-10-02..2026-10-05",
     "pour la période du 2 au 5 octobre 2026"),
])
def test_que_and_ranges_of_days_are_joined_to_a_period(lang, text, period, joined):
    """The competitors left out read "plus longue que octobre 2026", "plus longue que 1er août
    2026 – 30 septembre 2026", "più lungo di 1° agosto 2026 – …" and "riguardano 2026"."""
    assert Formatter(lang).joined(text, period, days=True) == joined


def test_english_notes_write_a_span_of_days_as_the_cover_does():
    """An English report's benchmark notes read "measured over 1 January 2024..31 December
    2024": the API's ISO span, dates re-formatted but the ".." kept; they read as the cover's
    "1–31 October 2026" (French and Italian say "du … au …", "dal … al …")."""
    note = "benchmark measured over 2024-01-01..2024-12-31, brand over 2026-10"
    assert Formatter("en").note(note) == ("benchmark measured over 1 January – "
                                          "31 December 2024, brand over October 2026")
    assert Formatter("fr").note(note) == ("référence mesurée du 1er janvier au "
                                          "31 décembre 2024, marque mesurée en octobre 2026")
    # the period before the days: "… 31 October 2026 of 2026" left it dangling
    assert Formatter("en").note("the brand's posts cover only 2026-01-01..2026-10-31 of 2026") \
        == "the brand's posts of 2026 cover only 1 January – 31 October 2026"


def test_the_day_first_spreadsheet_note_says_what_the_setting_is():
    # "impostato sul giorno prima" reads "set to the day before" in Italian, and "réglé jour
    # d'abord" lacks its verb: the setting is one that reads the day first
    assert Formatter("it").quality("publish_times_day_first", "") == (
        "Gli orari di pubblicazione che un foglio di calcolo impostato per leggere prima il "
        "giorno aveva trasformato in date hanno ritrovato il loro giorno e il loro mese")
    assert Formatter("fr").quality("publish_times_day_first", "") == (
        "Des heures de publication qu'un tableur réglé pour lire le jour d'abord avait changées "
        "en dates ont retrouvé leur jour et leur mois")


def test_the_range_end_note_reads_as_french():
    # "la fin de cette période a été retenue, le plus tôt que l'export ait pu être fait" is
    # no French (s56RV): the range's end is the earliest the export can have been made
    assert Formatter("fr").quality("snapshot_range_end", "") == (
        "L'heure d'export ne figure pas dans le fichier, dont le nom donne la période choisie ; "
        "la fin de cette période a été retenue : l'export n'a pas pu être fait plus tôt")


def test_the_month_first_note_says_it_is_metas_documented_format():
    # month first is Meta's documented format (reference §1.4 [C]), not a guess: the note
    # said it was "assumed"/"supposé"/"supposto"
    for lang, words in {"en": "the format Meta documents", "fr": "le format que Meta documente",
                        "it": "il formato che Meta documenta"}.items():
        text = Formatter(lang).quality("publish_times_order_assumed", "")
        assert words in text
        assert not any(w in text.lower() for w in ("assum", "suppos"))


def test_quality_wordings_write_percentages_the_languages_way():
    """The data-quality table said "0.05 = 5 %" in English and "0,05 = 5 %" in Italian, where
    every other percentage of those reports reads "5%" (the header's "95% interval"); French
    keeps its space before the sign."""
    import re

    from smmanalytics.report.formatting import _yaml

    f = {lang: Formatter(lang) for lang in ("en", "it")}
    assert f["en"].quality("rate_fraction_assumed", "").startswith(
        "Rates with no value above 1 were read as fractions (0.05 = 5%);")
    assert "(0,05 = 5%)" in f["it"].quality("rate_fraction_assumed", "")
    for code, wording in _yaml("quality.yaml").items():
        for lang in ("en", "it"):
            assert not re.search(r"\d\s%", wording[lang]), (code, lang)
        assert not re.search(r"\d%", wording["fr"]), code


@pytest.mark.parametrize("lang,name", [
    ("en", "Eng. rate / reach (median post)"),
    ("fr", "Taux d'engagement / couverture (publication médiane)"),
    ("it", "Tasso di engagement / copertura (post mediano)"),
])
def test_the_median_posts_rate_has_one_name_in_every_section(lang, name):
    """The key figures' column said "(publication médiane)", "(post mediano)", and the
    comparison's row "(médian)", "(mediano)" (median of what?) for the same rate; English
    said "(median post)" in both. One name in every section."""
    f = Formatter(lang)
    assert f.metric("er_reach_median") == f.label("er_reach_median") == name


@pytest.mark.parametrize("text,expected", [
    ("dal 8 ottobre al 11 ottobre 2026", "dall'8 ottobre all'11 ottobre 2026"),
    ("Il 80 % dei post", "L'80 % dei post"),
    ("si fermano al 8 novembre; del 85 %, nel 11", "si fermano all'8 novembre; dell'85 %, nell'11"),
    # consonants, "1°" and other numbers keep their article
    ("il 18 ottobre, al 1° ottobre, del 110, nel 2026", "il 18 ottobre, al 1° ottobre, del 110, "
                                                          "nel 2026"),
])
def test_italian_elides_the_article_before_a_number_said_with_a_vowel(text, expected):
    assert Formatter("it").prose(text) == expected
    assert Formatter("fr").prose(text) == text and Formatter("en").prose(text) == text


@pytest.mark.parametrize("text,expected", [
    # one o'clock is singular, said with a vowel ("l'una"): the hours' article elides
    ("tutti i post alle 01:00", "tutti i post all'01:00"),
    ("dopo le 01:00, prima delle 01:30, Alle 1:00", "dopo l'01:00, prima dell'01:30, All'1:00"),
    ("tra le 23:00 e le 01:00", "tra le 23:00 e l'01:00"),
    # the other hours are plural, "le otto", "le undici": the plural article does not elide
    ("alle 08:00, dalle 11:00 alle 13:00, verso le 00:30, le 10:00",
     "alle 08:00, dalle 11:00 alle 13:00, verso le 00:30, le 10:00"),
    # a number that is no clock time keeps its article ("le 1.000 impression")
    ("le 1.000 impression, le 01:000", "le 1.000 impression, le 01:000"),
])
def test_italian_elides_the_hours_article_before_one_oclock(text, expected):
    """"alle 01:00" is read "alle una": Italian writes "all'01:00" ("all'una"), and keeps
    "alle 08:00", "alle 11:00" ("alle otto", "alle undici")."""
    assert Formatter("it").prose(text) == expected
    assert Formatter("fr").prose(text) == text and Formatter("en").prose(text) == text


def test_every_italian_template_of_an_hour_elides_before_one_oclock():
    """Each Italian wording with an article before an hour (labels.yaml and notes.yaml:
    "alle {hour}", "dopo le {hour}", "tra le {h0} e le {h1}"…) reads "all'01:00",
    "dopo l'01:00", "tra l'01:00 e l'01:00" once in the report's prose, and "alle 08:00",
    "alle 11:00" as they are. By hand, the templates today: the labels bt_advice_activity,
    bt_advice_activity_formats, bt_chance_one_hour, bt_chance_one_hour_first, bt_hours and
    bt_weekend_peak, and the .ics reasons of tied hours (one, after, before; of one account
    and of several): 6 notes."""
    import re
    from collections import defaultdict

    from smmanalytics.report.formatting import _NOTES, _WORDING

    article = re.compile(r"(?<![\w'])(le|alle|dalle|delle|nelle|sulle) \{(hour|h0|h1)\}")
    labels = {k: v for k, v in _WORDING["it"]["labels"].items()
              if isinstance(v, str) and article.search(v)}
    notes = [n["it"] for _, n in _NOTES if article.search(n.get("it", ""))]
    assert set(labels) >= {"bt_advice_activity", "bt_advice_activity_formats",
                           "bt_chance_one_hour", "bt_chance_one_hour_first", "bt_hours",
                           "bt_weekend_peak"}
    assert len(notes) >= 6
    f = Formatter("it")
    for template in [*labels.values(), *notes]:
        n = len(article.findall(template))
        for hour in ("01:00", "08:00", "11:00"):
            text = f.prose(template.format_map(defaultdict(
                lambda: "x", hour=hour, h0=hour, h1=hour)))
            kept = re.findall(r"(?<![\w'])(?:le|alle|dalle|delle|nelle|sulle) " + hour, text)
            elided = re.findall(r"\b(?:l|all|dall|dell|nell|sull)'" + hour, text)
            assert (len(elided), len(kept)) == ((n, 0) if hour == "01:00" else (0, n)), (
                template, hour, text)


def test_no_italian_wording_puts_an_article_of_its_own_before_a_value():
    """"le interazioni di {n} dei {m} post" read "di 3 dei 11 post", "i {asked} post"
    "i 8 post": the masculine plural article changes before a number said with a vowel
    ("degli 11", "gli 8"), which a template cannot know; the wordings say "{n} post su {m}"
    or put the number in brackets, and a singular article is left to Formatter.prose ("del
    {share}" → "dell'80 %", where "dell'{share}" read "dell'5 %"). By hand, the templates
    rewritten: 23 notes and 12 labels, all Italian."""
    import re

    plural = re.compile(r"(?<![\w'])(?i:i|dei|ai|dai|nei|sui|coi|gli|degli|agli|dagli|negli"
                        r"|sugli) \{\w+\}")
    elided = re.compile(r"\w'\{\w+\}")
    assert [s for s in _wordings("it") if plural.search(s) or elided.search(s)] == []


@pytest.mark.parametrize("note,said", [
    # engagement() by platform: 8 of 11 posts, the numbers said with a vowel
    ("interactions of 8 of 11 posts unknown (instagram): interactions and rates are of the "
     "other posts", "le interazioni di 8 post Instagram su 11 non sono note: le interazioni e i "
                    "tassi della piattaforma sono quelli degli altri suoi post"),
    ("paid status of 11 of 80 posts unknown: kept as organic",
     "stato sponsorizzato sconosciuto per 11 post su 80: tenuti come organici"),
    ("GA4 data cover 8 of the 11 days of 2026-10: traffic of the other days is not in them",
     "i dati GA4 coprono 8 giorni su 11 di ottobre 2026: il traffico degli altri giorni non "
     "vi figura"),
])
def test_italian_notes_count_8_and_11_without_an_article(note, said):
    assert Formatter("it").note(note) == said


def test_italian_report_text_cover_and_captions_elide_before_8_and_11():
    """An Italian report of data to 8 November read "Dati al 8 novembre 2026" and notes
    "dal 11 ottobre": Italian writes "all'8", "dall'11"."""
    import matplotlib.pyplot as plt

    import smmanalytics as smm
    from smmanalytics.report.builder import Report

    brand = smm.Brand(name="Acme", timezone="Europe/Rome", language="it")
    rep = Report(title="t", period_label="p", brand=brand, lang="it",
                 cover_lines=["Dati al 8 novembre 2026"])
    sec = rep.section("s")
    rep.text(sec, "I dati iniziano il 11 ottobre 2026.")
    rep.bullets(sec, ["dal 8 al 11 ottobre"])
    rep.table(sec, pd.DataFrame({"a": ["al 8"]}), caption="Dati al 11 ottobre")
    rep.figure(sec, plt.figure(), caption="Interazioni dal 8 ottobre")
    model = rep.to_json()
    assert model["cover_lines"] == ["Dati all'8 novembre 2026"]
    assert [b.get("text") or b.get("items") or b.get("caption") for b in model["blocks"][1:]] == [
        "I dati iniziano l'11 ottobre 2026.", ["dall'8 all'11 ottobre"], "Dati all'11 ottobre",
        "Interazioni dall'8 ottobre"]
    assert model["blocks"][3]["rows"] == [["al 8"]]          # table cells are values, untouched


@pytest.mark.parametrize("lang,odds,p", [
    ("en", ["about 2 times in 1,000", "about 8 times in 10", "about once in 100",
            "less than once in 1,000"], ("p < 0.001", "less than once in 1,000")),
    ("fr", ["environ 2 fois sur 1\u202f000", "environ 8 fois sur 10", "environ une fois sur 100",
            "moins d'une fois sur 1\u202f000"], ("p < 0,001", "moins d'une fois sur 1\u202f000")),
    ("it", ["circa 2 volte su 1.000", "circa 8 volte su 10", "circa una volta su 100",
            "meno di una volta su 1.000"], ("p < 0,001", "meno di una volta su 1.000")),
])
def test_a_probability_is_said_as_a_manager_says_it(lang, odds, p):
    """The report gave "p = 0.003" and "negative-binomial tail below 0.001" with nothing to
    say what they mean: a probability reads as how often chance alone would give it, with a
    one-digit count; a p-value too small for its decimals is a bound, not "p = 0.000"."""
    f = Formatter(lang)
    assert [f.odds(0.002), f.odds(0.82), f.odds(0.0096), f.odds(0.001, less=True)] == odds
    assert f.p_value(0.0002) == p
    assert f.p_value(0.002)[0] == {"en": "p = 0.002"}.get(lang, "p = 0,002")
    with pytest.raises(ValueError):
        f.odds(0)


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_top_post_note_names_its_row_as_the_table_does(lang):
    """The French note sent the reader to the row « sans la meilleure publication », the
    Italian to «senza il post migliore»; the rows read « Interactions hors meilleure
    publication » and «Interazioni senza il post migliore»."""
    f = Formatter(lang)
    text = f.note("One post made 41.2% of the interactions of 2026-10: see "
                  "interactions_excl_top_post for the total without it.")
    assert f.metric("interactions_excl_top_post") in text


@pytest.mark.parametrize("lang,shown", [
    ("it", ["2.801\u00a0€", "13\u00a0€", "3\u00a0€", "-3\u00a0€", "93,35\u00a0€", "3", "0,13",
            "0,13%"]),
    ("en", ["€2,801", "€13", "€3", "-€3", "€93.35", "3", "0.13", "0.13%"]),
])
def test_halves_are_rounded_up_as_a_manager_does(lang, shown):
    """September's revenue of 2,800.50 € read "2.800 €", 12.50 € read "12 €" and 2.50 € "2 €":
    babel rounds half to even. Halves now go up, as a manager rounds them: 2,800.50 → 2,801,
    12.5 → 13, 2.5 → 3 (and -2.5 → -3, away from zero), 93.35 stays 93.35 with its cents,
    2.5 → 3, 0.125 → 0.13 at two decimals, 0.00125 → 0.13 %."""
    f = Formatter(lang, "EUR")
    assert [f.money(2800.5), f.money(12.5), f.money(2.5), f.money(-2.5), f.money(93.35, 2),
            f.number(2.5), f.number(0.125, 2), f.percent(0.00125)] == shown


@pytest.mark.parametrize("lang,name", [
    ("en", "Eng. rate / reach (pooled)"),
    ("fr", "Taux d'engagement / couverture (global)"),
    ("it", "Tasso di engagement / copertura (complessivo)"),
])
def test_the_pooled_rate_says_it_is_pooled_in_every_section(lang, name):
    """The scorecard's "Taux d'engagement / couverture · Instagram 8,89 %" (all interactions ÷
    all reach) and the chart's "Instagram 6,89 %" (the median post) went by one name, and the
    comparison set an unqualified row beside its "(publication médiane)" one. The pooled
    rate, that of goals and of the comparison, is named as the key figures name it."""
    f = Formatter(lang)
    assert f.metric("er_reach") == f.label("er_reach_pooled") == name
    assert f.metric("er_reach") != f.metric("er_reach_median")


@pytest.mark.parametrize("lang,sessions,revenue,key_events", [
    ("en", "Social sessions", "Social revenue", "Social key events"),
    ("fr", "Sessions issues des réseaux sociaux", "Chiffre d'affaires issu des réseaux sociaux",
     "Événements clés issus des réseaux sociaux"),
    ("it", "Sessioni social", "Ricavi social", "Eventi chiave social"),
])
def test_ga4_goals_say_their_figures_are_social_traffic(lang, sessions, revenue, key_events):
    """The sample's scorecard read "Chiffre d'affaires · Toutes plateformes" beside 14,658 €,
    the revenue of social traffic only (27,446.94 € over all of GA4), while the sessions goal
    said "issues des réseaux sociaux": revenue and key events, GA4 figures of social traffic
    too (goals and the comparison count no other), say so as sessions do."""
    f = Formatter(lang)
    assert [f.metric(m) for m in ("sessions", "revenue", "key_events")] == [
        sessions, revenue, key_events]


def test_french_elides_de_before_instagram():
    """"Les données de Instagram s'arrêtent…": French writes "d'Instagram" (and "qu'Instagram"),
    while "de X", "de YouTube" and "de Facebook" stay; in a note, a cover line or a text."""
    from smmanalytics.report.formatting import Formatter

    fr = Formatter("fr")
    note = fr.note("The instagram data stop at 2026-10-01: 2026-10 is compared over its first "
                   "day only, with the first day of 2026-09 (2026-09-01).")
    assert note.startswith("Les données d'Instagram s'arrêtent le 1er octobre 2026")
    assert fr.prose("plus que Instagram; De Instagram; de X, de YouTube, de Facebook; "
                    "de Instagrammers") == ("plus qu'Instagram; D'Instagram; de X, de YouTube, "
                                            "de Facebook; de Instagrammers")
    assert fr.prose("lorsque Instagram, puisque Instagram, jusque Instagram") == (
        "lorsqu'Instagram, puisqu'Instagram, jusqu'Instagram")
    assert Formatter("en").prose("de Instagram") == "de Instagram"


@pytest.mark.parametrize("x,en,fr", [
    (0.000999, "0.10%", "0,10 %"),      # 0.0999 % has 2 figures once rounded: 0.10, not 0.100
    (0.0000999, "0.010%", "0,010 %"),   # 0.00999 % → 0.010 %
    (0.00017, "0.017%", "0,017 %"),
    (0.0099, "0.99%", "0,99 %"),
    (0.00995, "1.00%", "1,00 %"),       # 0.995 % rounds half up to 1.00 %: 2 decimals
])
def test_a_rate_below_one_percent_keeps_two_figures_after_rounding(x, en, fr):
    """Rates below 1 % keep two significant figures; counted before rounding, 0.0999 % showed
    three ("0.100 %") once rounded up to the next power of ten."""
    from smmanalytics.report.formatting import Formatter

    assert Formatter("en").rate(x) == en
    assert Formatter("fr").rate(x).replace("\u202f", " ").replace("\xa0", " ") == fr


@pytest.mark.parametrize("posts,digits,shown", [
    (52, 1, "1.0"),     # 52 ÷ (365/7) = 0.9973 a week: 1.00 at two figures, so 1.0 as 1 is
    (53, 1, "1.0"),     # 53 ÷ (365/7) = 1.016: one decimal, the column's digits
    (50, 2, "0.96"),    # 50 ÷ (365/7) = 0.9589: two figures, 0.96 (two decimals)
    (4, 3, "0.077"),    # 4 ÷ (365/7) = 0.0767: two figures, 0.077 (three decimals)
])
def test_posts_a_week_that_round_to_one_read_as_one_does(posts, digits, shown):
    """A year's posting rate in the benchmarks column: below 1 two significant figures, but
    one that rounds to 1 is written as 1.016 is ("1.0"), not with an extra figure ("1.00")."""
    from smmanalytics.report.formatting import small_digits

    x = posts / (365 / 7)
    assert small_digits(x, 1) == digits
    assert Formatter("en").number(x, small_digits(x, 1)) == shown


@pytest.mark.parametrize("lang,start", [
    ("en", "Posts lack a like, comment or share count (a column deleted or emptied); their "
           "interactions were taken from the export's own total of them"),
    ("fr", "Des publications n'ont pas de nombre de réactions, commentaires ou partages"),
    ("it", "Alcuni post non hanno il numero di reazioni, commenti o condivisioni"),
])
def test_interactions_taken_from_the_exports_total_are_said_in_the_reports_language(lang,
                                                                                   start):
    """A Facebook export without its reactions has its posts' interactions taken from its
    ``Reactions, Comments and Shares``: the data-quality table says so in the report's
    language, not in the loader's English."""
    f = Formatter(lang)
    assert f.quality("interactions_from_total", "3 facebook posts have no reactions").startswith(
        start)
    assert not f.untranslated


@pytest.mark.parametrize("lang,empty,unless", [
    ("en", "and so are the rates built on it", "unless the export gives its own total"),
    ("fr", "de même que les taux qui en dépendent", "sauf si l'export en donne lui-même le total"),
    ("it", "come i tassi che ne dipendono", "a meno che l'esportazione non ne dia essa stessa"),
])
def test_a_missing_metric_note_is_true_when_the_interactions_came_from_the_total(lang, empty,
                                                                                 unless):
    """The data-quality table's sentence for ``expected_metric_missing`` said the rates built
    on the missing metric were left empty, also for a Facebook export whose interactions (and
    their rates) were taken from its ``Reactions, Comments and Shares``: it says both cases."""
    sentence = Formatter(lang).quality("expected_metric_missing", "no column of reactions")
    assert empty in sentence and unless in sentence


def _mix_caveat(previous: list[tuple[str, str]], current: list[tuple[str, str]]) -> str:
    """compare()'s caveat on the mix of September's posts (``previous``) and October's
    (``current``), each a list of (platform, content_type); None for a format not known."""
    from smmanalytics.compare import _mix_caveats
    from smmanalytics.periods import parse_period

    def posts(rows):
        return pd.DataFrame({"platform": pd.array([p for p, _ in rows], dtype="string"),
                             "content_type": pd.array([c for _, c in rows], dtype="string")})

    [caveat] = _mix_caveats(posts(current), posts(previous), parse_period("2026-10"),
                            parse_period("2026-09"), None)
    return caveat


@pytest.mark.parametrize("lang,shares", [
    ("fr", "(carrousel 25\u00a0% → 50\u00a0%, image 75\u00a0% → 25\u00a0%, inconnu 0\u00a0% → "
           "25\u00a0%)"),
    ("it", "(carosello 25% → 50%, immagine 75% → 25%, sconosciuto 0% → 25%)"),
    ("en", "(carousel 25% → 50%, image 75% → 25%, unknown 0% → 25%)"),
])
def test_the_format_mix_names_the_formats_in_the_report_language(lang, shares):
    """September: 3 images and a carousel (75 %, 25 %); October: an image, 2 carousels and a
    post of unknown format (25 %, 50 %, 25 %), a change of half the posts (½ × (50 + 25 +
    25) points). The French note read "(carousel 25%→50%, image 75%→25%, unknown 0%→25%)",
    English names with English percentages; the formats are the reader's words, the
    percentages the language's."""
    caveat = _mix_caveat([("instagram", "image")] * 3 + [("instagram", "carousel")],
                         [("instagram", "image"), ("instagram", "carousel"),
                          ("instagram", "carousel"), ("instagram", None)])
    assert "(carousel 25%→50%, image 75%→25%, unknown 0%→25%)" in caveat     # the API's
    f = Formatter(lang)
    assert shares in f.note(caveat) and not f.untranslated


@pytest.mark.parametrize("lang,shares", [
    ("fr", "(Facebook 25\u00a0% → 75\u00a0%, Instagram 75\u00a0% → 25\u00a0%)"),
    ("it", "(Facebook 25% → 75%, Instagram 75% → 25%)"),
])
def test_the_platform_mix_names_the_platforms_as_the_report_does(lang, shares):
    """September: a Facebook post and 3 Instagram ones (25 %, 75 %); October the other way
    round: the note read "(facebook 25%→75%, instagram 75%→25%)", the platforms' ids."""
    caveat = _mix_caveat([("facebook", "image")] + [("instagram", "image")] * 3,
                         [("facebook", "image")] * 3 + [("instagram", "image")])
    assert caveat.startswith("The platform mix changed")
    assert shares in Formatter(lang).note(caveat)


def test_a_mix_of_another_shape_is_left_as_it_is():
    assert Formatter("fr").mix("video 40 %", "content_type") == "video 40 %"


@pytest.mark.parametrize("lang,expected", [
    ("fr", ["interactions inconnues pour 2 des 3 publications (partages vides) : écartées",
            "composantes absentes de l'export (enregistrements) : non calculable de cette façon",
            "composantes absentes de l'export de la marque : enregistrements",
            "pas de ligne « Santé et beauté » : comparaison avec tous secteurs confondus",
            "Méthode Socialinsider : moyenne par publication de (réactions + commentaires + "
            "partages + enregistrements) ÷ vues (0 des 3 publications)"]),
    ("it", ["interazioni sconosciute per 2 post su 3 (valori di condivisioni mancanti): esclusi",
            "componenti assenti dall'esportazione (salvataggi): non calcolabile in questo modo",
            "componenti assenti dall'esportazione del brand: salvataggi",
            "nessuna riga «Salute e bellezza»: confronto con tutti i settori",
            "Metodo Socialinsider: media per post di (reazioni + commenti + condivisioni + "
            "salvataggi) ÷ visualizzazioni (0 post su 3)"]),
    ("en", ["engagements of 2 of 3 posts unknown (shares blank): left out",
            "components missing from the export (saves): not computable this way",
            "brand export lacks saves",
            'no "Health & beauty" row: compared with all industries',
            "Socialinsider way: mean over posts of (reactions + comments + shares + saves) ÷ "
            "views (0 of 3 posts)"]),
])
def test_benchmark_notes_name_the_components_and_industry_in_the_report_language(lang,
                                                                                 expected):
    """Three posts, two with no shares, in an export with no saves: the benchmark notes read
    "(shares vides)", "composantes absentes de l'export (saves)" and "pas de ligne
    'health_beauty'", the export's columns and the benchmark table's id in a French
    sentence; they are the reader's words, as the report's other sentences name them."""
    import importlib

    # the module, which smmanalytics.benchmarks (the function) hides
    b = importlib.import_module("smmanalytics.benchmarks")
    posts = pd.DataFrame({"reactions": [10.0, 5.0, 3.0], "comments": [1.0, 2.0, 0.0],
                          "shares": [1.0, None, None]})
    comps = ("reactions", "comments", "shares", "saves")
    e, missing = b._engagements(posts, comps)
    notes = [b._blank(posts, ("reactions", "comments", "shares"), e), b._lacking(missing),
             # as benchmarks.py writes them (the competitors' table, a fallback industry)
             f"brand export lacks {', '.join(missing)}",
             f"no {'health_beauty'!r} row: compared with all industries",
             f"Socialinsider way: mean over posts of ({' + '.join(comps)}) ÷ views (0 of 3 posts)"]
    f = Formatter(lang)
    assert [f.note(n) for n in notes] == expected and not f.untranslated


#: a value of each placeholder of notes.yaml as the API writes it: its ids where it writes ids
#: (platforms, metrics, an export's columns, formats, industries, cost categories, GA4
#: breakdowns), for the guard below
_NOTE_VALUES = {
    "account": "maisonseve.pro", "accounts": "maisonseve, 17841400000000002",
    "after": "62%", "before": "85%", "campaigns": "Spring Sale",
    "categories": "ad_spend, labor, influencer", "change": "+12.5%", "counterpart": "views",
    "currencies": "USD", "currency": "EUR", "date": "2026-10-18", "days": "31", "end": "18:00",
    "excluded": "too young: 4, missing outcome: 2, no peer: 1",
    "files": "export.csv", "format_mix": "carousel 3%→11%, text 5%→0%, unknown 41%→32%",
    "few": "8", "formula": "a ÷ b", "gap": "2.5", "high": "1.8", "hour": "18:00",
    "industry": "'health_beauty'", "k": "5",
    "kinds": "source_medium, landing_page, year_month, campaign+channel_group, "
             "first_user:source_medium",
    "lift": "1.4", "lines": "2026-07 ad_spend 9.99 USD, 2026-09–2027-08 other 1,200.00 USD",
    "low": "1.1", "m": "40", "followers": "3,414", "min": "5,000", "max": "1,000,000",
    "measure": "reach", "metric": "er_reach", "months": "2026-10, 2026-11", "n": "3",
    "n_accounts": "2",
    "refused": "'Beauté'",
    "industries": "alcohol, fashion, health_beauty",
    "names": "reactions, comments, shares, saves, quotes, clicks", "other": "2026-08",
    "period": "2026-10",
    "platform": "instagram", "platform_mix": "facebook 15%→38%, instagram 85%→62%",
    "platforms": "instagram, tiktok", "platforms_again": "tiktok", "previous": "2026-09",
    "hours": "09:00, 13:00, 21:00", "property": "maisonseve.it",
    "rate": "0.05", "reason": "bad header", "relative": "1.3", "rho": "0.45", "share": "42%",
    "slot_lift": "1.2", "source": "Socialinsider",
    "sources": "'meta'", "start": "17:00", "tz": "Europe/Paris",
    "value": "3.2%", "weekday": "Monday", "weekdays": "Monday-Friday", "weeks": "4.4",
    "slots": "3", "asked": "5", "dates": "2026-03-08, 2027-03-14",
}
#: snake_case words a note may show: the goals.yaml key and the UTM parameter of the links
#: the reader is asked to write
_KEYS_TO_WRITE = {"value_per_key_event", "utm_campaign", "utm_source"}


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_no_note_shows_an_id_or_an_english_name(lang):
    """Every note of notes.yaml, written as the API writes it with ids for values, in French
    and Italian: no snake_case id ("health_beauty", "source_medium") and no English name of a
    format or an export's column ("shares", "carousel", "unknown") nor a platform's id
    ("instagram") is left in the sentence (the English names of GA4's breakdowns are
    Italian words too: "date"). The compare and benchmark notes read
    "(carousel 3%→11%, …)", "(shares vides)", "pas de ligne 'health_beauty'"."""
    import re

    from smmanalytics.report.formatting import _NOTES, _WORDING

    english = {word for table in ("components", "content_types")
               for key, word in _WORDING["en"][table].items()
               if _WORDING[lang][table].get(key, word) != word}
    english |= {"facebook", "instagram", "tiktok"}
    leaks = {}
    for entry in (n for _, n in _NOTES):      # a plan's reasons of 1 account and of several
        template = " ".join(entry["en"].split())
        note = template.format(**{k: _NOTE_VALUES[k] for k in re.findall(r"\{(\w+)\}", template)})
        f = Formatter(lang)
        text = f.note(note)
        assert not f.untranslated, note
        found = (set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", text)) - _KEYS_TO_WRITE) | {
            w for w in english if re.search(rf"(?<![\w'-]){re.escape(w)}(?![\w'-])", text)}
        if found:
            leaks[text] = sorted(found)
    assert not leaks


@pytest.mark.parametrize("lang,costs,ga4", [
    ("fr", "seuls les coûts publicité, temps de travail sont connus",
     "1 ligne GA4 ventilée par page de destination laissée de côté"),
    ("it", "noti solo i costi pubblicità, lavoro,",
     "1 riga GA4 suddivisa per pagina di destinazione esclusa"),
    ("en", "only ad spend, labour known", "1 GA4 row broken down by landing page left out"),
])
def test_cost_categories_and_ga4_breakdowns_are_named_as_the_report_does(lang, costs, ga4):
    """roi()'s notes named costs.csv's categories and GA4's dimensions by their ids, "seuls
    les coûts ad_spend, labor sont connus", "ventilée par landing_page"; they are named as
    the cost tables and the language name them."""
    f = Formatter(lang)
    assert costs in f.note("only ad_spend, labor known, from lines running past 2026-10-31, the "
                           "end of the last month costs.csv is kept for: the other costs unknown")
    assert ga4 in f.note("1 GA4 row broken down by landing_page left out: another table of the "
                         "same dates is more detailed (no double counting)")


def _contrast_with_white(color: str) -> float:
    """WCAG 2's contrast ratio of ``color`` (#rrggbb) with white: (1 + 0.05) / (L + 0.05), L
    the relative luminance 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(color[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_contrast_with_white_follows_wcag():
    """Black on white 21:1, white on white 1:1; #777777 (L = 0.184) is the known 4.48:1."""
    assert _contrast_with_white("#000000") == pytest.approx(21)
    assert _contrast_with_white("#ffffff") == pytest.approx(1)
    assert _contrast_with_white("#777777") == pytest.approx(4.48, abs=0.005)


def test_every_badge_colour_holds_white_text_at_wcag_aa():
    """The goal statuses' and the watch's severities' badges write white 8.5 pt text: the
    watch's #b59f00 (2.65:1), at risk's #ef6c00 (3.08:1), no data's #8a8a8a (3.45:1) and on
    track's #558b2f (4.10:1) were below AA's 4.5:1 for small text."""
    from smmanalytics.report.formatting import OTHER_BADGE_COLOR, STATUS_COLORS
    from smmanalytics.report.watch import _SEVERITY_COLORS

    colors = {**STATUS_COLORS, **{f"severity {k}": c for k, c in _SEVERITY_COLORS.items()},
              "other": OTHER_BADGE_COLOR}
    low = {k: round(_contrast_with_white(c), 2) for k, c in colors.items()
           if _contrast_with_white(c) < 4.5}
    assert low == {}


def test_no_wording_is_cut_by_a_yaml_comment():
    """YAML reads an unquoted value's " #" as the start of a comment: the quality table's
    "…showing a spreadsheet error such as #N/A or #REF! (no value), were read as missing"
    was printed "…such as", in three languages, and the French pasted preamble's "Les
    lignes « # » …" as "Les lignes «". A value holding " #" must be quoted."""
    import re
    from importlib.resources import files

    plain = re.compile(r"^\s*[\w.-]+:\s+(?![\"'|>])(.*)$")
    for name in ("labels.yaml", "notes.yaml", "quality.yaml"):
        text = files("smmanalytics.report").joinpath(name).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            m = plain.match(line)
            assert not (m and " #" in m.group(1)), f"{name}:{number} {line}"
    en, fr = Formatter("en"), Formatter("fr")
    assert en.quality("placeholder_cells", "").endswith("were read as missing, not as 0")
    assert fr.quality("pasted_preamble_dropped", "").endswith("lues comme des données")


def _filled(template: str, values: list[str]) -> str:
    """``template`` with its fields filled by ``values`` in turn (cycled)."""
    import itertools
    import re

    fill = itertools.cycle(values)
    return re.sub(r"\{\w+\}", lambda _: next(fill), template)


def test_a_note_is_matched_as_its_templates_regex_matches_it():
    """The templates' lazily compiled matchers (_Template: fixed start and end first) answer
    as the regexes compiled from them: every template against a note made from every
    template (303 × 303 pairs), with values that are words, numbers, spaces and nothing."""
    from smmanalytics.report.formatting import _NOTES, _template_pattern

    templates = [t.template for t, _ in _NOTES]
    notes = [_filled(u, values) for u in templates
             for values in (["x"], ["1,234.5", "Europe/Paris"], ["a b: c", ""])]
    matched = 0
    for lazy, _ in _NOTES:
        regex = _template_pattern(lazy.template)
        for note in notes:
            want, got = regex.fullmatch(note), lazy.fullmatch(note)
            assert (got and got.groupdict()) == (want and want.groupdict()), (lazy.template,
                                                                              note)
            matched += want is not None
    # each template matches at least its own notes of non-empty values
    assert matched >= 2 * len(templates)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000), st.lists(st.text(max_size=8), min_size=1, max_size=4),
       st.text(max_size=3), st.text(max_size=3))
def test_the_lazy_matcher_agrees_with_the_regex_on_any_values(i, values, before, after):
    """Whatever fills a template's fields, and whatever comes before or after it."""
    from smmanalytics.report.formatting import _NOTES, _template_pattern

    lazy = _NOTES[i % len(_NOTES)][0]
    note = before + _filled(lazy.template, values) + after
    want, got = _template_pattern(lazy.template).fullmatch(note), lazy.fullmatch(note)
    assert (got and got.groupdict()) == (want and want.groupdict())


@pytest.mark.parametrize("lang,gap", [("en", "(August 2026: “Labour”)"),
                                      ("fr", "(août 2026 : « Temps de travail »)"),
                                      ("it", "(agosto 2026: «Lavoro»)")])
def test_every_quality_sentence_is_whole_from_its_log_entry_alone(tmp_path, lang, gap):
    """Every quality.yaml sentence, rendered from a log entry alone (its code, message and
    facts, no value from the report), has no field left: the cost-gap sentence printed "({gaps})"
    to any caller but the report's quality table, which alone passed the months. The
    gap's message is the one read_costs logs of a file with labour in April to November
    but August (7 of 8 months, at least 0.75 × 8 = 6: August is a gap); the others' say
    nothing, their "{value}" then "?". A message that does not name the month gives the
    message itself, untranslated, not a placeholder."""
    import importlib.resources

    import yaml

    import smmanalytics as smm
    from smmanalytics.roi import read_costs

    days = {4: 30, 5: 31, 6: 30, 7: 31, 9: 30, 10: 31, 11: 30}
    path = tmp_path / "costs.csv"
    path.write_text("start,end,category,amount,currency,platform,campaign,hours,hourly_rate,"
                    "note\n" + "".join(f"2026-{m:02d}-01,2026-{m:02d}-{d},labor,100,,,,,,\n"
                                       for m, d in days.items()), encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning) as caught:
        read_costs(path)
    [warned] = [w.message for w in caught if w.message.code == "costs_month_missing"]
    # the month and its categories kept as data on the note, as load's log keeps them
    gap_message, gap_facts = str(warned), warned.facts["cost_gaps"]
    assert gap_facts == [("2026-08", ["labor"])]
    codes = yaml.safe_load(importlib.resources.files("smmanalytics.report")
                           .joinpath("quality.yaml").read_text(encoding="utf-8"))
    f = Formatter(lang)
    # the post types read by their word, or as a language's word means, as meta's loader logs
    # them, which the sentences quote
    messages = {"costs_month_missing": gap_message,
                "post_type_by_word": "2 posts have a post type the table does not list, read "
                                     "by its word: 'image ig' as 'image'",
                "post_type_inferred": "1 post has a post type of a language whose exports' "
                                      "types are not confirmed, read as its word means: "
                                      "'réel' as 'reel'"}
    for code in codes:
        message = messages.get(code, "")
        text = f.quality(code, message, cost_gaps=gap_facts if code == "costs_month_missing"
                         else None)
        assert "{" not in text and "}" not in text, code
        assert text != message, code                # the code's own sentence, not the message
    assert not f.untranslated
    assert gap in f.quality("costs_month_missing", gap_message, cost_gaps=gap_facts)
    # a message reworded, its facts kept: the same sentence (the month was parsed back from
    # the English message)
    assert (f.quality("costs_month_missing", "labour: none in August", cost_gaps=gap_facts)
            == f.quality("costs_month_missing", gap_message, cost_gaps=gap_facts))
    # a note without its facts (an older cache's): the message, as for a code quality.yaml
    # lacks
    assert f.quality("costs_month_missing", "a month lacks labour") == "a month lacks labour"
    assert f.untranslated == (set() if lang == "en" else {"a month lacks labour"})


#: read_costs' message of a file with August 2026 (of months it covers) without labour
_ONE_GAP = ("costs.csv has no labor line for 2026-08, which the other months it covers have: "
            "counted as 0, by the file's rule that a day it covers without a line had nothing "
            "spent: add the month's lines if they were left out")


@pytest.mark.parametrize("lang,one,several,sentence", [
    ("en", "August 2026: “Labour”", "August 2026: “Labour” and “Tools”; October 2026: “Labour”",
     "Months the costs file covers without lines of categories its other months have ({}) are "
     "read as nothing spent on those categories, but the lines may have been left out (the ROI "
     "section of a report covering one of those months says so)"),
    ("fr", "août 2026 : « Temps de travail »",
     "août 2026 : « Temps de travail » et « Outils » ; octobre 2026 : « Temps de travail »",
     "Les mois que couvre le fichier des coûts sans lignes de catégories présentes dans ses "
     "autres mois ({}) sont lus comme sans dépense pour ces catégories, mais ces lignes ont "
     "peut-être été oubliées (la section ROI d'un rapport couvrant l'un de ces mois le "
     "signale)"),
    ("it", "agosto 2026: «Lavoro»", "agosto 2026: «Lavoro» e «Strumenti»; ottobre 2026: «Lavoro»",
     "I mesi coperti dal file dei costi senza righe di categorie presenti nei suoi altri mesi "
     "({}) sono letti come senza spesa per quelle categorie, ma quelle righe potrebbero essere "
     "state dimenticate (la sezione ROI di un rapporto che copre uno di quei mesi lo indica)")])
def test_the_cost_gap_sentence_reads_right_with_one_month_and_several(lang, one, several,
                                                                      sentence):
    """The sentence said "a month … a category … that month … on it", in the singular, though
    the quality table names every month and each its categories ("August 2026: “Labour” and
    “Tools”; October 2026: …"); the French lacked its preposition ("un mois qu'il couvre").
    Worded as the rule for such months, it reads right with one log entry's month (August,
    labour) and with the table's list (August both, October labour)."""
    f = Formatter(lang)
    assert (f.quality("costs_month_missing", _ONE_GAP, cost_gaps=[("2026-08", ["labor"])])
            == sentence.format(one))
    assert f.quality("costs_month_missing", "", gaps=several) == sentence.format(several)


def _period_caveats(current: str, previous: str) -> list[str]:
    """compare()'s own caveats naming both periods: TikTok's posts exports covering neither
    (:func:`~smmanalytics.compare._left_out_caveats`, which reads the periods only), and TikTok
    carrying views in ``current`` only while Instagram carries them in both
    (:func:`~smmanalytics.compare._like_for_like`)."""
    from types import SimpleNamespace

    from smmanalytics.compare import _left_out_caveats, _like_for_like
    from smmanalytics.periods import parse_period

    cur, prev = parse_period(current), parse_period(previous)
    [neither] = _left_out_caveats({"tiktok": ("current", "previous")},
                                  SimpleNamespace(cur=cur, prev=prev))
    nan = float("nan")
    posts = pd.DataFrame({"platform": ["tiktok", "instagram"], "views": [10.0, 20.0],
                          "reach": [nan, nan], "impressions": [nan, nan]})
    without = posts.assign(views=[nan, 20.0])
    *_, [only] = _like_for_like(posts, without, cur, prev)
    return [neither, only]


@pytest.mark.parametrize("lang,current,previous,neither,only", [
    # a quarter takes its article after "ni" / "né" and after the elided "qu'en" (→ "qu'au"),
    # as the report writes "au T4", "nel 3° trimestre" everywhere else
    ("fr", "2026-Q3", "2026-Q2", "ne couvrent ni le T3 2026 ni le T2 2026 ;",
     "TikTok ne donne les vues qu'au T3 2026 :"),
    ("it", "2026-Q3", "2026-Q2",
     "non coprono né il 3° trimestre 2026 né il 2° trimestre 2026, quindi",
     "TikTok fornisce le visualizzazioni solo nel 3° trimestre 2026:"),
    ("en", "2026-Q3", "2026-Q2", "cover neither Q3 2026 nor Q2 2026, so",
     "TikTok reports views in Q3 2026 only:"),
    # a year has none in French ("en 2026", "ni 2026"), "il 2026" in Italian
    ("fr", "2026", "2025", "ne couvrent ni 2026 ni 2025 ;",
     "TikTok ne donne les vues qu'en 2026 :"),
    ("it", "2026", "2025", "non coprono né il 2026 né il 2025, quindi",
     "TikTok fornisce le visualizzazioni solo nel 2026:"),
    # a month has none ("qu'en octobre", "a ottobre"); a range of days is "the period" in
    # every language, after "neither"/"nor" too, and "qu'en" + "la" is "que sur la", as
    # "qu'" stays before a vowel only
    ("fr", "2026-10", "2026-09", "ne couvrent ni octobre 2026 ni septembre 2026 ;",
     "TikTok ne donne les vues qu'en octobre 2026 :"),
    ("it", "2026-10", "2026-09", "non coprono né ottobre 2026 né settembre 2026, quindi",
     "TikTok fornisce le visualizzazioni solo a ottobre 2026:"),
    ("fr", "2026-10-05..2026-10-11", "2026-09-28..2026-10-04",
     "ne couvrent ni la période 5–11 octobre 2026 ni la période 28 septembre "
     "– 4 octobre 2026 ;",
     "TikTok ne donne les vues que sur la période 5–11 octobre 2026 :"),
    ("it", "2026-10-05..2026-10-11", "2026-09-28..2026-10-04",
     "non coprono né il periodo 5–11 ottobre 2026 né il periodo 28 settembre "
     "– 4 ottobre 2026, quindi",
     "TikTok fornisce le visualizzazioni solo nel periodo 5–11 ottobre 2026:"),
    ("en", "2026-10-05..2026-10-11", "2026-09-28..2026-10-04",
     "cover neither the period 5–11 October 2026 nor the period 28 September "
     "– 4 October 2026, so",
     "TikTok reports views in the period 5–11 October 2026 only:"),
])
def test_compares_caveats_give_each_period_its_article(lang, current, previous, neither, only):
    f = Formatter(lang)
    said = [f.sentence(f.note(c)) for c in _period_caveats(current, previous)]
    assert neither in said[0]
    assert said[1].startswith(only)
    assert f.untranslated == set()


@pytest.mark.parametrize("text,said", [
    # a word, or a period's name or article, is capitalised as a sentence starts
    ("le T2 2026 était un record", "Le T2 2026 était un record"),
    ("octobre 2026 est terminé", "Octobre 2026 est terminé"),
    ("il file goals.yaml non è stato letto", "Il file goals.yaml non è stato letto"),
    # a file name, a path or code keeps its own case
    ("goals.yaml could not be read", "goals.yaml could not be read"),
    ("costs.csv runs from 1 September 2026", "costs.csv runs from 1 September 2026"),
    ("data/brand is empty", "data/brand is empty"),
    ("`smm report monthly` needs --period", "`smm report monthly` needs --period"),
    # a dot that ends the first word is a sentence's, not a file name's
    ("ok. then", "Ok. then"),
])
def test_a_sentence_capitalises_a_word_not_a_file_name(text, said):
    assert Formatter.sentence(text) == said


_QUARTER, _YEAR, _MONTH, _RANGE = "2026-Q3", "2026", "2026-10", "2026-10-05..2026-10-11"


@pytest.mark.parametrize("lang,text,period,joined", [
    # after an elided "qu'", each preposition the French rule knows that starts with a vowel
    # (en, à, entre, avec, et), by kind of period. "qu'" stays where the joined words start
    # with a vowel ("en le" → "au", "à le" → "au", "entre le"), and is "que" again before a
    # consonant ("en la" → "sur la": "que sur la période", never "qu'sur")
    ("fr", "Vues qu'en T3 2026", _QUARTER, "Vues qu'au T3 2026"),
    ("fr", "Vues qu'à T3 2026", _QUARTER, "Vues qu'au T3 2026"),
    ("fr", "Vues qu'entre T3 2026", _QUARTER, "Vues qu'entre le T3 2026"),
    ("fr", "Vues qu'avec T3 2026", _QUARTER, "Vues qu'avec le T3 2026"),
    ("fr", "Vues qu'et T3 2026", _QUARTER, "Vues qu'et le T3 2026"),
    ("fr", "Qu'en T3 2026", _QUARTER, "Qu'au T3 2026"),
    ("fr", "Vues qu'en 5–11 octobre 2026", _RANGE,
     "Vues que sur la période 5–11 octobre 2026"),
    ("fr", "Qu'en 5–11 octobre 2026", _RANGE,
     "Que sur la période 5–11 octobre 2026"),
    ("fr", "Vues qu'à 5–11 octobre 2026", _RANGE,
     "Vues qu'à la période 5–11 octobre 2026"),
    ("fr", "Vues qu'entre 5–11 octobre 2026", _RANGE,
     "Vues qu'entre la période 5–11 octobre 2026"),
    ("fr", "Vues qu'avec 5–11 octobre 2026", _RANGE,
     "Vues qu'avec la période 5–11 octobre 2026"),
    ("fr", "Vues qu'et 5–11 octobre 2026", _RANGE,
     "Vues qu'et la période 5–11 octobre 2026"),
    # a year and a month take no article in French: the words are left as they are
    *[("fr", f"Vues qu'{prep} {name}", period, f"Vues qu'{prep} {name}")
      for prep in ("en", "à", "entre", "avec", "et")
      for name, period in (("2026", _YEAR), ("octobre 2026", _MONTH))],
    # Italian has no "qu'": its "solo in" and "né" join as before
    ("it", "solo in 3° trimestre 2026", _QUARTER, "solo nel 3° trimestre 2026"),
    ("it", "solo in 2026", _YEAR, "solo nel 2026"),
    ("it", "solo in ottobre 2026", _MONTH, "solo a ottobre 2026"),
    ("it", "solo in 5–11 ottobre 2026", _RANGE,
     "solo nel periodo 5–11 ottobre 2026"),
    ("it", "né 2026 né", _YEAR, "né il 2026 né"),
])
def test_an_elided_que_stays_elided_only_before_a_vowel(lang, text, period, joined):
    assert Formatter(lang).joined(text, period) == joined


def test_que_restored_before_a_range_said_as_its_days():
    # "qu'en" + "la période" → "que sur la période", whose days are then "du 5 au 11 octobre
    # 2026" (one month: the first day without its month, as Formatter.days writes it)
    f = Formatter("fr")
    assert f.joined("Vues qu'en 5–11 octobre 2026", _RANGE, days=True) == (
        "Vues que sur la période du 5 au 11 octobre 2026")


def _wordings(lang: str) -> list[str]:
    """Every text the translation tables (labels.yaml, notes.yaml, quality.yaml) give ``lang``."""
    from smmanalytics.report.formatting import LANGS, _yaml

    def walk(node, here: str | None) -> list[str]:
        if isinstance(node, dict):
            return [s for k, v in node.items() for s in walk(v, k if k in LANGS else here)]
        if isinstance(node, list):
            return [s for v in node for s in walk(v, here)]
        return [node] if here == lang and isinstance(node, str) else []

    return [s for name in ("labels.yaml", "notes.yaml", "quality.yaml")
            for s in walk(_yaml(name), None)]


def _fields(text: str) -> list[str]:
    """The {placeholders} of a wording, sorted."""
    import re

    return sorted(re.findall(r"\{(\w+)\}", text))


#: labels whose French and Italian say a failed file's line and column in the reader's words
#: and its loader's message apart (Formatter.failure: {where}, {detail}), where English
#: gives the message ({reason})
_FAILURE_LABELS = {"costs_failed", "goals_failed"}
#: words French and Italian write as English does (by hand, from the tables): the loanwords
#: of social media ("story", "reel", "engagement", "brand"), the acronyms, and the words the
#: languages share ("image", "source", "video"); any other English word in a value identical
#: to the English one is a wording left untranslated
_SHARED_WORDS = {
    "fr": {"audience", "cpa", "cpc", "cpm", "date", "document", "engagement", "image",
           "impressions", "interactions", "note", "notes", "production", "provenance", "ratio",
           "reel", "roas", "roi", "sha", "short", "signal", "source", "stories", "story",
           "total"},
    "it": {"account", "benchmark", "brand", "cpa", "cpc", "cpm", "engagement", "file", "link",
           "media", "post", "reel", "roas", "roi", "sha", "short", "target", "video"},
}


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_every_label_and_quality_sentence_has_the_languages_words_and_values(lang):
    """Each key of labels.yaml's English tables has its wording in French and Italian (a key
    missing there falls back to English: the report would switch language mid-sentence), with
    the English one's {placeholders}; only the audience categories hold more keys (the
    exports' English words, which English shows as exported); quality.yaml's sentences name
    the same values too (notes.yaml: test_every_note_has_all_languages_with_the_same_values).
    No wording is left as the English one but for words the languages share."""
    import re

    from smmanalytics.report.formatting import _yaml

    labels = _yaml("labels.yaml")
    assert set(labels) == {"en", "fr", "it"}
    assert set(labels[lang]) == set(labels["en"])
    for table, words in labels["en"].items():
        theirs = labels[lang][table]
        assert set(words) - set(theirs) == set(), table
        assert table == "categories" or set(theirs) == set(words), table
        for key, english in words.items():
            if key not in _FAILURE_LABELS:
                assert _fields(theirs[key]) == _fields(english), (table, key)
            left = set(re.findall(r"[a-z]{2,}", re.sub(r"\{\w+\}", "", english).lower()))
            assert theirs[key] != english or left <= _SHARED_WORDS[lang], (table, key)
    for key in _FAILURE_LABELS:
        assert _fields(labels["en"]["labels"][key]) == ["reason"]
        assert _fields(labels[lang]["labels"][key]) == ["detail", "where"]
    for code, wording in _yaml("quality.yaml").items():
        assert _fields(wording[lang]) == _fields(wording["en"]), code
        assert wording[lang] != wording["en"], code


@pytest.mark.parametrize("lang,rejected", [
    # Italian: the metric table's invariable « impression », one word for a platform's export
    # (« esportazione », 133 of the 188 uses), « ricavi » as the ROI table says
    ("it", r"\bimpressioni\b|\bexport\b|\bentrate\b"),
    # French: « chiffre d'affaires » as the ROI table says (« revenu » is income)
    ("fr", r"\brevenus?\b"),
])
def test_each_metric_has_one_name_in_the_translation_tables(lang, rejected):
    """A report named one figure twice (« Le impressioni » under the table headed
    « Impression », « revenu 0 » under « Chiffre d'affaires attribué »): a manager could not
    tell whether the two words meant the same figure."""
    import re

    found = [s for s in _wordings(lang) if re.search(rejected, s)]
    assert found == []


def test_no_french_wording_keeps_an_ordinary_space_before_high_punctuation_or_percent():
    """French sets a no-break space before « % » (U+00A0, as Babel's percentages do) and a
    narrow one before « : ; ! ? » (U+202F); the wordings keep an ordinary space, which
    Formatter.typeset, the one mechanism, replaces in every block of a report. Four fixed
    labels (« Intervalle à 95 % », « intervalle à 90 % » twice, the comparison's caption)
    kept theirs before « % », against the 84 percentages of the French Q3 report (s54RQ):
    a line could break between the figure and its sign."""
    import re

    f = Formatter("fr")
    left = [s for s in _wordings("fr") if re.search(r" [%:;!?]", f.typeset(s))]
    assert left == []
    assert f.typeset(f.label("interval")) == "Intervalle à 95\u00a0%"
    assert f.typeset("le taux : 95 % !") == "le taux\u202f: 95\u00a0%\u202f!"
    assert Formatter("it").typeset("95 %") == "95 %"         # Italian has no such space


def test_the_ratio_column_is_not_named_like_the_report():
    """« Rapport » headed the benchmarks' ratio column of a « Rapport mensuel »."""
    assert Formatter("fr").label("ratio") == "Ratio"


@pytest.mark.parametrize("lang, said", [
    ("en", "Post types the table does not list were read by their word: “image ig” as image"),
    ("fr", "Des types de publication absents de la table ont été lus d'après leur mot : "
           "« image ig » comme image"),
    ("it", "Tipi di post assenti dalla tabella sono stati letti dalla loro parola: «image ig» "
           "come immagine"),
])
def test_a_post_type_read_by_its_word_is_quoted_as_the_export_wrote_it(tmp_path, lang, said):
    """A French Instagram export whose posts are of type "Image IG" (not in the table of post
    types: read by its word, "image"): the quality line quoted Italian's "Carosello IG as a
    carousel" whatever the files said. It quotes the type the loader read (lower-cased, as
    its note and `smm inspect` say it: 'image ig' as 'image') and names the format the
    report's way (Italian "immagine")."""
    from smmanalytics import read_export

    head = ("Identifiant de la publication,ID du compte,Nom de profil du compte,Nom du compte,"
            "Description,Durée (s),Heure de publication,Permalien,Type de publication,"
            "Commentaire des données,Date,Vues,Couverture,Mentions J’aime,Partages,"
            "Followers en plus,Commentaires,Enregistrements")
    row = ("449679466406847959,17841400000000001,ondine,Ondine,Toussaint,0,10/01/2026 00:00,"
           "https://www.instagram.com/p/Dd8UpjTgDA5/,Image IG,,Total,1560,822,121,7,1,2,2")
    path = tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-03.csv"
    path.write_text(f"{head}\n{row}\n", encoding="utf-8-sig")
    [note] = [q for q in read_export(path).attrs["quality"] if q["code"] == "post_type_by_word"]
    assert Formatter(lang).quality("post_type_by_word", note["message"]) == said


@pytest.mark.parametrize("lang,expected", [
    # compare's caveat of a platform's row (_no_followers_net) and of the whole brand's: the
    # platforms a sentence names are a list ("and", "et", "e"), each by its name; they read
    # "the Instagram, LinkedIn exports", and the row's lowercase "instagram, linkedin exports"
    ("en", ["The data hold no net follower figures: the Instagram and LinkedIn exports count "
            "new followers only, so net new followers are not compared.",
            "Instagram, LinkedIn and TikTok exports count new followers only: net change "
            "unknown"]),
    ("fr", ["Les données ne contiennent aucun chiffre d'abonnés nets : les exports Instagram "
            "et LinkedIn ne comptent que les nouveaux abonnés, les abonnés gagnés (net) ne "
            "sont donc pas comparés.",
            "les exports Instagram, LinkedIn et TikTok ne comptent que les nouveaux abonnés : "
            "variation nette inconnue"]),
    ("it", ["I dati non contengono alcun dato sui follower netti: le esportazioni di "
            "Instagram e LinkedIn contano solo i nuovi follower, quindi i nuovi follower "
            "(netti) non sono confrontati.",
            "le esportazioni Instagram, LinkedIn e TikTok contano solo i nuovi follower: "
            "variazione netta sconosciuta"])])
def test_the_new_followers_caveat_lists_its_platforms(lang, expected):
    f = Formatter(lang)
    assert [f.note("The data hold no net follower figures: the instagram, linkedin exports "
                   "count new followers only, so net followers are not compared."),
            f.note("instagram, linkedin, tiktok exports count new followers only: net change "
                   "unknown")] == expected
    assert not f.untranslated


@pytest.mark.parametrize("lang,said", [
    ("en", ["export whose date is known", "modified last", "modification date"]),
    ("fr", ["l'export dont la date est connue", "modifié en dernier",
            "date de modification"]),
    ("it", ["esportazione di cui è nota la data", "modificata per ultima",
            "data di modifica"]),
])
def test_a_merge_a_guessed_snapshot_decided_says_which_figures_were_kept(lang, said):
    """snapshot_merged_guessed (_merge: a copy's rows met a dated export's) says in every
    language which export's figures are kept and why a copy's modification date is no
    export date: a French or Italian wording copied from another code's (the accounts
    notes') would pass the guards of fields and languages above."""
    text = Formatter(lang).quality("snapshot_merged_guessed", "")
    assert all(words in text for words in said), text
