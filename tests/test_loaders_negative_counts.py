"""Negative counts on X's daily files and TikTok's follower totals (review s56R5, minor
item 6): kept with no word, where the other platforms' daily values are noted
(``negative_values``) and posts' lifetime metrics left empty (``negative_metric``). Files
built in tmp_path."""

from __future__ import annotations

import zipfile

import pandas as pd

from smmanalytics.loaders import read_export

from ._helpers import _codes


def _note(df, code):
    (note,) = [q for q in df.attrs["quality"] if q["code"] == code]
    return note


def test_a_negative_x_daily_like_is_kept_and_noted_with_its_line(tmp_path):
    # Likes -8 on line 3 (2026-10-30): kept as exported, a correction as on other platforms
    path = tmp_path / "account_overview_analytics.csv"
    path.write_text("Date,Impressions,Likes,Replies,Reposts,New follows,Unfollows\n"
                    '"Sat, Oct 31, 2026",883,10,1,2,7,2\n"Fri, Oct 30, 2026",1027,-8,0,3,5,1\n',
                    encoding="utf-8")
    df = read_export(path)
    likes = df[df["metric"] == "reactions"].set_index("date")["value"]
    assert likes[pd.Timestamp("2026-10-30")] == -8
    note = _note(df, "negative_values")
    assert note["rows"] == 1 and "'Likes' 1 (line 3)" in note["message"]


def test_a_negative_tiktok_follower_total_is_left_missing_and_noted(tmp_path):
    # Followers 3008, -3864 (line 3), 3037: a total below zero is impossible, left missing;
    # the day's difference (-5 on line 4) is a real loss, kept
    rows = ('"Date","Followers","Difference in followers from previous day"\n'
            '"October 1","3008","0"\n"October 2","-3864","16"\n"October 3","3037","-5"\n')
    path = tmp_path / "Followers_someone.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("FollowerHistory.csv", (2026, 10, 4, 10, 0, 0)),
                   b"\xef\xbb\xbf" + rows.encode())
    df = read_export(path)
    totals = df[df["metric"] == "followers_total"]["value"]
    assert totals.iloc[0] == 3008 and pd.isna(totals.iloc[1]) and totals.iloc[2] == 3037
    assert df[df["metric"] == "net_follows"]["value"].iloc[-1] == -5
    note = _note(df, "negative_metric")
    assert note["rows"] == 1
    assert "1 negative follower totals in 'Followers' (line 3)" in note["message"]
    assert "negative_values" not in _codes(df)
