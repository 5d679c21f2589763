"""Create a virtual environment with pip, also on Debian/Ubuntu Pythons without ensurepip.

Usage: ``python3 tools/bootstrap_venv.py .venv``. Standard library only.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path


def main(target: str) -> int:
    path = Path(target)
    try:
        venv.EnvBuilder(with_pip=True, clear=False).create(path)
        return 0
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"venv with pip failed ({exc}); retrying without ensurepip", file=sys.stderr)
    venv.EnvBuilder(with_pip=False, clear=True).create(path)
    py = path / "bin" / "python"
    # pip >= 22.3 can install into another interpreter's environment
    try:
        subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "pip"],
                       check=True)
        return 0
    except (subprocess.CalledProcessError, FileNotFoundError):
        print("could not install pip into the new environment: install your distribution's "
              "venv package (Debian/Ubuntu: apt-get install python3-venv) and run make again",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
