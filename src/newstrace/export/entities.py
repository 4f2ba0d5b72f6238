"""Which entity of the store a name in an article is: the identity the exports key nodes by.

The linker (newstrace.link.entities) joins each article's entities to entities across the store
and records, per article, the names each went by. An export asks :func:`store_entities` for an
article's resolver; without a store (or for names the linker did not join) names stay names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from newstrace import names
from newstrace.link.storage import EntityRow
from newstrace.model import Article, Entity, Speaker


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity as the store keeps it: its id, its name and every other name it went by."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


class ArticleEntities:
    """Resolves the names of one article (its entities, speakers, outlets) to store entities."""

    def __init__(self, article: Article, members: Mapping[str, EntityRef]) -> None:
        self._members = members
        self._local = {e.id: e for e in article.entities}

    def of_name(self, name: str | None) -> EntityRef | None:
        if not name or not self._members:
            return None
        return self._members.get(names.clean(name))

    def of_entity(self, e: Entity) -> EntityRef | None:
        for surface in (e.name, *e.aliases):
            found = self.of_name(surface)
            if found:
                return found
        return None

    def of_speaker(self, s: Speaker | None) -> EntityRef | None:
        if s is None:
            return None
        local = self._local.get(s.entity_id) if s.entity_id else None
        if local is not None:
            found = self.of_entity(local)
            if found:
                return found
        return self.of_name(s.name) or self.of_name(s.text)


EntityLookup = Callable[[Article], ArticleEntities]


def names_only(article: Article) -> ArticleEntities:
    """No store: every name stands for itself."""
    return ArticleEntities(article, {})


class _EntitySource(Protocol):
    def entity_members(self, article_id: str) -> dict[str, str]: ...

    def entity_rows(self, entity_ids: Iterable[str]) -> list[EntityRow]: ...


def store_entities(store: _EntitySource) -> EntityLookup:
    """A resolver per article from the store's entity links (entity rows read once each)."""
    refs: dict[str, EntityRef] = {}

    def lookup(article: Article) -> ArticleEntities:
        members = store.entity_members(article.id)
        wanted = {eid for eid in members.values() if eid not in refs}
        if wanted:
            for row in store.entity_rows(sorted(wanted)):
                refs[row.id] = EntityRef(row.id, row.name, row.label, row.aliases, row.titles)
        return ArticleEntities(article, {surface: refs[eid] for surface, eid in members.items() if eid in refs})

    return lookup
