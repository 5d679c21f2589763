"""When an export was taken (``snapshot_at``), and the days its file name says it covers.

The time comes from (1) the parser's ``attrs["as_of"]``, (2) a date or epoch in the file name
(``…_2026-10-31.csv``, ``…_<start>_<end>.csv`` → end), else (3) the file's modification time,
noted as guessed (``attrs["snapshot_guessed"]``: the merge keeps an export that states its
time over it). :func:`range_from_name` and :func:`dates_in_name` read the same names for the
dataset's covered days (``dataset.py``) and the Meta loader.

A time the export gives is checked against its rows, by two rules that differ because their
evidence does. Daily rows (:func:`mtime_before_rows`) are one per day, their dates read from
cells a spreadsheet may have retyped: a row after the modification time is taken as misread
(a year mistyped in one of 365), unless every row is after it, when the time is the wrong
one. Posts (:func:`_before_posts`) are checked on their latest publication alone, once the
doubtful ones are set aside (:func:`latest_post`: dated after today, or years a parser
guessed): a platform writes each post's time, and a name's date that is the period's first
day, not the export's, is the common mistake a single post later than it reveals.

Apart from the registry because it is self-contained: it reads file names, sources and the
frames' attrs, and knows nothing of formats or candidates.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from ..quality import QualityLog, counted
from ._sources import Source

__all__ = ["snapshot_from_name", "dates_in_name", "range_from_name", "mark_range_end",
           "export_snapshot", "mtime_before_rows", "latest_possible_day", "zone_of",
           "latest_post", "EXPORT_SLACK"]

#: how far past now a date may be and still be taken as read: a day a file names is a day
#: of some zone (up to 14 hours ahead of UTC) and ends a day after its start
_FUTURE_SLACK = pd.Timedelta(days=2)


def _latest_plausible() -> pd.Timestamp:
    """The latest time (UTC) a file's name, rows or posts may give and not be misread."""
    return pd.Timestamp.now(tz="UTC") + _FUTURE_SLACK


def _daily_dates(frames: list[pd.DataFrame]) -> list[pd.Series]:
    """The dates of the daily rows of each of ``frames`` that has some."""
    return [pd.to_datetime(f["date"]) for f in frames
            if f.attrs.get("kind") == "daily" and "date" in f.columns and len(f)]


_NAME_DATE = [
    (re.compile(r"(20\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?:[T ]([0-2]\d)[-:h_.]?([0-5]\d)"
                r"(?:[-:_.]?([0-5]\d))?)?(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(1[5-9]\d{8}|1[5-9]\d{11})(?!\d)"), "epoch"),
]


#: a date of a file name as a day of a range: not inside a longer number (an epoch)
_NAME_DAY = re.compile(r"(?<!\d)" + _NAME_DATE[0][0].pattern)


def snapshot_from_name(name: str, tz: str = "UTC") -> pd.Timestamp | None:
    """The latest date (or epoch seconds/ms) written in a file name, as UTC; None if none.

    ``…_2026-10-01_2026-10-31.csv`` gives the end date 2026-10-31, taken as the end of that
    day in ``tz``, the zone of the export's days (a range export covers the whole last day:
    2026-11-01 00:00 in ``tz``; Meta's days end at 07:00 UTC); a time after the date
    (``2026-10-31T0815``) is kept as written, as UTC.
    """
    for part in reversed(name.split("!")):   # an archive member, else the archive's own name
        found = _dates_in_name(Path(part).name, tz)
        if found:
            return max(found)
    return None


def dates_in_name(name: str) -> int:
    """How many dates (or export moments) a file name states, its archive's name included:
    of two files of the same bytes, the one read is the one whose name says the most
    (``facebook_posts_2026-08-01_2026-08-31_2026-09-02.csv``, 3, over its copy renamed
    ``export (3).csv``, 0, whose export date is only guessed from when it was copied).

    >>> dates_in_name("facebook_posts_2026-08-01_2026-08-31_2026-09-02.csv")
    3
    >>> dates_in_name("export (3).csv")
    0
    """
    return sum(len(_dates_in_name(Path(part).name)) for part in name.split("!"))


def range_from_name(name: str, log: QualityLog | None = None
                    ) -> tuple[datetime.date, datetime.date] | None:
    """The days an export covers, as its file name says: ``(start, end)``, else None.

    Only a clear statement counts: two calendar dates, start then end
    (``account_analytics_content_2025-09-01_2026-02-28.csv``), or three, the third being the
    export day of Meta's names (``facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv``: 1 to
    31 October). A zip member without dates takes its archive's (``Content 2025-09-01_2026-10-31
    Maison Sève.zip!Table data.csv``); the innermost name holding dates decides. One date is
    the export's day, not a range; epochs (TikTok, LinkedIn) and dates with a time of day are
    export moments, not days of a range. Names whose dates do not make a range (end before
    start, an export day before the end, more than three dates, a date after the day after
    tomorrow, which :func:`snapshot_from_name` ignores too) give None, with a note in ``log``
    (code ``name_range_ignored``): nothing is guessed.
    """
    for part in reversed(name.split("!")):
        base = Path(part).name
        matches = list(_NAME_DAY.finditer(base))
        if not matches:
            continue
        days = []
        for m in matches:
            y, mo, d, hh, _, _ = m.groups()
            if hh is not None and int(hh) < 24:
                continue              # a moment (the export's), not a day of the range
            try:
                days.append(datetime.date(int(y), int(mo), int(d)))
            except ValueError:
                continue
        if len(days) < 2:
            return None
        odd = None
        latest = _latest_plausible().date()
        start, end, *exported = days
        if len(days) > 3:
            odd = f"{len(days)} dates, where a start, an end and an export day are expected"
        elif start > end:
            odd = f"its end, {end.isoformat()}, comes before its start, {start.isoformat()}"
        elif exported and exported[0] < end:
            odd = (f"its export day, {exported[0].isoformat()}, comes before its end, "
                   f"{end.isoformat()}")
        elif max(days) > latest or start < datetime.date(2004, 1, 1):
            odd = (f"{max(days).isoformat()} is later than today"
                   if max(days) > latest else f"{start.isoformat()} is before 2004")
        if odd is None:
            return start, end
        if log is not None:
            log.add(name, "name_range_ignored", f"the dates of the name {base!r} do not make "
                    f"the period the export covers ({odd}): its days are known from its rows "
                    "only", level="info")
        return None
    return None


def _day_end(day: pd.Timestamp, tz: str) -> pd.Timestamp:
    """The end of a naive calendar ``day`` in ``tz``, as UTC: the first instant of the next
    day, whatever its first local time. Where the clocks change at midnight the next day's
    00:00 is skipped (America/Santiago's spring: it begins at 01:00, taken) or comes twice
    (America/Havana's autumn: the first one, the day's end); a plain ``tz_localize`` raised
    ValueError on both."""
    return (day.normalize() + pd.Timedelta(days=1)).tz_localize(
        tz, nonexistent="shift_forward", ambiguous=True).tz_convert("UTC")


def zone_of(frames: list[pd.DataFrame]) -> str:
    """The zone the frames' days and times were read in (their ``source_tz``), else UTC."""
    for f in frames:
        try:
            return str(ZoneInfo(str(f.attrs.get("source_tz"))))
        except (ValueError, KeyError, OSError):
            continue
    return "UTC"


def _dates_in_name(base: str, tz: str = "UTC") -> list[pd.Timestamp]:
    found: list[pd.Timestamp] = []
    for rx, kind in _NAME_DATE:
        for m in rx.finditer(base):
            try:
                if kind == "epoch":
                    v = int(m.group(1))
                    found.append(pd.Timestamp(v, unit="ms" if v > 10**11 else "s", tz="UTC"))
                else:
                    y, mo, d, hh, mm, ss = m.groups()
                    day = pd.Timestamp(int(y), int(mo), int(d))
                    if hh is not None and int(hh) < 24:
                        found.append(day.tz_localize("UTC") + pd.Timedelta(
                            hours=int(hh), minutes=int(mm), seconds=int(ss or 0)))
                    else:
                        found.append(_day_end(day, tz))
            except (ValueError, OverflowError):
                continue
    return [t for t in found if pd.Timestamp("2004-01-01", tz="UTC") <= t <= _latest_plausible()]


def latest_possible_day(src: Source, tz: str) -> pd.Timestamp:
    """The last day (naive, in ``tz``) an export that states no date can hold: the day of the
    file's modification time, else today's. A copy's modification time is later than its
    export, never earlier: a row dated after it was misread, or is not of this export."""
    when = (pd.Timestamp.now(tz="UTC") if src.mtime is None
            else pd.Timestamp(src.mtime, unit="s", tz="UTC"))
    return when.tz_convert(tz).tz_localize(None).normalize()


def mtime_before_rows(src: Source, frames: list[pd.DataFrame], log: QualityLog) -> bool:
    """True, noted once, when the file's modification time is earlier than every daily row it
    holds: a wrong clock, or a copy that reset it. A copy's time is later than its export,
    never earlier, so an export is not older than its own first day; that time is no bound
    of its days then. Taken as one, it made every row of the file "dated after the export"
    (each noted, none a day the export covers) and itself the export's date. A file with
    some rows after it (a year mistyped in one) keeps it: those rows are the misread ones,
    and so does an export that states its date, the one :func:`export_snapshot` takes."""
    tz = zone_of(frames)
    if (src.mtime is None or any(f.attrs.get("as_of") is not None for f in frames)
            or snapshot_from_name(src.name, tz) is not None):
        return False
    firsts = [d for d in (dates.min() for dates in _daily_dates(frames)) if pd.notna(d)]
    modified = latest_possible_day(src, tz)
    if not firsts or min(firsts) <= modified:
        return False
    log.add(src.name, "mtime_before_data", f"the file's modification time, {modified:%Y-%m-%d}"
            f", is earlier than its first day, {min(firsts):%Y-%m-%d}: a wrong clock or a copy "
            "that reset it; not used as the export's date nor as the last day it can hold",
            level="info")
    return True


#: how far past an export's time a post's publish time may be before it proves that time
#: wrong: a day, for the zone the export's day was read in (a file name's date has none)
EXPORT_SLACK = pd.Timedelta(days=1)


def latest_post(frames: list[pd.DataFrame]) -> pd.Timestamp | None:
    """The latest publication among the posts of ``frames`` (UTC), the earliest the export
    can have been made: an export cannot list a post published after it. None without posts,
    and for posts whose parser doubts their dates (``attrs["after_export_hint"]``: TikTok's
    years a spreadsheet guessed) or dated after today, which are misread, not evidence."""
    today = _latest_plausible()
    latest = [published[published <= today].max() for f in frames
              if f.attrs.get("kind") == "posts" and "published_at" in f.columns
              and not f.attrs.get("after_export_hint")
              for published in [pd.to_datetime(f["published_at"], utc=True)]]
    latest = [t for t in latest if pd.notna(t)]
    return max(latest) if latest else None


def _before_posts(src: Source, when: pd.Timestamp, read: str, latest: pd.Timestamp | None,
                  log: QualityLog) -> bool:
    """True, noted (``snapshot_before_posts``), when ``when``, the export's time as ``read``
    (its name's date, its modification time), is more than :data:`EXPORT_SLACK` before its
    latest post: that time is wrong. October's posts exported on 15 November and saved as
    ``Insights_2026-10-01.csv`` (the period's first day) were taken as older than the export
    of 2 November, whose figures then won, and their dates were called misread."""
    if latest is None or latest <= when + EXPORT_SLACK:
        return False
    log.add(src.name, "snapshot_before_posts", f"{read}, {when:%Y-%m-%d %H:%M} UTC, is before "
            f"its latest post, published {latest:%Y-%m-%d %H:%M} UTC: an export cannot hold a "
            "post published after it, so that date is wrong and was not taken as the export's",
            level="warning")
    return True


def _before_days(src: Source, when: pd.Timestamp, frames: list[pd.DataFrame],
                 last_days: list[pd.Timestamp], tz: str, log: QualityLog) -> pd.Timestamp | None:
    """The latest daily row's day (naive, in ``tz``), noted (``snapshot_before_days``), when
    it is after the day of ``when``, the single date a daily file's name gives: the rows prove
    the name wrong, as a post published after it does (:func:`_before_posts`), and the
    export was made after that row's day. ``Facebook follows_2026-10-01.csv`` holding October
    up to the 31st was taken as exported on 1 October, and its 30 later rows were called
    "a date misread?". None when no row is after it, or when the name states a range (the
    rows after its end are noted by ``_finish._days_after_export``). ``last_days``: each
    frame's latest day up to the file's modification time (a later one is misread)."""
    if not last_days or range_from_name(src.name) is not None:
        return None
    named = (when - pd.Timedelta(1)).tz_convert(tz).tz_localize(None).normalize()
    last = pd.Timestamp(max(last_days))
    if last <= named:
        return None
    frame = next(f for f in frames if f.attrs.get("kind") == "daily" and "date" in f.columns
                 and (pd.to_datetime(f["date"]) == last).any())
    at = pd.to_datetime(frame["date"]) == last
    metric = (f" ({frame.loc[at, 'metric'].iloc[0]})" if "metric" in frame.columns else "")
    dates = pd.to_datetime(frame["date"]).dt.normalize()
    after = dates[dates > named]
    log.add(src.name, "snapshot_before_days", f"the date its name gives, {named:%Y-%m-%d}, is "
            f"before its latest row, {last:%Y-%m-%d}{metric}, and its rows of "
            f"{counted(after.nunique(), 'day', 'days')} come after it: an export cannot hold a "
            "day after it was made, so that date is wrong; the export was taken as made at "
            f"the end of {last:%Y-%m-%d} ({tz})", level="warning", rows=len(after))
    return last


def export_snapshot(src: Source, frames: list[pd.DataFrame], log: QualityLog
                    ) -> tuple[pd.Timestamp, bool, bool]:
    """When the export was taken, whether the export says so (in its cells, title lines,
    zip member stamps or file name) rather than it being inferred or guessed, and whether it
    was only guessed from the file's modification time (which a copy sets to its own).

    A name's date or a modification time before the export's latest post is wrong (noted,
    :func:`_before_posts`) and not taken: the next evidence is, else the latest post itself,
    the earliest the export can have been made (``snapshot_from_posts``)."""
    inside = [f.attrs.get("as_of") for f in frames if f.attrs.get("as_of") is not None]
    if inside:
        return pd.Timestamp(max(inside)).tz_convert("UTC"), True, False
    tz = zone_of(frames)
    posted = latest_post(frames)
    from_name = snapshot_from_name(src.name, tz)
    latest = latest_possible_day(src, tz)
    last_days = [d[d <= latest].max() for d in _daily_dates(frames)]
    last_days = [d for d in last_days if pd.notna(d)]
    if from_name is not None and not _before_posts(src, from_name, "the date its name gives",
                                                   posted, log):
        if (row := _before_days(src, from_name, frames, last_days, tz, log)) is None:
            return from_name, True, False
        return _day_end(row, tz), False, False
    if last_days:
        # a daily series is exported after its last day: deterministic, unlike the file's
        # modification time, which a copy or a clone changes; a day after that time (or
        # today) cannot be in the export and is no evidence of its date (finish notes it)
        last = pd.Timestamp(max(last_days))
        ts = _day_end(last, tz)
        log.add(src.name, "snapshot_inferred", f"export time not in the file nor its name; "
                f"taken as the end of its last day, {last:%Y-%m-%d} ({tz})", level="info")
        return ts, False, False
    modified = (None if src.mtime is None
                else pd.Timestamp(src.mtime, unit="s", tz="UTC").floor("s"))
    if modified is not None and _before_posts(src, modified, "its modification time", posted,
                                              log):
        modified = None
    if modified is None and posted is not None:
        log.add(src.name, "snapshot_from_posts", f"export time not known; taken as the "
                f"publication of its latest post, {posted:%Y-%m-%d %H:%M} UTC, the earliest it "
                "can have been made", level="info")
        return posted, False, False
    if modified is not None:
        ts = modified
        log.add(src.name, "snapshot_guessed", f"export time not in the file nor its name; "
                f"used the file's modification time {ts:%Y-%m-%d %H:%M} UTC", level="info")
        return ts, False, True
    log.add(src.name, "snapshot_unknown", "export time unknown (no date in the file or its "
            "name, no modification time); snapshot_at left empty", level="warning")
    return pd.NaT, False, False


def mark_range_end(src: Source, frames: list[pd.DataFrame], log: QualityLog) -> None:
    """Flag (``attrs["snapshot_range_end"]``) and note (``snapshot_range_end``) posts of
    lifetime totals whose export time is the last day of the range their name gives, no
    more: X's ``account_analytics_content_<start>_<end>.csv`` is named after the range
    chosen (reference §3.2), not the day of the export, which came then or later.

    Two such exports of one range end tie; the merge keeps the larger totals then, which only
    grow, rather than the later file name (``_merge``), and the report says "as of the export
    (range ending …)", not a day no file states. A name with a third date (Meta's export
    day), a time inside the file, or figures over the range (YouTube's ``window_start``) is
    not such a case."""
    posts = [f for f in frames if f.attrs.get("kind") == "posts" and "window_start" not in f]
    if (not posts or len(posts) < len(frames) or any(f.attrs.get("as_of") is not None
                                                     for f in frames)
            or dates_in_name(src.name) != 2 or (days := range_from_name(src.name)) is None):
        return
    for f in frames:
        f.attrs["snapshot_range_end"] = True
    start, end = days
    log.add(src.name, "snapshot_range_end", f"export time not in the file; its name gives the "
            f"range chosen, {start.isoformat()} to {end.isoformat()}: taken as the end of its "
            "last day, the earliest the export can have been made", level="info")
