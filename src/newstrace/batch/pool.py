"""Worker processes that are watched document by document.

Each worker (a forkserver process: no inherited threads or locks) loads the pipeline once,
then analyses the units it is sent, telling this process which document it starts on. So this
process always knows which document each worker is on and since when, and it can act:

- a document that takes longer than ``limits.doc_seconds`` gets its worker stopped (time);
- a worker whose resident memory passes ``limits.doc_memory_mb`` is stopped (memory);
- a worker that dies by itself (killed by the system, a crash in native code) is noticed.

The worker is replaced and its unit runs again. A document that takes a worker down twice is
poison: the unit runs once more without it (``WorkUnit.skip``), and the worker records it as a
failure with the reason in the same transaction as the rest of the unit. The run always ends;
nothing but the poison document is lost.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from newstrace.batch.units import WorkUnit
from newstrace.batch.worker import JobSpec, UnitResult, prepare, process_unit
from newstrace.errors import MemoryLimit, NewstraceError, TimeLimit
from newstrace.limits import ENV_NAMES, Limits

log = logging.getLogger(__name__)

TICK = 0.2  # seconds between two looks at the workers
STRIKES = 2  # times a document may take a worker down before it is left out
RECYCLE_SHARE = 0.75  # an idle worker holding more than this share of the memory limit is replaced


class WorkerCrashed(NewstraceError):
    code = "batch.worker_crashed"


class UnitError(NewstraceError):
    """An error a worker raised for a whole unit, carried back with its code."""

    def __init__(self, code: str, message: str, input: str | None = None) -> None:  # noqa: A002
        super().__init__(message, input=input)
        self.code = code


def _worker_main(conn: Connection, job: JobSpec) -> None:
    """A worker process: load the pipeline, then analyse each unit sent, reporting each document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        pipeline, _ = prepare(job)
        _warm_up(pipeline)
    except NewstraceError as exc:  # no model, no database: no unit can run here
        conn.send(("fatal", (exc.code, exc.message, exc.input)))
        return
    except Exception as exc:  # noqa: BLE001 - said once, in one line, by the parent
        conn.send(("fatal", ("batch.worker_failed", f"{type(exc).__name__}: {exc}", None)))
        return
    conn.send(("ready", None))
    while True:
        try:
            unit = conn.recv()
        except EOFError:
            return
        if unit is None:
            return
        try:
            result = process_unit(unit, job, on_document=lambda location: conn.send(("doc", location)))
        except NewstraceError as exc:
            conn.send(("error", (exc.code, exc.message, exc.input)))
        except Exception as exc:  # noqa: BLE001 - reported for the unit, the worker lives on
            conn.send(("error", ("batch.unit_failed", f"{type(exc).__name__}: {exc}", None)))
        else:
            conn.send(("done", result))


WARM_UP = (
    b"<html><head><title>Warm-up</title></head><body><article><p>The council met on Monday, the mayor said. "
    b"\xe2\x80\x9cWe will rebuild the bridge,\xe2\x80\x9d she told reporters in the town hall.</p></article></body></html>"
)


def _warm_up(pipeline: Any) -> None:
    """Run one small page, so models and lazy imports load before the first document's clock starts."""
    from newstrace.model import RawDocument, SourceRef

    list(pipeline.run_raw([RawDocument(WARM_UP, SourceRef("warm-up", "warm-up"), content_type="text/html")]))


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


@dataclasses.dataclass
class _Worker:
    process: Any
    conn: Connection
    unit: WorkUnit | None = None
    document: str | None = None  # the document it is analysing
    since: float = 0.0  # when it started on that document
    verdict: tuple[str, str] | None = None  # (code, reason) when this process stopped it


def _died(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker process died ({name})"
    return f"the worker process died (exit status {code})"


class WatchedPool:
    """``workers`` watched worker processes for one job (see the module docstring)."""

    def __init__(self, workers: int, job: JobSpec, limits: Limits | None = None) -> None:
        self.size = max(1, workers)
        self.job = job
        self.limits = limits or job.options.resolved_limits()
        self._context = multiprocessing.get_context("forkserver")
        self._workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, self.job), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _stop(self, worker: _Worker, code: str, reason: str) -> None:
        worker.verdict = (code, reason)
        try:
            os.kill(worker.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def _retire(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)
        worker.conn.close()
        self._workers.remove(worker)

    def run(self, units: Iterable[WorkUnit]) -> Iterator[tuple[WorkUnit, UnitResult | BaseException]]:
        source = iter(units)
        again: deque[WorkUnit] = deque()  # units to run again (after a worker went down), first
        strikes: Counter[tuple[str, str | None]] = Counter()
        exhausted = False
        while len(self._workers) < self.size:
            self._start()

        def next_unit() -> WorkUnit | None:
            nonlocal exhausted
            if again:
                return again.popleft()
            if exhausted:
                return None
            unit = next(source, None)
            exhausted = unit is None
            return unit

        ready: set[int] = set()
        births = 0  # workers started since one last became ready
        while True:
            for worker in self._workers:
                if worker.unit is None and id(worker) in ready:
                    unit = next_unit()
                    if unit is None:
                        break
                    worker.unit, worker.document, worker.since = unit, None, time.monotonic()
                    worker.conn.send(unit)
            busy = [w for w in self._workers if w.unit is not None]
            if not busy and exhausted and not again:
                return
            waitables: list[Any] = [w.conn for w in self._workers] + [w.process.sentinel for w in self._workers]
            for event in wait(waitables, timeout=TICK):
                sender = next((w for w in self._workers if event in (w.conn, w.process.sentinel)), None)
                if sender is None:
                    continue
                worker = sender
                try:
                    while worker.conn.poll():
                        kind, payload = worker.conn.recv()
                        if kind == "ready":
                            ready.add(id(worker))
                            births = 0
                        elif kind == "fatal":
                            code, message, where = payload
                            raise UnitError(code, message, input=where)
                        elif kind == "doc":
                            worker.document, worker.since = payload, time.monotonic()
                        elif kind == "done":
                            unit, worker.unit, worker.document = worker.unit, None, None
                            assert unit is not None
                            yield unit, payload
                        elif kind == "error":
                            unit, worker.unit, worker.document = worker.unit, None, None
                            assert unit is not None
                            code, message, where = payload
                            yield unit, UnitError(code, message, input=where or unit.location)
                except (EOFError, OSError):
                    pass  # the worker is gone: its sentinel says so
            for worker in list(self._workers):
                if worker.process.is_alive() and worker.unit is None and id(worker) in ready and self._bloated(worker):
                    # Memory a large document left behind is seldom given back: start afresh between units
                    # rather than let the next document be blamed for it.
                    self._stop(worker, "", "")
                    worker.verdict = None
                if worker.process.is_alive():
                    self._watch(worker)
                    continue
                ready.discard(id(worker))
                self._retire(worker)
                births += 1
                if births > 2 * self.size + STRIKES:
                    raise WorkerCrashed(f"{_died(worker.process.exitcode)} again and again before it could start")
                self._start()
                if worker.unit is None:
                    continue
                yield from self._after_death(worker, strikes, again)

    def _watch(self, worker: _Worker) -> None:
        """Stop a worker whose document runs too long or whose memory grows too large."""
        if worker.verdict is not None:
            return
        if worker.unit is not None and worker.document is not None:
            took = time.monotonic() - worker.since
            if took > self.limits.doc_seconds:
                self._stop(worker, TimeLimit.code, f"the analysis took more than {self.limits.doc_seconds} s (limit set by {ENV_NAMES['doc_seconds']})")
                return
        rss = _rss_mb(worker.process.pid)
        if rss > self.limits.doc_memory_mb:
            self._stop(worker, MemoryLimit.code, f"the worker passed {self.limits.doc_memory_mb:,} MB of memory ({rss:,.0f} MB; limit set by {ENV_NAMES['doc_memory_mb']})")

    def _bloated(self, worker: _Worker) -> bool:
        return _rss_mb(worker.process.pid) > RECYCLE_SHARE * self.limits.doc_memory_mb

    def _after_death(
        self, worker: _Worker, strikes: Counter[tuple[str, str | None]], again: deque[WorkUnit]
    ) -> Iterator[tuple[WorkUnit, UnitResult | BaseException]]:
        unit = worker.unit
        assert unit is not None
        code, reason = worker.verdict or (WorkerCrashed.code, _died(worker.process.exitcode))
        key = (unit.key, worker.document)
        strikes[key] += 1
        log.warning("%s on %s: %s (%d of %d)", reason, worker.document or unit.location, code, strikes[key], STRIKES)
        if strikes[key] < STRIKES:
            again.appendleft(unit)
        elif worker.document is None:  # it died before reaching a document: the unit cannot run
            yield unit, WorkerCrashed(f"{reason}, twice, before its first document", input=unit.location)
        else:
            again.appendleft(dataclasses.replace(unit, skip=(*unit.skip, (worker.document, code, f"{reason}, twice; left out"))))

    def close(self) -> None:
        for worker in list(self._workers):
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in list(self._workers):
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)
            worker.conn.close()
        self._workers.clear()
