"""Claim matching on CLEF CheckThat! 2020 Task 2: tweets against 10,389 fact-checked claims, MAP@5 / MAP@1.

Usage: python benchmarks/link_checkthat.py [--data DIR] [--no-embeddings]

Lexical (no extra needed): BM25 over content-word stems of "claim + title" picks
100 candidates, re-ranked by BM25 blended with newstrace.link.claims.similarity
(content stems + character 4-grams). With the [embeddings] extra, MiniLM's own
top 100 (cosine over all claims) join the candidates and MiniLM cosine is
blended in as well. Blend weights are tuned on the train split; dev and test
are reported.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from newstrace.link.claims import ClaimText, candidate_union, similarity
from newstrace.text import content_stems

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
CANDIDATES = 100  # per retriever (BM25, MiniLM); 30-200 gave the same train/dev MAP@5
_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+")
_SIGN = re.compile(r"—\s*[^—]*\(@\w+\)\s*\w+ \d+, \d{4}\s*$")


def clean_tweet(t: str) -> str:
    t = _SIGN.sub("", t)
    t = _URL.sub("", t)
    return t.replace("#", " ").replace("@", " ")


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def load(data: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    queries = {r[0]: clean_tweet(r[1]) for r in read_tsv(data / split / "tweets.queries.tsv") if len(r) >= 2}
    qrels: dict[str, set[str]] = defaultdict(set)
    with open(data / split / "tweet-vclaim-pairs.qrels", encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        p = line.split()
        if len(p) >= 4 and p[3] != "0":
            qrels[p[0]].add(p[2])
    return queries, qrels


class BM25:
    def __init__(self, docs: dict[str, list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.ids = list(docs)
        self.tf = [Counter(docs[i]) for i in self.ids]
        self.len = [len(docs[i]) for i in self.ids]
        self.avg = sum(self.len) / len(self.len)
        df: Counter[str] = Counter()
        for tf in self.tf:
            df.update(tf.keys())
        n = len(self.ids)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.post: dict[str, list[int]] = defaultdict(list)
        for i, tf in enumerate(self.tf):
            for t in tf:
                self.post[t].append(i)
        self.k1, self.b = k1, b

    def scores(self, query: list[str]) -> dict[int, float]:
        """BM25 score of every claim sharing a term with ``query`` (by position in ``ids``)."""
        scores: dict[int, float] = defaultdict(float)
        for t in set(query):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i in self.post[t]:
                f = self.tf[i][t]
                scores[i] += idf * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * self.len[i] / self.avg))
        return scores

    def top(self, query: list[str], k: int) -> list[tuple[str, float]]:
        best = sorted(self.scores(query).items(), key=lambda kv: -kv[1])[:k]
        return [(self.ids[i], s) for i, s in best]


def ap_at(ranked: list[str], gold: set[str], k: int) -> float:
    hits, total = 0, 0.0
    for r, d in enumerate(ranked[:k], 1):
        if d in gold:
            hits += 1
            total += hits / r
    return total / min(len(gold), k) if gold else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "checkthat2020-task2")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    if not (args.data / "verified_claims.docs.tsv").exists():
        sys.exit(f"skipped: {args.data} is absent (set NEWSTRACE_SHARED)")
    t0 = time.perf_counter()
    claims = {r[0]: " ".join(r[1:3]) for r in read_tsv(args.data / "verified_claims.docs.tsv") if len(r) >= 2}
    bm25 = BM25({i: content_stems(t) for i, t in claims.items()})
    ctext = {}
    splits = {s: load(args.data, s) for s in ("train", "dev", "test")}
    embed = None
    if not args.no_embeddings:
        from newstrace.link.embeddings import load_embedder

        embed = load_embedder()
    cids = list(claims)
    cmat = qvec = None
    if embed is not None:
        import numpy as np

        cmat = np.asarray(embed([claims[i] for i in cids]))  # one unit vector per claim, in cids order
        qvec = {q: v for s in splits.values() for q, v in zip(s[0], np.asarray(embed(list(s[0].values()))))}

    def features(split: str):
        queries, qrels = splits[split]
        out = []
        for qid, q in queries.items():
            if qid not in qrels:
                continue
            lexical = {bm25.ids[i]: s for i, s in sorted(bm25.scores(content_stems(q)).items())}  # ties: file order
            dense = {} if cmat is None or qvec is None else dict(zip(cids, (cmat @ qvec[qid]).tolist()))
            # Candidates: BM25's top 100, and with embeddings MiniLM's top 100 too (the BM25 cut
            # alone lost the paraphrases MiniLM ranks first).
            cands = candidate_union(lexical, dense, k=CANDIDATES)
            if not cands:
                out.append((qid, [], qrels[qid]))
                continue
            top = max(lexical.values(), default=1.0)
            qt = ClaimText.of(q)
            rows = []
            for cid in cands:
                if cid not in ctext:
                    ctext[cid] = ClaimText.of(claims[cid])
                rows.append((cid, lexical.get(cid, 0.0) / top, similarity(qt, ctext[cid]), dense.get(cid, 0.0)))
            out.append((qid, rows, qrels[qid]))
        return out

    feats = {s: features(s) for s in splits}

    def score(split: str, w: tuple[float, float, float]) -> tuple[float, float]:
        m5 = m1 = 0.0
        for _qid, rows, gold in feats[split]:
            ranked = [r[0] for r in sorted(rows, key=lambda r: -(w[0] * r[1] + w[1] * r[2] + w[2] * r[3]))]
            m5 += ap_at(ranked, gold, 5)
            m1 += ap_at(ranked, gold, 1)
        n = len(feats[split]) or 1
        return m5 / n, m1 / n

    grid = [(a, b, c) for a in (0.0, 0.2, 0.4, 0.6, 1.0) for b in (0.0, 0.2, 0.4, 0.6, 1.0) for c in ((0.0,) if cmat is None else (0.0, 0.5, 1.0, 2.0, 3.0))]
    best = max(grid, key=lambda w: score("train", w)[0])
    methods = [("BM25 alone", (1.0, 0.0, 0.0)), ("BM25 + stems/char 4-grams (tuned on train)", best if best[2] == 0 else max((w for w in grid if w[2] == 0), key=lambda w: score("train", w)[0]))]
    if cmat is not None:
        methods.append(("MiniLM alone (BM25 top-100 + MiniLM top-100)", (0.0, 0.0, 1.0)))
        methods.append(("BM25 + char 4-grams + MiniLM (tuned on train)", best))
    print(f"CheckThat! 2020 Task 2 claim retrieval ({len(claims)} verified claims; {time.perf_counter() - t0:.0f} s in all)")
    print("| method | weights (bm25, lexical, minilm) | train MAP@5 | dev MAP@5 | dev MAP@1 | test MAP@5 | test MAP@1 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, w in methods:
        tr, dv, te = score("train", w), score("dev", w), score("test", w)
        print(f"| {name} | {w} | {tr[0]:.3f} | {dv[0]:.3f} | {dv[1]:.3f} | {te[0]:.3f} | {te[1]:.3f} |")


if __name__ == "__main__":
    main()
