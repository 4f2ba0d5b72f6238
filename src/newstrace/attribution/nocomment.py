"""Non-answers: "declined to comment", "did not respond to questions" -> kind ``no_comment``."""

from __future__ import annotations

import re

from newstrace.attribution.clauses import source_before
from newstrace.attribution.context import ArticleContext, Candidate
from newstrace.lang.en.reporting_verbs import NO_COMMENT_PATTERNS
from newstrace.model import Span

_RE = re.compile(r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in
                               sorted(NO_COMMENT_PATTERNS, key=len, reverse=True)) + r")", re.I)


def find_no_comment(ctx: ArticleContext, sent_index: int) -> list[Candidate]:
    sent = ctx.sents[sent_index]
    doc = ctx.doc
    out: list[Candidate] = []
    for m in _RE.finditer(ctx.text, sent.start_char, sent.end_char):
        if ctx.inside_quotation(m.start()):
            continue
        tok = ctx.token_at(m.start())
        if tok is None:
            continue
        src = source_before(doc, tok.i, sent.start)
        if src is None:
            continue
        cand = Candidate(kind="no_comment", content=[], cue=Span(m.start(), m.end()), cue_text=m.group(0),
                         sent_index=sent_index, origin="no_comment")
        cand.source = src  # type: ignore[attr-defined]
        out.append(cand)
    return out
