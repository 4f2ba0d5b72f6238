"""Distil the accurate entity recogniser into the fast one (issue 13).

    python -m training.distill label [--sources ecbplus,meantime,article-extraction] [--max-sentences N] [--threads 1]
    python -m training.distill train [--seed 1234] [--out training/build/ner-distilled]
    python -m training.distill install [--ner training/build/ner-distilled/model-best] [--out DIR]

``label`` tags the shippable news text on hand (training/news_text.py: ECB+, MEANTIME, article-extraction
ground truth; no treebank text) with the accurate recogniser (src/newstrace/nlp/minilm_ner.py) and writes
the silver entities to training/build/corpus/silver-news.spacy, then GUM train + silver to
gum-silver-train.spacy. ``train`` runs stage 2 (training/config_ner.cfg: the fast recogniser with its own
tok2vec) on that, GUM dev selecting the step. ``install`` puts the new recogniser into the shipped pipeline
in place of its "ner", leaving tokenizer, tagger, morphologizer, lemmatizer and parser as they are (so the
parse, and the attribution tagger trained on it, do not move).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from newstrace.nlp.ud import default_data_dir

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "build" / "corpus"
SHIPPED = ROOT / "src" / "newstrace" / "nlp" / "models" / "en_newstrace"
MAX_WORDS = 120  # longer "sentences" are tables or run-on extraction; the encoder would cut them


def label(data: Path, sources: tuple[str, ...], threads: int, max_sentences: int = 0) -> int:
    import spacy
    import torch
    from spacy.tokens import Doc, DocBin, Span

    from newstrace.nlp.minilm_ner import bio_spans, default_tagger
    from training.news_text import sentences

    torch.set_num_threads(threads)
    tagger = default_tagger()
    vocab = spacy.blank("en").vocab
    sents = [s for s in sentences(data, CORPUS, sources) if 3 <= len(s) <= MAX_WORDS and any(w.isalpha() for w in s)]
    if max_sentences and len(sents) > max_sentences:
        step = len(sents) / max_sentences  # an even sample over every source and document
        sents = [sents[int(i * step)] for i in range(max_sentences)]
    print(f"{len(sents)} sentences to label", flush=True)
    silver = DocBin(store_user_data=False)
    n_ents, t0 = 0, time.time()
    for i in range(0, len(sents), 512):
        chunk = sents[i : i + 512]
        for words, tags in zip(chunk, tagger.predict(chunk), strict=True):
            doc = Doc(vocab, words=words)
            doc.ents = [Span(doc, a, b, label=t) for a, b, t in bio_spans(tags)]
            n_ents += len(doc.ents)
            silver.add(doc)
        print(f"{i + len(chunk)} sentences, {n_ents} entities, {time.time() - t0:.0f}s", flush=True)
    silver.to_disk(CORPUS / "silver-news.spacy")
    merged = DocBin(store_user_data=False)
    merged.merge(DocBin().from_disk(CORPUS / "gum-train.spacy"))
    merged.merge(silver)
    merged.to_disk(CORPUS / "gum-silver-train.spacy")
    return 0


def train(seed: int, out: Path, max_steps: int | None) -> int:
    cmd = [sys.executable, "-m", "spacy", "train", str(ROOT / "training" / "config_ner.cfg"), "--output", str(out),
           "--paths.train", str(CORPUS / "gum-silver-train.spacy"), "--paths.dev", str(CORPUS / "gum-dev.spacy"),
           "--system.seed", str(seed)]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    print(" ".join(cmd), flush=True)
    return subprocess.run(cmd, check=False, cwd=ROOT).returncode


def install(ner: Path, out: Path) -> int:
    """The shipped pipeline with its "ner" replaced (tok2vec copied in); nothing else changes."""
    import spacy

    main = spacy.load(SHIPPED)
    ner_nlp = spacy.load(ner)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    names = main.pipe_names
    after = names[names.index("ner") - 1]
    main.remove_pipe("ner")
    main.add_pipe("ner", source=ner_nlp, after=after)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    main.to_disk(tmp)
    for keep in ("MODEL_CARD.md", "evaluation.json"):
        if (SHIPPED / keep).exists():
            shutil.copy2(SHIPPED / keep, tmp / keep)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    print("installed", out, flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("label", "train", "install"))
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--sources", default="ecbplus,meantime,article-extraction")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-sentences", type=int, default=0, help="label an even sample of this many sentences")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--ner", type=Path, default=ROOT / "training" / "build" / "ner-distilled" / "model-best")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.step == "label":
        return label(args.data, tuple(args.sources.split(",")), args.threads, args.max_sentences)
    if args.step == "train":
        return train(args.seed, args.out or ROOT / "training" / "build" / "ner-distilled", args.max_steps)
    return install(args.ner, args.out or SHIPPED)


if __name__ == "__main__":
    raise SystemExit(main())
