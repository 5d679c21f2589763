"""Stand-ins for a batch's reports, run in its spawned workers (so importable by name): one
brand's worker dies as the OOM killer would end it, the others' reports take a moment."""

from __future__ import annotations

import os
import signal
import time

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
