"""Costs, ROI, ROAS, CPA and the cost breakdown."""

import datetime as dt
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics._web import UNASSIGNED
from smmanalytics.errors import ArgumentError, ConfigError
from smmanalytics.loaders import read_file
from smmanalytics.report.formatting import Formatter
from smmanalytics.roi import (
    COST_COLORS,
    NOTE_CODES,
    campaign_names,
    campaign_roi,
    cost_breakdown,
    costs_status,
    earned_media_value,
    plot_costs,
    prorate_costs,
    read_costs,
    roi,
)

from ._helpers import _grouped
from ._roi_builders import HEADER, costs_file, dataset, posts, web

#: the sample brands, found from this file: a path relative to the working directory failed
#: when pytest ran from another folder
_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


@pytest.fixture(scope="module")
def sample(sample_loaded):
    """The sample brand Maison Sève, for the tests that only read it: conftest's
    ``sample_loaded``, loaded once a session (a Dataset is never changed in place), where
    this module loaded its own again (a load is 6 s of CPU, 2.3 s through the run's cache
    when another module of the worker had loaded it); a test that edits it loads its own copy
    (:func:`_sample_with`)."""
    return sample_loaded


def _web_month(revenue, key_events=None, campaign="(not set)", source="instagram",
               medium="social", group="Organic Social", start="2026-10-01", end="2026-10-31"):
    return {"period_start": start, "period_end": end, "channel_group": group, "source": source,
            "medium": medium, "campaign": campaign, "sessions": 100.0,
            "key_events": key_events, "revenue": revenue, "currency": "EUR"}


# ------------------------------------------------------------------ read_costs
def test_read_costs_labor_hours_times_rate(tmp_path):
    path = costs_file(tmp_path, "2026-10-01,2026-10-31,labor,,,,,20,35.5,community\n")
    c = read_costs(path)
    # 20 h × 35.5 = 710
    assert c.loc[0, "amount"] == 710.0
    assert c.loc[0, "days"] == 31 and c.loc[0, "line"] == 2
    assert str(c["start"].dtype) == "datetime64[ns]"


def test_read_costs_month_shorthand_and_empty_end(tmp_path):
    path = costs_file(tmp_path, "2026-10,,tools,30,,,,,,\n2026-10-05,,ad_spend,12.5,,,,,,\n")
    c = read_costs(path)
    assert c.loc[0, "start"] == pd.Timestamp("2026-10-01")
    assert c.loc[0, "end"] == pd.Timestamp("2026-10-31")
    assert c.loc[1, "end"] == pd.Timestamp("2026-10-05") and c.loc[1, "days"] == 1


def test_read_costs_semicolon_decimal_comma(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text("start;end;category;amount\n2026-10-01;2026-10-31;tools;1 234,50\n",
                    encoding="utf-8")
    assert read_costs(path).loc[0, "amount"] == 1234.5


_SEMI = "start;end;category;amount;currency;platform;campaign;hours;hourly_rate;note\n"


def _semicolon_costs(tmp_path, *rows):
    path = tmp_path / "costs.csv"
    path.write_text(_SEMI + "".join(f"2026-10-01;2026-10-31;{r};EUR;;;;;x\n" for r in rows),
                    encoding="utf-8")
    return path


def test_read_costs_semicolon_dot_thousands_without_evidence_is_noted(tmp_path):
    """A ';' file is a French or Italian spreadsheet's: its '1.200' is 1200, never a silent
    1.2 (1000 times less spend), and a warning says so; '12.500,00' and '1 200' as ever."""
    path = _semicolon_costs(tmp_path, "ad_spend;1.200")
    with pytest.warns(smm.DataQualityWarning, match=r"'1\.200' \(line 2, column 'amount'\) "
                      r"was read as thousands \(1200\)") as caught:
        c = read_costs(path)
    assert c["amount"].tolist() == [1200.0]
    assert caught[0].message.code == "decimal_from_delimiter"
    c = read_costs(_semicolon_costs(tmp_path, "ad_spend;12.500,00", "tools;1 200"))
    assert c["amount"].tolist() == [12500.0, 1200.0]


def test_read_costs_cut_off_in_its_last_amount_is_warned(tmp_path):
    """``…,other,180.00,EUR,…`` cut to ``…,other,18`` (no line break after it) read 18: the
    total 1018 instead of 1180, nothing said. The line is kept as read, and warned of."""
    path = tmp_path / "costs.csv"
    path.write_text(HEADER + "2026-10-01,2026-10-31,tools,1000.00,EUR,,,,,x\n"
                    "2026-10-16,2026-10-16,other,18", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="ends inside line 3, on its amount '18'"
                      ) as caught:
        c = read_costs(path)
    assert [w.message.code for w in caught] == ["costs_cut_off"]
    assert c["amount"].tolist() == [1000.0, 18.0]        # 1000 + 18 = 1018, as read


@pytest.mark.parametrize("last", [
    "2026-10-16,2026-10-16,other,180.00,EUR,,,,,x",     # every column: a complete line
    "2026-10-16,2026-10-16,other,180.00,EUR",            # cut after the amount, in currency
    "2026-10-16,2026-10-16,other,180.00,EUR,,,,,x\n",   # with its line break
])
def test_read_costs_ending_without_a_line_break_past_its_amount_is_no_cut(tmp_path, last):
    import warnings

    path = tmp_path / "costs.csv"
    path.write_text(HEADER + last, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", smm.DataQualityWarning)
        assert read_costs(path)["amount"].tolist() == [180.0]


def test_a_cut_off_costs_file_is_noted_by_load(tmp_path):
    import shutil

    brand = tmp_path / "brand"
    brand.mkdir()
    shutil.copy(_SAMPLE / "maison-seve" / "brand.yaml", brand)
    costs_file(brand, "2026-10-01,2026-10-31,tools,1000.00,EUR,,,,,x\n"
               "2026-10-16,2026-10-16,other,18")
    with pytest.warns(smm.DataQualityWarning, match="no export"):   # brand.yaml and costs
        ds = smm.load(brand, cache=False)
    q = ds.quality
    (message,) = q.loc[q["code"] == "costs_cut_off", "message"]
    assert "on its amount '18'" in message
    assert ds.costs["amount"].sum() == 1018.0           # 1000 + 18, kept and noted


def test_read_costs_semicolon_hours_and_rate_dot_thousands(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text(_SEMI + "2026-10-01;2026-10-31;labor;;EUR;;;1.500;2;x\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="column 'hours'"):
        c = read_costs(path)
    assert c.loc[0, "hours"] == 1500.0 and c.loc[0, "amount"] == 3000.0   # 1500 h × 2


@pytest.mark.parametrize("other, expected", [
    ("tools;12,99", [1200.0, 12.99]),     # a decimal comma in the file: '.' between thousands
    ("tools;12.99", [1.2, 12.99]),        # a decimal dot in the file: '1.200' is 1.2
])
def test_read_costs_ambiguous_number_follows_the_file_evidence(tmp_path, other, expected):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", smm.DataQualityWarning)     # evidence: nothing to note
        c = read_costs(_semicolon_costs(tmp_path, "ad_spend;1.200", other))
    assert c["amount"].tolist() == expected


def test_read_costs_ambiguous_number_in_a_file_of_both_decimal_marks_is_refused(tmp_path):
    path = _semicolon_costs(tmp_path, "tools;12.99", "tools;12,99", "ad_spend;1.200")
    with pytest.raises(ConfigError, match=r"line 4, column 'amount'.*'12,99', line 3.*"
                       r"'12\.99', line 2.*got '1\.200'") as err:
        read_costs(path)
    assert err.value.line == 4 and err.value.column == "amount"


def test_read_costs_comma_file_reads_english(tmp_path):
    c = read_costs(costs_file(tmp_path, '2026-10-01,,tools,"1,200",,,,,,\n'
                              "2026-10-02,,tools,1.200,,,,,,\n"))
    assert c["amount"].tolist() == [1200.0, 1.2]


@pytest.mark.parametrize("cell", ["12.99,5", "1.5,00", "1.2345,00", "12.3.456,00"])
def test_read_costs_refuses_thousands_not_in_groups_of_three(tmp_path, cell):
    """'12.99,5' was read 1299.5 (every '.' stripped): a price of 12,99 mistyped, counted a
    hundred times over, without a word; now refused, naming the line and the cell."""
    path = _semicolon_costs(tmp_path, "ad_spend;100,50", f"tools;{cell}")
    with pytest.raises(ConfigError, match=r"line 3, column 'amount': thousands separator "
                       r"misplaced; expected a number like 1\.299,50 or 1299,50") as err:
        read_costs(path)
    assert err.value.line == 3 and err.value.column == "amount" and err.value.got == cell


def test_read_costs_refuses_english_thousands_not_in_groups_of_three(tmp_path):
    path = costs_file(tmp_path, '2026-10-01,,tools,"1,23.50",,,,,,\n')
    with pytest.raises(ConfigError, match=r"line 2, column 'amount'.*1,299\.50 or 1299\.50"):
        read_costs(path)


@pytest.mark.parametrize("cell", ["(1.299,50)", "-1.299,50", "\u22121.299,50", "(1.299,50 €)",
                                  "(1299,50)"])
def test_read_costs_reads_an_accounting_negative_as_a_refund(tmp_path, cell):
    """'(1.299,50)', a spreadsheet's accounting negative, was refused with "thousands
    separator misplaced" (the '(' taken for a digit group), its grouping right; '(1299,50)'
    with "a number such as 1200": both read as '-1.299,50' does, a refund of 1,299.50
    (warned of: test_costs_refund)."""
    path = _semicolon_costs(tmp_path, "ad_spend;100,50", f"tools;{cell}")
    with pytest.warns(smm.DataQualityWarning, match="line 3 \\(tools, -1299.50\\)"):
        costs = read_costs(path)
    assert costs["amount"].tolist() == [100.5, -1299.5]


@pytest.mark.parametrize("cell", ["--5", "-(5)", "(5"])
def test_read_costs_refuses_a_cell_of_two_signs_as_no_number(tmp_path, cell):
    path = _semicolon_costs(tmp_path, f"tools;{cell}")
    with pytest.raises(ConfigError, match="expected a number such as 1200 or 1200.50") as err:
        read_costs(path)
    assert err.value.got == cell


@pytest.mark.parametrize(("cell", "example"), [
    # every space was dropped unchecked: read 12345, 1234, 123.5 and 1234.56
    ("1 2345", "1 299,50 or 1299,50"), ("12 34 €", "1 299,50 or 1299,50"),
    ("1 23,5", "1 299,50 or 1299,50"), ("1\u202f234\u202f56,00", "1\u202f299,50 or 1299,50"),
])
def test_read_costs_refuses_spaces_not_between_groups_of_three(tmp_path, cell, example):
    path = _semicolon_costs(tmp_path, "ad_spend;100,50", f"tools;{cell}")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert str(err.value) == (f"file {path}, line 3, column 'amount': thousands separator "
                              f"misplaced; expected a number like {example}: a thousands "
                              f"separator between groups of three digits, or none; got {cell!r}")


@pytest.mark.parametrize(("cell", "value"), [
    # spaces between groups of three, or around a currency: 12345,5 / 1234567 / 1234,56
    ("12 345,5", 12345.5), ("1\u00a0234\u00a0567", 1234567.0), ("1 234,56 €", 1234.56),
])
def test_read_costs_reads_spaces_between_groups_of_three(tmp_path, cell, value):
    path = _semicolon_costs(tmp_path, "ad_spend;100,50", f"tools;{cell}")
    assert read_costs(path)["amount"].tolist() == [100.5, value]


@settings(max_examples=40, deadline=None)
@given(cents=st.integers(0, 10**11), mark=st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"]),
       data=st.data())
def test_read_costs_spaces_grouping_property(tmp_path_factory, cents, mark, data):
    """An amount grouped by three with a space mark reads as written (cents / 100); the same
    with a mark put between two digits inside a group is refused."""
    grouped = f"{cents // 100:,}".replace(",", mark)
    path = tmp_path_factory.mktemp("spaced") / "costs.csv"
    path.write_text(f"start;category;amount\n2026-10-01;tools;{grouped},{cents % 100:02d}\n",
                    encoding="utf-8")
    assert read_costs(path).loc[0, "amount"] == pytest.approx(cents / 100, abs=1e-9)
    inside = [i for i in range(1, len(grouped)) if grouped[i - 1:i + 1].isdigit()]
    if inside:
        at = data.draw(st.sampled_from(inside))
        path.write_text(f"start;category;amount\n2026-10-01;tools;{grouped[:at]}{mark}"
                        f"{grouped[at:]},50\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="thousands separator misplaced") as err:
            read_costs(path)
        assert (err.value.line, err.value.column) == (2, "amount")


@pytest.mark.parametrize(("column", "cell"), [
    # float() read these, undocumented: 1_000 and 1e3 as 1000, '١٢' (Arabic-Indic digits) as 12
    ("amount", "1_000"), ("amount", "1e3"), ("amount", "1E3"), ("amount", "\u0661\u0662"),
    ("hours", "1e1"),
    # refused before too, but 'Infinity' as "currencies in a number cell" and 'nan' in hours
    # as "hours, without a currency": their letters read as currency codes
    ("amount", "inf"), ("amount", "-inf"), ("amount", "nan"), ("amount", "Infinity"),
    ("hours", "nan"), ("hourly_rate", "inf"),
])
def test_read_costs_reads_only_the_documented_numbers(tmp_path, column, cell):
    cells = {"amount": "", "hours": "2", "hourly_rate": "30"} | {column: cell}
    path = costs_file(tmp_path, f"2026-10-01,,tools,{cells['amount']},,,,{cells['hours']},"
                                f"{cells['hourly_rate']},\n")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert str(err.value) == (f"file {path}, line 2, column {column!r}: invalid value; "
                              f"expected a number such as 1200 or 1200.50; got {cell!r}")


@pytest.mark.parametrize(("cell", "value"), [
    ("1200", 1200.0), ("1200.50", 1200.5), ('"1,200.50"', 1200.5), ("1 200", 1200.0),
    ("$1200", 1200.0), ("12.", 12.0), (".5", 0.5),
])
def test_read_costs_still_reads_the_documented_numbers(tmp_path, cell, value):
    path = costs_file(tmp_path, f"2026-10-01,,tools,{cell},,,,,,\n")
    assert read_costs(path).loc[0, "amount"] == value


@settings(max_examples=40, deadline=None)
@given(cents=st.integers(0, 10**11), mark=st.sampled_from([",", "."]))
def test_read_costs_reads_back_any_well_grouped_amount(tmp_path_factory, cents, mark):
    """A number grouped by three, in French or English, reads as written (cents / 100)."""
    cell = _grouped(cents, mark)
    delim = ";" if mark == "," else ","
    path = tmp_path_factory.mktemp("grouped") / "costs.csv"
    path.write_text(f"start{delim}category{delim}amount\n2026-10-01{delim}tools{delim}"
                    f'"{cell}"\n', encoding="utf-8")
    assert read_costs(path).loc[0, "amount"] == pytest.approx(cents / 100, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(groups=st.lists(st.integers(1, 5), min_size=2, max_size=4).filter(
           lambda g: g[0] > 3 or any(n != 3 for n in g[1:])),
       mark=st.sampled_from([",", "."]), cents=st.integers(0, 99))
def test_read_costs_refuses_any_malformed_grouping(tmp_path_factory, groups, mark, cents):
    """Digit groups of those lengths (a first above 3, or a later one not of 3) joined by the
    thousands mark, with cents after the decimal mark, are refused, never read."""
    thousands = "." if mark == "," else ","
    cell = thousands.join("7" * n for n in groups) + f"{mark}{cents:02d}"
    delim = ";" if mark == "," else ","
    path = tmp_path_factory.mktemp("malformed") / "costs.csv"
    path.write_text(f"start{delim}category{delim}amount\n2026-10-01{delim}tools{delim}"
                    f'"{cell}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="thousands separator misplaced") as err:
        read_costs(path)
    assert err.value.line == 2 and err.value.column == "amount"


@pytest.mark.parametrize("amount, currency, read, code", [
    ("$200", "", 200.0, "USD"),              # $ of no brand: US dollars
    ("300 USD", "", 300.0, "USD"),
    ("usd 300", "", 300.0, "USD"),
    ("£100", "GBP", 100.0, "GBP"),           # the column says the same: fine
    ("200 €", "", 200.0, "EUR"),
    ('"1.234,56 €"', "EUR", 1234.56, "EUR"),
    ("CHF 80", "", 80.0, "CHF"),
    ("200", "", 200.0, None),                # no currency anywhere: the brand's
])
def test_read_costs_takes_the_currency_its_amount_cell_writes(tmp_path, amount, currency,
                                                              read, code):
    """A sign or code in the amount cell was stripped unread: $200 with the currency column
    empty counted as 200 of the brand's euros. It is the line's currency where the column is
    empty."""
    c = read_costs(costs_file(tmp_path, f"2026-07-01,2026-07-31,ad_spend,{amount},{currency},"
                                        ",,,,\n"))
    assert c.loc[0, "amount"] == read
    assert pd.isna(c.loc[0, "currency"]) if code is None else c.loc[0, "currency"] == code


def test_read_costs_takes_the_currency_of_an_hourly_rate(tmp_path):
    """hourly_rate $40 with the currency column empty counted in euros: 10 h × 40 = 400 USD."""
    c = read_costs(costs_file(tmp_path, "2026-07-01,2026-07-31,labor,,,,,10,$40,\n"))
    assert (c.loc[0, "amount"], c.loc[0, "currency"]) == (400.0, "USD")


@pytest.mark.parametrize("amount, currency, hours, rate, column, got, why", [
    ("300 USD", "EUR", "", "", "amount", "300 USD",
     "the cell's currency, USD, is not the currency column's; expected a value in EUR"),
    ("200 €", "USD", "", "", "amount", "200 €",
     "the cell's currency, EUR, is not the currency column's; expected a value in USD"),
    ("", "EUR", "10", "$40", "hourly_rate", "$40",
     "the cell's currency, $ (a dollar), is not the currency column's; expected a value in "
     "EUR"),
    ("400 €", "", "10", "$40", "hourly_rate", "$40",
     "amount and hourly_rate in different currencies; expected a rate in EUR"),
    ("€100 USD", "", "", "", "amount", "€100 USD", "currencies in a number cell"),
    ("400", "", "10 €", "40", "hours", "10 €", "currencies in a number cell"),
])
def test_read_costs_refuses_a_cell_currency_the_line_contradicts(tmp_path, amount, currency,
                                                                  hours, rate, column, got,
                                                                  why):
    """300 USD under currency EUR was read as 300 EUR, 200 € under USD as 200 USD, and an
    hourly rate of $40 counted in euros: which currency the money is in, the file does not
    say, so the line is refused, naming its line, column, what was expected and the cell."""
    path = costs_file(tmp_path, "2026-07-01,,tools,1,,,,,,\n2026-07-01,2026-07-31,labor,"
                                f"{amount},{currency},,,{hours},{rate},\n")
    with pytest.raises(ConfigError, match=f"line 3, column '{column}'") as err:
        read_costs(path)
    assert why in str(err.value) and f"got {got!r}" in str(err.value)


@pytest.mark.parametrize("amount, currency, rate, column, got, expected", [
    # three letters were a currency: 12 of 'ABC', counted by no ROI in the brand's
    ("12 abc", "", "", "amount", "12 abc", "expected a number with an ISO 4217 currency code "
     "such as EUR, USD or CHF (or a sign: €, $, £), or none; ABC is no currency"),
    ("", "", "xyz 40", "hourly_rate", "xyz 40", "; XYZ is no currency"),
    ("12", "abc", "", "currency", "abc",
     "expected an ISO 4217 currency code such as EUR, USD or CHF, or empty"),
    # ISO 4217's codes for no currency and for tests: no cost is paid in them
    ("12", "XXX", "", "currency", "XXX", "an ISO 4217 currency code"),
    ("12 XTS", "", "", "amount", "12 XTS", "; XTS is no currency"),
])
def test_read_costs_refuses_a_currency_code_iso_4217_does_not_know(tmp_path, amount, currency,
                                                                    rate, column, got,
                                                                    expected):
    hours = "2" if rate else ""
    path = costs_file(tmp_path, "2026-07-01,,tools,1,,,,,,\n2026-07-01,2026-07-31,labor,"
                                f"{amount},{currency},,,{hours},{rate},\n")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert (err.value.file, err.value.line, err.value.column, err.value.got) == (
        str(path), 3, column, got)
    assert err.value.reason == "unknown currency" and expected in str(err.value)


@pytest.mark.parametrize("amount, currency, code", [
    ("12 sek", "", "SEK"), ("NOK 12", "", "NOK"), ("12", "pln", "PLN"), ("12 CHF", "chf", "CHF"),
])
def test_read_costs_takes_any_iso_4217_code(tmp_path, amount, currency, code):
    # codes the signs do not list, in either case, in a cell or in the currency column
    c = read_costs(costs_file(tmp_path, f"2026-07-01,2026-07-31,tools,{amount},{currency},,,,,\n"))
    assert (c.loc[0, "amount"], c.loc[0, "currency"]) == (12.0, code)


@pytest.mark.parametrize("amount, currency, brand, code", [
    ("$300", "CAD", None, "CAD"),           # the line's column says which dollar
    ("$300", "AUD", "EUR", "AUD"),
    ("$300", "", "CAD", "CAD"),             # else the brand's, a dollar
    ("$300", "", "cad", "CAD"),
    ("$300", "", "EUR", "USD"),             # else the US dollar
    ("$300", "", None, "USD"),
    ("300 USD", "", "CAD", "USD"),          # a code is no sign: it says its currency
])
def test_a_dollar_sign_is_the_dollar_of_the_line_or_of_the_brand(tmp_path, amount, currency,
                                                                  brand, code):
    """$ was always USD: a Canadian brand's "$300" under currency CAD was refused, and with
    the column empty read as a line in USD, left out of its costs. $ is a dollar: the
    column's, else the brand's when a dollar, else USD."""
    c = read_costs(costs_file(tmp_path, f"2026-07-01,2026-07-31,ad_spend,{amount},{currency},"
                                        ",,,,\n"), currency=brand)
    assert (c.loc[0, "amount"], c.loc[0, "currency"]) == (300.0, code)


@pytest.mark.parametrize("row, column", [
    ("$300,EUR,,", "amount"),               # a dollar is no euro
    ("€300,CAD,,", "amount"),
    ("300 USD,CAD,,", "amount"),            # nor USD a Canadian dollar
    ("$40,,10,€4", "hourly_rate"),          # the amount's $ is not the rate's € (10 h × 4)
])
def test_a_dollar_sign_still_contradicts_what_is_no_dollar(tmp_path, row, column):
    path = costs_file(tmp_path, f"2026-07-01,2026-07-31,labor,{row.split(',', 2)[0]},"
                                f"{row.split(',', 2)[1]},,,{row.split(',', 2)[2]},\n")
    with pytest.raises(ConfigError, match=f"line 2, column '{column}'"):
        read_costs(path, currency="CAD")


def test_a_canadian_brands_dollars_are_its_costs(tmp_path):
    """A CAD brand's costs.csv writes "$1200" of ad spend and "$800" of labour, the currency
    column empty: read as USD, both were left out ("2 cost lines in USD left out (brand
    currency CAD)") and cost and ROI unknown. They are CAD: cost 1200 + 800 = 2000, ad spend
    1200."""
    import shutil

    (tmp_path / "brand.yaml").write_text("name: Érable\ntimezone: America/Toronto\n"
                                         "currency: CAD\n", encoding="utf-8")
    (tmp_path / "costs.csv").write_text("start,end,category,amount,currency,platform,campaign\n"
                                        "2026-10-01,2026-10-31,ad_spend,$1200,,facebook,\n"
                                        "2026-10-01,2026-10-31,labor,$800,,,\n",
                                        encoding="utf-8")
    # an export beside costs.csv, its October posts (cut from the sample's)
    shutil.copy(Path(__file__).parent / "fixtures" / "costs_cad"
                / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv", tmp_path)
    row = roi(smm.load(tmp_path, cache=False), "2026-10").iloc[0]
    assert (row["cost"], row["ad_spend"]) == (2000.0, 1200.0)
    assert "costs_foreign_currency" not in str(row["note_codes"]).split("; ")


@pytest.mark.parametrize("cell, code", [
    ("CA$300", "CAD"), ("C$300", "CAD"), ("US$300", "USD"), ("A$300", "AUD"), ("AU$300", "AUD"),
    ("NZ$300", "NZD"), ("HK$300", "HKD"), ("S$300", "SGD"), ("MX$300", "MXN"),
    ("300 CA$", "CAD"),
])
def test_a_dollar_sign_naming_its_country_is_its_currency(tmp_path, cell, code):
    """CA$300 was refused ("CA300" is no number); a dollar naming its country is that
    country's currency, whatever the brand's (EUR here: no guess to make)."""
    c = read_costs(costs_file(tmp_path, f"2026-07-01,2026-07-31,ad_spend,{cell},,,,,,\n"),
                   currency="EUR")
    assert (c.loc[0, "amount"], c.loc[0, "currency"]) == (300.0, code)


def test_a_named_dollar_contradicts_another_dollar(tmp_path):
    """US$300 on a line in CAD: which dollar, the file says two ways; refused."""
    with pytest.raises(ConfigError, match="line 2, column 'amount'"):
        read_costs(costs_file(tmp_path, "2026-07-01,2026-07-31,ad_spend,US$300,CAD,,,,,\n"),
                   currency="CAD")


def _ga4_dollar_revenue(tmp_path, brand_currency, cost):
    """A brand folder: brand.yaml in ``brand_currency``, GA4's October revenue written
    ``$1,000.00`` (instagram / social), and costs.csv's October ad spend ``cost``."""
    (tmp_path / "brand.yaml").write_text(f"name: Érable\ntimezone: America/Toronto\n"
                                         f"currency: {brand_currency}\n", encoding="utf-8")
    (tmp_path / "ga4.csv").write_text(
        "# Traffic acquisition: Session source / medium\n# Start date: 20261001\n"
        "# End date: 20261031\nSession source / medium,Sessions,Key events,Total revenue\n"
        'Grand total,300,10,"$1,000.00"\ninstagram / social,300,10,"$1,000.00"\n',
        encoding="utf-8")
    costs_file(tmp_path, f"2026-10-01,2026-10-31,ad_spend,{cost},,instagram,,,,\n")
    return roi(smm.load(tmp_path, cache=False), "2026-10").iloc[0]


def test_a_canadian_brands_ga4_dollars_are_its_revenue(tmp_path):
    """GA4 read "$1,000.00" as USD: a CAD brand's revenue was foreign, left out ("1 GA4 row
    gives revenue in USD, not the brand currency CAD"), ROAS unknown. A bare $ is the brand's
    dollar, as in costs.csv: by hand, ROAS = revenue 1000 / ad spend $200 = 5.00."""
    row = _ga4_dollar_revenue(tmp_path, "CAD", "$200")
    assert (row["revenue"], row["ad_spend"]) == (1000.0, 200.0)
    assert row["roas"] == pytest.approx(5.0)
    assert "revenue_foreign_currency" not in str(row["note_codes"]).split("; ")


def test_a_euro_brands_ga4_dollars_stay_foreign(tmp_path):
    """EUR is no dollar: GA4's $ stays USD, its revenue left out and noted, as before (ad
    spend 200 in the brand's euros; ROAS unknown, not 1000 / 200)."""
    row = _ga4_dollar_revenue(tmp_path, "EUR", "200")
    assert pd.isna(row["revenue"]) and pd.isna(row["roas"]) and row["ad_spend"] == 200.0
    assert ("1 GA4 row gives revenue in USD, not the brand currency EUR: revenue unknown"
            in row["note"].split("; "))
    assert "revenue_foreign_currency" in row["note_codes"].split("; ")


def test_roi_leaves_out_a_cost_line_whose_amount_cell_is_in_another_currency(tmp_path):
    """brandC's July: "other,$100" with the currency column empty was counted as €100 in
    the total cost; the cell's dollar sign makes it a line in USD (the brand's currency,
    EUR, is no dollar), noted as any other. A sum holding an amount in another currency is
    unknown: the cost is NA (not 200, nor the euro line's 100 alone), and the note names the
    line to convert."""
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n2026-10-01,,other,$100,,,,,,\n",
                 web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cost"]) and ("1 cost line in USD makes the total cost unknown: "
                                      "convert 2026-10 other 100.00 USD to EUR") in row["note"]
    assert "costs_foreign_currency" in row["note_codes"].split("; ")


def test_load_notes_a_semicolon_costs_file_read_with_dot_thousands(tmp_path):
    # a brand folder of its costs.csv alone: load() reads it as it reads it beside the exports
    # (copying the whole sample brand to load it took 4-18 s)
    (tmp_path / "costs.csv").write_text(
        _SEMI + "2026-10-01;2026-10-31;ad_spend;1.200;EUR;;;;;x\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="no export"):
        ds = smm.load(tmp_path)
    assert ds.costs["amount"].tolist() == [1200.0]
    q = ds.quality
    assert "decimal_from_delimiter" in set(q[q["file"].astype(str).str.endswith("costs.csv")]
                                           ["code"])


@pytest.mark.parametrize("row, column, line", [
    ("2026-10-01,2026-10-31,tools,abc,,,,,,\n", "amount", 2),
    ("10/01/2026,,tools,5,,,,,,\n", "start", 2),
    ("2026-10-05,2026-10-01,tools,5,,,,,,\n", "end", 2),
    ("2026-10-01,,snacks,5,,,,,,\n", "category", 2),
    ("2026-10-01,,labor,,,,,-5,20,\n", "hours", 2),     # a negative amount is a refund
    ("2026-10-01,,labor,,,,,10,,\n", "hourly_rate", 2),
    ("2026-10-01,,labor,,,,,,,\n", "amount", 2),
    ("2026-10-01,,labor,100,,,,10,20,\n", "amount", 2),
    ("2026-10-01,,tools,5,euros,,,,,\n", "currency", 2),
    ("2026-10-01,,tools,5,,myspace,,,,\n", "platform", 2),
])
def test_read_costs_errors_name_line_and_column(tmp_path, row, column, line):
    path = costs_file(tmp_path, "2026-10-01,,tools,1,,,,,,\n" + row)
    with pytest.raises(ConfigError, match=f"line {line + 1}, column '{column}'") as err:
        read_costs(path)
    assert err.value.line == line + 1 and err.value.column == column


def test_read_costs_missing_header_column(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text("start,amount\n2026-10-01,5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1, column 'category'"):
        read_costs(path)


_COST_HEADERS = ("amount, campaign, category, currency, end, hourly_rate, hours, note, "
                 "platform, start")


@pytest.mark.parametrize("header, row, got, close", [
    # a French freelancer's headers: their cells were dropped unread, the ad spend assigned
    # to no platform or campaign (ROI by campaign wrong)
    ("start,end,category,amount,plateforme,campagne",
     "2026-10-01,2026-10-31,ad_spend,100,instagram,soldes", "plateforme", "platform"),
    ("start,end,category,montant", "2026-10-01,2026-10-31,ad_spend,100", "montant", "amount"),
    ("start,end,category,amount,Hourly Rates", "2026-10-01,,tools,10,", "Hourly Rates",
     "hourly_rate"),
    ("start,end,category,amount,invoice", "2026-10-01,,tools,10,F-12", "invoice", None),
    # the closest known header, 'start' (difflib: 2 × 4 / 10 = 0.8), is there already: a
    # second 'start' column is no fix; 'tarif' is the hourly rate's French word, but that
    # column is there too: no suggestion
    ("start,category,hours,hourly_rate,tarif", "2026-10-01,staff,2,50,", "tarif", None),
    ("start,category,amount,starts", "2026-10-01,tools,10,", "starts", None),
])
def test_read_costs_refuses_a_header_it_does_not_know(tmp_path, header, row, got, close):
    """`montant` for `amount` said "line 2, column 'amount': cost line has no amount; got ''"
    (there was one, under montant); `plateforme`, `campagne` were ignored. The header is
    refused on line 1, naming the headers known and the closest one."""
    path = tmp_path / "costs.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    hint = f" (did you mean {close!r}?)" if close else ""
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert str(err.value) == (f"file {path}, line 1, column {got!r}: unknown header{hint}; "
                              f"expected one of the headers {_COST_HEADERS}; got {got!r}")


def test_read_costs_reads_a_column_without_header_only_when_empty(tmp_path):
    """A spreadsheet's trailing comma leaves a column without header: read when its cells are
    empty (note, a documented column, is read as ever), refused when one holds a value."""
    path = tmp_path / "costs.csv"
    path.write_text("start,category,amount,note,\n2026-10-01,tools,10,Canva,\n",
                    encoding="utf-8")
    costs = read_costs(path)
    assert costs[["amount", "note"]].values.tolist() == [[10.0, "Canva"]]
    path.write_text("start,category,amount,note,\n2026-10-01,tools,10,Canva,EUR\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert str(err.value) == (
        f"file {path}, line 2: a value in column 5, which has no header; expected a header "
        "on line 1 (one of start, end, category, amount, currency, platform, campaign, hours, "
        "hourly_rate, note), or the cell empty; got 'EUR'")


def test_read_costs_reads_day_first_dates_a_day_above_12_proves(tmp_path):
    """A French spreadsheet's costs.csv writes 25/09/2026 and 31/10/2026: the whole file was
    refused ("expected a date YYYY-MM-DD"), and the brand's ROI unknown. A day above 12
    written first proves the order for the file, as for an export's dates: its dates are
    read day first, even its 01/10/2026 and 05/10/2026 (1 and 5 October, not January and
    May), and a warning (quality code dates_day_first) says so."""
    path = tmp_path / "costs.csv"
    path.write_text("start;end;category;amount\n"
                    "25/09/2026;05/10/2026;ad_spend;110\n"
                    "01/10/2026;31/10/2026;tools;310\n"
                    "05/10/2026;;production;12,5\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match=r"^costs.csv writes its dates day first "
                      r"\(DD/MM/YYYY\).*a day above 12 written first in 'start' proves it"
                      ) as caught:
        c = read_costs(path)
    assert [w.message.code for w in caught] == ["dates_day_first"]
    assert c["start"].dt.strftime("%Y-%m-%d").tolist() == ["2026-09-25", "2026-10-01",
                                                           "2026-10-05"]
    assert c["end"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-05", "2026-10-31",
                                                         "2026-10-05"]
    # 25 September to 5 October: 6 + 5 = 11 days; 1 to 31 October: 31; 5 October alone: 1
    assert c["days"].tolist() == [11, 31, 1]
    # October: 110 × 5 / 11 = 50, 310 × 31 / 31 = 310, 12.5 × 1 / 1 = 12.5
    assert prorate_costs(c, "2026-10")["allocated"].tolist() == [50.0, 310.0, 12.5]
    # two-digit years and dots, as a spreadsheet may write them: 31.10.26 is 2026-10-31
    path.write_text("start,end,category,amount\n01.10.26,31.10.26,tools,31\n",
                    encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="in 'end' proves it"):
        c = read_costs(path)
    assert (c.loc[0, "start"], c.loc[0, "end"]) == (pd.Timestamp("2026-10-01"),
                                                    pd.Timestamp("2026-10-31"))


def test_load_notes_a_costs_file_read_day_first(tmp_path):
    """The day-first reading is in the brand's quality log (the report's quality table shows
    code dates_day_first in en, fr and it), with the costs read."""
    (tmp_path / "costs.csv").write_text("start;end;category;amount\n"
                                        "01/10/2026;31/10/2026;tools;310\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="no export was found"):
        ds = smm.load(tmp_path, cache=False)
    assert ds.costs["amount"].tolist() == [310.0] and ds.costs["days"].tolist() == [31]
    q = ds.quality[ds.quality["file"].astype(str).str.endswith("costs.csv")]
    assert q["code"].tolist() == ["dates_day_first"]


@pytest.mark.parametrize("body, line, column, got", [
    # no day above 12: 3 October or 10 March, 4 October or 10 April
    ("03/10/2026;04/10/2026;tools;5\n", 2, "start", "03/10/2026"),
    # the 31st proves nothing for a start column that also writes ISO dates (a column counts
    # when all its dates are written in numbers), nor an empty end column
    ("2026-10-01;;tools;5\n03/10/2026;;tools;5\n31/10/2026;;tools;5\n", 3, "start",
     "03/10/2026"),
    # a day above 12 written second: month first, which costs.csv does not take either
    ("10/31/2026;;tools;5\n", 2, "start", "10/31/2026"),
])
def test_read_costs_refuses_dates_in_numbers_nothing_proves_day_first(tmp_path, body, line,
                                                                      column, got):
    path = tmp_path / "costs.csv"
    path.write_text("start;end;category;amount\n" + body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert (err.value.line, err.value.column, err.value.got) == (line, column, got)
    assert str(err.value) == (
        f"file {path}, line {line}, column '{column}': date in numbers not proved day first; "
        "expected a date YYYY-MM-DD (or a month YYYY-MM), such as 2026-10-31: dates in "
        "numbers are read day first (31/10/2026) only when the start or end column, all "
        "written so, has a day above 12 written first, which proves the order for the file; "
        f"got '{got}'")


def test_read_costs_reads_dates_with_the_months_name_and_their_year(tmp_path):
    """Excel in English shows a date it recognised as 03-Jan-25 (dd-mmm-yy) and saves it so
    in a .csv: the file was refused ("expected a date YYYY-MM-DD"). A month's name leaves no
    doubt about the order, so such a date is read, two-digit years in the 2000s."""
    path = tmp_path / "costs.csv"
    path.write_text("start,end,category,amount\n"
                    "03-Jan-25,31-Jan-25,tools,31\n"
                    "1-Feb-2025,,production,650\n"
                    "14 mar 2025,28-Mar-2025,ad_spend,150\n", encoding="utf-8")
    c = read_costs(path)
    assert c["start"].dt.strftime("%Y-%m-%d").tolist() == ["2025-01-03", "2025-02-01",
                                                           "2025-03-14"]
    assert c["end"].dt.strftime("%Y-%m-%d").tolist() == ["2025-01-31", "2025-02-01",
                                                         "2025-03-28"]
    # 3 to 31 January: 29 days; 1 February alone: 1; 14 to 28 March: 15
    assert c["days"].tolist() == [29, 1, 15]


_MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@settings(max_examples=40, deadline=None)
@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), four=st.booleans())
def test_read_costs_reads_back_any_date_excel_writes_with_the_months_name(tmp_path_factory,
                                                                         day, four):
    """d-mmm-yy and d-mmm-yyyy, day and year as Excel pads them or not, read as written."""
    year = f"{day.year}" if four else f"{day.year % 100:02d}"
    text = f"{day.day:02d}-{_MON[day.month - 1]}-{year}"
    path = costs_file(tmp_path_factory.mktemp("named"), f"{text},,tools,5,,,,,,\n")
    assert read_costs(path).loc[0, "start"] == pd.Timestamp(day)


@pytest.mark.parametrize("body, line, column, got", [
    ("3-Jan,,tools,5\n", 2, "start", "3-Jan"),                  # Excel's d-mmm
    ("2025-01-01,2025-01-31,tools,5\n01-Feb,28-Feb,tools,5\n", 3, "start", "01-Feb"),
    ("03-Jan-25,31-Jan,tools,5\n", 2, "end", "31-Jan"),
])
def test_read_costs_refuses_a_date_without_its_year(tmp_path, body, line, column, got):
    """Excel's d-mmm (3-Jan) says no year: which January a cost belongs to cannot be told,
    and a guess would move it a year unseen."""
    path = costs_file(tmp_path, "")
    path.write_text("start,end,category,amount\n" + body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert (err.value.line, err.value.column, err.value.got) == (line, column, got)
    assert str(err.value).endswith(
        f"column '{column}': date without a year; expected a date YYYY-MM-DD (or a month "
        f"YYYY-MM){', or empty' if column == 'end' else ''}, such as 2026-01-03: a date "
        f"without its year cannot be placed; got '{got}'")
    assert str(err.value).startswith(f"file {path}, line {line}, ")


def test_read_costs_empty_file_gives_empty_frame(tmp_path):
    c = read_costs(costs_file(tmp_path, ""))
    assert c.empty and "amount" in c.columns


# ------------------------------------------------------------------ prorating
def test_prorate_yearly_subscription_into_october(tmp_path):
    c = read_costs(costs_file(tmp_path, "2026-01-01,2026-12-31,tools,1200,,,,,,\n"))
    p = prorate_costs(c, "2026-10")
    # 1200 × 31 / 365 = 101.9178...
    assert p.loc[0, "allocated"] == pytest.approx(1200 * 31 / 365)
    assert p.loc[0, "overlap_days"] == 31


def test_prorate_across_two_months(tmp_path):
    c = read_costs(costs_file(tmp_path, "2026-09-21,2026-10-10,ad_spend,200,,,,,,\n"))
    # 20 days: 10 in September (21..30), 10 in October (1..10) -> 100 each
    assert prorate_costs(c, "2026-09").loc[0, "allocated"] == pytest.approx(100.0)
    assert prorate_costs(c, "2026-10").loc[0, "allocated"] == pytest.approx(100.0)
    assert prorate_costs(c, "2026-11").empty


# ------------------------------------------------------------------ roi
def test_roi_hand_computed(tmp_path):
    costs = "2026-10-01,2026-10-31,ad_spend,100,,instagram,autumn,,,\n"
    ds = dataset(tmp_path, costs, web=web([_web_month(150.0, key_events=5.0, campaign="autumn")]))
    r = roi(ds, "2026-10")
    assert len(r) == 1
    row = r.iloc[0]
    assert row["cost"] == 100 and row["ad_spend"] == 100 and row["revenue"] == 150
    assert row["roi"] == pytest.approx(0.5)        # (150 - 100) / 100
    assert row["roas"] == pytest.approx(1.5)       # 150 / 100
    assert row["cpa"] == pytest.approx(20.0)       # 100 / 5


def test_roi_total_cost_includes_every_category(tmp_path):
    costs = ("2026-10-01,2026-10-31,ad_spend,100,,,,,,\n"
             "2026-10-01,2026-10-31,labor,,,,,10,30,\n"          # 300
             "2026-01-01,2026-12-31,tools,365,,,,,,\n"           # 365 × 31/365 = 31
             "2026-10-10,,production,50,,,,,,\n"
             "2026-10-12,,influencer,19,,,,,,\n")
    ds = dataset(tmp_path, costs, web=web([_web_month(1000.0, key_events=10.0)]))
    row = roi(ds, "2026-10").iloc[0]
    # cost = 100 + 300 + 31 + 50 + 19 = 500
    assert row["cost"] == pytest.approx(500.0)
    assert row["labor"] == pytest.approx(300.0) and row["tools"] == pytest.approx(31.0)
    assert row["roi"] == pytest.approx((1000 - 500) / 500)   # 1.0
    assert row["roas"] == pytest.approx(10.0)                 # 1000 / 100
    assert row["cpa"] == pytest.approx(50.0)                  # 500 / 10


def test_roi_value_per_key_event(tmp_path):
    ds = dataset(tmp_path, "2026-10-01,,labor,100,,,,,,\n",
                 web=web([_web_month(0.0, key_events=4.0)]))
    row = roi(ds, "2026-10", value_per_key_event=50).iloc[0]
    # value = 0 + 4 × 50 = 200; roi = (200 - 100) / 100 = 1
    assert row["value"] == 200 and row["roi"] == pytest.approx(1.0)


def test_roi_refuses_a_negative_value_per_key_event(tmp_path, capsys, monkeypatch):
    """goals.yaml refused value_per_key_event: -2, but roi(..., value_per_key_event=-50) and
    `smm roi --value-per-key-event -50` took it and lowered the value by 4 × 50."""
    import smmanalytics.dataset
    from smmanalytics.cli import main

    ds = dataset(tmp_path, "2026-10-01,,labor,100,,,,,,\n",
                 web=web([_web_month(0.0, key_events=4.0)]))
    monkeypatch.setattr(smmanalytics.dataset, "load", lambda path, **kw: ds)
    with pytest.raises(ArgumentError, match="value_per_key_event.*expected a number >= 0"):
        roi(ds, "2026-10", value_per_key_event=-50)
    with pytest.raises(ArgumentError, match="value_per_key_event"):
        campaign_roi(ds, value_per_key_event=-50)
    assert roi(ds, "2026-10", value_per_key_event=0).iloc[0]["value"] == 0     # 0 is fine
    assert main(["roi", str(tmp_path), "--period", "2026-10",
                 "--value-per-key-event", "-50"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smm: error: ") and err.count("\n") == 1 and "-50" in err


def test_smm_roi_rounds_money_once_to_the_cent(tmp_path, capsys, monkeypatch):
    """`smm roi --period 2026-10` of the sample printed tools 56.82, cost 5548.82 and
    (unassigned) 3048.82: rounded to three decimals, then to the cent. By hand: tools =
    12.99 + 516 × 31/365 = 12.99 + 43.8247 = 56.8147 → 56.81; cost = 2000 + 2812 + 500 + 180
    + 56.8147 = 5548.8147 → 5548.81; unassigned = 2812 + 180 + 56.8147 = 3048.8147 → 3048.81
    (the campaign's 2000 + 500 are assigned)."""
    import smmanalytics.dataset
    from smmanalytics.cli import main

    costs = ("2026-10-01,2026-10-31,ad_spend,2000,,instagram,Autumn Launch,,,\n"
             "2026-10-01,2026-10-31,influencer,500,,,Autumn Launch,,,\n"
             "2026-10-01,2026-10-31,labor,,,,,74,38,\n"
             "2026-10-01,2026-10-31,other,180,,,,,,\n"
             "2026-10-01,2026-10-31,tools,12.99,,,,,,\n"
             "2026-09-01,2027-08-31,tools,516,,,,,,\n")
    ds = dataset(tmp_path, costs, web=web([_web_month(14657.7, key_events=299.0)]))
    monkeypatch.setattr(smmanalytics.dataset, "load", lambda path, **kw: ds)
    assert roi(ds, "2026-10").iloc[0]["tools"] == pytest.approx(12.99 + 516 * 31 / 365)
    assert main(["roi", str(tmp_path), "--period", "2026-10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    shown = dict(zip(lines[0].split(), lines[1].split(), strict=False))
    assert (shown["cost"], shown["tools"], shown["labor"]) == ("5548.81", "56.81", "2812.0")
    assert main(["roi", str(tmp_path), "--period", "2026-10", "--by", "campaign"]) == 0
    unassigned = next(line for line in capsys.readouterr().out.splitlines()
                      if "(unassigned)" in line)
    assert "3048.81" in unassigned and "3048.82" not in unassigned


def test_roi_zero_ad_spend_is_nan_with_reason(tmp_path):
    ds = dataset(tmp_path, "2026-10-01,,labor,100,,,,,,\n", web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["roas"]) and pd.isna(row["cpc"]) and pd.isna(row["cpm"])
    assert "roas NaN: ad spend is zero" in row["note"]
    assert row["roi"] == pytest.approx(0.5)


def test_roi_zero_cost_is_nan(tmp_path):
    ds = dataset(tmp_path, "", web=web([_web_month(150.0)]))    # a costs.csv without lines
    row = roi(ds, "2026-10").iloc[0]
    assert row["cost"] == 0
    assert pd.isna(row["roi"]) and "roi NaN: total cost is zero" in row["note"]


def test_roi_without_costs_file_is_unknown_not_zero(tmp_path):
    ds = dataset(tmp_path, web=web([_web_month(150.0, key_events=5.0)]))
    assert costs_status(ds) == ("missing", None)
    row = roi(ds, "2026-10").iloc[0]
    for col in ("cost", "ad_spend", "labor", "tools", "roi", "roas", "cpa", "cpc", "cpm"):
        assert pd.isna(row[col]), col
    assert row["revenue"] == 150 and row["key_events"] == 5       # GA4 still known
    assert "no costs.csv was read: costs unknown" in row["note"]
    assert "cpa NaN: cost unknown" in row["note"]
    assert cost_breakdown(roi(ds, "2026-10"))["amount"].isna().all()


_KEPT_TO_OCTOBER = (
    "2026-09-01,2026-09-30,ad_spend,300,EUR,instagram,,,,\n"
    "2026-10-01,2026-10-31,ad_spend,310,EUR,instagram,,,,\n"
    # a yearly subscription runs on, but says nothing of the spend after October
    "2026-09-01,2027-08-31,tools,365,EUR,,,,,\n")


def test_roi_after_the_costs_file_ends_is_unknown(tmp_path, capsys):
    from smmanalytics.cli import main
    from smmanalytics.roi import costs_span

    ds = dataset(tmp_path, _KEPT_TO_OCTOBER)
    assert costs_span(ds.costs) == (dt.date(2026, 9, 1), dt.date(2026, 10, 31))
    assert costs_status(ds, "2026-11") == ("uncovered", "2026-09-01..2026-10-31")
    assert costs_status(ds, "2026-10") == ("read", None)
    nov = roi(ds, "2026-11").iloc[0]
    assert pd.isna(nov["cost"]) and pd.isna(nov["tools"]) and pd.isna(nov["roas"])
    assert "costs.csv runs from 2026-09-01 to 2026-10-31, outside 2026-11: costs unknown" in \
        nov["note"]
    # October: 310 of ad spend, and 31 of the 365 days of the subscription
    assert roi(ds, "2026-10").iloc[0]["cost"] == pytest.approx(310 + 31)
    # the fourth quarter: counted over October, the subscription too, and said so
    q4 = roi(ds, "2026-Q4").iloc[0]
    assert q4["ad_spend"] == 310 and q4["tools"] == pytest.approx(31)
    assert "costs.csv runs over 2026-Q4 from 2026-10-01 to 2026-10-31 only" in q4["note"]
    costs_file(tmp_path, _KEPT_TO_OCTOBER)
    assert main(["roi", str(tmp_path), "--period", "2026-11"]) == 0
    assert capsys.readouterr().err.startswith(
        "smm: warning: costs.csv runs from 2026-09-01 to 2026-10-31, outside 2026-11:")


@pytest.mark.parametrize("shoot_end,last", [
    # 16 October to 15 November: 16 + 15 = 31 days, a month or less though no calendar month,
    # so the file was kept to its end
    ("2026-11-15", dt.date(2026, 11, 15)),
    # to 16 November: 32 days, more than a month: only the week of ads (1-7 October) says
    # where the file stops
    ("2026-11-16", dt.date(2026, 10, 7)),
])
def test_a_31_day_line_counts_as_a_month_or_less_in_the_costs_span(tmp_path, shoot_end, last):
    from smmanalytics.roi import costs_span

    costs = read_costs(costs_file(tmp_path, "2026-10-01,2026-10-07,ad_spend,70,EUR,,,,,\n"
                                  f"2026-10-16,{shoot_end},production,310,EUR,,,,,\n"))
    assert costs_span(costs) == (dt.date(2026, 10, 1), last)


def test_roi_of_a_period_costs_cover_in_part_counts_every_line_over_the_same_days(tmp_path):
    """The yearly subscription of _KEPT_TO_OCTOBER (365 over 365 days) was charged to the
    whole quarter, 92, while the other spend and the revenue stop on 31 October: the fourth
    quarter read cost 310 + 92 = 402 and ROI (682 - 402) / 402 = 70 %. Over October, the days
    costs.csv covers: cost 310 + 31 = 341, ROI (682 - 341) / 341 = 100 %, as October's own.
    The year 2026 (file kept for September and October): tools 30 + 31 = 61, ad spend
    300 + 310 = 610, cost 671."""
    ds = dataset(tmp_path, _KEPT_TO_OCTOBER, web=web([_web_month(682.0)]))
    oct_, q4 = roi(ds, "2026-10").iloc[0], roi(ds, "2026-Q4").iloc[0]
    assert oct_["cost"] == pytest.approx(341) and oct_["roi"] == pytest.approx(1.0)
    assert q4["tools"] == pytest.approx(31) and q4["cost"] == pytest.approx(341)
    assert q4["revenue"] == 682 and q4["roi"] == pytest.approx(1.0)
    assert ("costs.csv runs over 2026-Q4 from 2026-10-01 to 2026-10-31 only: all costs, "
            "subscriptions included, are counted over those days alone") in q4["note"]
    year = roi(ds, "2026").iloc[0]
    assert year["tools"] == pytest.approx(61) and year["ad_spend"] == pytest.approx(610)
    assert year["cost"] == pytest.approx(671)
    assert roi(ds, "2026-Q4", by="campaign")["tools"].sum() == pytest.approx(31)


def test_roi_with_unreadable_costs_file_is_unknown_and_says_why(tmp_path, capsys):
    import smmanalytics as smm
    from smmanalytics.cli import main

    costs_file(tmp_path, "2026-10-01,2026-10-31,ad_spend,abc,,instagram,autumn,,,\n")
    with pytest.warns(smm.DataQualityWarning, match=": costs.csv: line 2, column 'amount'"):
        ds = smm.load(tmp_path, cache=False)
    status, reason = costs_status(ds)
    assert status == "failed"
    assert reason.startswith("file costs.csv, line 2, column 'amount'") and "'abc'" in reason
    assert str(tmp_path) not in reason
    r = roi(ds, "2026-10", by="campaign")
    assert r["cost"].isna().all() and r["cpa"].isna().all() and r["cpm"].isna().all()
    assert "costs.csv could not be read (file costs.csv, line 2, column 'amount'" in \
        r["note"].iloc[0]
    # a folder of that file alone holds nothing to compute: an error naming the file's fault
    # (it printed a table of NaN under a warning, exit 0)
    assert main(["roi", str(tmp_path), "--period", "2026-10", "--by", "campaign"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"smm: error: no post, daily row or GA4 row in {tmp_path}")
    assert "costs.csv, line 2, column 'amount'" in err and "'abc'" in err


def test_smm_roi_exits_3_when_costs_csv_could_not_be_read(tmp_path, capsys):
    """Beside an export, a costs.csv it could not read gave the warning, an all-NaN row and
    exit 0, where `smm scorecard` exits 3 for a goals.yaml it could not read: a scheduled
    job could not tell a broken costs.csv from a good run."""
    import shutil

    from smmanalytics.cli import main

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    shutil.copy(sample / "instagram_posts_2026-08-15_2026-10-31_2026-11-01.csv", tmp_path)
    costs_file(tmp_path, "2026-10-01,2026-10-31,ad_spend,abc,,instagram,autumn,,,\n")
    assert main(["roi", str(tmp_path), "--period", "2026-10", "--json"]) == 3
    # the one row (no --by): its cost unknown, not 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["cost"] is None
    # the costs read: exit 0
    costs_file(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,,instagram,autumn,,,\n")
    assert main(["roi", str(tmp_path), "--period", "2026-10"]) == 0


def test_roi_campaign_without_spend_in_a_read_costs_file_is_a_real_zero(tmp_path):
    costs = "2026-10-01,2026-10-31,ad_spend,300,,instagram,Autumn Launch,,,\n"
    ds = dataset(tmp_path, costs, web=web([_web_month(900.0, key_events=3.0,
                                                      campaign="autumn_launch"),
                                           _web_month(50.0, key_events=2.0, campaign="bio")]))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert r.loc["bio", "cost"] == 0
    # 0 / 2 key events read a CPA of 0.00: no acquisition is free, none of the cost is
    # assigned to it (its ROI is NaN too)
    assert pd.isna(r.loc["bio", "cpa"]) and pd.isna(r.loc["bio", "roi"])
    assert "cpa_cost_zero" in r.loc["bio", "note_codes"]
    assert r.loc["Autumn Launch", "cpa"] == pytest.approx(100.0)     # 300 / 3


def test_campaign_names_with_accents_join_their_plain_spelling(tmp_path):
    """A French costs.csv names its campaign "Noël 2026" and the links' utm_campaign says
    noel-2026: the accent became "_" in the join key ("no_l_2026" against "noel_2026"), so
    the campaign's spend and its revenue were two rows with no ROAS."""
    from smmanalytics._web import campaign_key

    names = pd.Series(["Noël 2026", "noel-2026", "Été", "ETE", "Cœur", "coeur", "夏 2026",
                       "(not set)", None])
    assert campaign_key(names).tolist() == ["noel_2026", "noel_2026", "ete", "ete", "coeur",
                                            "coeur", "夏_2026", pd.NA, pd.NA]
    costs = "2026-10-01,2026-10-31,ad_spend,300,,instagram,Noël 2026,,,\n"
    ds = dataset(tmp_path, costs, web=web([_web_month(900.0, key_events=3.0,
                                                      campaign="noel-2026")]))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert list(r.index) == ["Noël 2026"]
    assert r.loc["Noël 2026", "roas"] == pytest.approx(3.0)          # 900 / 300


@pytest.mark.parametrize("utm", ["noel%202026", "No%C3%ABl+2026", "NO%C3%8BL%202026"])
def test_a_url_encoded_ga4_campaign_joins_its_costs_line(tmp_path, utm):
    """GA4 keeps a UTM campaign as the link wrote it (noel%202026, No%C3%ABl+2026) while the
    post links are decoded at load: the costs' "Noël 2026" and GA4's revenue were two rows
    (cost 100, revenue 0, ROI −100 %; cost 0, revenue 250). One row now: cost 100, revenue
    250, ROI (250 − 100) / 100 = 150 %, ROAS 250 / 100 = 2.50."""
    costs = "2026-10-01,2026-10-31,ad_spend,100,,instagram,Noël 2026,,,\n"
    ds = dataset(tmp_path, costs, web=web([_web_month(250.0, campaign=utm)]))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert list(r.index) == ["Noël 2026"]
    assert (r.loc["Noël 2026", "cost"], r.loc["Noël 2026", "revenue"]) == (100, 250)
    assert r.loc["Noël 2026", "roi"] == pytest.approx(1.5)
    assert r.loc["Noël 2026", "roas"] == pytest.approx(2.5)


@pytest.mark.parametrize("utm, shown", [
    ("noel%202026", "noel 2026"), ("No%C3%ABl+2026", "Noël 2026"),
    ("100%FB", "100%FB"),           # a % that starts no UTF-8: the name's own, kept
])
def test_a_campaign_only_ga4_knows_is_shown_decoded(tmp_path, utm, shown):
    """With no cost line naming it, the campaign was shown as GA4 keeps it, "noel%202026";
    it is shown decoded as its key is. By hand: one GA4 row, revenue 250, no cost."""
    ds = dataset(tmp_path, web=web([_web_month(250.0, campaign=utm),
                                    _web_month(50.0, campaign="(not set)")]))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert set(r.index) == {shown, "(unassigned)"}    # (not set): no campaign
    assert r.loc[shown, "revenue"] == 250.0
    assert campaign_roi(ds)["campaign"].tolist() == [shown]


def test_a_costs_campaign_is_shown_as_written(tmp_path):
    """Only GA4's names are URL-decoded: a "+" in costs.csv is the user's ("Promo 2+1", not
    "Promo 2 1"), and its name wins over GA4's encoded one."""
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,,instagram,Promo 2+1,,,\n",
                 web=web([_web_month(250.0, campaign="Promo+2%2B1")]))
    assert roi(ds, "2026-10", by="campaign")["campaign"].tolist() == ["Promo 2+1"]


def test_campaign_key_decodes_only_what_is_url_encoding():
    """A "%" that starts no UTF-8 sequence (100%FB, 50% off) is the name's own: kept, not
    turned into a replacement character; a UTM of "(not set)" encoded is none either."""
    from smmanalytics._web import campaign_key

    names = pd.Series(["100%FB", "50% off", "(not%20set)", "2+1", "2%2B1"])
    assert campaign_key(names).tolist() == ["100_fb", "50_off", pd.NA, "2_1", "2_1"]


def test_an_apostrophe_joins_the_words_of_a_campaign_key(tmp_path):
    """A UTM tag holds no apostrophe: "Soldes d'hiver" is tagged soldes-dhiver. Its key was
    soldes_d_hiver, the tag's soldes_dhiver: the campaign's 300 of ad spend and its 1000 of
    revenue were two rows (ROI -100 % and cost 0). By hand: ROAS 1000 / 300."""
    from smmanalytics._web import campaign_key

    names = pd.Series(["Soldes d'hiver", "Soldes d’hiver", "soldes-dhiver", "L'Oréal"])
    assert campaign_key(names).tolist() == ["soldes_dhiver"] * 3 + ["loreal"]
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,300,,tiktok,Soldes d'hiver,,,\n",
                 web=web([_web_month(1000.0, campaign="soldes-dhiver", source="tiktok",
                                     medium="paid")]))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert r.index.tolist() == ["Soldes d'hiver"]
    assert r.loc["Soldes d'hiver", "roas"] == pytest.approx(1000 / 300)


@pytest.mark.parametrize("source, platform", [
    ("com.instagram.android", "instagram"), ("com.facebook.katana", "facebook"),
    ("com.twitter.android", "x"), ("com.google.android.youtube", "youtube"),
    ("com.zhiliaoapp.musically", "tiktok"), ("com.pinterest", "pinterest"),
    ("com.linkedin.android", "linkedin"), ("android-app://com.linkedin.android", "linkedin"),
    ("android-app://com.google.android.gm", None),         # Gmail: no platform's app
])
def test_an_app_package_source_is_its_platform(source, platform):
    """GA4 names a source by the bare package name of the app too: it was NA, the row
    dropped as not social."""
    from smmanalytics._web import normalize_source

    got = normalize_source(pd.Series([source])).iloc[0]
    assert pd.isna(got) if platform is None else got == platform


@pytest.mark.parametrize("source, medium, platform", [
    ("Linkedin_ads", "cpc", "linkedin"), ("tiktok_ads", "cpc", "tiktok"),
    ("facebook-ads", "paid", "facebook"), ("Insta", "social", "instagram"),
    ("IGShopping", "Social", "instagram"),
    # social sites of no platform (GA4's list of social sources, and Threads, Bluesky):
    # social, in no platform
    ("reddit.com", "referral", UNASSIGNED), ("old.reddit.com", "referral", UNASSIGNED),
    ("whatsapp", "referral", UNASSIGNED), ("messenger", "referral", UNASSIGNED),
    ("threads.net", "referral", UNASSIGNED), ("bsky.app", "referral", UNASSIGNED),
    # Threads' Android app (its package keeps Instagram's name): Threads', not Instagram's
    ("com.instagram.barcelona", "referral", UNASSIGNED),
    ("android-app://com.instagram.barcelona", "referral", UNASSIGNED),
])
def test_hand_typed_and_other_social_sources_are_social(tmp_path, source, medium, platform):
    """Without a channel group, these rows were left out as not social, silently."""
    ds = dataset(tmp_path, web=web([_web_month(127.5, source=source, medium=medium,
                                               group=None)]))
    r = roi(ds, "2026-10", by="platform")
    assert r["platform"].tolist() == [platform] and r.loc[0, "revenue"] == 127.5


_B2_SOURCES = [          # the review's 37 rows: row i has 100 + i sessions, revenue 10 i + 0.5
    "facebook.com / referral", "m.facebook.com / referral", "l.facebook.com / referral",
    "lm.facebook.com / referral", "fb / social", "Facebook / social",
    "instagram.com / referral", "l.instagram.com / referral", "ig / social",
    "IGShopping / Social", "t.co / referral", "x.com / referral", "twitter.com / referral",
    "linkedin.com / referral", "lnkd.in / referral", "com.linkedin.android / referral",
    "android-app://com.linkedin.android / referral", "youtube.com / referral",
    "m.youtube.com / referral", "youtu.be / referral", "tiktok.com / referral",
    "pinterest.com / referral", "pin.it / referral", "FB / cpc", "Insta / social",
    "LinkedIn / social", "Linkedin_ads / cpc", "tiktok_ads / cpc", "social / (none)",
    "(direct) / (none)", "google / cpc", "meta / paid", "threads.net / referral",
    "bsky.app / referral", "reddit.com / referral", "whatsapp / referral",
    "messenger / referral"]


def test_every_social_source_of_a_source_medium_export_is_counted_once(tmp_path):
    """A GA4 export by source / medium (no channel group) of 37 sources, row i of revenue
    10 i + 0.5: 3673.00 was counted social of 7048.50 (app packages, hand-typed sources,
    reddit… left out silently; meta counted Facebook's). By hand, social = all but (direct)
    (row 30) and google / cpc (31): 7048.5 − 300.5 − 310.5 = 6437.5; facebook rows 1-6, 24:
    453.5; instagram 7-10, 25: 592.5; linkedin 14-17, 26, 27: 1153; tiktok 21, 28: 491; no
    platform (social, meta, threads, bsky, reddit, whatsapp, messenger: 29, 32-37): 2363.5."""
    lines = [f'"{s}",{100 + i},{50 + i},{i},{10 * i + 0.5}'
             for i, s in enumerate(_B2_SOURCES, start=1)]
    path = tmp_path / "ga4_sources.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\nSession source / medium,"
                    "Sessions,Engaged sessions,Key events,Total revenue\n"
                    + "\n".join(lines) + "\n", encoding="utf-8")
    (frame,) = read_file(path)
    ds = dataset(tmp_path, web=frame)
    assert roi(ds, "2026-10").loc[0, "revenue"] == pytest.approx(6437.5)
    r = roi(ds, "2026-10", by="platform").set_index("platform")["revenue"]
    assert r.to_dict() == pytest.approx({
        UNASSIGNED: 2363.5, "facebook": 453.5, "instagram": 592.5, "linkedin": 1153.0,
        "pinterest": 451.0, "tiktok": 491.0, "x": 361.5, "youtube": 571.5})


def test_a_meta_source_is_social_in_no_platform_and_noted(tmp_path):
    """utm_source=meta was counted Facebook's: Instagram's ad revenue in Facebook's ROAS. It
    is social in no platform, its figures noted. By hand: 132 sessions (100 + 32), 320.50."""
    rows = [dict(_web_month(300.0, source="meta", medium="paid", group=None)),
            dict(_web_month(20.5, source="Meta", medium="cpc", group="Paid Social"),
                 sessions=32.0),
            _web_month(80.0, source="facebook", medium="paid", group=None)]
    r = roi(dataset(tmp_path, web=web(rows)), "2026-10", by="platform").set_index("platform")
    assert r.loc["facebook", "revenue"] == 80.0
    assert r.loc[UNASSIGNED, "revenue"] == 320.5
    assert ("GA4 sessions of source 'meta' (132 sessions, revenue 320.50) came from Facebook "
            "or Instagram") in r.loc["facebook", "note"]


@settings(max_examples=60, deadline=None)
@given(name=st.text(st.characters(blacklist_characters="%", blacklist_categories=("Cs",)),
                    max_size=20))
@example(name="+")       # "%2B" folded to a key "" where "+" (a space) names no campaign
def test_campaign_key_of_a_name_and_of_its_url_encoding_agree(name):
    """A name and the way a link's query writes it (urllib's quote_plus) share their key."""
    from urllib.parse import quote_plus

    from smmanalytics._web import campaign_key

    keys = campaign_key(pd.Series([name, quote_plus(name)], dtype="string"))
    assert keys.iloc[0] is keys.iloc[1] or keys.iloc[0] == keys.iloc[1]


def test_roi_without_ga4_is_unknown_not_zero(tmp_path):
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n")
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["revenue"]) and pd.isna(row["roi"]) and pd.isna(row["roas"])
    assert "no GA4 data covers 2026-10" in row["note"]


def test_roi_notes_ga4_exports_that_cover_part_of_the_period(tmp_path):
    """A GA4 export by day stopping on 15 October (its preamble's end date) against a month of
    costs: ROI compared half a month of revenue with a whole month of costs without a word,
    while a costs.csv covering part of a period is noted. The ratios set the revenue of the
    days GA4 covers against the costs of those days alone, and say so."""
    lines = ["# ----------------------------------------", "# Traffic acquisition",
             "# ----------------------------------------", "# ", "# All Users",
             "# Start date: 20261001", "# End date: 20261015",
             "Date,Session source / medium,Sessions,Key events,Total revenue"]
    # 10 sessions, 1 key event and 20.00 of revenue a day from instagram, none on 10-07
    lines += [f"202610{d:02d},instagram / social,10,1,20.00" for d in range(1, 16) if d != 7]
    lines += ["20261003,google / organic,50,5,99.00"]
    (tmp_path / "ga4.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    costs_file(tmp_path, "2026-10-01,2026-10-31,labor,620,,,,,,\n")
    ds = smm.load(tmp_path)
    row = roi(ds, "2026-10").iloc[0]
    assert row["note_codes"].split("; ")[:2] == ["ga4_partly", "ratios_ga4_days"]
    # 14 days × 20 = 280 of revenue against the costs of 1-15 October, 620 × 15 / 31 = 300:
    # ROI = (280 - 300) / 300; the cost column stays the month's 620
    assert row["revenue"] == pytest.approx(280.0)
    assert row["cost"] == pytest.approx(620.0)
    assert row["roi"] == pytest.approx(-20 / 300)
    assert row["cpa"] == pytest.approx(300 / 14)          # 14 key events
    assert ("roi, roas and cpa set GA4's figures against the costs from 2026-10-01 to "
            "2026-10-15 alone, the days of 2026-10 both GA4 data and costs.csv cover"
            in row["note"].split("; "))
    note = ("GA4 data run over 2026-10 from 2026-10-01 to 2026-10-15 only: traffic outside "
            "those days is not in them")
    assert note in row["note"].split("; ")
    # 10-07 has no social row, yet the export covers it; the first half is wholly covered
    assert "GA4 data" not in str(roi(ds, ("2026-10-01", "2026-10-15")).iloc[0]["note"])
    assert Formatter("fr").note(note) == (
        "les données GA4 ne couvrent octobre 2026 que du 1er au 15 octobre 2026 : "
        "le trafic hors de ces jours n'y figure pas")
    # monthly exports of October and December, none of November: 62 of Q4's 92 days
    ds = dataset(web=web([_web_month(100.0),
                          _web_month(50.0, start="2026-12-01", end="2026-12-31")]))
    row = roi(ds, "2026-Q4").iloc[0]
    assert row["revenue"] == pytest.approx(150.0)
    gap = "GA4 data cover 62 of the 92 days of 2026-Q4: traffic of the other days is not in them"
    assert gap in row["note"].split("; ")
    assert Formatter("it").note(gap).startswith(
        "i dati GA4 coprono 62 giorni su 92 del 4° trimestre 2026: ")


_SEP_TO_NOV_COSTS = ("2026-09-01,2026-09-30,labor,,EUR,,,10,30.00,\n"
                     "2026-10-01,2026-10-31,labor,,EUR,,,10,30.00,\n"
                     "2026-11-01,2026-11-30,labor,,EUR,,,10,30.00,\n"
                     "2026-01-01,2026-12-31,tools,365.00,EUR,,,,,yearly\n"
                     "2026-10-01,2026-10-31,ad_spend,500.00,EUR,instagram,automne,,,\n")


def test_roi_gives_the_figures_its_ratios_divide(tmp_path):
    """attrs["ratio_figures"]: the cost, ad spend, value and revenue roi and roas divide. Q4,
    costs.csv kept to 30 November, GA4 of October alone: the cost column is 1161 (labour
    300 + 300, tools 31 + 30, ads 500), the ratios' cost October's 831 (300 + 31 + 500);
    the revenue 1600 both. With GA4 of December too (100), the revenue column is 1700, the
    ratios' October's 1600. October alone: the columns' own."""
    ds = dataset(tmp_path, _SEP_TO_NOV_COSTS, web=web([_web_month(1600.0)]))
    q4 = roi(ds, "2026-Q4")
    assert q4.loc[0, "cost"] == pytest.approx(1161.0)
    assert q4.attrs["ratio_figures"] == [pytest.approx(
        {"cost": 831.0, "ad_spend": 500.0, "value": 1600.0, "revenue": 1600.0})]
    ds = dataset(tmp_path, _SEP_TO_NOV_COSTS, web=web([
        _web_month(1600.0), _web_month(100.0, start="2026-12-01", end="2026-12-31")]))
    q4 = roi(ds, "2026-Q4")
    assert q4.loc[0, "revenue"] == pytest.approx(1700.0)
    assert q4.attrs["ratio_figures"] == [pytest.approx(
        {"cost": 831.0, "ad_spend": 500.0, "value": 1600.0, "revenue": 1600.0})]
    october = roi(ds, "2026-10", by="campaign")
    # (unassigned): labour 300 + tools 31, no revenue of its own (GA4's row names no
    # campaign: 1600 is unassigned's); automne: ads 500
    assert october.attrs["ratio_figures"] == [
        pytest.approx({"cost": 331.0, "ad_spend": 0.0, "value": 1600.0, "revenue": 1600.0}),
        pytest.approx({"cost": 500.0, "ad_spend": 500.0, "value": 0.0, "revenue": 0.0})]


def test_ratios_leave_out_the_costs_of_days_ga4_does_not_cover(tmp_path):
    """GA4 exported for October alone, costs.csv kept from September to November: roi() of
    October gave ROI 0.925, of November NaN (no GA4), but of October-November and of Q4 0.378,
    November's costs set against a revenue counted 0. The ratios set GA4's figures against the
    costs of the days both cover; the cost column stays the period's, and a note says so."""
    costs = ("2026-09-01,2026-09-30,labor,,EUR,,,10,30.00,\n"
             "2026-10-01,2026-10-31,labor,,EUR,,,10,30.00,\n"
             "2026-11-01,2026-11-30,labor,,EUR,,,10,30.00,\n"
             "2026-01-01,2026-12-31,tools,365.00,EUR,,,,,yearly\n"
             "2026-10-01,2026-10-31,ad_spend,500.00,EUR,instagram,automne,,,\n")
    ds = dataset(tmp_path, costs, web=web([_web_month(1600.0, key_events=16.0)]))
    # October: labour 300 + tools 365 × 31 / 365 = 31 + ads 500 = 831
    october = roi(ds, "2026-10").iloc[0]
    assert october["cost"] == pytest.approx(831.0)
    assert october["roi"] == pytest.approx((1600 - 831) / 831)          # 0.9254
    for period in ("2026-10..2026-11", "2026-Q4"):
        row = roi(ds, period).iloc[0]
        # costs.csv is kept to 30 November: 831 + labour 300 + tools 30 = 1161 over the period
        assert row["cost"] == pytest.approx(1161.0)
        assert row["revenue"] == pytest.approx(1600.0)
        # the ratios over October alone, as October's own row: not (1600 - 1161) / 1161 = 0.378
        assert row["roi"] == pytest.approx((1600 - 831) / 831)
        assert row["roas"] == pytest.approx(1600 / 500)
        assert row["cpa"] == pytest.approx(831 / 16)                    # 51.94, not 72.56
        label = smm.parse_period(period).label
        assert ("roi, roas and cpa set GA4's figures against the costs from 2026-10-01 to "
                f"2026-10-31 alone, the days of {label} both GA4 data and costs.csv cover"
                in row["note"].split("; "))
    assert "ratios_ga4_days" not in str(october["note_codes"])
    # November alone: no GA4 at all, the ratios unknown as before
    assert pd.isna(roi(ds, "2026-11").iloc[0]["roi"])
    # GA4 for October and December, costs to November: the 31 days of Q4 both cover (October)
    ds = dataset(tmp_path, costs, web=web([_web_month(1600.0, key_events=16.0),
                                           _web_month(100.0, start="2026-12-01",
                                                      end="2026-12-31")]))
    row = roi(ds, "2026-Q4").iloc[0]
    assert row["revenue"] == pytest.approx(1700.0)
    # December's 100 of revenue has no known cost (costs.csv stops on 30 November): the ratios
    # take October's revenue alone, not (1700 - 831) / 831 = 1.046
    assert row["roi"] == pytest.approx((1600 - 831) / 831)
    assert "ratios_costs_days" in row["note_codes"].split("; ")
    # exports of September and November, none of October: 2 runs, 60 days of 2026-09..11
    ds = dataset(tmp_path, costs, web=web([
        _web_month(900.0, start="2026-09-01", end="2026-09-30"),
        _web_month(100.0, start="2026-11-01", end="2026-11-30")]))
    row = roi(ds, "2026-09..2026-11").iloc[0]
    # September 300 + 30, November 300 + 30: (1000 - 660) / 660
    assert row["cost"] == pytest.approx(1491.0)            # 330 + 831 + 330
    assert row["roi"] == pytest.approx(340 / 660)
    assert ("roi, roas and cpa set GA4's figures against the costs of the 60 days of "
            "2026-09-01..2026-11-30 both GA4 data and costs.csv cover alone"
            in row["note"].split("; "))
    assert pd.isna(row["roas"])           # no ad spend on those days
    # GA4 for December alone, costs to November: no day in common in Q4
    ds = dataset(tmp_path, costs, web=web([_web_month(100.0, start="2026-12-01",
                                                      end="2026-12-31")]))
    row = roi(ds, "2026-Q4").iloc[0]
    assert row["cost"] == pytest.approx(1161.0)
    assert pd.isna(row["roi"]) and pd.isna(row["roas"]) and pd.isna(row["cpa"])
    assert row["note_codes"].split("; ")[:3] == ["costs_partly", "ga4_partly",
                                                 "ratios_no_common_days"]
    assert "roi_cost_unknown" not in row["note_codes"]      # the cost is known: 1161
    for lang, start in (("fr", "ROI, ROAS et CPA non calculables : "),
                        ("it", "ROI, ROAS e CPA non calcolabili: ")):
        assert Formatter(lang).note(row["note"].split("; ")[2],
                                    "ratios_no_common_days").startswith(start)


def test_ratios_leave_out_ga4_figures_of_days_costs_csv_does_not_cover(tmp_path):
    """costs.csv entered to October (its last month of labour), GA4 exported for October and
    November: roi() of October-November set the revenue of both months, 1550 + 900 = 2450,
    against October's costs alone, 465 (November's unknown, not counted): ROI 4.27 instead of
    October's 2.33. The ratios take GA4's figures of the days both cover; the revenue column
    stays the period's, and a note says so. A month entered without a line of some category
    (no ad spend in November) had nothing spent: its revenue counts."""
    costs = ("2026-09,,labor,310,,,,,,\n"
             "2026-10,,labor,310,,,,,,\n"
             "2026-10-01,2026-10-31,ad_spend,155,,instagram,,,,\n")
    months = web([_web_month(1550.0, key_events=10.0),
                  _web_month(900.0, key_events=6.0, start="2026-11-01", end="2026-11-30")])
    ds = dataset(tmp_path, costs, web=months)
    row = roi(ds, "2026-10..2026-11").iloc[0]
    # costs over 1-31 October (costs.csv kept to 31 October): 310 + 155 = 465
    assert row["cost"] == pytest.approx(465.0)
    assert row["revenue"] == pytest.approx(2450.0) and row["key_events"] == pytest.approx(16.0)
    # October's GA4 figures alone: ROI (1550 - 465) / 465 = 2.333, not (2450 - 465) / 465
    # = 4.269; ROAS 1550 / 155 = 10, not 15.8; CPA 465 / 10 = 46.5, not 465 / 16 = 29.06
    assert row["roi"] == pytest.approx((1550 - 465) / 465)
    assert row["roas"] == pytest.approx(10.0)
    assert row["cpa"] == pytest.approx(46.5)
    assert row["note_codes"].split("; ")[:2] == ["costs_partly", "ratios_costs_days"]
    note = ("roi, roas and cpa set GA4's figures from 2026-10-01 to 2026-10-31 alone against "
            "the costs of those days, the days of 2026-10-01..2026-11-30 both GA4 data and "
            "costs.csv cover")
    assert note in row["note"].split("; ")
    assert Formatter("fr").note(note, "ratios_costs_days").startswith(
        "ROI, ROAS et CPA rapportent les seuls chiffres de GA4 du 1er au "
        "31 octobre 2026 aux coûts de ces jours")
    assert Formatter("it").note(note, "ratios_costs_days").startswith(
        "ROI, ROAS e CPA rapportano i soli dati di GA4 dal 1° al 31 ottobre 2026 ")
    # with value_per_key_event 20: (1550 + 10 × 20 - 465) / 465, not (2450 + 16 × 20 - 465)
    row = roi(ds, "2026-10..2026-11", value_per_key_event=20).iloc[0]
    assert row["value"] == pytest.approx(2450 + 16 * 20)
    assert row["roi"] == pytest.approx((1550 + 200 - 465) / 465)
    # per platform: instagram's own October revenue against its ad spend
    plat = roi(ds, "2026-10..2026-11", by="platform").set_index("platform")
    assert plat.loc["instagram", "roas"] == pytest.approx(10.0)
    # November entered with labour but no ad spend: nothing spent on ads, all its revenue
    # counts: ROI (2450 - 775) / 775 with 310 + 155 + 310 = 775, ROAS 2450 / 155 = 15.81
    ds = dataset(tmp_path, costs + "2026-11,,labor,310,,,,,,\n", web=months)
    row = roi(ds, "2026-10..2026-11").iloc[0]
    assert row["roi"] == pytest.approx((2450 - 775) / 775)
    assert row["roas"] == pytest.approx(2450 / 155)
    assert "ratios_" not in str(row["note_codes"])


def test_a_costs_csv_of_payments_dated_by_day_covers_their_months(tmp_path):
    """A costs.csv of payments, each dated by its day (a ``date`` column): a fee paid on
    3 September and labour paid on 1 October read as a file kept from 3 September to
    1 October, so that October's GA4 revenue was set against one day of it. A file dated by
    single days covers the months its days fall in: 1 September to 31 October."""
    from smmanalytics.roi import costs_span

    path = tmp_path / "costs.csv"
    path.write_text("date,category,amount\n2026-09-03,influencer,200\n"
                    "2026-10-01,labor,300\n", encoding="utf-8")
    assert costs_span(read_costs(path)) == (dt.date(2026, 9, 1), dt.date(2026, 10, 31))
    ds = dataset(tmp_path, "2026-09-03,,influencer,200,,,,,,\n2026-10-01,,labor,300,,,,,,\n",
                 web=web([_web_month(600.0), _web_month(900.0, start="2026-11-01",
                                                        end="2026-11-30")]))
    october = roi(ds, "2026-10").iloc[0]
    # October whole: (600 - 300) / 300 = 1, no note on the costs' days
    assert october["roi"] == pytest.approx(1.0)
    assert not {"costs_partly", "ratios_ga4_days", "ratios_costs_days"} & set(
        october["note_codes"].split("; "))
    # Q4: costs known for September and October, so for October alone, November's 900 left
    # out of the ratios: (600 - 300) / 300 = 1, not (1500 - 300) / 300 = 4
    q4 = roi(ds, "2026-Q4").iloc[0]
    assert q4["cost"] == pytest.approx(300.0) and q4["revenue"] == pytest.approx(1500.0)
    assert q4["roi"] == pytest.approx(1.0)


def test_ga4_revenue_in_another_currency_is_unknown_not_zero(tmp_path):
    """A GA4 property in USD for a brand in EUR: roi() left its rows out whole (revenue 0,
    sessions 0, key events 0: ROI -100 %, ROAS 0), while the scorecard summed the dollars as
    euros (a revenue goal of 500 'met' with 600). The rows' sessions and key events count; their
    revenue is unknown in both."""
    lines = ["# Traffic acquisition: Session source / medium", "# Start date: 20261001",
             "# End date: 20261031",
             "Session source / medium,Sessions,Key events,Total revenue",
             'Grand total,900,30,"$1,500.00"',
             "instagram / social,300,10,$500.00",
             "t.co / referral,100,2,$100.00",
             "google / organic,500,18,$900.00"]
    (tmp_path / "ga4.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    costs_file(tmp_path, "2026-10-01,2026-10-31,ad_spend,96,,,,,,\n")
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - metric: revenue\n    target: 500\n  - metric: sessions\n"
        "    target: 300\n  - metric: roas\n    target: 2\n", encoding="utf-8")
    ds = smm.load(tmp_path)
    assert ds.brand.currency == "EUR"
    row = roi(ds, "2026-10").iloc[0]
    assert row["sessions"] == 400.0 and row["key_events"] == 12.0       # instagram + t.co
    assert pd.isna(row["revenue"]) and pd.isna(row["roi"]) and pd.isna(row["roas"])
    assert row["cpa"] == pytest.approx(96 / 12)
    assert ("2 GA4 rows give revenue in USD, not the brand currency EUR: revenue unknown"
            in row["note"].split("; "))
    by = roi(ds, "2026-10", by="platform").set_index("platform")
    assert by.loc["x", "key_events"] == 2.0 and pd.isna(by.loc["x", "revenue"])
    assert by.loc["(unassigned)", "revenue"] == 0.0       # no traffic, none in dollars
    sc = smm.scorecard(ds, "2026-10", asof="2026-11-05").set_index("metric")
    # the revenue is there, in dollars: not computable, not "no data"
    assert pd.isna(sc.loc["revenue", "actual"])
    assert sc.loc["revenue", "status"] == sc.loc["roas", "status"] == "not computable"
    assert sc.loc["revenue", "note"] == ("GA4 revenue is in USD, not the brand currency EUR: "
                                         "revenue cannot be computed")
    assert sc.loc["sessions", "actual"] == 400.0 and sc.loc["sessions", "status"] == "met"
    assert sc.loc["roas", "note"].endswith("EUR: roas cannot be computed")
    f = Formatter("fr")
    f.notes(row["note"])
    f.note(sc.loc["revenue", "note"])
    assert not f.untranslated


def test_cpc_by_platform_says_why_the_spend_without_a_platform_has_none(tmp_path):
    """by="platform" named the ad spend without a platform a platform of its own: its row said
    "paid posts of (unassigned) unknown" although every platform's paid posts are known; it
    has no cpc because no paid post belongs to it."""
    costs = ("2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n"
             "2026-10-01,2026-10-31,ad_spend,50,,,,,,\n")
    ds = dataset(tmp_path, costs, posts=posts([
        {"platform": "facebook", "post_id": "1", "published_at": "2026-10-05T10:00:00Z",
         "paid": True, "link_clicks": 20.0, "impressions": 1000.0},
        {"platform": "facebook", "post_id": "2", "published_at": "2026-10-06T10:00:00Z",
         "paid": False, "link_clicks": 5.0, "impressions": 500.0}]))
    assert roi(ds, "2026-10").iloc[0]["cpc"] == pytest.approx(150 / 20)
    by = roi(ds, "2026-10", by="platform").set_index("platform")
    assert by.loc["facebook", "cpc"] == pytest.approx(100 / 20)
    assert by.loc["facebook", "cpm"] == pytest.approx(100 / 1000 * 1000)
    row = by.loc["(unassigned)"]
    assert row["ad_spend"] == 50.0 and pd.isna(row["cpc"]) and pd.isna(row["cpm"])
    notes = row["note"].split("; ")
    assert "cpc NaN: link clicks of paid posts is unknown" in notes
    assert not any("(unassigned) unknown" in n for n in notes)


def test_roi_social_only_with_source_aliases(tmp_path):
    rows = [
        _web_month(100.0, source="l.instagram.com", medium="referral", group=None),
        _web_month(40.0, source="lnkd.in", medium="referral", group=None),
        _web_month(500.0, source="google", medium="organic", group="Organic Search"),
        _web_month(60.0, source="t.co", medium="referral", group="Organic Social"),
        _web_month(30.0, source="m.facebook.com", medium="cpc", group="Paid Social"),
    ]
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n", web=web(rows))
    r = roi(ds, "2026-10", by="platform")
    got = dict(zip(r["platform"], r["revenue"], strict=True))
    assert got == {"(unassigned)": 0.0, "facebook": 30.0, "instagram": 100.0,
                   "linkedin": 40.0, "x": 60.0}
    assert roi(ds, "2026-10").loc[0, "revenue"] == 230.0   # 100 + 40 + 60 + 30, search excluded


def test_roi_social_sources_on_a_platform_subdomain_or_its_app(tmp_path):
    """GA4 names Facebook's desktop site web.facebook.com, Instagram's mobile one
    m.instagram.com and LinkedIn's app android-app://com.linkedin.android: without a channel
    group (the sample's files have none) their revenue was left out of social, unsaid."""
    rows = [
        _web_month(1000.0, source="web.facebook.com", medium="referral", group=None),
        _web_month(500.0, source="m.instagram.com", medium="referral", group=None),
        _web_month(50.0, source="android-app://com.linkedin.android", medium="referral",
                   group=None),
        _web_month(20.0, source="fr.linkedin.com", medium="referral", group=None),
        _web_month(700.0, source="notfacebook.com", medium="referral", group=None),
    ]
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n", web=web(rows))
    r = roi(ds, "2026-10", by="platform")
    got = dict(zip(r["platform"], r["revenue"], strict=True))
    assert got == {"(unassigned)": 0.0, "facebook": 1000.0, "instagram": 500.0,
                   "linkedin": 70.0}
    assert roi(ds, "2026-10").loc[0, "revenue"] == 1570.0   # notfacebook.com is no social


def test_roi_by_campaign_rows_add_up(tmp_path):
    costs = ("2026-10-01,2026-10-31,ad_spend,300,,instagram,Autumn Launch,,,\n"
             "2026-10-01,2026-10-31,labor,200,,,,,,\n")
    rows = [_web_month(900.0, key_events=3.0, campaign="autumn_launch"),
            _web_month(50.0, key_events=1.0)]
    ds = dataset(tmp_path, costs, web=web(rows))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert r.loc["Autumn Launch", "roi"] == pytest.approx(2.0)   # (900 - 300) / 300
    assert r.loc["Autumn Launch", "roas"] == pytest.approx(3.0)
    assert r.loc["(unassigned)", "cost"] == 200 and r.loc["(unassigned)", "revenue"] == 50
    total = roi(ds, "2026-10").iloc[0]
    assert r["cost"].sum() == total["cost"] and r["revenue"].sum() == total["revenue"]


def test_roi_monthly_ga4_prorated_when_partial(tmp_path):
    # a Sep 16 - Oct 15 export (30 days): 15 days in October -> half of 300
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,50,,,,,,\n",
                 web=web([_web_month(300.0, start="2026-09-16", end="2026-10-15")]))
    row = roi(ds, "2026-10").iloc[0]
    assert row["revenue"] == pytest.approx(150.0)
    assert "prorated by day" in row["note"]


def test_one_ga4_row_is_said_in_the_singular(tmp_path):
    """One GA4 export of 16 September – 15 October: the note said "1 GA4 rows span beyond
    2026-10", and the reports "1 lignes GA4 débordent", "1 righe GA4 vanno oltre"; one row
    is one row in every language. Two rows stay plural."""
    from smmanalytics.report import Formatter

    one = dataset(tmp_path, "2026-10-01,,ad_spend,50,,,,,,\n",
                  web=web([_web_month(300.0, start="2026-09-16", end="2026-10-15")]))
    row = roi(one, "2026-10").iloc[0]
    codes = row["note_codes"].split("; ")
    [note] = [n for c, n in zip(codes, row["note"].split("; "), strict=True)
              if c == "ga4_prorated"]
    assert note == "1 GA4 row spans beyond 2026-10: prorated by day"
    assert Formatter("fr").note(note, "ga4_prorated") == \
        "1 ligne GA4 déborde d'octobre 2026 : proratisée au jour"
    assert Formatter("it").note(note, "ga4_prorated") == \
        "1 riga GA4 va oltre ottobre 2026: ripartita per giorno"
    two = dataset(tmp_path, "2026-10-01,,ad_spend,50,,,,,,\n",
                  web=web([_web_month(300.0, start="2026-09-16", end="2026-10-15"),
                           _web_month(100.0, start="2026-10-16", end="2026-11-15")]))
    assert "2 GA4 rows span beyond 2026-10: prorated by day" in roi(two, "2026-10").iloc[0]["note"]
    f = Formatter("en")
    assert f.note("1 social GA4 row has no date or period and was not counted",
                  "ga4_undated") == "1 social GA4 row has no date or period and was not counted"
    assert Formatter("fr").note("1 GA4 row left out: its dates overlap another export already "
                                "counted (no double counting)", "ga4_overlap_left_out") == (
        "1 ligne GA4 laissée de côté : ses dates chevauchent un autre export déjà compté (pas "
        "de double comptage)")
    assert Formatter("it").note("1 GA4 row broken down by device left out: another table of "
                                "the same dates is more detailed (no double counting)",
                                "ga4_breakdown_left_out") == (
        "1 riga GA4 suddivisa per device esclusa: un'altra tabella delle stesse date è più "
        "dettagliata (nessun doppio conteggio)")


def test_roi_cpc_cpm_from_paid_posts(tmp_path):
    p = posts([
        {"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
         "paid": True, "impressions": 20000.0, "link_clicks": 50.0},
        {"platform": "instagram", "post_id": "2", "published_at": "2026-10-04T10:00Z",
         "paid": False, "impressions": 5000.0, "link_clicks": 10.0},
    ])
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n", posts=p,
                 web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert row["cpc"] == pytest.approx(2.0)       # 100 / 50
    assert row["cpm"] == pytest.approx(5.0)       # 100 / 20000 × 1000


def _boosted_two():
    """Two boosted Facebook posts of October: post 1's export splits its 30,000 views (25,000
    boosted) and has 50 link clicks; post 2's does not split its 10,000 views (30 clicks)."""
    return posts([
        {"platform": "facebook", "post_id": "1", "published_at": "2026-10-03T10:00Z",
         "paid": True, "views": 30000.0, "views_boosted": 25000.0, "link_clicks": 50.0},
        {"platform": "facebook", "post_id": "2", "published_at": "2026-10-04T10:00Z",
         "paid": True, "views": 10000.0, "link_clicks": 30.0},
    ])


def test_roi_cpm_prices_the_paid_views_of_boosted_posts(tmp_path):
    """Review s55R2 F3: an ad CPM prices the impressions the spend bought. Post 1's export
    splits its 30,000 views (25,000 boosted), post 2's does not (10,000 views, all counted,
    noted). By hand: cpm = 140 / (25,000 + 10,000) × 1000 = 4.00 (all views: 140 / 40,000
    × 1000 = 3.50); cpc = 140 / (50 + 30) = 1.75, Meta's link clicks being a post's total
    (noted)."""
    p = _boosted_two()
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,140,,,,,,\n", posts=p,
                 web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert row["cpm"] == pytest.approx(4.0)
    assert row["impressions"] == 35000
    assert row["cpc"] == pytest.approx(1.75)
    codes = row["note_codes"].split("; ")
    assert "cpm_organic_included" in codes and "cpc_organic_included" in codes
    assert ("cpm counts all the impressions of paid posts, organic ones included, where their "
            "exports give no paid split") in row["note"]
    assert Formatter("fr").note("cpm counts all the impressions of paid posts, organic ones "
                                "included, where their exports give no paid split",
                                "cpm_organic_included").startswith("le CPM compte toutes")


def test_roi_no_organic_note_on_a_cpc_cpm_not_given(tmp_path):
    """Review s55DB 5: the boosted posts above (no paid split on post 2) with their ad spend
    in USD, the brand's currency EUR: cpc and cpm are NaN (the spend unknown), and their row
    said what cpc and cpm count ("organic ones included") beside "cpc NaN". No note on what
    a figure not given counts; the NaN's reason, in every language."""
    p = _boosted_two()
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,140,USD,facebook,,,,\n", posts=p,
                 web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cpc"]) and pd.isna(row["cpm"])
    assert (row["impressions"], row["link_clicks"]) == (35000, 80)    # 25,000 + 10,000; 50 + 30
    notes = dict(zip(row["note_codes"].split("; "), row["note"].split("; "), strict=True))
    assert "cpc_organic_included" not in notes and "cpm_organic_included" not in notes
    assert "organic" not in row["note"]
    [(code, why)] = [(c, n) for c, n in notes.items() if n.startswith("cpc NaN")]
    assert why == "cpc NaN: ad spend unknown"
    assert Formatter("fr").note(why, code) == "CPC non calculable : dépense publicitaire inconnue"
    assert Formatter("it").note(why, code) == "CPC non calcolabile: spesa pubblicitaria sconosciuta"


def test_roi_cpc_cpm_with_every_paid_split_have_no_note(tmp_path):
    """X's promoted copy splits both: 8,000 of 10,000 impressions and 20 of 25 link clicks.
    By hand: cpm = 40 / 8,000 × 1000 = 5.00, cpc = 40 / 20 = 2.00; nothing organic counted."""
    p = posts([{"platform": "x", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "paid": True, "impressions": 10000.0, "promoted_impressions": 8000.0,
                "link_clicks": 25.0, "promoted_link_clicks": 20.0}])
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,40,,x,,,,\n", posts=p,
                 web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert (row["cpm"], row["cpc"]) == (pytest.approx(5.0), pytest.approx(2.0))
    assert "organic_included" not in (row["note_codes"] or "")


def _mixed_paid_dataset(tmp_path, costs):
    # facebook's boosted post is flagged; instagram's exports carry no paid flag (NA)
    p = posts([
        {"platform": "facebook", "post_id": "1", "published_at": "2026-10-03T10:00Z",
         "paid": True, "impressions": 40000.0, "link_clicks": 80.0, "campaign": "a"},
        {"platform": "facebook", "post_id": "2", "published_at": "2026-10-04T10:00Z",
         "paid": False, "impressions": 5000.0, "link_clicks": 10.0, "campaign": "a"},
        {"platform": "instagram", "post_id": "3", "published_at": "2026-10-05T10:00Z",
         "paid": None, "impressions": 9000.0, "link_clicks": 30.0, "campaign": "a"},
    ])
    return dataset(tmp_path, costs, posts=p, web=web([_web_month(150.0)]))


def test_roi_cpc_cpm_leave_out_platforms_whose_paid_posts_are_unknown(tmp_path):
    ds = _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,200,,facebook,a,,,\n"
                                       "2026-10-01,,ad_spend,300,,instagram,a,,,\n")
    row = roi(ds, "2026-10").iloc[0]
    assert row["ad_spend"] == 500                  # the cost itself is all spend
    assert row["cpc"] == pytest.approx(2.5)        # facebook's 200 / its 80 clicks, not 500 / 80
    assert row["cpm"] == pytest.approx(5.0)        # 200 / 40000 × 1000
    assert "leave out the ad spend of instagram: paid posts of instagram unknown" in row["note"]
    by = roi(ds, "2026-10", by="platform").set_index("platform")
    assert by.loc["facebook", "cpc"] == pytest.approx(2.5)
    assert pd.isna(by.loc["instagram", "cpc"]) and pd.isna(by.loc["instagram", "cpm"])
    assert "paid posts of instagram unknown" in by.loc["instagram", "note"]
    camp = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert camp.loc["a", "cpc"] == pytest.approx(2.5)
    assert camp.loc["a", "cpm"] == pytest.approx(5.0)
    assert "ad spend of instagram" in camp.loc["a", "note"]


def test_roi_cpc_cpm_keep_a_foreign_line_they_leave_out_anyway(tmp_path):
    """Review s55R2 F4: a USD ad spend line on Instagram, whose paid posts are unknown, makes
    the ad spend unknown but not the total's cpc and cpm, which divide Facebook's spend
    alone. By hand: cpc = 200 / 80 = 2.50, cpm = 200 / 40,000 × 1000 = 5.00."""
    ds = _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,200,EUR,facebook,a,,,\n"
                                       "2026-10-01,,ad_spend,300,USD,instagram,a,,,\n")
    campaign = roi(ds, "2026-10", by="campaign").set_index("campaign").loc["a"]
    for row in (roi(ds, "2026-10").iloc[0], campaign):
        assert pd.isna(row["ad_spend"]) and pd.isna(row["roas"])
        assert (row["cpc"], row["cpm"]) == (pytest.approx(2.5), pytest.approx(5.0))
        assert "1 cost line in USD makes the total cost unknown" in row["note"]
        assert "leave out the ad spend of instagram" in row["note"]


def test_roi_cpc_cpm_unknown_for_a_foreign_line_they_would_divide(tmp_path):
    """The USD line on Facebook, whose paid posts are known: the spend cpc and cpm divide is
    unknown, 200 USD + 0 EUR, and they are NaN, the line named by the row's note."""
    ds = _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,200,USD,facebook,a,,,\n"
                                       "2026-10-01,,ad_spend,300,EUR,instagram,a,,,\n")
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cpc"]) and pd.isna(row["cpm"])
    assert {"cpc_ad_spend_unknown", "cpm_ad_spend_unknown",
            "costs_foreign_currency"} <= set(row["note_codes"].split("; "))
    assert "2026-10 ad_spend 200.00 USD" in row["note"]


def test_roi_cpc_nan_when_no_spend_has_known_paid_posts(tmp_path):
    ds = _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,300,,instagram,a,,,\n")
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cpc"]) and pd.isna(row["cpm"])
    assert "cpc and cpm NaN: paid posts of instagram unknown" in row["note"]


def test_roi_spend_without_platform_left_out_when_a_platform_has_unknown_paid(tmp_path):
    ds = _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,200,,facebook,a,,,\n"
                                       "2026-10-01,,ad_spend,100,,,a,,,\n")
    row = roi(ds, "2026-10").iloc[0]
    assert row["cpc"] == pytest.approx(2.5)        # 200 / 80: the 100 may have bought instagram
    assert "ad spend without a platform: paid posts of instagram unknown" in row["note"]


def test_roi_foreign_currency_left_out_with_note(tmp_path):
    """A USD tools line beside €100 of ad spend: the total cost is unknown in euros (it read
    100, the $70 left out: ROI counted the revenue against part of the cost); the ad spend,
    all in euros, is known: ROAS 150 / 100 = 1.5."""
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n2026-10-01,,tools,70,USD,,,,,\n",
                 web=web([_web_month(150.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cost"]) and pd.isna(row["tools"]) and pd.isna(row["roi"])
    assert row["ad_spend"] == 100 and row["roas"] == pytest.approx(1.5)
    # the note says the cost is unknown, and which line (it said "left out", beside a "–")
    assert ("1 cost line in USD makes the total cost unknown: convert 2026-10 tools 70.00 USD "
            "to EUR, the brand currency, in costs.csv") in row["note"]
    assert "roi_cost_unknown" in row["note_codes"].split("; ")
    ds = dataset(tmp_path, "2026-10-01,,tools,70,USD,,,,,\n2026-10-01,,tools,30,CHF,,,,,\n",
                 web=web([_web_month(150.0)]))
    assert ("2 cost lines in CHF, USD make the total cost unknown: convert 2026-10 tools 70.00 "
            "USD, 2026-10 tools 30.00 CHF to EUR, the brand currency, in costs.csv"
            in roi(ds, "2026-10").iloc[0]["note"])


def test_roi_names_the_first_three_cost_lines_in_another_currency(tmp_path):
    """Five USD lines (file order: July to November 2026, one over September-December): the
    note names the first three of them, and says all five make the cost unknown. (September,
    without the monthly tools line of the four others, is noted.)"""
    with pytest.warns(smm.DataQualityWarning, match="no tools line for 2026-09"):
        ds = dataset(tmp_path, "2026-07-01,2026-07-31,tools,9.99,USD,,,,,\n"
                               "2026-08-01,2026-08-31,tools,9.99,USD,,,,,\n"
                               "2026-09-01,2026-12-31,ad_spend,1200,USD,,,,,\n"
                               "2026-10-01,2026-10-31,tools,9.99,USD,,,,,\n"
                               "2026-11-01,2026-11-30,tools,9.99,USD,,,,,\n")
    row = roi(ds, "2026").iloc[0]
    assert pd.isna(row["cost"]) and pd.isna(row["roi"])
    assert ("5 cost lines in USD make the total cost unknown, among them 2026-07 tools 9.99 "
            "USD, 2026-08 tools 9.99 USD, 2026-09–2026-12 ad_spend 1,200.00 USD: convert them "
            "to EUR, the brand currency, in costs.csv") in row["note"]


def test_a_foreign_line_makes_its_sum_unknown_at_every_period_length(tmp_path):
    """September's ad spend is $200 for rentree-2026, whose GA4 row brings €900: September's
    ROAS was unknown, but Q3's read (3,900 + 900 + 50) / 310 = 15.97, rentree's revenue
    counted against the spend without its dollars. A sum holding an amount in another
    currency is unknown at any length: Q3's ad spend, cost, ROAS and ROI are NaN like
    September's; July, all in euros, keeps ROAS 3,900 / 310 = 12.58 and ROI
    (3,900 − 1,310) / 1,310 = 1.977."""
    ds = dataset(tmp_path, "2026-07-01,2026-07-31,labor,1000,EUR,,,,,\n"
                           "2026-08-01,2026-08-31,labor,1000,EUR,,,,,\n"
                           "2026-09-01,2026-09-30,labor,1000,EUR,,,,,\n"
                           "2026-07-01,2026-07-31,ad_spend,310,EUR,facebook,ete-2026,,,\n"
                           "2026-09-01,2026-09-30,ad_spend,200,USD,instagram,rentree-2026,,,\n",
                 web=web([_web_month(3900.0, campaign="ete-2026", source="facebook.com",
                                     start="2026-07-01", end="2026-07-31"),
                          _web_month(0.0, start="2026-08-01", end="2026-08-31"),
                          _web_month(900.0, campaign="rentree-2026", start="2026-09-01",
                                     end="2026-09-30"),
                          _web_month(50.0, start="2026-09-01", end="2026-09-30")]))
    july = roi(ds, "2026-07").iloc[0]
    assert july["roas"] == pytest.approx(3900 / 310) and july["roi"] == pytest.approx(
        (3900 - 1310) / 1310)
    for period in ("2026-09", "2026-Q3"):
        row = roi(ds, period).iloc[0]
        assert row["revenue"] == pytest.approx(950.0 if period == "2026-09" else 4850.0)
        assert pd.isna(row["ad_spend"]) and pd.isna(row["cost"]), period
        assert pd.isna(row["roas"]) and pd.isna(row["roi"]) and pd.isna(row["cpa"]), period
        codes = row["note_codes"].split("; ")
        assert {"costs_foreign_currency", "roas_ad_spend_unknown", "roi_cost_unknown"} <= set(
            codes), period
    camp = roi(ds, "2026-Q3", by="campaign").set_index("campaign")
    assert camp.loc["ete-2026", "roas"] == pytest.approx(3900 / 310)
    assert pd.isna(camp.loc["rentree-2026", "roas"])


def test_revenue_in_another_currency_past_the_costed_days_leaves_the_ratios_known(tmp_path):
    """costs.csv runs to 31 August, GA4's September revenue is in USD: the ratios set July
    and August's figures, all in EUR, against those days' costs, yet read NaN ("attributed
    value unknown") from the quarter's revenue. Now ROI (4,000 − 2,372) / 2,372 = 0.686 and
    ROAS 4,000 / 310 = 12.90 (cost 2 × 1,000 labour + 310 ad spend + 62 tools); the quarter's
    revenue stays unknown. Dollars on the costed days keep the ratios unknown."""
    def month(m, revenue, currency="EUR"):
        last = {7: 31, 8: 31, 9: 30}[m]
        return dict(_web_month(revenue, start=f"2026-{m:02d}-01", end=f"2026-{m:02d}-{last}"),
                    currency=currency)

    costs = ("2026-07-01,2026-07-31,labor,1000,,,,,,\n2026-08-01,2026-08-31,labor,1000,,,,,,\n"
             "2026-07-01,2026-08-31,tools,62,,,,,,\n2026-07-16,2026-08-15,ad_spend,310,,,,,,\n")
    ds = dataset(tmp_path, costs, web=web([month(7, 3000.0), month(8, 1000.0),
                                           month(9, 950.0, "USD")]))
    row = roi(ds, "2026-Q3").iloc[0]
    assert pd.isna(row["revenue"]) and row["cost"] == pytest.approx(2372.0)
    assert row["roi"] == pytest.approx((4000 - 2372) / 2372)
    assert row["roas"] == pytest.approx(4000 / 310)
    assert "ratios_costs_days" in row["note_codes"].split("; ")
    ds = dataset(tmp_path, costs, web=web([month(7, 3000.0), month(8, 1000.0, "USD"),
                                           month(9, 950.0)]))
    row = roi(ds, "2026-Q3").iloc[0]
    assert pd.isna(row["roi"]) and pd.isna(row["roas"])
    assert "roas_revenue_unknown" in row["note_codes"].split("; ")


def test_a_cost_line_in_another_currency_past_ga4_s_days_leaves_the_ratios_known(tmp_path):
    """The mirror: GA4 runs to 31 August, costs.csv to September, whose ad spend is $200.
    The quarter's cost and ad spend are unknown; the ratios set July and August's revenue,
    4,000, against those days' costs, all in euros: ROI (4,000 − 2,372) / 2,372 = 0.686,
    ROAS 4,000 / 310 = 12.90 (2 × 1,000 labour + 62 tools + 310 ad spend). A dollar line
    on those days keeps them unknown."""
    costs = ("2026-07-01,2026-07-31,labor,1000,,,,,,\n2026-08-01,2026-08-31,labor,1000,,,,,,\n"
             "2026-09-01,2026-09-30,labor,1000,,,,,,\n2026-07-01,2026-09-30,tools,92,,,,,,\n"
             "2026-07-16,2026-08-15,ad_spend,310,,,,,,\n")
    w = web([_web_month(3000.0, start="2026-07-01", end="2026-07-31"),
             _web_month(1000.0, start="2026-08-01", end="2026-08-31")])
    ds = dataset(tmp_path, costs + "2026-09-01,2026-09-30,ad_spend,200,USD,,,,,\n", web=w)
    row = roi(ds, "2026-Q3").iloc[0]
    assert pd.isna(row["cost"]) and pd.isna(row["ad_spend"])
    assert row["roi"] == pytest.approx((4000 - 2372) / 2372)
    assert row["roas"] == pytest.approx(4000 / 310)
    ds = dataset(tmp_path, costs + "2026-08-01,2026-08-31,ad_spend,200,USD,,,,,\n", web=w)
    row = roi(ds, "2026-Q3").iloc[0]
    assert pd.isna(row["roi"]) and pd.isna(row["roas"])
    assert {"roi_cost_unknown", "roas_ad_spend_unknown"} <= set(row["note_codes"].split("; "))


def test_costs_all_in_another_currency_are_unknown_not_zero(tmp_path):
    """A brand in EUR whose October cost lines are all in USD: the total cost read €0 ("ROI
    NaN: total cost is zero", a report's "Total cost €0") and the scorecard said "no costs
    recorded in 2026-10"; the costs are unknown in euros, and the scorecard says why."""
    from smmanalytics.goals import scorecard
    from smmanalytics.report import Formatter

    goals = tmp_path / "goals.yaml"
    goals.write_text("goals:\n  - {metric: roi, platform: all, target: 1}\n"
                     "  - {metric: roas, platform: all, target: 3}\n", encoding="utf-8")
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,USD,,,,,\n"
                           "2026-10-01,2026-10-31,tools,70,USD,,,,,\n",
                 web=web([_web_month(150.0)]), goals=smm.read_goals(goals))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cost"]) and pd.isna(row["ad_spend"]) and pd.isna(row["tools"])
    assert row["revenue"] == 150 and pd.isna(row["roi"]) and pd.isna(row["roas"])
    codes = row["note_codes"].split("; ")
    assert {"costs_foreign_currency", "roi_cost_unknown", "roas_ad_spend_unknown"} <= set(codes)
    assert "roi_cost_zero" not in codes and "roas_ad_spend_zero" not in codes
    assert "2 cost lines in USD make the total cost unknown" in row["note"]
    sc = scorecard(ds, "2026-10", asof="2026-10-31")
    # the lines counted, as the ROI section counts them: 2 of the costs, 1 of the ad spend
    assert sc["note"].tolist() == [
        "2 cost lines of 2026-10 are in USD, not the brand currency EUR: roi cannot be computed",
        "1 ad spend line of 2026-10 is in USD, not the brand currency EUR: roas cannot be "
        "computed"]
    assert sc["status"].tolist() == ["not computable"] * 2      # recorded, in dollars
    assert Formatter("fr").note(sc.loc[0, "note"]) == (
        "2 lignes de coût d'octobre 2026 sont en USD, pas dans la devise de la marque EUR : "
        "ROI non calculable")
    assert Formatter("it").note(sc.loc[1, "note"]) == (
        "1 riga di spesa pubblicitaria di ottobre 2026 è in USD, non nella valuta del brand "
        "EUR: ROAS non calcolabile")
    # one line in euros: the tools are known; the ad spend, all in USD, is unknown in euros
    # (it read 0: "roas NaN: ad spend is zero"), so is the total cost (it read 70, the
    # dollars left out: ROI (150 − 70) / 70 = 1.14 counted the revenue against part of it)
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,USD,,,,,\n"
                           "2026-10-01,2026-10-31,tools,70,,,,,,\n",
                 web=web([_web_month(150.0)]), goals=smm.read_goals(goals))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["cost"]) and row["tools"] == 70 and pd.isna(row["ad_spend"])
    assert row["labor"] == 0
    assert pd.isna(row["roi"]) and pd.isna(row["roas"])
    assert {"roas_ad_spend_unknown", "roi_cost_unknown"} <= set(row["note_codes"].split("; "))
    assert "roas_ad_spend_zero" not in row["note_codes"]
    assert scorecard(ds, "2026-10", asof="2026-10-31").loc[0, "note"] == \
        "1 cost line of 2026-10 is in USD, not the brand currency EUR: roi cannot be computed"
    # ROAS: the ad spend is all in USD, its note says so rather than "no ad spend recorded"
    assert scorecard(ds, "2026-10", asof="2026-10-31").loc[1, "note"] == \
        "1 ad spend line of 2026-10 is in USD, not the brand currency EUR: roas cannot be computed"


@pytest.mark.parametrize("by", ["week", "content_type", ["campaign", "platform"], 3])
def test_roi_bad_by(by):
    from smmanalytics.errors import ArgumentError

    with pytest.raises(ArgumentError, match="by must be None, 'campaign' or 'platform'; got"):
        roi(dataset(), "2026-10", by=by)
    assert issubclass(ArgumentError, ValueError)


def test_roi_by_one_item_list_is_taken(tmp_path):
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,a,,,\n")
    pd.testing.assert_frame_equal(roi(ds, "2026-10", by=["campaign"]),
                                  roi(ds, "2026-10", by="campaign"))


def test_prorate_costs_takes_a_path_and_refuses_other_things(tmp_path):
    from smmanalytics.errors import ArgumentTypeError

    path = costs_file(tmp_path, "2026-10-01,2026-10-31,tools,31,,,,,,\n")
    out = prorate_costs(str(path), "2026-10-05..2026-10-14")
    assert out["allocated"].tolist() == [10.0]                # 31 × 10 / 31
    pd.testing.assert_frame_equal(prorate_costs(path, "2026-10"),
                                  prorate_costs(read_costs(path), "2026-10"))
    with pytest.raises(ArgumentTypeError, match="costs must be a costs table"):
        prorate_costs(42, "2026-10")


@pytest.mark.parametrize("start,end,words", [
    ("2026-10-31", "2026-10-01", r"end before start; expected a date on or after start "
                                 r"2026-10-31; got 2026-10-01"),
    ("2026-10-01", None, r"no end date; expected a date on or after start 2026-10-01"),
    (None, "2026-10-31", r"no start date; expected a date"),
])
def test_prorate_costs_refuses_a_line_without_its_days(start, end, words):
    """A frame built by hand (the docstring's own example builds one) of three lines, 310
    reversed, 31 without an end and 62 over October, gave one row, 62 of 403 allocated: the
    two lines' days came out negative or NA, their overlap 0, and they vanished. As
    read_costs refuses such a line in a file, prorate_costs names it (its row label, after
    a line that is right) and the column, and allocates nothing."""
    from smmanalytics.errors import SchemaError

    day = pd.Timestamp
    c = pd.DataFrame({"start": [day("2026-10-01"), day(start)],
                      "end": [day("2026-10-31"), day(end)], "amount": [62.0, 310.0]},
                     index=["ok", "odd"])
    with pytest.raises(SchemaError, match=rf"^costs row 'odd': {words}$") as info:
        prorate_costs(c, "2026-10")
    assert info.value.column == ("start" if start is None else "end")


_PARIS = "Europe/Paris"


@pytest.mark.parametrize("start,end,column,got", [
    ("2026-13-01", "2026-10-31", "start", "'2026-13-01'"),          # pandas' DateParseError
    ("2026-10-01", "soon", "end", "'soon'"),
    # zoned beside naive: a TypeError; zoned on both sides: taken in UTC, 1 October in Paris
    # was 30 September, and October got 30 of the line's 31 days
    (pd.Timestamp("2026-10-01", tz="UTC"), "2026-10-31", "start", "'2026-10-01 00:00:00+00:00'"),
    (pd.Timestamp("2026-10-01", tz=_PARIS), pd.Timestamp("2026-10-31", tz=_PARIS), "start",
     "'2026-10-01 00:00:00+02:00'"),
])
def test_prorate_costs_names_a_cell_that_is_no_day(start, end, column, got):
    """A start or end that is no day was a pandas error naming no line or column (or, zoned,
    a wrong proration): it is a SchemaError naming the row, the column, what a day is and
    what the cell holds, after a line that is right."""
    from smmanalytics.errors import SchemaError

    c = pd.DataFrame({"start": ["2026-10-01", start], "end": ["2026-10-31", end],
                      "amount": [62.0, 310.0]}, index=["ok", "odd"])
    with pytest.raises(SchemaError, match=rf"^costs row 'odd': {column} is no day; expected a "
                                          rf"date \(YYYY-MM-DD, without time zone\); got "
                                          rf"{re.escape(got)}$") as info:
        prorate_costs(c, "2026-10")
    assert info.value.column == column


def test_prorate_costs_counts_a_start_with_a_time_as_its_day():
    """A start of "2026-10-01 14:00" made the line 1-31 October 30 days long (29 days and
    10 hours, + 1) while October overlapped it 31 days: 31/30 of 310 allocated, 320.33, more
    than the line. Its day is 1 October: 31 days, all of 310 in October."""
    c = pd.DataFrame({"start": ["2026-10-01 14:00"], "end": ["2026-10-31"], "amount": [310.0]})
    out = prorate_costs(c, "2026-10")
    assert out[["days", "overlap_days"]].values.tolist() == [[31, 31]]
    assert out.loc[0, "allocated"] == pytest.approx(310.0)


def test_prorate_costs_names_the_file_line_of_a_read_line_edited_by_hand(tmp_path):
    """A line of read_costs edited by hand (its end moved before its start) is named by its
    row and by its line in costs.csv (the header is line 1, the line below it line 2)."""
    from smmanalytics.errors import SchemaError

    costs = read_costs(costs_file(tmp_path, "2026-10-01,2026-10-31,tools,31,,,,,,\n"))
    edited = costs.assign(end=pd.Timestamp("2026-09-30"))
    with pytest.raises(SchemaError, match=r"^costs row 0 \(line 2\): end before start; "
                                          r"expected a date on or after start 2026-10-01; "
                                          r"got 2026-09-30$"):
        prorate_costs(edited, "2026-10")


@pytest.mark.parametrize("cpm", ["abc", None, -5.0, float("nan"), {"instagram": "abc"}, True])
def test_earned_media_value_refuses_a_cpm_that_is_not_a_number(cpm):
    from smmanalytics.errors import ArgumentError

    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "paid": False, "impressions": 10000.0}])
    with pytest.raises(ArgumentError, match=r"cpm(\['instagram'\])? must be a number ≥ 0"):
        earned_media_value(dataset(posts=p), "2026-10", cpm=cpm)
    e = earned_media_value(dataset(posts=p), "2026-10", cpm={"Instagram": 6})
    assert e.loc[0, "emv_estimate"] == pytest.approx(60.0)    # 10000 / 1000 × 6


def test_earned_media_value_names_a_misspelt_platform():
    """{"instagarm": 5} left Instagram's row NaN with nothing said."""
    from smmanalytics.errors import UnknownPlatformError

    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "paid": False, "impressions": 10000.0}])
    with pytest.raises(UnknownPlatformError, match="'instagarm'"):
        earned_media_value(dataset(posts=p), "2026-10", cpm={"instagarm": 5})


# each example writes costs.csv and builds a Dataset twice: 5 and the one written out keep
# the point (a ratio unchanged by the currency's scale), where 25 took 20 s
@settings(max_examples=5, deadline=None)
@given(spend=st.floats(1, 1e5), labor=st.floats(0, 1e5), revenue=st.floats(0, 1e6),
       k=st.floats(0.01, 100))
@example(spend=1.0, labor=1.175494351e-38, revenue=0.0, k=1.0)   # repr 1.17e-38
def test_roi_scale_invariant(tmp_path_factory, spend, labor, revenue, k):
    tmp = tmp_path_factory.mktemp("scale")

    def one(f):
        # amounts written as costs.csv takes them, without an exponent (1.17e-38 is refused):
        # positional digits that read back as the same float
        amount, cost = np.format_float_positional(spend * f), np.format_float_positional(labor * f)
        costs = f"2026-10-01,,ad_spend,{amount},,,,,,\n2026-10-01,,labor,{cost},,,,,,\n"
        ds = dataset(tmp, costs, web=web([_web_month(revenue * f, key_events=2.0)]))
        return roi(ds, "2026-10").iloc[0]

    a, b = one(1.0), one(k)
    assert b["roi"] == pytest.approx(a["roi"], rel=1e-9, abs=1e-12)
    assert b["roas"] == pytest.approx(a["roas"], rel=1e-9, abs=1e-12)


def test_roi_does_not_mutate_inputs(tmp_path):
    ds = dataset(tmp_path, "2026-09-20,2026-10-10,ad_spend,100,,,x,,,\n",
                 web=web([_web_month(150.0)]))
    before = (ds.costs.copy(), ds.web.copy())
    roi(ds, "2026-10", by="campaign")
    pd.testing.assert_frame_equal(ds.costs, before[0])
    pd.testing.assert_frame_equal(ds.web, before[1])


def test_earned_media_value_is_labelled_estimate(tmp_path):
    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "paid": False, "impressions": 10000.0}])
    e = earned_media_value(dataset(posts=p), "2026-10", cpm=6.0)
    assert e.loc[0, "emv_estimate"] == pytest.approx(60.0)   # 10000 / 1000 × 6
    assert e.loc[0, "label"] == "estimate, not ROI"


def test_plot_costs_one_bar_per_row_and_category(tmp_path):
    costs = ("2026-10-01,,ad_spend,100,,,a,,,\n2026-10-01,,labor,50,,,a,,,\n"
             "2026-10-01,,labor,20,,,b,,,\n")
    r = roi(dataset(tmp_path, costs), "2026-10", by="campaign")
    fig, ax0 = plt.subplots()
    ax = plot_costs(r, ax=ax0)
    assert ax is ax0
    assert len(ax.patches) == 2 * 2          # two campaigns × two non-zero categories
    assert ax.get_xlabel() == "cost (EUR)"
    assert np.isclose(sum(p.get_width() for p in ax.patches), 170)
    # each category keeps its house colour, whichever campaign its bar belongs to
    from matplotlib.colors import to_hex

    assert [to_hex(p.get_facecolor()) for p in ax.patches] == \
        [COST_COLORS["ad_spend"]] * 2 + [COST_COLORS["labor"]] * 2
    plt.close(fig)
    fig, ax = plt.subplots()
    plot_costs(r, ax=ax, color="#000000")     # a colour the caller gives wins
    assert {to_hex(p.get_facecolor()) for p in ax.patches} == {"#000000"}
    plt.close(fig)


def _cli_dataset(tmp_path):
    costs = ("2026-10-01,2026-10-31,ad_spend,300,,instagram,Autumn Launch,,,\n"
             "2026-10-01,2026-10-31,labor,200,,,,,,\n")
    return dataset(tmp_path, costs, web=web([_web_month(900.0, key_events=3.0,
                                                        campaign="autumn_launch")]))


def test_cli_roi_json(tmp_path, monkeypatch, capsys):
    import json

    import smmanalytics.dataset
    from smmanalytics.cli import main

    ds = _cli_dataset(tmp_path)
    monkeypatch.setattr(smmanalytics.dataset, "load", lambda path, **kw: ds)
    assert main(["roi", "--data", str(tmp_path), "--period", "2026-10", "--by", "campaign",
                 "--json"]) == 0
    rows = {r["campaign"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Autumn Launch"]["roi"] == pytest.approx(2.0)      # (900 − 300) / 300
    assert rows["(unassigned)"]["roas"] is None                     # NaN → null


def test_cli_roi_table_and_error(tmp_path, monkeypatch, capsys):
    import json

    import smmanalytics.dataset
    from smmanalytics.cli import main

    monkeypatch.setattr(smmanalytics.dataset, "load", lambda path, **kw: _cli_dataset(tmp_path))
    assert main(["roi", "--data", str(tmp_path), "--period", "2026-10"]) == 0
    out = capsys.readouterr().out
    assert "roas" in out and "2026-10" in out
    assert "note_codes" not in out                # for programs: in --json only
    assert main(["roi", "--data", str(tmp_path), "--period", "2026-10", "--json"]) == 0
    assert "note_codes" in json.loads(capsys.readouterr().out)[0]

    def bad(path, **kw):
        read_costs(costs_file(tmp_path, "2026-10-01,,snacks,1,,,,,,\n", "bad.csv"))

    monkeypatch.setattr(smmanalytics.dataset, "load", bad)
    assert main(["roi", "--data", str(tmp_path), "--period", "2026-10"]) == 2
    assert "column 'category'" in capsys.readouterr().err


_day = st.dates(min_value=pd.Timestamp("2025-01-01").date(),
                max_value=pd.Timestamp("2027-12-31").date())


# lines of up to 400 days: each still spans up to 14 months and a year's end, with one
# prorate_costs call a month (lines of up to 800 days asked 14 on average: 5.5 s of CPU);
# the written-out example is the longest, across two year ends
@settings(max_examples=40, deadline=None)
@given(start=_day, length=st.integers(0, 400), cents=st.integers(0, 10_000_000),
       category=st.sampled_from(["ad_spend", "labor", "tools", "production", "influencer",
                                 "other"]))
@example(start=dt.date(2025, 12, 31), length=400, cents=9_999_999, category="tools")
def test_read_costs_roundtrip_and_prorating_partition(tmp_path_factory, start, length, cents,
                                                      category):
    end = start + pd.Timedelta(days=length).to_pytimedelta()
    amount = cents / 100
    path = costs_file(tmp_path_factory.mktemp("c"),
                      f"{start.isoformat()},{end.isoformat()},{category},{amount:.2f},,,,,,\n")
    c = read_costs(path)
    assert c.loc[0, "amount"] == pytest.approx(amount)
    assert c.loc[0, "days"] == length + 1 and c.loc[0, "category"] == category
    # the months covering the line receive exactly its amount, never more
    months = pd.period_range(start, end, freq="M")
    parts = [prorate_costs(c, str(m))["allocated"].sum() for m in months]
    assert sum(parts) == pytest.approx(amount, abs=1e-6)
    assert all(p >= 0 for p in parts)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=12))
def test_read_costs_never_crashes_on_junk_amounts(tmp_path_factory, text):
    cell = '"' + text.replace('"', '""') + '"'
    path = costs_file(tmp_path_factory.mktemp("j"), f"2026-10-01,,tools,{cell},,,,,,\n")
    try:
        c = read_costs(path)
    except ConfigError as err:
        assert err.line == 2 or err.line is None or err.line >= 2
    else:
        assert len(c) <= 1 and (c["amount"].dropna() >= 0).all()


def test_cost_breakdown_shares(tmp_path):
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,300,,,,,,\n2026-10-01,,labor,100,,,,,,\n")
    b = cost_breakdown(roi(ds, "2026-10"))
    assert b["category"].tolist() == ["ad_spend", "labor"]
    assert b["share"].tolist() == [0.75, 0.25]          # 300 / 400, 100 / 400


def test_roi_missing_revenue_column_is_nan_with_reason(tmp_path):
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n",
                 web=web([_web_month(None, key_events=2.0)]))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["revenue"]) and pd.isna(row["roi"]) and pd.isna(row["roas"])
    assert "roi NaN: attributed value unknown" in row["note"]
    assert row["cpa"] == pytest.approx(50.0)      # 100 / 2 key events still known


def test_campaign_roi_over_the_campaign_life(tmp_path):
    costs = ("2026-09-20,2026-09-30,production,700,,,automne-2026,,,shoot before launch\n"
             "2026-10-01,2026-10-31,ad_spend,2000,,instagram,automne-2026,,,\n"
             "2026-10-05,,influencer,500,,instagram,automne-2026,,,\n"
             "2026-10-01,2026-10-31,labor,2000,,,,,,\n")
    # GA4 covers September too (no campaign traffic before the launch): the shoot's days have
    # a revenue, 0, to set it against
    ds = dataset(tmp_path, costs, web=web([_web_month(14000.0, campaign="automne-2026"),
                                           _web_month(300.0, campaign="bio-link"),
                                           _web_month(0.0, start="2026-09-01",
                                                      end="2026-09-30")]))
    c = campaign_roi(ds, costed_only=True)
    assert c["campaign"].tolist() == ["automne-2026"]
    row = c.iloc[0]
    assert (row["start"], row["end"]) == (pd.Timestamp("2026-09-20"), pd.Timestamp("2026-10-31"))
    assert row["cost"] == pytest.approx(3200)                    # 700 + 2000 + 500
    assert row["roi"] == pytest.approx((14000 - 3200) / 3200)    # 3.375
    assert row["roas"] == pytest.approx(7.0)                      # 14000 / 2000
    # the October-only view leaves the September shoot out
    october = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert october.loc["automne-2026", "cost"] == pytest.approx(2500)
    assert len(campaign_roi(ds)) == 2                             # bio-link too, without cost
    # without GA4 for September, its revenue is unknown, not 0: the ratios set October's
    # revenue against October's costs, (14000 - 2500) / 2500 = 4.6, the cost staying 3200
    ds = dataset(tmp_path, costs, web=web([_web_month(14000.0, campaign="automne-2026"),
                                           _web_month(300.0, campaign="bio-link")]))
    row = campaign_roi(ds, costed_only=True).iloc[0]
    assert row["cost"] == pytest.approx(3200)
    assert row["roi"] == pytest.approx(4.6)
    assert "ratios_ga4_days" in row["note_codes"].split("; ")


def test_campaign_names_gathers_posts_costs_and_ga4(tmp_path):
    costs = "2026-10-01,2026-10-31,ad_spend,100,,,Automne 2026,,,\n"
    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "campaign": "automne-2026"},
               {"platform": "instagram", "post_id": "2", "published_at": "2026-10-04T10:00Z",
                "campaign": "jeu-concours"}])
    ds = dataset(tmp_path, costs, posts=p,
                 web=web([_web_month(1.0, campaign="automne_2026"),
                          _web_month(1.0, campaign="bio-link"),
                          _web_month(1.0, campaign="(not set)")]))
    # one key per campaign however written; the costs file's spelling first, then GA4's
    assert campaign_names(ds) == {"automne_2026": "Automne 2026", "bio_link": "bio-link",
                                  "jeu_concours": "jeu-concours"}
    assert campaign_names(dataset()) == {}


def test_roi_by_campaign_names_a_campaign_as_its_posts_write_it(tmp_path):
    """A brand without costs.csv: roi(by="campaign") showed the internal key automne_2026, not
    the automne-2026 its posts write, while a brand with costs.csv showed the name: the names
    are campaign_names()', the posts' spelling when neither costs.csv nor GA4 has one."""
    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "campaign": "automne-2026", "paid": True, "impressions": 1000.0,
                "link_clicks": 10.0}])
    r = roi(dataset(posts=p), "2026-10", by="campaign")
    assert r["campaign"].tolist() == ["automne-2026"]
    assert r.loc[0, "impressions"] == 1000.0
    # costs.csv's spelling first, as campaign_names() gives it
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,,,Automne 2026,,,\n", posts=p)
    assert roi(ds, "2026-10", by="campaign")["campaign"].tolist() == ["Automne 2026"]


def test_earned_media_value_without_posts_or_paid_flag():
    assert earned_media_value(dataset(), "2026-10", cpm=5.0).empty
    p = posts([{"platform": "facebook", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "views": 2000.0}]).drop(columns="paid")
    e = earned_media_value(dataset(posts=p), "2026-10", cpm={"facebook": 10.0})
    # views stand in: 2000/1000 × 10, the value were it organic; no paid column: not taken
    # for organic, no estimate
    assert e.loc[0, "emv_if_organic"] == pytest.approx(20.0)
    assert e.loc[0, "status"] == "unknown" and pd.isna(e.loc[0, "emv_estimate"])
    assert e.loc[0, "label"] == "upper bound, not ROI"


def test_earned_media_value_keeps_posts_of_unknown_paid_status_apart():
    """Instagram's exports carry no paid flag: its posts were all counted as organic, a
    boosted one passing its bought impressions off as earned media."""
    p = posts([
        {"platform": "facebook", "post_id": "1", "published_at": "2026-10-03T10:00Z",
         "paid": False, "impressions": 4000.0},
        {"platform": "facebook", "post_id": "2", "published_at": "2026-10-04T10:00Z",
         "paid": True, "impressions": 9000.0},
        {"platform": "facebook", "post_id": "3", "published_at": "2026-10-05T10:00Z",
         "impressions": 1000.0},
        {"platform": "instagram", "post_id": "4", "published_at": "2026-10-06T10:00Z",
         "impressions": 3000.0},
        {"platform": "instagram", "post_id": "5", "published_at": "2026-10-07T10:00Z",
         "impressions": 2000.0},
    ])
    e = earned_media_value(dataset(posts=p), "2026-10", cpm=10.0)
    assert e[["platform", "status"]].values.tolist() == [
        ["facebook", "organic"], ["facebook", "unknown"], ["instagram", "unknown"]]
    assert e["posts"].tolist() == [1, 1, 2]                  # the paid post 2 is left out
    # 4000 / 1000 × 10; post 3's 1000 / 1000 × 10; (3000 + 2000) / 1000 × 10: only the
    # first is an estimate of earned media, the others its upper bound (none boosted); the
    # column's sum is the organic 40 (it was 100, every post of unknown status counted)
    assert e["emv_if_organic"].tolist() == pytest.approx([40.0, 10.0, 50.0])
    assert e["emv_estimate"].isna().tolist() == [False, True, True]
    assert e["emv_estimate"].sum() == pytest.approx(40.0)
    assert e["label"].tolist() == ["estimate, not ROI"] + ["upper bound, not ROI"] * 2
    assert e["note"].isna().tolist() == [True, False, False]
    assert e.loc[2, "note"] == ("posts of instagram whose paid status is unknown: kept apart "
                                "from the organic ones, as they may include boosted posts, "
                                "and their value if none was is an upper bound, not an "
                                "estimate")
    assert e["note_codes"].tolist()[1:] == ["emv_paid_unknown"] * 2
    assert Formatter("fr").note(e.loc[2, "note"], "emv_paid_unknown") == (
        "publications Instagram dont on ne sait pas si elles sont sponsorisées : comptées à "
        "part des publications organiques, car certaines peuvent avoir été boostées ; leur "
        "valeur si aucune ne l'a été, un majorant, n'est pas une estimation")


def test_earned_media_value_notes_a_platform_without_its_cpm():
    """cpm={"facebook": 5} left LinkedIn's row with cpm_assumed, emv_estimate and note all NA
    and no word why. The row stays (its posts and impressions are known), noted."""
    p = posts([
        {"platform": "facebook", "post_id": "1", "published_at": "2026-10-03T10:00Z",
         "paid": False, "impressions": 24918.0},
        {"platform": "linkedin", "post_id": "2", "published_at": "2026-10-04T10:00Z",
         "paid": False, "impressions": 4000.0},
        {"platform": "instagram", "post_id": "3", "published_at": "2026-10-05T10:00Z",
         "impressions": 3000.0},
    ])
    e = earned_media_value(dataset(posts=p), "2026-10", cpm={"facebook": 5})
    assert e[["platform", "status"]].values.tolist() == [
        ["facebook", "organic"], ["instagram", "unknown"], ["linkedin", "organic"]]
    # 24918 / 1000 × 5 = 124.59; the others have no CPM, so no value
    assert e["emv_if_organic"].tolist()[0] == pytest.approx(124.59)
    assert e["emv_if_organic"].isna().tolist() == [False, True, True]
    assert e["cpm_assumed"].isna().tolist() == [False, True, True]
    assert pd.isna(e.loc[0, "note"])
    assert e.loc[2, "note"] == "no CPM given for linkedin: no value"
    assert e["note_codes"].tolist()[1:] == ["emv_paid_unknown; emv_no_cpm", "emv_no_cpm"]
    assert e.loc[1, "note"].endswith("not an estimate; no CPM given for instagram: no value")
    assert Formatter("it").note(e.loc[2, "note"], "emv_no_cpm") == (
        "nessun CPM indicato per LinkedIn: nessun valore")


@pytest.mark.parametrize("lang,first,second", [
    ("fr", "publications Instagram dont on ne sait pas si elles sont sponsorisées : comptées à "
           "part des publications organiques, car certaines peuvent avoir été boostées ; leur "
           "valeur si aucune ne l'a été, un majorant, n'est pas une estimation",
     "aucun CPM donné pour Instagram : pas de valeur"),
    ("it", "post di Instagram di cui non si sa se siano sponsorizzati: contati a parte rispetto "
           "a quelli organici, perché alcuni possono essere stati promossi; il loro valore se "
           "nessuno lo è stato, un limite superiore, non è una stima",
     "nessun CPM indicato per Instagram: nessun valore"),
])
def test_earned_media_value_pairs_each_of_two_notes_with_its_code(lang, first, second):
    """An Instagram row of unknown paid status without a CPM holds two notes. The first one's
    own "; " made its note 3 parts for 2 codes: paired by order, emv_no_cpm got "their value
    if none was, an upper bound, is not an estimate", and the report left 2 parts in English.
    Now 2 parts, 2 codes, each translated, paired or matched alone (wordings of notes.yaml)."""
    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-05T10:00Z",
                "impressions": 3000.0}])
    e = earned_media_value(dataset(posts=p), "2026-10", cpm={"facebook": 5})
    parts, codes = e.loc[0, "note"].split("; "), e.loc[0, "note_codes"].split("; ")
    assert codes == ["emv_paid_unknown", "emv_no_cpm"] and len(parts) == 2
    f = Formatter(lang)
    assert [f.note(text, code) for text, code in zip(parts, codes, strict=True)] == [first, second]
    assert f.notes(e.loc[0, "note"]) == [first, second] and not f.untranslated


def test_no_note_code_wording_holds_the_note_separator():
    """roi()'s and earned_media_value()'s notes are "; "-joined, their codes likewise: an
    English wording holding "; " itself (emv_paid_unknown's did) splits into one part more
    than its codes, and the pairs slip."""
    import yaml

    from smmanalytics import report

    wordings = yaml.safe_load((Path(report.__file__).parent / "notes.yaml").read_text("utf-8"))
    joined = [w["code"] for w in wordings if w.get("code") in NOTE_CODES
              and "; " in " ".join(w["en"].split())]
    assert joined == []


def test_earned_media_value_without_posts_has_its_columns():
    e = earned_media_value(dataset(), "2026-10", cpm=5.0)
    assert e.empty and list(e.columns) == ["platform", "status", "posts", "impressions",
                                           "cpm_assumed", "emv_estimate",
                                           "emv_if_organic", "label", "note", "note_codes"]


# every case of the denominators, each once (30 hypothesis examples drew these 12 over and
# again); the revenue 0, the edge where value and cost may both be 0
@pytest.mark.parametrize("ad", [0.0, 50.0, 125.5])
@pytest.mark.parametrize("labor", [0.0, 80.0])
@pytest.mark.parametrize("key_events", [0.0, 3.0])
def test_roi_nan_exactly_when_denominator_zero(tmp_path, ad, labor, key_events):
    costs = f"2026-10-01,,ad_spend,{ad},,,,,,\n2026-10-01,,labor,{labor},,,,,,\n"
    ds = dataset(tmp_path, costs, web=web([_web_month(0.0, key_events=key_events)]))
    row = roi(ds, "2026-10").iloc[0]
    assert pd.isna(row["roas"]) == (ad == 0)
    assert pd.isna(row["roi"]) == (ad + labor == 0)
    assert pd.isna(row["cpa"]) == (key_events == 0 or ad + labor == 0)    # nothing costed
    for col in ("roi", "roas", "cpa"):
        assert pd.isna(row[col]) or np.isfinite(float(row[col]))     # never inf
        if pd.isna(row[col]):
            assert f"{col} NaN" in row["note"]


def test_ga4_tables_of_two_breakdowns_not_double_counted(tmp_path):
    rows = [dict(_web_month(100.0, source="instagram"), breakdown="source_medium"),
            dict(_web_month(100.0, source=None, medium=None), breakdown="channel_group")]
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,50,,,,,,\n", web=web(rows))
    row = roi(ds, "2026-10").iloc[0]
    assert row["revenue"] == 100.0
    assert "broken down by channel_group left out" in row["note"]


def _two_tables_of_october():
    """GA4's tables of one month, as b5 of the review: one by session source / medium, one by
    session campaign and channel group, both of all October's 8000 sessions (social revenue
    8000 + 4000 + 2000 = 14000 in each; Autumn's 12000 in the second alone)."""
    sm = [dict(_web_month(rev, source=src, medium=med, group=None), sessions=ses,
               campaign=None, breakdown="source_medium")
          for src, med, ses, rev in (("google", "organic", 3000.0, 6000.0),
                                     ("instagram", "paid", 2500.0, 8000.0),
                                     ("facebook", "paid", 1500.0, 4000.0),
                                     ("instagram", "social", 1000.0, 2000.0))]
    cg = [dict(_web_month(rev, campaign=camp, source=None, medium=None, group=grp),
               sessions=ses, breakdown="campaign+channel_group")
          for camp, grp, ses, rev in (("(organic)", "Organic Search", 3000.0, 6000.0),
                                      ("Automne 2026", "Paid Social", 4000.0, 12000.0),
                                      ("(not set)", "Organic Social", 1000.0, 2000.0))]
    return sm, cg


_AUTUMN_COSTS = ("2026-10-01,2026-10-31,ad_spend,800,,facebook,automne-2026,,,\n"
                 "2026-10-01,2026-10-31,ad_spend,1200,,instagram,automne-2026,,,\n"
                 "2026-10-05,2026-10-05,influencer,500,,instagram,automne-2026,,,\n")


def test_ga4_campaign_figures_come_from_the_table_with_campaigns(tmp_path):
    """By campaign, the table by campaign counts though the one by source / medium is "more
    detailed" (it has no campaign: Autumn read 0, ROI -100 %); by platform, the one by
    source; overall, one of them: never both."""
    sm, cg = _two_tables_of_october()
    ds = dataset(tmp_path, _AUTUMN_COSTS, web=web(sm + cg))
    autumn = roi(ds, "2026-10", by="campaign").set_index("campaign").loc["automne-2026"]
    # cost 800 + 1200 + 500 = 2500, ad spend 2000: ROAS 12000 / 2000 = 6,
    # ROI (12000 - 2500) / 2500 = 3.8
    assert (autumn["revenue"], autumn["cost"]) == (12000.0, 2500.0)
    assert autumn["roas"] == pytest.approx(6.0) and autumn["roi"] == pytest.approx(3.8)
    assert "another table of the same dates has the campaign" in autumn["note"]
    by_platform = roi(ds, "2026-10", by="platform").set_index("platform")
    # instagram 8000 + 2000, facebook 4000: the source table's
    assert by_platform.loc["instagram", "revenue"] == 10000.0
    assert by_platform.loc["facebook", "revenue"] == 4000.0
    assert roi(ds, "2026-10").loc[0, "revenue"] == 14000.0         # once, not 28000


def test_a_first_user_table_counts_alone_noted_and_never_beside_a_session_table(tmp_path):
    """A User acquisition export (first-user scope) of October: its social revenue counts
    (8000 + 4000), noted; beside a session-scope table of the same dates, the session one
    alone counts (14000 of _two_tables_of_october's, not 14000 + 12000)."""
    first = [dict(_web_month(rev, source=src, medium="paid", group=None), campaign=None,
                  breakdown="first_user:source_medium")
             for src, rev in (("instagram", 8000.0), ("facebook", 4000.0))]
    alone = roi(dataset(tmp_path, web=web(first)), "2026-10").iloc[0]
    assert alone["revenue"] == 12000.0
    assert "ga4_first_user_scope" in alone["note_codes"]
    sm, _ = _two_tables_of_october()
    both = roi(dataset(tmp_path, web=web(sm + first)), "2026-10").iloc[0]
    assert both["revenue"] == 14000.0
    assert "ga4_first_user_scope" not in both["note_codes"]
    assert ("broken down by first_user:source_medium left out: another table of the same "
            "dates is of session scope") in both["note"]


def test_ga4_without_a_campaign_dimension_leaves_campaign_revenue_unknown(tmp_path):
    sm, _ = _two_tables_of_october()
    ds = dataset(tmp_path, _AUTUMN_COSTS, web=web(sm))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    autumn = r.loc["automne-2026"]
    assert pd.isna(autumn["revenue"]) and pd.isna(autumn["roi"]) and pd.isna(autumn["roas"])
    assert "the GA4 exports have no campaign dimension" in autumn["note"]
    assert "ga4_no_campaign_dimension" in autumn["note_codes"]
    # the social traffic has no campaign: all of it (8000 + 4000 + 2000) is unassigned's
    assert r.loc["(unassigned)", "revenue"] == 14000.0


def test_a_costed_campaign_no_ga4_row_names_is_noted(tmp_path):
    _, cg = _two_tables_of_october()
    costs = _AUTUMN_COSTS + "2026-10-01,2026-10-31,ad_spend,200,,pinterest,Printemps,,,\n"
    ds = dataset(tmp_path, costs, web=web(cg))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    spring = r.loc["Printemps"]
    # GA4 has campaigns this month but none is printemps: its revenue is 0, ROI -100 %, said
    assert spring["revenue"] == 0.0 and spring["roi"] == -1.0
    # named as costs.csv writes it, not by its key 'printemps'
    assert "no GA4 session carries utm_campaign 'Printemps'" in spring["note"]
    assert "ga4_campaign_not_seen" not in (r.loc["automne-2026", "note_codes"] or "")


def test_a_campaign_ga4_names_in_another_month_is_noted_so_by_its_name(tmp_path):
    """Costs: Automne-2026 300 € in September; GA4: automne-2026 in October (1,000 €), and
    September's social traffic under another campaign, rentree (so September has a campaign
    dimension). The note said "no GA4 session carries utm_campaign 'automne_2026' (check the
    links' UTM tags)": the key, not the name, and the tags were right."""
    rows = [_web_month(500.0, campaign="rentree", start="2026-09-01", end="2026-09-30"),
            _web_month(1000.0, campaign="automne-2026")]
    costs = "2026-09-01,2026-09-30,ad_spend,300,,instagram,Automne-2026,,,\n"
    ds = dataset(tmp_path, costs, web=web(rows))
    for period in ("2026-09", "2026-Q3"):
        autumn = roi(ds, period, by="campaign").set_index("campaign").loc["Automne-2026"]
        # September's revenue of it is 0 (none of its sessions): ROI (0 - 300) / 300 = -100 %
        assert autumn["revenue"] == 0.0 and autumn["roi"] == -1.0
        assert (f"no GA4 session of {period} carries utm_campaign 'Automne-2026': its sessions "
                "fall in 2026-10, outside the period") in autumn["note"]
        assert "ga4_campaign_outside_period" in autumn["note_codes"]
        assert "ga4_campaign_not_seen" not in autumn["note_codes"]
    # October carries it: 1,000 € against no October cost, no note of it
    october = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert october.loc["Automne-2026", "revenue"] == 1000.0
    assert "ga4_campaign" not in (october.loc["Automne-2026", "note_codes"] or "")


def test_the_months_a_campaign_falls_in_are_said_in_the_report_language():
    note = ("no GA4 session of 2026-Q3 carries utm_campaign 'automne-2026': its sessions fall "
            "in 2026-10, 2026-11, outside the period")
    code = "ga4_campaign_outside_period"
    assert Formatter("en").note(note, code) == (
        "no GA4 session of Q3 2026 carries utm_campaign “automne-2026”: its sessions fall in "
        "October 2026 and November 2026, outside the period")
    assert Formatter("fr").note(note, code) == (
        "aucune session GA4 du T3 2026 ne porte utm_campaign « automne-2026 » : ses sessions "
        "tombent en octobre 2026 et novembre 2026, hors de la période")
    assert Formatter("it").note(note, code) == (
        "nessuna sessione GA4 del 3° trimestre 2026 riporta utm_campaign «automne-2026»: le sue "
        "sessioni cadono in ottobre 2026 e novembre 2026, fuori dal periodo")


def test_ga4_overlapping_exports_not_double_counted(tmp_path):
    rows = [_web_month(310.0),                                           # October file
            _web_month(920.0, start="2026-10-01", end="2026-12-31")]      # Q4 file
    rows += [dict(_web_month(10.0), date=f"2026-10-{d:02d}", period_start=None,
                  period_end=None) for d in range(1, 32)]                 # daily rows too
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,50,,,,,,\n", web=web(rows))
    assert roi(ds, "2026-10").loc[0, "revenue"] == 310.0                  # the month, once
    assert roi(ds, "2026-Q4").loc[0, "revenue"] == 920.0                  # the quarter, once
    assert "overlap another export" in roi(ds, "2026-10").loc[0, "note"]


def test_roi_sees_an_in_place_edit_of_the_ga4_table(tmp_path):
    """social_web keeps the rows it prepared for the last frames it saw; an entry serves only
    a frame equal to its snapshot, so editing ``ds.web`` in place is seen at once."""
    ds = dataset(tmp_path, "2026-10-01,,ad_spend,100,,,,,,\n", web=web([_web_month(150.0)]))
    assert roi(ds, "2026-10").loc[0, "revenue"] == 150.0
    ds.web.loc[0, "revenue"] = 90.0
    assert roi(ds, "2026-10").loc[0, "revenue"] == 90.0
    ds.web.loc[0, "source"] = "google"          # no longer social traffic
    ds.web.loc[0, "channel_group"] = "Organic Search"
    assert roi(ds, "2026-10").loc[0, "revenue"] == 0.0


def test_social_web_same_rows_whatever_the_frames_history():
    """Fresh equal copies of a prepared frame give the same rows and notes; a frame with other
    values (which may get the id of a freed copy) gets rows of its own."""
    from smmanalytics._web import social_web
    from smmanalytics.periods import parse_period

    base = web([_web_month(150.0, key_events=2.0), _web_month(40.0, source="lnkd.in",
                                                               medium="referral", group=None)])
    first, notes1 = social_web(base, parse_period("2026-10"))
    for _ in range(3):
        again, notes2 = social_web(base.copy(), parse_period("2026-10"))
        pd.testing.assert_frame_equal(again, first, check_exact=True)
        assert notes2 == notes1
    other = base.assign(revenue=base["revenue"] * 2)
    doubled, _ = social_web(other, parse_period("2026-10"))
    assert doubled["revenue"].tolist() == [300.0, 80.0]



def test_the_campaign_days_are_kept_for_the_runs_last_asked(sample):
    """social_web keeps each row's campaign days (_run_days) on the prepared rows for the runs
    frame last asked: the same days as computed afresh, asked of the same frame again; another
    runs frame (a fete-des-meres campaign ending a week earlier) gets days of its own. The
    sample's May export: the campaign's rows, 1-31 May, are spread over 18-31 May by its cost
    lines and posts (see the test above), over 18-24 May by the shorter runs."""
    from smmanalytics._web import _run_days, campaign_runs, prepared, social_web
    from smmanalytics.periods import parse_period

    ds = sample
    runs, r = campaign_runs(ds), prepared(ds.web)
    first, notes = social_web(ds.web, parse_period("2026-05"), runs=runs)
    kept = r.last_run_days["runs"]
    assert kept[0] is runs
    for got, fresh in zip(kept[1], _run_days(r, runs), strict=True):
        assert np.array_equal(np.asarray(got), np.asarray(fresh))
    again, notes_again = social_web(ds.web, parse_period("2026-05"), runs=runs)
    pd.testing.assert_frame_equal(again, first, check_exact=True)
    assert notes_again == notes
    shorter = runs.copy()
    shorter.loc["fete_des_meres_2026", "end"] = pd.Timestamp("2026-05-24")
    social_web(ds.web, parse_period("2026-05"), runs=shorter)
    start, end, narrowed = r.last_run_days["runs"][1]
    fete = r.campaign_key.eq("fete_des_meres_2026").fillna(False).to_numpy(bool) & narrowed
    assert fete.sum() == 4
    assert set(start[fete]) == {pd.Timestamp("2026-05-18")}
    assert set(end[fete]) == {pd.Timestamp("2026-05-24")}

def test_functions_of_a_dataset_refuse_a_frame_clearly():
    from smmanalytics.benchmarks import compare_benchmarks, compare_competitors
    from smmanalytics.compare import compare
    from smmanalytics.errors import ArgumentError, ArgumentTypeError

    p = posts([{"platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
                "paid": False, "impressions": 10000.0}])
    for call, name in ((lambda: roi(p, "2026-10"), "roi"),
                       (lambda: campaign_roi(p), "campaign_roi"),
                       (lambda: earned_media_value(p, "2026-10", cpm=5), "earned_media_value"),
                       (lambda: compare(p, "2026-10"), "compare"),
                       (lambda: compare_benchmarks(p, "2026"), "compare_benchmarks"),
                       (lambda: compare_competitors(p, "2026-10"), "compare_competitors")):
        with pytest.raises(ArgumentTypeError, match=f"^{name} takes a Dataset .*got DataFrame"):
            call()
    with pytest.raises(ArgumentTypeError, match="cost_breakdown takes a frame of roi"):
        cost_breakdown(dataset(posts=p))
    with pytest.raises(ArgumentTypeError, match="value_per_key_event must be a number"):
        roi(dataset(posts=p), "2026-10", value_per_key_event="abc")
    with pytest.raises(ArgumentError, match="^argument 'n_boot': out of range; expected a "
                       "whole number of at least 200; got 0"):
        compare(dataset(posts=p), "2026-10", n_boot=0)


def test_roi_says_when_goals_yaml_could_not_give_the_value_of_a_key_event(tmp_path):
    import smmanalytics as smm

    costs_file(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,EUR,instagram,,,,\n")
    (tmp_path / "goals.yaml").write_text("value_per_key_event: 20\ngoals:\n  - metric: posts\n"
                                         "    platform: all\n    target: lots\n",
                                         encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match=": goals.yaml: line 5, key 'target'"):
        ds = smm.load(tmp_path, cache=False)
    note = roi(ds, "2026-10").iloc[0]["note"]
    assert "goals.yaml could not be read: key events carry no value_per_key_event" in note
    # a value given in the call needs no goals.yaml, and no such note
    assert "goals.yaml" not in str(roi(ds, "2026-10", value_per_key_event=20).iloc[0]["note"])


def test_a_sentence_holding_a_semicolon_keeps_its_code_beside_it():
    # the report pairs note and note_codes by splitting both on "; ": a sentence quoting a
    # user's value with "; " in it made them disagree, and the ROI section fail
    from smmanalytics.roi import _joined

    notes = [("costs_failed", "costs.csv could not be read (line 2; column 'amount')"),
             ("roas_ad_spend_zero", "roas NaN: ad spend is zero")]
    text, codes = _joined(notes, 1), _joined(notes, 0)
    assert text == ("costs.csv could not be read (line 2, column 'amount'); roas NaN: ad spend "
                    "is zero")
    assert list(zip(codes.split("; "), text.split("; "), strict=True))[1] == notes[1]
    assert _joined([], 1) is None


def test_roi_notes_have_french_and_italian_wording(tmp_path):
    """Every note roi() writes in these cases (costs unknown, partly kept, in another currency;
    GA4 missing; paid posts unknown; ratios over zero or unknown) reads in the report's
    languages (notes.yaml), values re-formatted for the reader."""
    from smmanalytics.quality import QualityLog

    cases = [
        _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,200,,facebook,a,,,\n"
                                      "2026-10-01,,ad_spend,300,,instagram,a,,,\n"
                                      "2026-10-01,,ad_spend,100,,,a,,,\n"
                                      "2026-10-01,,tools,70,USD,,,,,\n"),
        _mixed_paid_dataset(tmp_path, "2026-10-01,,ad_spend,300,,instagram,a,,,\n"),
        dataset(tmp_path, "2026-10-01,2026-10-15,labor,100,,,,,,\n"),
        dataset(tmp_path, "2026-09-01,2026-09-30,labor,100,,,,,,\n"),
        dataset(),
    ]
    log = QualityLog()
    log.add(tmp_path / "costs.csv", "failed", "file costs.csv, line 2; column 'amount': bad",
            level="error")
    log.add(tmp_path / "goals.yaml", "failed", "file goals.yaml: not valid YAML", level="error")
    cases.append(dataset(quality=log.to_frame()))
    frames = [roi(ds, "2026-10", by=by) for ds in cases for by in (None, "campaign", "platform")]
    notes = {n for r in frames for n in r["note"].dropna()}
    assert len(notes) >= 8
    for lang in ("fr", "it"):
        f = Formatter(lang)
        for n in notes:
            f.notes(n)
        assert f.untranslated == set(), lang
    # each sentence has its code, in the same place in note_codes; translated by that code
    coded = {(c, t) for r in frames
             for note, codes in zip(r["note"], r["note_codes"], strict=True)
             if pd.notna(note)
             for c, t in zip(codes.split("; "), note.split("; "), strict=True)}
    assert all(r["note"].isna().equals(r["note_codes"].isna()) for r in frames)
    assert {c for c, _ in coded} <= set(NOTE_CODES)
    assert {"costs_failed", "costs_uncovered", "costs_missing", "costs_partly",
            "costs_foreign_currency", "ga4_uncovered", "goals_failed", "cpc_cpm_paid_unknown",
            "cpc_cpm_spend_left_out", "roi_cost_unknown"} <= {c for c, _ in coded}
    for lang in ("fr", "it"):
        f = Formatter(lang)
        for code, text in coded:
            assert f.note(text, code) == f.note(text), (code, text)
        assert f.untranslated == set(), lang
    fr = Formatter("fr")
    assert fr.notes("costs.csv runs over 2026-10 from 2026-10-01 to 2026-10-15 only: all "
                    "costs, subscriptions included, are counted over those days alone; cpa NaN: "
                    "key events is unknown") == [
        "costs.csv ne couvre octobre 2026 que du 1er au 15 octobre 2026 : tous "
        "les coûts, abonnements compris, ne sont comptés que sur ces jours",
        "CPA non calculable : le nombre d'événements clés est inconnu"]
    # platform lists are joined as lists ("Instagram e TikTok"), not with a comma
    assert Formatter("it").note("cpc and cpm leave out the ad spend of instagram, tiktok: paid "
                                "posts of instagram, tiktok unknown") == (
        "CPC e CPM escludono la spesa pubblicitaria Instagram e TikTok: post sponsorizzati "
        "Instagram e TikTok sconosciuti")
    # "hors de octobre" would want an elision: the French says "ne couvre pas octobre 2026"
    assert fr.note("costs.csv runs from 2026-09-01 to 2026-09-30, outside 2026-10: costs "
                   "unknown") == ("costs.csv va du 1er au 30 septembre 2026 et ne "
                                  "couvre pas octobre 2026 : coûts inconnus")
    assert fr.note("1 cost line in USD makes the total cost unknown: convert 2026-07 tools "
                   "9.99 USD to EUR, the brand currency, in costs.csv") == (
        "1 ligne de coût en USD rend le coût total inconnu : convertissez 9,99 USD (outils, "
        "juillet 2026) en EUR, la devise de la marque, dans costs.csv")
    assert fr.note("2 cost lines in USD make the total cost unknown: convert 2026-07 tools 9.99 "
                   "USD, 2026-09–2027-08 ad_spend 1,200.00 USD to EUR, the brand currency, in "
                   "costs.csv") == (
        "2 lignes de coût en USD rendent le coût total inconnu : convertissez 9,99 USD (outils, "
        "juillet 2026) et 1\u202f200,00 USD (publicité, septembre 2026 – août 2027) en EUR, la "
        "devise de la marque, dans costs.csv")
    assert Formatter("it").note(
        "4 cost lines in CHF, USD make the total cost unknown, among them 2026-07 tools 9.99 USD, "
        "2026-08 tools 9.99 USD, 2026-09 other 30.00 CHF: convert them to EUR, the brand "
        "currency, in costs.csv") == (
        "4 righe di costo in CHF, USD rendono sconosciuto il costo totale, tra cui 9,99 USD "
        "(strumenti, luglio 2026), 9,99 USD (strumenti, agosto 2026) e 30,00 CHF (altro, "
        "settembre 2026): convertitele in EUR, la valuta del brand, in costs.csv")


def test_costs_of_one_platform_all_in_another_currency_are_unknown_for_it(tmp_path):
    """by="platform": the TikTok lines are all in USD, the Instagram ones in euros. TikTok's
    cost read €0 ("roi NaN: total cost is zero") because other rows had euros; its cost and
    the categories of its dollars are unknown, Instagram's are its euro lines. Its categories
    without a line are 0, as any row's: they read unknown too, though costs.csv has no
    TikTok labour or tools."""
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,EUR,instagram,,,,\n"
                           "2026-10-01,2026-10-31,tools,30,EUR,instagram,,,,\n"
                           "2026-10-01,2026-10-31,ad_spend,80,USD,tiktok,,,,\n"
                           "2026-10-01,2026-10-31,production,20,USD,tiktok,,,,\n")
    out = roi(ds, "2026-10", by="platform").set_index("platform")
    assert out.loc["instagram", "cost"] == 130 and out.loc["instagram", "ad_spend"] == 100
    assert out.loc["instagram", "tools"] == 30 and out.loc["instagram", "labor"] == 0
    tiktok = out.loc["tiktok"]
    assert all(pd.isna(tiktok[c]) for c in ("cost", "ad_spend", "production"))
    assert tiktok["labor"] == 0 and tiktok["tools"] == 0
    assert "roi_cost_unknown" in tiktok["note_codes"]
    assert "roi_cost_zero" not in tiktok["note_codes"]
    assert "2 cost lines in USD make the total cost unknown" in tiktok["note"]


def test_a_platform_goal_blames_only_its_own_costs_in_another_currency(tmp_path):
    """Scorecard goals of one platform: Facebook has no cost line, TikTok's are in USD. The
    Facebook goals said 'costs of 2026-10 in USD' (TikTok's lines); they say no Facebook
    costs were recorded, and the TikTok goal names its USD lines."""
    from smmanalytics.goals import scorecard

    goals = tmp_path / "goals.yaml"
    goals.write_text("goals:\n  - {metric: roi, platform: facebook, target: 1}\n"
                     "  - {metric: roas, platform: facebook, target: 3}\n"
                     "  - {metric: roi, platform: tiktok, target: 1}\n", encoding="utf-8")
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,EUR,instagram,,,,\n"
                           "2026-10-01,2026-10-31,ad_spend,80,USD,tiktok,,,,\n",
                 web=web([_web_month(150.0, source="facebook"),
                          _web_month(40.0, source="tiktok")]),
                 goals=smm.read_goals(goals))
    sc = scorecard(ds, "2026-10", asof="2026-10-31")
    assert sc["note"].tolist() == [
        "no facebook costs recorded in 2026-10: roi cannot be computed",
        "no facebook ad spend recorded in 2026-10: roas cannot be computed",
        "1 cost line of 2026-10 is in USD, not the brand currency EUR: roi cannot be computed"]


def test_cost_breakdown_and_plot_costs_name_the_columns_a_cut_frame_lacks(tmp_path):
    from smmanalytics.errors import SchemaError

    ds = dataset(tmp_path, "2026-10-01,,ad_spend,300,,,,,,\n2026-10-01,,labor,100,,,,,,\n")
    r = roi(ds, "2026-10")
    cut = r[["period", "cost"]]
    with pytest.raises(SchemaError, match="cost_breakdown: argument 'roi_frame' lacks "
                       "column\\(s\\) 'ad_spend', 'labor', 'tools', 'production', 'influencer', "
                       "'other'; "
                       "expected a frame of roi\\(\\) .*; got columns period, cost") as err:
        cost_breakdown(cut)
    assert err.value.column == "ad_spend"
    with pytest.raises(SchemaError, match="plot_costs: argument 'roi_frame' lacks column\\(s\\) "
                       "'ad_spend'"):
        plot_costs(cut)
    # the frame roi() gives still works: 300 / 400 and 100 / 400
    assert cost_breakdown(r)["share"].tolist() == [0.75, 0.25]


def test_campaign_roi_without_campaigns_has_the_columns_of_one_with(tmp_path):
    # no costs and no GA4 rows (a folder of post exports only), or no costed campaign:
    # no row, the same columns and dtypes as the table with campaigns (was 3 object columns)
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,100,,,automne-2026,,,\n",
                 web=web([_web_month(300.0, campaign="bio-link")]))
    full = campaign_roi(ds)
    assert full["campaign"].tolist() == ["automne-2026", "bio-link"]
    for empty in (campaign_roi(dataset(posts=posts([{
            "platform": "instagram", "post_id": "1", "published_at": "2026-10-03T10:00Z",
            "campaign": "automne-2026"}]))),
            campaign_roi(dataset(web=web([_web_month(300.0, campaign="bio-link")])),
                         costed_only=True)):
        assert empty.empty
        pd.testing.assert_series_equal(empty.dtypes, full.dtypes)


# ------------------------------------------------------------------ campaign days


def test_a_campaign_row_counts_whole_over_the_days_the_campaign_ran(sample):
    """The sample's May GA4 export (1-31 May) tags four social rows fete-des-meres-2026; the
    campaign's cost lines run 18-31 May (posts 20-25 May), so its rows are spread over those
    14 days, not 14/31 of them counted. By hand, from
    ga4_traffic_acquisition_2026-05-01_2026-05-31.csv:
      instagram / paid  628 sessions, 21 key events, 1035.04
      facebook / paid   542 sessions, 19 key events,  849.26
      linkedin / social  18 sessions,  0 key events,    0.00
      x / social          4 sessions,  0 key events,    0.00
      → 1192 sessions, 40 key events, revenue 1884.30 (before: 14/31 of it, 850.97)
    costs.csv: ad spend 250 (facebook) + 350 (instagram) = 600, the campaign's only cost, so
    ROAS = 1884.30 / 600 = 3.1405, ROI = (1884.30 - 600) / 600 = 2.1405."""
    ds = sample
    r = roi(ds, "2026-05-18..2026-05-31", by="campaign").set_index("campaign")
    fete = r.loc["fete-des-meres-2026"]
    assert fete["revenue"] == pytest.approx(1884.30)
    assert fete["key_events"] == pytest.approx(40.0)
    assert fete["sessions"] == pytest.approx(1192.0)
    assert fete["cost"] == pytest.approx(600.0)
    assert fete["roas"] == pytest.approx(3.1405) and fete["roi"] == pytest.approx(2.1405)
    # actus-2026-05 (posts 2-15 May) and b2b-2026-05 (a post on 15 May) ran before the 18th:
    # their May rows count nothing in 18-31 May
    assert "actus-2026-05" not in r.index and "b2b-2026-05" not in r.index
    # bio-link has no cost line nor post: its 7 May rows keep the by-day proration
    codes = fete["note_codes"].split("; ")
    notes = dict(zip(codes, fete["note"].split("; "), strict=True))
    assert notes["ga4_campaign_days"] == (
        "4 GA4 rows of fete-des-meres-2026 span beyond 2026-05-18..2026-05-31: spread over the "
        "days its campaign ran (its cost lines and posts), not over all the row's days")
    # the 5 rows prorated by day (the whole period's note) are bio-link's 1 and the 4
    # without a campaign: each row says its own, the campaign's none
    assert "ga4_prorated" not in notes
    assert r.loc["bio-link", "note"].startswith(
        "1 GA4 row spans beyond 2026-05-18..2026-05-31: prorated by day;")
    assert r.loc["(unassigned)", "note"].startswith(
        "4 GA4 rows span beyond 2026-05-18..2026-05-31: prorated by day;")
    assert roi(ds, "2026-05-18..2026-05-31")["note"].iloc[0].startswith(
        "5 GA4 rows span beyond 2026-05-18..2026-05-31: prorated by day;")
    assert Formatter("fr").note(notes["ga4_campaign_days"], "ga4_campaign_days").startswith(
        "4 lignes GA4 de fete-des-meres-2026 débordent de la période 18–31 mai 2026")
    assert Formatter("it").note(notes["ga4_campaign_days"], "ga4_campaign_days").startswith(
        "4 righe GA4 di fete-des-meres-2026 vanno oltre il periodo 18–31 maggio 2026")


def test_campaign_rows_spread_over_its_days_others_over_all_theirs(tmp_path):
    """One October export (31 days), 310 of revenue on each of three rows: "launch" ran
    11-20 October (its cost line), "later" ran in November only, and the third row has no
    campaign. Over 16-31 October: launch's row, 5 of its 10 days (16-20 October) → 155; the
    no-campaign row 16/31 → 160; a campaign whose days do not meet the row ("later") keeps the
    row's own days, 16/31 → 160."""
    costs = ("2026-10-11,2026-10-20,ad_spend,100,,instagram,launch,,,\n"
             "2026-11-01,2026-11-30,ad_spend,100,,instagram,later,,,\n")
    rows = [_web_month(310.0, campaign="launch"), _web_month(310.0, campaign="later"),
            _web_month(310.0)]
    ds = dataset(tmp_path, costs, web=web(rows))
    r = roi(ds, "2026-10-16..2026-10-31", by="campaign").set_index("campaign")
    assert r.loc["launch", "revenue"] == pytest.approx(310 * 5 / 10)
    assert r.loc["later", "revenue"] == pytest.approx(310 * 16 / 31)
    assert r.loc["(unassigned)", "revenue"] == pytest.approx(310 * 16 / 31)
    # each row says its own row's proration: launch's of its campaign's days, not the
    # three rows of all the campaigns
    note = r.loc["launch", "note"]
    assert "1 GA4 row spans beyond 2026-10-16..2026-10-31: prorated by day" in note
    assert "1 GA4 row of launch spans beyond" in note
    assert "3 GA4 rows" not in note
    assert "ga4_campaign_days" not in r.loc["(unassigned)", "note_codes"]
    assert "1 GA4 row spans beyond 2026-10-16..2026-10-31: prorated by day" in \
        r.loc["(unassigned)", "note"]
    # the whole month counts every row whole, with no note on campaign days
    month = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert month["revenue"].sum() == pytest.approx(930.0)
    assert "ga4_campaign_days" not in (month["note_codes"].iloc[0] or "")
    # the scorecard's actual takes the same rows: 155 + 160 + 160
    from smmanalytics._actuals import actual
    assert actual(ds, "revenue", "all", dt.date(2026, 10, 16), dt.date(2026, 10, 31)) == \
        pytest.approx(155 + 2 * 310 * 16 / 31)
    # the campaign's days follow an edit of costs in place (no stale days kept): launch now
    # runs 11-31 October, 21 days, 16 of them in 16-31 October
    ds.costs.loc[ds.costs["campaign"] == "launch", "end"] = pd.Timestamp("2026-10-31")
    r = roi(ds, "2026-10-16..2026-10-31", by="campaign").set_index("campaign")
    assert r.loc["launch", "revenue"] == pytest.approx(310 * 16 / 21)


def test_a_campaigns_days_are_those_its_ga4_rows_are_spread_over(tmp_path):
    """The October export's rows as in the test above, plus "bio" (no cost line nor post)
    and a row of 25 October dated by its day for "launch". The span of a campaign counts
    each GA4 row over the days roi() spreads it: launch's monthly row over its cost line's
    11-20 October alone, so launch runs 11-25 October (the dated row's day widens it), not
    1-31 October; later's October row does not meet its November cost line: kept whole,
    1 October - 30 November; bio's row has no run days to narrow it: 1-31 October."""
    from smmanalytics.roi import campaign_days, campaign_spans

    costs = ("2026-10-11,2026-10-20,ad_spend,100,,instagram,launch,,,\n"
             "2026-11-01,2026-11-30,ad_spend,100,,instagram,later,,,\n")
    dated = {**_web_month(10.0, campaign="launch"), "period_start": None, "period_end": None,
             "date": "2026-10-25"}
    ds = dataset(tmp_path, costs, web=web([_web_month(310.0, campaign="launch"),
                                           _web_month(310.0, campaign="later"),
                                           _web_month(310.0, campaign="bio"), dated]))
    spans = campaign_spans(ds).map(lambda d: d.date().isoformat())
    assert spans.loc["launch"].tolist() == ["2026-10-11", "2026-10-25"]
    assert spans.loc["later"].tolist() == ["2026-10-01", "2026-11-30"]
    assert spans.loc["bio"].tolist() == ["2026-10-01", "2026-10-31"]
    assert campaign_days(ds, "launch") == "2026-10-11..2026-10-25"


# ------------------------------------------------------------------ the days costs.csv is kept for
def _sample_with(sample, tmp_path, *lines):
    """The sample with ``lines`` added to its costs.csv: its costs.csv copied to ``tmp_path``,
    the lines added, read by read_costs, in place of the sample's costs (the rest of the
    sample as loaded). roi() of October and November 2026, overall and by campaign, is that
    of the sample's copy with the lines, loaded (checked by hand on both tests' lines): 0.1 s
    of CPU where the copy's load took 2.0 s through the run's cache."""
    from dataclasses import replace

    path = tmp_path / "costs.csv"
    text = (_SAMPLE / "maison-seve" / "costs.csv").read_text(encoding="utf-8")
    path.write_text(text + "".join(line + "\n" for line in lines), encoding="utf-8")
    return replace(sample, costs=read_costs(path))


def test_roi_a_line_past_month_end_leaves_the_next_month_unknown_but_its_own_share(sample,
                                                                                   tmp_path):
    """A shoot billed 16 October to 15 November says nothing of November's labour: only its
    own 620 × 15/31 = 300.00 of production is known; November's labour, tools and the total
    stay unknown (before, cost 321.21 with labour 0)."""
    ds = _sample_with(sample, tmp_path, "2026-10-16,2026-11-15,production,620.00,EUR,,spanning,,,")
    from smmanalytics.roi import costs_span

    assert costs_span(ds.costs)[1] == dt.date(2026, 10, 31)
    row = roi(ds, "2026-11").iloc[0]
    assert row["production"] == pytest.approx(300.0)
    for col in ("cost", "labor", "tools", "ad_spend", "influencer", "other", "roi"):
        assert pd.isna(row[col]), col
    assert "costs.csv runs from 2025-09-01 to 2026-10-31, outside 2026-11: costs unknown" in \
        row["note"]
    assert ("only production known, from lines running past 2026-10-31, the end of the last "
            "month costs.csv is kept for: the other costs unknown") in row["note"]
    assert "costs_entered_after" in row["note_codes"].split("; ")
    camp = roi(ds, "2026-11", by="campaign").set_index("campaign")
    assert camp.loc["spanning", "production"] == pytest.approx(300.0)
    assert pd.isna(camp.loc["spanning", "cost"])
    # October keeps the shoot's 16 days: 620 × 16/31 = 320.00 (the sample has no other)
    assert roi(ds, "2026-10").iloc[0]["production"] == pytest.approx(320.0)


def test_roi_without_the_spanning_line_november_costs_stay_unknown(sample):
    ds = sample                              # the sample's costs.csv, no line added
    row = roi(ds, "2026-11").iloc[0]
    assert all(pd.isna(row[c]) for c in ("cost", "labor", "production", "tools"))
    assert "costs_entered_after" not in (row["note_codes"] or "")


def test_costs_span_a_file_without_monthly_lines_is_kept_to_its_last_short_line(tmp_path):
    from smmanalytics.roi import costs_span

    c = read_costs(costs_file(tmp_path, "2026-10-05,,influencer,500,,,,,,\n"
                              "2026-10-13,2026-10-19,labor,,,,,14,38,\n"
                              "2026-09-01,2027-08-31,tools,516,,,,,,\n"))
    # from the first short line (the influencer's 5 October), not the yearly plan's 1 September
    assert costs_span(c) == (dt.date(2026, 10, 5), dt.date(2026, 10, 19))


def test_roi_foreign_cost_lines_are_noted_on_their_own_rows(sample, tmp_path):
    """Two USD lines, one for noel-2026 and one without a campaign: each row they concern
    says so, and the total says 2; automne-2026 (800 + 1200 ad spend + 500 influencer in
    October = 2500.00) lost nothing and carries no such note (it carried "2 cost lines")."""
    ds = _sample_with(sample, tmp_path, "2026-10-10,2026-10-10,influencer,100,USD,,noel-2026,,,",
                      "2026-10-01,2026-10-31,tools,50,USD,,,,,")
    camp = roi(ds, "2026-10", by="campaign").set_index("campaign")
    one = "1 cost line in USD makes the total cost unknown: convert 2026-10 {} to EUR"
    assert one.format("influencer 100.00 USD") in camp.loc["noel-2026", "note"]
    assert one.format("tools 50.00 USD") in camp.loc["(unassigned)", "note"]
    assert pd.isna(camp.loc["noel-2026", "cost"])          # its only line is in USD
    assert camp.loc["automne-2026", "cost"] == pytest.approx(2500.0)
    assert "costs_foreign_currency" not in (camp.loc["automne-2026", "note_codes"] or "")
    total = roi(ds, "2026-10").iloc[0]
    assert ("2 cost lines in USD make the total cost unknown: convert 2026-10 influencer "
            "100.00 USD, 2026-10 tools 50.00 USD to EUR") in total["note"]
    plat = roi(ds, "2026-10", by="platform").set_index("platform")
    assert "costs_foreign_currency" in plat.loc["(unassigned)", "note_codes"]
    assert "costs_foreign_currency" not in (plat.loc["instagram", "note_codes"] or "")


def test_a_foreign_line_leaves_its_row_s_other_categories_known(tmp_path):
    """TikTok's only October line is $30 of tools, noel-2026's only line $100 of influencer:
    every category of their rows read unknown, TikTok's ad spend too ("roas NaN: ad spend is
    unknown") where costs.csv has no TikTok ad spend. Only the category with the dollars (and
    the cost, its sum) is unknown; the others are 0, as in any row without their lines. The
    total keeps its euro ad spend: 300 + 200 = 500, by hand."""
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,labor,1000,,,,,,\n"
                           "2026-10-01,2026-10-31,ad_spend,300,,facebook,,,,\n"
                           "2026-10-01,2026-10-31,ad_spend,200,,instagram,,,,\n"
                           "2026-10-01,2026-10-31,tools,30,USD,tiktok,,,,\n"
                           "2026-10-10,2026-10-10,influencer,100,USD,,noel-2026,,,\n")
    tiktok = roi(ds, "2026-10", by="platform").set_index("platform").loc["tiktok"]
    assert pd.isna(tiktok["tools"]) and pd.isna(tiktok["cost"])
    assert tiktok["ad_spend"] == 0 and tiktok["labor"] == 0 and tiktok["influencer"] == 0
    assert "roas_ad_spend_unknown" not in tiktok["note_codes"].split("; ")
    noel = roi(ds, "2026-10", by="campaign").set_index("campaign").loc["noel-2026"]
    assert pd.isna(noel["influencer"]) and pd.isna(noel["cost"])
    assert noel["ad_spend"] == 0 and noel["tools"] == 0
    total = roi(ds, "2026-10").iloc[0]
    assert total["ad_spend"] == pytest.approx(500.0) and pd.isna(total["cost"])


_LABOUR_BUT_AUGUST = ("2026-06-01,2026-06-30,labor,1000,,,,,,\n"
                      "2026-07-01,2026-07-31,labor,1000,,,,,,\n"
                      "2026-09-01,2026-09-30,labor,1000,,,,,,\n"
                      "2026-10-01,2026-10-31,labor,1000,,,,,,\n"
                      "2026-07-01,2026-07-31,production,500,,,,,,\n"
                      "2026-06-01,2026-10-31,tools,153,,,,,,\n")


def test_a_month_without_the_labour_of_every_other_is_noted(tmp_path):
    """costs.csv holds labour for June, July, September and October, none for August: August
    keeps the rule (a day inside the span without a line had nothing spent), cost 31 € of
    the tools (153 over the 153 days of June-October, 1 € a day, by hand), but it is noted,
    by roi() and by read_costs' quality warning, naming the month and the category.
    Production, in July alone, is not entered month by month: no note for its months."""
    from smmanalytics.roi import costs_gaps

    with pytest.warns(smm.DataQualityWarning, match=r"costs\.csv has no labor line for "
                      r"2026-08, which the other months it covers have") as caught:
        ds = dataset(tmp_path, _LABOUR_BUT_AUGUST)
    assert [w.message.code for w in caught
            if isinstance(w.message, smm.DataQualityWarning)] == ["costs_month_missing"]
    assert costs_gaps(ds.costs) == [("2026-08", ["labor"])]
    august = roi(ds, "2026-08").iloc[0]
    assert august["cost"] == pytest.approx(31.0) and august["labor"] == 0
    assert august["note_codes"].split("; ")[0] == "costs_month_missing"
    assert august["note"].startswith("costs.csv has no labor line for 2026-08")
    # the quarter holding August says it; October, whole, does not
    assert "costs_month_missing" in roi(ds, "2026-Q3").iloc[0]["note_codes"]
    assert "costs_month_missing" not in str(roi(ds, "2026-10").iloc[0]["note_codes"])


def test_a_month_counting_other_lines_of_the_category_is_no_gap(tmp_path):
    """Labour and tools entered month by month from June to September; October has no
    monthly line of either, but a week of extra labour (13-19 October, 532 €) and a yearly
    tools plan (September to next August) cover days of it: October counts 532 € of labour
    and 31 days of the plan, not 0, and is not noted as nothing spent (the same October
    without the week of labour still is). By hand: labour 532 €, tools 365 × 31 / 365 = 31 €."""
    from smmanalytics.roi import costs_gaps

    monthly = "".join(f"2026-{m:02d}-01,2026-{m:02d}-{d},{c},{a},,,,,,\n"
                      for m, d in ((6, 30), (7, 31), (8, 31), (9, 30))
                      for c, a in (("labor", 1000), ("tools", 10)))
    ds = dataset(tmp_path, monthly + "2026-10-13,2026-10-19,labor,532,,,,,,\n"
                           "2026-09-01,2027-08-31,tools,365,,,,,,\n"
                           "2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n")
    assert costs_gaps(ds.costs) == []
    october = roi(ds, "2026-10").iloc[0]
    assert october["labor"] == pytest.approx(532.0) and october["tools"] == pytest.approx(31.0)
    assert "costs_month_missing" not in str(october["note_codes"])
    # the same October without the week of labour counts nothing of it: noted
    with pytest.warns(smm.DataQualityWarning, match="no labor line for 2026-10"):
        ds = dataset(tmp_path, monthly + "2026-09-01,2027-08-31,tools,365,,,,,,\n"
                               "2026-10-01,2026-10-31,ad_spend,100,,facebook,,,,\n")
    assert costs_gaps(ds.costs) == [("2026-10", ["labor"])]


def test_no_gap_without_a_pattern_of_months(tmp_path):
    """Labour in July and September, none in August: two months out of three are no pattern
    of three quarters of the months (2 < 0.75 × 3 = 2.25, by hand); a span of two months
    (September, October: labour in one) has none to miss; lines of a month started mid-span
    (a span from 20 May) count from its first whole month."""
    from smmanalytics.roi import costs_gaps

    ds = dataset(tmp_path, "2026-07-01,2026-07-31,labor,1000,,,,,,\n"
                           "2026-08-01,2026-08-31,tools,10,,,,,,\n"
                           "2026-09-01,2026-09-30,labor,1000,,,,,,\n")
    assert costs_gaps(ds.costs) == []
    ds = dataset(tmp_path, "2026-09-01,2026-09-30,labor,1000,,,,,,\n"
                           "2026-10-01,2026-10-31,tools,10,,,,,,\n")
    assert costs_gaps(ds.costs) == []
    ds = dataset(tmp_path, "2026-05-20,2026-05-25,other,50,,,,,,\n"
                 + "".join(f"2026-{m:02d}-01,2026-{m:02d}-{d},labor,1000,,,,,,\n"
                           for m, d in ((6, 30), (7, 31), (8, 31))))
    assert costs_gaps(ds.costs) == []


def test_a_brand_currency_in_small_letters_is_the_brand_s(sample):
    """A Brand made by hand with currency "eur" (brand.yaml capitalises it) had every EUR cost
    line taken for a foreign currency: cost and ROI unknown, "costs_foreign_currency", while
    GA4's revenue counted. The currencies are compared in capitals everywhere."""
    from dataclasses import replace

    ds = sample
    upper = smm.roi(ds, "2026-10")
    lower = smm.roi(replace(ds, brand=replace(ds.brand, currency="eur")), "2026-10")
    assert lower.loc[0, "cost"] == pytest.approx(upper.loc[0, "cost"])
    assert lower.loc[0, "roi"] == pytest.approx(upper.loc[0, "roi"])
    assert "costs_foreign_currency" not in str(lower.loc[0, "note_codes"])
    assert lower.loc[0, "currency"] == "EUR"


def test_campaign_roi_costed_only_is_true_or_false(ds):
    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match="argument 'costed_only': not a flag \\(str\\); "
                       "expected True or False; got 'yes'"):
        smm.campaign_roi(ds, costed_only="yes")


def test_prorate_costs_of_an_empty_frame_of_other_columns_is_a_schema_error(ds):
    """ds.posts.iloc[0:0] passed for costs came back as no cost lines."""
    from smmanalytics.errors import SchemaError

    with pytest.raises(SchemaError, match="costs lack column\\(s\\) 'start', 'end', 'amount'"):
        smm.prorate_costs(ds.posts.iloc[0:0], "2026-10")
    assert smm.prorate_costs(pd.DataFrame(), "2026-10").empty           # no costs.csv
    assert smm.prorate_costs(ds.costs, "2026-10").empty


def test_plot_costs_draws_a_campaign_name_with_dollars_as_written(tmp_path):
    """A campaign "Save $5 #deal_2026 and $10" made matplotlib parse "$5 #deal_2026 and $" as
    maths and fail (no monthly report); "$x_1$ *bold*" was drawn as a subscript. The names
    are drawn letter for letter: with svg.fonttype "none" the SVG holds each line as one
    text (the first name is wrapped after its 18th character, as plots.wrap_label breaks a
    name longer than 20 at a space)."""
    import io

    names = ["Save $5 #deal_2026 and $10", "$x_1$ *bold*"]
    costs = "".join(f"2026-10-01,,ad_spend,{10 * (i + 1)},,,{n},,,\n"
                    for i, n in enumerate(names))
    r = roi(dataset(tmp_path, costs), "2026-10", by="campaign")
    with plt.rc_context({"svg.fonttype": "none"}):
        fig, ax = plt.subplots()
        plot_costs(r, ax=ax)
        svg = io.StringIO()
        fig.savefig(svg, format="svg")          # parsed the name as maths: ValueError here
    plt.close(fig)
    for line in ["Save $5 #deal_2026", "and $10", "$x_1$ *bold*"]:
        assert f">{line}</text>" in svg.getvalue()


def _overlapping_exports():
    """File A, 15 August-30 September (47 days): Instagram social 940 and referral 470 with
    no campaign, and 2,200 of the campaign automne (its cost line runs 20 September-10
    October, so A's row is spread over 20-30 September); file B, 1 September-31 October (61
    days): Instagram social 6,100, no campaign."""
    a = dict(start="2026-08-15", end="2026-09-30")
    return [_web_month(940.0, **a), _web_month(470.0, source="l.instagram.com",
                                               medium="referral", **a),
            _web_month(2200.0, campaign="automne", medium="paid", group="Paid Social", **a),
            _web_month(6100.0, start="2026-09-01", end="2026-10-31")]


def test_overlapping_ga4_exports_each_count_the_days_the_other_does_not(tmp_path):
    """The longest export was kept whole and any export overlapping it dropped whole, also its
    days no other covers: over 2026, file A was dropped with its €510 of 15-31 August, revenue
    €6,100, where August 510 + September 3,000 + October 3,100 = 6,610 and Q3 3,610 + Q4
    3,100 = 6,710. Now the shorter export, A, counts all its days and B the days A does not
    cover (October: 6,100 × 31 / 61 = 3,100, prorated, an estimate):
    August = (940 + 470) × 17 / 47 = 510; September = (940 + 470) × 30 / 47 + 2,200 = 3,100;
    October = 3,100; Q3 = 3,610, Q4 = 3,100, 2026 = 6,710 = the months' sum."""
    costs = "2026-09-20,2026-10-10,ad_spend,3100,,instagram,automne,,,\n"
    ds = dataset(tmp_path, costs, web=web(_overlapping_exports()))
    revenue = {p: roi(ds, p).loc[0, "revenue"] for p in
               ("2026-08", "2026-09", "2026-10", "2026-Q3", "2026-Q4", "2026")}
    assert revenue == pytest.approx({"2026-08": 510.0, "2026-09": 3100.0, "2026-10": 3100.0,
                                     "2026-Q3": 3610.0, "2026-Q4": 3100.0, "2026": 6710.0})
    year = roi(ds, "2026")
    assert "ga4_overlap_prorated" in year.loc[0, "note_codes"]
    assert ("1 GA4 row overlaps another export's dates: counted on the days no other export "
            "counts, prorated by day (an estimate)") in year.loc[0, "note"]
    # September: B's row is left out (A counts all of September), and said so
    assert "ga4_overlap_left_out" in roi(ds, "2026-09").loc[0, "note_codes"]
    # by campaign, A's 2,200 of automne count (it read 0, "check the links' UTM tags")
    by = roi(ds, "2026", by="campaign").set_index("campaign")
    assert by.loc["automne", "revenue"] == 2200.0
    assert "ga4_campaign_not_seen" not in (by.loc["automne", "note_codes"] or "")


def test_a_campaign_whose_days_an_export_without_it_counts_is_unknown_not_zero(tmp_path):
    """File A by campaign, 1 September-31 October: automne 2,200 (spread over its 21 days,
    20 September-10 October); file B, September only, has no campaign dimension (no campaign
    cell). B counts September, so A's automne row counts on 1-10 October alone (2,200 × 10 /
    21 = 1,047.62); its 11 days of September are in B's figures, which do not say which
    campaign: its revenue is unknown, noted, not blamed on the links' UTM tags."""
    from smmanalytics.report.formatting import Formatter

    rows = [_web_month(2200.0, campaign="automne", start="2026-09-01", end="2026-10-31"),
            _web_month(900.0, campaign=None, start="2026-09-01", end="2026-09-30")]
    costs = "2026-09-20,2026-10-10,ad_spend,3100,,instagram,automne,,,\n"
    ds = dataset(tmp_path, costs, web=web(rows))
    assert roi(ds, "2026").loc[0, "revenue"] == pytest.approx(900 + 2200 * 10 / 21)
    by = roi(ds, "2026", by="campaign").set_index("campaign")
    assert pd.isna(by.loc["automne", "revenue"]) and pd.isna(by.loc["automne", "roi"])
    assert "ga4_campaign_overlap" in by.loc["automne", "note_codes"]
    assert "ga4_campaign_not_seen" not in by.loc["automne", "note_codes"]
    note = ("its GA4 rows overlap the dates of another export, which is counted on those days "
            "and does not name the campaign: revenue, key events and sessions unknown")
    assert note in by.loc["automne", "note"]
    assert Formatter("it").note(note, "ga4_campaign_overlap") == (
        "le sue righe GA4 si sovrappongono alle date di un'altra esportazione, contata in quei "
        "giorni e che non nomina la campagna: ricavi, eventi chiave e sessioni sconosciuti")
    # October alone: B does not reach it, A counts it whole: 1,047.62, known
    october = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert october.loc["automne", "revenue"] == pytest.approx(2200 * 10 / 21)


def _ga4_file(name, revenue, start, end, day=None, sessions=10.0):
    """A social GA4 row of file ``name`` (its preamble's range ``start`` to ``end``), dated
    ``day`` when its export is by day."""
    return {"source_file": name, "date": day, "period_start": start, "period_end": end,
            "channel_group": "Organic Social", "source": "instagram", "medium": "social",
            "sessions": sessions, "revenue": revenue, "currency": "EUR"}


def test_daily_rows_and_a_total_of_the_same_range_count_once():
    """September by day (30 rows of 10 sessions, €100) and September's total (300 sessions,
    €3,000), two files of the same range 1-30 September: both read as one export, revenue
    30 × 100 + 3,000 = 6,000 and 600 sessions. One counts: of the same breakdown, the total
    (GA4's own figure for the range): €3,000, 300 sessions, the 30 daily rows left out,
    noted. Two copies of the quarter's total, of the same range (9,200 each), count once:
    Q3 = 9,200, not 18,400; September's 3,000 of it counted from the monthly files, the
    quarter's July-August prorated 9,200 × 62 / 92 = 6,200: 6,200 + 3,000 = 9,200."""
    sep = ("2025-09-01", "2025-09-30")
    rows = [_ga4_file("ga4_daily_2025-09.csv", 100.0, *sep, day=d)
            for d in pd.date_range(*sep)]
    rows.append(_ga4_file("ga4_total_2025-09.csv", 3000.0, *sep, sessions=300.0))
    r = roi(dataset(web=web(rows)), "2025-09")
    assert (r.loc[0, "revenue"], r.loc[0, "sessions"]) == (3000.0, 300.0)
    assert ("30 GA4 rows left out: their dates overlap another export already counted (no "
            "double counting)") in r.loc[0, "note"]
    q3 = ("2025-07-01", "2025-09-30")
    rows += [_ga4_file(name, 9200.0, *q3, sessions=920.0)
             for name in ("ga4_2025-Q3.csv", "ga4_2025-Q3 (1).csv")]
    ds = dataset(web=web(rows))
    assert roi(ds, "2025-Q3").loc[0, "revenue"] == pytest.approx(9200.0)
    assert roi(ds, "2025-07").loc[0, "revenue"] == pytest.approx(9200 * 31 / 92)    # 3,100


def test_a_row_inside_the_period_cut_by_another_export_is_not_said_to_span_beyond():
    """A Q3 total (€9,200 over 92 days) and a September total (€3,000): Q3 counts September's
    3,000 and the quarter's July-August, 9,200 × 62 / 92 = 6,200: 9,200. The quarter's row
    lies inside Q3: it is noted as overlapping another export, not as "spanning beyond
    2025-Q3"; July (3,100 = 9,200 × 31 / 92) keeps its true note, the row spans beyond July."""
    rows = [_ga4_file("ga4_2025-Q3.csv", 9200.0, "2025-07-01", "2025-09-30"),
            _ga4_file("ga4_2025-09.csv", 3000.0, "2025-09-01", "2025-09-30")]
    ds = dataset(web=web(rows))
    q3 = roi(ds, "2025-Q3")
    assert q3.loc[0, "revenue"] == pytest.approx(9200.0)
    assert "ga4_overlap_prorated" in q3.loc[0, "note_codes"]
    assert "ga4_prorated" not in q3.loc[0, "note_codes"]      # ga4_overlap_prorated is not it
    assert "spans beyond" not in q3.loc[0, "note"]
    july = roi(ds, "2025-07")
    assert july.loc[0, "revenue"] == pytest.approx(3100.0)
    assert "1 GA4 row spans beyond 2025-07: prorated by day" in july.loc[0, "note"]


def test_a_campaign_cut_by_an_export_that_has_the_campaign_dimension_keeps_its_zero(tmp_path):
    """Q3 by campaign: fete 9,200 and rentree 3,000; September by campaign too, naming rentree
    alone (3,000). Costs: fete 1 July-30 September, rentree September. September counts its
    days: it has the campaign dimension and no fete, so fete's September is 0 ("no GA4
    session carries utm_campaign 'fete'"), not unknown; the quarter's fete row is spread
    over the 92 days fete ran, of which the Q3 file counts July-August, 62: Q3 = 9,200 × 62
    / 92 = 6,200 = July 3,100 + August 3,100 + September 0. rentree's Q3 row is spread over
    September, the September file's: rentree 3,000 in September and in Q3. It read fete
    unknown in September and in Q3, "another export does not name the campaign"."""
    q3, sep = dict(start="2025-07-01", end="2025-09-30"), dict(start="2025-09-01",
                                                                end="2025-09-30")
    rows = [_web_month(9200.0, campaign="fete", **q3), _web_month(3000.0, campaign="rentree", **q3),
            _web_month(3000.0, campaign="rentree", **sep)]
    costs = ("2025-07-01,2025-09-30,ad_spend,920,,instagram,fete,,,\n"
             "2025-09-01,2025-09-30,ad_spend,300,,instagram,rentree,,,\n")
    ds = dataset(tmp_path, costs, web=web(rows))
    revenue = {p: roi(ds, p, by="campaign").set_index("campaign")["revenue"]
               for p in ("2025-07", "2025-08", "2025-09", "2025-Q3")}
    assert [revenue[p]["fete"] for p in revenue] == pytest.approx([3100, 3100, 0, 6200])
    assert [revenue[p]["rentree"] for p in ("2025-09", "2025-Q3")] == [3000, 3000]
    september = roi(ds, "2025-09", by="campaign").set_index("campaign")
    assert "ga4_campaign_not_seen" in september.loc["fete", "note_codes"]
    assert "ga4_campaign_overlap" not in september.loc["fete", "note_codes"]
    quarter = roi(ds, "2025-Q3", by="campaign").set_index("campaign")
    assert "ga4_campaign_overlap" not in (quarter.loc["fete", "note_codes"] or "")
    assert "spans beyond" not in (quarter.loc["fete", "note"] or "")     # inside Q3


def _ga4_source(name, source, sessions, revenue, start="2026-10-01", end="2026-10-31",
                day=None, **dims):
    """A GA4 row of file ``name`` (its preamble's range ``start`` to ``end``) of traffic
    ``source`` / social, dated ``day`` when its export is by day."""
    return {"source_file": name, "date": day, "period_start": start, "period_end": end,
            "source": source, "medium": "social", "sessions": sessions, "revenue": revenue,
            "currency": "EUR", **dims}


_OVERLAP_NOTE = "another export already counted (no double counting)"


def _october(rows, by=None):
    """roi() of October 2026 of these GA4 rows: its first row (the total, or ``by``'s)."""
    r = roi(dataset(web=web(rows)), "2026-10", by=by)
    return r if by is not None else r.loc[0]


def test_two_files_filtered_to_different_sources_of_one_range_both_count(tmp_path):
    """One October table exported twice, filtered to Facebook's sources (100 sessions,
    €1,000) and to Instagram's (50, €500): the files share no source, each counts.
    October: 100 + 50 = 150 sessions, 1,000 + 500 = €1,500, nothing left out (s47H gave
    Facebook's file alone, 100 / €1,000, and a false note). Read from the files as GA4
    writes them."""
    preamble = ("# Traffic acquisition: Session source / medium\n# Start date: 20261001\n"
                "# End date: 20261031\n"
                "Session source / medium,Sessions,Engaged sessions,Key events,Total revenue\n")
    (tmp_path / "ga4_traffic_acquisition_facebook.csv").write_text(
        preamble + "facebook / social,100,50,10,1000.00\n")
    (tmp_path / "ga4_traffic_acquisition_instagram.csv").write_text(
        preamble + "instagram / social,50,20,5,500.00\n")
    (tmp_path / "brand.yaml").write_text("name: T\ntimezone: Europe/Paris\ncurrency: EUR\n")
    r = roi(smm.load(tmp_path, cache=False), "2026-10").loc[0]
    assert (r["sessions"], r["revenue"]) == (150.0, 1500.0)
    assert _OVERLAP_NOTE not in (r["note"] or "")


def test_page_one_and_page_two_of_one_table_both_count():
    """Page 1 of October's table (facebook 100 sessions €1,000, instagram 50 €500) and
    page 2 (linkedin 5 €20, pinterest 3 €10): 100 + 50 + 5 + 3 = 158 sessions, 1,000 + 500
    + 20 + 10 = €1,530. By day, a source may straddle the pages (facebook on 1 October on
    page 1, on 2 October on page 2: other days, not a repeat): 100 + 30 = 130 sessions."""
    rows = [_ga4_source("p1.csv", "facebook", 100.0, 1000.0),
            _ga4_source("p1.csv", "instagram", 50.0, 500.0),
            _ga4_source("p2.csv", "linkedin", 5.0, 20.0),
            _ga4_source("p2.csv", "pinterest", 3.0, 10.0)]
    r = _october(rows)
    assert (r["sessions"], r["revenue"]) == (158.0, 1530.0)
    assert _OVERLAP_NOTE not in (r["note"] or "")
    by_day = [_ga4_source("p1.csv", "facebook", 100.0, 1000.0, day="2026-10-01"),
              _ga4_source("p2.csv", "facebook", 30.0, 300.0, day="2026-10-02")]
    assert _october(by_day)["sessions"] == 130.0


def test_a_copy_of_a_file_counts_once():
    """October's table (facebook 100 €1,000, instagram 50 €500) and its copy
    "ga4 (1).csv": 150 sessions, €1,500, not 300 / €3,000; the copy's 2 rows noted."""
    rows = [_ga4_source(name, source, sessions, revenue)
            for name in ("ga4.csv", "ga4 (1).csv")
            for source, sessions, revenue in (("facebook", 100.0, 1000.0),
                                              ("instagram", 50.0, 500.0))]
    r = _october(rows)
    assert (r["sessions"], r["revenue"]) == (150.0, 1500.0)
    assert f"2 GA4 rows left out: their dates overlap {_OVERLAP_NOTE}" in r["note"]


def test_files_of_one_range_sharing_some_sources_count_those_once():
    """Two October files: a.csv (facebook 100 €1,000, instagram 50 €500) and b.csv
    (instagram 50 €500, linkedin 20 €200). Instagram, in both, counts once (a.csv's, the
    first by name: same breakdown, rows alike); facebook and linkedin, each in one file,
    count: 100 + 50 + 20 = 170 sessions, 1,000 + 500 + 200 = €1,700; b.csv's instagram row
    noted. By platform: instagram 50, not 100."""
    rows = [_ga4_source("a.csv", "facebook", 100.0, 1000.0),
            _ga4_source("a.csv", "instagram", 50.0, 500.0),
            _ga4_source("b.csv", "instagram", 50.0, 500.0),
            _ga4_source("b.csv", "linkedin", 20.0, 200.0)]
    r = _october(rows)
    assert (r["sessions"], r["revenue"]) == (170.0, 1700.0)
    assert f"1 GA4 row left out: its dates overlap {_OVERLAP_NOTE}" in r["note"]
    by = _october(rows, by="platform").set_index("platform")
    assert by.loc["instagram", "sessions"] == 50.0


def test_daily_rows_and_a_total_of_the_same_range_count_once_by_source():
    """October by day in one file (instagram 10 sessions €100 a day, 31 days: 310, €3,100;
    and facebook 2 sessions €20 on 1 October alone) and October's total in another
    (instagram 300, €3,000): instagram counts once, the total's (longer rows: GA4's own
    figure), its 31 daily rows noted; facebook, in the daily file alone, counts:
    300 + 2 = 302 sessions, 3,000 + 20 = €3,020."""
    rows = [_ga4_source("daily.csv", "instagram", 10.0, 100.0, day=d)
            for d in pd.date_range("2026-10-01", "2026-10-31")]
    rows.append(_ga4_source("daily.csv", "facebook", 2.0, 20.0, day="2026-10-01"))
    rows.append(_ga4_source("total.csv", "instagram", 300.0, 3000.0))
    r = _october(rows)
    assert (r["sessions"], r["revenue"]) == (302.0, 3020.0)
    assert f"31 GA4 rows left out: their dates overlap {_OVERLAP_NOTE}" in r["note"]


def test_a_campaign_table_by_day_and_a_source_table_of_the_same_range_count_once():
    """October by campaign and day (rentree, Organic Social, 8 sessions €80 a day, 31 days:
    248, €2,480) and October's total by source / medium (instagram 300, €3,000): the same
    sessions in two breakdowns, which share no key, so one table counts. Overall, the more
    detailed source / medium: 300 / €3,000; by campaign, the table carrying it: rentree
    €2,480 (31 × 80)."""
    rows = [_ga4_source("campaigns.csv", None, 8.0, 80.0, day=d, medium=None,
                        campaign="rentree", channel_group="Organic Social",
                        breakdown="campaign+channel_group")
            for d in pd.date_range("2026-10-01", "2026-10-31")]
    rows.append(_ga4_source("sources.csv", "instagram", 300.0, 3000.0,
                            breakdown="source_medium"))
    r = _october(rows)
    assert (r["sessions"], r["revenue"]) == (300.0, 3000.0)
    by = _october(rows, by="campaign").set_index("campaign")
    assert by.loc["rentree", "revenue"] == pytest.approx(2480.0)


# each example is a roi() of October, 0.2 s of CPU on these few rows: 12 drawn, and the
# three cases the note's wording turns on written out (a copy of a file holding no row of
# the table: nothing noted; one row: "1 GA4 row"; several: "3 GA4 rows"), where 25 drawn
# took 5.4 s
@settings(max_examples=12, deadline=None)
@given(sessions=st.lists(st.integers(1, 1000), min_size=1, max_size=6),
       files=st.lists(st.integers(0, 2), min_size=6, max_size=6),
       copied=st.integers(0, 2))
@example(sessions=[5], files=[0] * 6, copied=1)
@example(sessions=[7, 8], files=[2, 0, 0, 0, 0, 0], copied=2)
@example(sessions=[1, 2, 3, 4], files=[0, 0, 0, 1, 1, 1], copied=0)
def test_a_table_split_into_files_and_a_copy_of_one_add_up_to_the_table(sessions, files,
                                                                           copied):
    """October's table of distinct sources, its rows shared out among files (file
    ``files[i]`` holds source i) and one of those files copied: October's sessions are the
    table's sum, whatever the split; the copy's rows, and no other, are noted."""
    rows = [_ga4_source(f"part{files[i]}.csv", f"source{i}.example", float(n), 0.0)
            for i, n in enumerate(sessions)]
    copy = [dict(row, source_file="copy.csv") for row in rows
            if row["source_file"] == f"part{copied}.csv"]
    r = _october(rows + copy)
    assert r["sessions"] == sum(sessions)
    n = len(copy)
    assert (f"{n} GA4 row{'s' if n > 1 else ''} left out" in (r["note"] or "")) == (n > 0)


def test_two_properties_rows_of_one_range_and_source_both_count():
    """maisonseve.fr's October (facebook 100 sessions, €1,000) and maisonseve.it's
    (facebook 40, €400), files of one range sharing a source: two websites, not a copy.
    October: 100 + 40 = 140 sessions, 1,000 + 400 = €1,400, nothing left out. A copy of
    the .fr file still counts once: 140 again, its row noted."""
    fr = _ga4_source("ga4_fr.csv", "facebook", 100.0, 1000.0, property="maisonseve.fr")
    it = _ga4_source("ga4_it.csv", "facebook", 40.0, 400.0, property="maisonseve.it")
    r = _october([fr, it])
    assert (r["sessions"], r["revenue"]) == (140.0, 1400.0)
    assert _OVERLAP_NOTE not in (r["note"] or "")
    r = _october([fr, dict(fr, source_file="ga4_fr (1).csv"), it])
    assert (r["sessions"], r["revenue"]) == (140.0, 1400.0)
    assert f"1 GA4 row left out: its dates overlap {_OVERLAP_NOTE}" in r["note"]


def test_one_propertys_quarter_loses_no_day_to_another_propertys_month():
    """maisonseve.it's Q4 (facebook 920 sessions, €9,200: 10 a day over 92 days) beside
    maisonseve.fr's October (facebook 310, €3,100): the .fr month takes no day from the .it
    quarter. October: 310 + 920 × 31/92 = 310 + 310 = 620 sessions, €6,200 (the quarter
    prorated, noted); before, the .it quarter lost October to the .fr month: 310."""
    rows = [_ga4_source("fr.csv", "facebook", 310.0, 3100.0, property="maisonseve.fr"),
            _ga4_source("it.csv", "facebook", 920.0, 9200.0, start="2026-10-01",
                        end="2026-12-31", property="maisonseve.it")]
    r = _october(rows)
    assert r["sessions"] == pytest.approx(620.0) and r["revenue"] == pytest.approx(6200.0)
    assert "overlap" not in (r["note"] or "")
    # one property's month inside its quarter still counts once: the quarter's October is
    # the month's (310), its November and December alone prorated
    same = [dict(row, property="maisonseve.fr") for row in rows]
    assert _october(same)["sessions"] == pytest.approx(310.0)


def _ga4_export(path, start, end, rows):
    """A GA4 Traffic acquisition export by session source / medium of ``start`` to ``end``
    (``YYYYMMDD``): ``rows`` of (source / medium, sessions, revenue)."""
    body = "".join(f"{source},{sessions},0,0,{revenue:.2f}\n" for source, sessions, revenue in rows)
    path.write_text("# Traffic acquisition: Session source / medium\n"
                    f"# Start date: {start}\n# End date: {end}\n"
                    "Session source / medium,Sessions,Engaged sessions,Key events,Total revenue\n"
                    + body)


def test_a_month_beside_its_quarter_counts_its_days_for_every_source(tmp_path):
    """Q3's export of Facebook's and Instagram's sources (facebook 92 sessions €920, 1 a day;
    instagram 46, €460) beside September's holding Facebook's alone (40, €400). GA4 leaves
    out a source without sessions, so September's file says Instagram had none in September:
    it counts September for every source, Q3's rows prorated over July-August only. September
    = 40, €400; July = August = (92 + 46) × 31 / 92 = 46.5, €465; Q3 = 46.5 + 46.5 + 40 =
    133, €1,330. (Were September's file filtered to Facebook's sources, Instagram's
    September would be lost: the file does not say it was filtered.)"""
    _ga4_export(tmp_path / "ga4_traffic_acquisition_2026-Q3.csv", "20260701", "20260930",
                [("facebook / social", 92, 920.0), ("instagram / social", 46, 460.0)])
    _ga4_export(tmp_path / "ga4_traffic_acquisition_2026-09_facebook.csv", "20260901",
                "20260930", [("facebook / social", 40, 400.0)])
    (tmp_path / "brand.yaml").write_text("name: T\ntimezone: Europe/Paris\ncurrency: EUR\n")
    ds = smm.load(tmp_path, cache=False)
    figures = {p: tuple(roi(ds, p).loc[0, ["sessions", "revenue"]])
               for p in ("2026-07", "2026-08", "2026-09", "2026-Q3")}
    assert figures == {"2026-07": pytest.approx((46.5, 465.0)),
                       "2026-08": pytest.approx((46.5, 465.0)),
                       "2026-09": pytest.approx((40.0, 400.0)),
                       "2026-Q3": pytest.approx((133.0, 1330.0))}
    by = roi(ds, "2026-Q3", by="platform").set_index("platform")
    assert by.loc["facebook", "sessions"] == pytest.approx(62 + 40)
    assert by.loc["instagram", "sessions"] == pytest.approx(46 * 62 / 92)
    note = roi(ds, "2026-Q3").loc[0, "note"]
    assert ("2 GA4 rows overlap another export's dates: counted on the days no other export "
            "counts, prorated by day (an estimate)") in note


def test_a_quarter_beside_its_months_adds_nothing_for_keys_a_month_lacks(tmp_path):
    """Q4's export (rentree 600, noel 300, bio 300 sessions) beside October's (rentree 600,
    bio 100), November's (bio 100) and December's (noel 300, bio 100): the months cover
    every day of Q4, so Q4's file counts none. October 700, November 100, December 400,
    Q4 1,200 = 700 + 100 + 400, the months' sum and Q4's own total. When each key was owned
    apart, Q4's noel row (absent from October's and November's files, as GA4 leaves out a
    campaign without sessions) was counted on their days too: November 100 + 600 × 30 / 92
    + 300 × 30 / 92 = 393.48, Q4 1,200 + 900 × 61 / 92 = 1,796.74."""
    months = {"20261001": ("20261031", [("rentree", 600), ("bio", 100)]),
              "20261101": ("20261130", [("bio", 100)]),
              "20261201": ("20261231", [("noel", 300), ("bio", 100)])}
    q4 = [("rentree", 600), ("noel", 300), ("bio", 300)]
    for start, (end, rows) in {**months, "20261001 ": ("20261231", q4)}.items():
        body = "".join(f"{c},instagram / social,{n},0,0\n" for c, n in rows)
        name = f"ga4_campaigns_{start.strip()}_{end}.csv"
        (tmp_path / name).write_text(
            "# Traffic acquisition: Session campaign\n"
            f"# Start date: {start.strip()}\n# End date: {end}\n"
            "Session campaign,Session source / medium,Sessions,Key events,Total revenue\n"
            + body)
    (tmp_path / "brand.yaml").write_text("name: T\ntimezone: Europe/Paris\ncurrency: EUR\n")
    ds = smm.load(tmp_path, cache=False)
    sessions = [roi(ds, p).loc[0, "sessions"] for p in ("2026-10", "2026-11", "2026-12",
                                                          "2026-Q4")]
    assert sessions == pytest.approx([700.0, 100.0, 400.0, 1200.0])


_Q3_DAYS = pd.date_range("2026-07-01", "2026-09-30")


# four social_web calls an example, 0.16 s of CPU: 12 drawn, and written out the cases the
# owners of a day turn on (a month inside the quarter's export of the same source; two
# exports overlapping part-way, of sources one of them lacks; one day's export), where 25
# drawn took 4.0 s
@settings(max_examples=12, deadline=None)
@example(exports=[(0, 91, [("facebook", 92)]), (31, 61, [("facebook", 40)])])
@example(exports=[(0, 40, [("instagram", 7), ("facebook", 3)]), (20, 91, [("instagram", 9)])])
@example(exports=[(45, 45, [("linkedin", 1)]), (0, 91, [("linkedin", 500), ("facebook", 1)])])
@given(exports=st.lists(st.tuples(st.integers(0, 91), st.integers(0, 91),
                                  st.lists(st.tuples(st.sampled_from(["facebook", "instagram",
                                                                      "linkedin"]),
                                                     st.integers(1, 500)),
                                           min_size=1, max_size=3, unique_by=lambda t: t[0])),
                        min_size=1, max_size=4))
def test_months_of_overlapping_exports_add_up_to_their_quarter(exports):
    """Exports of random ranges inside Q3 2026 (some overlapping, some nested), each of a
    random choice of sources: whichever export counts each day of each source, July +
    August + September is Q3, to the cent; and no more than all the rows' sessions (no day
    of a source counted twice can add any)."""
    from smmanalytics._web import social_web
    from smmanalytics.periods import parse_period

    rows = [_ga4_source(f"export{i}.csv", source, float(n), 0.0,
                        start=_Q3_DAYS[min(a, b)], end=_Q3_DAYS[max(a, b)])
            for i, (a, b, sources) in enumerate(exports) for source, n in sources]
    frame = web(rows)

    def sessions(period):
        return float(social_web(frame, parse_period(period))[0]["sessions"].sum())

    months = sum(sessions(p) for p in ("2026-07", "2026-08", "2026-09"))
    quarter = sessions("2026-Q3")           # asked once: 4 social_web calls an example, not 5
    assert months == pytest.approx(quarter)
    assert quarter <= sum(row["sessions"] for row in rows) + 1e-9
