"""Store.write_batch and completion markers, on SQLite and PostgreSQL (the `store` fixture)."""

from __future__ import annotations

from _support import distinct_text

from newstrace.ids import content_id
from newstrace.model import Article, SourceRef
from newstrace.store.base import UnitDone
from newstrace.types import Failure


def _art(n: int, location: str | None = None) -> Article:
    text = f"Article number {n} says the bridge will reopen in spring.\n\n{distinct_text(n)}"
    return Article(id=content_id(text), text=text, source=SourceRef("warc", location or f"c.warc.gz#offset={n * 100}"), title=f"T{n}")


def test_write_batch_counts_and_markers(store):
    done = UnitDone("warc:c.warc.gz@9#0-500", "c.warc.gz#range=0-500", 3, 1)
    seen = []
    counts = store.write_batch([_art(1), _art(2), Failure("c.warc.gz#offset=300", "input.no_text", "no text")], [done], seen.append)
    assert (counts.stored, counts.duplicate, counts.failed) == (2, 0, 1)
    assert [a.id for a in seen] == list(counts.stored_ids) == [_art(1).id, _art(2).id]
    assert store.done_units([done.key, "other"]) == {done.key}
    again = store.write_batch([_art(1), _art(2)], [done], seen.append)  # a unit redone after a crash
    assert (again.stored, again.duplicate) == (0, 2) and len(seen) == 2
    assert store.stats()["articles"] == 2 and store.stats()["sources"] == 2


def test_a_new_failure_of_an_input_replaces_the_old_and_success_resolves_it(store):
    store.write_batch([Failure("p.html", "input.empty", "is empty")])
    store.write_batch([Failure("p.html", "input.binary", "is binary")])
    assert [(f.input, f.code) for f in store.failures()] == [("p.html", "input.binary")]
    store.write_batch([_art(5, location="p.html")])
    assert store.failures() == []


def test_a_unit_that_completes_resolves_its_own_unit_failure(store):
    store.write_batch([Failure("c.warc.gz#range=0-500", "batch.worker_crashed", "died")])
    store.write_batch([_art(7)], [UnitDone("k", "c.warc.gz#range=0-500", 1, 0)])
    assert store.failures() == []


def test_unlinked_articles_are_listed_until_linked(store):
    store.write_batch([_art(8), _art(9)])
    assert set(store.unlinked_article_ids()) == {_art(8).id, _art(9).id}
    try:
        from newstrace.link import link_article
    except ModuleNotFoundError:
        return
    link_article(store, _art(8))
    assert store.unlinked_article_ids() == [_art(9).id]
