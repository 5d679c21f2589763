"""The report's sections of the period's posts: key figures, engagement charts, top posts,
audience and the data-quality note."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from smmanalytics import Brand, Dataset, schema
from smmanalytics.report import BrandReport

from ._report_helpers import SAMPLE, _pdf_text


def test_a_video_dated_to_the_day_is_shown_on_that_day_west_of_utc():
    """A New York brand's YouTube video dated "Oct 1, 2026" (known to the day, stored at 00:00
    UTC) was listed among October's top posts as published "30/09/2026": midnight UTC is
    20:00 on 30 September in New York. It reads 01/10/2026, the day its export gives; an
    Instagram post at 02:00 UTC on 2 October, known to the minute, is 22:00 on 1 October in
    New York: 01/10/2026 too."""
    df = pd.DataFrame({
        "platform": ["youtube", "instagram"], "post_id": ["v1", "p1"],
        "caption": ["Vidéo", "Photo"], "permalink": [pd.NA, pd.NA],
        "published_at": pd.to_datetime(["2026-10-01T00:00Z", "2026-10-02T02:00Z"], utc=True),
        "time_precision": ["day", "minute"], "reactions": [12.0, 5.0],
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="America/New_York", language="en"))
    rep = BrandReport(ds, "2026-10", lang="en")
    table = rep.top_posts(n=2).blocks[-1]
    assert [row[:2] for row in table["rows"]] == [["01/10/2026", "YouTube"],
                                                  ["01/10/2026", "Instagram"]]


def test_empty_period_says_so(ds):
    """January 2025, long before the posts (25 September to early November 2026): no posts
    export covers it, and the PDF says so, not that no post was published."""
    rep = BrandReport(ds, "2025-01", lang="en")
    sec = rep.kpi_table()
    assert "No posts export covers January 2025" in sec._repr_html_()
    assert "No posts were published" not in sec._repr_html_()
    assert "No posts export covers January 2025" in _pdf_text(rep.pdf_bytes())


def _september_instagram(*more_exports) -> Dataset:
    """Two Instagram posts of September, from its posts export named 1 to 30 September 2026,
    with ``more_exports`` (platform, kind, rows, first day, last day) beside it."""
    from smmanalytics.dataset import FILE_COLUMNS

    df = pd.DataFrame({
        "platform": ["instagram", "instagram"], "post_id": ["p1", "p2"],
        "caption": ["Un", "Deux"], "permalink": [pd.NA, pd.NA],
        "published_at": pd.to_datetime(["2026-09-10T09:00Z", "2026-09-20T09:00Z"], utc=True),
        "time_precision": ["minute", "minute"], "reactions": [12.0, 5.0], "reach": [100.0, 50.0],
        "snapshot_at": pd.Timestamp("2026-12-05 08:00", tz="UTC")})
    rows = [("instagram", "posts", 2, "2026-09-01", "2026-09-30"), *more_exports]
    files = pd.DataFrame([{"path": f"f{i}.csv", "platform": p, "kind": k, "rows": n,
                           "status": "ok", "covers_from": pd.Timestamp(a),
                           "covers_to": pd.Timestamp(b)}
                          for i, (p, k, n, a, b) in enumerate(rows)],
                         columns=list(FILE_COLUMNS)).astype(FILE_COLUMNS)
    return Dataset(posts=schema.conform(df, "posts"), files=files,
                   brand=Brand(name="B", timezone="Europe/Paris", language="en"))


def _texts(sec) -> list[str]:
    return [b["text"] for b in sec.blocks if b["kind"] == "text"]


def test_a_month_its_posts_exports_cover_without_a_post_says_none_was_published():
    """Instagram's export of October read without a row: the brand did not post in October,
    and the key figures, engagement and top posts say so; the cover counts 0 posts."""
    ds = _september_instagram(("instagram", "posts", 0, "2026-10-01", "2026-10-31"))
    rep = BrandReport(ds, "2026-10", lang="en")
    for sec in (rep.kpi_table(), rep.engagement_charts(), rep.top_posts()):
        assert _texts(sec) == ["No posts were published in this period."]
    assert "Posts: 0" in rep.cover_lines


@pytest.mark.parametrize(("lang", "said", "posts"), [
    ("en", "No posts export covers November 2026: the posts of this period are unknown, not 0. "
           "Days the posts exports cover: Facebook from 1 to 31 December 2026 and Instagram "
           "from 1 to 30 September 2026.", "Posts: –"),
    ("fr", "Aucun export de publications ne couvre les jours de novembre 2026 : les "
           "publications de cette période sont inconnues, et non nulles. Jours couverts par les "
           "exports de publications : Facebook du 1er au 31 décembre 2026 et Instagram du 1er au "
           "30 septembre 2026.", "Publications : –"),
    ("it", "Nessuna esportazione dei post copre i giorni di novembre 2026: i post di questo "
     "periodo "
           "sono sconosciuti, non zero. Giorni coperti dalle esportazioni dei post: Facebook dal "
           "1° al 31 dicembre 2026 e Instagram dal 1° al 30 settembre 2026.", "Post: –"),
])
def test_a_month_no_posts_export_covers_is_not_said_to_be_without_posts(lang, said, posts):
    """Instagram's export of September and Facebook's of December (read without a row: it
    covers December all the same): November lies between them, no posts export covers it. The
    key figures, engagement and top posts said "No posts were published in this period" where
    the comparison said November was not covered; they say so now, with the days the exports
    cover, and the cover counts its posts unknown ("–"), not 0."""
    ds = _september_instagram(("facebook", "posts", 0, "2026-12-01", "2026-12-31"))
    rep = BrandReport(ds, "2026-11", lang=lang)
    for sec in (rep.kpi_table(), rep.engagement_charts(), rep.top_posts()):
        assert _texts(sec) == [said]
    assert posts in rep.cover_lines


@pytest.mark.parametrize(("lang", "legend"), [
    ("en", "† Paid (boosted) post: its reach, and so its interactions, were partly bought "
           "(94% and 50% of its reach). Whether a post was paid is unknown on Instagram: "
           "their exports do not say."),
    ("fr", "† Publication payante (boostée) : sa portée, et donc ses interactions, ont été en "
           "partie achetées (94\xa0% et 50\xa0% de sa portée). Pour Instagram, les exports "
           "ne disent pas si une publication était payante."),
    ("it", "† Post a pagamento (sponsorizzato): la sua copertura, e quindi le sue interazioni, "
           "sono state in parte acquistate (94% e 50% della sua copertura). Per Instagram le "
           "esportazioni non dicono se un post era a pagamento."),
])
@pytest.mark.parametrize("kind", ["monthly", "campaign"])
def test_top_posts_mark_the_paid_posts(lang, legend, kind):
    """Four posts of October, all of the campaign "fall": two boosted Facebook posts (reach
    16,315 of which 15,356 boosted, 15,356 / 16,315 = 94 %; 1,000 of which 500, 50 %), an
    organic one, and an Instagram post whose export says nothing of paid. A campaign's top
    posts were its boosted posts, unmarked: they are marked " †" (one rule, monthly and
    campaign reports), the legend giving their paid share of reach and saying Instagram's
    paid status is unknown."""
    df = pd.DataFrame({
        "platform": ["facebook", "facebook", "facebook", "instagram"],
        "post_id": ["b1", "b2", "o1", "i1"], "caption": ["B1", "B2", "O1", "I1"],
        "permalink": pd.NA, "campaign": "fall",
        "published_at": pd.to_datetime(["2026-10-13T05:03Z", "2026-10-13T07:21Z",
                                        "2026-10-05T09:00Z", "2026-10-06T09:00Z"], utc=True),
        "reactions": [797.0, 619.0, 300.0, 100.0],
        "reach": [16315.0, 1000.0, 900.0, 800.0],
        "reach_boosted": [15356.0, 500.0, 0.0, np.nan],
        "paid": pd.array([True, True, False, pd.NA], dtype="boolean"),
        "snapshot_at": pd.Timestamp("2026-11-02 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language="en"))
    rep = BrandReport(ds, "2026-10", lang=lang, kind=kind,
                      campaign="fall" if kind == "campaign" else None)
    table = rep.top_posts(n=4).blocks[-1]
    assert [row[0] for row in table["rows"]] == ["13/10/2026 †", "13/10/2026 †", "05/10/2026",
                                                 "06/10/2026"]
    assert table["caption"] == legend
    # no paid post among them: no mark, no legend
    organic = Dataset(posts=ds.posts.loc[~ds.posts["paid"].fillna(False)], brand=ds.brand)
    table = BrandReport(organic, "2026-10", lang=lang).top_posts(n=4).blocks[-1]
    assert not any("†" in row[0] for row in table["rows"]) and not table.get("caption")


@pytest.mark.parametrize(("lang", "emoji"), [
    ("en", "(emoji only)"), ("fr", "(emoji uniquement)"), ("it", "(solo emoji)")])
def test_top_posts_of_emoji_only_captions_say_so_and_keep_their_link(lang, emoji):
    """November's two top posts were captioned "🌙✨" and "💜", which the PDF's fonts cannot
    draw: their text cells were empty and their links zero points wide. They read "(emoji
    only)", linked; a caption of spaces and a missing one read "—", the first linked too; a
    caption with words keeps them, its emoji dropped ("Lune 🌙" → "Lune"). Ranked by
    reactions: 40, 30, 20, 10, 5."""
    link = "https://www.instagram.com/p/Z{}/".format
    df = pd.DataFrame({
        "platform": "instagram", "post_id": ["1", "2", "3", "4", "5"],
        "caption": ["🌙✨", "💜", "   ", pd.NA, "Lune 🌙"],
        "permalink": [link(1), link(2), link(3), pd.NA, link(5)],
        "published_at": pd.date_range("2026-11-02 09:00", periods=5, freq="D", tz="UTC"),
        "reactions": [40.0, 30.0, 20.0, 10.0, 5.0], "reach": 1000.0,
        "snapshot_at": pd.Timestamp("2026-12-02 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language="en"))
    table = BrandReport(ds, "2026-11", lang=lang).top_posts(n=5).blocks[-1]
    assert [row[2] for row in table["rows"]] == [
        {"text": emoji, "link": link(1)}, {"text": emoji, "link": link(2)},
        {"text": "—", "link": link(3)}, "—", {"text": "Lune", "link": link(5)}]


def _videos_without_interactions(n: int) -> Dataset:
    """``n`` YouTube videos of October 2026 with their views (reach) and no likes, shares or
    comments: a YouTube Studio table exported without those columns."""
    df = pd.DataFrame({
        "platform": "youtube", "post_id": [f"v{i}" for i in range(n)],
        "published_at": pd.date_range("2026-10-03", periods=n, freq="5D", tz="UTC"),
        "time_precision": "day", "reach": 300.0,
        "snapshot_at": pd.Timestamp("2026-11-05 08:00", tz="UTC")})
    return Dataset(posts=schema.conform(df, "posts"),
                   brand=Brand(name="B", timezone="Europe/Paris", language="en"))


@pytest.mark.parametrize(("lang", "one", "four"), [
    ("en", "1 post was published in this period; its interactions are unknown.",
     "4 posts were published in this period; their interactions are unknown."),
    ("fr", "1 publication sur cette période ; ses interactions sont inconnues.",
     "4 publications sur cette période ; leurs interactions sont inconnues."),
    ("it", "1 post pubblicato in questo periodo; le sue interazioni non sono note.",
     "4 post pubblicati in questo periodo; le loro interazioni non sono note."),
])
def test_top_posts_of_posts_without_interactions_say_they_were_published(lang, one, four):
    """4 videos of October exported without likes, shares or comments: the top posts said "No
    posts were published" of them. They say the 4 were published (3, 8, 13 and 18 October)
    and their interactions are unknown; a single video in the singular."""
    for n, expected in ((1, one), (4, four)):
        rep = BrandReport(_videos_without_interactions(n), "2026-10", lang=lang)
        assert len(rep.posts) == n and rep.posts["interactions"].isna().all()
        assert _texts(rep.top_posts()) == [expected]


@pytest.mark.parametrize(("lang", "said", "posts"), [
    ("en", "No posts were published on Facebook in October 2026; the posts of Instagram are "
           "unknown, not 0. Days their posts exports cover: Instagram from 1 to 30 September "
           "2026.", "Posts: –"),
    ("fr", "Aucune publication sur Facebook en octobre 2026 ; les publications d'Instagram "
           "sont inconnues, et non nulles. Jours couverts par leurs exports de publications : "
           "Instagram du 1er au 30 septembre 2026.", "Publications : –"),
    ("it", "Nessun post pubblicato su Facebook a ottobre 2026; i post di Instagram sono "
           "sconosciuti, non zero. Giorni coperti dalle loro esportazioni dei post: Instagram dal "
           "1° al 30 settembre 2026.", "Post: –"),
])
def test_a_month_one_platforms_posts_exports_cover_says_which_posts_are_unknown(lang, said,
                                                                                 posts):
    """Facebook's export of October read without a row, Instagram's exports stopping on 30
    September: the key figures, engagement and top posts said "No posts were published in this
    period" and the cover "Posts: 0", as soon as one platform's exports covered October. They
    say Facebook had none and Instagram's are unknown, with the days its exports cover; the
    cover's count is unknown ("–"), Instagram's October not being 0."""
    ds = _september_instagram(("facebook", "posts", 0, "2026-10-01", "2026-10-31"))
    rep = BrandReport(ds, "2026-10", lang=lang)
    for sec in (rep.kpi_table(), rep.engagement_charts(), rep.top_posts()):
        assert _texts(sec) == [said]
    assert posts in rep.cover_lines


def _bio_link(*more_exports) -> Dataset:
    """Two Instagram posts of September, none of a campaign, and GA4's 120 sessions of
    September from Instagram under utm_campaign "Bio-Link" (the link in the profile, which
    no post carries)."""
    web = pd.DataFrame([{"period_start": "2026-09-01", "period_end": "2026-09-30",
                         "channel_group": "Organic Social", "source": "instagram",
                         "medium": "social", "campaign": "Bio-Link", "sessions": 120.0,
                         "key_events": 3.0, "revenue": 90.0, "currency": "EUR"}])
    return dataclasses.replace(_september_instagram(*more_exports),
                               web=schema.conform(web, "web"))


@pytest.mark.parametrize(("lang", "said", "posts"), [
    ("en", "No post of this period carries the campaign Bio-Link (a utm_campaign in its link "
           "or caption, or its export's campaign column); posts published in this period: 2.",
     "Posts: 0 (none carries the campaign Bio-Link, of 2 in this period)"),
    ("fr", "Aucune publication de cette période ne porte la campagne Bio-Link (un utm_campaign "
           "dans son lien ou son texte, ou la colonne campagne de son export) ; publications de "
           "cette période : 2.",
     "Publications : 0 (aucune ne porte la campagne Bio-Link, sur 2 de cette période)"),
    ("it", "Nessun post di questo periodo porta la campagna Bio-Link (un utm_campaign nel link "
           "o nel testo, o la colonna campagna della sua esportazione); post pubblicati in questo "
           "periodo: 2.",
     "Post: 0 (nessuno porta la campagna Bio-Link, su 2 di questo periodo)"),
])
def test_a_campaign_no_post_carries_is_not_said_to_be_a_period_without_posts(lang, said,
                                                                             posts):
    """The sample brand's campaign report of bio-link, a campaign of GA4 alone (its
    profile's link), said "No posts were published in this period" under the key figures,
    engagement and top posts, and "Posts: 0" on its cover, of 14 months of 1,475 posts. Two
    Instagram posts of September without a campaign, GA4's sessions of "Bio-Link" that
    month, the report asked for "bio_link": the sections say no post carries the campaign,
    named as GA4 writes it, and how many posts the period has (2, counted by hand); the
    cover's 0 says the same."""
    rep = BrandReport(_bio_link(), "2026-09", kind="campaign", campaign="bio_link", lang=lang)
    assert rep.posts.empty
    for sec in (rep.kpi_table(), rep.engagement_charts(), rep.top_posts()):
        assert _texts(sec) == [said]
    assert posts in rep.cover_lines


def test_a_campaign_no_post_carries_says_whose_posts_are_unknown():
    """The same, X's posts exports stopping in August (its post of 10 August): X's September
    posts, which might carry the campaign, are unknown, and the count of 2 is Instagram's
    alone (the monthly report's "partial" note)."""
    rep = BrandReport(_with_x_of_august(_bio_link()), "2026-09", kind="campaign",
                      campaign="bio-link", lang="en")
    partial = "partial: without X, whose posts exports do not cover this period"
    assert _texts(rep.kpi_table()) == [
        "No post of this period carries the campaign Bio-Link (a utm_campaign in its link or "
        f"caption, or its export's campaign column); posts published in this period: 2 "
        f"({partial})."]
    assert f"Posts: 0 (none carries the campaign Bio-Link, of 2 in this period; {partial})" \
        in rep.cover_lines


def test_a_campaign_of_a_period_without_posts_says_none_was_published():
    """A campaign's report of October, when Instagram's October export has no row: no post
    was published at all, and the sections say so as the monthly report does."""
    ds = _bio_link(("instagram", "posts", 0, "2026-10-01", "2026-10-31"))
    web = ds.web.assign(period_start=pd.Timestamp("2026-10-01"),
                        period_end=pd.Timestamp("2026-10-31"))
    rep = BrandReport(dataclasses.replace(ds, web=web), "2026-10", kind="campaign",
                      campaign="bio-link", lang="en")
    assert _texts(rep.kpi_table()) == ["No posts were published in this period."]
    assert "Posts: 0" in rep.cover_lines


def _with_x_of_august(ds: Dataset) -> Dataset:
    """``ds`` with an X post of 10 August 2026, from X's posts export named 1 to 31 August
    2026: X's posts exports stop before September."""
    from smmanalytics.dataset import FILE_COLUMNS

    x = pd.DataFrame({
        "platform": ["x"], "post_id": ["t1"], "caption": ["Tweet"], "permalink": [pd.NA],
        "published_at": pd.to_datetime(["2026-08-10T09:00Z"], utc=True),
        "time_precision": ["minute"], "reactions": [3.0],
        "snapshot_at": pd.Timestamp("2026-12-05 08:00", tz="UTC")})
    export = pd.DataFrame([{"path": "x.csv", "platform": "x", "kind": "posts", "rows": 1,
                            "status": "ok", "covers_from": pd.Timestamp("2026-08-01"),
                            "covers_to": pd.Timestamp("2026-08-31")}],
                          columns=list(FILE_COLUMNS)).astype(FILE_COLUMNS)
    return dataclasses.replace(
        ds, posts=schema.conform(pd.concat([ds.posts, x], ignore_index=True), "posts"),
        files=pd.concat([ds.files, export], ignore_index=True))


@pytest.mark.parametrize(("lang", "cover", "partial", "caption"), [
    ("en", "Posts: 2 (partial: without X, whose posts exports do not cover this period)",
     "partial: without X, whose posts exports do not cover this period",
     "The “All platforms” row leaves out X, whose posts exports do not cover this period: its "
     "figures are partial."),
    ("fr", "Publications : 2 (partiel : sans X, dont les exports de publications ne couvrent "
           "pas cette période)",
     "partiel : sans X, dont les exports de publications ne couvrent pas cette période",
     "La ligne « Toutes plateformes » ne compte pas X, dont les exports de publications ne "
     "couvrent pas cette période : ses chiffres sont partiels."),
    ("it", "Post: 2 (parziale: senza X, le cui esportazioni dei post non coprono questo periodo)",
     "parziale: senza X, le cui esportazioni dei post non coprono questo periodo",
     "La riga «Tutte le piattaforme» non conta X, le cui esportazioni dei post non coprono questo "
     "periodo: i suoi dati sono parziali."),
])
def test_a_count_of_posts_some_platforms_exports_do_not_cover_says_it_is_partial(
        lang, cover, partial, caption):
    """Instagram's 2 posts of September 2026 (its export of 1 to 30 September) beside X's
    exports stopping on 31 August: the cover read "Posts: 2" and the key figures 2 posts, as
    if the brand had not posted on X. X's September is unknown: the count, 2 (Instagram's two,
    counted by hand), says it is partial and that X is not in it, and so does the table's
    all-platforms row."""
    rep = BrandReport(_with_x_of_august(_september_instagram()), "2026-09", lang=lang)
    assert cover in rep.cover_lines
    sec = rep.kpi_table()
    [kpis] = [b for b in sec.blocks if b["kind"] == "kpis"]
    assert kpis["items"][0]["value"] == "2" and kpis["items"][0]["note"] == partial
    [table] = [b for b in sec.blocks if b["kind"] == "table"]
    assert table["caption"].endswith(" " + caption)
    # X, not in brand.yaml, has no row of its own (the sample's, declared there, reads "–")
    assert [row[:2] for row in table["rows"]] == [["Instagram", "2"],
                                                  [rep.fmt.label("total"), "2"]]


def test_a_count_of_posts_every_platforms_exports_cover_is_not_partial():
    """X's export of September read without a row beside Instagram's 2 posts: X did not post
    in September (0), and the count, 2, is whole: no "partial" on the cover nor in the key
    figures."""
    ds = _september_instagram(("x", "posts", 0, "2026-09-01", "2026-09-30"))
    rep = BrandReport(ds, "2026-09", lang="en")
    assert "Posts: 2" in rep.cover_lines
    sec = rep.kpi_table()
    [kpis] = [b for b in sec.blocks if b["kind"] == "kpis"]
    assert "note" not in kpis["items"][0]
    [table] = [b for b in sec.blocks if b["kind"] == "table"]
    assert "partial" not in table["caption"]


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "The interactions of 1 of the 2 Instagram posts are unknown: the platform's "
           "interactions and rates are those of its other posts."),
    ("fr", "Les interactions de 1 des 2 publications Instagram sont inconnues : les "
           "interactions et les taux de la plateforme sont ceux de ses autres publications."),
    ("it", "Le interazioni di 1 post Instagram su 2 non sono note: le interazioni e i tassi "
           "della piattaforma sono quelli degli altri suoi post."),
])
def test_key_figures_say_whose_interactions_are_unknown(lang, note):
    """Instagram's 2 posts of September, the second without its reactions (its only
    component: its interactions unknown). engagement() by platform notes it ("interactions
    of 1 of 2 posts unknown (instagram)"); the key figures showed Instagram's 2 posts and 12
    interactions (the first post's alone) without a word. The table's caption says so, in
    the report's language."""
    ds = _september_instagram()
    ds = dataclasses.replace(ds, posts=ds.posts.assign(
        reactions=pd.array([12.0, pd.NA], dtype=ds.posts["reactions"].dtype)))
    rep = BrandReport(ds, "2026-09", lang=lang)
    [table] = [b for b in rep.kpi_table().blocks if b["kind"] == "table"]
    assert table["rows"][0][:3] == ["Instagram", "2", "12"]
    assert table["caption"].endswith(" " + note)


def test_quality_note_summarises_by_kind(ds):
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    log = QualityLog()
    for name in ("a.csv", "b.csv", "b.csv"):
        log.add(f"/data/{name}", "not_understood", f"{name} matches no known export format")
    log.add("/data/c.csv", "dst_ambiguous", "1 time in the repeated hour", level="info",
            rows=1)
    log.add("/data/d.csv", "dst_ambiguous", "2 times in the repeated hour", level="info",
            rows=2)
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang="en")
    html = rep.quality_note()._repr_html_()
    # one row per kind: not_understood over 2 distinct files, then the info notes
    assert html.count("<tr>") == 3  # header + 2 kinds
    assert "warnings: 3" in html and "notes: 2" in html
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S) for r in rows]
    assert cells[0] == ["Level", "Files", "Rows", "Note"]
    assert cells[1] == ["warnings", "2", "–", "A table matches no known export format and was "
                        "not read (e.g. a.csv)"]
    # rows add up over the files of a kind
    assert cells[2][:3] == ["notes", "2", "3"]


@pytest.mark.parametrize("lang,day_first,month_first", [
    ("en", "Dates re-written by a spreadsheet were read day first (DD/MM/YYYY, 05/09 being 5 "
           "September) (e.g. fb.csv)",
     "Dates re-written by a spreadsheet were read month first (MM/DD/YYYY, 05/09 being 9 May) "
     "(e.g. li.csv)"),
    ("fr", "Des dates réécrites par un tableur ont été lues jour d'abord (JJ/MM/AAAA, 05/09 "
           "étant le 5 septembre) (ex. : fb.csv)",
     "Des dates réécrites par un tableur ont été lues mois d'abord (MM/JJ/AAAA, 05/09 étant le "
     "9 mai) (ex. : li.csv)"),
    ("it", "Le date riscritte da un foglio di calcolo sono state lette con il giorno prima "
           "(GG/MM/AAAA, 05/09 è il 5 settembre) (es.: fb.csv)",
     "Le date riscritte da un foglio di calcolo sono state lette con il mese prima (MM/GG/AAAA, "
     "05/09 è il 9 maggio) (es.: li.csv)"),
])
def test_dates_re_written_by_a_spreadsheet_say_the_order_they_were_read_in(ds, lang, day_first,
                                                                        month_first):
    """"Read in their numeric order" left the manager unable to tell whether 05/09 became 5
    September or 9 May: the sentence says the order each file's note states, a row per order
    (the messages are the loaders' own: Meta's publish times, LinkedIn's dates)."""
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    log = QualityLog()
    log.add("/data/fb.csv", "date_format_resaved", "publish times are written '05/09/2026 "
            "10:00', not as Meta writes them (MM/DD/YYYY HH:MM): the file was re-saved by a "
            "spreadsheet; every time was read with the format %d/%m/%Y %H:%M: read as DMY",
            level="info")
    log.add("/data/li.csv", "date_format_resaved", "'Date' holds dates written with numbers; "
            "read as MDY (LinkedIn's MM/DD/YYYY) — assumed, no day above 12 proves the order",
            level="info")
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang=lang)
    html = rep.quality_note()._repr_html_().replace("&#x27;", "'")
    # as the HTML sets them: "(ex. : fb.csv)" with a narrow no-break space in French
    assert rep.fmt.typeset(day_first) in html and rep.fmt.typeset(month_first) in html
    assert html.count("<tr>") == 3           # header + a row per order


def test_notes_under_a_table_say_the_table_was_read(ds):
    """Notes typed under an Instagram export were said "A table matches no known export format
    and was not read", the file's 88 posts read."""
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    log = QualityLog()
    log.add("/data/ig.csv", "notes_under_table", "line 266, under the table's rows, are no "
            "rows of it (notes written under the table?): 'Notes: export checked by Camille "
            "8 Sept'; not read", rows=1)
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang="en")
    html = rep.quality_note()._repr_html_()
    assert ("Notes typed under a table (not rows of it) were not read as data; the table's "
            "rows were read (e.g. ig.csv)") in html.replace("&#x27;", "'")
    assert "matches no known export format" not in html


def test_quality_note_is_in_the_report_language(ds):
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    log = QualityLog()
    log.add("/data/x.csv", "campaign_from_utm", "51 posts got their campaign from a "
            "utm_campaign parameter in their link or caption", level="info", rows=51)
    log.add("/data/y.csv", "made_up_code", "a loader of our own noticed something")
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang="fr")
    html = rep.quality_note()._repr_html_()
    # "(ex. : x.csv)" as the HTML sets it, with a narrow no-break space
    assert rep.fmt.typeset("Des publications ont reçu leur campagne d'un paramètre "
                           "utm_campaign de leur lien ou légende (ex. : x.csv)"
                           ) in html.replace("&#x27;", "'")
    assert "<td>51</td>" in html
    # a code the package does not know keeps its loader's message, and is remembered
    assert "a loader of our own noticed something (ex.\u202f: y.csv)" in html
    assert rep.fmt.untranslated == {"a loader of our own noticed something"}


def _quality_codes_written_by_the_package() -> set[str]:
    """Every quality-note code the package's source writes (``ctx.note("code", …)``,
    ``log.add(file, "code", …)``)."""
    import smmanalytics

    root = Path(smmanalytics.__file__).parent
    pattern = re.compile(r'(?:\.note\(|log\.add\()\s*(?:[^,()"]+(?:\([^()]*\))?,\s*)?'
                         r'"([a-z][a-z0-9_]+)",')
    return {m.group(1) for p in root.rglob("*.py") if "report" not in p.parts
            for m in pattern.finditer(p.read_text(encoding="utf-8"))}


def test_every_quality_code_has_its_wording_in_every_language():
    from smmanalytics.report.formatting import _QUALITY, LANGS

    codes = _quality_codes_written_by_the_package()
    assert len(codes) > 50            # the scan finds the codes (it would pass on none)
    assert {"campaign_from_utm", "snapshot_merged", "not_understood", "failed"} <= codes
    assert codes - set(_QUALITY) == set()
    for code, wording in _QUALITY.items():
        assert set(wording) == set(LANGS), code
        assert all(isinstance(w, str) and w.strip() for w in wording.values()), code


def test_audience_panels_fill_their_figures(ds):
    """Audience breakdowns come two per figure; a lone last one gets a half-width figure of
    its own (no hidden neighbour that an uncropped figure would show as blank space)."""
    aud = pd.DataFrame({
        "platform": ["linkedin"] * 4 + ["tiktok"] * 2,
        "dimension": ["country", "country", "industry", "industry", "gender", "gender"],
        "category": ["FR", "BE", "Retail", "Beauty", "female", "male"],
        "share": [0.7, 0.3, 0.6, 0.4, 0.8, 0.2],
        "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC"),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    sec = BrandReport(d, "2026-10", lang="en").audience()
    widths = [float(re.search(r'<svg[^>]*width="([\d.]+)pt"', svg.decode()).group(1))
              for svg in sec.figures.values()]
    assert widths == [576.0, 288.0]                   # 8 in and 4 in × 72 pt
    figs = [b for b in sec.blocks if b["kind"] == "figure"]
    assert [b["width"] for b in figs] == ["100%", "50%"]


@pytest.mark.parametrize("lang,names", [
    ("fr", ["France", "Belgique", "Maroc", "Autres"]),
    ("it", ["Francia", "Belgio", "Marocco", "Altri"]),
    ("en", ["France", "Belgium", "Morocco", "Others"]),
])
def test_audience_countries_are_named_not_coded(ds, lang, names):
    """TikTok exports its followers' countries as ISO codes: the panel showed "FR", "BE",
    "MA" to a reader who may not know MA is Morocco; they are named in the report language.
    Other dimensions' categories are unchanged ("Retail" stays as exported)."""
    aud = pd.DataFrame({
        "platform": ["tiktok"] * 4 + ["linkedin"] * 2,
        "dimension": ["country"] * 4 + ["industry"] * 2,
        "category": ["FR", "BE", "MA", "Others", "Retail", "MA"],
        "share": [0.7, 0.15, 0.1, 0.05, 0.6, 0.4],
        "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC"),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    sec = BrandReport(d, "2026-10", lang=lang).audience()
    [svg] = [s.decode() for s in sec.figures.values()]
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    countries = [t for t in labels if t in names + ["FR", "BE"]]
    assert countries == names
    assert "Retail" in labels and "MA" in labels      # an industry named "MA" is not a country


@pytest.mark.parametrize("lang,tiktok_day,note", [
    ("en", "2026-11-02", "The breakdowns of the latest exports, on 1 November 2026: the audience "
                         "of that day, not necessarily of the period."),
    ("fr", "2026-11-02", "Répartitions des derniers exports, au 1er novembre 2026 : l'audience de "
                         "ce jour-là, pas forcément celle de la période."),
    ("it", "2026-11-21", "Ripartizioni delle ultime esportazioni, al 1° novembre 2026 (LinkedIn), "
     "20 "
                         "novembre 2026 (TikTok): il pubblico di quel giorno, non necessariamente "
                         "quello del periodo."),
])
def test_audience_says_which_day_it_describes(ds, lang, tiktok_day, note):
    """A report showed the audience of its exports as if it were its period's, with no date
    (a March report, the November exports'): the section says the day the snapshot it shows
    describes (each
    platform's when they differ). As on the cover (Dataset.as_of), that is the day before the
    snapshot's, in the brand's zone: 23:30 UTC on 1 November is 00:30 on 2 November in Paris,
    the end of 1 November (the note said "2 November" where the cover said 1 November)."""
    aud = pd.DataFrame({
        "platform": ["linkedin", "linkedin", "linkedin", "tiktok", "tiktok"],
        "dimension": ["industry", "industry", "industry", "gender", "gender"],
        "category": ["Retail", "Retail", "Beauty", "female", "male"],
        "share": [0.5, 0.6, 0.4, 0.8, 0.2],
        "snapshot_at": pd.to_datetime(["2026-04-01 08:00", "2026-11-01 23:30", "2026-11-01 23:30",
                                       f"{tiktok_day} 09:00", f"{tiktok_day} 09:00"], utc=True),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    sec = BrandReport(d, "2026-11", lang=lang).audience()
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert notes[0] == note and len(notes) == (1 if lang == "en" else 2)   # + the industries'


@pytest.mark.parametrize("lang,note", [
    ("fr", "Les secteurs sont nommés tels que LinkedIn les exporte, sans traduction."),
    ("it", "I settori sono indicati come li esporta LinkedIn, senza traduzione."),
    ("en", None),
])
def test_audience_says_linkedins_industries_are_as_exported(ds, lang, note):
    """A French report showed LinkedIn's job functions in French ("Ventes") and its industries
    in English ("Retail") with no word why: industry names have no confirmed translation
    (reference §4.4), so they are shown as exported and the report says so; an English
    report, whose panels are all as exported, says nothing."""
    aud = pd.DataFrame({
        "platform": ["linkedin"] * 4,
        "dimension": ["job_function", "job_function", "industry", "industry"],
        "category": ["Sales", "Marketing", "Retail", "Personal Care Product Manufacturing"],
        "share": [0.6, 0.4, 0.7, 0.3],
        "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC"),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    rep = BrandReport(d, "2026-10", lang=lang)
    sec = rep.audience()
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert (notes[-1] == note) if note else len(notes) == 1
    [svg] = [s.decode() for s in sec.figures.values()]
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert "Retail" in labels                                  # as exported
    assert rep.fmt.category("Sales") in labels                 # translated
    # without an industry panel, no such note
    d = Dataset(posts=ds.posts, audience=schema.conform(aud.iloc[:2], "audience"),
                brand=ds.brand)
    assert len([b for b in BrandReport(d, "2026-10", lang=lang).audience().blocks
                if b["kind"] == "note"]) == 1


@pytest.mark.parametrize("period,caption", [
    ("2026-10", "Interactions by publish day"),
    ("2026", "Interactions by publish week (weeks from Monday)"),
])
def test_a_year_shows_interactions_by_week(ds, period, caption):
    """Over a year, 365 daily bars are hairlines: the chart has a bar per week."""
    sec = BrandReport(ds, period, lang="en").engagement_charts()
    assert [b["caption"] for b in sec.blocks if b["kind"] == "figure"][0] == caption


def test_no_engagement_rate_chart_when_no_post_has_a_rate(ds):
    """The report tests' brand without reach (its only measure) had an empty chart (axes 0 to
    1, no bar) captioned "Engagement rate by reach, per platform"; now only the interactions
    chart is drawn. Its reach read as views, the rates by views are charted (the chart, of
    reach's rates alone, was left out)."""
    none = pd.array([pd.NA] * len(ds.posts), dtype="Float64")

    def captions(posts):
        sec = BrandReport(dataclasses.replace(ds, posts=posts), "2026-10",
                          lang="en").engagement_charts()
        return [b["caption"] for b in sec.blocks if b["kind"] == "figure"]

    assert captions(ds.posts.assign(reach=none)) == ["Interactions by publish day"]
    rate = "Engagement rate per platform (median post): interactions ÷ {} for Facebook and " \
           "Instagram"
    assert captions(ds.posts.assign(views=ds.posts["reach"], reach=none)) == [
        "Interactions by publish day", rate.format("views")]
    assert captions(ds.posts) == ["Interactions by publish day", rate.format("reach")]


@pytest.mark.parametrize("lang,period,text", [
    ("en", "2025", "The exports cover 2025 only from 1 September to 31 December 2025: "
                   "these figures count the posts of those days."),
    ("it", "2025", "Le esportazioni coprono il 2025 solo dal 1° settembre al 31 dicembre "
     "2025: "
                   "questi dati contano solo i post di quei giorni."),
    ("fr", "2025-Q3", "Les exports ne couvrent le T3 2025 que du 1er au 30 "
                      "septembre 2025 : ces chiffres ne comptent que les publications de ces "
                      "jours."),
    ("it", "2026", "Le esportazioni coprono il 2026 solo dal 1° gennaio al 10 febbraio 2026: "
                   "questi dati contano solo i post di quei giorni."),
    ("en", "2025-10", None),
    # a range of days is "the period …" in English as in French and Italian (it read "The
    # exports cover 25 August 2025 – 10 September 2025 only from …")
    ("en", "2025-08-25..2025-09-10", "The exports cover the period 25 August – 10 "
                                     "September 2025 only from 1 to 10 September "
                                     "2025: these figures count the posts of those days."),
])
def test_key_figures_say_when_the_data_cover_part_of_the_period(lang, period, text):
    """Posts from 1 September 2025 (23:30 UTC on 31 August is 1 September in Paris) to
    10 February 2026: the 2025 report's cover and key figures said '418 posts' of 1 January –
    31 December 2025 with no word that four months of it are all the exports hold. The key
    figures say which days they count; a month the data cover whole says nothing."""
    from ._roi_builders import dataset, posts

    days = ["2025-08-31T23:30:00Z", "2025-10-15T09:00:00Z", "2025-12-31T09:00:00Z",
            "2026-02-10T09:00:00Z"]
    ds = dataset(posts=posts([{"platform": "instagram", "post_id": str(i), "reactions": 5.0,
                               "published_at": d} for i, d in enumerate(days)]))
    sec = BrandReport(ds, period, lang=lang).kpi_table()
    texts = [b["text"] for b in sec.blocks if b["kind"] == "text"]
    assert texts == ([text] if text else [])


def test_a_platform_without_posts_in_the_period_keeps_its_row_in_the_key_figures(tmp_path):
    """Instagram's October export with headers only (no post that month), its summer export
    with posts: October's key figures showed Facebook and "all platforms" only, as if the
    brand had no Instagram. Its row says 0 posts, 0 interactions, 0 reach and 0 views (its
    exports give reach and views), no rate; no column of impressions, which no platform's
    exports give. TikTok, named in
    brand.yaml with no export, and Instagram once its October export is gone (its exports
    stop on 31 August) are unknown: "–", not 0. The totals are Facebook's alone."""
    import shutil

    import smmanalytics as smm

    (tmp_path / "brand.yaml").write_text(
        "name: Maison Test\ntimezone: Europe/Paris\nlanguage: en\naccounts:\n"
        "  instagram: maisonseve\n  facebook: maisonseve\n  tiktok: maisonseve\n",
        encoding="utf-8")
    for name in ("facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
                 "instagram_posts_2026-06-01_2026-08-31_2026-09-08.csv"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    header = (SAMPLE / "instagram_posts_2026-06-01_2026-08-31_2026-09-08.csv").read_text(
        encoding="utf-8-sig").splitlines()[0]
    october = tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-08.csv"
    october.write_text(header + "\n", encoding="utf-8")

    def rows(folder):
        sec = BrandReport(smm.load(folder, cache=False), "2026-10", lang="en").kpi_table()
        table = next(b for b in sec.blocks if b["kind"] == "table")
        return {r[0]: r[1:] for r in table["rows"]}

    got = rows(tmp_path)
    assert list(got) == ["Facebook", "Instagram", "TikTok", "All platforms"]
    assert got["Instagram"] == ["0", "0", "0", "0", "–", "–"]
    assert got["TikTok"] == ["–"] * 6
    assert got["All platforms"] == got["Facebook"]
    october.unlink()
    got = rows(tmp_path)
    assert got["Instagram"] == ["–"] * 6 and got["All platforms"] == got["Facebook"]


def test_the_pooled_rate_card_says_which_platforms_it_counts():
    """The card read 7,63 % beside 27 671 interactions and 257 650 people reached (10,7 %):
    the rate counts only the platforms that export reach, which it now says. Facebook and
    Instagram: 19,715 interactions (the stories' 51 replies counted) ÷ 257,650 = 7,65 %. The
    interactions, reach and rate take Instagram's 12 stories, as the posts do: each card
    says so."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang="fr")
    (cards,) = [b["items"] for b in rep.kpi_table().blocks if b["kind"] == "kpis"]
    assert cards[3]["value"] == "7,65\u00a0%"
    assert cards[3]["note"] == ("dont 12 stories ; Facebook et Instagram seulement : les autres "
                                "plateformes n'exportent pas la couverture")
    assert [c["note"] for c in cards[:3]] == ["dont 12 stories"] * 3   # of the 110 posts


def test_the_all_platforms_row_is_the_sum_of_the_platforms_rows():
    """The key figures' all-platforms row of October 2026, summed by hand from the platforms'
    rows beside it: counts add up; a platform without a metric (LinkedIn's reach) adds
    nothing to it; YouTube's thumbnail impressions are left out (the caption says so)."""
    import smmanalytics as smm

    e = BrandReport(smm.load(SAMPLE), "2026-10", lang="en").engagement_table()
    rows = {r["platform"]: r for r in e.to_dict("records")}
    assert list(rows) == ["facebook", "instagram", "linkedin", "tiktok", "x", "youtube",
                          "total"]
    total = rows["total"]
    assert total["posts"] == 110                        # 16 + 42 + 7 + 12 + 29 + 4
    assert total["interactions"] == 27722               # 2937 + 16778 + 326 + 6373 + 920 + 388
    assert total["reach"] == 257650                     # 69458 + 188192 (Facebook, Instagram)
    assert total["views"] == 532556                     # 99308 + 341179 + 84725 + 7344
    assert total["impressions"] == 52827                # 11829 + 40998 (LinkedIn, X)
    assert e.attrs["youtube_impressions"] == 149296     # YouTube's own row keeps them
    # pooled over the platforms with reach: (2937 + 16778) / (69458 + 188192) = 0.07652
    assert total["er_reach_pooled"] == pytest.approx(19715 / 257650)
    # the platforms' rows, as the table shows them beside the total
    platforms = list(rows)[:-1]
    assert [rows[p]["posts"] for p in platforms] == [16, 42, 7, 12, 29, 4]
    assert [rows[p]["interactions"] for p in platforms] == [2937, 16778, 326, 6373, 920, 388]
    assert [rows[p]["reach"] for p in ("facebook", "instagram")] == [69458, 188192]
    assert all(pd.isna(rows[p]["reach"]) for p in platforms[2:])
    assert [rows[p]["impressions"] for p in ("linkedin", "x")] == [11829, 40998]


def _header_lines(page_text: str, first_row: list[str]) -> list[str]:
    """The lines of a table's header as the PDF lays them out: the lines right above the
    table's first row (the line that starts with the cells ``first_row``), up to the blank
    line before them."""
    lines = page_text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.split()[:len(first_row)] == first_row)
    top = row
    while top > 0 and lines[top - 1].strip():
        top -= 1
    return lines[top:row]


@pytest.mark.parametrize("lang,median,pooled", [
    ("fr", "Engagement médian", "Engagement global"),
    ("en", "Eng. rate (median post)", "Eng. rate (pooled)"),
    ("it", "Engagement mediano", "Engagement complessivo"),
])
def test_key_figures_rate_headers_fit_in_two_lines(lang, median, pooled):
    """The key figures' rate columns were headed "Taux d'engagement / couverture (publication
    médiane)", over five lines of the PDF; they take short names, defined under the table,
    and their header holds at most two lines in every language."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    sec = rep.kpi_table()
    (table,) = [b for b in sec.blocks if b["kind"] == "table"]
    assert table["columns"][-2:] == [median, pooled]
    # each platform's rate by its measure: the sample's Facebook and Instagram by reach,
    # TikTok and YouTube by views, LinkedIn and X by impressions
    assert table["caption"].startswith({
        "fr": "Taux d'engagement = interactions ÷ la couverture pour Facebook et Instagram, les "
              "vues pour TikTok et YouTube, les impressions pour LinkedIn et X ;",
        "en": "Engagement rates are interactions ÷ reach for Facebook and Instagram, views for "
              "TikTok and YouTube, impressions for LinkedIn and X;",
        "it": "Tasso di engagement = interazioni ÷ la copertura per Facebook e Instagram, le "
              "visualizzazioni per TikTok e YouTube, le impression per LinkedIn e X;"}[lang])
    rep.toc = False
    page = PdfReader(io.BytesIO(rep.pdf_bytes())).pages[1].extract_text(extraction_mode="layout")
    assert len(_header_lines(page, table["rows"][0][:2])) <= 2


@pytest.mark.parametrize("lang,caption", [
    # the incident's first day is the brand's, its last Pacific time: each end its own day,
    # each named (the last's zone alone read as a week of Pacific days)
    ("fr", "* Publiée pendant un incident signalé par la veille de réputation : crise du 13 oct. "
           "(heure de Paris) au 19 oct. (heure du Pacifique). Ses interactions peuvent venir de "
           "l'incident (plaintes, réponses) plus que de l'attrait du contenu."),
    ("en", "* Published during an incident flagged by the reputation watch: crisis from 13 Oct "
           "(Paris time) to 19 Oct (Pacific time). Its interactions may come from the incident "
           "(complaints, replies) more than from the content's appeal."),
    ("it", "* Pubblicato durante un incidente segnalato dal monitoraggio della reputazione: crisi "
           "dal 13 ott (ora di Parigi) al 19 ott (ora del Pacifico). Le sue interazioni possono "
           "venire dall'incidente (lamentele, risposte) più che dall'interesse per il contenuto."),
])
def test_top_posts_of_an_incident_are_marked(lang, caption):
    """October's top posts held the brand's statements on batch 2610 of 14 and 18 October,
    published during the crisis the reputation watch flags (13-19 October), read as its two
    best posts of the month: they are marked, and the line under the table names the
    incident; the post of 12 October, before it, is not. The incident's last day, 19
    October, is the Pacific one of Facebook's and Instagram's follower losses (Meta's account
    series), which ends after the UTC one of TikTok's and X's: said."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    top, bottom = [b for b in rep.top_posts().blocks if b["kind"] == "table"]
    marked = [r[0].endswith(" *") for r in top["rows"]]
    assert marked == [True, False, False, True, False]
    assert [r[0][:5] for r in top["rows"]][:4] == ["14/10", "12/10", "04/10", "18/10"]
    assert top["caption"] == caption
    # the bottom posts' line is the one of the posts left out as too young, not an incident's
    assert not any(r[0].endswith("*") for r in bottom["rows"])
    assert not bottom["caption"].startswith("*")
    # a month without an incident (August has a watch on the 23rd since the level test's
    # dispersion leaves the outbreak's days out): nothing marked, nothing said
    june = BrandReport(smm.load(SAMPLE), "2026-06", lang=lang).top_posts()
    (top, _) = [b for b in june.blocks if b["kind"] == "table"]
    assert not any(r[0].endswith("*") for r in top["rows"]) and top["caption"] is None


def test_engagement_table_is_computed_once_and_each_caller_gets_a_copy(ds, monkeypatch):
    rep = BrandReport(ds, "2026-10", lang="en")
    calls = []
    compute = rep._engagement_table
    monkeypatch.setattr(rep, "_engagement_table", lambda: calls.append(1) or compute())
    first = rep.engagement_table()
    first.loc[0, "posts"] = -1                     # a caller's edit stays its own
    second = rep.engagement_table()
    assert len(calls) == 1 and (second["posts"] >= 0).all()
    pd.testing.assert_frame_equal(second, compute())
    rep.posts = rep.posts.iloc[:5]                 # other posts: computed anew
    assert rep.engagement_table().iloc[-1]["posts"] == 5 and len(calls) == 2


def test_the_reports_data_answer_each_span_once_as_the_dataset_does(ds, monkeypatch):
    rep = BrandReport(ds, "2026-10", lang="en")
    assert rep.ds.posts is ds.posts and rep.ds.daily is ds.daily     # the frames, not copies
    questions = [(None, True, True), ("instagram", False, True), ("facebook", False, False)]
    expected = {q: ds.span(q[0], web=q[1], posts=q[2]) for q in questions}
    calls = []
    span = Dataset.span
    monkeypatch.setattr(Dataset, "span", lambda self, *a, **k: calls.append(a) or
                        span(self, *a, **k))
    answers = [{q: rep.ds.span(q[0], web=q[1], posts=q[2]) for q in questions}
               for _ in range(2)]
    assert answers == [expected, expected]
    # each question the cover did not ask already is computed once, none the second time
    assert len(calls) <= len(questions)
    calls.clear()
    assert rep.ds.span("instagram", web=False) == expected[("instagram", False, True)]
    assert rep.ds.span() == expected[(None, True, True)] and calls == []
    # a Dataset made from the report's (other posts: the five first) has its own answers
    fewer = dataclasses.replace(rep.ds, posts=ds.posts.iloc[:5])
    assert fewer.span("instagram", web=False) == Dataset.span(dataclasses.replace(
        ds, posts=ds.posts.iloc[:5]), "instagram", web=False)
    assert len(calls) == 2


def test_engagement_table_gives_posts_without_a_platform_their_own_row():
    """A post without a platform (the schema allows it) is a row of its own, its reach its
    own sum: the key figures and the charts raised KeyError(<NA>) on it."""
    df = pd.DataFrame({
        "platform": ["instagram", "instagram", None, "facebook"],
        "post_id": ["a", "b", "c", "d"],
        "published_at": pd.to_datetime(["2026-10-02 10:00", "2026-10-05 18:00",
                                        "2026-10-07 12:00", "2026-10-09 09:00"], utc=True),
        "reactions": [10.0, 20.0, 5.0, 8.0], "comments": [1.0, 2.0, 0.0, 1.0],
        "reach": [1000.0, 1500.0, 700.0, 400.0],
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language="en"))
    rep = BrandReport(ds, "2026-10", lang="en")
    table = rep.engagement_table()
    assert table["platform"].tolist()[:2] + table["platform"].tolist()[3:] == [
        "facebook", "instagram", "total"] and pd.isna(table["platform"][2])
    assert table["posts"].tolist() == [1, 2, 1, 4]
    assert table["reach"].tolist() == [400, 1000 + 1500, 700, 1000 + 1500 + 700 + 400]
    rep.kpi_table()
    rep.engagement_charts()


@pytest.mark.parametrize("lang,line", [
    ("en", "Posts less than 7 days old when last measured are left out (2): their totals are "
           "still growing and cannot be compared yet."),
    ("fr", "Les publications de moins de 7 jours à leur dernière mesure sont écartées (2) : "
           "leurs cumuls progressent encore et ne sont pas comparables pour l'instant."),
    ("it", "I post con meno di 7 giorni all'ultima misurazione sono esclusi (2): i loro totali "
           "crescono ancora e non sono confrontabili per ora.")])
def test_bottom_posts_leave_out_posts_too_young_at_their_export(lang, line):
    """A post published on the evening of 31 October, exported the next morning, had 1
    interaction and topped the month's bottom posts, as if it had failed; its totals were
    hours old. Posts under 7 days old at their export (best_times' minimum age) are left out
    of the bottom posts, and a line says so; the top posts keep them."""
    snap = pd.Timestamp("2026-11-01 08:00", tz="UTC")
    published = [pd.Timestamp(f"2026-10-0{d} 10:00", tz="UTC") for d in range(2, 8)] + [
        pd.Timestamp("2026-10-25 08:00", tz="UTC"),       # 7 days exactly: kept
        pd.Timestamp("2026-10-25 08:00:01", tz="UTC"),    # 1 s short of 7 days: young
        pd.Timestamp("2026-10-31 20:00", tz="UTC"),       # 12 hours: young
        pd.Timestamp("2026-10-31 21:00", tz="UTC")]       # young, but among the top posts
    reactions = [100, 90, 80, 70, 60, 50, 5, 3, 1, 95]
    df = pd.DataFrame({
        "platform": "instagram", "post_id": [f"p{i}" for i in range(10)],
        "caption": [f"post {i}" for i in range(10)], "published_at": published,
        "reactions": np.array(reactions, dtype=float), "comments": 0.0, "shares": 0.0,
        "reach": 1000.0, "snapshot_at": snap})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language=lang))
    top, bottom = [b for b in BrandReport(ds, "2026-10", lang=lang).top_posts().blocks
                   if b["kind"] == "table"]
    # top 5 by interactions: 100 (p0), 95 (p9, 11 hours old), 90, 80, 70 (p1, p2, p3)
    assert [r[2] for r in top["rows"]] == ["post 0", "post 9", "post 1", "post 2", "post 3"]
    # the rest: p4 60, p5 50, p6 5, p7 3 (young), p8 1 (young): the fewest first, the young
    # left out (before: post 8, post 7, post 6, post 5, post 4)
    assert [r[2] for r in bottom["rows"]] == ["post 6", "post 5", "post 4"]
    assert bottom["caption"] == line


@pytest.mark.parametrize("lang,note", [
    ("en", "The exports give these breakdowns only as of 1 November 2026 (TikTok), after this "
           "period: the audience of that day, not of the period."),
    ("fr", "Les exports ne donnent ces répartitions qu'au 1er novembre 2026 (TikTok), après "
           "cette période : l'audience de ce jour-là, pas celle de la période."),
    ("it", "Le esportazioni riportano queste ripartizioni solo al 1° novembre 2026 (TikTok), dopo "
           "questo periodo: il pubblico di quel giorno, non quello del periodo."),
])
def test_a_past_periods_audience_is_its_own_snapshot_else_a_later_one_said_so(ds, lang, note):
    """The December 2025 report showed the audience "as of 31 October 2026". A report shows
    each breakdown's latest snapshot describing a day up to its period's end (LinkedIn's of
    31 March for a March report, not its November one); a breakdown exported only after the
    period (TikTok's) is shown, with a note saying it is of a later day."""
    aud = pd.DataFrame({
        "platform": ["linkedin", "linkedin", "tiktok", "tiktok"],
        "dimension": ["industry", "industry", "gender", "gender"],
        "category": ["Retail", "Beauty", "female", "male"],
        "share": [0.5, 0.6, 0.8, 0.2],
        "snapshot_at": pd.to_datetime(["2026-04-01 08:00", "2026-11-02 08:00",
                                       "2026-11-02 09:00", "2026-11-02 09:00"], utc=True),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    rep = BrandReport(d, "2026-03", lang=lang)
    sec = rep.audience()
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert notes[0].endswith(("31 March 2026 (LinkedIn): the audience of that day, not "
                              "necessarily of the period.", "31 mars 2026 (LinkedIn) : "
                              "l'audience de ce jour-là, pas forcément celle de la période.",
                              "31 marzo 2026 (LinkedIn): il pubblico di quel giorno, non "
                              "necessariamente quello del periodo."))
    assert notes[1] == note
    # LinkedIn's panel shows its March snapshot: Retail alone (the November one: Beauty)
    assert "Beauty" not in "".join(v.decode() for v in sec.figures.values())


@pytest.mark.parametrize("lang, words", [
    ("en", "leave out YouTube's 9,000: they are impressions of its thumbnails"),
    ("fr", "ne comptent pas les 9\u202f000 de YouTube : ce sont des impressions de ses miniatures"),
    ("it", "non contano le 9.000 di YouTube: sono impression delle sue miniature"),
])
def test_key_figures_total_leaves_out_youtube_thumbnail_impressions(lang, words):
    """The key figures' all-platforms impressions added YouTube's thumbnail impressions
    (its thumbnail shown in a feed, not a view of the post) to the other platforms'
    impressions: October's 202,123 were 149,296 thumbnails. The total leaves them out, as
    engagement() leaves them out of the pooled rate by impressions, YouTube's row keeps them,
    and the caption says so. By hand: X 1,000 + 2,000 and LinkedIn 500 → 3,500 impressions
    (not 3,500 + 4,000 + 5,000 = 12,500); YouTube's 9,000 in its own row."""
    df = pd.DataFrame({
        "platform": ["x", "x", "linkedin", "youtube", "youtube"],
        "post_id": ["a", "b", "c", "d", "e"],
        "published_at": pd.to_datetime(["2026-10-02 10:00", "2026-10-05 18:00",
                                        "2026-10-07 12:00", "2026-10-09 09:00",
                                        "2026-10-12 09:00"], utc=True),
        "reactions": [10.0, 20.0, 5.0, 8.0, 4.0], "comments": [1.0, 2.0, 0.0, 1.0, 0.0],
        "impressions": [1000.0, 2000.0, 500.0, 4000.0, 5000.0],
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language=lang))
    rep = BrandReport(ds, "2026-10", lang=lang)
    table = rep.engagement_table().set_index("platform")
    assert table.loc["total", "impressions"] == 1000 + 2000 + 500
    assert table.loc["youtube", "impressions"] == 4000 + 5000
    # the same posts as the pooled rate by impressions: (11 + 22 + 5) / 3,500
    assert table.loc["total", "er_impressions_pooled"] == pytest.approx(38 / 3500)
    caption = next(b["caption"] for b in rep.kpi_table().blocks if b["kind"] == "table")
    assert words in caption
    # one platform: YouTube's report keeps its impressions, and says nothing of them
    alone = Dataset(posts=ds.posts.loc[ds.posts["platform"] == "youtube"].reset_index(drop=True),
                    brand=ds.brand)
    rep = BrandReport(alone, "2026-10", lang=lang)
    assert rep.engagement_table().iloc[-1]["impressions"] == 9000
    caption = next(b["caption"] for b in rep.kpi_table().blocks if b["kind"] == "table")
    assert "YouTube" not in caption


@pytest.mark.parametrize("lang,said", [
    ("en", "On X, saves are bookmarks, and shares are reposts plus shares by direct message or "
           "link (the export's Shares column): X's interactions = likes + replies + reposts + "
           "bookmarks + the export's Shares (by direct message or link), each counted once."),
    ("fr", "Sur X, les enregistrements sont les signets, et les partages sont les reposts plus "
           "les partages par message privé ou par lien (colonne Shares de l'export) : "
           "interactions X = j'aime + réponses + reposts + signets + Shares de l'export "
           "(partages par message privé ou par lien), chacun compté une fois."),
    ("it", "Su X, i salvataggi sono i segnalibri, e le condivisioni sono i repost più le "
           "condivisioni via messaggio diretto o link (colonna Shares dell'esportazione): "
           "interazioni X = mi piace + risposte + repost + segnalibri + Shares dell'esportazione "
           "(condivisioni via messaggio diretto o link), ciascuno contato una volta."),
])
def test_the_method_notes_say_what_xs_shares_are(lang, said):
    """An X post of 10 likes, 2 replies, 3 shares (2 reposts + 1 by DM, the loader's sum) and
    1 bookmark has 10 + 2 + 3 + 1 = 16 interactions; an analyst adding up the export's Likes,
    Replies, Reposts and Bookmarks gets 15. The method notes say, right after the definition
    of interactions, that X's shares take the DM and link shares; a report without X posts
    does not."""
    from ._roi_builders import dataset, posts

    x = {"platform": "x", "post_id": "x1", "reactions": 10.0, "comments": 2.0, "shares": 3.0,
         "saves": 1.0, "published_at": "2026-10-05T09:00:00Z"}
    ig = x | {"platform": "instagram", "post_id": "i1"}
    rep = BrandReport(dataset(posts=posts([x, ig])), "2026-10", lang=lang)
    assert rep.engagement_table().set_index("platform").loc["x", "interactions"] == 16
    notes = [b for b in rep.method_notes().blocks if b["kind"] == "bullets"][0]["items"]
    assert notes[1] == said
    alone = BrandReport(dataset(posts=posts([ig])), "2026-10", lang=lang)
    assert said not in [b for b in alone.method_notes().blocks
                        if b["kind"] == "bullets"][0]["items"]
    # "shares" after "reposts" read as counting reposts twice: the formula ends on the
    # export's Shares, the one column beside Reposts
    formula = said.split(" = ")[1]
    assert "Shares" in formula and formula.count("repost") == 1


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_a_report_of_other_platforms_does_not_say_what_xs_shares_are(lang):
    """A best-times report of TikTok alone, on data holding X posts too, said what X's shares
    are; one of X (or of TikTok and X) says it."""
    from ._roi_builders import dataset, posts

    x = {"platform": "x", "post_id": "x1", "reactions": 10.0, "comments": 2.0, "shares": 3.0,
         "saves": 1.0, "published_at": "2026-10-05T09:00:00Z"}
    ds = dataset(posts=posts([x, x | {"platform": "tiktok", "post_id": "t1"}]))

    def said(platforms):
        rep = BrandReport(ds, "2026-10", kind="best_times", lang=lang, platforms=platforms)
        notes = [b for b in rep.method_notes().blocks if b["kind"] == "bullets"][0]["items"]
        return any(n.startswith(("On X", "Sur X", "Su X")) for n in notes)

    assert not said(["tiktok"])
    assert said(["x"]) and said(["tiktok", "x"])


@pytest.mark.parametrize("lang,zone,one_month,two_months", [
    ("fr", None, "du 13 au 19 oct.", "du 28 sept. au 2 oct."),
    ("fr", "America/Los_Angeles", "du 13 au 19 oct. (heure du Pacifique)",
     "du 28 sept. au 2 oct. (heure du Pacifique)"),
    ("it", None, "dal 13 al 19 ott", "dal 28 set al 2 ott"),
    ("en", None, "from 13 to 19 Oct", "from 28 Sept to 2 Oct"),
])
def test_an_incidents_days_in_one_zone_are_a_range_of_days(ds, lang, zone, one_month,
                                                          two_months):
    """The top posts' footnote read « (du 13 oct. au 19 oct. (heure du Pacifique), crise) »:
    the month twice and a bracket in a bracket. Both ends in one zone, the range is written
    once, as Formatter.days writes ranges, the zone named once after it."""
    import datetime as dt

    rep = BrandReport(ds, "2026-10", lang=lang)
    assert rep._days(dt.date(2026, 10, 13), dt.date(2026, 10, 19), zone, zone) == one_month
    assert rep._days(dt.date(2026, 9, 28), dt.date(2026, 10, 2), zone, zone) == two_months
