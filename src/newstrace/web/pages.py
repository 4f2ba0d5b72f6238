"""Server-rendered pages (Jinja2, autoescaped). Each has its data at /api + path."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newstrace.link.reviews import Review
from newstrace.web import views
from newstrace.web.api import Lang, Limit, MinConfidence, Offset, Site, filters
from newstrace.web.app import Desk
from newstrace.web.coverage import coverage_from_json, legend, render_coverage_svg
from newstrace.web.entity_page import Choice, entity_view
from newstrace.web.highlight import render_article_text
from newstrace.web.timeline import render_svg
from newstrace.web.writes import ingest_upload, ingest_url

router = APIRouter(include_in_schema=False)

# Page filters accept an empty value (an untouched form field) as "no filter".
PageDate = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    desk: Desk = request.app.state.desk
    context.setdefault("writes", bool(desk.token))
    context.setdefault("api_url", "/api" + request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    html = desk.templates.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, limit: Limit = 20, offset: Offset = 0, since: PageDate = None, until: PageDate = None, site: Site = None, language: Lang = None) -> HTMLResponse:
    desk: Desk = request.app.state.desk
    f = filters(since, until, site, language)
    data = views.home_view(desk.store(), desk.reader(), limit, offset, f)
    return render(request, "home.html", data=data, filters=f, query="")


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Limit = 20,
    offset: Offset = 0,
    since: PageDate = None,
    until: PageDate = None,
    site: Site = None,
    language: Lang = None,
) -> HTMLResponse:
    desk: Desk = request.app.state.desk
    f = filters(since, until, site, language)
    if not q.strip():
        data = views.home_view(desk.store(), desk.reader(), limit, offset, f)
        return render(request, "home.html", data=data, filters=f, query="")
    data = views.search_view(desk.reader(), q, limit, offset, f)
    return render(request, "search.html", data=data, filters=f, query=q)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, limit: Limit = 20, offset: Offset = 0) -> HTMLResponse:
    desk: Desk = request.app.state.desk
    data = views.stories_view(desk.store(), desk.reader(), limit, offset)
    return render(request, "stories.html", data=data)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, review: Annotated[Review | None, Query()] = None) -> HTMLResponse:
    desk: Desk = request.app.state.desk
    data, items = views.story_view(desk.store(), desk.reader(), story_id, review)
    svg = render_svg(items, title=f"Timeline of {data['story']['title']}")
    cov = coverage_from_json(data["summary"]["coverage"])
    chart = render_coverage_svg(cov, title=f"Coverage of {data['story']['title']}")
    return render(request, "story.html", data=data, svg=svg, coverage_svg=chart, legend=legend(cov))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, at: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> HTMLResponse:
    """An article; ``at=START-END`` marks that passage (``#passage``), as a conflict's side links to it."""
    desk: Desk = request.app.state.desk
    data, art, items = views.article_view(desk.store(), article_id, desk.reader())
    svg = render_svg(items, title="Timeline of this article")
    passage: tuple[int, int] | None = None
    if at:
        start, end = at.split("-")
        passage = (int(start), int(end))
    return render(request, "article.html", data=data, text_html=render_article_text(art, passage), svg=svg)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: Annotated[str, Query(max_length=200)] = "", limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    desk: Desk = request.app.state.desk
    data = views.entities_view(desk.reader(), q, limit, offset)
    return render(request, "entities.html", data=data, query=q)


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(request: Request, name: str, limit: Limit = 30, offset: Offset = 0, min_confidence: MinConfidence = 0.0) -> Response:
    desk: Desk = request.app.state.desk
    found = entity_view(desk.store(), desk.reader(), name, limit, offset, min_confidence)
    if isinstance(found, Choice):
        if len(found.options) == 1:  # a surname or another word of one name: that entity's page
            return RedirectResponse(found.options[0]["href"], status_code=307)
        return render(request, "entity_choice.html", choice=found)
    data, items = found
    svg = render_svg(items, title=f"Statements by {data['name']} over time")
    cov = coverage_from_json(data["statements_over_time"])
    chart = render_coverage_svg(cov, title=f"Statements by {data['name']}", noun="statement")
    return render(request, "entity.html", data=data, svg=svg, tl=views.timeline_json(items), stages_missing=[],
                  over_time_svg=chart, legend=legend(cov))


@router.post("/ingest")
def ingest_form(
    request: Request,
    token: Annotated[str, Form()] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    published: Annotated[str, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    desk: Desk = request.app.state.desk
    desk.check_write(request, form_token=token)
    if file is not None and file.filename:
        content = file.file.read(10 * 1024 * 1024 + 1)
        _, article_id = ingest_upload(desk, content, file.filename, file.content_type, published or None)
    elif url.strip():
        _, article_id = ingest_url(desk, url, published or None)
    else:
        from newstrace.web.errors import BadRequest

        raise BadRequest("give a file or a URL to ingest")
    return RedirectResponse(f"/articles/{article_id}", status_code=303)


@router.post("/conflicts/{conflict_id}/review")
def review_form(
    request: Request,
    conflict_id: str,
    review: Annotated[Review, Form()],
    token: Annotated[str, Form()] = "",
    story: Annotated[str, Form(max_length=128)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    desk: Desk = request.app.state.desk
    desk.check_write(request, form_token=token)
    row = desk.store().review_conflict(conflict_id, review)
    if back.startswith("/") and not back.startswith(("//", "/\\")):  # a page of this desk (the inbox), never another site
        return RedirectResponse(f"{back.split('#')[0]}#conflict-{row.id}", status_code=303)
    return RedirectResponse(f"/stories/{story or row.story_id or ''}#conflict-{row.id}", status_code=303)


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema without script."""
    schema = request.app.openapi()
    paths = [
        {"path": path, "method": method.upper(), "summary": op.get("summary", ""), "params": op.get("parameters", [])}
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]
    return render(request, "api_docs.html", paths=paths, api_url="/openapi.json")
