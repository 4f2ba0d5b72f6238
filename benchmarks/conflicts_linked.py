"""Conflicts as a user gets them: ECB+ documents ingested one by one, stories and conflicts found by linking.

Usage: python benchmarks/conflicts_linked.py [--data DIR] [--gold DIR] [--cache DIR] [--seeds 17,18,19]
                                              [--order stream|shuffle] [--show N]

conflicts_ecbplus.py hands the conflict finder each annotated sub-topic (one event) as a group:
the figure once stories are right and every member is compared with every other. A user never
gets that. Here every document of the annotated topics goes through the ingest service
(``IngestService.take``: stored once, a near-copy only adds its source, then ``link_article``)
into a fresh SQLite store, in the order of a stream:

- ``stream`` (default): each sub-topic's documents in their publication order (the date a page
  states; undated ones after, by document number), the sub-topics interleaved at random, a
  document drawn from a sub-topic with probability in proportion to the documents it has left
  (``random.Random(seed)``), so every topic runs alongside the others as a news feed would;
- ``shuffle``: all documents in one random order (``random.Random(seed).shuffle``).

Linking builds the stories online and checks each new article's statements against the story's
members it picks (link/linker.py), storing what it finds (store/links.py). The conflicts are read
back with ``store.conflicts`` (what ``newstrace conflicts`` shows) and scored with conflict_gold.py
against the annotation: precision, recall, how many stored conflicts join statements of two
events (gold sub-topics) or two topics, and how many only repeat a pair another stored conflict
already joins. The first row is the per-sub-topic figure of conflicts_ecbplus.py on the same
analysis, for the gap. ``--cache`` is conflicts_ecbplus.py's analysis cache (shared).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflict_gold import GOLD_DIR, Gold, Score, gold_topics, load_gold, score  # noqa: E402
from conflicts_ecbplus import SHARED, analyse, side_spans  # noqa: E402
from ecbplus_docs import EcbDoc, read_documents  # noqa: E402

from newstrace.link.conflicts import find_conflicts  # noqa: E402
from newstrace.model import Article  # noqa: E402
from newstrace.service import IngestService  # noqa: E402
from newstrace.store import open_store  # noqa: E402

Reported = list[tuple[str, list[list[tuple[str, int, int]]]]]


def stream_order(docs: dict[str, EcbDoc], articles: dict[str, Article], seed: int, order: str) -> list[str]:
    """The documents in the order they are ingested (see the module's docstring)."""
    rng = random.Random(seed)
    names = sorted(docs)
    if order == "shuffle":
        rng.shuffle(names)
        return names
    queues: dict[str, list[str]] = defaultdict(list)
    for name in names:
        queues[docs[name].subtopic].append(name)

    def published(name: str) -> tuple[int, str, int]:
        p = articles[name].published
        number = int(re.match(r"\d+", name.split("_")[1]).group(0))  # type: ignore[union-attr]
        return (0, p.value[:10], number) if p else (1, "", number)

    for q in queues.values():
        q.sort(key=published)
    out: list[str] = []
    keys = sorted(queues)
    while keys:
        sub = rng.choices(keys, weights=[len(queues[k]) for k in keys])[0]
        out.append(queues[sub].pop(0))
        if not queues[sub]:
            keys.remove(sub)
    return out


def link_all(order: list[str], articles: dict[str, Article], db: Path) -> tuple[Reported, dict[str, str], dict[str, int], float]:
    """Ingest the documents in ``order`` into a fresh store; (the stored conflicts as scored
    sides, document -> story, outcome counts, seconds spent)."""
    names = {a.id: n for n, a in articles.items()}
    counts: dict[str, int] = defaultdict(int)
    t0 = time.perf_counter()
    with open_store(db) as store:
        service = IngestService(store)
        for name in order:
            got = service.take(articles[name])
            counts[got.status] += 1
            if got.link_error is not None:
                counts["link errors"] += 1
        seconds = time.perf_counter() - t0
        rows = store.conflicts(None, 100_000)  # what `newstrace conflicts` reads
        story = {n: store.story_of(a.id) or "-" for n, a in articles.items()}
    texts = {n: a for n, a in articles.items()}
    reported = [(r.story_id or "-", side_spans(r.conflict(), texts, names)) for r in rows]
    return reported, story, dict(counts), seconds


def across(reported: Reported, docs: dict[str, EcbDoc]) -> tuple[int, int]:
    """Stored conflicts whose statements come from two gold sub-topics (events), and from two topics."""
    events = topics = 0
    for _, sides in reported:
        found = {d for side in sides for d, _, _ in side}
        events += len({docs[d].subtopic for d in found}) > 1
        topics += len({docs[d].topic for d in found}) > 1
    return events, topics


def repeats(gold: Gold, s: Score, reported: Reported) -> int:
    """Right conflicts that join no required pair another reported conflict does not also join:
    a reader sees the same disagreement twice."""
    joins: list[set[int]] = []
    for _, sides in reported:
        pairs = [(x, y) for i, x in enumerate(sides) for y in sides[i + 1 :]]
        joins.append({n for n, p in enumerate(gold.required) if any(p.joins(x, y) for x, y in pairs)})
    out = 0
    for i, mine in enumerate(joins):
        if mine and all(any(n in other for j, other in enumerate(joins) if j != i) for n in mine):
            out += 1
    return out


def bcubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for d, c in pred.items():
        by_pred[c].add(d)
    for d, c in gold.items():
        by_gold[c].add(d)
    p = sum(len(by_pred[pred[d]] & by_gold[gold[d]]) / len(by_pred[pred[d]]) for d in gold) / len(gold)
    r = sum(len(by_pred[pred[d]] & by_gold[gold[d]]) / len(by_gold[gold[d]]) for d in gold) / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="annotation directory (default: the development topics)")
    ap.add_argument("--cache", type=Path, default=None, help="analysis cache of conflicts_ecbplus.py")
    ap.add_argument("--seeds", default="17,18,19", help="one ingest order per seed (comma-separated)")
    ap.add_argument("--order", choices=["stream", "shuffle"], default="stream")
    ap.add_argument("--show", type=int, default=0, help="print N wrong conflicts and N missed pairs of the first seed")
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"skipped: {args.data}/ECBplus_xml.tar.gz is absent (ECB+, ../shared/data/ecbplus)")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    try:
        topics = gold_topics(args.gold)
        seeds = [int(x) for x in args.seeds.split(",") if x.strip()]
    except (FileNotFoundError, ValueError) as e:
        sys.exit(f"{args.gold if isinstance(e, FileNotFoundError) else args.seeds}: {e}")
    docs = read_documents(args.data, topics)
    gold = load_gold(docs, args.gold)
    articles = analyse(sorted(docs.values(), key=lambda d: d.name), args.cache)
    names = {a.id: n for n, a in articles.items()}

    rows = []
    groups: dict[str, list[str]] = defaultdict(list)
    for name, d in docs.items():
        groups[d.subtopic].append(name)
    t0 = time.perf_counter()
    reference: Reported = []
    for key in sorted(groups):
        found = find_conflicts([articles[n] for n in sorted(groups[key])])
        reference.extend((key, side_spans(c, articles, names)) for c in found)
    s = score(gold, reference)
    rows.append(("per sub-topic (conflicts_ecbplus.py)", s, repeats(gold, s, reference), across(reference, docs), len(groups), 1.0, time.perf_counter() - t0))
    shown: tuple[Score, Reported] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            order = stream_order(docs, articles, seed, args.order)
            reported, story, counts, seconds = link_all(order, articles, Path(tmp) / f"seed{seed}.db")
            s = score(gold, reported)
            shown = shown or (s, reported)
            f1 = bcubed_f1(story, {n: d.subtopic for n, d in docs.items()})
            label = f"linked, {args.order} seed {seed} ({counts.get('stored', 0)} stored, {counts.get('copy', 0) + counts.get('duplicate', 0)} copies)"
            rows.append((label, s, repeats(gold, s, reported), across(reported, docs), len(set(story.values())), f1, seconds))

    print(f"Conflicts on ECB+ as linking stores them ({args.gold.name}: {len(gold.topics)} topics, {len(groups)} sub-topics, {len(docs)} documents)")
    print("| run | reported | right | precision | pairs | found | recall | repeats | across events | across topics | stories | story F1 | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, s, rep, (ev, tp), n_stories, f1, secs in rows:
        print(f"| {label} | {s.reported} | {s.correct} | {100 * s.precision:.1f} % | {s.required} | {s.found} | {100 * s.recall:.1f} % "
              f"| {rep} | {ev} | {tp} | {n_stories} | {f1:.3f} | {secs:.1f} |")
    if args.show and shown:
        s, reported = shown
        print("\nWRONG (first seed)")
        for key, sides in s.wrong[: args.show]:
            print(f"  [{key}] " + "  |  ".join(f"{d}:{articles[d].text[a:b][:90]!r}" for side in sides for d, a, b in side))
        score(gold, reported)  # the pairs' found counts of the first seed again
        print("\nMISSED (first seed)")
        for p in [p for p in gold.required if not p.found][: args.show]:
            print(f"  [{p.subtopic}] {p.label}: {p.a[0].doc}:{p.a[0].key!r} / {p.b[0].doc}:{p.b[0].key!r}")


if __name__ == "__main__":
    main()
