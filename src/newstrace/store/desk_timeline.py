"""Dated events across the store (or a filter of it) for the desk's timeline. A part of SQLStore.

Only events whose date has a known year are on a timeline ("XXXX-03-06", "PRESENT_REF" and
undated events are not). The speaker filter matches who the event is according to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newstrace.store.desk_lists import ListFilters, match_clause, uses, where, words_clause
from newstrace.store.dialects import Dialect
from newstrace.store.sql import Database

TIMELINE_SORTS = ("date", "newest")

_JOIN_ARTICLES = " JOIN articles a ON a.id = e.article_id"
_JOIN_QUOTES = " LEFT JOIN quotes q ON q.article_id = e.article_id AND q.quote_id = e.quote_id"
_FROM_ALL = " FROM events e" + _JOIN_ARTICLES
_COLS = "SELECT e.article_id, e.event_id, e.date, e.text, e.according_to, e.quote_id, a.title, a.site, a.published"
_DATED = "substr(e.date, 1, 1) BETWEEN '0' AND '9'"  # a known year (NULL is not)
_ORDER = {
    "date": "e.date, a.published NULLS LAST, e.article_id, e.start",
    "newest": "e.date DESC, a.published DESC NULLS LAST, e.article_id, e.start",
}


@dataclass(frozen=True, slots=True)
class EventItem:
    article_id: str
    event_id: str
    date: str  # TimeML value
    text: str
    according_to: str | None
    quote_id: str | None
    title: str | None
    site: str | None
    published: str | None


def _timeline_where(f: ListFilters) -> tuple[str, str, dict[str, Any]]:
    """(joins the conditions need, WHERE clause, parameters). The speaker is who the event is
    according to; statements' confidence applies to events told in a statement."""
    conds, params = match_clause(f, article_id="e.article_id", speakers=("e.according_to",), quote=("e.article_id", "e.quote_id"))
    words, wparams = words_clause(f.q, ("e.text", "e.according_to"))
    conds = [_DATED, *conds, *words]
    joins = (_JOIN_ARTICLES if uses(conds, "a") else "") + (_JOIN_QUOTES if uses(conds, "q") else "")
    return joins, where(conds), {**params, **wparams}


class TimelineReads:
    """Mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    def list_events(self, f: ListFilters, sort: str = "date", limit: int = 50, offset: int = 0) -> list[EventItem]:
        joins, clause, params = _timeline_where(f)
        rows = self.sql.rows(
            _COLS + _FROM_ALL + joins.replace(_JOIN_ARTICLES, "") + clause + f" ORDER BY {_ORDER.get(sort, _ORDER['date'])} LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [EventItem(*r) for r in rows]

    def count_events(self, f: ListFilters) -> int:
        joins, clause, params = _timeline_where(f)
        return int(self.sql.value("SELECT count(*) FROM events e" + joins + clause, params))

    def iter_events(self, f: ListFilters, sort: str = "date") -> Iterator[EventItem]:
        joins, clause, params = _timeline_where(f)
        for r in self.sql.stream(_COLS + _FROM_ALL + joins.replace(_JOIN_ARTICLES, "") + clause + f" ORDER BY {_ORDER.get(sort, _ORDER['date'])}", params):
            yield EventItem(*r)
