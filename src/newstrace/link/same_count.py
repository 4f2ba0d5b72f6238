"""Whether two figures count one kind of thing though their words differ.

Outlets name one quantity with other words: weapons "seized" / "confiscated", "ships" / "vessels",
"crewmen" / "crew members", a toll "killed" / "beheaded". A figure's measure (the verb or class it
is told with) and unit (what it counts) are matched by meaning (:mod:`newstrace.lang.en.senses`),
not only as written:

- two verbs fit when they share a sense or one is a manner of the other; a verb fits a class of
  casualty count (the killed, the arrested) when it fits one of the class's words ("nab" an arrest);
- two counted nouns count one thing when they share a sense ("crewmen" / "crew members"), or when
  one names a kind of the other ("rifles" / "weapons", "ships" / "vessels", "tank shells" /
  "shells"): in one story, of one incident and one action, outlets name one set of things with
  more or less detail (ECB+'s "two tank shells struck" / "three shells landed" is one set), so
  their figures conflict when their ranges do not meet, as figures named alike do. Two kinds of
  one thing ("rifles" / "pistols", "tank shells" / "artillery shells") are two sets.

Verbs are also matched by the pairs of words outlets were seen to use for one event
(:mod:`newstrace.lang.en.event_words`, learned from ECB+): "flattened" / "destroyed".

Units of measurement (metres, currencies, years) and counts of people in general are matched only
as written: "14 men" is often a part of a toll of "people", which the comparison keeps apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from newstrace.errors import ConfigError
from newstrace.lang.en.event_words import same_event
from newstrace.lang.en.quantities import COUNT_VERBS, MEASURE_NOUNS, MEASURE_WORDS, MONEY_MEASURE_WORDS
from newstrace.lang.en.senses import noun_relation, verbs_related
from newstrace.lang.en.word_vectors import similarity
from newstrace.model import Figure

# How words are matched by meaning: "senses" (WordNet), "vectors" (word vectors, the second design
# measured beside it), "both" (either says so), "events" (shipped: WordNet, and for a figure's verbs
# also the pairs of event words outlets were seen to use for one event in ECB+,
# newstrace.lang.en.event_words: the same conflicts as "senses" on every benchmark, and more of
# the words outlets use for one event joined, more precisely, on ECB+ topics it did not learn
# from: benchmarks/event_words_ecbplus.py), "exact" (as written only; the finder before).
MATCHING = "events"
MATCHINGS = ("senses", "vectors", "both", "events", "exact")
# Cosines at or above which two words' vectors are read as one thing or action (set on the dev topics).
NOUN_SIMILARITY = 0.8
VERB_SIMILARITY = 0.8


def _nouns(a: str, b: str) -> str | None:
    # the event words are not used for counted things: "aftershocks" and "earthquakes" name one
    # event in ECB+ as often as not, yet three aftershocks are not three earthquakes
    if MATCHING in ("senses", "both", "events") and (found := noun_relation(a, b)) is not None:
        return found
    if MATCHING in ("vectors", "both") and (similarity(a, b) or 0.0) >= NOUN_SIMILARITY:
        return "same"
    return None


def _verbs(a: str, b: str) -> bool:
    if MATCHING in ("senses", "both", "events") and verbs_related(a, b):
        return True
    if MATCHING == "events" and same_event(a, b):
        return True
    return MATCHING in ("vectors", "both") and (similarity(a, b) or 0.0) >= VERB_SIMILARITY


# Measures that are a class (a figure's measure is else its verb's lemma).
_CLASSES = frozenset(MEASURE_WORDS) | frozenset(MONEY_MEASURE_WORDS) | frozenset(COUNT_VERBS) | MEASURE_NOUNS | frozenset(
    {"casualties", "magnitude", "age", "population", "distance", "fall", "inside"}
)
# Units that are not a counted noun: measured, or money, or people in general.
# "buildings" is a class too: claims.counted names homes, houses and buildings all so, and a
# narrowed kind ("government office buildings") is kept apart from it as a part.
_MEASURED_UNITS = frozenset({"", "people", "m", "m2", "km/h", "%", "years", "magnitude", "count", "$", "buildings"})


# Units of measurement and money: what such a figure measures is matched only as written.
_MEASUREMENT_UNITS = frozenset({"m", "m2", "km/h", "%", "years", "magnitude", "$"})


def _measurement(unit: str) -> bool:
    return unit in _MEASUREMENT_UNITS or unit.isupper()  # "EUR", "GBP"


def _is_class(measure: str) -> bool:
    return measure in _CLASSES or ":" in measure or " " in measure


def _verb(measure: str) -> bool:
    return measure.isalpha() and not _is_class(measure)


@lru_cache(maxsize=4096)
def measures_fit(a: str, b: str) -> bool:
    """Whether two figures' measures can name one quantity ("seize" / "confiscate", "nab" / the
    class of arrests)."""
    if a == b:
        return True
    if MATCHING == "exact":
        return False
    if _verb(a) and _verb(b):
        return _verbs(a, b)
    if _verb(a) != _verb(b):
        key, verb = (b, a) if _verb(a) else (a, b)
        # the classes of casualty counts only: a crowd's, a strike's or damage's verbs were chosen
        # narrowly ("four bombs were dropped" are not the two that "fell" on the airstrip)
        return any(_verbs(verb, w) for w in MEASURE_WORDS.get(key, ()))
    return False


@lru_cache(maxsize=4096)
def units_relation(a: str, b: str) -> str | None:
    """"same", "narrower" (``a`` counts a kind of what ``b`` counts), "wider", or None."""
    if a == b:
        return "same"
    if a in _MEASURED_UNITS or b in _MEASURED_UNITS or a.isupper() or b.isupper():
        return None  # "EUR" / "GBP", "m" / "people": as written only
    return _nouns(a, b) if MATCHING != "exact" else None


def relation(a: Figure, b: Figure) -> str | None:
    """How what ``a`` counts stands to what ``b`` counts: "same", "narrower", "wider", or None
    when they are not counts of one thing (measure and unit both fit)."""
    measured = _measurement(a.unit) or _measurement(b.unit)
    if a.unit != b.unit and measured:
        return None
    if a.measure != b.measure and (measured or not measures_fit(a.measure or "", b.measure or "")):
        return None  # a length or an amount is named by its verb as written: "go 300 miles" is no "90 miles per gallon"
    return units_relation(a.unit, b.unit)


def counted_by_words(f: Figure) -> bool:
    """Whether a figure's measure or unit is a word that other words may name (a verb, a noun),
    so that candidate pairs must not be limited to figures named alike."""
    if _measurement(f.unit):
        return False
    return _verb(f.measure or "") or f.unit not in _MEASURED_UNITS


# MATCHING stays a module setting rather than a context every caller passes: the product never
# changes it, only the benchmarks (one design per process, `--matching`) and tests do; passing it
# would add a parameter to every comparison in compare/conflicts and to the keys of the memoised
# lookups above for a choice no caller of the product makes. Tests switch it with `matching()`,
# which puts back what was set.


def set_matching(kind: str) -> None:
    """Choose how words are matched (see MATCHING): the benchmarks measure each design."""
    global MATCHING
    if kind not in MATCHINGS:
        raise ConfigError(f"matching {kind!r}: expected one of {', '.join(MATCHINGS)}")
    MATCHING = kind
    measures_fit.cache_clear()
    units_relation.cache_clear()


@contextmanager
def matching(kind: str) -> Iterator[None]:
    """Match words by ``kind`` inside the block, then as before it."""
    before = MATCHING
    set_matching(kind)
    try:
        yield
    finally:
        set_matching(before)
