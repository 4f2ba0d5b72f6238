"""Linking over the store: entities, stories, claims, conflicts, timeline, CLI."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from link_support import make_article, quote

from newstrace.link import cluster_articles, link_article, story_timeline
from newstrace.model import Entity, Event, Span
from newstrace.names import keys_for, split_title
from newstrace.store import Store, open_store


def _ent(*items: tuple[str, str, tuple[str, ...]]) -> tuple[Entity, ...]:
    return tuple(Entity(f"e{i}", n, label, aliases) for i, (n, label, aliases) in enumerate(items, 1))


def test_titles_and_keys() -> None:
    assert split_title("Russian President Vladimir Putin") == ("Russian President", "Vladimir Putin")
    assert split_title("Former Soviet intelligence officer Yuri Shvets")[1] == "Yuri Shvets"
    assert "role:russian leader" in keys_for("Russian President Vladimir Putin", "PERSON")
    assert keys_for("the Russian leader", "PERSON") == {"role:russian leader": 0.6}
    # an acronym is a key of itself only: initials are no evidence ("Air Force" is not "AF"P)
    assert "acr:NSC" not in keys_for("National Security Council", "ORG") and "acr:NSC" in keys_for("NSC", "ORG")


@pytest.fixture()
def link_store(store):
    return store


def _crocus_articles():
    t1 = ("Gunmen attacked Crocus City Hall near Moscow on Friday, killing more than 140 people at the concert venue. "
          "Russian President Vladimir Putin said the attackers tried to flee towards Ukraine.")
    t2 = ("Putin claimed the Crocus City Hall attackers near Moscow had tried to flee towards Ukraine. "
          "The Russian leader did not mention the Islamic State claim of responsibility for the concert hall attack.")
    t3 = ("V. Putin visited the Crocus City Hall site near Moscow on Monday after the concert venue attack that killed 144 people. "
          "US officials said the warning given to Moscow was specific.")
    t4 = "Apple unveiled a new iPhone with a faster chip and a better camera at its Cupertino headquarters."
    a1 = make_article("a1", t1, published="2024-03-22", site="reuters.com", title="Gunmen kill 140 at Crocus City Hall concert venue near Moscow",
                      quotes=(quote(t1, "q1", "Vladimir Putin", "the attackers tried to flee towards Ukraine", "said"),))
    a1 = dataclasses.replace(a1, entities=_ent(("Russian President Vladimir Putin", "PERSON", ()), ("Crocus City Hall", "PLACE", ())),
                             events=(Event("ev1", Span(0, t1.index(",")), "2024-03-22", None, None),))
    a2 = make_article("a2", t2, published="2024-03-23", site="bbc.co.uk", title="Putin says Crocus City Hall attackers fled to Ukraine",
                      quotes=(quote(t2, "q1", "Putin", "the Crocus City Hall attackers near Moscow had tried to flee towards Ukraine", "claimed"),))
    a2 = dataclasses.replace(a2, entities=_ent(("Putin", "PERSON", ()), ("Crocus City Hall", "PLACE", ())),
                             events=(Event("ev1", Span(0, t2.index(" had")), "2024-03-22", None, "Putin"),))
    a3 = make_article("a3", t3, published="2024-03-25", site="apnews.com", title="Putin visits Crocus City Hall concert venue after attack near Moscow",
                      quotes=(quote(t3, "q1", "US officials", "the warning given to Moscow was specific", "said", speaker_kind="anonymous_group"),))
    a3 = dataclasses.replace(a3, entities=_ent(("V. Putin", "PERSON", ()),),
                             events=(Event("ev1", Span(0, t3.index(" on Monday")), "2024-03-25", None, None),))
    a4 = make_article("a4", t4, published="2024-03-23", site="theverge.com", title="Apple unveils new iPhone")
    return [a1, a2, a3, a4]


def test_link_articles_into_entities_stories_claims(link_store: Store) -> None:
    store = link_store
    results = []
    for a in _crocus_articles():
        assert store.upsert_article(a).status == "stored"
        results.append(link_article(store, a))
    crocus = {r.story.story_id for r in results[:3]}
    assert len(crocus) == 1 and results[3].story.story_id not in crocus
    story = store.get_story(crocus.pop())
    assert set(story.article_ids) == {"a1", "a2", "a3"}
    assert story.first_date == "2024-03-22" and story.last_date == "2024-03-25"
    assert set(story.outlets) == {"reuters.com", "bbc.co.uk", "apnews.com"}
    (putin,) = store.entities(query="Putin")
    assert putin.name == "Vladimir Putin" and putin.article_count == 3
    methods: dict[str, set[str]] = {}
    for m in store.entity_mentions(putin.id):
        methods.setdefault(m.article_id, set()).add(m.method)
        assert 0.5 <= m.confidence <= 1.0
    # the evidence kinds: a surname alone (one Putin on file), an initial that fits Vladimir
    assert "new" in methods["a1"] and methods["a2"] == {"surname"} and methods["a3"] == {"surname+first"}
    quotes = store.entity_quotes(putin.id)
    assert {q.article_id for q in quotes} == {"a1", "a2"}
    # Putin's claim about Ukraine, said twice, is one claim with two sources
    repeated = store.claims(min_sources=2)
    assert len(repeated) == 1 and {s.article_id for s in store.claim_sources(repeated[0].id)} == {"a1", "a2"}
    assert repeated[0].first_date == "2024-03-22"


def test_linking_is_idempotent_per_article(link_store: Store) -> None:
    store = link_store
    a = _crocus_articles()[0]
    store.upsert_article(a)
    link_article(store, a)
    link_article(store, a)
    assert store.story_doc_count() == 1 and len(store.stories()) == 1


def test_timeline_merges_the_same_event() -> None:
    dated, undated = story_timeline(_crocus_articles()[:3])
    assert [e.date for e in dated] == ["2024-03-22", "2024-03-25"]
    assert {s.article_id for s in dated[0].sources} == {"a1", "a2"}
    assert undated == []


def test_cluster_articles_in_memory() -> None:
    clusters = cluster_articles(_crocus_articles())
    assert sorted(sorted(v) for v in clusters.values()) == [["a1", "a2", "a3"], ["a4"]]


def test_link_cli_commands(tmp_path: Path) -> None:
    from newstrace.cli import main

    db = tmp_path / "t.db"
    with open_store(db) as s:
        for a in _crocus_articles():
            s.upsert_article(a)
            link_article(s, a)
    runner = CliRunner()
    out = runner.invoke(main, ["stories", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    stories = json.loads(out.output)
    assert stories[0]["article_count"] in (1, 3)
    sid = next(s["id"] for s in stories if s["article_count"] == 3)
    out = runner.invoke(main, ["story", sid, "--db", str(db)])
    assert out.exit_code == 0 and "TIMELINE" in out.output and "CONFLICTS" in out.output
    for cmd in (["claims"], ["conflicts"], ["entities"], ["entities", "Vladimir Putin"]):
        out = runner.invoke(main, [*cmd, "--db", str(db), "--format", "jsonl"])
        assert out.exit_code == 0, (cmd, out.output)
    for cmd in ("stories", "story", "claims", "conflicts", "entities"):
        out = runner.invoke(main, [cmd, "--help"])
        assert out.exit_code == 0 and "Example:" in out.output
    out = runner.invoke(main, ["story", "nope", "--db", str(db)])
    assert out.exit_code != 0 and "no story" in out.output
