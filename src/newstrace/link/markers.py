"""Explicit rebuttals: a statement that says it contradicts, denies or disputes another.

"... and this directly contradicts Moscow's claims that the US warnings were too general";
"The United Nations on Wednesday denied Israel Defense Forces claims that there were militants
in the school". The side rebutted is the claim the marker names (its owner read from "X's
claims", "claims by X", "the X report"), joined by the statements elsewhere in the story that
repeat it. A denial verb counts only when its object is a statement ("denied the claims", "denied
that ..."), never in its other senses ("denied bail", "rejected the offer"). This is the one
place where an article's own narration is set against a source: the article sets it there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from newstrace import names
from newstrace.lang.en.disagreement import CLAIM_NOUNS, CONCESSION, FALSITY_WORDS
from newstrace.link.compare import Finding
from newstrace.link.statements import Statement, clause_statement, outlet_of, sentences_of
from newstrace.model import Article
from newstrace.text import STOPWORDS, content_stems, fold, tokens

CONTRADICTS = re.compile(
    r"\b(?:(?:directly|flatly|sharply|clearly)\s+)?(?:contradict(?:s|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"(?:is|are|was|were)\s+at\s+odds\s+with|runs?\s+counter\s+to|flies\s+in\s+the\s+face\s+of|"
    r"(?:is|are|was|were)\s+inconsistent\s+with|contrary\s+to)\b",
    re.IGNORECASE,
)
DENIES = re.compile(r"\b(?:den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|rebut(?:s|ted)?)\b", re.IGNORECASE)
_CLAIM_NOUNS_RE = "(?:" + "|".join(sorted(CLAIM_NOUNS, key=len, reverse=True)) + ")"
_OWNER_POSS = re.compile(rf"^\s*(?:the\s+)?(?P<owner>[A-Z][\w.'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’-]*){{0,5}})(?:'s|’s)?\s+(?:\w+\s+)?{_CLAIM_NOUNS_RE}\s+that\s+(?P<content>.+)", re.DOTALL)
_OWNER_BY = re.compile(rf"^\s*(?:the\s+)?(?:\w+\s+)?{_CLAIM_NOUNS_RE}\s+(?:by|of|from)\s+(?P<owner>[^,]+?)\s+that\s+(?P<content>.+)", re.DOTALL)
_BARE_CLAIM = re.compile(rf"^\s*(?:the\s+|these\s+|those\s+|such\s+|any\s+)?(?:\w+\s+)?{_CLAIM_NOUNS_RE}\s+that\s+(?P<content>.+)", re.DOTALL)
_THAT = re.compile(r"^\s*(?:that\s+)(?P<content>.+)", re.DOTALL)
_TRAILING_GLUE = re.compile(r"[\s,;:—–-]*(?:and|but|which|this|that|,)?\s*(?:this|which|it)?\s*$", re.IGNORECASE)
_CUT = re.compile(r"[,;]|\s(?:just|as|when|after|before|because|while)\s")


# "However this remains an unsubstantiated claim", "That is completely false": a verdict on the
# statement just made, opening its own sentence.
_VERDICT = re.compile(
    r"^\W*(?:(?:however|but|yet|still|so\s+far)\W+)*(?P<subject>this|that|these|those|it|such\s+claims?|the\s+claims?|the\s+reports?)\s+"
    r"(?:(?:still|so\s+far|also)\s+)?(?:remains?|is|was|are|were|has\s+been|have\s+been|appears?\s+to\s+be|seems?\s+to\s+be)\s+"
    r"(?:(?:still|an?|the|so\s+far|yet|completely|entirely|totally|utterly|largely|simply|just|quite)\s+)*(?P<word>"
    + "|".join(sorted(FALSITY_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# "Kiir denied those claims": a claim noun pointing back, with no "that ..." of its own.
_POINTING_BACK = re.compile(
    rf"^\s*(?:those|these|the|such|their|his|her|its|all)\s+(?:\w+\s+)?(?P<noun>{_CLAIM_NOUNS_RE})\b(?!\s+(?:that|of|by|from)\b)",
    re.IGNORECASE,
)
# Claim nouns that name no statement another source made ("the charges" of a trial are a plea's matter).
_NOT_POINTING = frozenset({"charge", "charges", "figure", "figures", "information", "story", "stories"})


def _bigrams(text: str) -> set[tuple[str, str]]:
    w = tokens(text)
    return {(a, b) for a, b in itertools.pairwise(w) if not (a in STOPWORDS and b in STOPWORDS)}


def repeats(a: str, b: str) -> float:
    """How strongly text b repeats text a (0..1): shared content stems and phrases."""
    sa, sb = set(content_stems(a)), set(content_stems(b))
    if not sa or not sb:
        return 0.0
    shared = sa & sb
    overlap = len(shared) / min(len(sa), len(sb)) if len(shared) >= 2 else 0.0
    shared_phrase = bool(_bigrams(a) & _bigrams(b))
    return max(overlap, 0.6 if shared_phrase else 0.0)


def _same_speaker(a: str, b: str) -> bool:
    if fold(a) == fold(b):
        return True
    na, nb = names.parse(a), names.parse(b)
    return bool(na.last and na.last == nb.last and names.compatible_first(na.first, nb.first) and len(na.last) > 2)


def _overlaps(x: Statement, y: Statement) -> bool:
    return x.article_id == y.article_id and x.start < y.end and y.start < x.end


def find_rebuttals(articles: Iterable[Article], statements: dict[str, list[Statement]], focus: str | None = None) -> list[tuple[Finding, list[Statement], list[Statement]]]:
    """(finding, rebutting side, rebutted side) for each explicit rebuttal in the articles."""
    every = [s for ss in statements.values() for s in ss]
    out: list[tuple[Finding, list[Statement], list[Statement]]] = []
    for a in articles:
        if focus is not None and a.id != focus:
            continue
        own = statements.get(a.id, [])
        sentences = sentences_of(a)
        for n, (s0, s1) in enumerate(sentences):
            sentence = a.text[s0:s1]
            if n > 0 and (m := _VERDICT.match(sentence)) and (found := _verdict(a, own, every, sentences[n - 1], s0, s1, m)):
                out.append(found)
            for pattern, read in ((CONTRADICTS, _contradiction), (DENIES, _denial)):
                for m in pattern.finditer(sentence):
                    if not _negated_marker(sentence, m.start()) and (found := read(a, own, every, s0, s1, s0 + m.start(), s0 + m.end(), m.group(0))):
                        out.append(found)
    return out


def _negated_marker(sentence: str, at: int) -> bool:
    """"That does not necessarily contradict ...": a marker under a negation marks no rebuttal."""
    return bool(re.search(r"\b(?:not|n't|never|no)\b(?:\s+\w+){0,2}\s*$", sentence[max(0, at - 40) : at], re.IGNORECASE))


def _in(own: list[Statement], start: int, end: int) -> list[Statement]:
    return [s for s in own if start <= s.start < end and not s.no_comment]


def _repeaters(every: list[Statement], target: Statement, exclude: list[Statement], limit: int = 3) -> list[Statement]:
    """Statements that repeat ``target``: most of its content words, three at least (a heading
    or a shared phrase is not a repetition)."""
    scored = []
    want = set(content_stems(target.text))
    for s in every:
        if s.no_comment or any(_overlaps(s, e) or _same_speaker(s.speaker, e.speaker) for e in exclude):
            continue
        theirs = set(content_stems(s.text))
        if len(s.text.split()) < 6 or len(want & theirs) < max(3, 0.5 * min(len(want), len(theirs))):
            continue  # a shared name ("Big Machine") with a few words is not a repetition
        score = repeats(target.text, s.text)
        if score >= 0.6:
            scored.append((-score, s.article_id, s.start, s))
    out: list[Statement] = []
    for *_, s in sorted(scored, key=lambda t: t[:3]):
        if len(out) < limit and not any(_same_speaker(s.speaker, o.speaker) for o in out):
            out.append(s)
    return out


def _object(a: Article, own: list[Statement], every: list[Statement], start: int, end: int, exclude: list[Statement], *, claims_only: bool) -> Statement | None:
    """The statement a marker points at, in text[start:end]: "X's claims that ...", "claims by X
    that ...", or (``claims_only`` False) a statement made right there."""
    obj = a.text[start:end]
    for pattern in (_OWNER_POSS, _OWNER_BY):
        m = pattern.match(obj)
        if m and m.group("owner").split()[-1].lower() not in CLAIM_NOUNS:
            owner = names.clean(m.group("owner"))
            content = _CUT.split(m.group("content").strip().rstrip("."), maxsplit=1)[0]
            cs = start + m.start("content")
            return Statement(a.id, None, owner, " ".join(content.split()), cs, cs + len(content), "", "reported")
    if not claims_only:
        inside = [s for s in _in(own, start, end) if not s.narration and not any(_overlaps(s, e) for e in exclude)]
        if inside:
            return inside[0]
    m = _BARE_CLAIM.match(obj) or (_THAT.match(obj) if claims_only else None)
    if m is None:
        return None
    content = CONCESSION.split((m.group("content") if m else obj).strip().rstrip("."), maxsplit=1)[0]
    if len(content_stems(content)) < 2:
        return None
    probe = Statement(a.id, None, "", content, start, end, "", "reported")
    found = _repeaters(every, probe, exclude, limit=1)
    return found[0] if found else None


def _clip(a: Article, s: Statement, end: int) -> Statement:
    if s.end <= end or end <= s.start:
        return s
    clipped = _TRAILING_GLUE.sub("", a.text[s.start : end]).strip(" ,\"“”")
    return Statement(s.article_id, s.quote_id, s.speaker, " ".join(clipped.split()), s.start, end, s.cue, s.kind, s.claim, s.outlet, s.date)


def _contradiction(a: Article, own, every, s0: int, s1: int, m0: int, m1: int, marker: str):
    before = [s for s in _in(own, s0, m0) if s.start < m0]
    before.sort(key=lambda s: (not s.narration, s.start))  # a source's statement before the article's own words
    side_a = _clip(a, before[-1], m0) if before and not before[-1].narration else clause_statement(a, s0, m0, anchored=False)
    if side_a is None and before:
        side_a = _clip(a, before[-1], m0)
    if side_a is None:
        clause = _TRAILING_GLUE.sub("", a.text[s0:m0]).strip()
        if len(content_stems(clause)) < 3:
            return None
        side_a = Statement(a.id, None, outlet_of(a), " ".join(clause.split()), s0, m0, "", "narration")
    side_b = _object(a, own, every, m1, s1, [side_a], claims_only=False)
    if side_b is None or _same_speaker(side_a.speaker, side_b.speaker):
        return None
    extra = _repeaters(every, side_b, [side_a, side_b])
    marker = " ".join(marker.split()).lower()
    reason = f"explicit rebuttal ('{marker}'): '{_short(side_a.text)}' against '{_short(side_b.text)}'"
    return Finding("rebuttal", 0.9, reason, side_b.text[:120], ("rebuttal", a.id, m0), "rebuts", "rebutted"), [side_a], [side_b, *extra]


def _denial(a: Article, own, every, s0: int, s1: int, m0: int, m1: int, marker: str):
    cue_quotes = [s for s in own if s0 <= s.start < s1 and s.cue and fold(marker) in fold(s.cue)]
    side_a = cue_quotes[0] if cue_quotes else clause_statement(a, s0, s1, anchored=False)
    if side_a is None or fold(marker) not in fold(side_a.cue or ""):
        return None
    side_b = _object(a, own, every, m1, s1, [side_a], claims_only=True)
    back = _POINTING_BACK.match(a.text[m1:s1])
    if side_b is None and back and back.group("noun").lower() not in _NOT_POINTING:
        side_b = _pointed_at(a, own, m0, side_a)
    if side_b is None or _same_speaker(side_a.speaker, side_b.speaker) or side_b.start >= side_a.start and side_b.end <= side_a.end and not side_b.speaker:
        return None
    extra = _repeaters(every, side_b, [side_a, side_b])
    marker = marker.lower()
    reason = f"explicit rebuttal ('{marker}'): {side_a.speaker} against '{_short(side_b.text)}'"
    return Finding("rebuttal", 0.88, reason, side_b.text[:120], ("rebuttal", a.id, m0), "rebuts", "rebutted"), [side_a], [side_b, *extra]


def _verdict(a: Article, own, every, previous: tuple[int, int], s0: int, s1: int, m: re.Match[str]):
    """A sentence that calls the statement before it false ("However this remains an unsubstantiated
    claim"): the only place, with explicit markers, where narration is a side against a source."""
    inside = [s for s in _in(own, s0, s1) if not s.narration]
    side_a = inside[0] if inside else Statement(a.id, None, outlet_of(a), " ".join(a.text[s0:s1].split()), s0, s1, m.group("word"), "narration")
    before = [s for s in _in(own, previous[0], previous[1]) if not s.narration and not _same_speaker(s.speaker, side_a.speaker)]
    if not before:
        return None
    side_b = max(before, key=lambda s: (s.end, s.start))  # the statement the verdict follows
    extra = _repeaters(every, side_b, [side_a, side_b])
    word = m.group("word").lower()
    reason = f"explicit rebuttal ('{word}'): '{_short(side_a.text)}' against '{_short(side_b.text)}'"
    return Finding("rebuttal", 0.85, reason, side_b.text[:120], ("rebuttal", a.id, s0), "rebuts", "rebutted"), [side_a], [side_b, *extra]


def _pointed_at(a: Article, own: list[Statement], start: int, side_a: Statement) -> Statement | None:
    """What "those claims" in a denial point back at: the nearest statement before it, in its
    sentence or the two before, by another source."""
    sentences = sentences_of(a)
    n = next((i for i, (s0, s1) in enumerate(sentences) if s0 <= start < s1), None)
    if n is None:
        return None
    window = sentences[max(0, n - 2)][0]
    before = [s for s in own if window <= s.start and s.end <= side_a.start and not s.narration and not s.no_comment
              and not _same_speaker(s.speaker, side_a.speaker) and len(content_stems(s.text)) >= 3]
    return max(before, key=lambda s: (s.end, s.start)) if before else None


def _short(text: str, n: int = 80) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"
