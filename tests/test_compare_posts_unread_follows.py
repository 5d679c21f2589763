"""compare: only exports that may hold posts explain a month's posts (stop 54's item left):
Facebook's follows file failing to load, its September without a posts export read "Posts of
2026-09 unknown, not 0: 1 export could not be read (facebook_follows_….csv)", a file of
daily follows named as why its posts are unknown."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import smmanalytics as smm
from smmanalytics.compare import compare
from smmanalytics.report.formatting import Formatter

from ._report_helpers import SAMPLE

FOLLOWS = "facebook_follows_2025-09-01_2026-10-31_2026-11-01.csv"


@pytest.fixture(scope="module")
def follows_failed(tmp_path_factory):
    """The sample without Facebook's September posts export, its follows file damaged: one
    'Primary' cell ('lots-3') is no number, so the file fails to load (Meta's daily format
    claimed it: a daily export of Facebook or Instagram)."""
    root = tmp_path_factory.mktemp("follows_failed") / "brand"
    shutil.copytree(SAMPLE, root)
    (root / "facebook_posts_2026-09-01_2026-09-30_2026-10-02.csv").unlink()
    follows = root / FOLLOWS
    text = follows.read_text(encoding="utf-16")
    follows.write_text(text.replace('"2026-09-10T00:00:00","', '"2026-09-10T00:00:00","lots', 1),
                       encoding="utf-16")
    with pytest.warns(smm.DataQualityWarning, match=FOLLOWS):
        return smm.load(root)


_NO_POSTS_EXPORT = {
    "en": "No Facebook posts export covers September 2026: its post figures (posts, "
          "interactions, reach, views, engagement rates) are unknown, not 0, and are not "
          "compared.",
    "fr": "Aucun export de publications de Facebook ne couvre septembre 2026 : les indicateurs "
          "de publications de cette période (publications, interactions, couverture, vues, taux "
          "d'engagement) sont inconnus, et non 0, et ne sont pas comparés.",
    "it": "Nessuna esportazione dei post di Facebook copre settembre 2026: gli indicatori dei "
          "post di quel periodo (post, interazioni, copertura, visualizzazioni, tassi di "
          "engagement) sono sconosciuti, non 0, e non sono confrontati.",
}


def test_a_failed_follows_file_is_no_reason_for_unknown_posts(follows_failed):
    """The failed follows file is recorded as a daily export (the kind of the format that
    claimed it). Facebook's September against August: September's posts are unknown because
    no posts export covers it, said so, not blamed on the follows file; August keeps the 17
    posts of its export (its rows counted in the sample's file)."""
    files = follows_failed.files
    [row] = files.loc[files["path"].astype(str).str.endswith(FOLLOWS).to_numpy()].itertuples()
    assert (row.status, row.kind, row.platform) == ("failed", "daily", "facebook,instagram")
    c = compare(follows_failed, "2026-09", platform="facebook", n_boot=200, model=False)
    posts = c.table.set_index("kpi").loc["posts"]
    assert pd.isna(posts["current"]) and posts["previous"] == 17
    assert posts["method"] == "no facebook posts export covers 2026-09"
    caveat = ("No facebook posts export covers 2026-09: its post KPIs are unknown, not 0, and "
              "not compared.")
    assert caveat in c.caveats
    # the follows file is named by the follower caveat alone
    assert [s for s in c.caveats if FOLLOWS in s] == [FOLLOWERS_UNREAD]
    for lang, expected in _NO_POSTS_EXPORT.items():
        assert Formatter(lang).note(caveat) == expected


FOLLOWERS_UNREAD = (f"The facebook follower figures are unknown: 1 export could not be read "
                    f"({FOLLOWS}); net followers are not compared.")
_FOLLOWERS_UNREAD = {
    "en": f"The Facebook follower figures are unknown: 1 export could not be read ({FOLLOWS}); "
          "net new followers are not compared.",
    "fr": f"Les chiffres d'abonnés de Facebook sont inconnus : 1 export n'a pas pu être lu "
          f"({FOLLOWS}) ; les abonnés gagnés (net) ne sont pas comparés.",
    "it": f"I dati sui follower di Facebook sono sconosciuti: 1 esportazione non è stata letta "
          f"({FOLLOWS}); i nuovi follower (netti) non sono confrontati.",
}


def test_facebook_alone_with_its_follows_file_unread_says_so(follows_failed):
    """Review s55DB 4: Facebook's one follows file failed, and compare(platform='facebook')
    said "The data hold no facebook follower figures", the export there but unread. Both
    sides unknown; the caveat names the file, in every language. Instagram's own follows
    file is read: its net followers are compared, and no caveat names Facebook's file."""
    c = compare(follows_failed, "2026-09", platform="facebook", n_boot=200, model=False)
    row = c.table.set_index("kpi").loc["followers_net"]
    assert pd.isna(row["current"]) and pd.isna(row["previous"])
    said = [s for s in c.caveats if "follower" in s]
    assert said == [FOLLOWERS_UNREAD]
    for lang, expected in _FOLLOWERS_UNREAD.items():
        assert Formatter(lang).note(said[0]) == expected
    mine = compare(follows_failed, "2026-09", platform="instagram", n_boot=200, model=False)
    assert pd.notna(mine.table.set_index("kpi").loc["followers_net", "current"])
    assert not any(FOLLOWS in s for s in mine.caveats)
