"""``smm inspect`` and loaders.inspect_files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from smmanalytics.cli import main
from smmanalytics.loaders import inspect_files

from ._workbooks import sheet

FIX = Path(__file__).parent / "fixtures"


def test_inspect_files_rows_and_ranges(tmp_path):
    (tmp_path / "notes.txt").write_text("hello\n")
    given = [FIX / "meta" / "facebook_posts_2026-11-20.csv",
             FIX / "ga4" / "traffic_acquisition_en.csv", tmp_path]
    df = inspect_files(given)
    # the files in path order, as load reads them, whatever the order given (the GA4 file's
    # two tables are two rows)
    pd.testing.assert_frame_equal(inspect_files(given[::-1]), df)
    names = [Path(f).name for f in df["file"]]
    assert sorted(zip(names, df["status"], strict=True)) == [
        ("facebook_posts_2026-11-20.csv", "ok"), ("notes.txt", "not_understood"),
        ("traffic_acquisition_en.csv", "ok"), ("traffic_acquisition_en.csv", "ok")]
    fb = df.iloc[names.index("facebook_posts_2026-11-20.csv")]
    assert (fb["platform"], fb["format"], fb["locale"], fb["rows"]) == (
        "facebook", "meta_post", "en-US", 4)
    assert fb["date_from"] == "2026-01-15 18:00 UTC" and fb["date_to"] == "2026-11-01 08:30 UTC"
    assert fb["time_zone"] == "America/Los_Angeles" and "repeated autumn hour" in fb["warnings"]
    ga = df.iloc[names.index("traffic_acquisition_en.csv")]
    assert (ga["date_from"], ga["date_to"], ga["rows"]) == ("2026-10-01", "2026-10-31", 4)


def test_cli_inspect_prints_and_json(capsys):
    assert main(["inspect", str(FIX / "meta" / "Views_2026-10-31.csv")]) == 0
    out = capsys.readouterr().out
    assert "format: meta_daily" in out and "platform:  unknown" in out
    assert "America/Los_Angeles" in out and "warnings:" in out
    assert main(["inspect", "--json", str(FIX / "x")]) == 0
    recs = json.loads(capsys.readouterr().out)
    assert {r["format"] for r in recs} == {"x_content", "x_overview", "x_tweet_activity",
                                           "x_tweet_activity_daily"}


def test_cli_inspect_missing_path(capsys):
    assert main(["inspect", "/nonexistent/file.csv"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_inspect_says_a_folder_is_empty(capsys, tmp_path):
    """It printed nothing, with exit status 0."""
    assert main(["inspect", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"smm: no file in {tmp_path}\n"


@pytest.mark.parametrize("as_json", [False, True])
def test_cli_inspect_says_a_folder_of_junk_alone_holds_no_export(capsys, tmp_path, as_json):
    """s57DB: a folder holding only .DS_Store and an Office lock file listed the 2 left out,
    exit 1, and said nothing on stderr (before junk was listed: "no file in …"). It says
    that no export was found, and how many files were left out (the 2 made here)."""
    (tmp_path / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (tmp_path / "~$plan.xlsx").write_bytes(b"\x05owner")
    assert main(["inspect", *(["--json"] * as_json), str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"smm: no export in {tmp_path}: only 2 files left out as junk (hidden, system or "
        "Office lock files)\n")


def test_inspect_names_the_zone_assumed_or_stated():
    df = inspect_files([FIX / "tiktok" / "Followers_maisonseve.zip",
                        FIX / "pinterest" / "pinterest_overview_2026-10.csv"])
    by_format = df.set_index("format")
    # TikTok does not say in which zone its days are: the UTC the loader took is named
    assert by_format.loc["tiktok_follower_history", "time_zone"] == (
        "UTC (assumed: the export does not say)")
    assert by_format.loc["pinterest_unverified", "time_zone"] == "UTC"


def test_cli_inspect_table_without_dates(capsys):
    assert main(["inspect", str(FIX / "tiktok" / "Followers_maisonseve.zip")]) == 0
    out = capsys.readouterr().out
    gender = out.split("FollowerGender.csv\n", 1)[1].split("\n")
    assert gender[1].endswith("dates: none in this table")
    assert not gender[2].startswith("  time zone:")
    assert "see warnings" not in out and "dates:  .." not in out


def test_inspect_reads_the_settings_files(tmp_path):
    (tmp_path / "brand.yaml").write_bytes("name: Maison Sève\nlanguage: fr\n".encode("cp1252"))
    (tmp_path / "costs.csv").write_text("month,channel,amount\n2026-10,ads,12\n")
    (tmp_path / "synonyms.csv").write_text("family,canonical,lang,header\n"
                                           "meta,reach,de,Reichweite\n")
    df = inspect_files(tmp_path).set_index("format")
    brand, costs, synonyms = (df.loc[k] for k in ("brand.yaml", "costs.csv", "synonyms.csv"))
    assert brand["status"] == "side_file" and "Windows-1252" in brand["warnings"]
    assert costs["status"] == "failed" and "lacks required columns" in costs["warnings"]
    assert "'month, channel, amount'" in costs["warnings"]
    assert synonyms["status"] == "side_file" and synonyms["rows"] == 1


def test_cli_inspect_settings_rows(capsys):
    sample = Path(__file__).parents[1] / "data" / "sample" / "maison-seve"
    assert main(["inspect", str(sample / "costs.csv")]) == 1     # no export among the files
    out = capsys.readouterr().out
    n_costs = len((sample / "costs.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert f"rows:      {n_costs}\n" in out


def test_cli_stops_quietly_when_its_reader_goes_away():
    """`smm inspect DIR | head` once ended in a BrokenPipeError traceback: the pipe's reader
    closed, the next print failed. It now ends quietly with SIGPIPE's status, 141."""
    read_end, write_end = os.pipe()
    os.close(read_end)                                  # the reader has gone away
    try:
        proc = subprocess.run([sys.executable, "-m", "smmanalytics.cli", "inspect",
                               str(FIX / "x")], stdout=write_end, stderr=subprocess.PIPE,
                              timeout=120)
    finally:
        os.close(write_end)
    assert proc.returncode == 141
    assert proc.stderr == b""


def test_smm_version(capsys):
    from smmanalytics import __version__
    from smmanalytics.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"smm (smmanalytics) {__version__}\n"


def test_inspect_shows_images_as_smm_load_skips_them(tmp_path, capsys):
    """The sample brand's logo.svg was parsed as a table and shown as not understood, with
    the advice to add its 'headers' to a synonyms.csv; smm.load skips images. It is now
    shown as an image, and the export beside it as before."""
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>\n')
    (tmp_path / "shot.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "fb.csv").write_bytes(
        (FIX / "meta" / "facebook_posts_2026-11-20.csv").read_bytes())
    df = inspect_files(tmp_path).set_index("file")
    assert df["status"].to_dict() == {str(tmp_path / "logo.svg"): "image",
                                      str(tmp_path / "shot.PNG"): "image",
                                      str(tmp_path / "x" / "fb.csv"): "ok"}
    assert main(["inspect", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("status:    image (a logo or a screenshot, not an export: smm.load "
                     "skips it)") == 2
    assert "synonyms.csv" not in out and "matches no known export format" not in out


def test_inspect_names_a_zone_taken_for_days_the_export_leaves_unzoned_as_assumed():
    # Meta's daily series: Pacific days inferred (reference §1.4 [I]); X's overview days: UTC
    # assumed (§9.2 [U]); both noted day_zone_assumed, and inspect named them as stated
    df = inspect_files([FIX / "meta" / "Facebook follows.csv",
                        FIX / "x" / "account_overview_analytics_2026-07-03.csv",
                        FIX / "x" / "tweet_activity_metrics_USCTrials_20200201_20200301_en.csv"])
    by_format = df.set_index("format")
    assert by_format.loc["meta_daily", "time_zone"] == (
        "America/Los_Angeles (assumed: the export does not say)")
    assert by_format.loc["x_overview", "time_zone"] == "UTC (assumed: the export does not say)"
    # the legacy by-Tweet export writes '+0000' after each time: stated
    assert by_format.loc["x_tweet_activity", "time_zone"] == "UTC"


def test_inspect_reads_the_settings_files_of_a_zipped_brand_folder(tmp_path, capsys):
    """`smm inspect brand.zip`: its brand.yaml, costs.csv… were shown as tables matching no
    known export format; they are settings files, read as smm.load reads them (an invalid one
    failed, naming the member), the logo an image, and the exports read with the brand's
    synonyms.csv in the archive."""
    import zipfile

    from tests.test_loaders_synonyms import OVERVIEW_FR, SYNONYMS_FR

    archive = tmp_path / "brand.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("brand/brand.yaml", "name: Zip\nlogo: logo.svg\n")
        zf.writestr("brand/costs.csv", "start,category,amount\n2026-10-01,tools,5\n"
                                       "2026-10-02,tools,7\n")
        zf.writestr("brand/goals.yaml", "goals: 3\n")
        zf.writestr("brand/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"></svg>')
        zf.writestr("brand/Overview.csv", "\ufeff" + OVERVIEW_FR)
        zf.writestr("brand/synonyms.csv", SYNONYMS_FR)
    df = inspect_files(archive).set_index("file")
    member = f"{archive}!brand/"
    assert df["status"].to_dict() == {
        f"{member}brand.yaml": "side_file", f"{member}costs.csv": "side_file",
        f"{member}goals.yaml": "failed", f"{member}synonyms.csv": "side_file",
        f"{member}Overview.csv": "ok", f"{member}logo.svg": "image"}
    assert df.loc[f"{member}costs.csv", "rows"] == 2
    assert df.loc[f"{member}synonyms.csv", "rows"] == 5
    assert df.loc[f"{member}goals.yaml", "warnings"] == (
        f"file {member}goals.yaml, line 1, key 'goals': 'goals' must be a list; expected a "
        "list of '- metric: ...' items; got 'int'")
    assert df.loc[f"{member}Overview.csv", "platform"] == "tiktok"
    assert main(["inspect", str(archive)]) == 3        # goals.yaml failed: not all was read
    out = capsys.readouterr().out
    assert out.count("status:    side file (the brand's settings, read by name; not an "
                     "export)") == 3
    assert "matches no known export format" not in out


_FOLLOWERS = FIX / "tiktok" / "Followers_maisonseve.zip"
_CHECKSUM = ("damaged inside the zip: its contents do not match the checksum the zip keeps for "
             "it (a download or a copy went wrong). This file was ")


@pytest.mark.parametrize("how", ["crc", "cut"])
def test_inspect_says_in_words_what_was_wrong_with_a_damaged_member_and_what_was_done(
        tmp_path, capsys, how):
    # it printed Python's text: "file …!FollowerGender.csv: archive member cannot be
    # extracted; expected a readable zip member; got "Bad CRC-32 for file
    # 'FollowerGender.csv'"", status failed where smm.load skips the member
    from ._zips import damaged

    (tmp_path / "g").mkdir()
    (tmp_path / "h").mkdir()
    gender = damaged(_FOLLOWERS, "FollowerGender.csv", how, tmp_path / "g" / _FOLLOWERS.name)
    history = damaged(_FOLLOWERS, "FollowerHistory.csv", how, tmp_path / "h" / _FOLLOWERS.name)
    rows = inspect_files([gender, history]).set_index("file")
    skipped = rows.loc[f"{gender}!FollowerGender.csv"]
    assert skipped["status"] == "skipped"
    assert skipped["warnings"] == (
        _CHECKSUM + "skipped, its figures are missing (it only supplements the export beside "
        "it); the zip's other files were read. (detail: Bad CRC-32)")
    failed = rows.loc[f"{history}!FollowerHistory.csv"]
    assert failed["status"] == "failed"
    assert failed["warnings"] == (_CHECKSUM + "not read, none of its rows loaded; the zip's "
                                  "other files were read. (detail: Bad CRC-32)")
    assert rows.loc[f"{gender}!FollowerHistory.csv", "status"] == "ok"
    assert main(["inspect", str(gender)]) == 0
    out = capsys.readouterr().out
    assert "  status:    skipped (a damaged member of the zip that only supplements the export " \
           "beside it: smm.load skips it too)\n" in out
    assert "FollowerGender.csv'" not in out and "expected a readable zip member" not in out


def test_the_words_of_each_kind_of_damage_and_the_detail_kept_short():
    import lzma
    import zipfile
    import zlib

    from smmanalytics.errors import ParseError
    from smmanalytics.loaders._sources import _cannot_extract, damage_words

    long_name = "x" * 90 + ".csv"
    for exc, why, detail in [
        (zipfile.BadZipFile(f"Bad CRC-32 for file '{long_name}'"), "its contents do not match "
         "the checksum the zip keeps for it (a download or a copy went wrong)", "Bad CRC-32"),
        (zlib.error("Error -3 while decompressing data: invalid stored block lengths"),
         "its compressed data are cut short or damaged (an incomplete download?)",
         "Error -3 while decompressing data: invalid stored block len…"),
        (EOFError("Compressed file ended before the end-of-stream marker was reached"),
         "its compressed data are cut short or damaged (an incomplete download?)",
         "Compressed file ended before the end-of-stream marker was r…"),
        (lzma.LZMAError("Corrupt input data"), "its compressed data are cut short or damaged "
         "(an incomplete download?)", "Corrupt input data"),
        (RuntimeError(f"File '{long_name}' is encrypted, password required for extraction"),
         "it is protected by a password", None),
        (NotImplementedError("That compression method is not supported"), "it is compressed in "
         "a way that cannot be read here (unzip the archive and zip it again)",
         "That compression method is not supported"),
        (zipfile.BadZipFile("Bad magic number for file header"),
         "its entry in the zip is damaged", "Bad magic number for file header"),
    ]:
        err = _cannot_extract("a.zip!b.csv", exc)
        got_why, got_detail = damage_words(err)
        assert got_why == why and err.reason == f"archive member cannot be extracted: {why}"
        assert len(got_detail) <= 60 and err.got == got_detail
        if detail is not None:
            assert got_detail == detail
    # a nested archive that cannot be opened says so itself
    nested = ParseError("not a readable zip archive", file="a.zip!b.zip",
                        expected="zip archive", got="File is not a zip file")
    assert damage_words(nested) == ("not a readable zip archive", "File is not a zip file")


def test_inspect_names_the_cell_of_a_bad_cell_in_a_sheet(tmp_path, capsys):
    # a Facebook export re-saved as a workbook, a reach written over by hand on row 3 (E3)
    path = sheet(tmp_path / "facebook_posts.xlsx",
                 [["Post ID", "Page name", "Publish time", "Permalink", "Reach"],
                  ["1_1", "Maison", "07/01/2026 10:00", "https://www.facebook.com/1/posts/1", 10],
                  ["1_2", "Maison", "07/02/2026 10:00", "https://www.facebook.com/1/posts/2",
                   "ten"]], title="Posts")
    row = inspect_files([path]).iloc[0]
    assert row["status"] == "failed"
    assert row["warnings"].startswith(f"file {path}, line 3, cell Posts!E3, column 'Reach': ")
    assert main(["inspect", str(path)]) == 1
    assert f"warnings:  file {path}, line 3, cell Posts!E3, column 'Reach': cell is not a " \
        "number;" in capsys.readouterr().out


def test_cli_inspect_names_each_table_of_a_file(capsys):
    """GA4's export holds its table and its chart data: inspect listed the file twice, 4 rows
    then 2, without saying which was which."""
    assert main(["inspect", str(FIX / "ga4" / "traffic_acquisition_en.csv")]) == 0
    out = capsys.readouterr().out.splitlines()
    named = [line for line in out if line.startswith(str(FIX))]
    assert [line.rsplit("  ", 1)[-1] for line in named] == ["(table 1 of 2)", "(table 2 of 2)"]
    assert main(["inspect", str(FIX / "meta" / "Views_2026-10-31.csv")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == str(FIX / "meta" / "Views_2026-10-31.csv")


def test_a_file_not_understood_shows_its_headers_cut(tmp_path, capsys):
    """A script's docstring, read as a header, was printed whole (a thousand characters on
    one line): each header shown is cut to 40 characters."""
    long = "Write the LinkedIn YouTube TikTok and Pinterest fixtures byte for byte"
    f = tmp_path / "notes.csv"
    f.write_text(f"{long},b\n1,2\n", encoding="utf-8")
    assert main(["inspect", str(f)]) == 1
    warning = next(x for x in capsys.readouterr().out.splitlines() if "warnings:" in x)
    assert f"table with headers ['{long[:39]}…', 'b'] matches no known export format" in warning


def test_inspect_exit_status_tells_files_that_failed_or_were_not_understood(tmp_path, capsys):
    """`smm inspect` exited 0 whenever one file was read: a script checking an agency's new
    exports could not tell that another had failed or was not understood. As `smm report`:
    0 every file read, 3 some read and others not, 1 none read; --json the same."""
    good = FIX / "meta" / "Views_2026-10-31.csv"
    (tmp_path / "bad").mkdir()
    failed = sheet(tmp_path / "bad" / "facebook_posts.xlsx",
                   [["Post ID", "Page name", "Publish time", "Permalink", "Reach"],
                    ["1_1", "Maison", "07/01/2026 10:00", "https://www.facebook.com/1/posts/1",
                     "ten"]], title="Posts")
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    for paths, status in [([good], 0), ([good, failed], 3), ([good, odd], 3),
                          ([failed, odd], 1), ([failed], 1)]:
        args = [str(p) for p in paths]
        assert main(["inspect", *args]) == status, paths
        assert main(["inspect", "--json", *args]) == status, paths
    capsys.readouterr()


def test_inspect_shows_each_sheet_its_own_notes_and_the_file_s_once(tmp_path, capsys):
    """A LinkedIn workbook listed every sheet's warnings under each of its sheets: the
    Metrics sheet's negative values under 'All posts' too, and the reverse. Each sheet shows
    its own; a note of none of its tables (a sheet added by hand that is no export) is shown
    once, for the file."""
    import openpyxl

    path = tmp_path / "maison-seve_content_1791015300000.xlsx"
    wb = openpyxl.load_workbook(FIX / "linkedin" / path.name)
    wb.create_sheet("Notes").append(["Remark", "Owner"])
    wb["Notes"].append(["check October", "Ana"])
    wb.save(path)
    # the name's epoch, 2026-10-03 08:15 UTC, is before the All posts sheet's post of 4 October
    # 23:30 UTC: a date of the file, wrong (snapshot_before_posts), said once for the file; the
    # Metrics sheet's days after it are then no longer "after the export"
    metrics = ("sheet 'Metrics': negative daily values kept as exported (LinkedIn "
               "corrections): 'Reactions (organic)' 1 (line 5)")
    posts = ""
    notes = ("sheet 'Notes': table with headers ['Remark', 'Owner'] matches no known export "
             "format, its header read on row 1")
    dated = ("the date its name gives, 2026-10-03 08:15 UTC, is before its latest post, "
             "published 2026-10-04 23:30 UTC: an export cannot hold a post published after it, "
             "so that date is wrong and was not taken as the export's")
    df = inspect_files([path])
    assert df["format"].tolist() == ["linkedin_metrics", "linkedin_all_posts"]
    assert df["warnings"].tolist() == [metrics, posts]
    assert [w.split(" (headers")[0] for w in df["file_warnings"]] == [notes, notes]
    assert [w.endswith(f"; {dated}") for w in df["file_warnings"]] == [True, True]
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("warnings:") == 2 and out.count("matches no known export format") == 1
    head, first, second = out.split(str(path))[1:]
    assert head.startswith("  (2 tables)\n  warnings:  " + notes)
    assert first.startswith("  (table 1 of 2)") and first.endswith(f"warnings:  {metrics}\n")
    assert second.startswith("  (table 2 of 2)") and "warnings:" not in second
    # a file of one table keeps all its notes as its own
    one = inspect_files([FIX / "meta" / "facebook_posts_2026-11-20.csv"]).iloc[0]
    assert "repeated autumn hour" in one["warnings"] and one["file_warnings"] == ""


def test_inspect_gives_the_rows_smm_load_keeps_of_a_table_that_repeats_a_key(tmp_path, capsys):
    """A Pinterest export listing one Pin twice: inspect said 3 rows and nothing more, where
    smm.load keeps 2 (the later of the two) and notes it. It says 3 read, 2 kept, and why."""
    import smmanalytics as smm

    head = ("Pin id,Pin link,Pin created date,Title,Impressions,Saves,Pin clicks,"
            "Outbound clicks,Engagements,Engagement rate,Save rate\n")
    pin = "1123456789012345678,https://www.pinterest.com/pin/1123456789012345678/,10/1/2026,"
    (tmp_path / "pinterest_pins.csv").write_text(
        head + pin + "Coffret,4200,85,130,42,257,6.12%,2.02%\n"
        + pin + "Coffret,4300,86,130,42,258,6.00%,2.00%\n"
        "1123456789012345999,https://www.pinterest.com/pin/1123456789012345999/,10/13/2026,"
        "Savon,1875,31,60,9,100,5.33%,1.65%\n", encoding="utf-8")
    row = inspect_files(tmp_path).iloc[0]
    assert (row["rows"], row["rows_kept"]) == (3, 2) == (3, len(smm.load(tmp_path).posts))
    assert row["warnings"].endswith("1 post comes twice or more in this file under the same "
                                    "key; the last of them was kept")
    assert main(["inspect", str(tmp_path)]) == 0
    assert "  rows:      3 read, 2 kept  dates: 2026-10-01 00:00 UTC .. " in \
        capsys.readouterr().out
    # a table that repeats no key is shown as before
    assert inspect_files([FIX / "meta" / "facebook_posts_2026-11-20.csv"])["rows_kept"][0] == 4


@pytest.mark.parametrize("header, said", [
    # 'Data' is Italian or Portuguese, 'Totale' no word of the table: no one language
    ('"Data","Totale"', "'Data' is Italian or Portuguese, 'Totale' not recognised"),
    # each a word of one language, but not the same one
    ('"Data","Primary"', "'Data' is Italian or Portuguese, 'Primary' is English")])
def test_inspect_says_what_is_known_of_a_daily_chart_s_language_not_und(
        tmp_path, capsys, header, said):
    """A Meta chart under a title no synonym knows ('Follower di Facebook'), its header words
    of no one language: `smm inspect` printed `locale: und` (BCP-47's undetermined), which
    tells a user nothing. It says the language is unknown and what the title and header say;
    the table's own source_locale stays the BCP-47 tag."""
    path = tmp_path / "facebook_follows_2026-09-01_2026-10-31.csv"
    path.write_text(f'sep=,\n"Follower di Facebook"\n{header}\n"2026-10-01T00:00:00","4"\n',
                    encoding="utf-16")
    expected = f"unknown (title 'Follower di Facebook' not recognised; {said})"
    assert inspect_files(path)["locale"].tolist() == [expected]
    assert main(["inspect", str(path)]) == 0
    assert f"kind: daily  locale: {expected}\n" in capsys.readouterr().out


def test_inspect_names_the_empty_export_that_made_it_exit_3(tmp_path, capsys):
    """An empty GA4 download (its preamble, no table) and a notes.txt were both shown
    not_understood, with nothing saying which made the exit status 3, and the notes.txt was
    advised a synonyms.csv. The export is failed and named on stderr; the notes.txt stays
    not_understood, with no advice; --json gives the same statuses."""
    ga4 = (FIX / "ga4" / "traffic_acquisition_en.csv").read_text(encoding="utf-8")
    preamble = "".join(ga4.splitlines(keepends=True)[:9])    # the '#' lines, down to End date
    empty = tmp_path / "ga4_traffic_acquisition_2026-10-01_2026-10-31.csv"
    empty.write_text(preamble, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hi\n", encoding="utf-8")
    posts = tmp_path / "facebook_posts_2026-11-20.csv"
    posts.write_bytes((FIX / "meta" / posts.name).read_bytes())
    assert main(["inspect", str(tmp_path)]) == 3
    captured = capsys.readouterr()
    blocks = dict(b.split("\n", 1) for b in captured.out.split(str(tmp_path) + os.sep)[1:])
    assert blocks[empty.name].startswith(
        "  status:    failed\n  warnings:  named as an export, but no export format "
        "understands it: no table found in the file")
    assert blocks["notes.txt"] == ("  status:    not_understood\n  warnings:  table with "
                                   "headers ['hi'] matches no known export format, its header "
                                   "read on line 1\n")
    assert captured.err == f"smm: 1 file could not be read (status failed above): {empty}\n"
    assert main(["inspect", "--json", str(tmp_path)]) == 3
    recs = {Path(r["file"]).name: r["status"] for r in json.loads(capsys.readouterr().out)}
    assert recs == {empty.name: "failed", "notes.txt": "not_understood", posts.name: "ok"}
    # the notes.txt alone beside the export changes no exit status, and prints no stderr
    empty.unlink()
    assert main(["inspect", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
