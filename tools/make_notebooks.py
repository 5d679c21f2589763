"""Write the report notebooks (thin: parameters, then calls into smmanalytics), without outputs.

Run ``python tools/make_notebooks.py`` after changing a notebook's cells here; the committed
.ipynb files are what papermill runs and what analysts open in JupyterLab.
"""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1] / "notebooks"


def _nb(cells: list) -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"},
                   "language_info": {"name": "python"}}
    nb.cells = cells
    for i, c in enumerate(nb.cells):
        c.id = str(i)  # the ids nbstripout writes, so `make lint` agrees
    return nb


def md(text: str):
    return nbf.v4.new_markdown_cell(text.strip())


def code(text: str, tags: tuple[str, ...] = ()):
    c = nbf.v4.new_code_cell(text.strip())
    if tags:
        c.metadata["tags"] = list(tags)
    return c


MONTHLY = _nb([
    md("# Monthly social media report\n\nRun by `smm report monthly` through papermill; "
       "every figure and table comes from `smmanalytics`."),
    code('''
data: str = "../data/sample/maison-seve"  # brand folder of exports (with brand.yaml)
period: str = "2026-10"  # YYYY-MM, YYYY-Qn or START..END
brand: str = ""  # brand slug override; empty means the slug of brand.yaml
lang: str = ""  # en, fr or it; empty means the language of brand.yaml
out: str = "monthly-report.pdf"  # where the PDF is written
''', tags=("parameters",)),
    code('''
from pathlib import Path

import smmanalytics as smm
from smmanalytics.report import BrandReport

ds = smm.load(data)
rep = BrandReport(ds, period, kind="monthly", lang=lang or None)
ds
'''),
    code("rep.scorecard()"),
    code("rep.roi()"),
    code("rep.kpi_table()"),
    code("rep.engagement_charts()"),
    code("rep.benchmarks()"),
    code("rep.compare()"),
    code("rep.best_times()"),
    code("rep.top_posts()"),
    code("rep.audience()"),
    code("rep.quality_note()"),
    code("rep.method_notes()"),
    code('rep.provenance({"data": Path(data).name, "period": period, "lang": rep.lang})'),
    code("rep.write_pdf(out)"),
])

CAMPAIGN = _nb([
    md("# Campaign report\n\nOne campaign from start to end: what it cost, what it brought back, "
       "and how its posts did. Run by `smm report campaign` through papermill."),
    code('''
data: str = "../data/sample/maison-seve"  # brand folder of exports (with brand.yaml)
campaign: str = "automne-2026"  # the utm_campaign / costs.csv campaign name
start: str = "2026-09-20"  # first day of the campaign, ISO date
end: str = "2026-10-31"  # last day of the campaign, ISO date
brand: str = ""  # brand slug override; empty means the slug of brand.yaml
lang: str = ""  # en, fr or it; empty means the language of brand.yaml
out: str = "campaign-report.pdf"  # where the PDF is written
''', tags=("parameters",)),
    code('''
from pathlib import Path

import smmanalytics as smm
from smmanalytics.report import BrandReport

ds = smm.load(data)
rep = BrandReport(ds, (start, end), kind="campaign", campaign=campaign, lang=lang or None)
ds
'''),
    code("rep.campaign_summary()"),
    code("rep.kpi_table()"),
    code("rep.engagement_charts()"),
    code("rep.top_posts()"),
    code("rep.method_notes()"),
    code('rep.provenance({"data": Path(data).name, "campaign": campaign, "start": start, "end": end})'),
    code("rep.write_pdf(out)"),
])

BEST_TIMES = _nb([
    md("# Best times to post\n\nDoes posting time matter for this account, and if so when? "
       "The answer comes with its uncertainty, and may be \"no reliable effect\". Next month's "
       "slots are written as .ics calendars next to the PDF."),
    code('''
data: str = "../data/sample/maison-seve"  # brand folder of exports (with brand.yaml)
period: str = "2026-10"  # history up to the end of this period is used; slots for the next month
platform: str = ""  # one platform, e.g. instagram; empty means every platform with publish hours
brand: str = ""  # brand slug override; empty means the slug of brand.yaml
lang: str = ""  # en, fr or it; empty means the language of brand.yaml
out: str = "best-times.pdf"  # where the PDF is written
''', tags=("parameters",)),
    code('''
from pathlib import Path

import smmanalytics as smm
from smmanalytics.report import BrandReport

ds = smm.load(data)
rep = BrandReport(ds, period, kind="best_times", lang=lang or None)
ds
'''),
    code("rep.best_times(platforms=[platform] if platform else None)"),
    code("rep.method_notes()"),
    code('rep.provenance({"data": Path(data).name, "period": period, "platform": platform or "all"})'),
    code("rep.write_pdf(out)"),
])

if __name__ == "__main__":
    ROOT.mkdir(exist_ok=True)
    nbf.write(MONTHLY, ROOT / "monthly_report.ipynb")
    nbf.write(CAMPAIGN, ROOT / "campaign_report.ipynb")
    nbf.write(BEST_TIMES, ROOT / "best_times.ipynb")
