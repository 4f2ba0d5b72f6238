"""Where accounts conflict: pairs of statements that disagree, with who made each.

``find_conflicts(articles)`` looks within each article and across the articles
it is given (one story, usually) for

1. explicit markers: a statement that "contradicts" / "refutes" another, or a
   speaker who "denied" / "rejected" / "disputed" what someone else said;
2. a contrastive connective ("but", "while", "however", ...) joining two
   attributed statements by different speakers;
3. opposing statements on the same question: antonyms ("too general" /
   "specificity"), a negated and a plain form of the same statement, different
   answers to a question of who ("who is responsible"), different figures for
   the same count.

Statements come from the quote stage; where it missed one side of a marker, the
clause itself is read (see :mod:`newstrace.link.statements`).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from newstrace.link import names
from newstrace.link.polarity import (
    antonym_pair,
    figures,
    frame_answers,
    frame_of,
    negated,
    negated_about,
)
from newstrace.link.statements import (
    REPORTER,
    Statement,
    article_statements,
    clause_statement,
    outlet_of,
    sentences_of,
)
from newstrace.link.text import content_stems, fold, tokens
from newstrace.model import Article, Conflict, ConflictSide

CONTRADICTS = re.compile(
    r"\b(?:(?:directly|flatly|sharply|clearly)\s+)?(?:contradict(?:s|ed|ing)?|refut(?:e|es|ed|ing)|belie(?:s|d)?|"
    r"(?:is|are|was|were)\s+at\s+odds\s+with|runs?\s+counter\s+to|flies\s+in\s+the\s+face\s+of|"
    r"(?:is|are|was|were)\s+inconsistent\s+with)\b",
    re.IGNORECASE,
)
DENIES = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|disput(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|rebut(?:s|ted)?)\b", re.IGNORECASE)
CONTRAST_INNER = re.compile(r"(?:,|;|—|–)?\s+(?P<c>but|while|whereas|yet|although|though)\s+")
CONTRAST_START = re.compile(r"^\s*(?P<c>But|However|Yet|In contrast|By contrast|Still)\b,?\s*")
_CLAIM_NOUNS = r"(?:claims?|assertions?|statements?|accounts?|insistence|version|denials?|contention|arguments?|assurances?|allegations?|suggestions?|reports?|warnings?|narrative|position|view)"
_OWNER_POSS = re.compile(rf"^\s*(?:the\s+)?(?P<owner>[A-Z][\w.'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’-]*){{0,5}})(?:'s|’s)\s+(?:\w+\s+)?{_CLAIM_NOUNS}\s+(?:that\s+)?(?P<content>.+)", re.DOTALL)
_OWNER_BY = re.compile(rf"^\s*(?:the\s+)?(?:\w+\s+)?{_CLAIM_NOUNS}\s+(?:by|of|from)\s+(?P<owner>[^,]+?)\s+that\s+(?P<content>.+)", re.DOTALL)
_OWNER_ADJ = re.compile(rf"^\s*(?:the\s+)?(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})\s+(?P<content>{_CLAIM_NOUNS}\b.*)", re.DOTALL)
_BARE_CLAIM = re.compile(rf"^\s*(?:the\s+)?(?:\w+\s+)?{_CLAIM_NOUNS}\s+that\s+(?P<content>.+)", re.DOTALL)
_TRAILING_GLUE = re.compile(r"[\s,;:—–-]*(?:and|but|which|this|that|,)?\s*(?:this|which|it)?\s*$", re.IGNORECASE)


def find_conflicts(articles: list[Article], *, focus: str | None = None) -> list[Conflict]:
    """Statements that disagree, within each article and across the given articles.

    ``focus`` (an article id) limits the search to conflicts with one side in
    that article: what linking a new article into its story needs.
    """
    finder = _Finder(articles, focus)
    return finder.run()


def _same_speaker(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if REPORTER in (a, b) or "(unattributed)" in (a, b):
        return False
    na, nb = names.parse(a), names.parse(b)
    return bool(na.last and na.last == nb.last and names.compatible_first(na.first, nb.first) and len(na.last) > 2)


def _side(s: Statement) -> ConflictSide:
    return ConflictSide(s.article_id, s.quote_id, s.speaker, s.text)


def _conflict(topic: str, sides: Sequence[Statement], evidence: str) -> Conflict:
    key = "|".join(f"{s.article_id}:{s.quote_id or s.start}:{s.speaker}" for s in sides) + "|" + evidence
    cid = "cf-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return Conflict(cid, " ".join(topic.split())[:120], tuple(_side(s) for s in sides), evidence)


def _bigrams(text: str) -> set[tuple[str, str]]:
    from newstrace.link.text import STOPWORDS

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


class _Finder:
    def __init__(self, articles: Iterable[Article], focus: str | None = None) -> None:
        self.articles = list(articles)
        self.focus = focus
        self.statements = {a.id: article_statements(a) for a in self.articles}
        self.all = [s for a in self.articles for s in self.statements[a.id]]
        self.found: list[Conflict] = []
        self.taken: list[tuple[Statement, Statement]] = []

    def run(self) -> list[Conflict]:
        mine = [a for a in self.articles if self.focus is None or a.id == self.focus]
        for a in mine:
            self._markers(a)
        for a in mine:
            self._contrasts(a)
        self._opposing()
        return self.found

    # -- bookkeeping ------------------------------------------------------

    def _overlaps(self, x: Statement, y: Statement) -> bool:
        return x.article_id == y.article_id and x.start < y.end and y.start < x.end

    def _add(self, topic: str, sides: list[Statement], evidence: str) -> None:
        a, b = sides[0], sides[1]
        if _same_speaker(a.speaker, b.speaker) or self._overlaps(a, b):
            return
        for x, y in self.taken:
            if (self._overlaps(a, x) and self._overlaps(b, y)) or (self._overlaps(a, y) and self._overlaps(b, x)):
                return
        self.taken.append((a, b))
        self.found.append(_conflict(topic, sides, evidence))

    def _in(self, article: Article, start: int, end: int) -> list[Statement]:
        return [s for s in self.statements[article.id] if start <= s.start < end and not s.no_comment]

    def _repeaters(self, target: Statement, exclude: list[Statement], limit: int = 2) -> list[Statement]:
        scored = []
        for s in self.all:
            if s.no_comment or any(self._overlaps(s, e) or _same_speaker(s.speaker, e.speaker) for e in exclude):
                continue
            score = repeats(target.text, s.text)
            if score >= 0.5:
                scored.append((-score, s.article_id, s.start, s))
        out: list[Statement] = []
        for *_, s in sorted(scored, key=lambda t: t[:3]):
            if len(out) < limit and not any(_same_speaker(s.speaker, o.speaker) for o in out):
                out.append(s)
        return out

    # -- 1. explicit markers ----------------------------------------------

    def _markers(self, a: Article) -> None:
        text = a.text
        for s0, s1 in sentences_of(a):
            sentence = text[s0:s1]
            for m in CONTRADICTS.finditer(sentence):
                self._contradiction(a, s0, s1, s0 + m.start(), s0 + m.end(), m.group(0))
            for m in DENIES.finditer(sentence):
                self._denial(a, s0, s1, s0 + m.start(), s0 + m.end(), m.group(0))

    def _object(self, a: Article, start: int, end: int, exclude: list[Statement]) -> Statement | None:
        """The statement a marker points at, in text[start:end]."""
        inside = [s for s in self._in(a, start, end) if not any(self._overlaps(s, e) for e in exclude)]
        if inside:
            return inside[0]
        obj = a.text[start:end]
        for pattern in (_OWNER_POSS, _OWNER_BY, _OWNER_ADJ):
            m = pattern.match(obj)
            if m:
                owner = names.clean(m.group("owner"))
                if pattern is _OWNER_ADJ:  # "the U.S. warnings": the thing itself is the statement
                    content = re.split(r"[,;]|\s(?:just|as|when|after|before|because)\s", obj[m.start():].strip(), maxsplit=1)[0]
                    cs = start + m.start()
                else:
                    content = m.group("content").strip().rstrip(".")
                    cs = start + m.start("content")
                return Statement(a.id, None, owner, " ".join(content.split()), cs, cs + len(content), "", "reported")
        m = _BARE_CLAIM.match(obj)
        content = (m.group("content") if m else obj).strip().rstrip(".")
        if len(content_stems(content)) < 2:
            return None
        probe = Statement(a.id, None, "", content, start, end, "", "reported")
        found = self._repeaters(probe, exclude, limit=1)
        return found[0] if found else None

    def _contradiction(self, a: Article, s0: int, s1: int, m0: int, m1: int, marker: str) -> None:
        before = [s for s in self._in(a, s0, m0) if s.start < m0]
        if before:
            side_a = _clip(a, before[-1], m0)
        else:
            side_a = clause_statement(a, s0, m0, anchored=False)
            if side_a is None:
                clause = _TRAILING_GLUE.sub("", a.text[s0:m0]).strip()
                if len(content_stems(clause)) < 2:
                    return
                side_a = Statement(a.id, None, outlet_of(a), " ".join(clause.split()), s0, m0, "", "reported")
        side_b = self._object(a, m1, s1, [side_a])
        if side_b is None:
            return
        extra = self._repeaters(side_b, [side_a, side_b])
        topic = side_b.text
        self._add(topic, [side_a, side_b, *extra], f"explicit marker: {' '.join(marker.split()).lower()}")

    def _denial(self, a: Article, s0: int, s1: int, m0: int, m1: int, marker: str) -> None:
        cue_quotes = [s for s in self.statements[a.id] if s.start <= m1 + 200 and s.cue and fold(marker) in fold(s.cue)]
        cue_quotes = [s for s in cue_quotes if s0 <= s.start < s1]
        side_a = cue_quotes[0] if cue_quotes else None
        if side_a is None:
            side_a = clause_statement(a, s0, s1, anchored=False)
            if side_a is None or fold(side_a.cue) != fold(marker):
                return
        side_b = self._object(a, m1, s1, [side_a])
        if side_b is None or side_b.start >= side_a.start and side_b.end <= side_a.end and side_b.quote_id is None and side_b.speaker == "":
            return
        self._add(side_b.text, [side_a, side_b], f"explicit marker: {marker.lower()}")

    # -- 2. contrastive connectives ---------------------------------------

    def _contrasts(self, a: Article) -> None:
        sents = sentences_of(a)
        for i, (s0, s1) in enumerate(sents):
            sentence = a.text[s0:s1]
            for m in CONTRAST_INNER.finditer(sentence):
                self._contrast(a, (s0, s0 + m.start()), (s0 + m.end(), s1), m.group("c"), initial=False)
            m = CONTRAST_START.match(sentence)
            if m and i > 0:
                p0, p1 = sents[i - 1]
                self._contrast(a, (p0, p1), (s0 + m.end(), s1), m.group("c"), initial=True)

    def _contrast(self, a: Article, left: tuple[int, int], right: tuple[int, int], conn: str, *, initial: bool) -> None:
        lefts = self._in(a, *left)
        side_a = lefts[-1] if lefts else clause_statement(a, left[0], left[1], anchored=False)
        if side_a is None or side_a.no_comment:
            return
        side_a = _clip(a, side_a, left[1])
        rights = self._in(a, *right)
        side_b = rights[0] if rights else clause_statement(a, right[0], right[1], anchored=True)
        if side_b is None and initial and fold(conn) in ("however", "but", "yet", "in contrast", "by contrast"):
            clause = a.text[right[0] : right[1]].strip()
            if negated(clause) != negated(side_a.text) and len(content_stems(clause)) >= 3:
                side_b = Statement(a.id, None, REPORTER, " ".join(clause.split()), right[0], right[1], "", "reported")
        if side_b is None or side_b.no_comment:
            return
        self._add(_topic(side_a, side_b), [side_a, side_b], f"contrastive '{conn.lower()}' between statements by different speakers")

    # -- 3. opposing statements on the same question ----------------------

    def _opposing(self) -> None:
        usable = [s for s in self.all if not s.no_comment and len(content_stems(s.text)) >= 1]
        stems = [set(content_stems(s.text)) for s in usable]
        index: dict[str, list[int]] = defaultdict(list)
        for i, st in enumerate(stems):
            for w in st:
                index[w].append(i)
        frames = [frame_answers(s.text) for s in usable]
        figs = [figures(s.text) for s in usable]
        pairs: set[tuple[int, int]] = set()
        for i, st in enumerate(stems):
            for w in st:
                if len(index[w]) > 200:
                    continue
                pairs.update((min(i, j), max(i, j)) for j in index[w] if j != i)
        by_frame: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(frames):
            if f:
                by_frame[f[0]].append(i)
        for members in by_frame.values():
            pairs.update((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
        for i, j in sorted(pairs):
            x, y = usable[i], usable[j]
            if self.focus is not None and self.focus not in (x.article_id, y.article_id):
                continue
            if _same_speaker(x.speaker, y.speaker) or self._overlaps(x, y):
                continue
            shared = stems[i] & stems[j]
            fx, fy = frames[i], frames[j]
            if fx and fy and fx[0] == fy[0] and not (fx[1] & fy[1]):
                self._add(f"{fx[0]}: {', '.join(sorted(fx[1]))} or {', '.join(sorted(fy[1]))}", [x, y], f"different answers to '{fx[0]}'")
                continue
            if not shared:
                continue
            pair = antonym_pair(x.text, y.text)
            if pair:
                self._add(f"{' '.join(sorted(shared))[:60]}: {pair[0]} or {pair[1]}", [x, y], f"opposing terms: {pair[0]} / {pair[1]}")
                continue
            overlap = len(shared) / min(len(stems[i]), len(stems[j]))
            if (
                overlap >= 0.6
                and len(shared) >= 2
                and negated_about(x.text, shared) != negated_about(y.text, shared)
                and _assertion(x)
                and _assertion(y)
            ):
                self._add(_topic(x, y), [x, y], "one statement negates the other")
                continue
            for unit, n in figs[i].items():
                other = figs[j].get(unit)
                if other is not None and abs(n - other) > 0.1 * max(n, other):
                    self._add(f"how many {unit}: {n:g} or {other:g}", [x, y], f"different figures for {unit}")
                    break


def _clip(a: Article, s: Statement, end: int) -> Statement:
    """A statement that runs on past ``end`` (a marker, a connective), cut there."""
    if s.end <= end or end <= s.start:
        return s
    clipped = _TRAILING_GLUE.sub("", a.text[s.start : end]).strip(" ,\"“”")
    return Statement(s.article_id, s.quote_id, s.speaker, " ".join(clipped.split()), s.start, end, s.cue, s.kind)


def _assertion(s: Statement) -> bool:
    """Questions ("Why ... were not strengthened") assert nothing to negate."""
    first = tokens(s.text[:20])[:1]
    return not (first and first[0] in {"why", "whether", "if", "how", "what", "who"}) and not s.text.rstrip().endswith("?")


def _topic(a: Statement, b: Statement) -> str:
    fa, fb = frame_of(a.text), frame_of(b.text)
    if fa and fa == fb:
        return fa
    pair = antonym_pair(a.text, b.text)
    if pair:
        return f"{pair[0]} or {pair[1]}"
    shared = [w for w in content_stems(a.text) if w in set(content_stems(b.text))]
    if shared:
        return " ".join(dict.fromkeys(shared))
    return f"{a.speaker} vs {b.speaker}"
