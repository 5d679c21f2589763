"""Shared fixtures: headless matplotlib, figures closed after each test, a hypothesis profile,
a cache of parsed exports of the test run's own; the number of workers of ``pytest -n auto``;
the report tests' dataset ``ds``; the sample brand loaded once a session, ``sample_loaded``."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from smmanalytics import Brand, Dataset, schema  # noqa: E402

# "ci" (the default, what `make test` runs) draws the same examples on every run, so the
# suite's verdict is the code's alone; "explore" draws new ones (`make test-explore`), as
# "dev" does, fewer.
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("explore", max_examples=600, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _cpu_quota() -> int | None:
    """The CPUs the container's quota allows, rounded down (cgroup v2, else v1); None when
    there is no quota or none is known."""
    for files in (["/sys/fs/cgroup/cpu.max"],
                  ["/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us"]):
        try:
            quota, period = " ".join(Path(f).read_text() for f in files).split()[:2]
        except (OSError, ValueError):
            continue
        return None if quota in ("max", "-1") else max(1, int(quota) // int(period))
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (``make test``): one worker per CPU this process may run on, within its
    container's CPU quota. pytest-xdist's own count (psutil's physical cores, blind to both)
    when PYTEST_XDIST_AUTO_NUM_WORKERS is set or the CPUs cannot be listed."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS") or not hasattr(os, "sched_getaffinity"):
        return None
    n = len(os.sched_getaffinity(0))
    return min(n, _cpu_quota() or n)


@pytest.fixture(autouse=True)
def close_figs():
    yield
    plt.close("all")


@pytest.fixture
def rng():
    return np.random.default_rng(20261022)


@pytest.fixture
def ds(rng):
    """The report tests' (test_report_*.py) brand: 40 Instagram and Facebook posts from 25
    September to early November 2026, of Maison Sève in Paris, in French."""
    n = 40
    df = pd.DataFrame({
        "platform": rng.choice(["instagram", "facebook"], n),
        "post_id": [f"p{i}" for i in range(n)],
        "caption": [f"Légende n°{i} #soin *gras* $x [lien]" for i in range(n)],
        "permalink": [f"https://www.instagram.com/p/C{i:05d}/" for i in range(n)],
        "published_at": pd.Timestamp("2026-09-25", tz="UTC")
        + pd.to_timedelta(rng.integers(0, 40 * 24, n), unit="h"),
        "reactions": rng.integers(0, 400, n).astype(float),
        "comments": rng.integers(0, 40, n).astype(float),
        "shares": rng.integers(0, 30, n).astype(float),
        "reach": rng.integers(800, 9000, n).astype(float),
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC"),
    })
    return Dataset(posts=schema.conform(df, "posts"),
                   brand=Brand(name="Maison Sève", timezone="Europe/Paris", language="fr"))


@pytest.fixture
def frozen_today(monkeypatch):
    """The goals' today, frozen: ``frozen_today(dt.date(2026, 12, 2))`` makes 2 December 2026
    today in every timezone, for the rest of the test."""
    import smmanalytics.goals as goals_mod

    def freeze(day):
        monkeypatch.setattr(goals_mod, "_today", lambda tz: day)

    return freeze


@pytest.fixture(scope="session", autouse=True)
def _smm_cache_dir(tmp_path_factory):
    """The cache of parsed exports lives in a folder of the test run (of each worker under
    pytest-xdist), never in ~/.cache: set for the whole session, so that module- and
    session-scoped fixtures, which run before any function-scoped one, load through it too
    (a test's monkeypatch of SMM_CACHE_DIR is undone after it)."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("SMM_CACHE_DIR", str(tmp_path_factory.mktemp("smm-cache")))
        yield


@pytest.fixture(scope="session")
def sample_loaded(_smm_cache_dir) -> Dataset:
    """The sample brand (data/sample/maison-seve), loaded once a session (each pytest-xdist
    worker's) through the run's cache, for the tests that only read it (a Dataset is never
    changed in place; a BrandReport remembers its answers in a Dataset of its own). Its
    exports' entries are then in the cache for the loads of its copies: a copy with one file
    removed or changed reads the others from there, 2.3 s of CPU where the first, cold load
    took 9.5 s (as did each copy loaded without the cache)."""
    import smmanalytics as smm

    return smm.load(Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve")
