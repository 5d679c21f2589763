"""Meta daily charts whose title and file name say neither Facebook nor Instagram ("Views",
reference §1.2) name no platform nor account, so every row of two such files shares its key
with the other's: two exports of one series are merged (the newest wins), two series (a
Facebook and an Instagram chart of one title) are kept apart, each under its own file
(``_merge._unknown_series_apart``): at least half the shared days not 0 in both giving
the same figure makes them one series; one file starting and ending later (a re-export's
ranges, and those of two platforms' charts exported over staggered ranges) does not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_a_re_export_sharing_only_its_revised_days_is_kept_apart(tmp_path):
    """``Views.csv`` covers 1 to 20 October at 100 a day, ``Views (1).csv`` 18 to 30 October
    at 100 a day, the three days they share (18 to 20) 130 in the second: none of the shared
    figures is the same. Its ranges are a re-export's, and were taken for one (30 rows, the
    first file's 18th to 20th replaced), but two platforms' charts exported over staggered
    ranges have them too: kept apart, noted, no row lost. 33 rows: 20 × 100 = 2000 and
    3 × 130 + 10 × 100 = 1390."""
    old = {d: 100 for d in _days("2026-10-01", "2026-10-20")}
    new = {d: 130 if d <= "2026-10-20" else 100 for d in _days("2026-10-18", "2026-10-30")}
    _daily(tmp_path / "Views.csv", "Views", old)
    _daily(tmp_path / "Views (1).csv", "Views", new)
    ds = smm.load(tmp_path, cache=False)
    kept = _by_file(ds)
    assert len(ds.daily) == 33
    assert sum(kept["Views.csv"].values()) == 2000
    assert sum(kept["Views (1).csv"].values()) == 1390
    apart = _notes(ds, "unknown_series_apart")
    assert sorted(apart["name"]) == ["Views (1).csv", "Views.csv"] and (apart["rows"] == 3).all()
    assert apart["message"].str.contains("Views (1).csv starts and ends later", regex=False).all()
    assert _notes(ds, "snapshot_merged").empty


def test_two_platforms_charts_over_staggered_ranges_are_kept_apart(tmp_path):
    """Instagram's views of 1 to 20 October (500 a day) and Facebook's of 11 to 31 October
    (40 a day), saved as ``Views.csv`` and ``Views (1).csv`` in one folder: the second starts
    and ends later, and was taken for a re-export, its 10 shared days (11 to 20 October)
    replacing Instagram's (31 rows: 10 × 500 + 21 × 40 = 5840, 5000 views lost). They differ
    on all 10: kept apart, 20 + 21 = 41 rows, 20 × 500 = 10000 and 21 × 40 = 840, both files
    noted, their platform still unknown."""
    _daily(tmp_path / "Views.csv", "Views", {d: 500 for d in _days("2026-10-01", "2026-10-20")})
    _daily(tmp_path / "Views (1).csv", "Views",
           {d: 40 for d in _days("2026-10-11", "2026-10-31")})
    ds = smm.load(tmp_path, cache=False)
    kept = _by_file(ds)
    assert len(ds.daily) == 41
    assert sum(kept["Views.csv"].values()) == 10000
    assert sum(kept["Views (1).csv"].values()) == 840
    assert ds.daily["platform"].isna().all()
    apart = _notes(ds, "unknown_series_apart")
    assert sorted(apart["name"]) == ["Views (1).csv", "Views.csv"]
    assert (apart["level"] == "warning").all() and (apart["rows"] == 10).all()
    assert apart["message"].str.contains("other figures on 10 of them").all()
    assert _notes(ds, "snapshot_merged").empty


def test_two_sparse_charts_of_one_title_are_kept_apart(tmp_path):
    """Facebook's and Instagram's link clicks of 1 to 30 October, exported together: 1 on
    the 1st, 7th, 13th, 19th and 25th (days i % 6 == 0 from 0), 2 on the 4th, 10th, 16th,
    22nd and 28th (i % 6 == 3); 0 on both the 20 other days. Those 20 days tell nothing, the
    10 left all differ: two series (they were taken for one, 30 rows summing 10, the first
    file's 5 clicks lost). 60 rows, 5 × 1 = 5 and 5 × 2 = 10."""
    days = _days("2026-10-01", "2026-10-30")
    _daily(tmp_path / "Link clicks.csv", "Link clicks",
           {d: 1 if i % 6 == 0 else 0 for i, d in enumerate(days)})
    _daily(tmp_path / "Link clicks (1).csv", "Link clicks",
           {d: 2 if i % 6 == 3 else 0 for i, d in enumerate(days)})
    ds = smm.load(tmp_path, cache=False)
    kept = _by_file(ds)
    assert len(ds.daily) == 60 and ds.daily["value"].sum() == 15
    assert sum(kept["Link clicks.csv"].values()) == 5
    assert sum(kept["Link clicks (1).csv"].values()) == 10
    apart = _notes(ds, "unknown_series_apart")
    assert sorted(apart["name"]) == ["Link clicks (1).csv", "Link clicks.csv"]
    assert (apart["rows"] == 30).all()
    assert apart["message"].str.contains(
        "other figures on 10 of them (20 of them 0 in both, which tells nothing)",
        regex=False).all()
    assert _notes(ds, "snapshot_tie").empty


def test_a_sparse_chart_downloaded_twice_is_one_series(tmp_path):
    """One sparse chart downloaded twice over 1 to 30 October, 3 on the 1st, 7th, 13th, 19th
    and 25th and 0 otherwise, the second download revising the 25th to 4: of the 5 days not
    0 in both, 4 are the same (the 25 days 0 in both tell nothing): one series, 30 rows, the
    second download's (4 × 3 + 4 = 16)."""
    days = _days("2026-10-01", "2026-10-30")
    first = {d: 3 if i % 6 == 0 else 0 for i, d in enumerate(days)}
    _daily(tmp_path / "Link clicks.csv", "Link clicks", first)
    _daily(tmp_path / "Link clicks (1).csv", "Link clicks", first | {"2026-10-25": 4})
    ds = smm.load(tmp_path, cache=False)
    assert len(ds.daily) == 30 and ds.daily["value"].sum() == 16
    assert set(_by_file(ds)) == {"Link clicks (1).csv"}
    assert _notes(ds, "unknown_series_apart").empty


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(shift=st.integers(1, 19), longer=st.integers(1, 10),
       revised=st.lists(st.integers(0, 1000), min_size=1, max_size=20))
def test_a_re_export_is_one_series_when_it_revises_at_most_half(tmp_path, shift, longer,
                                                                 revised):
    """A chart of the 1st to 20th (10 a day) and its re-export starting ``shift`` days later
    and ending ``longer`` days after the 20th, its first figures ``revised``: of the
    20 − ``shift`` shared days (none 0 in the older), those whose figure is not 10 differ.
    At most half differing: one series, one row per day of the two (20 + ``longer``), the
    newer's figures on the shared days. More: two series, kept whole, 20 rows and the
    newer's 20 + ``longer`` − ``shift``. No row is lost either way."""
    folder = tmp_path / f"{shift}-{longer}-{len(revised)}-{sum(revised)}"
    folder.mkdir(exist_ok=True)
    new_days = _days(f"2026-10-{1 + shift:02d}", f"2026-10-{20 + longer:02d}")
    new = {d: revised[i] if i < len(revised) else 10 for i, d in enumerate(new_days)}
    _daily(folder / "Views.csv", "Views", {d: 10 for d in _days("2026-10-01", "2026-10-20")})
    _daily(folder / "Views (1).csv", "Views", new)
    ds = smm.load(folder, cache=False)
    shared = 20 - shift
    differ = sum(v != 10 for v in revised[:shared])
    assert _by_file(ds)["Views (1).csv"] == {d: float(v) for d, v in new.items()}
    if differ * 2 <= shared:
        assert len(ds.daily) == 20 + longer
        assert _notes(ds, "unknown_series_apart").empty
    else:
        assert len(ds.daily) == 20 + len(new_days)
        assert len(_notes(ds, "unknown_series_apart")) == 2
