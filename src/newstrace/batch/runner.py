"""A batch run: plan units, skip the finished ones, run the rest on an engine, write, report.

Exactly once, whatever happens to the run:

- Articles are keyed by content hash and written with an upsert, sources with
  insert-or-ignore; writing a document twice changes nothing.
- A unit's completion marker is written in the same transaction as its last
  documents. A run killed at any point (kill -9, power loss) leaves only whole
  transactions behind; started again, it skips the units with a marker and redoes
  the others, whose already-stored documents come back as duplicates.
- With SQLite this process is the single writer (workers send their outcomes back);
  with PostgreSQL every worker writes its own results, concurrently.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from newstrace.batch.engines import Engine, make_engine
from newstrace.batch.progress import Progress
from newstrace.batch.units import PlanOptions, WorkUnit, kind_of, plan, ranges, total_bytes
from newstrace.batch.worker import DEFAULT_FACTORY, JobSpec, UnitResult
from newstrace.model import Article
from newstrace.service import IngestService
from newstrace.store import Store, open_store
from newstrace.store.base import UnitDone
from newstrace.types import AnalysisOptions, ErrorPolicy, Failure

SERVER_SCHEMES = ("postgresql://", "postgres://")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    workers: int = 0  # local worker processes; 0: as many as CPU cores (see resolved_workers)
    scheduler: str | None = None  # Dask scheduler address, or "local" for a LocalCluster of `workers`
    db: str | None = None  # SQLite path or postgresql:// URL (None: the default SQLite file)
    analysis: AnalysisOptions = AnalysisOptions(error_policy=ErrorPolicy.RECORD)
    plan: PlanOptions = PlanOptions()
    write_batch: int = 200  # documents per write transaction
    retry_failed: bool = False  # re-run only the inputs the store lists as failed
    progress: TextIO | None = None  # where to draw the progress bar (None: no bar)
    pipeline_factory: str = DEFAULT_FACTORY
    inline: bool = False  # no worker processes at all (tests, debugging)
    link: bool = True  # join new articles to the store's stories, claims, conflicts, entities

    def resolved_workers(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)


@dataclass(slots=True)
class BatchSummary:
    units: int = 0  # units run in this run
    skipped_units: int = 0  # units an earlier run had finished
    documents: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    unit_failures: int = 0  # units that could not be run at all (their documents are in `failed`)
    not_retried: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker_cpu_seconds: float = 0.0  # CPU time the workers spent on the units, all together
    workers: int = 1
    engine: str = "local"

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        out = [
            f"{self.documents} documents in {self.seconds:.1f} s ({self.docs_per_second:.1f} docs/s,"
            f" {self.workers} worker{'s' if self.workers != 1 else ''}, {self.engine})",
            f"stored {self.stored}, duplicates {self.duplicate}, failed {self.failed}",
            f"units run {self.units}, skipped as already done {self.skipped_units}"
            + (f", units that could not run {self.unit_failures}" if self.unit_failures else ""),
        ]
        if self.not_retried:
            out.append(f"not retried (not batch inputs): {len(self.not_retried)}")
        if self.failed:
            out.append("see `newstrace failures` for what failed and why; `newstrace batch --retry-failed` re-runs those")
        return out


class _Writer:
    """Buffers outcomes and markers and writes them in transactions of about ``batch`` documents."""

    def __init__(self, service: IngestService, summary: BatchSummary, batch: int, max_wait: float = 2.0) -> None:
        self.service = service
        self.summary = summary
        self.batch = batch
        self.max_wait = max_wait
        self.outcomes: list[Article | Failure] = []
        self.done: list[UnitDone] = []
        self.since = time.monotonic()

    def add(self, outcomes: Iterable[Article | Failure], done: UnitDone | None = None) -> None:
        self.outcomes.extend(outcomes)
        if done is not None:
            self.done.append(done)
        if len(self.outcomes) >= self.batch or time.monotonic() - self.since >= self.max_wait:
            self.flush()

    def flush(self) -> None:
        if self.outcomes or self.done:
            counts = self.service.take_batch(self.outcomes, self.done)
            self.summary.stored += counts.stored
            self.summary.duplicate += counts.duplicate
        self.outcomes, self.done = [], []
        self.since = time.monotonic()


def run_batch(inputs: Iterable[str | Path], options: BatchOptions = BatchOptions(), engine: Engine | None = None) -> BatchSummary:
    """Analyse and store every document of ``inputs``, resuming where an earlier run stopped.

    ``engine``: run on this (already started) engine and leave it open; by default one is
    made from ``options`` and closed at the end."""
    inputs = list(inputs)  # the command-line inputs, not the files inside them
    began = time.perf_counter()
    server = bool(options.db) and str(options.db).startswith(SERVER_SCHEMES)
    workers = options.resolved_workers()
    summary = BatchSummary(workers=workers, engine=("dask " + options.scheduler) if options.scheduler else "local processes")
    # Limits resolved here, so every worker (remote ones too) holds documents to the same ones.
    analysis = dataclasses.replace(options.analysis, error_policy=ErrorPolicy.RECORD, limits=options.analysis.resolved_limits())
    job = JobSpec(analysis, options.pipeline_factory, str(options.db) if server else None, options.write_batch)
    store = open_store(options.db)
    try:
        own_engine = engine is None
        if engine is None:
            engine = make_engine(0 if options.inline else workers, options.scheduler, analysis.resolved_limits().doc_memory_mb)
        summary.workers = engine.workers
        progress = Progress(total_bytes(inputs) if options.progress is not None and not options.retry_failed else 0, options.progress)
        # Workers that write (PostgreSQL) store unlinked; this process links what they stored.
        link_later = options.link and server
        writer = _Writer(IngestService(store, link=options.link and not server), summary, options.write_batch)
        if link_later:
            writer.service.link_pending()  # what a killed run stored but had not linked yet
        if options.retry_failed:
            planned = retry_units(store, inputs, options.plan, summary)
        else:
            planned = plan(inputs, options.plan)
        todo = _not_done(planned, store, writer, progress, summary, check=not options.retry_failed)
        try:
            for unit, result in engine.run(todo, job):
                if isinstance(result, BaseException):
                    if str(getattr(result, "code", "")).startswith("store"):
                        raise result  # the store failed (full, locked, gone): stop; a rerun resumes
                    _unit_failed(unit, result, writer, summary)
                    progress.advance(unit.size, 0)
                    continue
                _take(result, writer, summary)
                if link_later and result.written is not None:
                    IngestService(store).link_stored(result.written.stored_ids)
                progress.advance(unit.size, result.documents)
            writer.flush()
            if link_later:
                IngestService(store).link_pending()
        finally:
            if own_engine:
                engine.close()
            progress.close()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - began
    return summary


def _take(result: UnitResult, writer: _Writer, summary: BatchSummary) -> None:
    summary.units += 1
    summary.worker_cpu_seconds += result.cpu_seconds
    summary.documents += result.documents
    summary.failed += result.failed
    if result.written is not None:  # the worker wrote its results (PostgreSQL)
        summary.stored += result.written.stored
        summary.duplicate += result.written.duplicate
        return
    marker = UnitDone(result.key, result.location, result.documents, result.failed)
    writer.add(result.outcomes, marker)


def _unit_failed(unit: WorkUnit, error: BaseException, writer: _Writer, summary: BatchSummary) -> None:
    """A unit that could not run at all: recorded as failed, with no marker (a rerun tries it again)."""
    code = getattr(error, "code", "batch.unit_failed")
    message = getattr(error, "message", None) or f"{error.__class__.__name__}: {error}"
    summary.unit_failures += 1
    # Pages are retried one by one; an archive range as a whole.
    inputs = unit.files if unit.kind == "files" else (unit.location,)
    failures = [Failure(name, code, f"the unit could not be analysed ({message})") for name in inputs]
    summary.failed += len(failures)
    writer.add(failures)


def _not_done(
    planned: Iterable[WorkUnit | Failure], store: Store, writer: _Writer, progress: Progress, summary: BatchSummary, *, check: bool
) -> Iterator[WorkUnit]:
    """The planned units without a completion marker, looked up a few hundred at a time."""
    chunk: list[WorkUnit] = []

    def release() -> Iterator[WorkUnit]:
        done = store.done_units([u.key for u in chunk]) if check else set()
        for unit in chunk:
            if unit.key in done:
                summary.skipped_units += 1
                progress.skipped(unit.size)
            else:
                yield unit

    for item in planned:
        if isinstance(item, Failure):
            summary.failed += 1
            writer.add([item])
            continue
        chunk.append(item)
        if len(chunk) >= 256:
            yield from release()
            chunk = []
    yield from release()


_OFFSET = re.compile(r"^(?P<path>.+)#offset=(?P<offset>\d+)$")
_RANGE = re.compile(r"^(?P<path>.+)#range=(?P<start>\d+)-(?P<end>-?\d+)$")


def retry_units(store: Store, inputs: Iterable[str | Path], options: PlanOptions, summary: BatchSummary) -> Iterator[WorkUnit | Failure]:
    """Units that re-run exactly what the store lists as failed (under ``inputs``, if any)."""
    prefixes = [str(Path(p).absolute()) for p in inputs]
    for row in store.failures():
        name = row.input
        if prefixes and not any(name == p or name.startswith(p.rstrip("/") + "/") or name.startswith(p + "#") for p in prefixes):
            continue
        if m := _OFFSET.match(name):
            path = Path(m["path"])
            if path.is_file():
                yield WorkUnit(kind_of(path), str(path), int(m["offset"]), -1, size=0, file_size=path.stat().st_size, single=True)
                continue
        if m := _RANGE.match(name):
            path = Path(m["path"])
            if path.is_file():
                start, end = int(m["start"]), int(m["end"])
                yield WorkUnit(kind_of(path), str(path), start, end, size=max(0, end - start), file_size=path.stat().st_size)
                continue
        path = Path(name)
        if "://" in name.split("#")[0] or not path.is_absolute():
            summary.not_retried.append(name)
        elif path.is_file() and kind_of(path) != "files":
            yield from ranges(path, kind_of(path), path.stat().st_size, options)
        elif path.is_file():
            yield WorkUnit("files", str(path.parent), files=(str(path),), size=path.stat().st_size)
        else:
            yield from plan([path], options)  # a folder, or an input that is still missing
