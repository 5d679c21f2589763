"""Sections built ahead in a forked copy of the report are the sections built in the kernel."""

from __future__ import annotations

import importlib
import logging
import os
import sys
import warnings
from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics.report import BrandReport
from smmanalytics.report._ahead import can_fork

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "maison-seve"

needs_fork = pytest.mark.skipif(not can_fork(), reason="sections are built ahead on Linux only")


@pytest.fixture(scope="module")
def sample():
    return smm.load(SAMPLE)


def _build(ds, ahead: tuple[str, ...]) -> BrandReport:
    rep = BrandReport(ds, "2026-10", kind="monthly")
    assert rep.build_ahead(*ahead) is bool(ahead and can_fork())
    rep.kpi_table()                 # built here while the copy builds the others
    rep.best_times()
    rep.top_posts()
    rep.alerts()
    return rep


@needs_fork
def test_built_ahead_equals_built_here(sample):
    """Also the top posts, built by the copy before the watch (they read its incidents,
    which the kernel spent 0.2-0.5 s finding while the copy found them again)."""
    here = _build(sample, ())
    ahead = _build(sample, ("best_times", "top_posts", "alerts"))
    assert ahead.blocks == here.blocks                  # figures renumbered in kernel order
    assert ahead.figures == here.figures
    assert ahead._slots.keys() == here._slots.keys() and ahead._slots
    for platform, plan in here._slots.items():
        assert ahead._slots[platform].equals(plan)
    assert ahead.pdf_bytes() == here.pdf_bytes()


@needs_fork
def test_a_section_that_fails_in_the_copy_is_built_here(sample, monkeypatch, caplog):
    alerts_module = importlib.import_module("smmanalytics.alerts")  # smm.alerts is the function

    parent = os.getpid()
    review = alerts_module.review

    def review_failing_in_the_copy(*args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("only in the copy")
        return review(*args, **kwargs)

    monkeypatch.setattr(alerts_module, "review", review_failing_in_the_copy)
    here = _build(sample, ())
    with caplog.at_level(logging.INFO, logger="smmanalytics.report._ahead"):
        ahead = _build(sample, ("alerts",))
    assert ahead.blocks == here.blocks and ahead.figures == here.figures
    assert "section alerts failed in the report's copy" in caplog.text
    assert "RuntimeError: only in the copy" in caplog.text


@needs_fork
def test_warnings_of_the_copy_are_raised_when_its_section_is_taken(sample, monkeypatch):
    alerts_module = importlib.import_module("smmanalytics.alerts")  # smm.alerts is the function

    review = alerts_module.review

    def review_warning(*args, **kwargs):
        warnings.warn("signals look odd", UserWarning, stacklevel=2)
        return review(*args, **kwargs)

    monkeypatch.setattr(alerts_module, "review", review_warning)
    rep = BrandReport(sample, "2026-10", kind="monthly")
    assert rep.build_ahead("alerts")
    with pytest.warns(UserWarning, match="signals look odd"):
        rep.alerts()


@needs_fork
def test_called_with_arguments_the_section_is_built_here(sample):
    rep = BrandReport(sample, "2026-10", kind="monthly")
    rep.build_ahead("alerts")
    sec = rep.alerts(max_charts=2)                      # not what the copy built
    n_figures = sum(b["kind"] == "figure" for b in sec.blocks)
    assert n_figures == 1 and len(rep.figures) == 1
    again = rep.alerts()                                # the copy's, with six charts at most
    assert again.blocks[0] == sec.blocks[0] and len(rep.figures) == 2


@needs_fork
def test_the_kernel_collects_its_garbage_as_before_after_the_fork(sample, monkeypatch):
    # the fork is made with the kernel's objects frozen (the copy's collector then leaves
    # them alone instead of writing to every page they share); the kernel unfreezes at once
    import gc

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda f=gc.freeze: (frozen.append(1), f())[1])
    rep = BrandReport(sample, "2026-10", kind="monthly")
    assert rep.build_ahead("alerts")
    assert frozen == [1] and gc.get_freeze_count() == 0
    rep.alerts()


@pytest.mark.parametrize("name", ["kpi_table", "best_time"])
def test_only_marked_sections_can_be_built_ahead(sample, name):
    """A section not marked @built_ahead, or a misspelt one, was a bare ValueError that listed
    nothing: an ArgumentError (still a ValueError) naming BrandReport's three marked sections,
    nothing forked."""
    from smmanalytics.errors import ArgumentError

    rep = BrandReport(sample, "2026-10", kind="monthly")
    with pytest.raises(ArgumentError, match=r"^argument 'names': not a section that can be "
                       r"built ahead; expected one of alerts, best_times, top_posts; got "
                       rf"'{name}'$"):
        rep.build_ahead("best_times", name)
    assert rep.__dict__.get("_ahead") is None


def test_without_fork_everything_is_built_here(sample, monkeypatch):
    import smmanalytics.report._ahead as ahead_module

    monkeypatch.setattr(ahead_module, "can_fork", lambda: False)
    rep = BrandReport(sample, "2026-10", kind="monthly")
    assert rep.build_ahead("alerts") is False
    assert rep.alerts().blocks[0]["kind"] == "heading"


def _ahead_asked(monkeypatch, run) -> list[bool]:
    """The ``ahead`` that ``run(runner)`` passed to each run_report call."""
    from smmanalytics import runner

    asked = []

    def fake_run_report(kind, **kwargs):
        asked.append(kwargs["ahead"])
        raise runner.ReportError("stop here")

    monkeypatch.setattr(runner, "run_report", fake_run_report)
    run(runner)
    return asked


def test_reports_side_by_side_build_nothing_ahead(monkeypatch):
    """A batch's workers (and a Dask cluster's, which call run_job) run reports side by side:
    no report forks a copy."""
    job = ("b", "monthly", "data", "2026-10", "out")
    asked = _ahead_asked(monkeypatch, lambda runner: [
        runner.run_job(runner.BatchJob(*job)), runner._run_job_in_worker(runner.BatchJob(*job))])
    assert asked == [False, False]


def test_a_serial_batch_builds_ahead_as_one_report_does(monkeypatch):
    """One report at a time leaves the second core to each report's copy, as `smm report`."""
    jobs = [("a", "monthly", "data", "2026-10", "out"), ("b", "monthly", "data", "2026-10", "out")]
    asked = _ahead_asked(monkeypatch, lambda runner: runner.run_batch(
        [runner.BatchJob(*j) for j in jobs], workers=1, progress=False))
    assert asked == [True, True]


@needs_fork
def test_what_the_copy_prints_is_printed_when_its_section_is_taken(sample, monkeypatch,
                                                                   capsys):
    alerts_module = importlib.import_module("smmanalytics.alerts")
    review = alerts_module.review

    def review_printing(*args, **kwargs):
        print("reviewing signals")
        print("a warning on stderr", file=sys.stderr)
        return review(*args, **kwargs)

    monkeypatch.setattr(alerts_module, "review", review_printing)
    rep = BrandReport(sample, "2026-10", kind="monthly")
    assert rep.build_ahead("alerts")
    capsys.readouterr()
    rep.alerts()
    out = capsys.readouterr()
    assert out.out == "reviewing signals\n"
    assert out.err == "a warning on stderr\n"


@needs_fork
def test_a_stuck_copy_is_stopped_and_its_sections_built_here(sample, monkeypatch):
    import time

    import smmanalytics.report._ahead as ahead_module

    alerts_module = importlib.import_module("smmanalytics.alerts")
    review = alerts_module.review
    parent = os.getpid()

    def review_stuck_in_the_copy(*args, **kwargs):
        if os.getpid() != parent:
            time.sleep(60)
        return review(*args, **kwargs)

    monkeypatch.setattr(alerts_module, "review", review_stuck_in_the_copy)
    monkeypatch.setattr(ahead_module, "PATIENCE", 0.5)
    rep = BrandReport(sample, "2026-10", kind="monthly")
    assert rep.build_ahead("alerts")
    t0 = time.perf_counter()
    sec = rep.alerts()
    assert time.perf_counter() - t0 < 30
    assert sec.blocks[0]["kind"] == "heading" and not rep._ahead._proc.is_alive()


def test_one_core_builds_everything_here(sample, monkeypatch):
    """With one core to run on, a copy would only take turns with the kernel."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    rep = BrandReport(sample, "2026-10", kind="monthly")
    assert rep.build_ahead("alerts") is False


def _state(pid: int) -> str | None:
    """A process's state letter (R, S, Z, …), or None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and prctl: Linux only")
@pytest.mark.parametrize("blocked", [True, False])
def test_the_copy_dies_with_a_kernel_killed_outright(tmp_path, blocked):
    """A kernel killed with SIGKILL runs no clean-up: its copy, blocked on sending a section
    larger than the pipe's buffer (or still building one), was left running forever. (The
    kernel reads each section as it comes; blocked is a kernel whose reader does not run.)"""
    import signal
    import subprocess
    import time

    script = tmp_path / "kernel.py"
    script.write_text(
        "import os, sys, time\n"
        "from smmanalytics.report._ahead import Ahead\n"
        f"{'Ahead._receive = lambda self: None' if blocked else ''}\n"
        "class Report:\n"
        "    def big(self):\n"
        f"        time.sleep({0 if blocked else 120})\n"
        "        return b'x' * 4_000_000           # far more than a pipe's 64 KiB\n"
        "ahead = Ahead(Report(), ('big',))\n"
        "print(ahead._proc.pid, flush=True)\n"
        "time.sleep(120)                            # never takes the section\n")
    env = {**os.environ, "PYTHONPATH": str(Path(smm.__file__).parents[1])}
    kernel = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE,
                              text=True)
    copy = int(kernel.stdout.readline())
    try:
        time.sleep(0.5)                             # the copy is now blocked (or building)
        assert _state(copy) not in (None, "Z")
        kernel.send_signal(signal.SIGKILL)
        kernel.wait(10)
        deadline = time.monotonic() + 10
        while _state(copy) not in (None, "Z") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _state(copy) in (None, "Z")          # dead (a zombie until PID 1 reaps it)
    finally:
        kernel.kill()
        kernel.wait()
        if _state(copy) not in (None, "Z"):         # the old code's orphan
            os.kill(copy, signal.SIGKILL)


@needs_fork
def test_the_copy_builds_its_next_section_while_the_notebook_is_elsewhere():
    """A section larger than the pipe's buffer (best times: five heatmaps) kept the copy
    waiting until the notebook reached its cell, instead of building the next one."""
    import time

    from smmanalytics.report._ahead import Ahead

    class Report:
        def big(self):
            return b"x" * 4_000_000           # far more than a pipe's 64 KiB

        def second(self):
            return time.time()                # when the copy built it

    ahead = Ahead(Report(), ("big", "second"))
    time.sleep(2)                             # the notebook builds other sections
    reached = time.time()
    assert ahead.take("big").section == b"x" * 4_000_000
    assert ahead.take("second").section < reached
    assert not ahead._proc.is_alive()         # both taken: the copy is done and reaped


@needs_fork
def test_a_section_not_built_ahead_is_built_here_and_leaves_the_others_pending():
    import time

    from smmanalytics.report._ahead import Ahead

    class Report:
        def slow(self):
            time.sleep(0.5)
            return "built in the copy"

    ahead = Ahead(Report(), ("slow",))
    assert ahead.take("other") is None        # never asked of the copy
    assert ahead.take("slow").section == "built in the copy"
    assert ahead.take("slow") is None         # taken already: built here


@needs_fork
def test_the_cover_is_made_in_the_kernel_just_after_the_fork(sample, monkeypatch):
    # the cover's coverage lines were made in BrandReport(...), before the fork, where nothing
    # runs beside them (0.12 s of CPU on the sample); the copy never reads them. They are made
    # once, by build_ahead, in the kernel once the copy is forked: the same cover as without it
    from smmanalytics.report import sections

    calls = []
    coverage_lines = sections._coverage_lines

    def recorded(ds, period, f):
        calls.append((os.getpid(), rep.__dict__.get("_ahead") is not None))
        return coverage_lines(ds, period, f)

    monkeypatch.setattr(sections, "_coverage_lines", recorded)
    rep = BrandReport(sample, "2026-10", kind="monthly", lang="fr")
    assert calls == []
    assert rep.build_ahead("alerts")
    assert calls == [(os.getpid(), True)]
    here = BrandReport(sample, "2026-10", kind="monthly", lang="fr")
    assert (rep.cover_lines, rep.cover_warnings) == (here.cover_lines, here.cover_warnings)
    assert len(calls) == 2                  # `here`'s, when its lines were read; not again
    rep.alerts()
