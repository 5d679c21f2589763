"""Net followers summed over several series (accounts of one platform, platforms of the
brand) that do not cover the same days, or a platform with none in the period, and the
comparison of a period whose export could not be read: what the figures and notes say."""

import datetime as dt
import zipfile
from dataclasses import replace as dataclasses_replace
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics._actuals import (
    actual,
    followers_absent_in,
    followers_absent_in_each,
    followers_gaps,
    known_days,
)
from smmanalytics.compare import compare
from smmanalytics.goals import read_goals, scorecard
from smmanalytics.report import Formatter

from ._roi_builders import daily, dataset

OCTOBER = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
#: the ten days of October both accounts' series cover
FIRST_TEN = list(pd.date_range("2026-10-01", "2026-10-10", freq="D"))


def _net_follows(platform, account, first, values):
    """Daily net follows of one account, ``values`` from the ISO day ``first`` on."""
    days = pd.date_range(first, periods=len(values), freq="D")
    return [{"platform": platform, "account_id": account, "date": str(d.date()),
             "metric": "net_follows", "value": float(v)} for d, v in zip(days, values, strict=True)]


def _two_instagram_accounts():
    """maisonseve: +1 a day from 1 to 30 October, 0 on the 31st (+30 over the month);
    maisonseve.pro: +1 a day from the 1st to the 5th, 0 to the 10th, where its series stops
    (+5 by then; it would have reached +12)."""
    return (_net_follows("instagram", "maisonseve", "2026-10-01", [1] * 30 + [0])
            + _net_follows("instagram", "maisonseve.pro", "2026-10-01", [1] * 5 + [0] * 5))


# ------------------------------------------------------------ (1) several accounts, one stops
def test_an_account_stopping_early_leaves_its_platform_s_days_unknown():
    """The platform summed the stopped account's missing days as 0: 30 + 5 = 35, every day
    known, nothing said. It is known on the days both accounts are, 1 to 10 October:
    maisonseve's 10 (1 a day) + maisonseve.pro's 5 = 15, and the note names the account."""
    ds = dataset(daily=daily(_two_instagram_accounts()))
    for platform in ("instagram", "all"):
        assert actual(ds, "followers_net", platform, *OCTOBER) == 15.0
        assert list(known_days(ds, "followers_net", platform, *OCTOBER)) == FIRST_TEN
        assert followers_gaps(ds, platform, *OCTOBER) == [
            "instagram account maisonseve.pro: followers_net known on 10 of 31 days "
            "(2026-10-01 to 2026-10-10)"]


def test_one_account_per_platform_keeps_the_platform_s_wording():
    """Facebook's one series (its account) stopping on the 10th beside Instagram's: the note
    names the platform, as before (no account to tell apart)."""
    rows = (_net_follows("instagram", "maisonseve", "2026-10-01", [1] * 31)
            + _net_follows("facebook", "maisonseve", "2026-10-01", [2] * 10))
    ds = dataset(daily=daily(rows))
    assert actual(ds, "followers_net", "all", *OCTOBER) == 30.0       # 10 × (1 + 2)
    assert followers_gaps(ds, "all", *OCTOBER) == [
        "facebook: followers_net known on 10 of 31 days (2026-10-01 to 2026-10-10)"]
    # one platform of one series: the total's own note says it all
    assert followers_gaps(ds, "facebook", *OCTOBER) == []


def test_the_scorecard_and_compare_name_the_account_whose_days_are_missing(tmp_path):
    """A goal of ≥ 30 on Instagram's net followers read 35, "met"; now 15 over the 10 days
    known, no status, the account named. compare's October (15 over 10 days) against
    September (the first account alone, +1 a day: 30) is per known day: 1.5 against 1.0."""
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: followers_net, platform: instagram, target: 30}\n")
    rows = (_net_follows("instagram", "maisonseve", "2026-09-01", [1] * 30)
            + _two_instagram_accounts())
    ds = dataset(daily=daily(rows), goals=read_goals(tmp_path / "goals.yaml"))
    row = scorecard(ds, "2026-10", asof="2026-11-05").iloc[0]
    assert row["actual"] == 15.0 and pd.isna(row["status"])
    assert ("instagram account maisonseve.pro: followers_net known on 10 of 31 days "
            "(2026-10-01 to 2026-10-10)") in row["note"]
    c = compare(ds, "2026-10", platform="instagram", model=False)
    fol = c.table.set_index("kpi").loc["followers_net"]
    assert (fol["current"], fol["previous"]) == (15.0, 30.0)
    assert (fol["days_current"], fol["days_previous"]) == (10, 30)
    assert fol["change_pct"] == 0.5                          # (15 / 10) / (30 / 30) − 1
    caveat = ("instagram account maisonseve.pro: followers_net known on 10 of 31 days of "
              "2026-10 (2026-10-01 to 2026-10-10).")
    assert caveat in c.caveats
    assert Formatter("fr").note(caveat) == (
        "Instagram, compte maisonseve.pro : Abonnés gagnés (net), chiffres connus 10 jours sur "
        "31 d'octobre 2026 seulement (du 1er au 10 octobre 2026).")
    assert Formatter("it").note(caveat) == (
        "Instagram, account maisonseve.pro: Nuovi follower (netti), dati noti per 10 giorni su "
        "31 di ottobre 2026 soltanto (dal 1° al 10 ottobre 2026).")


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _follower_history(folder, handle, first, differences):
    """TikTok's Followers zip of ``handle``, exported 2 November 2026 (epoch 1793606400): its
    FollowerHistory from ``first``, each day's difference (the first day's has no previous
    day: TikTok writes 0, read as unknown)."""
    days = pd.date_range(first, periods=len(differences), freq="D")
    total = 1000 + pd.Series(differences).cumsum()
    rows = ['"Date","Followers","Difference in followers from previous day"'] + [
        f'"{_MONTHS[d.month - 1]} {d.day}","{t}","{v}"'
        for d, t, v in zip(days, total, differences, strict=True)]
    with zipfile.ZipFile(folder / f"Followers_2026-11-02_1793606400_{handle}.zip", "w") as z:
        z.writestr("FollowerHistory.csv", b"\xef\xbb\xbf" + "\n".join(rows).encode())


def test_two_tiktok_accounts_exports_one_stopping_early(tmp_path):
    """The same two accounts as TikTok exports them (the handle in each zip's name), from 30
    September (its difference unknown) so that October's every day has one."""
    _follower_history(tmp_path, "maisonseve", "2026-09-30", [0] + [1] * 30 + [0])
    _follower_history(tmp_path, "maisonseve.pro", "2026-09-30", [0] + [1] * 5 + [0] * 5)
    ds = smm.load(tmp_path, cache=False)
    assert actual(ds, "followers_net", "tiktok", *OCTOBER) == 15.0
    assert list(known_days(ds, "followers_net", "tiktok", *OCTOBER)) == FIRST_TEN
    assert followers_gaps(ds, "all", *OCTOBER) == [
        "tiktok account maisonseve.pro: followers_net known on 10 of 31 days "
        "(2026-10-01 to 2026-10-10)"]


# ------------------------------------------ (2) a platform with no follower figure in the period
def _facebook_out_of_october(files=None):
    """Instagram +1 a day from 1 September to 31 October; Facebook +2 a day in September
    only (its October export failed to load, or gave no follower series)."""
    rows = (_net_follows("instagram", "maisonseve", "2026-09-01", [1] * 61)
            + _net_follows("facebook", "maisonseve", "2026-09-01", [2] * 30))
    return dataset(daily=daily(rows), **({"files": files} if files is not None else {}))


_FAILED = pd.DataFrame({
    "path": ["/b/facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv",
             "/b/facebook_follows_2026-08-01_2026-08-31_2026-09-02.csv"],
    "status": ["failed", "failed"], "platform": ["facebook", "facebook"],
    "covers_from": pd.to_datetime(["2026-10-01", "2026-08-01"]),
    "covers_to": pd.to_datetime(["2026-10-31", "2026-08-31"])})


def test_a_platform_without_follower_figures_in_the_period_is_named(tmp_path):
    """October's net followers of all platforms are Instagram's 31 (Facebook has none in
    October), against September's 30 + 2 × 30 = 90: the scorecard and compare read the
    brand's, nothing said of Facebook. Now they say Facebook is left out, and why: its
    export of October could not be read (named; August's failed export is not October's), or,
    without it, its exports of October give no follower figures."""
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: followers_net, platform: all, target: 100}\n")
    goals = read_goals(tmp_path / "goals.yaml")
    failed = dataclasses_replace(_facebook_out_of_october(_FAILED), goals=goals)
    row = scorecard(failed, "2026-10", asof="2026-11-05").iloc[0]
    assert row["actual"] == 31.0
    assert ("facebook left out: 1 export could not be read "
            "(facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv)") in row["note"]
    assert Formatter("it").note("facebook left out: 1 export could not be read "
                                "(facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv)") == (
        "Facebook escluso: 1 esportazione non è stata letta "
        "(facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv)")
    # Instagram's 31 alone is no brand's total: no status, as on days unknown (it read
    # "missed" against 100 though Facebook's 62 of October were unknown)
    assert pd.isna(row["status"])
    assert row["note"].endswith("the actual is the total of the other platforms: not assessed")
    assert Formatter("fr").note("the actual is the total of the other platforms: not "
                                "assessed") == ("la valeur indiquée est le total des autres "
                                                "plateformes seulement : objectif non évalué")
    # compare: October unknown, not Instagram's 31 against both platforms' 90 of September
    c = compare(failed, "2026-10", model=False)
    fol = c.table.set_index("kpi").loc["followers_net"]
    assert pd.isna(fol["current"]) and fol["previous"] == 90.0 and pd.isna(fol["change_pct"])
    assert fol["method"] == ("facebook left out: 1 export could not be read "
                             "(facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv)")
    assert not [x for x in c.caveats if x.startswith("Net followers of 2026-09")]
    caveat = ("Net followers of 2026-10 leave out facebook: 1 export could not be read "
              "(facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv).")
    assert Formatter("fr").note(caveat) == (
        "Les abonnés nets d'octobre 2026 laissent de côté Facebook : 1 export n'a pas pu être "
        "lu (facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv).")
    # no failed export: Facebook's follows stop with September. Its October is unknown all
    # the same, not 0: Instagram's 31 read "missed" against 100 as the brand's (s57GL). The
    # note says where Facebook's figures are (its 30 days of September)
    plain = dataclasses_replace(_facebook_out_of_october(), goals=goals)
    row = scorecard(plain, "2026-10", asof="2026-11-05").iloc[0]
    assert row["actual"] == 31.0 and pd.isna(row["status"])
    assert row["note"].split("; ") == [
        "facebook left out: its net follower change is known from 2026-09-01 to 2026-09-30, "
        "none of these days", "the actual is the total of the other platforms: not assessed"]
    assert Formatter("it").note(row["note"].split("; ")[0]) == (
        "Facebook escluso: la sua variazione netta dei follower è nota dal 1° al 30 settembre "
        "2026, nessuno di questi giorni")
    c = compare(plain, "2026-10", model=False)
    caveat = ("Net followers of 2026-10 leave out facebook: its exports of that period give no "
              "follower figures.")
    assert caveat in c.caveats
    assert Formatter("it").note(caveat) == (
        "I follower netti di ottobre 2026 escludono Facebook: le sue esportazioni di quel "
        "periodo non danno alcun dato sui follower.")
    # September, Facebook's month: nothing left out
    assert not [x for x in compare(plain, "2026-09", model=False).caveats
                if x.startswith("Net followers of")]


@pytest.mark.parametrize(("target", "direction"), [(10, "at_least"), (20, "at_most")])
def test_a_platform_absent_from_the_period_decides_neither_direction(tmp_path, target,
                                                                      direction):
    """s57GL: October's pooled total without Facebook (its follows stop with September, no
    export failed) is Instagram's 31 (1 a day). It passes a minimum of 10 and exceeds a
    maximum of 20, yet Facebook's October may have been a loss of 22 or more (then below
    10) or of 11 or more (then within 20): a net change can fall as well as rise, so neither
    is judged, where a total of posts the missing days can only add to is."""
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: followers_net, platform: all, "
        f"target: {target}, direction: {direction}}}\n")
    goals = read_goals(tmp_path / "goals.yaml")
    ds = dataclasses_replace(_facebook_out_of_october(), goals=goals)
    row = scorecard(ds, "2026-10", asof="2026-11-05").iloc[0]
    assert row["actual"] == 31.0
    assert pd.isna(row["status"])
    assert row["note"].endswith("the actual is the total of the other platforms: not assessed")


def _facebook_follows_unread(covers_from):
    """Instagram +1 a day from 1 September to 31 October; Facebook's page views (10 a day,
    no follower figure) over the same days, and +2 follows a day in September when its one
    follows export of October could not be read (``covers_from`` 2026-10-01), none when
    its one follows export of September 2025 to October 2026 could not be read."""
    split = covers_from == "2026-10-01"
    rows = (_net_follows("instagram", "maisonseve", "2026-09-01", [1] * 61)
            + [dict(r, metric="page_views", value=10.0)
               for r in _net_follows("facebook", "maisonseve", "2026-09-01", [0] * 61)]
            + (_net_follows("facebook", "maisonseve", "2026-09-01", [2] * 30) if split else []))
    failed = pd.DataFrame({
        "path": [f"/b/facebook_follows_{covers_from}_2026-10-31_2026-11-01.csv"],
        "status": ["failed"], "platform": ["facebook"], "kind": ["daily"],
        "covers_from": pd.to_datetime([covers_from]),
        "covers_to": pd.to_datetime(["2026-10-31"])})
    return dataset(daily=daily(rows), files=failed)


@pytest.mark.parametrize("covers_from", ["2025-09-01", "2026-10-01"])
def test_an_unread_follows_export_decides_no_goal_however_the_files_split(tmp_path,
                                                                            covers_from):
    """s56RV: Facebook's only follows export unreadable read "missed" (−178) in October and
    "met" (1,145) in September, while its October export alone unreadable read "not
    assessed". Instagram's 31 of October (1 a day) against 100 and its 30 of September
    against 20 are no brand's total either way: Facebook's follows are unknown in October,
    and in September too when its one export is the unread one; with September's Facebook
    file read, September's 30 + 2 × 30 = 90 is the brand's and meets 20."""
    def with_target(target):
        path = tmp_path / f"goals_{target}.yaml"
        path.write_text(f"goals:\n  - {{metric: followers_net, platform: all, target: {target}}}\n")
        return dataclasses_replace(_facebook_follows_unread(covers_from), goals=read_goals(path))

    october = scorecard(with_target(100), "2026-10", asof="2026-11-05").iloc[0]
    assert october["actual"] == 31.0
    assert pd.isna(october["status"])
    assert october["note"].endswith(
        "the actual is the total of the other platforms: not assessed")
    september = scorecard(with_target(20), "2026-09", asof="2026-11-05").iloc[0]
    if covers_from == "2026-10-01":
        assert september["actual"] == 90.0 and september["status"] == "met"
    else:
        assert september["actual"] == 30.0 and pd.isna(september["status"])
        assert september["note"].split("; ") == [
            "facebook left out: its exports give no follower figures in the files that could "
            "be read", "the actual is the total of the other platforms: not assessed"]


def test_the_absent_platforms_of_several_spans_are_each_spans_own():
    """compare asks for both its periods at once: each answer is the one span's. Facebook has
    follows in September only and its October export failed (_FAILED: August's failed too);
    Instagram has every day: October leaves Facebook out, naming October's file only,
    September nothing, and 20 September to 10 October has Facebook's September days."""
    ds = _facebook_out_of_october(_FAILED)
    spans = [OCTOBER, (dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
             (dt.date(2026, 9, 20), dt.date(2026, 10, 10))]
    october = {"facebook": ["/b/facebook_follows_2026-10-01_2026-10-31_2026-11-02.csv"]}
    assert followers_absent_in_each(ds, "all", spans) == [october, {}, {}]
    assert followers_absent_in_each(ds, "all", spans) == [followers_absent_in(ds, "all", *s)
                                                          for s in spans]
    assert followers_absent_in_each(ds, "instagram", spans) == [{}, {}, {}]


def _x_overview(path, first, days, follows, unfollows):
    """X's account overview: a day a line from ``first``, its new follows and unfollows."""
    lines = ["Date,Impressions,New follows,Unfollows"] + [
        f'"{d:%a, %b} {d.day}, {d.year}",100,{follows},{unfollows}'
        for d in pd.date_range(first, periods=days, freq="D")]
    path.write_text("\n".join(lines) + "\n")


def test_a_broken_export_of_the_period_is_named_from_a_folder(tmp_path):
    """X's overview of September is read (3 follows − 1 unfollow a day); October's has a
    broken number and could not be read. TikTok's FollowerHistory runs on (+1 a day). October's
    brand net followers were TikTok's 31, X left out: unknown now, against September's
    30 + 30 × 2 = 90, X's file named as the quality log names it."""
    _x_overview(tmp_path / "account_overview_analytics_2026-09-30.csv", "2026-09-01", 30, 3, 1)
    _x_overview(tmp_path / "account_overview_analytics_2026-10-31.csv", "2026-10-01", 31,
                "lots", 1)
    _follower_history(tmp_path, "maisonseve", "2026-08-31", [0] + [1] * 61)
    with pytest.warns(smm.DataQualityWarning, match="1 file could not be read"):
        ds = smm.load(tmp_path, cache=False)
    assert "account_overview_analytics_2026-10-31.csv" in set(
        ds.files.loc[ds.files["status"] == "failed", "path"].map(lambda p: p.rsplit("/", 1)[-1]))
    c = compare(ds, "2026-10", model=False)
    fol = c.table.set_index("kpi").loc["followers_net"]
    assert pd.isna(fol["current"]) and fol["previous"] == 30.0 + 30 * 2
    assert fol["method"] == ("x left out: 1 export could not be read "
                             "(account_overview_analytics_2026-10-31.csv)")
    # the "–" had its reason in the method alone: a caveat says it too, in every language
    caveat = ("Net followers of 2026-10 unknown, not 0: 1 export could not be read "
              "(account_overview_analytics_2026-10-31.csv).")
    assert c.caveats.count(caveat) == 1
    assert not [x for x in c.caveats if x.startswith("Net followers of 2026-09")]
    for lang, said in (
            ("en", "Net followers of October 2026 unknown, not 0: 1 export could not be read "
                   "(account_overview_analytics_2026-10-31.csv)."),
            ("fr", "Abonnés nets d'octobre 2026 inconnus, et non 0 : 1 export n'a pas pu être "
                   "lu (account_overview_analytics_2026-10-31.csv)."),
            ("it", "Follower netti di ottobre 2026 sconosciuti, non 0: 1 esportazione non è "
                   "stata letta (account_overview_analytics_2026-10-31.csv).")):
        assert Formatter(lang).note(caveat) == said


# ----------------------------------------------- (3) a period whose posts export failed to load
def test_a_period_whose_export_failed_is_not_said_to_have_0_posts():
    """August's 10 Instagram posts and October's 12 are read; September's export could not be
    read. compare's caveat read "Fewer than 10 posts in a period (0 in 2026-09, 10 in
    2026-08)", though September's count is unknown, and its unknown rows said nothing of the
    export. Now the caveat names the file and the rows say why."""
    from ._roi_builders import posts

    read = [{"platform": "instagram", "post_id": f"{month}-{k}",
             "published_at": f"2026-{month:02d}-{k + 1:02d}T09:00:00Z", "reactions": 20.0,
             "reach": 400.0, "content_type": "image"}
            for month, n in ((8, 10), (10, 12)) for k in range(n)]
    files = pd.DataFrame({"path": ["/b/instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv"],
                          "status": ["failed"], "platform": ["instagram"],
                          "covers_from": pd.to_datetime(["2026-09-01"]),
                          "covers_to": pd.to_datetime(["2026-09-30"])})
    ds = dataset(posts=posts(read), files=files)
    c = compare(ds, "2026-09", platform="instagram", model=False)
    caveat = ("Posts of 2026-09 unknown, not 0: 1 export could not be read "
              "(instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv).")
    assert caveat in c.caveats
    assert not [x for x in c.caveats if x.startswith("Fewer than")]
    t = c.table.set_index("kpi")
    assert pd.isna(t.loc["posts", "current"]) and t.loc["posts", "previous"] == 10
    assert t.loc["posts", "method"] == (
        "posts unknown: 1 export could not be read "
        "(instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv)")
    assert Formatter("fr").note(caveat) == (
        "Publications de septembre 2026 inconnues, et non 0 : 1 export n'a pas pu être lu "
        "(instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv).")
    assert Formatter("it").note(caveat) == (
        "Post di settembre 2026 sconosciuti, non 0: 1 esportazione non è stata letta "
        "(instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv).")
    # the same posts without the failed export: September has 0 posts, said as before
    c = compare(dataset(posts=ds.posts), "2026-09", platform="instagram", model=False)
    assert ("Fewer than 10 posts in a period (0 in 2026-09, 10 in 2026-08): post KPIs show the "
            "direction only, without significance.") in c.caveats


@pytest.mark.parametrize("covers", [
    ("2026-09-01", "2026-09-30"),   # its days, from its name, are not August 2025's
    (None, None),                   # days unknown, but the data do not cover August 2025
])
def test_a_failed_export_is_blamed_only_for_the_days_it_may_hold(covers):
    """brand2: September 2025 compared with August 2025, before the data start (1 September),
    said "Posts of 2025-08 unknown, not 0: 1 export could not be read
    (facebook_posts_2026-09-01_2026-09-30_2026-10-02.csv)", a file of a year later."""
    from ._roi_builders import posts

    read = [{"platform": "instagram", "post_id": str(k),
             "published_at": f"2025-09-{k + 1:02d}T09:00:00Z", "reactions": 20.0}
            for k in range(10)]
    path = "/b/instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv"
    files = pd.DataFrame({"path": [path], "status": ["failed"], "platform": ["instagram"],
                          "covers_from": pd.to_datetime([covers[0]]),
                          "covers_to": pd.to_datetime([covers[1]])})
    c = compare(dataset(posts=posts(read), files=files), "2025-09", platform="instagram",
                model=False)
    assert not [x for x in c.caveats if x.startswith("Posts of")]
    t = c.table.set_index("kpi")
    assert t.loc["posts", "current"] == 10 and pd.isna(t.loc["posts", "previous"])
    assert t.loc["posts", "method"] == "previous period not covered by the data"


def test_a_failed_export_whose_days_reach_the_period_is_named_even_before_the_data():
    """The same August 2025, before the data start, with an export of August 2025 that could
    not be read: it is named, the one reason given by a file for the month."""
    from ._roi_builders import posts

    read = [{"platform": "instagram", "post_id": str(k),
             "published_at": f"2025-09-{k + 1:02d}T09:00:00Z", "reactions": 20.0}
            for k in range(10)]
    files = pd.DataFrame({
        "path": ["/b/instagram_posts_2025-08-01_2025-08-31_2025-09-02.csv",
                 "/b/instagram_posts_2026-09-01_2026-09-30_2026-10-02.csv"],
        "status": ["failed", "failed"], "platform": ["instagram", "instagram"],
        "covers_from": pd.to_datetime(["2025-08-01", "2026-09-01"]),
        "covers_to": pd.to_datetime(["2025-08-31", "2026-09-30"])})
    c = compare(dataset(posts=posts(read), files=files), "2025-09", platform="instagram",
                model=False)
    assert ("Posts of 2025-08 unknown, not 0: 1 export could not be read "
            "(instagram_posts_2025-08-01_2025-08-31_2025-09-02.csv).") in c.caveats

def _x_content(path, month, n, broken=False):
    """X's content export of 2026-``month``: ``n`` posts, one a day at 09:00 UTC (ids of
    those times: X's ids carry them), 100 impressions; ``broken``: a count not a number."""
    lines = ["Post id,Date,Post text,Post Link,Impressions,Likes,Engagements"]
    for k in range(n):
        when = pd.Timestamp(f"2026-{month:02d}-{k + 1:02d}T09:00:00Z")
        post_id = (int(when.timestamp() * 1000) - 1288834974657) << 22
        likes = "many" if broken and k == 0 else "5"
        lines.append(f'{post_id},"{when:%a, %b} {when.day}, {when.year}",Post {k},'
                     f"https://x.com/maisonseve/status/{post_id},100,{likes},8")
    path.write_text("\n".join(lines) + "\n")


def test_a_folder_whose_september_export_is_broken(tmp_path):
    """X's content exports of August (12 posts) and October (12) are read; September's has a
    broken count. compare of September against August: its posts unknown, the file named."""
    _x_content(tmp_path / "account_analytics_content_2026-08-01_2026-08-31.csv", 8, 12)
    _x_content(tmp_path / "account_analytics_content_2026-09-01_2026-09-30.csv", 9, 12,
               broken=True)
    _x_content(tmp_path / "account_analytics_content_2026-10-01_2026-10-31.csv", 10, 12)
    with pytest.warns(smm.DataQualityWarning, match="1 file could not be read"):
        ds = smm.load(tmp_path, cache=False)
    c = compare(ds, "2026-09", model=False)
    assert ("Posts of 2026-09 unknown, not 0: 1 export could not be read "
            "(account_analytics_content_2026-09-01_2026-09-30.csv).") in c.caveats
    assert not [x for x in c.caveats if x.startswith("Fewer than")]
    t = c.table.set_index("kpi")
    assert pd.isna(t.loc["posts", "current"]) and t.loc["posts", "previous"] == 12
    # October against September: the previous side is the unknown one
    c = compare(ds, "2026-10", model=False)
    assert ("Posts of 2026-09 unknown, not 0: 1 export could not be read "
            "(account_analytics_content_2026-09-01_2026-09-30.csv).") in c.caveats
    assert c.table.set_index("kpi").loc["posts", "current"] == 12


# ------------------------------------------ (3) the first day of a TikTok FollowerHistory
def _history_exported(folder, first, differences, epoch):
    """A FollowerHistory of maisonseve from ``first``, in a zip whose name dates its export
    (``epoch``); the first difference written 0, as TikTok writes it."""
    folder.mkdir()
    days = pd.date_range(first, periods=len(differences), freq="D")
    total = 1000 + pd.Series(differences).cumsum()
    rows = ['"Date","Followers","Difference in followers from previous day"'] + [
        f'"{_MONTHS[d.month - 1]} {d.day}","{t}","{v}"'
        for d, t, v in zip(days, total, differences, strict=True)]
    name = f"Followers_{pd.Timestamp(epoch, unit='s'):%Y-%m-%d}_{epoch}_maisonseve.zip"
    with zipfile.ZipFile(folder / name, "w") as z:
        z.writestr("FollowerHistory.csv", b"\xef\xbb\xbf" + "\n".join(rows).encode())


SEPTEMBER = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


def test_a_newer_history_s_unknown_first_day_leaves_an_older_export_s_figure(tmp_path):
    """Export A (1 October 09:00 UTC, epoch 1790845200) covers 1-30 September at +5 a day;
    export B (11 October, epoch 1791709200) covers 20 September - 10 October at +5 a day, its
    first day written 0. B's 20 September is unknown (no day before it in B): A's +5 for it
    is kept, not B's unknown counted as 0 (September read 140)."""
    _history_exported(tmp_path / "a", "2026-09-01", [0] + [5] * 29, 1790845200)
    _history_exported(tmp_path / "b", "2026-09-20", [0] + [5] * 20, 1791709200)
    ds = smm.load(tmp_path, cache=False)
    net = ds.daily[ds.daily["metric"] == "net_follows"].set_index("date")
    assert net.loc["2026-09-20", "value"] == 5
    assert "/a/Followers_2026-10-01" in net.loc["2026-09-20", "source_file"]
    # 2-30 September: 29 days of +5 = 145; 1 September, A's own first day, is unknown
    assert actual(ds, "followers_net", "tiktok", *SEPTEMBER) == 145.0
    assert list(known_days(ds, "followers_net", "tiktok", *SEPTEMBER)) == list(
        pd.date_range("2026-09-02", "2026-09-30", freq="D"))
    # October: B's 1-10 October, 10 × 5
    assert actual(ds, "followers_net", "tiktok", *OCTOBER) == 50.0
    note = ds.quality[ds.quality["code"] == "unknown_known_elsewhere"]
    assert note["file"].str.endswith("/b/Followers_2026-10-11_1791709200_maisonseve.zip"
                                     "!FollowerHistory.csv").tolist() == [True]
    assert note["rows"].tolist() == [1] and "2026-09-20" in note["message"].item()
    assert "/a/Followers_2026-10-01" in note["message"].item()
    # A's 21 days also in B (21-30 September), 20 September no longer among them
    merged = ds.quality[ds.quality["code"] == "snapshot_merged"]
    assert merged["rows"].tolist() == [2 * 10 + 1]      # followers_total 20-30, net 21-30


def test_the_first_day_of_a_lone_history_is_unknown_not_0(tmp_path):
    """One export, from 1 November: its first difference (written 0) is unknown, and
    November is known on 2-30 November only, summing 29 × 2 = 58."""
    _history_exported(tmp_path / "a", "2025-11-01", [0] + [2] * 29, 1764579600)
    ds = smm.load(tmp_path, cache=False)
    november = (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    assert actual(ds, "followers_net", "tiktok", *november) == 58.0
    assert list(known_days(ds, "followers_net", "tiktok", *november)) == list(
        pd.date_range("2025-11-02", "2025-11-30", freq="D"))
    assert "unknown_known_elsewhere" not in set(ds.quality["code"])


# ------------------------------------- (4) a series that starts inside the period (s51K)
#: Q4 2025, the quarter TikTok's follower history starts in
Q4_2025 = (dt.date(2025, 10, 1), dt.date(2025, 12, 31))


def _instagram_then_tiktok():
    """Instagram +1 a day from 1 September to 31 December 2025 (122 days); TikTok's history
    from 1 November, its first day's difference unknown (NaN, as the load leaves it), then +2
    a day to 31 December (2 November on: 60 days)."""
    rows = _net_follows("instagram", "maisonseve", "2025-09-01", [1] * 122)
    tiktok = _net_follows("tiktok", "maisonseve", "2025-11-01", [0] + [2] * 60)
    tiktok[0]["value"] = float("nan")
    return dataset(daily=daily(rows + tiktok))


def test_a_series_starting_inside_the_period_leaves_the_others_days_known():
    """TikTok's history starting on 1 November made the brand's October unknown: Q4 2025
    summed 2 November - 31 December only (60 × 1 + 60 × 2 = 180), "known on 60 of 92 days".
    Each series counts from its first known day: Instagram's 92 + TikTok's 60 × 2 = 212, over
    all 92 days, and the note names TikTok's 60."""
    ds = _instagram_then_tiktok()
    assert actual(ds, "followers_net", "all", *Q4_2025) == 212.0
    assert known_days(ds, "followers_net", "all", *Q4_2025) is None        # all 92 known
    assert followers_gaps(ds, "all", *Q4_2025) == [
        "tiktok: followers_net known on 60 of 92 days (2025-11-02 to 2025-12-31)"]
    # October: Instagram's 31 (TikTok not started); November: 30 + 29 × 2 = 88 (1 November
    # is before TikTok's first known day, as October is); TikTok alone: its own 60 days
    assert actual(ds, "followers_net", "all", dt.date(2025, 10, 1), dt.date(2025, 10, 31)) == 31
    assert actual(ds, "followers_net", "all", dt.date(2025, 11, 1), dt.date(2025, 11, 30)) == 88
    assert actual(ds, "followers_net", "tiktok", *Q4_2025) == 120.0
    assert len(known_days(ds, "followers_net", "tiktok", *Q4_2025)) == 60
    # before any series starts, the brand's figure is unknown, not 0
    assert pd.isna(actual(ds, "followers_net", "all", dt.date(2025, 8, 1),
                          dt.date(2025, 8, 31)))


def test_a_year_s_net_followers_are_its_months_and_its_platforms_totals():
    """2025: the months Sep 30, Oct 31, Nov 88, Dec 31 + 31 × 2 = 93 add to 242, which is
    Instagram's 122 + TikTok's 120: one figure whichever way it is cut (it read 180 for
    the year, the months' goal record 242)."""
    ds = _instagram_then_tiktok()
    months = [actual(ds, "followers_net", "all", m.start_time.date(), m.end_time.date())
              for m in pd.period_range("2025-09", "2025-12", freq="M")]
    assert months == [30.0, 31.0, 88.0, 93.0]
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert actual(ds, "followers_net", "all", *year) == sum(months) == 122 + 120
    assert actual(ds, "followers_net", "instagram", *year) == 122.0
    assert actual(ds, "followers_net", "tiktok", *year) == 120.0


def test_compare_gives_its_periods_totals_and_the_like_for_like_change():
    """Instagram +1 a day in September 2025, +2 from October; TikTok from 1 November as
    above. Q4 2025 (92 days): Instagram 92 × 2 = 184 + TikTok 60 × 2 = 120 = 304; Q3 2025,
    covered from 1 September (30 days): 30, without TikTok. The row keeps the periods' own
    totals (304 / 92 = 3.30 against 1.00 a day: +230.4 %); the caveats say TikTok is left
    out of Q3, and the change of the platforms known in both: Instagram's 184 / 92 = 2.00
    against 30 / 30 = 1.00 a day, +100.0 %. The brand's total is no longer "known on 60 of
    92 days"."""
    rows = _net_follows("instagram", "maisonseve", "2025-09-01", [1] * 30 + [2] * 92)
    tiktok = _net_follows("tiktok", "maisonseve", "2025-11-01", [0] + [2] * 60)
    tiktok[0]["value"] = float("nan")
    c = compare(dataset(daily=daily(rows + tiktok)), "2025-Q4", model=False)
    row = c.table.set_index("kpi").loc["followers_net"]
    assert (row["current"], row["previous"]) == (304.0, 30.0)
    assert row["change_pct"] == pytest.approx(304 / 92 - 1)
    assert (row["days_current"], row["days_previous"]) == (92, 30)
    assert "Net followers of 2025-Q3 leave out tiktok: its exports of that period give no " \
           "follower figures." in c.caveats
    assert ("Like for like, without tiktok: 184 net followers in 2025-Q4 against 30 in "
            "2025-Q3, +100.0% a day.") in c.caveats
    assert "tiktok: followers_net known on 60 of 92 days of 2025-Q4 (2025-11-02 to " \
           "2025-12-31)." in c.caveats
    assert not [x for x in c.caveats if x.startswith("followers_net known on")]
    # the same platforms in both periods: nothing more to say
    c = compare(dataset(daily=daily(rows + tiktok)), "2025-12", model=False)
    assert not [x for x in c.caveats if x.startswith("Like for like")]


def test_the_reviewer_s_folder_in_small_gives_one_total_everywhere(tmp_path):
    """Two exports, as the reviewer's minimal folder: Instagram's follows file (Meta's UTF-16
    CSV) of 1 September - 31 December 2025, +3 a day but -1 on 15 October (a net change:
    read as net_follows); TikTok's FollowerHistory from 1 November, exported 1 January 2026
    09:00 UTC (epoch 1767258000), +2 a day after its unknown first day.
    By hand: Instagram Sep 90, Oct 30 × 3 - 1 = 89, Nov 90, Dec 93; TikTok Nov 29 × 2 = 58,
    Dec 62. Q4 2025 = 89 + (90 + 58) + (93 + 62) = 392 (it read 300: 2 November on only),
    and the goal record's months 89, 148, 155 add to it."""
    days = pd.date_range("2025-09-01", "2025-12-31", freq="D")
    body = "".join(f'"{d:%Y-%m-%d}T00:00:00","{-1 if d == pd.Timestamp("2025-10-15") else 3}"\n'
                   for d in days)
    (tmp_path / "instagram_follows_2025-09-01_2025-12-31_2026-01-01.csv").write_text(
        f'sep=,\n"Instagram follows"\n"Date","Primary"\n{body}', encoding="utf-16")
    _history_exported(tmp_path / "tiktok", "2025-11-01", [0] + [2] * 60, 1767258000)
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: followers_net, period: month, target: 100}\n")
    ds = smm.load(tmp_path, cache=False)
    assert actual(ds, "followers_net", "all", *Q4_2025) == 392.0
    assert actual(ds, "followers_net", "instagram", *Q4_2025) == 89 + 90 + 93
    assert actual(ds, "followers_net", "tiktok", *Q4_2025) == 58 + 62
    record = smm.goal_record(ds, "2025-Q4", asof="2025-12-31")      # goals.yaml's goal
    assert record["actual"].tolist() == [89.0, 148.0, 155.0]
    # against 100: October's 89 is Instagram's alone, TikTok's October unknown (its history
    # starts on 1 November), November's 148 lacks TikTok's first day; either may have been a
    # fall or a rise, so neither is judged (s57GL: they read "missed" and "met")
    assert record["status"].isna().tolist() == [True, True, False]
    assert record["status"].iloc[2] == "met"
    # TikTok's history has followers from 1 November, its net change from the 2nd (the 1st's
    # is unknown): the note names the change's days, not the figures' (s57DAF)
    tiktok, last = record["note"].iloc[0].split("; ")[-2:]
    assert [tiktok, last] == [
        "tiktok left out: its net follower change is known from 2025-11-02 to 2025-12-31, "
        "none of these days", "the actual is the total of the other platforms: not assessed"]
    assert [Formatter(lang).note(tiktok) for lang in ("fr", "it")] == [
        "TikTok laissé de côté : sa variation nette d'abonnés est connue du 2 novembre au "
        "31 décembre 2025, aucun de ces jours",
        "TikTok escluso: la sua variazione netta dei follower è nota dal 2 novembre al "
        "31 dicembre 2025, nessuno di questi giorni"]
    assert record["note"].iloc[1].split("; ")[-1] == (
        "the actual leaves out the days before a platform's follower figures start: "
        "not assessed")
    c = compare(ds, "2025-Q4", model=False)
    row = c.table.set_index("kpi").loc["followers_net"]
    assert (row["current"], row["previous"]) == (392.0, 90.0)
    # Instagram alone: 272 / 92 = 2.957 against 90 / 30 = 3.000 a day: -1.4 %
    caveat = ("Like for like, without tiktok: 272 net followers in 2025-Q4 against 90 in "
              "2025-Q3, -1.4% a day.")
    assert caveat in c.caveats
    assert Formatter("fr").note(caveat) == (
        "À périmètre égal, sans TikTok : 272 abonnés nets au T4 2025 contre 90 au T3 2025, "
        "soit -1,4\xa0% par jour.")                      # French: a no-break space
    assert Formatter("it").note(caveat) == (
        "A parità di perimetro, senza TikTok: 272 follower netti nel 4° trimestre 2025 contro "
        "90 nel 3° trimestre 2025, -1,4% al giorno.")


SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample brand is generated on another branch")
def test_the_sample_s_q4_2025_counts_october_and_compares_like_for_like():
    """The sample's month sums of its follower files (read off ds.daily; X: follows −
    unfollows; LinkedIn counts new followers only: left out; YouTube's Subscribers export's
    Totals.csv, summed by month: 35, 53, 36, 61, counted since s58SY):
    Sep 2025 Facebook 67 + Instagram 384 + X (103 − 61) + YouTube 35 = 528;
    Oct 94 + 473 + (82 − 65) + 53 = 637; Nov 80 + 454 + (69 − 55) + 36 = 584, + TikTok 406
    = 990; Dec 89 + 459 + (109 − 50) + 61 = 668, + TikTok 405 = 1,073. TikTok's history
    starts on 1 November (its first day unknown). Q4 2025 = 637 + 990 + 1,073 = 2,700 (it
    read 1,959, October gone); like for like against Q3 (covered from 1 September, 30 days):
    the others' 637 + 584 + 668 = 1,889 over 92 days against 528 over 30, +16.7 % a day
    (the row's 2,700 / 92 against 528 / 30: +66.7 %)."""
    ds = smm.load(SAMPLE)
    months = [actual(ds, "followers_net", "all", m.start_time.date(), m.end_time.date())
              for m in pd.period_range("2025-09", "2025-12", freq="M")]
    assert months == [528.0, 637.0, 990.0, 1073.0]
    assert actual(ds, "followers_net", "all", *Q4_2025) == 2700.0
    assert known_days(ds, "followers_net", "all", *Q4_2025) is None
    c = compare(ds, "2025-Q4", model=False)
    row = c.table.set_index("kpi").loc["followers_net"]
    assert (row["current"], row["previous"]) == (2700.0, 528.0)
    assert row["change_pct"] == pytest.approx((2700 / 92) / (528 / 30) - 1)     # +66.7 %
    assert ("Like for like, without tiktok: 1,889 net followers in 2025-Q4 against 528 in "
            "2025-Q3, +16.7% a day.") in c.caveats                # (1889/92)/(528/30) − 1
    assert "tiktok: followers_net known on 60 of 92 days of 2025-Q4 (2025-11-02 to " \
           "2025-12-31)." in c.caveats
