"""Find quoted stretches of text from double quote marks, robustly.

Real pages mix straight and curly marks, use them the wrong way round
(``“outright blackmail“ and attempts to ”intimidate ...``), leave quotes
open, continue quotes over paragraphs (no closing mark at the end of a
paragraph, an opening mark at the start of the next one), and use ``"`` as
an inch mark. The direction of a mark is therefore read from its context
first (space before and a letter after: opening; a letter before and a space
or punctuation after: closing) and from its glyph only when the context says
nothing. Quote marks are paired within a paragraph; a quote never runs past
its paragraph unless the next paragraph reopens it.

Single quote marks are ignored (they are apostrophes far more often than
quotes, and in English news they mark quotes inside quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.model import Span

OPEN_GLYPHS = frozenset("“„«‟")
CLOSE_GLYPHS = frozenset("”»")
TOGGLE_GLYPHS = frozenset('"')
_MARK_RE = re.compile('["“”„‟«»]')
_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_OPEN_LEFT = set("([{—–-/") | OPEN_GLYPHS | TOGGLE_GLYPHS
_CLOSE_RIGHT = set(".,;:!?)]}—–-…'’") | CLOSE_GLYPHS | TOGGLE_GLYPHS

#: A quoted stretch longer than this (characters) is taken to be a run-away
#: pairing of unrelated marks, not a quote.
MAX_QUOTE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One quotation: its marks and the text between them.

    ``segments`` are the inner pieces, one per paragraph the quote spans.
    ``closed`` is False for a quote whose closing mark never came (its last
    segment then stops at the end of its paragraph).
    """

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None if never closed
    segments: tuple[Span, ...]
    closed: bool

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    @property
    def outer(self) -> Span:
        """The span including the quote marks."""
        end = self.close + 1 if self.close is not None else self.end
        return Span(self.open, end)


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blocks separated by blank lines (or by lines, if there are no blank lines)."""
    splitter = _PARA_RE if _PARA_RE.search(text) else re.compile(r"\n")
    spans: list[Span] = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            spans.append(Span(pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(pos, len(text)))
    return [s for s in spans if text[s.start : s.end].strip()]


def _role(text: str, i: int) -> str:
    """'open', 'close', 'inch' or 'either' for the mark at text[i]."""
    ch = text[i]
    left = text[i - 1] if i > 0 else None
    right = text[i + 1] if i + 1 < len(text) else None
    left_space = left is None or left.isspace()
    right_space = right is None or right.isspace()
    opening = (left_space or left in _OPEN_LEFT) and not right_space
    closing = not left_space and (right_space or right in _CLOSE_RIGHT)
    if ch in TOGGLE_GLYPHS and left is not None and left.isdigit() and (right_space or (right is not None and right in ".,;)")):
        return "inch"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    if ch in OPEN_GLYPHS:
        return "open"
    if ch in CLOSE_GLYPHS:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def find_quotes(text: str) -> list[QuotedSpan]:
    """All quotations in ``text``, in order; never raises, never returns a span over MAX_QUOTE_CHARS."""
    quotes: list[QuotedSpan] = []
    paras = paragraphs(text)
    # Pending quote carried into the next paragraph: (open offset, segments so far).
    pending: tuple[int, list[Span]] | None = None
    for p_index, para in enumerate(paras):
        marks = [m.start() for m in _MARK_RE.finditer(text, para.start, para.end)]
        open_at: int | None = None
        segs: list[Span] = []
        cont_from: int | None = None
        if pending is not None:
            # A continued quote must reopen with the paragraph's first character.
            first = para.start
            while first < para.end and text[first].isspace():
                first += 1
            if marks and marks[0] == first and _role(text, first) in ("open", "either"):
                open_at, segs = pending[0], pending[1]
                cont_from = marks.pop(0) + 1
            else:
                _emit_unclosed(text, quotes, pending[0], pending[1])
            pending = None
        for i in marks:
            role = _role(text, i)
            if role == "inch" and open_at is None:
                continue
            if open_at is None:
                if role == "close":
                    continue  # stray closing mark
                open_at, segs, cont_from = i, [], None
                continue
            if role == "open" and _looks_reopened(text, open_at, i):
                # The earlier mark never closed: forget it, start again here.
                open_at, segs, cont_from = i, [], None
                continue
            start = cont_from if cont_from is not None else open_at + 1
            seg = _trim(text, start, i)
            pieces = [*segs, seg] if seg else list(segs)
            if pieces and sum(s.end - s.start for s in pieces) <= MAX_QUOTE_CHARS:
                quotes.append(QuotedSpan(open_at, i, tuple(pieces), True))
            open_at, segs, cont_from = None, [], None
        if open_at is not None:
            start = cont_from if cont_from is not None else open_at + 1
            seg = _trim(text, start, para.end)
            pieces = [*segs, seg] if seg else list(segs)
            if p_index + 1 < len(paras) and pieces:
                pending = (open_at, pieces)
            elif pieces:
                _emit_unclosed(text, quotes, open_at, pieces)
    if pending is not None:
        _emit_unclosed(text, quotes, pending[0], pending[1])
    quotes.sort(key=lambda q: q.open)
    return quotes


def _looks_reopened(text: str, open_at: int, i: int) -> bool:
    """An opening-looking mark inside an open quote: was the earlier mark left unclosed?

    Only when the earlier quote already ended a sentence inside (``. `` before
    the new mark), which is how unclosed quotes usually look; otherwise the
    mark is taken as a (misdirected) closing mark.
    """
    between = text[open_at + 1 : i].rstrip()
    return bool(between) and between[-1] in ".!?" and i - open_at > 40


def _emit_unclosed(text: str, quotes: list[QuotedSpan], open_at: int, segs: list[Span]) -> None:
    if segs and sum(s.end - s.start for s in segs) <= MAX_QUOTE_CHARS:
        quotes.append(QuotedSpan(open_at, None, tuple(segs), False))
