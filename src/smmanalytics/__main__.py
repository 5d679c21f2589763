"""``python -m smmanalytics``: the ``smm`` command, for an interpreter whose scripts folder is
not on PATH (a cron job or a notebook server calling the venv's python by its path)."""

import sys

from .cli import main

sys.exit(main())
