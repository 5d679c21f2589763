"""Canonical tables: column names, dtypes, and validation.

``posts`` has one row per post (its latest snapshot; for figures over a date range,
YouTube Studio's, those of its exports' ranges added up, ``window_start`` to ``window_end``:
see :mod:`smmanalytics._ranges`); ``daily`` is a long table of account series; ``web`` holds
GA4 traffic; ``audience`` holds follower breakdowns (gender, country, …).
Every timestamp is tz-aware UTC; every metric is nullable ``Float64`` where missing means NaN,
never 0; every text column, canonical or extra, is :data:`TEXT` (``string``). Extra,
platform-specific columns are kept after the canonical ones.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .errors import SchemaError

__all__ = ["PLATFORMS", "PLATFORM_NAMES", "PLATFORM_ALIASES", "canonical_platform",
           "shown_platform", "platforms_expected", "CONTENT_TYPES", "TABLES", "TEXT", "METRICS",
           "empty", "conform", "validate", "utc_timestamps", "utc_series", "is_constant"]

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube", "tiktok", "pinterest")
#: each platform's name as written in text: reports, charts
PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "x": "X",
                  "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok",
                  "pinterest": "Pinterest"}
#: the other spellings of a platform every input takes (brand.yaml's accounts, costs.csv,
#: goals.yaml, competitors.csv, the API's ``platform`` arguments), in any case: the ones in
#: common use, kept few (``tw``, ``li``, ``tt``, ``pin`` are left out: short words a typo or
#: another meaning could give). A platform's own name needs no entry. ``meta`` is none: it
#: means Facebook and Instagram together (costs.csv refuses it, asking which)
PLATFORM_ALIASES = {"fb": "facebook", "ig": "instagram", "insta": "instagram",
                    "twitter": "x", "yt": "youtube"}
CONTENT_TYPES = ("image", "carousel", "video", "reel", "short", "story", "text", "link",
                 "document", "other")
UTC = "datetime64[ns, UTC]"
#: the one text dtype of the canonical tables, the ``"string"`` of :data:`TABLES`: Arrow-backed,
#: missing values ``pd.NA`` as the other nullable dtypes (not pandas' default ``str``, whose
#: missing values are NaN); :func:`conform` gives text extras it too
TEXT = pd.StringDtype()

#: metrics of the posts table, in canonical order (all Float64)
METRICS = (
    "impressions", "views", "reach", "reactions", "comments", "shares", "saves",
    "link_clicks", "clicks", "video_views", "follows", "watch_time_s",
    "platform_engagements", "interactions",
)

_POSTS = {
    "platform": "category",
    "account_id": "string",
    "account_name": "string",
    "post_id": "string",
    "permalink": "string",
    "caption": "string",
    "published_at": UTC,
    "time_precision": "category",
    "time_source": "category",
    "content_type": "category",
    "paid": "boolean",
    "campaign": "string",
    **{m: "Float64" for m in METRICS},
    # the days (inclusive, naive) the metrics cover when an export gives a date range's
    # figures (YouTube Studio's table); NaT for lifetime figures (or a range not stated)
    "window_start": "datetime64[ns]",
    "window_end": "datetime64[ns]",
    "snapshot_at": UTC,
    "source_file": "string",
    "source_format": "string",
    "source_locale": "string",
}

_DAILY = {
    "platform": "category",
    "account_id": "string",
    "date": "datetime64[ns]",      # calendar day in ``day_tz`` (naive)
    "hour": "Int8",                # 0-23 for hourly series, NA otherwise
    "metric": "string",
    "value": "Float64",
    "day_tz": "string",
    "snapshot_at": UTC,
    "source_file": "string",
}

_WEB = {
    "date": "datetime64[ns]",          # day in the property's zone; NaT for period totals
    "period_start": "datetime64[ns]",
    "period_end": "datetime64[ns]",
    "channel_group": "string",
    "source": "string",
    "medium": "string",
    "campaign": "string",
    # the GA4 property (website) whose traffic the row is; NA when the export does not say
    "property": "string",
    "sessions": "Float64",
    "engaged_sessions": "Float64",
    "key_events": "Float64",
    "revenue": "Float64",
    "currency": "string",
    "snapshot_at": UTC,
    "source_file": "string",
}

_AUDIENCE = {
    "platform": "category",
    "account_id": "string",
    "dimension": "string",     # gender, country, age, job_function, seniority, industry, ...
    "category": "string",
    "value": "Float64",        # count where given
    "share": "Float64",        # fraction of the audience
    "snapshot_at": UTC,
    "source_file": "string",
}

_QUALITY = {
    "file": "string",
    "level": "category",       # info, warning, error
    "code": "string",          # short machine-readable tag, e.g. "dst_ambiguous"
    "message": "string",
    "rows": "Int64",
    "columns": "object",       # the headers the note names as not read (a tuple), else None
    "posts": "object",         # the posts the note concerns (a tuple), else None
    "missing_metrics": "object",  # the metrics a note says an export lacks (quality.MissingMetrics)
    "cost_gaps": "object",     # costs.csv's months without a category: ((month, (cat, …)), …)
}

TABLES: dict[str, dict[str, str]] = {
    "posts": _POSTS,
    "daily": _DAILY,
    "web": _WEB,
    "audience": _AUDIENCE,
    "quality": _QUALITY,
}

_KEYS = {"posts": ("platform", "post_id"), "daily": ("platform", "date", "metric")}


def shown_platform(platform: object) -> str:
    """A platform as text names it (``TikTok`` of ``tiktok``: :data:`PLATFORM_NAMES`), for a
    note or a report; anything else (a platform no export has, as given) as it is. A note
    that wrote the id ("the facebook table", "3 tiktok daily rows") sat beside notes of
    the same load saying "Facebook" and "TikTok"."""
    return PLATFORM_NAMES.get(str(platform), str(platform))


def canonical_platform(name: object) -> str | None:
    """``name`` as the package names its platform (``" IG"`` → ``instagram``, ``Twitter`` →
    ``x``: :data:`PLATFORM_ALIASES`), or None when it names none of :data:`PLATFORMS`; each
    input says what else it accepts (``all``) and refuses the rest with its own error."""
    if not isinstance(name, str):
        return None
    key = name.strip().lower()
    key = PLATFORM_ALIASES.get(key, key)
    return key if key in PLATFORMS else None


def _platform_key(name: str) -> str:
    """A platform name of a frame as the package names it (:func:`canonical_platform`), or,
    naming no platform, stripped and lower case."""
    return canonical_platform(name) or name.strip().lower()


def platforms_expected() -> str:
    """The platform names every input accepts, for an error's ``expected``: the platforms and
    their aliases (``instagram (or ig, insta)``)."""
    def spelled(p: str) -> str:
        others = [a for a, q in PLATFORM_ALIASES.items() if q == p]
        return f"{p} (or {', '.join(others)})" if others else p

    return ", ".join(map(spelled, PLATFORMS))


def _spec(table: str) -> dict[str, str]:
    try:
        return TABLES[table]
    except KeyError:
        raise SchemaError(f"unknown table {table!r}; expected one of {sorted(TABLES)}") from None


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the canonical columns and dtypes of ``table``.

    Each table's is built once and copied: a load asks for seven (the merge's tables an export
    lacks, the posts of each table's accounts), and building one, a Series per column, took
    8 ms of CPU for posts' 43 columns, copying it a tenth of a millisecond.
    """
    _spec(table)
    return _empty(table).copy()


@functools.cache
def _empty(table: str) -> pd.DataFrame:
    """The frame :func:`empty` copies (never given out: a caller may change its copy)."""
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in _spec(table).items()})


def column_or(df: pd.DataFrame, name: str, fill: object = pd.NA,
              dtype: object = None) -> pd.Series:
    """The column ``name`` of ``df``, or ``fill`` on every row of ``df``'s index with ``dtype``
    when ``df`` has no such column (an export that does not carry it).

    The column is returned as it is (not cast to ``dtype``), the filler unnamed: a caller
    that needs a type casts the result.

    Examples
    --------
    >>> df = pd.DataFrame({"reach": [10, 20]})
    >>> column_or(df, "views", dtype="Float64").tolist()
    [<NA>, <NA>]
    >>> column_or(df, "reach").tolist()
    [10, 20]
    """
    if name in df.columns:
        return df[name]
    return pd.Series(fill, index=df.index, dtype=dtype)


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return a copy of ``df`` with every canonical column of ``table``, cast to its dtype.

    Missing canonical columns are added as all-NA; extra columns are kept after the
    canonical ones (see :func:`_extra`). The index is reset to a RangeIndex. The input is not
    modified.
    """
    spec = _spec(table)
    if _conformed(df, spec):        # as conform would make it (a part merged after finish)
        out = df.copy(deep=False)
        out.attrs = {}
        return out
    out = df.reset_index(drop=True)
    # the result carries no attrs; without them here, each column taken below does not get a
    # deep copy of the frame's attrs
    out.attrs = {}
    n = len(out)
    cols = {}
    for col, dtype in spec.items():
        if col in out.columns:
            s = out[col]
            if str(s.dtype) == dtype:
                pass
            elif dtype == UTC:
                s = pd.to_datetime(s, utc=True).astype(UTC)
            elif dtype == "datetime64[ns]":
                s = pd.to_datetime(s).astype("datetime64[ns]")
            else:
                s = s.astype(dtype)
            cols[col] = s
        else:
            cols[col] = _all_na(dtype, n)
    for c in out.columns:
        if c not in spec:
            cols[c] = _extra(out[c])
    # Series (not bare arrays) keep copy-on-write's references: no copy, caller safe
    return pd.DataFrame(cols, index=pd.RangeIndex(n), copy=False)


def _extra(s: pd.Series) -> pd.Series:
    """An extra column as :func:`conform` keeps it: text (``string``, ``str`` or Python
    strings in objects) as :data:`TEXT`, so that a table's text columns, canonical or not,
    have one dtype and one missing value (``str`` extras gave NaN beside ``pd.NA``); numpy
    numbers, booleans and dates as they are; an object column missing on every row as it is
    (inferring gives object back); any other as its numpy form."""
    if isinstance(s.dtype, pd.StringDtype):
        # no Python object per cell; from Arrow-backed ``str``, the same Arrow array
        return s.astype(TEXT)
    if not len(s) or (isinstance(s.dtype, np.dtype) and s.dtype.kind in "biufmM") or (
            s.dtype == object and s.isna().all()):
        return s
    values = pd.Series(s.to_numpy(), copy=False)
    return values.astype(TEXT) if isinstance(values.dtype, pd.StringDtype) else values


def _conformed(df: pd.DataFrame, spec: dict[str, str]) -> bool:
    """True when :func:`conform` would give ``df`` back as it is: a 0..n RangeIndex, the
    canonical columns first with their dtypes, and extra columns it keeps unchanged (numpy
    arrays and :data:`TEXT`)."""
    index = df.index
    if not (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1):
        return False
    if list(df.columns[:len(spec)]) != list(spec) or not df.columns.is_unique:
        return False
    dtypes = list(df.dtypes)
    return (all(str(t) == d for t, d in zip(dtypes, spec.values(), strict=False))
            and all(isinstance(t, np.dtype) or t == TEXT for t in dtypes[len(spec):]))


def _all_na(dtype: str, n: int):
    """An array of ``n`` missing values of ``dtype`` (NaT for datetimes), built without a list."""
    if dtype in (UTC, "datetime64[ns]"):
        naive = pd.array(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"))
        return naive.tz_localize("UTC") if dtype == UTC else naive
    return _one_na(dtype).take(np.full(n, -1, dtype=np.intp), allow_fill=True)


@functools.cache
def _one_na(dtype: str):
    """One missing value of ``dtype``, made once: ``take`` gives a new array of it (conform
    adds twenty-odd absent columns to every file's posts, each made from a list before)."""
    return pd.array([None], dtype=dtype)


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Check that ``df`` follows the canonical table; return it unchanged or raise SchemaError."""
    spec = _spec(table)
    # the dtypes read once (not a column taken for each: 40 of them for every file's posts);
    # a name given twice is looked at as before, by its column
    have = dict(zip(df.columns, df.dtypes, strict=True)) if df.columns.is_unique else None
    for col, dtype in spec.items():
        if col not in df.columns:
            raise SchemaError(f"table {table!r} lacks column {col!r} ({dtype})", column=col)
        got = have[col] if have is not None else df[col].dtype
        if str(got) != dtype:
            raise SchemaError(
                f"column {col!r} of table {table!r} must be {dtype}, got {got}",
                column=col,
            )
    if table == "posts":
        plat = df["platform"]
        known = set(plat.cat.categories) <= set(PLATFORMS) if plat.dtype == "category" else False
        bad = plat.iloc[:0] if known else df.loc[plat.notna() & ~plat.isin(PLATFORMS),
                                                   "platform"]
        if len(bad):
            raise SchemaError(
                f"column 'platform' must be one of {PLATFORMS}; {len(bad)} rows are not "
                f"(first: {bad.iloc[0]!r})", column="platform", failure_cases=bad)
        for m in METRICS:
            values = df[m].array
            if not len(values) or not (values < 0).any():
                continue
            neg = df.loc[df[m] < 0, m]
            if len(neg):
                raise SchemaError(f"column {m!r} must be >= 0; {len(neg)} rows are negative "
                                  f"(first: {neg.iloc[0]})", column=m, failure_cases=neg)
    return df


def utc_timestamps(df: pd.DataFrame, column: str = "published_at") -> pd.Series:
    """``df[column]`` as tz-aware UTC timestamps, or a SchemaError naming the column, what it
    takes and what came.

    Taken: tz-aware datetimes (any zone, converted to UTC) and text in ISO 8601 with its UTC
    offset (``2026-10-01 14:59:26+00:00``, what ``to_csv`` writes of a tz-aware column and
    ``read_csv`` gives back as text). Refused: tz-naive datetimes or text without an offset,
    whose zone would be a guess, and text that is not a date.

    Examples
    --------
    >>> df = pd.DataFrame({"published_at": ["2026-10-01 14:59:26+02:00"]})
    >>> str(utc_timestamps(df).iloc[0])
    '2026-10-01 12:59:26+00:00'
    """
    if column not in df.columns:
        raise SchemaError(f"posts lack column {column!r}; expected tz-aware UTC datetimes",
                          column=column)
    return utc_series(df[column], column)


def utc_series(s: pd.Series, column: str = "published_at") -> pd.Series:
    """:func:`utc_timestamps` of one column ``s`` (named ``column`` in the errors)."""
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return s.dt.tz_convert("UTC")
    fix = (f"localize them first, e.g. df[{column!r}] = df[{column!r}].dt.tz_localize('UTC') "
           "if they are UTC")
    if s.dtype.kind == "M":
        raise SchemaError(f"column {column!r} must be tz-aware datetimes (UTC); got tz-naive "
                          f"{s.dtype}: {fix}", column=column)
    if s.dtype == object or isinstance(s.dtype, pd.StringDtype):
        text = s.dropna()
        try:
            parsed = pd.to_datetime(s, format="ISO8601", utc=True, errors="coerce")
        except (ValueError, TypeError):
            parsed = None
        if parsed is None:
            bad = text.iloc[0]
        else:
            # each value a date with its offset: the first that is not is named
            offsets = text.astype(str).str.contains(r"(?:[+-]\d{2}:?\d{2}|Z)$", regex=True)
            good = (offsets.to_numpy(dtype=bool)
                    & parsed.notna().to_numpy()[s.notna().to_numpy()])
            if good.all():
                return parsed.astype(UTC)
            bad = text.iloc[int(np.flatnonzero(~good)[0])]
        raise SchemaError(f"column {column!r} must be tz-aware datetimes (UTC) or ISO 8601 text "
                          f"with its UTC offset; got text such as {bad!r}", column=column)
    raise SchemaError(f"column {column!r} must be tz-aware datetimes (UTC); got {s.dtype}",
                      column=column)


#: the order of each merged table's rows (then the order of the files,
#: :func:`~smmanalytics.loaders._folder.file_order`); GA4's period totals (no ``date``) by
#: their period, which followed the files before
SORT_KEYS = {
    "posts": ("published_at", "platform", "post_id"),
    "daily": ("platform", "metric", "date", "hour"),
    "web": ("breakdown", "date", "period_start", "period_end", "source", "medium", "campaign",
            "channel_group"),
    "audience": ("platform", "dimension", "category"),
}


def canonical_order(posts: pd.DataFrame) -> np.ndarray:
    """Row positions of ``posts`` sorted stably by ``SORT_KEYS["posts"]`` (``published_at``,
    ``platform``, ``post_id``: the columns it has; missing values last), the order the merge
    gives posts: the order in which resamples and permutations draw posts, so that their
    results depend on the posts and the seed, not on the caller's row order (a shuffled
    sample moved best_times' X p-value 0.662 → 0.652 and every compare interval).
    ``smm.load`` gives posts in this order already, so the identity.
    """
    keys = []
    for c in reversed(SORT_KEYS["posts"]):       # least significant first
        if c not in posts.columns:
            continue
        s = posts[c]
        if c == "published_at":
            try:
                s = utc_series(s)
            except SchemaError:
                s = s.astype("string")
        else:
            s = s.astype("string")
        # factorize on sorted uniques gives ranks; NA → -1, moved to the end
        codes, _ = pd.factorize(s, sort=True)
        keys.append(np.where(codes < 0, np.iinfo(np.int64).max, codes))
    if not keys:
        return np.arange(len(posts))
    return np.lexsort(keys)


def canonical_platforms(frame):
    """``frame`` with its ``platform`` column as the package names platforms (stripped, lower
    case, aliases read as :func:`canonical_platform` reads an argument: ``"INSTAGRAM "`` and
    ``"IG"`` → ``instagram``; a name of no platform only stripped and lower case); ``frame``
    itself when the names are already so (as ``smm.load`` makes them) or it has no such
    column. A categorical column stays categorical.

    Where a posts frame enters the API (a :class:`~smmanalytics.dataset.Dataset`,
    :func:`~smmanalytics.metrics.engagement`, :func:`~smmanalytics.timing.best_times`): upper
    case names made best_times find no Instagram post of 611, roi give "FACEBOOK" and
    "facebook" rows, and scorecard count 0 Instagram posts; "IG" beside "Instagram" gave
    engagement two Instagram rows, and best_times refused ``platform="ig"`` (s57R1).
    """
    if not isinstance(frame, pd.DataFrame) or "platform" not in frame.columns:
        return frame
    s = frame["platform"]
    if isinstance(s, pd.DataFrame):             # two columns named platform: left as they are
        return frame
    renamed = {name: key for name in s.dropna().unique()
               if isinstance(name, str) and (key := _platform_key(name)) != name}
    if not renamed:
        return frame
    fixed = s.astype("string").replace(renamed)
    if isinstance(s.dtype, pd.CategoricalDtype):
        fixed = fixed.astype("category")
    elif s.dtype != object:                     # text of the frame's own dtype
        fixed = fixed.astype(s.dtype)
    out = frame.copy(deep=False)
    out["platform"] = fixed
    return out


def is_constant(a) -> bool:
    """True when every element of the array ``a`` is the same value, or every one is missing
    (False when unsure: object columns holding values)."""
    if len(a) == 0:
        return True
    if isinstance(a, pd.arrays.ArrowStringArray):
        arrow = pa.array(a)
        if arrow.null_count:
            return arrow.null_count == len(arrow)
        if arrow[0].as_py() != arrow[-1].as_py():     # the ends first, as for numbers below
            return False
        return bool(pc.all(pc.equal(arrow, arrow[0])).as_py())
    if isinstance(a, pd.arrays.FloatingArray | pd.arrays.IntegerArray | pd.arrays.BooleanArray):
        missing = a.isna()
        if missing.any():
            return bool(missing.all())
        values = a.to_numpy()
    elif isinstance(a, pd.arrays.Categorical):
        values = a.codes
    elif isinstance(a, pd.arrays.DatetimeArray):
        values = a.asi8
    else:
        values = a.to_numpy()
        if values.dtype == object:     # e.g. a column a loader left empty: None on every row
            return bool(pd.isna(values[[0, -1]]).all() and pd.isna(values).all())
        if values.dtype.kind not in "biufmM":
            return False
    if values.dtype.kind == "f" and np.isnan(values[0]):     # NaN on every row, or not
        return bool(np.isnan(values).all())
    return bool(values[0] == values[-1] and (values == values[0]).all())
