"""Meta Business Suite exports: fixtures with hand-computed canonical values."""

from __future__ import annotations

import csv
import os
import random
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmanalytics import engagement, load, read_export
from smmanalytics.errors import ParseError, UnknownFormatError
from smmanalytics.loaders import read_file
from smmanalytics.quality import MissingMetrics
from smmanalytics.schema import validate

from ._helpers import _codes
from ._workbooks import sheet

FIX = Path(__file__).parent / "fixtures" / "meta"
UTC = "UTC"


def test_facebook_posts_en_2025_views_set():
    df = read_export(FIX / "facebook_posts_2026-11-20.csv")
    validate(df, "posts")
    assert df.attrs["platform"] == "facebook" and df.attrs["kind"] == "posts"
    assert df["source_format"].unique().tolist() == ["meta_post"]
    assert df["post_id"].tolist() == ["122105551234567890", "122105551234567891",
                                      "122105551234567892", "122105551234567893"]
    assert df["published_at"].tolist() == [
        pd.Timestamp("2026-01-15 18:00", tz=UTC),  # 10:00 PST (UTC-8), winter
        pd.Timestamp("2026-07-01 17:00", tz=UTC),  # 10:00 PDT (UTC-7), summer
        pd.Timestamp("2026-11-01 08:30", tz=UTC),  # 01:30 repeated hour → first (PDT)
        pd.Timestamp("2026-03-08 10:30", tz=UTC),  # 02:30 does not exist: PST → 03:30 PDT
    ]
    assert {"dst_ambiguous", "dst_nonexistent"} <= _codes(df)
    assert df["time_precision"].astype(str).tolist() == ["minute"] * 4
    assert df["time_source"].astype(str).tolist() == ["export"] * 4
    # Photos → image; Videos with a /reel/ permalink → reel; Links → link; Reels → reel
    assert df["content_type"].astype(str).tolist() == ["image", "reel", "link", "reel"]
    # Reach from Boosted posts: 0, 500, 0, 0
    assert df["paid"].tolist() == [False, True, False, False]
    assert df["caption"][0] == 'Winter sale "-20%"\nShop now'
    # row 3: Description (55 chars) is longer than Title "Blog"
    assert df["caption"][2].startswith("Read our new guide")
    assert df["views"].tolist()[:3] == [1200, 5400, 900] and pd.isna(df["views"][3])
    assert df["reach"].tolist() == [800, 3100, 700, 1500]
    assert df["reactions"].tolist() == [30, 150, 8, 70]
    assert df["platform_engagements"].tolist() == [45, 210, 12, 99]
    # interactions = reactions + comments + shares (no saves on Facebook): 30+10+5 = 45 ...
    assert df["interactions"].tolist() == [45, 210, 12, 99]
    assert df["saves"].isna().all()
    assert df["link_clicks"].tolist() == [25, 0, 30, 0]
    assert df["clicks"].tolist() == [60, 90, 40, 0]
    assert df["watch_time_s"].tolist() == [0, 3600, 0, 900]
    # negative feedback = Hide all + Hide: 1+2, (empty)+1, empty+empty, 0+0
    nf = df["negative_feedback"]
    assert nf[0] == 3 and nf[1] == 1 and pd.isna(nf[2]) and nf[3] == 0
    # file name date 2026-11-20 → snapshot at the end of that day, Pacific (Meta's days)
    assert (df["snapshot_at"] == pd.Timestamp("2026-11-21 08:00", tz=UTC)).all()
    assert df["source_locale"].unique().tolist() == ["en-US"]


def test_instagram_posts_shortcode_time():
    df = read_export(FIX / "instagram_posts_2026-11-20.csv")
    assert df["platform"].astype(str).unique().tolist() == ["instagram"]
    # DHpmj9euOPy decodes to 2025-03-26 05:00:16 UTC; export 03/25/2025 22:00 PDT = 05:00 UTC
    assert df["published_at"][0] == pd.Timestamp("2025-03-26 05:00:16", tz=UTC)
    assert df["time_source"][0] == "decoded_id" and df["time_precision"][0] == "second"
    # the other shortcodes decode far from the export time: export kept (PST then PDT)
    assert df["published_at"][1] == pd.Timestamp("2025-12-02 17:15", tz=UTC)
    assert df["published_at"][2] == pd.Timestamp("2025-08-15 01:45", tz=UTC)
    assert df["time_source"].astype(str).tolist()[1:] == ["export", "export"]
    assert "id_time_disagrees" in _codes(df)
    assert df["content_type"].astype(str).tolist() == ["reel", "carousel", "image"]
    assert df["account_id"].tolist() == ["17841400000000000"] * 3
    assert df["account_handle"].tolist() == ["maisonseve"] * 3
    assert df["caption"][0] == 'Spring drop\n"new" linen'
    assert df["reactions"].tolist() == [700, 150, 90]     # Likes
    assert df["follows"][0] == 12 and pd.isna(df["follows"][1]) and df["follows"][2] == 1
    # interactions = likes + comments + shares + saves: 700+35+40+80, 150+8+5+30, 90+4+2+11
    assert df["interactions"].tolist() == [855, 193, 107]
    assert df["platform_engagements"].isna().all() and df["paid"].isna().all()


def test_facebook_french_bilingual_nbsp_apostrophes():
    df = read_export(FIX / "facebook_posts_fr_2026-10-01.csv")
    assert df.attrs["source_locale"] == "fr-FR"
    assert df["post_id"].tolist() == ["123000000000000001", "123000000000000002"]
    # 09/10/2026 08:00 PDT → 15:00 UTC; 09/12/2026 19:05 PDT → 09/13 02:05 UTC
    assert df["published_at"].tolist() == [pd.Timestamp("2026-09-10 15:00", tz=UTC),
                                           pd.Timestamp("2026-09-13 02:05", tz=UTC)]
    # "Vidéos" + /reel/ permalink → reel; second row typed only in the English column
    assert df["content_type"].astype(str).tolist() == ["reel", "image"]
    assert df["caption"][0] == "L’atelier, en vidéo"
    assert df["views"].tolist() == [4200, 1000] and df["reach"].tolist() == [3000, 650]
    assert df["platform_engagements"].tolist() == [120, 33]
    assert df["link_clicks"].tolist() == [5, 0]
    assert df["video_views_1min"].tolist() == [300, 0]     # header with U+2019
    assert df["viewers_3s"].tolist() == [800, 0]           # header with NBSP
    assert df["paid"].tolist() == [False, True]            # boosted reach 0, 250
    assert "bilingual_headers" in _codes(df)


def test_instagram_italian_and_facebook_spanish():
    it = read_export(FIX / "instagram_posts_it_2026-03-01.csv")
    assert it.attrs["source_locale"] == "it-IT"
    assert it["published_at"][0] == pd.Timestamp("2026-02-14 20:00", tz=UTC)  # 12:00 PST
    assert [it[c][0] for c in ("views", "reach", "reactions", "shares", "comments", "saves")] \
        == [2000, 1500, 120, 6, 9, 14]
    assert it["interactions"][0] == 120 + 9 + 6 + 14
    es = read_export(FIX / "facebook_posts_es_2026-07-01.csv")
    assert es.attrs["source_locale"] == "es-ES"
    assert es["published_at"][0] == pd.Timestamp("2026-06-22 03:10", tz=UTC)  # 20:10 PDT
    assert es["content_type"][0] == "image"                                     # Fotos
    assert [es[c][0] for c in ("views", "reach", "platform_engagements", "reactions",
                               "comments", "shares")] == [800, 600, 15, 10, 3, 2]


def test_facebook_2024_impressions_kept_apart_from_views():
    df = read_export(FIX / "facebook_posts_2024.csv")
    assert df["impressions"][0] == 2300 and pd.isna(df["views"][0])
    assert df["published_at"][0] == pd.Timestamp("2024-12-21 00:45", tz=UTC)  # 16:45 PST
    assert df["negative_feedback"].isna().all()   # columns absent → NaN, not 0
    assert "impressions_era" in _codes(df)


def test_instagram_stories_french():
    """A story's replies (Réponses) are its comments: they were kept aside and left out of its
    interactions, 13 where likes 12 + shares 1 + replies 2 = 15."""
    df = read_export(FIX / "instagram_stories_fr_2026-10-31.csv")
    assert df.attrs["source_format"] == "meta_story"
    assert df["content_type"][0] == "story" and df["platform"][0] == "instagram"
    assert df["published_at"][0] == pd.Timestamp("2026-10-05 14:30", tz=UTC)
    row = df.iloc[0]
    assert (row["views"], row["reach"], row["reactions"], row["shares"]) == (640, 600, 12, 1)
    assert (row["profile_visits"], row["comments"], row["link_clicks"]) == (9, 2, 4)
    assert (row["navigation"], row["follows"], row["sticker_taps"]) == (580, 1, 3)
    assert pd.isna(row["saves"]) and "replies" not in df.columns   # not counted twice
    assert row["interactions"] == 12 + 2 + 1          # likes + replies + shares


def test_sample_october_stories_count_their_replies():
    """The sample's 12 October stories read 199 interactions (likes 167 + shares 32), their 51
    replies kept aside, and Instagram 16,727, neither the 16,528 of feed posts nor the 16,778
    counting stories, as the sample's truth does (its Replies are the stories' comments).
    Stories: 167 + 51 + 32 = 250; Instagram 16,528 + 250 = 16,778, pooled over its reach
    16,778 / 188,192 = 0.089154. Its Instagram exports and brand.yaml (the days' time zone)
    are loaded alone: the whole sample's October Instagram posts are theirs, cell for cell,
    for a tenth of its 4 s of CPU."""
    import smmanalytics as smm
    from smmanalytics.metrics import engagement

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"
    p = smm.load([sample / "brand.yaml", *sample.glob("instagram_*")]).posts_in("2026-10")
    ig = p.loc[(p["platform"] == "instagram").to_numpy()]
    st_ = ig.loc[(ig["content_type"] == "story").to_numpy()]
    assert len(st_) == 12
    assert [st_[c].sum() for c in ("reactions", "comments", "shares")] == [167, 51, 32]
    assert st_["interactions"].sum() == 250
    assert ig["interactions"].sum() == 16_528 + 250 and ig["reach"].sum() == 188_192
    row = engagement(ig).iloc[0]
    assert row["er_reach_pooled"] == pytest.approx(16_778 / 188_192)      # 0.089154


def test_meta_daily_utf16_files():
    df = read_export(FIX / "Facebook follows.csv")
    validate(df, "daily")
    assert df.attrs["source_format"] == "meta_daily"
    assert df["platform"].astype(str).unique().tolist() == ["facebook"]
    assert df["metric"].unique().tolist() == ["follows"]
    assert df["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02"),
                                   pd.Timestamp("2026-10-04")]
    assert df["value"].tolist() == [3, 0, 7]
    assert df["day_tz"].unique().tolist() == ["America/Los_Angeles"]
    assert df["hour"].isna().all()
    ig = read_export(FIX / "Instagram follows.csv")
    assert ig["platform"][0] == "instagram" and ig["value"][0] == 12
    views = read_export(FIX / "Views_2026-10-31.csv")
    assert views["metric"].unique().tolist() == ["views"]
    assert views["platform"].isna().all() and "platform_unknown" in _codes(views)
    # the end of 31 October, Pacific summer time
    assert (views["snapshot_at"] == pd.Timestamp("2026-11-01 07:00", tz=UTC)).all()


# ---------------------------------------------------------------- programmatic variants

_IG_COLS = ["Post ID", "Account ID", "Account username", "Account name", "Description",
            "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
            "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]


def _ig_rows(n, seed):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)
        views = rng.randint(0, 50000)
        rows.append({"Post ID": str(17800000000000000 + i), "Account ID": "1784", "Account "
                     "username": "brand", "Account name": "Sève", "Description": f"été {i}",
                     "Duration (sec)": "0", "Publish time": f"{month:02d}/{day:02d}/2026 "
                     f"{hour:02d}:15", "Permalink": f"https://www.instagram.com/p/X{i}/",
                     "Post type": rng.choice(["IG image", "IG carousel", "IG reel"]),
                     "Data comment": "", "Date": "Lifetime", "Views": str(views),
                     "Reach": str(views // 2), "Likes": str(rng.randint(0, 900)),
                     "Shares": str(rng.randint(0, 50)), "Follows": rng.choice(["", "3"]),
                     "Comments": str(rng.randint(0, 80)), "Saves": str(rng.randint(0, 90))})
    return rows


def _csv_line(cols, row, delim=","):
    def q(v):
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in (delim, '"', "\n", " ")) \
            else v
    return delim.join(q(row[c]) for c in cols)


def _write(path, cols, rows, *, delim=",", encoding="utf-8-sig"):
    lines = [_csv_line(cols, dict(zip(cols, cols, strict=True)), delim)] + [
        _csv_line(cols, r, delim) for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))


def _expected(rows):
    t = pd.to_datetime(pd.Series([r["Publish time"] for r in rows]), format="%m/%d/%Y %H:%M")
    # a time in the skipped spring hour is moved forward by the gap: one hour in Los Angeles
    t = t.dt.tz_localize("America/Los_Angeles", ambiguous=True,
                         nonexistent=pd.Timedelta(hours=1)).dt.tz_convert(UTC)
    return t


@pytest.mark.parametrize("delim,encoding,shuffle", [
    (",", "utf-8-sig", False), (";", "utf-8-sig", True), (";", "cp1252", True),
    ("\t", "utf-8", True)])
def test_instagram_generated_variants_load_the_same(tmp_path, delim, encoding, shuffle):
    rows = _ig_rows(40, seed=ord(delim) + len(encoding))
    cols = list(_IG_COLS)
    if shuffle:
        random.Random(7).shuffle(cols)
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, cols, rows, delim=delim, encoding=encoding)
    df = read_export(path)
    assert df["post_id"].tolist() == [r["Post ID"] for r in rows]
    assert df["published_at"].tolist() == _expected(rows).tolist()
    assert df["views"].tolist() == [float(r["Views"]) for r in rows]
    assert df["reactions"].tolist() == [float(r["Likes"]) for r in rows]
    inter = [float(r["Likes"]) + float(r["Comments"]) + float(r["Shares"]) + float(r["Saves"])
             for r in rows]
    assert df["interactions"].tolist() == inter
    assert df["follows"].isna().tolist() == [r["Follows"] == "" for r in rows]
    assert df["caption"].tolist() == [r["Description"] for r in rows]
    if encoding == "cp1252":
        assert "encoding_fallback" in _codes(df)


def test_french_cp1252_resave_with_semicolons(tmp_path):
    cols = ["Identifiant de la publication", "ID du compte", "Nom de profil du compte",
            "Heure de publication", "Permalien", "Type de publication", "Vues", "Couverture",
            "Mentions J'aime", "Commentaires", "Partages", "Enregistrements"]
    rows = [dict(zip(cols, ["179", "1784", "maison", "01/31/2026 23:59",
                            "https://www.instagram.com/p/Q1/", "IG image", "1 234", "1 000",
                            "12", "3", "1", "2"], strict=True))]
    path = tmp_path / "export_fr.csv"
    _write(path, cols, rows, delim=";", encoding="cp1252")
    df = read_export(path)
    assert df.attrs["source_locale"] == "fr-FR"
    assert df["published_at"][0] == pd.Timestamp("2026-02-01 07:59", tz=UTC)
    assert df["views"][0] == 1234 and df["reach"][0] == 1000
    assert df["interactions"][0] == 12 + 3 + 1 + 2


def test_bad_publish_time_names_file_line_column(tmp_path):
    rows = _ig_rows(3, seed=1)
    rows[1]["Publish time"] = "yesterday"
    path = tmp_path / "bad.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"bad\.csv, line 3, column 'Publish time'.*yesterday"):
        read_export(path)


def test_bad_number_names_cell(tmp_path):
    rows = _ig_rows(2, seed=2)
    rows[0]["Views"] = "lots"
    path = tmp_path / "bad2.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"line 2, column 'Views'.*lots"):
        read_export(path)


@pytest.fixture(params=[False, True], ids=["one_thread", "threads"])
def conversion_threads(request, monkeypatch):
    """Both ways a table's columns are converted: one after the other (a short table), or on
    other threads while the times are read (a long one, from 20,000 rows: here from 0)."""
    if request.param:
        from smmanalytics.loaders import _candidate, _finish
        monkeypatch.setattr(_candidate, "THREADED_CONVERSION_ROWS", 0)
        monkeypatch.setattr(_finish, "THREADED_CONVERSION_ROWS", 0)


def test_a_bad_number_before_a_bad_date_is_the_one_named(tmp_path, conversion_threads):
    """A count typed ``lots`` on line 8 and a date ``yesterday`` on line 22 (the header on
    line 1, row k on line k + 2): the error named the date, read before the numbers were
    waited for, where the first bad cell a reader meets is the count."""
    rows = _ig_rows(25, seed=3)
    rows[6]["Views"] = "lots"
    rows[20]["Publish time"] = "yesterday"
    path = tmp_path / "both.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"line 8, column 'Views'.*lots"):
        read_export(path)
    rows[6]["Views"] = "1200"                      # the date alone is still named
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"line 22, column 'Publish time'.*yesterday"):
        read_export(path)


def test_a_bad_date_before_a_bad_number_is_the_one_named(tmp_path, conversion_threads):
    """The other way round: ``yesterday`` on line 4 comes before ``lots`` on line 9."""
    rows = _ig_rows(10, seed=4)
    rows[2]["Publish time"] = "yesterday"
    rows[7]["Views"] = "lots"
    path = tmp_path / "both.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"line 4, column 'Publish time'.*yesterday"):
        read_export(path)


def test_of_two_bad_number_columns_the_first_bad_cell_is_named(tmp_path, conversion_threads):
    """Numbers were checked field by field (views before reach, durations last): ``lots``
    of views on line 5 was named before ``many`` of reach on line 3. By line now, then by
    column: on one line, ``abc`` seconds of ``Duration (sec)`` (column 6) before ``lots``
    of ``Views`` (column 12)."""
    rows = _ig_rows(6, seed=5)
    rows[3]["Views"] = "lots"
    rows[1]["Reach"] = "many"
    path = tmp_path / "numbers.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"line 3, column 'Reach'.*many"):
        read_export(path)
    rows[1]["Reach"] = "10"
    rows[3]["Duration (sec)"] = "abc"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=r"line 5, column 'Duration \(sec\)'.*abc"):
        read_export(path)


def _excel_resave(path, fmt):
    rows = [["Exported from Meta Business Suite"],
            ["Post ID", "Account username", "Publish time", "Permalink", "Post type", "Views",
             "Reach", "Likes", "Comments", "Shares", "Saves"],
            # Excel turned the id into a number and the time into a datetime cell
            [17900000000000004, "maison", pd.Timestamp("2026-01-15 10:00").to_pydatetime(),
             "https://www.instagram.com/p/Q2/", "IG image", 1200, 900.0, 30, 4, 1, 2],
            ["17900000000000005", "maison", "07/01/2026 10:00", "https://www.instagram.com/p/Q3/",
             "IG reel", "1 500", "", 40, 5, 0, 3]]
    if fmt == "xlsx":
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Posts"
        for r in rows:
            ws.append(r)
        wb.save(path)
    else:
        import xlwt
        wb = xlwt.Workbook()
        ws = wb.add_sheet("Posts")
        style = xlwt.easyxf(num_format_str="MM/DD/YYYY HH:MM")
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                if hasattr(v, "year"):
                    ws.write(i, j, v, style)
                else:
                    ws.write(i, j, v)
        wb.save(str(path))


_IG_HEADER = ["Post ID", "Account username", "Publish time", "Permalink", "Post type", "Views",
              "Reach", "Likes", "Comments", "Shares", "Saves"]


def _ig_row(post: str, when: str, views: object) -> list:
    return [post, "maison", when, f"https://www.instagram.com/p/{post}/", "IG reel", views, "",
            40, 5, 0, 3]


def test_a_bad_number_in_a_sheet_names_its_cell(tmp_path):
    # preamble on row 1, header on 2, a post on 3, a blank row 4, the bad post on 5; Views in F
    path = sheet(tmp_path / "instagram.xlsx",
                 [["Exported from Meta Business Suite"], _IG_HEADER,
                  _ig_row("Q3", "07/01/2026 10:00", 1500), [None] * 11,
                  _ig_row("Q4", "07/02/2026 10:00", "lots")], title="Posts")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 5, cell Posts!F5, column 'Views': cell is not a number; expected "
        "a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or empty/-/N/A; got 'lots'")


def test_a_bad_publish_time_in_a_sheet_names_its_cell(tmp_path):
    path = sheet(tmp_path / "instagram.xlsx",
                 [_IG_HEADER, _ig_row("Q3", "07/01/2026 10:00", 1500),
                  _ig_row("Q4", "yesterday", 5)], title="Posts")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 3, cell Posts!C3, column 'Publish time': cell is not a date/time "
        "in the expected format; expected format %m/%d/%Y %H:%M; got 'yesterday'")


def test_a_sheet_whose_cells_start_below_and_right_of_a1_names_its_own_cells(tmp_path):
    # the rows above and the columns left of the export are empty: the header is on row 4 and
    # Views in column H, the bad post on row 6
    path = sheet(tmp_path / "instagram.xlsx",
                 [_IG_HEADER, _ig_row("Q3", "07/01/2026 10:00", 1500),
                  _ig_row("Q4", "07/02/2026 10:00", "lots")], title="Posts", at="C4")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.cell, err.value.column) == (6, "Posts!H6", "Views")


def test_a_bad_number_in_the_second_language_column_of_a_field_names_that_column(tmp_path):
    # 'Views' and 'Vues' both hold the views, each post filling one: the bad cell is G3
    header = [*_IG_HEADER[:6], "Vues", *_IG_HEADER[6:]]
    rows = [header, [*_ig_row("Q3", "07/01/2026 10:00", 1500)[:6], None, "", 40, 5, 0, 3],
            [*_ig_row("Q4", "07/02/2026 10:00", None)[:6], "beaucoup", "", 40, 5, 0, 3]]
    path = sheet(tmp_path / "instagram.xlsx", rows, title="Posts")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 3, cell Posts!G3, column 'Vues': cell is not a number; expected "
        "a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or empty/-/N/A; got 'beaucoup'")
    # the same rows in a CSV: the line, and the column whose cell it is
    text = tmp_path / "instagram.csv"
    text.write_text("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows),
                    encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_export(text)
    assert (err.value.line, err.value.cell, err.value.column) == (3, None, "Vues")


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
@pytest.mark.parametrize(("system", "serial"), [
    # 2026-10-01 is day 46296 of the 1900 system (1899-12-30 is day 0), so 2026-10-27 is
    # 46296 + 26 = 46322, and 11:52 is 712/1440 = 0.494444… of a day; the 1904 system's day
    # 0, 1904-01-01, is day 1462 of the 1900 one: 46322 - 1462 = 44860
    ("1900", 46322 + 712 / 1440), ("1904", 44860 + 712 / 1440)])
def test_publish_times_stored_as_excel_serials_are_read_in_the_workbooks_date_system(
        tmp_path, system, serial, fmt):
    rows = [["Post ID", "Account username", "Publish time", "Permalink", "Post type",
             "Views", "Reach", "Likes", "Comments", "Shares", "Saves"],
            ["17900000000000004", "maison", serial, "https://www.instagram.com/p/Q2/",
             "IG image", 1200, 900, 30, 4, 1, 2],
            ["17900000000000005", "maison", "10/28/2026 09:00",
             "https://www.instagram.com/p/Q3/", "IG reel", 1500, 1000, 40, 5, 0, 3]]
    path = tmp_path / f"instagram.{fmt}"
    if fmt == "xlsx":
        import openpyxl
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        wb = openpyxl.Workbook()
        if system == "1904":
            wb.epoch = CALENDAR_MAC_1904
        for r in rows:
            wb.active.append(r)
        wb.save(path)
    else:
        import xlwt

        wb = xlwt.Workbook()
        wb.set_dates_1904(system == "1904")
        ws = wb.add_sheet("Posts")
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                ws.write(i, j, v)
        wb.save(str(path))
    df = read_export(path)
    # Meta's zone is on PDT (UTC-7) until 1 November 2026: 11:52 → 18:52, 09:00 → 16:00 UTC
    assert df["published_at"].tolist() == [pd.Timestamp("2026-10-27 18:52", tz=UTC),
                                           pd.Timestamp("2026-10-28 16:00", tz=UTC)]
    serials = [q for q in df.attrs["quality"] if q["code"] == "excel_serial_dates"]
    assert [q["rows"] for q in serials] == [1]
    assert f"the {system} date system" in serials[0]["message"]


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_instagram_export_resaved_as_excel(tmp_path, fmt):
    path = tmp_path / f"instagram.{fmt}"
    _excel_resave(path, fmt)
    df = read_export(path)
    assert df.attrs["sheet"] == "Posts"
    # 17900000000000004 > 2**53 stored as a number: openpyxl writes 1.79e16 (15 digits), the
    # xls double happens to be exact; either way the loader flags the id as unreliable
    assert df["post_id"][0] == {"xlsx": "17900000000000000", "xls": "17900000000000004"}[fmt]
    assert "post_id_damaged" in _codes(df)
    assert df["post_id"][1] == "17900000000000005"
    assert df["published_at"].tolist() == [pd.Timestamp("2026-01-15 18:00", tz=UTC),
                                           pd.Timestamp("2026-07-01 17:00", tz=UTC)]
    assert df["views"].tolist() == [1200, 1500]
    assert df["reach"][0] == 900 and pd.isna(df["reach"][1])
    assert df["interactions"].tolist() == [30 + 4 + 1 + 2, 40 + 5 + 0 + 3]


def test_campaign_from_utm_in_caption(tmp_path):
    rows = _ig_rows(2, seed=5)
    rows[0]["Description"] = "Shop: https://maisonseve.fr/?utm_source=instagram&utm_campaign=" \
        "autumn%20linen&utm_medium=social"
    path = tmp_path / "ig.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert df["campaign"][0] == "autumn linen" and pd.isna(df["campaign"][1])
    assert "campaign_from_utm" in _codes(df)



def test_campaign_from_utm_order_and_repeats():
    """The permalink's campaign wins over the caption's, a campaign the export states is
    kept, and a campaign repeated on many rows is decoded on each (read by hand from the
    cells below)."""
    from smmanalytics.loaders._finish import _fill_campaign, _utm_campaigns, _utm_texts
    from smmanalytics.loaders._sources import Source
    from smmanalytics.quality import QualityLog

    tagged = "see https://x.fr/?utm_campaign=noel%202026&utm_medium=social"
    out = pd.DataFrame({
        "permalink": pd.array(["https://x.fr/p?utm_campaign=soldes", None, None, None,
                               "https://x.fr/p"], dtype="string"),
        "caption": pd.array([tagged, tagged, tagged, "no link", tagged], dtype="string"),
        "campaign": pd.array([None, None, "stated", None, None], dtype="string"),
    })
    log = QualityLog()
    _fill_campaign(out, _utm_campaigns(_utm_texts(out)), Source("posts.csv", b""), log, None)
    assert out["campaign"].tolist() == ["soldes", "noel 2026", "stated", pd.NA, "noel 2026"]
    # rows 0, 1 and 4 had no campaign and got one (row 2 keeps its own, row 3 has none)
    assert [(e["code"], e["rows"]) for e in log.entries] == [("campaign_from_utm", 3)]


def test_campaign_from_utm_on_a_long_export(tmp_path):
    """An export of 20,000 rows (the loader reads the campaigns on another thread from that
    length on): rows cycle through a tagged permalink and a tagged caption (the permalink
    wins), a tagged caption alone, and no tag; 20,000 / 3 rows of each, by hand."""
    from smmanalytics.loaders._candidate import THREADED_CONVERSION_ROWS

    n = THREADED_CONVERSION_ROWS
    rows = _ig_rows(n, seed=7)
    for i, r in enumerate(rows):
        if i % 3 == 0:
            r["Permalink"] += "?utm_campaign=soldes"
        if i % 3 < 2:
            r["Description"] = "see https://x.fr/?utm_campaign=noel%202026&utm_medium=social"
    path = tmp_path / "ig.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path).set_index("post_id")
    expected = ["soldes", "noel 2026", pd.NA]
    assert df["campaign"].tolist() == [expected[int(i) % 3] for i in df.index.astype("int64")
                                       - 17800000000000000]
    # rows 0, 3, … (6,667) and 1, 4, … (6,667) got a campaign
    assert [e["rows"] for e in df.attrs["quality"] if e["code"] == "campaign_from_utm"] == [
        13_334]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["", "a?utm_campaign=x", "utm_campaign=y&b", "b&utm_campaign=",
                                 "c&utm_campaign=z%20w#t", "d?utm_campaign=x&utm_campaign=q",
                                 "é?utm_campaign=été"]) | st.none(), max_size=30))
def test_extract_with_needle_is_pandas_extract(cells):
    """Searching only the cells holding the needle, each distinct one once, finds what
    pandas' ``str.extract`` finds on every cell."""
    from smmanalytics.loaders._finish import _UTM
    from smmanalytics.loaders._ids import extract

    values = pd.Series(pd.array(cells, dtype="string"))
    want = values.astype(object).str.extract(_UTM, expand=False).astype("string")
    got = extract(values, _UTM, needle="utm_campaign=")
    pd.testing.assert_series_equal(got, want, check_names=False)

def test_meta_audience_stacked_blocks():
    from smmanalytics.loaders import read_file

    aud, daily = read_file(FIX / "facebook_Audience.csv")
    validate(aud, "audience")
    validate(daily, "daily")
    assert aud.attrs["source_format"] == "meta_audience"
    assert aud["platform"].astype(str).unique().tolist() == ["facebook"]   # from the name
    share = aud.set_index(["dimension", "category"])["share"]
    assert share[("age_gender", "18-24 Men")] == pytest.approx(0.123)     # "12.3" percent
    # age 25-34 = 36.1 + 13 = 49.1 %; Men = 12.3 + 36.1 + 20 = 68.4 %
    assert share[("age", "25-34")] == pytest.approx(0.491)
    assert share[("gender", "Men")] == pytest.approx(0.684)
    assert share[("city", "Quezon City, Philippines")] == pytest.approx(0.064)
    assert share[("country", "Vietnam")] == pytest.approx(0.154)
    affinity = aud[aud["dimension"] == "page_affinity"]
    assert affinity["value"].tolist() == [37.58, 15.38] and affinity["share"].isna().all()
    assert daily["metric"].unique().tolist() == ["follows"]
    assert daily["value"].tolist() == [20, 22]
    assert daily["date"].tolist() == [pd.Timestamp("2025-08-01"), pd.Timestamp("2025-08-02")]


@pytest.mark.parametrize(("line", "old", "new", "column"), [
    (6, '"35-44","20","15"', '"35-44","20","lots"', "Age & gender"),
    (10, '"6.4","3.2"', '"6.4","lots"', "Top cities"),
    (23, '"2025-08-02T00:00:00","22"', '"2025-08-02T00:00:00","lots"', "Follows")])
def test_a_bad_number_in_an_audience_block_names_its_own_line(tmp_path, line, old, new, column):
    # the cell's line in the file, not its rank among the block's cells counted from line 2
    text = (FIX / "facebook_Audience.csv").read_text(encoding="utf-16")
    path = tmp_path / "facebook_Audience.csv"
    path.write_text(text.replace(old, new), encoding="utf-16")
    with pytest.raises(ParseError) as err:
        read_export(path, "audience")
    assert str(err.value) == (
        f"file {path}, line {line}, column {column!r}: cell is not a number; expected a number "
        "(e.g. 1234, 1 234, 62,5 %, 1.2K) or empty/-/N/A; got 'lots'")


def test_a_line_break_in_the_first_header_is_no_title(tmp_path):
    # '"Post<newline>ID",...' (a header cell re-typed in a spreadsheet): its first line, one
    # open field, was taken for a title line; the file loaded no post, with an empty_file note
    rows = _ig_rows(3, seed=9)
    path = tmp_path / "ig.csv"
    _write(path, _IG_COLS, rows)
    text = path.read_text(encoding="utf-8-sig")
    assert text.startswith('"Post ID",')
    path.write_text(text.replace('"Post ID"', '"Post\nID"', 1), encoding="utf-8")
    df = read_export(path)
    assert df["post_id"].tolist() == [r["Post ID"] for r in rows]
    assert "empty_file" not in {q["code"] for q in df.attrs["quality"]}


def test_a_ragged_file_with_a_caption_over_the_csv_modules_limit_is_read(tmp_path):
    # a row short of a cell sends the file to the csv module, which refused any cell over
    # 131,072 characters: "unexpected error while reading: field larger than field limit"
    rows = _ig_rows(2, seed=3)
    rows[0]["Description"] = "très long " * 20_000
    for r in rows:                  # no saves: the last cell, empty, left out of the last row
        r["Saves"] = ""
    path = tmp_path / "ig.csv"
    _write(path, _IG_COLS, rows)
    text = path.read_text(encoding="utf-8-sig").rstrip("\n")
    path.write_text(text.rsplit(",", 1)[0] + "\n", encoding="utf-8")    # last cell gone
    df = read_export(path)
    assert df["caption"].str.len().tolist() == [199_999, len(rows[1]["Description"])]
    assert "ragged_rows" in {q["code"] for q in df.attrs["quality"]}


def test_lines_ended_by_a_carriage_return_alone_are_lines(tmp_path):
    # Excel for Mac's "CSV (Macintosh)" ends lines with CR alone: the file was one long line,
    # refused as "header row is not valid CSV"
    import csv

    rows = _ig_rows(4, seed=7)
    rows[1]["Description"] = "deux\nlignes"        # a line break in a cell: LF, in quotes
    lf = tmp_path / "ig_lf.csv"
    _write(lf, _IG_COLS, rows)
    cr = tmp_path / "ig_cr.csv"
    with cr.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r", quoting=csv.QUOTE_ALL)
        writer.writerows([_IG_COLS, *([r[c] for c in _IG_COLS] for r in rows)])
    assert cr.read_bytes().count(b"\r") == 5 and cr.read_bytes().count(b"\n") == 1
    got, want = read_export(cr), read_export(lf)
    cols = [c for c in want.columns if c not in ("source_file", "snapshot_at")]
    pd.testing.assert_frame_equal(got[cols], want[cols])
    assert got["caption"].tolist()[1] == "deux\nlignes"
    assert [q["code"] for q in got.attrs["quality"]].count("line_endings_cr") == 1
    assert "line_endings_cr" not in {q["code"] for q in want.attrs["quality"]}


def _bad_date_error(path):
    """The ParseError reading ``path`` raises about its bad publish time "31/31/2026 25:99"."""
    with pytest.raises(ParseError, match="31/31/2026") as err:
        read_export(path)
    return err.value


def test_a_total_row_on_top_is_read_into_no_note(tmp_path):
    """'Total' typed in the 'Post ID' cell of the row on top of two Instagram posts (line 2),
    its publish time empty, its views and reach written '2.250' and '1.400' (1500 + 750, 700
    + 700). Its cells were read with the posts': a counts_dot_thousands note of 2 cells,
    'Views' and 'Reach' on line 2, a line the finished table then dropped. It is dropped
    before the parse, and only its own note names it."""
    blank = dict.fromkeys(_IG_COLS, "")

    def post(i: int, views: str, published: str) -> dict[str, str]:
        return {**blank, "Post ID": f"1780000000000000{i}", "Account ID": "1784",
                "Account username": "brand", "Account name": "Sève", "Publish time": published,
                "Permalink": f"https://www.instagram.com/p/X{i}/", "Post type": "IG image",
                "Date": "Lifetime", "Views": views, "Reach": "700", "Likes": "40"}

    total = {**blank, "Post ID": "Total", "Views": "2.250", "Reach": "1.400", "Likes": "80"}
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, [total, post(1, "1500", "10/01/2026 09:15"),
                            post(2, "750", "10/02/2026 18:15")])
    df = read_export(path)
    assert df["post_id"].tolist() == ["17800000000000001", "17800000000000002"]
    assert df["views"].tolist() == [1500, 750] and df["reach"].tolist() == [700, 700]
    assert not {"counts_dot_thousands", "missing_publish_time"} & _codes(df)
    note = _note(df, "summary_row_dropped")
    assert note["rows"] == 1
    assert "line 2: its cell 'Total', in column 'Post ID', says it is a total" in \
        note["message"]


def test_blank_rows_and_a_total_row_are_no_posts(tmp_path):
    # a spreadsheet leaves a line of delimiters, and its user adds a total under the data:
    # neither is a (Facebook) post, both are recorded
    rows = _ig_rows(3, seed=5)
    blank = dict.fromkeys(_IG_COLS, "")
    total = {**blank, "Post ID": "Total",
             "Views": str(sum(int(r["Views"]) for r in rows))}
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, [rows[0], blank, rows[1], rows[2], blank, total])
    df = read_export(path)
    assert df["post_id"].tolist() == [r["Post ID"] for r in rows]
    assert df["platform"].unique().tolist() == ["instagram"]
    assert df["views"].sum() == sum(int(r["Views"]) for r in rows)
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert notes["blank_rows_skipped"]["rows"] == 2
    assert "the first at line 3" in notes["blank_rows_skipped"]["message"]
    assert notes["summary_row_dropped"]["rows"] == 1
    assert "missing_publish_time" not in notes
    # an error after blank rows names its own line: header 1, rows 2-6, the bad one on 7
    bad = {**rows[2], "Publish time": "31/31/2026 25:99"}
    _write(path, _IG_COLS, [rows[0], blank, rows[1], blank, rows[2], bad])
    err = _bad_date_error(path)
    assert err.line == 7 and f"file {path}, line 7, column 'Publish time'" in str(err)
    # and after an empty line (which Arrow skips) and a caption of three lines: header 1,
    # row 2, empty line 3, row 4, caption rows 5-7, the bad row on 8
    _write(path, _IG_COLS, [rows[0], rows[1], {**rows[2], "Description": "a\n\nb"}, bad])
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    path.write_text("\n".join([*lines[:2], "", *lines[2:]]), encoding="utf-8-sig")
    err = _bad_date_error(path)
    assert err.line == 8


def test_an_error_after_a_header_holding_a_line_break_names_its_own_line(tmp_path):
    # a quoted header cell on two lines ("Account\nname"): header on lines 1-2, rows on 3
    # and 4, the bad row on 5 (the body was counted from line 2)
    rows = _ig_rows(3, seed=5)
    bad = {**rows[2], "Publish time": "31/31/2026 25:99"}
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, [c.replace("Account name", "Account\nname") for c in _IG_COLS],
           [{k.replace("Account name", "Account\nname"): v for k, v in r.items()}
            for r in (rows[0], rows[1], bad)])
    assert path.read_text(encoding="utf-8-sig").split("\n")[4].count("31/31/2026") == 1
    err = _bad_date_error(path)
    assert err.line == 5
    # and after an empty line as well: header 1-2, row 3, empty 4, row 5, the bad row on 6
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    path.write_text("\n".join([*lines[:3], "", *lines[3:]]), encoding="utf-8-sig")
    err = _bad_date_error(path)
    assert err.line == 6


def test_an_error_after_a_cell_longer_than_the_csv_module_reads_is_still_named(tmp_path):
    # Arrow reads a caption of 140,000 characters; Python's csv module (which finds a row's
    # line) stops at 131,072 with csv.Error, which made the bad date below an "unexpected
    # error while reading": header 1, rows 2 and 3, the bad row on 4
    rows = _ig_rows(3, seed=5)
    bad = {**rows[2], "Publish time": "31/31/2026 25:99"}
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, [rows[0], {**rows[1], "Description": "x" * 140_000}, bad])
    err = _bad_date_error(path)
    assert err.line == 4 and err.column == "Publish time"


def test_blank_rows_after_a_caption_of_two_lines_are_named_by_their_own_line(tmp_path):
    # the note counted rows, not lines: header 1, the first post on lines 2-3 (a caption of
    # two lines), the next two on 4-5; the row of empty cells on line 6 was 'line 5'
    lines = (FIX / "facebook_posts_2026-11-20.csv").read_text(encoding="utf-8-sig").splitlines(
        keepends=True)
    blank = "," * 32 + "\n"
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    for rows, where in (([*lines[:5], blank, *lines[5:]], "(line 6)"),
                        ([*lines[:5], blank, lines[5], blank], "(the first at line 6)")):
        path.write_text("".join(rows), encoding="utf-8-sig")
        df = read_export(path)
        assert df["post_id"].str[-1].tolist() == ["0", "1", "2", "3"]
        notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "blank_rows_skipped"]
        assert len(notes) == 1 and notes[0].endswith(f"skipped {where}")


def _header_notes(df):
    return [q for q in df.attrs["quality"] if q["code"] == "header_repeated"]


def test_two_exports_pasted_one_under_the_other_read_as_their_rows(tmp_path):
    # "cat a.csv b.csv": the second export's header (and its BOM) in the middle made the whole
    # file fail, its 'Publish time' read as a publish time
    one = (FIX / "facebook_posts_2026-11-20.csv").read_bytes()
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_bytes(one + one)
    df = read_export(path)
    want = read_export(FIX / "facebook_posts_2026-11-20.csv")
    cols = [c for c in want.columns if c != "source_file"]
    pd.testing.assert_frame_equal(df[cols], pd.concat([want, want], ignore_index=True)[cols])
    assert df["reach"].dtype == "Float64" and df["views"].dtype == "Float64"
    assert df["reach"].tolist() == [800, 3100, 700, 1500] * 2
    # header 1, the first post on lines 2-3 (a caption of two lines), three more on 4-6
    notes = _header_notes(df)
    assert [(n["rows"], n["level"]) for n in notes] == [(1, "info")]
    assert notes[0]["message"].startswith("1 row repeating the header was dropped (line 7):")


def test_headers_repeated_are_counted_and_an_error_after_them_names_its_line(tmp_path):
    # a spreadsheet that appended two more exports kept their headers: one note for the file
    rows = _ig_rows(6, seed=11)
    header = dict(zip(_IG_COLS, _IG_COLS, strict=True))
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, [rows[0], rows[1], header, rows[2], header, rows[3]])
    df = read_export(path)
    assert df["post_id"].tolist() == [r["Post ID"] for r in rows[:4]]
    assert df["views"].tolist() == [int(r["Views"]) for r in rows[:4]]
    notes = _header_notes(df)
    assert len(notes) == 1 and notes[0]["rows"] == 2
    assert "2 rows repeating the header were dropped (the first at line 4)" in notes[0]["message"]
    # header 1, rows 2-3, header 4, row 5, the bad row on 6
    bad = {**rows[4], "Publish time": "31/31/2026 25:99"}
    _write(path, _IG_COLS, [rows[0], rows[1], header, rows[2], bad])
    err = _bad_date_error(path)
    assert err.line == 6 and err.column == "Publish time"


# each example reads two files (0.25 s of CPU): 20 examples, not 40. The 20 drawn
# (derandomized; counted once) paste the header under the header in 15 of them, after the last
# row in 10, twice in one place in 10, three times in 8, with its BOM in 6, after captions of
# three lines in 12, in a file of 1 row in 2 and of 6 rows in 6: every edge of the strategy;
# the 20 more drew no new one (and no file of 6 rows)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_headers_pasted_anywhere_between_the_rows_leave_the_rows_as_they_were(data):
    n = data.draw(st.integers(1, 6))
    rows = _ig_rows(n, seed=data.draw(st.integers(0, 99)))
    for r in rows:                  # captions of one to three lines
        r["Description"] = "\n".join(["été"] * data.draw(st.integers(1, 3)))
    before = sorted(data.draw(st.lists(st.integers(0, n), min_size=1, max_size=3)))
    header = _csv_line(_IG_COLS, dict(zip(_IG_COLS, _IG_COLS, strict=True)))
    again = "\ufeff" + header if data.draw(st.booleans()) else header   # "cat" keeps a BOM
    lines = [header]
    for i in range(n + 1):          # the header again before row i, as often as drawn
        lines += [again] * before.count(i)
        lines += [_csv_line(_IG_COLS, rows[i])] if i < n else []
    with tempfile.TemporaryDirectory() as d:
        clean, pasted = Path(d) / "ig.csv", Path(d) / "ig_pasted.csv"
        _write(clean, _IG_COLS, rows)
        pasted.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        got, want = read_export(pasted), read_export(clean)
    cols = [c for c in want.columns if c not in ("source_file", "snapshot_at")]
    pd.testing.assert_frame_equal(got[cols], want[cols])
    # the first one comes after the header and every line of the rows before it
    first = 2 + sum(r["Description"].count("\n") + 1 for r in rows[:before[0]])
    notes = _header_notes(got)
    assert len(notes) == 1 and notes[0]["rows"] == len(before)
    assert f"line {first})" in notes[0]["message"]


def _fb_blocks(*blocks):
    """The Facebook fixture's export as ``blocks`` of it pasted one under the other, each a
    function of its rows (header first, as lists of cells), each with its BOM ("cat")."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO((FIX / "facebook_posts_2026-11-20.csv").read_text(
        encoding="utf-8-sig"))))
    out = io.StringIO()
    for block in blocks:
        out.write("\ufeff")
        csv.writer(out, lineterminator="\n").writerows(block(rows))
    return out.getvalue()[1:]


def _without_last(rows):                # a Meta export of 33 columns, not 34
    return [r[:-1] for r in rows]


def _changed_notes(df):
    return [q["message"] for q in df.attrs["quality"] if q["code"] == "header_changed"]


def test_two_exports_of_different_columns_pasted_read_each_under_its_header(tmp_path):
    # the second export lacks 'Reach from Boosted posts' (Meta writes 32, 33 or 34 columns):
    # the whole file failed ("line 7, column 'Publish time': cell is not a date/time … got
    # 'Publish time'"); header 1, posts on 2-6 (a caption of two lines), the other header on 7
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    want = read_export(FIX / "facebook_posts_2026-11-20.csv")
    for blocks, line, what in (
            ((lambda r: r, _without_last), 7, "'Reach from Boosted posts' gone"),
            ((_without_last, lambda r: r), 7, "'Reach from Boosted posts' added"),
            # as many columns, one of them another: no row of another width betrays it
            ((lambda r: r, lambda r: [[*x[:-1], "Negative feedback from users: Unlike page"
                                       if i == 0 else "3"] for i, x in enumerate(r)]), 7,
             "'Negative feedback from users: Unlike page' added, 'Reach from Boosted posts' "
             "gone")):
        path.write_text(_fb_blocks(*blocks), encoding="utf-8-sig")
        df = read_export(path)
        assert df["post_id"].tolist() == want["post_id"].tolist() * 2
        assert df["reach"].tolist() == want["reach"].tolist() * 2
        assert df["reach"].dtype == "Float64"
        assert _changed_notes(df) == [
            f"line {line}: {what}: two exports with different columns pasted one under the "
            "other; each block was read under its own header, a column one lacks left empty "
            "in its rows"]
        assert "ragged_rows" not in {q["code"] for q in df.attrs["quality"]}


def test_three_blocks_keep_the_columns_of_all_a_column_one_lacks_empty_in_its_rows(tmp_path):
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_text(_fb_blocks(lambda r: r, _without_last, lambda r: r), encoding="utf-8-sig")
    df = read_export(path)
    boosted = read_export(FIX / "facebook_posts_2026-11-20.csv")["reach_boosted"].tolist()
    assert df["reach_boosted"].tolist()[:4] == boosted == df["reach_boosted"].tolist()[8:]
    assert df["reach_boosted"].iloc[4:8].isna().all()
    assert [n.split(":")[0] for n in _changed_notes(df)] == ["line 7", "line 13"]


def test_an_error_under_the_second_header_names_its_own_line(tmp_path):
    def bad(rows):
        rows = _without_last(rows)
        rows[3][6] = "31/31/2026 25:99"          # the third post of the second export
        return rows

    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_text(_fb_blocks(lambda r: r, bad), encoding="utf-8-sig")
    # header 7, its first post on 8-9, the second on 10, the third on 11
    err = _bad_date_error(path)
    assert err.line == 11 and err.column == "Publish time"


def test_another_export_pasted_under_the_rows_is_an_error_naming_its_line(tmp_path):
    # Instagram's posts under Facebook's: a header sharing most names, another platform
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    ig = (FIX / "instagram_posts_2026-11-20.csv").read_text(encoding="utf-8-sig")
    path.write_text(_fb_blocks(lambda r: r) + ig, encoding="utf-8-sig")
    with pytest.raises(ParseError, match="a header of other columns starts rows of another "
                       "export") as err:
        read_export(path)
    assert err.value.line == 7 and err.value.got.startswith("Post ID, Account ID")


_FB_HEAD = ('"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time",'
            'Permalink,"Post type",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,'
            'Comments,Shares\n')
_FB_ROWS = ('8383178366578861,104938275516283,"Maison Sève","Le rituel du soir","Le rituel du '
            'soir\nLivraison offerte dès 39 €\n#peausensible #madeinfrance",0,"10/27/2026 11:52",'
            'https://www.facebook.com/maisonseve/posts/pfbid048j,Photos,Lifetime,1079,894,35,32,'
            '2,1\n9998439321649510,104938275516283,"Maison Sève","Question du jour\n#soinvisage",,'
            '0,"10/23/2026 03:16",https://www.facebook.com/maisonseve/posts/pfbid0rJY,Photos,'
            'Lifetime,1057,827,26,23,2,1\n')


@pytest.mark.parametrize("closed, line, column, start", [
    # the error named line 4, column 'Publish time' (got '1079', the first post's views)
    ('"Le rituel du soir",', 2, "Title", '"Le rituel du soir,"Le rituel du soir'),
    # the last of the caption's three lines: line 2 'Publish time' (got 'Photos')
    ('#madeinfrance",', 2, "Description", '"Le rituel du soir'),
    ('#soinvisage",', 5, "Title", '"Question du jour'),
])
def test_a_caption_whose_closing_quote_was_deleted_is_named_where_it_opens(
        tmp_path, closed, line, column, start):
    path = tmp_path / "facebook_posts_2026-11-02.csv"
    path.write_text(_FB_HEAD + _FB_ROWS, encoding="utf-8-sig")
    assert read_export(path)["post_id"].tolist() == ["8383178366578861", "9998439321649510"]
    path.write_text(_FB_HEAD + _FB_ROWS.replace(closed, closed.replace('",', ","), 1),
                    encoding="utf-8-sig")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.line, err.value.column, err.value.got) == (line, column, start)
    assert str(err.value) == (
        f"file {path}, line {line}, column {column!r}: a quoted cell is never closed, so the "
        "cells after it were read into it; expected a closing quote (\") at the end of the "
        f"cell; got {start!r}")


def test_a_caption_left_open_to_the_end_is_an_error_not_a_post_lost(tmp_path):
    # the second post was read into the first one's title: 1 post loaded, with a note of
    # ragged rows
    text = (FIX / "facebook_posts_fr_2026-10-01.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "facebook_posts_fr_2026-10-01.csv"
    path.write_text(text.replace('en vidéo",', "en vidéo,"), encoding="utf-8-sig")
    with pytest.raises(ParseError, match="a quoted cell is never closed") as err:
        read_export(path)
    assert (err.value.line, err.value.column) == (2, "Titre")
    assert err.value.got.startswith('"L’atelier, en vidéo,,30,09/10/2026 08:00,')


def test_a_views_cell_with_its_thousands_mark_misplaced_is_an_error(tmp_path):
    # '1.5,00' (a count retyped in a re-saved export) was read 15.0 views, every '.' dropped
    # without a note; now refused, naming the line, the column and the cell
    text = (FIX / "facebook_posts_fr_2026-10-01.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "facebook_posts_fr_2026-10-01.csv"
    path.write_text(text.replace("Lifetime,1000,650,", 'Lifetime,"1.5,00",650,'),
                    encoding="utf-8-sig")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 3, column 'Vues': thousands separator misplaced; expected a number "
        "like 1.299,50 or 1299,50: a thousands separator between groups of three digits, or "
        "none; got '1.5,00'")


def test_an_undated_post_is_kept_and_noted(tmp_path):
    rows = _ig_rows(2, seed=6)
    rows[1]["Publish time"] = ""
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert len(df) == 2 and df["published_at"].isna().tolist() == [False, True]
    assert "missing_publish_time" in _codes(df) and "summary_row_dropped" not in _codes(df)


def test_two_digit_years_of_a_spreadsheet_resave(tmp_path):
    rows = _ig_rows(3, seed=8)
    expected = _expected(rows)
    for r in rows:           # 10/31/2026 10:31 → 10/31/26 10:31, as Excel writes m/d/yy h:mm
        r["Publish time"] = r["Publish time"].replace("/2026 ", "/26 ")
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert df["published_at"].tolist() == expected.tolist()
    assert [q["rows"] for q in df.attrs["quality"] if q["code"] == "two_digit_year"] == [3]


@pytest.mark.parametrize("cell", ["10/31/9026 10:31", "10/31/1900 10:31", "10/31/2300 10:31"])
def test_year_out_of_range_names_the_cell(tmp_path, cell):
    rows = _ig_rows(3, seed=9)
    rows[2]["Publish time"] = cell
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match=rf"line 4, column 'Publish time'.*{cell}") as err:
        read_export(path)
    assert "a year between 1990 and 2200" in str(err.value)


def test_one_post_without_a_component_is_said_in_the_singular(tmp_path):
    """One post of three with N/A likes: "1 post has no reactions … its interactions are
    unknown" (it read "their")."""
    rows = _ig_rows(3, seed=10)
    rows[1]["Likes"] = "N/A"
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    unknown = next(q for q in read_export(path).attrs["quality"]
                   if q["code"] == "interactions_unknown")
    assert unknown["rows"] == 1 and unknown["message"].startswith(
        "1 post has no reactions though the file gives it for other posts: its interactions "
        "are unknown")


def test_placeholder_number_cells_are_missing_and_noted(tmp_path):
    rows = _ig_rows(3, seed=10)
    rows[0]["Views"], rows[1]["Likes"], rows[2]["Likes"] = "--", "N/A", "N/A"
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert df["views"].isna().tolist() == [True, False, False]
    assert df["reactions"].isna().tolist() == [False, True, True]
    # likes are missing, not 0, on the last two rows: their interactions are unknown (the
    # sum of the rest would pull their rates down), the first row's the sum of its four
    assert df["interactions"].isna().tolist() == [False, True, True]
    assert df["interactions"][0] == sum(float(rows[0][c]) for c in ("Likes", "Comments",
                                                                     "Shares", "Saves"))
    unknown = next(q for q in df.attrs["quality"] if q["code"] == "interactions_unknown")
    assert unknown["rows"] == 2 and unknown["message"].startswith(
        "2 posts have no reactions though the file gives it for other posts")
    note = next(q for q in df.attrs["quality"] if q["code"] == "placeholder_cells")
    assert note["rows"] == 3 and note["level"] == "info"
    assert "'--' or 'N/A'" in note["message"] and "'Views', 'Likes'" in note["message"]
    # where the first is: 'Views' of the first post, on line 2 under the header
    assert note["message"].endswith("(the first: 'Views', line 2)")


def test_semicolon_file_with_english_headers_reads_dots_as_thousands(tmp_path):
    # re-saved by a spreadsheet set to French or Italian: ';' between cells, '.' between
    # thousands, the headers still English
    rows = _ig_rows(3, seed=11)
    views = [22485, 6097, 812]
    for r, v in zip(rows, views, strict=True):
        r["Views"] = f"{v:,}".replace(",", ".")
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows, delim=";")
    df = read_export(path)
    assert df["views"].tolist() == views
    note = next(q for q in df.attrs["quality"] if q["code"] == "decimal_from_delimiter")
    assert note["level"] == "warning" and "'Views'" in note["message"]
    # a comma-delimited file says nothing of the decimal mark; but views are counts, which
    # have no decimals: 22.485 and 6.097 are thousands all the same, read so by the count rule
    # (the typed CSV pass used to read them 22.485 and 6.097, unlike the text reading)
    _write(path, _IG_COLS, rows, delim=",")
    df = read_export(path)
    assert df["views"].tolist() == views
    assert "decimal_from_delimiter" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "counts_dot_thousands")
    assert note["level"] == "warning" and "'Views'" in note["message"]


def test_a_count_written_with_a_comma_between_thousands_in_a_semicolon_file(tmp_path):
    """In a ';'-delimited file, where ',' is the decimal mark, views typed the English way
    ("22,485") read 22.485 views, with nothing said; a count has no decimals: thousands,
    noted as "1.250" is."""
    rows = _ig_rows(3, seed=11)
    views = [22485, 6097, 812]
    for r, v in zip(rows, views, strict=True):
        r["Views"] = f"{v:,}"
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows, delim=";")
    df = read_export(path)
    assert df["views"].tolist() == views
    note = next(q for q in df.attrs["quality"] if q["code"] == "counts_dot_thousands")
    assert "1,250" in note["message"] and "'Views'" in note["message"]


def test_a_count_that_is_no_whole_number_is_kept_and_noted(tmp_path):
    """Views typed "1234,5" (quoted, in a comma-delimited file) and "812.25": no platform
    counts a quarter view, and nothing said so; kept as read (which whole number was meant is
    not known), the first of them named. Rows 2-4 are lines 2-4 (one line each)."""
    rows = _ig_rows(3, seed=11)
    rows[1]["Views"], rows[2]["Views"] = "1234,5", "812.25"
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    # "1234,5": a comma then 1 digit, no thousands: the decimal comma, 1234.5
    assert df["views"].tolist()[1:] == [1234.5, 812.25]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "counts_not_whole"]
    assert note["level"] == "warning" and note["rows"] == 2
    assert note["message"] == ("'Views': 2 counts are not a whole number (line 3: '1234,5' "
                               "read as 1,234.5), kept as read: a count has no decimals; a "
                               "cell mistyped, or changed by a spreadsheet?")
    rows[1]["Views"], rows[2]["Views"] = "1234", "812"
    _write(path, _IG_COLS, rows)
    assert "counts_not_whole" not in _codes(read_export(path))


def _resaved(cell, how):
    """A Meta publish time (MM/DD/YYYY HH:MM) as a spreadsheet re-saves it."""
    t = pd.to_datetime(cell, format="%m/%d/%Y %H:%M")
    return {"ampm": t.strftime("%m/%d/%Y %I:%M %p"), "dmy": t.strftime("%d/%m/%Y %H:%M"),
            "de": t.strftime("%d.%m.%Y %H:%M"), "iso": t.strftime("%Y-%m-%d %H:%M:%S"),
            "isoT": t.strftime("%Y-%m-%dT%H:%M")}[how]


@pytest.mark.parametrize("how", ["ampm", "dmy", "de", "iso", "isoT"])
def test_publish_times_resaved_by_a_spreadsheet(tmp_path, how):
    rows = _ig_rows(6, seed=12)
    rows[0]["Publish time"] = "10/31/2026 15:05"      # day 31: proves the day-first order
    expected = _expected(rows)
    for r in rows:
        r["Publish time"] = _resaved(r["Publish time"], how)
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert df["published_at"].tolist() == expected.tolist()
    note = next(q for q in df.attrs["quality"] if q["code"] == "date_format_resaved")
    assert repr(rows[0]["Publish time"]) in note["message"]


@pytest.mark.parametrize(("how", "bad", "fmt"), [("dmy", "31/04/2026 10:00", "%d/%m/%Y %H:%M"),
                                               ("ampm", "02/29/2026 10:00 AM",
                                                "%m/%d/%Y %I:%M %p")])
def test_a_resaved_file_with_one_impossible_date_is_told_so_at_its_line(tmp_path, how, bad,
                                                                        fmt):
    """A file re-saved day first (or with AM/PM) whose 5th row holds an impossible date: no
    format reads every cell, and the error was Meta's own format's, naming line 2's valid
    '28/02/2026 04:37' as "not a date/time in the expected format %m/%d/%Y %H:%M". The
    error is now the one of the format that read the most lines: line 6 (header on line 1),
    "impossible calendar date", the cell itself."""
    rows = _ig_rows(6, seed=12)
    rows[0]["Publish time"] = "02/28/2026 04:37"      # day 28 and month 2: both orders read
    for r in rows:
        r["Publish time"] = _resaved(r["Publish time"], how)
    rows[4]["Publish time"] = bad
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError) as info:
        read_export(path)
    assert (info.value.line, info.value.column, info.value.got) == (6, "Publish time", bad)
    assert "impossible calendar date" in str(info.value) and fmt in str(info.value)


def _times_file(path, times):
    """An Instagram export whose publish times are ``times``, one a row from line 2."""
    rows = _ig_rows(len(times), seed=3)
    for r, t in zip(rows, times, strict=True):
        r["Publish time"] = t
    _write(path, _IG_COLS, rows)


def test_one_day_first_cell_among_meta_times_is_the_one_named(tmp_path):
    """A manager fixed line 4 by hand, day first, in a Meta file (month first, reference
    §1.4). By hand: month first reads 5 of the 6 cells (all but 25/10); day first reads 4
    (10/01, 10/05, 25/10, 10/10; not 10/24 nor 10/28). The error was day first's, whose first
    bad cell (line 5's correct 10/24/2026 10:00) comes after month first's (line 4); it is
    now month first's: line 4, the cell, Meta's format."""
    path = tmp_path / "ig.csv"
    _times_file(path, ["10/01/2026 01:00", "10/05/2026 09:30", "25/10/2026 03:00",
                       "10/24/2026 10:00", "10/10/2026 03:00", "10/28/2026 04:00"])
    with pytest.raises(ParseError) as info:
        read_export(path)
    assert (info.value.line, info.value.column, info.value.got) == (
        4, "Publish time", "25/10/2026 03:00")
    assert info.value.expected == "format %m/%d/%Y %H:%M"


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_the_odd_cell_is_named_wherever_it_sits(data):
    """A file month first (Meta's) or day first (a re-save) with one cell in the other order,
    anywhere: two other cells prove the file's order (a number above 12 where the odd cell's
    order puts the month), so the file's order reads more cells than the odd one's, and the
    error names the odd cell and the file's format, whatever the line."""
    day_first = data.draw(st.booleans())
    n = data.draw(st.integers(3, 8))
    days = [data.draw(st.integers(13, 28)) for _ in range(2)]
    days += [data.draw(st.integers(1, 28)) for _ in range(n - 3)]
    days = data.draw(st.permutations(days))
    month, odd_day = data.draw(st.integers(1, 12)), data.draw(st.integers(13, 28))
    cells = [f"{month:02d}/{d:02d}/2026 10:00" for d in days]           # month first
    odd = f"{odd_day:02d}/{month:02d}/2026 10:00"                       # day first
    if day_first:
        cells = [f"{d:02d}/{month:02d}/2026 10:00" for d in days]
        odd = f"{month:02d}/{odd_day:02d}/2026 10:00"
    at = data.draw(st.integers(0, n - 1))
    cells.insert(at, odd)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ig.csv"
        _times_file(path, cells)
        with pytest.raises(ParseError) as info:
            read_export(path)
    assert (info.value.line, info.value.got) == (2 + at, odd)
    assert info.value.expected == f"format {'%d/%m/%Y' if day_first else '%m/%d/%Y'} %H:%M"


@pytest.mark.parametrize("delim,cells,expected,level", [
    # a ';' file re-saved under French settings: day first, a hint, said so
    (";", ["01/09/2025", "05/09/2025"], ["2025-09-01", "2025-09-05"], "warning"),
    # the hint, and only day first makes the two rows consecutive days: noted as decided
    (";", ["01/09/2025", "02/09/2025"], ["2025-09-01", "2025-09-02"], "info"),
    # a ',' file: only day first makes the rows consecutive days (month first made 1 and 2
    # September 9 January and 9 February)
    (",", ["01/09/2025", "02/09/2025"], ["2025-09-01", "2025-09-02"], "info"),
    # a day above 12 proves the order, whatever the delimiter
    (",", ["09/30/2025", "10/01/2025"], ["2025-09-30", "2025-10-01"], "info"),
    (";", ["30/09/2025", "01/10/2025"], ["2025-09-30", "2025-10-01"], "info")])
def test_meta_daily_resaved_with_numeric_dates(tmp_path, delim, cells, expected, level):
    body = "".join(f"{d}{delim}{v}\n" for d, v in zip(cells, (-2, 5), strict=True))
    path = tmp_path / "facebook_follows_2026-11-01.csv"
    path.write_text(f'sep={delim}\n"Facebook follows"\nDate{delim}Primary\n{body}',
                    encoding="utf-8")
    df = read_export(path)
    assert df["date"].tolist() == [pd.Timestamp(d) for d in expected]
    assert df["value"].tolist() == [-2, 5]
    note = next(q for q in df.attrs["quality"] if q["code"] == "date_format_resaved")
    assert note["level"] == level


@pytest.mark.parametrize("title", ['Facebook follows;', '"Facebook follows";""'])
def test_meta_daily_resaved_without_sep_line_and_padded_title(tmp_path, title):
    # Excel drops the sep= line and pads the title to the sheet's width
    path = tmp_path / "facebook_follows_2026-11-01.csv"
    path.write_text(f"{title}\r\nDate;Primary\r\n01/08/2025 00:00;3\r\n13/08/2025 00:00;5\r\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df.attrs["source_format"] == "meta_daily"
    assert df["metric"].unique().tolist() == ["follows"]
    assert df["date"].tolist() == [pd.Timestamp("2025-08-01"), pd.Timestamp("2025-08-13")]
    assert df["value"].tolist() == [3, 5]


@pytest.mark.parametrize("sep_line,delim", [
    ('"sep=",""', ","),         # Google Sheets: the cell split at its comma, each part quoted
    ('"sep=;"', ";"),           # a spreadsheet quoting the one cell
    ('"sep=;";""', ";"),        # ... and padding it to the sheet's width
    ("SEP=,", ",")])
def test_meta_daily_sep_line_as_a_spreadsheet_writes_it_back(tmp_path, sep_line, delim):
    """Google Sheets writes Meta's ``sep=,`` line back as ``"sep=",""``, which was read as the
    chart's title: the metric ``sep``, the follows lost from the follower series. Every
    form is Excel's delimiter line: the title below it is read, the series the follows."""
    path = tmp_path / "facebook_follows_2026-11-01.csv"
    rows = [f'"Facebook follows"{delim}""', f'"Date"{delim}"Primary"',
            f'"2025-08-01T00:00:00"{delim}"3"', f'"2025-08-02T00:00:00"{delim}"5"']
    path.write_text("\n".join([sep_line, *rows]) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["metric"].unique().tolist() == ["follows"]
    assert df["value"].tolist() == [3, 5]


def test_meta_daily_chart_saved_by_google_sheets_reads_as_the_original():
    """Facebook follows of 2025-09-01..2026-10-31 downloaded from Google Sheets (every cell
    quoted, ``"sep=",""`` on top): its 394 days (the days of no change left out, as Meta
    writes them) summing to 1270, by ``awk`` over the file, read as ``net_follows`` (days
    below 0), not as a metric ``sep``."""
    path = (Path(__file__).parent / "fixtures" / "s54RLF_sheets_sep"
            / "facebook_follows_2025-09-01_2026-10-31_2026-11-01.csv")
    df = read_export(path)
    assert df["metric"].unique().tolist() == ["net_follows"]
    assert (len(df), df["value"].sum()) == (394, 1270)


@pytest.mark.parametrize("title,metric", [("Copertura", "reach"),
                                          ("Visualizzazioni", "views")])
def test_meta_daily_italian_chart_without_sep_line_or_platform_in_its_name(tmp_path, title,
                                                                          metric):
    """A chart saved from the Italian interface, its ``sep=`` line gone and its name saying
    neither Facebook nor Instagram, matched no format (no Italian chart title was known); it
    loads as the French one does, its platform left empty and noted, for the caller (a
    platform folder, ``read_export(platform=…)``) to give."""
    path = tmp_path / f"{title.lower()}_agosto.csv"
    path.write_text(f'"{title}"\n"Data","Primario"\n"2025-08-01T00:00:00","120"\n'
                    '"2025-08-02T00:00:00","95"\n', encoding="utf-16")
    df = read_export(path)
    assert df.attrs["source_format"] == "meta_daily"
    assert df.attrs["source_locale"] == "it-IT"
    # the two rows as written: 1 and 2 August, 120 and 95
    assert df["metric"].tolist() == [metric, metric]
    assert df["date"].tolist() == [pd.Timestamp("2025-08-01"), pd.Timestamp("2025-08-02")]
    assert df["value"].tolist() == [120, 95]
    assert df["platform"].isna().all()
    note = next(q for q in df.attrs["quality"] if q["code"] == "platform_unknown")
    assert f"{title!r} does not say whether it is Facebook or Instagram" in note["message"]
    # given by the caller, the rows are that platform's, and said so
    df = read_export(path, platform="instagram")
    assert df["platform"].tolist() == ["instagram", "instagram"]
    assert "platform_from_caller" in _codes(df)


@pytest.mark.parametrize("header,locale", [
    # 'Data' is Italian or Portuguese, 'Principale' Italian or French: Italian (s52V's file)
    ('"Data","Principale"', "it-IT"),
    ('"Date","Primary"', "en-US"),                 # Meta's own header
    ('"Fecha","Principal"', "es-ES"),              # 'Principal': French, Spanish, Portuguese
    # no one language: unknown, not English
    ('"Data","Primary"', "und"), ('"Data","Totale"', "und")])
def test_a_daily_chart_of_an_unknown_title_takes_its_locale_from_its_header(tmp_path, header,
                                                                            locale):
    """A Meta chart whose title no synonym knows ('Follower di Facebook', an Italian title)
    says nothing of its language: the chart was reported en-US under an Italian header."""
    path = tmp_path / "facebook_follows_2026-09-01_2026-10-31.csv"
    path.write_text(f'sep=,\n"Follower di Facebook"\n{header}\n"2026-10-01T00:00:00","4"\n',
                    encoding="utf-16")
    df = read_export(path)
    assert df.attrs["source_format"] == "meta_daily" and "unknown_daily_metric" in _codes(df)
    assert df.attrs["source_locale"] == locale


def test_meta_daily_italian_chart_resaved_takes_its_platform_from_its_name(tmp_path):
    """Re-saved by a spreadsheet under Italian settings (``;``, days first, the title
    padded), a chart whose name says Instagram is Instagram's: 13/08 proves day first."""
    path = tmp_path / "instagram_copertura_agosto.csv"
    path.write_text("Copertura;\r\nData;Primario\r\n01/08/2025;1.250\r\n13/08/2025;980\r\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["platform"].tolist() == ["instagram", "instagram"]
    assert df["metric"].tolist() == ["reach", "reach"]
    assert df["date"].tolist() == [pd.Timestamp("2025-08-01"), pd.Timestamp("2025-08-13")]
    # 1.250 reach in a ';' file of Italian settings: '.' between thousands, 1250 accounts
    assert df["value"].tolist() == [1250, 980]
    assert "platform_unknown" not in _codes(df)


def test_meta_daily_impossible_date_quotes_the_cell_as_written(tmp_path):
    path = tmp_path / "facebook_views_2026-11-01.csv"
    path.write_text('sep=,\n"Facebook views"\n"Date","Primary"\n"2025-12-01T00:00:00","3"\n'
                    '"2025-13-02T00:00:00","4"\n', encoding="utf-8")
    with pytest.raises(ParseError, match="impossible calendar date") as e:
        read_export(path)
    assert e.value.line == 5 and e.value.column == "Date"
    assert e.value.got == "2025-13-02T00:00:00"


@pytest.mark.parametrize("cell", ["N/A", "--", ""])
def test_meta_daily_value_without_its_date_is_an_error(tmp_path, cell):
    """A daily export whose line 6 reads ``N/A,107`` (the day's cell replaced) was loaded with
    a row dated NaT holding 107 interactions, with no note even under strict: the day's 107
    fell out of every daily and monthly total. A value that cannot be placed on its day is
    the file's error, naming the line and the Date column; a row with neither a date nor a
    value is only dropped and noted, as before."""
    path = tmp_path / "instagram_content_interactions_2026-11-01.csv"
    head = 'sep=,\n"Content interactions"\n"Date","Primary"\n'
    rows = '"2026-02-13T00:00:00","90"\n"2026-02-14T00:00:00","95"\n'
    path.write_text(head + rows + f'"{cell}","107"\n', encoding="utf-16")
    with pytest.raises(ParseError, match="a value without its date") as e:
        read_export(path)
    assert (e.value.line, e.value.column, e.value.got) == (6, "Date", cell)
    path.write_text(head + rows + f'"{cell}",""\n', encoding="utf-16")
    df = read_export(path)
    assert df["value"].tolist() == [90, 95]     # an empty line is a blank row, skipped
    assert {"daily_rows_without_date", "blank_rows_skipped"} & _codes(df)


@pytest.mark.parametrize("cells", [["2026-10-01T00:00:00", "2026-10-02T07:00:00"],
                                   ["10/01/2026", "10/02/2026 07:00"]])
def test_meta_daily_date_with_a_time_keeps_its_day_and_says_so(tmp_path, cells):
    body = "".join(f'"{d}","{v}"\n' for d, v in zip(cells, (4, 5), strict=True))
    path = tmp_path / "facebook_follows_2026-11-01.csv"
    path.write_text(f'sep=,\n"Facebook follows"\n"Date","Primary"\n{body}', encoding="utf-8")
    df = read_export(path)
    assert df["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02")]
    note = next(q for q in df.attrs["quality"] if q["code"] == "time_dropped")
    assert note["rows"] == 1 and "the first 07:00" in note["message"]


def test_a_repeated_column_with_other_numbers_is_noted(tmp_path):
    rows = _ig_rows(3, seed=13)
    cols = [*_IG_COLS, "Likes"]
    lines = [",".join(cols)] + [",".join([*(r[c] if c != "Description" else "x"
                                            for c in _IG_COLS), v])
                                for r, v in zip(rows, [rows[0]["Likes"], "999", ""], strict=True)]
    path = tmp_path / "ig_2026-12-01.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = read_export(path)
    assert df["reactions"].tolist() == [float(r["Likes"]) for r in rows]   # the first column's
    note = next(q for q in df.attrs["quality"] if q["code"] == "columns_conflict")
    assert note["rows"] == 1 and note["level"] == "warning"     # same, differs, one empty


def test_meta_follows_with_days_below_zero_are_the_net_change(tmp_path):
    path = tmp_path / "facebook_follows_2026-11-01.csv"
    path.write_text('sep=,\n"Facebook follows"\n"Date","Primary"\n"2026-10-01T00:00:00","4"\n'
                    '"2026-10-02T00:00:00","-3"\n', encoding="utf-8")
    df = read_export(path)
    assert df["metric"].tolist() == ["net_follows", "net_follows"]
    assert df["value"].tolist() == [4, -3]
    assert "follows_are_net" in _codes(df)
    # never below 0: a count of new follows, as the reference maps it
    path.write_text('sep=,\n"Facebook follows"\n"Date","Primary"\n"2026-10-01T00:00:00","4"\n',
                    encoding="utf-8")
    assert read_export(path)["metric"].tolist() == ["follows"]


def test_mojibake_french_headers_of_a_real_export(tmp_path):
    # reference §2.2 [C] GH#46114845465: a re-encoded French export writes 'Durée (s)' and
    # 'Réponses' with full-width letters in place of the accented ones
    path = tmp_path / "instagram_stories_2025-07-15.csv"
    path.write_text("Identifiant de la publication,Nom de profil du compte,DurＦ (s),"
                    "Heure de publication,Type de publication,Vues,Couverture,RＱonses\n"
                    "18100000000000001,maisonseve,5,07/14/2025 13:05,Story Instagram,1234,1000,2\n",
                    encoding="utf-8")
    df = read_export(path)
    assert df["duration_s"].tolist() == [5] and df["comments"].tolist() == [2]  # replies
    assert "extra_columns" not in _codes(df)


def test_facebook_crosspost_and_share_flags_are_kept():
    df = read_export(FIX / "facebook_posts_2026-11-20.csv")
    assert df["is_crosspost"].tolist() == [0, 0, 0, 0] and df["is_share"].tolist() == [0] * 4


# ---------------------------------------------------------------- legacy Insights export

_LEGACY = "Facebook Insights Data Export (Post Level) - Maison Seve - "
LEGACY_2015 = FIX / f"{_LEGACY}2015-09-01 - 2015-12-31.csv"
LEGACY_2014 = FIX / f"{_LEGACY}2014-01-01 - 2014-02-27.csv"
LEGACY_WB = f"{_LEGACY}2019-03-01 - 2019-03-31"


def _note(df, code):
    return next(q for q in df.attrs["quality"] if q["code"] == code)


def test_legacy_insights_export_2015():
    df = read_export(LEGACY_2015)
    validate(df, "posts")
    assert df.attrs["platform"] == "facebook" and df["source_format"].unique().tolist() == [
        "meta_post_legacy"]
    assert df["platform"].astype(str).unique().tolist() == ["facebook"]
    # five posts: the description row under the headers is no post
    assert df["post_id"].tolist() == [f"104455667788990_100{i}" for i in range(1, 6)]
    assert _note(df, "legacy_description_row")["rows"] == 1
    assert _note(df, "legacy_description_row")["level"] == "info"
    assert df["account_id"].unique().tolist() == ["104455667788990"]      # "<page>_<post>"
    assert df["account_name"].unique().tolist() == ["Maison Seve"]        # from the file name
    assert df["caption"][0] == 'Autumn soap, "honey & oat"\nIn stores now'
    # Posted M/D/YYYY H:MM, Pacific: PDT (UTC-7) until 2015-11-01, then PST (UTC-8)
    assert df["published_at"].tolist() == [
        pd.Timestamp("2015-10-02 04:00", tz=UTC),   # 10/1/2015 21:00 PDT
        pd.Timestamp("2015-11-03 17:05", tz=UTC),   # 11/3/2015 9:05 PST
        pd.Timestamp("2015-09-16 01:30", tz=UTC),   # 9/15/2015 18:30 PDT
        pd.Timestamp("2015-12-25 07:59", tz=UTC),   # 12/24/2015 23:59 PST
        pd.Timestamp("2015-10-12 15:00", tz=UTC),   # 10/12/2015 8:00 PDT
    ]
    assert df["time_precision"].astype(str).unique().tolist() == ["minute"]
    assert df["time_source"].astype(str).unique().tolist() == ["export"]
    # Photo, Link, Video, SharedVideo, Status
    assert df["content_type"].astype(str).tolist() == ["image", "link", "video", "video", "text"]
    assert df["reach"].tolist() == [800, 500, 2000, 300, 250]
    assert df["impressions"].tolist() == [1200, 650, 3100, 410, 300]
    assert df["views"].isna().all()                  # impressions are never views
    assert df["engaged_users"].tolist() == [90, 40, 310, 25, 8]
    assert df["consumers"].tolist() == [60, 35, 220, 20, 5]
    assert df["consumptions"].tolist() == [75, 41, 400, 22, 6]
    # organic + paid video views, the "(Total Count)" columns: 900 + 300; 120 + (empty)
    vv = df["video_views"]
    assert pd.isna(vv[0]) and pd.isna(vv[1]) and vv[2] == 1200 and vv[3] == 120
    assert pd.isna(vv[4])
    assert df["video_views_organic"][2] == 900 and df["video_views_paid"][2] == 300
    # paid reach 150, 0, 600, 0, 0
    assert df["paid"].tolist() == [True, False, True, False, False]
    # no stories by action type in this export: no reactions, so no interactions (not 0)
    assert df["reactions"].isna().all() and df["interactions"].isna().all()
    unused = _note(df, "extra_columns")["message"]
    assert "'Lifetime Organic Video Views (Unique Users)'" in unused
    assert "America/Los_Angeles" in _note(df, "legacy_insights_export")["message"]
    # the file name's end date 2015-12-31 → snapshot at the end of that day, Pacific
    assert (df["snapshot_at"] == pd.Timestamp("2016-01-01 08:00", tz=UTC)).all()


def test_legacy_insights_export_2014_stories_are_interactions():
    df = read_export(LEGACY_2014)
    assert df["post_id"].tolist() == ["104455667788990_2001", "104455667788990_2002"]
    # 1/15/2014 10:00 PST; 2/27/2014 16:30 PST = 2/28 00:30 UTC
    assert df["published_at"].tolist() == [pd.Timestamp("2014-01-15 18:00", tz=UTC),
                                           pd.Timestamp("2014-02-28 00:30", tz=UTC)]
    # Post Stories by action type (total counts), not Talking About This (people)
    assert df["reactions"].tolist() == [45, 12]
    assert df["comments"].tolist() == [6, 1]
    assert df["shares"].tolist() == [4, 0]
    assert df["interactions"].tolist() == [45 + 6 + 4, 12 + 1 + 0]
    assert "reactions, comments and shares" in _note(df, "legacy_insights_export")["message"]
    assert df["content_type"].astype(str).tolist() == ["image", "text"]
    assert df["paid"].tolist() == [True, False]                # paid reach 100, 0


@pytest.mark.parametrize("ext", ["xls", "xlsx"])
def test_legacy_insights_workbook(ext):
    df = read_export(FIX / f"{LEGACY_WB}.{ext}")
    validate(df, "posts")
    assert df["source_format"].unique().tolist() == ["meta_post_legacy"]
    assert df["post_id"].tolist() == ["104455667788990_3001", "104455667788990_3002"]
    # Excel dates, Pacific: 2019-03-10 01:30 PST (the hour before the spring change), 12:00 PDT
    assert df["published_at"].tolist() == [pd.Timestamp("2019-03-10 09:30", tz=UTC),
                                           pd.Timestamp("2019-03-20 19:00", tz=UTC)]
    # the stories sheet lists the posts the other way round: matched by Post ID
    assert df["reactions"].tolist() == [33, 20]
    assert df["comments"].tolist() == [4, 0]
    assert df["shares"].tolist() == [2, 5]
    assert df["interactions"].tolist() == [39, 25]
    # "Matched Audience Targeting" names of consumers and consumptions
    assert df["consumers"].tolist() == [50, 150] and df["consumptions"].tolist() == [66, 260]
    # the organic video views column described "(Total Count)" is the second one: 500 + 0
    assert pd.isna(df["video_views"][0]) and df["video_views"][1] == 500
    assert df["paid"].tolist() == [True, False]                # paid reach 80, 0
    # the sheet is named once, by the quality log (it was named twice)
    assert _note(df, "legacy_description_row")["message"].startswith(
        "sheet 'Key Metrics': the row under the headers (row 2) holds")
    sheets = [q["message"] for q in df.attrs["quality"] if q["code"] == "legacy_breakdown_sheet"]
    assert sheets[0].startswith("sheet 'Lifetime Post Stories by act...': a sheet of a legacy ")
    assert len(sheets) == 2 and "were read with the posts" in sheets[0]
    assert "not read" in sheets[1]
    assert "not_understood" not in _codes(df)


def test_a_bad_count_in_the_legacy_stories_sheet_names_its_own_cell(tmp_path):
    # the stories are read with the posts of 'Key Metrics', but the bad cell is on their sheet
    import openpyxl

    wb = openpyxl.load_workbook(FIX / f"{LEGACY_WB}.xlsx")
    wb["Lifetime Post Stories by act..."]["J3"] = "four"
    path = tmp_path / f"{LEGACY_WB}.xlsx"
    wb.save(path)
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert str(err.value) == (
        f"file {path}, line 3, cell Lifetime Post Stories by act...!J3, column 'comment': cell "
        "is not a number; expected a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) "
        "or empty/-/N/A; got 'four'")


def test_legacy_insights_export_without_its_description_row(tmp_path):
    lines = LEGACY_2014.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "legacy.csv"
    path.write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")
    df = read_export(path)
    assert df["reach"].tolist() == [1000, 400] and df["reactions"].tolist() == [45, 12]
    assert "legacy_description_row" not in _codes(df)


def test_legacy_bad_number_names_the_line_after_the_description_row(tmp_path):
    text = LEGACY_2014.read_text(encoding="utf-8").replace(",400,400,0,", ",400,lots,0,")
    path = tmp_path / "legacy_bad.csv"
    path.write_text(text, encoding="utf-8")
    # header line 1, descriptions line 2, posts on lines 3 and 4
    with pytest.raises(ParseError, match=r"line 4, column 'Lifetime Post organic reach'.*lots"):
        read_export(path)


def test_current_meta_exports_are_detected_as_before():
    from smmanalytics.loaders._registry import get_format

    legacy = get_format("meta_post_legacy")
    for name, fmt in [("facebook_posts_2026-11-20.csv", "meta_post"),
                      ("facebook_posts_2024.csv", "meta_post"),
                      ("instagram_posts_2026-11-20.csv", "meta_post"),
                      ("instagram_stories_fr_2026-10-31.csv", "meta_story")]:
        df = read_export(FIX / name)
        assert df["source_format"].unique().tolist() == [fmt], name
    from smmanalytics.loaders._candidate import Candidate
    from smmanalytics.loaders._sources import read_source, read_tables
    from smmanalytics.quality import QualityLog

    src = read_source(FIX / "facebook_posts_2026-11-20.csv")
    table = read_tables(src, QualityLog())[0]
    assert legacy.detect(Candidate(src, table, [table])) == 0.0


def test_a_post_type_not_in_the_table_with_a_reel_permalink_is_a_reel(tmp_path):
    # the Italian Instagram export's post type words are not known (reference §2.3 [U]): a
    # post whose permalink is a /reel/ link is a reel whatever its type says (as the French
    # 'Vidéos' with a /reel/ link already was); a type that is one known type word beside the
    # platform's name is read by that word, with a note; the others stay 'other', and the
    # note says so
    it_cols = ["ID del post", "Nome utente dell'account", "Descrizione", "Durata (s)",
               "Orario di pubblicazione", "Permalink", "Tipo di post", "Data",
               "Visualizzazioni", "Copertura", "Mi piace", "Condivisioni", "Commenti",
               "Salvataggi"]
    rows = [dict(zip(it_cols, r, strict=True)) for r in (
        ["17900000000000001", "damammarosaria", "La laurea", "32", "08/07/2026 10:00",
         "https://www.instagram.com/reel/DHpmj9euOPy/", "Contenuto di Instagram", "A vita",
         "22000", "15000", "800", "40", "25", "60"],
        ["17900000000000002", "damammarosaria", "La serra", "0", "08/13/2026 18:30",
         "https://www.instagram.com/p/DHpmj9euOPz/", "Carosello di Instagram", "A vita",
         "1234", "987", "56", "3", "4", "7"],
        ["17900000000000003", "damammarosaria", "Il vaso", "0", "08/14/2026 18:30",
         "https://www.instagram.com/p/DHpmj9euOQa/", "Immagine IG", "A vita",
         "1000", "900", "50", "2", "3", "4"],
        ["17900000000000004", "damammarosaria", "Il filo", "0", "08/15/2026 18:30",
         "https://www.instagram.com/p/DHpmj9euOQb/", "Sondaggio di Instagram", "A vita",
         "800", "700", "40", "1", "2", "3"])]
    path = tmp_path / "instagram-contenuti.csv"
    _write(path, it_cols, rows)
    df = read_export(path)
    assert df["content_type"].astype(str).tolist() == ["reel", "carousel", "image", "other"]
    assert df["content_type_raw"].tolist() == ["Contenuto di Instagram", "Carosello di Instagram",
                                               "Immagine IG", "Sondaggio di Instagram"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "unknown_post_type")
    assert note["rows"] == 2 and ("('reel' where the permalink is a /reel/ link, 'story' where it"
                                   in note["message"])
    assert "'contenuto di instagram', 'sondaggio di instagram'" in note["message"]
    word = next(q for q in df.attrs["quality"] if q["code"] == "post_type_by_word")
    assert word["rows"] == 2 and word["level"] == "info"
    assert ("'carosello di instagram' as 'carousel', 'immagine ig' as 'image'"
            in word["message"])
    # 08/13/2026 18:30 PDT = 08/14 01:30 UTC; likes + comments + shares + saves = 56+4+3+7
    assert df["published_at"][1] == pd.Timestamp("2026-08-14 01:30", tz=UTC)
    assert df["interactions"].tolist() == [800 + 25 + 40 + 60, 70, 50 + 3 + 2 + 4,
                                           40 + 2 + 1 + 3]


def test_french_and_italian_reel_and_post_types_are_read_as_inferred(tmp_path):
    """The reference marks French and Italian post types unknown [U]; "Réel" (French for
    reel), "Publication" and "Post" (the feed post, its media not said: other) are inferred
    translations, read with an info note naming them; a type still unknown ("Sondage") keeps
    its warning. 4 French posts, 1 Italian post, by hand from the rows below."""
    fr_cols = ["Identifiant de la publication", "Description", "Heure de publication",
               "Permalien", "Type de publication", "Date", "Vues", "Couverture",
               "Mentions J’aime", "Commentaires", "Partages", "Enregistrements"]
    rows = [dict(zip(fr_cols, r, strict=True)) for r in (
        ["18000000000000001", "a", "10/03/2026 01:00", "https://www.instagram.com/p/Z1/",
         "Publication", "Durée de vie", "100", "90", "5", "1", "0", "0"],
        ["18000000000000002", "b", "10/04/2026 01:00", "https://www.instagram.com/p/Z2/",
         "Réel", "Durée de vie", "100", "90", "5", "1", "0", "0"],
        ["18000000000000003", "c", "10/05/2026 01:00", "https://www.instagram.com/p/Z3/",
         "Réel", "Durée de vie", "100", "90", "5", "1", "0", "0"],
        ["18000000000000004", "d", "10/06/2026 01:00", "https://www.instagram.com/p/Z4/",
         "Sondage", "Durée de vie", "100", "90", "5", "1", "0", "0"])]
    path = tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv"
    _write(path, fr_cols, rows)
    df = read_export(path)
    assert df["content_type"].astype(str).tolist() == ["other", "reel", "reel", "other"]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    inferred = notes["post_type_inferred"]
    assert inferred["level"] == "info" and inferred["rows"] == 3
    assert "'publication' as 'other', 'réel' as 'reel'" in inferred["message"]
    unknown = notes["unknown_post_type"]
    assert unknown["rows"] == 1 and "['sondage']" in unknown["message"]
    it_cols = ["ID del post", "Descrizione", "Orario di pubblicazione", "Permalink",
               "Tipo di post", "Data", "Visualizzazioni", "Copertura", "Mi piace",
               "Commenti", "Condivisioni", "Salvataggi"]
    _write(path, it_cols, [dict(zip(it_cols, [
        "18000000000000001", "a", "10/03/2026 01:00", "https://www.instagram.com/p/Z1/",
        "Post", "A vita", "100", "90", "5", "1", "0", "0"], strict=True))])
    df = read_export(path)
    assert df["content_type"].astype(str).tolist() == ["other"]
    assert "unknown_post_type" not in _codes(df)
    assert "'post' as 'other'" in next(q["message"] for q in df.attrs["quality"]
                                       if q["code"] == "post_type_inferred")


def test_an_english_post_type_post_is_unknown_not_an_italian_word(tmp_path):
    """The reference's English post types are Facebook's Photos, Videos, Reels, Links and
    Instagram's IG image, IG carousel, IG reel, IG video, IG story (§1.3, §2.3): "Post" is not
    one. An export of English headers writing it was read as the Italian "Post" (a feed post,
    other), noted as a type of a language whose types are not confirmed; it is an unknown
    type, warned of, and its post under a /reel/ link a reel as any unknown type's. 3 posts:
    Post on a /p/ link (other), Post on a /reel/ link (reel), IG image (image)."""
    cols = ["Post ID", "Account ID", "Account username", "Description", "Publish time",
            "Permalink", "Post type", "Date", "Views", "Reach", "Likes", "Comments"]
    rows = [dict(zip(cols, r, strict=True)) for r in (
        ["18000000000000001", "1784", "brand", "a", "10/03/2026 01:00",
         "https://www.instagram.com/p/Z1/", "Post", "Lifetime", "100", "90", "5", "1"],
        ["18000000000000002", "1784", "brand", "b", "10/04/2026 01:00",
         "https://www.instagram.com/reel/Z2/", "Post", "Lifetime", "100", "90", "5", "1"],
        ["18000000000000003", "1784", "brand", "c", "10/05/2026 01:00",
         "https://www.instagram.com/p/Z3/", "IG image", "Lifetime", "100", "90", "5", "1"])]
    path = tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv"
    _write(path, cols, rows)
    df = read_export(path)
    assert df["content_type"].astype(str).tolist() == ["other", "reel", "image"]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert "post_type_inferred" not in notes
    unknown = notes["unknown_post_type"]
    assert (unknown["level"], unknown["rows"]) == ("warning", 2)
    assert "['post']" in unknown["message"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("carosello ig", "carousel"), ("carosello di instagram", "carousel"),
    ("immagine ig", "image"), ("reel di instagram", "reel"), ("vidéo instagram", "video"),
    ("image de facebook", "image"), ("ig", None), ("di instagram", None),
    ("sondaggio di instagram", None), ("foto e video", None)])
def test_a_post_type_is_read_by_its_one_type_word(raw, expected):
    from smmanalytics.loaders.meta import _type_by_word

    assert _type_by_word(raw) == expected


def _day_first_workbook(path, times):
    """An Instagram export opened by a spreadsheet set to read dates day first (French or
    Italian settings) and saved as a workbook: a 'Publish time' it could read day first became
    a date (03/05/2025 22:00 → 3 May), one it could not (03/25/2025 22:00) stayed text."""
    import datetime as dt

    cols = ["Post ID", "Account ID", "Account username", "Publish time", "Permalink",
            "Post type", "Date", "Views", "Reach", "Likes", "Shares", "Comments", "Saves"]
    rows = []
    for i, (cell, link) in enumerate(times):
        if isinstance(cell, tuple):
            cell = dt.datetime(*cell)
        rows.append([f"1790000000000000{i}", "17841400000000000", "maisonseve", cell,
                     f"https://www.instagram.com/p/{link}/", "IG image", "Lifetime",
                     100, 80, 5, 1, 1, 2])
    pd.DataFrame(rows, columns=cols).to_excel(path, index=False)


def test_publish_times_a_day_first_spreadsheet_turned_into_dates_are_put_back(tmp_path):
    # Meta writes MM/DD/YYYY even in French and Italian (reference §1.4 [C]); a day-first
    # spreadsheet read 03/05/2025 22:00 as 3 May. The text cell it could not read (day 25)
    # proves its setting: the date cells get their day and month back
    path = tmp_path / "instagram_posts.xlsx"
    _day_first_workbook(path, [((2025, 5, 3, 22, 0), "AAAA"), ("03/25/2025 22:00", "BBBB"),
                               ((2025, 11, 2, 9, 30), "CCCC")])
    df = read_export(path)
    # 03/05/2025 22:00 PST = 03/06 06:00 UTC; 03/25 22:00 PDT = 03/26 05:00 UTC;
    # 02/11/2025 09:30 PST = 02/11 17:30 UTC
    assert df["published_at"].tolist() == [pd.Timestamp("2025-03-06 06:00", tz=UTC),
                                           pd.Timestamp("2025-03-26 05:00", tz=UTC),
                                           pd.Timestamp("2025-02-11 17:30", tz=UTC)]
    note = next(q for q in df.attrs["quality"] if q["code"] == "publish_times_day_first")
    assert note["rows"] == 2 and "'03/25/2025 22:00'" in note["message"]


def test_publish_times_all_turned_into_dates_are_read_as_stored_and_said(tmp_path):
    # nothing tells a day-first spreadsheet's dates from a month-first one's: read as stored,
    # with a warning; a workbook whose times are all text is read as Meta writes them
    path = tmp_path / "instagram_posts.xlsx"
    _day_first_workbook(path, [((2025, 5, 3, 22, 0), "AAAA"), ((2025, 11, 2, 9, 30), "CCCC")])
    df = read_export(path)
    assert df["published_at"].tolist() == [pd.Timestamp("2025-05-04 05:00", tz=UTC),
                                           pd.Timestamp("2025-11-02 17:30", tz=UTC)]
    assert "publish_times_as_dates" in _codes(df)
    assert "publish_times_day_first" not in _codes(df)
    text = tmp_path / "text.xlsx"
    _day_first_workbook(text, [("03/05/2025 22:00", "AAAA"), ("03/25/2025 22:00", "BBBB")])
    df = read_export(text)
    assert df["published_at"][0] == pd.Timestamp("2025-03-06 06:00", tz=UTC)
    assert not {"publish_times_as_dates", "publish_times_day_first"} & _codes(df)


def test_a_facebook_export_leaves_no_column_of_python_objects():
    """A Facebook export has no handle column: ``account_handle`` was an object column of NA
    in ``ds.posts``, where every other text column is text (the schema's ``string``)."""
    import smmanalytics as smm
    from smmanalytics.schema import TEXT

    posts = smm.load(FIX / "facebook_posts_2026-11-20.csv", cache=False).posts
    assert posts["account_handle"].isna().all()
    assert posts["account_handle"].dtype == TEXT
    assert "object" not in set(posts.dtypes.astype(str))


def test_one_windows_byte_in_a_utf8_export_loses_nothing(tmp_path):
    """One page name re-typed in Notepad ("Sève" in Windows-1252) in a UTF-8 export with a BOM:
    the file was read whole as Windows-1252, the BOM hid the "Post ID" header and every post
    lost its id. Only that byte is read as Windows-1252, and the file says where."""
    data = (FIX / "facebook_posts_2026-11-20.csv").read_bytes()
    p = tmp_path / "facebook_posts_2026-11-20.csv"
    p.write_bytes(data.replace("Sève".encode(), "Sève".encode("cp1252"), 1))
    df = read_export(p)
    assert df["post_id"].tolist() == ["122105551234567890", "122105551234567891",
                                      "122105551234567892", "122105551234567893"]
    assert df["account_name"].tolist() == ["Maison Sève"] * 4
    assert "encoding_mixed" in _codes(df) and "encoding_fallback" not in _codes(df)


_DAY_FIRST_CSV = (
    '"Post ID","Page ID","Page name","Title","Publish time","Permalink","Post type","Date",'
    '"Views","Reach","Reactions"\n'
    '101,9,"Maison Sève","a","{0} 10:00","https://www.facebook.com/p/101",Photos,Lifetime,'
    '10,8,1\n'
    '102,9,"Maison Sève","b","{1} 18:30","https://www.facebook.com/p/102",Photos,Lifetime,'
    '20,9,2\n'
)


@pytest.mark.parametrize("name,cells,expected", [
    # re-saved day first: 03/12 and 11/12 are 3 and 11 December, which the name's days say;
    # month first they were 12 March and 12 November, outside them, and nothing was noted
    ("facebook_posts_2025-12-01_2025-12-31_2026-01-02.csv", ("03/12/2025", "11/12/2025"),
     ["2025-12-03 10:00", "2025-12-11 18:30"]),
    # as Meta writes them: month first, inside the name's days
    ("facebook_posts_2025-03-01_2025-03-31_2025-04-02.csv", ("03/12/2025", "03/11/2025"),
     ["2025-03-12 10:00", "2025-03-11 18:30"]),
    # no days in the name: Meta's month first, as written
    ("facebook_posts.csv", ("03/12/2025", "11/12/2025"),
     ["2025-03-12 10:00", "2025-11-12 18:30"]),
])
def test_day_first_publish_times_are_told_by_the_name(tmp_path, name, cells, expected):
    p = tmp_path / name
    p.write_text(_DAY_FIRST_CSV.format(*cells), encoding="utf-8")
    df = read_export(p)
    local = df["published_at"].dt.tz_convert("America/Los_Angeles").dt.strftime("%Y-%m-%d %H:%M")
    assert local.tolist() == expected
    assert ("publish_times_day_first" in _codes(df)) == (expected[0][5:7] == "12")
    assert "date_format_resaved" not in _codes(df)


_FR_HEADER = ('"Identifiant de la publication","ID de la Page","Nom de la page","Titre",'
              '"Heure de publication","Permalien","Type de publication","Date","Vues",'
              '"Couverture","Réactions"\n')


@pytest.mark.parametrize("delim,french,cells,expected,code", [
    # a ';' file: the separator is no evidence (a day-first spreadsheet reads Meta's
    # 09/10/2025 as 9 October and saves it back as 09/10/2025, the same text): Meta's month
    # first, 10 September 10:00 PDT = 17:00 UTC, 10 March 18:30 PDT (since 9 March 2025) =
    # 11 March 01:30 UTC; it was read day first (9 and 3 October)
    (";", False, ("09/10/2025", "03/10/2025"), ["2025-09-10 17:00", "2025-03-11 01:30"],
     "publish_times_order_assumed"),
    # a ',' file, nothing tells: Meta's month first, 10 September (PDT, UTC-7) and 10 March
    # (PDT since 9 March 2025), said to be Meta's documented format
    (",", False, ("09/10/2025", "03/10/2025"), ["2025-09-10 17:00", "2025-03-11 01:30"],
     "publish_times_order_assumed"),
    # French headers are no hint: Meta writes month first in every language
    (",", True, ("09/10/2025", "03/10/2025"), ["2025-09-10 17:00", "2025-03-11 01:30"],
     "publish_times_order_assumed"),
    (";", True, ("09/10/2025", "03/10/2025"), ["2025-09-10 17:00", "2025-03-11 01:30"],
     "publish_times_order_assumed"),
    # 25 March proves month first, even in a ';' file: nothing said
    (";", False, ("09/10/2025", "03/25/2025"), ["2025-09-10 17:00", "2025-03-26 01:30"],
     None),
])
def test_publish_times_are_read_month_first_whatever_the_separator(tmp_path, delim, french,
                                                                   cells, expected, code):
    """Meta writes MM/DD/YYYY in every language (reference §1.4, §9.4 rule 7). Facebook posts
    of 10 September and 10 March in a ';' file were read day first, 9 and 3 October, the ';'
    taken for a day-first spreadsheet's re-save: such a spreadsheet saves Meta's text back
    unchanged, so it keeps its month-first meaning. Without a day above 12, the order read is
    said at info level, as Meta's documented format, not warned about."""
    text = _DAY_FIRST_CSV.format(*cells)
    if french:
        text = _FR_HEADER + text.split("\n", 1)[1]
    p = tmp_path / "facebook_posts.csv"
    p.write_text(text.replace(",", delim), encoding="utf-8")
    df = read_export(p)
    assert df["published_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == expected
    dated = {"publish_times_day_first", "publish_times_order_assumed"} & set(_codes(df))
    assert dated == ({code} if code else set())
    if code:
        note = next(q for q in df.attrs["quality"] if q["code"] == code)
        assert note["level"] == "info" and note["rows"] == 2
        assert "'09/10/2025 10:00'" in note["message"]
        assert "Meta's documented format" in note["message"]


_FR_SEMI_POSTS = (
    "\ufeffIdentifiant de la publication;ID de la Page;Nom de la page;Titre;"
    "Heure de publication;Permalien;Type de publication;Date;Vues;Couverture;Réactions;"
    "Commentaires;Partages\n"
    "1000000000000001;1049;X;a;07/04/2026 23:30;https://www.facebook.com/x/posts/pfbid1;"
    "Photos;Lifetime;100;80;5;3;2\n"
    "1000000000000002;1049;X;b;{second};https://www.facebook.com/x/posts/pfbid2;"
    "Photos;Lifetime;100;80;5;3;2\n")

_FR_SEMI_STORY = (
    "\ufeffIdentifiant de la publication;ID du compte;Nom de profil du compte;Nom du compte;"
    "Description;Durée (s);Heure de publication;Permalien;Type de publication;"
    "Commentaire des données;Date;Vues;Couverture;Mentions J'aime;Partages;Visites de profil;"
    "Réponses;Clics sur le lien;Navigation;Followers en plus;Appuis sur des stickers\n"
    "18123456789012345;17841402958311467;maisonseve;Maison Sève;;5;07/04/2026 23:30;"
    "https://www.instagram.com/stories/maisonseve/3912345678901234567/;Story Instagram;;"
    "Lifetime;900;800;12;3;7;2;5;640;1;0\n")


@pytest.mark.parametrize("second,expected", [
    # 07/04/2026 23:30 PDT (UTC-7) = 5 July 06:30 UTC; 07/05/2026 09:00 PDT = 5 July 16:00
    # UTC. Read day first they were 8 April 06:30 and 7 May 16:00 UTC
    ("07/05/2026 09:00", ["2026-07-05 06:30", "2026-07-05 16:00"]),
    # 07/15/2026 09:00 PDT = 15 July 16:00 UTC: day 15 proves month first (unchanged)
    ("07/15/2026 09:00", ["2026-07-05 06:30", "2026-07-15 16:00"]),
])
def test_a_french_semicolon_facebook_export_is_read_month_first(tmp_path, second, expected):
    p = tmp_path / "fb_posts.csv"
    p.write_text(_FR_SEMI_POSTS.format(second=second), encoding="utf-8")
    df = read_export(p)
    assert df["published_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == expected
    assert "publish_times_day_first" not in _codes(df)
    levels = {q["code"]: q["level"] for q in df.attrs["quality"]}
    assert levels.get("publish_times_order_assumed", "info") == "info"


def test_day_first_publish_times_are_told_by_when_the_file_was_written(tmp_path):
    """A file re-saved day first, without a day above 12, a date in its name or Instagram
    ids, written 20 May 2026: month first (Meta's way) its 07/04 and 07/05 were 5 July,
    after it was written; day first, 7 April 23:30 and 7 May 09:00 PDT (UTC-7), 8 April
    06:30 and 7 May 16:00 UTC, before. Day first is taken, noted. It was read month first
    with only an info note that the order was assumed."""
    p = tmp_path / "fb_posts.csv"
    p.write_text(_FR_SEMI_POSTS.format(second="07/05/2026 09:00"), encoding="utf-8")
    t = pd.Timestamp("2026-05-20 12:00", tz=UTC).timestamp()
    os.utime(p, (t, t))
    df = read_export(p)
    assert df["published_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2026-04-08 06:30", "2026-05-07 16:00"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "publish_times_day_first")
    assert "2 would fall after the file was written (2026-05-20 12:00 UTC" in note["message"]
    assert "publish_times_order_assumed" not in _codes(df)
    assert "published_after_export" not in _codes(df)


def test_a_french_semicolon_instagram_story_export_is_read_month_first(tmp_path):
    # 07/04/2026 23:30 PDT = 2026-07-05 06:30 UTC (read day first it was 8 April 06:30 UTC)
    p = tmp_path / "instagram_storie_fr.csv"
    p.write_text(_FR_SEMI_STORY, encoding="utf-8")
    df = read_export(p)
    assert df["published_at"].tolist() == [pd.Timestamp("2026-07-05 06:30", tz=UTC)]
    assert "publish_times_day_first" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "publish_times_order_assumed")
    assert note["level"] == "info"


@pytest.mark.parametrize("delim", [",", ";"])
def test_day_first_publish_times_are_told_by_the_instagram_ids(tmp_path, delim):
    """Instagram posts of 1 and 2 October re-saved day first (01/10/2025, 02/10/2025) were
    read 10 January and 10 February, and kept so beside an 'id_time_disagrees' warning,
    though their shortcodes decode to 1 and 2 October. The ids' times decide, whatever the
    separator: 01/10/2025 09:00 PDT = 16:00:05 UTC by the id (to the second), 02/10/2025
    21:40 PDT = 3 October 04:40:30 UTC."""
    rows = _ig_rows(2, seed=3)
    for r, cell, at in zip(rows, ("01/10/2025 09:00", "02/10/2025 21:40"),
                           ("2025-10-01 16:00:05", "2025-10-03 04:40:30"), strict=True):
        r["Publish time"] = cell
        r["Permalink"] = f"https://www.instagram.com/p/{_shortcode_at(at)}/"
    path = tmp_path / "instagram_posts.csv"
    _write(path, _IG_COLS, rows, delim=delim)
    df = read_export(path)
    assert df["published_at"].tolist() == [pd.Timestamp("2025-10-01 16:00:05", tz=UTC),
                                           pd.Timestamp("2025-10-03 04:40:30", tz=UTC)]
    assert df["time_source"].tolist() == ["decoded_id", "decoded_id"]
    codes = _codes(df)
    assert "publish_times_day_first" in codes and "id_time_disagrees" not in codes
    note = next(q for q in df.attrs["quality"] if q["code"] == "publish_times_day_first")
    assert "2 of them are within 2 h of the time their Instagram id decodes to, month first " \
        "(Meta's way) 0" in note["message"]


_FR_POSTS = (
    '"Identifiant de la publication","ID de la Page","Nom de la page","Titre",'
    '"Heure de publication","Permalien","Type de publication","Date","Vues","Couverture",'
    '"Réactions","Commentaires","Partages"\n'
    '101,9,"Maison Sève","Vos avis 💚 Zoom 🔍","10/20/2025 10:00",'
    '"https://www.facebook.com/p/101",Vidéos,"Durée de vie",500,400,254,13,19\n'
    '102,9,"Maison Sève","{caption}","10/21/2025 10:00",'
    '"https://www.facebook.com/p/102",Photos,"Durée de vie",300,200,83,9,5\n')


def test_a_file_encoded_in_utf8_twice_is_read_back(tmp_path):
    """A Facebook export read as Windows-1252 and saved again as UTF-8 ('RÃ©actions', 'Maison
    SÃ¨ve', 'ðŸ’š') was read as it stood: the reactions header unmatched, reactions empty and
    interactions 32 and 14 instead of 254 + 13 + 19 = 286 and 83 + 9 + 5 = 97, names and
    captions garbled, 'VidÃ©os' an unknown post type, and no encoding note."""
    good = _FR_POSTS.format(caption="l’été « doux »")
    # 🔍 is F0 9F 94 8D: Windows-1252 has no 0x8D, which the bad reading lost (U+FFFD)
    p = tmp_path / "facebook_posts.csv"
    p.write_bytes(good.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    assert "RÃ©actions" in p.read_text(encoding="utf-8")
    df = read_export(p)
    assert df["reactions"].tolist() == [254, 83]
    assert df["interactions"].tolist() == [286, 97]
    assert df["account_name"].tolist() == ["Maison Sève", "Maison Sève"]
    assert df["caption"].tolist() == ["Vos avis 💚 Zoom \ufffd", "l’été « doux »"]
    assert df["content_type"].tolist() == ["video", "image"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "encoding_double_utf8")
    # é: Réactions, Vidéos, Durée ×2, été ×2 = 6; è: Sève ×2 = 2; ’ « » 💚 🔍 = 5; 13
    assert note["message"].endswith("13 characters such as 'Ã©' read back as 'é'; 1 had lost "
                                    "a byte to that reading and was replaced by U+FFFD")


def test_a_large_file_encoded_in_utf8_twice_is_read_back(tmp_path):
    """Above 4 MB a UTF-8 file is parsed from its bytes, past the first megabyte's check: a
    file encoded twice must still be read back (its head tells), 254 reactions a post."""
    head, row = _FR_POSTS.split("\n")[0], _FR_POSTS.split("\n")[1]
    rows = [row.replace("101,", f"{100000 + i},", 1) for i in range(30000)]
    text = "\n".join([head, *rows]) + "\n"
    p = tmp_path / "facebook_posts.csv"
    p.write_bytes(text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    assert p.stat().st_size > 4 << 20
    df = read_export(p)
    assert len(df) == 30000 and (df["reactions"] == 254).all()
    assert df["account_name"].iloc[-1] == "Maison Sève"
    assert "encoding_double_utf8" in _codes(df)


def test_a_genuine_a_tilde_of_a_right_file_is_kept(tmp_path):
    """A caption that writes 'Ã' (SÃO PAULO) or even quotes a garbled 'Ã©' in a file whose
    accents are right (Réactions, Sève, été) is not taken for a file encoded twice."""
    caption = "SÃO PAULO : le mot Ã© s’écrit é"
    p = tmp_path / "facebook_posts.csv"
    p.write_text(_FR_POSTS.format(caption=caption), encoding="utf-8")
    df = read_export(p)
    assert df["caption"].tolist() == ["Vos avis 💚 Zoom 🔍", caption]
    assert df["reactions"].tolist() == [254, 83]
    assert "encoding_double_utf8" not in _codes(df)


@pytest.mark.parametrize("rename,expected", [
    (None, "though 32 of its 32 headers are those of a Meta Business Suite export, which also "
     "has 'publish time' (deleted by hand?)"),
    ("Posted on", "though 32 of its 33 headers are those of a Meta Business Suite export, "
     "which also has 'publish time' (deleted by hand?); its headers no Meta Business Suite "
     "export has: ['Posted on'] (renamed by hand, or in a language a synonyms.csv in the "
     "brand folder can add?)"),
])
def test_an_export_missing_a_column_it_needs_says_which(tmp_path, rename, expected):
    """A Meta export whose 'Publish time' column was deleted (or renamed) by hand was "not
    understood", its first six headers listed and a synonyms.csv suggested."""
    import csv
    import io

    import smmanalytics as smm

    text = (FIX / "facebook_posts_2026-11-20.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    k = rows[0].index("Publish time")
    if rename is None:
        rows = [r[:k] + r[k + 1:] for r in rows]
    else:
        rows[0][k] = rename
    p = tmp_path / "facebook_posts_2026-11-20.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    # a file not read: the export's name, and no format understands it
    with pytest.warns(smm.DataQualityWarning, match=r"^1 file could not be read .*: facebook_"
                      r"posts_2026-11-20\.csv: not understood as an export: "):
        q = smm.load(p, cache=False).quality     # besides the defaults without brand.yaml
        (note,) = q.loc[q["code"].ne("brand_defaults")].itertuples()
    assert note.code == "not_understood"
    assert note.message.endswith(expected)


_OTHER = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("other, header_line, got", [
    # its 9 '#' lines are its preamble (lines 7-15), its header on 16: shares no name with
    # Facebook's, where it failed as "line 16, column 'Publish time': … got 'Event count'"
    ("ga4/traffic_acquisition_en.csv", 16, "Session source / medium, Sessions, Engaged "
     "sessions, Engagement rate, …"),
    ("ga4/ga4_campaigns_2024style.csv", 12, "Session campaign, Date, Sessions, Engaged "
     "sessions, …"),
    # 'Title' its one name in common: "… column 'Publish time' … got 'Total shares'"
    ("tiktok/unzipped/Content.csv", 7, "Time, Video title, Video link, Post time, …"),
    ("x/account_analytics_content_2026-07-01_2026-07-31.csv", 7,
     "Post id, Date, Post text, Post Link, …"),
    ("pinterest/pinterest_pins_2026-10.csv", 7, "Pin id, Pin link, Pin created date, Title, …"),
])
def test_an_export_of_another_platform_pasted_under_the_rows_is_an_error_naming_its_start(
        tmp_path, other, header_line, got):
    # "cat facebook.csv ga4.csv > facebook_posts_….csv": header 1, the posts on 2-6 (a
    # caption of two lines), the pasted export from line 7
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_bytes((FIX / "facebook_posts_2026-11-20.csv").read_bytes()
                     + (_OTHER / other).read_bytes())
    # the pasted export starts on line 7, its '#' preamble (GA4's) if it has one: that line
    # is named, its header's line said (it named the header's, 16, below the preamble)
    reason = "a header of other columns starts rows of another export"
    if header_line != 7:
        reason += (": pasted from this line, its '#' preamble above its header on line "
                   f"{header_line}")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.reason, err.value.line, err.value.got) == (reason, 7, got)
    assert err.value.expected == ("rows of the Meta Business Suite post export "
                                  "(Facebook/Instagram) above, or its header again")


def _padded(text, width, rows):
    """``text``'s ``#`` lines (and its other lines too when ``rows``) padded with empty cells
    to ``width`` columns, as a spreadsheet saves a sheet it opened: ``# Start date: …,,,,``."""
    out = []
    for line in text.split("\n"):
        if line and (rows or line.startswith("#")):
            line += "," * (width - len(next(csv.reader([line]))))
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("rows", [False, True])
def test_a_pasted_export_whose_preamble_a_spreadsheet_padded_is_named_where_it_starts(
        tmp_path, rows):
    # GA4's '#' lines (7-15) each padded to Facebook's 33 columns ("# Start date: 20261001,,,
    # …"), its rows too or not: a preamble as the unpadded one is, its header on line 16
    ga4 = (_OTHER / "ga4" / "traffic_acquisition_en.csv").read_text(encoding="utf-8")
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_bytes((FIX / "facebook_posts_2026-11-20.csv").read_bytes()
                     + _padded(ga4, 33, rows).encode("utf-8"))
    assert path.read_text(encoding="utf-8").splitlines()[13] == "# Start date: 20261001" + "," * 32
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert (err.value.reason, err.value.line) == (
        "a header of other columns starts rows of another export: pasted from this line, its "
        "'#' preamble above its header on line 16", 7)


@pytest.mark.parametrize("pad", [0, 32])
def test_the_preamble_of_an_export_of_the_same_columns_pasted_under_the_rows_is_no_post(
        tmp_path, pad):
    # the export (header 1, four posts on 2-6, a caption of two lines), then the same export
    # pasted with '#' lines above its header (7-9, padded to 33 columns or not), its header
    # repeated on 10: the '#' lines were read as three posts with no id and no publish time
    one = (FIX / "facebook_posts_2026-11-20.csv").read_text(encoding="utf-8")
    pre = "".join(f"{line}{',' * pad}\n" for line in (
        "# Facebook posts", "# Start date: 20261101", "# End date: 20261120"))
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_text(one + pre + one, encoding="utf-8")
    df = read_export(path)
    assert len(df) == 8 and df["post_id"].notna().all()
    note = next(q for q in df.attrs["quality"] if q["code"] == "pasted_preamble_dropped")
    assert note["rows"] == 3 and "(the first at line 7)" in note["message"]
    assert "(line 10)" in next(q["message"] for q in df.attrs["quality"]
                               if q["code"] == "header_repeated")


def _pasted_follows_read(path):
    """The "Facebook follows" fixture with a second chart of it pasted under it, read: the
    fixture's 3 days (1, 2, 4 October: 3, 0, 7), then the 2 pasted (5, 6: -2, 5), the pasted
    preamble on lines 7-8 and the header on 9 noted."""
    df = read_export(path)
    assert df["date"].dt.day.tolist() == [1, 2, 4, 5, 6]
    assert df["value"].tolist() == [3, 0, 7, -2, 5]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "pasted_preamble_dropped"]
    assert note["rows"] == 2 and "(the first at line 7)" in note["message"]
    assert "(line 9)" in next(q["message"] for q in df.attrs["quality"]
                              if q["code"] == "header_repeated")
    return df


@pytest.mark.parametrize("quoted", [False, True])
def test_a_meta_chart_export_pasted_whole_under_another_is_read(tmp_path, quoted):
    """A Meta chart export (lines 1-6: sep=, title, header, 3 days) with another pasted
    under it, its preamble and all (7-9, days on 10-11): its 'sep=' line made the whole file
    fail ("cell is not a date; got 'sep='"), 5 days lost. Now 3 + 2 days, the two preamble
    lines and the header noted; the one-cell title line is no ragged row."""
    one = (FIX / "Facebook follows.csv").read_text(encoding="utf-16")
    sep = '"sep=,"' if quoted else "sep=,"     # a spreadsheet's re-save quotes it
    two = (f'{sep}\n"Facebook follows"\n"Date","Primary"\n'
           '"2026-10-05T00:00:00","-2"\n"2026-10-06T00:00:00","5"\n')
    path = tmp_path / "Facebook follows.csv"
    path.write_text(one + two, encoding="utf-16")
    df = _pasted_follows_read(path)
    assert "ragged_rows" not in _codes(df)


@pytest.mark.parametrize("quoted", [False, True])
def test_a_meta_chart_of_another_metric_pasted_under_the_rows_is_refused(tmp_path, quoted):
    """"Facebook follows" (lines 1-6: sep=, title, header, 3 days) with the "Facebook
    reach" chart pasted under it (sep= on 7, its title on 8, the same header on 9): its
    days were read as follows, with an info note only. Refused, naming the line of the
    pasted title, the file's own title and the other."""
    one = (FIX / "Facebook follows.csv").read_text(encoding="utf-16")
    sep = '"sep=,"' if quoted else "sep=,"
    two = (f'{sep}\n"Facebook reach"\n"Date","Primary"\n'
           '"2026-10-05T00:00:00","1200"\n"2026-10-06T00:00:00","950"\n')
    path = tmp_path / "Facebook follows.csv"
    path.write_text(one + two, encoding="utf-16")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert err.value.file == str(path) and err.value.line == 8
    assert "another chart" in err.value.reason and "its own file" in err.value.reason
    assert "'Facebook follows'" in err.value.expected and err.value.got == "Facebook reach"


def test_a_meta_chart_pasted_again_under_itself_is_read_whatever_the_title_s_case(tmp_path):
    """The same chart pasted again, its title re-typed ``facebook FOLLOWS `` (case and
    spaces aside, the file's own title): read as before, 3 + 1 days, the preamble noted."""
    one = (FIX / "Facebook follows.csv").read_text(encoding="utf-16")
    two = 'sep=,\n"facebook FOLLOWS "\n"Date","Primary"\n"2026-10-05T00:00:00","-2"\n'
    path = tmp_path / "Facebook follows.csv"
    path.write_text(one + two, encoding="utf-16")
    df = read_export(path)
    assert df["value"].tolist() == [3, 0, 7, -2]      # the fixture's 3 days, then the pasted
    assert "pasted_preamble_dropped" in _codes(df)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_two_meta_charts_joined_byte_for_byte_each_with_its_bom_are_read(tmp_path, encoding):
    """Two "Facebook follows" exports joined byte for byte ("copy /b a.csv+b.csv", "cat"),
    each with its own byte-order mark: the second one's 'sep=' line, read '\ufeffsep=', was no
    preamble, and the file failed on line 7 ("cell is not a date"). Now the fixture's 3 days
    (1, 2, 4 October: 3, 0, 7), then the 2 pasted ones (5, 6: -2, 5), the preamble on 7-8 and
    the header on 9 noted as without the inner BOM."""
    one = (FIX / "Facebook follows.csv").read_text(encoding="utf-16")
    two = ('sep=,\n"Facebook follows"\n"Date","Primary"\n'
           '"2026-10-05T00:00:00","-2"\n"2026-10-06T00:00:00","5"\n')
    path = tmp_path / "Facebook follows.csv"
    path.write_bytes(one.encode(encoding) + two.encode(encoding))   # each encoding adds a BOM
    _pasted_follows_read(path)


def _joined_without_sep(tmp_path, encoding, title):
    """The "Facebook follows" fixture (lines 1-6: sep=, title, header, 3 days) with a chart
    export saved without its 'sep=' line joined byte for byte under it: its title on line 7,
    behind its own BOM (which kept the reader from seeing its quotes), its header on 8, the
    days 5 and 6 October (-2, 5) on 9-10."""
    one = (FIX / "Facebook follows.csv").read_text(encoding="utf-16")
    two = (f'"{title}"\n"Date","Primary"\n'
           '"2026-10-05T00:00:00","-2"\n"2026-10-06T00:00:00","5"\n')
    path = tmp_path / "Facebook follows.csv"
    path.write_bytes(one.encode(encoding) + two.encode(encoding))   # each encoding adds a BOM
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_meta_chart_of_another_metric_joined_without_its_sep_line_is_refused(tmp_path,
                                                                                encoding):
    """The "Facebook reach" chart joined under "Facebook follows" without its 'sep=' line:
    its title line, read '\ufeff"Facebook reach"', failed as a day ("cell is not a date"),
    and no other chart was said. Refused as another chart, as with its 'sep=' line, naming
    the title's line 7 and the title without its BOM and quotes."""
    path = _joined_without_sep(tmp_path, encoding, "Facebook reach")
    with pytest.raises(ParseError) as err:
        read_export(path)
    assert err.value.line == 7 and "another chart" in err.value.reason
    assert "'Facebook follows'" in err.value.expected and err.value.got == "Facebook reach"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_the_same_meta_chart_joined_without_its_sep_line_is_read(tmp_path, encoding):
    """The same chart joined so: the fixture's 3 days then the 2 joined (3, 0, 7, -2, 5), its
    title line 7 dropped as a pasted preamble, its header on 8 as a header repeated."""
    df = read_export(_joined_without_sep(tmp_path, encoding, "Facebook follows"))
    assert df["date"].dt.day.tolist() == [1, 2, 4, 5, 6]
    assert df["value"].tolist() == [3, 0, 7, -2, 5]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "pasted_preamble_dropped"]
    assert note["rows"] == 1 and "(line 7)" in note["message"]
    assert "(line 8)" in next(q["message"] for q in df.attrs["quality"]
                              if q["code"] == "header_repeated")
    assert "ragged_rows" not in _codes(df)


def _header_words():
    from smmanalytics.loaders._headers import synonyms
    return sorted({s.header for s in synonyms() if not s.prefix})


# a file read is the cost of an example (0.12 s of CPU), its rows are not: 20 files of 1 to 10
# rows draw as many header words (20 x 5.5 rows x 5 cells, 550) as the 40 files of 1 to 5 did
# (40 x 3 x 5, 600), of the 451, at half the reads
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_posts_whose_texts_are_header_names_are_never_taken_for_a_header(data):
    # a post titled "Reach" or "Comments", of a type "Date": its id, time, link and numbers
    # are no header's, and the row is a post, in a file of rows of one width or ragged (the
    # trailing empty cells of some rows left out, as a spreadsheet may write them)
    n = data.draw(st.integers(1, 10))
    rows = _ig_rows(n, seed=data.draw(st.integers(0, 99)))
    words = st.sampled_from(_header_words())
    for r in rows:
        for col in ("Account username", "Account name", "Description", "Post type",
                    "Data comment"):
            r[col] = data.draw(words)
        r["Follows"] = r["Saves"] = ""
    cut = data.draw(st.booleans())
    lines = [_csv_line(_IG_COLS, dict(zip(_IG_COLS, _IG_COLS, strict=True)))] + [
        _csv_line(_IG_COLS, r).rstrip(",") if cut and i % 2 else _csv_line(_IG_COLS, r)
        for i, r in enumerate(rows)]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "ig_2026-12-01.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        df = read_export(path)
    assert df["post_id"].tolist() == [r["Post ID"] for r in rows]
    assert df["views"].tolist() == [int(r["Views"]) for r in rows]


def test_a_row_is_another_exports_header_only_with_several_known_names_and_no_data():
    from smmanalytics.loaders._sniff import _another_exports_header
    assert _another_exports_header(["session source / medium", "sessions", "event count"])
    assert _another_exports_header(["gender", "distribution"])        # both of two
    # a post's cells: its id, its date, its link, whatever its words
    assert not _another_exports_header(["122105551234567890", "reach", "comments", "shares"])
    assert not _another_exports_header(["reach", "comments", "10/27/2026 11:52", "shares"])
    assert not _another_exports_header(["reach", "comments", "https://x.com/a", "shares"])
    # two known names of five, or of two one
    assert not _another_exports_header(["reach", "comments", "le rituel", "du", "soir"])
    assert not _another_exports_header(["reach", "le rituel du soir"])
    assert not _another_exports_header(["reach"])


# ---------------------------------------------------------------- Italian reviewer's files

IT = Path(__file__).parent / "fixtures" / "meta_it"
#: four Facebook posts with Italian headers, and under them a row with no post id and no
#: publish time, "Totale" under 'Titolo' and the sums of the four under the metrics
TOTALE = IT / "facebook_posts_it_totale_2026-10-01_2026-10-31_2026-11-02.csv"
#: Instagram posts whose 'Copertura' and 'Visualizzazioni' are headed as a newer export might
RENAMED = IT / "instagram_posts_it_renamed_2026-10-01_2026-10-31_2026-11-02.csv"


def _totale(tmp_path, old: str = "", new: str = "", *, delim: str = ",") -> Path:
    """The Italian total file with ``old`` replaced by ``new``, re-saved with ``delim``."""
    text = TOTALE.read_text(encoding="utf-8-sig").replace(old, new) if old else \
        TOTALE.read_text(encoding="utf-8-sig")
    if delim != ",":
        import io
        rows = list(csv.reader(io.StringIO(text)))
        out = io.StringIO()
        csv.writer(out, delimiter=delim, lineterminator="\n").writerows(rows)
        text = out.getvalue()
    path = tmp_path / TOTALE.name
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_a_total_row_labelled_in_another_column_than_the_first_is_no_post():
    """The reviewer's file: 'Totale' under 'Titolo', the id and the publish time empty. It was
    read as a fifth post (twice the interactions), with warnings of a post without a time and
    a row without an id; it is dropped, and the note says which line and why."""
    df = read_export(TOTALE)
    assert df["post_id"].tolist() == [f"123456789010000{i}" for i in range(4)]
    assert df["interactions"].sum() == 484 and df["views"].sum() == 14340
    note = _note(df, "summary_row_dropped")
    assert note["rows"] == 1 and note["level"] == "info"
    assert "line 6: its cell 'Totale', in column 'Titolo', says it is a total" in \
        note["message"]
    assert not {"missing_publish_time", "post_id_missing"} & _codes(df)


@pytest.mark.parametrize("delim,total", [(",", "14340"), (";", "14.340")])
def test_a_total_row_without_a_label_is_no_post_when_its_numbers_are_the_sums(
        tmp_path, delim, total):
    """No word says it is a total, but each of its numbers is the sum of the rows above
    (an Italian spreadsheet's re-save writes 14.340 for 14340)."""
    path = _totale(tmp_path, ",,,Totale,,,,,,,14340,", f",,,,,,,,,,{total},", delim=delim)
    df = read_export(path)
    assert len(df) == 4 and df["interactions"].sum() == 484
    message = _note(df, "summary_row_dropped")["message"]
    assert "line 6: its numbers ('Visualizzazioni', 'Copertura', 'Reazioni, commenti e " \
        "condivisioni' and 3 other columns) are the sums of the rows above" in message
    assert not {"missing_publish_time", "post_id_missing"} & _codes(df)


def test_a_row_without_an_id_that_is_no_total_stays_a_post(tmp_path):
    """Neither a word nor sums (one of its numbers is not the sum): the row stays, with the
    warnings of a post without an id and a publish time, as before."""
    path = _totale(tmp_path, ",,,Totale,,,,,,,14340,", ",,,Un post,,,,,,,14341,")
    df = read_export(path)
    assert len(df) == 5 and df["post_id"].isna().sum() == 1
    assert {"missing_publish_time", "post_id_missing"} <= _codes(df)
    assert "summary_row_dropped" not in _codes(df)


def test_a_subtotal_among_the_posts_is_dropped_and_later_lines_keep_their_number(tmp_path):
    """A subtotal of the first two posts between them and the others, no label, a caption
    of two lines above it: dropped, named by its own line; an error further down still
    names its own line."""
    rows = TOTALE.read_text(encoding="utf-8-sig").splitlines()
    header, posts = rows[0], rows[1:5]
    posts[0] = posts[0].replace('"Nuova crema, spedizione gratuita"',
                                '"Nuova crema,\nspedizione gratuita"')
    sub = ",,,,,,,,,,6353,4860,162,127,17,18"          # the sums of the first two posts
    then = ",,,,,,,,,,7987,6080,322,264,37,21"         # of the two after them
    path = tmp_path / TOTALE.name
    path.write_text("\n".join([header, *posts[:2], sub, *posts[2:], then]) + "\n",
                    encoding="utf-8-sig")
    df = read_export(path)
    assert len(df) == 4 and df["views"].sum() == 14340
    note = _note(df, "summary_row_dropped")
    assert note["rows"] == 2 and note["message"].startswith("2 rows with no post id")
    # header 1, posts 2-3 (on 3 lines), subtotal 5, posts 6-7, subtotal 8
    assert "line 5: its numbers" in note["message"] and "; line 8: its numbers" in \
        note["message"]
    bad = posts[3].replace("10/05/2026 12:30", "31/31/2026 25:99")
    path.write_text("\n".join([header, *posts[:2], sub, posts[2], bad]) + "\n",
                    encoding="utf-8-sig")
    err = _bad_date_error(path)
    assert err.line == 7


def test_a_renamed_reach_column_is_a_warning_that_says_how_to_read_it():
    """'Copertura' headed 'Account raggiunti' and 'Visualizzazioni' 'Visualizzazioni
    totali': reach and views were left empty with an info note of 6 columns not used; a
    warning names the file, the metrics, the columns and the synonyms.csv rows to write."""
    df = read_export(RENAMED)
    assert df["reach"].isna().all() and df["views"].isna().all()
    note = _note(df, "expected_metric_missing")
    assert note["level"] == "warning"
    message = note["message"]
    assert message.startswith("no column of views or impressions ('visualizzazioni' or "
                              "'impression' in Italian exports), nor of reach ('copertura' in "
                              f"Italian exports) in {RENAMED.name}, which every Meta Business "
                              "Suite export of this kind has")
    assert "'Visualizzazioni totali', 'Account raggiunti'" in message
    assert "family,canonical,lang,header: meta,views,it,<its header>; meta,reach,it," in message
    assert "extra_columns" not in _codes(df)     # the warning names the columns not used
    # one warning, for both metrics
    assert [q["code"] for q in df.attrs["quality"]].count("expected_metric_missing") == 1


def test_exports_that_lack_no_expected_metric_say_nothing_of_it():
    """A story has no comments and no saves, a Facebook post no saves, a pre-2025 export
    impressions instead of views, a legacy export its likes on a sheet of their own: none
    lacks a metric its kind of export carries."""
    for path in sorted(FIX.iterdir()):
        for df in read_file(path):
            assert "expected_metric_missing" not in _codes(df), path.name


_ES_POSTS = ("identificador de la publicación,Nombre de usuario de la cuenta,Descripción,"
             "Hora de publicación,enlace permanente,Tipo de publicación,Visualizaciones,"
             "Alcance,Me gusta,Comentarios,Veces que se ha compartido{saves}\n")


@pytest.mark.parametrize("name,saves,platform", [
    # Instagram's saves say it, where its username header is not known in Spanish
    ("export_2026-11-01_2026-11-30.csv", ",Veces guardado", "instagram"),
    # no header says: the file's name does
    ("instagram_posts_2026-11-01_2026-11-30.csv", "", "instagram"),
    ("facebook_posts_2026-11-01_2026-11-30.csv", "", "facebook"),
    # nothing says: nobody's (it was Facebook's, whose November then read 0 posts)
    ("export_2026-11-01_2026-11-30.csv", "", None),
])
def test_a_posts_export_without_rows_is_of_the_platform_its_headers_or_name_say(
        tmp_path, name, saves, platform):
    path = tmp_path / name
    path.write_text(_ES_POSTS.format(saves=saves), encoding="utf-8")
    (df,) = read_file(path)
    assert len(df) == 0 and df.attrs["platform"] == platform


@pytest.mark.parametrize("label", ["TOTALE:", "Totale :", "Grand total:"])
def test_a_total_row_labelled_with_a_colon_in_the_id_column_is_no_post(tmp_path, label):
    """A total under the posts whose label, with a colon, stands in the id column: the row
    has a key, so it is the parsers' rule that drops it (one rule of a cell that says
    "Total" for every search, ``_cells.summary_cells``). It was read as a fifth post without
    a publish time, doubling every figure."""
    path = _totale(tmp_path, ",,,Totale,", f"{label},,,,")
    df = read_export(path)
    assert len(df) == 4 and df["interactions"].sum() == 484 and df["views"].sum() == 14340
    note = _note(df, "summary_row_dropped")
    assert note["rows"] == 1 and note["level"] == "info"
    assert "missing_publish_time" not in _codes(df)


@pytest.mark.parametrize("cell,rolled", [("02/29/2025 10:00", "2025-03-01"),
                                         ("04/31/2026 10:00", "2026-05-01"),
                                         ("2/31/2024 9:05", "2024-03-02")])
def test_a_publish_time_on_a_day_its_month_lacks_is_refused_not_rolled_over(tmp_path, cell,
                                                                            rolled):
    """29 February 2025 and 31 April do not exist: the fast parser read them as 1 March and
    1 May, silently moving a post to another month. The cell is named instead, with the day it
    would have become (2025 is no leap year: 29 Feb → 1 Mar; 2024 is: 31 Feb → 2 Mar)."""
    rows = _ig_rows(4, seed=11)
    rows[2]["Publish time"] = cell
    path = tmp_path / "instagram_posts.csv"
    _write(path, _IG_COLS, rows)
    with pytest.raises(ParseError, match="impossible calendar date") as err:
        read_export(path)
    assert err.value.line == 4 and err.value.column == "Publish time"
    assert err.value.got == cell and rolled in err.value.expected


def test_real_first_days_of_months_are_read_as_written(tmp_path):
    """The check for rolled-over days reads again the days a roll-over lands on (1 March,
    1 May…): written ones, unpadded or not, stay as they are."""
    rows = _ig_rows(3, seed=12)
    for row, cell in zip(rows, ("3/1/2025 10:00", "03/03/2024 00:00", "12/01/2025 23:59"),
                         strict=True):
        row["Publish time"] = cell
    path = tmp_path / "instagram_posts.csv"
    _write(path, _IG_COLS, rows)
    got = read_export(path)["published_at"].dt.tz_convert("America/Los_Angeles")
    assert sorted(got.dt.strftime("%Y-%m-%d %H:%M")) == [
        "2024-03-03 00:00", "2025-03-01 10:00", "2025-12-01 23:59"]


def _shortcode_at(t: str) -> str:
    """The Instagram shortcode whose media id encodes the time ``t`` (UTC): the id is the
    milliseconds since Instagram's epoch (1314220021721 ms) shifted left 23 bits, written in
    11 digits of the URL-safe base 64 alphabet (the inverse of instagram_shortcode_time)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    pk = (pd.Timestamp(t).value // 1_000_000 - 1314220021721) << 23
    return "".join(alphabet[(pk >> (6 * k)) & 63] for k in range(10, -1, -1))


def test_the_repeated_hour_note_says_which_occurrence_the_shortcode_gave(tmp_path):
    """Three Instagram posts published at 01:30 on 1 November 2026, the wall time Los Angeles
    lives twice (01:30 PDT = 08:30 UTC, then 01:30 PST = 09:30 UTC). The export's time is read
    at the first; the shortcode of the second post gives the second, which is kept. The note
    said all three were taken at the first occurrence (PDT)."""
    rows = _ig_rows(3, seed=1)
    codes = [_shortcode_at("2026-11-01 08:30:20"),      # first occurrence, 01:30:20 PDT
             _shortcode_at("2026-11-01 09:30:40"),      # second occurrence, 01:30:40 PST
             "A" * 12]                                  # too long to decode: the export's
    for r, code in zip(rows, codes, strict=True):
        r["Publish time"] = "11/01/2026 01:30"
        r["Permalink"] = f"https://www.instagram.com/p/{code}/"
    path = tmp_path / "instagram_posts.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert df["published_at"].tolist() == [pd.Timestamp("2026-11-01 08:30:20", tz=UTC),
                                           pd.Timestamp("2026-11-01 09:30:40", tz=UTC),
                                           pd.Timestamp("2026-11-01 08:30", tz=UTC)]
    note = next(q for q in df.attrs["quality"] if q["code"] == "dst_ambiguous")
    assert note["rows"] == 3
    assert note["message"].endswith("3 publish times fall in the repeated autumn hour of "
                                     "America/Los_Angeles; 2 were taken at the first "
                                     "occurrence (PDT), 1 at the second (PST), which the time "
                                     "decoded from its Instagram shortcode gives")
    # the second post alone: the note says the second occurrence, of one time
    _write(path, _IG_COLS, rows[1:2])
    note = next(q for q in read_export(path).attrs["quality"] if q["code"] == "dst_ambiguous")
    assert note["message"].endswith("1 publish time falls in the repeated autumn hour of "
                                     "America/Los_Angeles; the second occurrence (PST) was "
                                     "taken, which the time decoded from its Instagram "
                                     "shortcode gives") and note["rows"] == 1
    # one of each: "1 were taken" read the one as a plural
    _write(path, _IG_COLS, rows[1:])
    note = next(q for q in read_export(path).attrs["quality"] if q["code"] == "dst_ambiguous")
    assert note["message"].endswith("2 publish times fall in the repeated autumn hour of "
                                     "America/Los_Angeles; 1 was taken at the first "
                                     "occurrence (PDT), 1 at the second (PST), which the time "
                                     "decoded from its Instagram shortcode gives")


_SAMPLE = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"


def _sample_rows(name, n, drop):
    """The header and first ``n`` posts of the sample export ``name``, without the column
    ``drop`` (None: all), written back as Meta writes them."""
    rows = list(csv.reader((_SAMPLE / name).read_text(encoding="utf-8-sig").splitlines(
        keepends=True)))
    rows = [rows[0]] + [r for r in rows[1:] if r][:n]
    if drop is not None:
        i = rows[0].index(drop)
        rows = [r[:i] + r[i + 1:] for r in rows]
    return rows


def _sample_copy(tmp_path, name, n, drop, blank=None):
    """The sample's export ``name`` cut to its first ``n`` posts, without the column ``drop``
    and with the column ``blank`` emptied (None: neither), written as Meta writes it."""
    rows = _sample_rows(name, n, drop)
    if blank is not None:
        i = rows[0].index(blank)
        rows = [rows[0]] + [r[:i] + [""] + r[i + 1:] for r in rows[1:]]
    path = tmp_path / name
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    return path


@pytest.mark.parametrize("drop,blank", [(None, None), ("Réactions", None),
                                        (None, "Réactions")])
def test_a_facebook_export_without_its_reactions_takes_its_interactions_from_its_total(
        tmp_path, drop, blank):
    """A Facebook export copied without its ``Réactions`` column had its interactions summed
    from comments and shares alone, 7 times too low (the sample's October: 172 for 1239); then
    none at all (NaN, with its rates), though the export's ``Réactions, commentaires et
    partages`` is by Meta's definition reactions + comments + shares: the posts'
    interactions are that column's, the reactions stay empty, and the notes say so. The same
    for the column there but emptied by a spreadsheet.

    The sample's first 3 October posts (file order), by hand:
    reactions 46 + 92 + 55, comments 3 + 4 + 7, shares 2 + 10 + 6: interactions 51, 106, 68
    = 225, as its total column says (51, 106, 68); reach 966 + 3307 + 1837 = 6110, views
    1207 + 4204 + 2273 = 7684: er_reach_pooled 225 / 6110 = 0.03682, er_views_pooled
    225 / 7684 = 0.02928. Without reactions it read 5 + 14 + 13 = 32 (32 / 6110 = 0.0052)."""
    path = _sample_copy(tmp_path, "facebook_posts_2025-10-01_2025-10-31_2025-11-02.csv", 3,
                        drop, blank)
    ds = load(path)
    e = engagement(ds, by="platform").iloc[0]
    assert e["posts"] == 3
    assert sorted(ds.posts["platform_engagements"].tolist()) == [51, 68, 106]
    assert sorted(ds.posts["interactions"].tolist()) == [51, 68, 106]
    assert e["interactions"] == 225
    assert e["er_reach_pooled"] == pytest.approx(225 / 6110)
    assert e["er_views_pooled"] == pytest.approx(225 / 7684)
    codes = set(ds.quality["code"])
    assert "interactions_unknown" not in codes and "component_blank" not in codes
    if drop is None and blank is None:
        assert sorted(ds.posts["reactions"].tolist()) == [46, 55, 92]
        assert "expected_metric_missing" not in codes
        assert "interactions_from_total" not in codes
        return
    assert ds.posts["reactions"].isna().all()      # not invented
    (note,) = ds.quality.loc[ds.quality["code"] == "interactions_from_total"].itertuples()
    assert (note.level, note.rows) == ("warning", 3)
    assert note.message == (
        "3 facebook posts have no reactions (no column, or blank): their interactions were "
        "taken from the export's total column 'Reactions, Comments and Shares', which is by "
        "definition reactions + comments + shares (the reactions stay empty)")
    if drop is not None:
        ((warning, facts),) = ds.quality.loc[ds.quality["code"] == "expected_metric_missing",
                                             ["message", "missing_metrics"]].itertuples(
                                                 index=False)
        # the facts the report words the row from say it too (not read back from the text):
        # the reactions (or likes) missing, their interactions from the total, no column left
        assert facts == MissingMetrics((("reactions", "likes"),), from_total=True,
                                       all_read=True)
        # it said the rates built on the reactions were left empty too, though they were
        # computed from the total: the warning now says what was done instead
        assert ("this metric is left empty; the interactions of the 3 facebook posts were "
                "taken from the export's total column 'Reactions, Comments and Shares' (by "
                "definition their sum), and the rates use them; ") in warning
        assert "rates built on" not in warning
    else:
        assert "expected_metric_missing" not in codes


def test_an_instagram_export_without_its_saves_column_has_no_interactions(tmp_path):
    """An Instagram export without ``Saves`` (every Instagram post export has them) summed
    likes, comments and shares: the sample's first 2 posts read 323 + 17 + 14 = 354 and
    192 + 16 + 8 = 216, not 382 and 241 (+ 28 and 25 saves). Their interactions are
    unknown; a Facebook export, which never has saves, keeps its sums (test above)."""
    rows = _sample_rows("instagram_posts_2025-09-01_2025-11-30_2025-12-08.csv", 2, "Saves")
    path = tmp_path / "instagram_posts_2025-09-01_2025-11-30_2025-12-08.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    df = read_export(path)
    assert df["reactions"].tolist() == [323, 192] and df["comments"].tolist() == [17, 16]
    assert df["interactions"].isna().all()
    # an Instagram post export gives no total of its interactions to take them from: the
    # rates built on the saves are empty, as the warning says
    (warning,) = [q["message"] for q in df.attrs["quality"]
                  if q["code"] == "expected_metric_missing"]
    assert "this metric is left empty, and the rates built on it; " in warning
    assert "interactions_from_total" not in _codes(df)


def test_an_instagram_export_whose_saves_are_all_blank_says_its_interactions_are_unknown(
        tmp_path):
    """The same export with its ``Saves`` column there but blank on every post (emptied by a
    spreadsheet) also has its interactions unknown, and no note said why: the column is
    there, so nothing was missing. A warning names the blank saves and the 2 posts."""
    rows = _sample_rows("instagram_posts_2025-09-01_2025-11-30_2025-12-08.csv", 2, None)
    i = rows[0].index("Saves")
    rows = [rows[0]] + [r[:i] + [""] + r[i + 1:] for r in rows[1:]]
    path = tmp_path / "instagram_posts_2025-09-01_2025-11-30_2025-12-08.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    df = read_export(path)
    assert df["reactions"].tolist() == [323, 192] and df["saves"].isna().all()
    assert df["interactions"].isna().all()
    note = [q for q in df.attrs["quality"] if q["code"] == "component_blank"]
    assert [(q["level"], q["message"]) for q in note] == [(
        "warning", "the saves of the 2 instagram posts are blank, though its exports give "
        "them: their interactions are unknown (NaN, left out of the rates)")]


def test_meta_daily_with_a_comma_at_the_end_of_every_line_keeps_its_days(tmp_path):
    """A Meta daily series re-saved with a ',' at the end of every line (headers ``Date``,
    ``Primary`` and a third without a name, empty on every row) matched no format: 0 days
    read, ``not_understood``, the whole file lost. The empty unnamed column is ignored and
    said so; the 2 days keep their values (4 and 5 follows, as written)."""
    path = tmp_path / "instagram_follows_2026-11-01.csv"
    path.write_text('sep=,\n"Instagram follows"\n"Date","Primary",\n'
                    '"2026-10-01T00:00:00","4",\n"2026-10-02T00:00:00","5",\n',
                    encoding="utf-8")
    df = read_export(path)
    assert df.attrs["source_format"] == "meta_daily"
    assert df["date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-02")]
    assert df["value"].tolist() == [4, 5]
    note = next(q for q in df.attrs["quality"] if q["code"] == "empty_columns_ignored")
    assert note["level"] == "info" and "after 'Primary'" in note["message"]


def test_an_unnamed_column_holding_a_value_is_not_ignored(tmp_path):
    """A column without a name that holds a value on some row is data no format knows: it is
    not dropped silently (the series stays not understood rather than read without it)."""
    path = tmp_path / "instagram_follows_2026-11-01.csv"
    path.write_text('sep=,\n"Instagram follows"\n"Date","Primary",\n'
                    '"2026-10-01T00:00:00","4",\n"2026-10-02T00:00:00","5","7"\n',
                    encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="matches no known export format"):
        read_export(path)


def test_a_number_cell_written_nan_is_noted_as_a_placeholder(tmp_path):
    """A spreadsheet that writes a missing number as the text 'nan' had the cell read as
    missing, as 'N/A' is, but without the note 'N/A' gets: the post's views looked like the
    export's own. The 1 'nan' cell (Views of the first post) is counted; the empty 'Views'
    cell of the second is no placeholder: 1 cell, not 2."""
    rows = _ig_rows(3, seed=10)
    rows[0]["Views"], rows[1]["Views"] = "nan", ""
    path = tmp_path / "ig_2026-12-01.csv"
    _write(path, _IG_COLS, rows)
    df = read_export(path)
    assert df["views"].isna().tolist() == [True, True, False]
    note = next(q for q in df.attrs["quality"] if q["code"] == "placeholder_cells")
    assert note["rows"] == 1 and "'nan'" in note["message"] and "'Views'" in note["message"]


def test_a_header_written_twice_in_a_facebook_export_is_warned_of(tmp_path):
    """A Facebook post export whose 'Reactions, Comments and Shares' header was overwritten
    with 'Date' (so 'Date' twice, columns 17 and 20) had its platform_engagements all empty
    and no note. A warning names the header, both columns and the file; the posts' own
    reactions are read as in the file as exported."""
    text = (FIX / "facebook_posts_2026-11-20.csv").read_text(encoding="utf-8-sig")
    assert text.count('"Reactions, Comments and Shares"') == 1
    path = tmp_path / "facebook_posts_2026-11-20.csv"
    path.write_text(text.replace('"Reactions, Comments and Shares"', "Date", 1),
                    encoding="utf-8-sig")
    df = read_export(path)
    assert df["platform_engagements"].isna().all()
    assert df["reactions"].tolist() == read_export(
        FIX / "facebook_posts_2026-11-20.csv")["reactions"].tolist()
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "columns_conflict"]
    assert note["level"] == "warning" and note["message"].startswith(
        f"header 'Date' heads 2 columns (column 17, column 20) of {path.name}: ")


def test_in_repeated_hour_only_the_first_occurrence_of_the_autumn_hour():
    """Every minute of 2025 (and a missing time): only 08:00-08:59 UTC on 2 November, 01:00-
    01:59 PDT, reads the same on the wall clock an hour later (America/Los_Angeles falls
    back from 02:00 PDT to 01:00 PST at 09:00 UTC); the spring change repeats nothing."""
    from smmanalytics.loaders.meta import _in_repeated_hour

    minutes = pd.Series(pd.date_range("2025-01-01", "2026-01-01", freq="min", tz="UTC",
                                      inclusive="left"))
    times = pd.concat([minutes, pd.Series([pd.NaT], dtype=minutes.dtype)], ignore_index=True)
    got = _in_repeated_hour(times)
    assert got.dtype == bool and got.index.equals(times.index)
    assert times[got].tolist() == list(pd.date_range("2025-11-02 08:00", periods=60,
                                                     freq="min", tz="UTC"))


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["2024-03-09", "2024-11-02", "2025-11-01", "2026-03-07"]),
       st.lists(st.integers(0, 3 * 24 * 60 - 1) | st.none(), max_size=40))
def test_in_repeated_hour_is_the_wall_clock_comparison(start, minutes):
    """Looking only near the zone's changes gives what converting every time gives: times
    drawn over three days around a change, among a time every 20 minutes of those days (more
    times than hours, so that the hours near the change are looked up)."""
    from smmanalytics.loaders._dates import META_TZ
    from smmanalytics.loaders.meta import _in_repeated_hour

    base = pd.Timestamp(start, tz="UTC")
    grid = [base + pd.Timedelta(minutes=m) for m in range(0, 3 * 24 * 60, 20)]
    drawn = [pd.NaT if m is None else base + pd.Timedelta(minutes=m) for m in minutes]
    utc = pd.Series(drawn + grid, dtype="datetime64[ns, UTC]")
    local = utc.dt.tz_convert(META_TZ).dt.tz_localize(None)
    later = (utc + pd.Timedelta(hours=1)).dt.tz_convert(META_TZ).dt.tz_localize(None)
    want = (local == later).fillna(False).astype(bool)
    pd.testing.assert_series_equal(_in_repeated_hour(utc), want)


def test_content_type_categories_made_from_the_names_used():
    """The content types are made as the canonical ``category`` column from the few type
    names, not cast from a million cells: the names the rows use (``photo``, ``reel``,
    ``video``; ``other`` is unused, None is missing), sorted, as ``string`` categories."""
    from smmanalytics.loaders.meta import _categorical

    got = _categorical(["photo", "video", "other", None, "reel"], np.array([1, 4, 3, 1, 0]))
    # codes into the sorted used names [photo, reel, video]: video 2, reel 1, None -1, photo 0
    assert got.codes.tolist() == [2, 1, -1, 2, 0]
    assert list(got.categories) == ["photo", "reel", "video"]


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.one_of(st.none(), st.sampled_from(["image", "reel", "video", "link",
                                                             "other", "story"])),
                      min_size=1, max_size=6),
       picks=st.lists(st.integers(0, 5), max_size=30))
def test_content_type_categories_as_conform_casts_them(names, picks):
    """Whatever the names and rows, the column is the one ``schema.conform`` made by casting
    the text to ``category`` (the same categories, their dtype, codes and missing rows)."""
    from smmanalytics.loaders.meta import _categorical

    rows = np.array([p % len(names) for p in picks], dtype=np.intp)
    text = pd.Series([names[r] for r in rows], dtype="string")
    pd.testing.assert_series_equal(pd.Series(_categorical(names, rows)),
                                   text.astype("category"), check_exact=True)
