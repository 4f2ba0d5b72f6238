"""Cues that two statements on the same question disagree.

General, hand-written lexicons: negation, antonym pairs (by stem), question
frames whose answers are names ("who is responsible"), and figures that differ
for the same counted thing. Nothing here knows about any particular story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.text import NEGATIONS, STOPWORDS, stem, tokens

# Antonym pairs, written as words; compared by stem so inflections match.
# No temporal pairs (before/after, earlier/later): statements placing different events in time do
# not disagree, and such pairs paired unrelated statements about an attack and a warning.
_ANTONYMS = ["general:specific", "general:specificity", "vague:specific", "vague:specificity", "vague:detailed", "general:detailed", "true:false", "true:untrue", "correct:incorrect", "correct:wrong", "accurate:inaccurate", "right:wrong", "guilty:innocent", "legal:illegal", "lawful:unlawful", "safe:unsafe", "safe:dangerous", "secure:insecure", "increase:decrease", "increased:decreased", "rise:fall", "rose:fell", "risen:fallen", "grow:shrink", "higher:lower", "more:fewer", "more:less", "win:lose", "won:lost", "victory:defeat", "success:failure", "succeeded:failed", "successful:unsuccessful", "support:oppose", "supported:opposed", "accept:reject", "accepted:rejected", "confirm:deny", "confirmed:denied", "admit:deny", "admitted:denied", "allow:ban", "allowed:banned", "allow:prohibit", "permitted:forbidden", "alive:dead", "survived:died", "present:absent", "open:closed", "strong:weak", "stronger:weaker", "ignored:heeded", "ignored:acted", "heeded:disregarded", "sole:shared", "all:none", "always:never", "peaceful:violent", "calm:chaotic", "intentional:accidental", "deliberate:accidental", "real:fake", "genuine:fake", "authentic:fake", "credible:baseless", "legitimate:illegitimate", "fair:unfair", "free:rigged", "agree:disagree", "agreed:disagreed", "likely:unlikely", "possible:impossible", "adequate:inadequate", "sufficient:insufficient", "enough:insufficient", "responsible:innocent", "involved:uninvolved", "armed:unarmed"]
ANTONYMS: frozenset[tuple[str, str]] = frozenset(
    pair for a, b in (p.split(":") for p in _ANTONYMS) for pair in ((stem(a), stem(b)), (stem(b), stem(a)))
)
_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis")

# Question frames whose answer is a name: statements in the same frame naming
# different answers disagree ("ISIS-K bears sole responsibility" / "blame on Ukraine").
FRAMES: dict[str, frozenset[str]] = {
    "who is responsible": frozenset(stem(w) for w in ["responsibility", "responsible", "blame", "blamed", "culprit", "behind", "perpetrator", "perpetrated", "orchestrated", "masterminded", "carried"]),
}
NAME = re.compile(r"\b(?:[A-Z][\w'’-]*(?:[- ](?:of |the )?[A-Z][\w'’-]*)*|[A-Z]{2,}(?:-[A-Z])?)")
_NOT_ANSWERS = frozenset(stem(w) for w in ["the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "i", "but", "and", "or", "in", "on", "at", "of", "for", "to", "by", "with", "from", "as", "russian", "american", "us", "u.s.", "u.s", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "islamic", "state"])
NUMBER = re.compile(r"\b(\d[\d,.]*)\s+(?:people|persons|dead|deaths|victims|killed|injured|wounded|civilians|soldiers|troops|casualties|hostages)\b")


def negated(text: str) -> bool:
    """An odd number of negations reads as a negative statement."""
    words = tokens(text)
    return sum(1 for w in words if w in NEGATIONS or w.endswith("n't")) % 2 == 1


_CLAUSE_BREAK = re.compile(r"[;:,.]\s+|\s+(?:and|but|while|whereas)\s+(?:that\s+)?", re.I)


def negated_about(text: str, about: set[str]) -> bool:
    """Whether the clauses of ``text`` that speak of ``about`` (stems) are negative.

    Negation is read per clause: "the claim is false, and that the US is not preventing
    anyone from leaving" does not deny that the claim is false.
    """
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c and about & {stem(w) for w in tokens(c)}]
    return any(negated(c) for c in clauses) if clauses else negated(text)


_KEEP_WORDS = frozenset({"more", "less", "all", "always", "never", "none"})
_PARTNERS: dict[str, frozenset[str]] = {
    x: frozenset(y for x2, y in ANTONYMS if x2 == x) for x in {x for x, _ in ANTONYMS}
}


@lru_cache(maxsize=50_000)
def _polar_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in tokens(text) if w not in STOPWORDS or w in _KEEP_WORDS)


def antonym_pair(a: str, b: str) -> tuple[str, str] | None:
    """The first (in sorted order) pair of opposite words, one from each text, neither in both."""
    sa, sb = _polar_stems(a), _polar_stems(b)
    pairs: list[tuple[str, str]] = []
    for x in sa - sb:
        pairs.extend((x, y) for y in _PARTNERS.get(x, ()) if y in sb and y not in sa)
        # A negative prefix on a base of five letters or more ("unlawful"/"lawful"); shorter bases
        # make false pairs ("inform"/"form", "unreal"/"real" in "unreal tennis").
        for p in _NEG_PREFIXES:
            if x.startswith(p) and len(x) - len(p) >= 5 and x[len(p):] in sb and x[len(p):] not in sa:
                pairs.append((x, x[len(p):]))
            if len(x) >= 5 and p + x in sb and p + x not in sa:
                pairs.append((x, p + x))
    return min(pairs) if pairs else None


def frame_answers(text: str) -> tuple[str, frozenset[str]] | None:
    """('who is responsible', {'ukraine'}) when the text answers a frame question with names."""
    stems = {stem(w) for w in tokens(text)}
    for frame, words in FRAMES.items():
        if stems & words:
            answers = frozenset(
                stem(w) for m in NAME.finditer(text) for w in tokens(m.group(0)) if stem(w) not in _NOT_ANSWERS and stem(w) not in words
            )
            if answers:
                return frame, answers
    return None


def frame_of(text: str) -> str | None:
    stems = {stem(w) for w in tokens(text)}
    return next((frame for frame, words in FRAMES.items() if stems & words), None)


def figures(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for m in NUMBER.finditer(text):
        try:
            out[m.group(0).split()[-1]] = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
    return out
