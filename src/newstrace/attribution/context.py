"""Shared per-article state for the attribution rules, and small parse helpers.

The rules work on a spaCy ``Doc`` whose parser may use Universal Dependencies
labels (``nsubj:pass``, ``obl``, ``case``, ``acl:relcl``, ``parataxis``) or
spaCy's English labels (``nsubjpass``, ``prep``/``pobj``, ``relcl``); the
helpers here accept both so the rules do not care which.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newstrace.attribution.quotemarks import QuotedSpan, find_quotes, paragraphs
from newstrace.attribution.sentences import split_sentences
from newstrace.lang.en.discourse import NEGATIONS
from newstrace.model import Span, Speaker, Timex

NEG_WORDS = NEGATIONS


def dep(tok: Token) -> str:
    return tok.dep_.lower()


def base_dep(tok: Token) -> str:
    return tok.dep_.lower().split(":", 1)[0]


def is_negated(tok: Token) -> bool:
    for c in tok.children:
        if dep(c) == "neg" or (base_dep(c) in ("advmod", "neg") and c.lower_ in NEG_WORDS):
            return True
    return False


def trim_span(text: str, start: int, end: int, strip: str = " \t\n,;:—–-") -> Span | None:
    """Trim whitespace and the given punctuation from both ends; None if nothing is left."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return Span(start, end) if end > start else None


@dataclass
class Candidate:
    """A quote under construction (mutable while the rules refine it)."""

    kind: str  # direct | indirect | mixed | no_comment | stance
    content: list[Span]
    cue: Span | None
    cue_text: str
    sent_index: int
    cue_token: Token | None = None
    channel_span: Span | None = None  # the medium: "in an interview", "on his YouTube channel"
    audience_span: Span | None = None  # who was addressed: "reporters in Moscow"
    via: list[str] = field(default_factory=list)
    origin: str = "verb"  # verb | according | direct | carry | no_comment | noun
    carried_from: Candidate | None = None
    speaker: Speaker | None = None  # once resolved

    @property
    def start(self) -> int:
        starts = [s.start for s in self.content]
        if self.cue is not None:
            starts.append(self.cue.start)
        return min(starts) if starts else 0


class ArticleContext:
    """The text, its parse, its sentences/paragraphs and its quotation marks, computed once."""

    def __init__(self, text: str, doc: Doc, timexes: tuple[Timex, ...] = ()) -> None:
        self.text = text
        self.doc = doc
        self.timexes = timexes
        self.sents: list[SpacySpan] = split_sentences(text, doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.paragraphs: list[Span] = paragraphs(text)
        self.para_starts = [p.start for p in self.paragraphs]
        self.quotes: list[QuotedSpan] = find_quotes(text)
        self._quote_opens = [q.open for q in self.quotes]
        self._token_starts: list[int] | None = None

    @property
    def token_starts(self) -> list[int]:
        """Character offset of every token, for bisecting (built on first use)."""
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        return self._token_starts

    def sent_index_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def para_index_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def quote_at(self, char: int) -> QuotedSpan | None:
        """The quotation whose inner text (or marks) covers ``char``.

        Quotations never overlap (find_quotes pairs marks left to right), so only the last one
        opening at or before ``char`` can cover it: a bisection, not a scan (this is called for
        every mention and cue of an article)."""
        i = bisect.bisect_right(self._quote_opens, char) - 1
        if i < 0:
            return None
        q = self.quotes[i]
        if q.open <= char < q.outer.end:
            if any(s.start <= char < s.end for s in q.segments) or char in (q.open, q.close):
                return q
        return None

    def inside_quotation(self, char: int) -> bool:
        """``char`` lies in a quotation's own words (not on its marks): someone else's speech."""
        q = self.quote_at(char)
        return q is not None and any(s.start <= char < s.end for s in q.segments)

    def quotes_in(self, start: int, end: int) -> list[QuotedSpan]:
        return [q for q in self.quotes if q.open < end and q.outer.end > start]

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None
