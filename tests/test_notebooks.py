"""Every report notebook executes through papermill on the sample brand (slow: marked)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

import smmanalytics as smm
from smmanalytics.report import BrandReport, Formatter
from smmanalytics.runner import run_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "maison-seve"

pytestmark = pytest.mark.notebooks


def _text(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)


@pytest.fixture(scope="module")
def sample():
    return smm.load(SAMPLE)


@pytest.fixture(scope="module")
def monthly_fr(tmp_path_factory):
    return run_report("monthly", data=SAMPLE, period="2026-10",
                      out=tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def monthly_fr_text(monthly_fr):
    """The text of ``monthly_fr``'s PDF (reading it takes pypdf a second or two)."""
    return _text(monthly_fr.pdf)


def test_monthly_report_outputs(monthly_fr):
    assert monthly_fr.pdf.name == "maison-seve-2026-10.pdf"
    assert monthly_fr.pdf.read_bytes().startswith(b"%PDF")
    html = monthly_fr.html.read_text(encoding="utf-8")
    assert "rep.kpi_table()" not in html  # the HTML hides code
    assert "Chiffres clés par plateforme" in html
    # and the analyst's cells: the notebook's English heading, the Dataset's summary, the call
    # writing the PDF (whose value named the run's temporary folder, gone once it is published)
    assert "Monthly social media report" not in html and "&lt;Dataset" not in html
    assert "PosixPath" not in html and str(monthly_fr.folder.parent) not in html
    assert "<title>maison-seve-2026-10</title>" in html
    # it began with the goals' table: nothing named the brand, the report or the month
    body = html.split("<body", 1)[1]
    assert body.index("<h1>Maison Sève — Rapport mensuel réseaux sociaux</h1>") < body.index(
        "<h2>Tableau de bord des objectifs")
    assert "<p><b>octobre 2026</b></p>" in body


def test_pdf_figures_equal_the_api(monthly_fr_text, sample):
    text = monthly_fr_text
    rep = BrandReport(sample, "2026-10")
    e = rep.engagement_table().set_index("platform")
    f = Formatter("fr")
    assert "octobre 2026" in text  # French month, from brand.yaml's language
    assert f.number(e.loc["total", "interactions"]) in text
    assert f.number(e.loc["instagram", "interactions"]) in text
    assert f.percent(e.loc["total", "er_reach_pooled"]) in text
    assert "," in f.percent(e.loc["total", "er_reach_pooled"])  # decimal comma


def test_pdf_period_over_period_is_in_the_api_units(monthly_fr_text, sample):
    """A rate's change reads as relative % then its difference in points; the interval is %."""
    text = monthly_fr_text
    row = smm.compare(sample, "2026-10").table.set_index("kpi").loc["er_reach"]
    f = Formatter("fr")
    # 7.63 % against 7.96 %: -4.1 % relative, -0.33 pp, interval on the relative change,
    # its bounds signed as the change is (-27 % … +23 %)
    assert f"{f.change(row.change_pct, 1)} ({f.points(row.change_abs)})" in text
    assert f"{f.change(row.ci_low, 0)} … {f.change(row.ci_high, 0)}" in text
    assert (row.ci_low < 0 < row.ci_high) and f"… +{f.percent(row.ci_high, 0)}" in text
    assert f.points(row.change_pp) not in text


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_analysis_notes_are_in_the_report_language(sample, lang):
    rep = BrandReport(sample, "2026-10", lang=lang)
    score = rep.scorecard()._repr_html_()
    rep.benchmarks()
    rep.compare()
    assert rep.fmt.untranslated == set()
    # each goal carries its own note: the quarterly key-events goal says how it was projected
    # the note starts its cell, a sentence: with a capital (the month's name in lower case)
    month = {"fr": "Octobre 2026", "it": "Ottobre 2026"}[lang]
    assert {"fr": f"{month} est terminé", "it": f"{month} è concluso"}[lang] in score
    assert {"fr": "(T4 2026)", "it": "(4° trimestre 2026)"}[lang] in score


def test_same_inputs_same_pdf(monthly_fr, tmp_path):
    again = run_report("monthly", data=SAMPLE, period="2026-10", out=tmp_path)
    assert again.pdf.read_bytes() == monthly_fr.pdf.read_bytes()


def test_campaign_report(tmp_path, sample):
    out = run_report("campaign", data=SAMPLE, period="2026-09-20..2026-10-31", out=tmp_path,
                     lang="en", parameters={"campaign": "automne-2026"})
    # in English, beside the French brand's own report: its name says so
    assert out.pdf.name == "maison-seve-campaign-automne-2026-2026-09-20..2026-10-31-en.pdf"
    text = _text(out.pdf)
    row = smm.campaign_roi(sample).set_index("campaign").loc["automne-2026"]
    f = Formatter("en")
    assert "Campaign: automne-2026" in text
    assert f.money(row["cost"]) in text and f.money(row["value"]) in text
    assert f"{f.number(row['roas'], 2)}×" in text
    # the data-quality notes, as in the monthly report: what the loaders merged or skipped
    assert f.label("quality") in text and f.label("level_warning") in text


def test_a_campaign_the_data_does_not_know_is_refused(tmp_path, capsys):
    from smmanalytics import EmptyDataError
    from smmanalytics.cli import main

    with pytest.raises(EmptyDataError, match="campaign 'nosuch'; expected one of the "
                                             "campaigns of 2026-10: automne-2026, bio-link "):
        run_report("campaign", data=SAMPLE, period="2026-10", out=tmp_path,
                   parameters={"campaign": "nosuch"})
    assert main(["report", "campaign", "--data", str(SAMPLE), "--campaign", "nosuch",
                 "--period", "2026-10", "--out", str(tmp_path)]) == 2
    assert "smm: error: no post, cost line or GA4 row" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_unknown_notebook_parameter_is_refused(tmp_path):
    """A usage error, raised before anything runs (an ArgumentError since d43d883: it was a
    ReportError carrying the notebook, read as a report that ran and failed)."""
    from smmanalytics import ArgumentError

    with pytest.raises(ArgumentError, match="no parameter colour; expected none"):
        run_report("monthly", data=SAMPLE, period="2026-10", out=tmp_path,
                   parameters={"colour": "red"})


def test_best_times_report_writes_calendars(tmp_path):
    out = run_report("best-times", data=SAMPLE, period="2026-10", out=tmp_path, lang="en",
                     parameters={"platform": "instagram"})
    text = _text(out.pdf)
    assert "Posting time matters for this account" in text
    ics = out.folder / f"{out.pdf.stem}-instagram.ics"
    assert ics.is_file() and ics.read_text().startswith("BEGIN:VCALENDAR")


def test_best_times_period_says_which_month_is_planned():
    """The parameter said "slots for the next month": with period=2026-09 on the sample
    (data to 31 October) the report plans November, the month after the data's last day
    (watch.best_times), as it now says."""
    import papermill as pm

    said = pm.inspect_notebook(str(ROOT / "notebooks" / "best_times.ipynb"))["period"]["help"]
    assert said == "history up to its end; slots for the month after the data's last day"


def test_explore_notebook_runs(tmp_path, monkeypatch):
    """It runs, and shows each chart once: `smm.plot_alerts(...)` ending a cell drew the
    figure twice in JupyterLab (once by the inline backend, once as the cell's value)."""
    import papermill as pm

    monkeypatch.delenv("MPLBACKEND", raising=False)     # the kernel draws inline, as in Jupyter
    nb = ROOT / "notebooks" / "explore.ipynb"
    done = pm.execute_notebook(str(nb), str(tmp_path / nb.name), kernel_name="python3",
                               cwd=str(nb.parent), progress_bar=False,
                               parameters={"data": str(SAMPLE), "period": "2026-10"})
    images = [sum("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
              for cell in done["cells"] if cell["cell_type"] == "code"]
    assert sum(images) == 2 and max(images) == 1     # the best-times heatmap, the alerts
    # §5 ended on the repr "<BestTimes effect_detected=True p_value=0.002 n_used=608>" under
    # "611 posts with their posting hour": it ends on the summary and on the posts left out.
    # By hand: 611 Instagram posts known to the minute; 3 of them (27, 28 and 30 April) were
    # last measured on 3 May (the April export's date), less than 7 days after: 608 used
    cell = next(c for c in done["cells"] if "smm.best_times(ds" in c["source"])
    printed = "".join(out.get("text", "") for out in cell["outputs"]).splitlines()
    assert printed[0] == "instagram: 611 posts with their posting hour"
    assert printed[1].startswith("Posting time matters for this account (p = ")
    assert printed[-1] == ("608 posts used; left out: measured less than a week after "
                           "publishing, engagement still growing (3)")


def test_explore_notebook_studies_the_platform_a_brand_has(tmp_path):
    """The tour invites the analyst to try their own folder, but studied Instagram's posting
    times whatever it held: a TikTok-only brand stopped at best_times (EmptyDataError), and
    the reputation watch never ran. It picks the platform with the most posts known to the
    hour, says which, and states no conclusion the data did not give."""
    import papermill as pm

    # the sample brand's TikTok exports alone (every TikTok file of the sample is a zip)
    brand = tmp_path / "tiktok-only"
    brand.mkdir()
    for f in SAMPLE.glob("*_maisonseve.zip"):
        (brand / f.name).write_bytes(f.read_bytes())
    posts = smm.load(brand).posts
    assert set(posts["platform"].astype(str)) == {"tiktok"}
    timed = int(posts["time_precision"].isin(["minute", "second"]).sum())  # counted apart
    nb = ROOT / "notebooks" / "explore.ipynb"
    assert pm.inspect_notebook(str(nb))["platform"]["default"] == "None"   # the choice
    done = pm.execute_notebook(str(nb), str(tmp_path / nb.name), kernel_name="python3",
                               cwd=str(nb.parent), progress_bar=False,
                               parameters={"data": str(brand), "period": "2026-10"})
    printed = "".join(out.get("text", "") for cell in done["cells"]
                      for out in cell.get("outputs", []) if out.get("name") == "stdout")
    assert f"tiktok: {timed} posts with their posting hour\n" in printed
    assert "looks best for tiktok\n" in printed
    # every cell ran, the reputation watch's last (papermill raises on an error)
    assert "smm.plot_alerts" in done["cells"][-2]["source"]
    assert done["cells"][-2]["outputs"]
    # the fixed text says nothing of which time of day did best
    text = " ".join(c["source"] for c in done["cells"] if c["cell_type"] == "markdown")
    assert "favours" not in text and "Does it agree with the model above?" in text


def test_explore_notebook_takes_a_platform_as_best_times_does(tmp_path):
    """``-p platform TikTok`` gave best times of TikTok's posts and an empty naive view ("no
    TikTok post with its posting hour..."): the view compared the posts' ``tiktok`` with the
    name as typed. The sample's 119 timed TikTok posts (none a story), by Paris hour: 50 at
    midday (11-18h), mean 436.8 interactions; 69 in the evening (18-21h), mean 425.0 (the
    sample's posts grouped by hand with pandas, as the cell does)."""
    import papermill as pm

    nb = ROOT / "notebooks" / "explore.ipynb"
    done = pm.execute_notebook(str(nb), str(tmp_path / nb.name), kernel_name="python3",
                               cwd=str(nb.parent), progress_bar=False,
                               parameters={"data": str(SAMPLE), "period": "2026-10",
                                           "platform": "TikTok"})
    cell = next(c for c in done["cells"] if "naive = feed.groupby" in c["source"])
    printed = "".join(out.get("text", "") for out in cell["outputs"])
    table = "".join(out.get("data", {}).get("text/plain", "") for out in cell["outputs"])
    assert printed == "naively, midday (11-18h) looks best for tiktok\n"
    assert re.search(r"midday \(11-18h\)\s+50\s+436\.8", table), table
    assert re.search(r"evening \(18-21h\)\s+69\s+425\.0", table), table


def _images_per_cell(cells: list[str], tmp_path, monkeypatch) -> list[int]:
    """Run ``cells`` in a fresh kernel drawing inline, as JupyterLab does, through papermill;
    the image outputs of each cell."""
    import nbformat
    import papermill as pm

    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    nbformat.write(nb, tmp_path / "tiny.ipynb")
    done = pm.execute_notebook(str(tmp_path / "tiny.ipynb"), str(tmp_path / "done.ipynb"),
                               kernel_name="python3", cwd=str(tmp_path), progress_bar=False)
    return [sum("image/png" in out.get("data", {}) for out in cell["outputs"])
            for cell in done["cells"]]


def test_each_chart_shows_once_in_a_notebook(tmp_path, monkeypatch):
    """`smm.plot_alerts(...)` ending a cell showed its figure twice in JupyterLab: once as the
    cell's value, once when the inline backend drew pyplot's open figures; `fig = ...` then
    `fig` did too. The functions that return Axes show their figure once.

    The alerts drawn are X's of October (17 alerts, 3 charts), not the sample's 59 (9
    charts): how many times a figure shows does not depend on its panels, and each of the
    five cells drawing the alerts took 3.5 s of CPU for 9 charts, 0.8 s for 3."""
    setup = (f"import smmanalytics as smm\n"
             f"ds = smm.load({str(SAMPLE)!r})\n"
             f"found, sig = smm.alerts(ds, '2026-10'), smm.signals(ds)\n"
             f"found = found[found['platform'] == 'x']\n"
             f"bt = smm.best_times(ds, platform='instagram')")
    cells = [setup,
             "smm.plot_alerts(found, sig)",             # the bare call ends the cell
             "fig = smm.plot_alerts(found, sig)",       # no value: nothing shown yet
             "fig",
             "fig = smm.plot_alerts(found, sig)\nfig",
             "smm.plot_alerts(found, sig, legend=False)",
             "bt.plot()",
             "ax = smm.plot_costs(smm.roi(ds, '2026-10', by='campaign'))\nax",
             "smm.plot_alert(found.iloc[0], sig)"]
    assert _images_per_cell(cells, tmp_path, monkeypatch) == [0, 1, 0, 1, 1, 1, 1, 1, 1]


def test_monthly_pdf_shows_the_planted_incident(monthly_fr_text, sample):
    import importlib

    alerts = importlib.import_module("smmanalytics.alerts")
    found = alerts.alerts(sample, period=("2026-10-01", "2026-10-31"))
    inc = alerts.incidents(found)
    crisis = inc[inc["severity"] == "crisis"]
    # the sample's planted incident week, 13-19 October 2026
    assert len(crisis) == 1
    assert crisis["start"].iloc[0] >= pd.Timestamp("2026-10-13")
    assert crisis["end"].iloc[0] <= pd.Timestamp("2026-10-19")
    text = monthly_fr_text
    assert "Veille de réputation" in text and "crise" in text


def test_monthly_report_of_a_zipped_brand_folder(tmp_path, capsys, sample):
    """`smm report monthly --data maison-seve.zip`, the sample brand folder zipped: the
    report of the folder (French, the brand's slug and logo), its files named as in it."""
    import zipfile

    from smmanalytics.cli import main

    archive = tmp_path / "maison-seve.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(SAMPLE.iterdir()):
            zf.write(f, f"maison-seve/{f.name}")
    assert main(["report", "monthly", "--data", str(archive), "--period", "2026-10",
                 "--out", str(tmp_path / "reports")]) == 0
    pdf = tmp_path / "reports" / "maison-seve" / "2026-10" / "maison-seve-2026-10.pdf"
    assert capsys.readouterr().out == f"{pdf}\n"
    text = _text(pdf)
    assert "octobre 2026" in text and "Maison Sève" in text
    e = BrandReport(sample, "2026-10").engagement_table().set_index("platform")
    assert Formatter("fr").number(e.loc["total", "interactions"]) in text
    # the files are named as in the folder (only the parameters name the zip)
    assert "maison-seve.zip" not in text.replace("data=maison-seve.zip", "")
    # the logo on the cover: the path of logo.svg, "M50 14 C72 36 80 52 80 64", drawn
    cover = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].get_contents().get_data()
    assert b"50 14 m 72 36 80 52 80 64 c" in cover
