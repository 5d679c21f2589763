"""TikTok Studio exports: zipped and unzipped fixtures with hand-computed values."""

from __future__ import annotations

import io
import os
import struct
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from smmanalytics.errors import ParseError, SmmError
from smmanalytics.loaders import read_file
from smmanalytics.loaders._cells import SPREADSHEET_ERRORS
from smmanalytics.schema import validate

from ._helpers import _codes
from ._zips import damaged

FIX = Path(__file__).parent / "fixtures" / "tiktok"
UNZ = FIX / "unzipped"
OVERVIEW = FIX / "Overview_2026-09-25_1790891174_maisonseve.zip"
DAYS = [f"09-{d}" for d in range(25, 31)] + ["10-01"]
MONTHS = "January February March April May June July August September October November " \
         "December".split()


def _by_format(path):
    return {d.attrs["source_format"]: d for d in read_file(path)}


def _series(df, metric):
    sub = df[df["metric"] == metric].sort_values(["date", "hour"])
    return sub["value"].tolist()


@pytest.fixture
def unzipped(tmp_path):
    """The unzipped files, modification time 2026-10-02 09:00 UTC (the download)."""
    out = tmp_path / "export"
    out.mkdir()
    for f in UNZ.iterdir():
        (out / f.name).write_bytes(f.read_bytes())
        os.utime(out / f.name, (1790931600, 1790931600))      # 2026-10-02 09:00:00 UTC
    return out


def test_overview_zip():
    df = _by_format(OVERVIEW)["tiktok_overview"]
    validate(df, "daily")
    assert df["account_id"].unique().tolist() == ["maisonseve"]
    # "September 25" … "October 1", year from the epoch 1790891174 = 2026-10-01 21:46:14 UTC
    assert df["date"].dt.strftime("%m-%d").unique().tolist() == DAYS
    assert df["date"].dt.year.unique().tolist() == [2026]
    assert _series(df, "views") == [118, 201, 1, 2, 6, 834, 914]
    assert _series(df, "reactions")[-1] == 70
    assert sum(_series(df, "profile_visits")) == 0 + 3 + 0 + 1 + 0 + 12 + 9
    assert set(df["metric"]) == {"views", "profile_visits", "reactions", "comments", "shares"}
    assert (df["snapshot_at"] == pd.Timestamp("2026-10-01 21:46:14", tz="UTC")).all()
    assert {"year_inferred", "tz_assumed_utc"} <= _codes(df)


def test_followers_zip():
    frames = _by_format(FIX / "Followers_maisonseve.zip")
    hist = frames["tiktok_follower_history"]
    assert _series(hist, "followers_total") == [120, 120, 121, 121, 123, 130, 134]
    net = _series(hist, "net_follows")
    assert pd.isna(net[0]) and net[1:] == [0, 1, 0, 2, 7, 4]   # first day: no previous day
    assert "first_difference_unknown" in _codes(hist)
    act = frames["tiktok_follower_activity"]
    validate(act, "daily")
    assert len(act) == 7 * 24 and act["metric"].unique().tolist() == ["online_followers"]
    assert sorted(act["hour"].unique().tolist()) == list(range(24))
    # active(d, h) = 50 + d + (h if h <= 20 else 40 - h)
    cell = act[(act["date"] == "2026-09-27") & (act["hour"] == 22)]["value"].item()
    assert cell == 50 + 2 + (40 - 22)
    assert act[(act["date"] == "2026-10-01") & (act["hour"] == 20)]["value"].item() == 76
    gender = frames["tiktok_follower_gender"]
    validate(gender, "audience")
    assert gender[["dimension", "category"]].values.tolist() == [
        ["gender", "Female"], ["gender", "Male"], ["gender", "Other"]]
    assert gender["share"].tolist() == [0.59, 0.38, 0.03] and gender["value"].isna().all()
    terr = frames["tiktok_follower_territories"]
    assert terr["category"].tolist() == ["FR", "BE", "CA", "CH", "US"]
    assert terr["dimension"].unique().tolist() == ["country"]
    assert terr["share"].sum().round(12) == 0.95        # 0.71+0.09+0.08+0.05+0.02
    # the zip was built 2026-10-02 08:15 (a zip time without zone: taken as UTC, said)
    assert (hist["snapshot_at"] == pd.Timestamp("2026-10-02 08:15", tz="UTC")).all()
    note = next(q for q in hist.attrs["quality"] if q["code"] == "zip_time_zone_unknown")
    assert note["level"] == "info" and "2026-10-02 08:15" in note["message"]


def test_viewers_xlsx_every_cell_text():
    df = _by_format(FIX / "Viewers_maisonseve.zip")["tiktok_viewers"]
    viewers = _series(df, "viewers")
    assert pd.isna(viewers[0])                          # "undefined", not 0
    assert viewers[1:] == [150, 12, 9, 20, 610, 702]
    assert _series(df, "new_viewers")[0] == 80
    assert _series(df, "returning_viewers")[-1] == 112
    assert "undefined_cells" in _codes(df)


def test_content_zip_with_broken_row():
    df = _by_format(FIX / "Content_maisonseve.zip")["tiktok_content"]
    validate(df, "posts")
    assert df["post_id"].tolist() == ["7691370353866856056", "7689905954702513784",
                                      "7684555482013652600"]
    # id >> 32: 7691370353866856056 >> 32 = 1790786710 = 2026-09-30 16:45:10 UTC
    assert df["published_at"].tolist() == [pd.Timestamp("2026-09-30 16:45:10", tz="UTC"),
                                           pd.Timestamp("2026-09-26 18:02:33", tz="UTC"),
                                           pd.Timestamp("2026-09-12 07:59:59", tz="UTC")]
    assert df["time_source"].astype(str).unique().tolist() == ["decoded_id"]
    assert df["time_precision"].astype(str).unique().tolist() == ["second"]
    # the row split by an unquoted comma is joined back on the video link
    assert df["caption"][1] == "Automne, récolte, la sève monte"
    assert df["views"].tolist() == [1748, 203, 560]
    assert df["reactions"].tolist() == [140, 15, 33]
    assert df["comments"].tolist() == [12, 1, 4]
    assert df["shares"].tolist() == [5, 0, 2]
    assert df["interactions"].tolist() == [157, 16, 39]     # 140+12+5, 15+1+0, 33+4+2
    assert df["saves"].isna().all() and df["impressions"].isna().all()
    assert df["content_type"].astype(str).unique().tolist() == ["video"]
    assert df["account_id"].unique().tolist() == ["maisonseve"]
    # Time "October 1" → totals as of the end of 2026-10-01
    assert (df["snapshot_at"] == pd.Timestamp("2026-10-02", tz="UTC")).all()
    assert {"row_repaired", "snapshot_from_time"} <= _codes(df)


def test_unzipped_files_read_the_same(unzipped):
    pairs = [("Overview.csv", OVERVIEW, "tiktok_overview"),
             ("Content.csv", FIX / "Content_maisonseve.zip", "tiktok_content"),
             ("FollowerHistory.csv", FIX / "Followers_maisonseve.zip", "tiktok_follower_history"),
             ("Viewers.xlsx", FIX / "Viewers_maisonseve.zip", "tiktok_viewers")]
    for name, zipped, fmt in pairs:
        a = _by_format(unzipped / name)[fmt]
        b = _by_format(zipped)[fmt]
        cols = ["date", "hour", "metric", "value"] if "date" in a.columns else [
            "post_id", "published_at", "caption", "views", "reactions", "comments", "shares"]
        pd.testing.assert_frame_equal(a[cols], b[cols])
        if fmt != "tiktok_content":
            assert a["account_id"].isna().all()        # the handle is only in the zip name
            assert "year_reference_mtime" in _codes(a)
        else:                                          # and in the video links
            assert a["account_id"].unique().tolist() == ["maisonseve"]
            assert "account_from_links" in _codes(a)


def test_year_boundary_from_mtime(tmp_path):
    text = ('"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
            '"December 30","5","0","1","0","0"\n"December 31","6","0","1","0","0"\n'
            '"January 1","7","0","1","0","0"')
    path = tmp_path / "Overview.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    os.utime(path, (1798848000, 1798848000))                    # 2027-01-02 00:00 UTC
    df = read_file(path)[0]
    assert df[df["metric"] == "views"]["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-12-30", "2026-12-31", "2027-01-01"]


@pytest.mark.parametrize("name", ["Overview 2.csv", "Overview-2.csv"])
def test_a_second_download_of_overview_without_brackets_is_read(tmp_path, name):
    """A browser's second 'Overview.csv' named 'Overview 2.csv' (or '-2'): TikTok's name for
    the file once the number is taken off; the 'Date,Video Views' headers alone (no profile
    views) are read as Overview's only under that name. Views 5 and 6 as written."""
    text = '"Date","Video Views","Likes"\n"December 30","5","1"\n"December 31","6","1"'
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    os.utime(path, (1798848000, 1798848000))                    # 2027-01-02 00:00 UTC
    (df,) = read_file(path)
    assert df.attrs["source_format"] == "tiktok_overview"
    assert df[df["metric"] == "views"]["value"].tolist() == [5, 6]


def _content_zip(tmp_path, rows, header=None, method=zipfile.ZIP_STORED,
                 when=(2026, 10, 2, 8, 0, 0)):
    header = header or ["Time", "Video title", "Video link", "Post time", "Total likes",
                        "Total comments", "Total shares", "Total views"]
    text = "\n".join(",".join(f'"{f}"' for f in r) for r in [header, *rows])
    path = tmp_path / "Content_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("Content.csv", date_time=when)
        info.compress_type = method
        z.writestr(info, b"\xef\xbb\xbf" + text.encode())
    return path


def _vid(seconds, low=1):
    return f"https://www.tiktok.com/@someone/video/{(seconds << 32) + low}"


def test_bookmarks_and_scheduled_post(tmp_path):
    header = ["Time", "Video title", "Video link", "Post time", "Total likes",
              "Total comments", "Total shares", "Total views", "Total bookmarks"]
    rows = [["October 1", "a", _vid(1790786710), "September 30", "1.2K", "3", "1", "18,400",
             "7"],
            # uploaded 2026-09-20 but posted September 28: scheduled → day kept
            ["October 1", "b", _vid(1789905600), "September 28", "1", "0", "0", "10",
             "undefined"]]
    df = read_file(_content_zip(tmp_path, rows, header, method=zipfile.ZIP_DEFLATED))[0]
    assert df["reactions"].tolist() == [1200, 1]                  # "1.2K"
    assert df["views"].tolist() == [18400, 10]                   # "18,400"
    assert df["saves"][0] == 7 and pd.isna(df["saves"][1])
    assert df["published_at"][1] == pd.Timestamp("2026-09-28", tz="UTC")
    assert df["time_source"].astype(str).tolist() == ["decoded_id", "inferred_year"]
    assert df["time_precision"].astype(str).tolist() == ["second", "day"]
    # interactions include saves where exported: 1200+3+1+7; the second video's bookmarks
    # are 'undefined' while the file gives the first's: its interactions are unknown
    assert df["interactions"][0] == 1211 and pd.isna(df["interactions"][1])
    assert {"scheduled_post", "undefined_cells"} <= _codes(df)


def test_content_days_without_a_year_are_one_note_each_row_once(tmp_path):
    """'Time' and 'Post time' both lack a year: a note each, of 119 rows each for the
    sample's Content.csv, which the data-quality table added up to 238 rows for a file of
    119. One note naming both columns, each day the reference its years were taken from
    (the zip's 2 October 2026 for 'Time', the totals' 1 October for 'Post time'), and the 2
    rows once."""
    rows = [["October 1", "a", _vid(1790786710), "September 30", "1", "0", "0", "10"],
            ["October 1", "b", _vid(1789905600), "September 28", "1", "0", "0", "10"]]
    df = read_file(_content_zip(tmp_path, rows))[0]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "year_inferred"]
    assert note["rows"] == 2
    assert note["message"] == ("'Time' and 'Post time' have no year: inferred as the latest "
                               "year not after 2026-10-02 ('Time') and 2026-10-01 "
                               "('Post time')")


def test_unrepairable_content_row_raises(tmp_path):
    rows = [["October 1", "a", "b", "not a link", "September 30", "1", "0", "0", "1"]]
    with pytest.raises(ParseError, match="cannot be repaired") as err:
        read_file(_content_zip(tmp_path, rows))
    assert err.value.line == 2 and err.value.column == "Video link"
    # after two empty lines (header 1, a row 2, empty 3-4) the broken row on 5 is named so,
    # not line 3, its place among the rows that are not empty
    content = Path(__file__).parent / "fixtures" / "tiktok" / "unzipped" / "Content.csv"
    lines = content.read_text(encoding="utf-8-sig").split("\n")
    broken = '"October 1","x","y","z","w","no link","September 30","1","2","3","4"'
    path = tmp_path / "Content.csv"
    path.write_text("\n".join([*lines[:2], "", "", broken, *lines[2:]]), encoding="utf-8")
    with pytest.raises(ParseError, match="cannot be repaired") as err:
        read_file(path)
    assert err.value.line == 5


def test_bad_hour_raises(tmp_path):
    path = tmp_path / "FollowerActivity.csv"
    path.write_bytes(b'\xef\xbb\xbf"Date","Hour","Active followers"\n"September 25","0","5"\n'
                     b'"September 25","24","5"')
    os.utime(path, (1790931600, 1790931600))
    with pytest.raises(ParseError, match="hour") as err:
        read_file(path)
    assert err.value.line == 3 and err.value.got == "24"


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.integers(1_759_400_000, 1_790_700_000),   # within the year
                               st.integers(0, 10**6), st.integers(0, 10**4),
                               st.text(st.characters(codec="utf-8",
                                                     exclude_categories=["Cs", "Cc"]),
                                       max_size=20),
                               st.booleans()),
                     min_size=1, max_size=6, unique_by=lambda r: r[0]))
@example(rows=[(1_759_400_000, 0, 0, "#DIV/0!", False)])
def test_generated_content_loads_as_written(tmp_path, rows):
    lines = []
    for sec, views, likes, title, broken in rows:
        day = pd.Timestamp(sec, unit="s")
        post = f"{MONTHS[day.month - 1]} {day.day}"
        title = title.replace('"', "'")
        parts = ([title, " more"] if broken else [title])
        lines.append(["October 1", *parts, _vid(sec, 7), post, str(likes), "0", "0",
                      str(views)])
    df = read_file(_content_zip(tmp_path, lines, when=(2026, 10, 2, 8, 0, 0)))[0]
    assert df["post_id"].tolist() == [str((r[0] << 32) + 7) for r in rows]
    assert df["published_at"].tolist() == [pd.Timestamp(r[0], unit="s", tz="UTC") for r in rows]
    assert df["views"].tolist() == [r[1] for r in rows]
    assert df["reactions"].tolist() == [r[2] for r in rows]
    expected = [(r[3].replace('"', "'") + ", more") if r[4] else r[3].replace('"', "'")
                for r in rows]
    # a caption showing a spreadsheet's error ("#DIV/0!", which Hypothesis draws from the
    # loaders' own constants) holds no value: read as missing, and noted
    expected = ["" if e.strip().lower() in SPREADSHEET_ERRORS else e for e in expected]
    got = df["caption"].fillna("").tolist()
    assert got == [e.strip() for e in expected]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_files_raise_only_smm_errors(tmp_path, data):
    src = data.draw(st.sampled_from(sorted(p for p in UNZ.iterdir())))
    raw = bytearray(src.read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.sampled_from(b',"\n :%-.0123456789KU\xc3\x00'))
    path = tmp_path / src.name
    path.write_bytes(bytes(raw))
    buf = io.BytesIO()
    try:
        read_file(path)
    except SmmError as exc:
        assert "unexpected error" not in str(exc), exc   # our parsers raise deliberate errors
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(src.name, bytes(raw))
    (tmp_path / "Content_x.zip").write_bytes(buf.getvalue())
    try:
        read_file(tmp_path / "Content_x.zip")
    except SmmError as exc:
        assert "unexpected error" not in str(exc), exc   # our parsers raise deliberate errors


def test_dataset_load_of_the_zips(tmp_path):
    import smmanalytics as smm

    for f in FIX.glob("*.zip"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    ds = smm.load(tmp_path)
    assert ds.posts["post_id"].tolist() == ["7684555482013652600", "7689905954702513784",
                                            "7691370353866856056"]      # by published_at
    d = ds.daily
    assert (d["metric"] == "online_followers").sum() == 168
    last = d[(d["metric"] == "followers_total") & (d["date"] == "2026-10-01")]
    assert last["value"].item() == 134 and last["account_id"].item() == "maisonseve"
    assert ds.audience.groupby("dimension").size().to_dict() == {"country": 5, "gender": 3}
    assert {"tz_assumed_utc", "year_inferred"} <= set(ds.quality["code"])


def test_older_swedish_overview_with_follower_columns(tmp_path):
    text = ('"Datum","Videovisningar","Profilvisningar","Gilla-markeringar","Kommentarer",'
            '"Delningar","Nettotillväxt","Nya följare","Tappade följare"\n'
            '"2025-03-01","10","1","2","0","0","3","5","2"\n'
            '"2025-03-02","20","2","4","1","0","-1","1","2"')
    path = tmp_path / "Overview_2025-03-01_1740960000_konto.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", b"\xef\xbb\xbf" + text.encode())
    df = read_file(path)[0]
    assert df.attrs["source_locale"] == "sv"
    assert _series(df, "views") == [10, 20]
    assert _series(df, "net_follows") == [3, -1]          # 5 - 2, 1 - 2
    assert _series(df, "follows") == [5, 1] and _series(df, "unfollows") == [2, 2]
    assert df["account_id"].unique().tolist() == ["konto"]
    assert "year_inferred" not in _codes(df)              # ISO dates carry their year


@pytest.mark.parametrize(("cells", "expected"), [
    (["9月13日", "9月14日"], ["2026-09-13", "2026-09-14"]),               # Japanese / Chinese UI
    (["18 января", "1 февраля"], ["2026-01-18", "2026-02-01"]),          # Russian, genitive
    (["10 tháng Tám", "11 tháng Tám"], ["2026-08-10", "2026-08-11"]),    # Vietnamese words
    (["30 tháng mười một", "1 tháng mười hai"], ["2025-11-30", "2025-12-01"]),
    (["5 januari", "3 maj", "12 augusti"], ["2026-01-05", "2026-05-03", "2026-08-12"]),  # sv
])
def test_overview_dates_in_the_ui_language(tmp_path, cells, expected):
    # headers stay English in Japanese, Russian and Vietnamese UIs (reference §6.2)
    rows = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"'] + [
        f'"{d}","{i + 1}","0","0","0","0"' for i, d in enumerate(cells)]
    path = tmp_path / "Overview_2026-08-28_1790409600_someone.zip"     # 2026-09-26 08:00 UTC
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", b"\xef\xbb\xbf" + "\n".join(rows).encode())
    df = _by_format(path)["tiktok_overview"]
    views = df[df["metric"] == "views"]
    assert views["date"].dt.strftime("%Y-%m-%d").tolist() == expected
    assert views["value"].tolist() == list(range(1, len(cells) + 1))
    assert "year_inferred" in _codes(df)


def _history_zip(tmp_path, days, epoch):
    rows = ['"Date","Followers","Difference in followers from previous day"'] + [
        f'"{MONTHS[d.month - 1]} {d.day}","{1000 + i}","{1 if i else 0}"'
        for i, d in enumerate(days)]
    path = tmp_path / "Followers_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("FollowerHistory.csv",
                               date_time=pd.Timestamp(epoch, unit="s").timetuple()[:6])
        z.writestr(info, b"\xef\xbb\xbf" + "\n".join(rows).encode())
    return path


def test_a_year_of_days_starting_on_the_export_day_keeps_its_first_year(tmp_path):
    # 365 days 2025-11-01 … 2026-10-31, exported 2026-11-01 09:00: "November 1" is the first
    # day, a year before the export, not a phantom 2026-11-01 after "October 31"
    days = pd.date_range("2025-11-01", "2026-10-31")
    df = _by_format(_history_zip(tmp_path, days, 1793523600))["tiktok_follower_history"]
    total = df[df["metric"] == "followers_total"].sort_values("date")
    assert total["date"].iloc[0] == pd.Timestamp("2025-11-01")
    assert total["date"].iloc[-1] == pd.Timestamp("2026-10-31")
    assert total["date"].tolist() == list(days)
    assert total["value"].iloc[0] == 1000 and total["value"].iloc[-1] == 1000 + 364
    net = df[df["metric"] == "net_follows"].sort_values("date")["value"]
    assert pd.isna(net.iloc[0]) and (net.iloc[1:] == 1).all()     # the first day's 0 is unknown
    assert "year_inferred" in _codes(df) and "days_not_in_order" not in _codes(df)


def test_days_out_of_order_are_dated_alone_and_said(tmp_path):
    days = [pd.Timestamp("2026-10-31"), pd.Timestamp("2026-10-30"), pd.Timestamp("2026-11-01")]
    df = _by_format(_history_zip(tmp_path, days, 1793523600))["tiktok_follower_history"]
    total = df[df["metric"] == "followers_total"]
    assert sorted(total["date"].dt.strftime("%Y-%m-%d")) == ["2026-10-30", "2026-10-31",
                                                             "2026-11-01"]
    assert "days_not_in_order" in _codes(df)


SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "maison-seve"


@pytest.mark.skipif(not SAMPLE.exists(), reason="data/sample not generated in this checkout")
def test_sample_daily_files_run_from_2025_11_01_to_2026_10_31():
    for name in ("Followers_maisonseve.zip", "Overview_2025-11-01_1793520000_maisonseve.zip",
                 "Viewers_maisonseve.zip"):
        for fmt, df in _by_format(SAMPLE / name).items():
            if fmt in ("tiktok_overview", "tiktok_follower_history", "tiktok_viewers"):
                assert df["date"].min() == pd.Timestamp("2025-11-01"), (name, fmt)
                assert df["date"].max() == pd.Timestamp("2026-10-31"), (name, fmt)
    hist = _by_format(SAMPLE / "Followers_maisonseve.zip")["tiktok_follower_history"]
    total = hist[hist["metric"] == "followers_total"].set_index("date")["value"]
    # FollowerHistory.csv: "November 1","3008" first, "October 31","7039" last
    assert total[pd.Timestamp("2025-11-01")] == 3008
    assert total[pd.Timestamp("2026-10-31")] == 7039


def test_id_time_after_the_post_day_is_not_used(tmp_path):
    # 7681870521679564053 >> 32 = 1788574858 = 2026-09-05 02:20:58 UTC (reference §9.3), but
    # 'Post time' says August 20: a video is never public before its upload → the day is kept
    rows = [["September 25", "v", "https://www.tiktok.com/@a/video/7681870521679564053",
             "August 20", "1", "1", "1", "1"],
            # the same upload posted "September 4": 2026-09-05 02:20 UTC is still the 4th at
            # UTC-12 (36 h after 4 September 00:00 UTC is the limit) → the decoded time is used
            ["September 25", "w", "https://www.tiktok.com/@a/video/7681870521679564054",
             "September 4", "1", "1", "1", "1"],
            # uploaded 2026-09-05 02:20:58 UTC, posted "September 6": 21 h 39 min before the
            # 6th 00:00 UTC, more than the 14 h of UTC+14 → scheduled, day kept
            ["September 25", "x", "https://www.tiktok.com/@a/video/7681870521679564055",
             "September 6", "1", "1", "1", "1"]]
    df = read_file(_content_zip(tmp_path, rows, when=(2026, 9, 26, 8, 0, 0)))[0]
    assert df["published_at"].tolist() == [pd.Timestamp("2026-08-20", tz="UTC"),
                                           pd.Timestamp("2026-09-05 02:20:58", tz="UTC"),
                                           pd.Timestamp("2026-09-06", tz="UTC")]
    assert df["time_source"].astype(str).tolist() == ["inferred_year", "decoded_id",
                                                      "inferred_year"]
    assert df["time_precision"].astype(str).tolist() == ["day", "second", "day"]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert notes["id_time_disagrees"]["level"] == "warning"
    assert notes["id_time_disagrees"]["rows"] == 1 and notes["scheduled_post"]["rows"] == 1


# 2026-10-02 08:15 UTC = 1790928900 s since 1970 = (1790928900 + 11644473600) * 10**7 ticks of
# 100 ns since 1601; the zip's own field says 10:15, the archive built in Paris (UTC+2)
_UT = struct.pack("<HHBI", 0x5455, 5, 1, 1790928900)
_NTFS = struct.pack("<HHIHHQQQ", 0x000A, 32, 0, 1, 24, 134354025000000000,
                    134354025000000000, 134354025000000000)


@pytest.mark.parametrize("extra", [_UT, _NTFS, _UT + _NTFS], ids=["UT", "NTFS", "both"])
def test_a_zip_time_stored_in_utc_is_used_as_it_is(tmp_path, extra):
    path = tmp_path / "Followers_someone.zip"
    rows = '"Date","Followers","Difference in followers from previous day"\n"October 1","5","1"\n'
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("FollowerHistory.csv", date_time=(2026, 10, 2, 10, 15, 0))
        info.extra = extra
        z.writestr(info, b"\xef\xbb\xbf" + rows.encode())
    df = _by_format(path)["tiktok_follower_history"]
    assert (df["snapshot_at"] == pd.Timestamp("2026-10-02 08:15", tz="UTC")).all()
    assert "zip_time_zone_unknown" not in _codes(df)


def test_a_zip_time_without_zone_is_taken_as_utc_and_said(tmp_path):
    path = tmp_path / "Followers_someone.zip"
    rows = '"Date","Followers","Difference in followers from previous day"\n"October 1","5","1"\n'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("FollowerHistory.csv", date_time=(2026, 10, 2, 10, 15, 0)),
                   b"\xef\xbb\xbf" + rows.encode())
    df = _by_format(path)["tiktok_follower_history"]
    assert (df["snapshot_at"] == pd.Timestamp("2026-10-02 10:15", tz="UTC")).all()
    note = next(q for q in df.attrs["quality"] if q["code"] == "zip_time_zone_unknown")
    assert "2026-10-02 10:15" in note["message"] and "taken as UTC" in note["message"]


def test_a_column_under_an_unknown_header_is_named_in_the_quality_log(tmp_path):
    # French TikTok headers are not known (reference §6.2 [U]): a column the package cannot
    # name is not read, and the quality log says which
    path = tmp_path / "Overview_2026-09-25_1790891174_maisonseve.zip"
    text = ('"Date","Video Views","Profile Views","Likes","Comments","Shares",'
            '"Nouveaux abonnés"\n"September 25","118","0","5","0","0","3"\n'
            '"September 26","201","3","12","1","0","4"')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", text.encode("utf-8-sig"))
    df = read_file(path)[0]
    assert _series(df, "views") == [118, 201] and _series(df, "reactions") == [5, 12]
    assert set(df["metric"]) == {"views", "profile_visits", "reactions", "comments", "shares"}
    notes = [q["message"] for q in df.attrs["quality"] if q["code"] == "extra_columns"]
    assert len(notes) == 1 and notes[0].startswith("1 column not used")
    assert "['Nouveaux abonnés']" in notes[0]
    assert all("extra_columns" not in _codes(d) for d in read_file(OVERVIEW))


def test_files_unzipped_into_folders_named_as_their_zips(tmp_path):
    # "Extract all" (Windows) or a double click (macOS) puts Overview.csv in a folder named
    # Overview_2026-09-25_1790891174_maisonseve: the handle, only in the zip name (reference
    # §6.1 [C]), and the export epoch stay readable. The files were copied later (mtime in
    # 2027), which would date the year-less days a year late without the epoch.
    folders = {"Overview.csv": "Overview_2026-09-25_1790891174_maisonseve",
               "FollowerHistory.csv": "Followers_maisonseve",
               "Content.csv": "Content_maisonseve"}
    for name, folder in folders.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_bytes((UNZ / name).read_bytes())
        os.utime(tmp_path / folder / name, (1822291200, 1822291200))   # 2027-10-01 UTC
    over = read_file(tmp_path / folders["Overview.csv"] / "Overview.csv")[0]
    assert over["account_id"].unique().tolist() == ["maisonseve"]
    # "September 25" … "October 1" of 2026: the epoch 1790891174 = 2026-10-01 21:46:14 UTC
    assert over["date"].dt.strftime("%Y-%m-%d").unique().tolist() == [f"2026-{d}" for d in DAYS]
    assert (over["snapshot_at"] == pd.Timestamp("2026-10-01 21:46:14", tz="UTC")).all()
    assert _series(over, "views") == [118, 201, 1, 2, 6, 834, 914]
    note = next(q for q in over.attrs["quality"] if q["code"] == "name_from_folder")
    assert "'maisonseve' and the export time were read" in note["message"]
    assert "year_reference_mtime" not in _codes(over)
    hist = read_file(tmp_path / folders["FollowerHistory.csv"] / "FollowerHistory.csv")[0]
    assert hist["account_id"].unique().tolist() == ["maisonseve"]
    assert "name_from_folder" in _codes(hist)
    content = read_file(tmp_path / folders["Content.csv"] / "Content.csv")[0]
    assert content["account_id"].unique().tolist() == ["maisonseve"]
    # a folder named for another section is not the file's zip: nothing read from it
    (tmp_path / "Content_archive").mkdir()
    (tmp_path / "Content_archive" / "Overview.csv").write_bytes((UNZ / "Overview.csv").read_bytes())
    other = read_file(tmp_path / "Content_archive" / "Overview.csv")[0]
    assert other["account_id"].isna().all() and "name_from_folder" not in _codes(other)


@pytest.mark.parametrize("cell", ["September 31", "31 septembre", "February 30"])
def test_an_impossible_day_without_a_year_names_its_cell(tmp_path, cell):
    # 'September 31' was read as no date at all: its row stayed in the daily table without a
    # date, noted only as 'rows without a date'
    text = ('"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
            f'"September 29","5","0","1","0","0"\n"{cell}","6","0","1","0","0"')
    path = tmp_path / "Overview_2026-09-25_1790891174_maisonseve.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", text.encode("utf-8-sig"))
    with pytest.raises(ParseError, match="impossible calendar date") as err:
        read_file(path)
    assert err.value.line == 3 and err.value.column == "Date" and err.value.got == cell
    assert "Overview.csv" in str(err.value)


def test_february_29_without_a_year_goes_back_to_a_leap_year(tmp_path):
    text = ('"Time","Video title","Video link","Post time","Total likes","Total comments",'
            '"Total shares","Total views"\n"March 2","Bissextile",'
            '"https://www.tiktok.com/@someone/video/7340992462061691456","February 29","1","2",'
            '"3","40"')
    path = tmp_path / "Content_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("Content.csv", date_time=(2027, 3, 3, 9, 0, 0)),
                   text.encode("utf-8-sig"))
    df = read_file(path)[0]
    # as of 2027-03-02 (its 'Time'): the latest February 29 before it is 2024's; the id's
    # upload time (1709208000 << 32: 2024-02-29 12:00 UTC) falls in that day, and is kept
    assert df["views"].tolist() == [40]
    assert df["published_at"].tolist() == [pd.Timestamp("2024-02-29 12:00", tz="UTC")]


def test_a_total_row_added_under_the_videos_is_dropped(unzipped):
    """A "Total" row a spreadsheet's user added under the videos made the whole file fail
    ("column 'Time': cell is not a date … got 'Total'"): it is dropped, noted."""
    p = unzipped / "Content.csv"
    text = p.read_text(encoding="utf-8-sig").rstrip("\n")
    p.write_text(text + '\n"Total","","","","188","17","7","2511"\n', encoding="utf-8-sig")
    df = _by_format(p)["tiktok_content"]
    assert df["views"].tolist() == [1748, 203, 560]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    assert note["rows"] == 1 and "'Total'" in note["message"]


def test_a_total_row_is_not_counted_among_the_counts_read_as_thousands(unzipped):
    """Views written '1.748' (line 2) and a 'Total' row under the videos, '2.511' (line 5:
    1748 + 203 + 560): a count has no decimals, both would read as thousands. The table drops
    the Total row before any cell is read (as GA4's Grand total is forgotten by its parser),
    so the note counts and names the video's cell only."""
    p = unzipped / "Content.csv"
    text = p.read_text(encoding="utf-8-sig").rstrip("\n").replace('"1748"', '"1.748"')
    p.write_text(text + '\n"Total","","","","188","17","7","2.511"\n', encoding="utf-8-sig")
    df = _by_format(p)["tiktok_content"]
    assert df["views"].tolist() == [1748, 203, 560]
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "counts_dot_thousands"]
    assert note["rows"] == 1
    assert "'Total views' (line 2: '1.748' read as 1,748);" in note["message"]
    assert "'2.511'" not in note["message"]


def test_a_total_typed_in_the_video_link_is_a_summary_row(unzipped):
    """'Total' typed in the 'Video link' cell of a row on top of the three videos (line 2),
    'Time' and 'Post time' empty, its views written '2.511' (1748 + 203 + 560). The file was
    refused ("Content row without a video id in its link … got 'Total'"), where a 'Total'
    id in the other formats is a summary row: it is dropped before the parse, as theirs, and
    its '2.511' is in no note."""
    p = unzipped / "Content.csv"
    head, *rows = p.read_text(encoding="utf-8-sig").rstrip("\n").split("\n")
    total = '"","","Total","","188","17","7","2.511"'
    p.write_text("\n".join([head, total, *rows]) + "\n", encoding="utf-8-sig")
    df = _by_format(p)["tiktok_content"]
    assert df["views"].tolist() == [1748, 203, 560]
    notes = {q["code"]: q for q in df.attrs["quality"]}
    assert "counts_dot_thousands" not in notes
    assert "line 2: its cell 'Total', in column 'Video link', says it is a total" in \
        notes["summary_row_dropped"]["message"]
    # the row the fixture's title split, line 3 of its file, is line 4 under the Total row
    assert notes["row_repaired"]["message"].endswith("(line 4)")


# ---------------------------------------------------------------- damaged zip members

FOLLOWERS = FIX / "Followers_maisonseve.zip"
_FOLLOWER_FILES = {"FollowerActivity.csv": "tiktok_follower_activity",
                   "FollowerGender.csv": "tiktok_follower_gender",
                   "FollowerHistory.csv": "tiktok_follower_history",
                   "FollowerTopTerritories.csv": "tiktok_follower_territories"}


@pytest.mark.parametrize("how", ["crc", "cut"])
@pytest.mark.parametrize("member", ["FollowerActivity.csv", "FollowerGender.csv",
                                    "FollowerTopTerritories.csv"])
def test_a_damaged_follower_breakdown_costs_its_own_table(tmp_path, member, how):
    # the whole zip failed ('archive member cannot be extracted'): the follower history,
    # TikTok's daily series of followers, was missing for a broken audience breakdown
    import smmanalytics as smm

    path = damaged(FOLLOWERS, member, how, tmp_path / FOLLOWERS.name)
    frames = _by_format(path)
    assert sorted(frames) == sorted(f for m, f in _FOLLOWER_FILES.items() if m != member)
    clean = _by_format(FOLLOWERS)["tiktok_follower_history"]
    cols = [c for c in clean.columns if c != "source_file"]
    pd.testing.assert_frame_equal(frames["tiktok_follower_history"][cols], clean[cols])
    notes = [(q["file"], q["level"]) for q in frames["tiktok_follower_history"].attrs["quality"]
             if q["code"] == "archive_member_skipped"]
    assert notes == [(f"{path}!{member}", "warning")]
    ds = smm.load(path, strict=True, cache=False)
    assert ds.files.set_index("path")["status"].to_dict() == {
        f"{path}!{m}": "skipped" if m == member else "ok" for m in _FOLLOWER_FILES}
    assert ds.quality.query("code == 'archive_member_skipped'")["file"].tolist() == [
        f"{path}!{member}"]
    assert not (ds.quality["level"] == "error").any()


@pytest.mark.parametrize("how", ["crc", "cut"])
def test_a_damaged_follower_history_is_a_file_not_read(tmp_path, how):
    # the series the zip is for: an error (read_file and a strict load raise, naming the
    # member), and a load reads the breakdowns beside it; the whole zip failed
    import smmanalytics as smm
    from smmanalytics.quality import unread_files

    path = damaged(FOLLOWERS, "FollowerHistory.csv", how, tmp_path / FOLLOWERS.name)
    for read in (read_file, lambda p: smm.load(p, strict=True, cache=False)):
        with pytest.raises(ParseError, match="archive member cannot be extracted") as err:
            read(path)
        assert err.value.file == f"{path}!FollowerHistory.csv"
    with pytest.warns(smm.DataQualityWarning, match=r"^1 file .*: FollowerHistory\.csv: archive"):
        ds = smm.load(path, cache=False)
    assert ds.files.set_index("path")["status"].to_dict() == {
        f"{path}!{m}": "failed" if m == "FollowerHistory.csv" else "ok" for m in _FOLLOWER_FILES}
    assert list(unread_files(ds.quality)) == [f"{path}!FollowerHistory.csv"]
    assert set(ds.daily["metric"]) == {"online_followers"} and len(ds.audience) == 8


@pytest.mark.parametrize("other, line, got", [
    # Content.csv's header 1, its rows 2-4 (one split by a comma in its title), an empty line
    # 5 (the fixture ends without a line break): the pasted export from line 6
    ("meta/facebook_posts_2026-11-20.csv", 6, "Post ID, Page ID, Page name, Title, …"),
    # its '#' preamble on 6-10, its header on 11: it failed as "Content row cannot be
    # repaired", on the preamble's first line; then named the header's line, 11, not where
    # the pasted export starts (the reason says 11)
    ("ga4/ga4_campaigns_2024style.csv", 6, "Session campaign, Date, Sessions, Engaged "
     "sessions, …"),
])
def test_another_export_pasted_under_the_content_rows_is_an_error_naming_its_header(
        tmp_path, other, line, got):
    path = tmp_path / "Content.csv"
    path.write_bytes((UNZ / "Content.csv").read_bytes() + b"\n\n"
                     + (FIX.parent / other).read_bytes())
    os.utime(path, (1790931600, 1790931600))
    with pytest.raises(ParseError, match="a header of other columns starts rows of another "
                       "export") as err:
        read_file(path)
    assert (err.value.line, err.value.got) == (line, got)
    assert err.value.reason.endswith("its '#' preamble above its header on line 11"
                                     if other.startswith("ga4") else "another export")


def test_content_exports_pasted_one_under_the_other_keep_their_rows(tmp_path):
    # the second one's header repeats the first's: dropped, noted, the rows repaired as ever
    one = (UNZ / "Content.csv").read_bytes()
    path = tmp_path / "Content.csv"
    path.write_bytes(one + b"\n" + one)
    os.utime(path, (1790931600, 1790931600))
    df = _by_format(path)["tiktok_content"]
    assert df["post_id"].tolist() == ["7691370353866856056", "7689905954702513784",
                                      "7684555482013652600"] * 2
    assert {"row_repaired", "header_repeated"} <= _codes(df)


@pytest.mark.parametrize("pad", ["", ",,,,,,,"])
def test_the_preamble_of_a_content_export_pasted_under_the_rows_is_no_row(tmp_path, pad):
    # header 1, rows 2-4 (one split by a comma in its title), then the same export with two
    # '#' lines above it (5-6, padded to 8 columns or not), its header on 7: unpadded, they
    # failed as "line 5: Content row cannot be repaired … got '# TikTok content'"; padded,
    # they were read as rows ("cell is not a date")
    one = (UNZ / "Content.csv").read_bytes()
    pre = f"# TikTok content{pad}\n# Start date: 20261001{pad}\n".encode()
    path = tmp_path / "Content.csv"
    path.write_bytes(one + b"\n" + pre + one.removeprefix(b"\xef\xbb\xbf"))
    os.utime(path, (1790931600, 1790931600))
    df = _by_format(path)["tiktok_content"]
    assert df["post_id"].tolist() == ["7691370353866856056", "7689905954702513784",
                                      "7684555482013652600"] * 2
    note = next(q for q in df.attrs["quality"] if q["code"] == "pasted_preamble_dropped")
    assert note["rows"] == 2 and "(the first at line 5)" in note["message"]
    assert next(q for q in df.attrs["quality"] if q["code"] == "row_repaired")["rows"] == 2


def _viewers(tmp_path, block):
    """Viewers.xlsx with ``block(rows)`` appended under its rows (header first), downloaded
    2026-10-02."""
    import openpyxl

    wb = openpyxl.load_workbook(UNZ / "Viewers.xlsx")
    ws = wb["Viewers"]
    for r in block([list(r) for r in ws.iter_rows(values_only=True)]):
        ws.append(r)
    path = tmp_path / "Viewers.xlsx"
    wb.save(path)
    os.utime(path, (1790931600, 1790931600))
    return path


def test_viewers_sheet_with_its_header_repeated_or_of_other_columns_pasted_under(tmp_path):
    # header 1, the days on 2-8, the pasted header on 9; a second export without 'Returning
    # Viewers' failed as "line 9, column 'Date': cell is not a date … got 'Date'"
    one = _by_format(UNZ / "Viewers.xlsx")["tiktok_viewers"]
    df = _by_format(_viewers(tmp_path, lambda rows: rows))["tiktok_viewers"]
    assert len(df) == 2 * len(one) == 42
    assert _series(df, "new_viewers") == [v for v in _series(one, "new_viewers") for _ in (0, 1)]
    assert [q["message"].split(":")[1] for q in df.attrs["quality"]
            if q["code"] == "header_repeated"] == [" 1 row repeating the header was dropped "
                                                   "(line 9)"]
    df = _by_format(_viewers(tmp_path, lambda rows: [r[:-1] for r in rows]))["tiktok_viewers"]
    assert len(df) == len(one) + 14                    # 7 days of 3 metrics, then of 2
    assert len(_series(df, "returning_viewers")) == 7
    assert [q["message"].split(": two")[0] for q in df.attrs["quality"]
            if q["code"] == "header_changed"] == ["sheet 'Viewers': line 9: 'Returning "
                                                  "Viewers' gone"]


def test_another_export_pasted_in_the_viewers_sheet_is_an_error_naming_its_header(tmp_path):
    overview = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
                ["September 25", "118", "0", "5", "0", "0"]]
    with pytest.raises(ParseError, match="a header of other columns starts rows of another "
                       "export") as err:
        read_file(_viewers(tmp_path, lambda rows: overview))
    assert (err.value.line, err.value.got) == (9, "Date, Video Views, Profile Views, Likes, …")


def test_a_header_of_as_many_columns_under_the_content_rows_is_named(tmp_path):
    # 8 cells as Content's, its first not 'Time': read into the repaired rows, it failed as
    # "line 5, column 'Time': cell is not a date … got 'Date'"
    path = tmp_path / "Content.csv"
    path.write_bytes((UNZ / "Content.csv").read_bytes() + b'\n"Date","Video Views","Profile '
                     b'Views","Likes","Comments","Shares","Followers","Extra"\n"September 25",'
                     b'"118","0","5","0","0","1","2"\n')
    os.utime(path, (1790931600, 1790931600))
    with pytest.raises(ParseError, match="a header of other columns starts rows of another "
                       "export") as err:
        read_file(path)
    assert (err.value.line, err.value.got) == (5, "Date, Video Views, Profile Views, Likes, …")


_H = ('"Time","Video title","Video link","Post time","Total likes","Total comments",'
      '"Total shares","Total views"')
_TWO_LINES = ('"October 1","Automne\nrécolte","https://www.tiktok.com/@maisonseve/video/'
              '7691370353866856055","September 26","15","1","0","203"')
_SPLIT = ('"October 1","Automne","récolte","https://www.tiktok.com/@maisonseve/video/'
          '7691370353866856054","September 26","15","1","0","203"')
_UNREPAIRABLE = '"October 1","x","y","z","w","no link","September 30","1","2","3","4"'
_NOT_A_NUMBER = ('"October 1","Atelier","https://www.tiktok.com/@maisonseve/video/'
                 '7691370353866856053","September 12","33","4","2","lots"')


@pytest.mark.parametrize("lines, line, reason", [
    # header 1, a caption over lines 2-3, the row that cannot be repaired on 4 (was right)
    ([_H, _TWO_LINES, _UNREPAIRABLE], 4, "Content row cannot be repaired"),
    # a line of empty cells on 4, the row on 5: it named line 4 (the empty line not counted)
    ([_H, _TWO_LINES, ",,,,,,,", _UNREPAIRABLE], 5, "Content row cannot be repaired"),
    ([_H, _TWO_LINES, '" "," "," "," "," "," "," "," "', _SPLIT, _NOT_A_NUMBER], 6,
     "cell is not a number"),
    # the header again on 4, a row repaired on 5, a bad count on 6: it named line 5
    ([_H, _TWO_LINES, _H, _SPLIT, _NOT_A_NUMBER], 6, "cell is not a number"),
    ([_H, _TWO_LINES, _SPLIT, _NOT_A_NUMBER], 5, "cell is not a number"),
])
def test_a_bad_content_row_under_a_caption_of_two_lines_names_its_own_line(
        tmp_path, lines, line, reason):
    path = tmp_path / "Content.csv"
    path.write_text("\ufeff" + "\n".join(lines), encoding="utf-8")
    os.utime(path, (1790931600, 1790931600))
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert (err.value.line, err.value.reason) == (line, reason)


def test_content_rows_repaired_under_a_caption_of_two_lines_are_noted_on_their_lines(
        tmp_path):
    # header 1, a caption over lines 2-3, the header again on 4, empty cells on 5, a row split
    # by a comma on 6: the notes said line 3 for the header again, nothing of the empty row
    # (dropped unsaid) nor of the line repaired
    path = tmp_path / "Content.csv"
    path.write_text("\ufeff" + "\n".join([_H, _TWO_LINES, _H, ",,,,,,,", _SPLIT]),
                    encoding="utf-8")
    os.utime(path, (1790931600, 1790931600))
    (df,) = read_file(path)
    assert df["caption"].tolist() == ["Automne\nrécolte", "Automne,récolte"]
    notes = {q["code"]: q["message"] for q in df.attrs["quality"]}
    assert "re-joined on the video link (line 6)" in notes["row_repaired"]
    assert "1 row repeating the header was dropped (line 4)" in notes["header_repeated"]
    assert "1 row with every cell empty was skipped (line 5)" in notes["blank_rows_skipped"]


def test_content_rows_of_a_large_file_are_repaired_too(tmp_path, monkeypatch):
    # a file over LARGE (4 MiB) keeps its rows as bytes, its text let go: the repair was
    # skipped for it, taken for a workbook's, and the split row failed as "line 5, column
    # 'Video link': Content row without a video id in its link … got 'récolte'"
    from smmanalytics.loaders import _sources

    monkeypatch.setattr(_sources, "LARGE", 100)
    path = tmp_path / "Content.csv"
    path.write_text("\ufeff" + "\n".join([_H, _TWO_LINES, _H, _SPLIT]), encoding="utf-8")
    os.utime(path, (1790931600, 1790931600))
    (df,) = read_file(path)
    assert df["caption"].tolist() == ["Automne\nrécolte", "Automne,récolte"]
    assert any("re-joined on the video link (line 5)" in q["message"]
               for q in df.attrs["quality"] if q["code"] == "row_repaired")


def test_a_bad_number_in_the_viewers_sheet_names_its_cell(tmp_path):
    # header on row 1, the days on rows 2-8: the third day's New Viewers (column C) by hand
    import openpyxl

    wb = openpyxl.load_workbook(UNZ / "Viewers.xlsx")
    wb["Viewers"]["C4"] = "seven"
    path = tmp_path / "Viewers.xlsx"
    wb.save(path)
    os.utime(path, (1790931600, 1790931600))         # downloaded 2026-10-02
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert str(err.value) == (
        f"file {path}, line 4, cell Viewers!C4, column 'New Viewers': cell is not a number; "
        "expected a count or an amount (e.g. 1234, 1 234, 62,5, 1.2K, 12 €) or empty/-/N/A; "
        "got 'seven'")


def test_a_total_row_under_the_videos_is_no_video(tmp_path):
    """A total under the videos, its label under 'Video title' and the 'Time' day copied,
    without a link or a post time: the whole file failed ("Content row without a video id
    in its link"); it is a sum of the videos, dropped, its line named, the row an unquoted
    comma broke still repaired."""
    with zipfile.ZipFile(FIX / "Content_maisonseve.zip") as z:
        text = z.read("Content.csv").decode("utf-8-sig")
    frame = read_file(FIX / "Content_maisonseve.zip")[0]
    sums = [int(frame[c].sum()) for c in ("reactions", "comments", "shares", "views")]
    total = '"October 1","Total","",""' + "".join(f',"{v}"' for v in sums)
    path = tmp_path / "Content_maisonseve.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Content.csv", (text + "\n" + total).encode("utf-8-sig"))
    df = read_file(path)[0]
    assert df["post_id"].tolist() == frame["post_id"].tolist()
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "summary_row_dropped"]
    line = text.count("\n") + 2
    assert f"line {line}: its cell 'Total', in column 'Video title', says it is a total" \
        in note["message"]
    assert "row_repaired" in _codes(df)


def test_a_daily_metric_under_a_header_not_known_is_a_warning(tmp_path):
    """'Profile Views' headed in French (TikTok's French headers are not known): the other
    series are read, and a warning says profile visits are missing and which column was not
    used; the English fixture lacks nothing."""
    path = tmp_path / "Overview_2026-09-25_1790891174_maisonseve.zip"
    text = ('"Date","Video Views","Vues du profil","Likes","Comments","Shares"\n'
            '"September 25","118","0","5","0","0"\n"September 26","201","3","12","1","0"')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", text.encode("utf-8-sig"))
    df = read_file(path)[0]
    assert set(df["metric"]) == {"views", "reactions", "comments", "shares"}
    (note,) = [q for q in df.attrs["quality"] if q["code"] == "expected_metric_missing"]
    assert note["level"] == "warning"
    assert note["message"].startswith("no column of profile visits ('profile views' in "
                                      "English exports) in Overview.csv, which every TikTok "
                                      "export of this kind has")
    assert "1 column not used: ['Vues du profil']" in note["message"]
    assert "tiktok,profile_visits,en,<its header>" in note["message"]
    assert "extra_columns" not in _codes(df)
    for src in (OVERVIEW, FIX / "Content_maisonseve.zip", FIX / "Followers_maisonseve.zip",
                FIX / "Viewers_maisonseve.zip"):
        assert all("expected_metric_missing" not in _codes(d) for d in read_file(src))


def test_content_resaved_day_first_reads_both_date_columns_in_one_order(tmp_path):
    """A Content.csv re-saved by a French spreadsheet: 'Post time' 30/12/2025 proves day first,
    but 'Time' 03/01/2026 (no day above 12) was read month first in the same file, 1 March: the
    totals' snapshot date was 2 March instead of 3 January. One file, one order: 'Time' is 3
    January and the note names the column that proved it."""
    up1 = int(pd.Timestamp("2025-12-30 12:00", tz="UTC").timestamp())      # 1767096000
    up2 = int(pd.Timestamp("2026-01-02 08:30", tz="UTC").timestamp())      # 1767342600
    rows = [["03/01/2026", "a", _vid(up1), "30/12/2025", "1", "1", "1", "10"],
            ["03/01/2026", "b", _vid(up2), "02/01/2026", "2", "2", "2", "20"]]
    df = _by_format(_content_zip(tmp_path, rows, when=(2026, 1, 3, 20, 0, 0)))["tiktok_content"]
    assert (df["snapshot_at"] == pd.Timestamp("2026-01-04", tz="UTC")).all()
    assert df["published_at"].tolist() == [pd.Timestamp("2025-12-30 12:00", tz="UTC"),
                                           pd.Timestamp("2026-01-02 08:30", tz="UTC")]
    notes = [q for q in df.attrs["quality"] if q["code"] == "date_format_resaved"]
    assert [q["message"].split("read as ")[1] for q in notes] == [
        "DMY — no day above 12 in this column; a day above 12 written first in 'Post time' "
        "proves it", "DMY"]
    assert {q["level"] for q in notes} == {"info"}


def _overview_sheet(tmp_path, days, mtime):
    """An Overview.xlsx as a spreadsheet re-saves TikTok's Overview.csv: dates as dates."""
    from ._workbooks import sheet

    rows = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]] + [
        [d.to_pydatetime(), 100 + i, 0, 5, 0, 0] for i, d in enumerate(days)]
    path = sheet(tmp_path / "Overview.xlsx", rows, title="Overview")
    os.utime(path, (mtime, mtime))
    return path


@pytest.mark.parametrize("excel_year,moved", [(2026, 6), (2025, 3)])
def test_a_year_guessed_by_a_spreadsheet_is_put_right(tmp_path, excel_year, moved):
    """TikTok's Overview covering 26 December 2025 - 3 January 2026, saved as xlsx by Excel:
    its year-less days got Excel's current year, 2026-12-26 … 2026-12-31 then 2026-01-01 …
    2026-01-03 (December in the future, the run broken). The run is made consecutive again,
    ending before the export (the file's time, 2026-01-04 09:00 UTC), and noted."""
    days = [pd.Timestamp(excel_year, 12, d) for d in range(26, 32)] + [
        pd.Timestamp(excel_year, 1, d) for d in (1, 2, 3)]
    df = _by_format(_overview_sheet(tmp_path, days, 1767517200))["tiktok_overview"]
    views = df[df["metric"] == "views"]
    assert views["date"].dt.strftime("%Y-%m-%d").tolist() == [
        f"2025-12-{d}" for d in range(26, 32)] + ["2026-01-01", "2026-01-02", "2026-01-03"]
    assert views["value"].tolist() == list(range(100, 109))
    note = next(q for q in df.attrs["quality"] if q["code"] == "year_guessed_by_spreadsheet")
    assert note["rows"] == moved and "2025-12-26 to 2026-01-03" in note["message"]
    assert "days_after_export" not in _codes(df)


def test_days_after_the_export_date_are_noted(tmp_path):
    """Days a spreadsheet dated after the export (1-3 October 2026 in a file of 4 January 2026:
    Excel's guessed year) cannot be put right, but are no longer silent."""
    days = [pd.Timestamp(2026, 10, d) for d in (1, 2, 3)]
    df = _by_format(_overview_sheet(tmp_path, days, 1767517200))["tiktok_overview"]
    note = next(q for q in df.attrs["quality"] if q["code"] == "days_after_export")
    assert note["rows"] == 3 and "after the export date 2026-01-04" in note["message"]


def test_a_post_dated_after_the_export_is_noted(tmp_path):
    """A Content.csv re-saved with Excel's guessed year: 'Post time' 30/12/2026 in a file whose
    totals are of 3 January 2026 ('Time') is a post in the future, kept as written but noted
    once (the export ends 2026-01-04 00:00 UTC, a day of slack: 2026-12-30 is after it)."""
    up = int(pd.Timestamp("2026-01-02 08:30", tz="UTC").timestamp())
    rows = [["03/01/2026", "a", _vid(up - 86400 * 3, 2), "30/12/2026", "1", "1", "1", "10"],
            ["03/01/2026", "b", _vid(up), "02/01/2026", "2", "2", "2", "20"]]
    df = _by_format(_content_zip(tmp_path, rows, when=(2026, 1, 3, 20, 0, 0)))["tiktok_content"]
    notes = [q for q in df.attrs["quality"] if "after_export" in q["code"]]
    assert [q["code"] for q in notes] == ["published_after_export"]
    assert notes[0]["rows"] == 1
    assert notes[0]["message"].startswith("1 post published after the export's date "
                                          "2026-01-03: a date misread? (the first: 2026-12-30)")
    assert notes[0]["message"].endswith("a spreadsheet's re-save may have given them a wrong "
                                        "year")


def test_a_post_after_an_export_its_zip_name_dates_is_noted_once(tmp_path):
    """A Content export whose zip name dates it (2026-10-02 09:00 UTC, epoch 1790931600),
    re-saved by a spreadsheet that gave a post 'Post time' 2026-12-30 (its guessed year): the
    user saw two warnings for that one post, the parser's (``days_after_export``) and the
    registry's (``published_after_export``). Now one: the registry's, with the parser's hint.

    By hand: the limit is the export time plus a day of slack, 2026-10-03 09:00 UTC; post 'a'
    (2026-12-30 00:00 UTC, its id's time 2026-10-01 08:30 not within that day: the day kept)
    is after it; post 'b' (2026-10-01, its id's time 2026-10-01 08:30) is not: 1 post, the
    first 2026-12-30, the export's day 2026-10-02."""
    up = int(pd.Timestamp("2026-10-01 08:30", tz="UTC").timestamp())
    header = ["Video title", "Video link", "Post time", "Total likes", "Total comments",
              "Total shares", "Total views"]
    rows = [["a", _vid(up, 2), "12/30/2026", "1", "1", "1", "10"],
            ["b", _vid(up), "10/01/2026", "2", "2", "2", "20"]]
    named = tmp_path / "Content_2026-10-02_1790931600_someone.zip"
    _content_zip(tmp_path, rows, header).rename(named)
    df = _by_format(named)["tiktok_content"]
    assert df["published_at"].dt.strftime("%Y-%m-%d").tolist() == ["2026-12-30", "2026-10-01"]
    notes = [q for q in df.attrs["quality"] if "after_export" in q["code"]]
    assert len(notes) == 1 and notes[0]["code"] == "published_after_export"
    assert notes[0]["rows"] == 1 and notes[0]["level"] == "warning"
    assert notes[0]["message"] == (
        "1 post published after the export's date 2026-10-02: a date misread? (the first: "
        "2026-12-30); a spreadsheet's re-save may have given them a wrong year")


def test_a_follower_day_without_its_date_is_an_error(tmp_path):
    """TikTok's follower history whose second day's cell says ``N/A`` kept 121 followers on a
    row dated NaT, with no note: the day fell out of every daily total. The file is refused,
    naming line 3 and the Date column."""
    path = tmp_path / "FollowerHistory.csv"
    path.write_text('"Date","Followers","Difference in followers from previous day"\n'
                    '"September 25","120","0"\n"N/A","121","1"\n', encoding="utf-8")
    with pytest.raises(ParseError, match="a value without its date") as e:
        read_file(path)
    assert (e.value.line, e.value.column, e.value.got) == (3, "Date", "N/A")


def test_follower_shares_written_as_percents_read_as_fractions(tmp_path):
    """A FollowerGender.csv whose Distribution says ``76%`` (a share of the audience, not a
    count) failed whole once counts refused percents: the audience was lost with an error.
    A share takes ``%``: 76% = 0.76, 21% = 0.21, 3% = 0.03."""
    path = tmp_path / "FollowerGender.csv"
    path.write_text('"Gender","Distribution"\nFemale,76%\nMale,21%\nOther,3%\n',
                    encoding="utf-8")
    import smmanalytics as smm

    ds = smm.load(tmp_path, cache=False)
    assert ds.audience["share"].tolist() == pytest.approx([0.76, 0.21, 0.03])
    assert not (ds.quality["level"] == "error").any()


def test_negative_daily_comments_are_kept_and_noted_with_their_lines(tmp_path):
    """Rows of a real Overview.csv (February 16-20): TikTok writes a day's comments minus
    those deleted since, -1 and -6. Kept as exported, as LinkedIn's corrections are, and noted
    with the column, the count and the lines (header on line 1: February 17 is line 3)."""
    rows = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"',
            '"February 16","6952","5","19","1","1"', '"February 17","20847","23","23","-1","3"',
            '"February 18","9723","12","14","0","0"', '"February 19","25353","24","26","-6","0"',
            '"February 20","21400","28","27","0","1"']
    path = tmp_path / "Overview_2026-02-16_1771632000_someone.zip"    # 2026-02-21 00:00 UTC
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", b"\xef\xbb\xbf" + "\n".join(rows).encode())
    df = _by_format(path)["tiktok_overview"]
    comments = df[df["metric"] == "comments"]
    assert comments["value"].tolist() == [1, -1, 0, -6, 0]
    assert comments["value"].sum() == -6                    # 1 - 1 + 0 - 6 + 0
    notes = [q for q in df.attrs["quality"] if q["code"] == "negative_values"]
    assert [(q["message"], q["rows"]) for q in notes] == [
        ("negative daily values kept as exported (TikTok corrections): 'Comments' 2 "
         "(lines 3, 5)", 2)]


def test_daily_files_without_negative_values_have_no_such_note():
    assert "negative_values" not in _codes(_by_format(OVERVIEW)["tiktok_overview"])


def test_a_day_missing_from_a_daily_file_is_noted_and_left_unknown(tmp_path):
    """TikTok writes every day: an Overview of 5-15 July 2025 (exported 16 July 09:00 UTC,
    epoch 1752656400) without 10, 12 and 13 July (rows deleted) keeps each row's own day
    (views = the day of the month), has no row for the missing days, and names them."""
    days = [d for d in pd.date_range("2025-07-05", "2025-07-15") if d.day not in (10, 12, 13)]
    rows = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"'] + [
        f'"July {d.day}","{d.day}","0","1","0","0"' for d in days]
    path = tmp_path / "Overview_2025-07-05_1752656400_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Overview.csv", b"\xef\xbb\xbf" + "\n".join(rows).encode())
    df = _by_format(path)["tiktok_overview"]
    views = df[df["metric"] == "views"].set_index("date")["value"]
    assert views.index.tolist() == days
    assert (views.index.day == views).all()                # 11 July reads 11, not 10
    note = next(q for q in df.attrs["quality"] if q["code"] == "days_missing")
    assert note["level"] == "warning" and note["rows"] == 3
    assert "3 days are missing (2025-07-10, 2025-07-12, 2025-07-13)" in note["message"]
    inferred = next(q for q in df.attrs["quality"] if q["code"] == "year_inferred")
    assert "consecutive" not in inferred["message"]


def test_a_whole_run_of_days_has_no_missing_day_note():
    assert "days_missing" not in _codes(_by_format(OVERVIEW)["tiktok_overview"])


@pytest.mark.parametrize("cell,value,within", [
    ("1.2K", 1200, "±50"),            # 1.15K-1.25K
    ("1.25K", 1250, "±5"),            # half of 0.01K
    ("3M", 3_000_000, "±500,000"),    # half of 1M
])
def test_abbreviated_counts_are_read_as_written_and_noted(tmp_path, cell, value, within):
    """A Content export whose views TikTok abbreviated: read as written, the rounding noted
    once for the column with its count of cells (two: the first post's and the second's);
    the row repaired for its title's comma keeps the note (the repaired table's numbers)."""
    rows = [["October 1", "a, b", _vid(1790000000), "September 21", "5", "1", "0", cell],
            ["October 1", "c", _vid(1790100000), "September 22", "5", "1", "0", "2K"],
            ["October 1", "d", _vid(1790200000), "September 23", "5", "1", "0", "900"]]
    text = "\n".join([",".join(f'"{f}"' for f in ["Time", "Video title", "Video link",
                                                   "Post time", "Total likes",
                                                   "Total comments", "Total shares",
                                                   "Total views"])]
                     + [",".join(f'"{f}"' if i != 1 else f for i, f in enumerate(r))
                        for r in rows])
    path = tmp_path / "Content_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("Content.csv", date_time=(2026, 10, 2, 8, 0, 0)),
                   b"\xef\xbb\xbf" + text.encode())
    df = _by_format(path)["tiktok_content"]
    assert df.sort_values("published_at")["views"].tolist() == [value, 2000, 900]
    note = next(q for q in df.attrs["quality"] if q["code"] == "counts_abbreviated")
    assert note["level"] == "info" and note["rows"] == 2
    assert f"{cell!r} read as {value:,}" in note["message"] and within in note["message"]
    assert "row_repaired" in _codes(df)



ITALIAN_COUNTS = Path(__file__).parent / "fixtures" / "tiktok_italian_counts"


def test_italian_counts_of_follower_activity_and_viewers_read_as_the_english(tmp_path):
    """TikTok keeps English headers in every language, and an Italian export writes 1474
    active followers "1.474": read as 1.474 once (FollowerActivity and Viewers were not
    counts), which moved the audience's best hour. The fixtures are one day of a real-shaped
    FollowerActivity (25 October, 24 hours) and four days of Viewers (10-13 November), in
    English and as the Italian interface writes them ("25 ottobre", "1.474", "2.838"): the
    Italian read the same numbers as the English, and a warning names each file and its
    columns."""
    import smmanalytics as smm

    loaded = {}
    for lang in ("en", "it"):
        folder = tmp_path / lang
        folder.mkdir()
        for f in (ITALIAN_COUNTS / lang).iterdir():
            (folder / f.name).write_bytes(f.read_bytes())
            os.utime(folder / f.name, (1793523600, 1793523600))   # 2026-11-01 09:00 UTC
        loaded[lang] = smm.load(folder, cache=False)
    en, it = loaded["en"], loaded["it"]
    key = ["date", "hour", "metric"]
    assert_frame_equal(it.daily.sort_values(key)[key + ["value"]].reset_index(drop=True),
                       en.daily.sort_values(key)[key + ["value"]].reset_index(drop=True))
    # the file's hours 17-21 of 25 October: "980", "1.474", "1.834", "1.648", "1.054"
    assert _series(it.daily, "online_followers")[17:22] == [980, 1474, 1834, 1648, 1054]
    # 10-13 November; on the 11th 2838 viewers = 2316 new + 522 returning
    assert _series(it.daily, "viewers") == [28, 2838, 1134, 691]
    assert _series(it.daily, "new_viewers") == [20, 2316, 879, 541]
    assert _series(it.daily, "returning_viewers") == [8, 522, 255, 150]
    q = it.quality[it.quality["code"] == "counts_dot_thousands"].sort_values("file")
    assert [f.rsplit("/", 1)[-1] for f in q["file"]] == ["FollowerActivity.csv",
                                                          "Viewers.xlsx"]
    assert set(q["level"]) == {"warning"}
    activity, viewers = q["message"].tolist()
    assert "'Active followers'" in activity
    # the cells repaired, and only them ("Returning": no cell ≥ 1000)
    assert "'Total Viewers' (Viewers!B3: '2.838' read as 2,838; Viewers!B4: '1.134' read as " \
        "1,134), 'New Viewers' (Viewers!C3: '2.316' read as 2,316)" in viewers
    assert not (en.quality["code"] == "counts_dot_thousands").any()


def _tiktok_csv(tmp_path, name, rows):
    """A TikTok CSV as Studio writes it (BOM, every field quoted, no final newline),
    downloaded 2026-10-02 (its modification time gives the year)."""
    path = tmp_path / name
    path.write_text("\ufeff" + "\n".join(",".join(f'"{f}"' for f in r) for r in rows),
                    encoding="utf-8")
    os.utime(path, (1790931600, 1790931600))           # 2026-10-02 09:00 UTC
    return path


_OVERVIEW_HEADER = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]


@pytest.mark.parametrize("name,rows,named", [
    # the days were read before the figures: 'September 31' on line 3 was named where 'lots'
    # of likes on line 2 came first
    ("Overview.csv", [_OVERVIEW_HEADER, ["September 29", "5", "0", "lots", "0", "0"],
                      ["September 31", "6", "0", "1", "0", "0"]], (2, "Likes", "lots")),
    # the days, the followers, then the differences: line 3's followers were named before
    # line 2's difference
    ("FollowerHistory.csv",
     [["Date", "Followers", "Difference in followers from previous day"],
      ["September 29", "120", "many"], ["September 30", "lots", "0"]],
     (2, "Difference in followers from previous day", "many")),
    # the active followers were read before the hours: on one line, the Hour (column 2) first
    ("FollowerActivity.csv", [["Date", "Hour", "Active followers"],
                              ["September 29", "0", "50"], ["September 29", "24", "lots"]],
     (3, "Hour", "24")),
    # the ids in the links, the days, then the figures: 'lots' of views on line 2 (the
    # last column) was named after 'September 31', the Post time of line 3
    ("Content.csv", [["Time", "Video title", "Video link", "Post time", "Total views"],
                     ["October 1", "A", _vid(1_790_000_000), "September 29", "lots"],
                     ["October 1", "B", _vid(1_790_100_000), "September 31", "7"]],
     (2, "Total views", "lots")),
    # and a link without its video id on line 3 before 'many' likes on line 2
    ("Content.csv", [["Time", "Video title", "Video link", "Post time", "Total likes"],
                     ["October 1", "A", _vid(1_790_000_000), "September 29", "many"],
                     ["October 1", "B", "https://www.tiktok.com/@someone", "September 30",
                      "7"]],
     (2, "Total likes", "many"))])
def test_of_two_bad_cells_the_first_in_the_file_is_named(tmp_path, name, rows, named):
    path = _tiktok_csv(tmp_path, name, rows)
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert (err.value.line, err.value.column, err.value.got) == named


def test_of_two_bad_cells_of_the_viewers_sheet_the_first_is_named(tmp_path):
    """The days were read before the figures: A4's 'September 31' was named where C3's
    'seven' New Viewers came first (header on row 1, rows 2-8 the days)."""
    import openpyxl

    wb = openpyxl.load_workbook(UNZ / "Viewers.xlsx")
    wb["Viewers"]["C3"] = "seven"
    wb["Viewers"]["A4"] = "September 31"
    path = tmp_path / "Viewers.xlsx"
    wb.save(path)
    os.utime(path, (1790931600, 1790931600))         # downloaded 2026-10-02
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert (err.value.line, err.value.column, err.value.got) == (3, "New Viewers", "seven")


@settings(max_examples=25, deadline=None)
@given(bad=st.lists(st.tuples(st.integers(2, 6), st.integers(0, 5)), min_size=2, max_size=3,
                    unique=True))
def test_of_any_bad_cells_of_an_overview_the_first_in_the_file_is_named(bad):
    """An Overview.csv of five days (lines 2 to 6, 25 to 29 September) with bad cells
    anywhere (``September 31`` for a day, ``lots`` for a figure): the one named is the least
    (line, column) of them, whatever the order the loader reads its columns in."""
    rows = [[f"September {d}", *(str(10 * d + k) for k in range(5))] for d in range(25, 30)]
    for line, col in bad:
        rows[line - 2][col] = "September 31" if col == 0 else "lots"
    with tempfile.TemporaryDirectory() as folder:
        path = _tiktok_csv(Path(folder), "Overview.csv", [_OVERVIEW_HEADER, *rows])
        with pytest.raises(ParseError) as err:
            read_file(path)
    line, col = min(bad)
    assert (err.value.line, err.value.column) == (line, _OVERVIEW_HEADER[col])


@pytest.mark.skipif(not SAMPLE.exists(), reason="data/sample not generated in this checkout")
@pytest.mark.parametrize("copy", ["Copie de Content_maisonseve.zip",
                                  "Copy of Copy of Content_maisonseve.zip",
                                  "Copia di Content_maisonseve - Copia.zip"])
def test_a_renamed_copy_of_the_zip_keeps_its_account(tmp_path, copy):
    """TikTok names the account only in its zip's name: a copy renamed "Copie de …" had no
    account (NA, no note). Its posts are the handle's, as the original's."""
    path = tmp_path / copy
    path.write_bytes((SAMPLE / "Content_maisonseve.zip").read_bytes())
    posts = read_file(path)[0]
    assert posts["account_id"].unique().tolist() == ["maisonseve"]
    assert len(posts) == len(read_file(SAMPLE / "Content_maisonseve.zip")[0])
