"""YouTube Studio advanced-mode zips (English and French) with hand-computed values."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmanalytics.errors import ParseError, SmmError
from smmanalytics.loaders import inspect_files, read_file
from smmanalytics.schema import validate

from ._helpers import _codes
from ._workbooks import sheet
from ._zips import damaged

FIX = Path(__file__).parent / "fixtures" / "youtube"
EN = FIX / "Content 2026-09-12_2026-10-01 Maison Sève.zip"
FR = FIX / "Contenu 2026-09-12_2026-10-01 Maison Sève.zip"
NNBSP = "\u202f"


def _by_format(path):
    return {d.attrs["source_format"]: d for d in read_file(path)}


@pytest.mark.parametrize("path, locale", [(EN, "en-US"), (FR, "fr-FR")])
def test_table_data(path, locale):
    df = _by_format(path)["youtube_table"]
    validate(df, "posts")
    assert df["source_locale"].unique().tolist() == [locale]
    assert df["account_name"].unique().tolist() == ["Maison Sève"]
    # the Total row (row 2) is not a video; " -bQ3xYz7K2w" loses its leading space
    assert df["post_id"].tolist() == ["kQ3Fz9TzX1c", "-bQ3xYz7K2w", "Zp0-r7LmNqA",
                                      "Jx9aB2cD3eF"]
    assert df["caption"][0] == "Fabriquer un savon à froid, pas à pas"
    # "Sep 14, 2026" / "14 sept. 2026" ... "Jan 6, 2024" / "6 janv. 2024", day precision
    assert df["published_at"].tolist() == [pd.Timestamp(d, tz="UTC") for d in
                                           ("2026-09-14", "2026-09-20", "2026-09-28",
                                            "2024-01-06")]
    assert df["time_precision"].astype(str).unique().tolist() == ["day"]
    assert df["views"].tolist() == [2410, 1995, 1102, 327]            # "2,410" / "2 410"
    assert df["impressions"].tolist() == [30200, 15400, 10020, 4500]
    # watch time hours x 3600: 210.5 -> 757800, 21.0583 -> 75809.88, 30.9172 -> 111301.92,
    # 5.1775 -> 18639
    assert df["watch_time_s"].round(6).tolist() == [757800, 75809.88, 111301.92, 18639]
    # 0:05:14 = 314 s, 0:00:38, 0:01:41 = 101 s, 0:00:57
    assert df["avg_watch_time_s"].tolist() == [314, 38, 101, 57]
    # (%) columns / 100: 51.3 -> 0.513 ("51,3" in French)
    assert df["avg_pct_viewed"].round(12).tolist() == [0.513, 0.844, 0.673, 0.6]
    assert df["thumbnail_ctr"].round(12).tolist() == [0.051, 0.032, 0.0602, 0.027]
    assert df["reactions"].tolist() == [120, 98, 55, 16]
    assert df["comments"].tolist() == [22, 6, 9, 4]
    assert df["shares"].tolist() == [10, 9, 4, 2]
    # interactions = likes + comments + shares: 120+22+10, 98+6+9, 55+9+4, 16+4+2
    assert df["interactions"].tolist() == [152, 113, 68, 22]
    # net subscribers; the -1 cannot be a count of follows
    assert df["net_subscribers"].tolist() == [18, 9, 4, -1]
    assert df["follows"].tolist()[:3] == [18, 9, 4] and pd.isna(df["follows"][3])
    # 612 s video; 45 s <= 60 short; 150 s <= 180 after 2024-10-15 short; 95 s in Jan 2024 video
    assert df["duration_s"].tolist() == [612, 45, 150, 95]
    assert df["content_type"].astype(str).tolist() == ["video", "short", "short", "video"]
    # zip member time 2026-10-02 08:15 (when Studio built the archive)
    assert (df["snapshot_at"] == pd.Timestamp("2026-10-02 08:15", tz="UTC")).all()
    assert {"summary_row_dropped", "id_spaces_stripped", "content_type_rule",
            "net_subscribers_negative", "tz_assumed_utc"} <= _codes(df)


def test_english_and_french_read_the_same():
    en, fr = _by_format(EN), _by_format(FR)
    for name in ("youtube_table", "youtube_chart", "youtube_totals"):
        drop = ["source_file"] + (["source_locale"] if name == "youtube_table" else [])
        pd.testing.assert_frame_equal(en[name].drop(columns=drop), fr[name].drop(columns=drop))


@pytest.mark.parametrize("path", [EN, FR])
def test_totals_and_chart(path):
    frames = _by_format(path)
    tot = frames["youtube_totals"]
    validate(tot, "daily")
    assert tot["metric"].unique().tolist() == ["views"]
    assert len(tot) == 20 and tot["date"].min() == pd.Timestamp("2026-09-12")
    # views(i) = 300 + 10 i for i = 0..18, then 1204 ("1,204" / "1 204") on 2026-10-01:
    # 19*300 + 10*(0+...+18) + 1204 = 5700 + 1710 + 1204 = 8614
    assert tot["value"].sum() == 8614
    assert tot.loc[tot["date"] == "2026-10-01", "value"].item() == 1204
    chart = frames["youtube_chart"]
    validate(chart, "daily")
    assert chart["metric"].unique().tolist() == ["post_views"] and len(chart) == 40
    one = chart[(chart["post_id"] == "kQ3Fz9TzX1c") & (chart["date"] == "2026-10-01")]
    assert one["value"].item() == 195                       # 100 + 5*19
    three = chart[chart["post_id"] == "Zp0-r7LmNqA"].set_index("date")["value"]
    assert three[pd.Timestamp("2026-09-27")] == 0 and three[pd.Timestamp("2026-10-01")] == 350


# ---------------------------------------------------------------- generated variants

def _zip(tmp_path, members, name="Content 2025-01-01_2025-01-31 Chaîne Test.zip"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        for member, text in members.items():
            z.writestr(zipfile.ZipInfo(member, date_time=(2025, 2, 1, 10, 0, 0)),
                       text.encode("utf-8-sig"))
    return path


def test_older_impressions_names_gained_subscribers_and_engaged_views(tmp_path):
    table = ("Content,Video title,Video publish time,Duration,Engaged views,Views,"
             "Subscribers gained,Subscribers lost,Impressions,"
             "Impressions click-through rate (%),Stayed to watch (%)\n"
             "Total,,,,900,1000,12,5,20000,4.5,\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",200,800,850,10,4,15000,5,\n"
             "bbbbbbbbbbb,B,\"Jan 20, 2025\",30,100,150,2,1,5000,3,70.5\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["impressions"].tolist() == [15000, 5000]
    assert df["thumbnail_ctr"].tolist() == [0.05, 0.03]
    assert df["engaged_views"].tolist() == [800, 100]
    assert df["follows"].tolist() == [10, 2]                 # gained, not net
    assert pd.isna(df["shorts_stayed_rate"][0]) and df["shorts_stayed_rate"][1] == 0.705
    # Stayed to watch, filled for Shorts only: A's blank (200 s) -> video; B's 70.5 -> short
    assert df["content_type"].astype(str).tolist() == ["video", "short"]
    assert (df["snapshot_at"] == pd.Timestamp("2025-02-01 10:00", tz="UTC")).all()
    # the zip's time has no zone: read as UTC, and said
    assert "zip_time_zone_unknown" in {q["code"] for q in df.attrs["quality"]}


def test_truncated_table_is_noted(tmp_path):
    table = ("Content,Video title,Video publish time,Views\n"
             "Total,,,5000\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",800\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["views"].tolist() == [800]
    assert "table_truncated" in _codes(df)


def test_a_views_cell_of_no_value_is_no_truncation(tmp_path):
    """Studio's Total counts 5000 views, the videos listed 800 and '#N/A' (a spreadsheet's
    error): the 4200 missing may be that video's, so Studio is not blamed for leaving rows out
    (the warning advised to filter and re-export); the cell is noted as holding no value."""
    table = ("Content,Video title,Video publish time,Views\n"
             "Total,,,5000\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",800\n"
             "bbbbbbbbbbb,B,\"Jan 4, 2025\",#N/A\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["views"].tolist()[0] == 800 and pd.isna(df["views"][1])
    assert "table_truncated" not in _codes(df)
    assert "placeholder_cells" in _codes(df)


def test_french_variant_nnbsp_thousands_decimal_comma(tmp_path):
    table = ("Contenu;Titre de la vidéo;Heure de publication de la vidéo;Vues;"
             "Durée de visionnage (heures)\n"
             f"Total;;;\"1{NNBSP}500\";\"3,5\"\n"
             f"xxxxxxxxxxx;Le titre;1 févr. 2026;\"1{NNBSP}500\";\"3,5\"\n")
    df = read_file(_zip(tmp_path, {"Données du tableau.csv": table},
                        name="Contenu 2026-02-01_2026-02-28 Chaîne.zip"))[0]
    assert df["views"].tolist() == [1500] and df["watch_time_s"].tolist() == [12600]
    assert df["published_at"].tolist() == [pd.Timestamp("2026-02-01", tz="UTC")]


def test_totals_total_row_variant(tmp_path):
    df = read_file(_zip(tmp_path, {"Totaux.csv": "Date,Vues\nTotal,44531\n2026-10-01,300\n"}))[0]
    assert df["value"].tolist() == [300] and "period_total_skipped" in _codes(df)


_BY_DATE = ("Date,Views,Watch time (hours),Average view duration,Estimated revenue (USD)\n"
            "Total,3500,100.5,0:01:43,21.75\n"
            "2024-11-26,2000,60.25,0:01:48,12.5\n"
            "2024-11-25,1500,40.25,0:01:37,9.25\n")


@pytest.mark.parametrize("name", ["Table data.csv", "Données du tableau.csv", "Totals.csv"])
def test_a_table_split_by_date_is_the_daily_totals_whatever_its_name(tmp_path, name):
    """Studio's Advanced mode split by Date writes 'Table data.csv' with the bytes of
    'Totals.csv' (a reviewer's real export): it was refused as "YouTube table without the
    video id column" though the same file named Totals.csv loaded."""
    (tmp_path / name).write_text(_BY_DATE, encoding="utf-8")
    frames = read_file(tmp_path / name)
    assert [f.attrs["source_format"] for f in frames] == ["youtube_totals"]
    df = frames[0]
    validate(df, "daily")
    value = df.set_index(["date", "metric"])["value"]
    day = pd.Timestamp("2024-11-26")
    # 2000 views; 60.25 h x 3600 = 216900 s; 0:01:48 = 108 s; 12.5 USD; the Total row no day
    assert value[(day, "views")] == 2000 and value[(day, "watch_time_s")] == 216900
    assert value[(day, "avg_watch_time_s")] == 108 and value[(day, "revenue_usd")] == 12.5
    assert sorted(df["date"].unique()) == [pd.Timestamp("2024-11-25"), day]
    assert value.xs("views", level="metric").sum() == 3500       # 2000 + 1500
    assert "period_total_skipped" in _codes(df)


@pytest.mark.parametrize("name", ["Totals (1).csv", "Totals(2).csv", "Totaux - Copie.csv",
                                  "Copy of Totals.csv", "Totals 2.csv", "Totals-2.csv",
                                  "Totali 3.csv"])
def test_a_second_extraction_or_copy_of_totals_is_read(tmp_path, name):
    """An OS's or browser's name for a second extraction of Studio's Totals.csv, or a copy's,
    was refused with advice to add a synonyms.csv row for headers the synonyms hold."""
    (tmp_path / name).write_text("Date,Views\n2026-10-01,120\n2026-10-02,80\n",
                                 encoding="utf-8")
    (df,) = read_file(tmp_path / name)
    assert df.attrs["source_format"] == "youtube_totals"
    assert df["value"].tolist() == [120, 80] and df["metric"].unique().tolist() == ["views"]


def test_totals_renamed_says_it_is_read_under_studios_name_only(tmp_path):
    """'yt_totals_oct.csv', Studio's Totals.csv renamed: 'Date,Views' is any tool's, so it is
    still not read, but the warning says why (its name) instead of advising a synonyms.csv
    row, which would change nothing: both headers are YouTube synonyms already."""
    import smmanalytics as smm

    (tmp_path / "yt_totals_oct.csv").write_text("Date,Views\n2026-10-01,120\n",
                                                encoding="utf-8")
    with pytest.warns(smm.DataQualityWarning, match="could not be read"):
        ds = smm.load(tmp_path, cache=False)
    note = ds.quality.loc[ds.quality["code"] == "not_understood", "message"]
    assert len(note) == 1
    assert "headers are those of YouTube Studio's Totals.csv" in note.iloc[0]
    assert "name it Totals.csv" in note.iloc[0] and "synonyms.csv" not in note.iloc[0]
    assert ds.daily.empty


def test_a_table_split_by_date_in_a_zip_is_read_as_totals(tmp_path):
    frames = _by_format(_zip(tmp_path, {"Table data.csv": _BY_DATE}))
    assert list(frames) == ["youtube_totals"]
    # 2 days x 4 metrics (views, watch time, average view duration, revenue)
    assert len(frames["youtube_totals"]) == 8


def test_a_table_split_by_another_dimension_says_what_it_is(tmp_path):
    """A table split by 'Subscription status' (a reviewer's real export) was refused as if its
    headers were in an unknown language: the error says what the table is and what to export."""
    table = ("Subscription status,Views,Watch time (hours),Average view duration\n"
             "Total,120,3.5,0:01:45\n"
             "Not subscribed,100,2.5,0:01:30\n"
             "Subscribed,20,1,0:03:00\n")
    with pytest.raises(ParseError, match="split by 'Subscription status'") as err:
        read_file(_zip(tmp_path, {"Table data.csv": table}))
    assert err.value.column == "Subscription status" and err.value.line == 1
    assert "'Content'" in err.value.expected and "'Date'" in err.value.expected
    assert "synonyms.csv" not in str(err.value)


_NAME_ERRORS = ("Content,Video title,Video publish time,Duration,Views\n"
                "Total,,,,300\n"
                "#NAME?,Neverland,\"May 23, 2020\",161,4\n"
                "#NAME?,Long Run,\"Jul 10, 2020\",185,276\n"
                "aaaaaaaaaaa,Temptation,\"Aug 27, 2020\",158,20\n")


def test_ids_excel_damaged_are_no_ids_and_the_videos_are_kept_apart(tmp_path):
    """Excel saves '#NAME?' for an id starting with '-' (a reviewer's real export): it was
    read as the id '#NAME?' with the link 'watch?v=#NAME?', and two such videos were merged
    as one by smm.load (the second dropped as repeated_in_file). No id, no link, noted with
    the lines; every video kept."""
    import smmanalytics as smm

    (tmp_path / "Table data.csv").write_text(_NAME_ERRORS, encoding="utf-8")
    df = read_file(tmp_path / "Table data.csv")[0]
    assert df["post_id"].isna().tolist() == [True, True, False]
    assert df["post_id"][2] == "aaaaaaaaaaa"
    assert df["permalink"].isna().tolist() == [True, True, False]
    assert df["caption"].tolist() == ["Neverland", "Long Run", "Temptation"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "video_id_damaged")
    # header line 1, Total line 2: the two '#NAME?' rows are lines 3 and 4
    assert note["rows"] == 2 and "lines 3, 4" in note["message"] and "'#NAME?'" in note["message"]
    posts = smm.load(tmp_path).posts
    # 4 + 276 + 20 = 300, the Total row's views: no video lost in the merge
    assert len(posts) == 3 and posts["views"].sum() == 300


def test_a_valid_id_beside_a_damaged_one_is_noted_alone(tmp_path):
    """One damaged id among good ones ('-' and '_' are id characters): only its line named."""
    table = ("Content,Video title,Views\n"
             " -bQ3xYz7K2w,A,1\n"
             "Zp0_r7LmNqA,B,2\n"
             "#NAME?,C,3\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["post_id"].tolist()[:2] == ["-bQ3xYz7K2w", "Zp0_r7LmNqA"]
    assert pd.isna(df["post_id"][2])
    note = next(q for q in df.attrs["quality"] if q["code"] == "video_id_damaged")
    assert note["rows"] == 1 and note["message"].startswith("line 4:")


def test_table_without_content_column_raises(tmp_path):
    path = _zip(tmp_path, {"Table data.csv": "Video title,Views\nA,10\n"})
    with pytest.raises(ParseError, match="video id") as err:
        read_file(path)
    assert err.value.column == "Content" and err.value.file.endswith("!Table data.csv")


def test_a_table_without_content_column_says_synonyms_csv_can_name_it(tmp_path):
    """An Italian Studio table ('Contenuto', 'Durata', 'Mi piace'), headers the package does
    not know, was refused with "expected a 'Content' (FR 'Contenu') column" and no word of
    how to read it: the error says a synonyms.csv row names a column of another language."""
    table = ("Contenuto,Titolo video,Ora pubblicazione video,Visualizzazioni\n"
             "aaaaaaaaaaa,A,\"14 gen 2026\",10\n")
    with pytest.raises(ParseError, match="synonyms.csv") as err:
        read_file(_zip(tmp_path, {"Dati della tabella.csv": table}))
    assert "youtube,post_id,<lang>,<its header>" in str(err.value)
    # the header where Studio writes the ids, in the language the other headers are in
    assert "here youtube,post_id,it,Contenuto" in str(err.value)


# Studio's Italian 'Dati del grafico.csv' (a reviewer's file, made small): two videos a day
_CHART_IT = ("Data,Contenuto,Titolo video,Ora pubblicazione video,Durata,Visualizzazioni\n"
             "2025-12-24,D2xyCv18Was,Masque,24 dic 2025,50,412\n"
             "2025-12-24,AbCdEfGhIjK,Sérum,20 dic 2025,300,1.200\n"
             "2025-12-25,D2xyCv18Was,Masque,24 dic 2025,50,396\n"
             "2025-12-25,AbCdEfGhIjK,Sérum,20 dic 2025,300,98\n")


def test_a_chart_of_videos_without_its_id_column_is_refused_not_read_as_the_channel(tmp_path):
    """The Italian chart's 'Contenuto' is no known header: its 1,167 rows of videos were read
    as the channel's daily views, 312 days each keeping an arbitrary video's count (18,811,
    neither the videos' 37,806 nor the channel's 156,753), with only a 'repeated_in_file'
    warning. Refused as the table is, naming the synonyms.csv row that reads it."""
    import smmanalytics as smm

    (tmp_path / "Dati del grafico.csv").write_text(_CHART_IT, encoding="utf-8")
    with pytest.raises(ParseError, match="chart of videos") as err:
        read_file(tmp_path / "Dati del grafico.csv")
    assert err.value.column == "Content" and err.value.line == 1
    assert err.value.file.endswith("Dati del grafico.csv")
    assert "here youtube,post_id,it,Contenuto" in str(err.value)
    with pytest.warns(smm.DataQualityWarning, match=r"Dati del grafico\.csv: .*Contenuto"):
        ds = smm.load(tmp_path, cache=False)
    assert ds.daily.empty and "failed" in set(ds.quality["code"])


def test_the_italian_chart_with_its_id_synonym_is_read_per_video(tmp_path):
    """With the row the error names in the brand's synonyms.csv: one row per video and day,
    post_views, 412 + 1200 + 396 + 98 = 2106 (the file's Visualizzazioni, '1.200' a
    thousand and more), none of them the channel's views."""
    import smmanalytics as smm

    (tmp_path / "Dati del grafico.csv").write_text(_CHART_IT, encoding="utf-8")
    (tmp_path / "synonyms.csv").write_text("family,canonical,lang,header\n"
                                           "youtube,post_id,it,Contenuto\n", encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    daily = ds.daily
    assert daily["metric"].unique().tolist() == ["post_views"] and len(daily) == 4
    assert daily["value"].sum() == 2106
    one = daily[(daily["post_id"] == "AbCdEfGhIjK") & (daily["date"] == "2025-12-24")]
    assert one["value"].item() == 1200
    assert "repeated_in_file" not in set(ds.quality["code"])


@pytest.mark.parametrize("rows,refused", [
    ("2026-10-01,5\n2026-10-01,7\n", True),      # two rows of one day: not the channel's
    ("2026-10-01,5\n2026-10-02,7\n", False),     # one row a day: the channel's series
])
def test_a_chart_without_video_columns_is_the_channels_only_at_one_row_a_day(tmp_path, rows,
                                                                              refused):
    path = _zip(tmp_path, {"Chart data.csv": "Date,Views\n" + rows})
    if refused:
        with pytest.raises(ParseError, match="chart of videos"):
            read_file(path)
    else:
        df = read_file(path)[0]
        assert df["metric"].unique().tolist() == ["views"] and df["value"].sum() == 12


@pytest.mark.parametrize("name,header,sources", [
    ("Chart data.csv", "Date,Traffic source,Views",
     ("YouTube search", "Suggested videos", "External")),
    ("Données du graphique.csv", "Date,Source de trafic,Vues",
     ("Recherche YouTube", "Vidéos suggérées", "Externe")),
])
def test_a_chart_split_by_another_dimension_is_refused_as_the_table_is(tmp_path, name, header,
                                                                       sources):
    """A chart split by traffic source (two days by three sources) was called a chart of
    videos whose id column a synonyms.csv row 'youtube,post_id,<lang>,Traffic source' would
    read: followed, it loaded the sources as videos without ids. Its cells are no video ids
    (11 characters of YouTube's alphabet): refused as a table so split is, naming the
    dimension, with no synonyms advice."""
    rows = "".join(f"2026-10-0{day},{source},{10 * day}\n" for day in (1, 2) for source in sources)
    dimension = header.split(",")[1]
    with pytest.raises(ParseError) as err:
        read_file(_zip(tmp_path, {name: f"{header}\n{rows}"}))
    assert str(err.value) == (
        f"file {err.value.file}, line 1, column {dimension!r}: YouTube Studio chart split by "
        f"{dimension!r}: its rows are neither videos nor days; expected a chart split by "
        "'Content' (one row per video and day) or by 'Date' (one row per day): in Studio's "
        "Advanced mode, choose that dimension and export again; got "
        f"{header.split(',')!r}")
    assert "synonyms" not in str(err.value)


def test_the_italian_chart_of_one_video_is_refused_not_read_as_the_channel(tmp_path):
    """One video's Italian chart ('Data,Contenuto,Visualizzazioni': one row a day) was read
    as the channel's daily views (291 days, 5,854 views: that video's). Its 'Contenuto'
    cells are video ids: refused as the chart of several videos is."""
    rows = "".join(f"2025-12-{day},D2xyCv18Was,{day}\n" for day in (24, 25, 26))
    with pytest.raises(ParseError, match="chart of videos") as err:
        read_file(_zip(tmp_path, {"Dati del grafico.csv": "Data,Contenuto,Visualizzazioni\n"
                                                          + rows}))
    assert err.value.column == "Content"
    assert "here youtube,post_id,it,Contenuto" in str(err.value)


def test_a_chart_with_an_unknown_metric_after_the_date_is_still_the_channels(tmp_path):
    """A column of figures after 'Date' that no synonym names is a metric the package does
    not know, not a dimension: the chart is read, 5 + 7 = 12 views."""
    path = _zip(tmp_path, {"Chart data.csv": "Date,Mystery,Views\n"
                                              "2026-10-01,1.5,5\n2026-10-02,2,7\n"})
    df = read_file(path)[0]
    assert df["metric"].unique().tolist() == ["views"] and df["value"].sum() == 12


def test_a_table_without_duration_gets_only_the_missing_duration_note(tmp_path):
    """An Italian table whose 'Contenuto' column is named by the brand's synonyms.csv but
    whose 'Durata' is not: the quality log said both "content_type 'short' inferred from
    Duration" and "videos without a duration are typed 'video'". No duration column read:
    only the second; with one (a Duration of 40 s, published 2026: a Short, ≤ 180 s), only
    the rule."""
    import smmanalytics as smm

    (tmp_path / "synonyms.csv").write_text("family,canonical,lang,header\n"
                                           "youtube,post_id,it,Contenuto\n", encoding="utf-8")
    (tmp_path / "Dati della tabella.csv").write_text(
        "Contenuto,Titolo video,Durata,Visualizzazioni\n"
        "Totale,,,20\n"
        "aaaaaaaaaaa,A,40,12\n"
        "bbbbbbbbbbb,B,43,8\n", encoding="utf-8")
    codes = set(smm.load(tmp_path).quality["code"])
    assert "duration_missing" in codes and "content_type_rule" not in codes
    table = ("Content,Video title,Video publish time,Duration,Views\n"
             "aaaaaaaaaaa,A,\"Jan 14, 2026\",40,12\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["content_type"].astype(str).tolist() == ["short"]
    assert "content_type_rule" in _codes(df) and "duration_missing" not in _codes(df)


@pytest.mark.parametrize("stayed", ["Viewed (vs. swiped away) (%)", "Stayed to watch (%)"])
def test_without_duration_the_shorts_only_column_types_shorts(tmp_path, stayed):
    """A table with no Duration but Studio's Shorts-only 'Viewed (vs. swiped away) (%)' (a
    reviewer's real export: 8 of its 10 rows filled) typed every video 'video'. A value in
    that column (reference §5.2: Shorts; 'Stayed to watch (%)' today) makes a Short."""
    table = (f"Content,Video title,Video publish time,{stayed},Views\n"
             "Total,,,38.21,1000\n"
             "aaaaaaaaaaa,A,\"Feb 2, 2024\",43.02,600\n"
             "bbbbbbbbbbb,B,\"Nov 24, 2021\",,300\n"
             "ccccccccccc,C,\"Jan 22, 2024\",72.73,100\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["content_type"].astype(str).tolist() == ["short", "video", "short"]
    # 43.02 % and 72.73 % as fractions; B's cell empty
    assert df["shorts_stayed_rate"].round(12).tolist()[::2] == [0.4302, 0.7273]
    assert pd.isna(df["shorts_stayed_rate"][1])
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert notes["content_type_shorts_column"]["rows"] == 2      # A and C
    assert stayed in notes["content_type_shorts_column"]["message"]
    assert notes["duration_missing"]["rows"] == 1                # B only
    assert "content_type_rule" not in notes                       # no duration column


def test_the_shorts_only_column_decides_over_the_duration_when_some_rows_fill_it(tmp_path):
    """Studio fills 'Stayed to watch (%)' only for Shorts: in a file where some rows fill it,
    a blank there is a video whatever its duration. A 150 s horizontal video published in
    2026 (≤ 180 s) was typed 'short' beside a Short whose cell was filled (a reviewer's
    'Content 2026-10-01_2026-10-31 Shorts.zip')."""
    table = ("Content,Video title,Video publish time,Duration,Stayed to watch (%),Views\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",45,,10\n"        # 45 s <= 180 but blank: video
             "bbbbbbbbbbb,B,\"Jan 4, 2025\",,61.5,10\n"      # no duration, filled: short
             "ccccccccccc,C,\"Jan 5, 2025\",600,,10\n"       # 600 s, blank: video
             "ddddddddddd,D,\"Jan 6, 2025\",,,10\n"          # neither: video
             "eeeeeeeeeee,E,\"Oct 5, 2026\",150,,20\n"       # 2:30, blank: video
             "fffffffffff,F,\"Oct 4, 2026\",35,71.2,10\n")   # 35 s, filled: short
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["content_type"].astype(str).tolist() == ["video", "short", "video", "video",
                                                       "video", "short"]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert notes["content_type_shorts_column"]["rows"] == 2            # B and F
    assert "content_type_rule" not in notes                           # the column decided
    # A (45 s) and E (150 s, from 2026): a Short's length, blank; header line 1, so lines 2, 6
    assert notes["content_type_duration_overruled"]["rows"] == 2
    assert notes["content_type_duration_overruled"]["message"].startswith("lines 2, 6:")
    assert notes["duration_missing"]["rows"] == 1                     # D only


def test_no_short_found_by_duration_gives_no_note(tmp_path):
    """Two videos of 300 and 400 s (over the 180 s limit from 2024-10-15): both 'video', and
    no note that Shorts were recognised by their duration with 0 rows."""
    table = ("Content,Video title,Video publish time,Duration,Views\n"
             "aaaaaaaaaaa,A,\"Sep 20, 2026\",300,10\n"
             "bbbbbbbbbbb,B,\"Oct 5, 2026\",400,10\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["content_type"].astype(str).tolist() == ["video", "video"]
    assert "content_type_rule" not in _codes(df)


def test_a_shorts_only_column_empty_throughout_leaves_the_duration_to_decide(tmp_path):
    """The column exported but blank in every row tells nothing: the duration rule types the
    videos (45 s: short; 600 s: video), as without the column."""
    table = ("Content,Video title,Video publish time,Duration,Stayed to watch (%),Views\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",45,,10\n"
             "ccccccccccc,C,\"Jan 5, 2025\",600,,10\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["content_type"].astype(str).tolist() == ["short", "video"]
    rows = {q["code"]: q["rows"] for q in df.attrs["quality"]}
    assert rows["content_type_rule"] == 1
    assert "content_type_shorts_column" not in rows
    assert "content_type_duration_overruled" not in rows


def test_a_video_without_a_publish_day_is_kept_and_noted_with_its_line(tmp_path):
    """A row with figures but a blank title and publish time (a video deleted since) was kept
    with NaT and no note: October's views (1500, the dated video's) then fell short of the
    Total row (3000) unexplained. Kept, noted with its line."""
    import smmanalytics as smm

    table = ("Content,Video title,Video publish time,Duration,Views\n"
             "Total,,,,3000\n"
             "AAAAAAAAAAA,Live video,\"Oct 4, 2026\",600,1500\n"
             "DDDDDDDDDDD,,,,1500\n")
    path = _zip(tmp_path, {"Table data.csv": table},
                name="Content 2026-10-01_2026-10-31 Del.zip")
    df = read_file(path)[0]
    assert df["post_id"].tolist() == ["AAAAAAAAAAA", "DDDDDDDDDDD"]
    assert pd.isna(df["published_at"][1]) and df["views"].tolist() == [1500, 1500]
    note = next(q for q in df.attrs["quality"] if q["code"] == "missing_publish_time")
    # header line 1, Total line 2, the dated video line 3: the undated one is line 4
    assert note["rows"] == 1 and note["message"].startswith("line 4:")
    assert "outside every period" in note["message"] and "Total row" in note["message"]
    posts = smm.load(tmp_path).posts
    october = posts["published_at"].between(pd.Timestamp("2026-10-01", tz="UTC"),
                                            pd.Timestamp("2026-10-31", tz="UTC"))
    assert posts.loc[october, "views"].sum() == 1500 and posts["views"].sum() == 3000


def test_bad_duration_names_line(tmp_path):
    table = ("Content,Video title,Video publish time,Average view duration,Views\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",0:01:02,1\n"
             "bbbbbbbbbbb,B,\"Jan 4, 2025\",soon,1\n")
    with pytest.raises(ParseError, match="duration") as err:
        read_file(_zip(tmp_path, {"Table data.csv": table}))
    assert err.value.line == 3 and err.value.column == "Average view duration"


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_-]{10}", fullmatch=True),
                               st.integers(0, 10**7), st.integers(0, 10**6),
                               st.integers(0, 3 * 3600),
                               st.dates(dt.date(2005, 1, 1), dt.date(2030, 12, 31)),
                               st.booleans()),
                     min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_generated_tables_load_as_written(tmp_path, rows):
    fr = rows[0][5]
    mon_en = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    mon_fr = "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split()

    def num(n):
        return f'"{n:,}"'.replace(",", NNBSP) if fr else f'"{n:,}"'

    lines = ["Contenu,Titre de la vidéo,Heure de publication de la vidéo,Vues,"
             "Durée moyenne de visionnage,Durée de visionnage (heures)" if fr else
             "Content,Video title,Video publish time,Views,Average view duration,"
             "Watch time (hours)"]
    lines.append(f"Total,,,{num(sum(r[1] for r in rows))},0:00:01,1")
    for vid, views, hours_x100, avd, day, _ in rows:
        date = (f"{day.day} {mon_fr[day.month - 1]} {day.year}" if fr
                else f'"{mon_en[day.month - 1]} {day.day}, {day.year}"')
        hours = f"{hours_x100 // 100}{',' if fr else '.'}{hours_x100 % 100:02d}"
        lines.append(f"{' ' + vid if vid.startswith('-') else vid},T,{date},{num(views)},"
                     f"{avd // 3600}:{avd // 60 % 60:02d}:{avd % 60:02d},\"{hours}\"")
    df = read_file(_zip(tmp_path, {"Table data.csv": "\n".join(lines) + "\n"}))[0]
    assert df["post_id"].tolist() == [r[0] for r in rows]
    assert df["views"].tolist() == [r[1] for r in rows]
    assert df["avg_watch_time_s"].tolist() == [r[3] for r in rows]
    assert df["watch_time_s"].round(6).tolist() == [round(r[2] / 100 * 3600, 6) for r in rows]
    assert df["published_at"].dt.date.tolist() == [r[4] for r in rows]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_exports_raise_only_smm_errors(tmp_path, data):
    src = data.draw(st.sampled_from([EN, FR]))
    with zipfile.ZipFile(src) as z:
        member = data.draw(st.sampled_from(sorted(z.namelist())))
        raw = bytearray(z.read(member))
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.sampled_from(b',;"\n :%-.0123456789aT\xc3\xa9\x00'))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(member, bytes(raw))
    path = tmp_path / src.name
    path.write_bytes(buf.getvalue())
    try:
        read_file(path)
    except SmmError as exc:
        assert "unexpected error" not in str(exc), exc   # our parsers raise deliberate errors


def test_dataset_load_posts_and_totals(tmp_path):
    import smmanalytics as smm

    (tmp_path / EN.name).write_bytes(EN.read_bytes())
    ds = smm.load(tmp_path)
    assert sorted(ds.posts["post_id"]) == ["-bQ3xYz7K2w", "Jx9aB2cD3eF", "Zp0-r7LmNqA",
                                           "kQ3Fz9TzX1c"]
    views = ds.daily[ds.daily["metric"] == "views"]
    assert len(views) == 20 and views["value"].sum() == 8614


def test_spanish_workbook_sheets(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("Datos de la tabla")
    ws.append(["Contenido", "Título del vídeo", "Hora de publicación del vídeo",
               "Visualizaciones", "Tiempo de visualización (horas)",
               "Porcentaje de clics de las impresiones (%)", "Impresiones"])
    ws.append(["Total", None, None, 300, 2.5, 4.0, 5000])
    ws.append(["aaaaaaaaaaa", "Uno", dt.datetime(2026, 9, 14), 300, 2.5, 4.0, 5000])
    ws = wb.create_sheet("Totales")
    ws.append(["Fecha", "Visualizaciones"])
    ws.append([dt.datetime(2026, 9, 14), 300])
    path = tmp_path / "Contenido 2026-09-14_2026-09-14 Canal.xlsx"
    wb.save(path)
    frames = _by_format(path)
    t = frames["youtube_table"]
    assert t["source_locale"].tolist() == ["es-ES"]
    assert t["post_id"].tolist() == ["aaaaaaaaaaa"] and t["views"].tolist() == [300]
    assert t["watch_time_s"].tolist() == [9000] and t["thumbnail_ctr"].tolist() == [0.04]
    assert t["published_at"].tolist() == [pd.Timestamp("2026-09-14", tz="UTC")]
    assert frames["youtube_totals"]["value"].tolist() == [300]


def test_a_column_under_an_unknown_header_is_named_in_the_quality_log(tmp_path):
    # an Italian table: 'Durata' and 'Tempo di visualizzazione (ore)' are not known headers
    # (reference §5.4 confirms only the title, publish time and views columns in Italian)
    table = ("Content,Titolo video,Ora pubblicazione video,Durata,Visualizzazioni,"
             "Tempo di visualizzazione (ore)\n"
             "Total,,,,1300,\"12,5\"\n"
             "aaaaaaaaaaa,Uno,\"Jan 3, 2025\",200,1000,\"10,0\"\n"
             "bbbbbbbbbbb,Due,\"Jan 20, 2025\",30,300,\"2,5\"\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["views"].tolist() == [1000, 300]
    assert df["watch_time_s"].isna().all() and df["duration_s"].isna().all()
    notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "extra_columns"]
    assert len(notes) == 1 and notes[0].startswith("2 columns not used")
    assert "['Durata', 'Tempo di visualizzazione (ore)']" in notes[0]
    totals = read_file(_zip(tmp_path, {"Totals.csv": "Date,Views,Iscritti\n2025-01-03,40,2\n"},
                            name="Content 2025-01-01_2025-01-31 Canale.zip"))[0]
    assert totals["value"].tolist() == [40]
    assert any(q["code"] == "extra_columns" and "['Iscritti']" in q["message"]
               for q in totals.attrs["quality"])
    # the English fixture's every header is known: no such note
    assert all("extra_columns" not in _codes(d) for d in read_file(EN))


def test_files_unzipped_into_a_folder_named_as_their_zip_keep_the_channel(tmp_path):
    # the channel name is only in the zip's name (reference §5.1): unzipping on Windows or
    # macOS names the folder after it
    folder = tmp_path / FR.stem                # "Contenu 2026-09-12_2026-10-01 Maison Sève"
    folder.mkdir()
    with zipfile.ZipFile(FR) as z:
        z.extractall(folder)
    table = read_file(folder / "Données du tableau.csv")[0]
    assert table["account_id"].unique().tolist() == ["Maison Sève"]
    assert table["account_name"].unique().tolist() == ["Maison Sève"]
    note = next(q for q in table.attrs["quality"] if q["code"] == "name_from_folder")
    assert "the channel 'Maison Sève' was read" in note["message"]
    # the export date too, as from the zip's name: the day after the range 2026-09-12_2026-10-01
    # (it was the extracted file's modification time, which a copy moves)
    assert (table["snapshot_at"] == pd.Timestamp("2026-10-02", tz="UTC")).all()
    assert "snapshot_guessed" not in _codes(table)
    zipped = _by_format(FR)["youtube_table"]
    assert table["views"].tolist() == zipped["views"].tolist()
    assert "name_from_folder" not in _codes(zipped)
    totals = read_file(folder / "Totaux.csv")[0]
    assert totals["account_id"].unique().tolist() == ["Maison Sève"]
    # a file under another name is not Studio's own: its folder tells nothing
    (folder / "mes vidéos.csv").write_bytes((folder / "Données du tableau.csv").read_bytes())
    renamed = read_file(folder / "mes vidéos.csv")[0]
    assert renamed["account_id"].isna().all() and "name_from_folder" not in _codes(renamed)


def test_impossible_day_error_names_the_files_own_date_header(tmp_path):
    # a Spanish Totales.csv: the error names its 'Fecha' column, not an English 'Date'
    path = tmp_path / "Totales.csv"
    path.write_text("Fecha,Visualizaciones\n2026-02-27,5\n2026-02-30,6\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert (err.value.line, err.value.column) == (3, "Fecha")


def test_impossible_publish_day_after_the_total_row_names_its_own_line(tmp_path):
    # Studio writes the Total row first: the error named the line above the bad video's
    table = ("Content,Video title,Video publish time,Views\n"
             "Total,,,7\n"
             "aaaaaaaaaaa,A,\"Jan 3, 2025\",3\n"
             "bbbbbbbbbbb,B,\"Feb 30, 2025\",4\n")
    with pytest.raises(ParseError, match="impossible calendar date") as err:
        read_file(_zip(tmp_path, {"Table data.csv": table}))
    assert (err.value.line, err.value.column) == (4, "Video publish time")
    assert err.value.got == "Feb 30, 2025"


# ---------------------------------------------------------------- damaged zip members

def _damaged(tmp_path, member, how):
    """The English Studio zip with ``member`` damaged (:func:`tests._zips.damaged`)."""
    return damaged(EN, member, how, tmp_path / EN.name)


@pytest.mark.parametrize("how", ["crc", "cut"])
@pytest.mark.parametrize("member", ["Chart data.csv", "Totals.csv"])
def test_a_damaged_chart_or_totals_member_leaves_the_rest_read(tmp_path, member, how):
    # the whole zip failed ("archive member cannot be extracted"): its videos were missing
    import smmanalytics as smm

    path = _damaged(tmp_path, member, how)
    frames = _by_format(path)
    kept = {"Chart data.csv": "youtube_totals", "Totals.csv": "youtube_chart"}[member]
    assert sorted(frames) == sorted(["youtube_table", kept])
    pd.testing.assert_frame_equal(frames["youtube_table"].drop(columns="source_file"),
                                  _by_format(EN)["youtube_table"].drop(columns="source_file"))
    notes = [q for q in frames["youtube_table"].attrs["quality"]
             if q["code"] == "archive_member_skipped"]
    assert [(q["file"], q["level"]) for q in notes] == [(f"{path}!{member}", "warning")]
    assert notes[0]["message"].startswith("archive member cannot be extracted (")
    assert notes[0]["message"].endswith("): skipped, its figures are missing; the archive's "
                                        "other members, which it only supplements, were read")
    statuses = inspect_files([path]).set_index("file")["status"].to_dict()
    assert statuses == {f"{path}!{name}": "skipped" if name == member else "ok"
                        for name in ("Chart data.csv", "Table data.csv", "Totals.csv")}
    for cache in (False, True, True):     # the last one from the cache: noted once all the same
        ds = smm.load(path, strict=True, cache=cache)
        assert len(ds.posts) == 4
        assert ds.quality.query("code == 'archive_member_skipped'")["file"].tolist() == [
            f"{path}!{member}"]
        # the member has its row, as the others (it had a note only)
        assert ds.files.set_index("path")["status"].to_dict() == {
            f"{path}!{name}": "skipped" if name == member else "ok"
            for name in ("Chart data.csv", "Table data.csv", "Totals.csv")}
        assert not (ds.quality["level"] == "error").any()


@pytest.mark.parametrize("how", ["crc", "cut"])
def test_a_damaged_table_member_is_a_file_not_read_naming_it(tmp_path, how):
    # read_file and a strict load raise; a load reads the chart data and totals beside it, as
    # it did when the table data could be extracted but not parsed (the whole zip failed)
    import smmanalytics as smm
    from smmanalytics.quality import unread_files

    path = _damaged(tmp_path, "Table data.csv", how)
    for read in (read_file, lambda p: smm.load(p, strict=True, cache=False)):
        with pytest.raises(ParseError) as err:
            read(path)
        assert err.value.file == f"{path}!Table data.csv"
        assert str(err.value) == (
            f"file {path}!Table data.csv: archive member cannot be extracted: its contents do "
            "not match the checksum the zip keeps for it (a download or a copy went wrong); "
            "expected a readable zip member; got 'Bad CRC-32'")
    with pytest.warns(smm.DataQualityWarning, match=r"^1 file .*: Table data\.csv: archive"):
        ds = smm.load(path, cache=False)
    assert ds.posts.empty and len(ds.daily)
    assert ds.files[["path", "status"]].values.tolist() == [
        [f"{path}!Chart data.csv", "ok"], [f"{path}!Table data.csv", "failed"],
        [f"{path}!Totals.csv", "ok"]]
    assert list(unread_files(ds.quality)) == [f"{path}!Table data.csv"]


def test_a_bad_number_in_a_workbook_table_names_its_cell(tmp_path):
    # header on row 1, the total on row 2, the video on row 3: its views (column D) by hand
    path = sheet(tmp_path / "Contenido 2026-09-14_2026-09-14 Canal.xlsx",
                 [["Contenido", "Título del vídeo", "Hora de publicación del vídeo",
                   "Visualizaciones", "Impresiones"],
                  ["Total", None, None, 300, 5000],
                  ["aaaaaaaaaaa", "Uno", dt.datetime(2026, 9, 14), "trescientas", 5000]],
                 title="Datos de la tabla")
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert str(err.value) == (
        f"file {path}, line 3, cell Datos de la tabla!D3, column 'Visualizaciones': cell is "
        "not a number; expected a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or "
        "empty/-/N/A; got 'trescientas'")


@pytest.mark.parametrize("label", ["Totale", ""])
def test_a_total_row_added_under_the_videos_is_no_video(tmp_path, label):
    """Under Studio's own 'Total' row and the videos, a total added by hand with no video id,
    labelled under 'Duration' (a label in the first two columns was dropped already) or not,
    its numbers the sums of the videos (Studio's total, which counts videos not listed, is
    no video to add up): dropped, as Studio's is."""
    table = ("Content,Video title,Video publish time,Duration,Views,Likes\n"
             "Total,,,,1500,40\n"
             "aaaaaaaaaaa,Uno,\"Jan 3, 2025\",200,1000,30\n"
             "bbbbbbbbbbb,Due,\"Jan 20, 2025\",30,300,7\n"
             f",,,{label},1300,37\n")
    df = read_file(_zip(tmp_path, {"Table data.csv": table}))[0]
    assert df["post_id"].tolist() == ["aaaaaaaaaaa", "bbbbbbbbbbb"]
    notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    why = ("its cell 'Totale', in column 'Duration', says it is a total" if label
           else "its numbers ('Views', 'Likes') are the sums of the rows above")
    assert any(f"line 5: {why}" in n for n in notes)
    assert "the 'Total' summary row was not read as a video" in notes   # Studio's own
    assert "table_truncated" in _codes(df)            # Studio's total counts 1500 views


def test_totals_resaved_day_first_with_no_day_above_12_is_read_day_first(tmp_path):
    """A Totals.csv re-saved by a French spreadsheet covering 1-7 October (01/10/2026 …) was
    read month first, 10 January … 10 July. Its rows are consecutive days only read day first
    (and its ';' says a European spreadsheet): 1 to 7 October."""
    rows = "".join(f"{d:02d}/10/2026;{100 + d}\n" for d in range(1, 8))
    totals = read_file(_zip(tmp_path, {"Totals.csv": "Date;Views\n" + rows}))
    df = next(d for d in totals if d.attrs["source_format"] == "youtube_totals")
    views = df[df["metric"] == "views"]
    assert views["date"].dt.strftime("%m-%d").tolist() == [f"10-0{d}" for d in range(1, 8)]
    assert views["value"].tolist() == [101, 102, 103, 104, 105, 106, 107]
    note = next(q for q in df.attrs["quality"] if q["code"] == "date_format_resaved")
    assert "read as DMY — no day above 12 in this column; the ';' separator" in note["message"]


# ---------------------------------------------------------------- ids Excel damaged, merged

_CHART_NAME_ERRORS = ("Date,Content,Video title,Video publish time,Views\n"
                      "2026-10-04,#NAME?,Short A,\"Oct 4, 2026\",6000\n"
                      "2026-10-05,#NAME?,Short A,\"Oct 4, 2026\",4000\n"
                      "2026-10-05,#NAME?,Short B,\"Oct 5, 2026\",5000\n"
                      "2026-10-04,AbCdEfGhIjK,Long,\"Sep 30, 2025\",100\n")


def test_chart_rows_of_damaged_ids_are_kept_apart_by_title_and_publish_day(tmp_path):
    """Chart data's '#NAME?' ids were kept as the post_id: Short A's 4000 views and Short B's
    5000 on 5 October were one row of 5000 (the other dropped as 'repeated in this file').
    No id, the video's title and publish day in post_key, noted with the lines."""
    import smmanalytics as smm

    path = _zip(tmp_path, {"Chart data.csv": _CHART_NAME_ERRORS},
                name="Content 2026-10-01_2026-10-31 Test.zip")
    df = read_file(path)[0]
    assert df["post_id"].isna().tolist() == [True, True, True, False]
    assert df["post_key"].tolist()[:3] == ["Short A (2026-10-04)", "Short A (2026-10-04)",
                                           "Short B (2026-10-05)"]
    assert pd.isna(df["post_key"][3])
    note = next(q for q in df.attrs["quality"] if q["code"] == "video_id_damaged")
    # header line 1: the three '#NAME?' rows are lines 2, 3, 4
    assert note["rows"] == 3 and note["message"].startswith("lines 2, 3, 4:")
    daily = smm.load(tmp_path).daily
    views = daily[daily["metric"] == "post_views"].groupby("date")["value"].sum()
    # 4 October: Short A 6000 + Long 100 = 6100; 5 October: Short A 4000 + Short B 5000
    assert views.tolist() == [6100, 9000]
    assert "repeated_in_file" not in set(smm.load(tmp_path).quality["code"])


def test_chart_videos_alike_in_title_and_publish_day_are_told_apart_by_line(tmp_path):
    """Two '#NAME?' videos of one title and publish day on the same day: their key would
    merge them, so each is keyed by its line, and both rows kept (300 + 200 = 500)."""
    import smmanalytics as smm

    chart = ("Date,Content,Video title,Video publish time,Views\n"
             "2026-10-05,#NAME?,Trailer,\"Oct 5, 2026\",300\n"
             "2026-10-05,#NAME?,Trailer,\"Oct 5, 2026\",200\n")
    path = _zip(tmp_path, {"Chart data.csv": chart},
                name="Content 2026-10-01_2026-10-31 Test.zip")
    df = read_file(path)[0]
    assert df["post_key"].tolist() == ["line 2", "line 3"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "video_id_damaged")
    assert "told apart by their line" in note["message"]
    assert smm.load(tmp_path).daily["value"].sum() == 500


def test_chart_without_publish_time_keys_damaged_ids_by_their_line(tmp_path):
    """Chart data without 'Video publish time' (the detector takes a title instead) and a
    '#NAME?' id crashed: the second of two ``_publish_days`` (None without the column)
    shadowed the first (all NaT), and ``_chart_keys`` called ``.dt`` on None. A damaged
    row has no publish day, so no title-and-day key: it is told apart by its line."""
    import smmanalytics as smm

    chart = ("Date,Content,Video title,Views\n"
             "2026-10-05,#NAME?,Short A,4000\n"
             "2026-10-05,dQw4w9WgXcQ,Short B,5000\n"
             "2026-10-06,#NAME?,Short A,300\n")
    path = _zip(tmp_path, {"Chart data.csv": chart},
                name="Content 2026-10-01_2026-10-31 Test.zip")
    df = read_file(path)[0]
    # header line 1: the '#NAME?' rows are lines 2 and 4; the valid id needs no key
    assert df["post_id"].tolist()[1] == "dQw4w9WgXcQ"
    assert df["post_id"].isna().tolist() == [True, False, True]
    assert df["post_key"].tolist()[0] == "line 2" and df["post_key"].tolist()[2] == "line 4"
    assert pd.isna(df["post_key"][1])
    note = next(q for q in df.attrs["quality"] if q["code"] == "video_id_damaged")
    assert note["rows"] == 2 and "told apart by their line" in note["message"]
    # every row kept: 4000 + 5000 + 300
    assert smm.load(tmp_path).daily["value"].sum() == 9300


def _table_zip(folder: Path, end: str, exported: tuple, rows: str) -> None:
    """A Studio table export of channel 'Test' ending ``end``, its member's time
    ``exported``."""
    name = f"Content 2025-09-01_{end} Test.zip"
    with zipfile.ZipFile(folder / name, "w") as z:
        z.writestr(zipfile.ZipInfo("Table data.csv", date_time=exported),
                   "Content,Video title,Video publish time,Views\n" + rows)


def test_two_exports_match_damaged_id_videos_by_title_and_publish_day(tmp_path):
    """Two exports of one channel's table, each with the same two '#NAME?' videos: 5 posts,
    76,000 views (45,000 + 11,000 + 5,000 + 10,000 + 5,000), where the newest Total row
    says 61,000. Matched by title and publish day (unique in each file): the newest export's
    3 posts, 45,000 + 11,000 + 5,000 = 61,000."""
    import smmanalytics as smm

    _table_zip(tmp_path, "2026-10-31", (2026, 11, 1, 9, 0, 0),
               "Total,,,60000\n#NAME?,Short A,\"Oct 4, 2026\",10000\n"
               "#NAME?,Short B,\"Oct 5, 2026\",5000\nAbCdEfGhIjK,Long,\"Sep 30, 2025\",45000\n")
    _table_zip(tmp_path, "2026-11-14", (2026, 11, 15, 9, 0, 0),
               "Total,,,61000\n#NAME?,Short A,\"Oct 4, 2026\",11000\n"
               "#NAME?,Short B,\"Oct 5, 2026\",5000\nAbCdEfGhIjK,Long,\"Sep 30, 2025\",45000\n")
    ds = smm.load(tmp_path)
    assert len(ds.posts) == 3 and ds.posts["views"].sum() == 61000
    assert sorted(ds.posts["views"]) == [5000, 11000, 45000]
    assert "post_key" not in ds.posts.columns
    # the older export's three posts (two by title and day, one by id) gave way to the
    # newer's, whose range (2025-09-01..2026-11-14) holds theirs (..2026-10-31)
    merged = ds.quality[ds.quality["code"] == "range_contained"]
    assert merged["rows"].tolist() == [3] and "2026-10-31" in merged["file"].iloc[0]


def test_damaged_id_videos_of_disjoint_ranges_are_added_up(tmp_path):
    """September's and October's tables of a channel, each with the '#NAME?' video 'Short A'
    (published 4 September): its figures are the two months' added up, 1,000 + 200 = 1,200
    views, as a video with an id gets (the range rule matches it by title and publish day)."""
    import smmanalytics as smm

    for start, end, views in (("2026-09-01", "2026-09-30", 1000),
                              ("2026-10-01", "2026-10-31", 200)):
        with zipfile.ZipFile(tmp_path / f"Content {start}_{end} Test.zip", "w") as z:
            z.writestr("Table data.csv", "Content,Video title,Video publish time,Views\n"
                       f"#NAME?,Short A,\"Sep 4, 2026\",{views}\n")
    ds = smm.load(tmp_path)
    assert ds.posts["views"].tolist() == [1200]
    assert (ds.quality["code"] == "ranges_added").sum() >= 1


def test_damaged_id_videos_alike_in_a_file_are_matched_with_none_and_said_so(tmp_path):
    """Two '#NAME?' videos titled 'Trailer', published the same day, in both exports: which
    is which is unknown, so none is matched (4 trailers kept: 100 + 200 + 150 + 250), the
    good id once (1100, the newest): 1800 views; the warning says a period's totals may count
    them once per export."""
    import smmanalytics as smm

    _table_zip(tmp_path, "2026-10-31", (2026, 11, 1, 9, 0, 0),
               "#NAME?,Trailer,\"Oct 5, 2026\",100\n#NAME?,Trailer,\"Oct 5, 2026\",200\n"
               "AbCdEfGhIjK,Long,\"Sep 30, 2025\",1000\n")
    _table_zip(tmp_path, "2026-11-14", (2026, 11, 15, 9, 0, 0),
               "#NAME?,Trailer,\"Oct 5, 2026\",150\n#NAME?,Trailer,\"Oct 5, 2026\",250\n"
               "AbCdEfGhIjK,Long,\"Sep 30, 2025\",1100\n")
    ds = smm.load(tmp_path)
    assert len(ds.posts) == 5 and ds.posts["views"].sum() == 1800
    notes = ds.quality[ds.quality["code"] == "video_id_damaged"]
    assert len(notes) == 2 and notes["level"].astype(str).unique().tolist() == ["warning"]
    # header line 1: the trailers are lines 2 and 3 of each file
    assert all("lines 2, 3: a title and publish day that another video" in m
               and "once per export" in m for m in notes["message"])


@pytest.mark.parametrize("rows,named", [
    # the days' calendar was checked after the figures: 'lots' of views on line 3 was named
    # where 30 February was the publish day of line 2 (the header is line 1)
    (('aaaaaaaaaaa,A,"Feb 30, 2025",0:01:02,1\n', 'bbbbbbbbbbb,B,"Jan 4, 2025",0:00:40,lots\n'),
     (2, "Video publish time", "Feb 30, 2025")),
    # the figures column by column: line 3's average view duration (column D) before line 2's
    # views (column E)
    (('aaaaaaaaaaa,A,"Jan 3, 2025",0:01:02,many\n', 'bbbbbbbbbbb,B,"Jan 4, 2025",soon,1\n'),
     (2, "Views", "many"))])
def test_a_table_of_two_bad_cells_names_the_first_in_the_file(tmp_path, rows, named):
    table = "Content,Video title,Video publish time,Average view duration,Views\n" + "".join(rows)
    with pytest.raises(ParseError) as err:
        read_file(_zip(tmp_path, {"Table data.csv": table}))
    assert (err.value.line, err.value.column, err.value.got) == named


def test_totals_of_two_bad_cells_names_the_first_in_the_file(tmp_path):
    """The days were read before the figures: 30 February on line 3 was named where ``lots``
    of views on line 2 came first."""
    path = tmp_path / "Totals.csv"
    path.write_text("Date,Views\n2026-02-27,lots\n2026-02-30,6\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert (err.value.line, err.value.column, err.value.got) == (2, "Views", "lots")
