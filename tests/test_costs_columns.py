"""read_costs reads its lines column by column (``_costs._cost_rows``): the same values and
the same first error as reading them one by one with ``_costs._cost_row``, as it did before."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics import _costs
from smmanalytics._io import read_user_text, user_csv
from smmanalytics.errors import ConfigError, DataQualityWarning
from smmanalytics.roi import read_costs

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve" / "costs.csv"
HEADER = "start,end,category,amount,currency,platform,campaign,hours,hourly_rate,note"


def one_by_one(path: Path) -> pd.DataFrame:
    """The frame read_costs gave when it read line by line (``_cost_row`` of each line)."""
    reader, delim = user_csv(read_user_text(path, "costs file"), path)
    header = next(reader)
    recs = [(reader.line_num, dict(zip(header, (c.strip() for c in raw), strict=False)))
            for raw in reader if any(c.strip() for c in raw)]
    lines = [line for line, _ in recs]
    cols = {h: [rec.get(h, "") for _, rec in recs] for h in header}
    decimal = _costs._file_decimal(lines, cols, delim)
    day_first = _costs._day_first(cols)
    rows = [_costs._cost_row(rec, path, line, decimal=decimal, day_first=day_first)
            for line, rec in recs]
    out = pd.DataFrame(rows, columns=[*_costs.COST_COLUMNS, "line"]).astype(
        {"start": "datetime64[ns]", "end": "datetime64[ns]", "category": "string",
         "amount": "Float64", "currency": "string", "platform": "string",
         "campaign": "string", "hours": "Float64", "hourly_rate": "Float64",
         "note": "string", "line": "Int64"})
    out.insert(len(_costs.COST_COLUMNS), "days",
               ((out["end"] - out["start"]).dt.days + 1).astype("Int64"))
    out["source_file"] = pd.Series([str(path)] * len(out), dtype="string")
    return out


def quiet_read(path: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_costs(path)


def test_sample_costs_as_line_by_line():
    pd.testing.assert_frame_equal(quiet_read(SAMPLE), one_by_one(SAMPLE))


def test_many_small_lines(tmp_path):
    # the reviewer's slow file: daily lines of 0.01 EUR, one in ten of hours × rate (2 × 3 =
    # 6), one in seven in a month (2026-11: 1 to 30 November)
    body = []
    for i in range(3000):
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        if i % 10 == 0:
            body.append(f"{day},,labor,,EUR,,,2,3,line {i}")
        elif i % 7 == 0:
            body.append(f"2026-11,,tools,0.01,EUR,instagram,,,,line {i}")
        else:
            body.append(f"{day},{day},tools,0.01,EUR,instagram,spring,,,line {i}")
    path = tmp_path / "costs.csv"
    path.write_text("\n".join([HEADER, *body]) + "\n", encoding="utf-8")
    got = quiet_read(path)
    pd.testing.assert_frame_equal(got, one_by_one(path))
    # 300 lines of 6 (i % 10 == 0), 2700 of 0.01
    assert got["amount"].sum() == pytest.approx(300 * 6 + 2700 * 0.01)
    assert got["line"].tolist() == list(range(2, 3002))
    # i % 7 == 0 and not i % 10 == 0: 429 multiples of 7 below 3000, 43 of them of 70
    assert (got["days"] == 30).sum() == 429 - 43


CELLS = {
    "start": ["2026-10-01", "2026-10", "2026-02-30", "31/10/2026", "03/10/2026", "3-Jan-2025",
              "3-Jan", "x"],
    "end": ["", "2026-10-20", "2026-09-30", "2026-13"],
    "category": ["tools", "Ad spend", "bogus"],
    "amount": ["12.99", "1.200", "$200", "300 USD", "-5", "1 2345", "nan", "12.99,5", ""],
    "currency": ["EUR", "", "CAD", "eu"],
    "platform": ["instagram", "", "meta", "bogus"],
    "hours": ["", "", "2"],
    "hourly_rate": ["", "", "3", "€3"],
}
GOOD = {"start": "2026-10-01", "end": "", "category": "tools", "amount": "12.99",
        "currency": "EUR", "platform": "", "hours": "", "hourly_rate": ""}


@st.composite
def cost_lines(draw) -> list[dict[str, str]]:
    """Good lines and a few odd or wrong ones, anywhere in the file."""
    n = draw(st.integers(1, 12))
    return [{c: draw(st.sampled_from(v)) for c, v in CELLS.items()}
            if draw(st.integers(0, 3)) == 0 else dict(GOOD) for _ in range(n)]


@settings(max_examples=60, deadline=None)
@given(cost_lines())
def test_same_values_and_first_error_as_line_by_line(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("costs") / "costs.csv"
    cols = [c for c in HEADER.split(",") if c in CELLS]
    text = "\n".join([",".join(cols), *(",".join(f'"{line[c]}"' for c in cols)
                                        for line in lines)]) + "\n"
    path.write_text(text, encoding="utf-8")
    try:
        expected = one_by_one(path)
    except ConfigError as exc:
        with pytest.raises(ConfigError) as got:
            quiet_read(path)
        assert str(got.value) == str(exc)        # file, line, column, cell: the first bad line
    else:
        pd.testing.assert_frame_equal(quiet_read(path), expected)


def test_first_bad_line_named(tmp_path):
    # line 3's platform is wrong, line 4's date: the error names line 3, as line by line
    path = tmp_path / "costs.csv"
    path.write_text(f"{HEADER}\n2026-10-01,,tools,1,EUR,,,,,\n2026-10-02,,tools,1,EUR,meta,,,,\n"
                    "2026-13-45,,tools,1,EUR,,,,,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 3") as got:
        read_costs(path)
    assert "platform" in str(got.value) and "meta" in str(got.value)


def test_invisible_characters_in_a_platform_cell_are_removed_and_named(tmp_path):
    """Line 3's platform pasted with a zero-width space (``\u200binstagram``), line 4's with
    a BOM (``facebook\ufeff``): both were refused as no platform, where the exports' ids and
    sources are cleaned of the same characters. Both are read as their platform and one
    warning names the first (2 cells); line 2's plain 'instagram' is untouched."""
    path = tmp_path / "costs.csv"
    path.write_text(f"{HEADER}\n2026-10-01,,ad_spend,10,EUR,instagram,,,,\n"
                    "2026-10-02,,ad_spend,20,EUR,\u200binstagram,,,,\n"
                    "2026-10-03,,ad_spend,30,EUR,facebook\ufeff,,,,\n", encoding="utf-8")
    with pytest.warns(DataQualityWarning) as caught:
        got = read_costs(path)
    assert got["platform"].tolist() == ["instagram", "instagram", "facebook"]
    assert got["amount"].tolist() == [10, 20, 30]
    [note] = [w.message for w in caught if w.message.code == "keys_mended"]
    assert str(note) == (
        "costs.csv: 2 cells of column 'platform' held invisible characters (a BOM, a "
        "zero-width space or a soft hyphen, left by a paste), removed so that each is read "
        "as the platform it names (first line 3: '\\u200binstagram' read as 'instagram')")


@pytest.mark.parametrize("row,column,said", [
    # 12,99 unquoted in a comma-separated file: 11 cells for 10 columns, amount split in two
    ("2026-10-01,,tools,12,99,EUR,,,,,", "amount", '12,99 reads as two cells; write "12,99" '
     "in quotes or 12.99"),
    # 7,5 hours, the amount empty before it: the split is in hours (column 8 of 10)
    ("2026-10-01,,labor,,EUR,,,7,5,38,", "hours", '7,5 reads as two cells; write "7,5" in '
     "quotes or 7.5"),
])
def test_an_unquoted_decimal_comma_is_named_as_the_likely_cause(tmp_path, row, column, said):
    """A row of more cells than the header said the line alone; when a number column's cell
    and the next read as one number split by a comma, the error names the column and how to
    write it."""
    path = tmp_path / "costs.csv"
    path.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_costs(path)
    err = caught.value
    assert (err.line, err.column) == (2, column)
    assert "an unquoted decimal comma? " + said in str(err)
    assert str(err).endswith("expected 10 cells; got 11")


def test_more_cells_of_no_split_number_say_the_line_alone(tmp_path):
    """A text cell split by a comma (a note) is no number: the error stays the line's."""
    path = tmp_path / "costs.csv"
    path.write_text(f"{HEADER}\n2026-10-01,,tools,12.99,EUR,,,,,Canva, pro\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 2: row has more cells than the header; "
                       r"expected 10 cells; got 11$") as caught:
        read_costs(path)
    assert caught.value.column is None
