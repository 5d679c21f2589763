"""How an ``smm`` process, and each worker process of a batch, stops on SIGTERM (and waits,
as for SIGTERM, for a step that must not be cut in two before a Ctrl-C stops it).

The handler is shared by the command line (``cli.main`` installs it around the command) and
by a batch's workers (``runner._worker_start``); it lives here, apart from both, with the
state it reads, which the runner's workers set.

It stops as Ctrl-C does, by an exception, so that the finally blocks run on the way out: a
report's kernel is shut down, its temporary folder removed, a batch stops its workers'
reports. A worker between two reports only notes it and starts no further report, unless its
batch is gone (then nothing else would ever end it: it ends).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from typing import NoReturn

__all__ = ["Terminated", "held", "on_sigterm"]

stopping = False       # a SIGTERM came (a worker starts no further report)
in_worker = False      # this process is a batch's worker
batch_pid: int | None = None   # the batch process a worker serves
running = False        # the worker runs a report
holding = 0            # within held(): a SIGTERM stops the process at the last block's end
held_signal: int | None = None     # the signal that came meanwhile
main_holding = 0       # the main thread's own held() blocks: a Ctrl-C waits for their end


#: the loggers a process stopping on SIGTERM silences: what they would say then is the stop's
#: own noise (a cell's task failing, the kernel the clean-up shut down found dead)
QUIET_WHEN_STOPPING = ("asyncio", "papermill")


class Terminated(SystemExit):
    """The SystemExit that SIGTERM raises (exit code 143): ``smm`` says what was stopped."""


def on_sigterm(signum: int, frame) -> None:
    """SIGTERM handler (from a user, a service manager that signals every process of the
    job, or a batch stopping its workers: ``runner._stop_workers``). Only the first counts:
    a second one would interrupt the clean-up of the first.

    The cell the kernel was running is left as an asyncio task that fails when the kernel
    is interrupted; asyncio would print its whole traceback at exit, and that task, polling
    the kernel the run's clean-up shut down, could log papermill's "Kernel died while waiting
    for execute reply." before the batch's one line (now and then: a race with the clean-up),
    so both loggers are silenced: the process is stopping on purpose.
    """
    global stopping, held_signal
    stopping = True
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if running or not in_worker or orphaned():
        if holding:
            held_signal = signum
            return
        _terminate(signum)


def orphaned() -> bool:
    """Whether this worker's batch process is gone (it was reparented): no one will hand it
    another report, nor read its result, nor end it."""
    return batch_pid is not None and os.getppid() != batch_pid


def _terminate(signum: int) -> NoReturn:
    """Stop as the signal ``signum`` asks: Terminated, asyncio's and papermill's loggers
    silenced (see :func:`on_sigterm`)."""
    for name in QUIET_WHEN_STOPPING:
        logging.getLogger(name).disabled = True
    raise Terminated(128 + signum)


@contextlib.contextmanager
def held():
    """Within the block, a SIGTERM or a Ctrl-C (SIGINT) stops the process only at its end: for
    a step that must not be cut in two, such as a report's kernel being launched. Raised within
    ``subprocess.Popen`` after the kernel had started but before Popen returned it, Terminated
    (or KeyboardInterrupt: a terminal's Ctrl-C goes to ``smm``'s process group, not to the
    kernel's own) left no one knowing the kernel's process, which ran on and wrote its
    connection file into the work folder the run had removed (``runner._stop_kernel``).

    A SIGTERM that came meanwhile wins over a Ctrl-C (exit code 143), and stops the process at
    the end of the last block of any thread. A Ctrl-C is deferred by the main thread's blocks
    alone (it alone receives signals and sets handlers): the main thread's outermost block puts
    the SIGINT handler in, and puts back the one it replaced when it ends, whatever other
    threads' blocks still run, then gives it the Ctrl-C that came meanwhile. Counting every
    thread's blocks together, a main block left while a worker thread's block ran had put the
    handler in and nobody put it back: Ctrl-C was noted and never raised for the rest of the
    process."""
    global holding, main_holding
    in_main = threading.current_thread() is threading.main_thread()
    interrupt = _hold_interrupt() if in_main and not main_holding else None
    holding += 1
    main_holding += in_main
    try:
        yield
    finally:
        holding -= 1
        main_holding -= in_main
        if interrupt is not None:
            signal.signal(signal.SIGINT, interrupt)
            _raise_held(signal.SIGINT)      # to the handler put back: at once
        if not holding:
            _raise_held(None)


def _raise_held(only: int | None) -> None:
    """Raise the signal held meanwhile (SIGINT to its handler, SIGTERM as Terminated), and
    forget it; only when it is ``only``, unless ``only`` is None."""
    global held_signal
    signum = held_signal
    if signum is None or only not in (None, signum):
        return
    held_signal = None
    if signum == signal.SIGINT:
        signal.raise_signal(signal.SIGINT)
    else:
        _terminate(signum)


def _hold_interrupt():
    """Have a Ctrl-C noted in :data:`held_signal` rather than handled; return the SIGINT handler
    it replaced, to be put back, or None when there is none to defer: in a thread other than
    the main one (which alone receives signals and sets handlers), or when SIGINT is ignored
    or handled outside Python."""
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGINT)
    if not callable(previous):
        return None
    signal.signal(signal.SIGINT, _on_sigint_held)
    return previous


def _on_sigint_held(signum: int, frame) -> None:
    """SIGINT handler within :func:`held`: noted, unless a SIGTERM came first."""
    global held_signal
    if held_signal is None:
        held_signal = signum
