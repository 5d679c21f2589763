"""A range of days of one day, in every sentence that can receive one, reads as one day: "on
2 October 2026", "le 2 octobre 2026", "il 2 ottobre 2026" (Formatter.ranged), where it read
"from 2 October 2026 to 2 October 2026", "du 2 octobre 2026 au 2 octobre 2026", "dal 2
ottobre 2026 al 2 ottobre 2026"; the words that spoke of its days speak of one ("that day",
"ce jour-là", "quel giorno"), and a report of one day is "on", "le", "il" that day. Each
expectation is the label's or note's wording of labels.yaml / notes.yaml with the range's
words replaced by hand."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from smmanalytics.report import Formatter
from smmanalytics.report.formatting import _NOTES, _WORDING

DAY = dt.date(2026, 10, 2)
#: the labels the report fills with a range of days ({start}/{end} or {first}/{last}): all
#: those of labels.yaml but incident_days and cover_platform_gap, whose one day has its own
#: label (incident_day, cover_platform_gap_day), and totals_asof_span, no range of days
LABELS = {
    "bt_activity_later": {
        "en": "The hours the audience is online are those the exports give on 2 October 2026, "
              "after this period: no export of the period or before gives them.",
        "fr": "Les heures où l'audience est en ligne sont celles que les exports donnent pour le "
              "2 octobre 2026, après cette période : aucun export de la période ou d'avant ne "
              "les donne.",
        "it": "Le ore in cui il pubblico è online sono quelle che le esportazioni riportano per "
              "il 2 ottobre 2026, dopo questo periodo: nessuna esportazione del periodo o "
              "precedente le riporta."},
    "campaign_partly": {
        "en": "The campaign takes place on 2 October 2026; the figures here are those of "
              "{period} only.",
        "fr": "La campagne a lieu le 2 octobre 2026 ; les chiffres ci-dessous sont ceux de "
              "{period} seulement.",
        "it": "La campagna si svolge il 2 ottobre 2026; le cifre qui sotto sono solo quelle di "
              "{period}."},
    "competitors_outside": {
        "en": "No competitor figures for {period}: competitors.csv covers only 2 October 2026.",
        "fr": "Aucun chiffre de concurrent pour {period} : competitors.csv couvre le 2 octobre "
              "2026.",
        "it": "Nessun dato dei concorrenti per {period}: competitors.csv copre il 2 ottobre "
              "2026."},
    "competitors_partial": {
        "en": "Competitors' figures of 2 October 2026 only: competitors.csv does not cover the "
              "rest of {period}. The brand's figures here are those of the same day.",
        "fr": "Chiffres des concurrents le 2 octobre 2026 seulement : competitors.csv ne couvre "
              "pas le reste de {period}. Ceux de la marque portent ici sur le même jour.",
        "it": "Dati dei concorrenti solo il 2 ottobre 2026: competitors.csv non copre il resto "
              "di {period}. Quelli del brand qui riguardano lo stesso giorno."},
    "competitors_partial_fewer": {
        "en": "Competitors' figures of 2 October 2026 only: competitors.csv does not cover the "
              "rest of {period}. The brand's figures here are those of the same day, but its "
              "posts per week count only the days its posts exports cover: those they leave "
              "out are named under the table.",
        "fr": "Chiffres des concurrents le 2 octobre 2026 seulement : competitors.csv ne couvre "
              "pas le reste de {period}. Ceux de la marque portent ici sur le même jour, mais "
              "ses publications par semaine ne comptent que les jours que couvrent ses exports "
              "de publications : ceux qu'ils laissent de côté sont nommés sous le tableau.",
        "it": "Dati dei concorrenti solo il 2 ottobre 2026: competitors.csv non copre il resto "
              "di {period}. Quelli del brand qui riguardano lo stesso giorno, ma i suoi post a "
              "settimana contano solo i giorni coperti dalle sue esportazioni dei post: quelli "
              "che esse non coprono sono indicati sotto la tabella."},
    "competitors_days": {"en": "2 October 2026", "fr": "le 2 octobre 2026",
                         "it": "il 2 ottobre 2026"},
    "period_days": {"en": "on 2 October 2026", "fr": "le 2 octobre 2026",
                    "it": "il 2 ottobre 2026"},
    "costs_partly": {
        "en": "costs.csv covers only 2 October 2026 of {period}: all costs, subscriptions "
              "included, are counted over that day alone.",
        "fr": "costs.csv ne couvre {period} que le 2 octobre 2026 : tous les coûts, abonnements "
              "compris, ne sont comptés que sur ce jour-là.",
        "it": "costs.csv copre {period} solo il 2 ottobre 2026: tutti i costi, abbonamenti "
              "compresi, sono contati solo su quel giorno."},
    "costs_uncovered": {
        "en": "costs.csv covers only 2 October 2026, outside {period}: costs, ROI, ROAS and CPA "
              "are unknown (–), not zero.",
        "fr": "costs.csv porte sur le 2 octobre 2026 et ne couvre pas {period} : coûts, ROI, "
              "ROAS et CPA sont inconnus (–), pas nuls.",
        "it": "costs.csv riguarda il 2 ottobre 2026, fuori da {period}: costi, ROI, ROAS e CPA "
              "sono sconosciuti (–), non zero."},
    "cover_period_partial": {
        "en": "Warning: the data cover 2 October 2026 only, {days} of the period's {total} "
              "days: its totals are not those of the whole period.",
        "fr": "Attention : les données ne couvrent que le 2 octobre 2026, {days} des {total} "
              "jours de la période : ses totaux ne sont pas ceux de la période entière.",
        "it": "Attenzione: i dati coprono solo il 2 ottobre 2026, {days} giorni su {total} "
              "del periodo: i suoi totali non sono quelli dell'intero periodo."},
    "kpis_partly": {
        "en": "The exports cover {period} only on 2 October 2026: these figures count the posts "
              "of that day.",
        "fr": "Les exports ne couvrent {period} que le 2 octobre 2026 : ces chiffres ne comptent "
              "que les publications de ce jour-là.",
        "it": "Le esportazioni coprono {period} solo il 2 ottobre 2026: questi dati contano solo "
              "i post di quel giorno."},
}


def _ends(template: str) -> tuple[str, str]:
    return ("start", "end") if "{start}" in template else ("first", "last")


@pytest.mark.parametrize("key,lang", [(k, lang) for k in LABELS for lang in ("en", "fr", "it")])
def test_each_label_of_a_range_says_one_day_as_one(key, lang):
    f = Formatter(lang)
    label = f.label(key)
    assert f.prose(f.ranged(label, DAY, DAY, _ends(label))) == LABELS[key][lang]


def test_every_label_with_a_range_of_days_is_checked():
    """A new label with a range of days is added to LABELS (or to the ones with their own
    one-day label), so that its one day is read too."""
    own = {"incident_days", "cover_platform_gap", "cover_ga4_gap", "totals_asof_span"}
    ranged = {k for k, v in _WORDING["en"]["labels"].items() if isinstance(v, str)
              and ({"{start}", "{end}"} <= set(re.findall(r"\{\w+\}", v))
                   or {"{first}", "{last}"} <= set(re.findall(r"\{\w+\}", v)))}
    assert ranged == set(LABELS) | own


@pytest.mark.parametrize("lang,day,expected", [
    # French and Italian write the first of a month as an ordinal; Italian elides "il" before
    # 8 and 11 in the report's prose
    ("fr", dt.date(2026, 10, 1), "ne couvre que le 1er octobre 2026"),
    ("it", dt.date(2026, 10, 1), "copre solo il 1° ottobre 2026"),
    ("it", dt.date(2026, 10, 8), "copre solo l'8 ottobre 2026"),
    ("it", dt.date(2026, 10, 11), "copre solo l'11 ottobre 2026"),
    ("en", dt.date(2026, 10, 1), "covers only 1 October 2026")])
def test_one_day_is_written_as_each_language_writes_a_date(lang, day, expected):
    template = {"en": "covers only {start} to {end}", "fr": "ne couvre que du {start} au {end}",
                "it": "copre solo dal {start} al {end}"}[lang]
    f = Formatter(lang)
    assert f.prose(f.ranged(template, day, day)) == expected


def test_a_range_of_several_days_reads_as_before():
    # the ends' shared month and year said once (Formatter.days), by hand
    f = Formatter("fr")
    assert f.ranged(f.label("period_days"), dt.date(2026, 10, 2), dt.date(2026, 10, 9)) == \
        "du 2 au 9 octobre 2026"


#: the notes with a range of days (notes.yaml: {start} and {end} dates), as the API writes
#: them with one day, and what each language reads (the "known on {n} of {m} days" notes give
#: a single day as "({date})" themselves)
NOTES = {
    "no GA4 export covers 2026-10-02 to 2026-10-02": (
        "no GA4 export covers 2 October 2026", "aucun export GA4 ne couvre le 2 octobre 2026",
        "nessuna esportazione GA4 copre il 2 ottobre 2026"),
    "no GA4 export of Shop covers 2026-10-02 to 2026-10-02": (
        "no GA4 export of Shop covers 2 October 2026",
        "aucun export GA4 de Shop ne couvre le 2 octobre 2026",
        "nessuna esportazione GA4 di Shop copre il 2 ottobre 2026"),
    "costs.csv runs from 2026-10-02 to 2026-10-02, outside 2026-11: costs unknown": (
        "costs.csv covers only 2 October 2026, outside November 2026: costs unknown",
        "costs.csv porte sur le 2 octobre 2026 et ne couvre pas novembre 2026 : coûts inconnus",
        "costs.csv riguarda il 2 ottobre 2026, fuori da novembre 2026: costi sconosciuti"),
    "GA4 data run over 2026-10 from 2026-10-02 to 2026-10-02 only: traffic outside those days "
    "is not in them": (
        "GA4 data cover only 2 October 2026 of October 2026: traffic outside that day is not in "
        "them",
        "les données GA4 ne couvrent octobre 2026 que le 2 octobre 2026 : le trafic hors de ce "
        "jour-là n'y figure pas",
        "i dati GA4 coprono ottobre 2026 solo il 2 ottobre 2026: il traffico fuori da quel "
        "giorno non vi figura"),
    "costs.csv runs over 2026-10 from 2026-10-02 to 2026-10-02 only: all costs, subscriptions "
    "included, are counted over those days alone": (
        "costs.csv covers only 2 October 2026 of October 2026: all costs, subscriptions "
        "included, are counted over that day alone",
        "costs.csv ne couvre octobre 2026 que le 2 octobre 2026 : tous les coûts, abonnements "
        "compris, ne sont comptés que sur ce jour-là",
        "costs.csv copre ottobre 2026 solo il 2 ottobre 2026: tutti i costi, abbonamenti "
        "compresi, sono contati solo su quel giorno"),
    "roi, roas and cpa set GA4's figures against the costs from 2026-10-08 to 2026-10-08 "
    "alone, the days of 2026-10 both GA4 data and costs.csv cover": (
        "ROI, ROAS and CPA set GA4's figures against the costs of 8 October 2026 alone, the "
        "only day of October 2026 both GA4 data and costs.csv cover",
        "ROI, ROAS et CPA rapportent les chiffres de GA4 aux seuls coûts du 8 octobre 2026, le "
        "seul jour d'octobre 2026 couvert à la fois par les données GA4 et par costs.csv",
        "ROI, ROAS e CPA rapportano i dati di GA4 ai soli costi dell'8 ottobre 2026, l'unico "
        "giorno di ottobre 2026 coperto sia dai dati GA4 sia da costs.csv"),
    "roi, roas and cpa set GA4's figures from 2026-10-08 to 2026-10-08 alone against the "
    "costs of those days, the days of 2026-10 both GA4 data and costs.csv cover": (
        "ROI, ROAS and CPA set GA4's figures of 8 October 2026 alone against the costs of that "
        "day, the only day of October 2026 both GA4 data and costs.csv cover",
        "ROI, ROAS et CPA rapportent les seuls chiffres de GA4 du 8 octobre 2026 aux coûts de "
        "ce jour-là, le seul jour d'octobre 2026 couvert à la fois par les données GA4 et par "
        "costs.csv",
        "ROI, ROAS e CPA rapportano i soli dati di GA4 dell'8 ottobre 2026 ai costi di quel "
        "giorno, l'unico giorno di ottobre 2026 coperto sia dai dati GA4 sia da costs.csv"),
    "the brand's posts cover only 2026-10-02..2026-10-02 of 2026-10": (
        "the brand's posts of October 2026 cover only 2 October 2026",
        "les publications de la marque en octobre 2026 ne couvrent que le 2 octobre 2026",
        "a ottobre 2026 i post del brand coprono solo il 2 ottobre 2026"),
}


@pytest.mark.parametrize("note", list(NOTES))
def test_notes_with_a_range_say_one_day_as_one(note):
    for lang, expected in zip(("en", "fr", "it"), NOTES[note], strict=True):
        f = Formatter(lang)
        assert f.note(note) == expected, lang
        assert not f.untranslated


#: the words of a range left before its day (French "du" is also "of the": "aux seuls coûts
#: du 2 octobre") and after it
_BEFORE = {"en": r"\b(?:from|period)\s*$", "fr": r"\bpériode\s*$",
           "it": r"\b(?:dal|periodo)\s*$"}
_AFTER = {"en": r"\s*to\b", "fr": r"\s*au\b", "it": r"\s*al\b"}


def test_every_note_with_a_range_of_days_names_one_day_once():
    """Each note of notes.yaml whose {start} and {end} are days, given one day (2026-10-02),
    names it once, with no word of a range left around it ("du … au", "dal … al", "from …
    to"): 23 notes (2 of them the posts exports' gaps, 2 GA4's days an unread export may
    hold, 1 the days a platform's net follower change is known), the 8 "known on {n} of {m}
    days" ones left out (theirs is "({date})")."""
    values = {"metric": "reach", "n": "3", "m": "5", "platform": "instagram", "account": "a",
              "period": "2026-11", "previous": "2026-09", "date": "2026-10-05",
              "property": "Shop", "weeks": "4", "files": "ga4_2026-10.csv"}
    notes = [" ".join(n["en"].split()) for _, n in _NOTES
             if {"{start}", "{end}"} <= set(re.findall(r"\{\w+\}", n["en"]))
             and "{tz}" not in n["en"] and "known on {n} of {m} days" not in n["en"]]
    assert len(notes) == 23
    said = {"en": "2 October 2026", "fr": "2 octobre 2026", "it": "2 ottobre 2026"}
    for template in notes:
        note = template.format(**{k: values.get(k, "2026-10-02")
                                  for k in re.findall(r"\{(\w+)\}", template)})
        for lang in ("en", "fr", "it"):
            f = Formatter(lang)
            text = f.note(note)
            assert not f.untranslated, note
            assert text.count(said[lang]) == 1, (lang, text)
            around = text.split(said[lang])
            assert not re.search(_BEFORE[lang], around[0]), (lang, text)
            assert not re.match(_AFTER[lang], around[1]), (lang, text)


@pytest.mark.parametrize("lang,text,expected", [
    # a competitor's figures for one day, against a report of October: the period's article
    # is a date's ("le", "il": "du", "del"), not "the period"'s
    ("en", "a longer period than 2 October 2026", "a longer period than 2 October 2026"),
    ("fr", "plus longue que 2 octobre 2026", "plus longue que le 2 octobre 2026"),
    ("fr", "les lignes de 2 octobre 2026", "les lignes du 2 octobre 2026"),
    ("it", "più lungo di 8 ottobre 2026", "più lungo dell'8 ottobre 2026")])
def test_a_period_of_one_day_joins_as_a_date(lang, text, expected):
    day = "2026-10-08..2026-10-08" if "8" in text else "2026-10-02..2026-10-02"
    f = Formatter(lang)
    assert f.prose(f.joined(text, day, days=True)) == expected


@pytest.mark.parametrize("lang,day,text", [
    ("en", "2026-02-10", "The exports cover February 2026 only on 10 February 2026: these "
                         "figures count the posts of that day."),
    ("fr", "2026-02-01", "Les exports ne couvrent février 2026 que le 1er février 2026 : ces "
                         "chiffres ne comptent que les publications de ce jour-là."),
    ("it", "2026-02-08", "Le esportazioni coprono febbraio 2026 solo l'8 febbraio 2026: questi "
                         "dati contano solo i post di quel giorno.")])
def test_key_figures_of_one_day_of_data_say_that_day(lang, day, text):
    """A month whose exports hold the posts of one day (one post at 09:00 UTC, that day in
    Paris too): the key figures said "from 10 February 2026 to 10 February 2026"."""
    from smmanalytics.report import BrandReport

    from ._roi_builders import dataset, posts

    ds = dataset(posts=posts([{"platform": "instagram", "post_id": "1", "reactions": 5.0,
                               "published_at": f"{day}T09:00:00Z"}]))
    sec = BrandReport(ds, "2026-02", lang=lang).kpi_table()
    assert [b["text"] for b in sec.blocks if b["kind"] == "text"] == [text]


def test_a_range_of_several_days_keeps_its_days_plural():
    # "ces jours" speaks of 2 to 9 October, several days: only one day is "ce jour-là"
    f = Formatter("fr")
    assert f.ranged(f.label("kpis_partly"), dt.date(2026, 10, 2), dt.date(2026, 10, 9),
                    ("first", "last")) == (
        "Les exports ne couvrent {period} que du 2 au 9 octobre 2026 : ces chiffres ne comptent "
        "que les publications de ces jours.")


@pytest.mark.parametrize("note,lang,expected", [
    # a report of one day (`smm report --period 2026-10-02..2026-10-02`, the form the CLI's
    # error on "2026-10-02" gives): "in", "en", "in {period}" said of a date, where French
    # read "au 2 octobre 2026" (en + le, as "au T4 2026") and Italian "nel 2 ottobre 2026"
    ("no instagram posts in 2026-10-02..2026-10-02", "en",
     "no Instagram posts on 2 October 2026"),
    ("no instagram posts in 2026-10-02..2026-10-02", "fr",
     "aucune publication Instagram le 2 octobre 2026"),
    ("no instagram posts in 2026-10-02..2026-10-02", "it",
     "nessun post Instagram il 2 ottobre 2026"),
    # and a quarter keeps its join: "au T4 2026", "nel 4° trimestre 2026"
    ("no instagram posts in 2026-Q4", "fr", "aucune publication Instagram au T4 2026"),
    ("no instagram posts in 2026-Q4", "it", "nessun post Instagram nel 4° trimestre 2026")])
def test_a_report_of_one_day_is_in_it_as_a_date(note, lang, expected):
    f = Formatter(lang)
    assert f.note(note) == expected
    assert not f.untranslated


@pytest.mark.parametrize("lang,text", [
    ("en", "benchmark measured over 1 January – 31 December 2024, brand on 2 October 2026"),
    ("fr", "référence mesurée du 1er janvier au 31 décembre 2024, marque mesurée le 2 octobre "
           "2026"),
    ("it", "riferimento misurato dal 1° gennaio al 31 dicembre 2024, brand misurato il 2 "
           "ottobre 2026")])
def test_the_benchmarks_of_a_one_day_report_say_its_day(lang, text):
    """A report of 2 October 2026 alone, one Instagram post that day: the benchmark's footnote
    (of 2024, the packaged table's) read "marque mesurée au 2 octobre 2026", "brand misurato
    nel 2 ottobre 2026", and in English "brand over 2 October 2026" (a day is not a stretch
    of time to measure over)."""
    from smmanalytics.report import BrandReport

    from ._roi_builders import dataset, posts

    ds = dataset(posts=posts([{"platform": "instagram", "post_id": "1", "reactions": 5.0,
                               "published_at": "2026-10-02T09:00:00Z"}]))
    sec = BrandReport(ds, "2026-10-02..2026-10-02", lang=lang).benchmarks()
    notes = [i for b in sec.blocks if b["kind"] == "bullets" for i in b["items"]]
    assert notes[-1] == text


@pytest.mark.parametrize("lang,day,expected", [
    # "brand over {period}" of benchmarks.py's note, its period a day: English measures over
    # a stretch of days and on a day; French and Italian say the day with its article
    ("en", "2026-10-08", "benchmark measured over 1 January – 31 December 2025, brand on 8 "
                         "October 2026"),
    ("fr", "2026-10-08", "référence mesurée du 1er janvier au 31 décembre 2025, marque mesurée "
                         "le 8 octobre 2026"),
    ("it", "2026-10-08", "riferimento misurato dal 1° gennaio al 31 dicembre 2025, brand "
                         "misurato l'8 ottobre 2026"),
    # several days stay "over the period"
    ("en", "2026-10-02..2026-10-08", "benchmark measured over 1 January – 31 December 2025, "
                                     "brand over the period 2–8 October 2026")])
def test_the_benchmark_note_measures_the_brand_on_its_one_day(lang, day, expected):
    period = day if ".." in day else f"{day}..{day}"
    note = f"benchmark measured over 2025-01-01..2025-12-31, brand over {period}"
    assert Formatter(lang).note(note) == expected


@pytest.mark.parametrize("lang,period,expected", [
    # a date after "jusqu'au", "fino al", "a": the preposition joined to the day's article,
    # elided before "8" in Italian, and Italian's "a" before a month said with an a ("ad")
    ("fr", "2026-10-02", "GA4 ne donne que des totaux mensuels : comptés en entier jusqu'au 2 "
                         "octobre 2026, le reste d'octobre 2026 projeté d'après le rythme "
                         "quotidien moyen de 3 mois"),
    ("fr", "2026-10-01", "GA4 ne donne que des totaux mensuels : comptés en entier jusqu'au "
                         "1er octobre 2026, le reste d'octobre 2026 projeté d'après le rythme "
                         "quotidien moyen de 3 mois"),
    ("it", "2026-10-02", "GA4 fornisce solo totali mensili: contati per intero fino al 2 "
                         "ottobre 2026, il resto di ottobre 2026 proiettato sul ritmo "
                         "giornaliero di 3 mesi"),
    ("it", "2026-10-08", "GA4 fornisce solo totali mensili: contati per intero fino all'8 "
                         "ottobre 2026, il resto di ottobre 2026 proiettato sul ritmo "
                         "giornaliero di 3 mesi"),
    ("it", "2026-10-01", "GA4 fornisce solo totali mensili: contati per intero fino al 1° "
                         "ottobre 2026, il resto di ottobre 2026 proiettato sul ritmo "
                         "giornaliero di 3 mesi")])
def test_a_date_after_until_takes_the_article_of_a_day(lang, period, expected):
    note = (f"GA4 has monthly totals only: counted in full to {period}, the rest of 2026-10 "
            "projected from the daily rate of 3 months")
    assert Formatter(lang).note(note) == expected


@pytest.mark.parametrize("lang,period,expected", [
    ("fr", "2026-10-02..2026-10-02", "les exports Instagram lus n'atteignent pas le 2 octobre "
                                     "2026 : publications inconnues, pas 0"),
    ("it", "2026-10-02..2026-10-02", "le esportazioni Instagram lette non arrivano al 2 "
                                     "ottobre 2026: post sconosciuti, non 0"),
    ("it", "2026-10-08..2026-10-08", "le esportazioni Instagram lette non arrivano all'8 "
                                     "ottobre 2026: post sconosciuti, non 0"),
    ("it", "2026-10-01..2026-10-01", "le esportazioni Instagram lette non arrivano al 1° "
                                     "ottobre 2026: post sconosciuti, non 0"),
    # a month takes no article; before "agosto" Italian's "a" is "ad" (it read "a agosto")
    ("it", "2026-08", "le esportazioni Instagram lette non arrivano ad agosto 2026: post "
                      "sconosciuti, non 0"),
    ("it", "2026-10", "le esportazioni Instagram lette non arrivano a ottobre 2026: post "
                      "sconosciuti, non 0")])
def test_a_period_after_to_joins_as_the_language_does(lang, period, expected):
    note = f"the instagram exports read do not reach {period}: posts unknown, not 0"
    assert Formatter(lang).note(note) == expected
