"""The papermill runner and batches, on a small stand-in notebook (the real notebooks are
executed in test_notebooks.py)."""

from __future__ import annotations

import os
import pickle
import re
import signal
import threading
from pathlib import Path

import nbformat as nbf
import pytest

from smmanalytics import ReportError
from smmanalytics.cli import main
from smmanalytics.errors import ArgumentError, DataQualityWarning, ParseError, UnknownPlatformError
from smmanalytics.runner import (
    BatchJob,
    _sendable,
    notebook_path,
    read_batch_config,
    run_batch,
    run_report,
)

pytestmark = pytest.mark.notebooks


@pytest.fixture
def notebooks(tmp_path, monkeypatch):
    """A monthly_report.ipynb (and the same as best_times.ipynb, and as campaign_report.ipynb
    with a campaign parameter) that writes a one-page PDF and
    one .ics per platform listed in data/PLATFORMS, fails when data holds BROKEN, sends
    SIGTERM to the runner when data holds SIGTERM, and runs for two minutes when data holds
    SLOW (both write the kernel's process id to KERNEL); its kernel kills itself with SIGKILL
    when data holds KILL, the runner then itself when data holds KILL_RUNNER, and writes its
    connection file's path into CONNECTION when data holds it; it fails writing its PDF as on
    a full disk when data holds FULL."""
    folder = tmp_path / "nbs"
    folder.mkdir()
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbf.v4.new_code_cell('data = ""\nperiod = ""\nbrand = ""\nlang = ""\nout = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        params,
        nbf.v4.new_code_cell("from pathlib import Path\n"
                             "assert not (Path(data) / 'BROKEN').exists(), 'broken brand'\n"
                             "import os, signal, time\n"
                             "if (Path(data) / 'KILL').exists():      # the OOM killer\n"
                             "    os.kill(os.getpid(), signal.SIGKILL)\n"
                             "if (Path(data) / 'KILL_RUNNER').exists():   # the runner too\n"
                             "    os.kill(os.getppid(), signal.SIGKILL)\n"
                             "    os._exit(0)\n"
                             "if (Path(data) / 'CONNECTION').exists():\n"
                             "    from ipykernel.connect import get_connection_file\n"
                             "    (Path(data) / 'CONNECTION').write_text(get_connection_file())\n"
                             "if (Path(data) / 'SIGTERM').exists():   # stop the runner\n"
                             "    (Path(data) / 'KERNEL').write_text(str(os.getpid()))\n"
                             "    os.kill(os.getppid(), signal.SIGTERM)\n"
                             "    time.sleep(120)\n"
                             "if (Path(data) / 'SLOW').exists():      # a long report\n"
                             "    (Path(data) / 'KERNEL').write_text(str(os.getpid()))\n"
                             "    time.sleep(120)"),
        nbf.v4.new_code_cell("if (Path(data) / 'FULL').exists():   # a full disk, as writing says\n"
                             "    import errno\n"
                             "    from smmanalytics._io import writing\n"
                             "    with writing(out):\n"
                             "        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
                             "import typst, tempfile, os\n"
                             "with tempfile.TemporaryDirectory() as d:\n"
                             "    open(os.path.join(d, 'r.typ'), 'w').write('Report ' + period)\n"
                             "    Path(out).write_bytes(typst.compile(os.path.join(d, 'r.typ')))\n"
                             "print('done', period)"),
        nbf.v4.new_code_cell("listed = Path(data) / 'PLATFORMS'\n"
                             "for p in listed.read_text().split() if listed.exists() else []:\n"
                             "    Path(out).with_name(f'{Path(out).stem}-{p}.ics').write_text(p)"),
    ]
    nbf.write(nb, folder / "monthly_report.ipynb")
    plain = params.source
    params.source += '\nplatform = ""'             # as best_times.ipynb declares it
    nbf.write(nb, folder / "best_times.ipynb")
    params.source = plain + '\ncampaign = "automne"'
    nbf.write(nb, folder / "campaign_report.ipynb")
    monkeypatch.setenv("SMM_NOTEBOOKS", str(folder))
    return folder


#: the smallest export a report takes: X's account overview, two days (September 1st and
#: October 31st 2026) that the periods of these tests lie within
X_OVERVIEW = ("Date,Impressions,Likes,Engagements,New follows,Unfollows\n"
              '"Tue, Sep 1, 2026",5000,120,300,9,3\n"Sat, Oct 31, 2026",1200,30,80,1,0\n')


def _brand(tmp_path, name, broken=False):
    d = tmp_path / name
    d.mkdir()
    (d / "brand.yaml").write_text(f"name: {name}\ntimezone: Europe/Paris\n", encoding="utf-8")
    (d / "account_overview_analytics.csv").write_text(X_OVERVIEW, encoding="utf-8")
    if broken:
        (d / "BROKEN").write_text("x")
    return d


def test_run_report_writes_three_outputs_and_replaces_them(notebooks, tmp_path):
    data = _brand(tmp_path, "Maison Test")
    out = run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
    assert out.folder == (tmp_path / "reports" / "maison-test" / "2026-10").resolve()
    assert sorted(p.name for p in out.folder.iterdir()) == [
        "maison-test-2026-10.html", "maison-test-2026-10.ipynb", "maison-test-2026-10.pdf"]
    assert out.pdf.read_bytes().startswith(b"%PDF")
    html = out.html.read_text()
    assert "done 2026-10" in html and "typst.compile" not in html  # no code in the HTML
    out.pdf.write_bytes(b"old run")
    again = run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
    assert again.pdf.read_bytes().startswith(b"%PDF")
    assert [p.name for p in again.folder.parent.iterdir()] == ["2026-10"]  # no temp left


def test_the_html_loads_no_mathjax_and_shows_the_brands_words_as_written():
    """nbconvert's page loaded MathJax with $…$ as inline maths: a caption or campaign
    "$x_1$ *bold*" in a table was typeset as a formula. A report holds no maths: the page
    loads none, and the text is in it as written, inside the page's own styles."""
    import nbformat

    from smmanalytics import runner

    cell = nbformat.v4.new_code_cell("table")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": "<td>$x_1$ *bold* · Save $5 and $10</td>"})]
    nb = nbformat.v4.new_notebook(cells=[cell])
    html = runner._export_html(_done(runner._html_exporter()), nb, "r")
    assert "mathjax" not in html.lower()
    assert "<td>$x_1$ *bold* · Save $5 and $10</td>" in html
    assert "jp-Notebook" in html                       # nbconvert's lab page all the same


def test_the_html_leaves_out_what_cells_wrote_to_stderr_and_the_notebook_keeps_it():
    """A numpy RuntimeWarning of best times was printed, with its file and source line, a
    dozen times in the October report's HTML: the cells' stderr is the analyst's (in the
    executed notebook), not the readers'. What a cell prints on stdout stays."""
    import nbformat

    from smmanalytics import runner

    cell = nbformat.v4.new_code_cell("rep.best_times()")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stderr",
                               text="_estimate.py:277: RuntimeWarning: zqx encountered in exp\n"),
        nbformat.v4.new_output("stream", name="stdout", text="Best times written\n")]
    nb = nbformat.v4.new_notebook(cells=[cell])
    html = runner._export_html(_done(runner._html_exporter()), nb, "r")
    assert "RuntimeWarning" not in html and "zqx" not in html
    assert "Best times written" in html
    assert [o["name"] for o in nb.cells[0].outputs] == ["stderr", "stdout"]   # not modified


def _done(value):
    from concurrent.futures import Future

    future = Future()
    future.set_result(value)
    return future


def test_the_html_is_written_when_its_exporter_failed_to_load_meanwhile(notebooks, tmp_path,
                                                                       monkeypatch):
    """The HTML exporter is loaded on a thread while the notebook runs; should that fail (an
    import racing papermill's), it is loaded again afterwards and the HTML still written."""
    from smmanalytics import runner

    made = runner._html_exporter
    calls = []

    def failing_on_its_thread():
        calls.append(threading.current_thread().name)
        if len(calls) == 1:
            raise RuntimeError("import raced")
        return made()

    monkeypatch.setattr(runner, "_html_exporter", failing_on_its_thread)
    out = run_report("monthly", data=_brand(tmp_path, "Maison Test"), period="2026-10",
                     out=tmp_path / "reports")
    assert "done 2026-10" in out.html.read_text()
    assert calls[0].startswith("smm-html") and calls[1] == threading.main_thread().name


def test_the_kernel_is_stopped_once_the_last_cell_has_run(notebooks, tmp_path):
    """Asked to exit, a report's kernel spent most of a second tearing down its libraries
    before papermill returned; it is stopped at once instead: its atexit hooks do not run."""
    nb = nbf.read(notebooks / "monthly_report.ipynb", as_version=4)
    marker = tmp_path / "atexit-ran"
    nb.cells.append(nbf.v4.new_code_cell(
        f"import atexit\natexit.register(Path({str(marker)!r}).write_text, 'ran')"))
    nbf.write(nb, notebooks / "monthly_report.ipynb")
    out = run_report("monthly", data=_brand(tmp_path, "Maison Test"), period="2026-10",
                     out=tmp_path / "reports")
    assert out.pdf.read_bytes().startswith(b"%PDF") and "done 2026-10" in out.html.read_text()
    assert not marker.exists()


@pytest.mark.parametrize("analyst", [True, False])
def test_the_html_is_made_as_the_last_cell_runs_when_it_leaves_that_cell_out(notebooks, tmp_path,
                                                                            monkeypatch, analyst):
    """The report notebooks' last cell, which writes the PDF, is tagged for the analyst: the
    HTML leaves it out, so it is made while that cell runs, from the cells before it; it is
    the HTML of the notebook papermill writes. A last cell for the readers is in the HTML,
    made once the notebook has run."""
    from smmanalytics import runner

    nb = nbf.read(notebooks / "monthly_report.ipynb", as_version=4)
    nb.cells.append(nbf.v4.new_code_cell("import time\ntime.sleep(0.3)\nprint('the end')"))
    if analyst:
        nb.cells[-1].metadata["tags"] = ["analyst"]
    nbf.write(nb, notebooks / "monthly_report.ipynb")
    made, threads = runner._export_html, []

    def spy(*args):
        threads.append(threading.current_thread().name)
        return made(*args)

    monkeypatch.setattr(runner, "_export_html", spy)
    out = run_report("monthly", data=_brand(tmp_path, "Maison Test"), period="2026-10",
                     out=tmp_path / "reports")
    html = out.html.read_text()
    assert "done 2026-10" in html and ("the end" in html) is not analyst
    assert len(threads) == 1 and threads[0].startswith("smm-html") is analyst
    written = nbf.read(out.notebook, as_version=4)
    assert "the end" in str(written.cells[-1].outputs)
    assert html == runner._html_exporter().from_notebook_node(
        written, resources={"metadata": {"name": out.html.stem}})[0]


def test_two_runs_on_the_same_data_give_the_same_html(notebooks, tmp_path):
    """papermill gives the cell of parameters it inserts a random id, which the HTML carries
    as an anchor: two runs on the same data gave two HTML files."""
    data = _brand(tmp_path, "Maison Test")
    first, second = (run_report("monthly", data=data, period="2026-10", out=tmp_path / out)
                     for out in ("a", "b"))
    assert first.html.read_bytes() == second.html.read_bytes()
    cells = nbf.read(first.notebook, as_version=4).cells
    assert [c.id for c in cells if "injected-parameters" in c.metadata.get("tags", ())] == \
        ["injected-parameters"]


def test_a_killed_kernel_is_seen_ended_within_milliseconds(monkeypatch):
    """jupyter_client looks whether a killed kernel has ended every 0.1 s: each report waited
    0.1 s more for a process gone in a few milliseconds."""
    import asyncio

    from smmanalytics import runner

    km = runner._engine().kernel_manager_class()
    alive, slept = iter([True, True, False]), []

    async def is_alive():
        return next(alive)

    async def sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(km, "_async_is_alive", is_alive)
    monkeypatch.setattr(asyncio, "sleep", sleep)
    asyncio.run(km._async_wait())
    assert slept == [0.005, 0.005]


def test_a_started_kernel_is_taken_once_quiet_for_20_ms(monkeypatch):
    """Once a new kernel has answered, jupyter_client read its messages until none came for
    0.2 s, a wait at the start of each report; the report's kernel client waits 20 ms of
    quiet, and leaves the channel as it found it."""
    import asyncio
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient

    from smmanalytics import runner

    asked = []

    class Channel:
        async def get_msg(self, timeout=None):
            asked.append(timeout)
            raise Empty

    async def wait_for_ready(self, timeout=None):      # jupyter_client's last step, alone
        try:
            await self.iopub_channel.get_msg(timeout=0.2)
        except Empty:
            return

    monkeypatch.setattr(AsyncKernelClient, "wait_for_ready", wait_for_ready)
    kc = runner._engine().kernel_manager_class().client_factory()
    kc._iopub_channel = channel = Channel()
    asyncio.run(kc.wait_for_ready(timeout=60))
    assert asked == [0.02] and "get_msg" not in vars(channel)


def test_a_run_replaces_only_its_own_files(notebooks, tmp_path):
    """Reports of one brand and period share a folder: a run leaves the others' files alone
    and removes only what an earlier run of the same report left behind."""
    data = _brand(tmp_path, "Maison Test")
    (data / "PLATFORMS").write_text("instagram tiktok")
    reports = tmp_path / "reports"
    monthly = run_report("monthly", data=data, period="2026-10", out=reports)
    run_report("best-times", data=data, period="2026-10", out=reports)
    folder = monthly.folder
    (folder / "notes.txt").write_text("the analyst's")
    failed = folder.parent / "maison-test-2026-10.failed.ipynb"   # from an earlier failure
    failed.write_text("{}")
    (data / "PLATFORMS").write_text("instagram")    # tiktok is gone from the data
    run_report("monthly", data=data, period="2026-10", out=reports)
    assert sorted(p.name for p in folder.iterdir()) == [
        "maison-test-2026-10-instagram.ics", "maison-test-2026-10.html",
        "maison-test-2026-10.ipynb", "maison-test-2026-10.pdf",
        "maison-test-best-times-2026-10-instagram.ics",
        "maison-test-best-times-2026-10-tiktok.ics", "maison-test-best-times-2026-10.html",
        "maison-test-best-times-2026-10.ipynb", "maison-test-best-times-2026-10.pdf",
        "notes.txt"]
    assert not failed.exists()
    assert [p.name for p in folder.parent.iterdir()] == ["2026-10"]


def _tiktok_brand(tmp_path, name):
    """:func:`_brand` with TikTok's Content.csv of three videos (12, 26 and 30 September
    2026, their times told by their ids): posts a best-times report of TikTok reads."""
    data = _brand(tmp_path, name)
    content = Path(__file__).parent / "fixtures" / "tiktok" / "unzipped" / "Content.csv"
    (data / "Content.csv").write_bytes(content.read_bytes())
    # its days have no year: the file's time gives it (2 November 2026), not today's
    when = 1793577600
    os.utime(data / "Content.csv", (when, when))
    return data


def test_a_best_times_report_of_a_platform_without_posts_is_refused(notebooks, tmp_path,
                                                                    capsys):
    """`smm report best-times --platform pinterest` of a brand without a Pinterest export
    wrote three pages saying no post was published up to the end of the period, with method
    notes of other platforms, and exited 0; `smm calendar` refuses the same request. It is a
    usage error (exit 2) naming the platforms with posts (TikTok's three of September, X's
    overview having none), and nothing is written; a period before TikTok's first post says
    when its posts start."""
    from smmanalytics import EmptyDataError

    data = _tiktok_brand(tmp_path, "Maison Test")
    reports = tmp_path / "reports"
    assert main(["report", "best-times", "--data", str(data), "--period", "2026-10",
                 "--platform", "pinterest", "--out", str(reports)]) == 2
    assert capsys.readouterr().err == (
        f"smm: error: no pinterest post of {data.resolve()} up to the end of 2026-10 to "
        f"analyse; expected one of the platforms with posts by then: tiktok\n")
    assert not reports.exists()
    with pytest.raises(EmptyDataError, match=r"no tiktok post of .* up to the end of "
                       r"2026-09-01\.\.2026-09-10 to analyse; its posts start on 2026-09-12, "
                       r"after 2026-09-01\.\.2026-09-10; expected one of the platforms with "
                       r"posts by then: none$"):
        run_report("best-times", data=data, period="2026-09-01..2026-09-10", out=reports,
                   parameters={"platform": "tiktok"})


def test_a_best_times_report_built_directly_refuses_a_platform_without_posts_alike(
        notebooks, tmp_path):
    """``BrandReport(ds, ..., platforms=["pinterest"])`` of a brand without Pinterest posts
    built an empty report (cover: "Posts up to 31 October 2026: 0") where `smm report`
    refuses it: the same EmptyDataError, word for word (the Dataset's folder named as the
    runner names the one it loads), before anything is computed."""
    import smmanalytics as smm
    from smmanalytics import EmptyDataError
    from smmanalytics.report import BrandReport

    data = _tiktok_brand(tmp_path, "Maison Test").resolve()
    with pytest.raises(EmptyDataError) as by_runner:
        run_report("best-times", data=data, period="2026-10", out=tmp_path / "reports",
                   parameters={"platform": "pinterest"})
    with pytest.raises(EmptyDataError) as direct:
        BrandReport(smm.load(data), "2026-10", kind="best-times", platforms=["Pinterest"])
    assert str(direct.value) == str(by_runner.value) == (
        f"no pinterest post of {data} up to the end of 2026-10 to analyse; expected one of "
        "the platforms with posts by then: tiktok")
    # TikTok's posts (from 12 September) are there by October's end: built
    assert BrandReport(smm.load(data), "2026-10", kind="best-times", platforms=["tiktok"])


def test_one_platforms_best_times_report_is_named_for_it(notebooks, tmp_path, capsys):
    """`smm report best-times` could not pick a platform (the notebook's parameter had no
    option): --platform names one, its files are <brand>-best-times-<platform>-<period>
    beside the every-platform report's, not over them; monthly reports refuse the option,
    an unknown platform is an error naming the known ones."""
    data = _tiktok_brand(tmp_path, "Maison Test")
    reports = tmp_path / "reports"
    every = run_report("best-times", data=data, period="2026-10", out=reports)
    assert main(["report", "best-times", "--data", str(data), "--period", "2026-10",
                 "--platform", " TikTok", "--out", str(reports)]) == 0
    one = Path(capsys.readouterr().out.strip())
    assert one.name == "maison-test-best-times-tiktok-2026-10.pdf"
    assert one.parent == every.folder and every.pdf.is_file()
    with pytest.raises(UnknownPlatformError, match="unknown platform 'tik tok'"):
        run_report("best-times", data=data, period="2026-10", out=reports,
                   parameters={"platform": "tik tok"})
    with pytest.raises(SystemExit) as exit_:
        main(["report", "monthly", "--data", str(data), "--period", "2026-10",
              "--platform", "tiktok"])
    assert exit_.value.code == 2
    assert "does not take --platform" in capsys.readouterr().err


def test_a_campaign_named_like_a_report_kind_does_not_take_its_files(notebooks, tmp_path):
    """A campaign called "Best Times" wrote maison-test-best-times-2026-10.*: its run replaced
    the best-times report's files and removed its .ics. Campaign reports' names now say
    'campaign', beside another campaign's report of the same days."""
    data = _brand(tmp_path, "Maison Test")
    (data / "PLATFORMS").write_text("instagram")
    (data / "costs.csv").write_text("start,end,category,amount,currency,campaign\n"
                                    "2026-10-01,2026-10-31,ad_spend,100,EUR,Best Times\n"
                                    "2026-10-01,2026-10-31,ad_spend,50,EUR,automne\n")
    reports = tmp_path / "reports"
    best = run_report("best-times", data=data, period="2026-10", out=reports)
    (data / "PLATFORMS").write_text("tiktok")
    camp = run_report("campaign", data=data, period="2026-10", out=reports,
                      parameters={"campaign": "Best Times"})
    default = run_report("campaign", data=data, period="2026-10", out=reports,
                         parameters={"campaign": "automne"})
    assert camp.pdf.name == "maison-test-campaign-best-times-2026-10.pdf"
    assert default.pdf.name == "maison-test-campaign-automne-2026-10.pdf"
    assert sorted(p.name for p in best.folder.iterdir()) == sorted(
        [f"maison-test-{name}-2026-10{ext}" for name in ("best-times", "campaign-best-times",
                                                         "campaign-automne")
         for ext in (".html", ".ipynb", ".pdf")]
        + ["maison-test-best-times-2026-10-instagram.ics",
           "maison-test-campaign-best-times-2026-10-tiktok.ics",
           "maison-test-campaign-automne-2026-10-tiktok.ics"])
    assert best.pdf.read_bytes().startswith(b"%PDF")


def test_a_campaign_report_of_days_the_campaign_did_not_run_is_refused(notebooks, tmp_path):
    """A campaign whose only line is October's ad spend, reported for September (days the
    brand's data cover): the report was written, "Posts: 0" on its cover beside the cost and
    ROI of the campaign's whole life. It is refused, naming the campaign's days, and nothing
    is written; October is reported."""
    from smmanalytics import EmptyDataError

    data = _brand(tmp_path, "Maison Test")
    (data / "costs.csv").write_text("start,end,category,amount,currency,campaign\n"
                                    "2026-10-01,2026-10-31,ad_spend,100,EUR,automne\n")
    reports = tmp_path / "reports"
    with pytest.raises(EmptyDataError, match=r"^the campaign 'automne' has no post, cost line "
                                             r"or GA4 row in 2026-09; expected a period that "
                                             r"meets its days, 2026-10-01 to 2026-10-31$"):
        run_report("campaign", data=data, period="2026-09", out=reports,
                   parameters={"campaign": "automne"})
    assert not reports.exists()
    assert run_report("campaign", data=data, period="2026-10", out=reports,
                      parameters={"campaign": "automne"}).pdf.exists()


def _campaign_data(names: list[str]):
    """A dataset of one Instagram post a day of October 2026 per campaign of ``names``."""
    from ._roi_builders import dataset, posts

    return dataset(posts=posts([
        {"platform": "instagram", "post_id": str(k), "campaign": name,
         "published_at": f"2026-10-{k % 28 + 1:02d}T10:00Z"} for k, name in enumerate(names)]))


def test_a_mistyped_campaign_is_refused_with_the_closest_names_first(tmp_path):
    """'Automn 2026' was refused with the sample brand's 55 campaigns in one line, the one
    meant lost among them: the closest names come first, the many others are counted."""
    from smmanalytics import EmptyDataError, SmmError
    from smmanalytics.periods import parse_period
    from smmanalytics.roi import campaign_days, check_campaign

    names = ["Automne 2026", "Noël 2025", *(f"actus-2026-{m:02d}" for m in range(1, 11))]
    ds = _campaign_data(names)
    # difflib's ratio of the keys, 2 × matched characters / both lengths: 'automn_2026' to
    # 'automne_2026' 2 × 11 / 23 = 0.96; to 'actus_2026_01' ('a', 'u', '_2026') 2 × 7 / 24 =
    # 0.58, under the cutoff 0.6
    with pytest.raises(EmptyDataError, match=r"names the campaign 'Automn 2026'; expected one "
                       r"of its 12 campaigns: Automne 2026 \(the closest\) and 11 others$"):
        campaign_days(ds, "Automn 2026")
    # accents aside: 'noel_2205' to 'noel_2025', two digits swapped: 2 × 8 / 18 = 0.89
    with pytest.raises(SmmError, match=r"campaigns of 2026-10: Noël 2025 \(the closest\) and "
                       r"11 others \(12 campaigns in all the data\)$"):
        check_campaign(ds, "Noel 2205", parse_period("2026-10"), tmp_path)


def test_a_brand_of_one_campaign_names_it_in_the_singular(tmp_path):
    """Data of one campaign said "expected one of its 1 campaigns" and "(1 campaigns in all
    the data)". 'noel' is not close to 'automne_2026' (2 × 2 / 16 = 0.25, under 0.6): the
    campaign is listed, not called the closest."""
    from smmanalytics import EmptyDataError
    from smmanalytics.periods import parse_period
    from smmanalytics.roi import campaign_days, check_campaign

    ds = _campaign_data(["Automne 2026"])
    with pytest.raises(EmptyDataError, match=r"names the campaign 'Noel'; expected its "
                       r"campaign: Automne 2026$"):
        campaign_days(ds, "Noel")
    with pytest.raises(EmptyDataError, match=r"campaigns of 2026-10: Automne 2026 \(1 campaign "
                       r"in all the data\)$"):
        check_campaign(ds, "Noel", parse_period("2026-10"), tmp_path)


def test_campaigns_without_a_close_one_are_listed_up_to_five_then_counted(tmp_path):
    from smmanalytics import EmptyDataError
    from smmanalytics.roi import campaign_days

    ds = _campaign_data([f"actus-2026-{m:02d}" for m in range(1, 11)])
    with pytest.raises(EmptyDataError, match=r"its 10 campaigns: actus-2026-01, actus-2026-02, "
                       r"actus-2026-03, actus-2026-04, actus-2026-05 and 5 others$"):
        campaign_days(ds, "Soldes")
    few = _campaign_data(["Automne", "Noël", "Été", "Printemps", "Rentrée", "Soldes d'hiver"])
    # six names: all listed, "and 1 other" would save nothing
    with pytest.raises(EmptyDataError, match=r"its 6 campaigns: Automne, Noël, Printemps, "
                       r"Rentrée, Soldes d'hiver, Été$"):
        campaign_days(few, "Black Friday", tmp_path)


@pytest.mark.parametrize("argument,value,words", [
    ("data", None, "the path of a brand folder or of its zip, not NoneType; expected a str "
                   "or os.PathLike"),
    ("out", None, "the path of the reports folder, not NoneType; expected a str or "
                  "os.PathLike"),
    ("out", 3, "the path of the reports folder, not int; expected a str or os.PathLike"),
    ("brand", 5, "a brand slug, not int; expected a str, or None (brand.yaml's)"),
])
def test_a_report_argument_of_another_type_is_refused_naming_it(notebooks, tmp_path, argument,
                                                                value, words):
    """run_report(data=None) and (out=None) raised pathlib's "expected str, bytes or
    os.PathLike object, not NoneType", (brand=5) "'int' object has no attribute 'translate'"
    from slugify: none named the argument. Each is an ArgumentTypeError naming it, what
    run_report takes and the type that came, before anything is written."""
    from smmanalytics import ArgumentTypeError

    given = {"data": _brand(tmp_path, "Maison Test"), "out": tmp_path / "reports",
             argument: value}
    with pytest.raises(ArgumentTypeError) as info:
        run_report("monthly", period="2026-10", **given)
    assert str(info.value) == f"argument {argument!r}: run_report takes {words}"
    assert not (tmp_path / "reports").exists()


def test_a_campaign_report_without_its_campaign_is_refused_before_it_runs(notebooks, tmp_path):
    """run_report("campaign") without parameters={"campaign": ...} ran the notebook's
    default, the sample brand's "automne-2026": a report of that campaign from this brand's
    data, or an EmptyDataError naming a campaign nobody gave. Refused as `smm report
    campaign` without --campaign and the batch refuse it, before anything is read or
    written; with or without a period."""
    data = _brand(tmp_path, "Maison Test")
    (data / "costs.csv").write_text("start,end,category,amount,currency,campaign\n"
                                    "2026-10-01,2026-10-31,ad_spend,100,EUR,noel-2026\n")
    reports = tmp_path / "reports"
    for period, parameters in ((None, None), ("2026-10", {})):
        with pytest.raises(ArgumentError, match=r"^argument 'parameters': a campaign report "
                                                r"needs its campaign; expected "
                                                r"parameters=\{'campaign': <name>\}(; got "
                                                r"\{\})?$"):
            run_report("campaign", data=data, period=period, out=reports,
                       parameters=parameters)
    assert not reports.exists()


def test_a_campaign_report_without_a_period_covers_the_campaigns_days(notebooks, tmp_path):
    """`smm report campaign` needed --period, the campaign's days copied by hand from
    costs.csv. Without it, the report covers the campaign's first to last day with a post,
    cost line or GA4 row: here a cost line of 20 September to 31 October. An unknown campaign
    is refused with the data's campaigns, a monthly report without its period too."""
    from smmanalytics import ArgumentError, EmptyDataError

    data = _brand(tmp_path, "Maison Test")
    (data / "costs.csv").write_text("start,end,category,amount,currency,campaign\n"
                                    "2026-09-20,2026-10-31,ad_spend,100,EUR,Automne\n"
                                    "2026-10-01,2026-10-31,ad_spend,50,EUR,Noël\n")
    reports = tmp_path / "reports"
    out = run_report("campaign", data=data, out=reports, parameters={"campaign": "automne"})
    assert out.pdf == (reports / "maison-test" / "2026-09-20..2026-10-31" /
                       "maison-test-campaign-automne-2026-09-20..2026-10-31.pdf")
    assert out.pdf.exists()
    with pytest.raises(EmptyDataError, match=r"names the campaign 'Soldes'; expected one of "
                                             r"its 2 campaigns: Automne, Noël$"):
        run_report("campaign", data=data, out=reports, parameters={"campaign": "Soldes"})
    with pytest.raises(ArgumentError, match=r"^argument 'period': a monthly report needs its "
                                            r"period; expected YYYY-MM, "):
        run_report("monthly", data=data, out=reports)
    # the command line: --period is optional for a campaign report only
    assert main(["report", "campaign", "--data", str(data), "--campaign", "Noël",
                 "--out", str(reports)]) == 0
    # a campaign of exactly October is the month 2026-10: the folder and files of "2026-10"
    assert (reports / "maison-test" / "2026-10" /
            "maison-test-campaign-noel-2026-10.pdf").exists()


def test_a_report_in_another_language_lands_beside_the_brands_own(notebooks, tmp_path):
    """A brand in English (brand.yaml's default) reported in Italian, then in French: each run
    replaced the other's files (the same name whatever the language). A language other than
    the brand's is in the name; the brand's own keeps the plain name."""
    data = _brand(tmp_path, "Maison Test")
    reports = tmp_path / "reports"
    own = run_report("monthly", data=data, period="2026-10", out=reports)
    it = run_report("monthly", data=data, period="2026-10", out=reports, lang="it")
    fr = run_report("monthly", data=data, period="2026-10", out=reports, lang="fr")
    same = run_report("monthly", data=data, period="2026-10", out=reports, lang="en")
    assert (own.pdf.name, it.pdf.name, fr.pdf.name, same.pdf.name) == (
        "maison-test-2026-10.pdf", "maison-test-2026-10-it.pdf", "maison-test-2026-10-fr.pdf",
        "maison-test-2026-10.pdf")
    assert all(o.pdf.exists() for o in (own, it, fr))


def test_a_failed_run_keeps_the_previous_outputs(notebooks, tmp_path):
    data = _brand(tmp_path, "Maison Test")
    good = run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
    pdf = good.pdf.read_bytes()
    (data / "BROKEN").write_text("x")
    with pytest.raises(ReportError, match="maison-test-2026-10.failed.ipynb"):
        run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
    assert good.pdf.read_bytes() == pdf
    assert sorted(p.name for p in good.folder.parent.iterdir()) == [
        "2026-10", "maison-test-2026-10.failed.ipynb"]


def test_failure_names_notebook_and_cell(notebooks, tmp_path):
    data = _brand(tmp_path, "Broken", broken=True)
    with pytest.raises(ReportError) as info:
        run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
    assert info.value.notebook == "monthly_report.ipynb"
    assert info.value.cell_index == 2  # 0 parameters, 1 injected parameters, 2 the assert
    assert "broken brand" in str(info.value)
    assert not (tmp_path / "reports" / "broken" / "2026-10").exists()


def test_a_failed_report_exits_with_1_a_missing_folder_with_2(notebooks, tmp_path, capsys):
    """README: 1 when a report failed, 2 on a usage or configuration error before any report
    runs. A notebook's failing cell exited with 2, as a typo in the command does."""
    data = _brand(tmp_path, "Broken", broken=True)
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(tmp_path / "reports")]) == 1
    assert "failed in cell 2" in capsys.readouterr().err
    assert main(["report", "monthly", "--data", str(tmp_path / "nowhere"), "--period",
                 "2026-10", "--out", str(tmp_path / "reports")]) == 2


def test_batch_isolates_a_failing_brand(notebooks, tmp_path, capsys):
    _brand(tmp_path, "Alpha")
    _brand(tmp_path, "Beta", broken=True)
    _brand(tmp_path, "Gamma")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n  - {name: alpha, data: Alpha}\n"
                   "  - {name: beta, data: Beta}\n  - {name: gamma, data: Gamma, lang: it}\n"
                   "  - {name: delta, data: Delta}\n")
    code = main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                 "--workers", "2"])
    printed = capsys.readouterr().out
    assert code == 1
    assert "2 of 4 reports written" in printed
    assert "FAILED  beta monthly (monthly_report.ipynb, cell 2)" in printed
    # a brand whose folder is missing fails before any notebook runs: no "(None)"; said as
    # load says it
    delta = tmp_path / "Delta"
    assert f"FAILED  delta monthly: file {delta}: path does not exist" in printed
    assert "(None)" not in printed
    # in Italian, not the brand's own language (brand.yaml: English): its name says so
    assert (tmp_path / "reports" / "gamma" / "2026-10" / "gamma-2026-10-it.pdf").is_file()


def test_a_workers_warnings_are_said_as_the_batchs_naming_the_brand_once(notebooks, tmp_path,
                                                                         capfd):
    """On 2 workers, a report's warnings (here: its brand runs in UTC) reached the batch's
    stderr in Python's format, from each worker's own stderr and for each report
    (``…/runner.py:351: DataQualityWarning: …``); a folder without brand.yaml said nothing.
    Each is now said by the batch as its own warnings are, naming the brand, once per brand:
    2 lines for 3 reports."""
    nobrand = tmp_path / "NoBrand"
    nobrand.mkdir()
    (nobrand / "account_overview_analytics.csv").write_text(X_OVERVIEW, encoding="utf-8")
    alpha = _brand(tmp_path, "Alpha")
    (alpha / "brand.yaml").write_text("name: Alpha\n", encoding="utf-8")     # no timezone
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n"
                   "  - {name: nobrand, data: NoBrand, reports: [monthly, best-times]}\n"
                   "  - {name: alpha, data: Alpha}\n")
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                 "--workers", "2"]) == 0
    err = capfd.readouterr().err            # the workers' stderr too: they share its fd
    utc = "so the brand's days, months and hours are UTC's; expected"
    assert sorted(re.findall(r"smm: warning: .*", err)) == [
        f"smm: warning: alpha: {alpha.resolve() / 'brand.yaml'}: no timezone, {utc} timezone: "
        "the audience's IANA zone, such as Europe/Paris",
        f"smm: warning: nobrand: {nobrand.resolve()}: no brand.yaml, {utc} a brand.yaml there "
        "with timezone: the audience's IANA zone, such as Europe/Paris"]
    assert "DataQualityWarning" not in err and "runner.py" not in err


def test_a_report_says_which_files_of_its_data_could_not_be_read(notebooks, tmp_path,
                                                                 capsys):
    """A file that failed to load left a written report with figures missing, and the batch
    summary said only "ok": the summary, `smm report`'s warning and ReportOutputs name it."""
    bad = _brand(tmp_path, "Beta") / "costs.csv"
    bad.write_text("start,end,category,amount,currency\n2026-10-01,2026-10-31,ad_spend,abc,EUR\n")
    why = (f"file {bad}, line 2, column 'amount': invalid value; expected a number such as "
           "1200 or 1200.50; got 'abc'")
    _brand(tmp_path, "Alpha")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n  - {name: alpha, data: Alpha}\n"
                   "  - {name: beta, data: Beta}\n")
    # every report written, one without a file: exit status 3, not 0, for a scheduled job
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10"]) == 3
    lines = capsys.readouterr().out.splitlines()
    beta = lines.index(next(x for x in lines if x.startswith("  ok      beta monthly: ")))
    assert lines[beta + 1:] == [
        "          1 settings file of the brand could not be read; the report was made "
        "without it:", f"            {why}"]
    assert not any("could not be read" in x for x in lines[:beta])          # alpha: none
    assert run_report("monthly", data=bad.parent, period="2026-10",
                      out=tmp_path / "r").unread == {str(bad): why}
    assert main(["report", "monthly", "--data", str(bad.parent), "--period", "2026-10",
                 "--out", str(tmp_path / "r")]) == 3
    out, err = capsys.readouterr()
    assert out.endswith("beta-2026-10.pdf\n")                 # stdout: the PDF's path alone
    assert err == ("smm: warning: 1 settings file of the brand could not be read; the report "
                   f"was made without it:\n  {why}\n")


def test_a_report_without_its_logo_is_said_in_the_summary_and_exits_0(notebooks, tmp_path,
                                                                      capsys):
    """A logo Typst cannot draw left the report without it, said in its quality table alone:
    the batch's summary said "ok" and nothing else. It now says why under the brand's line, and
    `smm report` on stderr; the exit status stays 0, the report being written."""
    data = _brand(tmp_path, "Alpha")
    (data / "brand.yaml").write_text("name: Alpha\ntimezone: Europe/Paris\nlogo: logo.svg\n",
                                     encoding="utf-8")
    (data / "logo.svg").write_text("<svg oops", encoding="utf-8")     # cut short
    # as the report's quality table says it (test_runner_batch_failures: the same logo)
    why = (f"the logo {data.resolve() / 'logo.svg'} (brand.yaml's logo) cannot be drawn "
           "(failed to parse SVG (unexpected end of stream)): the report goes without it")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n  - {name: alpha, data: Alpha}\n")
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                 "--workers", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1 of 1 report written"        # quality.counted, of the total (s58BP)
    assert lines[1].startswith("  ok      alpha monthly: ")
    assert lines[2:] == [f"          warning: {why}"]
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(tmp_path / "r")]) == 0
    assert capsys.readouterr().err == f"smm: warning: {why}\n"


def test_a_logo_that_does_not_exist_is_the_reports_logo_problem(tmp_path):
    """A logo brand.yaml names but that is not there is noted by the load, which drops it from
    the brand: the batch's summary says that note (file: message), as for one not drawable."""
    from smmanalytics import load
    from smmanalytics.runner import _logo_problem

    data = _brand(tmp_path, "Alpha")
    (data / "brand.yaml").write_text("name: Alpha\ntimezone: Europe/Paris\nlogo: logo.png\n",
                                     encoding="utf-8")
    assert _logo_problem(load(data)) == (f"{data.resolve() / 'logo.png'}: brand.yaml names a "
                                         "logo that does not exist: the report goes without it")
    (data / "brand.yaml").write_text("name: Alpha\ntimezone: Europe/Paris\n", encoding="utf-8")
    assert _logo_problem(load(data)) is None


def test_the_warning_tells_failed_exports_from_failed_settings_files():
    """A costs.csv or synonyms.csv that failed was announced as "figures missing", though the
    exports were all read: the brand's settings files get their own line."""
    from smmanalytics.cli import _unread_lines

    unread = {"b/synonyms.csv": "file b/synonyms.csv, line 2: bad", "b/x.csv": "x: bad",
              "b/y.xlsx": "y: bad", "b/Goals.YAML": "goals: bad"}
    assert _unread_lines(unread) == [
        "2 files of the data could not be read; their figures are missing from the report:",
        "  x: bad", "  y: bad",
        "2 settings files of the brand could not be read; the report was made without them:",
        "  file b/synonyms.csv, line 2: bad", "  goals: bad"]
    assert _unread_lines({}) == []


def test_run_results_stay_hashable_with_their_unread_files():
    """ReportOutputs and BatchResult are frozen dataclasses, hashable until they took the
    unread files as a dict (hash() raised TypeError): equal results hash alike again."""
    from smmanalytics.runner import BatchResult, ReportOutputs

    why = {"b/x.csv": "file b/x.csv, line 4: not a date"}
    a = BatchResult("alpha", "monthly", True, pdf="a.pdf", unread=why)
    assert a == BatchResult("alpha", "monthly", True, pdf="a.pdf", unread=dict(why))
    assert hash(a) == hash(BatchResult("alpha", "monthly", True, pdf="a.pdf", unread=dict(why)))
    assert len({a, BatchResult("beta", "monthly", False, error="boom")}) == 2
    out = ReportOutputs(*(Path(p) for p in ("r", "r/a.ipynb", "r/a.html", "r/a.pdf")),
                        unread=why)
    assert {out: 1}[ReportOutputs(*(Path(p) for p in ("r", "r/a.ipynb", "r/a.html",
                                                      "r/a.pdf")), unread=dict(why))] == 1


def test_batch_on_a_dask_local_cluster(notebooks, tmp_path):
    """Two reports sent to a Dask cluster come back written. One worker process: the reports
    still travel to another process and back, and a second worker cost ~4.5 s of CPU
    (importing distributed and smmanalytics) for no assertion of its own."""
    from distributed import LocalCluster

    jobs = [BatchJob(n, "monthly", str(_brand(tmp_path, n)), "2026-09", str(tmp_path / "r"))
            for n in ("one", "two")]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        results = run_batch(jobs, dask_address=cluster.scheduler_address, progress=False)
    assert [r.ok for r in results] == [True, True]
    assert all(Path(r.pdf).is_file() for r in results)


def test_batch_config_errors_name_the_entry(tmp_path):
    from smmanalytics import ConfigError

    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n  - {name: a}\n")
    with pytest.raises(ConfigError, match=r"brands\[1\]"):
        read_batch_config(cfg, "2026-10")


@pytest.mark.parametrize("entry,words", [
    ("lang: de", r"brands\[2\]\.lang.*one of \('en', 'fr', 'it'\); got 'de'"),
    ("reports: 3", r"brands\[2\]\.reports.*a list of \['best-times', 'campaign', 'monthly'\]"),
    ("reports: [monthly, weekly]", r"brands\[2\]\.reports.*got 'weekly'"),
    ("parameters: [campaign]", r"brands\[2\]\.parameters.*name: value pairs"),
    # a misspelt key was left aside: the report came out in the brand's own language
    ("language: it", r"line 3, key 'brands\[2\]\.language': unknown key \(did you mean "
     r"'lang'\?\); expected one of the keys data, lang, name, parameters, reports; got "
     r"'language'"),
    # a campaign report without its campaign ran the notebook's default, the sample's
    ("reports: [campaign]", r"brands\[2\]\.parameters.*brand 'b': a campaign report needs "
     r"its campaign; expected parameters: \{campaign: <name>\}"),
])
def test_batch_config_is_checked_before_any_report(tmp_path, entry, words):
    from smmanalytics import ConfigError

    cfg = tmp_path / "agency.yaml"
    cfg.write_text(f"brands:\n  - {{name: a, data: A}}\n  - {{name: b, data: B, {entry}}}\n")
    with pytest.raises(ConfigError, match=words):
        read_batch_config(cfg, "2026-10")


def test_batch_config_names_an_unknown_key_at_its_top(tmp_path):
    from smmanalytics import ConfigError

    cfg = tmp_path / "agency.yaml"
    cfg.write_text("output: reports\nbrands:\n  - {name: a, data: A}\n")
    with pytest.raises(ConfigError, match=r"line 1, key 'output': unknown key \(did you mean "
                       r"'out'\?\); expected one of the keys brands, out; got 'output'"):
        read_batch_config(cfg, "2026-10")


@pytest.mark.parametrize("written", ["best-times", "best_times"])
def test_batch_config_takes_one_report_kind_as_a_string(tmp_path, written):
    """One kind as a string; best_times, as the notebook and BrandReport spell it, is the
    command line's best-times (it was refused: "unknown report kind")."""
    cfg = tmp_path / "agency.yaml"
    cfg.write_text(f"brands:\n  - {{name: a, data: A, reports: {written}, lang: it}}\n")
    assert read_batch_config(cfg, "2026-10") == [
        BatchJob("a", "best-times", str(tmp_path / "A"), "2026-10", str(tmp_path / "reports"),
                 "it")]
    assert notebook_path(written).name == "best_times.ipynb"


@pytest.mark.parametrize("brands,words", [
    # three brands named alike: one's PDF, calendars and notebook replaced another's
    ("  - {name: a, data: A}\n  - {name: a, data: B}\n",
     r"brands\[1\] and brands\[2\] are two brand folders whose reports would share the "
     r"folder 'a'"),
    ("  - {name: Maison Sève, data: A}\n  - {name: maison-seve, data: B}\n",
     r"line 3, key 'brands\[2\]\.name': .*folder 'maison-seve'.*got 'maison-seve'"),
    ("  - {name: a, data: A, lang: fr}\n  - {name: b, data: B}\n  - {name: a, data: A, "
     "lang: fr}\n",
     r"brands\[1\] and brands\[3\] ask for the same monthly report of 'a' \(same "
     r"language\)"),
    # the brand's own language, said or not, writes the same files
    ("  - {name: a, data: A}\n  - {name: a, data: A, lang: it, reports: [best-times, "
     "monthly]}\n",
     r"brands\[1\] and brands\[2\] ask for the same monthly report"),
    # two spellings of one campaign write the same files ("…-campaign-noel-…")
    ("  - {name: a, data: A, reports: [campaign], parameters: {campaign: Noël}}\n"
     "  - {name: a, data: A, reports: [campaign], parameters: {campaign: noel}}\n",
     r"brands\[1\] and brands\[2\] ask for the same campaign report of 'a'"),
    # one entry listing a report twice was "brands[1] and brands[1] ask for the same monthly
    # report … expected a name of its own for each brand": the name was not the matter
    ("  - {name: a, data: A, reports: [monthly, best-times, monthly]}\n",
     r"line 2, key 'brands\[1\]\.reports': brands\[1\]'s reports lists monthly twice, .*expected "
     r"each report once; got \['monthly', 'best-times', 'monthly'\]"),
])
def test_batch_refuses_two_entries_writing_the_same_files(tmp_path, brands, words):
    from smmanalytics import ConfigError

    (tmp_path / "A").mkdir()
    (tmp_path / "A" / "brand.yaml").write_text("name: A\nlanguage: it\n")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text(f"brands:\n{brands}")
    with pytest.raises(ConfigError, match=words):
        read_batch_config(cfg, "2026-10")


def test_batch_takes_one_brand_in_two_languages_and_two_campaigns(tmp_path):
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n  - {name: a, data: A}\n  - {name: a, data: A, lang: it}\n"
                   "  - {name: a, data: A, reports: [campaign], parameters: {campaign: x}}\n"
                   "  - {name: a, data: A, reports: [campaign], parameters: {campaign: y}}\n")
    jobs = read_batch_config(cfg, "2026-10")
    assert [(j.kind, j.lang, dict(j.parameters)) for j in jobs] == [
        ("monthly", None, {}), ("monthly", "it", {}), ("campaign", None, {"campaign": "x"}),
        ("campaign", None, {"campaign": "y"})]


def test_two_non_latin_campaigns_write_files_of_their_own(tmp_path):
    """"双十一" and "حملة الصيف" were both slugged "brand": the second campaign's PDF replaced
    the first's (maison-seve-campaign-brand-2026-10-en.pdf), and the batch took them for two
    campaigns. Each gets the first 8 hex digits of the SHA-256 of its name (UTF-8), as
    `printf '双十一' | sha256sum` gives them: 99122b0d, ed533876."""
    from smmanalytics.runner import _stem

    assert _stem("campaign", "maison-seve", "2026-10", "双十一", lang="en") == \
        "maison-seve-campaign-99122b0d-2026-10-en"
    assert _stem("campaign", "maison-seve", "2026-10", "حملة الصيف", lang="en") == \
        "maison-seve-campaign-ed533876-2026-10-en"
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n"
                   "  - {name: a, data: A, reports: [campaign], parameters: {campaign: 双十一}}\n"
                   "  - {name: a, data: A, reports: [campaign], parameters: "
                   "{campaign: حملة الصيف}}\n", encoding="utf-8")
    assert [dict(j.parameters)["campaign"] for j in read_batch_config(cfg, "2026-10")] == \
        ["双十一", "حملة الصيف"]


def test_batch_period_is_checked_once_before_any_report(tmp_path, capsys):
    from smmanalytics import PeriodError

    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n  - {name: a, data: A}\n  - {name: b, data: B}\n")
    with pytest.raises(PeriodError, match="2026-13"):
        read_batch_config(cfg, "2026-13")
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-13"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("smm: error: ") and captured.err.count("\n") == 1
    assert "reports written" not in captured.out


def test_a_bad_brand_yaml_in_a_batch_is_not_blamed_on_a_notebook(notebooks, tmp_path, capsys):
    bad = _brand(tmp_path, "Bad")
    (bad / "brand.yaml").write_text("name: Bad\ntimezone: Mars/Olympus\n")
    # a fixed offset for a zone: that brand fails with why, the others still run
    offset = _brand(tmp_path, "Offset")
    (offset / "brand.yaml").write_text("name: Offset\ntimezone: '+01:00'\n")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n  - {name: bad, data: Bad}\n  - {name: offset, data: Offset}\n")
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10"]) == 1
    out = capsys.readouterr().out
    assert "  FAILED  bad monthly: file " in out and "unknown time zone" in out
    assert (f"  FAILED  offset monthly: file {offset / 'brand.yaml'}, line 2, key 'timezone': a "
            "fixed UTC offset is not a time zone: it ignores daylight saving time") in out
    assert "ipynb" not in out


def test_report_help_says_what_each_kind_takes(capsys):
    """`smm report --help` listed every option of every kind in one list (--config, --dask
    beside --campaign) with no word on which kind takes which."""
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    kinds = out[out.index("\nkinds:\n"):]
    for line in ("  monthly     --data DIR --period P", "  campaign    --data DIR --campaign NAME "
                 "[--period P]", "  best-times  --data DIR --period P",
                 "  batch       --config agency.yaml --period P"):
        assert "\n" + line in kinds


@pytest.mark.parametrize("argv,words", [
    (["report", "monthly", "--period", "2026-10"], "smm report monthly needs --data"),
    (["report", "batch", "--period", "2026-10"], "smm report batch needs --config"),
    (["report", "campaign", "--data", "d", "--period", "2026-10"],
     "smm report campaign needs --campaign"),
    (["report", "monthly", "--data", "d"], "smm report monthly needs --period (YYYY-MM, "),
    (["report", "batch", "--config", "a.yaml"], "smm report batch needs --period (YYYY-MM, "),
    # options a kind would ignore are refused, not dropped in silence
    (["report", "batch", "--config", "a.yaml", "--period", "2026-10", "--lang", "fr",
      "--brand", "x"], "smm report batch does not take --brand, --lang (agency.yaml sets"),
    (["report", "monthly", "--data", "d", "--period", "2026-10", "--workers", "2"],
     "smm report monthly does not take --workers (options of a batch)"),
    (["report", "monthly", "--data", "d", "--period", "2026-10", "--workers", "1"],
     "smm report monthly does not take --workers (options of a batch)"),
    # it said "monthly_report.ipynb has no parameter campaign; it takes data, period, …"
    (["report", "monthly", "--data", "d", "--period", "2026-10", "--campaign", "c"],
     "smm report monthly does not take --campaign (an option of smm report campaign)"),
])
def test_report_without_its_required_option_is_a_usage_error(argv, words, capsys):
    """With the usage of ``smm report``, whose options the user may have meant, not smm's
    (``usage: smm [-h] [--version] {report,…}``)."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: smm report [-h] [--data DATA] [--period PERIOD]")
    assert f"smm report: error: {words}" in err


@pytest.mark.parametrize("argv,usage,said", [
    (["report", "monthly", "--data", "d", "--period", "2026-10", "--bogus", "x"],
     "usage: smm report [-h]", "smm report: error: unrecognized arguments: --bogus x"),
    (["best-times"], "usage: smm best-times [-h]",
     "smm best-times: error: smm best-times needs DATA (a brand folder, file or zip)"),
    (["alerts", "d", "--data", "d"], "usage: smm alerts [-h]",
     "smm alerts: error: give DATA once, as a positional or as --data"),
])
def test_a_subcommands_usage_error_shows_its_usage(argv, usage, said, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and err.endswith(f"{said}\n")


def test_batch_out_on_the_command_line_wins_over_the_config(notebooks, tmp_path, monkeypatch,
                                                            capsys):
    _brand(tmp_path, "Alpha")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: from-config\nbrands:\n  - {name: alpha, data: Alpha}\n")
    monkeypatch.chdir(tmp_path)
    code = main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                 "--out", "from-cli"])
    assert code == 0
    pdf = tmp_path / "from-cli" / "alpha" / "2026-10" / "alpha-2026-10.pdf"
    assert f"ok      alpha monthly: {pdf}" in capsys.readouterr().out
    assert pdf.is_file() and not (tmp_path / "from-config").exists()
    jobs = read_batch_config(cfg, "2026-10")     # without --out, the config's, beside it
    assert jobs[0].out == str(tmp_path / "from-config")


def test_an_unknown_parameter_is_refused_before_anything_is_written(notebooks, tmp_path):
    """A ReportError naming the notebook, as a failed run's: `smm` read it as a report that
    ran and failed. An ArgumentError naming ``parameters``, what the notebook takes and what
    came. The fixture's monthly notebook declares only the five parameters the run sets
    (data, period, brand, lang, out), which run_report refuses as well: it said "expected
    names among data, period, brand, lang, out", each of them then refused in turn."""
    data = _brand(tmp_path, "Maison Test")
    with pytest.raises(ArgumentError, match=r"^argument 'parameters': monthly_report\.ipynb "
                       r"has no parameter campaign; expected none: monthly_report\.ipynb takes "
                       r"only what run_report sets; got \['campaign'\]$") as info:
        run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports",
                   parameters={"campaign": "x"})
    assert not isinstance(info.value, ReportError)
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("kind,period,free", [
    # the fixture's best_times.ipynb adds platform to the five run-set names, its
    # campaign_report.ipynb campaign: each is all a caller may pass
    ("best-times", "2026-10", "platform"),
    ("campaign", None, "campaign"),
])
def test_an_unknown_parameter_is_told_only_the_names_a_caller_may_pass(notebooks, tmp_path,
                                                                       kind, period, free):
    data = _brand(tmp_path, "Maison Test")
    with pytest.raises(ArgumentError, match=rf"has no parameter nope; expected names among "
                       rf"{free}; got \['nope'\]$"):
        run_report(kind, data=data, period=period, out=tmp_path / "reports",
                   parameters={"nope": 1})
    assert not (tmp_path / "reports").exists()


def test_a_batch_job_of_an_unknown_parameter_fails_before_its_notebook(notebooks, tmp_path,
                                                                       capsys):
    """A batch entry's misspelt parameter failed as if its notebook had run ("(monthly_report
    .ipynb)"); it fails before, named as such, and the batch exits 1 as any failed report."""
    _brand(tmp_path, "Alpha")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n"
                   "  - {name: alpha, data: Alpha, parameters: {platfrom: x}}\n")
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                 "--workers", "1"]) == 1
    printed = capsys.readouterr().out
    assert ("FAILED  alpha monthly: argument 'parameters': monthly_report.ipynb has no "
            "parameter platfrom;") in printed


def test_an_unknown_kind_or_a_missing_data_folder_is_refused_as_its_argument(notebooks,
                                                                             tmp_path):
    """An unknown kind and a data folder that does not exist were ReportErrors, the class of a
    notebook that failed: an ArgumentError naming ``kind`` (the three kinds), and the
    ParseError :func:`smmanalytics.load` gives for the same folder."""
    import smmanalytics as smm

    with pytest.raises(ArgumentError, match=r"^argument 'kind': unknown report kind; expected "
                       r"one of best-times, campaign, monthly; got 'weekly'$"):
        run_report("weekly", data=tmp_path, period="2026-10", out=tmp_path / "reports")
    missing = tmp_path / "nope"
    with pytest.raises(ParseError) as loaded:
        smm.load(missing)
    with pytest.raises(ParseError) as ran:
        run_report("monthly", data=missing, period="2026-10", out=tmp_path / "reports")
    assert str(ran.value) == str(loaded.value)
    assert str(ran.value).startswith(f"file {missing}: path does not exist")
    assert not (tmp_path / "reports").exists()


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie, ended but not yet reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_stops_a_report_without_leftovers(notebooks, tmp_path):
    """The notebook sends SIGTERM to `smm report`, run as a process of its own: it exits with
    143 (128 + SIGTERM) after shutting the kernel down and removing its temporary folder.

    What counts is that the kernel no longer runs: CI once found its process id still
    answering ``os.kill(pid, 0)`` after `smm` exited, which a zombie does too (jupyter_client
    stops waiting for a killed kernel after 5 s, and a container's init may never reap it)."""
    import subprocess
    import sys
    import time

    import smmanalytics

    data = _brand(tmp_path, "Maison Test")
    (data / "SIGTERM").write_text("")
    env = {**os.environ, "PYTHONPATH": str(Path(smmanalytics.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-m", "smmanalytics.cli", "report", "monthly",
                           "--data", str(data), "--period", "2026-10",
                           "--out", str(tmp_path / "reports")],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 143, done.stderr
    assert done.stderr == ("smm: stopped by SIGTERM: the report was not written (an earlier one "
                           "stays in place)\n")
    assert list((tmp_path / "reports" / "maison-test").iterdir()) == []
    kernel = int((data / "KERNEL").read_text())
    deadline = time.monotonic() + 5                  # killed with SIGKILL: gone at once
    while _alive(kernel) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(kernel):                               # left running: do not let it sleep on
        os.kill(kernel, signal.SIGKILL)
        pytest.fail("the kernel was left running")


def _processes_naming(text: str) -> list[int]:
    """The processes running (zombies aside) whose command line holds ``text``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            named = text.encode() in cmdline.read_bytes()
        except OSError:                              # ended meanwhile
            continue
        if named and _alive(int(cmdline.parent.name)):
            found.append(int(cmdline.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_as_the_kernel_starts_leaves_no_work_folder_nor_kernel(notebooks, tmp_path):
    """SIGTERM as soon as the kernel's connection file appears, the kernel still importing:
    `smm` exited with 143 and removed its work folder, but the kernel (in a process group of
    its own, which papermill's clean-up never reached) made the folder again 1.8 s later to
    write its connection file, its ports and key, there: a folder without owner, kept a day
    (5 SIGTERMs of 6 in a reviewer's runs, 6 of 6 in ours). The kernel is now ended before
    the folder is removed: once `smm` has exited, no process names the connection file, and
    no folder is left (checked once no kernel runs, given the same 5 s as above to end)."""
    import subprocess
    import sys
    import time

    import smmanalytics

    data = _brand(tmp_path, "Maison Test")
    folder = tmp_path / "reports" / "maison-test"
    env = {**os.environ, "PYTHONPATH": str(Path(smmanalytics.__file__).parents[1])}
    run = subprocess.Popen([sys.executable, "-m", "smmanalytics.cli", "report", "monthly",
                            "--data", str(data), "--period", "2026-10",
                            "--out", str(tmp_path / "reports")],
                           env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        connection = []
        while not connection and time.monotonic() < deadline:
            assert run.poll() is None, run.stderr.read()
            connection = list(folder.glob(".2026-10.*/kernel.json")) if folder.is_dir() else []
            time.sleep(0.01)
        [connection] = connection
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert run.returncode == 143, err
    deadline = time.monotonic() + 5                  # killed by smm: gone at once
    while _processes_naming(str(connection)) and time.monotonic() < deadline:
        time.sleep(0.05)
    kernels = _processes_naming(str(connection))
    for pid in kernels:                              # left running: do not let it run on
        os.kill(pid, signal.SIGKILL)
    assert kernels == [], "the kernel was left running"
    assert list(folder.iterdir()) == []             # nor made its folder again


def test_a_sigterm_while_held_stops_the_process_at_the_blocks_end(monkeypatch):
    """A SIGTERM as a report's kernel was launched raised Terminated inside Popen, after the
    kernel had started and before Popen returned it: no one knew its process to end it.
    Within ``held()`` the step runs to its end, then Terminated (143) is raised."""
    import logging

    from smmanalytics import _process

    monkeypatch.setattr(_process, "stopping", False)
    monkeypatch.setattr(_process, "in_worker", False)
    for name in _process.QUIET_WHEN_STOPPING:       # restored after: stopping silences them
        monkeypatch.setattr(logging.getLogger(name), "disabled", False)
    previous = signal.signal(signal.SIGTERM, _process.on_sigterm)
    steps = []
    try:
        with pytest.raises(_process.Terminated) as stopped, _process.held():
            os.kill(os.getpid(), signal.SIGTERM)      # handled before the next line runs
            steps.append("launched")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert steps == ["launched"] and stopped.value.code == 143
    assert _process.held_signal is None and _process.holding == 0
    # what a stopping run's cell task would log next (the kernel the clean-up shut down found
    # dead, now and then before the batch's one line) is not printed
    assert all(logging.getLogger(name).disabled for name in ("asyncio", "papermill"))


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups")
def test_ctrl_c_as_the_kernel_is_launched_leaves_no_kernel_running(notebooks, tmp_path,
                                                                   monkeypatch):
    """A terminal's Ctrl-C goes to `smm`'s process group, not the kernel's own: raised as the
    kernel was launched (here the instant its process has started, before jupyter_client has
    it), KeyboardInterrupt left no one knowing the kernel, which ran on and wrote its
    connection file into the work folder the run had removed. Ctrl-C now waits, as SIGTERM
    does, for the launch to end: the kernel is known, and ended before the folder is removed."""
    from jupyter_client.provisioning import local_provisioner

    launch = local_provisioner.launch_kernel
    launched = []

    def launch_then_ctrl_c(cmd, **kwargs):
        process = launch(cmd, **kwargs)
        launched.append(process)
        os.kill(os.getpid(), signal.SIGINT)     # handled before this function returns
        return process

    monkeypatch.setattr(local_provisioner, "launch_kernel", launch_then_ctrl_c)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)   # as in a terminal
    data = _brand(tmp_path, "Maison Test")
    try:
        with pytest.raises(KeyboardInterrupt):
            run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
        running = [p.pid for p in launched if p.poll() is None]
    finally:
        left = signal.getsignal(signal.SIGINT)  # what the run left, before the test's own
        signal.signal(signal.SIGINT, previous)
        for process in launched:                # left running: do not let it run on
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    assert len(launched) == 1 and running == [], "the kernel was left running"
    assert list((tmp_path / "reports" / "maison-test").iterdir()) == []
    # the handler the run found, not the one this process started with (SIG_IGN under a
    # shell's background job)
    assert left is signal.default_int_handler


def test_a_ctrl_c_while_held_interrupts_at_the_blocks_end():
    """Ctrl-C within ``held()`` lets the step run to its end, then raises KeyboardInterrupt
    (the handler that was there before the block, put back); outside it, at once."""
    from smmanalytics import _process

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    steps = []
    try:
        with pytest.raises(KeyboardInterrupt), _process.held():
            os.kill(os.getpid(), signal.SIGINT)       # handled before the next line runs
            steps.append("launched")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("not held")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert steps == ["launched"]
    assert _process.held_signal is None and _process.holding == 0


def test_a_ctrl_c_held_by_the_main_thread_is_raised_at_its_blocks_end_whatever_other_threads_hold():
    """The main thread enters ``held()``, a worker thread enters it, the main thread leaves
    first: the shared count put the SIGINT handler in on the main thread's entry and back only
    when the count fell to 0, so nobody put it back (the worker cannot: only the main thread
    sets handlers) and every later Ctrl-C was noted and never raised. The main thread's block
    now puts its handler back as it ends, and raises the Ctrl-C it held then, while the worker
    still holds; a Ctrl-C after it interrupts at once. A worker entering first no longer keeps
    the main thread's own block from deferring Ctrl-C either."""
    from smmanalytics import _process

    def worker(entered, leave):
        with _process.held():
            entered.set()
            leave.wait(timeout=10)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    steps = []
    try:
        # main in, worker in, main out first (the reviewer's order)
        entered, leave = threading.Event(), threading.Event()
        thread = threading.Thread(target=worker, args=(entered, leave))
        with pytest.raises(KeyboardInterrupt), _process.held():
            thread.start()
            entered.wait(timeout=10)
            os.kill(os.getpid(), signal.SIGINT)       # noted, not raised: the main block holds
            steps.append("main launched")
        assert _process.holding == 1                    # the worker's block still runs
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)       # the worker's block defers no Ctrl-C
            steps.append("not held")
        leave.set()
        thread.join(timeout=10)

        # worker in first, then main: the main block still defers Ctrl-C to its end
        entered, leave = threading.Event(), threading.Event()
        thread = threading.Thread(target=worker, args=(entered, leave))
        thread.start()
        entered.wait(timeout=10)
        with pytest.raises(KeyboardInterrupt), _process.held():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("main launched beside the worker")
        leave.set()
        thread.join(timeout=10)
    finally:
        leave.set()
        left = signal.getsignal(signal.SIGINT)   # what the blocks left, before the test's own
        signal.signal(signal.SIGINT, previous)
    assert steps == ["main launched", "main launched beside the worker"]
    assert left is signal.default_int_handler
    assert _process.held_signal is None and _process.holding == 0 and _process.main_holding == 0


def test_a_sigterm_as_a_worker_takes_a_report_stops_it(monkeypatch):
    """A batch's worker looked whether it was stopped, then marked itself running: a SIGTERM
    between the two found it idle, was only noted (and the next ones ignored), and the
    report ran to its end, the batch waiting for it. The SIGTERM now comes (deterministically,
    as `stopping` is read) to a worker already marked running: Terminated, no report run."""
    import logging

    from smmanalytics import _process, runner

    class Racing:
        """``_process`` as the worker reads it, a SIGTERM coming as it reads ``stopping``."""

        def __getattr__(self, name):
            return getattr(_process, name)

        def __setattr__(self, name, value):
            setattr(_process, name, value)

        @property
        def stopping(self):
            stopping = _process.stopping
            os.kill(os.getpid(), signal.SIGTERM)      # handled before the next line runs
            return stopping

    reports = []
    monkeypatch.setattr(runner, "run_job", lambda job: reports.append(job))
    monkeypatch.setattr(runner, "_process", Racing())
    for name, value in (("stopping", False), ("in_worker", True), ("running", False)):
        monkeypatch.setattr(_process, name, value)
    for name in _process.QUIET_WHEN_STOPPING:       # restored after: stopping silences them
        monkeypatch.setattr(logging.getLogger(name), "disabled", False)
    previous = signal.signal(signal.SIGTERM, _process.on_sigterm)
    try:
        with pytest.raises(_process.Terminated):
            runner._run_job_in_worker(BatchJob("maison-test", "monthly", "x", "2026-10", "r"))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert reports == [] and _process.running is False


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups")
def test_a_kernel_still_running_as_its_run_ends_is_ended_with_its_group(tmp_path, monkeypatch):
    """A kernel (and what it started) that does not end on SIGTERM is killed after the grace
    (here 0.2 s), before its run removes its work folder."""
    import subprocess
    import sys
    import time

    from smmanalytics import runner

    monkeypatch.setattr(runner, "KERNEL_GRACE", 0.2)
    stubborn = ("import signal, subprocess, sys, time\n"
                "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"     # sleep inherits it
                "print(subprocess.Popen(['sleep', '60']).pid, flush=True)\n"
                "time.sleep(60)")
    kernel = subprocess.Popen([sys.executable, "-c", stubborn], stdout=subprocess.PIPE,
                              text=True, start_new_session=True)    # as jupyter_client does
    child = int(kernel.stdout.readline())
    kernel.stdout.close()
    work = tmp_path / ".2026-10.abc"
    monkeypatch.setitem(runner._kernels, str(work / "kernel.json"), kernel)
    started = time.monotonic()
    runner._stop_kernel(work)
    assert kernel.returncode == -signal.SIGKILL         # SIGTERM ignored, then SIGKILL
    assert time.monotonic() - started < 5
    assert str(work / "kernel.json") not in runner._kernels
    deadline = time.monotonic() + 5        # the child's parent is gone: init reaps it, or not
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


@pytest.mark.parametrize("contents,age,left", [
    (["kernel.json"], 120, True),       # made again by a kernel still starting: a work folder
    ([], 120, True),                    # killed as it was made, before its owner
    (["kernel.json"], 10, False),       # as young, it may be a run that is about to write it
    (["kernel.json", "new"], 120, False),   # more than a kernel writes: a day, as before
    (["kernel.json", "owner"], 120, False),   # a run of this process: running
])
def test_a_work_folder_without_owner_holding_only_the_kernels_file_is_left_behind(
        tmp_path, contents, age, left):
    """A kernel still starting when its run, stopped, removed its work folder made the folder
    again for its connection file: no owner, kept a day. The next run removes such a folder
    (or an empty one) once a minute old, well after any run writes its owner (ages set by
    hand, either side of the minute); not a folder holding more, nor a running run's."""
    import time

    from smmanalytics.owners import left_behind, this_run
    from smmanalytics.runner import _remove_left_behind

    work = tmp_path / ".2026-10.abc"
    work.mkdir()
    for name in contents:
        if name == "new":
            (work / name).mkdir()
        else:
            (work / name).write_text(this_run().text() if name == "owner" else "{}")
    now = time.time()
    os.utime(work, (now - age, now - age))
    assert left_behind(work, now) is left
    _remove_left_behind(tmp_path, "2026-10")
    assert work.exists() is not left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_stops_a_parallel_batch_promptly_without_leftovers(notebooks, tmp_path):
    """A scheduled `smm report batch --workers 2` sent SIGTERM waited for its running reports
    to finish (here two minutes each). It now stops them (kernels shut down, temporary folders
    removed), starts no other, and exits with 143 and one line saying so."""
    import subprocess
    import sys
    import time

    import smmanalytics

    slow = [_brand(tmp_path, name) for name in ("Alpha", "Beta")]
    for data in slow:
        (data / "SLOW").write_text("")
    _brand(tmp_path, "Gamma")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n  - {name: alpha, data: Alpha}\n"
                   "  - {name: beta, data: Beta}\n  - {name: gamma, data: Gamma}\n")
    env = {**os.environ, "PYTHONPATH": str(Path(smmanalytics.__file__).parents[1])}
    batch = subprocess.Popen([sys.executable, "-m", "smmanalytics.cli", "report", "batch",
                              "--config", str(cfg), "--period", "2026-10", "--workers", "2"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)      # its workers: one group to clean up
    kernels = [data / "KERNEL" for data in slow]
    try:
        deadline = time.monotonic() + 120
        while not all(k.exists() for k in kernels) and time.monotonic() < deadline:
            assert batch.poll() is None, batch.stderr.read()
            time.sleep(0.2)
        assert all(k.exists() for k in kernels)           # both reports are running
        time.sleep(0.5)
        batch.send_signal(signal.SIGTERM)
        # the slow reports sleep 120 s: a batch that waits for them times out here
        out, err = batch.communicate(timeout=60)
    finally:
        if batch.poll() is None:                          # the old code: still waiting
            os.killpg(batch.pid, signal.SIGKILL)
            batch.wait()
        for k in kernels:
            if k.exists() and _alive(int(k.read_text())):
                os.kill(int(k.read_text()), signal.SIGKILL)
    assert batch.returncode == 143, err
    # one line, no progress bar (stderr is no terminal); the summary as the batch stood
    assert err == ("smm: stopped by SIGTERM: 2 stopped while running, 1 not started (each "
                   "named above); a report stopped or not started keeps its earlier outputs "
                   "in place\n")
    assert out.splitlines() == ["0 of 3 reports written", "  stopped alpha monthly",
                                "  stopped beta monthly", "  not run gamma monthly"]
    assert not any(_alive(int(k.read_text())) for k in kernels)   # kernels shut down
    for name in ("alpha", "beta"):                  # no temporary folder, no report
        assert list((tmp_path / "reports" / name).iterdir()) == []
    assert not (tmp_path / "reports" / "gamma").exists()         # never started


def test_the_cli_restores_the_sigterm_handler_it_replaced(capsys):
    before = signal.getsignal(signal.SIGTERM)
    assert main(["cache", "info"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.parametrize("start", [
    "from smmanalytics.cli import main\n"
    "try:\n    main(['--version'])\nexcept SystemExit:\n    pass",
    "from smmanalytics.runner import _worker_start\n_worker_start()",
], ids=["smm", "batch worker"])
def test_smm_leaves_out_the_iri_grammar_and_still_validates_notebooks(start):
    """jsonschema, under papermill, imported rfc3987_syntax, whose Lark grammar took 0.9 s to
    build at every `smm report` (papermill's import: 1.3 s, 0.4 s without it). The command
    and a batch's workers keep it out; notebooks are validated as before."""
    import subprocess
    import sys

    code = "import sys\n" + start + """
import nbformat, papermill
nb = nbformat.v4.new_notebook()
nbformat.validate(nb)
nb.cells.append({"cell_type": "code", "source": ""})       # no outputs, no metadata
try:
    nbformat.validate(nb)
except nbformat.ValidationError:
    print("invalid notebook refused")
print("lark imported" if "lark" in sys.modules else "no lark")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split("\n")[-3:] == ["invalid notebook refused", "no lark", ""]


@pytest.mark.parametrize("argv,said", [
    (["report", "batch", "--config", "agency.yaml", "--period", "2026-10"],
     "smm: stopped by Ctrl-C: the running reports were stopped and the others not started; "
     "the reports written before stay in place\n"),
    (["report", "monthly", "--data", "brand", "--period", "2026-10"],
     "smm: stopped by Ctrl-C: the report was not written (an earlier one stays in place)\n"),
])
def test_ctrl_c_stops_a_report_with_one_line_and_status_130(argv, said, monkeypatch, capsys):
    """Ctrl-C (SIGINT) during `smm report` ended in a KeyboardInterrupt traceback and the
    status of a process killed by SIGINT, where SIGTERM gets one line and 143: Ctrl-C gets
    the same line, naming it, and 130 (128 + SIGINT), as shells report it."""
    import smmanalytics.runner as runner

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run_batch", interrupted)
    monkeypatch.setattr(runner, "read_batch_config", lambda *args, **kwargs: [])
    monkeypatch.setattr(runner, "run_report", interrupted)
    try:
        code = main(argv)
    except KeyboardInterrupt:          # not pytest's own stop
        pytest.fail("main let KeyboardInterrupt through")
    assert code == 130
    assert capsys.readouterr() == ("", said)


def test_an_unwritable_reports_root_is_an_error_naming_it(notebooks, tmp_path, capsys):
    data = _brand(tmp_path, "Maison Test")
    (tmp_path / "file").write_text("not a folder")
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(tmp_path / "file")]) == 2
    assert capsys.readouterr().err == ("smm: error: cannot write the reports folder "
                                       f"{tmp_path / 'file' / 'maison-test'}: Not a directory\n")


def test_a_kernel_killed_midway_is_a_report_error_naming_the_notebook_and_cell(notebooks,
                                                                               tmp_path, capsys):
    """A kernel killed (the OOM killer, kill -9) ended `smm report` in a 45-line traceback
    of nbclient's DeadKernelError, keeping no notebook. It is a ReportError naming the
    notebook and the cell that ran (2: 0 parameters, 1 injected parameters, 2 the one that
    kills its kernel), the notebook as far as it ran is kept, the earlier report stays."""
    data = _brand(tmp_path, "Maison Test")
    reports = tmp_path / "reports"
    good = run_report("monthly", data=data, period="2026-10", out=reports)
    pdf = good.pdf.read_bytes()
    (data / "KILL").write_text("")
    failed = good.folder.parent / "maison-test-2026-10.failed.ipynb"
    with pytest.raises(ReportError) as info:
        run_report("monthly", data=data, period="2026-10", out=reports)
    assert (info.value.notebook, info.value.cell_index) == ("monthly_report.ipynb", 2)
    assert str(info.value) == ("monthly_report.ipynb failed in cell 2: its kernel died (out of "
                               f"memory?); executed notebook kept at {failed}")
    kept = nbf.read(failed, as_version=4)
    assert kept.cells[2].metadata.papermill["start_time"] and not kept.cells[3].outputs
    assert good.pdf.read_bytes() == pdf
    assert sorted(p.name for p in good.folder.parent.iterdir()) == [
        "2026-10", "maison-test-2026-10.failed.ipynb"]
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(reports)]) == 1
    assert capsys.readouterr().err == f"smm: error: {info.value}\n"


@pytest.mark.parametrize("full", ["notebook", "kernel connection file", "PDF"])
def test_a_full_disk_is_an_error_naming_the_reports_folder(notebooks, tmp_path, monkeypatch,
                                                           capsys, full):
    """A full reports folder ended in papermill's raw OSError traceback (No space left on
    device) writing the executed notebook. Every write of the run, the notebook's of its PDF
    too, says which folder cannot be written, exit 2 as a read-only one, and leaves the
    earlier report and no work folder."""
    import errno

    import jupyter_client.connect

    data = _brand(tmp_path, "Maison Test")
    reports = tmp_path / "reports"
    good = run_report("monthly", data=data, period="2026-10", out=reports)
    pdf = good.pdf.read_bytes()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if full == "notebook":
        write_text = Path.write_text
        monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: (
            no_space() if self.suffix == ".ipynb" else write_text(self, *a, **k)))
    elif full == "kernel connection file":
        monkeypatch.setattr(jupyter_client.connect, "write_connection_file", no_space)
    else:                               # written by the notebook, in its kernel
        (data / "FULL").write_text("")
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(reports)]) == 2
    assert capsys.readouterr().err == ("smm: error: cannot write the reports folder "
                                       f"{good.folder.parent}: No space left on device\n")
    assert good.pdf.read_bytes() == pdf
    assert [p.name for p in good.folder.parent.iterdir()] == ["2026-10"]


def test_the_kernels_connection_file_lies_in_the_runs_work_folder(notebooks, tmp_path):
    """jupyter_client wrote it as /tmp/tmpXXXX.json, holding the kernel's key, which every
    killed run left there: it lies in the run's work folder, removed with it."""
    data = _brand(tmp_path, "Maison Test")
    (data / "CONNECTION").write_text("")
    out = run_report("monthly", data=data, period="2026-10", out=tmp_path / "reports")
    connection = Path((data / "CONNECTION").read_text())
    assert connection.name == "kernel.json"
    assert connection.parent.parent == out.folder.parent
    assert connection.parent.name.startswith(".2026-10.") and not connection.parent.exists()


def test_a_run_removes_the_work_folders_of_killed_runs_not_of_running_ones(notebooks, tmp_path,
                                                                            caplog):
    """Each SIGKILL of `smm report` left its hidden work folder (a late one, a complete PDF
    and calendars) that no run removed. The next run of the brand and period removes those
    whose run is gone, and says so; not those of runs still going (this test's process),
    nor those it cannot tell (another machine's, one without owner) until a day old."""
    import socket
    import subprocess
    import sys
    import time

    import smmanalytics
    from smmanalytics.owners import this_run

    data = _brand(tmp_path, "Maison Test")
    (data / "KILL_RUNNER").write_text("")
    reports = tmp_path / "reports"
    env = {**os.environ, "PYTHONPATH": str(Path(smmanalytics.__file__).parents[1])}
    killed = subprocess.run([sys.executable, "-m", "smmanalytics.cli", "report", "monthly",
                             "--data", str(data), "--period", "2026-10", "--out", str(reports)],
                            env=env, capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    folder = reports / "maison-test"
    [left] = folder.iterdir()                   # the killed run's, with its owner
    assert left.name.startswith(".2026-10.") and (left / "owner").is_file()
    here = this_run()
    host, boot, pid = here[:3]
    kept = {".2026-10.running": here.text(),                  # a live run: this process
            ".2026-10.elsewhere": f"{socket.gethostname()}-2 - 1",   # another machine's
            ".2026-10.unowned": None,                         # killed before its owner
            ".2026-09.other": None}                           # another period's
    gone = {".2026-10.old": None,                              # a day untouched
            ".2026-10.rebooted": f"{host} another-boot {pid}"}   # before a restart
    for name, owner in {**kept, **gone}.items():
        (folder / name).mkdir()
        if owner:
            (folder / name / "owner").write_text(owner)
    day_ago = time.time() - 24 * 3600 - 60
    os.utime(folder / ".2026-10.old", (day_ago, day_ago))
    (data / "KILL_RUNNER").unlink()
    with caplog.at_level("WARNING", logger="smmanalytics.runner"):
        out = run_report("monthly", data=data, period="2026-10", out=reports)
    assert sorted(p.name for p in folder.iterdir()) == sorted([*kept, "2026-10"])
    assert out.pdf.is_file()
    assert sorted(r.getMessage().split(",")[0] for r in caplog.records) == sorted([
        f"removed {folder / '.2026-10.old'}", f"removed {folder / '.2026-10.rebooted'}",
        f"removed {left}"])


def test_a_run_beside_another_running_one_leaves_its_work_folder(notebooks, tmp_path):
    """Two runs of a brand and period at once (two batches on one reports folder): the one
    that starts second leaves the first's work folder, whose process runs, alone; the
    first, stopped, removes it itself."""
    import subprocess
    import sys
    import time

    import smmanalytics

    slow = _brand(tmp_path, "Maison Test")
    (slow / "SLOW").write_text("")
    (tmp_path / "other").mkdir()
    quick = _brand(tmp_path / "other", "Maison Test")        # the same brand's folder
    reports = tmp_path / "reports"
    env = {**os.environ, "PYTHONPATH": str(Path(smmanalytics.__file__).parents[1])}
    first = subprocess.Popen([sys.executable, "-m", "smmanalytics.cli", "report", "monthly",
                              "--data", str(slow), "--period", "2026-10", "--out",
                              str(reports)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (slow / "KERNEL").exists() and time.monotonic() < deadline:
            assert first.poll() is None, first.stderr.read()
            time.sleep(0.2)
        [running] = (reports / "maison-test").iterdir()
        run_report("monthly", data=quick, period="2026-10", out=reports)
        assert running.is_dir() and (running / "kernel.json").is_file()
    finally:
        first.terminate()
        first.communicate(timeout=60)
    assert first.returncode == 143
    assert [p.name for p in (reports / "maison-test").iterdir()] == ["2026-10"]


def _published(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("nth", [1, 4, 9, 12])
def test_a_stop_while_publishing_leaves_the_earlier_report_whole(notebooks, tmp_path,
                                                                monkeypatch, capsys, nth):
    """Ctrl-C at the third rename into the period folder left the new facebook and x
    calendars beside the earlier instagram one, the earlier PDF, and the message "the report
    was not written". The 12 renames (6 earlier files aside, then 6 new ones in, the PDF
    last) are undone, wherever the stop lands: the folder holds the earlier report, as
    said."""
    import smmanalytics.runner as runner

    data = _brand(tmp_path, "Maison Test")
    reports = tmp_path / "reports"
    (data / "PLATFORMS").write_text("facebook instagram linkedin")
    good = run_report("monthly", data=data, period="2026-10", out=reports)
    for path in good.folder.iterdir():
        path.write_bytes(b"earlier " + path.name.encode())
    earlier = _published(good.folder)
    (data / "PLATFORMS").write_text("facebook x tiktok")
    replace, renames = os.replace, []

    def stopped_at_nth(src, dst):
        if Path(dst).parent == good.folder or Path(src).parent == good.folder:
            renames.append(Path(dst).name)
            if len(renames) == nth:
                raise KeyboardInterrupt
        replace(src, dst)

    monkeypatch.setattr(runner.os, "replace", stopped_at_nth)
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(reports)]) == 130
    assert capsys.readouterr().err == ("smm: stopped by Ctrl-C: the report was not written (an "
                                       "earlier one stays in place)\n")
    assert _published(good.folder) == earlier
    assert [p.name for p in good.folder.parent.iterdir()] == ["2026-10"]
    monkeypatch.setattr(runner.os, "replace", replace)       # and the next run publishes all
    run_report("monthly", data=data, period="2026-10", out=reports)
    assert sorted(_published(good.folder)) == [
        "maison-test-2026-10-facebook.ics", "maison-test-2026-10-tiktok.ics",
        "maison-test-2026-10-x.ics", "maison-test-2026-10.html", "maison-test-2026-10.ipynb",
        "maison-test-2026-10.pdf"]

def test_an_unreachable_dask_scheduler_is_an_error_naming_it(tmp_path, capsys):
    # distributed imported before dask.config.set, for its config: imported first inside the
    # set, its whole "distributed" section went on leaving it, and every later Dask test of
    # the same pytest worker failed on KeyErrors ('require-encryption', 'timeouts'), a TLS
    # scheduler never up: read as the machine's load at stops 56 and 57
    import dask
    import distributed  # noqa: F401

    _brand(tmp_path, "Alpha")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n  - {name: alpha, data: Alpha}\n")
    with dask.config.set({"distributed.comm.timeouts.connect": "0.2s"}):
        code = main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                     "--dask", "tcp://127.0.0.1:1"])
    assert code == 2
    assert "smm: error: cannot reach the Dask scheduler at tcp://127.0.0.1:1: " in \
        capsys.readouterr().err


@pytest.mark.parametrize("period", ["2027-01", "2025-08", "2024"])
def test_a_period_outside_the_data_is_refused_before_anything_is_written(tmp_path, period,
                                                                        capsys):
    from smmanalytics import EmptyDataError

    sample = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"
    with pytest.raises(EmptyDataError, match=r"2025-09-01 to 2026-10-31"):
        run_report("monthly", data=sample, period=period, out=tmp_path)
    assert not list(tmp_path.iterdir())
    assert main(["report", "monthly", "--data", str(sample), "--period", period, "--out",
                 str(tmp_path)]) == 2
    assert "smm: error: no data of" in capsys.readouterr().err


def test_a_zipped_brand_folder_is_reported_under_the_slug_of_its_brand_yaml(notebooks, tmp_path):
    """`--data brand.zip`: the slug came from a brand.yaml beside the zip, else 'brand'; it
    is the one in the archive (that smm.load reads), and an invalid one is refused naming
    the member."""
    import zipfile

    from smmanalytics.errors import ConfigError

    archive = tmp_path / "maison-test.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("maison-test/brand.yaml", "name: Maison Test\ntimezone: Europe/Paris\n")
        zf.writestr("maison-test/account_overview_analytics.csv", X_OVERVIEW)
    out = run_report("monthly", data=archive, period="2026-10", out=tmp_path / "reports")
    assert out.pdf == (tmp_path / "reports" / "maison-test" / "2026-10" /
                       "maison-test-2026-10.pdf").resolve()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("maison-test/brand.yaml", "name: Maison Test\nlanguage: de\n")
        zf.writestr("maison-test/account_overview_analytics.csv", X_OVERVIEW)
    with pytest.raises(ConfigError) as err:
        run_report("monthly", data=archive, period="2026-10", out=tmp_path / "reports")
    assert str(err.value) == (f"file {archive}!maison-test/brand.yaml, line 2, key 'language': "
                              "unsupported report language; expected one of ('en', 'fr', "
                              "'it'); got 'de'")


def test_two_folders_without_brand_yaml_are_reported_apart(notebooks, tmp_path):
    """Two client folders without brand.yaml were both reported as the brand 'brand':
    reports/brand/2026-10/brand-2026-10.pdf, the second overwriting the first. Each is named
    after its folder, as smm.load names the brand (the report's title); each run warns that it
    runs in UTC, naming its folder."""
    from smmanalytics.errors import DataQualityWarning

    reports = tmp_path / "reports"
    pdfs = []
    for client in ("b1b-nobrand", "Café Roma"):
        data = tmp_path / client
        data.mkdir()
        (data / "account_overview_analytics.csv").write_text(X_OVERVIEW)
        with pytest.warns(DataQualityWarning, match=f"{re.escape(str(data.resolve()))}: no "
                                                    "brand.yaml, so the brand's days"):
            pdfs.append(run_report("monthly", data=data, period="2026-10", out=reports).pdf)
    assert pdfs == [(reports / "b1b-nobrand" / "2026-10" / "b1b-nobrand-2026-10.pdf").resolve(),
                    (reports / "cafe-roma" / "2026-10" / "cafe-roma-2026-10.pdf").resolve()]
    assert all(p.exists() for p in pdfs)


def test_a_brand_without_any_readable_export_is_refused_not_reported(notebooks, tmp_path,
                                                                     capsys):
    """An empty brand folder (its exports not dropped yet), or one whose only export failed
    to load, was reported as a success: pages of dashes under the name "Brand", exit code 0.
    It is refused before anything is written, naming the files that failed and why, and the
    batch's other brands are reported."""
    from smmanalytics import EmptyDataError

    empty = tmp_path / "Empty"
    empty.mkdir()
    with pytest.raises(EmptyDataError) as err:
        run_report("monthly", data=empty, period="2026-10", out=tmp_path / "reports")
    assert str(err.value) == (f"no post, daily row or GA4 row in {empty}: nothing to report; "
                              "expected the exports of at least one platform or of GA4")
    assert not (tmp_path / "reports").exists()
    broken = _brand(tmp_path, "Broken") / "account_overview_analytics.csv"
    broken.write_text(X_OVERVIEW.replace("Sat, Oct 31, 2026", "someday"), encoding="utf-8")
    _brand(tmp_path, "Alpha")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("out: reports\nbrands:\n  - {name: empty, data: Empty}\n"
                   "  - {name: broken, data: Broken}\n  - {name: alpha, data: Alpha}\n")
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 of 3 reports written"
    assert out[2] == (f"  FAILED  empty monthly: no post, daily row or GA4 row in {empty}: "
                      "nothing to report; expected the exports of at least one platform or "
                      "of GA4")
    # the file, line, column and cell at fault (the loader's own message, in full)
    assert out[3].startswith(f"  FAILED  broken monthly: no post, daily row or GA4 row in "
                             f"{broken.parent}: nothing to report; file {broken}, line 3, "
                             "column 'Date': cell is not a date; expected ")
    assert out[3].endswith("; got 'someday'") and len(out) == 4
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["alpha"]


def test_invalid_yaml_says_what_is_wrong_where_not_only_what_the_parser_was_doing(tmp_path):
    """An unclosed list in brand.yaml failed the brand with "line 5: not valid YAML; expected
    YAML mapping; got 'while parsing a flow sequence'": PyYAML's context, not the fault. The
    error names the fault, its character, and where the unclosed construct began, for
    brand.yaml, goals.yaml and agency.yaml alike."""
    from smmanalytics.brand import read_brand
    from smmanalytics.errors import ConfigError
    from smmanalytics.goals import read_goals

    brand = tmp_path / "brand.yaml"
    brand.write_text("name: Bad\ntimezone: Europe/Paris\nlanguage: [fr\ncolors:\n  primary: x\n")
    with pytest.raises(ConfigError) as err:
        read_brand(brand)
    assert str(err.value) == (f"file {brand}, line 4: not valid YAML; expected YAML mapping; "
                              "got \"expected ',' or ']', but got ':' at character 7, while "
                              "parsing a flow sequence that began on line 3, character 11\"")
    goals = tmp_path / "goals.yaml"
    goals.write_text("goals:\n- metric: posts\n  platform: x\n   target: 3\n")
    with pytest.raises(ConfigError) as err:
        read_goals(goals)
    assert str(err.value) == (f"file {goals}, line 4: not valid YAML; expected YAML; got "
                              "'mapping values are not allowed here at character 10'")
    cfg = tmp_path / "agency.yaml"
    cfg.write_text("brands:\n  - {name: a, data: A\n")
    with pytest.raises(ConfigError) as err:
        read_batch_config(cfg, "2026-10")
    assert str(err.value) == (f"file {cfg}, line 3: cannot read the batch configuration; "
                              "expected a YAML file with a 'brands' list; got \"expected ',' "
                              "or '}', but got '<stream end>' at character 1, while parsing a "
                              "flow mapping that began on line 2, character 5\"")


@pytest.mark.parametrize("lang", ["de", "FR", 1])
def test_a_language_no_report_has_is_refused_before_anything_is_written(tmp_path, lang):
    # lang="de" ran the notebook, which failed in its third cell with a ValueError and left
    # a .failed.ipynb behind; it is an ArgumentError before anything is read or written
    from smmanalytics import ArgumentError

    sample = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"
    with pytest.raises(ArgumentError, match="argument 'lang': not a report language; expected "
                       "one of en, fr, it, or None \\(brand.yaml's\\); got "):
        run_report("monthly", data=sample, period="2026-10", out=tmp_path, lang=lang)
    assert not list(tmp_path.iterdir())


def test_a_batch_runs_one_worker_per_cpu_unless_told(monkeypatch, tmp_path, capsys):
    """`smm report batch` ran its reports one after the other unless given --workers, where
    two workers take about 0.55× the time on two cores: it now takes one worker per CPU the
    process may use, at most one per report; --workers still says how many."""
    import smmanalytics.runner as runner

    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3},
                        raising=False)
    assert runner.default_workers(20) == 4
    assert runner.default_workers(3) == 3 and runner.default_workers(0) == 1
    seen = []
    monkeypatch.setattr(runner, "read_batch_config",
                        lambda config, period, out=None: ["job"] * 3)
    monkeypatch.setattr(runner, "run_batch",
                        lambda jobs, workers, dask_address, progress: seen.append(workers)
                        or [])
    cfg = ["report", "batch", "--config", str(tmp_path / "a.yaml"), "--period", "2026-10"]
    assert main(cfg) == 0 and main([*cfg, "--workers", "1"]) == 0
    assert seen == [3, 1]
    for bad in ("0", "two"):
        with pytest.raises(SystemExit) as exit_:
            main([*cfg, "--workers", bad])
        assert exit_.value.code == 2
        assert (f"smm report: error: argument --workers: expected a whole number of at least "
                f"1; got '{bad}'") in capsys.readouterr().err


def test_python_m_smmanalytics_is_the_smm_command(tmp_path):
    """`python -m smmanalytics` runs the `smm` command, for a job that calls the venv's
    python by its path without its scripts on PATH: the same parser, the same exit status
    and error line for a brand folder that does not exist (2, `smm: error: …`)."""
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-m", "smmanalytics", "--help"],
                           capture_output=True, text=True, check=True)
    assert shown.stdout.startswith("usage: smm ")
    missing = tmp_path / "no-such-brand"
    failed = subprocess.run([sys.executable, "-m", "smmanalytics", "inspect", str(missing)],
                            capture_output=True, text=True)
    assert failed.returncode == 2
    assert failed.stderr.startswith("smm: error: ") and "no-such-brand" in failed.stderr


def test_the_delivered_notebook_names_the_published_pdf(notebooks, tmp_path):
    """The delivered .ipynb kept the run's work folder in its parameters
    (reports/maison-test/.2026-10.XXXXXXXX/new/…pdf): re-run in JupyterLab, it wrote the PDF
    and calendars into that hidden folder, which the next run removed as left behind. It
    names the PDF where it was published; the run itself still wrote into its work folder
    (the PDF is there, all or none)."""
    out = run_report("monthly", data=_brand(tmp_path, "Maison Test"), period="2026-10",
                     out=tmp_path / "reports")
    nb = nbf.read(out.notebook, as_version=4)
    injected, = (c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", ()))
    assert injected.source.splitlines()[-1] == f'out = "{out.pdf}"'
    assert injected.id == "injected-parameters"        # the cell kept, its source rewritten
    assert nb.metadata.papermill.parameters["out"] == str(out.pdf)
    assert "/.2026-10." not in out.notebook.read_text()
    assert out.pdf.read_bytes().startswith(b"%PDF")


def test_the_delivered_notebook_names_the_published_folder_in_what_it_printed(tmp_path):
    """The report notebook's last cell shows the path write_pdf returned: the work folder's,
    replaced by the published one; the other parameters are as papermill injected them."""
    from smmanalytics.runner import _delivered

    new, final = tmp_path / ".2026-10.abc" / "new", tmp_path / "2026-10"
    injected = nbf.v4.new_code_cell(f'# Parameters\nperiod = "2026-10"\nout = "{new}/r.pdf"\n',
                                    metadata={"tags": ["injected-parameters"]})
    last = nbf.v4.new_code_cell("rep.write_pdf(out)", outputs=[
        nbf.v4.new_output("execute_result", {"text/plain": f"PosixPath('{new}/r.pdf')"}),
        nbf.v4.new_output("stream", text=f"wrote {new}/r.pdf\n")])
    executed = nbf.v4.new_notebook(cells=[injected, last], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "papermill": {"parameters": {"period": "2026-10", "out": f"{new}/r.pdf"}}})
    nb = _delivered(executed, {"period": "2026-10"}, new=new, final=final, stem="r")
    assert nb.cells[0].source == f'# Parameters\nperiod = "2026-10"\nout = "{final}/r.pdf"\n'
    assert nb.cells[1].outputs[0]["data"]["text/plain"] == f"PosixPath('{final}/r.pdf')"
    assert nb.cells[1].outputs[1]["text"] == f"wrote {final}/r.pdf\n"
    assert executed.cells[0].source.endswith(f'out = "{new}/r.pdf"\n')      # not mutated


def test_a_brand_yaml_slug_outside_the_reports_folder_is_refused(notebooks, tmp_path, capsys):
    """slug: "../../escaped" with --out X/inner wrote all the outputs outside --out, and
    printed a path that did not exist: the brand.yaml error, exit 2, nothing written."""
    data = _brand(tmp_path, "Escaper")
    (data / "brand.yaml").write_text('name: Escaper\nslug: "../../escaped"\n')
    out = tmp_path / "x" / "inner"
    assert main(["report", "monthly", "--data", str(data), "--period", "2026-10",
                 "--out", str(out)]) == 2
    assert ("line 2, key 'slug': slug is not a safe folder and file name; expected lower-case "
            "ASCII letters, digits and hyphens, such as 'escaped'; got '../../escaped'"
            in capsys.readouterr().err)
    assert not (tmp_path / "escaped").exists() and not out.exists()


@pytest.mark.parametrize("slug", ["../../escaped", "a/b", "..", "", "."])
def test_the_report_folder_is_always_under_the_reports_folder(tmp_path, slug):
    """Defensive: Brand refuses such a slug, made in code as read from brand.yaml, but the
    folder the outputs go to is guarded here all the same."""
    from smmanalytics.errors import OutputError
    from smmanalytics.runner import _report_folder

    with pytest.raises(OutputError, match="names a folder outside the reports folder"):
        _report_folder(tmp_path / "reports", slug, "2026-10")
    assert _report_folder(tmp_path / "reports", "acme", "2026-10") == (
        tmp_path / "reports" / "acme" / "2026-10").resolve()


def test_a_bad_brand_yaml_slug_is_no_error_when_the_slug_is_overridden(tmp_path):
    """`slug: Maison_Seve` (legal before slugs were checked) stopped `smm report batch` and
    `smm report monthly --brand maison-seve`, though neither uses it: the batch names each
    brand after its entry and --brand overrides the slug. Without an override it is refused
    as before; an override hides no other bad key."""
    from smmanalytics.errors import ConfigError
    from smmanalytics.runner import _brand_of

    data = tmp_path / "ms"
    data.mkdir()
    (data / "brand.yaml").write_text("name: Maison Sève\nslug: Maison_Seve\n"
                                     "timezone: Europe/Paris\nlanguage: fr\n")
    b = _brand_of(data, "Maison Sève")
    assert (b.slug, b.name, b.timezone, b.language) == (
        "maison-seve", "Maison Sève", "Europe/Paris", "fr")    # slugify("Maison Sève")
    with pytest.raises(ConfigError, match=r"line 2, key 'slug': .* such as 'maison-seve'; "
                                          r"got 'Maison_Seve'"):
        _brand_of(data, None)
    (data / "brand.yaml").write_text("name: Maison Sève\nslug: Maison_Seve\nlanguage: de\n")
    with pytest.raises(ConfigError, match="line 3, key 'language': unsupported report language"):
        _brand_of(data, "maison-seve")


def test_a_failed_notebook_names_the_final_folder_not_the_removed_work_folder(tmp_path):
    """The .failed.ipynb kept after a failed run named the hidden work folder, removed as the
    run ends, in its papermill parameters and in what its cells printed: it is rewritten as
    the delivered notebook is (_delivered), to the PDF's path in the final folder."""
    from smmanalytics import runner

    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbf.v4.new_code_cell('out = "x.pdf"\nperiod = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbf.v4.new_code_cell('print("writing", out)\nraise RuntimeError("boom")')]
    nb_in = tmp_path / "nb.ipynb"
    nb_in.write_text(nbf.writes(nb))
    final = tmp_path / "reports" / "acme" / "2026-10"
    final.parent.mkdir(parents=True)
    work = runner._work_folder(final.parent, "2026-10")
    failed = runner._failed_notebook(final, "acme-2026-10")
    try:
        with pytest.raises(ReportError, match="executed notebook kept at"):
            runner._execute(nb_in, work, "acme-2026-10", {"period": "2026-10"}, final=final,
                            failed=failed, kernel_name="python3", progress=False)
    finally:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    kept = nbf.reads(failed.read_text(), as_version=4)     # multi-line texts joined
    pdf = str(final / "acme-2026-10.pdf")
    assert kept["metadata"]["papermill"]["parameters"] == {"period": "2026-10", "out": pdf}
    printed = [o["text"] for c in kept["cells"] for o in c.get("outputs", ()) if "text" in o]
    assert printed == [f"writing {pdf}\n"]
    injected = [c for c in kept["cells"] if "injected-parameters" in c["metadata"].get("tags", ())]
    assert f'out = "{pdf}"' in injected[0]["source"]
    assert str(work) not in failed.read_text()


def test_a_warning_class_made_in_a_function_comes_back_as_its_nearest_picklable_base():
    """A worker's warnings travel back pickled with its result: a class defined inside a
    function cannot be, and would have failed the batch; its nearest importable base goes."""
    class Local(DataQualityWarning):
        pass

    assert _sendable(Local) is DataQualityWarning
    assert _sendable(UserWarning) is UserWarning
    assert pickle.loads(pickle.dumps(_sendable(Local))) is DataQualityWarning


def test_batch_paths_under_the_users_home_are_expanded(tmp_path, monkeypatch):
    # agency.yaml's "out: ~/agency-out" wrote into a folder named "~" beside the file, and
    # "data: ~/brand" was agency/~/brand, which did not exist
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    cfg = tmp_path / "agency" / "agency.yaml"
    cfg.parent.mkdir()
    cfg.write_text("out: ~/agency-out\nbrands:\n"
                   "  - {name: a, data: ~/brand, reports: best-times}\n")
    assert read_batch_config("~/../agency/agency.yaml", "2026-10") == [
        BatchJob("a", "best-times", str(tmp_path / "home" / "brand"), "2026-10",
                 str(tmp_path / "home" / "agency-out"), None)]


@pytest.mark.parametrize("out", ["oct.pdf", "reports/Oct.PDF", "x.ipynb", "x.html"])
def test_an_out_named_as_the_reports_file_is_refused(tmp_path, out):
    # run_report(out="oct.pdf") made a folder oct.pdf/<slug>/<period>/ holding the PDF: out
    # is the reports folder here, the PDF's own path in the notebooks; refused before running
    with pytest.raises(ArgumentError) as info:
        run_report("best-times", data=tmp_path, period="2026-10", out=tmp_path / out)
    assert str(info.value) == (
        "argument 'out': out is the reports folder, not the report's file (a notebook's out "
        "is its PDF's path): the PDF is written to <out>/<brand slug>/<period>/; expected a "
        f"folder, such as reports; got '{tmp_path / out}'")
    assert not (tmp_path / out).exists()
    (tmp_path / "agency.yaml").write_text("brands:\n  - {name: a, data: A}\n")
    with pytest.raises(ArgumentError, match="out is the reports folder"):
        read_batch_config(tmp_path / "agency.yaml", "2026-10", out=str(tmp_path / out))


@pytest.mark.parametrize(("out", "reason", "got"), [
    ("oct.pdf", "out is the reports folder, not the report's file (a notebook's out is its "
     "PDF's path): the PDF is written to <out>/<brand slug>/<period>/", "'oct.pdf'"),
    ("[reports]", "out is the reports folder's path", "['reports']"),
])
def test_an_agency_yaml_out_named_as_the_reports_file_is_refused(tmp_path, capsys, out,
                                                                  reason, got):
    # agency.yaml's "out: oct.pdf" was taken, then every brand failed with "argument 'out'",
    # naming neither the file nor its line; now refused as it is read, at line 3 below
    from smmanalytics.errors import ConfigError

    cfg = tmp_path / "agency.yaml"
    cfg.write_text(f"brands:\n  - {{name: a, data: A}}\nout: {out}\n")
    expected = (f"file {cfg}, line 3, key 'out': {reason}; expected a folder, such as "
                f"reports; got {got}")
    with pytest.raises(ConfigError) as info:
        read_batch_config(cfg, "2026-10")
    assert (info.value.file, info.value.line, info.value.key) == (str(cfg), 3, "out")
    assert str(info.value) == expected
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10"]) == 2
    assert capsys.readouterr().err == f"smm: error: {expected}\n"
    assert not (tmp_path / "oct.pdf").exists()
