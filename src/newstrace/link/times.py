"""When the story's event happened: two sources giving it different times of day.

"The school was hit at 3.45pm" against "three shells hit Fakhura at about 3pm"; "attacked the camp
at 2:53 p.m." against "dropped the bombs at 3:20 p.m.". A statement gives the event's time when its
verb tells the event happening (hit, struck, attacked, dropped, exploded, came, occurred); its
first time of day is the event's. Two such times conflict when their ranges do not meet: an exact time allows
a few minutes, a round hour or "about" a quarter of an hour. Times more than an hour apart are
taken for two events of one day (the first blast and the second; ``compare.same_occasion``), and a
time given in GMT or UTC is not set against a local one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.lang.en.incidents import EVENT_VERBS
from newstrace.link.statements import Statement
from newstrace.model import Article
from newstrace.text import stem

EXACT_MINUTES = 5  # an exact time ("2:53 p.m.") allows this much either way
APPROX_MINUTES = 15  # "about 3pm", a round hour

_EVENT_STEMS = frozenset(stem(v) for v in EVENT_VERBS)
_ZONE = re.compile(r"^\W{0,3}(?:hours\s+)?(?:\(\s*)?(?:GMT|UTC|Z\b|ET\b|EST|EDT|PT\b|PST|PDT|CET|CEST|BST)", re.I)
_LOCAL = re.compile(r"^\W{0,3}(?:hours\s+)?local\s+time", re.I)


@dataclass(frozen=True, slots=True)
class EventTime:
    minutes: int  # minutes after midnight
    slack: int  # allowed either way
    zone: str  # "utc", "local" or "" (unsaid)
    written: str


def event_time(article: Article, s: Statement) -> EventTime | None:
    """The time of day a statement gives for an event happening (its first), or None."""
    c = s.claim
    if c is None or c.hedged or c.negated or stem(c.predicate) not in _EVENT_STEMS and c.predicate not in _EVENT_STEMS:
        return None
    found = []
    for t in article.timexes:
        if not (s.start <= t.span.start < s.end) or not t.value:
            continue
        m = re.search(r"T(\d\d):(\d\d)", t.value)
        if m is None:
            continue
        minutes = int(m.group(1)) * 60 + int(m.group(2))
        written = " ".join(article.text[t.span.start : t.span.end].split())
        approx = t.mod == "APPROX" or m.group(2) == "00" or bool(re.search(r"\b(?:about|around|approximately|roughly|some|nearly|almost|shortly|just)\s*$", article.text[max(0, t.span.start - 20) : t.span.start], re.I))
        after = article.text[t.span.end : t.span.end + 20]
        zone = "utc" if _ZONE.match(after) or re.search(r"GMT|UTC", written) else "local" if _LOCAL.match(after) or "local" in written.lower() else ""
        found.append(EventTime(minutes, APPROX_MINUTES if approx else EXACT_MINUTES, zone, written))
    # the first time is the main clause's ("hit Fakhura at about 3pm ..., the UN said at 12am yesterday")
    return found[0] if found else None


def times_conflict(a: EventTime, b: EventTime) -> bool:
    """Whether two times of one event cannot both be right (the occasion is checked by the caller)."""
    if {a.zone, b.zone} == {"utc", "local"} or ("utc" in (a.zone, b.zone) and "" in (a.zone, b.zone)):
        return False  # 07:37 GMT and 7:37 local are different clocks
    return a.slack + b.slack < abs(a.minutes - b.minutes)
