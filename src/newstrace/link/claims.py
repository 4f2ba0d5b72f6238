"""Claims: the same statement made or repeated by several sources, grouped.

Two statements state the same thing when they share most of their content
words (by stem) and their wording overlaps at the character level (character
4-grams catch inflection and small rewordings: "warned Russia" / "had warned
the Russians"). With the optional embedding extra installed, sentence
embeddings are blended in, which catches paraphrases with little shared
wording.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newstrace.text import char_ngrams, content_stems, dot, norm

MIN_STEMS = 3  # shorter statements ("Ukraine", "too general") are too thin to be a claim of their own
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class ClaimText:
    text: str
    stems: frozenset[str]
    grams: dict[str, float]
    grams_norm: float = 0.0  # Euclidean norm of ``grams``, kept so a comparison need not recompute it

    @classmethod
    def of(cls, text: str) -> ClaimText:
        grams = {k: float(v) for k, v in char_ngrams(text).items()}
        return cls(text, frozenset(content_stems(text)), grams, norm(grams))


@lru_cache(maxsize=20_000)
def _stored_claim_text(text: str) -> ClaimText:
    # Stored claims come back as candidates for article after article: their stems and n-grams
    # were recomputed on every comparison (most of the linker's time). Read-only, so shared.
    return ClaimText.of(text)


def similarity(a: ClaimText, b: ClaimText) -> float:
    """0..1: how surely two statements state the same thing (lexical)."""
    if not a.stems or not b.stems:
        return 0.0
    shared = len(a.stems & b.stems)
    words = shared / math.sqrt(len(a.stems) * len(b.stems))
    d = dot(a.grams, b.grams)
    grams = d / (a.grams_norm * b.grams_norm) if d else 0.0
    return 0.5 * words + 0.5 * grams


def candidate_union(*scores: Mapping[str, float], k: int = 100) -> list[str]:
    """The candidates to re-rank: the ``k`` best of each retriever's scores, each once.

    A lexical retriever (BM25) misses paraphrases that share few words with the query, and an
    embedding retriever misses rare names and figures; a cut on either one alone loses the
    claims only the other finds, so the re-ranker sees the union. Ties keep the mapping's order."""
    out: dict[str, None] = {}
    for s in scores:
        for cid in sorted(s, key=lambda c: -s[c])[:k]:
            out[cid] = None
    return list(out)


def claim_id(article_id: str, quote_id: str) -> str:
    return "cl" + hashlib.sha1(f"{article_id}:{quote_id}".encode()).hexdigest()[:10]


@lru_cache(maxsize=4096)
def _figures_and_polarity(text: str) -> tuple[tuple[Any, ...], int]:
    """The figures a claim's text writes and whether it says no (an odd count of negations); a
    new claim is compared with up to 30 stored ones, and stored claims come back again and again."""
    from newstrace.claims.figures import read_figures
    from newstrace.text import NEGATIONS, tokens

    return tuple(read_figures(text, 0, len(text))), sum(1 for w in tokens(text) if w in NEGATIONS) % 2


def states_the_same(a: str, b: str) -> bool:
    """Two similar wordings state the same thing only if their figures can both hold and they
    agree on yes or no: "10 people were killed" and "3 people were killed" share nearly every
    word and are two claims, as are "the bridge is safe" and "the bridge is not safe"."""
    from newstrace.claims.ranges import overlap

    (fa, neg_a), (fb, neg_b) = _figures_and_polarity(a), _figures_and_polarity(b)
    for x in fa:
        for y in fb:
            if x.unit == y.unit and not overlap(x.range, y.range) and len(fa) == len(fb):
                return False
    return neg_a == neg_b


def best_match(text: ClaimText, candidates: list[tuple[str, str]], threshold: float = THRESHOLD, embed=None) -> tuple[str, float] | None:
    """The candidate (id, text) that states the same thing as ``text``, with its similarity."""
    best: tuple[str, float] | None = None
    vec = embed(text.text) if embed else None
    for cid, ctext in candidates:
        s = similarity(text, _stored_claim_text(ctext))
        if vec is not None:
            s = 0.5 * s + 0.5 * float(sum(x * y for x, y in zip(vec, embed(ctext))))
        # the figures are read only for a candidate that would win: the same choice, far fewer reads
        if s >= threshold and (best is None or s > best[1]) and states_the_same(text.text, ctext):
            best = (cid, s)
    return best


def appearance(sources: list) -> tuple[object | None, list[str]]:
    """(first source, chain of outlets) of a claim's sources: who had it first, and the outlets
    that repeated it after, in date order (an outlet counted once). ``sources`` come in the order
    they were linked (``Store.claim_sources``); sources of one day, and undated ones, keep that order,
    as the stored first appearance does: the first seen is the first known, an article id says nothing."""
    dated = sorted(sources, key=lambda x: x.date or "9999")
    chain = list(dict.fromkeys(x.outlet or x.article_id[:8] for x in dated))
    return (dated[0] if dated else None), chain
