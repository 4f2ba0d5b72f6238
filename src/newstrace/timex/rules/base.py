"""Rule registration and small helpers shared by the rule modules."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..candidate import RuleResult
from ..lexicon import MONTHS, WEEKDAYS

Handler = Callable[[re.Match[str], str], RuleResult]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and its handler.

    ``trigger`` is a cheap regex for a word every match contains ("ago", a month name);
    when given, the full pattern only runs in windows of ``back`` characters before and
    ``fwd`` after each trigger. Patterns that open with optional words ("the past",
    "more than") are slow to try at every offset of a long text; this keeps tagging
    linear in the number of likely places instead.
    """

    name: str
    regex: re.Pattern[str]
    handler: Handler
    trigger: re.Pattern[str] | None = None
    back: int = 0
    fwd: int = 0

    def finditer(self, text: str) -> list[re.Match[str]]:
        if self.trigger is None:
            return list(self.regex.finditer(text))
        ranges: list[list[int]] = []
        for t in self.trigger.finditer(text):
            lo, hi = max(0, t.start() - self.back), min(len(text), t.end() + self.fwd)
            if ranges and lo <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], hi)
            else:
                ranges.append([lo, hi])
        found: list[re.Match[str]] = []
        for lo, hi in ranges:
            # Start the window at a word boundary so a match cannot begin mid-word.
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
            found.extend(self.regex.finditer(text, lo, hi))
        return found


RULES: list[Rule] = []


def rule(
    pattern: str,
    flags: int = re.IGNORECASE,
    trigger: str | None = None,
    back: int = 60,
    fwd: int = 40,
) -> Callable[[Handler], Handler]:
    """Register ``handler`` for every match of ``pattern`` (case-insensitive unless told)."""

    def register(handler: Handler) -> Handler:
        trig = re.compile(trigger, flags) if trigger else None
        RULES.append(Rule(handler.__name__, re.compile(pattern, flags), handler, trig, back, fwd))
        return handler

    return register


def month_of(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def weekday_of(word: str) -> int:
    return WEEKDAYS[word.rstrip(".").lower()]


def day_of(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def before(text: str, pos: int, n: int = 30) -> str:
    """The lower-cased text just before ``pos`` (for context checks)."""
    return text[max(0, pos - n) : pos].lower()


def after(text: str, pos: int, n: int = 30) -> str:
    return text[pos : pos + n].lower()


def title_case_name(unit: str, text: str, start: int) -> bool:
    """Whether a calendar word written with a capital inside a sentence makes the phrase a title
    ("60 Minutes", ABC's "This Week"): units are written in lower case, names are not."""
    if not unit[:1].isupper() or unit.isupper():
        return False
    lead = text[max(0, start - 3) : start]
    return start > 0 and not re.search(r"(?:[.!?]\s*|\n\s*|^\s*)$", lead)
