"""A brand's synonyms.csv with one bad row (reviewer s58RI, finding 2): the row naming the
posts' column ``negative_feedback`` (the signal's own name) where the loader's field is
``neg_hide_all`` threw away every row of the file, with them an Italian brand's
``Entrate totali`` → revenue. A bad row is now left out alone, with a warning naming the
file, the line, the field and the fields expected; a row naming a column made from one field
reads as that field's.

The fixture is an Italian Facebook posts export of 2 posts written by hand after
tests/fixtures/s54RIF_italian_page, with a column the package does not know
(``Copertura non a pagamento``, made up for the test) beside the unread negative feedback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics.errors import ConfigError
from smmanalytics.loaders._headers import read_synonyms

FIX = Path(__file__).parent / "fixtures" / "test_loaders_synonyms_bad_rows"
HEADER = "family,canonical,lang,header\n"
BAD = "meta,negative_feedback,it,Feedback negativo degli utenti: Nascondi tutto\n"
GOOD = "meta,reach_organic,it,Copertura non a pagamento\n"


def _brand(tmp_path: Path, synonyms: str) -> Path:
    d = tmp_path / "brand"
    shutil.copytree(FIX / "brand", d)
    (d / "synonyms.csv").write_text(synonyms, encoding="utf-8")
    return d


def test_a_bad_row_is_left_out_alone_and_names_the_fields_meant(tmp_path):
    path = tmp_path / "synonyms.csv"
    path.write_text(HEADER + BAD + GOOD, encoding="utf-8")
    problems: list = []
    rows = read_synonyms(path, problems=problems)
    assert [(r.canonical, r.header) for r in rows] == [
        ("reach_organic", "copertura non a pagamento")]
    (err,) = problems
    assert (err.file, err.line, err.column, err.got) == (str(path), 2, "canonical",
                                                         "negative_feedback")
    # two fields make the column: the error names both, with their English headers
    assert err.expected.startswith("a field of meta (did you mean neg_hide_all or neg_hide? "
                                   "negative_feedback is a column the loader makes from those "
                                   "fields; in English exports neg_hide_all 'negative feedback "
                                   "from users: hide all', neg_hide ")
    assert "navigation, neg_hide, neg_hide_all, permalink" in err.expected   # then the fields
    with pytest.raises(ConfigError, match="line 2, column 'canonical'"):
        read_synonyms(path)                                   # without a list: raised


def test_a_column_made_from_one_field_reads_as_that_field(tmp_path):
    path = tmp_path / "synonyms.csv"
    path.write_text(HEADER + "meta,content_type,it,Tipologia del post\n"
                    "meta,published_at,it,Ora di pubblicazione\n", encoding="utf-8")
    rows = read_synonyms(path)
    assert [(r.canonical, r.header) for r in rows] == [
        ("post_type", "tipologia del post"), ("publish_time", "ora di pubblicazione")]


def test_load_keeps_the_good_rows_of_a_file_with_a_bad_one(tmp_path):
    d = _brand(tmp_path, HEADER + BAD + GOOD)
    ds = smm.load(d, cache=False)          # a note of the log, no file left unread
    # the good row is in force: the two posts' organic reach, 1500 and 1600 from the file
    assert ds.posts.sort_values("published_at")["reach_organic"].tolist() == [1500, 1600]
    assert ds.posts["negative_feedback"].isna().all()          # the bad row's header unread
    q = ds.quality.set_index("code")
    assert q.loc["synonym_row_ignored", "level"] == "warning"
    message = q.loc["synonym_row_ignored", "message"]
    assert message.startswith(f"file {d / 'synonyms.csv'}, line 2, column 'canonical': "
                              "invalid synonym row; expected a field of meta (did you mean")
    assert message.endswith("got 'negative_feedback'; this row was left out, the file's "
                            "other rows are in force")
    assert q.loc["synonyms_read", "rows"] == 1
    assert "failed" not in q.index
    with pytest.raises(ConfigError, match="line 2, column 'canonical'"):
        smm.load(d, strict=True, cache=False)


def test_the_row_the_field_names_reads_the_negative_feedback(tmp_path):
    d = _brand(tmp_path, HEADER + BAD.replace("negative_feedback", "neg_hide_all") + GOOD)
    ds = smm.load(d, cache=False)
    # Nascondi tutto: 2 and 7 in the file
    assert ds.posts.sort_values("published_at")["negative_feedback"].tolist() == [2, 7]
    assert "synonym_row_ignored" not in set(ds.quality["code"])
