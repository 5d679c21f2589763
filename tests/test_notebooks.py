"""Every report notebook executes through papermill on the sample brand (slow: marked)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

import smmanalytics as smm
from smmanalytics.report import BrandReport, Formatter
from smmanalytics.runner import run_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "maison-seve"

pytestmark = pytest.mark.notebooks


def _text(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)


@pytest.fixture(scope="module")
def sample():
    return smm.load(SAMPLE)


@pytest.fixture(scope="module")
def monthly_fr(tmp_path_factory):
    return run_report("monthly", data=SAMPLE, period="2026-10",
                      out=tmp_path_factory.mktemp("reports"))


def test_monthly_report_outputs(monthly_fr):
    assert monthly_fr.pdf.name == "maison-seve-2026-10.pdf"
    assert monthly_fr.pdf.read_bytes().startswith(b"%PDF")
    html = monthly_fr.html.read_text(encoding="utf-8")
    assert "rep.kpi_table()" not in html  # the HTML hides code
    assert "Chiffres clés par plateforme" in html


def test_pdf_figures_equal_the_api(monthly_fr, sample):
    text = _text(monthly_fr.pdf)
    rep = BrandReport(sample, "2026-10")
    e = rep.engagement_table().set_index("platform")
    f = Formatter("fr")
    assert "octobre 2026" in text  # French month, from brand.yaml's language
    assert f.number(e.loc["total", "interactions"]) in text
    assert f.number(e.loc["instagram", "interactions"]) in text
    assert f.percent(e.loc["total", "er_reach_pooled"]) in text
    assert "," in f.percent(e.loc["total", "er_reach_pooled"])  # decimal comma


def test_same_inputs_same_pdf(monthly_fr, tmp_path):
    again = run_report("monthly", data=SAMPLE, period="2026-10", out=tmp_path)
    assert again.pdf.read_bytes() == monthly_fr.pdf.read_bytes()
