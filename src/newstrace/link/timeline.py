"""A story's timeline: the dated events of all its articles, merged and ordered.

The same event reported by two articles (same date, overlapping wording: near-copies of one wire
story, or two outlets' accounts) appears once, with both sources; undated events are kept apart.
Each entry reads as an event with its date in words (:mod:`newstrace.events.readable`); the TimeML
value stays beside it for ordering and for the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newstrace.events.readable import event_text, event_when, sort_key
from newstrace.model import Article
from newstrace.text import content_stems
from newstrace.timex.calendar import value_days
from newstrace.timex.words import date_in_words

MERGE_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class TimelineSource:
    article_id: str
    according_to: str | None
    outlet: str | None
    text: str
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str | None  # TimeML value
    text: str  # as the first source put it
    sources: tuple[TimelineSource, ...]
    when: str | None = None  # the date in words


def _outlet(a: Article) -> str | None:
    return a.site or (a.cites[0].outlet if a.cites else None)


def _overlap(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    return shared / min(len(a), len(b)) if a and b and shared >= 2 else 0.0


def merge_timeline(items: Iterable[tuple[str | None, str | None, TimelineSource]]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(entries with a place on the calendar, in date order; the rest, in the order given) from
    (TimeML value, date in words, source) items, one entry per event told by several articles."""
    groups: list[tuple[str | None, str | None, set[str], list[TimelineSource]]] = []
    for date, when, src in items:
        stems = set(content_stems(src.text))
        for g_date, _, g_stems, sources in groups:
            if g_date == date and date is not None and _overlap(stems, g_stems) >= MERGE_OVERLAP and all(
                s.article_id != src.article_id for s in sources
            ):
                sources.append(src)
                g_stems |= stems
                break
        else:
            groups.append((date, when, stems, [src]))
    entries = [TimelineEntry(d, s[0].text, tuple(s), w) for d, w, _, s in groups]
    dated = [e for e in entries if value_days(e.date)]
    dated.sort(key=lambda e: (sort_key(e.date), e.sources[0].article_id))
    return dated, [e for e in entries if not value_days(e.date)]


def story_timeline(articles: Iterable[Article]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(dated entries in date order, undated entries in article order)."""
    ordered = sorted(articles, key=lambda a: (a.published.value if a.published else "", a.id))
    return merge_timeline(
        (e.date, event_when(a, e), TimelineSource(a.id, e.according_to, _outlet(a), event_text(a, e), e.id))
        for a in ordered
        for e in a.events
    )


def rows_timeline(rows: Iterable[tuple[str | None, str, str | None, str, str | None]]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """The same merge over stored rows (date, text, according to, article id, outlet or title)."""
    return merge_timeline((d, date_in_words(d), TimelineSource(a, who, outlet, text)) for d, text, who, a, outlet in rows)
