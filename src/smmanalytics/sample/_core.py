"""Shared simulation pieces: calendar, accounts, follower series, schedules, count draws."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "TZ", "PT", "START", "END", "EXPORT_DAY", "INCIDENT", "CAMPAIGNS", "ACCOUNTS", "Export",
    "days", "epoch_ms", "nb", "followers_series", "schedule", "maturity", "spread", "in_incident",
    "snapshot_ts",
]

TZ = "Europe/Paris"
PT = "America/Los_Angeles"
START = pd.Timestamp("2025-09-01")
END = pd.Timestamp("2026-10-31")
EXPORT_DAY = pd.Timestamp("2026-11-01")
INCIDENT = (pd.Timestamp("2026-10-13"), pd.Timestamp("2026-10-19"))
#: campaign -> (first day, last day) in Paris time
CAMPAIGNS = {
    "fete-des-meres-2026": (pd.Timestamp("2026-05-18"), pd.Timestamp("2026-05-31")),
    "automne-2026": (pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")),
}

ACCOUNTS = {
    "instagram": {"id": "17841402958311467", "handle": "maisonseve", "name": "Maison Sève"},
    "facebook": {"id": "104938275516283", "handle": "maisonseve", "name": "Maison Sève"},
    "x": {"id": "maisonseve", "handle": "maisonseve", "name": "Maison Sève"},
    "linkedin": {"id": "89123457", "handle": "maison-seve", "name": "Maison Sève"},
    "youtube": {"id": "UCq7mS3vEk9LmZpR2tYwXa4Q", "handle": "maisonseve", "name": "Maison Sève"},
    "tiktok": {"id": "maisonseve", "handle": "maisonseve", "name": "Maison Sève"},
}

_WEEKLY = np.array([1.0, 1.04, 1.06, 1.02, 0.96, 0.86, 0.92])  # Mon..Sun


@dataclass(frozen=True)
class Export:
    """One export file's coverage (Paris days, inclusive) and the day it was downloaded."""

    start: pd.Timestamp
    end: pd.Timestamp
    exported: pd.Timestamp


def snapshot_ts(day: pd.Timestamp) -> pd.Timestamp:
    """The snapshot moment of an export taken on ``day``: 00:00 UTC of that day."""
    return pd.Timestamp(day.date()).tz_localize("UTC")


def epoch_ms(day: pd.Timestamp) -> int:
    """Milliseconds since 1970 of 08:00 UTC on ``day`` (the export moment in download names)."""
    return int(pd.Timestamp(day.date()).tz_localize("UTC").value // 10**6) + 8 * 3600 * 1000


def days(start: pd.Timestamp = START, end: pd.Timestamp = END) -> pd.DatetimeIndex:
    """Calendar days (naive) from ``start`` to ``end`` inclusive."""
    return pd.date_range(start, end, freq="D")


def in_incident(dates: pd.Series | pd.DatetimeIndex) -> np.ndarray:
    """True for Paris dates inside the incident week."""
    d = pd.DatetimeIndex(dates).normalize()
    return np.asarray((d >= INCIDENT[0]) & (d <= INCIDENT[1]))


def nb(rng: np.random.Generator, mu: np.ndarray, alpha: float) -> np.ndarray:
    """Negative binomial counts with mean ``mu`` and variance ``mu + alpha * mu**2``."""
    mu = np.asarray(mu, dtype=float)
    lam = mu * rng.gamma(1.0 / alpha, alpha, size=mu.shape)
    return rng.poisson(lam).astype(np.int64)


def followers_series(rng: np.random.Generator, start_followers: int, gain0: float, gain1: float,
                     churn: float, *, first: pd.Timestamp = START,
                     boost: dict[str, float] | None = None) -> pd.DataFrame:
    """Daily follows, unfollows, net change and end-of-day total.

    Gains are Poisson around a level going linearly from ``gain0`` to ``gain1`` per day, times
    a weekly rhythm; unfollows are Poisson around ``churn`` × yesterday's total. In the incident
    week gains are halved and unfollows multiplied by 9. ``boost`` maps a campaign to a gain
    multiplier during its days.
    """
    idx = days(first)
    n = len(idx)
    level = np.linspace(gain0, gain1, n) * _WEEKLY[idx.day_of_week]
    for name, mult in (boost or {}).items():
        a, b = CAMPAIGNS[name]
        level = np.where((idx >= a) & (idx <= b), level * mult, level)
    inc = in_incident(idx)
    level = np.where(inc, level * 0.5, level)
    gains = rng.poisson(level)
    total = np.empty(n, dtype=np.int64)
    unf = np.empty(n, dtype=np.int64)
    prev = start_followers
    for i in range(n):  # a running total: each day's churn depends on yesterday's total
        unf[i] = rng.poisson(prev * churn * (9.0 if inc[i] else 1.0))
        prev = prev + gains[i] - unf[i]
        total[i] = prev
    return pd.DataFrame({"date": idx, "follows": gains, "unfollows": unf,
                         "net_follows": gains - unf, "followers_total": total})


def schedule(rng: np.random.Generator, per_month: float, hours: np.ndarray,
             hour_p: np.ndarray | None = None, *, first: pd.Timestamp = START,
             weekdays: tuple[int, ...] = tuple(range(7))) -> pd.Series:
    """Post times (tz-aware, Paris): per month a count uniform within ±15 % of ``per_month``."""
    out = []
    for month in pd.period_range(first, END, freq="M"):
        mdays = pd.date_range(max(month.start_time, first), month.end_time.normalize(), freq="D")
        mdays = mdays[np.isin(mdays.day_of_week, weekdays)]
        k = int(rng.integers(round(per_month * 0.85), round(per_month * 1.15) + 1))
        chosen = np.sort(rng.choice(len(mdays), size=k, replace=True))
        h = rng.choice(hours, size=k, p=hour_p)
        m = rng.integers(0, 60, size=k)
        out.append(mdays[chosen] + pd.to_timedelta(h, "h") + pd.to_timedelta(m, "m"))
    local = pd.DatetimeIndex(np.concatenate([o.to_numpy() for o in out])).sort_values()
    return pd.Series(local.tz_localize(TZ, nonexistent="shift_forward", ambiguous=False))


def maturity(age_days: np.ndarray) -> np.ndarray:
    """Share of a post's lifetime metrics reached ``age_days`` after publication.

    m(a) = 1 − 0.9·exp(−a) − 0.1·exp(−a/20), clipped to [0, 1]: most interactions come in the
    first days, a long tail keeps adding for weeks (so a later re-export shows higher numbers).
    """
    a = np.clip(np.asarray(age_days, dtype=float), 0, None)
    return np.clip(1.0 - 0.9 * np.exp(-a) - 0.1 * np.exp(-a / 20.0), 0.0, 1.0)


_KERNEL = np.array([0.55, 0.2, 0.1, 0.06, 0.04, 0.03, 0.02])


def spread(day_index: np.ndarray, values: np.ndarray, n_days: int,
           kernel: np.ndarray = _KERNEL) -> np.ndarray:
    """Distribute each post's total over its publication day and the following days."""
    out = np.zeros(n_days)
    for k, w in enumerate(kernel):
        d = day_index + k
        ok = (d >= 0) & (d < n_days)
        np.add.at(out, d[ok], values[ok] * w)
    return out
