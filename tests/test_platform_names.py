"""One platform vocabulary for every input: brand.yaml's accounts, costs.csv, goals.yaml,
competitors.csv and the API's ``platform`` arguments take the same names
(:data:`smmanalytics.schema.PLATFORM_ALIASES`), and the tables written per platform elsewhere
keep to :data:`smmanalytics.schema.PLATFORMS`."""

import pytest

import smmanalytics as smm
from smmanalytics.brand import Brand, read_brand
from smmanalytics.errors import ArgumentError, ConfigError, UnknownPlatformError
from smmanalytics.schema import PLATFORM_ALIASES, PLATFORMS, canonical_platform

from ._roi_builders import dataset, posts

#: the names every input takes, written out (not read from the table they check)
SPELLINGS = {"facebook": ("facebook", "fb", "Facebook", " FB "),
             "instagram": ("instagram", "ig", "insta", "IG", "Instagram "),
             "x": ("x", "X", "twitter", "Twitter"),
             "linkedin": ("linkedin", "LinkedIn"),
             "youtube": ("youtube", "yt", "YouTube"),
             "tiktok": ("tiktok", "TikTok"),
             "pinterest": ("pinterest", "Pinterest")}
SPELLED = [(name, platform) for platform, names in SPELLINGS.items() for name in names]
#: not platforms: a typo, Meta (two platforms), and the short words left out of the table
NOT_PLATFORMS = ("instgram", "meta", "tw", "li", "tt", "pin", "myspace", "")


@pytest.mark.parametrize("name,platform", SPELLED)
def test_canonical_platform_takes_each_spelling_in_any_case(name, platform):
    assert canonical_platform(name) == platform


@pytest.mark.parametrize("name", NOT_PLATFORMS)
def test_canonical_platform_names_no_platform_for_others(name):
    assert canonical_platform(name) is None


def test_the_aliases_name_platforms_and_no_platform_is_an_alias():
    assert set(PLATFORM_ALIASES.values()) <= set(PLATFORMS)
    assert not set(PLATFORM_ALIASES) & set(PLATFORMS)
    assert set(SPELLINGS) == set(PLATFORMS), "a new platform: add its spellings above"


@pytest.mark.parametrize("name,platform", SPELLED)
def test_every_input_takes_every_spelling(tmp_path, name, platform):
    """costs.csv took ig, goals.yaml and competitors.csv only twitter, best_times and
    brand.yaml's accounts none: one file of a brand refused what another took."""
    costs = tmp_path / "costs.csv"
    costs.write_text("start,end,category,amount,currency,platform\n"
                     f"2026-10-01,2026-10-31,ad_spend,100,EUR,{name}\n", encoding="utf-8")
    assert smm.read_costs(costs)["platform"].tolist() == [platform]
    goals = tmp_path / "goals.yaml"
    goals.write_text(f"goals:\n- metric: posts\n  platform: '{name}'\n  target: 20\n"
                     "  period: month\n", encoding="utf-8")
    assert smm.read_goals(goals)["platform"].tolist() == [platform]
    rivals = tmp_path / "competitors.csv"
    rivals.write_text("platform,competitor,period,followers,posts,interactions\n"
                      f"{name},Rival,2026-10,1000,10,500\n", encoding="utf-8")
    assert smm.read_competitors(rivals)["platform"].tolist() == [platform]
    brand = tmp_path / "brand.yaml"
    brand.write_text(f"name: Acme\naccounts:\n  '{name}': acme\n", encoding="utf-8")
    assert read_brand(brand).accounts == {platform: "acme"}
    assert Brand(accounts={name: "acme"}).accounts == {platform: "acme"}


def test_the_api_platform_arguments_take_the_aliases():
    """best_times(platform="ig") was an UnknownPlatformError."""
    from smmanalytics._args import platform_name

    assert platform_name("ig") == "instagram" and platform_name(" Twitter") == "x"
    # 12 Instagram posts in October of 20 reactions each: 12 × 20 = 240 interactions
    ds = dataset(posts=posts([{"platform": "instagram", "post_id": str(i), "reactions": 20.0,
                               "published_at": f"2026-10-{i + 1:02d} 10:00"}
                              for i in range(12)]))
    kpis = smm.compare(ds, "2026-10", platform="insta").table.set_index("kpi")
    assert kpis.equals(smm.compare(ds, "2026-10", platform="instagram").table.set_index("kpi"))
    assert kpis.loc["interactions", "current"] == 240


@pytest.mark.parametrize("name", ["instgram", "tw", "meta"])
def test_an_unknown_platform_argument_lists_the_names_taken(name):
    from smmanalytics._args import platform_name

    with pytest.raises(UnknownPlatformError) as err:
        platform_name(name)
    assert str(err.value) == (
        f"unknown platform {name!r}; expected one of facebook (or fb), instagram (or ig, "
        "insta), x (or twitter), linkedin, youtube (or yt), tiktok, pinterest")


@pytest.mark.parametrize("file,text,line", [
    ("goals.yaml", "goals:\n- metric: posts\n  platform: instgram\n  target: 20\n", 3),
    ("competitors.csv", "platform,competitor,period,followers,posts,interactions\n"
                        "instgram,Rival,2026-10,1000,10,500\n", 2),
    ("costs.csv", "start,end,category,amount,platform\n"
                  "2026-10-01,2026-10-31,ad_spend,100,instgram\n", 2),
])
def test_a_file_platform_that_is_none_is_refused_listing_the_names(tmp_path, file, text, line):
    read = {"goals.yaml": smm.read_goals, "competitors.csv": smm.read_competitors,
            "costs.csv": smm.read_costs}[file]
    path = tmp_path / file
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read(path)
    e = err.value
    # a YAML settings file names a key, a CSV file a column
    place = e.key if file.endswith(".yaml") else e.column
    assert (e.file, e.line, place, e.got) == (str(path), line, "platform", "instgram")
    assert "instagram (or ig, insta)" in e.expected and "x (or twitter)" in e.expected


# ---------------------------------------------------------------- brand.yaml's accounts

def test_a_brand_yaml_account_under_no_platform_is_refused_naming_its_line(tmp_path):
    """`accounts: {instgram: maisonseve}` was dropped unread: no "no export of it" warning,
    no filter of other accounts, nothing in the quality log."""
    path = tmp_path / "brand.yaml"
    path.write_text("name: Acme\naccounts:\n  instagram: acme\n  instgram: acme.paris\n",
                    encoding="utf-8")
    with pytest.raises(smm.BrandKeyError) as err:
        read_brand(path)
    e = err.value
    assert (e.file, e.line, e.key, e.got) == (str(path), 4, "accounts.instgram",
                                               "accounts.instgram")
    assert "accounts.instagram" in e.expected and "accounts.twitter" in e.expected
    with pytest.raises(smm.BrandKeyError):      # loaded: refused as brand.yaml's other keys
        smm.load(tmp_path)
    with pytest.raises(ArgumentError, match="instgram"):
        Brand(accounts={"instgram": "acme"})


def test_a_brand_yaml_twitter_account_is_x_and_its_missing_export_is_said(tmp_path):
    """`twitter: acme` was ignored: the declared platforms left X out, so a brand without
    its X export was not told its totals lack X."""
    from smmanalytics._actuals import declared_platforms, declared_unexported

    (tmp_path / "brand.yaml").write_text("name: Acme\naccounts:\n  twitter: acme\n",
                                         encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning):      # no export at all in the folder
        ds = smm.load(tmp_path, cache=False)
    assert ds.brand.accounts == {"x": "acme"}
    assert declared_platforms(ds) == ["x"] and declared_unexported(ds) == ["x"]


def test_two_spellings_of_one_platform_list_both_accounts():
    assert Brand(accounts={"x": "acme", "twitter": ["acme_fr", "acme_it"]}).accounts == {
        "x": ["acme", "acme_fr", "acme_it"]}


# ---------------------------------------------------------------- costs.csv's meta

def test_a_meta_cost_line_is_refused_asking_which_platform(tmp_path):
    """`meta` was charged to Facebook alone: on the sample's October, Facebook's ad spend
    800 → 1800 and its ROAS 6.683 → 2.970, Instagram's placements counted as Facebook's.
    roi() shares no cost line between two platforms, so the file says which (or empty)."""
    path = tmp_path / "costs.csv"
    path.write_text("start,end,category,amount,currency,platform\n"
                    "2026-10-01,2026-10-31,ad_spend,100,EUR,fb\n"
                    "2026-10-01,2026-10-31,ad_spend,50,EUR,Meta\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        smm.read_costs(path)
    e = err.value
    assert (e.file, e.line, e.column, e.got) == (str(path), 3, "platform", "Meta")
    assert e.expected.startswith("facebook or instagram") and "or empty" in e.expected


# ---------------------------------------------------------------- tables kept in step

def _platform_tables():
    """The tables written per platform outside schema.py (names, colours, formulas: no
    derivation gives them), each with the file a new platform edits."""
    import importlib

    # smmanalytics.benchmarks is also the package's function of that name
    benchmarks = importlib.import_module("smmanalytics.benchmarks")
    from smmanalytics import _web, plots
    from smmanalytics.report import formatting

    return [("src/smmanalytics/report/formatting.py PLATFORM_NAMES", formatting.PLATFORM_NAMES),
            ("src/smmanalytics/plots.py PLATFORM_COLORS", plots.PLATFORM_COLORS),
            ("src/smmanalytics/benchmarks.py _SI_COMPONENTS", benchmarks._SI_COMPONENTS),
            ("src/smmanalytics/_web.py SOURCE_ALIASES", _web.SOURCE_ALIASES)]


@pytest.mark.parametrize("where,table", _platform_tables(),
                         ids=[w.split()[-1] for w, _ in _platform_tables()])
def test_each_platform_table_has_every_platform_and_no_other(where, table):
    """A platform added to schema.PLATFORMS alone had no name in the report, no colour in a
    plot, no Socialinsider rate and no GA4 source: each table fails here, naming its file."""
    missing = [p for p in PLATFORMS if p not in table]
    extra = [p for p in table if p not in PLATFORMS]
    assert not missing and not extra, (
        f"{where}: add {missing} / remove {extra} to match schema.PLATFORMS "
        "(README 'Adding a platform loader' lists every place)")


def test_every_platform_has_a_format_and_every_family_a_name():
    """FAMILY_NAMES is written per format family (Meta Business Suite, YouTube Studio…): the
    names the messages give a file's exporter."""
    from smmanalytics.loaders import formats
    from smmanalytics.loaders._registry import FAMILY_NAMES

    registered = formats()
    covered = {p for f in registered for p in f.platforms}
    assert set(PLATFORMS) <= covered, "a platform without a loader: see README"
    unnamed = {f.family for f in registered if f.family} - set(FAMILY_NAMES)
    assert not unnamed, (f"src/smmanalytics/loaders/_registry.py FAMILY_NAMES: add {unnamed}")


def test_the_shipped_benchmarks_name_known_platforms_only():
    """benchmarks.csv needs no row for a platform (Pinterest has none: its rates are not
    compared), but a row's platform must be one, or it is never read."""
    import importlib

    raw = importlib.import_module("smmanalytics.benchmarks")._raw_table()
    assert set(raw["platform"]) <= set(PLATFORMS)
