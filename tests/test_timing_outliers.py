"""best_times and one viral post (reviewer s55R3, defect 1): a post far above the account's
median is counted at a cap and named, and slots of under 8 posts show no lift."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics.report.formatting import Formatter
from smmanalytics.report.watch import WatchSections
from smmanalytics.timing import best_times
from smmanalytics.timing._data import CAP_MULTIPLE, cap_outliers
from smmanalytics.timing._result import BestTimes, readable
from tests._helpers import liked_posts

TZ = "Europe/Paris"


def _frame(y, offset=None, group=None) -> pd.DataFrame:
    """cap_outliers' input: posts with outcome ``y`` (all at 12:00 on 1 June, one group)."""
    n = len(y)
    return pd.DataFrame({"post_index": np.arange(n), "y": np.asarray(y, float),
                         "offset": np.zeros(n) if offset is None else np.asarray(offset, float),
                         "group": ["a"] * n if group is None else group,
                         "hour": np.full(n, 12), "date": pd.Timestamp("2026-06-01")})


def _published(n: int) -> pd.Series:
    return pd.Series(pd.Timestamp("2026-06-01 10:00", tz="UTC"), index=range(n))


def test_a_post_above_ten_times_the_median_is_capped_there_and_named():
    # rates 10, 20, 30, 40, 1000 (offset 0): median 30, cap 300; the last post is 1000 / 30
    # = 33.3 times the median. Group b earned nothing: no median, nothing capped. Group c has
    # exposures 10 and 100 (log offsets): rates 5, 6, 7 and 80 per unit, median 6.5, so its
    # last post (8000 on an exposure of 100) is capped at 10 x 6.5 x 100 = 6500
    frame = _frame([10, 20, 30, 40, 1000, 0, 0, 50, 60, 700, 8000],
                   offset=np.log([1, 1, 1, 1, 1, 1, 1, 10, 10, 100, 100]),
                   group=list("aaaaabbcccc"))
    out, capped = cap_outliers(frame, _published(11), TZ)
    assert out["y"].tolist() == pytest.approx([10, 20, 30, 40, 300, 0, 0, 50, 60, 700, 6500])
    assert [(c["post_index"], c["y"], c["local"]) for c in capped] == [
        (4, 1000, "2026-06-01T12:00"), (10, 8000, "2026-06-01T12:00")]
    assert [c["cap"] for c in capped] == pytest.approx([300, 6500])
    assert [c["multiple"] for c in capped] == pytest.approx([1000 / 30, 80 / 6.5])
    assert frame["y"].iloc[4] == 1000           # the caller's frame is left as it was


def test_nothing_capped_leaves_the_frame_as_it_is():
    frame = _frame([10, 20, 30, 40, 299])        # 299 < 10 x 30
    out, capped = cap_outliers(frame, _published(5), TZ)
    assert capped == [] and out is frame


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(20, 150), min_size=20, max_size=80), st.data())
def test_one_post_scaled_a_hundredfold_moves_the_average_by_at_most_a_capped_post(y, data):
    # ordinary posts (20 to 150: all under 10 x a median of 20 or more) are never capped; one
    # of them scaled x100 is counted at no more than 10 x the new median, so the average moves
    # by at most that over n: 10 x 150 / 20 = 75 at worst, and with 255 posts of a median of
    # 75, as the reviewer's, 10 x 75 / 255 = 2.9, 4% of the average
    i = data.draw(st.integers(0, len(y) - 1))
    viral = list(y)
    viral[i] *= 100
    before = cap_outliers(_frame(y), _published(len(y)), TZ)[0]["y"].mean()
    after = cap_outliers(_frame(viral), _published(len(y)), TZ)[0]["y"].mean()
    assert before == pytest.approx(np.mean(y))
    assert after - before <= CAP_MULTIPLE * np.median(viral) / len(y) + 1e-9


def _posts(viral: bool) -> pd.DataFrame:
    """40 weeks (from Monday 5 January 2026) of posts on Monday, Wednesday and Friday at 09:10
    (50 likes) and 18:10 (100 likes), Paris time; ``viral``: and a post of 5,000 likes on
    Tuesday 7 July at 21:00, the only one of its day and hour."""
    days = [pd.Timestamp("2026-01-05") + pd.Timedelta(days=7 * w + d)
            for w in range(40) for d in (0, 2, 4)]
    rows = [(day + pd.Timedelta(hours=h, minutes=10), likes)
            for day in days for h, likes in ((9, 50), (18, 100))]
    if viral:
        rows.append((pd.Timestamp("2026-07-07 21:00"), 5000))
    return liked_posts(rows, TZ)


@pytest.fixture(scope="module")
def viral():
    return best_times(_posts(True), TZ, "instagram", outcome="likes", exposure=None, seed=1)


def test_the_viral_post_is_capped_and_the_evening_still_recommended(viral):
    # 241 posts: 120 of 50, 120 of 100 and 5,000, so the median is 100 and the cap 1,000
    # (50x). The account's average is (120 x 50 + 120 x 100 + 1,000) / 241 = 78.84
    # (uncapped: 95.44, and 18:00 would read 1.05x), so 18:00 reads 100 / 78.84 = 1.27x and
    # 09:00 0.63x
    assert viral.method["capped"] == [{"post_index": 240, "local": "2026-07-07T21:00",
                                       "y": 5000.0, "cap": 1000.0, "multiple": 50.0}]
    lift = viral.by_slot.set_index(["weekday", "hour"])["lift"]
    assert lift[(0, 18)] == pytest.approx(100 / (19000 / 241), rel=0.02)
    assert lift[(0, 9)] == pytest.approx(50 / (19000 / 241), rel=0.02)
    # the held-out halves holding the capped post read 100 / ((1,000 + 120 x 75 - 75) / 120)
    # = 1.20x at worst, the others 1.33x: the window holds up (uncapped, 0.88x-0.93x)
    assert viral.effect_detected and viral.window["hours"] == [18]
    assert 1.2 <= viral.window["raw_lift"] <= 4 / 3 + 1e-9
    # and the viral post, alone at 21:00 (the others at 09:00 and 18:00), was left out of the
    # timing test (_estimate.posts_tested), which the summary says after the cap
    assert viral.method["test_left_out"] == 1
    assert viral.summary.endswith(
        "One post, Tue 7 Jul 21:00, earned 5,000, 50× the account's median post: it is counted "
        "at 1,000 (10× the median) for the averages, so that one post does not set them. "
        "1 post at an hour of the day posted fewer than 3 times was left out of the timing "
        "test: the hour curve bends freely through it, so one good post would read as a good "
        "hour. It still counts in the lifts.")


def test_a_slot_of_one_capped_post_shows_no_lift_and_is_drawn_as_too_few_posts(viral):
    import matplotlib.pyplot as plt

    shown = readable(viral.by_slot)
    tuesday = shown.loc[(viral.by_slot["weekday"] == 1) & (viral.by_slot["hour"] == 21)]
    assert tuesday[["lift", "lift_low", "lift_high"]].isna().all(axis=None)
    assert shown["lift"].notna().sum() == 6       # the six slots of 40 posts
    # Tue 21:00: one post (under 8), the capped one: the only such slot
    assert np.argwhere(viral.few_capped).tolist() == [[1, 21]]
    ax = viral.plot()
    # its estimate (1,000 / 78.84 = 12.7x, its one capped post) was drawn faint in the
    # darkest red, as good as the window or better: now no colour of the lift scale, neither
    # in the full-colour image nor the faint one (which has nothing else to draw), but a
    # white dotted cell, its count "1" written on it
    faint = [im for im in ax.images if im.get_gid() == "few_posts"]
    assert len(faint) == 1 and np.ma.getmaskarray(faint[0].get_array()).all()
    assert np.isnan(np.ma.filled(ax.images[0].get_array(), np.nan)[1, 21])
    dotted = [c for c in ax.collections if c.get_gid() == "few_capped"]
    assert len(dotted) == 1 and len(dotted[0].get_paths()) == 1
    # the cell's corners: hour 21 +- 0.5, weekday 1 +- 0.5
    corners = dotted[0].get_paths()[0].vertices
    assert (corners.min(axis=0).tolist(), corners.max(axis=0).tolist()) == (
        [20.5, 0.5], [21.5, 1.5])
    assert dotted[0].get_hatch() == "." and tuple(dotted[0].get_facecolor()[0]) == (1, 1, 1, 1)
    assert [t.get_text() for t in ax.texts if t.get_position() == (21, 1)] == ["1"]
    # no faint cell left, so the title says only the dotted one
    assert ax.get_title().endswith("no post)\ndotted: under 8 posts, one of them capped: too "
                                   "few to tell")
    # the scale is set by the shown slots, 0.63x and 1.27x: from 0.63x to 1 / 0.634 = 1.58x
    # (the capped post alone, at about 12x, stretched it to 12x)
    norm = ax.images[0].norm
    assert norm.vmax == pytest.approx(19000 / 241 / 50, rel=0.03)
    assert faint[0].norm is norm
    plt.close(ax.figure)


def test_faint_cells_and_a_capped_few_posts_slot_are_said_each_on_its_line(viral):
    import matplotlib.pyplot as plt

    # the viral result with Mon 07:00 given 3 posts (1.3x): faint, beside the dotted Tue
    # 21:00 (1 post, capped) and the six slots of 40 posts
    slots = viral.by_slot.copy()
    at = slots.set_index(["weekday", "hour"]).index.get_loc((0, 7))
    slots.loc[at, ["n_posts", "lift"]] = [3, 1.3]
    ax = dataclasses.replace(viral, by_slot=slots).plot()
    drawn = np.ma.filled(next(im for im in ax.images if im.get_gid() == "few_posts")
                         .get_array(), np.nan)
    assert np.argwhere(np.isfinite(drawn)).tolist() == [[0, 7]]
    assert drawn[0, 7] == pytest.approx(1.3)
    assert ax.get_title().endswith("no post)\nfaint: under 8 posts, the model's estimate only"
                                   "\ndotted: under 8 posts, one of them capped: too few to "
                                   "tell")
    plt.close(ax.figure)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Dotted, on white: fewer than 8 posts, one of them counted at a cap (see above): too "
           "few to tell, and that one post would set the model's estimate there."),
    ("fr", "En pointillés sur fond blanc : moins de 8 publications, dont une au résultat "
           "plafonné (voir plus haut) : trop peu pour en juger, et cette seule publication y "
           "fixerait l'estimation du modèle."),
    ("it", "A puntini su fondo bianco: meno di 8 post, uno dei quali con il risultato "
           "limitato a un tetto (vedi sopra): troppo pochi per giudicare, e lì quel solo post "
           "determinerebbe la stima del modello."),
])
def test_the_reports_caption_says_what_the_dotted_slot_is(viral, lang, said):
    from smmanalytics.report.watch import _bt_who

    f = Formatter(lang)
    caption = WatchSections._heatmap_caption(SimpleNamespace(fmt=f), viral, "lift",
                                             _bt_who(f, 1))
    assert caption.endswith(said)
    # without the capped post, its slot's one post would be faint, as any: nothing said
    plain = dataclasses.replace(viral, method={**viral.method, "capped": []})
    assert said not in WatchSections._heatmap_caption(SimpleNamespace(fmt=f), plain, "lift",
                                                      _bt_who(f, 1))


@pytest.mark.parametrize(("lang", "faint"), [
    ("en", "; faint: fewer than 8 posts"), ("fr", " ; pâle : moins de 8 publications"),
    ("it", "; tenue: meno di 8 post")])
def test_the_reports_caption_says_what_faint_cells_are_only_when_there_are(viral, lang,
                                                                           faint):
    """The caption explained faint cells on every lift heatmap. The fixture's has none: six
    slots of 40 posts (8 or more: a lift of their own) and Tue 21:00, 1 post, capped, dotted
    not faint. Without the cap that one post's slot is faint (1 < 8), and said."""
    from smmanalytics.report.watch import _bt_who

    f = Formatter(lang)
    caption = WatchSections._heatmap_caption(SimpleNamespace(fmt=f), viral, "lift",
                                             _bt_who(f, 1))
    assert faint not in caption
    assert f.label("bt_heatmap_lift").format(few="8", faint="", hatched=f.label(
        "bt_heatmap_hatched"), **_bt_who(f, 1)) in caption
    plain = dataclasses.replace(viral, method={**viral.method, "capped": []})
    assert faint in WatchSections._heatmap_caption(SimpleNamespace(fmt=f), plain, "lift",
                                                   _bt_who(f, 1))


def test_a_heatmap_of_no_slot_of_eight_posts_scales_the_estimates_and_says_so(viral):
    import matplotlib.pyplot as plt

    # the sample's Facebook: every slot of 1 to 7 posts, an all-grey grid under a 0.9x-1.1x
    # scale. Here Mon 18:00 (5 posts, 1.20x) and Wed 09:00 (3 posts, 0.90x), nothing else
    slots = viral.by_slot.assign(n_posts=0, lift=np.nan)
    at = slots.set_index(["weekday", "hour"]).index
    slots.loc[at.get_loc((0, 18)), ["n_posts", "lift"]] = [5, 1.2]
    slots.loc[at.get_loc((2, 9)), ["n_posts", "lift"]] = [3, 0.9]
    ax = dataclasses.replace(viral, by_slot=slots, effect_detected=False).plot()
    full, faint = ax.images
    assert np.ma.getmaskarray(full.get_array()).all()           # no lift of its own
    assert faint.get_gid() == "few_posts"
    drawn = np.ma.filled(faint.get_array(), np.nan)
    assert drawn[0, 18] == pytest.approx(1.2) and drawn[2, 9] == pytest.approx(0.9)
    # the scale from the estimates: |log 1.2| > |log 0.9|, so 1 / 1.2 to 1.2
    assert (full.norm.vmin, full.norm.vmax) == pytest.approx((1 / 1.2, 1.2))
    assert ax.get_title().endswith("\nno slot has 8 posts, too few for its own lift: all "
                                   "faint, the model's estimates")
    plt.close(ax.figure)


def _scaled(viral, slots: dict) -> tuple[float, float]:
    """The lift heatmap's colour scale when the viral result's slots are only ``slots``,
    {(weekday, hour): (posts, lift)}, its capped post (Tue 21:00) still named."""
    import matplotlib.pyplot as plt

    by_slot = viral.by_slot.assign(n_posts=0, lift=np.nan)
    at = by_slot.set_index(["weekday", "hour"]).index
    for slot, (posts, lift) in slots.items():
        by_slot.loc[at.get_loc(slot), ["n_posts", "lift"]] = [posts, lift]
    ax = dataclasses.replace(viral, by_slot=by_slot, effect_detected=False).plot()
    norm = ax.images[0].norm
    plt.close(ax.figure)
    return norm.vmin, norm.vmax


def test_one_slot_of_eight_posts_shares_the_scale_with_the_estimates_not_the_capped_one(viral):
    # the sample's X: one slot of 9 posts (Thu 10:00, 0.9x) set 0.9x-1.1x alone, every faint
    # estimate above in the darkest colour. With fewer than 3 such slots the estimates count
    # too: Mon 07:00 (3 posts, 1.3x) and Fri 20:00 (2 posts, 0.85x); |log 1.3| = 0.26 is the
    # largest, so 1 / 1.3 to 1.3. Tue 21:00, the capped post's one-post slot at 12.7x, does
    # not count: it would have stretched the scale to 1 / 12.7 to 12.7
    assert _scaled(viral, {(3, 10): (9, 0.9), (0, 7): (3, 1.3), (4, 20): (2, 0.85),
                           (1, 21): (1, 12.7)}) == pytest.approx((1 / 1.3, 1.3))


def test_three_slots_of_eight_posts_set_the_scale_alone(viral):
    # three slots of 8+ posts, 0.8x, 1.1x and 1.0x: |log 0.8| = 0.22, so 0.8x to 1.25x;
    # the estimate of 1.5x (Mon 07:00, 4 posts) lies above it, drawn in the darkest colour
    assert _scaled(viral, {(3, 10): (9, 0.8), (3, 11): (12, 1.1), (3, 12): (8, 1.0),
                           (0, 7): (4, 1.5)}) == pytest.approx((0.8, 1.25))


def test_a_scale_of_the_capped_slot_alone_is_the_narrowest(viral):
    # nothing but the capped post's slot (Tue 21:00, 12.7x): no lift sets the scale, so the
    # narrowest, e^-0.11 to e^0.11 (0.896x to 1.116x)
    assert _scaled(viral, {(1, 21): (1, 12.7)}) == pytest.approx((np.exp(-0.11), np.exp(0.11)))


def test_without_the_viral_post_nothing_is_capped_or_said():
    bt = best_times(_posts(False), TZ, "instagram", outcome="likes", exposure=None, seed=1)
    assert bt.method["capped"] == [] and "counted at" not in bt.summary
    # 18:00 = 100 / 75
    assert bt.by_slot.set_index(["weekday", "hour"])["lift"][(0, 18)] == pytest.approx(
        4 / 3, rel=0.02)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "One post, Tuesday 7 July 21:00, earned 5,000, 50× the account's median post: it "
           "is counted at 1,000 (10× the median) for the averages"),
    ("fr", "Une publication, le mardi 7 juillet 21:00, a obtenu 5\u202f000, 50× la "
           "publication médiane du compte : elle est comptée pour 1\u202f000 (10× la médiane)"),
    ("it", "Un post, martedì 7 luglio 21:00, ha ottenuto 5.000, 50× il post mediano "
           "dell'account: nelle medie conta 1.000 (10× la mediana)"),
])
def test_the_report_names_the_capped_post_in_its_language(viral, lang, said):
    note = WatchSections._capped_note(SimpleNamespace(fmt=Formatter(lang)), viral, 1)
    assert note.startswith(said)


def test_the_report_lists_several_capped_posts():
    bt = SimpleNamespace(method={"cap_multiple": 10, "capped": [
        {"local": "2026-07-07T21:00", "y": 5000.0, "multiple": 50.0},
        {"local": "2026-07-09", "y": 3000.0, "multiple": 30.0}]})
    note = WatchSections._capped_note(SimpleNamespace(fmt=Formatter("en")), bt, 2)
    assert note.startswith("2 posts earned more than 10× its account's median post (Tuesday 7 "
                           "July 21:00: 5,000 (50×) and Thursday 9 July: 3,000 (30×)): each")


def test_a_plan_ranks_the_one_post_slot_after_the_slots_of_many(viral):
    from smmanalytics.calendar import _ranked

    # the window's three 18:00 slots, then the 09:00 ones (0.63x), then Tue 21:00: one post,
    # at 12.7x even capped (1,000 / 78.84), was the first slot planned outside the window.
    # Its lift is none, as the heatmap draws none there (few_capped): it read 12.68
    ranked, basis = _ranked(viral)
    assert basis == "effect"
    assert list(zip(ranked["weekday"], ranked["hour"], strict=True)) == [
        (4, 18), (2, 18), (0, 18), (4, 9), (2, 9), (0, 9), (1, 21)]
    assert ranked["lift"].isna().tolist() == [False] * 6 + [True]


@pytest.mark.parametrize(("per_week", "slots", "below"), [
    # 4 a week: the three 18:00 slots (1.27x), then one day's second post. Tuesday 21:00, a
    # free day, was taken over Friday 09:00 (40 posts, 0.63x: the first ranked below the
    # average), the one-post day cap kept, at its capped 12.68x; now Friday 09:00
    (4, [(0, 18), (2, 18), (4, 9), (4, 18)], 1),
    # 7 a week: every slot with posts, Tuesday 21:00 the last taken, its lift unknown (<NA>,
    # not counted below the average: the three 09:00 slots are)
    (7, [(0, 9), (0, 18), (1, 21), (2, 9), (2, 18), (4, 9), (4, 18)], 3),
])
def test_a_slot_too_few_to_tell_is_planned_after_the_slots_with_a_lift(viral, per_week, slots,
                                                                      below):
    from smmanalytics.calendar import plan_slots

    plan = plan_slots(viral, "2026-12-07", weeks=1, posts_per_week=per_week)
    assert list(zip(plan["weekday"], plan["hour"], strict=True)) == slots
    assert plan.attrs["below_average"] == below
    assert plan["lift"].isna().tolist() == [s == (1, 21) for s in slots]


@pytest.mark.parametrize(("lang", "said"), [
    # the heatmap's words (bt_heatmap_few_capped): it said "planned on the model's estimate",
    # its capped post's, which the heatmap does not draw
    ("en", "outside the recommended window: posts at this slot: 1, fewer than 8, one of them "
           "counted at a cap: too few to tell, planned after the other slots"),
    ("fr", "hors de la plage recommandée : publications à ce créneau : 1, moins de 8, dont une "
           "au résultat plafonné : trop peu pour en juger, retenu après les autres créneaux"),
    ("it", "fuori dalla fascia consigliata: post in questa fascia: 1, meno di 8, uno dei quali "
           "con il risultato limitato a un tetto: troppo pochi per giudicare, scelta dopo le "
           "altre fasce"),
])
def test_the_calendar_gives_the_one_post_slot_its_posts_not_its_lift(viral, lang, said):
    import icalendar

    from smmanalytics.calendar import ics_bytes, plan_month

    # 7 a week: the three 18:00 slots, the three 09:00 ones (0.63x), then Tue 21:00, whose one
    # post read "the next best slot (12.68×)" (1,000 / 78.84) in every Tuesday's event
    plan = plan_month(viral, "2026-12", posts_per_week=7)
    tuesdays = plan.loc[plan["weekday"] == 1]
    assert len(tuesdays) == 5 and set(tuesdays["hour"]) == {21}     # 1, 8, 15, 22, 29 Dec
    events = icalendar.Calendar.from_ical(ics_bytes(plan, "Brand", lang=lang)).walk("VEVENT")
    described = {str(e["description"]) for e in events if "21:00" in str(e["summary"])}
    assert described == {said}
    assert "12.6" not in str(plan["reason"].tolist())


@pytest.fixture(scope="module")
def five_at_19():
    """The 240 posts of :func:`_posts`, and 5 more on Mondays at 19:10 of 100 likes, as
    18:00's: the window reaches 19:00, a recommended slot of 5 posts."""
    extra = pd.Timestamp("2026-01-05 19:10") + pd.to_timedelta([7 * w for w in range(0, 40, 8)],
                                                               unit="D")
    more = pd.DataFrame({"published_at": extra.tz_localize(TZ).tz_convert("UTC"),
                         "platform": "instagram", "likes": pd.array([100] * 5, dtype="Int64"),
                         "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC")})
    return best_times(pd.concat([_posts(False), more], ignore_index=True), TZ, "instagram",
                      outcome="likes", exposure=None, seed=1)


def test_a_window_slot_of_five_posts_is_planned_on_the_windows_estimate(five_at_19):
    from smmanalytics.calendar import _ranked

    # Monday 19:00's 5 posts read "this slot 1.32x from 5 posts" in its event while smm
    # best-times printed no lift for it
    ranked, _ = _ranked(five_at_19)
    reasons = dict(zip(zip(ranked["weekday"], ranked["hour"], strict=True), ranked["reason"],
                       strict=True))
    assert reasons[(0, 19)].endswith(
        "; posts at this slot: 5, fewer than 8, too few for a lift of its own: planned on the "
        "window's estimate")
    assert reasons[(0, 18)].endswith("; this slot 1.32x from 40 posts")


@pytest.mark.parametrize(("multiple", "lang", "said"), [
    # 312 against a median of 30: 10.4x, which read "10×", the cap itself
    (312 / 30, "en", "earned 312, 10.4× the account's median post: it is counted at 300 "),
    (312 / 30, "fr", "a obtenu 312, 10,4× la publication médiane du compte : elle est comptée "
                     "pour 300 "),
    (312 / 30, "it", "ha ottenuto 312, 10,4× il post mediano dell'account: nelle medie conta "
                     "300 "),
    # from 20x whole: 19.96 reads 20.0 (one decimal under 20), 20.4 reads 20
    (19.96, "en", "earned 312, 20.0× the account's median post"),
    (20.4, "en", "earned 312, 20× the account's median post"),
])
def test_a_capped_posts_multiple_has_a_decimal_under_twenty(multiple, lang, said):
    post = {"post_index": 4, "local": "2026-07-07T21:00", "y": 312.0, "cap": 300.0,
            "multiple": multiple}
    bt = SimpleNamespace(method={"cap_multiple": 10, "capped": [post]}, accounts=1)
    assert said in WatchSections._capped_note(SimpleNamespace(fmt=Formatter(lang)), bt, 1)
    if lang == "en":        # the result's summary says it as the report does
        assert said in BestTimes._capped(bt)


def test_the_list_of_capped_posts_gives_each_its_multiple_so_too():
    posts = [{"local": "2026-07-07T21:00", "y": 312.0, "cap": 300.0, "multiple": 312 / 30},
             {"local": "2026-07-09", "y": 3000.0, "cap": 300.0, "multiple": 100.0}]
    bt = SimpleNamespace(method={"cap_multiple": 10, "capped": posts}, accounts=1)
    assert "(Tue 7 Jul 21:00: 312 (10.4×) and Thu 9 Jul: 3,000 (100×))" in BestTimes._capped(bt)
    note = WatchSections._capped_note(SimpleNamespace(fmt=Formatter("it")), bt, 1)
    assert "(martedì 7 luglio 21:00: 312 (10,4×) e giovedì 9 luglio: 3.000 (100×))" in note


def test_the_notebook_view_marks_a_withheld_lift_as_the_cli_does(five_at_19):
    # the recommended slots: Monday, Wednesday and Friday 18:00 (40 posts each, 100 / 75 =
    # 1.33x) and Monday 19:00 (5 posts), whose lifts JupyterLab showed as "<NA>"
    shown = five_at_19._repr_html_()
    assert "&lt;NA&gt;" not in shown and "<NA>" not in shown
    monday_19 = shown[shown.index("<td>19:00</td>"):].split("</tr>")[0]
    assert monday_19.count("<td>–</td>") == 3 and "<td>5</td>" in monday_19
    assert shown.endswith("<p>–: fewer than 8 posts, too few to show a lift of its own</p></div>")
    # without a withheld lift, no note
    assert "too few to show" not in BestTimes._repr_html_(dataclasses.replace(
        five_at_19, recommended=five_at_19.recommended.loc[
            five_at_19.recommended["n_posts"].ge(8)]))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "posts at this slot: 1, fewer than 8, one of them counted at a cap: too few to tell, "
           "planned on the window's estimate"),
    ("fr", "publications à ce créneau : 1, moins de 8, dont une au résultat plafonné : trop peu "
           "pour en juger, retenu sur l'estimation de la plage"),
    ("it", "post in questa fascia: 1, meno di 8, uno dei quali con il risultato limitato a un "
           "tetto: troppo pochi per giudicare, scelta in base alla stima della fascia"),
])
def test_a_capped_slot_in_the_window_says_its_post_was_capped(viral, lang, said):
    """A slot of too few posts holding a capped one (``few_capped``, dotted on the heatmap)
    inside a recommended window read as any few slot: "too few for a lift of its own", as if
    faint. Tue 21:00 (1 post, the capped 5,000 likes) is put in the window's slots by hand
    (the fixture's window is 18:00, its slots of 40 posts): its reason says the cap, the
    window's other slots keep theirs ("this slot 1.27x from 40 posts": 100 / 78.84)."""
    from smmanalytics.calendar import _ranked, _reason_in

    tuesday = viral.by_slot.loc[viral.by_slot["weekday"].eq(1) & viral.by_slot["hour"].eq(21)]
    rec = pd.concat([viral.recommended, tuesday[viral.recommended.columns]], ignore_index=True)
    ranked, _ = _ranked(dataclasses.replace(viral, recommended=rec))
    by_slot = ranked.set_index(["weekday", "hour"])["reason"]
    assert by_slot[(1, 21)].startswith("recommended window (Monday/Wednesday/Friday, 18:00")
    assert _reason_in(Formatter(lang), by_slot[(1, 21)]).endswith(said)
    assert by_slot[(0, 18)].endswith("this slot 1.27x from 40 posts")
