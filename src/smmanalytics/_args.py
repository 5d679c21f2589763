"""Checks of function arguments: a bad value is an ArgumentError naming it, what was
expected and what came."""

from __future__ import annotations

import math
import numbers
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from .errors import ArgumentError, ArgumentTypeError, SchemaError, UnknownPlatformError

__all__ = ["time_zone", "whole", "number", "flag", "platform_name", "frame_with", "path_of",
           "user_path"]

#: a URL's scheme (``https://``, ``s3://``), which pathlib turns into a folder ``https:``
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def time_zone(tz, name: str = "tz") -> str:
    """``tz`` if it is an IANA time zone name, else an ArgumentError."""
    try:
        if not isinstance(tz, str) or not tz:
            raise ValueError
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ArgumentError(f"not an IANA time zone: {tz!r} (such as Europe/Paris)",
                            argument=name) from None
    return tz


def flag(value, name: str) -> bool:
    """``value`` as a bool if it is True or False (a numpy bool too), else an
    ArgumentTypeError: ``strict="no"`` was true."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    raise ArgumentTypeError(f"not a flag ({type(value).__name__})", argument=name,
                            expected="True or False", got=value)


def path_of(value, name: str, function: str, what: str, *, hint: str = "",
            writes: bool = False) -> Path:
    """``value`` as a Path (:func:`user_path`: ``~`` expanded) if it is a str or
    os.PathLike; else an ArgumentTypeError naming the argument, what ``function`` takes
    (``what``: "the path of an export file") and the type that came, ``hint`` after it:
    pathlib's own TypeError ("expected str, bytes or os.PathLike object, not NoneType")
    named neither the function nor the argument. A URL is an ArgumentError: the exports
    are files on disk, and pathlib made ``https://x.com/a.csv`` a path ``https:/x.com/a.csv``
    that "does not exist"; a URL given where ``function`` ``writes`` (``--out``) was a
    folder ``https:`` made beside the user's files, and is refused in its own words."""
    if not isinstance(value, str | os.PathLike):
        raise ArgumentTypeError(f"{function} takes {what}, not {type(value).__name__}{hint}",
                                argument=name, expected="a str or os.PathLike")
    if isinstance(text := os.fspath(value), str) and _URL.match(text):
        advice = ("writes files on disk, not to a URL: pass a folder or file on disk and copy "
                  "what it writes there" if writes else
                  "reads files on disk, not a URL: download the file first and pass its path "
                  "(or its folder's)")
        raise ArgumentError(f"{function} {advice}", argument=name, expected=what, got=value)
    return user_path(value)


def user_path(value: str | os.PathLike) -> Path:
    """A path a user wrote (an argument, a path in agency.yaml or brand.yaml) as a Path, with
    ``~`` as their home folder, as the shell and pandas read it: ``smm.load("~/exports")``
    said that existing folder did not exist, and agency.yaml's ``out: ~/reports`` wrote into
    a folder named ``~`` beside the file. The one place a user's ``~`` is expanded.

    Only a first part ``~`` (``~/…``), or ``~user`` of a user this system knows, is a home:
    pathlib read any ``~name`` as one and raised a bare RuntimeError for ``~old_exports`` or
    brand.yaml's ``logo: ~logo.svg``, which are plain relative names and are left as written.
    A ``~`` with no home known (no HOME, no user entry) is an ArgumentError naming the path."""
    path = Path(value)
    head = path.parts[0] if path.parts else ""
    if not head.startswith("~"):
        return path
    home = os.path.expanduser(head)     # ``head`` itself when the user or home is unknown
    if head != "~" and (home == head or not os.path.isdir(home)):
        return path     # no such user (Windows guesses a folder beside the home: not one)
    if home == head:
        raise ArgumentError(f"path {os.fspath(value)!r}: '~' stands for the home folder, and "
                            "this system names none (HOME is not set)",
                            expected="the path with the home folder written out")
    return Path(home, *path.parts[1:])


def whole(value, name: str, low: int, high: int | None = None) -> int:
    """``value`` as an int if it is a whole number from ``low`` to ``high``; else an
    ArgumentError."""
    ok = (isinstance(value, numbers.Integral) and not isinstance(value, bool)) or (
        isinstance(value, numbers.Real) and not isinstance(value, bool)
        and math.isfinite(value) and float(value).is_integer())
    if not ok or not low <= int(value) <= (high if high is not None else int(value)):
        expected = (f"a whole number from {low} to {high}" if high is not None
                    else f"a whole number of at least {low}")
        raise ArgumentError("out of range" if ok else "not a whole number", argument=name,
                            expected=expected, got=value)
    return int(value)


def number(value, name: str, low: float, high: float = math.inf, *, open_low: bool = False,
           open_high: bool = False) -> float:
    """``value`` as a float if it lies in the interval, else an ArgumentError."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and not (
        isinstance(value, float) and math.isnan(value))
    inside = ok and ((low < value) if open_low else (low <= value)) and (
        (value < high) if open_high else (value <= high))
    if not inside:
        left = f"{'>' if open_low else '>='} {low:g}"
        right = "" if high == math.inf else f" and {'<' if open_high else '<='} {high:g}"
        raise ArgumentError("out of range" if ok else "not a number", argument=name,
                            expected=left + right, got=value)
    return float(value)


def platform_name(platform, known: tuple[str, ...] | None = None) -> str:
    """``platform`` as the package names it (``" Instagram"`` → ``instagram``, ``"ig"`` →
    ``instagram``: :data:`~smmanalytics.schema.PLATFORM_ALIASES`), else an
    UnknownPlatformError listing the ``known`` names (default: the posts' platforms)."""
    from .schema import PLATFORMS, canonical_platform, platforms_expected

    known = PLATFORMS if known is None else known
    name = platform.strip().lower() if isinstance(platform, str) else platform
    name = canonical_platform(name) or name
    if name not in known:
        listed = ", ".join(known)
        if set(PLATFORMS) <= set(known):        # with the aliases they are taken by
            listed = ", ".join([platforms_expected(), *(k for k in known if k not in PLATFORMS)])
        raise UnknownPlatformError(f"unknown platform {platform!r}; expected one of {listed}")
    return name


def frame_with(frame, columns, function: str, what: str, name: str = "frame"):
    """``frame`` if it is a DataFrame holding every one of ``columns``; else an
    ArgumentTypeError (not a frame) or a SchemaError naming the columns it lacks, ``what``
    the function takes (``a frame of roi()``) and the columns that came: a frame the analyst
    cut down is told so, not a KeyError from inside pandas."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ArgumentTypeError(f"{function} takes {what}", argument=name, expected="a DataFrame",
                                got=type(frame).__name__)
    lacking = [c for c in columns if c not in frame.columns]
    if lacking:
        raise SchemaError(f"{function}: argument {name!r} lacks column(s) "
                          f"{', '.join(map(repr, lacking))}; expected {what} (columns "
                          f"{', '.join(columns)}); got columns "
                          f"{', '.join(map(str, frame.columns)) or 'none'}", column=lacking[0])
    return frame
