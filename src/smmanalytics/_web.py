"""GA4 traffic attributed to social: channel groups, source aliases, period weights.

Definitions
-----------
- A GA4 row is *social* when its default channel group is ``Organic Social`` or
  ``Paid Social`` (any case; the French and Italian UI names containing ``social``/``sociaux``
  are accepted). When the export has no channel group, GA4's own rule is applied to the source and
  medium: a source that is a known social site or alias (``l.instagram.com``, ``m.facebook.com``,
  ``lnkd.in``, ``t.co``, …) or a medium such as ``social``/``social-media``/``sm``.
- ``platform`` is the source normalised through the alias table (``lnkd.in`` → linkedin,
  ``t.co`` → x); a social row whose source is not a known site gets ``(unassigned)``.
- ``campaign`` is GA4's session campaign (utm_campaign); ``(not set)``, ``(direct)``,
  ``(organic)``, ``(referral)`` and empty mean no campaign (``(unassigned)``).
- GA4 rows are never counted twice: when tables of several breakdowns (say by channel group
  and by source / medium) cover the same dates, only the most detailed one is used
  (source / medium, then source, campaign, channel group); when exports overlap (a monthly and
  a quarterly file, or daily rows and a monthly total), spans lying inside the period are
  preferred, longest first, and a span overlapping one already taken is left out (with a note).
- A row dated by ``date`` counts fully in the period that contains that day. A row with only
  ``period_start``/``period_end`` (a monthly export) counts by the share of its days inside the
  period: weight = overlap days / span days, 1 when its span lies inside the period.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .periods import Period, overlap_days

__all__ = ["UNASSIGNED", "SOURCE_ALIASES", "normalize_source", "campaign_key", "social_web"]

UNASSIGNED = "(unassigned)"

SOURCE_ALIASES: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook", "facebook.com", "m.facebook.com", "l.facebook.com",
                 "lm.facebook.com", "business.facebook.com", "fb", "fb.me", "fb.com", "meta"),
    "instagram": ("instagram", "instagram.com", "l.instagram.com", "ig", "igshid"),
    "x": ("x", "x.com", "twitter", "twitter.com", "t.co", "mobile.twitter.com", "tw"),
    "linkedin": ("linkedin", "linkedin.com", "lnkd.in", "lnkd", "linkedin.android",
                 "lm.linkedin.com"),
    "youtube": ("youtube", "youtube.com", "m.youtube.com", "youtu.be", "yt"),
    "tiktok": ("tiktok", "tiktok.com", "vm.tiktok.com", "tt"),
    "pinterest": ("pinterest", "pinterest.com", "pin.it", "pinterest.fr", "pinterest.it",
                  "pinterest.co.uk", "pinterest.de", "pinterest.es"),
}
_ALIAS = {alias: platform for platform, aliases in SOURCE_ALIASES.items() for alias in aliases}
_SOCIAL_MEDIUM = re.compile(r"^(social|social[-_ ]?(media|network)|sm|paid[-_ ]?social|"
                            r"organic[-_ ]?social)$")
_NO_CAMPAIGN = {"", "(not set)", "(direct)", "(organic)", "(referral)", "(none)", "not set"}


def normalize_source(source: pd.Series) -> pd.Series:
    """Platform name of each GA4 source (``l.instagram.com`` → ``instagram``), NA if not social."""
    s = source.astype("string").str.strip().str.lower()
    s = s.str.split(" / ").str[0].str.replace(r"^(https?://)?(www\.)?", "", regex=True)
    s = s.str.rstrip("/")
    return s.map(_ALIAS, na_action="ignore").astype("string")


def campaign_key(campaign: pd.Series) -> pd.Series:
    """Join key of a campaign name: lower case, runs of non-alphanumerics → ``_``; NA for none.

    ``"Autumn Launch"``, ``"autumn-launch"`` and ``"autumn_launch"`` share the key
    ``autumn_launch``.
    """
    s = campaign.astype("string").str.strip()
    s = s.mask(s.str.lower().isin(_NO_CAMPAIGN))
    return s.str.lower().str.replace(r"[^0-9a-z]+", "_", regex=True).str.strip("_")


def _is_social(web: pd.DataFrame, platform: pd.Series) -> pd.Series:
    group = web["channel_group"].astype("string").str.lower()
    by_group = group.str.contains(r"social|sociaux", regex=True)
    medium = web["medium"].astype("string").str.strip().str.lower()
    by_rule = platform.notna() | medium.str.match(_SOCIAL_MEDIUM.pattern)
    return by_group.where(group.notna(), by_rule).fillna(False).astype(bool)


def social_web(web: pd.DataFrame, period: Period) -> tuple[pd.DataFrame, list[str]]:
    """GA4 rows from social traffic that fall in ``period``, with their weight.

    Returns
    -------
    (DataFrame, notes)
        Rows with ``platform``, ``campaign_key``, ``campaign``, ``weight`` (share counted in the
        period), ``sessions``, ``engaged_sessions``, ``key_events``, ``revenue``, ``currency``;
        and notes on prorated or undated rows. The frame's ``attrs["covered"]`` says whether
        any GA4 row (social or not) covers the period: when False, web figures are unknown.
    """
    notes: list[str] = []
    cols = ["platform", "campaign_key", "campaign", "weight", "sessions", "engaged_sessions",
            "key_events", "revenue", "currency"]
    if web is None or web.empty:
        out = pd.DataFrame({c: pd.Series(dtype="Float64") for c in cols})
        out.attrs["covered"] = False
        return out, notes
    w = web.reset_index(drop=True)
    for c in ("date", "period_start", "period_end"):
        if c not in w.columns:
            w[c] = pd.Series(pd.NaT, index=w.index, dtype="datetime64[ns]")
    for c in ("channel_group", "source", "medium", "campaign", "currency"):
        if c not in w.columns:
            w[c] = pd.Series(pd.NA, index=w.index, dtype="string")
    date = pd.to_datetime(w["date"])
    dated = date.notna()
    start = pd.to_datetime(w["period_start"]).where(~dated, date)
    end = pd.to_datetime(w["period_end"]).where(~dated, date)
    undated = start.isna() | end.isna()
    span = ((end - start).dt.days + 1).to_numpy(dtype="float64")
    inside = overlap_days(start, end, period).astype("float64")
    weight = np.where(undated, 0.0, inside / np.where(span > 0, span, np.nan))
    weight = np.nan_to_num(weight, nan=0.0)
    covered = bool((weight > 0).any())
    weight = weight * _deduplicate(w, start, end, weight, notes)
    platform = normalize_source(w["source"])
    social = _is_social(w, platform)
    partial = social & (weight > 0) & (weight < 1)
    if partial.any():
        notes.append(f"{int(partial.sum())} GA4 rows span beyond {period.label}: prorated by day")
    if (undated & social).any():
        notes.append(f"{int((undated & social).sum())} social GA4 rows have no date or period "
                     f"and were not counted")
    keep = social & (weight > 0)
    out = pd.DataFrame({
        "platform": platform.fillna(UNASSIGNED)[keep],
        "campaign_key": campaign_key(w["campaign"]).fillna(UNASSIGNED)[keep],
        "campaign": w["campaign"].astype("string")[keep],
        "weight": weight[keep.to_numpy()],
        **{m: (pd.to_numeric(w[m]).astype("Float64")[keep] if m in w.columns
               else pd.Series(pd.NA, index=w.index, dtype="Float64")[keep])
           for m in ("sessions", "engaged_sessions", "key_events", "revenue")},
        "currency": w["currency"].astype("string")[keep],
    }).reset_index(drop=True)
    for m in ("sessions", "engaged_sessions", "key_events", "revenue"):
        out[m] = (out[m] * out["weight"]).astype("Float64")
    out.attrs["covered"] = covered
    return out, notes


_BREAKDOWN_RANK = {"source_medium": 0, "source": 1, "campaign": 2, "channel_group": 3,
                   "medium": 4}


def _deduplicate(w: pd.DataFrame, start: pd.Series, end: pd.Series, weight: np.ndarray,
                 notes: list[str]) -> np.ndarray:
    """1 for the rows to count, 0 for rows repeating traffic already counted (see module)."""
    keep = pd.Series(weight > 0, index=w.index)
    if not keep.any():
        return keep.to_numpy(dtype="float64")
    key = start.dt.strftime("%Y-%m-%d") + "|" + end.dt.strftime("%Y-%m-%d")
    if "breakdown" in w.columns:
        rank = w["breakdown"].astype("string").map(_BREAKDOWN_RANK).astype("float64").fillna(9)
        best = rank.where(keep).groupby(key).transform("min")
        drop = keep & (rank > best)
        if drop.any():
            kinds = ", ".join(sorted(set(w.loc[drop, "breakdown"].astype(str))))
            notes.append(f"{int(drop.sum())} GA4 rows broken down by {kinds} left out: another "
                         f"table of the same dates is more detailed (no double counting)")
            keep &= ~drop
    spans = (pd.DataFrame({"start": start[keep], "end": end[keep], "w": weight[keep.to_numpy()]})
             .drop_duplicates(["start", "end"]).sort_values("start"))
    if (spans["start"].iloc[1:].to_numpy() > spans["end"].iloc[:-1].to_numpy()).all():
        return keep.to_numpy(dtype="float64")        # disjoint spans: nothing to resolve
    spans["inside"] = spans["w"] >= 1
    spans["length"] = (spans["end"] - spans["start"]).dt.days
    chosen: list[tuple] = []
    for row in spans.sort_values(["inside", "length", "start"],
                                 ascending=[False, False, True]).itertuples():
        if all(row.end < a or row.start > b for a, b in chosen):
            chosen.append((row.start, row.end))
    ok = pd.Series(False, index=w.index)
    for a, b in chosen:
        ok |= (start == a) & (end == b)
    drop = keep & ~ok
    if drop.any():
        notes.append(f"{int(drop.sum())} GA4 rows left out: their dates overlap another export "
                     f"already counted (no double counting)")
    return (keep & ok).to_numpy(dtype="float64")
