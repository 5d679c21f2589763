"""BrandReport: the sections of a brand's report for one period.

Each method computes nothing itself: it calls the package's analytics, formats the result in
the report language, adds the blocks to the PDF and returns a :class:`Section` that the
notebook displays.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager

from .. import __version__, metrics, plots
from .._actuals import (
    daily_in,
    data_days,
    declared_platforms,
    declared_unexported,
    has_posts_data,
    platform_span,
    posts_cover,
    posts_coverage,
    social_platforms,
    span_extent,
    unread_exports,
)
from .._alert_days import two_zones
from .._args import platform_name
from .._io import atomic_write, file_name
from .._preflight import check_platform_posts
from .._ranges import after_range, partial_life
from .._web import campaign_key, uncovered_runs
from ..benchmarks import account_names
from ..dataset import SETTINGS_FILES, remembering
from ..errors import ArgumentError, require_dataset
from ..metrics import RATE_MEASURES, rate_measures
from ..periods import (
    last_days_covered,
    parse_period,
    post_dates,
    posts_in_period,
    remembered,
)
from ..quality import (
    MissingMetrics,
    by_link,
    missing_from_newer,
    note_kind,
    shown_name,
    unread_files,
)
from ..roi import campaign_names, check_campaign
from ..schema import PLATFORMS, column_or
from ..timing import MIN_AGE_DAYS, post_ages
from ._ahead import built_ahead
from .builder import FIGURE_FONT, Report, Section, printable
from .performance import PerformanceSections
from .watch import WatchSections

__all__ = ["BrandReport", "posts_in_period"]

_KPI_COLUMNS = ("posts", "interactions", "reach", "views", "impressions")
#: the key figures' rate columns (each row's by its own denominator) by short names, defined in
#: the caption under the table: their full names ("Taux d'engagement / couverture (publication
#: médiane)") wrapped over five lines
_KPI_RATES = {"median": "kpi_er_median", "pooled": "kpi_er_pooled"}

#: the method notes, by what each says: "rate" names each platform's denominator
#: (:meth:`BrandReport._rate_by`) and quotes the key figures' rate headers (:data:`_KPI_RATES`:
#: the French note quoted « Publication médiane », a column the table did not have), "reach"
#: is said when a rate is by reach, "meta" after "times" when Meta's exports are read. A
#: brand of TikTok, YouTube, LinkedIn and Pinterest read of reach-based rates it had none of,
#: and of Meta exports it had not given
_METHOD = {
    "en": {
        "interactions": "Interactions = reactions (likes) + comments + shares + saves, counting "
        "the components each platform exports; a metric a platform does not export is left "
        "blank, never 0.",
        "rate": "Engagement rate = interactions ÷ {by}. '{median}' is the median of the "
        "per-post rates; '{pooled}' is total interactions ÷ the total of that measure. A zero "
        "denominator gives no rate.",
        "reach": "Reach is counted per post and summed over posts: the same person reached by "
        "two posts counts twice.",
        "times": "Times are converted to the audience's time zone ({tz})",
        "meta": "; Meta exports are written in US Pacific time and converted with daylight "
        "saving time",
        "totals": "Each post keeps its latest export ({totals}); posts of the last days of the "
        "period may still be gaining engagement.",
    },
    "fr": {
        "interactions": "Interactions = réactions (j'aime) + commentaires + partages + "
        "enregistrements, selon ce que chaque plateforme exporte ; une mesure non exportée "
        "reste vide, jamais 0.",
        "rate": "Taux d'engagement = interactions ÷ {by}. « {median} » est la médiane des "
        "taux par publication ; « {pooled} » est le total des interactions ÷ le total de cette "
        "mesure. Un dénominateur nul ne donne pas de taux.",
        "reach": "La couverture est comptée par publication puis additionnée : une personne "
        "touchée par deux publications compte deux fois.",
        "times": "Les heures sont converties dans le fuseau de l'audience ({tz})",
        "meta": " ; les exports Meta sont en heure du Pacifique (États-Unis) et convertis en "
        "tenant compte de l'heure d'été",
        "totals": "Chaque publication garde son export le plus récent ({totals}) ; les "
        "publications des derniers jours de la période peuvent encore gagner de l'engagement.",
    },
    "it": {
        "interactions": "Interazioni = reazioni (mi piace) + commenti + condivisioni + "
        "salvataggi, secondo ciò che ogni piattaforma esporta; una metrica non esportata resta "
        "vuota, mai 0.",
        "rate": "Tasso di engagement = interazioni ÷ {by}. «{median}» è la mediana dei "
        "tassi per post; «{pooled}» è il totale delle interazioni ÷ il totale di quella "
        "misura. Un denominatore nullo non dà alcun tasso.",
        "reach": "La copertura è contata per post e sommata: una persona raggiunta da due post "
        "conta due volte.",
        "times": "Gli orari sono convertiti nel fuso del pubblico ({tz})",
        "meta": "; le esportazioni Meta sono in ora del Pacifico (USA) e convertite tenendo "
        "conto dell'ora legale",
        "totals": "Ogni post mantiene l'esportazione più recente ({totals}); i post degli "
        "ultimi giorni del periodo possono ancora ricevere engagement.",
    },
}

#: the method note on the days of daily account series (after the one on times), when a
#: platform's are not the brand's zone's: its sentence and how one zone's platforms are said
_METHOD_DAYS = {
    "en": ("Daily account totals (followers gained and lost, unfollows) cannot be re-cut by "
           "the hour: they keep the day each platform counts them in ({days}), and the "
           "reputation watch names that zone beside such a day.", "{zone} for {platforms}"),
    "fr": ("Les totaux quotidiens des comptes (abonnés gagnés et perdus, désabonnements) ne "
           "peuvent pas être redécoupés heure par heure : ils gardent le jour de chaque "
           "plateforme ({days}), et la veille de réputation indique ce fuseau à côté de ces "
           "jours.", "{zone} pour {platforms}"),
    "it": ("I totali giornalieri degli account (follower acquisiti e persi, unfollow) non si "
           "possono ridividere ora per ora: mantengono il giorno di ciascuna piattaforma "
           "({days}) e il monitoraggio della reputazione indica questo fuso accanto a tali "
           "giorni.", "{zone} per {platforms}"),
}

#: what X's shares and saves are, said after the definition of interactions when the report's
#: platforms include X: an analyst adding up the export's Likes, Replies, Reposts and Bookmarks
#: got 897 for October where the report said 920, its 23 DM and link shares (the export's
#: Shares). The formula names the export's columns: "reposts + bookmarks + shares", shares
#: being reposts plus the export's Shares, read as counting reposts twice
#: a platform whose figures pool several accounts (its posts of two Instagram accounts were
#: read as one account's, their names only in the file list), and one such platform
_METHOD_ACCOUNTS = {
    "en": ("A platform's figures pool its accounts (key figures, goals, best times; posts per "
           "week against a benchmark and the brand's row among its competitors are the mean "
           "per account): {each}.",
           "{platform}, {n} accounts ({names})"),
    "fr": ("Les chiffres d'une plateforme regroupent ses comptes (chiffres clés, objectifs, "
           "meilleurs horaires ; les publications par semaine comparées à une référence et la "
           "ligne de la marque parmi ses concurrents sont la moyenne par compte) : {each}.",
           "{platform}, {n} comptes ({names})"),
    "it": ("I dati di una piattaforma riuniscono i suoi account (dati chiave, obiettivi, orari "
           "migliori; i post a settimana confrontati con un benchmark e la riga del brand tra "
           "i suoi concorrenti sono la media per account): {each}.",
           "{platform}, {n} account ({names})"),
}

_METHOD_X = {
    "en": "On X, saves are bookmarks, and shares are reposts plus shares by direct message or "
          "link (the export's Shares column): X's interactions = likes + replies + reposts + "
          "bookmarks + the export's Shares (by direct message or link), each counted once.",
    "fr": "Sur X, les enregistrements sont les signets, et les partages sont les reposts plus "
          "les partages par message privé ou par lien (colonne Shares de l'export) : "
          "interactions X = j'aime + réponses + reposts + signets + Shares de l'export "
          "(partages par message privé ou par lien), chacun compté une fois.",
    "it": "Su X, i salvataggi sono i segnalibri, e le condivisioni sono i repost più le "
          "condivisioni via messaggio diretto o link (colonna Shares dell'esportazione): "
          "interazioni X = mi piace + risposte + repost + segnalibri + Shares dell'esportazione "
          "(condivisioni via messaggio diretto o link), ciascuno contato una volta.",
}


@functools.cache
def _drawn() -> frozenset[int]:
    """The characters the PDF's fonts draw, as far as can be known here: DejaVu Sans's
    (the figures' font, which Typst is given, holding Libertinus Serif's Latin, Greek and
    Cyrillic and more: Arabic, Hebrew…). No font given to Typst draws Chinese, Japanese or
    Korean: the report ignores the machine's fonts, for the same PDF on every machine."""
    from fontTools.ttLib import TTFont  # lazy: 80 ms, not loaded with the package

    path = font_manager.findfont(font_manager.FontProperties(family=FIGURE_FONT),
                                 fallback_to_default=False)
    # closed here: a lazy TTFont keeps its file open, and its ResourceWarning surfaced at
    # whatever line next collected garbage in the report's notebook
    with TTFont(path, lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


def undrawn(texts) -> list[str]:
    """The letters, digits and signs of ``texts`` (each as :func:`printable` leaves it) that
    the PDF's fonts lack (:func:`_drawn`), each once, in order: drawn as empty boxes."""
    drawn, found = _drawn(), {}
    for text in texts:
        for ch in printable(text):
            if not ch.isspace() and ord(ch) not in drawn and \
                    unicodedata.category(ch)[0] in "LNPS":
                found.setdefault(ch, None)
    return list(found)


#: the most export days of one platform the method note lists; more are said by the first,
#: the last and their number
_ASOF_DAYS_LISTED = 3
#: the kinds of report, each titled by its own label (``monthly_report``…)
_KINDS = ("monthly", "campaign", "best_times")


def _title_label(kind: str, period_kind: str) -> str:
    """The label of a report's title: a "monthly" report of a quarter, a year or a range of
    days (``smm report monthly --period 2026``) is titled by its period, not "Monthly"."""
    if kind != "monthly" or period_kind == "month":
        return f"{kind}_report"
    return {"quarter": "quarterly_report", "year": "yearly_report"}.get(period_kind,
                                                                         "period_report")


class BrandReport(PerformanceSections, WatchSections, Report):
    """A brand's report for one period, built section by section from a Dataset.

    Examples
    --------
    >>> ds = smm.load("data/sample/maison-seve")                  # doctest: +SKIP
    >>> rep = BrandReport(ds, "2026-10", lang="fr")               # doctest: +SKIP
    >>> rep.kpi_table(); rep.write_pdf("out.pdf")                 # doctest: +SKIP

    A best-times report may cover some platforms only (``platforms=["tiktok"]``): its cover
    counts their posts, its title names them, and :meth:`best_times` analyses them.

    ``slug`` is the brand's when not brand.yaml's (``smm report --brand``, a batch's entry
    name, as the notebooks' ``brand`` parameter passes it): it names the brand in its
    calendars' event UIDs, as it names the report's folder (:meth:`Brand.with_slug`: None
    or "" keep brand.yaml's).
    """

    def __init__(self, ds, period, *, kind: str = "monthly", lang: str | None = None,
                 title: str | None = None, campaign: str | None = None,
                 platforms: list[str] | None = None, slug: str | None = None) -> None:
        require_dataset(ds, "BrandReport")      # ds.posts gave an AttributeError on 'brand'
        if isinstance(kind, str):       # "best-times", as the command line and batches say
            kind = kind.replace("-", "_")
        if kind not in _KINDS:
            raise ArgumentError("not a kind of report", argument="kind",
                                expected=f"one of {', '.join(_KINDS)}", got=kind)
        if platforms and kind != "best_times":      # the other reports cover every platform
            raise ArgumentError("only a best-times report covers chosen platforms",
                                argument="platforms", expected="None", got=platforms)
        self.ds = ds = remembering(ds)
        self.campaign = campaign or None
        # the cover counted every platform's posts in a best-times report of TikTok alone
        self.platforms = [platform_name(p) for p in platforms] if platforms else None
        self._slots: dict[str, pd.DataFrame] = {}
        self.period = parse_period(period)
        for platform in self.platforms or ():
            # a platform without posts built an empty report, which `smm report` refuses
            check_platform_posts(ds, None, platform, self.period)
        if self.campaign:       # a campaign the data does not name gave pages of zeros
            check_campaign(ds, self.campaign, self.period)
        self.tz = ds.brand.timezone
        lang = lang or ds.brand.language
        # the last day the data cover, not the snapshot's; of the platforms a best-times
        # report covers (one of TikTok was "as of" the day of a later Meta export)
        self.asof = ds.as_of(self.platforms)
        # the brand's slug in a batch (its entry's name) or `--brand`'s: its calendars' UIDs
        super().__init__(title="", period_label="", brand=ds.brand.with_slug(slug), lang=lang)
        f = self.fmt
        self.title = (title or f.label(_title_label(kind, self.period.kind))) + (
            f" · {self._campaign_name()}" if self.campaign else "") + (
            f" · {f.listed(f.platform(p) for p in self.platforms)}" if self.platforms else "")
        self.period_label = f.period(self.period)
        posts = posts_in_period(ds.posts, self.period, self.tz)
        # the period's posts of any campaign: a campaign none of them carries is not a period
        # without a post (bio-link's report said "No posts were published" of 1,400 posts)
        self._period_posts = len(posts)
        if self.campaign:
            key = campaign_key(pd.Series([self.campaign])).iloc[0]
            posts = posts.loc[(campaign_key(posts["campaign"]) == key).fillna(False)
                              .to_numpy()].reset_index(drop=True)
        self.posts = metrics.add_rates(posts, ds.daily)
        # a month, quarter or year has its days said under its name; a range of days is
        # named by them already (a campaign's cover said them twice)
        days = f.span(self.period.start, self.period.end)
        self.cover_lines = ([] if self.period_label == days
                            else [f.labelled(f.label("period"), days)])
        if kind == "best_times":        # it reads every post up to the period's end
            self.cover_lines.append(f.labelled(f.label("posts_to").format(
                date=f.date(self.period.end)), f.number(len(self._history()))))
            used, left = self._analysed()
            if left:      # the count the sections analyse, and why the others are not
                self.cover_lines.append(f.label("posts_analysed").format(
                    used=f.number(used), left=f.excluded(left)))
        else:
            self.cover_lines.append(f.labelled(f.label("posts"), self._cover_posts()))
        if self.asof is not None:
            self.cover_lines.append(f.label("data_as_of").format(date=f.date(self.asof)))
        # the rest of the cover (its coverage lines and warnings) when first asked, of the
        # data, period, posts and language of now: see _finish_cover
        self._cover_pending = (ds, self.period, self.posts, f)

    @property
    def cover_lines(self) -> list[str]:
        """The lines under the cover's band: the period, its posts, the data's last day and
        the platforms whose data start within the period."""
        self._finish_cover()
        return self._cover_lines

    @cover_lines.setter
    def cover_lines(self, lines: list[str]) -> None:
        self._finish_cover()
        self._cover_lines = lines

    @property
    def cover_warnings(self) -> list[str]:
        """The cover's warnings: data that stop or have gaps within the period, exports not
        read or not the brand's, posts whose account could not be checked, characters the
        fonts lack."""
        self._finish_cover()
        return self._cover_warnings

    @cover_warnings.setter
    def cover_warnings(self, lines: list[str]) -> None:
        self._finish_cover()
        self._cover_warnings = lines

    def _finish_cover(self) -> None:
        """Add the cover's coverage lines and warnings, once, of the data and posts the report
        was made with (a later ``rep.ds = ...`` does not change them, as it did not before).

        They were made in ``__init__``, before the notebook forks the copy that builds best
        times, top posts and alerts (:meth:`build_ahead`), which never reads them: 0.12 s of
        the sample's 0.17 s of CPU there, every CPU second a wall second, since nothing runs
        beside it. :meth:`build_ahead` makes them just after the fork, in the first cell
        still, while the copy builds best times; anything else reading the cover (the PDF, a
        script) makes them when it first does."""
        pending = self.__dict__.pop("_cover_pending", None)
        if pending is None:
            return
        ds, period, posts, f = pending
        starts, stops = _coverage_lines(ds, period, f)
        lines = self._cover_lines + starts
        said = _brand_defaults_warning(ds, f) + _unread_warning(ds, f) + stops
        said += _ga4_gaps_warning(ds, period, f) + _foreign_warning(ds, f)
        said += _cut_off_warning(ds, posts, f) + _unchecked_warning(ds, posts, f)
        said += _undrawn_warning(ds, posts, f)
        # in the language's prose now, while the brand's words (files' names) are marked as
        # theirs (Formatter.verbatim): the lines are then as the cover shows them
        self._cover_lines = [f.prose(t) for t in lines]
        self._cover_warnings = [f.prose(t) for t in said]

    def build_ahead(self, *names: str) -> bool:
        """As :meth:`Report.build_ahead`, then the cover's coverage lines and warnings, here
        while the copy builds (:meth:`_finish_cover`)."""
        forked = super().build_ahead(*names)
        self._finish_cover()
        return forked

    def write_pdf(self, path):
        """Write the PDF, and next to it the .ics calendars of the best-times section (made
        while Typst compiles the PDF, written after it)."""
        pdf, calendars = self._pdf_bytes_beside(lambda: self._calendars(path))
        out = atomic_write(path, pdf)
        self._write_calendars(out, calendars)
        return out

    # ---- KPIs ---------------------------------------------------------------------------
    def engagement_table(self) -> pd.DataFrame:
        """Engagement per platform for the period, plus an all-platforms row (raw numbers).

        Computed once per report (the key figures and the engagement charts both ask for it:
        70 ms of the charts' 380 on the sample); each call gets its own copy. The memo holds
        the posts and daily frames it was computed from: a report given other frames
        (``rep.posts = ...``) computes it anew."""
        memo = self.__dict__.get("_engagement")
        if memo is not None and memo[0] is self.posts and memo[1] is self.ds.daily:
            return memo[2].copy()
        table = self._engagement_table()
        self._engagement = (self.posts, self.ds.daily, table)
        return table.copy()

    def _engagement_table(self) -> pd.DataFrame:
        by_platform = metrics.engagement(self.posts, by="platform", daily=self.ds.daily)
        # its notes of posts whose interactions are unknown, per platform (the total's say the
        # same of all platforms at once), which the concat below drops
        notes = list(by_platform.attrs.get("notes", []))
        total = metrics.engagement(self.posts, by=None, daily=self.ds.daily)
        sums = {m: self.posts[m].sum(min_count=1) if m in self.posts else pd.NA
                for m in ("reach", "views", "impressions")}
        # YouTube's impressions are its thumbnail's, not views of its posts (DESIGN §3): the
        # all-platforms total leaves them out, as engagement() leaves them out of the pooled
        # er_impressions (202,123 impressions of October were 149,296 thumbnails shown); its
        # own row keeps them, and a line under the table says so
        youtube = metrics.youtube_thumbnails(self.posts["platform"].astype("string").str.lower())
        thumbnails = pd.NA
        if "impressions" in self.posts and youtube.any():
            thumbnails = self.posts.loc[youtube, "impressions"].sum(min_count=1)
            sums["impressions"] = self.posts.loc[~youtube, "impressions"].sum(min_count=1)
        # each platform's sums, of one groupby (a mask and a sum a platform and metric took
        # 60 ms on the sample); posts without a platform make a row of their own, as in
        # metrics.engagement
        groups = self.posts.groupby("platform", observed=True, sort=False, dropna=False)
        for m, v in sums.items():
            per = groups[m].sum(min_count=1) if m in self.posts else pd.Series()
            by_platform[m] = [per.get(p, pd.NA) for p in by_platform["platform"]]
            total[m] = v
        total.insert(0, "platform", "total")
        quiet = self._quiet_platforms(set(by_platform["platform"].dropna().astype(str)))
        if quiet:
            # a platform with no post in the period: 0 posts where its posts exports cover it
            # (Instagram's October export with headers only), unknown ("–") where none does;
            # without its row the table read as if the brand had no Instagram
            known = self.ds.posts
            rows = []
            for platform, covered in quiet.items():
                row = {"platform": platform, "posts": 0 if covered else pd.NA,
                       "interactions": 0.0 if covered else pd.NA}
                mine = known.loc[(known["platform"].astype("string") == platform)
                                 .fillna(False).to_numpy()]
                for m in sums:  # 0 of a metric its exports give, blank of one they do not
                    gives = m in mine and mine[m].notna().any()
                    row[m] = 0.0 if covered and gives else pd.NA
                rows.append(row)
            quiet_rows = pd.DataFrame(rows).astype(
                {c: by_platform[c].dtype for c in ("platform", "posts", "interactions")})
            by_platform = (pd.concat([by_platform, quiet_rows], ignore_index=True)
                           .sort_values("platform", kind="stable", ignore_index=True))
        table = pd.concat([by_platform, total], ignore_index=True)
        # the YouTube thumbnail impressions the total leaves out (NA: none left out)
        table.attrs["youtube_impressions"] = thumbnails
        table.attrs["notes"] = notes
        return table

    def _quiet_platforms(self, posted: set[str]) -> dict[str, bool]:
        """The brand's platforms without a post in the period (those not in ``posted``), each
        with whether its posts exports cover the period (in part: the stretch they cover
        without a gap, :func:`~smmanalytics._actuals.posts_cover`, as ``compare`` judges a
        period), so that its 0 posts are known. A platform of brand.yaml whose exports do not
        reach the period (or that has none) is there too, uncovered: its figures are unknown,
        not 0. None in a campaign's report: a platform the campaign did not post on is not the
        campaign's."""
        if self.campaign:
            return {}
        files = self.ds.files
        names = set()
        if files is not None and len(files) and "platform" in files.columns:
            names.update(p for ps in files["platform"].dropna().astype(str)
                         for p in ps.split(",") if p)
        declared = set(declared_platforms(self.ds))
        out = {}
        for platform in sorted((names | {str(p) for p in self.ds.posts["platform"].dropna()}
                                | declared) & set(PLATFORMS) - posted):
            covered = posts_cover(self.ds, platform, self.period.start, self.period.end)
            if covered or platform in declared:
                out[platform] = covered
        return out

    def kpi_table(self) -> Section:
        """Key figures by platform: posts, interactions, reach, views, engagement rates."""
        f = self.fmt
        sec = self.section(f.label("kpis"))
        if self.posts.empty:
            return self.text(sec, self._no_posts())
        first, last = self.ds.span(web=False)
        if first is not None and (first > self.period.start or last < self.period.end):
            # a year whose exports start in September: the figures are not the whole year's
            partly = f.ranged(f.label("kpis_partly"), max(first, self.period.start),
                              min(last, self.period.end), ("first", "last"))
            self.text(sec, f.joined(partly.format(period=f.period(self.period)), self.period))
        e = self.engagement_table()
        total = e.iloc[-1]
        by = self._rate_by()
        den = by.get("total", "reach")      # the cards' rate: reach's, else views'…
        rate = {"label": f.metric(f"er_{den}"), "value": f.percent(total[f"er_{den}_pooled"])}
        pooled = self._total_rate_platforms(e, den)
        if pooled:
            # 7.63 % beside 27,671 interactions and 257,650 reached (10.7 %): the rate is
            # Facebook's and Instagram's, the platforms that export reach
            rate["note"] = f.label("kpi_rate_platforms").format(
                platforms=f.listed(pooled), measure=f.measure(den))
        # the posts counted take their stories (Instagram's 42 of October, 12 of them
        # stories), which the benchmarks and competitors leave out (30): each count says so
        stories = stories_by_platform(self.posts)
        n_stories = sum(stories.values())
        posts = {"label": f.label("posts"), "value": f.number(total["posts"])}
        partial = self._posts_partial()
        said = ([self._stories(n_stories)] if n_stories else []) + ([partial] if partial else [])
        if said:
            posts["note"] = f.prose(f.join(said))
        # the reach card only where some platform exports reach: Northwind's (TikTok, YouTube,
        # LinkedIn, Pinterest) read "Reach –", and a column of "–" under it
        cards = {m: {"label": f.label(m), "value": f.number(total[m])}
                 for m in ("interactions", "reach") if m == "interactions" or pd.notna(total[m])}
        cards[f"er_{den}"] = rate
        # so do the interactions, reach and rate beside it (Instagram's 12 stories: 250
        # interactions, 14,411 reach), which the cards did not say
        for metric, card in cards.items():
            if n := sum(stories_by_platform(self.posts, metric).values()):
                card["note"] = f.prose(f.join([self._stories(n)]
                                              + ([card["note"]] if "note" in card else [])))
        self.kpis(sec, [posts, *cards.values()])
        mark = "*" if pooled else ""            # the all-platforms rates, of some platforms
        shown = pd.DataFrame({
            f.label("platform"): [f.platform(p) for p in e["platform"]],
            **{f.label(c): [f.number(v) for v in e[c]] for c in _KPI_COLUMNS
               if e[c].notna().any()},
            **{f.label(key): self._rate_cells(e, how, by, mark)
               for how, key in _KPI_RATES.items()},
        })
        n = [stories.get(None if pd.isna(p) else str(p), 0) for p in e["platform"]]
        n[-1] = n_stories                               # the all-platforms row
        # the stories on a line of their own: "42 (dont 12" over "stories)" in a narrow column
        shown[f.label("posts")] = [f"{v}\n({self._stories(k)})" if k else v
                                   for v, k in zip(shown[f.label("posts")], n, strict=True)]
        parts = [self._rates_caption(by)]
        if pooled:
            parts.append(f.label("kpi_total_rates").format(
                total=f.label("total"), platforms=f.listed(pooled), measure=f.measure(den)))
        if n_stories:       # a row's "(incl. 12 stories)" holds for its other figures too
            parts.append(f.label("kpi_stories"))
        thumbnails = e.attrs.get("youtube_impressions", pd.NA)
        if not pd.isna(thumbnails):
            parts.append(f.label("kpi_youtube_impressions").format(n=f.number(thumbnails)))
        uncovered = self._posts_uncovered()
        if uncovered:
            parts.append(f.label("kpi_total_partial").format(
                total=f.label("total"), platforms=f.listed(map(f.platform, uncovered))))
        # posts whose interactions are unknown (a blank component): a platform's interactions
        # and rates are of its other posts, which its row alone does not say
        parts += [f"{f.sentence(f.note(n))}." for n in e.attrs.get("notes", [])]
        return self.table(sec, shown, total=True, caption=f.sentences(*parts))

    def _cover_posts(self) -> str:
        """The cover's count of the period's posts (a campaign's: those carrying it), with
        what qualifies it: unknown ("–"), not 0, when no posts export covers the period
        (:meth:`_no_posts`) or when some platform's do not ("–", not Instagram's 0 as the
        brand's); partial, saying whose, when some platform's do not ("81" read as the brand's
        October, X's posts exports stopping in February); a campaign's 0 beside the period's
        posts, none of which carries it ("0" beside bio-link's 6,133 sessions read as days
        without a post, 1,400 published)."""
        f = self.fmt
        said = []
        if self._untagged():
            n = 0
            said.append(f.label("campaign_posts_none").format(
                campaign=self._campaign_shown(), n=f.number(self._period_posts)))
        else:
            n = (pd.NA if self.posts.empty and not _posts_known(self.ds, self.period)
                 else len(self.posts))
        if n is not pd.NA and (partial := self._posts_partial()):
            said.append(partial)
        return f.number(n) + (f" ({f.join(said)})" if said else "")

    def _posts_uncovered(self) -> list[str]:
        """The platforms with posts data whose posts exports cover none of the period's days
        while another platform's cover some (:func:`_posts_days`): their posts of the period
        are unknown, and a count of the period's posts is partial without them. None when no
        platform's exports cover the period: the sections say so whole (:meth:`_no_posts`)."""
        covering, uncovered = _posts_days(self.ds, self.period)
        return [p for p, _ in uncovered] if covering else []

    def _posts_partial(self) -> str | None:
        """"partial: without X, whose posts exports do not cover this period": what a count of
        the period's posts says beside it when some platform's exports do not cover the period
        (:meth:`_posts_uncovered`); None when they all do."""
        f = self.fmt
        uncovered = self._posts_uncovered()
        return (f.label("posts_partial").format(platforms=f.listed(map(f.platform, uncovered)))
                if uncovered else None)

    def _no_posts(self) -> str:
        """What a section says of a period without a post: that none was published, when the
        posts exports of every platform with posts cover some of its days (:func:`_posts_days`);
        that no posts export covers it, naming the days they do cover, when none does; else
        which platforms had no post and which have posts unknown, with the days their exports
        cover. A folder of March to May's exports read "No posts were published in this period"
        for October, where the same report's comparison said "October 2026 is not covered"; an
        October export of Instagram without a row said it of Facebook too, whose exports stop
        on 30 September."""
        f = self.fmt
        if self._untagged():
            return self._no_campaign_posts()
        if _posts_known(self.ds, self.period):
            return f.label("no_posts")
        covering, uncovered = _posts_days(self.ds, self.period)
        period = f.period(self.period)
        if not covering and not any(stretches for _, stretches in uncovered):
            return f.joined(f.label("posts_uncovered").format(period=period), self.period)
        days = f.listed(f"{f.platform(p)} " + f.listed(
            f.ranged(f.label("period_days"), a, b) for a, b in stretches)
            for p, stretches in uncovered if stretches)
        if not covering:
            return f.joined(f.label("posts_uncovered_days").format(period=period, covered=days),
                            self.period)
        return f.joined(f.label("posts_partly_covered").format(
            none=f.listed(map(f.platform, covering)), period=period,
            unknown=f.listed(f.platform(p) for p, _ in uncovered), covered=days), self.period)

    def _untagged(self) -> bool:
        """Whether this is a campaign's report none of whose period's posts carries the
        campaign: its sections say so (:meth:`_no_campaign_posts`), not that none was
        published."""
        return bool(self.campaign) and self.posts.empty and self._period_posts > 0

    def _no_campaign_posts(self) -> str:
        """What a campaign's section says when posts were published in the period but none
        carries the campaign (:meth:`_untagged`): how a post is matched to it, and how many
        posts the period has (partial when some platform's posts exports do not cover it).
        The GA4 sessions of bio-link, the link in Instagram's profile, are no post's."""
        f = self.fmt
        partial = self._posts_partial()
        return f.label("campaign_no_posts").format(
            campaign=self._campaign_shown(),
            n=f.number(self._period_posts) + (f" ({partial})" if partial else ""))

    def _campaign_name(self) -> str:
        """The report's campaign as costs.csv writes it, else GA4, else the posts
        (:func:`~smmanalytics.roi.campaign_names`, as roi()'s notes name it): ``Bio-Link``
        asked for as ``bio_link`` is the brand's Bio-Link, in the title as in the text (the
        title said "Noel avant premiere" as typed, the text "Noël Avant-Première")."""
        key = campaign_key(pd.Series([self.campaign], dtype="string")).iloc[0]
        return campaign_names(self.ds).get(key, self.campaign)

    def _campaign_shown(self) -> str:
        """:meth:`_campaign_name` as prose leaves it (:meth:`Formatter.verbatim`)."""
        return self.fmt.verbatim(printable(self._campaign_name()))

    def _interactions_unknown(self, n: int) -> str:
        """What the top posts say of ``n`` posts none of which has interactions (a YouTube
        Studio table exported without likes, shares and comments): they were published, and
        not "no posts were published", as was said of 4 videos."""
        f = self.fmt
        return (f.label("no_posts_interactions_one") if n == 1
                else f.label("no_posts_interactions").format(n=f.number(n)))

    def _stories(self, n: int) -> str:
        """"incl. 12 stories", "dont 1 story": the stories among a count of posts."""
        f = self.fmt
        return (f.label("stories_counted_one") if n == 1
                else f.label("stories_counted").format(n=f.number(n)))

    def engagement_charts(self) -> Section:
        """Interactions by publish day (by week, or month, over a long period: see
        :func:`smmanalytics.plots.bar_freq`) and the median post's engagement rate per
        platform, each by its measure (:meth:`_rate_by`; left out when no platform has a rate:
        an empty chart says nothing)."""
        f = self.fmt
        sec = self.section(f.label("engagement"))
        if self.posts.empty:
            return self.text(sec, self._no_posts())
        freq = plots.bar_freq(self.period.days)      # a year: a bar per week, not hairlines
        tick = "MMM yyyy" if freq == "M" else "d MMM"
        with plt.rc_context(plots.theme()):
            fig, ax = plt.subplots(figsize=(8, 3.2))
            plots.plot_daily_interactions(self.posts, tz=self.tz, ax=ax,
                                          label=f.label("interactions"), name=f.platform,
                                          day=lambda d: f.date(d, tick), freq=freq)
            self.figure(sec, fig, caption=f.label({"D": "daily_interactions",
                                                   "W": "weekly_interactions",
                                                   "M": "monthly_interactions"}[freq]))
            by = {p: d for p, d in self._rate_by().items() if p != "total"}
            if not by:      # no platform has a rate: no empty chart
                return sec
            e = self.engagement_table()
            e = e.loc[e["platform"].isin(list(by)).to_numpy()]
            rates = e.assign(er_median=[row[f"er_{by[p]}_median"] for p, row in
                                        zip(e["platform"], e.to_dict("records"), strict=True)])
            fig, ax = plt.subplots(figsize=(8, 0.45 * len(e) + 0.8))   # one bar per platform
            # the caption names each platform's measure; all have a rate (filtered above)
            plots.plot_engagement_by_platform(rates, rate="er_median", ax=ax,
                                              formatter=f.percent, name=self._rated_name(by),
                                              label="")
            self.figure(sec, fig, caption=f.label("er_by_platform").format(
                by=self._rates_said(by)), width="85%")
        return sec

    def _rated_name(self, by: dict[str, str]):
        """A platform's name on the rate chart, with its measure when not reach ("TikTok (by
        views)"), as its key figures' cells: the chart showed reach's rates alone, and none
        for a brand without reach."""
        f = self.fmt

        def name(platform: str) -> str:
            d = by[platform]
            return f.platform(platform) + ("" if d == "reach"
                                           else f" ({f.label('rate_by_' + d)})")
        return name

    @built_ahead
    def top_posts(self, n: int = 5) -> Section:
        """The ``n`` posts with the most interactions and the ``n`` with the fewest.

        A top post published during an incident of the reputation watch (:meth:`alerts`) is
        marked, and a line under the table names the incident: the brand's statements during
        October's crisis ranked among its most engaging posts, read as successes.

        The fewest are those of posts at least :data:`~smmanalytics.timing.MIN_AGE_DAYS` old
        when last measured (:meth:`_not_bottom`, as :func:`best_times` counts it): a
        post of a few hours had hardly any interaction yet, and listed as a failure. Nor are
        the videos whose YouTube Studio range does not hold their whole life (published before
        it, or after it) among them: a 2024 video in a September zip listed September's views
        as its own, as low as a failure's. A line per reason says how many were left out. The
        top posts keep them: their totals can only grow, so a post among them ranks there at
        least as well later, or over its whole life.
        """
        f = self.fmt
        sec = self.section(f.label("top_posts"))
        ranked = self.posts.dropna(subset=["interactions"]).sort_values(
            ["interactions", "published_at"], ascending=[False, True], kind="stable")
        if ranked.empty:
            return self.text(sec, self._no_posts() if self.posts.empty
                             else self._interactions_unknown(len(self.posts)))
        rest = ranked.iloc[n:]                      # the bottom posts are not top posts
        why = self._not_bottom(rest)
        left_out = " ".join(f.label(key).format(days=f.number(MIN_AGE_DAYS),
                                                n=f.number(int(out.sum())))
                            for key, out in why.items() if out.any()) or None
        kept = ~np.logical_or.reduce(list(why.values()))
        for key, rows in (("top_posts", ranked.head(n)),
                          ("bottom_posts", rest.loc[kept].tail(n)[::-1])):
            if key == "bottom_posts" and (len(rows) or left_out):
                self._add(sec, {"kind": "heading", "level": 2, "text": f.label(key)})
                if rows.empty:                  # every post left is left out
                    self.text(sec, left_out, note=True)
            if rows.empty:
                continue
            marks, caption = [None] * len(rows), None
            if key == "bottom_posts":
                caption = left_out
            if key == "top_posts":
                marks, inc = self._incidents_at(rows)
                if len(inc):
                    caption = f.label("top_posts_incident").format(incidents=f.join(
                        f"{f.label('sev_' + str(v))} {self._days(s, e, sz, ez)}"
                        for s, e, sz, ez, v in zip(inc["start"], inc["end"], inc["start_zone"],
                                                   inc["end_zone"], inc["severity"],
                                                   strict=True)))
            missing = (f.label("top_posts_missing") if self._missing_from_newer(rows).any()
                       else None)
            caption = " ".join(c for c in (caption, self._paid_legend(rows), missing)
                               if c) or None
            self.table(sec, self._post_rows(rows, marks),
                       widths=["auto", "auto", "1fr", "auto", "auto"],
                       align=["left", "left", "left", "right", "right"], caption=caption)
        return sec

    @staticmethod
    def _not_bottom(posts: pd.DataFrame) -> dict[str, np.ndarray]:
        """The posts whose few interactions say nothing of them, by the label that says why,
        each under its first reason, as :func:`best_times` leaves them out: a video published
        before its YouTube Studio range (only part of its life counted) or after it (none),
        then a post younger than :data:`~smmanalytics.timing.MIN_AGE_DAYS` when its figures
        were last counted (its export, or the end of its range:
        :func:`~smmanalytics.timing.post_ages`)."""
        partial, after = partial_life(posts), after_range(posts)
        age, _ = post_ages(posts)
        return {"bottom_posts_partial": partial, "bottom_posts_after_range": after,
                "bottom_posts_young": ~partial & ~after & (age < MIN_AGE_DAYS)}

    def _days(self, start, end, start_zone=None, end_zone=None) -> str:
        """An incident's days: "du 13 au 19 oct.", "le 13 oct." (the watch's short dates),
        the zone named once after them when not the brand's ("du 13 au 19 oct. (heure du
        Pacifique)"), or after each end when the ends' zones differ, the brand's too ("du 13
        oct. (heure de Paris) au 19 oct. (heure du Pacifique)")."""
        f = self.fmt
        # ends in two zones: each named, the brand's too ("from 13 Oct (Paris time) to 19 Oct
        # (Pacific time)"): "from 13 Oct to 19 Oct (Pacific time)" read as Pacific days
        own = two_zones(start_zone, end_zone)
        first = self._alert_day(start, start_zone, own=own)
        last = self._alert_day(end, end_zone, own=own)
        if first == last:
            return f.label("incident_day").format(day=first)
        same = not own and self._alert_day(start, end_zone) == first
        if same:        # one zone: the range's days written once ("du 13 au 19 oct.")
            zoned = last.removeprefix(f.date(end, "d MMM"))
            first, last = f.days(start, end, "d MMM")
            last += zoned
        return f.label("incident_days").format(start=first, end=last)

    def _paid_legend(self, rows: pd.DataFrame) -> str | None:
        """The legend of the paid posts' mark (:meth:`_post_rows`), with the share of each
        one's reach that was bought where the export gives it, and the platforms of the
        table whose exports do not say which posts were paid; none without a paid post. A
        campaign's top posts were its two boosted Facebook posts, 94 % and 93 % of their reach
        paid, unmarked: ranked on interactions, they measured where the budget went."""
        f = self.fmt
        paid = _paid(rows)
        if not paid.any():
            return None
        bought = (column_or(rows, "reach_boosted", dtype="Float64")
                  / column_or(rows, "reach", dtype="Float64"))[paid].dropna()
        share = (f.label("top_posts_paid_share").format(
                     shares=f.listed(f.percent(s, 0) for s in bought)) if len(bought) else "")
        legend = f.label("top_posts_paid").format(share=share)
        unknown = rows.loc[column_or(rows, "paid", dtype="boolean").isna().to_numpy(),
                           "platform"].unique()
        if len(unknown):
            legend += " " + f.label("top_posts_paid_unknown").format(platforms=f.listed(
                f.platform(p, inline=True) for p in sorted(unknown)))
        return legend

    def _missing_from_newer(self, rows: pd.DataFrame) -> np.ndarray:
        """Whether each post of ``rows`` is missing from a newer export covering its day
        (:func:`~smmanalytics.quality.missing_from_newer`): perhaps deleted, its figures the
        older export's. A deleted reel headed October's top posts, with a dead link. A post
        is told by its id, or by its link where its file has another post of its id (the
        note names it so: :func:`~smmanalytics.quality.by_link`)."""
        gone = missing_from_newer(self.ds.quality)
        if not gone:
            return np.zeros(len(rows), dtype=bool)
        return np.array([(str(src), str(post)) in gone
                         or pd.notna(link) and (str(src), by_link(link)) in gone
                         for src, post, link in zip(column_or(rows, "source_file"),
                                                    rows["post_id"], column_or(rows, "permalink"),
                                                    strict=True)], dtype=bool)

    def _post_rows(self, rows: pd.DataFrame, marks: list | None = None) -> pd.DataFrame:
        """The posts' table; a post whose ``marks`` item is not None (published during an
        incident, see :meth:`top_posts`) has its date marked " *", a paid (boosted) post
        " †" (:meth:`_paid_legend`), one missing from a newer export " ‡"
        (:meth:`_missing_from_newer`)."""
        f = self.fmt
        marks = marks if marks is not None else [None] * len(rows)
        # a post dated to the day only (YouTube's, TikTok's, Pinterest's) on the day its
        # export gives: converted, a video of 1 October read 30/09 in New York
        local = post_dates(rows, self.tz)
        captions = []
        for cap, link in zip(rows["caption"], rows["permalink"], strict=True):
            text = self._caption(cap)
            text = text if len(text) <= 110 else text[:107] + "…"
            captions.append({"text": text, "link": link} if pd.notna(link) else text)
        return pd.DataFrame({
            f.label("published"): [f.date(d, "numeric") + ("" if m is None else " *")
                                   + (" †" if paid else "") + (" ‡" if gone else "")
                                   for d, m, paid, gone in zip(
                                       local, marks, _paid(rows),
                                       self._missing_from_newer(rows), strict=True)],
            f.label("platform"): [f.platform(p) for p in rows["platform"]],
            f.label("caption"): captions,
            f.label("interactions"): [f.number(v) for v in rows["interactions"]],
            **self._post_rates(rows),
        })

    def _caption(self, caption) -> str:
        """A post's caption as the PDF can draw it (:func:`~.builder.printable`): "—" for
        none, and a caption of emoji alone (which the PDF's fonts, Typst's own, lack) said to
        be so. A cell left empty hid which posts were November's two best, and the link on
        it, zero points wide, could not be clicked."""
        if pd.isna(caption) or not str(caption).strip():
            return "—"
        return printable(caption) or self.fmt.label("caption_emoji_only")

    def _post_rates(self, rows: pd.DataFrame) -> dict[str, list[str]]:
        """The posts' engagement rate column, each by its platform's measure
        (:meth:`_rate_by`): headed "Eng. rate / views" when they share one, else "Engagement
        rate" with each rate's measure beside it ("4.80 %" over "(by views)"). It was
        reach's alone: a TikTok post's read "–"."""
        f = self.fmt
        by = self._rate_by()
        dens = [by.get(str(p)) for p in rows["platform"]]
        rates = [f.percent(pd.NA if d is None else rows[f"er_{d}"].iloc[k])
                 for k, d in enumerate(dens)]
        shared = {d for d in dens if d is not None}
        if len(shared) <= 1:
            return {f.metric(f"er_{shared.pop() if shared else 'reach'}").split(" (")[0]: rates}
        return {f.metric("engagement_rate"): [
            v if d is None else f"{v}\n({f.label('rate_by_' + d)})"
            for v, d in zip(rates, dens, strict=True)]}

    # ---- audience ----------------------------------------------------------------------------
    def audience(self, top: int = 8) -> Section:
        """Who follows: the breakdowns the exports give (countries, gender, age, job functions…).

        Shows each platform's latest snapshot of each dimension, as shares of its audience.
        Categories in the report language where they are common words (gender, LinkedIn's
        seniority levels and job functions) or country codes; LinkedIn's industries as
        exported, which a French or Italian report says in a note.
        """
        f = self.fmt
        sec = self.section(f.label("audience"))
        aud = self.ds.audience
        if aud.empty:
            return self.text(sec, f.label("audience_none"))
        # each breakdown's latest snapshot describing a day up to the period's end (the day
        # before the snapshot's, as below), else its earliest later one, said in the note: the
        # December 2025 report showed the audience of 31 October 2026
        day = last_days_covered(aud["snapshot_at"], self.tz)
        after = (day > pd.Timestamp(self.period.end)).fillna(False)
        key = (aud["snapshot_at"].where(~after, pd.NaT), aud["snapshot_at"].where(after, pd.NaT))
        by = [aud["platform"], aud["dimension"]]
        before_max = key[0].groupby(by, observed=True).transform("max")
        after_min = key[1].groupby(by, observed=True).transform("min")
        chosen = before_max.where(before_max.notna(), after_min)
        latest = aud.loc[(aud["snapshot_at"] == chosen).fillna(False).to_numpy(bool)]
        panels = list(latest.groupby(["platform", "dimension"], observed=True, sort=True))
        with plt.rc_context(plots.theme()):
            for start in range(0, len(panels), 2):
                pair = panels[start:start + 2]
                # a lone last panel gets a figure of its own half width, not a hidden
                # neighbour: the figure is saved as its layout made it, uncropped
                fig, axes = plt.subplots(1, len(pair), figsize=(4 * len(pair), 2.6),
                                         squeeze=False)
                for ax, ((platform, dimension), g) in zip(axes[0], pair, strict=True):
                    plots.plot_audience(g, dimension=dimension, top=top, ax=ax,
                                        formatter=f.percent,
                                        name=lambda c, d=dimension: f.category(c, d),
                                        other=f.category("others"))
                    ax.set_title(f"{f.platform(platform)} · "
                                 f"{f.label('dim_' + dimension)}", fontsize="medium",
                                 loc="left", y=1.0)    # y: see Report.figure
                fig.tight_layout()
                # no caption (each panel is titled): a screen reader is told the panels' titles
                titles = f.listed([ax.get_title(loc="left") for ax in axes[0]])
                self.figure(sec, fig, width="100%" if len(pair) == 2 else "50%",
                            alt=f.label("audience_panels").format(panels=titles))
        # say which day the snapshots describe, as the cover does (Dataset.as_of): an export
        # of 15 November is taken at the start of the 16th and shows the audience at the end
        # of the 15th; a day after the period, as such
        days = (latest.assign(day=last_days_covered(latest["snapshot_at"], self.tz))
                .groupby("platform", observed=True, sort=True)["day"].max().dropna())
        later = days > pd.Timestamp(self.period.end)
        for key, shown in (("audience_asof", days[~later]), ("audience_asof_later", days[later])):
            if len(shown):
                dates = ([f.date(shown.iloc[0])] if shown.nunique() == 1 and len(shown) == len(
                    days) else [f"{f.date(d)} ({f.platform(p)})" for p, d in shown.items()])
                self.text(sec, f.label(key).format(dates=", ".join(dates)), note=True)
        # LinkedIn's seniority levels and job functions are said in the report language, its
        # industries as exported: their names in other languages are not confirmed (reference
        # §4.4), and an untranslated panel beside translated ones read as an oversight
        if f.lang != "en" and any(p == "linkedin" and d.endswith("industry")
                                  for (p, d), _ in panels):
            self.text(sec, f.label("audience_industries"), note=True)
        return sec

    # ---- data quality, method, provenance ----------------------------------------------------
    def quality_note(self) -> Section:
        """What the loaders merged, guessed or skipped, so the reader can weigh the figures.

        One row per kind of note (level and code; a missing metric's per metrics and fix, which
        its sentence names): what it means in the report's language
        (:meth:`Formatter.quality`), the number of files (by their path in the brand's folder,
        :func:`~smmanalytics.quality.shown_name`: instagram/main/x.csv and instagram/shop/x.csv
        are two) and of rows concerned, and one of the files; each file's detailed message is
        in ``ds.quality``.
        """
        f = self.fmt
        sec = self.section(f.label("quality"))
        q = self.ds.quality
        if self.logo_problem:       # the logo could not be read (builder.Report)
            q = pd.concat([q.astype(object), pd.DataFrame(
                [{"file": str(self.brand.logo), "level": "warning", "code": self.logo_code,
                  "message": self.logo_problem, "rows": None}])], ignore_index=True)
        if q.empty:
            return self.text(sec, f.label("quality_none"))
        # by its path in the brand's folder: two accounts' exports share names
        q = q.assign(file=q["file"].map(lambda p: shown_name(str(p), self.ds.root)))
        counts = q["level"].astype(str).value_counts()
        self.text(sec, " · ".join(f.labelled(f.label("level_" + lvl), counts.get(lvl, 0))
                                  for lvl in _LEVEL_ORDER))
        groups = quality_groups(q)
        example = f.label("quality_example")
        # the months the notes keep as data (cost_gaps); those of ds.costs for notes of an
        # older cache, which keep none
        named = {"gaps": self.costs_gaps_named()} if (
            (groups["code"] == "costs_month_missing") & groups["cost_gaps"].isna()).any() else {}
        if (groups["code"] == "costs_one_off_first").any():
            named |= self.costs_one_off_named()
        table = pd.DataFrame({
            f.label("level"): [f.label("level_" + v) for v in groups["level"]],
            f.label("files"): [f.number(v) for v in groups["files"]],
            f.label("rows"): [f.number(v) for v in groups["rows"]],
            f.label("note"): [printable(
                f"{self._quality_note(code, message, missing, gaps, named)} "
                f"({example.format(file=file)})")
                              for code, message, file, missing, gaps in
                              zip(groups["code"], groups["example"], groups["example_file"],
                                  groups["missing"], groups["cost_gaps"], strict=True)],
        })
        return self.table(sec, table, align=["left", "right", "right", "left"],
                          widths=["auto", "auto", "auto", "1fr"],
                          caption=f.label("quality_caption"))

    def _quality_note(self, code: str, message: str, missing, gaps, named: dict) -> str:
        """The sentence of a quality-table row: worded from its notes' facts (``missing``,
        ``gaps``: the months of costs.csv without a category, which ``named`` words from
        ds.costs for the notes of an older cache that keep none)."""
        if isinstance(gaps, tuple):
            named = {k: v for k, v in named.items() if k != "gaps"}
        return self.fmt.quality(code, message, missing=missing,
                                cost_gaps=gaps if isinstance(gaps, tuple) else None, **named)

    def method_notes(self) -> Section:
        f = self.fmt
        sec = self.section(f.label("method"))
        said = _METHOD[self.lang]
        notes = [said["interactions"]]
        if self._shows_x():         # after the definition of interactions
            notes.append(_METHOD_X[self.lang])
        by = self._rate_by()
        if by:
            # the key figures' column headers, as the table shows them
            notes.append(said["rate"].format(by=self._rates_said(by), **{
                how: f.label(key) for how, key in _KPI_RATES.items()}))
        if "reach" in by.values():
            notes.append(said["reach"])
        notes.append(said["times"].format(tz=self.tz)
                     + (said["meta"] if self._shows_meta() else "") + ".")
        if days := self._platform_days():       # after the note on times
            notes.append(_METHOD_DAYS[self.lang][0].format(days=days))
        notes.append(said["totals"].format(totals=self._totals()))
        if pooled := self._pooled_accounts():
            notes.append(_METHOD_ACCOUNTS[self.lang][0].format(each=pooled))
        return self.bullets(sec, notes)

    def _pooled_accounts(self) -> str:
        """The platforms whose period's posts are of several accounts, each with them:
        "Instagram, 2 accounts (Maison Sève and Maison Sève Shop)"; empty when none is."""
        f = self.fmt
        said = _METHOD_ACCOUNTS[self.lang][1]
        each = []
        for platform, g in self.posts.groupby("platform", observed=True, sort=True):
            names = account_names(g)
            if len(names) > 1:
                each.append(said.format(platform=f.platform(str(platform)),
                                        n=f.number(len(names)), names=f.listed(names)))
        return "; ".join(each)

    def _shows_x(self) -> bool:
        """Whether the report's platforms include X: those it covers when it covers some only
        (a best-times report of TikTok said what X's shares are), else its posts'."""
        if self.platforms:
            return "x" in self.platforms
        return bool((self.posts["platform"].astype("string") == "x").any())

    def _shows_meta(self) -> bool:
        """Whether Meta's exports (Facebook's, Instagram's) are read: their times are US
        Pacific, which the note on times then says. A brand of TikTok and YouTube was told of
        "Meta exports … US Pacific time"."""
        return not {"facebook", "instagram"}.isdisjoint(self.platforms
                                                        or social_platforms(self.ds))

    def _rate_by(self) -> dict[str, str]:
        """The measure each platform's engagement rate is by
        (:func:`~smmanalytics.metrics.rate_measures`), the all-platforms row's under "total"; a
        platform without a rate (no post, or none with interactions and one of the measures)
        is not there. YouTube's impressions are its
        thumbnails': no rate of its posts."""
        return rate_measures(self.engagement_table())

    def _rates_said(self, by: dict[str, str]) -> str:
        """Which measure the platforms' rates of ``by`` (:meth:`_rate_by`) are by, in the
        order of :data:`RATE_MEASURES`: "reach for Facebook and Instagram, views for TikTok and
        YouTube, impressions for LinkedIn and X"."""
        f = self.fmt
        return ", ".join(
            f.label("rate_by_for").format(measure=f.measure(d), platforms=f.listed(
                f.platform(p) for p in sorted(by) if p != "total" and by[p] == d))
            for d in RATE_MEASURES if d in {by[p] for p in by if p != "total"})

    def _total_rate_platforms(self, e: pd.DataFrame, den: str) -> list[str]:
        """The platforms (their names) whose posts the all-platforms rate by ``den`` pools,
        when they are not all the platforms that posted in the period; empty when they are.
        Its 7.65 % by reach (Facebook's and Instagram's 19,715 interactions ÷ 257,650 reached)
        read as every platform's 27,722 interactions ÷ 257,650 (10.76 %)."""
        rows = e.iloc[:-1]
        rows = rows.loc[(rows["posts"] > 0).fillna(False).to_numpy()]   # not a quiet platform
        with_rate = rows.loc[rows[f"er_{den}_pooled"].notna(), "platform"]
        if 0 < len(with_rate) < len(rows):
            return [self.fmt.platform(p) for p in with_rate]
        return []

    def _rates_caption(self, by: dict[str, str]) -> str:
        """The key figures' caption on their rates: the measure of each platform's (``by``,
        :meth:`_rate_by`), and that a rate says its measure beside it when some are by reach
        and some by another (by reach alone, no rate says one; by none, every rate does)."""
        f = self.fmt
        measures = {d for p, d in by.items() if p != "total"}
        marked = "reach" in measures and len(measures) > 1
        return f.label("kpi_rates_caption").format(
            by=self._rates_said(by), marked=f.label("kpi_rates_marked") if marked else "")

    def _rate_cells(self, e: pd.DataFrame, how: str, by: dict[str, str],
                    mark: str = "") -> list[str]:
        """The key figures' rate column ``how`` ("median", "pooled") of the engagement table
        ``e``: each row's by its measure of ``by``, which a rate by other than reach says
        beside it ("11.52 %" over "(by views)"); "–" for a row without a rate. The
        all-platforms row's rate carries ``mark`` (that of :meth:`_total_rate_platforms`)."""
        f = self.fmt
        cells = []
        for platform, row in zip(e["platform"], e.to_dict("records"), strict=True):
            d = by.get(str(platform))
            value = f.percent(pd.NA if d is None else row[f"er_{d}_{how}"])
            if str(platform) == "total" and d is not None:
                value += mark
            cells.append(value if d in (None, "reach")
                         else f"{value}\n({f.label('rate_by_' + d)})")
        return cells

    def _platform_days(self) -> str:
        """The zones daily account series count their days in where not the brand's: "Pacific
        time for Facebook and Instagram, UTC for TikTok and X" (empty when all are the
        brand's). The alerts name them beside their days; the method note said only that
        times were converted to the audience's zone."""
        f = self.fmt
        by_zone: dict[str, list[str]] = {}
        for platform, zone in sorted(metrics.day_zones(self.ds.daily).items()):
            if zone != self.tz:
                by_zone.setdefault(zone, []).append(f.platform(platform))
        said = _METHOD_DAYS[self.lang][1]
        return ", ".join(said.format(zone=f.zone(zone), platforms=f.listed(names))
                         for zone, names in by_zone.items())

    def _totals(self) -> str:
        """What the period's posts' figures are, for the method note: lifetime totals as of
        a day (:meth:`_totals_asof`) and, for posts whose export gives a date range's figures
        (YouTube Studio's table, ``window_start`` to ``window_end``), that range's
        (:meth:`_totals_ranges`): "lifetime totals as of 1 November 2026 for LinkedIn;
        figures from 1 to 31 October 2026 for YouTube, the range chosen in Studio".

        Every post's figures were said to be lifetime totals as of its snapshot's day:
        YouTube's views of 1 to 31 October read as lifetime views to 5 December, the day the
        zip was made."""
        f = self.fmt
        posts = self.posts
        ranged = (column_or(posts, "window_start").notna()
                  & column_or(posts, "window_end").notna()).to_numpy(bool)
        parts = []
        if not len(posts) or not ranged.all():      # lifetime posts (none: the data's day)
            parts.append(f.label("totals_lifetime").format(
                asof=self._totals_asof(posts.loc[~ranged], named=bool(ranged.any()))))
        return f.join(parts + self._totals_ranges(posts.loc[ranged]))

    def _totals_ranges(self, posts: pd.DataFrame) -> list[str]:
        """One clause per date range ``posts``' figures cover, with its platforms, in the
        order of the ranges ("figures from 1 to 31 October 2026 for YouTube, the range chosen
        in Studio")."""
        f = self.fmt
        spans = (posts.groupby(["window_start", "window_end"], sort=True)["platform"]
                 .agg(lambda p: sorted(set(p.astype("string").dropna()))))
        return [f.label("totals_range").format(
            days=f.ranged(f.label("period_days"), first, last),
            platforms=f.listed(f.platform(p) for p in platforms))
            for (first, last), platforms in spans.items()]

    def _totals_asof(self, posts: pd.DataFrame, *, named: bool = False) -> str:
        """The days ``posts``' lifetime totals are as of, per platform where they
        differ ("31 October 2026 for Instagram and X, as of 15 November 2026 for Facebook");
        one day when every post's is the same, unless ``named`` (other posts' figures are a
        range's: the clause names its platforms). A post's day is the cover's reading of its
        snapshot (Dataset.as_of, :func:`~smmanalytics.periods.last_days_covered`): the day before
        the snapshot's, or a UTC midnight's UTC day (TikTok's export of 31 October read "as of
        30 October" in New York). A platform whose posts come from exports of several
        days has each of them, with its posts (:meth:`_asof_days`). Without a post in the
        period, the data's as-of day (the cover's).

        The newest export of any platform was said for all of them: a Meta export of
        15 November made the totals of X, exported on 31 October, read as of 15 November; and
        a platform's newest export for all its posts: a quarter's 11 Instagram posts last
        exported on 2 January read as of 2 February, the day of the other 21."""
        f = self.fmt
        posts = posts.dropna(subset=["snapshot_at"])
        if not len(posts):
            return f.date(self.asof) if self.asof is not None else "–"
        day = last_days_covered(posts["snapshot_at"], self.tz)
        story = (column_or(posts, "content_type").astype("string") == "story").fillna(False)
        ends = posts["source_file"].isin(self._range_end_files()).to_numpy(bool)
        counts = (pd.DataFrame({"platform": posts["platform"], "day": day, "range_end": ends,
                                "posts": 1, "stories": story.astype(int).to_numpy()})
                  .groupby(["platform", "day", "range_end"], observed=True, sort=True).sum())
        if day.nunique() == 1 and len(set(ends)) == 1 and not named:
            return self._asof_date(day.iloc[0], ends[0])
        # platforms whose days read alike share a clause; the clauses by their latest day
        groups: dict[str, tuple[object, list[str]]] = {}
        for plat, n in counts.groupby(level="platform", observed=True, sort=True):
            n = n.droplevel("platform")
            groups.setdefault(self._asof_days(n), (n.index.max(), []))[1].append(
                f.platform(plat))
        ordered = sorted(groups.items(), key=lambda g: g[1][0])
        return "".join(f.label("totals_asof_for" if k == 0 else "totals_asof_also").format(
            date=days, platforms=f.listed(names))
            for k, (days, (_, names)) in enumerate(ordered))

    def _asof_days(self, counts: pd.DataFrame) -> str:
        """One platform's snapshot days (``counts``: its posts and stories per day, in
        order), worded: the day alone when its posts share it, else each day with its posts
        ("2 January 2026 (11 posts) and 2 February 2026 (21 posts)"); of more than
        :data:`_ASOF_DAYS_LISTED` days, the first and the last with their number ("… (5
        export days)")."""
        f = self.fmt
        if len(counts) == 1:
            return self._asof_date(*counts.index[0])
        parts = [self._asof_day(self._asof_date(*day), n, k)
                 for day, n, k in zip(counts.index, counts["posts"], counts["stories"],
                                      strict=True)]
        # French and Italian say the preposition again: "au 2 janvier … et au 2 février"
        parts[1:] = [f.label("totals_asof_next").format(when=p) for p in parts[1:]]
        if len(parts) > _ASOF_DAYS_LISTED:
            return f.label("totals_asof_span").format(first=parts[0], last=parts[-1],
                                                      n=f.number(len(parts)))
        return f.listed(parts)

    def _asof_date(self, day, range_end: bool) -> str:
        """A snapshot's day said: the day, or for an export whose time is only the end of
        the range its name gives (``range_end``, quality code ``snapshot_range_end``: X's
        content export) "the export (range ending 31 October 2026)": "lifetime totals as
        of 31 October 2026" claimed a day no file states."""
        f = self.fmt
        return (f.label("totals_asof_range_end").format(date=f.date(day)) if range_end
                else f.date(day))

    def _range_end_files(self) -> set[str]:
        """The files whose snapshot is the end of the range their name gives."""
        q = self.ds.quality
        if not len(q) or not {"code", "file"} <= set(q.columns):
            return set()
        return set(q.loc[q["code"].eq("snapshot_range_end").fillna(False).to_numpy(bool),
                         "file"].astype(str))

    def _asof_day(self, date: str, n: int, stories: int) -> str:
        """A snapshot day (``date``, said by :meth:`_asof_date`) with its ``n`` posts,
        ``stories`` of them stories, said as such: Instagram's export of October's 12
        stories read "1 November 2026 (12 posts)" where the rest of the report said "incl.
        12 stories"."""
        f = self.fmt
        if stories == n:
            key = "totals_asof_stories_one" if n == 1 else "totals_asof_stories_other"
        elif stories:
            return f.label("totals_asof_posts_mixed").format(
                date=date, n=f.number(n), stories=self._stories(stories))
        else:
            key = "totals_asof_posts_one" if n == 1 else "totals_asof_posts_other"
        return f.label(key).format(date=date, n=f.number(n))

    def provenance(self, parameters: dict | None = None) -> Section:
        """Input files with their SHA-256, the package version and the parameters."""
        f = self.fmt
        sec = self.section(f.label("provenance"))
        self.text(sec, f.labelled(f.label("version"), f"smmanalytics {__version__}"))
        if parameters:
            self.text(sec, f.labelled(f.label("parameters"), ", ".join(
                f"{k}={v}" for k, v in parameters.items())))
        files = self.ds.files
        if files is not None and not files.empty:
            root = str(self.ds.root) if self.ds.root is not None else ""
            table = pd.DataFrame({
                f.label("file"): [str(p).removeprefix(root).lstrip("/") for p in files["path"]],
                f.label("sha256"): [str(h)[:16] for h in files["sha256"]],
                f.label("rows"): [f.number(r) for r in files["rows"]],
            })
            self.table(sec, table, align=["left", "left", "right"],
                       widths=["1fr", "auto", "auto"], caption=f.label("sha256_caption"))
        return sec


#: the data-quality table's order of levels
_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


def _all_gaps(gaps: pd.Series) -> tuple | None:
    """The months of costs.csv without a category the notes of one quality-table row keep
    (``cost_gaps``, one month a note), by month, each once; None when none keeps any."""
    found = {g for kept in gaps if isinstance(kept, tuple) for g in kept}
    return tuple(sorted(found)) or None


def quality_groups(q: pd.DataFrame) -> pd.DataFrame:
    """The data-quality table's rows of the notes ``q`` (a ``ds.quality`` table, files named
    as the report shows them): one per level and kind of note (:func:`note_kind`), with the
    number of files, the rows summed, and the first note's message and file, errors first,
    then by most files. A metric missing from an export (``expected_metric_missing``) has a
    row per metrics and fix (its note's ``missing_metrics``, given as ``missing``), which its
    sentence names: one row worded from its first file's message told a second file missing
    another metric as the first's. ``cost_gaps``: the months of costs.csv without a category
    that the row's notes keep as data, all of them (:func:`_all_gaps`), which its sentence
    names.
    """
    codes = q["code"].astype(str)
    facts = [m if isinstance(m, MissingMetrics) else None
             for m in column_or(q, "missing_metrics", None, object)]
    gaps = pd.Series([g if isinstance(g, tuple) else None
                      for g in column_or(q, "cost_gaps", None, object)], index=q.index,
                     dtype=object)
    q = q.assign(level=q["level"].astype(str),
                 # dates re-written by a spreadsheet: a row per order they were read in
                 code=[note_kind(c, m) for c, m in zip(codes, q["message"], strict=True)],
                 rows=pd.to_numeric(q["rows"], errors="coerce"),
                 said=[repr(m) if c == "expected_metric_missing" else ""
                       for c, m in zip(codes, facts, strict=True)],
                 missing=pd.Series(facts, index=q.index, dtype=object), cost_gaps=gaps)
    by_kind = q.groupby(["level", "code", "said"], sort=False)
    return (by_kind.agg(files=("file", "nunique"), example=("message", "first"),
                        example_file=("file", "first"), missing=("missing", "first"),
                        cost_gaps=("cost_gaps", _all_gaps))
            .assign(rows=by_kind["rows"].sum(min_count=1))
            .reset_index()
            .sort_values(["level", "files"], key=lambda s: s.map(_LEVEL_ORDER) if s.name ==
                         "level" else -s, kind="stable"))


def stories_by_platform(posts: pd.DataFrame, metric: str = "posts") -> dict[str, int]:
    """The stories (``content_type`` "story") among ``posts`` that ``metric``'s figure counts,
    by platform (None: those without one); none where the posts have no content type.

    A figure counts a story whose value it sums: every one for ``posts``; for ``er_reach``,
    one with interactions and a reach above 0 (:func:`~smmanalytics._actuals.
    interactions_reach`); for another metric (interactions, reach…), one where it is known.
    Instagram's 12 stories of October were in its 16,778 interactions and 8.92 % with no
    word of them, where the benchmarks leave them out (16,528, 9.51 %)."""
    if "content_type" not in posts or posts.empty:
        return {}
    story = (posts["content_type"].astype("string") == "story").fillna(False).to_numpy()
    if metric != "posts":
        story &= _counted(posts, metric)
    counts = posts.loc[story, "platform"].astype("string").value_counts(dropna=False)
    return {None if pd.isna(p) else str(p): int(n) for p, n in counts.items()}


def _counted(posts: pd.DataFrame, metric: str):
    """Whether each post has a value of ``metric`` (``er_reach``: interactions and a reach
    above 0, as the rate pools them); an array of bools."""
    if metric in ("interactions", "er_reach"):
        known = metrics.post_interactions(posts).notna()
        if metric == "er_reach":
            reach = column_or(posts, "reach", dtype="Float64").astype("Float64")
            known &= reach.notna() & (reach > 0)
        return known.fillna(False).to_numpy(bool)
    return column_or(posts, metric, dtype="Float64").notna().to_numpy(bool)

def _coverage_lines(ds, period, f) -> tuple[list[str], list[str]]:
    """The cover's lines on platforms whose data start within the report's period, and its
    warnings on those whose data end within it or stop before it: a month's figures without
    X's, because its October export was not downloaded, would otherwise read as a month X was
    idle.

    A platform's days are its posts exports' when they say which days they cover, else its
    daily rows' and exports' (:func:`~smmanalytics._actuals.platform_span`); a platform known
    by its posts alone is not named (its last post is no end of its data). The period ends at
    the data's last day. A platform whose data all stopped before the stretch of the period's
    length before it (a platform the brand left) is not named either.

    The lines are not yet in the language's prose: BrandReport puts every cover line in it
    once, while the files' names are still marked; done here too, the second pass rewrote
    them ("copie de Instagram x.csv" → "copie d'Instagram x.csv").
    """
    # a platform brand.yaml names with no export at all (TikTok's never downloaded): its
    # figures are unknown, and no other line names it
    missing = [f.label("cover_platform_no_export").format(platform=f.platform(p))
               for p in declared_unexported(ds)]
    if (days := data_days(ds, period.start, period.end)) is None:
        return [], missing
    begin, end = days
    starts, stops = [], []
    if (begin > period.start or end < period.end) and begin <= end:
        # a year reported in October, or from the first export on: nothing else says that
        # its totals are those of part of the year
        stops.append(f.ranged(f.label("cover_period_partial"), begin, end).format(
            days=f.number((end - begin).days + 1), total=f.number(period.days)))
    for platform in social_platforms(ds):
        platform_starts, platform_stops = _platform_coverage(ds, period, f, platform, begin, end)
        starts += platform_starts
        stops += platform_stops
    return starts, stops + missing


def _platform_coverage(ds, period, f, platform: str, begin: dt.date, end: dt.date
                       ) -> tuple[list[str], list[str]]:
    """:func:`_coverage_lines`' lines on one platform, whose data the report's data days
    ``begin`` to ``end`` bound: the cover's line on its data starting within the period, and
    its warnings on its data starting after it, stopping before it, with gaps or ending
    within it (an unread export that may hold the days after named)."""
    starts: list[str] = []
    stops: list[str] = []
    span = platform_span(ds, platform, end)
    # a month's posts export missing is a gap, named as such
    first, last, gaps = span_extent(ds, span, begin, end)
    if first is None or not span.known:
        return [], []
    name = f.platform(platform)
    kind = "whose_posts_exports" if span.by_posts_exports else "whose_data"
    whose = f.label(kind).format(platform=name)
    values = {"platform": name, "whose": whose, "Whose": whose[:1].upper() + whose[1:]}
    # an export that could not be read and may hold the days after ``last`` (X's content
    # export to 31 October with a broken date): the data stop because it was not read,
    # not because no export reaches further
    unread = ([f.verbatim(shown_name(u, ds.root))
               for u in unread_exports(ds, platform, after=last)]
              if last < end else [])
    if unread:
        values |= {"files": ", ".join(unread[:3]) + (", …" if len(unread) > 3 else ""),
                   "section": f.label("quality")}
    if first > end:
        # named as one stopping before the period is: Facebook's posts exports starting
        # in January, its daily rows reaching back to September, the cover said nothing
        # of Q4's Facebook posts
        if ((first - period.end).days <= period.days
                or ds.span(platform, web=False)[0] <= period.end):
            stops.append(f.label("cover_platform_later").format(date=f.date(first), **values))
        return [], stops
    if last < period.start:
        # named while the platform's other data reach the period (its daily rows: still
        # active), or stopped within the stretch before it, or an unread export may
        if (unread or (period.start - last).days <= period.days
                or ds.span(platform, web=False)[1] >= period.start):
            # its posts exports stop, its daily rows go on: those figures are shown
            posts_only = span.by_posts_exports and daily_in(ds, platform, period.start, end)
            key = ("cover_platform_posts_missing" if posts_only else "cover_platform_missing"
                   ) + ("_unread" if unread else "")
            stops.append(f.label(key).format(date=f.date(last), **values))
        return [], stops
    if first > begin:
        starts.append(f.label("cover_platform_starts").format(date=f.date(first), **values))
    stops += _gap_warnings(f, "cover_platform_gap", gaps, **values)
    if last < end:
        key = "cover_platform_ends_unread" if unread else "cover_platform_ends"
        if not unread and _holds_part_of(ds, platform, last, end):
            key, values = "cover_platform_ends_part", values | {
                "day": f.date(end), "tz": f.zone(ds.brand.timezone)}
            # the zone the exports count their days in, named where it is not the brand's
            # ("in their own time zone" left the reader to guess UTC or Pacific time)
            if (zone := _export_zone(ds, platform)) and zone != ds.brand.timezone:
                key, values = "cover_platform_ends_part_zone", values | {"zone": f.zone(zone)}
        stops.append(f.label(key).format(date=f.date(last), **values))
    return starts, stops


def _export_zone(ds, platform: str) -> str | None:
    """The zone ``platform``'s exports count their days in, as its loader records it on its
    daily rows (``day_tz``: Meta's Pacific days, UTC for X, LinkedIn, TikTok and YouTube), or
    None when no daily row says."""
    return metrics.day_zones(ds.daily).get(platform) if ds.daily is not None else None


def _holds_part_of(ds, platform: str, last: dt.date, end: dt.date) -> bool:
    """Whether ``platform``'s exports, which stop on ``last`` (a day of their own zone), reach
    into the next day, the report's last (``end``), in the brand's zone: then they miss only
    part of that day. So when the zone of its daily rows (``day_tz``, Meta's Pacific days)
    ends ``last`` after ``end`` begins in the brand's, or when one of its posts falls on
    ``end`` there. Sydney's campaign ended with a post at 04:31 on 1 November, 31 October in
    the UTC and Pacific days of the exports, and the cover said of every platform "the
    exports stop on 31 October 2026", a day before the report's last, in a zone it did not
    name."""
    if (end - last).days != 1:
        return False
    tz = ds.brand.timezone
    zone = metrics.day_zones(ds.daily).get(platform) if ds.daily is not None else None
    if zone and (pd.Timestamp(end).tz_localize(zone, ambiguous=True, nonexistent="shift_forward")
                 > pd.Timestamp(end).tz_localize(tz, ambiguous=True,
                                                 nonexistent="shift_forward")):
        return True
    posts = ds.posts
    if posts is None or not len(posts):
        return False
    mine = posts.loc[posts["platform"].eq(platform).fillna(False).to_numpy(bool)]
    return bool(len(mine)) and bool(post_dates(mine, tz).eq(pd.Timestamp(end)).any())


def _gap_warnings(f, key: str, gaps: list[tuple[dt.date, dt.date]], **values) -> list[str]:
    """The cover's warning on each of ``gaps`` (first and last day), by label ``key``, or
    ``key``'s "_day" one for a single day."""
    said = []
    for start, end in gaps:
        if start == end:
            said.append(f.label(f"{key}_day").format(date=f.date(start), **values))
        else:
            shown_start, shown_end = f.days(start, end)
            said.append(f.label(key).format(start=shown_start, end=shown_end, **values))
    return said


def _ga4_gaps_warning(ds, period, f) -> list[str]:
    """The cover's warnings on the days of the period no GA4 export covers between others
    (:func:`~smmanalytics._web.uncovered_runs`), up to the data's last day: a quarter
    without its August export said so of its posts exports, not of GA4's, whose sessions
    and revenue then lack a month."""
    if (days := data_days(ds, period.start, period.end)) is None:
        return []
    return _gap_warnings(f, "cover_ga4_gap", uncovered_runs(ds.web, *days))


def _posts_known(ds, period) -> bool:
    """Whether the posts exports of every platform with posts data cover some of ``period``'s
    days (and some platform has posts data): a period without a post is then one the brand
    did not post in, its count 0 and not unknown (:func:`_posts_days`)."""
    covering, uncovered = _posts_days(ds, period)
    return bool(covering) and not uncovered


def _posts_days(ds, period) -> tuple[list[str], list[tuple[str, list[tuple[dt.date, dt.date]]]]]:
    """The platforms with posts data whose posts exports cover some of ``period``'s days
    (:func:`~smmanalytics._actuals.posts_cover`, the rule of ``compare`` and of the key
    figures' platforms without a post): a period without a post there is one the brand did not
    post in; and the others, each with the stretches of days its posts exports cover
    (:func:`~smmanalytics._actuals.posts_coverage`; its data's first and last days when its
    exports do not say theirs, as TikTok's do not): their posts of the period are unknown.
    Instagram's October export without a row made Facebook's October 0 as well, its exports
    stopping on 30 September.

    Made once a period for a report's Dataset (:func:`~smmanalytics.periods.remembered`): the
    cover, the key figures and the sections without a post asked it three times, 0.4 s of
    profiled CPU each. The lists given are the caller's own."""
    covering, uncovered = remembered(ds, ("posts_days", period),
                                     lambda: _posts_days_made(ds, period))
    return list(covering), [(p, list(s)) for p, s in uncovered]


def _posts_days_made(ds, period) -> tuple[list[str], list[tuple[str, list]]]:
    """:func:`_posts_days`, made."""
    platforms = [p for p in sorted(PLATFORMS) if has_posts_data(ds, p)]
    covering = [p for p in platforms if posts_cover(ds, p, period.start, period.end)]
    uncovered = []
    for platform in platforms:
        if platform in covering:
            continue
        stretches = posts_coverage(ds, platform)
        if not stretches:
            first, last = ds.span(platform, web=False)
            stretches = [(first, last)] if first is not None else []
        uncovered.append((platform, stretches))
    return covering, uncovered


def _brand_defaults_warning(ds, f) -> list[str]:
    """The cover's warning when no brand.yaml was found (``brand_defaults`` in the quality
    log): every day, month and hour is UTC's and the brand's name a default, which the cover
    did not say."""
    if not ds.quality["code"].eq("brand_defaults").fillna(False).any():
        return []
    return [f.label("cover_brand_defaults").format(name=f.verbatim(ds.brand.name),
                                                   section=f.label("quality"))]


def _undrawn_warning(ds, posts: pd.DataFrame, f) -> list[str]:
    """The cover's warning when the report's text holds characters its fonts lack (Chinese,
    Japanese…: the PDF embeds no font of them): they were drawn as empty boxes, and the PDF's
    text was wrong, with no word of it. Names the fields and the first characters' codes.
    Campaigns are checked as the tables show them (:func:`~smmanalytics.roi.campaign_names`:
    a GA4 campaign decoded, ``%E5%A4%8F`` drawn 夏), not only costs.csv's."""
    fields = {"glyphs_brand": [ds.brand.name],
              "glyphs_captions": posts["caption"].dropna().astype(str).tolist()
              if "caption" in posts.columns else [],
              "glyphs_campaigns": list(campaign_names(ds).values()),
              "glyphs_competitors": ds.competitors["competitor"].dropna().astype(str).tolist()
              if "competitor" in ds.competitors.columns else []}
    lacking = {key: undrawn(texts) for key, texts in fields.items()}
    lacking = {key: chars for key, chars in lacking.items() if chars}
    if not lacking:
        return []
    chars = list(dict.fromkeys(c for cs in lacking.values() for c in cs))
    codes = ", ".join(f"U+{ord(c):04X}" for c in chars[:6]) + (", …" if len(chars) > 6 else "")
    return [f.label("cover_glyphs").format(
        fields=", ".join(f.label(key) for key in lacking), codes=codes)]


def _foreign_warning(ds, f) -> list[str]:
    """The cover's warning when files held the rows of an account brand.yaml does not declare
    (``account_not_declared`` notes: another brand's export in the folder, left out of the
    Dataset, :mod:`smmanalytics._accounts`): the figures are the brand's alone, which the
    manager who put the file there expected otherwise. Names the first three files; the
    data-quality section has each account found and the one declared."""
    notes = ds.quality.loc[ds.quality["code"].eq("account_not_declared").fillna(False)
                           .to_numpy()]
    files = list(dict.fromkeys(notes["file"].astype(str)))
    if not files:
        return []
    shown = ", ".join(f.verbatim(shown_name(file, ds.root)) for file in files[:3])
    key = "cover_foreign_one" if len(files) == 1 else "cover_foreign_other"
    return [f.label(key).format(n=f.number(len(files)), files=shown + (", …" if len(files) > 3
                                                                        else ""),
                                section=f.label("quality"))]


def _cut_off_warning(ds, posts: pd.DataFrame, f) -> list[str]:
    """The cover's warning when posts of the report come from an export cut off inside its last
    row (``file_cut_off`` notes): how many, and the files. A Facebook export cut by an
    interrupted download lost a post from October's figures, and a goal read "missed", with
    only a row of the data-quality section to say the file was cut; a cut row now takes what
    it lost from an older export where one has it, but the figures still come from that file."""
    return _posts_of_noted_files(ds, posts, f, "file_cut_off", "cover_cut_off")


def _unchecked_warning(ds, posts: pd.DataFrame, f) -> list[str]:
    """The cover's warning when posts of the report come from an export that names no account
    (``account_unchecked`` notes, :mod:`smmanalytics._accounts`): they are counted as the
    brand's, unchecked. An Italian export of a rival Page, its account columns unread, doubled
    a trattoria's 18 posts to 36 (every top post listed twice, 8.1 posts a week for 4.1) with
    only a row of the data-quality section to say so. How many posts, and the files."""
    return _posts_of_noted_files(ds, posts, f, "account_unchecked", "cover_unchecked")


def _posts_of_noted_files(ds, posts: pd.DataFrame, f, code: str, label: str) -> list[str]:
    """The cover's warning ``label`` (its ``_one`` and ``_other`` forms) when posts of the
    report come from files the quality log notes with ``code``: how many posts, and the
    files (three named at most)."""
    quality = ds.quality
    noted = set(quality.loc[quality["code"].eq(code).fillna(False).to_numpy(),
                            "file"].astype(str))
    if not noted or "source_file" not in posts.columns:
        return []
    files = posts["source_file"].astype("string")
    from_noted = files.isin(noted).to_numpy(dtype=bool, na_value=False)
    if not from_noted.any():
        return []
    names = sorted({f.verbatim(shown_name(x, ds.root)) for x in files[from_noted]})
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    n = int(from_noted.sum())
    return [f.label(f"{label}_one" if n == 1 else f"{label}_other").format(
        n=f.number(n), files=shown, section=f.label("quality"))]


def _unread_warning(ds, f) -> list[str]:
    """The cover's warnings when files could not be read: how many, the first three by their
    path in the brand's folder, else by name (the data-quality section lists them all, with
    why). A failed export's figures are missing; a failed settings file of the brand (goals,
    costs, synonyms…) was done without: each gets its own line."""
    exports, settings = [], []
    for file in unread_files(ds.quality):
        name = f.verbatim(shown_name(file, ds.root))       # "export de Instagram.csv"
        (settings if file_name(file).lower() in SETTINGS_FILES else exports).append(name)
    lines = []
    for names, stem in ((exports, "cover_unread"), (settings, "cover_settings_unread")):
        if not names:
            continue
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        key = f"{stem}_one" if len(names) == 1 else f"{stem}_other"
        lines.append(f.label(key).format(n=f.number(len(names)), files=shown,
                                         section=f.label("quality")))
    return lines



def _paid(posts: pd.DataFrame) -> np.ndarray:
    """Whether each post is known to be paid (boosted): its export's flag, an unknown one
    (Instagram's exports carry none) read as not known to be paid."""
    return column_or(posts, "paid", dtype="boolean").fillna(False).to_numpy(dtype=bool)
