"""The ``smm`` command. Only this module prints.

Each subcommand is a ``_cmd_<name>(args)`` function registered in ``_parser()``.
"""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from .errors import SmmError

__all__ = ["main"]


def _print_frame(df: pd.DataFrame, as_json: bool) -> None:
    if as_json:
        print(df.to_json(orient="records", date_format="iso", force_ascii=False, indent=2))
    else:
        with pd.option_context("display.max_rows", 500, "display.width", 160,
                               "display.max_columns", 40):
            print(df.to_string(index=False))


def _cmd_inspect(args: argparse.Namespace) -> int:
    """Print what each export file is (platform, format, locale, rows, dates, zone, warnings)."""
    from .loaders import inspect_files

    df = inspect_files(args.paths)
    if args.json:
        _print_frame(df, True)
        return 0
    for rec in df.to_dict("records"):
        print(rec["file"])
        if rec["status"] != "ok":
            print(f"  status:    {rec['status']}")
        else:
            print(f"  platform:  {rec['platform']}  format: {rec['format']}  "
                  f"kind: {rec['kind']}  locale: {rec['locale']}")
            print(f"  rows:      {rec['rows']}  dates: {rec['date_from']} .. {rec['date_to']}")
            print(f"  time zone: {rec['time_zone']}")
        if isinstance(rec["warnings"], str) and rec["warnings"]:
            print(f"  warnings:  {rec['warnings']}")
    return 0 if (df["status"] == "ok").any() or df.empty else 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smm", description="Social media analytics from exports.")
    sub = p.add_subparsers(dest="command", required=True)
    # --- subcommands are registered below, one block per command ---
    # inspect (loaders)
    p_inspect = sub.add_parser("inspect", help="show what each export file is and how it reads")
    p_inspect.add_argument("paths", nargs="+", help="export files, zips or folders")
    p_inspect.add_argument("--json", action="store_true", help="print JSON records")
    p_inspect.set_defaults(func=_cmd_inspect)
    del sub
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``smm`` console script; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SmmError as exc:
        print(f"smm: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


_ = json  # used by subcommands with --json
