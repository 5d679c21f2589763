"""A one-day report's benchmarks page (s54RV): the competitors refused for the same reason
and periods said once, not once per competitor and platform (9 times for 3 competitors on 3
platforms); the French posting rate's "0,14 semaines" singular below 2."""

import pytest

from smmanalytics.benchmarks import read_competitors
from smmanalytics.report import BrandReport
from smmanalytics.report.formatting import Formatter

from ._roi_builders import dataset, posts

HEADER = "platform,competitor,period,followers,posts,interactions\n"


def _one_day(tmp_path, extra: str = ""):
    """Alpha and Beta of October 2026 on Facebook and TikTok (4 rows, each longer than 2
    October), a TikTok post of 2 October, and ``extra`` rows."""
    path = tmp_path / "competitors.csv"
    path.write_text(HEADER + "".join(f"{plat},{name},2026-10,1000,10,500\n"
                                     for plat in ("facebook", "tiktok")
                                     for name in ("Alpha", "Beta")) + extra, encoding="utf-8")
    return dataset(competitors=read_competitors(path), posts=posts([{
        "platform": "tiktok", "post_id": "1", "reactions": 1.0,
        "published_at": "2026-10-02T09:00:00Z"}]))


@pytest.mark.parametrize("lang, said", [
    ("en", "No competitor figures for 2 October 2026: Alpha and Beta (Facebook, TikTok), whose "
           "figures are for October 2026, a longer period than 2 October 2026: they cannot be "
           "set beside the brand's."),
    ("fr", "Aucun chiffre de concurrent pour le 2 octobre 2026 : Alpha et Beta (Facebook, "
           "TikTok), dont les chiffres portent sur octobre 2026, une période plus longue que le "
           "2 octobre 2026 : ils ne peuvent être mis en regard de ceux de la marque."),
    ("it", "Nessun dato dei concorrenti per il 2 ottobre 2026: Alpha e Beta (Facebook, TikTok), "
           "i cui dati riguardano ottobre 2026, un periodo più lungo del 2 ottobre 2026: non si "
           "possono confrontare con quelli del brand."),
])
def test_competitors_refused_alike_are_said_once(tmp_path, lang, said):
    rep = BrandReport(_one_day(tmp_path), "2026-10-02..2026-10-02", lang=lang)
    texts = [b["text"] for b in rep.benchmarks().blocks if b["kind"] in ("text", "note")]
    assert said in texts
    assert rep.fmt.untranslated == set()


def test_competitors_on_other_platforms_or_periods_keep_their_own_clause(tmp_path):
    """Gamma on Facebook only, of the year 2026: a clause of its own, after Alpha and Beta's."""
    rep = BrandReport(_one_day(tmp_path, "facebook,Gamma,2026,1000,100,5000\n"),
                      "2026-10-02..2026-10-02", lang="en")
    texts = [b["text"] for b in rep.benchmarks().blocks if b["kind"] in ("text", "note")]
    assert ("No competitor figures for 2 October 2026: Alpha and Beta (Facebook, TikTok), "
            "whose figures are for October 2026, a longer period than 2 October 2026: they "
            "cannot be set beside the brand's; Gamma (Facebook), whose figures are for 2026, a "
            "longer period than 2 October 2026: they cannot be set beside the brand's."
            in texts)


@pytest.mark.parametrize("weeks, said", [
    # one day: 1 / 7 = 0.14 week; French takes the plural from 2 on
    ("0.14", "publications le 2 octobre 2026 ÷ 0,14 semaine"),
    ("1.00", "publications le 2 octobre 2026 ÷ 1,00 semaine"),
    ("2.00", "publications le 2 octobre 2026 ÷ 2,00 semaines"),
])
def test_french_weeks_are_singular_below_two(weeks, said):
    fmt = Formatter("fr")
    assert fmt.note(f"posts published in 2026-10-02..2026-10-02 ÷ {weeks} weeks") == said
    # English keeps "weeks" whatever the quantity below or above 1
    assert Formatter("en").note(f"posts published in 2026-10-02..2026-10-02 ÷ {weeks} weeks"
                                ).endswith(f"{weeks} weeks")
