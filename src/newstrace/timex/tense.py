"""A light tense guess for the sentence around a time expression.

News convention: "on Tuesday" in "X said on Tuesday" is the Tuesday before the
report, in "X will meet on Tuesday" the one after. A parser is overkill for
that; the verb forms nearest the expression in its sentence decide.
"""

from __future__ import annotations

import bisect
import re

# Sentence ends: terminal punctuation followed by space and a capital/quote, or a line break.
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")

_FUTURE = re.compile(
    r"(?:\b(?:will|won't|wo n't|shall|going to|gonna|is to|are to|plans to|planning to|"
    r"expects to|is expected to|are expected to|is due|are due|is scheduled|are scheduled|"
    r"is set to|are set to|set to|intends to|upcoming|aims to|hopes to|scheduled|planned to|"
    r"as soon as|would|plan to|next(?!\s+to\b))\b|'ll\b)",
    re.IGNORECASE,
)
_PAST = re.compile(
    # Not passive participles after "be" ("should be completed", "will be held").
    r"\b(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?:was|were|had|did|didn't|said|told|ago|last|earlier|previously|"
    r"came|went|made|took|gave|began|met|won|lost|left|held|sent|got|saw|"
    r"fell|rose|paid|sold|bought|spent|became|brought|found|struck|hit|"
    r"[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
# Modals look forward or nowhere in particular: they make a date "nearest", not "past".
_PRESENT = re.compile(r"\b(?:is|are|am|says|has|have|does|do|remains?|should|could|may|might|must|can)\b",
                      re.IGNORECASE)
# "-ed" words that are not past verbs often enough to mislead.
_NOT_PAST = frozenset({"need", "red", "bed", "led", "feed", "speed", "seed", "indeed", "hundred",
                       "proceed", "succeed", "exceed", "embed", "shed", "bred", "wed", "breed",
                       "united", "limited", "based", "related", "armed", "detailed"})

PAST, PRESENT, FUTURE = -1, 0, 1


class TenseOracle:
    """Answers "which way does the sentence at this offset point?"; sentence starts are found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in _SENT_END.finditer(text)]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return start, end

    def markers(self, start: int, end: int) -> set[int]:
        """The tenses (PAST, PRESENT, FUTURE) some verb form of the sentence shows, the expression's own words left out."""
        s0, s1 = self.sentence(start)
        found: set[int] = set()
        for kind, rx in ((FUTURE, _FUTURE), (PAST, _PAST), (PRESENT, _PRESENT)):
            for m in rx.finditer(self.text, s0, s1):
                if start <= m.start() < end or kind == PAST and m.group(0).lower() in _NOT_PAST:
                    continue
                found.add(kind)
                break
        return found

    def tense(self, start: int, end: int) -> int | None:
        """-1 past, 0 present, +1 future, None when no verb gives it away.

        The marker nearest the expression wins: "said it will meet Friday" is future,
        "announced Friday that it will" is past. Ties go to the past (news reports).
        """
        s0, s1 = self.sentence(start)
        best: tuple[int, int] | None = None
        for kind, rx in ((FUTURE, _FUTURE), (PAST, _PAST), (PRESENT, _PRESENT)):
            for m in rx.finditer(self.text, s0, s1):
                if start <= m.start() < end:
                    continue  # words inside the expression itself ("last") don't count
                if kind == PAST and m.group(0).lower() in _NOT_PAST:
                    continue
                dist = start - m.end() if m.end() <= start else m.start() - end
                weight = dist
                if best is None or weight < best[1]:
                    best = (kind, weight)
        return None if best is None else best[0]
