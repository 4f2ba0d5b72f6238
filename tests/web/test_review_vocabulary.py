"""One word for a conflict's review everywhere: "unreviewed", "confirmed" or "dismissed" in the CLI's
text and JSON, every export and the desk's pages and API (before: the CLI's and the desk's JSON said
null where the exports said "unreviewed"), and the desk's API resets a review as the CLI's
``review ID reset`` does, under the same token rule."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from webfactory import TOKEN  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    from test_conflict_triage import _link, _toll

    from newstrace.store import open_store

    path = tmp_path / "c.db"
    store = open_store(path)
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    store.close()
    return path


def _cli(db: Path, *args: str) -> str:
    from newstrace.cli import main

    out = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert out.exit_code == 0, out.output
    return out.output


def _cli_reviews(db: Path) -> dict[str, str]:
    """The review each CLI output gives the one conflict of the store."""
    (listed,) = json.loads(_cli(db, "conflicts", "--format", "json"))
    (line,) = [json.loads(x) for x in _cli(db, "conflicts", "--format", "jsonl").splitlines()]
    (in_story,) = json.loads(_cli(db, "story", listed["story_id"], "--format", "json"))["conflicts"]
    (exported,) = [json.loads(x) for x in _cli(db, "export", "--format", "conflicts").splitlines()]
    rows = list(csv.DictReader(io.StringIO(_cli(db, "export", "conflicts", "--format", "csv"))))
    assert len(rows) == 2 and len({r["review"] for r in rows}) == 1, "one row per side, each with the conflict's review"
    text = _cli(db, "conflicts").splitlines()[0]
    return {"json": listed["review"], "jsonl": line["review"], "story json": in_story["review"], "export conflicts": exported["review"],
            "export csv": rows[0]["review"], "text": text.rsplit("[", 1)[1].rstrip("]")}


def test_the_cli_and_exports_say_one_word_for_each_review(db: Path) -> None:
    assert set(_cli_reviews(db).values()) == {"unreviewed"}
    cid = json.loads(_cli(db, "conflicts", "--format", "json"))[0]["id"]
    assert _cli(db, "review", cid, "dismiss").split()[1] == "dismissed"
    assert set(_cli_reviews(db).values()) == {"dismissed"}
    assert _cli(db, "review", cid, "reset").split()[1] == "unreviewed"
    assert set(_cli_reviews(db).values()) == {"unreviewed"}
    assert json.loads(_cli(db, "conflicts", "--review", "unreviewed", "--format", "json"))[0]["id"] == cid


@pytest.fixture()
def desk(db: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient

    from newstrace.store import open_store
    from newstrace.web.app import create_app

    store = open_store(db)
    story = store.story_of("a")
    store.close()
    with TestClient(create_app(db, token=TOKEN, hosts=("testserver",))) as c:
        yield c, story


def _desk_reviews(client, story: str) -> dict[str, str]:
    (listed,) = client.get("/api/conflicts").json()["items"]
    (in_story,) = client.get(f"/api/stories/{story}").json()["conflicts"]
    (line,) = [json.loads(x) for x in client.get("/api/conflicts?format=jsonl").text.splitlines()]
    return {"api list": listed["review"], "api story": in_story["review"], "list jsonl": line["review"]}


def test_the_desk_says_the_same_words_and_its_api_resets_a_review(desk, db: Path) -> None:
    client, story = desk
    assert set(_desk_reviews(client, story).values()) == {"unreviewed"}
    cid = client.get("/api/conflicts").json()["items"][0]["id"]
    url = f"/api/conflicts/{cid}/review"
    assert client.post(url, json={"review": "confirmed"}, headers=AUTH).json()["review"] == "confirmed"
    assert set(_desk_reviews(client, story).values()) == {"confirmed"}
    page = client.get(f"/stories/{story}").text
    assert "; confirmed)" in page and 'value="unreviewed">Reset<' in page

    # a reset needs the token like any other review, and leaves the review alone without it
    assert client.post(url, json={"review": "unreviewed"}).status_code in (401, 403)
    assert client.post(url, json={"review": "unreviewed"}, headers={"Authorization": "Bearer wrong"}).status_code in (401, 403)
    assert set(_desk_reviews(client, story).values()) == {"confirmed"}
    reset = client.post(url, json={"review": "unreviewed"}, headers=AUTH)
    assert reset.status_code == 200 and reset.json()["review"] == "unreviewed"
    assert set(_desk_reviews(client, story).values()) == {"unreviewed"}
    assert set(_cli_reviews(db).values()) == {"unreviewed"}, "the desk's reset is the CLI's"
    page = client.get(f"/stories/{story}").text
    assert "; unreviewed)" in page and ">Reset<" not in page


@pytest.mark.parametrize("body", [{"review": "maybe"}, {"review": None}, {"review": "reset"}, {}, {"review": ["confirmed"]}])
def test_the_desk_refuses_a_review_outside_the_vocabulary(desk, body) -> None:
    client, story = desk
    cid = client.get("/api/conflicts").json()["items"][0]["id"]
    bad = client.post(f"/api/conflicts/{cid}/review", json=body, headers=AUTH)
    assert bad.status_code == 400
    error = bad.json()["error"]
    assert error["code"] == "request.invalid" and error["message"].startswith("review: ") and "\n" not in error["message"]
    assert set(_desk_reviews(client, story).values()) == {"unreviewed"}


def test_the_desk_form_resets_and_refuses_a_missing_review(desk) -> None:
    client, story = desk
    cid = client.get("/api/conflicts").json()["items"][0]["id"]
    client.post(f"/conflicts/{cid}/review", data={"token": TOKEN, "review": "dismissed", "story": story}, follow_redirects=False)
    assert _desk_reviews(client, story)["api list"] == "dismissed"
    # a form without a review is an error, not a silent reset
    assert client.post(f"/conflicts/{cid}/review", data={"token": TOKEN, "story": story}, follow_redirects=False).status_code == 400
    assert _desk_reviews(client, story)["api list"] == "dismissed"
    done = client.post(f"/conflicts/{cid}/review", data={"token": TOKEN, "review": "unreviewed", "story": story}, follow_redirects=False)
    assert done.status_code == 303 and _desk_reviews(client, story)["api list"] == "unreviewed"


def test_the_store_takes_the_word_and_refuses_others_in_one_line(db: Path) -> None:
    from newstrace.errors import ConfigError
    from newstrace.store import open_store

    store = open_store(db)
    try:
        (c,) = store.conflicts()
        store.review_conflict(c.id, "confirmed")
        assert store.review_conflict(c.id, "unreviewed").review is None
        with pytest.raises(ConfigError) as bad:
            store.review_conflict(c.id, "maybe")
        assert str(bad.value) == f"{c.id}: review 'maybe' is not one of unreviewed, confirmed, dismissed"
    finally:
        store.close()
