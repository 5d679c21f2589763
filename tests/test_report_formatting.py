from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from smmanalytics.report.formatting import Formatter


@pytest.mark.parametrize("lang,number,percent,money,month", [
    ("en", "12,345.7", "3.45%", "€1,235", "October 2026"),
    ("fr", "12\u202f345,7", "3,45\u00a0%", "1\u202f235\u00a0€", "octobre 2026"),
    ("it", "12.345,7", "3,45%", "1.235\u00a0€", "ottobre 2026"),
])
def test_formats_follow_the_language(lang, number, percent, money, month):
    f = Formatter(lang, "EUR")
    assert f.number(12345.678, 1) == number
    assert f.percent(0.0345) == percent
    assert f.money(1234.6) == money
    assert f.month(dt.date(2026, 10, 1)) == month


def test_missing_values_print_a_dash():
    f = Formatter("fr")
    assert f.number(pd.NA) == f.percent(float("nan")) == f.money(None) == "–"


def test_points_are_signed():
    assert Formatter("en").points(0.001) == "+0.10 pp"
    assert Formatter("fr").points(-0.0012) == "−0,12 pp"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="de"):
        Formatter("de")
