"""The desk's conflicts download as CSV has the shape of ``newstrace export conflicts --format csv``:
one row per side, the conflict's columns repeated on each (before: one row per conflict with every
side as JSON text in a 'sides' cell, which a spreadsheet can neither sort nor filter)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from listfactory import OUTLETS, fill

from newstrace.store import open_store


@pytest.fixture(scope="module")
def conflicts_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("downloads") / "lists.db"
    with open_store(path) as store:
        fill(store)  # two conflicts of two sides each, one confirmed
    return path


@pytest.fixture(scope="module")
def dc(conflicts_db: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient

    from newstrace.web.app import create_app

    with TestClient(create_app(conflicts_db, hosts=("testserver",))) as c:
        yield c


def _cli_csv(db: Path, *args: str) -> str:
    from newstrace.cli import main

    out = CliRunner().invoke(main, ["export", "conflicts", "--format", "csv", "--db", str(db), *args])
    assert out.exit_code == 0, out.output
    return out.output


def test_the_desk_csv_is_the_cli_export(dc, conflicts_db: Path) -> None:
    cli = _cli_csv(conflicts_db)
    for url in ("/api/conflicts?format=csv", "/conflicts?format=csv"):  # the API and the page's own download link
        got = dc.get(url)
        assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
        assert got.text == cli, url
    rows = list(csv.DictReader(io.StringIO(cli)))
    assert "sides" not in rows[0] and {"side", "side_speaker", "side_outlet", "side_text", "review"} <= set(rows[0])
    assert [(r["conflict_id"], r["side"]) for r in rows] == [("cf-strong", "A"), ("cf-strong", "B"), ("cf-weak", "A"), ("cf-weak", "B")]
    assert {r["conflict_id"]: r["review"] for r in rows} == {"cf-strong": "confirmed", "cf-weak": "unreviewed"}


def test_a_filtered_desk_csv_holds_the_cli_rows_of_its_conflicts(dc, conflicts_db: Path) -> None:
    header, *cli_rows = _cli_csv(conflicts_db).splitlines()
    confirmed = dc.get("/api/conflicts", params={"review": "confirmed", "format": "csv"}).text.splitlines()
    assert confirmed == [header] + [r for r in cli_rows if r.startswith("cf-strong,")]
    # a filter on the sides' statements keeps the whole conflict, every side of it, as the inbox shows it
    by_outlet = dc.get("/api/conflicts", params={"outlet": OUTLETS[1], "format": "csv"}).text.splitlines()
    listed = [c["id"] for c in dc.get("/api/conflicts", params={"outlet": OUTLETS[1]}).json()["items"]]
    assert listed and by_outlet == [header] + [r for r in cli_rows if r.split(",", 1)[0] in listed]
    assert dc.get("/api/conflicts", params={"review": "dismissed", "format": "csv"}).text.splitlines() == [header]


def test_the_desk_jsonl_download_keeps_one_line_per_conflict(dc) -> None:
    lines = [json.loads(x) for x in dc.get("/api/conflicts?format=jsonl").text.splitlines()]
    assert [x["id"] for x in lines] == ["cf-strong", "cf-weak"] and all(len(x["sides"]) == 2 for x in lines)
