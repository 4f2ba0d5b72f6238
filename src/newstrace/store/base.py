"""The store interface every backend (SQLite, PostgreSQL) implements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from newstrace.link.storage import ClaimSourceRow, ConflictRow, LinkStore, QuoteRow
from newstrace.model import Article, SourceRef
from newstrace.store.desk_base import DeskStore
from newstrace.store.desk_claims import ClaimItem
from newstrace.store.desk_lists import ListFilters
from newstrace.store.desk_statements import SideRef, StatementItem
from newstrace.store.desk_timeline import EventItem
from newstrace.types import Failure

UpsertStatus = Literal["stored", "duplicate", "copy"]  # copy: a near-copy of a stored article


# What `newstrace stats` counts; plain SQL that both backends run as it is.
STAT_QUERIES: dict[str, str] = {
    "articles": "SELECT count(*) FROM articles",
    "sources": "SELECT count(*) FROM article_sources",
    "quotes": "SELECT count(*) FROM quotes",
    "entities": "SELECT count(DISTINCT name || '|' || label) FROM entities",
    "timexes": "SELECT count(*) FROM timexes",
    "events": "SELECT count(*) FROM events",
    "stories": "SELECT count(*) FROM stories",
    "failures": "SELECT count(*) FROM failures WHERE resolved = 0",
}


@dataclass(frozen=True, slots=True)
class UpsertResult:
    status: UpsertStatus
    article_id: str  # for a duplicate or copy: the stored article it repeats
    similarity: float | None = None  # for a copy: estimated Jaccard similarity to that article


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    published: str | None
    snippet: str  # with matches wrapped in [ and ]
    rank: float


@dataclass(frozen=True, slots=True)
class TimelineRow:
    date: str | None
    text: str
    according_to: str | None
    article_id: str
    title: str | None


@dataclass(frozen=True, slots=True)
class FailureRow:
    input: str
    code: str
    message: str
    at: str


@dataclass(frozen=True, slots=True)
class UnitDone:
    """A batch work unit finished: its completion marker (see newstrace.batch)."""

    key: str  # stable identity of the unit: input, size and byte range or file list
    input: str  # the input (file, or file#range=a-b) it covers; its unit-level failures resolve with it
    documents: int
    failed: int


@dataclass(frozen=True, slots=True)
class BatchCounts:
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    stored_ids: tuple[str, ...] = ()  # the articles this write stored (not the duplicates)


class ListReads(Protocol):
    """The desk's store-wide lists (store/desk_statements.py, desk_claims.py, desk_conflicts.py,
    desk_timeline.py): each filtered in SQL before it is limited, counted with the same filters,
    and streamed whole for exports."""

    def list_statements(self, f: ListFilters, sort: str = "newest", limit: int = 20, offset: int = 0) -> list[StatementItem]: ...

    def count_statements(self, f: ListFilters) -> int: ...

    def iter_statements(self, f: ListFilters, sort: str = "newest") -> Iterator[StatementItem]: ...

    def conflict_sides_of(self, article_ids: list[str]) -> list[SideRef]: ...

    def list_claims(self, f: ListFilters, sort: str = "sources", limit: int = 20, offset: int = 0) -> list[ClaimItem]: ...

    def count_claims(self, f: ListFilters) -> int: ...

    def iter_claims(self, f: ListFilters, sort: str = "sources") -> Iterator[ClaimItem]: ...

    def claim_sources_of(self, claim_ids: list[str], per_claim: int = 12) -> dict[str, list[ClaimSourceRow]]: ...

    def claim_outlets_of(self, claim_ids: list[str]) -> dict[str, list[tuple[str, int]]]: ...

    def list_conflicts(self, f: ListFilters, sort: str = "strongest", limit: int = 20, offset: int = 0) -> list[ConflictRow]: ...

    def count_conflicts(self, f: ListFilters) -> int: ...

    def review_counts(self, f: ListFilters) -> dict[str, int]: ...

    def iter_conflicts(self, f: ListFilters, sort: str = "strongest") -> Iterator[ConflictRow]: ...

    def list_events(self, f: ListFilters, sort: str = "date", limit: int = 50, offset: int = 0) -> list[EventItem]: ...

    def count_events(self, f: ListFilters) -> int: ...

    def iter_events(self, f: ListFilters, sort: str = "date") -> Iterator[EventItem]: ...


class Store(LinkStore, DeskStore, ListReads, Protocol):
    def upsert_article(self, article: Article) -> UpsertResult: ...

    def record_failure(self, failure: Failure) -> None: ...

    def get_article(self, article_id: str) -> Article: ...

    def article_sources(self, article_id: str) -> list[SourceRef]: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def quotes(self, speaker: str | None = None, limit: int = 100, min_confidence: float = 0.0) -> list[QuoteRow]: ...

    def timeline(self, article_id: str | None = None, limit: int = 500) -> list[TimelineRow]: ...

    def failures(self) -> list[FailureRow]: ...

    def stats(self) -> dict[str, int]: ...

    # -- batch runs (newstrace.batch) ----------------------------------------

    def write_batch(
        self, outcomes: Iterable[Article | Failure], done: Iterable[UnitDone] = (), on_stored: Callable[[Article], None] | None = None
    ) -> BatchCounts:
        """In one transaction: upsert the articles, record the failures (a new failure of an
        input replaces its earlier one) and write the completion markers of ``done``.
        ``on_stored`` runs inside that transaction for each newly stored article (the batch
        runner links it there, so an article is never stored without being linked)."""
        ...

    def done_units(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` whose completion marker is stored."""
        ...

    def unlinked_article_ids(self) -> list[str]:
        """Stored articles not yet linked (a batch whose workers store leaves linking to its writer)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
