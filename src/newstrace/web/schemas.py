"""Response models of the JSON API: they document it (OpenAPI) and check it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from newstrace.link.reviews import Review


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable error code from newstrace.errors, e.g. store.not_found")
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail


class Titled(BaseModel):
    """How pages name an article (newstrace.web.display)."""

    display_title: str = Field(description="the headline, else the article's first sentence")
    title_from: Literal["headline", "first sentence", "none"]


class ArticleRow(Titled):
    id: str
    title: str | None
    site: str | None
    outlet: str = Field(description="the site's name, else the URL's host, else 'outlet unknown'")
    published: str | None
    language: str | None
    url: str | None
    quotes: int


class ArticlePage(BaseModel):
    items: list[ArticleRow]
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page; null on the last page")


class Facets(BaseModel):
    sites: list[str]
    languages: list[str]


class StorySummary(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    first_date: str | None
    last_date: str | None
    outlets: list[str]


class StoryPage(BaseModel):
    items: list[StorySummary]
    limit: int
    offset: int
    next_offset: int | None


class HomeData(BaseModel):
    stories: list[StorySummary]
    articles: ArticlePage
    facets: Facets
    stats: dict[str, int]


class SnippetPiece(BaseModel):
    text: str
    match: bool


class SearchHit(Titled):
    id: str
    title: str | None
    site: str | None
    outlet: str
    published: str | None
    language: str | None
    snippet: list[SnippetPiece]
    rank: float


class SearchPage(BaseModel):
    items: list[SearchHit]
    limit: int
    offset: int
    next_offset: int | None


class SearchFilters(BaseModel):
    since: str | None
    until: str | None
    site: str | None
    language: str | None


class SearchData(BaseModel):
    query: str
    filters: SearchFilters
    results: SearchPage
    facets: Facets


class QuoteItem(BaseModel):
    article_id: str
    id: str
    kind: str
    speaker: str | None
    speaker_kind: str | None
    speaker_title: str | None
    cue: str
    content: str
    medium: str | None = Field(description="what the statement went out through: an interview, a channel, a statement")
    audience: str | None = Field(description="who it was addressed to: reporters in Moscow, Russian officials")
    confidence: float = Field(description="how sure the attribution is (0-1): cue, content and speaker")
    speaker_candidate: str | None = Field(description="when speaker is null: the nearest candidate, named as such")
    via: list[str]
    said_on: str | None
    sentence: int | None
    anchor: str = Field(description="fragment id in the article page: its sentence, else the quote")
    chain: list[str] = Field(description="reporting chain, reader side first: the article's outlet, via..., speaker")
    outlet: str
    article_title: str | None
    published: str | None


class QuotePage(BaseModel):
    items: list[QuoteItem]
    limit: int
    offset: int
    next_offset: int | None


class SpeakerGroup(BaseModel):
    name: str
    kind: str
    titles: list[str]
    href: str | None
    quotes: list[QuoteItem]


class TimelineEntry(BaseModel):
    id: str
    date: str | None = Field(description="TimeML value")
    when: str | None = Field(default=None, description="the date in words: '22 Feb 2024, afternoon', 'week of 19 Feb 2024', 'autumn 2024'")
    text: str
    according_to: str | None
    outlet: str | None
    href: str | None


class Timeline(BaseModel):
    dated: list[TimelineEntry] = Field(description="events with a known year, in date order")
    undated: list[TimelineEntry]


class ConflictSide(BaseModel):
    speaker: str
    label: str = Field(description="the speaker, or whose stance the article reports in its own words")
    text: str
    position: int = Field(description="statements in one position say the same thing; the conflict is between positions")
    letter: str
    cue: str | None
    kind: str | None = Field(description="quote kind (direct, indirect, mixed, stance) or narration (the outlet's own words)")
    article_id: str
    quote_id: str | None
    start: int | None = Field(description="the passage in the article text (character offsets)")
    end: int | None
    outlet: str | None
    date: str | None
    source: str | None
    chain: list[str]
    article_title: str | None
    anchor: str | None


class ConflictItem(BaseModel):
    id: str
    topic: str
    evidence: str = Field(description="the reason a reader can check (\"different death tolls: 10 vs three\")")
    kind: str = Field(description="figures, zero, denial, rebuttal, blame or dates")
    confidence: float
    review: Review = Field(description="a reader's triage: unreviewed, confirmed or dismissed")
    sides: list[ConflictSide]


class ReviewIn(BaseModel):
    review: Review = Field(description="confirmed, dismissed, or unreviewed to reset the conflict (as 'newstrace review ID reset')")


class StoryArticle(Titled):
    id: str
    title: str | None
    outlet: str
    published: str | None
    url: str | None
    quotes: int
    retells: list[str]


class StoryData(BaseModel):
    story: StorySummary
    linked: bool = Field(description="true when the story comes from the cross-outlet linker")
    summary: dict[str, Any] = Field(description="the page's 'at a glance' block: what, when, articles, outlets, statements, "
                                    "key claims, key conflicts and coverage (articles per day/week/month per outlet)")
    claims: list[dict[str, Any]] | None = Field(description="the story's claims, most repeated first; null when the store keeps none")
    outlets: list[str]
    articles: list[StoryArticle]
    timeline: Timeline
    speakers: list[SpeakerGroup]
    conflicts: list[ConflictItem] | None = Field(description="null when conflict finding is not installed")
    review_filter: str | None = Field(None, description="the review filter the conflicts were listed with (unreviewed, confirmed, dismissed)")
    stages_missing: list[str]


class SourceItem(BaseModel):
    kind: str
    location: str


class QuoteChain(BaseModel):
    quote_id: str
    chain: list[str]


class ArticleData(Titled):
    article: dict[str, Any] = Field(description="the article record (docs/article-record.md), standoff offsets included")
    outlet: str
    sources: list[SourceItem]
    retells: list[list[str]]
    chains: list[QuoteChain]
    speakers: list[SpeakerGroup]
    timeline: Timeline
    conflicts: list[ConflictItem] | None
    stories: list[StorySummary]
    stages_missing: list[str]
    language_notes: list[str] = Field(default_factory=list, description="stages not run for the article's language, paragraphs in another language left out")


class EntityCounts(BaseModel):
    said_by: int = Field(description="statements whose speaker is exactly one of the entity's names, in the whole store")
    said_about: int = Field(description="statements by others naming it (as whole words)")
    articles: int = Field(description="articles naming it")


class EntityData(BaseModel):
    name: str
    id: str | None = Field(description="the cross-document entity id when the linker has one")
    labels: list[str]
    aliases: list[str] = Field(description="every other name it went by: aliases and the names the texts gave the speaker")
    titles: list[str]
    counts: EntityCounts
    quotes_by: QuotePage
    quotes_about: QuotePage
    statements_over_time: dict[str, Any] = Field(description="its statements per day/week/month per outlet (as a story's coverage)")
    articles: list[ArticleRow] = Field(description="the first 50 articles naming it (counts.articles: all of them), oldest first")


class EntityOption(BaseModel):
    name: str
    label: str
    articles: int
    href: str


class EntityChoice(BaseModel):
    term: str
    choices: list[EntityOption]


class EntityRow(BaseModel):
    name: str
    label: str
    articles: int
    href: str


class EntityPage(BaseModel):
    items: list[EntityRow]
    limit: int
    offset: int
    next_offset: int | None


class IngestUrl(BaseModel):
    url: str = Field(description="http(s) URL of a news page")
    published: str | None = Field(default=None, description="publication date (YYYY-MM-DD) when the page does not state one")


class IngestResult(BaseModel):
    status: str = Field(description="stored or duplicate")
    article_id: str
    href: str
