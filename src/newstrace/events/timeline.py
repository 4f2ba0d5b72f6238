"""A per-article timeline: dated events in calendar order, the rest apart."""

from __future__ import annotations

from newstrace.events.readable import sort_key
from newstrace.model import Article, Event
from newstrace.timex.calendar import value_days


def timeline_of(article: Article) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """(events whose date has a place on the calendar, ordered by it then by position; the rest,
    undated or dated without a known year, in text order)."""
    dated = sorted((e for e in article.events if value_days(e.date)), key=lambda e: (sort_key(e.date), e.span.start))
    undated = tuple(e for e in article.events if not value_days(e.date))
    return tuple(dated), undated
