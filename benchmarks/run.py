"""Run every benchmarks/bench_*.py (each has ``run() -> list[Row]``), print the table and
write it into benchmarks/README.md between the RESULTS markers.

    python benchmarks/run.py [name ...]      # e.g. python benchmarks/run.py timing report
"""

from __future__ import annotations

import importlib.util
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(names: list[str]) -> int:
    rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        if names and path.stem.removeprefix("bench_") not in names:
            continue
        print(f"running {path.name} …", flush=True)
        rows.extend(_load(path).run())
    lines = ["| benchmark | value | floor | ratio | target | ok | note |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.benchmark} | {r.value:.3g} {r.unit} | {r.floor:.3g} {r.unit} | "
                     f"{r.ratio:.2f}× | ≤ {r.target:g}× | {'yes' if r.ok else 'NO'} | {r.note} |")
    table = "\n".join(lines)
    print(table)
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- RESULTS -->", "<!-- /RESULTS -->"
    if not names and start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        machine = f"_{platform.machine()}, {platform.python_version()}, 2 cores_"
        readme.write_text(f"{head}{start}\n{machine}\n\n{table}\n{end}{tail}", encoding="utf-8")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
