"""Speaker and entity pages: counts equal the store's (checked in SQL), exact names, whole words,
a surname leading to the person (or to a choice), every name used, statements over time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from _support import speaker_articles


@pytest.fixture(scope="module")
def speakers(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newstrace.store import open_store
    from newstrace.web.app import create_app

    db: Path = tmp_path_factory.mktemp("speakers") / "s.db"
    with open_store(db) as store:
        for a in speaker_articles():
            store.upsert_article(a)
    with TestClient(create_app(db, hosts=("testserver",))) as c:
        yield c, db


def _sql(db: Path, query: str, *params) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(query, params).fetchone()[0]


def test_speaker_counts_equal_the_store(speakers):
    client, db = speakers
    stored = _sql(db, "SELECT count(*) FROM quotes WHERE speaker = ?", "Police")
    data = client.get("/api/entities/Police?limit=12").json()
    assert data["counts"]["said_by"] == stored == 30
    seen = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(f"/api/entities/Police?limit=12&offset={offset}").json()["quotes_by"]
        seen += [(q["article_id"], q["id"]) for q in page["items"]]
        assert all(q["speaker"] == "Police" for q in page["items"])  # not "Police Scotland"
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == stored
    html = client.get("/entities/Police?limit=12").text
    assert "What Police said (30)" in html and "Statements 1–12 of 30" in html
    # the speaker heads the page; the cards under it do not repeat the name
    assert html.count('<span class="speaker">') == 0
    # statements over time: one bar-day per article, all 30 counted
    over = data["statements_over_time"]
    assert sum(b["total"] for b in over["buckets"]) == 30 and over["unit"] == "day"
    assert '<svg class="coverage"' in html


def test_said_about_is_whole_words(speakers):
    client, db = speakers
    data = client.get("/api/entities/Vladimir%20Putin").json()
    contents = [q["content"] for q in data["quotes_about"]["items"]]
    assert contents == ["Putin will not attend", "Mr Putin's envoy arrived"]
    assert data["counts"]["said_about"] == 2
    assert _sql(db, "SELECT count(*) FROM quotes WHERE content LIKE '%putin%'") == 3  # "computing" is the third


def test_surname_leads_to_the_person_or_to_a_choice(speakers):
    client, _ = speakers
    # one person has it as a word of the name: that page
    resp = client.get("/entities/Scotland", follow_redirects=False)
    assert resp.status_code == 307 and resp.headers["location"] == "/entities/Police%20Scotland"
    assert client.get("/api/entities/Scotland?limit=5", follow_redirects=False).headers["location"] == "/api/entities/Police%20Scotland?limit=5"
    # two people: a choice page, each linked
    resp = client.get("/entities/Naryshkin")
    assert resp.status_code == 200 and "Which “Naryshkin”?" in resp.text
    assert 'href="/entities/Sergei%20Naryshkin"' in resp.text and 'href="/entities/Lev%20Naryshkin"' in resp.text
    api = client.get("/api/entities/Naryshkin")
    assert api.status_code == 300 and [c["name"] for c in api.json()["choices"]] == ["Lev Naryshkin", "Sergei Naryshkin"]
    # no one: not found
    assert client.get("/entities/Nobody%20Atall").status_code == 404
    assert client.get("/api/entities/utin").status_code == 404


def test_all_names_an_entity_went_by(speakers):
    client, _ = speakers
    data = client.get("/api/entities/Putin").json()
    assert data["name"] == "Vladimir Putin" and "Putin" in data["aliases"]
    assert data["counts"]["articles"] == 1
