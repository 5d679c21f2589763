"""A path a user writes: ``~`` as their home only when it is one, and a URL refused as typed,
by the API and the CLI alike (``_args.user_path``, ``_args.path_of``, ``cli``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import smmanalytics as smm
from smmanalytics._args import user_path
from smmanalytics.brand import read_brand
from smmanalytics.cli import main
from smmanalytics.errors import ArgumentError
from smmanalytics.loaders import inspect_files

FIX = Path(__file__).parent / "fixtures"
POSTS = FIX / "meta" / "instagram_posts_2026-11-20.csv"      # 3 Instagram posts
URL = "https://example.com/exports.zip"


def test_only_a_home_is_expanded(tmp_path, monkeypatch):
    # "~" and "~/…" are $HOME; "~old_exports", "~$x", "~logo.svg" are names of no user and
    # stay as written (pathlib raised RuntimeError "Could not determine home directory")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_path("~") == tmp_path
    assert user_path("~/exports/a.csv") == tmp_path / "exports" / "a.csv"
    for name in ("~old_exports", "~$report.xlsx", "~logo.svg", "~no_such_user_s55daf/a.csv"):
        assert user_path(name) == Path(name)
    assert user_path("exports/~old") == Path("exports/~old")


@pytest.mark.skipif(os.name != "posix", reason="the user table is POSIX's")
def test_a_known_users_home_is_expanded():
    # "~root/x" is root's home (its entry in the user table) followed by x
    import pwd

    home = pwd.getpwnam("root").pw_dir
    assert user_path("~root/x") == Path(home) / "x"


@pytest.mark.skipif(os.name != "posix", reason="the user table is POSIX's")
def test_no_home_known_is_an_argument_error(monkeypatch):
    # no HOME and no entry for the user: an SmmError naming the path, not a RuntimeError
    import pwd

    def unknown(uid):
        raise KeyError(uid)

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    with pytest.raises(ArgumentError) as info:
        user_path("~/exports")
    assert str(info.value) == (
        "path '~/exports': '~' stands for the home folder, and this system names none (HOME "
        "is not set); expected the path with the home folder written out")


def test_a_folder_whose_name_begins_with_a_tilde_loads(tmp_path, monkeypatch, capsys):
    # the folder "~old_exports" in the current folder holds the fixture's 3 Instagram posts:
    # load, smm inspect and brand.yaml's "logo: ~logo.svg" all crashed with a RuntimeError
    monkeypatch.chdir(tmp_path)
    (tmp_path / "~old_exports").mkdir()
    shutil.copy(POSTS, tmp_path / "~old_exports")
    assert len(smm.load("~old_exports", cache=False).posts) == 3
    assert main(["inspect", "~old_exports"]) == 0
    assert "\n  rows:      3  dates: " in capsys.readouterr().out
    brand = tmp_path / "brand" / "brand.yaml"
    brand.parent.mkdir()
    brand.write_text("name: Acme\ntimezone: Europe/Paris\nlogo: ~logo.svg\n", encoding="utf-8")
    (brand.parent / "~logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert read_brand(brand).logo == brand.parent / "~logo.svg"


@pytest.mark.parametrize(("argv", "argument", "expected"), [
    (["inspect", URL], "paths", "export files, zips or folders"),
    (["alerts", URL], "data", "the path of a brand folder, file or zip of exports"),
])
def test_the_cli_refuses_a_url_as_typed(argv, argument, expected, capsys):
    # pathlib's "https:/example.com/exports.zip" was "path does not exist"; now the API's
    # message, the URL as typed, exit status 2 (an error found before any work)
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"smm: error: argument '{argument}': smm {argv[0]} reads files on disk, not a URL: "
        "download the file first and pass its path (or its folder's); expected "
        f"{expected}; got '{URL}'\n")


@pytest.mark.parametrize("argv", [
    ["sample", "--out", URL],
    ["report", "monthly", "--data", str(POSTS), "--period", "2026-11", "--out", URL],
])
def test_the_cli_refuses_a_url_as_an_output(argv, tmp_path, monkeypatch, capsys):
    # --out https://… became the folder "https:/example.com/exports.zip" made in the current
    # folder; now refused before any work (exit 2) in words of an output, nothing written
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"smm: error: argument 'out': smm {argv[0]} writes files on disk, not to a URL: pass "
        "a folder or file on disk and copy what it writes there; expected the path of a "
        f"folder or file to write; got '{URL}'\n")
    assert list(tmp_path.iterdir()) == []


def test_the_api_refuses_a_url_to_write_to(tmp_path, monkeypatch):
    # write_ics and the sample's writer made a folder "https:" in the current folder
    from smmanalytics import sample
    from smmanalytics.calendar import write_ics

    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArgumentError, match=r"^argument 'out_dir': sample\.write writes files "
                       "on disk, not to a URL"):
        sample.write(URL)
    with pytest.raises(ArgumentError, match=r"^argument 'path': write_ics writes files on "
                       "disk, not to a URL"):
        write_ics(None, "https://example.com/plan.ics")
    assert list(tmp_path.iterdir()) == []


def test_inspect_files_refuses_a_url_as_load_does():
    # the URL became the path "https:/example.com/exports.zip", "path does not exist"
    expected = ("argument 'paths': inspect_files reads files on disk, not a URL: download the "
                "file first and pass its path (or its folder's); expected the path of a file, "
                f"folder or zip, or a list of them; got '{URL}'")
    for given in (URL, [str(POSTS), URL]):
        with pytest.raises(ArgumentError) as info:
            inspect_files(given)
        assert str(info.value) == expected


@pytest.mark.skipif(os.name != "posix", reason="the user table is POSIX's")
def test_no_home_and_no_cache_folder_set_is_an_argument_error(tmp_path, monkeypatch):
    # the cache's default folder is ~/.cache: with no home known Path.home() raised a bare
    # RuntimeError at load; now an SmmError saying what to set, and a load without the
    # cache still reads the fixture's 3 posts
    import pwd

    from smmanalytics import _cache

    def unknown(uid):
        raise KeyError(uid)

    for name in ("HOME", "SMM_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    with pytest.raises(ArgumentError) as info:
        smm.load(POSTS)
    assert str(info.value) == (
        "no folder for the cache of parsed exports: SMM_CACHE_DIR and XDG_CACHE_HOME are not "
        "set, and this system names no home folder (HOME is not set); expected SMM_CACHE_DIR "
        "set to a writable folder (or smm.load(..., cache=False))")
    assert len(smm.load(POSTS, cache=False).posts) == 3
    monkeypatch.setenv("SMM_CACHE_DIR", str(tmp_path / "cache"))
    assert _cache.cache_dir() == tmp_path / "cache"
