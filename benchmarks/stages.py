"""Where one load's time goes, stage by stage: ``python benchmarks/stages.py FILE [RUNS]``.

Loads ``FILE`` with the cache off ``RUNS`` times (3 by default) in this process and prints,
for the run of least process CPU, each stage's calls, process CPU (user + system, every
thread's), system time, minor page faults and wall time, largest CPU first. On a machine
shared with other jobs the wall times say little; CPU and page faults are the figures to
compare, old code and new in turns.

A stage is a function of the package, wrapped for the run wherever a module holds it (a
caller importing it by name included). Figures are inclusive: a stage's include the stages it
calls and whatever other threads did meanwhile (the numbers converted beside
``_described``, the utm campaigns beside ``finish``, the sort beside the duplicate search).
"""

from __future__ import annotations

import functools
import importlib
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import smmanalytics as smm  # noqa: E402

#: (module below smmanalytics, function or Class.method): the stages measured
STAGES = [
    ("loaders._sources", "read_tables"), ("loaders._body", "_read_typed"),
    ("loaders._candidate", "Candidate.texts_of"), ("loaders.meta", "_described"),
    ("loaders.meta", "_publish_times"), ("loaders.meta", "_longer"),
    ("loaders.meta", "_content_type"), ("loaders.meta", "_damaged_ids"),
    ("loaders._summary", "keyless_summaries"), ("loaders._finish", "_without_summary_rows"),
    ("loaders._finish", "_blank_negative_metrics"), ("loaders._finish", "_repeat_text"),
    ("loaders._finish", "_utm_campaigns"), ("metrics", "interactions_and_totals"),
    ("loaders._finish", "_interactions_noted"), ("schema", "conform"),
    ("schema", "validate"), ("loaders._finish", "finish"), ("_merge", "_keyed"),
    ("_merge", "_sort_order"), ("_merge", "_duplicated_posts"),
    ("_merge", "_constant_columns"), ("_merge", "_take"), ("_merge", "merge_table"),
    ("dataset", "load"),
]


def _counters() -> tuple[float, float, int, float]:
    """Process CPU, system time, minor page faults, wall clock: now."""
    t = os.times()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    return t.user + t.system, t.system, faults, time.perf_counter()


def _measured(name: str, fn, totals: dict):
    """``fn``, adding each call's counters to ``totals[name]``."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        before = _counters()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = [b - a for a, b in zip(before, _counters(), strict=True)]
            totals[name] = [x + y for x, y in zip(totals[name], [1, *spent], strict=True)]
    return wrapper


def _wrap_stages(totals: dict) -> None:
    """Wrap every stage of :data:`STAGES`, in every module of the package holding it."""
    modules = [m for k, m in sys.modules.items() if k.startswith("smmanalytics")]
    for where, name in STAGES:
        module = importlib.import_module(f"smmanalytics.{where}")
        if "." in name:
            cls, method = name.split(".")
            owner = getattr(module, cls)
            setattr(owner, method, _measured(name, getattr(owner, method), totals))
            continue
        original = getattr(module, name)
        wrapped = _measured(f"{where}.{name}", original, totals)
        for m in modules:
            for attr, value in list(vars(m).items()):
                if value is original:
                    setattr(m, attr, wrapped)


def main(path: str, runs: int) -> None:
    totals: dict = defaultdict(lambda: [0, 0.0, 0.0, 0, 0.0])
    _wrap_stages(totals)
    measured = []
    for _ in range(runs):
        totals.clear()
        smm.load(path, cache=False)
        measured.append(dict(totals))
    best = min(measured, key=lambda run: run["dataset.load"][1])
    print(f"{'stage':44s} calls   cpu s   sys s   faults  wall s")
    for name, (calls, cpu, system, faults, wall) in sorted(best.items(),
                                                            key=lambda kv: -kv[1][1]):
        print(f"{name:44s} {calls:5d} {cpu:7.3f} {system:7.3f} {faults:8d} {wall:7.3f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
