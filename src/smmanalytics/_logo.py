"""The brand's logo as a report draws it: its bytes, or why the report goes without it.

One home for the report (:class:`smmanalytics.report.builder.Report`, which says it in its
quality table) and the runner (which says it in a batch's summary and on ``smm report``'s
stderr): a logo that could not be read was said in the report alone, a batch's summary and
exit code saying nothing. Light to import: Typst is loaded when a logo is tried.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .dataset import logo_bytes


@dataclass(frozen=True)
class Logo:
    """A brand's logo: its bytes (``image``), or None and why (``problem``, under the quality
    note's ``code``)."""

    image: bytes | None
    problem: str | None = None
    code: str = "logo_missing"


def read_logo(path: str | Path) -> Logo:
    """The logo at ``path`` (brand.yaml's ``logo``), tried as the report's Typst draws it."""
    try:
        image = logo_bytes(path)
    except OSError as exc:
        return Logo(None, f"the logo {path} could not be read ({exc.strerror or exc}): the "
                          "report goes without it")
    if why := _undrawable(image, Path(path).suffix):
        return Logo(None, f"the logo {path} (brand.yaml's logo) cannot be drawn ({why}): the "
                          "report goes without it", "logo_unreadable")
    return Logo(image)


def _undrawable(image: bytes, suffix: str) -> str | None:
    """Why Typst cannot draw ``image`` (a file of type ``suffix``), or None when it can. A logo
    it could not parse (``<svg oops``) failed the whole report as its PDF was compiled, after
    every cell had run, naming no file; tried alone (some 30 ms), the report goes without it."""
    import typst  # lazy: the compiler is loaded when a PDF is made, not with the package

    with tempfile.TemporaryDirectory(prefix="smm-logo-") as tmp:
        root = Path(tmp)
        (root / f"logo{suffix}").write_bytes(image)
        (root / "logo.typ").write_text(f'#image("logo{suffix}")', encoding="utf-8")
        try:
            typst.compile(str(root / "logo.typ"), root=str(root), ignore_system_fonts=True)
        except RuntimeError as exc:        # typst reports compile errors as RuntimeError
            return str(exc)
    return None
