"""Conflicts across the store for the desk's inbox: strongest first, by review, filtered by the
statements on their sides. A part of SQLStore.

A conflict passes the filters when one of its sides does (said by the speaker, in the outlet, in
an article of the story or naming the entity, published in the dates ...).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newstrace.link.reviews import REVIEWS
from newstrace.link.storage import ConflictRow
from newstrace.store.desk_lists import ListFilters, match_clause, where, words_clause
from newstrace.store.dialects import Dialect
from newstrace.store.links import _conflict_row
from newstrace.store.sql import Database

CONFLICT_SORTS = ("strongest", "newest", "sources")

_COLS = "SELECT cf.story_id, cf.id, cf.topic, cf.evidence, cf.sides, cf.kind, cf.confidence, cf.review, cf.reviewed_at, cf.key FROM conflicts cf"
_LATEST = "(SELECT max(a.published) FROM conflict_sides s JOIN articles a ON a.id = s.article_id WHERE s.conflict_id = cf.id)"
_SOURCES = "(SELECT count(DISTINCT s.article_id) FROM conflict_sides s WHERE s.conflict_id = cf.id)"
_STRONGEST = "COALESCE(cf.confidence, 0) DESC, cf.found_at DESC, cf.id"
_ORDER = {
    "strongest": _STRONGEST,
    "newest": f"{_LATEST} DESC NULLS LAST, " + _STRONGEST,
    "sources": f"{_SOURCES} DESC, " + _STRONGEST,
}


def _conflict_where(f: ListFilters) -> tuple[str, dict[str, Any]]:
    story = f.story
    conds, params = match_clause(f.with_story(None), article_id="s.article_id", speakers=("s.speaker", "q.speaker"),
                                 quote=("s.article_id", "s.quote_id"))
    out = []
    if conds:
        out.append(
            "cf.id IN (SELECT s.conflict_id FROM conflict_sides s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN quotes q ON q.article_id = s.article_id AND q.quote_id = s.quote_id" + where(conds) + ")"
        )
    if story:  # the conflict's story, or a side in one of the story's articles (as a story page shows them)
        out.append(
            "(cf.story_id = :story OR cf.id IN (SELECT s.conflict_id FROM conflict_sides s"
            " JOIN story_articles sa ON sa.article_id = s.article_id WHERE sa.story_id = :story))"
        )
        params["story"] = story
    if f.review == "unreviewed":
        out.append("cf.review IS NULL")
    elif f.review:
        out.append("cf.review = :review")
        params["review"] = f.review
    words, wparams = words_clause(f.q, ("cf.id", "cf.topic", "cf.evidence", "cf.sides"))
    return where(out + words), {**params, **wparams}


class ConflictReads:
    """Mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    def list_conflicts(self, f: ListFilters, sort: str = "strongest", limit: int = 20, offset: int = 0) -> list[ConflictRow]:
        clause, params = _conflict_where(f)
        rows = self.sql.rows(
            _COLS + clause + f" ORDER BY {_ORDER.get(sort, _STRONGEST)} LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [_conflict_row(r) for r in rows]

    def count_conflicts(self, f: ListFilters) -> int:
        clause, params = _conflict_where(f)
        return int(self.sql.value("SELECT count(*) FROM conflicts cf" + clause, params))

    def review_counts(self, f: ListFilters) -> dict[str, int]:
        """How many conflicts passing ``f`` (its review aside) are unreviewed, confirmed, dismissed."""
        from dataclasses import replace

        clause, params = _conflict_where(replace(f, review=None))
        rows = self.sql.rows("SELECT COALESCE(cf.review, 'unreviewed'), count(*) FROM conflicts cf" + clause + " GROUP BY 1", params)
        counts: dict[str, int] = dict.fromkeys(REVIEWS, 0)
        counts.update({r: int(n) for r, n in rows})
        return counts

    def iter_conflicts(self, f: ListFilters, sort: str = "strongest") -> Iterator[ConflictRow]:
        clause, params = _conflict_where(f)
        for r in self.sql.stream(_COLS + clause + f" ORDER BY {_ORDER.get(sort, _STRONGEST)}", params):
            yield _conflict_row(r)
