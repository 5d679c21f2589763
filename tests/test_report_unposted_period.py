"""A period no posts export of a platform covers at all, while other periods' exports hold
its posts: the cover and the reputation watch say its posts are not covered in the period,
and since when, in each language. Built from the sample brand with Facebook's posts exports
of 2025 removed (they start on 1 January 2026: the file names' first days) or of July to
September 2026 (a gap between June's and October's)."""

from __future__ import annotations

import shutil

import pytest

import smmanalytics as smm
from smmanalytics.report import BrandReport

from ._report_helpers import SAMPLE

#: Facebook's signals read from posts (SIGNAL_TABLES), in the back-test's order
FB_POSTS = {"en": "Facebook · negative feedback, comments, comments per reach, negative "
                  "feedback per reach",
            "fr": "Facebook · retours négatifs, commentaires, commentaires par couverture, "
                  "retours négatifs par couverture",
            "it": "Facebook · feedback negativi, commenti, commenti per copertura, feedback "
                  "negativi per copertura"}


def _without(tmp_path_factory, name: str, pattern: str):
    root = tmp_path_factory.mktemp(name) / "maison-seve"
    shutil.copytree(SAMPLE, root)
    for f in root.glob(pattern):
        f.unlink()
    return smm.load(root)   # the run's cache: the sample's (sample_loaded) entries


@pytest.fixture(scope="module")
def late_facebook(tmp_path_factory, sample_loaded):
    """Facebook's posts exports from January 2026 only; its daily rows from September 2025."""
    return _without(tmp_path_factory, "s56GC_late", "facebook_posts_2025-*")


@pytest.fixture(scope="module")
def q3_without_facebook(tmp_path_factory, sample_loaded):
    """Facebook's posts exports of July, August and September 2026 removed."""
    return _without(tmp_path_factory, "s56GC_q3", "facebook_posts_2026-0[789]-*")


def _watch_texts(rep) -> list[str]:
    sec = rep.alerts()
    texts = []
    for b in sec.blocks:
        texts += [str(i) for i in b.get("items") or []] + [str(b.get("text") or "")]
    return texts


@pytest.mark.parametrize("lang,cover,watch", [
    ("en", "Warning: the Facebook posts exports only start on 1 January 2026, after this "
           "period.",
     ": not watched on any day of the period: 1 October – 31 December 2025 (no Facebook posts "
     "export covers them)"),
    ("fr", "Attention : les exports de publications de Facebook ne commencent que le 1er "
           "janvier 2026, après cette période.",
     " : non surveillés pendant toute la période : 1er octobre – 31 décembre 2025 (aucun "
     "export de publications Facebook ne les couvre)"),
    ("it", "Attenzione: le esportazioni dei post di Facebook iniziano solo il 1° gennaio 2026, "
           "dopo questo periodo.",
     ": non monitorati per tutto il periodo: 1° ottobre – 31 dicembre 2025 (nessuna "
     "esportazione dei post di Facebook li copre)")])
def test_a_period_before_the_first_posts_export_is_said(late_facebook, lang, cover, watch):
    """Q4 2025: the cover named no Facebook line (its exports start after the period) and the
    watch listed Facebook's comments among the signals "the exports do not hold", though its
    2026 exports hold them. Now the cover gives the exports' first day, and the watch the
    92 days of Q4 (its data's days: the sample's span reaches them) its posts signals were not
    watched on; Facebook's unfollows (a daily series it never exports) stay unheld."""
    rep = BrandReport(late_facebook, "2025-Q4", lang=lang)
    assert cover in rep.cover_warnings
    texts = _watch_texts(rep)
    assert FB_POSTS[lang] + watch in texts
    # the note of the signals the exports do not hold names Facebook once: its unfollows
    unheld = [t for t in texts if "Facebook · " in t and t != FB_POSTS[lang] + watch]
    unfollows = {"en": "unfollows", "fr": "désabonnements", "it": "unfollow"}[lang]
    assert len(unheld) == 1 and unheld[0].count("Facebook · ") == 1
    assert f"Facebook · {unfollows}, Instagram" in unheld[0]


def test_a_quarter_without_its_posts_exports_is_said_by_the_watch(q3_without_facebook):
    """Q3 2026 between June's and October's exports: the cover named the gap, the watch
    nothing of Facebook's posts signals (no post of the quarter, so no day "not watched").
    Their history is known: the back-test keeps Facebook's comments row."""
    rep = BrandReport(q3_without_facebook, "2026-Q3", lang="en")
    assert ("Warning: no Facebook posts export covers 1 July to 30 September 2026: Facebook's "
            "figures for this period lack those days.") in rep.cover_warnings
    sec = rep.alerts()
    texts = [str(i) for b in sec.blocks for i in b.get("items") or []]
    assert (FB_POSTS["en"] + ": not watched on any day of the period: 1 July – 30 September "
            "2026 (no Facebook posts export covers them)") in texts
    rows = [r for b in sec.blocks if b["kind"] == "table" for r in b["rows"]]
    assert ["Facebook", "comments"] in [r[:2] for r in rows]
