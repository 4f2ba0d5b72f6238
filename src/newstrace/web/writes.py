"""Writes from the web: ingest an uploaded file or a URL (token-protected by the caller)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from newstrace.errors import ConfigError, EmptyInput
from newstrace.model import RawDocument, SourceRef
from newstrace.web.errors import BadRequest, TooLarge

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def _content_type(filename: str, declared: str | None) -> str | None:
    name = filename.lower()
    if name.endswith((".html", ".htm", ".xhtml")):
        return "text/html"
    if name.endswith((".txt", ".text")):
        return "text/plain"
    if declared and declared.split(";")[0].strip() in ("text/html", "text/plain", "application/xhtml+xml"):
        return "text/html" if "html" in declared else "text/plain"
    return None


def _store(desk: Any, raw: RawDocument, published: str | None) -> tuple[str, str]:
    """Analyse, store and link, as every front end does (newstrace.service)."""
    from newstrace.service import IngestService

    pipeline = desk.pipeline(published or None)
    with desk.write_lock:  # one writer; analysis too, so a burst of uploads cannot exhaust memory
        done = IngestService(desk.store()).analyse(pipeline, raw)
    assert done.article_id is not None
    return done.status, done.article_id


def ingest_upload(desk: Any, content: bytes, filename: str, declared_type: str | None, published: str | None) -> tuple[str, str]:
    if len(content) > MAX_UPLOAD_BYTES:
        raise TooLarge(f"the file is {len(content)} bytes; the limit is {MAX_UPLOAD_BYTES}", input=filename)
    if not content:
        raise EmptyInput("is empty", input=filename or "upload")
    raw = RawDocument(
        content=content,
        source=SourceRef("upload", filename or "upload"),
        content_type=_content_type(filename or "", declared_type),
        fetched_at=datetime.now(UTC),
    )
    return _store(desk, raw, published)


def ingest_url(desk: Any, url: str, published: str | None) -> tuple[str, str]:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadRequest("only http(s) URLs can be ingested", input=url)
    try:
        from newstrace.ingest.http import fetch_url  # type: ignore[import-not-found]
    except ImportError:
        raise ConfigError("fetching URLs is not installed in this version (newstrace.ingest.http); upload the file instead") from None
    raw = fetch_url(url.strip())
    return _store(desk, raw, published)
