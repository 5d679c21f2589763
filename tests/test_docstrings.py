"""The public API's docstrings keep their numpydoc sections (STYLE.md §3).

A new contributor reads ``help(smm.load)`` before the code: twenty exported functions had
described their arguments in prose only, or not at all, and nothing caught it. These tests
fail as soon as an exported function or class loses (or is added without) the sections.
"""

from __future__ import annotations

import inspect
import re

import pytest

import smmanalytics as smm

#: exported classes that need no Parameters section, and why
EXEMPT = {
    # STYLE.md §4: every error class has a one-line docstring; the package raises them, a user
    # catches them, and their keywords (file, line, column, expected, got) are documented once,
    # in smmanalytics.errors
    **dict.fromkeys(
        ["SmmError", "ParseError", "UnknownFormatError", "SchemaError", "BrandTimezoneError",
         "BrandCurrencyError", "BrandKeyError", "ConfigError", "UnknownPlatformError",
         "PeriodError", "ArgumentError", "ArgumentTypeError", "EmptyDataError", "ReportError",
         "OutputError"],
        "an error class (STYLE.md §4: a one-line docstring)"),
    "DataQualityWarning": "a warning category, issued by the package and never constructed "
                          "by a user",
    "CacheWarning": "a warning category, issued by the package and never constructed by a user",
}


def _section(doc: str, name: str) -> bool:
    """Whether ``doc`` has the numpydoc section ``name`` (its title underlined by dashes)."""
    return re.search(rf"^{name}\n-{{{len(name)}}}$", doc, re.M) is not None


def _exported(kind) -> list[str]:
    return [n for n in smm.__all__ if kind(getattr(smm, n))]


def _returns_something(func) -> bool:
    """A function returns something unless annotated ``-> None`` (the annotations are
    strings: the modules use ``from __future__ import annotations``)."""
    return inspect.signature(func).return_annotation not in (None, "None")


def test_exempt_names_are_exported():
    # a name renamed or removed from __all__ must leave the list too, not silently exempt
    assert set(EXEMPT) <= set(smm.__all__)


@pytest.mark.parametrize("name", _exported(inspect.isfunction))
def test_public_function_has_parameters_and_returns(name):
    func = getattr(smm, name)
    doc = inspect.getdoc(func) or ""
    missing = []
    if inspect.signature(func).parameters and not _section(doc, "Parameters"):
        missing.append("Parameters")
    if _returns_something(func) and not _section(doc, "Returns"):
        missing.append("Returns")
    assert not missing, f"smm.{name}'s docstring lacks the section(s) {', '.join(missing)}"


@pytest.mark.parametrize("name", [n for n in _exported(inspect.isclass) if n not in EXEMPT])
def test_public_class_documents_its_fields(name):
    # numpydoc documents a dataclass's fields (its constructor's parameters) under Attributes
    doc = inspect.getdoc(getattr(smm, name)) or ""
    assert _section(doc, "Parameters") or _section(doc, "Attributes"), (
        f"smm.{name}'s docstring lacks a Parameters or Attributes section")


def test_every_exported_function_and_class_has_a_docstring():
    names = _exported(inspect.isfunction) + _exported(inspect.isclass)
    assert [n for n in names if not inspect.getdoc(getattr(smm, n))] == []


def test_the_section_check_reads_numpydoc_titles_only():
    # the word in prose ("Returns the Figure") is no section: plot_alerts' docstring read so
    assert not _section("Returns the Figure (None when no alert).", "Returns")
    assert _section("Summary.\n\nReturns\n-------\nFigure", "Returns")
    assert not _section("Returns\n---", "Returns")              # an underline too short
