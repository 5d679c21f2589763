"""Meta daily charts whose title and file name say neither Facebook nor Instagram ("Views",
reference §1.2) name no platform nor account, so every row of two such files shares its key
with the other's: two exports of one series are merged (the newest wins), two series (a
Facebook and an Instagram chart of one title) are kept apart, each under its own file
(``dataset._unknown_series_apart``): at least half the days two files share giving the same
figure makes them one series."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import smmanalytics as smm


def _daily(path: Path, title: str, rows: dict[str, int]) -> Path:
    """A Meta daily export as Meta writes it: UTF-16, ``sep=,``, the title, then the days."""
    body = "".join(f'"{day}T00:00:00","{v}"\n' for day, v in rows.items())
    path.write_text(f'sep=,\n"{title}"\n"Date","Primary"\n{body}', encoding="utf-16")
    return path


def _days(first: str, last: str) -> list[str]:
    return [f"{d:%Y-%m-%d}" for d in pd.date_range(first, last)]


def _by_file(ds) -> dict[str, dict[str, float]]:
    """Each file's (name) rows kept, day → value."""
    out: dict[str, dict[str, float]] = {}
    for src, day, v in zip(ds.daily["source_file"], ds.daily["date"], ds.daily["value"],
                           strict=True):
        out.setdefault(Path(src).name, {})[f"{day:%Y-%m-%d}"] = float(v)
    return out


def _notes(ds, code: str) -> pd.DataFrame:
    q = ds.quality
    return q[q["code"] == code].assign(name=lambda d: d["file"].map(lambda f: Path(f).name))


def test_two_charts_of_one_title_other_on_every_day_are_kept_apart(tmp_path):
    """The reviewer's folder: ``Views.csv`` (100 to 111 on 20 to 31 October) and its
    browser's second download ``Views (1).csv`` (1000 to 1011), the same days with other
    figures on every one (a Facebook and an Instagram chart: the test's name holds neither
    word, as the loader reads the platform from the whole path). The merge kept 12 rows,
    the second file's (min 1000); both are kept: 24 rows, Views.csv's sum 100 + … + 111 =
    12 × 100 + (0 + … + 11) = 1266, the other 12 × 1000 + 66 = 12066."""
    days = _days("2026-10-20", "2026-10-31")
    _daily(tmp_path / "Views.csv", "Views", {d: 100 + i for i, d in enumerate(days)})
    _daily(tmp_path / "Views (1).csv", "Views", {d: 1000 + i for i, d in enumerate(days)})
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.daily) == 24 and ds.daily["value"].min() == 100
    kept = _by_file(ds)
    assert sum(kept["Views.csv"].values()) == 1266
    assert sum(kept["Views (1).csv"].values()) == 12066
    assert ds.daily["platform"].isna().all() and ds.daily["account_id"].isna().all()
    apart = _notes(ds, "unknown_series_apart")
    assert sorted(apart["name"]) == ["Views (1).csv", "Views.csv"]
    assert (apart["level"] == "warning").all() and (apart["rows"] == 12).all()
    assert apart["message"].str.contains("other figures on 12 of them").all()
    # no tie: neither file's figures replaced the other's
    assert _notes(ds, "snapshot_tie").empty and _notes(ds, "snapshot_merged").empty


def test_the_same_chart_exported_a_week_later_still_wins(tmp_path):
    """One chart of unknown platform exported twice: 1 to 20 October (100 + day), then 8 to
    27 October with its last shared days revised (18, 19, 20 October: +5). They share the
    8th to the 20th, 13 days, 10 of them the same (13 − 3 revised ≥ 13 / 2): one series,
    the newer export winning (its snapshot inferred from its last day, the 27th). 27 days:
    the 1st to 7th from the older file, the 8th to 27th from the newer."""
    older = {d: 100 + int(d[-2:]) for d in _days("2026-10-01", "2026-10-20")}
    newer = {d: 100 + int(d[-2:]) for d in _days("2026-10-08", "2026-10-27")}
    for d in ("2026-10-18", "2026-10-19", "2026-10-20"):
        newer[d] += 5
    _daily(tmp_path / "Views.csv", "Views", older)
    _daily(tmp_path / "Views (1).csv", "Views", newer)
    ds = smm.load(tmp_path, cache=False)
    kept = _by_file(ds)
    assert len(ds.daily) == 27
    assert sorted(kept["Views.csv"]) == _days("2026-10-01", "2026-10-07")
    assert kept["Views (1).csv"]["2026-10-20"] == 125           # 100 + 20 + 5, revised
    assert _notes(ds, "unknown_series_apart").empty
    merged = _notes(ds, "snapshot_merged")
    assert merged["name"].tolist() == ["Views.csv"] and merged["rows"].tolist() == [13]


def test_a_second_download_of_the_same_figures_is_one_series(tmp_path):
    """A second download of the same chart and time, its bytes other (UTF-8, not UTF-16:
    identical files are read once before the merge): the same 12 figures, one series, the
    second download's rows kept, as before (``snapshot_merged``, an info)."""
    days = {d: 7 for d in _days("2026-10-20", "2026-10-31")}
    _daily(tmp_path / "Views.csv", "Views", days)
    body = "".join(f'"{d}T00:00:00","7"\n' for d in days)
    (tmp_path / "Views (1).csv").write_text(f'sep=,\n"Views"\n"Date","Primary"\n{body}',
                                           encoding="utf-8")
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.daily) == 12 and set(_by_file(ds)) == {"Views (1).csv"}
    assert _notes(ds, "unknown_series_apart").empty
    merged = _notes(ds, "snapshot_merged")
    assert merged["name"].tolist() == ["Views.csv"] and merged["level"].tolist() == ["info"]


@pytest.mark.parametrize(("same", "rows"), [(2, 4), (1, 8)])
def test_half_the_shared_days_the_same_is_one_series(tmp_path, same, rows):
    """Four shared days (1 to 4 October, both files exported at the same time): 2 of them the
    same is half, one series (4 rows, the second file's); 1 the same, fewer than half, two
    series (4 + 4 = 8 rows)."""
    days = _days("2026-10-01", "2026-10-04")
    first = {d: 10 for d in days}
    second = {d: 10 if i < same else 20 for i, d in enumerate(days)}
    _daily(tmp_path / "Views.csv", "Views", first)
    _daily(tmp_path / "Views (1).csv", "Views", second)
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.daily) == rows
    assert len(_notes(ds, "unknown_series_apart")) == (0 if rows == 4 else 2)


def test_a_re_export_joins_its_series_and_the_other_platforms_stays_apart(tmp_path):
    """Three files of unknown platform: a chart of 1 to 10 October (10 a day), its re-export
    of 5 to 14 October (10 a day, its last shared day, the 10th, revised to 12: 5 of 6 shared
    days the same) and the other platform's chart of 1 to 14 October (500 a day). The first
    two are one series: 14 days (1st to 4th from the first file, 5th to 14th from the
    re-export; Σ 4 × 10 + 5 × 10 + 12 + 4 × 10 = 142); the third is kept apart, its
    14 × 500 = 7000 whole; 28 rows."""
    _daily(tmp_path / "views_a.csv", "Views", {d: 10 for d in _days("2026-10-01", "2026-10-10")})
    again = {d: 10 for d in _days("2026-10-05", "2026-10-14")}
    again["2026-10-10"] = 12
    _daily(tmp_path / "views_b.csv", "Views", again)
    _daily(tmp_path / "views_c.csv", "Views", {d: 500 for d in _days("2026-10-01", "2026-10-14")})
    ds = smm.load(tmp_path, cache=False)
    kept = _by_file(ds)
    assert len(ds.daily) == 28
    assert sum(kept["views_a.csv"].values()) + sum(kept["views_b.csv"].values()) == 142
    assert sum(kept["views_c.csv"].values()) == 7000
    apart = _notes(ds, "unknown_series_apart")
    # c met a on 10 days and b on 10 days, every one of them other figures
    assert sorted(apart["name"]) == ["views_a.csv", "views_b.csv", "views_c.csv", "views_c.csv"]
    assert (apart["rows"] == 10).all()


def test_rows_of_a_known_platform_tied_are_still_one_series(tmp_path):
    """Only rows of no platform nor account are kept apart: two Facebook exports of one time
    with other figures are one series, the second download's kept (``snapshot_tie``)."""
    days = _days("2026-10-20", "2026-10-31")
    _daily(tmp_path / "facebook_views.csv", "Facebook views", {d: 1 for d in days})
    _daily(tmp_path / "facebook_views (1).csv", "Facebook views", {d: 2 for d in days})
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.daily) == 12 and (ds.daily["value"] == 2).all()
    assert _notes(ds, "unknown_series_apart").empty
    assert len(_notes(ds, "snapshot_tie")) == 1
