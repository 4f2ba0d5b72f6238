"""The command line as a new user meets it: empty results say so, a read never creates a
database, one --db option everywhere, clean search snippets, every listing format."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newstrace.cli import main
from newstrace.cli_options import DB_HELP
from newstrace.store import open_store

# (arguments, what an empty store answers): every command that lists something
LISTINGS = [
    (["quotes"], "no statements stored yet"),
    (["quotes", "--speaker", "Nobody"], "no statements match"),
    (["quotes", "--min-confidence", "0.9"], "no statements match"),
    (["failures"], "no failures recorded"),
    (["search", "anything"], "no article matches 'anything'"),
    (["timeline"], "no events stored yet"),
    (["timeline", "--article", "abc"], "no events match"),
    (["stories"], "no stories yet"),
    (["claims"], "no claims stored yet"),
    (["claims", "--min-sources", "2"], "no claims match"),
    (["conflicts"], "no conflicts found yet"),
    (["conflicts", "--review", "confirmed"], "no conflicts match"),
    (["entities"], "no entities stored yet"),
    (["entities", "--label", "PERSON"], "no entities match"),
]

# Commands that only read (or change what is stored): on a missing database each is an error.
READERS = [
    ["search", "x"], ["show", "abc"], ["quotes"], ["timeline"], ["failures"], ["stats"], ["stories"], ["story", "st1"],
    ["claims"], ["conflicts"], ["entities"], ["entities", "Putin"], ["export", "--format", "csv"], ["review", "cf-1", "confirm"],
    ["merge-stories", "st1", "st2"], ["serve"],
]


@pytest.fixture()
def empty_db(tmp_path: Path) -> Path:
    db = tmp_path / "empty.db"
    open_store(db).close()
    return db


@pytest.mark.parametrize(("args", "said"), LISTINGS, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_an_empty_listing_says_so(empty_db: Path, args: list[str], said: str) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(empty_db)])
    assert result.exit_code == 0, result.output
    assert said in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [a for a, _ in LISTINGS], ids=lambda v: " ".join(v))
def test_an_empty_listing_in_json_is_an_empty_list(empty_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(empty_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []
    lines = CliRunner().invoke(main, [*args, "--db", str(empty_db), "--format", "jsonl"])
    assert lines.exit_code == 0 and lines.output == ""  # a JSON-lines reader gets no lines, not prose


@pytest.mark.parametrize("args", READERS, ids=lambda v: " ".join(v))
def test_a_read_on_a_missing_database_is_an_error_naming_it(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "nowhere" / "news.db"
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 1, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"error: {db}: no newstrace database here") and "[store.not_found]" in line
    assert not db.exists() and not db.parent.exists()


def test_the_default_database_is_not_created_by_a_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newstrace.store import default_db_path

    monkeypatch.delenv("NEWSTRACE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    where = default_db_path()
    assert str(where).startswith(str(tmp_path))
    result = CliRunner().invoke(main, ["quotes"])
    assert result.exit_code == 1 and str(where) in result.output
    assert not where.exists()


def test_the_database_from_the_environment_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSTRACE_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 1 and f"error: {tmp_path / 'env.db'}: " in result.output
    assert not (tmp_path / "env.db").exists()


def test_a_write_still_creates_the_database(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Flood warning\n\nThe river rose on Monday, the mayor said in a statement to residents.\n", encoding="utf-8")
    db = tmp_path / "new" / "news.db"
    result = CliRunner().invoke(main, ["ingest", str(page), "--db", str(db), "--published", "2024-05-01"])
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert CliRunner().invoke(main, ["stats", "--db", str(db)]).exit_code == 0


def _db_options():
    for name, command in sorted(main.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option) and "--db" in param.opts:
                yield name, param


def test_every_command_shares_one_db_option() -> None:
    found = dict(_db_options())
    assert {"ingest", "quotes", "story", "claims", "batch", "export", "serve", "review"} <= set(found)
    for name, param in found.items():
        assert (param.help, param.metavar, param.default) == (DB_HELP, "PATH|URL", None), f"newstrace {name} --db differs"


def _linked_store(path: Path) -> Path:
    from webfactory import make_article

    from newstrace.service import IngestService

    with open_store(path) as store:
        service = IngestService(store)
        service.take(make_article())
        service.take(make_article("b2c3d4e5f6071829", title="Dam holds as waters fall", site="Daily Rivers", published="2024-05-03",
                                  outlet_via="Reuters", extra=" The mayor thanked the volunteers who filled sandbags all night."))
    return path


def test_story_speaks_json_lines(tmp_path: Path) -> None:
    db = _linked_store(tmp_path / "news.db")
    stories = json.loads(CliRunner().invoke(main, ["stories", "--db", str(db), "--format", "json"]).output)
    sid = stories[0]["id"]
    as_json = CliRunner().invoke(main, ["story", sid, "--db", str(db), "--format", "json"])
    as_lines = CliRunner().invoke(main, ["story", sid, "--db", str(db), "--format", "jsonl"])
    assert as_json.exit_code == 0 and as_lines.exit_code == 0, as_lines.output
    (line,) = as_lines.output.splitlines()
    assert json.loads(line) == json.loads(as_json.output)
    assert json.loads(line)["story"]["id"] == sid


def test_search_snippets_are_one_line(tmp_path: Path) -> None:
    from webfactory import make_article

    article = make_article()
    text = article.text.replace("Engineers said", "Engineers\n\nsaid")
    with open_store(tmp_path / "news.db") as store:
        store.upsert_article(replace(article, text=text, sentences=()))
    result = CliRunner().invoke(main, ["search", "Engineers", "--db", str(tmp_path / "news.db"), "--format", "json"])
    (hit,) = json.loads(result.output)
    assert "[Engineers]" in hit["snippet"] and "\n" not in hit["snippet"]
    shown = CliRunner().invoke(main, ["search", "Engineers", "--db", str(tmp_path / "news.db")]).output
    assert len(shown.strip().splitlines()) == 2  # the title line and the snippet line


def test_the_package_licence_is_an_spdx_expression() -> None:
    # setuptools (from 77) warns on every install about a `license = {text = ...}` table
    import tomllib
    from importlib.metadata import metadata

    from _support import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    assert "setuptools>=77" in project["build-system"]["requires"]
    assert metadata("newstrace")["License-Expression"] == "Apache-2.0"  # what the install was built with
