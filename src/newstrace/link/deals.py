"""What a deal is worth: a contract, offer or bid to a named person, valued in money, as sports and
business pages write it ("signed Elton Brand to an $82 million deal", "offered Teixeira an
eight-year deal worth $184 million", "made Mark Teixeira an eight-year, $200 million offer").

A value is read only where the amount is written onto the deal's noun ("a $200 million offer", "a
deal worth nearly $80 million"), for the name written last before it (whom the deal is for). The
other names before it say who made it: two values are one deal's only when both statements name the
same maker, or one names none ("They signed Elton Brand ..."). A deal told apart from another
("his previous contract", "a new offer", "an extension") and a yearly amount ("$23 million per
season") are not read: they are other deals or other quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.claims.figures import read_figures
from newstrace.claims.ranges import Range
from newstrace.link.name_fit import names_fit
from newstrace.text import STOPWORDS, fold, tokens

_DEAL = r"(?:offer|deal|contract|bid|proposal|pact|package)s?"
# "a $200 million offer", "an eight-year, $82 million deal": the amount right before the noun
_BEFORE_NOUN = re.compile(rf"^\s*(?:[\w-]+\s+)?{_DEAL}\b", re.I)
# "a deal worth nearly $80 million", "an offer of $150 million": the noun right before the amount
_AFTER_NOUN = re.compile(rf"\b{_DEAL}\s+(?:(?:is|was)\s+)?(?:worth|of|valued\s+at|totall?ing)\s+(?:[\w-]+\s+){{0,3}}?$", re.I)
_MILLIONS = re.compile(r"(?:MM|M|mil)\b")
_YEARLY = re.compile(r"^\s*(?:a|per|each|every)\s+(?:year|season|month|week)\b|^\s*annually\b|^\s*a-year\b", re.I)
# words that tell one deal from another of the same person
_OTHER_DEAL = re.compile(r"\b(?:previous|old|former|first|initial|earlier|original|new|current|next|revised|improved|rookie|extension)\b", re.I)
_NAME = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})")
_NOT_NAMES = frozenset("the a an in on at but and they he she it we his her their its this that general manager coo ceo owner".split())


@dataclass(frozen=True, slots=True)
class DealValue:
    recipient: str  # folded name
    makers: frozenset[str]  # folded words of the other names before it
    range: Range
    written: str


@lru_cache(maxsize=8192)
def deal_values(text: str) -> tuple[DealValue, ...]:
    """The money values of deals the text writes onto a deal noun, each with whom it is for."""
    out = []
    for raw in read_figures(text, 0, len(text)):
        if raw.unit != "$":
            continue
        before, after = text[: raw.start], text[raw.end :]
        low, high = raw.range
        if (m := _MILLIONS.match(after)) and (high or low or 0) < 10_000:
            # "$200MM", "$184M": the sports pages' millions, which the figure reader leaves as dollars
            low, high = (v * 1e6 if v is not None else None for v in (low, high))
            after = after[m.end() :]
        if _YEARLY.match(after):
            continue
        noun_after = _BEFORE_NOUN.match(after)
        noun_before = _AFTER_NOUN.search(before[-80:])
        if not noun_after and not noun_before:
            continue
        deal_words = (before[-60:] + (noun_after.group(0) if noun_after else ""))
        if _OTHER_DEAL.search(deal_words.split(",")[-1] if noun_after else before[-60:]):
            continue
        names = [m for m in _NAME.finditer(before) if fold(m.group(0)).split()[0] not in _NOT_NAMES or len(m.group(0).split()) > 1]
        names = [n for n in names if _words(n.group(0))]
        if not names:
            continue
        recipient = names[-1]
        if len(before) - recipient.end() > 60:
            continue  # the name is not near enough to be whom the deal is for
        makers = frozenset(w for n in names[:-1] for w in _words(n.group(0)))
        written = " ".join(text[raw.start : raw.end].split()) + (m.group(0) if m else "")
        out.append(DealValue(" ".join(_words(recipient.group(0))), makers, (low, high), written))
    return tuple(out)


def _words(name: str) -> list[str]:
    return [w for w in tokens(name) if w not in STOPWORDS and w not in _NOT_NAMES and len(w) > 1]


def one_deal(a: DealValue, b: DealValue) -> bool:
    """Whether two values can be of one deal: for the same person (names that fit as a reader matches
    them: one surname, given names that agree where both write one), made by the same maker where
    both name one."""
    if not names_fit(a.recipient, b.recipient):
        return False
    return not a.makers or not b.makers or bool(a.makers & b.makers)
