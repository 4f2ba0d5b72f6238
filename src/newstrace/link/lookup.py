"""Finding a cross-document entity by what a reader types: an id, a name, an alias, a surname, an acronym.

Tiers are tried in order and the first that finds anything decides: the id ("en000012"; the id of
an entity since joined to another leads there), the
entity's name or one of its aliases (case ignored), the full name of a person with titles left
out ("President Barack Obama"), a surname or an initial and surname ("Obama", "B. Obama"), then
an acronym on file ("AFP"). One entity found: it is the answer. Several: the name is ambiguous
and every one of them is a candidate, most-mentioned first, so the reader (or the desk) picks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from newstrace import names
from newstrace.errors import NotFound
from newstrace.link.storage import EntityRow
from newstrace.text import fold


class EntityIndex(Protocol):
    """What the lookup needs of a store (the SQL store's LinkTables has it)."""

    def entity_rows(self, entity_ids: Iterable[str]) -> list[EntityRow]: ...
    def entity_candidates(self, keys: Iterable[str]) -> dict[str, list[str]]: ...
    def entities_named(self, name: str) -> list[EntityRow]: ...
    def entity_redirect(self, entity_id: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class EntityLookup:
    """The outcome of looking a name up: one entity, or the candidates it could be."""

    query: str
    entity: EntityRow | None  # the one entity the name stands for (None: none, or ambiguous)
    candidates: tuple[EntityRow, ...]  # every entity found on the deciding tier, most-mentioned first
    how: str  # the deciding tier: id, name, alias, full, surname, acronym ("" when nothing was found)

    @property
    def ambiguous(self) -> bool:
        return self.entity is None and len(self.candidates) > 1


def _ranked(rows: list[EntityRow], label: str | None) -> list[EntityRow]:
    if label:
        rows = [r for r in rows if r.label == label.upper()]
    unique = {r.id: r for r in rows}
    return sorted(unique.values(), key=lambda r: (-r.article_count, -r.mention_count, r.id))


def _forms(row: EntityRow) -> list[names.Name]:
    return [names.parse(f) for f in (row.name, *row.aliases)]


def _person_tier(index: EntityIndex, query: str) -> tuple[str, list[EntityRow]]:
    """("full" or "surname", entities) for a person's name: the full name first, then the surname
    with a first name (or initial) that agrees with one of the entity's forms."""
    n = names.parse(query)
    if not n.last:
        return "", []
    full = names.full_key(n, "PERSON")
    if full:
        found = index.entity_candidates([full]).get(full, [])
        if found:
            return "full", index.entity_rows(found)
    found = index.entity_candidates([f"last:{n.last}"]).get(f"last:{n.last}", [])
    rows = [r for r in index.entity_rows(found) if r.label == "PERSON"]
    rows = [r for r in rows if names.first_name_fits(n.first, [f for f in _forms(r) if f.last == n.last])]
    return "surname", rows


def lookup_entity(index: EntityIndex, query: str, label: str | None = None) -> EntityLookup:
    """The entity ``query`` names (see the module's docstring for the order of the tiers)."""
    q = names.clean(query)
    if not q:
        return EntityLookup(query, None, (), "")
    tiers: list[tuple[str, list[EntityRow]]] = []
    tiers.append(("id", index.entity_rows([index.entity_redirect(q) or q])))  # a joined entity's id leads on
    named = index.entities_named(q)
    tiers.append(("name", [r for r in named if fold(r.name) == fold(q)]))
    person = _person_tier(index, q) if label in (None, "PERSON", "person") else ("", [])
    # A surname alone is an alias of every person it was written for: "Smith" in Jane Smith's
    # article does not make John Smith's surname hers.
    lone_surname = person[0] == "surname" and names.parse(q).first is None
    tiers.append(("alias", named + person[1] if lone_surname else named))
    tiers.append(person)
    if names.is_acronym(q):
        key = f"acr:{q.replace('.', '').replace(' ', '').upper()}"
        tiers.append(("acronym", index.entity_rows(index.entity_candidates([key]).get(key, []))))
    for how, rows in tiers:
        ranked = _ranked(rows, label)
        if ranked:
            return EntityLookup(query, ranked[0] if len(ranked) == 1 else None, tuple(ranked), how)
    return EntityLookup(query, None, (), "")


def resolve_entity(index: EntityIndex, query: str, label: str | None = None) -> EntityRow:
    """The one entity ``query`` names, or NotFound with a one-line reason (the candidates when ambiguous)."""
    found = lookup_entity(index, query, label)
    if found.entity is not None:
        return found.entity
    if not found.candidates:
        raise NotFound("no entity with this id, name, alias or surname", input=query)
    shown = "; ".join(f"{r.id} {r.name} ({r.article_count} articles)" for r in found.candidates[:5])
    more = f"; and {len(found.candidates) - 5} more" if len(found.candidates) > 5 else ""
    raise NotFound(f"{len(found.candidates)} entities go by this {found.how}: {shown}{more}; give an id or a fuller name", input=query)
