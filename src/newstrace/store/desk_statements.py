"""Statements across the store for the desk (claim search): who said what, when, where, with the
size of its claim group and the number of conflicts it takes part in. A part of SQLStore."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newstrace.store.desk_lists import ListFilters, match_clause, uses, where, words_clause
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


def _statement_where(f: ListFilters) -> tuple[list[str], dict[str, Any]]:
    conds, params = match_clause(f)
    words, wparams = words_clause(f.q, ("q.content", "q.speaker"))
    return conds + words, {**params, **wparams}


class StatementReads:
    """Mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    def list_statements(self, f: ListFilters, sort: str = "newest", limit: int = 20, offset: int = 0) -> list[StatementItem]:
        conds, params = _statement_where(f)
        keys = self._page_keys(conds, params, sort, limit, offset)
        if not keys:
            return []
        # The page's columns for its keys only: a claim size and a conflict count each.
        rows = self.sql.rows(_COLS + _FROM + " WHERE q.article_id IN (SELECT value FROM {each}(:ids))", {"ids": id_list(dict.fromkeys(k[0] for k in keys))})
        by_key = {(r[0], r[1]): StatementItem(*r) for r in rows}
        return [by_key[k] for k in keys if k in by_key]

    def _page_keys(self, conds: list[str], params: dict[str, Any], sort: str, limit: int, offset: int) -> list[tuple[str, str]]:
        """(article id, quote id) of the page's statements, in the order asked.

        "sources" and "conflicts" list first the statements that have claim groups (largest
        first) or conflicts (most first), walked from those tables, then the rest newest first;
        "newest" and "oldest" walk the articles by date when no condition is on the statement
        itself. Each is the plan that reads the fewest rows (the store runs no ANALYZE)."""
        page = {"limit": limit, "offset": offset}
        if sort in ("sources", "conflicts"):
            if sort == "sources":
                # CROSS JOIN: SQLite walks the tables in the order written (PostgreSQL plans it as a join)
                part = " FROM claims c CROSS JOIN claim_sources cs CROSS JOIN quotes q CROSS JOIN articles a"
                links = ["cs.claim_id = c.id", "q.article_id = cs.article_id", "q.quote_id = cs.quote_id", "a.id = q.article_id"]
                order = "c.source_count DESC, c.id, " + _NEWEST
                head_sql = "SELECT q.article_id, q.quote_id" + part + where(links + conds)
                rest = "NOT EXISTS (SELECT 1 FROM claim_sources x WHERE x.article_id = q.article_id AND x.quote_id = q.quote_id)"
            else:
                part = " FROM conflict_sides s CROSS JOIN quotes q CROSS JOIN articles a"
                links = ["q.article_id = s.article_id", "q.quote_id = s.quote_id", "a.id = q.article_id"]
                order = "count(DISTINCT s.conflict_id) DESC, " + _NEWEST
                head_sql = ("SELECT q.article_id, q.quote_id" + part + where(links + conds)
                            + " GROUP BY q.article_id, q.quote_id, a.published, q.start")
                rest = "NOT EXISTS (SELECT 1 FROM conflict_sides x WHERE x.article_id = q.article_id AND x.quote_id = q.quote_id)"
            keys = [(r[0], r[1]) for r in self.sql.rows(head_sql + f" ORDER BY {order} LIMIT :limit OFFSET :offset", {**params, **page})]
            if len(keys) < limit:
                # the page reaches past the first part: the rest follow from where it ended
                n_head = offset + len(keys) if keys else int(self.sql.value(f"SELECT count(*) FROM ({head_sql}) h", params))
                keys += self._newest_keys([*conds, rest], params, _NEWEST, limit - len(keys), max(0, offset - n_head))
            return keys
        return self._newest_keys(conds, params, _ORDER.get(sort, _NEWEST), limit, offset)

    def _newest_keys(self, conds: list[str], params: dict[str, Any], order: str, limit: int, offset: int) -> list[tuple[str, str]]:
        # Without a condition on the statement, walk the articles in date order (their index) and
        # take each one's statements; with one, find the statements first (the speaker's index).
        joins = " FROM quotes q JOIN articles a ON a.id = q.article_id" if uses(conds, "q") else " FROM articles a CROSS JOIN quotes q"
        conds = conds if uses(conds, "q") else ["q.article_id = a.id", *conds]
        rows = self.sql.rows(
            "SELECT q.article_id, q.quote_id" + joins + where(conds) + f" ORDER BY {order} LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [(r[0], r[1]) for r in rows]

    def count_statements(self, f: ListFilters) -> int:
        conds, params = _statement_where(f)
        joins = " JOIN articles a ON a.id = q.article_id" if uses(conds, "a") else ""
        return int(self.sql.value("SELECT count(*) FROM quotes q" + joins + where(conds), params))

    def iter_statements(self, f: ListFilters, sort: str = "newest") -> Iterator[StatementItem]:
        conds, params = _statement_where(f)
        for r in self.sql.stream(_COLS + _FROM + where(conds) + f" ORDER BY {_ORDER.get(sort, _NEWEST)}", params):
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
