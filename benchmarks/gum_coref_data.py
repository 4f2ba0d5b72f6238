"""GUM's coreference layer: a document's text rebuilt from its tokens, its gold mentions and entities.

The CoNLL-U reading (words, SpaceAfter, multi-word tokens, paragraphs) and the
tokenising of the MISC ``Entity=`` value into opening / closing events are
newstrace's own (:mod:`newstrace.nlp.ud`, which the NLP training reads GUM
with); this module pairs the events into mentions that keep their entity
(coreference chain) id: ``(3-event-...`` opens mention of entity 3, ``3)``
closes the innermost open mention of entity 3, ``(4-person-...)`` is a
one-token mention, and one token may carry several, nested
(``(6-time-...-sgl)5)``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.nlp.ud import Sentence, _misc_get, _parse_entity_field, read_conllu

PARAGRAPH_BREAK = "\n\n"
SENTENCE_BREAK = " "


@dataclass(frozen=True, slots=True)
class Mention:
    """A gold mention: tokens [start, end) of the document, its entity id and GUM type."""

    start: int
    end: int
    entity: str
    etype: str
    head: int  # the token of the span whose syntactic head lies outside it


@dataclass
class GumDocument:
    name: str
    text: str
    offsets: list[tuple[int, int]]  # per token: (start_char, end_char) in ``text``
    forms: list[str]
    upos: list[str]
    mentions: list[Mention] = field(default_factory=list)
    unclosed: int = 0  # openings never closed (malformed input), left out

    def entities(self) -> dict[str, list[Mention]]:
        """Coreference chains: entity id -> its mentions in text order."""
        out: dict[str, list[Mention]] = defaultdict(list)
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            out[m.entity].append(m)
        return dict(out)


def read_gum_document(path: Path) -> GumDocument:
    return build_document(path.stem, read_conllu(path))


def build_document(name: str, sents: list[Sentence]) -> GumDocument:
    text_parts: list[str] = []
    pos = 0
    offsets: list[tuple[int, int]] = []
    forms: list[str] = []
    upos: list[str] = []
    heads: list[int] = []
    misc: list[str] = []
    for k, sent in enumerate(sents):
        if k:
            brk = PARAGRAPH_BREAK if sent.newpar else SENTENCE_BREAK
            text_parts.append(brk)
            pos += len(brk)
        base = len(forms)
        for i, w in enumerate(sent.words):
            offsets.append((pos, pos + len(w.form)))
            text_parts.append(w.form)
            pos += len(w.form)
            if w.space and i + 1 < len(sent.words):
                text_parts.append(" ")
                pos += 1
            forms.append(w.form)
            upos.append(w.upos)
            heads.append(base + w.head - 1 if w.head > 0 else -1)
            misc.append(w.misc)
    doc = GumDocument(name, "".join(text_parts), offsets, forms, upos)
    open_: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, m in enumerate(misc):
        value = _misc_get(m, "Entity")
        if not value:
            continue
        for kind, eid, etype, single in _parse_entity_field(value):
            if kind == "open" and single:
                doc.mentions.append(Mention(k, k + 1, eid, etype, k))
            elif kind == "open":
                open_[eid].append((k, etype))
            elif open_.get(eid):
                start, etype0 = open_[eid].pop()
                doc.mentions.append(Mention(start, k + 1, eid, etype0, _span_head(heads, start, k + 1)))
    doc.unclosed = sum(len(v) for v in open_.values())
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return doc


def _span_head(heads: list[int], start: int, end: int) -> int:
    for k in range(start, end):
        if not start <= heads[k] < end:
            return k
    return start  # a span with a cycle cannot happen in a tree; keep the first token
