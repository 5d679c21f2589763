"""Benchmarks of loading exports (``smm.load``), on inputs generated in a temp folder.

- a 1-million-row Facebook post export (``_gen.py``: the columns and quirks of a real one)
  loaded with the cache off, against pyarrow's raw parse of the same file (every column
  inferred, quoted line breaks allowed): target at most 2×;
- peak memory of that load in a fresh interpreter (RSS growth) against the final posts frame's
  size (``memory_usage(deep=True)``): target at most 3×;
- reloading it unchanged through the cache of parsed exports against the first (cache-filling)
  load: target at most 0.1×; the same on the sample brand's folder (data/sample/maison-seve);
- a folder of 500 small exports (40 posts each) against 500 loads of one of them: the per-file
  overhead of a folder (target at most 1.2×), then its cached reload (at most 0.1×); the same
  per-file overhead for 100 months of X content exports (30 posts) and of LinkedIn content
  workbooks (8 posts), the two kinds that cost most per file (each row's note: ms per file).

Every time is the best of ``REPEAT`` runs; the 1M-row load and its floor run in turns, best of
``REPEAT + 1``, with the CPU time (user, system) of those runs in the row's note.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from _gen import write_linkedin_posts, write_meta_posts, write_x_content
from _harness import Row, best_time, best_times_with_cpu, peak_rss_mb, scratch_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "maison-seve"
N_ROWS = 1_000_000
N_FILES = 500
#: the X and LinkedIn folders' files: 100 months of one brand (~45 s of CPU for both)
N_OTHER = 100
REPEAT = 2


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _raw_parse(path: Path):
    import pyarrow.csv as pacsv

    return pacsv.read_csv(path, parse_options=pacsv.ParseOptions(newlines_in_values=True))


def _big(tmp: Path) -> list[Row]:
    import smmanalytics as smm

    f = write_meta_posts(tmp / "facebook_posts_2020-01-01_2025-12-31_2026-01-02.csv", N_ROWS)
    (floor, f_user, f_sys), (value, v_user, v_sys) = best_times_with_cpu(
        [lambda: _raw_parse(f), lambda: smm.load(f, cache=False)], REPEAT + 1)
    rows = [Row(f"load a {N_ROWS:,}-row Meta post export", value, floor, 2.0, "s",
                f"floor = pyarrow.csv.read_csv of the file ({f.stat().st_size / 1e6:.0f} MB); "
                f"cache off; CPU user/system: load {v_user:.2f}/{v_sys:.2f} s, floor "
                f"{f_user:.2f}/{f_sys:.2f} s (user ratio {v_user / f_user:.2f}×)")]
    src = str(ROOT / "src")
    mem = peak_rss_mb(f"import sys; sys.path.insert(0, {src!r}); import smmanalytics as smm",
                      f"ds = smm.load({str(f)!r}, cache=False); "
                      "result_mb = ds.posts.memory_usage(deep=True).sum() / 2**20")
    rows.append(Row("peak memory of that load", mem["peak_mb"], mem["result_mb"], 3.0, "MB",
                    "floor = the posts frame (deep); RSS growth in a fresh interpreter"))
    os.environ["SMM_CACHE_DIR"] = str(tmp / "cache-big")
    first = _timed(lambda: smm.load(f))
    again = best_time(lambda: smm.load(f), REPEAT)
    rows.append(Row("reload that export unchanged (cache)", again, first, 0.1, "s",
                    "floor = the first load, which fills the cache"))
    f.unlink()
    return rows


def _sample() -> list[Row]:
    import smmanalytics as smm

    first = _timed(lambda: smm.load(SAMPLE))
    again = best_time(lambda: smm.load(SAMPLE), REPEAT)
    n = sum(1 for p in SAMPLE.rglob("*") if p.is_file())
    return [Row("reload the sample brand's folder (cache)", again, first, 0.1, "s",
                f"{n} files; floor = the first load, which fills the cache")]


def _small_folder(d: Path, label: str) -> Row:
    """The load of the folder ``d`` of small exports against one of them loaded alone × their
    number (the per-file overhead of a folder); the note gives the absolute cost per file."""
    import smmanalytics as smm

    n = len(os.listdir(d))
    one = d / sorted(os.listdir(d))[0]
    floor = best_time(lambda: smm.load(one, cache=False), REPEAT * 3) * n
    value = best_time(lambda: smm.load(d, cache=False), REPEAT)
    return Row(label, value, floor, 1.2, "s", f"{value / n * 1e3:.1f} ms per file; floor = one "
               f"file's load × {n}; cache off")


def _many(tmp: Path) -> list[Row]:
    import smmanalytics as smm

    d = tmp / "many"
    d.mkdir()
    for i in range(N_FILES):
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        write_meta_posts(d / f"facebook_posts_{i:03d}_{day}.csv", 40, seed=i)
    rows = [_small_folder(d, f"a folder of {N_FILES} small exports")]
    for kind, write, posts in (("X", write_x_content, 30), ("LinkedIn", write_linkedin_posts, 8)):
        k = tmp / f"many-{kind}"
        k.mkdir()
        ext = "csv" if kind == "X" else "xlsx"
        for i in range(N_OTHER):   # one a month, as an agency's brand has them
            write(k / f"{kind.lower()}_content_{i:03d}.{ext}", posts, month=i, seed=i)
        rows.append(_small_folder(k, f"a folder of {N_OTHER} small {kind} exports"))
    os.environ["SMM_CACHE_DIR"] = str(tmp / "cache-many")
    first = _timed(lambda: smm.load(d))
    again = best_time(lambda: smm.load(d), REPEAT)
    rows.append(Row(f"reload the {N_FILES} exports unchanged (cache)", again, first, 0.1, "s",
                    "floor = the first load, which fills the cache"))
    return rows


def run() -> list[Row]:
    with scratch_dir("smm-bench-load-") as tmp:
        rows = _big(tmp)
        os.environ["SMM_CACHE_DIR"] = str(tmp / "cache-sample")
        rows += _sample()
        rows += _many(tmp)
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for r in run():
        print(r.as_dict())
