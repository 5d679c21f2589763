"""Post ids read by one rule for every loader (``_ids.read_ids``): invisible characters removed,
a spreadsheet's number formatting read back, numbers no id can be refused with their cell."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import read_export
from smmanalytics.errors import ParseError
from smmanalytics.loaders._ids import INVISIBLE, read_ids, rounded_ids

# ---- the rule, on a column of ids

#: ids a spreadsheet's float keeps whole: 15 digits at most (a Page id, 104938275516283)
_IDS = st.integers(min_value=10**9, max_value=10**15 - 1).map(str)
#: ids longer than its 15 digits: Facebook's 16, X's, TikTok's and Pinterest's 18 or 19
_LONG_IDS = st.integers(min_value=10**15, max_value=2**63 - 1).map(str)


def _grouped(digits: str, sep: str) -> str:
    """``digits`` with ``sep`` between groups of three, as a spreadsheet writes a number."""
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@st.composite
def _damaged(draw, ids=_IDS, kinds=("invisible", "grouped", "zero", "both")) -> tuple[str, str]:
    """(an id of ``ids``, the cell a paste or a spreadsheet made of it, one of ``kinds``)."""
    pid = draw(ids)
    kind = draw(st.sampled_from(kinds))
    if kind == "invisible":
        at = draw(st.integers(0, len(pid)))
        mark = draw(st.sampled_from(INVISIBLE))
        return pid, pid[:at] + mark + pid[at:]
    if kind == "zero":
        return pid, pid + draw(st.sampled_from([".0", ",0", ".00"]))
    sep = draw(st.sampled_from([",", ".", " ", "\u00a0", "\u202f", "'"]))
    cell = _grouped(pid, sep)
    if kind == "both":
        cell = "\ufeff" + cell + (",0" if sep == "." else ".0")
    return pid, cell


@settings(max_examples=300, deadline=None)
@given(_damaged(), st.lists(_IDS, min_size=1, max_size=4))
def test_any_id_pasted_or_formatted_reads_back_as_itself(damaged, others):
    pid, cell = damaged
    # the other ids as long as this one: a spreadsheet formats the whole column's ids alike
    others = [o.rjust(len(pid), "1")[:len(pid)] for o in others]
    got = read_ids(pd.Series([*others, cell], dtype="string"))
    assert got.ids.tolist() == [*others, pid]
    assert got.refused is None
    assert bool(got.invisible[-1] or got.unformatted[-1]) and not got.invisible[:-1].any()


@settings(max_examples=200, deadline=None)
@given(_damaged(_LONG_IDS, ("grouped", "zero")), st.lists(_LONG_IDS, min_size=1, max_size=4))
def test_a_long_id_a_spreadsheet_formatted_is_left_as_rounded(damaged, others):
    # the number went through the spreadsheet's float, which keeps 15 significant digits:
    # 8383178366578861 is shown 8,383,178,366,578,860, its digits name another post or none.
    # Such a cell is neither read back nor refused: left as written, a rounded id
    _, cell = damaged
    ids = pd.Series([*others, cell], dtype="string")
    got = read_ids(ids)
    assert got.ids.tolist() == [*others, cell]
    assert got.refused is None and not got.unformatted.any()
    assert rounded_ids(got.ids, None).tolist() == [False] * len(others) + [True]


@pytest.mark.parametrize("cell", ["1.2K", "12%", "-1599123456789012", "1599123456789012.5",
                                  "1,234"])
def test_a_number_that_cannot_be_an_id_is_refused(cell):
    # '1,234' is a formatted number, but 1234 has 4 digits where the column's ids have 16
    got = read_ids(pd.Series(["8383178366578861", "9998439321649510", cell], dtype="string"))
    assert got.refused == 2


def test_words_scientific_notation_and_ids_of_letters_are_left_to_the_loaders():
    # 'Total' is a summary row, 2.07706E+18 a rounded id (rounded_ids), YouTube's ids have
    # letters: none is an integer id to read back, nor a number to refuse
    cells = ["8383178366578861", "9998439321649510", "Total", "2.07706E+18", pd.NA]
    got = read_ids(pd.Series(cells, dtype="string"))
    assert got.ids.tolist() == cells and got.refused is None and not got.unformatted.any()
    youtube = pd.Series(["-x8y9Tq2Lk0", "12%", "dQw4w9WgXcQ"], dtype="string")
    assert read_ids(youtube).refused is None


# ---- in an export: Facebook's posts CSV, as Meta writes it

_HEAD = ('"Post ID","Page ID","Page name",Title,"Publish time",Permalink,"Post type",Date,'
         'Views,Reach,Reactions\n')
_ROWS = [('8383178366578861,104938275516283,"Maison Sève","Le rituel du soir",'
          '"10/27/2026 11:52",https://www.facebook.com/maisonseve/posts/pfbid048j,Photos,'
          'Lifetime,{views},{reach},32\n'),
         ('9998439321649510,104938275516283,"Maison Sève","Question du jour",'
          '"10/23/2026 03:16",https://www.facebook.com/maisonseve/posts/pfbid0rJY,Photos,'
          'Lifetime,{views},{reach},23\n')]


def _export(path, figures: list[tuple[int, int]], *, first_id: str | None = None,
            before_second: str = ""):
    """A Facebook posts export of the two posts with (views, reach) each; its first post's
    id written ``first_id``, the second post's line preceded by ``before_second``."""
    rows = [r.format(views=v, reach=r_) for r, (v, r_) in zip(_ROWS, figures, strict=True)]
    if first_id is not None:
        rows[0] = rows[0].replace("8383178366578861", first_id, 1)
    path.write_text(_HEAD + rows[0] + before_second + rows[1], encoding="utf-8-sig")
    return path


def test_a_bom_before_a_line_leaves_the_post_one_post_across_exports(tmp_path):
    _export(tmp_path / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
            [(1000, 800), (900, 700)])
    _export(tmp_path / "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv",
            [(1079, 894), (1057, 827)], before_second="\ufeff")
    ds = smm.load(tmp_path, cache=False)
    # the two posts, their reach the newer export's: 894 + 827 = 1721 (with the BOM kept in
    # the id, 3 posts: the second one again with 700)
    assert sorted(ds.posts["post_id"]) == ["8383178366578861", "9998439321649510"]
    assert ds.posts["reach"].sum() == 1721
    note = ds.quality.query("code == 'ids_mended'")
    assert note["message"].tolist() == [
        "'Post ID': of the post ids, 1 held invisible characters (a BOM or a zero-width "
        "space, left by a paste or two files put together), removed (line 3: "
        "'\\ufeff9998439321649510' read as '9998439321649510'), so that each post matches "
        "itself in other exports"]


def test_an_id_of_15_digits_a_spreadsheet_formatted_is_read_back_and_noted(tmp_path):
    # ids of 15 digits, which a spreadsheet's float keeps whole: 838317836657886 and
    # 999843932164951, the first written as Excel formats the number
    path = _export(tmp_path / "facebook_posts_2026-11-02.csv", [(1079, 894), (1057, 827)],
                   first_id='"838,317,836,657,886.0"')
    path.write_text(path.read_text("utf-8-sig").replace("9998439321649510", "999843932164951"),
                    encoding="utf-8-sig")
    ds = smm.load(path, cache=False)
    assert sorted(ds.posts["post_id"]) == ["838317836657886", "999843932164951"]
    assert ds.quality.query("code == 'ids_mended'")["message"].tolist() == [
        "'Post ID': of the post ids, 1 was formatted as a number by a spreadsheet (thousands "
        "separators, '.0'), read back as its digits (line 2: '838,317,836,657,886.0' read as "
        "'838317836657886'), so that each post matches itself in other exports"]


def test_a_long_id_a_spreadsheet_formatted_is_matched_by_its_link(tmp_path):
    # s56DB's case: Excel kept 15 digits of 8383178366578861 and formatted the number,
    # 8,383,178,366,578,860. Read back as 8383178366578860 it was a third post besides the
    # same post in the newer export (reach 800 + 894 + 827). As a rounded id, the post is
    # matched by its link: 2 posts, the newer export's reach 894 + 827 = 1721
    _export(tmp_path / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
            [(1000, 800), (900, 700)], first_id='"8,383,178,366,578,860"')
    _export(tmp_path / "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv",
            [(1079, 894), (1057, 827)])
    ds = smm.load(tmp_path, cache=False)
    assert sorted(ds.posts["post_id"]) == ["8383178366578861", "9998439321649510"]
    assert ds.posts["reach"].sum() == 1721
    assert ds.quality.query("code == 'ids_mended'").empty
    damaged = ds.quality.query("code == 'post_id_damaged'")["message"].tolist()
    assert len(damaged) == 1 and "'8,383,178,366,578,860'" in damaged[0]


@pytest.mark.parametrize("cell", ["1.2K", "12%"])
def test_an_id_that_is_no_id_is_refused_with_its_line(tmp_path, cell):
    path = _export(tmp_path / "facebook_posts_2026-11-02.csv", [(1079, 894), (1057, 827)],
                   first_id=cell)
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == (2, "Post ID", cell)
    assert "expected a post id" in str(err.value)
