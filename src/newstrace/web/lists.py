"""The data of the desk's store-wide lists (statements, claims, conflicts, timeline) as JSON-ready
dicts: the API returns them, the pages render them, the exports write their rows.

Each list is filtered and counted by the store (newstrace.store.desk_*), so ``total`` is the
store's count for the filters; a page holds ``limit`` items from ``offset``.
"""

from __future__ import annotations

from typing import Any

from newstrace.link.reviews import review_name
from newstrace.link.storage import ConflictRow
from newstrace.model import ConflictSide
from newstrace.store.base import Store
from newstrace.store.desk_base import ArticleRow
from newstrace.store.desk_claims import CLAIM_SORTS, ClaimItem
from newstrace.store.desk_conflicts import CONFLICT_SORTS
from newstrace.store.desk_lists import ListFilters
from newstrace.store.desk_statements import STATEMENT_SORTS, StatementItem
from newstrace.store.desk_timeline import TIMELINE_SORTS, EventItem
from newstrace.store.links import host_of
from newstrace.web.display import display_title
from newstrace.web.highlight import passage_href
from newstrace.web.timeline import human_date

Json = dict[str, Any]
REPEATS_SHOWN = 5  # other sources of a statement's claim shown on its card

SORTS: dict[str, tuple[str, ...]] = {
    "statements": STATEMENT_SORTS, "claims": CLAIM_SORTS, "conflicts": CONFLICT_SORTS, "timeline": TIMELINE_SORTS,
}
SORT_LABELS = {
    "newest": "newest", "oldest": "oldest", "sources": "most sources", "conflicts": "most conflicts", "strongest": "strongest",
    "date": "in date order",
}


def in_words(value: str | None) -> str | None:
    """A date value (ISO date, timestamp or TimeML) in words: "2024-05-02T10:00:00+00:00" -> "2 May 2024"."""
    if not value:
        return None
    day = value[:10] if len(value) > 10 and value[4:5] == "-" and value[10:11] == "T" else value
    return human_date(day)


def _outlet(site: str | None, url: str | None) -> str | None:
    return site or host_of(url)


def _shown_titles(store: Store, pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Each article's title as every page shows it (web.display): the headline, else its first
    sentence. Only articles without a headline are read again, for their opening text."""
    missing = list(dict.fromkeys(aid for aid, title in pairs if not (title and title.strip())))
    rows = store.article_rows(missing) if missing else {}
    return {aid: display_title(title, rows[aid].lead if aid in rows else None)[0] for aid, title in pairs}


def _page(kind: str, items: list[Json], total: int, f: ListFilters, sort: str, limit: int, offset: int) -> Json:
    more = offset + len(items) < total
    return {
        "kind": kind,
        "total": total,
        "items": items,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
        "sort": sort,
        "sorts": list(SORTS[kind]),
        "filters": f.params(),
    }


def sort_of(kind: str, sort: str | None) -> str:
    """The sort asked for, else the list's default (its first)."""
    return sort if sort in SORTS[kind] else SORTS[kind][0]


# -- statements -----------------------------------------------------------


STATEMENT_COLUMNS = (
    "article_id", "quote_id", "speaker", "speaker_kind", "kind", "cue", "content", "said_on", "confidence", "published", "title",
    "outlet", "url", "language", "claim_id", "claim_sources", "conflicts",
)


def statement_row(s: StatementItem) -> Json:
    """A statement as a flat row (what the exports write)."""
    return dict(zip(STATEMENT_COLUMNS, (
        s.article_id, s.quote_id, s.speaker, s.speaker_kind, s.kind, s.cue, s.content, s.said_on, s.confidence, s.published, s.title,
        _outlet(s.site, s.url), s.url, s.language, s.claim_id, s.claim_sources, s.conflicts,
    ), strict=True))


def statements_view(store: Store, f: ListFilters, sort: str | None = None, limit: int = 20, offset: int = 0) -> Json:
    sort = sort_of("statements", sort)
    rows = store.list_statements(f, sort, limit, offset)
    total = store.count_statements(f)
    claims = [r.claim_id for r in rows if r.claim_id and r.claim_sources > 1]
    sources = store.claim_sources_of(claims, per_claim=REPEATS_SHOWN + 1) if claims else {}
    sides = store.conflict_sides_of([r.article_id for r in rows if r.conflicts]) if any(r.conflicts for r in rows) else []
    by_conflict: dict[str, list[Any]] = {}
    for side in sides:
        by_conflict.setdefault(side.conflict_id, []).append(side)
    titles = _shown_titles(store, [(r.article_id, r.title) for r in rows])
    items = []
    for r in rows:
        item = statement_row(r)
        item["display_title"] = titles[r.article_id]
        item["href"] = f"/articles/{r.article_id}#q-{r.quote_id}"
        item["published_words"] = in_words(r.published)
        item["said_on_words"] = in_words(r.said_on) if r.said_on else None
        item["repeated_by"] = [
            {"speaker": s.speaker, "outlet": s.outlet, "date": s.date, "date_words": in_words(s.date),
             "href": f"/articles/{s.article_id}#q-{s.quote_id}"}
            for s in sources.get(r.claim_id or "", []) if (s.article_id, s.quote_id) != (r.article_id, r.quote_id)
        ][:REPEATS_SHOWN]
        contradicted = []
        for cid, group in by_conflict.items():
            mine = [s for s in group if s.article_id == r.article_id and s.quote_id == r.quote_id]
            if not mine:
                continue
            for s in group:
                if s.position != mine[0].position:
                    contradicted.append({"conflict_id": cid, "speaker": s.speaker, "article_id": s.article_id,
                                         "href": f"/articles/{s.article_id}" + (f"#q-{s.quote_id}" if s.quote_id else ""),
                                         "conflict_href": f"/conflicts?q={cid}"})
        item["contradicted_by"] = contradicted
        items.append(item)
    return _page("statements", items, total, f, sort, limit, offset)


# -- claims ---------------------------------------------------------------


CLAIM_COLUMNS = (
    "id", "text", "sources", "outlets", "conflicts", "first_date", "last_date", "first_speaker", "first_outlet", "first_article_id",
    "first_quote_id", "first_title", "story_id",
)


def claim_row(c: ClaimItem) -> Json:
    return dict(zip(CLAIM_COLUMNS, (
        c.id, c.text, c.source_count, c.outlet_count, c.conflicts, c.first_date, c.last_date, c.first_speaker, c.first_site,
        c.first_article_id, c.first_quote_id, c.first_title, c.story_id,
    ), strict=True))


def claims_view(store: Store, f: ListFilters, sort: str | None = None, limit: int = 20, offset: int = 0) -> Json:
    sort = sort_of("claims", sort)
    rows = store.list_claims(f, sort, limit, offset)
    total = store.count_claims(f)
    ids = [c.id for c in rows]
    sources = store.claim_sources_of(ids) if ids else {}
    outlets = store.claim_outlets_of(ids) if ids else {}
    titles = _shown_titles(store, [(c.first_article_id, c.first_title) for c in rows if c.first_article_id])
    items = []
    for c in rows:
        item = claim_row(c)
        item["first_display_title"] = titles.get(c.first_article_id or "")
        item["first_date_words"] = in_words(c.first_date)
        item["last_date_words"] = in_words(c.last_date)
        item["first_href"] = f"/articles/{c.first_article_id}" + (f"#q-{c.first_quote_id}" if c.first_quote_id else "")
        item["outlet_list"] = [{"outlet": o, "statements": n} for o, n in outlets.get(c.id, [])]
        item["source_list"] = [
            {"speaker": s.speaker, "outlet": s.outlet, "date": s.date, "date_words": in_words(s.date), "text": s.text,
             "similarity": s.similarity, "href": f"/articles/{s.article_id}#q-{s.quote_id}"}
            for s in sources.get(c.id, [])
        ]
        item["statements_href"] = f"/statements?claim={c.id}"
        items.append(item)
    return _page("claims", items, total, f, sort, limit, offset)


# -- conflicts ------------------------------------------------------------


CONFLICT_COLUMNS = ("id", "topic", "kind", "confidence", "review", "reviewed_at", "story_id", "evidence", "sides")


def conflict_row(c: ConflictRow) -> Json:
    sides = [
        {"position": s.position, "speaker": s.speaker, "text": s.text, "outlet": s.outlet, "date": s.date, "article_id": s.article_id,
         "quote_id": s.quote_id}
        for s in c.sides
    ]
    return dict(zip(CONFLICT_COLUMNS, (c.id, c.topic, c.kind, c.confidence, review_name(c.review), c.reviewed_at, c.story_id, c.evidence, sides), strict=True))


def conflicts_view(store: Store, f: ListFilters, sort: str | None = None, limit: int = 20, offset: int = 0) -> Json:
    sort = sort_of("conflicts", sort)
    rows = store.list_conflicts(f, sort, limit, offset)
    total = store.count_conflicts(f)
    # Light article rows (title, outlet), not whole articles: a page of conflicts has up to a
    # hundred and more sides, and their articles' records are large.
    arts = store.article_rows(list(dict.fromkeys(s.article_id for r in rows for s in r.sides)))
    items = []
    for r in rows:
        item = conflict_row(r)
        item["sides"] = [_side_json(s, arts.get(s.article_id)) for s in sorted(r.sides, key=lambda s: (s.position, s.date or "", s.article_id, s.start or 0))]
        items.append(item)
    page = _page("conflicts", items, total, f, sort, limit, offset)
    page["reviews"] = store.review_counts(f)
    return page


def _side_json(s: ConflictSide, art: ArticleRow | None) -> Json:
    from newstrace.link.conflicts import side_label

    outlet = s.outlet or (_outlet(art.site, art.url) if art else None)
    return {
        "position": s.position,
        "letter": "ABCDEFGH"[s.position % 8],
        "speaker": s.speaker,
        "label": side_label(s),
        "kind": s.kind,
        "text": s.text,
        "article_id": s.article_id,
        "quote_id": s.quote_id,
        "start": s.start,
        "end": s.end,
        "outlet": outlet,
        "date": s.date,
        "date_words": in_words(s.date),
        "chain": [x for x in (outlet, s.speaker) if x],
        "article_title": display_title(art.title, art.lead)[0] if art else None,
        "href": passage_href(s.article_id, s.quote_id, s.start, s.end),
    }


# -- timeline -------------------------------------------------------------


EVENT_COLUMNS = ("date", "when", "text", "according_to", "article_id", "event_id", "quote_id", "title", "outlet", "published")


def event_row(e: EventItem) -> Json:
    return dict(zip(EVENT_COLUMNS, (
        e.date, in_words(e.date), " ".join(e.text.split()), e.according_to, e.article_id, e.event_id, e.quote_id, e.title, e.site,
        e.published,
    ), strict=True))


def timeline_view(store: Store, f: ListFilters, sort: str | None = None, limit: int = 50, offset: int = 0) -> Json:
    sort = sort_of("timeline", sort)
    rows = store.list_events(f, sort, limit, offset)
    titles = _shown_titles(store, [(e.article_id, e.title) for e in rows])
    items = []
    for e in rows:
        item = event_row(e)
        item["display_title"] = titles[e.article_id]
        item["href"] = f"/articles/{e.article_id}#e-{e.event_id}"
        items.append(item)
    return _page("timeline", items, store.count_events(f), f, sort, limit, offset)
