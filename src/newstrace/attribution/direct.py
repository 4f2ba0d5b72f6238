"""Quotation marks and attributions: widening content to whole quotations, direct vs mixed,
continued quotes with no cue of their own, and scare quotes that are not speech."""

from __future__ import annotations

from newstrace.attribution.context import ArticleContext, Candidate
from newstrace.attribution.quotemarks import QuotedSpan
from newstrace.lang.en.discourse import NAMING_PRECEDERS
from newstrace.lang.en.media import REPORT_NOUNS
from newstrace.model import Span

_WORDS_FOR_SPEECH = 4  # a quotation with fewer words and no cue is a scare quote or a name


def is_naming_quote(ctx: ArticleContext, q: QuotedSpan) -> bool:
    """A quoted name or title ("so-called “experts”", 'the article "U.S. told Russia ..."'), not speech."""
    before = ctx.text[max(0, q.open - 40) : q.open].split()
    prev = before[-1].lower().strip(",:") if before else ""
    prev2 = before[-2].lower() if len(before) >= 2 else ""
    return prev in NAMING_PRECEDERS or prev in REPORT_NOUNS or prev2 in REPORT_NOUNS and prev in ("the", "titled")


def widen_to_quotes(ctx: ArticleContext, cand: Candidate) -> None:
    """Extend content to the whole of any quotation it touches (quotes spanning sentences/paragraphs)."""
    if not cand.content:
        return
    start = min(s.start for s in cand.content)
    end = max(s.end for s in cand.content)
    touching = [q for q in ctx.quotes if q.start < end + 2 and q.end > start - 2 and not is_naming_quote(ctx, q)]
    if not touching:
        return
    new_start = min([start] + [q.start for q in touching if q.closed])
    new_end = max([end] + [q.end for q in touching if q.closed])
    if cand.cue is not None and new_start <= cand.cue.start < new_end:
        return  # would swallow the cue: leave the content as the rules found it
    if (new_start, new_end) != (start, end):
        pieces = [Span(new_start, new_end)]
        # keep paragraph breaks out of the span: split at the quote's own segments
        for q in touching:
            if len(q.segments) > 1 and new_start <= q.start and q.end <= new_end:
                pieces = _split_at_segments(pieces[0], q)
        cand.content = pieces


def _split_at_segments(span: Span, q: QuotedSpan) -> list[Span]:
    out: list[Span] = []
    cur = span.start
    for seg_a, seg_b in zip(q.segments, q.segments[1:]):
        out.append(Span(cur, seg_a.end))
        cur = seg_b.start
    out.append(Span(cur, span.end))
    return out


def classify_kind(ctx: ArticleContext, cand: Candidate) -> str:
    if cand.kind in ("no_comment", "stance") or not cand.content:
        return cand.kind
    text = ctx.text
    quoted = 0
    total = 0
    speech_quotes = []
    for piece in cand.content:
        total += len(text[piece.start : piece.end].strip(" \"“”„«»,.;:"))
        for q in ctx.quotes_in(piece.start, piece.end):
            if is_naming_quote(ctx, q):
                continue
            speech_quotes.append(q)
            for seg in q.segments:
                a, b = max(seg.start, piece.start), min(seg.end, piece.end)
                if b > a:
                    quoted += len(text[a:b].strip(" \"“”„«»,.;:"))
    if not speech_quotes:
        return "indirect"
    if total and quoted >= total - 2:
        return "direct"
    return "mixed"


def continued_quotes(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """Full-sentence quotations with no cue, right after a quote by a known speaker: the same speaker."""
    covered: list[Span] = [p for c in cands for p in c.content]
    out: list[Candidate] = []
    attributed = sorted((c for c in cands if c.kind in ("direct", "mixed") and c.speaker is not None),
                        key=lambda c: c.start)
    for q in ctx.quotes:
        if not q.closed or is_naming_quote(ctx, q):
            continue
        if any(p.start <= q.start < p.end or q.start <= p.start < q.end for p in covered):
            continue
        inner = ctx.text[q.start : q.end]
        if len(inner.split()) < _WORDS_FOR_SPEECH or not inner[:1].isupper():
            continue
        # the quotation must start its sentence: no narrative before it
        si = ctx.sent_index_at(q.open)
        sent = ctx.sents[si] if ctx.sents else None
        if sent is not None and ctx.text[sent.start_char : q.open].strip():
            continue
        prev = [c for c in attributed if c.start < q.open]
        if not prev:
            continue
        last = prev[-1]
        last_end = max(p.end for p in last.content)
        p_last, p_here = ctx.para_index_at(last_end), ctx.para_index_at(q.open)
        if p_here - p_last > 1:
            continue
        # nothing attributed to someone else in between
        if any(last.start < c.start < q.open and c is not last for c in cands):
            continue
        cand = Candidate(kind="direct", content=list(q.segments), cue=None, cue_text="(continued)",
                         sent_index=si, origin="continued", carried_from=last)
        cand.speaker = last.speaker
        cand.channel_span = None
        out.append(cand)
        attributed.append(cand)
        attributed.sort(key=lambda c: c.start)
        covered.extend(q.segments)
    return out
