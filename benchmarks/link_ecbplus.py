"""Story clustering on ECB+: documents into their gold sub-topics (seminal events), BCubed P/R/F1.

Usage: python benchmarks/link_ecbplus.py [--data DIR] [--tune] [--embeddings]

Sub-topic = topic x {ecb, ecbplus}. Tuned on topics 1-35 (train+dev), scored on
test topics 36-45 (the usual split). Each document is clustered online, in file
order, with newstrace.link.stories (the same code ingest runs); `--tune` sweeps
the joining threshold on the tuning topics first, then the story-merge threshold
(newstrace.link.merge) jointly with the joining one. The "+ merging" rows always
tune the merge threshold on topics 1-35 (the joining options as they are) and
report the test topics with it, as the batch rows do with their threshold.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import re
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from newstrace.link.stories import MemoryIndex, StoryClusterer, StoryOptions
from newstrace.link.vectors import lead_text, story_terms

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
TEST_TOPICS = set(range(36, 46))
MERGE_THRESHOLDS = (None, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35)  # None: no merging


def load(data: Path) -> list[tuple[str, int, str, str]]:
    """(doc name, topic, gold sub-topic, text) for every document."""
    docs = []
    with tarfile.open(data / "ECBplus_xml.tar.gz") as tar:
        for member in tar.getmembers():
            if not member.name.endswith(".xml"):
                continue
            name = member.name.rsplit("/", 1)[-1]
            m = re.match(r"(\d+)_(\d+)(ecb|ecbplus)\.xml$", name)
            if not m:
                continue
            root = ET.parse(io.BytesIO(tar.extractfile(member).read())).getroot()  # type: ignore[union-attr]
            sents: dict[int, list[str]] = defaultdict(list)
            for tok in root.iter("token"):
                sents[int(tok.get("sentence", 0))].append(tok.text or "")
            lines = [" ".join(sents[k]) for k in sorted(sents)]
            if lines and re.match(r"^\s*https?\s*:", lines[0]):
                lines = lines[1:]  # a leading URL "sentence"
            text = " ".join(lines)
            text = re.sub(r" ([.,;:!?'’)])", r"\1", text).replace("( ", "(")
            topic = int(m.group(1))
            docs.append((name, topic, f"{topic}{m.group(3)}", text))
    docs.sort(key=lambda d: (d[1], d[0]))
    return docs


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for d, c in pred.items():
        by_pred[c].add(d)
    for d, c in gold.items():
        by_gold[c].add(d)
    p = r = 0.0
    for d in gold:
        same_p, same_g = by_pred[pred[d]], by_gold[gold[d]]
        inter = len(same_p & same_g)
        p += inter / len(same_p)
        r += inter / len(same_g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(docs, options: StoryOptions, embed=None, weight: float = 0.0) -> tuple[float, float, float]:
    index = MemoryIndex()
    clusterer = StoryClusterer(index, options, embed_weight=weight) if weight else StoryClusterer(index, options)
    for name, _topic, _gold, text in docs:
        terms = story_terms(lead_text(None, text, options.lead_chars), names_weight=options.names_weight)
        if weight:
            clusterer.set_embedding(name, embed[name])
        clusterer.add(name, terms, None)
    # The stories at the end: a merge moves articles placed earlier, so the ids add() returned go stale.
    pred = {a: story for story, members in index.clusters().items() for a in members}
    gold = {d[0]: d[2] for d in docs}
    return bcubed(pred, gold)


def batch(docs, options: StoryOptions, method: str, threshold: float) -> tuple[float, float, float]:
    """Agglomerative clustering of the whole set at once (scipy), on the same TF-IDF features."""
    from collections import Counter

    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from newstrace.link.vectors import tfidf

    terms = [story_terms(lead_text(None, d[3], options.lead_chars), names_weight=options.names_weight) for d in docs]
    df: Counter[str] = Counter()
    for t in terms:
        df.update(t.keys())
    vocab = {t: i for i, t in enumerate(df)}
    m = np.zeros((len(docs), len(vocab)))
    for i, t in enumerate(terms):
        for k, v in tfidf(t, df, len(docs)).items():
            m[i, vocab[k]] = v
    dist = np.clip(1 - m @ m.T, 0, None)
    np.fill_diagonal(dist, 0)
    labels = fcluster(linkage(squareform(dist, checks=False), method=method), t=1 - threshold, criterion="distance")
    return bcubed({d[0]: str(c) for d, c in zip(docs, labels)}, {d[0]: d[2] for d in docs})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus")
    ap.add_argument("--tune", action="store_true")
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"skipped: {args.data}/ECBplus_xml.tar.gz is absent (set NEWSTRACE_SHARED)")
    docs = load(args.data)
    tune = [d for d in docs if d[1] not in TEST_TOPICS]
    test = [d for d in docs if d[1] in TEST_TOPICS]
    options = StoryOptions()  # the defaults are tuned on topics 1-35 (see --tune)
    if args.tune:
        best = None
        for lead in (500, 800):
            for nw in (2.0, 3.0):
                for thr in (0.14, 0.16, 0.18, 0.2, 0.22, 0.25):
                    for nearest in (0, 3):
                        for closest in (0.0, 0.3):
                            o = StoryOptions(lead_chars=lead, names_weight=nw, threshold=thr, nearest_members=nearest, closest_weight=closest)
                            f = run(tune, o)[2]
                            if best is None or f > best[0]:
                                best = (f, o)
                                print(f"tune F1 {f:.3f} {o}", file=sys.stderr)
        options = best[1]
        # Merging can repair splits, so a stricter joining threshold may pay: swept together.
        best_merge = (run(tune, options)[2], options)
        for thr in (0.2, 0.22, 0.25, 0.3):
            for merge in MERGE_THRESHOLDS:
                o = dataclasses.replace(options, threshold=thr, merge_threshold=merge)
                f = run(tune, o)[2]
                print(f"tune F1 {f:.3f} threshold {thr} merge {merge}", file=sys.stderr)
                if f > best_merge[0]:
                    best_merge = (f, o)
        options = best_merge[1]
        print(f"best on topics 1-35: F1 {best_merge[0]:.3f} threshold {options.threshold} merge {options.merge_threshold}", file=sys.stderr)
    merged = max((dataclasses.replace(options, merge_threshold=m) for m in MERGE_THRESHOLDS if m is not None), key=lambda o: run(tune, o)[2])
    rows = []
    for name, o in (("online (ingest)", options), (f"online + merging (merge threshold {merged.merge_threshold}, tuned)", merged)):
        for label, subset in (("tune (topics 1-35)", tune), ("test (topics 36-45)", test)):
            t0 = time.perf_counter()
            p, r, f = run(subset, o)
            rows.append((f"{label}, {name}", len(subset), len({d[2] for d in subset}), p, r, f, time.perf_counter() - t0))
    for method in ("average", "complete"):
        thr = max((x / 200 for x in range(10, 120, 5)), key=lambda t: batch(tune, options, method, t)[2])
        for label, subset in (("tune (topics 1-35)", tune), ("test (topics 36-45)", test)):
            t0 = time.perf_counter()
            p, r, f = batch(subset, options, method, thr)
            rows.append((f"{label}, batch {method} linkage (threshold {thr:.3f}, tuned)", len(subset), len({d[2] for d in subset}), p, r, f, time.perf_counter() - t0))
    print(f"ECB+ story clustering, online TF-IDF (lead {options.lead_chars} chars, names x{options.names_weight}, "
          f"threshold {options.threshold}, floor {options.floor}, nearest {options.nearest_members} members, closest x{options.closest_weight}, "
          f"merge threshold {options.merge_threshold})")
    print("| split | docs | gold stories | BCubed P | BCubed R | BCubed F1 | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, n, g, p, r, f, s in rows:
        print(f"| {label} | {n} | {g} | {p:.3f} | {r:.3f} | {f:.3f} | {s:.1f} |")


if __name__ == "__main__":
    main()
