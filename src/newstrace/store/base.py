"""The store interface every backend (SQLite, PostgreSQL) implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from newstrace.model import Article, SourceRef
from newstrace.pipeline import Failure

UpsertStatus = Literal["stored", "duplicate"]


@dataclass(frozen=True, slots=True)
class UpsertResult:
    status: UpsertStatus
    article_id: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    published: str | None
    snippet: str  # with matches wrapped in [ and ]
    rank: float


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


class Store(Protocol):
    def upsert_article(self, article: Article) -> UpsertResult: ...

    def record_failure(self, failure: Failure) -> None: ...

    def get_article(self, article_id: str) -> Article: ...

    def article_sources(self, article_id: str) -> list[SourceRef]: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def quotes(self, speaker: str | None = None, limit: int = 100) -> list[QuoteRow]: ...

    def timeline(self, article_id: str | None = None, limit: int = 500) -> list[TimelineRow]: ...

    def failures(self) -> list[FailureRow]: ...

    def stats(self) -> dict[str, int]: ...

    def close(self) -> None: ...
