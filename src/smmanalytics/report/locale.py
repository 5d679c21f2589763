"""Numbers, percentages, money, dates and labels in the report's language (en, fr, it).

Formatting goes through babel (CLDR), so French gets decimal commas and narrow no-break spaces
and month names come out in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

__all__ = ["Formatter", "LANGS"]

LANGS = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT"}

_LABELS = {
    "en": {
        "level_error": "errors", "level_warning": "warnings", "level_info": "notes", "files": "Files",
        "audience_none": "The exports hold no audience breakdown.", "dim_country": "countries", "dim_gender": "gender", "dim_age": "age", "dim_job_function": "job functions", "dim_seniority": "seniority", "dim_industry": "industries", "dim_company_size": "company size", "dim_location": "locations", "dim_city": "cities",
        "monthly_report": "Monthly social media report", "campaign_report": "Campaign report",
        "best_times_report": "Best times to post", "period": "Period", "prepared": "Prepared on",
        "contents": "Contents", "kpis": "Key figures by platform", "platform": "Platform",
        "posts": "Posts", "interactions": "Interactions", "reach": "Reach", "views": "Views",
        "impressions": "Impressions", "er_reach_median": "Eng. rate / reach (median post)",
        "er_reach_pooled": "Eng. rate / reach (pooled)", "total": "All platforms",
        "engagement": "Engagement", "top_posts": "Top posts", "bottom_posts": "Bottom posts",
        "published": "Published", "caption": "Caption", "quality": "Data quality",
        "method": "Method notes", "provenance": "Provenance", "file": "File",
        "no_posts": "No posts were published in this period.",
        "quality_none": "No data-quality issue was found in the input files.",
        "daily_interactions": "Interactions by publish day",
        "er_by_platform": "Engagement rate by reach, per platform (median post)",
        "scorecard": "Goals scorecard", "roi": "Return on investment", "alerts": "Reputation watch",
        "best_times": "Best times to post", "audience": "Audience", "compare": "Period over period",
        "benchmarks": "Against benchmarks", "level": "Level", "note": "Note", "rows": "Rows",
        "version": "Package version", "parameters": "Parameters", "sha256": "SHA-256",
        "link": "Link",
    },
    "fr": {
        "level_error": "erreurs", "level_warning": "avertissements", "level_info": "remarques", "files": "Fichiers",
        "audience_none": "Les exports ne contiennent aucune répartition de l'audience.", "dim_country": "pays", "dim_gender": "genre", "dim_age": "âge", "dim_job_function": "fonctions", "dim_seniority": "ancienneté", "dim_industry": "secteurs", "dim_company_size": "taille d'entreprise", "dim_location": "lieux", "dim_city": "villes",
        "monthly_report": "Rapport mensuel réseaux sociaux", "campaign_report": "Rapport de campagne",
        "best_times_report": "Meilleurs moments pour publier", "period": "Période",
        "prepared": "Préparé le", "contents": "Sommaire", "kpis": "Chiffres clés par plateforme",
        "platform": "Plateforme", "posts": "Publications", "interactions": "Interactions",
        "reach": "Couverture", "views": "Vues", "impressions": "Impressions",
        "er_reach_median": "Taux d'engagement / couverture (publication médiane)",
        "er_reach_pooled": "Taux d'engagement / couverture (global)", "total": "Toutes plateformes",
        "engagement": "Engagement", "top_posts": "Meilleures publications",
        "bottom_posts": "Publications les moins performantes", "published": "Publiée le",
        "caption": "Texte", "quality": "Qualité des données", "method": "Notes de méthode",
        "provenance": "Provenance", "file": "Fichier",
        "no_posts": "Aucune publication sur cette période.",
        "quality_none": "Aucun problème de qualité n'a été détecté dans les fichiers.",
        "daily_interactions": "Interactions par jour de publication",
        "er_by_platform": "Taux d'engagement par couverture, par plateforme (publication médiane)",
        "scorecard": "Tableau de bord des objectifs", "roi": "Retour sur investissement",
        "alerts": "Veille de réputation", "best_times": "Meilleurs moments pour publier",
        "audience": "Audience", "compare": "Évolution par rapport à la période précédente",
        "benchmarks": "Comparaison aux références du secteur", "level": "Niveau", "note": "Note",
        "rows": "Lignes", "version": "Version du logiciel", "parameters": "Paramètres",
        "sha256": "SHA-256", "link": "Lien",
    },
    "it": {
        "level_error": "errori", "level_warning": "avvisi", "level_info": "note", "files": "File",
        "audience_none": "Gli export non contengono alcuna ripartizione del pubblico.", "dim_country": "paesi", "dim_gender": "genere", "dim_age": "età", "dim_job_function": "funzioni", "dim_seniority": "anzianità", "dim_industry": "settori", "dim_company_size": "dimensione aziendale", "dim_location": "località", "dim_city": "città",
        "monthly_report": "Report mensile social media", "campaign_report": "Report di campagna",
        "best_times_report": "Orari migliori per pubblicare", "period": "Periodo",
        "prepared": "Preparato il", "contents": "Indice", "kpis": "Dati chiave per piattaforma",
        "platform": "Piattaforma", "posts": "Post", "interactions": "Interazioni",
        "reach": "Copertura", "views": "Visualizzazioni", "impressions": "Impression",
        "er_reach_median": "Tasso di engagement / copertura (post mediano)",
        "er_reach_pooled": "Tasso di engagement / copertura (complessivo)",
        "total": "Tutte le piattaforme", "engagement": "Engagement", "top_posts": "Post migliori",
        "bottom_posts": "Post peggiori", "published": "Pubblicato il", "caption": "Testo",
        "quality": "Qualità dei dati", "method": "Note di metodo", "provenance": "Provenienza",
        "file": "File", "no_posts": "Nessun post pubblicato in questo periodo.",
        "quality_none": "Nessun problema di qualità nei file di input.",
        "daily_interactions": "Interazioni per giorno di pubblicazione",
        "er_by_platform": "Tasso di engagement per copertura, per piattaforma (post mediano)",
        "scorecard": "Obiettivi", "roi": "Ritorno sull'investimento",
        "alerts": "Monitoraggio della reputazione", "best_times": "Orari migliori per pubblicare",
        "audience": "Pubblico", "compare": "Confronto con il periodo precedente",
        "benchmarks": "Confronto con i benchmark", "level": "Livello", "note": "Nota",
        "rows": "Righe", "version": "Versione del pacchetto", "parameters": "Parametri",
        "sha256": "SHA-256", "link": "Link",
    },
}


def _missing(x) -> bool:
    """True for None, NaN, NaT and pd.NA."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # arrays and other non-scalars are not "missing"
        return False


PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "x": "X",
                  "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok",
                  "pinterest": "Pinterest"}


class Formatter:
    """Locale-aware formatting for one report language.

    Examples
    --------
    >>> Formatter("fr").percent(0.0345)
    '3,45\u202f%'
    >>> Formatter("en").number(12345.678, 1)
    '12,345.7'
    """

    def __init__(self, lang: str = "en", currency: str = "EUR") -> None:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {sorted(LANGS)}; got {lang!r}")
        self.lang, self.locale, self.currency = lang, LANGS[lang], currency

    def label(self, key: str) -> str:
        """The translated label for ``key`` (the key itself when unknown)."""
        return _LABELS[self.lang].get(key, _LABELS["en"].get(key, key))

    def platform(self, name) -> str:
        """Display name of a platform ("linkedin" → "LinkedIn"; "total" → all platforms)."""
        name = str(name)
        return self.label("total") if name == "total" else PLATFORM_NAMES.get(name, name)

    def number(self, x, digits: int = 0, missing: str = "–") -> str:
        if _missing(x):
            return missing
        fmt = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(float(x), format=fmt, locale=self.locale)

    def _pattern(self, kind: str, digits: int) -> str:
        """The locale's own CLDR pattern with ``digits`` decimals."""
        from babel import Locale

        formats = Locale.parse(self.locale).percent_formats if kind == "percent" \
            else Locale.parse(self.locale).currency_formats
        pattern = formats[None if kind == "percent" else "standard"].pattern.split(";")[0]
        return re.sub(r"0(\.0+)?", "0" + ("." + "0" * digits if digits else ""), pattern, count=1)

    def percent(self, x, digits: int = 2, missing: str = "–") -> str:
        """A fraction as a percentage: 0.0345 → 3.45% (en), 3,45 % (fr)."""
        if _missing(x):
            return missing
        return format_percent(float(x), format=self._pattern("percent", digits),
                              locale=self.locale)

    def points(self, x, digits: int = 2, missing: str = "–") -> str:
        """A difference of fractions in percentage points, signed: 0.001 → +0.10 pp."""
        if _missing(x):
            return missing
        sign = "+" if x > 0 else ("−" if x < 0 else "±")
        return f"{sign}{self.number(abs(float(x)) * 100, digits)} pp"

    def money(self, x, digits: int = 0, missing: str = "–") -> str:
        if _missing(x):
            return missing
        return format_currency(float(x), self.currency, format=self._pattern("currency", digits),
                               locale=self.locale, currency_digits=False)

    def date(self, d, fmt: str = "long") -> str:
        if _missing(d):
            return "–"
        if hasattr(d, "date") and not isinstance(d, dt.date | str):
            d = d.date()
        elif hasattr(d, "to_pydatetime"):
            d = d.to_pydatetime().date()
        return format_date(d, format=fmt, locale=self.locale)

    def month(self, d) -> str:
        """'October 2026', 'octobre 2026', 'ottobre 2026'."""
        return format_date(d, format="LLLL yyyy", locale=self.locale)
