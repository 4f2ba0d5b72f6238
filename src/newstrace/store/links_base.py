"""The part of the store interface that cross-document linking (newstrace.link) reads and writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from newstrace.model import Conflict, ConflictSide, Story

if TYPE_CHECKING:
    from newstrace.store.base import QuoteRow

Terms = dict[str, float]


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
    method: str  # how it was matched: new, full, alias, last, initial, acronym, role
    published: str | None
    title: str | None


def merged_summary(keep: Sequence[Any], drop: Sequence[Any]) -> tuple[str | None, str | None, str]:
    """(first_date, last_date, outlets JSON) of two stories made one, from their (first, last, outlets) columns.

    Both backends merge through this, so the two keep the same summary (outlets in the survivor's
    order, then the merged story's new ones)."""
    first = min(filter(None, (keep[0], drop[0])), default=None)
    last = max(filter(None, (keep[1], drop[1])), default=None)
    outlets = list(json.loads(keep[2]))
    outlets += [o for o in json.loads(drop[2]) if o not in outlets]
    return first, last, json.dumps(outlets)


class LinkStore(Protocol):
    def link_transaction(self) -> AbstractContextManager[None]: ...

    # stories (the StoryIndex of newstrace.link.stories)
    def story_add_terms(self, article_id: str, terms: Terms, day: int | None) -> None: ...
    def story_df(self, terms: Iterable[str]) -> dict[str, int]: ...
    def story_doc_count(self) -> int: ...
    def story_candidates(self, terms: list[str], day: int | None, window_days: int, limit: int) -> list[str]: ...
    def story_terms(self, article_ids: list[str]) -> dict[str, tuple[Terms, int | None]]: ...
    def stories_of(self, article_ids: list[str]) -> dict[str, str]: ...
    def story_members(self, story_id: str, limit: int) -> list[str]: ...
    def story_join(self, story_id: str, article_id: str, similarity: float) -> None: ...
    def story_new(self, article_id: str) -> str: ...
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
    def entity_rows(self, entity_ids: Iterable[str]) -> list[EntityRow]: ...
    def entity_new(self, name: str, label: str, keys: Iterable[str]) -> str: ...
    def entity_add_member(self, entity_id: str, article_id: str, surface: str, mentions: int, confidence: float,
                          method: str, title: str | None, keys: Iterable[str]) -> None: ...
    def entity_rename(self, entity_id: str, name: str) -> None: ...
    def entities(self, limit: int = 100, query: str | None = None, label: str | None = None) -> list[EntityRow]: ...
    def get_entity(self, entity_id: str) -> EntityRow: ...
    def entity_mentions(self, entity_id: str, limit: int = 500) -> list[EntityMentionRow]: ...
    def entity_quotes(self, entity_id: str, limit: int = 200) -> list[QuoteRow]: ...
