"""Remove the report outputs under a reports folder, and nothing else; say what went.

Usage: ``python3 tools/clean_reports.py reports`` (``make clean OUT=DIR``). Standard library
only: ``make clean`` needs no .venv. A reports folder may be one the user shares with other
files (``make report OUT=~/Clients``), so only what ``smm report`` writes goes
(:mod:`smmanalytics.runner`): in ``<out>/<brand>/``, the period folders' report files
(``<brand>-….pdf|.html|.ipynb|.ics``), the failed notebooks (``<brand>-….failed.ipynb``)
and the work folders of killed runs (``.<period>.XXXXXXXX/`` holding ``owner``); then the
period and brand folders left empty. Anything else, and the folders holding it, stays.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

#: a period folder's name: its label starts with the year (2026-10, 2026-Q3, 2026-09..2026-10)
PERIOD = re.compile(r"\d{4}\S*")
REPORT_SUFFIXES = (".pdf", ".html", ".ipynb", ".ics")


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


def _clean_brand(brand: Path) -> list[Path]:
    """Remove one brand folder's report outputs; the paths removed."""
    slug = brand.name
    removed = []
    for entry in sorted(brand.iterdir()):
        if entry.is_symlink():
            continue
        if entry.is_dir() and PERIOD.fullmatch(entry.name):
            removed += _remove_files(entry, slug)
            removed += _remove_if_empty(entry)
        elif entry.is_dir() and _work_folder(entry):
            shutil.rmtree(entry)
            removed.append(entry)
        elif entry.is_file() and _ours(entry.name, slug, (".failed.ipynb",)):
            entry.unlink()
            removed.append(entry)
    return removed + _remove_if_empty(brand)


def _work_folder(entry: Path) -> bool:
    """Whether ``entry`` is the work folder of a run (``.<period>.XXXXXXXX/`` with its
    ``owner`` file), left by a run that was killed."""
    label = entry.name[1:].rsplit(".", 1)[0]
    return (entry.name.startswith(".") and PERIOD.fullmatch(label) is not None
            and (entry / "owner").is_file())


def _ours(name: str, slug: str, suffixes: tuple[str, ...]) -> bool:
    return name.startswith(f"{slug}-") and name.endswith(suffixes)


def _remove_files(period: Path, slug: str) -> list[Path]:
    ours = [p for p in sorted(period.iterdir())
            if p.is_file() and not p.is_symlink() and _ours(p.name, slug, REPORT_SUFFIXES)]
    for path in ours:
        path.unlink()
    return ours


def _remove_if_empty(folder: Path) -> list[Path]:
    if any(folder.iterdir()):
        return []
    folder.rmdir()
    return [folder]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "reports"))
