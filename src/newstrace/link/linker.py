"""Linking one new article into the store: entities, story, claims, conflicts.

``link_article(store, article)`` runs right after the article is stored (the
ingest command calls it when ``upsert_article`` says "stored"). It touches only
what the new article joins, so its cost does not grow with the store.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from newstrace.errors import NotFound
from newstrace.link.claims import MIN_STEMS, ClaimText, best_match, claim_id
from newstrace.link.conflicts import PreparedArticle, find_conflicts, prepare
from newstrace.link.entities import EntityLink, link_entities
from newstrace.link.statements import article_statements, outlet_of
from newstrace.link.storage import ClaimRow, ClaimSourceRow, LinkStore
from newstrace.link.stories import (
    Assignment,
    StoryClusterer,
    StoryOptions,
    article_terms,
    day_number,
)
from newstrace.model import Article

log = logging.getLogger(__name__)

DEFAULT_OPTIONS = StoryOptions()
# Newest story members a new article is compared with for conflicts: a bounded number, so linking
# costs the same in a long story as in a short one. 12 found the same ECB+ conflicts as 25 when the
# annotated topics were linked one by one (36 of 110 pairs; 73 reported against 78); 4 lost 5 pairs.
CONFLICT_CONTEXT = 12
# How like an article that starts a story of its own another story's article must be (TF-IDF cosine of
# their openings, as the clusterer weighs them) to be checked for conflicts with it. ECB+ as a stream
# (three orders): 0.1 -> P 80-81 %, 0.12 -> 82-83 %, 0.15 / 0.17 -> 84-86 %, all R 63.6 %; 0.2 -> R 58.2 %
# (what articles that close joined). The joining threshold is 0.2 (StoryOptions.threshold).
ALONE_FLOOR = 0.15


@dataclass
class LinkResult:
    article_id: str
    story: Assignment | None = None
    entities: list[EntityLink] = field(default_factory=list)
    claims_new: int = 0
    claims_joined: int = 0
    conflicts: int = 0


def link_claims(store: LinkStore, article: Article, story_id: str | None, result: LinkResult) -> None:
    date = article.published.value[:10] if article.published else None
    outlet = outlet_of(article) if (article.site or article.cites) else None
    for st in article_statements(article):
        if st.no_comment or st.quote_id is None:
            continue
        ct = ClaimText.of(st.text)
        if len(ct.stems) < MIN_STEMS:
            continue
        cands = store.claim_candidates(sorted(ct.stems)[:40], 30)
        match = best_match(ct, [(c.id, c.text) for c in cands if c.first_article_id != article.id])
        if match is None:
            cid, sim = claim_id(article.id, st.quote_id), 1.0
            store.claim_new(ClaimRow(cid, st.text, article.id, st.quote_id, st.speaker, date, 0, story_id), ct.stems)
            result.claims_new += 1
        else:
            cid, sim = match
            result.claims_joined += 1
        store.claim_add_source(ClaimSourceRow(cid, article.id, st.quote_id, st.speaker, outlet, date, round(sim, 3), st.text))


def conflict_context(store: LinkStore, article_id: str, story_id: str | None, neighbours: Sequence[tuple[str, str, float]] = ()) -> list[str]:
    """The stored articles a new article's statements are checked against, at most CONFLICT_CONTEXT.

    ``neighbours`` are the articles the clusterer compared it with while placing it (most similar
    first, read anyway). In its story: the members most like it first, then the newest; in a story
    that holds two events of one kind (two quakes of one island, years apart) the members most like
    the article tell of its own event, the newest may all be of the other. An article that joined
    no story (a story split: the rest of its event went elsewhere) is checked against the articles
    of other stories at least ALONE_FLOOR like it, so its sides still meet. ECB+ linked as a stream
    (benchmarks/conflicts_linked.py, BENCHMARKS.md)."""
    near = [a for a, sid, _ in neighbours if sid == story_id and a != article_id][:CONFLICT_CONTEXT]
    if not near and neighbours:  # none of its story compared: it started the story
        return [a for a, _, sim in neighbours if sim >= ALONE_FLOOR and a != article_id][:CONFLICT_CONTEXT]
    if story_id and len(near) < CONFLICT_CONTEXT:
        near = list(dict.fromkeys([*near, *(a for a in store.story_members(story_id, CONFLICT_CONTEXT + 1) if a != article_id)]))
    return near[:CONFLICT_CONTEXT]


def link_conflicts(store: LinkStore, article: Article, story_id: str | None, load: Callable[[str], Article],
                   neighbours: Sequence[tuple[str, str, float]] = ()) -> int:
    """Check the article against its conflict context (:func:`conflict_context`); store what
    conflicts. ``load`` reads a stored article of ``store``."""
    kept = _kept(store)
    others: list[PreparedArticle] = []
    if story_id:
        for aid in conflict_context(store, article.id, story_id, neighbours):
            if (p := kept.get(aid)) is None:
                try:
                    p = prepare(load(aid))
                except Exception:  # noqa: BLE001 - a member that cannot be read is left out
                    log.warning("story member %s could not be read", aid)
                    continue
            kept.put(aid, p)
            others.append(p)
    mine = prepare(article)
    kept.put(article.id, mine)
    found = [c for c in find_conflicts([mine, *others], focus=article.id) if any(s.article_id == article.id for s in c.sides)]
    return store.save_conflicts(story_id, found)


# A story's members meet every article that joins the story: reading and preparing each of them
# again for every newcomer was a third of the conflict check, and more of it the longer the story.
# What a stored article says never changes (its id is its content's), so the prepared articles of
# the newest conflict checks are kept, per store, as long as the store is open.
PREPARED_KEPT = 1024


class _Kept:
    """The PREPARED_KEPT articles a store's conflict checks used last."""

    def __init__(self) -> None:
        self.items: OrderedDict[str, PreparedArticle] = OrderedDict()

    def get(self, article_id: str) -> PreparedArticle | None:
        return self.items.get(article_id)

    def put(self, article_id: str, prepared: PreparedArticle) -> None:
        self.items[article_id] = prepared
        self.items.move_to_end(article_id)
        while len(self.items) > PREPARED_KEPT:
            self.items.popitem(last=False)


_KEPT: WeakKeyDictionary[LinkStore, _Kept] = WeakKeyDictionary()


def _kept(store: LinkStore) -> _Kept:
    try:
        return _KEPT.setdefault(store, _Kept())
    except TypeError:  # a store that cannot be weakly referenced keeps nothing
        return _Kept()


def link_article(store: LinkStore, article: Article, options: StoryOptions = DEFAULT_OPTIONS) -> LinkResult:
    """Join a stored article to the entities, story, claims and conflicts of the store."""
    result = LinkResult(article.id)
    existing = store.story_of(article.id)
    if existing is not None:  # linked before: linking is once per article
        result.story = Assignment(existing, 0.0, False)
        return result
    with store.link_transaction():
        clusterer = StoryClusterer(store, options)
        result.story = clusterer.add(article.id, dict(article_terms(article, options)), day_number(article))
        story_id = result.story.story_id
        # after the story: a surname several people on file carry is read in the story's context
        result.entities = link_entities(store, article, story_id)
        link_claims(store, article, story_id, result)
        result.conflicts = link_conflicts(store, article, story_id, store.get_article, result.story.neighbours)
    return result


def merge_stories(store: LinkStore, into: str, gone: str) -> int:
    """A reader's merge of two stories the clusterer kept apart: ``gone``'s articles, claims and
    conflicts move into ``into`` (``gone`` then redirects there), and each moved article is checked
    for conflicts with the rest of the merged story. Returns the number of conflicts found anew."""
    into_story, gone_story = store.get_story(into), store.get_story(gone)
    if into_story.id == gone_story.id:
        raise NotFound("both ids name the same story", input=f"{gone} -> {into}")
    moved = list(gone_story.article_ids)
    found = 0
    with store.link_transaction():
        store.story_merge(into_story.id, gone_story.id, 1.0)
        for aid in moved:
            found += link_conflicts(store, store.get_article(aid), into_story.id, store.get_article)
    return found
