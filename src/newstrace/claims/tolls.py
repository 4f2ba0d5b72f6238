"""A count told as a noun with its figure: "the death toll rose to 25", "raising the toll to 25",
"the number of injured stood at 300", "a death toll of 25", "the crash claimed 16 lives".

News gives a running count through the noun that names it rather than a verb over the number
("25 were killed"); the parse hangs the number on "rose", "to" or "at", where nothing says what it
counts. The toll noun does, and it is read from the words written just before the figure, which
are regular whatever the parse makes of them.
"""

from __future__ import annotations

import re

from newstrace.lang.en.quantities import TOLL_KINDS, TOLL_NOUNS, TOLL_RISING, TOLL_VERBS, measure_of
from newstrace.text import alternatives

_EPITHET = r"(?:(?:overall|total|official|final|confirmed|latest|new|updated)\s+)?"
# "the (overall) death toll", "its toll" ("the casualty toll" is neither: killed and injured together),
# "the number of (people) injured"
_TOLL = (
    rf"(?:\b{_EPITHET}(?P<kind>{alternatives(TOLL_KINDS)})\s+toll|\b(?:the|its|their|this|that)\s+{_EPITHET}toll)"
    rf"|\b(?:{alternatives(TOLL_NOUNS)})\s+of\s+(?:the\s+)?(?:(?:people|persons)\s+)?(?P<who>[a-z]+)"
)
_WHERE = r"(?:\s+(?:from|in|of|after|on|at)\s+[^,.;:()\d]{1,40}?)?"  # "from the quake", "in the province"
_ASIDE = r"(?:\s*,\s*[^,.;:()\d]{1,40}?,)?"  # "the death toll, officials said, rose to"
_AFTER_NOUN = re.compile(
    rf"(?:{_TOLL}){_WHERE}{_ASIDE}\s+(?:(?:has|had|have)\s+)?(?:now\s+|already\s+|since\s+)?(?:(?:is|was|were|are|been)\s+)?(?P<verb>{alternatives(TOLL_VERBS)})\s+(?:(?:to|at)\s+)?$",
    re.I,
)
# "raising the death toll to 25", "which brought the toll in Aceh to 25": a rising count
_BEFORE_NOUN = re.compile(rf"\b(?:rais|bring|brought|push|lift|driv|drove|tak|took)\w*\s+(?:(?:the|its|their|a)\s+)?(?:{_TOLL}){_WHERE}\s+to\s+$", re.I)
# "a death toll of 25"
_OF = re.compile(rf"\b(?:(?P<kind>{alternatives(TOLL_KINDS)})\s+)?toll\s+of\s+$", re.I)


def toll_measure(text: str, start: int, sentence_start: int) -> tuple[str, bool] | None:
    """(what the figure at ``start`` counts, whether the count is a running one) when a toll noun
    before it in its sentence names it: "killed" for a death toll, "injured" for the number of
    wounded; None when no toll noun governs it. ``sentence_start`` bounds the look back to the
    figure's own sentence."""
    before = text[max(sentence_start, start - 120) : start]
    for pattern in (_AFTER_NOUN, _BEFORE_NOUN, _OF):
        m = pattern.search(before)
        if m is None:
            continue
        groups = m.groupdict()
        kind, who = (groups.get("kind") or "").lower(), (groups.get("who") or "").lower()
        if who:
            measure = measure_of(who)
        else:
            measure = TOLL_KINDS[kind] if kind else "killed"  # "the toll" alone is the death toll in news
        if measure is None:
            return None  # "the number of victims": which victims is not said
        rising = pattern is _BEFORE_NOUN or (groups.get("verb") or "").lower() in TOLL_RISING
        return measure, rising
    return None


# "claimed 16 lives", "took the lives of 16 people", "cost 16 lives": lives lost are the dead
_LIVES_VERB = r"\b(?:claim|claims|claimed|claiming|take|takes|took|taken|taking|cost|costs|costing)\s+"
_LIVES_BEFORE = re.compile(_LIVES_VERB + r"(?:the\s+)?lives\s+of\s+$", re.I)
_LIVES_AFTER = re.compile(r"\s+(?:more\s+|other\s+|innocent\s+|human\s+)?lives\b", re.I)
_VERB_BEFORE = re.compile(_LIVES_VERB + r"$", re.I)


def lives_lost(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the figure at ``start``..``end`` counts lives an event claimed ("claimed 16 lives",
    "took the lives of 16 people"): a death toll told without a word of dying."""
    before = text[max(sentence_start, start - 40) : start]
    return bool(_LIVES_BEFORE.search(before) or _VERB_BEFORE.search(before) and _LIVES_AFTER.match(text, end))
