"""compare, all platforms pooled: every follows file unread, the caveat said "The data hold no
follower figures" while the goals' notes said "no follower figures in the files that could be
read" (stop 55's item left). One true sentence: the follows exports could not be read, named."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from smmanalytics.compare import compare
from smmanalytics.report.formatting import Formatter

from ._roi_builders import dataset, posts

FOLLOWS = "instagram_follows_2025-09-01_2026-10-31_2026-11-01.csv"


def _follows_unread(*statuses: str):
    """Instagram posts of 10 September and 10 October, no follower row, and the follows
    file of ``statuses[0]`` (Meta's daily format claimed it) beside its posts export."""
    ps = [{"platform": "instagram", "post_id": f"p{m}", "reactions": 3.0,
           "published_at": f"2026-{m:02d}-10T09:00:00Z"} for m in (9, 10)]
    files = pd.DataFrame({
        "path": [f"exports/{FOLLOWS}", "exports/instagram_posts.csv"],
        "status": list(statuses) + ["ok"],
        "platform": pd.array(["facebook,instagram", "instagram"], dtype="string"),
        "kind": pd.array(["daily", "posts"], dtype="string")})
    return dataclasses.replace(dataset(posts=posts(ps)), files=files)


_SAID = {
    "en": f"The follower figures are unknown: 1 export could not be read ({FOLLOWS}); net new "
          "followers are not compared.",
    "fr": f"Les chiffres d'abonnés sont inconnus : 1 export n'a pas pu être lu ({FOLLOWS}) ; les "
          "abonnés gagnés (net) ne sont pas comparés.",
    "it": f"I dati sui follower sono sconosciuti: 1 esportazione non è stata letta ({FOLLOWS}); "
          "i nuovi follower (netti) non sono confrontati.",
}


@pytest.mark.parametrize("lang", sorted(_SAID))
def test_pooled_net_followers_name_the_unread_follows_file(lang):
    """No follower row at all (the only follows file failed): the row reads "–" on both sides,
    and its one caveat names the file instead of saying the data hold no follower figures."""
    c = compare(_follows_unread("failed"), "2026-10")
    row = c.table.set_index("kpi").loc["followers_net"]
    assert pd.isna(row["current"]) and pd.isna(row["previous"])
    said = [x for x in c.caveats if "follower" in x]
    assert said == [f"The follower figures are unknown: 1 export could not be read ({FOLLOWS}); "
                    "net followers are not compared."]
    assert Formatter(lang).note(said[0]) == _SAID[lang]


def test_pooled_net_followers_read_follows_file_says_no_figures():
    """The same follows file read (without follower rows): the data simply hold none."""
    c = compare(_follows_unread("ok"), "2026-10")
    assert [x for x in c.caveats if "follower" in x] == [
        "The data hold no follower figures: net followers are not compared."]
