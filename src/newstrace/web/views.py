"""The data of every page, as JSON-ready dicts: the API returns them as they
are, the HTML pages render them (plus what only HTML needs, e.g. the SVG).

One builder per page, each taking a Store; nothing here knows about HTTP.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from newstrace.export.provenance import quote_chain
from newstrace.link.reviews import review_name
from newstrace.model import Article, Conflict, Quote
from newstrace.record import article_to_record
from newstrace.report import language_notes, speaker_heading
from newstrace.store.base import Store
from newstrace.web.display import display_outlet, display_title
from newstrace.web.highlight import entity_href, sentence_of
from newstrace.web.reader import ArticleRow, Filters, Hit, Reader
from newstrace.web.stories import list_stories, load_story, stories_of_article
from newstrace.web.story_summary import story_claims, story_rows, summary_json
from newstrace.web.timeline import TimelineItem, human_date, split_items

Json = dict[str, Any]
NO_FILTERS = Filters()


def outlet(a: Article) -> str:
    """The article's outlet as pages name it (web.display: never "this site")."""
    return display_outlet(a.site, a.url)


def title_json(title: str | None, text: str | None) -> Json:
    shown, origin = display_title(title, text)
    return {"display_title": shown, "title_from": origin}


def article_title(a: Article) -> str:
    return display_title(a.title, a.text)[0]


def chain_of(a: Article, q: Quote) -> list[str]:
    """The quote's reporting chain with the article's outlet named (not "this site")."""
    return [outlet(a), *quote_chain(a, q)[1:]]


def article_chain(a: Article) -> list[list[str]]:
    """The reports the article retells: [the article's outlet, outlet (author)]."""
    chains = []
    for c in a.cites:
        who = c.outlet or "an unnamed report"
        if c.author:
            who += f" ({c.author})"
        chains.append([outlet(a), who])
    return chains


def safe_url(url: str | None) -> str | None:
    """A scraped URL fit for an href: http(s) only (no javascript:, data:)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def row_json(r: ArticleRow) -> Json:
    return {
        "id": r.id, "title": r.title, **title_json(r.title, r.lead), "site": r.site, "outlet": display_outlet(r.site, r.url),
        "published": r.published, "language": r.language, "url": safe_url(r.url), "quotes": r.quotes,
    }


def hit_json(h: Hit, row: ArticleRow | None = None) -> Json:
    """``row``: the hit's article row, for its title when it has no headline and its outlet."""
    return {
        "id": h.id,
        "title": h.title,
        **title_json(h.title, row.lead if row else None),
        "site": h.site,
        "outlet": display_outlet(h.site, row.url if row else None),
        "published": h.published,
        "language": h.language,
        "snippet": [{"text": t, "match": m} for t, m in h.snippet],
        "rank": h.rank,
    }


def _page(items: list[Any], limit: int, offset: int) -> Json:
    """A page of items; the caller fetched limit + 1 to know if more follow."""
    more = len(items) > limit
    return {"items": items[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def quote_json(a: Article, q: Quote) -> Json:
    start = min((s.start for s in q.content), default=q.cue.start if q.cue else None)
    sentence = sentence_of(a, start) if start is not None else None
    return {
        "article_id": a.id,
        "id": q.id,
        "kind": q.kind,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_kind": q.speaker.kind if q.speaker else None,
        "speaker_title": q.speaker.title if q.speaker else None,
        "cue": q.cue_text,
        "content": " … ".join(a.span_text(s) for s in q.content),
        "medium": q.medium,
        "audience": q.audience,
        "confidence": q.confidence,
        "speaker_candidate": q.speaker_candidate.name if q.speaker_candidate else None,
        "via": list(q.via),
        "said_on": q.said_on,
        "sentence": sentence,
        "anchor": f"s-{sentence}" if sentence is not None else f"q-{q.id}",
        "chain": chain_of(a, q),
        "outlet": outlet(a),
        "article_title": article_title(a),
        "published": a.published.value if a.published else None,
    }


def speakers_json(articles: list[Article]) -> list[Json]:
    """Who said what, grouped by speaker (most statements first)."""
    groups: OrderedDict[str, Json] = OrderedDict()
    for a in articles:
        for q in a.quotes:
            name = speaker_heading(q)
            g = groups.get(name)
            if g is None:
                g = groups[name] = {
                    "name": name,
                    "kind": q.speaker.kind if q.speaker else "unknown",
                    "titles": [],
                    "href": entity_href(name) if q.speaker else None,
                    "quotes": [],
                }
            if q.speaker and q.speaker.title and q.speaker.title not in g["titles"]:
                g["titles"].append(q.speaker.title)
            g["quotes"].append(quote_json(a, q))
    return sorted(groups.values(), key=lambda g: (-len(g["quotes"]), g["name"] == "(unattributed)"))


def timeline_items(articles: list[Article], in_page: bool = False) -> list[TimelineItem]:
    """Timeline rows for articles, each a readable event with its date in words; the same event
    told by several articles (near-copies, other outlets) is one row naming them all. ``in_page``
    links to anchors of the same page."""
    from newstrace.link.timeline import story_timeline

    dated, undated = story_timeline(articles)
    multi = len(articles) > 1
    items = []
    for entry in dated + undated:
        first = entry.sources[0]
        items.append(
            TimelineItem(
                id=f"{first.article_id[:8]}-{first.event_id}" if multi else str(first.event_id),
                date=entry.date,
                text=entry.text,
                source=first.according_to,
                href=f"#e-{first.event_id}" if in_page else f"/articles/{first.article_id}#e-{first.event_id}",
                outlet=", ".join(dict.fromkeys(s.outlet or s.article_id[:8] for s in entry.sources)) if multi else None,
                when=entry.when,
            )
        )
    return items


def timeline_json(items: list[TimelineItem], article_of: dict[str, str] | None = None) -> Json:
    dated, undated = split_items(items)
    as_json = lambda i: {"id": i.id, "date": i.date, "when": i.when or human_date(i.date or "") or None,
                         "text": " ".join(i.text.split()), "according_to": i.source, "outlet": i.outlet, "href": i.href}
    return {"dated": [as_json(i) for _, i in dated], "undated": [as_json(i) for i in undated]}


def _sentence_anchor(a: Article | None, start: int | None) -> str | None:
    """The sentence holding a side that is no quote (the article's own words, a stance it reports):
    its anchor in the article's text, so the side links to its passage as a quote's side does."""
    n = sentence_of(a, start) if a is not None and start is not None else None
    return f"s-{n}" if n is not None else None


def conflicts_json(conflicts: list[Conflict] | None, articles: list[Article]) -> list[Json] | None:
    from newstrace.link.conflicts import side_label

    if conflicts is None:
        return None
    by_id = {a.id: a for a in articles}
    out = []
    for c in conflicts:
        sides = []
        for s in sorted(c.sides, key=lambda s: (s.position, s.date or "", s.article_id, s.start or 0)):
            a = by_id.get(s.article_id)
            q = next((x for x in a.quotes if x.id == s.quote_id), None) if a and s.quote_id else None
            sides.append(
                {
                    "speaker": s.speaker,
                    "label": side_label(s),
                    "text": s.text,
                    "position": s.position,
                    "letter": "ABCDEFGH"[s.position % 8],
                    "cue": q.cue_text if q else None,
                    "kind": s.kind,
                    "article_id": s.article_id,
                    "quote_id": s.quote_id,
                    "start": s.start,
                    "end": s.end,
                    "outlet": s.outlet or (outlet(a) if a else None),
                    "date": s.date,
                    "source": outlet(a) if a else s.outlet,
                    "chain": chain_of(a, q) if a and q else ([outlet(a), s.speaker] if a else [s.speaker]),
                    "article_title": article_title(a) if a else None,
                    "anchor": quote_json(a, q)["anchor"] if a and q else _sentence_anchor(a, s.start),
                }
            )
        out.append(
            {
                "id": c.id, "topic": c.topic, "evidence": c.evidence, "kind": c.kind, "confidence": c.confidence,
                "review": review_name(c.review), "sides": sides,
            }
        )
    return out


# -- pages ----------------------------------------------------------------


def home_view(store: Store, reader: Reader, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> Json:
    rows = reader.latest(limit=limit + 1, offset=offset, filters=filters)
    stories = list_stories(store, reader, limit=10) if offset == 0 and not filters.active() else []
    titles = story_titles(reader, stories)
    return {
        "stories": [story_summary_json(s, titles) for s in stories],
        "articles": _page([row_json(r) for r in rows], limit, offset),
        "facets": reader.facets(),
        "stats": store.stats(),
    }


def search_view(reader: Reader, query: str, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> Json:
    hits = reader.search(query, limit=limit + 1, offset=offset, filters=filters)
    rows = reader.titles([h.id for h in hits])
    return {
        "query": query,
        "filters": asdict(filters),
        "results": _page([hit_json(h, rows.get(h.id)) for h in hits], limit, offset),
        "facets": reader.facets(),
    }


def _usable(title: str | None) -> bool:
    return bool(title and title.strip() and title.strip() != "(untitled)")


def story_titles(reader: Reader, stories: list[Any]) -> dict[str, str]:
    """Titles for stories stored without one (their first article had no headline): the first
    article's title as pages show it (its first sentence), so no story link is ever empty."""
    want = {s.id: s.article_ids[0] for s in stories if not _usable(s.title) and s.article_ids}
    rows = reader.titles(list(want.values())) if want else {}
    out = {}
    for sid, aid in want.items():
        row = rows.get(aid)
        out[sid] = display_title(row.title, row.lead)[0] if row else f"story {sid[:8]}"
    return out


def story_summary_json(s: Any, fallback: dict[str, str] | None = None) -> Json:
    title = s.title if _usable(s.title) else (fallback or {}).get(s.id) or f"story {s.id[:8]}"
    return {
        "id": s.id,
        "title": title,
        "article_ids": list(s.article_ids),
        "first_date": s.first_date,
        "last_date": s.last_date,
        "outlets": list(s.outlets),
    }


def stories_view(store: Store, reader: Reader, limit: int = 20, offset: int = 0) -> Json:
    stories = list_stories(store, reader, limit=limit + 1, offset=offset)
    titles = story_titles(reader, stories)
    return _page([story_summary_json(s, titles) for s in stories], limit, offset)


def story_view(store: Store, reader: Reader, story_id: str, review: str | None = None) -> tuple[Json, list[TimelineItem]]:
    """``review``: show only the conflicts a reader has not reviewed ("unreviewed"), or has
    "confirmed" or "dismissed"."""
    bundle = load_story(store, story_id, reader, review)
    arts = bundle.articles
    items = timeline_items(arts)
    rows = story_rows(store, bundle.story)
    outlets = list(dict.fromkeys([*(display_outlet(r.site, r.url) for r in rows), *(outlet(a) for a in arts)]))
    conflicts = conflicts_json(bundle.conflicts, arts)
    claims = story_claims(store, bundle.story, bundle.linked)
    return {
        "story": story_summary_json(bundle.story, story_titles(reader, [bundle.story])),
        "linked": bundle.linked,
        "summary": summary_json(bundle.story, rows, arts, claims, conflicts),
        "claims": claims,
        "outlets": outlets,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                **title_json(a.title, a.text),
                "outlet": outlet(a),
                "published": a.published.value if a.published else None,
                "url": safe_url(a.url),
                "quotes": len(a.quotes),
                "retells": [c for chain in article_chain(a) for c in chain[1:]],
            }
            for a in sorted(arts, key=lambda a: a.published.value if a.published else "")
        ],
        "timeline": timeline_json(items),
        "speakers": speakers_json(arts),
        "conflicts": conflicts,
        "review_filter": review,
        "stages_missing": _missing_stages(arts),
    }, items


def _missing_stages(arts: list[Article]) -> list[str]:
    """Stages that ran on none of the articles and are not explained by a language (see language_notes)."""
    ran = set().union(*(set(a.stages) for a in arts)) if arts else set()
    skipped = set().union(*({k.stage for k in a.skipped} for a in arts)) if arts else set()
    return [s for s in ("nlp", "time", "quotes", "events") if s not in ran and s not in skipped]


def article_view(store: Store, article_id: str, reader: Reader | None = None) -> tuple[Json, Article, list[TimelineItem]]:
    exact = reader.articles([article_id]) if reader is not None else []
    a = exact[0] if exact else store.get_article(article_id)  # the store resolves id prefixes
    record = article_to_record(a)
    record["url"] = safe_url(a.url)
    for img in record["images"]:
        img["url"] = safe_url(img["url"])
    sources = [{"kind": s.kind, "location": s.location} for s in store.article_sources(a.id)]
    items = timeline_items([a], in_page=True)
    data = {
        "article": record,
        "outlet": outlet(a),
        **title_json(a.title, a.text),
        "sources": sources,
        "retells": article_chain(a),
        "chains": [{"quote_id": q.id, "chain": chain_of(a, q)} for q in a.quotes],
        "speakers": speakers_json([a]),
        "timeline": timeline_json(items),
        "conflicts": conflicts_json(_conflicts_in(a), [a]),
        "stories": [story_summary_json(s, {s.id: article_title(a)}) for s in stories_of_article(store, a.id)],
        "stages_missing": _missing_stages([a]),
        "language_notes": language_notes(a),
    }
    return data, a, items


def _conflicts_in(a: Article) -> list[Conflict] | None:
    from newstrace.web.stories import find_conflicts

    return find_conflicts([a])


def entities_view(reader: Reader, prefix: str, limit: int = 50, offset: int = 0) -> Json:
    rows = reader.entity_names(prefix, limit=limit + 1, offset=offset)
    return _page([{"name": r.name, "label": r.label, "articles": r.article_count, "href": entity_href(r.name)} for r in rows], limit, offset)
