"""The report builder: PDF text carries the figures the API computes, in the report language."""

from __future__ import annotations

import base64
import dataclasses
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from smmanalytics import Brand, Dataset, ReportError, metrics, schema
from smmanalytics.loaders._registry import snapshot_from_name
from smmanalytics.quality import QualityLog
from smmanalytics.report import BrandReport, Formatter, posts_in_period


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def ds(rng):
    n = 40
    df = pd.DataFrame({
        "platform": rng.choice(["instagram", "facebook"], n),
        "post_id": [f"p{i}" for i in range(n)],
        "caption": [f"Légende n°{i} #soin *gras* $x [lien]" for i in range(n)],
        "permalink": [f"https://www.instagram.com/p/C{i:05d}/" for i in range(n)],
        "published_at": pd.Timestamp("2026-09-25", tz="UTC")
        + pd.to_timedelta(rng.integers(0, 40 * 24, n), unit="h"),
        "reactions": rng.integers(0, 400, n).astype(float),
        "comments": rng.integers(0, 40, n).astype(float),
        "shares": rng.integers(0, 30, n).astype(float),
        "reach": rng.integers(800, 9000, n).astype(float),
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC"),
    })
    return Dataset(posts=schema.conform(df, "posts"),
                   brand=Brand(name="Maison Sève", timezone="Europe/Paris", language="fr"))


@pytest.mark.parametrize("lang", ["fr", "en", "it"])
def test_pdf_shows_the_api_figures_in_the_report_language(ds, lang):
    rep = BrandReport(ds, "2026-10", lang=lang)
    rep.kpi_table()
    rep.engagement_charts()
    rep.top_posts()
    rep.quality_note()
    rep.method_notes()
    text = _pdf_text(rep.pdf_bytes())
    october = posts_in_period(ds.posts, rep.period, "Europe/Paris")
    e = metrics.engagement(october, by=None)
    f = Formatter(lang)
    # every figure on the KPI cards is the API's, formatted for the reader
    assert f.number(e.loc[0, "interactions"]) in text
    assert f.percent(e.loc[0, "er_reach_pooled"]) in text
    assert f.number(len(october)) in text
    month = {"fr": "octobre 2026", "en": "October 2026", "it": "ottobre 2026"}[lang]
    assert month in text


def test_same_inputs_give_the_same_pdf(ds):
    def build():
        rep = BrandReport(ds, "2026-10", lang="fr")
        rep.kpi_table()
        rep.engagement_charts()
        return rep.pdf_bytes()
    assert build() == build()


def test_a_video_dated_to_the_day_is_shown_on_that_day_west_of_utc():
    """A New York brand's YouTube video dated "Oct 1, 2026" (known to the day, stored at 00:00
    UTC) was listed among October's top posts as published "30/09/2026": midnight UTC is
    20:00 on 30 September in New York. It reads 01/10/2026, the day its export gives; an
    Instagram post at 02:00 UTC on 2 October, known to the minute, is 22:00 on 1 October in
    New York: 01/10/2026 too."""
    df = pd.DataFrame({
        "platform": ["youtube", "instagram"], "post_id": ["v1", "p1"],
        "caption": ["Vidéo", "Photo"], "permalink": [pd.NA, pd.NA],
        "published_at": pd.to_datetime(["2026-10-01T00:00Z", "2026-10-02T02:00Z"], utc=True),
        "time_precision": ["day", "minute"], "reactions": [12.0, 5.0],
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="America/New_York", language="en"))
    rep = BrandReport(ds, "2026-10", lang="en")
    table = rep.top_posts(n=2).blocks[-1]
    assert [row[:2] for row in table["rows"]] == [["01/10/2026", "YouTube"],
                                                  ["01/10/2026", "Instagram"]]


def test_empty_period_says_so(ds):
    rep = BrandReport(ds, "2025-01", lang="en")
    sec = rep.kpi_table()
    assert "No posts were published" in sec._repr_html_()
    assert "No posts were published" in _pdf_text(rep.pdf_bytes())


def test_write_pdf_is_atomic(ds, tmp_path):
    rep = BrandReport(ds, "2026-10", lang="en")
    rep.kpi_table()
    out = rep.write_pdf(tmp_path / "a" / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["r.pdf"]


def test_write_pdf_writes_the_calendars_beside_the_pdf_and_none_without_it(ds, tmp_path,
                                                                            monkeypatch):
    """The calendars are made while Typst compiles the PDF, and written after it: the same
    files as write_calendars; none when the PDF cannot be made."""
    import typst

    rep = BrandReport(ds, "2026-10", lang="fr")
    rep.best_times(platforms=["instagram"])
    out = rep.write_pdf(tmp_path / "a" / "r.pdf")
    assert out.read_bytes() == rep.pdf_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["r-instagram.ics", "r.pdf"]
    [alone] = rep.write_calendars(tmp_path / "b" / "r.pdf")
    assert (out.parent / "r-instagram.ics").read_bytes() == alone.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("error: unknown font")

    monkeypatch.setattr(typst, "compile", broken)
    with pytest.raises(ReportError, match="Typst could not render the report: error: unknown"):
        rep.write_pdf(tmp_path / "c" / "r.pdf")
    assert not (tmp_path / "c").exists()


def test_section_reads_as_plain_text(ds):
    """A section's text repr (a console, a notebook's text view) reads as the section: it was
    the dataclass' one line of block dicts."""
    rep = BrandReport(ds, "2026-10", lang="fr")
    text = repr(rep.kpi_table())
    october = posts_in_period(ds.posts, rep.period, "Europe/Paris")
    e = metrics.engagement(october, by=None)
    f = Formatter("fr")
    lines = text.splitlines()
    assert lines[:2] == ["Chiffres clés par plateforme", "=" * 28]
    assert f"Interactions: {f.number(e.loc[0, 'interactions'])}" in lines[3]
    assert f"Publications: {len(october)}" in lines[3]
    assert "{'kind'" not in text and "blocks=" not in text
    assert repr(rep.engagement_charts()).splitlines()[3] == \
        "[figure: Interactions par jour de publication]"


def test_section_displays_as_html(ds):
    rep = BrandReport(ds, "2026-10", lang="fr")
    html = rep.engagement_charts()._repr_html_()
    # each figure is shown as an <img> of the very SVG that goes to the PDF
    shown = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    assert [base64.b64decode(s) for s in shown] == list(rep.figures.values())
    assert len(shown) == 2 and html.count("<figure") == 2
    assert np.isfinite(rep.engagement_table()["posts"].astype(float)).all()


def test_printable_drops_pictographs_and_keeps_text_signs():
    from smmanalytics.report.sections import printable

    assert printable("Zoom 🔬 lot n° 2619 ✨👩‍🔬 © 12 €\n  fin") == "Zoom lot n° 2619 © 12 € fin"


def test_quality_note_summarises_by_kind(ds):
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    log = QualityLog()
    for name in ("a.csv", "b.csv", "b.csv"):
        log.add(f"/data/{name}", "not_understood", f"{name} matches no known export format")
    log.add("/data/c.csv", "dst_ambiguous", "1 time in the repeated hour", level="info",
            rows=1)
    log.add("/data/d.csv", "dst_ambiguous", "2 times in the repeated hour", level="info",
            rows=2)
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang="en")
    html = rep.quality_note()._repr_html_()
    # one row per kind: not_understood over 2 distinct files, then the info notes
    assert html.count("<tr>") == 3  # header + 2 kinds
    assert "warnings: 3" in html and "notes: 2" in html
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S) for r in rows]
    assert cells[0] == ["Level", "Files", "Rows", "Note"]
    assert cells[1] == ["warnings", "2", "–", "A table matches no known export format and was "
                        "not read (e.g. a.csv)"]
    # rows add up over the files of a kind
    assert cells[2][:3] == ["notes", "2", "3"]


def test_quality_note_is_in_the_report_language(ds):
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    log = QualityLog()
    log.add("/data/x.csv", "campaign_from_utm", "51 posts got their campaign from a "
            "utm_campaign parameter in their link or caption", level="info", rows=51)
    log.add("/data/y.csv", "made_up_code", "a loader of our own noticed something")
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang="fr")
    html = rep.quality_note()._repr_html_()
    assert ("Des publications ont reçu leur campagne d'un paramètre utm_campaign de leur "
            "lien ou légende (ex. : x.csv)") in html.replace("&#x27;", "'")
    assert "<td>51</td>" in html
    # a code the package does not know keeps its loader's message, and is remembered
    assert "a loader of our own noticed something (ex. : y.csv)" in html
    assert rep.fmt.untranslated == {"a loader of our own noticed something"}


def _quality_codes_written_by_the_package() -> set[str]:
    """Every quality-note code the package's source writes (``ctx.note("code", …)``,
    ``log.add(file, "code", …)``)."""
    import smmanalytics

    root = Path(smmanalytics.__file__).parent
    pattern = re.compile(r'(?:\.note\(|log\.add\()\s*(?:[^,()"]+(?:\([^()]*\))?,\s*)?'
                         r'"([a-z][a-z0-9_]+)",')
    return {m.group(1) for p in root.rglob("*.py") if "report" not in p.parts
            for m in pattern.finditer(p.read_text(encoding="utf-8"))}


def test_every_quality_code_has_its_wording_in_every_language():
    from smmanalytics.report.formatting import _QUALITY, LANGS

    codes = _quality_codes_written_by_the_package()
    assert len(codes) > 50            # the scan finds the codes (it would pass on none)
    assert {"campaign_from_utm", "snapshot_merged", "not_understood", "failed"} <= codes
    assert codes - set(_QUALITY) == set()
    for code, wording in _QUALITY.items():
        assert set(wording) == set(LANGS), code
        assert all(isinstance(w, str) and w.strip() for w in wording.values()), code


@pytest.mark.parametrize("period,title,label", [
    ("2026-10", "Rapport mensuel réseaux sociaux", "octobre 2026"),
    ("2026-Q4", "Rapport trimestriel réseaux sociaux", "T4 2026"),
    ("2026", "Rapport annuel réseaux sociaux", "2026"),
    ("2026-10-05..2026-10-18", "Rapport réseaux sociaux", "5 octobre 2026 – 18 octobre 2026"),
])
def test_quarters_years_and_ranges_are_titled_by_their_period(ds, period, title, label):
    # `smm report monthly --period 2026` ran the monthly notebook on a year, and the cover
    # read "Rapport mensuel" over "1 janvier 2026 – 31 décembre 2026"
    rep = BrandReport(ds, period, lang="fr")
    assert (rep.title, rep.period_label) == (title, label)
    local = rep.posts["published_at"].dt.tz_convert("Europe/Paris")
    assert local.min().date() >= rep.period.start and local.max().date() <= rep.period.end


@pytest.mark.parametrize("lang,line", [("en", "Data as of 31 October 2026"),
                                       ("fr", "Données au 31 octobre 2026"),
                                       ("it", "Dati al 31 ottobre 2026")])
def test_cover_says_the_last_day_the_data_cover(ds, lang, line):
    # the fixture's exports were taken on 1 November 2026 at 08:00 UTC (09:00 in Paris): the
    # last whole day they cover is 31 October
    assert BrandReport(ds, "2026-Q4", lang=lang).cover_lines[-1] == line


@pytest.mark.parametrize("lang,line,note", [
    ("en", "Data as of 15 November 2026", "lifetime totals as of 15 November 2026"),
    ("fr", "Données au 15 novembre 2026", "cumuls au 15 novembre 2026"),
    ("it", "Dati al 15 novembre 2026", "totali al 15 novembre 2026")])
def test_an_export_of_a_day_is_as_of_that_day_not_the_next(ds, lang, line, note):
    # a Meta export named …_2026-11-15.csv is taken at the end of 15 November, US Pacific:
    # snapshot_at 16 November 08:00 UTC, 09:00 in Paris. The cover read "Data as of
    # 16 November", which a manager reads as including the 16th
    snap = snapshot_from_name("facebook_posts_2026-10-01_2026-10-31_2026-11-15.csv",
                              "America/Los_Angeles")
    assert snap == pd.Timestamp("2026-11-16 08:00", tz="UTC")
    meta = dataclasses.replace(ds, posts=ds.posts.assign(snapshot_at=snap))
    rep = BrandReport(meta, "2026-10", lang=lang)
    assert rep.cover_lines[-1] == line
    assert note in rep.method_notes()._repr_html_()
    assert (meta.posts["snapshot_at"] == snap).all()       # snapshot_at itself is unchanged


@pytest.mark.parametrize("lang,note", [
    ("en", "lifetime totals as of 31 October 2026 for Instagram and X, as of 15 November 2026 "
           "for Facebook"),
    ("fr", "cumuls au 31 octobre 2026 pour Instagram et X, au 15 novembre 2026 pour Facebook"),
    ("it", "totali al 31 ottobre 2026 per Instagram e X, al 15 novembre 2026 per Facebook")])
def test_the_totals_as_of_day_is_said_per_platform_where_the_exports_differ(ds, lang, note):
    """Facebook exported on 15 November, Instagram and X on 31 October: the method note said
    every platform's totals were as of 15 November, X's and Instagram's included."""
    # Meta's export of 15 November: taken at the end of that day, US Pacific, 16 November
    # 08:00 UTC; the others' of 31 October: 1 November 08:00 UTC (the fixture's) and 00:00 UTC
    # (X's, 01:00 in Paris): as of the day before the snapshot's, in Paris, 31 October
    posts = ds.posts.assign(snapshot_at=ds.posts["snapshot_at"].where(
        ds.posts["platform"] != "facebook", pd.Timestamp("2026-11-16 08:00", tz="UTC")))
    x = posts.head(2).assign(platform="x", post_id=["x1", "x2"],
                             published_at=pd.Timestamp("2026-10-10 12:00", tz="UTC"),
                             snapshot_at=pd.Timestamp("2026-11-01 00:00", tz="UTC"))
    both = dataclasses.replace(ds, posts=schema.conform(pd.concat([posts, x]), "posts"))
    rep = BrandReport(both, "2026-10", lang=lang)
    assert note in rep.method_notes()._repr_html_()
    # every platform exported on 31 October: one day, as before
    one = BrandReport(dataclasses.replace(ds, posts=schema.conform(x, "posts")), "2026-10",
                      lang=lang)
    assert {"en": "lifetime totals as of 31 October 2026)", "fr": "cumuls au 31 octobre 2026)",
            "it": "totali al 31 ottobre 2026)"}[lang] in one.method_notes()._repr_html_()


@pytest.mark.parametrize("lang,n,line", [
    ("en", 1, "Warning: 1 file could not be read (a.csv); its figures are missing from this "
              "report (see Data quality)."),
    ("fr", 4, "Attention : 4 fichiers n'ont pas pu être lus (a.csv, b.xlsx, c.csv, …) ; leurs "
              "chiffres manquent à ce rapport (voir Qualité des données)."),
    ("it", 2, "Attenzione: impossibile leggere 2 file (a.csv, b.xlsx); i loro dati mancano in "
              "questo rapporto (vedi Qualità dei dati)."),
])
def test_cover_warns_of_files_that_could_not_be_read(ds, lang, n, line):
    # a file that failed to load was named only in the data-quality section, near the end:
    # the manager read every figure before learning that some were missing
    log = QualityLog()
    log.add("x/costs.csv", "blank_rows_skipped", "1 blank row", level="info", rows=1)
    for name in ["a.csv", "b.xlsx", "c.csv", "d.csv"][:n]:
        log.add(f"x/{name}", "failed", f"file x/{name}, line 2: bad", level="error")
    log.add("x/a.csv", "failed", "a second error on the same file", level="error")
    rep = BrandReport(dataclasses.replace(ds, quality=log.to_frame()), "2026-10", lang=lang)
    assert rep.cover_warnings == [line]
    assert rep.to_json()["cover_warnings"] == [line]
    assert BrandReport(ds, "2026-10", lang=lang).cover_warnings == []


@pytest.mark.parametrize("lang,lines", [
    ("en", ["Warning: 1 file could not be read (2025/a.csv); its figures are missing from this "
            "report (see Data quality).",
            "Warning: 2 settings files of the brand could not be read (synonyms.csv, "
            "goals.yaml); this report was made without them (see Data quality)."]),
    ("fr", ["Attention : 1 fichier n'a pas pu être lu (2025/a.csv) ; ses chiffres manquent à ce "
            "rapport (voir Qualité des données).",
            "Attention : 2 fichiers de réglages de la marque n'ont pas pu être lus (synonyms.csv, "
            "goals.yaml) ; ce rapport a été établi sans eux (voir Qualité des données)."]),
])
def test_cover_tells_failed_settings_files_from_exports(ds, tmp_path, lang, lines):
    # a synonyms.csv that failed was announced as "its figures are missing", though every
    # export was read (without the brand's synonyms); and files were named without their
    # folder, so two exports called a.csv in two years' folders could not be told apart
    log = QualityLog()
    for name in ["synonyms.csv", "2025/a.csv", "goals.yaml"]:
        log.add(tmp_path / name, "failed", f"file {name}, line 2: bad", level="error")
    rep = BrandReport(dataclasses.replace(ds, quality=log.to_frame(), root=tmp_path), "2026-10",
                      lang=lang)
    assert rep.cover_warnings == lines


@pytest.mark.parametrize("lang,line,note", [
    ("en", "Warning: no brand.yaml was found: days, months and hours in this report are UTC's "
           "and the brand is named “b1b-nobrand” by default (see Data quality).",
     "No brand.yaml was found; default settings are used, so days, months and hours are in UTC "
     "and the brand has a default name"),
    ("fr", "Attention : aucun brand.yaml n'a été trouvé : jours, mois et heures de ce rapport "
           "sont ceux de l'UTC et la marque est nommée « b1b-nobrand » par défaut (voir Qualité "
           "des données).",
     "Aucun brand.yaml n'a été trouvé ; les réglages par défaut s'appliquent, donc jours, mois "
     "et heures sont en UTC et la marque porte un nom par défaut"),
    ("it", "Attenzione: nessun brand.yaml trovato: giorni, mesi e ore di questo rapporto sono in "
           "UTC e il marchio è chiamato «b1b-nobrand» per impostazione predefinita (vedi Qualità "
           "dei dati).",
     "Nessun brand.yaml trovato; valgono le impostazioni predefinite, quindi giorni, mesi e ore "
     "sono in UTC e il marchio ha un nome predefinito"),
])
def test_cover_says_no_brand_yaml_was_found(ds, lang, line, note):
    """A folder without brand.yaml was reported in UTC under a default name, and neither the
    cover nor the data-quality section said so: the cover warns, the section explains."""
    from smmanalytics.brand import default_brand

    log = QualityLog()
    log.add("b1b-nobrand/brand.yaml", "brand_defaults", "no brand.yaml in b1b-nobrand, so the "
            "defaults are assumed: time zone UTC", level="warning")
    nobrand = dataclasses.replace(ds, quality=log.to_frame(), brand=default_brand("b1b-nobrand"))
    rep = BrandReport(nobrand, "2026-10", lang=lang)
    assert rep.cover_warnings == [line]
    assert Formatter(lang).quality("brand_defaults", "") == note
    assert BrandReport(ds, "2026-10", lang=lang).cover_warnings == []


def test_cover_names_one_failed_settings_file(ds):
    log = QualityLog()
    log.add("x/brand.yaml", "failed", "file x/brand.yaml: bad", level="error")
    rep = BrandReport(dataclasses.replace(ds, quality=log.to_frame(), root=None), "2026-10",
                      lang="it")
    assert rep.cover_warnings == [
        "Attenzione: impossibile leggere il file di impostazioni del marchio brand.yaml; questo "
        "rapporto è stato redatto senza di esso (vedi Qualità dei dati)."]


def test_cover_warning_is_on_the_pdf_cover(ds):
    log = QualityLog()
    log.add("x/a.csv", "failed", "file x/a.csv, line 2: bad", level="error")
    rep = BrandReport(dataclasses.replace(ds, quality=log.to_frame()), "2026-10", lang="en")
    cover = PdfReader(io.BytesIO(rep.pdf_bytes())).pages[0].extract_text()
    assert "Warning: 1 file could not be read (a.csv)" in " ".join(cover.split())


def test_chart_text_stays_text_in_the_figures_font(ds):
    """Figures keep their words as SVG text in DejaVu Sans, the font matplotlib ships; Typst
    is given that font, so the PDF holds the chart's words as searchable text in that font."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang="fr")
    sec = rep.section("Essai")
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.bar(["Zébulon", "Ondine"], [3, 5])
    ax.set_title("Portée médiane 12,5 %")
    rep.figure(sec, fig)
    svg = next(iter(sec.figures.values())).decode()
    assert "<text" in svg and "DejaVu Sans" in svg and ">Zébulon</text>" in svg
    data = rep.pdf_bytes()
    text = _pdf_text(data)
    assert "Zébulon" in text and "Portée médiane 12,5 %" in text
    assert re.search(rb"/BaseFont ?/[A-Z]{6}\+DejaVuSans", data)     # embedded, subset


@pytest.mark.parametrize("lang,numbers", [("fr", {"2\u202f500", "0,8×", "1,25×"}),
                                          ("en", {"2,500", "0.8×", "1.25×"})])
def test_figure_numbers_are_written_the_readers_way(ds, lang, numbers):
    """Tick labels that are plain numbers (an axis' own, a colour bar's fixed "0.8×") are
    written in the report language; dates and labels with words or units are left alone."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang=lang)
    sec = rep.section("Essai")
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(9, 2))
    a.plot([0, 1], [0, 2500])
    a.set_yticks([0, 2500])
    b.set_yticks([0.8, 1.25], ["0.8×", "1.25×"])
    days = pd.to_datetime(["2026-10-01", "2026-10-15"])
    c.plot(days, [1, 2])
    c.xaxis.set_major_locator(mdates.DayLocator([1, 15]))
    c.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    c.set_yticks([1, 2], ["1 h", "2 h"])
    rep.figure(sec, fig)
    svg = next(iter(sec.figures.values())).decode()
    texts = set(re.findall(r">([^<>]+)</text>", svg))
    assert numbers <= texts
    assert {"2026-10-01", "2026-10-15", "1 h", "2 h"} <= texts


def test_laid_out_figures_are_saved_uncropped_others_cropped(ds):
    """A figure laid out by its engine fits its canvas and is saved at its own size; a figure
    without one is cropped to what it draws."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang="en")
    sec = rep.section("Sizes")
    for layout in ("constrained", None):
        fig, ax = plt.subplots(figsize=(4, 2), layout=layout)
        ax.plot([0, 1], [0, 1])
        rep.figure(sec, fig)
    laid_out, plain = (re.search(r'<svg[^>]*width="([\d.]+)pt"', svg.decode()).group(1)
                       for svg in sec.figures.values())
    assert float(laid_out) == 288.0                   # 4 in × 72 pt
    assert float(plain) < 288.0


def test_cropped_figures_get_savefigs_own_tight_box(ds):
    """A figure without a layout engine is cropped to the box savefig's "tight" finds (text
    past the axes, a colour bar, a legend outside, a title), measured without savefig's
    extra drawing pass; the figure keeps its size and resolution for the caller."""
    import matplotlib
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _FIGURE_RC, _reader_numbers

    def figure():
        fig, ax = plt.subplots(figsize=(5, 2), dpi=150)
        img = ax.imshow(np.arange(24.0).reshape(2, 12), aspect="auto")
        fig.colorbar(img, ax=ax, label="a rather long colour bar label")
        ax.set_ylabel("Lun.\nMar.", rotation=0, ha="right")
        ax.set_title("Meilleures heures, fuseau Europe/Paris", y=1.0)
        ax.plot([0, 11], [0, 1], label="a legend placed outside the axes")
        ax.legend(loc="upper left", bbox_to_anchor=(1.3, 1.0))
        return fig

    rep = BrandReport(ds, "2026-10", lang="fr")
    sec = rep.section("Box")
    first = figure()
    rep.figure(sec, first)
    assert first.dpi == 150 and list(first.get_size_inches()) == [5, 2]
    got = next(iter(sec.figures.values())).decode()
    want = io.BytesIO()
    second = figure()
    _reader_numbers(second, rep.fmt)      # its ticks written as the report writes them
    with matplotlib.rc_context(_FIGURE_RC):
        second.savefig(want, format="svg", bbox_inches="tight", metadata={"Date": None})
    box = re.compile(r'<svg[^>]*width="([\d.]+)pt" height="([\d.]+)pt" viewBox="([^"]+)"')
    assert box.search(got).groups() == box.search(want.getvalue().decode()).groups()
    assert float(box.search(got).group(1)) > 5 * 72        # the legend outside is kept


def test_figures_laid_out_beforehand_are_saved_as_laid_out(ds):
    """A figure laid out by ``tight_layout`` (its engine a placeholder) is saved uncropped,
    as savefig saves it, without savefig's drawing pass for a layout engine."""
    import matplotlib
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _FIGURE_RC

    def figure():
        fig, axes = plt.subplots(1, 2, figsize=(8, 2.6))
        for ax in axes:
            ax.barh(["Paris", "Lyon", "Marseille"], [0.5, 0.3, 0.2])
            ax.set_title("Instagram · Villes", loc="left", y=1.0)
        fig.tight_layout()
        return fig

    rep = BrandReport(ds, "2026-10", lang="en")     # tick labels as matplotlib writes them
    sec = rep.section("Audience")
    rep.figure(sec, figure())
    got = next(iter(sec.figures.values()))
    want = io.BytesIO()
    with matplotlib.rc_context(_FIGURE_RC):
        figure().savefig(want, format="svg", metadata={"Date": None})

    def ids(svg):     # clip-path ids hash the clip box, equal to the last digit
        return re.sub(rb'#?p[0-9a-f]{10}|id="[^"]*"', b"ID", svg)

    assert ids(got) == ids(want.getvalue())
    assert b'width="576pt" height="187.2pt"' in got


def test_audience_panels_fill_their_figures(ds):
    """Audience breakdowns come two per figure; a lone last one gets a half-width figure of
    its own (no hidden neighbour that an uncropped figure would show as blank space)."""
    aud = pd.DataFrame({
        "platform": ["linkedin"] * 4 + ["tiktok"] * 2,
        "dimension": ["country", "country", "industry", "industry", "gender", "gender"],
        "category": ["FR", "BE", "Retail", "Beauty", "female", "male"],
        "share": [0.7, 0.3, 0.6, 0.4, 0.8, 0.2],
        "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC"),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    sec = BrandReport(d, "2026-10", lang="en").audience()
    widths = [float(re.search(r'<svg[^>]*width="([\d.]+)pt"', svg.decode()).group(1))
              for svg in sec.figures.values()]
    assert widths == [576.0, 288.0]                   # 8 in and 4 in × 72 pt
    figs = [b for b in sec.blocks if b["kind"] == "figure"]
    assert [b["width"] for b in figs] == ["100%", "50%"]


@pytest.mark.parametrize("lang,names", [
    ("fr", ["France", "Belgique", "Maroc", "Autres"]),
    ("it", ["Francia", "Belgio", "Marocco", "Altro"]),
    ("en", ["France", "Belgium", "Morocco", "Other"]),
])
def test_audience_countries_are_named_not_coded(ds, lang, names):
    """TikTok exports its followers' countries as ISO codes: the panel showed "FR", "BE",
    "MA" to a reader who may not know MA is Morocco; they are named in the report language.
    Other dimensions' categories are unchanged ("Retail" stays as exported)."""
    aud = pd.DataFrame({
        "platform": ["tiktok"] * 4 + ["linkedin"] * 2,
        "dimension": ["country"] * 4 + ["industry"] * 2,
        "category": ["FR", "BE", "MA", "Others", "Retail", "MA"],
        "share": [0.7, 0.15, 0.1, 0.05, 0.6, 0.4],
        "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC"),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    sec = BrandReport(d, "2026-10", lang=lang).audience()
    [svg] = [s.decode() for s in sec.figures.values()]
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    countries = [t for t in labels if t in names + ["FR", "BE"]]
    assert countries == names
    assert "Retail" in labels and "MA" in labels      # an industry named "MA" is not a country


@pytest.mark.parametrize("lang,tiktok_day,note", [
    ("en", "2026-11-02", "The breakdowns of the latest exports, on 1 November 2026: the audience "
                         "of that day, not necessarily of the period."),
    ("fr", "2026-11-02", "Répartitions des derniers exports, au 1er novembre 2026 : l'audience de "
                         "ce jour-là, pas forcément celle de la période."),
    ("it", "2026-11-21", "Ripartizioni degli ultimi export, al 1° novembre 2026 (LinkedIn), 20 "
                         "novembre 2026 (TikTok): il pubblico di quel giorno, non necessariamente "
                         "quello del periodo."),
])
def test_audience_says_which_day_it_describes(ds, lang, tiktok_day, note):
    """A report showed the audience of its exports as if it were its period's, with no date
    (a March report, the November exports'): the section says the day the snapshot it shows
    describes (each
    platform's when they differ). As on the cover (Dataset.as_of), that is the day before the
    snapshot's, in the brand's zone: 23:30 UTC on 1 November is 00:30 on 2 November in Paris,
    the end of 1 November (the note said "2 November" where the cover said 1 November)."""
    aud = pd.DataFrame({
        "platform": ["linkedin", "linkedin", "linkedin", "tiktok", "tiktok"],
        "dimension": ["industry", "industry", "industry", "gender", "gender"],
        "category": ["Retail", "Retail", "Beauty", "female", "male"],
        "share": [0.5, 0.6, 0.4, 0.8, 0.2],
        "snapshot_at": pd.to_datetime(["2026-04-01 08:00", "2026-11-01 23:30", "2026-11-01 23:30",
                                       f"{tiktok_day} 09:00", f"{tiktok_day} 09:00"], utc=True),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    sec = BrandReport(d, "2026-11", lang=lang).audience()
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert notes[0] == note and len(notes) == (1 if lang == "en" else 2)   # + the industries'


@pytest.mark.parametrize("lang,note", [
    ("fr", "Les secteurs sont nommés tels que LinkedIn les exporte, sans traduction."),
    ("it", "I settori sono indicati come li esporta LinkedIn, senza traduzione."),
    ("en", None),
])
def test_audience_says_linkedins_industries_are_as_exported(ds, lang, note):
    """A French report showed LinkedIn's job functions in French ("Ventes") and its industries
    in English ("Retail") with no word why: industry names have no confirmed translation
    (reference §4.4), so they are shown as exported and the report says so; an English
    report, whose panels are all as exported, says nothing."""
    aud = pd.DataFrame({
        "platform": ["linkedin"] * 4,
        "dimension": ["job_function", "job_function", "industry", "industry"],
        "category": ["Sales", "Marketing", "Retail", "Personal Care Product Manufacturing"],
        "share": [0.6, 0.4, 0.7, 0.3],
        "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC"),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    rep = BrandReport(d, "2026-10", lang=lang)
    sec = rep.audience()
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert (notes[-1] == note) if note else len(notes) == 1
    [svg] = [s.decode() for s in sec.figures.values()]
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert "Retail" in labels                                  # as exported
    assert rep.fmt.category("Sales") in labels                 # translated
    # without an industry panel, no such note
    d = Dataset(posts=ds.posts, audience=schema.conform(aud.iloc[:2], "audience"),
                brand=ds.brand)
    assert len([b for b in BrandReport(d, "2026-10", lang=lang).audience().blocks
                if b["kind"] == "note"]) == 1


def test_a_brand_without_exports_gets_a_report_that_says_so(tmp_path):
    """An agency's batch may meet a brand whose exports are not in yet: each section says
    there is nothing, rather than an empty heading or "every watched signal stayed within
    its usual range" when nothing is watched."""
    import smmanalytics as smm

    with pytest.warns(smm.DataQualityWarning, match="^no export was found in "):
        ds = smm.load(tmp_path, cache=False)
    rep = BrandReport(ds, "2026-10", lang="en")

    def texts(sec):
        return [b["text"] for b in sec.blocks if b["kind"] == "text"]

    assert texts(rep.benchmarks()) == [rep.fmt.label("benchmarks_none")]
    assert texts(rep.best_times()) == [rep.fmt.label("bt_no_posts")]
    assert texts(rep.alerts()) == [rep.fmt.label("alerts_no_signal")]
    assert "Nothing to watch" in rep.fmt.label("alerts_no_signal")
    assert rep.pdf_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang,period", [("en", "2024-01"), ("fr", "2027-03")])
def test_a_period_the_signals_do_not_reach_is_not_called_quiet(lang, period):
    """The brand's signals run from September 2025 to October 2026: January 2024's report said
    "No alert in this period: every watched signal stayed within its usual range"."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2025-09-01", "2026-10-31")]
    rep = BrandReport(dataset(daily=daily(rows)), period, lang=lang)
    sec = rep.alerts()
    assert [b["text"] for b in sec.blocks if b["kind"] == "text"][0] == (
        rep.fmt.label("alerts_no_data"))
    quiet = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang).alerts()
    assert [b["text"] for b in quiet.blocks if b["kind"] == "text"][0] == (
        rep.fmt.label("alerts_none"))


@pytest.mark.parametrize("test,expected", [
    ("too few posts or weeks", "Trop peu de publications (15, sur 4 semaines) pour tester l'effet "
     "de l'heure de publication (il en faut au moins 20 sur 4 semaines)"),
    ("no engagement recorded", "Aucun engagement enregistré sur ces 15 publications"),
])
def test_best_times_says_why_no_test_was_run(ds, test, expected):
    """Without a p-value the sentence says why (as BestTimes.summary does), not "p = –"."""
    from types import SimpleNamespace

    bt = SimpleNamespace(window=None, effect_detected=False, n_used=15, p_value=float("nan"),
                         method={"weeks": 4, "test": test})
    sentence = BrandReport(ds, "2026-10", lang="fr")._bt_sentence(bt)
    assert sentence.startswith(expected) and "p = " not in sentence


def test_best_times_says_what_engagement_was_measured_against(ds):
    """The fixture's posts have reach but no follower counts: the section said nothing of
    measuring engagement per person reached instead of per follower."""
    sec = BrandReport(ds, "2026-10", lang="fr").best_times(platforms=["instagram"], ics=False)
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert ("L'engagement est mesuré ici par personne atteinte : moins de 80\u00a0% de ces "
            "publications ont un nombre d'abonnés, et une heure qui agit en touchant plus de "
            "monde ressort moins ainsi.") in notes


def test_best_times_says_when_fewer_slots_than_posts(ds, monkeypatch):
    """A plan with fewer distinct weekly slots than the account's pace says so under the
    slots table (rather than listing one slot twice)."""
    import smmanalytics.calendar as cal

    real = cal.plan_after

    def few(bt, period, posts_per_week=None, tz=None):
        plan = real(bt, period, posts_per_week=3, tz=tz)
        plan.attrs.update(posts_per_week=5)
        return plan

    monkeypatch.setattr(cal, "plan_after", few)
    sec = BrandReport(ds, "2026-10", lang="en").best_times(platforms=["instagram"], ics=False)
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert ("Only 3 distinct slots a week qualify for the 5 posts a week of the account's pace: "
            "the plan holds 3 a week rather than two posts at the same time.") in notes


@pytest.mark.parametrize("period,first,last,name", [
    ("2026-10", "2026-11-01", "2026-11-30", "November 2026"),
    ("2026-10-01..2026-10-15", "2026-10-16", "2026-11-15", "16 October 2026 – 15 November 2026"),
])
def test_slots_start_the_day_after_the_period(ds, period, first, last, name):
    """The plan never falls inside the reported period: a range's plan starts the day after
    it ends (it started on the 1st of the range's month) and lasts a month, as a month's."""
    rep = BrandReport(ds, period, lang="en")
    sec = rep.best_times(platforms=["instagram"], ics=False)
    plan = rep._slots["instagram"]
    days = plan["start_local"].dt.tz_localize(None).dt.normalize()
    assert days.min() >= pd.Timestamp(first) and days.max() <= pd.Timestamp(last)
    assert days.min() < pd.Timestamp(first) + pd.Timedelta(days=7)   # a full month planned
    assert days.max() > pd.Timestamp(last) - pd.Timedelta(days=7)
    captions = [b.get("caption") or "" for b in sec.blocks if b["kind"] == "table"]
    assert any(c.startswith(f"{name}: the first 12 of {len(plan)} slots planned")
               for c in captions)


@pytest.mark.parametrize("lang,n,caption", [
    ("en", 9, "November 2026: 9 slots planned (spread evenly: no reliable effect and no audience "
              "schedule); they are also in the .ics calendar next to this report."),
    ("fr", 9, "Novembre 2026 : 9 créneaux prévus (répartis régulièrement : ni effet fiable ni "
              "horaires d'audience) ; ils figurent aussi dans le calendrier .ics joint à ce "
              "rapport."),
    ("it", 12, "Novembre 2026: 12 fasce previste (distribuite in modo uniforme: nessun effetto "
               "affidabile né orari del pubblico); sono anche nel calendario .ics accanto a "
               "questo report."),
    ("en", 13, "November 2026: the first 12 of 13 slots planned (spread evenly: no reliable "
               "effect and no audience schedule); all of them are in the .ics calendar next to "
               "this report."),
    ("fr", 13, "Novembre 2026 : les 12 premiers des 13 créneaux prévus (répartis régulièrement : "
               "ni effet fiable ni horaires d'audience) ; tous figurent dans le calendrier .ics "
               "joint à ce rapport."),
    ("it", 43, "Novembre 2026: le prime 12 delle 43 fasce previste (distribuite in modo uniforme: "
               "nessun effetto affidabile né orari del pubblico); tutte sono nel calendario .ics "
               "accanto a questo report."),
])
def test_slots_caption_says_first_only_when_some_are_left_out(ds, monkeypatch, lang, n,
                                                              caption):
    """The table shows 12 slots at most: its caption said "first slots of 9 planned" of a
    plan of 9, all of them shown, as if some were left out; it says how many are shown of
    how many only when the plan is longer than the table."""
    import smmanalytics.calendar as cal

    real = cal.plan_after

    def sized(bt, period, posts_per_week=None, tz=None):
        plan = real(bt, period, posts_per_week=11, tz=tz)
        assert len(plan) >= n
        return plan.head(n)

    monkeypatch.setattr(cal, "plan_after", sized)
    sec = BrandReport(ds, "2026-10", lang=lang).best_times(platforms=["instagram"], ics=False)
    tables = [b for b in sec.blocks if b["kind"] == "table"]
    assert [b["caption"] for b in tables] == [caption]


@pytest.mark.parametrize("period,caption", [
    ("2026-10", "Interactions by publish day"),
    ("2026", "Interactions by publish week (weeks from Monday)"),
])
def test_a_year_shows_interactions_by_week(ds, period, caption):
    """Over a year, 365 daily bars are hairlines: the chart has a bar per week."""
    sec = BrandReport(ds, period, lang="en").engagement_charts()
    assert [b["caption"] for b in sec.blocks if b["kind"] == "figure"][0] == caption


def test_figures_are_numbered_without_gaps(ds):
    """A figure without a caption (an audience panel) shows no number, so it takes none: the
    captioned figures after it go on from the last number shown (Fig. 1, then Fig. 2, not 3)."""
    import matplotlib.pyplot as plt

    rep = BrandReport(ds, "2026-10", lang="en")
    sec = rep.section("Figures")
    for caption in ("First chart", None, None, "Second chart"):
        fig, ax = plt.subplots(figsize=(3, 1))
        ax.plot([0, 1], [0, 1])
        rep.figure(sec, fig, caption=caption)
    text = _pdf_text(rep.pdf_bytes())
    numbers = re.findall(r"Figure\s(\d+):\s(\w+)", text)
    assert numbers == [("1", "First"), ("2", "Second")]


@pytest.mark.parametrize("lang,caption", [
    ("en", "SHA-256: 16 first hex digits"),
    ("fr", "SHA-256 : ses 16 premiers chiffres hexadécimaux"),
    ("it", "SHA-256: le sue prime 16 cifre esadecimali"),
])
def test_provenance_caption_in_the_report_language(ds, lang, caption):
    from dataclasses import replace

    files = pd.DataFrame({"path": ["posts.csv"], "sha256": ["0123456789abcdef" * 4],
                          "rows": [12]})
    sec = BrandReport(replace(ds, files=files), "2026-10", lang=lang).provenance()
    assert [b["caption"] for b in sec.blocks if b["kind"] == "table"] == [caption]


_COSTS_FAILED = {
    "en": "costs.csv could not be read (file costs.csv, line 2, column 'amount': invalid value; "
          "expected a number such as 1200 or 1200.50; got 'abc'): costs, ROI, ROAS and CPA are "
          "unknown (–), not zero. Correct the file and run the report again.",
    "fr": "Le fichier costs.csv n'a pas pu être lu (ligne 2, colonne « amount ») : coûts, ROI, "
          "ROAS et CPA sont inconnus (–), pas nuls. Corrigez le fichier et relancez le rapport. "
          "Détail technique, en anglais : « invalid value; expected a number such as 1200 or "
          "1200.50; got 'abc' ».",
    "it": "Il file costs.csv non è stato letto (riga 2, colonna «amount»): costi, ROI, ROAS e CPA "
          "sono sconosciuti (–), non zero. Correggete il file e rigenerate il rapporto. "
          "Dettaglio tecnico, in inglese: «invalid value; expected a number such as 1200 or "
          "1200.50; got 'abc'».",
}


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_roi_without_costs_says_costs_are_unknown_not_zero(ds, lang):
    """No costs.csv: the cost is "–" and a sentence says no cost file was read; an unreadable
    one says why (the file named without its folder), in French and Italian where in the file
    in the reader's words, the loader's own message kept as the technical detail."""
    from dataclasses import replace

    from smmanalytics.quality import QualityLog

    rep = BrandReport(ds, "2026-10", lang=lang)
    sec = rep.roi()
    f = rep.fmt
    assert [b["text"] for b in sec.blocks if b["kind"] == "text"] == [f.label("costs_none")]
    cards = {i["label"]: i["value"] for b in sec.blocks if b["kind"] == "kpis"
             for i in b["items"]}
    assert cards[f.label("cost")] == "–" and cards["ROI"] == "–" and cards["ROAS"] == "–"
    assert not any(b["kind"] == "figure" for b in sec.blocks)      # no cost breakdown of 0s

    log = QualityLog()
    log.add("/data/brand/costs.csv", "failed", "file /data/brand/costs.csv, line 2, column "
            "'amount': invalid value; expected a number such as 1200 or 1200.50; got 'abc'",
            level="error")
    rep = BrandReport(replace(ds, quality=log.to_frame()), "2026-10", lang=lang)
    text = [b["text"] for b in rep.roi().blocks if b["kind"] == "text"][0]
    assert text == _COSTS_FAILED[lang]
    assert "/data/brand" not in text
    assert f.money(0) not in _pdf_text(rep.pdf_bytes())


@pytest.mark.parametrize("period,expected", [
    ("2026-11", "costs.csv runs from 1 September 2026 to 31 October 2026, outside November 2026: "
                "costs, ROI, ROAS and CPA are unknown (–), not zero."),
    ("2026-Q4", "costs.csv runs over Q4 2026 from 1 October 2026 to 31 October 2026 only: all "
                "costs, subscriptions included, are counted over those days alone."),
    ("2026-10", None)])
def test_roi_says_when_the_costs_file_does_not_cover_the_period(ds, tmp_path, period,
                                                                expected):
    from dataclasses import replace

    from smmanalytics.roi import read_costs

    path = tmp_path / "costs.csv"
    path.write_text("start,end,category,amount,currency,platform,campaign,hours,hourly_rate,"
                    "note\n2026-09-01,2026-09-30,ad_spend,300,EUR,instagram,,,,\n"
                    "2026-10-01,2026-10-31,ad_spend,310,EUR,instagram,,,,\n"
                    "2026-09-01,2027-08-31,tools,365,EUR,,,,,\n", encoding="utf-8")
    rep = BrandReport(replace(ds, costs=read_costs(path)), period, lang="en")
    texts = [b["text"] for b in rep.roi().blocks if b["kind"] == "text"]
    assert texts == ([expected] if expected else [])


@pytest.mark.parametrize("lang,start", [
    ("en", "goals.yaml could not be read (file goals.yaml, line 4, column 'target': "),
    ("fr", "Le fichier goals.yaml n'a pas pu être lu (ligne 4, colonne « target ») : pas de "
           "tableau de bord. Corrigez le fichier et relancez le rapport. Détail technique, en "
           "anglais : « goal 1 is invalid; expected a number"),
    ("it", "Il file goals.yaml non è stato letto (riga 4, colonna «target»): nessun obiettivo da "
           "valutare. Correggete il file e rigenerate il rapporto. Dettaglio tecnico, in "
           "inglese: «goal 1 is invalid; expected a number"),
])
def test_invalid_goals_file_is_not_reported_as_missing(tmp_path, lang, start):
    import smmanalytics as smm

    (tmp_path / "goals.yaml").write_text(
        "goals:\n- metric: posts\n  platform: instagram\n  target: lots\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="^1 file could not be read .*: goals.yaml"):
        d = smm.load(tmp_path, cache=False)
    rep = BrandReport(d, "2026-10", lang=lang)
    texts = [b["text"] for b in rep.scorecard().blocks if b["kind"] == "text"]
    assert len(texts) == 1 and texts[0].startswith(start)
    assert "got 'lots'" in texts[0] and str(tmp_path) not in texts[0]
    assert texts[0] != rep.fmt.label("goals_none")
    # without any goals.yaml, the report still says there is none
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.warns(smm.DataQualityWarning, match="^no export was found in "):
        rep = BrandReport(smm.load(empty, cache=False), "2026-10", lang=lang)
    assert [b["text"] for b in rep.scorecard().blocks if b["kind"] == "text"] == [
        rep.fmt.label("goals_none")]


def test_roi_section_says_what_its_figures_leave_out(ds, tmp_path):
    """roi()'s notes reached no PDF: a cost line in another currency was left out of the
    total cost without a word, and the revenue was "–" without saying that no GA4 export
    covers the month. They are shown under the figures, in the report's language; the costs'
    coverage (said in a sentence of its own) and CPC/CPM (not in this section) are not."""
    from dataclasses import replace

    from smmanalytics.roi import read_costs

    path = tmp_path / "costs.csv"
    path.write_text("start,end,category,amount,currency,platform,campaign,hours,hourly_rate,"
                    "note\n2026-10-01,2026-10-31,ad_spend,310,EUR,instagram,,,,\n"
                    "2026-10-01,2026-10-31,tools,70,USD,,,,,\n", encoding="utf-8")
    rep = BrandReport(replace(ds, costs=read_costs(path)), "2026-10", lang="fr")
    sec = rep.roi()
    texts = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert texts[0] == ("1 ligne de coût en USD laissée de côté (devise de la marque : EUR) : "
                        "convertissez-la dans costs.csv ; aucune donnée GA4 ne couvre octobre "
                        "2026 : chiffre d'affaires et événements clés inconnus")
    assert texts[1] == rep.fmt.label("roi_definition")
    cards = {i["label"]: i["value"] for b in sec.blocks if b["kind"] == "kpis"
             for i in b["items"]}
    assert cards[rep.fmt.label("cost")] == rep.fmt.money(310)


def test_roi_section_says_why_a_ratio_is_not_computable():
    """The section picks roi()'s notes by their codes (note_codes), not by their words."""
    from smmanalytics.report.performance import _roi_notes

    notes = [("costs_partly", "costs.csv runs over 2026 from 2026-01-01 to 2026-10-31 only: "
              "all costs, subscriptions included, are counted over those days alone"),
             ("roas_ad_spend_zero", "roas NaN: ad spend is zero"),
             ("cpc_link_clicks_unknown", "cpc NaN: link clicks of paid posts is unknown"),
             ("roi_value_unknown", "roi NaN: attributed value unknown")]
    assert _roi_notes(notes) == [("roas_ad_spend_zero", "roas NaN: ad spend is zero")]
    assert _roi_notes([]) == []


def test_roi_section_of_a_french_report_says_its_notes_in_french(ds, tmp_path):
    """October 2026: 400 of labour, 30 of tools in GBP (left out), no ad spend; one GA4 export
    of 1 to 20 October, 1000 EUR of social revenue and 8 key events. Cost 400, revenue 1000,
    ROI against the costs of the 20 days GA4 covers, 400 × 20 / 31 = 258.06:
    (1000 − 258.06) / 258.06 = 287.5 % (it was 150 %, the 11 days without GA4 counted as no
    revenue), ROAS unknown as the ad spend is zero; the notes say in French what was left out,
    that GA4 covers 20 days only and ROI those days' costs alone, and why ROAS is "–". With a
    second GA4 row in USD the revenue is unknown and ROI "–", the note saying why."""
    from dataclasses import replace

    from smmanalytics.roi import read_costs

    from ._roi_builders import web

    path = tmp_path / "costs.csv"
    path.write_text("start,end,category,amount,currency,platform,campaign,hours,hourly_rate,"
                    "note\n2026-10-01,2026-10-31,labor,400,EUR,,,,,\n"
                    "2026-10-01,2026-10-31,tools,30,GBP,,,,,\n", encoding="utf-8")
    row = {"period_start": "2026-10-01", "period_end": "2026-10-20",
           "channel_group": "Organic Social", "source": "instagram", "medium": "social",
           "campaign": "(not set)", "sessions": 100.0, "key_events": 8.0, "revenue": 1000.0,
           "currency": "EUR"}
    d = replace(ds, costs=read_costs(path), web=web([row]))
    rep = BrandReport(d, "2026-10", lang="fr")
    sec = rep.roi()
    f = rep.fmt
    cards = {i["label"]: i["value"] for b in sec.blocks if b["kind"] == "kpis"
             for i in b["items"]}
    assert cards == {"Coût total": f.money(400), "Chiffre d'affaires attribué": f.money(1000),
                     "ROI": f.percent(31000 / 8000 - 1, 0), "ROAS": "–"}
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert notes[0] == (
        "1 ligne de coût en GBP laissée de côté (devise de la marque : EUR) : convertissez-la "
        "dans costs.csv ; les données GA4 ne couvrent octobre 2026 que du 1er octobre 2026 au "
        "20 octobre 2026 : le trafic hors de ces jours n'y figure pas ; ROI, ROAS et CPA "
        "rapportent les chiffres de GA4 aux seuls coûts du 1er octobre 2026 au 20 octobre 2026, "
        "les jours d'octobre 2026 couverts à la fois par les données GA4 et par costs.csv ; "
        "ROAS non calculable : la dépense publicitaire est nulle")
    assert f.untranslated == set()

    usd = {**row, "source": "facebook", "revenue": 50.0, "currency": "USD"}
    rep = BrandReport(replace(d, web=web([row, usd])), "2026-10", lang="fr")
    sec = rep.roi()
    cards = {i["label"]: i["value"] for b in sec.blocks if b["kind"] == "kpis"
             for i in b["items"]}
    assert cards["Chiffre d'affaires attribué"] == "–" and cards["ROI"] == "–"
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert ("1 ligne GA4 donne un chiffre d'affaires en USD, pas dans la devise de la marque "
            "(EUR) : chiffre d'affaires inconnu") in notes[0].split(" ; ")
    assert "ROI non calculable" not in notes[0]       # the revenue's own note says why
    assert rep.fmt.untranslated == set()


def test_a_running_year_is_compared_like_for_like_in_the_report():
    """A 2026 report on data up to 31 October compares January-October 2026 with
    January-October 2025 (11 posts of 10 interactions, not the year's 13), and says so."""
    from ._roi_builders import running_year

    rep = BrandReport(running_year(), "2026", lang="fr")
    sec = rep.compare()
    table = next(b for b in sec.blocks if b["kind"] == "table")
    assert table["columns"][1:3] == ["2026", "2025"]      # the periods name their columns
    interactions = next(r for r in table["rows"] if r[0] == "Interactions")
    assert interactions[1:4] == ["132", "110", "+20,0\xa0%"]      # 11 × 12 against 11 × 10
    bullets = next(b for b in sec.blocks if b["kind"] == "bullets")["items"]
    assert bullets[0] == ("Les données s'arrêtent le 31 octobre 2026 : la comparaison porte sur "
                          "les 304 premiers jours de 2026, jusqu'à ce jour, et les 304 premiers "
                          "jours de 2025 (du 1er janvier 2025 au 31 octobre 2025).")
    assert rep.fmt.untranslated == set()


@pytest.mark.parametrize("lang,gone,new", [
    ("en", "The X data stop at 5 September 2026: the totals of October 2026 leave it out while "
           "those of September 2026 include it, so part of the change comes from its absence.",
     "The TikTok data start on 21 October 2026: the totals of September 2026 leave it out "
     "while those of October 2026 include it, so part of the change comes from its absence."),
    ("fr", "Les données de X s'arrêtent le 5 septembre 2026 : les totaux d'octobre 2026 "
           "n'incluent pas cette plateforme, ceux de septembre 2026 l'incluent ; une partie de "
           "l'évolution vient donc de son absence.",
     "Les données de TikTok commencent le 21 octobre 2026 : les totaux de septembre 2026 "
     "n'incluent pas cette plateforme, ceux d'octobre 2026 l'incluent ; une partie de "
     "l'évolution vient donc de son absence."),
    ("it", "I dati di X si fermano al 5 settembre 2026: i totali di ottobre 2026 non includono "
           "questa piattaforma, quelli di settembre 2026 sì; parte della variazione viene quindi "
           "dalla sua assenza.",
     "I dati di TikTok iniziano il 21 ottobre 2026: i totali di settembre 2026 non includono "
     "questa piattaforma, quelli di ottobre 2026 sì; parte della variazione viene quindi "
     "dalla sua assenza."),
])
def test_the_comparison_says_when_a_platform_is_missing_from_a_period(lang, gone, new):
    """The report compares all platforms pooled: X's posts stopping on 5 September made
    September's totals hold X and October's not, and the section did not say so, though
    compare() per platform does; it now says it, in the report's language."""
    from ._roi_builders import dataset, posts

    def month(platform, days, month, reactions):
        return [{"platform": platform, "post_id": f"{platform}{month}-{d}",
                 "reactions": reactions, "reach": 500.0,
                 "published_at": f"2026-{month:02d}-{d:02d}T09:00:00Z"} for d in days]

    rows = (month("instagram", range(1, 31), 9, 20.0) + month("instagram", range(1, 32), 10, 20.0)
            + month("x", range(1, 6), 9, 12.0) + month("tiktok", range(21, 32), 10, 4.0))
    rep = BrandReport(dataset(posts=posts(rows)), "2026-10", lang=lang)
    bullets = next(b for b in rep.compare().blocks if b["kind"] == "bullets")["items"]
    assert gone in bullets and new in bullets
    assert rep.fmt.untranslated == set()


@pytest.mark.parametrize("lang,first", [
    ("fr", "Le T3 2026 compte 92 jours et le T2 2026 91 : les totaux sont comparés par jour."),
    ("it", "Il 3° trimestre 2026 ha 92 giorni e il 2° trimestre 2026 91: i totali sono "
           "confrontati per giorno."),
])
def test_a_quarter_takes_its_article_in_the_comparison(lang, first):
    """A quarter's comparison read "3° trimestre 2026 ha 92 giorni e 2° trimestre 2026 91" and
    "T3 2026 compte 92 jours et T2 2026 91", without the article either language gives it;
    each caveat is a sentence and starts with a capital."""
    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"{m}-{d}", "reactions": 10.0, "reach": 500.0,
             "published_at": f"2026-{m:02d}-{d:02d}T09:00:00Z"}
            for m in range(4, 10) for d in (1, 15, 30)]
    sec = BrandReport(dataset(posts=posts(rows)), "2026-Q3", lang=lang).compare()
    bullets = next(b for b in sec.blocks if b["kind"] == "bullets")["items"]
    assert first in bullets
    assert all(b[:1].isupper() for b in bullets)


def test_a_change_compared_per_day_says_so():
    """October (31 days, 31 posts) against September (30 days, 30 posts): the totals are
    compared per day, and the table read "Publications 31 30 0,0 %" with nothing to say why a rise
    from 30 to 31 is no change; then "0,0 % par jour", which 110 posts against 109 made
    "-2,3 % par jour", a fall where the count rose. It gives the daily rates."""
    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"{m}-{d}", "reactions": 10.0, "reach": 500.0,
             "published_at": f"2026-{m:02d}-{d:02d}T09:00:00Z"}
            for m, days in ((9, 30), (10, 31)) for d in range(1, days + 1)]
    sec = BrandReport(dataset(posts=posts(rows)), "2026-10", lang="fr").compare()
    table = next(b for b in sec.blocks if b["kind"] == "table")
    row = next(r for r in table["rows"] if r[0] == "Publications")
    assert row[1:4] == ["31", "30", "0,0\xa0% (1,0 contre 1,0 par jour)"]


def test_daily_rates_that_differ_do_not_read_alike():
    """11 posts in October's 31 days against 13 in September's 30: 0.355 and 0.433 a day read
    "0,4 contre 0,4 par jour" beside a change of −18.1 % (0.3548 / 0.4333 − 1 = −0.181); they
    keep the decimals that tell them apart."""
    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"{m}-{d}", "reactions": 10.0, "reach": 500.0,
             "published_at": f"2026-{m:02d}-{d:02d}T09:00:00Z"}
            for m, days in ((9, range(1, 26, 2)), (10, range(1, 32, 3))) for d in days]
    assert len(rows) == 13 + 11
    sec = BrandReport(dataset(posts=posts(rows)), "2026-10", lang="fr").compare()
    table = next(b for b in sec.blocks if b["kind"] == "table")
    row = next(r for r in table["rows"] if r[0] == "Publications")
    assert row[1:4] == ["11", "13", "-18,1\xa0% (0,35 contre 0,43 par jour)"]


@pytest.mark.parametrize("lang,period,first,previous,change", [
    # October (31 days) lost 3 a day (-93), September (30) gained 5 a day (150): compared
    # per day, the row read "-8.0 a day", the difference of the two rates, which a manager
    # reads as a loss of 8 a day; it shows both rates
    ("en", "2026-10", 9, "150", "-3.0 vs +5.0 a day"),
    ("fr", "2026-10", 9, "150", "-3,0 contre +5,0 par jour"),
    ("it", "2026-10", 9, "150", "-3,0 contro +5,0 al giorno"),
    # August against July, 31 days each: the difference of the totals, -93 - 155
    ("en", "2026-08", 7, "155", "-248"),
    ("it", "2026-08", 7, "155", "-248"),
])
def test_a_change_with_no_percentage_shows_the_difference(lang, period, first, previous,
                                                          change):
    """No percentage goes from a gain of followers to a loss, and the row read "–" with no
    word."""
    from ._roi_builders import daily, dataset, posts

    months = ((first, 30 if first == 9 else 31), (first + 1, 31))
    rows = [{"platform": "instagram", "post_id": f"{m}-{d}", "reactions": 10.0, "reach": 500.0,
             "published_at": f"2026-{m:02d}-{d:02d}T09:00:00Z"}
            for m, days in months for d in range(1, days + 1)]
    net = [{"platform": "instagram", "account_id": "a", "date": f"2026-{m:02d}-{d:02d}",
            "metric": "net_follows", "value": 5.0 if m == first else -3.0}
           for m, days in months for d in range(1, days + 1)]
    sec = BrandReport(dataset(posts=posts(rows), daily=daily(net)), period,
                      lang=lang).compare()
    table = next(b for b in sec.blocks if b["kind"] == "table")
    row = next(r for r in table["rows"]
               if r[0] == Formatter(lang).metric("followers_net"))
    assert row[1:4] == ["-93", previous, change]


@pytest.mark.parametrize("lang,revenue", [
    ("it", ["5.100\u00a0€", "2.801\u00a0€",
            "+76,2% (164,52\u00a0€ contro 93,35\u00a0€ al giorno)"]),
    ("en", ["€5,100", "€2,801", "+76.2% (€164.52 vs €93.35 a day)"]),
])
def test_a_daily_comparison_shows_both_figures_to_the_same_precision(tmp_path, lang, revenue):
    """Revenue of 5,100 € in October (31 days) against 2,800.50 € in September (30): the row
    read "5.100 € 2.800 € +76,2% (165 € contro 93,35 € al giorno)", September rounded half to
    even and the two daily figures one whole, one to the cent. Now 2,800.50 reads 2,801 and
    both daily figures have cents: 5100 / 31 = 164.516... → 164.52, 2800.5 / 30 = 93.35;
    change (164.516 / 93.35) - 1 = +76.2 %."""
    from ._roi_builders import dataset, posts, web

    def month(start, end, revenue):
        return {"period_start": start, "period_end": end, "channel_group": "Organic Social",
                "source": "instagram", "medium": "social", "campaign": "(not set)",
                "sessions": 100.0, "key_events": 1.0, "revenue": revenue, "currency": "EUR"}

    ds = dataset(tmp_path, web=web([month("2026-09-01", "2026-09-30", 2800.5),
                                    month("2026-10-01", "2026-10-31", 5100.0)]),
                 posts=posts([{"platform": "instagram", "post_id": f"{m}-{d}",
                               "reactions": 10.0, "published_at": f"2026-{m:02d}-{d:02d}T09:00Z"}
                              for m, days in ((9, 30), (10, 31)) for d in range(1, days + 1)]))
    rep = BrandReport(ds, "2026-10", lang=lang)
    table = next(b for b in rep.compare().blocks if b["kind"] == "table")
    row = next(r for r in table["rows"] if r[0] == rep.fmt.metric("revenue"))
    assert row[1:4] == revenue


def test_the_comparison_table_gives_the_days_it_compares():
    """A total compared per day is divided by the days of each period: October's 31 and
    September's 30, which the table gives."""
    from smmanalytics.compare import compare

    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"{m}-{d}", "reactions": 10.0, "reach": 500.0,
             "published_at": f"2026-{m:02d}-{d:02d}T09:00:00Z"}
            for m, days in ((9, 30), (10, 31)) for d in range(1, days + 1)]
    t = compare(dataset(posts=posts(rows)), "2026-10").table.set_index("kpi")
    assert t.loc["posts", ["days_current", "days_previous"]].tolist() == [31, 30]
    assert t["days_current"].dtype == "Int64"
    # 31 posts against 30, per day: 1 - 1 = 0
    assert t.loc["posts", "change_abs"] == 0.0


@pytest.mark.parametrize("lang,name,post", [
    ("fr", "Plan de publication – Maison Sève · Instagram", "Maison Sève : publier sur Instagram"),
    ("it", "Piano di pubblicazione – Maison Sève · Instagram",
     "Maison Sève: pubblicare su Instagram"),
    ("en", "Maison Sève · Instagram posting plan", "Maison Sève: post on Instagram"),
])
def test_calendars_next_to_the_pdf_speak_the_report_language(ds, tmp_path, lang, name, post):
    """The .ics calendars a French or Italian report writes next to its PDF were in English
    (calendar name, event titles, weekday names, why each slot was chosen, decimal points)."""
    import icalendar

    rep = BrandReport(ds, "2026-10", lang=lang)
    rep.best_times(platforms=["instagram"])
    plan = rep._slots["instagram"]
    # the fixture's 40 posts show no timing effect and it has no audience schedule: the plan
    # spreads the posts evenly over the week, at the account's usual hour
    assert plan.attrs["basis"] == "even"
    hour = f"{int(plan['hour'].iloc[0]):02d}:00"
    reason = {"en": "no reliable timing effect and no audience-activity data: posts spread "
                    f"evenly over the week at the account's usual hour ({hour} Europe/Paris)",
              "fr": "ni effet fiable de l'heure ni données d'activité de l'audience : "
                    "publications réparties régulièrement sur la semaine à l'heure habituelle "
                    f"du compte ({hour} Europe/Paris)",
              "it": "nessun effetto affidabile dell'orario né dati sull'attività del pubblico: "
                    "post distribuiti in modo uniforme nella settimana all'ora abituale "
                    f"dell'account ({hour} Europe/Paris)"}[lang]
    days = {"en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
            "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
            "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica"}[lang].split()
    [path] = rep.write_calendars(tmp_path / "r.pdf")
    assert path.name == "r-instagram.ics"
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(cal["x-wr-calname"]) == name
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan) > 0
    for ev, d, h in zip(events, plan["weekday"], plan["hour"], strict=True):
        assert str(ev["summary"]) == f"{post} ({days[d]} {h:02d}:00 Europe/Paris)"
        assert str(ev["description"]) == reason
    # the brand's UIDs, as `smm calendar` writes them for the same slot (the calendar's name in
    # the brand's place gave "maison-seve-instagram-instagram-…": two events of one slot)
    start = plan["start_utc"].iloc[0]
    assert str(events[0]["uid"]) == f"maison-seve-instagram-{start:%Y%m%dT%H%M%S}Z@smmanalytics"


def test_no_engagement_rate_chart_when_no_post_has_reach(ds):
    """X and LinkedIn export no reach: a brand with only those had an empty chart (axes 0 to 1,
    no bar) captioned "Engagement rate by reach, per platform"; now only the interactions
    chart is drawn."""
    no_reach = dataclasses.replace(ds, posts=ds.posts.assign(
        reach=pd.array([pd.NA] * len(ds.posts), dtype="Float64")))
    sec = BrandReport(no_reach, "2026-10", lang="en").engagement_charts()
    assert [b["caption"] for b in sec.blocks if b["kind"] == "figure"] == \
        ["Interactions by publish day"]
    # with reach, the rate chart is there, one bar per platform with reach
    sec = BrandReport(ds, "2026-10", lang="en").engagement_charts()
    assert [b["caption"] for b in sec.blocks if b["kind"] == "figure"] == \
        ["Interactions by publish day", "Engagement rate by reach, per platform (median post)"]


def test_slots_from_the_audience_schedule_expect_no_lift(ds):
    """Without a reliable timing effect, slots chosen by when followers are online showed the
    shrunk lift of the model that had found no effect ("Expected lift 0.81×" for a slot the
    report recommends); they show "–", as the evenly spread slots do."""
    from smmanalytics.timing import best_times

    # followers online: 500 at 20:00 every day of October, 100 at every other hour
    hours = pd.DataFrame([(d, h) for d in pd.date_range("2026-10-01", "2026-10-31")
                          for h in range(24)], columns=["date", "hour"])
    daily = schema.conform(hours.assign(
        platform="instagram", metric="online_followers",
        value=np.where(hours["hour"] == 20, 500.0, 100.0)), "daily")
    with_activity = dataclasses.replace(ds, daily=daily)
    rep = BrandReport(with_activity, "2026-10", lang="en")
    sec = rep.best_times(platforms=["instagram"], ics=False)
    plan = rep._slots["instagram"]
    bt = best_times(rep._history(), "Europe/Paris", platform="instagram", daily=daily)
    assert not bt.effect_detected and plan.attrs["basis"] == "activity"
    # 20:00 is 500 / ((500 + 23 × 100) / 24) = 4.29 times the average hour
    assert plan["reason"].iloc[0].endswith("followers online at this hour: 4.29x the weekly "
                                           "average (audience schedule)")
    assert plan["lift"].notna().any()            # the API keeps the model's slot lift …
    [slots] = [b for b in sec.blocks if b["kind"] == "table"]
    assert slots["columns"][1] == "Expected engagement (× account average)"
    assert {row[1] for row in slots["rows"]} == {"–"}     # … the report expects none


@pytest.mark.parametrize("lang,note", [
    ("en", "no data for November 2026: the X data stop at 20 October 2026"),
    ("fr", "aucune donnée pour novembre 2026 : les données de X s'arrêtent le 20 octobre 2026"),
    ("it", "nessun dato per novembre 2026: i dati di X si fermano al 20 ottobre 2026"),
])
def test_scorecard_says_a_platform_goal_has_no_data_after_that_platforms_last_day(
        tmp_path, monkeypatch, lang, note):
    """X's posts stop on 20 October, Instagram's reach 30 November: the November report's
    'Posts · X' goal read 0 posts, off track; it says that X's data stop, in the report's
    language, and Instagram's goal is scored (30 posts)."""
    import datetime as dt

    import smmanalytics.goals as goals_mod
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    monkeypatch.setattr(goals_mod, "_today", lambda tz: dt.date(2026, 12, 2))
    rows = [{"platform": p, "post_id": f"{p}{k}", "reactions": 10.0,
             "published_at": f"{pd.Timestamp(start) + pd.Timedelta(days=k):%Y-%m-%d}T09:00:00Z"}
            for p, start, n in (("instagram", "2026-09-01", 91), ("x", "2026-10-01", 20))
            for k in range(n)]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: x, target: 20}\n"
        "  - {metric: posts, platform: instagram, target: 20}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    table = [b for b in BrandReport(ds, "2026-11", lang=lang).scorecard().blocks
             if b["kind"] == "table"][0]
    x, ig = table["rows"]
    assert x[2] == "–" and x[3]["status"] == "no data" and x[4] == note
    assert ig[2] == "30" and ig[3]["status"] == "met"


@pytest.mark.parametrize("lang,no_data,not_assessed", [("en", "No data", "Not assessed"),
                                                       ("fr", "Pas de données", "Non évalué"),
                                                       ("it", "Nessun dato", "Non valutato")])
def test_the_report_and_scorecard_display_agree_on_a_goal_without_status(
        tmp_path, monkeypatch, lang, no_data, not_assessed):
    """A goal with no data read "Not assessed" in the report but "No data" in
    scorecard_display; both now say "No data" when the actual is unknown and "Not assessed"
    only when there is an actual but no chance could be simulated (one month of GA4 totals)."""
    import datetime as dt

    import smmanalytics.goals as goals_mod
    from smmanalytics.goals import read_goals, scorecard, scorecard_display

    from ._roi_builders import dataset, posts, web

    monkeypatch.setattr(goals_mod, "_today", lambda tz: dt.date(2026, 12, 2))
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: key_events, platform: all, target: 1000, period: quarter}\n"
        "  - {metric: followers_net, platform: instagram, target: 100}\n", encoding="utf-8")
    rows = [{"platform": "instagram", "post_id": f"i{k}", "reactions": 10.0,
             "published_at": f"2026-10-{k + 1:02d}T09:00:00Z"} for k in range(20)]
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"),
                 web=web([{"period_start": "2026-10-01", "period_end": "2026-10-31",
                           "source": "instagram", "medium": "social", "key_events": 300.0}]))
    sc = scorecard(ds, "2026-10")
    assert sc["actual"].tolist()[0] == 300 and pd.isna(sc["actual"].tolist()[1])
    assert sc["status"].isna().all()
    assert scorecard_display(sc)["status"].tolist() == ["Not assessed", "No data"]
    table = [b for b in BrandReport(ds, "2026-10", lang=lang).scorecard().blocks
             if b["kind"] == "table"][0]
    assert [(r[3]["status"], r[3]["text"]) for r in table["rows"]] == [
        ("not assessed", not_assessed), ("no data", no_data)]


@pytest.mark.parametrize("target,lang,note", [
    (200, "en", "2.8 needed per day"),
    (200, "fr", "il en faut 2,8 par jour"),
    (200, "it", "servono 2,8 al giorno"),
    (92, "en", "1 needed per day"),
    (92, "it", "serve 1 al giorno"),
])
def test_scorecard_says_the_daily_need_with_its_number_first(tmp_path, monkeypatch, target,
                                                             lang, note):
    """A quarter's goal still running in October's report: 31 posts by 31 October, 61 days
    left; of 200, 169 to go (2.8 a day), of 92, 61 (1 a day). The note read "needed per day
    3", the number hanging after its label; it reads as a sentence in each language, and
    Italian's need of one is singular (it read "servono 1 al giorno"). Below 10 a day the
    need keeps a decimal (2.8, not 3), none when it is whole (1)."""
    import datetime as dt

    import smmanalytics.goals as goals_mod
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    monkeypatch.setattr(goals_mod, "_today", lambda tz: dt.date(2026, 12, 2))
    rows = [{"platform": "instagram", "post_id": f"i{k}", "reactions": 10.0,
             "published_at": f"{pd.Timestamp('2026-10-01') + pd.Timedelta(days=k):%Y-%m-%d}"
                             "T09:00:00Z"} for k in range(31)]
    (tmp_path / "goals.yaml").write_text(
        f"goals:\n  - {{metric: posts, platform: instagram, target: {target}, "
        "period: quarter}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    table = [b for b in BrandReport(ds, "2026-10", lang=lang).scorecard().blocks
             if b["kind"] == "table"][0]
    [row] = table["rows"]
    assert row[2] == "31"
    assert row[4].split("; ")[-1].split(" ; ")[-1] == note


@pytest.mark.parametrize("lang,note", [
    ("it", "Ottobre 2026 è concluso: obiettivo mancato"),
    ("fr", "Octobre 2026 est terminé : objectif manqué"),
    ("en", "October 2026 is over: target missed"),
])
def test_a_goal_note_starting_with_a_month_starts_with_a_capital(tmp_path, monkeypatch, lang,
                                                                  note):
    """October's goal of 40 Instagram posts, 31 published, read in December: missed. The
    Italian note cell read "ottobre 2026 è concluso: obiettivo mancato", a sentence in lower
    case (Italian and French write months in lower case); it starts with a capital."""
    import datetime as dt

    import smmanalytics.goals as goals_mod
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    monkeypatch.setattr(goals_mod, "_today", lambda tz: dt.date(2026, 12, 2))
    rows = [{"platform": "instagram", "post_id": f"i{k}", "reactions": 10.0,
             "published_at": f"2026-10-{k + 1:02d}T09:00:00Z"} for k in range(31)]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: instagram, target: 40}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    table = [b for b in BrandReport(ds, "2026-10", lang=lang).scorecard().blocks
             if b["kind"] == "table"][0]
    [row] = table["rows"]
    assert row[2] == "31" and row[4] == note


@pytest.mark.parametrize("lang,paces", [
    ("en", ["0.2 needed per day", "at most 1.1 per day", "at most 0.4 per day", None]),
    ("fr", ["il en faut 0,2 par jour", "au plus 1,1 par jour", "au plus 0,4 par jour", None]),
    ("it", ["servono 0,2 al giorno", "al massimo 1,1 al giorno", "al massimo 0,4 al giorno",
            None]),
])
def test_scorecard_words_a_maximum_as_a_ceiling_and_never_rounds_a_pace_to_zero(
        tmp_path, monkeypatch, lang, paces):
    """October's goals on 18 October, 13 days left: one post a day on Instagram (18) and on
    X (18). Instagram at least 21: 3 to go, 3 / 13 = 0.23 a day, read "servono 0 al giorno"
    (rounded to a whole post) while the goal was not met. X at most 32: 14 more allowed,
    14 / 13 = 1.08 a day, read "serve 1 al giorno", a maximum worded as a need; it is a
    ceiling ("al massimo 1,1 al giorno"), and X at most 23 leaves 5 / 13 = 0.38 (0.4, not 0).
    Instagram at least 10 is reached: its pace of (10 − 18) / 13 is no need, and not shown."""
    import datetime as dt

    import smmanalytics.goals as goals_mod
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    monkeypatch.setattr(goals_mod, "_today", lambda tz: dt.date(2026, 12, 2))
    rows = [{"platform": p, "post_id": f"{p}{k}", "reactions": 10.0,
             "published_at": f"2026-10-{k + 1:02d}T09:00:00Z"}
            for p in ("instagram", "x") for k in range(18)]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: instagram, target: 21}\n"
        "  - {metric: posts, platform: x, target: 32, direction: at_most}\n"
        "  - {metric: posts, platform: x, target: 23, direction: at_most}\n"
        "  - {metric: posts, platform: instagram, target: 10}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    table = [b for b in BrandReport(ds, "2026-10-01..2026-10-18", lang=lang).scorecard().blocks
             if b["kind"] == "table"][0]
    assert [r[2] for r in table["rows"]] == ["18"] * 4
    sep = " ; " if lang == "fr" else "; "
    shown = [[part for part in r[4].split(sep) if part in paces] for r in table["rows"]]
    assert shown == [[p] for p in paces[:3]] + [[]]
    # the met goal's note has no pace at all (it read "-1 needed per day": (10 − 18) / 13)
    assert not any(w in table["rows"][3][4] for w in ("per day", "par jour", "al giorno"))


@pytest.mark.parametrize("lang,period,text", [
    ("en", "2025", "The exports cover 2025 only from 1 September 2025 to 31 December 2025: "
                   "these figures count the posts of those days."),
    ("it", "2025", "Gli export coprono il 2025 solo dal 1° settembre 2025 al 31 dicembre 2025: "
                   "questi dati contano solo i post di quei giorni."),
    ("fr", "2025-Q3", "Les exports ne couvrent le T3 2025 que du 1er septembre 2025 au 30 "
                      "septembre 2025 : ces chiffres ne comptent que les publications de ces "
                      "jours."),
    ("it", "2026", "Gli export coprono il 2026 solo dal 1° gennaio 2026 al 10 febbraio 2026: "
                   "questi dati contano solo i post di quei giorni."),
    ("en", "2025-10", None),
    # a range of days is "the period …" in English as in French and Italian (it read "The
    # exports cover 25 August 2025 – 10 September 2025 only from …")
    ("en", "2025-08-25..2025-09-10", "The exports cover the period 25 August 2025 – 10 "
                                     "September 2025 only from 1 September 2025 to 10 September "
                                     "2025: these figures count the posts of those days."),
])
def test_key_figures_say_when_the_data_cover_part_of_the_period(lang, period, text):
    """Posts from 1 September 2025 (23:30 UTC on 31 August is 1 September in Paris) to
    10 February 2026: the 2025 report's cover and key figures said '418 posts' of 1 January –
    31 December 2025 with no word that four months of it are all the exports hold. The key
    figures say which days they count; a month the data cover whole says nothing."""
    from ._roi_builders import dataset, posts

    days = ["2025-08-31T23:30:00Z", "2025-10-15T09:00:00Z", "2025-12-31T09:00:00Z",
            "2026-02-10T09:00:00Z"]
    ds = dataset(posts=posts([{"platform": "instagram", "post_id": str(i), "reactions": 5.0,
                               "published_at": d} for i, d in enumerate(days)]))
    sec = BrandReport(ds, period, lang=lang).kpi_table()
    texts = [b["text"] for b in sec.blocks if b["kind"] == "text"]
    assert texts == ([text] if text else [])


@pytest.mark.parametrize("lang,start", [("en", "Too few posts (8, over 1 week) to test"),
                                        ("fr", "Trop peu de publications (8, sur 1 semaine) "),
                                        ("it", "Troppo pochi post (8, su 1 settimana) per ")])
def test_best_times_too_few_posts_of_one_week_is_singular(lang, start):
    """Eight posts of 5-9 October: too few to test, over one week; it read "over 1 weeks"."""
    import smmanalytics as smm

    from ._roi_builders import dataset, posts
    from .test_timing import _small_posts

    rows = _small_posts([f"2026-10-{5 + k % 5:02d} {8 + k:02d}:00" for k in range(8)])
    ds = dataset(posts=posts(rows.to_dict("records")))
    bt = smm.best_times(ds.posts, "Europe/Paris", exposure=None, n_boot=200)
    assert (bt.method["weeks"], bt.n_used) == (1, 8)
    assert BrandReport(ds, "2026-10", lang=lang)._bt_sentence(bt).startswith(start)


@pytest.mark.parametrize("lang,partly", [
    ("en", "The campaign runs from 1 September 2026 to 31 October 2026; the figures here are "
           "those of October 2026 only."),
    ("fr", "La campagne court du 1er septembre 2026 au 31 octobre 2026 ; les chiffres "
           "ci-dessous sont ceux d'octobre 2026 seulement."),
    ("it", "La campagna va dal 1° settembre 2026 al 31 ottobre 2026; le cifre qui sotto sono "
           "solo quelle di ottobre 2026."),
])
def test_campaign_summary_gives_every_figure_over_the_reports_period(tmp_path, lang, partly):
    """The campaign "spring": a 300 shoot in September, 310 of Instagram ads in October; GA4
    gives it 100 of revenue and 2 key events in September, 930 and 10 in October; two posts in
    September, one in October (10 interactions). October's campaign report read the whole
    life's cost 610, revenue 1030, ROI 69 % and 12 key events beside October's one post, under
    the dates 1 September – 31 October. Now all are October's: cost 310, revenue 930, ROI
    (930 − 310) / 310 = 200 %, ROAS 930 / 310 = 3.00, 100 sessions, 10 key events, CPA
    310 / 10 = 31.00; the campaign's own days are said beside."""
    from ._roi_builders import dataset, posts, web

    def month(start, end, revenue, key_events):
        return {"period_start": start, "period_end": end, "channel_group": "Organic Social",
                "source": "instagram", "medium": "social", "campaign": "spring",
                "sessions": 100.0, "key_events": key_events, "revenue": revenue,
                "currency": "EUR"}

    ds = dataset(tmp_path, "2026-09-01,2026-09-30,production,300,EUR,,spring,,,\n"
                           "2026-10-01,2026-10-31,ad_spend,310,EUR,instagram,spring,,,\n",
                 web=web([month("2026-09-01", "2026-09-30", 100.0, 2.0),
                          month("2026-10-01", "2026-10-31", 930.0, 10.0)]),
                 posts=posts([{"platform": "instagram", "post_id": f"s{k}", "reactions": 10.0,
                               "campaign": "spring", "published_at": at}
                              for k, at in enumerate(["2026-09-10T09:00:00Z",
                                                      "2026-09-20T09:00:00Z",
                                                      "2026-10-05T09:00:00Z"])]))
    rep = BrandReport(ds, "2026-10", kind="campaign", campaign="spring", lang=lang)
    f = rep.fmt
    blocks = rep.campaign_summary().blocks
    texts = [b["text"] for b in blocks if b["kind"] == "text"]
    assert texts[:2] == [f"{f.date(rep.period.start)} – {f.date(rep.period.end)}", partly]
    cards = [i["value"] for b in blocks if b["kind"] == "kpis" for i in b["items"]]
    assert cards == [f.money(310), f.money(930), f.percent(2.0, 0), f"{f.number(3, 2)}×"]
    row = [b for b in blocks if b["kind"] == "table"][0]["rows"][0]
    assert row == [f.number(1), f.number(10), f.number(100), f.number(10), f.money(31, 2),
                   f.money(310)]


@pytest.mark.parametrize("lang,unknown,zero", [
    ("en", ["No costs.csv was read: costs, ROI, ROAS and CPA are unknown (–), not zero.",
            "no GA4 data covers October 2026: revenue and key events unknown"],
     "CPA cannot be computed: the number of key events is zero"),
    ("fr", ["Aucun fichier costs.csv n'a été lu : coûts, ROI, ROAS et CPA sont inconnus (–), "
            "pas nuls.",
            "aucune donnée GA4 ne couvre octobre 2026 : chiffre d'affaires et événements clés "
            "inconnus"],
     "CPA non calculable : le nombre d'événements clés est nul"),
    ("it", ["Nessun file costs.csv è stato letto: costi, ROI, ROAS e CPA sono sconosciuti (–), "
            "non zero.",
            "nessun dato GA4 copre ottobre 2026: ricavi ed eventi chiave sconosciuti"],
     "CPA non calcolabile: il numero di eventi chiave è zero"),
])
def test_campaign_summary_says_why_a_figure_is_unknown(tmp_path, lang, unknown, zero):
    """A brand without costs.csv or GA4, its campaign "spring" a paid post in October: the
    campaign report showed "–" for cost, revenue, ROI, ROAS and CPA and said nothing of why,
    where the monthly report of the same folder says no costs.csv was read and no GA4 data
    covers October. It says the same, in the report's language. With 310 of ad spend and 930
    of revenue but no key event, ROI (930 − 310) / 310 = 200 % and ROAS 930 / 310 = 3.00 are
    shown, and CPA 310 / 0 is "–": its note says the key events are zero."""
    from ._roi_builders import dataset, posts, web

    mine = posts([{"platform": "instagram", "post_id": "s1", "reactions": 10.0,
                   "campaign": "spring", "paid": True, "impressions": 500.0,
                   "published_at": "2026-10-05T09:00:00Z"}])

    def shown(ds):
        rep = BrandReport(ds, "2026-10", kind="campaign", campaign="spring", lang=lang)
        blocks = rep.campaign_summary().blocks
        texts = [b["text"] for b in blocks if b["kind"] in ("text", "note")]
        cards = [i["value"] for b in blocks if b["kind"] == "kpis" for i in b["items"]]
        row = [b for b in blocks if b["kind"] == "table"][0]["rows"][0]
        # the first text is the days, the last the ROI definition
        return rep.fmt, texts[1:-1], cards, row

    f, texts, cards, row = shown(dataset(posts=mine))
    assert texts == unknown
    assert cards == ["–"] * 4 and row[2:] == ["–"] * 4
    month = {"period_start": "2026-10-01", "period_end": "2026-10-31",
             "channel_group": "Organic Social", "source": "instagram", "medium": "social",
             "campaign": "spring", "sessions": 100.0, "key_events": 0.0, "revenue": 930.0,
             "currency": "EUR"}
    f, texts, cards, row = shown(dataset(
        tmp_path, "2026-10-01,2026-10-31,ad_spend,310,EUR,instagram,spring,,,\n",
        web=web([month]), posts=mine))
    assert texts == [zero]
    assert cards == [f.money(310), f.money(930), f.percent(2.0, 0), f"{f.number(3, 2)}×"]
    assert row == [f.number(1), f.number(10), f.number(100), f.number(0), "–", f.money(310)]


SAMPLE = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"


@pytest.mark.parametrize("lang,line", [
    ("en", "Warning: no X figures for this period: the X posts exports stop on 28 February "
           "2026."),
    ("fr", "Attention : aucun chiffre de X pour cette période : les exports de publications de "
           "X s'arrêtent le 28 février 2026."),
    ("it", "Attenzione: nessuna cifra di X per questo periodo: le esportazioni dei post di X si "
           "fermano al 28 febbraio 2026."),
])
def test_cover_warns_of_a_platform_whose_exports_stop_before_the_period(tmp_path, lang, line):
    """The sample brand without X's content export of March to October 2026: October's report
    showed no X post and nothing said why, as if X had been idle. X's overview still reaches
    October (the platform is active), so its posts exports stopping in February is named,
    however long ago; the other platforms, whose exports cover October, are not."""
    import shutil

    import smmanalytics as smm

    folder = shutil.copytree(SAMPLE, tmp_path / "maison-seve")
    (folder / "account_analytics_content_2026-03-01_2026-10-31.csv").unlink()
    ds = smm.load(folder, cache=False)
    assert BrandReport(ds, "2026-10", lang=lang).cover_warnings == [line]
    assert BrandReport(smm.load(SAMPLE), "2026-10", lang=lang).cover_warnings == []


def test_an_unread_export_is_why_a_platforms_figures_stop(tmp_path):
    """X's content export of March to October with "bientôt" in a Date cell: the cover said X's
    posts exports stop on 28 February, as if none reached October, and YouTube's follower
    notes said "in the files that could be read", as if the broken file were YouTube's. The
    file is X's (the format that claimed it says so): the cover names it beside X's stop, and
    YouTube's notes are as on the whole sample."""
    import shutil

    import smmanalytics as smm
    from smmanalytics.compare import compare
    from smmanalytics.goals import scorecard

    folder = shutil.copytree(SAMPLE, tmp_path / "maison-seve")
    name = "account_analytics_content_2026-03-01_2026-10-31.csv"
    text = (folder / name).read_text(encoding="utf-8")
    (folder / name).write_text(text.replace('"Sat, Oct 31, 2026"', "bientôt", 1),
                               encoding="utf-8")
    with pytest.warns(UserWarning, match="could not be read"):
        ds = smm.load(folder, cache=False)
    failed = ds.files.loc[ds.files["status"] == "failed"]
    assert failed["platform"].tolist() == ["x"]
    assert BrandReport(ds, "2026-10", lang="en").cover_warnings == [
        f"Warning: 1 file could not be read ({name}); its figures are missing from this report "
        "(see Data quality).",
        "Warning: no X figures for this period: the X posts exports that could be read stop on "
        f"28 February 2026; {name} could not be read (see Data quality)."]
    assert BrandReport(ds, "2026-10", lang="fr").cover_warnings[1] == (
        "Attention : aucun chiffre de X pour cette période : les exports de publications de X "
        f"lisibles s'arrêtent le 28 février 2026 ; impossible de lire {name} (voir Qualité des "
        "données).")
    assert BrandReport(ds, "2026-10", lang="it").cover_warnings[1] == (
        "Attenzione: nessuna cifra di X per questo periodo: le esportazioni dei post di X "
        f"leggibili si fermano al 28 febbraio 2026; impossibile leggere {name} (vedi Qualità "
        "dei dati).")
    note = scorecard(ds, "2026-10", asof="2026-11-15").set_index("metric").loc[
        "followers_net", "note"]
    assert "youtube left out: its exports give no follower figures;" in note
    assert "could be read" not in note
    caveats = [c for c in compare(ds, "2026-10").caveats if c.startswith("Net followers")]
    assert caveats == ["Net followers leave out linkedin: its exports count new followers only.",
                       "Net followers leave out youtube: its exports give no follower figures."]
    assert Formatter("fr").note(caveats[1]) == (
        "Les abonnés nets laissent de côté YouTube : ses exports ne donnent aucun chiffre "
        "d'abonnés.")


def test_a_platform_of_brand_yaml_without_any_export(tmp_path):
    """The sample without its four TikTok zips, brand.yaml still naming a TikTok account: the
    competitors table showed the brand at 0 TikTok posts, the net-follower goal's 294 left
    TikTok out unsaid, and the cover said nothing. The brand's TikTok posts are unknown, the
    goal and the comparison name TikTok, and the cover warns, in every language."""
    import shutil

    import smmanalytics as smm
    from smmanalytics.benchmarks import compare_competitors
    from smmanalytics.compare import compare
    from smmanalytics.goals import scorecard

    folder = shutil.copytree(SAMPLE, tmp_path / "maison-seve")
    for zipped in folder.glob("*.zip"):
        if zipped.name.startswith(("Content_", "Followers_", "Overview_", "Viewers_")):
            zipped.unlink()
    ds = smm.load(folder, cache=False)
    assert ds.brand.accounts["tiktok"] == "maisonseve"
    assert not (ds.files["platform"].astype("string") == "tiktok").any()
    assert BrandReport(ds, "2026-10", lang="en").cover_warnings == [
        "Warning: brand.yaml names a TikTok account, but no TikTok export was found: its "
        "figures are missing from this report (unknown, not 0)."]
    assert BrandReport(ds, "2026-10", lang="fr").cover_warnings == [
        "Attention : brand.yaml déclare un compte TikTok, mais aucun export TikTok n'a été "
        "trouvé : ses chiffres manquent à ce rapport (inconnus, pas 0)."]
    assert BrandReport(ds, "2026-10", lang="it").cover_warnings == [
        "Attenzione: brand.yaml indica un account TikTok, ma non è stata trovata alcuna "
        "esportazione di TikTok: i suoi dati mancano in questo rapporto (sconosciuti, non 0)."]
    side = compare_competitors(ds, "2026-10").set_index(["platform", "name"])
    mine = side.loc[("tiktok", "Maison Sève")]
    assert pd.isna(mine["posts"]) and pd.isna(mine["posts_per_week"])
    row = scorecard(ds, "2026-10", asof="2026-11-15").set_index("metric").loc["followers_net"]
    # October: Facebook +28, Instagram +349, X 88 − 171: 294, TikTok's −444 unknown
    assert row["actual"] == 294
    assert row["note"].split("; ")[:3] == [
        "linkedin left out: its exports count new followers only",
        "tiktok left out: no export of it was found",
        "youtube left out: its exports give no follower figures"]
    assert Formatter("fr").note(row["note"].split("; ")[1]) == (
        "TikTok laissé de côté : aucun export n'en a été trouvé")
    caveats = [c for c in compare(ds, "2026-10").caveats if c.startswith("Net followers")]
    assert caveats[1] == "Net followers leave out tiktok: no export of it was found."
    assert Formatter("fr").note(caveats[1]) == (
        "Les abonnés nets laissent de côté TikTok : aucun export n'en a été trouvé.")
    assert Formatter("it").note(caveats[1]) == (
        "I follower netti escludono TikTok: non ne è stata trovata alcuna esportazione.")
    # the whole sample names no platform so
    assert not [c for c in compare(smm.load(SAMPLE), "2026-10").caveats if "tiktok" in c]


def test_a_platform_without_posts_in_the_period_keeps_its_row_in_the_key_figures(tmp_path):
    """Instagram's October export with headers only (no post that month), its summer export
    with posts: October's key figures showed Facebook and "all platforms" only, as if the
    brand had no Instagram. Its row says 0 posts, 0 interactions, 0 reach and 0 views (its
    exports give reach and views; impressions they do not: "–"), no rate. TikTok, named in
    brand.yaml with no export, and Instagram once its October export is gone (its exports
    stop on 31 August) are unknown: "–", not 0. The totals are Facebook's alone."""
    import shutil

    import smmanalytics as smm

    (tmp_path / "brand.yaml").write_text(
        "name: Maison Test\ntimezone: Europe/Paris\nlanguage: en\naccounts:\n"
        "  instagram: maisonseve\n  facebook: maisonseve\n  tiktok: maisonseve\n",
        encoding="utf-8")
    for name in ("facebook_posts_2026-10-01_2026-10-31_2026-11-02.csv",
                 "instagram_posts_2026-06-01_2026-08-31_2026-09-08.csv"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    header = (SAMPLE / "instagram_posts_2026-06-01_2026-08-31_2026-09-08.csv").read_text(
        encoding="utf-8-sig").splitlines()[0]
    october = tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-08.csv"
    october.write_text(header + "\n", encoding="utf-8")

    def rows(folder):
        sec = BrandReport(smm.load(folder, cache=False), "2026-10", lang="en").kpi_table()
        table = next(b for b in sec.blocks if b["kind"] == "table")
        return {r[0]: r[1:] for r in table["rows"]}

    got = rows(tmp_path)
    assert list(got) == ["Facebook", "Instagram", "TikTok", "All platforms"]
    assert got["Instagram"] == ["0", "0", "0", "0", "–", "–", "–"]
    assert got["TikTok"] == ["–"] * 7
    assert got["All platforms"] == got["Facebook"]
    october.unlink()
    got = rows(tmp_path)
    assert got["Instagram"] == ["–"] * 7 and got["All platforms"] == got["Facebook"]


def test_cover_notes_platforms_starting_or_ending_within_the_period():
    """The sample's TikTok exports start on 1 November 2025: the 2025 and 2025-Q4 reports count
    it from then and say so on the cover (the month of November itself is whole). A platform
    whose data end in the period (here Facebook's posts exports on 20 October) is partial; one
    known by its posts alone is not named, its last post being no end of its data."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    note = "The TikTok data start on 1 November 2025: TikTok counts from that day."
    for period in ("2025", "2025-Q4"):
        rep = BrandReport(ds, period, lang="en")
        assert rep.cover_lines[-1] == note
    assert BrandReport(ds, "2025-Q4", lang="en").cover_warnings == []
    assert BrandReport(ds, "2025-Q4", lang="it").cover_lines[-1] == (
        "I dati di TikTok iniziano il 1° novembre 2025: TikTok è contato da quella data.")
    rep = BrandReport(ds, "2025-11", lang="en")
    assert rep.cover_warnings == [] and not any("TikTok" in x for x in rep.cover_lines)
    files = ds.files.copy()
    fb = (files["platform"].astype("string") == "facebook").fillna(False) & (
        files["covers_to"] == pd.Timestamp("2026-10-31"))
    files["covers_to"] = files["covers_to"].mask(
        fb & files["kind"].astype("string").str.contains("posts"), pd.Timestamp("2026-10-20"))
    cut = dataclasses.replace(ds, files=files)
    assert BrandReport(cut, "2026-10", lang="fr").cover_warnings == [
        "Attention : les exports de publications de Facebook s'arrêtent le 20 octobre 2026 : "
        "les chiffres de Facebook pour cette période sont partiels."]
    # without a posts export that says which days it covers, nor daily rows, X's last post
    # is no end of its data
    only_posts = dataclasses.replace(
        ds, daily=ds.daily.iloc[:0], files=ds.files.assign(covers_from=pd.NaT, covers_to=pd.NaT))
    assert BrandReport(only_posts, "2026-10", lang="en").cover_warnings == []


def test_the_backtest_table_gives_each_rate_its_likely_range():
    """"Facebook · negative feedback: 48.7 alerts a year" rested on 30 tested days holding the
    crisis, and read as surely as a year of net followers' 6.0. Each rate now has its likely
    range (the exact 90 % Poisson interval), and a note says what it is.

    The rate was counted on the 30 post days tested: the signal is watched every day, and
    the days without a post between them (in the five months whose exports have the
    column) are days watched with nothing to alert on: 82 days, 4 × 365.25/82 = 17.8 a year,
    1.366 to 9.154 alerts (Garwood) over 82 days: 6.1-40.8. The table says the days its
    rates are counted on (it said 58 "days of history", the days with a value) and the
    alerts."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    blocks = BrandReport(ds, "2026-10", lang="en").alerts().blocks
    table = next(b for b in blocks if b["kind"] == "table" and "Likely range" in b["columns"])
    assert table["columns"][2:] == ["Days watched", "Alerts", "Alerts per 365 days watched",
                                    "Likely range"]
    rows = {(r[0], r[1]): r[2:] for r in table["rows"]}
    bt = smm.backtest(ds).set_index(["platform", "signal"])
    fb = bt.loc[("facebook", "negative_feedback")]
    assert (fb["alerts"], fb["days_tested"], fb["days_watched"]) == (4, 30, 82)
    assert rows[("Facebook", "negative feedback")] == ["82", "4", "17.8", "6.1–40.8"]
    assert any(b["kind"] == "note" and b["text"].startswith("Likely range: where the yearly "
                                                            "rate lies, 9 chances in 10")
               for b in blocks)


def test_the_sample_backtest_all_signals_alert_at_least_as_often_as_each():
    """All signals together read 25.2 alerts a year where Instagram's comments alone read
    91.3 (a brand of the review). On the sample, the "all" row is the sum of the rows' rates
    (every signal watched), at least each row's, on at least as many days watched as each;
    its sentence in the report gives it."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    bt = smm.backtest(ds)
    rows, tot = bt[bt["signal"] != "all"], bt[bt["signal"] == "all"].iloc[0]
    rated = rows["alerts_per_year"].dropna()
    assert len(rated) == 14
    assert (tot["alerts_per_year"] >= rated).all()
    assert tot["alerts_per_year"] == pytest.approx(rated.sum())
    assert (tot["days_watched"] >= rows["days_watched"].dropna()).all()
    assert tot["incidents_per_year"] <= tot["alerts_per_year"]
    blocks = BrandReport(ds, "2026-10", lang="en").alerts().blocks
    assert any(b["kind"] == "text" and b["text"].startswith(
        f"All signals together: {tot['alerts_per_year']:.1f} alerts per 365 days with every "
        "signal watched") for b in blocks)


def test_a_watch_of_too_short_a_history_gives_no_rate_and_no_range():
    """With a week of history no signal is tested yet: the all-signals sentence read
    "– alerts per 365 days …, likely range –––, … of the 0 days", and each range "–––"."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    week = pd.Timestamp("2026-10-25", tz="UTC")
    short = dataclasses.replace(ds, posts=ds.posts[ds.posts["published_at"] >= week],
                                daily=ds.daily[ds.daily["date"] >= week.tz_localize(None)])
    bt = smm.backtest(short)
    assert bt["alerts_per_year"].isna().all()
    blocks = BrandReport(short, "2026-10", lang="en").alerts().blocks
    assert not any(b["kind"] == "text" and b["text"].startswith("All signals together")
                   for b in blocks)
    cells = [c for b in blocks if b["kind"] == "table" for r in b["rows"] for c in r]
    assert "–––" not in cells and not any("–––" in str(c) for c in cells)


def test_a_quarterly_report_gives_each_goal_month_by_month():
    """The 2026-Q3 report judged each monthly goal on September alone ("Interactions ·
    Instagram (September 2026): Met"), though July's 12,887 missed its 14,500. Under the
    scorecard, a table now gives each goal's months met, missed, running or without data;
    a monthly report has no such table."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    blocks = BrandReport(ds, "2026-Q3", lang="en").scorecard().blocks
    heading = [i for i, b in enumerate(blocks) if b.get("text") == "Each goal over the period"]
    assert len(heading) == 1
    table = blocks[heading[0] + 1]
    assert table["columns"] == ["Goal", "Target", "Met", "Missed", "Running or no data"]
    rows = {r[0]: r[1:] for r in table["rows"]}
    assert rows["Interactions · Instagram"] == ["≥ 14,500", "2 (Aug, Sept)", "1 (Jul)", "–"]
    assert rows["ROAS · All platforms"][1:] == ["–", "–", "3 (Jul, Aug, Sept)"]
    assert table["caption"].startswith("Each goal judged on each of its periods within the "
                                       "report's")
    # the quarterly goal, its period the report's, with the quarter (it was left out)
    assert rows["Key events · All platforms"] == ["≥ 1,900", "–", "1 (Q3 2026)", "–"]
    assert len(table["rows"]) == 11
    monthly = BrandReport(ds, "2026-10", lang="en").scorecard().blocks
    assert not any(b.get("text") == "Each goal over the period" for b in monthly)
    # a year: more than four months are counted, not listed (ten ran across a page)
    year = BrandReport(ds, "2026", lang="en").scorecard().blocks
    rows = {r[0]: r[1:] for r in next(b for b in year if b["kind"] == "table" and
                                      "Running or no data" in b["columns"])["rows"]}
    assert rows["Revenue · All platforms"][1:] == ["–", "10", "–"]
    assert rows["Key events · All platforms"][1:] == ["–", "3 (Q1 2026, Q2 2026, Q3 2026)",
                                                      "1 (Q4 2026)"]


@pytest.mark.parametrize("period,lang,line", [
    ("2026", "en", "Warning: the data cover 1 January 2026 – 31 October 2026 only, 304 of the "
                   "period's 365 days: its totals are not those of the whole period."),
    ("2025", "fr", "Attention : les données ne couvrent que du 1er septembre 2025 au 31 "
                   "décembre 2025, 122 des 365 jours de la période : ses totaux ne sont pas "
                   "ceux de la période entière."),
    ("2026-Q4", "it", "Attenzione: i dati coprono solo dal 1° ottobre 2026 al 31 ottobre 2026, "
                      "31 dei 92 giorni del periodo: i suoi totali non sono quelli dell'intero "
                      "periodo."),
])
def test_cover_warns_of_a_period_the_data_cover_in_part(period, lang, line):
    """The 2026 report of the sample, whose exports end on 31 October, read "Period: 1 January
    2026 – 31 December 2026" with 1,057 posts and nothing said of November and December; the
    2025 report counted from September with no word. The cover now warns, first, of the days
    the data cover: 1 January to 31 October is 304 days, 1 September to 31 December 122,
    1 to 31 October 31 of the quarter's 92. A month the data cover whole has no warning."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    assert BrandReport(ds, period, lang=lang).cover_warnings[0] == line
    assert BrandReport(ds, "2026-10", lang=lang).cover_warnings == []


@pytest.mark.parametrize("args,error,match", [
    ({"lang": "de"}, "ArgumentError", "argument 'lang'.*one of en, fr, it"),
    ({"kind": "bogus"}, "ArgumentError", "argument 'kind'.*one of monthly, campaign"),
])
def test_a_report_names_a_language_or_kind_it_does_not_have(ds, args, error, match):
    """lang="de" gave a bare ValueError, kind="bogus" was taken."""
    from smmanalytics import errors

    with pytest.raises(getattr(errors, error), match=match):
        BrandReport(ds, "2026-10", **args)


def test_a_report_kind_is_taken_as_the_command_line_spells_it(ds):
    """BrandReport(kind="best-times"), the kind as `smm report` and batches write it, raised
    "not a kind of report"; it is the best_times report."""
    best = BrandReport(ds, "2026-10", kind="best-times", lang="en")
    assert best.title == BrandReport(ds, "2026-10", kind="best_times", lang="en").title
    assert best.title != BrandReport(ds, "2026-10", lang="en").title


def test_a_report_of_a_posts_frame_asks_for_the_dataset(ds):
    """BrandReport(ds.posts, …) gave "'DataFrame' object has no attribute 'brand'"."""
    from smmanalytics.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match="BrandReport takes a Dataset"):
        BrandReport(ds.posts, "2026-10")


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_a_month_over_has_its_goals_met_or_missed(lang):
    """October's report, the month over, called its two missed monthly goals "off track", as
    goals that could still be met, and counted them with the quarter's key events goal, which
    runs to December (off track, a 0 % chance)."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    f = rep.fmt
    sec = rep.scorecard()
    (cards,) = [b["items"] for b in sec.blocks if b["kind"] == "kpis"]
    assert [(c["label"], c["value"]) for c in cards] == [
        (f.status("met"), "8"), (f.status("on track"), "0"), (f.status("at risk"), "0"),
        (f.status("off track"), "1"), (f.status("missed"), "2")]
    assert f.status("missed") == {"fr": "Manqué", "it": "Mancato"}[lang]
    (table,) = [b for b in sec.blocks if b["kind"] == "table"]
    shown = [cell["text"] for row in table["rows"] for cell in row if isinstance(cell, dict)]
    assert shown.count(f.status("missed")) == 2 and shown.count(f.status("off track")) == 1
    # a quarter's report of goals all over: met or missed only
    sc = smm.scorecard(smm.load(SAMPLE), "2026-Q3")
    assert set(sc["status"].dropna()) <= {"met", "missed"}
    q3 = BrandReport(smm.load(SAMPLE), "2026-Q3", lang=lang).scorecard()
    (cards,) = [b["items"] for b in q3.blocks if b["kind"] == "kpis"]
    # and a tile for ROAS, without data: 5 + 5 + 1, the 11 goals
    assert [(c["label"], c["value"]) for c in cards] == [
        (f.status("met"), "5"), (f.status("missed"), "5"), (f.status("no data"), "1")]


def test_the_pooled_rate_card_says_which_platforms_it_counts():
    """The card read 7,63 % beside 27 671 interactions and 257 650 people reached (10,7 %):
    the rate counts only the platforms that export reach, which it now says."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang="fr")
    (cards,) = [b["items"] for b in rep.kpi_table().blocks if b["kind"] == "kpis"]
    assert cards[3]["value"] == "7,63\u00a0%"
    assert cards[3]["note"] == ("Facebook et Instagram seulement : les autres plateformes "
                                "n'exportent pas la couverture")
    assert all("note" not in c for c in cards[1:3])
    assert cards[0]["note"] == "dont 12 stories"            # of the 110 posts


def test_a_heading_is_kept_with_its_lines_and_figure_or_table():
    """A best-times platform's heading and summary stood at the foot of a page and its heatmap
    on the next, and the data quality's heading and counts, their table on the next: a heading
    that leads to a figure or a table through at most three lines of text or notes is kept
    with it (one unbreakable block in the PDF, where they fit on a page)."""
    from smmanalytics.report.builder import _kept_together

    h = {"kind": "heading", "level": 2, "text": "Instagram"}
    t, n = {"kind": "text", "text": "p = 0.002"}, {"kind": "note", "text": "per reach"}
    fig, tab = {"kind": "figure", "path": "f.svg"}, {"kind": "table"}
    b = {"kind": "bullets", "items": ["a"]}
    assert _kept_together([h, t, n, fig, tab]) == [{"kind": "keep", "blocks": [h, t, n, fig]},
                                                   tab]
    assert _kept_together([h, tab, fig]) == [{"kind": "keep", "blocks": [h, tab]}, fig]
    assert _kept_together([h, t, tab]) == [{"kind": "keep", "blocks": [h, t, tab]}]
    assert _kept_together([h, t, t, t, t, fig]) == [h, t, t, t, t, fig]
    assert _kept_together([h, b, tab]) == [h, b, tab]
    assert _kept_together([t, fig]) == [t, fig]
    assert _kept_together([t, tab]) == [t, tab]


def _header_lines(page_text: str, first_row: list[str]) -> list[str]:
    """The lines of a table's header as the PDF lays them out: the lines right above the
    table's first row (the line that starts with the cells ``first_row``), up to the blank
    line before them."""
    lines = page_text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.split()[:len(first_row)] == first_row)
    top = row
    while top > 0 and lines[top - 1].strip():
        top -= 1
    return lines[top:row]


@pytest.mark.parametrize("lang,median,pooled", [
    ("fr", "Engagement médian", "Engagement global"),
    ("en", "Eng. rate (median post)", "Eng. rate (pooled)"),
    ("it", "Engagement mediano", "Engagement complessivo"),
])
def test_key_figures_rate_headers_fit_in_two_lines(lang, median, pooled):
    """The key figures' rate columns were headed "Taux d'engagement / couverture (publication
    médiane)", over five lines of the PDF; they take short names, defined under the table,
    and their header holds at most two lines in every language."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    sec = rep.kpi_table()
    (table,) = [b for b in sec.blocks if b["kind"] == "table"]
    assert table["columns"][-2:] == [median, pooled]
    assert table["caption"].startswith({"fr": "Taux d'engagement par couverture (interactions ÷ "
                                              "couverture)",
                                        "en": "Engagement rates are by reach (interactions ÷ "
                                              "reach)",
                                        "it": "Tasso di engagement per copertura (interazioni ÷ "
                                              "copertura)"}[lang])
    rep.toc = False
    page = PdfReader(io.BytesIO(rep.pdf_bytes())).pages[1].extract_text(extraction_mode="layout")
    assert len(_header_lines(page, table["rows"][0][:2])) <= 2


_NO_EFFECT = {"window": None, "effect_detected": False, "n_used": 183, "p_value": 0.82,
              "method": {}}
_EFFECT = {"window": {"status": "ok", "days": "every day", "start_hour": 18, "end_hour": 21,
                      "lift": 1.48, "lift_low": 1.39, "lift_high": 1.58},
           "effect_detected": True, "n_used": 608, "p_value": 0.002, "method": {}}


@pytest.mark.parametrize("lang,first,then", [
    ("fr", "Aucun effet fiable de l'heure de publication dans les données de ce compte (p = 0,82 : "
           "si l'heure ne changeait rien, des écarts entre heures aussi grands apparaîtraient par "
           "hasard environ 8 fois sur 10 ; 183 publications)",
     "L'heure de publication compte pour ce compte (p = 0,002 : des écarts aussi grands "
     "apparaîtraient par le seul hasard environ 2 fois sur 1\u202f000) : les publications tous les "
     "jours entre 18:00 et 21:00 ont obtenu 1,48× la moyenne du compte sur des semaines qui "
     "n'ont pas servi à choisir la plage, probablement entre 1,39× et 1,58× (intervalle à 90 % : "
     "9 chances sur 10 que la vraie valeur s'y trouve ; 608 publications)."),
    ("en", "No reliable timing effect in this account's data (p = 0.82: if the hour made no "
           "difference, gaps between hours as large as these would turn up by chance about 8 "
           "times in 10; 183 posts)",
     "Posting time matters for this account (p = 0.002: gaps this large would turn up by chance "
     "alone about 2 times in 1,000): posts every day between 18:00 and 21:00 earned 1.48× the "
     "account's average on weeks not used to choose the window, likely between 1.39× and 1.58× "
     "(90% interval: 9 chances in 10 that the true figure lies within it; 608 posts)."),
    ("it", "Nessun effetto affidabile dell'orario nei dati di questo account (p = 0,82: se "
           "l'orario non contasse, differenze così grandi tra le ore comparirebbero per caso circa "
           "8 volte su 10; 183 post)",
     "L'orario di pubblicazione conta per questo account (p = 0,002: differenze così grandi "
     "comparirebbero per puro caso circa 2 volte su 1.000): i post tutti i giorni tra le 18:00 e "
     "le 21:00 hanno ottenuto 1,48× la media dell'account su settimane non usate per scegliere "
     "la fascia, probabilmente tra 1,39× e 1,58× (intervallo al 90%: 9 probabilità su 10 che il "
     "valore vero vi rientri; 608 post)."),
])
def test_best_times_says_what_p_and_the_interval_mean(ds, lang, first, then):
    """A manager read "(p = 0.002)" and "(90% interval 1.39–1.58)" with nothing to say what
    they mean: the section's first p-value comes with what it means in full, the next ones in
    short, and the interval with its chances, in the report's language."""
    from types import SimpleNamespace

    rep = BrandReport(ds, "2026-10", lang=lang)
    said: set[str] = set()
    assert rep._bt_sentence(SimpleNamespace(**_NO_EFFECT), said).startswith(first)
    assert rep._bt_sentence(SimpleNamespace(**_EFFECT), said) == then
    # said alone (the best-times report of one platform), p is glossed in full
    alone = rep._bt_sentence(SimpleNamespace(**_EFFECT))
    assert rep.fmt.label("bt_chance_first").format(odds=rep.fmt.odds(0.002)) in alone


def _one_cell_slots(cells: dict[tuple[int, int], int]) -> pd.DataFrame:
    """A best-times ``by_slot`` grid (7 weekdays x 24 hours) with posts in the given cells."""
    grid = pd.DataFrame({"weekday": np.repeat(np.arange(7), 24),
                         "hour": np.tile(np.arange(24), 7)})
    grid["n_posts"] = [cells.get((d, h), 0)
                       for d, h in zip(grid["weekday"], grid["hour"], strict=True)]
    return grid


@pytest.mark.parametrize("lang,one_hour,one_day", [
    ("en", "(p = 0.28: every post went out at 12:00, so the hour cannot be tested, and if the day "
           "of the week made no difference, gaps between days as large as these would turn up by "
           "chance about 3 times in 10; 23 posts)",
     "(p = 0.28: every post went out on a Monday, so the day of the week cannot be tested, and "
     "if the hour made no difference, gaps between hours as large as these would turn up by "
     "chance about 3 times in 10; 23 posts)"),
    ("fr", "(p = 0,28 : toutes les publications sont parues à 12:00, l'heure ne peut donc pas être "
           "testée, et si le jour de la semaine ne changeait rien, des écarts entre jours aussi "
           "grands apparaîtraient par hasard environ 3 fois sur 10 ; 23 publications)",
     "(p = 0,28 : toutes les publications sont parues un lundi, le jour de la semaine ne peut "
     "donc pas être testé, et si l'heure ne changeait rien, des écarts entre heures aussi grands "
     "apparaîtraient par hasard environ 3 fois sur 10 ; 23 publications)"),
    ("it", "(p = 0,28: tutti i post sono usciti alle 12:00, quindi l'orario non si può verificare, "
           "e se il giorno della settimana non contasse, differenze così grandi tra i giorni "
           "comparirebbero per caso circa 3 volte su 10; 23 post)",
     "(p = 0,28: tutti i post sono usciti di lunedì, quindi il giorno della settimana non si può "
     "verificare, e se l'orario non contasse, differenze così grandi tra le ore comparirebbero "
     "per caso circa 3 volte su 10; 23 post)"),
])
def test_best_times_of_posts_at_one_hour_says_only_days_were_compared(ds, lang, one_hour,
                                                                       one_day):
    """23 Facebook posts all published at 12:15: the section said "if the hour made no
    difference, gaps between hours as large as these would turn up by chance about 3 times in
    10", when there was one hour and the test could only compare days of the week. Posts at one
    hour say the hour cannot be tested and the days were compared; posts on one weekday (several
    hours), the mirror: the day cannot be tested and the hours were compared."""
    from types import SimpleNamespace

    rep = BrandReport(ds, "2026-10", lang=lang)
    # 23 posts at 12:00 over Monday..Sunday (4+3+3+3+3+3+4), then 23 on Mondays at 9, 12, 18
    at_noon = _one_cell_slots({(d, 12): n for d, n in enumerate([4, 3, 3, 3, 3, 3, 4])})
    mondays = _one_cell_slots({(0, 9): 8, (0, 12): 8, (0, 18): 7})
    base = dict(_NO_EFFECT, p_value=0.28, n_used=23)
    assert one_hour in rep._bt_sentence(SimpleNamespace(**base, by_slot=at_noon))
    assert one_day in rep._bt_sentence(SimpleNamespace(**base, by_slot=mondays))
    # several hours on several days: the hours' gloss, as before
    spread = _one_cell_slots({(0, 9): 12, (3, 18): 11})
    assert rep.fmt.label("bt_chance_first").format(odds=rep.fmt.odds(0.28)) in (
        rep._bt_sentence(SimpleNamespace(**base, by_slot=spread)))


@pytest.mark.parametrize("lang,days,hours,untested", [
    ("en", "posts on Monday, Wednesday and Saturday between 18:00 and 19:00 and between 20:00 "
           "and 21:00 earned",
     "(recommended window (on Monday and Saturday, 18:00–21:00 Europe/Paris)",
     "Whether posting time matters cannot be tested on these 25 posts: too few of them share"),
    ("fr", "les publications le lundi, mercredi et samedi entre 18:00 et 19:00 et entre 20:00 et "
           "21:00 ont obtenu",
     "(plage recommandée (le lundi et samedi, 18:00–21:00 Europe/Paris)",
     "L'effet de l'heure de publication ne peut pas être testé sur ces 25 publications : trop "
     "peu d'entre elles"),
    ("it", "i post di lunedì, mercoledì e sabato tra le 18:00 e le 19:00 e tra le 20:00 e le "
           "21:00 hanno ottenuto",
     "(fascia consigliata (di lunedì e sabato, 18:00–21:00 Europe/Paris)",
     "Non si può verificare se l'orario di pubblicazione conti su questi 25 post: troppo pochi"),
])
def test_a_best_times_window_of_posted_days_and_hours_is_said_as_it_is(ds, lang, days, hours,
                                                                        untested):
    """timing cuts a window to the days and hours the account posted in: days that are no day
    group are named (the sentence said "every day" for any of them), hours skipping one are
    said as their runs; a test whose permutations cannot differ is said not to be run (the
    sentence gave "Too few posts (25 ...; at least 20 ... are needed)")."""
    from types import SimpleNamespace

    from smmanalytics.timing._model import NOT_PERMUTABLE

    rep = BrandReport(ds, "2026-10", lang=lang)
    window = dict(_EFFECT["window"], days="Monday/Wednesday/Saturday", weekdays=[0, 2, 5],
                  hours=[18, 20], start_hour=18, end_hour=21)
    assert days in rep._bt_sentence(SimpleNamespace(**dict(_EFFECT, window=window)))
    note = rep.fmt.note("recommended window (Monday/Saturday, 18:00-21:00 Europe/Paris): "
                        "held-out lift 1.23x (interval 1.05-1.40); this slot 1.30x from 12 posts")
    assert f"({note}".startswith(hours)
    untestable = dict(_NO_EFFECT, p_value=float("nan"), n_used=25,
                      method={"test": NOT_PERMUTABLE, "weeks": 20})
    assert rep._bt_sentence(SimpleNamespace(**untestable)).startswith(untested)


@pytest.mark.parametrize("lang,caption,note", [
    ("fr", "L'intervalle à 95 % est la fourchette où se trouve très probablement l'évolution "
           "réelle (en %), avec 95 chances sur 100, compte tenu des variations d'une publication "
           "à l'autre : s'il va d'une baisse à une hausse, l'évolution peut être due au hasard.",
     "Les intervalles viennent de nombreux tirages au hasard parmi les publications (ou les "
     "jours) de la période (bootstrap) ; sur autant d'indicateurs, un ou deux peuvent se trouver "
     "entièrement au-dessus ou au-dessous de zéro, comme si l'évolution était réelle, par le "
     "seul hasard."),
    ("en", "The 95% interval is the range the real change (in %) very likely lies in, 95 chances "
           "in 100, given how much posts vary: one that runs from a fall to a rise means the "
           "change may be chance.",
     "The intervals come from drawing the period's posts (or days) again at random, many times "
     "over (bootstrap); across this many KPIs, one or two may lie wholly above or below zero, as "
     "if the change were real, by chance alone."),
    ("it", "L'intervallo al 95% è la forbice in cui si trova molto probabilmente la variazione "
           "reale (in %), con 95 probabilità su 100, date le oscillazioni da un post all'altro: "
           "se va da un calo a un aumento, la variazione può essere dovuta al caso.",
     "Gli intervalli vengono da molte estrazioni a caso tra i post (o i giorni) del periodo "
     "(bootstrap); su tanti indicatori, uno o due possono stare interamente sopra o sotto lo "
     "zero, come se la variazione fosse reale, per puro caso."),
])
def test_the_comparison_says_what_its_intervals_mean(lang, caption, note):
    """The comparison's caption said "Intervals are on the relative change" and its note
    "95% bootstrap intervals … may exclude zero": the caption now says what a 95% interval is
    and how to read one that spans zero, the note how it is made, in words."""
    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"{m}-{d}", "reactions": 10.0 + d,
             "reach": 500.0, "published_at": f"2026-{m:02d}-{d:02d}T09:00:00Z"}
            for m, days in ((9, 30), (10, 31)) for d in range(1, days + 1)]
    rep = BrandReport(dataset(posts=posts(rows)), "2026-10", lang=lang)
    sec = rep.compare()
    (table,) = [b for b in sec.blocks if b["kind"] == "table"]
    assert table["caption"].endswith(caption)
    assert note in next(b for b in sec.blocks if b["kind"] == "bullets")["items"]
    assert "exclude zero" not in " ".join(next(b for b in sec.blocks
                                               if b["kind"] == "bullets")["items"])


@pytest.mark.parametrize("lang,footnote,caption", [
    ("fr", "12 stories écartées (42 publications en les comptant) : les références ne comptent "
           "que les publications du fil",
     "Instagram ★ — 12 stories écartées (42 publications en les comptant) : les chiffres publics "
     "ne comptent que les publications du fil."),
    ("en", "12 stories left out (42 posts counting them): benchmarks count feed posts only",
     "Instagram ★ — 12 stories left out (42 posts counting them): public figures count feed "
     "posts only."),
    ("it", "12 storie escluse (42 post contandole): i benchmark contano solo i post del feed",
     "Instagram ★ — 12 storie escluse (42 post contandole): i dati pubblici contano solo i post "
     "del feed."),
])
def test_benchmarks_say_how_many_stories_they_leave_out(lang, footnote, caption):
    """October's key figures count 42 Instagram posts; the benchmark table's method said "30
    posts" and the competitors' table 30, with nothing said: both Instagram rows of the
    benchmarks refer to a footnote naming the 12 stories left out and why, and the
    competitors' caption says it of the brand's row."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    sec = rep.benchmarks()
    bench, comp = [b for b in sec.blocks if b["kind"] == "table"]
    (notes,) = [b["items"] for b in sec.blocks if b["kind"] == "bullets"]
    number = str(notes.index(footnote) + 1)
    instagram = [r for r in bench["rows"] if r[0] == "Instagram"]
    assert len(instagram) == 2 and all(number in r[-1].split(", ") for r in instagram)
    assert all(number not in r[-1].split(", ") for r in bench["rows"] if r[0] != "Instagram")
    assert comp["caption"].endswith(caption)
    assert rep.fmt.untranslated == set()


def test_a_tables_caption_stays_with_its_last_rows():
    """The comparison's caption stood alone at the top of a page, its table on the one before:
    whatever the text above a table, its caption is on the page of its last row."""
    from smmanalytics.report.builder import Report

    brand = Brand(name="Acme", timezone="Europe/Paris", language="en")
    for lines in range(38, 50):          # one of them puts the last row at a page's foot
        rep = Report(title="t", period_label="p", brand=brand, lang="en", toc=False)
        sec = rep.section("Section")
        rep.bullets(sec, [f"line {i}" for i in range(lines)])
        rep.table(sec, pd.DataFrame({"a": [f"row {i}" for i in range(4)] + ["LASTROW"]}),
                  caption="CAPTIONTEXT")
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(rep.pdf_bytes())).pages]
        assert [i for i, p in enumerate(pages) if "CAPTIONTEXT" in p] == \
            [i for i, p in enumerate(pages) if "LASTROW" in p], lines


def _pages_of(rep) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(rep.pdf_bytes())).pages]


def _rows_per_page(pages: list[str], rows: int) -> dict[int, list[int]]:
    """Page → the rows ("ROW007") of the table laid out on it."""
    found = {i: [r for r in range(rows) if f"ROW{r:03d}" in p] for i, p in enumerate(pages)}
    return {i: r for i, r in found.items() if r}


def _filled_report(lines: int):
    """A report whose first section holds ``lines`` lines of text, and its second section."""
    from smmanalytics.report.builder import Report

    brand = Brand(name="Acme", timezone="Europe/Paris", language="en")
    rep = Report(title="t", period_label="p", brand=brand, lang="en", toc=False)
    sec = rep.section("Section")
    rep.bullets(sec, [f"line {i}" for i in range(lines)])
    return rep, rep.section("TABLEHEADING", level=2)


def _table(rows: int) -> pd.DataFrame:
    return pd.DataFrame({"HEADCOL": [f"ROW{i:03d}" for i in range(rows)],
                         "value": [f"{i * 37}" for i in range(rows)]})


def test_a_table_that_fits_on_a_page_is_never_broken():
    """The top posts and the best-times slots broke after a row or two at a page's foot: a
    table that fits on a page moves whole to the next, with its heading and lead-in line,
    wherever the text above it ends."""
    moved = set()
    for lines in range(30, 50):          # the table's start goes down the page, then off it
        rep, sec = _filled_report(lines)
        rep.text(sec, "LEADIN line.")
        rep.table(sec, _table(12), caption="CAPTIONTEXT")
        pages = _pages_of(rep)
        on = _rows_per_page(pages, 12)
        assert len(on) == 1 and list(on.values())[0] == list(range(12)), (lines, on)
        (page,) = on
        assert "TABLEHEADING" in pages[page] and "LEADIN" in pages[page], lines
        assert "CAPTIONTEXT" in pages[page], lines
        moved.add("line 0" in pages[page])
    assert moved == {True, False}        # some tables stood under the text, others moved


def test_a_long_table_repeats_its_header_and_breaks_after_its_first_rows():
    """A table longer than a page breaks: its header row is repeated on each page, no page
    ends with its header and fewer than three rows, nor starts with fewer than three of its
    last rows; its heading stays on the page of its first rows."""
    n = 70
    for lines in range(30, 50):
        rep, sec = _filled_report(lines)
        rep.table(sec, _table(n), caption="CAPTIONTEXT")
        pages = _pages_of(rep)
        on = _rows_per_page(pages, n)
        assert len(on) >= 2, lines
        assert sum(on.values(), []) == list(range(n)), lines      # in order, each row once
        assert all(len(rows) >= 3 for rows in on.values()), (lines, on)
        assert all("HEADCOL" in pages[i] for i in on), lines
        assert "TABLEHEADING" in pages[min(on)] and "CAPTIONTEXT" in pages[max(on)], lines


@pytest.mark.parametrize("lang,caption", [
    ("fr", "* Publiée pendant un incident signalé par la veille de réputation (du 13 oct. au 19 "
           "oct., crise) : ses interactions peuvent venir de l'incident (plaintes, réponses) plus "
           "que de l'attrait du contenu."),
    ("en", "* Published during an incident flagged by the reputation watch (13 Oct – 19 Oct, "
           "crisis): its interactions may come from the incident (complaints, replies) more than "
           "from the content's appeal."),
    ("it", "* Pubblicato durante un incidente segnalato dal monitoraggio della reputazione (dal "
           "13 ott al 19 ott, crisi): le sue interazioni possono venire dall'incidente "
           "(lamentele, risposte) più che dall'interesse per il contenuto."),
])
def test_top_posts_of_an_incident_are_marked(lang, caption):
    """October's top posts held the brand's statements on batch 2610 of 14 and 18 October,
    published during the crisis the reputation watch flags (13-19 October), read as its two
    best posts of the month: they are marked, and the line under the table names the
    incident; the post of 12 October, before it, is not."""
    import smmanalytics as smm

    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    top, bottom = [b for b in rep.top_posts().blocks if b["kind"] == "table"]
    marked = [r[0].endswith(" *") for r in top["rows"]]
    assert marked == [True, False, False, True, False]
    assert [r[0][:5] for r in top["rows"]][:4] == ["14/10", "12/10", "04/10", "18/10"]
    assert top["caption"] == caption
    # the bottom posts' line is the one of the posts left out as too young, not an incident's
    assert not any(r[0].endswith("*") for r in bottom["rows"])
    assert not bottom["caption"].startswith("*")
    # a month without an incident (August has a watch on the 23rd since the level test's
    # dispersion leaves the outbreak's days out): nothing marked, nothing said
    june = BrandReport(smm.load(SAMPLE), "2026-06", lang=lang).top_posts()
    (top, _) = [b for b in june.blocks if b["kind"] == "table"]
    assert not any(r[0].endswith("*") for r in top["rows"]) and top["caption"] is None


def test_notes_go_with_the_figure_table_or_cards_they_qualify():
    """A note right after a figure, a table or KPI cards qualifies it and is laid out with it
    (the best-times' "Posts left out" note stood alone at a page's top, its table on the page
    before), and so is a line of text between them (the alerts' yearly total, between their
    table and the note on its likely range); the report's own blocks are left as they were."""
    from smmanalytics.report.builder import _notes_attached

    n1, n2 = {"kind": "note", "text": "left out"}, {"kind": "note", "text": "range"}
    t = {"kind": "text", "text": "total"}
    tab, fig = {"kind": "table", "rows": []}, {"kind": "figure", "path": "f.svg"}
    kpis = {"kind": "kpis", "items": []}
    blocks = [tab, n1, fig, t, n1, n2, kpis, n2, t, tab, t, t, n1]
    assert _notes_attached(blocks) == [
        {**tab, "notes": [n1]}, {**fig, "notes": [t, n1, n2]}, {**kpis, "notes": [n2]},
        t, tab, t, t, n1]
    assert blocks[0] == {"kind": "table", "rows": []}          # not changed
    assert _notes_attached([t, n1, fig]) == [t, n1, fig]      # a note before leads in


def test_a_heading_is_kept_with_its_cards_and_with_its_first_sub_heading():
    """The ROI's heading and KPI cards ended a page, its table on the next, and the best
    times' heading and lines ended a page, the first platform's heading and heatmap on the
    next: cards lead in to a table as lines do, and a heading that leads to a sub-heading is
    kept with the sub-heading's keep."""
    from smmanalytics.report.builder import _kept_together

    h1, h2 = {"kind": "heading", "level": 1, "text": "ROI"}, {"kind": "heading", "level": 2,
                                                                "text": "Facebook"}
    t, kpis = {"kind": "text", "text": "p = 0.002"}, {"kind": "kpis", "items": []}
    fig, tab = {"kind": "figure", "path": "f.svg"}, {"kind": "table"}
    b = {"kind": "bullets", "items": ["a"]}
    assert _kept_together([h1, kpis, tab, fig]) == [{"kind": "keep", "blocks": [h1, kpis, tab]},
                                                    fig]
    assert _kept_together([h1, t, h2, t, fig, tab]) == [
        {"kind": "keep", "blocks": [h1, t, {"kind": "keep", "blocks": [h2, t, fig]}]}, tab]
    assert _kept_together([h1, h2, tab]) == [
        {"kind": "keep", "blocks": [h1, {"kind": "keep", "blocks": [h2, tab]}]}]
    # a sub-heading that leads to no figure or table: each heading sticks to its next block
    assert _kept_together([h1, t, h2, b]) == [h1, t, h2, b]


def _first_page(pages: list[str], text: str) -> int:
    return next(i for i, p in enumerate(pages) if text in p)


def test_a_note_stays_on_the_page_of_its_tables_last_row():
    """Whatever the text above a table, the note under it is on the page of its last row
    (the best-times' "Posts left out" note stood alone at the top of a page)."""
    for lines in range(36, 50):          # one of them puts the last row at a page's foot
        rep, sec = _filled_report(lines)
        rep.table(sec, _table(8), caption="CAPTIONTEXT")
        rep.text(sec, "NOTETEXT: posts left out.", note=True)
        pages = _pages_of(rep)
        assert _first_page(pages, "NOTETEXT") == _first_page(pages, "ROW007"), lines


def test_a_heading_and_its_cards_stay_with_their_table():
    """The ROI's heading, its KPI cards and their note stood at a page's foot, the section's
    table on the next: the heading is on the page of the table's first row, and so are the
    cards and their note."""
    for lines in range(30, 50):
        rep, _ = _filled_report(lines)
        sec = rep.section("ROIHEADING")
        rep.kpis(sec, [{"label": "CARDLABEL", "value": "164 %"}, {"label": "ROAS", "value": "7"}])
        rep.text(sec, "FORMULANOTE: ROI = (value − cost) ÷ cost.", note=True)
        rep.table(sec, _table(3))
        pages = _pages_of(rep)
        first = _first_page(pages, "ROW000")
        assert [_first_page(pages, s) for s in ("ROIHEADING", "CARDLABEL", "FORMULANOTE")] \
            == [first] * 3, lines


def test_a_heading_and_its_lines_stay_with_the_first_sub_section():
    """The best times' heading and its lines ended a page, the first platform's heading and
    heatmap starting the next: the heading is on the page of the first sub-heading and its
    figure."""
    import matplotlib.pyplot as plt

    for lines in range(20, 46):
        rep, _ = _filled_report(lines)
        sec = rep.section("BESTTIMES")
        rep.text(sec, "INTROLINE " + "The hours are the audience's. " * 12)
        sub = rep.section("PLATFORMX", level=2)
        rep.text(sub, "No reliable effect of the hour.")
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.plot([0, 1], [0, 1])
        rep.figure(sub, fig, caption="FIGCAPTION")
        pages = _pages_of(rep)
        assert _first_page(pages, "BESTTIMES") == _first_page(pages, "PLATFORMX") \
            == _first_page(pages, "FIGCAPTION"), lines


@pytest.mark.parametrize("sub_heading", [False, True])
def test_lines_too_long_to_share_a_page_with_their_figure_leave_no_page_blank(sub_heading):
    """A heading whose lines and figure (or sub-section) do not fit on one page: the lines
    stuck to the figure, which cannot break, and Typst left a page blank before them (only
    its header and footer). Now the heading keeps to its first line, the lines flow, and the
    figure follows them, on the next page if need be; no page is blank."""
    import matplotlib.pyplot as plt

    for lines in (0, 24, 48):
        rep, _ = _filled_report(lines)
        sec = rep.section("BESTTIMES")
        rep.text(sec, "INTROLINE " + "The hours are the audience's. " * 60)
        rep.text(sec, "LASTLEAD " + "The hours are the audience's. " * 30)
        if sub_heading:
            sec = rep.section("PLATFORMX", level=2)
        fig, ax = plt.subplots(figsize=(6, 7.5))
        ax.plot([0, 1], [0, 1])
        rep.figure(sec, fig, caption="FIGCAPTION")
        pages = _pages_of(rep)
        assert all(any(s in p for s in ("line ", "audience's", "FIGCAPTION")) for p in pages[1:]), \
            (lines, [len(p) for p in pages])
        assert _first_page(pages, "BESTTIMES") == _first_page(pages, "INTROLINE"), lines


def _baseline_of(pdf: bytes, word: str) -> tuple[int, float]:
    """The page and the height on it (PDF points from its foot) of the first text run holding
    ``word``."""
    for i, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        found: list[float] = []

        def visit(text, cm, tm, font, size, found=found):
            if word in text:
                found.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        if found:
            return i, found[0]
    raise AssertionError(f"{word} is on no page")


def test_a_heading_kept_with_its_table_keeps_the_space_above_it():
    """A heading kept with its table (a block that may not break) stood tight under the lines
    before it, the space above a heading dropped at the top of that block (the goals' heading
    under the table of contents): it has the space of a heading that stands alone, at both
    levels."""
    from smmanalytics.report.builder import Report

    brand = Brand(name="Acme", timezone="Europe/Paris", language="en")
    for level in (1, 2):
        gaps = []
        for kept in (True, False):
            rep = Report(title="t", period_label="p", brand=brand, lang="en", toc=False)
            rep.bullets(rep.section("Section"), ["PREVLINE"])
            sec = rep.section("HEADWORD", level=level)
            if kept:
                rep.table(sec, _table(3))
            else:
                rep.bullets(sec, ["a line"])
            pdf = rep.pdf_bytes()
            (page, before), (page_of_heading, heading) = (_baseline_of(pdf, "PREVLINE"),
                                                          _baseline_of(pdf, "HEADWORD"))
            assert page == page_of_heading
            gaps.append(before - heading)
        assert gaps[0] == pytest.approx(gaps[1], abs=0.5), (level, gaps)


def test_engagement_table_is_computed_once_and_each_caller_gets_a_copy(ds, monkeypatch):
    rep = BrandReport(ds, "2026-10", lang="en")
    calls = []
    compute = rep._engagement_table
    monkeypatch.setattr(rep, "_engagement_table", lambda: calls.append(1) or compute())
    first = rep.engagement_table()
    first.loc[0, "posts"] = -1                     # a caller's edit stays its own
    second = rep.engagement_table()
    assert len(calls) == 1 and (second["posts"] >= 0).all()
    pd.testing.assert_frame_equal(second, compute())
    rep.posts = rep.posts.iloc[:5]                 # other posts: computed anew
    assert rep.engagement_table().iloc[-1]["posts"] == 5 and len(calls) == 2


def test_engagement_table_gives_posts_without_a_platform_their_own_row():
    """A post without a platform (the schema allows it) is a row of its own, its reach its
    own sum: the key figures and the charts raised KeyError(<NA>) on it."""
    df = pd.DataFrame({
        "platform": ["instagram", "instagram", None, "facebook"],
        "post_id": ["a", "b", "c", "d"],
        "published_at": pd.to_datetime(["2026-10-02 10:00", "2026-10-05 18:00",
                                        "2026-10-07 12:00", "2026-10-09 09:00"], utc=True),
        "reactions": [10.0, 20.0, 5.0, 8.0], "comments": [1.0, 2.0, 0.0, 1.0],
        "reach": [1000.0, 1500.0, 700.0, 400.0],
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language="en"))
    rep = BrandReport(ds, "2026-10", lang="en")
    table = rep.engagement_table()
    assert table["platform"].tolist()[:2] + table["platform"].tolist()[3:] == [
        "facebook", "instagram", "total"] and pd.isna(table["platform"][2])
    assert table["posts"].tolist() == [1, 2, 1, 4]
    assert table["reach"].tolist() == [400, 1000 + 1500, 700, 1000 + 1500 + 700 + 400]
    rep.kpi_table()
    rep.engagement_charts()


def test_a_plan_past_the_window_says_it_takes_the_next_best_slots():
    """The caption said "in or nearest the recommended window" of a plan whose slots past
    the window are the next best by lift, wherever their hour (a 10:00 slot at 0.95× in an
    18:00-21:00 window's plan): it says so now, and "in the window" when all of them are."""
    import types

    from smmanalytics.report.watch import WatchSections

    bt = types.SimpleNamespace(recommended=pd.DataFrame({"weekday": [1, 1, 3],
                                                         "hour": [18, 19, 18]}))
    inside = pd.DataFrame({"weekday": [1, 3, 1], "hour": [19, 18, 18]})
    past = pd.DataFrame({"weekday": [1, 3, 2], "hour": [19, 18, 10]})
    assert WatchSections._window_basis(bt, inside) == "bt_basis_window"
    assert WatchSections._window_basis(bt, past) == "bt_basis_window_then"
    labels = {lang: Formatter(lang).label("bt_basis_window_then") for lang in ("en", "fr", "it")}
    assert labels == {
        "en": "in the recommended window, then at the next best slots, whatever their hour",
        "fr": "dans la plage recommandée, puis aux meilleurs créneaux suivants, quelle que soit "
              "leur heure",
        "it": "nella fascia consigliata, poi nelle migliori fasce successive, a qualunque ora"}


@pytest.mark.parametrize("lang,ticks", [
    ("fr", ["-1\u202f000", "-500", "0", "500", "1\u202f000"]),
    ("it", ["-1.000", "-500", "0", "500", "1.000"]),
])
def test_chart_ticks_write_minus_as_the_tables_do(ds, lang, ticks):
    """Charts wrote matplotlib's minus (U+2212, "−100") where the tables, through Babel, write
    the language's ("-150"): a reader saw two signs in one report. Plain-number ticks now
    take the tables' sign and grouping."""
    import matplotlib.pyplot as plt

    from smmanalytics.report.builder import _reader_numbers

    rep = BrandReport(ds, "2026-10", lang=lang)
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [-1000, 1000])
    ax.set_yticks([-1000, -500, 0, 500, 1000])
    _reader_numbers(fig, rep.fmt)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_yticklabels()] == ticks
    plt.close(fig)


@pytest.mark.parametrize("period,label,days", [
    ("2026-10", "octobre 2026", ["Période : 1er octobre 2026 – 31 octobre 2026"]),
    ("2026-09-20..2026-10-31", "20 septembre 2026 – 31 octobre 2026", []),
])
def test_the_cover_says_a_periods_days_once(ds, period, label, days):
    """A campaign's cover (a range of days) showed its days under the title, then again as
    "Période : …": a range is named by its days, so the line goes; a month keeps it."""
    rep = BrandReport(ds, period, lang="fr")
    assert rep.period_label == label
    assert rep.cover_lines[:len(days) + 1] == days + [f"Publications : {len(rep.posts)}"]


def test_a_best_times_cover_counts_the_history_it_analyses(ds):
    """A best-times report's cover said "Posts: 110", October's, of an analysis that reads
    every post up to 31 October: it now counts those, and says so."""
    rep = BrandReport(ds, "2026-10", kind="best_times", lang="en")
    local = ds.posts["published_at"].dt.tz_convert(ds.brand.timezone).dt.tz_localize(None)
    n = int((local.dt.normalize() <= pd.Timestamp("2026-10-31")).sum())
    assert n > len(rep.posts)              # the fixture's posts start in September
    assert rep.cover_lines[1] == f"Posts up to 31 October 2026 (the history analysed): {n}"
    assert BrandReport(ds, "2026-10", lang="en").cover_lines[1] == f"Posts: {len(rep.posts)}"


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_signals_too_short_to_test_are_not_called_quiet(lang):
    """Three weeks of net follows: no day has 4 earlier same weekdays, so none was tested; the
    watch said "No alert in this period: every watched signal stayed within its usual range"."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2026-06-01", "2026-06-21")]
    rep = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)
    texts = [b["text"] for b in rep.alerts().blocks if b["kind"] == "text"]
    assert texts[0] == rep.fmt.label("alerts_untested").format(weeks="4")
    assert texts[0] != rep.fmt.label("alerts_none") and "4" in texts[0]


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_a_month_tested_in_part_names_its_untested_days(lang):
    """Net follows from 1 June to 10 July: a day is tested once 4 earlier same weekdays have a
    value, so from 1 June + 28 days = 29 June on; June's 1st to 28th could hide an incident.
    The watch said "No alert in this period: every watched signal stayed within its usual
    range", and gave a yearly rate from the 12 days watched (29 June to 10 July, after June),
    0 alerts: "0.0, likely range 0.0–91.2". June's report judges the history up to 30 June: 2
    days watched, 29 and 30 June, too few for a rate."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2026-06-01", "2026-07-10")]
    rep = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)
    f = rep.fmt
    blocks = rep.alerts().blocks
    texts = [b["text"] for b in blocks if b["kind"] == "text"]
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    assert texts[0] == f.label("alerts_none_tested") != f.label("alerts_none")
    assert f.label("alerts_partly").format(weeks="4") in notes
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    untested = ", ".join(f.date(d, "d MMM") for d in pd.date_range("2026-06-01", "2026-06-28"))
    assert items == [f.prose(f.label("alerts_partly_item").format(
        signal=signal, tested="2", days="30", dates=untested))]
    # 2 days watched: no rate, no range, no sum of rates; the note says why
    [table] = [b for b in blocks if b["kind"] == "table"]
    assert table["rows"] == [[f.platform("instagram"), f.label("sig_net_followers"), "2", "0",
                              "–", "–"]]
    assert f.prose(f.label("alerts_rate_few").format(days="28", signals=f"{signal} (2)")) \
        in notes
    assert not any(t.startswith(f.label("alerts_total")[:10]) for t in texts)


@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_the_history_a_day_needs_is_the_settings_not_a_fixed_4(lang, monkeypatch):
    """The watch's notes said a day is compared with "the 4 weeks before it at least" whatever
    the settings' min_history. With min_history=3, net follows from 1 June to 10 July: a day
    is tested from 1 June + 3 × 7 days = 22 June on, so June is tested on 22..30 June, 9 of
    its 30 days, and the notes say 3 weeks; with 1 to 14 June (two weeks) no day is tested."""
    import dataclasses
    import importlib

    from ._roi_builders import daily, dataset

    # the module (smmanalytics.alerts is also the name of its function)
    alerts_module = importlib.import_module("smmanalytics.alerts")

    @dataclasses.dataclass(frozen=True)
    class ThreeWeeks(alerts_module.AlertSettings):     # the settings the watch makes
        min_history: int = 3

    monkeypatch.setattr(alerts_module, "AlertSettings", ThreeWeeks)

    def report(last):
        rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
                 "metric": "net_follows", "value": 3.0}
                for d in pd.date_range("2026-06-01", last)]
        return BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)

    rep = report("2026-07-10")
    f = rep.fmt
    blocks = rep.alerts().blocks
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    weeks = {"en": "the 3 weeks", "fr": "des 3 semaines", "it": "almeno 3 settimane"}[lang]
    [partly] = [n for n in notes if n == f.label("alerts_partly").format(weeks="3")]
    assert weeks in partly and "4" not in partly
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    untested = ", ".join(f.date(d, "d MMM") for d in pd.date_range("2026-06-01", "2026-06-21"))
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    assert items == [f.prose(f.label("alerts_partly_item").format(
        signal=signal, tested="9", days="30", dates=untested))]
    rep = report("2026-06-14")
    texts = [b["text"] for b in rep.alerts().blocks if b["kind"] == "text"]
    assert texts[0] == rep.fmt.label("alerts_untested").format(weeks="3")
    assert weeks in texts[0]


@pytest.mark.parametrize("lang, week, weeks", [
    ("en", "the same weekday of the week before it at least", "1 weeks"),
    ("fr", "au même jour de la semaine précédente au moins", "1 semaines"),
    ("it", "lo stesso giorno della settimana precedente", "1 settimane"),
])
def test_a_one_week_history_minimum_is_said_in_the_singular(lang, week, weeks, monkeypatch):
    """With min_history=1 the watch said a day is compared with the same weekday of "the 1
    weeks before it" ("des 1 semaines", "delle almeno 1 settimane"). Net follows from 1 June
    to 10 July: a day is tested once 1 earlier same weekday has a value, from 1 June + 7 days
    = 8 June on, so June's 1st to 7th are untested and June is tested on 30 - 7 = 23 days; with
    1 to 7 June alone no day is tested."""
    import dataclasses
    import importlib

    from ._roi_builders import daily, dataset

    alerts_module = importlib.import_module("smmanalytics.alerts")

    @dataclasses.dataclass(frozen=True)
    class OneWeek(alerts_module.AlertSettings):
        min_history: int = 1

    monkeypatch.setattr(alerts_module, "AlertSettings", OneWeek)

    def report(last):
        rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
                 "metric": "net_follows", "value": 3.0}
                for d in pd.date_range("2026-06-01", last)]
        return BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)

    rep = report("2026-07-10")
    f = rep.fmt
    blocks = rep.alerts().blocks
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    [partly] = [n for n in notes if n == f.label("alerts_partly_one_week")]
    assert week in partly and weeks not in partly
    [items] = [b["items"] for b in blocks if b["kind"] == "bullets"]
    untested = ", ".join(f.date(d, "d MMM") for d in pd.date_range("2026-06-01", "2026-06-07"))
    signal = f"{f.platform('instagram')} · {f.label('sig_net_followers')}"
    assert items == [f.prose(f.label("alerts_partly_item").format(
        signal=signal, tested="23", days="30", dates=untested))]
    texts = [b["text"] for b in report("2026-06-07").alerts().blocks if b["kind"] == "text"]
    assert texts[0] == f.label("alerts_untested_one_week")
    assert week in texts[0] and weeks not in texts[0]


@pytest.mark.parametrize("lang, said, wrong", [
    ("en", "its only day with data was not tested: 1 Jun", "of its 1 days"),
    ("fr", "son seul jour avec données n'a pas été testé : 1er juin", "de ses 1 jours"),
    ("it", "il suo unico giorno con dati non è stato testato: 1° giu", "dei suoi 1 giorni"),
])
def test_a_signal_with_one_day_of_data_in_the_period_is_said_in_the_singular(lang, said, wrong):
    """Net follows from 10 May to 1 June: June has one day with a value, 1 June, a Monday
    with 3 earlier Mondays (11, 18, 25 May), fewer than the 4 a day needs: untested. The note
    said "tested on 0 of its 1 days with data"."""
    from ._roi_builders import daily, dataset

    rows = [{"platform": "instagram", "account_id": "a", "date": d.date().isoformat(),
             "metric": "net_follows", "value": 3.0}
            for d in pd.date_range("2026-05-10", "2026-06-01")]
    rep = BrandReport(dataset(daily=daily(rows)), "2026-06", lang=lang)
    [items] = [b["items"] for b in rep.alerts().blocks if b["kind"] == "bullets"]
    assert len(items) == 1 and said in items[0] and wrong not in items[0]


@pytest.mark.parametrize("lang,line", [
    ("en", "Posts less than 7 days old at their export are left out (2): their totals are still "
           "growing and cannot be compared yet."),
    ("fr", "Les publications de moins de 7 jours à leur export sont écartées (2) : leurs cumuls "
           "progressent encore et ne se comparent pas encore."),
    ("it", "I post con meno di 7 giorni al momento dell'export sono esclusi (2): i loro totali "
           "crescono ancora e non sono ancora confrontabili.")])
def test_bottom_posts_leave_out_posts_too_young_at_their_export(lang, line):
    """A post published on the evening of 31 October, exported the next morning, had 1
    interaction and topped the month's bottom posts, as if it had failed; its totals were
    hours old. Posts under 7 days old at their export (best_times' minimum age) are left out
    of the bottom posts, and a line says so; the top posts keep them."""
    snap = pd.Timestamp("2026-11-01 08:00", tz="UTC")
    published = [pd.Timestamp(f"2026-10-0{d} 10:00", tz="UTC") for d in range(2, 8)] + [
        pd.Timestamp("2026-10-25 08:00", tz="UTC"),       # 7 days exactly: kept
        pd.Timestamp("2026-10-25 08:00:01", tz="UTC"),    # 1 s short of 7 days: young
        pd.Timestamp("2026-10-31 20:00", tz="UTC"),       # 12 hours: young
        pd.Timestamp("2026-10-31 21:00", tz="UTC")]       # young, but among the top posts
    reactions = [100, 90, 80, 70, 60, 50, 5, 3, 1, 95]
    df = pd.DataFrame({
        "platform": "instagram", "post_id": [f"p{i}" for i in range(10)],
        "caption": [f"post {i}" for i in range(10)], "published_at": published,
        "reactions": np.array(reactions, dtype=float), "comments": 0.0, "shares": 0.0,
        "reach": 1000.0, "snapshot_at": snap})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language=lang))
    top, bottom = [b for b in BrandReport(ds, "2026-10", lang=lang).top_posts().blocks
                   if b["kind"] == "table"]
    # top 5 by interactions: 100 (p0), 95 (p9, 11 hours old), 90, 80, 70 (p1, p2, p3)
    assert [r[2] for r in top["rows"]] == ["post 0", "post 9", "post 1", "post 2", "post 3"]
    # the rest: p4 60, p5 50, p6 5, p7 3 (young), p8 1 (young): the fewest first, the young
    # left out (before: post 8, post 7, post 6, post 5, post 4)
    assert [r[2] for r in bottom["rows"]] == ["post 6", "post 5", "post 4"]
    assert bottom["caption"] == line


def _daily_comments(last: str) -> Dataset:
    """One Instagram post a day at noon in Paris from 1 January 2026 to ``last``, its comments
    20 to 26 by a weekly rhythm, and 900 on 16 March (an incident)."""
    days = pd.date_range("2026-01-01", last, freq="D")
    comments = (20 + np.arange(len(days)) % 7).astype(float)
    comments[days == pd.Timestamp("2026-03-16")] = 900.0
    df = pd.DataFrame({
        "platform": "instagram", "post_id": [f"p{i}" for i in range(len(days))],
        "published_at": (days + pd.Timedelta(hours=12)).tz_localize("Europe/Paris"),
        "comments": comments, "reactions": 100.0,
        "snapshot_at": pd.Timestamp("2026-04-01 08:00", tz="UTC"),
    })
    return Dataset(posts=schema.conform(df, "posts"),
                   brand=Brand(name="Maison Sève", timezone="Europe/Paris", language="en"))


def test_a_past_periods_alert_rates_judge_the_history_up_to_its_end():
    """The December 2025 report's "how often these settings alert" table read 398 days
    watched and 63 alerts, the data starting on 1 September 2025: it counted the days and the
    alerts of October 2026. A report judges the history up to its period's end: here posts
    every day from 1 January to 31 March 2026, an incident on 16 March. A day is tested once 4
    earlier same weekdays have a value, so from 29 January on: February's report watched 29
    January to 28 February, 3 + 28 = 31 days, with no alert (the incident is to come); the
    whole history's, 29 January to 31 March, 62 days, holds it."""
    d = _daily_comments("2026-03-31")
    table = next(b for b in BrandReport(d, "2026-02", lang="en").alerts().blocks
                 if b["kind"] == "table" and "Days watched" in b["columns"])
    row = dict(zip(table["columns"], table["rows"][0], strict=True))
    assert (row["Signal"], row["Days watched"], row["Alerts"]) == ("comments", "31", "0")
    whole = next(b for b in BrandReport(d, "2026-03", lang="en").alerts().blocks
                 if b["kind"] == "table" and "Days watched" in b["columns"])
    row = dict(zip(whole["columns"], whole["rows"][0], strict=True))
    assert (row["Days watched"], row["Alerts"]) == ("62", "1")


@pytest.mark.parametrize("lang,note", [
    ("en", "The exports give these breakdowns only as of 1 November 2026 (TikTok), after this "
           "period: the audience of that day, not of the period."),
    ("fr", "Les exports ne donnent ces répartitions qu'au 1er novembre 2026 (TikTok), après "
           "cette période : l'audience de ce jour-là, pas celle de la période."),
    ("it", "Gli export riportano queste ripartizioni solo al 1° novembre 2026 (TikTok), dopo "
           "questo periodo: il pubblico di quel giorno, non quello del periodo."),
])
def test_a_past_periods_audience_is_its_own_snapshot_else_a_later_one_said_so(ds, lang, note):
    """The December 2025 report showed the audience "as of 31 October 2026". A report shows
    each breakdown's latest snapshot describing a day up to its period's end (LinkedIn's of
    31 March for a March report, not its November one); a breakdown exported only after the
    period (TikTok's) is shown, with a note saying it is of a later day."""
    aud = pd.DataFrame({
        "platform": ["linkedin", "linkedin", "tiktok", "tiktok"],
        "dimension": ["industry", "industry", "gender", "gender"],
        "category": ["Retail", "Beauty", "female", "male"],
        "share": [0.5, 0.6, 0.8, 0.2],
        "snapshot_at": pd.to_datetime(["2026-04-01 08:00", "2026-11-02 08:00",
                                       "2026-11-02 09:00", "2026-11-02 09:00"], utc=True),
    })
    d = Dataset(posts=ds.posts, audience=schema.conform(aud, "audience"), brand=ds.brand)
    rep = BrandReport(d, "2026-03", lang=lang)
    sec = rep.audience()
    notes = [b["text"] for b in sec.blocks if b["kind"] == "note"]
    assert notes[0].endswith(("31 March 2026 (LinkedIn): the audience of that day, not "
                              "necessarily of the period.", "31 mars 2026 (LinkedIn) : "
                              "l'audience de ce jour-là, pas forcément celle de la période.",
                              "31 marzo 2026 (LinkedIn): il pubblico di quel giorno, non "
                              "necessariamente quello del periodo."))
    assert notes[1] == note
    # LinkedIn's panel shows its March snapshot: Retail alone (the November one: Beauty)
    assert "Beauty" not in "".join(v.decode() for v in sec.figures.values())


@pytest.mark.parametrize("lang,note", [
    ("en", "The hours the audience is online are those the exports give for 25 October 2026 – "),
    ("fr", "Les heures où l'audience est en ligne sont celles que les exports donnent pour "),
    ("it", "Le ore in cui il pubblico è online sono quelle che gli export riportano per "),
])
def test_a_past_periods_best_times_say_the_audience_schedule_is_of_later_days(ds, lang, note):
    """The December 2025 report followed TikTok's audience online hours of 25-31 October 2026
    (the only ones exported) without saying so: best times read the daily rows up to the
    period's end, and an audience schedule of later days only, still shown, is said to be; a
    report whose period holds those days says nothing of it."""
    posts = ds.posts.assign(platform="instagram", time_precision="minute")
    online = pd.DataFrame({
        "platform": "instagram", "date": pd.date_range("2026-10-25", "2026-10-31").repeat(24),
        "hour": np.tile(np.arange(24), 7), "metric": "online_followers",
        "value": np.tile(np.r_[np.full(18, 10.0), np.full(6, 50.0)], 7)})
    d = Dataset(posts=schema.conform(posts, "posts"), daily=schema.conform(online, "daily"),
                brand=ds.brand)
    rep = BrandReport(d, "2026-10-01..2026-10-20", lang=lang)
    notes = [b["text"] for b in rep.best_times().blocks if b["kind"] == "note"]
    assert sum(n.startswith(note) for n in notes) == 1
    notes = [b["text"] for b in BrandReport(d, "2026-10", lang=lang).best_times().blocks
             if b["kind"] == "note"]
    assert not any(n.startswith(note[:30]) for n in notes)


def _hours_and_days() -> Dataset:
    """Instagram: 12 posts at 12:00 in Paris, 1 to 12 October 2026, and 2 on 28 October (4 days
    old at the export of 1 November: too young); YouTube: 5 videos dated to the day, 5 to 9
    October. 19 posts up to 31 October."""
    insta = pd.DatetimeIndex([*pd.date_range("2026-10-01 10:00", periods=12, freq="D"),
                              pd.Timestamp("2026-10-28 10:00"), pd.Timestamp("2026-10-28 16:00")])
    videos = pd.date_range("2026-10-05", periods=5, freq="D")
    n = len(insta) + len(videos)
    df = pd.DataFrame({
        "platform": ["instagram"] * len(insta) + ["youtube"] * len(videos),
        "post_id": [f"p{i}" for i in range(n)],
        "published_at": insta.append(videos).tz_localize("UTC"),
        "time_precision": ["minute"] * len(insta) + ["day"] * len(videos),
        "comments": 5.0, "reactions": np.arange(n, dtype=float) * 10, "reach": 1000.0,
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC"),
    })
    return Dataset(posts=schema.conform(df, "posts"),
                   brand=Brand(name="Maison Sève", timezone="Europe/Paris", language="en"))


@pytest.mark.parametrize("lang,cover,sentence", [
    ("en", "Analysed hour by hour: 12; the others: exported less than a week after publishing, "
           "engagement still growing (2), publish hour unknown (5)",
     "The exports of this platform give the publish day of these 5 posts, not the hour: the "
     "best hours to post cannot be told."),
    ("fr", "Analysées heure par heure : 12 ; les autres : exportées moins d'une semaine après "
           "leur publication, engagement encore en hausse (2), heure de publication inconnue (5)",
     "Les exports de cette plateforme donnent le jour de publication de ces 5 publications, "
     "pas l'heure : les meilleures heures pour publier ne peuvent pas être déterminées."),
    ("it", "Analizzati ora per ora: 12; gli altri: ",
     "Gli export di questa piattaforma riportano il giorno di pubblicazione di questi 5 post, "
     "non l'ora: le ore migliori per pubblicare non si possono stabilire."),
])
def test_a_platform_known_to_the_day_is_said_and_the_cover_count_adds_up(lang, cover, sentence):
    """YouTube's 63 videos, dated to the day, were left out of the best times without a word,
    and the cover's "history analysed: 1,475" counted them and 51 posts too young while the
    sections analysed 1,361. Here 19 posts up to 31 October: the 12 Instagram posts old enough
    are analysed hour by hour, 2 are too young, and YouTube's 5 have no hour, said in its own
    section; 12 + 2 + 5 = 19."""
    rep = BrandReport(_hours_and_days(), "2026-10", kind="best_times", lang=lang)
    assert rep.cover_lines[1].endswith(": 19")
    assert rep.cover_lines[2].startswith(cover)
    blocks = rep.best_times().blocks
    headings = [b["text"] for b in blocks if b["kind"] == "heading" and b["level"] == 2]
    assert headings == ["Instagram", "YouTube"]
    after = blocks[[b.get("text") for b in blocks].index("YouTube") + 1:]
    assert [b["kind"] for b in after] == ["text"]          # no heatmap, no slots
    assert after[0]["text"].startswith(sentence + " ")


@pytest.mark.parametrize("lang,note", [
    ("en", "1 GA4 row spans beyond the period 16 October 2026 – 31 October 2026: prorated "
           "by day"),
    ("fr", "1 ligne GA4 déborde de la période 16 octobre 2026 – 31 octobre 2026 : proratisée "
           "au jour"),
    ("it", "1 riga GA4 va oltre il periodo 16 ottobre 2026 – 31 ottobre 2026: ripartita per "
           "giorno"),
])
def test_campaign_summary_notes_only_the_campaigns_own_ga4_rows(tmp_path, lang, note):
    """October's GA4 export has a row for "spring" (its ads run all October) and one for
    "other" (its ads run 11-20 October). The report of spring over 16-31 October said "2 GA4
    rows span beyond…: prorated by day" and "1 GA4 row of other spans beyond…: spread over
    the days its campaign ran", though other's row enters none of spring's figures. It says
    spring's own: its one row, counted 16/31 of it (310 → 160)."""
    from ._roi_builders import dataset, web

    def month(campaign):
        return {"period_start": "2026-10-01", "period_end": "2026-10-31",
                "channel_group": "Organic Social", "source": "instagram", "medium": "social",
                "campaign": campaign, "sessions": 31.0, "key_events": 31.0, "revenue": 310.0,
                "currency": "EUR"}

    ds = dataset(tmp_path, "2026-10-01,2026-10-31,ad_spend,310,EUR,instagram,spring,,,\n"
                           "2026-10-11,2026-10-20,ad_spend,100,EUR,instagram,other,,,\n",
                 web=web([month("spring"), month("other")]))
    rep = BrandReport(ds, "2026-10-16..2026-10-31", kind="campaign", campaign="spring",
                      lang=lang)
    blocks = rep.campaign_summary().blocks
    notes = [b["text"] for b in blocks if b["kind"] == "note"]
    assert notes[:-1] == [note]             # the last is the ROI definition
    cards = [i["value"] for b in blocks if b["kind"] == "kpis" for i in b["items"]]
    assert cards[1] == rep.fmt.money(160)


@pytest.mark.parametrize("lang,pooled,median", [
    ("en", "Eng. rate / reach (pooled)", "Eng. rate / reach (median post)"),
    ("fr", "Taux d'engagement / couverture (global)",
     "Taux d'engagement / couverture (publication médiane)"),
    ("it", "Tasso di engagement / copertura (complessivo)",
     "Tasso di engagement / copertura (post mediano)"),
])
def test_every_engagement_rate_says_whether_pooled_or_median(tmp_path, lang, pooled, median):
    """Two Instagram posts in October, 10 and 30 interactions on 100 and 200 reached (10 %
    and 15 %), one in September, 20 on 200 (10 %). The scorecard's goal read "Taux
    d'engagement / couverture · Instagram 13,33 %" (40 ÷ 300, pooled), the chart "12,50 %"
    (the median post) under a caption of the same name. Each says which: the goal and the
    comparison's pooled row 13.33 % (10.00 % in September), its median row 12.50 % (10.00 %)."""
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"p{k}", "reactions": i, "reach": r,
             "published_at": at}
            for k, (i, r, at) in enumerate([(10.0, 100.0, "2026-10-05T09:00:00Z"),
                                            (30.0, 200.0, "2026-10-12T09:00:00Z"),
                                            (20.0, 200.0, "2026-09-12T09:00:00Z")])]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: er_reach, platform: instagram, target: 0.1}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    rep = BrandReport(ds, "2026-10", lang=lang)
    f = rep.fmt
    goal = [b for b in rep.scorecard().blocks if b["kind"] == "table"][0]["rows"][0]
    assert goal[:3] == [f"{pooled} · Instagram", "≥ " + f.percent(0.1), f.percent(40 / 300)]
    compared = {r[0]: r[1:3] for b in rep.compare().blocks if b["kind"] == "table"
                for r in b["rows"]}
    assert compared[pooled] == [f.percent(40 / 300), f.percent(0.1)]
    assert compared[median] == [f.percent(0.125), f.percent(0.1)]


@pytest.mark.parametrize("lang,labels", [
    ("en", ["Met", "Missed", "No data"]),
    ("fr", ["Atteint", "Manqué", "Pas de données"]),
    ("it", ["Raggiunto", "Mancato", "Nessun dato"]),
])
def test_scorecard_tiles_add_up_to_the_goals(tmp_path, lang, labels):
    """Three goals of October, over: at least 1 Instagram post (2: met), at least 5 (missed),
    and a revenue of 100 with no GA4 export (no data). The tiles read "Met 1 · Missed 1"
    above three goals; a tile says the one without data: 1 + 1 + 1 = 3."""
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": f"p{k}", "reactions": 10.0,
             "published_at": at}
            for k, at in enumerate(["2026-10-01T09:00:00Z", "2026-10-31T09:00:00Z"])]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: instagram, target: 1}\n"
        "  - {metric: posts, platform: instagram, target: 5}\n"
        "  - {metric: revenue, platform: all, target: 100}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    blocks = BrandReport(ds, "2026-10", lang=lang).scorecard().blocks
    tiles = [(i["label"], i["value"]) for b in blocks if b["kind"] == "kpis"
             for i in b["items"]]
    assert tiles == list(zip(labels, ["1", "1", "1"], strict=True))
    table = [b for b in blocks if b["kind"] == "table"][0]
    assert [r[3]["status"] for r in table["rows"]] == ["met", "missed", "no data"]


@pytest.mark.parametrize("lang,caption", [
    ("en", "Each goal judged on each of its periods within the report's: a monthly goal on every "
           "month, a quarterly goal on every quarter; the columns count those periods by "
           "status. The scorecard above (\"Goals scorecard\") judges each goal on its last "
           "period alone."),
    ("fr", "Chaque objectif jugé sur chacune de ses périodes comprises dans celle du rapport : "
           "un objectif mensuel sur chaque mois, un objectif trimestriel sur chaque trimestre ; "
           "les colonnes comptent ces périodes par statut. Le « Tableau de bord des objectifs », "
           "plus haut, juge chaque objectif sur sa dernière période seulement."),
    ("it", "Ogni obiettivo valutato su ciascuno dei suoi periodi compresi in quello del report: "
           "un obiettivo mensile su ogni mese, uno trimestrale su ogni trimestre; le colonne "
           "contano questi periodi per stato. La tabella «Obiettivi», più sopra, valuta ogni "
           "obiettivo solo sul suo ultimo periodo."),
])
def test_a_quarters_goal_record_holds_every_goal_and_says_what_it_shows(tmp_path, lang,
                                                                         caption):
    """Q3's table of each goal over the period left out its quarterly goal (10 rows for 11
    goals), and its caption said "the table above judges each goal on its last period
    alone" under a table that judges each month. Instagram posts on 2, 9 and 16 July, 6
    August, 3 September, 1 and 30 September: at least 2 a month is met in July (3) and
    September (3), missed in August (1); at least 10 in the quarter is missed (7), in the
    table with its quarter."""
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    days = ["2026-07-02", "2026-07-09", "2026-07-16", "2026-08-06", "2026-09-01",
            "2026-09-03", "2026-09-30"]
    rows = [{"platform": "instagram", "post_id": f"p{k}", "reactions": 10.0,
             "published_at": f"{d}T09:00:00Z"} for k, d in enumerate(days)]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: instagram, target: 2}\n"
        "  - {metric: posts, platform: instagram, target: 10, period: quarter}\n",
        encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    rep = BrandReport(ds, "2026-Q3", lang=lang)
    f = rep.fmt
    record = [b for b in rep.scorecard().blocks if b["kind"] == "table"][-1]
    july, aug, sept = (f.date(dt, "MMM") for dt in pd.to_datetime(
        ["2026-07-01", "2026-08-01", "2026-09-01"]).date)
    assert record["rows"] == [
        [f"{f.metric('posts')} · Instagram", "≥ 2", f"2 ({july}, {sept})", f"1 ({aug})", "–"],
        [f"{f.metric('posts')} · Instagram", "≥ 10", "–", f"1 ({f.period('2026-Q3')})", "–"],
    ]
    assert record["caption"] == caption


@pytest.mark.parametrize("lang,many,one", [
    ("en", "incl. 2 stories", "incl. 1 story"),
    ("fr", "dont 2 stories", "dont 1 story"),
    ("it", "di cui 2 storie", "di cui 1 storia"),
])
def test_post_counts_that_take_stories_say_so(tmp_path, lang, many, one):
    """October: 4 Instagram posts, 2 of them stories, and 1 Facebook post. The scorecard and
    the key figures said "Instagram 4" where the benchmarks and competitors, which leave
    stories out, said 2 and alone explained why. Each count that takes the stories says
    so: the goal's 4 (≥ 3, met) "incl. 2 stories", the key figures' Instagram "4 (incl. 2
    stories)", Facebook "1", all platforms "5 (incl. 2 stories)", and the posts card."""
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    rows = [{"platform": p, "post_id": f"p{k}", "reactions": 10.0, "reach": 100.0,
             "content_type": kind, "published_at": f"2026-10-{day}T09:00:00Z"}
            for k, (p, kind, day) in enumerate([
                ("instagram", "image", "01"), ("instagram", "story", "02"),
                ("instagram", "reel", "03"), ("instagram", "story", "04"),
                ("facebook", "image", "31")])]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: instagram, target: 3}\n"
        "  - {metric: posts, platform: facebook, target: 1}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    rep = BrandReport(ds, "2026-10", lang=lang)
    goals = [b for b in rep.scorecard().blocks if b["kind"] == "table"][0]["rows"]
    assert [(r[2], r[4]) for r in goals] == [("4", many), ("1", "")]
    blocks = rep.kpi_table().blocks
    card = [i for b in blocks if b["kind"] == "kpis" for i in b["items"]][0]
    assert (card["value"], card["note"]) == ("5", many)
    table = [b for b in blocks if b["kind"] == "table"][0]["rows"]
    assert [r[1] for r in table] == ["1", f"4\n({many})", f"5\n({many})"]
    assert rep._stories(1) == one


def test_scorecard_goals_and_notes_share_the_width(tmp_path):
    """A quarter's French scorecard sized its goal column to its longest name, "Sessions
    issues des réseaux sociaux · Toutes plateformes (septembre 2026)", and left the notes a
    word a line (the table ran over a page of its own, the contents alone on page 2). The
    goal and note columns now share the width the figures leave (1fr each), and the goal
    names wrap within theirs."""
    from smmanalytics.goals import read_goals

    from ._roi_builders import dataset, posts

    rows = [{"platform": "instagram", "post_id": "p1", "reactions": 10.0,
             "published_at": "2026-09-30T09:00:00Z"}]
    (tmp_path / "goals.yaml").write_text(
        "goals:\n  - {metric: posts, platform: instagram, target: 2}\n", encoding="utf-8")
    ds = dataset(posts=posts(rows), goals=read_goals(tmp_path / "goals.yaml"))
    table = [b for b in BrandReport(ds, "2026-Q3", lang="fr").scorecard().blocks
             if b["kind"] == "table"][0]
    assert table["rows"][0][0] == "Publications · Instagram (septembre 2026)"
    assert table["widths"] == ["1fr", "auto", "auto", "auto", "1fr"]


@pytest.mark.parametrize("lang, words", [
    ("en", "leave out YouTube's 9,000: they are impressions of its thumbnails"),
    ("fr", "ne comptent pas les 9\u202f000 de YouTube : ce sont des impressions de ses miniatures"),
    ("it", "non contano le 9.000 di YouTube: sono impressioni delle sue miniature"),
])
def test_key_figures_total_leaves_out_youtube_thumbnail_impressions(lang, words):
    """The key figures' all-platforms impressions added YouTube's thumbnail impressions
    (its thumbnail shown in a feed, not a view of the post) to the other platforms'
    impressions: October's 202,123 were 149,296 thumbnails. The total leaves them out, as
    engagement() leaves them out of the pooled rate by impressions, YouTube's row keeps them,
    and the caption says so. By hand: X 1,000 + 2,000 and LinkedIn 500 → 3,500 impressions
    (not 3,500 + 4,000 + 5,000 = 12,500); YouTube's 9,000 in its own row."""
    df = pd.DataFrame({
        "platform": ["x", "x", "linkedin", "youtube", "youtube"],
        "post_id": ["a", "b", "c", "d", "e"],
        "published_at": pd.to_datetime(["2026-10-02 10:00", "2026-10-05 18:00",
                                        "2026-10-07 12:00", "2026-10-09 09:00",
                                        "2026-10-12 09:00"], utc=True),
        "reactions": [10.0, 20.0, 5.0, 8.0, 4.0], "comments": [1.0, 2.0, 0.0, 1.0, 0.0],
        "impressions": [1000.0, 2000.0, 500.0, 4000.0, 5000.0],
        "snapshot_at": pd.Timestamp("2026-11-01 08:00", tz="UTC")})
    ds = Dataset(posts=schema.conform(df, "posts"),
                 brand=Brand(name="B", timezone="Europe/Paris", language=lang))
    rep = BrandReport(ds, "2026-10", lang=lang)
    table = rep.engagement_table().set_index("platform")
    assert table.loc["total", "impressions"] == 1000 + 2000 + 500
    assert table.loc["youtube", "impressions"] == 4000 + 5000
    # the same posts as the pooled rate by impressions: (11 + 22 + 5) / 3,500
    assert table.loc["total", "er_impressions_pooled"] == pytest.approx(38 / 3500)
    caption = next(b["caption"] for b in rep.kpi_table().blocks if b["kind"] == "table")
    assert words in caption
    # one platform: YouTube's report keeps its impressions, and says nothing of them
    alone = Dataset(posts=ds.posts.loc[ds.posts["platform"] == "youtube"].reset_index(drop=True),
                    brand=ds.brand)
    rep = BrandReport(alone, "2026-10", lang=lang)
    assert rep.engagement_table().iloc[-1]["impressions"] == 9000
    caption = next(b["caption"] for b in rep.kpi_table().blocks if b["kind"] == "table")
    assert "YouTube" not in caption


@pytest.mark.parametrize("lang, one, many", [
    ("en", ("No engagement recorded on this post:",
            "give the publish day of this post, not the hour"),
     ("No engagement recorded on these 2 posts:",
      "give the publish day of these 2 posts, not the hour")),
    ("fr", ("Aucun engagement enregistré sur cette publication :",
            "le jour de publication de cette publication, pas l'heure"),
     ("Aucun engagement enregistré sur ces 2 publications :",
      "le jour de publication de ces 2 publications, pas l'heure")),
    ("it", ("Nessuna interazione registrata su questo post:",
            "il giorno di pubblicazione di questo post, non l'ora"),
     ("Nessuna interazione registrata su questi 2 post:",
      "il giorno di pubblicazione di questi 2 post, non l'ora")),
])
def test_best_times_sentences_of_a_single_post_are_in_the_singular(lang, one, many):
    """The best-times section said "No engagement recorded on these 1 posts" of a platform's
    only post, without an interaction, and "the publish day of these 1 posts" of a platform
    whose one post has its day only: a single post is "this post"; two stay "these 2 posts"."""
    import types

    from smmanalytics.report.watch import WatchSections
    from smmanalytics.timing._model import NO_ENGAGEMENT

    me = types.SimpleNamespace(fmt=Formatter(lang))
    for n, (engagement, day_only) in ((1, one), (2, many)):
        bt = types.SimpleNamespace(window=None, effect_detected=False, n_used=n,
                                   p_value=np.nan, method={"test": NO_ENGAGEMENT},
                                   n_excluded={"day_precision": n})
        said = [me.fmt.prose(WatchSections._bt_sentence(me, bt)),
                me.fmt.prose(WatchSections._day_only_sentence(me, bt))]
        assert said[0].startswith(engagement) and day_only in said[1], said


@pytest.mark.parametrize("lang, facebook, instagram, brand", [
    ("en", "0.017%", "0.14%", "0.35%"),
    ("fr", "0,017\xa0%", "0,14\xa0%", "0,35\xa0%"),
    ("it", "0,017%", "0,14%", "0,35%"),
])
def test_benchmark_rates_below_one_percent_keep_two_significant_figures(
        lang, facebook, instagram, brand, monkeypatch):
    """Rival IQ's 2025 Facebook engagement rate for health & beauty, 0.017 % (0.00017), stood
    in the benchmarks as "0.02 %", 0.02 / 0.017 = 1.18: 18 % over the source. Below 1 % a rate
    beside a benchmark keeps two significant figures: 0.017 %, Instagram's 0.144 % as 0.14 %,
    and a brand's 0.35 % beside it at the same precision; TikTok's 7.54 % keeps its two
    decimals."""
    import importlib

    import smmanalytics as smm

    # the module (smmanalytics.benchmarks is also the name of a function)
    benchmarks = importlib.import_module("smmanalytics.benchmarks")
    rep = BrandReport(smm.load(SAMPLE), "2026-10", lang=lang)
    bench = [b for b in rep.benchmarks().blocks if b["kind"] == "table"][0]
    rows = {(r[0], r[1]): r for r in bench["rows"]}
    rate = rep.fmt.metric("engagement_rate")
    assert rows[("Facebook", rate)][4] == facebook
    assert rows[("Instagram", rate)][4] == instagram
    assert rows[("TikTok", rate)][3] == rep.fmt.percent(0.075449)    # 7.54 %, as before
    # the brand's own rate below 1 % at the benchmark's precision: 0.0035 / 0.00017 = 20.59
    row = pd.DataFrame({"platform": ["facebook"], "metric": ["engagement_rate"],
                        "source": ["Rival IQ"], "edition": [2025], "brand_value": [0.0035],
                        "benchmark_value": [0.00017], "ratio": [0.0035 / 0.00017],
                        "method": [None], "note": [None]})
    monkeypatch.setattr(benchmarks, "compare_benchmarks", lambda *a, **k: row)
    monkeypatch.setattr(benchmarks, "compare_competitors", lambda *a, **k: pd.DataFrame())
    [bench] = [b for b in rep.benchmarks().blocks if b["kind"] == "table"]
    assert bench["rows"][0][3:6] == [brand, facebook, f"{rep.fmt.number(20.59, 2)}×"]


@pytest.mark.parametrize("lang, said", [
    ("en", ["0.017%", "0.35%", "3.45%", "0.0012%", "0.00%", "–"]),
    ("fr", ["0,017\xa0%", "0,35\xa0%", "3,45\xa0%", "0,0012\xa0%", "0,00\xa0%", "–"]),
    ("it", ["0,017%", "0,35%", "3,45%", "0,0012%", "0,00%", "–"]),
])
def test_a_rate_below_one_percent_keeps_two_significant_figures(lang, said):
    """0.00017 → 0.017 % (3 decimals), 0.0035 → 0.35 %, 0.0345 → 3.45 % (2 decimals from
    1 % on), 0.0000123 → 0.0012 % (4 decimals), 0 → 0.00 %, a missing rate → "–"."""
    f = Formatter(lang)
    assert [f.rate(x) for x in (0.00017, 0.0035, 0.0345, 0.0000123, 0.0, np.nan)] == said
