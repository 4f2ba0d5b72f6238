"""One thing said to be in opposite states by two sources: "the island's main town was undamaged" /
"the main town was damaged", "the fire was accidental" / "the fire was deliberate", "Buckley was
well equipped" / "Buckley was poorly equipped".

A state is what a statement's main clause says its subject is: an adjective after "be" (the claim's
"be:undamaged") or a passive participle ("was equipped"), with its negation ("was not armed"), a
negative prefix ("unarmed") and a grading adverb ("well", "poorly", "insufficiently"); and a place
damaged, told by a verb of damage done in it ("buildings were toppled in Qeshm City"). Two states
oppose when they are one state affirmed and denied, one state graded well and badly, or two
adjectives WordNet gives as opposites (lang/en/senses.adjectives_opposed).

Opposite words alone are no evidence (issue 17: "patched" / "unpatched" in two unrelated
sentences). Two states are set against each other only when

- both are said of one subject: one name ("Buckley", "Mr Buckley"; "the main town, also called
  Qeshm" is named Qeshm, and "Qeshm City" fits it as names do), or one described thing with a
  modifier in common ("the main town" / "the island's main town"; "the building" alone may be any
  building), never a pronoun;
- both are asserted: no modal, condition or question (``Claim.hedged``), no "reportedly",
  "apparently", "appeared to be";
- both can be of one moment: states that change with time are left out ("missing" then "found",
  "alive" then "dead", "open" then "closed"), as are statements dated apart (compare.same_occasion)
  or said to be of another incident.

That the two statements come from two sources, and not from one speaker's two halves, is the
finder's pairing rule (compare.same_source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.claims.propositions import WEAK_PREDICATES
from newstrace.lang.en.senses import adjectives_alike, adjectives_opposed
from newstrace.lang.en.time_words import CALENDAR_WORDS
from newstrace.link.compare import NEGATIVE_PREFIXES, Finding, another_incident, names_fit, same_occasion
from newstrace.link.statements import Statement
from newstrace.text import STOPWORDS, as_written, fold, tokens

# "was (not) (well) equipped", "wasn't armed", "remained largely intact", "was left undamaged": a
# form of "be" (or "remain", "stay", "left"), a negation, a grading adverb, then the state's word
_STATE = (
    r"\b(?P<cop>(?:is|are|was|were)(?:n['’]t)?|been|remains?|remained|stays?|stayed|left)\s+"
    r"(?P<neg>(?:not|never)\s+)?(?:(?:still|also|largely|mostly|completely|entirely|totally|fully|wholly|left)\s+)?"
    r"(?:(?P<grade>[a-z]+)(?:\s+|-))?(?P<word>{word})\b"
)


@lru_cache(maxsize=4096)
def _state_pattern(wanted: str) -> re.Pattern[str]:
    """The pattern of a state whose word is ``wanted`` or a participle of it (the claim's stemmed
    verb: "equip" -> "equipped")."""
    return re.compile(_STATE.format(word=re.escape(wanted) + r"[a-z]*"), re.I)


# Adverbs that grade a state well or badly: "well equipped" against "poorly equipped".
_GOOD = frozenset("well properly adequately sufficiently correctly".split())
_BAD = frozenset("ill poorly badly inadequately insufficiently improperly under".split())
# Words that make a statement a report of a report or a guess, not an assertion of the state.
_HEDGE = re.compile(r"\b(?:reportedly|apparently|allegedly|seemingly|presumably|probably|possibly|likely|appear(?:s|ed)?|seem(?:s|ed)?|believed|thought|suspected|may|might|could|would)\b", re.I)
# States that change with time: two of them at two moments are a sequence, not two accounts
# ("the climber was missing" in the morning, "found" by noon; "alive" when pulled out, "dead" later).
CHANGING = frozenset(
    "alive dead living deceased missing found lost open closed shut conscious unconscious awake asleep free captive "
    "stable unstable critical present absent available unavailable active inactive married unmarried single divorced "
    "pregnant employed unemployed hospitalised hospitalized safe unsafe sober drunk healthy ill sick online offline "
    "busy idle full empty new old young wet dry hot cold calm quiet ready".split()
)

# A person's or a place's status, whose WordNet neighbours change as they do (life, whereabouts,
# custody, work, marriage, access); the other CHANGING words are matched as written ("conscious"
# is also "deliberate"; the neighbours of "calm" or "ready" are states of a deed too).
_CHANGING_KINDS = frozenset("alive dead missing free captive employed unemployed married unmarried open closed".split())


@lru_cache(maxsize=8192)
def changing(word: str) -> bool:
    """Whether a state changes with time: one of CHANGING, or a word WordNet puts beside a person's
    changing status ("fired" and "hired" are "unemployed" and "employed")."""
    return word in CHANGING or any(adjectives_alike(word, c) for c in _CHANGING_KINDS)


@dataclass(frozen=True, slots=True)
class State:
    """What a statement says its subject is."""

    subject: str  # folded, as the claim reads it ("buckley", "town")
    named: bool  # a proper name; else a thing told by a noun and its modifiers
    modifiers: frozenset[str]  # a described thing's modifiers ("main", "island" of "the island's main town")
    base: str  # the state without a negative prefix ("damaged" of "undamaged")
    word: str  # the state as written, lower case ("undamaged")
    positive: bool  # affirmed, not negated, no negative prefix
    grade: int  # +1 "well", -1 "poorly", 0 neither
    written: str  # the words that say it ("was well equipped")


@lru_cache(maxsize=65536)
def state_of(s: Statement) -> State | None:
    """The state the statement's main clause gives its subject, or None (no state, a pronoun or
    no subject, a hedged or changing state)."""
    c = s.claim
    if c is None or c.hedged or not c.subject or c.predicate in WEAK_PREDICATES or _HEDGE.search(s.text):
        return None
    wanted = c.predicate[3:] if c.predicate.startswith("be:") else c.predicate
    if len(wanted) < 3 or not wanted.isalpha():
        return None
    for m in _state_pattern(wanted).finditer(s.text):
        word = m.group("word").lower()
        if word != wanted and not word.endswith(("ed", "en", "t")):
            continue  # "was equipping": no participle, no state ("be:unarm" is the lemma of "unarmed")
        grade_word = (m.group("grade") or "").lower()
        grade = 1 if grade_word in _GOOD else -1 if grade_word in _BAD else 0
        if grade_word and not grade and not grade_word.endswith("ly"):
            continue  # "was a witness", "were the victims": the word after it is no state
        base, prefixed = _unprefixed(word)
        if changing(base) or changing(word):
            return None
        negated = bool(m.group("neg")) or m.group("cop").lower().endswith(("n't", "n’t"))
        before = s.text[: m.start()]
        if (alias := _ALIAS.search(before)) is not None:
            # "the island's main town, also called Qeshm, was undamaged": the town is named Qeshm
            return State(fold(alias.group("name")), True, frozenset(), base, word, not (negated or prefixed), grade, " ".join(m.group(0).split()))
        subject = _subject(before, c.subject)
        if subject is None:
            return None
        named, modifiers = subject
        return State(c.subject, named, modifiers, base, word, not (negated or prefixed), grade, " ".join(m.group(0).split()))
    return None


# A name given to the subject just before the state: "..., also called Qeshm,", "..., known as X,"
_ALIAS = re.compile(r",\s*(?:also\s+)?(?:called|known\s+as|named)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*,?\s*$")
# Verbs of damage to buildings: a clause of one of them done "in" a named place says the place was
# damaged ("buildings were toppled in the island's capital, Qeshm City").
_DAMAGE_VERBS = frozenset("damag destroy toppl collaps flatten level raz wreck devastat".split())
# The place after "in", past a description of it: "in the island's capital, Qeshm City", "in Bam"
_IN_PLACE = re.compile(
    r"\bin\s+(?:the\s+)?(?:[a-z'’]+\s+){0,3}?(?:(?:capital|town|city|village|villages|district|province|region)(?:\s+of)?,?\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


@lru_cache(maxsize=65536)
def damaged_places(s: Statement) -> tuple[State, ...]:
    """The places a statement says were damaged: the places named after "in" in a clause of a
    verb of damage, asserted ("buildings were toppled in Qeshm City"; not "no buildings were
    damaged in Bam", not "may have collapsed")."""
    c = s.claim
    if c is None or c.hedged or _HEDGE.search(s.text) or c.negated or not any(c.predicate.startswith(v) for v in _DAMAGE_VERBS):
        return ()
    if re.search(r"\b(?:no|not|never|none|nothing)\b|n['’]t\b", s.text, re.I):
        return ()
    verb = re.search(r"\b" + re.escape(c.predicate) + r"[a-z]*", s.text, re.I)
    if verb is None:
        return ()
    out = []
    for m in _IN_PLACE.finditer(s.text, verb.end()):
        name = re.sub(r"['’]s$", "", m.group("name"))  # "in Iran's southern area": Iran
        if name.lower() in _NOT_PLACES:
            continue
        out.append(State(fold(name), True, frozenset(), "damaged", "damaged", True, 0, f"{verb.group(0)} in {name}"))
    return tuple(out)


# Capitalised words after "in" that name no place: days, months and their short forms.
_NOT_PLACES = CALENDAR_WORDS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _unprefixed(word: str) -> tuple[str, bool]:
    """("damaged", True) for "undamaged": a negative prefix on a word of five letters or more after it."""
    for p in NEGATIVE_PREFIXES:  # a state's word is letters only: "non-" never applies here
        if word.startswith(p) and len(word) - len(p) >= 5 and adjectives_opposed(word, word[len(p) :]):
            return word[len(p) :], True
    return word, False


def _subject(before: str, subject: str) -> tuple[bool, frozenset[str]] | None:
    """Whether the subject is a name, and the modifiers of a described one. A name is written with
    a capital where no sentence begins ("Mr Buckley", "police said Buckley"), or is more than one
    word (the claim folds a whole proper name); a described thing's modifiers are the words before
    its noun back to a determiner or a stop ("the island's main town": island, main)."""
    words = subject.split()
    if not words:
        return None
    last = words[-1]
    capital = re.compile(r"\b" + re.escape(last[:1].upper() + last[1:]) + r"\b")
    if " " in subject or any(before[: m.start()].strip(" \"'“‘") for m in capital.finditer(before)):
        return True, frozenset()
    found = [m for m in re.finditer(rf"\b{re.escape(last)}\w*", before, re.I)]
    if not found:
        return None
    lead = re.split(r"[,;:()\"“”]|\b(?:the|a|an|this|that|its|their|his|her)\b", before[: found[-1].start()], flags=re.I)[-1]
    modifiers = {fold(w).removesuffix("'s").removesuffix("’s") for w in lead.split()}
    return False, frozenset(w for w in modifiers if w and w not in STOPWORDS and w.isalpha())


# Nouns that name a story's event itself: "the fire" in a story of a fire is that fire, though
# "the building" in it may be any building.
EVENT_NOUNS = frozenset(
    "fire blaze explosion blast crash collision shooting attack bombing quake earthquake accident killing collapse derailment".split()
)


def same_subject(a: State, b: State) -> bool:
    """One named subject ("Buckley" / "Dave Buckley"), or one described thing: the same noun with a
    modifier in common ("the main town" / "the island's main town"), or the story's event named by
    its noun alone ("the fire")."""
    if a.named and b.named:
        return names_fit(a.subject, b.subject)
    if a.named or b.named or a.subject != b.subject:
        return False
    if not a.modifiers and not b.modifiers:
        return a.subject in EVENT_NOUNS
    return bool(a.modifiers & b.modifiers)


def _level(st: State) -> int:
    """+1 the state holds (well), -1 it does not (or badly); "poorly equipped" is still equipped,
    so only its grade opposes "well equipped"."""
    return (1 if st.positive else -1) * (-1 if st.grade < 0 else 1)


def opposed(a: State, b: State) -> bool:
    """Whether two states of one subject cannot both hold."""
    if a.base == b.base:
        if a.grade != 0 and b.grade != 0:
            return _level(a) != _level(b)
        if a.grade < 0 or b.grade < 0:
            plain = b if a.grade < 0 else a
            return not plain.positive  # "poorly equipped" against "unequipped" (both badly): no; against "well": above
        return a.positive != b.positive
    # two words WordNet opposes, both affirmed as they are written ("accidental" / "deliberate")
    return a.positive and b.positive and a.grade >= 0 and b.grade >= 0 and adjectives_opposed(a.word, b.word)


def states_of(s: Statement) -> tuple[State, ...]:
    """Every state the statement gives: its main clause's, and the places it says were damaged."""
    main = state_of(s)
    return ((main,) if main is not None else ()) + damaged_places(s)


def opposite_states(x: Statement, y: Statement) -> list[Finding]:
    """A finding when ``x`` and ``y`` give one subject opposite states (see the module's text)."""
    pair = next(((a, b) for a in states_of(x) for b in states_of(y) if same_subject(a, b) and opposed(a, b)), None)
    if pair is None or another_incident(x) or another_incident(y) or not same_occasion(x, y):
        return []
    sx, sy = pair
    who = as_written(sx.subject if len(sx.subject) >= len(sy.subject) else sy.subject, [x.text, y.text])
    states = sorted({sx.base, sy.base} if sx.base != sy.base else {sx.base})
    # the question is the pair of states; each side's answer is the state it gives
    answer_x, answer_y = _answer(sx), _answer(sy)
    return [
        Finding(
            "denial", 0.7, f"opposite states of {who}: '{sx.written}' vs '{sy.written}'", f"whether {who} was {' or '.join(states)}",
            ("state", sx.subject.split()[-1], tuple(states)), answer_x, answer_y,
        )
    ]


def _answer(st: State) -> str:
    grade = "well " if st.grade > 0 else "badly " if st.grade < 0 else ""
    return ("" if st.positive else "not ") + grade + st.base


def subject_keys(s: Statement) -> list[str]:
    """What the finder buckets a statement with a state by: each subject's first word (one name
    written longer or shorter: "Qeshm" / "Qeshm City", compare.names_fit)."""
    return list(dict.fromkeys(tokens(st.subject)[0] for st in states_of(s) if tokens(st.subject)))
