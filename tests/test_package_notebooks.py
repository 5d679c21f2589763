"""Where a report's notebook comes from: ``$SMM_NOTEBOOKS``, a checkout's notebooks/, else the
package's own (smmanalytics.notebooks) written into the cache folder, as an installed package
(a wheel has no notebooks/ folder) runs them; ``smm notebooks --out DIR`` writes them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from smmanalytics import ReportError, __version__, _cache, runner
from smmanalytics.cli import main
from smmanalytics.notebooks import NOTEBOOKS, digest, file_text
from smmanalytics.runner import REPORT_KINDS, notebook_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """The package as a wheel installs it: no checkout around it, an empty cache folder."""
    monkeypatch.delenv("SMM_NOTEBOOKS", raising=False)
    monkeypatch.setattr(runner, "_checkout_notebooks", lambda: None)
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_checkout_runs_its_own_notebooks(monkeypatch):
    """The analyst may have edited the checkout's notebooks: those run, not the package's."""
    monkeypatch.delenv("SMM_NOTEBOOKS", raising=False)
    assert notebook_path("monthly") == ROOT / "notebooks" / "monthly_report.ipynb"


def test_an_installed_package_is_no_checkout(monkeypatch, tmp_path):
    """Installed with ``pip install --target DIR``, the package's folder is DIR/smmanalytics:
    a notebooks/ folder beside DIR is no checkout's (it was taken for one)."""
    package = tmp_path / "site" / "smmanalytics"
    package.mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.setattr(runner, "__file__", str(package / "runner.py"))
    assert runner._checkout_notebooks() is None
    monkeypatch.setattr(runner, "__file__", str(ROOT / "src" / "smmanalytics" / "runner.py"))
    assert runner._checkout_notebooks() == ROOT / "notebooks"


def test_an_installed_package_runs_its_notebooks_from_the_cache_folder(installed):
    folder = installed / "notebooks" / f"{__version__}-{digest()[:16]}"
    for kind, name in REPORT_KINDS.items():
        assert notebook_path(kind) == folder / name
        assert (folder / name).read_text(encoding="utf-8") == file_text(name)
    assert sorted(p.name for p in folder.iterdir()) == sorted(NOTEBOOKS)
    # written once: the next report finds them (no temporary folder left beside them)
    stamp = (folder / "monthly_report.ipynb").stat().st_mtime_ns
    assert notebook_path("monthly").stat().st_mtime_ns == stamp
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]
    # the cache's own: `smm cache info` counts it as such, `smm cache clear` removes it
    assert _cache.info()["other"] == []
    assert _cache.clear()["gone"]


def test_notebooks_missing_from_the_cache_folder_are_written_again(installed):
    first = notebook_path("campaign")
    first.unlink()                  # a partial clean-up by hand
    assert notebook_path("campaign") == first
    assert first.read_text(encoding="utf-8") == file_text(first.name)


def test_an_unwritable_cache_folder_runs_the_notebooks_from_a_temporary_folder(installed):
    installed.write_text("a file, not a folder")
    path = notebook_path("best-times")
    assert not path.is_relative_to(installed)
    assert path.read_text(encoding="utf-8") == file_text("best_times.ipynb")


def test_the_temporary_notebooks_folder_is_one_per_process_and_goes_with_it(tmp_path):
    """Each report made its own /tmp/smm-notebooks-* and none was removed: two reports of
    one process share one, removed when the process exits."""
    code = ("from smmanalytics import runner\n"
            "runner._checkout_notebooks = lambda: None\n"
            "first = runner.notebook_path('monthly').parent\n"
            "print(first, runner.notebook_path('best-times').parent == first)")
    cache = tmp_path / "cache"
    cache.write_text("a file, not a folder")
    env = {**os.environ, "SMM_CACHE_DIR": str(cache), "TMPDIR": str(tmp_path)}
    env.pop("SMM_NOTEBOOKS", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout.split()
    assert Path(out[0]).parent == tmp_path and Path(out[0]).name.startswith("smm-notebooks-")
    assert out[1] == "True"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]


def _notebooks_process(tmp_path: Path, then: str) -> subprocess.Popen:
    """A process that makes its temporary notebooks folder in ``tmp_path`` (its cache a
    file), prints its path, then runs ``then``."""
    code = ("import os, signal, sys\n"
            "from smmanalytics import runner\n"
            "runner._checkout_notebooks = lambda: None\n"
            "print(runner.notebook_path('monthly').parent, flush=True)\n" + then)
    cache = tmp_path / "cache"
    cache.write_text("a file, not a folder")
    env = {**os.environ, "SMM_CACHE_DIR": str(cache), "TMPDIR": str(tmp_path)}
    env.pop("SMM_NOTEBOOKS", None)
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)


def test_a_killed_processs_temporary_notebooks_are_removed_by_the_next(tmp_path):
    """A process killed (SIGKILL) left its /tmp/smm-notebooks-* for good: its exit never
    ran. The next process to make one removes it, not the one of a process still running."""
    killed = _notebooks_process(tmp_path, "os.kill(os.getpid(), signal.SIGKILL)\n")
    dead = Path(killed.stdout.readline().strip())
    assert killed.wait() == -signal.SIGKILL and (dead / "monthly_report.ipynb").is_file()
    running = _notebooks_process(tmp_path, "sys.stdin.read()\n")      # until told to end
    alive = Path(running.stdout.readline().strip())
    try:
        later = _notebooks_process(tmp_path, "")
        later.communicate()
        assert later.returncode == 0
        # the killed one's gone, the running one's kept; the later one's went at its exit
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", alive.name]
    finally:
        running.communicate("")
    assert running.returncode == 0 and not alive.exists()


def test_smm_notebooks_names_the_folder_it_lacks(monkeypatch, tmp_path):
    """SMM_NOTEBOOKS, when set, is where the notebooks are: a folder without them is an error
    that says how to fill it, not a silent run of other notebooks."""
    monkeypatch.setenv("SMM_NOTEBOOKS", str(tmp_path))
    with pytest.raises(ReportError, match=r"monthly_report\.ipynb not found in .*, the folder "
                                          r"SMM_NOTEBOOKS names.*smm notebooks --out DIR"):
        notebook_path("monthly")


def test_smm_report_exits_2_when_smm_notebooks_lacks_the_notebook(monkeypatch, tmp_path,
                                                                   capsys):
    """A folder without the notebook is a configuration error found before any report runs:
    exit status 2 (README), not the 1 of a report that ran and failed; same message."""
    monkeypatch.setenv("SMM_NOTEBOOKS", str(tmp_path))
    data = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(tmp_path / "reports")]) == 2
    err = capsys.readouterr().err
    assert f"smm: error: notebook monthly_report.ipynb not found in {tmp_path}" in err
    assert not (tmp_path / "reports").exists() or not any((tmp_path / "reports").iterdir())


def test_smm_notebooks_writes_them_and_keeps_edited_ones(tmp_path, capsys):
    out = tmp_path / "nbs"
    assert main(["notebooks", "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(out / n) for n in NOTEBOOKS]
    for name in NOTEBOOKS:
        assert (out / name).read_text(encoding="utf-8") == file_text(name)
    (out / "explore.ipynb").write_text("edited")
    assert main(["notebooks", "--out", str(out)]) == 0
    assert f"{out / 'explore.ipynb'}: kept" in capsys.readouterr().out
    assert (out / "explore.ipynb").read_text() == "edited"
    assert main(["notebooks", "--out", str(out), "--force"]) == 0
    assert (out / "explore.ipynb").read_text(encoding="utf-8") == file_text("explore.ipynb")
