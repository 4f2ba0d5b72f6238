"""``According to X, ...`` and ``..., according to X.``: the source is the phrase after "to"."""

from __future__ import annotations

from spacy.tokens import Doc

from newstrace.attribution.clauses import (
    SourcePhrase,
    _is_boundary,
    _looks_appendage,
    _np_ish,
)
from newstrace.attribution.context import ArticleContext, Candidate, trim_span
from newstrace.model import Span

_STRIP = " \t\n,;:—–-"


def _source_after_to(doc: Doc, start: int, end: int) -> SourcePhrase | None:
    k = start
    while k < end and (_np_ish(doc[k]) or doc[k].lower_ in ("who", "familiar")) and doc[k].text not in ".!?":
        if doc[k].lower_ in ("who", "which", "that") and k > start:
            break
        k += 1
    if k <= start:
        return None
    extras = []
    if k < end and doc[k].text == ",":
        e2 = k + 1
        while e2 < end and not _is_boundary(doc[e2]) and doc[e2].text not in ".!?":
            e2 += 1
        if e2 > k + 1 and doc[k + 1].lower_ in ("who", "a", "an") and _looks_appendage(doc, k + 1, e2):
            extras.append((k + 1, e2))
    return SourcePhrase((start, k), extras)


def find_according_to(ctx: ArticleContext, sent_index: int) -> list[Candidate]:
    doc = ctx.doc
    sent = ctx.sents[sent_index]
    s0, s1 = sent.start, sent.end
    out: list[Candidate] = []
    for i in range(s0, s1 - 2):
        if doc[i].lower_ != "according" or doc[i + 1].lower_ != "to":
            continue
        if ctx.inside_quotation(doc[i].idx):
            continue
        src = _source_after_to(doc, i + 2, s1)
        if src is None:
            continue
        src_end = src.end
        cue = Span(doc[i].idx, doc[i + 1].idx + len(doc[i + 1].text))
        # content: the rest of the sentence around the phrase
        before = trim_span(ctx.text, sent.start_char, doc[i].idx, _STRIP)
        after_start = doc[src_end].idx if src_end < s1 else sent.end_char
        after = trim_span(ctx.text, after_start, sent.end_char, _STRIP + ".!?")
        intro_like = before is None or (before.end - before.start) < 25 and not any(
            t.pos_ == "VERB" for t in doc[s0:i])
        pieces: list[Span] = []
        if intro_like and after is not None:
            pieces = [after]
        elif before is not None:
            pieces = [before]
            if after is not None and (after.end - after.start) > 20:
                pieces.append(after)
        if not pieces:
            continue
        cand = Candidate(kind="indirect", content=pieces, cue=cue, cue_text=ctx.text[cue.start:cue.end],
                         sent_index=sent_index, origin="according")
        cand.source = src  # type: ignore[attr-defined]
        out.append(cand)
    return out
