"""costs.csv cut off inside a quoted note (review s56R5, item 4b): the lines after the cut,
1,212 € of them in the sample, were lost with no warning, which only a cut on a number cell
gave; and a line repeated cell for cell, counted twice with no word (minor item).
Files built in tmp_path."""

from __future__ import annotations

import warnings

from smmanalytics.errors import DataQualityWarning
from smmanalytics.roi import read_costs

HEADER = "start,end,category,amount,currency,platform,campaign,hours,hourly_rate,note\n"


def _read(tmp_path, text: str):
    path = tmp_path / "costs.csv"
    path.write_text(HEADER + text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        costs = read_costs(path)
    return costs, [w.message for w in caught if isinstance(w.message, DataQualityWarning)]


def test_a_cut_inside_a_quoted_note_is_warned(tmp_path):
    # line 3 cut inside its note: its amount 12.99 is whole, read; 1000 + 12.99 = 1012.99
    costs, (warned,) = _read(tmp_path, "2026-10-01,2026-10-31,tools,1000.00,EUR,,,,,x\n"
                                       '2026-10-01,2026-10-31,tools,12.99,EUR,,,,,"Canva ')
    assert costs["amount"].sum() == 1012.99
    assert warned.code == "costs_cut_off"
    message = str(warned)
    assert "ends inside line 3, inside its quoted note 'Canva ', never closed" in message
    assert "the lines after it, if the file had more, are missing" in message


def test_a_closed_quoted_note_without_a_line_break_is_whole(tmp_path):
    costs, warned = _read(tmp_path, '2026-10-01,2026-10-31,tools,12.99,EUR,,,,,"Canva Pro"')
    assert warned == [] and costs["note"].tolist() == ["Canva Pro"]


def test_a_line_repeated_cell_for_cell_is_counted_twice_and_warned(tmp_path):
    # line 3 repeats line 2 (its trailing empty cells left out): 500 + 500 + 12.99 = 1012.99,
    # both counted, warned of; line 4 differs from them by its note
    costs, (warned,) = _read(tmp_path, "2026-10-01,2026-10-31,influencer,500.00,EUR,,,,,x\n"
                                       "2026-10-01,2026-10-31,influencer,500.00,EUR,,,,,x\n"
                                       "2026-10-01,2026-10-31,influencer,12.99,EUR,,,,,y\n")
    assert costs["amount"].sum() == 1012.99
    assert warned.code == "costs_line_repeated"
    assert str(warned).startswith("costs.csv: line 3 repeats line 2, cell for cell")


def test_lines_that_differ_in_one_cell_are_no_repeat(tmp_path):
    costs, warned = _read(tmp_path, "2026-10-01,2026-10-31,influencer,500.00,EUR\n"
                                    "2026-10-01,2026-10-31,influencer,500.00,EUR,,,,,second\n")
    assert warned == [] and costs["amount"].sum() == 1000
