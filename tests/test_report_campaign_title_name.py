"""A campaign report's title names the campaign as costs.csv writes it, as its body does,
not as typed on the command line (s57R6 finding 6)."""

import pytest

from smmanalytics.report import BrandReport

from ._roi_builders import dataset, posts, web


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_title_and_the_heading_name_the_campaign_as_costs_csv_writes_it(tmp_path, lang):
    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,400,EUR,facebook,"
                           "Noël Avant-Première,,,\n",
                 web=web([{"period_start": "2026-10-01", "period_end": "2026-10-31",
                           "channel_group": "Paid Social", "source": "fb", "medium": "paid",
                           "campaign": "noel-avant-premiere", "sessions": 100.0,
                           "key_events": 10.0, "revenue": 500.0, "currency": "EUR"}]),
                 posts=posts([{"platform": "facebook", "post_id": "1", "reactions": 10.0,
                               "published_at": "2026-10-05T09:00:00Z"}]))
    # typed without accents nor hyphens: the same key, noel_avant_premiere
    rep = BrandReport(ds, "2026-10", kind="campaign", campaign="Noel avant premiere",
                      lang=lang)
    kind = {"en": "Campaign report", "fr": "Rapport de campagne",
            "it": "Report di campagna"}[lang]
    assert rep.title == f"{kind} · Noël Avant-Première"
    heading = rep.campaign_summary().blocks[0]["text"]
    assert heading.endswith("Noël Avant-Première") and "Noel avant" not in heading
