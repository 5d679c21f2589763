"""Run benchmarks/bench_*.py (each has ``run() -> list[Row]``), print their table, keep each
one's rows in benchmarks/results/<name>.json and write the table of every kept result into
benchmarks/README.md between the RESULTS markers (so running one benchmark updates its rows).

    python benchmarks/run.py [name ...]      # e.g. python benchmarks/run.py timing report
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import sys
import time
from pathlib import Path

# first, as in the `smm` command and the notebooks: importing the package before anything loads
# pyarrow sets pyarrow's allocator to commit memory on demand (smmanalytics/_allocator.py);
# the benchmarks' floors run in this same process, with the same allocator
import smmanalytics  # noqa: F401

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
MACHINE = f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores"
sys.path.insert(0, str(HERE))


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _table(rows: list[dict]) -> str:
    lines = ["| benchmark | value | floor | ratio | target | ok | note |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        u = r["unit"]
        lines.append(f"| {r['benchmark']} | {r['value']:.3g} {u} | {r['floor']:.3g} {u} | "
                     f"{r['ratio']:.2f}× | ≤ {r['target']:.3g}× | "
                     f"{'yes' if r['ok'] else 'NO'} | {r['note']} |")
    return "\n".join(lines)


def main(names: list[str]) -> int:
    """Run the named benchmarks (all when none), keep each one's rows in results/<name>.json,
    and write the table of every kept result into README.md. A name no benchmark has is
    refused (exit 2), naming the known ones, before anything runs or is written: a mistyped
    name ran nothing, rewrote README.md's results and exited 0."""
    known = {path.stem.removeprefix("bench_"): path for path in sorted(HERE.glob("bench_*.py"))}
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"run.py: error: no benchmark named {', '.join(unknown)}; expected one of "
              f"{', '.join(known)}", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    rows = []
    for name, path in known.items():
        if names and name not in names:
            continue
        print(f"running {path.name} …", flush=True)
        got = [r.as_dict() for r in _load(path).run()]
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        (RESULTS / f"{name}.json").write_text(json.dumps(
            {"measured": stamp, "machine": MACHINE, "rows": got}, indent=1), encoding="utf-8")
        rows.extend(got)
    print(_table(rows))
    kept, all_rows = [], []
    for f in sorted(RESULTS.glob("*.json")):
        res = json.loads(f.read_text(encoding="utf-8"))
        kept.append(f"- `bench_{f.stem}.py`: measured {res['measured']} ({res['machine']})")
        all_rows.extend(res["rows"])
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- RESULTS -->", "<!-- /RESULTS -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        body = "\n".join(kept) + "\n\n" + _table(all_rows)
        readme.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
