"""The one check X, TikTok and LinkedIn share: is a time decoded from a post id the post's day
(or minute) written in an unstated zone, UTC-12..UTC+14?"""

from __future__ import annotations

import pandas as pd

from smmanalytics.loaders._dates import id_time_in_any_zone


def _utc(*texts):
    return pd.Series(pd.to_datetime(list(texts), utc=True))


def test_a_day_runs_from_its_midnight_at_utc_plus_14_to_its_end_at_utc_minus_12():
    # the day 2026-03-10 read as UTC starts at 2026-03-10 00:00; in UTC+14 it starts 14 h
    # earlier (03-09 10:00), in UTC-12 it ends 12 h after its 24:00 (03-11 12:00, excluded)
    decoded = _utc("2026-03-09 09:59", "2026-03-09 10:00", "2026-03-11 11:59",
                   "2026-03-11 12:00", None)
    day = _utc(*["2026-03-10"] * 5)
    place = id_time_in_any_zone(decoded, day)
    assert place.before.tolist() == [True, False, False, False, False]
    assert place.within.tolist() == [False, True, True, False, False]
    assert place.after.tolist() == [False, False, False, True, False]


def test_a_written_minute_is_a_span_of_one_minute():
    # 08:30 as UTC: from 08:30 - 14 h (03-09 18:30) to 08:31 + 12 h (20:31, excluded)
    decoded = _utc("2026-03-09 18:30", "2026-03-10 20:30", "2026-03-10 20:31")
    start = _utc(*["2026-03-10 08:30"] * 3)
    place = id_time_in_any_zone(decoded, start, pd.Timedelta(minutes=1))
    assert place.within.tolist() == [True, True, False]
    assert place.after.tolist() == [False, False, True]


def test_an_unknown_day_tells_nothing():
    place = id_time_in_any_zone(_utc("2026-03-10 12:00"), _utc(None))
    assert not (place.before | place.within | place.after).any()
