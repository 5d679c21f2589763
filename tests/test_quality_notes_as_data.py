"""Structured quality notes and wording left by stop 58.

- ``expected_metric_missing`` keeps its facts as data (``missing_metrics``): the report read
  them back from the English message with a regular expression, so a reworded message would
  have emptied the data-quality row's metrics and advice without a word.
- ``costs_one_off_first``'s row names the categories as the cost tables do ("Production",
  "Labour"), not costs.csv's codes; ``account_unchecked``'s says what was not checked and
  what to do; a goal note lower-cases its metric mid-sentence in English too; the cover's
  article follows the platform ("an Instagram account"); a one-day comparison prints one date.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.periods import parse_period
from smmanalytics.quality import MissingMetrics, QualityLog, a_or_an
from smmanalytics.report import sections
from smmanalytics.report.formatting import Formatter
from smmanalytics.report.performance import PerformanceSections
from smmanalytics.report.sections import quality_groups
from tests._helpers import ig_export
from tests._roi_builders import costs_file

#: the English row of Instagram's reach missing with a column to rename (quality.yaml's
#: expected_metric_missing, its {metrics} and {consequence} filled by hand)
REACH_ROW = ("The file has no column for reach, which every export of its kind gives: this "
             "metric is left empty, as are the rates built on it; if the file holds one under "
             "a header not known yet (among its columns not used, which the data-quality log "
             "lists), a synonyms.csv in the brand folder can name it, one row per column: "
             "meta,reach,en,<its header>")


def _ig_renamed_reach(folder: Path) -> Path:
    """ig_export's one post with its ``Reach`` headed ``Accounts reached``."""
    folder.mkdir()
    lines = ig_export(100).splitlines()
    lines[0] = lines[0].replace("Reach", "Accounts reached", 1)
    path = folder / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _facts(path: Path) -> list[MissingMetrics]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = smm.load(path).quality          # through the parse cache (conftest's folder)
    return q.loc[q["code"] == "expected_metric_missing", "missing_metrics"].tolist()


def test_the_facts_of_a_missing_metric_come_back_from_the_parse_cache(tmp_path):
    """Parsed, then read from the cache: the same facts (reach missing, one synonyms.csv
    row, a column left unread)."""
    path = _ig_renamed_reach(tmp_path / "b")
    first, again = _facts(path), _facts(path)
    assert first == again == [MissingMetrics((("reach",),), from_total=False, all_read=False,
                                             rows=("meta,reach,en,<its header>",))]


def test_the_row_is_worded_from_the_facts_not_the_message():
    """A message reworded (here: nothing like the loader's) gives the same sentence."""
    facts = MissingMetrics((("reach",),), rows=("meta,reach,en,<its header>",))
    f = Formatter("en")
    assert f.quality("expected_metric_missing", "reach: gone", missing=facts) == REACH_ROW
    assert not f.untranslated


def test_a_note_of_an_older_cache_without_facts_loads_and_gets_the_general_sentence():
    """An entry stored before the field (no ``missing_metrics`` key, nor ``columns`` or
    ``posts``), or with it malformed, loads: the frame holds None and the row its general
    sentence, never the English message on an Italian report."""
    log = QualityLog()
    log.extend([{"file": "a.csv", "level": "warning", "code": "expected_metric_missing",
                 "message": "no column of reach in a.csv …", "rows": None, "sheet": None},
                {"file": "b.csv", "level": "warning", "code": "expected_metric_missing",
                 "message": "no column of reach in b.csv …", "rows": None, "sheet": None,
                 "missing_metrics": {"rows": []}}])
    q = log.to_frame()
    assert q["missing_metrics"].tolist() == [None, None]
    groups = quality_groups(q)
    assert groups["files"].tolist() == [2]            # one row: the same (unknown) facts
    f = Formatter("it")
    text = f.quality("expected_metric_missing", groups["example"][0],
                     missing=groups["missing"][0])
    assert text.startswith("Il file non ha alcuna colonna per una delle sue metriche, che")
    assert not f.untranslated


@pytest.mark.parametrize("lang,said", [
    ("en", "The costs file starts with a one-off line (“Production”, line 2) (a shoot, a "
           "week of ads) a month or more before its first lines entered month by month "
           "(“Labour”);"),
    ("fr", "Le fichier des coûts commence par une ligne ponctuelle (« Production », ligne 2) "
           "(un shooting, une semaine de publicité) un mois ou plus avant ses premières "
           "lignes saisies mois par mois (« Temps de travail ») ;"),
    ("it", "Il file dei costi inizia con una riga una tantum («Produzione», riga 2)"),
])
def test_a_one_off_first_line_is_named_by_its_category_label(tmp_path, lang, said):
    """costs.csv: a shoot on 10 March 2026 (line 2, production), labour from July: the
    row names "Production" and "Labour" as the cost tables do (labels.yaml cat_*), where the
    log's message says costs.csv's codes ("(production)", "no labor")."""
    from smmanalytics.roi import read_costs

    body = ("2026-03-10,2026-03-11,production,900,,,,,,shoot\n"
            + "".join(f"2026-{m:02d},,labor,2000,,,,,,\n" for m in range(7, 11)))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        costs = read_costs(costs_file(tmp_path, body))
    (message,) = [str(w.message) for w in caught
                  if getattr(w.message, "code", "") == "costs_one_off_first"]
    f = Formatter(lang)
    report = SimpleNamespace(fmt=f, ds=SimpleNamespace(costs=costs))
    named = PerformanceSections.costs_one_off_named(report)
    text = f.quality("costs_one_off_first", message, **named)
    assert text.startswith(said)
    assert "labor" not in text and "production" not in text


def test_a_one_off_first_row_without_costs_to_name_speaks_in_general():
    """No costs to name them from (a caller other than the quality table): the fields are
    left out, never a raw "{opening}"."""
    text = Formatter("en").quality("costs_one_off_first", "costs.csv starts on …")
    assert text.startswith("The costs file starts with a one-off line (a shoot, a week of "
                           "ads) a month or more before its first lines entered month by "
                           "month; the months between")


@pytest.mark.parametrize("lang,what,fix", [
    ("en", "nothing shows whether they are that account's or another's",
     "add that header to a synonyms.csv in the brand folder"),
    ("fr", "rien ne montre qu'elles sont celles de ce compte plutôt que d'un autre",
     "ajoutez cet en-tête à un synonyms.csv dans le dossier de la marque"),
    ("it", "nulla mostra se sono di quell'account o di un altro",
     "aggiungere quell'intestazione a un synonyms.csv nella cartella del marchio"),
])
def test_the_unchecked_account_row_says_what_was_not_checked_and_what_to_do(lang, what, fix):
    f = Formatter(lang)
    text = f.quality("account_unchecked", "1 facebook post names no account …")
    assert what in text and fix in text and "brand.yaml" in text
    assert not f.untranslated


@pytest.mark.parametrize("word,said", [
    ("Instagram", "an Instagram"), ("Facebook", "a Facebook"), ("X", "an X"),
    ("LinkedIn", "a LinkedIn"), ("YouTube Studio", "a YouTube Studio"),
    ("Google Analytics 4", "a Google Analytics 4"),
    ("Meta Business Suite", "a Meta Business Suite"),
])
def test_the_article_follows_the_word(word, said):
    assert a_or_an(word) == said


@pytest.mark.parametrize("lang,line", [
    ("en", "Warning: brand.yaml names an Instagram account, but no Instagram export was "
           "found: its figures are missing from this report (unknown, not 0)."),
    ("fr", "Attention : brand.yaml déclare un compte Instagram, mais aucun export Instagram "
           "n'a été trouvé : ses chiffres manquent à ce rapport (inconnus, pas 0)."),
])
def test_the_cover_names_an_instagram_account(monkeypatch, lang, line):
    """brand.yaml names Instagram and X, neither exported: "an Instagram", "an X"."""
    monkeypatch.setattr(sections, "declared_unexported", lambda ds: ["instagram", "x"])
    monkeypatch.setattr(sections, "data_days", lambda ds, start, end: None)
    f = Formatter(lang)
    _, missing = sections._coverage_lines(None, parse_period("2026-10"), f)
    missing = [f.prose(t) for t in missing]          # as BrandReport puts its cover lines
    assert missing[0] == line
    if lang == "en":
        assert missing[1].startswith("Warning: brand.yaml names an X account, but no X export")


def test_a_one_day_period_prints_one_date():
    """compare()'s heading of one-day periods whose days compared are themselves: each by its
    date, not "2026-10-01..2026-10-01"; a month compared over its first day: "(2026-10-01)"."""
    from smmanalytics.compare import Comparison

    day, before = parse_period("2026-10-01..2026-10-01"), parse_period("2026-09-30..2026-09-30")
    c = Comparison.__new__(Comparison)
    object.__setattr__(c, "current", day)
    object.__setattr__(c, "previous", before)
    object.__setattr__(c, "current_compared", None)
    object.__setattr__(c, "previous_compared", None)
    assert c.heading == "2026-10-01 vs 2026-09-30"
    object.__setattr__(c, "current", parse_period("2026-10"))
    object.__setattr__(c, "current_compared", day)
    assert c.heading == "2026-10 (2026-10-01) vs 2026-09-30"
    assert parse_period("2026-10").days_text == "2026-10-01..2026-10-31"


def test_the_frame_keeps_the_facts_as_a_column():
    log = QualityLog()
    facts = MissingMetrics((("views", "impressions"), ("reach",)), all_read=True)
    log.add("a.csv", "expected_metric_missing", "…", missing=facts)
    log.add("a.csv", "extra_columns", "…", level="info", columns=["x"])
    assert log.to_frame()["missing_metrics"].tolist() == [facts, None]
    assert isinstance(log.to_frame(), pd.DataFrame)
