"""Exact publish times decoded from post ids (reference §9.3), vectorised.

- X / Twitter snowflake: ``utc_ms = (id >> 22) + 1288834974657``.
- TikTok video id: ``utc_s = id >> 32`` (the upload time).
- Instagram shortcode (the ``/p/<code>/`` or ``/reel/<code>/`` part of the permalink): base-64
  with the alphabet ``A-Z a-z 0-9 - _`` → media pk; ``utc_ms = (pk >> 23) + 1314220021721``.
- LinkedIn activity urn ``urn:li:activity:<n>``: the first 41 bits of n are ms since the epoch,
  ``utc_ms = n >> 22``.

Each function returns tz-aware UTC, NaT where an id does not decode to a plausible time
(between 2010-01-01 and now + 1 day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..quality import counted
from ._cells import isinstance_cells

__all__ = ["beyond_ascii", "x_snowflake_time", "tiktok_id_time", "instagram_shortcode_time",
           "linkedin_urn_time", "instagram_shortcode", "rounded_ids", "stored_rounded",
           "zeros_rounded", "cut_to_15_digits", "read_ids", "IdsRead", "INVISIBLE",
           "without_invisible", "PLAUSIBLE_START"]

PLAUSIBLE_START = pd.Timestamp("2010-01-01", tz="UTC")
_X_EPOCH_MS = 1288834974657
_IG_EPOCH_MS = 1314220021721
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_LOOKUP = np.full(128, -1, dtype=np.int64)
for _i, _c in enumerate(_ALPHABET):
    _LOOKUP[ord(_c)] = _i


def _ints(ids: pd.Series, pattern: str = r"\d{1,20}") -> tuple[np.ndarray, np.ndarray]:
    """Unsigned 64-bit integers of digit strings; returns (values, valid mask)."""
    s = ids.astype("str").str.strip()
    ok = s.str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool).copy()
    vals = np.zeros(len(s), dtype=np.uint64)
    if ok.any():
        digits = s[ok]
        fits = (digits.str.len() < 20) | (digits <= "18446744073709551615")
        okpos = np.flatnonzero(ok)
        ok[okpos[~fits.to_numpy(dtype=bool)]] = False
        vals[ok] = s[ok].astype("uint64").to_numpy()
    return vals, ok


#: characters without a glyph that a paste or two files concatenated leave in a cell: a BOM
#: (U+FEFF, which ``str.strip`` keeps: it is no whitespace), zero-width spaces and joiners, a
#: word joiner, a soft hyphen, direction marks. In an id they make another post of the same.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f"
_INVISIBLE = f"[{INVISIBLE}]"
#: the invisible characters a name (a campaign, an account) may hold as text, which a text
#: key keeps (:func:`without_invisible` ``keep_text``): a joiner (ZWNJ U+200C, ZWJ U+200D)
#: between two characters beyond ASCII makes one emoji of two (``👩\u200d🌾``, the woman
#: farmer) or shapes a Persian or Indic word, and a direction mark (LRM U+200E, RLM U+200F)
#: inside a name orders its words of two scripts. A joiner touching ASCII or an end joins
#: nothing, a mark at an end orders nothing: debris, as are a BOM, a zero-width space, a word
#: joiner and a soft hyphen anywhere (``auto\u00admne-2026`` is no campaign's name)
_TEXT_DEBRIS = re.compile(
    "[\ufeff\u200b\u2060\u00ad]"
    "|(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])"
    "|^[\u200e\u200f]+|[\u200e\u200f]+$")
#: an integer id (Meta's page-scoped ``<page>_<post>`` too)
_INTEGER_ID = r"\d+(?:_\d+)?"
#: an integer as a spreadsheet formats a number: groups of three digits split by one
#: separator (``,`` ``.`` ``'`` or a space, NBSP and thin spaces included) and/or a zero
#: fraction (``156,342,656,321,304,608.0``, ``150 408 236 256 573 184``, ``8796….0``); the
#: groups are taken first, so ``1,000`` is a thousand
_FORMATTED = (r"(?P<int>\d{1,3}(?P<sep>[,.'\s])\d{3}(?:(?P=sep)\d{3})*|\d+)"
              r"(?:[.,]0+)?")
#: a number no id can be: a percentage, an abbreviation (``1.2K``), a sign, a fraction
#: (the minus sign U+2212 written as itself: Arrow's RE2 refuses a ``\u`` escape)
_NUMBER = "[-+\u2212]?" r"\s*\d[\d.,'\s]*\s*[%kKmMbB]?"
#: the significant digits Excel keeps of a number (its files write 15 digits and a float's
#: rounding): an id of 16 digits or more stored as a number lost its last digits
_EXCEL_DIGITS = 15


@dataclass(frozen=True)
class IdsRead:
    """What :func:`read_ids` made of an id column: the ``ids`` read, which rows held
    ``invisible`` characters (removed) or a spreadsheet's ``unformatted`` number (read back
    as its digits), and the first row of a number ``refused`` as an id (None when none)."""

    ids: pd.Series
    invisible: np.ndarray
    unformatted: np.ndarray
    refused: int | None


def read_ids(ids: pd.Series) -> IdsRead:
    """The ids of a column of text ids (stripped, NA when empty), read by one rule for every
    loader.

    Invisible characters (:data:`INVISIBLE`) are removed wherever they stand: a stray BOM
    before a line made ``'\\ufeff8796…'`` a second post besides ``'8796…'`` of another
    export. In a column of integer ids (half of its ids or more are digits, as written or
    formatted), a cell that a spreadsheet formatted as a number (:data:`_FORMATTED`) is read
    back as its digits when they are as long as the column's other ids (any length when all
    are formatted); any other number (``1.2K``, ``12%``, ``-159…``, ``1.5``, digits of another
    length) names no post and is ``refused``. Ids in scientific notation, and formatted numbers
    of more than 15 digits (a spreadsheet keeps 15: ``8,383,178,366,578,860`` was
    ``8383178366578861``), are left as written to :func:`rounded_ids`, words (``Total``) to
    the loaders, ids that are no integers (YouTube's) keep their characters.
    """
    cells = ids.astype("string")
    integer = _integer_ids(cells)
    # a cell of digits holds no invisible character: only the others are searched (a
    # million clean ids pay one pass of the pattern, not two)
    cells, invisible = without_invisible(cells, among=~integer)
    if invisible.any():
        at = np.flatnonzero(invisible)
        integer[at] = cells.iloc[at].str.fullmatch(_INTEGER_ID).fillna(False).to_numpy(bool)
    present = cells.notna().to_numpy(bool)
    odd = present & ~integer
    none = np.zeros(len(cells), dtype=bool)
    if not odd.any():
        return IdsRead(cells, invisible, none, None)
    digits = _formatted_digits(cells.where(odd))
    formatted = digits.notna().to_numpy(bool, copy=True)
    if 2 * (integer | formatted).sum() < present.sum():     # no column of integer ids
        return IdsRead(cells, invisible, none, None)
    rounded = formatted & _too_long(digits)      # left as written, for rounded_ids
    formatted &= ~rounded
    lengths = cells[integer].str.len()
    if len(lengths):
        formatted &= digits.str.len().between(lengths.min(), lengths.max()) \
            .fillna(False).to_numpy(bool)
    refused = odd & ~formatted & ~rounded \
        & cells.str.fullmatch(_NUMBER).fillna(False).to_numpy(bool)
    first = int(np.flatnonzero(refused)[0]) if refused.any() else None
    return IdsRead(cells.mask(formatted, digits), invisible, formatted, first)


def without_invisible(cells: pd.Series, among: np.ndarray | None = None, *,
                      keep_text: bool = False) -> tuple[pd.Series, np.ndarray]:
    """``cells`` (stripped text) with the :data:`INVISIBLE` characters removed wherever they
    stand, stripped again (a cell left empty: NA), and which cells held one; only the cells
    ``among`` (a bool mask; all by default) are searched. The caller's series is not changed.

    One rule for every text that joins one table to another (ids, campaigns, sources): a BOM
    is no whitespace, so ``str.strip`` keeps it, and ``'\\ufeffinstagram'`` was a source of no
    platform, ``'auto\\u00admne-2026'`` a campaign of no cost line. Names (``keep_text``) keep
    the joiners and direction marks that are part of their text (:data:`_TEXT_DEBRIS`): an
    account ``Maison Sève 👩\\u200d🌾`` stays so, where an id holds no such text."""
    cells = cells.astype("string")
    if among is not None and not among.any():   # a million clean ids: no cell to search
        return cells, np.zeros(len(cells), dtype=bool)
    invisible = _holding_invisible(cells)
    if among is not None:
        invisible &= among
    if not invisible.any():
        return cells, invisible
    at = np.flatnonzero(invisible)
    held = cells.iloc[at]
    # the few cells holding one are mended by Python's re: Arrow's RE2 has no lookaround
    mended = (held.map(lambda cell: _TEXT_DEBRIS.sub("", cell)) if keep_text
              else held.str.replace(_INVISIBLE, "", regex=True)).str.strip()
    invisible[at] = (mended != held).to_numpy(bool)
    cells = cells.copy()
    cells.iloc[at] = mended.replace("", pd.NA)
    return cells, invisible


def beyond_ascii(cells: pd.Series) -> np.ndarray:
    """Which cells hold a character beyond ASCII (NA: False; a writable array), the only ones
    a full-width digit can be in (``_dates.without_full_width``): a million timestamps of
    ASCII are not searched (0.154 → 0.019 s of CPU)."""
    import pyarrow.compute as pc

    ascii_only = pc.fill_null(pc.string_is_ascii(_arrow_cells(cells)), True)
    return ~np.asarray(ascii_only.to_numpy(zero_copy_only=False), dtype=bool)


def _holding_invisible(cells: pd.Series) -> np.ndarray:
    """Which cells hold an :data:`INVISIBLE` character (NA: False; a writable bool array),
    found in the bytes of the cells' Arrow text (:func:`~._arrow.cells_holding`): RE2's
    character class, cell by cell, took 80 ms of the 1M-row load on account names beyond
    ASCII (``Maison Sève``), the only cells it searched (``Candidate.texts_of`` 0.28 → 0.43
    → 0.39 s as the text keys were cleaned)."""
    from ._arrow import cells_holding

    return cells_holding(_arrow_cells(cells), INVISIBLE)


def _integer_ids(values: pd.Series) -> np.ndarray:
    """Which cells are integer ids (:data:`_INTEGER_ID`; NA: False; a writable bool array):
    the cells of ASCII digits by Arrow's check, a tenth of the pattern's cost on a million ids
    (0.009 against 0.089 s), the pattern kept for the others (Meta's ``<page>_<post>``)."""
    import pyarrow.compute as pc

    digits = pc.fill_null(pc.ascii_is_decimal(_arrow_cells(values)), False)
    integer = np.array(digits.to_numpy(zero_copy_only=False), dtype=bool)
    rest = np.flatnonzero(~integer & values.notna().to_numpy(bool))
    if len(rest):
        integer[rest] = values.iloc[rest].astype("string").str.fullmatch(_INTEGER_ID) \
            .fillna(False).to_numpy(bool)
    return integer


def _formatted_digits(cells: pd.Series) -> pd.Series:
    """The digits of each cell written as a spreadsheet formats an integer
    (:data:`_FORMATTED`), NA elsewhere."""
    return cells.str.extract(f"^{_FORMATTED}$")["int"].str.replace(r"\D", "", regex=True)


def _too_long(digits: pd.Series) -> np.ndarray:
    """Which digits (NA: none) are more than the 15 significant ones a spreadsheet keeps."""
    return (digits.str.lstrip("0").str.len() > _EXCEL_DIGITS).fillna(False).to_numpy(bool)


def rounded_ids(ids: pd.Series, cells: pd.Series | None) -> np.ndarray:
    """Which numeric ids a spreadsheet rounded (bool array, one per row of ``ids``).

    ``ids`` is the id column as text, ``cells`` its raw cells. An id is rounded when it is
    written in scientific notation (``2.07706E+18``, ``1.123456789012346e+18``: a CSV re-saved
    by a spreadsheet), when it is a number of more than 15 digits a spreadsheet formatted
    (``8,383,178,366,578,860`` for ``8383178366578861``, ``…860.0``: the number went through
    its float, which keeps 15; :func:`read_ids` leaves those as written), or when a workbook
    stored it as a number of more than 15 digits (:func:`stored_rounded`). Only the ids that
    are not plain digits are searched: the digits of a CSV are exact.
    """

    rounded = np.zeros(len(ids), dtype=bool)
    odd = np.flatnonzero(~_integer_ids(ids) & ids.notna().to_numpy(bool))
    if len(odd):
        text = ids.iloc[odd]
        sci = text.str.fullmatch(r"\d+(?:[.,]\d*)?[eE]\+?\d+").fillna(False).to_numpy(bool)
        rounded[odd] = sci | _too_long(_formatted_digits(text))
    return rounded if cells is None else rounded | stored_rounded(cells)


def stored_rounded(cells: pd.Series) -> np.ndarray:
    """Which raw cells of an id column are numbers of more than 15 digits (bool array).

    Excel keeps 15 significant digits: a 16-digit Facebook id stored as a number,
    ``8383178366578861``, is saved as ``8383178366578860``, which reads as digits but names
    another post or none; past 2**53 a float rounds it further (``2017870533229102281`` →
    ``…102080``). The cell cannot tell a rounded id from an exact one ending in 0, so every
    such id is unreliable, whatever its size. A CSV's cells are text (exact): none is.
    """
    if cells.dtype != object:
        return np.zeros(len(cells), dtype=bool)
    numbers = cells.where(isinstance_cells(cells, (int, float, np.number), exclude=bool))
    size = pd.to_numeric(numbers, errors="coerce").astype("float64").abs()
    return (size >= 10.0**_EXCEL_DIGITS).to_numpy(dtype=bool)


def differ_from_links(c, ctx, ids: pd.Series, link_ids: pd.Series, noted: pd.Series,
                      what: str, link: str) -> pd.Series:
    """The rows whose id differs from the id in their own link (``noted`` aside: ids whose
    rounding was noted already), noted ``post_id_from_link`` on ``ctx`` with the first row's
    line in the candidate ``c``'s table: the link's id is the post's, a spreadsheet keeping
    15 digits of an id it writes back (``1123456789012340000`` for ``…012345678``). ``what``
    names a post (``post``, ``Pin``), ``link`` the id's place in its link (``/pin/{}/``)."""
    other = ~noted & ids.notna() & link_ids.notna() & (ids != link_ids).fillna(False)
    if other.any():
        first, n = int(np.flatnonzero(other.to_numpy(bool))[0]), int(other.sum())
        ids_differ = counted(n, f"{what} id differs", f"{what} ids differ")
        ctx.note("post_id_from_link", f"{ids_differ} from the id in the {what}'s own link "
                 f"({ids.iloc[first]} for {link.format(link_ids.iloc[first])}, line "
                 f"{c.table.line_of(first)}: a spreadsheet keeps 15 digits); the link's id "
                 "was used", rows=n)
    return other


def zeros_rounded(ids: pd.Series, link_ids: pd.Series, figures: pd.DataFrame) -> np.ndarray:
    """Which ids a spreadsheet rounded to its 15 significant digits and wrote back as plain
    digits (bool array, one per row of ``ids``), as far as the file tells.

    ``2116627530644909089`` saved so is ``2116627530644900000``: digits, the size of an id,
    nothing :func:`rounded_ids` sees. An id of 16 digits or more ending in three zeros is
    taken as rounded when the file contradicts it: a row's own link names another post
    (``link_ids``, the id in each row's link, NA without one), or the id comes again with
    other figures (``figures``, the rows' numbers: three Pins rounded to one id). Every row
    of such an id is marked, those without a link too: their id names no post. An exact id
    ending in 000 (one in a thousand) is left alone unless the file contradicts it.
    """
    written = ids.astype("string")
    suspect = written.str.fullmatch(r"\d{13,}000").fillna(False).to_numpy(bool)
    if not suspect.any():
        return suspect
    links = link_ids.astype("string")
    contradicted = suspect & (links.notna() & (links != written)).fillna(False).to_numpy(bool)
    bad = set(written[contradicted])
    distinct = figures.loc[suspect].assign(_id=written[suspect].to_numpy()).drop_duplicates()
    bad |= set(distinct["_id"][distinct["_id"].duplicated()])
    return suspect & written.isin(bad).fillna(False).to_numpy(bool)


#: how many zeros past the 15th digit a file's ids must show in all, for them to be taken for
#: a spreadsheet's rounding rather than chance: 3, one chance in a thousand for exact ids
_ZEROS_NOT_CHANCE = 3


def cut_to_15_digits(ids: pd.Series) -> np.ndarray:
    """Which ids of a file without links to read them from (Meta's: a Facebook link names
    the post by a ``pfbid``) a spreadsheet cut to its 15 significant digits and wrote back
    as plain digits (bool array, one per row of ``ids``), as the whole file tells.

    ``115898602228265216`` saved so is ``115898602228265000``, ``5842367960733158``
    ``5842367960733150``: an id of 16 digits or more whose digits after the 15th are all 0.
    A spreadsheet cuts every long id of its column, and an exact id ends so by chance (one
    16-digit id in ten, an 18-digit one in a thousand): such ids are taken as cut when they
    are most of the file's long ids and their zeros past the 15th digit add up to
    :data:`_ZEROS_NOT_CHANCE` or more (three 16-digit ids ending in 0, one 18-digit id ending
    in 000). An exact id ending in zeros among ids that do not is left alone. One taken for
    cut wrongly is only matched by its link rather than its id.
    """
    import pyarrow.compute as pc

    # told by Arrow's kernels as ``\d{16,}`` and ``\d{15}0+`` would (any decimal digit, the
    # zeros ASCII), at a fifth of the two regular expressions' cost on a million ids; the
    # zeros are looked for in the long ids ending in 0 only
    written = _arrow_cells(ids.astype("string").str.strip())
    size = pc.utf8_length(written).to_numpy(zero_copy_only=False)
    long = pc.fill_null(pc.utf8_is_decimal(written), False).to_numpy() & (size >= 16)
    ends = np.flatnonzero(long & pc.fill_null(pc.ends_with(written, "0"), False).to_numpy())
    past_15 = pc.utf8_slice_codeunits(written.take(ends), 15)
    cut = np.zeros(len(ids), dtype=bool)
    cut[ends] = pc.equal(pc.utf8_rtrim(past_15, characters="0"), "").to_numpy()
    zeros = int((size[cut] - 15).sum())
    if 2 * cut.sum() <= long.sum() or zeros < _ZEROS_NOT_CHANCE:
        return np.zeros(len(ids), dtype=bool)
    return cut


def _to_utc(ms: np.ndarray, ok: np.ndarray, index: pd.Index) -> pd.Series:
    ms = np.where(ok, ms, 0).astype(np.int64)
    out = pd.Series(pd.to_datetime(ms, unit="ms", utc=True), index=index)
    # an id's time is an instant in UTC, not a day of some zone: a day's slack (a clock
    # ahead) where a file's dates take two (``_snapshot._FUTURE_SLACK``)
    upper = pd.Timestamp.now(tz="UTC") + pd.Timedelta(days=1)
    keep = ok & (out >= PLAUSIBLE_START).to_numpy() & (out <= upper).to_numpy()
    return out.where(keep).astype("datetime64[ns, UTC]")


def x_snowflake_time(ids: pd.Series) -> pd.Series:
    """Creation time of X posts from their snowflake ids (UTC, ms precision)."""
    vals, ok = _ints(ids)
    ms = (vals >> np.uint64(22)).astype(np.int64) + _X_EPOCH_MS
    return _to_utc(ms, ok, ids.index)


def tiktok_id_time(ids: pd.Series) -> pd.Series:
    """Upload time of TikTok videos from their ids (UTC, second precision)."""
    vals, ok = _ints(ids)
    ms = (vals >> np.uint64(32)).astype(np.int64) * 1000
    return _to_utc(ms, ok, ids.index)


def linkedin_urn_time(urns: pd.Series) -> pd.Series:
    """Creation time from ``urn:li:activity:<n>`` (or a bare ``<n>``, or a URL containing it)."""
    n = urns.astype("str").str.extract(r"(?:activity[:\-]|^)(\d{15,20})", expand=False)
    vals, ok = _ints(n.fillna(""))
    ms = (vals >> np.uint64(22)).astype(np.int64)
    return _to_utc(ms, ok, urns.index)


def instagram_shortcode(permalinks: pd.Series) -> pd.Series:
    """The shortcode of an Instagram permalink (``/p/``, ``/reel/``, ``/reels/``, ``/tv/``)."""
    return extract(permalinks,
                   r"instagram\.com/(?:[^/?#]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]+)")


def extract(values: pd.Series, pattern: str, *, needle: str | None = None) -> pd.Series:
    """First group of ``pattern`` in each cell (string, NA when no match), run by Arrow (RE2).

    ``needle``, a literal every match contains, lets the regular expression run only on the
    cells that contain it (:func:`extract_rows`).
    """
    import pyarrow as pa

    if needle is not None:
        rows, got = extract_rows(values, pattern, needle=needle)
        # back to every row: the searched ones' results, else null
        where = np.full(len(values), -1, dtype=np.int64)
        where[rows] = np.arange(len(rows))
        got = got.take(pa.array(where, mask=where < 0))
        return pd.Series(pd.array(got, dtype="string"), index=values.index)
    got = _first_group(_arrow_cells(values), pattern)
    if got is None:
        return values.astype("str").str.extract(pattern, expand=False).astype("string")
    return pd.Series(pd.array(got, dtype="string"), index=values.index)


def extract_rows(values: pd.Series, pattern: str, *, needle: str):
    """The positions of the cells that contain ``needle`` (a literal every match of
    ``pattern`` contains), and the first group of ``pattern`` in each of them (an Arrow
    array, null where it does not match).

    The cells are found by a plain substring search, many times faster than the regular
    expression, which then runs once per distinct cell: the links of a campaign repeat from
    post to post (a million-row export's 125,000 captions with a ``utm_campaign=`` were one
    text, searched 125,000 times).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = _arrow_cells(values)
    rows = np.flatnonzero(pc.fill_null(pc.match_substring(arr, needle), False)
                          .to_numpy(zero_copy_only=False))
    cells = pc.dictionary_encode(arr.take(rows).combine_chunks())
    got = _first_group(cells.dictionary, pattern)
    if got is None:       # not RE2's syntax: pandas, on the distinct cells
        got = pa.array(pd.Series(cells.dictionary.to_pandas(), dtype="str")
                       .str.extract(pattern, expand=False).astype("string").array)
    return rows, got.take(cells.indices)


def _arrow_cells(values: pd.Series):
    """The cells as Arrow text: Arrow-backed text is searched where it lies."""
    import pyarrow as pa

    from ._arrow import arrow_text

    arr = arrow_text(values)
    if arr is None:
        arr = pa.chunked_array([pa.array(values.astype("str"), type=pa.string(),
                                         from_pandas=True)])
    return arr


def _first_group(arr, pattern: str):
    """First group of ``pattern`` in each cell of the Arrow text ``arr`` (null where it does
    not match); None when RE2 does not take ``pattern``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    named = re.sub(r"(?<!\\)\((?!\?)", "(?P<g>", pattern, count=1)
    try:
        return pc.struct_field(pc.extract_regex(arr, pattern=named), [0])
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def instagram_shortcode_time(codes: pd.Series) -> pd.Series:
    """Creation time of Instagram media from shortcodes (UTC, ms precision).

    Codes longer than 11 characters (private/long ids) do not fit in 64 bits and give NaT.
    """
    s = codes.astype("str").fillna("").str.strip()
    ok = s.str.fullmatch(r"[A-Za-z0-9_-]{1,11}").fillna(False).to_numpy(dtype=bool).copy()
    padded = s.where(ok, "").str.rjust(11, "A").to_numpy(dtype=object)
    if len(padded):
        raw = np.frombuffer("".join(padded).encode("ascii"), dtype=np.uint8).reshape(-1, 11)
    else:
        raw = np.zeros((0, 11), dtype=np.uint8)
    digits = _LOOKUP[raw]
    # pk = high * 2**36 + low, high = first 5 digits (30 bits), low = last 6 digits (36 bits)
    high = np.zeros(len(s), dtype=np.int64)
    low = np.zeros(len(s), dtype=np.int64)
    for col in range(5):
        high = high * 64 + digits[:, col]
    for col in range(5, 11):
        low = low * 64 + digits[:, col]
    ok &= high < (1 << 27)  # pk < 2**63
    ms = high * (1 << 13) + (low >> 23) + _IG_EPOCH_MS
    return _to_utc(ms, ok, codes.index)
