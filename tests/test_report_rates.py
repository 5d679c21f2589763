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
    rows = [{"platform": p, "post_id": i, "published_at": f"{day}T16:00:00Z",
             "reactions": float(r), "comments": float(c), "shares": float(s),
             "snapshot_at": "2026-11-01T00:00:00Z", **den}
            for p, i, day, r, c, s, den in _ROWS]
    frame = posts(rows)
    return dataset(posts=frame, brand=Brand(name="Northwind", timezone="America/New_York",
                                            currency="USD"))


def _pct(lang: str, v: str) -> str:
    """A percentage "7.50" as the report writes it in ``lang`` (French: a no-break space)."""
    return {"en": f"{v}%", "fr": f"{v.replace('.', ',')}\u00a0%",
            "it": f"{v.replace('.', ',')}%"}[lang]


def _blocks(section, kind):
    return [b for b in section.blocks if b["kind"] == kind]


@pytest.mark.parametrize("lang,card,by_views,by_impr,caption", [
    ("en", ("Eng. rate / views (pooled)", "6.00%", "TikTok only: the other platforms export no "
            "views"), "by views", "by impressions",
     "Engagement rates are interactions ÷ views for TikTok, impressions for LinkedIn;"),
    ("fr", ("Taux d'engagement / vues (global)", "6,00\u00a0%", "TikTok seulement : les autres "
            "plateformes n'exportent pas les vues"), "par vues", "par impressions",
     "Taux d'engagement = interactions ÷ les vues pour TikTok, les impressions pour LinkedIn ;"),
    ("it", ("Tasso di engagement / visualizzazioni (complessivo)", "6,00%", "solo TikTok: le "
            "altre piattaforme non esportano le visualizzazioni"), "per visualizzazioni",
     "per impression", "Tasso di engagement = interazioni ÷ le visualizzazioni per TikTok, le "
                       "impression per LinkedIn;")])
def test_key_figures_show_each_platforms_rate_by_its_measure(lang, card, by_views, by_impr,
                                                             caption):
    """A brand without reach read "–" in every rate cell: TikTok's rates are by views,
    LinkedIn's by impressions, each cell saying which."""
    rep = BrandReport(_video_brand(), "2026-10", lang=lang)
    sec = rep.kpi_table()
    rate = _blocks(sec, "kpis")[0]["items"][-1]
    assert (rate["label"], rate["value"], rate["note"]) == card
    table = _blocks(sec, "table")[0]
    linkedin = [f"{_pct(lang, '1.50')}\n({by_impr})", f"{_pct(lang, '1.17')}\n({by_impr})"]
    tiktok = [f"{_pct(lang, '7.50')}\n({by_views})", f"{_pct(lang, '6.00')}\n({by_views})"]
    # the all-platforms row by views: TikTok's posts alone
    assert [r[-2:] for r in table["rows"]] == [linkedin, tiktok, tiktok]
    assert table["caption"].startswith(caption)


@pytest.mark.parametrize("lang,header,marks", [
    ("en", "Engagement rate", ("by views", "by impressions")),
    ("fr", "Taux d'engagement", ("par vues", "par impressions")),
    ("it", "Tasso di engagement", ("per visualizzazioni", "per impression"))])
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
