"""The report's cover: its title and period, the day the data cover, the files it could not
read, the platforms whose exports start, stop or are missing; the provenance."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

import smmanalytics as smm
from smmanalytics import schema
from smmanalytics.loaders._snapshot import snapshot_from_name
from smmanalytics.quality import QualityLog
from smmanalytics.report import BrandReport, Formatter

from ._report_helpers import SAMPLE

FIX = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("period,title,label", [
    ("2026-10", "Rapport mensuel réseaux sociaux", "octobre 2026"),
    ("2026-Q4", "Rapport trimestriel réseaux sociaux", "T4 2026"),
    ("2026", "Rapport annuel réseaux sociaux", "2026"),
    ("2026-10-05..2026-10-18", "Rapport réseaux sociaux", "5–18 octobre 2026"),
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


@pytest.mark.parametrize("lang,line,note", [
    ("en", "Data as of 31 October 2026", "(lifetime totals as of 31 October 2026)"),
    ("fr", "Données au 31 octobre 2026", "(cumuls au 31 octobre 2026)"),
    ("it", "Dati al 31 ottobre 2026", "(totali al 31 ottobre 2026)")])
def test_a_utc_midnight_snapshot_is_as_of_its_utc_day_west_of_utc(ds, lang, line, note):
    """A New York brand's TikTok export of 31 October ("Time" October 31): snapshot_at
    1 November 00:00 UTC, the end of that UTC day. The cover said 31 October (Dataset.as_of),
    the method note "as of 30 October": it took the day before the snapshot's New York day
    (31 October 20:00 EDT → 30 October) without the cover's UTC-midnight rule."""
    tiktok = ds.posts.head(3).assign(
        platform="tiktok", post_id=["t1", "t2", "t3"],
        published_at=pd.Timestamp("2026-10-10 16:00", tz="UTC"),
        snapshot_at=pd.Timestamp("2026-11-01 00:00", tz="UTC"))
    ny = dataclasses.replace(ds, posts=schema.conform(tiktok, "posts"),
                             brand=dataclasses.replace(ds.brand, timezone="America/New_York"))
    rep = BrandReport(ny, "2026-10", lang=lang)
    assert rep.cover_lines[-1] == line
    assert note in rep.method_notes()._repr_html_()


def _instagram_october(ds, snapshots: list[str]) -> pd.DataFrame:
    """The fixture's first Instagram posts of October, one per snapshot (UTC) given."""
    ig = ds.posts[(ds.posts["platform"] == "instagram")
                  & (ds.posts["published_at"].dt.tz_convert("Europe/Paris").dt.month == 10)]
    assert len(ig) >= len(snapshots)
    return ig.head(len(snapshots)).assign(
        snapshot_at=pd.to_datetime(snapshots).tz_localize("UTC"))


@pytest.mark.parametrize("lang,note", [
    ("en", "lifetime totals as of 31 October 2026 for X, as of 31 October 2026 (3 posts) and "
           "15 November 2026 (2 posts) for Instagram)"),
    ("fr", "cumuls au 31 octobre 2026 pour X, au 31 octobre 2026 (3 publications) et au "
           "15 novembre 2026 (2 publications) pour Instagram)"),
    ("it", "totali al 31 ottobre 2026 per X, al 31 ottobre 2026 (3 post) e al 15 novembre 2026 "
           "(2 post) per Instagram)")])
def test_the_totals_as_of_days_of_a_platform_exported_on_several_days_are_each_said(
        ds, lang, note):
    """A Q4 report whose Instagram posts came 11 from an export of 2 January and 21 from one
    of 2 February said the totals were as of 2 February for Instagram: the 11 were older.
    Here 3 Instagram posts were last exported on 31 October (snapshot 1 November 08:00 UTC,
    09:00 in Paris: as of the day before, 31 October) and 2 on 15 November (16 November
    08:00 UTC); X's 2 posts on 31 October (1 November 00:00 UTC). X's one day comes first, the
    clauses being in the order of their latest day."""
    ig = _instagram_october(ds, ["2026-11-01 08:00"] * 3 + ["2026-11-16 08:00"] * 2)
    x = ig.head(2).assign(platform="x", post_id=["x1", "x2"],
                          snapshot_at=pd.Timestamp("2026-11-01 00:00", tz="UTC"))
    both = dataclasses.replace(ds, posts=schema.conform(pd.concat([ig, x]), "posts"))
    rep = BrandReport(both, "2026-10", lang=lang)
    assert note in rep.method_notes()._repr_html_()


@pytest.mark.parametrize("lang,note", [
    ("en", "lifetime totals as of 31 October 2026 (2 posts) … 8 November 2026 (1 post) "
           "(4 export days) for Instagram)"),
    ("fr", "cumuls au 31 octobre 2026 (2 publications) … au 8 novembre 2026 (1 publication) "
           "(4 jours d&#x27;export) pour Instagram)"),
    ("it", "totali al 31 ottobre 2026 (2 post) … all&#x27;8 novembre 2026 (1 post) "
           "(4 giorni di esportazione) per Instagram)")])
def test_more_than_three_export_days_of_a_platform_are_said_by_the_first_and_last(
        ds, lang, note):
    """5 Instagram posts last exported on four days: as of 31 October (2 posts, snapshot
    1 November 08:00 UTC), 2 and 4 November (1 each) and 8 November (1, snapshot 9 November
    08:00 UTC, 09:00 in Paris): the first, the last and the number of days (Italian elides
    "al 8" to "all'8"; the page escapes the apostrophe)."""
    ig = _instagram_october(ds, ["2026-11-01 08:00", "2026-11-01 08:00", "2026-11-03 08:00",
                                 "2026-11-05 08:00", "2026-11-09 08:00"])
    rep = BrandReport(dataclasses.replace(ds, posts=schema.conform(ig, "posts")), "2026-10",
                      lang=lang)
    assert note in rep.method_notes()._repr_html_()


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
    assert rep.to_json()["cover_warnings"] == [rep.fmt.typeset(line)]     # "Attention :"
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


@pytest.mark.parametrize("lang,line", [
    ("en", "Warning: no X posts export covers this period (the last one stops on 28 February "
           "2026): X's figures for this period are its daily figures only."),
    ("fr", "Attention : aucun export de publications de X ne couvre cette période (le dernier "
           "s'arrête le 28 février 2026) : les chiffres de X pour cette période sont ses seuls "
           "chiffres quotidiens."),
    ("it", "Attenzione: nessuna esportazione dei post di X copre questo periodo (l'ultima si "
           "ferma al 28 febbraio 2026): le cifre di X per questo periodo sono solo quelle "
           "giornaliere."),
])
def test_cover_warns_of_a_platform_whose_exports_stop_before_the_period(tmp_path, lang, line,
                                                                       sample_loaded):
    """The sample brand without X's content export of March to October 2026: October's report
    showed no X post and nothing said why, as if X had been idle. X's overview still reaches
    October (the platform is active), so its posts exports stopping in February is named,
    however long ago; the other platforms, whose exports cover October, are not. The cover
    said "no X figures for this period", while the overview's daily rows of October are in
    the report (the alert table's X net followers of 13 October, -15): it says no posts
    export covers the period, and that X's figures are its daily ones."""
    import shutil

    import smmanalytics as smm

    folder = shutil.copytree(SAMPLE, tmp_path / "maison-seve")
    (folder / "account_analytics_content_2026-03-01_2026-10-31.csv").unlink()
    ds = smm.load(folder)   # the run's cache: sample_loaded's entries
    rep = BrandReport(ds, "2026-10", lang=lang)
    assert rep.cover_warnings == [line]
    if lang == "en":     # X's daily figures of October, shown: the overview's, read by hand
        rep.alerts()
        rows = [r for b in rep.to_json()["blocks"] if b["kind"] == "table" for r in b["rows"]
                if r[1:4] == ["X", "net followers", "-15"]]
        assert [r[0] for r in rows] == ["13 Oct (UTC)"]
    assert BrandReport(sample_loaded, "2026-10", lang=lang).cover_warnings == []


def test_an_unread_export_is_why_a_platforms_figures_stop(tmp_path, sample_loaded):
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
        ds = smm.load(folder)   # the run's cache: sample_loaded's entries
    failed = ds.files.loc[ds.files["status"] == "failed"]
    assert failed["platform"].tolist() == ["x"]
    assert BrandReport(ds, "2026-10", lang="en").cover_warnings == [
        f"Warning: 1 file could not be read ({name}); its figures are missing from this report "
        "(see Data quality).",
        "Warning: no X posts export that could be read covers this period (the last one stops "
        f"on 28 February 2026); {name} could not be read (see Data quality): X's figures for "
        "this period are its daily figures only."]
    assert BrandReport(ds, "2026-10", lang="fr").cover_warnings[1] == (
        "Attention : aucun export de publications de X lisible ne couvre cette période (le "
        f"dernier s'arrête le 28 février 2026) ; impossible de lire {name} (voir Qualité des "
        "données) : les chiffres de X pour cette période sont ses seuls chiffres quotidiens.")
    assert BrandReport(ds, "2026-10", lang="it").cover_warnings[1] == (
        "Attenzione: nessuna esportazione leggibile dei post di X copre questo periodo "
        f"(l'ultima si ferma al 28 febbraio 2026); impossibile leggere {name} (vedi Qualità "
        "dei dati): le cifre di X per questo periodo sono solo quelle giornaliere.")
    note = scorecard(ds, "2026-10", asof="2026-11-15").set_index("metric").loc[
        "followers_net", "note"]
    # the sample's YouTube Subscribers export gives the channel's days (s58SY): YouTube is
    # counted, as on the whole sample; LinkedIn alone is left out
    assert "youtube" not in note and "could be read" not in note
    caveats = [c for c in compare(ds, "2026-10").caveats if c.startswith("Net followers")]
    assert caveats == ["Net followers leave out linkedin: its exports count new followers only."]
    assert Formatter("fr").note(caveats[0]) == (
        "Les abonnés nets laissent de côté LinkedIn : ses exports ne comptent que les nouveaux "
        "abonnés.")


def test_a_platform_of_brand_yaml_without_any_export(tmp_path, sample_loaded):
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
    ds = smm.load(folder)   # the run's cache: sample_loaded's entries
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
    # October: Facebook +28, Instagram +349, X 88 − 171, YouTube +36 (its Subscribers
    # export's Totals.csv, s58SY): 330, TikTok's −444 unknown
    assert row["actual"] == 330
    assert row["note"].split("; ")[:2] == [
        "linkedin left out: its exports count new followers only",
        "tiktok left out: no export of it was found"]
    assert "youtube" not in row["note"]
    assert Formatter("fr").note(row["note"].split("; ")[1]) == (
        "TikTok laissé de côté : aucun export n'en a été trouvé")
    caveats = [c for c in compare(ds, "2026-10").caveats if c.startswith("Net followers")]
    assert caveats[1] == "Net followers leave out tiktok: no export of it was found."
    assert Formatter("fr").note(caveats[1]) == (
        "Les abonnés nets laissent de côté TikTok : aucun export n'en a été trouvé.")
    assert Formatter("it").note(caveats[1]) == (
        "I follower netti escludono TikTok: non ne è stata trovata alcuna esportazione.")
    # the whole sample names no platform so
    assert not [c for c in compare(sample_loaded, "2026-10").caveats if "tiktok" in c]


def test_cover_notes_platforms_starting_or_ending_within_the_period():
    """The sample's TikTok exports start on 1 November 2025: the 2025 and 2025-Q4 reports count
    it from then and say so on the cover (the month of November itself is whole). A platform
    whose data end in the period (here Facebook's posts exports on 20 October) is partial; one
    known by its posts alone is not named, its last post being no end of its data."""
    import smmanalytics as smm

    ds = smm.load(SAMPLE)
    # TikTok's days are its posts exports' (its content export's: from the month of its first
    # post, 5 November 2025, to the day before it was taken), as LinkedIn's now are
    note = "The TikTok posts exports start on 1 November 2025: TikTok counts from that day."
    for period in ("2025", "2025-Q4"):
        rep = BrandReport(ds, period, lang="en")
        assert rep.cover_lines[-1] == note
    assert BrandReport(ds, "2025-Q4", lang="en").cover_warnings == []
    assert BrandReport(ds, "2025-Q4", lang="it").cover_lines[-1] == (
        "Le esportazioni dei post di TikTok iniziano il 1° novembre 2025: TikTok è contato da "
        "quella data.")
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


def test_the_cover_is_that_of_the_data_the_report_was_made_with(ds):
    """The cover's coverage lines and warnings are made when first read (after the notebook's
    fork, see BrandReport.build_ahead), of the data the report was made with, as when they
    were made in BrandReport(...): Facebook's posts exports cut on 20 October (the test
    above), then the report given the whole data, still warns of the cut."""
    import smmanalytics as smm

    whole = smm.load(SAMPLE)
    files = whole.files.copy()
    fb = ((files["platform"].astype("string") == "facebook").fillna(False)
          & (files["covers_to"] == pd.Timestamp("2026-10-31"))
          & files["kind"].astype("string").str.contains("posts").fillna(False))
    cut = dataclasses.replace(whole, files=files.assign(
        covers_to=files["covers_to"].mask(fb, pd.Timestamp("2026-10-20"))))
    rep = BrandReport(cut, "2026-10", lang="en")
    rep.ds = whole
    assert rep.cover_warnings == [
        "Warning: the Facebook posts exports stop on 20 October 2026: Facebook's figures for "
        "this period are partial."]
    # lines set by hand are the cover's, the coverage lines not added to them afterwards
    rep = BrandReport(cut, "2026-10", lang="en")
    rep.cover_lines = ["Prepared for the board"]
    assert rep.cover_lines == ["Prepared for the board"]
    assert len(rep.cover_warnings) == 1


@pytest.mark.parametrize("period,lang,line", [
    ("2026", "en", "Warning: the data cover 1 January to 31 October 2026 only, 304 of the "
                   "period's 365 days: its totals are not those of the whole period."),
    ("2025", "fr", "Attention : les données ne couvrent que du 1er septembre au 31 "
                   "décembre 2025, 122 des 365 jours de la période : ses totaux ne sont pas "
                   "ceux de la période entière."),
    ("2026-Q4", "it", "Attenzione: i dati coprono solo dal 1° al 31 ottobre 2026, "
                      "31 giorni su 92 del periodo: i suoi totali non sono quelli dell'intero "
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


@pytest.mark.parametrize("period,label,days", [
    ("2026-10", "octobre 2026", ["Période : 1er–31 octobre 2026"]),
    ("2026-09-20..2026-10-31", "20 septembre – 31 octobre 2026", []),
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


@pytest.mark.parametrize("lang,name,line", [
    ("fr", "export de Instagram.csv",
     "Attention : 1 fichier n'a pas pu être lu (export de Instagram.csv) ; ses chiffres "
     "manquent à ce rapport (voir Qualité des données)."),
    ("it", "dati al 8 ottobre.csv",
     "Attenzione: impossibile leggere 1 file (dati al 8 ottobre.csv); i suoi dati mancano in "
     "questo rapporto (vedi Qualità dei dati)."),
])
def test_cover_names_files_as_they_are_named(ds, lang, name, line):
    """The elision of the language's prose ("de Instagram" → "d'Instagram", "al 8" →
    "all'8") rewrote the names of the files on the cover into names of no file; it is the
    package's words' only. The cover's text in the PDF says the name as written."""
    log = QualityLog()
    log.add(f"x/{name}", "failed", f"file x/{name}, line 2: bad", level="error")
    rep = BrandReport(dataclasses.replace(ds, quality=log.to_frame()), "2026-10", lang=lang)
    assert rep.cover_warnings == [line]
    assert rep.to_json()["cover_warnings"] == [rep.fmt.typeset(line)]     # "Attention :"
    text = PdfReader(io.BytesIO(rep.pdf_bytes())).pages[0].extract_text()
    assert name in " ".join(text.split())


def test_cover_says_which_fields_hold_characters_its_fonts_lack(ds):
    """A brand 日本 and a competitor 日本語コスメ 株式会社 were drawn as empty boxes with no
    word of it (the PDF embeds no CJK font). The cover names the fields and the characters'
    codes: 日 U+65E5, 本 U+672C (the brand's), then 語 U+8A9E, コ U+30B3, ス U+30B9, メ U+30E1,
    … (the competitor's); an emoji, which printable() drops, is none of them. The Latin
    fixture (accents, "n°", "$") has none."""
    assert BrandReport(ds, "2026-10", lang="en").cover_warnings == []
    competitors = pd.DataFrame({"platform": ["instagram"], "competitor": ["日本語コスメ 株式会社"]})
    odd = dataclasses.replace(ds, brand=dataclasses.replace(ds.brand, name="日本 ✨"),
                              competitors=competitors)
    rep = BrandReport(odd, "2026-10", lang="en")
    line = ("Warning: some characters (U+65E5, U+672C, U+8A9E, U+30B3, U+30B9, U+30E1, …) are "
            "missing from the report's fonts and show as empty boxes, in: the brand's name, "
            "competitors' names.")
    assert rep.cover_warnings == [line]
    assert rep.to_json()["brand"]["name"] == "日本"                     # printable()'s
    assert BrandReport(odd, "2026-10", lang="fr").cover_warnings == [
        "Attention : certains caractères (U+65E5, U+672C, U+8A9E, U+30B3, U+30B9, U+30E1, …) "
        "manquent aux polices du rapport et s'affichent comme des cases vides, dans : le nom de "
        "la marque, les noms des concurrents."]
    text = " ".join(PdfReader(io.BytesIO(rep.pdf_bytes())).pages[0].extract_text().split())
    assert "U+65E5, U+672C" in text and "show as empty boxes" in text


def test_cover_checks_a_ga4_campaign_as_the_tables_show_it(ds):
    """A campaign only GA4 knows was shown as written, %E5%A4%8F+2026, every character drawn;
    shown decoded, 夏 2026, its 夏 (U+590F) lacks a font: the cover says so, as for costs.csv's
    campaigns."""
    web = schema.conform(pd.DataFrame([{
        "period_start": "2026-10-01", "period_end": "2026-10-31", "source": "instagram",
        "medium": "social", "campaign": "%E5%A4%8F+2026", "sessions": 10.0}]), "web")
    rep = BrandReport(dataclasses.replace(ds, web=web), "2026-10", lang="en")
    assert rep.cover_warnings == [
        "Warning: some characters (U+590F) are missing from the report's fonts and show as "
        "empty boxes, in: campaign names."]


def test_finding_the_fonts_letters_leaves_no_file_open():
    """The font's file is read and closed: a lazy TTFont kept it open, and its
    ResourceWarning came out of whatever report cell next collected garbage."""
    import gc
    import warnings

    from smmanalytics.report import sections

    sections._drawn.cache_clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert sections.undrawn(["Maison Sève 中"]) == ["中"]   # DejaVu draws è, not 中
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


#: Studio's zip of 12 September to 1 October 2026 (its name's range), made on 2 October 08:15
#: UTC: four videos, three of them published in September 2026
_STUDIO_ZIP = FIX / "youtube" / "Content 2026-09-12_2026-10-01 Maison Sève.zip"


@pytest.mark.parametrize("lang,alone,beside", [
    ("en", "(figures from 12 September to 1 October 2026 for YouTube, the range chosen in "
           "Studio)",
     "(lifetime totals as of 20 November 2026 for Instagram; figures from 12 September to "
     "1 October 2026 for YouTube, the range chosen in Studio)"),
    ("fr", "(chiffres du 12 septembre au 1er octobre 2026 pour YouTube, période choisie dans "
           "Studio)",
     "(cumuls au 20 novembre 2026 pour Instagram ; chiffres du 12 septembre au 1er octobre "
     "2026 pour YouTube, période choisie dans Studio)"),
    ("it", "(cifre dal 12 settembre al 1° ottobre 2026 per YouTube, intervallo scelto in "
           "Studio)",
     "(totali al 20 novembre 2026 per Instagram; cifre dal 12 settembre al 1° ottobre 2026 "
     "per YouTube, intervallo scelto in Studio)")])
def test_youtube_figures_of_the_studio_range_are_said_as_that_range_not_lifetime_totals(
        tmp_path, lang, alone, beside):
    """The method note called every post's figures "lifetime totals as of" the day before its
    export: YouTube Studio's figures of 12 September to 1 October (the zip's name) read as
    lifetime totals as of 1 October. They are the range's: the note says the range, and keeps
    "lifetime … as of" for the Instagram export of 20 November (snapshot 21 November 08:00
    UTC, the brand's zone UTC: as of the day before, 20 November), naming its platform."""
    shutil.copy(_STUDIO_ZIP, tmp_path)
    shutil.copy(FIX / "meta" / "instagram_posts_2026-11-20.csv", tmp_path)
    ds = smm.load(tmp_path, cache=False)
    youtube_only = BrandReport(ds, "2026-09", lang=lang).method_notes()._repr_html_()
    assert alone in youtube_only
    assert {"en": "lifetime", "fr": "cumuls", "it": "totali"}[lang] not in youtube_only
    # Instagram's posts of 2025 (26 March, 15 August, 2 December) and the videos of September
    both = BrandReport(ds, "2025-01-01..2026-09-30", lang=lang).method_notes()._repr_html_()
    assert Formatter(lang).typeset(beside) in both              # "… pour Instagram ; …"


@pytest.mark.parametrize("lang,line,pacific", [
    ("en", "Warning: the X posts exports stop on 31 October 2026 in their own time zone (UTC), "
           "partway through 1 November 2026 (Australia/Sydney): X's figures for this period "
           "lack the rest of that day.", "in their own time zone (Pacific time), partway"),
    ("fr", "Attention : les exports de publications de X s'arrêtent le 31 octobre 2026 dans "
           "leur propre fuseau horaire (UTC), en cours de journée le 1er novembre 2026 "
           "(Australia/Sydney) : il manque aux chiffres de X pour cette période la fin de "
           "cette journée.", "dans leur propre fuseau horaire (heure du Pacifique), en cours"),
    ("it", "Attenzione: le esportazioni dei post di X si fermano al 31 ottobre 2026 nel loro "
           "fuso orario (UTC), a giornata in corso il 1° novembre 2026 (Australia/Sydney): "
           "alle cifre di X per questo periodo manca il resto di quella giornata.",
     "nel loro fuso orario (ora del Pacifico), a giornata"),
])
def test_exports_stopping_partway_through_the_brands_last_day_say_so(lang, line, pacific):
    """The sample read by a brand in Sydney (s58RT): its posts of 31 October after 13:00 UTC
    fall on 1 November there (UTC+11), the data's last day; the X exports cover UTC days up
    to 31 October, which ends at 11:00 on 1 November in Sydney. The cover said "the X posts
    exports stop on 31 October 2026" against a period ending on 1 November, in a zone it did
    not name: it now says only the rest of that day is missing. Each platform's exports end
    so (UTC or Pacific days, both behind Sydney): six warnings, all of this kind, each naming
    the zone its loader counts the export's days in (``day_tz``: "in their own time zone"
    did not say which), Pacific time for Facebook's and Instagram's (Meta's days)."""
    ds = smm.load(SAMPLE)
    syd = dataclasses.replace(ds, brand=dataclasses.replace(ds.brand,
                                                            timezone="Australia/Sydney"))
    warnings = BrandReport(syd, "2026-10-01..2026-11-01", lang=lang).cover_warnings
    assert line in warnings
    assert len(warnings) == 6
    partway = {"en": "partway through", "fr": "en cours de journée", "it": "a giornata in corso"}
    assert all(partway[lang] in w for w in warnings)
    meta = [w for w in warnings if "Facebook" in w or "Instagram" in w]
    assert len(meta) == 2 and all(pacific in w for w in meta)
    assert sum("(UTC)" in w for w in warnings) == 4


def test_provenance_lists_the_settings_files_with_their_sha256(tmp_path):
    """The provenance listed the SHA-256 of every export, not of costs.csv, goals.yaml or
    brand.yaml, which the ROI page and the scorecard depend on: two PDFs of different costs
    files showed the same provenance. Each settings file is listed first (read first), its
    digest's 16 first hex digits, and the rows read of costs.csv (1) and goals.yaml (0);
    brand.yaml has no rows ("–")."""
    import hashlib

    brand = tmp_path / "b"
    brand.mkdir()
    (brand / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n")
    (brand / "costs.csv").write_text("date,category,amount,currency\n2026-10-01,tools,10,EUR\n")
    (brand / "goals.yaml").write_text("goals: []\n")
    export = "facebook_posts_2026-11-20.csv"
    shutil.copy(FIX / "meta" / export, brand / export)
    ds = smm.load(brand, cache=False)
    sec = BrandReport(ds, "2026-10", lang="en").provenance()
    table = next(b for b in sec.blocks if b["kind"] == "table")
    files = [row[0] for row in table["rows"]]
    assert files == ["brand.yaml", "costs.csv", "goals.yaml", export]
    digest = {name: hashlib.sha256((brand / name).read_bytes()).hexdigest()[:16]
              for name in files}
    assert [row[1] for row in table["rows"]] == [digest[name] for name in files]
    assert [row[2] for row in table["rows"]][:3] == ["–", "1", "0"]
