"""How sure an attribution is: a number a reader can filter on, and the point below which the
speaker is left unresolved.

The figure is the weakest of three parts, each read from how the statement
was found:

* the **speaker**: a name or a description read where it is written is sure;
  a pronoun or anaphor carries the margin its resolution won by
  (:mod:`salience`); a statement with no speaker at all is not;
* the **cue**: "said", "told", "according to" are sure; rarer verbs of
  communication a little less; a verb of belief that carries quoted words less
  again;
* the **finding**: a statement carried over from the sentence before
  ("(continued)") or proposed by the trained tagger alone is less sure than
  one the rules read whole.
"""

from __future__ import annotations

import dataclasses

from newstrace.attribution.context import ArticleContext, Candidate
from newstrace.attribution.cues import cue_class, verb_lemma
from newstrace.lang.en.reporting_verbs import PLAIN_CUES
from newstrace.model import Article

# Below this the speaker is not named; the quote keeps the candidate as ``speaker_candidate``.
UNRESOLVED_BELOW = 0.4

_ORIGIN_FACTOR = {"carry": 0.6, "continued": 0.8, "tagger": 0.8}


def statement_confidence(ctx: ArticleContext, c: Candidate) -> float:
    sp = c.speaker
    if sp is None:
        speaker_part = 0.0
    else:
        resolved = getattr(sp, "confidence", None)
        speaker_part = float(resolved) if resolved is not None else 0.95
    cue_part = _cue_part(ctx, c)
    origin_part = _ORIGIN_FACTOR.get(c.origin, 1.0)
    return round(max(0.0, min(speaker_part, cue_part) * origin_part), 2)


def _cue_part(ctx: ArticleContext, c: Candidate) -> float:
    if c.cue is None:
        return 1.0  # a continuation: its origin factor says how sure it is
    words = ctx.text[c.cue.start : c.cue.end].lower().split()
    if not words:
        return 0.5
    if words[0] in ("according", "as"):
        return 1.0
    tok = ctx.token_at(c.cue.start)
    lemmas = {verb_lemma(w, w) for w in words}
    if tok is not None:
        lemmas.add(verb_lemma(tok.text, tok.lemma_))
    if lemmas & PLAIN_CUES:
        return 1.0
    classes = {cue_class(lem) for lem in lemmas}
    if "speech" in classes:
        return 0.85
    if "belief" in classes:
        return 0.6
    return 0.5


def keep_confident(article: Article, minimum: float) -> Article:
    """The article with only the statements at or above ``minimum`` confidence (what a reader who
    filters to confident statements sees); events keep their dates but lose a dropped quote's id."""
    kept = tuple(q for q in article.quotes if q.confidence >= minimum)
    ids = {q.id for q in kept}
    events = tuple(e if e.quote_id is None or e.quote_id in ids else dataclasses.replace(e, quote_id=None)
                   for e in article.events)
    return dataclasses.replace(article, quotes=kept, events=events)
