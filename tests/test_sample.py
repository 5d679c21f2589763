"""Tests of the Maison Sève sample generator: formats of every native file, determinism, truths."""

from __future__ import annotations

import csv
import io
import re
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics import schema
from smmanalytics.brand import read_brand
from smmanalytics.sample import generate, kept, write
from smmanalytics.sample._ids import (
    IG_EPOCH_MS,
    SHORTCODE_ALPHABET,
    X_EPOCH_MS,
    ig_shortcode,
    linkedin_id,
    tiktok_id,
    x_snowflake,
)
from smmanalytics.sample._write_meta import _pacific

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "data" / "sample" / "maison-seve"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def brand():
    return generate(2026)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("sample")
    write(d, seed=2026)
    return d


def _read(path: Path, encoding: str = "utf-8-sig") -> pd.DataFrame:
    return pd.read_csv(path, encoding=encoding, dtype=str, keep_default_na=False)


# --- determinism and size -------------------------------------------------------------------

def test_write_twice_gives_identical_bytes(out, tmp_path):
    paths = write(tmp_path, seed=2026)
    names = sorted(p.name for p in paths)
    assert names == sorted(p.name for p in out.iterdir())
    for name in names:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_committed_sample_is_regenerated_byte_for_byte(out):
    committed = sorted(p.name for p in COMMITTED.iterdir())
    assert committed == sorted(p.name for p in out.iterdir())
    for name in committed:
        assert (COMMITTED / name).read_bytes() == (out / name).read_bytes(), name


def test_total_size_under_5_mb(out):
    assert sum(p.stat().st_size for p in out.iterdir()) < 5_000_000


def test_other_seed_changes_data_but_not_file_names(tmp_path, out):
    paths = write(tmp_path, seed=7)
    assert sorted(p.name for p in paths) == sorted(p.name for p in out.iterdir())
    name = "costs.csv"  # costs are fixed entries, the same for every seed
    assert (tmp_path / name).read_bytes() == (out / name).read_bytes()
    assert (tmp_path / "goals.yaml").read_bytes() != (out / "goals.yaml").read_bytes()


def test_zip_members_have_fixed_dates(out):
    for z in out.glob("*.zip"):
        with zipfile.ZipFile(z) as zf:
            assert {i.date_time for i in zf.infolist()} == {(2026, 11, 1, 9, 0, 0)}, z.name


def test_generate_is_deterministic_and_valid(brand):
    again = generate(2026)
    pd.testing.assert_frame_equal(brand.posts, again.posts)
    pd.testing.assert_frame_equal(brand.daily, again.daily)
    pd.testing.assert_frame_equal(brand.web, again.web)
    for table in ("posts", "daily", "web", "audience"):
        schema.validate(getattr(brand, table), table)
    assert isinstance(brand.posts.index, pd.RangeIndex)
    assert str(brand.posts["published_at"].dt.tz) == "UTC"


# --- identifiers and time zones -----------------------------------------------------------------

def ig_shortcode_time(shortcode: str) -> pd.Timestamp:
    """The oracle of :func:`ig_shortcode`: a shortcode's UTC creation time, digit by digit
    (the loaders' vectorised decoder refuses times after today, which the round trip draws)."""
    pk = 0
    for ch in shortcode:
        pk = pk * 64 + SHORTCODE_ALPHABET.index(ch)
    return pd.Timestamp((pk >> 23) + IG_EPOCH_MS, unit="ms", tz="UTC")


def test_shortcode_decodes_reference_example():
    # reference §9.3: DHpmj9euOPy -> 2025-03-26 05:00:16 UTC (export said 03/25/2025 22:00 PDT)
    t = ig_shortcode_time("DHpmj9euOPy")
    assert t.floor("s") == pd.Timestamp("2025-03-26 05:00:16", tz="UTC")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1_600_000_000, max_value=1_900_000_000), st.integers(0, 2**22 - 1))
def test_ids_round_trip(seconds, low):
    ts = pd.Series([pd.Timestamp(seconds, unit="s", tz="UTC")])
    _, codes = ig_shortcode(ts, np.array([low]))
    assert ig_shortcode_time(codes[0]) == ts.iloc[0]
    x = int(x_snowflake(ts, np.array([low]))[0])
    assert (x >> 22) + X_EPOCH_MS == seconds * 1000
    assert int(tiktok_id(ts, np.array([low]))[0]) >> 32 == seconds
    assert int(linkedin_id(ts, np.array([low]))[0]) >> 22 == seconds * 1000


def test_pacific_publish_time_across_both_dst_regimes():
    paris = pd.Series(pd.to_datetime([
        "2026-01-15 12:00",   # CET  / PST: 11:00 UTC -> 03:00 (9 h)
        "2026-03-20 12:00",   # CET  / PDT (US switched 8 March, EU on 29 March): 04:00 (8 h)
        "2026-07-01 12:00",   # CEST / PDT: 10:00 UTC -> 03:00 (9 h)
        "2025-10-30 12:00",   # CET (EU back 26 Oct) / PDT (US back 2 Nov): 04:00 (8 h)
    ])).dt.tz_localize("Europe/Paris")
    assert _pacific(paris) == ["01/15/2026 03:00", "03/20/2026 04:00", "07/01/2026 03:00",
                               "10/30/2025 04:00"]


# --- Meta ---------------------------------------------------------------------------------

IG_HEADER = ('"Post ID","Account ID","Account username","Account name",Description,'
             '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
             'Reach,Likes,Shares,Follows,Comments,Saves')


def test_instagram_posts_files(out, brand):
    files = sorted(out.glob("instagram_posts_*.csv"))
    assert len(files) == 6
    truth = brand.posts.set_index("post_id")
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")
        assert text.split("\n", 1)[0] == IG_HEADER
        df = _read(f)
        assert set(df["Date"]) == {"Lifetime"}
        assert set(df["Post type"]) <= {"IG image", "IG carousel", "IG reel"}
        # the shortcode decodes to the true creation time, and Publish time is its Pacific minute
        codes = df["Permalink"].str.extract(r"instagram\.com/(p|reel)/([A-Za-z0-9_-]+)/$")
        assert codes.notna().all().all()
        assert ((codes[0] == "reel") == (df["Post type"] == "IG reel")).all()
        decoded = pd.Series([ig_shortcode_time(c) for c in codes[1]])
        assert (decoded.to_numpy() == truth.loc[df["Post ID"], "published_at"].to_numpy()).all()
        assert _pacific(decoded) == df["Publish time"].tolist()
    text = "".join(f.read_text(encoding="utf-8-sig") for f in files)
    assert '""petit geste""' in text and "’" in text and "🌿" in text


def test_instagram_reexport_has_higher_lifetime_numbers(out):
    early = _read(out / "instagram_posts_2026-08-15_2026-10-31_2026-11-01.csv")
    late = _read(out / "instagram_posts_2026-10-01_2026-10-31_2026-11-15.csv")
    both = late.merge(early, on="Post ID", suffixes=("_late", "_early"))
    assert len(both) == len(late) > 20
    for m in ("Views", "Reach", "Likes"):
        a, b = both[f"{m}_late"].astype(int), both[f"{m}_early"].astype(int)
        assert (a >= b).all() and (a > b).sum() > len(both) / 2
    overlap = pd.read_csv(out / "instagram_posts_2026-06-01_2026-08-31_2026-09-08.csv",
                          encoding="utf-8-sig", dtype=str)
    assert len(set(overlap["Post ID"]) & set(early["Post ID"])) > 5  # 15-31 August twice


def test_instagram_stories_file(out):
    df = _read(out / "instagram_stories_2026-05-01_2026-10-31_2026-11-01.csv")
    assert list(df.columns[-10:]) == ["Views", "Reach", "Likes", "Shares", "Profile visits",
                                      "Replies", "Link clicks", "Navigation", "Follows",
                                      "Sticker taps"]
    assert set(df["Post type"]) == {"IG story"}
    per_week = len(df) / (184 / 7)  # 184 days from May to October
    assert 2 <= per_week <= 5


def test_facebook_french_posts_files(out, brand):
    files = sorted(out.glob("facebook_posts_*.csv"))
    assert len(files) == 15
    with_negative = 0
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        df = _read(f)
        cols = list(df.columns)
        assert cols[:8] == ["Identifiant de la publication", "ID de la Page", "Nom de la page",
                            "Titre", "Description", "Durée (s)", "Heure de publication",
                            "Permalien"]
        assert f"Spectateurs de 3{NBSP}secondes" in cols and "Vues de vidéo d’une minute" in cols
        for c in ("Vues de Publications boostées", "Couverture de Publications organiques",
                  "Réactions, commentaires et partages", "Total des clics", "Clics sur un lien"):
            assert c in cols
        neg = [c for c in cols if c.startswith("Retours négatifs")]
        with_negative += bool(neg)
        assert neg in ([], [f"Retours négatifs des utilisateurs{NBSP}: Masquer tout",
                            f"Retours négatifs des utilisateurs{NBSP}: Masquer"])
        total = df["Réactions, commentaires et partages"].astype(int)
        parts = df[["Réactions", "Commentaires", "Partages"]].astype(int).sum(axis=1)
        assert (total == parts).all()
        views = df["Vues"].astype(int)
        split = (df["Vues de Publications organiques"].astype(int)
                 + df["Vues de Publications boostées"].astype(int))
        assert (views == split).all()
        truth = brand.posts.set_index("post_id").loc[df["Identifiant de la publication"],
                                                     "published_at"]
        assert _pacific(pd.Series(truth.to_numpy())) == df["Heure de publication"].tolist()
    assert 0 < with_negative < len(files)


def test_facebook_boosted_posts_in_campaigns(out, brand):
    df = _read(out / "facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv")
    boosted = df[df["Couverture de Publications boostées"].astype(int) > 0]
    assert sorted(boosted["Identifiant de la publication"]) == \
        brand.truths["campaigns"]["automne-2026"]["boosted_facebook_posts"]
    assert (boosted["Description"].str.cat(boosted["Titre"])
            .str.contains("utm_campaign=automne-2026").all())


def test_meta_daily_files_are_utf16_with_preamble(out):
    files = sorted(out.glob("*_2025-09-01_2026-10-31_2026-11-01.csv"))
    labels = set()
    assert len(files) == 7
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xff\xfe")
        lines = raw[2:].decode("utf-16-le").split("\n")
        assert lines[0] == "sep=,"
        labels.add(lines[1])
        assert lines[2] == '"Date","Primary"'
        row = next(csv.reader([lines[3]]))
        assert pd.Timestamp(row[0]) >= pd.Timestamp("2025-09-01") and row[0].endswith("T00:00:00")
    assert labels == {'"Facebook follows"', '"Instagram follows"', '"Content interactions"',
                      '"Views"', '"Facebook visits"'}


# --- X, LinkedIn, YouTube, TikTok -----------------------------------------------------------

def test_x_content_ids_decode_to_truth(out, brand):
    files = sorted(out.glob("account_analytics_content_*.csv"))
    assert [f.name for f in files] == ["account_analytics_content_2025-09-01_2026-02-28.csv",
                                       "account_analytics_content_2026-03-01_2026-10-31.csv"]
    truth = brand.posts[brand.posts["platform"] == "x"].set_index("post_id")["published_at"]
    for f in files:
        df = pd.read_csv(f, dtype=str, encoding="utf-8")
        assert list(df.columns)[:4] == ["Post id", "Date", "Post text", "Post Link"]
        ms = df["Post id"].map(lambda s: (int(s) >> 22) + X_EPOCH_MS)
        decoded = pd.to_datetime(ms, unit="ms", utc=True)
        assert (decoded.to_numpy() == truth.loc[df["Post id"]].to_numpy()).all()
        dates = pd.to_datetime(df["Date"], format="%a, %b %d, %Y")
        assert (dates.dt.date.to_numpy() == decoded.dt.date.to_numpy()).all()


def test_x_overview_has_incident_unfollows(out):
    df = pd.read_csv(out / "account_overview_analytics.csv")
    assert list(df.columns) == ["Date", "Impressions", "Engagements", "Likes", "Replies", "Reposts",
                                "New follows", "Unfollows", "Bookmarks", "Shares", "Profile visits",
                                "Create Post", "Video views", "Media views"]
    df["Date"] = pd.to_datetime(df["Date"], format="%a, %b %d, %Y")
    week = df["Date"].between("2026-10-13", "2026-10-19")
    assert len(df) == 426
    assert df.loc[week, "Unfollows"].mean() > 4 * df.loc[~week, "Unfollows"].mean()
    assert (df.loc[week, "New follows"] - df.loc[week, "Unfollows"]).sum() < 0



def test_x_interactions_are_the_truths_plus_its_dm_shares(out, brand, tmp_path):
    """The package's X ``shares`` are Reposts + Shares (DM and link shares): its interactions
    are likes + replies + reposts + bookmarks + shares, the truth's ``interactions`` (reposts
    as ``shares``) plus its ``shares_dm`` (data/sample/README.md says so). October 2026, as an
    analyst adds the truth up: 897 + 23 = 920, the monthly report's figure; every post
    agrees."""
    import shutil

    import smmanalytics as smm

    for f in out.glob("account_analytics_content_*.csv"):
        shutil.copy(f, tmp_path)
    got = smm.load(tmp_path).posts.set_index("post_id")["interactions"]
    truth = brand.posts[brand.posts["platform"] == "x"].set_index("post_id")
    want = (truth["interactions"] + truth["shares_dm"]).loc[got.index]
    assert len(got) == len(truth) and (got == want).all()
    october = (truth["published_at"].dt.tz_convert("Europe/Paris").dt.strftime("%Y-%m")
               == "2026-10")
    assert (truth.loc[october, "interactions"].sum(), truth.loc[october, "shares_dm"].sum(),
            got.loc[truth.index[october]].sum()) == (897, 23, 920)

def test_linkedin_workbooks(out):
    content = sorted(out.glob("maison-seve_content_*.xls"))
    assert len(content) == 2
    for f in content:
        sheets = pd.read_excel(f, sheet_name=None, header=None, dtype=str, engine="calamine")
        assert list(sheets) == ["Metrics", "All posts"]
        for s in sheets.values():
            assert s.iloc[0, 1:].isna().all()   # row 1 is a note
        posts = pd.read_excel(f, sheet_name="All posts", header=1, engine="calamine")
        assert {"Post title", "Post link", "Post type", "Created date", "Impressions", "Clicks",
                "Likes", "Comments", "Reposts", "Engagement rate"} <= set(posts.columns)
        assert posts["Post link"].str.contains("urn:li:activity:").all()
        assert posts["Engagement rate"].between(0, 1).all()
        metrics = pd.read_excel(f, sheet_name="Metrics", header=1, engine="calamine")
        assert {"Impressions (organic)", "Unique impressions (organic)",
                "Engagement rate (total)"} <= set(metrics.columns)
    fol = pd.read_excel(next(out.glob("maison-seve_followers_*.xls")), sheet_name=None,
                        engine="calamine")
    assert list(fol) == ["New followers", "Location", "Job function", "Seniority", "Industry",
                         "Company size"]
    nf = fol["New followers"]
    assert (nf["Total followers"] == nf[["Sponsored followers", "Organic followers",
                                         "Auto-invited followers"]].sum(axis=1)).all()


def test_youtube_zip(out, brand):
    z = out / "Content 2025-09-01_2026-10-31 Maison Sève.zip"
    with zipfile.ZipFile(z) as zf:
        assert sorted(zf.namelist()) == ["Chart data.csv", "Table data.csv", "Totals.csv"]
        table = pd.read_csv(io.BytesIO(zf.read("Table data.csv")), dtype=str)
        chart = pd.read_csv(io.BytesIO(zf.read("Chart data.csv")))
        totals = pd.read_csv(io.BytesIO(zf.read("Totals.csv")))
    assert table.iloc[0, 0] == "Total" and table.iloc[0, 1:4].isna().all()
    body = table.iloc[1:]
    assert int(table.iloc[0]["Views"]) == body["Views"].astype(int).sum()
    assert len(body) == (brand.posts["platform"] == "youtube").sum()
    assert pd.to_datetime(body["Video publish time"], format="%b %d, %Y").notna().all()
    assert chart["Content"].nunique() == 5
    assert list(totals.columns) == ["Date", "Views"] and len(totals) == 426


def _tiktok_csv(zf: zipfile.ZipFile, name: str) -> tuple[bytes, pd.DataFrame]:
    raw = zf.read(name)
    return raw, pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_tiktok_zips(out):
    with zipfile.ZipFile(out / "Content_maisonseve.zip") as zf:
        assert zf.infolist()[0].compress_type == zipfile.ZIP_STORED
        raw, content = _tiktok_csv(zf, "Content.csv")
    assert raw.startswith(b'\xef\xbb\xbf"Time","Video title","Video link","Post time"')
    assert not raw.endswith(b"\n")
    assert set(content["Time"]) == {"October 31"}
    assert content["Post time"].str.fullmatch(r"[A-Z][a-z]+ \d{1,2}").all()
    ids = content["Video link"].str.extract(r"/video/(\d+)$")[0].map(int)
    first = pd.to_datetime(ids.min() >> 32, unit="s", utc=True)
    assert first >= pd.Timestamp("2025-11-01", tz="UTC")   # within the 365 days before export
    with zipfile.ZipFile(out / "Followers_maisonseve.zip") as zf:
        assert sorted(zf.namelist()) == ["FollowerActivity.csv", "FollowerGender.csv",
                                         "FollowerHistory.csv", "FollowerTopTerritories.csv"]
        raw, act = _tiktok_csv(zf, "FollowerActivity.csv")
        for line in raw.decode("utf-8-sig").split("\n"):
            assert all(c.startswith('"') and c.endswith('"') for c in line.split(","))
        _, terr = _tiktok_csv(zf, "FollowerTopTerritories.csv")
        _, hist = _tiktok_csv(zf, "FollowerHistory.csv")
    assert len(act) == 7 * 24
    assert sorted(set(act["Date"])) == [f"October {d}" for d in range(25, 32)]
    # hours are UTC; in Paris (UTC+1 from 25 October 2026) the peak falls in the evening
    act["paris"] = (act["Hour"].astype(int) + 1) % 24
    peak = act.groupby("paris")["Active followers"].apply(lambda s: s.astype(int).mean()).idxmax()
    assert 18 <= peak <= 22
    assert {"FR", "BE", "CH", "CA"} <= set(terr["Top territories"])
    assert hist["Difference in followers from previous day"].iloc[0] == "0"
    overview = [p for p in out.glob("Overview_*_maisonseve.zip")]
    assert [p.name for p in overview] == ["Overview_2025-11-01_1793520000_maisonseve.zip"]
    with zipfile.ZipFile(out / "Viewers_maisonseve.zip") as zf:
        viewers = pd.read_excel(io.BytesIO(zf.read("Viewers.xlsx")), dtype=str, engine="openpyxl")
    assert list(viewers.columns) == ["Date", "Total Viewers", "New Viewers", "Returning Viewers"]
    assert viewers.iloc[0]["Total Viewers"] == "undefined"


# --- GA4, costs, goals, brand, competitors ---------------------------------------------------

def test_ga4_exports(out):
    files = sorted(out.glob("ga4_traffic_acquisition_*.csv"))
    assert len(files) == 14
    sources = set()
    for f in files:
        lines = f.read_text(encoding="utf-8").split("\n")
        start = f.name.split("_")[3]
        assert lines[:7] == ["# ----------------------------------------",
                             "# Traffic acquisition: Session campaign", "# Account: Maison Sève",
                             "# Property: maisonseve.fr - GA4",
                             "# ----------------------------------------", "# ", "# All Users"]
        assert lines[7] == f"# Start date: {start.replace('-', '')}"
        assert lines[8].startswith("# End date: ")
        df = pd.read_csv(f, skiprows=9)
        key = "Conversions" if start < "2026" else "Key events"
        assert list(df.columns) == ["Session campaign", "Session source / medium", "Sessions",
                                    "Engaged sessions", "Engagement rate", key, "Total revenue"]
        assert df.iloc[0, 0] == "Grand total"
        body = df.iloc[1:]
        assert body["Sessions"].sum() == df.iloc[0]["Sessions"]
        assert abs(body["Total revenue"].sum() - df.iloc[0]["Total revenue"]) < 0.05
        assert body["Engagement rate"].between(0, 1).all()
        sources |= set(body["Session source / medium"])
    assert {"l.instagram.com / referral", "m.facebook.com / referral", "lnkd.in / referral",
            "t.co / referral", "instagram / social", "facebook / paid", "instagram / paid",
            "google / organic", "(direct) / (none)", "newsletter / email"} <= sources


def test_costs_csv(out):
    df = pd.read_csv(out / "costs.csv", dtype={"amount": "Float64"})
    assert list(df.columns) == ["start", "end", "category", "amount", "currency", "platform",
                                "campaign", "hours", "hourly_rate", "note"]
    assert set(df["category"]) == {"ad_spend", "labor", "tools", "production", "influencer",
                                   "other"}
    labor = df[df["category"] == "labor"]
    assert labor["amount"].isna().all() and (labor["hours"] * labor["hourly_rate"] > 0).all()
    yearly = df[(df["category"] == "tools") & (df["amount"] > 400)]
    span = (pd.to_datetime(yearly["end"]) - pd.to_datetime(yearly["start"])).dt.days
    assert (span > 300).all()
    autumn = df[(df["campaign"] == "automne-2026") & (df["category"] == "ad_spend")]
    assert set(autumn["platform"]) == {"instagram", "facebook"}
    assert autumn["amount"].sum() == 2000.0   # 1200 Instagram + 800 Facebook


def test_goals_and_brand_yaml(out, brand):
    goals = yaml.safe_load((out / "goals.yaml").read_text(encoding="utf-8"))["goals"]
    allowed = {"interactions", "reach", "posts", "er_reach", "followers_net", "sessions",
               "key_events", "revenue", "roas", "roi"}
    for g in goals:
        assert set(g) == {"metric", "platform", "target", "period", "direction"}
        assert g["metric"] in allowed and g["period"] in ("month", "quarter")
        assert g["direction"] in ("at_least", "at_most")
    statuses = {v["status"] for k, v in brand.truths["goals_2026_10"].items()
                if not k.startswith("_")}
    assert {"met", "missed"} <= statuses
    b = read_brand(out / "brand.yaml")
    assert (b.name, b.slug, b.timezone, b.currency, b.language, b.industry) == \
        ("Maison Sève", "maison-seve", "Europe/Paris", "EUR", "fr", "health_beauty")
    assert (b.primary_color, b.accent_color) == ("#2F4F3A", "#C8A165")
    assert set(b.accounts) == {"instagram", "facebook", "x", "linkedin", "youtube", "tiktok"}


def test_competitors_csv(out):
    df = pd.read_csv(out / "competitors.csv")
    assert list(df.columns) == ["platform", "competitor", "period", "followers", "posts",
                                "interactions"]
    assert df["competitor"].nunique() == 3
    assert sorted(df["period"].unique()) == ["2026-08", "2026-09", "2026-10"]


# --- planted truths -----------------------------------------------------------------------------

def test_instagram_evening_effect_recovered_and_naive_view_misleads(brand):
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    ig = brand.posts[(brand.posts["platform"] == "instagram")
                     & (brand.posts["content_type"] != "story")]
    assert 25 * 14 <= len(ig) <= 35 * 14
    df = pd.DataFrame({
        "y": ig["interactions"].astype(float).to_numpy(),
        "fmt": ig["content_type"].astype(str).to_numpy(),
        "evening": ig["hour_paris"].isin([18, 19, 20]).astype(int).to_numpy(),
        "t": ((ig["published_at"] - ig["published_at"].min()).dt.days).to_numpy(),
        "lf": np.log(ig["followers_at_post"].to_numpy(dtype=float)),
    })
    fit = smf.glm("y ~ C(fmt) + evening + t", data=df, offset=df["lf"],
                  family=sm.families.NegativeBinomial(alpha=0.15)).fit()
    rr = float(np.exp(fit.params["evening"]))
    lo, hi = np.exp(fit.conf_int().loc["evening"])
    assert 1.45 < rr < 2.0 and lo < 1.7 < hi
    assert 1.8 < float(np.exp(fit.params["C(fmt)[T.reel]"])) < 2.7
    reels = df["fmt"] == "reel"
    morning = ig["hour_paris"].isin([8, 9, 10]).to_numpy()
    assert 0.68 <= morning[reels].mean() <= 0.82           # ≈75 % of reels in the morning
    naive = brand.truths["instagram_timing"]["naive_mean_interactions_by_slot"]
    assert naive["morning"] > naive["evening"] > naive["midday"]
    fol = brand.daily[(brand.daily["platform"] == "instagram")
                      & (brand.daily["metric"] == "followers_total")]
    assert fol["value"].iloc[-1] > 1.4 * fol["value"].iloc[0]


def test_campaign_pays_back(brand):
    c = brand.truths["campaigns"]["automne-2026"]
    # 2000 ads + 700 shoot + 500 influencer
    assert c["ad_spend"] == 2000.0 and c["total_cost"] == 3200.0
    assert c["roas"] > 3 and c["revenue"] > 3 * c["total_cost"]
    web = brand.web[brand.web["campaign"].eq("automne-2026").fillna(False)]
    assert set(web["medium"]) >= {"paid", "social"}
    assert (web["period_start"] == pd.Timestamp("2026-10-01")).all()
    small = brand.truths["campaigns"]["fete-des-meres-2026"]
    assert small["ad_spend"] < c["ad_spend"] and small["roas"] > 1


def test_incident_week_signals(brand):
    inc = brand.truths["incident"]
    nf = inc["facebook_negative_feedback_per_post"]
    assert nf["incident_week"] > 10 * nf["other_weeks"]
    for p in ("instagram", "facebook"):
        r = inc["comments_per_reach_median"][p]
        assert r["incident_week"] > 4 * r["other_weeks"]
    for p in ("instagram", "facebook", "tiktok", "x"):
        assert inc["net_follows_in_week"][p] < 0
    d = brand.daily[(brand.daily["metric"] == "net_follows")
                    & (brand.daily["platform"] == "instagram")]
    weekly = d.set_index("date")["value"].resample("W-MON", label="left", closed="left").sum()
    negative = weekly[weekly < 0]
    assert list(negative.index) == [pd.Timestamp("2026-10-12")]   # the only negative week


def test_cli_sample(tmp_path, capsys):
    from smmanalytics.cli import main

    assert main(["sample", "--out", str(tmp_path / "s"), "--seed", "3"]) == 0
    assert (tmp_path / "s" / "brand.yaml").exists()
    assert "files" in capsys.readouterr().out
    (tmp_path / "a-file").write_text("")
    assert main(["sample", "--out", str(tmp_path / "a-file")]) == 2
    a_file = tmp_path / "a-file"
    assert capsys.readouterr().err == (f"smm: error: cannot write the sample folder {a_file}: "
                                       f"{a_file} is a file, expected a folder\n")


def test_a_failed_rewrite_leaves_the_files_as_they_were(tmp_path):
    d = tmp_path / "s"
    before = {p.name: p.read_bytes() for p in write(d, seed=2026)}

    def small_files():          # as `ulimit -f 40`: a write past 40 KB fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40 * 1024, resource.RLIM_INFINITY))

    run = subprocess.run([sys.executable, "-m", "smmanalytics.cli", "sample", "--out", str(d)],
                         capture_output=True, text=True, preexec_fn=small_files)
    assert run.returncode == 2
    assert re.fullmatch(rf"smm: error: cannot write the sample file {re.escape(str(d))}/"
                        r"[^/\n]+: File too large\n", run.stderr)
    assert {p.name: p.read_bytes() for p in d.iterdir()} == before    # no file cut, no leftover


def test_cli_sample_refuses_a_negative_seed(tmp_path, capsys):
    from smmanalytics.cli import main

    assert main(["sample", "--out", str(tmp_path / "s"), "--seed", "-1"]) == 2
    assert capsys.readouterr().err == ("smm: error: argument 'seed': out of range; expected a "
                                       "whole number of at least 0; got -1\n")
    assert not (tmp_path / "s").exists()


def test_instagram_posts_span_both_dst_gaps(brand):
    ig = brand.posts[brand.posts["platform"] == "instagram"]["published_at"]
    paris = ig.dt.tz_convert("Europe/Paris").dt.tz_localize(None)
    pacific = ig.dt.tz_convert("America/Los_Angeles").dt.tz_localize(None)
    gap_h = ((paris - pacific) / pd.Timedelta(hours=1)).round().astype(int)
    # 9 h most of the year, 8 h in the weeks where Europe and the US change clocks on other dates
    assert set(gap_h) == {8, 9}
    assert (gap_h == 8).sum() > 20


def test_readme_numbers_match_truths(brand):
    text = (ROOT / "data" / "sample" / "README.md").read_text(encoding="utf-8")
    c = brand.truths["campaigns"]["automne-2026"]
    assert f"{c['revenue']:,.2f} €" in text and f"| {c['roas']:.2f} |" in text
    naive = brand.truths["instagram_timing"]["naive_mean_interactions_by_slot"]
    assert f"morning **{naive['morning']}**" in text
    nf = brand.truths["incident"]["facebook_negative_feedback_per_post"]
    assert f"**{nf['incident_week']:.1f}**" in text
    for key, g in brand.truths["goals_2026_10"].items():
        if not key.startswith("_") and g["status"] in ("met", "missed"):
            metric, platform, period = key.split("/")
            row = [line for line in text.splitlines()
                   if line.startswith(f"| {metric} | {platform} | {period} |")]
            assert len(row) == 1 and g["status"] in row[0], key


def test_manifest_lists_every_file(out):
    from smmanalytics.sample import manifest

    m = manifest()
    assert sorted(m["file"]) == sorted(p.name for p in out.iterdir())
    ig = m[(m["platform"] == "instagram") & (m["kind"] == "posts")]
    assert len(ig) == 6 and ig["snapshot_at"].max() == pd.Timestamp("2026-11-15", tz="UTC")
    fb_posts = (m["platform"] == "facebook") & (m["kind"] == "posts")
    assert set(m.loc[fb_posts, "source_locale"]) == {"fr-FR"}


def _brand_folder(d: Path) -> dict[str, bytes]:
    """A brand's own folder: its settings (named as the sample's) and one export."""
    d.mkdir()
    files = {"brand.yaml": b"name: Acme\ntimezone: Europe/Rome\n",
             "costs.csv": b"date,campaign,amount\n2026-10-01,soldes,120\n",
             "goals.yaml": b"goals: []\n", "acme_instagram_posts.csv": b"Post ID\n1\n"}
    for name, data in files.items():
        (d / name).write_bytes(data)
    return files


def test_cli_sample_refuses_a_folder_holding_other_files(tmp_path, capsys):
    """`smm sample --out` a brand's folder replaced its brand.yaml, costs.csv and goals.yaml
    and mixed 59 sample exports into its own: refused, exit 2, naming the folder and its
    first files (sorted), nothing written."""
    from smmanalytics.cli import main

    d = tmp_path / "acme"
    files = _brand_folder(d)
    assert main(["sample", "--out", str(d)]) == 2
    assert capsys.readouterr().err == (
        f"smm: error: the sample folder {d} holds files that are not the sample's: "
        "acme_instagram_posts.csv; expected an empty folder or one holding a sample (--force "
        "writes the sample into it, replacing the files of its names, brand.yaml, costs.csv "
        "and goals.yaml among them)\n")
    assert {p.name: p.read_bytes() for p in d.iterdir()} == files


def test_a_brands_own_settings_alone_are_not_taken_for_a_sample(tmp_path):
    """A new brand's folder, its settings written and no export yet: its file names are the
    sample's, its brand.yaml is not (the sample's is the same for every seed)."""
    from smmanalytics.errors import OutputError

    d = tmp_path / "acme"
    files = _brand_folder(d)
    (d / "acme_instagram_posts.csv").unlink()
    del files["acme_instagram_posts.csv"]
    with pytest.raises(OutputError, match=r"holds a brand.yaml that is not the sample's \(a "
                       r"brand's own settings\); expected an empty folder"):
        write(d)
    assert {p.name: p.read_bytes() for p in d.iterdir()} == files
    (d / "brand.yaml").unlink()
    with pytest.raises(OutputError, match=r"holds files of the sample's names but not its "
                       r"brand.yaml: costs.csv, goals.yaml; expected"):
        write(d)


def test_force_writes_the_sample_beside_the_other_files(tmp_path, capsys):
    from smmanalytics.cli import main

    d = tmp_path / "acme"
    _brand_folder(d)
    assert main(["sample", "--out", str(d), "--force"]) == 0
    assert (d / "brand.yaml").read_bytes() == (COMMITTED / "brand.yaml").read_bytes()
    assert (d / "acme_instagram_posts.csv").read_bytes() == b"Post ID\n1\n"    # kept
    assert len(list(d.iterdir())) == len(list(COMMITTED.iterdir())) + 1


def test_a_sample_is_written_again_into_its_folder(tmp_path, out):
    """Writing the sample twice into one folder is fine: a folder holding only the sample's
    files, its brand.yaml the sample's, is a sample; another seed replaces it. A hidden file
    (the Finder's .DS_Store) is no file of the user's data and is left."""
    d = tmp_path / "s"
    d.mkdir()
    for p in out.iterdir():
        (d / p.name).write_bytes(p.read_bytes())
    (d / ".DS_Store").write_bytes(b"\0")
    paths = write(d, seed=7)
    # seed 7's goals and competitors are not seed 2026's: kept, as a user's edit would be
    # (never lost without replace), the exports rewritten
    assert sorted(p.name for p in paths) == sorted(
        p.name for p in out.iterdir() if p.name not in ("goals.yaml", "competitors.csv"))
    assert [p.name for p in kept(d, paths)] == ["goals.yaml", "competitors.csv"]
    assert (d / "goals.yaml").read_bytes() == (out / "goals.yaml").read_bytes()
    paths = write(d, seed=7, replace=True)
    assert sorted(p.name for p in paths) == sorted(p.name for p in out.iterdir())
    assert (d / "goals.yaml").read_bytes() != (out / "goals.yaml").read_bytes()  # seed 7's
    assert (d / ".DS_Store").read_bytes() == b"\0"


def test_cli_sample_keeps_edited_settings_of_a_sample(tmp_path, out, capsys):
    """`smm sample --out` run again on its folder replaced an edited goals.yaml (a target
    set to 99) and costs.csv without a word: kept, each named, the others written again;
    --force replaces them with the sample's."""
    from smmanalytics.cli import main

    d = tmp_path / "s"
    d.mkdir()
    for p in out.iterdir():
        (d / p.name).write_bytes(p.read_bytes())
    goals = (out / "goals.yaml").read_bytes().replace(b"target: 27.0", b"target: 99", 1)
    costs = (out / "costs.csv").read_bytes() + b"2026-10-31,tools,,1.00,EUR,,,,,\n"
    (d / "goals.yaml").write_bytes(goals)
    (d / "costs.csv").write_bytes(costs)
    (d / "instagram_views_2025-09-01_2026-10-31_2026-11-01.csv").write_bytes(b"x")  # an export
    assert main(["sample", "--out", str(d)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[-3:-1] == [f"{d / 'costs.csv'}: kept (edited: not the sample's; --force "
                           "replaces it)",
                           f"{d / 'goals.yaml'}: kept (edited: not the sample's; --force "
                           "replaces it)"]
    n = len(list(out.iterdir()))        # all the sample's files but the two kept
    assert said[-1].startswith(f"{n - 2} files, ")
    assert (d / "goals.yaml").read_bytes() == goals and (d / "costs.csv").read_bytes() == costs
    name = "instagram_views_2025-09-01_2026-10-31_2026-11-01.csv"
    assert (d / name).read_bytes() == (out / name).read_bytes()     # an export: the sample's
    assert main(["sample", "--out", str(d), "--force"]) == 0
    assert "kept" not in capsys.readouterr().out
    assert (d / "goals.yaml").read_bytes() == (out / "goals.yaml").read_bytes()
