"""Workbook cells the readers took for empty (error cells, formulas saved without their
result), a GA4 CSV saved again as a workbook, and a workbook saved with a password: each
fixture written here by the test, its expected values counted by hand."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import read_export
from smmanalytics.errors import DataQualityWarning, ParseError, SmmError
from smmanalytics.loaders import read_file
from smmanalytics.loaders._sources import Source, read_tables
from smmanalytics.quality import QualityLog

from ._workbooks import legacy_copy, rows_of, sheet

FIX = Path(__file__).parent / "fixtures"
LINKEDIN = FIX / "linkedin" / "maison-seve_content_1791015300000.xlsx"


def _tables(path: Path):
    log = QualityLog()
    return read_tables(Source(str(path), path.read_bytes(), path), log), log


def _edit_sheet_xml(path: Path, edit) -> None:
    """Rewrite the first worksheet's XML of the .xlsx at ``path`` with ``edit`` (as a
    spreadsheet would have saved it: openpyxl writes no formula's result)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()
            out.writestr(info, data)
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------------------ formulas, no result

def test_formulas_saved_without_their_result_are_noted_by_column(tmp_path):
    """openpyxl writes a formula without its result: calamine reads it as empty, as a cell
    never filled in, and nothing said the column's values were missing."""
    path = sheet(tmp_path / "f.xlsx", [
        ["Day", "Organic", "Paid", "Total", "Note"],
        ["d1", 1, 2, "=B2+C2", "=A2"],
        ["d2", 3, 4, "=B3+C3", "x"],
        ["d3", 5, 6, "=B4+C4", "y"],
    ], title="Metrics")
    (table,), log = _tables(path)
    # never computed: Total stays empty (no 3, 7, 11 made up here)
    assert [row[3] for row in table.rows] == ["", "", ""]
    (note,) = log.entries
    # 3 in Total (D2:D4), 1 in Note (E2); the first, row then column, D2
    assert note["code"] == "formula_without_result" and note["rows"] == 4
    assert note["message"] == (
        "sheet 'Metrics': 4 formula cells without a saved result were read as empty: "
        "'Total' 3, 'Note' 1 (first cell D2); open the file in Excel and save it again")


def test_formulas_with_their_result_saved_are_no_note(tmp_path):
    """A formula a spreadsheet computed keeps its result (``<v>3</v>``), and one whose result
    is the empty text is saved ``t="str"`` with an empty value: neither is noted."""
    path = sheet(tmp_path / "f.xlsx", [["Day", "Total", "Label"], ["d1", "=1+2", '=""']])
    _edit_sheet_xml(path, lambda xml: xml.replace(
        "<f>1+2</f><v />", "<f>1+2</f><v>3</v>").replace(
        '<c r="C2"><f>""</f><v />', '<c r="C2" t="str"><f>""</f><v></v>'))
    (table,), log = _tables(path)
    assert table.rows == [["d1", 3, ""]]
    assert log.entries == []


def test_a_formula_cell_below_a_sheet_s_offset_is_named_by_its_own_cell(tmp_path):
    # the table starts at B3 (calamine leaves out row 1-2 and column A): the formula is C5
    path = sheet(tmp_path / "f.xlsx", [["Day", "Total"], ["d1", 2], ["d2", "=C4*2"]], at="B3")
    _, log = _tables(path)
    assert "'Total' 1 (first cell C5)" in log.entries[0]["message"]


def test_linkedin_totals_written_as_formulas_are_missing_and_noted(tmp_path):
    wb = openpyxl.load_workbook(LINKEDIN)
    ws = wb["Metrics"]
    for r in range(3, ws.max_row + 1):      # Impressions (total) = organic + sponsored
        ws[f"D{r}"] = f"=B{r}+C{r}"
    path = tmp_path / LINKEDIN.name
    wb.save(path)
    daily = read_export(path, kind="daily")
    # 5 days (rows 3-7), their total impressions unknown, none read as 0
    total = daily[daily["metric"] == "impressions"]
    assert len(total) == 5 and total["value"].isna().all()
    note = next(q for q in daily.attrs["quality"] if q["code"] == "formula_without_result")
    assert note["rows"] == 5 and "'Impressions (total)' 5 (first cell D3)" in note["message"]


# ------------------------------------------------------------------------------ error cells

def test_xlsx_error_cells_read_as_the_error_they_show(tmp_path):
    path = sheet(tmp_path / "e.xlsx", [
        ["Day", "A", "B", "C", "D"],
        ["d1", "#N/A", "#REF!", "#DIV/0!", "#VALUE!"],
    ])
    # openpyxl writes these as error cells (t="e"), as Excel does, not as text
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert len(re.findall(r'<c r="[B-E]2" t="e">', xml)) == 4
    (table,), _ = _tables(path)
    assert table.rows == [["d1", "#N/A", "#REF!", "#DIV/0!", "#VALUE!"]]


def test_xls_error_cells_read_as_the_error_they_show():
    from smmanalytics.loaders._sources import _xls_sheets

    from .test_loaders_fuzz import _xls

    # BIFF's error codes (xlwt's names for them are off: its '#VALUE!' writes #NUM!)
    data = _xls([["a", "b", "c", "d"], [("err", 42), ("err", 23), ("err", 7), ("err", 15)]])
    ((_, rows),) = _xls_sheets(data)
    assert rows[1] == ["#N/A", "#REF!", "#DIV/0!", "#VALUE!"]


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#DIV/0!", "#VALUE!"])
def test_linkedin_error_cells_are_missing_numbers_noted_as_typed_placeholders(tmp_path, error):
    """An error cell became a blank silently, where the same ``#N/A`` typed as text was
    noted: both are read as missing, not 0, and noted alike."""
    wb = openpyxl.load_workbook(LINKEDIN)
    wb["All posts"]["J3"] = error         # the first post's Impressions (1000)
    path = tmp_path / LINKEDIN.name
    wb.save(path)
    posts = read_export(path, kind="posts")
    assert posts["impressions"].isna().tolist() == [True, False, False, False]
    note = next(q for q in posts.attrs["quality"] if q["code"] == "placeholder_cells")
    assert note["rows"] == 1
    assert note["message"] == (f"sheet 'All posts': 1 number cell holds {error!r} (no value) "
                               "and was read as missing, not 0, in 'Impressions' (the "
                               "first: All posts!J3)")


def test_an_error_cell_in_a_date_column_says_which_error(tmp_path):
    wb = openpyxl.load_workbook(LINKEDIN)
    wb["Metrics"]["A4"] = "#VALUE!"
    path = tmp_path / LINKEDIN.name
    wb.save(path)
    with pytest.raises(ParseError) as err:
        read_export(path, kind="daily")
    assert err.value.cell == "Metrics!A4" and err.value.column == "Date"
    assert err.value.got == "#VALUE!"       # it said got '' (calamine's empty cell)


#: an Instagram posts export of two posts saved as a workbook (Meta's columns), views 1200 and
#: 1500: the cells the tests below turn into error cells are marked in each
_IG_POSTS = [
    ["Post ID", "Account username", "Publish time", "Permalink", "Post type", "Views", "Reach",
     "Likes", "Comments", "Shares", "Saves"],
    ["17900000000000004", "maison", "10/15/2026 10:00", "https://www.instagram.com/p/Q2/",
     "IG image", 1200, 900, 30, 4, 1, 2],
    ["17900000000000006", "maison", "10/16/2026 10:00", "https://www.instagram.com/p/Q3/",
     "IG image", 1500, 1000, 40, 5, 0, 3],
]


def _ig_workbook(folder: Path, errors: dict[str, str]) -> Path:
    """The two posts at ``folder``, with ``errors`` (cell → error) written as error cells, as
    Excel saves a formula that found no value (openpyxl writes ``#N/A`` t="e")."""
    path = sheet(folder / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.xlsx", _IG_POSTS,
                 title="Posts")
    wb = openpyxl.load_workbook(path)
    for cell, error in errors.items():
        wb["Posts"][cell] = error
    wb.save(path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert len(re.findall(r'<c r="[A-Z]+\d+" t="e">', xml)) == len(errors)
    return path


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#VALUE!"])
def test_an_error_cell_in_the_account_column_is_no_account(tmp_path, error):
    """``Account username`` B3 showing #N/A was read as the account '#N/A': the post was
    another account's, left out of the brand's figures (1 post, 1200 views). It is a post
    naming no account, kept: 2 posts, 1200 + 1500 = 2700 views, and the cell noted."""
    _ig_workbook(tmp_path, {"B3": error})
    (tmp_path / "brand.yaml").write_text("name: Maison\ntimezone: Europe/Paris\n"
                                         "currency: EUR\naccounts:\n  instagram: maison\n",
                                         encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert ds.posts["account_handle"].tolist() == ["maison", pd.NA]
    assert ds.posts["views"].sum() == 2700
    assert not ds.quality["code"].eq("account_not_declared").any()
    note = ds.quality.loc[ds.quality["code"].eq("text_error_cells").to_numpy()]
    assert note["rows"].tolist() == [1]
    assert note["message"].tolist() == [
        f"sheet 'Posts': 1 text cell shows a spreadsheet's error, {error!r} (no value), and "
        "was read as missing in 'Account username'"]


def test_error_cells_in_a_link_and_a_number_are_missing_each_noted_by_column(tmp_path):
    """``Permalink`` D2 #N/A was read as the link '#N/A'; ``Views`` F3 #DIV/0! was already a
    missing number. Both are missing now, each noted with its column: the text one as a
    text cell, the number one as before (placeholder_cells), not twice."""
    posts = read_export(_ig_workbook(tmp_path, {"D2": "#N/A", "F3": "#DIV/0!"}), kind="posts")
    assert posts["permalink"].tolist() == [pd.NA, "https://www.instagram.com/p/Q3/"]
    assert posts["views"].tolist() == [1200, pd.NA]
    notes = {q["code"]: q["message"] for q in posts.attrs["quality"]
             if q["code"] in ("text_error_cells", "placeholder_cells")}
    assert notes == {
        "text_error_cells": "sheet 'Posts': 1 text cell shows a spreadsheet's error, '#N/A' (no "
                            "value), and was read as missing in 'Permalink'",
        "placeholder_cells": "sheet 'Posts': 1 number cell holds '#DIV/0!' (no value) and was "
                             "read as missing, not 0, in 'Views' (the first: Posts!F3)"}


def test_an_error_cell_in_a_caption_is_no_caption(tmp_path):
    """A caption is read as free text (a title "None" stays text); an error cell in it is no
    text all the same. LinkedIn's first post's title, A3, shows #REF!: 1 of 4 captions
    missing, the other three as written."""
    wb = openpyxl.load_workbook(LINKEDIN)
    wb["All posts"]["A3"] = "#REF!"
    path = tmp_path / LINKEDIN.name
    wb.save(path)
    posts = read_export(path, kind="posts")
    assert posts["caption"].isna().tolist() == [True, False, False, False]
    note = next(q for q in posts.attrs["quality"] if q["code"] == "text_error_cells")
    assert note["message"] == ("sheet 'All posts': 1 text cell shows a spreadsheet's error, "
                               "'#REF!' (no value), and was read as missing in 'Post title'")


@given(st.sampled_from(["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                        "#SPILL!", "#CALC!", "#GETTING_DATA"]),
       st.sampled_from([str.lower, str.upper, str]), st.sampled_from(["", " ", "  \t"]),
       st.text(st.characters(codec="utf-8", exclude_categories=("Z", "C")), min_size=1,
               max_size=12))
def test_text_cells_read_an_error_as_missing_and_any_other_text_as_written(error, case, pad,
                                                                            other):
    """Whatever its case and the spaces around, an error is no text, in a caption
    (``placeholders=False``) as in a value; any other text (no spaces: as written) is kept
    in a caption, and a date column (``errors=False``) keeps the error to quote it."""
    from smmanalytics.loaders._cells import SPREADSHEET_ERRORS
    from smmanalytics.loaders._tidy import cells_text

    cells = pd.Series([pad + case(error) + pad, other], dtype=object)
    for placeholders in (True, False):
        assert cells_text(cells, placeholders=placeholders).isna().iloc[0]
    caption = cells_text(cells, placeholders=False).iloc[1]
    assert pd.isna(caption) if other.lower() in SPREADSHEET_ERRORS else caption == other
    assert cells_text(cells, errors=False).iloc[0] == case(error)


# ------------------------------------------------------------ percent-formatted numbers

def _linkedin_with_formats(tmp_path: Path, formats: dict[str, str]) -> Path:
    """The LinkedIn fixture, its ``All posts`` cells (``"J4"``) given these number formats."""
    wb = openpyxl.load_workbook(LINKEDIN)
    for ref, fmt in formats.items():
        wb["All posts"][ref].number_format = fmt
    path = tmp_path / LINKEDIN.name
    wb.save(path)
    return path


def test_a_percent_formatted_count_is_refused_as_a_count_typed_35_percent(tmp_path):
    """Impressions 2000 of the second post (J4) shown ``0%``: calamine read the number
    without its format, and a count typed ``200000%`` (or 0.35 shown ``35%``) was read as
    a count; it is refused as the same text in a CSV is, naming the cell."""
    path = _linkedin_with_formats(tmp_path, {"J4": "0%"})
    with pytest.raises(ParseError) as err:
        read_export(path, kind="posts")
    assert err.value.cell == "All posts!J4" and err.value.column == "Impressions"
    assert "not a percentage" in str(err.value) and err.value.got == "200000%"  # 2000 × 100


def test_percent_formatted_rates_read_the_same_as_unformatted(tmp_path):
    """Engagement rates (S3:S6) shown ``0.00%`` are the same fractions: 0.101 of the first
    post is ``10.1%``, read back 0.101 (to a float's rounding)."""
    plain = read_export(LINKEDIN, kind="posts")
    path = _linkedin_with_formats(tmp_path, {f"S{r}": "0.00%" for r in range(3, 7)})
    shown = read_export(path, kind="posts")
    rates = shown["platform_engagement_rate"].to_numpy(dtype=float, na_value=float("nan"))
    assert rates[0] == pytest.approx(0.101, abs=1e-15)
    assert rates == pytest.approx(plain["platform_engagement_rate"].to_numpy(
        dtype=float, na_value=float("nan")), abs=1e-15, nan_ok=True)


_LEGACY_RATES = {("All posts", f"S{r}"): "0.00%" for r in range(3, 7)}


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_a_percent_count_of_a_legacy_workbook_is_refused_as_in_an_xlsx(tmp_path, suffix):
    """The same cells in an .xls (xlrd) or an .ods (calamine): Impressions 2000 shown
    ``0%`` was read as 2000 impressions, the format unseen; it is refused as the .xlsx's is,
    naming J4 and the percentage it shows (2000 × 100 = 200000%)."""
    path = legacy_copy(LINKEDIN, tmp_path / f"content{suffix}",
                       {("All posts", "J4"): "0%", **_LEGACY_RATES})
    with pytest.raises(ParseError) as err:
        read_export(path, kind="posts")
    assert err.value.cell == "All posts!J4" and err.value.column == "Impressions"
    assert "not a percentage" in str(err.value) and err.value.got == "200000%"


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_percent_rates_of_a_legacy_workbook_read_the_same_as_unformatted(tmp_path, suffix):
    """Engagement rates shown ``0.00%`` in an .xls or an .ods are read back from ``10.1%``:
    0.101 of the first post (to a float's rounding), the counts unchanged (1000, 2000, 5000,
    1800 impressions, the fixture's)."""
    plain = read_export(legacy_copy(LINKEDIN, tmp_path / f"plain{suffix}", {}), kind="posts")
    shown = read_export(legacy_copy(LINKEDIN, tmp_path / f"rates{suffix}", _LEGACY_RATES),
                        kind="posts")
    rates = shown["platform_engagement_rate"].to_numpy(dtype=float, na_value=float("nan"))
    assert rates == pytest.approx([0.101, 0.0765, 0.0472, 0.0639], abs=1e-15)
    assert rates == pytest.approx(plain["platform_engagement_rate"].to_numpy(
        dtype=float, na_value=float("nan")), abs=1e-15)
    assert shown["impressions"].tolist() == plain["impressions"].tolist() == [
        1000, 2000, 5000, 1800]


def test_ods_percent_cells_are_placed_through_repeats_and_row_groups():
    """LibreOffice writes a run of equal cells once (``number-columns-repeated``), equal rows
    once (``number-rows-repeated``), and header rows in a group of their own: the cells after
    them are counted past them. Here the header row (row 0) is in its group, two equal rows
    (1, 2) hold an empty cell repeated twice (columns 0, 1) then 35% (column 2)."""
    from smmanalytics.loaders._xlsx_cells import ods_percents

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    xml = (f'<office:document-content {ns}><office:body><office:spreadsheet>'
           '<table:table table:name="Rates"><table:table-header-rows><table:table-row>'
           '<table:table-cell/></table:table-row></table:table-header-rows>'
           '<table:table-row table:number-rows-repeated="2">'
           '<table:table-cell table:number-columns-repeated="2"/>'
           '<table:table-cell office:value-type="percentage" office:value="0.35"/>'
           '</table:table-row></table:table></office:spreadsheet></office:body>'
           '</office:document-content>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", xml)
    assert ods_percents(buf.getvalue())["Rates"].percents == {(1, 2): "35%", (2, 2): "35%"}


def test_a_fraction_in_a_workbook_count_is_noted_by_its_cell(tmp_path):
    """Impressions of the second post (J4) 2000.5: kept, and the cell named."""
    wb = openpyxl.load_workbook(LINKEDIN)
    wb["All posts"]["J4"] = 2000.5
    path = tmp_path / LINKEDIN.name
    wb.save(path)
    posts = read_export(path, kind="posts")
    assert posts["impressions"].iloc[1] == 2000.5
    (note,) = [q for q in posts.attrs["quality"] if q["code"] == "counts_not_whole"]
    assert note["rows"] == 1 and "'Impressions': 1 count is not a whole number (All " \
        "posts!J4: '2000.5' read as 2,000.5)" in note["message"]


@pytest.mark.parametrize(("code", "shows"), [
    ("0%", True), ("0.0%", True), ('0.0"%"', False), ("0.0\\%", False), ("#,##0", False)])
def test_which_format_codes_are_percentages(tmp_path, code, shows):
    """A ``%`` in quotes or escaped is shown as written, the number not scaled (Excel's
    rule): only a bare ``%`` makes a percentage."""
    path = sheet(tmp_path / "p.xlsx", [["Day", "Value"], ["d1", 0.35]])
    wb = openpyxl.load_workbook(path)
    wb.active["B2"].number_format = code
    wb.save(path)
    (table,), _ = _tables(path)
    assert table.rows == [["d1", "35%" if shows else 0.35]]


@pytest.mark.parametrize(("xml", "text"), [
    ("0.35", "35%"), ("0.0523", "5.23%"), ("1", "100%"), ("-0.125", "-12.5%"),
    ("3.5E-2", "3.5%"), ("12", "1200%"), ("abc", None), ("NaN", None),
    ("0.56954", "56.9540%"), ("0.12345", "12.3450%"), ("-0.00123", "-0.1230%"),
    ("12.34567", "1234.5670%")])
def test_a_percent_cell_s_text_moves_its_digits(xml, text):
    from smmanalytics.loaders._xlsx_cells import _percent_text

    # by hand: the decimal point moved two places right, trailing zeros dropped; a fraction
    # of three digits (56.954) given a fourth, a zero, as no thousands group has four
    assert _percent_text(xml) == text


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**9,
                   max_value=10**9, places=6))
def test_a_percent_cell_s_text_is_its_value_a_hundred_times_exactly(value):
    from decimal import Decimal

    from smmanalytics.loaders._xlsx_cells import _percent_text

    text = _percent_text(str(value))
    assert text.endswith("%") and Decimal(text[:-1]) == value * 100
    assert not re.search(r"\.\d{3}%$", text)       # never a thousands group's shape


@given(value=st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6,
                         max_value=10**6, places=8),
       decimal=st.sampled_from([",", ".", None]),
       beside=st.sampled_from([None, "0,5", "0.5", "12%"]))
def test_a_percent_cell_reads_back_as_its_fraction_whatever_the_decimal_mark(
        value, decimal, beside):
    """The text of any stored number in a percent style, parsed under a decimal comma (a
    French or Italian workbook's headers), a dot or no hint, beside a text cell of either
    mark or none, is the stored number again: ``56.954%`` was read 569.54 under ``,``."""
    from smmanalytics.loaders._numbers import parse_numbers
    from smmanalytics.loaders._xlsx_cells import _percent_text

    cells = pd.Series([_percent_text(str(value)), *([beside] if beside else [])], dtype=object)
    read = parse_numbers(cells, decimal=decimal)
    assert read.iloc[0] == pytest.approx(float(value), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("code", ["0.000%", "0.00%", "0.0%", "0%"])
def test_a_percent_formatted_rate_in_a_french_workbook_is_its_fraction(tmp_path, code):
    """GA4's engagement rate 0.56954 shown ``56,954 %`` in a French workbook (headers in
    French, so a decimal comma): its text ``56.954%`` was read 56,954 %, 569.54, a thousand
    times too large. By hand: the cells hold 0.56954 and 0.5, whatever they show."""
    rows = [["Campagne de la session", "Source/Support de la session", "Sessions",
             "Sessions avec engagement", "Taux d'engagement", "Événements clés",
             "Revenus totaux"],
            ["automne-2026", "instagram / social", 1000, 570, 0.56954, 12, 345.5],
            ["automne-2026", "facebook / social", 800, 400, 0.5, 8, 100.0]]
    path = sheet(tmp_path / "ga4_traffic_acquisition_2026-10-01_2026-10-31.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    for r in (2, 3):
        wb.active[f"E{r}"].number_format = code
    wb.save(path)
    rates = read_export(path)["engagement_rate"].tolist()
    assert rates == pytest.approx([0.56954, 0.5], rel=1e-12)


# ------------------------------------------------------------- GA4 CSV saved as a workbook

def test_ga4_csv_saved_as_a_workbook_keeps_its_preamble(tmp_path):
    """GA4's ``#`` lines, one a row in the workbook: only the first row was kept, as a note,
    and the period of the export (``# Start date: 20261001``) was lost."""
    rows = rows_of(FIX / "ga4" / "traffic_acquisition_en.csv")[:15]   # the first table
    path = sheet(tmp_path / "ga4_traffic_acquisition.xlsx",
                 [[float(c) if re.fullmatch(r"[\d.]+", c) else c or None for c in row]
                  for row in rows])
    from_csv, _ = read_file(FIX / "ga4" / "traffic_acquisition_en.csv")
    (from_xlsx,) = read_file(path)
    for df in (from_csv, from_xlsx):
        assert df["period_start"].unique().tolist() == [pd.Timestamp("2026-10-01")]
        assert df["period_end"].unique().tolist() == [pd.Timestamp("2026-10-31")]
    # the same 4 sources (the Grand total dropped) and revenue 6000 + 2500.5 + 0 + 1376
    assert from_xlsx["source"].tolist() == from_csv["source"].tolist()
    assert from_xlsx["revenue"].sum() == from_csv["revenue"].sum() == 9876.5


#: Meta's daily chart ``Views_2026-10-31.csv``, cell by cell (read by hand from the fixture:
#: ``sep=,``, the title ``"Views"``, the header, two days), its days as Excel keeps them when
#: it recognises them (real dates) or not (the text as written)
_VIEWS_DAYS = {"dates": [datetime.datetime(2026, 10, 1), datetime.datetime(2026, 10, 2)],
               "date_only": [datetime.date(2026, 10, 1), datetime.date(2026, 10, 2)],
               "text": ["2026-10-01T00:00:00", "2026-10-02T00:00:00"]}


@pytest.mark.parametrize("days", sorted(_VIEWS_DAYS))
@pytest.mark.parametrize("sep_row", [["sep="], []], ids=["sep_row", "excel_hid_sep"])
def test_a_meta_daily_chart_saved_as_a_workbook_reads_as_its_csv(tmp_path, days, sep_row):
    """A chart's CSV opened in Excel and saved as .xlsx: "no known export format matches
    this file", the title row being read as a note, not the chart's title. It reads the rows
    its CSV reads: 1,520 and 980 views on 1 and 2 October 2026 (the fixture's), and says the
    metric was taken from the cell above the header, on row 2 under a ``sep=`` row (which
    Excel hides when it opens the CSV: then row 1)."""
    first, second = _VIEWS_DAYS[days]
    rows = [*([sep_row] if sep_row else []), ["Views"], ["Date", "Primary"],
            [first, 1520], [second, 980]]
    path = sheet(tmp_path / "Views_2026-10-31.xlsx", rows)
    from_xlsx = read_export(path)
    from_csv = read_export(FIX / "meta" / "Views_2026-10-31.csv")
    assert from_xlsx["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02")]
    assert from_xlsx["value"].tolist() == [1520, 980]
    shared = ["platform", "account_id", "date", "hour", "metric", "value", "day_tz"]
    pd.testing.assert_frame_equal(from_xlsx[shared], from_csv[shared])
    notes = {e["code"]: e for e in from_xlsx.attrs["quality"]}
    title_row = 2 if sep_row else 1
    assert notes["chart_title_from_sheet"]["level"] == "info"
    assert f"'Views', the one cell above its header (row {title_row})" in \
        notes["chart_title_from_sheet"]["message"]
    assert "chart_title_from_sheet" not in {e["code"] for e in from_csv.attrs["quality"]}


def test_a_two_column_sheet_under_two_rows_of_notes_is_no_meta_chart(tmp_path):
    """Only one text row above the header is a chart's title: under two (a note and a
    period), which no Meta chart has, the ``Date``/``Primary`` table claims no title."""
    path = sheet(tmp_path / "notes.xlsx", [["Our views"], ["October"], ["Date", "Primary"],
                                          ["2026-10-01T00:00:00", 1520]])
    (table,), _ = _tables(path)
    assert "title" not in table.meta


def _titled_days(path: Path, title: str, second: str, n: int = 30) -> Path:
    """``path`` (.xlsx or .csv, the CSV as a spreadsheet saves it: no ``sep=`` line) holding
    ``title``, the header ``Date,<second>``, then ``n`` days of October 2026, 100 + i views."""
    days = [datetime.datetime(2026, 10, 1) + datetime.timedelta(days=i) for i in range(n)]
    if path.suffix == ".xlsx":
        return sheet(path, [[title], ["Date", second], *([d, 100 + i] for i, d in
                                                         enumerate(days))])
    body = "".join(f"{d:%Y-%m-%d},{100 + i}\n" for i, d in enumerate(days))
    path.write_text(f'"{title}"\nDate,{second}\n{body}', encoding="utf-8")
    return path


def _bare_brand(folder: Path) -> Path:
    (folder / "brand.yaml").write_text("name: Y\nslug: y\ntimezone: Europe/Paris\n"
                                       "currency: EUR\nlanguage: en\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize(("name", "title"), [
    ("youtube_views_october", "Views"),              # a Meta series, the name says YouTube
    ("Totals_titled", "YouTube views, Maison Sève"),  # a title naming no Meta series
])
def test_a_titled_date_table_that_is_no_meta_chart_is_not_understood(tmp_path, suffix, name,
                                                                      title):
    """The reviewer's files: a YouTube table of 30 days under one text cell. Read as a Meta
    chart, they gave 30 rows of ``views`` (or of ``youtube_views_maison_s_ve``) of no
    platform, counted in Pacific days, with only ``platform_unknown`` to say so; as before
    workbooks' titles were read, and as the same CSV: no rows, one ``not_understood``."""
    _titled_days(_bare_brand(tmp_path) / f"{name}{suffix}", title, "Views")
    with pytest.warns(DataQualityWarning):
        ds = smm.load(tmp_path, cache=False)
    assert ds.daily.empty
    q = ds.quality[ds.quality["level"] != "info"]      # platform_unknown was a warning
    assert q["code"].tolist() == ["not_understood"]
    assert q["file"].map(lambda f: Path(f).name).tolist() == [f"{name}{suffix}"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_french_meta_chart_without_its_sep_line_is_still_read(tmp_path, suffix):
    """Meta's French chart ``Vues`` re-saved by a spreadsheet (no ``sep=`` line), its name
    saying no platform: its title is a Meta series, so it is one. 30 days, 100 to 129 views:
    100 × 30 + (0 + … + 29) = 3000 + 435 = 3435."""
    df = read_export(_titled_days(tmp_path / f"Vues_2026-10-31{suffix}", "Vues", "Principal"))
    assert df.attrs["source_format"] == "meta_daily"
    assert df["metric"].unique().tolist() == ["views"]
    assert len(df) == 30 and df["value"].sum() == 3435
    assert df["date"].iloc[0] == pd.Timestamp("2026-10-01")


def test_an_unknown_series_of_a_file_named_for_instagram_is_still_a_meta_chart(tmp_path):
    """A title no synonym knows (Italian ``Interazioni``: no Italian chart title of Meta's
    interactions is known; ``Visualizzazioni`` is known now) in a file whose name says
    Instagram: a Meta chart, its metric kept under the title's name and noted, as before."""
    df = read_export(_titled_days(tmp_path / "instagram_interazioni.xlsx",
                                  "Interazioni", "Primary", n=2))
    assert df["platform"].unique().tolist() == ["instagram"]
    assert df["metric"].unique().tolist() == ["interazioni"]
    assert df["value"].tolist() == [100, 101]
    assert "unknown_daily_metric" in {e["code"] for e in df.attrs["quality"]}


def test_a_sheet_header_below_a_preamble_longer_than_ten_rows_is_found(tmp_path):
    # 12 '#' rows, the header on row 13, its one data row on row 14
    rows = [[f"# line {i}"] for i in range(10)] + [["# Start date: 20261001"],
                                                   ["# End date: 20261031"],
                                                   ["Session source / medium", "Sessions"],
                                                   ["google / organic", 7]]
    (table,), _ = _tables(sheet(tmp_path / "g.xlsx", rows))
    assert table.header == ["Session source / medium", "Sessions"]
    assert table.first_line == 13
    assert (table.meta["start_date"], table.meta["start_date_line"]) == ("20261001", "11")


# ------------------------------------------------------------------- password-protected

def _encrypted_container() -> bytes:
    """The OLE container Excel saves a workbook with a password in: a directory naming the
    ``EncryptionInfo`` and ``EncryptedPackage`` streams (names in UTF-16), no Workbook."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    directory = bytearray(512)
    for i, name in enumerate(("Root Entry", "EncryptionInfo", "EncryptedPackage")):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[i * 128:i * 128 + len(raw)] = raw
    return bytes(header + directory)


def test_a_password_protected_workbook_says_so(tmp_path):
    path = tmp_path / "maison-seve_content_1791015300000.xlsx"
    path.write_bytes(_encrypted_container())
    with pytest.raises(SmmError) as err:
        read_file(path)
    assert isinstance(err.value, ParseError) and err.value.file == str(path)
    assert "protected by a password" in str(err.value)
    assert "save it without a password" in str(err.value)
    assert "OLE2" not in str(err.value)


def test_a_workbook_saved_with_a_password_is_a_failed_file_of_a_load(tmp_path):
    import smmanalytics as smm

    (tmp_path / "maison-seve_content_1791015300000.xlsx").write_bytes(_encrypted_container())
    with pytest.warns(DataQualityWarning, match="1 file could not be read"):
        ds = smm.load(tmp_path, cache=False)
    failed = ds.quality[ds.quality["code"] == "failed"]
    assert "protected by a password (encrypted)" in failed["message"].iloc[0]


# ------------------------------------------------------- cells' types, tested a column at once

_CELLS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3),
                   st.dates(), st.datetimes(), st.sampled_from([pd.NA, pd.NaT, b"x"]))


@given(st.lists(_CELLS, max_size=12),
       st.sampled_from([(str, ()), ((int, float), bool), (datetime.datetime, ()),
                        (type(None), ()), (datetime.date, datetime.datetime)]))
def test_isinstance_cells_is_isinstance_of_each_cell(cells, types):
    """The column-wide test (each distinct type asked once) says of every cell what Python's
    isinstance says of it: the expected verdicts are isinstance's, cell by cell."""
    from smmanalytics.loaders._cells import isinstance_cells

    of, exclude = types
    column = pd.Series(cells, dtype=object, index=range(10, 10 + len(cells)), name="c")
    got = isinstance_cells(column, of, exclude)
    assert got.dtype == bool and got.name == "c" and got.index.equals(column.index)
    assert got.tolist() == [isinstance(v, of) and not isinstance(v, exclude) for v in cells]


def test_a_sheets_date_columns_are_found_again_once_summary_rows_are_dropped():
    """What is kept of a table's cells (its text date columns) is forgotten when rows are
    dropped: the 'Total' row between two posts, kept at the first read, is dropped once the
    post link is known to be the row's key, and the column's text is then the two dates."""
    from smmanalytics.loaders._sniff import RawTable
    from smmanalytics.loaders._tidy import numeric_date_columns

    table = RawTable(source="p.xlsx", header=["Post link", "Day"], sheet="S", log=QualityLog(),
                     rows=[["l1", "05/10/2025"], [None, "Total"], ["l2", "06/10/2025"]])
    assert {k: v.tolist() for k, v in numeric_date_columns(table).items()} == {
        "Day": ["05/10/2025", "Total", "06/10/2025"]}
    table.drop_summaries_without([0])
    assert {k: v.tolist() for k, v in numeric_date_columns(table, by_sheet=True).items()} == {
        "S!Day": ["05/10/2025", "06/10/2025"]}


def test_a_date_column_is_found_by_its_first_written_cell_however_far_down():
    """A column is a text date column when its first cell that is not an empty token is an
    all-number date: the first 32 cells are looked at one by one, the rest together. 'Day'
    holds 40 empty tokens ('', '-', 'N/A', cycled) before its first date; 'Note' 40 then a
    word; 'Blank' only empty tokens; 'Soon' a date in its second cell, after a dash."""
    from smmanalytics.loaders._sniff import RawTable
    from smmanalytics.loaders._tidy import numeric_date_columns

    empties = ["", "-", "N/A"] * 14                 # 42 cells, 40 of them used
    rows = [[empties[i], empties[i], empties[i], "-" if i == 0 else "07/10/2025"]
            for i in range(40)]
    rows += [["05/10/2025", "word", "", "07/10/2025"], ["06/10/2025", "05/10/2025", "-",
                                                      "07/10/2025"]]
    table = RawTable(source="p.xlsx", header=["Day", "Note", "Blank", "Soon"], sheet="S",
                     log=QualityLog(), rows=rows)
    found = numeric_date_columns(table)
    assert sorted(found) == ["Day", "Soon"]
    assert found["Day"].tolist()[-2:] == ["05/10/2025", "06/10/2025"]
    assert found["Soon"].tolist()[:2] == ["-", "07/10/2025"]
