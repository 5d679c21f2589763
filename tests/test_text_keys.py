"""Text keys (campaigns, sources, accounts) read without the invisible characters a paste
leaves in them (``Candidate.read_keys``), noted once per table (``keys_mended``)."""

from __future__ import annotations

import pytest

from smmanalytics import schema
from smmanalytics.loaders import read_file
from smmanalytics.roi import roi

from ._roi_builders import dataset

#: a GA4 Traffic acquisition export by session campaign and source / medium, as GA4 writes it
#: (platform-exports §8), pasted through a spreadsheet: a BOM before the source of line 10 and
#: a soft hyphen (from a word processor) inside the campaign of line 11; line 9 is clean
_GA4 = (
    "# ----------------------------------------\n"
    "# Traffic acquisition: Session campaign\n"
    "# Account: Maison Seve\n"
    "# Property: maisonseve.fr - GA4\n"
    "# ----------------------------------------\n"
    "# Start date: 20261001\n"
    "# End date: 20261031\n"
    "Session campaign,Session source / medium,Sessions,Engaged sessions,Key events,"
    "Total revenue\n"
    "automne-2026,facebook.com / referral,40,20,1,70.00\n"
    "automne-2026,\ufeffinstagram / social,100,60,3,250.00\n"
    "auto\u00admne-2026,l.instagram.com / referral,50,20,1,80.00\n"
)


def _ga4(tmp_path):
    path = tmp_path / "ga4_campaigns.csv"
    path.write_text(_GA4, encoding="utf-8")
    (df,) = read_file(path)
    return df


def test_invisible_characters_leave_ga4_campaigns_and_sources(tmp_path):
    df = _ga4(tmp_path)
    # every row is the one campaign, the BOM's source is Instagram's
    assert df["campaign"].tolist() == ["automne-2026"] * 3
    assert df["source"].tolist() == ["facebook.com", "instagram", "l.instagram.com"]
    assert df["medium"].tolist() == ["referral", "social", "referral"]
    notes = [q for q in df.attrs["quality"] if q["code"] == "keys_mended"]
    # one note for the table: 1 source/medium cell (line 10) + 1 campaign cell (line 11)
    assert [q["rows"] for q in notes] == [2]
    assert notes[0]["message"] == (
        "2 cells of campaigns, sources or accounts held invisible characters (a BOM or a "
        "zero-width space, left by a paste or two files put together), removed so that each "
        "matches the same name in other files: 'Session campaign': 1 (first line 11: "
        "'auto\\xadmne-2026' read as 'automne-2026'); 'Session source / medium': 1 (first "
        "line 10: '\\ufeffinstagram / social' read as 'instagram / social')")


def test_a_pasted_campaign_meets_its_cost_line(tmp_path):
    """The campaign's revenue is its three rows' (70 + 250 + 80 = 400) against its 200 of
    spend: a ROAS of 400 / 200 = 2.0, where the row with the soft hyphen was a campaign
    of its own (key ``auto_mne_2026``), of no cost."""
    costs = "2026-10-01,2026-10-31,ad_spend,200,,instagram,automne-2026,,,\n"
    ds = dataset(tmp_path, costs, web=schema.conform(_ga4(tmp_path), "web"))
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert r.index.tolist() == ["automne-2026"]
    assert r.loc["automne-2026", "revenue"] == pytest.approx(400.0)
    assert r.loc["automne-2026", "cost"] == pytest.approx(200.0)
    assert r.loc["automne-2026", "roas"] == pytest.approx(2.0)


def test_a_clean_table_has_no_note(tmp_path):
    path = tmp_path / "ga4_clean.csv"
    path.write_text(_GA4.replace("\ufeff", "").replace("\u00ad", ""), encoding="utf-8")
    (df,) = read_file(path)
    assert not [q for q in df.attrs["quality"] if q["code"] == "keys_mended"]
