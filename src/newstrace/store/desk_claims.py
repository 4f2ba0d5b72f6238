"""Claims across the store for the desk: each claim group with its first appearance, its sources
and the outlets that repeated it. A part of SQLStore.

A claim passes the filters when one of its statements does (said by the speaker, in the outlet,
in the story, published in the dates ...), so "claims by X" are the claims X made or repeated,
X being the speaker's name as the statements list shows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from newstrace.link.storage import ClaimSourceRow
from newstrace.store.desk_lists import ListFilters, match_clause, uses, where, words_clause
from newstrace.store.dialects import Dialect
from newstrace.store.sql import Database, id_list

CLAIM_SORTS = ("sources", "newest", "oldest", "conflicts")
SOURCES_SHOWN = 12  # per claim on a page; the count says how many there are

_LAST = "(SELECT max(x.date) FROM claim_sources x WHERE x.claim_id = c.id)"
_OUTLETS = "(SELECT count(DISTINCT x.outlet) FROM claim_sources x WHERE x.claim_id = c.id)"
_CONFLICTS = (
    "(SELECT count(DISTINCT s.conflict_id) FROM claim_sources x JOIN conflict_sides s"
    " ON s.article_id = x.article_id AND s.quote_id = x.quote_id WHERE x.claim_id = c.id)"
)
_COLS = (
    "SELECT c.id, c.text, c.first_article_id, c.first_quote_id, c.first_speaker, c.first_date, c.source_count, c.story_id,"
    f" {_LAST}, {_OUTLETS}, {_CONFLICTS}, fa.title, fa.site FROM claims c LEFT JOIN articles fa ON fa.id = c.first_article_id"
)
_ORDER = {
    "sources": "c.source_count DESC, c.first_date DESC NULLS LAST, c.id",
    "newest": f"{_LAST} DESC NULLS LAST, c.source_count DESC, c.id",
    "oldest": "c.first_date NULLS LAST, c.source_count DESC, c.id",
    "conflicts": f"{_CONFLICTS} DESC, c.source_count DESC, c.id",
}


@dataclass(frozen=True, slots=True)
class ClaimItem:
    id: str
    text: str
    first_article_id: str
    first_quote_id: str | None
    first_speaker: str | None
    first_date: str | None
    source_count: int
    story_id: str | None
    last_date: str | None
    outlet_count: int
    conflicts: int
    first_title: str | None
    first_site: str | None


def _claim_where(f: ListFilters) -> tuple[str, dict[str, Any]]:
    # the statements of the claim as the statements list reads them (the same speaker names)
    conds, params = match_clause(replace(f, claim=None))
    out = []
    if conds:
        joins = " JOIN articles a ON a.id = q.article_id" if uses(conds, "a") else ""
        out.append(
            "c.id IN (SELECT cs.claim_id FROM quotes q JOIN claim_sources cs ON cs.article_id = q.article_id AND cs.quote_id = q.quote_id"
            + joins + where(conds) + ")"
        )
    if f.claim:
        out.append("c.id = :claim")
        params["claim"] = f.claim
    words, wparams = words_clause(f.q, ("c.text",))
    return where(out + words), {**params, **wparams}


class ClaimReads:
    """Mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    def list_claims(self, f: ListFilters, sort: str = "sources", limit: int = 20, offset: int = 0) -> list[ClaimItem]:
        clause, params = _claim_where(f)
        order = _ORDER.get(sort, _ORDER["sources"])
        # the page's claims first, then their columns (each a count over the claim's sources)
        rows = self.sql.rows(
            _COLS + f" WHERE c.id IN (SELECT c.id FROM claims c{clause} ORDER BY {order} LIMIT :limit OFFSET :offset) ORDER BY {order}",
            {**params, "limit": limit, "offset": offset},
        )
        return [ClaimItem(*r) for r in rows]

    def count_claims(self, f: ListFilters) -> int:
        clause, params = _claim_where(f)
        return int(self.sql.value("SELECT count(*) FROM claims c" + clause, params))

    def iter_claims(self, f: ListFilters, sort: str = "sources") -> Iterator[ClaimItem]:
        clause, params = _claim_where(f)
        for r in self.sql.stream(_COLS + clause + f" ORDER BY {_ORDER.get(sort, _ORDER['sources'])}", params):
            yield ClaimItem(*r)

    def claim_sources_of(self, claim_ids: list[str], per_claim: int = SOURCES_SHOWN) -> dict[str, list[ClaimSourceRow]]:
        """The first ``per_claim`` sources of each claim, oldest first."""
        rows = self.sql.rows(
            "SELECT claim_id, article_id, quote_id, speaker, outlet, date, similarity, text FROM ("
            " SELECT cs.*, row_number() OVER (PARTITION BY cs.claim_id ORDER BY cs.date IS NULL, cs.date, cs.article_id, cs.quote_id) n"
            " FROM claim_sources cs WHERE cs.claim_id IN (SELECT value FROM {each}(:ids))) x WHERE n <= :per ORDER BY claim_id, n",
            {"ids": id_list(dict.fromkeys(claim_ids)), "per": per_claim},
        )
        out: dict[str, list[ClaimSourceRow]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(ClaimSourceRow(*r))
        return out

    def claim_outlets_of(self, claim_ids: list[str]) -> dict[str, list[tuple[str, int]]]:
        """Every outlet that carried each claim, with how many of its statements, most first."""
        rows = self.sql.rows(
            "SELECT claim_id, outlet, count(*) FROM claim_sources WHERE claim_id IN (SELECT value FROM {each}(:ids)) AND outlet IS NOT NULL"
            " GROUP BY claim_id, outlet ORDER BY claim_id, count(*) DESC, outlet",
            {"ids": id_list(dict.fromkeys(claim_ids))},
        )
        out: dict[str, list[tuple[str, int]]] = {}
        for cid, outlet, n in rows:
            out.setdefault(cid, []).append((outlet, int(n)))
        return out
