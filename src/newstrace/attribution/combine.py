"""Merge the CRF tagger's spans (:mod:`tagger`) into the rules' quotes.

The rules keep their quote objects, kinds, speakers, channels and chains; the
tagger (which sees the rules' labels as features) then

* sets the content of an indirect/mixed rule quote whose cue it also tagged to
  its own content for that cue when that shares at least half of the rule
  content (PolNeAR-style boundaries: ", but ...", "that"-clauses), and the
  speaker's span to its Source span when the two overlap; a direct quote takes
  the tagger's content only where every piece stays inside quotation marks
  (both halves of an interrupted quote, a closing mark the rules left out), so
  it still holds nothing but the speaker's own words;
* widens a rule quote's cue to the tagger's cue for it when the extra words
  are the verb group's auxiliaries, adverbs or particles ("has said", "pointed
  out"), never a channel or a time ("said in an interview", "said Friday");
* adds a quote for every cue it tagged that no rule quote has, with the nearest
  content and source it tagged around that cue (speaker resolved by the rules'
  resolver; no tagged source, no quote);
* drops rule quotes whose cue and content it tagged nothing of (``drop=True``).
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.tokens import Span as SpacySpan

from newstrace.attribution.context import ArticleContext, Candidate, base_dep
from newstrace.attribution.tagger import Spans, cue_word
from newstrace.model import Span

Pieces = tuple[tuple[int, int], ...]


def _overlaps(a: Pieces, b: Pieces) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def group(ctx: ArticleContext, spans: Spans) -> list[tuple[Pieces, Pieces | None, Pieces | None]]:
    """(cue, content, source) triples: each tagged cue with the nearest tagged content and source."""
    out = []
    contents = sorted(spans.get("Content", []))
    sources = sorted(spans.get("Source", []))
    used_c: set[int] = set()
    used_s: set[int] = set()
    for cue in sorted(spans.get("Cue", [])):
        cs, ce = cue[0][0], cue[-1][1]
        para = ctx.para_index_at(cs)
        sent = ctx.sent_index_at(cs)

        def dist(p: Pieces) -> int:
            a, b = p[0][0], p[-1][1]
            return 0 if a <= cs < b else (cs - b if b <= cs else a - ce)

        best_c = None
        for i, c in enumerate(contents):
            if i in used_c or ctx.para_index_at(c[0][0]) != para and ctx.para_index_at(c[-1][1] - 1) != para:
                continue
            if best_c is None or dist(c) < dist(contents[best_c]):
                best_c = i
        best_s = None
        for i, s in enumerate(sources):
            if i in used_s or ctx.sent_index_at(s[0][0]) != sent:
                continue
            if best_s is None or dist(s) < dist(sources[best_s]):
                best_s = i
        if best_c is not None:
            used_c.add(best_c)
        if best_s is not None:
            used_s.add(best_s)
        out.append((cue, contents[best_c] if best_c is not None else None,
                    sources[best_s] if best_s is not None else None))
    return out


def merge(ctx: ArticleContext, kept: list[Candidate], spans: Spans, resolver, drop: bool = False) -> list[Candidate]:
    triples = group(ctx, spans)
    claimed: set[int] = set()
    out: list[Candidate] = []
    for c in kept:
        if c.cue is None:
            out.append(c)
            continue
        cue_p: Pieces = ((c.cue.start, c.cue.end),)
        hit = next((k for k, t in enumerate(triples) if k not in claimed and _overlaps(t[0], cue_p)), None)
        if hit is None:
            content_p = tuple((s.start, s.end) for s in c.content)
            tagged_any = any(_overlaps(content_p, x) for x in spans.get("Content", []))
            if drop and not tagged_any and c.kind != "no_comment":
                continue
            out.append(c)
            continue
        claimed.add(hit)
        _cue, content, source = triples[hit]
        wider = _verb_group(ctx, c.cue, _cue)
        if wider is not None:
            c.cue = wider
            c.cue_text = ctx.text[wider.start : wider.end]
        channel: Pieces = ((c.channel_span.start, c.channel_span.end),) if c.channel_span else ()
        if (
            content
            and c.kind != "no_comment"
            and _covers(content, c.content)
            and (c.kind != "direct" or _quoted(ctx, content))
            and not _overlaps(content, channel)  # "said on his YouTube channel ... that": not what was said
            and _opens_cleanly(ctx, content[0][0], c)
        ):
            c.content = [Span(a, b) for a, b in content]
        if source and c.speaker is not None and c.speaker.span is not None:
            at = c.speaker.span
            if _overlaps(((at.start, at.end),), source):
                c.speaker = dataclasses.replace(c.speaker, span=Span(source[0][0], source[-1][1]))
        out.append(c)
    for k, (cue, content, source) in enumerate(triples):
        if k in claimed or content is None or source is None:
            continue  # a cue with no tagged source is too often a scare quote or a stray verb
        content_p = content
        if any(_overlaps(content_p, tuple((s.start, s.end) for s in c.content)) for c in out):
            continue
        if not _touches_sentence(ctx, content, cue[0][0]):
            continue  # a cue and a content a sentence apart are two pieces of different statements
        if not _lexical_cue(ctx, cue):
            continue  # "bought", "acquired ... out of", "United | States": not a way of saying or thinking
        cand = Candidate(
            kind="indirect",
            content=[Span(a, b) for a, b in content],
            cue=Span(cue[0][0], cue[-1][1]),
            cue_text=ctx.text[cue[0][0]: cue[-1][1]],
            sent_index=ctx.sent_index_at(cue[0][0]),
            origin="tagger",
        )
        toks = _token_range(ctx, source[0][0], source[-1][1])
        span = Span(source[0][0], source[-1][1])
        if toks is not None:
            toks = _antecedent(ctx, toks)  # named after the antecedent; the span stays where the source is written
        sp = resolver.resolve(toks, []) if toks is not None else None
        if sp is None:
            continue  # a source the resolver cannot name ("so-called") is no speaker
        cand.speaker = dataclasses.replace(sp, span=span)
        out.append(cand)
    return out


# What a cue's verb group may add around the rules' cue word: auxiliaries and modals ("has said",
# "is demanding", "could call"), adverbs ("also claimed") and particles ("pointed out"). Never a
# noun, name, number or punctuation: the channel ("in an interview") and the time ("said Friday")
# are kept apart from the cue.
_GROUP_POS = frozenset({"AUX", "ADV", "PART"})
# A preposition only as the verb's particle ("pointed out"): one that opens a phrase starts the
# channel or the topic ("said on his YouTube channel", "declined to comment on").
_PARTICLE_DEPS = frozenset({"prt", "compound:prt"})


def _verb_group(ctx: ArticleContext, cue: Span, tagged: Pieces) -> Span | None:
    """The tagger's one-piece cue when it is the rules' cue widened to its verb group, else None."""
    if len(tagged) != 1:
        return None
    a, b = tagged[0]
    if (a, b) == (cue.start, cue.end) or not (a <= cue.start and cue.end <= b):
        return None
    for tok in _tokens_in(ctx, a, b):
        if cue.start <= tok.idx < cue.end or tok.is_space:
            continue
        if tok.pos_ not in _GROUP_POS and not (tok.pos_ == "ADP" and tok.dep_.lower() in _PARTICLE_DEPS):
            return None
    return Span(a, b)


# A statement does not start right after one of these (they belong to the phrase it would cut):
# after a preposition, particle, conjunction, pronoun or punctuation it can ("warned of | an attack",
# "plans to | build", "that | the plan failed").
_CLAUSE_INSIDE = frozenset({"VERB", "AUX", "DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _opens_cleanly(ctx: ArticleContext, start: int, c: Candidate) -> bool:
    """The tagged content starts where a statement can start: where the rules' content starts, at
    the start of a sentence, after the cue, or not right after a verb, determiner, adjective, noun or
    number -- not in the middle of a phrase ("... staged | a bloody attack ...")."""
    if any(p.start == start for p in c.content):
        return True
    starts = ctx.token_starts
    i = bisect.bisect_left(starts, start)
    if i >= len(starts) or starts[i] != start or i == 0:
        return True  # not on a token boundary, or the document's first token: no evidence either way
    doc = ctx.doc
    tok = doc[i]
    if tok.is_sent_start or tok.pos_ in ("SCONJ", "PRON") or tok.lower_ == "that" or tok.is_quote:
        return True  # "said Friday | that ...": a clause or a quotation opens here
    prev = doc[i - 1]
    while prev.is_space and prev.i > 0:
        prev = doc[prev.i - 1]
    if c.cue is not None and c.cue.start <= prev.idx < c.cue.end:
        return True
    return prev.pos_ not in _CLAUSE_INSIDE


_MAX_CUE_TOKENS = 6


def _lexical_cue(ctx: ArticleContext, cue: Pieces) -> bool:
    """A tagged cue is a few words with no name or number in it ("United | States", "acquired a
    set of huge surface mines in British Columbia out of" are not ways of saying anything)."""
    toks = [t for a, b in cue for t in _tokens_in(ctx, a, b) if not t.is_space]
    if any(t.pos_ != "PROPN" and cue_word(t.lower_, t.lemma_.lower(), t.pos_ in ("VERB", "AUX")) for t in toks):
        return True
    return 0 < len(toks) <= _MAX_CUE_TOKENS and not any(t.pos_ in ("PROPN", "NUM") for t in toks)


def _touches_sentence(ctx: ArticleContext, content: Pieces, cue_start: int) -> bool:
    """Some piece of the content lies in the cue's sentence, or opens the next one with a quotation
    mark or after a colon ("He said: | “...”")."""
    sent = ctx.sent_index_at(cue_start)
    for a, b in content:
        first, last = ctx.sent_index_at(a), ctx.sent_index_at(max(a, b - 1))
        if first <= sent <= last:
            return True
        if first == sent + 1:
            before = ctx.text[ctx.sents[sent].start_char : a].rstrip()
            if before.endswith(":") or ctx.text[a : a + 1] in "“\"‘'«":
                return True
    return False


def _quoted(ctx: ArticleContext, pieces: Pieces) -> bool:
    """Every piece lies within one quotation, its marks included: still the speaker's own words."""
    return all(
        any(q.open <= a and b <= (q.close + 1 if q.close is not None else q.segments[-1].end) for q in ctx.quotes_in(a, b))
        for a, b in pieces
    )


def _covers(new: Pieces, old: list[Span], share: float = 0.5) -> bool:
    """The tagged content shares at least ``share`` of the rule content's characters (a boundary fix,
    not a different statement)."""
    total = sum(s.end - s.start for s in old)
    if not total:
        return False
    common = sum(max(0, min(b, s.end) - max(a, s.start)) for a, b in new for s in old)
    return common >= share * total


_RELATIVE = frozenset({"who", "which", "that", "whom"})


def _antecedent(ctx: ArticleContext, toks: tuple[int, int]) -> tuple[int, int]:
    """A source tagged as its relative clause ("Bob Stone, | who led the inspection, | said") is
    the noun phrase the clause belongs to; any other source is kept as tagged."""
    doc = ctx.doc
    first = doc[toks[0]]
    verb = first.head
    if first.lower_ not in _RELATIVE or base_dep(verb) not in ("relcl", "acl") or verb.head.i == verb.i:
        return toks
    noun = verb.head
    start = noun.left_edge.i
    end = noun.i + 1
    # the rest of a name after its head ("Bob | Stone"), but not the clause itself
    while end < len(doc) and doc[end].dep_ in ("flat", "compound", "flat:name") and start <= doc[end].head.i < end:
        end += 1
    return (start, end) if start < end <= toks[0] else toks


def _tokens_in(ctx: ArticleContext, a: int, b: int) -> SpacySpan:
    """The tokens that start within characters [a, b)."""
    starts = ctx.token_starts
    return ctx.doc[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]


def _token_range(ctx: ArticleContext, a: int, b: int) -> tuple[int, int] | None:
    starts = ctx.token_starts
    i = max(0, bisect.bisect_right(starts, a) - 1)
    j = bisect.bisect_left(starts, b)
    return (i, j) if j > i else None
