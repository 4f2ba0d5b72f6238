"""Which one of a person's series an event is: "retained his title for the fifth time" against
"Klitschko's sixth defense of the belt", "her second marriage" against "her third marriage".

A statement numbers its event either with "for the Nth time" after a verb whose act runs in its
doer's series (defending a title, marrying, divorcing: done by the first name of the sentence) or
with an ordinal before an event noun owned by a name or by "his"/"her" ("Klitschko's sixth
defense", "his fifth title defence", "Ana Cruz's third arrest"). Two numbers of one person's act
that differ cannot both be right. Not read: an ordinal counted over a span ("for the second time
in less than a month", "the first time since 2005"), a streak ("his 10th straight title defence"),
acts numbered in many series at once (wins, fights, knockdowns within one fight), nor an ordinal
in a sentence dated to the past ("his fifth defence, in 2006"): different spans, series or dates
make those right both ways."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.text import alternatives, fold, stem
from newstrace.timex.lexicon import ORDINALS
from newstrace.timex.numbers import WORD_NUMBERS

# "first" to "twentieth", from the timex lexicon's ordinals (its "last"/"final" stand for a fourth
# quarter, and its digit forms are read by the pattern's own digits)
_ORDINAL_WORDS = {w: n for w, n in ORDINALS.items() if w.isalpha() and w not in ("last", "final")}
_ORDINAL = r"(?P<n>" + alternatives(_ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))"
_NAME = r"[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2}"
# "for the fifth time", "for a third time"
_TIME = re.compile(rf"\bfor\s+(?:the|a)\s+{_ORDINAL}\s+(?:straight\s+|consecutive\s+)?time\b", re.I)
# "Klitschko's sixth defense", "his sixth title defence" (the owner then found before it)
_POSSESSED = re.compile(rf"\b(?P<owner>{_NAME}['’]s?|[Hh]is|[Hh]er|[Tt]heir)\s+{_ORDINAL}\s+(?P<words>[a-z-]+(?:\s+[a-z-]+){{0,2}})")
# What the event nouns are acts of: "defense" is defending, "marriage" marrying. Only acts whose
# numbers run over a whole career or life: a win, a fight, a visit or an attempt is numbered in many
# series at once ("his second win over Cruz", "his 58th victory"), a knockdown within one fight.
_NOUN_ACTS = {
    "defense": "defend", "defence": "defend", "marriage": "marry", "wedding": "marry", "arrest": "arrest", "conviction": "convict",
    "divorce": "divorce",
}
# Acts "for the Nth time" numbers in its doer's series (the first name of the sentence); an arrest
# or a conviction is numbered in its patient's, which is read only from "his third arrest".
_DOER_ACTS = {stem(a): a for a in ("defend", "marry", "divorce")}
# How a reader names each act in a reason ("which title defence of Klitschko it was").
ACT_NOUNS = {"defend": "title defence", "marry": "marriage", "arrest": "arrest", "convict": "conviction", "divorce": "divorce"}
# Keeping a title is defending it: "retained his title for the fifth time" is his fifth title defence.
_KEEP_VERBS = frozenset("retain keep defend hold".split())
_TITLES = frozenset("title titles belt belts crown championship".split())
# Ordinals counted over a span or a streak, or told of a past occasion: right both ways across articles.
_SPAN_AFTER = re.compile(
    r"^\s*(?:of\s+the\s+[a-z]+\s+)?(?:(?:in|within|over|during)\s+(?:[\w-]+\s+){0,4}?(?:days?|weeks?|months?|years?|decades?|seasons?|games?|matches|races|fights|bouts|history|(?:19|20)\d\d)\b"
    r"|since|this|of\s+the\s+(?:season|year|month|week|night)|all\s+(?:year|season)|ever)\b",
    re.I,
)
_STREAK = re.compile(r"\b(?:straight|consecutive|successive|running|career|all-time)\b", re.I)
_PAST = re.compile(r"\b(?:19|20)\d\d\b|\b(?:last|previous|earlier|ago)\b", re.I)
_PRONOUNS = frozenset({"his", "her", "their"})


@dataclass(frozen=True, slots=True)
class Ordinal:
    owner: str  # folded name of whose series it is
    owner_written: str  # the name as the text writes it
    act: str  # a verb stem: "defend", "marry", "arrest"
    number: int
    written: str


def _number(word: str) -> int:
    w = word.lower()
    return _ORDINAL_WORDS[w] if w in _ORDINAL_WORDS else int(re.sub(r"\D", "", w))


_NOT_NAMES = frozenset("the a an in on it this that he she they his her their but and after before when".split())


def _doer(text: str, at: int) -> tuple[str, str] | None:
    """Whose act it is: the first name written before ``at`` (the subject, as news sentences open;
    "his" refers to it too)."""
    for m in re.finditer(_NAME, text[:at]):
        name = fold(m.group(0))
        if name.split()[0] not in WORD_NUMBERS and name not in _NOT_NAMES:
            return name, m.group(0)
    return None


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def ordinals(text: str, verb: str | None = None, obj: str | None = None) -> tuple[Ordinal, ...]:
    """The numbered events of a statement's text; ``verb``/``obj``: its claim's predicate and object
    stems, which "for the Nth time" numbers."""
    if _PAST.search(text):
        return ()
    out: list[Ordinal] = []
    for m in _TIME.finditer(text):
        if _STREAK.search(m.group(0)) or _SPAN_AFTER.match(text[m.end() :]) or not verb:
            continue
        doer = _doer(text, m.start())
        if doer is None:
            continue
        kept_title = stem(verb) in {stem(v) for v in _KEEP_VERBS} and obj in {stem(t) for t in _TITLES} | _TITLES
        act = "defend" if kept_title else _DOER_ACTS.get(stem(verb))
        if act is None:
            continue  # "sent Thompson down for the second time": numbered within the event
        out.append(Ordinal(*doer, act, _number(m.group("n")), " ".join(m.group(0).split())))
    for m in _POSSESSED.finditer(text):
        # the event noun, after at most two words that qualify it ("his sixth title defence")
        words = m.group("words").split()
        at = next((i for i, w in enumerate(words) if w in _NOUN_ACTS), None)
        if at is None or _STREAK.search(" ".join(words[:at])):
            continue
        end = m.start("words") + len(" ".join(words[: at + 1]))
        if _SPAN_AFTER.match(text[end:]):
            continue
        act = _NOUN_ACTS[words[at]]
        written = re.sub(r"['’]s?$", "", m.group("owner"))
        owner: tuple[str, str] | None = (fold(written), written)
        if fold(written) in _PRONOUNS:
            owner = _doer(text, m.start())  # "his sixth title defence": the sentence's subject's
        if owner is None:
            continue
        out.append(Ordinal(*owner, act, _number(m.group("n")), " ".join(text[m.start() : end].split())))
    return tuple(out)


def same_person(a: str, b: str) -> bool:
    """One person's names: the same surname (a transposed letter is a typing slip: "Klitchsko" is
    "Klitschko"), and first names, where both are given, the same."""
    wa, wb = a.split(), b.split()
    sa, sb = wa[-1], wb[-1]
    if sa != sb and not (len(sa) >= 6 and len(sa) == len(sb) and sorted(sa) == sorted(sb) and sa[:3] == sb[:3]):
        return False
    return len(wa) < 2 or len(wb) < 2 or wa[0] == wb[0]


def ordinals_differ(a: Ordinal, b: Ordinal) -> bool:
    return a.act == b.act and a.number != b.number and same_person(a.owner, b.owner)
