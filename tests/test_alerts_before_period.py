"""An incident begun before a report's period names the signals of its earlier days (s55R5:
a September incident begun on 31 August read "crisis" beside its one September signal)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smmanalytics import schema
from smmanalytics.alerts import incidents, review
from smmanalytics.brand import Brand
from smmanalytics.dataset import Dataset
from smmanalytics.errors import ArgumentTypeError


def _begun_in_august(lang: str = "en") -> Dataset:
    """A Facebook post a day (10:00 UTC, brand in Paris) from 1 June to 30 September 2026,
    reach 1,000, comments 4 and 6 and negative feedback 1 and 2 on alternate days; 100
    comments on Monday 31 August (reach as usual), 40 hides on Tuesday 1 September."""
    days = pd.date_range("2026-06-01", "2026-09-30")
    comments = np.resize([4.0, 6.0], len(days))
    hides = np.resize([1.0, 2.0], len(days))
    comments[days.get_loc(pd.Timestamp("2026-08-31"))] = 100.0
    hides[days.get_loc(pd.Timestamp("2026-09-01"))] = 40.0
    posts = pd.DataFrame({
        "platform": "facebook", "post_id": [str(i) for i in range(len(days))],
        "published_at": (days + pd.Timedelta(hours=10)).tz_localize("UTC"),
        "reach": 1000.0, "comments": comments, "negative_feedback": hides})
    return Dataset(posts=schema.conform(posts, "posts"),
                   brand=Brand(timezone="Europe/Paris", language=lang))


def test_a_period_incident_names_the_signals_of_its_days_before_the_period():
    """The 8 Mondays before 31 August hold four 4s and four 6s (a week is 7 days: a
    weekday's count alternates), so the usual comments are (40 + 0.5) / 8 = 5.0625 and the
    rate (40 + 0.5) / 8,000 = 0.50625 %: 100 comments on 1,000 reach fire both. The hides'
    8 Tuesdays hold four 1s and four 2s: (12 + 0.5) / 8 = 1.5625, and 40 alert, as does
    their rate (12 + 0.5) / 8,000 = 0.15625 %. 31 August - 1 September is one span: the
    ratio with another signal's volume, a crisis. September's alerts are the hides and
    their rate; the comments and their rate alerted on 31 August only."""
    watch = review(_begun_in_august(), "2026-09")
    assert watch.alerts["signal"].tolist() == ["negative_feedback",
                                               "negative_feedback_per_reach"]
    assert watch.alerts["baseline"].tolist() == [pytest.approx(1.5625),
                                                 pytest.approx(0.0015625)]
    early = watch.earlier.sort_values("signal")
    assert early["date"].tolist() == [pd.Timestamp("2026-08-31")] * 2
    assert early["signal"].tolist() == ["comments", "comments_per_reach"]
    assert early["baseline"].tolist() == [pytest.approx(5.0625), pytest.approx(0.0050625)]
    inc = incidents(watch.alerts, earlier=watch.earlier)
    assert inc.loc[0, "severity"] == "crisis" and bool(inc.loc[0, "began_before"])
    assert inc.loc[0, "signals"] == "negative_feedback, negative_feedback_per_reach"
    assert inc.loc[0, "signals_before"] == "comments, comments_per_reach"
    # one family, counted once: said of the incident though neither is September's
    assert inc.loc[0, "seen_twice"] == ("comments, comments_per_reach; negative_feedback, "
                                        "negative_feedback_per_reach")
    assert inc.loc[0, "alerts"] == 2            # the rows given
    # the period's rows alone: as before, no earlier signal
    assert incidents(watch.alerts).loc[0, "signals_before"] == ""
    # the whole history: nothing is before it
    assert review(_begun_in_august()).earlier is None


def test_earlier_signals_by_hand():
    """Incident 7's September row is X's net drop; before it, 30 August's Facebook comments
    and rate and X's net drop of 31 August (a signal September has: not said again); an
    alert of incident 6 (28 August) is no part of it. The platforms hold the earlier ones."""
    sept = pd.DataFrame({"date": [pd.Timestamp("2026-09-01")], "platform": ["x"],
                         "signal": ["net_followers"], "incident_id": [7],
                         "incident_severity": ["crisis"],
                         "incident_start": [pd.Timestamp("2026-08-30")]})
    earlier = pd.DataFrame({
        "date": pd.to_datetime(["2026-08-28", "2026-08-30", "2026-08-30", "2026-08-31"]),
        "platform": ["instagram", "facebook", "facebook", "x"],
        "signal": ["unfollows", "comments", "comments_per_reach", "net_followers"],
        "incident_id": [6, 7, 7, 7]})
    inc = incidents(sept, earlier=earlier)
    assert inc[["signals", "signals_before", "seen_twice", "platforms"]].iloc[0].tolist() == [
        "net_followers", "comments, comments_per_reach", "comments, comments_per_reach",
        "facebook, x"]
    with pytest.raises(ArgumentTypeError, match="earlier"):
        incidents(sept, earlier=earlier.to_dict())


@pytest.mark.parametrize("lang,signals", [
    ("en", "negative feedback, negative feedback per reach; comments, comments per reach "
           "(from 31 Aug, before this period)"),
    ("fr", "retours négatifs, retours négatifs par couverture ; commentaires, commentaires "
           "par couverture (à partir du 31 août, avant la période)"),
    ("it", "feedback negativi, feedback negativi per copertura; commenti, commenti per "
           "copertura (dal 31 ago, prima del periodo)")])
def test_the_report_lists_an_incidents_signals_before_the_period(lang, signals):
    """September's incident table: "crisis" beside the hides alone could not be checked
    against the page's rule (a ratio plus another volume); its 31 August signals are named,
    with the day they began, in the report's language."""
    from smmanalytics.report import BrandReport

    rep = BrandReport(_begun_in_august(lang), "2026-09", lang=lang)
    table = next(b for b in rep.alerts().blocks if b["kind"] == "table")
    assert len(table["rows"]) == 1
    assert table["rows"][0][2]["status"] == "crisis"
    assert table["rows"][0][4] == signals


def test_smm_alerts_names_the_signals_before_the_period(monkeypatch, capsys):
    import smmanalytics.dataset as dataset
    from smmanalytics.cli import main

    ds = _begun_in_august()
    monkeypatch.setattr(dataset, "load", lambda path, **kw: ds)
    assert main(["alerts", "somewhere", "--period", "2026-09"]) == 0
    out = capsys.readouterr().out
    assert ("incident 1: crisis, 2026-08-31 (Europe/Paris; began before 2026-09) to "
            "2026-09-01 (Europe/Paris), on facebook\n(with, before 2026-09: comments, "
            "comments per reach)\n") in out
