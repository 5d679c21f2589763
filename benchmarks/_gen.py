"""Generated inputs for the benchmarks: a Facebook post export from Meta Business Suite with the
columns and quirks of a real one (UTF-8 BOM, comma, quoted multi-line captions with doubled
quotes, ``N/A`` cells, empty metric cells, ``Lifetime`` date window, reel permalinks), written
vectorised through Arrow (no row loops); and a month of small X and LinkedIn post exports (the
agency's other monthly files, reference §10-§11), each post's id decoding to its day."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

HEADER = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)",
          "Publish time", "Caption type", "Permalink", "Is crosspost", "Is share", "Post type",
          "Languages", "Custom labels", "Funded content status", "Data comment", "Date", "Views",
          "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares",
          "Total clicks", "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)",
          "Link Clicks", "Seconds viewed", "Average Seconds viewed",
          "Negative feedback from users: Hide all", "Negative feedback from users: Hide",
          "Reach from Organic posts", "Reach from Boosted posts"]

_TITLES = np.array(['Winter sale "-20%"\nShop now', "Atelier tour", "Nouveautés de la semaine",
                    "Linen care, step by step", "Behind the scenes 🌿", "", "Meet the team",
                    "Le lin, en vidéo\n\nhttps://maisonseve.fr/?utm_campaign=hiver"],
                   dtype=object)
_TYPES = np.array(["Photos", "Videos", "Links", "Reels", "Status"], dtype=object)


def _ints(rng, n, lo, hi, missing=0.0):
    v = rng.integers(lo, hi, n).astype(str).astype(object)
    if missing:
        v[rng.random(n) < missing] = ""
    return v


def meta_posts_table(n: int, seed: int = 0) -> pa.Table:
    """``n`` rows of a Facebook post export as an Arrow table of text (header names as above)."""
    rng = np.random.default_rng(seed)
    ids = (122105550000000000 + np.arange(n, dtype=np.int64)).astype(str).astype(object)
    minutes = rng.integers(0, 6 * 365 * 24 * 60, n).astype("int64") * 60
    ts = pa.array(minutes + 1577836800, type=pa.timestamp("s"))       # from 2020-01-01
    publish = pc.strftime(ts, format="%m/%d/%Y %H:%M")
    kind = rng.integers(0, len(_TYPES), n)
    reel = kind == 3
    link_tail = np.char.add("pfbid0", ids.astype(str)).astype(object)
    permalink = np.where(reel, np.char.add("https://www.facebook.com/reel/", ids.astype(str)),
                         np.char.add("https://www.facebook.com/maisonseve/posts/",
                                     link_tail.astype(str))).astype(object)
    boosted = np.where(rng.random(n) < 0.05, rng.integers(1, 5000, n), 0).astype(str)
    cols = {
        "Post ID": ids,
        "Page ID": np.full(n, "104455667788990", dtype=object),
        "Page name": np.full(n, "Maison Sève", dtype=object),
        "Title": _TITLES[rng.integers(0, len(_TITLES), n)],
        "Description": np.where(rng.random(n) < 0.3, "Read our new guide: how to care for "
                                "linen, step by step", "").astype(object),
        "Duration (sec)": np.where(reel | (kind == 1), rng.integers(5, 90, n), 0).astype(str)
        .astype(object),
        "Publish time": publish,
        "Caption type": np.full(n, "N/A", dtype=object),
        "Permalink": permalink,
        "Is crosspost": np.full(n, "0", dtype=object),
        "Is share": np.full(n, "0", dtype=object),
        "Post type": _TYPES[kind],
        "Languages": np.full(n, "", dtype=object),
        "Custom labels": np.full(n, "", dtype=object),
        "Funded content status": np.full(n, "", dtype=object),
        "Data comment": np.full(n, "", dtype=object),
        "Date": np.full(n, "Lifetime", dtype=object),
        "Views": _ints(rng, n, 100, 50000),
        "Reach": _ints(rng, n, 50, 30000),
        "Reactions, Comments and Shares": _ints(rng, n, 0, 900),
        "Reactions": _ints(rng, n, 0, 600),
        "Comments": _ints(rng, n, 0, 200),
        "Shares": _ints(rng, n, 0, 100),
        "Total clicks": _ints(rng, n, 0, 400, missing=0.02),
        "Other Clicks": _ints(rng, n, 0, 200, missing=0.02),
        "Matched Audience Targeting Consumption (Photo Click)": _ints(rng, n, 0, 50, 0.5),
        "Link Clicks": _ints(rng, n, 0, 100, missing=0.3),
        "Seconds viewed": _ints(rng, n, 0, 9000, missing=0.5),
        "Average Seconds viewed": _ints(rng, n, 0, 30, missing=0.5),
        "Negative feedback from users: Hide all": _ints(rng, n, 0, 3, missing=0.6),
        "Negative feedback from users: Hide": _ints(rng, n, 0, 3, missing=0.6),
        "Reach from Organic posts": _ints(rng, n, 50, 30000),
        "Reach from Boosted posts": boosted.astype(object),
    }
    return pa.table({h: cols[h] if isinstance(cols[h], pa.Array)
                     else pa.array(cols[h], type=pa.string())
                     for h in HEADER})


def write_meta_posts(path: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` rows of a Facebook post export to ``path`` (BOM, comma, quoting as needed)."""
    path = Path(path)
    table = meta_posts_table(n, seed)
    sink = pa.BufferOutputStream()
    pacsv.write_csv(table, sink, write_options=pacsv.WriteOptions(
        include_header=True, quoting_style="needed", batch_size=1 << 16))
    path.write_bytes(b"\xef\xbb\xbf" + sink.getvalue().to_pybytes())
    return path


X_HEADER = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
            "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
            "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks"]
LINKEDIN_HEADER = ["Post title", "Post link", "Post type", "Created date", "Impressions",
                   "Clicks", "Likes", "Comments", "Reposts", "Follows", "Engagement rate"]
#: X's snowflake epoch (ms): an id's bits above the 22nd are milliseconds since it
_X_EPOCH_MS = 1288834974657
_MONTH_ONE = np.datetime64("2018-01", "M")


def _month_times(n: int, month: int, rng) -> np.ndarray:
    """``n`` sorted times (s since the epoch) in the ``month``-th month from January 2018
    (its first 28 days: every month has them)."""
    start = int((_MONTH_ONE + month).astype("datetime64[s]").astype("int64"))
    return start + np.sort(rng.integers(0, 28 * 86400, n)).astype("int64")


def write_x_content(path: Path, n: int, month: int, seed: int = 0) -> Path:
    """Write ``n`` posts of an X ``account_analytics_content`` export of the ``month``-th
    month from January 2018 to ``path``: days written ``Fri, Oct 02, 2026``, snowflake ids
    decoding to a time of that day (UTC)."""
    rng = np.random.default_rng(seed)
    secs = _month_times(n, month, rng)
    ids = (((secs * 1000 - _X_EPOCH_MS) << 22) + np.arange(n)).astype(str)
    cols = {"Post id": ids,
            "Date": pc.strftime(pa.array(secs, type=pa.timestamp("s")), format="%a, %b %d, %Y"),
            "Post text": np.char.add("Post #tag ", np.arange(n).astype(str)),
            "Post Link": np.char.add("https://x.com/maisonseve/status/", ids),
            "Impressions": rng.integers(300, 3000, n).astype(str)}
    table = pa.table({h: cols[h] if h in cols else rng.integers(0, 50, n).astype(str)
                      for h in X_HEADER})
    sink = pa.BufferOutputStream()
    pacsv.write_csv(table, sink, write_options=pacsv.WriteOptions(quoting_style="needed"))
    Path(path).write_bytes(sink.getvalue().to_pybytes())
    return Path(path)


def write_linkedin_posts(path: Path, n: int, month: int, seed: int = 0) -> Path:
    """Write ``n`` posts of a LinkedIn page's content workbook (sheet 'All posts', a title row
    above the header) of the ``month``-th month from January 2018 to ``path``: days written
    ``MM/DD/YYYY``, activity URNs decoding to a time of that day. A few rows: openpyxl writes
    them one by one."""
    import openpyxl  # lazy: only this writer needs it

    rng = np.random.default_rng(seed)
    secs = _month_times(n, month, rng)
    days = pc.strftime(pa.array(secs, type=pa.timestamp("s")), format="%m/%d/%Y").to_pylist()
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("All posts")
    ws.append(["All posts data"])
    ws.append(LINKEDIN_HEADER)
    for i in range(n):
        urn = (int(secs[i]) * 1000 + i) << 22
        ws.append([f"LinkedIn post {i}", f"https://www.linkedin.com/feed/update/urn:li:activity:"
                   f"{urn}", "Organic", days[i], *map(int, rng.integers(0, 60, 6)), 0.05])
    wb.save(path)
    return Path(path)
