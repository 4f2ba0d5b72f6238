"""One deed said to be done in opposite manners by two sources: "Reyes accidentally shot his brother"
/ "Reyes deliberately shot his brother"; "set the fire on purpose" / "by accident"; "legally bought" /
"illegally bought".

Only manners of intent and of lawfulness are read: whether a deed was meant, and whether it was
allowed, are what the sides of a trial or an inquiry dispute. Other manners ("quickly" / "slowly",
"initially" / "finally") tell how or when, and two sources giving two of them are rarely in conflict.
The manner is an adverb beside the statement's verb (a verb whose form begins with its stem: "bought"
is missed) or a set phrase after it; two manners oppose
when WordNet gives their adjectives as opposites (lang/en/senses.adjectives_opposed).

Two statements are set against each other only when they tell one deed: the same verb, done by one
named doer (compare.names_fit) or to one named thing, both asserted (no hedge, no denial), of one
occasion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.claims.propositions import WEAK_PREDICATES
from newstrace.lang.en.senses import adjectives_alike, adjectives_opposed
from newstrace.link.compare import Finding, another_incident, denies, done_to, names_fit, same_occasion
from newstrace.link.statements import Statement
from newstrace.text import as_written

# The kinds of manner read: intent and lawfulness (WordNet clusters of these adjectives).
_KINDS = frozenset("intended unintended intentional accidental deliberate legal illegal lawful unlawful voluntary involuntary".split())
# Set phrases of intent after the verb.
_PHRASES = {"on purpose": "deliberate", "by accident": "accidental", "by mistake": "accidental"}
_HEDGE = re.compile(r"\b(?:reportedly|apparently|allegedly|possibly|probably|likely|may|might|could|would|whether|if)\b", re.I)


@dataclass(frozen=True, slots=True)
class Manner:
    adjective: str  # "accidental" of "accidentally"
    written: str  # "accidentally shot"


@lru_cache(maxsize=8192)
def _manner_adjective(word: str) -> str | None:
    """The adjective of a manner adverb of intent or lawfulness ("deliberately" -> "deliberate")."""
    if not word.endswith("ly") or len(word) < 6:
        return None
    adjective = word[:-2]
    return adjective if any(adjectives_alike(adjective, k) for k in _KINDS) else None


# The patterns of a manner before and after the verb, compiled once per predicate rather than once
# per statement (re's own cache of 512 patterns is outrun by a story's predicates).
@lru_cache(maxsize=4096)
def _adverb_before(predicate: str) -> re.Pattern[str]:
    """"accidentally shot", "deliberately been set": an adverb right before the verb."""
    verb = re.escape(predicate) + r"[a-z]*"
    return re.compile(rf"\b(?P<adv>[a-z]+ly)\s+(?:(?:been|be)\s+)?(?P<verb>{verb})\b", re.I)


@lru_cache(maxsize=4096)
def _adverb_after(predicate: str) -> re.Pattern[str]:
    """"set the fire on purpose", "bought it legally": an adverb or a set phrase up to four words after the verb."""
    verb = re.escape(predicate) + r"[a-z]*"
    return re.compile(rf"\b(?P<verb>{verb})\s+(?:[\w'’-]+\s+){{0,4}}?(?P<adv>[a-z]+ly|on purpose|by accident|by mistake)\b", re.I)


@lru_cache(maxsize=65536)
def manner_of(s: Statement) -> Manner | None:
    """The manner the statement gives its main verb's deed, or None."""
    c = s.claim
    if c is None or c.hedged or c.predicate in WEAK_PREDICATES or ":" in c.predicate or len(c.predicate) < 3 or _HEDGE.search(s.text):
        return None
    for m in _adverb_before(c.predicate).finditer(s.text):
        if (adjective := _manner_adjective(m.group("adv").lower())) is not None:
            return Manner(adjective, " ".join(m.group(0).split()))
    for m in _adverb_after(c.predicate).finditer(s.text):
        said = m.group("adv").lower()
        adjective = _PHRASES.get(said) or _manner_adjective(said)
        if adjective is not None:
            return Manner(adjective, " ".join(m.group(0).split()))
    return None


def _one_deed(x: Statement, y: Statement) -> bool:
    """The same verb, by one named doer, or done to one named person or thing where no doer is
    said, both asserted. A doer told by a common noun ("a man") is not known to be one."""
    cx, cy = x.claim, y.claim
    if cx is None or cy is None or cx.predicate != cy.predicate or denies(x) or denies(y):
        return False
    if cx.subject and cy.subject:
        return _named(cx.subject, x.text) and _named(cy.subject, y.text) and names_fit(cx.subject, cy.subject)
    px, py = done_to(x), done_to(y)
    return bool(px and py and _named(px, x.text) and _named(py, y.text) and names_fit(px, py))


def _named(name: str, text: str) -> bool:
    """Whether a folded name is written with a capital in the text (a name, not a common noun)."""
    last = name.split()[-1] if name.split() else ""
    return bool(last) and re.search(rf"\b{re.escape(last[:1].upper() + last[1:])}\b", text) is not None


def opposite_manners(x: Statement, y: Statement) -> list[Finding]:
    """A finding when ``x`` and ``y`` tell one deed done in opposite manners (see the module's text)."""
    mx, my = manner_of(x), manner_of(y)
    if mx is None or my is None or not adjectives_opposed(mx.adjective, my.adjective) or not _one_deed(x, y):
        return []
    if another_incident(x) or another_incident(y) or not same_occasion(x, y):
        return []
    cx = x.claim
    assert cx is not None
    doer = cx.subject or done_to(x) or ""
    deed = as_written(f"{doer} {cx.predicate}", [x.text, y.text], stems=True)
    return [
        Finding(
            "denial", 0.7, f"opposite manners: '{mx.written}' vs '{my.written}'", f"how {deed}: {mx.adjective} or {my.adjective}",
            ("manner", doer.split()[-1] if doer else "", cx.predicate), mx.adjective, my.adjective,
        )
    ]


def manner_key(s: Statement) -> str | None:
    """What the finder buckets a statement with a manner by: its verb."""
    return s.claim.predicate if s.claim is not None and manner_of(s) is not None else None
