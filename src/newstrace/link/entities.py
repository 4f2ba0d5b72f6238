"""Entities across documents: one person or organisation however an article names it.

An article's entity (its canonical name and aliases, from the NLP stage) and
its named speakers are matched to the store's cross-document entities by keys
(see :mod:`newstrace.names`): the full name (1.0), an initial and the
last name (0.9), an acronym (0.85), the last name alone (0.8 when one entity
carries it, less when one dominates several), a role tied to a name within an
article ("Russian President Vladimir Putin" makes "the Russian leader" a key,
0.6). Each merge records its confidence and method.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newstrace import names
from newstrace.link.storage import EntityRow, LinkStore
from newstrace.model import Article

LINKED_LABELS = frozenset({"PERSON", "ORG", "PLACE", "GROUP"})
_SPEAKER_LABEL = {"person": "PERSON", "organization": "ORG", "outlet": "ORG"}


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One entity of one article, with every surface form it went by there."""

    name: str  # the fullest form, titles removed
    label: str
    surfaces: tuple[str, ...]
    title: str | None
    mentions: int
    description: str | None = None  # "the Russian leader" when that is all the article gives


@dataclass(frozen=True, slots=True)
class EntityLink:
    entity_id: str
    name: str
    confidence: float
    method: str


def local_entities(article: Article) -> list[LocalEntity]:
    out: list[LocalEntity] = []
    seen: set[str] = set()
    for e in article.entities:
        if e.label not in LINKED_LABELS:
            continue
        surfaces = [names.clean(s) for s in (e.name, *e.aliases) if names.clean(s)]
        if not surfaces:
            continue
        parsed = [names.parse(s, e.label) for s in surfaces]
        best = max(parsed, key=lambda n: (len(n.name.split()), len(n.name)))
        title = next((n.title for n in parsed if n.title), None)
        out.append(LocalEntity(best.name or surfaces[0], e.label, tuple(dict.fromkeys(surfaces)), title, max(1, len(e.mentions))))
        seen.update(s.casefold() for s in surfaces)
    for q in article.quotes:
        s = q.speaker
        if s is None:
            continue
        if s.kind == "role":
            key = names.description_key(s.text) or names.description_key(s.name)
            if key and s.name.casefold() not in seen:
                out.append(LocalEntity(names.clean(s.name), "PERSON", (names.clean(s.name),), None, 1, description=key))
                seen.add(s.name.casefold())
            continue
        label = _SPEAKER_LABEL.get(s.kind)
        if label is None or s.name.casefold() in seen:
            continue
        n = names.parse(s.name, label)
        title = s.title or n.title
        out.append(LocalEntity(n.name or s.name, label, tuple(dict.fromkeys([names.clean(s.name), names.clean(s.text)])), title, 1))
        seen.add(s.name.casefold())
    return out


def _keys(local: LocalEntity) -> dict[str, float]:
    if local.description:
        return {local.description: 0.6}
    keys: dict[str, float] = {}
    for s in local.surfaces + (local.name,):
        for k, v in names.keys_for(s, local.label).items():
            keys[k] = max(keys.get(k, 0.0), v)
    if local.title:
        for k in names.role_keys(local.title):
            keys.setdefault(k, 0.6)
    return keys


def _compatible(local: LocalEntity, row: EntityRow) -> bool:
    if row.label != local.label:
        return False
    if local.label != "PERSON" or local.description:
        return True
    a, b = names.parse(local.name), names.parse(row.name)
    return a.last == b.last and names.compatible_first(a.first, b.first) or any(
        names.parse(x).last == a.last and names.compatible_first(a.first, names.parse(x).first) for x in row.aliases
    )


def match(store: LinkStore, local: LocalEntity) -> tuple[EntityLink | None, dict[str, float]]:
    keys = _keys(local)
    found = store.entity_candidates(keys)
    if not found:
        return None, keys
    rows = {r.id: r for r in store.entity_rows(eid for ids in found.values() for eid in ids)}
    scored: dict[str, tuple[float, str]] = {}
    for key, ids in found.items():
        kind = key.split(":", 1)[0]
        usable = [i for i in ids if i in rows and _compatible(local, rows[i])]
        if not usable:
            continue
        conf = keys[key]
        if kind == "last" and len(usable) > 1:
            usable.sort(key=lambda i: -rows[i].article_count)
            top, second = rows[usable[0]].article_count, rows[usable[1]].article_count
            if top < 3 * max(second, 1):
                continue  # "Smith" with two Smiths on file: do not guess
            usable, conf = usable[:1], conf - 0.2
        if kind == "role" and len(usable) > 1:
            usable.sort(key=lambda i: -rows[i].article_count)
            usable, conf = usable[:1], conf - 0.1
        method = {"full": "full", "last": "last", "acr": "acronym", "role": "role"}.get(kind, "alias")
        first_given = names.parse(local.name).first
        if kind == "last" and first_given and len(first_given) == 1:
            conf, method = 0.9, "initial"
        for i in usable:
            if i not in scored or conf > scored[i][0]:
                scored[i] = (conf, method)
    if not scored:
        return None, keys
    eid, (conf, method) = max(scored.items(), key=lambda kv: (kv[1][0], rows[kv[0]].article_count))
    return EntityLink(eid, rows[eid].name, round(conf, 2), method), keys


def link_entities(store: LinkStore, article: Article) -> list[EntityLink]:
    links: list[EntityLink] = []
    by_entity: dict[str, int] = defaultdict(int)
    for local in local_entities(article):
        link, keys = match(store, local)
        stored_keys = [k for k in keys if not k.startswith("role:") or local.description is None]
        if link is None:
            if local.description:
                continue  # a description that names no one we know of stays unlinked
            eid = store.entity_new(local.name, local.label, stored_keys)
            link = EntityLink(eid, local.name, 1.0, "new")
        elif local.label == "PERSON" and not local.description and len(local.name.split()) > len(link.name.split()):
            store.entity_rename(link.entity_id, local.name)
        for surface in local.surfaces:
            store.entity_add_member(link.entity_id, article.id, surface, local.mentions if surface == local.surfaces[0] else 0,
                                    link.confidence, link.method, local.title, stored_keys)
        by_entity[link.entity_id] += 1
        links.append(link)
    return links
