"""competitors.csv cut off inside its last line (review s56R5, item 4a): a cut after
``…,5271,16,7`` read 7 interactions for 733, with no note. A last line of every column
without its line break is whole (Google Sheets' download may end so), and an empty row last
(``,,,,,``) holds no figure to cut (review s56DC, items 2 and 3). Files built in tmp_path."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics.benchmarks import read_competitors
from smmanalytics.errors import ConfigError, DataQualityWarning

HEADER = "platform,competitor,period,followers,posts,interactions\n"
#: with a column after the figures, not read: a line cut in its interactions stops short of it
NOTED = "platform,competitor,period,followers,posts,interactions,notes\n"
FIRST = "instagram,Atelier Lumière,2026-08,24343,23,18453\n"


def _write(tmp_path, text: str, header: str = HEADER):
    path = tmp_path / "competitors.csv"
    path.write_text(header + text, encoding="utf-8")
    return path


def _read(tmp_path, text: str, header: str = HEADER):
    path = _write(tmp_path, text, header)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        comp = read_competitors(path)
    return comp, [w.message for w in caught if isinstance(w.message, DataQualityWarning)]


def test_a_cut_in_the_last_number_is_warned_and_the_line_kept(tmp_path):
    # 733 cut to 7, its notes lost (6 of 7 columns): the line (3) is read as it is,
    # 18453 + 7 = 18460 interactions in all
    comp, (warned,) = _read(tmp_path, FIRST + "facebook,Les Jardins d’Hélène,2026-09,5271,16,7",
                            NOTED)
    assert comp["interactions"].sum() == 18460
    assert warned.code == "competitors_cut_off"
    assert "ends inside line 3, on its interactions '7', with no line break" in str(warned)


@pytest.mark.parametrize("header", [HEADER, NOTED])
def test_a_last_line_of_every_column_without_its_line_break_is_whole(tmp_path, header):
    # 6 of 6 columns, or 7 of 7 with its note: nothing is missing, nothing warned
    last = "facebook,Les Jardins,2026-09,5271,16,733" + ("," if header == NOTED else "")
    comp, warned = _read(tmp_path, FIRST + last, header)
    assert warned == [] and comp["interactions"].tolist() == [18453, 733]


@pytest.mark.parametrize("header", [HEADER, NOTED])
def test_an_empty_row_last_without_its_line_break_is_no_cut(tmp_path, header):
    # a spreadsheet's empty row saved last, no line break: line 3 ends with its break, the
    # file inside line 4, which has no figure; the 733 of line 3 were warned as maybe short
    empty = "," * (header.count(","))
    comp, warned = _read(tmp_path, FIRST + "facebook,Les Jardins,2026-09,5271,16,733\n"
                         + empty, header)
    assert warned == [] and comp["interactions"].tolist() == [18453, 733]


def test_a_cut_inside_a_quoted_number_is_warned(tmp_path):
    # "733" quoted, cut to "7 (its quote never closed): read 7, warned of
    comp, (warned,) = _read(tmp_path, FIRST + 'facebook,Les Jardins,2026-09,5271,16,"7')
    assert comp["interactions"].tolist() == [18453, 7]
    assert warned.code == "competitors_cut_off"
    assert "ends inside line 3, inside its quoted interactions '7', never closed" in str(warned)


def test_a_cut_inside_a_quoted_name_is_refused_by_its_fields(tmp_path):
    # a quote opened in the name runs to the end: one line of 2 fields, refused as before
    with pytest.raises(ConfigError, match="line 3 has 2 fields, the header 6"):
        read_competitors(_write(tmp_path, FIRST + 'facebook,"Les Jardins,2026-09,5271,16,733'))


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_file_ending_with_its_line_break_is_whole(tmp_path, end):
    comp, warned = _read(tmp_path, FIRST + "facebook,Les Jardins,2026-09,5271,16,733" + end)
    assert warned == [] and comp["interactions"].tolist() == [18453, 733]


def test_a_last_line_ending_on_an_empty_number_is_no_cut(tmp_path):
    # interactions left empty (unknown) on the last line, no line break: no figure is short
    comp, warned = _read(tmp_path, FIRST + "facebook,Les Jardins,2026-09,5271,16,")
    assert warned == [] and comp["interactions"].isna().tolist() == [False, True]


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=10, max_value=10**6), st.integers(min_value=1, max_value=5))
def test_any_number_cut_short_reads_what_is_left_and_warns(tmp_path_factory, value, cut):
    # the last interactions lose their last `cut` digits (at least one left): read as the
    # digits left, value // 10**cut, and warned of
    digits = str(value)[:max(1, len(str(value)) - cut)]
    tmp_path = tmp_path_factory.mktemp("cut")
    comp, (warned,) = _read(tmp_path, FIRST + f"facebook,B,2026-09,5271,16,{digits}", NOTED)
    assert comp["interactions"].iloc[-1] == int(digits)
    assert f"on its interactions '{digits}'" in str(warned)
