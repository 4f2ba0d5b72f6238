"""Read one work unit as a stream of RawDocuments (or Failures), one record at a time.

Byte ranges: a range ``[start, end)`` owns the records that *start* inside it. The
reader of a range that does not begin at 0 first moves to the first record start at or
after ``start`` (the next gzip member that opens with ``WARC/``, or the next line of a
JSON-lines dump); it reads on while records start before ``end``, finishing the last one
even where it runs past ``end``. Neighbouring ranges therefore see every record exactly once.

Record locations are ``<file>#offset=<n>`` (as ``newstrace.ingest.warc`` names them), so a
failed record can be read again on its own.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from newstrace.batch.units import WorkUnit
from newstrace.errors import InputError, NewstraceError
from newstrace.ingest.files import read_file
from newstrace.model import RawDocument, SourceRef
from newstrace.pipeline import Failure

_GZIP_MAGIC = b"\x1f\x8b\x08"


def read_unit(unit: WorkUnit) -> Iterator[RawDocument | Failure]:
    if unit.kind == "files":
        yield from _files(unit)
    elif unit.kind == "warc":
        yield from _warc(unit)
    else:
        yield from _jsonl(unit)


def _fail(exc: NewstraceError, location: str) -> Failure:
    return Failure(exc.input or location, exc.code, exc.message)


def _files(unit: WorkUnit) -> Iterator[RawDocument | Failure]:
    for name in unit.files:
        try:
            yield read_file(Path(name))
        except NewstraceError as exc:
            yield _fail(exc, name)


# -- WARC ----------------------------------------------------------------------


def next_member(fh: BinaryIO, start: int, end: int) -> int | None:
    """Offset of the first gzip member at or after ``start`` (and before ``end``) that holds a WARC record."""
    pos = start
    carry = b""
    while end < 0 or pos < end:
        fh.seek(pos + len(carry))
        block = fh.read(1 << 16)
        if not block:
            return None
        data = carry + block
        i = data.find(_GZIP_MAGIC)
        while i >= 0:
            candidate = pos + i
            if end >= 0 and candidate >= end:
                return None
            if _opens_warc_record(fh, candidate):
                return candidate
            i = data.find(_GZIP_MAGIC, i + 1)
        # keep the last two bytes: a magic number may straddle two blocks
        pos += len(data) - 2
        carry = data[-2:]
    return None


def _opens_warc_record(fh: BinaryIO, offset: int) -> bool:
    here = fh.tell()
    try:
        fh.seek(offset)
        head = fh.read(16 * 1024)
        out = zlib.decompressobj(wbits=31).decompress(head, 64)
        return out.startswith((b"WARC/", b"\r\nWARC/"))
    except zlib.error:
        return False
    finally:
        fh.seek(here)


def _warc(unit: WorkUnit) -> Iterator[RawDocument | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    path = unit.path
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc})")
        return
    with fh:
        start = unit.start
        if start > 0 and not unit.single:
            found = next_member(fh, start, unit.end)
            if found is None:
                return  # no record starts in this range
            start = found
        fh.seek(start)
        records = ArchiveIterator(fh, arc2warc=True)
        offset = start
        try:
            for record in records:
                offset = records.offset  # where this record starts
                if unit.end >= 0 and offset >= unit.end and not unit.single:
                    break
                raw = _warc_document(record, f"{path}#offset={offset}")
                if raw is not None:
                    yield raw
                if unit.single:
                    break
        except Exception as exc:  # noqa: BLE001 - a damaged archive: record where, keep what was read
            where = f"{path}#range={offset}-{unit.end}" if not unit.single else f"{path}#offset={offset}"
            yield Failure(where, "input.unreadable", f"damaged WARC from here on ({exc.__class__.__name__}: {exc})")


def _warc_document(record: Any, location: str) -> RawDocument | None:
    """The ingest helper's rules (newstrace.ingest.warc): HTML 2xx responses only."""
    from newstrace.ingest.warc import record_document

    return record_document(record, location)


# -- JSON lines ------------------------------------------------------------------


def _jsonl(unit: WorkUnit) -> Iterator[RawDocument | Failure]:
    path = unit.path
    try:
        fh: BinaryIO = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
    except OSError as exc:
        yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc})")
        return
    with fh:
        try:
            if unit.start > 0 and not unit.single:
                fh.seek(unit.start - 1)
                fh.readline()  # to the first line that starts at or after `start`
            else:
                fh.seek(unit.start)
            while True:
                pos = fh.tell()
                if unit.end >= 0 and pos >= unit.end and not unit.single:
                    break
                line = fh.readline()
                if not line:
                    break
                if line.strip():
                    yield _jsonl_document(line, f"{path}#offset={pos}")
                if unit.single:
                    break
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc})")


def _jsonl_document(line: bytes, location: str) -> RawDocument | Failure:
    """One dump line: {"url", "html" | "text" | "content", "published", "content_type"}."""
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError("a line is not a JSON object")
    except ValueError as exc:
        return Failure(location, "input.unreadable", f"not a JSON object ({exc})")
    for field, content_type in (("html", "text/html"), ("text", "text/plain"), ("content", None), ("body", None)):
        value = item.get(field)
        if isinstance(value, str) and value:
            break
    else:
        return _fail(InputError("has no html, text or content field", input=location), location)
    fetched = item.get("fetched_at")
    try:
        fetched_at = datetime.fromisoformat(fetched) if isinstance(fetched, str) else None
    except ValueError:
        fetched_at = None
    published = item.get("published") or item.get("date")
    return RawDocument(
        content=value.encode("utf-8", "surrogatepass"),
        source=SourceRef("jsonl", location),
        url=item.get("url"),
        content_type=item.get("content_type") or content_type,
        encoding="utf-8",
        fetched_at=fetched_at,
        published_hint=published if isinstance(published, str) else None,
    )
