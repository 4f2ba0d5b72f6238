"""Whole per-article analysis speed with each entity recogniser, side by side, one core (issue 13).

    python benchmarks/entity_speed.py [--limit 40] [--rounds 2] [--accurate]

Texts: the PolNeAR dev articles (../shared/data/polnear/dev/text), or the seed page when PolNeAR is absent.
Rows, each the whole analysis (cleaning, NLP, time, quotes, events) over the same texts, in alternating
rounds of the same run (best round kept), BLAS/OpenMP/torch pinned to one thread:

- reference: the shipped pipeline without the news entity rules (newstrace before issue 13);
- fast: the default (shipped recogniser + entity rules);
- accurate (with --accurate; needs the embeddings extra): the MiniLM recogniser + entity rules.

The ratio column is articles/s over the reference's, which the load on a shared machine moves much less
than the absolute figures.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from attribution_speed import _texts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--accurate", action="store_true", help="also time --ner accurate")
    args = ap.parse_args(argv)
    texts = _texts(args.limit)
    if not texts:
        print("skipped: no texts found (set NEWSTRACE_SHARED)")
        return 0
    from newstrace.model import RawDocument, SourceRef
    from newstrace.nlp import load_nlp
    from newstrace.nlp.entity_rules import FACTORY as RULES
    from newstrace.pipeline import AnalysisOptions, build_pipeline

    if args.accurate:
        import torch

        torch.set_num_threads(1)
    raws = [RawDocument(t.encode("utf-8"), SourceRef("file", f"doc{i}.txt"), content_type="text/plain") for i, t in enumerate(texts)]
    fast = build_pipeline(AnalysisOptions())
    nlp = load_nlp()
    configs = [("reference (no entity rules)", fast, True), ("fast (default)", fast, False)]
    if args.accurate:
        configs.append(("accurate (--ner accurate)", build_pipeline(AnalysisOptions(ner="accurate")), False))
    best: dict[str, float] = {}
    for name, pipeline, no_rules in configs:
        pipeline.analyse(raws[0])  # load and warm up
    for _ in range(args.rounds):
        for name, pipeline, no_rules in configs:
            if no_rules:
                nlp.disable_pipe(RULES)
            t0 = time.perf_counter()
            for r in raws:
                pipeline.analyse(r)
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t0)
            if no_rules:
                nlp.enable_pipe(RULES)
    n, ref = len(raws), best[configs[0][0]]
    print(f"{n} articles, {sum(len(t.split()) for t in texts)} words, best of {args.rounds} rounds")
    print("| analysis | seconds | articles/s | ms/article | speed vs reference |")
    print("|---|---:|---:|---:|---:|")
    for name, _, _ in configs:
        t = best[name]
        print(f"| {name} | {t:.2f} | {n / t:.2f} | {1000 * t / n:.0f} | {ref / t:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
