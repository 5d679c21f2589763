"""The best times' intro and posts of unknown paid status (reviewer s58RI, finding 4): an
Italian Meta export whose boosted columns were unread left every Facebook post's ``paid``
unknown, and the section still opened with "the model controls for format, paid posts and
audience growth". It now names the platforms whose paid status is unknown."""

from __future__ import annotations

import pandas as pd
import pytest

from smmanalytics.report import BrandReport

INTRO = {
    "en": ("Hours are in the audience's time zone (Europe/Paris). The model controls for format "
           "and audience growth, and for paid posts where the exports say which were paid; "
           "they do not for {platforms}, whose paid status is unknown, so paid and organic "
           "posts count alike there; a window is recommended only when the effect holds on "
           "weeks it was not chosen on."),
    "fr": ("Les heures sont celles du fuseau de l'audience (Europe/Paris). Le modèle tient "
           "compte du format et de la croissance de l'audience, et des publications "
           "sponsorisées là où les exports disent lesquelles l'ont été ; ils ne le disent pas "
           "pour {platforms}, dont le statut sponsorisé est inconnu, si bien que publications "
           "sponsorisées et organiques y comptent pareil ; une plage n'est recommandée que si "
           "l'effet se vérifie sur des semaines qui n'ont pas servi à la choisir."),
    "it": ("Gli orari sono nel fuso del pubblico (Europe/Paris). Il modello tiene conto del "
           "formato e della crescita del pubblico, e dei post sponsorizzati dove le esportazioni "
           "dicono quali lo sono stati; non lo dicono per {platforms}, il cui stato di "
           "sponsorizzazione è sconosciuto, quindi lì post sponsorizzati e organici contano "
           "allo stesso modo; una fascia è consigliata solo se l'effetto regge su settimane non "
           "usate per sceglierla."),
}
AND = {"en": "and", "fr": "et", "it": "e"}


def _with_paid(posts: pd.DataFrame, facebook, instagram) -> pd.DataFrame:
    """``posts`` with each platform's ``paid`` set to one value (pd.NA: unknown)."""
    paid = pd.Series(pd.NA, index=posts.index, dtype="boolean")
    paid[posts["platform"] == "facebook"] = facebook
    paid[posts["platform"] == "instagram"] = instagram
    return posts.assign(paid=paid)


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_intro_names_the_platforms_of_unknown_paid_status(ds, lang):
    rep = BrandReport(ds, "2026-10", lang=lang)
    both = ["instagram", "facebook"]
    # Instagram's posts known organic, Facebook's unknown: Facebook named, alone
    history = _with_paid(ds.posts, pd.NA, False)
    assert rep._bt_intro(history, both) == INTRO[lang].format(platforms="Facebook")
    # both unknown (no paid column at all): both named, in the order of the section
    assert rep._bt_intro(ds.posts.drop(columns="paid", errors="ignore"), both) == \
        INTRO[lang].format(platforms=f"Instagram {AND[lang]} Facebook")
    # a platform of the history not in the section is not named
    assert rep._bt_intro(history, ["instagram"]) == rep.fmt.label("bt_intro").format(
        tz="Europe/Paris")
    # one known post is enough for the model to control for paid posts there
    history = _with_paid(ds.posts, False, True)
    assert rep._bt_intro(history, both) == rep.fmt.label("bt_intro").format(tz="Europe/Paris")


def test_the_section_opens_with_it(ds):
    """The fixture's posts have no paid status: the section's first text says so."""
    sec = BrandReport(ds, "2026-10", lang="it").best_times(platforms=["instagram"], ics=False)
    first = next(b["text"] for b in sec.blocks if b["kind"] in ("text", "paragraph", "note"))
    assert first == INTRO["it"].format(platforms="Instagram")
