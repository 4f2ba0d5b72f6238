"""The JSON API: the data of every page at the same path under /api."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, StreamingResponse

from newstrace.link.reviews import Review
from newstrace.web import schemas, views
from newstrace.web.app import Desk
from newstrace.web.downloads import spooled_download
from newstrace.web.reader import Filters
from newstrace.web.writes import ingest_upload, ingest_url

router = APIRouter(prefix="/api", tags=["api"])

DATE = r"^\d{4}-\d{2}-\d{2}$"
Limit = Annotated[int, Query(ge=1, le=100, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Since = Annotated[str | None, Query(pattern=DATE, description="published on or after (YYYY-MM-DD)")]
Until = Annotated[str | None, Query(pattern=DATE, description="published on or before (YYYY-MM-DD)")]
Site = Annotated[str | None, Query(max_length=200, description="outlet (site name)")]
Lang = Annotated[str | None, Query(max_length=16, description="language code")]
MinConfidence = Annotated[float, Query(ge=0.0, le=1.0, description="only statements at least this sure (0-1)")]


def desk_of(request: Request) -> Desk:
    return request.app.state.desk


def filters(since: str | None, until: str | None, site: str | None, language: str | None) -> Filters:
    return Filters(since or None, until or None, site or None, language or None)


@router.get("/", response_model=schemas.HomeData, summary="Home: latest stories and articles (the news line)")
def home(request: Request, limit: Limit = 20, offset: Offset = 0, since: Since = None, until: Until = None, site: Site = None, language: Lang = None) -> dict:
    desk = desk_of(request)
    return views.home_view(desk.store(), desk.reader(), limit, offset, filters(since, until, site, language))


@router.get("/search", response_model=schemas.SearchData, summary="Full-text search with highlighted snippets")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find (FTS5; syntax is not interpreted)")],
    limit: Limit = 20,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    site: Site = None,
    language: Lang = None,
) -> dict:
    return views.search_view(desk_of(request).reader(), q, limit, offset, filters(since, until, site, language))


@router.get("/articles", response_model=schemas.ArticlePage, summary="Articles, newest first, with filters")
def articles(request: Request, limit: Limit = 20, offset: Offset = 0, since: Since = None, until: Until = None, site: Site = None, language: Lang = None) -> dict:
    rows = desk_of(request).reader().latest(limit + 1, offset, filters(since, until, site, language))
    return views._page([views.row_json(r) for r in rows], limit, offset)


@router.get("/articles/{article_id}", response_model=schemas.ArticleData, summary="One article with its annotations")
def article(request: Request, article_id: Annotated[str, Path(min_length=4, max_length=128)]) -> dict:
    data, _, _ = views.article_view(desk_of(request).store(), article_id, desk_of(request).reader())
    return data


@router.get("/stories", response_model=schemas.StoryPage, summary="Stories, latest first")
def stories(request: Request, limit: Limit = 20, offset: Offset = 0) -> dict:
    desk = desk_of(request)
    return views.stories_view(desk.store(), desk.reader(), limit, offset)


ReviewFilter = Annotated[Review | None, Query(description="only conflicts with this review")]


@router.get("/stories/{story_id}", response_model=schemas.StoryData, summary="One story: timeline, who said what, conflicts, outlets")
def story(request: Request, story_id: Annotated[str, Path(min_length=1, max_length=128)], review: ReviewFilter = None) -> dict:
    desk = desk_of(request)
    data, _ = views.story_view(desk.store(), desk.reader(), story_id, review)
    return data


@router.post("/conflicts/{conflict_id}/review", response_model=schemas.ConflictItem, summary="Triage a conflict: confirm, dismiss or reset (needs the token)")
def review_conflict(request: Request, conflict_id: Annotated[str, Path(min_length=6, max_length=64)], body: schemas.ReviewIn) -> dict:
    desk = desk_of(request)
    desk.check_write(request)
    row = desk.store().review_conflict(conflict_id, body.review)
    return views.conflicts_json([row.conflict()], desk.reader().articles(list({s.article_id for s in row.sides})))[0]  # type: ignore[index]


@router.get("/entities", response_model=schemas.EntityPage, summary="Entities by name prefix, most covered first")
def entities(request: Request, q: Annotated[str, Query(max_length=200)] = "", limit: Limit = 50, offset: Offset = 0) -> dict:
    return views.entities_view(desk_of(request).reader(), q, limit, offset)


@router.get(
    "/entities/{name:path}",
    response_model=schemas.EntityData,
    summary="One entity: its quotes and the quotes about it, over time",
    responses={
        300: {"model": schemas.EntityChoice, "description": "the name is a word of several entities' names: choose one"},
        307: {"description": "the name is a word (a surname) of one entity's name: redirected to its page"},
    },
)
def entity(request: Request, name: str, limit: Limit = 100, offset: Offset = 0, min_confidence: MinConfidence = 0.0) -> Any:
    from urllib.parse import urlencode

    from newstrace.web.entity_page import Choice, entity_view

    desk = desk_of(request)
    found = entity_view(desk.store(), desk.reader(), name, limit, offset, min_confidence)
    if isinstance(found, Choice):  # a surname or another word of a name: one answer, or the reader chooses
        if len(found.options) == 1:
            query = urlencode({k: v for k, v in request.query_params.items()})
            return RedirectResponse("/api" + found.options[0]["href"] + (f"?{query}" if query else ""), status_code=307)
        return JSONResponse({"term": found.term, "choices": [dict(o, href="/api" + o["href"]) for o in found.options]}, status_code=300)
    return found[0]


EXPORT_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "jsonld": "application/ld+json; charset=utf-8",
    "gexf": "application/gexf+xml; charset=utf-8",
    "conflicts": "application/x-ndjson; charset=utf-8",
}
EXPORT_SUFFIX = {"jsonl": "jsonl", "csv": "csv", "jsonld": "jsonld", "gexf": "gexf", "conflicts": "conflicts.jsonl"}


@router.get(
    "/export/{fmt}",
    summary="The whole store as JSONL, CSV (one row per quote), schema.org JSON-LD or GEXF (who cites whom)",
    responses={200: {"content": {t.split(";")[0]: {} for t in EXPORT_TYPES.values()}, "description": "the export file"}},
    response_class=StreamingResponse,
)
def export(request: Request, fmt: Literal["jsonl", "csv", "jsonld", "gexf", "conflicts"]) -> StreamingResponse:
    from newstrace.export import write_export

    store = desk_of(request).store()
    return spooled_download(lambda out: write_export(store, fmt, out), EXPORT_TYPES[fmt], f"newstrace.{EXPORT_SUFFIX[fmt]}")


_SAFE_NAME = re.compile(r"[^\w.\-]+")


@router.post(
    "/ingest/url",
    response_model=schemas.IngestResult,
    status_code=201,
    summary="Fetch, analyse and store a page (needs the server token)",
    responses={401: {"model": schemas.ErrorResponse}, 403: {"model": schemas.ErrorResponse}},
)
def ingest_from_url(request: Request, body: schemas.IngestUrl) -> JSONResponse:
    desk = desk_of(request)
    desk.check_write(request)
    status, article_id = ingest_url(desk, body.url, body.published)
    return _ingested(status, article_id)


@router.post(
    "/ingest/file",
    response_model=schemas.IngestResult,
    status_code=201,
    summary="Analyse and store an uploaded page (needs the server token)",
    responses={401: {"model": schemas.ErrorResponse}, 403: {"model": schemas.ErrorResponse}, 413: {"model": schemas.ErrorResponse}},
)
def ingest_from_file(
    request: Request,
    file: Annotated[UploadFile, File(description="an HTML or plain-text news page")],
    published: Annotated[str | None, Form(pattern=DATE)] = None,
) -> JSONResponse:
    desk = desk_of(request)
    desk.check_write(request)
    name = _SAFE_NAME.sub("_", file.filename or "upload")[:120]
    content = file.file.read(10 * 1024 * 1024 + 1)
    status, article_id = ingest_upload(desk, content, name, file.content_type, published)
    return _ingested(status, article_id)


def _ingested(status: str, article_id: str) -> JSONResponse:
    body = {"status": status, "article_id": article_id, "href": f"/articles/{article_id}"}
    return JSONResponse(body, status_code=201 if status == "stored" else 200)
