"""Hostile and broken inputs, each built on the fly: a one-line error or a recorded failure (or cut),
the truth in the exit status, and every good document of the same run stored.

The big inputs are built small here with the limits lowered to match (the environment variables
of newstrace.limits); benchmarks/hostile.py runs them at full size and measures memory and time.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_inputs import (
    corrupt_warc,
    deep_nesting,
    good_page,
    good_warc,
    gzip_bomb,
    invalid_utf8,
    long_line,
    long_quote,
    long_sentence,
    many_elements,
    many_quotes,
    not_a_warc,
    truncated_warc,
    wrong_length_warc,
)

from newstrace.cli import main
from newstrace.errors import ConfigError
from newstrace.limits import Limits
from newstrace.store import open_store

ERROR_LINE = re.compile(r"^error: (?P<input>.+?): (?P<message>.+) \[(?P<code>[a-z_.]+)\]$")


@pytest.fixture
def goods(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "good"
    folder.mkdir()
    paths = []
    for n in (1, 2):
        path = folder / f"good{n}.html"
        path.write_bytes(good_page(n))
        paths.append(path)
    return paths


def ingest(args: list[str], db: Path, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, ["ingest", *args, "--db", str(db)], env=env or {}, catch_exceptions=False)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    for line in errors:  # every line on stderr is one clean error line: no traceback, no binary
        assert ERROR_LINE.match(line), line
        assert line.isprintable(), line
    return result, [ERROR_LINE.match(line).groupdict() for line in errors]


def stored_locations(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {loc for (loc,) in conn.execute("SELECT location FROM article_sources")}


def records(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        return [json.loads(r) for (r,) in conn.execute("SELECT record FROM articles")]


def assert_goods_stored(db: Path, goods: list[Path]) -> None:
    locations = stored_locations(db)
    for good in goods:
        assert str(good) in locations, f"{good.name} was not stored"


# -- size and shape -----------------------------------------------------------------------------


def test_long_line_is_cut_and_the_cut_recorded(tmp_path, goods):
    path = long_line(tmp_path, scale=0.01)  # 200 KB, no line break
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_TEXT_CHARS": "30000"})
    assert result.exit_code == 0 and errors == []
    assert_goods_stored(db, goods)
    (record,) = [r for r in records(db) if r["source"]["location"] == str(path)]
    assert len(record["text"]) <= 30_000
    (cut,) = [c for c in record["cuts"] if c["limit"] == "text_chars"]
    assert cut["value"] == 30_000 and cut["found"] >= 199_000 and cut["at"] == len(record["text"])


def test_long_sentence_is_split_into_bounded_sentences(tmp_path, goods):
    path = long_sentence(tmp_path, scale=0.03)  # 3,000 words, one sentence
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_SENTENCE_WORDS": "120"})
    assert result.exit_code == 0 and errors == []
    assert_goods_stored(db, goods)
    (record,) = [r for r in records(db) if r["source"]["location"] == str(path)]
    longest = max(len(record["text"][s:e].split()) for s, e in record["sentences"])
    assert longest <= 120
    (cut,) = [c for c in record["cuts"] if c["limit"] == "sentence_words"]
    assert cut["value"] == 120 and cut["found"] >= 3000
    assert all(sum(len(s["text"]) for s in q["content_spans"]) <= 5000 for q in record["quotes"])


def test_deep_nesting_keeps_the_text(tmp_path, goods):
    path = deep_nesting(tmp_path, scale=0.1)  # 10,000 nested divs around three paragraphs
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db)
    assert result.exit_code == 0 and errors == []
    (record,) = [r for r in records(db) if r["source"]["location"] == str(path)]
    assert all(f"Paragraph {i}" in record["text"] for i in range(3))


def test_too_many_elements_is_refused_by_size(tmp_path, goods):
    path = many_elements(tmp_path, scale=0.05)  # 1.3 MB of empty spans
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_INPUT_BYTES": "1000000"})
    assert result.exit_code == 0
    (error,) = errors
    assert error["input"] == str(path) and error["code"] == "input.too_large"
    assert "NEWSTRACE_MAX_INPUT_BYTES" in error["message"]
    assert_goods_stored(db, goods)


def test_gzip_bomb_stops_at_the_limit(tmp_path, goods):
    path = gzip_bomb(tmp_path, scale=0.01)  # 20 MiB once decompressed
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_INPUT_BYTES": "1048576"})
    assert result.exit_code == 0
    (error,) = errors
    assert error["code"] == "input.too_large" and "decompressed" in error["message"]
    assert_goods_stored(db, goods)


def test_many_quotes_are_capped_and_the_cut_recorded(tmp_path, goods):
    path = many_quotes(tmp_path, scale=0.01)  # 200 quotes
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_QUOTES": "50"})
    assert result.exit_code == 0 and errors == []
    (record,) = [r for r in records(db) if r["source"]["location"] == str(path)]
    assert len(record["quotes"]) == 50
    (cut,) = [c for c in record["cuts"] if c["limit"] == "quotes"]
    assert cut["value"] == 50 and cut["found"] > 50 and cut["at"] > record["quotes"][-1]["content_spans"][0]["start"]
    assert [q["id"] for q in record["quotes"]] == [f"q{n}" for n in range(1, 51)]


def test_long_quote_is_cut_and_the_cut_recorded(tmp_path, goods):
    path = long_quote(tmp_path, scale=0.02)  # 6,000 characters of quotation
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_QUOTE_CHARS": "1000"})
    assert result.exit_code == 0 and errors == []
    (record,) = [r for r in records(db) if r["source"]["location"] == str(path)]
    assert record["quotes"] and all(sum(len(s["text"]) for s in q["content_spans"]) <= 1000 for q in record["quotes"])
    (cut,) = [c for c in record["cuts"] if c["limit"] == "quote_chars"]
    assert cut["value"] == 1000 and cut["found"] > 1000


def test_record_over_the_size_limit_is_refused(tmp_path, goods):
    path = long_line(tmp_path, scale=0.005)
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db, {"NEWSTRACE_MAX_RECORD_BYTES": "60000"})
    assert result.exit_code == 0
    (error,) = errors
    assert error["input"] == str(path) and "NEWSTRACE_MAX_RECORD_BYTES" in error["message"]
    assert_goods_stored(db, goods)


def test_bad_limit_settings_are_one_line_errors(tmp_path, goods):
    for value in ("-1", "0", "lots"):
        with pytest.raises(ConfigError, match="positive whole number"):
            Limits.from_env({"NEWSTRACE_MAX_TEXT_CHARS": value})
    result = CliRunner().invoke(main, ["ingest", str(goods[0]), "--db", str(tmp_path / "n.db")], env={"NEWSTRACE_MAX_QUOTES": "-5"})
    assert result.exit_code == 1
    assert "NEWSTRACE_MAX_QUOTES" in result.stderr and len(result.stderr.strip().splitlines()) == 1


# -- encodings ---------------------------------------------------------------------------------


def test_invalid_bytes_in_utf8_are_replaced_and_counted(tmp_path, goods):
    path = invalid_utf8(tmp_path)
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db)
    assert result.exit_code == 0 and errors == []
    (record,) = [r for r in records(db) if r["source"]["location"] == str(path)]
    assert "\u201cWe will rebuild the bridge,\u201d" in record["text"]  # not read as cp866 or the like
    assert record["invalid_bytes"] == 3


# -- archives ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (truncated_warc, "cut short"),
        (wrong_length_warc, "Content-Length"),
        (corrupt_warc, "damaged gzip data"),
    ],
)
def test_damaged_warc_records_are_recorded_failures(tmp_path, goods, build, reason):
    path = build(tmp_path)
    db = tmp_path / "news.db"
    result, errors = ingest([str(path), *map(str, goods)], db)
    assert result.exit_code == 0
    assert errors and all(e["code"] == "input.damaged" for e in errors)
    (error,) = [e for e in errors if reason in e["message"]]
    assert re.fullmatch(re.escape(str(path)) + r"#offset=\d+", error["input"])
    assert_goods_stored(db, goods)
    with open_store(str(db)) as store:
        failed = {f.input for f in store.failures()}
    assert error["input"] in failed
    # every record before and after the damage is stored
    stored = {loc for loc in stored_locations(db) if loc.startswith(str(path))}
    assert len(stored) >= {"cut short": 3, "Content-Length": 3, "damaged gzip data": 4}[reason]


def test_not_a_warc_is_an_error_with_exit_1_alone(tmp_path, goods):
    path = not_a_warc(tmp_path)
    db = tmp_path / "news.db"
    result, errors = ingest([str(path)], db)
    assert result.exit_code == 1
    (error,) = errors
    assert error["input"] == str(path) and error["code"] == "input.format" and "not a WARC" in error["message"]
    result, errors = ingest([str(path), *map(str, goods)], db)
    assert result.exit_code == 0 and len(errors) == 1
    assert_goods_stored(db, goods)


def test_good_warc_reads_every_record(tmp_path):
    path = good_warc(tmp_path, count=3)
    db = tmp_path / "news.db"
    result, errors = ingest([str(path)], db)
    assert result.exit_code == 0 and errors == [] and "stored 3" in result.stdout


def test_jsonl_line_over_the_limit_is_a_failure_and_never_held_whole(tmp_path, monkeypatch):
    from newstrace.batch.readers import read_unit
    from newstrace.batch.units import plan
    from newstrace.model import RawDocument
    from newstrace.pipeline import Failure

    monkeypatch.setenv("NEWSTRACE_MAX_INPUT_BYTES", "20000")
    dump = tmp_path / "dump.jsonl"
    lines = [{"url": f"https://e.org/{n}", "html": good_page(n).decode()} for n in range(3)]
    lines.insert(1, {"url": "https://e.org/huge", "html": "<p>" + "x" * 200_000 + "</p>"})
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    items = list(read_unit(next(iter(plan([dump])))))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "RawDocument", "RawDocument"]
    failure = items[1]
    assert isinstance(failure, Failure) and failure.code == "input.too_large" and "#offset=" in failure.input
    assert all(isinstance(i, RawDocument) and i.url != "https://e.org/huge" for i in (items[0], *items[2:]))


def test_batch_records_each_damaged_record_and_retry_failed_reads_it_again(tmp_path):
    from newstrace.batch import BatchOptions, run_batch
    from newstrace.store import open_store

    path = corrupt_warc(tmp_path)
    db = str(tmp_path / "news.db")
    options = {"db": db, "inline": True, "pipeline_factory": "light:extraction_only"}
    summary = run_batch([path], BatchOptions(**options))
    assert (summary.stored, summary.failed) == (4, 1)
    with open_store(db) as store:
        (failure,) = store.failures()
    assert failure.input.startswith(f"{path}#offset=") and failure.code == "input.damaged"
    again = run_batch([], BatchOptions(retry_failed=True, **options))  # reads that record alone, again
    assert (again.documents, again.failed) == (1, 1)
    with open_store(db) as store:
        assert [f.input for f in store.failures()] == [failure.input]  # listed once, with its latest reason
