"""Reporting chains: a statement that reaches the article through someone else.

"X told reporters that ..., the state-run Interfax news agency reported" is
one statement by X that came via Interfax: the outer attribution (whose
content holds the inner cue) is folded into the inner quote's ``via``
(innermost first) instead of being reported as a quote of its own.

A relative clause inside a source phrase ("Islam Khalilov, 15, who said that
..., said that ...") is a separate statement whose content stops where the
relative clause does.
"""

from __future__ import annotations

from newstrace.attribution.context import ArticleContext, Candidate
from newstrace.attribution.cues import cue_class
from newstrace.model import Span


def _contains(outer: Candidate, pos: int) -> bool:
    return any(p.start <= pos < p.end for p in outer.content)


def cut_relative_clauses(ctx: ArticleContext, cands: list[Candidate]) -> None:
    doc = ctx.doc
    for b in cands:
        src = getattr(b, "source", None)
        if src is None:
            continue
        for a in cands:
            if a is b or a.cue is None or not a.content:
                continue
            for ea, eb in src.extras:
                lo, hi = doc[ea].idx, doc[eb - 1].idx + len(doc[eb - 1].text)
                if lo <= a.cue.start < hi:
                    a.content = [Span(p.start, min(p.end, hi)) for p in a.content if p.start < hi]


def fold_chains(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """Fold outer attributions into the inner ones they relay; returns the surviving candidates."""
    dropped: set[int] = set()
    ordered = sorted(cands, key=lambda c: -(sum(p.end - p.start for p in c.content)))
    for outer in ordered:
        if outer.kind == "no_comment" or outer.speaker is None or id(outer) in dropped or not _relayer(outer):
            continue
        inner_all = [c for c in cands if c is not outer and c.cue is not None and _contains(outer, c.cue.start)
                     and c.sent_index == outer.sent_index and _relays_speech(c)]
        if not inner_all:
            continue
        o_start = min(p.start for p in outer.content)
        o_end = max(p.end for p in outer.content)
        relays = []
        for inner in inner_all:
            assert inner.cue is not None  # inner_all holds candidates with a cue
            i_end = max((p.end for p in inner.content), default=inner.cue.end)
            i_src = inner.speaker.span.start if inner.speaker is not None and inner.speaker.span else inner.cue.start
            # the inner attribution fills the outer content: a relay, not a separate claim
            if i_src - o_start <= _RELAY_LEAD and o_end - i_end <= 3 and _no_clause_before(ctx, o_start, i_src):
                relays.append(inner)
        cut = outer.speaker.span.start if outer.speaker.span is not None else None
        if outer.cue is not None and (cut is None or outer.cue.start < cut):
            cut = outer.cue.start
        for inner in relays:
            assert inner.cue is not None
            inner.via = [outer.speaker.name] + list(outer.via)
            if cut is not None and cut > inner.cue.start:
                inner.content = [trim for p in inner.content
                                 if (trim := _clip(p, cut)) is not None]
        if relays:
            dropped.add(id(outer))
    return [c for c in cands if id(c) not in dropped]


# How far into the outer content the relayed statement's source may start ("(reported) on Tuesday,
# the head of ..., Naryshkin, told ..."); only an opening phrase may stand before it, no clause:
# "(said) he was present when | doctors told ..." reports a scene, not a relay.
_RELAY_LEAD = 60


def _no_clause_before(ctx: ArticleContext, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return span is None or not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in span)


def _relayer(outer: Candidate) -> bool:
    """Who passes a statement on: an outlet, or anyone who "reports", "quotes" or "cites" it. A person
    who says that someone told them something ("Trump said that Lutnick had informed him") makes a
    statement of their own, with the other one's inside it."""
    kind = getattr(outer.speaker, "kind", None)
    return kind == "outlet" or getattr(outer, "lemma", None) in ("report", "quote", "cite")


def _relays_speech(inner: Candidate) -> bool:
    """Only a statement can be relayed: "she says she felt ..." reports a feeling, so the outer
    "says" is the statement, not a relay of a belief."""
    lemma = getattr(inner, "lemma", None)
    if lemma is None:
        return True
    if lemma in ("respond", "reply", "answer") and inner.cue is not None and inner.cue_token is not None:
        nxt = inner.cue_token.nbor(1) if inner.cue_token.i + 1 < len(inner.cue_token.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            return False  # "helping allies respond to any crisis": an action, not speech
    return cue_class(lemma) != "belief"


def _clip(p: Span, cut: int) -> Span | None:
    if p.start >= cut:
        return None
    return Span(p.start, min(p.end, cut)) if min(p.end, cut) > p.start else None
