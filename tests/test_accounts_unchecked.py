"""Posts whose export names no account, on a platform brand.yaml declares an account of: kept,
with a warning that the account could not be checked, naming the unread columns that may
hold it and the synonyms.csv rows that would read them (reviewer s54RI, finding 1).

The fixture is two Italian Facebook post exports of October 2026, 18 posts each: the brand's
(``ID della Pagina`` 1059…, ``Trattoria Lume``) and another Page's (``105999999999999``,
``Pizzeria Rivale``). ``ID della Pagina`` and ``Nome della Pagina`` are [U] in the reference,
so the package's synonym table does not read them."""

from __future__ import annotations

import shutil
from pathlib import Path

import smmanalytics as smm
from smmanalytics.quality import QualityLog, unread_columns

FIXTURE = Path(__file__).parent / "fixtures" / "s54RIF_italian_page"
RIVAL = "facebook_contenuti_rivale_2026-10-01_2026-10-31_2026-11-02.csv"


def _notes(ds, code):
    return ds.quality.loc[ds.quality["code"].eq(code).fillna(False).to_numpy(bool)]


def test_posts_naming_no_account_are_kept_with_a_warning_naming_the_unread_columns():
    ds = smm.load(FIXTURE)
    # both files' 18 rows (18 data lines each under the header) are kept: 36
    assert len(ds.posts) == 36
    notes = _notes(ds, "account_unchecked")
    assert sorted(Path(f).name for f in notes["file"]) == sorted(
        p.name for p in FIXTURE.glob("*.csv"))
    assert notes["level"].eq("warning").all() and notes["rows"].eq(18).all()
    for message in notes["message"]:
        assert "18 facebook posts name no account" in message
        assert "trattorialume" in message and "could not be checked" in message
        assert "'ID della Pagina', 'Nome della Pagina'" in message
        assert "meta,account_id,it,<its header>" in message
        assert "meta,account_name,it,<its header>" in message


def test_the_synonyms_rows_named_leave_the_other_page_out(tmp_path):
    for f in FIXTURE.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "synonyms.csv").write_text(
        "family,canonical,lang,header\nmeta,account_id,it,ID della Pagina\n"
        "meta,account_name,it,Nome della Pagina\n", encoding="utf-8")
    ds = smm.load(tmp_path)
    # the rival file's 18 posts go, the brand's 18 stay; every row now names its Page
    assert len(ds.posts) == 18
    assert set(ds.posts["account_name"]) == {"Trattoria Lume"}
    assert _notes(ds, "account_unchecked").empty
    foreign = _notes(ds, "account_not_declared")
    assert [Path(f).name for f in foreign["file"]] == [RIVAL]
    assert foreign["rows"].tolist() == [18]


def test_posts_naming_an_account_give_no_such_warning(tmp_path):
    """The English control: ``Page ID``/``Page name`` are read, so nothing is unchecked."""
    for f in FIXTURE.iterdir():
        text = f.read_text(encoding="utf-8-sig").replace(
            '"ID della Pagina","Nome della Pagina"', '"Page ID","Page name"')
        (tmp_path / f.name).write_text(text, encoding="utf-8-sig")
    ds = smm.load(tmp_path)
    assert len(ds.posts) == 18 and _notes(ds, "account_unchecked").empty


def test_unread_columns_read_the_headers_the_notes_carry():
    """The headers come from the notes' ``columns``, not their messages: a message that lists
    none (d.csv) or says "columns not used" of no list (e.csv) changes nothing, and a file's
    two notes give their headers once each, in order."""
    log = QualityLog()
    log.add("a.csv", "extra_columns", "2 columns not used: ['X', \"it's\"]", level="info",
            columns=["X", "it's"])
    log.add("b.csv", "expected_metric_missing", "no column of reach in b.csv …; 1 columns not "
            "used: ['Account raggiunti']. If one of them holds it …",
            columns=("Account raggiunti",))
    log.add("b.csv", "extra_columns", "2 columns not used", columns=("Account raggiunti", "Q"))
    log.add("d.csv", "expected_metric_missing", "every column of the file was read", columns=())
    log.add("e.csv", "dst_ambiguous", "columns not used: ['no']")
    assert unread_columns(log.to_frame()) == {
        "a.csv": ["X", "it's"], "b.csv": ["Account raggiunti", "Q"]}
