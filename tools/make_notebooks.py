"""Write the package's notebooks (``smmanalytics.notebooks``) to the checkout's notebooks/.

Run ``python tools/make_notebooks.py`` (``make notebooks``) after changing a notebook's cells in
src/smmanalytics/notebooks.py; the committed .ipynb files are what papermill runs from a
checkout and what analysts open in JupyterLab.
"""

from __future__ import annotations

from pathlib import Path

from smmanalytics.notebooks import write

ROOT = Path(__file__).resolve().parents[1] / "notebooks"

if __name__ == "__main__":
    write(ROOT)
