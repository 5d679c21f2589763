"""The agency batch when its configuration, its Dask scheduler or its own process fails: refused
before any report runs, within a timeout, and without workers left behind."""

from __future__ import annotations

import http.server
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics import runner
from smmanalytics._process import Terminated
from smmanalytics.cli import main
from smmanalytics.errors import ArgumentError, ConfigError
from smmanalytics.runner import BatchJob, read_batch_config, run_report

from . import _dying_workers
from ._helpers import ig_export


def _agency(tmp_path: Path, entry: str) -> Path:
    """agency.yaml of one brand entry (its data folder exists, empty)."""
    (tmp_path / "brand").mkdir(exist_ok=True)
    cfg = tmp_path / "agency.yaml"
    cfg.write_text(f"brands:\n  - {entry}\n", encoding="utf-8")
    return cfg


@pytest.mark.parametrize("key,value,instead", [
    ("period", "2026-09", "smm report batch --period"),
    ("lang", "en", "the entry's lang:"),
    ("out", "/elsewhere.pdf", "smm report batch --out, or agency.yaml's out:"),
    ("data", "other", "the entry's data:"),
    ("brand", "other", "the entry's name:"),
    ("ahead", False, "nothing: the batch sets it"),
])
def test_parameters_the_batch_sets_itself_are_refused(tmp_path, capsys, key, value, instead):
    """`parameters: {period: 2026-09}` filed September's report as 2026-10, and `lang: en` an
    English one as -it: each key the run sets itself is a ConfigError naming the entry's key
    and what to use, exit 2, before any report."""
    cfg = _agency(tmp_path, f"{{name: p, data: brand, parameters: {{{key}: {value!r}}}}}")
    with pytest.raises(ConfigError) as err:
        read_batch_config(cfg, "2026-10")
    assert (err.value.key, err.value.line) == (f"brands[1].parameters.{key}", 2)
    assert err.value.expected.startswith(instead) and err.value.got == value
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10"]) == 2
    assert f"line 2, key 'brands[1].parameters.{key}': brand 'p': the batch sets {key!r} itself" \
        in capsys.readouterr().err


def test_run_report_refuses_a_parameter_it_sets_itself(tmp_path):
    """run_report(period="2026-10", parameters={"period": "2026-09"}) ran September: refused
    before the data is even looked at (it does not exist here)."""
    with pytest.raises(ArgumentError, match=r"argument 'parameters': the report sets 'period' "
                                            r"itself; expected run_report's period; got 'period'"):
        run_report("monthly", data=tmp_path / "none", period="2026-10",
                   parameters={"period": "2026-09", "campaign": "x"})


def test_a_missing_config_is_said_once(tmp_path, capsys):
    """It said "file …: cannot read the batch configuration; …; got 'file …: batch
    configuration not found'"."""
    cfg = tmp_path / "nope.yaml"
    assert main(["report", "batch", "--config", str(cfg), "--period", "2026-10"]) == 2
    assert capsys.readouterr().err == f"smm: error: file {cfg}: batch configuration not found\n"


@pytest.fixture
def http_server():
    """A plain HTTP server on a free local port (the Dask dashboard's, a usual mistake)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["tcp://", ""])
def test_a_dask_address_that_is_no_scheduler_fails_within_the_timeout(tmp_path, capsys,
                                                                      http_server, scheme):
    """An HTTP server at --dask hung the batch for ever (the client's handshake has no
    timeout): now the handshake is given distributed.comm.timeouts.connect (0.5 s here)."""
    import dask
    import distributed  # noqa: F401  its config, before dask.config.set puts it back

    cfg = _agency(tmp_path, "{name: p, data: brand}")
    address = f"{scheme}127.0.0.1:{http_server}"
    t0 = time.monotonic()
    with dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}):
        code = main(["report", "batch", "--config", str(cfg), "--period", "2026-10",
                     "--dask", address])
    assert code == 2 and time.monotonic() - t0 < 10
    # stderr's only line (no progress bar: not a terminal)
    assert capsys.readouterr().err.startswith(
        f"smm: error: cannot reach the Dask scheduler at {address}: no Dask handshake after "
        "0.5 s; expected the address of a running scheduler")


@pytest.fixture
def tls_config(tmp_path):
    """Dask's TLS settings (distributed.comm.tls.*) over a self-signed certificate made by
    openssl in ``tmp_path``, for the scheduler and the client alike."""
    import dask
    import distributed  # noqa: F401  its config, before dask.config.set puts it back

    if shutil.which("openssl") is None:
        pytest.skip("openssl makes the test's certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    tls = {f"distributed.comm.tls.{k}": str(v) for k, v in {
        "ca-file": cert, "scheduler.cert": cert, "scheduler.key": key, "client.cert": cert,
        "client.key": key}.items()}
    with dask.config.set({**tls, "distributed.comm.timeouts.connect": "10s"}):
        yield


@pytest.fixture
def tls_scheduler(tls_config):
    """The address of a Dask scheduler listening on tls://127.0.0.1 (a free port), run by
    its own event loop in a thread, with the certificate of ``tls_config``."""
    import asyncio

    from distributed import Scheduler

    up, loop, address = threading.Event(), asyncio.new_event_loop(), []
    stop = asyncio.Event()

    async def serve():
        async with Scheduler(host="tls://127.0.0.1", port=0, dashboard_address=":0") as s:
            address.append(s.address)
            up.set()
            await stop.wait()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    assert up.wait(30)
    yield address[0]
    loop.call_soon_threadsafe(stop.set)
    thread.join(30)


def test_a_tls_scheduler_is_reached_with_the_clients_tls_settings(tls_scheduler):
    """The handshake before the client connected without the TLS settings of Dask's config:
    a tls:// scheduler was "what answers there does not speak Dask's protocol (TLS expects
    a ssl_context argument …)", and no batch could run on it."""
    from smmanalytics.runner import _dask_client

    client = _dask_client(tls_scheduler)
    try:
        assert client.scheduler_info()["address"] == tls_scheduler
    finally:
        client.close()


def test_a_tls_address_without_tls_settings_says_what_is_missing():
    """No TLS settings in Dask's config (the default): said before any connection, not
    read as a scheduler speaking another protocol."""
    import dask
    import distributed  # noqa: F401  its config, before dask.config.set puts it back

    from smmanalytics.runner import _dask_client

    with dask.config.set({"distributed.comm.tls.ca-file": None,
                          "distributed.comm.tls.client.cert": None}), \
            pytest.raises(smm.ReportError, match=r"^cannot reach the Dask scheduler at "
                          r"tls://127\.0\.0\.1:1: no TLS settings for the client; expected "
                          r"distributed\.comm\.tls\.ca-file"):
        _dask_client("tls://127.0.0.1:1")


@pytest.mark.parametrize("options,said", [
    (["--dask", "http://127.0.0.1:8787"], "argument 'dask': not a Dask scheduler's address"),
    (["--dask", "tcp://127.0.0.1:8786", "--workers", "2"],
     "smm report batch takes --workers N or --dask ADDRESS, not both"),
])
def test_dask_usage_errors_exit_2_before_anything(tmp_path, capsys, options, said):
    """http:// gave a raw ValueError and exit 1; --workers beside --dask was ignored."""
    with pytest.raises(SystemExit) as stop:
        main(["report", "batch", "--config", str(tmp_path / "a.yaml"), "--period", "2026-10",
              *options])
    assert stop.value.code == 2 and said in capsys.readouterr().err


#: a batch-like pool: two spawn workers started as a batch's, one running a long job in
#: _run_job_in_worker (run_job sleeping, once it has touched the file argv[1]), the other
#: idle once it has run a short one; the pids printed, then the pool waited on
POOL = """
    import sys, time
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path
    import multiprocessing as mp
    from smmanalytics import runner
    from smmanalytics.runner import BatchJob, _run_job_in_worker, _worker_start

    def slow(job, started):
        runner.run_job = lambda job: (Path(started).touch(), time.sleep(120))
        return _run_job_in_worker(job)

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(2, mp_context=mp.get_context("spawn"),
                                   initializer=_worker_start)
        busy = pool.submit(slow, BatchJob("b", "monthly", "x", "2026-10", "r"), sys.argv[1])
        pool.submit(time.sleep, 0).result()
        while not Path(sys.argv[1]).exists():     # both started: neither still importing
            time.sleep(0.1)
        print(*pool._processes, flush=True)
        busy.result()
"""


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, which a container's PID 1 may never reap,
    does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_their_batch_is_killed(tmp_path):
    """A batch killed with SIGKILL left its workers running the queued reports, then waiting
    for ever, SIGTERM only noted: both the busy and the idle worker now end within seconds."""
    script = tmp_path / "pool.py"
    script.write_text(textwrap.dedent(POOL), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    batch = subprocess.Popen([sys.executable, str(script), str(tmp_path / "started")],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        pids = [int(p) for p in batch.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
    finally:
        batch.kill()
        batch.wait()
    deadline = time.monotonic() + 30    # at once when idle; a loaded machine is slower
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = {p: _signal_state(p) for p in pids if _alive(p)}
    for pid in left:          # not to leave them to the next tests
        os.kill(pid, signal.SIGKILL)
    assert left == {}


def _signal_state(pid: int) -> str:
    """A process's state, parent and signal masks, as /proc says them (for a failure)."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return "; ".join(x for x in lines if x.startswith(("State", "PPid", "Sig")))


def _brand_folder(root: Path, brand_yaml: str, logo: str | None = None) -> Path:
    """A brand folder: ``brand_yaml``, one Instagram post of 2 October 2026, and ``logo.svg``
    holding ``logo`` when given."""
    root.mkdir()
    (root / "brand.yaml").write_text(brand_yaml, encoding="utf-8")
    (root / "ig_2026-10-03.csv").write_text("\ufeff" + ig_export(10), encoding="utf-8")
    if logo is not None:
        (root / "logo.svg").write_text(logo, encoding="utf-8")
    return root


@pytest.mark.parametrize("lang,wording", [
    ("en", "The logo named in brand.yaml is not an image that can be drawn"),
    ("fr", "Le logo indiqué dans brand.yaml n'est pas une image lisible"),
    ("it", "Il logo indicato in brand.yaml non è un'immagine leggibile"),
])
def test_an_unparseable_logo_leaves_the_report_without_it_and_says_so(tmp_path, lang, wording):
    """`<svg oops` as logo.svg failed the whole report when Typst compiled it, after every cell,
    naming no file: the report now goes without the logo, and its quality table says which
    file and why, as for a logo that could not be read."""
    from smmanalytics.report import BrandReport

    folder = _brand_folder(tmp_path / "b", "name: B\ntimezone: Europe/Paris\nlogo: logo.svg\n",
                           logo="<svg oops")
    ds = smm.load(folder)
    rep = BrandReport(ds, "2026-10", lang=lang)
    rep.quality_note()
    assert rep.logo is None and rep.to_json()["logo"] is None
    assert rep.logo_problem == (f"the logo {folder / 'logo.svg'} (brand.yaml's logo) cannot be "
                                "drawn (failed to parse SVG (unexpected end of stream)): the "
                                "report goes without it")
    assert wording in str(rep.blocks)
    assert rep.pdf_bytes().startswith(b"%PDF")


def test_a_brand_yaml_without_timezone_is_said_to_run_in_utc(tmp_path):
    """A brand.yaml without `timezone:` ran the brand in UTC with nothing said (README
    refuses `time_zone:` so that it does not): a warning-level quality note, shown in the
    report, which run_report also raises for stderr; none with a timezone."""
    from smmanalytics import runner
    from smmanalytics.errors import DataQualityWarning

    ds = smm.load(_brand_folder(tmp_path / "utc", "name: U\n"))
    note = ds.quality.loc[(ds.quality["code"] == "brand_timezone_missing").to_numpy()]
    assert note["level"].tolist() == ["warning"]
    assert ds.brand.timezone == "UTC"
    with pytest.warns(DataQualityWarning, match=r"brand.yaml: no timezone, so the brand's days, "
                                                r"months and hours are UTC's") as said:
        runner._warn_of_utc(ds, tmp_path / "utc")
    assert len(said) == 1
    paris = smm.load(_brand_folder(tmp_path / "paris", "name: P\ntimezone: Europe/Paris\n"))
    assert "brand_timezone_missing" not in paris.quality["code"].tolist()
    with warnings.catch_warnings():
        warnings.simplefilter("error")                  # a brand with its zone: nothing said
        runner._warn_of_utc(paris, tmp_path / "paris")


def test_a_brand_folder_without_brand_yaml_is_said_to_run_in_utc(tmp_path):
    """A folder without brand.yaml ran in UTC with only a note in the report's quality table
    (brand_defaults): a batch's stderr, the scheduled job's log, said nothing. run_report now
    warns once, naming the folder and the key to add, as for a brand.yaml without timezone."""
    from smmanalytics import runner
    from smmanalytics.errors import DataQualityWarning

    folder = _brand_folder(tmp_path / "client", "")
    (folder / "brand.yaml").unlink()
    ds = smm.load(folder)
    assert ds.brand.timezone == "UTC"
    with pytest.warns(DataQualityWarning) as said:
        runner._warn_of_utc(ds, folder)
    assert [(str(w.message), w.message.code) for w in said] == [(
        f"{folder}: no brand.yaml, so the brand's days, months and hours are UTC's; expected "
        "a brand.yaml there with timezone: the audience's IANA zone, such as Europe/Paris",
        "brand_defaults")]


def test_a_pattern_without_brand_yaml_names_the_folder_to_put_it_in(tmp_path):
    """``client/*.csv`` matches the export, not client/brand.yaml (Europe/Paris): the brand
    runs in UTC, and the warning named the pattern as where a brand.yaml was expected
    ("client/*.csv: no brand.yaml, …; expected a brand.yaml there"), then told to put one in
    client, where it is. It says client/brand.yaml is not matched; without one, where to put
    it."""
    from smmanalytics import runner
    from smmanalytics.errors import DataQualityWarning

    folder = _brand_folder(tmp_path / "client", "timezone: Europe/Paris\n")
    ds = smm.load(folder / "*.csv")
    assert ds.brand.timezone == "UTC"
    with pytest.warns(DataQualityWarning) as said:
        runner._warn_of_utc(ds, folder / "*.csv")
    assert [str(w.message) for w in said] == [
        f"{folder}: {folder / 'brand.yaml'} is not among the files *.csv matches, so it was "
        "not read and the brand's days, months and hours are UTC's; give the folder "
        f"{folder} itself"]
    (folder / "brand.yaml").unlink()        # none there: where to put one
    with pytest.warns(DataQualityWarning) as said:
        runner._warn_of_utc(ds, folder / "*.csv")
    assert [str(w.message) for w in said] == [
        f"{folder}: no brand.yaml among the files *.csv matches in it, so the brand's days, "
        f"months and hours are UTC's; expected a brand.yaml in {folder} with timezone: the "
        "audience's IANA zone, such as Europe/Paris (a pattern reads it only when it matches "
        "it: give the folder itself)"]


def test_a_worker_that_dies_fails_its_own_report_alone(monkeypatch):
    """A worker killed as the OOM killer does (SIGKILL) ended the whole batch on a raw
    BrokenProcessPool, no report written and no summary. Now the report it held fails,
    saying so with the signal, and the others (the one the broken pool stopped in the other
    worker, the one not started) run on a fresh pool."""
    monkeypatch.setattr(runner, "_run_job_in_worker", _dying_workers.run_or_die)
    # "a" takes 0.5 s, so it is running in the other worker when "dies" dies
    jobs = [BatchJob(b, "monthly", "data", "2026-10", "out", parameters=(("s", 0.5),))
            for b in ("a", _dying_workers.DIES, "b")]
    results = runner.run_batch(jobs, workers=2, progress=False)
    assert [(r.brand, r.ok) for r in results] == [("a", True), ("dies", False), ("b", True)]
    assert results[1].error.startswith("its worker process died (signal 9, Killed)")
    assert [r.pdf for r in results if r.ok] == ["a.pdf", "b.pdf"]


class _ReapedElsewhere:
    """A dead worker as this thread sees it when the pool's own thread reaped it first: its
    sentinel closed, its exit code stored by that thread a moment later."""

    def __init__(self, pid: int, exitcode: int, after: float):
        read, write = os.pipe()
        os.close(write)                 # read end at EOF: the sentinel of an ended process
        self.sentinel, self.pid = read, pid
        self._exitcode, self._at = exitcode, time.monotonic() + after

    def join(self, timeout=None):
        """``Process.join`` finding no child to wait for: returns at once."""

    @property
    def exitcode(self):
        return self._exitcode if time.monotonic() >= self._at else None


def test_a_dead_workers_signal_is_read_when_the_pools_thread_reaped_it_first():
    """CI once read "its worker process died, out of memory or crashed" without "(signal 9,
    Killed)": the pool's thread had reaped the worker, so this thread's join returned before
    that thread stored the exit code. It is now read again until then (within a second)."""
    gone = _ReapedElsewhere(4242, -9, after=0.05)
    try:
        assert runner._dead([gone]) == {4242: -9}
        assert runner._died(-9).startswith("its worker process died (signal 9, Killed)")
    finally:
        os.close(gone.sentinel)


@pytest.mark.parametrize("stop,by,code", [(KeyboardInterrupt, "Ctrl-C", 130),
                                          (lambda: Terminated(143), "SIGTERM", 143)])
def test_a_stopped_batch_names_the_reports_written_stopped_and_not_run(monkeypatch, capsys,
                                                                       stop, by, code):
    """Stopped midway, the batch's log said only "the reports written before stay in place".
    It now gives the summary as it stood: the report written (a), the one stopped as it ran
    (b: the stop comes within its run), the one never started (c), and the counts; and no
    progress bar into a log that is not a terminal."""
    jobs = [BatchJob(b, "monthly", "data", "2026-10", "out") for b in "abc"]
    monkeypatch.setattr(runner, "read_batch_config", lambda *a, **k: jobs)

    def report(job, ahead=False):
        if job.brand == "b":
            raise stop()
        return runner.BatchResult(job.brand, job.kind, True, pdf=f"{job.brand}.pdf")

    monkeypatch.setattr(runner, "run_job", report)
    assert main(["report", "batch", "--config", "agency.yaml", "--period", "2026-10",
                 "--workers", "1"]) == code
    out, err = capsys.readouterr()
    assert out.splitlines() == ["1 of 3 reports written", "  ok      a monthly: a.pdf",
                                "  stopped b monthly", "  not run c monthly"]
    # and that line alone: stderr is no terminal here (a cron job's log), so no progress bar
    # ("reports:  33%|███▎ | 1/3", redrawn with carriage returns)
    assert err.splitlines() == [
        f"smm: stopped by {by}: 1 written, 1 stopped while running, 1 not started (each "
        "named above); a report stopped or not started keeps its earlier outputs in place"]


def test_the_work_folder_of_a_dead_workers_report_is_removed_not_a_running_ones(
        monkeypatch, tmp_path, caplog):
    """A worker killed (SIGKILL) while its report ran left the report's work folder in
    ``<out>/dies/`` (a partial report and the kernel's key) until the next run of that brand
    and period. The batch removes it as it learns the worker died, saying so; the folder of
    another run of the same brand and period still running (this test's process, as another
    batch would be) stays."""
    monkeypatch.setattr(runner, "_run_job_in_worker", _dying_workers.run_or_die_in_its_folder)
    out = tmp_path / "out"
    (out / "dies").mkdir(parents=True)
    running = runner._work_folder(out / "dies", "2026-10")      # its owner: this process
    jobs = [BatchJob(b, "monthly", "data", "2026-10", str(out))
            for b in ("a", _dying_workers.DIES)]
    with caplog.at_level("WARNING", logger="smmanalytics.runner"):
        results = runner.run_batch(jobs, workers=2, progress=False)
    assert [(r.brand, r.ok) for r in results] == [("a", True), ("dies", False)]
    died_in = Path((out / "dies" / "died-in").read_text(encoding="utf-8"))
    assert died_in.parent == out / "dies" and died_in.name.startswith(".2026-10.")
    assert not died_in.exists()
    assert sorted(p.name for p in (out / "dies").iterdir()) == sorted(["died-in", running.name])
    assert (running / "owner").is_file() and (running / "new").is_dir()
    assert [r.getMessage() for r in caplog.records if "worker process held" in r.getMessage()] \
        == [f"removed {died_in}, the work folder of the report of dies its worker process held "
            "when it died"]
    assert not any(p.name.startswith(".") for p in (out / "a").iterdir())
