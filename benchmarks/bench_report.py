"""Benchmarks of the report pipeline on the sample brand (data/sample/maison-seve).

- monthly report end to end (``runner.run_report``: papermill, figures, typst PDF), best of
  ``REPEAT`` runs after one warm-up run (which fills the cache of parsed exports), against the
  papermill floor: the same papermill call on a notebook whose only cell imports the package.
  The report and the floor are run in turns, so that a busy minute of the shared machine
  weighs on both (run one after the other, the floor moved from 1.1 to 1.9 s between runs).
  Target: at most 4 s above the floor, shown as the ratio ``(floor + 4 s) / floor``. The
  report runs as ``smm report`` runs it: on Linux, best times and alerts are built in a forked
  copy of the report meanwhile (``BrandReport.build_ahead``).
- a batch of 20 monthly reports of 20 distinct brands (:func:`_brands`: the sample written
  with a seed of its own each, so that no two brands share an export's bytes, under its own
  name and slug, from an agency.yaml) on 2 worker processes against the same 20 run one
  after the other, none forking a copy, in turns, best of ``REPEAT_BATCH``. Target: at most
  0.6×. Each batch starts with an empty cache of parsed exports of its own, so every report
  parses its brand's exports: the sample folder listed 20 times read the same cached load
  from the second report on, and the row measured 20 renderings of one loaded brand. A
  serial batch as ``smm`` runs it (each report building sections ahead in a copy, as ``smm
  report`` does) is timed once for the note, with every run's time and the CPU seconds of
  each way's best run (kernels and copies included): it already uses part of the second
  core, so it is no floor for the workers' scaling.

Slow (about 10 minutes here before its batch parsed 20 brands; now more): ``python
benchmarks/run.py report``.
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
#: the sample's own seed: brand 0 of the batch is the sample, the others its seeds that follow
SAMPLE_SEED = 2026
REPEAT_BATCH = 2
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


def _cpu_seconds() -> float:
    """User and system CPU seconds of this process and its ended children (a serial batch
    runs papermill and Typst here and its kernels as children; a parallel one runs all of
    that in its workers, which end with the batch)."""
    import resource

    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def _brands(folder: Path, n: int) -> list[Path]:
    """``n`` brand folders under ``folder``, each the sample written with a seed of its own
    (``sample.write``: the same export files, other figures, so no two brands share a file's
    bytes and the cache of parsed exports cannot serve one brand's load to another; the
    sample's costs.csv and logo alike) and a brand.yaml naming it "Brand 07", slug
    ``brand-07``. About 2 s of CPU each, before the timed batches."""
    import yaml

    from smmanalytics import sample

    brands = []
    for i in range(n):
        out = folder / f"brand-{i:02d}"
        sample.write(out, seed=SAMPLE_SEED + i)
        settings = yaml.safe_load((out / "brand.yaml").read_text(encoding="utf-8"))
        settings |= {"name": f"Brand {i:02d}", "slug": f"brand-{i:02d}"}
        (out / "brand.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True,
                                                       sort_keys=False), encoding="utf-8")
        brands.append(out)
    return brands


def _batch(tmp: Path) -> list[Row]:
    import yaml

    from smmanalytics.runner import read_batch_config, run_batch, run_job

    cfg = tmp / "agency.yaml"
    cfg.write_text(yaml.safe_dump({"out": "batch-out", "brands": [
        {"name": f"Brand {i:02d}", "data": str(data), "reports": ["monthly"]}
        for i, data in enumerate(_brands(tmp / "brands", N_BATCH))]}), encoding="utf-8")
    jobs = read_batch_config(cfg, "latest")
    ways = {
        # the floor: one report after the other, none forking a copy
        "serial": lambda: [run_job(j) for j in jobs],
        "2 workers": lambda: run_batch(jobs, workers=2, progress=False),
        # for the note: a serial batch as `smm` runs it, each report with its copy
        "serial batch": lambda: run_batch(jobs, workers=1, progress=False),
    }
    runs: dict[str, list[tuple[float, float]]] = {way: [] for way in ways}
    # in turns, as the monthly row and its floor: a minute in which this VM gives less of its
    # second core then weighs on one run of each, not on one side only
    for turn in range(REPEAT_BATCH):
        for way, batch in ways.items():
            if way == "serial batch" and turn:
                continue
            os.environ["SMM_CACHE_DIR"] = str(tmp / f"cache-{way}-{turn}")   # cold start
            before = _cpu_seconds()
            t0 = time.perf_counter()
            res = batch()
            wall = time.perf_counter() - t0
            failed = [r for r in res if not r.ok]
            if failed:
                raise RuntimeError(f"{len(failed)} batch reports failed: {failed[0].error}")
            runs[way].append((wall, _cpu_seconds() - before))
    best = {way: min(r) for way, r in runs.items()}
    times = "; ".join(f"{way} {'/'.join(f'{t:.0f}' for t, _ in r)} s (CPU {best[way][1]:.0f} s)"
                      for way, r in runs.items())
    return [Row(f"batch of {N_BATCH} monthly reports, 2 workers", best["2 workers"][0],
                best["serial"][0], 0.6, "s",
                f"floor = the same {N_BATCH} reports one after the other, no copies; "
                f"{N_BATCH} distinct brands (the sample under {N_BATCH} seeds), each batch from "
                f"an empty cache; best of {REPEAT_BATCH} in turns; {times}")]


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
