"""Where units run: in this process, in watched local worker processes, or on a Dask cluster.

Every engine takes a lazy stream of units and yields ``(unit, UnitResult | error)`` in
completion order, keeping only a few units submitted at a time, so neither the list of units
nor their results pile up in memory however large the input.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Protocol

from newstrace.batch.pool import WatchedPool, WorkerCrashed
from newstrace.batch.units import WorkUnit, split_unit
from newstrace.batch.worker import JobSpec, UnitResult, process_unit
from newstrace.errors import ConfigError

log = logging.getLogger(__name__)

Completed = tuple[WorkUnit, "UnitResult | BaseException"]


class Engine(Protocol):
    workers: int

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]: ...

    def close(self) -> None: ...


class InlineEngine:
    """No worker processes: everything in this process (workers=0; debugging and tests)."""

    workers = 1

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]:
        for unit in units:
            try:
                yield unit, process_unit(unit, job)
            except Exception as exc:  # noqa: BLE001 - reported per unit
                yield unit, exc

    def close(self) -> None:
        return None


class LocalEngine:
    """Watched worker processes on this machine (newstrace.batch.pool): a document that hangs,
    grows too large or crashes its worker is recorded as a failure, and the rest of its unit is stored."""


    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._pool: WatchedPool | None = None

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]:
        if self._pool is not None and self._pool.job != job:
            self._pool.close()
            self._pool = None
        if self._pool is None:  # kept between runs until close(): a warm pool keeps its loaded models
            self._pool = WatchedPool(self.workers, job)
        yield from self._pool.run(units)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


_ALLOWED_FAILURES = "more times than Dask allows (distributed.scheduler.allowed-failures)"


class DaskEngine:
    """A Dask distributed cluster: ``address`` of its scheduler, or "local" for a LocalCluster here.

    newstrace must be installed on the workers (the same version). Run workers with one
    thread each (``dask worker ADDRESS --nworkers N --nthreads 1``): the analysis is CPU-bound
    Python, and each worker thread would load a model of its own; and with a memory limit
    (``--memory-limit 1GiB``), so that Dask's nanny stops a worker that grows too large.

    A unit whose workers keep dying (Dask ends it with KilledWorker) is cut in halves and run
    again, and again, until the document that kills stands alone and is recorded as failed;
    the unit is marked done when all its parts are. Dask does not report which document a
    worker is on, so the per-document time limit holds on the local engine only.
    """


    def __init__(self, address: str, workers: int = 2, memory_mb: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ModuleNotFoundError:
            raise ConfigError("--scheduler needs Dask: pip install 'dask[distributed]'") from None
        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
                memory_limit=f"{memory_mb}MiB" if memory_mb else "auto",
            )
            self.client = Client(self._cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]:
        from distributed import KilledWorker, as_completed

        source = iter(units)
        owner: dict[str, WorkUnit] = {}
        parent_of: dict[str, WorkUnit] = {}  # a split unit's key -> the unit it was cut from
        open_parts: Counter[str] = Counter()  # parts of a split unit not finished yet
        stream = as_completed([], with_results=True, raise_errors=False)
        limit = 2 * self.workers

        def submit_unit(unit: WorkUnit) -> None:
            future = self.client.submit(process_unit, unit, job, pure=False, retries=1)
            owner[str(future.key)] = unit
            stream.add(future)

        def submit(n: int) -> None:
            for _ in range(n):
                unit = next(source, None)
                if unit is None:
                    return
                submit_unit(unit)

        def finished(unit: WorkUnit) -> Iterator[Completed]:
            """A part is done: when it was the last of its split unit, that unit is done too."""
            parent = parent_of.pop(unit.key, None)
            if parent is None:
                return
            open_parts[parent.key] -= 1
            if open_parts[parent.key] == 0:
                del open_parts[parent.key]
                yield parent, UnitResult(parent.key, parent.location, 0)  # its marker; its documents were its parts'
                yield from finished(parent)

        submit(limit)
        for future, result in stream:
            unit = owner.pop(str(future.key))
            if future.status == "error":  # as_completed hands back (type, exception, traceback)
                result = result[1] if isinstance(result, tuple) else result
            future.release()
            if isinstance(result, KilledWorker):
                # Its workers died (out of memory, a crash): cut it until the document that kills stands alone.
                parts = split_unit(unit)
                if parts:
                    log.warning("a worker died on %s: running it again in %d parts", unit.location, len(parts))
                    open_parts[unit.key] = len(parts)
                    for part in parts:
                        parent_of[part.key] = unit
                        submit_unit(part)
                    continue
                result = WorkerCrashed(f"the worker process died analysing it, {_ALLOWED_FAILURES}", input=unit.location)
            yield unit, result
            yield from finished(unit)
            submit(1)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(workers: int, scheduler: str | None, memory_mb: int | None = None) -> Engine:
    if scheduler:
        return DaskEngine(scheduler, workers, memory_mb)
    if workers <= 0:
        return InlineEngine()
    return LocalEngine(workers)
