"""Word senses: which English nouns name one kind of thing ("ship" / "vessel", "crewman" / "crew
member"), which name a kind of another ("rifle" is a firearm, a gun, a weapon), and which verbs
name one action ("seize" / "confiscate", "arrest" / "nab"). Read by newstrace.link.same_count.

The knowledge is Princeton WordNet 3.0's (licence in data/WORDNET_LICENSE.txt), kept as a compact
table (data/wordnet_senses.json.gz) that ``python -m training.wordnet_senses`` rebuilds: each
lemma's common senses, and each sense's more general kinds up to the point where a kind is too
general to tell what is counted ("artifact", "person").
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "wordnet_senses.json.gz"
# How far up the kinds a noun may be named by a more general one ("rifle" -> firearm -> gun ->
# weapon), and a verb by a more general action ("behead" -> kill).
NOUN_DEPTH = 4
VERB_DEPTH = 2
# WordNet's lexicographer files of people (noun.person) and groups (noun.group): a count of
# children, relatives or soldiers is a part of a toll as often as the toll itself, and one kind of
# person is met under many others ("soldier" is a sense of "man"), so such nouns match only as
# one sense, never as a kind of another.
_PEOPLE_FILES = frozenset({14, 18})


@lru_cache(maxsize=1)
def _table() -> dict | None:
    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return None  # a checkout whose table was not built: words then match only as written


@lru_cache(maxsize=65536)
def _entry(kind: str, word: str) -> tuple[tuple[int, ...], bool]:
    """(the word's table entry, whether it was found only by its head: "government office building"
    is a kind of building)."""
    table = _table()
    if table is None:
        return (), False
    lemmas = table[kind]
    key = "_".join(word.lower().split())
    if key not in lemmas and kind == "nouns":
        key = next((k for k in _singulars(key) if k in lemmas), key)  # "buildings", "crewmen": a plural the lemmatiser left
    if key in lemmas:
        return _numbers(lemmas[key]), False
    if kind == "nouns" and "_" in key and (head := key.rsplit("_", 1)[1]) in lemmas:
        return _numbers(lemmas[head]), True
    return (), False


def _numbers(row: str) -> tuple[int, ...]:
    return tuple(int(n) for n in row.split())


@lru_cache(maxsize=65536)
def _parents(sense: int) -> tuple[int, ...]:
    table = _table()
    return _numbers(table["hypernyms"][sense]) if table is not None else ()


# WordNet's rules for a noun's plural endings (its "morphy"), longest first.
_PLURAL_ENDINGS = (("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("men", "man"), ("ies", "y"), ("s", ""))


def _singulars(word: str) -> list[str]:
    return [word[: -len(end)] + sub for end, sub in _PLURAL_ENDINGS if word.endswith(end) and len(word) > len(end) + 1]


def lexicalised(words: str) -> bool:
    """Whether a phrase is one noun of its own ("crew member", "police officer"), not only its head."""
    entry, headed = _entry("nouns", words)
    return bool(entry) and not headed


def _senses(kind: str, word: str, common: bool = False) -> tuple[int, ...]:
    """The word's senses in WordNet's order (``common``: only those met in use, else the first)."""
    entry, _ = _entry(kind, word)
    if not entry:
        return ()
    return entry[1 : 1 + entry[0]] if common else entry[1:]


# WordNet's lexicographer file of made things (noun.artifact).
_ARTIFACT_FILE = 6


def artifact(noun: str) -> bool:
    """Whether a noun names a made thing (a knife, a car, scissors) in its first common sense."""
    table = _table()
    senses = _senses("nouns", noun, common=True)
    return table is not None and bool(senses) and table["lexfile"][senses[0]] == _ARTIFACT_FILE


def is_verb(word: str) -> bool:
    """Whether WordNet knows the word as a verb's lemma."""
    return bool(_entry("verbs", word)[0])


def _of_people(senses: list[int]) -> bool:
    table = _table()
    return table is not None and any(table["lexfile"][s] in _PEOPLE_FILES for s in senses)


def _above(kind: str, word: str, depth: int) -> dict[int, int]:
    """The word's common senses and their more general kinds, each with its distance (0: the
    word's own). Only common senses are gone up from: a rare sense would make "pirates" a kind of
    ship (its third sense is a pirate ship)."""
    return _up(_senses(kind, word, common=True), depth)


@lru_cache(maxsize=65536)
def _up(starts: tuple[int, ...], depth: int) -> dict[int, int]:
    out: dict[int, int] = {}
    frontier = list(starts)
    for d in range(depth + 1):
        nxt: list[int] = []
        for s in frontier:
            if s not in out:
                out[s] = d
                nxt.extend(_parents(s))
        frontier = nxt
    return out


def noun_relation(a: str, b: str) -> str | None:
    """"same" when ``a`` and ``b`` share a sense (any of their first senses: "crewman" / "crew
    member"; "ship" / "vessel" do not, a ship is a kind of vessel), "narrower" when a common sense
    of ``a`` is a kind of one of ``b`` ("rifle" / "weapon"; a noun WordNet does not have is a kind
    of its head: "pirate skiff" / "boat"), "wider" the other way round, None when neither, when a
    word is unknown, or when the wider sense names people (see _PEOPLE_FILES)."""
    if a == b:
        return "same"
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) and words_a[-1:] == words_b[-1:]:
        return "narrower" if len(words_a) > len(words_b) else "wider"  # "police officers" / "officers", "tank shells" / "shells"
    (_, headed_a), (_, headed_b) = _entry("nouns", a), _entry("nouns", b)
    own_a, own_b = set(_senses("nouns", a)), set(_senses("nouns", b))
    if not own_a or not own_b:
        return None
    if shared := own_a & own_b:
        if headed_a and headed_b:
            return None  # "pirate skiffs" / "fishing skiffs": two kinds of one thing
        if headed_a or headed_b:
            return None if _of_people(list(shared)) else "narrower" if headed_a else "wider"
        return "same"
    if not headed_b and not _of_people(under := list(set(_senses("nouns", b, common=True)) & _above("nouns", a, NOUN_DEPTH).keys())) and under:
        return "narrower"
    if not headed_a and not _of_people(under := list(set(_senses("nouns", a, common=True)) & _above("nouns", b, NOUN_DEPTH).keys())) and under:
        return "wider"
    return None


def verbs_related(a: str, b: str) -> bool:
    """Whether two verbs can tell one action: they share a common sense ("seize" / "confiscate"),
    or the first sense of one is a manner of the other ("behead" / "kill"; not "shoot", whose
    first sense is to hit, not to kill). Two manners of one action ("shoot" / "stab") are not."""
    if a == b:
        return True
    common_a, common_b = set(_senses("verbs", a, common=True)), set(_senses("verbs", b, common=True))
    if not common_a or not common_b:
        return False
    if common_a & common_b:
        return True
    return bool(common_b & _first_above(a).keys() or common_a & _first_above(b).keys())


def _first_above(verb: str) -> dict[int, int]:
    return _up(_senses("verbs", verb)[:1], VERB_DEPTH)


# WordNet's adjective opposites (data/wordnet_antonyms.json.gz, built by ``python -m
# training.wordnet_antonyms``): for each adjective the heads of its common senses, and each head's
# opposite heads. Read by newstrace.link.states.
ANTONYM_TABLE = Path(__file__).resolve().parent / "data" / "wordnet_antonyms.json.gz"


@lru_cache(maxsize=1)
def _antonym_table() -> tuple[dict[str, tuple[int, ...]], list[frozenset[int]]] | None:
    try:
        with gzip.open(ANTONYM_TABLE, "rt", encoding="utf-8") as f:
            raw = json.load(f)
    except FileNotFoundError:
        return None  # a checkout whose table was not built: no two adjectives are known opposites
    return {w: _numbers(row) for w, row in raw["heads"].items()}, [frozenset(_numbers(row)) for row in raw["opposite"]]


def adjectives_opposed(a: str, b: str) -> bool:
    """Whether two adjectives (or participles WordNet lists as adjectives) name opposite states in
    a common sense: "damaged" / "undamaged", "accidental" / "deliberate" (their heads, "unintended"
    and "intended", are opposites), "armed" / "unarmed". A word with no opposite in WordNet
    ("toppled") is opposed to nothing."""
    table = _antonym_table()
    if table is None or a == b:
        return False
    heads, opposite = table
    hb = set(heads.get(b.lower(), ()))
    return any(opposite[h] & hb for h in heads.get(a.lower(), ()))


def adjectives_alike(a: str, b: str) -> bool:
    """Whether two adjectives share the head of a common sense: "fired" and "unemployed" (both under
    "unemployed"), "hired" and "employed"."""
    table = _antonym_table()
    if table is None:
        return a == b
    heads = table[0]
    return a == b or bool(set(heads.get(a.lower(), ())) & set(heads.get(b.lower(), ())))
