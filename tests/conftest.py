"""Shared fixtures: headless matplotlib, figures closed after each test, a hypothesis profile."""

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



@pytest.fixture(scope="session")
def _session_cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("smm-cache")


@pytest.fixture(autouse=True)
def _smm_cache_dir(_session_cache_dir, monkeypatch):
    """The cache of parsed exports lives in a session tmp folder, never in ~/.cache."""
    monkeypatch.setenv("SMM_CACHE_DIR", str(_session_cache_dir))
