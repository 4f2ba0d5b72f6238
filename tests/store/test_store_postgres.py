"""PostgreSQL specifics: concurrent migration, tsvector + GIN search, concurrent writers without lost updates."""

from __future__ import annotations

import multiprocessing
import threading

from _support import distinct_text

from newstrace.ids import content_id
from newstrace.model import Article, SourceRef
from newstrace.store import open_store


def _art(n: int, where: str) -> Article:
    # Texts that differ only in a number would be near-copies of each other.
    text = f"Report {n}: the harbour bridge vote passed, the mayor said.\n\n{distinct_text(n)}"
    return Article(id=content_id(text), text=text, source=SourceRef("file", f"{where}/{n}.html"), title=f"Bridge {n}")


def _write(url: str, worker: int, count: int) -> None:
    store = open_store(url)
    for start in range(0, count, 10):
        # every worker writes the same articles (from its own location): maximal contention
        store.write_batch([_art(n, f"w{worker}") for n in range(start, start + 10)])
    store.close()


def test_concurrent_writers_store_each_article_once_and_lose_no_source(pg_schema_url):
    open_store(pg_schema_url).close()  # migrate first, as a batch run's writer does
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write, args=(pg_schema_url, w, 60)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with open_store(pg_schema_url) as store:
        stats = store.stats()
        assert (stats["articles"], stats["sources"]) == (60, 240)


def test_stores_opened_at_once_migrate_once(pg_schema_url):
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            open_store(pg_schema_url).close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    import psycopg

    with psycopg.connect(pg_schema_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    from newstrace.store.migrations import HEAD

    assert versions == [HEAD]


def test_search_uses_a_gin_indexed_tsvector(pg_schema_url):
    import psycopg

    with open_store(pg_schema_url) as store:
        store.upsert_article(_art(1, "x"))
        hits = store.search("bridges")  # stemmed: bridges ~ bridge
        assert len(hits) == 1 and "[bridge]" in hits[0].snippet.lower()
    with psycopg.connect(pg_schema_url) as conn:
        index = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_articles_fts'").fetchone()[0]
        assert "gin (fts)" in index.lower()


def test_nul_characters_round_trip(pg_schema_url):
    text = "A page with a stray \x00 NUL character in it.\n\nAnd more text."
    article = Article(id=content_id(text), text=text, source=SourceRef("file", "nul.html"), title="NUL\x00title")
    with open_store(pg_schema_url) as store:
        store.upsert_article(article)
        assert store.get_article(article.id) == article
