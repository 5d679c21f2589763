"""Posts whose export names no account are counted as the brand's: the cover, `smm report` and
the batch's summary say so (reviewer s58RI, finding 5).

The fixture (tests/fixtures/s54RIF_italian_page) is two Italian Facebook post exports of
October 2026, 18 posts each, the brand's and a rival Page's, whose ``ID della Pagina`` is not
read: 36 posts counted as the trattoria's. The data-quality section said so (an
``account_unchecked`` warning per file); the cover's warnings, `smm report` and the batch,
which said ``ok``, said nothing."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics import cli, runner
from smmanalytics.report import BrandReport

FIXTURE = Path(__file__).parent / "fixtures" / "s54RIF_italian_page"
OWN = "facebook_contenuti_2026-10-01_2026-10-31_2026-11-02.csv"
RIVAL = "facebook_contenuti_rivale_2026-10-01_2026-10-31_2026-11-02.csv"


def _load(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return smm.load(path)


@pytest.fixture(scope="module")
def ds():
    return _load(FIXTURE)


# 18 + 18 = 36 posts of October, both files' (each has 18 data lines, all in October)
@pytest.mark.parametrize("lang,line", [
    ("en", f"Warning: 36 posts of this report name no account in their export ({OWN}, {RIVAL}): "
           "whether they are the brand's could not be checked, and they are counted as such, "
           "so the post counts may include another account's posts (see Data quality)."),
    ("fr", "Attention : 36 publications de ce rapport n'indiquent pas de compte dans leur "
           f"export ({OWN}, {RIVAL}) : impossible de vérifier qu'elles sont celles de la "
           "marque, et elles sont comptées comme telles ; les nombres de publications "
           "peuvent donc inclure des publications d'un autre compte (voir Qualité des "
           "données)."),
    ("it", "Attenzione: 36 post di questo rapporto non indicano l'account nella loro "
           f"esportazione ({OWN}, {RIVAL}): non è stato possibile verificare che siano del "
           "marchio e sono contati come tali, quindi i conteggi dei post possono includere "
           "post di un altro account (vedi Qualità dei dati)."),
])
def test_the_cover_says_the_posts_whose_account_was_not_checked(ds, lang, line):
    # the cover's lines as written, before Typst's typography (French spaces: typeset())
    assert line in BrandReport(ds, "2026-10", lang=lang).cover_warnings


def test_no_such_line_once_synonyms_read_the_account(tmp_path):
    """The synonyms.csv rows the data-quality log gives: the rival's posts are left out, the
    brand's 18 are checked, and the cover says nothing of unchecked posts."""
    for f in FIXTURE.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "synonyms.csv").write_text(
        "family,canonical,lang,header\nmeta,account_id,it,ID della Pagina\n"
        "meta,account_name,it,Nome della Pagina\n", encoding="utf-8")
    checked = _load(tmp_path)
    assert runner.unchecked_accounts(checked) is None
    lines = BrandReport(checked, "2026-10", lang="en").cover_warnings
    assert not [t for t in lines if "name no account" in t]


def test_one_post_is_said_in_the_singular(tmp_path):
    """The brand's file cut to its first post (header and 1 data line), the rival's left out:
    "1 post … names no account in its export"."""
    lines = (FIXTURE / OWN).read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, t in enumerate(lines) if "ID del post" in t)
    (tmp_path / OWN).write_text("\n".join(lines[:header + 2]) + "\n", encoding="utf-8")
    shutil.copy(FIXTURE / "brand.yaml", tmp_path / "brand.yaml")
    one = _load(tmp_path)
    assert len(one.posts) == 1
    said = runner.unchecked_accounts(one)
    assert said.startswith(f"1 post names no account (1 file: {OWN}): whether it is the "
                           "brand's could not be checked, and it was counted as such")
    cover = BrandReport(one, "2026-10", lang="it").cover_warnings
    assert any(t.startswith("Attenzione: 1 post di questo rapporto non indica l'account nella "
                            "sua esportazione") for t in cover)


UNCHECKED = (f"36 posts name no account (2 files: {OWN}, {RIVAL}): whether they are the "
             "brand's could not be checked, and they were counted as such, so the report's "
             "post counts may include another account's posts (the data-quality log gives the "
             "synonyms.csv rows that would read the account)")


def test_the_run_says_it(ds):
    assert runner.unchecked_accounts(ds) == UNCHECKED


def _outputs(tmp_path: Path) -> runner.ReportOutputs:
    return runner.ReportOutputs(tmp_path, tmp_path / "r.ipynb", tmp_path / "r.html",
                                tmp_path / "r.pdf", unchecked=UNCHECKED)


def test_smm_report_prints_a_warning_line_and_exits_0(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(runner, "run_report", lambda *a, **k: _outputs(tmp_path))
    assert cli.main(["report", "monthly", "--data", str(FIXTURE), "--period", "2026-10",
                     "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.count("smm: warning:") == 1
    assert f"smm: warning: {UNCHECKED}\n" in err


def test_the_batch_summary_carries_the_warning_and_the_status_stays_ok(capsys):
    results = [runner.BatchResult("trattoria", "monthly", True, pdf="t.pdf",
                                  unchecked=UNCHECKED),
               runner.BatchResult("erbe", "monthly", True, pdf="e.pdf")]
    cli._print_results(results, 2)
    assert capsys.readouterr().out.splitlines() == [
        "2 of 2 reports written",
        "  ok      trattoria monthly: t.pdf",
        f"          warning: {UNCHECKED}",
        "  ok      erbe monthly: e.pdf"]


def test_a_batch_job_carries_the_runs_words(monkeypatch, tmp_path):
    """run_job's result keeps what run_report said (a worker's result is pickled back)."""
    monkeypatch.setattr(runner, "run_report", lambda *a, **k: _outputs(tmp_path))
    result = runner.run_job(runner.BatchJob("trattoria", "monthly", str(FIXTURE), "2026-10",
                                            str(tmp_path)))
    assert result.ok and result.unchecked == UNCHECKED
