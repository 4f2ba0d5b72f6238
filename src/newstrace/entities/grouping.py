"""Group an article's entity mentions into entities.

Within one article, news style introduces a name in full and then shortens it
("Vladimir Putin" ... "Putin"), or spells an organisation out once and uses
its acronym after ("National Security Council" ... "the NSC"). Grouping
follows those conventions: a shorter name joins a longer one whose words it
repeats in order at the end (people) or whose initials it spells (acronyms).
"""

from __future__ import annotations

import re
from collections import OrderedDict

from newstrace.model import Entity, Mention, Span
from newstrace.names import acronym_key, is_acronym, split_title

_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TRAILING_PUNCT = re.compile(r"[\s.,;:]+$")


def _clean_name(surface: str) -> str:
    name = _LEADING_DET.sub("", surface.strip())
    name = _POSSESSIVE.sub("", name)
    if not re.search(r"\b[A-Z]\.$", name):  # keep the dot of "U.S." and initials
        name = _TRAILING_PUNCT.sub("", name)
    return name


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper())


def _joins(short: str, long: str, label: str) -> bool:
    if short == long:
        return True
    if is_acronym(short) and not is_acronym(long):
        key = acronym_key(short)
        return _initials(long) == key or _initials(long).endswith(key) and len(key) >= 3
    if label == "PERSON":
        short_words, long_words = short.split(), long.split()
        return len(short_words) < len(long_words) and long_words[-len(short_words) :] == short_words
    return False


def _without_title(name: str) -> str:
    """"Russian President Vladimir Putin" is Vladimir Putin: the title stays among the aliases."""
    title, proper = split_title(name)
    return proper if title and len(proper.split()) >= 2 else name


_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def title_before(text: str, start: int) -> str | None:
    """The title written just before a person's name ("Indiana Gov." before "Eric Holcomb", "Russian
    President" before "Vladimir Putin"): the run of capitalised words before it, ending in a title word.
    Person mentions leave titles out (newstrace.nlp.entity_rules); the entity keeps them as an alias."""
    from newstrace.names import TITLE_WORDS

    words: list[str] = []
    end = start
    while len(words) < 5:
        m = _WORD_BEFORE.search(text, max(0, end - 40), end)
        w = m.group(1) if m else ""
        # stop at a lower-case word, punctuation, "The", or a sentence's last word ("Holcomb."; not "Gov.")
        if not w[:1].isupper() or w[-1] in ",;:)\"”" or w.lower() in ("the", "a", "an") or \
                w.endswith(".") and w.lower() not in TITLE_WORDS and w.lower().rstrip(".") not in TITLE_WORDS:
            break
        words.insert(0, w)
        end = m.start(1)  # type: ignore[union-attr]
    if not words or words[-1].lower().rstrip(".") not in TITLE_WORDS and words[-1].lower() not in TITLE_WORDS:
        return None
    return " ".join(words)


def group_mentions(text: str, mentions: tuple[Mention, ...]) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Assign each mention an article-local entity id; return (mentions, entities)."""
    names = [_clean_name(text[m.span.start : m.span.end]) for m in mentions]
    titled = {i: f"{t} {names[i]}" for i, m in enumerate(mentions)
              if m.label == "PERSON" and (t := title_before(text, m.span.start))}
    # Longest names first become the canonical forms shorter ones join.
    order = sorted(range(len(mentions)), key=lambda i: (-len(names[i].split()), -len(names[i]), mentions[i].span.start))
    groups: OrderedDict[str, tuple[str, str, list[int]]] = OrderedDict()  # key -> (name, label, mention idx)
    assignment: dict[int, str] = {}
    for i in order:
        name, label = names[i], mentions[i].label
        if not name:
            continue
        for key, (canonical, group_label, members) in groups.items():
            compatible = group_label == label or is_acronym(name)
            if compatible and _joins(name, canonical, group_label):
                members.append(i)
                assignment[i] = key
                break
        else:
            key = f"e{len(groups) + 1}"
            groups[key] = (name, label, [i])
            assignment[i] = key
    # Number entities by first appearance so ids read naturally.
    first_seen = sorted(groups, key=lambda k: min(mentions[i].span.start for i in groups[k][2]))
    renumber = {old: f"e{n + 1}" for n, old in enumerate(first_seen)}
    new_mentions = tuple(
        Mention(m.span, m.label, renumber[assignment[i]] if i in assignment else None) for i, m in enumerate(mentions)
    )
    entities = []
    for old in first_seen:
        canonical, label, members = groups[old]
        canonical = _without_title(canonical) if label == "PERSON" else canonical
        forms = [f for i in sorted(members, key=lambda i: mentions[i].span.start) for f in (titled.get(i), names[i]) if f]
        aliases = tuple(OrderedDict.fromkeys(f for f in forms if f != canonical))
        spans: tuple[Span, ...] = tuple(sorted((mentions[i].span for i in members), key=lambda s: s.start))
        entities.append(Entity(renumber[old], canonical, label, aliases, spans))
    return new_mentions, tuple(entities)
