"""The ``owner`` of a work folder or of the temporary notebooks folder: which process made
it, and whether it may go (:mod:`smmanalytics.owners`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from smmanalytics import owners, runner


def _owned(folder: Path, owner: owners.Owner | str) -> Path:
    folder.mkdir()
    text = owner if isinstance(owner, str) else owner.text()
    (folder / "owner").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.skipif(not Path("/proc/self/ns/pid").exists(), reason="Linux PID namespaces")
def test_another_pid_namespaces_notebooks_folder_is_kept(tmp_path, monkeypatch):
    """Two containers sharing /tmp (a Kubernetes pod's emptyDir) have the same host name and
    boot but their own process ids: one's smm removed the other's running notebooks folder,
    as ``os.kill(pid, 0)`` found no such process in its own namespace. An owner of another
    namespace cannot be told, and is kept; one of this namespace whose process ended goes.
    (The other namespace is faked in the owner file: its number is no namespace's here.)"""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    here = owners.this_run()
    assert here.namespace.isdigit() and here.started.isdigit()
    unused_pid = 2 ** 22 + 1                    # above Linux's pid_max: runs nowhere here
    elsewhere = _owned(tmp_path / "smm-notebooks-other",
                       here._replace(pid=unused_pid, namespace=str(int(here.namespace) + 1)))
    dead = _owned(tmp_path / "smm-notebooks-dead", here._replace(pid=unused_pid))
    assert owners.owner_ended(elsewhere) is None and owners.owner_ended(dead) is True
    runner._remove_dead_notebooks()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["smm-notebooks-other"]


def test_a_running_process_is_told_from_one_that_took_a_dead_ones_id(tmp_path):
    """A process id is another process's once its process ended: the start time recorded
    beside it tells them apart (this process, with its start time one tick later, is another
    process). Where no start time is known (an earlier version's owner, no /proc), the id
    alone says, as before."""
    here = owners.this_run()
    assert owners.owner_ended(_owned(tmp_path / "me", here)) is False
    earlier = _owned(tmp_path / "earlier", f"{here.host} {here.boot} {here.pid}")
    assert owners.read_owner(earlier) == here._replace(namespace="-", started="-")
    assert owners.owner_ended(earlier) is False
    if here.started != "-":
        other = here._replace(started=str(int(here.started) + 1))
        assert owners.owner_ended(_owned(tmp_path / "other", other)) is True


@pytest.mark.parametrize("text", ["", "a b", "a b c", "a b 12 x", "a b 12 x y z"])
def test_an_owner_being_written_or_not_ours_is_none(tmp_path, text):
    """An empty ``owner`` (the instant between its creation and its write), or one of fields
    this module does not write (no pid, 4 or 6 fields), names no process: cannot be told."""
    work = _owned(tmp_path / "work", text)
    assert owners.read_owner(work) is None and owners.owner_ended(work) is None


def test_another_hosts_work_folder_is_kept_whatever_its_age(tmp_path):
    """A report on another machine sharing the reports folder can write nothing to its work
    folder for a day (a kernel waiting on a slow export): only that machine can tell whether
    it ended, and the age rule removed it after :data:`owners.STALE_AFTER` (24 h). Another
    host's folder, untouched for two days, is kept; this host's in another PID namespace
    (cannot be told either) and one without ``owner`` still go by age, as before."""
    import os

    here = owners.this_run()
    now = 1_800_000_000.0
    two_days_ago = now - 2 * owners.STALE_AFTER           # past the 24 h of the age rule
    other_host = _owned(tmp_path / "other_host", here._replace(host=here.host + "-2"))
    other_ns = _owned(tmp_path / "other_ns", here._replace(namespace="1", pid=2 ** 22 + 1))
    unreadable = _owned(tmp_path / "unreadable", "")
    (unreadable / "new").mkdir()                           # not orphaned: the age rule
    for work in (other_host, other_ns, unreadable):
        os.utime(work, (two_days_ago, two_days_ago))
    assert owners.elsewhere(other_host) and not owners.elsewhere(other_ns)
    assert owners.left_behind(other_host, now) is False
    assert owners.left_behind(other_ns, now) is True
    assert owners.left_behind(unreadable, now) is True
