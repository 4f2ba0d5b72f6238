"""Attribution speed: articles per second for the NLP pipeline alone, attribution alone and the whole analysis, one core.

    python benchmarks/attribution_speed.py [--limit N]

Texts: the PolNeAR dev articles (../shared/data/polnear/dev/text), or the seed
page when PolNeAR is absent. Single process, BLAS/OpenMP pinned to one thread; times are the
process's CPU seconds (``time.process_time``), so other jobs on a shared machine do not count.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def _clock() -> float:
    """CPU seconds of this process (one thread): on a shared machine, wall time measures the neighbours."""
    return time.process_time()


def _texts(limit: int) -> list[str]:
    shared = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    d = shared / "data" / "polnear" / "dev" / "text"
    if d.exists():
        files = sorted(d.glob("*.txt"))
        return [f.read_text(encoding="utf-8") for f in (files[:limit] if limit else files)]
    seed = shared / "seed" / "crocus-page.txt"
    return [seed.read_text(encoding="utf-8")] * 20 if seed.exists() else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    texts = _texts(args.limit)
    if not texts:
        print("skipped: no texts found (set NEWSTRACE_SHARED)")
        return 0
    from newstrace.attribution import extract_attributions
    from newstrace.model import RawDocument, SourceRef
    from newstrace.nlp import load_nlp
    from newstrace.pipeline import build_pipeline

    nlp = load_nlp()
    pipeline = build_pipeline()
    raws = [RawDocument(t.encode("utf-8"), SourceRef("file", f"doc{i}.txt"), content_type="text/plain") for i, t in enumerate(texts)]
    nlp(texts[0])  # warm up
    pipeline.analyse(raws[0])
    t0 = _clock()
    docs = [nlp(t) for t in texts]
    t_nlp = _clock() - t0
    t0 = _clock()
    n_quotes = 0
    for t, d in zip(texts, docs):
        n_quotes += len(extract_attributions(t, d).quotes)
    t_attr = _clock() - t0
    # The whole per-article analysis: text cleaning, NLP, time, quotes (rules + CRF), events.
    t0 = _clock()
    n_whole = sum(len(pipeline.analyse(r).quotes) for r in raws)
    t_whole = _clock() - t0
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    print(f"{n} articles, {words} words, {n_quotes} quotes found by attribution, {n_whole} by the whole analysis")
    print("| stage | seconds | articles/s | ms/article |")
    print("|---|---:|---:|---:|")
    print(f"| NLP pipeline alone | {t_nlp:.2f} | {n / t_nlp:.1f} | {1000 * t_nlp / n:.1f} |")
    print(f"| attribution alone (rules + CRF) | {t_attr:.2f} | {n / t_attr:.1f} | {1000 * t_attr / n:.1f} |")
    print(f"| whole per-article analysis | {t_whole:.2f} | {n / t_whole:.1f} | {1000 * t_whole / n:.1f} |")
    print(f"| ratio whole analysis / NLP alone (time) | {t_whole / t_nlp:.3f} | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
