"""Shared fixtures: headless matplotlib, figures closed after each test, a hypothesis profile,
a cache of parsed exports of the test run's own."""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def close_figs():
    yield
    plt.close("all")


@pytest.fixture
def rng():
    return np.random.default_rng(20261022)


@pytest.fixture(scope="session", autouse=True)
def _smm_cache_dir(tmp_path_factory):
    """The cache of parsed exports lives in a folder of the test run (of each worker under
    pytest-xdist), never in ~/.cache: set for the whole session, so that module- and
    session-scoped fixtures, which run before any function-scoped one, load through it too
    (a test's monkeypatch of SMM_CACHE_DIR is undone after it)."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("SMM_CACHE_DIR", str(tmp_path_factory.mktemp("smm-cache")))
        yield
