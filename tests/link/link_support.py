"""Helpers for the linking tests: articles built by hand, with quotes as the quote stage gives them."""

from __future__ import annotations

import dataclasses
import re

from newstrace.model import Article, PublishedDate, Quote, SourceRef, Span, Speaker


def make_article(aid: str, text: str, *, published: str | None = None, site: str | None = None, title: str | None = None,
                 quotes: tuple[Quote, ...] = (), claims: bool = False) -> Article:
    """An article built by hand. ``claims``: read what its statements say as the pipeline does
    (parse, time expressions, claims), keeping the quotes given here."""
    article = Article(
        id=aid, text=text, source=SourceRef("file", f"{aid}.txt"), title=title, site=site,
        published=PublishedDate(published, "option") if published else None, quotes=quotes,
    )
    return with_claims(article) if claims else article


def with_claims(article: Article) -> Article:
    from newstrace.claims import find_claims
    from newstrace.pipeline import Context, dct_of
    from newstrace.stages.nlp import NlpStage
    from newstrace.stages.time import TimeStage

    ctx = Context(dct=dct_of(article))
    analysed = TimeStage()(NlpStage()(article, ctx), ctx)
    return dataclasses.replace(analysed, quotes=article.quotes, claims=find_claims(dataclasses.replace(analysed, quotes=article.quotes), ctx.data["doc"]))


def quote(text: str, qid: str, speaker: str, content: str, cue: str, kind: str = "indirect", *, after: int = 0,
          speaker_kind: str = "person") -> Quote:
    """A Quote whose content and cue are found in ``text`` (at or after ``after``)."""
    c = text.index(content, after)
    k = text.find(cue, max(0, c - 300))
    cue_span = Span(k, k + len(cue)) if k >= 0 and cue else None
    return Quote(qid, kind, (Span(c, c + len(content)),), cue_span, cue, Speaker(speaker, speaker, speaker_kind))  # type: ignore[arg-type]


def gold_quotes(text: str, gold: dict, *, wide: bool) -> tuple[Quote, ...]:
    """The seed page's gold quotes as Quote objects; ``wide`` stretches each to its sentence end."""
    out: list[Quote] = []
    cursor = 0
    low = text.lower()
    for g in gold["quotes"]:
        if not g["content"]:
            continue
        spans = []
        for phrase in g["content"]:
            i = low.find(phrase.lower(), max(0, cursor - 400))
            if i < 0:
                i = low.find(phrase.lower())
            spans.append(Span(i, i + len(phrase)))
        spans.sort(key=lambda s: s.start)
        if wide:
            end = re.search(r"[.!?](?:\s|$)", text[spans[-1].end :])
            stop = spans[-1].end + (end.start() if end else 0)
            spans = [Span(spans[0].start, max(stop, spans[-1].end))]
        cursor = spans[0].start
        cue = g["cue"] if g["cue"] != "(continued)" else ""
        k = low.rfind(cue.lower(), 0, spans[0].start + 1) if cue else -1
        cue_span = Span(k, k + len(cue)) if k >= 0 and spans[0].start - k < 400 else None
        speaker = Speaker(g["speaker"], g["speaker"], g["speaker_kind"], title=g.get("speaker_title"))
        out.append(Quote(g["id"], g["kind"], tuple(spans), cue_span, cue, speaker))
    return tuple(out)


def two_outlets_conflicts(x: str, y: str, kind: str | None = None, published: str | None = "2011-03-15") -> list:
    """The conflicts found between two outlets' articles of one story, of one ``kind`` when given."""
    from newstrace.link.conflicts import find_conflicts

    a = make_article("a", x, site="a.org", published=published, claims=True)
    b = make_article("b", y, site="b.org", published=published, claims=True)
    return [c for c in find_conflicts([a, b]) if kind is None or c.kind == kind]

