"""The one rule "a header shares at least half of its names with another header", written once
(``_headers.shares_half_the_names``) and used where a row among the rows is a header of other
columns (``_sniff``) and where a later block is read as the first export's (``_read``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics.loaders import _read, _sniff, read_file
from smmanalytics.loaders._headers import shares_half_the_names

FB = Path(__file__).parent / "fixtures" / "meta" / "facebook_posts_2026-11-20.csv"


@pytest.mark.parametrize("names, header, shared", [
    (["a", "b", "c", "d"], ["a", "b"], True),          # 2 of 4: half
    (["a", "b", "c"], ["a"], False),                   # 1 of 3
    (["a", "a", "b", "c"], ["a"], True),               # a name written twice counts twice
    (["a", "", "", "x"], ["a", ""], True),             # blanks no names: 1 of 2
    (["", "", "x"], ["", "y"], False),                 # a blank matches no blank: 0 of 1
    (["", ""], ["a"], True),                           # no names: the caller asks for more
    ([], [], True),
])
def test_shares_half_the_names_counted_by_hand(names, header, shared):
    assert shares_half_the_names(names, header) is shared
    assert shares_half_the_names(names, frozenset(header)) is shared


_NAME = st.sampled_from(["", "", "a", "b", "c", "d"])


@given(st.lists(_NAME, max_size=8), st.lists(_NAME, max_size=8))
def test_the_helper_is_what_both_call_sites_computed(names, norm):
    # _read._with_later_blocks: the block's names without blanks, against table.norm
    filled = [n for n in names if n]
    registry = 2 * sum(n in norm for n in filled) >= len(filled)
    # _sniff._first_other_header: the row's filled names, against the header's set sans ''
    known = set(norm) - {""}
    sniff = 2 * sum(n in known for n in filled) >= len(filled)
    assert shares_half_the_names(names, norm) is registry is sniff
    assert shares_half_the_names(filled, frozenset(norm)) is registry


def test_both_call_sites_ask_the_one_helper(tmp_path, monkeypatch):
    # two Facebook exports pasted one under the other, the second without 'Duration (sec)':
    # the sniffer finds its header among the rows, the registry reads it as the first's
    rows = list(csv.reader(io.StringIO(FB.read_text(encoding="utf-8-sig"))))
    i = rows[0].index("Duration (sec)")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        rows + [[*r[:i], *r[i + 1:]] for r in rows])
    path = tmp_path / FB.name
    path.write_text(out.getvalue(), encoding="utf-8")
    calls = []

    def spy(where):
        def shares(names, header):
            calls.append(where)
            return shares_half_the_names(names, header)
        return shares

    monkeypatch.setattr(_sniff, "shares_half_the_names", spy("sniff"))
    monkeypatch.setattr(_read, "shares_half_the_names", spy("registry"))
    (df,) = read_file(path)
    assert len(df) == 2 * (len(rows) - 1) == 8         # the 4 posts twice
    assert [q["code"] for q in df.attrs["quality"]].count("header_changed") == 1
    assert {"sniff", "registry"} <= set(calls)
