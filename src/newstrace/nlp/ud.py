"""Read the UD English treebanks (EWT + CC-BY GUM) as spaCy Docs.

Used by training (training/convert.py writes DocBins), by the accuracy
benchmark and by the model tests, so all three see the same gold annotation.

Each output Doc holds up to ``CHUNK`` consecutive sentences of one source
document, so the parser learns sentence boundaries.  Words are the UD syntactic
words (multi-word tokens such as "don't" become "do" + "n't", which is how
spaCy's English tokenizer splits them).

Named entities come from GUM's entity layer (MISC ``Entity=``): a mention is a
named entity when its syntactic head (the one token of the span whose head lies
outside it) is a PROPN; its GUM type is mapped with ``GUM_TO_LABEL`` (person ->
PERSON, organization -> ORG, place -> PLACE, event -> EVENT; the other GUM
types -- time, abstract, object, substance, plant, animal -- are not kept).
GUM mentions are whole noun phrases ("the Kenya that will be ..."), so the
entity is cut down to the run of name tokens around the head (``_name_run``):
proper nouns and capitalised words joined by "of", "the", "and", numbers, "-",
"&", "."; determiners, lowercase modifiers, relative clauses and appositions
fall away ("Paris, France" gives "Paris" and, from its own mention, "France").
When such spans overlap, the longer one wins.
EWT has no entity layer, so its Docs carry *missing* NER annotation (neither
entity nor "O"), which spaCy's NER ignores in training.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

GUM_TO_LABEL = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "PLACE",
    "event": "EVENT",
}
CHUNK = 10

_OPEN = re.compile(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|$|\d)")


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within sentence, 0 = root
    deprel: str
    misc: str
    space: bool = True


@dataclass
class Sentence:
    doc_id: str
    words: list[Word] = field(default_factory=list)
    newpar: bool = False


def _misc_get(misc: str, key: str) -> str | None:
    if misc == "_":
        return None
    for item in misc.split("|"):
        if item.startswith(key + "="):
            return item[len(key) + 1 :]
    return None


def read_conllu(path: Path) -> list[Sentence]:
    sents: list[Sentence] = []
    doc_id = path.stem
    cur = Sentence(doc_id)
    mwt_end = -1
    mwt_space = True
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if cur.words:
                    sents.append(cur)
                cur = Sentence(doc_id)
                mwt_end = -1
                continue
            if line.startswith("#"):
                if line.startswith("# newdoc id = "):
                    doc_id = line.split("=", 1)[1].strip()
                    cur.doc_id = doc_id
                    cur.newpar = True
                elif line.startswith("# newpar"):
                    cur.newpar = True
                continue
            cols = line.split("\t")
            tid = cols[0]
            if "." in tid:
                continue  # empty node (enhanced UD)
            if "-" in tid:
                mwt_end = int(tid.split("-")[1])
                mwt_space = _misc_get(cols[9], "SpaceAfter") != "No"
                continue
            i = int(tid)
            w = Word(cols[1], cols[2], cols[3], cols[4], cols[5], int(cols[6]), cols[7], cols[9])
            if i < mwt_end:
                w.space = False
            elif i == mwt_end:
                w.space = mwt_space
            else:
                w.space = _misc_get(cols[9], "SpaceAfter") != "No"
            cur.words.append(w)
    if cur.words:
        sents.append(cur)
    return sents


def _parse_entity_field(value: str):
    """Yield ('open', id, type, single) and ('close', id) events in order."""
    i = 0
    n = len(value)
    while i < n:
        if value[i] == "(":
            j = i + 1
            while j < n and value[j] not in "()":
                j += 1
            body = value[i + 1 : j]
            parts = body.split("-")
            eid, etype = parts[0], parts[1] if len(parts) > 1 else ""
            single = j < n and value[j] == ")"
            yield ("open", eid, etype, single)
            i = j + 1 if single else j
        else:
            j = i
            while j < n and value[j] not in "()":
                j += 1
            if j < n and value[j] == ")":
                yield ("close", value[i:j], None, False)
                i = j + 1
            else:
                i = j


def _mentions(words: list[Word], offsets: list[int]) -> list[tuple[int, int, str]]:
    """Return (start, end, gum_type) token spans (doc indices, end-exclusive)."""
    out = []
    stack: dict[str, list[tuple[int, str]]] = {}
    for k, w in enumerate(words):
        val = _misc_get(w.misc, "Entity")
        if not val:
            continue
        for kind, eid, etype, single in _parse_entity_field(val):
            if kind == "open":
                if single:
                    out.append((k, k + 1, etype))
                else:
                    stack.setdefault(eid, []).append((k, etype))
            else:
                if stack.get(eid):
                    start, etype0 = stack[eid].pop()
                    out.append((start, k + 1, etype0))
    return out


_CONNECT_POS = {"ADP", "DET", "CCONJ", "NUM"}
_CONNECT_PUNCT = {"-", ".", "&"}
_NAME_PARTICLES = frozenset(
    ["of", "for", "de", "du", "des", "da", "di", "del", "della", "von", "van", "der", "den", "la", "le", "al", "bin", "ibn"]
)
_CAP_NAME_POS = {"ADJ", "NOUN", "VERB", "NUM", "X"}  # "United" States, "Islamic" State


def _name_run(
    words: list[Word], start: int, end: int, head: int, strict_connectors: bool = True
) -> tuple[int, int]:
    """The run of name tokens around ``head`` inside [start, end).

    A run is made of name tokens (PROPN, or a capitalised adjective / noun),
    joined by connectors ("of", "the", "and",
    numbers, "-", "&", "."), and begins and ends with a name token.  This trims
    determiners, adjectives, relative clauses and appositions off GUM's
    full noun-phrase mentions: "the Kenya that will be ..." -> "Kenya".
    """

    def name(k: int) -> bool:
        w = words[k]
        return w.upos == "PROPN" or (w.form[:1].isupper() and w.upos in _CAP_NAME_POS)

    def ok(k: int) -> bool:
        w = words[k]
        if name(k) or (w.upos == "PUNCT" and w.form in _CONNECT_PUNCT):
            return True
        if strict_connectors and w.upos == "ADP":
            return w.form in _NAME_PARTICLES  # "Bank of America", not "Lam from the Party"
        return w.upos in _CONNECT_POS

    s = head
    while s > start and ok(s - 1):
        s -= 1
    e = head + 1
    while e < end and ok(e):
        e += 1
    while s < head and not name(s):
        s += 1
    while e > head + 1 and not name(e - 1):
        e -= 1
    return s, e


def _named_entities(
    words: list[Word], heads: list[int], mentions, mapping: int = 2
) -> list[tuple[int, int, str]]:
    cands = []
    for start, end, etype in mentions:
        label = GUM_TO_LABEL.get(etype)
        if label is None:
            continue
        inside = [k for k in range(start, end) if not (start <= heads[k] < end) or heads[k] == k]
        if not inside:
            continue
        head = inside[0]
        if words[head].upos != "PROPN":
            if mapping < 2:
                continue
            # "journalist Dmitry Egorov": UD heads the phrase on the role noun,
            # the name hangs off it as flat / appos
            names = [k for k in range(start, end)
                     if heads[k] == head and words[k].upos == "PROPN" and words[k].deprel in ("flat", "appos")]
            if not names:
                continue
            head = names[0]
        s, e = _name_run(words, start, end, head, strict_connectors=mapping >= 2)
        if s < e:
            cands.append((s, e, label))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: set[int] = set()
    ents = []
    for s, e, label in cands:
        if any(k in taken for k in range(s, e)):
            continue
        taken.update(range(s, e))
        ents.append((s, e, label))
    return sorted(ents)


def sentences_to_doc(vocab, sents: list[Sentence], with_ents: bool, mapping: int = 2) -> Doc:
    words: list[Word] = []
    heads: list[int] = []
    sent_words_spans = []
    par_starts = []
    for s in sents:
        base = len(words)
        if s.newpar and base:
            par_starts.append(base)
        for w in s.words:
            heads.append(base + w.head - 1 if w.head > 0 else len(words))
            words.append(w)
        sent_words_spans.append((base, len(words)))
    doc = Doc(
        vocab,
        words=[w.form for w in words],
        spaces=[w.space for w in words],
        pos=[w.upos for w in words],
        tags=[w.xpos for w in words],
        morphs=[w.feats if w.feats != "_" else "" for w in words],
        lemmas=[w.lemma for w in words],
        heads=heads,
        deps=["ROOT" if w.deprel == "root" else w.deprel for w in words],
    )
    # token indices that begin a new paragraph (not the first); the benchmark
    # puts a blank line there, as newstrace's clean text has
    doc.user_data["newpar_starts"] = par_starts
    if with_ents:
        ents = []
        for s, (base, end) in zip(sents, sent_words_spans):
            sw = words[base:end]
            sh = [h - base for h in heads[base:end]]
            for a, b, label in _named_entities(sw, sh, _mentions(sw, []), mapping):
                ents.append(Span(doc, base + a, base + b, label=label))
        doc.set_ents(ents, default="outside")
    return doc


def chunk_docs(sents: list[Sentence], size: int = CHUNK) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    cur: list[Sentence] = []
    for s in sents:
        if cur and (s.doc_id != cur[0].doc_id or len(cur) >= size):
            groups.append(cur)
            cur = []
        cur.append(s)
    if cur:
        groups.append(cur)
    return groups


def gum_split(gum_dir: Path) -> dict[str, list[Path]]:
    """Official GUM document split restricted to the files present.

    Documents present but listed in no split file go to train.
    """
    split = {}
    listed = set()
    for name in ("train", "dev", "test"):
        ids = [x.strip() for x in (gum_dir / f"split.{name}.txt").read_text().split() if x.strip()]
        listed.update(ids)
        split[name] = [gum_dir / f"{i}.conllu" for i in ids if (gum_dir / f"{i}.conllu").exists()]
    extra = sorted(p for p in gum_dir.glob("*.conllu") if p.stem not in listed)
    split["train"].extend(extra)
    return split


def load_split(data_dir: Path, split: str, corpus: str) -> list[Sentence]:
    ud = data_dir / "ud-english"
    if corpus == "ewt":
        return read_conllu(ud / f"en_ewt-ud-{split}.conllu")
    sents: list[Sentence] = []
    for p in gum_split(ud / "gum-ccby")[split]:
        sents.extend(read_conllu(p))
    return sents


def convert(data_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write the DocBins both training stages read into out_dir.

    * ``{train,dev,test}.spacy`` (stage 1, EWT + GUM) use the first entity
      mapping, without role-noun names (``mapping=1``): the shipped
      pipeline's stage 1 was trained on it, so a rebuild reproduces it;
    * ``ewt-*.spacy`` / ``gum-*.spacy`` per corpus, GUM with the current
      mapping (role-noun names: "journalist Dmitry Egorov" gives PERSON
      "Dmitry Egorov"); stage 2 (the entity recogniser) trains on gum-train.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    counts = {}
    for split in ("train", "dev", "test"):
        combined = DocBin(store_user_data=False)
        for corpus in ("ewt", "gum"):
            db = DocBin(store_user_data=False)
            for group in chunk_docs(load_split(data_dir, split, corpus)):
                gum = corpus == "gum"
                db.add(sentences_to_doc(nlp.vocab, group, with_ents=gum, mapping=2))
                combined.add(sentences_to_doc(nlp.vocab, group, with_ents=gum, mapping=1))
            db.to_disk(out_dir / f"{corpus}-{split}.spacy")
            counts[f"{corpus}-{split}"] = len(db)
        combined.to_disk(out_dir / f"{split}.spacy")
    return counts


def gold_docs(data_dir: Path, split: str, corpus: str, vocab=None) -> list[Doc]:
    """Gold Docs of one split ("train"/"dev"/"test") of "ewt" or "gum"."""
    if vocab is None:
        vocab = spacy.blank("en").vocab
    return [
        sentences_to_doc(vocab, group, with_ents=(corpus == "gum"))
        for group in chunk_docs(load_split(data_dir, split, corpus))
    ]


def default_data_dir() -> Path:
    """$NEWSTRACE_DATA, else ../shared/data relative to the repository root."""
    import os

    env = os.environ.get("NEWSTRACE_DATA")
    if env:
        return Path(env)
    return (Path(__file__).resolve().parents[3] / ".." / "shared" / "data").resolve()
