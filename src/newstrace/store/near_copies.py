"""What the backends share to find near-copies (syndicated or lightly edited text).

Each stored article keeps its MinHash signature and one key per LSH band; a new
article is a near-copy of the earliest stored article that shares a band key
and whose estimated Jaccard similarity reaches the threshold. Exact repeats
are caught earlier by the content-hash id.
"""

from __future__ import annotations

import hashlib
import struct
from functools import lru_cache

from newstrace.ingest.dedup import NearDuplicateIndex

# Wire copy re-edited by an outlet keeps well over this share of its 5-word shingles.
THRESHOLD = 0.7


@lru_cache(maxsize=1)
def _hasher() -> NearDuplicateIndex:
    return NearDuplicateIndex(THRESHOLD)


def signature_of(text: str) -> tuple[bytes, list[tuple[int, str]]]:
    """(packed signature, [(band, key)]) for ``text``."""
    hasher = _hasher()
    signature = hasher.signature(text)
    packed = struct.pack(f"<{len(signature)}I", *signature)
    keys = [
        (band, hashlib.blake2b(struct.pack(f"<{len(part)}I", *part), digest_size=8).hexdigest())
        for band, part in enumerate(hasher.band_keys(signature))
    ]
    return packed, keys


def similarity(first: bytes, second: bytes) -> float:
    a = struct.unpack(f"<{len(first) // 4}I", first)
    b = struct.unpack(f"<{len(second) // 4}I", second)
    return NearDuplicateIndex.similarity(a, b) if len(a) == len(b) else 0.0
