"""Helpers shared by the tests of several modules."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd


def _codes(df):
    return {q["code"] for q in df.attrs["quality"]}


def _grouped(cents: int, mark: str) -> str:
    """``cents`` as a spreadsheet writes money with ``mark`` as its decimal mark: thousands
    grouped by three with the other mark (1234567 cents, ',': '12.345,67')."""
    whole = f"{cents // 100:,}"
    if mark == ",":
        whole = whole.replace(",", ".")
    return f"{whole}{mark}{cents % 100:02d}"


def liked_posts(times_likes: list[tuple[pd.Timestamp, int]], tz: str) -> pd.DataFrame:
    """Instagram posts at the wall-clock times of ``tz`` given, with their likes (the best
    times tests' accounts), all read on 1 November 2026."""
    local = pd.DatetimeIndex([t for t, _ in times_likes]).tz_localize(tz)
    return pd.DataFrame({"published_at": local.tz_convert("UTC"), "platform": "instagram",
                         "likes": pd.array([v for _, v in times_likes], dtype="Int64"),
                         "snapshot_at": pd.Timestamp("2026-11-01", tz="UTC")})


def ig_export(views: int) -> str:
    """An Instagram posts export of one post seen ``views`` times (reached by half as many)."""
    return ('"Post ID","Account ID","Account username","Account name",Description,'
            '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
            'Reach,Likes,Shares,Follows,Comments,Saves\n'
            '179001,1784,brand,Brand,hello,0,10/02/2026 09:00,https://www.instagram.com/p/Z1/,'
            f'"IG image",,Lifetime,{views},{views // 2},10,1,,2,3\n')


def brand_zip(archive: Path, timezone: str, logo: str, goals: int) -> Path:
    """A zipped brand folder: its settings, one Instagram export of 10 views, an image and,
    at the archive's root, the logo its brand.yaml names (``../logo.svg``)."""
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("brand/brand.yaml", f"name: Zip\ntimezone: {timezone}\nlogo: ../logo.svg\n")
        zf.writestr("brand/goals.yaml", f"goals:\n  - {{metric: posts, target: {goals}}}\n")
        zf.writestr("brand/ig_2026-10-03.csv", "\ufeff" + ig_export(10))
        zf.writestr("brand/shot.png", b"\x89PNG\r\n\x1a\n")
        zf.writestr("logo.svg", logo)
    return archive


def meta_daily(path: Path, title: str, rows: dict[str, int]) -> Path:
    """A Meta daily export as Meta writes it: UTF-16, ``sep=,``, the title, then the days
    (``{"2026-01-04": 5}``)."""
    body = "".join(f'"{day}T00:00:00","{v}"\n' for day, v in rows.items())
    path.write_text(f'sep=,\n"{title}"\n"Date","Primary"\n{body}', encoding="utf-16")
    return path


def ig_posts(path: Path, posts: list[tuple], account: str = "1784") -> Path:
    """An Instagram posts export as Meta Business Suite writes it (English headers, publish
    times in Pacific time, lifetime figures) at ``path``, one row per ``(post id, publish
    time, likes, comments, shares, saves)``; interactions are likes + comments + shares +
    saves, reach is 10 × likes."""
    rows = ['"Post ID","Account ID","Account username","Account name",Description,'
            '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
            'Reach,Likes,Shares,Follows,Comments,Saves']
    rows += [f"{pid},{account},brand,Brand,post {pid},0,{at},https://www.instagram.com/p/Z{pid}/,"
             f'"IG image",,Lifetime,{20 * likes},{10 * likes},{likes},{shares},,{comments},{saves}'
             for pid, at, likes, comments, shares, saves in posts]
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    return path
