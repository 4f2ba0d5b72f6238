"""A conflict's side links to its passage: a quote by its anchor, a side in the article's own words
(no quote of its own) by its offsets, which the article page marks as ``#passage``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article, quote  # noqa: E402

T1 = "Police said the fire was started deliberately by the owner of the warehouse."
T2 = "The owner denied that the fire was started deliberately by anyone, his lawyer told reporters."


@pytest.fixture()
def client(tmp_path: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient

    from newstrace.link import link_article
    from newstrace.store import open_store
    from newstrace.web.app import create_app

    db = tmp_path / "c.db"
    store = open_store(db)
    police = quote(T1, "q1", "Police", "the fire was started deliberately by the owner of the warehouse", "said", speaker_kind="organization")
    for a in (make_article("a", T1, published="2024-05-06", site="a.org", claims=True, quotes=(police,)),
              make_article("b", T2, published="2024-05-07", site="b.org", claims=True)):
        assert store.upsert_article(a).status == "stored"
        link_article(store, a)
    assert store.conflicts(), "the denial is a conflict"
    store.close()
    with TestClient(create_app(db, hosts=("testserver",))) as c:
        yield c


def test_a_side_without_a_quote_links_to_its_marked_passage(client) -> None:
    sides = [s for c in client.get("/api/conflicts").json()["items"] for s in c["sides"]]
    quoted = [s for s in sides if s["quote_id"]]
    unquoted = [s for s in sides if not s["quote_id"]]
    assert quoted and all(s["href"] == f"/articles/{s['article_id']}#q-{s['quote_id']}" for s in quoted)
    assert unquoted, sides
    for s in unquoted:
        assert s["href"] == f"/articles/{s['article_id']}?at={s['start']}-{s['end']}#passage"
        page = client.get(s["href"].split("#")[0])
        assert page.status_code == 200
        marked = page.text.split('id="passage"', 1)[1].split("</mark>", 1)[0]
        assert s["text"].split()[0] in marked  # the side's own words are inside the mark


def test_a_story_page_side_without_a_quote_has_its_sentence_anchor(client) -> None:
    (c,) = client.get("/api/conflicts").json()["items"]
    story = client.get(f"/api/stories/{c['story_id']}").json()
    sides = [s for x in story["conflicts"] for s in x["sides"]]
    assert sides and all(s["anchor"] for s in sides), sides
    assert all(s["anchor"].startswith("s-") for s in sides if not s["quote_id"])


@pytest.mark.parametrize("at", ["5-x", "1-2-3", "-4", "9" * 12 + "-1"])
def test_a_malformed_passage_is_refused(client, at: str) -> None:
    page = client.get(f"/articles/a?at={at}")
    assert page.status_code == 400 and "at" in page.text


def test_a_passage_outside_the_text_marks_nothing(client) -> None:
    page = client.get("/articles/a?at=5000-5010")
    assert page.status_code == 200 and 'id="passage"' not in page.text
