"""Packaging: environment.yml mirrors pyproject.toml; notebooks are committed clean."""

from __future__ import annotations

import ast
import json
import os
import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "maison-seve"
# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}


def _split(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*(.*)$", req)
    name = re.sub(r"\[.*\]", "", m[1]).lower().replace("_", "-")
    return name, m[2].split("#")[0].strip().replace(" ", "")


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_split(r) for r in project["dependencies"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    got = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip = [d for d in dep["pip"] if not d.startswith("-e ")]
            got.update(_split(d) for d in pip)
            continue
        name, spec = _split(dep)
        if name in ("python", "pip"):
            continue
        got[CONDA_TO_PYPI.get(name, name)] = spec
    assert got == wanted


def test_environment_yml_installs_the_extras_make_install_installs():
    """A conda env had no pytest, hypothesis or ruff: it could not run the suite. Its pip
    section installs the package with the Makefile's extras, so the list of test and dev
    tools stays pyproject.toml's alone."""
    makefile = (ROOT / "Makefile").read_text()
    extras = re.search(r"pip install --quiet -e '\.\[([a-z,]+)\]'", makefile)[1]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(dep["pip"] for dep in env["dependencies"] if isinstance(dep, dict))
    assert f"-e .[{extras}]" in pip
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    wanted = {_split(r)[0] for extra in extras.split(",") for r in optional[extra]}
    assert {"pytest", "hypothesis", "pytest-xdist", "ruff"} <= wanted


def test_python_lower_bound_matches():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]


def test_notebooks_have_parameters_cell_and_no_outputs():
    import papermill as pm

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks
    for nb_path in notebooks:
        nb = json.loads(nb_path.read_text())
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[0]["metadata"].get("tags", []), nb_path.name
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), nb_path.name
        assert pm.inspect_notebook(str(nb_path)), nb_path.name


def test_report_notebooks_write_under_reports_by_default():
    """Run as they are in JupyterLab, the report notebooks write their PDF (and the calendars
    beside it) under reports/, which git ignores, not among the notebooks."""
    import ast

    import papermill as pm

    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "reports/*" in ignored
    with_out = 0
    for nb_path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        out = pm.inspect_notebook(str(nb_path)).get("out")
        if out is None:
            continue
        with_out += 1
        default = Path(ast.literal_eval(out["default"]))
        assert (nb_path.parent / default).resolve().parent == ROOT / "reports", nb_path.name
    assert with_out == 3


def test_importing_the_package_leaves_plotting_and_models_for_later():
    """``import smmanalytics`` (a notebook's first cell, every ``smm`` command) does not import
    scipy, matplotlib, statsmodels or the report: what uses them imports them. With
    scipy.stats imported up front, the import took 1.1 s instead of 0.5 s."""
    import subprocess
    import sys

    code = ("import sys, smmanalytics; print(' '.join(m for m in ('scipy', 'statsmodels', "
            "'matplotlib', 'seaborn', 'smmanalytics.report') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_smm_plots_is_there_from_the_import_on_and_imports_matplotlib_when_used():
    """``smm.plots`` raised AttributeError after ``import smmanalytics as smm`` until some
    plotting function (``smm.plot_costs``) had imported it: a notebook cell using
    ``smm.plots.plot_audience`` worked or failed with the cells run before it. It is there
    from the import on, in ``dir(smm)`` too, and matplotlib is loaded when it is first used,
    not with the package. Other missing names are still an AttributeError."""
    import subprocess
    import sys

    code = ("import sys, smmanalytics as smm\n"
            "print('matplotlib' in sys.modules, 'plots' in dir(smm))\n"
            "print(smm.plots.plot_audience.__module__, 'matplotlib' in sys.modules)\n"
            "print(hasattr(smm, 'nosuch'), smm.plots is sys.modules['smmanalytics.plots'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.stdout.split("\n")[:3] == ["False True", "smmanalytics.plots True",
                                          "False True"]


def test_the_report_leaves_the_statistics_libraries_to_the_sections_that_use_them():
    """A report kernel's first cell (``from smmanalytics.report import BrandReport``) does not
    import seaborn, scipy or statsmodels. seaborn, imported for the house style's two dicts,
    brought scipy.stats in: 1.3 of the cell's 2.7 s on the sample's report, all of it before
    the copy that builds best times and alerts was forked."""
    import subprocess
    import sys

    code = ("import sys; from smmanalytics.report import BrandReport; print(' '.join(m for m "
            "in ('scipy', 'statsmodels', 'seaborn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.stdout.strip() == ""


def test_the_report_compares_periods_without_statsmodels():
    """The report's period comparison prints the bootstrap interval only, so it fits no model
    (``compare(..., model=False)``): statsmodels' import took 1.5 s of the kernel's time for
    five fits of 60 ms whose intervals no report showed."""
    import subprocess
    import sys

    code = ("import sys, smmanalytics as smm; from smmanalytics.report import BrandReport; "
            f"ds = smm.load({str(SAMPLE)!r}); BrandReport(ds, '2026-10').compare(); "
            "print('statsmodels' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("preset,expected", [(None, "0"), ("2", "2")])
def test_mimalloc_commits_on_demand_unless_the_user_says_otherwise(preset, expected):
    """pyarrow's mimalloc committed its 1 GiB arenas eagerly: a fresh `smm` process's first
    load of a 318 MB export took 12-15 s instead of 2.7-3.5 s (see smmanalytics._allocator).
    The package sets commit on demand before pyarrow loads; the user's own value is kept."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "MIMALLOC_ARENA_EAGER_COMMIT"}
    if preset is not None:
        env["MIMALLOC_ARENA_EAGER_COMMIT"] = preset
    code = ("import os, sys\n"
            "class Watch:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pyarrow':    # mimalloc reads its options as pyarrow loads\n"
            "            print('pyarrow', os.environ.get('MIMALLOC_ARENA_EAGER_COMMIT'))\n"
            "sys.meta_path.insert(0, Watch())\n"
            "import smmanalytics\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.splitlines()[0] == f"pyarrow {expected}"


def test_committed_notebooks_are_what_the_generator_writes():
    """smmanalytics.notebooks is the notebooks' source (tools/make_notebooks.py writes them to
    notebooks/): a cell edited in the .ipynb only would be undone the next time someone
    regenerates them, and an installed package, which runs the package's, would not have it."""
    from smmanalytics.notebooks import NOTEBOOKS, file_text

    assert sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")) == sorted(NOTEBOOKS)
    for name in NOTEBOOKS:
        committed = (ROOT / "notebooks" / name).read_text(encoding="utf-8")
        assert file_text(name) == committed, name


#: the str methods whose pattern is a regular expression (``contains`` unless regex=False,
#: ``replace`` and ``split`` when regex=True)
_ALWAYS_REGEX = {"match", "fullmatch", "extract", "extractall", "findall", "count"}


def _module_strings(tree: ast.Module, known: dict[str, str]) -> dict[str, str]:
    """The module-level names of ``tree`` bound to a string (or a sum of strings and names of
    ``known``, the other modules' strings)."""
    found: dict[str, str] = {}

    def value(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return found.get(node.id, known.get(node.id))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = value(node.left), value(node.right)
            return None if left is None or right is None else left + right
        return None

    for node in tree.body:
        if isinstance(node, ast.Assign) and (v := value(node.value)) is not None:
            found.update((t.id, v) for t in node.targets if isinstance(t, ast.Name))
    found["__value__"] = value      # type: ignore[assignment]  # the resolver, for the calls
    return found


def _regex_patterns() -> list[tuple[str, int, str]]:
    """(file, line, pattern) of every regular expression the package hands to a Series' str
    method or to a pyarrow.compute ``*_regex`` function, where it is a string written in the
    code (a literal, a module constant, a sum of them)."""
    package = ROOT / "src" / "smmanalytics"
    trees = {f: ast.parse(f.read_text(encoding="utf-8")) for f in sorted(package.rglob("*.py"))}
    known: dict[str, str] = {}
    for tree in trees.values():         # imported constants: by name, from any module
        known.update({k: v for k, v in _module_strings(tree, {}).items() if k != "__value__"})
    patterns = []
    for f, tree in trees.items():
        value = _module_strings(tree, known)["__value__"]
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            regex = keywords.get("regex")
            regex = regex.value if isinstance(regex, ast.Constant) else regex is not None
            method = node.func.attr
            if isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "str":
                if not (method in _ALWAYS_REGEX or (method == "contains" and regex is not False)
                        or (method in ("replace", "split") and regex)):
                    continue
                pattern = node.args[0] if node.args else keywords.get("pat")
            elif method.endswith("_regex") and "pattern" in keywords:
                pattern = keywords["pattern"]
            else:
                continue
            if pattern is not None and (text := value(pattern)) is not None:
                patterns.append((str(f.relative_to(package)), node.lineno, text))
    return patterns


def test_the_str_methods_patterns_compile_under_re2():
    """pandas 3.0's str methods hand a pattern to Arrow's RE2, which refuses what Python's re
    takes and RE2 does not (``\\u00a0`` in a raw string: "invalid escape sequence: \\u"):
    every export with numbers or dates failed to load, 823 of the sample's 1475 posts. Each
    pattern written in the package compiles under RE2, so pandas>=3.0 holds."""
    import pyarrow as pa
    import pyarrow.compute as pc

    patterns = _regex_patterns()
    assert len(patterns) > 40, "the scan no longer finds the loaders' patterns"
    refused = []
    for file, line, pattern in patterns:
        try:
            pc.count_substring_regex(pa.array([""]), pattern=pattern)
        except pa.ArrowInvalid as exc:
            refused.append(f"{file}:{line} {pattern!r}: {exc}")
    assert refused == []


#: dependency → (the oldest version the code works with, what needs it); each was found by
#: running the sample's load and report on the version before, which failed
NEEDED = {
    # pyarrow 24: every load failed; sort_indices takes a null placement per key from 25 on
    # (_merge._sort_order), and the one placement for every key is deprecated there
    "pyarrow": ("25", "pc.sort_indices(sort_keys=[(name, order, null_placement)])"),
    # typst 0.14: compile takes no timestamp (the PDF's fixed creation time, builder.py)
    "typst": ("0.15", "typst.compile(timestamp=...)"),
    # pandas 3.0.6 loads the sample as 3.1 does (1475 posts) once the patterns suit RE2
    "pandas": ("3.0", "the str methods' patterns compile under RE2 (test above)"),
}


@pytest.mark.parametrize("name", sorted(NEEDED))
def test_lower_bounds_are_what_the_code_needs(name):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = dict(_split(r) for r in project["dependencies"])
    version, needed_for = NEEDED[name]
    assert declared[name] == f">={version}", needed_for


def test_pyarrow_sorts_with_a_null_placement_per_key():
    """What pyarrow>=25 is declared for: _merge._sort_order's three-element sort keys."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pa.table({"0": pa.array([2, None, 1])})
    order = pc.sort_indices(table, sort_keys=[("0", "ascending", "at_end")])
    assert order.to_pylist() == [2, 0, 1]       # 1, 2, then the null


def test_the_sdist_holds_what_the_tests_read():
    """Without MANIFEST.in, the sdist held the package and the tests' .py files only (145
    files): no conftest.py, fixtures, sample brand, notebooks or environment.yml, so its own
    tests failed. Building it and running tests from the extracted tree is slow; this checks
    MANIFEST.in still names what they read."""
    rules = [line.split() for line in (ROOT / "MANIFEST.in").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    grafted = {words[1] for words in rules if words[0] == "graft"}
    included = {name for words in rules if words[0] == "include" for name in words[1:]}
    assert {"tests", "data", "notebooks", "tools", "benchmarks"} <= grafted
    assert {"Makefile", "environment.yml", ".gitignore"} <= included
