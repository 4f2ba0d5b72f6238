"""The ASGI application: pages, JSON API, security headers, one error mapping.

``create_app(db, token)`` builds it over a store path. SQLite connections
are per thread (requests run in a thread pool); writes are serialised by a
lock (the store's single-writer rule).
"""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newstrace import __version__
from newstrace.store.base import Store
from newstrace.web.errors import (
    AuthInvalid,
    AuthRequired,
    BadRequest,
    MethodNotAllowed,
    RouteNotFound,
    WritesDisabled,
    error_body,
    from_exception,
    status_for,
)
from newstrace.web.hosts import LOOPBACK_NAMES, HostCheck
from newstrace.web.reader import Reader

log = logging.getLogger(__name__)
HERE = Path(__file__).parent

# Scripts only from our own origin, no inline script or style, no plugins,
# nothing framed, forms only to us. Scraped text can therefore never run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the CSP and friends to every HTTP response, and answers HEAD (pure ASGI)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        head = scope["method"] == "HEAD"
        if head:  # answer HEAD as GET without the body (FastAPI routes list GET only)
            scope = dict(scope, method="GET")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            elif head and message["type"] == "http.response.body":
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass
class Desk:
    """What the routes share: where the store is, the token, templates."""

    db: str | None
    token: str | None
    templates: Environment
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Store] = field(default_factory=list)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipelines: OrderedDict[str | None, Any] = field(default_factory=OrderedDict)

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            from newstrace.store import open_store

            store = open_store(self.db)
            self._local.store = store
            self._opened.append(store)
        return store

    def reader(self) -> Reader:
        reader = getattr(self._local, "reader", None)
        if reader is None or reader.store is not self.store():
            reader = self._local.reader = Reader(self.store())
        return reader

    def pipeline(self, published: str | None) -> Any:
        """A pipeline per publication date given, a few kept (building one loads models)."""
        with self.write_lock:
            if published in self._pipelines:
                self._pipelines.move_to_end(published)
                return self._pipelines[published]
            from newstrace.pipeline import build_pipeline
            from newstrace.types import AnalysisOptions, ErrorPolicy

            pipe = build_pipeline(AnalysisOptions(published=published, error_policy=ErrorPolicy.RAISE))
            self._pipelines[published] = pipe
            while len(self._pipelines) > 4:
                self._pipelines.popitem(last=False)
            return pipe

    def check_write(self, request: Request, form_token: str | None = None) -> None:
        """Writes need the server's token: Authorization: Bearer, or a form field."""
        if not self.token:
            raise WritesDisabled("writes are off: the server was started without --token")
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else form_token
        if not given:
            raise AuthRequired("this needs the server's token (Authorization: Bearer <token>)")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise AuthInvalid("the token is wrong")

    def close(self) -> None:
        for store in self._opened:
            try:
                store.close()
            except Exception:  # noqa: BLE001, S110 - other threads' connections; the process is ending
                pass
        self._opened.clear()


def template_env() -> Environment:
    from newstrace.web.display import span_html, time_html
    from newstrace.web.timeline import human_date

    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = lambda v: human_date(v) if v else ""
    env.filters["when"] = time_html  # a date in words, the exact value on hover
    env.globals["date_span"] = span_html
    env.filters["distinct_chains"] = _distinct_chains
    env.globals["version"] = __version__
    return env


def _distinct_chains(chains: list[dict]) -> list[dict]:
    """Quote chains with an intermediary (longer than site ← speaker), each once."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for c in chains:
        key = tuple(c["chain"])
        if len(key) > 2 and key not in seen:
            seen.add(key)
            out.append(c)
    return out


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, code: str, message: str, status: int | None = None) -> Response:
    """The one place an error becomes a response (JSON for the API, HTML for pages)."""
    status = status or status_for(code)
    if wants_json(request):
        return JSONResponse(error_body(code, message), status_code=status)
    desk: Desk = request.app.state.desk
    html = desk.templates.get_template("error.html").render(status=status, code=code, message=message, writes=bool(desk.token))
    return HTMLResponse(html, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    from newstrace.errors import NewstraceError

    @app.exception_handler(NewstraceError)
    async def _newstrace(request: Request, exc: NewstraceError) -> Response:
        status, code, message = from_exception(exc)
        return error_response(request, code, message, status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(request, BadRequest.code, "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_response(request, RouteNotFound.code, f"no page at {request.url.path}")
        if exc.status_code == 405:
            return error_response(request, MethodNotAllowed.code, f"{request.method} is not allowed on {request.url.path}")
        return error_response(request, "request", str(exc.detail), exc.status_code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        status, code, message = from_exception(exc)
        return error_response(request, code, message, status)


def create_app(
    db: str | Path | None = None, token: str | None = None, hosts: Iterable[str] = LOOPBACK_NAMES
) -> FastAPI:
    """The desk over the store at ``db`` (default: $NEWSTRACE_DB or the user data dir).

    ``hosts``: the Host header names it answers to (see newstrace.web.hosts; ``*``: any).
    """
    from contextlib import asynccontextmanager

    desk = Desk(db=str(db) if db is not None else None, token=token or None, templates=template_env())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        desk.close()

    app = FastAPI(
        title="newstrace reader's desk",
        version=__version__,
        description=(
            "Who said what, when, citing whom, and where accounts conflict. Every page of the desk has its data at "
            "the same path under /api. Errors always have the shape {\"error\": {\"code\", \"message\"}}; "
            "writes need `Authorization: Bearer <token>` and are off unless the server has a token."
        ),
        docs_url=None,  # Swagger UI needs inline script and a CDN; the schema is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
        responses={
            400: {"model": _error_model(), "description": "invalid request"},
            404: {"model": _error_model(), "description": "not found"},
        },
    )
    app.state.desk = desk
    _install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=5)  # pages of statements compress ~8x
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, hosts=frozenset(h.lower() for h in hosts))  # outermost: checked first
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from newstrace.web.api import router as api_router
    from newstrace.web.list_routes import api as list_api
    from newstrace.web.list_routes import pages as list_pages
    from newstrace.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(list_api)
    app.include_router(page_router)
    app.include_router(list_pages)
    return app


def _error_model() -> type:
    from newstrace.web.schemas import ErrorResponse

    return ErrorResponse


def new_token() -> str:
    return secrets.token_urlsafe(24)
