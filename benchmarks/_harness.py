"""Small helpers for the benchmarks: best-of-n wall time, peak memory in a fresh process, a
scratch folder for inputs and caches."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Row:
    """One benchmark figure: ``value`` against a ``floor`` measured in the same run."""

    benchmark: str
    value: float
    floor: float
    target: float            # the ratio (value / floor) must stay at or under this
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("nan")

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "ok": self.ok}


@contextlib.contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    """A temporary folder; ``SMM_CACHE_DIR``, which benchmarks point inside it, is restored."""
    saved = os.environ.get("SMM_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix=prefix) as d:
        try:
            yield Path(d)
        finally:
            if saved is None:
                os.environ.pop("SMM_CACHE_DIR", None)
            else:
                os.environ["SMM_CACHE_DIR"] = saved


def best_time(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def best_times_interleaved(fns: list[Callable[[], object]], repeat: int = 3) -> list[float]:
    """The fastest of ``repeat`` wall-clock runs of each of ``fns``, run in turns (a, b, a,
    b, ...): a quiet or a busy minute of a shared machine then falls on all of them alike,
    not on the floor alone or the value alone."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t0)
    return best


def best_times_with_cpu(fns: list[Callable[[], object]], repeat: int = 3
                        ) -> list[tuple[float, float, float]]:
    """Like :func:`best_times_interleaved`, with the user and system CPU seconds of each
    one's fastest run: ``[(wall, user, system), ...]``.

    On a shared VM the system time (page faults, memory compaction) moves from run to run
    far more than the user time, which tells whether a change made the work itself faster.
    """
    import resource

    best = [(float("inf"), 0.0, 0.0)] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
            fn()
            wall = time.perf_counter() - t0
            r1 = resource.getrusage(resource.RUSAGE_SELF)
            if wall < best[i][0]:
                best[i] = (wall, r1.ru_utime - r0.ru_utime, r1.ru_stime - r0.ru_stime)
    return best


def peak_rss_mb(setup: str, stmt: str) -> dict:
    """Run ``setup`` then ``stmt`` in a fresh interpreter; return its peak RSS growth in MB.

    ``stmt`` may assign ``result_mb`` (e.g. a frame's memory_usage) to report alongside.
    """
    # VmHWM (Linux) is the peak of this program; ru_maxrss would keep the peak of the parent
    # process it was forked from (a benchmark holding a big input), hiding the growth
    code = textwrap.dedent(f"""
        import json, resource
        def _hwm():
            try:
                with open("/proc/self/status") as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):
                            return int(line.split()[1]) / 1024
            except OSError:
                pass
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        {setup}
        base = _hwm()
        result_mb = None
        {stmt}
        peak = _hwm()
        print(json.dumps({{"peak_mb": peak - base, "result_mb": result_mb}}))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])
