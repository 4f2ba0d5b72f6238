"""The ingest service: what every front end (CLI, batch writer, web upload) does with a document.

Analyse, store once per content id (a repeat or a near-copy only adds its source), link a newly
stored article into the store's stories, claims, conflicts and entities, and record what failed.
The front ends differ only in where documents come from and how they report.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from newstrace.errors import NewstraceError, StoreError
from newstrace.model import Article, RawDocument
from newstrace.pipeline import Pipeline
from newstrace.store import Store
from newstrace.store.base import BatchCounts, UnitDone
from newstrace.types import Failure, Outcome

log = logging.getLogger(__name__)

Status = Literal["stored", "duplicate", "copy", "failed"]


@dataclass(frozen=True, slots=True)
class Ingested:
    """One document's outcome."""

    status: Status
    article_id: str | None  # for a duplicate or copy: the stored article it repeats
    failure: Failure | None = None
    link_error: NewstraceError | None = None  # the article is stored, but linking it failed


class IngestService:
    """Store and link analysed documents into one store (``link=False``: store only)."""

    def __init__(self, store: Store, link: bool = True) -> None:
        self.store = store
        self.link = link

    def take(self, outcome: Outcome) -> Ingested:
        """Store one analysed article (and link it if it is new), or record its failure."""
        if isinstance(outcome, Failure):
            self.store.record_failure(outcome)
            return Ingested("failed", None, outcome)
        upserted = self.store.upsert_article(outcome)
        link_error = None
        if upserted.status == "stored" and self.link:
            try:
                self.link_article(outcome)
            except StoreError:
                raise  # a fault of the store (full, gone), not of this article: the caller stops; link_pending catches up
            except NewstraceError as exc:  # reported, not raised: the article itself is stored
                log.warning("%s: linking failed: %s", outcome.id, exc)
                link_error = exc
        return Ingested(upserted.status, upserted.article_id, link_error=link_error)

    def analyse(self, pipeline: Pipeline, raw: RawDocument) -> Ingested:
        """Analyse one fetched or uploaded document and :meth:`take` it; a document that cannot
        be analysed is recorded as a failure and its error raised (the caller answers with it)."""
        try:
            article = pipeline.analyse(raw)
        except NewstraceError as exc:
            self.store.record_failure(Failure(exc.input or raw.source.location, exc.code, exc.message))
            raise
        return self.take(article)

    def take_batch(self, outcomes: Iterable[Article | Failure], done: Iterable[UnitDone] = ()) -> BatchCounts:
        """Many outcomes and unit markers in one transaction; each new article is linked inside
        it, so an article is never stored without being linked."""
        return self.store.write_batch(outcomes, done, self.link_article if self.link else None)

    def link_article(self, article: Article) -> None:
        from newstrace.link import link_article

        link_article(self.store, article)

    def link_stored(self, article_ids: Iterable[str]) -> None:
        """Link articles that others stored (batch workers writing to PostgreSQL themselves)."""
        for article_id in article_ids:
            self.link_article(self.store.get_article(article_id))

    def link_pending(self) -> None:
        """Link the stored articles not linked yet (what a killed run stored but had not linked)."""
        self.link_stored(self.store.unlinked_article_ids())


