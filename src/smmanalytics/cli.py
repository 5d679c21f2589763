"""The ``smm`` command. Only this module prints.

Each subcommand is a ``_cmd_<name>(args)`` function registered in ``_parser()``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

import pandas as pd

from . import __version__, dataset, runner, timing
from ._alert_signals import value_digits
from ._args import path_of, time_zone, whole
from ._io import file_name
from ._preflight import check_covered, check_not_empty, latest_period_of
from ._process import Terminated, on_sigterm
from .alerts import incidents, review
from .brand import LANGS
from .calendar import calendar_path, cancelled_events, plan_slots, shortfall, write_ics
from .errors import (
    ArgumentError,
    CacheWarning,
    DataQualityWarning,
    EmptyDataError,
    PeriodError,
    ReportError,
    SmmError,
)
from .goals import RATE_METRICS, scorecard, scorecard_display
from .loaders import inspect_files
from .periods import parse_period
from .quality import counted, side_file_error
from .roi import costs_status, costs_unknown_why, roi
from .timing._result import HIDDEN, hidden_note, readable

__all__ = ["main"]


def _print_frame(df: pd.DataFrame, as_json: bool) -> None:
    if as_json:
        print(df.to_json(orient="records", date_format="iso", force_ascii=False, indent=2))
    else:
        with pd.option_context("display.max_rows", 500, "display.width", 160,
                               "display.max_columns", 40):
            print(df.to_string(index=False))


def _cmd_sample(args: argparse.Namespace) -> int:
    from .sample import kept, write  # lazy: the sample's generator is not loaded with the package

    paths = write(args.out, seed=args.seed, replace=args.force)
    total = sum(p.stat().st_size for p in paths)
    for p in paths:
        print(p)
    for p in kept(args.out, paths):     # edited: never replaced without --force
        print(f"{p}: kept (edited: not the sample's; --force replaces it)")
    print(f"{counted(len(paths), 'file', 'files')}, {total / 1e6:.2f} MB, seed {args.seed}")
    return 0


def _cmd_notebooks(args: argparse.Namespace) -> int:
    from .notebooks import write  # lazy: nbformat, kept out of `smm --help`

    for name, written in write(args.out, replace=args.force).items():
        path = Path(args.out) / name
        print(f"{path}" if written else f"{path}: kept (already there; --force replaces it)")
    return 0


def _cmd_inspect(args: argparse.Namespace) -> int:
    """Print what each export file is (platform, format, locale, rows, dates, zone, warnings)."""
    df = inspect_files(args.paths)
    if df.empty:                # it printed nothing, exit 0
        print(f"smm: no file in {', '.join(args.paths)}", file=sys.stderr)
        return 1
    if args.json:
        _print_frame(df, True)
    else:
        _print_inspect_text(df)
    if df["status"].eq("left_out").all():   # only junk: its listing, and exit 1, said nothing
        n = len(df)
        print(f"smm: no export in {', '.join(args.paths)}: only {counted(n, 'file', 'files')} left "
              "out as junk (hidden, system or Office lock files)", file=sys.stderr)
    return _inspect_status(df)


def _print_inspect_text(df: pd.DataFrame) -> None:
    """`smm inspect`'s listing for a reader: each file's table, then the files that could
    not be read named on stderr (a reader of a long listing found no line saying which one
    made the exit status 3)."""
    # a file of several tables (GA4's table and its chart data) is listed once per table:
    # each says which
    tables = df.groupby("file", sort=False)["file"].transform("size").to_numpy()
    nth = df.groupby("file", sort=False).cumcount().to_numpy() + 1
    for rec, of, k in zip(df.to_dict("records"), tables, nth, strict=True):
        if k == 1 and rec["file_warnings"]:     # the whole file's notes, once, before its tables
            print(f"{rec['file']}  ({of} tables)\n  warnings:  {rec['file_warnings']}")
        print(rec["file"] + (f"  (table {k} of {of})" if of > 1 else ""))
        if rec["status"] == "side_file":
            print("  status:    side file (the brand's settings, read by name; not an export)")
            if not pd.isna(rec["rows"]):
                print(f"  rows:      {rec['rows']}")
        elif rec["status"] == "image":
            print("  status:    image (a logo or a screenshot, not an export: smm.load skips it)")
        elif rec["status"] == "skipped":
            print("  status:    skipped (a damaged member of the zip that only supplements the "
                  "export beside it: smm.load skips it too)")
        elif rec["status"] == "left_out":
            print("  status:    left out (never read as data: smm.load skips it too)")
        elif rec["status"] != "ok":
            print(f"  status:    {rec['status']}")
        else:
            print(f"  platform:  {rec['platform']}  format: {rec['format']}  "
                  f"kind: {rec['kind']}  locale: {rec['locale']}")
            # rows read, and those smm.load keeps when some repeat a key (the last kept)
            rows = (f"{rec['rows']}" if rec["rows_kept"] == rec["rows"] else
                    f"{rec['rows']} read, {rec['rows_kept']} kept")
            if rec["date_from"]:
                print(f"  rows:      {rows}  dates: {rec['date_from']} .. {rec['date_to']}")
                tz = rec["time_zone"] if isinstance(rec["time_zone"], str) else None
                print(f"  time zone: {tz or 'not stated by the export'}")
            else:
                print(f"  rows:      {rows}  dates: none in this table")
        if isinstance(rec["warnings"], str) and rec["warnings"]:
            print(f"  warnings:  {rec['warnings']}")
    failed = df.loc[df["status"].eq("failed"), "file"].unique().tolist()
    if failed:
        print(f"smm: {counted(len(failed), 'file', 'files')} could not be read (status "
              f"failed above): {', '.join(failed)}", file=sys.stderr)


def _inspect_status(df: pd.DataFrame) -> int:
    """The exit status of `smm inspect`, as `smm report`'s: 0 when every file was read (a
    damaged supplement skipped, an image or a settings file read are read as smm.load reads
    them), :data:`INCOMPLETE` when some exports were read but other files failed, 1 when no
    export could be read. It was 0 whenever one file was read: a script checking an agency's
    new exports could not tell a failed one. An export no format understands is failed (the
    rule of smm.load's files not read, ``loaders._folder.looks_like_export``): a notes.txt
    beside the exports is listed not_understood and changes the exit status of neither
    `smm report` nor `smm inspect`."""
    if not (df["status"] == "ok").any():
        return 1
    return INCOMPLETE if df["status"].eq("failed").any() else 0


def _period_text(text: str) -> str:
    """``--period`` as given, ``latest`` in any case (``LATEST``) written ``latest``."""
    return "latest" if text.strip().lower() == "latest" else text.strip()


def _period(text: str):
    """The Period of a ``--period`` other than ``latest``; a PeriodError naming the forms the
    command line takes (the Python API's own message offers a (start, end) pair, which a
    command line cannot give, and leaves out ``latest``, which it can)."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        # the forms' message ends with a hint ("(for that one day: …)") kept; any other (a
        # day not in the calendar, a year out of range) says what is wrong, after a colon
        message = str(exc)
        hint = (message.rpartition(repr(text))[2] if message.startswith("period must be")
                else f": {message}")
        raise PeriodError(f"--period must be YYYY-MM, YYYY-Qn, YYYY, START..END (days, "
                          f"months, quarters or years) or latest; got {text!r}{hint}"
                          ) from None


def _brand_data(args: argparse.Namespace, *, web: bool, costs: bool = False):
    """The brand's Dataset of ``args.data`` for an analysis command, checked as ``smm report``
    checks it: an empty or wrong folder, and a ``--period`` wholly outside the data (``web``:
    GA4 days count), are EmptyDataErrors (exit 2) saying so; ``--period latest`` is the
    latest complete month, as for reports. With ``costs``, a folder of costs.csv alone is
    data too (``smm roi``: the cost side). The load's warnings are given after these checks:
    a folder refused names its unread files in its error, and load's "no export was found"
    is the refusal's to say (or is no matter, for a folder of costs.csv alone).
    """
    period = getattr(args, "period", None)
    if period not in (None, "latest"):
        _period(period)                  # before the load: a typo costs no reading
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = dataset.load(args.data)
    if not (costs and len(ds.costs)):
        check_not_empty(ds, Path(args.data))
    latest = period == "latest"
    if latest:
        args.period = period = latest_period_of(ds, args.data)
    if period is not None:
        check_covered(ds, Path(args.data), _period(period), web=web, latest=latest)
    for w in caught:
        if getattr(w.message, "code", None) != "no_export":
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return ds


def _cmd_roi(args: argparse.Namespace) -> int:
    """`smm roi`: the ROI table; exit :data:`INCOMPLETE` when costs.csv could not be read (its
    costs NaN), as `smm scorecard` for a goals.yaml it could not read: exit 0 with an all-NaN
    row let a scheduled job take a broken costs.csv for a good run."""
    ds = _brand_data(args, web=True, costs=True)
    why = costs_unknown_why(ds, args.period)
    if why is not None:
        print(f"smm: warning: {why}: cost, ROI, ROAS, CPA, CPC and CPM are unknown (NaN)",
              file=sys.stderr)
    out = roi(ds, args.period, by=args.by, value_per_key_event=args.value_per_key_event)
    # the note codes are for programs (--json); a reader has the notes themselves
    # money to the cent, ratios to three decimals; each rounded once from the exact value:
    # rounding to three decimals first turned a prorated 3048.8147 into 3048.815, then 3048.82
    money = {c: 2 for c in ("cost", "ad_spend", "labor", "tools", "production", "influencer",
                            "other", "revenue", "value", "cpa", "cpc", "cpm") if c in out}
    _print_frame(out if args.json else out.drop(columns="note_codes").round(money).round(3),
                 args.json)
    return INCOMPLETE if costs_status(ds, args.period)[0] == "failed" else 0


def _round_kept(x, digits: int):
    """``x`` rounded to ``digits`` decimals, or to its first significant digit when that
    would make a figure that is not 0 read 0 (0.04 a day, not 0.0); missing stays missing."""
    if pd.isna(x) or x == 0:
        return x
    return round(float(x), max(digits, -math.floor(math.log10(abs(float(x))))))


def _cmd_scorecard(args: argparse.Namespace) -> int:
    """`smm scorecard`: the goals' table; exit :data:`INCOMPLETE` when there is none because
    the brand's goals.yaml could not be read (as `smm report` for the same folder), 1 when
    there is none because no goals.yaml was found (or it lists no goal), saying how to
    write one."""
    ds = _brand_data(args, web=True)
    sc = scorecard(ds, args.period, asof=args.asof)
    last = ds.span()[1]
    period = _period(args.period)
    if last is not None and last < period.end and (args.asof is None
                                                        or last < args.asof.date()):
        # the goals are those of the data's last day, not of the period's: say which
        print(f"smm: note: the data end on {last.isoformat()}, before {period.label} does: "
              f"the goals shown are those whose month, quarter or year holds "
              f"{last.isoformat()}, as of that day", file=sys.stderr)
    failed = side_file_error(ds.quality, ("goals.yaml", "goals.yml")) if sc.empty else None
    if failed is not None:
        # an empty table ("Empty DataFrame / Columns: […]") and exit 0 said no more; the
        # goals are missing as a report's figures are when a file could not be read
        name = "goals.yml" if failed.startswith("file goals.yml") else "goals.yaml"
        why = failed.removeprefix(f"file {name}").lstrip(",: ")
        print(f"smm: no goals: {name} could not be read: {why}", file=sys.stderr)
        if args.json:
            _print_frame(sc, True)
        return INCOMPLETE
    if sc.empty:
        # no goals.yaml (or one without a goal): an empty table and exit 0 said nothing of
        # it; nothing to score, as `smm inspect` has nothing to show without a file (exit 1)
        found = "source_file" in ds.goals.columns      # read_goals' columns: a file was read
        what = ("the goals file lists no goal" if found else
                f"no goals.yaml (or goals.yml) was found in {args.data}, the brand folder "
                "(or zip) whose files are read")
        print(f"smm: no goals: {what}; write a goals.yaml there with a 'goals:' list of "
              "{metric, platform, target, period, direction}, as the sample brand's goals.yaml "
              "(`smm sample DIR` writes it; the format: help(smmanalytics.goals))",
              file=sys.stderr)
        if args.json:
            _print_frame(sc, True)
        return 1
    shown = _scorecard_shown(sc)
    if args.json:
        # scorecard()'s columns, and the paces as the table shows them: required_daily is
        # (target − actual) / days left on every row, a ceiling on a maximum's and negative
        # once a target is passed, which a script read as a need
        at = sc.columns.get_loc("required_daily") + 1
        paces = ["required_per_day", "allowed_per_day"]
        _print_frame(pd.concat([sc.iloc[:, :at], shown[paces], sc.iloc[:, at:]], axis=1), True)
        return 0
    _print_frame(shown, False)
    return 0


def _scorecard_shown(sc: pd.DataFrame) -> pd.DataFrame:
    """:func:`scorecard_display` of ``sc`` rounded as ``smm scorecard`` prints it."""
    display = scorecard_display(sc)
    shown = display.round(3)
    # a count's projection and the pace it needs, as counts are read: 412, 26.2 a day (not
    # 412.191 and 26.246); revenue to the cent; rates (ER, ROAS, ROI) keep three decimals; a
    # pace that would round to 0 keeps its first significant digit (0.04 a day read 0.0)
    money = (sc["metric"] == "revenue").to_numpy()
    counts = ~sc["metric"].isin(RATE_METRICS).to_numpy() & ~money
    for rows, digits, pace in ((counts, 0, 1), (money, 2, 2)):
        shown.loc[rows, "projection"] = sc.loc[rows, "projection"].round(digits).to_numpy()
        for col in ("required_per_day", "allowed_per_day"):
            shown.loc[rows, col] = [_round_kept(x, pace) for x in display.loc[rows, col]]
    return shown


# what each detection test means to a reader of `smm alerts` (--json keeps the test's name)
_ALERT_HOW = {
    "nb_tail": "far more than the usual day's count allows",
    "robust_z": "far above its usual range",
    # the CUSUM adds up each day's excess: one big day may pass its threshold alone, so no
    # word of "several days" (a one-day jump read "a rise building up over several days")
    "cusum": "above its usual level, the excess of the recent days added up",
    "ratio_nb": "far more per person reached than usual",
    "robust_z_drop": "a net loss, far below its usual range",
}


def _cmd_alerts(args: argparse.Namespace) -> int:
    from ._alert_days import incident_zones  # lazy: not loaded with the package

    ds = _brand_data(args, web=False)   # as smm report, on the days the signals have
    period = _period(args.period) if args.period else None
    # a period is judged as its report judges it: on the history up to its end
    watch = (review(ds, (period.start, period.end), until=period.end) if period is not None
             else review(ds))
    found = watch.alerts
    # the zone each alert's day counts in (alerts' day_tz): the brand's for post-based
    # signals, the platform's own for account series (Meta's Pacific days, X's and TikTok's UTC)
    zones = found["day_tz"]
    if args.json:
        _print_frame(found, True)
        return 0
    where = period.label if period is not None else "the data"
    if found.empty:
        # no day tested, or some days of the period not tested (too short a history), is no
        # all-clear (Review.verdict): say so, with the review's counts (which say why)
        counts = watch.counts()
        lead = {"untested": "nothing could be tested",
                "partly": "no alert on the days tested"}.get(watch.verdict(), "no alert")
        print(f"{lead} in {where}"
              + (f": {watch.summary}" if counts["untested"]
                 or counts["period_tested"] < counts["period_days"] else ""))
        return 0
    print(f"{where}: {watch.summary}")
    # numbered within what is shown, as incidents() numbers them: the ids count the whole
    # history's incidents, and a month's one incident read "incident 7" (--json keeps the ids)
    # each end of an incident in the zone its day counts in: one incident may mix them
    found_incidents = incident_zones(watch, incidents(found, earlier=watch.earlier),
                                     prefer=ds.brand.timezone)
    for inc in found_incidents.itertuples():
        rows = found[found["incident_id"] == inc.incident_id]
        # an incident begun before the period starts on its own first day, said so (its
        # earlier alerts are not listed, not the period's, but their signals are named: the
        # severity counts them)
        # in the zone's brackets: "(UTC) (began before …)" nested two
        began = f"; began before {where}" if inc.began_before else ""
        print(f"\nincident {inc.incident}: {inc.severity}, {inc.start:%Y-%m-%d} "
              f"({_zone_text(inc.start_zone)}{began}) to {inc.end:%Y-%m-%d} "
              f"({_zone_text(inc.end_zone)}), on {inc.platforms}")
        if inc.signals_before:
            print(f"(with, before {where}: {inc.signals_before.replace('_', ' ')})")
        if inc.seen_twice:      # one movement that fired two signals counts once
            print("(each counted as one signal in the severity, as on one platform one is part "
                  "of the other and a signal counts once over platforms: "
                  f"{_families_text(inc.seen_twice)})")
        how = rows["test"].map(_ALERT_HOW).fillna(rows["test"])
        width = int(how.str.len().max())
        zone = pd.Series([_zone_text(z) for z in zones[rows.index]], index=rows.index)
        zone_width = int(zone.str.len().max())
        table = pd.DataFrame({
            "date": rows["date"].dt.strftime("%Y-%m-%d"),
            # padded as "how" below
            "day in".ljust(zone_width): zone.str.ljust(zone_width),
            "platform": rows["platform"],
            "signal": rows["signal"].str.replace("_", " "),
            "value": [_signal_text(s, v) for s, v in zip(rows["signal"], rows["value"],
                                                          strict=True)],
            "usual": [_signal_text(s, v) for s, v in zip(rows["signal"], rows["baseline"],
                                                          strict=True)],
            # padded to one width, header too: to_string's right alignment reads as left
            "how".ljust(width): how.str.ljust(width),
        })
        if found["account"].fillna("").ne("").any():   # a platform's accounts, each its own
            table.insert(3, "account", rows["account"].fillna("").replace("", "-"))
        print("\n".join(line.rstrip() for line in table.to_string(index=False).splitlines()))
    print("\n(day in: the zone a day counts in, the brand's for the posts' signals, the "
          "platform's own for account series such as followers; usual: the signal's baseline "
          "for that day; --json gives each test's score and threshold)")
    return 0


def _zone_text(zone) -> str:
    """A day's zone as IANA names it; "zone unknown" for an alert no signal holds."""
    return "zone unknown" if pd.isna(zone) else str(zone)


def _families_text(seen_twice: str) -> str:
    """An incident's ``seen_twice`` (:func:`~smmanalytics.alerts.incidents`) in words:
    "net followers and unfollows; comments and comments per reach"."""
    return "; ".join(" and ".join(s.replace("_", " ") for s in family.split(", "))
                     for family in seen_twice.split("; "))


def _signal_text(signal: str, value) -> str:
    """A count as a count, a rate per reach as a percentage, as the report shows them (the
    rule shared with it, :func:`~smmanalytics._alert_signals.value_digits`), in English."""
    if pd.isna(value):
        return "unknown"
    percent, digits = value_digits(signal, value)
    return f"{value:.{digits}%}" if percent else f"{value:,.{digits}f}"


def _data_argument(p: argparse.ArgumentParser) -> None:
    """DATA as a positional, like the other analysis commands, or as ``--data`` like `smm
    report`; ``main`` merges the two into ``args.data``."""
    p.add_argument("data", nargs="?", help="brand folder, file or zip of exports")
    p.add_argument("--data", dest="data_option", metavar="DATA", help="the same, as an option")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smm", description="Social media analytics from exports.")
    p.add_argument("--version", action="version", version=f"smm (smmanalytics) {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    # --- subcommands are registered below, one block per command ---
    _add_report(sub)
    # sample
    ps = sub.add_parser("sample", help="write the Maison Sève sample exports (synthetic brand)")
    ps.add_argument("--out", required=True, help="output folder (created if missing)")
    ps.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    ps.add_argument("--force", action="store_true",
                    help="write into a folder holding other files than a sample's (refused by "
                         "default: a brand's own brand.yaml, costs.csv, goals.yaml), and replace "
                         "an edited costs.csv, goals.yaml, competitors.csv or logo.svg of a "
                         "sample (kept by default)")
    ps.set_defaults(func=_cmd_sample)
    # the package's notebooks (notebooks.py), for JupyterLab or papermill
    pn = sub.add_parser("notebooks", help="write the report notebooks and the guided tour "
                                          "(explore.ipynb) into a folder")
    pn.add_argument("--out", required=True, help="output folder (created if missing)")
    pn.add_argument("--force", action="store_true",
                    help="replace the notebooks already there (kept by default: edited ones)")
    pn.set_defaults(func=_cmd_notebooks)
    _register_timing(sub)
    # cache of parsed exports (_cache.py)
    pc = sub.add_parser("cache", help="the cache of parsed exports: where, how big; clear it")
    pc.add_argument("action", choices=("info", "clear"))
    pc.set_defaults(func=_cmd_cache)
    # inspect (loaders)
    p_inspect = sub.add_parser(
        "inspect", help="show what each export file is and how it reads",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 every file read; 1 no export could be read (or no file found);\n"
               "2 a path that does not exist; 3 some exports read, but other files failed\n"
               "(status failed: a file named as an export is, .csv, .tsv, .xlsx, .xls, .ods,\n"
               ".zip, that no format understands, such as an empty download, fails too;\n"
               "they are named on stderr). A notes.txt is not_understood: no exit status.")
    p_inspect.add_argument("paths", nargs="+", help="export files, zips or folders")
    p_inspect.add_argument("--json", action="store_true", help="print JSON records")
    p_inspect.set_defaults(func=_cmd_inspect)
    # roi / scorecard (roi.py, goals.py)
    r = sub.add_parser(
        "roi", help="cost, attributed value, ROI, ROAS, CPA, CPC, CPM",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 the ROI table; 2 an error (no export in DATA, a period outside\n"
               "the data); 3 costs.csv could not be read (the table's costs are NaN)")
    _data_argument(r)
    r.add_argument("--period", required=True, type=_period_text,
                   help="2026-10, 2026-Q3, 2026, 2026-10-01..2026-10-15, or latest (the latest "
                        "complete month of the data)")
    r.add_argument("--by", choices=("campaign", "platform"), default=None)
    r.add_argument("--value-per-key-event", type=float, default=None,
                   help="override goals.yaml's value_per_key_event")
    r.add_argument("--json", action="store_true",
                   help="JSON records instead of a table, with the notes' codes (note_codes)")
    r.set_defaults(func=_cmd_roi)
    s = sub.add_parser(
        "scorecard", help="goals against actuals, status, pace and projection",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 the goals' table; 1 no goals.yaml found in DATA (or no goal in\n"
               "it); 2 an error (no export in DATA, a period outside the data); 3 goals.yaml\n"
               "could not be read")
    _data_argument(s)
    s.add_argument("--period", required=True, type=_period_text,
                   help="a month, quarter or year of the goals: 2026-10, 2026-Q3, 2026, or "
                        "latest (the latest complete month of the data); a range of days, "
                        "2026-10-01..2026-10-15, scores the goals whose period holds its last "
                        "day, as of that day; a period running past the data's end, those of "
                        "the data's last day (said on stderr)")
    s.add_argument("--asof", type=_day, default=None,
                   help="the day to evaluate the goals on, such as 2026-10-20 (default: "
                        "today); each goal is evaluated to the earlier of that day and its "
                        "data's last day, as the note says: a day after the data is unknown, "
                        "not 0")
    s.add_argument("--json", action="store_true",
                   help="JSON records instead of a table: the columns of smm.scorecard() "
                        "(required_daily: (target - actual) / days left, on every goal), and "
                        "required_per_day and allowed_per_day rounded as the table shows them")
    s.set_defaults(func=_cmd_scorecard)
    # alerts
    a = sub.add_parser("alerts", help="reputation/crisis alerts from the exports' daily signals")
    _data_argument(a)
    a.add_argument("--period", default=None, type=_period_text,
                   help="YYYY-MM, YYYY-Qn, YYYY, START..END or latest (default: all days)")
    a.add_argument("--json", action="store_true", help="print JSON records")
    a.set_defaults(func=_cmd_alerts)
    for command in sub.choices.values():     # for usage errors found after parsing (_parse)
        command.set_defaults(command_parser=command)
    return p


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line's arguments; an argument no parser knows is refused by its
    subcommand's parser, with that subcommand's usage. ``smm report monthly --bogus`` showed
    ``usage: smm [-h] [--version] {report,…}``, which lists none of the options the user
    could have meant; so did the errors found after parsing (``args.command_parser``)."""
    args, unknown = _parser().parse_known_args(argv)
    if unknown:
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _add_report(sub) -> None:
    r = sub.add_parser(
        "report", help="run a report notebook and write .ipynb, .html and .pdf (monthly, "
                       "best-times: .ics slots too)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="kinds:\n"
               "  monthly     --data DIR --period P      the management report of a period\n"
               "  campaign    --data DIR --campaign NAME [--period P]\n"
               "              one campaign; without --period, the campaign's days (its first\n"
               "              to last post, cost line or GA4 row; a monthly GA4 row counts\n"
               "              only the days its posts and cost lines ran in that month)\n"
               "  best-times  --data DIR --period P [--platform NAME]\n"
               "              when to post, and next slots as .ics; every platform with\n"
               "              publish hours, or NAME's alone\n"
               "  batch       --config agency.yaml --period P [--workers N | --dask ADDRESS]\n"
               "              every brand of agency.yaml, which sets each one's folder, slug,\n"
               "              language and reports\n"
               "the first three also take --lang, --brand and --out; batch takes --out.\n"
               "\n"
               "outputs: <out>/<brand>/<period>/<stem>.ipynb, .html and .pdf, the stem being\n"
               "<brand>-<period> (monthly), <brand>-campaign-<name>-<period> or\n"
               "<brand>-best-times[-<platform>]-<period>, then -<lang> for a language other\n"
               "than the brand's; the PDF's path is printed\n"
               "\n"
               "exit status: 0 every report written from all its files; 1 a report failed;\n"
               "2 a usage or configuration error (before any report); 3 every report\n"
               "written, but some without files that could not be read (named on stderr,\n"
               "or in the batch's summary)")
    r.add_argument("kind", choices=sorted(runner.REPORT_KINDS) + ["batch"],
                   help="monthly, campaign, best-times or batch (see below)")
    r.add_argument("--data", help="brand folder of exports, or a zip of it")
    r.add_argument("--period", default=None, type=_period_text,
                   help="YYYY-MM, YYYY-Qn, YYYY, START..END, or latest (the latest complete "
                        "month of the data); a campaign report without it covers the "
                        "campaign's days")
    r.add_argument("--config", help="batch: agency.yaml listing the brands")
    r.add_argument("--workers", type=_whole(1), default=None,
                   help="batch: local worker processes (default: one per CPU this process may "
                        "use, at most one per report)")
    r.add_argument("--dask", default=None, metavar="ADDRESS",
                   help="batch: run on an existing Dask cluster (scheduler address)")
    r.add_argument("--out", default=None,
                   help="reports root (default: reports/; for a batch, the config's out)")
    r.add_argument("--brand", default=None, help="brand slug override")
    r.add_argument("--lang", default=None, choices=LANGS,
                   help="report language (default: brand.yaml language; another one adds "
                        "-LANG to the file names)")
    r.add_argument("--campaign", default=None, help="campaign name (campaign reports)")
    r.add_argument("--platform", default=None,
                   help="best-times: one platform (e.g. tiktok); its files are named "
                        "<brand>-best-times-<platform>-<period>")
    r.set_defaults(func=_cmd_report)


def _check_report_arguments(parser: argparse.ArgumentParser, args) -> None:
    """What argparse cannot require by itself: --config for a batch, --data otherwise
    (argparse's usage error, exit status 2, like any other missing argument)."""
    if args.kind == "batch" and not args.config:
        parser.error("smm report batch needs --config (agency.yaml listing the brands)")
    if args.kind != "batch" and not args.data:
        parser.error(f"smm report {args.kind} needs --data (the brand folder of exports)")
    # options one kind would silently ignore are refused, saying where they belong
    if args.kind == "batch":
        unused = {"--data": args.data, "--brand": args.brand, "--lang": args.lang,
                  "--campaign": args.campaign, "--platform": args.platform}
        where = "agency.yaml sets each brand's folder, slug and language"
    else:
        unused = {"--config": args.config, "--workers": args.workers is not None,
                  "--dask": args.dask}
        where = "options of a batch"
    given = [name for name, value in unused.items() if value]
    if given:
        parser.error(f"smm report {args.kind} does not take {', '.join(given)} ({where})")
    if args.dask and args.workers is not None:      # run_batch took the cluster's, silently
        parser.error("smm report batch takes --workers N or --dask ADDRESS, not both (the "
                     "cluster's workers run the reports)")
    if args.dask:
        _check_dask_address(parser, args.dask)
    if args.period is None and args.kind != "campaign":
        parser.error(f"smm report {args.kind} needs --period (YYYY-MM, YYYY-Qn, YYYY, "
                     "START..END or latest)")
    if args.campaign is None and args.kind == "campaign":
        parser.error("smm report campaign needs --campaign (the campaign's name)")
    if args.campaign is not None and args.kind not in ("campaign", "batch"):
        # it said "monthly_report.ipynb has no parameter campaign; it takes data, …"
        parser.error(f"smm report {args.kind} does not take --campaign (an option of "
                     "smm report campaign)")
    if args.platform is not None and args.kind not in ("best-times", "batch"):
        parser.error(f"smm report {args.kind} does not take --platform (an option of "
                     "smm report best-times)")


def _check_dask_address(parser: argparse.ArgumentParser, address: str) -> None:
    """--dask's address, refused as a usage error (exit 2) when no scheduler can have it."""
    try:
        runner.check_dask_address(address)
    except ArgumentError as exc:
        parser.error(str(exc))


def _cmd_report(args) -> int:
    if args.kind == "batch":
        return _cmd_batch(args)
    if args.period not in (None, "latest"):
        _period(args.period)
    extra = ({"campaign": args.campaign} if args.campaign else
             {"platform": args.platform} if args.platform else None)
    outputs = runner.run_report(args.kind, data=args.data, period=args.period,
                         out=args.out or "reports", brand=args.brand, lang=args.lang,
                         parameters=extra)
    print(outputs.pdf)
    if outputs.logo_problem:     # written all the same: the exit status is the report's
        print(f"smm: warning: {outputs.logo_problem}", file=sys.stderr)
    if outputs.unchecked:       # posts perhaps another account's: said, the exit status kept
        print(f"smm: warning: {outputs.unchecked}", file=sys.stderr)
    if outputs.unread:
        print("smm: warning: " + "\n".join(_unread_lines(outputs.unread)), file=sys.stderr)
        return INCOMPLETE
    return 0


#: the exit status of `smm report` when every report was written, but some without files of
#: their data that could not be read (named on stderr, or in the batch's summary): a scheduled
#: job can tell a report that lacks figures from one that has them all (0)
INCOMPLETE = 3


def _unread_lines(unread: dict[str, str]) -> list[str]:
    """What a written report lacks: the files of its data that could not be read, and why
    (the report says it too, on its cover and in its data-quality section). Exports, whose
    figures are missing, come apart from the brand's settings files, which were done without.
    """
    settings = {f: why for f, why in unread.items()
                if file_name(f).lower() in dataset.SETTINGS_FILES}
    exports = {f: why for f, why in unread.items() if f not in settings}
    lines = []
    if exports:
        n = len(exports)
        lines += [f"{counted(n, 'file', 'files')} of the data could not be read; "
                  f"{'their' if n > 1 else 'its'} figures are missing from the report:",
                  *(f"  {why}" for why in exports.values())]
    if settings:
        n = len(settings)
        lines += [f"{counted(n, 'settings file', 'settings files')} of the brand could not be "
                  "read; "
                  f"the report was made without {'them' if n > 1 else 'it'}:",
                  *(f"  {why}" for why in settings.values())]
    return lines


def _cmd_batch(args) -> int:
    jobs = runner.read_batch_config(args.config, args.period, out=args.out)
    workers = args.workers if args.workers is not None else runner.default_workers(len(jobs))
    # the bar redrawn with carriage returns garbled a cron job's log: on a terminal only
    results = runner.run_batch(jobs, workers=workers, dask_address=args.dask,
                               progress=sys.stderr.isatty())
    _print_results(results, len(results))
    failed = [r for r in results if not r.ok]
    return 1 if failed else INCOMPLETE if any(r.unread for r in results) else 0


def _print_results(results: list, total: int) -> None:
    """The batch's summary: how many of its ``total`` reports were written, then a line for
    each report of ``results`` (each written one with what it lacks, then each failed one
    with its notebook and cell)."""
    failed = [r for r in results if not r.ok]
    print(f"{len(results) - len(failed)} of {counted(total, 'report', 'reports')} written")
    for r in results:
        if r.ok:
            print(f"  ok      {r.brand} {r.kind}: {r.pdf}")
            # a report without its logo is written all the same: said, the exit status kept
            # so is one whose posts may be another account's (its status stays ok)
            logo = [f"warning: {r.logo_problem}"] if r.logo_problem else []
            unchecked = [f"warning: {r.unchecked}"] if r.unchecked else []
            for line in logo + unchecked + _unread_lines(r.unread):
                print(f"          {line}")
    for r in failed:
        cell = f", cell {r.cell_index}" if r.cell_index is not None else ""
        where = f" ({r.notebook}{cell})" if r.notebook else ""     # None: before any notebook
        print(f"  FAILED  {r.brand} {r.kind}{where}: {r.error}")


def _print_stopped_batch(stop: runner.StoppedBatch) -> None:
    """The summary of a batch stopped midway: the reports that ended, then a line for each
    one stopped and each one never started. The log said only that "the reports written
    before stay in place": which they were took a search of the out folder."""
    _print_results(list(stop.ended), len(stop.ended) + sum(map(len, _left(stop).values())))
    for word, jobs in _left(stop).items():
        for j in jobs:
            print(f"  {word:<8}{j.brand} {j.kind}")
    sys.stdout.flush()          # before the stop's own line, on stderr


def _left(stop: runner.StoppedBatch) -> dict[str, tuple]:
    """The reports a stopped batch did not end, by the word its summary gives them."""
    return {"stopped": stop.stopped, "not run": stop.not_started, "not done": stop.unfinished}


def _stop_counts(stop: runner.StoppedBatch) -> str:
    """How many reports of a stopped batch were written, failed, stopped, not started."""
    written = sum(r.ok for r in stop.ended)
    counts = ((written, "written"), (len(stop.ended) - written, "failed"),
              (len(stop.stopped), "stopped while running"), (len(stop.not_started),
                                                             "not started"),
              (len(stop.unfinished), "stopped or not started (Dask does not say which)"))
    return ", ".join(f"{n} {what}" for n, what in counts if n)


# --- best-times and calendar (timing) ---------------------------------------------------------

# The argparse types below check as the Python API does (one home: _args); they only turn
# its ArgumentError into argparse's, whose usage line names the option (--tz, --weeks).

def _time_zone(text: str) -> str:
    """``--tz``: an IANA time zone name, refused by argparse with its usage line otherwise."""
    try:
        return time_zone(text, "--tz")
    except ArgumentError as exc:    # "not an IANA time zone: 'Paris' (such as Europe/Paris)"
        raise argparse.ArgumentTypeError(str(exc).removeprefix("argument '--tz': ")) from None


def _whole(low: int, high: int | None = None):
    """An argparse type: a whole number from ``low`` to ``high`` (no bound above without
    ``high``), as :func:`smmanalytics._args.whole` takes it."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = text            # not a number: _args.whole says so
        try:
            return whole(value, "value", low, high)
        except ArgumentError as exc:
            # the messages --workers and --weeks always gave
            sep = ", " if high is not None else "; "
            raise argparse.ArgumentTypeError(f"expected {exc.expected}{sep}got {text!r}") \
                from None
    return parse


def _day(text: str) -> pd.Timestamp:
    """``--start``, ``--asof``: a day such as 2026-11-02."""
    try:
        day = pd.Timestamp(text)
    except (ValueError, TypeError):
        day = pd.NaT
    if pd.isna(day):
        raise argparse.ArgumentTypeError(f"expected a day such as 2026-11-02, got {text!r}")
    return day


def _timing_args(sp: argparse.ArgumentParser) -> None:
    _data_argument(sp)
    sp.add_argument("--tz", type=_time_zone,
                    help="audience IANA time zone (default: brand.yaml timezone)")
    sp.add_argument("--platform", help="analyse one platform (default: all, pooled)")
    sp.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def _register_timing(sub) -> None:
    bt = sub.add_parser("best-times", help="best posting times, with honest uncertainty")
    _timing_args(bt)
    bt.add_argument("--json", action="store_true", help="print the full result as JSON")
    bt.set_defaults(func=_cmd_best_times)
    cal = sub.add_parser("calendar", help="write the recommended slots as an .ics calendar")
    _timing_args(cal)
    cal.add_argument("--weeks", type=_whole(1, 520), default=4, help="weeks to plan (default 4)")
    cal.add_argument("--posts-per-week", type=_whole(1, 168), required=True,
                     help="posts per week (1 to 168)")
    cal.add_argument("--start", type=_day, help="first day of the plan (default: next Monday)")
    cal.add_argument("--out", required=True, help="output .ics path")
    cal.add_argument("--force", action="store_true",
                     help="replace a file at --out that is not an iCalendar (refused by default)")
    cal.add_argument("--lang", default=None, choices=LANGS,
                     help="language of the calendar's name, titles and reasons "
                          "(default: brand.yaml language)")
    cal.add_argument("--brand", default=None,
                     help="brand slug override, as smm report's: the events' UIDs are the "
                          "brand's slug's, so give the --brand (or batch entry name) its "
                          "reports were written with (default: brand.yaml's slug)")
    cal.set_defaults(func=_cmd_calendar)


def _best_times_from_args(args):
    ds = _brand_data(args, web=False)
    tz = args.tz or ds.brand.timezone
    return ds, tz, timing.best_times(ds.posts, tz, args.platform, daily=ds.daily, seed=args.seed)


def _pooled(ds, args) -> str | None:
    """What a run over several platforms' posts says of it ("all 4 platforms pooled: …"), None
    with --platform or one platform: a slot of the pooled analysis is no platform's own."""
    if args.platform is not None or "platform" not in ds.posts.columns:
        return None
    names = sorted(map(str, ds.posts["platform"].dropna().unique()))
    if len(names) < 2:
        return None
    return (f"all {len(names)} platforms pooled ({', '.join(names)}): --platform NAME gives "
            "one platform's own times")


def _print_lifts(frame: pd.DataFrame) -> None:
    """A table of best times (:func:`readable`), "–" for the lifts of slots or days of fewer
    than :data:`~smmanalytics.timing.MIN_CELL_POSTS` posts, said once under it when it has
    any: the 608 posts of the sample's Instagram printed "<NA>" for 7 of 21 recommended slots,
    which read as figures gone missing, not withheld."""
    table = readable(frame, hidden=HIDDEN)
    _print_frame(table, False)
    if note := hidden_note(table):
        print(note)


def _cmd_best_times(args) -> int:
    ds, _, bt = _best_times_from_args(args)
    if args.json:
        print(json.dumps(bt.to_dict(), ensure_ascii=False, indent=2, default=str,
                         allow_nan=False))
        return 0
    print(bt.summary)
    if pooled := _pooled(ds, args):
        print(pooled)
    # the posts used and why the others were left out, in the words BestTimes has for them
    print(f"{bt.posts_used}; exposure: {bt.method['exposure']}")
    average = bt.average
    if len(bt.recommended):
        print(f"\nRecommended slots (lift vs {average}, shrunk):")
        _print_lifts(bt.recommended)
    elif bt.day_effect:     # the finding is the days alone: no hour stood out
        if len(bt.best_days):
            print(f"\nDays that did better (lift vs {average}), at the usual hours:")
            _print_lifts(bt.best_days)
        if bt.avoid_days is not None and len(bt.avoid_days):
            print(f"\nDays that did worse, to avoid (lift vs {average}):")
            _print_lifts(bt.avoid_days)
    elif bt.has_activity:
        print("\nAudience schedule (followers online), busiest first:")
        busiest = bt.activity.sort_values("online_followers", ascending=False).head(10)
        _print_frame(readable(busiest, hidden=HIDDEN), False)
    print("\nBy weekday:")
    _print_lifts(bt.by_weekday)
    return 0


def _cmd_calendar(args) -> int:
    out = calendar_path(args.out, replace=args.force)      # before the work, not after it
    ds, tz, bt = _best_times_from_args(args)
    _check_feed_posts(bt, args)
    if args.start is not None:
        start = args.start
    else:
        today = pd.Timestamp.now(tz=tz).tz_localize(None).normalize()
        start = today + pd.Timedelta(days=7 - today.weekday())
    plan = plan_slots(bt, start, args.weeks, args.posts_per_week, tz)
    was = cancelled_events(out)
    # the report's rule (Brand.with_slug): one slot, one UID in both calendars
    lang = args.lang or ds.brand.language
    path = write_ics(plan, out, brand_name=ds.brand.name,
                     brand_slug=ds.brand.with_slug(args.brand).slug, lang=lang)
    # the slots the new plan drops, written cancelled over the calendar imported before:
    # events a manager's app removes, which the command said nothing of
    if dropped := len(cancelled_events(path) - was):
        print(f"smm: note: cancelled {counted(dropped, 'event', 'events')} of the "
              f"calendar replaced that the new plan drops (a calendar app that imported "
              f"{'it removes it' if dropped == 1 else 'them removes them'})", file=sys.stderr)
    print(bt.summary)
    if pooled := _pooled(ds, args):
        print(pooled)
    if below := plan.attrs.get("below_average"):
        print(f"slots a week below {bt.average}: {below} of "
              f"{plan.attrs['slots_per_week']} (more posts a week asked than slots at or "
              "above it)")
    if short := shortfall(plan, lang):       # in the calendar's language, as its reasons
        print(f"smm: warning: {short}", file=sys.stderr)
    print(f"wrote {counted(len(plan), 'slot', 'slots')} ({plan.attrs['basis']}) "
          f"to {path}")
    return 0


def _check_feed_posts(bt, args) -> None:
    """EmptyDataError (exit 2) when the posts analysed are stories alone: the calendar's events
    are feed posts, which the account has not posted (its stories, 180 in the sample's
    October, made a calendar of feed posts at hours no feed post was tried at)."""
    stories = bt.method.get("stories", 0)
    if stories and bt.method.get("posts_per_week") == 0:
        whose = f" of {args.platform}" if args.platform else ""
        raise EmptyDataError(
            f"no feed post among the posts{whose} in {args.data}: only {stories} "
            f"stor{'y' if stories == 1 else 'ies'}, which a posting plan does not hold; "
            "nothing to plan")


def _cmd_cache(args) -> int:
    from . import _cache  # lazy: not loaded with the package

    got = _cache.clear() if args.action == "clear" else _cache.info()
    if got["problem"]:          # info only: clear raises an OutputError
        print(f"{got['path']}: {got['problem']}; smm.load does not use it as its cache")
        return 1
    size = f"{got['bytes'] / 1e6:.1f} MB"
    other = got["other"]        # $SMM_CACHE_DIR may name a folder holding other files
    kept = ""
    if other:
        names = ", ".join(other[:5]) + (f" and {len(other) - 5} more" if len(other) > 5 else "")
        verb = "kept" if args.action == "clear" else "it also holds"
        kept = (f"; {verb} 1 file or folder that is not the cache's: {names}"
                if len(other) == 1 else
                f"; {verb} {len(other)} files or folders that are not the cache's: {names}")
    if args.action == "clear":
        if not got["existed"]:
            print(f"nothing to remove: {got['path']} does not exist")
            return 0
        busy = got["busy"]
        left = (f"; left {busy} entr{'y' if busy == 1 else 'ies'} a load is writing"
                if busy else "")
        if got["gone"]:
            print(f"removed {got['path']} ({got['entries']} entries, {size}){kept}{left}")
        elif got["entries"] or got["bytes"]:
            print(f"removed the cache from {got['path']} ({got['entries']} entries, {size})"
                  f"{kept}{left}" + ("" if other or busy else "; the folder itself stays"))
        else:
            print(f"nothing to remove in {got['path']}{kept}{left}")
    else:
        print(f"{got['path']}: {got['entries']} entries, {size}{kept}")
        if got["unwritable"]:
            print(f"{got['path']}: {got['unwritable']}: loads cannot add to the cache and "
                  "parse the exports it does not hold every time; set SMM_CACHE_DIR to a "
                  "writable folder")
            return 1
    return 0


def _stopped(args, by: str, stop: runner.StoppedBatch | None = None) -> str:
    """What a SIGTERM (or Ctrl-C) stopped, for the one line ``main`` prints; for a batch
    that says where it stood (``stop``), how many reports it left in which state."""
    if args.command != "report":
        return f"smm: stopped by {by}"
    if args.kind == "batch" and stop is not None:
        return (f"smm: stopped by {by}: {_stop_counts(stop)} (each named above); a report "
                "stopped or not started keeps its earlier outputs in place")
    if args.kind == "batch":
        return (f"smm: stopped by {by}: the running reports were stopped and the others not "
                "started; the reports written before stay in place")
    return f"smm: stopped by {by}: the report was not written (an earlier one stays in place)"


def _say_stopped(args, by: str, exc: BaseException) -> None:
    """Say what the stop ``exc`` (a SIGTERM, a Ctrl-C) stopped: a batch's summary as it
    stood (``exc.stopped_batch``, :func:`runner.run_batch`), then one line on stderr."""
    stop = getattr(exc, "stopped_batch", None)
    if stop is not None:
        _print_stopped_batch(stop)
    print(_stopped(args, by, stop), file=sys.stderr)


@contextlib.contextmanager
def _quality_warnings_said_plainly():
    """Say a DataQualityWarning (files a load could not read, no export found) or a
    CacheWarning (a read-only cache folder) as the command's own warnings are,
    ``smm: warning: …``, without the line of smmanalytics that raised it, and with the
    shell's advice (a shell user has no ``ds.quality`` nor ``load()``); other warnings as
    Python says them."""
    with warnings.catch_warnings():
        default = warnings.showwarning

        def show(message, category, filename, lineno, file=None, line=None):
            if issubclass(category, DataQualityWarning | CacheWarning):
                text = str(message).replace(
                    dataset.UNREAD_HINT, "`smm inspect DIR` shows every file and how it reads")
                print(f"smm: warning: {text}", file=sys.stderr)
            else:
                default(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


@contextlib.contextmanager
def _stopped_cleanly_by_sigterm():
    """Within the block, SIGTERM raises Terminated (exit code 143) instead of killing the
    process outright, which left a report's kernel running and its temporary folder behind.
    The previous handler is restored afterwards. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, on_sigterm)     # the handler batch workers have too
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _reader_gone() -> int:
    """The reader of stdout went away (``smm alerts DIR | head``): stop quietly, with the exit
    status of a process SIGPIPE ended (141), as other Unix tools do, instead of a traceback.
    Further writes, such as Python's own flush at exit, go to /dev/null."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 141                  # 128 + SIGPIPE (13), which Windows lacks


#: what the path arguments the CLI reads name, for the message of a URL given as one
_READ_PATHS = {"data": "the path of a brand folder, file or zip of exports",
               "config": "the path of an agency.yaml"}


def _expand_user_paths(args: argparse.Namespace) -> None:
    """``args``' paths with ``~`` expanded (:func:`~smmanalytics._args.user_path`): the shell
    leaves the ``~`` of ``--out=~/reports`` or of a quoted path as it is. A URL given for a
    path read is refused as the API refuses it (:func:`~smmanalytics._args.path_of`), with
    the URL as typed: pathlib made ``https://x`` the path ``https:/x``, "path does not
    exist"; one given as ``--out`` is refused as an output (it made a folder ``https:``)."""
    command = f"smm {args.command}"
    for name, what in _READ_PATHS.items():
        if isinstance(getattr(args, name, None), str):
            setattr(args, name, str(path_of(getattr(args, name), name, command, what)))
    if isinstance(getattr(args, "out", None), str):
        args.out = str(path_of(args.out, "out", command, "the path of a folder or file to "
                               "write", writes=True))
    if isinstance(getattr(args, "paths", None), list):
        args.paths = [str(path_of(p, "paths", command, "export files, zips or folders"))
                      for p in args.paths]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``smm`` console script; returns the exit code."""
    runner.without_iri_grammar()
    args = _parse(argv)
    parser = args.command_parser        # a usage error shows the subcommand's usage
    if hasattr(args, "data_option"):
        if args.data and args.data_option:
            parser.error("give DATA once, as a positional or as --data")
        args.data = args.data or args.data_option
        if not args.data:
            parser.error(f"smm {args.command} needs DATA (a brand folder, file or zip)")
    if args.command == "report":
        _check_report_arguments(parser, args)
    try:
        _expand_user_paths(args)
        with _stopped_cleanly_by_sigterm(), _quality_warnings_said_plainly():
            code = int(args.func(args) or 0)
            sys.stdout.flush()      # a reader gone away is met here, not at exit
            return code
    except BrokenPipeError:
        return _reader_gone()
    except Terminated as exc:
        _say_stopped(args, "SIGTERM", exc)
        return int(exc.code)
    except KeyboardInterrupt as exc:   # Ctrl-C: the same clean stop, told the same way
        _say_stopped(args, "Ctrl-C", exc)
        return 128 + signal.SIGINT
    except SmmError as exc:
        print(f"smm: error: {exc}", file=sys.stderr)
        return 1 if _notebook_failed(exc) else 2


def _notebook_failed(exc: SmmError) -> bool:
    """Whether ``exc`` is a report that ran and failed (a notebook's cell, or a notebook that
    wrote no PDF): exit status 1, as README says, not the 2 of a usage or configuration error
    found before any report runs (a missing data folder, an unknown period). A failed report
    exited with 2, and a scheduled job took the brand's data for the culprit."""
    return isinstance(exc, ReportError) and exc.notebook is not None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

