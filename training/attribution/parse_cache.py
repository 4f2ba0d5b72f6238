"""Parse PolNeAR articles once with newstrace's NLP pipeline and cache them as DocBins.

    python -m training.attribution.parse_cache [--splits train dev test]

Writes ``training/build/attribution/parsed/<split>.spacy`` (gitignored); one Doc per
article, in the benchmark's article order, with ``user_data["stem"]``. Re-running
skips splits already cached for the same model directory (recorded in a ``.model`` file).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "training" / "build" / "attribution"
sys.path.insert(0, str(ROOT / "benchmarks"))


def cache_path(split: str) -> Path:
    return BUILD / "parsed" / f"{split}.spacy"


def model_stamp() -> str:
    from newstrace.nlp import resolve_model

    p = Path(resolve_model())
    meta = p / "meta.json"
    stamp = str(p)
    if meta.exists():
        stamp += f" {meta.stat().st_mtime_ns}"
    return stamp


def parse_split(split: str, force: bool = False) -> Path:
    from attribution_polnear import articles
    from spacy.tokens import DocBin

    from newstrace.nlp import load_nlp

    out = cache_path(split)
    stamp_file = out.with_suffix(".model")
    if out.exists() and not force and stamp_file.exists() and stamp_file.read_text() == model_stamp():
        print(f"{split}: cached {out}")
        return out
    nlp = load_nlp()
    docs = articles(split)
    db = DocBin(store_user_data=True)
    t0 = time.perf_counter()
    texts = [txt.read_text(encoding="utf-8") for _s, txt, _a in docs]
    for i, (doc, (stem, _t, _a)) in enumerate(zip(nlp.pipe(texts, batch_size=8), docs)):
        doc.user_data["stem"] = stem
        db.add(doc)
        if i % 50 == 0:
            print(f"{split}: {i}/{len(docs)} {time.perf_counter() - t0:.0f}s", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    stamp_file.write_text(model_stamp())
    print(f"{split}: {len(docs)} docs, {time.perf_counter() - t0:.0f}s -> {out}", flush=True)
    return out


def load_split(split: str):
    """The cached Docs of ``split`` (vocab of the loaded pipeline), in article order."""
    from spacy.tokens import DocBin

    from newstrace.nlp import load_nlp

    nlp = load_nlp()
    return list(DocBin().from_disk(cache_path(split)).get_docs(nlp.vocab))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--splits", nargs="+", default=["dev", "train", "test"])
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args(argv)
    for s in a.splits:
        parse_split(s, a.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
