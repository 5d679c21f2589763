"""Exceptions and warnings raised by smmanalytics.

Every error subclasses :class:`SmmError`; those about bad input also subclass
:class:`ValueError`. Messages say what failed, where (file, line or cell, column), what was
expected and what came.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "SmmError",
    "ParseError",
    "UnknownFormatError",
    "SchemaError",
    "ConfigError",
    "BrandTimezoneError",
    "BrandCurrencyError",
    "BrandKeyError",
    "UnknownPlatformError",
    "PeriodError",
    "ArgumentError",
    "ArgumentTypeError",
    "EmptyDataError",
    "ReportError",
    "OutputError",
    "DataQualityWarning",
    "CacheWarning",
]


class SmmError(Exception):
    """Base class of every error raised by smmanalytics."""


class ParseError(SmmError, ValueError):
    """A file could not be read: names the file, the line or cell, the column (of a CSV or
    Excel export) or the key (of a YAML settings file: ``key 'brands[1].lang'``, as a user
    fixing agency.yaml has no columns to look for), expected and got."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        cell: str | None = None,
        column: str | None = None,
        key: str | None = None,
        expected: str | None = None,
        got: Any = None,
    ) -> None:
        self.file, self.line, self.cell, self.column, self.key = file, line, cell, column, key
        self.reason, self.expected, self.got = message, expected, got
        where = []
        if file is not None:
            where.append(f"file {file!s}")
        if line is not None:
            where.append(f"line {line}")
        if cell is not None:
            where.append(f"cell {cell}")
        if column is not None:
            where.append(f"column {column!r}")
        if key is not None:
            where.append(f"key {key!r}")
        text = _explained(message, expected, got)
        super().__init__(f"{', '.join(where)}: {text}" if where else text)


def _explained(message: str, expected: str | None, got: Any) -> str:
    """``message; expected …; got …`` (the parts given)."""
    parts = [message]
    if expected is not None:
        parts.append(f"expected {expected}")
    if got is not None:
        parts.append(f"got {got!r}")
    return "; ".join(parts)


class UnknownFormatError(ParseError):
    """A file's headers match no known export format."""


class SchemaError(SmmError, ValueError):
    """A frame does not follow a canonical table; keeps ``column`` and ``failure_cases``."""

    def __init__(self, message: str, *, column: str | None = None, failure_cases: Any = None):
        self.column = column
        self.failure_cases = failure_cases
        super().__init__(message)


class ConfigError(ParseError):
    """A user file (costs.csv, goals.yaml, brand.yaml, agency.yaml, synonyms.csv) is invalid:
    a CSV's error names its column, a YAML file's its key."""


class BrandTimezoneError(ConfigError):
    """brand.yaml's ``timezone`` is no IANA time zone (``Europe/Pariss``, ``+01:00``):
    raised even where other invalid settings files are only noted, as every day, month and
    hour of the brand's figures depends on it."""


class BrandCurrencyError(ConfigError):
    """brand.yaml's ``currency`` is no ISO 4217 code (``€``, ``euros``): raised even where
    other invalid settings files are only noted, as the costs and revenue in the brand's
    currency would all be left aside as in another one under a default currency."""


class BrandKeyError(ConfigError):
    """brand.yaml has a key it does not know (``time_zone``, ``lang``, ``fuseau``): raised
    even where other invalid settings files are only noted, as the key may well be the zone
    or the language, whose defaults (UTC, en) would move every hour and word of the reports
    unseen."""


class UnknownPlatformError(SmmError, ValueError):
    """A platform name is not one of the known platforms."""


class PeriodError(SmmError, ValueError):
    """A period (``2026-10``, ``2026-Q3``, ``2026``, a pair of dates) cannot be understood."""


class ArgumentError(SmmError, ValueError):
    """An argument of a function is not one it takes: names the argument, what it takes and
    what came (``roi(by="week")``, ``best_times(tz="Paris")``).

    With ``argument`` (and ``expected``, ``got``) the message reads ``argument 'tz': not an
    IANA time zone; expected …; got 'Paris'``; without, it is the message as given.
    """

    def __init__(self, message: str, *, argument: str | None = None,
                 expected: str | None = None, got: Any = None) -> None:
        self.argument, self.reason, self.expected, self.got = argument, message, expected, got
        text = _explained(message, expected, got)
        super().__init__(f"argument {argument!r}: {text}" if argument is not None else text)


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument is of a type the function does not take (``load(ds)`` for a path); also a
    TypeError, as Python's own error for it was."""


#: the columns without which a Dataset's table cannot be read at all (its metrics may lack:
#: a metric not exported is unknown)
_DATASET_KEYS = {"posts": ("platform", "published_at"),
                 "daily": ("platform", "date", "metric", "value")}


def require_dataset(ds: Any, function: str) -> None:
    """ArgumentTypeError unless ``ds`` looks like a Dataset (has ``posts`` and ``brand``):
    ``smm.roi(ds.posts, ...)`` is told to pass the Dataset, not a KeyError from deep inside.

    SchemaError when a table of the Dataset that has rows lacks a key column
    (``Dataset(posts=frame)`` of a frame without ``platform``): the function names it, not a
    KeyError 'platform' from inside pandas."""
    if not (hasattr(ds, "posts") and hasattr(ds, "brand")):
        raise ArgumentTypeError(f"{function} takes a Dataset (smm.load(path)); got "
                                f"{type(ds).__name__}")
    for table, keys in _DATASET_KEYS.items():
        frame = getattr(ds, table, None)
        columns = getattr(frame, "columns", ())
        lacking = [c for c in keys if c not in columns]
        if lacking and len(frame):
            raise SchemaError(f"{function}: the Dataset's {table} lack column(s) "
                              f"{', '.join(map(repr, lacking))}; expected a {table} table with "
                              f"{', '.join(keys)} (as smm.load makes it); got columns "
                              f"{', '.join(map(str, columns)) or 'none'}", column=lacking[0])


class EmptyDataError(SmmError, ValueError):
    """There is no data for what was asked (no posts in the period, an empty file)."""


class ReportError(SmmError):
    """A report notebook failed; names the notebook and the cell index."""

    def __init__(self, message: str, *, notebook: str | None = None, cell_index: int | None = None,
                 ename: str | None = None, evalue: str | None = None) -> None:
        self.notebook, self.cell_index, self.ename, self.evalue = (notebook, cell_index,
                                                                   ename, evalue)
        super().__init__(message)


class OutputError(SmmError, OSError):
    """An output (report folder, PDF, calendar, sample folder) cannot be written; names the path."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)


class DataQualityWarning(UserWarning):
    """Readable but odd input: a guessed value, a merged duplicate, a dropped summary row.

    ``code`` names the kind of oddity as the quality log does (``encoding_fallback``…);
    :func:`smmanalytics.load` records the warnings its settings files raise in its log.
    ``facts``: what the note says, as data its log entry keeps for a report to word again
    (the keywords of :meth:`~smmanalytics.quality.QualityLog.add`: ``cost_gaps``), so that
    no reader parses them back from the English message.
    """

    def __init__(self, message: str = "", code: str = "data_quality",
                 facts: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.facts = dict(facts or {})


class CacheWarning(RuntimeWarning):
    """The cache of parsed exports cannot be used as set up (a folder it cannot write, an
    ``SMM_CACHE_MAX_BYTES`` that is no size): loads still give the same tables, only slower
    or with the default budget. Its own class so that ``smm`` says it as its other warnings,
    and a user can filter it alone."""
