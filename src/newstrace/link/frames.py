"""One event told by two sources: the same frame (an act and its named participants), read from
what the claims layer gives each statement (predicate, subject, object), so that one slot of it
given two ways can be set against the other: the day or year (link/event_dates.py, compare._dates),
the length (link/durations.py), who did it (:func:`other_doers`), or what with (:func:`instrument`).

Two statements tell one act when their predicates are one verb, or two verbs WordNet gives a
common sense ("vanished" / "disappeared", "seized" / "confiscated": lang/en/senses.py), or two words
outlets were seen to use for one event (lang/en/event_words.py). Verbs of saying and of stance are
no act of the story: "said" and "stated" frame every quote. The claims give predicates as stems
("vanish", "arr" for "arrested"); the verb is looked up as the statement writes it.

The doer slot: "Smith shot Jones" against "Brown shot Jones", or "Jones was arrested by the FBI"
against "the Army arrested Jones". Both doers must be named (a proper name as the statement writes
it: "police" and "officials" are no name, and a surname fits its full name), the one done to named
and the same on both sides, and neither side may name the other's doer at all (then the two may be
joint doers, or the one side tells of both).

The instrument slot: "stabbed Jones with a knife" against "hit Jones with a hammer" is no conflict
(two acts), but "killed Jones with a knife" against "killed Jones with a hammer" is. The thing
after the act's "with" must be a made thing by WordNet (an artifact: not "with his wife", not
"with help", not "with permission"), and the two things of no one kind: "a rifle" and "a gun"
tell one weapon, the second more vaguely.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newstrace.claims.propositions import WEAK_PREDICATES
from newstrace.lang.en.disagreement import STANCE_VERBS
from newstrace.lang.en.event_words import same_event as same_event_words
from newstrace.lang.en.reporting_verbs import SPEECH_VERBS
from newstrace.lang.en.senses import artifact, is_verb, noun_relation, verbs_related
from newstrace.lang.en.verb_forms import IRREGULAR_PAST
from newstrace.text import STOPWORDS, fold, stem

_NOT_ACTS = frozenset(stem(v) for v in SPEECH_VERBS | STANCE_VERBS) | SPEECH_VERBS | STANCE_VERBS | WEAK_PREDICATES
_WORD = re.compile(r"[A-Za-z]+")
# The inflections a verb is written with, longest first, and what its lemma ends with then.
_ENDINGS = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", ""), ("", ""))


def is_act(predicate: str) -> bool:
    """Whether a predicate tells an act of the story: not a state ("be:..."), not a verb of saying
    or stance, not a verb too general to say what happened."""
    return bool(predicate) and ":" not in predicate and predicate not in _NOT_ACTS and len(predicate) >= 3


@lru_cache(maxsize=65536)
def _bare_forms(word: str) -> frozenset[str]:
    """The lemmas a written word may be a form of: itself, with an ending undone ("arrested" ->
    "arrest", "arrested" -> "arreste"), or an irregular form's lemma ("shot" -> "shoot")."""
    if word in IRREGULAR_PAST:
        return frozenset({word, IRREGULAR_PAST[word]})
    out = {word}
    for end, base in _ENDINGS:
        if end and word.endswith(end) and len(word) - len(end) >= 3:
            out.add(word[: len(word) - len(end)] + base)
            if end in ("ed", "ing") and len(word) - len(end) >= 4 and word[-len(end) - 1] == word[-len(end) - 2]:
                out.add(word[: len(word) - len(end) - 1])  # "stopped" -> "stop"
    return frozenset(out)


@lru_cache(maxsize=65536)
def writes(word: str, predicate: str) -> bool:
    """Whether a written word (lower case) is a form of the verb a predicate stems from."""
    return any(stem(b) == predicate for b in _bare_forms(word))


@lru_cache(maxsize=16384)
def verb_words(text: str, predicate: str) -> tuple[re.Match[str], ...]:
    """The words of ``text`` that write the predicate (a stem of the verb's lemma): "arrested"
    for "arr", "shot" for "shoot" (an irregular form, lang/en/verb_forms.py). Read once per
    statement, asked once per pair."""
    return tuple(m for m in _WORD.finditer(text) if writes(m.group(0).lower(), predicate))


@lru_cache(maxsize=65536)
def _lemmas(predicate: str, text: str) -> tuple[str, ...]:
    """The verb lemmas a stem predicate may be written as in ``text`` ("arrested" -> "arrest",
    "vanished" -> "vanish", "shot" -> "shoot")."""
    out = {predicate}
    for m in verb_words(text, predicate):
        out |= _bare_forms(m.group(0).lower())  # all: the lemmatiser may have cut "knifed" to "knif", not "knife"
    return tuple(sorted(w for w in out if w == predicate or is_verb(w)))  # "stabbe" is no verb


def same_act(pred_x: str, text_x: str, pred_y: str, text_y: str) -> bool:
    """Whether two predicates (stems, as claims give them) tell one act, as written in their texts."""
    if pred_x == pred_y:
        return True
    if not is_act(pred_x) or not is_act(pred_y):
        return False
    return _related(pred_x, text_x, pred_y, text_y)


def _related(pred_x: str, text_x: str, pred_y: str, text_y: str) -> bool:
    lx, ly = _lemmas(pred_x, text_x), _lemmas(pred_y, text_y)
    return any(_lemmas_related(a, b) for a in lx for b in ly)


@lru_cache(maxsize=65536)
def _lemmas_related(a: str, b: str) -> bool:
    return a == b or verbs_related(a, b) or same_event_words(a, b)


@lru_cache(maxsize=65536)
def named_in(name: str | None, text: str) -> bool:
    """Whether a folded participant is a proper name where the statement writes it: each of its
    words written with a capital ("Jones", "the FBI"), not at the start of the sentence only."""
    if not name:
        return False
    words = [w for w in name.split() if w not in STOPWORDS]
    if not words:
        return False
    for w in words:
        found = [m for m in re.finditer(rf"\b{re.escape(w)}\b", text, re.I) if m.start() > 0 or len(words) > 1]
        if not found or not all(m.group(0)[:1].isupper() for m in found):
            return False
    return True


_BY = re.compile(r"\bby\s+(?:the\s+)?(?P<by>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4})")


@lru_cache(maxsize=16384)
def passive_doer(text: str, predicate: str) -> str | None:
    """The doer a passive clause names after "by" ("Jones was arrested by the FBI"): the proper
    name right after the verb's "by", folded."""
    for m in verb_words(text, predicate):
        by = _BY.match(text, m.end() + 1)
        if by is not None:
            return fold(by.group("by").rstrip("."))
    return None


@lru_cache(maxsize=65536)
def _mentions(text: str, name: str) -> bool:
    """Whether a text names any word of a name (a doer told on the other side)."""
    words = [w for w in name.split() if w not in STOPWORDS and len(w) > 1]
    return any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in words)


def other_doers(doer_x: str | None, text_x: str, doer_y: str | None, text_y: str, fit: Callable[[str, str], bool]) -> bool:
    """Whether two named doers of one act cannot both be its doer: both proper names as written,
    names that do not fit one person or body (``fit``: compare.names_fit or same_party), and
    neither text names the other's doer."""
    if not doer_x or not doer_y or not named_in(doer_x, text_x) or not named_in(doer_y, text_y):
        return False
    if fit(doer_x, doer_y):
        return False
    return not _mentions(text_x, doer_y) and not _mentions(text_y, doer_x)


# "with" and the noun phrase after it, to its head: "with a 12-inch kitchen knife", "with scissors".
_WITH = re.compile(r"\s+(?:\w+\s+){0,4}?with\s+(?:(?:a|an|the|his|her|their|its|one|two)\s+)?(?P<np>(?:[\w.-]+\s+){0,2}?[a-z][a-z-]+)(?=\s*(?:[.,;:!?)\"”]|$)|\s+(?:and|or|in|on|at|to|from|after|before|during|while|as|into|outside|near|that|which|who|when|then)\b)")


_AND_MORE = re.compile(r"\s*(?:and|or)\s+(?:(?:a|an|the|his|her|their|its)\s+)?[a-z]")


@lru_cache(maxsize=16384)
def instrument(text: str, predicate: str) -> str | None:
    """The one made thing the act is done with, as the statement writes it ("shot him with a
    rifle": "rifle"), or None (none, or two: "with a knife and a hammer" names no one thing)."""
    found = set()
    for m in verb_words(text, predicate):
        w = _WITH.match(text, m.end())
        if w is None or _AND_MORE.match(text, w.end()):
            continue  # "with a knife and a hammer": no one thing
        head = w.group("np").split()[-1].lower()
        if artifact(head):
            found.add(head)
    return found.pop() if len(found) == 1 else None


def other_instruments(thing_x: str | None, text_x: str, thing_y: str | None, text_y: str) -> bool:
    """Whether two things one act was done with cannot both be it: two made things, neither a
    kind of the other nor one kind, and neither statement naming the other's."""
    if not thing_x or not thing_y or thing_x == thing_y or noun_relation(thing_x, thing_y) is not None:
        return False
    return not _mentions(text_x, thing_y) and not _mentions(text_y, thing_x)
