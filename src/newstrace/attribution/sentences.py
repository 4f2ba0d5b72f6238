"""Sentence spans for the attribution rules, independent of the parser's choices.

Reported speech hangs on sentence edges ("... on March 6. On March 8, ..."),
so the rules use their own conservative splitter: a sentence ends at ``.``,
``!`` or ``?`` (with any closing quote marks or brackets) followed by space and
an upper-case letter, a digit or an opening quote mark, unless the word
before the stop is a known abbreviation or an initial; and always at a line
break. The spans are spaCy ``Span`` slices of the article's ``Doc``.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

_ABBREV = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt adm st jr sr inc corp co ltd vs etc no jan feb mar apr
    jun jul aug sep sept oct nov dec mt ft ave blvd dept univ u.s u.k u.n e.u d.c a.m p.m i.e e.g""".split()
)
_END_RE = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9])")
_LINE_RE = re.compile(r"\n\s*")


def _boundaries(text: str) -> list[int]:
    cuts: set[int] = set()
    for m in _LINE_RE.finditer(text):
        cuts.add(m.end())
    for m in _END_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].split()
        word = before[-1].lower().lstrip("(\"“") if before else ""
        if text[m.start()] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha())
                                       or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)):
            continue
        j = m.end()
        while j < len(text) and text[j].isspace():
            j += 1
        cuts.add(j)
    return sorted(c for c in cuts if 0 < c < len(text))


def split_sentences(text: str, doc: Doc) -> list[SpacySpan]:
    if len(doc) == 0:
        return []
    starts = [t.idx for t in doc]
    bounds = [0]
    for c in _boundaries(text):
        i = bisect.bisect_left(starts, c)
        if 0 < i < len(doc) and i > bounds[-1]:
            bounds.append(i)
    bounds.append(len(doc))
    sents = []
    for a, b in zip(bounds, bounds[1:]):
        # skip spans made only of whitespace
        if any(not t.is_space for t in doc[a:b]):
            sents.append(doc[a:b])
    return sents
