"""When a lasting thing began, told two ways: "the fighting began in July" against "the fighting
has raged since June".

A date after "since" bounds a period (link/event_dates.py never reads it as the day of the
verb's event), but with a verb of lasting ("rage", "last", "continue") it is the day or month the
thing the clause names began: "the strike has dragged on since June" says the strike began in
June, as "the strike began in June" does. A statement gives such a start when its subject names
the thing, its verb is one of beginning with exactly one date written in it ("began in July",
"started on June 3") or one of lasting with exactly one date right after "since" ("has raged since
June"), or any verb in the perfect progressive with one date right after "since" ("rebels have
been fighting the army since June": the fighting began in June, and the thing is the verb's own
activity). "Since at least June" and "since before June" bound the start and give none ("since
early June" is June's). Relative and adverbial clauses are read as statements of their own ("the
region, where the fighting has raged since June, ..."). A month is read even without its year
(two outlets of one story writing "June" mean the same June). Hedged, denied and planned
statements give none; a weekday gives none (its date is the publication's guess).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from newstrace.lang.en.durations import BOUND_WORDS
from newstrace.link.event_dates import SCHEDULED, YEAR, EventDate, clause_statements
from newstrace.link.statements import Statement
from newstrace.model import Article, Claim, Span, Timex
from newstrace.text import stem

# verbs of beginning, as claims give predicates (stems): their one date is the start
BEGIN_VERBS = frozenset(stem(v) for v in "begin began begun start erupt launch".split())
# verbs of lasting: a date after "since" is the start of what they tell of
LASTING_VERBS = frozenset(stem(v) for v in "rage last continue persist drag run go simmer stretch".split())
START = "begin"  # the predicate a start reading is told with, whichever verb the statement uses

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(0[1-9]|1[0-2])$")
_SINCE = re.compile(r"\bsince\s+$", re.I)  # right before the date: "since at least June" is a bound
_BOUND = re.compile(r"\b(?:" + "|".join(sorted(BOUND_WORDS - {"since"})) + r"|at\s+least|as\s+early\s+as)\s+$", re.I)
_PROGRESSIVE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?been\s+\w+ing\b", re.I)  # "have been fighting"
_GERUND = re.compile(r"\b([a-z]+ing)\b[^.;:]{0,80}?\b(began|begun|started|erupted)\b", re.I)
# "since fighting between the SAF and the SPLA-N began in July": a gerund opening its clause, then
# the verb of beginning right before the date (no sentence break, no second verb of beginning)
_GERUND_BEGAN = re.compile(
    r"(?:^|\b(?:since|when|after|as|the|and)\s+)([a-z]+ing)\b[^.;:!?]{0,120}?\b(?:began|begun|started|erupted)\s+(?:(?:in|on)\s+)?$", re.I
)


def start_reading(article: Article, s: Statement, timexes: Sequence[Timex]) -> tuple[Statement, EventDate] | None:
    """The start the statement gives for the thing its subject names (see the module), as a
    statement of that start (predicate "begin", the subject kept) and its date; or None."""
    c = s.claim
    if c is None or c.hedged or c.negated or SCHEDULED.search(s.text):
        return None
    begins = c.predicate in BEGIN_VERBS
    thing = c.subject
    gerund = _begun_gerund(s.text)
    if begins and not thing:
        thing = gerund  # "since shelling between them began in May", read without a subject
    elif not begins and gerund == c.predicate:
        begins, thing = True, c.predicate  # "since fighting between the two began in July", read with "fight" as its verb
    elif not begins and c.predicate not in LASTING_VERBS:
        if not _PROGRESSIVE.search(s.text):
            return None
        thing = c.predicate  # "have been fighting since June": the fighting is what began
    if not thing:
        return None
    text = article.text
    found: list[EventDate] = []
    for t in timexes:
        if not (s.start <= t.span.start < s.end) or not t.value or (t.type != "DATE"):
            continue
        before = text[max(s.start, t.span.start - 40) : t.span.start]
        if begins:
            if _BOUND.search(before) or _SINCE.search(before):
                continue  # "began after June 3": a bound of the start, not the start
        elif not _SINCE.search(before):
            continue  # a lasting verb's other dates tell when it was said to last, not when it began
        if (d := _read(text, t)) is not None:
            found.append(d)
    if len(found) != 1:
        return None  # none, or two: which one is the start is not said
    claim = dataclasses.replace(c, predicate=START, subject=thing, object=None, clauses=())
    return dataclasses.replace(s, claim=claim), found[0]


def _begun_gerund(text: str) -> str | None:
    """The stem of a gerund that a verb of beginning after it tells of ("since fighting between
    them began"), where the clause has one: the parse may take the gerund for the clause's verb,
    or leave the verb of beginning without a subject."""
    found = {stem(m.group(1)) for m in _GERUND.finditer(text)}
    return found.pop() if len(found) == 1 else None


def start_readings(article: Article, s: Statement, timexes: Sequence[Timex]) -> list[tuple[Statement, EventDate]]:
    """The starts the statement gives: its main clause's (with ``timexes`` outside its clauses)
    and each relative or adverbial clause's (with the dates in that clause, not in one inside it)."""
    c = s.claim
    if c is None:
        return []
    clauses = c.clauses
    main = [t for t in timexes if not any(k.span.start <= t.span.start < k.span.end for k in clauses)]
    out = [r for r in (start_reading(article, s, main),) if r is not None]
    for told, own in clause_statements(article, s, timexes, with_dates=False):
        if (r := start_reading(article, told, own)) is not None:
            out.append(r)
    return out or _gerund_starts(article, s, timexes)


def _gerund_starts(article: Article, s: Statement, timexes: Sequence[Timex]) -> list[tuple[Statement, EventDate]]:
    """Starts written as "since fighting between X and Y began in July, ..." where the parse cut
    the clause short of its verb of beginning and date: read from the words, the gerund opening
    its clause ("since fighting", "the shelling") naming the thing, one date right after the verb."""
    c = s.claim
    if c is None or c.hedged or SCHEDULED.search(s.text):
        return []
    text = article.text
    out: list[tuple[Statement, EventDate]] = []
    for t in timexes:
        if not (s.start <= t.span.start < s.end) or not t.value or t.type != "DATE":
            continue
        m = _GERUND_BEGAN.search(text, max(s.start, t.span.start - 160), t.span.start)
        if m is None or (d := _read(text, t)) is None:
            continue
        claim = Claim(Span(m.start(), t.span.end), c.quote_id, START, c.speaker, stem(m.group(1).lower()))
        out.append((dataclasses.replace(s, text=text[m.start() : t.span.end], start=m.start(), end=t.span.end, claim=claim), d))
    return out if len(out) == 1 else []


def _read(text: str, t: Timex) -> EventDate | None:
    """A start's date: a month (with or without its year) or a calendar day; not a weekday."""
    assert t.value is not None
    written = " ".join(text[t.span.start : t.span.end].split())
    year = bool(YEAR.search(written))
    if _MONTH.match(t.value):
        return EventDate(t.value, year, False, written, month=True)
    if _DAY.match(t.value) and re.search(r"\d", written):
        return EventDate(t.value[:10], year, False, written)  # a calendar day, not a weekday
    return None
