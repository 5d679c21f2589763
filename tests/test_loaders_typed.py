"""Number columns read as numbers in the CSV pass (``RawTable.expect_numbers``).

The hint is a speed-up only: whatever the cells, a file read with it gives the same frame, the
same quality notes and the same error as a file read with every column as text.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmanalytics import read_export
from smmanalytics.errors import SmmError
from smmanalytics.loaders._candidate import Candidate
from smmanalytics.loaders._preamble import split_text

HEADER = ["Post ID", "Page ID", "Page name", "Title", "Description", "Publish time",
          "Permalink", "Post type", "Date", "Views", "Reach", "Reactions", "Comments",
          "Shares", "Link Clicks", "Reach from Boosted posts"]


def _table(body: str, numeric=(1, 2)):
    t = split_text("a,b,c\n" + body, source="t.csv")[0]
    t.expect_numbers(numeric)
    return t


def test_plain_numbers_come_as_Float64_with_NA_for_empty_and_nan():
    t = _table('x,12,"3.5"\ny,,-4\n"z","1e3",nan\n')
    assert t.column(0).tolist() == ["x", "y", "z"]
    assert str(t.column(1).dtype) == "Float64" and str(t.column(2).dtype) == "Float64"
    assert t.column(1).tolist() == [12.0, pd.NA, 1000.0]
    assert t.column(2).tolist() == [3.5, -4.0, pd.NA]
    assert t.numeric == {1, 2}


def test_spaces_around_a_number_are_trimmed_as_the_text_path_strips_them():
    t = _table('x,12," 7 "\n')
    assert t.column(2).tolist() == [7.0]


@pytest.mark.parametrize("cell", ["1,234", "1 234", "N/A", "-", "inf", "62 %", "1.2K"])
def test_any_other_cell_sends_every_column_to_text(cell):
    t = _table(f'x,12,"{cell}"\ny,3,4\n')
    assert t.column(1).tolist() == ["12", "3"]
    assert t.column(2).tolist() == [cell, "4"]
    assert t.numeric == frozenset()


def test_a_fraction_in_a_count_column_sends_every_column_to_text():
    # column 1 counts: 1.250 may be a thousand, which only the text tells; column 2 does not
    # count, and its fraction is a number as any other
    t = split_text("a,b,c\nx,12,0.5\ny,1.250,4\n", source="t.csv")[0]
    t.expect_numbers([1, 2], counts=[1])
    assert t.column(1).tolist() == ["12", "1.250"] and t.numeric == frozenset()
    t = split_text("a,b,c\nx,12,0.5\ny,1250,4\n", source="t.csv")[0]
    t.expect_numbers([1, 2], counts=[1])
    assert t.column(1).tolist() == [12.0, 1250.0] and t.column(2).tolist() == [0.5, 4.0]
    assert t.numeric == {1, 2}


def test_meta_count_written_1_250_is_a_thousand_with_the_hint_too(tmp_path):
    row = ["122105550000000001", "104455667788990", "Maison Sève", "Title", "",
           "01/15/2026 10:00", "https://www.facebook.com/maisonseve/posts/pfbid1", "Photos",
           "Lifetime"]
    # Views 3, Reach 2, Reactions "1.250" (a count: 1250), Comments 4, Shares 0, Link Clicks 9
    df, notes = _read(_meta_csv([[*row, "3", "2", "1.250", "4", "0", "9", ""]]), tmp_path)
    assert df["reactions"].tolist() == [1250]
    # interactions = reactions + comments + shares = 1250 + 4 + 0
    assert df["interactions"].tolist() == [1254]
    note = next(q for q in notes if q["code"] == "counts_dot_thousands")
    assert "'Reactions'" in note["message"]


def test_ragged_rows_take_the_text_path_and_its_note():
    from smmanalytics.quality import QualityLog

    log = QualityLog()
    t = split_text("a,b,c\nx,1,2\nz,4,\ny,3\n", source="t.csv", log=log)[0]
    t.expect_numbers([1, 2])
    assert t.column(1).tolist() == ["1", "4", "3"] and t.column(2).tolist() == ["2", "", ""]
    assert [e["code"] for e in log.entries] == ["ragged_rows"]


def test_hint_after_the_body_is_read_changes_nothing():
    t = split_text("a,b\nx,1\n", source="t.csv")[0]
    assert t.n_rows == 1
    t.expect_numbers([1])
    assert t.column(1).tolist() == ["1"]


def _meta_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    return buf.getvalue()


def _read(text: str, folder: Path):
    f = folder / "facebook_posts_2026-11-20.csv"
    f.write_text(text, encoding="utf-8-sig")
    try:
        df = read_export(f)
    except SmmError as exc:
        return type(exc), str(exc)
    return df, df.attrs["quality"]


_CELLS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.floats(0, 1e9, allow_nan=False).map(repr),
    st.sampled_from(["", "0", "-3", "+5", "1e3", "1,234", "1.234.567", "1 234", "62,5 %",
                     "N/A", "-", "nan", "inf", "1.2K", " 7", "abc"]),
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CELLS, min_size=7, max_size=7), min_size=1, max_size=4))
def test_meta_posts_same_with_and_without_the_hint(monkeypatch, metrics):
    rows = [[f"12210555{i:010d}", "104455667788990", "Maison Sève", "Title", "",
             "01/15/2026 10:00", f"https://www.facebook.com/maisonseve/posts/pfbid{i}",
             "Photos", "Lifetime", *cells] for i, cells in enumerate(metrics)]
    text = _meta_csv(rows)
    with tempfile.TemporaryDirectory() as tmp:
        typed = _read(text, Path(tmp))
        with monkeypatch.context() as m:
            m.setattr(Candidate, "expect_numbers", lambda self, family, names: None)
            plain = _read(text, Path(tmp))
    if isinstance(plain[0], pd.DataFrame):
        assert isinstance(typed[0], pd.DataFrame)
        pd.testing.assert_frame_equal(typed[0], plain[0], check_exact=True)
        assert typed[1] == plain[1]
    else:
        assert typed == plain


def test_french_export_keeps_its_numbers_as_text(monkeypatch):
    """A decimal-comma locale may write 1.234 for a thousand: no hint is given. The English
    export's number columns are really read as numbers (the hint is not dropped on the way)."""
    tables = []
    original = Candidate.expect_numbers

    def spy(self, family, names):
        original(self, family, names)
        tables.append(self.table)

    monkeypatch.setattr(Candidate, "expect_numbers", spy)
    fr = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_fr_2026-10-01.csv"
    read_export(fr)
    en = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    df = read_export(en)
    assert tables[0].numeric == frozenset()
    views = tables[1].header.index("Views")
    assert views in tables[1].numeric and str(tables[1].column(views).dtype) == "Float64"
    assert df["views"].tolist()[:3] == [1200, 5400, 900]
