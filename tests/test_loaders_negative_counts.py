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
    assert "1 negative follower total in 'Followers' (line 3)" in note["message"]
    assert "negative_values" not in _codes(df)


def test_negative_counts_beside_an_x_posts_metrics_are_left_missing_and_noted(tmp_path):
    """X's content export (its header as X writes it, platform-exports §3): Hashtag Clicks -3
    and -1, Reposts -7 on the first post. Every count of a post's lifetime is blanked and
    noted by one rule, the schema's metrics and the counts kept beside them alike; the first
    post's shares (reposts -7 + shares 1) are unknown, not 1 or -6; the second's are its
    2 reposts + 0 shares = 2, its interactions 10 likes + 1 reply + 2 shares + 0 bookmarks =
    13."""
    path = tmp_path / "account_analytics_content_2026-07-01_2026-07-31.csv"
    path.write_text(
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,"
        "New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,"
        "Permalink Clicks\n"
        '2077056051303153665,"Tue, Jul 14, 2026","Linen week, day 1",'
        'https://x.com/maisonseve/status/2077056051303153665,"1,234",40,95,3,1,2,5,-7,6,20,12,'
        "-3,1\n"
        '1900000000000000000,"Thu, Jul 16, 2026",Second post,'
        "https://x.com/maisonseve/status/1900000000000000000,800,10,22,0,0,0,1,2,1,5,3,-1,0\n",
        encoding="utf-8")
    df = read_export(path).set_index("post_id")
    first, second = "2077056051303153665", "1900000000000000000"
    assert df["hashtag_clicks"].isna().all()
    assert pd.isna(df.loc[first, "reposts"]) and pd.isna(df.loc[first, "shares"])
    assert df.loc[second, "shares"] == 2 and df.loc[second, "interactions"] == 13
    assert df.loc[first, "profile_visits"] == 6        # kept: no count below zero
    notes = {q["message"] for q in df.attrs["quality"] if q["code"] == "negative_metric"}
    assert notes == {"1 negative value of 'reposts' set to NaN",
                     "2 negative values of 'hashtag_clicks' set to NaN"}
