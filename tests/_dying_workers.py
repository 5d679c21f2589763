"""Stand-ins for a batch's reports, run in its spawned workers (so importable by name): one
brand's worker dies as the OOM killer would end it, the others' reports take a moment."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

from smmanalytics import runner
from smmanalytics.runner import BatchJob, BatchResult

#: the worker's own function, as the workers import it (the test patches the batch's copy)
_run_job_in_worker = runner._run_job_in_worker

#: the brand whose worker is killed (SIGKILL) as its report starts
DIES = "dies"


def run_or_die(job: BatchJob, place: int | None = None) -> BatchResult:
    """The batch's worker function, its reports replaced by :func:`_report`."""
    runner.run_job = _report
    return _run_job_in_worker(job, place)


def _report(job: BatchJob) -> BatchResult:
    """A report written after a second (long enough to be running when the other worker
    dies), or, for :data:`DIES`, its worker killed."""
    if job.brand == DIES:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(float(job.parameters[0][1]) if job.parameters else 1.0)
    return BatchResult(job.brand, job.kind, True, pdf=f"{job.brand}.pdf")


def run_or_die_in_its_folder(job: BatchJob, place: int | None = None) -> BatchResult:
    """The batch's worker function, its reports replaced by :func:`_report_in_its_folder`."""
    runner.run_job = _report_in_its_folder
    return _run_job_in_worker(job, place)


def _report_in_its_folder(job: BatchJob) -> BatchResult:
    """A report that makes its work folder in ``<out>/<brand>/`` as ``run_report`` does
    (``runner._work_folder``: its ``owner`` this worker) and removes it as it ends; for
    :data:`DIES`, its worker killed with the folder in place, whose path it writes first in
    ``<out>/<brand>/died-in``."""
    reports = Path(job.out) / job.brand
    reports.mkdir(parents=True, exist_ok=True)
    work = runner._work_folder(reports, job.period)
    try:
        if job.brand == DIES:
            (reports / "died-in").write_text(str(work), encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.5)
        return BatchResult(job.brand, job.kind, True, pdf=f"{job.brand}.pdf")
    finally:
        shutil.rmtree(work, ignore_errors=True)
