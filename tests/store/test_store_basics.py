"""The store (SQLite and PostgreSQL): upsert by content hash, search, failures (migrations: store/test_store_upgrade.py)."""

from __future__ import annotations

import sqlite3

import pytest

from newstrace.errors import NotFound
from newstrace.ids import content_id
from newstrace.model import Article, Quote, SourceRef, Span, Speaker
from newstrace.store import open_store
from newstrace.types import Failure

TEXT = "Sergei Naryshkin told reporters the warning was “too general”.\n\nThe venue had been named as a target."


def _article(text: str = TEXT, location: str = "a.txt") -> Article:
    quote = Quote(
        id="q1",
        kind="mixed",
        content=(Span(text.index("the warning"), text.index("”.") + 1),),
        cue=Span(text.index("told"), text.index("told") + 4),
        cue_text="told",
        speaker=Speaker("Sergei Naryshkin", "Sergei Naryshkin", "person", Span(0, 16)),
        via=("Interfax",),
    )
    return Article(id=content_id(text), text=text, source=SourceRef("file", location), title="Warning row", quotes=(quote,))


# `store` (tests/store_backends.py) runs each test on SQLite and on PostgreSQL.


@pytest.fixture()
def sqlite_store(tmp_path):
    s = open_store(tmp_path / "news.db")
    yield s
    s.close()


def test_same_content_is_stored_once(store, tmp_path):
    assert store.upsert_article(_article()).status == "stored"
    again = store.upsert_article(_article(location="copy-of-a.txt"))
    assert again.status == "duplicate"
    assert store.stats()["articles"] == 1
    assert [s.location for s in store.article_sources(again.article_id)] == ["a.txt", "copy-of-a.txt"]
    assert store.stats()["quotes"] == 1


def test_round_trip_keeps_the_analysis(store):
    article = _article()
    store.upsert_article(article)
    back = store.get_article(article.id[:6])
    assert back == article


def test_search_with_snippet_and_safe_syntax(store):
    store.upsert_article(_article())
    hits = store.search("Naryshkin")
    assert len(hits) == 1 and "[Naryshkin]" in hits[0].snippet
    assert isinstance(store.search('too" OR general AND ('), list)  # FTS syntax in user input must not raise
    assert store.search("absent-word") == []


def test_fts_works_from_plain_sqlite(sqlite_store, tmp_path):
    sqlite_store.upsert_article(_article())
    db = sqlite3.connect(tmp_path / "news.db")
    # The sqlite-utils/Datasette layout: external content table plus triggers.
    rows = db.execute(
        "SELECT articles.id FROM articles JOIN articles_fts ON articles.rowid = articles_fts.rowid WHERE articles_fts MATCH 'venue'"
    ).fetchall()
    assert len(rows) == 1
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "content=[articles]" in sql
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"articles_ai", "articles_ad", "articles_au"} <= triggers


def test_quotes_filter_by_speaker(store):
    store.upsert_article(_article())
    assert [q.speaker for q in store.quotes("Naryshkin")] == ["Sergei Naryshkin"]
    assert store.quotes("Putin") == []


def test_failures_are_listed_until_the_input_succeeds(store):
    store.record_failure(Failure("a.txt", "input.empty", "is empty"))
    assert [f.input for f in store.failures()] == ["a.txt"]
    store.upsert_article(_article(location="a.txt"))
    assert store.failures() == []


def test_unknown_id(store):
    with pytest.raises(NotFound):
        store.get_article("0000")


def test_exact_id_wins_over_longer_ids_it_prefixes(store):
    from dataclasses import replace

    short = replace(_article(), id="abc1")
    other = "Another text entirely: the harbour flooded overnight and the ferry was cancelled, officials said."
    longer = Article(id="abc12", text=other, source=SourceRef("file", "b.txt"))
    store.upsert_article(short)
    store.upsert_article(longer)
    assert store.get_article("abc1").id == "abc1"
    assert store.get_article("abc12").id == "abc12"
    with pytest.raises(NotFound, match="ambiguous"):
        store.get_article("abc")
