"""The quality notes agree in number with their count: "1 post has", "2 posts have", where
every note read "1 posts have …", "1 post ids were …", "1 posts whose …" (``quality.counted``).
Each family of notes is read from an export of one, then two, of the posts it concerns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smmanalytics as smm
from smmanalytics import read_export
from smmanalytics.quality import counted

FIX = Path(__file__).parent / "fixtures"
_IG_HEADER = ('"Post ID","Account ID","Account username","Account name",Description,'
              '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
              'Reach,Likes,Shares,Follows,Comments,Saves')


def _ig(path, rows: list[tuple[str, str, str, str]], views: int = 100):
    """An Instagram posts export at ``path``, one row per (post id as written, shortcode,
    post type, publish time), each seen ``views`` times."""
    body = "".join(f'{pid},1784,brand,Brand,hello,0,{at},https://www.instagram.com/p/{code}/,'
                   f'"{kind}",,Lifetime,{views},{views // 2},10,1,,2,3\n'
                   for pid, code, kind, at in rows)
    path.write_text("\ufeff" + f"{_IG_HEADER}\n{body}", encoding="utf-8")
    return path


def _notes(df) -> dict[str, str]:
    """A loaded export's quality messages by code."""
    return {q["code"]: q["message"] for q in df.attrs["quality"]}


@given(st.integers(min_value=0, max_value=10**6))
def test_counted_takes_the_singular_for_one_only(n):
    assert counted(n, "post has", "posts have") == (
        "1 post has" if n == 1 else f"{n} posts have")


@pytest.mark.parametrize(("n", "has"), [(1, "1 post has"), (2, "2 posts have")])
def test_post_type_notes(tmp_path, n, has):
    # n posts of each: "Réel" inferred (French for reel), "Carosello IG" read by its word,
    # "Sondage" unknown; 3n posts in all
    rows = [(f"1790000000000{kind}{i}", f"C{kind}{i}", raw, "10/02/2026 09:00")
            for kind, raw in enumerate(["Réel", "Carosello IG", "Sondage"]) for i in range(n)]
    notes = _notes(read_export(_ig(tmp_path / "instagram_posts.csv", rows)))
    assert notes["post_type_inferred"] == (
        f"{has} a post type of a language whose exports' types are not confirmed, read as "
        "its word means: 'réel' as 'reel'")
    assert notes["post_type_by_word"] == (
        f"{has} a post type the table does not list, read by its word: 'carosello ig' as "
        "'carousel'")
    assert notes["unknown_post_type"] == (
        f"{has} an unknown post type ['sondage']; content_type set to 'other' ('reel' where "
        "the permalink is a /reel/ link, 'story' where it is a /stories/ one)")


@pytest.mark.parametrize(("n", "has"), [(1, "1 post has"), (2, "2 posts have")])
def test_a_meta_post_without_publish_time(tmp_path, n, has):
    # one dated post and n with an empty publish time cell
    rows = [("17900000000000009", "D", "IG image", "10/02/2026 09:00")]
    rows += [(f"1790000000000000{i}", f"U{i}", "IG image", "") for i in range(n)]
    notes = _notes(read_export(_ig(tmp_path / "instagram_posts.csv", rows)))
    assert notes["missing_publish_time"] == f"{has} no publish time"


@pytest.mark.parametrize(("n", "was"), [(1, "1 post id was"), (2, "2 post ids were")])
def test_meta_ids_rounded_and_given_back(tmp_path, n, was):
    # the older export writes the n posts' ids whole; the newer, re-saved by a spreadsheet,
    # writes each 1.79E+16, and its posts are matched by their links (AAA0, AAA1)
    exact = [(f"1790000000000000{i}", f"AAA{i}", "IG image", "10/02/2026 09:00")
             for i in range(n)]
    older = _ig(tmp_path / "ig_2026-10-15.csv", exact)
    newer = _ig(tmp_path / "ig_2026-11-01.csv", [("1.79E+16", *r[1:]) for r in exact], 200)
    assert _notes(read_export(newer))["post_id_damaged"] == (
        f"{was} rounded by a spreadsheet ({n} in scientific notation, formatted or stored as "
        "numbers by a spreadsheet, which rounds long ids; such as '1.79E+16'): matched by the "
        "post's link, not its id (a post without a link, with no other post)")
    q = smm.load(tmp_path, cache=False).quality.set_index("code")
    assert q.loc["post_id_from_other_export", "message"] == (
        f"{counted(n, 'post id', 'post ids')} a spreadsheet rounded came back whole from "
        "another export with the same link")
    assert q.loc["snapshot_merged", "file"] == str(older)
    assert q.loc["snapshot_merged", "message"] == (
        f"{counted(n, 'post', 'posts')} also in a newer export; the newest snapshot was kept")


def _x(path, rows: list[tuple[str, str, str]]):
    """An X content export at ``path``: one row per (post id as written, date, link)."""
    path.write_text("Post id,Date,Post text,Post Link,Impressions\n" + "".join(
        f'{pid},"{day}",text,{link},10\n' for pid, day, link in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("n", "was"), [(1, "1 post id was"), (2, "2 post ids were")])
def test_x_ids_rounded(tmp_path, n, was):
    # n rounded ids with a link (read from it), n without one (kept, unreliable)
    day = "Tue, Jul 14, 2026"
    rows = [("2.07706E+18", day, f"https://x.com/a/status/207705605130315366{i}")
            for i in range(n)] + [("2.07706E+18", day, "")] * n
    notes = _notes(read_export(_x(tmp_path / "x.csv", rows)))
    assert notes["post_id_from_link"] == (
        f"{was} rounded by a spreadsheet (written in scientific notation or stored as "
        "numbers: '2.07706E+18'); the id in the post's link was used")
    assert notes["post_id_damaged"] == (
        f"{was} rounded by a spreadsheet (written in scientific notation, stored as numbers, "
        "or cut to 15 digits and ending in zeros), with no link to read the id from; kept, "
        "and matched with no other post")


@pytest.mark.parametrize(("n", "has", "lines"), [(1, "1 post has", "line 3"),
                                                 (2, "2 posts have", "lines 3, 4")])
def test_an_x_post_without_publish_time(tmp_path, n, has, lines):
    # a dated post on line 2, then n posts of no date whose ids are no snowflake
    rows = [("2077056051303153665", "Tue, Jul 14, 2026",
             "https://x.com/a/status/2077056051303153665")]
    rows += [(f"abc{i}", "", f"https://x.com/a/status/abc{i}") for i in range(n)]
    notes = _notes(read_export(_x(tmp_path / "x.csv", rows)))
    assert notes["missing_publish_time"] == (
        f"{has} no publish time (an empty date cell, and no time in the id: {lines}); kept, "
        "outside every period")


def _pins(path, rows: list[tuple[str, str]]):
    """A Pinterest Pins export at ``path``: one row per (Pin id as written, link)."""
    path.write_text("Pin id,Pin link,Pin created date,Title,Impressions,Saves,Pin clicks,"
                    "Outbound clicks\n" + "".join(f"{pid},{link},2026-10-01,A,100,1,2,3\n"
                                                  for pid, link in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("n", "was"), [(1, "1 Pin id was"), (2, "2 Pin ids were")])
def test_pin_ids_rounded(tmp_path, n, was):
    # n Pins of an id in scientific notation with a link, n without one
    link = "https://www.pinterest.com/pin/112345678901234567{}/"
    rows = [("1.12346E+18", link.format(i)) for i in range(n)] + [("1.12346E+18", "")] * n
    notes = _notes(read_export(_pins(tmp_path / "pinterest_pins.csv", rows)))
    assert notes["post_id_from_link"] == (
        f"{was} rounded by a spreadsheet (written in scientific notation or stored as "
        "numbers: '1.12346E+18'); the id in the Pin's /pin/<id>/ link was used")
    assert notes["post_id_damaged"] == (
        f"{was} rounded by a spreadsheet (written in scientific notation, stored as numbers, "
        "or cut to 15 digits and ending in zeros), with no /pin/<id>/ link to read the id "
        "from; kept, and matched with no other Pin")


@pytest.mark.parametrize(("n", "differ"), [(1, "1 Pin id differs"), (2, "2 Pin ids differ")])
def test_pin_ids_cut_to_15_digits_differ_from_their_links(tmp_path, n, differ):
    # n Pins whose 19-digit ids a spreadsheet wrote back from 15 digits, ...340000, each
    # link giving the whole id; the first on line 2
    link = "https://www.pinterest.com/pin/11234567890123456{}/"
    rows = [("1123456789012340000", link.format(70 + i)) for i in range(n)]
    notes = _notes(read_export(_pins(tmp_path / "pinterest_pins.csv", rows)))
    assert notes["post_id_from_link"] == (
        f"{differ} from the id in the Pin's own link (1123456789012340000 for "
        "/pin/1123456789012345670/, line 2: a spreadsheet keeps 15 digits); the link's id "
        "was used")


@pytest.mark.parametrize(("n", "come"), [(1, "1 post comes"), (2, "2 posts come")])
def test_posts_repeated_in_a_file(tmp_path, n, come):
    # n posts written twice each, and one once: n rows dropped
    rows = [(f"1790000000000000{i}", f"R{i}", "IG image", "10/02/2026 09:00")
            for i in range(n)] * 2 + [("17900000000000009", "S", "IG image", "10/02/2026 09:00")]
    q = smm.load(_ig(tmp_path / "ig_2026-10-15.csv", rows), cache=False).quality
    [message] = q.loc[q["code"] == "repeated_in_file", "message"]
    assert message == (f"{come} twice or more in this file under the same key; the last of "
                       "them was kept")


@pytest.mark.parametrize(("n", "posts"), [(1, "1 post"), (2, "2 posts")])
def test_posts_published_after_the_export(tmp_path, n, posts):
    # the export of 3 October 2026 (its name's last day); n posts dated 5 October 2099, after
    # today: misread, no proof that the name's date is wrong (that is a post published after
    # it and before today: test_snapshot_bounds)
    rows = [(f"1790000000000000{i}", f"P{i}", "IG image", "10/05/2099 09:00") for i in range(n)]
    rows += [("17900000000000009", "S", "IG image", "10/02/2026 09:00")]
    path = tmp_path / "instagram_posts_2026-09-01_2026-10-02_2026-10-03.csv"
    notes = _notes(read_export(_ig(path, rows)))
    assert notes["published_after_export"] == (
        f"{posts} published after the export's date 2026-10-03: a date misread? (the first: "
        "2099-10-05)")


@pytest.mark.parametrize(("n", "got"), [(1, "1 post got its"), (2, "2 posts got their")])
def test_campaigns_from_utm(tmp_path, n, got):
    # n captions carry a utm_campaign parameter, one does not
    rows = [(f"1790000000000000{i}", f"P{i}", "IG image", "10/02/2026 09:00") for i in range(n)]
    path = _ig(tmp_path / "ig.csv", rows + [("17900000000000009", "S", "IG image",
                                             "10/02/2026 09:00")])
    text = path.read_text("utf-8").replace(",hello,", ",shop.example/?utm_campaign=fall,", n)
    path.write_text(text, encoding="utf-8")
    df = read_export(path)
    assert df["campaign"].fillna("").tolist() == ["fall"] * n + [""]
    assert _notes(df)["campaign_from_utm"] == (
        f"{got} campaign from a utm_campaign parameter in the link or caption")


def _account_export(path, account: tuple[str, str], posts: int):
    """An Instagram posts export at ``path`` of ``posts`` posts of the ``account`` (id,
    handle), published on 2 October 2026."""
    account_id, handle = account
    body = "".join(f'{account_id}{i},{account_id},{handle},{handle.title()},hello,0,'
                   f'10/02/2026 09:00,https://www.instagram.com/p/{handle}{i}/,"IG image",,'
                   "Lifetime,100,50,10,1,,2,3\n" for i in range(posts))
    path.write_text("\ufeff" + f"{_IG_HEADER}\n{body}", encoding="utf-8")
    return path


_BRAND, _OTHER = ("17841402958311467", "maisonseve"), ("17841400000000001", "atelier")


@pytest.mark.parametrize(("n", "posts"), [(1, "1 instagram post"), (2, "2 instagram posts")])
def test_posts_of_another_account(tmp_path, n, posts):
    # brand.yaml declares maisonseve; the other account's n posts are left out
    (tmp_path / "brand.yaml").write_text("name: Maison Sève\ntimezone: Europe/Paris\n"
                                         "accounts:\n  instagram: maisonseve\n", encoding="utf-8")
    _account_export(tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-02.csv", _BRAND, 1)
    _account_export(tmp_path / "instagram_posts_2026-10-01_2026-10-31_2026-11-03.csv", _OTHER, n)
    q = smm.load(tmp_path, cache=False).quality.set_index("code")
    assert q.loc["account_not_declared", "message"] == (
        f"{posts} of the account 17841400000000001 / atelier / Atelier, not the one brand.yaml "
        "declares (maisonseve): left out of the brand's figures; if atelier is the brand's own "
        "account under a former handle (a rename), declare it in brand.yaml as that account's: "
        "'instagram: {maisonseve: [atelier]}'")


@pytest.mark.parametrize(("n", "posts"), [(1, "1 post"), (2, "2 posts")])
def test_accounts_no_brand_yaml_declares(tmp_path, n, posts):
    # no accounts in brand.yaml: the brand's 3 posts and the other account's n all count
    brand = _account_export(tmp_path / "ig_2026-11-02.csv", _BRAND, 3).name
    other = _account_export(tmp_path / "ig_2026-11-03.csv", _OTHER, n).name
    q = smm.load(tmp_path, cache=False).quality.set_index("code")
    assert q.loc["accounts_undeclared", "message"] == (
        "the instagram exports name 2 accounts, 17841402958311467 / maisonseve / Maisonseve "
        f"(3 posts: {brand}) and 17841400000000001 / atelier / Atelier ({posts}: {other}), "
        "and brand.yaml declares no instagram account: all kept as the brand's, their figures "
        "added up; if one is another brand's, declare the brand's own in brand.yaml ('accounts: "
        "{instagram: maisonseve}' or 'accounts: {instagram: atelier}', whichever is the "
        "brand's) to leave the others out")


@pytest.mark.parametrize(("n", "posts", "keep"), [(1, "1 post's", "it keeps its"),
                                                  (2, "2 posts'", "they keep their")])
def test_account_ids_a_spreadsheet_rounded(tmp_path, n, posts, keep):
    # n posts whose Account ID a spreadsheet wrote 1.78414E+16: no account's id, left out,
    # the posts keeping the handle 'brand' and the name 'Brand'
    rows = [(f"1790000000000000{i}", f"R{i}", "IG image", "10/02/2026 09:00") for i in range(n)]
    path = _ig(tmp_path / "instagram_posts.csv", rows)
    path.write_text(path.read_text(encoding="utf-8").replace(",1784,", ",1.78414E+16,"),
                    encoding="utf-8")
    assert _notes(read_export(path))["account_id_damaged"] == (
        f"{posts} account id was rounded by a spreadsheet (such as '1.78414E+16'): it names no "
        f"account and was left out; {keep} handle and name, by which an export of the same "
        "account that writes its id gives it back (account_id_from_name says when one did)")


@pytest.mark.parametrize(("n", "are"), [(1, "1 Date cell is"), (2, "2 Date cells are")])
def test_ga4_dates_not_in_its_form(tmp_path, n, are):
    # GA4's 20261001 then n days a spreadsheet re-saved as 2026-10-02, 2026-10-03…
    days = "".join(f"2026-10-{2 + i:02d},{10 + i}\n" for i in range(n))
    path = tmp_path / "ga4.csv"
    path.write_text("# Start date: 20261001\n# End date: 20261031\nDate,Sessions,"
                    "Engaged sessions\n20261001,9,5\n"
                    + days.replace("\n", ",5\n"), encoding="utf-8")
    assert _notes(read_export(path))["dates_not_ga4_form"] == (
        f"{are} not GA4's YYYYMMDD (first: '2026-10-02'; a re-save by a spreadsheet or Looker "
        "Studio): read as days")


@pytest.mark.parametrize(("n", "decode"), [(1, "1 post id decodes"), (2, "2 post ids decode")])
def test_x_ids_far_from_their_date(tmp_path, n, decode):
    # ids of July 2026 and February 2025 (their snowflake times) dated 1 January 2020
    ids = ["2077056051303153665", "1900000000000000000"][:n]
    rows = [(pid, "Wed, Jan 1, 2020", f"https://x.com/a/status/{pid}") for pid in ids]
    assert _notes(read_export(_x(tmp_path / "x.csv", rows)))["id_time_disagrees"] == (
        f"{decode} to a time more than a day from the Date column; the Date was kept (day "
        "precision)")


#: what may follow "1 " in a note without being a plural: verbs agreeing with a singular
#: subject ("1 post has", "1 instagram post names the account")
_SINGULAR_VERBS = {"has", "is", "was", "does", "comes", "names", "differs", "decodes", "falls",
                   "holds", "carries", "shows", "spans", "lies", "gives", "keeps", "says"}
#: the words that qualify the noun after "1 " ("1 post id", "1 Follows row", "1 daily row")
_QUALIFIERS = {"post", "pin", "daily", "audience", "number", "text", "formula", "publish",
               "date", "follows", "ga4", "instagram", "facebook", "linkedin", "tiktok", "x",
               "youtube", "pinterest"}


def _plurals_of_one(message: str) -> list[str]:
    """The nouns of ``message`` in the plural after a count of 1 ("1 columns", "1 post ids")."""
    found = []
    for m in re.finditer(r"\b1 ([\w-]+)(?: ([\w-]+))?", message):
        first, second = m.groups()
        words = [first, second] if first.lower() in _QUALIFIERS and second else [first]
        if words[-1].endswith("s") and words[-1].lower() not in _SINGULAR_VERBS:
            found.append(" ".join(["1", *words]))
    return found


def test_the_plural_finder():
    assert _plurals_of_one("1 columns not used; 1 post ids were; 1 Follows rows have") == [
        "1 columns", "1 post ids", "1 Follows rows"]
    assert not _plurals_of_one("1 post has; 1 instagram post names; 1 Follows row has; "
                               "1 column not used; 1 of them has; 1 had lost")


def _damaged_facebook(folder: Path) -> None:
    """The Facebook fixture's four posts, the first twice, with one damage of each kind in
    the others: a spreadsheet error in a Title, a fraction in Comments, an abbreviated
    count in Shares, a BOM in a Page name, and a column no export has."""
    text = (FIX / "meta" / "facebook_posts_2026-11-20.csv").read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    at = {h: k for k, h in enumerate(header)}
    rows[1][at["Title"]] = "#VALUE!"
    rows[2][at["Comments"]] = "12.5"
    rows[3][at["Shares"]] = "1.2K"
    rows[1][at["Page name"]] = "\ufeff" + rows[1][at["Page name"]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [[*header, "Foo"], *[[*r, "x"] for r in [*rows, rows[0]]]])
    (folder / "facebook_posts_2026-11-20.csv").write_text(out.getvalue(), encoding="utf-8")


def _pins_and_a_column(folder: Path) -> None:
    """The Pinterest fixture's Pins with one column no Pinterest export has."""
    lines = (FIX / "pinterest" / "pinterest_pins_2026-10.csv").read_text(encoding="utf-8")
    (folder / "pinterest_pins_2026-10.csv").write_text(
        "".join(f"{line},{'Foo' if k == 0 else 1}\n"
                for k, line in enumerate(lines.splitlines())), encoding="utf-8")


def _ga4_revenue_renamed(folder: Path) -> None:
    """The English GA4 fixture, its revenue under a header no GA4 export has: the warning of
    the revenue missing names the one column not used."""
    text = (FIX / "ga4" / "traffic_acquisition_en.csv").read_text(encoding="utf-8")
    (folder / "ga4_traffic.csv").write_text(text.replace(",Total revenue\n", ",Foo metric\n"),
                                            encoding="utf-8")


def _ga4_key_events_renamed(folder: Path) -> None:
    """The Italian GA4 fixture, its key events under a header no GA4 export has: one column
    of numbers not read, in a language whose headers are known in part."""
    text = (FIX / "ga4" / "acquisizione_traffico_it.csv").read_text(encoding="utf-8")
    (folder / "ga4_traffico.csv").write_text(text.replace(";Eventi chiave;", ";Eventi foo;"),
                                             encoding="utf-8")


def _one_time_a_date(folder: Path) -> None:
    """An Instagram workbook whose one publish time a spreadsheet turned into a date, the
    other left as Meta's text (which proves no day-first reading: its day is the 5th)."""
    cols = ["Post ID", "Account ID", "Account username", "Publish time", "Permalink",
            "Post type", "Date", "Views", "Reach", "Likes", "Shares", "Comments", "Saves"]
    rows = [[f"1790000000000000{i}", "17841400000000000", "maisonseve", cell,
             f"https://www.instagram.com/p/{code}/", "IG image", "Lifetime", 100, 80, 5, 1, 1, 2]
            for i, (cell, code) in enumerate([(dt.datetime(2025, 5, 3, 22), "AAAA"),
                                               ("03/05/2025 22:00", "BBBB")])]
    pd.DataFrame(rows, columns=cols).to_excel(folder / "instagram_posts.xlsx", index=False)


def _studio_zip(path: Path, views: int, exported: tuple) -> None:
    """A YouTube Studio zip of one video (its Total row first), exported at ``exported``."""
    header = ["Content", "Video title", "Video publish time", "Duration", "Views"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [header, ["Total", "", "", "", ""], ["AAAAAAAAAAA", "Sept video", "Sep 10, 2026", "600",
                                             str(views)]])
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("Table data.csv", date_time=exported), out.getvalue())


def _one_range_twice(folder: Path) -> None:
    """One video's September exported on 2 and on 5 October (a browser's second download),
    and its October: ranges that add up, of which one came twice."""
    name = "Content 2026-09-12_2026-09-30 Maison Sève"
    _studio_zip(folder / f"{name}.zip", 2000, (2026, 10, 2, 9, 0, 0))
    _studio_zip(folder / f"{name} (1).zip", 2100, (2026, 10, 5, 9, 0, 0))
    _studio_zip(folder / "Content 2026-10-01_2026-10-31 Maison Sève.zip", 500,
                (2026, 11, 1, 9, 0, 0))


@pytest.mark.parametrize("damage", [_damaged_facebook, _pins_and_a_column, _ga4_revenue_renamed,
                                    _ga4_key_events_renamed, _one_time_a_date, _one_range_twice])
def test_no_note_of_one_says_a_plural(tmp_path, damage):
    """Each damaged folder makes notes of a count of 1 (one column, one video, one cell…);
    none of its notes names a plural after "1 "."""
    damage(tmp_path)
    quality = smm.load(tmp_path, cache=False).quality
    notes = list(zip(quality["code"], quality["message"], strict=True))
    assert _ONE[damage.__name__] <= {code for code, _ in notes}
    assert not [(code, _plurals_of_one(m)) for code, m in notes if _plurals_of_one(m)]


#: the notes each damage makes of a count of 1 (with others)
_ONE = {"_damaged_facebook": {"extra_columns", "text_error_cells", "counts_not_whole",
                              "counts_abbreviated", "keys_mended", "repeated_in_file"},
        "_pins_and_a_column": {"extra_columns"},
        "_ga4_revenue_renamed": {"expected_metric_missing"},
        "_ga4_key_events_renamed": {"unknown_columns"},
        "_one_time_a_date": {"publish_times_as_dates"},
        "_one_range_twice": {"snapshot_merged"}}
