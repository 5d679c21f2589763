"""Benchmarks of the report pipeline on the sample brand (data/sample/maison-seve).

- monthly report end to end (``runner.run_report``: papermill, figures, typst PDF), best of
  ``REPEAT`` runs after one warm-up run (which fills the cache of parsed exports), against the
  papermill floor: the same papermill call on a notebook whose only cell imports the package.
  The report and the floor are run in turns, so that a busy minute of the shared machine
  weighs on both (run one after the other, the floor moved from 1.1 to 1.9 s between runs).
  Target: at most 4 s above the floor, shown as the ratio ``(floor + 4 s) / floor``. The
  report runs as ``smm report`` runs it: on Linux, best times and alerts are built in a forked
  copy of the report meanwhile (``BrandReport.build_ahead``).
- a batch of 20 monthly reports (the sample brand under 20 names, from an agency.yaml) on 2
  worker processes against the same 20 run serially. Target: at most 0.6×. Each batch starts
  with an empty cache of parsed exports of its own. Batch reports build no section ahead, in
  either run.

Slow (about 10 minutes here): ``python benchmarks/run.py report``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from _harness import Row, best_times_interleaved, scratch_dir

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "sample" / "maison-seve"
REPEAT = 3
N_BATCH = 20
ABOVE_FLOOR_S = 4.0


def _kernel_env() -> None:
    """Kernels started by papermill import this checkout's package (src first)."""
    src = str(ROOT / "src")
    parts = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if src not in parts:
        os.environ["PYTHONPATH"] = os.pathsep.join([src, *parts])
    os.environ.setdefault("MPLBACKEND", "Agg")


def _floor_notebook(path: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import smmanalytics as smm")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(path))
    return path


def _monthly(tmp: Path) -> Row:
    import papermill as pm

    from smmanalytics.runner import KERNEL_ARGUMENTS, run_report

    nb = _floor_notebook(tmp / "floor.ipynb")
    out = tmp / "reports"
    run_report("monthly", data=DATA, period="latest", out=out)       # warm-up, fills the cache
    floor, value = best_times_interleaved([
        lambda: pm.execute_notebook(str(nb), str(tmp / "floor-out.ipynb"), kernel_name="python3",
                                    progress_bar=False, extra_arguments=KERNEL_ARGUMENTS),
        lambda: run_report("monthly", data=DATA, period="latest", out=out)], REPEAT)
    return Row("monthly report end to end (sample brand)", value, floor,
               (floor + ABOVE_FLOOR_S) / floor, "s",
               f"floor = papermill on an import-only notebook; target = floor + "
               f"{ABOVE_FLOOR_S:g} s; best of {REPEAT} runs taken in turns with the floor's, "
               "cache warm")


def _batch(tmp: Path) -> list[Row]:
    import yaml

    from smmanalytics.runner import read_batch_config, run_batch

    cfg = tmp / "agency.yaml"
    cfg.write_text(yaml.safe_dump({"out": "batch-out", "brands": [
        {"name": f"Brand {i:02d}", "data": str(DATA), "reports": ["monthly"]}
        for i in range(N_BATCH)]}), encoding="utf-8")
    jobs = read_batch_config(cfg, "latest")
    times = {}
    for workers in (1, 2):
        os.environ["SMM_CACHE_DIR"] = str(tmp / f"cache-{workers}")   # each batch starts cold
        t0 = time.perf_counter()
        res = run_batch(jobs, workers=workers, progress=False)
        times[workers] = time.perf_counter() - t0
        failed = [r for r in res if not r.ok]
        if failed:
            raise RuntimeError(f"{len(failed)} batch reports failed: {failed[0].error}")
    return [Row(f"batch of {N_BATCH} monthly reports, 2 workers", times[2], times[1], 0.6, "s",
                "floor = the same 20 reports serially; each batch from an empty cache")]


def run() -> list[Row]:
    _kernel_env()
    with scratch_dir("smm-bench-report-") as tmp:
        os.environ["SMM_CACHE_DIR"] = str(tmp / "cache")
        rows = [_monthly(tmp)]
        rows += _batch(tmp)
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for r in run():
        print(r.as_dict())
