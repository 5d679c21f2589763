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


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smm", description="Social media analytics from exports.")
    sub = p.add_subparsers(dest="command", required=True)
    # --- subcommands are registered below, one block per command ---
    _register_timing(sub)
    return p


# --- best-times and calendar (timing) ---------------------------------------------------------

def _timing_args(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("data", help="exports folder, file or zip")
    sp.add_argument("--tz", help="audience IANA time zone (default: brand.yaml timezone)")
    sp.add_argument("--platform", help="analyse one platform (default: all, pooled)")
    sp.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def _register_timing(sub) -> None:
    bt = sub.add_parser("best-times", help="best posting times, with honest uncertainty")
    _timing_args(bt)
    bt.add_argument("--json", action="store_true", help="print the full result as JSON")
    bt.set_defaults(func=_cmd_best_times)
    cal = sub.add_parser("calendar", help="write the recommended slots as an .ics calendar")
    _timing_args(cal)
    cal.add_argument("--weeks", type=int, default=4, help="weeks to plan (default 4)")
    cal.add_argument("--posts-per-week", type=int, required=True, help="posts per week")
    cal.add_argument("--start", help="first day of the plan (default: next Monday)")
    cal.add_argument("--out", required=True, help="output .ics path")
    cal.set_defaults(func=_cmd_calendar)


def _best_times_from_args(args):
    from . import dataset
    from .timing import best_times

    ds = dataset.load(args.data)
    tz = args.tz or ds.brand.timezone
    return ds, tz, best_times(ds.posts, tz, args.platform, daily=ds.daily, seed=args.seed)


def _cmd_best_times(args) -> int:
    _, _, bt = _best_times_from_args(args)
    if args.json:
        print(json.dumps(bt.to_dict(), ensure_ascii=False, indent=2, default=str,
                         allow_nan=False))
        return 0
    print(bt.summary)
    excluded = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in bt.n_excluded.items() if v)
    print(f"{bt.n_used} posts in the hour analysis; left out: {excluded or 'none'}; "
          f"exposure: {bt.method['exposure']}")
    if len(bt.recommended):
        print("\nRecommended slots (lift vs the account's average, shrunk):")
        _print_frame(bt.recommended, False)
    elif bt.activity is not None:
        print("\nAudience schedule (followers online), busiest first:")
        _print_frame(bt.activity.sort_values("online_followers", ascending=False).head(10),
                     False)
    print("\nBy weekday:")
    _print_frame(bt.by_weekday, False)
    return 0


def _cmd_calendar(args) -> int:
    from .calendar import plan_slots, write_ics

    ds, tz, bt = _best_times_from_args(args)
    if args.start:
        start = pd.Timestamp(args.start)
    else:
        today = pd.Timestamp.now(tz=tz).tz_localize(None).normalize()
        start = today + pd.Timedelta(days=7 - today.weekday())
    plan = plan_slots(bt, start, args.weeks, args.posts_per_week, tz)
    path = write_ics(plan, args.out, brand_name=ds.brand.name)
    print(bt.summary)
    print(f"wrote {len(plan)} slots ({plan.attrs['basis']}) to {path}")
    return 0


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
