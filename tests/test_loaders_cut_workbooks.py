"""A workbook cut short (review s56R5, minor item 7): xlrd's "array index out of range" or
calamine's "Cannot detect file format" said nothing of a file cut off. Files built in
tmp_path."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from smmanalytics.errors import ParseError
from smmanalytics.loaders import read_export

XLS = (Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
       / "maison-seve_content_1793520000000.xls")


def test_a_cut_xls_says_it_is_cut_with_its_size(tmp_path):
    # the sample .xls (79,872 bytes = 156 sectors of 512) cut to 39,943 bytes: not whole
    data = XLS.read_bytes()
    assert len(data) % 512 == 0
    path = tmp_path / XLS.name
    path.write_bytes(data[:39_943])
    with pytest.raises(ParseError, match="workbook cut short") as err:
        read_export(path)
    assert err.value.expected == "an .xls of whole 512-byte sectors"
    assert str(err.value.got).startswith("39,943 bytes")


def test_a_cut_xlsx_says_it_is_cut(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Date", "Impressions"])
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    path = tmp_path / "x.xlsx"
    path.write_bytes(data[:len(data) // 2])
    with pytest.raises(ParseError, match="workbook cut short") as err:
        read_export(path)
    assert err.value.expected == "a workbook (a zip) ending with its directory"
    assert str(err.value.got).startswith(f"{len(data) // 2:,} bytes")
