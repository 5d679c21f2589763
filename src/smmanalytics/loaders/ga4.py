"""Google Analytics 4 report exports (reference §8) → the ``web`` table.

Format ``ga4_table``: a ``#`` preamble (title, account, property, ``Start date: 20260501``,
``End date: 20260531``; FR ``Date de début :`` / ``Date de fin :``), a header, an optional
``Grand total`` row (dropped and recorded), and possibly further tables after a blank line and
another ``#`` block (each recognisable one is parsed; its rows carry ``breakdown``).

Columns: ``Session source / medium`` is split on `` / `` into ``source`` and ``medium`` (a
bare ``/`` if it has none, never one of ``android-app://``);
``Session campaign`` → ``campaign``; ``Session default channel group`` / ``Session primary
channel group (Default Channel Group)`` → ``channel_group``; ``Date`` (``YYYYMMDD``) → ``date``;
``Nth day`` (a chart table's day index, ``0000`` the start date) → ``date`` from the preamble;
``Key events`` and its pre-2024 name ``Conversions`` → ``key_events``; ``Total revenue`` →
``revenue`` with ``currency`` from a symbol in the cells (``€`` EUR, ``£`` GBP, ``CA$`` CAD,
``US$`` USD; a bare ``$`` stays ``$``, a dollar the Dataset resolves against the brand's
currency: CAD for a Canadian brand, else USD), else empty. Rates stay fractions
(``62,5 %`` → 0.625). French numbers (``1 200``, ``1 234,56 €``) are read with the file's
locale. ``period_start``/``period_end`` come from the preamble; the
snapshot (``attrs["as_of"]``) is the end of the end date (end date + 1 day, 00:00 UTC), since the
property's zone is not in the file. ``property`` is the preamble's property (``# Property:
maisonseve.fr - GA4`` → ``maisonseve.fr``; FR ``Propriété``, IT ``Proprietà`` [U]), empty without
that line: a brand's two websites are two properties, whose rows are two sites' traffic.

Italian reports (docs/italian-exports.md) are read from the headers seen in sources
(``Sorgente/mezzo sessione``, ``Sessioni``, ``Eventi chiave``…); GA4's Italian revenue header
is not known yet: a table in a language other than English that lacks revenue or key events
and holds columns of numbers under unknown headers has them named in a warning
(``unknown_columns``), and date lines of a preamble none of which reads as the start or end
date are named too (``preamble_dates_unread``), the period left unknown.
"""

from __future__ import annotations

import re
from functools import partial

import numpy as np
import pandas as pd

from .._web import not_social_sources
from ..errors import ParseError
from ..quality import agree, counted
from ._body import lines_named
from ._candidate import Candidate, ParseContext
from ._cutoff import ends_inside_a_line
from ._dates import dates_from_parts
from ._encoding import decode
from ._headers import normalize
from ._numbers import CURRENCY_SIGNS, column_decimal, parse_numbers
from ._registry import register
from ._sniff import comment_line, parse_preamble
from ._tidy import day_order, day_parts, note_extra_columns, refuse_undated, summary_cells

__all__ = ["shows_preamble"]

F = "ga4"
_DIMENSIONS = ("source_medium", "source", "medium", "campaign", "channel_group", "date",
               "year_month", "landing_page", "date_range")
_METRICS = ("sessions", "engaged_sessions", "key_events", "revenue", "engagement_rate",
            "key_event_rate", "avg_engagement_time_s", "events_per_session", "event_count",
            "active_users", "total_users", "new_users", "views")
#: the metrics a row of each session adds up: the Grand total row is their sum (users are not:
#: one user comes by several sources; rates are not)
_ADDITIVE = ("sessions", "engaged_sessions", "key_events", "revenue", "event_count", "views")
#: the additive metrics GA4 counts by an estimate (HyperLogLog++ distinct counts of sessions):
#: a total and the sum of its rows may differ by a few percent in a file nobody touched, so
#: only a gap above this share of the total is noted
_ESTIMATED = {"sessions": 0.05, "engaged_sessions": 0.05}


def _detect(c: Candidate) -> float:
    m = c.match(F)
    has_dim = m.any(*_DIMENSIONS)
    has_metric = m.any("sessions", "engaged_sessions", "key_events", "revenue", "active_users")
    preamble = "start_date" in c.meta or "end_date" in c.meta
    if preamble and has_metric:
        return 0.95
    if has_dim and m.has("sessions") and m.any("engaged_sessions", "key_events",
                                               "engagement_rate", "revenue"):
        return 0.7
    return 0.0


#: the keys of GA4's preamble lines (:func:`~._sniff.parse_preamble`'s ``meta``) that tell it
#: from another file's ``#`` comments: its account (EN, FR, IT), property and dates
_PREAMBLE_KEYS = ("account", "compte", "property", "start_date", "end_date")


def shows_preamble(data: bytes) -> bool:
    """Whether the first lines of ``data``, a file no format could read, are GA4's ``#``
    preamble (reference §8.2): two of its rule (``# ----``), account, property, start and
    end date lines. An unreadable ``download.csv`` holding them is GA4's: a brand's GA4
    figures are unknown, where its generic name had them read as of a brand without GA4."""
    text, _ = decode(data[:4096])
    lines = [c for c in map(comment_line, text.lstrip("\ufeff").splitlines()[:12])
             if c is not None]
    meta: dict[str, str] = {}
    parse_preamble(list(enumerate(lines, start=1)), meta)
    rule = any(set(c.lstrip("#").strip()) == {"-"} for c in lines)
    return rule + sum(k in meta for k in _PREAMBLE_KEYS) >= 2


def _yyyymmdd(c: Candidate, ctx: ParseContext, key: str) -> pd.Timestamp:
    """The preamble's ``start_date`` or ``end_date`` (``key``); NaT without one."""
    value = c.meta.get(key)
    if not value:
        return pd.NaT
    ts = pd.to_datetime(value.strip(), format="%Y%m%d", errors="coerce")
    if pd.isna(ts):
        line = c.meta.get(f"{key}_line")
        raise ParseError(f"{key.replace('_', ' ')} in the preamble is not a date",
                         file=ctx.file, line=int(line) if line else None,
                         expected="YYYYMMDD", got=value)
    return ts


def _parse(c: Candidate, ctx: ParseContext) -> list[pd.DataFrame]:
    m = c.match(F)
    frame = c.table.frame
    n = len(frame)

    def text(k: str) -> pd.Series | None:
        return c.text(F, k) if k in m.columns else None

    dims = {k: text(k) for k in _DIMENSIONS}
    dims = {k: v for k, v in dims.items() if v is not None}
    nth_day = text("nth_day") if "date" not in dims else None
    custom = None
    if (not dims and nth_day is None and c.header
            and normalize(c.header[0]) not in m.columns):
        custom = frame[0].astype("string").str.strip()
        ctx.note("custom_dimension", f"first column {c.header[0]!r} is not a known GA4 "
                 "dimension; kept as channel_group", level="info")
        dims["channel_group"] = custom
    is_total = _summary_rows(c, [*dims.values()] + ([nth_day] if nth_day is not None else []))
    if is_total.any():
        totals = int(is_total.sum())
        said = ("row dropped (it repeats the sum of the rows)" if totals == 1
                else "rows dropped (each repeats a sum of the rows)")
        ctx.note("summary_row_dropped", f"{totals} 'Grand total' {said}", level="info",
                 rows=totals)
    keep = ~is_total.to_numpy()

    out = pd.DataFrame(index=range(n))
    if "source_medium" in dims:
        out["source"], out["medium"] = _source_medium(dims["source_medium"])
    for k in ("source", "medium"):
        if k in dims and k not in out.columns:
            out[k] = dims[k]
    for k in ("campaign", "channel_group", "landing_page", "date_range"):
        if k in dims:
            out[k] = dims[k]
    start = _yyyymmdd(c, ctx, "start_date")
    end = _yyyymmdd(c, ctx, "end_date")
    days = (partial(_days, dims["date"], keep, c, ctx) if "date" in dims
            else partial(_nth_days, nth_day, keep, start, c, ctx) if nth_day is not None
            else None)
    # every column read before any is used: of several bad cells, the first in the file raises
    date, *values = c.read_all(days or (lambda: None),
                               *(partial(c.numbers, F, k) for k in _METRICS))
    # the Grand total rows are not read: their cells are neither counted nor named in the
    # notes of the numbers (a '1.250' total read as thousands)
    c.not_read(np.flatnonzero(is_total.to_numpy()))
    if date is not None:
        out["date"] = date
    if "year_month" in dims:
        out["year_month"] = dims["year_month"]
    for k, v in zip(_METRICS, values, strict=True):
        if v is not None:
            out[k] = v.array
    keep = _without_valueless_rows(out, keep, dims, c, ctx)
    if "date" in out.columns:
        _refuse_undated(c, out, keep, "date" if "date" in dims else "nth_day")
    if int(is_total.sum()) == 1 and "date_range" not in dims:   # a comparison has one each
        _check_grand_total(out, is_total.to_numpy(), c, ctx)
    out["currency"] = _currency(c)
    out["period_start"] = start
    out["period_end"] = end
    out["property"] = pd.Series(_property(c), index=out.index, dtype="string")
    if "date_range" in dims:
        _periods_from_ranges(out, dims["date_range"], c, ctx)
    out["breakdown"] = _breakdown(dims, nth_day is not None, pd.notna(start))
    if _first_user(c, m, dims):
        out["breakdown"] = FIRST_USER + out["breakdown"]
        ctx.note("first_user_scope", "the table's dimensions are the first user's (a User "
                 "acquisition report): each user's sessions and revenue are attributed to the "
                 "source of their first visit, not of each session", level="info")
    out = out[keep].reset_index(drop=True)
    if m.has("key_events") and any(normalize(c.header[p]) == "conversions"
                                   for p in m.columns["key_events"]):
        ctx.note("renamed_metric", "'Conversions' (pre-2024 name) read as key_events",
                 level="info")
    unused = [h for h in m.unknown if custom is None or h != c.header[0]]  # custom: read
    unread = _unread_metrics(c, unused)
    if unread:
        lacking = [k.replace("_", " ") for k in ("revenue", "key_events") if k not in m.columns]
        n = len(unread)
        ctx.note("unknown_columns", f"{counted(n, 'column', 'columns')} of numbers not read, "
                 f"{agree(n, 'its header', 'their headers')} "
                 f"no GA4 export is known to use: {unread[:20]!r}; the table has no "
                 f"{' and no '.join(lacking)} column it knows (if one of these holds it, in a "
                 "language whose GA4 headers are known only in part, a synonyms.csv in the "
                 "brand folder can name it: family ga4)", columns=unread)
    note_extra_columns(ctx, [h for h in unused if h not in unread])
    unread_dates = pd.isna(start) and pd.isna(end) and _note_unread_preamble_dates(c, ctx)
    _note_undated(out, ctx, partial(_undated_why, start, end, unread_dates))
    if "channel_group" not in out.columns and (left := not_social_sources(out)) is not None:
        n, shown = left
        ctx.note("sources_not_social", f"{n} source{'s' if n > 1 else ''} of no channel group "
                 f"not counted as social traffic (neither a known social site nor a social "
                 f"medium), the largest with their sessions and revenue: {shown}",
                 level="info")
    out.attrs.update(kind="web", platform="ga4", source_locale=m.locale,
                     source_tz="property time zone (not in the file)")
    if pd.notna(end):
        out.attrs["as_of"] = (end + pd.Timedelta(days=1)).tz_localize("UTC")
    return [out]


#: the `` - GA4`` GA4's setup assistant appended to the name of the property it made beside a
#: Universal Analytics one (``maisonseve.fr - GA4``): it says nothing of the website
_GA4_SUFFIX = re.compile(r"\s+[-–]\s+GA4$", re.IGNORECASE)


def _property(c: Candidate) -> str | pd.api.typing.NAType:
    """The GA4 property the preamble names (``meta["property"]``, its `` - GA4`` suffix
    left out), NA without one: rows of two properties are two websites' traffic, never a
    re-export of each other's."""
    name = _GA4_SUFFIX.sub("", (c.meta.get("property") or "").strip())
    return name or pd.NA


#: GA4's ``source / medium`` (its separator has spaces), or a hand's ``source/medium``: the
#: first ``/`` that is no part of a ``://`` (``android-app://com.linkedin.android / referral``
#: split on its first ``/`` gave the source ``android-app:``)
_SPACED = re.compile(r"^(?P<source>.*?)\s+/\s+(?P<medium>.*)$")
_BARE = re.compile(r"^(?P<source>.*?)(?<![:/])/(?!/)(?P<medium>.*)$")


def _source_medium(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The ``source`` and ``medium`` of ``Session source / medium`` cells: split on GA4's
    `` / ``, else on a bare ``/`` not of a ``://``; a cell without either is all source."""
    spaced = cells.str.extract(_SPACED)
    bare = cells.str.extract(_BARE)
    split = spaced.where(spaced["source"].notna(), bare)
    source = split["source"].fillna(cells).str.strip()
    return source, split["medium"].str.strip()


#: the prefix of the ``breakdown`` of a table of first-user scope (``first_user:source_medium``):
#: roi() counts a session-scope table of the same dates rather than it (never both)
FIRST_USER = "first_user:"


def _first_user(c: Candidate, m, dims: dict[str, pd.Series]) -> bool:
    """Whether the table's dimensions are of first-user scope: their headers say "First user"
    (GA4's User acquisition report) rather than "Session"."""
    headers = [normalize(c.header[p]) for k in dims if k in m.columns for p in m.columns[k]]
    return any(h.startswith("first user") for h in headers)


#: the dimensions that say where a session came from: a table's ``breakdown`` names those it
#: carries, so that roi() by campaign reads a table with campaigns and by platform one with
#: sources, whichever of them is "more detailed"
_ATTRIBUTION = ("source_medium", "source", "medium", "campaign", "channel_group",
                "landing_page")


def _breakdown(dims: dict[str, pd.Series], nth_day: bool, dated: bool) -> str:
    """The table's ``breakdown``: its attribution dimensions joined by ``+`` in the order of
    :data:`_DIMENSIONS` (``source_medium``, ``campaign+channel_group``), else its first
    dimension (``date``, ``year_month``…), else ``total`` (or ``date``/``nth_day`` for a
    chart's table of day numbers)."""
    named = [k for k in _DIMENSIONS if k in dims and k in _ATTRIBUTION]
    if named:
        return "+".join(named)
    return next((k for k in _DIMENSIONS if k in dims),
                "total" if not nth_day else "date" if dated else "nth_day")


#: GA4's default channel groups (its documentation's list, in English as GA4 writes them)
_CHANNELS = frozenset(normalize(name) for name in (
    "Affiliates", "Audio", "Cross-network", "Direct", "Display", "Email",
    "Mobile Push Notifications", "Organic Maps", "Organic Search", "Organic Shopping",
    "Organic Social", "Organic Video", "Paid Other", "Paid Search", "Paid Shopping",
    "Paid Social", "Paid Video", "Referral", "SMS", "Unassigned", "(other)", "(not set)"))


def _without_valueless_rows(out: pd.DataFrame, keep: np.ndarray, dims: dict[str, pd.Series],
                            c: Candidate, ctx: ParseContext) -> np.ndarray:
    """``keep`` without the rows that hold no value in any metric column and name no known
    channel group: a spreadsheet's notes typed under the table ("Engagement rates compare",
    "6/25-7/2"), which would be channels of no sessions, made up. GA4 writes 0, not an empty
    cell, so a known channel's row of empty cells is kept (its values missing); both noted,
    naming their lines."""
    metrics = [k for k in _METRICS if k in out.columns]
    if not metrics:
        return keep
    empty = keep & out[metrics].isna().all(axis=1).to_numpy()
    if not empty.any():
        return keep
    channel = dims.get("channel_group")
    known = (channel.fillna("").map(normalize).isin(_CHANNELS).to_numpy()
             if channel is not None else np.zeros(len(out), dtype=bool))
    label = next(iter(dims.values()), None)
    for rows, what in ((empty & ~known, "no known channel group: not read"),
                       (empty & known, "a known channel group: kept, its values missing")):
        pos = np.flatnonzero(rows)
        if not len(pos):
            continue
        cells = ("" if label is None else
                 f" ({', '.join(repr(v) for v in label.iloc[pos[:3]].tolist())})")
        lines = lines_named([c.table.line_of(int(k)) for k in pos[:5]], len(pos))
        ctx.note("rows_without_values", f"{counted(len(pos), 'row holds', 'rows hold')} no value "
                 f"in any metric column{cells} and {what}: {lines}", rows=len(pos))
    return keep & ~(empty & ~known)


def _unread_metrics(c: Candidate, unused: list[str]) -> list[str]:
    """The headers of ``unused`` whose cells are numbers (a metric the synonym table does not
    know), when the table lacks revenue or key events and its headers are in a language other
    than English, whose GA4 headers the table knows only in part: an Italian report's
    ``Entrate totali`` left aside while its ROI reads no revenue. Empty otherwise (an English
    report's ``Bounce rate`` is a metric the analysis does not use, not one it misses)."""
    m = c.match(F)
    if m.has("revenue", "key_events") or m.locale == "en-US":
        return []
    decimal = c.decimal_hint(F)[0]
    out = []
    for h in unused:
        cells = c.table.column(c.header.index(h))
        try:
            values = parse_numbers(cells, decimal=decimal, percent=True)
        except ParseError:
            continue
        if values.notna().any():
            out.append(h)
    return out


_YYYYMMDD = re.compile(r"^\d{8}$")


def _note_undated(out: pd.DataFrame, ctx: ParseContext, why) -> None:
    """Note the rows of neither a day nor a period (``ga4_rows_undated``), ``why()`` the
    period is unknown (:func:`_undated_why`): a table copied without its ``#`` lines, which hold
    the period, and of no Date column. They are kept, but no month counts them: an ROI
    leaves them out (and says so), and said nowhere at load, a copy beside the original
    doubled ``ds.web``'s sessions with no word."""
    undated = out["period_start"].isna() | out["period_end"].isna()
    if "date" in out.columns:
        undated &= out["date"].isna()
    if undated.any():
        n = int(undated.sum())
        they = "it is" if n == 1 else "they are"
        ctx.note("ga4_rows_undated", f"{counted(n, 'row has', 'rows have')} no date and no whole "
                 f"period: the table has no Date column and {why()}; {they} kept, but counted "
                 "in no month (an ROI leaves them out)", rows=n)


def _undated_why(start, end, unread_dates: bool) -> str:
    """Why a file's period is unknown, for ``ga4_rows_undated``: its dated ``#`` lines were
    not read (``preamble_dates_unread`` names them; "has no lines" contradicted it), or
    which of the two lines it lacks (a preamble's period is every row's, so one at least)."""
    if unread_dates:
        return ("the file's '#' lines hold dates not read as its start and end (see "
                "preamble_dates_unread)")
    lacking = [f"'# {w} date'" for w, d in (("Start", start), ("End", end)) if pd.isna(d)]
    if len(lacking) == 2:
        return "the file has no '# Start date' and '# End date' lines (removed from a copy?)"
    return f"the file's {lacking[0]} line is missing or was not read"


def _note_unread_preamble_dates(c: Candidate, ctx: ParseContext) -> bool:
    """Note the ``#`` preamble's ``key: YYYYMMDD`` lines when none was read as the start or
    end date (a language whose wording of them is not known): the period stays unknown, and
    the note names the lines rather than taking the first date for the start. True when it
    noted some."""
    dated = [f"{k}: {v}" for k, v in c.meta.items()
             if not k.endswith("_line") and isinstance(v, str) and _YYYYMMDD.match(v.strip())]
    if dated:
        ctx.note("preamble_dates_unread", f"the preamble's lines {dated[:4]!r} hold dates but "
                 "are not known start or end date lines: the report's period is unknown")
    return bool(dated)


def _check_grand_total(out: pd.DataFrame, is_total: np.ndarray, c: Candidate,
                       ctx: ParseContext) -> None:
    """Note the additive metrics whose rows do not add up to the Grand total row (``is_total``,
    the one row), beyond the rounding of the export's decimals (each row and the total rounded
    to the column's decimals: at most half a unit of the last decimal each): rows lost or
    edited; sessions and engaged sessions, which GA4 estimates, beyond 5 % of the total
    (:data:`_ESTIMATED`). When the file also ends inside its last line (no line break) and the
    last column differs, alone or with its last value written with fewer decimals than the
    column's others (381.88 read ``3``), the file looks cut off (``file_cut_off``): that value
    may be part of its number and is left missing, in ``out``, as
    :meth:`~._sniff.RawTable.mend_cut_off` leaves it; when that reader left it missing
    already, its note says the totals' gap too (one note of the cut, not two). A last value
    as complete as the others (rows deleted from a file without a final line break) is
    kept, the gap noted (``total_differs``)."""
    body = c.table.raw if c.table.raw is not None else c.table.body or ""
    cut = ends_inside_a_line(body) and not is_total[-1]
    last = len(c.header) - 1
    m = c.match(F)
    differ, cut_column = [], None
    for k in _ADDITIVE:
        if k not in out.columns:
            continue
        values = out[k].to_numpy(dtype="float64", na_value=np.nan)
        total, rows = values[is_total][0], values[~is_total]
        rows = rows[~np.isnan(rows)]
        if np.isnan(total) or not len(rows):
            continue
        digits = _decimals(np.append(rows, total))
        summed = float(rows.sum())
        rounding = 0.5 * 10.0 ** -digits * (len(rows) + 1) + 1e-9 * abs(total)
        if abs(summed - total) <= max(rounding, _ESTIMATED.get(k, 0.0) * abs(total)):
            continue
        header = c.header[m.columns[k][0]]
        differ.append(f"{header!r} adds up to {summed:.{digits}f}, the total says "
                      f"{total:.{digits}f}")
        if cut and m.columns[k][0] == last:
            cut_column = (k, header, digits)
    if not differ:
        return
    sums = "; ".join(differ)
    if cut_column is None:
        ctx.note("total_differs", f"the rows do not add up to the Grand total row: {sums}; "
                 "the file may be cut off or edited", rows=len(differ))
        return
    k, header, digits = cut_column
    if len(differ) > 1 and not _fewer_decimals(c.table.column(last), c.decimal_hint(F)[0]):
        # other columns differ too (rows lost or edited) and the last value is written as
        # fully as its column's others (18.29 among cents): nothing says it was cut
        ctx.note("total_differs", f"the rows do not add up to the Grand total row: {sums}; "
                 "the file may be cut off or edited", rows=len(differ))
        return
    value = out[k].iloc[-1]
    if pd.isna(value) and ctx.log.amend_last(
            ctx.file, "file_cut_off", f"; the rows do not add up to the Grand total row: {sums}"):
        return      # the line reader said the cut and left the value missing: one note
    out.loc[out.index[-1], k] = pd.NA
    ctx.note("file_cut_off", f"the file looks cut off: it ends inside its last line (no line "
             f"break) and the rows do not add up to the Grand total row: {sums}; the last "
             f"row's {header!r} = {value:.{digits}f} may be cut off and is left missing",
             rows=1)


def _fewer_decimals(cells: pd.Series, hint: str | None) -> bool:
    """Whether the column's last cell is written with fewer decimals than another of its
    cells (``3`` among ``5889.65``, ``4239.62``…): a number cut short.

    Decimals are the digits after the column's decimal mark, decided as its numbers were read
    (:func:`~._numbers.column_decimal`, ``hint`` the file's mark): the ``,234`` of ``1,234``
    among ``381.88`` is thousands, not three decimals that made 381.88 look cut short."""
    digits = cells.astype("string").str.replace(r"[^\d.,]", "", regex=True)
    mark = column_decimal(digits, hint)
    decimals = digits.str.extract(rf"\{mark}(\d+)$")[0].str.len().fillna(0)
    decimals = decimals.to_numpy(dtype=float)
    return len(decimals) > 1 and decimals[-1] < decimals[:-1].max()


def _decimals(values: np.ndarray) -> int:
    """The decimals the export wrote ``values`` with (0 to 6): the fewest that keep each."""
    for d in range(7):
        scaled = values * 10.0 ** d
        if np.allclose(scaled, np.round(scaled), rtol=1e-12, atol=1e-6):
            return d
    return 6


def _summary_rows(c: Candidate, dimensions: list[pd.Series]) -> pd.Series:
    """The "Grand total" rows: a cell of a column that holds no metric says "Grand total" or
    its like ("Total général", "Totale complessivo"), in whichever column a hand moved the
    dimensions to (the first column alone was looked at: a report whose columns were
    reordered kept its total as data); or the first row leaves every cell of the
    ``dimensions`` empty, as GA4's own total row does in some exports, and so does the first
    row under a header repeated among the rows (the total of an export pasted under another,
    which was read as traffic: twice the sessions)."""
    frame = c.table.frame
    metrics = {p for k in _METRICS for p in c.match(F).columns.get(k, [])}
    words = [summary_cells(frame[p]) for p in range(len(c.header)) if p not in metrics]
    is_total = (pd.concat(words, axis=1).any(axis=1) if words
                else pd.Series(False, index=frame.index))
    if dimensions:
        blank = pd.concat(dimensions, axis=1).isna().all(axis=1)
        first = np.isin(np.arange(len(frame)), [0, *c.table.rows_under_repeated_headers()])
        is_total |= blank & first
    return is_total


def _days(cells: pd.Series, keep: np.ndarray, c: Candidate, ctx: ParseContext) -> pd.Series:
    """The ``Date`` dimension's cells as naive days (empty: NaT): GA4's ``YYYYMMDD``, or the
    days a re-save wrote (Looker Studio's or a spreadsheet's ``2026-10-01``, ``Oct 1, 2026``,
    ``01/10/2026`` in the file's one order), read as the other loaders read them
    (:func:`~._tidy.day_parts`) and noted; a cell of a row kept (not the summary row) that is
    no day raises ParseError. Its line counts data rows (``first_line + 1 + pos``), as every
    parser's does: the registry moves it to the row's own line (``RawTable.relocated``: blank
    lines and quoted line breaks counted), which a line already moved here would be moved
    past."""
    raw = cells.fillna("").str.strip()
    d = pd.to_datetime(raw.mask(raw == "", None), format="%Y%m%d", errors="coerce")
    other = d.isna() & (raw != "") & pd.Series(keep, index=raw.index)
    if not other.any():
        return d.astype("datetime64[ns]")
    column = c.header_of(F, "date")
    first_line = c.table.first_line + 1
    # the other cells alone, in their places: a day that is none is named by its own line
    try:
        parts = day_parts(raw.where(other, ""), ctx, column=column, first_line=first_line,
                          numeric_order=day_order(c, F))
        read = dates_from_parts(parts, file=ctx.file)
    except ParseError as exc:
        pos = (exc.line - first_line if exc.line is not None
               else int(np.flatnonzero(other.to_numpy())[0]))
        raise _not_a_day(ctx, first_line + pos, column, raw.iloc[pos]) from None
    unread = other & read.isna().to_numpy()
    if unread.any():
        pos = int(np.flatnonzero(unread.to_numpy())[0])
        raise _not_a_day(ctx, first_line + pos, column, raw.iloc[pos])
    d = d.mask(other.to_numpy(), read.to_numpy())
    n = int(other.sum())
    ctx.note("dates_not_ga4_form", f"{counted(n, 'Date cell is', 'Date cells are')} not GA4's "
             "YYYYMMDD (first: "
             f"{raw[other].iloc[0]!r}; a re-save by a spreadsheet or Looker Studio): read as "
             "days", level="info", rows=n)
    return d.astype("datetime64[ns]")


def _not_a_day(ctx: ParseContext, line: int, column: str | None, got: str) -> ParseError:
    return ParseError("cell is not a date", file=ctx.file, line=line, column=column,
                      expected="YYYYMMDD, or a day such as 2026-10-01", got=got)


def _refuse_undated(c: Candidate, out: pd.DataFrame, keep: np.ndarray, field: str) -> None:
    """ParseError at the first row kept (not the total) whose day cell is empty but which holds
    a metric: as in every daily export (``_tidy.refuse_undated``), a day's sessions without
    their day would be missing from every daily and monthly total. A table of ``Nth day`` whose
    file gives no start date has no day at all: noted (``nth_day_undated``), not refused."""
    rows = np.flatnonzero(keep)
    written = c.text(F, field).iloc[rows].reset_index(drop=True)    # NA: the cell is empty
    metrics = {k: out[k].iloc[rows].reset_index(drop=True) for k in _METRICS if k in out}
    refuse_undated(c, F, written, metrics, rows=rows, field=field)


def _nth_days(cells: pd.Series, keep: np.ndarray, start: pd.Timestamp, c: Candidate,
              ctx: ParseContext) -> pd.Series:
    """A chart table's ``Nth day`` cells (``0000``: the start date, ``0001`` the day after) as
    naive days from the preamble's ``start``; a cell of a row kept that is no such index raises
    ParseError, its line counting data rows as :func:`_days`'s. Without a start date the days
    are NaT, noted."""
    raw = cells.fillna("").str.strip()
    bad = ~raw.str.fullmatch(r"\d{1,5}|").astype(bool) & pd.Series(keep)
    if bad.any():
        pos = int(bad.to_numpy().nonzero()[0][0])
        raise ParseError("cell is not a day index", file=ctx.file,
                         line=c.table.first_line + 1 + pos, column=c.header_of(F, "nth_day"),
                         expected="a whole number of days since the start date (0000, 0001…)",
                         got=raw.iloc[pos])
    if pd.isna(start):
        n = int(keep.sum())
        ctx.note("nth_day_undated", f"{counted(n, 'row is', 'rows are')} counted in days since "
                 "the start of the report ('Nth day') but the file gives no start date: "
                 f"{agree(n, 'its day is', 'their days are')} unknown", rows=n)
        return pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]")
    offsets = pd.to_timedelta(pd.to_numeric(raw.mask(raw == "")), unit="D")
    return (start + offsets).astype("datetime64[ns]")


#: how many revenue cells are looked at for a currency symbol
_CURRENCY_SAMPLE = 50


def _currency(c: Candidate) -> str | pd.api.typing.NAType:
    """The currency of the revenue column, from the first symbol of
    :data:`~smmanalytics.loaders._numbers.CURRENCY_SIGNS` found
    in its first cells; NA without a revenue column or a symbol."""
    revenue_cells = c.col(F, "revenue")
    if revenue_cells is None:
        return pd.NA
    joined = " ".join(revenue_cells.astype("str").head(_CURRENCY_SAMPLE))
    return next((code for sym, code in CURRENCY_SIGNS if sym in joined), pd.NA)


def _periods_from_ranges(out: pd.DataFrame, ranges: pd.Series, c: Candidate,
                         ctx: ParseContext) -> None:
    """Per-row period from a comparison ``Date range`` cell (``Jul 1 - Sep 28 2026``,
    ``Jul 1, 2026 - Sep 28, 2026``); a start without a year takes the end's year (the year
    before when its month is later). Dates in numbers are read in the file's one day/month
    order, noted as the other loaders note it (``_tidy.day_parts``). Cells that cannot be
    read keep the preamble's period."""
    parts = ranges.fillna("").str.split(r"\s+[-–—]\s+", n=1, expand=True, regex=True)
    if parts.shape[1] < 2:
        ctx.note("date_range_unread", "Date range cells are not 'start - end' ranges; the "
                 "preamble's period was kept for every row")
        return
    # both ends in numbers (01/07/2026 - 28/09/2026, a spreadsheet's re-save) are read in the
    # file's one order (``_tidy.day_order``: a day above 12 at either end, the ';' separator…)
    header = c.header_of(F, "date_range") or "Date range"
    ends = {f"{header} (start)": parts[0].fillna(""), f"{header} (end)": parts[1].fillna("")}
    n = len(parts)
    try:
        both = day_parts(pd.concat(ends.values(), ignore_index=True), ctx, column=header,
                         first_line=c.table.first_line + 1, require_year=False,
                         numeric_order=day_order(c, F, extra=ends))
        beg, end = both.iloc[:n], both.iloc[n:]
        if (end["year"].isna() & end["month"].notna()).any():
            raise ParseError("a range's end without its year", file=ctx.file)
    except ParseError:
        ctx.note("date_range_unread", "Date range cells could not be read as dates; the "
                 "preamble's period was kept for every row")
        return
    beg, end = beg.set_axis(parts.index), end.set_axis(parts.index)
    year = beg["year"].fillna(end["year"] - (beg["month"] > end["month"]).astype("Int64"))
    beg = beg.assign(year=year)
    start_d = dates_from_parts(beg, file=ctx.file)
    end_d = dates_from_parts(end, file=ctx.file)
    ok = start_d.notna() & end_d.notna()
    out.loc[ok.to_numpy(), "period_start"] = start_d[ok].to_numpy()
    out.loc[ok.to_numpy(), "period_end"] = end_d[ok].to_numpy()
    if ok.any():
        n = int(ok.sum())
        ctx.note("comparison_periods", f"{counted(n, 'row carries its', 'rows carry their')} own "
                 "period from the Date range column (a comparison export)", level="info", rows=n)


def _with_engagement(c: Candidate) -> bool:
    """True for a table of a report with its engagement columns (``Engaged sessions`` or
    ``Engagement rate``): an acquisition report, whose exports carry engaged sessions, key
    events and total revenue beside them (reference platform-exports.md §8.3). A chart's
    table under the report (``Nth day,Sessions``) or a report of other columns expects
    none of them."""
    return c.match(F).any("engaged_sessions", "engagement_rate")


# an acquisition report without one of these (a column deleted, or retitled by hand) had
# that metric left empty (the ROI's revenue), and nothing said why
register("ga4_table", platforms="ga4", kinds="web", detect=_detect, parse=_parse,
         description="Google Analytics 4 report export (CSV with # preamble)", family=F,
         expects=("engaged_sessions", "key_events", "revenue"), expects_when=_with_engagement)
