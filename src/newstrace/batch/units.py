"""Work units: what one worker analyses in one go, and how inputs are cut into them.

One input (a WARC, a JSON-lines feed dump, a folder of pages, a page) becomes one or
more units. Large record-gzipped WARCs and JSON-lines dumps are cut into byte ranges
(``split_bytes`` each); a range owns the records that *start* inside it, so ranges
partition the records exactly and can be read independently (see readers.py).
Folders are walked lazily and cut into lists of at most ``files_per_unit`` pages.

A unit's ``key`` names exactly what it covers (path, file size, range or file list),
so a completion marker stored under the key stays true only while the input is
unchanged; a grown or edited file gets new keys and is analysed again (the store's
content-hash upsert keeps that from duplicating anything).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newstrace.errors import InputError, InputNotFound, InputUnreadable
from newstrace.ingest.files import ARTICLE_SUFFIXES
from newstrace.types import Failure

UnitKind = Literal["files", "warc", "jsonl"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# How far into a .warc.gz the planner looks for the end of the first gzip member before
# deciding the file is one gzip stream (which cannot be cut) rather than one member per record.
_PROBE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PlanOptions:
    split_bytes: int = 16 * 1024 * 1024  # a WARC / dump range; about 500-1,000 CC-NEWS records
    files_per_unit: int = 64


@dataclass(frozen=True, slots=True)
class WorkUnit:
    """One piece of work. ``start``/``end`` are byte offsets (end exclusive; -1: to the end)."""

    kind: UnitKind
    path: str  # the input file, or the folder the files came from
    start: int = 0
    end: int = -1
    files: tuple[str, ...] = ()  # kind "files"
    size: int = 0  # bytes this unit covers (progress and ETA)
    file_size: int = 0  # size of the whole input file when the unit was planned
    single: bool = False  # just the one record at ``start`` (retrying a failed record)
    # Documents left out, each recorded as failed instead: (location, code, reason). Set when a
    # document took its worker down twice (batch.pool); not part of the key, so the unit's marker
    # is the same whatever it skipped.
    skip: tuple[tuple[str, str, str], ...] = ()

    @property
    def key(self) -> str:
        """Stable identity of the unit, for its completion marker."""
        if self.kind == "files":
            digest = hashlib.sha256("\0".join(self.files).encode("utf-8", "surrogateescape")).hexdigest()[:20]
            return f"files:{self.path}:{len(self.files)}:{digest}:{self.size}"
        span = f"{self.start}" if self.single else f"{self.start}-{self.end}"
        return f"{self.kind}:{self.path}@{self.file_size}#{span}"

    @property
    def location(self) -> str:
        """How failures of the unit as a whole name it (``--retry-failed`` reads it back)."""
        if self.kind == "files":
            return self.files[0] if len(self.files) == 1 else f"{self.path}#files={self.files[0]}..{self.files[-1]}"
        if self.single:
            return f"{self.path}#offset={self.start}"
        if self.start == 0 and self.end < 0:
            return self.path
        return f"{self.path}#range={self.start}-{self.end}"


def kind_of(path: Path) -> UnitKind:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "files"


def _record_gzipped(path: Path) -> bool:
    """True when a .gz file is a series of gzip members (one per record), which can be cut."""
    decomp = zlib.decompressobj(wbits=31)
    read = 0
    with path.open("rb") as fh:
        while read < _PROBE_BYTES:
            block = fh.read(64 * 1024)
            if not block:
                return False
            read += len(block)
            try:
                decomp.decompress(block, 0)
            except zlib.error:
                return False
            if decomp.eof:
                return bool(decomp.unused_data) or bool(fh.read(1))
    return False


def splittable(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return _record_gzipped(path)
    return name.endswith((".jsonl", ".ndjson"))


def ranges(path: Path, kind: UnitKind, size: int, options: PlanOptions) -> Iterator[WorkUnit]:
    """One unit for the whole file, or byte ranges of ``split_bytes`` where it can be cut."""
    if size <= options.split_bytes or not splittable(path):
        yield WorkUnit(kind, str(path), 0, -1, size=size, file_size=size)
        return
    for start in range(0, size, options.split_bytes):
        end = min(start + options.split_bytes, size)
        yield WorkUnit(kind, str(path), start, end, size=end - start, file_size=size)


def _file_units(folder: str, files: Iterable[Path], options: PlanOptions) -> Iterator[WorkUnit]:
    chunk: list[str] = []
    size = 0
    for file in files:
        try:
            size += file.stat().st_size
        except OSError:
            pass  # the reader reports it as a failure
        chunk.append(str(file))
        if len(chunk) >= options.files_per_unit:
            yield WorkUnit("files", folder, files=tuple(chunk), size=size)
            chunk, size = [], 0
    if chunk:
        yield WorkUnit("files", folder, files=tuple(chunk), size=size)


def plan(inputs: Iterable[str | Path], options: PlanOptions = PlanOptions()) -> Iterator[WorkUnit | Failure]:
    """The units of every input, lazily (a huge folder is never listed whole), or a Failure
    for an input that gives nothing to read."""
    for raw in inputs:
        path = Path(raw).absolute()
        if not path.exists():
            yield _failure(InputNotFound("does not exist", input=str(path)))
        elif path.is_dir():
            yield from _folder_units(path, options)
        elif kind_of(path) in ("warc", "jsonl"):
            try:
                size = path.stat().st_size
                yield from ranges(path, kind_of(path), size, options)
            except OSError as exc:
                yield _failure(InputUnreadable(f"cannot be read ({exc.__class__.__name__}: {exc})", input=str(path)))
        else:
            yield from _file_units(str(path.parent), [path], options)


def _folder_units(folder: Path, options: PlanOptions) -> Iterator[WorkUnit | Failure]:
    """Pages in a folder become file-list units; WARCs and dumps inside it get units of their own."""
    if not os.access(folder, os.R_OK | os.X_OK):
        yield _failure(InputUnreadable("directory cannot be read (permission denied)", input=str(folder)))
        return
    pages: list[Path] = []
    found = False
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            candidate = Path(root) / name
            kind = kind_of(candidate)
            if kind != "files":
                found = True
                try:
                    yield from ranges(candidate, kind, candidate.stat().st_size, options)
                except OSError as exc:
                    yield _failure(InputUnreadable(f"cannot be read ({exc})", input=str(candidate)))
            elif name.lower().endswith(ARTICLE_SUFFIXES):
                found = True
                pages.append(candidate)
                if len(pages) >= options.files_per_unit:
                    yield from _file_units(str(folder), pages, options)
                    pages = []
    if pages:
        yield from _file_units(str(folder), pages, options)
    if not found:
        suffixes = ", ".join(ARTICLE_SUFFIXES + WARC_SUFFIXES + JSONL_SUFFIXES)
        yield _failure(InputError(f"directory holds no readable article file ({suffixes})", input=str(folder)))


def _failure(exc: InputError) -> Failure:
    return Failure(exc.input or "?", exc.code, exc.message)


def total_bytes(inputs: Iterable[str | Path]) -> int:
    """The bytes a run will read (for the progress bar), walking folders without listing them."""
    total = 0
    for raw in inputs:
        path = Path(raw)
        try:
            if path.is_dir():
                for root, dirs, files in os.walk(path):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    for name in files:
                        if not name.startswith(".") and (name.lower().endswith(ARTICLE_SUFFIXES) or kind_of(Path(name)) != "files"):
                            total += os.path.getsize(os.path.join(root, name))
            elif path.exists():
                total += path.stat().st_size
        except OSError:
            continue
    return total


def record_starts(unit: WorkUnit) -> list[int]:
    """Offsets of the records (WARC gzip members, dump lines) that start in a ranged unit."""
    if unit.single:
        return [unit.start]
    starts: list[int] = []
    with open(unit.path, "rb") as fh:
        if unit.kind == "warc":
            from newstrace.ingest.warc import next_member

            at = next_member(fh, unit.start, unit.end)
            while at is not None:
                starts.append(at)
                at = next_member(fh, at + 1, unit.end)
        else:
            fh.seek(max(0, unit.start - 1))
            pos = unit.start
            if unit.start > 0:
                while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                    pass
                pos = fh.tell()
            while (unit.end < 0 or pos < unit.end) and (line := fh.readline(1 << 20)):
                starts.append(pos)
                while not line.endswith(b"\n") and (line := fh.readline(1 << 20)):
                    pass
                pos = fh.tell()
    return starts


def split_unit(unit: WorkUnit) -> list[WorkUnit]:
    """Two halves of ``unit`` (by pages, or by the records its range holds); one single-record
    unit when it holds one record; nothing when it cannot be cut further (one page, one record)."""
    if unit.kind == "files":
        if len(unit.files) < 2:
            return []
        half = len(unit.files) // 2
        return [dataclasses.replace(unit, files=unit.files[:half]), dataclasses.replace(unit, files=unit.files[half:])]
    if unit.single or (unit.kind == "warc" and not unit.path.lower().endswith(".gz")) or unit.path.lower().endswith(".jsonl.gz"):
        return []  # one record, or a file whose records cannot be reached by offset
    starts = record_starts(unit)
    if len(starts) <= 1:
        return [dataclasses.replace(unit, start=starts[0], end=-1, single=True, size=unit.size)] if starts else []
    mid = starts[len(starts) // 2]
    first = dataclasses.replace(unit, end=mid, size=max(0, mid - unit.start))
    second = dataclasses.replace(unit, start=mid, size=max(0, (unit.end if unit.end >= 0 else unit.file_size) - mid))
    return [first, second]
