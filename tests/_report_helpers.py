"""Helpers shared by the report's tests (test_report_*.py): a PDF's text, the sample brand."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


SAMPLE = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"
