"""Posting plans from best times, and their export as an iCalendar (.ics) file.

Definitions
-----------
- Slot ranking: with a reliable timing effect, the recommended slots with posts (best first),
  then the other slots with posts by shrunk lift (a slot without posts, its lift unknown, is
  never planned on this basis); a slot below the account's average (lift < 1) comes after every
  slot at or above it, and is planned only when more posts a week are asked than those give
  (its reason says so, ``attrs["below_average"]`` counts them); a slot of fewer than
  ``timing.MIN_CELL_POSTS`` (8) posts comes after every slot of more. The reason of a slot of
  so few posts, in the window or not, gives their number and not its lift, which one post sets
  (benchmarks-methods 3.3); one of them counted at a cap (``BestTimes.few_capped``, which the
  heatmap draws as too few to tell) is said so, in the window too. Such a slot has no lift in
  the plan (<NA>): its estimate is its capped post's (12.7x for one viral post). In the window
  it comes after the window's other slots (as ``BestTimes.recommended`` ranks it), before any
  slot outside it; outside, after every other slot, below the average or not. When the
  finding is the days of the week alone (``BestTimes.best_days``: the weekday test holds,
  the hour test does not), those days first, then the other days by their lift, each at the
  hours the account posted at, most used first (basis ``days``). Without a reliable effect, the
  audience-activity schedule (most followers online first) when exported; otherwise posts are
  spread evenly over the week at the account's most common posting hour (of hours tied for
  most posts, the one nearest noon, and the reason says no hour is usual; noon when no post
  analysed has a known hour; the reason says why: the exports give no hours, or timing left
  every post out, "too young: 4").
- Each week of the plan uses the same slots: slots are taken in rank order, at most
  ``ceil(posts_per_week / 7)`` per day and at least 3 hours apart on the week's clock, across
  midnight and from Sunday to Monday (relaxed when too few slots qualify, and for slots at
  or above average before any below it is taken: two posts an hour apart at 1.4x the
  average beat one at 0.9x; and for those below
  it before a slot of no lift, a few posts one of them capped, is taken). A slot is used at
  most once a week: with fewer distinct slots than posts asked, the plan has fewer posts
  (``attrs["slots_per_week"]``), never two posts at the same time. The even spread puts a
  day's later posts every 4 hours after the first (closer with more than 6 posts a day)
  while they stay before midnight, and the rest every 4 hours before it (usual hour 22:00,
  two posts a day: 22:00 and 18:00), so that all stay on that day; each reason says how many
  posts the day has and how many hours after (or before) the usual hour it is.
- Times are wall-clock hours in the zone the best times were computed in, converted to UTC with
  the zone's rules (a slot in the skipped spring hour moves forward, to the first free hour
  of its day when the hour after it is planned too; in the repeated autumn hour, the first
  occurrence is used). A plan's days (its start, a month) are days of that zone too,
  so a plan in another zone ``tz`` holds the same instants, each slot once a week, shown in
  ``tz``: its weekday and hour are those of ``tz`` (a post may fall on the day before the
  start or after the end there), and each reason ends with the slot's weekday and hour in the
  best times' zone. Weeks of ``tz`` would lose or double a post: where the two zones change
  their clocks on other dates, a slot near midnight in ``tz`` crosses the edge of its week.
- Reasons are English sentences from the templates of ``_REASONS``; :func:`write_ics` with
  ``lang="fr"`` or ``"it"`` writes them, and the calendar's name and event titles, with the
  reports' wording (report/notes.yaml and labels.yaml).
"""

from __future__ import annotations

import logging
import numbers
import re
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._args import path_of, time_zone, user_path, whole
from ._io import atomic_write
from .brand import LANGS, slugify
from .errors import ArgumentError, OutputError, PeriodError, SchemaError
from .periods import parse_period
from .timing import MIN_CELL_POSTS, WEEKDAYS, BestTimes
from .timing._estimate import window_runs

__all__ = ["plan_slots", "plan_month", "plan_after", "write_ics", "ics_bytes", "calendar_path",
           "cancelled_events", "replaced_calendar"]

logger = logging.getLogger(__name__)

_MIN_GAP_H = 3
#: timing's reasons for leaving a post out that say its hour is unknown (``n_excluded``)
_HOURLESS = {"day_precision", "missing_time"}
#: the last day a plan can end on: its slots fall within its days in their own zone, up to two
#: days later in another zone (UTC-12 to UTC+14), and zones take dates that Python's datetime
#: holds, up to 9999-12-31
_LAST_END = pd.Timestamp("9999-12-31") - pd.Timedelta(days=7)


#: the account part of a slot's reason, for one account and for several (``{n}`` their number,
#: :attr:`BestTimes.accounts`): a platform of several accounts measures each post against its
#: own account's average, as the report's and the summary's lifts are, and its usual hour is
#: the posts' of all of them together ("the account's usual hour" was said of two). Each
#: field is said once here, and once per language in report/labels.yaml (notes.yaml's wording
#: of each reason is composed the same way, :func:`with_accounts`)
ACCOUNT_PARTS = {
    "average": ("the account's average", "each account's own average"),
    # a window's held-out lift names what it is against only when the accounts are several
    "against": ("", " each account's own average"),
    "whose": ("the account's", "these {n} accounts'"),
    "posters": ("the account usually posts", "these {n} accounts usually post"),
}

#: the English of each slot's reason, by kind, its account part composed (``ACCOUNT_PARTS``);
#: report/notes.yaml words each template in French and Italian, so that a report's calendars
#: give the reason in the report's language
_REASONS = {
    "window": ("recommended window ({weekdays}, {start}-{end} {tz}): held-out lift "
               "{lift}x{against} (interval {low}-{high}); this slot {slot_lift}x from {n} posts"),
    # a slot of fewer than MIN_CELL_POSTS posts in it ({few}): no lift of its own, which one
    # post sets (benchmarks-methods 3.3, as readable() and the report's table withhold it)
    "window_few": ("recommended window ({weekdays}, {start}-{end} {tz}): held-out lift "
                   "{lift}x{against} (interval {low}-{high}); posts at this slot: {n}, fewer "
                   "than {few}, too few for a lift of its own: planned on the window's estimate"),
    # such a slot holding a post counted at a cap (BestTimes.few_capped), which the heatmap
    # draws as too few to tell: it said "too few for a lift of its own" as any few slot did
    "window_few_capped": ("recommended window ({weekdays}, {start}-{end} {tz}): held-out lift "
                          "{lift}x{against} (interval {low}-{high}); posts at this slot: {n}, "
                          "fewer than {few}, one of them counted at a cap: too few to tell, "
                          "planned on the window's estimate"),
    # a window from best_times, whose lift allows for its having been picked because it stood
    # out (timing._estimate.selection_adjusted): not its raw held-out lift
    "window_adjusted": ("recommended window ({weekdays}, {start}-{end} {tz}): lift about "
                        "{lift}x{against} allowing for its selection (interval {low}-{high}); "
                        "this slot {slot_lift}x from {n} posts"),
    "window_adjusted_few": ("recommended window ({weekdays}, {start}-{end} {tz}): lift about "
                            "{lift}x{against} allowing for its selection (interval "
                            "{low}-{high}); posts at this slot: {n}, fewer than {few}, too few "
                            "for a lift of its own: planned on the window's estimate"),
    "window_adjusted_few_capped": ("recommended window ({weekdays}, {start}-{end} {tz}): lift "
                                   "about {lift}x{against} allowing for its selection (interval "
                                   "{low}-{high}); posts at this slot: {n}, fewer than {few}, "
                                   "one of them counted at a cap: too few to tell, planned on "
                                   "the window's estimate"),
    "outside": ("outside the recommended window: next best slot ({slot_lift}x, not significant "
                "on its own)"),
    # a slot of fewer than MIN_CELL_POSTS posts, ranked by the model's shrunk estimate after
    # every slot of more (_ranked): not "the next best slot", which it is not
    "few": ("outside the recommended window: posts at this slot: {n}, fewer than {few}, too few "
            "for a lift of its own: planned on the model's estimate, after the slots of more "
            "posts"),
    # such a slot holding a post counted at a cap (BestTimes.few_capped): the estimate is that
    # post's, which the heatmap does not draw; planned after every slot with a lift
    "few_capped": ("outside the recommended window: posts at this slot: {n}, fewer than {few}, "
                   "one of them counted at a cap: too few to tell, planned after the other "
                   "slots"),
    # a slot below the account's average, planned only because more posts a week were asked
    # than the slots at or above it give
    "below": ("outside the recommended window: below {average} ({slot_lift}x), planned only "
              "because more posts a week are asked than slots at or above the average give"),
    "activity": ("no reliable timing effect in past posts; followers online at this hour: "
                 "{relative}x the weekly average (audience schedule)"),
    "usual_hour": ("no reliable timing effect and no audience-activity data: posts spread evenly "
                   "over the week at {whose} usual hour ({hour} {tz})"),
    # the hours with the most posts tie ({hours}): the one nearest noon, :func:`_usual_hour`
    "tied_hour": ("no reliable timing effect and no audience-activity data: posts spread evenly "
                  "over the week at {hour} {tz}, the nearest to noon of the hours with the most "
                  "posts ({hours}, as many posts each): no hour is {whose} usual one"),
    "tied_hour_after": ("no reliable timing effect and no audience-activity data: posts spread "
                        "evenly over the week, {n} on this day; this one {gap} h after {hour} "
                        "{tz}, the nearest to noon of the hours with the most posts ({hours}, as "
                        "many posts each): no hour is {whose} usual one"),
    "tied_hour_before": ("no reliable timing effect and no audience-activity data: posts spread "
                         "evenly over the week, {n} on this day; this one {gap} h before {hour} "
                         "{tz}, the nearest to noon of the hours with the most posts ({hours}, "
                         "as many posts each): no hour is {whose} usual one"),
    "noon": ("no reliable timing effect and no audience-activity data: posts spread evenly over "
             "the week at noon ({hour} {tz}): the exports give no posting hours"),
    # a day's later posts in the even spread ({gap} h after the first, or before it when after
    # would pass midnight)
    "usual_hour_after": ("no reliable timing effect and no audience-activity data: posts spread "
                         "evenly over the week, {n} on this day; this one {gap} h after {whose} "
                         "usual hour ({hour} {tz})"),
    "usual_hour_before": ("no reliable timing effect and no audience-activity data: posts spread "
                          "evenly over the week, {n} on this day; this one {gap} h before "
                          "{whose} usual hour ({hour} {tz})"),
    "noon_after": ("no reliable timing effect and no audience-activity data: posts spread evenly "
                   "over the week, {n} on this day; this one {gap} h after noon ({hour} {tz}): "
                   "the exports give no posting hours"),
    "noon_before": ("no reliable timing effect and no audience-activity data: posts spread evenly "
                    "over the week, {n} on this day; this one {gap} h before noon ({hour} {tz}): "
                    "the exports give no posting hours"),
    # noon too, but some posts had an hour: timing left every post out ({excluded}, its
    # reasons and counts as the summary gives them, "too young: 4")
    "unanalysed": ("no reliable timing effect and no audience-activity data: posts spread evenly "
                   "over the week at noon ({hour} {tz}): no post could be analysed "
                   "({excluded})"),
    "unanalysed_after": ("no reliable timing effect and no audience-activity data: posts spread "
                         "evenly over the week, {n} on this day; this one {gap} h after noon "
                         "({hour} {tz}): no post could be analysed ({excluded})"),
    "unanalysed_before": ("no reliable timing effect and no audience-activity data: posts spread "
                          "evenly over the week, {n} on this day; this one {gap} h before noon "
                          "({hour} {tz}): no post could be analysed ({excluded})"),
    # the finding is the days alone (BestTimes.best_days): those days first, at the hours the
    # account posts at, then the other days when more posts a week are asked
    "day": ("{weekday} did better in past posts ({lift}x {average}, interval {low}-{high}); no "
            "hour stood out: an hour {posters} at ({hour} {tz})"),
    "day_other": ("{weekday}: not one of the days that did better in past posts ({weekdays}), "
                  "planned because more posts a week are asked; no hour stood out: an hour "
                  "{posters} at ({hour} {tz})"),
    # no day did better, some did worse (BestTimes.avoid_days): posts spread over the others,
    # the days that did worse last
    "day_spread": ("{weekday}: no day did better in past posts, {weekdays} did worse: posts "
                   "spread over the other days; no hour stood out: an hour {posters} at "
                   "({hour} {tz})"),
    "day_worse": ("{weekday} did worse in past posts ({lift}x {average}, interval "
                  "{low}-{high}), planned because more posts a week are asked; no hour stood "
                  "out: an hour {posters} at ({hour} {tz})"),
    # a slot of the hour the clocks skip in spring, moved on its day (_off_the_skipped_hour):
    # its reason is the move's, the slot's own (its audience, its lift) being another hour's
    "moved": ("moved from {hour} {tz}, an hour the clocks skip that day, to the first free "
              "hour of the day 3 hours or more from the other posts"),
    "moved_close": ("moved from {hour} {tz}, an hour the clocks skip that day, to the first "
                    "free hour of the day: none is 3 hours from the other posts"),
    # added to each reason ("; slot: …") in a plan shown in another zone than the slots'
    "slot": "slot: {weekday} {hour} {tz}",
}
_SLOT_SEP = "; "
TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")


def with_accounts(template: str, parts: dict[str, tuple[str, str]], several: bool) -> str:
    """``template`` with its account part said of one account or of ``several``: each of its
    fields that ``parts`` names (one account's words, several's) in those words, their number
    left as the field ``{n_accounts}``; its other fields stay. notes.yaml's wording of each
    reason is composed so too, from labels.yaml's words: a new reason is written once per
    language, not once for one account and again for several."""
    def said(m: re.Match) -> str:
        return parts[m[1]][several].format(n="{n_accounts}") if m[1] in parts else m[0]
    return TEMPLATE_FIELD.sub(said, template)


def _reason(kind: str, accounts: int, /, **values) -> str:
    """Reason ``kind`` with its ``values``, said of the posts of ``accounts`` accounts
    (:attr:`BestTimes.accounts`): "1.23x the account's average" and "the account's usual
    hour" read as one account's."""
    return with_accounts(_REASONS[kind], ACCOUNT_PARTS, accounts > 1).format(
        n_accounts=accounts, **values)


def _window_reason(best: BestTimes, told: dict, slot_lift: float, n: int,
                   capped: bool = False) -> str:
    """Why a slot in a recommended window of ``best`` was planned: the window (``told``, with
    the kind of reason its lift takes) and the slot's own lift from its ``n`` posts, or, from
    fewer than :data:`MIN_CELL_POSTS`, their number only: "this slot 12.68x from 1 post" was
    a lift the slots table withholds; one of them counted at a cap (``capped``,
    ``BestTimes.few_capped``), that too, as the heatmap's dotted cell says it."""
    few = "" if n >= MIN_CELL_POSTS else "_few_capped" if capped else "_few"
    return _reason(told["kind"] + few, best.accounts, **told,
                   slot_lift=f"{slot_lift:.2f}", n=n, few=MIN_CELL_POSTS)


def _outside_reason(best: BestTimes, slot_lift: float, n: int, capped: bool = False) -> str:
    """Why a slot outside the recommended window of ``best`` was planned: the next best, or
    below the average, by its lift from its ``n`` posts; from fewer than
    :data:`MIN_CELL_POSTS`, their number and its rank after the slots of more, or, one of
    them counted at a cap (``capped``), after every other slot."""
    if n < MIN_CELL_POSTS:
        return _reason("few_capped" if capped else "few", best.accounts, n=n,
                       few=MIN_CELL_POSTS)
    return _reason("outside" if slot_lift >= 1 else "below", best.accounts,
                   slot_lift=f"{slot_lift:.2f}")


def _ranked(best: BestTimes, per_week: int = 7) -> tuple[pd.DataFrame, str]:
    """Candidate slots (weekday, hour, lift, reason) best first, and the basis used."""
    tz = best.method.get("tz", "")
    # a recommended slot without posts (none measured there, its lift unknown) is no evidence
    # of when to post: the effect basis plans only slots with posts, as `rest` below
    rec = best.recommended
    if best.effect_detected and len(rec):
        rec = rec.loc[(rec["n_posts"].fillna(0).gt(0) & rec["lift"].notna()).to_numpy()]
    if best.effect_detected and len(rec):
        def told(w):
            # a window of hours the account skipped one of (18:00 and 20:00, not 19:00) is
            # told by its runs, "18:00-19:00, 20:00-21:00", as the summary tells them
            runs = window_runs(w)
            end = ", ".join([f"{runs[0][1]:02d}:00"] + [f"{a:02d}:00-{b:02d}:00"
                                                         for a, b in runs[1:]])
            return dict(weekdays=w["days"], start=f"{runs[0][0]:02d}:00", end=end, tz=tz,
                        lift=f"{w['lift']:.2f}", low=f"{w['lift_low']:.2f}",
                        high=f"{w['lift_high']:.2f}",
                        kind="window_adjusted" if w.get("selection_adjusted") else "window")

        window = told(best.window)
        # weekend days with their own hour curve: their slots are the weekend window's
        weekend = best.weekend_window or {}
        weekend_days = set(weekend.get("weekdays", ()))
        on_weekend = told(weekend) if weekend else window
        # a window slot of a few posts holding a capped one (few_capped) after the window's
        # other slots, as best.recommended ranks it (timing._window_slots_ranked), and with
        # no lift, as outside the window: its estimate is its capped post's (12.68x for one
        # viral post), which put it first in a plan of 1 a week over slots of 40 posts at
        # 1.27x. Planned on the window's estimate, it stays before the slots outside it
        # (_pick's first tier, whatever its lift)
        in_capped = best.few_capped[rec["weekday"].to_numpy(int), rec["hour"].to_numpy(int)]
        rec = rec.assign(_capped=in_capped).sort_values("_capped", kind="stable")
        rec = rec.assign(
            reason=lambda d: [_window_reason(best, on_weekend if int(day) in weekend_days
                                             else window, lift, n, bool(c))
                              for day, hour, lift, n, c in zip(
                                  d["weekday"], d["hour"], d["lift"], d["n_posts"], d["_capped"],
                                  strict=True)],
            lift=lambda d: d["lift"].astype("Float64").mask(d["_capped"].to_numpy()),
            _tier=0)
        rest = best.by_slot.loc[best.by_slot["n_posts"].gt(0) & best.by_slot["lift"].notna()]
        rest = rest.merge(rec[["weekday", "hour"]], how="left", indicator=True)
        rest = rest.loc[rest["_merge"] == "left_only"].drop(columns="_merge")
        # slots of too few posts to show a lift come after the others: ranked by their lift,
        # a viral post's slot (one post, 8.6x even capped) was the first planned outside the
        # window; and those holding a capped post after them, with no lift: at 12.7x, its
        # capped post's, the slot went ahead of the slots below the average in _pick, 4 posts
        # a week planning it over 09:00's 40 posts, the heatmap drawing it "too few to tell"
        capped = best.few_capped[rest["weekday"].to_numpy(int), rest["hour"].to_numpy(int)]
        rest = rest.assign(_few=rest["n_posts"].lt(MIN_CELL_POSTS), _capped=capped)
        rest = rest.sort_values(["_few", "_capped", "lift"], ascending=[True, True, False])
        rest = rest.assign(
            reason=[_outside_reason(best, lift, n, c) for lift, n, c in zip(
                rest["lift"], rest["n_posts"], rest["_capped"], strict=True)],
            lift=rest["lift"].astype("Float64").mask(rest["_capped"].to_numpy()))
        rest = rest.assign(_tier=_tiers(rest["lift"]))
        cols = ["weekday", "hour", "lift", "reason", "_tier"]
        return pd.concat([rec[cols], rest[cols]], ignore_index=True), "effect"
    if best.day_effect:
        return _by_days(best, tz, per_week), "days"
    if best.has_activity:
        act = best.activity
        # days that all tie are ranked spread over the week, as the even basis spreads them:
        # in weekday order, a tie planned 2 posts a week on Monday and Tuesday
        day_rank = (act["weekday"].map(_spread_rank(per_week)) if best.audience_days_tie
                    else act["weekday"])
        act = act.assign(_day=day_rank).sort_values(
            ["online_followers", "_day", "hour"], ascending=[False, True, True])
        lift = best.by_slot.set_index(["weekday", "hour"])["lift"]
        out = pd.DataFrame({
            "weekday": act["weekday"].to_numpy(), "hour": act["hour"].to_numpy(),
            "lift": lift.reindex(pd.MultiIndex.from_arrays(
                [act["weekday"].astype(int), act["hour"].astype(int)])).to_numpy(),
            "reason": [_REASONS["activity"].format(relative=f"{r:.2f}")
                       for r in act["relative"].astype(float)],
        })
        return out, "activity"
    n = best.by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24).sum(axis=0)
    told = dict(tz=tz, excluded="", hours="")
    if n.sum():
        hour, tied = _usual_hour(n)
        kind = "usual_hour" if len(tied) == 1 else "tied_hour"
        told["hours"] = ", ".join(f"{h:02d}:00" for h in tied)
    else:
        hour = 12
        kind, told["excluded"] = _no_usual_hour(best.n_excluded)
    reason = _reason(kind, best.accounts, hour=f"{hour:02d}:00", **told)
    out = pd.DataFrame({"weekday": np.arange(7), "hour": hour, "lift": np.nan,
                        "reason": [reason] * 7})
    out.attrs.update(kind=kind, told=told, accounts=best.accounts)
    return out, "even"


def _usual_hour(n: np.ndarray) -> tuple[int, list[int]]:
    """The hour of the even spread from the posts of each hour ``n`` (some), and the hours
    that had the most posts.

    The hour with the most posts is the account's usual one. When several tie, none is: the
    one nearest noon is taken (the earlier of two as near). The counts prefer none of them,
    and noon is when an audience is surely awake, the hour the spread takes when no post has
    one; the earliest, ``argmax``'s pick, is often a night hour that ties by accident: two
    posts at 02:30 on the night Rome's clocks go back (the hour happens twice) tied with five
    daytime hours, and every Instagram post was planned at 02:00, "the account's usual
    hour"."""
    tied = np.flatnonzero(n == n.max()).tolist()
    return min(tied, key=lambda h: (abs(h - 12), h)), tied


def _no_usual_hour(n_excluded: dict | None) -> tuple[str, str]:
    """Why no post gives a usual hour, as the kind of the even spread's reason and the posts
    left out: ``noon`` when none had an hour (day-precision exports, no publish time),
    ``unanalysed`` and "too young: 4" (timing's reasons and counts, as its summary words them)
    when some had one: four posts of the last week were told "the exports give no posting
    hours", which was false."""
    excluded = {k: v for k, v in (n_excluded or {}).items() if v}
    if not set(excluded) - _HOURLESS:
        return "noon", ""
    return "unanalysed", ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in excluded.items())


def _by_days(best: BestTimes, tz: str, per_week: int = 7) -> pd.DataFrame:
    """The slots of a finding of days alone: its days that did better (``best.best_days``)
    first (best first), then the other days by their lift (unknown last), then the days that
    did worse (``best.avoid_days``, worst last), each at the hours the account posted at, the
    most used first; the lift is the day's (no hour stood out). When no day did better, the
    other days come in an order whose first ``per_week`` are spread over the week (every
    other one of six for 3 a week): ranked by lift, equal days within their intervals, they
    were an arbitrary few."""
    n = best.by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24).sum(axis=0)
    hours = sorted(np.flatnonzero(n), key=lambda h: (-n[h], h)) or [12]
    days = best.best_days if best.best_days is not None else best.by_weekday.iloc[0:0]
    worse = best.avoid_days if best.avoid_days is not None else best.by_weekday.iloc[0:0]
    favoured = [int(d) for d in days["weekday"]]
    avoided = [int(d) for d in worse["weekday"]]
    rest = best.by_weekday.loc[~best.by_weekday["weekday"].isin(favoured + avoided)
                               .to_numpy(bool)]
    if favoured:
        rest = rest.sort_values(["lift", "weekday"], ascending=[False, True],
                                na_position="last")
    else:
        rest = rest.sort_values("weekday")
        k = len(rest)
        m = min(max(per_week, 1), k)
        first = sorted({i * k // m for i in range(m)})
        rest = rest.iloc[first + [i for i in range(k) if i not in first]]
    named = "/".join(WEEKDAYS[d] for d in favoured)
    bad = "/".join(WEEKDAYS[d] for d in avoided)
    rows = []
    for _, d in pd.concat([days, rest, worse.iloc[::-1]], ignore_index=True).iterrows():
        day, lift = int(d["weekday"]), d["lift"]
        for h in hours:
            where = dict(weekday=WEEKDAYS[day], hour=f"{h:02d}:00", tz=tz)
            if day in favoured or day in avoided:
                reason = _reason("day" if day in favoured else "day_worse", best.accounts,
                                 lift=f"{lift:.2f}", low=f"{d['lift_low']:.2f}",
                                 high=f"{d['lift_high']:.2f}", **where)
            elif favoured:
                reason = _reason("day_other", best.accounts, weekdays=named, **where)
            else:
                reason = _reason("day_spread", best.accounts, weekdays=bad, **where)
            rows.append((day, int(h), lift, reason))
    out = pd.DataFrame(rows, columns=["weekday", "hour", "lift", "reason"])
    out["lift"] = out["lift"].astype("Float64")
    return out


def _even_days(per_week: int) -> np.ndarray:
    """The weekdays (0 = Monday) of ``per_week`` posts spread evenly over a week, a day's
    second post after each day has one: 2 → Monday, Thursday; 9 → Monday, Monday, Tuesday…"""
    return np.floor(np.arange(per_week) * 7 / per_week).astype(int)


def _spread_rank(per_week: int) -> dict[int, int]:
    """Each weekday's rank when any day will do: the days :func:`_even_days` spreads a
    week's posts over first, then the others in weekday order."""
    days = dict.fromkeys([*_even_days(min(per_week, 7)).tolist(), *range(7)])
    return {day: rank for rank, day in enumerate(days)}


def _pick(ranked: pd.DataFrame, per_week: int, basis: str) -> pd.DataFrame:
    """Choose ``per_week`` slots in rank order, spread over the days."""
    if basis == "even":
        days = _even_days(per_week)
        # a day's second, third… post comes every 4 hours after the usual hour (closer when a
        # day has more than 6 posts, so that no two share an hour), and the ones that would
        # pass midnight every 4 hours before it: all of a day's posts stay on that day
        extra = pd.Series(days).groupby(days).cumcount().to_numpy()
        step = min(4, 24 // int(np.ceil(per_week / 7)))
        base = int(ranked["hour"].iloc[0])
        after = (23 - base) // step                    # the later posts that fit before 24:00
        hour = np.where(extra <= after, base + step * extra, base - step * (extra - after))
        # the later posts of a day say so: "2 on this day; this one 4 h after the usual hour"
        per_day = pd.Series(days).groupby(days).transform("size").to_numpy()
        kind, told = ranked.attrs["kind"], ranked.attrs["told"]
        reason = [ranked["reason"].iloc[0] if k == 0 else _reason(
            f"{kind}_after" if h > base else f"{kind}_before", ranked.attrs["accounts"],
            n=m, gap=abs(h - base), hour=f"{base:02d}:00", **told)
            for k, h, m in zip(extra, hour, per_day, strict=True)]
        return pd.DataFrame({"weekday": days, "hour": hour, "lift": np.nan, "reason": reason})
    cap = int(np.ceil(per_week / 7))
    taken: dict[int, list[int]] = {}
    week: list[int] = []            # the hours of the week taken (day * 24 + hour)
    rows: list[int] = []
    # on the effect basis, the slots at or above the account's average first, the per-day cap
    # and gap relaxed for them too, before any slot below it: the gap made the plan take a
    # 0.95x slot on a free day over a 1.46x one an hour from another post; and a slot of no
    # lift (a few posts, one capped: _ranked) after both: the cap made 4 posts a week take
    # Tuesday 21:00, free, over Friday 09:00, 40 posts at 0.63x, a day with a post already
    # (the window's slots are all of the first: _ranked's ``_tier``, a capped one's lift
    # unknown)
    tiers = (ranked["_tier"].to_numpy(int) if "_tier" in ranked
             else _tiers(ranked["lift"]) if basis == "effect"
             else np.zeros(len(ranked), dtype=int))
    # within a tier, the rules are relaxed one at a time: the per-day cap first (a third post
    # on a day, still 3 hours from the others), then the gap (posts an hour apart, the cap
    # kept), then both: relaxing both at once put three posts within 3 hours on a Tuesday
    steps = ((True, True), (False, True), (True, False), (False, False))    # (cap, gap) kept
    for tier in (0, 1, 2):
        for keep_cap, keep_gap in steps:
            for i, (d, h) in enumerate(zip(ranked["weekday"].astype(int),
                                           ranked["hour"].astype(int), strict=True)):
                if len(rows) == per_week:
                    break
                if tiers[i] != tier:
                    continue
                hours = taken.setdefault(d, [])
                if h in hours or (keep_cap and len(hours) >= cap) or (
                        keep_gap and _too_close(d * 24 + h, week)):
                    continue
                hours.append(h)
                week.append(d * 24 + h)
                rows.append(i)
    # the ranked rows themselves: their dtypes kept (a lift unknown stays <NA>)
    return ranked.iloc[rows].reset_index(drop=True)


def _tiers(lift: pd.Series) -> np.ndarray:
    """The tier :func:`_pick` takes each slot of ``lift`` in on the effect basis: 0 at or
    above the account's average, 1 below it, 2 of no lift (a few posts, one capped)."""
    lift = lift.astype("Float64").to_numpy(float, na_value=np.nan)
    return np.where(lift >= 1, 0, np.where(np.isnan(lift), 2, 1))


def _too_close(at: int, taken: list[int]) -> bool:
    """Whether the hour of the week ``at`` (day * 24 + hour, 0 = Monday 00:00) is less than
    ``_MIN_GAP_H`` hours from one of ``taken``, around the week's 168 hours: Thursday 23:00
    and Friday 00:00 are 1 hour apart, Sunday 23:00 and Monday 00:00 too (each week of the
    plan follows the last), Monday 01:00 and 23:00 are 22. The gap was the same day's: in
    Asia/Kolkata, a window 22:00-01:00 planned Thursday 23:00 and Friday 00:00, then no
    post for 47 hours."""
    return any(min(abs(at - x), 168 - abs(at - x)) < _MIN_GAP_H for x in taken)


def _check_best(best, what: str) -> None:
    if not isinstance(best, BestTimes):
        raise ArgumentError(f"{what} plans from best times", argument="best",
                            expected="a BestTimes from smm.best_times", got=type(best).__name__)


def _day(value, name: str) -> pd.Timestamp:
    """A date-like argument as a Timestamp, or an ArgumentError naming it (a number too:
    pandas reads 20261102 as nanoseconds after 1970)."""
    try:
        day = pd.NaT if isinstance(value, numbers.Number) else pd.Timestamp(value)
    except (ValueError, TypeError):
        day = pd.NaT
    if pd.isna(day):
        raise ArgumentError("not a date", argument=name, expected="a date such as '2026-11-02'",
                            got=value)
    return day


def plan_slots(best: BestTimes, start, weeks: int, posts_per_week: int,
               tz: str | None = None) -> pd.DataFrame:
    """Posting slots for the ``weeks`` weeks starting on ``start`` (a local date).

    Parameters
    ----------
    best : BestTimes
        Result of :func:`smmanalytics.best_times`.
    start : date-like
        First day of the plan, a day of the zone ``best`` was computed in (a date-time with a
        zone: its day there); the plan ends by 9999-12-24.
    weeks : int
        Number of weeks planned.
    posts_per_week : int
        Posts per week (1 to 168).
    tz : str, optional
        IANA zone the plan is shown in; defaults to the zone ``best`` was computed in. The
        posts are the same instants in any zone, ``weeks`` x ``attrs["slots_per_week"]`` of
        them: a slot of 19:00 Europe/Paris is 13:00 in America/New_York in a plan shown there,
        and Sunday 20:00 Europe/Paris in winter is Monday 00:30 in Asia/Kolkata, after the last
        day of the plan there.

    Returns
    -------
    DataFrame
        One row per planned post, in time order: start_local (tz-aware, in ``tz``), start_utc,
        weekday (0 = Monday) and hour of start_local (its minutes are those of the zone's
        offset: 22:30 in Asia/Kolkata for a slot of 19:00 Europe/Paris), lift (shrunk slot
        lift; <NA> when unknown), reason (why this slot), platform (the one ``best`` was
        computed for, ``all`` for every platform together), plan_days (the days planned,
        "2026-11-02..2026-11-15"), slot_day (the slot's day in the zone ``best`` was computed
        in, "2026-11-02": the events' UIDs in :func:`write_ics`), sequence and
        dtstamp (the plan's version, the events' SEQUENCE and DTSTAMP in :func:`write_ics`:
        the days from 1970-01-01 to the last analysed post's day, and how recent the
        analysed posts' metrics are, a UTC ISO instant; <NA> when unknown).
        ``attrs["basis"]`` is ``effect``, ``days``, ``activity`` or ``even``. No two posts
        share a start time: when fewer distinct slots qualify than ``posts_per_week`` (an
        account that has posted in few slots), the plan has fewer posts,
        ``attrs["slots_per_week"]`` says how many (``attrs["posts_per_week"]`` is the number
        asked) and a warning is logged.
        ``attrs["tz"]`` is the zone shown, ``attrs["slot_tz"]`` the zone of the slots.
        A slot in the hour the clocks skip in spring moves forward, to the first free hour
        of its day when the next one is planned too (02:00 to 04:00 when 03:00 has a post);
        ``attrs["clock_lost"]`` lists the days (ISO) where no hour was free (every hour
        planned), each a post fewer in the plan, which :func:`shortfall` says.
        ``attrs["below_average"]``: the slots a week whose lift is below the account's
        average (< 1), planned because more posts a week were asked than the slots at or
        above it give (0 unless the basis is ``effect``; a warning is logged).
        ``attrs["data_last_day"]`` and ``attrs["data_as_of"]``: how recent the analysed posts
        are (``best.method["last_day"]`` and ``["as_of"]``), whence the plan's version.

    Raises
    ------
    ArgumentError
        ``best`` is not a BestTimes, ``tz`` not an IANA zone, ``start`` not a date (or too
        late for the plan to end by 9999-12-24), or ``weeks`` / ``posts_per_week`` not a
        whole number in range.

    Examples
    --------
    >>> plan = plan_slots(bt, "2026-11-02", weeks=4, posts_per_week=3)   # doctest: +SKIP
    """
    _check_best(best, "plan_slots")
    tz = time_zone(tz or best.method.get("tz") or "UTC")
    posts_per_week = whole(posts_per_week, "posts_per_week", 1, 168)
    weeks = whole(weeks, "weeks", 1)
    day0 = _day(start, "start")
    ranked, basis = _ranked(best, int(posts_per_week))
    week = _pick(ranked, int(posts_per_week), basis)
    below = (int((week["lift"].astype("Float64") < 1).fillna(False).sum())
             if basis == "effect" else 0)
    # the slots are wall-clock hours in the zone ``best`` was computed in, and the plan's days
    # are that zone's days: each slot once a week, on the days start to start + 7 * weeks - 1
    # there, then shown in ``tz``. Weeks of ``tz`` would not do: when the two zones change
    # their clocks on other dates, a slot near midnight in ``tz`` (Sunday 20:00 in Paris,
    # 23:30 then 00:30 in Kolkata) crosses a week's edge, and a week held it twice or never
    slot_tz = best.method.get("tz") or tz
    day0 = (day0.tz_convert(slot_tz).tz_localize(None) if day0.tzinfo else day0).normalize()
    if (_LAST_END - day0).days < 7 * weeks:
        span = f"{weeks} week{'s' if weeks > 1 else ''}"
        raise ArgumentError(f"too late for a plan of {span}", argument="start",
                            expected=f"a day at least {span} before {_LAST_END.date()} (dates "
                                     "end with year 9999)", got=str(day0.date()))
    offset = (week["weekday"].to_numpy(int) - day0.weekday()) % 7
    n_rep = int(weeks)
    days = (offset[None, :] + 7 * np.arange(n_rep)[:, None]).ravel()
    hours = np.tile(week["hour"].to_numpy(int), n_rep)
    naive = pd.DatetimeIndex(day0 + pd.to_timedelta(days, unit="D")
                             + pd.to_timedelta(hours, unit="h"))
    at = naive.tz_localize(slot_tz, ambiguous=np.ones(len(naive), dtype=bool),
                           nonexistent="shift_forward")
    at, lost, moves = _off_the_skipped_hour(naive, at, slot_tz, len(week))
    local = at.tz_convert(tz)
    reason = np.tile(week["reason"].to_numpy(object), n_rep)
    lift = np.tile(week["lift"].astype("Float64").to_numpy(float, na_value=np.nan), n_rep)
    for i, gap_kept in moves.items():
        reason[i] = _REASONS["moved" if gap_kept else "moved_close"].format(
            hour=f"{naive[i].hour:02d}:00", tz=slot_tz)
        lift[i] = np.nan             # the lift of the hour skipped, not of the hour planned
    if slot_tz != tz:
        # the slot where the post is: a moved one's hour, not the skipped one
        wall = pd.DatetimeIndex([naive[i] if pd.isna(t) else t.tz_convert(slot_tz).tz_localize(
            None) for i, t in enumerate(at)])
        reason = np.array([r + _SLOT_SEP + _REASONS["slot"].format(
            weekday=WEEKDAYS[d], hour=f"{h:02d}:00", tz=slot_tz) for r, d, h in zip(
            reason, wall.day_of_week, wall.hour, strict=True)], dtype=object)
    plan = pd.DataFrame({
        "start_local": local,
        "start_utc": local.tz_convert("UTC"),
        "weekday": pd.array(local.day_of_week, dtype="Int64"),
        "hour": pd.array(local.hour, dtype="Int64"),
        # a lift unknown (a slot without posts, in the audience schedule) stays missing
        "lift": pd.array(lift, dtype="Float64"),
        "reason": pd.array(reason, dtype="string"),
        # the platform planned for, as a column too: a plan saved as CSV and read back (or
        # plans of several platforms put together) keeps it, and write_ics its events' UIDs
        "platform": pd.array([best.method.get("platform") or "all"] * len(local),
                             dtype="string"),
        # the days planned, as a column too (a plan saved as CSV and read back keeps them)
        "plan_days": pd.array([_days_text(day0, day0 + pd.Timedelta(days=7 * weeks - 1))]
                              * len(local), dtype="string"),
        # each slot's day in the slots' zone, as a column too: the events' UIDs are that day
        # and the slot's rank in it (write_ics), the same in a plan read back from CSV or
        # shown in another zone
        "slot_day": pd.array([d.date().isoformat() for d in naive.normalize()],
                             dtype="string"),
        # the plan's version, as columns too: a plan saved as CSV or Excel, edited and read
        # back, kept its UIDs but lost its attrs, and wrote SEQUENCE 0: calendar apps kept
        # the report's version (20750) and the move never showed
        **_version_columns(best.method, slot_tz, len(local)),
    })
    # a slot of the hour skipped in spring with no free hour left on its day (every hour
    # planned): the plan has a post fewer, which attrs["clock_lost"] and shortfall() say
    plan = plan.loc[~plan["start_utc"].isna()].sort_values("start_utc", kind="stable")
    plan = plan.reset_index(drop=True)
    plan.attrs.update(basis=basis, tz=tz, slot_tz=slot_tz, clock_lost=lost,
                      platform=best.method.get("platform"),
                      posts_per_week=int(posts_per_week), slots_per_week=len(week),
                      below_average=below,
                      # how recent the posts behind it are (the plan's version in write_ics)
                      data_last_day=best.method.get("last_day"),
                      data_as_of=best.method.get("as_of"))
    if below:
        logger.warning("slots a week below the account's average: %d of %d (more posts a "
                       "week asked than slots at or above it)", below, len(week))
    if short := shortfall(plan):
        logger.warning(short)
    return plan


def _off_the_skipped_hour(naive: pd.DatetimeIndex, at: pd.DatetimeIndex, slot_tz: str,
                          per_week: int = 0
                          ) -> tuple[pd.DatetimeIndex, list[str], dict[int, bool]]:
    """The instants ``at`` of the slots ``naive`` (wall-clock times in ``slot_tz``) with each
    slot of an hour the clocks skip in spring moved to the first free hour after it on its
    day (else the last free one before it) 3 hours or more from every other post, as
    :func:`_pick` keeps them; to the first free hour when none is (every such hour planned,
    or the slots already closer: three slots 02:00, 03:00, 04:00); the days where no hour
    was free (every hour planned), whose slot is NaT; and the slots moved (index → whether
    the 3-hour gap was kept), whose reason says so. The move stays on its day: the per-day
    cap holds as planned. The 3 hours are kept from the posts of the weeks before and after
    the plan too (its ``per_week`` slots a week, as :func:`_too_close` wraps the week): a
    plan ending on the Sunday of the change moved 02:00 to 23:00, 2 hours before the next
    week's Monday 01:00.

    Shifted forward and left there, Sydney's 02:00 of Sunday 3 October 2027 met its 03:00
    slot and was dropped without a word: a plan of 60 posts a week for 2 weeks held 119, its
    ``slots_per_week`` still 60. The hour repeated in autumn needs nothing: its first
    occurrence is taken, the hour after it is another instant."""
    moved = np.flatnonzero(at.tz_localize(None) != naive)
    if not len(moved):
        return at, [], {}
    out = list(at)
    taken = set(at.delete(moved))
    around = _weeks_around(naive, slot_tz, per_week)
    lost, moves = [], {}
    gap = pd.Timedelta(hours=_MIN_GAP_H)
    for i in moved:
        day, h0 = naive[i].normalize(), naive[i].hour
        free = [t for t in (pd.Timestamp(day + pd.Timedelta(hours=h)).tz_localize(
                    slot_tz, ambiguous=True, nonexistent="shift_forward")
                for h in [*range(h0 + 1, 24), *range(h0 - 1, -1, -1)]) if t not in taken]
        # the posts near enough to the day to be within the gap of one of its hours, the
        # weeks' before and after the plan's included
        near = [x for x in taken | around if free and min(free) - gap < x < max(free) + gap]
        apart = [t for t in free if all(abs(t - x) >= gap for x in near)]
        out[i] = (apart or free or [pd.NaT])[0]
        if pd.isna(out[i]):
            lost.append(day.date().isoformat())
            continue
        taken.add(out[i])
        moves[int(i)] = bool(apart)
        logger.info("the clocks skip %02d:00 %s on %s: its slot moved to %s", h0, slot_tz,
                    day.date().isoformat(), f"{out[i]:%H:%M}")
    return pd.DatetimeIndex(out, tz=at.tz), lost, moves


def _weeks_around(naive: pd.DatetimeIndex, slot_tz: str, per_week: int) -> set:
    """The instants of the ``per_week`` slots of the week before the plan ``naive`` (its
    first week's, 7 days earlier) and of the week after it (its last week's, 7 days later):
    the posts around its first and last days, which the plan repeats week after week."""
    if not per_week or len(naive) < per_week:
        return set()
    week = pd.Timedelta(days=7)
    walls = naive[:per_week] - week
    walls = walls.append(naive[-per_week:] + week)
    return set(walls.tz_localize(slot_tz, ambiguous=np.ones(len(walls), dtype=bool),
                                 nonexistent="shift_forward"))


def shortfall(plan: pd.DataFrame, lang: str = "en") -> str | None:
    """What a plan lacks of the posts a week asked (``attrs["posts_per_week"]``) when fewer
    distinct slots qualify (``attrs["slots_per_week"]``), and of the posts of its weeks when
    a slot in the hour the clocks skip found no free hour on its day (``attrs["clock_lost"]``,
    those days), else None: logged by
    :func:`plan_slots` and printed by ``smm calendar``, which wrote 95 slots for the 168 a
    week asked and said nothing. In ``lang`` (``en``, ``fr`` or ``it``, as :func:`write_ics`
    writes the plan's reasons), with notes.yaml's wording: ``smm calendar --lang fr`` wrote
    its events in French and this in English."""
    if lang not in LANGS:
        raise ArgumentError("not a report language", argument="lang",
                            expected=f"one of {', '.join(LANGS)}", got=lang)
    said = _shortfall_parts(plan)
    if not said:
        return None
    if lang == "en":
        return "; ".join(said)
    from .report.formatting import Formatter  # lazy: import smmanalytics loads no report

    fmt = Formatter(lang)
    return fmt.join(fmt.note(part) for part in said)


def _shortfall_parts(plan: pd.DataFrame) -> list[str]:
    """:func:`shortfall`'s clauses in English, each one of notes.yaml's templates (the
    singular and the plural apart: "only 1 distinct slots a week qualify" was said of one)."""
    asked, slots = plan.attrs.get("posts_per_week", 0), plan.attrs.get("slots_per_week", 0)
    said = []
    if slots < asked:
        # (asked > slots >= 1: a plan's ranked slots are never none, so asked is plural)
        qualify = ("only 1 distinct slot a week qualifies" if slots == 1 else
                   f"only {slots} distinct slots a week qualify")
        said.append(f"{qualify} for the {asked} posts a week asked: the plan has fewer posts")
    if lost := clock_shortfall(plan):
        said.append(lost)
    return said


def clock_shortfall(plan: pd.DataFrame) -> str | None:
    """:func:`shortfall`'s clause on the days a slot in the hour the clocks skip found no
    free hour (``attrs["clock_lost"]``), in English (notes.yaml words it), else None; the
    report says it too (the other clause is its own ``bt_slots_short``)."""
    if not (lost := plan.attrs.get("clock_lost")):
        return None
    n = len(lost)
    days = "that day" if n == 1 else "those days"
    fewer = "1 post" if n == 1 else f"{n} posts"
    return (f"the clocks skip an hour ({plan.attrs.get('slot_tz')}) on {', '.join(lost)} and "
            f"every other hour of {days} has a post: the plan has {fewer} fewer")


def plan_month(best: BestTimes, month: str, posts_per_week: int | None = None,
               tz: str | None = None) -> pd.DataFrame:
    """Posting slots for one calendar month (e.g. the month after a report's period).

    Parameters
    ----------
    best : BestTimes
    month : str
        ``"YYYY-MM"``.
    posts_per_week : int, optional
        Default: the account's own pace over the analysed posts other than stories (the plan
        is of feed posts; ``best.method["posts_per_week"]``, rounded, at least 1); none when
        the account posted only stories (an empty plan, ``attrs["posts_per_week"]`` 0: a
        pace of 1 a week was made up for it). Given, it is planned whatever the account's.
    tz : str, optional
        The zone the plan is shown in, as in :func:`plan_slots`; the month's days are those
        of the zone ``best`` was computed in, so the plan holds the same posts in any zone.

    Returns
    -------
    DataFrame
        As :func:`plan_slots`, restricted to the days of ``month``.

    Raises
    ------
    PeriodError
        When ``month`` is not one month.
    ArgumentError
        As :func:`plan_slots`.

    Examples
    --------
    >>> plan_month(bt, "2026-11")                                     # doctest: +SKIP
    """
    _check_best(best, "plan_month")
    period = parse_period(month)
    if period.kind != "month":
        raise PeriodError(f"plan_month needs one month, 'YYYY-MM'; got {month!r}")
    return _plan_days(best, period.start, period.end, posts_per_week, tz)


def plan_after(best: BestTimes, period, posts_per_week: int | None = None,
               tz: str | None = None) -> pd.DataFrame:
    """Posting slots for the month that follows a report's ``period``.

    The plan starts the day after ``period`` ends and lasts one month: the next calendar
    month after a month, quarter or year ("2026-10" → November 2026), and for a range of days
    from the day after it to the same day of the next month, less one ("2026-10-01..2026-10-15"
    → 16 October to 15 November 2026). A plan never falls inside the period it follows.

    Parameters
    ----------
    best : BestTimes
    period : str, tuple or Period
        Any period :func:`smmanalytics.periods.parse_period` reads.
    posts_per_week, tz
        As in :func:`plan_month`.

    Returns
    -------
    DataFrame
        As :func:`plan_slots`, restricted to those days; ``attrs["first_day"]`` and
        ``attrs["last_day"]`` (ISO dates) say which.

    Examples
    --------
    >>> plan_after(bt, "2026-10-01..2026-10-15")                        # doctest: +SKIP
    """
    _check_best(best, "plan_after")
    end = pd.Timestamp(parse_period(period).end)
    first = end + pd.Timedelta(days=1)
    last = first + pd.DateOffset(months=1) - pd.Timedelta(days=1)
    return _plan_days(best, first.date(), last.date(), posts_per_week, tz)


def _plan_days(best: BestTimes, first, last, posts_per_week: int | None,
               tz: str | None) -> pd.DataFrame:
    """The plan's slots from ``first`` to ``last`` (days of the slots' zone, both included,
    as :func:`plan_slots`: the same posts in any zone shown)."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    pace = best.method.get("posts_per_week", 1.0)
    unpaced = posts_per_week is None and pace == 0     # only stories: no feed post to pace
    if unpaced:
        logger.warning("no feed post among the %d posts analysed (only stories, which are "
                       "not planned): no slot planned; posts_per_week= plans some",
                       best.method.get("stories", 0))
        posts_per_week = 1          # the plan's columns and attrs, of no slot (below)
    elif posts_per_week is None:
        posts_per_week = min(168, max(1, int(round(pace)))) if np.isfinite(pace) else 1
    weeks = int(np.ceil(((last - first).days + 1) / 7))
    plan = plan_slots(best, first, weeks, posts_per_week, tz)
    day = plan["start_utc"].dt.tz_convert(plan.attrs["slot_tz"]).dt.tz_localize(None)
    day = day.dt.normalize()
    kept = ((day >= first) & (day <= last)).to_numpy() & (not unpaced)
    out = plan.loc[kept].reset_index(drop=True)
    if unpaced:
        plan.attrs.update(posts_per_week=0, slots_per_week=0, below_average=0)
    out["plan_days"] = pd.array([_days_text(first, last)] * len(out), dtype="string")
    out.attrs.update(plan.attrs, first_day=first.date().isoformat(),
                     last_day=last.date().isoformat())
    return out


def _version_columns(method: dict, slot_tz: str, n: int) -> dict[str, pd.array]:
    """The ``sequence`` and ``dtstamp`` columns of a plan of ``n`` posts from a BestTimes'
    ``method``: its version, each row's (see :func:`_version`)."""
    sequence, stamp = _version(method.get("last_day"), method.get("as_of"), slot_tz)
    return {"sequence": pd.array([sequence] * n, dtype="Int64"),
            "dtstamp": pd.array([stamp.isoformat() if stamp is not None else None] * n,
                                dtype="string")}


def _version(last_day: str | None, as_of: str | None,
             slot_tz: str | None) -> tuple[int | None, pd.Timestamp | None]:
    """A plan's version, from its data (the same posts give the same file, which a clock
    would not): SEQUENCE, the days from 1970-01-01 to the last analysed post's day, so that
    a plan of more recent posts replaces an older plan of the same days when imported (RFC
    5546: the higher SEQUENCE wins, then the later DTSTAMP); DTSTAMP, the latest moment the
    analysed posts' metrics were taken (``as_of``), as a UTC instant.

    Without ``as_of`` (no post's ``snapshot_at``), DTSTAMP is the midnight that began the last
    analysed post's day in the slots' zone: the earliest moment the data can have been taken
    (they hold that day's posts). It was the plan's first day's midnight, after the data by
    the days between (a plan of November, read back from CSV: its first start, 2 November
    12:00 UTC, as the data ended in October). None each when unknown."""
    if not last_day:
        return None, (pd.Timestamp(as_of).tz_convert("UTC") if as_of else None)
    day = pd.Timestamp(last_day)
    sequence = (day - pd.Timestamp("1970-01-01")).days
    if as_of:
        return sequence, pd.Timestamp(as_of).tz_convert("UTC")
    began = day.tz_localize(slot_tz or "UTC", ambiguous=True, nonexistent="shift_forward")
    return sequence, began.tz_convert("UTC")


def _days_text(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """A plan's days as its ``plan_days`` column holds them: "2026-11-01..2026-11-30"."""
    return f"{first.date().isoformat()}..{last.date().isoformat()}"


def _reason_in(fmt, reason: str) -> str:
    """A plan's reason (English, from ``_REASONS``) in the language of the report Formatter
    ``fmt``: the wording of notes.yaml, numbers written the reader's way."""
    head, sep, slot = reason.rpartition(_SLOT_SEP + _REASONS["slot"].partition("{")[0])
    if not sep:
        return fmt.note(reason)
    return fmt.join([fmt.note(head), fmt.note(sep[len(_SLOT_SEP):] + slot)])


def _local_times(plan: pd.DataFrame, starts: pd.Series) -> tuple[str, list]:
    """The zone an event's title names, and each event's (weekday, "HH:MM") there, or None.

    The time is the event's own start (``starts``, UTC) in the plan's zone (``start_local``'s,
    else ``attrs["tz"]``), to the minute: the plan's ``hour`` column drops the minutes, and in
    Asia/Kolkata (UTC+5:30) a title read 22:00 beside a start at 22:30. A plan read back from
    CSV (no zone; ``start_local`` as text with its UTC offset) takes each start at its offset;
    one without ``start_local`` falls back on its ``weekday`` and ``hour`` columns.
    """
    zone = plan.attrs.get("tz") or ""
    local = plan["start_local"] if "start_local" in plan.columns else None
    if local is not None and isinstance(local.dtype, pd.DatetimeTZDtype):
        zone = zone or str(local.dt.tz)
        at = starts.dt.tz_convert(local.dt.tz).tolist()
    elif zone:
        at = starts.dt.tz_convert(zone).tolist()
    elif local is not None:
        # as text: each with its own offset (a CSV holds +02:00 and +01:00 across a DST change)
        try:
            read = [pd.Timestamp(v) for v in local]
        except (ValueError, TypeError):
            read = [pd.NaT]
        at = ([s.tz_convert(r.tzinfo) if r.tzinfo else r for s, r in zip(starts, read,
                                                                          strict=True)]
              if not any(pd.isna(r) for r in read) else None)
    else:
        at = None
    if at is not None:
        return zone, [(t.weekday(), f"{t:%H:%M}") for t in at]
    if "weekday" not in plan.columns or "hour" not in plan.columns:
        return zone, [None] * len(plan)
    return zone, [(int(d), f"{int(h):02d}:00") if pd.notna(d) and pd.notna(h) else None
                  for d, h in zip(plan["weekday"], plan["hour"], strict=True)]


def write_ics(plan: pd.DataFrame, path: str | Path, brand_name: str = "Brand", *,
              duration_minutes: int = 30, lang: str = "en",
              calendar_name: str | None = None, brand_slug: str | None = None) -> Path:
    """Write the plan as an iCalendar file, atomically (temporary file, then rename).

    Each event starts at ``start_utc`` and lasts ``duration_minutes``; its description is the
    row's ``reason`` (none without that column). ``start_utc`` without a zone (a plan read back
    from Parquet or Excel) is taken as UTC, as its name says; the other columns are optional.
    The calendar is published (METHOD:PUBLISH) and an updated plan replaces the earlier one
    when imported. An event's UID is what identifies its slot: the brand's slug
    (``brand_slug``, the brand's report folder: brand.yaml's ``slug``, or a batch's entry
    name), the platform, the slot's day in the zone of the slots (its ``slot_day`` column) and
    its rank among the platform's slots that day, in time order
    ("maison-seve-x-20261102-2@smmanalytics", the second X post of Monday 2 November 2026),
    never the plan around it: a report's plan of November and ``smm calendar``'s of four
    weeks from 2 November give the same slot the same UID, and a slot moved within its day
    keeps it. The slug, not the display name: two brands named alike (one brand sold in two
    markets, "Maison Sève" in Paris and in New York) shared UIDs, and importing one's plan
    into a shared calendar replaced the other's events. A calendar written over one whose
    UIDs came from the name (before this change) cancels those events of the plan's days, as
    any the plan drops (below): an app that imported it then holds each slot once.

    Its SEQUENCE, the plan's version (its ``sequence`` column, kept by a plan saved as CSV or
    Excel and read back; else ``attrs["data_last_day"]``; else 0), is the days from 1970-01-01
    to the last analysed post's day: a plan of more recent posts has the higher one, which
    calendar apps keep. DTSTAMP (a UTC instant, its ``dtstamp`` column) is the latest moment
    the analysed posts' metrics were taken (``attrs["data_as_of"]``), which orders two
    versions of equal SEQUENCE (RFC 5546); without it, the midnight that began the last
    analysed post's day in the zone of the slots, the earliest moment the data can have been
    taken (never after them); else 1970-01-01. Times that the same inputs give again, which a
    clock's would not: the same plan always gives the same file.

    Another plan of the same data (another pace, hour, zone or language) has the same version,
    and an app may keep the events it has. So the calendar at ``path`` is read first: an event
    of the same UID whose start, end, title or description changed gets its SEQUENCE one more
    than there (or the plan's, when higher), and no event's version is lower than there. This
    keeps no state beside the file the user imports, and a rerun of the same plan over it
    writes it again byte for byte; a plan written to another file starts from the plan's own
    version, so to have an app take a change, write it over the file imported before (``smm
    calendar --out`` the same path; a report's .ics may be that file). A stateless version
    could not do it: plans A, B, then A again would need three rising versions. DTSTAMP is not
    moved on: SEQUENCE orders versions first, and the data's stamp keeps the file the same for
    the same inputs. A plan edited by hand cannot be told from the original: it keeps the
    original's version (a blank cell takes its column's highest), and written over the
    original's file, its changed events are raised; raising its ``sequence`` does so anywhere.
    DTSTAMP is RFC 5545's "when the object was created" only as the data tell it: no datum
    says when a plan was re-planned (another pace, same posts), only the clock, which would
    change every rerun's bytes; SEQUENCE, raised, orders the versions before DTSTAMP does.

    An event of the calendar at ``path`` that the new plan drops (fewer posts a week; a slot
    moved to another day, whose UID is another day's) is written again as it was, with
    STATUS:CANCELLED and its SEQUENCE one more, so that a calendar app that imported it
    removes it; in later reruns it stays cancelled, at that version. Every event the plan
    has is STATUS:CONFIRMED: a slot planned again after it was cancelled says it is live
    (SEQUENCE one more again), which an app that kept it cancelled would not take from an
    event without a status. Only the plan's days (its ``plan_days``, in the zone of the
    slots) are covered: an event before its first day is the past, one after its last day a
    day it does not plan, and neither is written (an app keeps what it has); a plan that
    does not say its days cancels nothing, and an event whose UID is not this module's
    (``…@smmanalytics``) is never cancelled. The calendar stays METHOD:PUBLISH (RFC 5546
    3.2.1 allows STATUS:CANCELLED there): METHOD:CANCEL is an organizer's message to
    attendees, for a whole file, and would cancel the live events too. Each event's platform
    is its row's ``platform`` (so plans of several platforms can be written as one
    calendar), else the plan's ``attrs["platform"]``, else ``all``.

    ``lang`` (``en``, ``fr`` or ``it``, as the reports) is the language of the calendar's name
    and of each event's title and description: weekday names and numbers are written the
    reader's way ("lundi", "1,23×") and the reasons take the wording the reports give them
    (report/notes.yaml; a reason without one stays in English, and a warning says so). The
    UIDs do not depend on it: the same plan in another language holds the same events.

    ``calendar_name`` names the calendar (X-WR-CALNAME) instead of "<brand_name> posting
    plan": a report's calendar of one platform ("Maison Sève · Instagram") keeps the brand's
    UIDs and event titles, the same as ``smm calendar``'s for the same slots (the same brand,
    platform, day and rank in it). Both imported, a slot is one event: of the same data,
    pace and language the two events are the same; when they differ (another pace), they have
    the same version unless one file was written over the other, and an app keeps either.

    Parameters
    ----------
    plan : DataFrame
        A plan of :func:`plan_slots`, :func:`plan_month` or :func:`plan_after`: ``start_utc``
        is needed; ``reason``, ``platform`` and the other columns are optional (see above).
    path : str or os.PathLike
        The file to write (replaced when it exists; missing folders are created). A calendar
        there is the earlier version: its changed events' SEQUENCE is raised, and its events
        that the plan drops are cancelled (above).
    brand_name : str, default "Brand"
        Names the calendar ("<brand_name> posting plan") and titles the events.
    duration_minutes : int, default 30
        Length of each event, 1 to 1,440.
    lang : {"en", "fr", "it"}, default "en"
        Language of the calendar's name and of the events' titles and descriptions.
    calendar_name : str, optional
        Name of the calendar instead of "<brand_name> posting plan".
    brand_slug : str, optional
        The brand in the events' UIDs (slugified); without it, the slug of ``brand_name``.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    ArgumentError
        ``plan`` is not a DataFrame, ``duration_minutes`` is not 1 to 1,440, or ``lang`` is
        not a report language.
    SchemaError
        The plan has no ``start_utc`` column, or a value in it is not a date-time.
    OutputError
        The file cannot be written (a read-only folder, a full disk), naming it.
    """
    path = path_of(path, "path", "write_ics", "the path of the .ics file to write",
                   writes=True)
    data = ics_bytes(plan, brand_name, duration_minutes=duration_minutes, lang=lang,
                     calendar_name=calendar_name, brand_slug=brand_slug,
                     previous=replaced_calendar(path))
    path = atomic_write(path, data, what="calendar")   # mode as any file the user writes
    logger.info("wrote %d events to %s", len(plan), path)
    return path


def calendar_path(path: str | Path, *, replace: bool = False) -> Path:
    """``path`` as a calendar to write (``smm calendar --out``), checked before the plan is
    worked out: ``--out ms3/costs.csv`` replaced the brand's costs with an iCalendar.

    Raises
    ------
    ArgumentError
        the name does not end in ``.ics`` (in any case).
    OutputError
        a file is there that is not an iCalendar (empty, or beginning ``BEGIN:VCALENDAR``
        as :func:`write_ics` writes them) and ``replace`` is False.
    """
    path = user_path(path)
    if path.suffix.lower() != ".ics":
        raise ArgumentError("a calendar is written as an .ics file", argument="out",
                            expected="a path ending in .ics", got=str(path))
    if not replace and path.is_file() and not _is_icalendar(path):
        raise OutputError(f"cannot write the calendar {path}: a file is there that is not an "
                          "iCalendar (it does not begin with BEGIN:VCALENDAR); --force "
                          "replaces it", path=str(path))
    return path


def cancelled_events(path: str | Path) -> set[str]:
    """The UIDs of the cancelled events (STATUS:CANCELLED) of the calendar at ``path``: those
    of a calendar written over it less those of the one it replaced are the events
    :func:`write_ics` cancelled, which ``smm calendar`` counts (a rerun cancels none).

    Parameters
    ----------
    path : str or os.PathLike
        An .ics file.

    Returns
    -------
    set of str
        Empty when no calendar is there, or one that does not read as an iCalendar.
    """
    return {uid for uid, was in _earlier_versions(replaced_calendar(Path(path))).items()
            if str(was.event.get("status", "")).upper() == "CANCELLED"}


def replaced_calendar(path: str | Path) -> bytes | None:
    """The calendar at ``path`` that a new one replaces, for :func:`ics_bytes` ``previous``.

    A calendar app keeps the events it imported: a plan written over an earlier one must
    cancel the events the new one drops and raise the SEQUENCE of those it moves, which only
    the earlier file says. :func:`write_ics` reads it itself; a caller that builds the bytes
    with :func:`ics_bytes` (the report, which writes the calendars beside its PDF) passes
    this as ``previous``, and :func:`cancelled_events` reads it to count the cancellations.

    Parameters
    ----------
    path : str or os.PathLike
        The .ics file about to be written.

    Returns
    -------
    bytes or None
        The file's bytes; None when there is none to replace: no file, one that cannot be
        read, or one that is not an iCalendar (replaced with ``--force``, its events none
        of the plan's).

    Examples
    --------
    >>> replaced_calendar("no-such-calendar.ics") is None
    True
    """
    path = Path(path)
    if not path.is_file() or not _is_icalendar(path):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _is_icalendar(path: Path) -> bool:
    """Whether the file at ``path`` is empty or begins as an iCalendar (after a BOM); one
    that cannot be read is left to the writing, whose error names it."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(64).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return True
    return not start or start.upper().startswith(b"BEGIN:VCALENDAR")


def ics_bytes(plan: pd.DataFrame, brand_name: str = "Brand", *, duration_minutes: int = 30,
              lang: str = "en", calendar_name: str | None = None,
              brand_slug: str | None = None, previous: bytes | None = None) -> bytes:
    """The iCalendar file :func:`write_ics` writes, as bytes (same arguments and errors);
    ``previous``, the calendar it replaces (the file at its path), whose versions it raises
    where an event changed and whose events the plan drops it cancels."""
    import icalendar  # lazy: import smmanalytics loads no icalendar

    if not isinstance(plan, pd.DataFrame):
        raise ArgumentError("write_ics writes a plan", argument="plan",
                            expected="a DataFrame from plan_slots, plan_month or plan_after",
                            got=type(plan).__name__)
    duration_minutes = whole(duration_minutes, "duration_minutes", 1, 24 * 60)
    if lang not in LANGS:
        raise ArgumentError("not a report language", argument="lang",
                            expected=f"one of {', '.join(LANGS)}", got=lang)
    from .report.formatting import Formatter  # lazy: import smmanalytics loads no report

    # the reasons in the reader's words (English too: "held-out lift" is the API's); the
    # English titles are the plan's own words, as written before `lang`
    words = Formatter(lang)
    fmt = None if lang == "en" else words
    slug = slugify(brand_slug or brand_name)
    default = plan.attrs.get("platform") or "all"
    platforms = (plan["platform"].astype("string").fillna(default).tolist()
                 if "platform" in plan.columns else [default] * len(plan))
    cal = icalendar.Calendar()
    cal.add("prodid", "-//smmanalytics//best posting times//EN")
    cal.add("version", "2.0")
    # a published plan (RFC 5546), no invitation: an app imports its events, a newer version
    # of one (same UID, higher SEQUENCE) replacing the older
    cal.add("method", "PUBLISH")
    # a TEXT value as SUMMARY is ("\\;", "\\,"): icalendar writes an X- property it does not
    # know verbatim, and a brand "Café; Bar, Co" made the name a list of values
    cal.add("x-wr-calname", icalendar.vText(
        calendar_name or words.label("ics_calendar").format(brand=brand_name)))
    if "start_utc" not in plan.columns:
        cols = [str(c) for c in plan.columns]
        got = ", ".join(cols[:8]) + (f" and {len(cols) - 8} more" if len(cols) > 8 else "")
        raise SchemaError(f"the plan lacks column 'start_utc' (the posts' start times); "
                          f"got columns {got or 'none'}", column="start_utc")
    starts = pd.to_datetime(plan["start_utc"], errors="coerce")
    if starts.isna().any():
        bad = plan["start_utc"][starts.isna()]
        raise SchemaError(f"column 'start_utc' must hold date-times; got {bad.iloc[0]!r} in "
                          f"{len(bad)} rows", column="start_utc", failure_cases=bad)
    # a plan read back from Parquet or Excel may have lost the zone: the column says UTC
    starts = (starts.dt.tz_convert("UTC") if isinstance(starts.dtype, pd.DatetimeTZDtype)
              else starts.dt.tz_localize("UTC"))
    zone_of_slots = _slot_zone(plan)
    uids = _uids(plan, starts, slug, platforms, zone_of_slots)
    sequences, stamps, version = _versions(plan)
    earlier = _earlier_versions(previous)
    zone, when_local = _local_times(plan, starts)

    def post(platform: str) -> str:      # "post on Instagram" (it read "post on instagram")
        return (words.label("ics_post_on").format(platform=words.platform(platform))
                if platform != "all" else words.label("ics_post"))

    day_name = WEEKDAYS.__getitem__ if fmt is None else fmt.weekday
    # the columns read once, not a row Series per event; a reason (most events share one of
    # a few) is worded once
    n = len(plan)
    reasons = plan["reason"].tolist() if "reason" in plan.columns else [None] * n
    worded: dict[str, str] = {}
    length = pd.Timedelta(minutes=duration_minutes).to_pytimedelta()
    for when, uid, platform, local, reason, sequence, stamp in zip(
            starts, uids, platforms, when_local, reasons, sequences, stamps, strict=True):
        start = when.to_pydatetime()
        ev = icalendar.Event()
        ev.add("uid", uid)
        ev.add("dtstart", start)
        ev.add("dtend", start + length)
        when_text = (f" ({day_name(local[0])} {local[1]} {zone}".rstrip() + ")"
                     if local is not None else "")
        ev.add("summary", f"{brand_name}: {post(platform)}{when_text}" if fmt is None else
               fmt.labelled(brand_name, post(platform) + when_text))
        if pd.notna(reason):
            reason = str(reason)
            if reason not in worded:
                worded[reason] = _reason_in(words, reason)
            ev.add("description", worded[reason])
        ev.add("status", _PLANNED)
        sequence, stamp = _raised(earlier.get(uid), _content(ev), sequence, stamp)
        ev.add("sequence", sequence)
        ev.add("dtstamp", stamp.to_pydatetime())
        cal.add_component(ev)
    dropped = _cancelled(earlier, set(uids), _window(plan), zone_of_slots, *version)
    for ev in dropped:
        cal.add_component(ev)
    if dropped:
        logger.info("cancelled %d events of the calendar replaced that the plan no longer "
                    "has", len(dropped))
    if words.untranslated:
        logger.warning("reasons with no %s wording in report/notes.yaml stay in English: %s",
                       lang, " | ".join(sorted(words.untranslated)))
    return cal.to_ical()


def _uids(plan: pd.DataFrame, starts: pd.Series, slug: str, platforms: list,
          zone: str) -> list[str]:
    """Each event's UID: the brand, the platform, the slot's day in the slots' zone and its
    rank among the platform's slots that day, in time order ("maison-seve-x-20261102-2@…",
    the second X post of Monday 2 November).

    What identifies a slot, and nothing of the plan around it: the report's plan of November
    and ``smm calendar``'s of four weeks from 2 November (or from 9 November, a week later)
    give one slot one UID, where keyed on the plan's days they shared none (28 slots twice
    once both were imported). A slot moved within its day (20:00 to 09:00) keeps its UID, and
    the newer version replaces it. The day is the ``slot_day`` column's, kept by a plan read
    back from CSV; a blank cell of it (a row added by hand), or no such column, the start's
    day in ``zone`` (:func:`_slot_zone`)."""
    days = starts.dt.tz_convert(zone).dt.tz_localize(None).dt.normalize().reset_index(drop=True)
    if "slot_day" in plan.columns:
        given = _day_cells(plan["slot_day"]).reset_index(drop=True)
        days = given.where(given.notna(), days)
    keys = pd.DataFrame({"platform": platforms, "day": days,
                         "start": starts.reset_index(drop=True)})
    # the order of time within each platform's day (the rows' order for equal starts)
    order = keys.sort_values("start", kind="stable")
    nth = order.groupby(["platform", "day"], sort=False).cumcount().add(1).reindex(keys.index)
    return [f"{slug}-{p}-{d:%Y%m%d}-{k}{_UID_DOMAIN}"
            for p, d, k in zip(platforms, days, nth.to_numpy(), strict=True)]


#: how every UID this module writes ends: a calendar replaced may hold other events (a file
#: of the user's own, written over), which a plan never cancels
_UID_DOMAIN = "@smmanalytics"


def _slot_zone(plan: pd.DataFrame) -> str:
    """The zone of a plan's slots, whose days its UIDs and its ``plan_days`` are: its
    ``attrs["slot_tz"]``, else ``start_local``'s zone, else UTC."""
    local = plan["start_local"] if "start_local" in plan.columns else None
    return plan.attrs.get("slot_tz") or (
        str(local.dt.tz) if local is not None and isinstance(local.dtype, pd.DatetimeTZDtype)
        else "UTC")


def _window(plan: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last days a plan covers, in the zone of its slots: its ``plan_days``
    ("2026-11-02..2026-11-29"; plans put together, from the first first day to the last last
    one), else its ``attrs`` ``first_day`` and ``last_day`` (an empty plan of a month); None
    when it does not say (a plan built by hand): then it cancels nothing.
    SchemaError naming a ``plan_days`` cell that is not two dates."""
    if "plan_days" in plan.columns and plan["plan_days"].notna().any():
        cells = plan["plan_days"].dropna()
        ends = cells.astype("string").str.extract(r"^\s*(\S+?)\.\.(\S+?)\s*$")
        firsts, lasts = (pd.to_datetime(ends[k], errors="coerce").dt.normalize() for k in (0, 1))
        _refuse_cells(cells, firsts.isna() | lasts.isna(), "plan_days",
                      "days 'first..last' (the days planned)")
        return firsts.min(), lasts.max()
    if plan.attrs.get("first_day") and plan.attrs.get("last_day"):
        return pd.Timestamp(plan.attrs["first_day"]), pd.Timestamp(plan.attrs["last_day"])
    return None


def _cancelled(earlier: dict[str, _Earlier], kept: set[str],
               window: tuple[pd.Timestamp, pd.Timestamp] | None, zone: str, sequence: int,
               stamp: pd.Timestamp) -> list:
    """The events of the calendar replaced that the new plan drops, cancelled: each of ours
    (its UID ends ``@smmanalytics``) that the plan lacks, on a day of the plan's ``window`` in
    the slots' ``zone``, in time order, as it said (``_SAID``: start, end, title, description) with
    STATUS:CANCELLED and its version raised over the earlier one (:func:`_raised`: SEQUENCE
    one more, or the plan's when higher; DTSTAMP never lower), so that a calendar app that
    imported it removes it (RFC 5545 3.8.1.11, RFC 5546 2.1.5). One already cancelled keeps
    its version: a rerun writes the same file. An event before the window is the past, one
    after it a day the plan does not cover: neither is written (an app keeps what it has)."""
    import icalendar  # lazy: import smmanalytics loads no icalendar

    if window is None:
        return []
    first, last = window
    dropped = sorted((was.start, uid) for uid, was in earlier.items()
                     if uid not in kept and uid.endswith(_UID_DOMAIN) and was.start is not None
                     and first <= was.start.tz_convert(zone).tz_localize(None).normalize()
                     <= last)
    out = []
    for _, uid in dropped:
        was = earlier[uid]
        ev = icalendar.Event()
        ev.add("uid", uid)
        for name in _SAID:
            if name in was.event:
                ev[name] = was.event[name]
        ev.add("status", "CANCELLED")
        version, stamped = _raised(was, _content(ev), sequence, stamp)
        ev.add("sequence", version)
        ev.add("dtstamp", stamped.to_pydatetime())
        out.append(ev)
    return out


#: what an event says, as against its identity (UID) and version (SEQUENCE, DTSTAMP), and
#: whether it is planned or cancelled (STATUS): a change of any raises its version over the
#: calendar it replaces (a slot the plan drops, and one it plans again)
_SAID = ("dtstart", "dtend", "summary", "description")
_CONTENT = (*_SAID, "status")
#: the STATUS of every event a plan has, stated: a slot cancelled (a plan that dropped it),
#: then planned again, came back without one, and an app that saw it CANCELLED may keep it
#: so (RFC 5545 3.8.1.11 gives STATUS no default). Stated on all of them, not on those once
#: cancelled alone: that would need the file to remember it past the next rerun (one
#: CONFIRMED there, written again without, changes and unstates it), and every event says
#: the same thing the same way
_PLANNED = "CONFIRMED"


class _Earlier(NamedTuple):
    """An event of the calendar a new one replaces: its version, what it says, its start (a
    UTC instant; None without one) and the event itself (icalendar)."""

    sequence: int
    stamp: pd.Timestamp
    content: tuple
    start: pd.Timestamp | None
    event: object


def _content(event) -> tuple[bytes | None, ...]:
    """What ``event`` (an icalendar Event) says, as iCalendar text, to compare two versions."""
    return tuple(event[name].to_ical() if name in event else None for name in _CONTENT)


def _earlier_versions(previous: bytes | None) -> dict[str, _Earlier]:
    """The events of the calendar a new one replaces, by UID. None, or one that does not read
    as an iCalendar, gives none (a warning says so): its events cannot be compared, and the
    plan's own versions are written."""
    import icalendar  # lazy: import smmanalytics loads no icalendar

    if not previous:
        return {}
    try:
        events = icalendar.Calendar.from_ical(previous).walk("VEVENT")
        return {str(ev["uid"]): _Earlier(int(ev.get("sequence", 0)),
                                         _utc(ev.decoded("dtstamp")), _content(ev),
                                         _utc(ev.decoded("dtstart")) if "dtstart" in ev
                                         else None, ev)
                for ev in events if "uid" in ev and "dtstamp" in ev}
    except (ValueError, TypeError, KeyError) as exc:
        logger.warning("the calendar replaced does not read as an iCalendar (%s): its "
                       "events' versions are not raised", exc)
        return {}


def _utc(value) -> pd.Timestamp:
    """An iCalendar date or date-time as a UTC instant (one without a zone, or a day, is UTC,
    as the events this module writes)."""
    at = pd.Timestamp(value)
    return at.tz_convert("UTC") if at.tzinfo else at.tz_localize("UTC")


def _raised(earlier: _Earlier | None, content: tuple, sequence: int,
            stamp: pd.Timestamp) -> tuple[int, pd.Timestamp]:
    """An event's SEQUENCE and DTSTAMP over its ``earlier`` version (from the calendar
    replaced, None when it had no event of that UID): never lower than the earlier ones, and
    SEQUENCE one more when the content changed, so that calendar apps take the change (RFC
    5546 orders versions by SEQUENCE, then DTSTAMP; an equal version may be ignored)."""
    if earlier is None:
        return sequence, stamp
    return (max(sequence, earlier.sequence + (content != earlier.content)),
            max(stamp, earlier.stamp))


def _versions(plan: pd.DataFrame) -> tuple[list[int], list[pd.Timestamp],
                                            tuple[int, pd.Timestamp]]:
    """Each event's SEQUENCE and DTSTAMP: its row's ``sequence`` and ``dtstamp`` (a plan
    saved as CSV or Excel and read back keeps them, as its UIDs); a cell left blank (a row
    added by hand) takes the highest of its column, never lower than the rows beside it;
    without the column, the plan's ``attrs`` (see :func:`_version`); else 0 and 1970-01-01.
    And the plan's version, the version of the events it cancels: the highest of each (its
    ``attrs``' when it has no row).

    An edited plan cannot be told from the original: it writes the same version, never a
    lower one. Calendar apps may keep the event they have at an equal version: writing it over
    the original's file (:func:`_raised`), or raising the plan's ``sequence`` (by one), has
    them take the edit."""
    sequence, stamp = _version(plan.attrs.get("data_last_day"), plan.attrs.get("data_as_of"),
                               plan.attrs.get("slot_tz"))
    sequence = 0 if sequence is None else sequence
    stamp = pd.Timestamp(0, tz="UTC") if stamp is None else stamp
    sequences = _version_column(plan, "sequence", _sequence_cells, sequence)
    stamps = _version_column(plan, "dtstamp", _stamp_cells, stamp)
    return sequences, stamps, (max(sequences, default=sequence), max(stamps, default=stamp))


def _version_column(plan: pd.DataFrame, column: str, read, default) -> list:
    """The cells of ``column`` as ``read`` reads them, a blank one the column's highest (or
    ``default`` when all are blank or there is no column)."""
    if column not in plan.columns:
        return [default] * len(plan)
    cells = read(plan[column])
    top = cells.max() if cells.notna().any() else default
    return cells.where(cells.notna(), top).tolist()


def _sequence_cells(cells: pd.Series) -> pd.Series:
    """A plan's ``sequence`` column as whole numbers, 0 or more (Excel reads them back as
    floats when a cell is blank); SchemaError naming a cell that is none."""
    numbers = pd.to_numeric(cells, errors="coerce").astype("Float64")
    bad = cells.notna() & (numbers.isna() | (numbers < 0) | (numbers % 1 != 0)).fillna(True)
    _refuse_cells(cells, bad, "sequence", "whole numbers, 0 or more (the plan's version)")
    return numbers.astype("Int64")


def _stamp_cells(cells: pd.Series) -> pd.Series:
    """A plan's ``dtstamp`` column as UTC instants (one without a zone, as Excel gives it
    back, is UTC, as ``start_utc``); SchemaError naming a cell that is none."""
    stamps = pd.to_datetime(cells, errors="coerce", utc=True)
    _refuse_cells(cells, cells.notna() & stamps.isna(), "dtstamp",
                  "date-times (the plan's version)")
    return stamps


def _day_cells(cells: pd.Series) -> pd.Series:
    """A plan's ``slot_day`` column as days; SchemaError naming a cell that is none."""
    days = pd.to_datetime(cells, errors="coerce").dt.normalize()
    _refuse_cells(cells, cells.notna() & days.isna(), "slot_day", "dates (the events' UIDs)")
    return days


def _refuse_cells(cells: pd.Series, bad: pd.Series, column: str, expected: str) -> None:
    """SchemaError naming the first of ``cells`` that ``bad`` marks, and how many: the plan's
    ``column`` must hold ``expected``."""
    if bad.any():
        raise SchemaError(f"column {column!r} must hold {expected}; got "
                          f"{cells[bad].iloc[0]!r} in {int(bad.sum())} rows", column=column,
                          failure_cases=cells[bad])
