"""The data-quality table's row for a metric missing from an export (``expected_metric_missing``)
names the metric in the reader's language and gives only the advice that fits the file
(reviewer s58RI, finding 3).

An Italian GA4 export without revenue read, on an Italian report: "Una metrica presente in
ogni esportazione di questo tipo non è stata trovata …; resta vuota finché un synonyms.csv …
non ne nomina la colonna …, a meno che … (le interazioni di Facebook …)": no "ricavi", a fix
(synonyms.csv) the log's own message says cannot help (every column was read), and Facebook's
interactions on a GA4 file. Each message below is the loader's own, from a file read here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.quality import MissingMetrics
from smmanalytics.report.formatting import Formatter
from smmanalytics.report.sections import quality_groups
from tests._helpers import ig_export

GA4_IT = Path(__file__).parent / "fixtures" / "ga4" / "acquisizione_traffico_it.csv"

#: what the log's message of a Facebook export without its reactions column says once its
#: interactions were taken from its total (loaders._finish._note_from_total), as
#: test_loaders_meta's test of the sample's 3 posts asserts it
FROM_TOTAL = (
    "no column of reactions or likes ('reazioni' in Italian exports) in fb.csv, which every "
    "Meta Business Suite export of this kind has: this metric is left empty; the "
    "interactions of the 3 facebook posts were taken from the export's total column "
    "'Reactions, Comments and Shares' (by definition their sum), and the rates use them; "
    "every column of the file was read (an export of fewer columns? a column the package "
    "reads as another field cannot be renamed by synonyms.csv)")
#: the facts that note keeps as data (its ``missing_metrics``), which the row is worded from
FROM_TOTAL_FACTS = MissingMetrics((("reactions", "likes"),), from_total=True, all_read=True)


def _missing(path: Path) -> tuple[str, MissingMetrics]:
    """The message of the one ``expected_metric_missing`` note of the export at ``path``, and
    the facts it keeps as data (``missing_metrics``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = smm.load(path, cache=False).quality
    ((message, facts),) = q.loc[q["code"] == "expected_metric_missing",
                                ["message", "missing_metrics"]].itertuples(index=False)
    return message, facts


def _ig_without_reach(tmp_path: Path, header: str | None) -> Path:
    """ig_export's one post with its ``Reach`` column headed ``header`` (None: removed)."""
    lines = ig_export(100).splitlines()
    cells = [line.split(",") for line in lines]
    i = cells[0].index("Reach")
    if header is None:
        cells = [row[:i] + row[i + 1:] for row in cells]
    else:
        cells[0][i] = header
    path = tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv"
    path.write_text("\n".join(",".join(row) for row in cells) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The file has no column for revenue, which every export of its kind gives: this "
           "metric is left empty, as are the rates built on it; every column of the file was "
           "read, so a synonyms.csv cannot help: export the file again with all its columns"),
    ("fr", "Le fichier n'a aucune colonne pour le chiffre d'affaires, que tout export de ce "
           "type donne : cette mesure reste vide, de même que les taux qui en dépendent ; "
           "toutes les colonnes du fichier ont été lues, un synonyms.csv n'y peut donc rien : "
           "exportez à nouveau le fichier avec toutes ses colonnes"),
    ("it", "Il file non ha alcuna colonna per i ricavi, che ogni esportazione di questo tipo "
           "riporta: questa metrica resta vuota, come i tassi che ne dipendono; tutte le "
           "colonne del file sono state lette, quindi un synonyms.csv non serve: esportare di "
           "nuovo il file con tutte le sue colonne"),
])
def test_an_italian_ga4_export_without_revenue_is_named_and_not_sent_to_synonyms(lang,
                                                                                sentence):
    """The fixture has sessions, engaged sessions and key events but no revenue column, and
    every column is read: the row names revenue ("i ricavi", as the ROI table's "Ricavi"),
    says synonyms.csv cannot help, and says nothing of Facebook."""
    message, facts = _missing(GA4_IT)
    assert "every column of the file was read" in message     # what the row re-words
    assert facts == MissingMetrics((("revenue",),), all_read=True)
    f = Formatter(lang)
    assert f.quality("expected_metric_missing", message, missing=facts) == sentence
    assert not f.untranslated
    assert "Facebook" not in sentence


@pytest.mark.parametrize("lang,metric,fix", [
    ("en", "no column for reach,", "one row per column: meta,reach,en,<its header>"),
    ("fr", "aucune colonne pour la couverture,", "une ligne par colonne : meta,reach,en,<son "
                                                 "en-tête>"),
    ("it", "alcuna colonna per la copertura,", "una riga per colonna: meta,reach,en,<la sua "
                                              "intestazione>"),
])
def test_a_renamed_column_gets_the_synonyms_row_to_write(tmp_path, lang, metric, fix):
    """``Reach`` headed ``Accounts reached``: a column was left unread, so synonyms.csv can
    name it; the row gives the line to write (family meta, field reach, the file's language,
    English) with the header's place in the reader's words."""
    message, facts = _missing(_ig_without_reach(tmp_path, "Accounts reached"))
    assert facts == MissingMetrics((("reach",),), rows=("meta,reach,en,<its header>",))
    text = Formatter(lang).quality("expected_metric_missing", message, missing=facts)
    assert metric in text and text.endswith(fix)
    assert "synonyms.csv" in text and "Facebook" not in text


def test_a_dropped_column_says_every_column_was_read(tmp_path):
    """``Reach`` removed: nothing left to rename, so no synonyms.csv row is offered."""
    message, facts = _missing(_ig_without_reach(tmp_path, None))
    text = Formatter("it").quality("expected_metric_missing", message, missing=facts)
    assert text.startswith("Il file non ha alcuna colonna per la copertura,")
    assert "quindi un synonyms.csv non serve" in text and "una riga per colonna" not in text


@pytest.mark.parametrize("lang,start,total", [
    ("en", "The file has no column for reactions or likes,",
     "the interactions were taken from the export's own total column (reactions + comments + "
     "shares), and the rates use them"),
    ("it", "Il file non ha alcuna colonna per le reazioni o i mi piace,",
     "le interazioni sono state riprese dalla colonna del totale dell'esportazione"),
])
def test_interactions_taken_from_the_total_are_said_instead_of_empty_rates(lang, start, total):
    """A Facebook export without its reactions: its interactions came from its total, so the
    rates are not empty, and the row says so instead."""
    text = Formatter(lang).quality("expected_metric_missing", FROM_TOTAL,
                                   missing=FROM_TOTAL_FACTS)
    assert text.startswith(start) and total in text
    assert "vuota" not in text and "left empty" not in text


def test_two_files_missing_different_metrics_get_a_row_each():
    """The table had one row per code, worded from its first file's message: a second file
    missing another metric was told as the first's. Two messages, revenue (all read) and
    reach (a column to rename), give two rows of one file each."""
    ga4, ga4_facts = _missing(GA4_IT)
    reach = ("no column of reach ('reach' in English exports) in ig.csv, which every Meta "
             "Business Suite export of this kind has: this metric is left empty, and the rates "
             "built on it; 1 column not used: ['Accounts reached']. If it holds it (a column "
             "renamed in a newer export, or a language not known yet), a synonyms.csv in the "
             "brand folder can name it, one row per column under the header "
             "family,canonical,lang,header: meta,reach,en,<its header>")
    quality = pd.DataFrame({"file": ["/b/ga4.csv", "/b/ig.csv", "/b/ig2.csv"],
                            "level": "warning", "code": "expected_metric_missing",
                            "message": [ga4, reach, reach.replace("ig.csv", "ig2.csv")],
                            "rows": None})
    reach_facts = MissingMetrics((("reach",),), rows=("meta,reach,en,<its header>",))
    quality["missing_metrics"] = pd.Series([ga4_facts, reach_facts, reach_facts], dtype=object)
    groups = quality_groups(quality)
    f = Formatter("en")
    assert [(n, f.quality(c, m, missing=x).split(",")[0]) for n, c, m, x in zip(
        groups["files"], groups["code"], groups["example"], groups["missing"], strict=True)] == [
        (2, "The file has no column for reach"), (1, "The file has no column for revenue")]
