"""costs.csv's ``category`` in French and Italian (reviewer s58RI, finding 6): an Italian
agency's ``pubblicità`` was refused, the English codes only read. The obvious French and
Italian names of each category are read, in any case, with or without their accents; an
unknown name stays an error naming its line, column and cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics import _costs
from smmanalytics.errors import ConfigError
from smmanalytics.roi import read_costs

FIX = Path(__file__).parent / "fixtures" / "test_costs_languages"


def test_french_and_italian_categories_are_read():
    costs = read_costs(FIX / "costs.csv")
    assert costs["category"].tolist() == [
        "ad_spend", "ad_spend", "ad_spend", "labor", "labor", "tools", "tools", "production",
        "influencer", "influencer", "other", "other"]
    # by category, the amounts of the file's lines: ad 2000 + 300 + 100, labour 1500 + 500,
    # tools 50 + 20, production 400, influencer 250 + 250, other 80 + 100
    by = costs.groupby("category")["amount"].sum().to_dict()
    assert by == {"ad_spend": 2400, "labor": 2000, "tools": 70, "production": 400,
                  "influencer": 500, "other": 180}


def test_an_unknown_category_is_still_an_error(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text("start,category,amount\n2026-10-01,pubblicita,10\n2026-10-01,spese,5\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_costs(path)
    assert (err.value.line, err.value.column, err.value.got) == (3, "category", "spese")
    assert err.value.expected.startswith("one of ad_spend, labor, tools")


@given(st.sampled_from(sorted(_costs._CATEGORY_SYNONYMS)), st.sampled_from(
    [str.upper, str.title, str.lower]))
def test_every_name_reads_in_any_case(name, case):
    """A property: each name of the table, in upper, title or lower case, is its category."""
    assert _costs._category(case(name)) == _costs._CATEGORY_SYNONYMS[name]
