"""The reader's desk reads (store.desk_base.DeskStore), on SQLite and PostgreSQL (the `store` fixture)."""

from __future__ import annotations

import pytest
from _support import distinct_text

from newstrace.ids import content_id
from newstrace.model import (
    Article,
    Entity,
    PublishedDate,
    Quote,
    SourceRef,
    Span,
    Speaker,
)
from newstrace.store.desk_base import (
    ArticleRow,
    EntityName,
    EntityOccurrence,
    Facets,
    Filters,
    QuoteRef,
)


def _span(text: str, piece: str) -> Span:
    i = text.index(piece)
    return Span(i, i + len(piece))


def _article(n: int, lead: str, *, title: str | None, site: str | None, published: str | None, language: str | None,
             entities: tuple[tuple[str, str, tuple[str, ...]], ...] = (), quote: tuple[str | None, str] | None = None) -> Article:
    text = f"{lead}\n\n{distinct_text(n)}"
    quotes = ()
    if quote is not None:
        speaker, content = quote
        quotes = (
            Quote(
                id="q1", kind="direct", content=(_span(text, content),), cue=None, cue_text="said",
                speaker=Speaker(speaker, speaker, "person") if speaker else None,
            ),
        )
    return Article(
        id=content_id(text), text=text, source=SourceRef("file", f"page{n}.html"), url=f"https://example.test/{n}",
        title=title, site=site, published=PublishedDate(published, "meta") if published else None, language=language,
        entities=tuple(Entity(f"e{i}", name, label, aliases) for i, (name, label, aliases) in enumerate(entities, 1)),
        quotes=quotes,
    )


A = _article(
    1, "Mayor Lena Holt said the harbour bridge will reopen in spring.", title="Bridge to reopen", site="Harbour Post",
    published="2024-05-02", language="en",
    entities=(("Lena Holt", "PERSON", ("Holt",)), ("Harbour Authority", "ORG", ())),
    quote=("Lena Holt", "the harbour bridge will reopen in spring"),
)
B = _article(
    2, "The Harbour Authority said Holt was wrong about the harbour bridge.", title="Authority doubts bridge date",
    site="Daily Tide", published="2024-05-05T10:00:00+00:00", language="en",
    entities=(("Harbour Authority", "ORG", ()), ("Mayor Holt", "PERSON", ("Lena Holt",))),
    quote=("Harbour Authority", "Holt was wrong about the harbour bridge"),
)
C = _article(
    3, "Die Opposition sagt: Lena Holt irrt sich.", title="Brückenstreit", site="Zeitung", published="2023-01-10",
    language="de", entities=(("Ärzte ohne Grenzen", "ORG", ()),), quote=(None, "Lena Holt irrt sich"),
)
D = _article(4, "An undated note about the bridge.", title=None, site=None, published=None, language=None)


@pytest.fixture()
def desk(store):
    for a in (A, B, C, D):
        assert store.upsert_article(a).status == "stored"
    return store


def _ids(rows) -> list[str]:
    return [r.id for r in rows]


def test_latest_articles_newest_first_undated_last_with_paging(desk):
    rows = desk.latest_articles(limit=10)
    assert _ids(rows) == [B.id, A.id, C.id, D.id]
    assert rows[1] == ArticleRow(A.id, "Bridge to reopen", "Harbour Post", "2024-05-02", "en", "https://example.test/1", 1)
    assert rows[3].quotes == 0 and rows[3].title is None and rows[3].published is None
    assert _ids(desk.latest_articles(limit=2, offset=1)) == [A.id, C.id]
    assert desk.latest_articles(limit=5, offset=10) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(since="2024-05-01"), ["B", "A"]),
        (Filters(until="2024-05-05"), ["B", "A", "C"]),  # a published value with a time counts by its date
        (Filters(until="2024-05-04"), ["A", "C"]),
        (Filters(since="2024-01-01", until="2024-05-02"), ["A"]),
        (Filters(site="Daily Tide"), ["B"]),
        (Filters(language="de"), ["C"]),
        (Filters(site="Harbour Post", language="de"), []),
        (Filters(site="nul\x00site"), []),
    ],
)
def test_latest_articles_filters(desk, filters, expected):
    names = {A.id: "A", B.id: "B", C.id: "C", D.id: "D"}
    assert [names[i] for i in _ids(desk.latest_articles(limit=10, filters=filters))] == expected


def test_search_articles_marks_matches_and_filters(desk):
    hits = desk.search_articles("bridge", limit=10)
    assert set(_ids(hits)) == {A.id, B.id, D.id}
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)  # lower is better
    for h in hits:
        assert any(match and text.casefold() == "bridge" for text, match in h.snippet), h.snippet
        assert all(text for text, _ in h.snippet)
        assert not any("\ue000" in text or "\ue001" in text for text, _ in h.snippet)
    a = next(h for h in hits if h.id == A.id)
    assert (a.title, a.site, a.published, a.language) == ("Bridge to reopen", "Harbour Post", "2024-05-02", "en")
    assert _ids(desk.search_articles("bridge", limit=10, filters=Filters(site="Harbour Post"))) == [A.id]
    assert _ids(desk.search_articles("bridge", limit=10, filters=Filters(since="2024-05-03"))) == [B.id]
    assert desk.search_articles("bridge", limit=10, filters=Filters(language="de")) == []


def test_search_articles_pages_and_never_reads_query_syntax(desk):
    first = desk.search_articles("bridge", limit=2)
    rest = desk.search_articles("bridge", limit=2, offset=2)
    assert _ids(first) + _ids(rest) == _ids(desk.search_articles("bridge", limit=10))
    assert len(first) == 2 and len(rest) == 1
    assert _ids(desk.search_articles('bridge" (undated* note', limit=10)) == [D.id]  # every word must match
    assert desk.search_articles("!!! ???", limit=10) == []
    assert desk.search_articles("nothingmatcheshere", limit=10) == []


def test_facets(desk):
    assert desk.facets() == Facets(("Daily Tide", "Harbour Post", "Zeitung"), ("de", "en"))


def test_article_rows_and_articles_by_exact_id(desk):
    rows = desk.article_rows([A.id, "0000000000000000", B.id, A.id])
    assert set(rows) == {A.id, B.id}
    assert rows[B.id] == ArticleRow(B.id, "Authority doubts bridge date", "Daily Tide", "2024-05-05T10:00:00+00:00", "en", "https://example.test/2", 1)
    assert desk.article_rows([]) == {}
    got = desk.articles([B.id, "0000000000000000", A.id])
    assert [a.id for a in got] == [B.id, A.id]
    assert got[1].text == A.text and got[1].quotes == A.quotes and got[1].entities == A.entities
    assert desk.articles([A.id[:6]]) == []  # no id prefixes here (get_article resolves those)
    assert desk.articles([]) == []


def test_entity_occurrences_by_name_then_by_alias(desk):
    assert desk.entity_occurrences("Lena Holt") == [EntityOccurrence("Lena Holt", "PERSON", ("Holt",), A.id)]
    assert desk.entity_occurrences("Harbour Authority") == [
        EntityOccurrence("Harbour Authority", "ORG", (), A.id),
        EntityOccurrence("Harbour Authority", "ORG", (), B.id),
    ]
    # "Holt" is no entity's name but A's alias; B's alias list holds "Lena Holt", which only contains it
    assert desk.entity_occurrences("Holt") == [EntityOccurrence("Lena Holt", "PERSON", ("Holt",), A.id)]
    assert desk.entity_occurrences("Nobody") == []
    assert desk.entity_occurrences("%") == []
    assert desk.entity_occurrences("nul\x00name") == []


def test_entity_names_by_article_count_then_code_point_order(desk):
    assert desk.entity_names() == [
        EntityName("Harbour Authority", "ORG", 2),
        EntityName("Lena Holt", "PERSON", 1),
        EntityName("Mayor Holt", "PERSON", 1),
        EntityName("Ärzte ohne Grenzen", "ORG", 1),  # after "M" by code point, as SQLite orders
    ]
    assert desk.entity_names("Harbour") == [EntityName("Harbour Authority", "ORG", 2)]
    assert desk.entity_names("harbour") == []  # the prefix is case-sensitive
    assert desk.entity_names("Ä") == [EntityName("Ärzte ohne Grenzen", "ORG", 1)]
    assert desk.entity_names(limit=2, offset=1) == [EntityName("Lena Holt", "PERSON", 1), EntityName("Mayor Holt", "PERSON", 1)]
    assert desk.entity_names("%") == []


def test_quotes_about(desk):
    # oldest article first; the speaker named is left out; names under three characters ignored
    assert desk.quotes_about(["Lena Holt", "Holt", "Ho"], exclude_speaker="Nobody") == [
        QuoteRef(C.id, "q1"),
        QuoteRef(B.id, "q1"),
    ]
    assert desk.quotes_about(["harbour"], exclude_speaker="Harbour Authority") == [QuoteRef(A.id, "q1")]
    assert desk.quotes_about(["harbour"], exclude_speaker="Nobody", limit=1) == [QuoteRef(A.id, "q1")]
    assert desk.quotes_about(["Ho", ""], exclude_speaker="Nobody") == []
    assert desk.quotes_about(["%%%", "___"], exclude_speaker="Nobody") == []  # LIKE wildcards are literal
    assert desk.quotes_about(["nul\x00name"], exclude_speaker="x\x00y") == []
