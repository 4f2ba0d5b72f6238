"""When the story's event happened: two sources giving it different times of day.

"The school was hit at 3.45pm" against "three shells hit Fakhura at about 3pm"; "attacked the camp
at 2:53 p.m." against "dropped the bombs at 3:20 p.m.". A statement gives the event's time when its
verb tells the event happening (hit, struck, attacked, dropped, exploded, came, occurred); its
first time of day is the event's. Two such times conflict when their ranges do not meet: an exact time allows
a few minutes, a round hour or "about" a quarter of an hour. Times more than an hour apart are
taken for two events of one day (the first blast and the second; ``compare.same_occasion``). A time
given in GMT or UTC ("at 0737 GMT") is set against a local one only when the story's clock is
known: the time zone of the places its articles name (:func:`story_offset`), on the story's date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newstrace.gazetteer import zones
from newstrace.lang.en.incidents import EVENT_VERBS
from newstrace.link.statements import Statement
from newstrace.model import Article
from newstrace.text import fold, stem

EXACT_MINUTES = 5  # an exact time ("2:53 p.m.") allows this much either way
APPROX_MINUTES = 15  # "about 3pm", a round hour
TWO_EVENTS_MINUTES = 60  # times further apart are two events of one day (the first blast and the second)

_EVENT_STEMS = frozenset(stem(v) for v in EVENT_VERBS)
_ZONE = re.compile(r"^\W{0,3}(?:hours\s+)?(?:\(\s*)?(?:GMT|UTC|Z\b|ET\b|EST|EDT|PT\b|PST|PDT|CET|CEST|BST)", re.I)
_LOCAL = re.compile(r"^\W{0,3}(?:hours\s+)?local\s+time", re.I)


# An event verb right before a time ("took place at", "struck at about"), where the statement's main
# predicate is another ("The epicentre was 55 km from Bireun, and took place at 7:37 AM").
_EVENT_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(EVENT_VERBS, key=len, reverse=True)) + r"|(?:took|takes|taken|taking)\s+place)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:at|around|about|shortly\s+(?:after|before))\s+(?:about\s+|around\s+|approximately\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class EventTime:
    minutes: int  # minutes after midnight
    slack: int  # allowed either way
    zone: str  # "utc", "local" or "" (unsaid)
    written: str


def event_time(article: Article, s: Statement) -> EventTime | None:
    """The time of day a statement gives for an event happening (its first), or None."""
    c = s.claim
    if c is None or c.hedged or c.negated:
        return None
    told = stem(c.predicate) in _EVENT_STEMS or c.predicate in _EVENT_STEMS
    found = []
    for t in article.timexes:
        if not (s.start <= t.span.start < s.end) or not t.value:
            continue
        if not told and not _EVENT_BEFORE.search(article.text, max(s.start, t.span.start - 50), t.span.start):
            continue  # "..., and took place at 7:37 AM local time": the time's own verb tells the event
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


def times_conflict(a: EventTime, b: EventTime, offset: int | None = None) -> bool:
    """Whether two times of one event cannot both be right (the occasion is checked by the caller).
    ``offset``: the story's local clock, minutes ahead of UTC (:func:`story_offset`); without it a
    UTC time is not set against a local or unsaid one."""
    if not comparable_clocks(a, b, offset):
        return False
    apart = _apart(local_minutes(a, offset), local_minutes(b, offset))
    # an hour apart both on the story's clock and as written: two events ("07:37 GMT" against
    # "7:37 AM local time" is one event's time given on two clocks)
    return a.slack + b.slack < apart and min(apart, _apart(a.minutes, b.minutes)) <= TWO_EVENTS_MINUTES


def _apart(x: int, y: int) -> int:
    d = abs(x - y) % (24 * 60)
    return min(d, 24 * 60 - d)


def comparable_clocks(a: EventTime, b: EventTime, offset: int | None) -> bool:
    """Two times read on one clock: both UTC, both local (or unsaid), or UTC against local where
    the story's offset is known."""
    return a.zone == b.zone or "utc" not in (a.zone, b.zone) or offset is not None


def local_minutes(t: EventTime, offset: int | None) -> int:
    """The time on the story's local clock (a UTC time moved by the offset)."""
    return (t.minutes + offset) % (24 * 60) if t.zone == "utc" and offset is not None else t.minutes


def story_offset(named: Iterable[Iterable[str]], day: str | None) -> int | None:
    """The local clock of a story, in minutes ahead of UTC on ``day`` (ISO date; summer time
    counts): the clock of the places its articles name (``named``: each article's folded place
    names), when one clock is named by at least twice as many articles as any other. None when
    no place's clock is known, or the places keep different clocks (a dateline abroad)."""
    when = _noon(day)
    votes: Counter[int] = Counter()
    for places in named:
        votes.update({off for p in places if (off := _offset(p, when)) is not None})
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [(0, 0)]
    return best if n >= 2 * rest[0][1] else None


def _noon(day: str | None) -> datetime:
    try:
        return datetime.fromisoformat((day or "")[:10]).replace(hour=12)
    except ValueError:
        return datetime(2024, 1, 1, 12)


def _offset(place: str, when: datetime) -> int | None:
    zone = _zones().get(place)
    if zone is None:
        return None
    try:
        delta = when.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return None  # no time zone database on this machine: the clock stays unknown
    return int(delta.total_seconds() // 60) if delta is not None else None


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {fold(place): zone for place, zone in zones().items()}


def clock_label(t: EventTime, offset: int | None) -> str:
    """How a time is shown in a reason: as written, with the local time a UTC one stands for."""
    if t.zone == "utc" and offset is not None:
        m = local_minutes(t, offset)
        return f"{t.written} ({m // 60:02d}:{m % 60:02d} local)"
    return t.written
