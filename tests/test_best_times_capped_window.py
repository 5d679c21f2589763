"""Best times' left-overs (s59CB): a capped slot inside the recommended window ranks after the
window's other slots in the table and the plan, and a heatmap says what hatching is only
when a cell is hatched."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from smmanalytics.calendar import _ranked, plan_slots  # noqa: E402
from smmanalytics.report.formatting import Formatter  # noqa: E402
from smmanalytics.report.watch import WatchSections, _bt_who  # noqa: E402
from smmanalytics.timing import best_times  # noqa: E402
from smmanalytics.timing._result import _hatched, readable  # noqa: E402
from tests._helpers import liked_posts  # noqa: E402

TZ = "Europe/Paris"


def _posts(times_likes: list[tuple[pd.Timestamp, int]]) -> pd.DataFrame:
    """Instagram posts at the Paris wall-clock times given, with their likes."""
    return liked_posts(times_likes, TZ)


@pytest.fixture(scope="module")
def viral_in_window():
    """40 weeks from Monday 5 January 2026 of posts on Monday, Wednesday and Friday at 09:10
    (50 likes) and 18:10 (100 likes), and one post of 5,000 likes on Tuesday 7 July at 18:10,
    the only one of its slot: inside the 18:00 window."""
    days = [pd.Timestamp("2026-01-05") + pd.Timedelta(days=7 * w + d)
            for w in range(40) for d in (0, 2, 4)]
    rows = [(day + pd.Timedelta(hours=h, minutes=10), likes)
            for day in days for h, likes in ((9, 50), (18, 100))]
    rows.append((pd.Timestamp("2026-07-07 18:10"), 5000))
    return best_times(_posts(rows), TZ, "instagram", outcome="likes", exposure=None, seed=1)


def test_the_capped_window_slot_comes_after_the_windows_other_slots(viral_in_window):
    bt = viral_in_window
    # 241 posts: median 100, so the 5,000 is capped at 1,000; the average is (120 x 50 +
    # 120 x 100 + 1,000) / 241 = 78.84: 18:00 reads 100 / 78.84 = 1.27x, Tuesday 18:00 (its
    # one post) 1,000 / 78.84 = 12.68x, which ranked it first in the table
    assert bt.effect_detected and bt.window["hours"] == [18]
    assert bt.few_capped[1, 18] and int(bt.few_capped.sum()) == 1
    rec = bt.recommended
    assert list(zip(rec["weekday"], rec["hour"], strict=True)) == [
        (4, 18), (2, 18), (0, 18), (1, 18)]
    assert rec["lift"].iloc[-1] == pytest.approx(1000 / (19000 / 241), rel=0.02)
    # the table (smm best-times, the notebook) shows its lift as withheld, last
    assert readable(rec, hidden="–")["lift"].tolist() == ["1.27", "1.27", "1.27", "–"]


def test_the_capped_window_slot_has_no_lift_and_is_planned_after_the_others(viral_in_window):
    ranked, basis = _ranked(viral_in_window)
    assert basis == "effect"
    # the window's 18:00 slots of 40 posts, Tuesday 18:00 (no lift: its capped post's), then
    # the 09:00 slots outside the window (50 / 78.84 = 0.63x)
    assert list(zip(ranked["weekday"], ranked["hour"], strict=True)) == [
        (4, 18), (2, 18), (0, 18), (1, 18), (4, 9), (2, 9), (0, 9)]
    assert ranked["lift"].isna().tolist() == [False, False, False, True, False, False, False]
    assert "one of them counted at a cap" in ranked["reason"].iloc[3]


@pytest.mark.parametrize(("per_week", "slots"), [
    # 1 a week planned Tuesday 18:00, the one capped post, over the slots of 40 posts
    (1, [(4, 18)]),
    (3, [(0, 18), (2, 18), (4, 18)]),
    # 4: Tuesday 18:00 too, on the window's estimate, before the 09:00 slots below the
    # average (its lift unknown did not send it after them)
    (4, [(0, 18), (1, 18), (2, 18), (4, 18)]),
])
def test_the_plan_takes_the_capped_window_slot_last_of_the_window(viral_in_window, per_week,
                                                                  slots):
    plan = plan_slots(viral_in_window, "2026-12-07", weeks=1, posts_per_week=per_week)
    assert list(zip(plan["weekday"], plan["hour"], strict=True)) == slots
    assert plan["lift"].isna().tolist() == [s == (1, 18) for s in slots]
    assert plan.attrs["below_average"] == 0


def test_the_reports_slots_table_explains_the_capped_slots_dash(viral_in_window):
    """The report's slots table shows "–" for Tuesday 18:00 (1 post): the note saying what
    "–" is was counted from the lifts withheld, and its lift is now unknown."""
    plan = plan_slots(viral_in_window, "2026-12-07", weeks=1, posts_per_week=4)
    me = type("R", (), {"fmt": Formatter("en")})()
    table, withheld = WatchSections._slots_table(me, viral_in_window, plan, "effect", 1)
    assert table.iloc[:, 1].tolist() == ["40", "1", "40", "40"]
    assert table.iloc[:, 2].tolist() == ["1.27×", "–", "1.27×", "1.27×"]
    assert withheld == 1


def _every_hour(hours: range, weeks: int) -> pd.DataFrame:
    """A post every day at each of ``hours`` (minute 10), ``weeks`` weeks from 5 January
    2026, their likes varying 10 to 14."""
    days = [pd.Timestamp("2026-01-05") + pd.Timedelta(days=d) for d in range(7 * weeks)]
    rows = [(d + pd.Timedelta(hours=h, minutes=10), 10 + (i % 5))
            for i, (d, h) in enumerate((d, h) for d in days for h in hours)]
    return _posts(rows)


@pytest.fixture(scope="module")
def full_grid():
    """Every day at 08:00 to 19:00 for 8 weeks: the 12 hours a heatmap shows at least
    (``_result._MIN_HOURS_SHOWN``), every cell posted 8 times: none hatched."""
    return best_times(_every_hour(range(8, 20), 8), TZ, "instagram", outcome="likes",
                      exposure=None, seed=1, n_boot=200)


def test_a_heatmap_of_posted_cells_only_says_nothing_of_hatching(full_grid):
    n = full_grid.by_slot["n_posts"].to_numpy(int).reshape(7, 24)
    assert n[:, 8:20].min() == 8 and not _hatched(n)
    fig, ax = plt.subplots()
    full_grid.plot(ax=ax)
    # the hatched cells are the hours off the chart (00:00-07:00, 20:00-23:00): none shown
    assert ax.get_xlim() == (7.5, 19.5)
    hatched = next(c for c in ax.collections if c.get_gid() == "no_posts")
    hours = {round(p.get_extents().x0 + 0.5) for p in hatched.get_paths()}
    assert hours == {*range(8), *range(20, 24)}
    assert ax.get_title().endswith("Engagement lift by posting slot (numbers: posts)")
    plt.close(fig)


def test_one_unposted_cell_shown_is_said_hatched():
    # the same grid less Monday 12:00 (the 8 posts of that cell): one hatched cell among the
    # 12 hours shown; an hour outside them (none posted at 03:00) is no hatched cell
    n = np.zeros((7, 24), dtype=int)
    n[:, 8:20] = 8
    n[0, 12] = 0
    assert _hatched(n)
    n[0, 12] = 8
    assert not _hatched(n)


@pytest.mark.parametrize(("lang", "hatched"), [
    ("en", "hatched: no post in that slot"), ("fr", "hachuré : aucune publication"),
    ("it", "tratteggio: nessun post")])
def test_the_reports_caption_says_hatched_only_when_a_cell_is(full_grid, viral_in_window,
                                                              lang, hatched):
    f = Formatter(lang)
    me = type("R", (), {"fmt": f})()
    full = WatchSections._heatmap_caption(me, full_grid, "lift", _bt_who(f, 1))
    assert hatched not in full
    assert full.startswith(f.label("bt_heatmap_lift").format(few="8", faint="", hatched="",
                                                             **_bt_who(f, 1)))
    # the 09:00 and 18:00 posts on three days: Tuesday 09:00 and every other day's are
    # hatched, and said
    assert hatched in WatchSections._heatmap_caption(me, viral_in_window, "lift",
                                                     _bt_who(f, 1))


def _short(asked: int, slots: int, lost: list[str]) -> pd.DataFrame:
    """A plan's attrs as shortfall reads them: ``asked`` posts a week, ``slots`` found, the
    days ``lost`` to the spring clock change, slots in Europe/Paris."""
    plan = pd.DataFrame()
    plan.attrs.update(posts_per_week=asked, slots_per_week=slots, clock_lost=lost,
                      slot_tz="Europe/Paris")
    return plan


@pytest.mark.parametrize(("plan", "lang", "said"), [
    (_short(5, 3, []), "en", "only 3 distinct slots a week qualify for the 5 posts a week "
                             "asked: the plan has fewer posts"),
    # one slot: "only 1 distinct slots a week qualify" before
    (_short(5, 1, []), "en", "only 1 distinct slot a week qualifies for the 5 posts a week "
                             "asked: the plan has fewer posts"),
    (_short(5, 3, []), "fr", "seuls 3 créneaux distincts par semaine conviennent pour les 5 "
                             "publications par semaine demandées : le plan compte moins de "
                             "publications"),
    (_short(5, 1, []), "it", "una sola fascia distinta a settimana è adatta ai post "
                             "richiesti (5 a settimana): il piano ha meno post"),
    # "il 8 marzo" needs "l'8": "il giorno 8 marzo"
    (_short(7, 7, ["2026-03-08"]), "it",
     "il cambio dell'ora salta un'ora (Europe/Paris) il giorno 8 marzo 2026 e ogni altra ora "
     "di quel giorno ha un post: il piano ha 1 post in meno"),
    (_short(7, 7, ["2026-03-29"]), "fr",
     "le changement d'heure saute une heure (Europe/Paris) le 29 mars 2026 et toutes les "
     "autres heures de ce jour ont une publication : le plan compte 1 publication de moins"),
    (_short(7, 7, ["2026-03-29", "2027-03-28"]), "en",
     "the clocks skip an hour (Europe/Paris) on 2026-03-29, 2027-03-28 and every other hour "
     "of those days has a post: the plan has 2 posts fewer"),
    # both clauses, joined as the language joins them (" ; " in French)
    (_short(168, 160, ["2026-03-29", "2027-03-28"]), "it",
     "solo 160 fasce distinte a settimana sono adatte ai post richiesti (168 a settimana): "
     "il piano ha meno post; il cambio dell'ora salta un'ora (Europe/Paris) nei giorni 29 marzo "
     "2026 e 28 marzo 2027 e ogni altra ora di quei giorni ha un post: il piano ha 2 post in "
     "meno"),
])
def test_the_shortfall_is_said_in_the_plans_language(plan, lang, said):
    from smmanalytics.calendar import shortfall

    assert shortfall(plan, lang) == said


def test_nothing_short_is_none_and_an_unknown_language_refused():
    from smmanalytics.calendar import shortfall
    from smmanalytics.errors import ArgumentError

    assert shortfall(_short(3, 3, []), "fr") is None
    with pytest.raises(ArgumentError, match="lang"):
        shortfall(_short(3, 3, []), "de")


@pytest.mark.parametrize(("monday", "moved_to", "kind"), [
    # Monday 01:00 CEST is 23:00 UTC on Sunday: Sunday 23:00 CEST (21:00 UTC) is 2 hours
    # before it, 00:00 and 01:00 CET 1 and 2 hours after Saturday 23:00, and 03:00 to 19:00
    # within 3 hours of the 3-hourly posts: no free hour is 3 hours from all, and the slot
    # takes the first free one, 03:00, said so
    (1, "2026-03-29 03:00", "none is 3 hours from the other posts"),
    # Monday 03:00: Sunday 23:00 is 4 hours before it and 3 after 20:00: taken
    (3, "2026-03-29 23:00", "3 hours or more from the other posts"),
])
def test_a_slot_moved_off_the_skipped_hour_keeps_3_hours_from_the_next_days_post(
        monday, moved_to, kind):
    """The question of s59CB: a slot of the hour skipped in spring moves within its day
    (the per-day cap) but must keep 3 hours from the next day's first post too, as _pick
    keeps slots apart across midnight. Audience schedule by hand: Sunday 02:00, 05:00, …,
    20:00, Saturday 23:00 and Monday ``monday``:00, most online first in that order, all
    planned (9 a week). Paris skips 02:00 on Sunday 29 March 2026, the last day of a plan
    of one week from Monday 23 March: the next day's post is the next week's (Monday 30
    March), which the plan repeats; unplanned here, it was not looked at, and with Monday
    01:00 the slot moved to 23:00, 2 hours before it."""
    import dataclasses

    from tests.test_calendar import _hand_best

    slots = [(6, h) for h in (2, 5, 8, 11, 14, 17, 20)] + [(0, monday), (5, 23)]
    act = pd.DataFrame({"weekday": [d for d, _ in slots], "hour": [h for _, h in slots],
                        "online_followers": [100.0 - i for i in range(len(slots))]})
    act["relative"] = act["online_followers"] / act["online_followers"].mean()
    best = dataclasses.replace(_hand_best("activity"), activity=act)
    plan = plan_slots(best, "2026-03-23", weeks=1, posts_per_week=len(slots))
    moved = plan.loc[plan["reason"].str.startswith("moved from 02:00")]
    assert moved["start_local"].tolist() == [pd.Timestamp(moved_to, tz=TZ)]
    assert moved["reason"].iloc[0].endswith(kind)
    assert len(plan) == 9 and plan.attrs["clock_lost"] == []
