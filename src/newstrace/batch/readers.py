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
from typing import BinaryIO

from newstrace.batch.units import WorkUnit
from newstrace.errors import InputError, NewstraceError
from newstrace.ingest.files import read_file
from newstrace.limits import Limits, over_limit
from newstrace.model import RawDocument, SourceRef
from newstrace.types import Failure


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


def _warc(unit: WorkUnit) -> Iterator[RawDocument | Failure]:
    """The records that start in the unit's range; a damaged one is a Failure at ``FILE#offset=N``."""
    from newstrace.ingest.warc import read_records

    try:
        fh = open(unit.path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc.strerror})")
        return
    with fh:
        try:
            for item in read_records(fh, unit.path, start=unit.start, end=unit.end, single=unit.single):
                yield _fail(item, unit.location) if isinstance(item, NewstraceError) else item
        except NewstraceError as exc:  # not an archive at all
            yield _fail(exc, unit.location)
        except OSError as exc:
            yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc.strerror})")


# -- JSON lines ------------------------------------------------------------------


def _jsonl(unit: WorkUnit) -> Iterator[RawDocument | Failure]:
    path = unit.path
    try:
        fh: BinaryIO = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
    except OSError as exc:
        yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc})")
        return
    limits = Limits.from_env()
    longest = 2 * limits.input_bytes + 4096  # JSON escapes can double a page's bytes
    with fh:
        try:
            if unit.start > 0 and not unit.single:
                fh.seek(unit.start - 1)
                _skip_line(fh)  # to the first line that starts at or after `start`
            else:
                fh.seek(unit.start)
            while True:
                pos = fh.tell()
                if unit.end >= 0 and pos >= unit.end and not unit.single:
                    break
                line = fh.readline(longest)
                if not line:
                    break
                location = f"{path}#offset={pos}"
                if len(line) >= longest and not line.endswith(b"\n"):
                    _skip_line(fh)  # never held whole: a line can be any length
                    yield _fail(over_limit("the line is larger than the limit", "input_bytes", limits, location), location)
                elif line.strip():
                    yield _jsonl_document(line, location)
                if unit.single:
                    break
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(unit.location, "input.unreadable", f"cannot be read ({exc.__class__.__name__}: {exc})")


def _skip_line(fh: BinaryIO) -> None:
    while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
        pass


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
