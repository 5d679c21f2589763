"""Make sure a virtual environment with pip exists, also on Debian/Ubuntu Pythons without
ensurepip.

Usage: ``python3 tools/bootstrap_venv.py .venv``. Standard library only. An environment whose
python has pip is left as it is; one without (half made by an earlier failed run) is made
again; a failed attempt removes what it made, so that the next ``make`` starts afresh rather
than finding a python without pip.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path


def main(target: str) -> int:
    path = Path(target)
    py = path / "bin" / "python"
    if _has_pip(py):
        return 0
    if _create(path, py):
        return 0
    shutil.rmtree(path, ignore_errors=True)
    print(f"could not install pip into the new environment {path} (removed it): install "
          "your distribution's venv package (Debian/Ubuntu: apt-get install python3-venv) "
          "and run make again", file=sys.stderr)
    return 1


def _has_pip(py: Path) -> bool:
    """Whether ``py`` exists and runs ``-m pip``: a python alone is no usable environment."""
    if not py.exists():
        return False
    try:
        return subprocess.run([str(py), "-m", "pip", "--version"],
                              capture_output=True).returncode == 0
    except OSError:     # not a program (a half-written file)
        return False


def _create(path: Path, py: Path) -> bool:
    """Create the environment afresh with pip: by ensurepip, else by this python's pip
    (>= 22.3 installs into another interpreter's environment). Whether it worked."""
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        return True
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"venv with pip failed ({exc}); retrying without ensurepip", file=sys.stderr)
    venv.EnvBuilder(with_pip=False, clear=True).create(path)
    try:
        subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "pip"],
                       check=True)
        return True
    except (subprocess.CalledProcessError, FileNotFoundError):
        return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
