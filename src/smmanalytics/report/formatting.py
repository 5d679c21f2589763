"""Numbers, percentages, money, dates and labels in the report's language (en, fr, it).

Formatting goes through babel (CLDR), so French gets decimal commas and narrow no-break spaces
and month names come out in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pandas as pd
import yaml
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

__all__ = ["Formatter", "LANGS", "STATUS_COLORS", "PLATFORM_NAMES"]

LANGS = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT"}

_WORDING = yaml.safe_load(
    resources.files("smmanalytics.report").joinpath("labels.yaml").read_text(encoding="utf-8"))

#: colours of goal statuses in tables
STATUS_COLORS = {"met": "#2e7d32", "on track": "#558b2f", "at risk": "#ef6c00",
                 "off track": "#c62828", "not assessed": "#8a8a8a"}

def _missing(x) -> bool:
    """True for None, NaN, NaT and pd.NA."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # arrays and other non-scalars are not "missing"
        return False


PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "x": "X",
                  "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok",
                  "pinterest": "Pinterest"}


class Formatter:
    """Locale-aware formatting for one report language.

    Examples
    --------
    >>> Formatter("fr").percent(0.0345)
    '3,45\u202f%'
    >>> Formatter("en").number(12345.678, 1)
    '12,345.7'
    """

    def __init__(self, lang: str = "en", currency: str = "EUR") -> None:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {sorted(LANGS)}; got {lang!r}")
        self.lang, self.locale, self.currency = lang, LANGS[lang], currency

    def _word(self, table: str, key: str, default: str) -> str:
        return _WORDING[self.lang][table].get(key, _WORDING["en"][table].get(key, default))

    def label(self, key: str) -> str:
        """The translated label for ``key`` (the key itself when unknown)."""
        return self._word("labels", key, key)

    def metric(self, name: str) -> str:
        """The reader's name of a metric ("er_reach" → "Eng. rate / reach")."""
        return self._word("metrics", str(name), str(name).replace("_", " "))

    def status(self, name: str) -> str:
        """A goal status in the report language ("on track" → "En bonne voie")."""
        return self._word("status", str(name), str(name))

    def platform(self, name) -> str:
        """Display name of a platform ("linkedin" → "LinkedIn"; "total" → all platforms)."""
        name = str(name)
        return self.label("total") if name == "total" else PLATFORM_NAMES.get(name, name)

    def number(self, x, digits: int = 0, missing: str = "–") -> str:
        if _missing(x):
            return missing
        fmt = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(float(x), format=fmt, locale=self.locale)

    def _pattern(self, kind: str, digits: int) -> str:
        """The locale's own CLDR pattern with ``digits`` decimals."""
        from babel import Locale

        formats = Locale.parse(self.locale).percent_formats if kind == "percent" \
            else Locale.parse(self.locale).currency_formats
        pattern = formats[None if kind == "percent" else "standard"].pattern.split(";")[0]
        return re.sub(r"0(\.0+)?", "0" + ("." + "0" * digits if digits else ""), pattern, count=1)

    def percent(self, x, digits: int = 2, missing: str = "–") -> str:
        """A fraction as a percentage: 0.0345 → 3.45% (en), 3,45 % (fr)."""
        if _missing(x):
            return missing
        return format_percent(float(x), format=self._pattern("percent", digits),
                              locale=self.locale)

    def points(self, x, digits: int = 2, missing: str = "–") -> str:
        """A difference of fractions in percentage points, signed: 0.001 → +0.10 pp."""
        if _missing(x):
            return missing
        sign = "+" if x > 0 else ("−" if x < 0 else "±")
        return f"{sign}{self.number(abs(float(x)) * 100, digits)} pp"

    def money(self, x, digits: int = 0, missing: str = "–") -> str:
        if _missing(x):
            return missing
        return format_currency(float(x), self.currency, format=self._pattern("currency", digits),
                               locale=self.locale, currency_digits=False)

    def date(self, d, fmt: str = "long") -> str:
        if _missing(d):
            return "–"
        if hasattr(d, "date") and not isinstance(d, dt.date | str):
            d = d.date()
        elif hasattr(d, "to_pydatetime"):
            d = d.to_pydatetime().date()
        return format_date(d, format=fmt, locale=self.locale)

    def month(self, d) -> str:
        """'October 2026', 'octobre 2026', 'ottobre 2026'."""
        return format_date(d, format="LLLL yyyy", locale=self.locale)
