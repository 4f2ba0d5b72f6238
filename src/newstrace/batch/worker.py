"""What runs on a worker (a local process or a Dask worker): analyse one unit.

Each worker process builds the pipeline once (and, for a database server, opens its own
store connection once) and reuses them for every unit it is given. With SQLite the
outcomes go back to the single writer in the parent; with PostgreSQL the worker writes
them itself, in transactions of ``write_batch`` documents, the unit's completion marker
in the same transaction as its last documents.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from newstrace.batch.readers import read_unit
from newstrace.batch.units import WorkUnit
from newstrace.model import Article
from newstrace.pipeline import Pipeline
from newstrace.service import IngestService
from newstrace.store import Store
from newstrace.store.base import BatchCounts, UnitDone
from newstrace.types import AnalysisOptions, ErrorPolicy, Failure

DEFAULT_FACTORY = "newstrace.pipeline:build_pipeline"


@dataclass(frozen=True, slots=True)
class JobSpec:
    """Everything a worker needs to know, sent to it once (it must pickle)."""

    options: AnalysisOptions = AnalysisOptions(error_policy=ErrorPolicy.RECORD)
    pipeline_factory: str = DEFAULT_FACTORY  # "module:callable" taking AnalysisOptions, returning a Pipeline
    db: str | None = None  # a database server URL: workers write their own results there
    write_batch: int = 200  # documents per transaction when workers write
    mark_done: bool = True  # write completion markers (not when retrying failures)


@dataclass(slots=True)
class UnitResult:
    key: str
    location: str
    size: int
    documents: int = 0
    failed: int = 0
    outcomes: list[Article | Failure] = field(default_factory=list)  # for the parent to write
    written: BatchCounts | None = None  # when the worker wrote them itself
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the worker on this unit (shows contention: wall vs CPU)


class _WorkerState(threading.local):
    job: JobSpec | None = None
    pipeline: Pipeline | None = None
    store: Store | None = None


_STATE = _WorkerState()


def _factory(dotted: str) -> Callable[[AnalysisOptions], Pipeline]:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def prepare(job: JobSpec) -> tuple[Pipeline, Store | None]:
    """This process's (this thread's) pipeline and store for ``job``, built once."""
    if _STATE.job != job or _STATE.pipeline is None:
        if _STATE.store is not None:
            _STATE.store.close()
        _STATE.pipeline = _factory(job.pipeline_factory)(job.options)
        _STATE.store = None
        if job.db is not None:
            from newstrace.store import open_store

            _STATE.store = open_store(job.db)
        _STATE.job = job
    return _STATE.pipeline, _STATE.store


def process_unit(unit: WorkUnit, job: JobSpec, on_document: Callable[[str], None] | None = None) -> UnitResult:
    """Analyse every document of ``unit``; write the results when the job says workers write.

    ``on_document`` is told the location of each document before its analysis starts (the
    watched pool's way of knowing which document a worker is on); documents in ``unit.skip``
    are not analysed but recorded as failed, with the reason given there.
    """
    began, cpu = time.perf_counter(), time.process_time()
    pipeline, store = prepare(job)
    result = UnitResult(unit.key, unit.location, unit.size)
    pending: list[Article | Failure] = []
    written = BatchCounts()
    skip = {location: Failure(location, code, reason) for location, code, reason in unit.skip}
    for item in read_unit(unit):
        if isinstance(item, Failure):
            outcome: Article | Failure = item
        elif item.source.location in skip:
            outcome = skip[item.source.location]
        else:
            if on_document is not None:
                on_document(item.source.location)
            outcome = next(iter(pipeline.run_raw([item])))
        result.documents += 1
        result.failed += isinstance(outcome, Failure)
        if store is not None and len(pending) >= job.write_batch:
            # flushed before adding, so the unit's last outcome always shares the marker's transaction
            written = _add(written, IngestService(store, link=False).take_batch(pending))
            pending = []
        pending.append(outcome)
    done = [UnitDone(unit.key, unit.location, result.documents, result.failed)] if job.mark_done else []
    if store is not None:
        # workers store unlinked: linking is incremental and runs in the writer's process
        result.written = _add(written, IngestService(store, link=False).take_batch(pending, done))
    else:
        result.outcomes = pending
    result.seconds = time.perf_counter() - began
    result.cpu_seconds = time.process_time() - cpu
    return result


def _add(a: BatchCounts, b: BatchCounts) -> BatchCounts:
    return BatchCounts(a.stored + b.stored, a.duplicate + b.duplicate, a.failed + b.failed)
