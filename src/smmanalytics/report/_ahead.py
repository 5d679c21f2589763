"""Sections built ahead, in a forked copy of the report, while the notebook builds the others.

A monthly report spends about half its time in two sections, best times and the reputation
watch, and runs on one core; the top posts read the watch's incidents, so the copy builds them
too, before the watch, which then takes the incidents it found. :meth:`Report.build_ahead`
forks the report once: the copy builds
the sections it is given, in order, and sends each one back (its blocks, figures and state).
When the notebook reaches such a section, called without arguments, it takes the copy's
section, as if built there; called with arguments, or when the copy failed, it builds the
section itself, so a failure shows where the cell is, with its traceback.

Warnings raised in the copy are raised again when its section is taken, so they show under
the cell that displays it. The copy sees the report as it was when forked: a section built
ahead does not see later changes to ``rep.ds``.

Forking needs the ``fork`` start method (Linux) and a second core to run the copy on;
elsewhere nothing is built ahead. A batch on several workers runs its reports side by side
instead (the runner asks for no forks there); a serial batch forks as a single report does.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import io
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from dataclasses import dataclass

__all__ = ["Ahead", "can_fork", "built_ahead"]

logger = logging.getLogger(__name__)


def can_fork() -> bool:
    """Whether a copy of the report can be forked (Linux) and run beside it (a second core)."""
    return (sys.platform.startswith("linux")
            and "fork" in multiprocessing.get_all_start_methods()
            and len(os.sched_getaffinity(0)) > 1)


@dataclass
class Built:
    """One section as the copy built it: what the report must adopt."""

    name: str
    section: object | None            # the Section, or None when the copy failed
    state: dict                       # report attributes the section changed (_slots)
    warnings: list[tuple]             # (message, category, filename, lineno)
    error: str | None = None
    stdout: str = ""                  # what the section printed, shown when it is taken
    stderr: str = ""


#: seconds to wait for a section from the copy before building the rest in the kernel
PATIENCE = 600.0

#: report attributes a section may change besides its blocks and figures
_STATE = ("_slots",)


#: prctl option: the signal the calling process gets when its parent dies (linux/prctl.h)
PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """In the forked copy: end when ``parent`` (the kernel) dies, however it dies.

    A kernel killed outright (``kill -9``, the out-of-memory killer) runs no clean-up, and
    its copy, blocked on a pipe nobody reads (a section is larger than the pipe's buffer),
    waited forever. The kernel asks Linux to kill the copy with it; should it have died
    before the request was made, the copy, now some other process's child, ends at once.
    The signal comes when the thread that forked exits: a notebook's cells run on the
    kernel's main thread, which lives as long as the kernel.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):    # not Linux: the pipe's closed end still ends the copy
        pass
    if os.getppid() != parent:
        os._exit(0)


def _work(report, names: tuple[str, ...], conn, recv, parent: int) -> None:
    """In the forked copy: build each section and send it back, one message each.

    The copy writes nothing to the streams it inherited (in a kernel, they belong to threads
    that were not forked): what a section prints, or logs to stderr, is sent back with it.
    It closes its inherited copy of the pipe's reading end, so that a send to a kernel that
    has died fails (BrokenPipeError) instead of blocking, and it dies with the kernel.
    """
    _die_with(parent)
    recv.close()
    report._ahead = None               # the copy builds for real
    for name in names:
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                before = {a: dict(getattr(report, a, {})) for a in _STATE}
                section = getattr(report, name)()
                state = {a: {k: v for k, v in getattr(report, a, {}).items()
                             if k not in before[a] or before[a][k] is not v}
                         for a in _STATE}
                built = Built(name, section, state, [])
            except BaseException:
                built = Built(name, None, {}, [], error=traceback.format_exc())
        built.warnings = [(str(w.message), w.category, w.filename, w.lineno) for w in caught]
        built.stdout, built.stderr = sys.stdout.getvalue(), sys.stderr.getvalue()
        try:
            conn.send(built)
        except OSError:                 # the kernel is gone (a broken pipe): nobody to build for
            return
        except Exception:               # a section that cannot be sent is built in the kernel
            conn.send(Built(name, None, {}, [], error=traceback.format_exc()))
    conn.close()


class Ahead:
    """The forked copy of a report and the sections it sent back.

    A thread of the kernel receives each section as soon as the copy sends it. Left in the
    pipe until the notebook reached its cell, a section larger than the pipe's buffer (best
    times: five heatmaps) kept the copy waiting there instead of building the next one, and
    the notebook then waited for that one.
    """

    def __init__(self, report, names: tuple[str, ...]) -> None:
        ctx = multiprocessing.get_context("fork")
        self._recv, send = ctx.Pipe(duplex=False)
        self._pending = list(names)
        self._done: dict[str, Built] = {}
        self._arrived = threading.Condition()
        self._ended = False              # the copy has sent all it will, or died
        self._proc = ctx.Process(target=_work, args=(report, names, send, self._recv,
                                                     os.getpid()),
                                 daemon=True, name="smm-report-ahead")
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a process with threads (a kernel has some) may
            # deadlock the child on a lock another thread held. The copy takes none of theirs:
            # it runs the report's own code, keeps its output to itself (see _work), and
            # multiprocessing ends it with os._exit, never closing the kernel's sockets.
            warnings.filterwarnings("ignore", r"This process .* is multi-threaded",
                                    DeprecationWarning)
            # the kernel's objects frozen: the copy's garbage collector leaves them alone
            # instead of touching every page they share with the kernel (each touch copies
            # the page); on the sample the copy's two sections took 2.5 s instead of 2.75
            gc.freeze()
            try:
                self._proc.start()
            finally:
                gc.unfreeze()
        send.close()
        self._reader = threading.Thread(target=self._receive, name="smm-report-ahead-reader",
                                        daemon=True)
        self._reader.start()

    def _receive(self) -> None:
        """In a thread of the kernel: keep each section the copy sends, until it ends."""
        try:
            while True:
                built = self._recv.recv()
                with self._arrived:
                    self._done[built.name] = built
                    self._arrived.notify_all()
        except (EOFError, OSError):     # all sent (the copy closed its end), or it died
            pass
        except Exception:               # a section that cannot be read: built in the kernel
            logger.info("a section from the report's copy could not be read:\n%s",
                        traceback.format_exc())
        finally:
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()

    def take(self, name: str) -> Built | None:
        """The copy's build of ``name`` (waiting for it), or None: build it in the kernel."""
        deadline = time.monotonic() + PATIENCE
        with self._arrived:
            if name not in self._pending:   # not built ahead, or taken already: built here
                return None
            while name not in self._done and not self._ended:
                if not self._arrived.wait(deadline - time.monotonic()):
                    break                   # a stuck copy: stop it, build what is left here
            built = self._done.pop(name, None)
            if built is not None:
                self._pending.remove(name)
            else:                           # died, stuck or failed to send: the rest here
                self._pending.clear()
        if not self._pending:
            self.close()
        if built is not None and built.section is None:
            logger.info("section %s failed in the report's copy; building it here:\n%s",
                        name, built.error)
        if built is None or built.section is None:
            return None
        return built

    def close(self) -> None:
        self._pending.clear()
        if self._proc.is_alive():
            self._proc.join(timeout=0.1)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()
        # the copy's end of the pipe is closed now: the reader has its EOFError
        self._reader.join(timeout=5)
        if not self._reader.is_alive():
            self._recv.close()


def built_ahead(method):
    """Mark a report section that :meth:`Report.build_ahead` may build in a forked copy."""
    @functools.wraps(method)
    def section(self, *args, **kwargs):
        ahead = self.__dict__.get("_ahead")
        if ahead is not None and not args and not kwargs:
            built = ahead.take(method.__name__)
            if built is not None:
                return self._adopt(built)
        return method(self, *args, **kwargs)

    section.built_ahead = True
    return section
