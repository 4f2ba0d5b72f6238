"""Linking one article costs the same however full the store is: the stored articles it compares
(story candidates, members, conflict context) are bounded by constants, not by a story's length."""

from __future__ import annotations

import json

from link_support import make_article, quote

from newstrace.link import link_article
from newstrace.link.conflicts import find_conflicts
from newstrace.link.linker import ALONE_FLOOR, CONFLICT_CONTEXT, conflict_context, link_conflicts
from newstrace.link.stories import MemoryIndex, StoryClusterer, StoryOptions
from newstrace.store import Store


class CountingIndex(MemoryIndex):
    """A MemoryIndex that records which stored articles' terms the clusterer read."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def story_terms(self, article_ids: list[str]) -> dict:
        self.read.extend(article_ids)
        return super().story_terms(article_ids)


def test_placing_an_article_reads_a_bounded_number_of_stored_articles() -> None:
    o = StoryOptions()
    index = CountingIndex()
    clusterer = StoryClusterer(index, o)
    words = {"flood": 2.0, "river": 2.0, "dam": 1.0, "evacuation": 1.0}
    reads, grown = [], 0
    for size in (100, 800):  # one long story: every article shares its words
        for i in range(grown, size):
            clusterer.add(f"a{i}", {**words, f"w{i % 7}": 1.0}, None)
        grown = size
        index.read.clear()
        placed = clusterer.add(f"new{size}", words, None)
        assert not placed.new and len(index.clusters()) == 1
        # each stored article is read once however many roles it plays (candidate, member)
        assert len(index.read) == len(set(index.read))
        reads.append(len(index.read))
    assert reads[1] <= o.max_candidates + o.max_stories * o.max_members
    assert reads[1] == reads[0]  # a story eight times longer: no more reads


_FILLER = ["Shops stayed shut across the city.", "Crowds gathered outside the hospital.", "Trains ran late all week.",
           "A month on, families still wait for answers.", "The mayor cut short a visit abroad.", "Schools reopened on Thursday."]


def _stored(store: Store, aid: str, n: int = 0) -> None:
    """An article on file (the link tables refer to it), of its own words so that it is no near-copy."""
    text = f"{_FILLER[n % len(_FILLER)]} Report {aid} number {n} of the day, filed by desk {n * 7919 % 1000}."
    assert store.upsert_article(make_article(aid, text)).status == "stored"


def test_candidates_sharing_more_query_weight_come_first(store: Store) -> None:
    for n, aid in enumerate(("rare", "common", "newer", "far")):
        _stored(store, aid, n)
    for index in (MemoryIndex(), store):
        day = 739_000
        index.story_add_terms("rare", {"kalvar": 1.0, "blast": 1.0}, day)
        index.story_add_terms("common", {"blast": 1.0}, day)
        index.story_add_terms("newer", {"blast": 1.0}, day + 1)
        index.story_add_terms("far", {"kalvar": 1.0, "blast": 1.0}, day + 90)  # outside the window
        query = {"kalvar": 0.8, "blast": 0.2}
        assert index.story_candidates(query, day, 21, 10) == ["rare", "newer", "common"]  # a tie: the newest first
        assert index.story_candidates(query, day, 21, 2) == ["rare", "newer"]


_OPENINGS = {"a": "Rescue work went on through the night.", "b": "Shops stayed shut across the city.",
             "c": "Crowds gathered outside the hospital.", "z": "A month on, families still wait for answers."}


def _toll(aid: str, who: str, n: int, site: str):
    t = f"{_OPENINGS[aid]} {who} said {n} people were killed in the blast at the central market of Kalvar on Monday."
    content = f"{n} people were killed in the blast at the central market of Kalvar on Monday"
    return make_article(aid, t, published="2024-05-06", site=site, title="Blast at Kalvar market", claims=True,
                        quotes=(quote(t, "q1", who, content, "said", speaker_kind="anonymous_group"),))


def _long_story(store: Store):
    """A story of one toll report and more members than conflicts read, then a late report joining it;
    returns the story, its members oldest first, the late article, the ids loaded and the loader."""
    a = _toll("a", "Officials", 60, "a.org")
    assert store.upsert_article(a).status == "stored"
    link_article(store, a)
    story = store.story_of("a")
    assert story is not None
    members = [f"m{i:02d}" for i in range(CONFLICT_CONTEXT + 8)]
    late = _toll("z", "Medics", 95, "z.org")
    assert store.upsert_article(late).status == "stored"
    for n, m in enumerate(members):
        _stored(store, m, n)
    for m in [*members, "z"]:
        store.story_add_terms(m, {"kalvar": 1.0}, None)
        store.story_join(story, m, 0.5)
    loaded: list[str] = []

    def load(aid: str):
        loaded.append(aid)
        return make_article(aid, "Shops stayed shut across the city.")

    return story, members, late, loaded, load


def test_conflicts_read_the_newest_members_of_a_long_story(store: Store) -> None:
    story, members, late, loaded, load = _long_story(store)

    link_conflicts(store, late, story, load)
    assert loaded == members[-CONFLICT_CONTEXT:]


def test_a_conflict_found_again_keeps_its_side_rows_in_order(store: Store) -> None:
    for art in (_toll("a", "Officials", 60, "a.org"), _toll("b", "Medics", 95, "b.org"), _toll("c", "Medics", 95, "c.org")):
        assert store.upsert_article(art).status == "stored"
        link_article(store, art)
    (c,) = store.conflicts()
    assert {s.article_id for s in c.sides} == {"a", "b", "c"}
    rows = store.sql.rows("SELECT idx, article_id FROM conflict_sides WHERE conflict_id = :c ORDER BY idx", {"c": c.id})  # type: ignore[attr-defined]
    sides = json.loads(store.sql.value("SELECT sides FROM conflicts WHERE id = :c", {"c": c.id}))  # type: ignore[attr-defined]
    assert [tuple(r) for r in rows] == [(i, s["article_id"]) for i, s in enumerate(sides)]
    linked = store.sql.rows("SELECT article_id FROM conflict_articles WHERE conflict_id = :c ORDER BY article_id", {"c": c.id})  # type: ignore[attr-defined]
    assert [r[0] for r in linked] == ["a", "b", "c"]


def test_conflicts_read_the_members_most_like_the_article_first(store: Store) -> None:
    story, members, late, loaded, load = _long_story(store)

    # the clusterer's neighbours, most similar first: two old members of its story, one of another story
    neighbours = [("elsewhere", "st-other", 0.9), ("m02", story, 0.8), ("m00", story, 0.6)]
    link_conflicts(store, late, story, load, neighbours)
    newest = members[-CONFLICT_CONTEXT:]
    assert loaded == ["m02", "m00", *newest][:CONFLICT_CONTEXT]
    assert conflict_context(store, "z", story, [(m, story, 0.5) for m in members]) == members[:CONFLICT_CONTEXT]  # bounded


def test_placing_an_article_names_what_it_was_compared_with_most_similar_first() -> None:
    index = MemoryIndex()
    clusterer = StoryClusterer(index, StoryOptions())
    clusterer.add("q1", {"quake": 2.0, "qeshm": 2.0, "island": 1.0}, None)
    clusterer.add("q2", {"quake": 2.0, "qeshm": 2.0, "villages": 1.0, "killed": 1.0}, None)
    clusterer.add("f1", {"fire": 2.0, "supermarket": 2.0, "somerset": 1.0}, None)
    placed = clusterer.add("q3", {"quake": 2.0, "qeshm": 2.0, "island": 1.0}, None)
    assert not placed.new
    ids = [a for a, _, _ in placed.neighbours]
    assert ids[0] == "q1" and "q2" in ids and "f1" not in ids and "q3" not in ids
    sims = [s for _, _, s in placed.neighbours]
    assert sims == sorted(sims, reverse=True) and sims[0] > sims[-1]
    assert {sid for _, sid, _ in placed.neighbours} == {placed.story_id}


def test_an_article_that_starts_a_story_is_checked_against_the_close_articles_of_other_stories(store: Store) -> None:
    a = _toll("a", "Officials", 60, "a.org")
    assert store.upsert_article(a).status == "stored"
    link_article(store, a)
    b = _toll("b", "Medics", 95, "b.org")
    assert store.upsert_article(b).status == "stored"
    own = store.story_new("b")  # a story split: b started its own
    assert own != store.story_of("a")
    far = [(f"x{i}", "st-far", ALONE_FLOOR / 2) for i in range(3)]
    close = [(f"c{i}", f"st-{i % 2}", 0.5 - i / 100) for i in range(CONFLICT_CONTEXT + 3)]
    assert conflict_context(store, "b", own, [*close, *far]) == [c for c, _, _ in close][:CONFLICT_CONTEXT]
    assert conflict_context(store, "b", own, far) == []  # none close enough
    loaded: list[str] = []

    def load(aid: str):
        loaded.append(aid)
        return a

    assert link_conflicts(store, b, own, load, [("a", str(store.story_of("a")), 0.4)]) == 1
    assert loaded == []  # a was prepared when it was linked itself, and kept (linker.PREPARED_KEPT)
    (c,) = store.conflicts()
    assert {s.article_id for s in c.sides} == {"a", "b"} and c.story_id == own


def test_the_articles_compared_are_bounded_in_all_not_per_story() -> None:
    def reads(o: StoryOptions) -> int:
        index = CountingIndex()
        # three long stories that share the new article's words, so each is shortlisted
        sids: dict[int, str] = {}
        for i in range(20):
            for story in range(3):
                aid = f"s{story}-{i}"
                index.story_add_terms(aid, {"storm": 2.0, "coast": 1.0, f"place{story}": 1.0, f"w{i}": 1.0}, None)
                if story in sids:
                    index.story_join(sids[story], aid, 0.5)
                else:
                    sids[story] = index.story_new(aid)
        StoryClusterer(index, o).add("new", {"storm": 2.0, "coast": 1.0}, None)
        return len(set(index.read))

    o = StoryOptions(max_candidates=9, max_members=6, max_stories=3, max_compared=12)
    assert reads(o) == o.max_compared
    # without the total the three stories' newest members would all be read
    assert reads(StoryOptions(max_candidates=9, max_members=6, max_stories=3, max_compared=100)) == 9 + 3 * 3


def test_a_story_member_is_prepared_once_for_the_articles_that_join_after_it(store: Store) -> None:
    arts = [_toll("a", "Officials", 60, "a.org"), _toll("b", "Medics", 95, "b.org"), _toll("c", "Police", 70, "c.org")]
    loaded: list[str] = []

    def load(aid: str):
        loaded.append(aid)
        return store.get_article(aid)

    story = None
    for art in arts:
        assert store.upsert_article(art).status == "stored"
        if story is None:
            link_article(store, art)
            story = store.story_of(art.id)
        else:
            store.story_add_terms(art.id, {"kalvar": 1.0}, None)
            store.story_join(story, art.id, 0.5)
            link_conflicts(store, art, story, load)
    assert loaded == []  # each member was prepared when it was linked itself
    # the same conflicts as a check that prepares every article afresh
    fresh = find_conflicts(arts, focus="c")
    assert {c.key for c in fresh} <= {c.key for c in store.conflicts()}
    assert len(fresh) >= 2
