"""best_times' weekday test and a post alone on its weekday (s57BT3): one viral post on a
weekday nobody else posted on made a pure-noise account's weekday test pass (p < 0.05 for
0.340 of them) and half the accounts were told to post on that day. As the hour test does
(test_timing_lone_posts), the weekday test leaves out the posts of a weekday posted fewer
than 3 times, and a days finding names only the days it read."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from sim_timing import simulate  # noqa: E402
from smmanalytics.timing import _best_days, best_times  # noqa: E402
from smmanalytics.timing._estimate import NO_DAYS_TESTED, days_tested  # noqa: E402
from smmanalytics.timing._result import best_day, nameable_days  # noqa: E402

TZ = "Europe/Paris"


def test_a_post_alone_on_its_weekday_is_not_tested():
    # Monday x3, Sunday x1, Wednesday x2, Friday x4: Monday (3) and Friday (4) reach 3 posts
    day = np.array([0, 0, 0, 6, 2, 2, 4, 4, 4, 4])
    assert days_tested(day).tolist() == [True] * 3 + [False] * 3 + [True] * 4


def _by_weekday(n_posts, lift, low, high) -> pd.DataFrame:
    return pd.DataFrame({"weekday": pd.array(range(7), dtype="Int64"),
                         "n_posts": pd.array(n_posts, dtype="Int64"),
                         "lift": pd.array(lift, dtype="Float64"),
                         "lift_low": pd.array(low, dtype="Float64"),
                         "lift_high": pd.array(high, dtype="Float64")})


def test_a_days_finding_never_names_a_day_the_test_did_not_read():
    # Sunday's one post (interval 2.0-9.0, above 1) and Saturday's two (0.2-0.6, below 1)
    # were left out of the test (fewer than 3 posts): neither is named. Tuesday (1.3-1.9,
    # 10 posts) is the one day above 1 the test read, Thursday (0.5-0.9, 3 posts) the one
    # below; Monday has no lift
    days = _by_weekday([10, 10, 10, 3, 10, 2, 1],
                       [None, 1.6, 1.0, 0.7, 1.0, 0.4, 4.0],
                       [None, 1.3, 0.8, 0.5, 0.8, 0.2, 2.0],
                       [None, 1.9, 1.2, 0.9, 1.2, 0.6, 9.0])
    assert nameable_days(days)["weekday"].tolist() == [1, 2, 3, 4]
    best, avoid = _best_days(days)
    assert best["weekday"].tolist() == [1] and avoid["weekday"].tolist() == [3]


def _noise_with_a_viral_sunday(seed: int) -> pd.DataFrame:
    """120 posts over 26 weeks without any timing effect (tests/sim_timing.py), Sunday's
    posts moved to the Saturday before, and a copy of the middle post moved to the Sunday of
    its week at its hour, earning 60x the posts' median: alone on its weekday."""
    posts = simulate(seed, n_posts=120, weeks=26, evening_lift=1.0)["posts"]
    sunday = (posts["published_at"].dt.tz_convert(TZ).dt.day_of_week == 6).to_numpy()
    posts.loc[sunday, "published_at"] = posts.loc[sunday, "published_at"] - pd.Timedelta(days=1)
    viral = posts.iloc[[60]].copy()
    to_sunday = 6 - int(viral["published_at"].dt.tz_convert(TZ).dt.day_of_week.iloc[0])
    viral["published_at"] = viral["published_at"] + pd.Timedelta(days=to_sunday)
    viral["post_id"] = "viral"
    viral["reactions"] = posts["reactions"].median() * 60
    return pd.concat([posts, viral], ignore_index=True)


def test_one_viral_post_alone_on_its_weekday_is_left_out_of_the_weekday_test():
    # measured on this account (seed 105): with the Sunday post tested, p = 0.004 and the
    # finding named Sunday first ("7.40x the account's average"); now p = 0.032 on the six
    # other days, Tuesday, Thursday and Saturday are named, and Sunday is not.
    # Over seeds 100-299: p < 0.05 for 0.340 before, 0.065 now
    posts = _noise_with_a_viral_sunday(105)
    bt = best_times(posts, TZ, "instagram", seed=105, n_splits=4)
    # one post on a Sunday (the viral one), every other day 3 or more (counted from the
    # publish times in Paris): one post left out of the weekday test, its lift still given
    days = posts["published_at"].dt.tz_convert(TZ).dt.day_of_week
    assert (days == 6).sum() == 1 and days.value_counts().drop(6).min() >= 3
    assert bt.method["weekday_test_left_out"] == 1
    assert int(bt.by_weekday.loc[6, "n_posts"]) == 1 and pd.notna(bt.by_weekday.loc[6, "lift"])
    assert 6 not in bt.best_days["weekday"].tolist() + bt.avoid_days["weekday"].tolist()
    assert "Sunday" not in bt.summary


def test_fewer_than_two_days_posted_three_times_leave_no_days_to_compare():
    # 30 noise posts all moved to Monday, but for one on Tuesday and one on Wednesday: Monday
    # is the only day of 3 posts or more, so the weekday test has no days to compare
    posts = simulate(4, n_posts=30, weeks=12, evening_lift=1.0)["posts"]
    local = posts["published_at"].dt.tz_convert(TZ)
    monday = local.dt.normalize() - pd.to_timedelta(local.dt.day_of_week, unit="D")
    day = pd.Series(0, index=posts.index).where(posts.index >= 2, posts.index + 1)
    posts["published_at"] = (posts["published_at"]
                             + (monday + pd.to_timedelta(day, unit="D")
                                - local.dt.normalize()).to_numpy())
    bt = best_times(posts, TZ, "instagram", seed=1, n_splits=4)
    assert bt.by_weekday["n_posts"].tolist()[:3] == [28, 1, 1]
    assert bt.method["weekday_test"] == NO_DAYS_TESTED
    assert bt.method["weekday_test_left_out"] == 2 and np.isnan(bt.method["weekday_p_value"])


def test_the_posts_left_out_of_the_weekday_test_are_said_with_the_days_finding():
    # seed 105 (above): a finding of days, and the viral Sunday post left out of its test,
    # which was recorded and not said; said as the hour test's are, in the summary's last
    # sentence and in the report's note, in its language
    from types import SimpleNamespace

    from smmanalytics.report.formatting import Formatter
    from smmanalytics.report.watch import WatchSections

    bt = best_times(_noise_with_a_viral_sunday(105), TZ, "instagram", seed=105, n_splits=4)
    assert bt.day_effect and bt.weekday_left_out == 1
    assert bt.summary.endswith(
        " 1 post on a weekday posted fewer than 3 times was left out of the weekday test: each "
        "day has a lift of its own, so one good post would read as a good day. It still "
        "counts in the lifts.")
    said = []
    for lang in ("en", "fr", "it"):
        me = SimpleNamespace(fmt=Formatter(lang),
                             text=lambda sec, text, note: said.append((text, note)))
        WatchSections._weekday_left_out_note(me, None, bt)
    assert said == [
        ("One post, alone on its weekday (fewer than 3 posts on it), was left out of the "
         "weekday test: each day has a lift of its own, so one good post would read as a good "
         "day. It still counts in the lifts.", True),
        ("Une publication, seule à son jour de la semaine (moins de 3 publications ce "
         "jour-là), a été laissée hors du test des jours : chaque jour a son propre écart, si "
         "bien qu'une bonne publication passerait pour un bon jour. Elle compte toujours dans "
         "les écarts à la moyenne.", True),
        ("Un post, unico nel suo giorno della settimana (meno di 3 post in quel giorno), è "
         "stato escluso dal test sui giorni: ogni giorno ha il suo scostamento, e un buon post "
         "passerebbe per un buon giorno. Conta comunque negli scostamenti dalla media.", True)]


def test_a_finding_of_hours_or_none_says_nothing_of_the_weekday_test():
    # the same record of one post left out of the weekday test, with a finding of hours (no
    # weekday result said) or of nothing: not said
    bt = best_times(_noise_with_a_viral_sunday(105), TZ, "instagram", seed=105, n_splits=4)
    for other in (dict(effect_detected=True), dict(best_days=None, avoid_days=None,
                                                    method={**bt.method, "days_differ": False})):
        quiet = dataclasses.replace(bt, **other)
        assert quiet.method["weekday_test_left_out"] == 1 and quiet.weekday_left_out == 0


def _days_only_on_monday(seed: int) -> pd.DataFrame:
    """30 noise posts dated to the day only (as YouTube's), each moved to the Monday of its
    week, but for the first on a Tuesday and the second on a Wednesday."""
    posts = simulate(seed, n_posts=30, weeks=12, evening_lift=1.0, day_precision=30)["posts"]
    day = posts["published_at"]             # the local day, at 00:00 UTC
    to_day = pd.Series(0, index=posts.index).where(posts.index >= 2, posts.index + 1)
    posts["published_at"] = day + pd.to_timedelta(to_day - day.dt.day_of_week, unit="D")
    return posts


def test_a_day_only_account_posting_one_weekday_is_told_why_its_days_are_not_compared():
    from types import SimpleNamespace

    from smmanalytics.report.formatting import Formatter
    from smmanalytics.report.watch import WatchSections

    # 28 posts on Mondays, 1 on a Tuesday, 1 on a Wednesday, none of known hour: one weekday
    # of 3 posts or more, so the weekday test has no days to compare, and the Tuesday and
    # Wednesday posts (2) are left out of it. It was told "too few posts, or too few sharing
    # a format, paid status, account and month"
    bt = best_times(_days_only_on_monday(4), TZ, "instagram", seed=1)
    assert bt.n_used == 0 and bt.n_excluded["day_precision"] == 30
    assert bt.by_weekday["n_posts"].tolist()[:3] == [28, 1, 1]
    assert bt.method["weekday_test"] == NO_DAYS_TESTED and bt.weekday_left_out == 2
    assert bt.summary.startswith(
        "The exports give no posting hours for these posts, so only weekdays are compared, "
        "but the weekday effect cannot be tested: fewer than two weekdays were posted 3 times "
        "or more; post when it suits the content")
    assert bt.summary.endswith(
        " 2 posts on weekdays posted fewer than 3 times were left out of the weekday test: "
        "each day has a lift of its own, so one good post would read as a good day. They "
        "still count in the lifts.")
    tails = [WatchSections._day_only_sentence(SimpleNamespace(fmt=Formatter(lang)), bt)
             .split(": the best hours to post cannot be told. ")[-1]
             .split(" : les meilleures heures")[-1].split(": non si possono")[-1]
             for lang in ("en", "fr", "it")]
    assert tails[0] == ("Weekdays cannot be compared either: fewer than two weekdays were "
                        "posted 3 times or more.")
    assert tails[1].endswith("Les jours de la semaine ne peuvent pas non plus être comparés : "
                             "moins de deux jours de la semaine ont reçu 3 publications ou plus.")
    assert tails[2].endswith("Nemmeno i giorni della settimana si possono confrontare: meno di "
                             "due giorni della settimana hanno 3 post o più.")


def test_a_day_only_test_that_its_lone_posts_left_unrunnable_says_so_in_each_language():
    # the weekday test could not be permuted once the posts alone on their weekday were left
    # out (TOO_FEW_LEFT): the reason said, not "too few posts, or too few sharing a format"
    from types import SimpleNamespace

    from smmanalytics.report.formatting import Formatter
    from smmanalytics.report.watch import WatchSections
    from smmanalytics.timing._estimate import TOO_FEW_LEFT

    bt = SimpleNamespace(n_excluded={"day_precision": 12},
                         method={"weekday_test": TOO_FEW_LEFT, "weekday_p_value": np.nan})
    said = [WatchSections._day_only_sentence(SimpleNamespace(fmt=Formatter(lang)), bt)
            for lang in ("en", "fr", "it")]
    assert said[0].endswith(
        "cannot be told. Weekdays cannot be compared either: once the posts on weekdays posted "
        "fewer than 3 times are left out of the test, too few of the rest share a format, paid "
        "status, account and month for their days to be compared with each other.")
    assert said[1].endswith(
        "Les jours de la semaine ne peuvent pas non plus être comparés : une fois laissées hors "
        "du test les publications des jours utilisés moins de 3 fois, trop peu des autres "
        "partagent format, statut sponsorisé, compte et mois pour que leurs jours soient "
        "comparés entre eux.")
    assert said[2].endswith(
        "Nemmeno i giorni della settimana si possono confrontare: esclusi dal test i post dei "
        "giorni usati meno di 3 volte, troppo pochi tra gli altri condividono formato, "
        "sponsorizzazione, account e mese perché i loro giorni si possano confrontare tra loro.")


def _week(n_posts: list[int], lift: list[float]) -> pd.DataFrame:
    """A ``by_weekday`` of the 7 days (Monday first): their posts and lifts, the intervals
    the lifts' halves and doubles."""
    lift = np.array(lift, dtype=float)
    return pd.DataFrame({"weekday": range(7), "n_posts": n_posts, "lift": lift,
                         "lift_low": lift / 2, "lift_high": lift * 2})


def test_the_best_day_is_the_nameable_day_of_the_highest_lift_or_none():
    nan = np.nan
    # Sunday's 1.5 is posted twice (under the test's 3): Tuesday and Thursday tie at 1.2,
    # the earlier is named
    week = _week([5, 5, 5, 5, 5, 5, 2], [1.0, 1.2, 0.9, 1.2, 0.8, 1.1, 1.5])
    assert int(best_day(week)["weekday"]) == 1
    # every day posted 3 times or more has no identified lift: none to name (was IndexError)
    assert best_day(_week([5, 5, 5, 5, 5, 5, 1], [nan] * 6 + [1.5])) is None


def test_a_weekday_difference_with_no_day_to_name_says_so_in_each_language():
    # the weekday test found a difference (p = 0.02 < 0.1) but no day tested has a lift:
    # said without a day, not "no reliable difference", and no IndexError
    from types import SimpleNamespace

    from smmanalytics.report.formatting import Formatter
    from smmanalytics.report.watch import WatchSections

    bt = SimpleNamespace(n_excluded={"day_precision": 12},
                         by_weekday=_week([3] * 7, [np.nan] * 7),
                         method={"weekday_test": "permutation", "weekday_p_value": 0.02})
    said = [WatchSections._day_only_sentence(SimpleNamespace(fmt=Formatter(lang)), bt)
            .split("stabilire. ")[-1].split("déterminées. ")[-1].split("be told. ")[-1]
            for lang in ("en", "fr", "it")]
    assert said == [
        "Weekdays compared: the day of the week matters (p = 0.02: gaps this large would turn "
        "up by chance alone about 2 times in 100), but no single day's lift can be measured "
        "from its posts.",
        "Jours de la semaine comparés : le jour de la semaine compte (p = 0,02 : des écarts "
        "aussi grands apparaîtraient par le seul hasard environ 2 fois sur 100), mais l'effet "
        "d'aucun jour ne peut être mesuré à partir de ses publications.",
        "Giorni della settimana a confronto: il giorno della settimana conta (p = 0,02: "
        "differenze così grandi comparirebbero per puro caso circa 2 volte su 100), ma "
        "l'effetto di nessun giorno si può misurare dai suoi post."]
