"""Story merging: the decision (average linkage over a threshold) and what a merge does to the store."""

from __future__ import annotations

import itertools
import math

import pytest
from link_support import make_article, quote

from newstrace.errors import NotFound
from newstrace.link import link_article
from newstrace.link.merge import average_linkage, survivor
from newstrace.link.storage import ClaimRow, ClaimSourceRow
from newstrace.link.stories import MemoryIndex, StoryClusterer, StoryOptions
from newstrace.model import Conflict, ConflictSide
from newstrace.text import dot

# -- the decision -------------------------------------------------------------


def test_average_linkage_is_the_mean_over_member_pairs_with_decay() -> None:
    a = [({"x": 0.8, "y": 0.6}, 10), ({"x": 1.0}, 10), ({"z": 1.0}, None)]
    b = [({"x": 0.6, "z": 0.8}, 40), ({"y": 1.0}, 12)]
    pairs = [dot(va, vb) * (1.0 if da is None or db is None else math.pow(0.5, abs(da - db) / 30)) for (va, da), (vb, db) in itertools.product(a, b)]
    assert average_linkage(a, b, 30) == pytest.approx(sum(pairs) / len(pairs))
    assert average_linkage(a, [], 30) == 0.0


def test_the_larger_story_survives() -> None:
    assert survivor("s2", "s1", {"s1": 3, "s2": 5}) == ("s2", "s1")
    assert survivor("s2", "s1", {"s1": 5, "s2": 3}) == ("s1", "s2")
    assert survivor("s2", "s1", {"s1": 1, "s2": 1}) == ("s1", "s2")  # a tie: the story just changed goes


def _split_story(merge_threshold: float | None) -> tuple[MemoryIndex, StoryClusterer]:
    """Two stories that are one event, split because their first reports share few words."""
    index = MemoryIndex()
    clusterer = StoryClusterer(index, StoryOptions(threshold=0.5, merge_threshold=merge_threshold))
    for j in range(20):  # other news, so that the event's words are rare ones
        clusterer.add(f"x{j}", {f"other{j}": 2.0, "weather": 1.0}, None)
    clusterer.add("a1", {"quake": 1.0, "tokyo": 3.0, "magnitude": 2.0}, None)
    clusterer.add("b1", {"quake": 1.0, "osaka": 3.0, "tsunami": 2.0}, None)
    return index, clusterer


def test_a_bridging_article_merges_two_stories_above_the_threshold() -> None:
    index, clusterer = _split_story(merge_threshold=0.3)
    assert len({index.stories_of(["a1", "b1"])[a] for a in ("a1", "b1")}) == 2
    bridge = clusterer.add("c1", {"quake": 2.0, "tokyo": 1.0, "osaka": 1.0, "tsunami": 1.0, "magnitude": 1.0}, None)
    assert len(bridge.merges) == 1
    (m,) = bridge.merges
    # The bridge joined a1's story (now two articles), which survives; b1's story redirects there.
    assert m.similarity >= 0.3 and bridge.story_id == m.into == index.stories_of(["a1"])["a1"]
    assert set(index.stories_of(["a1", "b1", "c1"]).values()) == {m.into}
    assert index.redirects == {m.gone: m.into} and m.gone not in index.clusters()


@pytest.mark.parametrize("merge_threshold", [None, 0.9])
def test_no_merge_when_off_or_below_the_threshold(merge_threshold: float | None) -> None:
    index, clusterer = _split_story(merge_threshold)
    bridge = clusterer.add("c1", {"quake": 2.0, "tokyo": 1.0, "osaka": 1.0, "tsunami": 1.0, "magnitude": 1.0}, None)
    assert bridge.merges == ()
    assert len(set(index.stories_of(["a1", "b1"]).values())) == 2


# -- the store (SQLite and PostgreSQL) ----------------------------------------


def _articles():
    texts = {
        "a1": "Gunmen attacked the Crocus City Hall concert venue near Moscow, killing 140 people. Officials said the attack was planned.",
        "a2": "The Crocus City Hall attack near Moscow killed 140 people, Russian media reported. Officials said the attack was planned.",
        "b1": "Investigators searched the burned Crocus City Hall building on Monday. The governor said the roof collapsed.",
        "b2": "The governor said the roof of Crocus City Hall collapsed in the fire. Investigators searched the building.",
    }
    out = []
    for i, (aid, t) in enumerate(texts.items()):
        q = quote(t, "q1", "Officials" if aid[0] == "a" else "the governor", t.split(" said ")[1].split(".")[0], "said")
        out.append(make_article(aid, t, published=f"2024-03-2{2 + i}", site=f"site{i}.com", title=f"Crocus {aid}", quotes=(q,)))
    return out


def _two_stories(store) -> tuple[str, str]:
    """Stories a (a1, a2) and b (b1, b2), each with a claim and a conflict, made through the store API."""
    for a in _articles():
        assert store.upsert_article(a).status == "stored"
    with store.link_transaction():
        a = store.story_new("a1")
        store.story_join(a, "a2", 0.5)
        b = store.story_new("b1")
        store.story_join(b, "b2", 0.5)
        for sid, x, y in ((a, "a1", "a2"), (b, "b1", "b2")):
            store.claim_new(ClaimRow(f"c-{x}", "text", x, "q1", "someone", None, 0, sid), ["text"])
            store.claim_add_source(ClaimSourceRow(f"c-{x}", x, "q1", "someone", None, None, 1.0, "text"))
            sides = (ConflictSide(x, "q1", "one", "it was"), ConflictSide(y, "q1", "two", "it was not"))
            assert store.save_conflicts(sid, [Conflict(f"k-{x}", "topic", sides, "denial")]) == 1
    return a, b


def _rows(store, sql: str) -> list[tuple]:
    return sorted(tuple(r) for r in store.db.execute(sql).fetchall())


def _orphans(store) -> list[tuple]:
    """Rows that name a story that is not there (a merge must leave none)."""
    return (
        _rows(store, "SELECT 'article', article_id FROM story_articles WHERE story_id NOT IN (SELECT id FROM stories)")
        + _rows(store, "SELECT 'claim', id FROM claims WHERE story_id IS NOT NULL AND story_id NOT IN (SELECT id FROM stories)")
        + _rows(store, "SELECT 'conflict', id FROM conflicts WHERE story_id IS NOT NULL AND story_id NOT IN (SELECT id FROM stories)")
        + _rows(store, "SELECT 'redirect', story_id FROM story_redirects WHERE into_id NOT IN (SELECT id FROM stories)")
    )


def test_merge_moves_everything_and_leaves_no_orphans(store) -> None:
    a, b = _two_stories(store)
    with store.link_transaction():
        store.story_merge(a, b, 0.3)
    story = store.get_story(a)
    assert set(story.article_ids) == {"a1", "a2", "b1", "b2"}
    assert story.first_date == "2024-03-22" and story.last_date == "2024-03-25"
    assert list(story.outlets) == ["site0.com", "site1.com", "site2.com", "site3.com"]
    assert store.story_sizes([a, b]) == {a: 4}
    assert [s.id for s in store.stories()] == [a]
    assert {c.id for c in store.claims(story_id=a)} == {"c-a1", "c-b1"}
    assert {r.story_id for r in store.claims()} == {a}
    assert {c.id for c in store.conflicts(story_id=a)} == {"k-a1", "k-b1"} and {c.story_id for c in store.conflicts()} == {a}
    assert store.stories_of(["b1", "b2"]) == {"b1": a, "b2": a}
    # The old id a reader saw still resolves, to the story it became.
    assert store.story_redirect(b) == a and store.get_story(b).id == a
    assert _orphans(store) == []
    assert store.stats()["stories"] == 1


def test_merge_chains_stay_flat(store) -> None:
    a, b = _two_stories(store)
    store.upsert_article(make_article("c1", "A later report on the Crocus City Hall fire.", published="2024-03-30"))
    with store.link_transaction():
        c = store.story_new("c1")
        store.story_merge(b, c, 0.3)  # c redirects to b ...
        store.story_merge(a, b, 0.3)  # ... and, once b is merged, to a: one lookup, never a chain
    assert store.story_redirect(c) == a and store.story_redirect(b) == a
    assert store.get_story(c).id == a and store.get_story(a).article_ids[-1] == "c1"
    assert _orphans(store) == []


def test_merge_refuses_missing_or_same_stories(store) -> None:
    a, _b = _two_stories(store)
    with pytest.raises(NotFound):
        store.story_merge(a, "st999999", 0.3)
    with pytest.raises(NotFound):
        store.story_merge(a, a, 0.3)


# -- merging while linking ----------------------------------------------------

# Joining never (threshold above any similarity); merging whenever two shortlisted stories share words.
EAGER = StoryOptions(threshold=1.1, merge_threshold=0.01)


def _snapshot(store) -> dict[str, list[tuple]]:
    return {
        "stories": _rows(store, "SELECT id, article_count, first_date, last_date, outlets FROM stories"),
        "members": _rows(store, "SELECT article_id, story_id FROM story_articles"),
        "claims": _rows(store, "SELECT id, story_id, source_count FROM claims"),
        "conflicts": _rows(store, "SELECT id, story_id FROM conflicts"),
        "redirects": _rows(store, "SELECT story_id, into_id FROM story_redirects"),
        "terms": _rows(store, "SELECT article_id FROM link_terms"),
    }


def test_linking_merges_and_relinking_is_idempotent(store) -> None:
    results = []
    for a in _articles():
        store.upsert_article(a)
        results.append(link_article(store, a, EAGER))
    merges = [m for r in results for m in r.story.merges]
    assert merges and all(r.story.new for r in results)  # every article started a story; merges joined them
    survivors = {store.story_of(a.id) for a in _articles()}
    assert len(survivors) == 1 and store.stats()["stories"] == 1
    assert all(store.get_story(m.gone).id in survivors for m in merges)
    assert _orphans(store) == []
    before = _snapshot(store)
    for a in _articles():  # linking again changes nothing: linking is once per article
        again = link_article(store, a, EAGER)
        assert again.story.story_id == store.story_of(a.id) and again.story.merges == ()
    assert _snapshot(store) == before
