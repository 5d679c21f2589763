"""Text keys (campaigns, sources, accounts) read without the invisible characters a paste
leaves in them (``Candidate.read_keys``), noted once per table (``keys_mended``), keeping
those that are text (an emoji's joiner)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from smmanalytics import schema
from smmanalytics._web import campaign_key
from smmanalytics.errors import DataQualityWarning
from smmanalytics.loaders import read_file
from smmanalytics.loaders._ids import without_invisible
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


def test_a_pasted_cost_line_meets_its_campaign(tmp_path):
    """The reviewer's ``costs_shy`` (s57DC) in small: costs.csv's line 3 writes the campaign
    with a soft hyphen (``auto\u00admne-2026``), GA4 without (the table of the test above,
    its invisible characters removed). The two lines are one campaign: 120 + 80 = 200 of
    spend against 400 of revenue, a ROAS of 2.0, where line 3 was a campaign of its own (80
    of cost, no revenue) and ``automne-2026``'s ROAS 400 / 120 = 3.33; the line is named."""
    path = tmp_path / "ga4_clean.csv"
    path.write_text(_GA4.replace("\ufeff", "").replace("\u00ad", ""), encoding="utf-8")
    (ga4,) = read_file(path)
    costs = ("2026-10-01,2026-10-15,ad_spend,120,,instagram,automne-2026,,,\n"
             "2026-10-16,2026-10-31,ad_spend,80,,instagram,auto\u00admne-2026,,,\n")
    with pytest.warns(DataQualityWarning) as caught:
        ds = dataset(tmp_path, costs, web=schema.conform(ga4, "web"))
    [note] = [w.message for w in caught if w.message.code == "keys_mended"]
    assert str(note) == (
        "costs.csv: 1 cell of column 'campaign' held invisible characters (a BOM, a "
        "zero-width space or a soft hyphen, left by a paste), removed so that each matches "
        "the same campaign in other files (first line 3: 'auto\\xadmne-2026' read as "
        "'automne-2026')")
    assert ds.costs["campaign"].tolist() == ["automne-2026"] * 2
    r = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert r.index.tolist() == ["automne-2026"]
    assert r.loc["automne-2026", "cost"] == pytest.approx(200.0)
    assert r.loc["automne-2026", "roas"] == pytest.approx(2.0)


@pytest.mark.parametrize("name,key", [
    ("auto\u00admne-2026", "automne_2026"),          # a soft hyphen, as written
    ("auto%C2%ADmne-2026", "automne_2026"),           # the same, URL-encoded (a UTM value)
    ("\ufeffAutomne 2026\u200b", "automne_2026"),   # a BOM and a zero-width space
    ("\u200b", None),                                # nothing else: no campaign
])
def test_a_campaign_key_has_no_invisible_character(name, key):
    """Whichever side holds it (costs.csv, goals.yaml, a post, GA4), an invisible character
    is no part of the key that joins them: ``automne-2026`` is ``automne_2026`` (case folded,
    ``-`` and spaces as ``_``)."""
    got = campaign_key(pd.Series([name], dtype="string")).iloc[0]
    assert (None if pd.isna(got) else got) == key


def test_a_clean_table_has_no_note(tmp_path):
    path = tmp_path / "ga4_clean.csv"
    path.write_text(_GA4.replace("\ufeff", "").replace("\u00ad", ""), encoding="utf-8")
    (df,) = read_file(path)
    assert not [q for q in df.attrs["quality"] if q["code"] == "keys_mended"]


#: the woman farmer emoji: U+1F469, a zero-width joiner (U+200D), U+1F33E
_FARMER = "\U0001f469\u200d\U0001f33e"


def test_an_emoji_joined_in_a_page_name_is_kept(tmp_path):
    """The Facebook fixture's four posts, their page named ``Maison Sève 👩‍🌾``: the joiner
    is part of the name (without it two glyphs show, a woman and a sheaf), so the name is
    read as written and nothing is noted."""
    fixture = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"
    path = tmp_path / fixture.name
    path.write_text(fixture.read_text(encoding="utf-8")
                    .replace('"Maison Sève"', f'"Maison Sève {_FARMER}"'), encoding="utf-8")
    (df,) = read_file(path)
    assert df["account_name"].tolist() == [f"Maison Sève {_FARMER}"] * 4
    assert not [q for q in df.attrs["quality"] if q["code"] == "keys_mended"]


@pytest.mark.parametrize(("cell", "key"), [
    (f"Maison Sève {_FARMER}", None),  # an emoji of two joined
    ("\u2764\ufe0f\u200d\U0001f525", None),  # ❤️‍🔥: a variation selector before
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", None),  # Persian, a ZWNJ
    ("Café \u05e9\u05dc\u05d5\u05dd\u200f \u05ea\u05dc", None),  # RLM inside a name
    ("auto\u200dmne-2026", "automne-2026"),  # a ZWJ between ASCII letters
    ("\u200cautomne", "automne"),  # a ZWNJ at an end
    ("\u200e\u05e9\u05dc\u05d5\u05dd\u200f", "\u05e9\u05dc\u05d5\u05dd"),  # marks at the ends
    (f"\ufeff{_FARMER}", _FARMER),  # a BOM before the emoji
    ("\U0001f469\u00ad\u200d\U0001f33e", _FARMER),  # a soft hyphen in it
    ("auto\u200bmne\u2060-2026", "automne-2026"),  # a zero-width space, a word joiner
])
def test_names_keep_the_invisible_characters_of_their_text(cell, key):
    """``key`` is ``cell`` without its debris (None: the cell is left as it is, unmarked).
    An id loses the same characters wherever they stand (``keep_text`` off)."""
    cells = pd.Series(["clean", cell], dtype="string")
    out, invisible = without_invisible(cells, keep_text=True)
    assert out.tolist() == ["clean", cell if key is None else key]
    assert invisible.tolist() == [False, key is not None]
    ids, _ = without_invisible(cells)
    assert "\u200d" not in ids.iloc[1] and "\u200c" not in ids.iloc[1]
