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
