"""Learn which predicate lemmas name one kind of event from ECB+'s cross-document event coreference.

    python -m training.event_lemmas [--data DIR] [--out PATH] [--leave-out 8,13,...]

Outlets tell one event with other words: pirates "captured" / "seized" / "nabbed", a man "gunned
down" / "killed", a "quake" / "temblor". WordNet joins some of these and not others, so the figures
of one count told with two such verbs were never compared. ECB+ (Cybulska & Vossen 2014, CC BY 3.0;
../shared/data/ecbplus) marks, across the documents of one topic, which event mentions refer to one
real event (a CROSS_DOC_COREF instance, "chain" below). From that gold this counts, per unordered
pair of lemmas (a, b), and for each lemma with itself (a, a: how often one word of two outlets is one
event, the yardstick a pair of words is held to):

- ``chains``: chains where a and b are both met, in two different documents (one event, two words
  of two outlets: evidence that the words can name one event);
- ``apart``: pairs of two different chains of one sub-topic (one seminal event: what one story
  tells) where one has a and the other b (two events of one story named by these words: "killed" and "injured", "arrested" and "released" are
  met so all the time, which is what keeps them apart);
- ``topics``: in how many topics the pair was met in one chain (a pair met in one topic only may be
  that topic's accident: the benchmark's figures are measured with both thresholds).

The lemmas are the shipped pipeline's (its tagger and lemmatiser run on ECB+'s own tokens), the
same that name a figure's verb at run time. A mention's lemma is its first verb, else its last noun
("gunned down" -> gun, "the deadly quake" -> quake).

Topics never read: the blind held-out topics and those reserved for a new annotation
(EXCLUDED_TOPICS; a test checks it). ``--leave-out`` drops more (the development topics, for an
honest figure on them). Only the derived pair counts are written, with ECB+'s attribution.
The result does not depend on the order files are read in (counts are sorted) and gzip is written
without a time stamp, so one data set and model give the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, combinations_with_replacement
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ecbplus"
OUT = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "event_lemmas.json.gz"
# Blind held-out topics of the conflict benchmark (benchmarks/data/ecbplus_conflicts_heldout) and
# topics reserved for a new annotation: nothing is learned from them, nor read.
# Both sets are read from the annotation folders, so a topic annotated later is covered without an edit here.
GOLD = ROOT / "benchmarks" / "data"


def _annotated(folder: str) -> frozenset[int]:
    return frozenset(int(p.stem) for p in (GOLD / folder).glob("*.json") if p.stem.isdigit())


HELDOUT_TOPICS = _annotated("ecbplus_conflicts_heldout")
# reserved for annotation and read by no one: in session 7 (11, 19, 26 and 28 of them became held-out topics)
# and in session 8 (1, 2, 6, ...: those annotated became held-out topics; the others stay reserved)
RESERVED_TOPICS = frozenset({11, 19, 25, 26, 27, 28, 29, 31} | {1, 2, 6, 9, 34, 39, 40, 42, 43})
EXCLUDED_TOPICS = HELDOUT_TOPICS | RESERVED_TOPICS
# The conflict benchmark's development topics (benchmarks/data/ecbplus_conflicts).
DEV_TOPICS = _annotated("ecbplus_conflicts")
_MEMBER = re.compile(r"(?:^|/)(\d+)/(\d+)_(\d+)(ecb|ecbplus)\.xml$")
SOURCE = (
    "Derived from ECB+ (Cybulska & Vossen 2014, 'Using a sledgehammer to crack a nut? Lexical diversity and event "
    "coreference resolution', LREC 2014; CC BY 3.0, copyright Cybulska, Vossen and VU Amsterdam): counts of event "
    "lemma pairs in its cross-document coreference, built by training/event_lemmas.py"
)


@dataclass(frozen=True)
class Mention:
    doc: str
    topic: int
    subtopic: str  # "20ecbplus": the topic's seminal event
    chain: str  # the cross-document instance id
    lemma: str


def topic_of(member: str) -> int | None:
    """The topic of a tarball member ("ECB+/20/20_3ecbplus.xml" -> 20), None for other files."""
    m = _MEMBER.search(member)
    return int(m.group(1)) if m else None


def subtopic(name: str) -> str:
    """"20_3ecbplus" -> "20ecbplus"."""
    topic, rest = name.split("_", 1)
    return topic + rest.lstrip("0123456789")


def allowed(topic: int, leave_out: Iterable[int] = ()) -> bool:
    return topic not in EXCLUDED_TOPICS and topic not in set(leave_out)


def read_documents(tarball: Path, leave_out: Iterable[int] = ()) -> Iterator[tuple[str, int, bytes]]:
    """(document name, topic, XML) of the allowed topics, in name order. An excluded topic's files
    are skipped by their name, before their content is read."""
    with tarfile.open(tarball) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name)
        for m in members:
            topic = topic_of(m.name)
            if topic is None or not allowed(topic, leave_out):
                continue
            f = tar.extractfile(m)
            if f is not None:
                yield Path(m.name).stem, topic, f.read()


def event_mentions(xml: bytes) -> tuple[list[list[tuple[str, str]]], dict[str, tuple[int, list[int]]], dict[str, str]]:
    """(sentences as [(token id, word)], event mention id -> (sentence index, token ids), event
    mention id -> its cross-document chain)."""
    root = ET.fromstring(xml)
    sentences: dict[int, list[tuple[str, str]]] = defaultdict(list)
    where: dict[str, int] = {}
    for t in root.iter("token"):
        number = int(t.get("sentence", "0"))
        sentences[number].append((t.get("t_id", ""), t.text or ""))
        where[t.get("t_id", "")] = number
    order = sorted(sentences)
    index = {n: i for i, n in enumerate(order)}
    mentions: dict[str, tuple[int, list[str]]] = {}
    markables = root.find("Markables")
    for m in markables if markables is not None else ():
        if not m.tag.startswith("ACTION_"):
            continue  # events only (NEG_ACTION_: an event said not to happen)
        ids = [a.get("t_id", "") for a in m.iter("token_anchor")]
        if ids and all(i in where for i in ids):
            mentions[m.get("m_id", "")] = (index[where[ids[0]]], ids)
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for r in relations.iter("CROSS_DOC_COREF") if relations is not None else ():
        note = r.get("note", "")
        for s in r.iter("source"):
            if (mid := s.get("m_id", "")) in mentions:
                chains[mid] = note
    positions = {tid: k for s in sentences.values() for k, (tid, _) in enumerate(s)}
    out = {mid: (sent, [positions[t] for t in ids]) for mid, (sent, ids) in mentions.items()}
    return [sentences[n] for n in order], out, chains


def head_lemma(lemmas: list[str], pos: list[str]) -> str | None:
    """A mention's lemma: its first verb, else its last noun ("gunned down", "the deadly quake")."""
    verbs = [lemma for lemma, p in zip(lemmas, pos, strict=True) if p == "VERB"]
    nouns = [lemma for lemma, p in zip(lemmas, pos, strict=True) if p in ("NOUN", "PROPN")]
    word = verbs[0] if verbs else nouns[-1] if nouns else None
    word = word.lower() if word else None
    return word if word and word.isalpha() and len(word) > 1 else None


def mentions_of(docs: Iterable[tuple[str, int, bytes]], nlp) -> list[Mention]:  # noqa: ANN001  (a spaCy Language)
    from spacy.tokens import Doc

    out: list[Mention] = []
    for name, topic, xml in docs:
        sentences, mentions, chains = event_mentions(xml)
        wanted = sorted({sent for mid, (sent, _) in mentions.items() if mid in chains})
        parsed = {}
        for sent in wanted:
            words = [w for _, w in sentences[sent]]
            parsed[sent] = nlp(Doc(nlp.vocab, words=words))
        for mid in sorted(chains):
            sent, positions = mentions[mid]
            doc = parsed[sent]
            lemma = head_lemma([doc[p].lemma_ for p in positions], [doc[p].pos_ for p in positions])
            if lemma is not None:
                out.append(Mention(name, topic, subtopic(name), chains[mid], lemma))
    return out


def pair_counts(mentions: list[Mention], every_pair: bool = False) -> dict[tuple[str, str], dict[str, int]]:
    """Per unordered lemma pair: chains (one event, the two lemmas in two documents), apart (two
    chains of one sub-topic, one lemma in each), topics (topics with such a chain). Only pairs met
    in one chain are kept unless ``every_pair`` (an evaluation's pairs never met in one event)."""
    chain_docs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # chain -> lemma -> docs
    chain_topic: dict[str, int] = {}
    chain_story: dict[str, str] = {}
    for m in mentions:
        chain_docs[m.chain][m.lemma].add(m.doc)
        chain_topic[m.chain] = m.topic
        chain_story.setdefault(m.chain, m.subtopic)
    same: dict[tuple[str, str], int] = defaultdict(int)
    topics: dict[tuple[str, str], set[int]] = defaultdict(set)
    for chain, lemmas in chain_docs.items():
        for a, b in combinations_with_replacement(sorted(lemmas), 2):
            if len(lemmas[a] | lemmas[b]) >= 2:  # said in two documents (a == b: one word of two outlets)
                same[(a, b)] += 1
                topics[(a, b)].add(chain_topic[chain])
    apart: dict[tuple[str, str], int] = defaultdict(int)
    by_story: dict[str, list[str]] = defaultdict(list)
    for chain in sorted(chain_docs):
        by_story[chain_story[chain]].append(chain)
    for chains in by_story.values():
        for x, y in combinations(chains, 2):
            seen: set[tuple[str, str]] = set()
            for a in chain_docs[x]:
                for b in chain_docs[y]:
                    seen.add((a, b) if a <= b else (b, a))
            for key in seen:
                if key in same or every_pair:  # pairs never met in one chain are not looked up
                    apart[key] += 1
    keys = sorted(set(same) | set(apart))
    return {k: {"chains": same.get(k, 0), "apart": apart.get(k, 0), "topics": len(topics.get(k, ()))} for k in keys}


def load_mentions(data: Path, leave_out: Iterable[int] = (), model: str | None = None) -> list[Mention]:
    """The event mentions of ECB+'s allowed topics (but ``leave_out``) with their chains, lemmatised
    by the shipped pipeline (or ``model``)."""
    import spacy

    from newstrace.nlp import resolve_model

    nlp = spacy.load(resolve_model(model), exclude=["ner", "parser"])
    return mentions_of(read_documents(data / "ECBplus_xml.tar.gz", sorted(set(leave_out))), nlp)


def build(data: Path, leave_out: Iterable[int] = (), model: str | None = None) -> dict:
    leave = sorted(set(leave_out))
    mentions = load_mentions(data, leave, model)
    pairs = pair_counts(mentions)
    lemma_docs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        lemma_docs[m.lemma].add(m.doc)
    return {
        "source": SOURCE,
        "excluded_topics": sorted(EXCLUDED_TOPICS | set(leave)),
        "topics": sorted({m.topic for m in mentions}),
        "mentions": len(mentions),
        "chains": len({m.chain for m in mentions}),
        # "a b" -> [chains, apart, topics]
        "pairs": {f"{a} {b}": [c["chains"], c["apart"], c["topics"]] for (a, b), c in pairs.items()},
        # how many documents each lemma of a pair was met in (how common the word is as an event)
        "documents": {w: len(lemma_docs[w]) for w in sorted({w for a, b in pairs for w in (a, b)})},
    }


def write(table: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(table, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the directory of ECBplus_xml.tar.gz")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--leave-out", default="", help="more topics to leave out, comma separated, or 'dev' (the conflict benchmark's)")
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        raise SystemExit(f"needs {args.data}/ECBplus_xml.tar.gz (ECB+, ../shared/data/ecbplus)")
    leave = DEV_TOPICS if args.leave_out == "dev" else frozenset(int(t) for t in args.leave_out.split(",") if t.strip())
    table = build(args.data, leave)
    write(table, args.out)
    print(f"{args.out}: {len(table['topics'])} topics, {table['mentions']} mentions in {table['chains']} chains, {len(table['pairs'])} lemma pairs")


if __name__ == "__main__":
    main()
