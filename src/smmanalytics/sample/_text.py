"""French captions for Maison Sève posts: products, templates, emoji, UTM links."""

from __future__ import annotations

import numpy as np

__all__ = ["caption", "utm_url", "SITE"]

SITE = "https://www.maisonseve.fr"

_PRODUCTS = [
    "Huile Sève de Camélia", "Baume Nuit à l’Argile Rose", "Sérum Éclat Vitamine C",
    "Savon Surgras Lavande", "Crème Mains Miel & Avoine", "Brume Florale Fleur d’Oranger",
    "Shampoing Solide Ortie", "Gommage Doux Noyau d’Abricot", "Masque Purifiant Charbon",
    "Lait Corps Amande Douce",
]
_OPENERS = [
    "Nouveauté 🌿", "Le rituel du soir ✨", "Dans l’atelier 🧴", "Question du jour 💬",
    "Routine d’automne 🍂", "Zoom ingrédient 🔍", "Vos avis 💚", "Fait main à Grasse 🌸",
    "Astuce peau sèche ❄️", "Coulisses 🎬",
]
_BODIES = [
    "Notre {p} : 98 % d’ingrédients d’origine naturelle.",
    "Vous nous demandez souvent : « comment utiliser votre {p} ? » On vous explique tout.",
    "Notre {p}, c’est le \"petit geste\" qui change tout avant de dormir.",
    "Pressé à froid, sans parfum de synthèse : voilà notre {p}.",
    "3 gouttes de notre {p}, un massage léger… et c’est parti pour la journée ☀️",
    "Elle a testé notre {p} pendant 28 jours : résultats en images.",
    "Pourquoi nous avons choisi des flacons en verre ambré pour notre {p} ♻️",
    "Livraison offerte dès 39 € sur notre {p} cette semaine 🚚",
]
_TAGS = ["#cosmetiquenaturelle", "#slowbeauty", "#madeinfrance", "#soinvisage", "#zerodechet",
         "#peausensible", "#routinebeaute", "#maisonseve"]
_INCIDENT = [
    "Info lot n° 2610 : nous avons bien reçu vos messages au sujet de notre {p}. "
    "On vous répond à tous 🙏",
    "Point d’étape sur le lot de notre {p} : échange ou remboursement sans frais, "
    "écrivez-nous en MP.",
]


def utm_url(path: str, source: str, campaign: str, medium: str = "social") -> str:
    """A shop URL tagged ``utm_source``/``utm_medium``/``utm_campaign``."""
    return f"{SITE}/{path}?utm_source={source}&utm_medium={medium}&utm_campaign={campaign}"


def caption(rng: np.random.Generator, *, link: str | None = None, incident: bool = False,
            multiline: bool = True, hashtags: bool = True) -> str:
    """One caption: opener, body (may hold quotes and typographic apostrophes), tags, link."""
    p = _PRODUCTS[rng.integers(len(_PRODUCTS))]
    body = (_INCIDENT if incident else _BODIES)[
        rng.integers(len(_INCIDENT if incident else _BODIES))]
    parts = [_OPENERS[rng.integers(len(_OPENERS))], body.format(p=p)]
    if link:
        parts.append(f"👉 {link}")
    if hashtags:
        k = int(rng.integers(2, 5))
        parts.append(" ".join(rng.choice(_TAGS, size=k, replace=False).tolist()))
    return ("\n" if multiline else " ").join(parts)
