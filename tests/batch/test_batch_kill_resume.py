"""kill -9 in the middle of a batch run, then run again: every document stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from warcs import numbered_pages, write_warc

from newstrace.store import open_store

HERE = Path(__file__).parent

SCRIPT = """
import sys
from newstrace.batch import BatchOptions, PlanOptions, run_batch
run_batch([sys.argv[1]], BatchOptions(db=sys.argv[2], workers=2, pipeline_factory="light:slow",
          plan=PlanOptions(split_bytes=4000), write_batch=4))
"""


def _start(warc: Path, db: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]), "LIGHT_SLEEP": "0.05"}
    # a session of its own, so that kill -9 takes the workers too, as a power cut would
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(warc), db], env=env, start_new_session=True)


def _articles(db: str) -> int:
    try:
        with open_store(db) as store:
            return store.stats()["articles"]
    except Exception:  # noqa: BLE001 - the database may not exist yet
        return 0


def test_kill_minus_nine_then_resume(tmp_path, store_location):
    total = 60
    warc = write_warc(tmp_path / "crawl.warc.gz", numbered_pages(total))
    killed_at: list[int] = []  # articles stored when a run was killed mid-way
    for _ in range(2):
        proc = _start(warc, store_location)
        deadline = time.monotonic() + 120
        target = _articles(store_location) + 8
        while _articles(store_location) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            killed_at.append(_articles(store_location))
        proc.wait()
    assert killed_at and min(killed_at) < total, "the runs finished before they could be killed; slow them down"
    proc = _start(warc, store_location)
    assert proc.wait(timeout=300) == 0
    with open_store(store_location) as store:
        stats = store.stats()
        assert (stats["articles"], stats["sources"], stats["failures"]) == (total, total, 0)
        ids = [a.id for a in store.iter_articles()]
        assert len(ids) == len(set(ids)) == total
        assert store.unlinked_article_ids() == []  # linked exactly once each, whatever was killed when
        resumed = _records(store)
    clean = str(tmp_path / "clean.db")
    assert _start(warc, clean).wait(timeout=300) == 0
    with open_store(clean) as store:
        assert resumed == _records(store)  # the same store as a run never killed: every record, every source


def _records(store) -> dict[str, tuple[str, list[tuple[str, str]]]]:  # noqa: ANN001 - a Store
    from newstrace.record import article_to_record

    return {
        a.id: (json.dumps(article_to_record(a), sort_keys=True), sorted((s.kind, s.location) for s in store.article_sources(a.id)))
        for a in store.iter_articles()
    }
