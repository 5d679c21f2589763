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


def _cmd_sample(args: argparse.Namespace) -> int:
    from .sample import write

    paths = write(args.out, seed=args.seed)
    total = sum(p.stat().st_size for p in paths)
    for p in paths:
        print(p)
    print(f"{len(paths)} files, {total / 1e6:.2f} MB, seed {args.seed}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smm", description="Social media analytics from exports.")
    sub = p.add_subparsers(dest="command", required=True)
    # --- subcommands are registered below, one block per command ---
    # sample
    ps = sub.add_parser("sample", help="write the Maison Sève sample exports (synthetic brand)")
    ps.add_argument("--out", required=True, help="output folder (created if missing)")
    ps.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    ps.set_defaults(func=_cmd_sample)
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
