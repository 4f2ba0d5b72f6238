"""Entity labels newstrace uses, and the mapping from other pipelines' labels.

The shipped model predicts PERSON, ORG, PLACE and EVENT (see its MODEL_CARD.md).
Pipelines trained on other schemes (OntoNotes: GPE/LOC/FAC/NORP/..., CoNLL:
PER/LOC/ORG/MISC, GUM-style lowercase types) are mapped onto these by the
``newstrace_entity_labels`` component that :func:`newstrace.nlp.load_nlp`
adds, so downstream code sees one label set whichever pipeline is loaded.
Labels with no mapping are kept unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

FACTORY = "newstrace_entity_labels"
LABELS = ("PERSON", "ORG", "PLACE", "EVENT")

LABEL_MAP = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "PERSN": "PERSON",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "LOCATION": "PLACE",
    "FAC": "PLACE",
    "FACILITY": "PLACE",
    "PLACE": "PLACE",
    "EVENT": "EVENT",
}


def normalize_label(label: str) -> str:
    return LABEL_MAP.get(label.upper(), label)


_NAME_POS = frozenset({"PROPN", "NOUN", "NUM", "X", "SYM"})


def _extend_flat(doc: Doc, start: int, end: int, limit: int) -> int:
    """Extend ``end`` over proper nouns attached by UD ``flat`` into the span
    ("Senator John" + "Pike"): the parser's name structure completes the NER's."""
    while end < limit and doc[end].pos_ == "PROPN" and doc[end].dep_ == "flat" and start <= doc[end].head.i < end:
        end += 1
    return end


def _tidy(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut a span at its first line break; trim whitespace and punctuation ends."""
    for k in range(start, end):
        if doc[k].is_space and "\n" in doc[k].text:
            end = k
            break
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return start, end


class EntityLabels:
    """Map entity labels onto newstrace's set and tidy span edges.

    Spans are cut at a line break (an entity never crosses a paragraph), lose
    leading/trailing whitespace and punctuation tokens, and (in parsed Docs)
    take in proper nouns the parser attached to them as ``flat`` name parts.
    In tagged Docs an entity with no proper noun, noun or number in it (a
    capitalised adjective such as "Former") is dropped.
    """

    def __init__(self, name: str = FACTORY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        new = []
        changed = False
        parsed = doc.has_annotation("DEP")
        tagged = doc.has_annotation("POS")
        for i, e in enumerate(ents):
            label = normalize_label(e.label_)
            s, t = _tidy(doc, e.start, e.end)
            if parsed and s < t:
                t = _extend_flat(doc, s, t, ents[i + 1].start if i + 1 < len(ents) else len(doc))
            if s < t and tagged and not any(doc[k].pos_ in _NAME_POS for k in range(s, t)):
                s = t  # "Former" (ADJ) as a PERSON: a name has a proper noun, noun or number in it
            if (s, t, label) != (e.start, e.end, e.label_):
                changed = True
            if s < t:
                new.append(Span(doc, s, t, label=label))
        if changed:
            doc.ents = new
        return doc


@Language.factory(FACTORY)
def make_entity_labels(nlp: Language, name: str) -> EntityLabels:
    return EntityLabels(name)
