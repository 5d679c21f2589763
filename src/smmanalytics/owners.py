"""Who made a work folder, and whether it may go: the one rule for the ``owner`` file of a
report's work folder (``runner._work_folder``), of the temporary notebooks folder
(``runner._temporary_notebooks``) and of ``make clean`` (``tools/clean_reports.py``).

Standard library only, and importing nothing of the package: ``make clean`` needs no .venv
and loads this file by its path. When unsure, a folder is kept: removing a running report's
folder crashes it, keeping a dead one's costs a day of disk.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import NamedTuple

#: a run's work folder whose creator cannot be told dead (it ran on another machine, or was
#: killed before it wrote its ``owner``) is left behind once untouched for this long (seconds:
#: a day; a report takes minutes)
STALE_AFTER = 24 * 3600

#: a work folder without ``owner`` holding nothing but the kernel's connection file (or
#: nothing) is left behind once untouched for this long (seconds): no run's folder lacks its
#: ``owner`` for longer than the instant between creating the folder and writing it
#: (``runner._work_folder``), before its kernel starts
ORPHANED_AFTER = 60

#: what the ``owner`` file says of a field it could not know (not Linux, no /proc)
UNKNOWN = "-"


class Owner(NamedTuple):
    """The process that made a folder. A process id names a process only on one machine,
    until it restarts, within one PID namespace (two containers sharing /tmp have the same
    host name and boot but each its own process ids), and until the process ends and its id
    is given to another (its start time tells them apart)."""

    host: str
    boot: str
    pid: int
    namespace: str = UNKNOWN
    started: str = UNKNOWN

    def text(self) -> str:
        """The ``owner`` file's contents: the fields, space-separated."""
        return " ".join(map(str, self))


def this_run() -> Owner:
    """This process, as an ``owner`` file says it."""
    boot = _read("/proc/sys/kernel/random/boot_id")
    try:
        namespace = str(os.stat("/proc/self/ns/pid").st_ino)
    except OSError:
        namespace = UNKNOWN
    return Owner(socket.gethostname(), boot, os.getpid(), namespace, _started(os.getpid()))


def write_owner(work: Path) -> None:
    """Say in ``work/owner`` that this process made ``work``."""
    (work / "owner").write_text(this_run().text(), encoding="utf-8")


def read_owner(work: Path) -> Owner | None:
    """The process that made ``work``, as its ``owner`` file says; None without one, or with
    one being written (empty) or that this module did not write. An earlier version's names
    the host, boot and process only."""
    try:
        host, boot, pid, *rest = (work / "owner").read_text(encoding="utf-8").split()
        return Owner(host, boot, int(pid), *rest) if len(rest) in (0, 2) else None
    except (OSError, ValueError):
        return None


def owner_ended(work: Path) -> bool | None:
    """Whether the process that made ``work`` has ended: True when it ran on this machine
    before it restarted, or in this PID namespace and runs no longer (or its id is another
    process's now); False when it runs; None when this process cannot tell (no ``owner``,
    another machine's, another PID namespace's, where ``os.kill`` sees other processes)."""
    owner, here = read_owner(work), this_run()
    if owner is None or owner.host != here.host:
        return None
    if owner.boot != here.boot:
        return True
    if owner.namespace not in (UNKNOWN, here.namespace):
        return None
    return not running(owner.pid) or _known_apart(owner.started, _started(owner.pid))


def left_behind(work: Path, now: float) -> bool:
    """Whether the work folder ``work`` is one its run will never remove: its creator ended
    (:func:`owner_ended`); else, when that cannot be told, it has been untouched for
    :data:`STALE_AFTER`, or for :data:`ORPHANED_AFTER` when it holds no more than a kernel's
    connection file (:func:`orphaned`). Never one whose ``owner`` names another host
    (:func:`elsewhere`): a report on another machine sharing the folder may write nothing
    to it for a day (a kernel waiting on a slow export), and only that machine can tell
    whether it ended; age alone removed such a live folder after 24 h."""
    ended = owner_ended(work)
    if ended is not None:
        return ended
    if elsewhere(work):
        return False
    try:
        untouched = now - work.stat().st_mtime
        return untouched > STALE_AFTER or (untouched > ORPHANED_AFTER and orphaned(work))
    except FileNotFoundError:               # removed meanwhile by another run
        return False


def elsewhere(work: Path) -> bool:
    """Whether the ``owner`` of ``work`` names another host than this one: its run is that
    machine's to tell ended, never this one's by the folder's age."""
    owner = read_owner(work)
    return owner is not None and owner.host != this_run().host


def orphaned(work: Path) -> bool:
    """Whether the work folder ``work`` holds nothing but, at most, the kernel's connection
    file (no ``owner``): a run killed as it created it, or a kernel still starting when its
    run, stopped, removed the folder, which ipykernel made again to write its connection file
    there (``runner._stop_kernel`` now ends it first; this is for the kernels it could not,
    and earlier versions' folders).

    No running report's folder looks so once :data:`ORPHANED_AFTER` has passed: each run
    writes its ``owner`` and makes ``new/`` the instant after it creates its folder, before
    its kernel starts, and removes neither until it removes the folder."""
    return {p.name for p in work.iterdir()} <= {"kernel.json"}


def running(pid: int) -> bool:
    """Whether a process of this id runs in this PID namespace (another user's too). On
    Windows, always: there ``os.kill`` ends a process rather than probing it."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _started(pid: int) -> str:
    """When process ``pid`` started, in clock ticks since the machine's boot (field 22 of
    /proc/<pid>/stat, after the name in parentheses, which may hold spaces); ``-`` where
    there is no /proc or the process is gone."""
    stat = _read(f"/proc/{pid}/stat")
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else UNKNOWN


def _known_apart(recorded: str, now: str) -> bool:
    """Whether two start times, both known, differ: the id is another process's now."""
    return UNKNOWN not in (recorded, now) and recorded != now


def _read(path: str) -> str:
    """The stripped text of a /proc file; ``-`` where it cannot be read (not Linux)."""
    try:
        return Path(path).read_text(encoding="ascii").strip() or UNKNOWN
    except OSError:
        return UNKNOWN
