"""BestTimes: the result of :func:`smmanalytics.best_times`, its summary, plot and HTML."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import ArgumentError
from ..quality import counted
from ..schema import shown_platform
from ._data import MIN_EXPOSURE_SHARE, multiple_digits
from ._estimate import (
    MIN_CELL_POSTS,
    MIN_POSTS,
    MIN_TEST_POSTS,
    MIN_WEEKS,
    NO_DAYS_TESTED,
    NO_HOURS_TESTED,
    TOO_FEW_LEFT,
    WEEKDAYS,
    WEEKEND_MIN_HOURS,
    WEEKEND_MIN_POSTS,
    reaches_one,
    stood_out,
    window_runs,
)
from ._model import NO_ENGAGEMENT, NOT_IDENTIFIABLE, NOT_PERMUTABLE

__all__ = ["BestTimes", "WEEKDAYS", "nameable_days", "best_day"]


def nameable_days(by_weekday: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``by_weekday`` a finding may name: days with a lift that the weekday test
    read, posted :data:`MIN_TEST_POSTS` times or more (``_estimate.days_tested``; ``n_posts``
    counts the posts the analysis read, as the test does). A day posted once is its one post:
    the test left it out, and naming it would claim what no test looked at."""
    known = (by_weekday["n_posts"].ge(MIN_TEST_POSTS) & by_weekday["lift"].notna()).fillna(False)
    return by_weekday.loc[known.to_numpy(bool)]


def best_day(by_weekday: pd.DataFrame) -> pd.Series | None:
    """The day a finding names as doing best: of :func:`nameable_days`, the one of the
    highest lift (the earlier weekday on a tie). None when none is nameable (a weekday test
    that found a difference while no tested day's lift is identified), which a caller says
    without naming a day, where taking the first row raised IndexError."""
    days = nameable_days(by_weekday).sort_values(["lift", "weekday"], ascending=[False, True])
    return None if days.empty else days.iloc[0]


def _hours(w: dict) -> str:
    """A window's hours: "18:00–21:00", or each run of consecutive hours when the account
    posted at some of them only ("18:00–19:00 and 20:00–21:00")."""
    runs = window_runs(w)
    return " and ".join(f"{a:02d}:00–{b:02d}:00" for a, b in runs)


def _days(w: dict) -> str:
    """A window's days as the summary says them: "on any day", "on weekdays", "at weekends",
    else the days themselves ("on Monday, Wednesday and Saturday")."""
    group = {"every day": "on any day", "Monday-Friday": "on weekdays",
             "Saturday-Sunday": "at weekends"}.get(w["days"])
    if group:
        return group
    return "on " + _listed([WEEKDAYS[int(d)] for d in w["weekdays"]])


def _tie(w: dict) -> str:
    """What the summary adds when as many random splits of the weeks chose other windows as
    chose ``w`` (its ``tied_with``, best first): they are named, and the rule that broke the
    tie ("" without a tie)."""
    others = w.get("tied_with") or []
    if not others:
        return ""
    named = _listed([f"{_days(t)} from {_hours(t)}" for t in others])
    return (f" Tied with posts {named}, which as many random splits of the weeks chose: the "
            f"tie goes to the window with the higher lift over all the weeks.")


def _about(w: dict) -> str:
    """"about " before an adjusted window's lift: an estimate of where its true lift lies, not
    a measured ratio."""
    return "about " if w.get("selection_adjusted") else ""


def _allowed(w: dict) -> str:
    """What a window's interval clause adds when its figures allow for its having been shown
    (``selection_adjusted``, see :func:`._estimate.selection_adjusted`)."""
    return (", allowing for the window having been picked because it stood out"
            if w.get("selection_adjusted") else "")


def _below_one(w: dict, average: str) -> str:
    """The sentence a shown window adds when its adjusted interval reaches 1 or below
    (:func:`._estimate.reaches_one`): allowing for its having been picked it is more likely
    than not to beat the ``average`` (:attr:`BestTimes.average`), but may do no better, and
    the reader is told so ("" otherwise)."""
    if not reaches_one(w):
        return ""
    return (" Allowing for that choice, the interval reaches below 1: the window may do no "
            f"better than {average}.")


def _stood_out(w: dict, tz: str, average: str) -> str:
    """The sentence a finding without a window adds when one stood out and is not recommended
    (:func:`._estimate.stood_out`): its raw held-out lift cleared 1, its lift allowing for
    that did not (``average``: :attr:`BestTimes.average`). Its adjusted figure is not
    printed: "about 0.00×" read as a measurement of posts that earned nothing. "" otherwise."""
    if not stood_out(w):
        return ""
    return (f" Posts {_days(w)} from {_hours(w)} ({tz}) stood out ({w['raw_lift']:.2f}× "
            f"{average} on the weeks held out), but allowing for their having been picked "
            f"because they stood out, they may do no better than {average}: that window is "
            f"not recommended.")


def _multiple(post: dict) -> str:
    """A capped post's multiple of its median, "10.4" or "67" (:func:`._data.multiple_digits`)."""
    return f"{post['multiple']:,.{multiple_digits(post['multiple'])}f}"


def _listed(items: list[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def readable(frame: pd.DataFrame, hidden: str | None = None) -> pd.DataFrame:
    """A frame of :class:`BestTimes` (``recommended``, ``by_weekday``, ``by_slot``,
    ``activity``) for reading: the weekday by name (0 is Monday), the hour as ``18:00``, lifts
    to two decimals, and none where fewer than :data:`MIN_CELL_POSTS` posts tell it; the
    attributes keep the numbers to compute with. ``hidden``, when given, is put in place of
    those lifts: ``smm best-times`` prints the report's "–" where pandas printed "<NA>",
    which reads as a value gone missing rather than one withheld; the lifts are then text of
    two decimals, as the report writes them (pandas printed 1.5 beside 1.27)."""
    out = frame.copy()
    if "weekday" in out:
        out["weekday"] = [WEEKDAYS[int(d)] for d in out["weekday"]]
    if "hour" in out:
        out["hour"] = [f"{int(h):02d}:00" for h in out["hour"]]
    lifts = [c for c in ("lift", "lift_low", "lift_high", "relative") if c in out]
    out = out.round(dict.fromkeys(lifts, 2))
    few = (out["n_posts"].lt(MIN_CELL_POSTS).fillna(False).to_numpy(bool) if "n_posts" in out
           else np.zeros(len(out), dtype=bool))
    for col in lifts:
        withheld = few if col != "relative" else np.zeros(len(out), dtype=bool)
        out[col] = (out[col].mask(withheld) if hidden is None else
                    pd.Series([hidden if w else _two_decimals(v)
                               for v, w in zip(out[col], withheld, strict=True)],
                              index=out.index, dtype=object))
    return out


def _two_decimals(value) -> str:
    """A lift as a table of best times prints it: two decimals ("1.50"), "" when unknown."""
    return "" if pd.isna(value) else f"{float(value):.2f}"


#: what a table of best times (``smm best-times``, the notebook's view) shows for a lift
#: withheld (:func:`readable`'s ``hidden``), as the report's slots table does
HIDDEN = "–"


def hidden_note(table: pd.DataFrame) -> str:
    """The line said under a table of :func:`readable` with ``hidden=HIDDEN`` that holds any
    lift withheld ("" when none): pandas' "<NA>" read as figures gone missing, and a bare "–"
    says nothing of why."""
    if "lift" in table and table["lift"].eq(HIDDEN).any():
        return f"{HIDDEN}: fewer than {MIN_CELL_POSTS} posts, too few to show a lift of its own"
    return ""


#: the fewest hours a lift heatmap shows, so that a few posted hours are not drawn as
#: cells as wide as the page
_MIN_HOURS_SHOWN = 12


def _hours_shown(n_posts: np.ndarray) -> tuple[int, int]:
    """The first and last hour a lift heatmap shows: the posted hours (``n_posts``, weekday ×
    hour), widened evenly to at least :data:`_MIN_HOURS_SHOWN` within the day. The hours
    nobody posted at before the first or after the last hold no cell: showing the whole day
    left most of the chart blank and its cells narrow. No post at all: the whole day.

    >>> n = np.zeros((7, 24), dtype=int); n[:, 8:11] = 1
    >>> _hours_shown(n)
    (4, 15)
    >>> n[0, 22] = 1
    >>> _hours_shown(n)
    (8, 22)
    """
    posted = np.flatnonzero(n_posts.sum(axis=0))
    if not posted.size:
        return 0, 23
    first, last = int(posted[0]), int(posted[-1])
    missing = _MIN_HOURS_SHOWN - (last - first + 1)
    if missing > 0:
        first = max(0, first - missing // 2)
        last = min(23, max(last + (missing - missing // 2), first + _MIN_HOURS_SHOWN - 1))
        first = min(first, last - _MIN_HOURS_SHOWN + 1)
    return first, last


def _outline(w: dict) -> list[tuple[int, int, int]]:
    """The boxes outlining window ``w`` on a weekday x hour heatmap: ``(first hour, hours,
    weekday)`` for each of its days and each run of its hours, a run past midnight cut in two
    (its hours up to 23:00 on the right, from 00:00 on the left): one box from its start
    hour ran off the chart's right edge and left the hours after midnight unmarked.

    >>> _outline({"weekdays": [0], "hours": [23, 0, 1]})
    [(23, 1, 0), (0, 2, 0)]
    """
    runs = window_runs(w)
    boxes = []
    for d in w["weekdays"]:
        for a, b in runs:
            if b == 0 or b > a:
                boxes.append((a, (b or 24) - a, int(d)))
            else:
                boxes += [(a, 24 - a, int(d)), (0, b, int(d))]
    return boxes


#: the lift heatmap's colours, worse than the account's average to better: light blue, a
#: greyish mauve, dark red, darker all along the scale. A diverging map (RdBu_r, then RdBu_r
#: with a white centre) is light in the middle and dark, or mid, at both ends: in grey two
#: different lifts read the same (0.8× and 1.13× both 129 of 255, 0.85× 160 and 1.1× 156), a
#: slot worse than average as one better. Here the grey (Rec. 601 luma, as a printer) falls
#: from 217 (worse) through 150 (average) to 34 (better), and as the map runs straight
#: between these colours, so does the grey: any two different lifts differ in grey, the
#: darker the better, while blue still reads worse and red better to one who sees colour.
#: Slots without posts are not told from the lightest by colour but by their hatching.
LIFT_COLORS = ((0.0, "#c6def2"), (0.5, "#a68aa6"), (1.0, "#67001f"))


def _lift_cmap():
    """The lift heatmap's colour map (:data:`LIFT_COLORS`)."""
    from matplotlib.colors import LinearSegmentedColormap  # lazy: matplotlib

    return LinearSegmentedColormap.from_list("smm_lift", LIFT_COLORS)


def _inks(im, values: np.ndarray) -> np.ndarray:
    """Black or white for each value, whichever reads better on the cell colour ``im`` gives
    it (black for a non-finite value); one colour-map call for all the cells."""
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    rgba = np.asarray(im.cmap(im.norm(np.where(finite, values, 1.0))), dtype=float)
    r, g, b = rgba[..., 0], rgba[..., 1], rgba[..., 2]
    dark = finite & (0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45)
    return np.where(dark, "white", "black")


def _hatch_unposted(ax, n: np.ndarray):
    """Hatch the cells of weekday x hour counts ``n`` without posts (one collection, drawn
    under the heatmap's image, whose cells without posts are see-through): blank, they looked
    like slots of the account's average, white on the lift scale. Returns the collection,
    ``gid`` "no_posts".

    The cells' corners are given as polygons (a heatmap has about 100 unposted cells): a
    ``Rectangle`` patch for each, as ``PatchCollection`` takes them, made an Artist and its
    transforms per cell, a third of the heatmap's making; the paths are the same (the unit
    square's closed path moved to each cell, half-integers: exact), and so is the SVG.
    """
    return _cells(ax, n == 0, facecolor="none", edgecolor="0.78", linewidth=0, hatch="////",
                  zorder=0.5, gid="no_posts")


#: how opaque a slot of fewer than MIN_CELL_POSTS posts is drawn (:func:`_faint_estimates`)
_FAINT = 0.4


def _faint_estimates(ax, estimate: np.ndarray, im):
    """Draw each slot's shrunk lift ``estimate`` (weekday x hour; NaN where not drawn) faint,
    in the colours and scale of the heatmap's image ``im``, under it: the slots of fewer than
    :data:`MIN_CELL_POSTS` posts, whose own lift is not shown (benchmarks-methods §3.3: show
    shrunk values instead). Grey, they said nothing: the sample's Facebook, no slot of 8
    posts, was an all-grey grid under a scale of 0.9× to 1.1×. Faint, they read as the
    model's estimate, which the few posts only nudge, not as a measure. Returns the image,
    ``gid`` "few_posts"."""
    faint = ax.imshow(np.ma.masked_invalid(estimate), cmap=im.cmap, norm=im.norm,
                      aspect="auto", alpha=_FAINT, zorder=im.get_zorder() - 0.1)
    faint.set_gid("few_posts")
    return faint


#: how many slots of MIN_CELL_POSTS posts set the heatmap's colour scale alone (_lift_span)
_SCALE_SLOTS = 3


def _lift_span(lift: np.ndarray, estimate: np.ndarray) -> float:
    """The heatmap's colour scale, as the largest |log lift| it spans, from 1 / e^span to
    e^span; at least 0.11 (> log 1.1): lifts all near 1 are not stretched to the darkest colours.

    Set by the slots' own lifts (``lift``, weekday x hour, NaN under :data:`MIN_CELL_POSTS`
    posts) when :data:`_SCALE_SLOTS` slots or more have one: a capped viral post's one-post
    slot (12.7×) pressed the real 0.63×-1.27× into one colour. With fewer, by their lifts and
    the faint ``estimate`` s too: the sample's X, one slot of 9 posts at 0.9×, set a scale of
    0.9× to 1.1×, and every estimate above 1.1× was drawn in the darkest colour. (A slot of
    a few posts holding a capped one has no estimate drawn: :func:`_few_capped`.)
    """
    shown = lift[np.isfinite(lift)]
    if shown.size < _SCALE_SLOTS:
        shown = np.concatenate([shown, estimate[np.isfinite(estimate)]])
    return max(float(np.abs(np.log(shown)).max()) if shown.size else 0.11, 0.11)


def _capped_slots(capped: list[dict]) -> np.ndarray:
    """The weekday x hour slots holding a post counted at a cap (``method["capped"]``,
    :func:`._data.cap_outliers`), as a mask; a post dated without an hour holds none."""
    mask = np.zeros((7, 24), dtype=bool)
    for post in capped:
        if "T" in post["local"]:
            when = pd.Timestamp(post["local"])
            mask[when.day_of_week, when.hour] = True
    return mask


def _few_capped(n: np.ndarray, capped: list[dict]) -> np.ndarray:
    """The slots of weekday x hour counts ``n`` of fewer than :data:`MIN_CELL_POSTS` posts
    that hold a post counted at a cap (``method["capped"]``), as a mask: the heatmap draws no
    estimate there (:func:`_mark_few_capped`). The estimate of such a slot is its capped post's
    (the one-post slot of a viral post read 12.7× even capped): kept out of the colour scale,
    it was drawn faint in the darkest red, as good as the recommended window or better."""
    return _capped_slots(capped) & (n > 0) & (n < MIN_CELL_POSTS)


def _mark_few_capped(ax, mask: np.ndarray):
    """Draw the slots of ``mask`` (:func:`_few_capped`) as too few posts to tell: white,
    dotted, no colour of the lift scale (their count is written on them, as every posted
    slot's); white, not grey, so that a print in grey does not take them for the lightest
    lift. Returns the collection, ``gid`` "few_capped"."""
    return _cells(ax, mask, facecolor="white", edgecolor="0.7", linewidth=0, hatch=".",
                  zorder=0.6, gid="few_capped")


def _hatched(n: np.ndarray) -> bool:
    """Does a lift heatmap of weekday x hour counts ``n`` show a hatched cell, a slot without
    posts among the hours it shows (:func:`_hours_shown`)? Its title and the report's caption
    say what hatching is only then: a grid of posted cells was told "hatched: no post"."""
    first, last = _hours_shown(n)
    return bool((n[:, first:last + 1] == 0).any())


def _faint_said(n: np.ndarray, few_capped: np.ndarray) -> str:
    """The heatmap title's lines on its faint cells (weekday x hour counts ``n``): none, some,
    or every posted slot under :data:`MIN_CELL_POSTS` posts, when no slot's own lift is
    shown at all; and on the dotted ones (``few_capped``, :func:`_few_capped`), when any."""
    faint = (n > 0) & (n < MIN_CELL_POSTS) & ~few_capped
    said = ""
    if faint.any() and (n >= MIN_CELL_POSTS).any():
        said = f"\nfaint: under {MIN_CELL_POSTS} posts, the model's estimate only"
    elif faint.any():
        said = (f"\nno slot has {MIN_CELL_POSTS} posts, too few for its own lift: all faint, "
                "the model's estimates")
    if few_capped.any():
        said += (f"\ndotted: under {MIN_CELL_POSTS} posts, one of them capped: too few to "
                 "tell")
    return said


def _cells(ax, mask: np.ndarray, **style):
    """One collection of the squares of the weekday x hour cells where ``mask`` holds, drawn
    with ``style`` (:class:`PolyCollection`'s keywords)."""
    from matplotlib.collections import PolyCollection  # lazy: matplotlib

    d, h = np.nonzero(mask)
    # corners in the order of Path.unit_rectangle: (0, 0), (1, 0), (1, 1), (0, 1)
    corners = np.stack([np.column_stack([h + dx, d + dy]) for dx, dy in
                        ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5))], axis=1)
    coll = PolyCollection(corners.astype(float).reshape(-1, 4, 2), closed=True, **style)
    return ax.add_collection(coll, autolim=False)


def _annotate(ax, n: np.ndarray, inks) -> list:
    """Write each posted cell's count ``n[d, h]`` at its centre in its ink (``inks``, one per
    nonzero cell in ``np.nonzero`` order); returns the texts.

    The texts are what ``ax.text(h, d, ..., ha="center", va="center", fontsize=6, color=ink,
    in_layout=False)`` makes (not clipped, as ``ax.text`` leaves them), but share one clip path
    (the Axes' patch, which a clipped text would be clipped to): ``ax.text`` built a transform
    of the Axes' patch for each of a heatmap's ~60 texts, a third of their making. They stay
    out of the layout: inside their cells, they are not measured again when the figure is
    laid out.
    """
    from matplotlib.text import Text  # lazy: matplotlib
    from matplotlib.transforms import TransformedPatchPath  # lazy: as above

    clip = TransformedPatchPath(ax.patch)
    out = []
    for d, h, ink in zip(*np.nonzero(n), inks, strict=True):
        t = Text(h, d, str(n[d, h]), horizontalalignment="center",
                 verticalalignment="center", fontsize=6, color=str(ink), in_layout=False,
                 transform=ax.transData, clip_on=False, clip_path=clip)
        out.append(ax.add_artist(t))
    return out


def _clean(obj):
    """Plain JSON types: numpy scalars to Python, non-finite floats to None."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    return obj


#: the sentence :attr:`BestTimes.summary` ends with when the exposure asked for was missing
#: (known for too few posts: some may have it, as Facebook's and Instagram's reach among X's
#: and LinkedIn's posts)
_TOO_FEW = f"fewer than {MIN_EXPOSURE_SHARE:.0%} of these posts have a follower count"
_PER_REACH = (f" Engagement was measured per person reached: {_TOO_FEW}, and a time that "
              "works by reaching more people shows less this way.")
_PER_POST = f" Engagement was measured per post: {_TOO_FEW}, or a reach."
#: why a test of :data:`NOT_PERMUTABLE` could not be run (the permutations compare the slots of
#: posts of one format, paid status, account and 4-week block: too few such posts)
_NOT_PERMUTABLE = ("too few of them share a format, paid status, account and month for their "
                   "slots to be compared with each other")
#: why a test of :data:`._estimate.TOO_FEW_LEFT` could not be run, of the hours and the weekdays:
#: the posts it left out (alone at their hour or day), then too few of the rest to permute
_TOO_FEW_LEFT = ("once the posts {what} posted fewer than {k} times are left out of the "
                 "test, too few of the rest share a format, paid status, account and month "
                 "for their {slots} to be compared with each other")


@dataclass(frozen=True)
class BestTimes:
    """Best posting times for one account or platform, with their uncertainty.

    Attributes
    ----------
    effect_detected : bool
        True when the global timing test gives ``p_value < alpha``, the held-out lift interval
        of the chosen window lies above 1 AND its lift allowing for its selection is above 1
        (``timing._estimate.judged``), unless the finding is the days alone (``best_days``).
    p_value : float
        Global test that posting time (weekday and hour terms) matters at all; NaN when the data
        are too few to test, or when timing is aliased with the controls (every slot's posts
        share a format, paid status or account: ``method["test"] == "not identifiable"``).
    by_slot : DataFrame
        168 rows (weekday 0 = Monday, hour 0-23 local): n_posts, lift, lift_low, lift_high.
        ``lift`` is the shrunk expected engagement in that slot relative to the account's average
        post; NaN for a slot without posts unless posted hours lie within two hours on both
        sides (same day), where the smooth curve would only extrapolate.
    recommended : DataFrame
        Rows of ``by_slot`` inside the chosen window that hold posts, best first (by shrunk
        lift, then posts), a slot of a few posts holding a capped one (``few_capped``) after
        the others, its estimate being that post's; empty without a reliable effect.
    by_weekday : DataFrame
        7 rows: weekday, n_posts (hour-known and day-precision posts), lift, lift_low, lift_high;
        NaN where a weekday's lift is not identified (no posts, or aliased with the controls).
        ``method["weekday_p_value"]`` and ``method["weekday_test"]`` give its test.
    window : dict
        The chosen window: ``days``, ``weekdays``, ``hours``, ``start_hour``, ``end_hour``, its
        held-out ``lift`` (measured on the other halves of the splits that chose it) with
        ``lift_low``/``lift_high``, ``agreement`` (share of the random splits that chose it),
        ``tied_with`` (the windows as many splits chose, best first: the tie goes to the
        higher lift over all the weeks, then to the first of every day, weekdays and weekends
        and to the earlier hour), ``n_posts``; ``status`` says why it is missing otherwise.
        Its days and hours are those of the candidate window (``window_hours`` hours every
        day, Monday-Friday or Saturday-Sunday) that the account posted in: ``days`` names the
        day group when they are one ("every day", "Monday-Friday", "Saturday-Sunday"), else
        the days joined by "/" ("Monday/Wednesday/Saturday"); ``hours`` may skip an hour
        nobody posted at on those days (``cells`` of the window without posts are no part of
        it). A recommended window's ``lift``/``lift_low``/``lift_high`` allow for its having
        been shown because its held-out interval cleared 1 (``selection_adjusted`` True: a
        truncated-Normal median-unbiased estimate and interval, which may reach below 1); its
        raw held-out figures are ``raw_lift``, ``raw_lift_low`` and ``raw_lift_high``, and
        ``shown`` is True. A window whose held-out interval cleared 1 but whose adjusted lift
        is 1 or below has the same figures and ``shown`` False: it stood out and is not
        recommended (``effect_detected`` False; the summary names it and says why).
    n_used : int
        Posts in the hour analysis.
    n_excluded : dict
        Posts left out, by reason (too_young, day_precision, missing_outcome, ...).
    method : dict
        What was used: tz, exposure, controls, test, dispersion, levels.
    activity : DataFrame or None
        Audience activity (weekday, hour, online_followers, relative) when exported.
    best_days : DataFrame or None
        The finding when it is the days of the week and not the hours: the weekday test
        (``method["weekday_p_value"]``) gives p < alpha and the test of the hours once the
        days are known (``method["hour_p_value"]``: the hour terms' score test, the posts'
        hours permuted among posts of the same weekday within the global test's strata) does
        not. Its rows are those of ``by_weekday`` whose lift interval lies above 1, best first;
        empty otherwise. No window is recommended then (``effect_detected`` is False): its
        hours would be noise. ``method["days_differ"]`` is True whenever the two tests give
        this finding, also when no day's interval excludes 1 (the days differ without one
        standing out: no day is named, and the plan is as without a finding).
    avoid_days : DataFrame or None
        With ``best_days``: the rows of ``by_weekday`` whose lift interval lies below 1,
        worst first (the days to avoid); empty otherwise.
    weekend_window : dict or None
        When weekend days have their own hour curve (``method["weekend_hours"]``: the data
        allow it and the weekend x hour test gives p < alpha), windows are chosen apart for
        Monday-Friday and Saturday-Sunday; ``window`` is the one that holds up (Monday-Friday's
        when both do) and this one the Saturday-Sunday window when it holds up beside it
        (its cells are then in ``recommended`` too). None otherwise.
        ``method["weekend_peak_hour"]`` is the weekend curve's best hour posted at.
    """

    effect_detected: bool
    p_value: float
    by_slot: pd.DataFrame
    recommended: pd.DataFrame
    by_weekday: pd.DataFrame
    window: dict
    n_used: int
    n_excluded: dict
    method: dict = field(default_factory=dict)
    activity: pd.DataFrame | None = None
    best_days: pd.DataFrame | None = None
    avoid_days: pd.DataFrame | None = None
    weekend_window: dict | None = None

    @property
    def held_out_failed(self) -> bool:
        """True when the timing test's p-value is below ``method["alpha"]`` yet no window is
        recommended: the best window did not hold up on the weeks not used to choose it. "No
        reliable effect" at p = 0.09 then says why (the report dropped it)."""
        alpha = self.method.get("alpha", 0.1)
        return bool(not self.effect_detected and np.isfinite(self.p_value)
                    and self.p_value < alpha)

    @property
    def has_activity(self) -> bool:
        """True when the exports gave an audience schedule: ``activity`` holds rows. An empty
        frame is no schedule, as None (the report's heatmap took it for one and drew the
        audience chart of no data)."""
        return self.activity is not None and len(self.activity) > 0

    @property
    def audience_peak(self) -> tuple[int, int] | None:
        """The weekday (0 = Monday) and hour when the most followers are online (``activity``,
        ties to the earliest, as :func:`~smmanalytics.calendar.plan_after` ranks them), None
        without an audience schedule. Without a reliable effect the plan follows that schedule,
        and the advice says so."""
        if not self.has_activity:
            return None
        top = self.activity.sort_values(["online_followers", "weekday", "hour"],
                                        ascending=[False, True, True]).iloc[0]
        return int(top["weekday"]), int(top["hour"])

    @property
    def audience_days_tie(self) -> bool:
        """True when every weekday of the audience schedule (``activity``) has the same
        hourly activity, as a TikTok FollowerActivity of one curve repeated over its 7 days:
        no day is busier, so :attr:`audience_peak`'s hour is every day's and its weekday
        (the earliest of the tie) means nothing. "Most active on Monday" was said of such a
        schedule, and only Monday and Tuesday were planned."""
        if not self.has_activity:
            return False
        # a schedule of some slots only (not every day's 24 hours) is a grid with gaps
        grid = (self.activity.astype({"online_followers": "Float64"})
                .groupby(["weekday", "hour"])["online_followers"].first().unstack("hour")
                .reindex(index=range(7)).to_numpy(float, na_value=np.nan))
        return bool(np.isfinite(grid[0]).any()
                    and np.array_equal(grid, np.broadcast_to(grid[0], grid.shape),
                                       equal_nan=True))

    @property
    def weekend_outcome(self) -> str | None:
        """What the weekend x hour test found: ``"differ"`` (the weekend has its own hour
        curve, ``method["weekend_hours"]``), ``"same"`` (tested, p at or above alpha),
        ``"too few"`` (not run: too few weekend or weekday posts, or hours), ``"untested"``
        (not run for another reason: the hour analysis was not fitted, or its posts could not
        be permuted); None for a result made without the test. A finding without an effect
        says it too: the reader saw no sign the weekend had been looked at."""
        if "weekend_test" not in self.method:
            return None
        p = self.method.get("weekend_p_value", np.nan)
        if p is not None and np.isfinite(p):
            return "differ" if self.method.get("weekend_hours") else "same"
        return "too few" if "too few weekend" in str(self.method["weekend_test"]) else "untested"

    @property
    def weekday_left_out(self) -> int:
        """How many posts the weekday test left out, alone on a weekday posted fewer than
        :data:`MIN_TEST_POSTS` times (``method["weekday_test_left_out"]``), to be said where
        the weekday test is: a finding of days (``day_effect``, ``days_differ``) or, without
        posting hours, the weekdays compared alone. 0 elsewhere (a finding of hours, or none,
        says nothing of that test), and, as for the hour test, when the test could not be run
        for a reason other than those posts."""
        shown = not self.effect_detected and bool(
            self.day_effect or self.method.get("days_differ")
            or (self.n_used == 0 and self.n_excluded.get("day_precision")))
        wp = self.method.get("weekday_p_value", np.nan)
        read = ((wp is not None and np.isfinite(wp))
                or self.method.get("weekday_test") in (NO_DAYS_TESTED, TOO_FEW_LEFT))
        return int(self.method.get("weekday_test_left_out", 0)) if shown and read else 0

    @property
    def few_capped(self) -> np.ndarray:
        """The weekday x hour slots of fewer than :data:`MIN_CELL_POSTS` posts holding a post
        counted at a cap (:func:`_few_capped`), as a 7 x 24 mask: the lift heatmap draws them
        as too few posts to tell, and the report's caption says so."""
        n = self.by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24)
        return _few_capped(n, self.method.get("capped") or [])

    @property
    def day_effect(self) -> bool:
        """True when the finding is the days of the week alone and some day stands out
        (``best_days`` or ``avoid_days`` not empty)."""
        return any(d is not None and len(d) > 0 for d in (self.best_days, self.avoid_days))

    @property
    def accounts(self) -> int:
        """How many platform/accounts the posts are of (``method["accounts"]``; 1 for a
        result made without it): the model measures each post against its own account's
        level, so that the lifts of several are not against one account's average."""
        return int(self.method.get("accounts", 1))

    @property
    def average(self) -> str:
        """What a lift is against, as the report says it (labels' ``bt_average``): "the
        account's average", or "each account's own average" of the posts of several accounts
        (:attr:`accounts`), of which "the account's average" read as one account's."""
        return "each account's own average" if self.accounts > 1 else "the account's average"

    @property
    def posts_used(self) -> str:
        """How many posts the hour analysis used, and why the others were left out, in the
        report's words: explore.ipynb showed ``n_used=608`` under "611 posts with their
        posting hour", the 3 left out (too young) unexplained."""
        # looked up when called: the report package imports this one
        from ..report.formatting import Formatter

        left = {k: v for k, v in self.n_excluded.items() if v}
        return f"{counted(self.n_used, 'post', 'posts')} used; " + (
            f"left out: {Formatter('en').excluded(left)}" if left else "none left out")

    @property
    def _whom(self) -> str:
        """Whose posts the summary speaks of (labels' ``bt_whom``): "this account", or "these
        2 accounts" (:attr:`accounts`): "Posting time matters for this account" was said of an
        Instagram's two accounts together."""
        return f"these {self.accounts} accounts" if self.accounts > 1 else "this account"

    @property
    def _whose(self) -> str:
        """:attr:`_whom` as an owner: "this account's", "these 2 accounts'"."""
        return f"{self._whom}'" if self.accounts > 1 else f"{self._whom}'s"

    @property
    def summary(self) -> str:
        """One plain-language sentence (or two) on what the data show, the posts counted at
        a cap (:meth:`_capped`), what engagement was measured against when the follower
        counts were missing, which accounts shared one control level
        (``method["pooled_accounts"]``) and which posts the timing model could not read,
        or its test did not (:meth:`_left_out`)."""
        pooled = self.method.get("pooled_accounts")
        return self._finding() + self._capped() + {"reach": _PER_REACH, "none": _PER_POST}.get(
            self.exposure_fallback, "") + (f" Controls: {pooled}." if pooled else "") + (
            self._left_out())

    def _left_out(self) -> str:
        """The posts left out because they say nothing of timing, in a sentence each: those
        no other post shares its format, paid status and account with, and those without
        engagement the model fits exactly (alone at their hour); and those the timing test
        did not read, alone at their hour of the day (``method["test_left_out"]``) or on their
        weekday (:attr:`weekday_left_out`)."""
        text = ""
        if n := self.n_excluded.get("no_peer", 0):
            text += (f" {n} post{'s were' if n > 1 else ' was'} left out: no other post shares "
                     f"{'their' if n > 1 else 'its'} paid status, format or account, so the "
                     f"model fits {'them' if n > 1 else 'it'} by that alone and "
                     f"{'their' if n > 1 else 'its'} time cannot be compared with any other's.")
        if n := self.n_excluded.get("zero_alone", 0):
            text += (f" {n} post{'s' if n > 1 else ''} without engagement "
                     f"{'were' if n > 1 else 'was'} left out: alone at "
                     f"{'their' if n > 1 else 'its'} hour, the model fits "
                     f"{'them' if n > 1 else 'it'} exactly, so "
                     f"{'they say' if n > 1 else 'it says'} nothing of the other posts.")
        if n := self.method.get("test_left_out", 0):
            text += (f" {n} post{'s' if n > 1 else ''} at {'hours' if n > 1 else 'an hour'} "
                     f"of the day posted fewer than {MIN_TEST_POSTS} times "
                     f"{'were' if n > 1 else 'was'} left out of the timing test: the hour curve "
                     f"bends freely through {'them' if n > 1 else 'it'}, so one good post would "
                     f"read as a good hour. {'They' if n > 1 else 'It'} still count"
                     f"{'' if n > 1 else 's'} in the lifts.")
        if n := self.weekday_left_out:
            text += (f" {n} post{'s' if n > 1 else ''} on {'weekdays' if n > 1 else 'a weekday'}"
                     f" posted fewer than {MIN_TEST_POSTS} times {'were' if n > 1 else 'was'} "
                     f"left out of the weekday test: each day has a lift of its own, so one "
                     f"good post would read as a good day. {'They' if n > 1 else 'It'} still "
                     f"count{'' if n > 1 else 's'} in the lifts.")
        return text

    def _capped(self) -> str:
        """The posts counted at a cap (``method["capped"]``, :func:`._data.cap_outliers`), in
        a sentence: when, what each earned and how many times its account's median post."""
        capped = self.method.get("capped") or []
        k = self.method.get("cap_multiple")
        median = "its account's median post" if self.accounts > 1 else "the account's median post"

        def when(post: dict) -> str:
            stamp = pd.Timestamp(post["local"])
            return f"{stamp:%a} {stamp.day} {stamp:%b}" + (
                "" if len(post["local"]) == 10 else f" {stamp:%H:%M}")

        if len(capped) == 1:
            post = capped[0]
            return (f" One post, {when(post)}, earned {post['y']:,.0f}, "
                    f"{_multiple(post)}× {median}: it is counted at {post['cap']:,.0f} "
                    f"({k}× the median) for the averages, so that one post does not set them.")
        if capped:
            posts = _listed([f"{when(p)}: {p['y']:,.0f} ({_multiple(p)}×)" for p in capped])
            return (f" {len(capped)} posts earned more than {k}× {median} ({posts}): each is "
                    f"counted at {k}× the median for the averages, so that a few posts do not "
                    "set them.")
        return ""

    def _finding(self) -> str:
        tz = self.method.get("tz", "local time")
        level = int(round(100 * self.method.get("level", 0.9)))
        n = self.n_used
        if self.effect_detected:
            w = self.window
            return (f"Posting time matters for {self._whom} (p = {self.p_value:.3f}): posts "
                    f"{_days(w)} from {_hours(w)} ({tz}) earned {_about(w)}{w['lift']:.2f}× "
                    f"{self.average} ({level}% interval {w['lift_low']:.2f}–"
                    f"{w['lift_high']:.2f}{_allowed(w)}; measured on weeks not used to choose "
                    f"the window; {n} posts)." + _below_one(w, self.average) + _tie(w)
                    + self._weekend_finding())
        if self.day_effect:
            return self._day_finding(tz, level)
        if self.method.get("days_differ"):
            hp = self.method.get("hour_p_value", np.nan)
            head = (f"The day of the week matters for {self._whom} (weekday test p = "
                    f"{self.method['weekday_p_value']:.3f}), but no single day stands out (no "
                    f"day's {level}% interval lies wholly above or below 1) and "
                    + (f"no hour stood out once the day is known (hour test p = {hp:.2f})"
                       if np.isfinite(hp) else "the hours could not be compared")
                    + f" ({n} posts)" + self._weekend_tested())
        elif n == 0 and not self.n_excluded.get("day_precision"):
            why = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in self.n_excluded.items()
                            if v)
            head = f"No post could be analysed ({why or 'no posts'})"
        elif n == 0:
            head = ("The exports give no posting hours for these posts, so only weekdays are "
                    "compared")
            wp = self.method.get("weekday_p_value", np.nan)
            if self.method.get("weekday_test") == NOT_IDENTIFIABLE:
                head += (", but the weekday effect cannot be tested: each weekday's posts share "
                         "their format, paid status or account, so weekday cannot be told "
                         "apart from them.")
            elif self.method.get("weekday_test") == NOT_PERMUTABLE:
                head += (f", but the weekday effect cannot be tested: {_NOT_PERMUTABLE}.")
            elif self.method.get("weekday_test") == TOO_FEW_LEFT:
                head += (", but the weekday effect cannot be tested: " + _TOO_FEW_LEFT.format(
                    what="on weekdays", k=MIN_TEST_POSTS, slots="days") + ".")
            elif self.method.get("weekday_test") == NO_DAYS_TESTED:
                head += (f", but the weekday effect cannot be tested: fewer than two weekdays "
                         f"were posted {MIN_TEST_POSTS} times or more.")
            else:
                head += (f" (weekday test p = {wp:.3f})." if np.isfinite(wp) else ".")
            top = (best_day(self.by_weekday)
                   if np.isfinite(wp) and wp < self.method.get("alpha", 0.1) else None)
            if top is not None:
                head = (f"{head[:-1]}: {WEEKDAYS[int(top['weekday'])]} does best, "
                        f"{float(top['lift']):.2f}× the average ({level}% interval "
                        f"{float(top['lift_low']):.2f}–{float(top['lift_high']):.2f}).")
        elif not np.isfinite(self.p_value) and self.method.get("test") == NO_ENGAGEMENT:
            these = "this post" if n == 1 else f"these {n} posts"
            head = f"No engagement recorded on {these}, so timing cannot be assessed"
        elif not np.isfinite(self.p_value) and self.method.get("test") == NOT_IDENTIFIABLE:
            head = (f"Whether posting time matters cannot be tested on these {n} posts: each "
                    f"slot's posts share their format, paid status or account, so time cannot "
                    f"be told apart from them")
        elif not np.isfinite(self.p_value) and self.method.get("test") == NO_HOURS_TESTED:
            head = (f"Whether posting time matters cannot be tested on these {n} posts: fewer "
                    f"than two hours of the day were posted at {MIN_TEST_POSTS} times or more, "
                    f"so the test has no hours to compare (it cannot tell an hour posted once "
                    f"or twice from its posts)")
        elif not np.isfinite(self.p_value) and self.method.get("test") == NOT_PERMUTABLE:
            head = (f"Whether posting time matters cannot be tested on these {n} posts: "
                    f"{_NOT_PERMUTABLE}")
        elif not np.isfinite(self.p_value) and self.method.get("test") == TOO_FEW_LEFT:
            head = (f"Whether posting time matters cannot be tested on these {n} posts: "
                    + _TOO_FEW_LEFT.format(what="at hours of the day", k=MIN_TEST_POSTS,
                                           slots="slots"))
        elif not np.isfinite(self.p_value):
            weeks = self.method.get("weeks", 0)
            head = (f"Too few posts ({n}, over {weeks} week{'' if weeks == 1 else 's'}) to test "
                    f"whether posting time matters (at least {MIN_POSTS} posts over "
                    f"{MIN_WEEKS} weeks are needed)")
        else:
            why = (f"p = {self.p_value:.2f}" if not self.held_out_failed
                   else f"p = {self.p_value:.3f}" if stood_out(self.window)
                   else f"p = {self.p_value:.3f}, but the best window did not hold up on "
                        f"held-out weeks")
            head = (f"No reliable timing effect in {self._whose} data ({why}, {n} posts)"
                    + self._weekend_tested())
        if (peak := self.audience_peak) is not None:
            # audience activity, no measured effect of posting time: said so
            when = "every day" if self.audience_days_tie else f"on {WEEKDAYS[peak[0]]}"
            tail = (f"; followers are most active {when} around "
                    f"{peak[1]:02d}:00 ({tz}), when they are online, not a measured effect of "
                    f"posting time: use the audience schedule and keep testing.")
        else:
            tail = ("; post when it suits the content, and put a share of posts in random slots "
                    "to learn more.")
        return head.rstrip(".") + tail + _stood_out(self.window, tz, self.average)

    def _weekend_tested(self) -> str:
        """The clause a finding without a window adds on the weekend x hour test (see
        :attr:`weekend_outcome`): its p-value, or why it was not run; "" without the test."""
        outcome = self.weekend_outcome
        p = self.method.get("weekend_p_value")
        if outcome == "differ":
            # a weekend window that stood out held up on the weeks held out, but is not
            # recommended once its selection is allowed for: "no window held up" was untrue,
            # as it was of a Monday-Friday window that stood out; the clause is the weekend's
            held = ("no weekend window is recommended" if self.method.get("weekend_stood_out")
                    else "no weekend window held up")
            return (f"; weekends have hours of their own (weekend × hour test p = {p:.3f}), "
                    f"but {held}")
        if outcome == "same":
            return (f"; weekend hours do not differ from weekday ones (weekend × hour test "
                    f"p = {p:.2f})")
        if outcome == "too few":
            return (f"; weekend hours were not tested apart (at least {WEEKEND_MIN_POSTS} posts "
                    f"of known hour are needed at weekends and on weekdays, each at "
                    f"{WEEKEND_MIN_HOURS} different hours or more)")
        if outcome == "untested":
            return "; weekend hours could not be tested apart"
        return ""

    def _weekend_finding(self) -> str:
        """The sentence a finding adds when weekend days have their own hour curve and the
        window is Monday-Friday's: the weekend window when it holds up too, else the weekend
        curve's best hour ("" otherwise: one curve, or the window is the weekend's)."""
        if not self.method.get("weekend_hours") or self.window.get("days") == "Saturday-Sunday":
            return ""
        w = self.weekend_window
        if w:
            level = int(round(100 * self.method.get("level", 0.9)))
            return (f" On weekends, post from {_hours(w)} instead: {_about(w)}{w['lift']:.2f}× "
                    f"{self.average} ({level}% interval {w['lift_low']:.2f}–"
                    f"{w['lift_high']:.2f}{_allowed(w)})." + _below_one(w, self.average)
                    + _tie(w))
        peak = self.method.get("weekend_peak_hour")
        if peak is None:
            return ""
        return (f" On weekends the best hours differ (weekend × hour test p = "
                f"{self.method['weekend_p_value']:.3f}): post around {int(peak):02d}:00.")

    def _day_finding(self, tz: str, level: int) -> str:
        """The summary of a finding of days alone: the days whose interval lies above 1
        (``best_days``, "post on those days") and those whose interval lies below 1
        (``avoid_days``, "not on Monday"); only the latter: avoid them, spread over the rest."""
        def told(d):
            return (_listed([WEEKDAYS[int(w)] for w in d["weekday"]]),
                    _listed([f"{float(v):.2f}×" for v in d["lift"]]),
                    _listed([f"{float(a):.2f}–{float(b):.2f}"
                             for a, b in zip(d["lift_low"], d["lift_high"], strict=True)]))

        up = self.best_days if self.best_days is not None else pd.DataFrame()
        down = self.avoid_days if self.avoid_days is not None else pd.DataFrame()
        hp = self.method.get("hour_p_value", np.nan)
        hours = (f"no hour stood out once the day is known (hour test p = {hp:.2f})"
                 if np.isfinite(hp) else "the hours could not be compared")
        first = up if len(up) else down
        days, lifts, ranges = told(first)
        many = len(first) > 1
        said = (f"posts on {days} earned {lifts} {self.average} ({level}% "
                f"interval{'s' if many else ''} {ranges}")
        if len(up) and len(down):
            bad, bad_lifts, bad_ranges = told(down)
            said += f"), posts on {bad} {bad_lifts} ({bad_ranges}"
            plan = f"post on {'those days' if many else 'that day'}, not on {bad},"
        elif len(up):
            plan = f"post on {'those days' if many else 'that day'}"
        else:
            plan = f"no day did better than the others: avoid {days} and spread posts over " \
                   f"the other days"
        usual = ("the account's usual hours" if self.accounts == 1
                 else f"{self._whose} usual hours")
        return (f"The day of the week matters for {self._whom} (weekday test p = "
                f"{self.method['weekday_p_value']:.3f}), but {hours}: {said}; {self.n_used} "
                f"posts); {plan} at {usual} ({tz}), and put a share of posts at other hours "
                f"to learn more.")

    @property
    def exposure_fallback(self) -> str | None:
        """What engagement was measured against when the exposure asked for was missing:
        ``"reach"`` (no follower counts) or ``"none"`` (neither followers nor reach); None
        when it was the one asked for."""
        used = self.method.get("exposure")
        asked = self.method.get("exposure_requested") or "none"
        return used if used in ("reach", "none") and used != asked else None

    def readable(self, table: str = "by_slot") -> pd.DataFrame:
        """The frame ``table`` (``by_slot``, ``recommended``, ``by_weekday`` or ``activity``,
        empty when no activity was exported) for reading, as the report's tables show it:
        the weekday by name, the hour as ``18:00``, lifts to two decimals, and none
        (``<NA>``) where fewer than :data:`MIN_CELL_POSTS` posts tell it, so that no slot
        of 2 posts reads as a 3.1 × best time; the frames themselves keep every estimate
        to compute with. The README pointed to ``readable(bt.by_slot)``, a function of a
        private module.

        >>> bt.readable().head(1)    # doctest: +SKIP
          weekday   hour  n_posts  lift  lift_low  lift_high
        0  Monday  00:00        0  <NA>      <NA>       <NA>
        """
        names = ("by_slot", "recommended", "by_weekday", "activity")
        if table not in names:
            raise ArgumentError("not a table of the best times", argument="table",
                                expected="one of " + ", ".join(names), got=table)
        frame = getattr(self, table)
        return pd.DataFrame() if frame is None else readable(frame)     # no activity exported

    def plot(self, ax=None, *, kind: str = "lift", cmap: str | None = None,
             annotate: bool = True, **kwargs):
        """Heatmap by weekday and hour; returns the Axes.

        ``kind="lift"`` (default): shrunk lift of each slot with posts, each cell annotated
        with its post count; slots without posts are hatched and not coloured (the estimate
        ``by_slot`` gives some of them, between posted hours, is no observation), and slots
        of fewer than :data:`MIN_CELL_POSTS` posts are faint, the model's estimate, the colour
        scale set by the others when there are a few, else by both (:func:`_lift_span`), but
        for those holding a capped post, which are white and dotted, too few posts to tell
        (:func:`_few_capped`); the chosen window is outlined when the effect is reliable;
        worse than average is light blue, average greyish mauve, better dark red, each lift
        darker than any lower one, so that a print in grey tells any two apart, the darker the
        better (:data:`LIFT_COLORS`). ``kind="activity"``: the audience schedule (followers
        online, relative to the weekly average), when exported.
        A lift heatmap of no post with an hour (YouTube's exports give the day only) is a
        message saying so, not a grid of empty slots.
        """
        from matplotlib.colors import LogNorm  # lazy: matplotlib
        from matplotlib.patches import Rectangle  # lazy: as above

        from ..plots import drawing_axes  # lazy: plots loads matplotlib

        if kind not in ("lift", "activity"):
            raise ArgumentError("not a kind of plot", argument="kind",
                                expected="'lift' or 'activity'", got=kind)
        ax = drawing_axes(ax)
        if kind == "lift" and self.n_used == 0:
            return self._plot_no_hours(ax)
        if kind == "activity":
            if not self.has_activity:
                ax.set_title("No audience-activity data in the exports")
                return ax
            rel = self.activity["relative"].to_numpy(dtype=float, na_value=np.nan).reshape(7, 24)
            im = ax.imshow(rel, cmap=cmap or "Greens", aspect="auto", **kwargs)
            cbar = ax.figure.colorbar(im, ax=ax, label="followers online vs weekly average")
            cbar.ax.yaxis.set_major_formatter(lambda t, _: f"{t:g}×")    # a ratio, as lifts
            title = self._titled("Audience schedule (followers online)", span=False)
        else:
            n = self.by_slot["n_posts"].to_numpy(dtype=int).reshape(7, 24)
            # only slots with enough posts are coloured in full: a colour reads as "we posted
            # then and it did this well", and a slot without posts between posted hours has
            # only the smooth curve's guess (kept in by_slot); such slots are hatched, as all
            # without posts, and those of a few posts faint (_faint_estimates)
            shrunk = self.by_slot["lift"].to_numpy(dtype=float, na_value=np.nan).reshape(7, 24)
            own = n >= MIN_CELL_POSTS
            lift = np.where(own, shrunk, np.nan)
            # a slot of a few posts holding a capped one: its estimate is that post's, not
            # drawn (_few_capped)
            few_capped = self.few_capped
            estimate = np.where(own | (n == 0) | few_capped, np.nan, shrunk)
            span = _lift_span(lift, estimate)
            im = ax.imshow(np.ma.masked_invalid(lift), cmap=cmap or _lift_cmap(), aspect="auto",
                           norm=LogNorm(vmin=np.exp(-span), vmax=np.exp(span)), **kwargs)
            cbar = ax.figure.colorbar(im, ax=ax, label="lift vs " + (
                "account average" if self.accounts == 1 else self.average))
            ticks = [t for t in (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0)
                     if np.exp(-span) <= t <= np.exp(span)]
            if len(ticks) < 3:    # lifts within 0.8× to 1.25×: the scale read "1×" alone
                ticks = [t for t in (0.8, 0.9, 1.0, 1.1, 1.25)
                         if np.exp(-span) <= t <= np.exp(span)]
            cbar.ax.minorticks_off()
            cbar.set_ticks(ticks)
            cbar.set_ticklabels([f"{t:g}×" for t in ticks])
            _hatch_unposted(ax, n)
            _faint_estimates(ax, estimate, im)
            _mark_few_capped(ax, few_capped)
            if annotate:
                _annotate(ax, n, _inks(im, lift[np.nonzero(n)]))
            if self.effect_detected:
                # with the weekend's own hour curve, its window beside the weekdays' one
                boxes = _outline(self.window) + (_outline(self.weekend_window)
                                                 if self.weekend_window else [])
                for x0, width, d in boxes:
                    ax.add_patch(Rectangle((x0 - 0.5, d - 0.5), width, 1, fill=False, lw=1.5,
                                           ec="black"))
            # the faint cells said on a line of their own, when there are: the title was cut
            title = self._titled("Engagement lift by posting slot (numbers: posts"
                                 + ("; hatched: no post" if _hatched(n) else "") + ")"
                                 + _faint_said(n, few_capped))
        ax.grid(False)   # style sheets with a grid draw it across the cells
        first, last = (0, 23) if kind == "activity" else _hours_shown(n)
        step = 1 if last - first < 8 else 2 if last - first < 16 else 3
        hours = [h for h in range(first, last + 1) if h % step == 0]
        ax.set_xlim(first - 0.5, last + 0.5)
        ax.set_xticks(hours)
        ax.set_xticklabels([f"{h:02d}:00" for h in hours])
        ax.set_yticks(range(7))
        ax.set_yticklabels([w[:3] for w in WEEKDAYS])
        ax.set_xlabel(f"hour ({self.method.get('tz', 'local')})")
        ax.set_ylabel("weekday")
        ax.set_title(title)
        return ax

    def _titled(self, what: str, span: bool = True) -> str:
        """A heatmap's title ``what`` under a line naming what it is of: the platform and, for
        the lift (``span``), the posts' weeks and last day ("Instagram, 61 weeks of posts to
        2026-10-31"). The same title over every platform's heatmap, whatever its data, told
        one chart from another by nothing."""
        platform = self.method.get("platform")
        weeks, last = self.method.get("weeks"), self.method.get("last_day")
        parts = [shown_platform(platform)] if platform else []
        if span and weeks and last:
            parts.append(f"{weeks} week{'s' if weeks != 1 else ''} of posts to {last}")
        return f"{', '.join(parts)}\n{what}" if parts else what

    def _plot_no_hours(self, ax):
        """The lift heatmap of no post: a message on a blank Axes, no grid of cells. A grid
        all hatched "no post" told of YouTube's 63 posts, whose exports give their day only,
        that the channel never posted; the PDF report says it in words too."""
        platform = self.method.get("platform")
        named = f" ({shown_platform(platform)})" if platform else ""
        days = self.n_excluded.get("day_precision", 0)
        others = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in self.n_excluded.items()
                           if v and k != "day_precision")
        if days:
            posts = f"{days} posts give only their" if days > 1 else "1 post gives only its"
            message = (f"No posting hours in these exports: {posts} day{named}"
                       + (f"\nleft out: {others}" if others else ""))
        else:
            message = f"No post could be analysed{named}: {others or 'no posts'}"
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True,
                transform=ax.transAxes)
        ax.set_title("Engagement lift by posting slot: no post with an hour")
        return ax

    def to_dict(self) -> dict:
        """JSON-ready dict of the whole result (frames as lists of records; NaN as None)."""
        def rec(df):
            return None if df is None else json.loads(df.to_json(orient="records"))

        return _clean({"summary": self.summary, "effect_detected": bool(self.effect_detected),
                       "p_value": self.p_value, "window": self.window,
                       "recommended": rec(self.recommended), "by_weekday": rec(self.by_weekday),
                       "by_slot": rec(self.by_slot), "n_used": int(self.n_used),
                       "n_excluded": dict(self.n_excluded), "method": self.method,
                       "activity": rec(self.activity), "best_days": rec(self.best_days),
                       "avoid_days": rec(self.avoid_days),
                       "weekend_window": self.weekend_window})

    def _repr_html_(self) -> str:
        top = (self.recommended if len(self.recommended) else
               pd.concat([d for d in (self.best_days, self.avoid_days) if d is not None])
               if self.day_effect else
               self.activity.sort_values("online_followers", ascending=False).head(5)
               if self.has_activity else self.recommended)
        platform = self.method.get("platform") or "all platforms"
        # lifts withheld as smm best-times shows them, not pandas' "<NA>"
        table = readable(top, hidden=HIDDEN)
        note = hidden_note(table)
        return (f"<div><b>Best times · {html.escape(str(platform))}</b>"
                f"<p>{html.escape(self.summary)}</p>"
                f"<p>{html.escape(self.posts_used)}</p>"
                f"{table.to_html(index=False) if len(top) else ''}"
                f"{f'<p>{html.escape(note)}</p>' if note else ''}</div>")

    def __repr__(self) -> str:
        return (f"<BestTimes effect_detected={self.effect_detected} p_value={self.p_value:.3g} "
                f"n_used={self.n_used}>")
