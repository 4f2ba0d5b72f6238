"""Batch runs: every document stored once, reruns skip finished units, failures listed and retried."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from warcs import numbered_pages, page, write_warc

from newstrace.batch import BatchOptions, PlanOptions, run_batch
from newstrace.cli import main
from newstrace.store import open_store

LIGHT = "light:extraction_only"


def _opts(db, **kw) -> BatchOptions:
    kw.setdefault("plan", PlanOptions(split_bytes=3000, files_per_unit=4))
    kw.setdefault("pipeline_factory", LIGHT)
    return BatchOptions(db=str(db), **kw)


def _inputs(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz", numbered_pages(20))
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(100, 110):
        (pages / f"p{n}.html").write_bytes(page(n))
    (pages / "empty.html").write_bytes(b"")
    with (tmp_path / "feed.jsonl").open("w") as fh:
        for n in range(200, 205):
            fh.write(json.dumps({"url": f"https://e.org/{n}", "html": page(n).decode()}) + "\n")
        fh.write(json.dumps({"url": "https://e.org/dup", "html": page(0).decode()}) + "\n")  # same page as in the WARC
    return [tmp_path / "crawl.warc.gz", pages, tmp_path / "feed.jsonl"]


@pytest.mark.parametrize("inline", [True, False], ids=["inline", "two-processes"])
def test_run_stores_each_document_once_and_a_rerun_skips_everything(tmp_path, inline):
    inputs = _inputs(tmp_path)
    db = tmp_path / "news.db"
    first = run_batch(inputs, _opts(db, workers=2, inline=inline))
    assert (first.stored, first.duplicate, first.failed) == (35, 1, 1)
    assert first.units > 5 and first.skipped_units == 0
    again = run_batch(inputs, _opts(db, workers=2, inline=inline))
    assert again.units == 0 and again.skipped_units == first.units and again.documents == 0
    with open_store(db) as store:
        stats = store.stats()
        assert (stats["articles"], stats["sources"], stats["failures"]) == (35, 36, 1)
        assert [f.code for f in store.failures()] == ["input.empty"]


def test_retry_failed_reruns_only_the_failures(tmp_path):
    inputs = _inputs(tmp_path)
    db = tmp_path / "news.db"
    run_batch(inputs, _opts(db, inline=True))
    (tmp_path / "pages" / "empty.html").write_bytes(page(999))  # fixed
    retried = run_batch([], _opts(db, inline=True, retry_failed=True))
    assert (retried.documents, retried.stored, retried.failed) == (1, 1, 0)
    with open_store(db) as store:
        assert store.failures() == [] and store.stats()["articles"] == 36


def test_a_failure_that_fails_again_is_listed_once_with_its_latest_reason(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bad.html").write_bytes(b"")
    db = tmp_path / "news.db"
    run_batch([pages], _opts(db, inline=True))
    (pages / "bad.html").write_bytes(b"\x00\x01\x02" * 100)
    run_batch([], _opts(db, inline=True, retry_failed=True))
    with open_store(db) as store:
        assert [f.code for f in store.failures()] == ["input.binary"]


def test_a_document_that_kills_its_worker_is_a_failure_and_the_rest_is_stored(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", numbered_pages(12), extra_records=False)
    db = tmp_path / "news.db"
    summary = run_batch([warc], _opts(db, workers=2, pipeline_factory="light:crashing", plan=PlanOptions(split_bytes=2500)))
    assert summary.unit_failures == 0 and summary.failed == 1
    with open_store(db) as store:
        (failure,) = store.failures()
        assert failure.code == "batch.worker_crashed" and "#offset=" in failure.input
        assert "exit status 13" in failure.message and "twice" in failure.message
        assert store.stats()["articles"] == 11  # every other document of the run, its own unit's too
    assert run_batch([warc], _opts(db, workers=2, pipeline_factory="light:crashing", plan=PlanOptions(split_bytes=2500))).units == 0


def test_dask_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    warc = write_warc(tmp_path / "crawl.warc.gz", numbered_pages(10))
    db = tmp_path / "news.db"
    summary = run_batch([warc], _opts(db, workers=1, scheduler="local"))
    assert (summary.stored, summary.failed) == (10, 0) and summary.engine.startswith("dask")
    assert run_batch([warc], _opts(db, workers=1, inline=True)).skipped_units == summary.units


def test_postgres_workers_write_concurrently(tmp_path, pg_schema_url):
    inputs = _inputs(tmp_path)
    first = run_batch(inputs, _opts(pg_schema_url, workers=2, write_batch=3))
    assert (first.stored, first.duplicate, first.failed) == (35, 1, 1)
    assert run_batch(inputs, _opts(pg_schema_url, workers=2)).units == 0
    with open_store(pg_schema_url) as store:
        assert (store.stats()["articles"], store.stats()["sources"]) == (35, 36)


def test_cli_with_the_real_pipeline(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", numbered_pages(3))
    db = tmp_path / "news.db"
    result = CliRunner().invoke(main, ["batch", str(warc), "--workers", "1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 3, duplicates 0, failed 0" in result.output
    with open_store(db) as store:
        assert store.stats()["quotes"] >= 3  # analysed, not just extracted
    again = CliRunner().invoke(main, ["batch", str(warc), "--workers", "1", "--db", str(db)])
    assert "skipped as already done 1" in again.output


def test_cli_needs_inputs_or_retry():
    result = CliRunner().invoke(main, ["batch"])
    assert result.exit_code == 2 and "--retry-failed" in result.output


@pytest.mark.parametrize(("factory", "env", "code", "words"), [
    ("light:hanging", {"NEWSTRACE_DOC_SECONDS": "2"}, "limit.time", "more than 2 s"),
    ("light:hogging", {"NEWSTRACE_DOC_MEMORY_MB": "400", "LIGHT_HOG_MB": "600"}, "limit.memory", "passed 400 MB"),
])
def test_a_document_over_the_time_or_memory_limit_is_a_failure_with_its_reason(tmp_path, monkeypatch, factory, env, code, words):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    warc = write_warc(tmp_path / "crawl.warc.gz", numbered_pages(8), extra_records=False)
    db = tmp_path / "news.db"
    summary = run_batch([warc], _opts(db, workers=2, pipeline_factory=factory, plan=PlanOptions(split_bytes=2500)))
    assert summary.failed == 1 and summary.unit_failures == 0
    with open_store(db) as store:
        (failure,) = store.failures()
        assert failure.code == code and words in failure.message and "#offset=" in failure.input
        assert store.stats()["articles"] == 7


def test_dask_splits_a_unit_whose_workers_die_until_the_poison_page_stands_alone(tmp_path):
    pytest.importorskip("distributed")
    import dask

    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(4, 8):  # page 7 kills its worker (light:crashing)
        (folder / f"p{n}.html").write_bytes(page(n))
    db = tmp_path / "news.db"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        summary = run_batch([folder], _opts(db, workers=1, scheduler="local", pipeline_factory="light:crashing"))
    assert (summary.stored, summary.failed) == (3, 1)
    with open_store(db) as store:
        (failure,) = store.failures()
        assert failure.code == "batch.worker_crashed" and failure.input.endswith("p7.html")
    again = run_batch([folder], _opts(db, workers=1, inline=True, pipeline_factory="light:crashing"))
    assert again.units == 0  # the split unit was marked done once all its parts were
