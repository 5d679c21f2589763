"""Italian Instagram stories (reviewer s58RI, finding 1): a stories export typed "Storia IG"
had every row an unknown type, its stories counted as feed posts ('other'), which moved the
posts per week against the benchmark, the competitors' row and the posting plan.

The fixtures are written by hand after the repository's Italian exports (``Immagine IG``,
``Carosello IG``); the reference marks Italian post types unknown [U]."""

from __future__ import annotations

from pathlib import Path

import pytest

from smmanalytics import read_export
from smmanalytics.loaders.meta import _type_by_word

from ._helpers import _codes

FIX = Path(__file__).parent / "fixtures" / "test_loaders_meta_italian_stories"


def test_every_row_of_a_stories_export_is_a_story():
    """4 rows of a stories export: "Storia IG" (the Italian word), "Sondaggio IG" (a type not
    known), "Reel IG" (another content: a reel shared to the story, noted) and no type: all
    four stories, as the format holds stories only. Only the reel's row is noted."""
    df = read_export(FIX / "instagram_storie_2026-10-01_2026-10-31_2026-11-01.csv")
    assert df.attrs["source_format"] == "meta_story"
    assert df["content_type"].astype(str).tolist() == ["story"] * 4
    assert df["content_type_raw"].tolist()[:3] == ["Storia IG", "Sondaggio IG", "Reel IG"]
    assert "unknown_post_type" not in _codes(df)
    note = next(q for q in df.attrs["quality"] if q["code"] == "story_type_other")
    assert (note["rows"], note["level"]) == (1, "warning")
    assert note["message"] == ("1 row of a stories export has a post type of another content: "
                               "'reel ig' (reel); counted as a story, the export holding "
                               "stories only")
    # a story's replies are its comments: 1, 2, 0, 3 from the Risposte column
    assert df["comments"].tolist() == [1, 2, 0, 3]


def test_a_stories_link_makes_a_story_of_a_post_of_unknown_type():
    """A posts export (not the stories format): an unknown type under a /stories/ link is a
    story (as one under a /reel/ link is a reel); the same unknown type under a /p/ link
    stays 'other'; a known type ("Immagine IG") keeps its type whatever its link; "Storie"
    (Italian plural) is a story by the word table."""
    df = read_export(FIX / "instagram_contenuti_2026-10-01_2026-10-31_2026-11-01.csv")
    assert df.attrs["source_format"] == "meta_post"
    assert df["content_type"].astype(str).tolist() == ["story", "image", "other", "story"]
    unknown = next(q for q in df.attrs["quality"] if q["code"] == "unknown_post_type")
    assert unknown["rows"] == 2 and "'story' where it is a /stories/ one" in unknown["message"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("storia ig", "story"), ("storia di instagram", "story"), ("storie", "story"),
    ("story instagram", "story"), ("stories", "story"), ("sondaggio ig", None)])
def test_the_word_table_knows_italian_and_french_stories(raw, expected):
    assert _type_by_word(raw) == expected
