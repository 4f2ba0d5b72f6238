"""TF-IDF over a growing collection: document frequencies are counted as articles arrive."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from newstrace.text import STOPWORDS, WORD, fold, stem

LEAD_CHARS = 500  # stories: the title and the opening of the text say what the article is about


def lead_text(title: str | None, text: str, chars: int = LEAD_CHARS) -> str:
    body = text[:chars]
    if chars < len(text):  # do not cut a word in half
        body = body.rsplit(" ", 1)[0]
    return f"{title}. {body}" if title else body


def story_terms(text: str, *, names_weight: float = 2.0) -> Counter[str]:
    """Term counts of a text: stems of content words, capitalised names counted extra.

    Names, places and figures tell one real-world event from another of the
    same kind (two earthquakes, two trials), so they weigh more.
    """
    counts: Counter[str] = Counter()  # weighted: the counts are floats (typeshed types them int)
    for m in WORD.finditer(text):
        raw = m.group(0)
        w = fold(raw).replace("’", "'")
        if w in STOPWORDS or len(w) < 2:
            continue
        is_name = raw[:1].isupper() and m.start() > 0 and text[m.start() - 2 : m.start()].strip() not in (".", "", '"', "“")
        if w.isdigit():
            counts[w] += names_weight if len(w) == 4 else 1.0  # type: ignore[assignment]
        else:
            counts[stem(w)] += names_weight if is_name else 1.0  # type: ignore[assignment]
    return counts


def idf(df: int, n_docs: int) -> float:
    """Inverse document frequency of a term in ``df`` of ``n_docs`` documents (smoothed)."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def weigh(counts: Mapping[str, float], idfs: Mapping[str, float]) -> dict[str, float]:
    """The unit-length TF-IDF vector of term counts, given each term's idf (every term must have one).

    Linking weighs hundreds of stored articles that share most of their terms: the idf of a
    term is computed once for all of them, not once per article (most of the clusterer's time)."""
    out = {t: (1.0 + math.log(c)) * idfs[t] if c > 0 else 0.0 for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
    return {t: v / norm for t, v in out.items()}


def tfidf(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    return weigh(counts, {t: idf(df.get(t, 0), n_docs) for t in counts})
