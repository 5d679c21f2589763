"""How a table of best times prints its lifts (s56BT, item 3): two decimals, as the report."""

from __future__ import annotations

import pandas as pd

from smmanalytics.timing._result import HIDDEN, readable


def test_lifts_print_with_two_decimals_and_withheld_ones_as_a_dash():
    # 1.5 prints "1.50" (pandas printed "1.5" beside "1.27"); 1.234 rounds to "1.23"; the
    # slot of 3 posts (< 8) is withheld; a lift unknown on a slot of 9 posts is left blank
    frame = pd.DataFrame({"weekday": pd.array([0, 1, 2], dtype="Int64"),
                          "hour": pd.array([18, 9, 12], dtype="Int64"),
                          "n_posts": pd.array([9, 3, 9], dtype="Int64"),
                          "lift": pd.array([1.5, 2.0, None], dtype="Float64"),
                          "lift_low": pd.array([1.234, 1.0, None], dtype="Float64"),
                          "lift_high": pd.array([2.0, 3.0, None], dtype="Float64")})
    shown = readable(frame, hidden=HIDDEN)
    assert shown["lift"].tolist() == ["1.50", HIDDEN, ""]
    assert shown["lift_low"].tolist() == ["1.23", HIDDEN, ""]
    assert shown["lift_high"].tolist() == ["2.00", HIDDEN, ""]
    assert "1.50" in shown.to_string(index=False)
    assert frame["lift"].iloc[0] == 1.5           # the caller's frame is left as it was


def test_the_audience_schedule_prints_two_decimals_too():
    # an activity frame has no post counts: nothing withheld, 0.8 prints "0.80"
    frame = pd.DataFrame({"weekday": [0], "hour": [20], "online_followers": [120.0],
                          "relative": [0.8]})
    assert readable(frame, hidden=HIDDEN)["relative"].tolist() == ["0.80"]


def test_without_hidden_the_lifts_stay_numbers():
    frame = pd.DataFrame({"n_posts": [9, 3], "lift": [1.456, 2.0]})
    assert readable(frame)["lift"].tolist()[0] == 1.46
    assert pd.isna(readable(frame)["lift"].tolist()[1])


def test_best_times_readable_is_a_method_an_analyst_finds():
    """The README's ``readable(bt.by_slot)`` was a function of a private module (NameError
    when copied): ``bt.readable()`` gives its by_slot for reading, a slot of 3 posts (< 8)
    withheld; another table by name; a name that is none is an ArgumentError."""
    import pytest

    import smmanalytics as smm
    from smmanalytics.timing import BestTimes

    by_slot = pd.DataFrame({"weekday": pd.array([1, 6], dtype="Int64"),
                            "hour": pd.array([19, 20], dtype="Int64"),
                            "n_posts": pd.array([9, 3], dtype="Int64"),
                            "lift": pd.array([1.456, 2.0], dtype="Float64")})
    bt = BestTimes(effect_detected=False, p_value=0.5, by_slot=by_slot,
                   recommended=by_slot.iloc[:1], by_weekday=pd.DataFrame(), window={},
                   n_used=12, n_excluded={})
    shown = bt.readable()
    # weekday 1 is Tuesday, 6 Sunday; 1.456 → 1.46; Sunday's 3 posts tell no lift
    assert shown["weekday"].tolist() == ["Tuesday", "Sunday"]
    assert shown["hour"].tolist() == ["19:00", "20:00"]
    assert shown["lift"].iloc[0] == 1.46 and pd.isna(shown["lift"].iloc[1])
    assert bt.readable("recommended")["weekday"].tolist() == ["Tuesday"]
    assert bt.readable("activity").empty                 # no audience activity exported
    assert by_slot["lift"].iloc[1] == 2.0                # the frame itself keeps the estimate
    with pytest.raises(smm.ArgumentError, match="argument 'table'.*by_slot, recommended"):
        bt.readable("slots")
