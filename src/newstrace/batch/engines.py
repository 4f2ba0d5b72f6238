"""Where units run: in this process, in a local process pool, or on a Dask cluster.

Every engine takes a lazy stream of units and yields ``(unit, UnitResult | error)`` in
completion order, keeping at most ``in_flight`` units submitted at a time, so neither the
list of units nor their results pile up in memory however large the input.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from newstrace.batch.units import WorkUnit
from newstrace.batch.worker import JobSpec, UnitResult, init_worker, process_unit
from newstrace.errors import ConfigError, NewstraceError

log = logging.getLogger(__name__)

Completed = tuple[WorkUnit, "UnitResult | BaseException"]


class WorkerCrashed(NewstraceError):
    code = "batch.worker_crashed"


class Engine(Protocol):
    workers: int
    writes_in_workers_ok: bool  # False: results must come back to this process

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]: ...

    def close(self) -> None: ...


class InlineEngine:
    """No worker processes: everything in this process (workers=0; debugging and tests)."""

    workers = 1
    writes_in_workers_ok = True

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]:
        for unit in units:
            try:
                yield unit, process_unit(unit, job)
            except Exception as exc:  # noqa: BLE001 - reported per unit
                yield unit, exc

    def close(self) -> None:
        return None


class LocalEngine:
    """A pool of worker processes on this machine (forkserver: no inherited threads or locks)."""

    writes_in_workers_ok = True

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self, job: JobSpec) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=init_worker, initargs=(job,))

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]:
        """Up to 2 x workers units in flight. When a worker process dies (killed, out of memory,
        crashed in native code) the pool is unusable and every unit in flight is a suspect: the
        suspects then run again one at a time in a new pool, so the one that kills its worker
        when alone is recorded as failed and the others complete."""
        source = iter(units)
        suspects: deque[WorkUnit] = deque()
        pending: dict[Future[UnitResult], WorkUnit] = {}
        limit = 2 * self.workers
        if self._pool is None:  # kept between runs until close(): a warm pool keeps its loaded models
            self._pool = self._new_pool(job)
        exhausted = False

        def submit(unit: WorkUnit) -> bool:
            assert self._pool is not None
            try:
                pending[self._pool.submit(process_unit, unit, job)] = unit
            except BrokenProcessPool:
                # a worker died since the last wait: its future, still pending, restarts the pool;
                # this unit waits with the suspects
                suspects.append(unit)
                return False
            return True

        def fill() -> None:
            nonlocal exhausted
            if suspects:
                if not pending:
                    submit(suspects.popleft())
                return
            while len(pending) < limit and not exhausted:
                unit = next(source, None)
                if unit is None:
                    exhausted = True
                elif not submit(unit):
                    return

        fill()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            alone = len(pending) == 1
            broken = False
            for future in done:
                unit = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield unit, WorkerCrashed("the worker process died while analysing this unit", input=unit.location)
                    else:
                        suspects.append(unit)
                    continue
                except Exception as exc:  # noqa: BLE001 - reported per unit
                    yield unit, exc
                    continue
                yield unit, result
            if broken:
                log.warning("a worker process died; restarting the pool")
                suspects.extend(pending.values())
                pending.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool(job)
            fill()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskEngine:
    """A Dask distributed cluster: ``address`` of its scheduler, or "local" for a LocalCluster here.

    newstrace must be installed on the workers (the same version). Run workers with one
    thread each (``dask worker ADDRESS --nworkers N --nthreads 1``): the analysis is CPU-bound
    Python, and each worker thread would load a model of its own.
    """

    writes_in_workers_ok = True

    def __init__(self, address: str, workers: int = 2) -> None:
        try:
            from distributed import Client, LocalCluster
        except ModuleNotFoundError:
            raise ConfigError("--scheduler needs Dask: pip install 'dask[distributed]'") from None
        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self._cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))

    def run(self, units: Iterable[WorkUnit], job: JobSpec) -> Iterator[Completed]:
        from distributed import as_completed

        source = iter(units)
        owner: dict[str, WorkUnit] = {}
        stream = as_completed([], with_results=True, raise_errors=False)
        limit = 2 * self.workers

        def submit(n: int) -> None:
            for _ in range(n):
                unit = next(source, None)
                if unit is None:
                    return
                future = self.client.submit(process_unit, unit, job, pure=False, retries=1)
                owner[str(future.key)] = unit
                stream.add(future)

        submit(limit)
        for future, result in stream:
            unit = owner.pop(future.key)
            if future.status == "error":  # as_completed hands back (type, exception, traceback)
                result = result[1] if isinstance(result, tuple) else result
            yield unit, result
            future.release()
            submit(1)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(workers: int, scheduler: str | None) -> Engine:
    if scheduler:
        return DaskEngine(scheduler, workers)
    if workers <= 0:
        return InlineEngine()
    return LocalEngine(workers)
