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


def _cmd_roi(args: argparse.Namespace) -> int:
    from . import dataset
    from .roi import roi

    ds = dataset.load(args.data)
    out = roi(ds, args.period, by=args.by, value_per_key_event=args.value_per_key_event)
    _print_frame(out if args.json else out.round(3), args.json)
    return 0


def _cmd_scorecard(args: argparse.Namespace) -> int:
    from . import dataset
    from .goals import scorecard, scorecard_display

    ds = dataset.load(args.data)
    sc = scorecard(ds, args.period, asof=args.asof)
    _print_frame(sc if args.json else scorecard_display(sc).round(3), args.json)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smm", description="Social media analytics from exports.")
    sub = p.add_subparsers(dest="command", required=True)
    # --- subcommands are registered below, one block per command ---
    # roi / scorecard (roi.py, goals.py)
    r = sub.add_parser("roi", help="cost, attributed value, ROI, ROAS, CPA, CPC, CPM")
    r.add_argument("--data", required=True, help="brand folder, file or zip of exports")
    r.add_argument("--period", required=True, help="2026-10, 2026-Q3 or 2026-10-01..2026-10-15")
    r.add_argument("--by", choices=("campaign", "platform"), default=None)
    r.add_argument("--value-per-key-event", type=float, default=None,
                   help="override goals.yaml's value_per_key_event")
    r.add_argument("--json", action="store_true", help="JSON records instead of a table")
    r.set_defaults(func=_cmd_roi)
    s = sub.add_parser("scorecard", help="goals against actuals, status, pace and projection")
    s.add_argument("--data", required=True, help="brand folder, file or zip of exports")
    s.add_argument("--period", required=True, help="2026-10 or 2026-Q3")
    s.add_argument("--asof", default=None, help="last day with data (default: today or data end)")
    s.add_argument("--json", action="store_true", help="JSON records instead of a table")
    s.set_defaults(func=_cmd_scorecard)
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
