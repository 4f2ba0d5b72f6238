"""Duplicate detection without a database: canonical URLs, exact text hashes, near-duplicate text.

* :func:`canonical_url` folds the URL variants that name one page (tracking parameters, fragments,
  AMP and mobile hosts or paths, trailing slashes, host case, ``www.``, default ports).
* :func:`content_hash` is the article id of :mod:`newstrace.ids` (same normalisation).
* :class:`NearDuplicateIndex` finds syndicated or lightly edited copies with MinHash over word
  shingles and banded locality-sensitive hashing. Pure Python, deterministic across processes
  (no use of the salted built-in ``hash``); NumPy speeds it up when installed, with identical results.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newstrace.ids import content_id, normalise_for_hash
from newstrace.lang.scripts import UNSPACED

_np: Any
try:  # optional speed-up; same numbers either way
    import numpy as _np
except ImportError:  # pragma: no cover - exercised where NumPy is absent
    _np = None

_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
        "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url",
        "referrer", "cmpid", "ncid", "ocid", "smid", "smtyp", "sr_share",
        "soc_src", "soc_trk", "at_medium", "at_campaign", "at_custom1", "ito", "s_cid",
        "spm", "wt.mc_id", "wt_mc_id", "__twitter_impression", "ftag",
        "outputtype", "amp", "amp_js_v", "usqp", "_amp",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "oly_", "vero_", "__hs")
_MOBILE_HOST = re.compile(r"^(?:m|mobile|amp|www)\.", re.IGNORECASE)
_AMP_DIR = re.compile(r"/amp(?:\.html?)?(?=/|$)", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"\.amp(?=\.html?$|$)", re.IGNORECASE)
_INDEX_PAGE = re.compile(r"/index\.(?:html?|php|aspx?)$", re.IGNORECASE)
# A word, or one character of a script written without spaces (a Chinese or Japanese "word" is
# then a character, and a 5-word shingle five of them).
_WORD = re.compile(rf"[{UNSPACED}]|(?:(?![{UNSPACED}])\w)+")
# The same words where the text has no such script (most texts), found twice as fast.
_PLAIN_WORD = re.compile(r"\w+")
_HAS_UNSPACED = re.compile(f"[{UNSPACED}]")
_PRIME = (1 << 31) - 1  # Mersenne prime: (a * x + b) stays below 2**63 for 32-bit x


def canonical_url(url: str) -> str:
    """One spelling per page: ``HTTPS://M.Example.com/a/amp/?utm_source=x#top`` -> ``https://example.com/a``."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    while _MOBILE_HOST.match(host) and host.count(".") >= 2:
        host = _MOBILE_HOST.sub("", host, count=1)
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = _AMP_SUFFIX.sub("", _AMP_DIR.sub("/", parts.path or "/"))
    path = _INDEX_PAGE.sub("/", path)
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _TRACKING_EXACT and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, path or "/", urlencode(sorted(query)), ""))


def content_hash(text: str) -> str:
    """The exact-duplicate key: equal for texts that differ only in case, spacing or Unicode form."""
    return content_id(text)


def _shingle_hashes(text: str, size: int) -> list[int]:
    text = normalise_for_hash(text)
    words = (_WORD if _HAS_UNSPACED.search(text) else _PLAIN_WORD).findall(text)
    if not words:
        return []
    grams = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    return sorted(
        int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=4).digest(), "little")
        for gram in grams
    )


class NearDuplicateIndex:
    """Finds the first earlier text a new text nearly repeats (estimated Jaccard >= threshold).

    ``add(article_id, text)`` returns the id of the earliest indexed article the text duplicates,
    or None. Copies are indexed too, and report the article their own original duplicates, so a
    chain of light edits still points at the first version.
    """

    def __init__(
        self, threshold: float = 0.7, *, num_perm: int = 128, bands: int = 32, shingle_size: int = 5, seed: int = 1
    ) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.shingle_size = shingle_size
        rng = random.Random(seed)
        self._a = [rng.randrange(1, _PRIME) for _ in range(num_perm)]
        self._b = [rng.randrange(0, _PRIME) for _ in range(num_perm)]
        if _np is not None:  # the permutations as columns, made once rather than for every text
            self._a_col = _np.asarray(self._a, dtype=_np.uint64)[:, None]
            self._b_col = _np.asarray(self._b, dtype=_np.uint64)[:, None]
        self._buckets: list[dict[tuple[int, ...], list[str]]] = [defaultdict(list) for _ in range(bands)]
        self._signatures: dict[str, tuple[int, ...]] = {}
        self._order: dict[str, int] = {}
        self._root: dict[str, str] = {}
        self._exact: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def signature(self, text: str) -> tuple[int, ...]:
        """The MinHash signature of ``text`` (``num_perm`` integers)."""
        hashes = _shingle_hashes(text, self.shingle_size)
        if not hashes:
            return tuple([_PRIME] * self.num_perm)
        if _np is not None:
            x = _np.asarray(hashes, dtype=_np.uint64)[None, :]
            return tuple(int(v) for v in ((self._a_col * x + self._b_col) % _PRIME).min(axis=1))
        return tuple(min((a * x + b) % _PRIME for x in hashes) for a, b in zip(self._a, self._b))

    def band_keys(self, signature: tuple[int, ...]) -> list[tuple[int, ...]]:
        return [signature[i * self.rows : (i + 1) * self.rows] for i in range(self.bands)]

    @staticmethod
    def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
        """Estimated Jaccard similarity of two signatures."""
        return sum(x == y for x, y in zip(first, second)) / len(first)

    def query(self, text: str) -> list[tuple[str, float]]:
        """Indexed articles similar to ``text`` at or above the threshold, most similar first."""
        return self._matches(self.signature(text))

    def _matches(self, signature: tuple[int, ...]) -> list[tuple[str, float]]:
        candidates: set[str] = set()
        for band, key in enumerate(self.band_keys(signature)):
            candidates.update(self._buckets[band].get(key, ()))
        scored = [(cid, self.similarity(signature, self._signatures[cid])) for cid in candidates]
        scored = [(cid, score) for cid, score in scored if score >= self.threshold]
        return sorted(scored, key=lambda item: (-item[1], self._order[item[0]]))

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text``; return the id of the first earlier article it duplicates, else None."""
        if article_id in self._signatures:
            root = self._root.get(article_id)
            return root if root != article_id else None
        exact = content_hash(text)
        original = self._exact.get(exact)
        signature = self.signature(text)
        if original is None:
            matches = self._matches(signature)
            if matches:
                original = min((cid for cid, _ in matches), key=self._order.__getitem__)
        root = self._root[original] if original is not None else article_id
        self._exact.setdefault(exact, article_id)
        self._order[article_id] = len(self._order)
        self._signatures[article_id] = signature
        self._root[article_id] = root
        for band, key in enumerate(self.band_keys(signature)):
            self._buckets[band][key].append(article_id)
        return root if root != article_id else None
