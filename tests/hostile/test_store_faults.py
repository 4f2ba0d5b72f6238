"""Faults of the store: a full disk, a locked database, a PostgreSQL server that goes away.

Each gives one line (`error: DATABASE: reason [store.*]`, exit status 1, no traceback), rolls its
transaction back, and the same command run again resumes: the store then equals that of a run
that was never interrupted (ids, sources, quotes, entities: the whole stored record).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import faults
import pytest
from click.testing import CliRunner
from hostile_inputs import good_page

from newstrace.cli import main
from newstrace.errors import StoreFull, StoreUnavailable
from newstrace.record import article_to_record
from newstrace.store import open_store


def pages(folder: Path, count: int = 5) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"page{n}.html"
        path.write_bytes(good_page(10 + n))
        paths.append(path)
    return paths


def snapshot(location: str) -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """Every stored article's whole record and its sources."""
    with open_store(location) as store:
        return {
            a.id: (json.dumps(article_to_record(a), sort_keys=True), tuple(sorted((s.kind, s.location) for s in store.article_sources(a.id))))
            for a in store.iter_articles()
        }


def one_error_line(stderr: str, code: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr  # one line, no traceback
    assert lines[0].startswith("error: ") and lines[0].endswith(f"[{code}]"), lines[0]
    return lines[0]


# -- a full disk ---------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A folder on a small tmpfs (a real full disk) where the machine allows mounting one, else a
    folder whose SQLite databases are made full by SQLite's own page limit. Yields (folder, fill, free)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode == 0
    faults.track_sqlite(monkeypatch)

    def fill() -> None:
        if mounted:
            used = sum(f.stat().st_size for f in mount.iterdir())
            subprocess.run(["mount", "-o", f"remount,size={used + 4096}", str(mount)], check=True)
        else:
            faults.fill_disk()

    def free() -> None:
        if mounted:
            subprocess.run(["mount", "-o", "remount,size=64m", str(mount)], check=True)
        faults.OPENED.clear()  # the next command opens its own, unlimited connections

    yield mount, fill, free
    if mounted:
        subprocess.run(["umount", str(mount)], check=False)


def test_ingest_on_a_full_disk_says_so_in_one_line_and_resumes(tmp_path, small_disk):
    folder, fill, free = small_disk
    inputs = [str(p) for p in pages(tmp_path / "pages")]
    clean = str(tmp_path / "clean.db")
    assert CliRunner().invoke(main, ["ingest", *inputs, "--db", clean]).exit_code == 0
    db = str(folder / "news.db")
    first = CliRunner().invoke(main, ["ingest", inputs[0], "--db", db])
    assert first.exit_code == 0
    fill()
    full = CliRunner().invoke(main, ["ingest", *inputs, "--db", db])
    assert full.exit_code == 1
    line = one_error_line(full.stderr, "store.full")
    assert db in line and "disk is full" in line and "run the same command again" in line
    free()
    again = CliRunner().invoke(main, ["ingest", *inputs, "--db", db])
    assert again.exit_code == 0, again.output
    assert snapshot(db) == snapshot(clean)


# -- a locked database --------------------------------------------------------------------------


def test_a_locked_database_is_one_line_after_the_wait(tmp_path, monkeypatch):
    import newstrace.store.dialects.sqlite as sqlite_dialect

    monkeypatch.setattr(sqlite_dialect, "BUSY_TIMEOUT_MS", 300)
    (page,) = pages(tmp_path / "pages", 1)
    db = str(tmp_path / "news.db")
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, and writing
    try:
        result = CliRunner().invoke(main, ["ingest", str(page), "--db", db])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert "another process holds the database" in one_error_line(result.stderr, "store.locked")
    assert CliRunner().invoke(main, ["ingest", str(page), "--db", db]).exit_code == 0


# -- faults in the middle of a batch run, on both databases -------------------------------------


def test_a_batch_hit_by_a_fault_resumes_to_the_clean_store(tmp_path, monkeypatch, store_location):
    from newstrace.batch import BatchOptions, PlanOptions, run_batch

    folder = tmp_path / "pages"
    pages(folder, 6)
    options = {"workers": 1, "inline": True, "write_batch": 2, "plan": PlanOptions(files_per_unit=2), "pipeline_factory": "faults:striking"}
    clean = str(tmp_path / "clean.db")
    run_batch([folder], BatchOptions(db=clean, **options))
    faults.track_sqlite(monkeypatch)
    monkeypatch.setenv("FAULT_AT", "vote 13")  # the fourth page: the first units are stored by then
    monkeypatch.setenv("FAULT_DB", store_location)
    monkeypatch.delenv("FAULT_DONE", raising=False)
    expected = StoreUnavailable if store_location.startswith("postgresql") else StoreFull
    with pytest.raises(expected) as info:
        run_batch([folder], BatchOptions(db=store_location, **options))
    assert "\n" not in str(info.value) and "run the same command again" in str(info.value)
    assert 0 < len(snapshot(store_location)) < 6  # stopped in the middle, nothing half-written
    faults.OPENED.clear()
    from newstrace.batch import worker

    monkeypatch.setattr(worker._STATE, "job", None)  # a resumed run is a new process, with new connections
    summary = run_batch([folder], BatchOptions(db=store_location, **options))  # FAULT_DONE: no second fault
    assert summary.skipped_units >= 1
    assert snapshot(store_location) == snapshot(clean)
