"""Conflicts on ECB+: the trained pair classifier against the rules, by leave-one-topic-out.

Usage: python benchmarks/conflicts_model.py [--data DIR] [--cache DIR] [--kinds logistic,trees] [--thresholds 0.3,0.7] [--no-heldout]

The second design of issue 17 (training/conflict_pairs.py): candidate statement pairs of each
story, features from what their claims say (newstrace.link.pair_features), a classifier trained
on the hand-made ECB+ conflicts. Each annotated development topic is scored by a model trained on
the other topics only; its pairs at or above the threshold are grouped into conflicts as the rules'
findings are, and scored as benchmarks/conflicts_ecbplus.py scores the rules:

- ``rules``: the shipped conflict finder (no training; the figure conflicts_ecbplus.py prints);
- ``model``: the classifier alone;
- ``union``: the rules' conflicts, plus the model's on pairs the rules did not join;
- ``intersection``: the rules' conflicts the model accepts (at least one of their pairs).

Rows at the threshold 0.5 are the result (declared before any topic was scored); rows at
``--thresholds`` are a sweep for reading, and a threshold picked from them is fitted to the test
topics. The ``in-sample`` row scores the model trained on all 11 topics on those same topics: it
is not a result (it shows how much the model memorises). The ``held-out`` rows score the model
trained on all the development topics, and the rules, on the topics annotated blind
(benchmarks/data/ecbplus_conflicts_heldout): topics neither the rules nor the model were made on.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from conflict_gold import HELDOUT_DIR  # noqa: E402
from conflicts_ecbplus import SHARED  # noqa: E402

from newstrace.link.pair_features import FEATURES  # noqa: E402
from newstrace.link.pair_model import PairModel  # noqa: E402
from training.conflict_pairs import Story, build_stories, cross_validate, evaluate, train  # noqa: E402

DECLARED = 0.5


# On the dev topics the rules' verdict is nearly always right (they were written there), so a model that may
# read it learns to copy it and finds on unseen topics what the rules find; blanking it measures the model alone.
RULES_FEATURES = [i for i, name in enumerate(FEATURES) if name.startswith("rules_")]


def _blank_rules(stories: list[Story]) -> None:
    for s in stories:
        s.x[:, RULES_FEATURES] = 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus")
    ap.add_argument("--cache", type=Path, default=None, help="analysed ECB+ records (as conflicts_ecbplus.py --cache)")
    ap.add_argument("--kinds", default="logistic,trees", help="models to score: logistic, trees (the shipped kind) or both")
    ap.add_argument("--thresholds", default="0.3,0.7", help="extra thresholds for the trees (a sweep, not a result)")
    ap.add_argument("--no-heldout", action="store_true", help="leave out the held-out topics' rows")
    ap.add_argument(
        "--without-rules", action="store_true",
        help="blank the features that read the rules' own verdict (rules_*): the model learns from what the claims say alone",
    )
    ap.add_argument("--save", type=Path, default=None, help="also write the trees trained on every development topic there (as training/conflict_pairs.py)")
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"needs {args.data}/ECBplus_xml.tar.gz (ECB+, ../shared/data/ecbplus)")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    stories, gold = build_stories(args.data, args.cache)
    if args.without_rules:
        _blank_rules(stories)
    pairs = sum(len(s.y) for s in stories)
    positives = int(sum((s.y == 1).sum() for s in stories))
    kinds = [k for k in ("logistic", "trees") if k in args.kinds.split(",")]
    probs = {kind: cross_validate(stories, kind) for kind in kinds}
    models = {kind: train(stories, kind) for kind in kinds}
    in_sample = {s.key: models["trees"].probabilities(s.x) for s in stories} if "trees" in models else {}
    if args.save and isinstance(trees := models.get("trees"), PairModel):
        trees.save(args.save, trained_on=f"ECB+ hand-made conflicts, {len(stories)} stories, {pairs} candidate pairs, {positives} conflicting")
    heldout_probs: dict[str, dict] = {}
    if not args.no_heldout:
        held, held_gold = build_stories(args.data, args.cache, HELDOUT_DIR)
        if args.without_rules:
            _blank_rules(held)
        heldout_probs = {kind: {s.key: m.probabilities(s.x) for s in held} for kind, m in models.items()}
    took = time.perf_counter() - t0

    rows: list[tuple[str, str, float, str]] = [("rules", "-", DECLARED, "rules")]
    for kind in kinds:
        rows += [(kind, "leave-one-topic-out", DECLARED, how) for how in ("model", "union", "intersection")]
    if "trees" in kinds:
        sweep = [float(t) for t in args.thresholds.split(",") if t.strip()]
        rows += [("trees", "sweep (not a result)", t, how) for t in sweep for how in ("model", "union", "intersection")]
        rows += [("trees", "in-sample (not a result)", DECLARED, how) for how in ("model", "union", "intersection")]
    if heldout_probs:
        rows += [("rules", "held-out topics", DECLARED, "rules")]
        for kind in kinds:
            rows += [(kind, "held-out topics", DECLARED, how) for how in ("model", "union", "intersection")]

    print(f"Conflicts on ECB+: pair classifier vs rules ({len(gold.topics)} topics, {len(stories)} stories, {pairs} candidate pairs, {positives} conflicting; {took:.0f} s)")
    if heldout_probs:
        print(f"held-out: {len(held_gold.topics)} topics, {len(held)} stories, {len(held_gold.required)} required answer pairs")
    print(f"{'model':<9} {'evaluation':<25} {'thr':>4} {'reports':<13} {'reported':>8} {'right':>6} {'optional':>8} {'precision':>9} {'found':>6} {'recall':>7}")
    for kind, how_eval, threshold, how in rows:
        if how_eval.startswith("held-out"):
            s = evaluate(held, held_gold, heldout_probs.get(kind) or next(iter(heldout_probs.values())), threshold, how)
        else:
            p = in_sample if how_eval.startswith("in-sample") else probs.get(kind) or next(iter(probs.values()))
            s = evaluate(stories, gold, p, threshold, how)
        thr = "-" if how == "rules" else f"{threshold:.1f}"
        print(
            f"{kind if how != 'rules' else 'rules':<9} {how_eval:<25} {thr:>4} {how:<13} {s.reported:>8} {s.correct:>6} {s.optional:>8} "
            f"{100 * s.precision:>8.1f}% {s.found:>3}/{s.required:<3} {100 * s.recall:>6.1f}%"
        )


if __name__ == "__main__":
    main()
