"""Property tests: random bytes and mutated real fixtures never raise anything but SmmError."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics.errors import SmmError
from smmanalytics.loaders._dates import parse_datetimes, parse_text_dates, resolve_year
from smmanalytics.loaders._encoding import decode
from smmanalytics.loaders._numbers import parse_numbers
from smmanalytics.loaders._preamble import split_text
from smmanalytics.quality import QualityLog

# these tests load damaged files on purpose: load's warning about them is test_dataset's
pytestmark = pytest.mark.filterwarnings("ignore::smmanalytics.DataQualityWarning")

FIX = Path(__file__).parent / "fixtures"
FIXTURES = sorted(p for p in FIX.rglob("*") if p.is_file())
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

_cells = st.text(alphabet=st.sampled_from(list("0123456789,. %-€$KkM'\u00a0\u202faN/")),
                 max_size=12)


@SETTINGS
@given(st.binary(max_size=400))
def test_sniff_random_bytes(data):
    log = QualityLog()
    text, _ = decode(data, file="f", log=log)
    try:
        for t in split_text(text, source="f", log=log):
            assert isinstance(t.frame, pd.DataFrame)
    except SmmError:
        pass


@SETTINGS
@given(st.lists(_cells, max_size=8))
def test_numbers_random_cells(cells):
    try:
        out = parse_numbers(pd.Series(cells, dtype="str"))
    except SmmError:
        return
    assert str(out.dtype) == "Float64" and len(out) == len(cells)


@SETTINGS
@given(st.lists(st.integers(0, 10**9), max_size=8))
def test_numbers_roundtrip_thousands(values):
    # 1234567 written "1 234 567" (NBSP) reads back exactly
    cells = [f"{v:,}".replace(",", "\u00a0") for v in values]
    assert parse_numbers(pd.Series(cells, dtype="str")).tolist() == values


_workbook_cells = st.lists(st.one_of(
    st.integers(-10**12, 10**12), st.floats(allow_infinity=False, width=64), st.none(),
    st.sampled_from(["", "  ", "N/A", "-", "—", "undefined"])), max_size=8)


@SETTINGS
@given(_workbook_cells, st.booleans())
def test_numbers_workbook_cells_are_their_numbers(cells, percent):
    """A workbook column of numbers and empty cells: each number as it is (÷ 100 for a
    percentage column), every empty or N/A cell and NaN missing."""
    out = parse_numbers(pd.Series(cells, dtype=object), percent=percent)
    assert str(out.dtype) == "Float64" and len(out) == len(cells)
    for got, cell in zip(out.tolist(), cells, strict=True):
        number = isinstance(cell, int | float) and cell == cell
        if number:
            assert got == float(cell) * (0.01 if percent else 1.0)
        else:
            assert got is pd.NA


_links = st.lists(st.one_of(st.none(), st.text(max_size=15), st.builds(
    lambda a, v, b: f"{a}https://x.fr/?utm_campaign={v}{b}", st.text(max_size=6),
    st.text(alphabet="abc%+&#é ", max_size=6), st.text(max_size=6))), max_size=8)


@SETTINGS
@given(_links)
def test_extract_with_a_needle_is_extract(cells):
    """Searching only the cells holding the needle changes no result."""
    from smmanalytics.loaders._ids import extract

    values = pd.Series(cells, dtype="string")
    pattern = r"[?&]utm_campaign=([^&\s#\"'<>]+)"
    pd.testing.assert_series_equal(extract(values, pattern, needle="utm_campaign="),
                                   extract(values, pattern))


# what Arrow's utf8_trim_whitespace removes (Zs, and the bidi classes WS, B and S)
_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
           + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000")


@SETTINGS
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.one_of(
    st.sampled_from(_SPACES), st.characters(exclude_categories=["Cs"])), max_size=6)),
    max_size=10))
def test_strip_is_str_strip(cells):
    """Skipping the strip when no cell can start or end with whitespace changes no value."""
    from smmanalytics.loaders._arrow import strip

    values = pd.Series(cells, dtype="str")
    pd.testing.assert_series_equal(strip(values), values.str.strip())
    sliced = values.iloc[1:]
    pd.testing.assert_series_equal(strip(sliced), sliced.str.strip())


@SETTINGS
@given(st.lists(st.one_of(st.none(), _cells), max_size=10), st.integers(0, 3))
def test_may_contain_any_never_misses_a_cell(cells, cut):
    """A column said to hold none of the literals holds none in any cell (the searches a number
    column is spared rest on it), sliced or not; a column not held by Arrow may hold any."""
    from smmanalytics.loaders._arrow import may_contain_any

    values = pd.Series(cells, dtype="str").iloc[cut:]
    for literals in (".,", "kKmMbB", "%"):
        if not may_contain_any(values, literals):
            assert not any(c is not None and any(x in c for x in literals)
                           for c in cells[cut:])
    assert may_contain_any(pd.Series(["12"], dtype=object), ".")


def test_may_contain_any_on_counts():
    """Counts written 12 and 40 hold no mark and no suffix; 1.250 and 1,2K do."""
    from smmanalytics.loaders._arrow import may_contain_any

    plain = pd.Series(["12", " 40", None], dtype="str")
    assert not may_contain_any(plain, ".,")
    assert not may_contain_any(plain, "kKmMbB")
    assert may_contain_any(pd.Series(["12", "1.250"], dtype="str"), ".,")
    assert may_contain_any(pd.Series(["1,2K", "3"], dtype="str"), "kKmMbB")


# invisible characters and others sharing their first bytes (C2, E2, EF in UTF-8): a NBSP,
# «, an em dash, ’, U+2061, U+FEFE; ASCII, è and an emoji
_HOLDING_ALPHABET = st.sampled_from(list("ab è\U0001f33e\u00a0\u00ab\u2014\u2019\u2061\ufefe")
                                    + list("\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f"))


@SETTINGS
@given(st.lists(st.one_of(st.none(), st.text(alphabet=_HOLDING_ALPHABET, max_size=6)),
                max_size=12), st.integers(0, 12), st.integers(0, 3), st.booleans())
def test_cells_holding_is_the_substring_test(cells, split, cut, large):
    """:func:`cells_holding` (bytes compared in place) is ``any(literal in cell)`` for every
    cell, in a column of two chunks, sliced, of either Arrow text type, whatever literals."""
    import pyarrow as pa

    from smmanalytics.loaders._arrow import cells_holding
    from smmanalytics.loaders._ids import INVISIBLE

    kind = pa.large_string() if large else pa.string()
    whole = pa.array(cells, type=kind)
    arr = pa.chunked_array([whole.slice(0, split), whole.slice(split)], type=kind)
    for literals in (INVISIBLE, ["\u2014", "e\u0300", "\u00ad"],
                     ["b\u2019a", "b", "\u2019", "\u2019a"], []):
        want = [c is not None and any(x in c for x in literals) for c in cells]
        assert cells_holding(arr, literals).tolist() == want
        assert cells_holding(arr.slice(cut), literals).tolist() == want[cut:]


def test_cells_holding_invisible_characters():
    """Of a name beyond ASCII, a BOM before one, a missing cell, a typographic apostrophe
    (E2 80 99, the first bytes of a zero-width space's E2 80 8B) and a soft hyphen (C2 AD,
    a NBSP's first byte), the second and last hold an invisible character."""
    import pyarrow as pa

    from smmanalytics.loaders._arrow import cells_holding
    from smmanalytics.loaders._ids import INVISIBLE

    arr = pa.chunked_array([["Maison Sève", "\ufeffMaison"], [None, "l\u2019atelier",
                                                              "auto\u00a0m\u00adne"]])
    assert cells_holding(arr, INVISIBLE).tolist() == [False, True, False, False, True]


@SETTINGS
@given(st.lists(st.one_of(st.none(), st.floats(allow_nan=False, width=32)), max_size=10))
def test_not_whole_is_the_masked_test(values):
    """The numpy test of fractions in a count answers as pandas' masked arrays did."""
    from smmanalytics.loaders._candidate import _not_whole

    s = pd.Series(values, dtype="Float64")
    expected = (s.notna() & (s != s.round())).fillna(False).to_numpy(dtype=bool)
    assert (_not_whole(s) == expected).all()


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(["a", "é", "€", "🌿", "\n"]),
                          st.binary(min_size=1, max_size=2)), max_size=12))
def test_utf8_checked_in_halves_is_utf8(parts):
    """The two halves checked apart, cut where a character begins, are valid exactly when
    the whole is (multi-byte characters and stray bytes around the middle included)."""
    from smmanalytics.loaders._sources import _valid_utf8

    data = b"".join(p.encode() if isinstance(p, str) else p for p in parts)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert not _valid_utf8(data)
    else:
        assert _valid_utf8(data)


_error_cells = st.lists(st.one_of(
    st.none(), st.text(max_size=6),
    st.builds(lambda a, e, b: f"{a}{e}{b}", st.text(alphabet=_SPACES, max_size=2),
              st.sampled_from(["#N/A", "#ref!", "#Div/0!", "#n/a#", "#", "N/A"]),
              st.text(alphabet=_SPACES, max_size=2)),
    st.text(alphabet="#é\xa0 ab", max_size=45)), max_size=10)


@SETTINGS
@given(_error_cells)
def test_error_cells_of_arrow_text_are_those_of_python_strings(cells):
    """Comparing only the short cells that begin with "#" or a space (read from Arrow's
    offsets) finds the same error cells as stripping and lowering every cell in Python."""
    from smmanalytics.loaders._cells import spreadsheet_errors

    expected = spreadsheet_errors(pd.Series(cells, dtype=object))       # cell by cell
    arrow = pd.Series(cells, dtype="str")
    assert spreadsheet_errors(arrow).tolist() == expected.tolist()
    assert spreadsheet_errors(arrow.iloc[1:]).tolist() == expected[1:].tolist()


@SETTINGS
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=6)),
                          st.one_of(st.none(), st.text(max_size=6))), max_size=8))
def test_meta_caption_is_the_longer_text(pairs):
    from smmanalytics.loaders.meta import _longer

    title = pd.Series([t for t, _ in pairs], dtype="string")
    desc = pd.Series([d for _, d in pairs], dtype="string")
    longer = desc.str.len().fillna(0) > title.str.len().fillna(0)
    pd.testing.assert_series_equal(_longer(title, desc), title.where(~longer, desc))


@SETTINGS
@given(st.lists(st.text(max_size=20), max_size=6))
def test_dates_random_text(cells):
    s = pd.Series(cells, dtype="str")
    for fn in (lambda: parse_text_dates(s),
               lambda: parse_datetimes(s, "%m/%d/%Y %H:%M", tz="America/Los_Angeles")):
        try:
            fn()
        except SmmError:
            pass


@SETTINGS
@given(st.dates(min_value=pd.Timestamp("2015-01-01").date(),
                max_value=pd.Timestamp("2030-12-31").date()),
       st.integers(0, 364))
def test_resolve_year_never_after_as_of(as_of, back):
    day = pd.Timestamp(as_of) - pd.Timedelta(days=back)
    parts = parse_text_dates(pd.Series([f"{day:%B} {day.day}"], dtype="str"))
    dates, inferred = resolve_year(parts, pd.Timestamp(as_of))
    if not (day.month == 2 and day.day == 29):
        assert dates[0] == day
    assert dates[0] <= pd.Timestamp(as_of) and inferred[0]


def _mutate(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    b = bytearray(data)
    for kind, pos, length, junk in ops:
        if not b:
            break
        pos %= len(b)
        if kind == 0:
            del b[pos:pos + length]
        elif kind == 1:
            b[pos:pos] = junk
        elif kind == 2:
            b[pos:pos + len(junk)] = junk
        else:
            del b[pos:]
    return bytes(b)


_ops = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(1, 40),
                          st.binary(min_size=1, max_size=12)), min_size=1, max_size=4)


@SETTINGS
@given(st.sampled_from(FIXTURES), _ops)
def test_mutated_fixtures_read_export(fixture, ops):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / fixture.name
        path.write_bytes(_mutate(fixture.read_bytes(), ops))
        try:
            smm.read_export(path)
        except SmmError:
            pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FIXTURES), _ops), min_size=1, max_size=3),
       st.binary(max_size=200))
def test_mutated_folder_load_never_raises(mutations, junk):
    with tempfile.TemporaryDirectory() as d:
        for i, (fixture, ops) in enumerate(mutations):
            (Path(d) / f"{i}_{fixture.name}").write_bytes(_mutate(fixture.read_bytes(), ops))
        (Path(d) / "junk.csv").write_bytes(junk)
        ds = smm.load(d)
        # one row per file, or per member of an archive that could still be read
        assert ds.files["path"].str.split("!").str[0].nunique() == len(mutations) + 1
        for name in ("posts", "daily", "web"):
            assert getattr(ds, name).index.equals(pd.RangeIndex(len(getattr(ds, name))))


def test_archive_in_a_zip_version_zipfile_lacks(tmp_path):
    # a damaged central directory can ask for "zip file version 6.4": not a crash
    data = _mutate((FIX / "linkedin" / "maison-seve_visitors_1791015300000.xlsx").read_bytes(),
                   [(2, 86659, 1, b"\x00\x00@")])
    (tmp_path / "visitors.xlsx").write_bytes(data)
    (tmp_path / "visitors.zip").write_bytes(data)
    assert smm.load(tmp_path / "visitors.xlsx").files["status"].tolist() == ["ok"]  # copes
    ds = smm.load(tmp_path / "visitors.zip")
    assert ds.files["status"].tolist() == ["failed"]
    assert "zip file version" in ds.quality.query("level == 'error'")["message"].iloc[0]


def test_trim_knows_every_character_arrow_trims():
    """Every code point that Arrow's trim removes is one the skip test looks for."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from smmanalytics.loaders._arrow import strip

    cps = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    stripped = pc.utf8_trim_whitespace(pa.array(cps)).to_pylist()
    spaces = [c for c, t in zip(cps, stripped, strict=True) if t == ""]
    assert set(spaces) == set(_SPACES)
    for c in spaces:
        for cell in (f"x{c}", f"{c}x"):
            assert strip(pd.Series([cell], dtype="str")).tolist() == ["x"]


_cell_or_blank = st.one_of(st.none(), st.sampled_from(["", " ", "\u00a0", "0", "x", "1,5"]))


@given(st.lists(st.lists(_cell_or_blank, min_size=3, max_size=3), max_size=12))
def test_blank_rows_are_the_rows_of_empty_cells(rows):
    import numpy as np
    import pyarrow as pa

    from smmanalytics.loaders._sniff import _blank_rows

    def empty(v):
        return v is None or not v.strip()

    expected = [i for i, r in enumerate(rows) if all(empty(v) for v in r)]
    columns = list(zip(*rows, strict=True)) if rows else [(), (), ()]
    arrow = pa.table({str(i): pa.array(list(c), type=pa.large_string())
                      for i, c in enumerate(columns)})
    frame = pd.DataFrame({i: pd.Series(list(c), dtype=object) for i, c in enumerate(columns)})
    assert _blank_rows(arrow).tolist() == expected
    assert _blank_rows(frame).tolist() == expected
    numbers = pa.table({"0": pa.array([None if empty(r[0]) else 1.0 for r in rows],
                                      type=pa.float64()),
                        "1": arrow.column(1), "2": arrow.column(2)})
    assert np.array_equal(_blank_rows(numbers), expected)


#: cells of an export: empty, or text with delimiters, quotes and line breaks inside (a cell
#: whose text starts with a delimiter or a line break is left out: its opening quote, swallowed
#: by an earlier cell left open, reads as that cell's closing quote)
_csv_cell = st.one_of(st.just(""), st.text(alphabet='ab é,;\t"\n\r0', max_size=6)
                      .map(lambda t: "x" + t))


@given(st.lists(st.lists(_csv_cell, min_size=1, max_size=4), min_size=1, max_size=5),
       st.sampled_from([",", ";", "\t"]), st.booleans(), st.data())
def test_the_quoted_cell_left_open_is_found_where_it_opens(rows, delim, quote_all, data):
    from smmanalytics.loaders._cutoff import find_unclosed_quote

    text, quoted = "", []            # the rows as a CSV writes them; (start, end, column)
    for row in rows:
        for column, cell in enumerate(row):
            text += delim if column else ""
            if quote_all or any(ch in cell for ch in (delim, '"', "\n", "\r")):
                quoted.append((len(text), len(text) + len(cell) + cell.count('"') + 2, column))
                cell = '"' + cell.replace('"', '""') + '"'
            text += cell
        text += "\n"
    assert find_unclosed_quote(text, delim) is None
    assume(quoted)
    start, end, column = data.draw(st.sampled_from(quoted))
    assert find_unclosed_quote(text[:end - 1] + text[end:], delim) == (start, column)


_RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
_SV = "januari februari mars april maj juni juli augusti september oktober november " \
      "december".split()
_VI = "Một Hai Ba Tư Năm Sáu Bảy Tám Chín Mười".split() + ["Mười Một", "Mười Hai"]


@SETTINGS
@given(st.dates(min_value=pd.Timestamp("2015-01-01").date(),
                max_value=pd.Timestamp("2030-12-31").date()),
       st.sampled_from(["ja", "ja_year", "ru", "ru_year", "sv", "vi", "vi_digits", "vi_year"]))
def test_ui_language_dates_read_their_day(day, form):
    """TikTok writes dates in the UI language (reference §6.2): each form gives its day."""
    m, d, y = day.month, day.day, day.year
    text = {"ja": f"{m}月{d}日", "ja_year": f"{y}年{m}月{d}日", "ru": f"{d} {_RU[m - 1]}",
            "ru_year": f"{d} {_RU[m - 1]} {y} г.", "sv": f"{d} {_SV[m - 1]}",
            "vi": f"{d} tháng {_VI[m - 1]}", "vi_digits": f"ngày {d} tháng {m}",
            "vi_year": f"ngày {d} tháng {m} năm {y}"}[form]
    parts = parse_text_dates(pd.Series([text], dtype="str"))
    assert parts.loc[0, ["month", "day"]].tolist() == [m, d]
    assert (parts.loc[0, "year"] == y) if form.endswith("_year") else pd.isna(parts.loc[0, "year"])


@SETTINGS
@given(st.dates(min_value=pd.Timestamp("2015-01-01").date(),
                max_value=pd.Timestamp("2030-12-31").date()),
       st.integers(1, 400), st.integers(0, 364), st.integers(1, 3))
def test_resolve_run_year_gives_back_the_run(first, length, after, repeat):
    """A run of consecutive year-less days (each ``repeat`` times, as an hourly file) ending
    ``after`` days before the as-of date is dated exactly, whatever its length."""
    from smmanalytics.loaders._dates import resolve_run_year

    days = pd.date_range(pd.Timestamp(first), periods=length).repeat(repeat)
    as_of = days[-1] + pd.Timedelta(days=after, hours=8)
    parts = parse_text_dates(pd.Series([f"{d:%B} {d.day}" for d in days], dtype="str"))
    dates, inferred, consecutive = resolve_run_year(parts, as_of)
    assert consecutive and inferred.all()
    assert dates.tolist() == list(days)


_DATE_CELLS = st.one_of(
    st.sampled_from(["Tue, Jul 14, 2026", "Jul 14, 2026", "September 25", "28 sept. 2026",
                     "9月13日", "10 tháng Tám", "18 января 2026 г.", "2026-07-14",
                     "2026-07-14 14:30", "7/14/2026 2:30 PM", "14.07.2026", "3/4/26", "",
                     "N/A", "-", "Foo 3, 2026", "31/12/2026 25:00", " jul  14 ,2026 "]),
    st.text(alphabet=st.sampled_from(list("0123456789/.-: ajulyJUL,")), max_size=12))


def _parse_every_row(values, *, first_line, require_year, numeric_order):
    """parse_text_dates as it was: every row parsed, the first bad row raises."""
    from smmanalytics.errors import ParseError
    from smmanalytics.loaders._dates import _parse_distinct

    text = values.astype("str").reset_index(drop=True)
    out, empty, bad = _parse_distinct(text, require_year=require_year,
                                      numeric_order=numeric_order)
    if bad.any():
        pos = int(bad.to_numpy().nonzero()[0][0])
        raise ParseError("cell is not a date", line=first_line + pos, got=str(values.iloc[pos]))
    masked = out.mask(empty).set_axis(values.index)
    masked.attrs = dict(out.attrs)
    return masked


@SETTINGS
@given(st.lists(st.one_of(st.none(), _DATE_CELLS), max_size=30), st.booleans(),
       st.sampled_from(["mdy", "dmy"]), st.sampled_from(["str", "object"]))
def test_text_dates_parsed_once_each_are_every_row_parsed(cells, require_year, order, dtype):
    values = pd.Series(cells, dtype=dtype, index=pd.RangeIndex(100, 100 + 2 * len(cells), 2))
    kw = dict(first_line=7, require_year=require_year, numeric_order=order)
    try:
        want = _parse_every_row(values, **kw)
    except SmmError as exc:
        try:
            parse_text_dates(values, **kw)
        except SmmError as got:
            assert (got.line, got.got) == (exc.line, exc.got)
        else:
            raise AssertionError("no ParseError") from None
        return
    got = parse_text_dates(values, **kw)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got.attrs == want.attrs


_HEADERISH = st.text(alphabet=st.sampled_from(
    [chr(i) for i in range(128)] + list("éÉ’‘\u00a0\u202f\u2009\ufeff\u0301ﬁＴ\u2028ßİ")),
    max_size=14)


@SETTINGS
@given(st.lists(st.one_of(st.none(), st.sampled_from([" Grand  total", '"TOTAL"', "Totaux",
                                                      "total général", "Tota\tl", "Ｔotal",
                                                      "totale\u00a0complessivo", "Summe\x1c",
                                                      "TOTAL:", "Totale :", "total::"]),
                          _HEADERISH, st.integers(-3, 3)), max_size=20))
def test_summary_cells_are_each_cell_normalised(cells):
    from smmanalytics.loaders._cells import LONGEST_SUMMARY, normalized_cells, summary_cells
    from smmanalytics.loaders._headers import SUMMARY_WORDS, normalize

    values = pd.Series(cells, dtype=object, index=range(3, 3 + len(cells)), name="Content")
    text = values.fillna("").astype(str)
    want = (text.map(lambda t: normalize(t).rstrip(":").rstrip()).isin(SUMMARY_WORDS)
            & (text.str.len() <= LONGEST_SUMMARY)).astype(bool)
    pd.testing.assert_series_equal(summary_cells(values), want, check_exact=True)
    texts = pd.Index([c for c in cells if isinstance(c, str)], dtype=object)
    assert normalized_cells(texts).tolist() == [normalize(t) for t in texts]


def _xls(rows):
    """An .xls of one sheet (xlwt): ``("err", "#N/A!")`` writes an error cell, a datetime a
    date cell, ``None`` no cell."""
    import io

    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("S")
    stamp = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM:SS")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, tuple):
                ws.row(r).set_cell_error(c, v[1])
            elif isinstance(v, pd.Timestamp):
                ws.write(r, c, v.to_pydatetime(), stamp)
            elif v is not None:
                ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xls_cell_by_cell(data):
    """_xls_sheets as it was: each cell converted alone."""
    import io

    import xlrd

    book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
    out = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            row = []
            for ctype, value in zip(sheet.row_types(r), sheet.row_values(r), strict=True):
                if ctype == xlrd.XL_CELL_NUMBER and float(value).is_integer() \
                        and abs(value) < 2**53:
                    value = int(value)
                elif ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                elif ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                elif ctype == xlrd.XL_CELL_ERROR:
                    value = xlrd.error_text_from_code[value]
                row.append(value)
            rows.append(row)
        out.append((sheet.name, rows))
    return out


_XLS_CELL = st.one_of(
    st.none(), st.booleans(), st.integers(-2**60, 2**60), st.sampled_from([2**53, 2**53 - 1,
                                                                          -0.0, 0.5, 1e300]),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=5),
    st.tuples(st.just("err"), st.sampled_from(["#N/A!", "#DIV/0!", "#VALUE!"])),
    st.datetimes(min_value=pd.Timestamp("1900-03-01").to_pydatetime(),
                 max_value=pd.Timestamp("2100-01-01").to_pydatetime()).map(pd.Timestamp))


@SETTINGS
@given(st.lists(st.lists(_XLS_CELL, max_size=5), max_size=6))
def test_xls_cells_converted_by_type_are_each_cell_converted(rows):
    from smmanalytics.loaders._sources import _xls_sheets

    data = _xls(rows)
    got, want = _xls_sheets(data), _xls_cell_by_cell(data)
    assert got == want
    # same values of the same types (1 == 1.0 == True would pass the comparison alone)
    assert [[type(v) for v in row] for _, s in got for row in s] \
        == [[type(v) for v in row] for _, s in want for row in s]


def _hms_every_row(cells, *, first_line):
    """hms_seconds as it was: every row read (a ParseError names only the line and cell)."""
    import numpy as np

    from smmanalytics.errors import ParseError
    from smmanalytics.loaders._tidy import cells_text

    s = cells_text(cells).reset_index(drop=True)
    parts = s.str.extract(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")

    def _f(x):
        return pd.to_numeric(x, errors="coerce").astype("Float64")

    plain = _f(s.where(s.str.fullmatch(r"\d+(?:\.\d+)?").fillna(False)))
    hms = _f(parts[0]).fillna(0) * 3600 + _f(parts[1]) * 60 + _f(parts[2])
    out = hms.where(parts[2].notna(), plain)
    bad = s.notna() & out.isna()
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ParseError("cell is not a duration", line=first_line + pos, got=str(s.iloc[pos]))
    return pd.Series(out.to_numpy(dtype="float64"), dtype="Float64")


@SETTINGS
@given(st.lists(st.one_of(st.none(), st.integers(0, 5000), st.sampled_from(
    ["0:03:12", "12:05", "1:02:03", "45", "7.5", "", "-", "undefined", "1:2", "x", " 0:10 "]),
    st.text(alphabet=st.sampled_from(list("0123456789:. a")), max_size=9)), max_size=25))
def test_durations_read_once_each_are_every_row_read(cells):
    from smmanalytics.loaders._tidy import hms_seconds

    values = pd.Series(cells, dtype=object, index=range(50, 50 + len(cells)))
    try:
        want = _hms_every_row(values, first_line=4)
    except SmmError as exc:
        try:
            hms_seconds(values, file="f", column="Duration", first_line=4)
        except SmmError as got:
            assert (got.line, got.got) == (exc.line, exc.got)
        else:
            raise AssertionError("no ParseError") from None
        return
    got = hms_seconds(values, file="f", column="Duration", first_line=4)
    pd.testing.assert_series_equal(got, want, check_exact=True)


def test_a_folder_whose_snapshots_are_all_unknown_loads(tmp_path):
    """Hypothesis' find: Facebook's Audience export with a NUL byte in its title line is read
    without its date, beside a file not read: every ``snapshot_at`` of the files table was
    unknown, came as naive NaT, and its cast to UTC raised a TypeError out of load."""
    fixture = Path(__file__).parent / "fixtures" / "meta" / "facebook_Audience.csv"
    (tmp_path / "0_facebook_Audience.csv").write_bytes(
        _mutate(fixture.read_bytes(), [(0, 53, 2, b"\x00")]))
    (tmp_path / "junk.csv").write_bytes(b"")
    ds = smm.load(tmp_path, cache=False)
    assert ds.files["status"].tolist() == ["ok", "failed"]    # junk.csv: an empty download
    assert ds.files["snapshot_at"].isna().all()
    assert str(ds.files["snapshot_at"].dtype) == "datetime64[ns, UTC]"


@SETTINGS
@given(st.integers(2015, 2030), st.integers(1, 12), st.integers(1, 31), st.booleans())
def test_publish_times_are_read_as_written_or_refused(year, month, day, padded):
    """A written day exists in its month and is read as written, or it does not and the cell
    is refused: never read as another day (Arrow's strptime rolls 31 April over to 1 May)."""
    import calendar

    cell = (f"{month:02d}/{day:02d}/{year} 10:30" if padded else f"{month}/{day}/{year} 10:30")
    s = pd.Series(["01/15/2020 08:00", cell], dtype="str")
    if day <= calendar.monthrange(year, month)[1]:
        got = parse_datetimes(s, "%m/%d/%Y %H:%M", tz="UTC")[0].iloc[1]
        assert got == pd.Timestamp(year, month, day, 10, 30, tz="UTC")
    else:
        with pytest.raises(SmmError, match="impossible calendar date"):
            parse_datetimes(s, "%m/%d/%Y %H:%M", tz="UTC")


@SETTINGS
@given(st.lists(st.datetimes(min_value=datetime.datetime(1, 1, 1)), min_size=1, max_size=8),
       st.lists(st.sampled_from(["%Y", "%m", "%d", "%H", "%M", "%S", "%b", "%p", "%%", "/",
                                 " ", "T", "h", "-", ""]), max_size=7))
def test_roll_over_check_writes_times_as_arrows_strftime(times, codes):
    """The roll-over check writes the suspect times back in the file's format from their
    fields when it has numbers only: the text is Arrow's strftime's, for any time in seconds
    and any mix of codes and literal text (month names and the rest go to strftime)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from smmanalytics.loaders._dates import _strftime

    arr = pa.array(np.array(times, dtype="datetime64[s]"))
    fmt = "".join(codes)
    assert _strftime(arr, fmt).to_pylist() == pc.strftime(arr, format=fmt).to_pylist()
