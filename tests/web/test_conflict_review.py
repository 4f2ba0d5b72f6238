"""The desk shows conflicts with their reason and review, filters them by review, and lets a reader
with the token confirm or dismiss one (API and form)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from webfactory import TOKEN  # noqa: E402


@pytest.fixture()
def desk(tmp_path: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient
    from test_conflict_triage import _link, _toll

    from newstrace.store import open_store
    from newstrace.web.app import create_app

    db = tmp_path / "c.db"
    store = open_store(db)
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    story = store.story_of("a")
    store.close()
    with TestClient(create_app(db, token=TOKEN, hosts=("testserver",))) as c:
        yield c, story


def test_review_through_the_api_and_filters(desk) -> None:
    client, story = desk
    (c,) = client.get("/api/conflicts").json()["items"]
    assert c["review"] == "unreviewed" and c["kind"] == "figures" and {s["letter"] for s in c["sides"]} == {"A", "B"}
    assert all(s["outlet"] and s["start"] is not None for s in c["sides"])
    assert client.post(f"/api/conflicts/{c['id']}/review", json={"review": "confirmed"}).status_code in (401, 403)
    done = client.post(f"/api/conflicts/{c['id']}/review", json={"review": "confirmed"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 200 and done.json()["review"] == "confirmed"
    assert client.get(f"/api/stories/{story}?review=confirmed").json()["conflicts"][0]["id"] == c["id"]
    assert client.get(f"/api/stories/{story}?review=unreviewed").json()["conflicts"] == []
    assert client.get("/api/conflicts?review=dismissed").json()["items"] == []
    assert client.get("/api/conflicts?review=confirmed").json()["total"] == 1
    bad = client.post("/api/conflicts/cf-nosuchone/review", json={"review": "confirmed"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 404


def test_review_form_on_the_story_page(desk) -> None:
    client, story = desk
    page = client.get(f"/stories/{story}").text
    assert "; unreviewed)" in page and ">Reset<" not in page and 'action="/conflicts/' in page and "?review=unreviewed" in page
    (c,) = client.get("/api/conflicts").json()["items"]
    resp = client.post(f"/conflicts/{c['id']}/review", data={"token": TOKEN, "review": "dismissed", "story": story}, follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"].startswith(f"/stories/{story}")
    assert "dismissed" in client.get(f"/stories/{story}?review=dismissed").text


def test_review_from_the_inbox_returns_to_the_inbox(desk) -> None:
    client, _ = desk
    inbox = client.get("/conflicts?review=unreviewed").text
    assert "unreviewed (1)" in inbox and 'name="back" value="/conflicts?review=unreviewed' in inbox
    (c,) = client.get("/api/conflicts").json()["items"]
    resp = client.post(f"/conflicts/{c['id']}/review", data={"token": TOKEN, "review": "confirmed", "back": "/conflicts?review=unreviewed"},
                       follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == f"/conflicts?review=unreviewed#conflict-{c['id']}"
    assert client.get("/api/conflicts?review=confirmed").json()["total"] == 1
    # a 'back' that leaves the desk is not followed
    off = client.post(f"/conflicts/{c['id']}/review", data={"token": TOKEN, "review": "unreviewed", "back": "//evil.example/"}, follow_redirects=False)
    assert off.headers["location"].startswith("/stories/")
