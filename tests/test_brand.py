"""Brand settings built in code, as an analyst does for a Dataset of their own frames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm


@pytest.mark.parametrize("kwargs,message", [
    ({"timezone": "Paris"}, "argument 'timezone': not an IANA time zone: 'Paris'"),
    ({"timezone": ""}, "argument 'timezone': not an IANA time zone: ''"),
    ({"language": "de"}, "argument 'language': not a report language; expected one of en, "
     "fr, it; got 'de'"),
    ({"currency": "€"}, "argument 'currency': not an ISO 4217 currency code; expected a "
     "three-letter code such as EUR, USD, GBP or CHF; got '€'"),
])
def test_a_brand_with_a_zone_or_language_no_report_takes_is_refused(kwargs, message):
    # Brand(timezone="Paris") was taken, and roi, compare, alerts… of its Dataset then raised
    # zoneinfo's ZoneInfoNotFoundError
    with pytest.raises(smm.ArgumentError, match=message):
        smm.Brand(name="Acme", **kwargs)


@pytest.mark.parametrize("slug,suggested", [
    ("../../x", "x"), ("Maison_Seve", "maison-seve"), ("", "brand"), ("acme-", "acme"),
])
def test_a_brand_made_in_code_refuses_a_slug_slugify_would_not_write(slug, suggested):
    # Brand(slug="../../x") was taken, its Attributes saying the slug is as slugify writes
    # it, and only the runner refused it (OutputError) once a report was asked for; the
    # suggestion is slugify's, worked out by hand (signs made hyphens, none at either end,
    # nothing left: "brand")
    with pytest.raises(smm.ArgumentError, match=(
            rf"argument 'slug': slug is not a safe folder and file name; expected lower-case "
            rf"ASCII letters, digits and hyphens, such as '{suggested}'")):
        smm.Brand(name="Acme", slug=slug)
    assert smm.Brand(name="Acme", slug="acme-2").slug == "acme-2"


def test_a_brand_zone_sets_the_days_of_a_dataset():
    # 23:30 UTC on 31 October is 1 November in Paris: October has no post there
    posts = pd.DataFrame({"platform": ["instagram"], "post_id": ["1"],
                          "published_at": pd.to_datetime(["2026-10-31 23:30"], utc=True)})
    paris = smm.Dataset(posts=posts, brand=smm.Brand(name="Acme", timezone="Europe/Paris"))
    utc = smm.Dataset(posts=posts, brand=smm.Brand(name="Acme", timezone="UTC"))
    assert paris.posts_in("2026-10").empty and len(paris.posts_in("2026-11")) == 1
    assert len(utc.posts_in("2026-10")) == 1


def test_a_brand_yaml_industry_the_benchmarks_do_not_know_is_refused_when_read(tmp_path):
    """brand.yaml's industry chooses the benchmark rows of the report; "beauty" (for
    health_beauty) compared the brand with all industries, said in a footnote. It is refused
    when the file is read, naming the file, the key, the industries known and what came; a
    known one is taken in any case."""
    from smmanalytics.benchmarks import benchmark_industries
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text("name: Acme\nindustry: beauty\n", encoding="utf-8")
    with pytest.raises(smm.ConfigError) as err:
        read_brand(path)
    assert str(err.value) == (
        f"file {path}, line 2, key 'industry': no benchmark has this industry; expected one of "
        f"{', '.join(benchmark_industries())} (any case), or its name in the reports; got "
        "'beauty'")
    path.write_text("name: Acme\nindustry: Health_Beauty\n", encoding="utf-8")
    assert read_brand(path).industry == "health_beauty"
    path.write_text("name: Acme\n", encoding="utf-8")
    assert read_brand(path).industry == "all"


def test_a_brand_yaml_zone_in_another_case_is_that_zone_and_noted(tmp_path):
    """`timezone: Europe/paris` dropped the whole brand.yaml with a warning: the zone fell
    back to UTC (every month boundary an hour or two off), the name to "Brand", the industry
    to "all", the accounts lost. The one IANA zone of that name in another case is taken, and
    noted naming the file and both spellings."""
    from smmanalytics.brand import read_brand

    folder = tmp_path / "acme"
    folder.mkdir()
    path = folder / "brand.yaml"
    path.write_text("name: Acme\ntimezone: europe/paris\nindustry: retail\n"
                    "accounts:\n  instagram: acme.paris\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="timezone 'europe/paris' is not an IANA "
                      "zone as written; read as 'Europe/Paris'"):
        assert read_brand(path).timezone == "Europe/Paris"
    with pytest.warns(smm.DataQualityWarning, match="no export was found"):
        ds = smm.load(folder)
    b = ds.brand
    assert (b.name, b.timezone, b.industry, b.accounts) == (
        "Acme", "Europe/Paris", "retail", {"instagram": "acme.paris"})
    note = ds.quality.loc[ds.quality["code"] == "brand_timezone_case"]
    assert note["file"].tolist() == [str(path)] and note["level"].tolist() == ["warning"]
    assert note["message"].iloc[0].startswith(f"{path}: timezone 'europe/paris'")


@pytest.mark.parametrize("line,got", [
    ("timezone: '+01:00'", "'+01:00'"),
    ("timezone: UTC+1", "'UTC+1'"),
    ("timezone: GMT-5", "'GMT-5'"),
    # YAML reads +1:00 unquoted as 60 (minutes, base 60) and +1 as the number 1
    ("timezone: +1:00", "60"),
    ("timezone: +1", "1"),
])
def test_a_brand_yaml_fixed_offset_is_refused_saying_why(tmp_path, line, got):
    """`timezone: +01:00` dropped brand.yaml with a warning and the brand's days were UTC's;
    an offset is refused by name: it ignores daylight saving time, an IANA zone is asked."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme\n{line}\n", encoding="utf-8")
    with pytest.raises(smm.BrandTimezoneError) as err:
        read_brand(path)
    assert str(err.value) == (
        f"file {path}, line 2, key 'timezone': a fixed UTC offset is not a time zone: it ignores "
        "daylight saving time, so the days, months and hours of half the year would be an "
        "hour off; expected an IANA zone such as Europe/Paris (UTC+1 in winter, UTC+2 in "
        f"summer) or America/New_York; got {got}")
    assert isinstance(err.value, smm.ConfigError)
    with pytest.raises(smm.BrandTimezoneError):        # load does not read it as UTC
        smm.load(tmp_path)


def test_one_bad_brand_yaml_key_keeps_the_others_when_loaded(tmp_path):
    """A bad language dropped the whole brand.yaml on load: its zone, name and accounts with
    it. That key takes its default, noted; the others are kept. read_brand alone (a report)
    still refuses it."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text("name: Acme\ntimezone: Asia/Tokyo\nlanguage: de\n"
                    "accounts:\n  x: acme\n", encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="no export was found"):
        ds = smm.load(tmp_path)
    assert (ds.brand.name, ds.brand.timezone, ds.brand.language, ds.brand.accounts) == (
        "Acme", "Asia/Tokyo", "en", {"x": "acme"})
    assert ds.quality[["code", "message"]].values.tolist() == [[
        "brand_key_ignored", f"file {path}, line 3, key 'language': unsupported report language; "
        "expected one of ('en', 'fr', 'it'); got 'de': its default, 'en', is used"]]
    with pytest.raises(smm.ConfigError, match="line 3, key 'language'"):
        read_brand(path)


@pytest.mark.parametrize("written", [
    "Health & Beauty",          # the benchmarks reference's spelling
    "Health & beauty",          # the English report's own label
    "health-beauty", " HEALTH and BEAUTY ",
    "Santé et beauté", "sante & beaute",       # the French report's label, without accents
    "salute e bellezza",        # the Italian report's label, in lower case
])
def test_a_brand_yaml_industry_may_be_written_as_the_reports_name_it(tmp_path, written):
    """brand.yaml's industry written as the report prints it, in English, French or
    Italian, silently compared the brand with all industries (the value refused, "all" in its
    place, on load): it is the industry it names."""
    from smmanalytics.brand import Brand, read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme\nindustry: '{written}'\n", encoding="utf-8")
    brand = read_brand(path)
    assert (brand.industry, brand.industry_refused) == ("health_beauty", None)
    assert Brand(industry=written).industry == "health_beauty"


def test_a_brand_yaml_industry_still_unknown_is_named_where_the_reader_looks(tmp_path):
    """An industry none of the names gives ("Beauté") takes "all" on load, as before, but the
    quality row said only "a setting of brand.yaml is invalid", and the benchmark rows "all
    industries" as if chosen: the row names the key and the value, every benchmark row the
    value and the industries accepted."""
    from smmanalytics.benchmarks import compare_benchmarks
    from smmanalytics.quality import note_kind
    from smmanalytics.report.formatting import Formatter

    (tmp_path / "brand.yaml").write_text("name: Acme\ntimezone: UTC\nindustry: Beauté\n",
                                         encoding="utf-8")     # a zone: its note alone
    with pytest.warns(smm.DataQualityWarning, match="no export was found"):
        ds = smm.load(tmp_path)
    assert (ds.brand.industry, ds.brand.industry_refused) == ("all", "Beauté")
    code, message = ds.quality[["code", "message"]].iloc[0]
    assert note_kind(code, message) == "brand_industry_unknown"
    assert Formatter("fr").quality(note_kind(code, message), message).startswith(
        "Le secteur de brand.yaml (clé industry), « Beauté », n'est pas l'un de ceux des "
        "références ; la marque est comparée à tous secteurs confondus")

    from ._roi_builders import daily, dataset, posts

    tt = posts([{"platform": "tiktok", "post_id": "1", "published_at": "2025-06-02T09:00Z",
                 "reactions": 300.0, "comments": 40.0, "shares": 20.0}])
    fol = daily([{"platform": "tiktok", "account_id": "a", "date": "2025-12-31",
                  "metric": "followers_total", "value": 10_000.0}])
    r = compare_benchmarks(dataset(posts=tt, daily=fol, brand=ds.brand), 2025)
    er = r.loc[r["metric"] == "engagement_rate"].iloc[0]
    # Rival IQ 2025's all-industry TikTok median, 1.73 %, in the place of an industry's
    assert (er["industry"], er["benchmark_value"]) == ("all", pytest.approx(0.0173))
    said = ("brand.yaml's industry 'Beauté' is not one the benchmarks know (alcohol, fashion, "
            "financial_services, food_beverage, health_beauty, higher_education, home_decor, "
            "influencers, media, nonprofits, retail, sports_teams, tech_software, travel): "
            "compared with all industries")
    assert said in str(er["note"]).split("; ")
    f = Formatter("it")
    assert ("il settore di brand.yaml, «Beauté», non è tra quelli dei benchmark (che conoscono "
            "Alcolici, Moda, Servizi finanziari, Alimenti e bevande, Salute e bellezza, ") in \
        f.note(said)
    assert not f.untranslated


_KEYS = "accounts, colors, currency, industry, language, logo, name, slug, timezone"


@pytest.mark.parametrize("text,line,key,close", [
    ("name: Acme\ntime_zone: Europe/Paris\n", 2, "time_zone", "timezone"),
    ("name: Acme\ntimezone: Europe/Paris\nlang: fr\n", 3, "lang", "language"),
    # a French freelancer's keys: difflib finds no name near nom, the table of words does
    ("nom: Café Lumière\n", 1, "nom", "name"),
    ("name: Acme\nfuseau: Europe/Paris\n", 2, "fuseau", "timezone"),
    ("name: Acme\ndevise: EUR\n", 2, "devise", "currency"),
    ("name: Acme\nlangue: fr\n", 2, "langue", "language"),
    ("name: Acme\nsecteur: health_beauty\n", 2, "secteur", "industry"),
    ("name: Acme\nwebsite: https://acme.example\n", 2, "website", None),
])
def test_a_brand_yaml_key_it_does_not_know_is_refused_naming_the_closest(tmp_path, text, line,
                                                                         key, close):
    """`time_zone: Europe/Paris`, `lang: fr` or French keys were dropped unread: the brand
    was in UTC and English, every best-time hour in UTC. The key is refused, read alone or
    loaded (as a zone that is none), naming the file, the key's line, the keys known and the
    closest one."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(text, encoding="utf-8")
    hint = f" (did you mean {close!r}?)" if close else ""
    with pytest.raises(smm.BrandKeyError) as err:
        read_brand(path)
    assert str(err.value) == (f"file {path}, line {line}, key {key!r}: unknown key{hint}; "
                              f"expected one of the keys {_KEYS}; got {key!r}")
    assert isinstance(err.value, smm.ConfigError)
    with pytest.raises(smm.BrandKeyError):          # not loaded as UTC and English
        smm.load(tmp_path)


def test_a_brand_yaml_colour_key_it_does_not_know_is_refused(tmp_path):
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text("name: Acme\ncolors:\n  primary: '#000000'\n  primaire: '#111111'\n",
                    encoding="utf-8")
    with pytest.raises(smm.BrandKeyError) as err:
        read_brand(path)
    # 'colors.primary', the closest, is there already, and the prefix 'colors.' they share
    # made 'colors.accent' close (2 × 10 / 28 = 0.71): only the last part is compared
    assert str(err.value) == (
        f"file {path}, line 4, key 'colors.primaire': unknown key; expected one of the "
        "keys colors.accent, colors.primary; got 'colors.primaire'")
    path.write_text("name: Acme\ncolors:\n  primaire: '#111111'\n", encoding="utf-8")
    with pytest.raises(smm.BrandKeyError, match=r"line 3, key 'colors.primaire': unknown "
                       r"key \(did you mean 'colors.primary'\?\)"):
        read_brand(path)


def test_the_sample_brand_yaml_has_only_keys_it_knows():
    from smmanalytics.brand import read_brand

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    assert read_brand(sample / "brand.yaml").timezone == "Europe/Paris"


@pytest.mark.parametrize("value,expected", [
    ("€", "EUR, the code of €"),
    ("$", "USD, the code of $"),
    ("£", "GBP, the code of £"),
    ("Fr.", "CHF, the code of Fr."),
    ("euros", "EUR, the code of euros"),
    ("EURO2", "a three-letter code such as EUR, USD, GBP or CHF"),
])
def test_a_brand_yaml_currency_that_is_no_iso_code_is_refused_suggesting_one(tmp_path, value,
                                                                             expected):
    """`currency: €` was taken as the currency "€", and every cost line (in EUR, or empty:
    the brand's) was then left aside as in another currency, "convert them in costs.csv".
    It is refused as costs.csv refuses it, and by load too: read as EUR, a USD brand's costs
    would all be left aside the same way."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme\ncurrency: '{value}'\n", encoding="utf-8")
    message = (f"file {path}, line 2, key 'currency': currency must be an ISO 4217 code, "
               f"as in costs.csv; expected {expected}; got {value!r}")
    with pytest.raises(smm.ConfigError) as err:
        read_brand(path)
    assert str(err.value) == message
    with pytest.raises(smm.ConfigError) as err:
        read_brand(path, problems=[])
    assert str(err.value) == message
    with pytest.raises(smm.BrandCurrencyError, match="line 2, key 'currency'"):
        smm.load(tmp_path)
    path.write_text("name: Acme\ncurrency: chf\n", encoding="utf-8")
    assert read_brand(path).currency == "CHF"


def test_a_brand_yaml_language_in_capitals_is_that_language(tmp_path):
    """`language: FR` was refused ("unsupported report language; got 'FR'") while `fr` was
    read: the language is read in any case; another language is still refused."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text("name: Acme\nlanguage: FR\n", encoding="utf-8")
    assert read_brand(path).language == "fr"
    path.write_text("name: Acme\nlanguage: De\n", encoding="utf-8")
    with pytest.raises(smm.ConfigError, match="got 'De'"):
        read_brand(path)


@pytest.mark.parametrize("colour", ['"#2F4F3A\\n"', '"#2F4F3A "', '"2F4F3A"', '"#2F4F3"'])
def test_a_colour_with_a_final_newline_is_refused_as_any_bad_colour(tmp_path, colour):
    """`primary: "#2F4F3A\\n"` passed the check (``$`` matches before a final newline) and
    typst failed on it ("color string contains non-hexadecimal letters"), no report: it is
    the ConfigError of any colour that is no #RRGGBB, naming the file and the key."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme\ncolors:\n  primary: {colour}\n", encoding="utf-8")
    with pytest.raises(smm.ConfigError, match=r"line 3, key 'colors.primary': colour must be a hex "
                       r"code; expected #RRGGBB"):
        read_brand(path)
    problems = []                       # as smm.load reads it: the default colour instead
    assert read_brand(path, problems=problems).primary_color == "#2F4F3A"
    assert len(problems) == 1
    with pytest.raises(smm.ArgumentError, match=r"argument 'accent_color': colour must be a "
                       r"hex code; expected #RRGGBB; got '#C8A165\\n'"):
        smm.Brand(accent_color="#C8A165\n")


def test_slugify_spells_what_it_can_and_hashes_what_it_cannot():
    """Accents and the Latin letters Unicode does not decompose are spelt in ASCII; a name
    with letters that have no ASCII spelling keeps what has one and gets the first 8 hex
    digits of its name's SHA-256 (`printf 'Noël 双十一' | sha256sum`: 36dd42cb): two such
    names were both "brand", one brand's or campaign's files replacing the other's."""
    from smmanalytics.brand import slugify

    assert slugify("Maison Sève") == "maison-seve"          # as before: no hash
    assert slugify("Søren & Straße") == "soren-strasse"
    assert slugify("L’Oréal – Été") == "loreal-ete"         # punctuation is no letter
    assert slugify("Noël 双十一") == "noel-36dd42cb"
    assert slugify("双十一") == "99122b0d" != slugify("حملة الصيف") == "ed533876"
    assert slugify("") == "brand"


def test_slugify_drops_symbols_without_a_hash():
    """®, © and ✿ are symbols, not letters: dropped as punctuation is, so the slug (report
    folder, .ics event ids) stays what it was before 6f8cff3. Letters without an ASCII
    spelling are still hashed; a name of symbols alone is hashed rather than "brand"
    (`printf '🎄' | sha256sum`: b69f9c3a)."""
    import hashlib

    from smmanalytics.brand import slugify

    assert slugify("Acme®") == "acme"
    assert slugify("Maison Sève®") == "maison-seve"
    assert slugify("Bio ✿ Shop") == "bio-shop"
    assert slugify("© Studio") == "studio"
    assert slugify("双十一") == "99122b0d"                  # as in the test above
    assert slugify("双十一®") == hashlib.sha256("双十一®".encode()).hexdigest()[:8]
    assert slugify("🎄") == "b69f9c3a" != slugify("🎃")


@pytest.mark.parametrize("slug,line,suggested", [
    ('"Café Bar/Paris"', 2, "cafe-bar-paris"),      # nested folders rep/Café Bar/Paris/…
    ('"../../escaped"', 2, "escaped"),               # reports written outside --out
    ("Acme_Shop", 2, "acme-shop"),
    (".acme", 2, "acme"),                            # a hidden folder
    ('"acme-"', 2, "acme"),
])
def test_a_brand_yaml_slug_that_is_no_safe_name_is_refused_suggesting_one(tmp_path, slug,
                                                                           line, suggested):
    """brand.yaml's slug went into the reports' paths as written: "Café Bar/Paris" made
    nested folders and "../../escaped" wrote every output outside --out. A slug that
    slugify would not write is refused, naming the file, its line and key, and suggesting
    the slugify of it (worked out by hand: accents dropped, other signs made hyphens, none
    at either end); smm.load notes it and takes the slug of the name."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme Shop\nslug: {slug}\n", encoding="utf-8")
    with pytest.raises(smm.ConfigError) as err:
        read_brand(path)
    assert str(err.value) == (
        f"file {path}, line {line}, key 'slug': slug is not a safe folder and file name; "
        f"expected lower-case ASCII letters, digits and hyphens, such as {suggested!r}; "
        f"got {err.value.got!r}")
    assert err.value.got == __import__("yaml").safe_load(slug)
    problems = []
    assert read_brand(path, problems=problems).slug == "acme-shop"      # slugify("Acme Shop")
    assert len(problems) == 1


@pytest.mark.parametrize("slug", ["acme", "maison-seve", "2026", "a-1-b"])
def test_a_brand_yaml_slug_as_slugify_writes_it_is_kept(tmp_path, slug):
    from smmanalytics.brand import read_brand, slugify

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme\nslug: '{slug}'\n", encoding="utf-8")
    assert read_brand(path).slug == slug == slugify(slug)


@pytest.mark.parametrize(("override", "slug"), [("Seve Paris", "seve-paris"),
                                                ("maison-seve", "maison-seve"),
                                                (None, "acme"), ("", "acme")])
def test_a_slug_override_is_slugified_and_none_or_empty_keeps_the_brands(override, slug):
    """The runner, BrandReport and `smm calendar --brand` each wrote the override rule; the
    report's took "" (the notebooks' default ``brand``) for the slug "brand" where the
    runner kept brand.yaml's. Now one rule: "Seve Paris" as slugify writes it, by hand
    "seve-paris"; None and "" leave the brand's own, "acme"."""
    brand = smm.Brand(name="Acme", slug="acme", timezone="Europe/Paris")
    got = brand.with_slug(override)
    assert got.slug == slug
    assert (got.name, got.timezone) == ("Acme", "Europe/Paris")   # the rest untouched


@pytest.mark.parametrize(("key", "value"), [("colors", '\n  - "#112233"'),
                                            ("accounts", "\n  - instagram"),
                                            ("colors", " red")])
def test_colors_or_accounts_not_a_mapping_are_refused_naming_the_key(tmp_path, key, value):
    """`colors:` or `accounts:` written as a list (or a value) raised a bare ValueError
    ("dictionary update sequence element #0 has length 7"), naming no file: refused as
    brand.yaml's other keys are, its line (3: name, timezone, then the key) and key named."""
    from smmanalytics.brand import read_brand

    path = tmp_path / "brand.yaml"
    path.write_text(f"name: Acme\ntimezone: Europe/Paris\n{key}:{value}\n", encoding="utf-8")
    with pytest.raises(smm.ConfigError) as err:
        read_brand(path)
    e = err.value
    got = "str" if value == " red" else "list"
    assert (e.file, e.line, e.key, e.got) == (str(path), 3, key, got)
    assert f"'{key}' must be a mapping" in str(e)


def test_a_logo_under_the_users_home_is_found(tmp_path, monkeypatch):
    # brand.yaml's "logo: ~/logo.svg" was brand/~/logo.svg, beside brand.yaml
    from smmanalytics.brand import read_brand

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "brand" / "brand.yaml"
    path.parent.mkdir()
    path.write_text("name: Acme\ntimezone: Europe/Paris\nlogo: ~/logo.svg\n", encoding="utf-8")
    assert read_brand(path).logo == tmp_path / "home" / "logo.svg"
