"""WARC and ARC files, gzipped or not (warcio), streamed record by record.

Only HTTP responses whose Content-Type is HTML (or unstated and sniffed as HTML) become
documents; request, metadata, revisit and DNS records are skipped. The record's target URI and
date become ``RawDocument.url`` and ``fetched_at``. A WARC says when a page was captured, not when
it was published, so ``published_hint`` stays None.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newstrace.errors import InputError, InputNotFound, InputUnreadable
from newstrace.ingest.charset import charset_from_content_type
from newstrace.model import RawDocument, SourceRef

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class WarcOptions:
    max_bytes: int = 10 * 1024 * 1024  # larger payloads are skipped
    ok_only: bool = True  # keep HTTP 2xx responses only
    sniff_untyped: bool = True  # treat a response with no Content-Type as HTML when it looks like it


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    try:
        if text.isdigit() and len(text) == 14:  # ARC dates: 20191119100200
            return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _looks_html(head: bytes) -> bool:
    lowered = head[:1024].lstrip().lower()
    return lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered


def record_document(record: Any, location: str, options: WarcOptions | None = None) -> RawDocument | None:
    """The HTML response a warcio record holds, as a document at ``location``; None for any other record.

    One rule for every reader of archives (this module's and the batch engine's byte-range reader).
    """
    options = options or WarcOptions()
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if options.ok_only and not (status and status.startswith("2")):
        return None
    content_type = record.http_headers.get_header("Content-Type")
    media = content_type.split(";")[0].strip().lower() if content_type else None
    if media is not None and not media.startswith(_HTML_TYPES):
        return None
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes or not payload:
        return None
    if media is None and not (options.sniff_untyped and _looks_html(payload)):
        return None
    return RawDocument(
        content=payload,
        source=SourceRef("warc", location),
        url=record.rec_headers.get_header("WARC-Target-URI"),
        content_type=media or "text/html",
        encoding=charset_from_content_type(content_type),
        fetched_at=_when(record.rec_headers.get_header("WARC-Date")),
        published_hint=None,
    )


def read_warc(stream: BinaryIO, location: str, options: WarcOptions | None = None) -> Iterator[RawDocument]:
    """HTML responses from an open WARC/ARC byte stream, one at a time."""
    options = options or WarcOptions()
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        for record in records:
            # the offset is known only once the record has been read, so locate it afterwards
            doc = record_document(record, location, options)
            if doc is not None:
                offset = records.get_record_offset()
                yield dataclasses.replace(doc, source=SourceRef("warc", f"{location}#offset={offset}"))
    except ArchiveLoadFailed as err:
        raise InputError(f"not a WARC/ARC file: {err}", input=location) from err


def warc_documents(path: str | Path, options: WarcOptions | None = None) -> Iterator[RawDocument]:
    """HTML responses from a ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` file, streamed."""
    path = Path(path)
    if not path.exists():
        raise InputNotFound("no such file", input=str(path))
    try:
        stream = path.open("rb")
    except OSError as err:
        raise InputUnreadable(str(err), input=str(path)) from err
    with stream:
        yield from read_warc(stream, str(path), options)
