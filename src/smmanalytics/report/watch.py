"""Report sections that look ahead and around: best times to post (with next month's slots) and
the reputation watch. Mixed into BrandReport."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from babel.dates import get_day_names

from .. import metrics, plots
from .._actuals import data_days, posts_uncovered
from .._alert_days import incident_zones, two_zones
from .._alert_signals import SIGNAL_FIELDS, SIGNAL_TABLES, coverage, day_hours, value_digits
from .._io import atomic_write
from ..alerts import SERIES, account_named, incidents, plot_alerts, with_account
from ..benchmarks import account_names
from ..calendar import clock_shortfall, ics_bytes, replaced_calendar
from ..errors import EmptyDataError
from ..loaders._headers import synonyms
from ..loaders._registry import find_format
from ..periods import parse_period, post_dates
from ..quality import unread_columns
from ..timing import (
    MIN_AGE_DAYS,
    MIN_CELL_POSTS,
    MIN_POSTS,
    MIN_TEST_POSTS,
    MIN_WEEKS,
    WEEKEND_MIN_HOURS,
    WEEKEND_MIN_POSTS,
)
from ..timing._data import MAX_GROUP_LEVELS, MIN_EXPOSURE_SHARE, multiple_digits, prepare
from ..timing._estimate import (
    NO_DAYS_TESTED,
    NO_HOURS_TESTED,
    TOO_FEW_LEFT,
    reaches_one,
    stood_out,
    window_runs,
)
from ..timing._model import NO_ENGAGEMENT, NOT_IDENTIFIABLE, NOT_PERMUTABLE
from ..timing._result import _hatched, best_day
from ._ahead import built_ahead
from .builder import Section
from .formatting import DAY_GROUP_LABELS, OTHER_BADGE_COLOR

__all__ = ["WatchSections"]

#: badges of white text, as the goal statuses' (formatting.STATUS_COLORS): contrast with white
#: at least 4.5:1 (watch was #b59f00, 2.65:1; warning #ef6c00, 3.08:1)
_SEVERITY_COLORS = {"watch": "#857400", "warning": "#bf5600", "crisis": "#c62828"}
#: fewest days watched a signal's yearly alert rate is shown from: 4 weeks, each weekday 4
#: times (the watch's own minimum history); 0 alerts in 4 days read "0.0, likely 0.0–273.5"
_RATE_MIN_DAYS = 28
#: most untested days named by date in the watch's note (a month's, as a rule); more: a count
_UNTESTED_NAMED = 31


def _one_week(key: str, settings) -> str:
    """The label ``key`` worded for the watch's history minimum: "the same weekday of the
    week before it" for ``min_history=1``, which read "of the 1 weeks before it"."""
    return f"{key}_one_week" if settings.min_history == 1 else key


def _has_lifts(bt) -> bool:
    """Does ``bt`` hold any slot's lift to draw (the test run or not)?"""
    return bool(bt.by_slot["lift"].notna().any())


def _faint_cells(bt) -> bool:
    """Does the lift heatmap of ``bt`` draw a faint cell: a slot of posts, fewer than
    :data:`MIN_CELL_POSTS`, none of them capped (``bt.few_capped`` are dotted), as the
    figure's own title counts them (``timing._result._faint_said``)?"""
    n = bt.by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24)
    return bool(((n > 0) & (n < MIN_CELL_POSTS) & ~bt.few_capped).any())


def _bt_who(f, accounts: int) -> dict[str, str]:
    """Whose posts the timing sentences speak of, in the words of formatter ``f``: "this
    account", or "these 2 accounts" when the platform's posts are of several (best_times
    pools them, each post against its own account's average): "Posting time matters for
    this account" was said of an Instagram brand's two accounts together; and whose pace
    the plan keeps ("feed", "pace_of"): the two accounts' together, not "the account's"
    (the notes of a plan short of slots, or below average, said "the account's pace"; a
    window that stood out, the weekend's and the heatmap, "the account's average"; the days'
    plan "the hours the account usually posts at")."""
    many = "_many" if accounts > 1 else ""
    return {key: f.label(f"bt_{key}{many}").format(n=f.number(accounts))
            for key in ("whom", "whose", "average", "feed", "pace_of", "than_average",
                        "against_average", "usual_hours", "posts_at")}


def _posts_behind(bt, shown: pd.DataFrame, *, by_day: bool) -> np.ndarray:
    """The posts each plan row of ``shown`` has its lift from: those of its slot (its
    weekday and hour, ``bt.by_slot``), or of its weekday (``bt.by_weekday``) when the lift is
    the day's (``by_day``, a finding of days)."""
    day = shown["weekday"].astype(int).to_numpy()
    if by_day:
        n, at = bt.by_weekday.set_index("weekday")["n_posts"], pd.Index(day)
    else:
        n = bt.by_slot.set_index(["weekday", "hour"])["n_posts"]
        at = pd.MultiIndex.from_arrays([day, shown["hour"].astype(int).to_numpy()])
    return n.astype("Int64").reindex(at).fillna(0).to_numpy(int)


def _accounts(history: pd.DataFrame, platform: str) -> int:
    """How many accounts the platform's posts of ``history`` are of (at least 1)."""
    of = (history["platform"].astype("string") == platform).fillna(False).to_numpy(bool)
    return max(len(account_names(history.loc[of])), 1)


class WatchSections:
    """Best-times and alerts sections."""

    def _history(self) -> pd.DataFrame:
        """Posts published up to the end of the period: a report never looks past it; those
        of the report's platforms when it covers some only (``self.platforms``)."""
        posts = self.ds.posts
        keep = (post_dates(posts, self.tz) <= pd.Timestamp(self.period.end)).fillna(False)
        if getattr(self, "platforms", None):
            keep &= posts["platform"].astype("string").isin(self.platforms).fillna(False)
        return posts.loc[keep.to_numpy()].reset_index(drop=True)

    def _gloss(self, key: str, said: set | None, **values) -> str:
        """The reader's words for a statistical term (labels ``bt_chance``, ``bt_interval``):
        its full gloss the first time a section says it (``key + "_first"``: "90% interval: 9
        chances in 10 that the true figure lies within it"), then its short form. ``said``
        holds the terms the section has glossed (None: each is glossed in full)."""
        first = said is None or key not in said
        if said is not None:
            said.add(key)
        return self.fmt.label(key + ("_first" if first else "")).format(**values)

    @staticmethod
    def _window_basis(bt, plan: pd.DataFrame) -> str:
        """The label of a plan's basis when timing showed an effect: its slots all in the
        recommended window, or some at the next best slots (calendar._ranked ranks those by
        lift, wherever their hour: "or nearest the window" misled a reader who found a 10:00
        slot at 0.95× in an 18:00-21:00 window's plan)."""
        window = pd.MultiIndex.from_frame(bt.recommended[["weekday", "hour"]].astype(int))
        slots = pd.MultiIndex.from_frame(plan[["weekday", "hour"]].astype(int))
        return "bt_basis_window" if slots.isin(window).all() else "bt_basis_window_then"

    def _window_days(self, w: dict) -> str:
        """A best-times window's days in the reader's words: its day group ("on weekdays"),
        else the days the account posted in the window ("on Monday, Wednesday and Saturday":
        timing cuts a window to them, and the group's name claimed days nobody posted on)."""
        f = self.fmt
        if w["days"] in DAY_GROUP_LABELS:
            return f.label(DAY_GROUP_LABELS[w["days"]])
        return f.label("days_list").format(days=f.listed(f.weekday(d) for d in w["weekdays"]))

    def _window_hours(self, w: dict) -> str:
        """A best-times window's hours: "between 18:00 and 21:00", each run of consecutive
        hours when the account posted at some of the window's hours only."""
        runs = window_runs(w)
        return self.fmt.listed(self.fmt.label("bt_hours").format(h0=f"{a:02d}:00",
                                                                 h1=f"{b:02d}:00")
                               for a, b in runs)

    def _bt_chance(self, bt, said: set | None, odds: str) -> str:
        """What the timing p-value means for these posts (:meth:`_gloss`). When they all went
        out at one hour the test can only compare days of the week (and at one weekday, only
        hours): the gloss says which, where "gaps between hours" was said of 23 posts all
        published at 12:15."""
        f = self.fmt
        cells = getattr(bt, "by_slot", None)
        if cells is not None and len(cells):
            posted = cells.loc[(cells["n_posts"].fillna(0) > 0).to_numpy(bool)]
            hours, days = posted["hour"].unique(), posted["weekday"].unique()
            if len(hours) == 1 and len(days) > 1:
                return self._gloss("bt_chance_one_hour", said, odds=odds,
                                   hour=f"{int(hours[0]):02d}:00")
            if len(days) == 1 and len(hours) > 1:
                return self._gloss("bt_chance_one_day", said, odds=odds,
                                   day=f.weekday(int(days[0])))
        return self._gloss("bt_chance", said, odds=odds)

    def _bt_tie(self, w: dict) -> str:
        """What a window's sentence adds when as many random splits of the weeks chose other
        windows (``w["tied_with"]``, best first): those windows, and that the tie went to the
        higher lift over all the weeks; "" without a tie. The tie was broken unsaid."""
        others = w.get("tied_with") or []
        if not others:
            return ""
        f = self.fmt
        named = f.listed(f"{self._window_days(t)} {self._window_hours(t)}" for t in others)
        return " " + f.label("bt_tied").format(windows=named)

    def _bt_adjusted(self, w: dict) -> dict:
        """The words a window's lift and interval take when they allow for its having been
        shown because it stood out (``selection_adjusted``, see
        ``timing._estimate.selection_adjusted``): "about" before the lift, and the allowance
        after the interval; none for raw held-out figures."""
        adjusted = bool(w.get("selection_adjusted"))
        return {"about": self.fmt.label("bt_about") if adjusted else "",
                "adjusted": self.fmt.label("bt_adjusted") if adjusted else ""}

    def _bt_below_one(self, w: dict, who: dict[str, str]) -> str:
        """The sentence a shown window adds when its adjusted interval reaches 1 or below
        (``timing._estimate.reaches_one``): more likely than not to beat the average (whose:
        ``who``, :func:`_bt_who`), it may do no better ("" otherwise)."""
        if not reaches_one(w):
            return ""
        return " " + self.fmt.label("bt_below_one").format(**who)

    def _bt_weekend(self, bt, who: dict[str, str]) -> str:
        """What a finding adds when weekend days have their own hour curve and the window is
        Monday-Friday's (as ``BestTimes.summary``): the weekend window when it holds up too,
        against whose average ``who`` says (:func:`_bt_who`), else the weekend curve's best
        hour; "" otherwise."""
        f = self.fmt
        if (not bt.method.get("weekend_hours")
                or (bt.window or {}).get("days") == "Saturday-Sunday"):
            return ""
        w = getattr(bt, "weekend_window", None)
        if w:
            return " " + f.label("bt_weekend_window").format(
                hours=self._window_hours(w), lift=f"{f.number(w['lift'], 2)}×",
                low=f"{f.number(w['lift_low'], 2)}×", high=f"{f.number(w['lift_high'], 2)}×",
                **self._bt_adjusted(w), **who) + self._bt_below_one(w, who) + self._bt_tie(w)
        peak = bt.method.get("weekend_peak_hour")
        if peak is None:
            return ""
        return " " + f.label("bt_weekend_peak").format(
            p=f.p_value(bt.method["weekend_p_value"], 3)[0], hour=f"{int(peak):02d}:00")

    def _bt_weekend_tested(self, bt) -> str:
        """What a finding without a window adds on the weekend x hour test
        (``bt.weekend_outcome``): its p-value whatever it found, or why it was not run; ""
        without the test. It was said only beside a window: a reader of "no reliable timing
        effect" could not tell whether weekends had been looked at."""
        f = self.fmt
        outcome = getattr(bt, "weekend_outcome", None)
        if outcome is None:
            return ""
        if outcome == "too few":
            return " " + f.label("bt_weekend_too_few").format(
                posts=f.number(WEEKEND_MIN_POSTS), hours=f.number(WEEKEND_MIN_HOURS))
        if outcome == "untested":
            return " " + f.label("bt_weekend_untested")
        # under alpha to 3 decimals (as bt_weekend_peak: 0.004 read "p < 0.01"), else to 2
        differ = outcome == "differ"
        # a weekend window that stood out (not recommended) did hold up on the weeks held out;
        # so did a Monday-Friday one that stood out: no weekend window held up "either" was
        # untrue of it
        w = bt.window or {}
        key = ("bt_weekend_same" if not differ
               else "bt_weekend_differ_stood_out" if bt.method.get("weekend_stood_out")
               else "bt_weekend_differ_none_alone"
               if stood_out(w) and w.get("days") != "Saturday-Sunday"
               else "bt_weekend_differ_none")
        return " " + f.label(key).format(
            p=f.p_value(bt.method["weekend_p_value"], 3 if differ else 2)[0])

    def _bt_sentence(self, bt, said: set | None = None, accounts: int = 1) -> str:
        """What timing shows for one platform (its posts of ``accounts`` accounts,
        :func:`_bt_who`). A p-value and an interval come with what they mean, in full the
        first time the section says them (``said``, see :meth:`_gloss`): "p = 0.002" alone
        said nothing to a manager."""
        f = self.fmt
        who = _bt_who(f, accounts)
        w = bt.window or {}
        if bt.effect_detected and w.get("status") == "ok":
            p, odds = f.p_value(bt.p_value, 3)
            return f.label("bt_effect").format(
                p=p, chance=self._bt_chance(bt, said, odds),
                days=self._window_days(w), hours=self._window_hours(w),
                lift=f"{f.number(w['lift'], 2)}×",
                low=f"{f.number(w['lift_low'], 2)}×", high=f"{f.number(w['lift_high'], 2)}×",
                interval=self._gloss("bt_interval", said), n=f.number(bt.n_used),
                **self._bt_adjusted(w), **who
            ) + self._bt_below_one(w, who) + self._bt_tie(w) + self._bt_weekend(bt, who)
        if getattr(bt, "day_effect", False):
            return self._bt_days_sentence(bt, said, who) + self._bt_weekend_tested(bt)
        if bt.method.get("days_differ"):      # the days differ, none stands out: none named
            p, odds = f.p_value(bt.method["weekday_p_value"], 3)
            hp = bt.method.get("hour_p_value", np.nan)
            return f.label("bt_days_none").format(
                p=p, chance=f.label("bt_chance").format(odds=odds), n=f.number(bt.n_used),
                hours=(f.label("bt_days_hour_none").format(p=f.p_value(hp, 2)[0])
                       if np.isfinite(hp) else f.label("bt_days_hour_untested")),
                advice=self._bt_advice(bt), **who) + self._bt_weekend_tested(bt)
        if bt.n_used == 0:
            return self._none_analysed_sentence(bt)
        if not np.isfinite(bt.p_value):        # no test run: say why, as bt.summary does
            if bt.method.get("test") == NO_ENGAGEMENT:
                return f.label("bt_no_engagement_one" if bt.n_used == 1
                               else "bt_no_engagement").format(n=f.number(bt.n_used))
            if bt.method.get("test") == NOT_IDENTIFIABLE:
                return f.label("bt_not_identifiable").format(
                    n=f.number(bt.n_used), advice=self._bt_advice(bt, formats=True))
            if bt.method.get("test") == NOT_PERMUTABLE:
                return f.label("bt_not_permutable").format(n=f.number(bt.n_used),
                                                           advice=self._bt_advice(bt))
            if bt.method.get("test") == TOO_FEW_LEFT:    # posts alone at their hour left out
                return f.label("bt_not_permutable_left_out").format(
                    n=f.number(bt.n_used), k=MIN_TEST_POSTS, advice=self._bt_advice(bt))
            if bt.method.get("test") == NO_HOURS_TESTED:
                return f.label("bt_no_hours_tested").format(
                    n=f.number(bt.n_used), k=MIN_TEST_POSTS, advice=self._bt_advice(bt))
            weeks = f.number(bt.method.get("weeks", 0))
            return f.label("bt_too_few_one_week" if weeks == "1" else "bt_too_few").format(
                n=f.number(bt.n_used), weeks=weeks, advice=self._bt_advice(bt),
                min_n=f.number(MIN_POSTS), min_weeks=f.number(MIN_WEEKS))
        if getattr(bt, "held_out_failed", False) and stood_out(w):
            # a window cleared the held-out rule, but not once its selection is allowed for: no
            # effect, and the window named with its raw held-out lift (its adjusted one, "0.00×",
            # read as posts that earned nothing) and why it is not recommended
            p, odds = f.p_value(bt.p_value, 3)
            return f.label("bt_none").format(
                p=p, chance=self._bt_chance(bt, said, odds), n=f.number(bt.n_used),
                advice=self._bt_advice(bt), **who
            ) + " " + f.label("bt_stood_out").format(
                days=self._window_days(w), hours=self._window_hours(w),
                lift=f"{f.number(w['raw_lift'], 2)}×", **who) + self._bt_weekend_tested(bt)
        if getattr(bt, "held_out_failed", False):
            # p under alpha, yet no window: "no reliable effect (p = 0.09 …)" said no why. Three
            # decimals, as bt.summary: 0.095 read "p = 0.10, under the threshold of 0.10"
            p, odds = f.p_value(bt.p_value, 3)
            return f.label("bt_none_held_out").format(
                p=p, chance=self._bt_chance(bt, said, odds), n=f.number(bt.n_used),
                alpha=f.number(bt.method.get("alpha", 0.1), 2), advice=self._bt_advice(bt),
                **who) + self._bt_weekend_tested(bt)
        p, odds = f.p_value(bt.p_value, 2)
        return f.label("bt_none").format(p=p, chance=self._bt_chance(bt, said, odds),
                                         n=f.number(bt.n_used), advice=self._bt_advice(bt),
                                         **who) + self._bt_weekend_tested(bt)

    def _heatmap_caption(self, bt, kind: str, who: dict) -> str:
        """The caption of a best-times heatmap of ``kind``: what its cells are; for a lift
        heatmap of no slot of :data:`~smmanalytics.timing.MIN_CELL_POSTS` posts, that every
        colour is the model's estimate (the sample's Facebook, 76 slots of 1 to 7 posts, was
        a grey grid no caption explained); of one with a slot of a few posts holding a capped
        post (``bt.few_capped``), what its dotted cell is; what a faint cell is only when one
        is drawn (:func:`_faint_cells`): a heatmap of slots of 8 posts or more, or of one
        capped post, explained faint cells it did not have; and what a hatched cell is only
        when one is drawn (``timing._result._hatched``), as the figure's title."""
        f = self.fmt
        few = f.number(MIN_CELL_POSTS)
        faint = (f.label("bt_heatmap_faint").format(few=few)
                 if kind == "lift" and _faint_cells(bt) else "")
        # what hatching is, only when a cell is hatched (as the figure's title): a grid of
        # posted cells was told "hatched: no post in that slot"
        hatched = (f.label("bt_heatmap_hatched") if kind == "lift" and _hatched(
            bt.by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24)) else "")
        parts = [f.label(f"bt_heatmap_{kind}").format(few=few, faint=faint, hatched=hatched,
                                                       **who)]
        if kind == "lift" and not bt.by_slot["n_posts"].ge(MIN_CELL_POSTS).any():
            parts.append(f.label("bt_heatmap_all_faint").format(few=few))
        if kind == "lift" and bt.few_capped.any():    # dotted, not faint: too few to tell
            parts.append(f.label("bt_heatmap_few_capped").format(few=few))
        if kind == "lift" and not (getattr(bt, "day_effect", False) or np.isfinite(bt.p_value)):
            parts.append(f.label("bt_heatmap_untested"))
        return f.sentences(*parts)

    def _capped_note(self, bt, accounts: int) -> str:
        """The posts the analysis counted at a cap (``bt.method["capped"]``,
        :func:`..timing._data.cap_outliers`): when, what each earned and how many times its
        account's median post; one post with the figure it is counted at. A viral post moved
        every lift by a quarter unsaid; capped unsaid, its manager would not know why."""
        f = self.fmt
        capped = bt.method["capped"]
        median = f.label("bt_median_many" if accounts > 1 else "bt_median")
        k = f.number(bt.method["cap_multiple"])

        def when(post: dict) -> str:
            stamp = pd.Timestamp(post["local"])
            day = f.date(stamp, "EEEE d MMMM")
            return day if len(post["local"]) == 10 else f"{day} {stamp:%H:%M}"

        def multiple(post: dict) -> str:
            return f.number(post["multiple"], multiple_digits(post["multiple"]))

        if len(capped) == 1:
            post = capped[0]
            return f.label("bt_capped_one").format(
                when=when(post), value=f.number(post["y"]), multiple=multiple(post),
                median=median, cap=f.number(post["cap"]), k=k)
        posts = f.listed([f.label("bt_capped_post").format(
            when=when(p), value=f.number(p["y"]), multiple=multiple(p))
            for p in capped])
        return f.label("bt_capped_many").format(n=f.number(len(capped)), median=median,
                                                posts=posts, k=k)

    def _bt_advice(self, bt, *, formats: bool = False) -> str:
        """What to do without a reliable effect, as the plan below does it (bt.summary's
        advice): follow the audience schedule when the exports give one (its busiest hour,
        ``bt.audience_peak``, said to be audience activity and no measured effect of posting
        time), else post when it suits and test random slots. "Put posts in random slots" was
        said above a plan "following when the audience is online"; so was "post when it suits
        you" when the test could not be run. ``formats``: the way to learn more is to vary
        formats across slots (time could not be told apart from them), not random slots."""
        f = self.fmt
        peak = getattr(bt, "audience_peak", None)
        tail = "_formats" if formats else ""
        if peak is None:
            return f.label("bt_advice_random" + tail)
        # a schedule whose days all tie has its busiest hour on each: no day is named
        daily = "_daily" if getattr(bt, "audience_days_tie", False) else ""
        return f.label("bt_advice_activity" + daily + tail).format(
            day=f.weekday(peak[0]), hour=f"{peak[1]:02d}:00", tz=self.tz)

    def _bt_days_sentence(self, bt, said: set | None, who: dict[str, str]) -> str:
        """What timing shows when the finding is the days alone (``bt.best_days``: the weekday
        test holds, the hour test does not): the days, each with its lift and interval, and
        that the plan keeps the account's usual hours; "no reliable timing effect" hid it. The
        days that did worse (``bt.avoid_days``) follow, and the plan says to avoid them; when
        they are the only days that stand out, it spreads posts over the others."""
        f = self.fmt
        p, odds = f.p_value(bt.method["weekday_p_value"], 3)
        hp = bt.method.get("hour_p_value", np.nan)
        hours = (f.label("bt_days_hour_none").format(p=f.p_value(hp, 2)[0]) if np.isfinite(hp)
                 else f.label("bt_days_hour_untested"))
        # "posts on Sunday earned 1.37× the account's average, likely between 1.14× and
        # 1.68×; posts on Saturday 1.21×, likely between …"
        sep = " ; " if f.lang == "fr" else "; "
        up = bt.best_days if bt.best_days is not None else pd.DataFrame()
        down = getattr(bt, "avoid_days", None)
        down = down if down is not None else pd.DataFrame()
        days = sep.join(f.label("bt_days_first" if i == 0 else "bt_days_item").format(
            lift=f"{f.number(d['lift'], 2)}×",
            day=f.label("days_list").format(days=f.weekday(int(d["weekday"]))),
            low=f"{f.number(d['lift_low'], 2)}×", high=f"{f.number(d['lift_high'], 2)}×",
            average=who["average"])
            for i, (_, d) in enumerate(pd.concat([up, down]).iterrows()))
        avoid = f.label("days_list").format(
            days=f.listed(f.weekday(int(d)) for d in down["weekday"])) if len(down) else ""
        plan = ("bt_days_plan_avoid_only" if not len(up) else
                ("bt_days_plan" if len(up) > 1 else "bt_days_plan_one")
                + ("_avoid" if len(down) else ""))
        return f.label("bt_days").format(
            p=p, chance=f.label("bt_chance").format(odds=odds), hours=hours, days=days,
            interval=self._gloss("bt_interval", said), n=f.number(bt.n_used),
            plan=f.label(plan).format(avoid=avoid, **who), whom=who["whom"])

    @staticmethod
    def _bt_platforms(history: pd.DataFrame) -> list[str]:
        """The platforms the best-times section speaks of: those with posts known to the minute
        (or second), and those whose exports give the publish day only (YouTube's), said so."""
        precision = history["time_precision"].astype("string")
        known = precision.isin(["minute", "second", "day"]).fillna(False).to_numpy()
        return sorted(history.loc[known, "platform"].astype(str).unique())

    def _analysed(self) -> tuple[int, dict[str, int]]:
        """The posts up to the period's end that best times analyse hour by hour, and the
        others by why (timing's ``n_excluded`` reasons, summed over the platforms; the posts
        of a platform whose exports say no precision count as of an unknown hour): the best
        times' cover said "history analysed: 1,475" where its sections analysed 1,361."""
        history = self._history()
        platforms = self._bt_platforms(history) if len(history) else []
        used, left = 0, {}
        if platforms:
            history = history.assign(followers=metrics.followers_at(history, self.ds.daily))
        for platform in platforms:     # as best_times reads them, with its defaults
            frame, excluded, _ = prepare(history, self.tz, platform, self._timing_daily(
                platform)[0], "interactions", "followers", MIN_AGE_DAYS)
            used += int((frame["hour"].to_numpy() >= 0).sum())
            for k, v in excluded.items():
                left[k] = left.get(k, 0) + v
        unknown = len(history) - used - sum(left.values())
        if unknown:
            left["day_precision"] = left.get("day_precision", 0) + unknown
        return used, {k: v for k, v in left.items() if v}

    def _none_analysed_sentence(self, bt) -> str:
        """Why no post of a platform was analysed hour by hour, timing's exclusion reasons in
        words: a LinkedIn page whose only post was of the last week was told "no export gives
        the publish hour for this platform", which was false."""
        f = self.fmt
        excluded = {k: v for k, v in (bt.n_excluded or {}).items() if v}
        n = sum(excluded.values())
        if not n:
            return f.label("bt_no_posts")
        return f.label("bt_none_analysed_one" if n == 1 else "bt_none_analysed").format(
            n=f.number(n), reasons=f.excluded(excluded))

    def _day_only_sentence(self, bt, said: set | None = None, accounts: int = 1) -> str:
        """What timing shows for a platform whose exports give the publish day only: no hour
        can be told; whether a weekday did better (against whose average: its posts'
        ``accounts``, :func:`_bt_who`), when the test could tell."""
        f = self.fmt
        n = bt.n_excluded["day_precision"]          # "these 1 posts" read of a single post
        head = f.label("bt_day_only_one" if n == 1 else "bt_day_only").format(n=f.number(n))
        wp = bt.method.get("weekday_p_value", np.nan)
        if bt.method.get("weekday_test") == NOT_IDENTIFIABLE:
            tail = f.label("bt_day_only_confounded")
        elif bt.method.get("weekday_test") == NO_DAYS_TESTED:    # under 2 days of 3 posts
            tail = f.label("bt_day_only_no_days").format(k=MIN_TEST_POSTS)
        elif bt.method.get("weekday_test") == TOO_FEW_LEFT:   # the days' lone posts left out
            tail = f.label("bt_day_only_left_out").format(k=MIN_TEST_POSTS)
        elif not np.isfinite(wp):
            tail = f.label("bt_day_only_untested")
        elif wp >= bt.method.get("alpha", 0.1):
            p, odds = f.p_value(wp, 2)
            tail = f.label("bt_day_only_none").format(
                p=p, chance=f.label("bt_chance").format(odds=odds))
        elif (top := best_day(bt.by_weekday)) is None:     # a difference, no day's lift
            p, odds = f.p_value(wp, 2)
            tail = f.label("bt_day_only_unnamed").format(
                p=p, chance=f.label("bt_chance").format(odds=odds))
        else:
            tail = f.label("bt_day_only_best").format(
                day=f.weekday(int(top["weekday"])), lift=f"{f.number(top['lift'], 2)}×",
                low=f"{f.number(top['lift_low'], 2)}×", high=f"{f.number(top['lift_high'], 2)}×",
                interval=self._gloss("bt_interval", said), p=f.p_value(wp, 3)[0],
                **_bt_who(f, accounts))
        return f"{head} {tail}"

    @built_ahead
    def best_times(self, *, platforms: list[str] | None = None, ics: bool = True,
                   seed: int = 0) -> Section:
        """Per platform: does posting time matter, the heatmap, and next month's slots.

        Uses every post published up to the period's end (more history, honest intervals).
        The slots cover the month that starts the day after the data's last day
        (:meth:`_plan_after`, :func:`smmanalytics.calendar.plan_after`): after the period
        when the data end with it, as a month's report, never in the data's past nor after
        months the data have not reached. With ``ics``, they are also written as
        ``<stem>-<platform>.ics`` next to the PDF by :meth:`write_pdf` (and the slots'
        caption says so); without, no calendar is written. ``platforms``
        defaults to the report's (``BrandReport(..., platforms=...)``), else every platform
        with publish times.
        """
        f = self.fmt
        sec = self.section(f.label("best_times"))
        history = self._history()
        if history.empty:
            return self.text(sec, f.label("bt_no_posts"))
        if platforms is None:       # the report's platforms, else those with publish times
            platforms = getattr(self, "platforms", None) or self._bt_platforms(history)
        if not platforms:
            return self.text(sec, f.label("bt_no_hours"))
        self.text(sec, self._bt_intro(history, platforms))
        said: set[str] = set()        # the statistical terms glossed so far (see _gloss)
        if "followers" not in history.columns:     # joined once, not once per platform
            history = history.assign(followers=metrics.followers_at(history, self.ds.daily))
        for platform in platforms:
            self._bt_platform(sec, history, platform, said, ics=ics, seed=seed)
        return sec

    def _bt_intro(self, history: pd.DataFrame, platforms: list[str]) -> str:
        """The best times' opening sentence: the time zone and what the model controls for.
        Paid posts are controlled for only where some post's paid status is known: the
        platforms of ``platforms`` none of whose posts has one are named (an Italian Meta
        export, its boosted columns unread, said Facebook's sponsored posts were accounted
        for when each was "unknown", s58RI)."""
        f = self.fmt
        paid = (history["paid"].astype("boolean") if "paid" in history.columns
                else pd.Series(pd.NA, index=history.index, dtype="boolean"))
        known = set(history.loc[paid.notna().to_numpy(), "platform"].astype("string"))
        unknown = [p for p in platforms if p not in known]
        if not unknown:
            return f.label("bt_intro").format(tz=self.tz)
        return f.label("bt_intro_paid_unknown").format(
            tz=self.tz, platforms=f.listed([f.platform(p) for p in unknown]))

    def _bt_platform(self, sec: Section, history: pd.DataFrame, platform: str, said: set,
                     *, ics: bool, seed: int) -> None:
        """One platform's part of :meth:`best_times`: its heading, what timing showed, the
        notes on how it was read, the heatmap, and the slots of the month after the data."""
        # looked up when called, in their modules: tests patch them
        from ..calendar import plan_after
        from ..timing import best_times

        f = self.fmt
        daily, later = self._timing_daily(platform)
        bt = best_times(history, self.tz, platform=platform, daily=daily, seed=seed)
        self._add(sec, {"kind": "heading", "level": 2, "text": f.platform(platform)})
        accounts = _accounts(history, platform)
        who = _bt_who(f, accounts)
        if bt.n_used == 0 and bt.n_excluded.get("day_precision"):
            # the day only (YouTube's exports): no heatmap of hours, no slots; the platform
            # was left out without a word, its posts in the cover's count
            self.text(sec, self._day_only_sentence(bt, said, accounts))
            self._weekday_left_out_note(sec, bt)
            # the sentence counts those of a known day; a Studio range's partial figures,
            # the young and those after the range were left out without a word (60 of 63)
            self._excluded_note(sec, bt, counted="day_precision")
            return
        self.text(sec, self._bt_sentence(bt, said, accounts))
        analysed = bt.n_used > 0         # else the sentence said why none was
        days = getattr(bt, "day_effect", False)     # the finding is the days alone
        self._bt_reading_notes(sec, bt, accounts, analysed=analysed)
        kind = "lift" if bt.effect_detected or days or not bt.has_activity else "activity"
        tested = days or np.isfinite(bt.p_value)
        if (analysed and (tested or _has_lifts(bt))) or kind == "activity":
            # a lift heatmap of no post is bt.plot's message, in English, in a French
            # report, and one without any lift (too few: Northwind's 12 LinkedIn posts,
            # one white 1.0× cell on a hatched grid) shows nothing: the sentence above
            # says why; one whose test could not be run (too few posts to permute) is
            # drawn, its caption saying there is no verdict; the audience schedule is
            # still shown
            with plt.rc_context(plots.theme(0.8)):
                fig, ax = plt.subplots(figsize=(8, 2.9))
                bt.plot(ax=ax, kind=kind)
                self._localize_heatmap(fig, ax)
                self.figure(sec, fig, caption=self._heatmap_caption(bt, kind, who))
        if later is not None and kind == "activity":
            # the audience schedule shown, and followed by the slots, is of days after it
            # "pour la période du 25 au 31 octobre 2026": the range was put bare, "pour 25
            # octobre 2026 – 31 octobre 2026"
            self.text(sec, f.ranged(f.label("bt_activity_later"), *later), note=True)
        plan = plan_after(bt, self._plan_after())    # from the day after the data end
        self._bt_slots(sec, bt, plan, platform, accounts, who, days=days, ics=ics)
        if analysed:        # else the sentence listed them
            self._excluded_note(sec, bt)

    def _bt_reading_notes(self, sec: Section, bt, accounts: int, *, analysed: bool) -> None:
        """The notes on how a platform's posts were read, each when it applies: against what
        engagement was measured when not per follower (of a platform ``analysed`` only), the
        posts counted at a cap, those left out of the test (alone at their hour, or on their
        weekday where a days finding is said), and the accounts pooled into one control
        level."""
        f = self.fmt
        if bt.exposure_fallback and analysed:     # not per follower: against what
            self.text(sec, f.label(f"bt_exposure_{bt.exposure_fallback}").format(
                share=f.percent(MIN_EXPOSURE_SHARE, 0)), note=True)
        if bt.method.get("capped"):     # posts counted at a cap: named, with the cap
            self.text(sec, self._capped_note(bt, accounts), note=True)
        if left := bt.method.get("test_left_out"):     # alone at their hour: not tested
            self.text(sec, f.label(f"bt_test_left_out_{'one' if left == 1 else 'many'}")
                      .format(n=f.number(left), k=MIN_TEST_POSTS), note=True)
        self._weekday_left_out_note(sec, bt)
        pooled = bt.method.get("pooled_accounts_n")
        if pooled:       # accounts beyond MAX_GROUP_LEVELS shared one control level
            self.text(sec, f.label("bt_pooled_accounts").format(
                n=f.number(pooled), kept=f.number(MAX_GROUP_LEVELS)), note=True)

    def _weekday_left_out_note(self, sec: Section, bt) -> None:
        """The note on the posts the weekday test left out, alone on a weekday posted fewer
        than :data:`~smmanalytics.timing.MIN_TEST_POSTS` times (``bt.weekday_left_out``: where
        a weekday finding is said), as the hour test's are; recorded and unsaid, a days
        finding read as if every post had been tested."""
        if left := bt.weekday_left_out:
            self.text(sec, self.fmt.label(
                f"bt_weekday_left_out_{'one' if left == 1 else 'many'}").format(
                n=self.fmt.number(left), k=MIN_TEST_POSTS), note=True)

    def _bt_slots(self, sec: Section, bt, plan: pd.DataFrame, platform: str, accounts: int,
                  who: dict[str, str], *, days: bool, ics: bool) -> None:
        """The slots ``plan`` of one platform (the first 12, kept for its calendar with
        ``ics``), or why there are none, and the notes on a pace the slots fall short of or
        that takes slots under the average."""
        f = self.fmt
        if not len(plan) and plan.attrs.get("posts_per_week") == 0:
            # only stories: no pace of feed posts to keep (5 feed posts were planned at
            # a pace of 1 a week made up for it), no slot and no .ics, as YouTube's
            stories = bt.method.get("stories", 0)
            self.text(sec, f.label("bt_no_feed_one" if stories == 1 else "bt_no_feed")
                      .format(stories=f.number(stories), **who), note=True)
        if len(plan):
            if ics:         # the calendars write_pdf writes are those of _slots
                self._slots[platform] = plan
            shown = plan.head(12)
            basis = f.label(self._window_basis(bt, plan) if bt.effect_detected else
                            ("bt_basis_days" if bt.best_days is not None
                             and len(bt.best_days) else "bt_basis_days_avoid") if days else
                            "bt_basis_activity" if bt.audience_peak is not None
                            else "bt_basis_even").format(**who)
            table, few = self._slots_table(bt, shown, plan.attrs.get("basis"), accounts)
            self.table(sec, table, align=["left"] + ["right"] * (table.shape[1] - 1),
                       widths=["1fr"] + ["auto"] * (table.shape[1] - 1),
                       # "the first 12 of 43 slots" only when the table leaves some out
                       caption=self._slots_caption(bt, plan, len(shown), basis, accounts,
                                                   ics))
            if few:
                self.text(sec, f.label("bt_slots_few_posts").format(
                    n=f.number(MIN_CELL_POSTS)), note=True)
        asked, found = plan.attrs.get("posts_per_week"), plan.attrs.get("slots_per_week")
        if asked and found is not None and found < asked:
            self.text(sec, f.label("bt_slots_short").format(
                found=f.number(found), asked=f.number(asked), **who), note=True)
        if plan.attrs.get("clock_lost"):
            # a slot in the hour the clocks skip, no hour free on its day: a post fewer, which
            # the plan's shortfall says (its other clause is bt_slots_short's, above)
            self.text(sec, f.sentence(f.note(clock_shortfall(plan))) + ".", note=True)
        if below := plan.attrs.get("below_average"):
            # the pace asks more slots than those at or above average: the table's lifts
            # under 1× are no mistake
            self.text(sec, f.label("bt_slots_below").format(
                below=f.number(below), found=f.number(found), asked=f.number(asked),
                **who), note=True)

    def _slots_table(self, bt, shown: pd.DataFrame, basis: str | None,
                     accounts: int) -> tuple[pd.DataFrame, int]:
        """The slots table of the plan rows ``shown``: each slot, and when timing showed a
        reliable effect (the slot's, or the day's when the finding is the days: the plan's
        ``basis``), the posts its expected engagement rests on and that engagement, "–" below
        :data:`~smmanalytics.timing.MIN_CELL_POSTS` (8) posts, the heatmap's faint cells; and
        how many lifts that "–" withheld. A slot of one post read 1.97× under a window told at
        about 1.48×, which might not beat the average; at 5, the table showed the lifts of
        slots of 5 to 7 posts the heatmap above it greyed. Slots
        chosen by the audience schedule, or spread evenly, carry no lift (the model showed
        none), nor their posts."""
        f = self.fmt
        table = pd.DataFrame({f.label("slot"): [f.date(t, "EEEE d MMMM") + t.strftime(" %H:%M")
                                                for t in shown["start_local"]]})
        # each post against its own account's average (bt_average_many)
        lift_label = f.label("expected_lift_many" if accounts > 1 else "expected_lift")
        if basis not in ("effect", "days"):
            return table.assign(**{lift_label: ["–"] * len(shown)}), 0
        posts = _posts_behind(bt, shown, by_day=basis == "days")
        few = posts < MIN_CELL_POSTS
        # a slot of 1 to 7 posts: its "–" is explained, its lift withheld or, one of them
        # capped (calendar._ranked), unknown; a slot of no post has no lift to withhold
        withheld = few & (posts > 0)
        return table.assign(**{
            f.label(f"slot_posts_{basis}"): [f.number(n) for n in posts],
            lift_label: [f"{f.number(v, 2)}×" if pd.notna(v) and not low else "–"
                         for v, low in zip(shown["lift"], few, strict=True)]}), int(withheld.sum())

    def _excluded_note(self, sec: Section, bt, *, counted: str | None = None) -> None:
        """The note "Posts left out: …" of a platform's best times, by timing's reasons and
        counts (``bt.n_excluded``), but ``counted``, the reason its sentence already counted;
        no note when none is left."""
        excluded = {k: v for k, v in (bt.n_excluded or {}).items() if v and k != counted}
        if excluded:
            f = self.fmt
            self.text(sec, f.label("bt_excluded") + " " + f.excluded(excluded), note=True)

    def _timing_daily(self, platform: str) -> tuple[pd.DataFrame, tuple | None]:
        """The daily rows best times read for ``platform``: those dated up to the period's end,
        and the days of the audience's online hours (``online_followers``, a snapshot of a few
        days) after it when the exports give none up to it (the first and last of those days,
        else None). The December 2025 report followed, unsaid, TikTok's audience of 25-31
        October 2026."""
        daily = self.ds.daily
        if daily.empty:
            return daily, None
        dates = pd.to_datetime(daily["date"])
        upto = (dates <= pd.Timestamp(self.period.end)).fillna(False).to_numpy(bool)
        online = ((daily["metric"].astype("string") == "online_followers")
                  & (daily["platform"].astype("string") == platform)).fillna(False).to_numpy(bool)
        if (online & upto).any() or not online.any():
            return daily.loc[upto], None
        return (daily.loc[upto | online],
                (dates[online].min().date(), dates[online].max().date()))

    def _plan_after(self):
        """The days the posting plan follows: up to the data's last complete day, the last
        day they tell of (:meth:`Dataset.span`, the cover's) and no later than the day they
        are as of (:meth:`Dataset.as_of`); the period when no day is known.

        The plan follows the period when the data end with it (October's report of data to
        31 October plans November). It followed the period also when the data reach past it,
        or stop before its end: the third quarter's report, of data to 31 October, planned
        October, a month of the data's past; the year's, January 2027, November and December
        planned by no report."""
        last = self.ds.span()[1]
        if last is None:
            return self.period
        if self.asof is not None:
            last = min(last, self.asof)
        return (last, last)

    def _slots_caption(self, bt, plan: pd.DataFrame, shown: int, basis: str,
                       accounts: int = 1, ics: bool = True) -> str:
        """The caption of a plan's table: its days, the slots shown of how many, on what
        basis, that they are all in the .ics calendar when one is written (``ics``), and,
        when the account posted stories, that the pace left them out (the plan is of feed
        posts: counted, Instagram's stories made 43 slots of November's 30), the pace of the
        platform's ``accounts`` together when several (:func:`_bt_who`)."""
        f = self.fmt
        # "the first 12 of 43 slots" only when the table leaves some out
        key = "bt_slots_caption" if len(plan) > shown else "bt_slots_caption_all"
        key = key if ics else f"{key}_no_ics"
        # a plan of a few days may hold one slot: "1 slot planned", not "1 slots planned"
        if len(plan) == 1 and key.startswith("bt_slots_caption_all"):
            key += "_one"
        caption = f.label(key).format(
            month=self._plan_days(plan), shown=f.number(shown), n=f.number(len(plan)),
            basis=basis)
        stories = bt.method.get("stories", 0)
        if not stories:
            return caption
        return f.sentences(caption, f.label("bt_slots_stories_one" if stories == 1
                                            else "bt_slots_stories").format(
            feed=_bt_who(f, accounts)["feed"], pace=f.number(plan.attrs.get("posts_per_week")),
            stories=f.number(stories)))

    def _plan_days(self, plan: pd.DataFrame) -> str:
        """The days a plan covers by name: "Novembre 2026" for a calendar month, else its
        first and last days."""
        first, last = plan.attrs["first_day"], plan.attrs["last_day"]
        p = parse_period((first, last))
        month = pd.Period(first, freq="M")
        if first == month.start_time.date().isoformat() and last == \
                month.end_time.date().isoformat():
            return self.fmt.month(p.start).capitalize()
        return self.fmt.period(p)

    def _localize_heatmap(self, fig, ax) -> None:
        """Weekday names and axis labels in the report language (the caption says the rest)."""
        f = self.fmt
        days = get_day_names("abbreviated", locale=f.locale)
        ticks = ax.get_yticks()
        if len(ticks) == 7:
            ax.set_yticks(ticks, [days[i].rstrip(".").capitalize() for i in range(7)])
        ax.set_title("")
        ax.set_ylabel("")
        ax.set_xlabel(f"{f.label('hour')} ({self.tz})")
        for other in fig.axes:
            if other is not ax:
                other.set_ylabel("")

    # ---- reputation watch ----------------------------------------------------------------------
    def _review(self, settings):
        """The reputation watch's review of the period under ``settings`` (:func:`review`),
        made once for the sections that read it (the watch, the top posts). It judges the
        history up to the period's end only: the December 2025 report's yearly rates counted
        398 days watched and the alerts of October 2026."""
        # looked up when called, in smmanalytics.alerts (the package's `alerts` is the
        # function): tests patch it
        from ..alerts import review

        done = self.__dict__.setdefault("_reviews", {})
        end = self.period.end
        if settings not in done:
            try:
                done[settings] = review(self.ds, (self.period.start, end), settings=settings,
                                        until=end)
            except EmptyDataError:
                # a period the posts and daily rows do not reach (GA4 days may): none of its
                # alerts
                whole = review(self.ds, settings=settings, until=end)
                done[settings] = replace(whole, alerts=whole.alerts.iloc[0:0])
        return done[settings]

    def _incidents_at(self, posts: pd.DataFrame) -> tuple[list, pd.DataFrame]:
        """The incidents of the reputation watch (its settings, its period) that ``posts`` were
        published in, by their publish day (:func:`~smmanalytics.periods.post_dates`: a
        YouTube video's is the day its export gives, not the day before west of UTC): for each
        post, the position of its incident in the frame returned (None for a post of no
        incident), and the incidents of :func:`incidents` (start, end, severity…) that hold
        one of them."""
        from ..alerts import AlertSettings  # looked up when called: a test patches it

        watch = self._review(AlertSettings())
        inc = self._zoned(watch, incidents(watch.alerts, earlier=watch.earlier))
        days = post_dates(posts, self.tz)
        where = [next((i for i, (s, e) in enumerate(zip(inc["start"], inc["end"], strict=True))
                       if s <= d <= e), None) for d in days]
        held = sorted({i for i in where if i is not None})
        return [None if i is None else held.index(i) for i in where], \
            inc.iloc[held].reset_index(drop=True)

    @built_ahead
    def alerts(self, max_charts: int = 6) -> Section:
        """Incidents in the period (signals agreeing within 48 h), a small chart per alert, and
        the back-test: how many alerts a year these settings raise on the brand's history."""
        from ..alerts import AlertSettings  # looked up when called: a test patches it

        sec = self.section(self.fmt.label("alerts"))
        settings = AlertSettings()
        watch = self._review(settings)
        # an account's own series named as the alert lines name it ("TikTok (seveshop)"):
        # the table read "TikTok" for maisonseve's losses of 13-19 October and for
        # seveshop's -25 of the 27th alike
        inc = incidents(watch.alerts, platform_name=self.fmt.platform, earlier=watch.earlier)
        if inc.empty:          # quiet signals, or none to watch at all
            self.text(sec, self._quiet_text(watch, settings))
        else:
            self._incident_table(sec, self._zoned(watch, inc))
            self._alert_charts(sec, watch, settings, max_charts)
            self._alert_rows(sec, watch)
        self._untested_note(sec, watch, settings)
        # a signal not watched for want of a posts export of the period is not one the
        # exports do not hold (its history may be known: its yearly rate stays)
        bt, unposted = watch.backtest, self._unposted(watch)
        self._backtest_table(sec, bt.loc[[
            status == "known" or s not in unposted.get(p, ()) for p, s, status in zip(
                bt["platform"], bt["signal"], bt["status"], strict=True)]], settings)
        return sec

    def _quiet_text(self, watch, settings) -> str:
        """The sentence of a period without incidents: an all-clear only when it holds."""
        f = self.fmt
        watched = (watch.backtest["status"] == "known").any()
        if not watched:     # none up to the period's end: the exports may hold later ones
            watched = (coverage(self.ds)["status"] == "known").any()
        sig = watch.signals
        days = sig["date"].dt.date
        # a period the signals do not reach is no quiet period: "every signal stayed within
        # its usual range" was said of January 2024, before the first export
        seen = (sig["value"].notna() & (days >= self.period.start)
                & (days <= self.period.end)).any()
        if not (watched and seen):
            return f.label("alerts_no_data" if watched else "alerts_no_signal")
        # known signals with no day tested, or days of the period tested in part, are no
        # all-clear (Review.verdict)
        verdict = watch.verdict()
        key = ("alerts_none_tested" if verdict == "partly" else "alerts_none"
               if verdict == "none" else _one_week("alerts_untested", settings))
        return f.label(key).format(weeks=f.number(settings.min_history))

    def _zoned(self, watch, inc: pd.DataFrame) -> pd.DataFrame:
        """``inc`` with the zone its first and last days count in (``start_zone``,
        ``end_zone``; :func:`~smmanalytics._alert_days.incident_zones`): the Paris comments
        and the Pacific follower losses of one incident made one "13 Oct – 19 Oct" of three
        zones."""
        return incident_zones(watch, inc, prefer=self.tz)

    def _alert_day(self, day, zone, began: bool = False, own: bool = False) -> str:
        """An alert's day, "13 Oct", its zone named when not the brand's: "13 Oct (Pacific
        time)" for a Meta account series' day (a zone not known is not named). ``began``: the
        first day of an incident begun before the period, said in the zone's brackets ("30
        Sept (UTC; began before this period)", where two brackets followed each other).
        ``own``: the brand's zone named too, for an end whose other end is in another zone
        (:func:`~smmanalytics._alert_days.two_zones`)."""
        f = self.fmt
        text, named = self._day_zone(day, zone, own)
        if began:
            return (f.label("incident_began_before_zone").format(day=text, zone=named)
                    if named else f.label("incident_began_before").format(day=text))
        return f"{text} ({named})" if named else text

    def _day_zone(self, day, zone, own: bool = False) -> tuple[str, str | None]:
        """A day, "13 Oct", and its zone's name when not the brand's ("Pacific time"; None for
        the brand's or a zone not known); ``own``: the brand's named too ("Paris time")."""
        named = not (pd.isna(zone) or (zone == self.tz and not own))
        return self.fmt.date(day, "d MMM"), self.fmt.zone(zone) if named else None

    def _incident_table(self, sec: Section, inc: pd.DataFrame) -> None:
        """The period's incidents (:meth:`_zoned`), one row each; each end in its own zone,
        both named when they differ (:func:`~smmanalytics._alert_days.two_zones`): "13 Oct"
        beside "19 Oct (Pacific time)" read as a Pacific week, though its first day was
        Paris's."""
        f = self.fmt
        mixed = [two_zones(a, b) for a, b in zip(inc["start_zone"], inc["end_zone"],
                                                  strict=True)]
        self.table(sec, pd.DataFrame({
            # an incident begun before the period: its own first day, said to be before it
            f.label("from"): [self._alert_day(d, z, bool(began), own)
                              for d, z, began, own in zip(inc["start"], inc["start_zone"],
                                                          inc["began_before"], mixed,
                                                          strict=True)],
            f.label("to"): [self._alert_day(d, z, own=own)
                            for d, z, own in zip(inc["end"], inc["end_zone"], mixed,
                                                 strict=True)],
            f.label("severity"): [{"text": f.label("sev_" + s), "status": s,
                                   "color": _SEVERITY_COLORS.get(s, OTHER_BADGE_COLOR)}
                                  for s in inc["severity"]],
            f.label("platform"): inc["platforms"].tolist(),
            f.label("signals"): [self._incident_signals(row) for row in inc.itertuples()],
        }), align=["left", "left", "left", "left", "left"],
            widths=["auto", "auto", "auto", "auto", "1fr"], caption=self._seen_twice(inc))

    def _incident_signals(self, row) -> str:
        """An incident's signals (a row of :meth:`_zoned`'s frame), those alerting before the
        period only after them with the day the incident began ("negative feedback;
        comments, comments per reach (from 31 Aug, before this period)"): the severity
        counts them, and a "crisis" beside its one September signal could not be checked."""
        f = self.fmt

        def named(signals: str) -> str:
            return ", ".join(f.label("sig_" + s) for s in signals.split(", "))

        if not row.signals_before:
            return named(str(row.signals))
        day, zone = self._day_zone(row.start, row.start_zone)
        before = f.label("incident_signals_before_zone" if zone else "incident_signals_before")
        return f.join([named(str(row.signals)), f.prose(before.format(
            signals=named(str(row.signals_before)), day=day, zone=zone))])

    def _seen_twice(self, inc: pd.DataFrame) -> str | None:
        """The incidents' signals that are one movement seen twice (``seen_twice`` of
        :func:`incidents`: the net followers and the unfollows they subtract, the comments and
        their rate per reach), counted once toward the severity: said, or a reader counts
        five signals where the severity counts three. None when no incident has two.

        A family not seen twice in every incident of the table names the incidents it is, by
        their first day ("net followers and unfollows (the incident from 13 Oct)"): said of
        the whole table, the caption was false of a row holding the other family only."""
        f = self.fmt
        starts: dict[str, list[str]] = {}   # each family, the first days of its incidents
        for ss, day, zone in zip(inc["seen_twice"], inc["start"], inc["start_zone"],
                                 strict=True):
            for fam in ss.split("; ") if ss else ():
                starts.setdefault(fam, []).append(self._alert_day(day, zone))
        if not starts:
            return None
        everywhere = all(len(days) == len(inc) for days in starts.values())

        def said(fam: str) -> str:
            family = f.listed([f.label("sig_" + s) for s in fam.split(", ")])
            if everywhere:
                return family
            days = starts[fam]
            return f.label("alerts_seen_twice_row" if len(days) == 1 else
                           "alerts_seen_twice_rows").format(family=family, days=f.listed(
                               f.label("alerts_seen_twice_day").format(day=d)
                               for d in dict.fromkeys(days)))
        return f.prose(f.label("alerts_seen_twice").format(
            families=f.join(said(fam) for fam in sorted(starts))))

    def _alert_charts(self, sec: Section, watch, settings, max_charts: int) -> None:
        """A small chart per alerted signal (at most ``max_charts``), in the report's words."""
        f = self.fmt
        with plt.rc_context(plots.theme(0.75)):
            fig = plot_alerts(watch.alerts, watch.signals, max_charts=max_charts,
                              settings=settings, legend=False,   # the caption says it
                              detections=watch.detections)       # the review's own run
            if fig is None:
                return
            day = functools.cache(    # the layout and the drawing ask for each
                lambda v: f.date(mdates.num2date(v).date(), "d MMM"))   # label often
            zones = (watch.signals.drop_duplicates(["platform", "signal"])
                     .set_index(["platform", "signal"])["day_tz"])
            for ax in fig.axes:
                if ax.get_visible() and " · " in ax.get_title():
                    # "tiktok seveshop · net_followers (watch)": an account's own series
                    head, rest = ax.get_title().split(" · ", 1)
                    platform, _, account = head.partition(" ")
                    signal = rest.split(" (")[0]
                    ax.set_title(self._series_label(platform, account, signal), fontsize=8,
                                 y=1.0)    # y: see Report.figure
                    ax.set_ylabel("")
                    ax.set_xlabel(self._chart_days(zones.get((platform, signal))),
                                  fontsize=7)
                    # the days plot_alert's locator picks for the chart's days, picked
                    # once: the layout and the drawing ran it at each of their passes
                    ax.xaxis.set_major_locator(mticker.FixedLocator(
                        ax.xaxis.get_major_locator()()))
                    ax.xaxis.set_major_formatter(     # "15 oct", as the other charts
                        lambda v, _pos: day(v))
                    if signal.endswith("_per_reach"):   # "3 %", as in the table below
                        ax.yaxis.set_major_formatter(plots.PercentTicks(f.percent))
            self.figure(sec, fig, caption=f.label("alerts_chart"))

    def _chart_days(self, zone) -> str:
        """An alert chart's x label: the zone its days count in when not the brand's, as
        :meth:`_alert_day` names it ("Days (Pacific time)"); the text's "13 Oct (Pacific
        time)" was drawn as a bare "13 Oct"."""
        if zone is None or pd.isna(zone) or zone == self.tz:
            return ""
        return self.fmt.label("alerts_chart_days").format(zone=self.fmt.zone(zone))

    def _alert_rows(self, sec: Section, watch) -> None:
        """The period's first 15 alerts, with each signal's value and its baseline; a day
        counted in another zone than the brand's (an account series') names it."""
        f = self.fmt
        found = watch.alerts
        top = found.sort_values(["date", "platform"], kind="stable").head(15)
        self.table(sec, pd.DataFrame({
            f.label("date"): [self._alert_day(d, z) for d, z in
                              zip(top["date"], top["day_tz"], strict=True)],
            f.label("platform"): [self._platform_account(p, a) for p, a in zip(
                top["platform"], top.get("account", pd.Series("", index=top.index)),
                strict=True)],
            f.label("signal"): [f.label("sig_" + s) for s in top["signal"]],
            f.label("value"): [self._signal_value(s, v) for s, v in
                               zip(top["signal"], top["value"], strict=True)],
            f.label("baseline"): [self._signal_value(s, v) for s, v in
                                  zip(top["signal"], top["baseline"], strict=True)],
        }), align=["left", "left", "left", "right", "right"],
            caption=" ".join(filter(None, [
                f.label("alerts_first").format(shown=f.number(len(top)), n=f.number(len(found)))
                if len(found) > len(top) else None, self._dst_caption(top)])) or None)

    def _dst_caption(self, shown: pd.DataFrame) -> str | None:
        """The sentence naming the alert rows ``shown`` dated a day of 23 or 25 hours ("The
        clocks changed on 25 Oct (25 hours): …"): the alerts frame flags them (``dst_day``)
        and their counts, an hour short or long, are tested as they are against 24-hour days,
        but the table did not say so. None when no row is such a day."""
        f = self.fmt
        dst = shown.loc[shown["dst_day"].fillna(False).to_numpy(bool)]
        if dst.empty:
            return None
        days = dict.fromkeys(
            self._dst_day(d, z, h) for d, z, h in zip(
                dst["date"], dst["day_tz"], day_hours(dst["date"], dst["day_tz"]), strict=True))
        key = "alerts_dst_one" if len(days) == 1 else "alerts_dst_many"
        return f.prose(f.label(key).format(days=f.listed(days)))

    def _dst_day(self, day, zone, hours: float) -> str:
        """A day of 23 or 25 hours, "25 Oct (25 hours)", its zone named beside the hours when
        not the brand's ("8 Mar (Pacific time, 23 hours)"), as :meth:`_alert_day` names it
        (the hours unsaid when its midnight was skipped or repeated)."""
        f = self.fmt
        text, named = self._day_zone(day, zone)
        if not np.isfinite(hours):
            return self._alert_day(day, zone)
        if named:
            return f.label("alerts_dst_day_zone").format(day=text, zone=named,
                                                         hours=f.number(hours))
        return f.label("alerts_dst_day").format(day=text, hours=f.number(hours))

    def _backtest_table(self, sec: Section, bt: pd.DataFrame, settings) -> None:
        """The back-test: each known signal's alerts a year, their sum, and the unknown ones."""
        f = self.fmt
        total = bt[bt["signal"] == "all"]
        bt = bt[bt["signal"] != "all"]
        known = bt[bt["status"] == "known"]
        unknown = bt[bt["status"] != "known"]
        # a yearly rate from a few days watched says nothing of a year (0 alerts in 4 days read
        # "0.0, likely range 0.0–273.5"): none below 4 weeks, the watch's own history minimum
        few = (known["days_watched"].fillna(0) > 0) & (known["days_watched"].fillna(0)
                                                       < _RATE_MIN_DAYS)
        if len(known):
            self._add(sec, {"kind": "heading", "level": 2, "text": f.label("alerts_backtest")})
            # each test's setting, with what it means: "robust z above 3.5" said nothing
            settings_text = f.label("alerts_settings").format(
                z=f.number(settings.z_threshold, 1), p=f.number(settings.nb_p, 3),
                odds=f.odds(settings.nb_p, less=True), arl=f.number(settings.cusum_arl),
                busy=f.number(settings.busy_median,
                              0 if float(settings.busy_median).is_integer() else 1))
            self.table(sec, pd.DataFrame({
                f.label("platform"): [f.platform(p) for p in known["platform"]],
                f.label("signal"): [f.label("sig_" + s) for s in known["signal"]],
                # the days the rate is counted on: "Days of history" read 29 (days with a
                # post) over a rate counted on the 4 of them tested
                f.label("alerts_days_watched"): [f.number(v) for v in known["days_watched"]],
                f.label("alerts_count"): [f.number(v) for v in known["alerts"]],
                f.label("alerts_per_year"): ["–" if short else f.number(v, 1) for v, short in
                                             zip(known["alerts_per_year"], few, strict=True)],
                # 58 days holding the crisis read "48.7 a year" as surely as a year read 6.0
                # a signal not tested yet has no rate, nor a range ("–––" read as one)
                f.label("alerts_range"): [f"{f.number(lo, 1)}–{f.number(hi, 1)}"
                                          if pd.notna(lo) and pd.notna(hi) and not short
                                          else "–"
                                          for lo, hi, short in zip(
                                              known["alerts_per_year_low"],
                                              known["alerts_per_year_high"], few, strict=True)],
            }), align=["left", "left", "right", "right", "right", "right"],
                caption=settings_text)
            # no sentence of rates when no signal was tested (a history shorter than the
            # watch's minimum): it read "– alerts a year, likely range –––, … of the 0 days";
            # nor when a signal's rate is left out (too few days): the sum holds it
            if len(total) and pd.notna(total.iloc[0]["alerts_per_year"]) and not few.any():
                t = total.iloc[0]
                self.text(sec, f.label("alerts_total").format(
                    alerts=f.number(t["alerts_per_year"], 1),
                    low=f.number(t["alerts_per_year_low"], 1),
                    high=f.number(t["alerts_per_year_high"], 1),
                    incidents=f.number(t["incidents_per_year"], 1),
                    days=f.number(t["days_watched"])))
            if few.any():
                self.text(sec, f.label("alerts_rate_few").format(
                    days=f.number(_RATE_MIN_DAYS), signals=", ".join(
                        f"{f.platform(p)} · {f.label('sig_' + s)} ({f.number(d)})"
                        for p, s, d in zip(known.loc[few, "platform"], known.loc[few, "signal"],
                                           known.loc[few, "days_watched"], strict=True))),
                    note=True)
            self.text(sec, f.label("alerts_range_note"), note=True)
        self._unknown_note(sec, unknown)

    def _unknown_note(self, sec: Section, unknown: pd.DataFrame) -> None:
        """The signals not watched for want of a value: those whose exports were read whole
        are absent from them; those read from exports with columns left unread
        (:func:`~smmanalytics.quality.unread_columns`) were not found among the columns read,
        and the unread columns are named. An Italian Facebook export's negative feedback,
        its header unread, was said absent from the exports: the Page's manager took the
        signal for one the platform does not give."""
        f = self.fmt
        unread = self._unread_by_table()
        columns = [list(dict.fromkeys(h for kind in SIGNAL_TABLES.get(s, ())
                                      for h in unread.get((p, kind), [])))
                   for p, s in zip(unknown["platform"], unknown["signal"], strict=True)]
        absent = [(p, s) for p, s, c in zip(unknown["platform"], unknown["signal"], columns,
                                            strict=True) if not c]
        if absent:
            self.text(sec, f.label("alerts_unknown") + " " + ", ".join(
                f"{f.platform(p)} · {f.label('sig_' + s)}" for p, s in absent), note=True)
        not_read: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        rows: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for p, s, c in zip(unknown["platform"], unknown["signal"], columns, strict=True):
            if c:
                not_read.setdefault((p, tuple(c)), []).append(f.label("sig_" + s))
                rows.setdefault((p, tuple(c)), []).extend(self._synonym_rows(p, s))
        items = [f.label("alerts_unread_columns").format(
            signals=f"{f.platform(p)} · {', '.join(signals)}",
            columns=", ".join(f.label("alerts_unread_column").format(name=n) for n in c),
            rows=self._rows_said(rows[p, c])) for (p, c), signals in not_read.items()]
        if items:
            self.text(sec, f.label("alerts_unread") + " " + f.join(items), note=True)

    def _synonym_rows(self, platform: str, signal: str) -> list[str]:
        """The synonyms.csv rows (``meta,neg_hide_all,it,<its header>``) that would read an
        unread column as ``signal`` on ``platform``: for each family of the platform's files
        of the signal's tables with columns left unread, the fields of the signal it has, in
        its file's language (its posts' ``source_locale``, else the brand's). The note said
        a synonyms.csv could name the columns, not the row: the natural guess, the signal's
        own name, is no field, and threw away the brand's every synonym (s58RI)."""
        unread = unread_columns(self.ds.quality)
        files = self.ds.files
        if not {"path", "platform", "kind", "source_format"} <= set(files.columns):
            return []
        posts = self.ds.posts
        locale = ({} if not {"source_file", "source_locale"} <= set(posts.columns) else dict(
            posts[["source_file", "source_locale"]].dropna().drop_duplicates("source_file")
            .itertuples(index=False, name=None)))
        out = []
        for path, p, kinds, fmt in zip(files["path"], files["platform"], files["kind"],
                                       files["source_format"], strict=True):
            found = None if pd.isna(fmt) else find_format(str(fmt))
            if (str(p) != platform or found is None or not unread.get(str(path))
                    or not set(str(kinds).split(",")) & set(SIGNAL_TABLES.get(signal, ()))):
                continue
            has = {s.canonical for s in synonyms() if s.family == found.family}
            lang = str(locale.get(str(path), self.brand.language)).split("-")[0]
            out.extend(f"{found.family},{field},{lang},"
                       for field in SIGNAL_FIELDS.get(signal, ()) if field in has)
        return out

    def _rows_said(self, rows: list[str]) -> str:
        """The synonyms.csv rows of :meth:`_synonym_rows` as the unread columns' note gives
        them (the header in the report's language's placeholder), "" when none is known."""
        f = self.fmt
        if not rows:
            return ""
        return f.label("alerts_unread_rows").format(rows=", ".join(
            f.label("alerts_unread_column").format(name=r + f.label("alerts_unread_header"))
            for r in dict.fromkeys(rows)))

    def _unread_by_table(self) -> dict[tuple[str, str], list[str]]:
        """The headers the brand's exports left unread, per platform and table (a file's
        ``kind``: ``posts``, ``daily``…), each once, in the order of the files."""
        unread = unread_columns(self.ds.quality)
        files = self.ds.files
        out: dict[tuple[str, str], list[str]] = {}
        if not unread or not {"path", "platform", "kind"} <= set(files.columns):
            return out
        for path, platform, kinds in zip(files["path"], files["platform"], files["kind"],
                                         strict=True):
            if pd.isna(platform) or pd.isna(kinds) or not unread.get(str(path)):
                continue
            for kind in str(kinds).split(","):
                names = out.setdefault((str(platform), kind), [])
                names.extend(h for h in unread[str(path)] if h not in names)
        return out

    def _untested_note(self, sec: Section, watch, settings) -> None:
        """Which signals were tested on how many of the period's days with a value, and the
        days not tested (too short a history before them: fewer than ``settings.min_history``
        earlier same weekdays), an incident on which raises no alert: the dates when they are
        few, else their count. First the days no export covers (:meth:`_missing_note`)."""
        f = self.fmt
        u = watch.untested()
        lacking = u.loc[[len(days) > 0 for days in u["missing"]]]
        posts = lacking["posts"].astype(bool)
        self._missing_note(sec, lacking.loc[~posts])
        uncovered = self._watch_uncovered(watch)
        unposted = [f.label("alerts_missing_posts_none").format(
            signals=f"{f.platform(p)} · " + ", ".join(f.label("sig_" + s) for s in signals),
            dates=uncovered[p]) for p, signals in self._unposted(watch).items()]
        self._missing_note(sec, self._with_uncovered(watch, lacking.loc[posts], uncovered),
                           "alerts_missing_posts", uncovered, unposted)
        u = u.loc[[len(days) > 0 for days in u["untested"]]]
        if u.empty:
            return
        items = []
        for r in u.itertuples():
            signal = self._series_label(r.platform, r.account, r.signal)
            many = len(r.untested) > _UNTESTED_NAMED
            # "tested on 0 of its 1 days": a signal with data on one day of the period
            key = ("alerts_partly_count" if many else "alerts_partly_item_one_day"
                   if r.days == 1 else "alerts_partly_item")
            items.append(f.label(key).format(
                signal=signal, tested=f.number(r.days_tested), days=f.number(r.days),
                dates=", ".join(f.date(d, "d MMM") for d in r.untested)))
        self.text(sec, f.label(_one_week("alerts_partly", settings)).format(
            weeks=f.number(settings.min_history)), note=True)
        self.bullets(sec, items)

    def _missing_note(self, sec: Section, u: pd.DataFrame, key: str = "alerts_missing",
                      uncovered: dict[str, str] | None = None,
                      unposted: list[str] | None = None) -> None:
        """The account series with days of the period no export covers (rows of
        ``Review.untested()`` with ``missing`` days): on how many of the period's days each
        was known, and the days not watched, by date when they are few. Unsaid, X's unfollows
        known on 17 of October's 31 days read "No alert in this period". With ``key``
        ``"alerts_missing_posts"``, the signals of the posts whose figure the posts of some
        days all lack: on how many of their days with posts each was known; and the days no
        posts export of their platform covers, ``uncovered`` (:meth:`_watch_uncovered`), and
        the items of the platforms none of whose posts exports covers the period,
        ``unposted`` (:meth:`_unposted`)."""
        if u.empty and not unposted:
            return
        f = self.fmt
        uncovered = uncovered or {}
        items = []
        for r in u.itertuples():
            many = len(r.missing) > _UNTESTED_NAMED
            spans = [uncovered[r.platform]] if r.platform in uncovered else []
            item = f.label(f"{key}_count" if many else f"{key}_item").format(
                signal=self._series_label(r.platform, r.account, r.signal),
                known=f.number(r.days), days=f.number(r.days + len(r.missing)),
                missing=f.number(len(r.missing)),
                dates=", ".join([*(f.date(d, "d MMM") for d in r.missing), *spans]))
            if many and spans:       # its count, then the spans: "… others; not watched either"
                item = f.join([item, f.label("alerts_not_watched_either").format(dates=spans[0])])
            items.append(item)
        self.text(sec, f.label(f"{key}_gaps" if uncovered else key), note=True)
        self.bullets(sec, items + (unposted or []))

    def _watch_uncovered(self, watch) -> dict[str, str]:
        """The spans of the period's days with data no posts export covers
        (:func:`posts_uncovered`, the cover's rule: a month's export missing, the first or
        the last of the period too), in words, by platform of a signal read from posts: its
        signals were not watched on them, and ``Review.untested()`` holds no such day (a
        signal of the posts has the days with posts known). August's missing Facebook export
        was said on the cover, and the watch counted Facebook's negative feedback "known on
        12 of its 25 days with posts" without a word of August."""
        f = self.fmt
        return {platform: f.label("alerts_uncovered").format(
                    spans=f.listed(f.span(a, b) for a, b in gaps), platform=f.platform(platform))
                for platform, gaps in self._uncovered_spans(watch).items()}

    def _uncovered_spans(self, watch) -> dict[str, list[tuple]]:
        """The spans of :meth:`_watch_uncovered`, by platform: those of each platform with a
        signal read from posts in the watch's signals or its back-test (whose posts exports
        may all come after the period: no post of it in the history up to its end)."""
        sig, bt = watch.signals, watch.backtest
        platforms = set(sig.loc[sig["source"].eq("posts").fillna(False).to_numpy(bool),
                                "platform"].astype(str))
        platforms |= {str(p) for p, s in zip(bt["platform"], bt["signal"], strict=True)
                      if "posts" in SIGNAL_TABLES.get(str(s), ())}
        days = data_days(self.ds, self.period.start, self.period.end)
        out = {}
        for platform in sorted(platforms) if days else []:
            if gaps := posts_uncovered(self.ds, platform, *days):
                out[platform] = gaps
        return out

    def _unposted(self, watch) -> dict[str, list[str]]:
        """The signals that may be read from posts (:data:`SIGNAL_TABLES`) of each platform
        none of whose posts exports covers a day of the period (its export of the quarter
        missing, or all its exports before or after it), and no value of which the period has
        (from its daily rows): not watched on any day of it. Unsaid, Facebook's comments of a
        Q3 without its posts exports were missing from the watch, or read "not watched because
        the exports do not hold them" when its exports start later, though they do."""
        days = data_days(self.ds, self.period.start, self.period.end)
        d = watch.period_days
        seen = (set() if d is None or d.empty else set(zip(
            d["platform"].astype(str), d["signal"].astype(str), strict=True)))
        bt = watch.backtest
        out: dict[str, list[str]] = {}
        for platform, gaps in self._uncovered_spans(watch).items():
            if gaps != [days]:
                continue
            out[platform] = [str(s) for p, s in zip(bt["platform"], bt["signal"], strict=True)
                             if str(p) == platform and "posts" in SIGNAL_TABLES.get(str(s), ())
                             and (platform, str(s)) not in seen]
        return {p: signals for p, signals in out.items() if signals}

    @staticmethod
    def _with_uncovered(watch, lacking: pd.DataFrame, uncovered: dict[str, str]
                        ) -> pd.DataFrame:
        """``lacking`` (the series of the posts of ``Review.untested()`` with days missing),
        and the known series of the posts of the platforms ``uncovered`` names that it does
        not hold, as ``untested()`` has them: each known on all its days with posts, none
        missing, but not watched on the spans its exports leave out."""
        d = watch.period_days
        if not uncovered or d is None or d.empty:
            return lacking
        known = set(zip(*watch.backtest.loc[watch.backtest["status"] == "known",
                                            ["platform", "signal"]].astype(str).T.to_numpy(),
                        strict=True))
        posts = set(zip(*watch.signals.loc[watch.signals["source"].eq("posts").fillna(False)
                                           .to_numpy(bool), ["platform", "signal"]]
                        .astype(str).T.to_numpy(), strict=True))
        said = set(zip(lacking["platform"], lacking["account"], lacking["signal"], strict=True))
        rows = [{"platform": p, "account": a, "signal": s, "days": int(g["value"].notna().sum()),
                 "days_tested": int(g["tested"].sum()), "untested": [], "missing": [],
                 "posts": True}
                for (p, a, s), g in with_account(d).groupby(SERIES, sort=True)
                if p in uncovered and (p, s) in known & posts and (p, a, s) not in said]
        more = pd.DataFrame(rows, columns=lacking.columns)
        return (more if lacking.empty else lacking if more.empty
                else pd.concat([lacking, more], ignore_index=True))

    def _platform_account(self, platform: str, account) -> str:
        """A platform in the report's language, with the account whose own series it is when
        the platform has several ("TikTok (seveshop)"): summed, one account's incident hid
        in the other's usual level, and an alert unnamed could be either's."""
        return account_named(self.fmt.platform(platform), account)

    def _series_label(self, platform: str, account, signal: str) -> str:
        """A watched series in the report's language: "TikTok (seveshop) · Net followers"."""
        return (f"{self._platform_account(platform, account)} · "
                f"{self.fmt.label('sig_' + signal)}")

    def _signal_value(self, signal: str, v) -> str:
        """A signal's value in the report's language, by the rule ``smm alerts`` shares
        (:func:`~smmanalytics._alert_signals.value_digits`): a count whole, a rate a percent."""
        percent, digits = value_digits(signal, v)
        return self.fmt.percent(v, digits) if percent else self.fmt.number(v, digits)

    def write_calendars(self, pdf_path: str | Path) -> list[Path]:
        """Write each platform's next-month slots as .ics next to the PDF, in the report's
        language (calendar name, event titles and why each slot was chosen)."""
        return self._write_calendars(pdf_path, self._calendars(pdf_path))

    def _calendars(self, pdf_path: str | Path | None = None) -> dict[str, bytes]:
        """Each platform's .ics file (:meth:`write_calendars`), by platform, over the calendar
        it replaces beside ``pdf_path`` as :func:`~smmanalytics.calendar.write_ics` writes
        over one: a report re-run at the same path with a changed plan raises the changed
        events' SEQUENCE, which calendar apps need to take the change (an equal version may
        be ignored); an unchanged re-run writes the same bytes. Without a path, the plan's own
        versions."""
        # named for its platform; its UIDs and titles are the brand's, as `smm calendar`'s
        # (the platform in the brand's place gave "maison-seve-instagram-instagram-…" UIDs,
        # the same slot two events when both calendars are imported)
        f = self.fmt
        name = f.label("ics_calendar")
        return {platform: ics_bytes(
                    plan, self.brand.name, lang=f.lang, brand_slug=self.brand.slug,
                    calendar_name=name.format(brand=f"{self.brand.name} · {f.platform(platform)}"),
                    previous=None if pdf_path is None
                    else replaced_calendar(self._calendar_path(pdf_path, platform)))
                for platform, plan in self._slots.items()}

    @staticmethod
    def _calendar_path(pdf_path: str | Path, platform: str) -> Path:
        """Where the calendar of ``platform`` goes: beside the PDF, named after it."""
        pdf_path = Path(pdf_path)
        return pdf_path.with_name(f"{pdf_path.stem}-{platform}.ics")

    @classmethod
    def _write_calendars(cls, pdf_path: str | Path, calendars: dict[str, bytes]) -> list[Path]:
        return [atomic_write(cls._calendar_path(pdf_path, platform), ics, what="calendar")
                for platform, ics in calendars.items()]
