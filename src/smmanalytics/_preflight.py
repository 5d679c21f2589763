"""Checks a brand's loaded data passes before anything is computed from it.

``smm report`` (:func:`~smmanalytics.runner.run_report`) and the analysis commands of the
command line (``smm roi``, ``smm alerts`` …, through ``cli._brand_data``) refuse the same
folders with the same words: an empty folder, a period wholly outside the data, and
``latest`` of data without a dated export. The checks live here, apart from the runner,
so that both callers share them without one reaching into the other's private names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .errors import EmptyDataError, ReportError
from .periods import latest_complete_month, post_dates
from .quality import unread_files

__all__ = ["check_covered", "check_not_empty", "check_platform_posts", "latest_period_of"]


def check_not_empty(ds, data: Path) -> None:
    """EmptyDataError when the brand's data hold no post, daily row or GA4 row (an empty
    folder, or one whose every export failed to load): its report would be pages of dashes
    under the name "Brand", written as a success. The message gives each file that could not
    be read and why, as the report's warning would.
    """
    if ds.span()[0] is not None:
        return
    unread = unread_files(ds.quality)
    why = ("; ".join(unread.values()) if unread else
           "expected the exports of at least one platform or of GA4")
    raise EmptyDataError(f"no post, daily row or GA4 row in {data}: nothing to report; {why}")


def check_covered(ds, data: Path, period, *, web: bool = True, latest: bool = False) -> None:
    """EmptyDataError when ``period`` lies wholly before or after the brand's data (with
    ``web``, GA4 days count: see :meth:`Dataset.span`): a report of it would be pages of
    dashes. A period the data cover in part is reported, and says so. ``latest``: the period
    is what ``latest`` resolved to, a month the user did not name (data up to 26 October
    make it September): the message says why, which months the data have and what to pass.
    """
    first, last = ds.span(web=web)
    if first is None or period.start <= last and period.end >= first:
        return
    days = f"the data's days, {first.isoformat()} to {last.isoformat()}"
    if not latest:
        raise EmptyDataError(f"no data of {data} falls in {period.label}; expected a period "
                             f"within {days}")
    months = sorted({f"{first:%Y-%m}", f"{last:%Y-%m}"})
    raise EmptyDataError(
        f"no data of {data} falls in {period.label}, the latest month complete by the "
        f"data's as-of day, {ds.as_of().isoformat()} (--period latest); the data have "
        f"{' to '.join(months)} ({days}): pass --period {last:%Y-%m} for its last month, "
        "complete or not")


def check_platform_posts(ds, data: Path | None, platform: str, period) -> None:
    """EmptyDataError unless the brand has a post of ``platform`` (a name the package uses)
    published by ``period``'s end: the posts a best-times report of that platform reads. One
    of Pinterest, of a brand without a Pinterest export, was three pages of "no post up to the
    end of the period" and method notes of other platforms, written as a success, where ``smm
    calendar --platform pinterest`` refuses it. The message names the platforms with posts by
    then (and the days of the platform's own posts when they all come later), as a campaign
    report of a campaign the data do not name lists the known ones. ``data``: what the
    message calls the data (None: the Dataset's folder, as ``BrandReport`` names it)."""
    if data is None:
        data = ds.root if getattr(ds, "root", None) is not None else "the data"
    posts = ds.posts
    if posts is None or posts.empty:
        names, days = pd.Series(dtype="string"), pd.Series(dtype="datetime64[ns]")
    else:
        names, days = posts["platform"].astype("string"), post_dates(posts, ds.brand.timezone)
    by_then = (days <= pd.Timestamp(period.end)).fillna(False).to_numpy(bool)
    if (names[by_then] == platform).any():
        return
    others = sorted(set(names[by_then].dropna()))
    later = days[(names == platform).fillna(False).to_numpy(bool)]
    why = (f"its posts start on {later.min().date().isoformat()}, after {period.label}; "
           if len(later) else "")
    raise EmptyDataError(
        f"no {platform} post of {data} up to the end of {period.label} to analyse; {why}"
        f"expected one of the platforms with posts by then: "
        f"{', '.join(others) if others else 'none'}")


def latest_period_of(ds, data) -> str:
    """The latest complete month of a brand's loaded Dataset, ``period="latest"`` of
    :func:`~smmanalytics.runner.run_report` and ``smm report --period latest`` (``data``
    names it in the error): the last month that ended by the data's as-of day
    (:meth:`Dataset.as_of`, the day before the newest export date; an export date only
    guessed from a file's modification time does not push it later than the data go).
    """
    last = ds.as_of()       # the last day the data cover: its month counts when it ends then
    if last is None:
        raise ReportError(f"no dated exports in {data}: cannot tell the latest month; "
                          "pass --period YYYY-MM")
    return latest_complete_month(last + dt.timedelta(days=1)).label
