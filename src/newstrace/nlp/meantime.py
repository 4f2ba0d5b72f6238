"""Read MEANTIME (NewsReader, English Wikinews) entity mentions as spaCy Docs.

Extra training text for the entity recogniser (stage 2 of
``python -m training.build_model``).  MEANTIME's CAT XML has ``<token t_id
sentence>`` elements and ``ENTITY_MENTION`` markables (token anchors, a
``syntactic_type``); the mention's type (PER, ORG, LOC, PRO, FIN, MIX) sits on
the ``ENTITY`` a ``REFERS_TO`` relation points it to.

What is kept, and why:

* Only the sentences of the document-level annotation layer.  MEANTIME
  annotated the title and the first sentences of each article in full (the
  mentions there carry a ``syntactic_type``); later sentences hold only the
  cross-document coreference of a few entities (no ``syntactic_type``), so
  most names there are unmarked and would teach wrong negatives.  The
  annotated part ends at the last sentence holding a mention with a
  ``syntactic_type``; the rest of the document is dropped.
* A mention is a named entity when its ``syntactic_type`` is NAM (name) or
  PRE.NAM (name as premodifier: "[US] officials"), the counterpart of GUM's
  "head is a PROPN" rule in newstrace.nlp.ud.  Types: PER -> PERSON,
  ORG -> ORG, LOC -> PLACE (``MEANTIME_TO_LABEL``).
* Spans follow ud.py's convention: the run of name tokens (capitalised words
  joined by "of", "the", "and", numbers, "-", "&", ".") -- the last such run
  in the mention, as English noun phrases end in their head: "the United
  States Air Force" -> "United States Air Force", "JSA Research defence
  analyst Paul Nesbit" -> "Paul Nesbit".  Overlaps: the longer span wins.
* Nationality adjectives ("[Canadian] loans", PRE.NAM LOC) are left outside:
  GUM does not mark them (UD tags them ADJ), so the two corpora agree.
* Capitalised tokens of mentions that cannot be labelled here -- products,
  financial entities (PRO, FIN, MIX: no label in the pipeline), untyped
  mentions, and mentions whose ``syntactic_type`` is empty or missing (they
  may be names; MEANTIME does not say) -- are *missing* annotation (neither
  entity nor "O"), so the recogniser is not told they are non-entities.
  Every other token of a kept sentence is "O".

Tokens carry no whitespace information; spaces are restored by a few
punctuation rules (``_spaces``), which matters only for the Doc text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

MEANTIME_TO_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
NAMED_TYPES = frozenset({"NAM", "PRE.NAM"})

_CONNECTORS = frozenset(
    ["of", "for", "the", "and", "de", "du", "des", "da", "di", "del", "della", "von", "van", "der", "den",
     "la", "le", "al", "bin", "ibn", "-", "&", "."]
)
# "Canadian", "European", "Chinese", "British", "French", "Dutch": adjectives, not names
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|can|ese|ish|ench|tch)$")
_DEMONYM_WORDS = frozenset(
    ["German", "Greek", "Thai", "Swiss", "Iraqi", "Israeli", "Pakistani", "Afghan", "Arab", "Kuwaiti", "Saudi",
     "Qatari", "Emirati", "Filipino", "Yemeni", "Omani", "Bangladeshi", "Nepali", "Somali", "Iranian"]
)
_NO_SPACE_BEFORE = frozenset([",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "''", "'re", "'ve", "'ll", "'d", "'m"])
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "$", "US$", "``", "#"])


@dataclass(frozen=True, slots=True)
class Mention:
    """One ENTITY_MENTION: token indices (document order), type, syntactic type."""

    tokens: tuple[int, ...]
    ent_type: str | None
    syntactic_type: str | None


@dataclass(frozen=True, slots=True)
class MeantimeDoc:
    doc_id: str
    words: list[str]
    sentence: list[int]  # sentence number of each token
    mentions: list[Mention]


def read_cat(path: Path) -> MeantimeDoc:
    """Parse one MEANTIME CAT XML file."""
    root = ET.parse(path).getroot()
    words: list[str] = []
    sentence: list[int] = []
    index: dict[str, int] = {}
    for tok in root.iter("token"):
        index[tok.get("t_id", "")] = len(words)
        words.append(tok.text or "")
        sentence.append(int(tok.get("sentence", "0")))
    markables = root.find("Markables")
    relations = root.find("Relations")
    ent_type: dict[str, str | None] = {}
    if markables is not None:
        for ent in markables.iter("ENTITY"):
            ent_type[ent.get("m_id", "")] = ent.get("ent_type")
    mention_type: dict[str, str | None] = {}
    if relations is not None:
        for rel in relations.iter("REFERS_TO"):
            target = rel.find("target")
            if target is None:
                continue
            for src in rel.iter("source"):
                mention_type.setdefault(src.get("m_id", ""), ent_type.get(target.get("m_id", "")))
    mentions: list[Mention] = []
    if markables is not None:
        for m in markables.iter("ENTITY_MENTION"):
            toks = tuple(sorted(index[a.get("t_id", "")] for a in m.iter("token_anchor") if a.get("t_id") in index))
            if toks:
                mentions.append(Mention(toks, mention_type.get(m.get("m_id", "")), m.get("syntactic_type")))
    return MeantimeDoc(root.get("doc_id", path.stem), words, sentence, mentions)


def annotated_sentences(doc: MeantimeDoc) -> int:
    """Number of leading sentences in the fully annotated (document-level) layer."""
    last = -1
    for m in doc.mentions:
        if m.syntactic_type is not None:
            last = max(last, max(doc.sentence[k] for k in m.tokens))
    return last + 1


def _is_name(word: str) -> bool:
    # sentence-initial "The" is capitalised but is never part of a span (ud.py trims determiners)
    return word[:1].isupper() and word.lower() not in _CONNECTORS and word.lower() not in ("a", "an")


def _name_run(words: list[str], tokens: tuple[int, ...]) -> tuple[int, int] | None:
    """The last run of name tokens within the (contiguous part of the) mention."""
    end = None
    k = len(tokens) - 1
    while k >= 0 and end is None:
        if _is_name(words[tokens[k]]):
            end = k
        k -= 1
    if end is None:
        return None
    start = end
    k = end - 1
    while k >= 0 and tokens[k] == tokens[k + 1] - 1:
        w = words[tokens[k]]
        if _is_name(w) or w.lower() in _CONNECTORS or w.isdigit():
            k -= 1
            continue
        break
    start = k + 1
    while not _is_name(words[tokens[start]]):  # begin with a name token ("the" / "of" fall away)
        start += 1
    return tokens[start], tokens[end] + 1


def _is_demonym(words: list[str], span: tuple[int, int]) -> bool:
    s, e = span
    return e - s == 1 and (bool(_DEMONYM.match(words[s])) or words[s] in _DEMONYM_WORDS)


def entities(
    doc: MeantimeDoc, n_sents: int, unmarked_missing: bool = False
) -> tuple[list[tuple[int, int, str]], set[int]]:
    """(start, end, label) named entities and missing-annotation token indices in the first n_sents.

    ``unmarked_missing``: also treat capitalised tokens outside every mention
    (not sentence-initial) as missing, trusting MEANTIME only for its marked names.
    """
    cands: list[tuple[int, int, str]] = []
    unsure: set[int] = set()
    for m in doc.mentions:
        if doc.sentence[m.tokens[-1]] >= n_sents:
            continue
        label = MEANTIME_TO_LABEL.get(m.ent_type or "")
        if m.syntactic_type in NAMED_TYPES and label is not None:
            span = _name_run(doc.words, m.tokens)
            if span is None:
                continue
            if m.syntactic_type == "PRE.NAM" and _is_demonym(doc.words, span):
                continue  # an adjective, "O" as in GUM
            cands.append((span[0], span[1], label))
        elif m.syntactic_type != "PRO":
            # a name we cannot label (product, money, untyped), or a name inside a common-noun
            # mention ("the [United States] government", NOM, its place not marked): don't teach "O"
            unsure.update(k for k in m.tokens if _is_name(doc.words[k]) and not _is_demonym(doc.words, (k, k + 1)))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: set[int] = set()
    ents: list[tuple[int, int, str]] = []
    for s, e, label in cands:
        if any(k in taken for k in range(s, e)):
            continue
        taken.update(range(s, e))
        ents.append((s, e, label))
    if unmarked_missing:
        n_tok = sum(1 for x in doc.sentence if x < n_sents)
        unsure.update(
            k for k in range(1, n_tok)
            if doc.sentence[k] == doc.sentence[k - 1] and _is_name(doc.words[k])
        )
    return sorted(ents), unsure - taken


def _spaces(words: list[str]) -> list[bool]:
    spaces = []
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER)
    return spaces


def to_doc(vocab: Vocab, doc: MeantimeDoc, unmarked_missing: bool = False) -> Doc | None:
    """The annotated sentences of one document as a Doc with entities (None if there are none)."""
    n_sents = annotated_sentences(doc)
    n_tok = sum(1 for s in doc.sentence if s < n_sents)
    if n_tok == 0:
        return None
    words = doc.words[:n_tok]
    sent_starts: list[bool | int | None] = [k == 0 or doc.sentence[k] != doc.sentence[k - 1] for k in range(n_tok)]
    out = Doc(vocab, words=words, spaces=_spaces(words), sent_starts=sent_starts)
    ents, unsure = entities(doc, n_sents, unmarked_missing)
    out.set_ents(
        [Span(out, s, e, label=label) for s, e, label in ents],
        missing=[out[k : k + 1] for k in sorted(unsure)],
        default="outside",
    )
    return out


def meantime_files(meantime_dir: Path) -> list[Path]:
    """The CAT XML files of the corpus (document + cross-document annotation), sorted for a stable order."""
    return sorted((meantime_dir / "intra_cross-doc_annotation").glob("*/*.xml"))


def convert(meantime_dir: Path, out_path: Path, vocab: Vocab | None = None, unmarked_missing: bool = False) -> int:
    """Write the annotated part of every MEANTIME document to a DocBin; return the number of Docs."""
    vocab = vocab or Vocab()
    db = DocBin(store_user_data=False)
    for path in meantime_files(meantime_dir):
        d = to_doc(vocab, read_cat(path), unmarked_missing)
        if d is not None:
            db.add(d)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out_path)
    return len(db)
