"""The ad spend of a campaign no paid post of the period carries is left out of cpc and cpm
in every row, the total's and the platform's as the campaign's (s57R6 finding 2)."""

import pandas as pd
import pytest

from smmanalytics.roi import roi

from ._roi_builders import dataset, posts, web

# Facebook: 800 € for automne-2026 (two boosted posts), 400 € for a Christmas campaign that
# no post carries
_COSTS = ("2026-10-01,2026-10-31,ad_spend,800,,facebook,automne-2026,,,\n"
          "2026-10-01,2026-10-31,ad_spend,400,,facebook,Noël Avant-Première,,,\n")
_WEB = web([{"period_start": "2026-10-01", "period_end": "2026-10-31",
             "channel_group": "Organic Social", "source": "facebook", "medium": "social",
             "campaign": "(not set)", "sessions": 100.0, "key_events": 5.0, "revenue": 500.0,
             "currency": "EUR"}])


def _boosted(campaign):
    """Two boosted posts: 30,000 + 39,287 = 69,287 boosted views, 200 + 154 = 354 clicks."""
    return posts([
        {"platform": "facebook", "post_id": "1", "published_at": "2026-10-03T10:00Z",
         "paid": True, "views": 32000.0, "views_boosted": 30000.0, "link_clicks": 200.0,
         "campaign": campaign},
        {"platform": "facebook", "post_id": "2", "published_at": "2026-10-10T10:00Z",
         "paid": True, "views": 42000.0, "views_boosted": 39287.0, "link_clicks": 154.0,
         "campaign": campaign},
    ])


def test_total_and_platform_cpm_leave_out_the_spend_no_paid_post_carries(tmp_path):
    ds = dataset(tmp_path, _COSTS, posts=_boosted("automne-2026"), web=_WEB)
    # 800 / 69,287 × 1000 = 11.546 (was (800 + 400) / 69,287 × 1000 = 17.32); 800 / 354 = 2.26
    for frame in (roi(ds, "2026-10"), roi(ds, "2026-10", by="platform")):
        row = frame.iloc[-1]                          # the total, or facebook's row
        assert row["ad_spend"] == pytest.approx(1200)   # the ad spend itself is all there
        assert row["cpm"] == pytest.approx(800 / 69287 * 1000)
        assert row["cpc"] == pytest.approx(800 / 354)
        assert "cpc_cpm_campaign_spend_left_out" in row["note_codes"].split("; ")
        assert ("cpc and cpm leave out the ad spend of the campaigns no paid post of the "
                "period carries: Noël Avant-Première") in row["note"]
    # the campaign rows agree: automne-2026's cpm is the total's, Noël's unknown
    by = roi(ds, "2026-10", by="campaign").set_index("campaign")
    assert by.loc["automne-2026", "cpm"] == pytest.approx(800 / 69287 * 1000)
    assert pd.isna(by.loc["Noël Avant-Première", "cpm"])


def test_posts_without_any_campaign_keep_all_the_spend(tmp_path):
    # no paid post carries a campaign: the export gives none, so the 400 € may be theirs;
    # (800 + 400) / 69,287 × 1000 = 17.32 and 1,200 / 354 = 3.39, as before
    row = roi(dataset(tmp_path, _COSTS, posts=_boosted(pd.NA), web=_WEB), "2026-10").iloc[0]
    assert row["cpm"] == pytest.approx(1200 / 69287 * 1000)
    assert row["cpc"] == pytest.approx(1200 / 354)
    assert "cpc_cpm_campaign_spend_left_out" not in (row["note_codes"] or "")
