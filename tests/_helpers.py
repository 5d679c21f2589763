"""Helpers shared by the tests of several modules."""

from __future__ import annotations


def _codes(df):
    return {q["code"] for q in df.attrs["quality"]}
