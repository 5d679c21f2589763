"""costs.csv: reading and validation (re-exported by :mod:`smmanalytics.roi`)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ._io import read_user_text, user_csv
from .errors import ConfigError
from .periods import parse_period
from .schema import PLATFORMS

__all__ = ["CATEGORIES", "COST_COLUMNS", "read_costs"]

CATEGORIES = ("ad_spend", "labor", "tools", "production", "influencer", "other")
COST_COLUMNS = ("start", "end", "category", "amount", "currency", "platform", "campaign",
                "hours", "hourly_rate", "note")
_PLATFORM_SYNONYMS = {"twitter": "x", "fb": "facebook", "ig": "instagram", "yt": "youtube",
                      "meta": "facebook"}
_CATEGORY_SYNONYMS = {"ads": "ad_spend", "ad": "ad_spend", "advertising": "ad_spend",
                      "media": "ad_spend", "paid": "ad_spend", "labour": "labor",
                      "staff": "labor", "tool": "tools", "software": "tools",
                      "influencers": "influencer", "creator": "influencer",
                      "creators": "influencer"}
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _number(text: str, *, decimal_comma: bool) -> float:
    s = re.sub(r"[\s\u00a0\u202f€$£]", "", text)
    if s.upper().endswith(("EUR", "USD", "GBP", "CHF")):
        s = s[:-3]
    if "," in s and "." in s:
        s = (s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".")
             else s.replace(",", ""))
    elif "," in s:
        s = s.replace(",", "." if decimal_comma or not re.fullmatch(r"-?\d{1,3}(,\d{3})+", s)
                      else "")
    return float(s)


def _date(text: str, *, end: bool) -> pd.Timestamp:
    if _DATE.match(text):
        return pd.Timestamp(text)
    if _MONTH.match(text):
        p = parse_period(text)
        return pd.Timestamp(p.end if end else p.start)
    raise ValueError(text)


def read_costs(path: str | Path, *, data: bytes | None = None) -> pd.DataFrame:
    """Read and validate the user's costs.csv (``data``: its bytes, when it is a member of a
    zipped brand folder that ``path`` names, as ``brand.zip!brand/costs.csv``).

    Columns: ``start, end, category, amount, currency, platform, campaign, hours, hourly_rate,
    note`` (a ``date`` column may replace ``start``/``end``). Dates are ``YYYY-MM-DD``; a month
    ``YYYY-MM`` means its first day as ``start`` and its last day as ``end``; an empty ``end`` is
    ``start`` (or the month's end). ``category`` is one of :data:`CATEGORIES`. ``amount`` may be
    left empty when ``hours`` and ``hourly_rate`` are given: amount = hours × hourly_rate.
    Numbers may use a decimal comma (``12,5``; with a ``;`` delimiter a comma is always
    decimal), spaces as thousands separators (``1 200``), a currency sign, and in a quoted
    cell of a ``,``-delimited file ``1,200`` reads as 1200. An empty ``currency`` means the
    brand's currency; an empty ``platform`` or ``campaign`` means shared across them. A file
    saved in Windows-1252 is read with a warning (:func:`smmanalytics._io.read_user_text`).

    Returns
    -------
    DataFrame
        One row per cost line: start, end (naive dates), category, amount, currency, platform,
        campaign, hours, hourly_rate, note, days (inclusive span), line (1-based file line),
        source_file.

    Raises
    ------
    ConfigError
        naming the file, the line (header = line 1), the column, what was expected and what
        came.
    """
    path = Path(path)
    text = read_user_text(path, "costs file", data)
    reader, delim = user_csv(text)
    header = [h.strip().lower().replace(" ", "_") for h in next(reader, [])]
    if "date" in header and "start" not in header:
        header[header.index("date")] = "start"
    missing = [c for c in ("start", "category") if c not in header]
    if missing or not ({"amount"} & set(header) or {"hours", "hourly_rate"} <= set(header)):
        raise ConfigError("costs file lacks required columns", file=str(path), line=1,
                          column=(missing or ["amount"])[0],
                          expected=f"a header with {', '.join(COST_COLUMNS)}",
                          got=", ".join(header) or "an empty file")
    rows = []
    for raw in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) > len(header):
            raise ConfigError("row has more cells than the header", file=str(path), line=line,
                              expected=f"{len(header)} cells", got=len(raw))
        rec = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}
        rows.append(_cost_row(rec, path, line, decimal_comma=delim == ";"))
    out = pd.DataFrame(rows, columns=[*COST_COLUMNS, "line"])
    out = out.astype({"start": "datetime64[ns]", "end": "datetime64[ns]", "category": "string",
                      "amount": "Float64", "currency": "string", "platform": "string",
                      "campaign": "string", "hours": "Float64", "hourly_rate": "Float64",
                      "note": "string", "line": "Int64"})
    out.insert(len(COST_COLUMNS), "days", ((out["end"] - out["start"]).dt.days + 1)
               .astype("Int64"))
    out["source_file"] = pd.Series([str(path)] * len(out), dtype="string")
    return out


def _cost_row(rec: dict[str, str], path: Path, line: int, *, decimal_comma: bool) -> dict:
    def fail(column: str, expected: str, got: str, message: str = "invalid value") -> ConfigError:
        return ConfigError(message, file=str(path), line=line, column=column,
                           expected=expected, got=got)

    out: dict = {"line": line, "note": rec.get("note") or None}
    try:
        out["start"] = _date(rec["start"], end=False)
    except ValueError:
        raise fail("start", "a date YYYY-MM-DD (or a month YYYY-MM)", rec["start"]) from None
    end_text = rec.get("end", "")
    try:
        out["end"] = _date(end_text, end=True) if end_text else _date(rec["start"], end=True)
    except ValueError:
        raise fail("end", "a date YYYY-MM-DD (or a month YYYY-MM), or empty", end_text) from None
    if out["end"] < out["start"]:
        raise fail("end", f"a date on or after start {out['start'].date()}", end_text)
    cat = re.sub(r"[\s-]+", "_", rec["category"].lower())
    cat = _CATEGORY_SYNONYMS.get(cat, cat)
    if cat not in CATEGORIES:
        raise fail("category", f"one of {', '.join(CATEGORIES)}", rec["category"])
    out["category"] = cat
    nums = {}
    for col in ("amount", "hours", "hourly_rate"):
        t = rec.get(col, "")
        try:
            nums[col] = _number(t, decimal_comma=decimal_comma) if t else np.nan
        except ValueError:
            raise fail(col, "a number such as 1200 or 1200.50", t) from None
        if nums[col] < 0 or not np.isfinite(nums[col]) and t:
            raise fail(col, "a number >= 0", t)
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
    if cur and not re.fullmatch(r"[A-Z]{3}", cur):
        raise fail("currency", "an ISO 4217 code such as EUR, or empty", rec["currency"])
    out["currency"] = cur or None
    plat = rec.get("platform", "").lower()
    plat = _PLATFORM_SYNONYMS.get(plat, plat)
    if plat in ("all", "*"):
        plat = ""
    if plat and plat not in PLATFORMS:
        raise fail("platform", f"one of {', '.join(PLATFORMS)}, or empty", rec["platform"])
    out["platform"] = plat or None
    out["campaign"] = rec.get("campaign") or None
    return out
