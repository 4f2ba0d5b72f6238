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


def tfidf(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    out = {}
    for t, c in counts.items():
        idf = math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0
        out[t] = (1.0 + math.log(c)) * idf if c > 0 else 0.0
    norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
    return {t: v / norm for t, v in out.items()}
