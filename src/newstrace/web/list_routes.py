"""The store-wide lists of the desk: statements, claims, conflicts and timeline, each a page and
the same data under /api, with the same filters, sorting, totals and paging, and exports of the
whole filtered list (``format=csv`` or ``format=jsonl``, every page, not only the one on screen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from newstrace.export.tables import Record, conflict_record
from newstrace.store.base import Store
from newstrace.store.desk_lists import ListFilters
from newstrace.web import lists
from newstrace.web.app import Desk
from newstrace.web.downloads import spooled_download
from newstrace.web.list_exports import EXPORT_TYPES, write_rows, write_table

api = APIRouter(prefix="/api", tags=["api"])
pages = APIRouter(include_in_schema=False)

OptDate = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="published on or after / before (YYYY-MM-DD)")]
Name = Annotated[str | None, Query(max_length=300)]
Format = Annotated[Literal["json", "csv", "jsonl"], Query(description="json: this page; csv or jsonl: the whole filtered list as a file")]
Limit = Annotated[int, Query(ge=1, le=100, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Sort = Annotated[str | None, Query(max_length=20, description="order of the list (see `sorts` in the answer)")]


def list_filters(
    q: Annotated[str | None, Query(max_length=500, description="words the text must contain (all of them)")] = None,
    speaker: Annotated[str | None, Query(max_length=300, description="exact name of who said it")] = None,
    outlet: Annotated[str | None, Query(max_length=300, description="exact outlet")] = None,
    entity: Annotated[str | None, Query(max_length=300, description="articles naming this entity (exact name)")] = None,
    story: Annotated[str | None, Query(max_length=128, description="a story id")] = None,
    claim: Annotated[str | None, Query(max_length=128, description="a claim id")] = None,
    since: OptDate = None,
    until: OptDate = None,
    language: Annotated[str | None, Query(max_length=16, description="language code")] = None,
    min_confidence: Annotated[str | None, Query(pattern=r"^(0(\.\d+)?|1(\.0+)?|\.\d+)?$", description="statements at least this sure (0-1)")] = None,
    review: Annotated[Literal["unreviewed", "confirmed", "dismissed", ""] | None, Query(description="conflicts: by review")] = None,
) -> ListFilters:
    clean = lambda v: (v or "").strip() or None  # noqa: E731 - an untouched form field is no filter
    return ListFilters(
        q=clean(q), speaker=clean(speaker), outlet=clean(outlet), entity=clean(entity), story=clean(story), claim=clean(claim),
        since=clean(since), until=clean(until), language=clean(language), min_confidence=float(min_confidence or 0), review=clean(review),
    )


Filters = Annotated[ListFilters, Depends(list_filters)]


def _store(request: Request) -> Store:
    desk: Desk = request.app.state.desk
    return desk.store()


def _resolved(store: Store, f: ListFilters) -> ListFilters:
    """A merged story's id stands for the story it became."""
    if f.story:
        into = store.story_redirect(f.story)
        if into:
            return f.with_story(into)
    return f


Builder = Callable[[Store, ListFilters, str | None, int, int], dict[str, Any]]
ROWS: dict[str, tuple[str, Callable[[Any], dict[str, Any]], tuple[str, ...]]] = {
    "statements": ("iter_statements", lists.statement_row, lists.STATEMENT_COLUMNS),
    "claims": ("iter_claims", lists.claim_row, lists.CLAIM_COLUMNS),
    "conflicts": ("iter_conflicts", lists.conflict_row, lists.CONFLICT_COLUMNS),
    "timeline": ("iter_events", lists.event_row, lists.EVENT_COLUMNS),
}


# Kinds whose CSV is the CLI export's table rather than one flat row per item: a conflict's sides are a
# row each (with the conflict's columns repeated), not JSON text in one cell a spreadsheet cannot sort.
CSV_RECORDS: dict[str, Callable[[Any], Record]] = {"conflicts": conflict_record}


def export_response(store: Store, kind: str, f: ListFilters, sort: str | None, fmt: str) -> StreamingResponse:
    """The whole filtered list as a CSV or JSONL file (written in this thread, then streamed)."""
    method, to_row, columns = ROWS[kind]
    found = getattr(store, method)(f, lists.sort_of(kind, sort))
    if fmt == "csv" and kind in CSV_RECORDS:
        records = (CSV_RECORDS[kind](r) for r in found)
        return spooled_download(lambda out: write_table(kind, records, out), EXPORT_TYPES[fmt], f"newstrace-{kind}.{fmt}")
    rows = (to_row(r) for r in found)
    return spooled_download(lambda out: write_rows(rows, columns, fmt, out), EXPORT_TYPES[fmt], f"newstrace-{kind}.{fmt}")


def _answer(request: Request, kind: str, build: Builder, f: ListFilters, sort: str | None, limit: int, offset: int, fmt: str) -> Any:
    store = _store(request)
    f = _resolved(store, f)
    if fmt != "json":
        return export_response(store, kind, f, sort, fmt)
    return build(store, f, sort, limit, offset)


EXPORTS: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}, "application/x-ndjson": {}}, "description": "the page as JSON, or the whole list as a file"}}


@api.get("/statements", summary="Statements across the store: claim search, who said it, when, where, who repeated or contradicted it", responses=EXPORTS)
def api_statements(request: Request, f: Filters, sort: Sort = None, limit: Limit = 20, offset: Offset = 0, format: Format = "json") -> Any:  # noqa: A002
    return _answer(request, "statements", lists.statements_view, f, sort, limit, offset, format)


@api.get("/claims", summary="Claims: grouped statements with their first appearance and the outlets that repeated them", responses=EXPORTS)
def api_claims(request: Request, f: Filters, sort: Sort = None, limit: Limit = 20, offset: Offset = 0, format: Format = "json") -> Any:  # noqa: A002
    return _answer(request, "claims", lists.claims_view, f, sort, limit, offset, format)


@api.get("/conflicts", summary="Conflicts inbox: strongest first, by review, filtered by the statements on their sides", responses=EXPORTS)
def api_conflicts(request: Request, f: Filters, sort: Sort = None, limit: Limit = 20, offset: Offset = 0, format: Format = "json") -> Any:  # noqa: A002
    return _answer(request, "conflicts", lists.conflicts_view, f, sort, limit, offset, format)


@api.get("/timeline", summary="Dated events across the store or a filter of it", responses=EXPORTS)
def api_timeline(request: Request, f: Filters, sort: Sort = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Any:  # noqa: A002
    return _answer(request, "timeline", lists.timeline_view, f, sort, limit, offset, format)


@api.get("/quotes", include_in_schema=False)
def api_quotes(request: Request) -> Response:
    return RedirectResponse("/api/statements" + (f"?{request.url.query}" if request.url.query else ""), status_code=301)


# -- pages ----------------------------------------------------------------


def _render(request: Request, kind: str, build: Builder, f: ListFilters, sort: str | None, limit: int, offset: int, fmt: str) -> Response:
    from newstrace.web.pages import render

    store = _store(request)
    f = _resolved(store, f)
    if fmt != "json":
        return export_response(store, kind, f, sort, fmt)
    data = build(store, f, sort, limit, offset)
    return render(request, f"{kind}.html", data=data, f=f, facets=store.facets(), labels=lists.SORT_LABELS, query=f.q or "")


@pages.get("/statements", response_class=HTMLResponse)
def statements(request: Request, f: Filters, sort: Sort = None, limit: Limit = 20, offset: Offset = 0, format: Format = "json") -> Response:  # noqa: A002
    return _render(request, "statements", lists.statements_view, f, sort, limit, offset, format)


@pages.get("/claims", response_class=HTMLResponse)
def claims(request: Request, f: Filters, sort: Sort = None, limit: Limit = 20, offset: Offset = 0, format: Format = "json") -> Response:  # noqa: A002
    return _render(request, "claims", lists.claims_view, f, sort, limit, offset, format)


@pages.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, f: Filters, sort: Sort = None, limit: Limit = 20, offset: Offset = 0, format: Format = "json") -> Response:  # noqa: A002
    return _render(request, "conflicts", lists.conflicts_view, f, sort, limit, offset, format)


@pages.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, f: Filters, sort: Sort = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Response:  # noqa: A002
    return _render(request, "timeline", lists.timeline_view, f, sort, limit, offset, format)


@pages.get("/quotes")
def quotes(request: Request) -> Response:
    """The old name of the statements list."""
    return RedirectResponse("/statements" + (f"?{request.url.query}" if request.url.query else ""), status_code=301)
