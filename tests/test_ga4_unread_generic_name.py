"""An unreadable GA4 export with a generic name (``download.csv``, ``data-export.csv``) was no
GA4 export for ``unread_exports``: a brand whose August export it was read "no GA4 export
covers 2026-08" (stop 55's item left). Its first lines are GA4's preamble (reference §8.2):
claimed as GA4's, its GA4 figures unknown, the file named."""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics._actuals import unread_exports
from smmanalytics.compare import compare
from smmanalytics.loaders.ga4 import shows_preamble

from ._report_helpers import SAMPLE

READ = ("ga4_traffic_acquisition_2026-07-01_2026-07-31.csv",
        "ga4_traffic_acquisition_2026-09-01_2026-09-30.csv")
AUGUST = SAMPLE / "ga4_traffic_acquisition_2026-08-01_2026-08-31.csv"


def _august_lines(n: int) -> str:
    """The first ``n`` lines of the sample's August GA4 export: 9 of preamble (rule, title,
    account, property, rule, blank '#', segment, start and end date), then the header."""
    return "".join(AUGUST.read_text(encoding="utf-8").splitlines(keepends=True)[:n])


def _with(root, name: str, text: str):
    """July's and September's GA4 exports read, beside ``name`` holding ``text``."""
    root.mkdir()
    for f in ("brand.yaml", *READ):
        shutil.copy(SAMPLE / f, root / f)
    (root / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", smm.DataQualityWarning)
        return smm.load(root, cache=False)


@pytest.mark.parametrize("name,text", [
    ("download.csv", _august_lines(9)),                                  # cut after the preamble
    ("data-export.csv", _august_lines(9) + "Session campaign,Sess"),     # cut in the header
    ("download.csv", _august_lines(9) + "Foo,Bar\n1,2\n"),               # headers unknown
])
def test_a_generic_file_with_ga4_preamble_is_ga4s(tmp_path, name, text):
    """Not understood, failed (named as an export), claimed as GA4's (platform ga4, kind
    web): July and September are read, August's side unknown because of that file (its days
    unknown: no date in its name), not "No GA4 export covers 2026-08"."""
    ds = _with(tmp_path / "b", name, text)
    row = ds.files.loc[ds.files["path"].str.endswith(name)].iloc[0]
    assert (row["status"], row["platform"], row["kind"]) == ("failed", "ga4", "web")
    assert [p.rsplit("/", 1)[-1] for p in unread_exports(ds, web=True)] == [name]
    assert unread_exports(ds, web=False) == []      # no social platform's posts in it
    c = compare(ds, "2026-08")
    assert f"GA4 KPIs of 2026-08 unknown, not 0: 1 export could not be read ({name})." \
        in c.caveats
    assert not any(x.startswith("No GA4 export covers") for x in c.caveats)


def test_a_generic_file_of_other_comments_stays_unclaimed(tmp_path):
    """A ``#`` comment that is no GA4 preamble line claims nothing: the file may be anyone's."""
    ds = _with(tmp_path / "b", "download.csv", "# exported by hand\n# ----\nFoo,Bar\n1,2\n")
    row = ds.files.loc[ds.files["path"].str.endswith("download.csv")].iloc[0]
    assert row["status"] == "failed" and pd.isna(row["platform"])


@pytest.mark.parametrize("lines,expected", [
    (9, True), (4, True),       # rule, title, account, property: rule + 2 keys
    (3, True),                  # rule, title, account: rule + account
    (2, False),                 # rule and title alone: no key of GA4's
])
def test_shows_preamble_counts_two_marks(lines, expected):
    data = _august_lines(lines).encode("utf-8")
    assert shows_preamble(data) is expected
    assert shows_preamble(b"\xff\xfe" + data.decode("utf-8").encode("utf-16-le")) is expected
