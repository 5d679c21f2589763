"""The errors of the YAML settings files (agency.yaml, brand.yaml, goals.yaml) name the key,
its line and the closest valid key, as a user fixing the file looks for them: a key, not a
"column", and a line to go to rather than an entry to count down to."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics._io import key_lines
from smmanalytics.errors import ConfigError, ParseError
from smmanalytics.runner import read_batch_config

#: what agency.yaml's unknown key of an entry lists as known
_ENTRY_KEYS = "data, lang, name, parameters, reports"


def _agency(tmp_path, text: str):
    cfg = tmp_path / "agency.yaml"
    cfg.write_text(textwrap.dedent(text), encoding="utf-8")
    return cfg


def _refused(cfg) -> str:
    with pytest.raises(ConfigError) as err:
        read_batch_config(cfg, "2026-10")
    return str(err.value)


def test_a_parse_error_names_a_key_or_a_column():
    """A YAML file's error says "key", a CSV's "column", in the place the column had."""
    assert str(ParseError("unknown key", file="agency.yaml", line=7, key="brands[2].language",
                          expected="lang", got="language")) == (
        "file agency.yaml, line 7, key 'brands[2].language': unknown key; expected lang; got "
        "'language'")
    assert str(ParseError("invalid value", file="costs.csv", line=3, column="amount")) == \
        "file costs.csv, line 3, column 'amount': invalid value"


def test_an_agency_yaml_entry_key_is_refused_on_its_line_with_the_key_meant(tmp_path):
    """`language: it` in the second entry was "column 'brands[2].language': brand 'Café
    Lumière': unknown key", no line and no hint: it is refused on line 7 (the file's seventh
    line, counted by hand), "did you mean 'lang'?" (difflib: 2 × 4 / (8 + 4) = 0.67 ≥ 0.6,
    and no other entry key that close)."""
    cfg = _agency(tmp_path, """\
        out: reports
        brands:
          - name: Maison Sève
            data: maison-seve
          - name: Café Lumière
            data: cafe
            language: it
        """)
    assert _refused(cfg) == (
        f"file {cfg}, line 7, key 'brands[2].language': unknown key (did you mean 'lang'?); "
        f"expected one of the keys {_ENTRY_KEYS}; got 'language'")


def test_an_agency_yaml_entry_key_already_there_is_never_suggested(tmp_path):
    """`lang: fr` and `langue: it` in one entry: 'lang' is there already, so nothing is
    suggested (it would make two of them); the line is the fourth."""
    cfg = _agency(tmp_path, """\
        brands:
          - name: a
            data: A
            langue: it
            lang: fr
        """)
    assert _refused(cfg) == (
        f"file {cfg}, line 4, key 'brands[1].langue': unknown key; expected one of the keys "
        f"{_ENTRY_KEYS}; got 'langue'")


def test_an_agency_yaml_top_key_is_refused_on_its_line_with_the_key_meant(tmp_path):
    """`brand:` for `brands:` on line 3 (after a comment and `out:`): "did you mean
    'brands'?" (2 × 5 / 11 = 0.91)."""
    cfg = _agency(tmp_path, """\
        # the agency's brands
        out: reports
        brand:
          - {name: a, data: A}
        """)
    assert _refused(cfg) == (
        f"file {cfg}, line 3, key 'brand': unknown key (did you mean 'brands'?); expected one "
        "of the keys brands, out; got 'brand'")


@pytest.mark.parametrize("entry, message", [
    # the value's key is on the entry's third line, the file's fourth
    ("- name: b\n  data: B\n  lang: de\n",
     "line 4, key 'brands[1].lang': brand 'b': unsupported report language; expected one of "
     "('en', 'fr', 'it'); got 'de'"),
    ("- name: b\n  data: B\n  reports: [monthly, weekly]\n",
     "line 4, key 'brands[1].reports': brand 'b': unknown report kind; expected "
     "['best-times', 'campaign', 'monthly']; got 'weekly'"),
    # a key within parameters: its own line, the fifth
    ("- name: b\n  data: B\n  parameters:\n    period: 2026-09\n",
     "line 5, key 'brands[1].parameters.period': brand 'b': the batch sets 'period' itself; "
     "expected smm report batch --period; got '2026-09'"),
    # an entry without data: the line of its dash, the second
    ("- name: b\n  lang: fr\n",
     "line 2, key 'brands[1]': brand entry 1 needs 'name' and 'data'; expected name and data "
     "keys; got {'name': 'b', 'lang': 'fr'}"),
])
def test_an_agency_yaml_value_is_refused_on_the_line_of_its_key(tmp_path, entry, message):
    cfg = _agency(tmp_path, "brands:\n" + textwrap.indent(entry, "  "))
    assert _refused(cfg) == f"file {cfg}, {message}"


def test_two_entries_of_one_name_are_refused_on_the_second_ones_name(tmp_path):
    """Two entries whose reports share a folder: the second's name, on line 5."""
    cfg = _agency(tmp_path, """\
        brands:
          - name: Maison Sève
            data: A
          - data: B
            name: maison-seve
        """)
    assert _refused(cfg).startswith(f"file {cfg}, line 5, key 'brands[2].name': brands[1] and "
                                    "brands[2] are two brand folders")


def test_an_entry_written_as_an_alias_names_no_other_entrys_line(tmp_path):
    """s53DB: ``- *a`` repeats brands[1]; the error about brands[2] named line 2, brands[1]'s
    dash (the alias composes to the anchor's node). brands[2] has no line of its own: none."""
    cfg = _agency(tmp_path, """\
        brands:
          - &a
            name: A
            data: brandA
          - *a
        """)
    assert _refused(cfg).startswith(f"file {cfg}, key 'brands[2].name': brands[1] and "
                                    "brands[2] ask for the same monthly report")


def test_key_lines_walks_mappings_lists_and_aliases_once():
    """Lines counted by hand from the text below; an alias names the anchored node, walked
    once (a node that holds itself would loop), and a list item written as an alias has no
    line (the loop's ``*l``: the anchor's would be another's); a key written twice is the
    last one, as YAML keeps its value."""
    text = ("base: &b\n  primary: '#000000'\ncolors: *b\ngoals:\n  - metric: posts\n"
            "    target: 3\n  -\n    metric: reach\nname: a\nname: b\nloop: &l [*l]\n")
    lines = key_lines(yaml.compose(text))
    assert lines == {("base",): 1, ("base", "primary"): 2, ("colors",): 3, ("goals",): 4,
                     ("goals", 0): 5, ("goals", 0, "metric"): 5, ("goals", 0, "target"): 6,
                     ("goals", 1): 8, ("goals", 1, "metric"): 8, ("name",): 10,
                     ("loop",): 11}
    assert key_lines(yaml.compose("")) == {}


_NAMES = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(
    lambda k: k not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_SETTINGS = st.recursive(st.integers(0, 99) | _NAMES,
                         lambda inner: st.dictionaries(_NAMES, inner, max_size=4)
                         | st.lists(inner, max_size=3), max_leaves=12)


@given(st.dictionaries(_NAMES, _SETTINGS, min_size=1, max_size=4))
def test_key_lines_gives_each_key_the_line_it_is_written_on(settings):
    """Whatever the nesting, the line of a key's path starts with the key (after its indent
    and the dashes of the lists it is in), and there is a line for every key of the file."""
    text = yaml.safe_dump(settings, default_flow_style=False, sort_keys=False)
    written = text.splitlines()
    lines = key_lines(yaml.compose(text))

    def paths(value, path=()):
        if isinstance(value, dict):
            for k, v in value.items():
                yield (*path, k)
                yield from paths(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from paths(v, (*path, i))

    keys = list(paths(settings))
    assert {p for p in lines if isinstance(p[-1], str)} == set(keys)
    for path in keys:
        assert written[lines[path] - 1].lstrip(" -").startswith(f"{path[-1]}:")
