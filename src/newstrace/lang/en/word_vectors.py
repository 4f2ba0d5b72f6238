"""Word vectors: how alike two English nouns or verbs are in meaning, as a number (cosine, -1..1).

The second design beside :mod:`newstrace.lang.en.senses` for telling that two words name one
counted thing or action: the vectors are the compact sentence encoder all-MiniLM-L6-v2's, one per
word, reduced to 64 dimensions and stored as bytes (data/word_vectors.npz, built by ``python -m
training.word_vectors``), so nothing but numpy is needed at run time. The table is not shipped:
measured against the senses it found no more (BENCHMARKS.md, "Conflicts: counted things matched
by meaning"), and vectors cannot tell a kind from its sibling ("rifle" / "pistol" are as close as
"rifle" / "gun"). Without it, or for a word it lacks, there is no similarity (None).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

TABLE = Path(__file__).resolve().parent / "data" / "word_vectors.npz"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], np.ndarray] | None:
    try:
        with np.load(TABLE, allow_pickle=False) as z:
            words = [str(w) for w in z["words"]]
            vectors = z["vectors"].astype(np.float32)
    except FileNotFoundError:
        return None
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return {w: i for i, w in enumerate(words)}, vectors


def _vector(word: str) -> np.ndarray | None:
    """The word's vector; a phrase's is the mean of its words' ("crew member")."""
    table = _table()
    if table is None:
        return None
    index, vectors = table
    words = word.lower().split()
    rows = [_row(index, "-".join(words))] if len(words) > 1 else []
    if not rows or rows[0] is None:
        rows = [_row(index, w) for w in words]
    if not rows or any(r is None for r in rows):
        return None
    v = vectors[[r for r in rows if r is not None]].mean(axis=0)
    return v / (float(np.linalg.norm(v)) + 1e-8)


def _row(index: dict[str, int], key: str) -> int | None:
    if key in index:
        return index[key]
    for end, sub in (("men", "man"), ("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(end) and key[: -len(end)] + sub in index:
            return index[key[: -len(end)] + sub]
    return None


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float | None:
    """Cosine of the two words' vectors; None when either has none."""
    if a == b:
        return 1.0
    va, vb = _vector(a), _vector(b)
    if va is None or vb is None:
        return None
    return float(va @ vb)
