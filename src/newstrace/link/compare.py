"""Do two statements disagree? A decision from what their claims say, with a reason a reader can check.

Evidence, strongest first: figures for the same quantity whose ranges cannot both hold ("different
death tolls: at least 10 vs three"); a count set at zero against a count above it; the same
subject-predicate-object affirmed by one and denied by the other (a denial cue counts as a "not");
blame put on different parties for the same thing, or on one party that denies it; one thing said
to exist and not to exist ("there is (no) humanitarian crisis"); one categorical fact of the event
given two ways (the kind of gun, its calibre, a quake on land or at sea: :mod:`newstrace.link.facts`);
the same event dated differently. What a figure is of is matched as a reader matches names ("Rait",
"Duncan Rait"). Two statements that only use opposite words are never paired.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.claims.dates import background_dates
from newstrace.claims.propositions import WEAK_PREDICATES
from newstrace.claims.ranges import Range, gap, overlap
from newstrace.lang.en.disagreement import CHARGE_PHRASES, CONCESSION, CRIMES, PLEA_PHRASES, REBUTTAL_VERBS, STANCE_VERBS
from newstrace.lang.en.durations import BOUND_WORDS
from newstrace.lang.en.pronouns import PERSONAL_PRONOUNS, PLURAL_PRONOUNS
from newstrace.lang.en.quantities import MEASURE_NOUNS, PLACE_NOUNS
from newstrace.lang.en.reporting_verbs import SPEECH_VERBS
from newstrace.lang.en.senses import noun_relation, verbs_related
from newstrace.link.deals import deal_values, one_deal
from newstrace.link.event_dates import ONCE_IN_A_LIFE
from newstrace.link.facts import bearing_name, bearings, bearings_apart, calibre, firearm_kind, land_or_sea
from newstrace.link.frames import instrument, is_act, named_in, other_doers, other_instruments, passive_doer, same_act, writes
from newstrace.link.incidents import AGE_TOLERANCE, Incident, one_quake, same_incident
from newstrace.link.name_fit import country_of, names_fit
from newstrace.link.ordinals import ACT_NOUNS, ordinals, ordinals_differ
from newstrace.link.records import one_moment, records, records_differ
from newstrace.link.same_count import relation
from newstrace.link.statements import REPORTER, Statement
from newstrace.model import Claim, Figure
from newstrace.text import STOPWORDS, as_written, fold, stem, tokens

# How each measure is named in a reason and a topic.
_MEASURE_NAMES = {
    "killed": ("death tolls", "how many were killed"),
    "injured": ("counts of injured", "how many were injured"),
    "casualties": ("casualty counts", "how many casualties"),
    "missing": ("counts of missing", "how many are missing"),
    "arrested": ("counts of arrests", "how many were arrested"),
    "evacuated": ("counts of evacuated", "how many were evacuated"),
    "magnitude": ("magnitudes", "the magnitude"),
    "stolen": ("amounts stolen", "how much was stolen"),
    "damage": ("damage estimates", "how much damage"),
    "duration": ("durations", "how long it lasted"),
}
_SEVERITY_NAMES = {"serious": "seriously", "minor": "slightly"}
_DENIAL_CUES = frozenset(stem(v) for v in REBUTTAL_VERBS)
_SPEECH_STEMS = frozenset(stem(v) for v in SPEECH_VERBS)
_STANCE_STEMS = frozenset(stem(v) for v in STANCE_VERBS)
_PRONOUNS = PERSONAL_PRONOUNS | PLURAL_PRONOUNS | frozenset("i we you it".split())
_GENERIC = frozenset("the a an mr mrs ms dr spokesman spokeswoman spokesperson official officials police government company".split())


@dataclass(frozen=True, slots=True)
class Finding:
    """Why two statements cannot both be true."""

    kind: str  # figures, zero, denial, blame, dates
    confidence: float
    reason: str
    topic: str
    question: tuple  # what both answer: statements answering it alike are near-copies
    answer_x: str
    answer_y: str
    figures: tuple[Figure, Figure] | None = None  # the two figures a figure finding sets against each other


def denies(s: Statement) -> bool:
    """Whether the statement asserts the opposite of its content: a denial cue, or a negated clause."""
    cue = s.cue.split()[-1].lower() if s.cue else ""
    denied = stem(cue) in _DENIAL_CUES or cue.startswith("den")
    negated = bool(s.claim and s.claim.negated)
    return denied != negated


def _cue_denies(s: Statement) -> bool:
    cue = s.cue.split()[-1].lower() if s.cue else ""
    return stem(cue) in _DENIAL_CUES or cue.startswith("den")


def same_occasion(x: Statement, y: Statement) -> bool:
    """Whether two statements can be about the same occasion: neither is dated away from the
    story, or both are dated alike; and when both name the day, it is the same day (Friday's fall
    and Saturday's are two falls)."""
    bx = background_dates(x.claim, x.date) if x.claim else set()
    by = background_dates(y.claim, y.date) if y.claim else set()
    if (bx or by) and bx != by:
        return False
    dx = {v[:10] for v in (x.claim.dates if x.claim else ()) if re.match(r"^\d{4}-\d\d-\d\d", v)}
    dy = {v[:10] for v in (y.claim.dates if y.claim else ()) if re.match(r"^\d{4}-\d\d-\d\d", v)}
    if dx and dy and not dx & dy:
        return False
    # two times of day hours apart on the same day are two events ("at about 7:30 a.m." / "9:30 a.m.")
    tx = {m for v in (x.claim.dates if x.claim else ()) if "T" in v and (m := _minutes(v)) is not None}
    ty = {m for v in (y.claim.dates if y.claim else ()) if "T" in v and (m := _minutes(v)) is not None}
    return not (tx and ty) or min(abs(a - b) for a in tx for b in ty) <= 60


def _minutes(value: str) -> int | None:
    m = re.search(r"T(\d\d):(\d\d)", value)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def figure_range(f: Figure) -> Range:
    """The values a figure allows; a provisional count ("so far") may still rise, so it is open above."""
    if f.provisional and f.low is not None:
        return f.low, None
    return f.low, f.high


def _words(name: str | None) -> set[str]:
    return {w for w in tokens(name or "") if w not in STOPWORDS and len(w) > 1}


def _figure_name(f: Figure) -> tuple[str, str]:
    if f.measure in _MEASURE_NAMES:
        return _MEASURE_NAMES[f.measure]
    if f.measure == "age":
        return f"ages of {f.about}", f"how old {f.about} is"
    if f.measure == "population":
        return f"populations of {f.about}", f"how many live in {f.about}"
    if f.measure == "distance":
        return f"distances from {f.about}", f"how far from {f.about}"
    # the classes claims.counted reads counts into: named as a reader asks the question
    if f.measure == "crowd":
        return "crowd sizes", "how many took part"
    if f.measure == "inside":
        return "counts of people inside", "how many were inside"
    if f.measure.startswith("injured:"):
        degree = _SEVERITY_NAMES.get(f.measure.split(":", 1)[1], f.measure.split(":", 1)[1])
        return f"counts of {degree} injured", f"how many were {degree} injured"
    if f.measure == "fall":
        return "lengths of the fall", "how far the fall was"
    if f.unit == "time":  # "married twice", "arrested three times" (claims/figures: counts of times)
        return f"counts of times '{f.measure}'", f"how many times '{f.measure}'"
    if f.measure in ("damaged", "struck") and f.unit:
        things = f.unit if f.unit.endswith("s") else f.unit + "s"
        if f.measure == "damaged":
            return f"counts of {things} damaged or destroyed", f"how many {things} were damaged or destroyed"
        return f"counts of {things} that struck", f"how many {things} struck"
    # a measure read off the words around the figure ("population of", "mother of"): its noun names it
    measure = f.measure.removesuffix(" of")
    unit = "" if f.unit in ("m", "m2", "km/h", "%", "people", "count") or f.unit.isupper() or f.unit == "$" else f" {f.unit}"
    return f"figures for '{measure}{unit}'", f"the {measure}{unit}"


def comparable(a: Figure, b: Figure, story_places: frozenset[str] = frozenset()) -> bool:
    """Figures for the same quantity: same measure, unit (as written or by meaning: "seized" /
    "confiscated", "rifles" / "weapons", :mod:`newstrace.link.same_count`), thing and place (a
    place the whole story is about counts as no place: "killed in the Jabaliya school" is the
    story's count; so does a place named by its kind alone, "killed 12 people in the town",
    against a count that names no place: it names no other place than the story's)."""
    sa = None if a.scope in story_places or a.scope in PLACE_NOUNS and not b.scope else a.scope
    sb = None if b.scope in story_places or b.scope in PLACE_NOUNS and not a.scope else b.scope
    if relation(a, b) is None or (sa or None) != (sb or None) or not _same_about(a, b):
        return False
    if a.measure in ("", None) or a.unit == "$" or a.measure in _SPEECH_STEMS:
        return False  # "$" alone does not say which dollar; "say" does not say what is counted
    if a.measure == "age" and not (a.about and b.about):
        return False  # two unnamed people's ages ("a 36-year-old man") may be two people's
    if a.measure == "magnitude":
        return _one_quake(a, b)
    return True


# Measures whose ``about`` is the very thing measured (whose age, which place's population, how far
# from where, which quake): an unnamed one is not known to be the named one.
_ABOUT_REQUIRED = frozenset({"age", "population", "distance", "magnitude"})


def _same_about(a: Figure, b: Figure) -> bool:
    """Whether two figures are of the same thing. Names fit as a reader matches them: "Rait",
    "Duncan Rait" and "36-year-old Duncan Rait" are one man, "Qeshm" and "Qeshm Island" one
    place; "John Smith" is not "Jane Smith", nor "South Sudan" "Sudan". For a measured action
    ("fell about 200ft") a doer named on one side only is no evidence of two doers. A doer told
    by an age only ("aged 36": "a 36-year-old man fell about 200m") is not known to be an untold
    one, is one of the same age, and may be a named one (the statements' ages then decide, in
    link/incidents.py)."""
    if (a.about or None) == (b.about or None):
        return True
    aged_a, aged_b = _AGED.fullmatch(a.about or ""), _AGED.fullmatch(b.about or "")
    if aged_a or aged_b:
        if aged_a and aged_b:
            return abs(float(aged_a.group(1)) - float(aged_b.group(1))) <= AGE_TOLERANCE
        return bool(a.about and b.about)
    if not a.about or not b.about:
        return a.measure not in _ABOUT_REQUIRED
    if a.measure == "magnitude":
        return False  # "#1" and "#2" are the first and second quakes
    return names_fit(a.about, b.about)


_AGED = re.compile(r"aged (\d+(?:\.\d+)?)")


def _magnitude(f: Figure) -> float | None:
    return f.low if f.low is not None else f.high


def _one_quake(a: Figure, b: Figure) -> bool:
    """Agencies' estimates of one quake differ by a few tenths (USGS 5.4, the local institute 5.2);
    magnitudes further apart are two quakes (a 5.6 main shock and a 5.2 the day after)."""
    va, vb = _magnitude(a), _magnitude(b)
    return va is not None and vb is not None and one_quake(va, vb)


def other_quakes(cx: Claim, cy: Claim) -> bool:
    """Statements that each name a quake's magnitude, no two alike: they are about two quakes, and
    their other figures (tolls, injured) are two quakes' figures."""
    mx = [f for f in cx.figures if f.measure == "magnitude"]
    my = [f for f in cy.figures if f.measure == "magnitude"]
    return bool(mx and my) and not any(_one_quake(a, b) for a in mx for b in my)


# A statement that says it is about another incident than the story's ("In a separate incident, ...").
_ANOTHER_INCIDENT = re.compile(
    r"^\W*(?:[\w'’,-]+\s+){0,3}?(?:in\s+(?:a\s+)?(?:separate|another|an(?:other)?\s+unrelated|unrelated)\s+(?:incident|attack|strike|raid|clash|development|case|event)s?|separately|elsewhere)\b",
    re.I,
)


def another_incident(s: Statement) -> bool:
    return bool(_ANOTHER_INCIDENT.match(s.text))


def compare(x: Statement, y: Statement, text_x: str, text_y: str, story_places: frozenset[str] = frozenset(), *, frame_only: bool = False) -> list[Finding]:
    """Every reason ``x`` and ``y`` cannot both be true (empty when they can). ``text_x``/``text_y``
    are the article texts, for quoting the figures as written; ``story_places`` the places the
    whole story is about. ``frame_only``: the two were paired only as telling one act with a
    participant in common (link/frames.py), and only what tells that act is compared (its doer,
    what it was done with, its year, whether it happened)."""
    cx, cy = x.claim, y.claim
    if cx is None or cy is None:
        return []
    out: list[Finding] = []
    if frame_only:
        if not (cx.hedged or cy.hedged or another_incident(x) or another_incident(y)) and same_occasion(x, y):
            out += _one_slot(x, y)
        return out + _dates(x, y) + _denial(x, y)
    if not (cx.hedged or cy.hedged or another_incident(x) or another_incident(y)) and same_occasion(x, y):
        out += _figures(cx, cy, text_x, text_y, story_places)
        out += _facts(x, y)
        out += _deals(x, y)
        out += _one_slot(x, y)
        out += _ordinals(x, y)
    elif not (cx.hedged or cy.hedged or another_incident(x) or another_incident(y)):
        out += _figures(_counts_of_times(cx), _counts_of_times(cy), text_x, text_y, story_places)
    if not (cx.hedged or cy.hedged or another_incident(x) or another_incident(y)):
        out += _records(x, y)
    out += _denial(x, y)
    out += _existence(x, y)
    out += _plea(x, y)
    out += _blame(x, y)
    out += _dates(x, y)
    return out


def _figures(cx: Claim, cy: Claim, text_x: str, text_y: str, story_places: frozenset[str] = frozenset()) -> list[Finding]:
    out: list[Finding] = []
    ages_x = [(f.low, f.high) for f in cx.figures if f.measure == "age"]
    ages_y = [(f.low, f.high) for f in cy.figures if f.measure == "age"]
    # "a 36-year-old climber" and "a 32-year-old" are two people; 31 and 32 may be one
    other_people = not same_incident(Incident(ages=tuple(ages_x)), Incident(ages=tuple(ages_y)))
    two_quakes = other_quakes(cx, cy)
    for fx in cx.figures:
        for fy in cy.figures:
            if fx.measure == "casualties" or fy.measure == "casualties":
                zero, other = (fx, fy) if fx.measure == "casualties" else (fy, fx)
                if zero.high == 0 and other.measure in ("killed", "injured") and (other.low or 0) >= 1:
                    out.append(_figure_finding(fx, fy, text_x, text_y, "zero"))
                continue
            if fx.unit == "time" and (_WITHIN_A_SPAN.match(text_x[fx.span.end : fx.span.end + 40]) or _WITHIN_A_SPAN.match(text_y[fy.span.end : fy.span.end + 40])):
                continue  # "arrested twice in 2004" counts that year only
            if not comparable(fx, fy, story_places) or (other_people and fx.measure != "age") or (two_quakes and fx.measure not in ("age", "population")):
                continue
            if overlap(figure_range(fx), figure_range(fy)) or far_apart(fx, fy) and fx.measure != "crowd":
                continue  # a crowd's size is disputed by ten times and more ("police said 20,000", "organisers 200,000")
            if _also_gives(cy, fx, story_places) or _also_gives(cx, fy, story_places):
                continue  # one side gives the other's figure too: its other figure is of something else
            out.append(_figure_finding(fx, fy, text_x, text_y, "figures"))
    return out


# A count of times told within a span ("arrested twice in 2004", "three times this season") is a
# count of that span only.
_WITHIN_A_SPAN = re.compile(r"^\s*(?:times\s+)?(?:in|within|since|during|this|over\s+the|last|so\s+far|before|until|by)\b", re.I)


def _counts_of_times(c: Claim) -> Claim:
    """The claim with only its counts of times ("Page married twice"): such a count is told as of
    its article's day, whatever occasion the sentence's dates are of ("married twice; the first
    marriage lasted from 1943 to 1947"), so it is compared across them."""
    return dataclasses.replace(c, figures=tuple(f for f in c.figures if f.unit == "time"))


def _also_gives(c: Claim, f: Figure, story_places: frozenset[str]) -> bool:
    """Whether the claim gives ``f``'s figure as well, for what reads as the same quantity ("Miller
    averages 15.5 points, Iguodala 14.9" against "Miller averages 15.5 points"): a statement that
    agrees on the figure is not disputing it, and its other figures for "the same" quantity are of
    other things (another player, a change, a part) that the reading did not tell apart."""
    return any(g.measure == f.measure and comparable(f, g, story_places) and overlap(figure_range(f), figure_range(g)) for g in c.figures)


_FACTS = (
    ("firearm", firearm_kind, "kinds of gun", "what gun was used"),
    ("calibre", calibre, "calibres", "the gun's calibre"),
    ("land-or-sea", land_or_sea, "places of the quake", "whether the quake struck on land or at sea"),
)


def states_a_fact(s: Statement) -> bool:
    return any(read(s.text) for _, read, _, _ in _FACTS) or bool(bearings(s.text)) or bool(records(s.text)) or bool(deal_values(s.text)) or bool(_ordinals_of(s))


# Bearings of the event from one place this far apart or more cannot both be right ("south of
# Bireun" / "west of Bireun"); nearer ones ("north" / "north-northeast") are one estimate.
_BEARINGS_APART = 90.0


def _facts(x: Statement, y: Statement) -> list[Finding]:
    """One categorical fact of the event given two ways (see link/facts.py)."""
    out = []
    for name, read, what, topic in _FACTS:
        vx, vy = read(x.text), read(y.text)
        if vx and vy and vx != vy:
            out.append(Finding("facts", 0.7, f"different {what}: {vx} vs {vy}", topic, (name,), vx, vy))
    bx, by = bearings(x.text), bearings(y.text)
    for place in bx.keys() & by.keys():
        if bearings_apart(bx[place], by[place]) >= _BEARINGS_APART:
            wx, wy = bearing_name(bx[place]), bearing_name(by[place])
            out.append(Finding("facts", 0.7, f"different directions from {place.title()}: {wx} vs {wy}", f"which way from {place.title()} it happened", ("bearing", place), wx, wy))
    return out


def _deals(x: Statement, y: Statement) -> list[Finding]:
    """One deal's money value given two ways: "a five-year deal worth nearly $80 million" against
    "an $82 million deal" for the same player (see link/deals.py)."""
    out = []
    for a in deal_values(x.text):
        for b in deal_values(y.text):
            if one_deal(a, b) and not overlap(a.range, b.range):
                who = as_written(a.recipient if len(a.recipient) >= len(b.recipient) else b.recipient, [x.text, y.text])
                answers = (f"{a.range[0]}..{a.range[1]}", f"{b.range[0]}..{b.range[1]}")
                out.append(Finding("facts", 0.72, f"different values of the deal for {who}: {a.written} vs {b.written}", f"what the deal for {who} is worth",
                                   ("deal", a.recipient.split()[-1]), *answers))
    return out


def _ordinals_of(s: Statement) -> tuple:
    c = s.claim
    return ordinals(s.text, c.predicate if c else None, c.object if c else None)


def _ordinals(x: Statement, y: Statement) -> list[Finding]:
    """Which of a person's acts of one kind the event was, told two ways ("for the fifth time" /
    "his sixth defense"; see link/ordinals.py)."""
    out = []
    for a in _ordinals_of(x):
        for b in _ordinals_of(y):
            if ordinals_differ(a, b):
                who = a.owner_written if len(a.owner) >= len(b.owner) else b.owner_written
                act = ACT_NOUNS[a.act]
                out.append(Finding("facts", 0.7, f"different numbers of {who}'s {act}s: {a.written} vs {b.written}", f"which {act} of {who} it was",
                                   ("ordinal", a.owner.split()[-1], a.act), str(a.number), str(b.number)))
    return out


def _records(x: Statement, y: Statement) -> list[Finding]:
    """One fighter's or team's win-loss record given two ways (see link/records.py). The record
    beside a name is the one standing when the article was written, whatever day the sentence
    tells of ("Bowe (45-1, 33 KOs) had been training in Germany since September")."""
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    ages_x = tuple((f.low, f.high) for f in cx.figures if f.measure == "age")
    ages_y = tuple((f.low, f.high) for f in cy.figures if f.measure == "age")
    if not same_incident(Incident(ages=ages_x), Incident(ages=ages_y)):
        return []  # "the 32-year-old Petrov (31-2)" and "the 36-year-old Petrov, 40-3": two moments of one career
    out = []
    for nx, vx in records(x.text).items():
        for ny, vy in records(y.text).items():
            if names_fit(nx, ny) and records_differ(vx, vy) and one_moment(vx, vy):
                who = as_written(nx if len(nx) >= len(ny) else ny, [x.text, y.text])
                surname = (nx if len(nx) <= len(ny) else ny).split()[-1]
                # the answers are the wins and losses, so "43-1" and "43-1, 33 KOs" stand on one side
                wx, wy = vx.partition(", ")[0], vy.partition(", ")[0]
                ax, ay = (vx, vy) if wx == wy else (wx, wy)
                out.append(Finding("facts", 0.7, f"different records of {who}: {vx} vs {vy}", f"{who}'s record", ("record", surname), ax, ay))
    return out


def far_apart(a: Figure, b: Figure) -> bool:
    """Figures for one quantity an order of magnitude apart are rarely about the same thing
    (a quake's toll against a past disaster's): they are not paired. A measurement its noun names
    ("a depth of 1.2 miles" / "a depth of 12 miles") is of the one thing its noun says, however far
    apart: a slipped decimal point is just what a reader needs shown."""
    if a.measure in _NAMED_MEASUREMENTS:
        return False
    va = [v for v in (a.low, a.high) if v]
    vb = [v for v in (b.low, b.high) if v]
    if not va or not vb:
        return False
    lo, hi = sorted((max(va), max(vb)))
    return hi / lo > 10


# Measures read from their noun (lang.en.quantities.MEASURE_NOUNS) that name one property of one
# thing; a distance is left out (many things lie some way from one place), a toll and a
# population too (counts of other events and places are an order of magnitude apart).
_NAMED_MEASUREMENTS = MEASURE_NOUNS - {"distance", "toll", "population"}


def _figure_finding(fx: Figure, fy: Figure, text_x: str, text_y: str, kind: str) -> Finding:
    name, topic = _figure_name(fx if fx.measure != "casualties" else fy)
    wx = " ".join(text_x[fx.span.start : fx.span.end].split())
    wy = " ".join(text_y[fy.span.start : fy.span.end].split())
    confidence = 0.85 if fx.low == fx.high and fy.low == fy.high else 0.78
    if fx.provisional or fy.provisional:
        confidence -= 0.15
    if gap(figure_range(fx), figure_range(fy)) < 0.1:
        confidence -= 0.1
    if kind == "zero":
        confidence = 0.85
    q = ("figures", fx.measure if kind != "zero" else "casualties", fx.unit, fx.about, fx.scope)
    return Finding(kind, round(confidence, 2), f"different {name}: {wx} vs {wy}", topic, q, figure_answer(fx), figure_answer(fy), (fx, fy))


def figure_answer(f: Figure) -> str:
    """A figure's range as a conflict's answer ("137.0..137.0"; "10.0.." while it may still rise)."""
    return f"{f.low}..{f.high}" if not f.provisional else f"{f.low}.."


# Negative prefixes of a state ("unsafe", "non-lethal"); also link/states.py's
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "non", "non-", "dis")


def _negative_of(a: str, b: str) -> bool:
    """"be:unsafe" is "be:safe" denied: the same state said of the same subject, one with a negative prefix."""
    if not (a.startswith("be:") and b.startswith("be:")):
        return False
    a, b = a[3:], b[3:]
    return any(a == p + b or b == p + a for p in NEGATIVE_PREFIXES) and min(len(a), len(b)) >= 4


def _denial(x: Statement, y: Statement) -> list[Finding]:
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    flipped = _negative_of(cx.predicate, cy.predicate)
    agent = agent_and_act(cx.predicate, cy.predicate)
    if cx.hedged or cy.hedged or cx.predicate in WEAK_PREDICATES or cy.predicate in WEAK_PREDICATES:
        return []
    if cx.predicate.startswith("be:") and not cx.subject or cx.predicate in STANCE_VERBS or stem(cx.predicate) in _STANCE_STEMS:
        return []
    # one subject: the same, or one name written two ways ("Marcus Dane" / "Dane")
    if not cx.subject or not (cx.subject == cy.subject or bool(cy.subject) and cx.subject not in _PRONOUNS and named_in(cx.subject, x.text) and names_fit(cx.subject, cy.subject or "")):
        return []
    if cx.object and cy.object and cx.object != cy.object:
        return []
    dx, dy = denies(x), denies(y)
    if dx == dy and not flipped:
        return []
    # one act: one verb, two of one meaning ("seized" / "did not confiscate": link/frames.py), a state and its negative, or being the doer and doing it
    if not (flipped or agent or same_act(cx.predicate, x.text, cy.predicate, y.text)):
        return []
    if flipped:
        dy = not dy if len(cy.predicate) > len(cx.predicate) else dy
        dx = not dx if len(cx.predicate) > len(cy.predicate) else dx
    if dx == dy:
        return []
    if _not_yet(x if dx else y, y if dx else x):
        return []
    predicate = cy.predicate if agent and cx.predicate.startswith("be:") else cx.predicate  # the verb names the act
    return [_affirmed_denied("denial", x, y, dx, "whether " + as_written(f"{cx.subject} {predicate}", [x.text, y.text], stems=True), ("denial", cx.subject, predicate, cx.object or cy.object))]


def agent_and_act(a: str, b: str) -> bool:
    """Whether one predicate is being the doer of what the other does: "was the father of the
    baby" / "fathered the baby", "is the owner" / "owns", "was the killer" / "killed" (the noun
    is the verb's agent: one stem, or the verb's lemma the noun read with a letter more)."""
    if a.startswith("be:") == b.startswith("be:"):
        return False
    noun, verb = (a[3:], b) if a.startswith("be:") else (b[3:], a)
    if len(noun) < 4 or ":" in verb or " " in noun:
        return False
    return stem(noun) == stem(verb) or (verb.startswith(noun) and len(verb) - len(noun) <= 1)


# "have not been released", "hasn't yet decided", "has yet to": what had not happened when it was written
_NOT_YET = re.compile(r"\b(?:has|have|had)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:been\s+)?[a-z]+|\bnot\s+yet\b|\b(?:has|have|had)\s+yet\s+to\b", re.I)


def _not_yet(no: Statement, yes: Statement) -> bool:
    """Whether the denial only says the thing had not happened yet when it was written ("results of
    the test have not been released") and the affirmation is not known to be older than it ("the
    results were released Wednesday", published the next day): the thing may have happened since,
    so the two tell two moments, not two accounts."""
    if not _NOT_YET.search(no.text):
        return False
    if not no.date or not yes.date or yes.date[:10] >= no.date[:10]:
        return True
    told = [v[:10] for v in (yes.claim.dates if yes.claim else ()) if re.match(r"^\d{4}-\d\d-\d\d", v)]
    return any(v >= no.date[:10] for v in told)


def _affirmed_denied(label: str, x: Statement, y: Statement, x_denies: bool, topic: str, question: tuple) -> Finding:
    """One proposition affirmed by one side and denied by the other (``x_denies`` says which)."""
    yes, no = (y, x) if x_denies else (x, y)
    return Finding(
        "denial", 0.72, f"{label}: '{short_text(yes.text)}' vs '{short_text(no.text)}'", topic, question,
        "no" if x_denies else "yes", "yes" if x_denies else "no",
    )


# "There is no humanitarian crisis" / "there is a humanitarian crisis already": one proposition, that
# a thing exists, affirmed by one source and denied by the other.
_THERE_IS = re.compile(
    r"\bthere\s+(?:is|are|was|were|'s|’s|has\s+been|have\s+been|had\s+been)\s+"
    r"(?P<neg>no\s+|not\s+(?:a|an|any)\s+|never\s+(?:been\s+)?(?:a|an|any)\s+)?(?:(?:a|an|some|any|the)\s+)?"
    r"(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
    r"(?=\s+(?:in|at|on|for|to|from|with|inside|among|already|now|yet|here|anywhere|whatsoever|because|and|but|that|which)\b|\s*[.,;:!?\"”)]|\s*$)",
    re.IGNORECASE,
)
# What "there is (no) ..." says of nearly anything: no proposition about the story.
_EMPTY_EXISTENTIALS = frozenset("way need time doubt question point thing one reason place end limit word sign hope chance".split())
_EMPTY_STEMS = frozenset(stem(w) for w in _EMPTY_EXISTENTIALS)


@lru_cache(maxsize=8192)
def _existential(text: str) -> tuple[tuple[str, ...], bool, str] | None:
    """(the thing's stems, whether denied, the thing as written) of "there is (no) ..."."""
    m = _THERE_IS.search(text)
    if m is None:
        return None
    words = m.group("np").lower().split()
    stems = tuple(stem(w) for w in words)
    if stems[-1] in _EMPTY_STEMS or all(w in STOPWORDS for w in words):
        return None
    return stems, bool(m.group("neg")), " ".join(words)


def _existence(x: Statement, y: Statement) -> list[Finding]:
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    if cx.hedged or cy.hedged:
        return []
    ex, ey = _existential(x.text), _existential(y.text)
    if ex is None or ey is None or ex[0] != ey[0]:
        return []
    nx, what = ex[0], ex[2]
    no_x = ex[1] != _cue_denies(x)
    no_y = ey[1] != _cue_denies(y)
    if no_x == no_y:
        return []
    return [_affirmed_denied("affirmed and denied", x, y, no_x, f"whether there is {what}", ("exists", nx))]


# A charge or verdict with the accused between the verb and the crime: "charged Simpson with murder",
# "convicted a Spiro man of two counts of murder", "found Jeffs guilty on both sexual assault charges"
# (never "found him not guilty": an acquittal).
_BETWEEN = r"(?:(?!not\b|and\b|but\b)[\w'’.-]+\s+){1,6}?"
_CHARGED_SOMEONE = (
    rf"(?:charged|accused|convicted)\s+{_BETWEEN}(?:with|of)|indicted\s+{_BETWEEN}(?:for|on)"
    rf"|found\s+(?:{_BETWEEN})?guilty\s+(?:of|on)"
)
_CHARGE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in CHARGE_PHRASES) + "|" + _CHARGED_SOMEONE + r")\s+(?P<what>[^,.;]{3,60})", re.I)
_PLEA = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in PLEA_PHRASES) + r")\b|\bden(?:y|ies|ied|ying)\s+(?P<what>" + "|".join(sorted(CRIMES)) + r")\b", re.I
)


def is_charge(s: Statement) -> bool:
    return bool(_CHARGE.search(s.text))


def is_plea(s: Statement) -> bool:
    return bool(_PLEA.search(s.text))


_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether|could|would|may|might|if\s+he\s+is|if\s+she\s+is)\s+(?:be\s+)?$", re.I)


def _verdict(text: str, charge: re.Match[str]) -> bool:
    """Whether a charge phrase is a verdict given ("convicted of murder", "found Jeffs guilty on
    both charges"), not a charge nor a verdict that may come ("faces life if convicted of murder")."""
    return charge.group(0).lower().startswith(("convicted", "found")) and not _HYPOTHETICAL.search(text[: charge.start()])


def _own_plea(plea: re.Match[str]) -> bool:
    """Whether the accused pleads ("Simpson has pleaded not guilty"), not the court entering a plea
    for him ("a not guilty plea was entered on his behalf")."""
    return not plea.group(0).lower().endswith(("plea", "pleas"))


def _plea(x: Statement, y: Statement) -> list[Finding]:
    """The two sides of a trial: a charge ("charged with arson") and the plea against it ("denied
    arson", "pleaded not guilty"), for the same crime when both name it. Two outlets' narration of
    the court's record (the charge, the plea) sets no side against another; a verdict against the
    accused's own plea does (the jury found what he denied)."""
    for charge, plea in ((x, y), (y, x)):
        c, p = _CHARGE.search(charge.text), _PLEA.search(plea.text)
        if c is None or p is None or _PLEA.search(charge.text):
            continue
        if x.narration and y.narration and not p.group("what") and not (_verdict(charge.text, c) and _own_plea(p)):
            continue  # two outlets each giving the court's record ("charged with murder", "pleaded not guilty"): no side speaks
        crimes_c = set(tokens(c.group("what"))) & CRIMES
        crime_p = (p.group("what") or "").lower()
        if crime_p and crimes_c and crime_p not in crimes_c:
            continue
        pleaded_to = set(tokens(plea.text[p.end() : p.end() + 80])) & CRIMES  # "pleaded not guilty to two counts of murder"
        if not crime_p and pleaded_to and crimes_c and not pleaded_to & crimes_c:
            continue  # a plea to murder does not answer an earlier charge of assault
        if not crime_p and not crimes_c:
            continue
        what = crime_p or ", ".join(sorted(crimes_c))
        return [
            Finding(
                "denial", 0.75, f"charge against plea: '{short_text(charge.text)}' vs '{short_text(plea.text)}'", f"whether the accused committed {what}",
                ("plea", what), "charged" if charge is x else "pleads", "pleads" if charge is x else "charged",
            )
        ]
    return []


def _blame(x: Statement, y: Statement) -> list[Finding]:
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    out: list[Finding] = []
    if cx.blames and cy.blames and not (cx.hedged or cy.hedged):
        disjoint = not any(same_party(a, b) for a in cx.blames for b in cy.blames)
        same_event = not cx.blamed_for or not cy.blamed_for or bool(set(cx.blamed_for) & set(cy.blamed_for))
        if disjoint and (cx.exclusive or cy.exclusive or (same_event and cx.blamed_for and cy.blamed_for)):
            conf = 0.85 if (cx.exclusive or cy.exclusive) else 0.75
            bx, by = ", ".join(cx.blames), ", ".join(cy.blames)
            # the reason is read by people: names as the articles write them, the answers stay folded for matching
            shown = as_written(f"{bx} vs {by}", [x.text, y.text])
            out.append(Finding("blame", conf, f"incompatible responsibility: {shown}", "who is responsible", ("blame",), bx, by))
    # one side blames a party, the other is that party denying it
    for blamer, party_side in ((x, y), (y, x)):
        cb = blamer.claim
        assert cb is not None
        if not cb.blames or not denies(party_side) or party_side.claim is None or party_side.claim.hedged:
            continue
        if party_side.claim.predicate in WEAK_PREDICATES and not _cue_denies(party_side):
            continue  # "there was no comment from X" is silence, not a denial
        # the party must be named: "the company" denying does not answer "Braun's company"
        speaker = {fold(w) for w in re.findall(r"\b[A-Z][\w'’.-]*", party_side.speaker)} - _GENERIC
        if any(_words(b) & speaker for b in cb.blames) and answers_blame(cb, party_side):
            out.append(
                Finding(
                    "denial", 0.8, f"{party_side.speaker} denies what {blamer.speaker} blames it for: '{short_text(blamer.text)}' vs '{short_text(party_side.text)}'",
                    f"whether {party_side.speaker} is responsible", ("blame-denial", fold(party_side.speaker)), "blamed" if blamer is x else "denies", "denies" if blamer is x else "blamed",
                )
            )
    return out


# What a denial of the blame itself names, whatever the deed: "denied responsibility", "denied the
# accusations", "denied any involvement", "denied wrongdoing".
_BLAME_ITSELF = frozenset(
    stem(w) for w in "responsibility responsible involvement involved role blame fault guilt guilty wrong wrongdoing charge charges "
    "accusation accusations allegation allegations claim claims report reports".split()
)
# What a verdict or charge that names no deed is about: the crime ("found guilty" / "denied killing her").
_CRIME_STEMS = frozenset(stem(w) for w in CRIMES | {"kill", "killing", "shoot", "shooting", "stab", "stabbing", "murder"})


def answers_blame(blame: Claim, denial: Statement) -> bool:
    """Whether a party's denial answers what it is blamed for: it denies the deed the blame names,
    as written or by meaning ("accused Sudan of the attack" / "denied striking the territory"), the
    blame itself ("denied responsibility", "denied the charges"), or, where the blame names no deed
    (a guilty verdict), the crime. A denial of something else ("denied buying the phone" against
    the verdict, "denied that the prosecution was political" against an accusation of persecution)
    answers a detail or another charge, not the blame. What follows a concession ("..., despite
    prosecutors declining to pursue charges") is the article's background, not the denial."""
    c = denial.claim
    text = CONCESSION.split(denial.text, maxsplit=1)[0]
    words = {w for w in tokens(text) if w not in STOPWORDS and len(w) > 1 and not w.isdigit()}
    words |= {c.predicate} if c and c.predicate and ":" not in c.predicate else set()
    said = {stem(w) for w in words}
    if not said:
        return True  # "denied it": the blame itself
    if said & _BLAME_ITSELF:
        return True
    if not blame.blamed_for:
        return bool(said & _CRIME_STEMS)
    deed = {stem(w) for w in blame.blamed_for} | set(blame.blamed_for)
    return bool(said & deed) or any(same_deed(a, b) for a in blame.blamed_for for b in words)


@lru_cache(maxsize=4096)
def same_deed(a: str, b: str) -> bool:
    """One deed named by two words: "attack" and "strike", "killing" and "shooting"."""
    return noun_relation(a, b) is not None or verbs_related(a, b)


def same_party(a: str, b: str) -> bool:
    """Whether two blamed parties are one: two countries (or capitals) are one when they are the
    same country ("Khartoum" and "Sudan", not "South Sudan" and "Sudan"); other names when they
    share a word ("the Islamic State group" and "Islamic State")."""
    ca, cb = country_of(a), country_of(b)
    if ca and cb:
        return ca == cb
    return bool((_words(a) | _words(ca or "")) & (_words(b) | _words(cb or "")))


def same_event(x: Statement, y: Statement, *, objectless: bool | frozenset[str] = False, passive: bool = True) -> bool:
    """Whether two statements tell one event, so that its date or length can be set against each
    other: the same verb (not a weak one), done to the same thing by the same named doer, both
    affirmed or both denied, neither hedged. A passive clause ("the gunman was arrested") names
    what the verb is done to and leaves the doer unsaid: it tells the event an active one tells
    ("police arrested the gunman"). ``objectless``: two clauses without an object are one event
    too ("the siege lasted three hours"); a set of predicates limits that to those verbs (an
    explosion happens once; officials meet many times). ``passive=False`` asks for the same
    doer named on both sides. A pronoun ("he") names no one across articles."""
    cx, cy = x.claim, y.claim
    if cx is None or cy is None or cx.hedged or cy.hedged or cx.predicate in WEAK_PREDICATES or cy.predicate in WEAK_PREDICATES:
        return False
    if denies(x) != denies(y):
        return False
    if passive and (_passive(x) or _passive(y)):
        done_to_x, done_to_y = done_to(x), done_to(y)
        if not done_to_x or not done_to_y or done_to_x in _PRONOUNS or done_to_y in _PRONOUNS:
            return False
        fits = done_to_x == done_to_y or names_fit(done_to_x, done_to_y)
    elif not cx.subject or cx.subject != cy.subject or cx.subject in _PRONOUNS:
        return False
    elif not cx.object and not cy.object:
        fits = objectless is True or (isinstance(objectless, frozenset) and cx.predicate in objectless and cy.predicate in objectless)
    else:
        fits = bool(cx.object and cy.object and _objects_fit(x, y))
    # one act, named by one verb or two of one meaning ("vanished" / "disappeared": link/frames.py)
    return fits and same_act(cx.predicate, x.text, cy.predicate, y.text)


def done_to(s: Statement) -> str | None:
    """What the statement's verb is done to: its object, or the subject of a passive clause."""
    c = s.claim
    if c is None:
        return None
    return c.subject if _passive(s) else c.object


_BE_DONE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:[a-z]+ly\s+)?([a-z]+)\b", re.I)


def _passive(s: Statement) -> bool:
    """Whether the statement's verb is passive and its subject what the verb is done to: "the
    gunman was arrested" (a participle of the predicate after a form of "be"), with no object."""
    c = s.claim
    if c is None or c.object or not c.subject or len(c.predicate) < 3 or ":" in c.predicate:
        return False
    return any(m.group(1).lower().startswith(c.predicate) or writes(m.group(1).lower(), c.predicate) for m in _BE_DONE.finditer(s.text))


def _dates(x: Statement, y: Statement) -> list[Finding]:
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    if not same_event(x, y, passive=False, objectless=ONCE_IN_A_LIFE):
        return []  # a bare year is often a background event's ("quakes that hit the town in 2002"): the same doer is asked for
    # only years written as years ("in 2009"): a date resolved against publication may carry its error
    yx = {v for v in cx.dates if re.fullmatch(r"\d{4}", v) and not _bounded(v, x.text)}
    yy = {v for v in cy.dates if re.fullmatch(r"\d{4}", v) and not _bounded(v, y.text)}
    if not yx or not yy or yx & yy:
        return []
    dx, dy = ", ".join(sorted(yx)), ", ".join(sorted(yy))
    return [Finding("dates", 0.7, f"different dates: {dx} vs {dy}", "when " + as_written(f"{cx.subject} {cx.predicate}", [x.text, y.text], stems=True), ("dates", cx.subject, cx.predicate, cx.object), dx, dy)]


def doer(s: Statement) -> str | None:
    """Who does what the statement's verb tells: its subject, or for a passive clause the name
    after "by" ("Jones was arrested by the FBI")."""
    c = s.claim
    if c is None:
        return None
    return passive_doer(s.text, c.predicate) if _passive(s) else c.subject


def _named_fit(a: str | None, text_a: str, b: str | None, text_b: str) -> bool:
    """Two participants that are one named person, body or thing: both written as names, and
    fitting as a reader matches names."""
    if not a or not b or a in _PRONOUNS or b in _PRONOUNS or not named_in(a, text_a) or not named_in(b, text_b):
        return False
    return a == b or names_fit(a, b)


def _party_fit(a: str, b: str) -> bool:
    return names_fit(a, b) or same_party(a, b)


def _slots(x: Statement, y: Statement) -> dict[str, tuple[str, str]] | None:
    """The slots of one act that two statements fill two ways, when they tell one act (the same
    verb or two of one meaning, both affirmed, with a named participant in common, link/frames.py):
    "doer" (two named doers, neither side naming the other's), "instrument" (two made things of
    no one kind), "patient" (two named people or things done to). None when they do not tell one act."""
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    if denies(x) or denies(y) or not is_act(cx.predicate) or not is_act(cy.predicate):
        return None
    dx, dy, px, py = doer(x), doer(y), done_to(x), done_to(y)
    if not (_named_fit(dx, x.text, dy, y.text) or _named_fit(px, x.text, py, y.text)):
        return None  # no named participant in common: two acts of one kind may be told
    if not same_act(cx.predicate, x.text, cy.predicate, y.text):
        return None
    out: dict[str, tuple[str, str]] = {}
    if dx and dy and other_doers(dx, x.text, dy, y.text, _party_fit):
        out["doer"] = (dx, dy)
    if px and py and other_doers(px, x.text, py, y.text, _party_fit):
        out["patient"] = (px, py)
    tx, ty = instrument(x.text, cx.predicate), instrument(y.text, cy.predicate)
    if tx and ty and other_instruments(tx, x.text, ty, y.text):
        out["instrument"] = (tx, ty)
    return out


def _one_slot(x: Statement, y: Statement) -> list[Finding]:
    """One act done to one named person or thing, told with two named doers that cannot both be
    it ("Smith stabbed Jones" / "Jones was stabbed by Brown"), or done with two made things that
    cannot both be what it was done with ("killed Jones with a knife" / "with a hammer"): the
    frame is the same, exactly one of its slots is filled two ways (link/frames.py). When two
    slots differ the two may tell two acts, and nothing is said. Who an act was done to, told two
    ways, is left alone: one act is often done to many (a gunman shoots several people). A kind
    of gun is link/facts.py's."""
    slots = _slots(x, y)
    if not slots or len(slots) != 1:
        return []
    cx = x.claim
    assert cx is not None
    act = as_written(cx.predicate, [x.text, y.text], stems=True)
    if "doer" in slots:
        dx, dy = slots["doer"]
        px, py = done_to(x) or "", done_to(y) or ""
        shown = as_written(f"{dx} vs {dy}", [x.text, y.text])
        patient = as_written(px if len(px) >= len(py) else py, [x.text, y.text])
        return [Finding("facts", 0.7, f"different doers of one act: {shown}", f"who {act} {patient}", ("doer", px.split()[-1], cx.predicate), dx, dy)]
    if "instrument" in slots and not (firearm_kind(x.text) and firearm_kind(y.text)):
        tx, ty = slots["instrument"]
        return [Finding("facts", 0.68, f"different things it was done with: {tx} vs {ty}", f"what it was {act} with", ("instrument", cx.predicate), tx, ty)]
    return []


_BOUND_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(BOUND_WORDS)) + r")\s+(?:(?:the\s+)?(?:late|early|mid|end\s+of|start\s+of)\s+)?$", re.I)


def _bounded(year: str, text: str) -> bool:
    """Whether a year is written only as a bound of the time ("by 1958", "since 2002", "until
    1963"), not as when the event happened: "vanished by 1958" does not deny "disappeared in 1957"."""
    at = [m.start() for m in re.finditer(rf"\b{year}\b", text)]
    return bool(at) and all(_BOUND_BEFORE.search(text[max(0, a - 30) : a]) for a in at)


def _objects_fit(x: Statement, y: Statement) -> bool:
    """One object named two ways: the same head, or one's head naming the other's kind ("a $3
    million bond" / "a bond measure")."""
    ox, oy = x.claim.object if x.claim else None, y.claim.object if y.claim else None
    if not ox or not oy:
        return False
    if ox == oy:
        return True
    return bool(re.search(rf"\b{re.escape(ox)}\w*\s+{re.escape(oy)}", y.text, re.I) or re.search(rf"\b{re.escape(oy)}\w*\s+{re.escape(ox)}", x.text, re.I))


def short_text(text: str, n: int = 90) -> str:
    """A statement cut to about ``n`` characters at a word, for a reason a reader can scan."""
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def outlet_key(s: Statement) -> str:
    """The outlet a statement's article speaks for; an article whose outlet is unknown speaks for
    itself (two pages without a site are not known to be one outlet's)."""
    return s.outlet if s.outlet and s.outlet != REPORTER else s.article_id


def same_source(x: Statement, y: Statement) -> bool:
    """One source cannot conflict with itself: the same named speaker in one article, or two
    statements in the article's own voice by the same outlet."""
    if x.narration and y.narration:
        return outlet_key(x) == outlet_key(y)
    if x.article_id == y.article_id:
        return fold(x.speaker) == fold(y.speaker) or bool(_words(x.speaker) & _words(y.speaker) - {"police", "officials", "official", "said"})
    return False
