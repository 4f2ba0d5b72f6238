"""The top of a story page: what happened, when, who covered it, the key claims and the conflicts,
so a reader has the answer before scrolling (the sections below hold the detail).

Counts come from the whole story (every article the linker put in it), not only from the
articles the page shows in full (web.stories.MAX_STORY_ARTICLES).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newstrace.model import Article, Story
from newstrace.store.base import Store
from newstrace.store.desk_base import ArticleRow
from newstrace.web.coverage import coverage, coverage_json
from newstrace.web.display import UNKNOWN_OUTLET, display_outlet, display_title, first_sentence

Json = dict[str, Any]
KEY_CLAIMS = 5
KEY_CONFLICTS = 3
CLAIMS_LISTED = 50
WHAT_CHARS = 280


def story_rows(store: Store, story: Story) -> list[ArticleRow]:
    """Light rows of every article of the story, oldest first (undated last)."""
    rows = store.article_rows(list(story.article_ids)) if story.article_ids else {}
    return sorted(rows.values(), key=lambda r: (r.published is None, r.published or "", r.id))


def story_claims(store: Store, story: Story, linked: bool) -> list[Json] | None:
    """The story's claims, most repeated first (None: the store keeps no claims)."""
    lister: Callable[..., Any] | None = getattr(store, "claims", None)
    if not linked or lister is None:
        return None
    return [
        {
            "id": c.id,
            "text": c.text,
            "first_speaker": c.first_speaker,
            "first_date": c.first_date,
            "first_article_id": c.first_article_id,
            "href": f"/articles/{c.first_article_id}" + (f"#q-{c.first_quote_id}" if c.first_quote_id else ""),
            "sources": c.source_count,
        }
        for c in lister(limit=CLAIMS_LISTED, story_id=story.id)
    ]


def summary_json(story: Story, rows: list[ArticleRow], shown: list[Article], claims: list[Json] | None,
                 conflicts: list[Json] | None) -> Json:
    """The summary block's data; ``shown``: the articles the page has in full (for statements)."""
    outlets = list(dict.fromkeys(display_outlet(r.site, r.url) for r in rows))
    first = rows[0] if rows else None
    speakers = {q.speaker.name for a in shown for q in a.quotes if q.speaker}
    cov = coverage([(r.published, display_outlet(r.site, r.url)) for r in rows])
    # what happened: the opening sentence of the earliest article the page has (a news lead says it)
    earliest = min(shown, key=lambda a: (a.published is None, a.published.value if a.published else ""), default=None)
    what = first_sentence(earliest.text, WHAT_CHARS) if earliest else None
    if not what:
        what = display_title(first.title, first.lead)[0] if first else "no text stored"
    return {
        "what": what,
        "first_article_id": first.id if first else None,
        "first_outlet": (o if (o := display_outlet(first.site, first.url)) != UNKNOWN_OUTLET else None) if first else None,
        "first_date": next((r.published for r in rows if r.published), None),
        "last_date": next((r.published for r in reversed(rows) if r.published), None),
        "articles": len(rows),
        "articles_shown": len(shown),
        "outlets": len(outlets),
        "outlet_names": outlets,
        "statements": sum(len(a.quotes) for a in shown),
        "speakers": len(speakers),
        "key_claims": (claims or [])[:KEY_CLAIMS],
        "claims": len(claims) if claims is not None else None,
        "key_conflicts": [{"id": c["id"], "topic": c["topic"], "evidence": c["evidence"], "confidence": c["confidence"]}
                          for c in sorted(conflicts or [], key=lambda c: -c["confidence"])[:KEY_CONFLICTS]],
        "conflicts": len(conflicts) if conflicts is not None else None,
        "coverage": coverage_json(cov),
    }
