from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from smmanalytics.errors import PeriodError, SmmError
from smmanalytics.periods import latest_complete_month, parse_period


@pytest.mark.parametrize("text,start,end,days", [
    ("2026-10", dt.date(2026, 10, 1), dt.date(2026, 10, 31), 31),
    ("2026-02", dt.date(2026, 2, 1), dt.date(2026, 2, 28), 28),
    ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), 92),
    ("2026-09-01..2026-09-15", dt.date(2026, 9, 1), dt.date(2026, 9, 15), 15),
    # a range's ends name their days: a month, quarter or year from its first to its last
    # (they ended on the first day of the last: 2026-09..2026-10 was 31 days, not 61)
    ("2026-09..2026-10", dt.date(2026, 9, 1), dt.date(2026, 10, 31), 30 + 31),
    ("2026-Q3..2026-Q4", dt.date(2026, 7, 1), dt.date(2026, 12, 31), 92 + 92),
    ("2026..2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 365),
    ("2025..2026-Q1", dt.date(2025, 1, 1), dt.date(2026, 3, 31), 365 + 90),
    ("2026-10-15..2026-11", dt.date(2026, 10, 15), dt.date(2026, 11, 30), 17 + 30),
    (("2026-09", "2026-10"), dt.date(2026, 9, 1), dt.date(2026, 10, 31), 61),
    ((pd.Period("2026-02", "M"), 2026), dt.date(2026, 2, 1), dt.date(2026, 12, 31), 334),
])
def test_parse_period(text, start, end, days):
    p = parse_period(text)
    assert (p.start, p.end, p.days) == (start, end, days)


def test_previous_and_contains():
    p = parse_period("2026-01")
    assert p.previous().label == "2025-12"
    assert parse_period("2026-Q1").previous().label == "2025-Q4"
    mask = p.contains(pd.Series(pd.to_datetime(["2025-12-31 23:59", "2026-01-31 23:00",
                                                "2026-02-01 00:00"])))
    assert mask.tolist() == [False, True, False]


@pytest.mark.parametrize("given,start,end,label", [
    # whole calendar months: as many whole months just before. Sep-Oct (61 days) was compared
    # with the 61 days before, 2 July to 31 August, GA4's July prorated; now July-August
    ("2026-09..2026-10", "2026-07-01", "2026-08-31", "2026-07-01..2026-08-31"),
    ("2026-09-01..2026-10-31", "2026-07-01", "2026-08-31", "2026-07-01..2026-08-31"),
    ((dt.date(2026, 9, 1), dt.date(2026, 10, 31)), "2026-07-01", "2026-08-31",
     "2026-07-01..2026-08-31"),
    # February alone (28 days) was compared with 4 to 31 January; now January
    ("2026-02..2026-02", "2026-01-01", "2026-01-31", "2026-01"),
    # a quarter written as a range was compared with 31 March to 30 June (92 days)
    ("2026-Q3..2026-Q3", "2026-04-01", "2026-06-30", "2026-Q2"),
    # leap year: February 2028 has 29 days; its previous month is January (31 days)
    ("2028-02", "2028-01-01", "2028-01-31", "2028-01"),
    # March-April 2028 (61 days): January 1 to February 29, 31 + 29 = 60 days, not 61
    ("2028-03..2028-04", "2028-01-01", "2028-02-29", "2028-01-01..2028-02-29"),
    # across a year end: January-February 2027 follows November-December 2026
    ("2027-01..2027-02", "2026-11-01", "2026-12-31", "2026-11-01..2026-12-31"),
    # half a year from January: July to December of the year before
    ("2026-01..2026-06", "2025-07-01", "2025-12-31", "2025-07-01..2025-12-31"),
    # not whole months: the same number of days ending the day before (10 days: Aug 31-Sep 9)
    ("2026-09-10..2026-09-19", "2026-08-31", "2026-09-09", "2026-08-31..2026-09-09"),
    # from the 1st but not to a month's end: 15 days before 1 September, 17 to 31 August
    ("2026-09-01..2026-09-15", "2026-08-17", "2026-08-31", "2026-08-17..2026-08-31"),
])
def test_previous_of_whole_months_is_the_months_before(given, start, end, label):
    """A range of whole calendar months was compared with as many days before, not the same
    number of months: September-October with 2 July to 31 August."""
    prev = parse_period(given).previous()
    assert (prev.start.isoformat(), prev.end.isoformat(), prev.label) == (start, end, label)


@pytest.mark.parametrize("given,label,kind", [
    ("2026-10..2026-10", "2026-10", "month"),
    ("2026-10-01..2026-10-31", "2026-10", "month"),
    ((dt.date(2026, 10, 1), dt.date(2026, 10, 31)), "2026-10", "month"),
    ("2026-07-01..2026-09-30", "2026-Q3", "quarter"),
    ("2026-07..2026-09", "2026-Q3", "quarter"),
    ("2026-Q3..2026-Q3", "2026-Q3", "quarter"),
    ("2026-01-01..2026-12-31", "2026", "year"),
    ("2026-01..2026-Q4", "2026", "year"),
    # three whole months that are no calendar quarter, twelve that are no calendar year
    ("2026-08..2026-10", "2026-08-01..2026-10-31", "range"),
    ("2026-04..2027-03", "2026-04-01..2027-03-31", "range"),
    ("2026-10-01..2026-10-30", "2026-10-01..2026-10-30", "range"),
])
def test_one_whole_month_quarter_or_year_is_that_period(given, label, kind):
    """"2026-10-01..2026-10-31" was a range labelled so: its report went to a second folder
    beside the one of "2026-10", for the same report; it is now the month 2026-10."""
    p = parse_period(given)
    assert (p.label, p.kind) == (label, kind)
    assert p == parse_period(label) or kind == "range"


@pytest.mark.parametrize("bad,words", [
    ("2026-13x", "got '2026-13x'"),
    ("2026-13", "got '2026-13'"),                              # no 13th month
    (("2026-10-01", "soon"), "not a date: 'soon'"),
    ("2026-10-31..2026-10-01", "end 2026-10-01 is before its start 2026-10-31"),
    ("2026-10..2026-09", "end 2026-09-30 is before its start 2026-10-01"),
    ("2026-10..2026-13", "not a date: '2026-13'"),
    # NaT is a datetime of no day: TypeError "Cannot compare NaT with datetime.date"
    ((pd.NaT, "2026-10-01"), "not a date: NaT; expected a date such as 2026-10-01"),
    (("2026-10-01", pd.NaT), "not a date: NaT"),
])
def test_bad_period_is_a_period_error_naming_the_value(bad, words):
    with pytest.raises(PeriodError, match=words) as err:
        parse_period(bad)
    assert isinstance(err.value, SmmError) and isinstance(err.value, ValueError)


@pytest.mark.parametrize("day", ["2026-10-15", pd.Timestamp("2026-10-15"),
                                 dt.date(2026, 10, 15), dt.datetime(2026, 10, 15, 9, 30)])
def test_a_single_date_is_no_period_and_the_error_says_how_to_ask_for_it(day):
    # a Timestamp often stands for its month or week: it is not read as one day, but the
    # error now says how to ask for that day, and the way it says works
    with pytest.raises(PeriodError, match="or a \\(start, end\\) pair of dates; got .* "
                       "\\(for that one day: '2026-10-15..2026-10-15'\\)$"):
        parse_period(day)
    p = parse_period("2026-10-15..2026-10-15")
    assert (p.start, p.end, p.days) == (dt.date(2026, 10, 15), dt.date(2026, 10, 15), 1)
    with pytest.raises(PeriodError, match="got '2026-13': the month"):   # not a day
        parse_period("2026-13")


_FORMS = ("period must be 'YYYY-MM', 'YYYY-Qn', 'YYYY', 'START..END' or a (start, end) pair "
          "of dates; got ")


@pytest.mark.parametrize("bad,why", [
    # the form is right, a part out of range
    ("2026-13", "the month must be 01 to 12, not 13"),
    ("2026-00", "the month must be 01 to 12, not 00"),
    ("2026-Q5", "the quarter must be Q1 to Q4, not Q5"),
    ("Q5 2026", "the quarter must be Q1 to Q4, not Q5"),
    ("2026-10-32", "that day is not in the calendar"),
    # near a form: the form it means
    ("Q3 2026", "the year comes first, '2026-Q3'"),
    ("october", "a month is written as its year and number, 'YYYY-10' for October"),
    ("Oct 2026", "a month is written as its year and number, '2026-10' for October 2026"),
    ("latest", "'latest' (the last whole month the data covers) is read by smm's --period "
               "and run_report only; here write the month, such as '2026-10'"),
])
def test_a_bad_period_says_what_is_wrong_with_it(bad, why):
    # each gave the list of forms alone, which did not say 2026-13's form was right
    with pytest.raises(PeriodError) as err:
        parse_period(bad)
    assert str(err.value) == f"{_FORMS}{bad!r}: {why}"


def test_a_period_near_no_form_gets_the_forms_alone():
    with pytest.raises(PeriodError) as err:
        parse_period("lately")
    assert str(err.value) == f"{_FORMS}'lately'"


def test_cli_says_what_is_wrong_with_a_period(capsys):
    from smmanalytics.cli import main

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    assert main(["roi", str(sample), "--period", "2026-13"]) == 2      # no traceback
    assert "smm: error: --period must be YYYY-MM" in capsys.readouterr().err
    # 'latest' was smm report's alone: every command takes it now (the latest complete month)
    assert main(["roi", str(sample), "--period", "latest"]) == 0
    assert capsys.readouterr().out.splitlines()[1].lstrip().startswith("2026-10")
    # in any case; the error names the command line's forms: 'latest', not the Python
    # API's (start, end) pair, which it offered
    assert main(["roi", str(sample), "--period", "LATEST"]) == 0
    assert capsys.readouterr().out.splitlines()[1].lstrip().startswith("2026-10")
    for command in (["roi", str(sample)], ["alerts", str(sample)],
                    ["report", "monthly", "--data", str(sample)]):
        assert main([*command, "--period", "lately"]) == 2
        assert capsys.readouterr().err == (
            "smm: error: --period must be YYYY-MM, YYYY-Qn, YYYY, START..END (days, months, "
            "quarters or years) or latest; got 'lately'\n")
    assert main(["roi", str(sample), "--period", "2026-10-15"]) == 2
    assert capsys.readouterr().err.endswith(
        "got '2026-10-15' (for that one day: '2026-10-15..2026-10-15')\n")



@pytest.mark.parametrize("command", ["report", "roi", "alerts"])
def test_cli_help_names_every_period_form_it_takes(command, capsys):
    """`smm report --help` left out the year (YYYY) that the README shows it taking, and
    `smm alerts --help` the quarter and the range it takes; each help now names them all,
    and `smm report --help` says what --lang defaults to."""
    from smmanalytics.cli import main

    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())       # argparse wraps the lines
    forms = {"report": ["YYYY-MM", "YYYY-Qn", "YYYY,", "START..END", "latest"],
             "roi": ["2026-10", "2026-Q3", "2026,", "2026-10-01..2026-10-15", "latest"],
             "alerts": ["YYYY-MM", "YYYY-Qn", "YYYY,", "START..END", "latest"]}[command]
    assert all(f in text.split("--period PERIOD", 1)[1] for f in forms)
    if command == "report":      # --lang had no help: its default and the file names it gives
        with pytest.raises(SystemExit):
            main(["--help"])    # the .ics calendars the monthly and best-times reports write
        assert ("write .ipynb, .html and .pdf (monthly, best-times: .ics slots too)"
                in " ".join(capsys.readouterr().out.split()))
        assert "--lang {en,fr,it} report language (default: brand.yaml language; another " \
               "one adds -LANG to the file names)" in text

def test_latest_complete_month():
    assert latest_complete_month(dt.date(2026, 11, 1)).label == "2026-10"
    assert latest_complete_month(dt.date(2026, 10, 31)).label == "2026-09"
    assert latest_complete_month(dt.date(2026, 1, 5)).label == "2025-12"


@pytest.mark.parametrize("snapshot,as_of,latest", [
    ("2026-10-31 23:00", dt.date(2026, 10, 31), "2026-10"),   # the end of 31 October in Paris
    ("2026-10-31 09:00", dt.date(2026, 10, 30), "2026-09"),   # 31 October not yet over
])
def test_the_latest_month_is_the_last_one_the_data_cover_in_full(snapshot, as_of, latest):
    from smmanalytics import Brand, Dataset, schema
    from smmanalytics._preflight import latest_period_of

    posts = schema.conform(pd.DataFrame({
        "platform": ["x"], "post_id": ["1"], "published_at": [pd.Timestamp("2026-10-02", tz="UTC")],
        "snapshot_at": [pd.Timestamp(snapshot, tz="UTC")]}), "posts")
    ds = Dataset(posts=posts, brand=Brand(timezone="Europe/Paris"))
    assert (ds.as_of(), latest_period_of(ds, "data")) == (as_of, latest)


@pytest.mark.parametrize("snapshot,as_of,latest", [
    # the end of the UTC day 31 October (an X export through its 31st): 17:00 in Los Angeles,
    # it read the data as of 30 October and September as the latest month; an export of UTC
    # days covers no more of the brand's 31 October
    ("2026-11-01 00:00", dt.date(2026, 10, 31), "2026-10"),
    # the end of 31 October in Meta's zone (US Pacific, PDT: 07:00 UTC)
    ("2026-11-01 07:00", dt.date(2026, 10, 31), "2026-10"),
    # an export taken at 20:00 on 31 October in Los Angeles: that day not over
    ("2026-11-01 03:00", dt.date(2026, 10, 30), "2026-09"),
])
def test_the_latest_month_west_of_utc_counts_a_day_ended_in_utc(snapshot, as_of, latest):
    from smmanalytics import Brand, Dataset, schema
    from smmanalytics._preflight import latest_period_of

    posts = schema.conform(pd.DataFrame({
        "platform": ["x"], "post_id": ["1"], "published_at": [pd.Timestamp("2026-10-02", tz="UTC")],
        "snapshot_at": [pd.Timestamp(snapshot, tz="UTC")]}), "posts")
    ds = Dataset(posts=posts, brand=Brand(timezone="America/Los_Angeles"))
    assert (ds.as_of(), latest_period_of(ds, "data")) == (as_of, latest)


def test_an_x_only_brand_in_los_angeles_gets_the_month_its_exports_end(tmp_path):
    """A brand whose only platform is X, in Los Angeles, with X's content and overview
    exports of every day of October 2026 (X's days are UTC days, each export taken at the end
    of its last day, 1 November 00:00 UTC): ``latest`` was 2026-09, October never complete;
    it is 2026-10, the data as of 31 October."""
    from smmanalytics import load
    from smmanalytics._preflight import latest_period_of

    (tmp_path / "brand.yaml").write_text("name: West Co\ntimezone: America/Los_Angeles\n"
                                         "currency: USD\nlanguage: en\n", encoding="utf-8")
    days = pd.date_range("2026-10-01", "2026-10-31")
    posts = [f'{d:%m%d}1,"{d:%a, %b %-d, %Y}",post,https://x.com/westco/status/{d:%m%d}1,'
             "100,5,1,1" for d in days]
    (tmp_path / "account_analytics_content_2026-10-01_2026-10-31.csv").write_text(
        "Post id,Date,Post text,Post Link,Impressions,Likes,Replies,Reposts\n"
        + "\n".join(posts) + "\n", encoding="utf-8")
    overview = [f'"{d:%a, %b %-d, %Y}",1000,40,10,1,2,3,1' for d in days]
    (tmp_path / "account_overview_analytics.csv").write_text(
        "Date,Impressions,Engagements,Likes,Replies,Reposts,New follows,Unfollows\n"
        + "\n".join(overview) + "\n", encoding="utf-8")
    ds = load(tmp_path, cache=False)
    assert ds.as_of() == dt.date(2026, 10, 31)
    assert latest_period_of(ds, tmp_path) == "2026-10"


@pytest.mark.parametrize("value,freq,label,kind,start,end", [
    ("2026-10", "M", "2026-10", "month", "2026-10-01", "2026-10-31"),
    ("2026Q3", "Q", "2026-Q3", "quarter", "2026-07-01", "2026-09-30"),
    ("2026", "Y", "2026", "year", "2026-01-01", "2026-12-31"),
    ("2026-10-05", "D", "2026-10-05..2026-10-05", "range", "2026-10-05", "2026-10-05"),
    # a fiscal quarter ending in March: Q1 of 2026 runs April to June 2025, the days of the
    # calendar quarter 2025-Q2, which it now is (one report folder for the same days)
    ("2026Q1", "Q-MAR", "2025-Q2", "quarter", "2025-04-01", "2025-06-30"),
    # a fiscal quarter ending in February: March to May 2026, no calendar quarter
    ("2026Q1", "Q-FEB", "2025-03-01..2025-05-31", "range", "2025-03-01", "2025-05-31"),
])
def test_pandas_period_accepted(value, freq, label, kind, start, end):
    p = parse_period(pd.Period(value, freq))
    assert (p.label, p.kind) == (label, kind)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


def test_roi_takes_a_pandas_period(tmp_path):
    from smmanalytics.roi import roi

    from ._roi_builders import dataset

    ds = dataset(tmp_path, "2026-10-01,2026-10-31,tools,31,,,,,,\n")
    a = roi(ds, pd.Period("2026-10-05", "D"))
    assert a.loc[0, "period"] == "2026-10-05..2026-10-05" and a.loc[0, "cost"] == 1.0  # 31 / 31
    pd.testing.assert_frame_equal(roi(ds, pd.Period("2026-10", "M")), roi(ds, "2026-10"))


def test_tz_naive_publish_times_are_refused_not_read_as_utc():
    # a Dataset built from posts whose published_at lost its zone: roi, compare, alerts, …
    # took their days as if the times were UTC (or raised from pandas, alerts); now a
    # SchemaError says what is taken. Text with its offset (read_csv) is read.
    from smmanalytics.errors import SchemaError
    from smmanalytics.periods import local_dates, posts_in_period

    naive = pd.Series(pd.to_datetime(["2026-10-31 23:30"]), name="published_at")
    with pytest.raises(SchemaError, match="column 'published_at' must be tz-aware datetimes "
                       "\\(UTC\\); got tz-naive datetime64"):
        local_dates(naive, "Europe/Paris")
    with pytest.raises(SchemaError, match="got tz-naive"):
        posts_in_period(pd.DataFrame({"published_at": naive}), "2026-10", "Europe/Paris")
    # 23:30 UTC on 31 October is 1 November in Paris (00:30 CET), given as text or datetime
    text = pd.Series(["2026-10-31 23:30:00+00:00"], name="published_at")
    assert str(local_dates(text, "Europe/Paris").iloc[0].date()) == "2026-11-01"
    assert posts_in_period(pd.DataFrame({"published_at": text}), "2026-10",
                           "Europe/Paris").empty
    assert len(posts_in_period(pd.DataFrame({"published_at": text}), "2026-11",
                               "Europe/Paris")) == 1


def test_alerts_of_a_dataset_with_posts_read_back_from_csv():
    # Dataset(posts=pd.read_csv(...)): alerts raised pandas' AttributeError on the text times
    import io

    from smmanalytics.alerts import signals
    from smmanalytics.brand import Brand
    from smmanalytics.dataset import Dataset

    posts = pd.DataFrame({
        "platform": ["instagram", "instagram"], "post_id": ["1", "2"],
        "published_at": pd.to_datetime(["2026-10-01 22:30", "2026-10-02 08:00"], utc=True),
        "comments": [3.0, 4.0], "reach": [100.0, 200.0]})
    back = pd.read_csv(io.StringIO(posts.to_csv(index=False)))
    brand = Brand(name="B", timezone="Europe/Paris")
    sig = signals(Dataset(posts=back, brand=brand))
    comments = sig.loc[sig["signal"] == "comments"]
    # 22:30 UTC on 1 October is 00:30 on 2 October in Paris: both posts on the 2nd, 3 + 4
    assert comments["date"].tolist() == [pd.Timestamp("2026-10-02")]
    assert comments["value"].tolist() == [7.0]
    pd.testing.assert_frame_equal(sig, signals(Dataset(posts=posts, brand=brand)))


def test_a_post_known_to_the_day_keeps_its_day_in_any_zone():
    """YouTube dates its videos by the day, stored at 00:00 UTC: in New York the video of
    1 April fell on 31 March, in March's posts and figures. A post known to the minute is
    converted as before; a day stored at another instant is the nearest day in the zone."""
    from smmanalytics.periods import post_dates, posts_in_period

    posts = pd.DataFrame({
        "published_at": pd.to_datetime(["2026-04-01T00:00Z", "2026-04-01T00:00Z",
                                        "2026-04-01T04:00Z", "2026-03-31T22:00Z", None],
                                       utc=True),
        "time_precision": ["day", "minute", "day", "day", "day"],
        "post_id": list("abcde")})
    days = post_dates(posts, "America/New_York")
    # a: its day; b: 20:00 on 31 March in New York; c: 00:00 New York time (EDT, -4 h) is
    # 1 April; d: 18:00 on 31 March there, nearest day 1 April; e: no time
    assert days.dt.strftime("%Y-%m-%d").tolist()[:4] == ["2026-04-01", "2026-03-31",
                                                         "2026-04-01", "2026-04-01"]
    assert pd.isna(days.iloc[4])
    assert posts_in_period(posts, "2026-04", "America/New_York")["post_id"].tolist() == \
        ["a", "c", "d"]
    # in Tokyo (+9 h) a is still 1 April, b is 09:00 on 1 April
    assert post_dates(posts, "Asia/Tokyo").dt.strftime("%Y-%m-%d").tolist()[:2] == [
        "2026-04-01", "2026-04-01"]


@pytest.mark.parametrize("args, kw, error, words", [
    (("2026-10-01", "2026-10-31", "2026-10"), {}, "ArgumentTypeError",
     ["'start'", "datetime.date", "str '2026-10-01'", "parse_period"]),
    ((dt.date(2026, 10, 1), "2026-10-31", "2026-10"), {}, "ArgumentTypeError",
     ["'end'", "str '2026-10-31'"]),
    ((dt.date(2026, 10, 1), dt.date(2026, 10, 31), 202610), {}, "ArgumentTypeError",
     ["'label'", "int 202610"]),
    ((dt.date(2026, 10, 1), dt.date(2026, 10, 31), "2026-10"), {"kind": "mnth"},
     "ArgumentError", ["'kind'", "'month'", "got 'mnth'"]),
    ((dt.date(2026, 10, 1), dt.date(2026, 10, 31), "2026-09"), {"kind": "month"},
     "PeriodError", ["labelled '2026-10'", "got label '2026-09'"]),
    ((dt.date(2026, 10, 1), dt.date(2026, 10, 30), "2026-10"), {"kind": "month"},
     "PeriodError", ["no calendar month", "got label '2026-10'"]),
    ((dt.date(2026, 7, 1), dt.date(2026, 9, 30), "2026-Q2"), {"kind": "quarter"},
     "PeriodError", ["labelled '2026-Q3'"]),
    ((dt.date(2026, 1, 1), dt.date(2026, 12, 31), "2025"), {"kind": "year"},
     "PeriodError", ["labelled '2026'"]),
])
def test_period_checks_its_fields(args, kw, error, words):
    """A Period made by hand of strings, an unknown kind or a label not its dates' is refused
    where it is made, not a TypeError in roi or a '2026-09 vs 2026-09' comparison later."""
    from smmanalytics import errors
    from smmanalytics.periods import Period

    with pytest.raises(getattr(errors, error)) as info:
        Period(*args, **kw)
    for word in words:
        assert word in str(info.value)


def test_period_takes_timestamps_as_their_days():
    from smmanalytics.periods import Period

    p = Period(pd.Timestamp("2026-10-01"), dt.datetime(2026, 10, 31, 5), "2026-10", "month")
    assert (p.start, p.end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert p == parse_period("2026-10")
    assert p.previous().label == "2026-09"


def test_numpy_integers_are_years_as_ints_are():
    import numpy as np

    assert parse_period(np.int64(2026)) == parse_period(2026)
    assert parse_period((np.int32(2025), np.int64(2026))).label == "2025-01-01..2026-12-31"
    with pytest.raises(PeriodError, match="got True"):
        parse_period(True)


@pytest.mark.parametrize("bad,year", [("0000", 0), ("0001-01", 1), ("1899-Q4", 1899),
                                      ("1899-12-31..1900-01-01", 1899)])
def test_a_year_outside_the_calendar_is_a_period_error_naming_the_range(bad, year):
    # datetime's ValueError "year 0 is out of range" came through; years run 1900 to 9999
    with pytest.raises(PeriodError, match=f"years run from 1900 to 9999; got year {year} "):
        parse_period(bad)


def test_the_last_year_holds_whole_periods_and_the_first_has_none_before_it():
    # December 9999 ended on a date built in year 10000 (ValueError); its last day by hand: 31
    assert parse_period("9999-12").end == dt.date(9999, 12, 31)
    assert parse_period("9999-Q4").previous().label == "9999-Q3"
    assert parse_period("9999").days == 365                     # 9999 is no leap year
    # previous() of 0001-01 was an OverflowError; the first year has no period before it
    for first in ("1900-01", "1900-Q1", "1900", "1900-01-01..1900-01-10"):
        with pytest.raises(PeriodError, match=f"^{re.escape(first)} has no period before it: "
                           "a period's years run from 1900 to 9999$"):
            parse_period(first).previous()
    assert parse_period("1900-02").previous().label == "1900-01"


def test_cli_period_error_says_what_is_wrong_after_a_colon(capsys):
    # the day's message was glued to the forms' ("…got '2026-02-29..2026-03-01'not a date")
    from smmanalytics.cli import main

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    assert main(["roi", str(sample), "--period", "2026-02-29..2026-03-01"]) == 2
    assert capsys.readouterr().err == (
        "smm: error: --period must be YYYY-MM, YYYY-Qn, YYYY, START..END (days, months, "
        "quarters or years) or latest; got '2026-02-29..2026-03-01': not a date: "
        "'2026-02-29'; expected a date such as 2026-10-01\n")
    assert main(["roi", str(sample), "--period", "0000"]) == 2
    assert capsys.readouterr().err.endswith(
        "got '0000': a period's years run from 1900 to 9999; got year 0 in '0000'\n")


@pytest.mark.parametrize(("args", "said"), [
    (("2026-10",), "argument 'end': a Period is made of its start, end and label; got no end "
                   "and label (smm.parse_period('2026-10') makes the period of a text)"),
    (("2026-Q3",), "argument 'end': a Period is made of its start, end and label; got no end "
                   "and label (smm.parse_period('2026-Q3') makes the period of a text)"),
    # s57DB: the hint dropped the end and named parse_period('2026-10-01'), which fails
    ((dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
     "argument 'label': a Period is made of its start, end and label; got no label "
     "(smm.parse_period(('2026-10-01', '2026-10-31')) makes the period of its two ends)"),
    (("2026-10-01", "2026-10-31"),
     "argument 'label': a Period is made of its start, end and label; got no label "
     "(smm.parse_period(('2026-10-01', '2026-10-31')) makes the period of its two ends)"),
    (("2026-10-01",), "argument 'end': a Period is made of its start, end and label; got no "
                      "end and label (smm.parse_period('2026-10-01..2026-10-01') makes the "
                      "period of a text)"),
    ((5,), "argument 'end': a Period is made of its start, end and label; got no end and "
           "label (smm.parse_period('2026-10') makes the period of a text)"),
])
def test_a_period_of_its_text_alone_points_to_parse_period(args, said):
    """s57R1: ``smm.Period("2026-10")``, a notebook's first try, was a bare TypeError (missing
    'end' and 'label'), no SmmError and no word of what to type. The call it names works
    (it makes the period the arguments meant)."""
    import re

    import smmanalytics as smm
    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError) as caught:
        smm.Period(*args)
    assert str(caught.value) == said
    hint = re.search(r"smm\.parse_period\((.+)\) makes", said).group(1)
    assert parse_period(eval(hint)).start      # the call named does not fail
    # the whole three still make the period parse_period gives
    assert smm.Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31), "2026-10",
                      "month") == parse_period("2026-10")
