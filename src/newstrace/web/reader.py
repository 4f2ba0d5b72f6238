"""What the web desk reads from a store: a thin layer over the store's desk reads.

The store answers (newstrace.store.desk_base.DeskStore, implemented by every
backend); :class:`Reader` adds what is not SQL: an entity is the linker's
cross-document entity when one has that name, else the per-article entities
of that name gathered into one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstrace.errors import NotFound
from newstrace.model import Article
from newstrace.store.base import Store
from newstrace.store.desk_base import (
    MARK_CLOSE,
    MARK_OPEN,
    NO_FILTERS,
    ArticleRow,
    EntityName,
    Filters,
    Hit,
    QuoteRef,
    split_snippet,
)

__all__ = [
    "MARK_CLOSE", "MARK_OPEN", "ArticleRow", "EntityInfo", "EntityName", "Filters", "Hit", "QuoteRef", "Reader", "split_snippet",
]


@dataclass(frozen=True, slots=True)
class EntityInfo:
    name: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...] = field(default_factory=tuple)
    titles: tuple[str, ...] = ()
    id: str | None = None  # the linker's cross-document entity id, when linked


class Reader:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- news line ---------------------------------------------------------

    def latest(self, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[ArticleRow]:
        return self.store.latest_articles(limit=limit, offset=offset, filters=filters)

    def search(self, query: str, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[Hit]:
        return self.store.search_articles(query, limit=limit, offset=offset, filters=filters)

    def facets(self) -> dict[str, list[str]]:
        """The outlets and languages present, for the search filters."""
        f = self.store.facets()
        return {"sites": list(f.sites), "languages": list(f.languages)}

    def titles(self, article_ids: list[str]) -> dict[str, ArticleRow]:
        """Light rows (no text) for a set of articles."""
        return self.store.article_rows(article_ids) if article_ids else {}

    def articles(self, article_ids: list[str]) -> list[Article]:
        """Whole articles by exact id, in the order asked (missing ones left out)."""
        return self.store.articles(article_ids) if article_ids else []

    # -- entities ----------------------------------------------------------

    def entity(self, name: str) -> EntityInfo | None:
        """An entity by its name (or one of its aliases), across articles."""
        linked = self._linked_entity(name)
        if linked is not None:
            return linked
        rows = self.store.entity_occurrences(name)
        if not rows:
            return None
        canonical = rows[0].name if all(r.name == rows[0].name for r in rows) else name
        aliases = {alias for r in rows for alias in r.aliases} | {r.name for r in rows}
        aliases.discard(canonical)
        return EntityInfo(
            canonical,
            tuple(sorted({r.label for r in rows})),
            tuple(sorted(aliases)),
            tuple(dict.fromkeys(r.article_id for r in rows)),
        )

    def _linked_entity(self, name: str) -> EntityInfo | None:
        """The linker's cross-document entity with this name (or id), if any."""
        try:
            row = self.store.get_entity(name)
        except NotFound:
            return None
        if row.name != name and name not in row.aliases and name != row.id:
            return None  # a loose match on part of a name is not this entity
        ids = tuple(dict.fromkeys(m.article_id for m in self.store.entity_mentions(row.id, limit=500)))
        return EntityInfo(row.name, (row.label,), tuple(a for a in row.aliases if a != row.name), ids, tuple(row.titles), row.id)

    def entity_names(self, prefix: str = "", limit: int = 50, offset: int = 0) -> list[EntityName]:
        """Entities whose name starts with prefix: the linker's when it has any, else the articles'."""
        linked = self.store.entities(limit=offset + limit + 200, query=prefix or None)
        rows = [r for r in linked if r.name.casefold().startswith(prefix.casefold())]
        if rows:
            return [EntityName(r.name, r.label, r.article_count) for r in rows[offset : offset + limit]]
        return self.store.entity_names(prefix, limit=limit, offset=offset)

    def quotes_about(self, names: list[str], exclude_speaker: str | list[str], limit: int = 200) -> list[QuoteRef]:
        """Statements whose content names one of ``names``, not by ``exclude_speaker``."""
        return self.store.quotes_about(names, exclude_speaker, limit=limit)
