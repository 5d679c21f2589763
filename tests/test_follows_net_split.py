"""One Meta follows series read one way however its exports were cut (review s55R2 F2).

Meta's follows chart does not say whether it counts new follows or their net change; a file
with a day below 0 is net. Cut into monthly exports, a month without such a day was read as
gross follows, and the net change of the months it covered became unknown (Instagram's Q3
net followers 1,893 → 655). The series is decided at the merge, across its files."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path

import hypothesis
import pandas as pd
from hypothesis import strategies as hs

import smmanalytics as smm
from smmanalytics._actuals import actual

from ._helpers import meta_daily

#: 1 to 6 January 2026 as Meta lists them: the 3rd, with no change, has no row
DAYS = {"2026-01-01": 3, "2026-01-02": 2, "2026-01-04": 5, "2026-01-05": -4, "2026-01-06": 1}
JANUARY = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def _cut(folder: Path, days: dict[str, int], cuts: list[str], last: str = "2026-01-06"
         ) -> Path:
    """``days`` written as Instagram follows files, one from each of ``cuts`` (first days,
    the first the series' own) to the day before the next, the last to ``last``; each file
    named by its days as Meta's are, exported the day after it ends."""
    folder.mkdir()
    starts = [pd.Timestamp(c) for c in cuts]
    ends = [s - pd.Timedelta(days=1) for s in starts[1:]] + [pd.Timestamp(last)]
    for start, end in zip(starts, ends, strict=True):
        mine = {d: v for d, v in days.items() if start <= pd.Timestamp(d) <= end}
        name = (f"instagram_follows_{start:%Y-%m-%d}_{end:%Y-%m-%d}_"
                f"{end + pd.Timedelta(days=1):%Y-%m-%d}.csv")
        meta_daily(folder / name, "Instagram follows", mine)
    return folder


def _table(ds) -> list[tuple[str, str, float]]:
    d = ds.daily.sort_values("date")
    return [(f"{day:%Y-%m-%d}", str(m), float(v))
            for day, m, v in zip(d["date"], d["metric"], d["value"], strict=True)]


def test_one_file_two_or_three_give_the_same_net_change(tmp_path):
    """By hand: 3 + 2 + 0 (the 3rd, no row) + 5 − 4 + 1 = 7, each day net_follows. Cut on the
    4th, the first file (1st-3rd: 3, 2, 0) has no day below 0 and was read as gross follows:
    January's net change was 2 (5 − 4 + 1), known on 3 of 31 days. Cut on the 3rd and 5th,
    two of the three files have none."""
    whole = smm.load(_cut(tmp_path / "one", DAYS, ["2026-01-01"]), cache=False)
    expected = [("2026-01-01", "net_follows", 3.0), ("2026-01-02", "net_follows", 2.0),
                ("2026-01-03", "net_follows", 0.0), ("2026-01-04", "net_follows", 5.0),
                ("2026-01-05", "net_follows", -4.0), ("2026-01-06", "net_follows", 1.0)]
    assert _table(whole) == expected
    assert actual(whole, "followers_net", "instagram", *JANUARY) == 7.0
    for name, cuts in (("two", ["2026-01-01", "2026-01-04"]),
                       ("three", ["2026-01-01", "2026-01-03", "2026-01-05"])):
        ds = smm.load(_cut(tmp_path / name, DAYS, cuts), cache=False)
        assert _table(ds) == expected, name
        assert actual(ds, "followers_net", "instagram", *JANUARY) == 7.0, name


def test_the_file_read_as_net_for_its_series_says_so(tmp_path):
    """The first file of the cut on the 4th (1st-3rd: 2 rows and the 3rd's 0) alone would be
    gross: its 3 rows are read as net, noted on that file, not on the other."""
    ds = smm.load(_cut(tmp_path / "two", DAYS, ["2026-01-01", "2026-01-04"]), cache=False)
    q = ds.quality[ds.quality["code"] == "follows_are_net"]
    turned = q[q["message"].str.contains("as the other files of the same series")]
    assert turned["file"].str.contains("2026-01-01_2026-01-03").tolist() == [True]
    assert turned["rows"].tolist() == [3]
    assert turned["level"].tolist() == ["info"]


def test_a_series_never_below_0_stays_gross_in_every_cut(tmp_path):
    """No day below 0 in any file (3, 2, 0, 5, 1, 1): gross follows in one file and in two,
    and the net change unknown in both (NaN), never half of one and half of the other."""
    days = {**DAYS, "2026-01-05": 1}
    for name, cuts in (("one", ["2026-01-01"]), ("two", ["2026-01-01", "2026-01-04"])):
        ds = smm.load(_cut(tmp_path / name, days, cuts), cache=False)
        assert {m for _, m, _ in _table(ds)} == {"follows"}, name
        assert pd.isna(actual(ds, "followers_net", "instagram", *JANUARY)), name


@hypothesis.settings(max_examples=12, deadline=None)
@hypothesis.given(values=hs.lists(hs.integers(-3, 6), min_size=6, max_size=6),
                  cuts=hs.sets(hs.integers(2, 6), max_size=2))
def test_any_cut_reads_as_the_whole_file(values, cuts):
    """Whatever the values (0 left out, as Meta does) and wherever the series is cut, the
    daily table and January's net change are those of the one file: the sum of the values
    when one is below 0, else unknown. Each file holds a row: a file of no row names no
    platform, and its days are not filled (dataset._omitted_zero_days)."""
    days = {f"2026-01-{i:02d}": v for i, v in enumerate(values, start=1) if v}
    bounds = [1, *sorted(cuts), 7]
    hypothesis.assume(all(any(values[a - 1:b - 1]) for a, b in itertools.pairwise(bounds)))
    starts = ["2026-01-01", *(f"2026-01-{c:02d}" for c in sorted(cuts))]
    with tempfile.TemporaryDirectory() as tmp:
        whole = smm.load(_cut(Path(tmp) / "one", days, ["2026-01-01"]), cache=False)
        cut = smm.load(_cut(Path(tmp) / "cut", days, starts), cache=False)
        assert _table(cut) == _table(whole)
        net = actual(cut, "followers_net", "instagram", *JANUARY)
        if min(values) < 0:
            assert net == sum(values)
        else:
            assert pd.isna(net)


#: a second series of the same days, gross (no day below 0): 10 + 20 + 30 + 40 + 50 = 150
OTHER = {"2026-01-01": 10, "2026-01-02": 20, "2026-01-04": 30, "2026-01-05": 40,
         "2026-01-06": 50}


def _by_file(ds) -> dict[tuple[str, str], float]:
    """Each file's (name) sum per metric."""
    d = ds.daily
    return {(Path(f).name, str(m)): float(v) for (f, m), v in d.groupby(
        [d["source_file"].astype(str), d["metric"].astype(str)])["value"].sum().items()}


def _codes(ds) -> dict[str, int]:
    return ds.quality["code"].astype(str).value_counts().to_dict()


def test_two_accounts_unnamed_follows_files_keep_their_own_reading(tmp_path):
    """Review s55DB 1. brand.yaml declares two Instagram accounts and neither follows file
    names its own: the net one (DAYS, 3 + 2 + 5 − 4 + 1 = 7) made the other's 150 new follows
    net, and the two, then sharing every key, were merged into one (7 lost). Whose each is
    cannot be told: both kept as read, 7 net and 150 gross, with the warning that they were
    kept apart as two series."""
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "brand.yaml").write_text(
        "name: Two\ntimezone: Europe/Paris\nlanguage: en\n"
        "accounts:\n  instagram: [maisonseve, maisonseve.shop]\n", encoding="utf-8")
    meta_daily(brand / "instagram_follows_2026-01-01_2026-01-06.csv", "Instagram follows", DAYS)
    meta_daily(brand / "instagram_follows_2026-01-01_2026-01-06 (1).csv", "Instagram follows",
               OTHER)
    ds = smm.load(brand, cache=False)
    assert _by_file(ds) == {("instagram_follows_2026-01-01_2026-01-06.csv", "net_follows"): 7.0,
                            ("instagram_follows_2026-01-01_2026-01-06 (1).csv", "follows"):
                            150.0}
    codes = _codes(ds)
    assert codes["account_series_apart"] == 2       # one on each file
    assert "snapshot_tie" not in codes
    # the one net-by-its-own-signs note, no note of a file made net by the other
    assert codes["follows_are_net"] == 1


def test_follows_files_of_no_platform_keep_their_own_reading(tmp_path):
    """The same two series as ``Follows.csv`` and ``Follows (1).csv``, which say neither
    platform nor account: 7 net and 150 gross, kept apart as two series of unknown platform
    (before, 150 read as net and one file's rows dropped)."""
    folder = tmp_path / "noplat"
    folder.mkdir()
    meta_daily(folder / "Follows.csv", "Follows", DAYS)
    meta_daily(folder / "Follows (1).csv", "Follows", OTHER)
    ds = smm.load(folder, cache=False)
    assert _by_file(ds) == {("Follows.csv", "net_follows"): 7.0,
                            ("Follows (1).csv", "follows"): 150.0}
    codes = _codes(ds)
    assert codes["unknown_series_apart"] == 2
    assert "snapshot_tie" not in codes
