"""What the reader's desk (newstrace.web) reads from a store, beyond search, quotes and timelines.

The latest articles with filters, filtered search with paging and highlighted
snippets, the filter choices, light article rows, whole articles by exact id,
entity look-ups by name and statements naming someone. Every backend
implements :class:`DeskStore` (SQLite: store/sqlite_desk.py, PostgreSQL:
store/postgres_desk.py); the result types below are what they return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from newstrace.model import Article

# Private-use characters mark search matches in snippets: they never appear in
# news text (and are stripped from it), unlike the store's '[' and ']'.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None  # ISO date, inclusive, on the publication date
    until: str | None = None  # ISO date, inclusive (a published value with a time counts by its date)
    site: str | None = None
    language: str | None = None

    def active(self) -> bool:
        return any((self.since, self.until, self.site, self.language))


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article without its text: what lists of articles show."""

    id: str
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    url: str | None
    quotes: int = 0
    lead: str | None = None  # the text's opening characters, only for an article without a headline


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result; the snippet is cut into (text, is_match) pieces."""

    id: str
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    snippet: list[tuple[str, bool]]
    rank: float  # lower is better, on both backends


@dataclass(frozen=True, slots=True)
class Facets:
    """The outlets and languages present, for the search filters."""

    sites: tuple[str, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityOccurrence:
    """One article's entity (as that article's analysis named it)."""

    name: str
    label: str
    aliases: tuple[str, ...]
    article_id: str


@dataclass(frozen=True, slots=True)
class EntityName:
    """An entity name with its label and the number of articles naming it."""

    name: str
    label: str
    article_count: int


@dataclass(frozen=True, slots=True)
class QuoteRef:
    article_id: str
    quote_id: str


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """Cut a snippet marked with MARK_OPEN/MARK_CLOSE into (text, is_match) pieces."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(MARK_OPEN)
        if start < 0:
            pieces.append((rest, False))
            break
        if start:
            pieces.append((rest[:start], False))
        end = rest.find(MARK_CLOSE, start + 1)
        if end < 0:
            pieces.append((rest[start + 1 :], True))
            break
        pieces.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [(t.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""), m) for t, m in pieces if t]


@dataclass(frozen=True, slots=True)
class SpeakerStats:
    """A speaker's statements across the store: how many, the names they were given in the text, when."""

    statements: int
    surfaces: tuple[str, ...]
    dated: tuple[tuple[str | None, str | None, str | None, int], ...]  # (day published, site, url, statements)


def whole_words(names: list[str]) -> re.Pattern[str]:
    """A case-insensitive pattern finding any of ``names`` as whole words (not inside a longer word)."""
    alternatives = "|".join(re.escape(n) for n in sorted(dict.fromkeys(names), key=len, reverse=True) if n)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if alternatives else re.compile(r"(?!)")


def about_names(names: list[str]) -> list[str]:
    """The names worth searching statements for: distinct, three characters or more."""
    return [n for n in dict.fromkeys(names) if len(n) >= 3]


class DeskStore(Protocol):
    def latest_articles(self, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[ArticleRow]:
        """Newest first (by publication date; undated last)."""
        ...

    def search_articles(self, query: str, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[Hit]:
        """Full-text search, best first; user input is never read as query syntax."""
        ...

    def facets(self) -> Facets: ...

    def article_rows(self, article_ids: list[str]) -> dict[str, ArticleRow]:
        """Rows of the articles with these exact ids (missing ones left out)."""
        ...

    def articles(self, article_ids: list[str]) -> list[Article]:
        """Whole articles by exact id, in the order asked (missing ones left out)."""
        ...

    def entity_occurrences(self, name: str) -> list[EntityOccurrence]:
        """The per-article entities with this exact name, else those with it as an alias."""
        ...

    def entity_names(self, prefix: str = "", limit: int = 50, offset: int = 0) -> list[EntityName]:
        """Entity names starting with ``prefix`` (case-sensitive), most articles first, then by name."""
        ...

    def quotes_about(self, names: list[str], exclude_speaker: str | list[str], limit: int = 200) -> list[QuoteRef]:
        """Statements whose content names one of ``names`` (three characters or more) as whole
        words, case-insensitively, not spoken by ``exclude_speaker`` (one name or several), oldest
        article first."""
        ...

    def speaker_quotes(self, names: list[str], limit: int = 100, offset: int = 0, min_confidence: float = 0.0) -> list[QuoteRef]:
        """Statements whose speaker is exactly one of ``names``, oldest article first (paged in SQL)."""
        ...

    def speaker_stats(self, names: list[str], min_confidence: float = 0.0) -> SpeakerStats:
        """How many statements ``names`` made, what the texts called them, and when (for a chart)."""
        ...

    def name_candidates(self, term: str, limit: int = 20) -> list[EntityName]:
        """Names of entities and speakers with ``term`` as whole words or as an alias, most articles first."""
        ...
