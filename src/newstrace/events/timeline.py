"""A per-article timeline: dated events in calendar order, undated ones apart."""

from __future__ import annotations

from newstrace.model import Article, Event


def timeline_of(article: Article) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """(dated events ordered by date then position, undated events in text order)."""
    dated = sorted((e for e in article.events if e.date), key=lambda e: (e.date or "", e.span.start))
    undated = tuple(e for e in article.events if not e.date)
    return tuple(dated), undated
