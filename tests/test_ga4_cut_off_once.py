"""A GA4 export cut short in its last value had two ``file_cut_off`` notes for one file: the
line reader's (the file ends inside a line) and the Grand total check's (the rows fall short
of it) (stop 55's item left). One note, carrying both facts."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import smmanalytics as smm

from ._report_helpers import SAMPLE

AUGUST = SAMPLE / "ga4_traffic_acquisition_2026-08-01_2026-08-31.csv"
#: the sample's August rows add up to its Grand total, 10,039.75 of revenue; the last row's is
#: 39.54, so without it they add up to 10,039.75 − 39.54 = 10,000.21
SHORT = ("; the rows do not add up to the Grand total row: 'Total revenue' adds up to "
         "10000.21, the total says 10039.75")


@pytest.mark.parametrize("ending,said", [
    (',"39.', "its last value, 'Total revenue' = 39., may be cut off and is left missing"),
    (",", "it ends at the start of 'Total revenue', missing"),
])
def test_a_cut_ga4_export_has_one_cut_off_note(tmp_path, ending, said):
    """The last line (line 25: 9 of preamble, the header, the Grand total, 14 rows) cut after
    its key events, in its quoted revenue or right after the delimiter, no line break: the
    revenue is missing, and one note says where the file ends and that the rows fall short."""
    lines = AUGUST.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert lines[-1].endswith(",1,39.54") and len(lines) == 25
    lines[-1] = lines[-1].removesuffix(",39.54") + ending
    root = tmp_path / "b"
    root.mkdir()
    (root / "brand.yaml").write_text((SAMPLE / "brand.yaml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (root / "download.csv").write_text("\n".join(lines), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", smm.DataQualityWarning)
        ds = smm.load(root, cache=False)
    notes = ds.quality.loc[ds.quality["code"] == "file_cut_off", "message"].tolist()
    assert notes == [f"the file ends inside line 25, a copy or a download interrupted: {said}; "
                     f"the columns after it are missing too{SHORT}"]
    revenue = pd.to_numeric(ds.web["revenue"])
    assert revenue.isna().sum() == 1 and revenue.sum() == pytest.approx(10000.21)
