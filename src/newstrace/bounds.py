"""Holding one article's analysis to the resource limits (newstrace.limits), recording each cut.

Applied at the boundaries of the stages: the clean text before analysis, the quotes after the
quote stage, the whole record before it is stored. A cut keeps the start of what it cuts and
adds a :class:`~newstrace.model.Cut` to the article, so the record says what was left out.
"""

from __future__ import annotations

import dataclasses
import json

from newstrace.limits import Limits, over_limit
from newstrace.model import Article, Cut, Quote, Span


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after a line break, else a sentence, else a word."""
    if len(text) <= limit:
        return len(text)
    floor = limit // 2
    for mark, after in (("\n", 1), (". ", 1), (" ", 0)):
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + after
    return limit


def bound_text(article: Article, limits: Limits) -> Article:
    """The article with its text cut to ``limits.text_chars`` (nothing else holds offsets yet)."""
    text = article.text
    if len(text) <= limits.text_chars:
        return article
    at = cut_point(text, limits.text_chars)
    kept = text[:at].rstrip()
    cut = Cut("text_chars", limits.text_chars, len(text), len(kept))
    return dataclasses.replace(article, text=kept, cuts=(*article.cuts, cut))


def _cut_content(spans: tuple[Span, ...], text: str, budget: int) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in spans:
        if budget <= 0:
            break
        if span.end - span.start <= budget:
            out.append(span)
            budget -= span.end - span.start
            continue
        end = span.start + cut_point(text[span.start : span.end], budget)
        while end > span.start and text[end - 1].isspace():
            end -= 1
        if end > span.start:
            out.append(Span(span.start, end))
        break
    return tuple(out)


def bound_quotes(quotes: tuple[Quote, ...], text: str, limits: Limits) -> tuple[tuple[Quote, ...], tuple[Cut, ...]]:
    """At most ``limits.quotes`` quotes, each with at most ``limits.quote_chars`` characters of content."""
    cuts: list[Cut] = []
    if len(quotes) > limits.quotes:
        cuts.append(Cut("quotes", limits.quotes, len(quotes), quotes[limits.quotes].content[0].start if quotes[limits.quotes].content else None))
        quotes = quotes[: limits.quotes]
    long = [q for q in quotes if sum(s.end - s.start for s in q.content) > limits.quote_chars]
    if long:
        longest = max(sum(s.end - s.start for s in q.content) for q in long)
        first = long[0].content[0].start if long[0].content else None
        cuts.append(Cut("quote_chars", limits.quote_chars, longest, first, len(long)))
        cut_ids = {q.id for q in long}
        quotes = tuple(
            dataclasses.replace(q, content=_cut_content(q.content, text, limits.quote_chars)) if q.id in cut_ids else q
            for q in quotes
        )
    return quotes, tuple(cuts)


def check_record_size(article: Article, limits: Limits, stages_missing: tuple[str, ...] = ()) -> None:
    """Raise InputTooLarge when the stored record of ``article`` would pass ``limits.record_bytes``."""
    from newstrace.record import article_to_record

    size = len(json.dumps(article_to_record(article, stages_missing=stages_missing), ensure_ascii=False).encode("utf-8"))
    if size > limits.record_bytes:
        raise over_limit(f"its record would be {size:,} bytes", "record_bytes", limits, article.source.location)
