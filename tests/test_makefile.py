"""The Makefile and its standard-library tools: a failed venv bootstrap leaves nothing that
blocks the next make, ``make clean`` removes report outputs only, paths with spaces hold.

Each Makefile test runs make in a copy of the Makefile and tools/ under tmp_path, with
``-n`` wherever the target would install or run a report: nothing goes to the network."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(f"_tool_{name}", ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _copy(tmp_path: Path, folder: str = "project") -> Path:
    """The Makefile, pyproject.toml, tools/ and the one module a tool loads
    (``clean_reports``: ``smmanalytics/owners.py``) copied into ``tmp_path/folder``."""
    dest = tmp_path / folder
    (dest / "tools").mkdir(parents=True)
    (dest / "src" / "smmanalytics").mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "src/smmanalytics/owners.py"):
        shutil.copy(ROOT / name, dest / name)
    for tool in (ROOT / "tools").glob("*.py"):
        shutil.copy(tool, dest / "tools" / tool.name)
    return dest


def _make(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=cwd,
                          capture_output=True, text=True)


def _fake_python(path: Path, exit_code: int) -> None:
    """A ``bin/python`` whose ``-m pip --version`` exits ``exit_code``: 0 a python with pip."""
    path.parent.mkdir(parents=True)
    path.write_text(f"#!/bin/sh\nexit {exit_code}\n")
    path.chmod(0o755)


def _no_ensurepip(self, context):
    raise subprocess.CalledProcessError(1, ["python", "-m", "ensurepip"])


def test_a_failed_bootstrap_removes_the_half_made_venv_and_says_what_to_do(
        tmp_path, monkeypatch, capsys):
    """A Debian python3 without python3-venv: ensurepip fails and so does its own pip. The
    fallback venv (a python without pip) made ``.venv/bin/python``, so every later make
    skipped the bootstrap and failed "No module named pip" until .venv was removed by hand."""
    bootstrap = _tool("bootstrap_venv")
    monkeypatch.setattr(venv.EnvBuilder, "_setup_pip", _no_ensurepip)

    def no_pip(cmd, *args, check=False, **kwargs):     # "No module named pip", exit 1
        if check:
            raise subprocess.CalledProcessError(1, cmd)
        return subprocess.CompletedProcess(cmd, 1)

    monkeypatch.setattr(bootstrap.subprocess, "run", no_pip)
    target = tmp_path / ".venv"
    assert bootstrap.main(str(target)) == 1
    assert not target.exists()
    err = capsys.readouterr().err
    assert f"could not install pip into the new environment {target} (removed it)" in err
    assert "apt-get install python3-venv) and run make again" in err


def test_a_venv_with_pip_is_left_as_it_is(tmp_path, monkeypatch):
    bootstrap = _tool("bootstrap_venv")

    def no_create(self, path):
        raise AssertionError("a complete venv was made again")

    monkeypatch.setattr(venv.EnvBuilder, "create", no_create)
    target = tmp_path / ".venv"
    _fake_python(target / "bin" / "python", exit_code=0)
    (target / "mine").write_text("kept")
    assert bootstrap.main(str(target)) == 0
    assert (target / "mine").read_text() == "kept"


def test_a_venv_without_pip_is_made_again(tmp_path, monkeypatch):
    """What an earlier failed run left (before the bootstrap removed it): made afresh, its
    old contents cleared, rather than a python without pip kept."""
    bootstrap = _tool("bootstrap_venv")
    monkeypatch.setattr(venv.EnvBuilder, "_setup_pip", lambda self, context: None)
    target = tmp_path / ".venv"
    _fake_python(target / "bin" / "python", exit_code=1)
    (target / "stale").write_text("half made")
    assert bootstrap.main(str(target)) == 0
    assert not (target / "stale").exists()
    assert (target / "pyvenv.cfg").is_file() and (target / "bin" / "python").exists()


def test_the_venv_counts_as_made_when_its_install_has_finished(tmp_path):
    """``make install`` with no .venv: the bootstrap, then pip, then the stamp, last of the
    venv's lines; then the package's bytecode, which every install-based target writes first
    (where PYTHONDONTWRITEBYTECODE is set each process compiled the package again on import:
    2.1 s an import for 1.2 s)."""
    project = _copy(tmp_path)
    lines = _make(project, "-n", "install").stdout.splitlines()
    assert lines[0] == "python3 tools/bootstrap_venv.py .venv"
    assert lines[-2:] == ["touch .venv/.installed-stamp", ".venv/bin/python -m compileall -q src"]
    test = _make(project, "-n", "test").stdout.splitlines()
    assert test.index(".venv/bin/python -m compileall -q src") < next(
        i for i, line in enumerate(test) if "-m pytest" in line)
    assert ".DELETE_ON_ERROR:" in (project / "Makefile").read_text().splitlines()


def test_paths_with_spaces_are_quoted(tmp_path):
    """``make report OUT="out dir"`` gave ``smm: error: unrecognized arguments: dir``;
    ``make -f "<path with space>/Makefile" help``, ``grep: …: No such file``."""
    project = _copy(tmp_path, "mon dossier é")
    report = _make(project, "-n", "report", "OUT=out dir", "DATA=my brand", "PERIOD=2026-10")
    assert ('.venv/bin/smm report monthly --data "my brand" --period "2026-10" '
            '--out "out dir"') in report.stdout.splitlines()
    sample = _make(project, "-n", "sample", "DATA=my brand")
    assert '.venv/bin/smm sample --out "my brand"' in sample.stdout.splitlines()
    helped = _make(tmp_path, "-f", str(project / "Makefile"), "help")
    assert helped.returncode == 0, helped.stderr
    assert "  clean: remove caches and the report outputs under OUT" in helped.stdout


def _touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")


def test_clean_removes_report_outputs_only_and_names_them(tmp_path):
    """``make clean OUT=DIR`` emptied DIR: the user's notes.txt and sub/README.md went too."""
    from smmanalytics import owners

    project = _copy(tmp_path)
    out = tmp_path / "out dir"
    outputs = ["maison-seve/2026-10/maison-seve-2026-10.pdf",
               "maison-seve/2026-10/maison-seve-2026-10-instagram.ics",
               "maison-seve/maison-seve-2026-10.failed.ipynb",
               "maison-seve/.2026-10.k3x9a0q1/owner",
               "acme/2026-Q3/acme-2026-Q3.html"]
    mine = ["notes.txt", "sub/README.md", "acme/2026-Q3/notes.md", "acme/old.pdf"]
    for name in outputs + mine:
        _touch(out / name)
    # a killed run's, from before the machine restarted (an unreadable owner is kept)
    rebooted = owners.this_run()._replace(boot="another-boot").text()
    (out / "maison-seve/.2026-10.k3x9a0q1/owner").write_text(rebooted, encoding="utf-8")
    done = _make(project, "clean", f"OUT={out}")
    assert done.returncode == 0, done.stderr
    # the files, then each folder they left empty; not the acme folders, which hold the user's
    removed = {line.removeprefix("removed ") for line in done.stdout.splitlines()
               if line.startswith("removed ")}
    assert removed == {str(out / name) for name in (
        "maison-seve/2026-10/maison-seve-2026-10.pdf",
        "maison-seve/2026-10/maison-seve-2026-10-instagram.ics",
        "maison-seve/2026-10", "maison-seve/maison-seve-2026-10.failed.ipynb",
        "maison-seve/.2026-10.k3x9a0q1", "maison-seve",
        "acme/2026-Q3/acme-2026-Q3.html")}
    left = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert left == set(mine)


def test_clean_keeps_the_users_files_named_like_the_brand_and_empty_folders(tmp_path):
    """``make clean OUT=~/Clients`` removed the user's acme/2025/acme-invoice-march.pdf and
    acme-notes.html (the brand's name, a report's suffix, in a year-named folder) and the
    user's empty photos/ folder. Only acme/2026-10/acme-2026-10.pdf is a report's: its stem
    ends with its folder's period; the others name no period, or another folder's."""
    project = _copy(tmp_path)
    out = tmp_path / "Clients"
    mine = ["acme/2025/acme-invoice-march.pdf", "acme/2025/acme-notes.html",
            "acme/2025/acme-notes-2025.pdf",        # no report kind is "notes"
            "acme/2026-Q3/acme-2026-10.pdf",         # October's name in the quarter's folder
            "acme/acme-draft.failed.ipynb"]          # no period in its name
    for name in [*mine, "acme/2026-10/acme-2026-10.pdf"]:
        _touch(out / name)
    (out / "photos").mkdir()
    (out / "acme" / "2026-11").mkdir()              # empty, and no report's: the user's
    done = _make(project, "clean", f"OUT={out}")
    assert done.returncode == 0, done.stderr
    # the one report file, then its folder, which it left empty; acme/ holds the user's
    said = [line for line in done.stdout.splitlines() if line.startswith("removed ")]
    assert said == [f"removed {out / 'acme/2026-10/acme-2026-10.pdf'}",
                    f"removed {out / 'acme/2026-10'}"]
    assert {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} == set(mine)
    assert (out / "photos").is_dir() and (out / "acme" / "2026-11").is_dir()


@pytest.mark.parametrize("label", ["2026", "2026-10", "2026-Q3", "2026-09-01..2026-10-31"])
def test_clean_knows_every_name_a_report_writes(label):
    """The names runner gives (``_stem``, each kind, in another language or not; the files
    of ``_own_files``; ``_failed_notebook``) are the ones the tool removes; names beside them
    that no report writes are not."""
    from smmanalytics import runner
    from smmanalytics.schema import PLATFORMS

    tool = _tool("clean_reports")
    stems = [runner._stem(kind, "maison-seve", label, name, lang=lang)
             for kind, name in [("monthly", None), ("best-times", None),
                                ("best-times", "instagram"), ("campaign", "Été 2026 ✿")]
             for lang in (None, "it")]
    for stem in stems:
        files = [f"{stem}{ext}" for ext in (".ipynb", ".html", ".pdf")]
        for name in files + [f"{stem}-{platform}.ics" for platform in PLATFORMS]:
            assert tool.report_file(name, "maison-seve", label), name
        assert tool.report_file(f"{stem}.failed.ipynb", "maison-seve", ending=tool.FAILED)
        assert not tool.report_file(f"{stem}.docx", "maison-seve", label)
        assert not tool.report_file(f"{stem}.pdf", "maison-seve", "1999")
        assert not tool.report_file(f"{stem}.pdf", "acme", label)
    assert not tool.report_file(f"maison-seve-notes-{label}.pdf", "maison-seve", label)


def test_clean_without_a_reports_folder_says_so_and_succeeds(tmp_path):
    project = _copy(tmp_path)
    done = _make(project, "clean")
    assert done.returncode == 0, done.stderr
    assert "no reports folder reports: nothing to remove" in done.stdout


def test_clean_keeps_a_running_reports_work_folder_and_says_so(tmp_path):
    """``make clean`` during a report removed its work folder from under it. A work folder
    whose ``owner`` (as runner writes it) is a process still running (this test's) is kept,
    and said; one whose process ended (a finished ``true``) is a killed run's, removed."""
    from smmanalytics import owners

    project = _copy(tmp_path)
    out = tmp_path / "reports"
    here = owners.this_run()
    alive = here.pid
    ended = subprocess.Popen(["true"])
    ended.wait()
    for name, pid in ((".2026-10.running1", alive), (".2026-10.killed01", ended.pid)):
        _touch(out / "acme" / name / "new" / "acme-2026-10.pdf")
        owner = here._replace(pid=pid, started="-").text()
        (out / "acme" / name / "owner").write_text(owner, encoding="utf-8")
    done = _make(project, "clean", f"OUT={out}")
    assert done.returncode == 0, done.stderr
    # acme/ is not emptied: it holds the kept folder
    said = [line for line in done.stdout.splitlines() if line.startswith(("kept ", "removed "))]
    assert said == [
        f"kept {out / 'acme/.2026-10.running1'}: the work folder of a report still running "
        f"(process {alive})",
        f"removed {out / 'acme/.2026-10.killed01'}"]
    assert (out / "acme" / ".2026-10.running1" / "new" / "acme-2026-10.pdf").is_file()
    assert not (out / "acme" / ".2026-10.killed01").exists()


def test_clean_and_the_runner_remove_the_same_work_folders(tmp_path, capsys):
    """``make clean`` had its own copy of the runner's owner rule with the opposite default:
    an empty ``owner`` (a report's as it writes it), an unreadable one or another machine's
    was removed, which the runner keeps. Both now read it with :mod:`smmanalytics.owners`:
    on the same folders (all fresh, so the runner's one-day rule removes none) they remove
    the same ones, those whose process is known to have ended."""
    from smmanalytics import owners, runner

    here = owners.this_run()
    ended = subprocess.Popen(["true"])
    ended.wait()
    gone = {"rebooted": here._replace(boot="another-boot").text(),
            "deadpid1": here._replace(pid=ended.pid).text(),
            "dead3fld": f"{here.host} {here.boot} {ended.pid}"}       # an earlier version's
    kept = {"empty001": "", "garbage1": "not an owner",
            "elsewher": f"{here.host}-2 - 1",                           # another machine
            "otherns1": here._replace(namespace="1").text(),            # another container
            "running1": here.text(), "live3fld": f"{here.host} {here.boot} {here.pid}"}
    if here.started != "-":                  # the id, now another process's (Linux only)
        gone["reused01"] = here._replace(started=str(int(here.started) + 1)).text()
    removed = {}
    for who in ("clean", "runner"):
        brand = tmp_path / who / "acme"
        for name, owner in {**gone, **kept}.items():
            (brand / f".2026-10.{name}").mkdir(parents=True)
            (brand / f".2026-10.{name}" / "owner").write_text(owner, encoding="utf-8")
        if who == "clean":
            _tool("clean_reports").main(str(tmp_path / who))
        else:
            runner._remove_left_behind(brand, "2026-10")
        removed[who] = {f".2026-10.{name}" for name in {**gone, **kept}} - {
            p.name for p in brand.iterdir()}
    assert removed["clean"] == removed["runner"] == {f".2026-10.{name}" for name in gone}
    said = capsys.readouterr().out
    assert (f"kept {tmp_path / 'clean/acme/.2026-10.empty001'}: the work folder of a report "
            "that may still be running (owner: unreadable); it goes once untouched for 24 h"
            ) in said
    assert f"the work folder of a report still running (process {here.pid})" in said


def test_clean_keeps_another_machines_work_folder_a_day_old_and_says_why(tmp_path, capsys):
    """``make clean`` removed another machine's live work folder once untouched for a day:
    only that machine can tell whether its report ended. Untouched for two days, it is kept,
    and the line names the host and what to do."""
    import os
    import time

    from smmanalytics import owners

    here = owners.this_run()
    work = tmp_path / "acme" / ".2026-10.elsewher"
    work.mkdir(parents=True)
    (work / "owner").write_text(here._replace(host="studio-mac").text(), encoding="utf-8")
    old = time.time() - 2 * owners.STALE_AFTER
    os.utime(work, (old, old))
    _tool("clean_reports").main(str(tmp_path))
    assert work.is_dir()
    assert capsys.readouterr().out == (
        f"kept {work}: the work folder of a report on another machine (studio-mac); only it "
        "can tell whether the report ended: run make clean there, or remove the folder by "
        f"hand once it has\nno report outputs in {tmp_path}: nothing to remove\n")
