"""Compose the attribution rules into :func:`extract_attributions`."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newstrace.attribution.according import find_according_to
from newstrace.attribution.carryover import carry_over
from newstrace.attribution.chains import cut_relative_clauses, fold_chains
from newstrace.attribution.cites import apply_cite_via, find_cites
from newstrace.attribution.clauses import find_clause_attributions
from newstrace.attribution.confidence import UNRESOLVED_BELOW, statement_confidence
from newstrace.attribution.context import ArticleContext, Candidate
from newstrace.attribution.direct import (
    classify_kind,
    continued_quotes,
    widen_to_quotes,
)
from newstrace.attribution.nocomment import _RE as NO_COMMENT_RE
from newstrace.attribution.nocomment import find_no_comment
from newstrace.attribution.speakers import SpeakerResolver
from newstrace.attribution.validate import statement_problem
from newstrace.errors import ConfigError
from newstrace.lang.en.reporting_verbs import SPEECH_VERBS
from newstrace.model import Citation, Quote, Span, Timex
from newstrace.timex.governs import modifies

# A cheap filter: only sentences with one of these can carry an attribution.
_STEMS = sorted({w[:4] if len(w) > 4 else w for w in SPEECH_VERBS} | {"told", "said", "wrot", "thou", "felt"})
log = logging.getLogger(__name__)
_TRIGGER_RE = re.compile(r"\b(?:" + "|".join(_STEMS) + r")|according|[\"“”„«»]", re.I)


@dataclass(frozen=True, slots=True)
class Attributions:
    """What :func:`extract_attributions` found: quotes in text order and article-level citations."""

    quotes: tuple[Quote, ...] = ()
    cites: tuple[Citation, ...] = ()


def candidate_sentences(ctx: ArticleContext) -> list[int]:
    out = []
    for i, s in enumerate(ctx.sents):
        chunk = ctx.text[s.start_char : s.end_char]
        if _TRIGGER_RE.search(chunk) or NO_COMMENT_RE.search(chunk):
            out.append(i)
    return out


# What counts as an attribution: "statements" (default) keeps only what a source said or wrote
# (attribution/validate.py); "all" also keeps beliefs, intentions and the other attributions
# PolNeAR annotates ("Medrano believes ...", "plans to ...").
SCOPE_ENV = "NEWSTRACE_ATTRIBUTION_SCOPE"
SCOPES = ("statements", "all")


def attribution_scope() -> str:
    scope = os.environ.get(SCOPE_ENV, "statements").strip().lower() or "statements"
    if scope not in SCOPES:
        raise ConfigError(f"{SCOPE_ENV}={scope!r} is not one of {', '.join(SCOPES)}")
    return scope


def extract_attributions(text: str, doc: Doc, timexes: tuple[Timex, ...] = (), *, gate: bool | None = None) -> Attributions:
    """Who said what in ``text`` (parsed as ``doc``), with reporting chains and citations.

    ``gate=False`` skips the statement check (:mod:`validate`): the rules' raw proposals, which is
    what the trained tagger reads as features; ``None`` follows ``NEWSTRACE_ATTRIBUTION_SCOPE``.
    ``timexes`` (optional, offsets into ``text``) let a quote get ``said_on``
    from a date in its sentence that lies outside the quoted content.
    Deterministic; never raises on odd input (unbalanced quote marks, no
    sentences, very long quotations).
    """
    if gate is None:
        gate = attribution_scope() == "statements"
    if not text.strip() or len(doc) == 0:
        return Attributions()
    ctx = ArticleContext(text, doc, timexes)
    cands: list[Candidate] = []
    for si in candidate_sentences(ctx):
        found = find_no_comment(ctx, si)
        found += [c for c in find_according_to(ctx, si)]
        for c in find_clause_attributions(ctx, si):
            assert c.cue is not None  # a clause attribution always has its verb
            if not any(nc.cue and nc.cue.start <= c.cue.start < nc.cue.end for nc in found if nc.kind == "no_comment"):
                found.append(c)
        cands.extend(found)
    cands.sort(key=lambda c: (c.cue.start if c.cue else c.start))
    cut_relative_clauses(ctx, cands)
    # Only candidates that can be statements make people salient: a false cue ("the losses observed
    # earlier") must not give the pronouns after it a speaker, nor hide a real one inside its content.
    plausible = {id(c) for c in cands if c.kind == "no_comment" or statement_problem(ctx, c, check_source=False) is None}
    resolver = SpeakerResolver(ctx, [(p.start, p.end) for c in cands if c.kind != "no_comment" and id(c) in plausible
                                     for p in c.content])
    kept: list[Candidate] = []
    for c in cands:
        src = getattr(c, "source", None)
        if src is not None:
            c.speaker = resolver.resolve(src.core, src.extras, remember=id(c) in plausible)
        if c.speaker is None and c.kind == "no_comment":
            continue
        widen_to_quotes(ctx, c)
        c.kind = classify_kind(ctx, c)
        if c.content or c.kind == "no_comment":
            kept.append(c)
    kept = fold_chains(ctx, kept)
    kept = [c for c in _dedupe(kept) if c.content or c.kind == "no_comment"]
    kept += continued_quotes(ctx, kept)
    kept += carry_over(ctx, kept)
    kept = _apply_tagger(ctx, kept, resolver)
    if gate:
        kept = _statements_only(ctx, kept)
    cite_list = find_cites(ctx, timexes)
    apply_cite_via(ctx, cite_list, kept)
    kept.sort(key=lambda c: (c.start, c.cue.start if c.cue else -1))
    quotes = tuple(_to_quote(ctx, n, c, kept) for n, c in enumerate(kept, 1))
    return Attributions(quotes=quotes, cites=tuple(c for c, _ in cite_list))


def _statements_only(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """Keep the candidates :func:`statement_problem` accepts, and continuations of kept ones."""
    rejected: set[int] = set()
    out: list[Candidate] = []
    for c in cands:
        problem = statement_problem(ctx, c)
        if problem is None and c.carried_from is not None and id(c.carried_from) in rejected:
            problem = "continues a rejected statement"
        if problem is not None:
            rejected.add(id(c))
            log.debug("not a statement (%s): %r %r", problem, c.cue_text, _excerpt(ctx, c))
            continue
        out.append(c)
    return out


def _excerpt(ctx: ArticleContext, c: Candidate) -> str:
    return " | ".join(ctx.text[s.start : s.end][:60] for s in c.content)


def _apply_tagger(ctx: ArticleContext, kept: list[Candidate], resolver: SpeakerResolver) -> list[Candidate]:
    """Let the trained tagger (if its weights are there) fix boundaries and add what the rules missed."""
    from newstrace.attribution.tagger import load_tagger

    tagger = load_tagger()
    if tagger is None:
        return kept
    from newstrace.attribution.combine import merge
    from newstrace.attribution.tagger import rule_token_labels

    rules: dict[str, list] = {"Source": [], "Cue": [], "Content": []}
    for c in kept:
        if c.cue is None:
            continue
        sp = getattr(c.speaker, "span", None)
        if sp is not None:
            rules["Source"].append(((sp.start, sp.end),))
        rules["Cue"].append(((c.cue.start, c.cue.end),))
        if c.content:
            rules["Content"].append(tuple(sorted({(p.start, p.end) for p in c.content})))
    spans = tagger.spans(ctx.text, ctx.doc, rule_token_labels(ctx.doc, rules, ctx.token_starts), ctx.quotes)
    out = merge(ctx, kept, spans, resolver, drop=tagger.meta.get("drop_untagged", False))
    for c in out:
        if c.origin == "tagger":
            c.kind = classify_kind(ctx, c)
    return out


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One quote per cue; of two candidates with the same content keep the one with a speaker."""
    seen: dict[tuple, Candidate] = {}
    out: list[Candidate] = []
    for c in cands:
        key = (c.cue.start, c.cue.end) if c.cue else ("c", c.start)
        if key in seen:
            continue
        seen[key] = c
        out.append(c)
    return out


def _said_on(ctx: ArticleContext, c: Candidate, others: Sequence[Candidate] = ()) -> tuple[str | None, int | None]:
    if not ctx.timexes or c.cue is None:
        return None, None
    sent = ctx.sents[c.sent_index]
    best: tuple[int, int] | None = None
    for i, t in enumerate(ctx.timexes):
        if t.type not in ("DATE", "TIME") or not t.value:
            continue
        if not (sent.start_char <= t.span.start and t.span.end <= sent.end_char):
            continue
        if any(p.start <= t.span.start < p.end for p in c.content):
            continue
        # a date inside another statement of the sentence dates that statement, not this one
        # ("X, who said that he worked there, said the staff was warned on March 7")
        if any(o is not c and p.start <= t.span.start < p.end for o in others for p in o.content):
            continue
        if any(j != i and o.span.contains(t.span) and o.span != t.span for j, o in enumerate(ctx.timexes)):
            continue  # "March 22" inside "three days before the March 22 attack": take the whole
        if not modifies(ctx.doc, c.cue, t.span):
            continue  # a date of another verb or noun of the sentence ("founded in 1999")
        dist = abs(t.span.start - c.cue.start)
        if best is None or dist < best[0]:
            best = (dist, i)
    if best is None:
        return None, None
    return ctx.timexes[best[1]].value, best[1]


def _to_quote(ctx: ArticleContext, n: int, c: Candidate, others: Sequence[Candidate] = ()) -> Quote:
    said_on, said_idx = _said_on(ctx, c, others)
    if said_on is None and c.carried_from is not None and c.kind != "direct":
        said_on, said_idx = None, None
    content = tuple(sorted({(p.start, p.end) for p in c.content}))
    speaker = c.speaker
    confidence = statement_confidence(ctx, c)
    candidate = None
    if speaker is not None and confidence < UNRESOLVED_BELOW and c.kind != "no_comment":
        speaker, candidate = None, speaker  # say so rather than name a doubtful speaker
    return Quote(
        id=f"q{n}",
        kind=c.kind,  # type: ignore[arg-type]
        content=tuple(Span(a, b) for a, b in content),
        cue=c.cue,
        cue_text=c.cue_text,
        speaker=speaker,  # type: ignore[arg-type]
        speaker_candidate=candidate,  # type: ignore[arg-type]
        medium=_text(ctx, c.channel_span),
        medium_span=c.channel_span,
        audience=_text(ctx, c.audience_span),
        audience_span=c.audience_span,
        via=tuple(c.via),
        said_on=said_on,
        said_on_timex=said_idx,
        confidence=confidence,
    )


def _text(ctx: ArticleContext, span: Span | None) -> str | None:
    return ctx.text[span.start : span.end] if span is not None else None
