"""Entities across articles on ECB+: how often the linker merges what is one and keeps apart what is not.

Usage: python benchmarks/link_entities_ecbplus.py [--data ../shared/data/ecbplus] [--topics 36-45] [--show 20]

ECB+ (../shared/data/ecbplus, CC BY 3.0) marks people, organisations and places in 982 news
documents and links the mentions of one real entity across documents (CROSS_DOC_COREF, an
instance id). The named ones are the linker's input here: in each document, the gold named
mentions of one instance (or of one within-document chain) make one article-local entity, with its
longest surface as the name and the others as aliases, typed PERSON, ORG or PLACE from the gold
tag; each document is stored and linked one by one, as ``newstrace ingest`` does (stories, claims
and conflicts too), in the corpus's order. That measures the cross-document linking alone, not the
recogniser.

Scored over pairs of (document, entity) items from different documents of one topic, among the
entities the annotators linked across documents (ECB+ links only the participants of each topic's
seminal events: a name mentioned in passing is left in its document, so "Jeffs" in 29 documents
would be 29 gold entities; those take part in linking but not in the score): a pair is gold-same
when both are the same ECB+ instance, linked-same when the linker put both in one entity.
Merge precision = linked-same pairs that are gold-same / linked-same pairs; recall = gold-same pairs
linked / gold-same pairs. Pairs across topics have no gold (ECB+ gives each topic's entities their
own instance ids); the merges the linker made across topics are counted and the first ``--show`` of
them printed for a reader to check by hand.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ecbplus_docs import detokenize  # noqa: E402

from newstrace.link import link_article  # noqa: E402
from newstrace.model import Article, Entity, PublishedDate, SourceRef  # noqa: E402
from newstrace.store import open_store  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
JUDGED = Path(__file__).parent / "data" / "ecbplus_entities" / "cross_topic_pairs.tsv"
_NAME = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_LABEL = {"HUMAN_PART_PER": "PERSON", "HUMAN_PART_ORG": "ORG", "HUMAN_PART_GPE": "PLACE", "LOC_GEO": "PLACE", "LOC_FAC": "PLACE"}
_LOWER_OK = frozenset({"of", "the", "de", "van", "von", "for", "and", "al", "bin", "la", "le", "du", "-", "&", "'s", "."})
_NOT_NAMES = frozenset({"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "him", "them", "who", "this", "that",
                        "police", "officials", "authorities", "the", "a", "an"})


@dataclass(frozen=True)
class Item:
    doc: str
    topic: int
    instance: str  # the gold entity: a cross-document instance id, or "doc:chain" for one document's own
    label: str
    surfaces: tuple[str, ...]


def is_name(tokens: list[str]) -> bool:
    """A gold mention that is a proper name: every word capitalised but name particles."""
    words = [t for t in tokens if t]
    if not words or all(w.casefold() in _NOT_NAMES for w in words):
        return False
    return all(w[:1].isupper() or w.casefold() in _LOWER_OK for w in words) and any(w[:1].isupper() and w.casefold() not in _NOT_NAMES for w in words)


def read(data: Path, topics: set[int] | None) -> tuple[list[Article], list[Item]]:
    articles: list[Article] = []
    items: list[Item] = []
    with tarfile.open(data / "ECBplus_xml.tar.gz") as tar:
        members = sorted((m for m in tar.getmembers() if _NAME.search(m.name)),
                         key=lambda m: tuple(int(x) if x.isdigit() else x for x in _NAME.search(m.name).groups()))  # type: ignore[union-attr]
        for member in members:
            m = _NAME.search(member.name)
            assert m is not None
            topic = int(m.group(1))
            if topics is not None and topic not in topics:
                continue
            f = tar.extractfile(member)
            if f is None:
                continue
            root = ET.parse(io.BytesIO(f.read())).getroot()
            tokens = {t.get("t_id"): (t.text or "") for t in root.iter("token")}
            sents: dict[int, list[str]] = defaultdict(list)
            for t in root.iter("token"):
                sents[int(t.get("sentence", 0))].append(t.text or "")
            text = "\n\n".join(detokenize(s) for n, s in sorted(sents.items()) if not (n == 0 and "".join(s).startswith("http")))
            name = m.group(0).removesuffix(".xml")
            mentions: dict[str, tuple[str, str]] = {}  # m_id -> (label, surface)
            for mk in root.find("Markables") or []:
                label = _LABEL.get(mk.tag)
                anchors = [tokens.get(a.get("t_id"), "") for a in mk.iter("token_anchor")]
                if label and anchors and is_name(anchors):
                    mentions[mk.get("m_id", "")] = (label, detokenize(anchors))
            chains: dict[str, list[str]] = {}
            for rel in root.find("Relations") or []:
                key = rel.get("note") if rel.tag == "CROSS_DOC_COREF" else f"{name}:{rel.get('r_id')}"
                for src in rel.iter("source"):
                    mid = src.get("m_id", "")
                    if mid in mentions and mid not in {x for v in chains.values() for x in v}:
                        chains.setdefault(key or f"{name}:?", []).append(mid)
            grouped = {x for v in chains.values() for x in v}
            for mid in mentions:
                if mid not in grouped:
                    chains[f"{name}:m{mid}"] = [mid]
            entities = []
            for n, (instance, mids) in enumerate(chains.items(), 1):
                label = mentions[mids[0]][0]
                surfaces = list(dict.fromkeys(mentions[x][1] for x in mids))
                surfaces.sort(key=lambda s: (-len(s.split()), -len(s)))
                entities.append(Entity(f"e{n}", surfaces[0], label, tuple(surfaces[1:])))
                items.append(Item(name, topic, instance, label, tuple(surfaces)))
            day = f"2010-01-{1 + len(articles) % 28:02d}"
            articles.append(Article(id=name, text=text, source=SourceRef("file", f"{name}.txt"), title=name,
                                    published=PublishedDate(day, "option"), entities=tuple(entities)))
    return articles, items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--topics", default="all", help="'all', 'test' (36-45, the usual held-out topics) or a range such as 1-35")
    ap.add_argument("--show", type=int, default=20, help="cross-topic merges to print for checking by hand")
    ap.add_argument("--misses", type=int, default=0, help="print this many gold-same pairs left apart and wrong merges, per label")
    ap.add_argument("--pairs", type=Path, help="write the distinct cross-topic (topic, name) pairs linked as one to this TSV")
    ap.add_argument("--judged", type=Path, default=JUDGED, help="cross-topic pairs checked by hand (see its README)")
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"needs {args.data}/ECBplus_xml.tar.gz (the shared ECB+ data is absent)")
    topics = None if args.topics == "all" else set(range(36, 46)) if args.topics == "test" else \
        set(range(int(args.topics.split("-")[0]), int(args.topics.split("-")[-1]) + 1))
    articles, items = read(args.data, topics)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "ecb.db")
        t0, c0 = time.perf_counter(), time.process_time()
        skipped: set[str] = set()
        for a in articles:
            if store.upsert_article(a).status == "stored":
                link_article(store, a)
            else:  # a near-copy of an earlier document is stored as its source, not linked again
                skipped.add(a.id)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        linked: dict[tuple[str, str], str] = {}
        for row in store.sql.rows("SELECT article_id, surface, entity_id FROM link_entity_members"):  # type: ignore[attr-defined]
            linked[(row[0], row[1])] = row[2]
        store.close()
    items = [it for it in items if it.doc not in skipped]
    pred: dict[Item, str] = {}
    for it in items:
        eid = next((linked[(it.doc, s)] for s in it.surfaces if (it.doc, s) in linked), None)
        if eid is not None:
            pred[it] = eid
    by_topic: dict[int, list[Item]] = defaultdict(list)
    for it in pred:
        if ":" not in it.instance:  # only entities the annotators linked across documents have gold pairs
            by_topic[it.topic].append(it)
    rows = {}
    for label in ("PERSON", "ORG", "PLACE", "all"):
        tp = fp = fn = 0
        shown = 0
        for group in by_topic.values():
            for a, b in combinations(group, 2):
                if a.doc == b.doc or (label != "all" and not (a.label == b.label == label)):
                    continue
                gold, same = a.instance == b.instance, pred[a] == pred[b]
                if gold != same and label != "all" and shown < args.misses:
                    shown += 1
                    print(f"  {'apart' if gold else 'wrongly merged'} {label}: {a.doc} {a.surfaces} ~ {b.doc} {b.surfaces}", file=sys.stderr)
                tp += gold and same
                fp += same and not gold
                fn += gold and not same
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        rows[label] = (tp, fp, fn, p, r, 2 * p * r / (p + r) if p + r else 0.0)
    cross: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for it, eid in pred.items():
        cross[eid].add((it.topic, it.surfaces[0]))
    merged_across = {eid: v for eid, v in cross.items() if len({t for t, _ in v}) > 1}
    pairs = sorted({tuple(sorted((a, b))) for v in merged_across.values() for a, b in combinations(sorted(v), 2) if a[0] != b[0]})
    if args.pairs:
        args.pairs.write_text("".join(f"{a[0]}\t{a[1]}\t{b[0]}\t{b[1]}\n" for a, b in pairs), encoding="utf-8")
    verdicts: dict[tuple[tuple[int, str], tuple[int, str]], str] = {}
    if args.judged.exists():
        for line in args.judged.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                ta, na, tb, nb, verdict = line.split("\t")
                verdicts[((int(ta), na), (int(tb), nb))] = verdict
    judged = Counter(verdicts.get(p, "unjudged") for p in pairs)
    print(f"Entities across articles on ECB+ ({len(articles) - len(skipped)} documents stored, {len(skipped)} near-copies left out, topics {args.topics}; {len(pred)} of {len(items)} gold named"
          f" entities linked; linking {elapsed / max(1, len(articles)) * 1000:.1f} ms per article, {cpu / max(1, len(articles)) * 1000:.1f} ms of CPU)")
    print("| entities | linked-same pairs | of them gold-same | gold-same pairs | merge precision | merge recall | F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, (tp, fp, fn, p, r, f1) in rows.items():
        print(f"| {label} | {tp + fp:,} | {tp:,} | {tp + fn:,} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    same, diff = judged["same"], judged["different"]
    print(f"\nAcross topics (no gold; distinct (topic, name) pairs linked as one, checked by hand in {args.judged.name}): {len(pairs)} pairs:"
          f" {same} the same entity, {diff} different ({same / max(1, same + diff):.3f} precision), {judged['not-a-name']} not names,"
          f" {judged['unjudged']} unjudged")
    print(f"Entities merged across topics: {len(merged_across)}")
    for eid, v in list(sorted(merged_across.items(), key=lambda kv: -len(kv[1])))[: args.show]:
        forms = sorted({s for _, s in v})
        print(f"  {eid}: {'; '.join(forms[:6])}{' …' if len(forms) > 6 else ''}  (topics {sorted({t for t, _ in v})})")


if __name__ == "__main__":
    main()
