"""Durations of the story's event: a prison term, or how long the event lasted, given two ways.

"Sentenced to 25 years" against "sentenced to life"; "a 10-year term" against "a 12-year term";
"the siege lasted three hours" against "lasted 90 minutes". A duration is read from the time layer
(TimeML values such as ``P25Y``, ``PT90M``) or, for a life term, from the words. What it is a
duration of comes from the words around it and the claim's verb:

- a *term*: before "term"/"sentence" ("a 10-year prison term"), or after a verb that hands down or
  carries out a sentence ("sentenced to", "jailed for"); it is the term of the person sentenced;
- *time served* ("has served 11 years", "after 11 years in prison") is another quantity than the
  term, and is never compared; nor a minimum before parole, a suspended term, or the most a
  charge carries ("faces up to 20 years");
- a *length*: after "lasted", "took", "continued (for)"; of the clause's event
  (:func:`newstrace.link.compare.same_event`).

Periods counted from the event ("three years ago", "in 10 years", "a 25-year-old") are no
durations of it. A statement giving two terms (or two lengths) does not say which is the one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.lang.en.disagreement import CRIMES
from newstrace.lang.en.durations import (
    COURT_WORDS,
    LENGTH_VERBS,
    NOT_A_LENGTH_WORDS,
    SENTENCING_VERBS,
    SERVED_WORDS,
    SEVERAL_COUNTS_WORDS,
    TERM_NOUNS,
    TERM_PART_WORDS,
    TERM_VERBS,
)
from newstrace.lang.en.pronouns import PERSONAL_PRONOUNS, PLURAL_PRONOUNS
from newstrace.lang.en.quantities import APPROX, APPROXIMATE, LOWER_BOUNDS, NEAR_BELOW, UPPER_BOUNDS
from newstrace.link.statements import Statement
from newstrace.model import Article, Timex
from newstrace.text import stem, tokens

_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}
_TIME_DAYS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}
_TERM_STEMS = frozenset(TERM_VERBS) | frozenset(stem(v) for v in TERM_VERBS)
_SENTENCING_STEMS = frozenset(SENTENCING_VERBS) | frozenset(stem(v) for v in SENTENCING_VERBS)
_LENGTH_STEMS = frozenset(LENGTH_VERBS) | frozenset(stem(v) for v in LENGTH_VERBS)
_NO_PERSON = COURT_WORDS | PERSONAL_PRONOUNS | PLURAL_PRONOUNS | {"i", "we", "you", "it"}
_HEDGES = (*LOWER_BOUNDS, *UPPER_BOUNDS, *NEAR_BELOW, *APPROXIMATE, "just")
_APPROX_WORDS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_HEDGES, key=len, reverse=True))


def _ending_with(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|\b|\s)(?:{alternatives})\s+$", re.I)


_APPROX = _ending_with(APPROXIMATE)
_AT_LEAST = _ending_with(LOWER_BOUNDS)
_AT_MOST = _ending_with(UPPER_BOUNDS)
_NEAR_BELOW = _ending_with(NEAR_BELOW)
_COUNTED_FROM = re.compile(r"^\s*-?\s*(?:old|ago|later|earlier|before|after|from\s+now|back|long)\b", re.I)
_TERM_NOUN = re.compile(r"^\s*-?\s*(?:(?:prison|jail)\s+)?(?:term|sentence)s?\b", re.I)
_TERM_LEAD = re.compile(r"\b(?:to|for)\s+$", re.I)
_IN_PRISON = re.compile(r"^\s*(?:in\s+(?:prison|jail|custody)|behind\s+bars|(?:of\s+)?(?:imprisonment|prison|jail))\b", re.I)
_SERVED = re.compile(r"\b(?:" + "|".join(sorted(SERVED_WORDS)) + rf")\s+(?:(?:{_APPROX_WORDS}|the|a|an|his|her|their)\s+)*$", re.I)
_LENGTH_LEAD = re.compile(rf"\b(?:last(?:s|ed|ing)?|took|takes?|taking|continu(?:e|es|ed|ing)|persist(?:s|ed|ing)?|dragg?(?:ed|ing)?(?:\s+on)?|went\s+on|for)\s+(?:for\s+)?(?:(?:{_APPROX_WORDS})\s+)?$", re.I)
_NOT_A_LENGTH = re.compile(r"\b(?:" + "|".join(sorted(NOT_A_LENGTH_WORDS)) + r"|the\s+past|the\s+last|up\s+to)\s+$", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had|'s|'ve)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en)\b", re.I)
_TO_LIFE_TERM = re.compile(r"\b(?:to|for)\s+life\b(?!-)", re.I)  # after a sentencing verb: "sentenced to life"
_LIFE_TERM = re.compile(r"\blife\s+(?:in\s+prison|in\s+jail|imprisonment|sentences?|terms?|behind\s+bars)\b", re.I)
_TO_LIFE = re.compile(r"^\s*to\s+life\b", re.I)


@dataclass(frozen=True, slots=True)
class Duration:
    role: str  # "term" or "length"
    low: float  # days
    high: float  # days; inf for a life term or "more than"
    written: str
    person: str | None = None  # whose term
    crimes: frozenset[str] = frozenset()  # the crimes the statement names (a term is for them)


def _days(value: str) -> float | None:
    """Days in a TimeML duration ("P1Y6M", "PT90M"); None for an unknown one ("PXY")."""
    m = re.fullmatch(r"P(?P<date>(?:\d+(?:\.\d+)?[YMWD])*)(?:T(?P<time>(?:\d+(?:\.\d+)?[HMS])+))?", value)
    if m is None or not (m.group("date") or m.group("time")):
        return None
    total = sum(float(n) * _DAYS[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)([YMWD])", m.group("date") or ""))
    total += sum(float(n) * _TIME_DAYS[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", m.group("time") or ""))
    return total or None


def durations(article: Article, s: Statement, timexes: Sequence[Timex] | None = None) -> dict[str, Duration]:
    """The term and the length a statement gives (by role), each when it gives exactly one.
    ``timexes``: the article's time expressions within the statement, where the caller has them."""
    c = s.claim
    if c is None or c.hedged or c.negated:
        return {}
    spans = [t for t in (article.timexes if timexes is None else timexes) if t.type == "DURATION" and s.start <= t.span.start < s.end and t.value]
    if not spans and "life" not in s.text.lower():
        return {}  # most statements: nothing to read
    text = article.text
    found: dict[str, list[Duration]] = {"term": [], "length": []}
    words = set(tokens(s.text))
    crimes = frozenset(words & CRIMES)
    for t in spans:
        if t.value is None or (days := _days(t.value)) is None:
            continue
        before = text[max(s.start, t.span.start - 50) : t.span.start]
        after = text[t.span.end : t.span.end + 40]
        written = " ".join(text[t.span.start : t.span.end].split())
        if _COUNTED_FROM.match(after) and not _TERM_NOUN.match(after):
            continue  # "three years ago", "a 25-year-old", "a three-hour-long"
        low, high = _range(days, before, t.mod)
        if (noun := _TERM_NOUN.match(after)) and re.search(r"\d-|-\w+$", written):
            written = f"{written} {noun.group(0).strip(' -')}"  # "10-year" reads as "10-year term"
        if _TO_LIFE.match(after):
            high, written = math.inf, f"{written} to life"
        role = _role(c.predicate, before, after)
        if role == "term":
            if words & (TERM_PART_WORDS | SEVERAL_COUNTS_WORDS):
                continue  # a minimum before parole, a suspended term, the most a charge carries, one count's term
            found["term"].append(Duration("term", low, high, written, _person(c.subject, c.object), crimes))
        elif role == "length" and not _PERFECT.search(s.text):
            found["length"].append(Duration("length", low, high, written))  # "has lasted": still going on
    life = _LIFE_TERM.search(s.text) or c.predicate in _SENTENCING_STEMS and _TO_LIFE_TERM.search(s.text)
    if life and c.predicate in _TERM_STEMS and not any(d.high == math.inf for d in found["term"]):
        found["term"].append(Duration("term", math.inf, math.inf, "life", _person(c.subject, c.object), crimes))
    out = {}
    for role, ds in found.items():
        if ds and all((d.low, d.high) == (ds[0].low, ds[0].high) for d in ds):
            out[role] = ds[0]
    return out


def _range(days: float, before: str, mod: str | None) -> tuple[float, float]:
    if _AT_LEAST.search(before) or mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return days, math.inf
    if _AT_MOST.search(before) or mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return 0.0, days
    if _NEAR_BELOW.search(before):
        return days * (1 - APPROX), days
    if _APPROX.search(before) or mod == "APPROX":
        return days * (1 - APPROX), days * (1 + APPROX)
    return days, days


def _role(predicate: str, before: str, after: str) -> str:
    if _TERM_NOUN.match(after):
        return "term" if predicate in _TERM_STEMS else ""  # "sought a 30-year sentence" is a demand
    if _SERVED.search(before):
        return ""  # time served: another quantity than the term
    if predicate in _SENTENCING_STEMS and _TERM_LEAD.search(before) or predicate in _TERM_STEMS and _IN_PRISON.match(after):
        return "term"  # "sentenced to 25 years", "jailed for six years", "got 10 years in prison"
    if predicate in _LENGTH_STEMS and _LENGTH_LEAD.search(before) and not _NOT_A_LENGTH.search(before):
        return "length"
    return ""


def _person(subject: str | None, obj: str | None) -> str | None:
    """Who is sentenced: the object of an active verb ("sentenced Smith"), else the subject
    ("Smith was sentenced"); never the court, nor a pronoun that names no one across articles."""
    person = obj if obj and obj not in TERM_NOUNS else subject
    return person if person and person not in _NO_PERSON and not set(person.split()) & COURT_WORDS else None


def conflict(a: Duration, b: Duration) -> bool:
    """Whether two durations of one thing cannot both hold: ranges that do not meet (a length
    allows a tenth either way: "three hours" is a round figure; a term is exact). Lengths an
    order of magnitude apart are taken for two things; terms for other crimes ("life for the
    murder" and "10 years for the assault"), or for a crime named on one side only, are two terms."""
    if a.role == "term" and a.crimes != b.crimes and not a.crimes & b.crimes:
        return False
    slack = 0.1 if a.role == "length" else 0.0
    if a.low * (1 - slack) <= b.high * (1 + slack) and b.low * (1 - slack) <= a.high * (1 + slack):
        return False
    if a.role == "length":
        lo, hi = sorted((max(a.low, 1e-9), max(b.low, 1e-9)))
        return hi / lo <= 10
    return True
