"""A person's, organisation's or place's page: what they said, what was said about them, the
articles naming them, every name they went by, and their statements over time.

Counts are the store's (counted in SQL over every statement, not over a fetched page); "said
by" matches the speaker exactly (one of the entity's names), "said about" finds a name as whole
words (so "Putin" is not found in "computing"). A name that is nobody's exact name or alias is
looked up as a surname or another word of a name ("Naryshkin" -> "Sergei Naryshkin"): one
match is the answer, several are a choice for the reader (:class:`Choice`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newstrace.errors import NotFound
from newstrace.model import Article
from newstrace.store.base import Store
from newstrace.web.coverage import coverage, coverage_json
from newstrace.web.display import display_outlet
from newstrace.web.highlight import entity_href
from newstrace.web.reader import Reader
from newstrace.web.timeline import TimelineItem, place

Json = dict[str, Any]
ARTICLES_LISTED = 50  # the page lists the first articles naming it (the count is of all)


@dataclass(frozen=True, slots=True)
class Choice:
    """A name that leads to more than one entity (or to exactly one, under another name)."""

    term: str
    options: list[Json]  # {"name", "label", "articles", "href"}


def _option(name: str, label: str, articles: int) -> Json:
    return {"name": name, "label": label, "articles": articles, "href": entity_href(name)}


def lookup(store: Store, term: str) -> Choice:
    """The linker's lookup first (newstrace.link.lookup: full name, surname whose given name fits,
    acronym), then the per-article entities and speakers that have ``term`` as a word of their name
    (a store not linked yet, a speaker the linker keeps no entity for)."""
    linked = getattr(store, "lookup_entity", None)
    if callable(linked):
        found = linked(term)
        if found.candidates:
            return Choice(term, [_option(r.name, r.label, r.article_count) for r in found.candidates])
    return Choice(term, [_option(c.name, c.label, c.article_count) for c in store.name_candidates(term)])


def entity_view(store: Store, reader: Reader, name: str, limit: int = 100, offset: int = 0,
                min_confidence: float = 0.0) -> tuple[Json, list[TimelineItem]] | Choice:
    """The entity page's data, or a Choice when ``name`` is no one's name but part of some."""
    from newstrace.web.views import _page, quote_json, row_json

    info = reader.entity(name)
    canonical = info.name if info else name
    names = list(dict.fromkeys([canonical, name, *(info.aliases if info else ())]))
    stats = store.speaker_stats(names, min_confidence)
    if info is None and stats.statements == 0:
        choice = lookup(store, name)
        if not choice.options:
            raise NotFound("no entity or speaker with this name", input=name)
        return choice

    refs_by = store.speaker_quotes(names, limit=limit + 1, offset=offset, min_confidence=min_confidence)
    about_all = store.quotes_about(names, exclude_speaker=names, limit=10**6)
    refs_about = about_all[offset : offset + limit + 1]
    wanted = list(dict.fromkeys(r.article_id for r in [*refs_by, *refs_about]))
    articles = {a.id: a for a in reader.articles(wanted)}

    def find(article_id: str, quote_id: str) -> Json | None:
        a: Article | None = articles.get(article_id)
        q = next((x for x in a.quotes if x.id == quote_id), None) if a else None
        return quote_json(a, q) if a and q else None

    quotes_by = [j for j in (find(r.article_id, r.quote_id) for r in refs_by) if j]
    quotes_about = [j for j in (find(r.article_id, r.quote_id) for r in refs_about) if j and j["confidence"] >= min_confidence]
    titles = list(dict.fromkeys([*(info.titles if info else ()), *(q["speaker_title"] for q in quotes_by if q["speaker_title"])]))
    article_ids = list(info.article_ids) if info else []
    article_rows = reader.titles(article_ids[:ARTICLES_LISTED])
    # the names the texts gave the speaker, where they are names (not "the head of ..., Sergei Naryshkin")
    surfaces = [t for t in stats.surfaces if t[:1].isupper() and "," not in t]
    also = [n for n in dict.fromkeys([*(info.aliases if info else ()), *surfaces]) if n != canonical]
    over_time = coverage([(day, display_outlet(site, url), n) for day, site, url, n in stats.dated])
    items = [
        TimelineItem(
            id=f"{q['article_id'][:8]}-{q['id']}",
            date=(q["said_on"] if place(q["said_on"]) else None) or (q["published"] or "")[:10] or None,
            text=f"“{q['content']}”" if q["content"] else f"({q['cue']})",
            source=q["speaker"],
            href=f"/articles/{q['article_id']}#{q['anchor']}",
            outlet=q["outlet"],
        )
        for q in quotes_by[:limit]
    ]
    data = {
        "name": canonical,
        "id": info.id if info else None,
        "labels": list(info.labels) if info else [],
        "aliases": also,
        "titles": titles,
        "counts": {"said_by": stats.statements, "said_about": len(about_all), "articles": len(article_ids)},
        "quotes_by": _page(quotes_by, limit, offset),
        "quotes_about": _page(quotes_about, limit, offset),
        "statements_over_time": coverage_json(over_time),
        "articles": sorted((row_json(r) for r in article_rows.values()), key=lambda r: r["published"] or ""),
    }
    return data, items
