"""competitors.csv's edge cases a reviewer found: French dates, unquoted thousands, names
spelt two ways, rows that do not cover the report's period, unexplained dashes, a competitor
named like the brand, UTF-16 and tab-separated files."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smmanalytics.benchmarks import (
    compare_competitors,
    competitor_key,
    competitors_left_out,
    read_competitors,
)
from smmanalytics.errors import ConfigError, PeriodError
from smmanalytics.periods import parse_period
from smmanalytics.report import BrandReport
from smmanalytics.roi import read_costs

from ._roi_builders import daily, dataset, posts

HEADER = "platform,competitor,period,followers,posts,interactions\n"


def _file(tmp_path, rows: str, name="competitors.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding=encoding)
    return path


def _tiktok_posts(days: list[str]):
    """One TikTok post a day of ``days``, 10 reactions each."""
    return posts([{"platform": "tiktok", "post_id": d, "reactions": 10.0, "comments": 0.0,
                   "shares": 0.0, "published_at": f"{d}T09:00:00Z"} for d in days])


def _texts(sec):
    return [b["text"] for b in sec.blocks if b["kind"] in ("text", "note")]


def _caption(sec):
    return next(b for b in sec.blocks if b["kind"] == "table" and len(b["columns"]) == 6
                )["caption"]


# ---------------------------------------------------------------------------- (1) dates
@pytest.mark.parametrize("text", ["01/10/2026..31/10/2026", "15/10/2026..31/10/2026",
                                  "1.10.2026..31.10.2026", "2026/10/01..2026/10/31",
                                  "2026-10-01..31/10/2026"])
def test_a_slashed_or_dotted_date_is_refused_never_guessed(text):
    """pandas read 01/10/2026 month first (10 January) and 15/10/2026 day first: the same
    file's periods were read two ways."""
    with pytest.raises(PeriodError, match="dates are written YYYY-MM-DD"):
        parse_period(text)


@given(st.integers(1, 28), st.integers(1, 12), st.integers(1900, 2100))
def test_no_slashed_date_is_read_whichever_day_and_month(day, month, year):
    text = f"{day:02d}/{month:02d}/{year}"
    with pytest.raises(PeriodError):
        parse_period(f"{text}..{text}")
    # the ISO form of that day is that day
    iso = f"{year}-{month:02d}-{day:02d}"
    assert parse_period(f"{iso}..{iso}").start == dt.date(year, month, day)


def test_a_french_period_in_competitors_csv_is_a_config_error_naming_the_cell(tmp_path):
    path = _file(tmp_path, "tiktok,Bloom,2026-10,100,1,1\n"
                           "tiktok,D,01/10/2026..31/10/2026,100,1,1\n")
    with pytest.raises(ConfigError) as err:
        read_competitors(path)
    message = str(err.value)
    assert "line 3, column 'period'" in message and "competitors.csv" in message
    assert "YYYY-MM-DD..YYYY-MM-DD" in message and "'01/10/2026..31/10/2026'" in message


def test_the_documented_forms_are_read(tmp_path):
    comp = read_competitors(_file(tmp_path, "tiktok,A,2026-10,1,1,1\ntiktok,B,2026-Q3,1,1,1\n"
                                            "tiktok,C,2026,1,1,1\n"
                                            "tiktok,D,2026-10-01..2026-10-15,1,1,1\n"))
    assert list(comp["period"]) == ["2026-10", "2026-Q3", "2026", "2026-10-01..2026-10-15"]


# ---------------------------------------------------------------------------- (2) fields
def test_unquoted_thousands_commas_are_a_config_error_naming_the_counts(tmp_path):
    """24,971 followers and 19,709 interactions unquoted read 24 followers, 971 posts and 25
    interactions."""
    path = _file(tmp_path, "instagram,Atelier Lumière,2026-10,24,971,25,19,709\n")
    with pytest.raises(ConfigError, match=r"line 2.*line 2 has 8 fields, the header 6.*quoted"):
        read_competitors(path)


def test_a_short_line_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"line 2, column 'posts'.*4 fields, the header 6"):
        read_competitors(_file(tmp_path, "tiktok,A,2026-10,1000\n"))


def test_blank_trailing_fields_are_no_error(tmp_path):
    """A spreadsheet writes a cleared column as empty fields: nothing is lost."""
    comp = read_competitors(_file(tmp_path, "tiktok,A,2026-10,1000,10,500,,\n"))
    assert (comp.loc[0, "followers"], comp.loc[0, "posts"]) == (1000, 10)


@pytest.mark.parametrize("header", [HEADER.strip() + ",notes", HEADER.strip() + ",,",
                                    HEADER.strip() + ",notes,"])
def test_a_line_may_stop_short_of_columns_not_read_or_not_named(tmp_path, header):
    """A ``notes`` column left empty, or a header ending in ``,,`` (a spreadsheet's cleared
    columns): such files were read before the width check, then refused whole, one of them
    naming the column ''."""
    path = tmp_path / "competitors.csv"
    path.write_text(f"{header}\ninstagram,Atelier,2026-10,24971,25,19709\n"
                    "tiktok,B,2026-10,1000,10,500,,\n", encoding="utf-8")
    comp = read_competitors(path)
    assert list(comp["followers"]) == [24971, 1000]
    assert list(comp["interactions"]) == [19709, 500]


@pytest.mark.parametrize("header, line", [
    (HEADER.strip() + ",,", "instagram,Atelier,2026-10,24,971,25,19709"),   # under a blank
    (HEADER.strip() + ",notes", "instagram,Atelier,2026-10,24,971,25,19709,ok,9"),  # beyond
])
def test_split_thousands_are_still_refused_whatever_the_trailing_columns(tmp_path, header,
                                                                         line):
    path = tmp_path / "competitors.csv"
    path.write_text(f"{header}\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 2, column 'interactions'.*quoted"):
        read_competitors(path)


def test_a_line_stopping_before_a_column_read_is_refused_with_a_notes_column(tmp_path):
    path = tmp_path / "competitors.csv"
    path.write_text(HEADER.strip() + ",notes\ntiktok,A,2026-10,1000,10\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"column 'interactions'.*5 fields, the header 7"):
        read_competitors(path)

def test_quoted_thousands_are_read(tmp_path):
    comp = read_competitors(_file(tmp_path, 'instagram,A,2026-10,"24,971",25,"19,709"\n'))
    assert (comp.loc[0, "followers"], comp.loc[0, "interactions"]) == (24971, 19709)


# ---------------------------------------------------------------------------- (3, 7) names
def test_names_match_whatever_their_case_unicode_form_and_spaces():
    nfc, nfd = "Lumi\u00e8re", "Lumie\u0300re"
    assert competitor_key(nfc) == competitor_key(nfd) == competitor_key("LUMIÈRE")
    assert competitor_key("Bloom  & Co ") == competitor_key("bloom & co")


@pytest.mark.parametrize("second", ["tiktok,Lumie\u0300re,2026-10,200,2,2\n",
                                    "TikTok,LUMIÈRE,2026-10,200,2,2\n",
                                    "tiktok,Lumière ,2026-10,200,2,2\n"])
def test_a_name_spelt_two_ways_in_one_period_is_a_duplicate(tmp_path, second):
    path = _file(tmp_path, "tiktok,Lumi\u00e8re,2026-10,100,1,1\n" + second)
    with pytest.raises(ConfigError, match="line 3.*first on line 2"):
        read_competitors(path)


def test_a_quarter_of_months_spelt_two_ways_is_summed(tmp_path):
    """BLOOM in August, Bloom in July and September: the quarter left it out."""
    path = _file(tmp_path, "tiktok,Bloom & Co,2026-07,1000,10,500\n"
                           "tiktok,BLOOM & CO,2026-08,1100,10,600\n"
                           "tiktok,Bloom & Co,2026-09,1200,9,700\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-07-01"]))
    side = compare_competitors(ds, "2026-Q3").set_index("name")
    bloom = side.loc["Bloom & Co"]      # the spelling of its last month
    # 10 + 10 + 9 posts, 500 + 600 + 700 interactions, followers of September's end
    assert (bloom["posts"], bloom["interactions"], bloom["followers"]) == (29, 1800, 1200)
    # 29 posts over 92 days: 29 / (92 / 7) = 2.21 a week
    assert bloom["posts_per_week"] == pytest.approx(2.2065, abs=1e-4)


def test_competitors_not_covering_the_period_are_left_out_and_said(tmp_path):
    path = _file(tmp_path, "tiktok,Full,2026-10,9000,9,5000\n"
                           "tiktok,Half,2026-10-01..2026-10-15,8000,5,3000\n"
                           "tiktok,Gap,2026-07,1000,10,500\n"
                           "tiktok,Gap,2026-09,1200,10,500\n"
                           "tiktok,Yearly,2026,1000,100,5000\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-10-01"]))
    side = compare_competitors(ds, "2026-10").set_index("name")
    assert list(side.index) == ["Test", "Full"]
    # 9 posts over 1-31 October: 9 / (31 / 7) = 2.03 a week
    assert side.loc["Full", "posts_per_week"] == pytest.approx(2.0323, abs=1e-4)
    left = competitors_left_out(ds, "2026-10")
    assert left.to_dict("records") == [
        {"platform": "tiktok", "competitor": "Half", "reason": "missing",
         "detail": "2026-10-16..2026-10-31"},
        {"platform": "tiktok", "competitor": "Yearly", "reason": "longer", "detail": "2026"}]
    left = competitors_left_out(ds, "2026-Q3")
    assert left.to_dict("records") == [
        {"platform": "tiktok", "competitor": "Gap", "reason": "missing", "detail": "2026-08"},
        {"platform": "tiktok", "competitor": "Yearly", "reason": "longer", "detail": "2026"}]
    # a period no row touches leaves nobody out
    assert competitors_left_out(ds, "2025-10").empty


@pytest.mark.parametrize("lang,said", [
    ("en", "Not in the table: Half (TikTok), whose rows leave out the days from 16 to 31 "
           "October 2026."),
    ("fr", "Absents du tableau : Half (TikTok), dont les lignes laissent de côté les jours du "
           "16 au 31 octobre 2026."),
    ("it", "Esclusi dalla tabella: Half (TikTok), le cui righe non coprono i giorni dal 16 al 31 "
           "ottobre 2026."),
])
def test_the_report_says_which_competitor_is_left_out_and_why(tmp_path, lang, said):
    path = _file(tmp_path, "tiktok,Full,2026-10,9000,9,5000\n"
                           "tiktok,Half,2026-10-01..2026-10-15,8000,5,3000\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-10-01"]))
    rep = BrandReport(ds, "2026-10", lang=lang)
    assert said in _texts(rep.benchmarks())
    assert rep.fmt.untranslated == set()


# ---------------------------------------------------------------------------- (4) none
@pytest.mark.parametrize("lang,rows,said", [
    ("en", "tiktok,A,2026-07,1000,10,500\ntiktok,A,2026-09,1200,10,500\n",
     "No competitor figures for Q3 2026: A (TikTok), whose rows leave out August 2026."),
    ("fr", "tiktok,A,2026-07,1000,10,500\ntiktok,A,2026-09,1200,10,500\n",
     "Aucun chiffre de concurrent pour le T3 2026 : A (TikTok), dont les lignes laissent de "
     "côté août 2026."),
    ("it", "tiktok,A,2026-07,1000,10,500\ntiktok,A,2026-09,1200,10,500\n",
     "Nessun dato dei concorrenti per il 3° trimestre 2026: A (TikTok), le cui righe non "
     "coprono agosto 2026."),
    ("en", "tiktok,Y,2026,1000,100,5000\n",
     "No competitor figures for Q3 2026: Y (TikTok), whose figures are for 2026, a longer "
     "period than Q3 2026: they cannot be set beside the brand's."),
])
def test_no_competitor_figures_says_why_the_rows_cannot_be_compared(tmp_path, lang, rows, said):
    """"competitors.csv runs from 1 July to 30 September 2026" was said of the third
    quarter, which it seemed to cover."""
    ds = dataset(competitors=read_competitors(_file(tmp_path, rows)),
                 posts=_tiktok_posts(["2026-07-01"]))
    rep = BrandReport(ds, "2026-Q3", lang=lang)
    texts = _texts(rep.benchmarks())
    assert said in texts
    assert not any("runs from" in t or "couvre du" in t or "copre dal" in t for t in texts)


# ---------------------------------------------------------------------------- (5) dashes
@pytest.mark.parametrize("lang,said", [
    ("en", "– in “Eng. rate / followers”: followers at the period's end unknown for Test ★ "
           "(TikTok) and Missing (TikTok); followers given as 0 for Zero (TikTok); no posts for "
           "NoPosts (TikTok), so the rate cannot be computed."),
    ("fr", "– dans « Taux d'engagement / abonnés » : abonnés en fin de période inconnus pour "
           "Test ★ (TikTok) et Missing (TikTok) ; abonnés indiqués à 0 pour Zero (TikTok) ; "
           "aucune publication pour NoPosts (TikTok) ; le taux ne peut donc être calculé."),
])
def test_each_dash_of_the_rate_per_follower_is_explained(tmp_path, lang, said):
    """The brand without followers at October's end, a competitor at 0 followers, one with
    none given, one without posts: four "–" and not a word."""
    path = _file(tmp_path, "tiktok,Zero,2026-10,0,10,5000\ntiktok,Missing,2026-10,,10,5000\n"
                           "tiktok,NoPosts,2026-10,5000,0,0\ntiktok,Known,2026-10,5000,10,500\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-10-01"]))
    caption = _caption(BrandReport(ds, "2026-10", lang=lang).benchmarks())
    assert caption.endswith(" " + said)


def test_no_dash_no_note(tmp_path):
    path = _file(tmp_path, "tiktok,Known,2026-10,5000,10,500\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-10-01"]),
                 daily=daily([{"platform": "tiktok", "date": pd.Timestamp("2026-10-31"),
                               "metric": "followers_total", "value": 1000.0}]))
    c = compare_competitors(ds, "2026-10").set_index("name")
    # the brand: 10 interactions / 1 post / 1,000 followers = 1 %
    assert c.loc["Test", "er_followers"] == pytest.approx(0.01)
    assert "–" not in _caption(BrandReport(ds, "2026-10", lang="en").benchmarks())


# ---------------------------------------------------------------------------- (6) brand
def test_a_competitor_named_like_the_brand_is_left_out_and_said(tmp_path):
    """A row "TEST" beside the brand "Test" stood in the table as a second brand, its
    figures typed in competitors.csv against those of its exports."""
    path = _file(tmp_path, "tiktok,TEST,2026-10,9000,10,5000\ntiktok,Rival,2026-10,8000,10,4000\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-10-01"]))
    side = compare_competitors(ds, "2026-10")
    assert list(side["name"]) == ["Test", "Rival"] and list(side["is_brand"]) == [True, False]
    assert competitors_left_out(ds, "2026-10").to_dict("records") == [
        {"platform": "tiktok", "competitor": "TEST", "reason": "brand", "detail": ""}]
    assert ("Not in the table: TEST (TikTok), named like the brand itself, whose own row comes "
            "from its exports." in _texts(BrandReport(ds, "2026-10", lang="en").benchmarks()))



@pytest.mark.parametrize("lang, said", [
    ("en", "Pinterest ★ — figures from competitors.csv: the brand's exports give none for "
           "Pinterest in October 2026."),
    ("fr", "Pinterest ★ — chiffres tirés de competitors.csv : les exports de la marque n'en "
           "donnent aucun pour Pinterest en octobre 2026."),
    ("it", "Pinterest ★ — dati tratti da competitors.csv: le esportazioni del brand non ne danno "
           "per Pinterest a ottobre 2026.")])
def test_a_row_named_like_the_brand_is_its_row_where_its_exports_give_none(tmp_path, lang,
                                                                          said):
    """brand6's ``pinterest,Maison Sève,…``, no Pinterest export: the row was dropped as the
    brand's own, which stood as dashes, with a note saying its row came from its exports."""
    path = _file(tmp_path, "pinterest,TEST,2026-10,5200,40,900\n"
                           "pinterest,Rival,2026-10,3000,30,500\n"
                           "tiktok,TEST,2026-10,9000,10,5000\n"
                           "tiktok,Rival,2026-10,8000,10,4000\n")
    ds = dataset(competitors=read_competitors(path), posts=_tiktok_posts(["2026-10-01"]))
    side = compare_competitors(ds, "2026-10").set_index(["platform", "name"])
    mine = side.loc[("pinterest", "Test")]
    assert bool(mine["is_brand"])
    assert (mine["followers"], mine["posts"], mine["interactions"]) == (5200, 40, 900)
    # 900 interactions / 40 posts = 22.5 a post, / 5,200 followers = 0.4327 %
    assert mine["er_followers"] == pytest.approx(22.5 / 5200)
    # TikTok: a posts export read, so the row TEST is left out and the brand's is its own
    assert side.loc[("tiktok", "Test"), "posts"] == 1
    assert competitors_left_out(ds, "2026-10").to_dict("records") == [
        {"platform": "tiktok", "competitor": "TEST", "reason": "brand", "detail": ""}]
    assert said in _caption(BrandReport(ds, "2026-10", lang=lang).benchmarks())


@pytest.mark.parametrize("lang, period, said", [
    ("fr", "2026-10", "Year (TikTok), dont les chiffres portent sur 2026, une période plus "
                      "longue qu'octobre 2026 :"),
    ("it", "2026-10", "Year (TikTok), i cui dati riguardano il 2026, un periodo più lungo di "
                      "ottobre 2026:"),
    # the third quarter compared over August and September, Rival's months
    ("fr", "2026-Q3", "une période plus longue que la période du 1er août au 30 septembre "
                      "2026 :"),
    ("it", "2026-Q3", "un periodo più lungo del periodo dal 1° agosto al 30 settembre 2026:"),
    ("en", "2026-Q3", "a longer period than the period from 1 August to 30 September 2026:"),
])
def test_a_longer_row_left_out_is_said_in_proper_french_and_italian(tmp_path, lang, period,
                                                                     said):
    """It read "plus longue que octobre 2026", "que 1er août 2026 – 30 septembre 2026",
    "più lungo di 1° agosto 2026 – …" and "riguardano 2026"."""
    path = _file(tmp_path, "tiktok,Rival,2026-08,1000,10,100\ntiktok,Rival,2026-09,1000,10,100\n"
                           "tiktok,Rival,2026-10,1000,10,100\ntiktok,Year,2026,1000,10,100\n")
    comp = read_competitors(path)
    if period == "2026-Q3":          # no October row: the quarter's August and September
        comp = comp.loc[comp["period"] != "2026-10"].reset_index(drop=True)
    ds = dataset(competitors=comp, posts=_tiktok_posts(["2026-08-01", "2026-10-01"]))
    assert any(said in t for t in _texts(BrandReport(ds, period, lang=lang).benchmarks()))

# ---------------------------------------------------------------------------- (8) files
def test_a_utf16_competitors_file_says_so(tmp_path):
    path = tmp_path / "competitors.csv"
    path.write_text(HEADER.replace(",", "\t") + "tiktok\tBloom\t2026-10\t1\t1\t1\n",
                    encoding="utf-16")
    with pytest.raises(ConfigError,
                       match=r"UTF-16 text.*save it as UTF-8 \(in Excel: 'CSV UTF-8'\)"):
        read_competitors(path)


def test_a_tab_separated_file_says_so(tmp_path):
    path = tmp_path / "competitors.csv"
    path.write_text(HEADER.replace(",", "\t") + "tiktok\tBloom\t2026-10\t1\t1\t1\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=r"competitors.csv, line 1.*tab-separated.*, or ;"):
        read_competitors(path)


def test_the_other_settings_csvs_say_so_too(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text("category\tamount\tstart\tend\nads\t100\t2026-10-01\t2026-10-31\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError, match="costs.csv, line 1.*tab-separated"):
        read_costs(path)
    path.write_text("category,amount,start,end\nads,100,2026-10-01,2026-10-31\n",
                    encoding="utf-16")
    with pytest.raises(ConfigError, match="costs file is UTF-16 text"):
        read_costs(path)
