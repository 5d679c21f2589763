"""The period an export's file name says it covers (files.covers_from, covers_to) and what it
changes: a platform known by its posts alone spans to the end of its export, not to its last
post, in Dataset.span and in the notes of the report, the comparison, goals and the runner."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.errors import EmptyDataError
from smmanalytics.loaders._folder import export_rows
from smmanalytics.loaders._snapshot import range_from_name
from smmanalytics.quality import QualityLog

from ._roi_builders import dataset, posts

D = dt.date
X_HEADER = ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,"
            "New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,"
            "Hashtag Clicks,Permalink Clicks")


@pytest.mark.parametrize("name,expected", [
    # Meta: start, end, export day
    ("facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv", (D(2026, 10, 1), D(2026, 10, 31))),
    # X: start, end
    ("account_analytics_content_2025-09-01_2026-02-28.csv", (D(2025, 9, 1), D(2026, 2, 28))),
    # YouTube: the zip's name, for its members
    ("b/Content 2025-09-01_2026-10-31 Maison Sève.zip!Table data.csv",
     (D(2025, 9, 1), D(2026, 10, 31))),
    # legacy Facebook Insights, dates in a sentence; compact dates
    ("Facebook Insights Data Export (Post Level) - Maison Seve - 2014-01-01 - 2014-02-27.csv",
     (D(2014, 1, 1), D(2014, 2, 27))),
    ("tweets_20261001-20261031.csv", (D(2026, 10, 1), D(2026, 10, 31))),
    # a member's own dates decide, not its archive's
    ("brand_2026-01-01_2026-12-31.zip!ig/posts_2026-10-01_2026-10-15.csv",
     (D(2026, 10, 1), D(2026, 10, 15))),
    ("posts.csv", None),                                          # no date
    ("instagram_posts_2026-11-20.csv", None),                      # a snapshot day
    ("brand_2026-01-01_2026-12-31.zip!ig/posts_2026-11-20.csv", None),
    # TikTok: first day and export moment (epoch); LinkedIn: epoch only
    ("Overview_2025-11-01_1793520000_maisonseve.zip!Overview.csv", None),
    ("maison-seve_content_1777622400000.xls", None),
    ("export_2026-10-01_2026-10-31T0815.csv", None),              # a day and a moment
])
def test_range_from_name(name, expected):
    log = QualityLog()
    assert range_from_name(name, log) == expected
    assert log.entries == []


@pytest.mark.parametrize("name,why", [
    ("x_2026-10-31_2026-10-01.csv", "its end, 2026-10-01, comes before its start, 2026-10-31"),
    ("facebook_posts_2026-10-01_2026-10-31_2026-10-20.csv",
     "its export day, 2026-10-20, comes before its end, 2026-10-31"),
    ("a_2026-01-01_2026-01-02_2026-01-03_2026-01-04.csv",
     "4 dates, where a start, an end and an export day are expected"),
    ("x_2026-10-01_2099-10-31.csv", "2099-10-31 is later than today"),
])
def test_odd_ranges_are_not_read_and_are_noted(name, why):
    log = QualityLog()
    assert range_from_name(name, log) is None
    [note] = log.entries
    assert note["code"] == "name_range_ignored" and note["level"] == "info"
    assert note["message"] == (f"the dates of the name {name!r} do not make the period the "
                               f"export covers ({why}): its days are known from its rows only")


def _files(*rows) -> pd.DataFrame:
    """A files table: (platform, kind, status, covers_from, covers_to) per row."""
    from smmanalytics.dataset import FILE_COLUMNS

    df = pd.DataFrame([{"path": f"f{i}.csv", "platform": p, "kind": k, "status": s,
                        "covers_from": pd.Timestamp(a) if a else pd.NaT,
                        "covers_to": pd.Timestamp(b) if b else pd.NaT}
                       for i, (p, k, s, a, b) in enumerate(rows)], columns=list(FILE_COLUMNS))
    return df.astype(FILE_COLUMNS)


def _x_posts(*days: str) -> pd.DataFrame:
    return posts([{"platform": "x", "post_id": str(i), "published_at": f"{d}T09:00:00Z",
                   "reactions": 10.0, "reach": 100.0} for i, d in enumerate(days)])


def test_span_unites_posts_daily_rows_and_the_exports_covered_days():
    ds = dataset(posts=_x_posts("2026-09-05", "2026-10-20"))
    assert ds.span("x") == (D(2026, 9, 5), D(2026, 10, 20))        # no files: the posts
    assert ds.span("x", posts=False) == (None, None)
    files = _files(("x", "posts", "ok", "2026-09-01", "2026-10-31"),
                   # another platform's, a failed file's, a GA4 export's: not X's
                   ("instagram", "posts", "ok", "2026-08-01", "2026-11-30"),
                   (None, None, "failed", "2026-07-01", "2026-12-31"),
                   (None, "web", "ok", "2026-06-01", "2027-01-31"),
                   ("x", "posts", "ok", None, None))
    ds = dataclasses.replace(ds, files=files)
    assert ds.span("x") == ds.span("x", web=False) == (D(2026, 9, 1), D(2026, 10, 31))
    assert ds.span("x", posts=False) == (D(2026, 9, 1), D(2026, 10, 31))
    assert ds.span("instagram") == (D(2026, 8, 1), D(2026, 11, 30))
    assert ds.span("tiktok") == (None, None)
    # all platforms: X's and Instagram's files; with web, the GA4 export's too
    assert ds.span(web=False) == (D(2026, 8, 1), D(2026, 11, 30))
    assert ds.span() == (D(2026, 6, 1), D(2027, 1, 31))
    # a post outside its export's named period still counts (the name is not the whole truth)
    late = dataclasses.replace(ds, posts=_x_posts("2026-09-05", "2026-11-03"))
    assert late.span("x") == (D(2026, 9, 1), D(2026, 11, 3))
    # a files table from before the covered days (or a hand-made one): posts and rows only
    old = dataclasses.replace(ds, files=files.drop(columns=["covers_from", "covers_to"]))
    assert old.span("x") == (D(2026, 9, 5), D(2026, 10, 20))


def _snowflake(day: str) -> int:
    """The id X gives a post published at 09:00 UTC on ``day``."""
    ms = int(pd.Timestamp(f"{day}T09:00:00Z").timestamp() * 1000)
    return (ms - 1288834974657) << 22


def _x_export(folder: Path, name: str, days: list[str]) -> Path:
    """An X content export of one post on each of ``days``, 13 interactions each (10 likes,
    1 reply, 2 reposts)."""
    rows = [f'{_snowflake(d)},"{pd.Timestamp(d):%a, %b %-d, %Y}",Post {i},'
            f'https://x.com/b/status/{_snowflake(d)},100,10,20,0,0,0,1,2,0,0,0,0,0'
            for i, d in enumerate(days)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join([X_HEADER, *rows]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def x_brand(tmp_path) -> Path:
    """A brand whose only export is X's posts of 1 September to 31 October 2026, in which
    the brand last posted on 20 October."""
    d = _x_export(tmp_path / "brand", "account_analytics_content_2026-09-01_2026-10-31.csv",
                  ["2026-09-05", "2026-09-12", "2026-10-03", "2026-10-20"])
    (d / "brand.yaml").write_text("name: Test\ntimezone: Europe/Paris\nlanguage: en\n",
                                  encoding="utf-8")
    (d / "goals.yaml").write_text("goals:\n  - {metric: posts, platform: x, target: 2}\n",
                                  encoding="utf-8")
    return d


def test_a_loaded_posts_export_spans_the_period_its_name_gives(x_brand):
    ds = smm.load(x_brand, cache=False)
    files = ds.files[export_rows(ds.files)]          # brand.yaml and goals.yaml cover no days
    assert files["covers_from"].tolist() == [pd.Timestamp("2026-09-01")]
    assert files["covers_to"].tolist() == [pd.Timestamp("2026-10-31")]
    assert str(ds.files["covers_to"].dtype) == "datetime64[ns]"
    assert ds.span("x") == ds.span() == (D(2026, 9, 1), D(2026, 10, 31))
    # the same export named without its period: its posts are all the data say
    (x_brand / "account_analytics_content_2026-09-01_2026-10-31.csv").rename(
        x_brand / "account_analytics_content.csv")
    bare = smm.load(x_brand, cache=False)
    assert bare.files["covers_to"].isna().all()
    assert bare.span("x") == (D(2026, 9, 5), D(2026, 10, 20))


def test_the_period_of_a_zip_and_an_odd_name_in_the_files_table(tmp_path):
    d = _x_export(tmp_path / "src", "account_analytics_content.csv", ["2026-10-03"])
    _x_export(d, "tweets_2026-10-31_2026-10-01.csv", ["2026-10-04"])
    with zipfile.ZipFile(tmp_path / "x 2026-10-01_2026-10-31.zip", "w") as zf:
        zf.write(d / "account_analytics_content.csv", "account_analytics_content.csv")
    ds = smm.load([tmp_path / "x 2026-10-01_2026-10-31.zip",
                   d / "tweets_2026-10-31_2026-10-01.csv"], cache=False)
    # the files in path order (src/tweets… before x 2026….zip), whatever the list's order
    assert ds.files["covers_from"].tolist() == [pd.NaT, pd.Timestamp("2026-10-01")]
    assert ds.files["covers_to"].tolist() == [pd.NaT, pd.Timestamp("2026-10-31")]
    assert ds.files["path"].str.contains(".zip", regex=False).tolist() == [False, True]
    q = ds.quality.loc[(ds.quality["code"] == "name_range_ignored").to_numpy()]
    assert q["file"].tolist() == [str(d / "tweets_2026-10-31_2026-10-01.csv")]
    assert ds.span("x") == (D(2026, 10, 1), D(2026, 10, 31))


def test_the_report_notes_do_not_end_the_data_at_the_last_post(x_brand, frozen_today):
    """Before, the key figures said "The exports cover October 2026 only from 1 October 2026
    to 20 October 2026", the comparison "The data stop at 2026-10-20: 2026-10 is compared
    over its first 20 days", the goal "data end on 2026-10-20: evaluated to that day", the
    posting rate was over 20/7 weeks, and a report of 21 to 31 October was refused."""
    from smmanalytics._preflight import check_covered
    from smmanalytics.benchmarks import compare_benchmarks
    from smmanalytics.periods import parse_period
    from smmanalytics.report import BrandReport

    ds = smm.load(x_brand, cache=False)
    for lang in ("en", "fr"):
        rep = BrandReport(ds, "2026-10", lang=lang)
        rep.kpi_table()
        text = str(rep.to_json())
        assert "20 octobre" not in text and "20 October" not in text
        assert rep.fmt.label("kpis_partly").split("{")[0] not in text
    c = smm.compare(ds, "2026-10")
    assert not [k for k in c.caveats if "stop" in k]
    # October (31 days) against September (30), per day, over the whole months: 2 posts each
    assert "2026-10 has 31 days and 2026-09 30: totals are compared per day." in c.caveats
    row = c.table.set_index("kpi").loc["interactions"]
    assert (row["current"], row["previous"]) == (26, 26)
    assert not [k for k in smm.compare(ds, "2026-10", platform="x").caveats if "stop" in k]
    frozen_today(D(2026, 12, 2))
    sc = smm.scorecard(ds, "2026-10")
    assert sc.loc[0, "actual"] == 2 and sc.loc[0, "complete"] and sc.loc[0, "status"] == "met"
    assert pd.isna(sc.loc[0, "note"])
    bench = compare_benchmarks(ds, "2026-10", edition=2023)
    rate = bench.loc[(bench["metric"] == "posts_per_week").to_numpy()].iloc[0]
    assert rate["brand_value"] == pytest.approx(2 / (31 / 7))
    assert rate["method"] == "posts published in 2026-10 ÷ 4.43 weeks"
    check_covered(ds, x_brand, parse_period("2026-10-21..2026-10-31"))     # no error
    with pytest.raises(EmptyDataError, match="2026-09-01 to 2026-10-31"):
        check_covered(ds, x_brand, parse_period("2026-11"))


def test_a_named_period_ending_within_the_month_is_an_end_of_the_data():
    """X's exports cover 21 September to 10 October (its posts alone were no end: its last
    post may be days before it); Instagram's posts cover September and October whole: the
    pooled comparison says X's totals stop at 10 October, as it says for daily rows."""
    ig = [{"platform": "instagram", "post_id": f"i{m}{k}", "reactions": 20.0, "reach": 400.0,
           "published_at": f"2026-{m:02d}-{k:02d}T09:00:00Z"}
          for m, n in ((9, 30), (10, 31)) for k in range(1, n + 1)]
    x = _x_posts("2026-09-25", "2026-10-05")
    ds = dataset(posts=pd.concat([posts(ig), x], ignore_index=True))
    assert not [k for k in smm.compare(ds, "2026-10").caveats if "x data stop" in k]
    ds = dataclasses.replace(ds, files=_files(("x", "posts", "ok", "2026-09-21",
                                                "2026-10-10")))
    assert [k for k in smm.compare(ds, "2026-10").caveats if "totals of" in k] == [
        "The x data stop at 2026-10-10: the totals of 2026-10 include it up to that day only, "
        "so part of the change comes from its missing days.",
        "The x data start on 2026-09-21: the totals of 2026-09 include it from that day only, "
        "so part of the change comes from its missing days."]
    # covering October whole: in both months' totals, over all of October
    ds = dataclasses.replace(ds, files=_files(("x", "posts", "ok", "2026-09-21",
                                                "2026-10-31")))
    assert [k for k in smm.compare(ds, "2026-10").caveats if "totals of" in k] == [
        "The x data start on 2026-09-21: the totals of 2026-09 include it from that day only, "
        "so part of the change comes from its missing days."]


def test_span_takes_the_local_days_of_the_first_and_last_times():
    """Only the extreme times are turned into local days: the same days as every post's,
    unsorted posts, missing times and days past midnight in the brand's zone included."""
    from smmanalytics.periods import local_dates

    ds = dataset(posts=posts([
        {"platform": "x", "post_id": "1", "published_at": "2026-10-31T23:30:00Z"},
        {"platform": "x", "post_id": "2", "published_at": None},
        {"platform": "x", "post_id": "3", "published_at": "2026-09-30T21:59:00Z"},
        {"platform": "instagram", "post_id": "4", "published_at": "2026-12-31T23:30:00Z"}]))
    ds = dataclasses.replace(ds, brand=dataclasses.replace(ds.brand, timezone="Europe/Paris"))
    assert ds.span("x") == (D(2026, 9, 30), D(2026, 11, 1))
    assert ds.span() == (D(2026, 9, 30), D(2027, 1, 1))
    assert ds.span("tiktok") == (None, None)
    sample = smm.load(Path(__file__).parents[1] / "data" / "sample" / "maison-seve")
    sample = dataclasses.replace(sample, files=sample.files.iloc[:0])   # posts and rows only
    for platform in [None, *sample.posts["platform"].cat.categories]:
        mine = sample.posts if platform is None else sample.posts[
            sample.posts["platform"].astype("string") == platform]
        days = local_dates(mine["published_at"], sample.brand.timezone)
        rows = sample.daily if platform is None else sample.daily[
            sample.daily["platform"].astype("string") == platform]
        want = (min(days.min(), rows["date"].min()).date(), max(days.max(), rows["date"].max())
                .date())
        assert sample.span(platform, web=False) == want


FB_HEADER = ('"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time",'
             'Permalink,"Post type",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,'
             'Comments,Shares')
#: two October posts (Meta's times are US Pacific): 35 and 26 interactions, reach 894 and 827
FB_OCTOBER = ('8383178366578861,104938275516283,Test,Rituel,Le rituel du soir,0,'
              '"10/27/2026 11:52",https://www.facebook.com/t/posts/1,Photos,Lifetime,1079,894,'
              '35,32,2,1\n'
              '9998439321649510,104938275516283,Test,Question,Question du jour,0,'
              '"10/23/2026 03:16",https://www.facebook.com/t/posts/2,Photos,Lifetime,1057,827,'
              '26,23,2,1\n')
FB_NOVEMBER = "facebook_posts_2026-11-01_2026-11-30_2026-12-02.csv"


@pytest.fixture
def fb_brand(tmp_path) -> Path:
    """Facebook's posts export of October (two posts, exported on 2 November) and that of
    November, exported on 2 December, with its header only: the brand did not post then."""
    d = tmp_path / "brand"
    d.mkdir()
    (d / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv").write_text(
        FB_HEADER + "\n" + FB_OCTOBER, encoding="utf-8-sig")
    (d / FB_NOVEMBER).write_text(FB_HEADER + "\n", encoding="utf-8-sig")
    (d / "brand.yaml").write_text("name: Test\ntimezone: Europe/Paris\nlanguage: en\n",
                                  encoding="utf-8")
    (d / "goals.yaml").write_text("goals:\n  - {metric: posts, platform: facebook, target: 4}\n",
                                  encoding="utf-8")
    return d


def _load(folder: Path):
    ds = smm.load(folder, cache=False)
    q = ds.quality.loc[(ds.quality["code"] == "empty_file").to_numpy()]
    assert q["file"].tolist() == [str(folder / FB_NOVEMBER)]        # noted, as before
    return ds


def test_an_export_without_rows_covers_its_period_for_its_platform(fb_brand):
    """The November export gave no platform to the files table (its platform was read from
    its rows): November counted for no platform, so Facebook's data stopped on 31 October,
    and the data were as of 2 November, the October export's day."""
    ds = _load(fb_brand)
    files = ds.files[export_rows(ds.files)]              # the exports: no settings file
    assert files["platform"].tolist() == ["facebook", "facebook"]
    assert files["rows"].tolist() == [2, 0]
    # the end of each export day in Meta's zone (Pacific standard time, UTC-8)
    assert files["snapshot_at"].tolist() == [pd.Timestamp("2026-11-03 08:00", tz="UTC"),
                                                pd.Timestamp("2026-12-03 08:00", tz="UTC")]
    assert ds.span("facebook") == ds.span() == (D(2026, 10, 1), D(2026, 11, 30))
    assert ds.span("facebook", posts=False) == (D(2026, 10, 1), D(2026, 11, 30))
    assert ds.as_of() == D(2026, 12, 2)          # 3 December, 09:00 in Paris, less a day
    assert ds.posts_in("2026-11").empty
    assert len(smm.engagement(ds.posts_in("2026-10"), by=None)) == 1
    # November: 0 posts, a count known; nothing to add up or divide, so no other figure
    for platform in (None, "facebook"):
        c = smm.compare(ds, "2026-11", platform=platform)
        row = c.table.set_index("kpi")
        assert (row.loc["posts", "current"], row.loc["posts", "previous"]) == (0, 2)
        assert row.loc["posts", "method"] == "exact count"
        assert pd.isna(row.loc["er_reach", "current"])
        assert row.loc["er_reach", "previous"] == pytest.approx(61 / 1721)
        assert not [k for k in c.caveats if "stop" in k or "not covered" in k]


def test_a_month_without_posts_is_scored_as_zero_posts(fb_brand, frozen_today):
    frozen_today(D(2026, 12, 2))
    sc = smm.scorecard(_load(fb_brand), "2026-11")
    assert sc.loc[0, "actual"] == 0 and sc.loc[0, "complete"]
    assert sc.loc[0, "status"] == "missed"


def test_the_cover_of_a_month_without_posts_says_none_is_missing(fb_brand):
    """The cover said "Dati al 2 novembre 2026" and warned "nessuna cifra di Facebook per
    questo periodo: le esportazioni dei post di Facebook si fermano al 31 ottobre 2026"."""
    from smmanalytics.periods import parse_period
    from smmanalytics.report import BrandReport, Formatter
    from smmanalytics.report.sections import _coverage_lines

    ds = _load(fb_brand)
    assert _coverage_lines(ds, parse_period("2026-11"), Formatter("it")) == ([], [])
    rep = BrandReport(ds, "2026-11", lang="it")
    assert rep.cover_lines == ["Periodo: 1°–30 novembre 2026", "Post: 0",
                               "Dati al 2 dicembre 2026"]
    assert rep.cover_warnings == []
    rep.kpi_table()
    text = _pdf_text(rep.pdf_bytes())
    assert "Dati al 2 dicembre 2026" in text and "Nessun post pubblicato" in text
    assert "Attenzione" not in text


def test_a_month_no_export_covers_keeps_its_warning(fb_brand):
    from smmanalytics.periods import parse_period
    from smmanalytics.report import BrandReport, Formatter
    from smmanalytics.report.sections import _coverage_lines

    (fb_brand / FB_NOVEMBER).unlink()
    ds = smm.load(fb_brand, cache=False)
    line = ("Attenzione: nessuna cifra di Facebook per questo periodo: le esportazioni dei post "
            "di Facebook si fermano al 31 ottobre 2026.")
    assert _coverage_lines(ds, parse_period("2026-11"), Formatter("it")) == ([], [line])
    rep = BrandReport(ds, "2026-11", lang="it")
    assert rep.cover_warnings == [line] and rep.cover_lines[-1] == "Dati al 2 novembre 2026"
    assert ds.as_of() == D(2026, 11, 2)
    row = smm.compare(ds, "2026-11", platform="facebook").table.set_index("kpi").loc["posts"]
    assert pd.isna(row["current"]) and row["method"].startswith("period not covered")


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("files,latest,as_of", [
    # renamed posts and follows exports copied on 5 December: the posts' export date is the
    # copy's (guessed, as-of 4 December: latest was 2026-11, a month without data); the
    # follows' is their last day, 31 October (inferred), and the data end then: 2026-10
    ({"export (3).csv": "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
      "export (4).csv": "facebook_follows_2025-09-01_2026-10-31_2026-11-01.csv"}, "2026-10",
     dt.date(2026, 10, 31)),
    # the renamed posts alone: their last post is on 27 October (20:52 in Paris), and no
    # export says October is over: September, the last month the data cover in full
    ({"export (3).csv": "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv"}, "2026-09",
     dt.date(2026, 10, 27)),
    # a stated export date still rules: taken on 2 December (its name; the end of that day
    # in California, 3 December 09:00 in Paris), as-of 2 December: November
    ({"export (3).csv": "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
      "facebook_posts_2026-10-01_2026-10-31_2026-12-02.csv":
      "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv"}, "2026-11", dt.date(2026, 12, 2)),
])
def test_latest_of_renamed_exports_is_the_last_month_their_data_cover(tmp_path, files, latest,
                                                                      as_of):
    """A new client's exports renamed (`export (3).csv`) and copied on 5 December had their
    export date guessed from the copy's modification time: `--period latest` gave 2026-11 and
    then "no data … falls in 2026-11". A guessed date counts by the data's last day instead,
    for the as-of day the cover says as for `latest` (it said "as of 4 December")."""
    import os
    import shutil

    from smmanalytics._preflight import latest_period_of

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    copied = pd.Timestamp("2026-12-05 10:00", tz="UTC").timestamp()
    for name, source in files.items():
        shutil.copy(sample / source, tmp_path / name)
        os.utime(tmp_path / name, (copied, copied))
    (tmp_path / "brand.yaml").write_text("name: Test\ntimezone: Europe/Paris\n",
                                         encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert ds.as_of() == as_of        # not 4 December, the day before the copy's
    assert latest_period_of(ds, tmp_path) == latest


def _copied(path: Path, when: str = "2026-12-05 10:00") -> None:
    """Give ``path`` the modification time of a copy made at ``when`` (UTC)."""
    import os

    stamp = pd.Timestamp(when, tz="UTC").timestamp()
    os.utime(path, (stamp, stamp))


def test_latest_of_a_renamed_export_leaves_ga4_s_days_aside(tmp_path):
    """A renamed Instagram export (its date guessed from the copy, 5 December) beside GA4
    exports of October and November: `latest` counted GA4's days, which the as-of day leaves
    aside, and gave November, a month without a post or a daily row. It is October, as with
    the export under its own name."""
    import shutil

    from smmanalytics._preflight import latest_period_of

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    shutil.copy(sample / "instagram_posts_2026-08-15_2026-10-31_2026-11-01.csv",
                tmp_path / "export (3).csv")
    _copied(tmp_path / "export (3).csv")
    october = sample / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
    shutil.copy(october, tmp_path)
    november = october.read_text(encoding="utf-8").replace(
        "# Start date: 20261001", "# Start date: 20261101").replace(
        "# End date: 20261031", "# End date: 20261130")
    (tmp_path / "ga4_traffic_acquisition_2026-11-01_2026-11-30.csv").write_text(
        november, encoding="utf-8")
    (tmp_path / "brand.yaml").write_text("name: Test\ntimezone: Europe/Paris\n",
                                         encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert ds.span()[1] == dt.date(2026, 11, 30) and ds.span(web=False)[1] < ds.span()[1]
    assert latest_period_of(ds, tmp_path) == "2026-10"


def test_latest_beside_a_renamed_export_reads_a_utc_midnight_as_dataset_as_of(tmp_path):
    """New York brand: TikTok's content export taken at 1 November 00:00 UTC covers its
    last UTC day, 31 October (Dataset.as_of's rule), though its last post is on 30 October.
    With a renamed Facebook export beside it (date guessed), `latest` read that stamp by the
    older rule (31 October 20:00 in New York: as of 30 October) and the data's last day (30
    October): September. Both rules agree now: October."""
    import csv
    import io
    import shutil
    import zipfile

    from smmanalytics._preflight import latest_period_of

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    with zipfile.ZipFile(sample / "Content_maisonseve.zip") as zf:
        info = zf.infolist()[0]
        text = zf.read(info).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    kept = [r for r in rows if r[3] != "October 31"]         # "Post time": the one post of 31
    assert len(kept) == len(rows) - 1
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(kept)
    with zipfile.ZipFile(tmp_path / "Content_maisonseve.zip", "w") as zf:
        zf.writestr(info, out.getvalue().encode("utf-8"))
    shutil.copy(sample / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
                tmp_path / "export (3).csv")
    _copied(tmp_path / "export (3).csv")
    (tmp_path / "brand.yaml").write_text("name: Test\ntimezone: America/New_York\n",
                                         encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert ds.as_of(["tiktok"]) == dt.date(2026, 10, 31)
    assert ds.span(web=False)[1] == dt.date(2026, 10, 30)
    assert latest_period_of(ds, tmp_path) == "2026-10"


@pytest.mark.parametrize("lang,warning", [
    ("fr", "Attention : aucun chiffre de X pour cette période : les exports de publications de "
           "X lisibles s'arrêtent le 31 octobre 2026 ; impossible de lire copie de Instagram "
           "x.csv, dati al 8 novembre.csv (voir Qualité des données)."),
    ("it", "Attenzione: nessuna cifra di X per questo periodo: le esportazioni dei post di X "
           "leggibili si fermano al 31 ottobre 2026; impossibile leggere copie de Instagram "
           "x.csv, dati al 8 novembre.csv (vedi Qualità dei dati)."),
])
def test_the_cover_names_unread_exports_as_they_are_named(fb_brand, lang, warning):
    """The lines on a platform's end were put in the language's prose twice (in
    _coverage_lines, then in BrandReport, once the names were no longer marked): "copie de
    Instagram x.csv" became "copie d'Instagram x.csv", "dati al 8 novembre.csv" "dati
    all'8 novembre.csv", files that do not exist. X's readable export ends on 31 October
    (its name), Facebook's reach 30 November; the two copies of X's export with a broken date
    could not be read."""
    from smmanalytics.report import BrandReport

    _x_export(fb_brand, "account_analytics_content_2026-09-01_2026-10-31.csv",
              ["2026-09-05", "2026-10-20"])
    for name in ("copie de Instagram x.csv", "dati al 8 novembre.csv"):
        path = _x_export(fb_brand, name, ["2026-11-05"]) / name
        path.write_text(path.read_text().replace("Thu, Nov 5, 2026", "5 novembre"))
    with pytest.warns(smm.DataQualityWarning, match="2 files could not be read"):
        ds = smm.load(fb_brand, cache=False)
    assert BrandReport(ds, "2026-11", lang=lang).cover_warnings[1] == warning


def test_latest_resolved_to_a_month_without_data_says_why_and_what_to_pass(tmp_path, capsys):
    """The sample's October Facebook export renamed `export (3).csv` (its date guessed from
    the copy): `latest` is September, and `smm roi --period latest` said only "no data falls
    in 2026-09", a month the user never named. It says why (the as-of day), which months the
    data have and what to pass."""
    import shutil

    from smmanalytics.cli import main

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    shutil.copy(sample / "facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
                tmp_path / "export (3).csv")
    _copied(tmp_path / "export (3).csv")
    (tmp_path / "brand.yaml").write_text("name: Test\ntimezone: Europe/Paris\n",
                                         encoding="utf-8")
    assert main(["roi", str(tmp_path), "--period", "latest"]) == 2
    # its posts' Heure de publication, in California: the first 10/02/2026 08:04 (17:04 in
    # Paris, 2 October), the last 10/27/2026 11:52 (20:52 in Paris, 27 October), which is the
    # as-of day (a guessed date counts by the data's last day)
    assert capsys.readouterr().err == (
        f"smm: error: no data of {tmp_path} falls in 2026-09, the latest month complete by "
        "the data's as-of day, 2026-10-27 (--period latest); the data have 2026-10 (the "
        "data's days, 2026-10-02 to 2026-10-27): pass --period 2026-10 for its last month, "
        "complete or not\n")
