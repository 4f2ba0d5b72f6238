"""Statements across the store for the desk (claim search): who said what, when, where, with the
size of its claim group and the number of conflicts it takes part in. A part of SQLStore."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newstrace.store.desk_lists import ListFilters, match_clause, where, words_clause
from newstrace.store.dialects import Dialect
from newstrace.store.sql import Database, id_list

STATEMENT_SORTS = ("newest", "oldest", "sources", "conflicts")

_FROM = (
    " FROM quotes q JOIN articles a ON a.id = q.article_id"
    " LEFT JOIN claim_sources cs ON cs.article_id = q.article_id AND cs.quote_id = q.quote_id"
    " LEFT JOIN claims c ON c.id = cs.claim_id"
)
_CONFLICTS = (
    "(SELECT count(DISTINCT s.conflict_id) FROM conflict_sides s WHERE s.article_id = q.article_id AND s.quote_id = q.quote_id)"
)
_COLS = (
    "SELECT q.article_id, q.quote_id, q.speaker, q.speaker_kind, q.kind, q.cue, q.content, q.said_on, q.confidence,"
    " a.published, a.title, a.site, a.url, a.language, c.id, COALESCE(c.source_count, 0), " + _CONFLICTS
)
_NEWEST = "a.published DESC NULLS LAST, q.article_id, q.start NULLS FIRST, q.quote_id"
_ORDER = {
    "newest": _NEWEST,
    "oldest": "a.published NULLS LAST, q.article_id, q.start NULLS FIRST, q.quote_id",
    "sources": "COALESCE(c.source_count, 0) DESC, " + _NEWEST,
    "conflicts": _CONFLICTS + " DESC, " + _NEWEST,
}


@dataclass(frozen=True, slots=True)
class StatementItem:
    article_id: str
    quote_id: str
    speaker: str | None
    speaker_kind: str | None
    kind: str
    cue: str
    content: str
    said_on: str | None
    confidence: float | None
    published: str | None
    title: str | None
    site: str | None
    url: str | None
    language: str | None
    claim_id: str | None  # the claim group it belongs to
    claim_sources: int  # statements in that group (0: none)
    conflicts: int  # conflicts it takes a side in


@dataclass(frozen=True, slots=True)
class SideRef:
    """A statement's place in a conflict (what the desk shows as 'contradicted by')."""

    conflict_id: str
    article_id: str
    quote_id: str | None
    speaker: str | None
    position: int


def _statement_where(f: ListFilters) -> tuple[str, dict[str, Any]]:
    conds, params = match_clause(f)
    words, wparams = words_clause(f.q, ("q.content", "q.speaker"))
    return where(conds + words), {**params, **wparams}


class StatementReads:
    """Mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    def list_statements(self, f: ListFilters, sort: str = "newest", limit: int = 20, offset: int = 0) -> list[StatementItem]:
        clause, params = _statement_where(f)
        order = _ORDER.get(sort, _NEWEST)
        # The page's keys first, then its columns: the conflict count of every statement of the
        # store is not computed to sort them unless the sort is by it.
        rows = self.sql.rows(
            _COLS + _FROM + " WHERE (q.article_id, q.quote_id) IN (SELECT q.article_id, q.quote_id" + _FROM + clause
            + f" ORDER BY {order} LIMIT :limit OFFSET :offset) ORDER BY {order}",
            {**params, "limit": limit, "offset": offset},
        )
        return [StatementItem(*r) for r in rows]

    def count_statements(self, f: ListFilters) -> int:
        clause, params = _statement_where(f)
        return int(self.sql.value("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id" + clause, params))

    def iter_statements(self, f: ListFilters, sort: str = "newest") -> Iterator[StatementItem]:
        clause, params = _statement_where(f)
        for r in self.sql.stream(_COLS + _FROM + clause + f" ORDER BY {_ORDER.get(sort, _NEWEST)}", params):
            yield StatementItem(*r)

    def conflict_sides_of(self, article_ids: list[str]) -> list[SideRef]:
        """Every side of every conflict that has a side in one of these articles."""
        rows = self.sql.rows(
            "SELECT s.conflict_id, s.article_id, s.quote_id, s.speaker, s.position FROM conflict_sides s WHERE s.conflict_id IN"
            " (SELECT x.conflict_id FROM conflict_sides x WHERE x.article_id IN (SELECT value FROM {each}(:ids)))"
            " ORDER BY s.conflict_id, s.idx",
            {"ids": id_list(dict.fromkeys(article_ids))},
        )
        return [SideRef(*r) for r in rows]
