"""Period over period by each platform's rate measure (:func:`smmanalytics.metrics.rate_measure`):
reach, else views, else impressions; each rate pooled over the platforms of its measure only,
in ``compare``, the report's comparison table and its rate chart (en, fr, it)."""

from __future__ import annotations

import pytest

from smmanalytics.brand import Brand
from smmanalytics.compare import compare
from smmanalytics.report import BrandReport

from ._roi_builders import dataset, posts

#: two months of a New York brand of TikTok (views) and LinkedIn (impressions), no reach.
#: Interactions = reactions + comments + shares, each post's rate = interactions ÷ measure:
#: September: TikTok 90+6+4 = 100 / 1,000 views (10 %), 40+5+5 = 50 / 2,000 (2.5 %);
#:            LinkedIn 20+4+1 = 25 / 1,000 impressions (2.5 %), 8+2+0 = 10 / 2,000 (0.5 %).
#: October:   TikTok 150+30+20 = 200 / 4,000 (5 %), 54+3+3 = 60 / 1,000 (6 %);
#:            LinkedIn 30+6+4 = 40 / 2,000 (2 %), 9+1+0 = 10 / 1,000 (1 %).
_ROWS = [
    ("tiktok", "t1", "2026-09-05", 90, 6, 4, {"views": 1000.0}),
    ("tiktok", "t2", "2026-09-12", 40, 5, 5, {"views": 2000.0}),
    ("linkedin", "l1", "2026-09-06", 20, 4, 1, {"impressions": 1000.0}),
    ("linkedin", "l2", "2026-09-07", 8, 2, 0, {"impressions": 2000.0}),
    ("tiktok", "t3", "2026-10-05", 150, 30, 20, {"views": 4000.0}),
    ("tiktok", "t4", "2026-10-12", 54, 3, 3, {"views": 1000.0}),
    ("linkedin", "l3", "2026-10-06", 30, 6, 4, {"impressions": 2000.0}),
    ("linkedin", "l4", "2026-10-07", 9, 1, 0, {"impressions": 1000.0}),
]
#: a Facebook post a month, with reach and views: its rate is by reach, so its views stay
#: out of the rate by views. September 10 / 100 reach (10 %), 1,000 views; October 30 / 200
#: (15 %), 500 views
_FACEBOOK = [
    ("facebook", "f1", "2026-09-08", 10, 0, 0, {"reach": 100.0, "views": 1000.0}),
    ("facebook", "f2", "2026-10-08", 30, 0, 0, {"reach": 200.0, "views": 500.0}),
]


def _brand(rows=_ROWS):
    frame = posts([{"platform": p, "post_id": i, "published_at": f"{day}T16:00:00Z",
                    "reactions": float(r), "comments": float(c), "shares": float(s), **den}
                   for p, i, day, r, c, s, den in rows])
    return dataset(posts=frame, brand=Brand(name="Northwind", timezone="America/New_York",
                                            currency="USD"))


def _kpis(c):
    return c.table.set_index("kpi")


def test_each_rate_is_by_its_platforms_measure_pooled_and_median():
    """TikTok's rates are by views, LinkedIn's by impressions; none by reach."""
    c = compare(_brand(), "2026-10")
    assert c.rate_measures == {"linkedin": "impressions", "tiktok": "views"}
    t = _kpis(c)
    expected = {
        "er_views": (260 / 5000, 150 / 3000),           # 5.2 % against 5 %
        "er_views_median": (0.055, 0.0625),             # median(5, 6) %, median(10, 2.5) %
        "er_impressions": (50 / 3000, 35 / 3000),       # 1.67 % against 1.17 %
        "er_impressions_median": (0.015, 0.015),        # median(2, 1) %, median(2.5, 0.5) %
    }
    for kpi, (current, previous) in expected.items():
        assert t.loc[kpi, ["current", "previous"]].tolist() == pytest.approx(
            [current, previous]), kpi
        assert t.loc[kpi, ["n_kpi_current", "n_kpi_previous"]].tolist() == [2, 2]
    assert t.loc["er_views", "change_pp"] == pytest.approx(0.2)         # 5.2 % − 5 %
    assert t.loc["er_views_median", "change_pp"] == pytest.approx(-0.75)
    for kpi in ("er_reach", "er_reach_median"):
        assert t.loc[kpi, ["n_kpi_current", "n_kpi_previous"]].tolist() == [0, 0]
        assert t.loc[kpi, ["current", "previous"]].isna().all()


def test_a_rate_pools_only_the_platforms_of_its_measure():
    """Facebook's views (its rate by reach) stayed in the rate by views: October read
    (260 + 30) / (5,000 + 500) = 5.27 %; TikTok's alone, 260 / 5,000 = 5.2 %. The total of
    views keeps them (5,500 and 4,000)."""
    c = compare(_brand(_ROWS + _FACEBOOK), "2026-10")
    assert c.rate_measures == {"facebook": "reach", "linkedin": "impressions",
                               "tiktok": "views"}
    t = _kpis(c)
    assert t.loc["er_views", ["current", "previous"]].tolist() == pytest.approx(
        [260 / 5000, 150 / 3000])
    assert t.loc["views", ["current", "previous"]].tolist() == [5500.0, 4000.0]
    assert t.loc["er_reach", ["current", "previous"]].tolist() == pytest.approx([0.15, 0.10])


def test_a_measure_no_platforms_rate_is_by_says_so():
    """Facebook alone: its views carried, its rate by reach; the rate by views has no value,
    and its method says why, not that no post carries views."""
    t = _kpis(compare(_brand(_FACEBOOK), "2026-10"))
    assert t.loc["views", "current"] == 500.0
    assert t.loc["er_views", ["current", "previous"]].isna().all()
    assert t.loc["er_views", "method"].startswith("no rate by views: each platform's rate is by")


#: the comparison's rows of rates, each by its measure, October then September
_RATE_ROWS = {
    "en": [["Eng. rate / impressions (pooled)", "1.67%", "1.17%"],
           ["Eng. rate / views (pooled)", "5.20%", "5.00%"],
           ["Eng. rate / views (median post)", "5.50%", "6.25%"],
           ["Eng. rate / impressions (median post)", "1.50%", "1.50%"]],
    "fr": [["Taux d'engagement / impressions (global)", "1,67\u00a0%", "1,17\u00a0%"],
           ["Taux d'engagement / vues (global)", "5,20\u00a0%", "5,00\u00a0%"],
           ["Taux d'engagement / vues (publication médiane)", "5,50\u00a0%", "6,25\u00a0%"],
           ["Taux d'engagement / impressions (publication médiane)", "1,50\u00a0%",
            "1,50\u00a0%"]],
    "it": [["Tasso di engagement / impression (complessivo)", "1,67%", "1,17%"],
           ["Tasso di engagement / visualizzazioni (complessivo)", "5,20%", "5,00%"],
           ["Tasso di engagement / visualizzazioni (post mediano)", "5,50%", "6,25%"],
           ["Tasso di engagement / impression (post mediano)", "1,50%", "1,50%"]],
}
_POOLS = {
    "en": "Each engagement rate pools the platforms whose rate is by its measure: views for "
          "TikTok, impressions for LinkedIn.",
    "fr": "Chaque taux d'engagement regroupe les plateformes dont le taux est rapporté à sa "
          "mesure : les vues pour TikTok, les impressions pour LinkedIn.",
    "it": "Ogni tasso di engagement raggruppa le piattaforme il cui tasso è rapportato alla "
          "sua misura: le visualizzazioni per TikTok, le impression per LinkedIn.",
}
_REACH = {"en": "reach", "fr": "couverture", "it": "copertura"}


def _blocks(section, kind):
    return [b for b in section.blocks if b["kind"] == kind]


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_reports_comparison_shows_the_rates_by_views_and_impressions(lang):
    """The section listed "Eng. rate / reach (pooled)" and "(median post)" rows of "–" only,
    and a "Reach" row of "–": no post of either month has reach. Its rates are by views and
    impressions, and a sentence says which platforms each pools."""
    sec = BrandReport(_brand(), "2026-10", lang=lang).compare()
    table = _blocks(sec, "table")[0]
    rates = [r[:3] for r in table["rows"] if r[1].endswith("%") and r[0] not in (
        "Posts", "Publications", "Post")]
    assert rates == _RATE_ROWS[lang]
    assert not any(_REACH[lang] in r[0].lower() for r in table["rows"])
    assert _POOLS[lang] in _blocks(sec, "bullets")[0]["items"]


@pytest.mark.parametrize("lang,caption,names", [
    ("en", "Engagement rate per platform (median post): interactions ÷ views for TikTok, "
           "impressions for LinkedIn", ("LinkedIn (by impressions)", "TikTok (by views)")),
    ("fr", "Taux d'engagement par plateforme (publication médiane) : interactions ÷ les vues "
           "pour TikTok, les impressions pour LinkedIn",
     ("LinkedIn (par impressions)", "TikTok (par vues)")),
    ("it", "Tasso di engagement per piattaforma (post mediano): interazioni ÷ le "
           "visualizzazioni per TikTok, le impression per LinkedIn",
     ("LinkedIn (per impression)", "TikTok (per visual.)"))])
def test_the_rate_chart_shows_each_platforms_rate_by_its_measure(lang, caption, names):
    """The chart, of reach's rates alone, was left out for a brand without reach. October's
    median posts: TikTok 5.5 % by views, LinkedIn 1.5 % by impressions."""
    rep = BrandReport(_brand(), "2026-10", lang=lang)
    figures = _blocks(rep.engagement_charts(), "figure")
    assert len(figures) == 2            # interactions by day, then the rates
    assert figures[-1]["caption"] == caption
    svg = rep.figures[figures[-1]["path"]].decode()
    values = ("1.50%", "5.50%") if lang == "en" else ("1,50", "5,50")
    assert all(text in svg for text in names + values)
