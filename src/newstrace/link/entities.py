"""Entities across documents: one person or organisation however an article names it, merged on evidence.

An article's entities (each with every name it went by there, from the NLP stage) and its named
speakers are matched to the store's cross-document entities by keys (:mod:`newstrace.names`), and a
key found is only a candidate: the merge needs evidence, and records it (the kind, the words, and
the article where it was seen):

- ``full``: the same full name ("Barack Obama"; an organisation's or place's whole name);
- ``surname+first``: the same surname with a first name that agrees with every first name the entity
  went by ("B. Obama", or "Barack Obama" for an entity known only as "Obama"), one such entity on file;
- ``surname+title``: a surname alone with a title the entity carried ("President Obama");
- ``surname``: a surname alone when one person on file carries it, or one person of the story does;
- ``acronym``: an acronym spelled out in an article ("Agence France-Presse (AFP)"): the acronym alone
  later joins that entity, and an article spelling it out joins the entities of its two forms;
- ``role``: a description tied to a title within an article ("the Russian leader");
- ``reader``: a reader's decision (newstrace.link.decisions), which also keeps split names apart.

Initials are never evidence on their own: "Agence France-Presse" and "Air Force" (AF) or Ismail
Haniyeh and Ihtisham Hibatullah (IH) stay apart; a surname several people on file carry stays apart
unless the story says which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newstrace import names
from newstrace.link.decisions import Decisions
from newstrace.link.storage import EntityRow, LinkStore
from newstrace.model import Article
from newstrace.text import fold

LINKED_LABELS = frozenset({"PERSON", "ORG", "PLACE", "GROUP"})
_SPEAKER_LABEL = {"person": "PERSON", "organization": "ORG", "outlet": "ORG"}
CONFIDENCE = {"full": 1.0, "reader": 1.0, "acronym": 0.9, "surname+first": 0.85, "surname+title": 0.85, "surname": 0.8, "role": 0.6}


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One entity of one article, with every surface form it went by there."""

    name: str  # the fullest form, titles removed
    label: str
    surfaces: tuple[str, ...]
    title: str | None
    mentions: int
    description: str | None = None  # "the Russian leader" when that is all the article gives
    local_id: str | None = None  # the article's own id for it ("e3"; "q:q7" for a speaker found nowhere else)
    spelled: str | None = None  # "Agence France-Presse (AFP)" when the article spells its acronym out


@dataclass(frozen=True, slots=True)
class EntityLink:
    entity_id: str
    name: str
    confidence: float
    method: str  # the evidence kind (see the module docstring), or "new"
    evidence: str = ""  # the evidence in words
    evidence_article_id: str | None = None  # where it was seen
    merged: tuple[str, ...] = field(default=())  # entities this article's evidence joined into this one


def _spell_out(out: list[LocalEntity], text: str) -> list[LocalEntity]:
    """Join an article's two entities that it spells out as one ("Agence France-Presse (AFP)"), or
    give the full name's entity its acronym, so the acronym alone finds it in later articles."""
    for long, acr in names.spelled_out(text):
        passage = f"{long} ({acr})"
        long_i = next((i for i, e in enumerate(out) if e.label != "PERSON" and fold(long) in {fold(s) for s in e.surfaces}), None)
        acr_i = next((i for i, e in enumerate(out) if fold(acr) in {fold(s).replace(".", "") for s in e.surfaces}), None)
        if long_i is None and acr_i is None:
            continue
        if long_i is None:  # the recogniser found the acronym only: the spelled-out name is still its name
            assert acr_i is not None
            e = out[acr_i]
            if e.label == "PERSON":
                continue
            out[acr_i] = replace(e, name=long, surfaces=(*e.surfaces, long), spelled=passage)
            continue
        e = out[long_i]
        surfaces = [*e.surfaces, acr]
        mentions = e.mentions
        if acr_i is not None and acr_i != long_i:
            surfaces += out[acr_i].surfaces
            mentions += out[acr_i].mentions
        out[long_i] = replace(e, surfaces=tuple(dict.fromkeys(surfaces)), mentions=mentions, spelled=passage)
        if acr_i is not None and acr_i != long_i:
            del out[acr_i]
    return out


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
        # the fullest form is the name, but never a bare title ("President" for Obama's mentions)
        best = max(parsed, key=lambda n: (not names.is_title(n.name), len(n.name.split()), len(n.name)))
        title = next((n.title for n in parsed if n.title), None)
        out.append(LocalEntity(best.name or surfaces[0], e.label, tuple(dict.fromkeys(surfaces)), title, max(1, len(e.mentions)),
                               local_id=e.id))
        seen.update(s.casefold() for s in surfaces)
    for q in article.quotes:
        s = q.speaker
        if s is None:
            continue
        if s.kind == "role":
            key = names.description_key(s.text) or names.description_key(s.name)
            if key and s.name.casefold() not in seen:
                out.append(LocalEntity(names.clean(s.name), "PERSON", (names.clean(s.name),), None, 1, description=key, local_id=f"q:{q.id}"))
                seen.add(s.name.casefold())
            continue
        label = _SPEAKER_LABEL.get(s.kind)
        if label is None or s.name.casefold() in seen:
            continue
        n = names.parse(s.name, label)
        title = s.title or n.title
        out.append(LocalEntity(n.name or s.name, label, tuple(dict.fromkeys([names.clean(s.name), names.clean(s.text)])), title, 1,
                               local_id=s.entity_id or f"q:{q.id}"))
        seen.add(s.name.casefold())
    return _spell_out(out, article.text)


def surface_keys(surfaces: Iterable[str], label: str, title: str | None = None) -> list[str]:
    """The keys an entity with these names is found by: full names, surnames, roles, exact names,
    and an acronym only where it is one of the names or spells one of them (evidence, not initials)."""
    surfaces = list(dict.fromkeys(s for s in surfaces if s))
    keys: dict[str, None] = {}
    for s in surfaces:
        keys.update(dict.fromkeys(names.keys_for(s, label)))
        keys[f"name:{fold(s)}"] = None
    if label != "PERSON":
        acronyms = [s for s in surfaces if names.is_acronym(s)]
        for a in acronyms:
            if any(not names.is_acronym(s) and names.acronym_fits(s, a) for s in surfaces):
                keys[f"acr:{a.replace('.', '').replace(' ', '').upper()}"] = None
    for k in names.role_keys(title):
        keys.setdefault(k, None)
    return list(keys)


def _keys(local: LocalEntity) -> list[str]:
    if local.description:
        return [local.description]
    return surface_keys((*local.surfaces, local.name), local.label, local.title)


def _forms(row: EntityRow) -> list[names.Name]:
    return [names.parse(f) for f in (row.name, *row.aliases)]


def _titles_fit(title: str | None, row: EntityRow) -> bool:
    """'President' fits an entity once called 'Former President' or 'U.S. President'."""
    if not title:
        return False
    mine = {fold(w).rstrip(".") for w in title.split()} & names.TITLE_WORDS
    return any(mine & {fold(w).rstrip(".") for w in t.split()} for t in row.titles)


@dataclass
class _Match:
    kind: str
    evidence: str
    article_id: str | None
    specific: bool = False  # picks this entity out among others of the surname (a first name or title it went by)


def _evidence(store: LinkStore, local: LocalEntity, row: EntityRow, hits: set[str], article_id: str) -> _Match | None:
    """The evidence that ``local`` is the entity ``row`` (found by the keys ``hits``), or None."""
    if row.label != local.label:
        return None
    if local.description:
        return _Match("role", f"'{local.name}' described as the {local.description.split(':', 1)[1]}", article_id)
    if local.label != "PERSON":
        acr = next((k for k in hits if k.startswith("acr:")), None)
        if acr is not None and local.spelled:
            return _Match("acronym", f"acronym spelled out: '{local.spelled}'", article_id)
        if acr is not None and names.is_acronym(local.name) and not names.is_acronym(row.name):
            where = store.entity_key_article(acr, row.id)
            return _Match("acronym", f"'{acr[4:]}' stands for '{row.name}' (shown in the article where it was first seen)", where)
        if any(k.startswith(f"{local.label.lower()}:") or k.startswith("name:") for k in hits):
            return _Match("full", f"the same name '{local.name}'", article_id)
        return None
    n = names.parse(local.name)
    if any(k.startswith("full:") for k in hits):
        return _Match("full", f"the same full name '{local.name}'", article_id)
    if not any(k.startswith("last:") for k in hits):
        return None
    same_last = [f for f in _forms(row) if f.last == n.last]
    if not same_last or not names.first_name_fits(n.first, same_last):
        return None
    if n.first:
        return _Match("surname+first", f"'{local.name}' agrees with '{row.name}' (surname and first name)", article_id,
                      any(f.first for f in same_last))
    if _titles_fit(local.title, row):
        return _Match("surname+title", f"'{local.title} {local.name}' with the title '{local.title}' {row.name} carried", article_id, True)
    return _Match("surname", f"'{local.name}': the one person of that surname", article_id)


def _acronym_in_story(store: LinkStore, local: LocalEntity, article_id: str, decisions: Decisions,
                      story_entities: frozenset[str]) -> EntityLink | None:
    """An acronym and the one name of the story it spells ("CHP" and the California Highway Patrol
    in reports of one crash), either way round: the story stands in for the article that would
    spell it out. Two names of the story that it spells, or none: nothing is guessed."""
    if local.label == "PERSON" or not story_entities:
        return None
    mine = [s for s in (local.name, *local.surfaces) if names.is_acronym(s)]
    full = [s for s in (local.name, *local.surfaces) if not names.is_acronym(s)]
    if not mine and not full:
        return None
    fits: list[EntityRow] = []
    for row in store.entity_rows(story_entities):
        if row.label != local.label or decisions.keeps_apart(local, article_id, row):
            continue
        forms = (row.name, *row.aliases)
        if any(names.acronym_fits(f, a) for a in mine for f in forms if not names.is_acronym(f)) or \
                any(names.acronym_fits(f, a) for f in full for a in forms if names.is_acronym(a)):
            fits.append(row)
    if len(fits) != 1:
        return None
    row = fits[0]
    return EntityLink(row.id, row.name, CONFIDENCE["acronym"], "acronym",
                      f"'{local.name}' and '{row.name}': one spells the other, the one such pair in this story", article_id)


def match(store: LinkStore, local: LocalEntity, article_id: str, decisions: Decisions,
          story_entities: frozenset[str] = frozenset()) -> tuple[EntityLink | None, list[str]]:
    """The store's entity ``local`` is, on evidence, and the keys it is found by."""
    keys = _keys(local)
    forced = decisions.joined_entity(store, local, article_id)
    if forced is not None:
        return EntityLink(forced.id, forced.name, CONFIDENCE["reader"], "reader", "joined by a reader", None), keys
    found = store.entity_candidates(keys)
    if not found:
        return _acronym_in_story(store, local, article_id, decisions, story_entities), keys
    hits: dict[str, set[str]] = defaultdict(set)
    for key, ids in found.items():
        for i in ids:
            hits[i].add(key)
    rows = {r.id: r for r in store.entity_rows(hits)}
    matched: dict[str, _Match] = {}
    for eid, keyset in hits.items():
        row = rows.get(eid)
        if row is None or decisions.keeps_apart(local, article_id, row):
            continue
        m = _evidence(store, local, row, keyset, article_id)
        if m is not None:
            matched[eid] = m
    if not matched:
        return _acronym_in_story(store, local, article_id, decisions, story_entities), keys
    strong = {e: m for e, m in matched.items() if m.kind in ("full", "acronym", "role")}
    if strong:
        # one name, one entity: several only after a reader's split (kept apart above) or an acronym
        # spelled out here for a name on file under two entities, which this article joins
        best = max(strong, key=lambda e: (strong[e].kind == "full", rows[e].article_count, e))
        m = strong[best]
        # an article spelling an acronym out joins the entities of its two forms
        others = tuple(e for e in strong if e != best) if local.spelled else ()
        return EntityLink(best, rows[best].name, CONFIDENCE[m.kind], m.kind, m.evidence, m.article_id, others), keys
    specific = [e for e, m in matched.items() if m.specific]
    if len(matched) > 1 and len(specific) == 1:
        matched = {specific[0]: matched[specific[0]]}
    if len(matched) > 1 and local.label == "PERSON" and not local.description:
        # entities known by the surname alone (kept apart when it was ambiguous, or a name the
        # recogniser got wrong) are no second person: one of the surname with a first name is
        last = names.parse(local.name).last
        known = [e for e in matched if any(f.first and f.last == last for f in _forms(rows[e]))]
        if len(known) == 1:
            matched = {known[0]: matched[known[0]]}
    if len(matched) > 1 and story_entities:
        in_story = {e: m for e, m in matched.items() if e in story_entities}
        if len(in_story) == 1:
            (eid, m), = in_story.items()
            return EntityLink(eid, rows[eid].name, CONFIDENCE["surname"], m.kind,
                              f"{m.evidence.split(':')[0]}: of {len(matched)} on file, the one in this story", article_id), keys
    if len(matched) > 1:
        return None, keys  # a surname several people carry, and nothing says which: kept apart
    (eid, m), = matched.items()
    return EntityLink(eid, rows[eid].name, CONFIDENCE[m.kind], m.kind, m.evidence, m.article_id), keys


def link_entities(store: LinkStore, article: Article, story_id: str | None = None, context: int = 25) -> list[EntityLink]:
    """Link an article's entities to the store's (creating those it is the first to name)."""
    links: list[EntityLink] = []
    locals_ = local_entities(article)
    if not locals_:
        return links
    decisions = Decisions.for_article(store, article.id, locals_)
    story_entities: frozenset[str] = frozenset()
    if story_id is not None:
        members = [a for a in store.story_members(story_id, context + 1) if a != article.id]
        story_entities = frozenset(store.entities_in_articles(members)) if members else frozenset()
    for local in locals_:
        link, keys = match(store, local, article.id, decisions, story_entities)
        if link is None:
            if local.description:
                continue  # a description that names no one we know of stays unlinked
            eid = store.entity_new(local.name, local.label, keys, article.id)
            first = f"first seen here, spelled out: '{local.spelled}'" if local.spelled else "first seen here"
            link = EntityLink(eid, local.name, 1.0, "new", first, article.id)
        else:
            for gone in link.merged:
                if not decisions.forbids_join(store, link.entity_id, gone):
                    store.entity_merge(link.entity_id, gone, "acronym", f"acronym spelled out: '{local.spelled}'", article.id)
            if local.label == "PERSON" and not local.description and len(local.name.split()) > len(link.name.split()):
                store.entity_rename(link.entity_id, local.name)
        for surface in local.surfaces:
            store.entity_add_member(link.entity_id, article.id, surface, local.mentions if surface == local.surfaces[0] else 0,
                                    link.confidence, link.method, local.title, keys, local.local_id, link.evidence, link.evidence_article_id)
        links.append(link)
    return links
