"""Net followers summed over several series (accounts of one platform, platforms of the
brand) that do not cover the same days, or a platform with none in the period, and the
comparison of a period whose export could not be read: what the figures and notes say."""

import datetime as dt
import zipfile

import pandas as pd

import smmanalytics as smm
from smmanalytics._actuals import actual, followers_gaps, known_days
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
        "31 d'octobre 2026 seulement (du 1er octobre 2026 au 10 octobre 2026).")
    assert Formatter("it").note(caveat) == (
        "Instagram, account maisonseve.pro: Nuovi follower (netti), dati noti per 10 giorni su "
        "31 di ottobre 2026 soltanto (dal 1° ottobre 2026 al 10 ottobre 2026).")


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
