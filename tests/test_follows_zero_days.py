"""Meta follows files leave out the days without a follow (reference §1.2, [C-fx]): a day of
the file's range without its row is that export's 0, so a newer export's 0 wins over an older
export's figure for the day. Other series, and days outside the range, stay unknown."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import hypothesis
import pandas as pd
import pytest
from hypothesis import strategies as hs

import smmanalytics as smm

from ._report_helpers import SAMPLE


def _daily(path: Path, title: str, rows: dict[str, int]) -> Path:
    """A Meta daily export as Meta writes it: UTF-16, ``sep=,``, the title, then the days."""
    body = "".join(f'"{day}T00:00:00","{v}"\n' for day, v in rows.items())
    path.write_text(f'sep=,\n"{title}"\n"Date","Primary"\n{body}', encoding="utf-16")
    return path


def _series(ds, metric: str = "follows") -> dict[str, float]:
    d = ds.daily[ds.daily["metric"] == metric]
    return {f"{day:%Y-%m-%d}": float(v) for day, v in zip(d["date"], d["value"], strict=True)}


def _note(ds, code: str, file_part: str) -> dict | None:
    q = ds.quality
    hit = q[(q["code"] == code) & q["file"].str.contains(file_part, regex=False)]
    return hit.iloc[0].to_dict() if len(hit) else None


def test_a_newer_exports_omitted_day_is_its_zero_and_wins(tmp_path):
    """The reviewer's agency in small: the older export (exported 1 February, 14 to 22
    January) has 15 follows on the 15th; the newer one (exported 1 March, 14 to 20 January)
    has no row for the 15th, i.e. none. The older 15 was kept: the 14th-22nd summed
    2 + 15 + 4 + 1 + 5 = 27; it is 2 + 0 + 4 + 0 + 0 + 0 + 1 + 0 + 5 = 12."""
    _daily(tmp_path / "instagram_follows_2026-01-14_2026-01-22_2026-02-01.csv",
           "Instagram follows", {"2026-01-14": 2, "2026-01-15": 15, "2026-01-16": 3,
                                 "2026-01-22": 5})
    _daily(tmp_path / "instagram_follows_2026-01-14_2026-01-20_2026-03-01.csv",
           "Instagram follows", {"2026-01-14": 2, "2026-01-16": 4, "2026-01-20": 1})
    ds = smm.load(tmp_path, cache=False)
    assert _series(ds) == {
        "2026-01-14": 2, "2026-01-15": 0, "2026-01-16": 4,        # the newer export's
        "2026-01-17": 0, "2026-01-18": 0, "2026-01-19": 0, "2026-01-20": 1,
        "2026-01-21": 0, "2026-01-22": 5}                         # the older one's
    assert sum(_series(ds).values()) == 12
    newer = ds.daily[ds.daily["date"] == pd.Timestamp("2026-01-15")]
    assert newer["source_file"].str.contains("2026-03-01").all()
    # the newer file left out the 15th, 17th, 18th and 19th; the older the 17th to 21st
    filled = _note(ds, "zero_days_filled", "2026-03-01")
    assert filled["level"] == "info" and filled["rows"] == 4
    assert "between 2026-01-14 and 2026-01-20" in filled["message"]
    assert _note(ds, "zero_days_filled", "2026-02-01")["rows"] == 5
    # the older file's 14th to 20th (7 days, four of them its zeros) gave way to the newer
    assert _note(ds, "snapshot_merged", "2026-02-01")["rows"] == 7


def test_other_series_keep_their_missing_days_unknown(tmp_path):
    """Only follows files are said to leave out their zero days: a views file's missing day
    is unknown."""
    _daily(tmp_path / "instagram_views_2026-01-14_2026-01-16_2026-02-01.csv", "Views",
           {"2026-01-14": 300, "2026-01-16": 280})
    ds = smm.load(tmp_path, cache=False)
    assert _series(ds, "views") == {"2026-01-14": 300, "2026-01-16": 280}
    assert "zero_days_filled" not in set(ds.quality["code"])


def test_a_follows_file_of_net_changes_leaves_out_its_zero_days_too(tmp_path):
    """A follows file with a day below 0 is a net change (net_follows), from the same export:
    it lists only its days not 0 (the sample's Facebook follows). Its missing 15th, inside
    14 to 17 January, is 0: the four days sum 4 + 0 − 2 + 3 = 5, every day known."""
    _daily(tmp_path / "facebook_follows_2026-01-14_2026-01-17_2026-02-01.csv",
           "Facebook follows", {"2026-01-14": 4, "2026-01-16": -2, "2026-01-17": 3})
    ds = smm.load(tmp_path, cache=False)
    assert _series(ds, "net_follows") == {"2026-01-14": 4, "2026-01-15": 0, "2026-01-16": -2,
                                          "2026-01-17": 3}
    assert _note(ds, "zero_days_filled", "facebook_follows")["rows"] == 1


def test_without_a_range_in_its_name_the_file_covers_the_days_its_rows_reach(tmp_path):
    """``Instagram follows.csv`` states no range: the days between its first and last rows
    (the 15th and 16th) are its zeros, none before the 14th nor after the 17th."""
    _daily(tmp_path / "Instagram follows.csv", "Instagram follows",
           {"2026-01-14": 3, "2026-01-17": 6})
    ds = smm.load(tmp_path, cache=False)
    assert _series(ds) == {"2026-01-14": 3, "2026-01-15": 0, "2026-01-16": 0, "2026-01-17": 6}
    assert _note(ds, "zero_days_filled", "Instagram follows")["rows"] == 2


_DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(20)]


@hypothesis.settings(max_examples=20, deadline=None)
@hypothesis.given(hs.dictionaries(hs.sampled_from(_DAYS), hs.integers(1, 50), min_size=1,
                                  max_size=20))
def test_a_follows_file_loads_one_row_per_day_of_its_range(tmp_path_factory, rows):
    """Whatever days a follows file of 1 to 20 January lists, the load has each of the 20
    days once: the listed ones with their count, the others 0, so the total is the file's."""
    folder = tmp_path_factory.mktemp("follows")
    _daily(folder / "instagram_follows_2026-01-01_2026-01-20_2026-01-21.csv",
           "Instagram follows", {f"{d:%Y-%m-%d}": v for d, v in sorted(rows.items())})
    ds = smm.load(folder, cache=False)
    got = _series(ds)
    assert list(got) == [f"{d:%Y-%m-%d}" for d in _DAYS]
    assert got == {f"{d:%Y-%m-%d}": rows.get(d, 0) for d in _DAYS}
    note = _note(ds, "zero_days_filled", "follows")
    assert (note is None) == (len(rows) == 20)
    assert note is None or note["rows"] == 20 - len(rows)


def _at(path: Path, when: str) -> Path:
    """``path`` with its modification time set to ``when`` (UTC)."""
    t = pd.Timestamp(when, tz="UTC").timestamp()
    os.utime(path, (t, t))
    return path


def test_a_day_after_the_named_range_is_noted_and_not_filled(tmp_path):
    """A follows file named for 14 to 17 January, exported 1 February, holds a row of
    2027-09-09 (a year mistyped): noted, kept (the file's row, no row dropped silently), and
    the zeros stop at the 17th (the 15th and 16th: 2 rows); the export's date is still its
    name's, 1 February (its end in Meta's zone, 08:00 UTC on the 2nd)."""
    _daily(tmp_path / "facebook_follows_2026-01-14_2026-01-17_2026-02-01.csv",
           "Facebook follows", {"2026-01-14": 4, "2026-01-17": -2, "2027-09-09": 3})
    ds = smm.load(tmp_path, cache=False)
    assert _series(ds, "net_follows") == {"2026-01-14": 4, "2026-01-15": 0, "2026-01-16": 0,
                                          "2026-01-17": -2, "2027-09-09": 3}
    assert _note(ds, "zero_days_filled", "facebook_follows")["rows"] == 2
    late = _note(ds, "dated_after_export", "facebook_follows")
    assert late["level"] == "warning" and late["rows"] == 1
    assert ("after the last day its name says it covers, 2026-01-17" in late["message"]
            and "2027-09-09" in late["message"])
    assert (ds.daily["snapshot_at"] == pd.Timestamp("2026-02-02 08:00", tz="UTC")).all()


def test_without_dates_in_its_name_a_day_after_the_file_was_written_is_no_export_date(
        tmp_path):
    """``fbfollows.csv``, written 1 February 2026, holds 14 and 17 January and 2027-09-09.
    The 2027 day was taken as the export's date, and the 601 days without a row between
    14 January 2026 and 9 September 2027 (604 days, 3 listed) were filled with 0: a year and
    a half of made-up zeros overriding older exports. Now the file's modification time
    bounds its days: the export is taken as of the end of its last day before it, 17 January
    (08:00 UTC on the 18th, Meta's zone), the 15th and 16th are its zeros, the 2027 row is
    noted and kept."""
    _at(_daily(tmp_path / "fbfollows.csv", "Facebook follows",
               {"2026-01-14": 4, "2026-01-17": -2, "2027-09-09": 3}), "2026-02-01 12:00")
    ds = smm.load(tmp_path, cache=False)
    assert _series(ds, "net_follows") == {"2026-01-14": 4, "2026-01-15": 0, "2026-01-16": 0,
                                          "2026-01-17": -2, "2027-09-09": 3}
    assert _note(ds, "zero_days_filled", "fbfollows")["rows"] == 2
    assert (ds.daily["snapshot_at"] == pd.Timestamp("2026-01-18 08:00", tz="UTC")).all()
    late = _note(ds, "dated_after_export", "fbfollows")
    assert late["rows"] == 1
    assert "after the day the file was last modified (the export states no date), 2026-02-01" \
        in late["message"]


def test_a_modification_time_earlier_than_all_the_rows_is_not_the_export_date(tmp_path):
    """``fbfollows.csv`` holds 14, 17 and 20 January 2026 but was last modified on 1 June
    2025 (a wrong clock, or a copy that reset it): that time was taken as the export's
    (snapshot 2025-06-01 12:00 UTC), all 3 rows were noted as dated after it and no day was
    filled. An export is never older than its own first day: the time is noted once and not
    used, the export is as of the end of its last day, 20 January (08:00 UTC on the 21st in
    Meta's zone, Los Angeles), and the 15th, 16th, 18th and 19th are its zeros (4 rows)."""
    _at(_daily(tmp_path / "fbfollows.csv", "Facebook follows",
               {"2026-01-14": 4, "2026-01-17": -2, "2026-01-20": 3}), "2025-06-01 12:00")
    ds = smm.load(tmp_path, cache=False)
    assert _note(ds, "dated_after_export", "fbfollows") is None
    assert _note(ds, "snapshot_guessed", "fbfollows") is None
    assert (ds.quality["code"] == "mtime_before_data").sum() == 1
    note = _note(ds, "mtime_before_data", "fbfollows")
    assert ("modification time, 2025-06-01, is earlier than its first day, 2026-01-14"
            in note["message"])
    assert (ds.daily["snapshot_at"] == pd.Timestamp("2026-01-21 08:00", tz="UTC")).all()
    assert _series(ds, "net_follows") == {
        "2026-01-14": 4, "2026-01-15": 0, "2026-01-16": 0, "2026-01-17": -2,
        "2026-01-18": 0, "2026-01-19": 0, "2026-01-20": 3}
    assert _note(ds, "zero_days_filled", "fbfollows")["rows"] == 4


def test_a_modification_time_before_the_rows_is_not_noted_when_the_name_dates_the_export(
        tmp_path):
    """The export's date is its name's (1 February 2026): the file's time, 1 June 2025,
    bounds nothing, so nothing is said of it; no row is after the name's date."""
    _at(_daily(tmp_path / "facebook_follows_2026-02-01.csv", "Facebook follows",
               {"2026-01-14": 4, "2026-01-17": -2}), "2025-06-01 12:00")
    ds = smm.load(tmp_path, cache=False)
    assert _note(ds, "mtime_before_data", "facebook_follows") is None
    assert _note(ds, "dated_after_export", "facebook_follows") is None


@pytest.mark.parametrize("name,title,whose", [
    # the sample's own file, emptied: Facebook by its title (and its name)
    ("facebook_follows_2025-09-01_2026-10-31_2026-11-01.csv", None, "the Facebook table"),
    # a name that says nothing: Instagram by its title
    ("export (3).csv", "Instagram follows", "the Instagram table"),
    # neither title nor name says: the note says it could not be told
    ("export (3).csv", "Follows", "the table")])
def test_a_follows_export_without_rows_names_its_platform(tmp_path, name, title, whose):
    """The sample's Facebook follows export with its sep line, title and header only: its
    note read "the table has its headers but no rows", no platform, though the files table
    gave Facebook."""
    sample = SAMPLE / "facebook_follows_2025-09-01_2026-10-31_2026-11-01.csv"
    sep, own_title, header = sample.read_bytes().decode("utf-16").splitlines()[:3]
    (tmp_path / name).write_text("\n".join([sep, f'"{title}"' if title else own_title,
                                            header]) + "\n", encoding="utf-16")
    ds = smm.load(tmp_path, cache=False)
    note = _note(ds, "empty_file", name)["message"]
    said = "has its headers but no rows (nothing in its period, or an export cut short?)"
    if title == "Follows":
        assert pd.isna(ds.files["platform"].iloc[0])
        assert note == (f"{whose} {said}; whose it is, Facebook or Instagram, could not be "
                        "told (its title and name do not say)")
    else:
        assert ds.files["platform"].tolist() == [whose.split()[1].lower()]
        assert note == f"{whose} {said}"
