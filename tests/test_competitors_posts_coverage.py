"""The brand's posts per week beside its competitors count the days its posts exports cover
(s54RV): without August's Facebook export, its September posts read 2.0 a week over
August-September's 61 days, half the competitors' pace, where the benchmark table on the
page before counted the 30 covered days."""

import pandas as pd
import pytest

from smmanalytics.benchmarks import compare_competitors, read_competitors
from smmanalytics.dataset import FILE_COLUMNS
from smmanalytics.report import BrandReport

from ._roi_builders import dataset, posts

HEADER = "platform,competitor,period,followers,posts,interactions\n"


def _files(*stretches: tuple[str, str]) -> pd.DataFrame:
    """A files table of Facebook posts exports, one a (covers_from, covers_to) stretch."""
    return pd.DataFrame([{"path": f"facebook_posts_{i}.csv", "platform": "facebook",
                          "kind": "posts", "status": "ok", "covers_from": pd.Timestamp(a),
                          "covers_to": pd.Timestamp(b)} for i, (a, b) in enumerate(stretches)],
                        columns=list(FILE_COLUMNS)).astype(FILE_COLUMNS)


def _brand(tmp_path, *stretches: tuple[str, str]):
    """12 Facebook posts in September (one every other day from the 1st), a competitor of
    August and September (18 + 17 posts), and the posts exports of ``stretches``."""
    path = tmp_path / "competitors.csv"
    path.write_text(HEADER + "facebook,Rival,2026-08,1000,18,900\n"
                             "facebook,Rival,2026-09,1100,17,800\n", encoding="utf-8")
    rows = [{"platform": "facebook", "post_id": str(d), "reactions": 10.0, "comments": 1.0,
             "shares": 0.0, "published_at": f"2026-09-{d:02d}T09:00:00Z"}
            for d in range(1, 24, 2)]
    return dataset(competitors=read_competitors(path), posts=posts(rows),
                   files=_files(*stretches))


JULY, SEPTEMBER = ("2026-07-01", "2026-07-31"), ("2026-09-01", "2026-09-30")


def test_the_brands_rate_counts_the_days_its_posts_exports_cover(tmp_path):
    ds = _brand(tmp_path, JULY, SEPTEMBER)          # no export of August
    side = compare_competitors(ds, "2026-08-01..2026-09-30").set_index("name")
    # 12 posts over September's 30 days, the only ones of the 61 an export covers:
    # 12 / (30 / 7) = 2.8 a week (over the 61 days it read 12 / 8.71 = 1.38)
    assert side.loc["Test", "days"] == 30
    assert side.loc["Test", "posts_per_week"] == pytest.approx(2.8)
    assert ("no facebook posts export covers 2026-08-01..2026-08-31 of 2026-08-01..2026-09-30"
            in side.loc["Test", "note"])
    assert ("posts per week over the 30 days of 2026-08-01..2026-09-30 the facebook posts "
            "exports cover" in side.loc["Test", "note"])
    # the competitor over all 61 days: 35 / (61 / 7) = 4.02
    assert side.loc["Rival", "days"] == 61
    assert side.loc["Rival", "posts_per_week"] == pytest.approx(35 / (61 / 7))


def test_exports_covering_every_day_change_nothing(tmp_path):
    ds = _brand(tmp_path, JULY, ("2026-08-01", "2026-08-31"), SEPTEMBER)
    side = compare_competitors(ds, "2026-08-01..2026-09-30").set_index("name")
    # 12 posts over the 61 days: 12 / (61 / 7) = 1.377
    assert side.loc["Test", "days"] == 61
    assert side.loc["Test", "posts_per_week"] == pytest.approx(12 / (61 / 7))
    assert "posts per week" not in str(side.loc["Test", "note"])


@pytest.mark.parametrize("lang, said, note", [
    ("en", "The brand's figures here are those of the same days, but its posts per week count "
           "only the days its posts exports cover: those they leave out are named under the "
           "table.",
     "posts per week over the 30 days of the period 1 August – 30 September 2026 that the "
     "Facebook posts exports cover"),
    ("fr", "Ceux de la marque portent ici sur les mêmes jours, mais ses publications par "
           "semaine ne comptent que les jours que couvrent ses exports de publications : ceux "
           "qu'ils laissent de côté sont nommés sous le tableau.",
     "publications par semaine sur les 30 jours de la période 1er août – 30 septembre 2026 "
     "que couvrent les exports de publications Facebook"),
    ("it", "Quelli del brand qui riguardano gli stessi giorni, ma i suoi post a settimana "
           "contano solo i giorni coperti dalle sue esportazioni dei post: quelli che esse non "
           "coprono sono indicati sotto la tabella.",
     "post a settimana su 30 giorni del periodo 1° agosto – 30 settembre 2026, quelli coperti "
     "dalle "
     "esportazioni dei post di Facebook"),
])
def test_the_quarters_caption_no_longer_says_the_same_days(tmp_path, lang, said, note):
    """The third quarter's competitors of August and September only, the brand's Facebook
    posts without August's export: "the same days" was untrue of its posts per week."""
    rep = BrandReport(_brand(tmp_path, JULY, SEPTEMBER), "2026-Q3", lang=lang)
    sec = rep.benchmarks()
    texts = [b["text"] for b in sec.blocks if b["kind"] in ("text", "note")]
    assert any(said in t for t in texts)
    table = next(b for b in sec.blocks if b["kind"] == "table" and len(b["columns"]) == 6)
    assert note in table["caption"]
    # 2.8 a week (12 posts ÷ 30/7 weeks), not 1.4
    assert rep.fmt.number(2.8, 1) in [row[5] for row in table["rows"]]
    assert rep.fmt.untranslated == set()


def test_the_caption_keeps_the_same_days_when_they_are(tmp_path):
    rep = BrandReport(_brand(tmp_path, JULY, ("2026-08-01", "2026-08-31"), SEPTEMBER),
                      "2026-Q3", lang="en")
    texts = [b["text"] for b in rep.benchmarks().blocks if b["kind"] in ("text", "note")]
    assert any(t.endswith("The brand's figures here are those of the same days.")
               for t in texts)
