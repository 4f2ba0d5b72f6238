"""Names: titles split off, acronyms, keys for matching, and how two names relate.

"Russian President Vladimir Putin", "Vladimir Putin", "Putin", "V. Putin" and
"Vladimir V. Putin" all carry the key ``last:putin``; the full forms also carry
``full:vladimir putin`` (middle initials dropped), and a title ("Russian
President") gives role keys (``role:russian president``, ``role:russian leader``)
through which a description such as "the Russian leader" finds the person.

Used by entities (grouping), attribution (the speakers of one article) and linking (keys across
articles). Two title splitters remain, on purpose: :func:`split_title` makes the keys linking
stores (``link_entity_keys``), so its rule stays as it is for stores already written;
:func:`split_name` reads a capitalised run of words inside one article, where the parse and the
recogniser's role nouns say more (an office by its initials, a capitalised occupation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from newstrace.lang.en.people import NAME_TITLES, TITLE_WORDS
from newstrace.text import fold

# Words in a title that say "leads the country/organisation": they make a generic "leader" role key.
LEADER_WORDS = frozenset({"president", "premier", "chancellor", "king", "queen", "leader", "prime", "pope", "ruler", "head", "chief", "ceo"})
_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "bin", "al", "ibn", "el", "dos", "du", "st."})
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
_POSS = re.compile(r"(?:'s|’s|'|’)$")
_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# abbreviations organisations are named with either way ("U.S. Geological Survey")
_EXPANDED = {"U.S.": "United States", "U.K.": "United Kingdom", "U.N.": "United Nations", "Mt": "Mount", "Mt.": "Mount", "St.": "Saint"}
_EXPANSIONS = re.compile(r"(?<!\w)(?:U\.S\.|U\.K\.|U\.N\.|Mt\.?|St\.)(?=\s)")
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$|^[A-Z]$")


@dataclass(frozen=True, slots=True)
class Name:
    """A surface name split into its title and the name proper."""

    surface: str
    title: str | None
    name: str  # the name proper, title removed
    first: str | None  # folded first given name (None for one-word names)
    last: str  # folded last name (or the whole folded name for organisations)


def clean(surface: str) -> str:
    s = " ".join(surface.replace("\u00a0", " ").split())
    s = _DET.sub("", s)
    s = _POSS.sub("", s)
    s = _SUFFIX.sub("", s)
    return s.strip(" ,.;:\"“”'‘’()[]")


def is_title(name: str) -> bool:
    """'President', 'Gov.': a title with no name in it."""
    words = name.split()
    return bool(words) and all(_is_title_word(w) for w in words)


def _is_title_word(word: str) -> bool:
    w = fold(word)
    return w in TITLE_WORDS or w.rstrip(".") in TITLE_WORDS


def _is_adjective_of_place(word: str) -> bool:
    w = fold(word).rstrip(".")
    return w in {"u.s", "us", "uk", "u.k", "eu", "un", "american", "british", "french", "german"} or bool(
        re.fullmatch(r"[a-z]+(?:ian|ean|ese|ish|ic|i|an)", w) and word[:1].isupper()
    )


_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "ic", "i")


def _acronym_title(words: list[str], i: int) -> bool:
    w = words[i].strip(".,")
    return w.isupper() and 2 <= len(w) <= 5 and w.isalpha() and len(words) - i - 1 >= 2 \
        and all(x[:1].isupper() and not x.isupper() for x in words[i + 1 :])


def split_name(words: list[str], role_nouns: frozenset[str]) -> tuple[list[str], list[str]]:
    """Split title words (and a nationality before a title) off the front of a capitalised run
    of one article's words; ``role_nouns``: occupations that, capitalised before a full name, are
    its title ("Engineer Bob Stone", the entity recogniser's person nouns)."""
    i = 0
    while i < len(words) - 1:
        w = words[i].lower()
        nxt = words[i + 1].lower()
        if w in NAME_TITLES or words[i][:1].islower():
            i += 1
        elif _acronym_title(words, i) or (i + 1 < len(words) and _acronym_title(words, i + 1)):
            i += 1  # "Gauteng MEC Jacob Mamabolo", "CEO Tim Cook": an office by its initials before a full name
        elif w in role_nouns and len(words) - i - 1 >= 2:
            i += 1  # "Engineer Bob Stone": a capitalised role before a full name (not "Son Heung-min")
        elif (w.endswith(_DEMONYM_ENDINGS) or (words[i].isupper() and len(words[i]) <= 3)) and (nxt in NAME_TITLES) \
                and i + 2 < len(words):
            i += 1
        else:
            break
    return words[:i], words[i:]


def split_title(surface: str) -> tuple[str | None, str]:
    """('Russian President', 'Vladimir Putin') from 'Russian President Vladimir Putin'."""
    words = clean(surface).split()
    if not words:
        return None, ""
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if _is_title_word(w) or (w[:1].islower() and fold(w) not in _NAME_PARTICLES | {"of", "the", "for", "and"}):
            last_title = i
    if last_title < 0:
        return None, " ".join(words)
    return " ".join(words[: last_title + 1]), " ".join(words[last_title + 1 :])


@lru_cache(maxsize=50_000)
def parse(surface: str, label: str = "PERSON") -> Name:
    title, proper = split_title(surface) if label == "PERSON" else (None, clean(surface))
    words = proper.split()
    if label != "PERSON" or not words:
        return Name(surface, title, proper, None, fold(proper))
    given = [w for w in words[:-1] if not _INITIAL.match(w)]
    last_i = len(words) - 1
    while last_i > 0 and fold(words[last_i - 1]) in _NAME_PARTICLES:
        last_i -= 1
    last = fold(" ".join(words[last_i:]))
    first = fold(words[0]).rstrip(".") if len(words) > 1 else None
    if given and given[0] != words[0]:
        first = fold(given[0]).rstrip(".")  # "W. Mark Felt" goes by Mark: the given name, not the initial
    return Name(surface, title, proper, first, last)


def full_key(n: Name, label: str) -> str | None:
    if label == "PERSON":
        if n.first is None or len(n.first) <= 1:
            return None
        return f"full:{n.first} {n.last}"
    return f"{label.lower()}:{fold(_EXPANSIONS.sub(lambda m: _EXPANDED[m.group(0)], n.name))}" if n.name else None


_ACRONYM_SKIPS = frozenset({"of", "the", "for", "and", "de", "on", "in", "&"})


def acronym(name: str, split_hyphens: bool = False) -> str | None:
    """The initials of a name's words, small words left out ("Department of Homeland Security" ->
    "DHS"); None for fewer than two words.

    ``split_hyphens``: hyphenated parts count as words ("Al-Qaeda in the Arabian Peninsula" ->
    "AQAP"). Attribution does, inside one article, where only that article's mentions can match.
    Linking does not: its keys are stored (``link_entity_keys``: a new rule would part new
    articles from stored ones), and across articles it would give one-word names two-letter keys
    ("Coca-Cola", "Mercedes-Benz", "Al-Shabaab") that join unrelated articles."""
    if split_hyphens:
        words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    else:
        words = re.findall(r"[A-Za-z][\w-]*", name)
    initials = [w[0] for w in words if fold(w) not in _ACRONYM_SKIPS]
    return "".join(initials).upper() if len(initials) >= 2 else None


def acronym_key(name: str) -> str:
    """"U.S. A" -> "USA": an acronym as written, stops and spaces left out."""
    return name.replace(".", "").replace(" ", "")


def is_acronym(name: str) -> bool:
    key = acronym_key(name)
    return 2 <= len(key) <= 6 and key.isupper() and key.isalpha()


def role_keys(title: str | None) -> list[str]:
    """'Russian President' -> ['role:russian president', 'role:russian leader']."""
    if not title:
        return []
    words = [fold(w).rstrip(".") for w in title.split() if fold(w) not in {"former", "then", "late", "acting"}]
    if not words:
        return []
    place = [w for w in words if w not in TITLE_WORDS]
    if not place:
        return []  # "President" alone names nobody in particular
    keys = [f"role:{' '.join(words)}"]
    if any(w in LEADER_WORDS for w in words):
        keys.append(f"role:{' '.join(place + ['leader'])}")
    return keys


def description_key(text: str) -> str | None:
    """'the Russian leader' -> 'role:russian leader' (a description standing for a name)."""
    words = clean(text).split()
    if not words or not _is_title_word(words[-1]) or any(w[:1].isupper() and not (_is_title_word(w) or _is_adjective_of_place(w)) for w in words):
        return None
    return "role:" + " ".join(fold(w).rstrip(".") for w in words)


def keys_for(surface: str, label: str) -> dict[str, float]:
    """Match keys of a surface name, each with the confidence a match on it carries."""
    desc = description_key(surface) if label == "PERSON" else None
    if desc:
        return {desc: 0.6}
    n = parse(surface, label)
    keys: dict[str, float] = {}
    fk = full_key(n, label)
    if fk:
        keys[fk] = 1.0
    if label == "PERSON":
        if n.last and not _is_title_word(n.last):
            keys[f"last:{n.last}"] = 0.75 if fk else 0.8
        for rk in role_keys(n.title):
            keys[rk] = 0.6
    elif is_acronym(n.name):
        # A name's own initials are no key: "Air Force" is not Agence France-Presse's "AF". An
        # acronym joins a full name only where an article spells it out (newstrace.link.entities).
        keys[f"acr:{acronym_key(n.name).upper()}"] = 0.85
    return keys


def compatible_first(a: str | None, b: str | None) -> bool:
    """'v' is compatible with 'vladimir'; two different given names are not."""
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or a.startswith(b) or b.startswith(a)


def first_name_fits(first: str | None, forms: Iterable[Name]) -> bool:
    """Whether a person named with given name ``first`` can be the one known by ``forms``: some
    form's given name agrees ('V.' or 'Vladimir' with 'Vladimir'), or no form gives one ('Obama'
    alone). One form with a given name that agrees is enough; 'Michelle' is not 'Barack' because
    the entity was also called plain 'Obama'."""
    known = [f.first for f in forms if f.first]
    return not first or not known or any(compatible_first(first, k) for k in known)


_SMALL_WORDS = frozenset({"of", "the", "for", "and", "de", "du", "des", "la", "le", "on", "in", "to", "at", "&"})
_LONG_THEN_SHORT = re.compile(r"((?:[A-Z][\w'’.&-]*\s+(?:(?:of|the|for|and|de|du|des|la|le|on|in|to|at|&)\s+)*){1,9})\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")
_SHORT_THEN_LONG = re.compile(r"\b([A-Z][A-Z.&]{1,9})\s*\(\s*((?:[A-Z][\w'’.&-]*\s*(?:(?:of|the|for|and|de|du|des|la|le|on|in|to|at|&)\s+)*){2,9})\)")


def acronym_fits(name: str, acr: str) -> bool:
    """Whether ``acr`` spells ``name``: each word gives its initial (a hyphenated word may give one
    for each part: Agence France-Presse is AFP, and AF), small words ('of', 'the') may give theirs or
    not. Every other word must give one, so 'Air Force' is not AFP and 'South Sudan' is not SS's
    'Stade de Suisse' unless it is spelled that way."""
    letters = acr.replace(".", "").replace(" ", "").replace("&", "").upper()
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*", name)]
    if not letters or not words or not letters.isalpha():
        return False

    @cache
    def fits(i: int, j: int) -> bool:  # words[i:] spell letters[j:]
        if i == len(words):
            return j == len(letters)
        w = words[i]
        small = fold(w) in _SMALL_WORDS
        if small and fits(i + 1, j):
            return True
        whole = "".join(p[0].upper() for p in w.split("-"))
        # the initials of the first k parts of a hyphenated word
        return any(letters.startswith(whole[:k], j) and fits(i + 1, j + k) for k in range(1, len(whole) + 1))

    return fits(0, 0)


def spelled_out(text: str) -> list[tuple[str, str]]:
    """(full name, acronym) pairs an article spells out: 'Agence France-Presse (AFP)' or 'AFP (Agence
    France-Presse)'. The name is the shortest run of words before the brackets that the acronym
    spells, so 'reported by the Agence France-Presse (AFP)' gives 'Agence France-Presse'."""
    out: list[tuple[str, str]] = []
    for m in _LONG_THEN_SHORT.finditer(text):
        words, acr = m.group(1).split(), m.group(2)
        if not is_acronym(acr):
            continue
        for start in range(len(words) - 1, -1, -1):
            if fold(words[start]) in _SMALL_WORDS or not words[start][:1].isupper():
                continue
            candidate = " ".join(words[start:]).strip(" ,")
            if acronym_fits(candidate, acr):
                out.append((candidate, acr.replace(".", "")))
                break
    for m in _SHORT_THEN_LONG.finditer(text):
        acr, long = m.group(1), " ".join(m.group(2).split()).strip(" ,")
        if is_acronym(acr) and acronym_fits(long, acr):
            out.append((long, acr.replace(".", "")))
    return list(dict.fromkeys(out))
