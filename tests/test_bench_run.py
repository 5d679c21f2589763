"""benchmarks/run.py, the script `make bench` runs: what it refuses before running anything."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_module():
    spec = importlib.util.spec_from_file_location("_bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_mistyped_benchmark_name_is_refused_and_nothing_is_written(tmp_path, monkeypatch,
                                                                      capsys):
    """``run.py timng`` ran nothing, printed an empty table, rewrote README.md's results
    block and exited 0. The benchmarks here are never loaded: the name check comes first."""
    monkeypatch.setattr(sys, "path", list(sys.path))   # run.py puts benchmarks/ first
    run = _run_module()
    for name in ("timing", "load"):
        (tmp_path / f"bench_{name}.py").write_text("raise AssertionError('ran')\n")
    readme = "# benchmarks\n<!-- RESULTS -->\nkept\n<!-- /RESULTS -->\n"
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    monkeypatch.setattr(run, "HERE", tmp_path)
    monkeypatch.setattr(run, "RESULTS", tmp_path / "results")
    assert run.main(["timing", "timng"]) == 2
    # known names in the sorted order of their files: bench_load.py, bench_timing.py
    assert capsys.readouterr().err == ("run.py: error: no benchmark named timng; expected one "
                                       "of load, timing\n")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == readme
    assert not (tmp_path / "results").exists()
