"""The filters the desk's store-wide lists share (statements, claims, conflicts, timeline), as SQL.

Every list filters in SQL before it limits and counts with the same conditions, so a page's
total is the store's count (a list that limits first and filters after under-counts: a speaker
page once said 19 where the store had 90). Names match exactly (a speaker, an outlet, an entity);
the search words match as case-insensitive substrings of the text, every word required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from newstrace.store.desk_base import Filters
from newstrace.store.dialects import filter_clause

MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class ListFilters:
    """What a reader narrows a store-wide list to; None or empty: no condition."""

    q: str | None = None  # words the text must contain (all of them)
    speaker: str | None = None  # exact name of who said it
    outlet: str | None = None  # exact outlet (the article's site)
    entity: str | None = None  # the article names this entity (exact name, its own or the linker's)
    story: str | None = None  # a story id
    claim: str | None = None  # a claim id: its statements (and what they take part in)
    since: str | None = None  # published on or after (YYYY-MM-DD)
    until: str | None = None  # published on or before
    language: str | None = None
    min_confidence: float = 0.0  # statements at least this sure (unmeasured ones are left out above 0)
    review: str | None = None  # conflicts only: unreviewed, confirmed, dismissed

    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def params(self) -> dict[str, str]:
        """The filters as URL query parameters (those set)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v:
                out[f.name] = f"{v:g}" if isinstance(v, float) else str(v)
        return out

    def with_story(self, story: str | None) -> ListFilters:
        return replace(self, story=story)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def words_of(q: str | None) -> list[str]:
    """The search words (each once, two characters or more, at most MAX_WORDS)."""
    return [w for w in dict.fromkeys((q or "").split()) if len(w) >= 2][:MAX_WORDS]


def words_clause(q: str | None, columns: tuple[str, ...], prefix: str = "w") -> tuple[list[str], dict[str, Any]]:
    """Every word in one of ``columns`` (case-insensitive substring)."""
    conds, params = [], {}
    for i, w in enumerate(words_of(q)):
        name = f"{prefix}{i}"
        conds.append("(" + " OR ".join(f"{c} {{ilike}} :{name} ESCAPE '\\'" for c in columns) + ")")
        params[name] = "%" + like_escape(w) + "%"
    return conds, params


def entity_articles() -> str:
    """A subquery of the ids of articles naming :entity (by their own analysis or the linker's entity)."""
    return (
        "(SELECT e.article_id FROM entities e WHERE e.name = :entity"
        " UNION SELECT m.article_id FROM link_entity_members m JOIN link_entities le ON le.id = m.entity_id WHERE le.name = :entity)"
    )


def match_clause(
    f: ListFilters, *, article: str = "a", article_id: str = "a.id", speakers: tuple[str, ...] = ("q.speaker",),
    confidence: str | None = "q.confidence", quote: tuple[str, str] = ("q.article_id", "q.quote_id"),
) -> tuple[list[str], dict[str, Any]]:
    """Conditions on one statement (or event, or conflict side) and its article: speaker, outlet,
    entity, story, dates, language, confidence. The text search is the caller's (each list
    searches its own text)."""
    where, params = filter_clause(Filters(f.since, f.until, f.outlet, f.language), alias=article)
    conds = [where] if where else []
    if f.speaker:
        conds.append("(" + " OR ".join(f"{c} = :speaker" for c in speakers) + ")")
        params["speaker"] = f.speaker
    if f.entity:
        conds.append(f"{article_id} IN {entity_articles()}")
        params["entity"] = f.entity
    if f.story:
        conds.append(f"{article_id} IN (SELECT sa.article_id FROM story_articles sa WHERE sa.story_id = :story)")
        params["story"] = f.story
    if f.claim:
        conds.append(f"EXISTS (SELECT 1 FROM claim_sources x WHERE x.claim_id = :claim AND x.article_id = {quote[0]} AND x.quote_id = {quote[1]})")
        params["claim"] = f.claim
    if f.min_confidence > 0 and confidence:
        conds.append(f"{confidence} >= :min_confidence")
        params["min_confidence"] = f.min_confidence
    return conds, params


def where(conds: list[str]) -> str:
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def uses(conds: list[str], alias: str) -> bool:
    """Whether a condition reads a column of ``alias`` (a join it does not need is left out:
    counting 30,000 statements with one index lookup each into articles costs more than the
    count itself)."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(alias)}\.")
    return any(pattern.search(c) for c in conds)
