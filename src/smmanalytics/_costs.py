"""costs.csv: reading and validation (re-exported by :mod:`smmanalytics.roi`)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ._args import path_of
from ._io import closest_key, file_name, read_user_text, unknown_key, user_csv
from .errors import ConfigError, DataQualityWarning
from .loaders._cutoff import hand_made_cut
from .loaders._dates import MONTHS, file_numeric_order
from .loaders._ids import without_invisible
from .loaders._numbers import (
    AMBIGUOUS_COMMA,
    AMBIGUOUS_DOT,
    CURRENCY_SIGNS,
    DOLLAR,
    GROUPED,
    SPACE_GROUPED,
    space_example,
)
from .periods import parse_period
from .quality import counted
from .schema import canonical_platform, platforms_expected

__all__ = ["CATEGORIES", "COST_COLUMNS", "DOLLAR_CURRENCIES", "dollar_currency", "read_costs"]

CATEGORIES = ("ad_spend", "labor", "tools", "production", "influencer", "other")
COST_COLUMNS = ("start", "end", "category", "amount", "currency", "platform", "campaign",
                "hours", "hourly_rate", "note")
_CATEGORY_SYNONYMS = {"ads": "ad_spend", "ad": "ad_spend", "advertising": "ad_spend",
                      "media": "ad_spend", "paid": "ad_spend", "labour": "labor",
                      "staff": "labor", "tool": "tools", "software": "tools",
                      "influencers": "influencer", "creator": "influencer",
                      "creators": "influencer",
                      # French and Italian names, written without accents (_category_key):
                      # an Italian agency's "pubblicità" was refused (s58RI)
                      "publicite": "ad_spend", "pub": "ad_spend", "achat_media": "ad_spend",
                      "depenses_publicitaires": "ad_spend", "annonces": "ad_spend",
                      "pubblicita": "ad_spend", "annunci": "ad_spend",
                      "inserzioni": "ad_spend", "sponsorizzazioni": "ad_spend",
                      "acquisto_media": "ad_spend", "spesa_pubblicitaria": "ad_spend",
                      "main_d_oeuvre": "labor", "main_d_œuvre": "labor",
                      "personnel": "labor", "travail": "labor", "lavoro": "labor",
                      "manodopera": "labor", "personale": "labor",
                      "outil": "tools", "outils": "tools", "logiciel": "tools",
                      "logiciels": "tools", "strumento": "tools", "strumenti": "tools",
                      "produzione": "production",
                      "influenceur": "influencer", "influenceurs": "influencer",
                      "influenceuse": "influencer", "influenceuses": "influencer",
                      "createur": "influencer", "createurs": "influencer",
                      "creatore": "influencer", "creatori": "influencer",
                      "autre": "other", "autres": "other", "divers": "other",
                      "altro": "other", "altri": "other", "varie": "other"}
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a date written in numbers, day and month in an order the cell does not tell (31/10/2026,
#: 31.10.26)
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
#: a date with its month's name, day first, as a spreadsheet in English shows one it took
#: for a date (03-Jan-25, 3-Jan-2025; French, Italian: 03-janv.-25, 3-gen-2025), or without
#: its year (3-Jan, Excel's d-mmm), which no day can be placed from
_NAMED = re.compile(r"^(\d{1,2})[-\s]([^\W\d_]+)\.?(?:[-\s](\d{2}|\d{4}))?$")


#: a number that reads as thousands or as a decimal (``1.200``, ``1,200``), the loaders'
#: patterns: the file's evidence, then its delimiter, decide (as the loaders' column's
#: evidence, then the file's locale, do)
_AMBIGUOUS = {".": re.compile(AMBIGUOUS_DOT), ",": re.compile(AMBIGUOUS_COMMA)}
_NUMBER_COLUMNS = ("amount", "hours", "hourly_rate")
#: a cost cell's number once its sign, currency and thousands marks are off, its decimal mark
#: a '.': ASCII digits, with a decimal part or not (``1200``, ``1200.50``, ``.5``)
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
#: a space between two digits of a cost cell: a thousands mark, which must stand between
#: groups of three digits (:data:`~smmanalytics.loaders._numbers.SPACE_GROUPED`), as the
#: loaders check it
_SPACED = re.compile(r"\d\s+\d")
_SPACE_GROUPED = re.compile(SPACE_GROUPED)


#: the currencies written with a bare ``$``: a ``$`` in a cost cell (or a GA4 revenue cell) is
#: "a dollar", which of them its line's currency column (or else the brand's currency) says;
#: USD when neither is one
DOLLAR_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "ARS",
                               "CLP", "COP", "UYU"})
#: a number cell's text around its number: an ISO 4217 code before or after it (``USD 300``,
#: ``300 usd``), once the signs and spaces are gone
_CODED = re.compile(r"([A-Za-z]{3})?(.*?)([A-Za-z]{3})?", re.S)


def _split_currency(text: str) -> tuple[str, set[str]]:
    """A number cell without its spaces (thousands), and the currencies written in it: its
    signs read through :data:`~smmanalytics.loaders._numbers.CURRENCY_SIGNS` (the mapping GA4
    reads revenue with: ``$`` as :data:`~smmanalytics.loaders._numbers.DOLLAR`, a dollar of
    no country yet, which :func:`_line_currency` says; ``CA$``, ``US$``… as their code), and
    its ISO 4217 code upper-cased. They were stripped unread: ``$200`` counted as 200 of the
    brand's currency."""
    s = re.sub(r"[\s\u00a0\u202f]", "", text)
    codes = set()
    for sign, code in CURRENCY_SIGNS:
        if sign in s:
            codes.add(code)
            s = s.replace(sign, "")
    before, number, after = _CODED.fullmatch(s).groups()
    return number, codes | {c.upper() for c in (before, after) if c}


@functools.cache
def _iso_currencies() -> frozenset[str]:
    """The ISO 4217 codes (babel's, from CLDR: current and withdrawn), without XXX ("no
    currency") and XTS (kept for testing), which no cost is paid in. Any three letters were
    taken: ``12 abc`` was 12 of a currency ABC, which no ROI could count in the brand's.
    babel.numbers is imported on first use, by a file that writes a code (0.2 s)."""
    from babel.numbers import list_currencies  # lazy: 0.2 s, see above

    return frozenset(list_currencies()) - {"XXX", "XTS"}


#: what a currency cell or code must be, as an error says it
_EXPECTED_CODE = "an ISO 4217 currency code such as EUR, USD or CHF"


def _clean(text: str) -> str:
    """A number cell without its spaces (thousands), currency sign or code."""
    return _split_currency(text)[0]


def _own_mark(s: str) -> str | None:
    """The decimal mark a cleaned cell shows by its own shape (``12,5``, ``1.234,50``,
    ``12.99``, ``1.234.567``), None when it has no mark or fits both readings (``1.200``)."""
    if "," in s and "." in s:
        return "," if s.rfind(",") > s.rfind(".") else "."
    for mark, other in ((",", "."), (".", ",")):
        if mark in s:
            if s.count(mark) > 1:           # 1.234.567: the mark between thousands
                return other if _AMBIGUOUS[mark].fullmatch(s.lstrip("+")) else mark
            return None if _AMBIGUOUS[mark].fullmatch(s.lstrip("+")) else mark
    return None


class _BadGrouping(ValueError):
    """A number cell whose thousands mark is not between groups of three digits (``12.99,5``,
    ``1.5,00``): ``mark`` is the decimal mark it was read with."""

    def __init__(self, mark: str):
        super().__init__(mark)
        self.mark = mark


def _number(s: str, decimal: str) -> float:
    """A cleaned cell (:func:`_clean`) as a number, ``decimal`` being the decimal mark of the
    cells that fit both readings. A thousands mark must stand between groups of three digits
    before the decimal mark, or :class:`_BadGrouping` is raised: stripped unchecked, it read
    ``12.99,5`` as 1299.5 (a price of 12,99 mistyped, counted 100 times over). What is left
    must be :data:`_PLAIN` (ValueError else): ``float()`` alone also took ``1_000``, ``1e3``
    and digits of other scripts (``١٢``), which :func:`read_costs` does not document."""
    s, negative = _unsigned(s)
    if s.startswith(("+", "-", "\u2212", "(")):     # a second sign: '--5', '-(5)', '(5'
        raise ValueError(s)
    mark = _own_mark(s) or decimal
    thousands = "." if mark == "," else ","
    whole = s.partition(mark)[0]
    if thousands in s and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+",
                                           whole):
        raise _BadGrouping(mark)
    plain = s.replace(thousands, "").replace(mark, ".")
    if not _PLAIN.fullmatch(plain):
        raise ValueError(s)
    number = float(plain)
    return -number if negative else number


def _unsigned(s: str) -> tuple[str, bool]:
    """A cleaned cell without its sign, and whether it is negative: ``-`` or ``−`` before it,
    or the parentheses of an accounting negative (``(1.299,50)``, as a spreadsheet formats a
    refund), which the grouping check took for part of the number (``thousands separator
    misplaced`` for a well-grouped cell) where the amount's sign is its fault."""
    if len(s) > 1 and s[0] == "(" and s[-1] == ")":
        return s[1:-1], True
    if s[:1] in ("-", "\u2212"):
        return s[1:], True
    return s.removeprefix("+"), False


def _date(text: str, *, end: bool, day_first: bool = False) -> pd.Timestamp:
    if _DATE.match(text):
        return pd.Timestamp(text)
    if day_first and (m := _NUMERIC.match(text)):
        day, month, year = (int(g) for g in m.groups())
        return pd.Timestamp(year + 2000 if year < 100 else year, month, day)
    if (m := _named(text)) and m[3]:
        year = int(m[3])
        return pd.Timestamp(year + 2000 if year < 100 else year, MONTHS[m[2].lower()],
                            int(m[1]))
    if _MONTH.match(text):
        p = parse_period(text)
        return pd.Timestamp(p.end if end else p.start)
    raise ValueError(text)


def _named(text: str) -> re.Match | None:
    """``text`` as a day and a month's name (:data:`_NAMED`, ``m[3]`` its year, if any), None
    when it is not one."""
    m = _NAMED.match(text)
    return m if m and m[2].lower() in MONTHS else None


def read_costs(path: str | Path, *, data: bytes | None = None,
               currency: str | None = None) -> pd.DataFrame:
    """Read and validate the user's costs.csv.

    Columns: ``start, end, category, amount, currency, platform, campaign, hours, hourly_rate,
    note`` (a ``date`` column may replace ``start``/``end``). Dates are ``YYYY-MM-DD``; a month
    ``YYYY-MM`` means its first day as ``start`` and its last day as ``end``; an empty ``end`` is
    ``start`` (or the month's end). A date with its month's name, as a spreadsheet in English
    shows one (``03-Jan-25``, ``3-Jan-2025``), is read; one without its year (``3-Jan``) is
    refused, as it cannot be placed. Dates written day first (``31/10/2026``, ``31.10.2026``, as
    a French or Italian spreadsheet writes them) are read so when a column of them (``start``
    or ``end``, every cell such a date) has a day above 12 written first, which proves the
    order for the file, with a :class:`~smmanalytics.errors.DataQualityWarning` (code
    ``dates_day_first``); without that proof (``03/10/2026``: 3 October or 10 March) the file
    is refused, asking for ``2026-10-31``. ``category`` is one of :data:`CATEGORIES`.
    ``amount`` may be left empty when ``hours`` and ``hourly_rate`` are given: amount =
    hours × hourly_rate. A negative amount, ``-120.00`` or an accounting ``(120.00)``, is a
    refund or a credit note: it lowers the costs of its category over its days, with a
    :class:`~smmanalytics.errors.DataQualityWarning` (code ``costs_refund``) naming its
    lines; ``hours`` and ``hourly_rate`` below 0 are refused.
    Numbers may use a decimal comma (``12,5``), ``.`` or ``,`` or spaces between thousands
    (``12.500,00``, ``1,200.50``, ``1 200``; a ``.``, ``,`` or space between groups other
    than of three digits, ``12.99,5`` or ``1 2345``, is refused) and a currency sign or code
    (``$200``, ``CA$200``, ``300 USD``), which is the line's currency where the ``currency``
    column is empty. A currency code, in that column or a cell, is one of ISO 4217 (``12 abc`` and
    ``ABC`` are refused). Digits are ASCII, without exponent or ``_``: ``1e3``, ``1_000``,
    ``inf``, ``nan`` are refused, though Python's ``float`` reads them all. A dollar
    sign naming its country (``US$``, ``CA$``, ``C$``, ``A$``, ``AU$``, ``NZ$``, ``HK$``,
    ``S$``, ``MX$``) is that country's currency. ``$`` is a dollar
    (:data:`DOLLAR_CURRENCIES`): the line's currency column's when that is one (``$300``, CAD:
    300 CAD), else the brand's ``currency`` when that is one (a Canadian brand's ``$1200``:
    1200 CAD), else USD. A line whose amount or hourly_rate cell writes another currency than
    that column (``€`` or ``300 USD`` on a line in EUR, ``$`` on one in EUR), or than each
    other, is refused. A number that reads both ways
    (``1.200``, ``1,200``) follows the file's other numbers (a ``12,50`` anywhere makes
    ``1.200`` 1200; a ``12.99`` makes it 1.2); with none, a ``;``-delimited file (a French or
    Italian spreadsheet's) reads ``1.200`` as 1200 and ``1,200`` as 1.2, with a
    :class:`~smmanalytics.errors.DataQualityWarning` (code ``decimal_from_delimiter``) when a
    ``.`` was so read, and a ``,``-delimited file reads them in English (1.2 and 1200). A file
    that writes decimals both ways refuses such a number. An empty ``currency`` means the
    brand's currency; an empty ``platform`` or ``campaign`` means shared across them. A file
    saved in Windows-1252 is read with a warning (:func:`smmanalytics._io.read_user_text`).
    A header that is none of those columns (``plateforme``, ``montant``) is refused, naming
    the closest: its cells were dropped unread (ad spend assigned to no campaign). A column
    without header (a spreadsheet's trailing comma) is read when all its cells are empty. A
    file that ends inside its last line on a number, short of the header's columns (a copy
    interrupted: ``…,other,18`` of ``…,other,180.00,EUR,…``), is read as it is, with a
    :class:`~smmanalytics.errors.DataQualityWarning` (code ``costs_cut_off``).

    Parameters
    ----------
    path : str or os.PathLike
        The costs.csv file, named in errors and in ``source_file``.
    data : bytes, optional
        Its bytes, when it is a member of a zipped brand folder that ``path`` names, as
        ``brand.zip!brand/costs.csv``; None reads ``path``.
    currency : str, optional
        The brand's currency (ISO 4217 code, ``"CAD"``), which says what a ``$`` is on a line
        without a currency; None: a bare ``$`` is USD.

    Returns
    -------
    DataFrame
        One row per cost line: start, end (naive dates, datetime64), category (string),
        amount (Float64), currency (string; NA where the line gives none: the brand's),
        platform, campaign (string; NA: shared), hours, hourly_rate (Float64), note (string),
        days (Int64, inclusive span), line (Int64, 1-based file line), source_file (string).

    Raises
    ------
    ConfigError
        naming the file, the line (header = line 1), the column, what was expected and what
        came.
    """
    path = path_of(path, "path", "read_costs", "the path of a costs.csv")
    text = read_user_text(path, "costs file", data)
    reader, delim = user_csv(text, path)
    written = next(reader, [])
    header = [h.strip().lower().replace(" ", "_") for h in written]
    if "date" in header and "start" not in header:
        header[header.index("date")] = "start"
    # plateforme, campagne were dropped unread: their ad spend assigned to no campaign
    unknown = [name.strip() for h, name in zip(header, written, strict=True)
               if h and h not in COST_COLUMNS]
    missing = [c for c in ("start", "category") if c not in header]
    if not ({"amount"} & set(header) or {"hours", "hourly_rate"} <= set(header)):
        missing.append("amount")
    # a header meant for a missing column (montant: amount) is named as such; a file of other
    # columns altogether (month, channel) is told the columns it lacks
    meant = [u for u in unknown if closest_key(u, missing)]
    if unknown and (meant or not missing):
        raise unknown_key((meant or unknown)[0], COST_COLUMNS, file=path, line=1,
                          what="header", present=header)
    if missing:
        raise ConfigError("costs file lacks required columns", file=str(path), line=1,
                          column=missing[0],
                          expected=f"a header with {', '.join(COST_COLUMNS)}",
                          got=", ".join(header) or "an empty file")
    lines, raws = [], []
    last: tuple[int, list[str]] = (1, [])    # the file's last line, blank or not: where a cut is
    unnamed = [i for i, h in enumerate(header) if not h]
    for raw in reader:
        line = reader.line_num
        last = (line, raw)
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) > len(header):
            raise _more_cells(raw, header, path, line)
        for i in unnamed:                           # a column a spreadsheet left unnamed
            if i < len(raw) and raw[i].strip():
                raise ConfigError(f"a value in column {i + 1}, which has no header",
                                  file=str(path), line=line, expected="a header on line 1 "
                                  f"(one of {', '.join(COST_COLUMNS)}), or the cell empty",
                                  got=raw[i].strip())
        lines.append(line)
        raws.append(raw)
    if raws:
        _warn_cut_off(text, delim, header, *last, path)
        _warn_repeated(lines, raws, path)
    # column by column (a header named twice: its last column, as a line's dict kept it)
    cols = {h: [raw[i].strip() if i < len(raw) else "" for raw in raws]
            for i, h in enumerate(header)}
    del raws
    cols = _mended_platforms(lines, cols, path)
    decimal = _file_decimal(lines, cols, delim)
    day_first = _day_first(cols)
    rows = _cost_rows(lines, cols, path, decimal=decimal, day_first=day_first,
                      currency=currency)
    if day_first:
        warnings.warn(DataQualityWarning(
            f"{file_name(path)} writes its dates day first (DD/MM/YYYY), as a French or "
            f"Italian spreadsheet does: they were read so ({day_first}); "
            "2026-10-31 (YYYY-MM-DD) reads one way everywhere", "dates_day_first"),
            stacklevel=2)
    if decimal.by_delimiter and decimal.read_as_thousands:
        line, column, cell = decimal.read_as_thousands[0]
        n = len(decimal.read_as_thousands)
        warnings.warn(DataQualityWarning(
            f"{file_name(path)} is ';'-delimited, as a spreadsheet saves it where ',' is the "
            f"decimal mark: {n} number{'s' if n > 1 else ''} such as {cell!r} (line {line}, "
            f"column {column!r}) {'were' if n > 1 else 'was'} read as thousands "
            f"({_number(_clean(cell), ','):g}); write 1200 or 1200,00 to be sure",
            "decimal_from_delimiter"), stacklevel=2)
    out = pd.DataFrame(rows, columns=[*COST_COLUMNS, "line"]) if lines else pd.DataFrame(
        columns=[*COST_COLUMNS, "line"])
    out = out.astype({"start": "datetime64[ns]", "end": "datetime64[ns]", "category": "string",
                      "amount": "Float64", "currency": "string", "platform": "string",
                      "campaign": "string", "hours": "Float64", "hourly_rate": "Float64",
                      "note": "string", "line": "Int64"})
    out.insert(len(COST_COLUMNS), "days", ((out["end"] - out["start"]).dt.days + 1)
               .astype("Int64"))
    out["source_file"] = pd.Series([str(path)] * len(out), dtype="string")
    _warn_gaps(out, path)
    _warn_one_off_first(out, path)
    _warn_refunds(out, path)
    return _mended_campaigns(out, path)


def _mended_campaigns(costs: pd.DataFrame, path: Path) -> pd.DataFrame:
    """``costs`` with the invisible characters a paste leaves removed from its campaign names
    (:func:`~.loaders._ids.without_invisible`, as the exports' campaigns are), warned of
    (``keys_mended``) naming the first line: ``auto\u00admne-2026`` (a soft hyphen) in one
    line was another campaign than ``automne-2026`` of GA4 and of the other lines, with no
    word."""
    campaign, mended = without_invisible(costs["campaign"], keep_text=True)
    if not mended.any():
        return costs
    k = int(np.flatnonzero(mended)[0])
    _warn_mended(path, "campaign", mended, costs["line"].iloc[k], costs["campaign"].iloc[k],
                 campaign.iloc[k], "matches the same campaign in other files")
    return costs.assign(campaign=campaign)


def _mended_platforms(lines: list[int], cols: dict[str, list[str]], path: Path
                      ) -> dict[str, list[str]]:
    """``cols`` with the invisible characters a paste leaves removed from the platform cells
    (:func:`~.loaders._ids.without_invisible`), warned of (``keys_mended``) naming the first
    line: ``\u200binstagram`` was refused as no platform, where the exports' sources and ids
    are cleaned of the same characters. A cell of invisible characters alone is empty: a
    cost shared by all platforms, as an empty cell is."""
    if "platform" not in cols:
        return cols
    cells = pd.Series(cols["platform"], dtype="string")
    platform, mended = without_invisible(cells)
    if not mended.any():
        return cols
    k = int(np.flatnonzero(mended)[0])
    read_as = platform.fillna("")
    _warn_mended(path, "platform", mended, lines[k], cells.iloc[k], read_as.iloc[k],
                 "is read as the platform it names")
    return {**cols, "platform": read_as.tolist()}


def _warn_mended(path: Path, column: str, mended: np.ndarray, line: int, got: str,
                 read_as: str, so: str) -> None:
    """Warn (``keys_mended``) of the cells of ``column`` whose invisible characters were
    removed, naming the first (its ``line``, the cell as written and as read)."""
    warnings.warn(DataQualityWarning(
        f"{file_name(path)}: {counted(int(mended.sum()), 'cell', 'cells')} of column "
        f"{column!r} held invisible characters (a BOM, a zero-width space or a soft hyphen, "
        f"left by a paste), removed so that each {so} (first line {line}: {got!r} read as "
        f"{read_as!r})", "keys_mended"), stacklevel=4)


def _warn_refunds(costs: pd.DataFrame, path: Path) -> None:
    """Warn (``costs_refund``) of the lines of a negative amount, each read as a refund that
    lowers the costs of its days: a refund from Meta (``-120.00``, ``(120.00)``) made the
    whole file unreadable, and every cost, ROI and CPA of the brand unknown."""
    refunds = costs.loc[(costs["amount"] < 0).fillna(False).to_numpy()]
    if refunds.empty:
        return
    shown = "; ".join(f"line {line} ({category}, {amount:.2f})" for line, category, amount
                      in refunds[["line", "category", "amount"]].head(5).itertuples(index=False))
    more = f" and {len(refunds) - 5} more" if len(refunds) > 5 else ""
    warnings.warn(DataQualityWarning(
        f"{file_name(path)}: {shown}{more} {'have' if len(refunds) > 1 else 'has'} a negative "
        "amount, read as a refund that lowers the costs of its days", "costs_refund"),
        stacklevel=3)


def _warn_gaps(costs: pd.DataFrame, path: Path) -> None:
    """Warn (``costs_month_missing``) of the months the file covers without a category its
    other months have (:func:`~smmanalytics.roi.costs_gaps`): read as nothing spent, they
    may be lines lost."""
    from .roi import costs_gaps, costs_gaps_notes  # cycle: roi reads costs with this module

    # the month and its categories kept as data on the note (``cost_gaps``): the report
    # parsed them back from this English sentence
    for gap, note in zip(costs_gaps(costs), costs_gaps_notes(costs), strict=True):
        warnings.warn(DataQualityWarning(
            f"{note.replace('costs.csv', file_name(path), 1)}, by the file's rule that "
            "a day it covers without a line had nothing spent: add the month's lines if "
            "they were left out", "costs_month_missing", facts={"cost_gaps": [gap]}),
            stacklevel=3)


def month_lines(costs: pd.DataFrame) -> pd.Series:
    """True for the cost lines of exactly one calendar month (the 1st to its last day): the
    lines entered month by month, which roi's span and gaps and this module's warnings read."""
    start, end = pd.to_datetime(costs["start"]), pd.to_datetime(costs["end"])
    return ((start.dt.day == 1) & (end == start + pd.offsets.MonthEnd(0))).fillna(False)


@dataclass(frozen=True)
class OneOffFirst:
    """A costs file whose span opens on a line of a month or less a whole month or more
    before its first line entered month by month (:func:`one_off_first`): ``start``, the
    span's first day; ``line`` and ``category``, the line opening it and its category
    (:data:`CATEGORIES`); ``gap``, the months counted without the ``categories`` of the
    first monthly lines, of ``first_month``."""

    start: dt.date
    line: int
    category: str
    gap: pd.PeriodIndex
    categories: tuple[str, ...]
    first_month: pd.Period


def one_off_first(costs: pd.DataFrame) -> OneOffFirst | None:
    """Where the span of ``costs`` (:func:`~smmanalytics.roi.costs_span`) opens on lines of a
    month or less (a shoot, a week of ads) a whole month or more before its first line
    entered month by month (labour, a monthly subscription); None when it does not.

    The span is right to open there: the shoot was spent on its days, and a day inside the
    span without a line had nothing spent. But the months between then count no labour,
    which is true of an agency hired later and false of a file begun in July with March's
    shoot added: a ROI of March to June set against the shoot alone. The file cannot tell
    which; the months are named from the shoot's own (a shoot on 1 March with labour from
    April leaves March without labour), so that the user can add their lines. The warning
    of the file's read and the report's data-quality row both name them from here."""
    from .roi import costs_span  # cycle: roi reads costs with this module

    span = costs_span(costs)
    monthly = costs.loc[month_lines(costs).to_numpy()]
    if span is None or monthly.empty:
        return None
    first_month = pd.Period(monthly["start"].min(), "M")
    # a whole month of days or more before the first monthly line: from the 1st of the month
    # before it or earlier (31 March before April is a day, 1 March a month)
    if span[0] > (first_month - 1).start_time.date():
        return None
    gap = pd.period_range(pd.Period(span[0], "M"), first_month - 1, freq="M")
    opening = _opening_line(costs, span[0])
    cats = tuple(dict.fromkeys(monthly.loc[(monthly["start"].dt.to_period("M") == first_month)
                                           .to_numpy(), "category"].astype("string")))
    return OneOffFirst(span[0], int(opening["line"]), str(opening["category"]), gap, cats,
                       first_month)


def _warn_one_off_first(costs: pd.DataFrame, path: Path) -> None:
    """Warn (``costs_one_off_first``) of the months the file counts without the categories
    of its first lines entered month by month (:func:`one_off_first`)."""
    found = one_off_first(costs)
    if found is None:
        return
    gap, cats = found.gap, ", ".join(found.categories)
    months = (f"{gap[0]} counts" if len(gap) == 1 else f"{gap[0]} to {gap[-1]} count")
    warnings.warn(DataQualityWarning(
        f"{file_name(path)} starts on {found.start.isoformat()} with line {found.line} "
        f"({found.category}), {counted(len(gap), 'month', 'months')} before its first "
        f"line entered month by month ({cats}, {found.first_month}): {months} no "
        f"{cats}, by the file's rule that a day it covers without a line had "
        "nothing spent; add their lines if it was paid then", "costs_one_off_first"),
        stacklevel=3)


def _opening_line(costs: pd.DataFrame, day) -> pd.Series:
    """The line that opens the span on ``day``: of those starting that day, the shortest (the
    shoot, not a yearly licence beginning the same day)."""
    starting = costs.loc[(costs["start"].dt.date == day).to_numpy()]
    length = pd.to_datetime(starting["end"]) - pd.to_datetime(starting["start"])
    return starting.iloc[int(np.argmin(length.to_numpy()))]


#: the columns of costs.csv that hold a number, where a decimal comma may split a cell
_NUMBER_COLUMNS = ("amount", "hours", "hourly_rate")
_WHOLE = re.compile(r"-?\d+")
_DECIMALS = re.compile(r"\d+")


def _more_cells(raw: list[str], header: list[str], path, line: int) -> ConfigError:
    """The error of a row of more cells than ``header``, naming the likely cause when a
    number column's cell and the next read as one number split by a comma (``12,99`` left
    unquoted in a comma-separated file: 11 cells for 10 columns, and only the line said)."""
    for i, name in enumerate(header):
        if (name in _NUMBER_COLUMNS and i + 1 < len(raw)
                and _WHOLE.fullmatch(raw[i].strip()) and _DECIMALS.fullmatch(raw[i + 1].strip())):
            number = f"{raw[i].strip()},{raw[i + 1].strip()}"
            return ConfigError(
                f"row has more cells than the header: an unquoted decimal comma? {number} "
                f"reads as two cells; write \"{number}\" in quotes or "
                f"{number.replace(',', '.')}", file=str(path), line=line, column=name,
                expected=f"{len(header)} cells", got=len(raw))
    return ConfigError("row has more cells than the header", file=str(path), line=line,
                       expected=f"{len(header)} cells", got=len(raw))


def _warn_cut_off(text: str, delim: str, header: list[str], line: int, raw: list[str],
                  path: Path) -> None:
    """Warn (``costs_cut_off``, as the export loaders note ``file_cut_off``) when the file
    looks cut off (:func:`~.loaders._cutoff.hand_made_cut`): it ends inside its last line, on
    a number cell (``…,other,18`` for ``…,other,180.00,EUR,…``, read as a smaller amount) or
    inside a quoted note never closed (``…,12.99,EUR,,,,,"Canva `` : the lines after it, 1,212
    € of them in the sample's costs.csv, were lost with no word). The line is kept as read
    (its cost is better counted, warned of, than lost); a line of every column without its
    line break is a complete one. ``line`` and ``raw`` are the file's last line, blank or
    not."""
    where = hand_made_cut(text, delim, header, raw, _NUMBER_COLUMNS)
    if where is None:
        return
    column = header[len(raw) - 1] if len(raw) <= len(header) else "line"
    short = (f"the columns after it missing; the line was read as it is, so its {column} may "
             "be short, and the file's total with it" if column in _NUMBER_COLUMNS else
             "the line was read as it is, but the lines after it, if the file had more, are "
             "missing, and their costs from the total")
    # named by its path, folder and all, as the loaders' notes and costs.csv's errors name
    # theirs: "costs.csv looks cut off" left a reader of several brands' folders to guess
    warnings.warn(DataQualityWarning(
        f"{path} looks cut off, a copy or a download interrupted: it ends inside "
        f"line {line}, {where}; {short}: check it against the original file",
        "costs_cut_off"), stacklevel=3)


def _warn_repeated(lines: list[int], raws: list[list[str]], path: Path) -> None:
    """Warn (``costs_line_repeated``) of the lines that repeat an earlier one cell for cell
    (``influencer,500.00`` twice, same dates and note): both are counted, as two payments of
    one kind in one period may be, but a line pasted twice counted its amount twice with no
    word, where the exports note a row repeated (``repeated_in_file``)."""
    first: dict[tuple[str, ...], int] = {}
    repeats = []
    for line, raw in zip(lines, raws, strict=True):
        key = tuple(c.strip() for c in raw)
        while key and not key[-1]:           # a line ending in empty cells or not is one
            key = key[:-1]
        if key in first:
            repeats.append(f"line {line} repeats line {first[key]}")
        else:
            first[key] = line
    if repeats:
        shown = "; ".join(repeats[:5]) + (f" and {len(repeats) - 5} more" if len(repeats) > 5
                                          else "")
        warnings.warn(DataQualityWarning(
            f"{file_name(path)}: {shown}, cell for cell: both were counted (two payments "
            "alike?); if a line was pasted twice, delete it, or write what tells them apart "
            "in its note", "costs_line_repeated"), stacklevel=3)


@dataclass
class _Decimal:
    """The decimal mark of a costs file's numbers that fit both readings (``1.200``): ``mark``
    (None when the file writes decimals both ways), whether it comes from the delimiter alone,
    the cells so read as thousands (line, column, text), the first cell of each evidence."""

    mark: str | None
    by_delimiter: bool = False
    read_as_thousands: list[tuple[int, str, str]] = field(default_factory=list)
    evidence: dict[str, tuple[int, str, str]] = field(default_factory=dict)


def _file_decimal(lines: list[int], cols: dict[str, list[str]], delim: str) -> _Decimal:
    """Decide per file, as the loaders do per column, what ``1.200`` or ``1,200`` means: a
    cell that shows its decimal mark (``12,50``, ``1.234,50``, ``12.99``) is evidence for the
    whole file, since one spreadsheet wrote it; without evidence, a ``;``-delimited file was
    saved where ``,`` is the decimal mark (French, Italian, German settings), so ``1.200`` is
    1200 (noted: money is rarely written to the tenth of a cent), and any other file is
    English. A file with both kinds of evidence leaves such a cell to :func:`_cost_row` to
    refuse."""
    evidence: dict[str, tuple[int, str, str]] = {}
    ambiguous = []
    numbers = [(col, cols[col]) for col in _NUMBER_COLUMNS if col in cols]
    # each distinct cell looked at once: a file of 20,000 lines writes a few dozen amounts
    marks = {cell: _own_mark(_clean(cell)) for _, cells in numbers for cell in set(cells)
             if cell}
    for k, line in enumerate(lines):
        for col, cells in numbers:
            cell = cells[k]
            mark = marks[cell] if cell else None
            if mark is not None:
                evidence.setdefault(mark, (line, col, cell))
            elif cell and any(m in cell for m in ".,"):
                ambiguous.append((line, col, cell))
    if len(evidence) == 2:
        return _Decimal(None, evidence=evidence)
    if evidence:
        return _Decimal(next(iter(evidence)), evidence=evidence)
    if delim == ";":
        return _Decimal(",", True, [a for a in ambiguous if "." in a[2]])
    return _Decimal(".")


def _day_first(cols: dict[str, list[str]]) -> str | None:
    """What proves that the file's all-number dates are written day first (31/10/2026), as
    the loaders decide it for an export's date columns (:func:`~smmanalytics.loaders._dates.
    file_numeric_order`): a first number above 12 in its ``start`` or ``end`` column, every
    cell of which is such a date; None when nothing proves it. The separator or the brand's
    language are no proof here: a cost read in the wrong month moves money between months
    unseen, so a file whose every day is 12 or less (03/10/2026) is refused, not guessed."""
    n = len(cols["start"])
    columns = {c: pd.Series(cols.get(c, [""] * n), dtype="string") for c in ("start", "end")}
    order = file_numeric_order(columns)
    return order.evidence if order.how == "proof" and order.order == "dmy" else None


class _Refused(Exception):
    """A cell :func:`_cost_rows` leaves to :func:`_cost_row` to refuse, naming its line."""


def _refuse(*_args, **_kwargs) -> _Refused:
    return _Refused()


#: what :func:`_each` gives for a cell that did not read
_BAD = object()


def _each(cells: list, read: Callable) -> list:
    """``read`` of each cell, called once for each distinct one (a costs file repeats its
    categories, amounts, currencies and platforms: 20,000 lines of them hold a few distinct
    cells); :data:`_BAD` for a cell it refused, whatever the error, :func:`_cost_row` saying
    it."""
    read_as = {}
    for cell in dict.fromkeys(cells):
        try:
            read_as[cell] = read(cell)
        except Exception:
            read_as[cell] = _BAD
    return [read_as[cell] for cell in cells]


def _dates(cells: list[str], *, end: bool, day_first: bool) -> list:
    """:func:`_date` of each cell, the ``YYYY-MM-DD`` ones parsed at once (a file of daily
    costs writes as many distinct dates as lines); :data:`_BAD` for a cell that is none."""
    distinct = list(dict.fromkeys(cells))
    iso = [cell for cell in distinct if _DATE.match(cell)]
    parsed = pd.to_datetime(pd.Series(iso, dtype=object), format="%Y-%m-%d", errors="coerce")
    read_as = {cell: ts for cell, ts in zip(iso, parsed, strict=True) if ts is not pd.NaT}
    rest = [cell for cell in distinct if cell not in read_as]     # 2026-10, 31/10/2026, 2026-02-30
    read_as.update(zip(rest, _each(rest, lambda t: _date(t, end=end, day_first=day_first)),
                       strict=True))
    return [read_as[cell] for cell in cells]


def _category(cell: str) -> str:
    """The category a cost line's cell names (:data:`CATEGORIES`, a synonym of one); ValueError
    for another."""
    cat = _category_key(cell)
    if cat not in CATEGORIES:
        raise ValueError(cell)
    return cat


def _category_key(cell: str) -> str:
    """The category a cell names, or the cell as a key (lower case, without accents, runs of
    spaces, hyphens and apostrophes as ``_``) when it names none: ``Pubblicità`` and
    ``PUBBLICITA`` are ``ad_spend``, ``main-d'œuvre`` is ``labor``. Accents are dropped as
    a spreadsheet's user may leave them out or type them (``publicite``)."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", cell.strip().casefold())
                     if not unicodedata.combining(ch))
    key = re.sub(r"[\s'’-]+", "_", folded)
    return _CATEGORY_SYNONYMS.get(key, key)


def _cost_rows(lines: list[int], cols: dict[str, list[str]], path: Path, *, decimal: _Decimal,
               day_first: str | None, currency: str | None) -> dict[str, list]:
    """The values of every cost line, column by column, as :func:`_cost_row` gives a line's.

    Each distinct cell is read once and what compares a line's cells (end before start,
    amount and hours × hourly_rate) is computed in arrays: read line by line, a file of
    20,000 lines took 4 s. A line any cell or check of which fails is read by
    :func:`_cost_row`, which raises the error naming its line, column and cell: the first
    such line in the file's order, as before.
    """
    n = len(lines)
    blank = [""] * n
    first = bool(day_first)
    start = _dates(cols["start"], end=False, day_first=first)
    end = _dates([e or s for s, e in zip(cols["start"], cols.get("end", blank), strict=True)],
                 end=True, day_first=first)
    category = _each(cols["category"], _category)
    cells = {c: _each(cols.get(c, blank), lambda t, c=c: _number_cell(c, t, decimal, _refuse))
             for c in _NUMBER_COLUMNS}
    line_currency = _each(list(zip(cols.get("currency", blank),
                                   *([code for _, code in _unbad(cells[c])]
                                     for c in _NUMBER_COLUMNS), strict=True)),
                          lambda key: _cell_currency(key, currency))
    platform = _each(cols.get("platform", blank), lambda t: _line_platform(t, _refuse))
    bad = np.array([any(v is _BAD for v in vals) for vals in zip(
        start, end, category, *cells.values(), line_currency, platform, strict=True)],
        dtype=bool).reshape(n)
    bad[~bad] = [e < s for s, e, b in zip(start, end, bad, strict=True) if not b]
    amount, hours, rate = (np.array([x for x, _ in _unbad(cells[c])], dtype=float)
                           for c in _NUMBER_COLUMNS)
    bad |= (np.isnan(hours) != np.isnan(rate)) | (np.isnan(amount) & np.isnan(hours))
    with np.errstate(invalid="ignore", over="ignore"):
        worked = hours * rate
        bad |= (~np.isnan(amount) & ~np.isnan(hours)
                & ~np.isclose(amount, worked, rtol=1e-6, atol=0.005))
    out = {"start": start, "end": end, "category": category,
           "amount": np.where(np.isnan(amount), worked, amount).tolist(),
           "currency": line_currency, "platform": platform,
           "campaign": [t or None for t in cols.get("campaign", blank)],
           "hours": hours.tolist(), "hourly_rate": rate.tolist(),
           "note": [t or None for t in cols.get("note", blank)], "line": lines}
    for k in np.flatnonzero(bad):       # the first raises (a line read as it was, else)
        row = _cost_row({h: cells_[k] for h, cells_ in cols.items()}, path, lines[k],
                        decimal=decimal, day_first=day_first, currency=currency)
        for column, values in out.items():
            values[k] = row[column]
    return out


def _unbad(values: list) -> list[tuple[float, str | None]]:
    """The ``(number, currency)`` of number cells, ``(NaN, None)`` for those refused."""
    return [(np.nan, None) if v is _BAD else v for v in values]


def _cell_currency(key: tuple[str, ...], brand: str | None) -> str | None:
    """:func:`_line_currency` of a line's currency cell and its number cells' currencies (in
    :data:`_NUMBER_COLUMNS` order): ``_Refused`` where :func:`_cost_row` refuses them."""
    column, *codes = key
    cur = column.upper()
    if cur and cur not in _iso_currencies():
        raise _Refused
    written = {c: code for c, code in zip(_NUMBER_COLUMNS, codes, strict=True) if code}
    return _line_currency(cur, written, dict.fromkeys(_NUMBER_COLUMNS, ""), _refuse,
                          brand=brand)


def _cost_row(rec: dict[str, str], path: Path, line: int, *, decimal: _Decimal,
              day_first: str | None = None, currency: str | None = None) -> dict:
    def fail(column: str, expected: str, got: str, message: str = "invalid value") -> ConfigError:
        return ConfigError(message, file=str(path), line=line, column=column,
                           expected=expected, got=got)

    def bad_date(column: str, text: str, expected: str) -> ConfigError:
        if (m := _named(text)) and not m[3]:
            # 3-Jan: January of which year? A cost placed in the wrong one is lost unseen
            return fail(column, f"{expected}, such as 2026-01-03: a date without its year "
                        "cannot be placed", text, "date without a year")
        if _NUMERIC.match(text) and not day_first:
            # 03/10/2026: 3 October or 10 March, and no day above 12 written first says which
            return fail(column, f"{expected}, such as 2026-10-31: dates in numbers are read "
                        "day first (31/10/2026) only when the start or end column, all written "
                        "so, has a day above 12 written first, which proves the order for the "
                        "file", text, "date in numbers not proved day first")
        return fail(column, expected, text)

    out: dict = {"line": line, "note": rec.get("note") or None}
    first = bool(day_first)
    try:
        out["start"] = _date(rec["start"], end=False, day_first=first)
    except ValueError:
        raise bad_date("start", rec["start"], "a date YYYY-MM-DD (or a month YYYY-MM)"
                       ) from None
    end_text = rec.get("end", "")
    try:
        out["end"] = (_date(end_text, end=True, day_first=first) if end_text
                      else _date(rec["start"], end=True, day_first=first))
    except ValueError:
        raise bad_date("end", end_text, "a date YYYY-MM-DD (or a month YYYY-MM), or empty"
                       ) from None
    if out["end"] < out["start"]:
        raise fail("end", f"a date on or after start {out['start'].date()}", end_text)
    cat = _category_key(rec["category"])
    if cat not in CATEGORIES:
        raise fail("category", f"one of {', '.join(CATEGORIES)}", rec["category"])
    out["category"] = cat
    nums, written = {}, {}
    for col in ("amount", "hours", "hourly_rate"):
        nums[col], code = _number_cell(col, rec.get(col, ""), decimal, fail)
        if code:
            written[col] = code
    hours, rate_ = nums["hours"], nums["hourly_rate"]
    if np.isnan(hours) != np.isnan(rate_):
        col = "hourly_rate" if np.isnan(rate_) else "hours"
        raise fail(col, "both hours and hourly_rate, or neither", "")
    amount = nums["amount"]
    if np.isnan(amount):
        if np.isnan(hours):
            raise fail("amount", "an amount, or hours and hourly_rate", "",
                       "cost line has no amount")
        amount = hours * rate_
    elif not np.isnan(hours) and not np.isclose(amount, hours * rate_, rtol=1e-6, atol=0.005):
        raise fail("amount", f"hours × hourly_rate = {hours * rate_:g} (or leave it empty)",
                   rec["amount"], "amount disagrees with hours × hourly_rate")
    out.update(amount=amount, hours=hours, hourly_rate=rate_)
    cur = rec.get("currency", "").upper()
    if cur and cur not in _iso_currencies():
        raise fail("currency", f"{_EXPECTED_CODE}, or empty", rec["currency"],
                   "unknown currency")
    out["currency"] = _line_currency(cur, written, rec, fail, brand=currency)
    out["platform"] = _line_platform(rec.get("platform", ""), fail)
    out["campaign"] = rec.get("campaign") or None
    return out


def _number_cell(col: str, t: str, decimal: _Decimal, fail: Callable[..., ConfigError]
                 ) -> tuple[float, str | None]:
    """The number of a cost line's ``amount``, ``hours`` or ``hourly_rate`` cell ``t`` (NaN
    when empty) and the currency it writes (None when it writes none), or ``fail``'s error."""
    cell, codes = _split_currency(t)
    if t and not re.search("[0-9]", cell):
        # 'nan', 'inf', 'Infinity': no number, whose letters read as currency codes
        raise fail(col, "a number such as 1200 or 1200.50", t)
    if _SPACED.search(t) and not _SPACE_GROUPED.fullmatch(t):
        # every space was dropped unchecked: '1 2345' read 12345, '12 34' 1234
        example = space_example(t, _own_mark(cell) or decimal.mark or ".")
        raise fail(col, f"a number like {example}: a thousands separator between groups "
                   "of three digits, or none", t, "thousands separator misplaced")
    if codes and (col == "hours" or len(codes) > 1):
        raise fail(col, "a number of hours, without a currency" if col == "hours" else
                   "one currency in the cell", t, "currencies in a number cell")
    if codes and (code := next(iter(codes))) != DOLLAR and code not in _iso_currencies():
        raise fail(col, f"a number with {_EXPECTED_CODE} (or a sign: €, $, £), or none; "
                   f"{code} is no currency", t, "unknown currency")
    if t and decimal.mark is None and _own_mark(cell) is None and any(
            m in cell for m in ".,"):
        (cl, cc, ct), (dl, dc, dt) = decimal.evidence[","], decimal.evidence["."]
        raise fail(col, f"a number written one way: the file writes decimals with ',' "
                   f"({ct!r}, line {cl}, column {cc!r}) and with '.' ({dt!r}, line {dl}, "
                   f"column {dc!r}), so this reads as thousands or as a decimal; write "
                   f"it without separator (1200) or with its cents (1200,00)", t,
                   "number reads two ways")
    try:
        number = _number(cell, decimal.mark or ".") if t else np.nan
    except _BadGrouping as bad:
        raise fail(col, f"a number like {GROUPED[bad.mark]}: a thousands separator "
                   "between groups of three digits, or none", t,
                   "thousands separator misplaced") from None
    except ValueError:
        raise fail(col, "a number such as 1200 or 1200.50", t) from None
    if number < 0 and col != "amount" or not np.isfinite(number) and t:
        # an amount below 0 is a refund (:func:`_warn_refunds`); hours and rates are not
        raise fail(col, "a number >= 0", t)
    return number, codes.pop() if codes else None


def _line_platform(cell: str, fail: Callable[..., ConfigError]) -> str | None:
    """A cost line's platform (:func:`~smmanalytics.schema.canonical_platform`: ``ig``,
    ``Twitter`` taken), or None for a cost shared by all (empty, ``all``, ``*``). ``meta`` is
    refused: Meta's ad spend covers Facebook and Instagram placements, and a line charged to
    one of them (Facebook, as it once was) gave Facebook both platforms' spend and its ROAS
    a fraction of its own; roi() shares no line between two platforms, so which one, or
    both (empty), is the file's to say."""
    plat = cell.strip().lower()
    if plat in ("", "all", "*"):
        return None
    if plat == "meta":
        raise fail("platform", "facebook or instagram (Meta's ads of one), or empty for a "
                   "cost shared by all platforms (Meta's ads of both)", cell,
                   "'meta' is Facebook and Instagram together")
    canonical = canonical_platform(plat)
    if canonical is None:
        raise fail("platform", f"one of {platforms_expected()}, or empty (all)", cell)
    return canonical


def _line_currency(column: str, written: dict[str, str], rec: dict[str, str],
                   fail: Callable[..., ConfigError], *, brand: str | None = None) -> str | None:
    """A cost line's currency: its ``currency`` column, else the one its amount or hourly rate
    cell writes (``300 USD``, ``CA$200``; ``$200``: :func:`dollar_currency`), else None (the
    brand's). A cell whose currency is not the column's, or not the other cell's, is refused:
    which one the money is in, nothing in the file says, and the wrong one would count it at
    face value in the other. A ``$`` agrees with any dollar: ``$300`` on a line in CAD is
    300 CAD."""
    def agree(code: str, other: str) -> bool:
        return code == other or (code == DOLLAR and other in DOLLAR_CURRENCIES)

    for col, code in written.items():
        if column and not agree(code, column):
            raise fail(col, f"a value in {column}, as the currency column says (or that "
                       f"column left empty, the cell's currency then counting)", rec[col],
                       f"the cell's currency, {_shown(code)}, is not the currency column's")
    codes = set(written.values())
    named = codes - {DOLLAR}
    if len(named) > 1 or (DOLLAR in codes and named and not agree(DOLLAR, next(iter(named)))):
        raise fail("hourly_rate", f"a rate in {_shown(written['amount'])}, the amount's currency",
                   rec["hourly_rate"], "amount and hourly_rate in different currencies")
    if column or named:
        return column or next(iter(named))
    return dollar_currency(brand) if codes else None


def _shown(code: str) -> str:
    """A cell's currency as an error names it: its code, or ``$ (a dollar)``."""
    return "$ (a dollar)" if code == DOLLAR else code


def dollar_currency(brand: str | None) -> str:
    """The currency of a ``$`` that nothing else names (a cost line without a currency, a GA4
    revenue cell): the brand's when it is a dollar (a Canadian brand's ``$1200`` is 1200 CAD,
    not money in USD left out of its costs and ROI), else USD, the dollar a ``$`` stands for
    elsewhere."""
    brand = (brand or "").upper()
    return brand if brand in DOLLAR_CURRENCIES else "USD"
