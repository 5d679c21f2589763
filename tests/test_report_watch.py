"""The report's reputation watch: the alerts of the period and the backtest of its signals."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smmanalytics import Brand, Dataset, schema
from smmanalytics.report import BrandReport

from ._report_helpers import SAMPLE


@pytest.mark.parametrize("lang,period", [("en", "2024-01"), ("fr", "2027-03")])
def test_a_period_the_signals_do_not_reach_is_not_called_quiet(lang, period):
    """The brand's signals run from September 2025 to October 2026: January 2024's report said
    "No alert in this period: every watched signal stayed within its usual range"."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2025-09-01", "2026-10-31")]
    rep = BrandReport(dataset(daily=daily(rows)), period, lang=lang)
    sec = rep.alerts()
    assert [b["text"] for b in sec.blocks if b["kind"] == "text"][0] == (
        rep.fmt.label("alerts_no_data"))
    quiet = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang).alerts()
    assert [b["text"] for b in quiet.blocks if b["kind"] == "text"][0] == (
        rep.fmt.label("alerts_none"))


def test_the_backtest_table_gives_each_rate_its_likely_range():
    """"Facebook · negative feedback: 48.7 alerts a year" rested on 30 tested days holding the
    crisis, and read as surely as a year of net followers' 6.0. Each rate now has its likely
    range (the exact 90 % Poisson interval), and a note says what it is.

    The rate was counted on the 30 post days tested: the signal is watched every day, and
    the days without a post between them (in the five months whose exports have the
    column) are days watched with nothing to alert on: 82 days. The table says the days its
    rates are counted on (it said 58 "days of history", the days with a value) and the
    alerts. Judged per reach (s55R5F), 13 and 14 October's 120 and 89 hides, on days of
    about 18 and 7 times the usual reach, rates of 0.41 % and 0.75 % within the rate's
    limits (1.93 % and 0.95 %), alert no more: 2 alerts, not 4 (17.8 a year, 6.1-40.8),
    2 × 365.25/82 = 8.9 a year, 0.355 to 6.296 alerts (Garwood) over 82 days: 1.6-28.0;
    their rate per reach the same (15 and 16 October). Those limits rested on a φ of 0.52
    that the days after the incident inflated (their baselines held it); measured against
    baselines free of it, 0.04, and 14 October alerts again: 3 alerts, 3 × 365.25/82 = 13.4
    a year, χ²(0.05; 6)/2 = 0.818 to χ²(0.95; 8)/2 = 7.754 alerts over 82 days: 3.6-34.5
    (13 October stays quiet, its Tuesday rate resting on 9 hides: test_alerts_per_reach)."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    blocks = BrandReport(ds, "2026-10", lang="en").alerts().blocks
    table = next(b for b in blocks if b["kind"] == "table" and "Likely range" in b["columns"])
    assert table["columns"][2:] == ["Days watched", "Alerts", "Alerts per 365 days watched",
                                    "Likely range"]
    rows = {(r[0], r[1]): r[2:] for r in table["rows"]}
    bt = smm.backtest(ds).set_index(["platform", "signal"])
    fb = bt.loc[("facebook", "negative_feedback")]
    assert (fb["alerts"], fb["days_tested"], fb["days_watched"]) == (3, 30, 82)
    assert rows[("Facebook", "negative feedback")] == ["82", "3", "13.4", "3.6–34.5"]
    assert rows[("Facebook", "negative feedback per reach")] == ["82", "3", "13.4", "3.6–34.5"]
    assert any(b["kind"] == "note" and b["text"].startswith("Likely range: where the yearly "
                                                            "rate lies, 9 chances in 10")
               for b in blocks)


def test_the_sample_backtest_all_signals_alert_at_least_as_often_as_each():
    """All signals together read 25.2 alerts a year where Instagram's comments alone read
    91.3 (a brand of the review). On the sample, the "all" row is the sum of the rows' rates
    (every signal watched), at least each row's, on at least as many days watched as each;
    its sentence in the report gives it."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    bt = smm.backtest(ds)
    rows, tot = bt[bt["signal"] != "all"], bt[bt["signal"] == "all"].iloc[0]
    rated = rows["alerts_per_year"].dropna()
    # Facebook's negative feedback per reach too (s55R5F), YouTube's net followers too (the
    # sample's Subscribers export, s58SY: its 426 days, 0 alerts a year)
    assert len(rated) == 16
    assert (tot["alerts_per_year"] >= rated).all()
    assert tot["alerts_per_year"] == pytest.approx(rated.sum())
    assert (tot["days_watched"] >= rows["days_watched"].dropna()).all()
    assert tot["incidents_per_year"] <= tot["alerts_per_year"]
    blocks = BrandReport(ds, "2026-10", lang="en").alerts().blocks
    assert any(b["kind"] == "text" and b["text"].startswith(
        f"All signals together: {tot['alerts_per_year']:.1f} alerts per 365 days with every "
        "signal watched") for b in blocks)


def test_a_watch_of_too_short_a_history_gives_no_rate_and_no_range():
    """With a week of history no signal is tested yet: the all-signals sentence read
    "– alerts per 365 days …, likely range –––, … of the 0 days", and each range "–––"."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    week = pd.Timestamp("2026-10-25", tz="UTC")
    short = dataclasses.replace(ds, posts=ds.posts[ds.posts["published_at"] >= week],
                                daily=ds.daily[ds.daily["date"] >= week.tz_localize(None)])
    bt = smm.backtest(short)
    assert bt["alerts_per_year"].isna().all()
    blocks = BrandReport(short, "2026-10", lang="en").alerts().blocks
    assert not any(b["kind"] == "text" and b["text"].startswith("All signals together")
                   for b in blocks)
    cells = [c for b in blocks if b["kind"] == "table" for r in b["rows"] for c in r]
    assert "–––" not in cells and not any("–––" in str(c) for c in cells)


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_signals_too_short_to_test_are_not_called_quiet(lang):
    """Three weeks of net follows: no day has 4 earlier same weekdays, so none was tested; the
    watch said "No alert in this period: every watched signal stayed within its usual range"."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2026-06-01", "2026-06-21")]
    rep = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)
    texts = [b["text"] for b in rep.alerts().blocks if b["kind"] == "text"]
    assert texts[0] == rep.fmt.label("alerts_untested").format(weeks="4")
    assert texts[0] != rep.fmt.label("alerts_none") and "4" in texts[0]


def _june_watch(rows: list[dict], lang: str):
    """June 2026's watch of a brand of these daily rows: the report's formatter, the watch's
    blocks, and their texts and notes."""
    from ._roi_builders import daily, dataset

    rep = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)
    blocks = rep.alerts().blocks
    return (rep.fmt, blocks, [b["text"] for b in blocks if b["kind"] == "text"],
            [b["text"] for b in blocks if b["kind"] == "note"])


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_a_month_tested_in_part_names_its_untested_days(lang):
    """Net follows from 1 June to 10 July: a day is tested once 4 earlier same weekdays have a
    value, so from 1 June + 28 days = 29 June on; June's 1st to 28th could hide an incident.
    The watch said "No alert in this period: every watched signal stayed within its usual
    range", and gave a yearly rate from the 12 days watched (29 June to 10 July, after June),
    0 alerts: "0.0, likely range 0.0–91.2". June's report judges the history up to 30 June: 2
    days watched, 29 and 30 June, too few for a rate."""
    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2026-06-01", "2026-07-10")]
    f, blocks, texts, notes = _june_watch(rows, lang)
    assert texts[0] == f.label("alerts_none_tested") != f.label("alerts_none")
    assert f.label("alerts_partly").format(weeks="4") in notes
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    untested = ", ".join(f.date(d, "d MMM") for d in pd.date_range("2026-06-01", "2026-06-28"))
    assert items == [f.prose(f.label("alerts_partly_item").format(
        signal=signal, tested="2", days="30", dates=untested))]
    # 2 days watched: no rate, no range, no sum of rates; the note says why
    [table] = [b for b in blocks if b["kind"] == "table"]
    assert table["rows"] == [[f.platform("instagram"), f.label("sig_net_followers"), "2", "0",
                              "–", "–"]]
    assert f.prose(f.label("alerts_rate_few").format(days="28", signals=f"{signal} (2)")) \
        in notes
    assert not any(t.startswith(f.label("alerts_total")[:10]) for t in texts)


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_days_no_export_covers_are_named_not_called_quiet(lang):
    """Net follows from 1 March to 30 June, but none for 10-23 June (no export covers them):
    the watch said "No alert in this period: every watched signal stayed within its usual
    range", the 14 days unsaid. June: known on 30 − 14 = 16 days, all tested (3 months
    before them); the 14 days are named as not watched."""
    days = pd.date_range("2026-03-01", "2026-06-30")
    gap = pd.date_range("2026-06-10", "2026-06-23")
    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0} for d in days.difference(gap)]
    f, blocks, texts, notes = _june_watch(rows, lang)
    assert texts[0] == f.label("alerts_none_tested") != f.label("alerts_none")
    assert f.label("alerts_missing") in notes
    assert f.label("alerts_partly").format(weeks="4") not in notes     # no day short of history
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    assert items == [f.prose(f.label("alerts_missing_item").format(
        signal=signal, known="16", days="30",
        dates=", ".join(f.date(d, "d MMM") for d in gap)))]


def _net_follows_report(monkeypatch, min_history: int, lang: str):
    """``report(last)``: June 2026's report of Instagram net follows of 3 a day from 1 June to
    ``last``, its watch under settings whose ``min_history`` is given (the settings the watch
    makes are patched)."""
    import dataclasses
    import importlib

    from ._roi_builders import daily, dataset

    # the module (smmanalytics.alerts is also the name of its function)
    alerts_module = importlib.import_module("smmanalytics.alerts")

    # the settings the watch makes: the defaults but min_history
    settings = dataclasses.make_dataclass(
        "Settings", [("min_history", int, dataclasses.field(default=min_history))],
        bases=(alerts_module.AlertSettings,), frozen=True)
    monkeypatch.setattr(alerts_module, "AlertSettings", settings)

    def report(last):
        rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
                 "metric": "net_follows", "value": 3.0}
                for d in pd.date_range("2026-06-01", last)]
        return BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)

    return report


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_history_a_day_needs_is_the_settings_not_a_fixed_4(lang, monkeypatch):
    """The watch's notes said a day is compared with "the 4 weeks before it at least" whatever
    the settings' min_history. With min_history=3, net follows from 1 June to 10 July: a day
    is tested from 1 June + 3 × 7 days = 22 June on, so June is tested on 22..30 June, 9 of
    its 30 days, and the notes say 3 weeks; with 1 to 14 June (two weeks) no day is tested."""
    report = _net_follows_report(monkeypatch, 3, lang)
    rep = report("2026-07-10")
    f = rep.fmt
    blocks = rep.alerts().blocks
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    weeks = {"en": "the 3 weeks", "fr": "des 3 semaines", "it": "almeno 3 settimane"}[lang]
    [partly] = [n for n in notes if n == f.label("alerts_partly").format(weeks="3")]
    assert weeks in partly and "4" not in partly
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    untested = ", ".join(f.date(d, "d MMM") for d in pd.date_range("2026-06-01", "2026-06-21"))
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    assert items == [f.prose(f.label("alerts_partly_item").format(
        signal=signal, tested="9", days="30", dates=untested))]
    rep = report("2026-06-14")
    texts = [b["text"] for b in rep.alerts().blocks if b["kind"] == "text"]
    assert texts[0] == rep.fmt.label("alerts_untested").format(weeks="3")
    assert weeks in texts[0]


@pytest.mark.parametrize("lang, week, weeks", [
    ("en", "the same weekday of the week before it at least", "1 weeks"),
    ("fr", "au même jour de la semaine précédente au moins", "1 semaines"),
    ("it", "lo stesso giorno della settimana precedente", "1 settimane"),
])
def test_a_one_week_history_minimum_is_said_in_the_singular(lang, week, weeks, monkeypatch):
    """With min_history=1 the watch said a day is compared with the same weekday of "the 1
    weeks before it" ("des 1 semaines", "delle almeno 1 settimane"). Net follows from 1 June
    to 10 July: a day is tested once 1 earlier same weekday has a value, from 1 June + 7 days
    = 8 June on, so June's 1st to 7th are untested and June is tested on 30 - 7 = 23 days; with
    1 to 7 June alone no day is tested."""
    report = _net_follows_report(monkeypatch, 1, lang)
    rep = report("2026-07-10")
    f = rep.fmt
    blocks = rep.alerts().blocks
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    [partly] = [n for n in notes if n == f.label("alerts_partly_one_week")]
    assert week in partly and weeks not in partly
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    untested = ", ".join(f.date(d, "d MMM") for d in pd.date_range("2026-06-01", "2026-06-07"))
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    assert items == [f.prose(f.label("alerts_partly_item").format(
        signal=signal, tested="23", days="30", dates=untested))]
    texts = [b["text"] for b in report("2026-06-07").alerts().blocks if b["kind"] == "text"]
    assert texts[0] == f.label("alerts_untested_one_week")
    assert week in texts[0] and weeks not in texts[0]


@pytest.mark.parametrize("lang, said, wrong", [
    ("en", "its only day with data was not tested: 1 Jun", "of its 1 days"),
    ("fr", "son seul jour avec données n'a pas été testé : 1er juin", "de ses 1 jours"),
    ("it", "il suo unico giorno con dati non è stato testato: 1° giu", "dei suoi 1 giorni"),
])
def test_a_signal_with_one_day_of_data_in_the_period_is_said_in_the_singular(lang, said, wrong):
    """Net follows from 10 May to 1 June: June has one day with a value, 1 June, a Monday
    with 3 earlier Mondays (11, 18, 25 May), fewer than the 4 a day needs: untested. The note
    said "tested on 0 of its 1 days with data". June's other 29 days, after the export's
    last, are named first as not watched."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2026-05-10", "2026-06-01")]
    rep = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)
    missing, items = [b["items"] for b in rep.alerts().blocks if b["kind"] == "bullets"]
    assert len(items) == 1 and said in items[0] and wrong not in items[0]
    assert rep.fmt.date(pd.Timestamp("2026-06-30"), "d MMM") in missing[0]


def _daily_comments(last: str, incident: str = "2026-03-16") -> Dataset:
    """One Instagram post a day at noon in Paris from 1 January 2026 to ``last``, its comments
    20 to 26 by a weekly rhythm, and 900 on ``incident`` (16 March)."""
    days = pd.date_range("2026-01-01", last, freq="D")
    comments = (20 + np.arange(len(days)) % 7).astype(float)
    comments[days == pd.Timestamp(incident)] = 900.0
    df = pd.DataFrame({
        "platform": "instagram", "post_id": [f"p{i}" for i in range(len(days))],
        "published_at": (days + pd.Timedelta(hours=12)).tz_localize("Europe/Paris"),
        "comments": comments, "reactions": 100.0,
        "snapshot_at": pd.Timestamp("2026-04-01 08:00", tz="UTC"),
    })
    return Dataset(posts=schema.conform(df, "posts"),
                   brand=Brand(name="Maison Sève", timezone="Europe/Paris", language="en"))


def test_a_past_periods_alert_rates_judge_the_history_up_to_its_end():
    """The December 2025 report's "how often these settings alert" table read 398 days
    watched and 63 alerts, the data starting on 1 September 2025: it counted the days and the
    alerts of October 2026. A report judges the history up to its period's end: here posts
    every day from 1 January to 31 March 2026, an incident on 16 March. A day is tested once 4
    earlier same weekdays have a value, so from 29 January on: February's report watched 29
    January to 28 February, 3 + 28 = 31 days, with no alert (the incident is to come); the
    whole history's, 29 January to 31 March, 62 days, holds it."""
    d = _daily_comments("2026-03-31")
    table = next(b for b in BrandReport(d, "2026-02", lang="en").alerts().blocks
                 if b["kind"] == "table" and "Days watched" in b["columns"])
    row = dict(zip(table["columns"], table["rows"][0], strict=True))
    assert (row["Signal"], row["Days watched"], row["Alerts"]) == ("comments", "31", "0")
    whole = next(b for b in BrandReport(d, "2026-03", lang="en").alerts().blocks
                 if b["kind"] == "table" and "Days watched" in b["columns"])
    row = dict(zip(whole["columns"], whole["rows"][0], strict=True))
    assert (row["Days watched"], row["Alerts"]) == ("62", "1")


def _three_zones(lang: str = "en") -> Dataset:
    """:func:`_daily_comments` to 31 March (900 comments on 16 March, Paris days), with
    Instagram net follows (Meta's Pacific days) of 20 to 26 a day but -200 on 16 and 17 March,
    and X unfollows (UTC days) alternating 3 and 5 but 40 on 17 March: one incident of
    16 - 17 March whose alerts count their days in three zones."""
    days = pd.date_range("2026-01-01", "2026-03-31", freq="D")
    net = (20 + np.arange(len(days)) % 7).astype(float)
    net[days.isin(pd.to_datetime(["2026-03-16", "2026-03-17"]))] = -200.0
    unfollows = np.resize([3.0, 5.0], len(days))
    unfollows[days == pd.Timestamp("2026-03-17")] = 40.0
    daily = pd.concat([
        pd.DataFrame({"platform": "instagram", "account_id": "ig", "date": days,
                      "metric": "net_follows", "value": net, "day_tz": "America/Los_Angeles"}),
        pd.DataFrame({"platform": "x", "account_id": "x", "date": days, "metric": "unfollows",
                      "value": unfollows, "day_tz": "UTC"})], ignore_index=True)
    posts = _daily_comments("2026-03-31")
    return Dataset(posts=posts.posts, daily=schema.conform(daily, "daily"),
                   brand=dataclasses.replace(posts.brand, language=lang))


@pytest.mark.parametrize("lang, pacific", [("en", "Pacific time"),
                                           ("fr", "heure du Pacifique"),
                                           ("it", "ora del Pacifico")])
def test_an_alerts_day_names_its_zone_when_not_the_brands(lang, pacific):
    """The sample's "13 Oct Facebook net followers -34" was a Pacific day (Meta's account
    series), X's and TikTok's follower losses UTC days, beside the comments' Paris days, under
    one "Date" and one From-To. Here 16 March's comments (Paris), 16 and 17 March's Instagram
    net follows (Pacific) and 17 March's X unfollows (UTC): each row's day names its zone but
    the brand's. The incident's From is 16 March in Paris, which begins (15 March 23:00 UTC,
    CET) before 16 March in California (07:00 UTC, PDT since 8 March); its To is 17 March in
    California, which ends (18 March 07:00 UTC) after 17 March in UTC (18 March 00:00)."""
    rep = BrandReport(_three_zones(lang), "2026-03", lang=lang)
    f = rep.fmt
    incident, rows = [b for b in rep.alerts().blocks if b["kind"] == "table"][:2]
    mar = {"en": "Mar", "fr": "mars", "it": "mar"}[lang]
    # the incident's ends in two zones: each named, the brand's too (s60: "16 Mar" beside "17
    # Mar (Pacific time)" read as Pacific days)
    paris = f.zone("Europe/Paris")
    assert incident["rows"][0][:2] == [f"16 {mar} ({paris})", f"17 {mar} ({pacific})"]
    assert [r[:3] for r in rows["rows"]] == [
        [f"16 {mar}", "Instagram", f.label("sig_comments")],
        [f"16 {mar} ({pacific})", "Instagram", f.label("sig_net_followers")],
        [f"17 {mar} ({pacific})", "Instagram", f.label("sig_net_followers")],
        [f"17 {mar} (UTC)", "X", f.label("sig_unfollows")]]
    # the top posts' note on the incident they were published in says its days the same way
    [caption] = [b["caption"] for b in rep.top_posts().blocks
                 if b["kind"] == "table" and b.get("caption", "").startswith("*")]
    days = f.label("incident_days").format(start=f"16 {mar} ({paris})",
                                           end=f"17 {mar} ({pacific})")
    # a warning: the comments and the followers lost (Instagram's net, X's unfollows: one
    # signal, as two platforms' net losses are; s54AL: a crisis of three)
    assert f": {f.label('sev_warning')} {f.prose(days)}." in caption


@pytest.mark.parametrize("lang, said", [
    ("en", "they keep the day each platform counts them in (Pacific time for Instagram, UTC "
           "for X), and the reputation watch names that zone beside such a day."),
    ("fr", "ils gardent le jour de chaque plateforme (heure du Pacifique pour Instagram, UTC "
           "pour X), et la veille de réputation indique ce fuseau à côté de ces jours."),
    ("it", "mantengono il giorno di ciascuna piattaforma (ora del Pacifico per Instagram, UTC "
           "per X) e il monitoraggio della reputazione indica questo fuso accanto a tali "
           "giorni.")])
def test_the_method_notes_say_account_series_keep_the_platforms_day(lang, said):
    """The method notes said only "Times are converted to the audience's time zone
    (Europe/Paris)", while the follower series keep the platform's day: said after it, with
    the zones of the brand's daily series that are not its own (Instagram's Pacific days, X's
    UTC days); a brand whose series all count Paris days has no such note."""
    items = BrandReport(_three_zones(lang), "2026-03", lang=lang).method_notes().blocks[-1]
    # interactions, times, this note, totals: the posts' comments have no reach, views nor
    # impressions, so no note on rates (nor on reach) comes before it
    assert items["items"][2].endswith(said)
    assert len(items["items"]) == 4
    paris = _daily_comments("2026-03-31")     # posts only: no daily series
    assert len(BrandReport(paris, "2026-03", lang=lang).method_notes().blocks[-1]["items"]) == 3


def test_an_incidents_ends_are_the_day_that_begins_first_and_the_one_that_ends_last():
    """13 October 2026 begins at 22:00 UTC on the 12th in Paris (CEST), 00:00 in UTC, 07:00 in
    California (PDT): Paris's begins first; it ends at 07:00 UTC on the 14th in California,
    last. UTC and London keep the same day in winter (GMT): the brand's zone wins the tie."""
    from smmanalytics._alert_days import first_zone, last_zone

    zones = ["UTC", "America/Los_Angeles", "Europe/Paris", pd.NA]
    assert first_zone("2026-10-13", zones) == "Europe/Paris"
    assert last_zone("2026-10-13", zones) == "America/Los_Angeles"
    for brand in ("UTC", "Europe/London"):
        assert first_zone("2026-01-13", ["UTC", "Europe/London"], prefer=brand) == brand
        assert last_zone("2026-01-13", ["Europe/London", "UTC"], prefer=brand) == brand
    assert first_zone("2026-10-13", [pd.NA]) is None and last_zone("2026-10-13", []) is None


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_days_whose_posts_lack_the_figure_are_named_not_called_quiet(lang):
    """A Facebook post a day from 1 March to 30 June, 1,000 reach and 5 comments, the
    comments missing on the posts of 10-23 June: the watch said "No alert in this period",
    the 14 days unsaid. June: 30 days with posts, comments known on 30 − 14 = 16, all tested
    (3 months before them); the 14 days are named as not watched, for the comments and the
    comments per reach."""
    days = pd.date_range("2026-03-01", "2026-06-30")
    gap = pd.date_range("2026-06-10", "2026-06-23")
    posts = pd.DataFrame({
        "platform": "facebook", "post_id": [str(i) for i in range(len(days))],
        "published_at": (days + pd.Timedelta(hours=10)).tz_localize("UTC"), "reach": 1000.0,
        "comments": np.where(days.isin(gap), np.nan, 5.0)})
    ds = Dataset(posts=schema.conform(posts, "posts"),
                 brand=Brand(name="Test", timezone="UTC", currency="EUR"))
    rep = BrandReport(ds, "2026-06", lang=lang)
    f, blocks = rep.fmt, rep.alerts().blocks
    texts = [b["text"] for b in blocks if b["kind"] == "text"]
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    assert texts[0] == f.label("alerts_none_tested") != f.label("alerts_none")
    assert f.label("alerts_missing_posts") in notes and f.label("alerts_missing") not in notes
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    dates = ", ".join(f.date(d, "d MMM") for d in gap)
    assert items == [f.prose(f.label("alerts_missing_posts_item").format(
        signal=f"{f.platform('facebook')} · {f.label('sig_' + s)}", known="16", days="30",
        dates=dates)) for s in ("comments", "comments_per_reach")]


@pytest.mark.parametrize("lang, pacific", [("en", "Days (Pacific time)"),
                                           ("fr", "Jours (heure du Pacifique)"),
                                           ("it", "Giorni (ora del Pacifico)")])
def test_an_alert_chart_names_the_zone_of_its_days(lang, pacific):
    """The text said "16 Mar (Pacific time)" of Instagram's net follows, their chart a bare
    "16 Mar". Each chart's x axis now names its days' zone when not the brand's (Paris), as
    the text does: Instagram's net follows Pacific days, X's unfollows UTC days, the comments
    (the brand's days) nothing."""
    rep = BrandReport(_three_zones(lang), "2026-03", lang=lang)
    f, drawn = rep.fmt, []
    figure = rep.figure
    rep.figure = lambda sec, fig, **kw: (drawn.append(fig), figure(sec, fig, **kw))[1]
    rep.alerts()
    [fig] = drawn
    labels = {ax.get_title(): ax.get_xlabel() for ax in fig.axes if ax.get_visible()}
    assert labels == {
        f"Instagram · {f.label('sig_comments')}": "",
        f"Instagram · {f.label('sig_net_followers')}": pacific,
        f"X · {f.label('sig_unfollows')}": f.label("alerts_chart_days").format(zone="UTC")}


@pytest.mark.parametrize("lang,platform,signal", [
    ("en", "TikTok", "net followers"), ("fr", "TikTok", "abonnés nets"),
    ("it", "TikTok", "follower netti")])
def test_an_accounts_own_alert_names_its_account(lang, platform, signal):
    """The reviewer's two TikTok accounts (tests/fixtures/s51Z_two_tiktok): seveshop's −25 of
    27 October, against its usual 3 a day, hid in the platform's sum (13 − 25 = −12 against
    15-20) and the report listed maisonseve's 13-19 October losses alone, unnamed. Each
    account is now watched on its own series and the alert lines name it: 7 of maisonseve
    (13-19 October), 1 of seveshop, baseline 3."""
    from pathlib import Path

    import smmanalytics as smm

    ds = smm.load(Path(__file__).resolve().parent / "fixtures" / "s51Z_two_tiktok")
    rep = BrandReport(ds, "2026-10", lang=lang)
    table = next(b for b in rep.alerts().blocks
                 if b["kind"] == "table" and rep.fmt.label("baseline") in b["columns"])
    rows = [dict(zip(table["columns"], r, strict=True)) for r in table["rows"]]
    where = rep.fmt.label("platform")
    assert [r[where] for r in rows] == [f"{platform} (maisonseve)"] * 7 + [
        f"{platform} (seveshop)"]
    shop = rows[-1]
    assert shop[rep.fmt.label("signal")] == signal
    assert (shop[rep.fmt.label("value")], shop[rep.fmt.label("baseline")]) == ("-25", "3")


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_an_incidents_platform_names_its_account(lang):
    """The same two TikTok accounts: the incident table read "TikTok" for maisonseve's 7
    alerts of 13-19 October and for seveshop's one of the 27th alike, while the alert lines
    below named them. Each incident names its account as the lines do (7 alerts of
    maisonseve, 13 → 19 October; seveshop's −25 alone, the 27th)."""
    from pathlib import Path

    import smmanalytics as smm

    ds = smm.load(Path(__file__).resolve().parent / "fixtures" / "s51Z_two_tiktok")
    rep = BrandReport(ds, "2026-10", lang=lang)
    table = next(b for b in rep.alerts().blocks
                 if b["kind"] == "table" and rep.fmt.label("severity") in b["columns"])
    where = table["columns"].index(rep.fmt.label("platform"))
    assert [r[where] for r in table["rows"]] == ["TikTok (maisonseve)", "TikTok (seveshop)"]


NEGFB = Path(__file__).parent / "fixtures" / "s54RIF_negative_feedback"


def _unknown_notes(ds, lang):
    rep = BrandReport(ds, "2026-10", lang=lang)
    notes = [b["text"] for b in rep.alerts().blocks if b["kind"] == "note"]
    return rep.fmt, notes


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_a_signal_whose_column_was_not_read_is_not_called_absent(lang):
    """Two Italian Facebook post exports (September, October 2026) whose negative feedback
    column, ``Feedback negativo degli utenti: Nascondi tutto``, is [U] and so unread: the
    report said the exports do not hold the signal (reviewer s54RI, finding 2). It now says
    it was not found among the columns read and names the 7 headers the files' parse left
    unread (the files' ``extra_columns`` notes); unfollows and net followers, read from daily
    exports the folder has none of, are still absent."""
    import smmanalytics as smm

    f, notes = _unknown_notes(smm.load(NEGFB), lang)
    absent = [n for n in notes if n.startswith(f.label("alerts_unknown"))]
    assert absent == [f"{f.label('alerts_unknown')} "
                      f"Facebook · {f.label('sig_unfollows')}, "
                      f"Facebook · {f.label('sig_net_followers')}"]
    unread = [n for n in notes if n.startswith(f.label("alerts_unread"))]
    headers = ["ID della Pagina", "Nome della Pagina", "È un crosspost", "È una condivisione",
               "Commento sui dati", "Clic totali",
               "Feedback negativo degli utenti: Nascondi tutto"]
    columns = ", ".join(f.label("alerts_unread_column").format(name=h) for h in headers)
    # with its rate per reach (s55R5F), read from the same column; and the synonyms.csv rows
    # that read it (s58RI): Meta's two fields of negative feedback, in the files' Italian
    rows = f.label("alerts_unread_rows").format(rows=", ".join(
        f.label("alerts_unread_column").format(name=f"meta,{field},it,"
                                               + f.label("alerts_unread_header"))
        for field in ("neg_hide_all", "neg_hide")))
    assert unread == [f"{f.label('alerts_unread')} " + f.label("alerts_unread_columns").format(
        signals=f"Facebook · {f.label('sig_negative_feedback')}, "
                f"{f.label('sig_negative_feedback_per_reach')}", columns=columns, rows=rows)]
    if lang == "it":             # one language by hand, its words as the reader sees them
        assert unread[0].endswith("«Clic totali», «Feedback negativo degli utenti: Nascondi "
                                  "tutto»; una riga di synonyms.csv legge una tale colonna, "
                                  "secondo il campo che contiene: «meta,neg_hide_all,it,<sua "
                                  "intestazione>», «meta,neg_hide,it,<sua intestazione>»)")


def test_a_signal_read_is_in_neither_sentence(tmp_path):
    """The same exports with the English header of negative feedback: the signal is read
    (the control), so no sentence names it."""
    import smmanalytics as smm

    for file in NEGFB.iterdir():
        text = file.read_text(encoding="utf-8-sig").replace(
            "Feedback negativo degli utenti: Nascondi tutto",
            "Negative feedback from users: Hide all")
        (tmp_path / file.name).write_text(text, encoding="utf-8-sig")
    f, notes = _unknown_notes(smm.load(tmp_path), "en")
    said = [n for n in notes if n.startswith((f.label("alerts_unknown"),
                                              f.label("alerts_unread")))]
    # the 6 other unread headers are of the posts, none of whose signals is then unknown
    assert said == [f"{f.label('alerts_unknown')} Facebook · {f.label('sig_unfollows')}, "
                    f"Facebook · {f.label('sig_net_followers')}"]


@pytest.mark.parametrize("lang,caption", [
    # three incidents by hand: the first (13 Oct) saw the net followers and the unfollows
    # twice, the second (8 Oct) and third (27 Oct) the comments and their rate per reach;
    # each family names its own incidents by their first day (the table's "From"), in order
    ("en", "Counted as one signal in the severity, as on one platform one is part of the "
           "other (one movement seen twice) and a signal counts once over platforms: comments "
           "and comments per reach (the incidents from 8 Oct and 27 Oct); net followers and "
           "unfollows (the incident from 13 Oct)."),
    ("fr", "Comptés comme un seul signal dans la gravité, car sur une plateforme l'un fait "
           "partie de l'autre (un même mouvement vu deux fois) et un signal compte une fois "
           "toutes plateformes confondues : commentaires et commentaires par couverture "
           "(les "
           "incidents commencés le 8 oct. et le 27 oct.) ; abonnés nets et désabonnements "
           "(l'incident commencé le 13 oct.)."),
    ("it", "Contati come un solo segnale nella gravità, perché su una piattaforma l'uno è "
           "parte dell'altro (uno stesso movimento visto due volte) e un segnale conta una "
           "volta sola su tutte le piattaforme: commenti e commenti per copertura (gli "
           "incidenti iniziati l'8 ott e il 27 ott); follower netti e unfollow (l'incidente "
           "iniziato il 13 ott).")])
def test_the_seen_twice_caption_names_the_incidents_of_each_family(lang, caption):
    """The incident table's caption named every family seen twice in the table for the whole
    table: an incident of the comments read as if its net followers and unfollows had been
    seen twice too."""
    from smmanalytics.report import BrandReport

    from ._roi_builders import dataset, posts

    rep = BrandReport(dataset(posts=posts([{"platform": "instagram", "post_id": "1",
                                            "published_at": "2026-10-02T09:00:00Z"}])),
                      "2026-10", lang=lang)
    inc = pd.DataFrame({
        "seen_twice": ["net_followers, unfollows", "comments, comments_per_reach",
                       "comments, comments_per_reach"],
        "start": pd.to_datetime(["2026-10-13", "2026-10-08", "2026-10-27"]),
        "start_zone": [rep.tz] * 3})
    assert rep._seen_twice(inc) == caption
    # one family in every incident: true of each row, said once without days
    assert rep._seen_twice(inc.iloc[1:]) == rep.fmt.label("alerts_seen_twice").format(
        families=rep.fmt.listed([rep.fmt.label("sig_comments"),
                                 rep.fmt.label("sig_comments_per_reach")]))


@pytest.fixture(scope="module")
def _no_august_facebook(tmp_path_factory):
    """The sample brand without its Facebook posts export of August 2026, loaded."""
    import shutil

    import smmanalytics as smm

    from ._report_helpers import SAMPLE

    root = tmp_path_factory.mktemp("s55TX_no_august") / "maison-seve"
    shutil.copytree(SAMPLE, root)
    (root / "facebook_posts_2026-08-01_2026-08-31_2026-09-02.csv").unlink()
    return smm.load(root)


@pytest.mark.parametrize("lang,intro,items", [
    # the sample's Facebook posts: 13 days with posts in July (15 posts), whose export has no
    # negative feedback column, 12 in September (17 posts), whose export has: 25 days, 12
    # known; August's export taken away, no day of August is watched for any signal read
    # from Facebook's posts (negative feedback, comments and their rate per reach)
    ("en", "Some days of the period are in no posts export, or the exports lack, for every "
           "post of the day, the figure these signals read: the signals could not be watched "
           "on those days, so an incident on them would raise no alert:",
     ["Facebook · negative feedback: known on 12 of its 25 days with posts; days not "
      "watched: 1 Jul, 4 Jul, 7 Jul, 11 Jul, 12 Jul, 14 Jul, 16 Jul, 19 Jul, 22 Jul, 24 Jul, "
      "27 Jul, 28 Jul, 31 Jul, 1–31 August 2026 (no Facebook posts export covers them)",
      "Facebook · comments: known on 25 of its 25 days with posts; days not watched: 1–31 "
      "August 2026 (no Facebook posts export covers them)",
      "Facebook · comments per reach: known on 25 of its 25 days with posts; days not "
      "watched: 1–31 August 2026 (no Facebook posts export covers them)"]),
    ("fr", "Certains jours de la période ne figurent dans aucun export de publications, ou les "
           "exports n'ont pour aucune publication du jour le chiffre que ces signaux lisent : "
           "ils n'ont pas pu y être surveillés, si bien qu'un incident ces jours-là ne "
           "déclencherait aucune alerte :",
     ["Facebook · retours négatifs : connu sur 12 de ses 25 jours avec publications ; jours "
      "non surveillés : 1er juil., 4 juil., 7 juil., 11 juil., 12 juil., 14 juil., 16 juil., "
      "19 juil., 22 juil., 24 juil., 27 juil., 28 juil., 31 juil., 1er–31 août 2026 (aucun "
      "export de publications Facebook ne les couvre)",
      "Facebook · commentaires : connu sur 25 de ses 25 jours avec publications ; jours non "
      "surveillés : 1er–31 août 2026 (aucun export de publications Facebook ne les couvre)",
      "Facebook · commentaires par couverture : connu sur 25 de ses 25 jours avec "
      "publications ; jours non surveillés : 1er–31 août 2026 (aucun export de publications "
      "Facebook ne les couvre)"]),
    ("it", "Alcuni giorni del periodo non figurano in nessuna esportazione dei post, oppure le "
           "esportazioni non riportano per nessun post del giorno il dato che questi segnali "
           "leggono: in quei giorni non hanno potuto essere monitorati, quindi un incidente "
           "non farebbe scattare alcun allarme:",
     ["Facebook · feedback negativi: noto in 12 dei suoi 25 giorni con pubblicazioni; giorni "
      "non monitorati: 1° lug, 4 lug, 7 lug, 11 lug, 12 lug, 14 lug, 16 lug, 19 lug, 22 lug, "
      "24 lug, 27 lug, 28 lug, 31 lug, 1°–31 agosto 2026 (nessuna esportazione dei post di "
      "Facebook li copre)",
      "Facebook · commenti: noto in 25 dei suoi 25 giorni con pubblicazioni; giorni non "
      "monitorati: 1°–31 agosto 2026 (nessuna esportazione dei post di Facebook li copre)",
      "Facebook · commenti per copertura: noto in 25 dei suoi 25 giorni con pubblicazioni; "
      "giorni non monitorati: 1°–31 agosto 2026 (nessuna esportazione dei post di Facebook "
      "li copre)"])])
def test_the_watch_names_the_month_no_posts_export_covers(_no_august_facebook, lang, intro,
                                                          items):
    """The third quarter without Facebook's August posts export: the cover said it, and the
    watch counted Facebook's negative feedback "known on 12 of its 25 days with posts" with
    the July days not watched only, no word of August, nor of the comments."""
    from smmanalytics.report import BrandReport

    rep = BrandReport(_no_august_facebook, "2026-Q3", lang=lang)
    blocks = rep.alerts().blocks
    at = next(i for i, b in enumerate(blocks) if b.get("text") == intro)
    # negative feedback per reach (s55R5F): known on the days of the negative feedback, the
    # posts all having a reach, and said after it
    f = rep.fmt
    per_reach = items[0].replace(f.label("sig_negative_feedback"),
                                 f.label("sig_negative_feedback_per_reach"), 1)
    assert blocks[at + 1]["items"] == [items[0], per_reach, *items[1:]]


@pytest.mark.parametrize("lang,item", [
    # 40 days missing of 52 with posts: counted, not named (more than 31), then the span
    ("en", "Facebook · negative feedback: known on 12 of its 52 days with posts; not watched "
           "on the 40 others; not watched either: 1–31 August 2026 (no Facebook posts export "
           "covers them)"),
    ("fr", "Facebook · retours négatifs : connu sur 12 de ses 52 jours avec publications ; non "
           "surveillé les 40 autres ; non surveillé non plus : 1er–31 août 2026 (aucun export "
           "de publications Facebook ne les couvre)"),
    ("it", "Facebook · feedback negativi: noto in 12 dei suoi 52 giorni con pubblicazioni; non "
           "monitorato negli altri 40; non monitorato neanche: 1°–31 agosto 2026 (nessuna "
           "esportazione dei post di Facebook li copre)")])
def test_a_counted_signal_names_the_span_no_export_covers_after_its_count(lang, item):
    import datetime as dt

    from smmanalytics.report import BrandReport

    from ._roi_builders import dataset, posts

    rep = BrandReport(dataset(posts=posts([{"platform": "facebook", "post_id": "1",
                                            "published_at": "2026-07-02T09:00:00Z"}])),
                      "2026-Q3", lang=lang)
    f = rep.fmt
    uncovered = {"facebook": f.label("alerts_uncovered").format(
        spans=f.span(dt.date(2026, 8, 1), dt.date(2026, 8, 31)), platform="Facebook")}
    u = pd.DataFrame({"platform": ["facebook"], "account": [""],
                      "signal": ["negative_feedback"], "days": [12], "missing": [
                          [dt.date(2026, 7, 1) + dt.timedelta(days=i) for i in range(40)]]})
    sec = rep.section("watch")
    rep._missing_note(sec, u, "alerts_missing_posts", uncovered)
    assert sec.blocks[-1]["items"] == [item]


@pytest.fixture(scope="module")
def _facebook_august_alone(tmp_path_factory):
    """The sample brand whose Facebook posts exports of the third quarter are August's
    alone (those of September 2025 to July 2026 and of September 2026 taken away, October's
    kept), loaded."""
    import shutil

    import smmanalytics as smm

    from ._report_helpers import SAMPLE

    root = tmp_path_factory.mktemp("s55DAF_ends") / "maison-seve"
    shutil.copytree(SAMPLE, root)
    for export in root.glob("facebook_posts_*.csv"):
        month = export.name.removeprefix("facebook_posts_")[:7]
        if month <= "2026-07" or month == "2026-09":
            export.unlink()
    return smm.load(root)


@pytest.mark.parametrize("lang,items", [
    # the sample's Facebook posts of August: 13 days with posts, each with its comments and
    # reach; July has no Facebook export before it, September none before October's: both
    # ends of the quarter are unwatched, as the cover says its exports start on 1 August
    # and stop on 31 August
    ("en", ["Facebook · comments: known on 13 of its 13 days with posts; days not watched: "
            "1–31 July 2026 and 1–30 September 2026 (no Facebook posts export covers them)",
            "Facebook · comments per reach: known on 13 of its 13 days with posts; days not "
            "watched: 1–31 July 2026 and 1–30 September 2026 (no Facebook posts export "
            "covers them)"]),
    ("fr", ["Facebook · commentaires : connu sur 13 de ses 13 jours avec publications ; "
            "jours non surveillés : 1er–31 juillet 2026 et 1er–30 septembre 2026 (aucun "
            "export de publications Facebook ne les couvre)",
            "Facebook · commentaires par couverture : connu sur 13 de ses 13 jours avec "
            "publications ; jours non surveillés : 1er–31 juillet 2026 et 1er–30 septembre "
            "2026 (aucun export de publications Facebook ne les couvre)"]),
    ("it", ["Facebook · commenti: noto in 13 dei suoi 13 giorni con pubblicazioni; giorni "
            "non monitorati: 1°–31 luglio 2026 e 1°–30 settembre 2026 (nessuna esportazione "
            "dei post di Facebook li copre)",
            "Facebook · commenti per copertura: noto in 13 dei suoi 13 giorni con "
            "pubblicazioni; giorni non monitorati: 1°–31 luglio 2026 e 1°–30 settembre 2026 "
            "(nessuna esportazione dei post di Facebook li copre)"])])
def test_the_watch_names_the_periods_ends_no_posts_export_covers(_facebook_august_alone,
                                                                 lang, items):
    """Only the gaps between two exports were named: without July's Facebook export the
    watch said nothing of July, which the cover names as the exports' start (1 August); the
    September gap (October's export there) both name as a gap, not an end."""
    import datetime as dt

    from smmanalytics._actuals import posts_uncovered
    from smmanalytics.report import BrandReport
    from smmanalytics.report.sections import _coverage_lines

    ds = _facebook_august_alone
    rep = BrandReport(ds, "2026-Q3", lang=lang)
    blocks = rep.alerts().blocks
    at = next(i for i, b in enumerate(blocks)
              if b.get("text") == rep.fmt.label("alerts_missing_posts_gaps"))
    assert blocks[at + 1]["items"] == items
    starts, stops = _coverage_lines(ds, rep.period, rep.fmt)
    assert [rep.fmt.date(day) in line for day, line in
            ((dt.date(2026, 8, 1), starts[0]), (dt.date(2026, 9, 30), stops[0]))] == [True, True]
    assert posts_uncovered(ds, "facebook", dt.date(2026, 7, 1), dt.date(2026, 9, 30)) == [
        (dt.date(2026, 7, 1), dt.date(2026, 7, 31)), (dt.date(2026, 9, 1), dt.date(2026, 9, 30))]


def _clock_change(lang: str) -> Dataset:
    """:func:`_daily_comments` to 31 March, the comments' incident moved to Sunday 29 March
    (Paris: the clocks go forward, a 23-hour day), with Instagram net follows (Meta's Pacific
    days) of 20 to 26 a day but -200 on Sunday 8 March (California's 23-hour day)."""
    posts = _daily_comments("2026-03-31", incident="2026-03-29").posts
    days = pd.date_range("2026-01-01", "2026-03-31", freq="D")
    net = (20 + np.arange(len(days)) % 7).astype(float)
    net[days == pd.Timestamp("2026-03-08")] = -200.0
    daily = pd.DataFrame({"platform": "instagram", "account_id": "ig", "date": days,
                          "metric": "net_follows", "value": net,
                          "day_tz": "America/Los_Angeles"})
    return Dataset(posts=posts, daily=schema.conform(daily, "daily"),
                   brand=Brand(name="Maison Sève", timezone="Europe/Paris", language=lang))


@pytest.mark.parametrize("lang, said", [
    ("en", "The clocks changed on 8 Mar (Pacific time, 23 hours) and 29 Mar (23 hours): their "
           "counts are compared with those of 24-hour days as they are."),
    ("fr", "Changement d'heure les 8 mars (heure du Pacifique, 23 heures) et 29 mars "
           "(23 heures) : leurs chiffres sont comparés tels quels à ceux des jours de "
           "24 heures."),
    ("it", "Cambio dell'ora l'8 mar (ora del Pacifico, 23 ore) e 29 mar (23 ore): i loro "
           "conteggi sono confrontati così come sono con quelli dei giorni di 24 ore.")])
def test_the_alert_rows_say_a_day_of_23_hours(lang, said):
    """The alerts frame flags a day the clocks change (dst_day) but the report never said it.
    Here two alerts fall on such days, each in its own zone: 8 March in California (daylight
    time from 02:00, 00:00 PST to 00:00 PDT is 23 hours) and 29 March in Paris (CET to CEST
    at 02:00, 23 hours); the caption of the alert rows names both, the Pacific day with its
    zone as its row does."""
    rep = BrandReport(_clock_change(lang), "2026-03", lang=lang)
    f = rep.fmt
    rows = [b for b in rep.alerts().blocks if b["kind"] == "table"][1]
    mar = {"en": "Mar", "fr": "mars", "it": "mar"}[lang]
    pacific = {"en": "Pacific time", "fr": "heure du Pacifique", "it": "ora del Pacifico"}[lang]
    assert [r[:3] for r in rows["rows"]] == [
        [f"8 {mar} ({pacific})", "Instagram", f.label("sig_net_followers")],
        [f"29 {mar}", "Instagram", f.label("sig_comments")]]
    assert rows["caption"] == said


def test_no_clock_change_no_caption():
    """March's incident of 16 March (:func:`_three_zones`): no 23- or 25-hour day among its
    rows (Paris changes on 29 March, California on 8 March, UTC never), no caption."""
    rep = BrandReport(_three_zones("en"), "2026-03", lang="en")
    rows = [b for b in rep.alerts().blocks if b["kind"] == "table"][1]
    assert rows.get("caption") is None
