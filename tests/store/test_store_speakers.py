"""Speakers and names in the desk's reads, on SQLite and PostgreSQL: statements by an exact name,
counted in SQL; names found as whole words; a surname leading to the full name."""

from __future__ import annotations

from _support import speaker_articles

from newstrace.store.desk_base import EntityName, QuoteRef


def _fill(store):
    arts = speaker_articles()
    for a in arts:
        assert store.upsert_article(a).status == "stored"
    return arts


def test_statements_by_an_exact_name_are_counted_and_paged_in_sql(store):
    _fill(store)
    stats = store.speaker_stats(["Police"])
    assert stats.statements == 30  # not the 19-of-90 of a limit taken before the name was checked
    assert sum(n for *_, n in stats.dated) == 30 and len(stats.dated) == 15 and stats.surfaces == ("Police",)  # per day and outlet
    pages = [store.speaker_quotes(["Police"], limit=12, offset=o) for o in (0, 12, 24)]
    assert [len(p) for p in pages] == [12, 12, 6]
    assert len({(r.article_id, r.quote_id) for p in pages for r in p}) == 30
    assert store.speaker_stats(["Police Scotland"]).statements == 15
    assert store.speaker_stats(["Police", "Police Scotland"]).statements == 45
    assert store.speaker_stats(["police"]).statements == 0  # exact, as stored
    assert store.speaker_stats(["%"]).statements == 0


def test_said_about_finds_whole_words_only(store):
    arts = _fill(store)
    about = store.quotes_about(["Vladimir Putin", "Putin"], exclude_speaker=["Vladimir Putin", "Putin"])
    a40 = arts[15].id
    assert about == [QuoteRef(a40, "q1"), QuoteRef(a40, "q2")]  # "computing" is not "Putin"; "Putin's" is
    assert store.quotes_about(["put"], exclude_speaker="x") == []


def test_a_surname_leads_to_full_names(store):
    _fill(store)
    assert store.name_candidates("Naryshkin") == [EntityName("Lev Naryshkin", "PERSON", 2), EntityName("Sergei Naryshkin", "PERSON", 2)]
    assert store.name_candidates("Putin") == [EntityName("Vladimir Putin", "PERSON", 1)]
    assert store.name_candidates("Scotland")[0].name == "Police Scotland"  # a speaker with no entity row
    assert store.name_candidates("utin") == []  # part of a word is no name
    assert store.name_candidates("%") == []
