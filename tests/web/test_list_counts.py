"""The desk's store-wide lists count what the store holds: every total equals a direct SQL count of
the same question, filters apply before the limit, and paging walks every item once (SQLite and
PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from listfactory import OUTLETS, SPEAKERS, N, article_id, fill

from newstrace.store.base import Store
from newstrace.store.desk_lists import ListFilters


@pytest.fixture()
def filled(store: Store) -> Store:
    fill(store)
    return store


def sql_count(store: Store, sql: str, params: dict | None = None) -> int:
    return int(store.sql.value(sql, params or {}))  # type: ignore[attr-defined]


def test_statement_totals_equal_sql_counts(filled: Store) -> None:
    s = filled
    assert s.count_statements(ListFilters()) == sql_count(s, "SELECT count(*) FROM quotes") == 3 * N
    # a speaker: the exact name only ("Anna Berg" is not "Anna Bergman")
    assert s.count_statements(ListFilters(speaker="Anna Berg")) == sql_count(s, "SELECT count(*) FROM quotes WHERE speaker = 'Anna Berg'") == N // 4
    by_outlet = sql_count(s, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.site = :o", {"o": OUTLETS[1]})
    assert s.count_statements(ListFilters(outlet=OUTLETS[1])) == by_outlet == N
    de = sql_count(s, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.language = 'de'")
    assert s.count_statements(ListFilters(language="de")) == de > 0
    dated = sql_count(s, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.published BETWEEN '2024-05-03' AND '2024-05-10'")
    assert s.count_statements(ListFilters(since="2024-05-03", until="2024-05-10")) == dated > 0
    sure = sql_count(s, "SELECT count(*) FROM quotes WHERE confidence >= 0.7")
    assert s.count_statements(ListFilters(min_confidence=0.7)) == sure == 3 * N - N // 2
    story = s.story_of(article_id(0))
    in_story = sql_count(s, "SELECT count(*) FROM quotes q JOIN story_articles sa ON sa.article_id = q.article_id WHERE sa.story_id = :s", {"s": story})
    assert s.count_statements(ListFilters(story=story)) == in_story == 3 * (N // 3)
    entity = sql_count(s, "SELECT count(*) FROM quotes q WHERE q.article_id IN (SELECT article_id FROM entities WHERE name = 'Karl Stein')")
    assert s.count_statements(ListFilters(entity="Karl Stein")) == entity == 3 * (N // 4)
    words = sql_count(s, "SELECT count(*) FROM quotes WHERE lower(content) LIKE '%spillway%' AND lower(content) LIKE '%cracked%'")
    assert s.count_statements(ListFilters(q="Spillway CRACKED")) == words == N
    claim = sql_count(s, "SELECT count(*) FROM claim_sources WHERE claim_id = 'cl-hold'")
    assert s.count_statements(ListFilters(claim="cl-hold")) == claim == len(range(0, N, 3))
    both = ListFilters(speaker="Engineers", outlet=OUTLETS[0], min_confidence=0.7)
    assert s.count_statements(both) == sql_count(
        s, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker = 'Engineers' AND a.site = :o AND q.confidence >= 0.7",
        {"o": OUTLETS[0]},
    )


def test_filters_apply_before_the_limit_and_pages_cover_everything(filled: Store) -> None:
    s = filled
    f = ListFilters(speaker="Engineers")
    total = s.count_statements(f)
    seen = []
    for offset in range(0, total + 5, 5):
        page = s.list_statements(f, "newest", 5, offset)
        assert all(r.speaker == "Engineers" for r in page)
        seen += [(r.article_id, r.quote_id) for r in page]
    assert len(seen) == len(set(seen)) == total == N
    assert len(list(s.iter_statements(f))) == total  # the export reads the whole list
    newest = s.list_statements(ListFilters(), "newest", 3 * N)
    assert [r.published for r in newest] == sorted((r.published for r in newest), reverse=True)


def test_statement_sorts_by_sources_and_conflicts(filled: Store) -> None:
    s = filled
    top = s.list_statements(ListFilters(), "sources", 3)
    assert [r.claim_sources for r in top] == [len(range(0, N, 3))] * 3 and all(r.claim_id == "cl-hold" for r in top)
    first = s.list_statements(ListFilters(), "conflicts", 3)
    assert [r.conflicts for r in first[:3]] == [1, 1, 1]
    assert {(r.article_id, r.quote_id) for r in first} == {(article_id(0), "q1"), (article_id(1), "q2"), (article_id(3), "q1")}


def test_claim_totals_equal_sql_counts(filled: Store) -> None:
    s = filled
    assert s.count_claims(ListFilters()) == sql_count(s, "SELECT count(*) FROM claims") == 2
    by_speaker = sql_count(s, "SELECT count(DISTINCT claim_id) FROM claim_sources WHERE speaker = 'Engineers'")
    assert s.count_claims(ListFilters(speaker="Engineers")) == by_speaker == 1
    by_outlet = sql_count(s, "SELECT count(DISTINCT claim_id) FROM claim_sources cs JOIN articles a ON a.id = cs.article_id WHERE a.site = :o",
                          {"o": OUTLETS[2]})
    assert s.count_claims(ListFilters(outlet=OUTLETS[2])) == by_outlet == 1
    assert s.count_claims(ListFilters(q="spillway")) == 1
    assert s.count_claims(ListFilters(since="2024-05-07")) == 1  # only "the dam will hold" was repeated after the 6th
    (hold, crack) = s.list_claims(ListFilters(), "sources")
    assert hold.id == "cl-hold" and hold.source_count == len(range(0, N, 3)) and hold.outlet_count == 1 and hold.conflicts == 2
    assert crack.first_date == "2024-05-01" and crack.last_date == "2024-05-06"
    outlets = s.claim_outlets_of(["cl-hold"])["cl-hold"]
    assert sum(n for _, n in outlets) == hold.source_count
    assert len(s.claim_sources_of(["cl-hold"], per_claim=3)["cl-hold"]) == 3


def test_conflict_inbox_counts_and_filters(filled: Store) -> None:
    s = filled
    assert s.count_conflicts(ListFilters()) == sql_count(s, "SELECT count(*) FROM conflicts") == 2
    assert [c.id for c in s.list_conflicts(ListFilters())] == ["cf-strong", "cf-weak"]  # strongest first
    assert s.review_counts(ListFilters()) == {"unreviewed": 1, "confirmed": 1, "dismissed": 0}
    assert [c.id for c in s.list_conflicts(ListFilters(review="unreviewed"))] == ["cf-weak"]
    assert [c.id for c in s.list_conflicts(ListFilters(review="confirmed"))] == ["cf-strong"]
    assert s.count_conflicts(ListFilters(speaker="Engineers")) == 1
    assert [c.id for c in s.list_conflicts(ListFilters(speaker=SPEAKERS[3]))] == ["cf-weak"]
    assert s.count_conflicts(ListFilters(outlet=OUTLETS[1])) == 2
    assert s.count_conflicts(ListFilters(q="gave way")) == 1
    assert s.count_conflicts(ListFilters(q="cf-weak")) == 1
    assert s.count_conflicts(ListFilters(story=s.story_of(article_id(0)))) == 2
    assert s.count_conflicts(ListFilters(story=s.story_of(article_id(2)))) == 0
    assert s.count_conflicts(ListFilters(claim="cl-hold")) == 2 and s.count_conflicts(ListFilters(claim="cl-crack")) == 1
    sides = sql_count(s, "SELECT count(*) FROM conflict_sides")
    assert sides == 4


def test_timeline_counts_dated_events(filled: Store) -> None:
    s = filled
    dated = sql_count(s, "SELECT count(*) FROM events WHERE date IS NOT NULL AND substr(date, 1, 1) BETWEEN '0' AND '9'")
    assert s.count_events(ListFilters()) == dated == 3 * N
    rows = s.list_events(ListFilters(), "date", 3 * N)
    assert [r.date for r in rows] == sorted(r.date for r in rows)
    by = sql_count(s, "SELECT count(*) FROM events WHERE according_to = 'Karl Stein'")
    assert s.count_events(ListFilters(speaker="Karl Stein")) == by == N // 4
    assert s.count_events(replace(ListFilters(), q="same dam failed")) == N


def test_conflict_sides_follow_a_found_again_conflict(filled: Store) -> None:
    s = filled
    from newstrace.model import Conflict, ConflictSide

    with s.link_transaction():
        s.save_conflicts(s.story_of(article_id(0)), [Conflict("cf-new-id", "Will the dam hold?", (
            ConflictSide(article_id(6), "q1", SPEAKERS[2], "the dam will hold", 0),
            ConflictSide(article_id(7), "q2", "Engineers", "the spillway was cracked", 1)), "again", 0.95, "denial", key="k1")])
    assert s.count_conflicts(ListFilters()) == 2  # the same question: the same conflict, grown
    assert s.count_conflicts(ListFilters(speaker=SPEAKERS[2])) == 1
    assert sql_count(s, "SELECT count(*) FROM conflict_sides WHERE conflict_id = 'cf-strong'") == 4


@pytest.mark.parametrize("sort", ["sources", "conflicts", "oldest"])
def test_every_sort_pages_through_each_statement_once(filled: Store, sort: str) -> None:
    s = filled
    for f in (ListFilters(), ListFilters(outlet=OUTLETS[0]), ListFilters(speaker=SPEAKERS[0])):
        total = s.count_statements(f)
        seen = [(r.article_id, r.quote_id, r.claim_sources, r.conflicts) for off in range(0, total, 7) for r in s.list_statements(f, sort, 7, off)]
        assert len({x[:2] for x in seen}) == len(seen) == total
        key = 2 if sort == "sources" else 3
        if sort != "oldest":  # the statements with claims (or conflicts) first, largest first
            assert [x[key] for x in seen] == sorted((x[key] for x in seen), reverse=True)
