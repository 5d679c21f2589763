"""Helpers shared by the report's tests (test_report_*.py): a PDF's text, the sample brand."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


SAMPLE = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"


def two_instagram(root: Path):
    """The sample brand with a second Instagram account (s51X's seve-2ig, its posts only),
    copied to ``root`` and loaded: Maison Sève Shop, 12 October posts
    (tests/fixtures/s51Z_two_instagram), declared in brand.yaml beside maisonseve, whose 30
    October feed posts make the platform's 42."""
    import shutil

    import smmanalytics as smm

    shutil.copytree(SAMPLE, root)
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "s51Z_two_instagram",
                    root / "shop")
    brand = (root / "brand.yaml").read_text(encoding="utf-8")
    (root / "brand.yaml").write_text(brand.replace(
        "  instagram: maisonseve\n", "  instagram: [maisonseve, maisonseve.shop]\n"),
        encoding="utf-8")
    return smm.load(root)
