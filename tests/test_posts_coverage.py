"""A month without its posts export in the middle of the exports (July's missing between June
and August): the cover names the hole, says no false start, and the posting rate is counted
over the days the exports cover."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics._actuals import posts_coverage, posts_stretch
from smmanalytics.benchmarks import compare_benchmarks
from smmanalytics.report import BrandReport

# three posts each of June, August and September 2026 (from the sample's exports; July's
# export is missing)
FIXTURES = Path(__file__).parent / "fixtures" / "meta_july_missing"
# Instagram feed posts of 20–29 May and 17–31 August 2026 (exports of March–May and 15
# August–October, cut from the sample's) and stories of 3 July – 9 August (a stories export of
# May–October)
STORIES = Path(__file__).parent / "fixtures" / "coverage_stories"
JUNE, AUGUST, SEPTEMBER = (
    "facebook_posts_2026-06-01_2026-06-30_2026-07-02.csv",
    "facebook_posts_2026-08-01_2026-08-31_2026-09-02.csv",
    "facebook_posts_2026-09-01_2026-09-30_2026-10-02.csv")
D = dt.date


@pytest.fixture
def folder(tmp_path):
    for f in FIXTURES.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "brand.yaml").write_text(
        "name: Maison Sève\ntimezone: Europe/Paris\nlanguage: en\n", encoding="utf-8")
    return tmp_path


def test_the_exports_cover_the_union_of_their_days(folder):
    ds = smm.load(folder, cache=False)
    assert posts_coverage(ds, "facebook") == [(D(2026, 6, 1), D(2026, 6, 30)),
                                              (D(2026, 8, 1), D(2026, 9, 30))]
    assert posts_stretch(ds, "facebook", D(2026, 9, 30)) == (D(2026, 8, 1), D(2026, 9, 30))


def test_a_reports_data_keep_each_platforms_coverage(folder, monkeypatch):
    # the cover, scorecard and benchmarks asked it 23 times for 6 answers on the sample's
    # monthly report: a report's Dataset makes it once a platform, each caller its own list
    from smmanalytics import _actuals

    made = []
    make = _actuals._posts_coverage
    monkeypatch.setattr(_actuals, "_posts_coverage", lambda ds, p: made.append(p) or make(ds, p))
    ds = BrandReport(smm.load(folder, cache=False), "2026-09", lang="en").ds
    first = posts_coverage(ds, "facebook")
    first.clear()                                       # the caller's own list
    # June's export, then August's and September's, whose days follow each other
    assert posts_coverage(ds, "facebook") == [(D(2026, 6, 1), D(2026, 6, 30)),
                                              (D(2026, 8, 1), D(2026, 9, 30))]
    assert posts_coverage(ds, "instagram") is None      # no export of it
    assert posts_coverage(ds, "instagram") is None
    assert made.count("facebook") == 1 and made.count("instagram") == 1
    # a Dataset of no report makes it each time it is asked
    plain = smm.load(folder)
    posts_coverage(plain, "facebook"), posts_coverage(plain, "facebook")
    assert made.count("facebook") == 3


def test_an_undated_identical_copy_keeps_the_check(folder):
    # "export (3).csv" is read first (sorted before "facebook_…"), and the dated August file
    # is its duplicate: the duplicate's name gives the days. The check was switched off
    shutil.copy(folder / AUGUST, folder / "export (3).csv")
    ds = smm.load(folder, cache=False)
    assert posts_coverage(ds, "facebook") == [(D(2026, 6, 1), D(2026, 6, 30)),
                                              (D(2026, 8, 1), D(2026, 9, 30))]


def test_an_undated_export_covers_the_months_of_its_posts(folder):
    # August renamed by hand: no days in its name, nor a copy's; its posts were published on
    # 27 and 28 August (01:28 and 01:35 in Los Angeles: 10:28 and 10:35 in Paris). It covered
    # 27–28 August only, a false hole from 1 to 26 August; it covers August, the month of its
    # posts, and July, where it has none, stays the hole it is
    (folder / AUGUST).rename(folder / "export (3).csv")
    ds = smm.load(folder, cache=False)
    assert posts_coverage(ds, "facebook") == [(D(2026, 6, 1), D(2026, 6, 30)),
                                              (D(2026, 8, 1), D(2026, 9, 30))]


def test_an_undated_export_makes_no_hole_after_its_last_post(folder):
    # June renamed by hand: its last post is before the 30th, and the days after it read as a
    # hole before July ("the exports stop on …"); June's month is covered, July's hole alone
    # is named
    june = [d for d in _post_days(smm.load(folder, cache=False), JUNE)]
    assert max(june) < D(2026, 6, 30)
    (folder / JUNE).rename(folder / "export (3).csv")
    rep = BrandReport(smm.load(folder, cache=False), "2026-Q3", lang="en")
    assert posts_coverage(rep.ds, "facebook") == [(D(2026, 6, 1), D(2026, 6, 30)),
                                                  (D(2026, 8, 1), D(2026, 9, 30))]
    assert rep.cover_warnings == [
        "Warning: no Facebook posts export covers 1 to 31 July 2026: Facebook's figures for "
        "this period lack those days."]


def _post_days(ds, name: str) -> list[dt.date]:
    """The local publish days of the posts of the export ``name`` in ``ds``."""
    from smmanalytics.periods import post_dates

    posts = ds.posts[ds.posts["source_file"].str.endswith(name).to_numpy(bool)]
    return [pd.Timestamp(d).date() for d in post_dates(posts, ds.brand.timezone)]


def test_a_stories_export_covers_no_feed_posts_days(tmp_path):
    # Instagram feed posts exports of March–May and 15 August–October (20 to 29 May and 17 to
    # 31 August kept of their posts) and a stories export of May to October (stories of 3
    # July to 9 August): the stories filled the feed's hole, no cover warning for Q3, and
    # the posting rate counted 18 ÷ (92 / 7) = 1.37 a week
    for f in STORIES.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n"
                                         "language: en\naccounts:\n  instagram: maisonseve\n",
                                         encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert posts_coverage(ds, "instagram") == [(D(2026, 3, 1), D(2026, 5, 31)),
                                               (D(2026, 8, 15), D(2026, 10, 31))]
    rep = BrandReport(ds, "2026-Q3", lang="en")
    assert rep.cover_warnings == [
        "Warning: no Instagram posts export covers 1 July to 14 August 2026: Instagram's "
        "figures for this period lack those days."]
    # 18 feed posts (17 to 31 August) over the days of Q3 the feed exports cover: 15–31
    # August (17) and September (30), 47 days: 18 ÷ (47 / 7) = 2.68 a week
    table = compare_benchmarks(ds, "2026-Q3", "health_beauty")
    row = table.loc[(table["platform"] == "instagram")
                    & (table["metric"] == "posts_per_week")].iloc[0]
    assert row["brand_value"] == pytest.approx(18 / (47 / 7))


@pytest.mark.parametrize("lang,line", [
    ("en", "Warning: no Facebook posts export covers 1 to 31 July 2026: Facebook's figures for "
           "this period lack those days."),
    ("fr", "Attention : aucun export de publications Facebook ne couvre la période du 1er au "
           "31 juillet 2026 : ces jours manquent aux chiffres de Facebook pour cette période."),
    ("it", "Attenzione: nessuna esportazione dei post di Facebook copre il periodo dal 1° al "
           "31 luglio 2026: quei giorni mancano alle cifre di Facebook per questo periodo.")])
@pytest.mark.parametrize("copy", [False, True])
def test_the_cover_names_the_hole_and_no_false_start(folder, lang, line, copy):
    # Q3 without July's export read "The Facebook posts exports start on 1 August 2026:
    # Facebook counts from that day" (they start on 1 June), and said nothing of July
    if copy:
        shutil.copy(folder / AUGUST, folder / "export (3).csv")
    rep = BrandReport(smm.load(folder, cache=False), "2026-Q3", lang=lang)
    assert rep.cover_warnings == [line]
    assert not any("1 August" in t or "1er août" in t or "1° agosto" in t
                   for t in rep.cover_lines)


def test_a_one_day_hole_is_named_by_its_day(folder):
    # September's export covering 2 to 30 September only: 1 September is covered by none
    name = SEPTEMBER.replace("2026-09-01_", "2026-09-02_")
    (folder / SEPTEMBER).rename(folder / name)
    rep = BrandReport(smm.load(folder, cache=False), "2026-09", lang="en")
    assert ("Warning: no Facebook posts export covers 1 September 2026: Facebook's figures for "
            "this period lack that day.") in rep.cover_warnings


def test_posts_per_week_are_over_the_weeks_the_exports_cover(folder):
    # Q3 holds 6 posts (3 in August, 3 in September); its exports cover 1 August – 30
    # September, 31 + 30 = 61 days: 6 ÷ (61 / 7) = 0.6885 a week (it was 6 ÷ (92 / 7) = 0.4565,
    # July's weeks counted)
    table = compare_benchmarks(smm.load(folder, cache=False), "2026-Q3", "health_beauty")
    row = table.loc[(table["platform"] == "facebook")
                    & (table["metric"] == "posts_per_week")].iloc[0]
    assert row["posts"] == 6
    assert row["brand_value"] == pytest.approx(6 / (61 / 7))
    assert row["method"] == ("posts published in 2026-Q3 ÷ 8.71 weeks, the 61 days of it the "
                             "facebook posts exports cover")
    assert "no facebook posts export covers 2026-07-01..2026-07-31 of 2026-Q3" in row["note"]


SAMPLE = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"


@pytest.fixture
def linkedin_to_april(tmp_path):
    """LinkedIn's content export taken on 1 May 2026 (its newer one, of 1 November, left out)
    and its followers export of 1 November, beside TikTok's content export of 1 November."""
    for name in ("maison-seve_content_1777622400000.xls",
                 "maison-seve_followers_1793520000000.xls", "Content_maisonseve.zip"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    (tmp_path / "brand.yaml").write_text(
        "name: Maison Sève\ntimezone: Europe/Paris\nlanguage: en\n", encoding="utf-8")
    return smm.load(tmp_path, cache=False)


def test_a_platforms_posts_coverage_is_its_posts_exports_not_its_daily_tables(
        linkedin_to_april):
    """LinkedIn's exports give no days in their names: its posts coverage was its data's, and
    its followers export (daily rows to 31 October) made its October posts 0. The content
    workbook's Metrics sheet runs from 1 September 2025 to 30 April 2026 and it was taken on
    1 May 2026 08:00 UTC (1777622400000 ms): it covers those days; October is not covered.
    TikTok's content export, taken on 1 November 2026 00:00 UTC (the end of 31 October, a UTC
    day), covers from the month of its first post (5 November 2025) to 31 October."""
    from smmanalytics._actuals import platform_span, posts_cover

    ds = linkedin_to_april
    assert posts_coverage(ds, "linkedin") == [(D(2025, 9, 1), D(2026, 4, 30))]
    span = platform_span(ds, "linkedin", D(2026, 10, 31))
    assert (span.first, span.last, span.by_posts_exports) == (D(2025, 9, 1), D(2026, 4, 30),
                                                               True)
    assert not posts_cover(ds, "linkedin", D(2026, 10, 1), D(2026, 10, 31))
    assert posts_cover(ds, "linkedin", D(2026, 4, 1), D(2026, 4, 30))
    assert posts_coverage(ds, "tiktok") == [(D(2025, 11, 1), D(2026, 10, 31))]


def test_the_october_report_leaves_out_linkedin_whose_posts_exports_stop_in_april(
        linkedin_to_april):
    """The same folder's October report: LinkedIn read 0 posts, as if none was published. The
    count, TikTok's 12 posts of October (12 rows of Content.csv dated October 2026), says it
    is partial without LinkedIn, and so does the key figures' all-platforms row."""
    rep = BrandReport(linkedin_to_april, "2026-10", lang="en")
    assert ("Posts: 12 (partial: without LinkedIn, whose posts exports do not cover this "
            "period)") in rep.cover_lines
    [table] = [b for b in rep.kpi_table().blocks if b["kind"] == "table"]
    assert [row[:2] for row in table["rows"]] == [["TikTok", "12"],
                                                  [rep.fmt.label("total"), "12"]]
    assert table["caption"].endswith("The “All platforms” row leaves out LinkedIn, whose "
                                     "posts exports do not cover this period: its figures "
                                     "are partial.")


def test_an_undated_posts_export_covers_up_to_when_it_was_taken():
    """TikTok's content export taken on 1 November 2026 00:00 UTC with posts of September
    only: the brand did not post on TikTok in October, which the export covers (0 posts, not
    unknown): 1 September (the month of its first post) to 31 October. The same export taken
    on 1 October 2026 00:00 UTC covers to 30 September, whatever the daily rows of another
    export of TikTok (to 31 December) say."""
    from smmanalytics import schema
    from smmanalytics._actuals import posts_cover
    from smmanalytics.brand import Brand
    from smmanalytics.dataset import FILE_COLUMNS, Dataset

    def dataset(taken: str) -> Dataset:
        posts = pd.DataFrame({"platform": ["tiktok"] * 2, "post_id": ["1", "2"],
                              "published_at": pd.to_datetime(["2026-09-03T10:00Z",
                                                              "2026-09-20T10:00Z"], utc=True),
                              "source_file": ["Content.csv"] * 2})
        days = pd.date_range("2026-09-01", "2026-12-31")
        daily = pd.DataFrame({"platform": "tiktok", "date": days, "metric": "views",
                              "value": 1.0, "source_file": "Overview.csv"})
        files = pd.DataFrame([
            {"path": "Content.csv", "platform": "tiktok", "kind": "posts", "rows": 2,
             "status": "ok", "snapshot_at": pd.Timestamp(taken, tz="UTC")},
            {"path": "Overview.csv", "platform": "tiktok", "kind": "daily", "rows": len(days),
             "status": "ok", "snapshot_at": pd.Timestamp("2027-01-01", tz="UTC")}],
            columns=list(FILE_COLUMNS)).astype(FILE_COLUMNS)
        return Dataset(posts=schema.conform(posts, "posts"),
                       daily=schema.conform(daily, "daily"), files=files,
                       brand=Brand(name="B", timezone="Europe/Paris"))

    november = dataset("2026-11-01")
    assert posts_coverage(november, "tiktok") == [(D(2026, 9, 1), D(2026, 10, 31))]
    assert posts_cover(november, "tiktok", D(2026, 10, 1), D(2026, 10, 31))
    october = dataset("2026-10-01")
    assert posts_coverage(october, "tiktok") == [(D(2026, 9, 1), D(2026, 9, 30))]
    assert not posts_cover(october, "tiktok", D(2026, 10, 1), D(2026, 10, 31))
