"""Files and directories to RawDocuments, with typed errors for every bad input."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from newstrace.errors import EmptyInput, InputError, InputNotFound, InputUnreadable
from newstrace.limits import Limits, over_limit
from newstrace.model import RawDocument, SourceRef

# Suffixes a directory walk picks up; an explicitly named file is read whatever its name.
ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".html.gz", ".htm.gz", ".txt.gz")
_CHUNK = 1 << 20


def _content_type(path: Path) -> str | None:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".html", ".htm", ".xhtml")):
        return "text/html"
    if name.endswith((".txt", ".text")):
        return "text/plain"
    return None  # sniffed from the content later


class Readable(Protocol):
    """A binary stream: a file, a gzip file, a response body."""

    def read(self, size: int = ..., /) -> bytes: ...


def read_limited(stream: Readable, limits: Limits, location: str, what: str = "is larger than the limit") -> bytes:
    """At most ``limits.input_bytes`` from ``stream``, read in chunks; raises InputTooLarge beyond.

    Decompressing streams stop at the limit, so a small archive that expands to gigabytes
    costs one chunk over the limit, never the whole expansion.
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limits.input_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limits.input_bytes:
            raise over_limit(what, "input_bytes", limits, location)
    return b"".join(chunks)


def read_file(path: Path, limits: Limits | None = None) -> RawDocument:
    """Read one file (gzip-compressed when it ends in .gz) into a RawDocument."""
    limits = limits or Limits.from_env()
    location = str(path)
    if not path.exists():
        raise InputNotFound("does not exist", input=location)
    if not path.is_file():
        raise InputUnreadable("is not a regular file", input=location)
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as stream:
                data = read_limited(stream, limits, location, "is larger than the limit once decompressed")
        else:
            size = path.stat().st_size
            if size > limits.input_bytes:
                raise over_limit(f"is {size:,} bytes, larger than the limit", "input_bytes", limits, location)
            with path.open("rb") as stream:
                data = read_limited(stream, limits, location)
    except PermissionError:
        raise InputUnreadable("cannot be read (permission denied)", input=location) from None
    except (OSError, EOFError) as exc:
        raise InputUnreadable(f"cannot be read ({exc.__class__.__name__}: {exc})", input=location) from None
    if not data:
        raise EmptyInput("is empty", input=location)
    mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    return RawDocument(
        content=data,
        source=SourceRef("file", location),
        content_type=_content_type(path),
        fetched_at=mtime,
    )


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Yield each file to read, or an InputError for a path that gives nothing.

    Directories are walked recursively (streaming, never listed whole into
    memory); a directory with no readable article file yields one error.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield InputNotFound("does not exist", input=str(path))
        elif path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield InputUnreadable("directory cannot be read (permission denied)", input=str(path))
                continue
            found = False
            for file in _walk(path):
                found = True
                yield file
            if not found:
                yield InputError(
                    f"directory holds no readable article file ({', '.join(ARTICLE_SUFFIXES)})",
                    input=str(path),
                )
        else:
            yield path
