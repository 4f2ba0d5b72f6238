"""Candidate statement pairs of one story, and what a pair's claims say side by side, as numbers.

The input of the trained pair classifier (:mod:`newstrace.link.pair_model`), the second design
beside the rules of :mod:`newstrace.link.compare`. Candidates are wider than the rules' buckets:
any two statements of a story that give a figure of the same measure, unit or thing, share a
predicate (of the main clause or a side clause, or two predicates that name one action by meaning)
or a subject, blame or deny something, or name the same entity (one the whole story names is no
evidence: it is in every statement). Each feature is read from the claims through compare's own
functions, so the model sees the rules' notions (comparable figures, the same occasion, a denial)
and learns how much each counts; and generic ones: whether the two tell one action of one
participant, and which slot they fill differently (the thing, the date, the place, the person, a
number written in the text whether or not a figure was made of it).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from newstrace.claims.propositions import WEAK_PREDICATES
from newstrace.claims.ranges import gap, overlap
from newstrace.lang.en.event_words import same_event as same_event_word
from newstrace.lang.en.senses import noun_relation
from newstrace.link.compare import (
    another_incident,
    comparable,
    compare,
    denies,
    far_apart,
    figure_range,
    is_charge,
    is_plea,
    other_quakes,
    same_deed,
    same_occasion,
    same_source,
)
from newstrace.link.markers import repeats
from newstrace.link.statements import Statement
from newstrace.model import Article, Figure
from newstrace.text import content_stems, fold, tokens
from newstrace.timex.numbers import WORD_NUMBERS

# Order of the feature vector; the shipped weights name them, so a renamed feature is noticed.
FEATURES: tuple[str, ...] = (
    "rules_any", "rules_figures", "rules_zero", "rules_denial", "rules_blame", "rules_dates", "rules_confidence",
    "fig_both", "fig_same_measure", "fig_same_unit", "fig_same_about", "fig_comparable", "fig_overlap",
    "fig_disjoint", "fig_log_ratio", "fig_gap", "fig_exact_both", "fig_provisional", "fig_casualty_zero",
    "unit_disjoint", "unit_agree", "unit_log_ratio", "measure_disjoint", "measure_agree",
    "other_quakes", "other_people", "far_apart", "side_places_differ", "fig_context_jaccard", "fig_next_word_same",
    "rules_reported", "position_first", "position_last",
    "hedged", "narration_any", "narration_both", "same_article", "same_speaker_name", "same_outlet",
    "denial_asym", "denial_any", "same_predicate", "weak_predicate", "same_subject", "same_object",
    "blame_both", "blame_disjoint", "blame_exclusive", "blame_vs_denier", "charge_plea",
    "word_jaccard", "near_copy", "same_occasion", "another_incident", "years_differ", "shared_entities",
    "stance_any", "text_short",
    # what the pair is about, by meaning, and which slot of it differs (session 8)
    "pred_related", "clause_pred_shared", "subject_related", "object_differs",
    "dates_both", "dates_disjoint", "places_named_differ", "people_named_differ",
    "numbers_text_differ", "numbers_text_shared", "negated_asym", "hedged_both",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
_RULE_KINDS = ("figures", "zero", "denial", "blame", "dates")
_YEAR = re.compile(r"^\d{4}$")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
RARE_WORD = 0.02  # a word at most this share of a story's statements use keys a bucket
MAX_BUCKET = 300  # a key most statements share says nothing; its pairs are cut like the rules' buckets


def entity_names(article: Article, s: Statement) -> frozenset[str]:
    """Folded names of the entities mentioned inside a statement's passage."""
    return frozenset(
        fold(article.text[m.span.start : m.span.end]) for m in article.mentions if s.start <= m.span.start < s.end and m.label in ("PERSON", "ORG", "PLACE", "EVENT")
    )


def entity_kinds(article: Article, s: Statement) -> tuple[frozenset[str], frozenset[str]]:
    """Folded names of the people, and of the places, mentioned inside a statement's passage."""
    inside = [(m.label, fold(article.text[m.span.start : m.span.end])) for m in article.mentions if s.start <= m.span.start < s.end]
    return frozenset(n for label, n in inside if label == "PERSON"), frozenset(n for label, n in inside if label == "PLACE")


def predicates(s: Statement) -> frozenset[str]:
    """The predicates a statement tells: its main clause's and its relative or adverbial clauses'
    ("the gunman, who was arrested on Monday, ..."), weak ones ("be", "say") left out."""
    c = s.claim
    if c is None:
        return frozenset()
    return frozenset(p for p in (c.predicate, *(k.predicate for k in c.clauses)) if p and p not in WEAK_PREDICATES)


def related_predicates(a: str, b: str) -> bool:
    """Two predicates that can name one action: the same stem, WordNet's verbs or nouns of one
    deed ("kill" / "slay"), or words outlets were seen to use for one event (event_words)."""
    if a == b:
        return True
    if ":" in a or ":" in b:
        return False
    return same_deed(a, b) or same_event_word(a, b)


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def numbers_in(text: str) -> frozenset[float]:
    """The numbers a passage writes, in digits ("20,000", "7.2") or words ("six"), read whether or
    not the claims layer made a figure of them: a figure it missed is still a value that can differ."""
    out = {float(m.group().replace(",", "").rstrip(".")) for m in _NUMBER.finditer(text) if m.group().replace(",", "").rstrip(".")}
    out |= {float(WORD_NUMBERS[t]) for t in tokens(text) if t in WORD_NUMBERS and WORD_NUMBERS[t] > 1}
    return frozenset(out)


def candidate_pairs(statements: Sequence[Statement], entities: dict[int, frozenset[str]] | None = None) -> Iterator[tuple[Statement, Statement]]:
    """Pairs of statements (claims only) that share something a conflict could be about, each once,
    never a source with itself, two overlapping passages or an article's narration with itself.
    ``entities``: per statement (by ``id``) the entity names it mentions."""
    every = [s for s in statements if s.claim is not None and not s.no_comment]
    entities = entities or {}
    articles = {s.article_id for s in every}
    named: dict[str, set[str]] = defaultdict(set)
    for s in every:
        for e in entities.get(id(s), ()):
            named[e].add(s.article_id)
    story_wide = {e for e, arts in named.items() if len(arts) >= max(3, 0.5 * len(articles))}
    # words few statements of the story use ("undamaged", "equipped", "shotgun"): two statements
    # that share one may say opposite things of one detail; the story's common words say nothing
    stems = {id(s): set(content_stems(s.text)) for s in every}
    used: dict[str, int] = defaultdict(int)
    for s in every:
        for w in stems[id(s)]:
            used[w] += 1
    rare = {w for w, n in used.items() if 2 <= n <= max(3, RARE_WORD * len(every))}
    # predicates of one action by meaning share a bucket ("died" / "were killed", "destroyed" /
    # "toppled" where WordNet or the outlets' event words join them), main clause or side clause
    told = sorted({p for s in every for p in predicates(s)})
    kin = {p: {q for q in told if related_predicates(p, q)} for p in told}
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for n, s in enumerate(every):
        c = s.claim
        assert c is not None
        keys: set[tuple] = set()
        for f in c.figures:
            keys |= {("measure", f.measure), ("unit", f.unit)}
            if f.about:
                keys.add(("about", f.about))
        for pred in predicates(s):
            keys |= {("predicate", q) for q in kin[pred]}
        if c.subject:
            keys.add(("subject", c.subject))
        if c.blames or denies(s) or c.rebuts or is_charge(s) or is_plea(s):
            keys.add(("blame",))
        for e in entities.get(id(s), ()):
            if e not in story_wide:
                keys.add(("entity", e))
        keys |= {("word", w) for w in stems[id(s)] & rare}
        for k in keys:
            buckets[k].append(n)
    seen: set[tuple[int, int]] = set()
    for key in sorted(buckets, key=repr):
        members = buckets[key][:MAX_BUCKET]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                x, y = every[a], every[b]
                if x.article_id == y.article_id and (x.start < y.end and y.start < x.end or x.narration and y.narration):
                    continue
                if same_source(x, y):
                    continue
                yield x, y


def _value(f: Figure) -> float | None:
    vals = [v for v in (f.low, f.high) if v is not None]
    return sum(vals) / len(vals) if vals else None


def _context(text: str, f: Figure, width: int = 40) -> set[str]:
    return set(content_stems(text[max(0, f.span.start - width) : f.span.start] + " " + text[f.span.end : f.span.end + width]))


def _context_overlap(text_x: str, a: Figure, text_y: str, b: Figure) -> float:
    ca, cb = _context(text_x, a), _context(text_y, b)
    return len(ca & cb) / len(ca | cb) if ca | cb else 0.0


def _next_word(text: str, f: Figure) -> str:
    """The first content word after a figure: what it counts ("people", "houses", "miles")."""
    after = content_stems(text[f.span.end : f.span.end + 30])
    return after[0] if after else ""


def features(
    x: Statement, y: Statement, text_x: str, text_y: str, story_places: frozenset[str] = frozenset(),
    entities_x: frozenset[str] = frozenset(), entities_y: frozenset[str] = frozenset(),
    places_x: frozenset[str] = frozenset(), places_y: frozenset[str] = frozenset(), rules_reported: bool = False,
    kinds_x: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    kinds_y: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> list[float]:
    """The feature vector of a pair (in :data:`FEATURES` order); symmetric in x and y.
    ``entities_*``: entity names each statement mentions; ``places_*``: the places other than the
    story's it names (a side incident's place, conflicts._places); ``rules_reported``: the rules'
    conflict finder reports the two statements on opposite sides of one conflict; ``kinds_*``: the
    people and the places each statement names (:func:`entity_kinds`)."""
    v = [0.0] * len(FEATURES)

    def put(name: str, value: float | bool) -> None:
        v[_INDEX[name]] = float(value)

    cx, cy = x.claim, y.claim
    if cx is None or cy is None:
        return v
    findings = compare(x, y, text_x, text_y, story_places) + compare(y, x, text_y, text_x, story_places)
    put("rules_any", bool(findings))
    for kind in _RULE_KINDS:
        put(f"rules_{kind}", any(f.kind == kind for f in findings))
    put("rules_confidence", max((f.confidence for f in findings), default=0.0))
    put("rules_reported", rules_reported)

    if cx.figures and cy.figures:
        put("fig_both", True)
        pairs = [(a, b) for a in cx.figures for b in cy.figures]
        put("fig_same_measure", any(a.measure == b.measure for a, b in pairs))
        put("fig_same_unit", any(a.unit == b.unit for a, b in pairs))
        put("fig_same_about", any(a.about and a.about == b.about for a, b in pairs))
        comp = [(a, b) for a, b in pairs if comparable(a, b, story_places)]
        put("fig_comparable", bool(comp))
        if comp:
            disjoint = [(a, b) for a, b in comp if not overlap(figure_range(a), figure_range(b))]
            put("fig_overlap", len(disjoint) < len(comp))
            put("fig_disjoint", bool(disjoint))
            a, b = max(disjoint or comp, key=lambda p: gap(figure_range(p[0]), figure_range(p[1])))
            va, vb = _value(a), _value(b)
            if va and vb and va > 0 and vb > 0:
                put("fig_log_ratio", min(3.0, abs(math.log(va / vb))))
            put("fig_gap", gap(figure_range(a), figure_range(b)))
            put("fig_exact_both", a.low == a.high and b.low == b.high)
            put("fig_provisional", a.provisional or b.provisional)
        # figures of one unit or one measure whose thing or place was read differently (or not at
        # all): the extraction's misses, where only the values can tell agreement from conflict
        same_unit = [(a, b) for a, b in pairs if a.unit == b.unit and a.unit not in ("$", "")]
        unit_disjoint = [(a, b) for a, b in same_unit if not overlap(figure_range(a), figure_range(b))]
        put("unit_disjoint", bool(unit_disjoint))
        put("unit_agree", len(unit_disjoint) < len(same_unit))
        ratios = [abs(math.log(va / vb)) for a, b in unit_disjoint if (va := _value(a)) and (vb := _value(b)) and va > 0 and vb > 0]
        put("unit_log_ratio", min(3.0, min(ratios, default=0.0)))
        if same_unit:
            # what the figures count, read around them: "an 11-year-old girl" vs "Horton, 34"
            a, b = max(unit_disjoint or same_unit, key=lambda p: _context_overlap(text_x, p[0], text_y, p[1]))
            put("fig_context_jaccard", _context_overlap(text_x, a, text_y, b))
            put("fig_next_word_same", _next_word(text_x, a) == _next_word(text_y, b) != "")
        same_measure = [(a, b) for a, b in pairs if a.measure == b.measure and a.measure]
        measure_disjoint = [(a, b) for a, b in same_measure if not overlap(figure_range(a), figure_range(b))]
        put("measure_disjoint", bool(measure_disjoint))
        put("measure_agree", len(measure_disjoint) < len(same_measure))
        put("other_quakes", other_quakes(cx, cy))
        ages_x = {f.low for f in cx.figures if f.measure == "age"}
        ages_y = {f.low for f in cy.figures if f.measure == "age"}
        put("other_people", bool(ages_x and ages_y and not ages_x & ages_y))
        put("far_apart", any(far_apart(a, b) for a, b in same_unit))
        put("fig_casualty_zero", any(
            (a.measure == "casualties" and a.high == 0 and (b.low or 0) >= 1) or (b.measure == "casualties" and b.high == 0 and (a.low or 0) >= 1) for a, b in pairs
        ))

    put("side_places_differ", places_x != places_y)
    # where in its article each statement stands: a story's own figures lead, background (past
    # quakes, earlier attacks) comes last
    at_x, at_y = x.start / max(1, len(text_x)), y.start / max(1, len(text_y))
    put("position_first", min(at_x, at_y))
    put("position_last", max(at_x, at_y))
    put("hedged", cx.hedged or cy.hedged)
    put("narration_any", x.narration or y.narration)
    put("narration_both", x.narration and y.narration)
    put("same_article", x.article_id == y.article_id)
    put("same_speaker_name", fold(x.speaker) == fold(y.speaker))
    put("same_outlet", bool(x.outlet) and x.outlet == y.outlet)
    dx, dy = denies(x), denies(y)
    put("denial_asym", dx != dy)
    put("denial_any", dx or dy)
    put("same_predicate", cx.predicate == cy.predicate)
    put("weak_predicate", cx.predicate in WEAK_PREDICATES or cy.predicate in WEAK_PREDICATES)
    put("same_subject", bool(cx.subject) and cx.subject == cy.subject)
    put("same_object", bool(cx.object) and cx.object == cy.object)
    if cx.blames and cy.blames:
        put("blame_both", True)
        bx = {w for b in cx.blames for w in b.split()}
        by = {w for b in cy.blames for w in b.split()}
        put("blame_disjoint", not bx & by)
    put("blame_exclusive", cx.exclusive or cy.exclusive)
    put("blame_vs_denier", any(
        c.blames and denies(other) and any(w in fold(other.speaker).split() for b in c.blames for w in b.split() if len(w) > 2)
        for c, other in ((cx, y), (cy, x))
    ))
    put("charge_plea", (is_charge(x) and is_plea(y)) or (is_charge(y) and is_plea(x)))
    sx, sy = set(content_stems(x.text)), set(content_stems(y.text))
    put("word_jaccard", len(sx & sy) / len(sx | sy) if sx | sy else 0.0)
    put("near_copy", min(repeats(x.text, y.text), repeats(y.text, x.text)))
    put("same_occasion", same_occasion(x, y))
    put("another_incident", another_incident(x) or another_incident(y))
    yx = {d for d in cx.dates if _YEAR.match(d)}
    yy = {d for d in cy.dates if _YEAR.match(d)}
    put("years_differ", bool(yx and yy and not yx & yy))
    put("shared_entities", min(3, len(entities_x & entities_y)) / 3)
    put("stance_any", x.kind == "stance" or y.kind == "stance")
    put("text_short", min(len(x.text.split()), len(y.text.split())) < 6)
    _slots(put, x, y, kinds_x, kinds_y)
    return v


def _slots(
    put: Callable[[str, float | bool], None], x: Statement, y: Statement,
    kinds_x: tuple[frozenset[str], frozenset[str]], kinds_y: tuple[frozenset[str], frozenset[str]],
) -> None:
    """Whether the two statements tell one action of one participant, and which of its slots they
    fill differently: the thing it was done to, the date, the place, the person, a number."""
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    px, py = predicates(x), predicates(y)
    main_x, main_y = cx.predicate, cy.predicate
    related = main_x != main_y and main_x not in WEAK_PREDICATES and main_y not in WEAK_PREDICATES and related_predicates(main_x, main_y)
    put("pred_related", related)
    put("clause_pred_shared", bool(px & py) and main_x != main_y)
    one_action = main_x == main_y or related
    sx, sy = cx.subject, cy.subject
    put("subject_related", bool(sx and sy and (sx == sy or noun_relation(sx, sy) is not None)))
    ox, oy = cx.object, cy.object
    put("object_differs", one_action and bool(ox and oy and ox != oy and noun_relation(ox, oy) is None))
    if cx.dates and cy.dates:
        put("dates_both", True)
        put("dates_disjoint", not set(cx.dates) & set(cy.dates))
    (people_x, where_x), (people_y, where_y) = kinds_x, kinds_y
    put("places_named_differ", bool(where_x and where_y and not where_x & where_y))
    put("people_named_differ", bool(people_x and people_y and not people_x & people_y))
    nx, ny = numbers_in(x.text), numbers_in(y.text)
    put("numbers_text_differ", bool(nx and ny and not nx & ny))
    put("numbers_text_shared", bool(nx & ny))
    put("negated_asym", cx.negated != cy.negated)
    put("hedged_both", cx.hedged and cy.hedged)
