"""What a count counts when no casualty word says it: the class of the verb it is told with, and
the kind of thing counted.

Outlets tell one quantity with different verbs: a crowd "marched", "took to the streets", "joined
the demonstrations", was "put at 30,000" by the police; shells "struck", "landed" or "exploded";
homes were "destroyed", "badly damaged" or "toppled". Naming the measure by the verb itself would
keep those apart (and show a reader "figures for 'shelt'"), so the verb is read into a class
(lang.en.quantities.COUNT_VERBS) and the counted noun into a kind ("homes and other buildings" are
buildings).
"""

from __future__ import annotations

from newstrace.lang.en.people import GROUP_NOUNS, PERSON_NOUNS
from newstrace.lang.en.quantities import (
    BUILDING_NOUNS,
    CASUALTY_NOUNS,
    COUNT_VERBS,
    CROWD_ESTIMATE_VERBS,
    CROWD_NOUNS,
    LOSS_VERBS,
    MEASURE_WORDS,
    PEOPLE_NOUNS,
    SEVERITY_WORDS,
    SUFFER_VERBS,
    THING_NOUNS,
)
from newstrace.lang.en.senses import lexicalised
from newstrace.text import fold

# Classes that count people, and those that count things.
PEOPLE_CLASSES = frozenset({"crowd", "inside"})
THING_CLASSES = frozenset({"damaged", "struck"})
# Modifiers that do not narrow a kind of building ("other buildings", "residential homes").
_WIDE_MODIFIERS = frozenset("other more residential private local nearby surrounding many several".split())


def verb_class(verb) -> str | None:
    """The class of a verb token as a count's verb ("marched" -> crowd, "toppled" -> damaged)."""
    lemma = verb.lemma_.lower()
    for key, vocab in COUNT_VERBS.items():
        if lemma in vocab or verb.lower_ in vocab:
            return key
    parts = {c.lower_ for c in verb.children if c.dep_ == "compound:prt"}
    objects = [c for c in verb.children if c.dep_ in ("obj", "obl", "nmod")]
    if lemma == "turn" and "out" in parts:
        return "crowd"  # "20,000 turned out"
    if lemma == "take":
        for o in objects:
            if o.lemma_.lower() == "street" and any(g.lower_ == "to" for g in o.children):
                return "crowd"  # "took to the streets"
            if o.lemma_.lower() in ("shelter", "refuge", "cover"):
                return "inside"  # "350 people were taking shelter"
    if lemma in ("join", "fill") or lemma in CROWD_ESTIMATE_VERBS:
        if any(o.lemma_.lower() in CROWD_NOUNS or o.lemma_.lower() == "street" for o in objects):
            return "crowd"  # "joined the demonstrations", "police put the march at 30,000"
    return None


def people(counted_word: str) -> bool:
    return counted_word in PEOPLE_NOUNS or counted_word in PERSON_NOUNS or counted_word in CASUALTY_NOUNS or counted_word + "s" in GROUP_NOUNS or counted_word in ("other", "others")


def told_with(noun, counted_word: str) -> tuple[str, object] | None:
    """(class, verb) for a counted noun, from the nearest verb above it of a class that fits what is
    counted: people for a crowd or people inside, things for damage or strikes."""
    thing = counted_word in THING_NOUNS
    if is_where(noun):
        return None
    came = noun
    for h in (noun, *heads(noun, 4)):
        if h.i != noun.i and h.pos_ in ("NOUN", "PROPN") and came.dep_ not in ("conj", "appos", "nummod", "compound"):
            return None  # "homes in five villages were damaged": the verb is the homes', not the villages'
        came = h
        if h.pos_ == "ADV" and h.lower_ == "inside" and not thing:
            return "inside", h  # "about 350 Palestinians were inside"
        candidates = [h] if h.i != noun.i else []
        candidates += [c for c in h.children if c.dep_ in ("acl", "acl:relcl", "amod") and c.pos_ in ("VERB", "ADJ")]
        for v in candidates:
            if v.pos_ not in ("VERB", "ADJ", "AUX"):
                continue
            key = verb_class(v)
            if key is None:
                lemma = v.lemma_.lower()
                if lemma in LOSS_VERBS and (counted_word in CASUALTY_NOUNS or counted_word in PEOPLE_NOUNS):
                    return "killed", v  # "Israel has lost seven soldiers"
                if lemma in SUFFER_VERBS and not thing and (hurt := _injury(v)) is not None:
                    return hurt, v  # "eight people suffered serious injuries"
                continue
            if key in THING_CLASSES and thing or key in PEOPLE_CLASSES and (not counted_word or people(counted_word) or noun.pos_ == "PROPN" or noun.text[:1].isupper()):
                return key, v
        if h.pos_ == "VERB" and h.dep_ not in ("advcl", "xcomp"):
            break  # "Police put the march, to mark a strike, at 30,000 people": on to "put"
    return None


def _injury(verb) -> str | None:
    for o in verb.children:
        if o.dep_ in ("obj", "obl") and o.lemma_.lower() in MEASURE_WORDS["injured"] | {"injury"}:
            severity = next((SEVERITY_WORDS[c.lower_] for c in o.children if c.lower_ in SEVERITY_WORDS), None)
            return f"injured:{severity}" if severity else "injured"
    return None


def is_where(noun) -> bool:
    """"homes in five villages were damaged": a count after "in", "on", "across" tells where, and
    the verb is not its verb."""
    return any(c.dep_ == "case" and c.lower_ in _PLACE_PREPOSITIONS for c in noun.children)


def kind(noun, counted_word: str) -> str:
    """The unit a count of things is in: buildings of every kind are one ("homes and other
    buildings"), unless a modifier narrows them ("42 government office buildings" is a part); a
    noun of two words is counted whole ("crew members" are not any members)."""
    if noun.lemma_.lower() != counted_word:  # "hundreds of buildings": the noun under the number
        noun = next((c for c in noun.children if c.lemma_.lower() == counted_word), noun)
    if counted_word in BUILDING_NOUNS:
        narrowing = []
        i = noun.i - 1
        while i >= 0 and noun.doc[i].dep_ in ("compound", "amod") and noun.doc[i].pos_ in ("NOUN", "PROPN", "ADJ"):
            if noun.doc[i].lower_ not in _WIDE_MODIFIERS:
                narrowing.append(noun.doc[i])  # the words right before the noun: "42 government office buildings"
            i -= 1
        if not narrowing:
            return "buildings"
        return " ".join(c.lower_ for c in sorted(narrowing, key=lambda t: t.i)) + " " + counted_word
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == noun.i and before.pos_ == "NOUN" and lexicalised(f"{before.lower_} {counted_word}"):
        return f"{before.lower_} {counted_word}"  # "nine crew members": one noun, not a count of members
    return counted_word


def crowd_scope(verb, places) -> str | None:
    """Where a crowd gathered: a place in the crowd's own clause ("took to the streets of Athens",
    "in Salonika, where 50,000 marched"), or several places for a nationwide count ("as part of
    nationwide strikes"). A clause hung on it ("as rallies all around the country kicked off")
    is left out."""
    if verb.dep_ in ("acl:relcl", "acl") and (where := _place_of(verb.head, places)) is not None:
        return where
    rel = next((c for c in verb.children if c.lower_ == "where"), None)
    if rel is not None and rel.i > 1:
        before = rel.nbor(-1) if rel.nbor(-1).is_alpha else rel.nbor(-2)
        where = _place_of(before, places) or (fold(before.text) if before.pos_ == "PROPN" else None)
        if where is not None:
            return where  # "in Salonika, where 50,000 marched"
    own = [verb]
    for c in verb.children:
        if c.dep_ not in ("advcl", "ccomp", "parataxis", "conj", "acl:relcl", "xcomp", "csubj"):
            own += list(c.subtree)
    for t in own:
        if (where := _place_of(t, places)) is not None:
            return where
    if any(t.lower_ in _NATIONWIDE for t in own):
        return "several places"
    return None


_PLACE_PREPOSITIONS = frozenset("in on across from near inside outside around throughout".split())
_NATIONWIDE = frozenset("nationwide countrywide national".split())


def _place_of(tok, places) -> str | None:
    return next((name for s, e, name in places if s <= tok.idx < e), None)


def heads(tok, depth: int = 3):
    """The tokens governing ``tok``, nearest first, up to ``depth`` of them."""
    t = tok
    for _ in range(depth):
        if t.head.i == t.i:
            return
        t = t.head
        yield t
