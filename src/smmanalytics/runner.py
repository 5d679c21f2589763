"""Run report notebooks with papermill and export them: executed .ipynb, HTML without code, PDF.

Outputs of one run land in ``<out>/<brand>/<period>/``, a folder other reports of the same
brand and period share (a monthly report, a campaign report, best times). A run writes its
files in a temporary folder next to it, then moves each into place with one rename, so a reader
never sees a half-written file, and all of them or, when stopped midway, none
(:func:`_publish`); it replaces only its own files and removes only the files an earlier run of
the same report left and this one did not write. A run killed before it could remove its
temporary folder leaves it to the next run of the brand and period, which removes it; a
batch removes at once the one its dead worker left.
"""

from __future__ import annotations

import atexit
import copy
import functools
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import _process
from ._args import path_of, platform_name, user_path
from ._io import (
    atomic_write,
    file_name,
    key_lines,
    output_folder,
    read_user_text,
    unknown_key,
    writing,
    yaml_error,
)
from ._logo import read_logo
from ._preflight import check_covered, check_not_empty, check_platform_posts, latest_period_of
from .brand import LANGS, Brand, read_brand, slugify
from .dataset import BRAND_FILES, load
from .errors import (
    ArgumentError,
    ArgumentTypeError,
    ConfigError,
    DataQualityWarning,
    OutputError,
    ReportError,
    SmmError,
)
from .loaders._folder import pattern_folder
from .loaders._sources import archive_members
from .owners import left_behind, owner_ended, read_owner, running, this_run, write_owner
from .periods import parse_period
from .quality import agree, counted, shown_name, unread_files
from .roi import campaign_days, check_campaign
from .schema import PLATFORMS

__all__ = ["REPORT_KINDS", "BatchJob", "BatchResult", "ReportOutputs", "StoppedBatch",
           "Warned", "default_workers", "notebook_path", "read_batch_config", "report_kind",
           "run_batch", "run_job", "run_report"]

logger = logging.getLogger(__name__)

#: report kind → notebook file name
REPORT_KINDS = {"monthly": "monthly_report.ipynb", "campaign": "campaign_report.ipynb",
                "best-times": "best_times.ipynb"}


@dataclass(frozen=True)
class ReportOutputs:
    """Paths written by one report run, the files of its data that could not be read
    (``unread``: file → why; the report says so on its cover and in its data-quality
    section), why the report went without brand.yaml's logo (``logo_problem``, said in
    its data-quality section), or None, and that some of its posts name no account, so may
    be another account's (``unchecked``, :func:`unchecked_accounts`, said on its cover), or
    None."""

    folder: Path
    notebook: Path
    html: Path
    pdf: Path
    unread: dict[str, str] = field(default_factory=dict, hash=False)   # hashable, as before
    logo_problem: str | None = None
    unchecked: str | None = None


def report_kind(kind: object) -> object:
    """A report kind as :data:`REPORT_KINDS` spells it: ``best_times`` (as the notebook and
    :class:`~smmanalytics.report.BrandReport` write it) is ``best-times`` (as the command
    line does). Anything else is returned as given, for the caller to refuse."""
    return kind.replace("_", "-") if isinstance(kind, str) else kind


def notebook_path(kind: str) -> Path:
    """The notebook of a report kind: in ``$SMM_NOTEBOOKS`` when it is set; else in the
    checkout's notebooks/ when the package runs from one (the analyst may have edited them);
    else the package's own (:mod:`smmanalytics.notebooks`), written once into the cache
    folder: an installed package has no notebooks/ folder. An unknown ``kind`` is an
    ArgumentError; a ``$SMM_NOTEBOOKS`` without the notebook, a ReportError."""
    try:
        name = REPORT_KINDS[report_kind(kind)]
    except KeyError:
        raise ArgumentError("unknown report kind", argument="kind",
                            expected=f"one of {', '.join(sorted(REPORT_KINDS))}",
                            got=kind) from None
    if os.environ.get("SMM_NOTEBOOKS"):
        root = Path(os.environ["SMM_NOTEBOOKS"])
        if not (root / name).is_file():
            # no notebook=: that marks a report that ran and failed (smm report exits 1);
            # this is a configuration error found before any report runs (exit 2)
            raise ReportError(f"notebook {name} not found in {root}, the folder SMM_NOTEBOOKS "
                              "names; expected the report notebooks there (smm notebooks --out "
                              "DIR writes them), or SMM_NOTEBOOKS unset to run the package's")
        return root / name
    checkout = _checkout_notebooks()
    if checkout is not None and (checkout / name).is_file():
        return checkout / name
    return _package_notebooks() / name


def _checkout_notebooks() -> Path | None:
    """The notebooks/ folder of the checkout the package runs from (``<root>/src/smmanalytics``
    beside ``<root>/pyproject.toml``), or None: an installed package's folder is no checkout,
    whatever lies two folders up."""
    package = Path(__file__).resolve().parent
    root = package.parents[1]
    if package.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root / "notebooks"
    return None


def _package_notebooks() -> Path:
    """A folder holding the package's notebooks: ``<cache>/notebooks/<version>-<digest>/``
    (:func:`smmanalytics._cache.cache_dir`; ``smm cache clear`` removes it), written on first
    use; named by the notebooks' digest, so an upgrade never runs an older copy. When the
    cache folder cannot be written, a private temporary folder (:func:`_temporary_notebooks`)."""
    from . import (
        __version__,  # cycle: set by the package after it imports this module
        notebooks,  # lazy: nbformat, loaded when a report runs
    )
    from ._cache import cache_dir  # lazy: the cache module is not loaded with the package

    final = cache_dir() / "notebooks" / f"{__version__}-{notebooks.digest()[:16]}"
    if all((final / name).is_file() for name in notebooks.NOTEBOOKS):
        return final
    try:
        return _write_notebooks(final)
    except OSError as exc:       # OutputError too: a read-only or full disk
        logger.info("cannot write the notebooks in %s (%s); using a temporary folder",
                    final, exc)
        return _temporary_notebooks()


#: the name of the temporary notebooks folders (:func:`_temporary_notebooks`) in the
#: temporary folder, before mkdtemp's random part
_TEMPORARY_NOTEBOOKS = "smm-notebooks-"


@functools.cache
def _temporary_notebooks() -> Path:
    """A temporary folder holding the package's notebooks, one per process, removed when it
    exits: one made per report and never removed left a ``/tmp/smm-notebooks-*`` folder
    (20 KB) after each report of an installed package whose cache was read-only. It holds
    ``owner``, as a run's work folder does (:func:`_work_folder`), so that the next process
    removes it when this one was killed before it could (:func:`_remove_dead_notebooks`)."""
    from . import notebooks  # lazy: nbformat, loaded when a report runs

    _remove_dead_notebooks()
    work = Path(tempfile.mkdtemp(prefix=_TEMPORARY_NOTEBOOKS))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    write_owner(work)
    notebooks.write(work)
    return work


def _remove_dead_notebooks() -> None:
    """Remove the temporary notebooks folders of processes killed (SIGKILL, the OOM killer)
    before their exit could remove them: each stayed in /tmp for good. Only those whose
    ``owner`` is a process that ended (:func:`owners.owner_ended`): a running process's is its
    own, another user's cannot be read (mkdtemp makes it private), one without ``owner`` (an
    earlier version's, or one being made) or of another PID namespace (a container sharing
    /tmp) cannot be told."""
    for work in Path(tempfile.gettempdir()).glob(f"{_TEMPORARY_NOTEBOOKS}*"):
        if not work.is_symlink() and work.is_dir() and owner_ended(work):
            shutil.rmtree(work, ignore_errors=True)
            logger.info("removed %s, the notebooks of a process stopped before it could "
                        "remove them", work)


def _write_notebooks(final: Path) -> Path:
    """Write the package's notebooks into a temporary folder beside ``final``, then rename it
    ``final``, so that a report never runs a half-written notebook; another process that
    renamed its own copy first wins (the same notebooks). Into ``final`` itself, the ones it
    lacks."""
    from . import notebooks  # lazy: nbformat, loaded when a report runs

    if final.is_dir():      # complete once renamed: a notebook was removed by hand since
        notebooks.write(final, replace=False)          # each file atomically
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    try:
        notebooks.write(work)
        os.replace(work, final)
    except OSError:
        if not all((final / name).is_file() for name in notebooks.NOTEBOOKS):
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final


def _brand_of(data: Path, brand: str | None, default: Brand | None = None) -> Brand:
    """The brand of the data: its folder's brand.yaml; for a zipped brand folder, the
    brand.yaml in the archive that :func:`smmanalytics.load` reads (the last one by name), else
    the one beside the archive; else ``default``, the brand the load gave the data (without
    brand.yaml: named after its folder, so two folders without one write apart; they both
    wrote reports/brand/), else :class:`Brand`'s defaults. Raises ConfigError when that file is
    invalid, except for a bad ``slug`` when ``brand`` overrides it: that slug is never used
    (the batch gives each entry's name, ``--brand`` its own), and refusing it stopped reports
    that did not need it."""
    inside = [] if data.is_dir() else archive_members(
        data, lambda n: file_name(n).lower() in BRAND_FILES)
    folder = data if data.is_dir() else data.parent
    problems: list[ConfigError] = []
    with warnings.catch_warnings():
        # its notes (a zone's case corrected) are the load's, in the report's quality table
        warnings.simplefilter("ignore", DataQualityWarning)
        if inside:
            b = read_brand(inside[-1].name, data=inside[-1].data, problems=problems)
        elif (folder / "brand.yaml").is_file():
            b = read_brand(folder / "brand.yaml", problems=problems)
        else:
            b = None
    for exc in problems:       # in the file's order, the first one raised as without a list
        if not (brand and exc.key == "slug"):
            raise exc
    return (b or default or Brand()).with_slug(brand)


#: arguments of every report kernel: its own log is not the analyst's business. It warns at
#: start-up that it listens on localhost TCP, and jupyter_client interrupts every kernel before
#: shutting it down, which the kernel may log as "ERROR | KeyboardInterrupt caught in kernel"
#: (seen in parallel batches). A failing cell still raises ReportError with its traceback, and
#: the cells' own warnings still show in the executed notebook.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]

#: how the kernel ends once the last cell has run (nbclient's ``shutdown_kernel``): stopped at
#: once. By then every output has been received and the PDF written; asked to exit, the kernel
#: took 0.6-1 s to tear down the libraries a report imports (pandas, scipy, matplotlib…)
#: before papermill returned. A report's notebook leaves no work to its ``atexit`` hooks.
SHUTDOWN_KERNEL = "immediate"


def without_iri_grammar() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax`` in this process (the ``smm`` command's,
    a batch's workers).

    papermill and nbconvert validate notebooks with jsonschema, which imports
    ``rfc3987_syntax`` when it is installed (JupyterLab's jupyter-events brings it) to check
    the ``iri`` formats. That module builds a Lark grammar as it is imported: 0.9 of the
    1.3 s papermill took to import, at every ``smm report`` (jsonschema#1428). The notebook
    schemas have no such format, and jsonschema checks formats only when asked to; without
    the module, it leaves the ``iri`` formats unchecked. A process that has imported it
    keeps it.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def run_report(kind: str, *, data: str | os.PathLike, period: str | None = None,
               out: str | os.PathLike =
               "reports", brand: str | None = None, lang: str | None = None,
               parameters: dict | None = None, kernel_name: str = "python3",
               progress: bool = False, ahead: bool = True) -> ReportOutputs:
    """Execute a report notebook for one brand and period; write .ipynb, .html and .pdf.

    Parameters
    ----------
    kind : {"monthly", "campaign", "best-times"}
        ``best_times`` is taken too.
    data : path
        The brand's folder of exports (with brand.yaml, costs.csv, goals.yaml), or a zip of
        that folder.
    period : str, optional
        ``2026-10``, ``2026-Q3``, ``2026``, ``START..END``, or ``latest`` (the latest complete
        month of the data, :func:`~smmanalytics._preflight.latest_period_of`). Needed, except
        by a campaign report: without it, the campaign's own days (its first to last post,
        cost line or GA4 row; a GA4 row of a whole month counts only the days the campaign's
        posts and cost lines ran within it).
    out : path
        Reports root, a folder; outputs go to ``<out>/<brand slug>/<period>/``. Unlike the
        notebooks' ``out`` parameter (the PDF's own path), a name ending in ``.pdf``,
        ``.ipynb`` or ``.html`` is refused (:func:`reports_root`), as is that of
        ``smm report --out`` (batch's too).
    brand, lang : str, optional
        Override the slug and language of brand.yaml.
    parameters : dict, optional
        Extra notebook parameters: ``campaign``, needed by a campaign report; ``platform`` for
        one platform's best times, whose files are then named
        ``<brand>-best-times-<platform>-<period>``; not one the run sets itself from its
        other arguments (:data:`RUN_PARAMETERS`: ``period``, ``lang``…), an ArgumentError.
    kernel_name : str
        The Jupyter kernel papermill runs the notebook on.
    progress : bool
        Show papermill's progress bar, a cell at a time.
    ahead : bool
        Let a notebook that can build its heaviest sections in a second process meanwhile
        (``BrandReport.build_ahead``) do so. Batches on several workers or on Dask turn it
        off: their reports already run side by side, one per worker; a serial batch keeps it.

    Returns
    -------
    ReportOutputs

    Raises
    ------
    ArgumentError
        before anything runs, for an unknown ``kind``, a ``lang`` not a report language, a
        missing ``period``, a campaign report without ``parameters={'campaign': …}``, or a
        ``parameters`` name the notebook does not take, an ``out`` named as a file
        (``oct.pdf``); an ArgumentTypeError (a TypeError
        too) for a ``data`` or ``out`` that is not a path, a ``brand`` not a str.
    ParseError
        when ``data`` does not exist, as :func:`~smmanalytics.load` raises it.
    ReportError
        naming the notebook and the failing cell; the executed notebook is kept beside the
        period folder as ``<stem>.failed.ipynb`` for inspection, and the previous run's
        outputs stay in place.
    OutputError
        when the reports folder cannot be written, naming it.
    """
    kind = report_kind(kind)
    nb_in = notebook_path(kind)
    data = path_of(data, "data", "run_report", "the path of a brand folder or of its zip")
    out = reports_root(path_of(out, "out", "run_report", "the path of the reports folder",
                               writes=True))
    if brand is not None and not isinstance(brand, str):    # slugify failed on it, later
        raise ArgumentTypeError(f"run_report takes a brand slug, not {type(brand).__name__}",
                                argument="brand", expected="a str, or None (brand.yaml's)")
    if lang is not None and lang not in LANGS:     # not a notebook run that fails in cell 3
        raise ArgumentError("not a report language", argument="lang",
                            expected=f"one of {', '.join(LANGS)}, or None (brand.yaml's)",
                            got=lang)
    if period is None and kind != "campaign":
        raise ArgumentError(f"a {kind} report needs its period", argument="period",
                            expected="YYYY-MM, YYYY-Qn, YYYY, START..END or latest", got=None)
    if own := _set_by_the_run(parameters):
        raise ArgumentError(f"the report sets {own!r} itself", argument="parameters",
                            expected=f"run_report's {RUN_PARAMETERS[own][0]}", got=own)
    declared = _declared_parameters(nb_in, parameters)    # before anything is written
    if _lacks_its_campaign(kind, parameters):   # after a misspelt name: it tells that one
        raise ArgumentError("a campaign report needs its campaign", argument="parameters",
                            expected="parameters={'campaign': <name>}", got=parameters)
    data = data.resolve()       # load below refuses a path that does not exist

    with warnings.catch_warnings():
        # the files load could not read are the report's to tell (its cover, the outputs'
        # ``unread``, `smm report`'s warning), and an empty folder is refused below: not twice
        warnings.simplefilter("ignore", DataQualityWarning)
        ds = load(data)        # read once here (through the cache) for the checks below
    check_not_empty(ds, data)
    _warn_of_utc(ds, data)
    named = parameters["campaign"] if kind == "campaign" else None
    if period is None:              # a campaign report's: its campaign's days
        period = campaign_days(ds, named, data)
    p = parse_period(latest_period_of(ds, data) if period == "latest" else period)
    check_covered(ds, data, p, latest=period == "latest")
    if kind == "campaign":
        check_campaign(ds, named, p, data)
    b = _brand_of(data, brand, ds.brand)
    if kind == "best-times" and (parameters or {}).get("platform"):
        # one platform's report, named for it: beside the every-platform one, not over it
        parameters = {**parameters, "platform": platform_name(parameters["platform"])}
        named = parameters["platform"]
        # of the Dataset loaded above: a platform without posts was an empty report, exit 0
        check_platform_posts(ds, data, named, p)
    stem = _stem(kind, b.slug, p.label, named,
                 lang=lang if lang and lang != b.language else None)
    final = _report_folder(out, b.slug, p.label)
    output_folder(final.parent, "reports folder")
    offered = {"data": str(data), "period": p.label, "start": p.start.isoformat(),
               "end": p.end.isoformat(), "brand": brand or "", "lang": lang or "",
               "ahead": ahead, **(parameters or {})}
    params = {k: v for k, v in offered.items() if k in declared}
    _remove_left_behind(final.parent, p.label)
    work = _work_folder(final.parent, p.label)
    try:
        _execute(nb_in, work, stem, params, final=final, failed=_failed_notebook(final, stem),
                 kernel_name=kernel_name, progress=progress)
        _publish(work / "new", final, stem, aside=work / "old")
    finally:   # also on an error, Ctrl-C or SIGTERM (see cli.main): no temp folder left,
        _stop_kernel(work)      # nor a kernel still starting that would write it again
        shutil.rmtree(work, ignore_errors=True)
    logger.info("report written to %s", final)
    return ReportOutputs(final, final / f"{stem}.ipynb", final / f"{stem}.html",
                         final / f"{stem}.pdf", unread=unread_files(ds.quality),
                         logo_problem=_logo_problem(ds), unchecked=unchecked_accounts(ds))


def unchecked_accounts(ds) -> str | None:
    """What `smm report` and the batch's summary say when posts of ``ds`` name no account
    (``account_unchecked`` notes): they were counted as the brand's, unchecked, so its post
    counts may hold another account's; None when every post's account was checked. A rival
    Page's Italian export, its account columns unread, doubled a trattoria's posts while the
    batch said "ok" and nothing else: the cover and the data-quality section alone said so."""
    q = ds.quality
    notes = q.loc[q["code"].eq("account_unchecked").fillna(False).to_numpy()]
    if notes.empty:
        return None
    files = list(dict.fromkeys(shown_name(str(x), ds.root) for x in notes["file"]))
    n = int(notes["rows"].astype("Float64").fillna(0).sum())
    shown = ", ".join(files[:3]) + (", …" if len(files) > 3 else "")
    return (f"{counted(n, 'post names', 'posts name')} no account "
            f"({counted(len(files), 'file', 'files')}: {shown}): whether "
            f"{agree(n, 'it is', 'they are')} the brand's could not be checked, and "
            f"{agree(n, 'it was', 'they were')} counted as such, so the report's post counts "
            "may include another account's posts (the data-quality log gives the synonyms.csv "
            "rows that would read the account)")


def _logo_problem(ds) -> str | None:
    """Why the report of ``ds`` went without brand.yaml's logo, as its data-quality section
    says it, or None: a logo that does not exist (the load's ``logo_missing`` note; the
    load then dropped it from the brand) or that cannot be read or drawn
    (:func:`~smmanalytics._logo.read_logo`, as the report tries it)."""
    q = ds.quality
    missing = q.loc[(q["code"] == "logo_missing").to_numpy()]
    if len(missing):
        return f"{missing['file'].iloc[0]}: {missing['message'].iloc[0]}"
    return read_logo(ds.brand.logo).problem if ds.brand.logo else None


def _warn_of_utc(ds, data: Path) -> None:
    """Say it (a DataQualityWarning: ``smm: warning: …`` on stderr) when the brand runs in UTC
    because nothing gives its time zone: a brand.yaml without ``timezone:``, or no brand.yaml
    in ``data`` at all. Its report, in UTC, said so only in its quality table, and a scheduled
    job's log not at all, though README refuses ``time_zone:`` for that very reason.
    """
    q = ds.quality
    for message in q.loc[(q["code"] == "brand_timezone_missing").to_numpy(), "message"]:
        warnings.warn(DataQualityWarning(str(message), code="brand_timezone_missing"),
                      stacklevel=3)
    if q["code"].eq("brand_defaults").fillna(False).any():
        warnings.warn(DataQualityWarning(_no_brand_words(data), code="brand_defaults"),
                      stacklevel=3)


def _no_brand_words(data: Path) -> str:
    """What :func:`_warn_of_utc` says of ``data`` holding no brand.yaml: the folder to put
    one in. For a pattern (``brand/*/*.csv``), the folder its matches lie in
    (:func:`~smmanalytics.loaders._folder.pattern_folder`), which a pattern reads brand.yaml
    of only when it matches it: "expected a brand.yaml there" named the pattern itself; and
    when that folder holds one, that it does: "expected a brand.yaml in client" sent the user
    to write one already there."""
    utc = "the brand's days, months and hours are UTC's"
    zone = "with timezone: the audience's IANA zone, such as Europe/Paris"
    folder = pattern_folder(data)
    if folder is None:
        return f"{data}: no brand.yaml, so {utc}; expected a brand.yaml there {zone}"
    pattern = data.relative_to(folder).as_posix()
    present = [folder / name for name in BRAND_FILES if (folder / name).is_file()]
    if present:
        return (f"{folder}: {present[0]} is not among the files {pattern} matches, so it was "
                f"not read and {utc}; give the folder {folder} itself")
    return (f"{folder}: no brand.yaml among the files {pattern} matches in it, so {utc}; expected "
            f"a brand.yaml in {folder} {zone} (a pattern reads it only when it matches it: "
            "give the folder itself)")


#: how long a report's kernel still running as its run ends is given to end on SIGTERM, then
#: on SIGKILL (seconds each; a kernel ends in milliseconds on either)
KERNEL_GRACE = 3.0

#: the kernel process each running report launched, by its connection file
#: (:func:`_engine`'s ``KernelManager``), for :func:`_stop_kernel`
_kernels: dict[str, subprocess.Popen] = {}


def _work_folder(reports: Path, label: str) -> Path:
    """A new work folder for one run, hidden in the brand's folder ``reports``:
    ``.<label>.XXXXXXXX/``, holding ``owner`` (this process, for
    :func:`owners.left_behind`), the kernel's connection file, ``new/`` (the run's outputs)
    and, while they are published, ``old/`` (the previous outputs). Being beside the period
    folder, its files are moved into place with one rename each."""
    with writing(reports, "reports folder"):
        work = Path(tempfile.mkdtemp(prefix=f".{label}.", dir=reports))
        try:
            write_owner(work)
            (work / "new").mkdir()
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    return work


def _remove_left_behind(reports: Path, label: str) -> None:
    """Remove the work folders of runs of this brand and period that were killed (SIGKILL,
    the OOM killer, a power cut) before they could remove them, saying so: each held a
    partial or complete report and the kernel's connection file (its key). A running one
    (a batch's other worker, another ``smm report``) is left alone."""
    now = time.time()
    for work in reports.iterdir():
        if work.name.startswith(f".{label}.") and work.is_dir() and left_behind(work, now):
            shutil.rmtree(work, ignore_errors=True)
            logger.warning("removed %s, the work folder of an earlier run stopped before it "
                           "could remove it", work)


def _remove_dead_workers_folders(job: BatchJob, pid: int) -> None:
    """Remove the work folders the batch's worker ``pid`` left as it died (SIGKILL, the OOM
    killer) while running ``job``'s report, saying so: they stayed until the next run of
    that brand and period (a month later, for a monthly report), each with a partial report
    and its kernel's connection file (its key). Only the folders of the brand's reports
    folder whose ``owner`` is that worker, on this machine since it started, and no longer
    running: a report of the same brand and period that another batch, or ``smm report``,
    runs meanwhile has its own owner, and is left alone."""
    reports = Path(job.out).resolve() / slugify(job.brand)
    if not reports.is_dir() or running(pid):
        return
    here = this_run()
    dead = (here.host, here.boot, pid, here.namespace)
    for work in reports.iterdir():
        if (work.name.startswith(".") and work.is_dir()
                and (read_owner(work) or ())[:4] == dead):
            shutil.rmtree(work, ignore_errors=True)
            logger.warning("removed %s, the work folder of the report of %s its worker "
                           "process held when it died", work, job.brand)


def _stop_kernel(work: Path) -> None:
    """End the kernel of the run whose work folder is ``work`` if it still runs, and its
    process group (the processes it started), before the folder is removed.

    A SIGTERM (or Ctrl-C) that came while the kernel started left it running: jupyter_client
    starts it in a process group of its own, which a service manager's SIGTERM to the job does
    not reach, and papermill's clean-up never ran. Still importing, the kernel then made the
    removed work folder again to write its connection file (its ports and key) there, a folder
    without ``owner`` that the next runs kept for a day. It is asked to end (SIGTERM), then
    killed, waiting :data:`KERNEL_GRACE` for each; a kernel that papermill shut down (it
    waited for it) is left alone, its process id perhaps another process's by now."""
    process = _kernels.pop(str(work / "kernel.json"), None)
    if process is None or process.poll() is not None:
        return
    for signum in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        try:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signum)     # its group: it leads it (start_new_session)
            else:
                process.send_signal(signum)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(KERNEL_GRACE)
            return
        except subprocess.TimeoutExpired:
            continue
    logger.warning("the kernel of %s (process %d) did not end on SIGKILL", work, process.pid)


#: the notebook parameters a run sets itself, and what sets them: run_report's argument, and
#: agency.yaml's key or the batch's option. Given in ``parameters`` too, they overrode the
#: values already checked and named in the file names: a PDF filed as 2026-10 (the period
#: checked against the data) was September's, an ``-it`` one English.
RUN_PARAMETERS = {
    "data": ("data", "the entry's data:"),
    "period": ("period", "smm report batch --period"),
    "start": ("period", "smm report batch --period"),
    "end": ("period", "smm report batch --period"),
    "brand": ("brand", "the entry's name:"),
    "lang": ("lang", "the entry's lang:"),
    "out": ("out", "smm report batch --out, or agency.yaml's out:"),
    "ahead": ("ahead", "nothing: the batch sets it (on when serial, off on workers)"),
}


def _set_by_the_run(parameters: dict | None) -> str | None:
    """The first parameter (by name) of ``parameters`` that the run sets itself, or None."""
    return min(set(parameters or {}) & set(RUN_PARAMETERS), default=None)


def _declared_parameters(nb_in: Path, parameters: dict | None) -> dict:
    """The notebook's parameters; ArgumentError when ``parameters`` names one it lacks (no
    ReportError of the notebook: nothing ran, and `smm` exits 2 for it, not 1). What it
    expects are only the names a caller may pass: the ones the run sets (data, period, …,
    :data:`RUN_PARAMETERS`) are refused too, so listing them sent the user from one refusal
    to the next."""
    import papermill as pm  # lazy: papermill is loaded when a report runs

    declared = pm.inspect_notebook(str(nb_in))
    unknown = sorted(set(parameters or {}) - set(declared))
    if unknown:
        free = [name for name in declared if name not in RUN_PARAMETERS]
        raise ArgumentError(f"{nb_in.name} has no parameter {', '.join(unknown)}",
                            argument="parameters",
                            expected=(f"names among {', '.join(free)}" if free else
                                      f"none: {nb_in.name} takes only what run_report sets"),
                            got=unknown)
    return declared


def _lacks_its_campaign(kind: str, parameters: object) -> bool:
    """Whether a report of ``kind`` with these notebook ``parameters`` (a dict, or the
    batch's pairs) is a campaign report that names no campaign. The notebook's own default
    is the sample brand's campaign: such a run reported it for another brand's data, or
    was refused naming a campaign nobody gave. ``smm report campaign`` refuses it too (as
    a missing ``--campaign``)."""
    return kind == "campaign" and "campaign" not in dict(parameters or {})


def _report_folder(out: str | os.PathLike, slug: str, label: str) -> Path:
    """``<out>/<slug>/<label>``, ``out`` resolved. :class:`Brand` refuses a slug that is not
    one :func:`slugify` writes; this guards the folder itself all the same, as a slug such as
    ``../../x`` wrote every output outside ``out``: OutputError rather than that. Checked
    as written, not resolved: a brand folder may be a link to another disk."""
    root = Path(out).resolve()
    final = root / slug / label
    if Path(os.path.normpath(final)).parent.parent != root:
        raise OutputError(f"the brand's slug {slug!r} names a folder outside the reports "
                          f"folder {root}; expected a slug such as {slugify(slug)!r}",
                          path=str(final))
    return final


def _stem(kind: str, slug: str, label: str, name: object = None, *,
          lang: str | None = None) -> str:
    """File name stem of a report's outputs: ``<brand>-<period>`` for a monthly report,
    ``<brand>-campaign-<name>-<period>`` for a campaign report (``name``: the campaign),
    ``<brand>-best-times-<period>`` for best times, ``<brand>-best-times-<name>-<period>``
    for one platform's (``name``: the platform); ``-<lang>`` after it for a report in
    another language than the brand's own (beside the brand's report, not in its place).

    The kinds cannot take each other's names in the folder they share: a period label starts
    with its year's digit, and a campaign's name comes after ``campaign-``, so a campaign
    called "best-times" writes ``<brand>-campaign-best-times-<period>.pdf``, not the
    best-times report's file (which its run would replace, and whose .ics it would remove).
    """
    suffix = f"-{lang}" if lang else ""
    if kind == "best-times" and name not in (None, ""):    # one platform's best times
        return f"{slug}-best-times-{name}-{label}{suffix}"
    if kind == "monthly":
        return f"{slug}-{label}{suffix}"
    if kind == "campaign" and name not in (None, ""):
        return f"{slug}-campaign-{slugify(str(name))}-{label}{suffix}"
    return f"{slug}-{kind}-{label}{suffix}"


def _execute(nb_in: Path, work: Path, stem: str, params: dict, *, final: Path,
             failed: Path, kernel_name: str, progress: bool) -> None:
    """Run the notebook into ``work/new``: ``<stem>.ipynb``, the PDF it writes, and the HTML.
    The notebook delivered names the PDF where it is published, in ``final``
    (:func:`_delivered`).

    A failing cell, or a kernel that dies (the OOM killer), raises ReportError; the executed
    notebook, as far as it ran, is kept at ``failed``. This process writes the notebook and
    the HTML itself (papermill writes nothing), and the kernel's connection file goes into
    ``work``: a folder that cannot be written (there, or by the notebook writing its PDF and
    calendars) raises OutputError naming the reports folder ``work`` lies in, and a killed
    run leaves the connection file (its key) nowhere else.
    """
    import nbformat  # lazy, with papermill and jupyter below: loaded when a report runs
    import papermill as pm
    from nbclient.exceptions import DeadKernelError
    from papermill.engines import papermill_engines
    from traitlets.config import Config

    reports, new = work.parent, work / "new"
    # the HTML exporter is imported and its templates loaded while the kernel runs the
    # notebook (this process only waits for it meanwhile), not after; and where the last cell
    # is not the readers' (it writes the PDF), the HTML is made while that cell runs
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smm-html")
    exporter = pool.submit(_html_exporter)
    early: list = []
    running: dict = {}       # "nb": the notebook papermill runs, "cell": the cell it runs

    def cell_started(nb, index: int) -> None:
        running.update(nb=nb, cell=index)
        last = nb.cells[-1]
        if index == len(nb.cells) - 1 and _REMOVED_TAGS & set(last.metadata.get("tags", ())):
            snapshot = copy.deepcopy(nb)
            early.append((snapshot, pool.submit(_export_html, exporter, snapshot, stem)))

    def keep_failed() -> str:
        # as the delivered notebook: its ``out`` and printed paths name the final folder, not
        # the work folder removed as this run ends
        nb = running.get("nb")
        if nb is not None:
            nb = _delivered(nb, params, new=new, final=final, stem=stem)
        return _keep_failed(nb, failed)

    papermill_engines.register(_ENGINE, _engine())
    kernel = Config({"KernelManager": {"connection_file": str(work / "kernel.json")}})
    try:
        executed = pm.execute_notebook(
            str(nb_in), None, parameters={**params, "out": str(new / f"{stem}.pdf")},
            kernel_name=kernel_name, cwd=str(nb_in.parent), progress_bar=progress,
            request_save_on_cell_execute=False, extra_arguments=KERNEL_ARGUMENTS,
            shutdown_kernel=SHUTDOWN_KERNEL, engine_name=_ENGINE, cell_started=cell_started,
            config=kernel)
    except pm.PapermillExecutionError as exc:
        if exc.ename == "OutputError" and str(work) in exc.evalue:
            # the notebook could not write its PDF or calendars into the work folder (a full
            # disk): the reports folder's fault, not the notebook's, told as writing() does
            reason = exc.evalue.rsplit(": ", 1)[-1]
            raise OutputError(f"cannot write the reports folder {reports}: {reason}",
                              path=str(reports)) from exc
        raise ReportError(
            f"{nb_in.name} failed in cell {exc.cell_index} ({exc.ename}: {exc.evalue}); "
            f"{keep_failed()}", notebook=nb_in.name,
            cell_index=exc.cell_index, ename=exc.ename, evalue=exc.evalue) from exc
    except DeadKernelError as exc:     # killed: out of memory, or by hand
        cell = running.get("cell")
        where = "as it started" if cell is None else f"in cell {cell}"
        raise ReportError(
            f"{nb_in.name} failed {where}: its kernel died (out of memory?); "
            f"{keep_failed()}", notebook=nb_in.name,
            cell_index=cell, ename="DeadKernelError", evalue=str(exc)) from exc
    finally:
        pool.shutdown(wait=False)
    if not (new / f"{stem}.pdf").is_file():
        raise ReportError(f"{nb_in.name} ran but wrote no PDF at {new / (stem + '.pdf')}",
                          notebook=nb_in.name)
    body = None
    if early:
        snapshot, made = early[0]
        if snapshot.cells[:-1] == executed.cells[:-1]:     # the cells the HTML shows
            try:
                body = made.result()
            except Exception:   # made again below, from the executed notebook
                body = None
    if body is None:
        body = _export_html(exporter, executed, stem)
    with writing(reports, "reports folder"):
        delivered = _delivered(executed, params, new=new, final=final, stem=stem)
        (new / f"{stem}.ipynb").write_text(nbformat.writes(delivered), encoding="utf-8")
        (new / f"{stem}.html").write_text(body, encoding="utf-8")


def _delivered(executed, params: dict, *, new: Path, final: Path, stem: str):
    """The executed notebook as it is delivered: its parameters name the PDF in ``final``,
    where it is published, not in the run's work folder ``new``. An analyst re-running the
    notebook wrote the PDF and calendars into that hidden folder, made again, which the next
    run of the report removed as left behind. The path the last cell printed says so too.
    The cell's source is papermill's, as it injected it, with the other parameters."""
    from papermill.translators import translate_parameters  # lazy: when a report runs
    from papermill.utils import nb_kernel_name, nb_language

    nb = copy.deepcopy(executed)
    parameters = {**params, "out": str(final / f"{stem}.pdf")}
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", ()):
            cell.source = translate_parameters(nb_kernel_name(nb), nb_language(nb), parameters,
                                               "Parameters")
        for output in cell.get("outputs", ()):
            _replace_in_output(output, str(new), str(final))
    nb.metadata.papermill["parameters"] = parameters
    return nb


def _replace_in_output(output, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in a cell output's text (printed, or a value's repr)."""
    if "text" in output:
        output["text"] = output["text"].replace(old, new)
    data = output.get("data", {})
    if "text/plain" in data:
        data["text/plain"] = data["text/plain"].replace(old, new)


def _keep_failed(nb, failed: Path) -> str:
    """Write the executed notebook ``nb`` of a failed run (None: no cell ran) at ``failed``,
    for the analyst to see where it stopped; the words of the error saying so, or why it
    could not be kept (a full disk: the notebook's failure is still the one told)."""
    import nbformat  # lazy: loaded when a report runs

    if nb is None:
        return "no cell ran"
    try:
        atomic_write(failed, nbformat.writes(nb), what="failed notebook")
    except OutputError as exc:
        return f"its executed notebook could not be kept ({exc})"
    return f"executed notebook kept at {failed}"


#: cells of a report notebook its HTML leaves out: the analyst's (the notebook's heading, the
#: Dataset's summary, the call writing the PDF: English and technical)
_REMOVED_TAGS = frozenset({"analyst"})
_ENGINE = "smmanalytics"


@functools.cache
def _engine():
    """papermill's own engine, calling ``cell_started(nb, index)`` as each cell starts (at the
    last, every other cell has run and holds its outputs). Its kernel client and manager are
    jupyter_client's, without two waits of theirs: 0.2 s once the kernel has started, 0.1 s
    once it is killed (papermill is imported when a report runs, not with this module)."""
    from jupyter_client.asynchronous import AsyncKernelClient  # lazy: when a report runs
    from jupyter_client.manager import AsyncKernelManager
    from papermill.engines import NBClientEngine
    from traitlets import default

    class KernelClient(AsyncKernelClient):
        async def wait_for_ready(self, timeout: float | None = None) -> None:
            # once the kernel has answered, jupyter_client reads the kernel's messages until
            # none comes for 0.2 s, a wait at the start of every report; papermill takes
            # only the messages of each cell it runs, so 20 ms of quiet do
            channel = self.iopub_channel
            get_msg = channel.get_msg

            async def sooner(timeout: float | None = None):
                return await get_msg(timeout=None if timeout is None else min(timeout, 0.02))

            channel.get_msg = sooner
            try:
                await super().wait_for_ready(timeout)
            finally:
                del channel.get_msg

    class KernelManager(AsyncKernelManager):
        @default("client_factory")
        def _client_factory_default(self) -> type:
            return KernelClient

        async def _async_wait(self, pollinterval: float = 0.1) -> None:
            # after killing the kernel, jupyter_client looks whether it has ended every
            # 0.1 s: the report's end waited 0.1 s for a process gone in a few milliseconds
            await super()._async_wait(pollinterval=min(pollinterval, 0.005))

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            # its process, for _stop_kernel to end as the run ends: a SIGTERM or a Ctrl-C waits
            # until it is known (_process.held), milliseconds
            with _process.held():
                try:
                    await super()._async_launch_kernel(kernel_cmd, **kw)
                finally:
                    process = getattr(self.provisioner, "process", None)
                    if process is not None and self.connection_file:
                        _kernels[self.connection_file] = process

        def write_connection_file(self, **kwargs) -> None:
            # a report's is in its run's work folder (_execute): one that cannot be written (a
            # full disk) is the fault of the reports folder the work folder lies in
            if not self.connection_file:       # a temporary file, as jupyter_client makes it
                return super().write_connection_file(**kwargs)
            with writing(Path(self.connection_file).parents[1], "reports folder"):
                return super().write_connection_file(**kwargs)

    class Engine(NBClientEngine):
        kernel_manager_class = KernelManager

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, cell_started=None, **kwargs):
            _name_injected_cell(nb_man.nb)

            def on_cell_start(cell, cell_index: int) -> None:
                if cell_started is not None:
                    cell_started(nb_man.nb, cell_index)

            kwargs.setdefault("kernel_manager_class", cls.kernel_manager_class)
            return super().execute_managed_notebook(nb_man, kernel_name,
                                                    on_cell_start=on_cell_start, **kwargs)

    return Engine


def _name_injected_cell(nb) -> None:
    """Give the cell of parameters papermill inserted the id ``injected-parameters``, not a
    random one: two runs of a report on the same data then give the same HTML."""
    if "injected-parameters" in {c.get("id") for c in nb.cells}:   # the notebook's own
        return
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", ()):
            cell.id = "injected-parameters"
            return


def _export_html(exporter, nb, stem: str) -> str:
    """The report's HTML of the executed notebook ``nb``, made by the exporter that
    ``exporter`` (a future of :func:`_html_exporter`) holds."""
    try:
        html = exporter.result()
    except Exception:   # e.g. an import that raced papermill's: made again here, or raises
        html = _html_exporter()
    body, _ = html.from_notebook_node(nb, resources={"metadata": {"name": stem}})
    return body


#: nbconvert's page (the "lab" template) without its block that loads MathJax
_NO_MATHJAX_TEMPLATE = "smm_report.html.j2"
_NO_MATHJAX = {_NO_MATHJAX_TEMPLATE: "{%- extends 'lab/index.html.j2' -%}\n"
                                     "{%- block html_head_js_mathjax -%}{%- endblock -%}\n"}


def _html_exporter():
    """The exporter of a report's HTML, its templates loaded by exporting an empty notebook
    (the first export of a process spends most of its time there).

    The HTML is for the report's readers: no code, and none of the cells tagged for the
    analyst (``_REMOVED_TAGS``), nor what the cells wrote to stderr (:func:`_without_stderr`);
    and no MathJax (:data:`_NO_MATHJAX`): a report holds no
    maths, and nbconvert's page loaded it with ``$…$`` as inline maths, so that a campaign or
    caption "$x_1$ *bold*" was typeset as a formula, "Save $5 and $10" as "5 and" in italics.
    """
    import jinja2  # lazy, with nbconvert: only a failed report's HTML needs them
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, template_file=_NO_MATHJAX_TEMPLATE,
                            extra_loaders=[jinja2.DictLoader(_NO_MATHJAX)])
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(_REMOVED_TAGS)),
                                   enabled=True)
    exporter.register_preprocessor(_without_stderr, enabled=True)
    exporter.from_notebook_node(nbformat.v4.new_notebook())
    return exporter


def _without_stderr(nb, resources):
    """The notebook without its cells' stderr outputs (warnings, log lines), for the HTML.

    They are for the analyst, who has them in the executed notebook, not for the report's
    readers: a numpy RuntimeWarning of best times ("overflow encountered in exp") was printed
    a dozen times, with its file and source line, in the October report's HTML. What the
    readers should know of the data is in the report's own text (its quality notes). The
    exporter works on a copy: the executed notebook keeps them.
    """
    for cell in nb.cells:
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return nb, resources


def _failed_notebook(final: Path, stem: str) -> Path:
    """Where a failed run keeps its executed notebook: beside the period folder, which a
    failed run leaves as it was."""
    return final.parent / f"{stem}.failed.ipynb"


def _own_files(folder: Path, stem: str) -> set[str]:
    """Names in ``folder`` that a report with this stem writes: its notebook, HTML and PDF, and
    one ``<stem>-<platform>.ics`` per platform of its best-times section."""
    names = {f"{stem}{ext}" for ext in (".ipynb", ".html", ".pdf")}
    names |= {f"{stem}-{platform}.ics" for platform in PLATFORMS}
    return {p.name for p in folder.iterdir() if p.name in names}


def _publish(new: Path, final: Path, stem: str, *, aside: Path) -> None:
    """Move a successful run's files from ``new`` into ``final``: all of them, or none.

    The files of an earlier run of the same report (:func:`_own_files`) are first moved into
    ``aside`` (in the run's work folder, removed with it), then the new ones in, the PDF
    last, one rename each. When a rename fails, or Ctrl-C or SIGTERM comes meanwhile, the new
    files are taken out and the earlier ones put back: the folder holds the earlier report
    or the new one, never new calendars beside an earlier PDF. The earlier files not written
    again (the .ics of a platform no longer in the data) stay aside; a failed notebook of the
    report is removed. Other reports' files, and anything else in ``final``, stay: the folder
    is shared by every report of the brand and period.
    """
    written = sorted((p.name for p in new.iterdir()), key=lambda n: n.endswith(".pdf"))
    with writing(final, "reports folder"):
        final.mkdir(exist_ok=True)
        aside.mkdir()
        try:
            for name in sorted(_own_files(final, stem)):
                os.replace(final / name, aside / name)
            for name in written:
                os.replace(new / name, final / name)
        except BaseException:
            _put_back(new, written, final, aside)
            raise
        _failed_notebook(final, stem).unlink(missing_ok=True)


def _put_back(new: Path, written: list[str], final: Path, aside: Path) -> None:
    """Undo a publication stopped midway: remove from ``final`` the files ``written`` that
    have left ``new`` (moved in; told by the folder, not by a list that a stop between a
    rename and its note would leave behind), move the earlier ones back from ``aside``."""
    for name in written:
        if not (new / name).exists():
            (final / name).unlink(missing_ok=True)
    for path in aside.iterdir():
        os.replace(path, final / path.name)


# ---- batches ------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchJob:
    """One report of a batch."""

    brand: str
    kind: str
    data: str
    period: str
    out: str
    lang: str | None = None
    parameters: tuple = ()


@dataclass(frozen=True)
class Warned:
    """A warning a batch's report raised, carried back to the batch, which says it as its own
    (:func:`_say_again`): a worker (a spawned process, a Dask worker) printed it on its own
    stderr in Python's format (``/path/runner.py:351: DataQualityWarning: …``), not naming the
    brand, while the batch's warnings read ``smm: warning: …``. The warning's class, text and
    place rather than the warning itself: any warning pickles so."""

    category: type[Warning]
    text: str
    filename: str
    lineno: int
    code: str | None = None         # a DataQualityWarning's


@dataclass(frozen=True)
class BatchResult:
    """What became of one job: the PDF, the files of its data that could not be read
    (file → why) and why it went without the brand's logo, or the error with the notebook and
    cell; and the warnings its run raised (``warned``), for the batch to say."""

    brand: str
    kind: str
    ok: bool
    pdf: str | None = None
    notebook: str | None = None
    cell_index: int | None = None
    error: str | None = None
    seconds: float = 0.0
    unread: dict[str, str] = field(default_factory=dict, hash=False)   # hashable, as before
    warned: tuple[Warned, ...] = ()
    logo_problem: str | None = None
    unchecked: str | None = None


#: the names of the files a report writes, which a reports root is not named as
_OUTPUT_SUFFIXES = (".pdf", ".ipynb", ".html")


def reports_root(out: Path) -> Path:
    """``out`` if it may be a reports root, a folder: an ArgumentError for a name ending in
    ``.pdf``, ``.ipynb`` or ``.html``. ``run_report(out="oct.pdf")`` made a folder named
    ``oct.pdf`` holding the PDF three levels down: the notebooks' ``out`` is the PDF's own
    path, so a user moving from a notebook to the API passed one."""
    if out.suffix.lower() in _OUTPUT_SUFFIXES:
        raise ArgumentError("out is the reports folder, not the report's file (a notebook's "
                            "out is its PDF's path): the PDF is written to "
                            "<out>/<brand slug>/<period>/", argument="out",
                            expected="a folder, such as reports", got=str(out))
    return out


def read_batch_config(path: str | os.PathLike, period: str,
                      out: str | os.PathLike | None = None) -> list[BatchJob]:
    """Read agency.yaml: ``out`` (optional) and ``brands``, a list of {name, data, lang,
    reports, parameters}.

    Relative paths in the file are relative to the config file. ``out``, when given (``smm
    report batch --out``), wins over the file's ``out``: the command line is the caller's
    latest word. Everything is checked here, before any report runs: the period, and each
    entry's report kinds (a list, or one kind as a string) and language.

    Raises
    ------
    ConfigError
        naming the file, the line, the key (``brands[2].lang``), what was expected and what
        came; for a key it does not know, the closest known one too (``language``: did you
        mean 'lang'?).
    PeriodError
        when ``period`` is neither ``latest`` nor a period.
    """
    if period != "latest":
        parse_period(period)               # once for all brands, rather than once each
    path = user_path(path)
    text = read_user_text(path, "batch configuration")  # its errors name the file and why
    try:
        raw = yaml.safe_load(text) or {}
        lines = key_lines(yaml.compose(text))
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, "a YAML file with a 'brands' list",
                         "cannot read the batch configuration") from exc
    brands = raw.get("brands") if isinstance(raw, dict) else None
    if isinstance(raw, dict) and (odd := sorted(set(raw) - _FILE_KEYS, key=str)):
        raise unknown_key(odd[0], _FILE_KEYS, file=path, line=lines.get((str(odd[0]),)),
                          present=map(str, raw))
    if not isinstance(brands, list) or not brands:
        raise ConfigError("no brands listed", file=str(path), line=lines.get(("brands",)),
                          key="brands", expected="a non-empty list of {name, data}", got=brands)
    base = path.parent
    out = str(reports_root(user_path(out)).resolve() if out is not None
              else (base / _file_reports_root(raw, path, lines)).resolve())
    jobs, entries = [], []
    for i, b in enumerate(brands, start=1):
        place = _entry_place(str(path), lines, i)
        if not isinstance(b, dict) or not b.get("name") or not b.get("data"):
            raise ConfigError(f"brand entry {i} needs 'name' and 'data'", **place(),
                              expected="name and data keys", got=b)
        # a misspelt key ("language: it") was left aside: the report came out in French
        if odd := sorted(set(b) - _BRAND_KEYS, key=str):
            raise unknown_key(odd[0], _BRAND_KEYS, file=path, line=place(str(odd[0]))["line"],
                              present=map(str, b), within=f"brands[{i}].")
        lang = _batch_lang(b, place)
        params = _batch_parameters(b, place)
        kinds = _batch_kinds(b, place)
        if any(_lacks_its_campaign(kind, params) for kind in kinds):
            raise ConfigError(f"brand {b['name']!r}: a campaign report needs its campaign",
                              **place("parameters"), expected="parameters: {campaign: <name>}",
                              got=dict(params) or None)
        data = str((base / user_path(b["data"])).resolve())
        entries.append((i, [BatchJob(str(b["name"]), kind, data, period, out, lang, params)
                            for kind in kinds]))
        jobs += entries[-1][1]
    _check_distinct_outputs(entries, str(path), lines)
    return jobs


def _file_reports_root(raw: dict, path: Path, lines: dict[tuple, int]) -> Path:
    """agency.yaml's ``out`` (``reports`` if none) as a reports root, by :func:`reports_root`'s
    rule, refused as a ConfigError naming the file, the line and the key: ``out: oct.pdf``
    was taken, then every brand failed with an error naming neither."""
    written = raw.get("out", "reports")
    place = {"file": str(path), "line": lines.get(("out",)), "key": "out"}
    if not isinstance(written, str):
        raise ConfigError("out is the reports folder's path", **place,
                          expected="a folder, such as reports", got=written)
    try:
        return reports_root(user_path(written))
    except ArgumentError as exc:
        raise ConfigError(exc.reason, **place, expected=exc.expected, got=written) from None


def _entry_place(file: str, lines: dict[tuple, int], entry: int) -> Callable[..., dict]:
    """Where an error about agency.yaml's ``brands[entry]`` (1-based, as its errors number
    the entries) points: ``place("lang")`` is the file, the key's line and the key
    ``brands[2].lang`` (``place("parameters", "period")`` a key within one, ``place()``
    the entry and the line of its dash), as ConfigError's keywords: a user fixing the file
    is told the line to go to, not only the entry to count down to."""
    def place(*keys: str) -> dict:
        line = lines.get(("brands", entry - 1, *keys)) or lines.get(("brands", entry - 1))
        return {"file": file, "line": line, "key": ".".join((f"brands[{entry}]", *keys))}
    return place


def _check_distinct_outputs(entries: list[tuple[int, list[BatchJob]]], file: str,
                            lines: dict[tuple, int]) -> None:
    """Refuse two entries that would write into each other's files: a report's folder and
    names come from the brand's name (slugified), its kind, campaign and language, so two
    brands under one name replaced each other's PDFs and calendars (at the same time, on two
    workers). Two entries of one brand folder in two languages are fine; a language that is
    the brand's own (its brand.yaml's, when it can be read here) counts as no language."""
    folder_of: dict[str, tuple[str, int]] = {}
    seen: dict[tuple, int] = {}
    for entry, entry_jobs in entries:
        name, data, lang, params = (entry_jobs[0].brand, entry_jobs[0].data, entry_jobs[0].lang,
                                    entry_jobs[0].parameters)
        slug = slugify(name)
        where = dict(_entry_place(file, lines, entry)("name"),
                     expected="a name of its own for each brand", got=name)
        if slug in folder_of and folder_of[slug][0] != data:
            first = folder_of[slug][1]
            raise ConfigError(f"brands[{first}] and brands[{entry}] are two brand folders "
                              f"whose reports would share the folder {slug!r} and replace "
                              "each other's files", **where)
        folder_of.setdefault(slug, (data, entry))
        if lang is not None and lang == _readable_language(Path(data)):
            lang = None
        for job in entry_jobs:
            campaign = dict(params).get("campaign") if job.kind == "campaign" else None
            # the campaign as its files name it: "Noël" and "Noel" write the same PDF
            key = (slug, job.kind, None if campaign is None else slugify(str(campaign)), lang)
            if seen.get(key) == entry:     # "brands[1] and brands[1] ask for the same…"
                raise ConfigError(f"brands[{entry}]'s reports lists {job.kind} twice, which "
                                  "would write the same files twice",
                                  **_entry_place(file, lines, entry)("reports"),
                                  expected="each report once",
                                  got=[j.kind for j in entry_jobs])
            if key in seen:
                raise ConfigError(f"brands[{seen[key]}] and brands[{entry}] ask for the same "
                                  f"{job.kind} report of {name!r} (same language), which "
                                  "would replace each other's files", **where)
            seen[key] = entry


def _readable_language(data: Path) -> str | None:
    """The language of the brand.yaml of ``data``, or None when it cannot be read here (the
    brand's report says why when it runs)."""
    try:
        return _brand_of(data, None).language if data.exists() else None
    except (SmmError, OSError):
        return None


#: the keys of agency.yaml itself, and of a brand entry of it
_FILE_KEYS = frozenset({"out", "brands"})
_BRAND_KEYS = frozenset({"name", "data", "lang", "reports", "parameters"})


def _batch_kinds(entry: dict, place: Callable[..., dict]) -> list[str]:
    """An entry's ``reports``: a list of report kinds, or one kind written as a string."""
    kinds = entry.get("reports", ["monthly"])
    if isinstance(kinds, str):
        kinds = [kinds]
    if not isinstance(kinds, list) or not kinds:
        raise ConfigError(f"brand {entry['name']!r}: 'reports' must list report kinds",
                          **place("reports"), expected=f"a list of {sorted(REPORT_KINDS)}",
                          got=kinds)
    kinds = [report_kind(k) for k in kinds]
    for kind in kinds:
        if kind not in REPORT_KINDS:
            raise ConfigError(f"brand {entry['name']!r}: unknown report kind",
                              **place("reports"), expected=sorted(REPORT_KINDS), got=kind)
    return kinds


def _batch_lang(entry: dict, place: Callable[..., dict]) -> str | None:
    """An entry's ``lang``, one of the report languages (those ``smm report --lang`` takes),
    or None for brand.yaml's."""
    lang = entry.get("lang")
    if lang is not None and lang not in LANGS:
        raise ConfigError(f"brand {entry['name']!r}: unsupported report language",
                          **place("lang"), expected=f"one of {LANGS}", got=lang)
    return lang


def _batch_parameters(entry: dict, place: Callable[..., dict]) -> tuple:
    """An entry's extra notebook ``parameters`` (a mapping), as sorted pairs."""
    params = entry.get("parameters") or {}
    if not isinstance(params, dict):
        raise ConfigError(f"brand {entry['name']!r}: 'parameters' must be a mapping",
                          **place("parameters"), expected="name: value pairs", got=params)
    if own := _set_by_the_run(params):
        raise ConfigError(f"brand {entry['name']!r}: the batch sets {own!r} itself",
                          **place("parameters", own), expected=RUN_PARAMETERS[own][1],
                          got=params[own])
    return tuple(sorted(params.items()))


def _sendable(category: type[Warning]) -> type[Warning]:
    """``category``, or its nearest base that pickles (by its importable name): a warning
    class made inside a function would fail to come back from a worker with the result,
    failing the batch where the worker only printed it."""
    for cls in category.__mro__:
        try:
            pickle.dumps(cls)
        except (pickle.PicklingError, AttributeError, TypeError):
            continue
        return cls
    return UserWarning


def run_job(job: BatchJob, *, ahead: bool = False) -> BatchResult:
    """Run one batch job, turning any failure into a BatchResult (never raises), with the
    warnings it raised in ``warned`` (each once) instead of printed where it runs.

    ``ahead`` is :func:`run_report`'s: off for a report that runs beside others (a batch's
    workers, a Dask cluster's), on for one that runs alone (a serial batch).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")     # the batch's filters decide, as it says them again
        result = _run_job(job, ahead)
    said = dict.fromkeys(Warned(_sendable(w.category), str(w.message), w.filename, w.lineno,
                                w.message.code if isinstance(w.message, DataQualityWarning)
                                else None) for w in caught)
    return replace(result, warned=tuple(said))


def _run_job(job: BatchJob, ahead: bool) -> BatchResult:
    """:func:`run_job`'s report, its failure turned into a BatchResult."""
    t0 = time.perf_counter()
    try:
        res = run_report(job.kind, data=job.data, period=job.period, out=job.out,
                         brand=job.brand, lang=job.lang, parameters=dict(job.parameters),
                         ahead=ahead)
        return BatchResult(job.brand, job.kind, True, pdf=str(res.pdf), unread=res.unread,
                           logo_problem=res.logo_problem, unchecked=res.unchecked,
                           seconds=time.perf_counter() - t0)
    except ReportError as exc:
        return BatchResult(job.brand, job.kind, False, notebook=exc.notebook,
                           cell_index=exc.cell_index, error=str(exc),
                           seconds=time.perf_counter() - t0)
    except (SmmError, OSError) as exc:   # brand.yaml, the data, the output: before any cell
        return BatchResult(job.brand, job.kind, False, error=str(exc),
                           seconds=time.perf_counter() - t0)
    except Exception as exc:  # one brand's failure never stops the others
        return BatchResult(job.brand, job.kind, False, notebook=REPORT_KINDS.get(job.kind),
                           error=f"{type(exc).__name__}: {exc}",
                           seconds=time.perf_counter() - t0)


def default_workers(n_jobs: int) -> int:
    """Local workers for a batch of ``n_jobs`` reports when none is asked: one per CPU this
    process may use (its affinity, as a container or ``taskset`` sets it), at most one per
    report. On two cores, 20 reports take about 0.55× the serial time (benchmarks/)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:          # macOS, Windows
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, n_jobs))


def run_batch(jobs: list[BatchJob], *, workers: int = 1, dask_address: str | None = None,
              progress: bool = True) -> list[BatchResult]:
    """Run many reports: in ``workers`` local processes, or on an existing Dask cluster.

    Results come back in the order of ``jobs``; failures are results with ``ok=False`` (a
    local worker process that dies fails its own report alone, :func:`_run_in_workers`).
    On Ctrl-C or SIGTERM (which ``smm`` turns into SystemExit), the reports not started are
    cancelled and the local workers' running reports stopped (kernels shut down, temporary
    folders removed) before the exception goes on; on Dask, the reports not started are
    cancelled. The exception then carries where the batch stood, as its ``stopped_batch``
    attribute (a :class:`StoppedBatch`), for ``smm`` to say which reports were written.
    """
    from tqdm.auto import tqdm  # lazy: only a batch shows a progress bar

    bar = tqdm(total=len(jobs), desc="reports", unit="report", disable=not progress)
    results: dict[int, BatchResult] = {}
    started: set[int] = set()
    said: set[tuple] = set()

    def done(i: int, result: BatchResult) -> None:
        results[i] = result
        with bar.external_write_mode():        # the bar cleared, then drawn again below
            _say_again(result, said)
        bar.update()

    try:
        if dask_address:
            _run_on_dask(jobs, dask_address, done)
        elif workers <= 1:      # one report at a time: each may use a second core itself
            for i, j in enumerate(jobs):
                started.add(i)
                done(i, run_job(j, ahead=True))
        else:
            _run_in_workers(jobs, workers, done, started)
    except BaseException as exc:
        exc.stopped_batch = StoppedBatch.of(jobs, results, None if dask_address else started)
        raise
    finally:          # also when stopped: the bar ends before what is printed next
        bar.close()
    return [results[i] for i in range(len(jobs))]


@dataclass(frozen=True)
class StoppedBatch:
    """Where a batch stood when it was stopped: the reports that ended (written or failed),
    in the batch's order; those stopped while they ran, and those never started. On Dask,
    which does not say which reports had started, the others are all ``unfinished``."""

    ended: tuple[BatchResult, ...]
    stopped: tuple[BatchJob, ...] = ()
    not_started: tuple[BatchJob, ...] = ()
    unfinished: tuple[BatchJob, ...] = ()

    @classmethod
    def of(cls, jobs: list[BatchJob], results: dict[int, BatchResult],
           started: set[int] | None) -> StoppedBatch:
        """The batch of ``jobs`` with ``results`` by place, of which those at ``started``
        had begun (None: not known)."""
        ended = tuple(results[i] for i in sorted(results))
        left = [i for i in range(len(jobs)) if i not in results]
        if started is None:
            return cls(ended, unfinished=tuple(jobs[i] for i in left))
        return cls(ended, tuple(jobs[i] for i in left if i in started),
                   tuple(jobs[i] for i in left if i not in started))


def _say_again(result: BatchResult, said: set[tuple]) -> None:
    """Raise again in this process, naming the brand, the warnings the report of ``result``
    raised where it ran (:class:`Warned`): `smm` says them as its own (``smm: warning: alpha:
    …``). Once per brand: its monthly and best-times reports both warned that it runs in UTC.
    ``said`` holds what was said already."""
    for w in result.warned:
        if (key := (result.brand, w.category, w.text)) in said:
            continue
        said.add(key)
        text = f"{result.brand}: {w.text}"
        message = w.category(text, w.code) if w.code is not None else w.category(text)
        warnings.warn_explicit(message, w.category, w.filename, w.lineno)


def _run_on_dask(jobs: list[BatchJob], address: str, done) -> None:
    """Run the jobs on the Dask cluster at ``address``, calling ``done(i, result)`` for each."""
    from distributed import as_completed  # lazy: Dask, only for a batch on a cluster

    with _dask_client(address) as client:
        futures = {client.submit(run_job, j, pure=False): i for i, j in enumerate(jobs)}
        try:
            for fut in as_completed(futures):
                done(futures[fut], fut.result())
        except BaseException:   # Ctrl-C or SIGTERM: the cluster starts no further report
            client.cancel(list(futures))
            raise


def _run_in_workers(jobs: list[BatchJob], workers: int, done, started: set[int]) -> None:
    """Run the jobs in ``workers`` local processes, calling ``done(i, result)`` for each and
    adding to ``started`` the place of each job a worker started (on a stop, for the batch to
    tell the reports stopped from those never started).

    A worker process that dies (the OOM killer, a segfault in a native library, ``kill -9``)
    breaks its pool: concurrent.futures fails every report not finished with
    BrokenProcessPool and ends the other workers. The report the dead worker held fails,
    saying so (:func:`_died`); the others not finished, stopped or not started, run again on
    a fresh pool. Before, the whole batch ended on the traceback, without its summary."""
    import multiprocessing as mp  # lazy, with ProcessPoolExecutor: only a batch has workers

    ctx = mp.get_context("spawn")
    # by a job's place in the batch, the pid of the worker that started it (0: none yet),
    # shared with the workers as they start (:func:`_worker_start`)
    pids = ctx.Array("q", len(jobs), lock=False)
    left = list(range(len(jobs)))
    idle = 0            # pools in a row that broke before any of their reports ended
    try:
        while left:
            before = len(left)
            left = _run_pool(ctx, jobs, left, workers, pids, done)
            idle = idle + 1 if len(left) == before else 0
            if idle == _IDLE_POOLS:
                for i in left:
                    done(i, _failed(jobs[i], f"not run: the batch's worker processes died "
                                             f"{idle} times before any report ended"))
                left = []
    finally:
        started.update(i for i, pid in enumerate(pids) if pid)


#: how many pools in a row may break before any of their reports ends (a worker killed as it
#: started) before the batch gives its reports up, rather than start pools for ever
_IDLE_POOLS = 3


def _run_pool(ctx, jobs: list[BatchJob], places: list[int], workers: int, pids,
              done) -> list[int]:
    """Run the jobs at ``places`` on a pool of ``workers`` processes (see
    :func:`_run_in_workers`); return the places of those to run again, as the pool broke
    before they ended, the dead worker's own report aside (failed)."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=min(workers, len(places)), mp_context=ctx,
                             initializer=_worker_start, initargs=(pids,)) as pool:
        futures = {}
        broken: list[int] = []
        dead: dict[int, int | None] = {}
        try:
            for i in places:
                futures[pool.submit(_run_job_in_worker, jobs[i], i)] = i
            processes = list(pool._processes.values())   # see _stop_workers
            for fut in as_completed(futures):
                i, exc = futures[fut], fut.exception()
                if isinstance(exc, BrokenProcessPool):
                    if not broken:      # at once: the pool then ends the other workers
                        dead = _dead(processes)
                    broken.append(i)
                else:
                    done(i, fut.result() if exc is None else _failed(
                        jobs[i], f"{type(exc).__name__}: {exc}"))
        except BaseException:   # Ctrl-C or SIGTERM: stop the running reports, start none
            _stop_workers(pool, futures)
            raise
    again = []
    for i in broken:
        if pids[i] in dead:
            _remove_dead_workers_folders(jobs[i], pids[i])
            done(i, _failed(jobs[i], _died(dead[pids[i]])))
        else:           # not started, or stopped by the pool: started afresh, or not at all
            pids[i] = 0
            again.append(i)
    return again


def _dead(processes) -> dict[int, int | None]:
    """The worker ``processes`` that have ended, pid → exit code (None when unknown), as a
    broken pool is first seen: before it ends the others, whose SIGTERM stops their report
    first (:func:`_process.on_sigterm`). Told by their sentinels: a process closes it as it
    exits, a moment before its exit code can be read (read within a second, then).

    The pool's own thread reaps a dead worker too: when it does so first, this thread's
    ``waitpid`` finds no child and the exit code shows only once that thread has stored it
    in the same process object, so it is read again until then (CI saw "died" without its
    signal when the pool's thread won the race)."""
    from multiprocessing.connection import wait

    ended = set(wait([p.sentinel for p in processes], timeout=0))
    dead = [p for p in processes if p.sentinel in ended]
    deadline = time.monotonic() + 1
    for p in dead:
        p.join(max(deadline - time.monotonic(), 0))
        while p.exitcode is None and time.monotonic() < deadline:
            time.sleep(0.005)
    return {p.pid: p.exitcode for p in dead}


def _died(exitcode: int | None) -> str:
    """Why a report failed whose worker process died with ``exitcode`` (``-9``: SIGKILL)."""
    how = ("" if exitcode is None else
           f" (signal {-exitcode}, {signal.strsignal(-exitcode) or 'unknown'})" if exitcode < 0
           else f" (exit code {exitcode})")
    return (f"its worker process died{how}, out of memory or crashed, and the report with "
            "it; the other reports ran on")


def _failed(job: BatchJob, error: str) -> BatchResult:
    """A job that failed outside its report (its worker, the pool): ``error`` says why."""
    return BatchResult(job.brand, job.kind, False, notebook=REPORT_KINDS.get(job.kind),
                       error=error)


#: in a batch's worker, the batch's record of the worker that started each job (a pid by the
#: job's place, :func:`_run_in_workers`), or None
_starts = None


def _worker_start(starts=None) -> None:
    """Initializer of a batch's worker processes: SIGTERM stops the worker's report; the
    worker ends with its batch (:func:`_end_with_the_batch`); it imports papermill without
    the IRI grammar (:func:`without_iri_grammar`); it notes its pid in ``starts`` at each job
    it starts (:func:`_run_job_in_worker`)."""
    import multiprocessing as mp  # lazy: only a batch's workers run this

    global _starts
    _starts = starts
    without_iri_grammar()
    _process.in_worker = True
    parent = mp.parent_process()    # the batch, even if it already died (then not getppid's)
    _process.batch_pid = parent.pid if parent else os.getppid()
    signal.signal(signal.SIGTERM, _process.on_sigterm)
    _end_with_the_batch()


#: prctl's option that has the kernel signal a process when its parent dies (linux/prctl.h)
PR_SET_PDEATHSIG = 1


def _end_with_the_batch() -> None:
    """Have this worker end when its batch process dies: on Linux the kernel sends it SIGTERM
    at once (``prctl(PR_SET_PDEATHSIG)``), and everywhere a thread watching the batch ends it
    (:func:`_watch_the_batch`). A batch killed with SIGKILL (a scheduler's timeout, the OOM
    killer) left its workers running the queued reports, then waiting for ever for another
    one, SIGTERM only noted (:func:`_process.on_sigterm` now ends an orphaned worker, idle or
    not). The kernel's signal alone did not do: under CI's sandbox it came while the worker
    still saw its batch as parent, so an idle worker took it for the batch's own stop, and
    the report's stop that concurrent.futures caught sent a busy one back to wait."""
    import ctypes.util  # lazy (binds ctypes too): only a batch's workers run this

    libc = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    if libc:
        ctypes.CDLL(libc, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    threading.Thread(target=_watch_the_batch, name="smm-batch-watch", daemon=True).start()
    if _process.orphaned():       # the batch died before the kernel was asked to tell
        os._exit(128 + signal.SIGTERM)


#: how long an orphaned worker's report has to stop (its kernel shut down, its work folder
#: removed) before the worker ends anyway
_ORPHAN_GRACE_S = 30


def _watch_the_batch() -> None:
    """Wait for the batch process to end (looking every second), then end this worker: at
    once when idle; when it runs a report, after SIGTERM has stopped the report (unless the
    kernel's signal already did) or :data:`_ORPHAN_GRACE_S` seconds at most."""
    while not _process.orphaned():
        time.sleep(1)
    if _process.running:
        os.kill(os.getpid(), signal.SIGTERM)     # ignored if a SIGTERM already came
        deadline = time.monotonic() + _ORPHAN_GRACE_S
        while _process.running and time.monotonic() < deadline:
            time.sleep(0.2)
    os._exit(128 + signal.SIGTERM)


def _run_job_in_worker(job: BatchJob, place: int | None = None) -> BatchResult:
    """:func:`run_job` in a batch's worker; a stopped worker starts no report. The job at
    ``place`` in the batch is noted as this worker's once started (:data:`_starts`): should
    the worker die, the batch knows whose report died with it.

    The worker is marked running before it looks whether it was stopped: a SIGTERM between
    the two, the other way round, found it idle (so only noted, and then ignored, as
    :func:`_process.on_sigterm` does) and the report ran to its end, the batch waiting."""
    try:
        _process.running = True
        if _process.stopping:
            return BatchResult(job.brand, job.kind, False,
                               error="not started: the batch was stopped")
        if _starts is not None and place is not None:
            _starts[place] = os.getpid()
        return run_job(job)
    finally:
        _process.running = False
        if _process.orphaned():     # its batch is gone: no reader of the result, no next job
            os._exit(128 + signal.SIGTERM)


def _stop_workers(pool, futures) -> None:
    """Stop a batch: cancel the reports not started, send SIGTERM to each worker so that it
    stops its report (shutting its kernel down, removing its temporary folder), and wait for
    the workers to end. Without it, the batch waited for every running report to finish."""
    # the executor's own record of its processes (shutdown forgets it): it has no public way
    # to signal them (Python 3.14 adds terminate_workers, which sends SIGTERM the same way)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for fut in futures:
        fut.cancel()                       # those not handed to a worker yet
    for process in processes:
        if process.is_alive():
            try:
                os.kill(process.pid, signal.SIGTERM)
            except ProcessLookupError:     # ended meanwhile
                pass
    pool.shutdown(wait=True, cancel_futures=True)


def check_dask_address(address: str) -> None:
    """Refuse an address no Dask scheduler can have, before any report runs: ``http://…``
    (the dashboard's, a usual mistake) failed deep in the client with a raw ValueError."""
    from distributed.comm.addressing import parse_address  # lazy: Dask, only for --dask
    from distributed.comm.registry import get_backend

    scheme = parse_address(address)[0]
    try:
        get_backend(scheme)
    except ValueError:
        raise ArgumentError("not a Dask scheduler's address", argument="dask",
                            expected="tcp://host:8786 (or tls://, ws://…, or host:8786)",
                            got=address) from None


#: what connecting to something that is not a Dask scheduler raised: a refused or timed-out
#: connection, and the handshake reading another protocol's reply as Dask frames (a
#: ValueError, a TypeError, or a MemoryError for a frame of "3.07 EiB")
_NOT_A_SCHEDULER = (OSError, ValueError, TypeError, MemoryError)


def _dask_client(address: str):
    """A client of the Dask scheduler at ``address``; ReportError when no scheduler answers
    there within distributed.comm.timeouts.connect (30 s by default).

    The handshake is tried first with that timeout over it all: the client's own waits for
    the scheduler's reply without one, so a plain HTTP server (the dashboard's port) hung
    the batch for ever."""
    import asyncio  # lazy, with Dask: only for a batch on a cluster

    import dask
    from dask.utils import parse_timedelta
    from distributed import Client

    check_dask_address(address)
    timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), "s")
    security, connection = _dask_security(address)
    try:
        with ThreadPoolExecutor(1) as probe:     # its own event loop, even within a notebook's
            probe.submit(asyncio.run, _dask_handshake(address, timeout, connection)).result()
        return Client(address, timeout=timeout, security=security)
    except _NOT_A_SCHEDULER as exc:
        why = (f"no Dask handshake after {timeout:g} s" if isinstance(exc, TimeoutError)
               else str(exc) if isinstance(exc, OSError)
               else f"what answers there does not speak Dask's protocol ({exc})")
        raise ReportError(f"cannot reach the Dask scheduler at {address}: {why}; expected the "
                          "address of a running scheduler, such as tcp://host:8786") from exc


def _dask_security(address: str):
    """The client's security settings from Dask's config (``distributed.comm.tls.*``, as
    ``Client`` reads them) and the connection arguments they give: a ``tls://`` scheduler
    is reached only with them. ReportError, before any connection, for a ``tls://`` address
    without them: connecting raised a TypeError, reported as a scheduler not speaking
    Dask's protocol."""
    from distributed.comm.addressing import parse_address
    from distributed.security import Security

    security = Security()
    connection = security.get_connection_args("client")
    if parse_address(address)[0] == "tls" and connection.get("ssl_context") is None:
        raise ReportError(
            f"cannot reach the Dask scheduler at {address}: no TLS settings for the client; "
            "expected distributed.comm.tls.ca-file, .client.cert and .client.key in Dask's "
            "configuration (or the DASK_DISTRIBUTED__COMM__TLS__CA_FILE, __CLIENT__CERT and "
            "__CLIENT__KEY environment variables)")
    return security, connection


async def _dask_handshake(address: str, timeout: float, connection: dict) -> None:
    """Connect to ``address`` with the client's ``connection`` arguments
    (:func:`_dask_security`) and exchange Dask's handshake, within ``timeout`` seconds."""
    import asyncio  # lazy, with Dask: only for a batch on a cluster

    from distributed.comm import connect

    comm = await asyncio.wait_for(connect(address, timeout=timeout, **connection), timeout)
    await comm.close()
