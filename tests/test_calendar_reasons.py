"""Every reason a plan can give a slot, for one account and for several, in the API's English
and in a report's en, fr and it, word for word as fixtures/s54CX_reasons/reasons.json holds
them.

The fixture was captured from the reasons as they stood before each was written once with its
account part composed (calendar._REASONS had a ``_many`` copy of most), and read by hand:
one account reads "the account's average", "the account's usual hour", "an hour the account
usually posts at"; three read "each account's own average", "these 3 accounts' usual hour",
"an hour these 3 accounts usually post at" (fr "ces 3 comptes", it "questi 3 account").
Rebuild it only for a wording meant to change: ``python tests/test_calendar_reasons.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from smmanalytics.calendar import _REASONS, _reason, _reason_in
from smmanalytics.report import Formatter

FIXTURE = Path(__file__).parent / "fixtures" / "s54CX_reasons" / "reasons.json"
#: made-up values, each distinct, as a plan writes them in English
VALUES = {"weekdays": "Monday/Tuesday", "weekday": "Friday", "tz": "Europe/Rome", "start": "18:00",
          "end": "21:00", "lift": "1.42", "low": "1.10", "high": "1.85", "slot_lift": "1.37",
          "n": 5, "relative": "1.64", "hour": "22:00", "hours": "09:00, 15:00", "gap": 4,
          "excluded": "too young: 4", "few": 8}
#: a plan shown in another zone than its slots' adds the slot's own day and hour
SLOT = "; slot: Saturday 03:00 America/New_York"




def render_all() -> dict:
    """Each kind of reason for 1 and 3 accounts: its English, and its text in a report of
    each language (bare, and with the slot of a plan in another zone)."""
    kinds = sorted(k for k in _REASONS if k != "slot")
    out = {}
    for kind in kinds:
        for accounts in (1, 3):
            english = _reason(kind, accounts, **VALUES)
            out[f"{kind}/{accounts}"] = {"api": english, **{
                lang: [_reason_in(Formatter(lang), english),
                       _reason_in(Formatter(lang), english + SLOT)]
                for lang in ("en", "fr", "it")}}
    return out


def test_every_reason_reads_as_before_for_one_account_and_for_several():
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    got = render_all()
    assert sorted(got) == sorted(expected)
    for key, texts in expected.items():
        assert got[key] == texts, key


def test_the_fixture_tells_one_account_from_several():
    """The hand-checked heart of the fixture: what the account part reads."""
    texts = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert "at the account's usual hour (22:00 Europe/Rome)" in texts["usual_hour/1"]["api"]
    assert "at these 3 accounts' usual hour (22:00" in texts["usual_hour/3"]["api"]
    assert "habituelle de ces 3 comptes (22:00" in texts["usual_hour/3"]["fr"][0]
    assert "abituale di questi 3 account (22:00" in texts["usual_hour/3"]["it"][0]
    assert "held-out lift 1.42x (interval" in texts["window/1"]["api"]
    assert "held-out lift 1.42x each account's own average (interval" in texts["window/3"]["api"]
    assert "1,42× la moyenne de chaque compte" in texts["window/3"]["fr"][0]
    assert "an hour these 3 accounts usually post at" in texts["day_other/3"]["api"]
    assert "un'ora in cui l'account pubblica di solito" in texts["day_other/1"]["it"][0]
    # the activity schedule and noon say nothing of accounts: the same for 1 and 3
    assert texts["activity/1"] == texts["activity/3"]
    assert texts["noon_after/1"] == texts["noon_after/3"]


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(render_all(), ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
