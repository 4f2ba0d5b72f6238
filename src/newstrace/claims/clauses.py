"""Events a statement tells in clauses of their own, beside its main clause.

"The gunman, who was arrested on March 11, appeared in court" tells two events: the arrest (in a
relative clause, on March 11) and the appearance (the main clause, on no day said). A statement's
proposition is its main clause's (:mod:`newstrace.claims.propositions`); the clauses read here let
the conflict finder date each event by the words of its own clause, so that the arrest's day is set
against another source's day of the arrest, and not given to the appearance.
"""

from __future__ import annotations

from newstrace.claims.propositions import WEAK_PREDICATES, phrase
from newstrace.lang.en.disagreement import OCCURRENCE_VERBS
from newstrace.lang.en.reporting_verbs import SPEECH_VERBS
from newstrace.model import Clause, Span
from newstrace.text import stem

# Words that open an adverbial clause ("after police raided the house on Monday").
_MARKS = frozenset("after before when while as once since until because".split())
_RELATIVES = frozenset("who which that whom whose where".split())


def _opens_clause(t) -> bool:
    """A verb that opens a clause of its own: one with a relative word ("who was arrested", "that
    destroyed the warehouse") or one opened by "after"/"when" and the like, whatever the parse calls
    it ("caught after agents raided ...": the parse may read "after" as a preposition). A bare
    participle is not taken: the parse often reads a main verb as one ("An earthquake struck ...")."""
    if t.pos_ != "VERB" or t.head.i == t.i:
        return False
    # "that" as a mark opens a reported clause ("said that the gunman fired"), not a relative one
    if any(c.lower_ in _RELATIVES and c.i < t.i and c.dep_ != "mark" or c.dep_ == "mark" and c.lower_ in _MARKS for c in t.children):
        return True
    return t.left_edge.i < t.i and t.left_edge.lower_ in _MARKS


def clauses_in(tokens) -> tuple[Clause, ...]:
    """The relative and adverbial clauses inside a statement's tokens, each with its own verb,
    subject and object. A relative clause's subject ("who", "which") is the noun it is about; a
    speech verb's clause is the statement itself, not one inside it."""
    inside = {t.i for t in tokens}
    out: list[Clause] = []
    for t in tokens:
        if not _opens_clause(t) or t.head.i not in inside:
            continue
        lemma = t.lemma_.lower()
        if lemma in SPEECH_VERBS or lemma in WEAK_PREDICATES or not lemma.isalpha():
            continue
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and subj.lower_ in _RELATIVES and t.dep_ in ("acl:relcl", "advcl:relcl", "acl"):
            subj = t.head  # "the gunman, who was arrested": the gunman
        obj = next((c for c in t.children if c.dep_ in ("obj",)), None)
        if obj is not None and obj.lower_ in _RELATIVES and obj.i < t.i:
            obj = t.head  # "the rifle, which he bought": the rifle
        predicate = stem(lemma)
        if lemma in OCCURRENCE_VERBS and subj is not None and subj.pos_ == "NOUN":
            predicate, subj = stem(subj.lemma_.lower()), None  # "the attack, which happened on Monday"
        negated = any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in t.children)
        span = [x for x in t.subtree if x.i in inside]
        while span and span[0].is_punct:
            span.pop(0)  # ", who was arrested ...,": the commas set the clause off, they are not in it
        while span and span[-1].is_punct:
            span.pop()
        if not span:
            continue
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        out.append(Clause(Span(start, end), predicate, phrase(subj), phrase(obj), negated))
    return tuple(out)
