"""Small text helpers shared by the linkers: tokens, stems, stopwords, n-grams.

Deliberately dependency-free and deterministic: linking runs on every ingest,
so it must not load a model to compare two sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
# a run of letters: the words of a folded phrase, and the parts of a hyphenated name ("ISIS-K")
LETTERS = re.compile(r"[^\W\d_]+")

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "tell", "according", "s", "t", "its", "it's", "mr", "mrs", "ms", "one", "two", "also", "may", "might", "must", "shall", "us", "new", "would", "like", "just", "get", "got", "per", "via", "since", "still", "yet", "would'nt", "wouldn't", "don't", "didn't", "doesn't", "isn't", "wasn't", "weren't", "won't", "can't", "cannot"]
)

NEGATIONS = frozenset(
    ["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "n't", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "couldn't", "shouldn't", "hasn't", "haven't", "hadn't"]
)


def alternatives(words: Iterable[str]) -> str:
    """A regular-expression alternation of listed words and phrases, longest first (so "at least"
    is tried before "at"). A phrase matches as listed, one space between its words: the readers
    look what matched up in the same lists ("more than" is a lower bound)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Casefold and strip accents: 'Zelenskyy' and 'Zelénskyy' compare equal."""
    # Linking folds whole sentences of every article it prepares (link/event_places.py), so this
    # runs on long texts that the cache has not seen: ASCII text has nothing to decompose or strip
    # (its casefold is its lower case), and in other text only the non-ASCII characters can be
    # combining marks; testing those alone gives the same result as testing every character.
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(_unless_combining, text).casefold().replace("’", "'")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unless_combining(m: re.Match[str]) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=50_000)
def _tokens(text: str) -> tuple[str, ...]:
    # The linkers compare each statement with many others, so the same texts are tokenised
    # over and over; folding (NFKD + casefold) was the largest part of that.
    return tuple(t.replace("’", "'") for t in WORD.findall(fold(text)))


_SUFFIXES = ("ational", "ization", "fulness", "iveness", "ements", "ations", "ement", "ation", "ments", "ities", "ness",
             "ment", "ings", "ing", "ity", "ies", "ied", "ers", "est", "ed", "es", "er", "ly", "s")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper (enough to match 'warned'/'warning'/'warns')."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ies", "ied"):
                base += "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]  # stopp(ed) -> stop
            return base
    return word


def content_stems(text: str) -> list[str]:
    return list(_content_stems(text))


@lru_cache(maxsize=50_000)
def _content_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in _tokens(text) if t not in STOPWORDS and not t.isdigit() and len(t) > 1)


def char_ngrams(text: str, n: int = 4) -> Counter[str]:
    s = " " + " ".join(tokens(text)) + " "
    return Counter(s[i : i + n] for i in range(max(0, len(s) - n + 1)))


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors, summed in the smaller one's order (deterministic)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def norm(a: dict[str, float]) -> float:
    return sum(v * v for v in a.values()) ** 0.5


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """A plain sentence splitter for when the article has no sentence annotation."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?\"”])\s+(?=[\"“A-Z0-9])|\n\s*\n", text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def as_written(phrase: str, texts: list[str], *, stems: bool = False) -> str:
    """``phrase`` (built from folded names and stems: "how many live in qeshm", "vot approve")
    with each word as the texts write it: a name in its capitals ("Qeshm"), and with ``stems``
    (a phrase made of stems only) a stem as the word it was cut from ("voters"). A word the texts
    hold in lower case anywhere keeps lower case (it is no name); a word they do not hold stays."""
    exact: dict[str, Counter[str]] = {}
    cut: dict[str, Counter[str]] = {}
    for text in texts:
        for m in WORD.finditer(text):
            w = m.group(0)
            if w[:1].isupper() and text[max(0, m.start() - 4) : m.start()].rstrip()[-1:] in ("", ".", "!", "?", ":", '"', "“", "‘", "'"):
                continue  # a capital opening a sentence says nothing of a name
            # a hyphenated name ("ISIS-K") is matched part by part, as the phrase's words are
            for part in LETTERS.findall(w):
                exact.setdefault(fold(part), Counter())[part] += 1
                cut.setdefault(stem(fold(part)), Counter())[part] += 1

    def one(word: str) -> str:
        if word in STOPWORDS or word != word.lower():
            return word
        forms = exact.get(word) or (cut.get(word) if stems else None)
        if not forms:
            return word
        lower = Counter({f: n for f, n in forms.items() if f.islower()})
        return (lower or forms).most_common(1)[0][0]

    return LETTERS.sub(lambda m: one(m.group(0)), phrase)
