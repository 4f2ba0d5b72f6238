"""Which incident a statement's figures are about, where a story tells of more than one.

A story about one event also tells of others: Monday's quake beside Sunday's, a second climber's
fall, the bombing of several schools beside the school the story is about, a nationwide crowd beside
the capital's. Figures from two incidents are never one quantity, so before two figures are compared
each statement is placed:

- **quake**: the magnitude the statement names, or, for a statement in the article's opening, the
  one the opening names. A magnitude within a few tenths of the opening's is the opening's quake
  (agencies' estimates of one quake differ: the USGS's 5.4 for the local 5.2). A statement about
  several quakes ("the quakes", "measuring 7.6 and 7.4") is about none of them alone.
- **people**: in an article that gives two people's ages (two ages more than a year apart), the age
  a statement names, else the one last named before it: "he fell 700 metres" after "32-year-old
  Robert Buckley" is Buckley's fall, not the 36-year-old's.
- **scope** of a figure: a toll of attacks on several places ("the bombing of UN schools and of
  housing") sums incidents; a toll of a force's own fire ("friendly fire") is not the enemy attack's;
  a count its clause calls nationwide is not a city's count; a count over a whole conflict is not one
  day's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newstrace.lang.en.incidents import (
    ATTACK_NOUNS,
    CONFLICT_NOUNS,
    EVENT_LOCATION_WORDS,
    FRIENDLY_FIRE,
    NATIONWIDE,
    PLURAL_OPERATIONS,
    PLURAL_SITES,
    TALLY_SPANS,
    TALLY_SPANS_NAMED,
    WEEKDAYS,
)
from newstrace.link.statements import Statement
from newstrace.model import Article, Figure

# Agencies' magnitudes for one quake differ by a few tenths (the USGS's 5.4, the local institute's 5.2).
QUAKE_TOLERANCE = 0.3
# Ages of one person differ by a year between outlets (31 and 32); further apart, two people.
AGE_TOLERANCE = 1.0

AgeRange = tuple[float | None, float | None]


@dataclass(frozen=True, slots=True)
class Incident:
    """What a statement is about, as far as its article says."""

    quake: float | None = None  # the magnitude of the quake it is about
    ages: tuple[AgeRange, ...] = ()  # the ages of the people it is about, in a story of several people


def one_quake(a: float, b: float) -> bool:
    return abs(a - b) <= QUAKE_TOLERANCE + 1e-9


def _ages_apart(a: AgeRange, b: AgeRange) -> bool:
    lo_a, hi_a = a[0] if a[0] is not None else a[1], a[1] if a[1] is not None else a[0]
    lo_b, hi_b = b[0] if b[0] is not None else b[1], b[1] if b[1] is not None else b[0]
    if lo_a is None or hi_a is None or lo_b is None or hi_b is None:
        return False
    return lo_a - hi_b > AGE_TOLERANCE or lo_b - hi_a > AGE_TOLERANCE


def same_incident(a: Incident | None, b: Incident | None) -> bool:
    """Whether two statements can be about the same incident (unknown counts as can)."""
    if a is None or b is None:
        return True
    if a.quake is not None and b.quake is not None and not one_quake(a.quake, b.quake):
        return False
    return not (a.ages and b.ages and all(_ages_apart(x, y) for x in a.ages for y in b.ages))


def _magnitudes(s: Statement) -> list[float]:
    if s.claim is None:
        return []
    return [v for f in s.claim.figures if f.measure == "magnitude" and (v := f.low if f.low is not None else f.high) is not None]


_DECADE = re.compile(r"\b(?:in|into)\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[\s-]*)?(?P<decade>[1-9]0)'?s\b", re.I)
_PART = {"early": (0, 3), "mid": (3, 7), "late": (6, 9), None: (0, 9)}


def _ages(s: Statement) -> list[AgeRange]:
    """The ages a statement gives: its age figures, else a decade of life ("a man in his early
    30s": 30..33), which tells a person apart though it is no figure to compare."""
    if s.claim is None:
        return []
    out: list[AgeRange] = [(f.low, f.high) for f in s.claim.figures if f.measure == "age" and (f.low is not None or f.high is not None)]
    if not out:
        for m in _DECADE.finditer(s.text):
            lo, hi = _PART[(m.group("part") or "").lower() or None]
            decade = int(m.group("decade"))
            out.append((float(decade + lo), float(decade + hi)))
    return out


def place_statements(article: Article, statements: Iterable[Statement]) -> dict[int, Incident]:
    """Each statement's incident (by ``id``), read in the article's order."""
    ordered = sorted(statements, key=lambda s: (s.start, s.end))
    opening_end = _opening_end(article)
    lead = next((m for s in ordered if s.start < opening_end for m in _magnitudes(s)), None)
    every_age = [r for s in ordered for r in _ages(s)]
    several_people = any(_ages_apart(x, y) for i, x in enumerate(every_age) for y in every_age[i + 1 :])
    out: dict[int, Incident] = {}
    ages: tuple[AgeRange, ...] = ()
    for s in ordered:
        own_ages = tuple(_ages(s))
        if own_ages:
            ages = own_ages
        out[id(s)] = Incident(_quake(s, lead, opening_end), (own_ages or ages) if several_people else own_ages)
    return out


_SEVERAL_QUAKES = re.compile(r"\b(?:quakes|earthquakes|temblors|tremors|aftershocks|series of)\b", re.I)


def _quake(s: Statement, lead: float | None, opening_end: int) -> float | None:
    """The quake a statement is about: the one it names, or in the opening the opening's; none
    when it names several ("measuring 7.6 and 7.4", "the quakes")."""
    own = _magnitudes(s)
    if own:
        if lead is not None and any(one_quake(m, lead) for m in own):
            return lead
        return own[0] if all(one_quake(m, own[0]) for m in own) else None
    if _SEVERAL_QUAKES.search(s.text) or s.start >= opening_end:
        return None
    return lead


def _opening_end(article: Article) -> int:
    """Where the article's opening (headline and lead) ends."""
    if len(article.sentences) > 2:
        return article.sentences[2].span.end
    return article.sentences[-1].span.end if article.sentences else len(article.text)


_BOUNDARY = re.compile(r"[,;:]|\s(?:as(?!\s+(?:part|many|much|well|a\s+result|of|if|though))|while|when|after|before|whereas|but)\s", re.I)
_SUMMED = re.compile(
    r"\b(?:" + "|".join(sorted(ATTACK_NOUNS)) + r")\s+(?:on|of|against)\s+(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(sorted(PLURAL_SITES)) + r")\b",
    re.I,
)


def figure_clause(text: str, s: Statement, f: Figure, *, appositive: bool = False) -> tuple[int, int]:
    """Where the clause a figure stands in begins and ends ("as many as 20,000 people took to the
    streets of Athens", not the "rallies all around the country" after it). ``appositive``: a
    clause set off by a comma takes in the one before, which names what it describes ("centered
    in Geyserville, about 20 miles north of Santa Rosa")."""
    start, end = max(s.start, 0), min(s.end, len(text))
    at, until = f.span.start, f.span.end
    if not start <= at < end:
        return at, until
    before = [m for m in _BOUNDARY.finditer(text, start, at)]
    after = _BOUNDARY.search(text, until, end)
    begin = before[-1].end() if before else start
    if appositive and before and before[-1].group(0) == ",":
        begin = before[-2].end() if len(before) > 1 else start
    return begin, after.start() if after else end


_OVER_OPERATIONS = re.compile(
    r"\b(?:during|in|over|across|from|throughout)\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(PLURAL_OPERATIONS)) + r")\b",
    re.I,
)


def summed(text: str, s: Statement, f: Figure) -> bool:
    """A toll of attacks on several places ("the bombing of UN schools and of housing killed more
    than 50") or a count over several operations ("a total of 14 rifles during the five
    operations"): the sum of several incidents, no one incident's count."""
    if s.start > f.span.start:
        return False
    if _OVER_OPERATIONS.search(text, s.start, s.end):
        return True  # "seized a total of 14 rifles during the five operations"
    # "the attack on one of his schools" is one school
    return any(not re.search(r"\b(?:one|each|either)\s+of\b", m.group(0), re.I) for m in _SUMMED.finditer(text, s.start, f.span.start))


def nationwide(clause: str) -> bool:
    """A count the clause gives for the whole country ("took to the streets as part of nationwide strikes")."""
    low = " ".join(clause.lower().split())
    return any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in NATIONWIDE)


_FRIENDLY = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in FRIENDLY_FIRE) + r")\b", re.I)


def friendly_fire(text: str, s: Statement, f: Figure) -> bool:
    """A toll of a force's own fire ("one of its own tanks firing on a building ..., killing four"):
    another incident than the enemy's attack. Read in the figure's clause: "five soldiers died, four
    from friendly fire, bringing to 10 the number killed" gives a total of every cause."""
    if not s.start <= f.span.start:
        return False
    start, end = figure_clause(text, s, f, appositive=True)  # ", killing four" takes in the tank before it
    if _RUNNING_TOTAL.search(text[start : f.span.start]):
        return False  # "..., bringing to 10 the number killed": the total of every cause
    return bool(_FRIENDLY.search(text, start, end))


# "bringing to 10 the number of ...", "raising the death toll to 12": a running total
_RUNNING_TOTAL = re.compile(r"\b(?:bring|bringing|brings|brought|raise|raising|raises|raised|take|taking|takes|took|push|pushing|pushes|pushed)\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,2}?to\s*$", re.I)


def locates_the_event(clause: str) -> bool:
    """A distance whose clause places the event itself ("a quake centred two miles east of The
    Geysers"), not another thing ("Cobb, 4 miles east of The Geysers")."""
    return any(w in EVENT_LOCATION_WORDS for w in re.findall(r"[a-z]+", clause.lower()))


_CONFLICT = "|".join(sorted(CONFLICT_NOUNS))
_WHOLE_CONFLICT = re.compile(
    rf"\b(?:in|during|throughout|since\s+the\s+(?:start|beginning|outbreak)\s+of)\s+the\s+(?:\w+\s+)?(?:{_CONFLICT})\b"
    rf"|\bsince\s+the\s+(?:\w+\s+)?(?:{_CONFLICT})\s+(?:began|started|broke\s+out)\b",
    re.I,
)
_ONE_DAY = re.compile(r"\b(?:on\s+)?(?:" + "|".join(sorted(WEEKDAYS)) + r")\b|\b(?:today|yesterday)\b", re.I)


_SPANS = "|".join(sorted(TALLY_SPANS))
_TALLIED_OVER = re.compile(
    rf"\b(?:in|over|during|for|through|across)\s+(?:each\s+of\s+|all\s+of\s+|every\s+)?(?:(?:the|his|her|their|its|a|an|this|that|those|these)\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_SPANS})\b"
    rf"|\b(?:this|last|that|next|previous|the\s+past|the\s+last)\s+(?:[\w-]+\s+)?(?:{'|'.join(sorted(TALLY_SPANS_NAMED))})\b",
    re.I,
)


def tallied_over(text: str, s: Statement) -> frozenset[str]:
    """The spans the statement's tallies are kept over, as written: "in 54 games", "in each of the
    past five seasons", "last season". A tally over one span is not a tally over another (a
    player's 13 home runs in 54 games are no figure for his 30 a season), so two statements that
    each name spans, none alike, give figures of two quantities."""
    return _tallies(text, max(s.start, 0), min(s.end, len(text)))


@lru_cache(maxsize=4096)
def _tallies(text: str, start: int, end: int) -> frozenset[str]:
    # read once per statement: the conflict finder asks for every pair the statement is in
    return frozenset(" ".join(m.group(0).lower().split()) for m in _TALLIED_OVER.finditer(text, start, end))


def counted_over(text: str, s: Statement, f: Figure) -> str:
    """"conflict" for a count over a whole conflict ("so far lost seven soldiers in the conflict"),
    "day" for one day's ("five soldiers lost their lives on Wednesday"), "" when the figure's clause
    says neither ("..., bringing to 10 the number of Israelis who have been killed"): a day's count
    is a part of the conflict's, not another figure for it."""
    start, end = figure_clause(text, s, f)
    said = text[start:end]
    if _WHOLE_CONFLICT.search(said):
        return "conflict"
    return "day" if _ONE_DAY.search(said) else ""
