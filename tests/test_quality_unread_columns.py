"""The headers a parse left unread are data of their quality note (``columns``), not read back
from its message: the message, written for people, lists the first 20 only (fixer s54QS).

Each case is a fixture export with 25 columns appended under headers no synonym knows
(``Colonna 01`` … ``Colonna 25``, cells 1 … 25): an X content export, every header of which
is read otherwise (its ``extra_columns`` note), and the Italian Instagram export whose views
and reach headers are renamed, which leaves 6 headers unread and a warning that names them
(``expected_metric_missing``, which replaces the ``extra_columns`` note); a Pinterest
export of Pins, every header of which is read otherwise. GA4's columns of numbers left unread
are its ``unknown_columns`` warning's."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

import smmanalytics as smm
from smmanalytics.loaders import _read
from smmanalytics.quality import unread_columns

FIX = Path(__file__).parent / "fixtures"
EXTRA = tuple(f"Colonna {k:02d}" for k in range(1, 26))

CASES = [
    ("x/account_analytics_content_2026-07-01_2026-07-31.csv", "extra_columns", ()),
    # Pinterest kept them only in its message, the first 6 (fixer s55LD)
    ("pinterest/pinterest_pins_2026-10.csv", "extra_columns", ()),
    # the header's order: ID account, Nome account, Commento sui dati, Visualizzazioni
    # totali, Account raggiunti, Follower are the six no Meta synonym matches
    ("meta_it/instagram_posts_it_renamed_2026-10-01_2026-10-31_2026-11-02.csv",
     "expected_metric_missing", ("ID account", "Nome account", "Commento sui dati",
                                 "Visualizzazioni totali", "Account raggiunti", "Follower")),
]


def _with_extra_columns(src: Path, dest: Path) -> Path:
    """``src``'s table with the 25 :data:`EXTRA` columns after its own, written at ``dest``."""
    rows = list(csv.reader(io.StringIO(src.read_text(encoding="utf-8-sig"))))
    rows = [rows[0] + list(EXTRA)] + [r + [str(k) for k in range(1, 26)] for r in rows[1:]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    dest.write_text(out.getvalue(), encoding="utf-8-sig")
    return dest


def _assert_unread(ds: smm.Dataset, code: str, path: Path, expected: tuple[str, ...]) -> None:
    """The file's one note of ``code`` carries every unread header; its message the first 20."""
    notes = ds.quality.loc[ds.quality["code"].eq(code).fillna(False).to_numpy(bool)]
    assert notes["file"].tolist() == [str(path)]
    (columns,) = notes["columns"]
    assert columns == expected
    # Pinterest's says between them what may name them (a synonyms.csv, fixer s57R3F)
    message = notes["message"].iloc[0]
    assert f"{len(expected)} columns not used" in message
    assert f": {list(expected[:20])!r}" in message
    assert unread_columns(ds.quality) == {str(path): list(expected)}


@pytest.mark.parametrize(("fixture", "code", "own"), CASES)
def test_every_unread_header_survives_a_load_and_the_caches_read_back(
        tmp_path, monkeypatch, fixture, code, own):
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    brand = tmp_path / "brand"
    brand.mkdir()
    path = _with_extra_columns(FIX / fixture, brand / Path(fixture).name)
    expected = (*own, *EXTRA)          # 25 headers (X), 6 + 25 = 31 (Instagram)
    fresh = smm.load(brand, cache=False)
    _assert_unread(fresh, code, path, expected)
    _assert_unread(smm.load(brand), code, path, expected)       # parsed, then stored

    def parsed_again(*a, **k):
        raise AssertionError("parsed again although cached")

    monkeypatch.setattr(_read, "parse_source", parsed_again)
    whole = smm.load(brand)                                     # the whole load's entry
    _assert_unread(whole, code, path, expected)
    assert_frame_equal(whole.quality, fresh.quality, check_exact=True)
    # a copy of the folder under another name is another load: its file's own entry
    copy = tmp_path / "brand copy"
    shutil.copytree(brand, copy)
    _assert_unread(smm.load(copy), code, copy / path.name, expected)


def test_ga4_columns_of_numbers_unread_are_among_the_unread_headers(tmp_path):
    """An Italian GA4 export whose ``Entrate totali`` (numbers: its ``unknown_columns``
    warning) and ``Nota`` (text: its ``extra_columns`` note) no synonym reads: both are the
    file's unread headers, the warning's first; before, only ``Nota`` was counted."""
    path = tmp_path / "ga4_acquisizione.csv"
    path.write_text("# Data di inizio: 20261001\n# Data di fine: 20261031\n"
                    "Sorgente/mezzo sessione;Sessioni;Eventi chiave;Entrate totali;Nota\n"
                    "instagram / social;1.234;25;1.234,56 €;campagna\n"
                    "facebook / paid;266;5;265,44 €;\n", encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    notes = ds.quality.set_index("code")["columns"]
    assert notes["unknown_columns"] == ("Entrate totali",)
    assert notes["extra_columns"] == ("Nota",)
    assert unread_columns(ds.quality) == {str(path): ["Entrate totali", "Nota"]}
