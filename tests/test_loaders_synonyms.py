"""A brand's own synonyms.csv: header variants the package does not know yet.

The French TikTok headers below are an example written for these tests (no French TikTok export
has been seen, reference §9): the point is that an analyst can teach the loaders such headers
without editing the package.
"""

from __future__ import annotations

import pytest

import smmanalytics as smm
from smmanalytics.errors import ConfigError
from smmanalytics.loaders import inspect_files
from smmanalytics.loaders._candidate import _on_two_threads
from smmanalytics.loaders._headers import match_headers, read_synonyms, using_synonyms

OVERVIEW_FR = ('"Date","Vues de vidéos","Vues du profil","J’aime","Commentaires","Partages"\n'
               '"25 septembre","120","8","14","2","1"\n'
               '"26 septembre","80","3","9","0","2"\n')
SYNONYMS_FR = ("family,canonical,lang,header\n"
               "# TikTok Studio in French\n"
               "tiktok,views,fr,Vues de vidéos\n"
               "tiktok,profile_visits,fr,Vues du profil\n"
               "tiktok,reactions,fr,J'aime\n"
               "tiktok,comments,fr,Commentaires\n"
               "tiktok,shares,fr,Partages\n")


def _brand(tmp_path, synonyms: str | None = SYNONYMS_FR):
    d = tmp_path / "brand"
    d.mkdir(parents=True)
    (d / "Overview.csv").write_text(OVERVIEW_FR, encoding="utf-8-sig")
    if synonyms is not None:
        (d / "synonyms.csv").write_text(synonyms, encoding="utf-8")
    return d


def _values(ds, metric):
    rows = ds.daily[ds.daily["metric"] == metric].sort_values("date")
    return rows["value"].tolist()


def test_read_synonyms_rows_normalised(tmp_path):
    path = tmp_path / "synonyms.csv"
    path.write_text("\ufeffFamily;Canonical;Lang;Header\n"
                    "tiktok;views;fr;Vues  de vidéos\n\n"
                    "#tiktok;views;fr;ignored\n"
                    "meta;watch_time_s;it;Secondi riprodotti*\n", encoding="utf-8")
    rows = read_synonyms(path)
    assert [(r.family, r.canonical, r.lang, r.header, r.prefix) for r in rows] == [
        ("tiktok", "views", "fr", "vues de vidéos", False),
        ("meta", "watch_time_s", "it", "secondi riprodotti", True)]


@pytest.mark.parametrize(("text", "line", "column", "expected"), [
    ("family,canonical,header\n", 1, "lang", "a header family, canonical, lang, header"),
    ("family,canonical,lang,header\ntiktok,views,fr,Vues\ntikto,views,fr,Vues\n", 3, "family",
     "one of "),
    ("family,canonical,lang,header\ntiktok,view,fr,Vues\n", 2, "canonical",
     "a field of tiktok: "),
    ("family,canonical,lang,header\ntiktok,views,french,Vues\n", 2, "lang", "a language code"),
    ("family,canonical,lang,header\ntiktok,views,fr,  \n", 2, "header", "the header as"),
    # 'Likes' already means reactions in the package's table: a row may not turn it into views
    ("family,canonical,lang,header\ntiktok,views,fr,Likes\n", 2, "header",
     "a header not already meaning 'reactions' in tiktok"),
    # nor may two rows of the file give one header two meanings
    ("family,canonical,lang,header\ntiktok,views,fr,Vues\ntiktok,shares,fr,vues\n", 3,
     "header", "a header not already meaning 'views' in tiktok"),
])
def test_read_synonyms_errors_name_line_column_expected(tmp_path, text, line, column, expected):
    path = tmp_path / "synonyms.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_synonyms(path)
    assert (err.value.file, err.value.line, err.value.column) == (str(path), line, column)
    assert err.value.expected.startswith(expected)


def test_using_synonyms_is_scoped_and_reaches_worker_threads(tmp_path):
    path = tmp_path / "synonyms.csv"
    path.write_text(SYNONYMS_FR, encoding="utf-8")
    headers = ["Date", "Vues de vidéos", "Partages"]
    assert set(match_headers(headers, "tiktok").columns) == {"date"}
    with using_synonyms(read_synonyms(path)):
        got = _on_two_threads(lambda h: match_headers([h], "tiktok").columns, headers)
        match = match_headers(headers, "tiktok")
    assert got == {"Date": {"date": [0]}, "Vues de vidéos": {"views": [0]},
                   "Partages": {"shares": [0]}}
    assert match.locale == "fr-FR"                 # the French rows vote for French
    assert set(match_headers(headers, "tiktok").columns) == {"date"}   # only inside the block


def test_load_reads_an_unknown_language_with_the_brand_synonyms(tmp_path):
    # the export in a language not known is a file not read (its figures are missing)
    with pytest.warns(smm.DataQualityWarning, match=r"^1 file could not be read .*: Overview"
                      r"\.csv: not understood as an export: .* can be added to a synonyms"):
        without = smm.load(_brand(tmp_path / "a", synonyms=None), cache=False)
    assert without.daily.empty
    note = without.quality.loc[without.quality["code"] == "not_understood", "message"].item()
    assert "synonyms.csv" in note                   # the message says what to do

    ds = smm.load(_brand(tmp_path / "b"), cache=False)
    assert _values(ds, "views") == [120, 80]
    assert _values(ds, "profile_visits") == [8, 3]
    assert _values(ds, "reactions") == [14, 9]      # J’aime (U+2019) matched J'aime
    assert _values(ds, "shares") == [1, 2]
    assert ds.files["source_format"].tolist()[-1] == "tiktok_overview"
    assert ds.files["kind"].tolist()[:-1] == ["synonyms"]     # the settings file: listed first
    assert ds.daily["date"].dt.strftime("%m-%d").unique().tolist() == ["09-25", "09-26"]
    read = ds.quality[ds.quality["code"] == "synonyms_read"]
    assert read["rows"].tolist() == [5] and read["level"].tolist() == ["info"]


def test_changed_synonyms_change_the_cached_result(tmp_path):
    d = _brand(tmp_path)
    assert _values(smm.load(d), "shares") == [1, 2]
    assert _values(smm.load(d), "shares") == [1, 2]          # from the cache
    (d / "synonyms.csv").write_text(SYNONYMS_FR.replace("tiktok,shares,fr,Partages\n", ""),
                                    encoding="utf-8")
    ds = smm.load(d)
    assert _values(ds, "shares") == []                       # Partages is unknown again
    assert _values(ds, "views") == [120, 80]
    cold = smm.load(d, cache=False)
    assert cold.daily.equals(ds.daily)


def test_invalid_synonyms_noted_or_raised(tmp_path):
    d = _brand(tmp_path, synonyms="family,canonical,lang,header\ntiktok,views,français,Vues\n")
    # the bad row is left out alone (the file's other rows would be in force: here none), so
    # the French export is not understood, a file not read; the row is a warning of the log
    with pytest.warns(smm.DataQualityWarning, match="^1 file could not be read .*: Overview"
                      ".csv: not understood "):
        ds = smm.load(d, cache=False)
    ignored = ds.quality[ds.quality["code"] == "synonym_row_ignored"]
    assert ignored["file"].tolist() == [str(d / "synonyms.csv")]
    assert ignored["level"].tolist() == ["warning"]
    assert "line 2" in ignored["message"].item() and "column 'lang'" in ignored["message"].item()
    assert "failed" not in set(ds.quality["code"])
    assert ds.daily.empty                            # read without the row
    with pytest.raises(ConfigError, match="column 'lang'"):
        smm.load(d, strict=True, cache=False)


def test_inspect_lists_side_files_and_uses_the_synonyms(tmp_path):
    d = _brand(tmp_path)
    (d / "costs.csv").write_text("start,category,amount\n2026-09-01,tools,10\n",
                                 encoding="utf-8")
    df = inspect_files(d).set_index("file")
    assert df.loc[str(d / "costs.csv"), "status"] == "side_file"
    assert df.loc[str(d / "synonyms.csv"), "status"] == "side_file"
    assert df.loc[str(d / "synonyms.csv"), "rows"] == 5
    assert df.loc[str(d / "Overview.csv"), "format"] == "tiktok_overview"
    assert df.loc[str(d / "Overview.csv"), "locale"] == "fr-FR"
