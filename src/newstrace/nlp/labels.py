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

    Spans are cut at a line break (an entity never crosses a paragraph) and
    lose leading/trailing whitespace and punctuation tokens.
    """

    def __init__(self, name: str = FACTORY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        new = []
        changed = False
        for e in ents:
            label = normalize_label(e.label_)
            s, t = _tidy(doc, e.start, e.end)
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
