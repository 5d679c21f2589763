"""Remove the report outputs under a reports folder, and nothing else; say what went.

Usage: ``python3 tools/clean_reports.py reports`` (``make clean OUT=DIR``). Standard library
only: ``make clean`` needs no .venv. A reports folder may be one the user shares with other
files (``make report OUT=~/Clients``), so only what ``smm report`` writes goes
(:mod:`smmanalytics.runner`, whose ``_stem`` and ``_own_files`` name them): in
``<out>/<brand>/``, the files of a period folder named for that period
(``<brand>-[<kind>-]<period>[-<lang>]`` then ``.pdf``, ``.html``, ``.ipynb`` or
``-<platform>.ics``), the failed notebooks (``<stem>.failed.ipynb``) and the work folders of
killed runs (``.<period>.XXXXXXXX/`` holding ``owner``, by the runner's own rule,
:mod:`smmanalytics.owners`: a report's that runs, or may run, is kept, and said so); then
the period and brand folders this removal left empty. Anything else stays:
``acme/2025/acme-invoice-march.pdf`` names no period, and a folder that was empty already
(``photos/``) is the user's.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import time
from pathlib import Path

#: a period's label (:func:`smmanalytics.periods.parse_period`): a year, month, quarter or
#: range of days, such as 2026, 2026-10, 2026-Q3, 2026-09-01..2026-10-31
LABEL = r"\d{4}(?:-\d{2}|-Q[1-4]|-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})?"
#: what a report's kind puts between its brand and its period (``runner._stem``): nothing
#: (monthly), ``campaign-<campaign slug>-``, ``best-times-`` or ``best-times-<platform>-``
KIND = r"(?:campaign-[a-z0-9-]+-|best-times-(?:[a-z]+-)?)?"
#: a period folder's own files: notebook, HTML, PDF, one calendar per platform
PERIOD_FILE = r"(?:\.ipynb|\.html|\.pdf|-[a-z]+\.ics)"
#: a failed run's notebook, kept in its brand's folder (``runner._failed_notebook``)
FAILED = r"\.failed\.ipynb"


def _owners():
    """The package's :mod:`smmanalytics.owners` (standard library only), loaded by its path
    beside this tool: the one rule of when a work folder may go, without the package's
    dependencies (``make clean`` needs no .venv)."""
    path = Path(__file__).resolve().parents[1] / "src" / "smmanalytics" / "owners.py"
    spec = importlib.util.spec_from_file_location("_smm_owners", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


owners = _owners()


def main(out: str) -> int:
    root = Path(out)
    if not root.is_dir():
        print(f"no reports folder {root}: nothing to remove")
        return 0
    removed = [path for brand in _folders(root) for path in _clean_brand(brand)]
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print(f"no report outputs in {root}: nothing to remove")
    return 0


def _folders(parent: Path) -> list[Path]:
    """The visible folders in ``parent`` (not through a link: a brand folder linked to
    another disk is the user's to clean), sorted so that the listing is stable."""
    return sorted(p for p in parent.iterdir()
                  if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


def report_file(name: str, slug: str, label: str | None = None, *,
                ending: str = PERIOD_FILE) -> bool:
    """Whether ``name`` is a file a report of brand ``slug`` writes: its stem
    (``<slug>-[<kind>-]<label>[-<lang>]``) then ``ending``. ``label``: the period folder's
    own name, whose reports alone it holds; None, any period's (a failed notebook, kept in
    the brand's folder)."""
    period = LABEL if label is None else re.escape(label)
    stem = rf"{re.escape(slug)}-{KIND}{period}(?:-[a-z]{{2}})?"
    return re.fullmatch(stem + ending, name) is not None


def _clean_brand(brand: Path) -> list[Path]:
    """Remove one brand folder's report outputs, then the folders that left empty; the paths
    removed."""
    slug = brand.name
    removed = []
    for entry in sorted(brand.iterdir()):
        if entry.is_symlink():
            continue
        if entry.is_dir() and re.fullmatch(LABEL, entry.name):
            removed += _emptied(entry, _remove_files(entry, slug))
        elif entry.is_dir() and _work_folder(entry):
            if not owners.left_behind(entry, time.time()):
                print(f"kept {entry}: {_why_kept(entry)}")
                continue
            shutil.rmtree(entry)
            removed.append(entry)
        elif entry.is_file() and report_file(entry.name, slug, ending=FAILED):
            entry.unlink()
            removed.append(entry)
    return _emptied(brand, removed)


def _work_folder(entry: Path) -> bool:
    """Whether ``entry`` is the work folder of a run (``.<period>.XXXXXXXX/`` with its
    ``owner`` file), left by a run that was killed."""
    label = entry.name[1:].rsplit(".", 1)[0]
    return (entry.name.startswith(".") and re.fullmatch(LABEL, label) is not None
            and (entry / "owner").is_file())


def _why_kept(work: Path) -> str:
    """Why the work folder ``work`` is kept: its report runs, or this machine cannot tell
    that it ended: a report on another machine sharing the folder (kept whatever its age,
    :func:`owners.elsewhere`), or in another container, or an ``owner`` being written (these
    until untouched for :data:`owners.STALE_AFTER`)."""
    owner = owners.read_owner(work)
    if owners.owner_ended(work) is False:
        return f"the work folder of a report still running (process {owner.pid})"
    if owners.elsewhere(work):
        return (f"the work folder of a report on another machine ({owner.host}); only it "
                "can tell whether the report ended: run make clean there, or remove the "
                "folder by hand once it has")
    return (f"the work folder of a report that may still be running (owner: "
            f"{owner.text() if owner else 'unreadable'}); it goes once untouched for "
            f"{owners.STALE_AFTER // 3600} h")


def _remove_files(period: Path, slug: str) -> list[Path]:
    """Remove the reports' files in the period folder ``period``: those named for it."""
    ours = [p for p in sorted(period.iterdir())
            if p.is_file() and not p.is_symlink() and report_file(p.name, slug, period.name)]
    for path in ours:
        path.unlink()
    return ours


def _emptied(folder: Path, removed: list[Path]) -> list[Path]:
    """``removed`` (paths removed from ``folder``), and ``folder`` too when that removal left
    it empty. A folder that held no output stays, empty or not: it is the user's."""
    if not removed or any(folder.iterdir()):
        return removed
    folder.rmdir()
    return [*removed, folder]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "reports"))
