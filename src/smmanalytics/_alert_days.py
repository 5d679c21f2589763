"""Which day an alert's day is: the zone its date counts in (used by the report and ``smm alerts``).

Post-based signals count days in the brand's zone; account series keep the platform's own day
(``day_tz`` of :func:`~smmanalytics.alerts.signals`: Pacific days for Meta, UTC days for TikTok
and X), since a daily total cannot be re-cut into another zone. One incident may hold both, so
its first and last days are each given in the zone they were counted in: the first day is the
one that began first (13 October in Paris begins nine hours before 13 October in California),
the last the one that ended last; the incident's days lie between the two.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["alert_zones", "first_zone", "last_zone", "incident_zones", "two_zones"]

_KEY = ["date", "platform", "signal"]


def alert_zones(alerts: pd.DataFrame, signals: pd.DataFrame) -> pd.Series:
    """The day zone of each row of ``alerts`` (or of a review's ``detections``): its signal's
    ``day_tz`` on that day in ``signals``; NA for a row ``signals`` lacks (a frame made by
    hand). Indexed as ``alerts``."""
    keys = {"date": "datetime64[ns]", "platform": "string", "signal": "string"}
    zones = signals[_KEY + ["day_tz"]].astype(keys).drop_duplicates(_KEY)
    found = alerts[_KEY].astype(keys).merge(zones, on=_KEY, how="left")["day_tz"]
    return pd.Series(found.to_numpy(), index=alerts.index, dtype="string")


def _edge(day, zone: str, end: bool) -> pd.Timestamp:
    """The UTC instant ``day`` begins (or ends) in ``zone``; a midnight that a clock change
    skips or repeats (Santiago, Beirut) is read as the day's first instant."""
    midnight = pd.Timestamp(day).normalize() + pd.Timedelta(days=int(end))
    return midnight.tz_localize(zone, ambiguous=True, nonexistent="shift_forward")


def first_zone(day, zones, prefer: str | None = None) -> str | None:
    """Of ``zones`` (those of the alerts on ``day``), the one whose ``day`` begins first:
    an incident's first day, given in it, holds the others' same day from its start. On a
    tie (UTC and London in winter) ``prefer``, the brand's zone, wins. None when no zone is
    known."""
    known = sorted({str(z) for z in zones if pd.notna(z)})
    return min(known, key=lambda z: (_edge(day, z, end=False), z != prefer), default=None)


def last_zone(day, zones, prefer: str | None = None) -> str | None:
    """Of ``zones`` (those of the alerts on ``day``), the one whose ``day`` ends last: an
    incident's last day, given in it, holds the others' same day up to its end. On a tie
    ``prefer`` wins. None when no zone is known."""
    known = sorted({str(z) for z in zones if pd.notna(z)})
    return min(known, key=lambda z: (-_edge(day, z, end=True).value, z != prefer),
               default=None)


def incident_zones(watch, inc: pd.DataFrame, prefer: str | None = None) -> pd.DataFrame:
    """``inc`` (:func:`~smmanalytics.alerts.incidents` of ``watch.alerts``, ``watch`` a
    :class:`~smmanalytics.alerts.Review`) with the zone its first and last days count in
    (``start_zone``, ``end_zone``, string; ``prefer``: the brand's zone, winning ties). An
    incident begun before the period takes its first day's zone from the detection run
    (``watch.detections``): NA without one, as for a day no signal of ``watch`` holds."""
    found, runs = watch.alerts, watch.detections
    zones = alert_zones(found, watch.signals)
    starts, ends = [], []
    for iid, start, end, began in zip(inc["incident_id"], inc["start"], inc["end"],
                                      inc["began_before"], strict=True):
        mine = (found["incident_id"] == iid).fillna(False)
        first = zones[mine & (found["date"] == start)]
        if began:               # its first alerts precede the period's: the run holds them
            first = []
            if runs is not None:
                first = alert_zones(runs[runs["alert"] & (runs["date"] == start)],
                                    watch.signals)
        starts.append(first_zone(start, first, prefer))
        ends.append(last_zone(end, zones[mine & (found["date"] == end)], prefer))
    return inc.assign(start_zone=pd.Series(starts, index=inc.index, dtype="string"),
                      end_zone=pd.Series(ends, index=inc.index, dtype="string"))


def two_zones(start_zone, end_zone) -> bool:
    """Whether an incident's first and last days (:func:`incident_zones`) count in two known
    zones: a label then names each end's zone, the brand's too ("13 Oct (Paris time) – 19 Oct
    (Pacific time)"), as ``smm alerts`` does; "13 Oct – 19 Oct (Pacific time)" read as a
    week of Pacific days, though its first was Paris's.

    >>> two_zones("Europe/Paris", "America/Los_Angeles"), two_zones("UTC", "UTC")
    (True, False)
    >>> two_zones(pd.NA, "UTC")             # a zone not known is named by neither end
    False
    """
    return bool(pd.notna(start_zone) and pd.notna(end_zone) and start_zone != end_zone)
