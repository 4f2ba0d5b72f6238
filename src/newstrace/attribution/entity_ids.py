"""Point each speaker at the article's own entity entry.

The speaker resolver names people and organisations from its own index of the
article; the record's ``entities`` come from the NLP stage's grouping. A
speaker's ``entity_id`` must name the record entry for the same referent: the
entity with a mention under the speaker's words and a matching name, else the
entity whose name or alias is the speaker's name (a pronoun's referent), else
none at all rather than a wrong one.
"""

from __future__ import annotations

import dataclasses
import re

from newstrace.model import Entity, Quote, Speaker

_WORD_RE = re.compile(r"[\w'’.-]+")
_KIND_LABELS = {"person": {"PERSON"}, "organization": {"ORG", "PLACE", "GROUP"}, "outlet": {"ORG"}}


def _words(name: str) -> set[str]:
    return {w.lower().strip(".'’") for w in _WORD_RE.findall(name)} - {"the", "a", "an"}


def entity_for(sp: Speaker, entities: tuple[Entity, ...]) -> str | None:
    labels = _KIND_LABELS.get(sp.kind)
    if labels is None:
        return None
    want = _words(sp.name)
    if not want:
        return None
    named = [e for e in entities if e.label in labels]

    def same(e: Entity) -> bool:
        names = [e.name, *e.aliases]
        return any(_words(n) == want for n in names) or (
            sp.kind == "person" and bool(want) and want <= _words(e.name))

    if sp.span is not None:
        for e in named:
            if any(m.start < sp.span.end and sp.span.start < m.end for m in e.mentions) and same(e):
                return e.id
    exact = [e for e in named if any(_words(n) == want for n in (e.name, *e.aliases))]
    if len(exact) == 1:
        return exact[0].id
    wider = [e for e in named if same(e)]
    return wider[0].id if len(wider) == 1 else None


def link_speakers(quotes: tuple[Quote, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """The quotes with every speaker's (and candidate's) ``entity_id`` pointing into ``entities``."""
    out = []
    for q in quotes:
        changes = {}
        for field in ("speaker", "speaker_candidate"):
            sp = getattr(q, field)
            if sp is not None:
                changes[field] = dataclasses.replace(sp, entity_id=entity_for(sp, entities))
        out.append(dataclasses.replace(q, **changes) if changes else q)
    return tuple(out)
