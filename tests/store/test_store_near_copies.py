"""Near-copies (syndicated or lightly edited text) are sources of the first article, on every backend."""

from __future__ import annotations

from newstrace.ids import content_id
from newstrace.model import Article, SourceRef

WIRE = (
    "Rescue teams pulled twelve people from the rubble of a collapsed apartment block in the port city on Sunday, "
    "the regional emergency service said, as cranes worked through the night to lift concrete slabs. "
    "Officials said at least forty residents had been registered in the building, which was built in the 1970s "
    "and had been due for renovation next year. The cause of the collapse was not yet known, but a gas leak "
    "had been reported in the area on Saturday evening, according to the city's utility company."
)
EDITED = WIRE.replace("on Sunday", "on Sunday morning").replace("The cause of the collapse was not yet known", "The cause is still unknown")
OTHER = (
    "The central bank left its main interest rate unchanged on Thursday, saying inflation was easing more slowly "
    "than expected and that it would keep policy tight until wage growth cooled. Markets had priced in a cut."
)


def _article(text: str, location: str) -> Article:
    return Article(id=content_id(text), text=text, source=SourceRef("url", location))


def test_edited_wire_copy_is_recorded_as_a_source_of_the_first(store):
    first = store.upsert_article(_article(WIRE, "https://wire.example/a"))
    assert first.status == "stored"
    copy = store.upsert_article(_article(EDITED, "https://paper.example/b"))
    assert copy.status == "copy" and copy.article_id == first.article_id
    assert 0.7 <= copy.similarity < 1.0
    other = store.upsert_article(_article(OTHER, "https://wire.example/c"))
    assert other.status == "stored"
    assert store.stats()["articles"] == 2
    assert [s.location for s in store.article_sources(first.article_id)] == ["https://wire.example/a", "https://paper.example/b"]
    # The copy again, from the same place: nothing new.
    assert store.upsert_article(_article(EDITED, "https://paper.example/b")).status == "copy"
    assert len(store.article_sources(first.article_id)) == 2
