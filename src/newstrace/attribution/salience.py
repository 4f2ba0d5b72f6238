"""Who "he", "she", "they" and "it" are: pronoun resolution by agreement and salience.

A pronoun that opens a statement ("he said") refers, in news prose, to a
referent the reader has in mind: the speaker of the statement just before, or
the subject of the sentence just before, seldom someone named inside a quote
or in passing. Each candidate referent (a named entity of the article, or a
speaker already resolved) is scored by

* **agreement**: gender ("he" is not a woman: titles, "spokeswoman", given
  names, and the pronouns the article itself uses after the name), number
  ("they" is a group, an organisation or several people) and animacy ("it" is
  an organisation, never a person);
* **salience**: how recently it was mentioned (sentences back, paragraph
  breaks), whether it was a subject, whether it was the last speaker (quote
  turns), and whether the mention sits inside somebody's quotation (a father
  quoted about his daughter is not talking through her).

The best candidate wins when it is far enough ahead of the next one; the
margin gives the resolution's confidence, and a pronoun with no agreeing
candidate stays unresolved rather than going to the nearest name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newstrace.attribution.context import ArticleContext, base_dep
from newstrace.lang.en.first_names import FEMALE_NAMES, MALE_NAMES
from newstrace.lang.en.people import FEMALE_WORDS, MALE_WORDS
from newstrace.lang.en.pronouns import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
)

# Weights of the salience score (chosen by hand on written cases, then checked on newsdev).
W_SUBJECT = 1.0
W_LAST_SPEAKER = 1.6
W_SPEAKER = 0.6
W_SENTENCE = 0.45
W_PARAGRAPH = 0.6
W_IN_QUOTE = 2.5
W_IN_CONTENT = 1.2  # named inside someone's reported statement: talked about, seldom the next speaker
W_POSSESSIVE = 0.6
W_GENDER_MATCH = 0.4
W_GENDER_UNKNOWN = 0.25
MAX_SENTENCES_BACK = 6
MIN_MARGIN = 0.2

_GROUP_KINDS = frozenset({"anonymous_group", "organization", "outlet"})


@dataclass(frozen=True, slots=True)
class Referent:
    """One mention a pronoun may refer to."""

    key: str  # cluster id, or "speaker:<name>" for a speaker with no cluster
    name: str
    kind: str  # person / organization / place / group (what the pronoun must agree with)
    start: int
    sentence: int
    paragraph: int
    subject: bool
    possessive: bool
    in_quote: bool
    speaker: bool  # the subject of an attribution
    main: bool = False  # the subject of its sentence's main clause
    content: tuple[int, int] | None = None  # the reported statement it is named inside, if any


@dataclass(frozen=True, slots=True)
class Resolution:
    key: str
    name: str
    confidence: float


def pronoun_wants(low: str) -> str | None:
    """'male', 'female', 'plural' or 'neuter' for a third-person pronoun, else None."""
    if low in MALE_PRONOUNS:
        return "male"
    if low in FEMALE_PRONOUNS:
        return "female"
    if low in PLURAL_PRONOUNS:
        return "plural"
    if low in NEUTER_PRONOUNS:
        return "neuter"
    return None


class Salience:
    """The referents of one article and the pronoun resolver over them."""

    def __init__(self, ctx: ArticleContext, contents: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
        self.ctx = ctx
        self.contents = sorted(contents)
        self.referents: list[Referent] = []
        self._gender_votes: dict[str, dict[str, float]] = {}

    # -- building ---------------------------------------------------------------------------
    def add_mention(self, key: str, name: str, kind: str, start: int, end: int, speaker: bool = False,
                    words_around: Iterable[str] = (), main: bool | None = None) -> None:
        ctx = self.ctx
        tok = _head_token(ctx, start, end)
        subject = speaker or (tok is not None and base_dep(tok) in ("nsubj", "nsubjpass", "csubj"))
        possessive = tok is not None and (base_dep(tok) == "poss" or ctx.text[end : end + 2] in ("'s", "’s"))
        if main is None:
            main = tok is not None and subject and tok.head.dep_ == "ROOT"
        subject = subject or main
        self.referents.append(Referent(
            key=key, name=name, kind=kind, start=start, sentence=ctx.sent_index_at(start),
            paragraph=ctx.para_index_at(start), subject=subject, possessive=possessive and not speaker,
            in_quote=ctx.inside_quotation(start), speaker=speaker, main=main,
            content=self._content_at(start)))
        for w in words_around:
            self._vote(key, _word_gender(w), 3.0)

    def _content_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.contents:
            if a > pos:
                break
            if pos < b:
                return (a, b)
        return None

    def vote_first_name(self, key: str, name: str) -> None:
        first = name.split()[0].lower().strip(".") if name.split() else ""
        if first in MALE_NAMES:
            self._vote(key, "male", 2.0)
        elif first in FEMALE_NAMES:
            self._vote(key, "female", 2.0)

    def _vote(self, key: str, gender: str | None, weight: float) -> None:
        if gender is not None:
            votes = self._gender_votes.setdefault(key, {})
            votes[gender] = votes.get(gender, 0.0) + weight

    def learn_genders(self) -> None:
        """The article's own pronouns: a person who is the only one named in a sentence, as its
        subject, and is followed in that sentence or the next by "he"/"his" (not "she"/"her")."""
        ctx = self.ctx
        persons = sorted((r for r in self.referents if r.kind == "person"), key=lambda r: r.start)
        by_sent: dict[int, list[Referent]] = {}
        for r in persons:
            by_sent.setdefault(r.sentence, []).append(r)
        for si, refs in by_sent.items():
            keys = {r.key for r in refs if not r.in_quote}
            if len(keys) != 1:
                continue
            key = next(iter(keys))
            first = min(r.start for r in refs if r.key == key)
            stop_sent = si + 1
            if stop_sent in by_sent and {r.key for r in by_sent[stop_sent]} - {key}:
                stop_sent = si
            end = ctx.sents[min(stop_sent, len(ctx.sents) - 1)].end_char
            for tok in ctx.doc.char_span(first, end, alignment_mode="expand") or ():
                if ctx.inside_quotation(tok.idx):
                    continue
                g = pronoun_wants(tok.lower_)
                if g in ("male", "female"):
                    self._vote(key, g, 1.0)
                    break

    def gender(self, key: str) -> str | None:
        votes = self._gender_votes.get(key)
        if not votes:
            return None
        best = max(votes, key=lambda g: votes[g])
        rest = sum(v for g, v in votes.items() if g != best)
        return best if votes[best] > rest else None

    # -- resolving --------------------------------------------------------------------------
    def resolve(self, tok: Token) -> Resolution | None:
        want = pronoun_wants(tok.lower_)
        if want is None:
            return None
        ctx = self.ctx
        here_sent = ctx.sent_index_at(tok.idx)
        here_para = ctx.para_index_at(tok.idx)
        last_speaker = None
        for r in self.referents:
            if r.speaker and r.content is None and r.start < tok.idx and self._agrees(r, want):
                if last_speaker is None or r.start > last_speaker.start:
                    last_speaker = r
        # a new subject after the last statement takes the turn over ("Katjavivi ... was one of the
        # people who visited. He said ..."): the quote-turn bonus goes to it instead
        topic = None
        for r in self.referents:
            if (r.main and not r.speaker and not r.in_quote and r.start < tok.idx and self._agrees(r, want)
                    and (last_speaker is None or r.sentence > last_speaker.sentence)
                    and (topic is None or r.start > topic.start)):
                topic = r
        if topic is not None and last_speaker is not None and topic.key != last_speaker.key:
            last_speaker = topic
        scores: dict[str, tuple[float, Referent]] = {}
        for r in self.referents:
            if r.start >= tok.idx or here_sent - r.sentence > MAX_SENTENCES_BACK:
                continue
            if not self._agrees(r, want):
                continue
            if want in ("plural", "neuter") and not (r.subject or r.speaker):
                # "they"/"it" mostly refer to things never named; only a group or organisation that
                # was itself a subject or a speaker is salient enough to be the one meant
                continue
            score = -W_SENTENCE * (here_sent - r.sentence) - W_PARAGRAPH * min(2, here_para - r.paragraph)
            if r.subject:
                score += W_SUBJECT
            if r.speaker:
                score += W_SPEAKER
            if last_speaker is not None and r.key == last_speaker.key:
                score += W_LAST_SPEAKER
            if r.in_quote and not ctx.inside_quotation(tok.idx):
                score -= W_IN_QUOTE
            elif r.content is not None and not (r.content[0] <= tok.idx < r.content[1]):
                score -= W_IN_CONTENT
            if r.possessive:
                score -= W_POSSESSIVE
            if want in ("male", "female"):
                g = self.gender(r.key)
                score += W_GENDER_MATCH if g == want else -W_GENDER_UNKNOWN
            prev = scores.get(r.key)
            if prev is None or score > prev[0]:
                scores[r.key] = (score, r)
        if not scores:
            return None
        ranked = sorted(scores.values(), key=lambda x: -x[0])
        best_score, best = ranked[0]
        margin = best_score - ranked[1][0] if len(ranked) > 1 else 2.0
        if margin < MIN_MARGIN and len(ranked) > 1 and ranked[1][1].name != best.name:
            return Resolution(best.key, best.name, confidence=0.3)
        return Resolution(best.key, best.name, confidence=_confidence(margin))

    def _agrees(self, r: Referent, want: str) -> bool:
        if want in ("male", "female"):
            if r.kind != "person":
                return False
            g = self.gender(r.key)
            return g is None or g == want
        if want == "plural":
            return r.kind in ("group", "organization")
        return r.kind in ("organization", "place")


def _confidence(margin: float) -> float:
    return round(min(0.95, 0.5 + margin / 4), 2)


def _word_gender(word: str) -> str | None:
    low = word.lower()
    if low in MALE_WORDS:
        return "male"
    if low in FEMALE_WORDS:
        return "female"
    return None



def _head_token(ctx: ArticleContext, start: int, end: int) -> Token | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root
