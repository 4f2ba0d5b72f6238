"""A story's timeline: the dated events of all its articles, merged and ordered.

The same event reported by two articles (same date, overlapping wording)
appears once, with both sources; undated events are kept apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newstrace.link.text import content_stems
from newstrace.model import Article

MERGE_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class TimelineSource:
    article_id: str
    according_to: str | None
    outlet: str | None
    text: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str | None
    text: str  # as the first source put it
    sources: tuple[TimelineSource, ...]


def _outlet(a: Article) -> str | None:
    return a.site or (a.cites[0].outlet if a.cites else None)


def _overlap(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    return shared / min(len(a), len(b)) if a and b and shared >= 2 else 0.0


def story_timeline(articles: Iterable[Article]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(dated entries in date order, undated entries in article order)."""
    groups: list[tuple[str | None, set[str], list[TimelineSource]]] = []
    ordered = sorted(articles, key=lambda a: (a.published.value if a.published else "", a.id))
    for a in ordered:
        for e in a.events:
            text = " ".join(a.span_text(e.span).split())
            stems = set(content_stems(text))
            src = TimelineSource(a.id, e.according_to, _outlet(a), text)
            for date, gstems, sources in groups:
                if date == e.date and date is not None and _overlap(stems, gstems) >= MERGE_OVERLAP and all(s.article_id != a.id for s in sources):
                    sources.append(src)
                    gstems |= stems
                    break
            else:
                groups.append((e.date, stems, [src]))
    dated = [TimelineEntry(d, s[0].text, tuple(s)) for d, _, s in groups if d]
    undated = [TimelineEntry(None, s[0].text, tuple(s)) for d, _, s in groups if not d]
    dated.sort(key=lambda t: (t.date or "", t.sources[0].article_id))
    return dated, undated
