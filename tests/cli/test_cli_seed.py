"""End to end through the command line on the seed page (acceptance of the foundation)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from _support import REPO, fold
from click.testing import CliRunner

from newstrace.cli import main

SCHEMA = json.loads((REPO / "docs" / "article-record.schema.json").read_text())


@pytest.fixture(scope="module")
def seed_record(seed_page) -> dict:
    result = CliRunner().invoke(main, ["analyze", str(seed_page), "--published", "2024-04-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_record_validates_against_committed_schema(seed_record):
    jsonschema.validate(seed_record, SCHEMA)


def test_record_meets_gold_clean_text_image_language(seed_record, seed_gold):
    text = fold(seed_record["text"])
    for phrase in seed_gold["clean_text"]["must_contain"]:
        assert fold(phrase) in text
    for phrase in seed_gold["clean_text"]["must_not_contain"]:
        assert fold(phrase) not in text
    assert text.count(fold(seed_gold["image"]["caption_contains"])) == seed_gold["clean_text"]["caption_count_in_body"]
    image = seed_gold["image"]
    assert any(image["caption_contains"] in (i["caption"] or "") and i["credit"] == image["credit"] for i in seed_record["images"])
    assert seed_record["language"] == seed_gold["language"]
    assert seed_record["published"] == seed_gold["dct_for_test"] and seed_record["published_source"] == "option"
    assert {r["reason"] for r in seed_record["removed"]}  # every removal says why


def test_offsets_index_the_text(seed_record):
    text = seed_record["text"]
    for timex in seed_record["timexes"]:
        assert text[timex["span"]["start"] : timex["span"]["end"]] == timex["text"]
    for quote in seed_record["quotes"]:
        for span in quote["content_spans"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_raw_mode_offsets_index_the_input(seed_page):
    result = CliRunner().invoke(main, ["analyze", str(seed_page), "--raw", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["text"] == seed_page.read_text(encoding="utf-8")
    assert record["removed"] == []


def test_text_report_names_the_sections(seed_page):
    result = CliRunner().invoke(main, ["analyze", str(seed_page), "--published", "2024-04-03"])
    assert result.exit_code == 0, result.output
    for heading in ("WHO SAID WHAT", "TIMELINE", "CONFLICTS"):
        assert heading in result.stdout


def test_ingest_twice_stores_once_and_search_finds_it(seed_page, tmp_path):
    db = tmp_path / "news.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(seed_page), "--published", "2024-04-03", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "stored 1, duplicates 0, near-copies 0, failed 0" in first.stdout
    second = runner.invoke(main, ["ingest", str(seed_page), "--published", "2024-04-03", "--db", str(db)])
    assert "stored 0, duplicates 1, near-copies 0, failed 0" in second.stdout
    stats = runner.invoke(main, ["stats", "--db", str(db), "--format", "json"])
    counts = json.loads(stats.stdout)[0]
    assert counts["articles"] == 1 and counts["stories"] == 1  # linking ran on ingest
    found = runner.invoke(main, ["search", "Naryshkin", "--db", str(db), "--format", "json"])
    hits = json.loads(found.stdout)
    assert len(hits) == 1 and "[Naryshkin]" in hits[0]["snippet"]
    shown = runner.invoke(main, ["show", hits[0]["article_id"][:8], "--db", str(db), "--format", "json"])
    assert json.loads(shown.stdout)["id"] == hits[0]["article_id"]
    # The file is an ordinary SQLite database with sqlite-utils style FTS.
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Naryshkin'").fetchone()[0] == 1


def test_batch_with_good_and_bad_inputs(seed_page, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(
        "The mayor opened the new bridge on Saturday, calling it a turning point for the city.\n\n"
        "Thousands of residents crossed it on foot during the first hour, police said.\n"
    )
    (pages / "empty.txt").write_text("")
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    db = tmp_path / "news.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(pages), str(seed_page), str(tmp_path / "missing.html"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 2, duplicates 0, near-copies 0, failed 3" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3 and all(line.endswith("]") for line in errors)
    listed = runner.invoke(main, ["failures", "--db", str(db), "--format", "json"])
    assert sorted(Path(f["input"]).name for f in json.loads(listed.stdout)) == ["binary.txt", "empty.txt", "missing.html"]


def test_exit_code_nonzero_only_when_nothing_processed(tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_every_statement_carries_confidence_medium_and_audience(seed_record):
    for q in seed_record["quotes"]:
        assert 0.0 <= q["confidence"] <= 1.0
        assert "medium" in q and "audience" in q
        if q["speaker"] is None and q["kind"] != "no_comment":
            assert "speaker_candidate" in q


def test_min_confidence_leaves_out_unsure_statements(seed_page, seed_record):
    result = CliRunner().invoke(main, ["analyze", str(seed_page), "--published", "2024-04-03", "--format", "json",
                                       "--min-confidence", "0.9"])
    assert result.exit_code == 0, result.output
    sure = json.loads(result.stdout)["quotes"]
    assert sure and all(q["confidence"] >= 0.9 for q in sure)
    assert len(sure) == sum(1 for q in seed_record["quotes"] if q["confidence"] >= 0.9)
    bad = CliRunner().invoke(main, ["analyze", str(seed_page), "--min-confidence", "1.5"])
    assert bad.exit_code != 0 and "--min-confidence" in bad.output
