"""Readers' corrections of entity merges, kept across re-linking: split a wrong merge, join two entities.

A decision is stored by the names on each side, not by entity ids (ids are made anew when the
store's entities are linked again; the names the articles wrote stay): a *split* keeps the names of
side b out of any entity that goes by a name of side a, a *join* makes the two sides one entity.
The linker consults the decisions touching an article's names before each merge
(:class:`Decisions`), so they hold for articles linked later and when every article is linked again
(:func:`relink_entities`). A later decision over the same names overrides an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstrace import names
from newstrace.errors import ConfigError, NotFound
from newstrace.link.lookup import resolve_entity
from newstrace.link.storage import EntityDecision, EntityMentionRow, EntityRow, LinkStore
from newstrace.text import fold

if TYPE_CHECKING:
    from newstrace.link.entities import LocalEntity


def name_key(surface: str) -> str:
    return fold(names.clean(surface))


def _names_of(row: EntityRow) -> frozenset[str]:
    return frozenset(name_key(s) for s in (row.name, *row.aliases))


def unit_key(article_id: str, surface: str) -> str:
    """One article's entity by its fullest name: what a decision names when the name alone cannot
    tell two people apart ("Obama" in one article was not Barack Obama)."""
    return f"@{article_id}:{name_key(surface)}"


def local_names(local: LocalEntity, article_id: str) -> frozenset[str]:
    plain = {name_key(s) for s in (*local.surfaces, local.name)}
    return frozenset(plain | {unit_key(article_id, _fullest(local.surfaces + (local.name,), local.label))})


def _fullest(surfaces: Iterable[str], label: str) -> str:
    return max(surfaces, key=lambda s: (len(names.parse(s, label).name.split()), len(s), s))


@dataclass(frozen=True, slots=True)
class Decisions:
    """The decisions that touch a set of names, in the order they were made."""

    items: tuple[EntityDecision, ...]

    @classmethod
    def for_article(cls, store: LinkStore, article_id: str, locals_: Iterable[LocalEntity]) -> Decisions:
        keys = sorted({k for e in locals_ for k in local_names(e, article_id)})
        return cls(tuple(store.entity_decisions_for(keys))) if keys else cls(())

    def _apart(self, mine: frozenset[str], theirs: frozenset[str]) -> bool:
        verdict = False
        for d in self.items:  # oldest first: the latest decision over these names stands
            crosses = bool(mine & d.a and theirs & d.b or mine & d.b and theirs & d.a)
            if crosses:
                verdict = d.kind == "split"
        return verdict

    def keeps_apart(self, local: LocalEntity, article_id: str, row: EntityRow) -> bool:
        if not self.items:
            return False
        return self._apart(local_names(local, article_id), _names_of(row))

    def joined_entity(self, store: LinkStore, local: LocalEntity, article_id: str) -> EntityRow | None:
        """The entity a reader joined one of ``local``'s names to, when one exists yet."""
        mine = local_names(local, article_id)
        for d in reversed(self.items):
            if d.kind != "join" or not mine & (d.a | d.b):
                continue
            if d.label != local.label:
                continue
            keys = [f"name:{n}" for n in sorted(d.a | d.b) if not n.startswith("@")]
            ids = {i for found in store.entity_candidates(keys).values() for i in found}
            rows = [r for r in store.entity_rows(ids) if r.label == local.label and not self.keeps_apart(local, article_id, r)]
            if rows:
                return max(rows, key=lambda r: (r.article_count, r.id))
        return None

    def forbids_join(self, store: LinkStore, a: str, b: str) -> bool:
        rows = store.entity_rows([a, b])
        if len(rows) != 2 or not self.items:
            return False
        return self._apart(_names_of(rows[0]), _names_of(rows[1]))


def split_entity(store: LinkStore, entity: str, split_names: Iterable[str]) -> tuple[EntityRow, EntityRow]:
    """Move the members named ``split_names`` (each article's whole entity that went by one of them)
    out of ``entity`` into a new entity; record the split. Returns (what is left, the new entity)."""
    from newstrace.link.entities import surface_keys

    row = resolve_entity(store, entity)
    wanted = {name_key(n) for n in split_names if names.clean(n)}
    if not wanted:
        raise ConfigError("give the names to split off", input=entity)
    members = store.entity_member_rows(row.id)

    def named(surface: str) -> bool:
        return name_key(surface) in wanted or fold(names.parse(surface, row.label).name) in wanted

    units: dict[tuple[str, str], list[EntityMentionRow]] = {}
    for m in members:
        units.setdefault((m.article_id, m.local_id or m.surface), []).append(m)
    # an article's entity goes by the names asked for when its fullest name does ("Obama" alone, not
    # Barack Obama's articles that also wrote "Obama"); failing that, when any of its names does
    chosen = [u for u, ms in units.items() if named(_fullest([m.surface for m in ms], row.label))] or \
        [u for u, ms in units.items() if any(named(m.surface) for m in ms)]
    moving = [m for u in chosen for m in units[u]]
    if not moving:
        known = ", ".join(sorted({m.surface for m in members})[:8])
        raise NotFound(f"no mention of {row.id} ({row.name}) goes by {', '.join(sorted(split_names))} (its names: {known})", input=entity)
    if len(moving) == len(members):
        raise ConfigError(f"every mention of {row.id} ({row.name}) goes by these names: nothing would be left to split from", input=entity)
    with store.link_transaction():
        moved_names = {name_key(m.surface) for m in moving}
        kept_names = {name_key(m.surface) for m in members if m not in moving}
        shared = moved_names & kept_names  # a name on both sides ("Smith") is told apart by its articles
        moved_units = {unit_key(u[0], _fullest([m.surface for m in units[u]], row.label)) for u in chosen}
        fullest = _fullest([m.surface for m in moving if named(m.surface)] or [m.surface for m in moving], row.label)
        new_id = store.entity_new(names.parse(fullest, row.label).name or fullest, row.label, [], None)
        store.entity_move_members(row.id, new_id, [(m.article_id, m.surface) for m in moving], "reader", f"split off {row.id} by a reader")
        for eid in (row.id, new_id):
            left = store.entity_member_rows(eid)
            titles = next((m.title for m in left if m.title), None)
            store.entity_replace_keys(eid, surface_keys([m.surface for m in left], row.label, titles))
            store.entity_refresh(eid)
        store.entity_decide("split", row.label, sorted(kept_names - shared), sorted((moved_names - shared) | moved_units), [row.id, new_id])
    kept, new = store.entity_rows([row.id]), store.entity_rows([new_id])
    return kept[0], new[0]


def _units_of(store: LinkStore, row: EntityRow) -> set[str]:
    units: dict[tuple[str, str], list[str]] = {}
    for m in store.entity_member_rows(row.id):
        units.setdefault((m.article_id, m.local_id or m.surface), []).append(m.surface)
    return {unit_key(aid, _fullest(surfaces, row.label)) for (aid, _), surfaces in units.items()}


def join_entities(store: LinkStore, into: str, gone: str) -> EntityRow:
    """Make ``gone`` part of ``into`` (its id then leads there); record the join."""
    a, b = resolve_entity(store, into), resolve_entity(store, gone)
    if a.id == b.id:
        raise ConfigError(f"both name the same entity {a.id} ({a.name})", input=f"{gone} -> {into}")
    with store.link_transaction():
        side_a = _names_of(a) | _units_of(store, a)
        side_b = (_names_of(b) - _names_of(a)) | _units_of(store, b)
        store.entity_merge(a.id, b.id, "reader", "joined by a reader", None)
        store.entity_decide("join", a.label, sorted(side_a), sorted(side_b), [a.id, b.id])
    return store.entity_rows([a.id])[0]


@dataclass(frozen=True, slots=True)
class Relinked:
    articles: int
    entities: int


def relink_entities(store: LinkStore) -> Relinked:
    """Link every linked article's entities again, in the order they were first linked, under
    today's rules and every reader's decision (the stories, claims and conflicts stay)."""
    from newstrace.link.entities import link_entities

    order = store.linked_articles()
    with store.link_transaction():
        store.entity_links_clear()
        for article_id, story_id in order:
            link_entities(store, store.get_article(article_id), story_id)
        count = store.entity_count()
    return Relinked(len(order), count)
