"""The report's engagement rates by the measure each platform exports: reach (Facebook,
Instagram), else views (TikTok, YouTube), else impressions (LinkedIn, Pinterest, X); and the
method notes said only of the data they are true of (reach, Meta's time zone)."""

from __future__ import annotations

import pytest

from smmanalytics.brand import Brand
from smmanalytics.report import BrandReport

from ._roi_builders import dataset, posts

#: a New York brand of TikTok and LinkedIn, no reach and no Meta export. Interactions =
#: reactions + comments + shares: TikTok 90 + 6 + 4 = 100 on 1,000 views (10 %) and
#: 150 + 30 + 20 = 200 on 4,000 (5 %): median 7.5 %, pooled 300 / 5,000 = 6 %; LinkedIn
#: 20 + 4 + 1 = 25 on 1,000 impressions (2.5 %) and 8 + 2 + 0 = 10 on 2,000 (0.5 %): median
#: 1.5 %, pooled 35 / 3,000 = 1.1667 %. All platforms by views, TikTok's alone: 7.5 %, 6 %
_ROWS = [
    ("tiktok", "t1", "2026-10-05", 90, 6, 4, {"views": 1000.0}),
    ("tiktok", "t2", "2026-10-12", 150, 30, 20, {"views": 4000.0}),
    ("linkedin", "l1", "2026-10-06", 20, 4, 1, {"impressions": 1000.0}),
    ("linkedin", "l2", "2026-10-07", 8, 2, 0, {"impressions": 2000.0}),
]


def _video_brand():
    return _brand(_ROWS, Brand(name="Northwind", timezone="America/New_York", currency="USD"))


def _brand(rows, brand: Brand | None = None):
    """A brand of the posts ``rows`` (platform, id, day, reactions, comments, shares and
    their measure), exported on 1 November."""
    rows = [{"platform": p, "post_id": i, "published_at": f"{day}T16:00:00Z",
             "reactions": float(r), "comments": float(c), "shares": float(s),
             "snapshot_at": "2026-11-01T00:00:00Z", **den}
            for p, i, day, r, c, s, den in rows]
    if brand is None:
        return dataset(posts=posts(rows))
    return dataset(posts=posts(rows), brand=brand)


def _pct(lang: str, v: str) -> str:
    """A percentage "7.50" as the report writes it in ``lang`` (French: a no-break space)."""
    return {"en": f"{v}%", "fr": f"{v.replace('.', ',')}\u00a0%",
            "it": f"{v.replace('.', ',')}%"}[lang]


def _blocks(section, kind):
    return [b for b in section.blocks if b["kind"] == kind]


@pytest.mark.parametrize("lang,card,by_views,by_impr,columns,caption,total", [
    ("en", ("Eng. rate / views (pooled)", "6.00%", "TikTok only: the other platforms export no "
            "views"), "by views", "by impressions",
     ["Platform", "Posts", "Interactions", "Views", "Impressions", "Eng. rate (median post)",
      "Eng. rate (pooled)"],
     "Engagement rates are interactions ÷ views for TikTok, impressions for LinkedIn. The median "
     "post's rate is that of the post in the middle",
     "* The “All platforms” rates pool TikTok only; the other platforms export no views."),
    ("fr", ("Taux d'engagement / vues (global)", "6,00\u00a0%", "TikTok seulement : les autres "
            "plateformes n'exportent pas les vues"), "par vues", "par impressions",
     ["Plateforme", "Publications", "Interactions", "Vues", "Impressions", "Engagement médian",
      "Engagement global"],
     "Taux d'engagement = interactions ÷ les vues pour TikTok, les impressions pour LinkedIn. "
     "L'engagement médian est celui de la publication du milieu",
     "* Les taux de la ligne « Toutes plateformes » ne regroupent que TikTok ; les autres "
     "plateformes n'exportent pas les vues."),
    ("it", ("Tasso di engagement / visualizzazioni (complessivo)", "6,00%", "solo TikTok: le "
            "altre piattaforme non esportano le visualizzazioni"), "per visual.",
     "per impression", ["Piattaforma", "Post", "Interazioni", "Visualizzazioni", "Impression",
                        "Engagement mediano", "Engagement complessivo"],
     "Tasso di engagement = interazioni ÷ le visualizzazioni per TikTok, le impression per "
     "LinkedIn. L'engagement mediano è quello del post che sta nel mezzo",
     "* I tassi della riga «Tutte le piattaforme» riuniscono solo TikTok; le altre piattaforme "
     "non esportano le visualizzazioni.")])
def test_key_figures_show_each_platforms_rate_by_its_measure(lang, card, by_views, by_impr,
                                                             columns, caption, total):
    """A brand without reach read "–" in every rate cell: TikTok's rates are by views,
    LinkedIn's by impressions, each cell saying which. Nor does it get a Reach card or column
    of "–", nor a caption on rates "by another measure than reach" (every rate says its
    measure); the all-platforms rates, TikTok's alone, are marked and the caption says so."""
    rep = BrandReport(_video_brand(), "2026-10", lang=lang)
    sec = rep.kpi_table()
    cards = _blocks(sec, "kpis")[0]["items"]
    assert [c["value"] for c in cards] == ["4", "335", card[1]]     # 100+200+25+10 interactions
    rate = cards[-1]
    assert (rate["label"], rate["value"], rate["note"]) == card
    table = _blocks(sec, "table")[0]
    assert table["columns"] == columns
    linkedin = [f"{_pct(lang, '1.50')}\n({by_impr})", f"{_pct(lang, '1.17')}\n({by_impr})"]
    tiktok = [f"{_pct(lang, '7.50')}\n({by_views})", f"{_pct(lang, '6.00')}\n({by_views})"]
    # the all-platforms row by views: TikTok's posts alone, marked
    everyone = [f"{_pct(lang, '7.50')}*\n({by_views})", f"{_pct(lang, '6.00')}*\n({by_views})"]
    assert [r[-2:] for r in table["rows"]] == [linkedin, tiktok, everyone]
    assert table["caption"].startswith(caption)
    assert total in table["caption"]
    assert not any(w in table["caption"] for w in ("reach", "couverture", "copertura"))


#: a Paris brand of Facebook (reach) and TikTok (views). Facebook: 40 + 5 + 5 = 50 on 1,000
#: reached (5 %) and 15 + 3 + 2 = 20 on 500 (4 %): median 4.5 %, pooled 70 / 1,500 = 4.67 %;
#: TikTok 90 + 6 + 4 = 100 on 1,000 views (10 %). All platforms by reach, Facebook's posts
#: alone: 4.50 %, 4.67 %, which read as 170 interactions ÷ 1,500 reached (11.33 %) unmarked
_MIXED = [
    ("facebook", "f1", "2026-10-05", 40, 5, 5, {"reach": 1000.0}),
    ("facebook", "f2", "2026-10-12", 15, 3, 2, {"reach": 500.0}),
    ("tiktok", "t1", "2026-10-06", 90, 6, 4, {"views": 1000.0}),
]


@pytest.mark.parametrize("lang,columns,caption,total", [
    ("en", ["Platform", "Posts", "Interactions", "Reach", "Views", "Eng. rate (median post)",
            "Eng. rate (pooled)"],
     "Engagement rates are interactions ÷ reach for Facebook, views for TikTok; a rate by "
     "another measure than reach says so beside it. The median post's rate is that of the post "
     "in the middle (half the posts do better, half worse); the pooled rate is all interactions "
     "÷ all of that measure.",
     "* The “All platforms” rates pool Facebook only; the other platforms export no reach."),
    ("fr", ["Plateforme", "Publications", "Interactions", "Couverture", "Vues",
            "Engagement médian", "Engagement global"],
     "Taux d'engagement = interactions ÷ la couverture pour Facebook, les vues pour TikTok ; un "
     "taux rapporté à une autre mesure que la couverture l'indique à côté. L'engagement médian "
     "est celui de la publication du milieu (la moitié des publications fait mieux, l'autre "
     "moitié moins bien) ; l'engagement global est le total des interactions ÷ le total de cette "
     "mesure.",
     "* Les taux de la ligne « Toutes plateformes » ne regroupent que Facebook ; les autres "
     "plateformes n'exportent pas la couverture."),
    ("it", ["Piattaforma", "Post", "Interazioni", "Copertura", "Visualizzazioni",
            "Engagement mediano", "Engagement complessivo"],
     "Tasso di engagement = interazioni ÷ la copertura per Facebook, le visualizzazioni per "
     "TikTok; un tasso rapportato a una misura diversa dalla copertura lo indica accanto. "
     "L'engagement mediano è quello del post che sta nel mezzo (metà dei post fa meglio, metà "
     "peggio); l'engagement complessivo è il totale delle interazioni ÷ il totale di quella "
     "misura.",
     "* I tassi della riga «Tutte le piattaforme» riuniscono solo Facebook; le altre "
     "piattaforme non esportano la copertura.")])
def test_all_platforms_rates_by_reach_say_whose_posts_they_pool(lang, columns, caption, total):
    """The sample's "All platforms" row read 5.83 % / 7.65 % beside every platform's 27,722
    interactions, its rates Facebook's and Instagram's alone, unmarked: they read as 27,722 ÷
    257,650 (10.76 %). Its rates carry a mark the caption explains; the Reach card and
    column stay (Facebook has reach), the Impressions column goes (no platform has any)."""
    rep = BrandReport(_brand(_MIXED), "2026-10", lang=lang)
    sec = rep.kpi_table()
    cards = _blocks(sec, "kpis")[0]["items"]
    assert [c["value"] for c in cards] == ["3", "170", "1,500" if lang == "en" else
                                           "1\u202f500" if lang == "fr" else "1.500",
                                           _pct(lang, "4.67")]
    table = _blocks(sec, "table")[0]
    assert table["columns"] == columns
    views = {"en": "by views", "fr": "par vues", "it": "per visual."}[lang]
    assert [r[-2:] for r in table["rows"]] == [
        [_pct(lang, "4.50"), _pct(lang, "4.67")],
        [f"{_pct(lang, '10.00')}\n({views})", f"{_pct(lang, '10.00')}\n({views})"],
        [f"{_pct(lang, '4.50')}*", f"{_pct(lang, '4.67')}*"]]
    assert table["caption"].startswith(caption + " " + total)


@pytest.mark.parametrize("lang,header,marks", [
    ("en", "Engagement rate", ("by views", "by impressions")),
    ("fr", "Taux d'engagement", ("par vues", "par impressions")),
    ("it", "Tasso di engagement", ("per visual.", "per impression"))])
def test_top_posts_show_each_posts_rate_by_its_platforms_measure(lang, header, marks):
    """The top posts' "Eng. rate / reach" column was "–" for every TikTok post. Ranked by
    interactions: t2 (200, 5 %), t1 (100, 10 %), l1 (25, 2.5 %), l2 (10, 0.5 %)."""
    rep = BrandReport(_video_brand(), "2026-10", lang=lang)
    table = _blocks(rep.top_posts(), "table")[0]
    assert table["columns"][-1] == header
    views, impr = marks
    assert [r[-1] for r in table["rows"]] == [
        f"{_pct(lang, '5.00')}\n({views})", f"{_pct(lang, '10.00')}\n({views})",
        f"{_pct(lang, '2.50')}\n({impr})", f"{_pct(lang, '0.50')}\n({impr})"]


@pytest.mark.parametrize("lang,rate,times", [
    ("en", "Engagement rate = interactions ÷ views for TikTok, impressions for LinkedIn.",
     "Times are converted to the audience's time zone (America/New_York)."),
    ("fr", "Taux d'engagement = interactions ÷ les vues pour TikTok, les impressions pour "
           "LinkedIn.", "Les heures sont converties dans le fuseau de l'audience "
                        "(America/New_York)."),
    ("it", "Tasso di engagement = interazioni ÷ le visualizzazioni per TikTok, le impression "
           "per LinkedIn.", "Gli orari sono convertiti nel fuso del pubblico "
                            "(America/New_York).")])
def test_method_notes_name_each_platforms_measure_and_say_no_reach_nor_meta(lang, rate, times):
    """Without reach nor a Meta export, the notes spoke of reach-based rates and of "Meta
    exports … US Pacific time"."""
    rep = BrandReport(_video_brand(), "2026-10", lang=lang)
    items = _blocks(rep.method_notes(), "bullets")[0]["items"]
    assert items[1].startswith(rate)
    assert items[2] == times
    assert not any(w in i for i in items for w in ("Meta", "reach", "couverture", "copertura"))


@pytest.mark.parametrize("lang,rate,reach,meta", [
    ("en", "Engagement rate = interactions ÷ reach for Facebook and Instagram.",
     "Reach is counted per post", "; Meta exports are written in US Pacific time"),
    ("fr", "Taux d'engagement = interactions ÷ la couverture pour Facebook et Instagram.",
     "La couverture est comptée par publication", " ; les exports Meta sont en heure du "
                                                  "Pacifique"),
    ("it", "Tasso di engagement = interazioni ÷ la copertura per Facebook e Instagram.",
     "La copertura è contata per post", "; le esportazioni Meta sono in ora del Pacifico")])
def test_method_notes_of_meta_posts_with_reach_keep_their_notes(ds, lang, rate, reach, meta):
    """The report tests' brand (Instagram and Facebook, with reach): the reach and Meta notes
    stay."""
    items = _blocks(BrandReport(ds, "2026-10", lang=lang).method_notes(), "bullets")[0]["items"]
    assert items[1].startswith(rate)
    assert items[2].startswith(reach)
    assert meta in items[3]


@pytest.mark.parametrize("lang,rate", [
    ("en", "'Eng. rate (median post)' is the median of the per-post rates; 'Eng. rate (pooled)' "
           "is total interactions"),
    ("fr", "« Engagement médian » est la médiane des taux par publication ; « Engagement "
           "global » est le total des interactions"),
    ("it", "«Engagement mediano» è la mediana dei tassi per post; «Engagement complessivo» è "
           "il totale delle interazioni")])
def test_method_note_on_rates_quotes_the_key_figures_headers(lang, rate):
    """The French note quoted « Publication médiane », the Italian «Post mediano»: no column
    of the key figures is called so ("Engagement médian", "Engagement mediano")."""
    items = _blocks(BrandReport(_video_brand(), "2026-10", lang=lang).method_notes(),
                    "bullets")[0]["items"]
    assert rate in items[1]


#: Instagram's posts of three exports, days in Paris the day before each UTC midnight: two
#: stories of 2 November's (1 November), a post of 16 November's (15 November), a post and
#: a story of 21 November's (20 November)
_EXPORTS = [("s1", "story", "2026-11-02"), ("s2", "story", "2026-11-02"),
            ("p1", "image", "2026-11-16"), ("p2", "image", "2026-11-21"),
            ("s3", "story", "2026-11-21")]


@pytest.mark.parametrize("lang,totals", [
    ("en", "lifetime totals as of 1 November 2026 (2 stories), 15 November 2026 (1 post) and "
           "20 November 2026 (2 posts, incl. 1 story) for Instagram"),
    ("fr", "cumuls au 1er novembre 2026 (2 stories), au 15 novembre 2026 (1 publication) et au "
           "20 novembre 2026 (2 publications, dont 1 story) pour Instagram"),
    ("it", "totali al 1° novembre 2026 (2 storie), al 15 novembre 2026 (1 post) e al 20 "
           "novembre 2026 (2 post, di cui 1 storia) per Instagram")])
def test_method_note_counts_an_exports_stories_as_stories(lang, totals):
    """The sample's note read "as of 1 November 2026 (12 posts)" of Instagram's 12 stories
    of October, which the rest of the report calls "incl. 12 stories"."""
    rows = [{"platform": "instagram", "post_id": i, "content_type": kind,
             "published_at": f"2026-10-{5 + k:02d}T16:00:00Z", "reactions": 10.0,
             "reach": 100.0, "snapshot_at": f"{day}T00:00:00Z"}
            for k, (i, kind, day) in enumerate(_EXPORTS)]
    items = _blocks(BrandReport(dataset(posts=posts(rows)), "2026-10", lang=lang)
                    .method_notes(), "bullets")[0]["items"]
    assert totals in items[-1]
