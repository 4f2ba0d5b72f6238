"""Files and directories to RawDocuments, with typed errors for every bad input."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from newstrace.errors import EmptyInput, InputError, InputNotFound, InputUnreadable
from newstrace.model import RawDocument, SourceRef

# Suffixes a directory walk picks up; an explicitly named file is read whatever its name.
ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".html.gz", ".htm.gz", ".txt.gz")
# Pages larger than this are not articles; refusing them keeps memory bounded.
MAX_FILE_BYTES = 50 * 1024 * 1024


def _content_type(path: Path) -> str | None:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".html", ".htm", ".xhtml")):
        return "text/html"
    if name.endswith((".txt", ".text")):
        return "text/plain"
    return None  # sniffed from the content later


def read_file(path: Path) -> RawDocument:
    """Read one file (gzip-compressed when it ends in .gz) into a RawDocument."""
    location = str(path)
    if not path.exists():
        raise InputNotFound("does not exist", input=location)
    if not path.is_file():
        raise InputUnreadable("is not a regular file", input=location)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputUnreadable(f"is too large ({size} bytes; limit {MAX_FILE_BYTES})", input=location)
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except PermissionError:
        raise InputUnreadable("cannot be read (permission denied)", input=location) from None
    except (OSError, EOFError) as exc:
        raise InputUnreadable(f"cannot be read ({exc.__class__.__name__}: {exc})", input=location) from None
    if not data:
        raise EmptyInput("is empty", input=location)
    mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
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
