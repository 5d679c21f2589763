"""Run report notebooks with papermill and export them: executed .ipynb, HTML without code, PDF.

Outputs of one run land together in ``<out>/<brand>/<period>/`` and replace the previous run's
outputs in one rename, so a reader never sees a half-written report.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .brand import Brand, read_brand
from .errors import ReportError
from .periods import latest_complete_month, parse_period

__all__ = ["REPORT_KINDS", "ReportOutputs", "latest_period", "notebook_path", "run_report"]

logger = logging.getLogger(__name__)

#: report kind → notebook file name
REPORT_KINDS = {"monthly": "monthly_report.ipynb", "campaign": "campaign_report.ipynb",
                "best-times": "best_times.ipynb"}


@dataclass(frozen=True)
class ReportOutputs:
    """Paths written by one report run."""

    folder: Path
    notebook: Path
    html: Path
    pdf: Path


def notebook_path(kind: str) -> Path:
    """The notebook of a report kind: ``$SMM_NOTEBOOKS`` or the repository's notebooks/."""
    try:
        name = REPORT_KINDS[kind]
    except KeyError:
        raise ReportError(f"unknown report kind {kind!r}; expected one of "
                          f"{sorted(REPORT_KINDS)}") from None
    roots = [Path(os.environ["SMM_NOTEBOOKS"])] if os.environ.get("SMM_NOTEBOOKS") else []
    roots.append(Path(__file__).resolve().parents[2] / "notebooks")
    for root in roots:
        if (root / name).is_file():
            return root / name
    raise ReportError(f"notebook {name} not found in {', '.join(map(str, roots))}; set "
                      "SMM_NOTEBOOKS to the folder holding the report notebooks")


def _brand_of(data: Path, brand: str | None) -> Brand:
    folder = data if data.is_dir() else data.parent
    b = read_brand(folder / "brand.yaml") if (folder / "brand.yaml").is_file() else Brand()
    if brand:
        from dataclasses import replace

        from .brand import slugify
        b = replace(b, slug=slugify(brand))
    return b


def run_report(kind: str, *, data: str | os.PathLike, period: str, out: str | os.PathLike =
               "reports", brand: str | None = None, lang: str | None = None,
               parameters: dict | None = None, kernel_name: str = "python3",
               progress: bool = False) -> ReportOutputs:
    """Execute a report notebook for one brand and period; write .ipynb, .html and .pdf.

    Parameters
    ----------
    kind : {"monthly", "campaign", "best-times"}
    data : path
        The brand's folder of exports (with brand.yaml, costs.csv, goals.yaml).
    period : str
        ``2026-10``, ``2026-Q3``, ``START/END``, or ``latest`` (the latest complete month of
        the data, see :func:`latest_period`).
    out : path
        Reports root; outputs go to ``<out>/<brand slug>/<period>/``.
    brand, lang : str, optional
        Override the slug and language of brand.yaml.
    parameters : dict, optional
        Extra notebook parameters (e.g. ``campaign`` for a campaign report).

    Returns
    -------
    ReportOutputs

    Raises
    ------
    ReportError
        naming the notebook and the failing cell; the executed notebook is kept next to the
        outputs as ``<name>.failed.ipynb`` for inspection.
    """
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    nb_in = notebook_path(kind)
    data = Path(data).resolve()
    if not data.exists():
        raise ReportError(f"data folder {data} does not exist")
    if period == "latest":
        period = latest_period(data)
    label = parse_period(period).label
    b = _brand_of(data, brand)
    final = Path(out).resolve() / b.slug / label
    final.parent.mkdir(parents=True, exist_ok=True)
    stem = f"{b.slug}-{label}" if kind == "monthly" else f"{b.slug}-{label}-{kind}"
    work = Path(tempfile.mkdtemp(prefix=f".{label}.", dir=final.parent))
    params = {"data": str(data), "period": period, "brand": brand or "", "lang": lang or "",
              "out": str(work / f"{stem}.pdf"), **(parameters or {})}
    nb_out = work / f"{stem}.ipynb"
    try:
        try:
            pm.execute_notebook(str(nb_in), str(nb_out), parameters=params,
                                kernel_name=kernel_name, cwd=str(nb_in.parent),
                                progress_bar=progress, request_save_on_cell_execute=False)
        except pm.PapermillExecutionError as exc:
            failed = final.parent / f"{stem}.failed.ipynb"
            if nb_out.exists():
                shutil.copyfile(nb_out, failed)
            raise ReportError(
                f"{nb_in.name} failed in cell {exc.cell_index} ({exc.ename}: {exc.evalue}); "
                f"executed notebook kept at {failed}", notebook=nb_in.name,
                cell_index=exc.cell_index, ename=exc.ename, evalue=exc.evalue) from exc
        if not (work / f"{stem}.pdf").is_file():
            raise ReportError(f"{nb_in.name} ran but wrote no PDF at {work / (stem + '.pdf')}",
                              notebook=nb_in.name)
        exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                                exclude_output_prompt=True)
        body, _ = exporter.from_notebook_node(nbformat.read(nb_out, as_version=4))
        (work / f"{stem}.html").write_text(body, encoding="utf-8")
        _swap(work, final)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    logger.info("report written to %s", final)
    return ReportOutputs(final, final / f"{stem}.ipynb", final / f"{stem}.html",
                         final / f"{stem}.pdf")


def latest_period(data: str | os.PathLike) -> str:
    """The latest complete month of a brand's data: the month before its newest export."""
    from .dataset import load

    ds = load(data)
    stamps = [t["snapshot_at"].max() for t in (ds.posts, ds.daily) if len(t)]
    stamps = [s for s in stamps if s == s]
    if not stamps:
        raise ReportError(f"no dated exports in {data}: cannot tell the latest month; "
                          "pass --period YYYY-MM")
    asof = max(stamps).tz_convert(ds.brand.timezone).date()
    return latest_complete_month(asof).label


def _swap(new: Path, final: Path) -> None:
    """Replace ``final`` by ``new`` with renames only (same file system)."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
    os.replace(new, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
