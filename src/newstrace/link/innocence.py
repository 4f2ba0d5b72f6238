"""The accused's own word against the charge or the verdict: "a jury found Warren Jeffs guilty" /
"Jeffs said there was no crime"; "Smith is charged with fraud" / "Smith said he did nothing wrong".

Issue 17 counts incompatible responsibility as a conflict, and the annotation rules (rule 9) the two
sides of a trial. A plea ("pleaded not guilty") and a denial that names the crime are read by
compare._plea; this reads what an accused says in his own words that denies any crime: that there
was no crime, that he did nothing wrong, that he is innocent, that the charges are unwarranted.

The accused is named by the charge or verdict ("found NAME guilty", "convicted NAME of", "NAME was
charged with"), and the denial must be his own: its speaker's name fits the accused's, and an
innocence said of someone ("he is innocent") is said of the speaker himself (I, we, he, she, or his
name), not of another ("the girls were innocent"). A hedged statement on either side asserts
nothing; a charge that may come ("if convicted of") is no charge, and one dated away from the
story ("five years ago, Jeffs was charged") is an earlier case's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.lang.en.time_words import CALENDAR_WORDS
from newstrace.link.compare import Finding, names_fit, same_occasion, short_text
from newstrace.link.statements import REPORTER, Statement
from newstrace.text import fold

_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
# "found polygamist leader Warren Jeffs guilty", "convicted NAME of", "charged NAME with"; and
# "NAME was found guilty", "NAME, 55, is charged with", "NAME, who was indicted ..."
_ACCUSED = (
    re.compile(r"\bfound\s+(?:(?!if\b|not\b)[a-z][\w-]*\s+){0,4}?" + _NAME + r"\s+guilty\b"),
    re.compile(r"\b(?:convicted|charged|indicted)\s+(?:(?!if\b|not\b|in\b|on\b)[a-z][\w-]*\s+){0,4}?" + _NAME + r"\s+(?:of|with|for|on)\b"),
    re.compile(_NAME + r"(?:\s*,\s*(?:\d+\s*,\s*)?(?:who\s+)?|\s+)(?:also\s+)?(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(?:found\s+guilty|convicted|charged|indicted)\b"),
)
# Capitalised words that name no one: a sentence's first word, days and months, a headline's capitals.
_NOT_NAMES = frozenset("a an the he she they it in on at so but and then five".split()) | CALENDAR_WORDS


# What an accused says that denies any crime: that none was done, that he did nothing wrong, that
# the charges are false.
_NO_CRIME = re.compile(
    r"\bthere\s+(?:was|is|had\s+been|has\s+been)\s+no\s+crime\b|\bno\s+crime\s+(?:was|had\s+been|has\s+been)\s+committed\b"
    r"|\b(?:did|done|doing)\s+nothing\s+(?:wrong|illegal|criminal)\b"
    r"|\bcharges?\b[^.;]{0,80}?\b(?:were|was|are|is)\s+(?:unwarranted|baseless|unfounded|false|groundless|fabricated|bogus|trumped[\s-]up)\b",
    re.I,
)
_SELF = r"(?:I|we|he|she|my\s+client|his\s+client|her\s+client|{name})"
_INNOCENT = r"\b{self}\s+(?:am|is|was|are|were|remains?|remained)\s+(?:completely\s+|totally\s+|entirely\s+)?(?:innocent|not\s+guilty)\b"
_PLACE_BEFORE = re.compile(r"\b(?:in|from|of|near|at|to|for|by|with)\s+(?:the\s+)?$", re.I)
_HEDGED = re.compile(r"\b(?:if|whether|unless|could|would|might|may)\b", re.I)


@lru_cache(maxsize=65536)
def accused(s: Statement) -> str | None:
    """The person a charge or verdict the statement asserts names, as written ("Warren Jeffs")."""
    if s.claim is None or s.claim.hedged:
        return None
    for pattern in _ACCUSED:
        for m in pattern.finditer(s.text):
            words = m.group("name").split()
            while words and words[0].lower() in _NOT_NAMES:
                words.pop(0)
            before = s.text[: m.start("name")]
            if _PLACE_BEFORE.search(before):
                continue  # "a man in Canada is charged", "aged 24 and from Wellington, was charged": a place, not the accused
            if words and not any(w.isupper() and len(w) > 1 for w in words) and not _HEDGED.search(before):
                return " ".join(words)
    return None


@lru_cache(maxsize=65536)
def denies_any_crime(s: Statement) -> bool:
    """Whether the statement says no crime was done by its speaker: "there was no crime", "I did
    nothing wrong", "he is innocent" (the speaker being "he"), "the charges were unwarranted"."""
    if s.claim is None or s.claim.hedged or s.narration or s.speaker == REPORTER:
        return False
    if _NO_CRIME.search(s.text):
        return True
    own = "|".join(re.escape(w) for w in s.speaker.split() if w[:1].isupper())
    return _innocent(own).search(s.text) is not None


@lru_cache(maxsize=4096)
def _innocent(own: str) -> re.Pattern[str]:
    """The pattern of "I am innocent", "he is not guilty" or "NAME is innocent", for a speaker whose
    capitalised words are ``own`` (escaped, joined by "|"); compiled once per speaker."""
    return re.compile(_INNOCENT.format(self=_SELF.format(name=own) if own else _SELF.format(name="I")), re.I)


def accused_denies(x: Statement, y: Statement) -> list[Finding]:
    """A finding when one statement charges or convicts a named person and the other is that person
    saying no crime was done."""
    for charge, denial in ((x, y), (y, x)):
        who = accused(charge)
        if who is None or not denies_any_crime(denial) or accused(denial) is not None:
            continue
        if not names_fit(fold(who), fold(denial.speaker)) or not same_occasion(charge, denial):
            continue  # another's denial, or a charge dated away from the story ("five years ago, Jeffs was charged")
        return [
            Finding(
                "denial", 0.75, f"the accused against the charge: '{short_text(charge.text)}' vs {denial.speaker}: '{short_text(denial.text)}'",
                f"whether {who} committed the crime", ("accused-denies", fold(who).split()[-1]),
                "charged" if charge is x else "denies", "denies" if charge is x else "charged",
            )
        ]
    return []


def about_guilt(s: Statement) -> bool:
    """Whether the statement names an accused or denies a crime: the finder pairs these."""
    return accused(s) is not None or denies_any_crime(s)
