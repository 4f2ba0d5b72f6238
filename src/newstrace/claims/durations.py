"""How long the event went on, as a statement gives it with "for": "the quake was felt strongly for
around 15 seconds", "shook houses for around one minute", "the fire burned for six hours". A duration
is the event's when its verb's subject names the event; it is read from the time layer (a DURATION
expression) and the parse, as a figure in seconds. A length told by a verb of lasting ("the siege
lasted two days", "took three hours") is :mod:`newstrace.link.durations`'s, not read here.
"""

from __future__ import annotations

import re

from newstrace.claims.ranges import bounded
from newstrace.lang.en.durations import LENGTH_VERBS
from newstrace.lang.en.incidents import LASTING_EVENTS
from newstrace.lang.en.quantities import APPROXIMATE, LOWER_BOUNDS, NEAR_BELOW, QUAKE_NOUNS, UPPER_BOUNDS
from newstrace.model import Figure, Span, Timex

_SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "W": 7 * 86400}
_VALUE = re.compile(r"^PT?(?P<n>\d+(?:\.\d+)?)(?P<u>[SMHDW])$")
_BOUND_BEFORE = re.compile(
    r"\b(?P<b>" + "|".join(re.escape(w) for w in sorted((*APPROXIMATE, *LOWER_BOUNDS, *UPPER_BOUNDS, *NEAR_BELOW), key=len, reverse=True)) + r")\s+$",
    re.I,
)


def durations_in(doc, text: str, timexes: tuple[Timex, ...], start: int, end: int) -> tuple[Figure, ...]:
    """Figures ("duration", seconds, about the event) for the durations of the event in text[start:end]."""
    out: list[Figure] = []
    for t in timexes:
        if t.type != "DURATION" or not t.value or not (start <= t.span.start < end):
            continue
        m = _VALUE.match(t.value)
        if m is None or m.group("u") == "M" and not t.value.startswith("PT"):
            continue  # "P3M" is three months, "P2Y" two years: no one event of a story
        event = _event_of(doc, t.span.start, t.span.end) or _event_before(text, max(start, t.span.start - 80), t.span.start)
        if event is None:
            continue
        seconds = float(m.group("n")) * _SECONDS[m.group("u")]
        bound = _BOUND_BEFORE.search(text, max(start, t.span.start - 25), t.span.start)
        kind = None if bound is None else _bound_kind(bound.group("b").lower())
        low, high = bounded(seconds, kind, measurement=True)
        begin = bound.start("b") if bound is not None else t.span.start
        out.append(Figure(Span(begin, t.span.end), low, high, "s", "duration", event))
    return tuple(out)


def _bound_kind(word: str) -> str:
    if word in (w.lower() for w in LOWER_BOUNDS):
        return "lower"
    if word in (w.lower() for w in UPPER_BOUNDS):
        return "upper"
    if word in (w.lower() for w in NEAR_BELOW):
        return "near"
    return "approx"


def _event_of(doc, a: int, b: int) -> str | None:
    """The event a duration is of: the subject of the verb the duration hangs on ("for 15 seconds",
    "lasted two days"), when it names a lasting event ("quake", "fire", "siege")."""
    toks = [t for t in doc if a <= t.idx < b]
    if not toks:
        return None
    head = next((t for t in toks if t.head.i == t.i or not (a <= t.head.idx < b)), toks[-1])
    verb = head.head
    if head.dep_ != "obl" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in LENGTH_VERBS:
        return None
    if not any(c.lower_ == "for" for c in head.children):
        return None  # "within two hours", "after 20 minutes": not how long it went on
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None:
        return None
    return _event_kind(subj.lemma_.lower())


def _event_kind(word: str) -> str | None:
    if word in QUAKE_NOUNS:
        return "quake"
    return word if word in LASTING_EVENTS else None


_EVENT_WORDS = "|".join(sorted((*QUAKE_NOUNS, *LASTING_EVENTS), key=len, reverse=True))
# Where the parse is lost ("as the quake shook houses for around one minute"): the event noun, its
# verb and "for" right before the duration (not a verb of lasting: link/durations reads those).
_EVENT_TEXT = re.compile(
    rf"\b(?:the|a|an|its|this)\s+(?:[\w-]+\s+)?(?P<e>{_EVENT_WORDS})s?\s+(?:(?:was|were|has|had|have)\s+(?:been\s+)?)?"
    r"(?!(?:last|lasted|lasts|took|takes|continued|continues|persisted|dragged)\b)[a-z]+(?:\s+[a-z]+){0,2}?\s+for\s+"
    r"(?:about|around|some|roughly|approximately|nearly|almost|more than|less than|over|under|at least)?\s*$",
    re.I,
)


def _event_before(text: str, a: int, b: int) -> str | None:
    m = _EVENT_TEXT.search(text, a, b)
    return _event_kind(m.group("e").lower()) if m else None
