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
from .periods import last_day_covered, latest_complete_month
from .quality import unread_files

__all__ = ["check_covered", "check_not_empty", "latest_period_of"]


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


def check_covered(ds, data: Path, period, *, web: bool = True) -> None:
    """EmptyDataError when ``period`` lies wholly before or after the brand's data (with
    ``web``, GA4 days count: see :meth:`Dataset.span`): a report of it would be pages of
    dashes. A period the data cover in part is reported, and says so.
    """
    first, last = ds.span(web=web)
    if first is not None and (period.end < first or period.start > last):
        raise EmptyDataError(f"no data of {data} falls in {period.label}; expected a period "
                             f"within the data's days, {first.isoformat()} to "
                             f"{last.isoformat()}")


def latest_period_of(ds, data) -> str:
    """:func:`~smmanalytics.runner.latest_period` of a loaded Dataset (``data`` names it in
    the error): the last month that ended by the data's as-of day (:meth:`Dataset.as_of`, the
    day before the newest export date).

    An export date only guessed from a file's modification time (an export renamed
    ``export (3).csv``, quality code ``snapshot_guessed``) is the day the file was copied, not
    the day it was taken: 5 December made ``latest`` November, a month with no data. Such
    exports count by the last day the social data cover (:meth:`Dataset.span`, GA4's days
    aside as :meth:`Dataset.as_of` leaves them: a GA4 export of November made ``latest``
    November) instead: the as-of day is then the later of that day and the as-of day of the
    exports whose date is stated (in their content or name, or inferred from their days, a
    UTC midnight the end of that UTC day as for :meth:`Dataset.as_of`), which still rules.
    """
    last = ds.as_of()       # the last day the data cover: its month counts when it ends then
    if last is None:
        raise ReportError(f"no dated exports in {data}: cannot tell the latest month; "
                          "pass --period YYYY-MM")
    guessed = set(ds.quality.loc[ds.quality["code"].eq("snapshot_guessed"), "file"]
                  .astype(str)) if len(ds.quality) else set()
    if guessed:
        days = [d for d in (_stated_as_of(ds, guessed), ds.span(web=False)[1]) if d is not None]
        last = min(last, max(days, default=last))
    return latest_complete_month(last + dt.timedelta(days=1)).label


def _stated_as_of(ds, guessed: set[str]) -> dt.date | None:
    """The as-of day (:meth:`Dataset.as_of`) of the posts and daily exports read whose date
    is not among the ``guessed`` files; None without one."""
    files = ds.files
    if not len(files) or not {"path", "kind", "status", "snapshot_at"} <= set(files.columns):
        return None
    stamps = [stamp for path, kind, status, stamp in zip(
        *(files[c].tolist() for c in ("path", "kind", "status", "snapshot_at")), strict=True)
        if str(status) == "ok" and pd.notna(stamp) and str(path) not in guessed
        and not {"posts", "daily"}.isdisjoint(str(kind).split(","))]
    if not stamps:
        return None
    return max(last_day_covered(s, ds.brand.timezone) for s in stamps)
