"""PolNeAR attribution benchmark: Source / Cue / Content spans, P/R/F1, exact and overlap match.

    python benchmarks/attribution_polnear.py [--split test|dev|train] [--limit N] [--mode default|rules|crf]

``--mode default`` scores :func:`extract_attributions` as shipped (rules, plus the
trained CRF tagger when its weights are installed); ``rules`` switches the tagger
off; ``crf`` scores the tagger's raw spans (stacked on the rules' labels).

Reads ../shared/data/polnear (or $NEWSTRACE_SHARED/data/polnear): one brat
``.ann`` file per article (the first in sorted order when several annotators
labelled it), spans with code-point offsets into the raw ``text/*.txt``;
discontinuous spans (``a b;c d``) are one span of several pieces. Scoring is
our own:

* exact: a predicted span equals a gold span piece for piece (whitespace at the
  edges trimmed);
* exact-lenient: the same after also trimming punctuation and quote marks at
  the edges of every piece (``“...,”`` vs ``...``);
* overlap: a predicted span shares at least one character with a gold span
  (each gold span and each prediction is matched at most once).

PolNeAR is research-use only; nothing of it is stored in the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROLES = ("Source", "Cue", "Content")
_REC = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
_EDGE = " \t\n\r,.;:\"“”‘’'«»()—–-"


def polnear_dir() -> Path:
    shared = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    return shared / "data" / "polnear"


def read_ann(path: Path) -> dict[str, list[tuple[tuple[int, int], ...]]]:
    spans: dict[str, list[tuple[tuple[int, int], ...]]] = defaultdict(list)
    for m in _REC.finditer(path.read_text(encoding="utf-8")):
        label = m.group(2)
        if label not in ROLES:
            continue
        pieces = []
        for part in m.group(3).split(";"):
            a, b = part.split()
            pieces.append((int(a), int(b)))
        spans[label].append(tuple(pieces))
    return spans


def articles(split: str) -> list[tuple[str, Path, Path]]:
    base = polnear_dir() / split
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    out = []
    for stem, ann in sorted(anns.items()):
        txt = base / "text" / f"{stem}.txt"
        if txt.exists():
            out.append((stem, txt, ann))
    return out


def _norm(text: str, span: tuple[tuple[int, int], ...], lenient: bool) -> tuple[tuple[int, int], ...] | None:
    strip = _EDGE if lenient else " \t\n\r"
    out = []
    for a, b in span:
        while a < b and text[a] in strip:
            a += 1
        while b > a and text[b - 1] in strip:
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(out) or None


class Score:
    def __init__(self) -> None:
        self.tp_p = self.tp_g = self.n_p = self.n_g = 0

    def add(self, matched_pred: int, matched_gold: int, n_pred: int, n_gold: int) -> None:
        self.tp_p += matched_pred
        self.tp_g += matched_gold
        self.n_p += n_pred
        self.n_g += n_gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def score_doc(text: str, gold: list, pred: list, mode: str) -> tuple[int, int, int, int]:
    if mode in ("exact", "lenient"):
        g = [_norm(text, s, mode == "lenient") for s in gold]
        p = [_norm(text, s, mode == "lenient") for s in pred]
        g = [x for x in g if x]
        p = [x for x in p if x]
        gset = defaultdict(int)
        for x in g:
            gset[x] += 1
        tp = 0
        for x in p:
            if gset[x] > 0:
                gset[x] -= 1
                tp += 1
        return tp, tp, len(p), len(g)
    # overlap: greedy one-to-one matching
    used: set[int] = set()
    tp = 0
    for s in pred:
        for gi, gs in enumerate(gold):
            if gi in used:
                continue
            if any(a < d and c < b for a, b in s for c, d in gs):
                used.add(gi)
                tp += 1
                break
    return tp, tp, len(pred), len(gold)


def predict(text: str, nlp, extract) -> dict[str, list]:
    from newstrace.attribution.tagger import rule_spans

    return rule_spans(extract(text, nlp(text)).quotes)


def predict_crf(text: str, nlp, tagger) -> dict[str, list]:
    """The tagger's own spans (its rule-label features from the rules alone)."""
    from newstrace.attribution import extract_attributions
    from newstrace.attribution.tagger import ENV_VAR, rule_spans, rule_token_labels

    doc = nlp(text)
    old = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = "0"
    try:
        rules = rule_spans(extract_attributions(text, doc, gate=False).quotes)
    finally:
        if old is None:
            del os.environ[ENV_VAR]
        else:
            os.environ[ENV_VAR] = old
    return tagger.spans(text, doc, rule_token_labels(doc, rules))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--mode", default="default", choices=["default", "rules", "crf"])
    ap.add_argument("--scope", default="statements", choices=["statements", "all"],
                    help="statements: what a source said or wrote (the product default); all: PolNeAR's wider "
                         "notion (beliefs, intentions), NEWSTRACE_ATTRIBUTION_SCOPE=all")
    args = ap.parse_args(argv)
    os.environ["NEWSTRACE_ATTRIBUTION_SCOPE"] = args.scope
    if args.mode == "rules":
        os.environ["NEWSTRACE_ATTRIBUTION_CRF"] = "0"
    if not polnear_dir().exists():
        print(f"skipped: {polnear_dir()} not found (set NEWSTRACE_SHARED)")
        return 0
    from newstrace.attribution import extract_attributions
    from newstrace.nlp import load_nlp

    nlp = load_nlp()
    tagger = None
    if args.mode == "crf":
        from newstrace.attribution.tagger import load_tagger

        tagger = load_tagger()
        if tagger is None:
            print("skipped: no attribution CRF weights")
            return 0
    docs = articles(args.split)
    if args.limit:
        docs = docs[: args.limit]
    scores = {(r, m): Score() for r in ROLES for m in ("exact", "lenient", "overlap")}
    t0 = time.perf_counter()
    for _stem, txt, ann in docs:
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann)
        if args.mode == "crf":
            pred = predict_crf(text, nlp, tagger)
        else:
            pred = predict(text, nlp, extract_attributions)
        for r in ROLES:
            for m in ("exact", "lenient", "overlap"):
                scores[(r, m)].add(*score_doc(text, gold.get(r, []), pred[r], m))
    dt = time.perf_counter() - t0
    print(f"PolNeAR {args.split} ({args.mode}, scope {args.scope}): {len(docs)} articles, {dt:.1f}s (NLP + attribution)")
    print("| role | match | P | R | F1 | gold | predicted |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in ROLES:
        for m in ("exact", "lenient", "overlap"):
            s = scores[(r, m)]
            p, rc, f = s.prf()
            print(f"| {r} | {m} | {p:.1f} | {rc:.1f} | {f:.1f} | {s.n_g} | {s.n_p} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
