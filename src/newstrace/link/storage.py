"""What cross-document linking reads and writes in a store: the interface, owned by the linker.

:class:`LinkStore` is what newstrace.link needs of a store (the SQL store implements it in
store/links.py); the story part of it is the clusterer's :class:`StoryIndex`, which an
in-memory index implements too (link/stories.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from newstrace.link.stories import StoryIndex
from newstrace.model import Article, Conflict, ConflictSide, Story

if TYPE_CHECKING:
    from newstrace.link.lookup import EntityLookup


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    quote_id: str
    speaker: str | None
    speaker_kind: str | None
    kind: str
    cue: str
    content: str
    channel: str | None
    via: tuple[str, ...]
    said_on: str | None
    published: str | None
    title: str | None
    confidence: float | None = None  # None: stored before confidences were measured
    speaker_candidate: str | None = None  # the nearest candidate when the speaker is unresolved

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> QuoteRow:
        """From the backends' shared column order (article_id … via as JSON … title, confidence, candidate)."""
        extra = (r[12], r[13]) if len(r) > 13 else (None, None)
        return cls(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], tuple(json.loads(r[8])), r[9], r[10], r[11], *extra)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim: one statement as made or repeated by one or more sources."""

    id: str
    text: str  # as first stated
    first_article_id: str
    first_quote_id: str | None
    first_speaker: str | None
    first_date: str | None
    source_count: int
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimSourceRow:
    claim_id: str
    article_id: str
    quote_id: str
    speaker: str | None
    outlet: str | None
    date: str | None
    similarity: float
    text: str


@dataclass(frozen=True, slots=True)
class ConflictRow:
    story_id: str | None
    id: str
    topic: str
    evidence: str
    sides: tuple[ConflictSide, ...]
    kind: str = ""
    confidence: float = 0.0
    review: str | None = None  # "confirmed", "dismissed" or None (unreviewed)
    reviewed_at: str | None = None
    key: str = ""

    def conflict(self) -> Conflict:
        return Conflict(self.id, self.topic, self.sides, self.evidence, self.confidence, self.kind, self.review, self.key)


@dataclass(frozen=True, slots=True)
class EntityRow:
    """An entity across documents: every name it went by, and how often it was seen."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    article_count: int
    mention_count: int
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, slots=True)
class EntityMentionRow:
    entity_id: str
    article_id: str
    surface: str  # the name as the article wrote it
    mentions: int
    confidence: float  # of the merge into this entity
    method: str  # the evidence it was merged on: new, full, surname+first, surname+title, surname, acronym, role, reader
    published: str | None
    title: str | None
    local_id: str | None = None  # the article's own id for the entity it was there ("e3")
    evidence: str | None = None  # the evidence in words (None: linked before evidence was recorded)
    evidence_article_id: str | None = None  # the article where the evidence was seen


@dataclass(frozen=True, slots=True)
class EntityDecision:
    """A reader's decision over names (newstrace.link.decisions): "join" side a and side b, or "split" b from a."""

    id: int
    kind: str
    label: str
    a: frozenset[str]
    b: frozenset[str]


class LinkStore(StoryIndex, Protocol):
    def link_transaction(self) -> AbstractContextManager[None]: ...

    def get_article(self, article_id: str) -> Article: ...

    # stories: the clusterer's StoryIndex (story_add_terms ... story_merge), and reading them
    def stories(self, limit: int = 100, min_articles: int = 1) -> list[Story]: ...
    def get_story(self, story_id: str) -> Story: ...
    def story_of(self, article_id: str) -> str | None: ...
    def story_sizes(self, story_ids: list[str]) -> dict[str, int]: ...
    def story_merge(self, into: str, gone: str, similarity: float) -> None:
        """Move every row of story ``gone`` (its articles, claims, conflicts, the redirects to it)
        to story ``into``, delete ``gone`` and record ``gone -> into`` so that ``get_story(gone)``
        returns ``into``. Raises NotFound unless both stories exist and differ."""
        ...
    def story_redirect(self, story_id: str) -> str | None:
        """The live story a merged story's id now resolves to (None: not a merged story)."""
        ...

    # claims
    def claim_candidates(self, terms: list[str], limit: int) -> list[ClaimRow]: ...
    def claim_new(self, claim: ClaimRow, terms: Iterable[str]) -> None: ...
    def claim_add_source(self, source: ClaimSourceRow) -> None: ...
    def claims(self, limit: int = 100, story_id: str | None = None, min_sources: int = 1) -> list[ClaimRow]: ...
    def claim_sources(self, claim_id: str) -> list[ClaimSourceRow]: ...

    # conflicts
    def save_conflicts(self, story_id: str | None, conflicts: Iterable[Conflict]) -> int: ...
    def conflicts(self, story_id: str | None = None, limit: int = 100, review: str | None = None) -> list[ConflictRow]: ...
    def get_conflict(self, conflict_id: str) -> ConflictRow: ...
    def review_conflict(self, conflict_id: str, review: str | None) -> ConflictRow: ...

    # entities across documents
    def entity_candidates(self, keys: Iterable[str]) -> dict[str, list[str]]: ...
    def entity_key_article(self, key: str, entity_id: str) -> str | None: ...
    def entity_rows(self, entity_ids: Iterable[str]) -> list[EntityRow]: ...
    def entity_new(self, name: str, label: str, keys: Iterable[str], article_id: str | None = None) -> str: ...
    def entity_add_member(self, entity_id: str, article_id: str, surface: str, mentions: int, confidence: float,
                          method: str, title: str | None, keys: Iterable[str], local_id: str | None = None,
                          evidence: str | None = None, evidence_article_id: str | None = None) -> None: ...
    def entities_in_articles(self, article_ids: Iterable[str]) -> set[str]: ...
    def entity_member_rows(self, entity_id: str) -> list[EntityMentionRow]: ...
    def entity_merge(self, into: str, gone: str, kind: str, evidence: str, article_id: str | None) -> None: ...
    def entity_move_members(self, from_id: str, to_id: str, members: Iterable[tuple[str, str]], method: str, evidence: str) -> int: ...
    def entity_refresh(self, entity_id: str) -> None: ...
    def entity_replace_keys(self, entity_id: str, keys: Iterable[str]) -> None: ...
    def entity_redirect(self, entity_id: str) -> str | None: ...
    def entity_merges(self, entity_id: str) -> list[tuple[str, str, str, str | None, str]]: ...
    def entity_decide(self, kind: str, label: str, side_a: list[str], side_b: list[str], entity_ids: list[str],
                      note: str | None = None) -> int: ...
    def entity_decisions_for(self, name_keys: Iterable[str]) -> list[EntityDecision]: ...
    def entity_links_clear(self) -> None: ...
    def linked_articles(self) -> list[tuple[str, str]]: ...
    def entity_count(self) -> int: ...
    def entity_rename(self, entity_id: str, name: str) -> None: ...
    def entities(self, limit: int = 100, query: str | None = None, label: str | None = None) -> list[EntityRow]: ...
    def entities_named(self, name: str) -> list[EntityRow]: ...
    def lookup_entity(self, name: str, label: str | None = None) -> EntityLookup: ...
    def get_entity(self, entity_id: str) -> EntityRow: ...
    def entity_mentions(self, entity_id: str, limit: int = 500) -> list[EntityMentionRow]: ...
    def entity_quotes(self, entity_id: str, limit: int = 200) -> list[QuoteRow]: ...
    def entity_members(self, article_id: str) -> dict[str, str]:
        """The store's entity id of each name (as the linker cleaned it) that the article's entities went by."""
        ...
