"""The notebooks of the package: the three report notebooks ``smm report`` runs through
papermill, and ``explore.ipynb``, a guided tour (thin: parameters, then calls into
smmanalytics; written without outputs).

They are package code, not files of the checkout, so that an installed package (a wheel has no
notebooks/ folder) can run its reports: :func:`smmanalytics.runner.notebook_path` writes them
into the cache folder when neither ``$SMM_NOTEBOOKS`` nor a checkout's notebooks/ holds them,
and ``smm notebooks --out DIR`` writes them for an analyst to open in JupyterLab.
``tools/make_notebooks.py`` writes them to the checkout's notebooks/ (a test checks the
committed files are these, byte for byte): change a notebook's cells here, then run it.
"""

from __future__ import annotations

import functools
import hashlib
import os

import nbformat as nbf

from ._args import path_of
from ._io import atomic_write

__all__ = ["NOTEBOOKS", "digest", "file_text", "write"]


def _nb(cells: list) -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"},
                   "language_info": {"name": "python"}}
    nb.cells = cells
    for i, c in enumerate(nb.cells):
        c.id = str(i)  # the ids nbstripout writes, so `make lint` agrees
    return nb


#: the tag of cells for the analyst in JupyterLab (the notebook's own heading, the loaded
#: Dataset's summary, the call writing the PDF, whose value names the run's temporary folder):
#: left out of the report's HTML export, which its readers get
ANALYST = ("analyst",)


def md(text: str, tags: tuple[str, ...] = ()):
    c = nbf.v4.new_markdown_cell(text.strip())
    if tags:
        c.metadata["tags"] = list(tags)
    return c


def code(text: str, tags: tuple[str, ...] = ()):
    c = nbf.v4.new_code_cell(text.strip())
    if tags:
        c.metadata["tags"] = list(tags)
    return c


MONTHLY = _nb([
    md("# Monthly social media report\n\nRun by `smm report monthly` through papermill; "
       "every figure and table comes from `smmanalytics`.", ANALYST),
    code('''
data: str = "../data/sample/maison-seve"  # brand folder of exports (with brand.yaml)
period: str = "2026-10"  # YYYY-MM, YYYY-Qn, YYYY or START..END
brand: str = ""  # brand slug override (outputs, calendar UIDs); empty: brand.yaml's
lang: str = ""  # en, fr or it; empty means the language of brand.yaml
out: str = "../reports/monthly-report.pdf"  # where the PDF is written (git ignores reports/)
ahead: bool = True  # build best times, top posts and alerts in a second process (Linux)
''', tags=("parameters",)),
    code('''
from pathlib import Path

import smmanalytics as smm
from smmanalytics.report import BrandReport

ds = smm.load(data)
rep = BrandReport(ds, period, kind="monthly", lang=lang or None, slug=brand or None)
if ahead:
    rep.build_ahead("best_times", "top_posts", "alerts")
ds
''', ANALYST),
    code("rep.heading()"),
    code("rep.scorecard()"),
    code("rep.roi()"),
    code("rep.kpi_table()"),
    code("rep.engagement_charts()"),
    code("rep.benchmarks()"),
    code("rep.compare()"),
    code("rep.best_times()"),
    code("rep.top_posts()"),
    code("rep.audience()"),
    code("rep.alerts()"),
    code("rep.quality_note()"),
    code("rep.method_notes()"),
    code('rep.provenance({"data": Path(data).name, "period": period, "lang": rep.lang})'),
    code("rep.write_pdf(out)", ANALYST),
])

CAMPAIGN = _nb([
    md("# Campaign report\n\nOne campaign from start to end: what it cost, what it brought back, "
       "and how its posts did. Run by `smm report campaign` through papermill.", ANALYST),
    code('''
data: str = "../data/sample/maison-seve"  # brand folder of exports (with brand.yaml)
campaign: str = "automne-2026"  # the utm_campaign / costs.csv campaign name
start: str = "2026-09-20"  # first day of the campaign, ISO date
end: str = "2026-10-31"  # last day of the campaign, ISO date
brand: str = ""  # brand slug override (outputs, calendar UIDs); empty: brand.yaml's
lang: str = ""  # en, fr or it; empty means the language of brand.yaml
out: str = "../reports/campaign-report.pdf"  # where the PDF is written (git ignores reports/)
''', tags=("parameters",)),
    code('''
from pathlib import Path

import smmanalytics as smm
from smmanalytics.report import BrandReport

ds = smm.load(data)
rep = BrandReport(ds, (start, end), kind="campaign", campaign=campaign, lang=lang or None,
                  slug=brand or None)
ds
''', ANALYST),
    code("rep.heading()"),
    code("rep.campaign_summary()"),
    code("rep.kpi_table()"),
    code("rep.engagement_charts()"),
    code("rep.compare()"),
    code("rep.top_posts()"),
    code("rep.quality_note()"),
    code("rep.method_notes()"),
    code('rep.provenance({"data": Path(data).name, "campaign": campaign, "start": start, '
         '"end": end})'),
    code("rep.write_pdf(out)", ANALYST),
])

BEST_TIMES = _nb([
    md("# Best times to post\n\nDoes posting time matter for this account, and if so when? "
       "The answer comes with its uncertainty, and may be \"no reliable effect\". The slots "
       "of the month after the data's last day are written as .ics calendars next to the "
       "PDF.", ANALYST),
    code('''
data: str = "../data/sample/maison-seve"  # brand folder of exports (with brand.yaml)
period: str = "2026-10"  # history up to its end; slots for the month after the data's last day
platform: str = ""  # one platform, e.g. instagram; empty means every platform with publish hours
brand: str = ""  # brand slug override (outputs, calendar UIDs); empty: brand.yaml's
lang: str = ""  # en, fr or it; empty means the language of brand.yaml
out: str = "../reports/best-times.pdf"  # where the PDF is written (git ignores reports/)
''', tags=("parameters",)),
    code('''
from pathlib import Path

import smmanalytics as smm
from smmanalytics.report import BrandReport

ds = smm.load(data)
rep = BrandReport(ds, period, kind="best_times", lang=lang or None,
                  platforms=[platform] if platform else None, slug=brand or None)
ds
''', ANALYST),
    code("rep.heading()"),
    code("rep.best_times()"),
    code("rep.method_notes()"),
    code('rep.provenance({"data": Path(data).name, "period": period, '
         '"platform": platform or "all"})'),
    code("rep.write_pdf(out)", ANALYST),
])

EXPLORE = _nb([
    md("""# A guided tour of smmanalytics

Run this notebook cell by cell in JupyterLab. It loads the sample brand (Maison Sève, a fictional
French natural-cosmetics shop) from the platforms' own export files and walks through what the
package answers: what was loaded, how engagement went, what social brings back for what it costs,
whether posting time matters, and whether something is going wrong."""),
    code('''
data: str = "../data/sample/maison-seve"  # a brand folder of exports; try your own
period: str = "2026-10"  # the month to look at, YYYY-MM
platform = None  # whose posting times to study, e.g. "tiktok"; None: most posts with an hour
''', tags=("parameters",)),
    md("## 1. Load a folder of exports\n\nOne call reads every file it recognises, whatever the "
       "platform and interface language, converts times to UTC and merges re-exports."),
    code('''
import pandas as pd

import smmanalytics as smm

ds = smm.load(data)
ds
'''),
    md("`ds.files` lists every input file; `ds.quality` says what was merged, guessed or skipped."),
    code('ds.files[["path", "platform", "kind", "rows", "status"]].head(10)'),
    code('ds.quality.groupby(["level", "code"], observed=True).size()'),
    md("## 2. Posts: one row per post, latest snapshot\n\nMetrics a platform does not export "
       "are missing (`<NA>`), never 0."),
    code('ds.posts[["platform", "published_at", "content_type", "reactions", "comments", "shares", '
         '"saves", "reach"]].sample(5, random_state=1)'),
    md("## 3. Engagement\n\nRates are fractions named by their denominator; each group gets the "
       "median post and the pooled rate (Σ interactions ÷ Σ reach)."),
    code('''
posts = ds.posts_in(period)   # the period's, by publish day in the brand's time zone
smm.engagement(posts, by=["platform", "content_type"], daily=ds.daily)   # daily: er_followers
'''),
    md("## 4. What social brings back, for what it costs"),
    code("smm.roi(ds, period, by=\"campaign\")"),
    code("smm.scorecard_display(smm.scorecard(ds, period))"),
    code("smm.compare(ds, period)"),
    md("## 5. Does posting time matter?\n\nThe answer can be \"no reliable effect\"; when "
       "there is one, the window's lift is measured on weeks not used to choose it."),
    code('''
timed = ds.posts["time_precision"].isin(["minute", "second"])   # exports that give the hour
if platform is None:   # the platform with the most posts known to the hour (else most posts)
    counts = (ds.posts[timed] if timed.any() else ds.posts)["platform"].value_counts()
    platform = str(counts.idxmax())
    print(f"{platform}: {counts.max()} posts" + (" with their posting hour" if timed.any()
                                                  else ", none with its posting hour"))
else:   # "TikTok", "IG": as the posts name it (tiktok, instagram); best_times refuses the rest
    platform = smm.schema.canonical_platform(platform) or platform
bt = smm.best_times(ds, platform=platform)   # the brand's time zone and follower series
print(bt.summary)      # the window and its lift, or "no reliable effect"
print(bt.posts_used)   # fewer than the posts with an hour: those left out, and why
'''),
    code("bt.plot();   # ';': the chart, without the Axes object's repr under it"),
    md("The naive view: the mean interactions of the same platform's feed posts by time of "
       "day. Does it agree with the model above? A time of day can look best for what was "
       "posted then (in the sample brand, Instagram's reels do better at any hour and are "
       "mostly posted in the morning: see data/sample/README.md); the model compares like "
       "with like."),
    code('''
feed = ds.posts[timed & (ds.posts["platform"] == platform)
                & (ds.posts["content_type"] != "story")]
hour = feed["published_at"].dt.tz_convert(ds.brand.timezone).dt.hour
band = pd.cut(hour, [0, 8, 11, 18, 21, 24], right=False,
              labels=["night (0-8h)", "morning (8-11h)", "midday (11-18h)", "evening (18-21h)",
                      "late (21-24h)"]).rename("time of day")
naive = feed.groupby(band, observed=True)["interactions"].agg(["count", "mean"]).round(1)
if naive["mean"].notna().any():
    print(f"naively, {naive['mean'].idxmax()} looks best for {platform}")
else:
    print(f"no {platform} post with its posting hour and its interactions")
naive
'''),
    md("## 6. Reputation watch\n\nNegative feedback, unfollows and comment surges, tested "
       "against each signal's own history; alerts that agree within 48 hours make one incident. "
       "`incident` numbers them within the table, as `smm alerts` does; `incident_id` is "
       "counted over the history up to the period's end, so it holds within one call only "
       "(another period's incident may carry the same id)."),
    code('''
found = smm.alerts(ds, period)
smm.incidents(found)
'''),
    code("smm.plot_alerts(found, smm.signals(ds))"),
    md("## 7. From here\n\n- `smm report monthly --data DIR --period latest` writes the PDF for "
       "management;\n- `smm best-times DIR` and "
       "`smm calendar DIR --posts-per-week 5 --out plan.ics` "
       "plan the coming weeks;\n- `smm inspect FILE` shows how any export file reads."),
])


#: file name → notebook, in the order they are written
NOTEBOOKS = {"monthly_report.ipynb": MONTHLY, "campaign_report.ipynb": CAMPAIGN,
             "best_times.ipynb": BEST_TIMES, "explore.ipynb": EXPLORE}


def file_text(name: str) -> str:
    """The file text of notebook ``name`` (a key of :data:`NOTEBOOKS`), as ``nbformat.write``
    writes it (its JSON and a final newline)."""
    return nbf.writes(NOTEBOOKS[name]) + "\n"


@functools.cache
def digest() -> str:
    """A SHA-256 of every notebook's file name and text: the name of the cache folder holding
    this code's notebooks, so that a changed cell never runs from an older copy."""
    h = hashlib.sha256()
    for name in NOTEBOOKS:
        h.update(f"{name}\0{file_text(name)}\0".encode())
    return h.hexdigest()


def write(folder: str | os.PathLike, *, replace: bool = True) -> dict[str, bool]:
    """Write every notebook into ``folder`` (created if missing), each atomically; return file
    name → whether it was written. With ``replace=False``, a file already there is kept (an
    analyst's edited notebook is not overwritten).

    Raises
    ------
    OutputError
        naming the file that cannot be written.
    """
    folder = path_of(folder, "folder", "notebooks.write",
                     "the path of the folder to write the notebooks in", writes=True)
    written = {}
    for name in NOTEBOOKS:
        path = folder / name
        written[name] = replace or not path.exists()
        if written[name]:
            atomic_write(path, file_text(name), what="notebook")
    return written
