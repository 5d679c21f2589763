"""Helpers shared by the tests of several modules."""

from __future__ import annotations


def _codes(df):
    return {q["code"] for q in df.attrs["quality"]}


def _grouped(cents: int, mark: str) -> str:
    """``cents`` as a spreadsheet writes money with ``mark`` as its decimal mark: thousands
    grouped by three with the other mark (1234567 cents, ',': '12.345,67')."""
    whole = f"{cents // 100:,}"
    if mark == ",":
        whole = whole.replace(",", ".")
    return f"{whole}{mark}{cents % 100:02d}"
