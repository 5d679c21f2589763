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


def _cmd_alerts(args: argparse.Namespace) -> int:
    from . import dataset as _dataset
    from .alerts import alerts as _alerts  # the package attribute `alerts` is the function

    ds = _dataset.load(args.data)
    _print_frame(_alerts(ds, period=args.period), args.json)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smm", description="Social media analytics from exports.")
    sub = p.add_subparsers(dest="command", required=True)
    # --- subcommands are registered below, one block per command ---
    # alerts
    a = sub.add_parser("alerts", help="reputation/crisis alerts from the exports' daily signals")
    a.add_argument("data", help="folder, file or zip of exports")
    a.add_argument("--period", default=None, help="YYYY-MM or YYYY (default: all days)")
    a.add_argument("--json", action="store_true", help="print JSON records")
    a.set_defaults(func=_cmd_alerts)
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
