"""The calendar day of the story's event: two sources giving one event different days.

"Police arrested the gunman on December 13" against "... arrested the gunman on 12 December". A
statement gives its event's day when exactly one day is written out in it as a calendar date (a
month and a day, "Dec. 13, 2008", "12 December", "12/13/2008"), or one weekday by name ("on
Tuesday", "Wednesday morning"), read even where the timex layer left it without a value (a page
with no publication date). A weekday or "yesterday" alone is resolved against the publication date
and may carry its error, so its date is never compared: a weekday is compared by its name, against
another weekday ("arrested on Tuesday" against "arrested Wednesday") or against the weekday a
calendar date falls on, at least two days apart then ("on Friday" against "on Dec. 10, 2008", a
Wednesday), and "yesterday" not at all. A date after "until",
"since", "by" and the like bounds a period and is not the day anything happened; a date of another
event named in the clause ("arrested on Monday for the murder on December 3", "in connection with
the December 3 killing") is not the verb's; a clause giving two days does not say which is the
event's. Two calendar days one apart may both be right when the event fell at night (said so, or a
clock time between 9 p.m. and 3 a.m.) or a clock zone is named (the local date against the
wire's). A statement with no day but one month written with its year ("overturned in July 2010")
gives its event's month: two such months of one event conflict ("in August 2010"); a month is never
set against a day (the day may fall in it, or the month be rounded), nor a month without its year
(of which year is not said). Whether two statements tell one event is
:func:`newstrace.link.compare.same_event`'s decision.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newstrace.lang.en.disagreement import REBUTTAL_VERBS
from newstrace.lang.en.durations import BOUND_WORDS, CONSEQUENCE_PARTICIPLES, NIGHT_WORDS, OTHER_EVENT_WORDS, SCHEDULE_WORDS
from newstrace.link.statements import Statement
from newstrace.model import Article, Claim, Span, Timex
from newstrace.text import fold, stem
from newstrace.timex.numbers import WORD_NUMBERS

_DAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\W|$)", re.I)
_NUMERIC = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_WEEKDAYS = "mon tue wed thu fri sat sun".split()
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|\.|sday|nesday|rsday|urday)?\b(?!['’]s)", re.I)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
_MONTH_VALUE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")  # a month of a year, no day: "July 2010"
_UNRESOLVED = "weekday:"  # the key of a weekday the timex layer left without a value
_BOUND = re.compile(r"\b(?:" + "|".join(sorted(BOUND_WORDS)) + r"|as\s+of|no\s+later\s+than)\s+(?:(?:the|late|early|mid)\s+)?$", re.I)
_OTHER_EVENT = re.compile(
    r"\b(?:" + "|".join(sorted(OTHER_EVENT_WORDS)) + r")\s+(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:on|of)\s+(?:\w+,?\s+)?$", re.I
)
_ATTRIBUTE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s*,?\s*(?:\d{4}\s*,?\s*)?[a-z][a-z-]+\b(?<!\band)(?<!\bor)")
_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|till|until|or|-|–)\s*", re.I)
SCHEDULED = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in sorted(SCHEDULE_WORDS)) + r")\b", re.I)
_COUNT_WORDS = sorted(set(WORD_NUMBERS) | {"dozen", "dozens", "hundreds", "thousands", "several", "many", "few", "some", "scores"}, key=len, reverse=True)
_COUNTED = re.compile(r"(?:\b\d[\d,.]*|\b(?:" + "|".join(_COUNT_WORDS) + r"))\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}$", re.I)
_CONSEQUENCE = re.compile(r",\s+(?:[a-z]+ly\s+)?(?:" + "|".join(sorted(CONSEQUENCE_PARTICIPLES)) + r")\b", re.I)
_NIGHT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(NIGHT_WORDS)) + r")\b", re.I)


# Verbs telling what befalls a person once (stems, as claims give predicates): two years or days
# of "Alvarez died" are one death's, told two ways, where two of "Alvarez married" may be two weddings.
ONCE_IN_A_LIFE = frozenset("die disappear vanish bear born".split())


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str  # YYYY-MM-DD as resolved (XXXX when no year is known)
    year_written: bool  # the year is written in the date, not taken from the publication
    night: bool  # the statement puts the event at night or names a clock zone
    written: str  # as the article writes it
    weekday: int | None = None  # for a day written as a weekday only ("on Friday"): its number, Monday 0
    month: bool = False  # only the month is given ("in July 2010"): value is YYYY-MM


def event_date(article: Article, s: Statement, timexes: Sequence[Timex] | None = None) -> EventDate | None:
    """The one calendar day a statement gives for its event, or None (see the module).
    ``timexes``: the article's time expressions within the statement, where the caller has them."""
    c = s.claim
    if c is None or c.hedged or SCHEDULED.search(s.text):
        return None
    text = article.text
    days: dict[str, list[tuple[str, str]]] = {}
    months: dict[str, str] = {}  # month values (YYYY-MM) written with their year, as written
    bound_end = -1  # where the last bound of a period ended: "between March 2 and March 14" bounds twice
    for t in sorted(article.timexes if timexes is None else timexes, key=lambda t: t.span.start):
        if not (s.start <= t.span.start < s.end) or t.type not in ("DATE", "TIME"):
            continue
        if t.value:
            if t.value not in c.dates:
                continue
            if _MONTH_VALUE.match(t.value) and _MONTH.search(span := text[t.span.start : t.span.end]) and YEAR.search(span):
                key = t.value
            elif _DAY_VALUE.match(t.value) is None:
                continue
            else:
                key = t.value[:10]
        elif (unresolved := _weekday_alone(text[t.span.start : t.span.end])) is not None:
            key = f"{_UNRESOLVED}{unresolved}"  # no publication date to resolve it against: its name is still the article's
        else:
            continue
        before = text[max(s.start, t.span.start - 60) : t.span.start]
        if _ATTRIBUTE.search(before) and _NOUN_AFTER.match(text, t.span.end):
            continue  # "the December 3 killing", "the 19 July truce": a date of what the noun names
        if _CONSEQUENCE.search(text[s.start : t.span.start]):
            continue  # "..., making for a long night with a playoff looming on Sunday": a later thing's day
        if _BOUND.search(before) or _OTHER_EVENT.search(before) or bound_end >= 0 and _RANGE_JOIN.fullmatch(text[bound_end : t.span.start]):
            bound_end = t.span.end
            continue  # a bound of a period, or another event's day: not the verb's
        written = " ".join(text[t.span.start : t.span.end].split())
        if len(key) == 7:
            months.setdefault(key, written)
            continue
        days.setdefault(key, []).append((written, t.value or ""))
    if not days and len(months) == 1:
        (month, as_written), = months.items()  # no day: the month is all the statement gives
        return EventDate(month, True, False, as_written, month=True)
    if len(days) != 1:
        return None  # none, or two days: which one is the event's is not said
    (value, found), = days.items()
    if value.startswith(_UNRESOLVED):
        value = "XXXX-XX-XX"
    late = any((m := re.search(r"T(\d\d):", v)) and not 3 <= int(m.group(1)) < 21 for v in c.dates)  # "at 11:40 p.m."
    night = late or bool(_NIGHT.search(s.text))
    calendar = [w for w, _ in found if _MONTH.search(w) or _NUMERIC.search(w)]
    if calendar:
        return EventDate(value, bool(YEAR.search(calendar[0])), night, calendar[0])
    # a weekday alone: its date is resolved against publication and may carry its error, but the
    # weekday itself is what the article writes ("yesterday" writes nothing of the kind)
    named = {_WEEKDAYS.index(m.group(1).lower()[:3]) for w, _ in found for m in _WEEKDAY.finditer(w)}
    if len(named) != 1:
        return None
    return EventDate(value, False, night, found[0][0], weekday=named.pop())


def _weekday_alone(written: str) -> int | None:
    """The weekday a time expression names when it names one and no calendar date ("Tuesday",
    "Wednesday morning"), else None."""
    if _MONTH.search(written) or _NUMERIC.search(written) or YEAR.search(written):
        return None
    named = {_WEEKDAYS.index(m.group(1).lower()[:3]) for m in _WEEKDAY.finditer(written)}
    return named.pop() if len(named) == 1 else None


_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin))*"
# "Blackmore's arrest on Tuesday", "the arrest of Winston Blackmore on Tuesday" (before the day)
_POSSESSED = re.compile(r"(?P<who>" + _NAME + r")['’]s?\s+(?P<noun>[a-z]+)\s+(?:(?:on|in)\s+)?$")
_OF_BEFORE = re.compile(r"\bthe\s+(?P<noun>[a-z]+)\s+of\s+(?P<who>" + _NAME + r")\s*,?\s+(?:(?:on|in)\s+)?$")
# "the Tuesday arrest of Winston Blackmore" (after the day)
_OF_AFTER = re.compile(r"\s*['’]?s?\s+(?P<noun>[a-z]+)\s+of\s+(?P<who>" + _NAME + r")")
# a noun counted among others of its kind is not the story's one event: "his second arrest"
_REBUTTING = frozenset(stem(v) for v in REBUTTAL_VERBS)
_ANOTHER_OF_KIND = re.compile(r"\b(?:first|second|third|earlier|previous|prior|latest|last|another|new|next|re-?[a-z]+)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class NounEvent:
    """An event a statement names with a noun and dates ("Blackmore's arrest on Tuesday", "the
    arrest of Blackmore on Tuesday", "the Tuesday arrest of Blackmore"): the verb stems the noun
    may stand for, whom it befell (a name, folded), and its day."""

    predicates: frozenset[str]
    patient: str
    date: EventDate


def _verb_stems(noun: str) -> frozenset[str]:
    """The stems of the verb an event noun may be made from: "arrest" and "killing" are their
    verbs' ("arrest", "kill"); "conviction" and "execution" drop "-ion" ("convict", "execute")."""
    out = {stem(noun)}
    if noun.endswith("ion") and len(noun) > 6:
        out |= {stem(noun[:-3]), stem(noun[:-3] + "e")}
    return frozenset(out)


def noun_events(article: Article, s: Statement, timexes: Sequence[Timex]) -> list[NounEvent]:
    """The events the statement names with a noun and a day written next to it, each with a named
    patient (see :class:`NounEvent`); none from a hedged statement or one of a planned day."""
    c = s.claim
    if c is None or c.hedged or SCHEDULED.search(s.text):
        return []
    if c.negated or c.predicate in _REBUTTING:
        return []  # "denied Alvarez's arrest on Thursday", "did not confirm his arrest on Monday"
    text = article.text
    out: list[NounEvent] = []
    for t in timexes:
        if not (s.start <= t.span.start < s.end):
            continue
        before = text[max(s.start, t.span.start - 80) : t.span.start]
        m = _POSSESSED.search(before) or _OF_BEFORE.search(before)
        after = _OF_AFTER.match(text, t.span.end, s.end) if _ATTRIBUTE.search(before) else None
        if m is not None:
            noun, who, lead = m.group("noun"), m.group("who"), before[: m.start("noun")]
        elif after is not None:
            noun, who, lead = after.group("noun"), after.group("who"), before
        else:
            continue
        if _ANOTHER_OF_KIND.search(lead) or len(noun) < 4:
            continue
        span = (min(t.span.start, m.start() + max(s.start, t.span.start - 80)) if m else t.span.start, max(t.span.end, after.end() if after else t.span.end))
        claim = Claim(Span(*span), c.quote_id, stem(noun), c.speaker, None, fold(who), dates=(t.value,) if t.value else ())
        told = dataclasses.replace(s, text=text[span[0] : span[1]], start=span[0], end=span[1], claim=claim)
        if (d := event_date(article, told, [t])) is not None:
            out.append(NounEvent(_verb_stems(noun), fold(who), d))
    return out


def clause_statements(article: Article, s: Statement, timexes: Sequence[Timex], *, with_dates: bool) -> list[tuple[Statement, list[Timex]]]:
    """Each relative or adverbial clause of the statement that its words date, as a statement of
    its own clause, with the time expressions written in that clause (not in a clause inside it);
    ``with_dates``: the clause's claim carries their values as its dates."""
    c = s.claim
    if c is None:
        return []
    out: list[tuple[Statement, list[Timex]]] = []
    for k in c.clauses:
        inner = [j.span for j in c.clauses if j is not k and k.span.start <= j.span.start and j.span.end <= k.span.end]
        own = [t for t in timexes if k.span.start <= t.span.start < k.span.end and not any(i.start <= t.span.start < i.end for i in inner)]
        if not own:
            continue
        # the main clause's hedge is not the clause's: "the gunman, who was arrested on Monday, may face charges"
        dates = tuple(t.value for t in own if t.value) if with_dates else ()
        claim = Claim(k.span, c.quote_id, k.predicate, c.speaker, k.subject, k.object, k.negated, dates=dates)
        out.append((dataclasses.replace(s, text=article.text[k.span.start : k.span.end], start=k.span.start, end=k.span.end, claim=claim), own))
    return out


def clause_events(article: Article, s: Statement, timexes: Sequence[Timex]) -> list[tuple[Statement, EventDate]]:
    """The events a statement tells in its relative and adverbial clauses that its words date ("the
    gunman, who was arrested on March 11, ..."): each as a statement of its own clause, read as the
    main clause is, with the day written in that clause."""
    out: list[tuple[Statement, EventDate]] = []
    for told, own in clause_statements(article, s, timexes, with_dates=True):
        if (d := event_date(article, told, own)) is not None:
            out.append((told, d))
    return out


def days_apart(a: EventDate, b: EventDate) -> int | None:
    """Days between two event dates; a year written on one side only is the other's too."""
    ya, yb = a.value[:4], b.value[:4]
    if not (a.year_written and b.year_written) or not ya.isdigit() or not yb.isdigit():
        ya = yb = ya if ya.isdigit() and a.year_written else yb if yb.isdigit() and b.year_written else "2000"
    try:
        da = date.fromisoformat(f"{ya}{a.value[4:10]}")
        db = date.fromisoformat(f"{yb}{b.value[4:10]}")
    except ValueError:
        return None
    apart = abs((da - db).days)
    if not (a.year_written and b.year_written):
        apart = min(apart, abs(365 - apart), abs(366 - apart))  # Dec 31 and Jan 1 of an unwritten year
    return apart


def _resolved_apart(a: EventDate, b: EventDate) -> int | None:
    """Days between two dates both resolved to a full date (a weekday against its article's
    publication date, a date without a year given the publication's), or None."""
    try:
        return abs((date.fromisoformat(a.value[:10]) - date.fromisoformat(b.value[:10])).days)
    except ValueError:
        return None


def weekday_of(d: EventDate) -> int | None:
    """The weekday a calendar date falls on, when its year is known (written, or the publication's)."""
    if d.weekday is not None:
        return d.weekday
    try:
        return date.fromisoformat(d.value[:10]).weekday()
    except ValueError:
        return None


def dates_conflict(a: EventDate, b: EventDate) -> bool:
    """Whether two days of one event cannot both be right (the event is checked by the caller). A
    weekday alone is set only against a calendar date, by the weekday that date falls on ("on
    Friday" against "on Dec. 10, 2008", a Wednesday), two days apart or more; two weekdays alone by
    their names, a day apart enough unless either side tells of night. A month (see the module) is
    set only against another month: by its year too where both write theirs (a start read by
    link/start_dates.py may give "June" without one; two outlets of one story mean the same June)."""
    if a.month or b.month:
        if not (a.month and b.month):
            return False  # a day may fall in the month, or the month be rounded
        return a.value[5:7] != b.value[5:7] or a.year_written and b.year_written and a.value[:4] != b.value[:4]
    if (a.weekday is not None or b.weekday is not None) and (apart := _resolved_apart(a, b)) is not None and apart > 7:
        return False  # a weekday is written within the week of its article: a day weeks away is another occasion's
    if a.weekday is not None and b.weekday is not None:
        # two weekdays by name: each is what its article writes, whatever date it was resolved to
        # (or none, without a publication date); a day apart may be one night told from two sides
        # ("Tuesday night" against "early Wednesday")
        by_name = min(abs(a.weekday - b.weekday), 7 - abs(a.weekday - b.weekday))
        return by_name >= 2 or by_name == 1 and not (a.night or b.night)
    if a.weekday is not None or b.weekday is not None:
        if not (a.value[:4].isdigit() and b.value[:4].isdigit()):
            return False  # a weekday no publication date places may be of another year than the date ("fired March 2" in 2005)
        wa, wb = weekday_of(a), weekday_of(b)
        if wa is None or wb is None or wa == wb:
            return False
        # a day apart is never enough here: the weekday's own date is not known, and the outlet
        # writing "Sunday" may be a time zone ahead of the one writing "November 16"
        return min(abs(wa - wb), 7 - abs(wa - wb)) >= 2
    apart = days_apart(a, b)
    if apart is None or apart == 0:
        return False
    return not (apart == 1 and (a.night or b.night))  # a night's event has two dates across zones


def readable(d: EventDate, other: EventDate | None = None) -> str:
    """"13 December 2008" (the year only when written); a weekday alone as written ("Friday"); a
    calendar date set against a weekday with the weekday it falls on ("11 December (a Thursday)")."""
    if d.weekday is not None:
        return _DAY_NAMES[d.weekday]
    if d.month:
        month = _MONTHS[int(d.value[5:7]) - 1].capitalize()
        return f"{month} {d.value[:4]}" if d.year_written and d.value[:4].isdigit() else month
    if other is not None and other.weekday is not None and (w := weekday_of(d)) is not None:
        return f"{readable(d)} (a {_DAY_NAMES[w]})"
    month = _MONTHS[int(d.value[5:7]) - 1].capitalize()
    day = int(d.value[8:10])
    return f"{day} {month} {d.value[:4]}" if d.year_written and d.value[:4].isdigit() else f"{day} {month}"


def day_answer(d: EventDate) -> str:
    """The day as an answer to "when": "12-13" (month and day), a month alone ("2010-07" with its
    year written, "07" without), or a weekday alone by its name."""
    if d.month:
        return d.value[:7] if d.year_written else d.value[5:7]
    return _DAY_NAMES[d.weekday] if d.weekday is not None else d.value[5:10]


def counted(s: Statement, patient: str) -> bool:
    """Whether the statement counts what its verb is done to rather than naming it ("ten people
    were killed", "more than a dozen people were killed"): a count says how many, not who, so it
    does not tell one event from another of its kind (a quake in China and one in Iran)."""
    m = re.search(r"\b" + re.escape(patient), s.text, re.I)
    return m is not None and _COUNTED.search(s.text, 0, m.start()) is not None
