"""A one-day report's comparison (s54RV): 2 October against 1 October, both 1/31 of October's
one GA4 total, read "0.0 %" for social sessions, key events and revenue, a change no data
measured. It is "–" now, and a caveat says why, in en, fr and it."""

import pandas as pd
import pytest

from smmanalytics.compare import compare
from smmanalytics.report import BrandReport

from ._roi_builders import dataset, posts, web


def _one_month_of_ga4():
    """An Instagram post on 1 and 2 October, and GA4's October as one monthly total row:
    310 sessions, 31 key events, 620 € (10, 1 and 20 € a day prorated)."""
    rows = [{"platform": "instagram", "post_id": str(d), "reactions": 10.0, "comments": 1.0,
             "reach": 100.0, "published_at": f"2026-10-0{d}T09:00:00Z"} for d in (1, 2)]
    return dataset(posts=posts(rows), web=web([{
        "period_start": "2026-10-01", "period_end": "2026-10-31",
        "channel_group": "Organic Social", "source": "instagram", "medium": "social",
        "campaign": "(not set)", "sessions": 310.0, "key_events": 31.0, "revenue": 620.0,
        "currency": "EUR"}]))


def test_two_days_of_one_monthly_total_have_no_change():
    c = compare(_one_month_of_ga4(), "2026-10-02..2026-10-02", model=False)
    t = c.table.set_index("kpi")
    # each day 1/31 of October's totals: 310/31 = 10 sessions, 31/31 = 1, 620/31 = 20 €
    for kpi, each in (("sessions", 10.0), ("key_events", 1.0), ("revenue", 20.0)):
        assert (t.loc[kpi, "current"], t.loc[kpi, "previous"]) == pytest.approx((each, each))
        assert t.loc[kpi, ["change_pct", "change_abs", "direction"]].isna().all()
    assert ("GA4's figures of 2026-10-02..2026-10-02 and of 2026-10-01..2026-10-01 are only "
            "shares of longer period totals: their change cannot be measured (–)." in c.caveats)


def test_one_side_prorated_has_no_change_either():
    """1-15 October from daily rows (12 sessions a day: 15 × 12 = 180) against 16-30
    September, half of September's one monthly row (300 × 15 / 30 = 150): +20 % would be
    October's days against September's mean day, no change of those days."""
    base = {"channel_group": "Organic Social", "source": "instagram", "medium": "social",
            "campaign": "(not set)", "key_events": 1.0, "revenue": 2.0, "currency": "EUR"}
    ds = dataset(
        posts=posts([{"platform": "instagram", "post_id": f"{m}{d}", "reactions": 10.0,
                      "published_at": f"2026-{m}-{d:02d}T09:00:00Z"}
                     for m, d in (("09", 16), ("09", 30), ("10", 1), ("10", 15))]),
        web=web([{**base, "date": f"2026-10-{d:02d}", "sessions": 12.0} for d in range(1, 16)]
                + [{**base, "period_start": "2026-09-01", "period_end": "2026-09-30",
                    "sessions": 300.0}]))
    c = compare(ds, "2026-10-01..2026-10-15", model=False)
    row = c.table.set_index("kpi").loc["sessions"]
    # 180 against 150, or per day 12 against 10 (as the table gives them)
    assert row["current"] / row["previous"] == pytest.approx(180 / 150)
    assert pd.isna(row["change_pct"])
    assert ("GA4's figures of 2026-09-16..2026-09-30 are only a share of longer period totals: "
            "their change against the other period cannot be measured (–)." in c.caveats)


@pytest.mark.parametrize("lang, change, said", [
    ("en", ["–", "–", "–"], "GA4's figures of 2 October 2026 and of 1 October 2026 are only "
                            "shares of longer period totals: their change cannot be measured "
                            "(–)."),
    ("fr", ["–", "–", "–"], "Les chiffres GA4 du 2 octobre 2026 et du 1er octobre 2026 ne sont "
                            "que des parts de totaux par période plus longs : leur évolution ne "
                            "peut être mesurée (–)."),
    ("it", ["–", "–", "–"], "I dati GA4 del 2 ottobre 2026 e del 1° ottobre 2026 sono solo quote "
                            "di totali per periodo più lunghi: la loro variazione non si può "
                            "misurare (–)."),
])
def test_the_one_day_report_shows_a_dash_and_says_why(lang, change, said):
    rep = BrandReport(_one_month_of_ga4(), "2026-10-02..2026-10-02", lang=lang)
    sec = rep.compare()
    table = next(b for b in sec.blocks if b["kind"] == "table")
    # the last three rows: social sessions, key events, revenue; the change column's "–"
    # where it read "0,0 %"
    assert [r[3] for r in table["rows"][-3:]] == change
    assert [r[1] for r in table["rows"][-3:-1]] == ["10", "1"]
    items = [x for b in sec.blocks if b["kind"] == "bullets" for x in b["items"]]
    assert said in items
    assert rep.fmt.untranslated == set()
