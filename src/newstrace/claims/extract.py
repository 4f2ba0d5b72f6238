"""Claims of one article: the statement units (quote contents, narration) and what each says."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left

from newstrace.claims.clauses import clauses_in
from newstrace.claims.dates import background_dates
from newstrace.claims.durations import durations_in
from newstrace.claims.figures import figures_in, zero_figures
from newstrace.claims.propositions import proposition
from newstrace.claims.stances import stance_clauses
from newstrace.lang.en.disagreement import BLAME_VERBS, STANCE_VERBS
from newstrace.model import Article, Claim, Quote, Span
from newstrace.text import fold, stem

Unit = tuple[int, int, str | None, list[tuple[int, int]], str | None]


def _units(article: Article) -> tuple[list[Unit], set[tuple[int, int]]]:
    """(start, end, quote id, spans left out, stance holder) per statement unit, in text order.

    A quote's content within one sentence is one unit; the rest of the sentence, when it says
    something of its own, is the narration unit (the quote contents are left out of it); a
    contrasted stance clause ("..., but Putin has tried to pin the blame on Ukraine") is a unit
    of its own, held by its subject."""
    units: list[Unit] = []
    stances: set[tuple[int, int]] = set()
    for start, end, qid, holes in _base_units(article):
        for a, b, holder in stance_clauses(article.text, start, end):
            units.append((a, b, None, [], holder))
            stances.add((a, b))
            holes = [*holes, (a, b)]
            if b >= end:
                end = max(start + 1, a)  # the clause was the unit's tail: the unit ends before it
        units.append((start, end, qid, holes, None))
    return units, stances


def _base_units(article: Article) -> list[tuple[int, int, str | None, list[tuple[int, int]]]]:
    contents = [(s.start, s.end, q.id) for q in article.quotes if q.kind != "no_comment" for s in q.content]
    units: list[tuple[int, int, str | None, list[tuple[int, int]]]] = []
    sentences = [(s.span.start, s.span.end) for s in article.sentences] or [(0, len(article.text))]
    for s0, s1 in sentences:
        parts: dict[str, list[tuple[int, int]]] = {}
        for a, b, qid in contents:
            if a < s1 and s0 < b:
                parts.setdefault(qid, []).append((max(a, s0), min(b, s1)))
        # a quote's discontinuous content within one sentence is one statement ("that X ... underscores Y")
        inside = [(min(a for a, _ in ps), max(b for _, b in ps), qid) for qid, ps in parts.items()]
        for a, b, qid in inside:
            if b - a >= 3:
                nested = [(x, y) for x, y, other in inside if other != qid and a <= x and y <= b and (x, y) != (a, b)]
                units.append((a, b, qid, nested))
        covered = sum(b - a for a, b, _ in inside)
        if covered < 0.8 * (s1 - s0):
            units.append((s0, s1, None, [(a, b) for a, b, _ in inside]))
    return units


def find_claims(article: Article, doc) -> tuple[Claim, ...]:
    """The claims of an analysed article (``doc``: its spaCy parse)."""
    if doc is None or not article.text:
        return ()
    text = article.text
    places = [(m.span.start, m.span.end, fold(text[m.span.start : m.span.end])) for m in article.mentions if m.label == "PLACE"]
    names = {e.id: e.name for e in article.entities}
    persons = [(m.span.start, m.span.end, fold(names.get(m.entity_id or "", text[m.span.start : m.span.end]))) for m in article.mentions if m.label == "PERSON"]
    timexes = [(x.span.start, x.span.end) for x in article.timexes]
    dated = [(x.span.start, x.value) for x in article.timexes if x.type in ("DATE", "TIME") and x.value]
    tokens = list(doc)
    starts = [t.idx for t in tokens]  # in text order: a unit's tokens are one slice, found by bisection
    out: list[Claim] = []
    quotes = {q.id: q for q in article.quotes}
    units, stances = _units(article)
    for start, end, qid, holes, holder in units:
        inside = tokens[bisect_left(starts, start) : bisect_left(starts, end)]
        toks = [t for t in inside if not any(a <= t.idx < b for a, b in holes)]
        stance_holes = [(a, b) for a, b in holes if (a, b) in stances]
        wording = "".join(text[i] if not any(a <= i < b for a, b in stance_holes) else " " for i in range(start, end))
        if qid is not None and (verb := _blame_cue(quotes.get(qid))):
            wording = f"{verb} {wording}"  # "accused [the government for the deaths]": the cue names the blame
        prop = proposition(toks, wording)
        if prop is None:
            continue
        if qid is None and holder is None:
            holder = _stance_holder(toks, article)
        skip = timexes + holes
        own_timexes = tuple(t for t in article.timexes if not any(a <= t.span.start < b for a, b in holes))
        figures = figures_in(doc, text, start, end, places, persons, skip) + zero_figures(toks) + durations_in(doc, text, own_timexes, start, end)
        dates = tuple(v for at, v in dated if start <= at < end and not any(a <= at < b for a, b in holes) and not _REFERENCE_POINT.search(text, start, at))
        if not dates and out and qid is None and holder is None and out[-1].quote_id is None and _background(out[-1].dates, article):
            dates = out[-1].dates  # a background paragraph goes on ("In April last year a quake struck ... Five people died")
        out.append(
            Claim(
                Span(start, end), qid, prop.predicate, holder, prop.subject, prop.object, prop.negated, prop.hedged, figures,
                dates, prop.blames, prop.blamed_for, prop.exclusive, prop.rebuts, clauses_in(toks),
            )
        )
    return _headline_bounds(tuple(out), article)


_BLAME_STEMS = frozenset(stem(f) for v in BLAME_VERBS for f in (v, v + "s", v + "d"))  # "accuse" and "accused" stem apart


def _blame_cue(quote: Quote | None) -> str | None:
    """The cue of a quote that reports blame ("has accused", "blamed"): its content is then the
    blamed party and the deed ("the government for the deaths"), and reads as blame only with the
    cue before it."""
    if quote is None or not quote.cue_text:
        return None
    words = quote.cue_text.split()
    return words[-1] if words and stem(words[-1].lower()) in _BLAME_STEMS else None


# A date a superlative is measured from is not the claim's occasion: "easily the biggest protest
# since Papandreou took office last October", "the worst quake since 2004".
_REFERENCE_POINT = re.compile(r"\b(?:[a-z]+est|worst|best|first|most\s+[a-z]+)\s+(?:[a-z]+\s+){0,3}?since\b[^.;:]{0,80}$", re.IGNORECASE)


def _background(dates: tuple[str, ...], article: Article) -> bool:
    probe = Claim(Span(0, 0), None, "", dates=dates)
    return bool(background_dates(probe, article.published.value if article.published else None))


def _headline_bounds(claims: tuple[Claim, ...], article: Article) -> tuple[Claim, ...]:
    """A headline abbreviates its body: a bare figure in the first sentence takes the bound or the
    "so far" the body gives the same figure ("Five dead" over "at least five ... so far")."""
    if not claims or not article.sentences:
        return claims
    first = article.sentences[0].span
    if len(article.text[first.start : first.end].split()) > 14 or article.text[first.start : first.end].rstrip().endswith("."):
        return claims  # a lead sentence, not a headline
    body = [f for c in claims if c.span.start >= first.end for f in c.figures]
    out = []
    for c in claims:
        if c.span.start >= first.end:
            out.append(c)
            continue
        figures = []
        for f in c.figures:
            if f.low is not None and f.low == f.high or (f.low is not None and f.high is not None):
                same = [g for g in body if g.measure == f.measure and g.unit == f.unit and g.low is not None and f.low <= g.low <= (f.high or f.low) and (g.high is None or g.provisional)]
                if same:
                    f = dataclasses.replace(f, low=same[0].low, high=None, provisional=same[0].provisional)
            figures.append(f)
        out.append(dataclasses.replace(c, figures=tuple(figures)))
    return tuple(out)


def _last_person(article: Article, before: int) -> str | None:
    names = {e.id: e.name for e in article.entities}
    people = [m for m in article.mentions if m.label == "PERSON" and m.span.end <= before]
    if not people:
        return None
    m = people[-1]
    return names.get(m.entity_id or "", article.text[m.span.start : m.span.end])


# Sentence openers that point back to the event of the sentence before.
_BACK_REFERENCES = frozenset("it that this the same".split())


def _stance_holder(tokens, article: Article) -> str | None:
    """The named subject of a stance verb the article reports in its own words ("Israel accused
    Hamas of ...", "Sudan has denied striking ..."): the statement is that subject's. "He"/"she"
    is the last person the article named before."""
    inside = {t.i for t in tokens}
    for t in tokens:
        top = t.head.i not in inside or t.head.i == t.i
        shared = t.dep_ == "conj" and t.head.i in inside and (t.head.head.i not in inside or t.head.head.i == t.head.i)
        if (top or shared) and t.pos_ == "VERB" and t.lemma_.lower() in STANCE_VERBS:
            subj = next((c for c in t.children if c.dep_ in ("nsubj",)), None)
            if subj is None and shared:
                subj = next((c for c in t.head.children if c.dep_ in ("nsubj",)), None)  # "Swift took to social media and accused Braun"
            if subj is not None and subj.lower_ in ("he", "she"):
                return _last_person(article, subj.idx)
            if subj is not None and subj.pos_ == "PROPN":
                parts = sorted([subj, *(c for c in subj.children if c.dep_ in ("compound", "flat", "flat:name") and c.pos_ == "PROPN")], key=lambda x: x.i)
                return " ".join(p.text for p in parts)
            if subj is not None and subj.pos_ == "NOUN" and any(c.pos_ == "PROPN" for c in subj.children):
                return " ".join(x.text for x in subj.subtree if x.dep_ != "det" and not x.is_punct)
    return None
