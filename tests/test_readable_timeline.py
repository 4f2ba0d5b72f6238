"""Timelines a person reads (issue 13): readable events, dates in words, one entry for an event
near-copies repeat; TimeML values stay in the record."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from click.testing import CliRunner

from newstrace.cli import main
from newstrace.events.readable import event_text, event_when
from newstrace.events.timeline import timeline_of
from newstrace.ingest.files import read_file
from newstrace.link.timeline import story_timeline
from newstrace.pipeline import AnalysisOptions, build_pipeline
from newstrace.report import render_report
from newstrace.timex.words import date_in_words, duration_in_words, in_words

# A TimeML value as a reader should never see it: "2024-03-06", "2024-W08", "P2W", "2024-02-22TAF".
_RAW_VALUE = re.compile(r"\b\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2}|Q\d|H\d|SP|SU|FA|WI)\b|\bP(?:T?\d+[YMWDHS])+\b|\bXXXX\b|_REF\b")


@pytest.mark.parametrize(
    "value, words",
    [
        ("2024-02-22", "22 Feb 2024"),
        ("2024-02-22TAF", "22 Feb 2024, afternoon"),
        ("2024-02-22T14:30", "22 Feb 2024, 14:30"),
        ("2024-02", "Feb 2024"),
        ("2024-W08", "week of 19 Feb 2024"),
        ("2024-W08-WE", "weekend of 24 Feb 2024"),
        ("2024-FA", "autumn 2024"),
        ("2024-Q3", "third quarter of 2024"),
        ("2024-H1", "first half of 2024"),
        ("199", "the 1990s"),
        ("20", "the 21st century"),
        ("XXXX-03-22", "22 Mar"),
        ("2012-XX-XX", "2012 (day unknown)"),
        ("PRESENT_REF", "now"),
    ],
)
def test_dates_in_words(value: str, words: str) -> None:
    assert date_in_words(value) == words


def test_modifiers_and_durations_in_words() -> None:
    assert date_in_words("2024", "END") == "late 2024"
    assert date_in_words("2019", "MID") == "mid-2019"
    assert duration_in_words("P2W") == "2 weeks"
    assert duration_in_words("PT1H30M") == "1 hour 30 minutes"
    assert in_words("P2W", "DURATION", "MORE_THAN") == "more than 2 weeks"
    assert in_words("P1D", "SET") == "every day"
    # Unstated numbers ("hours after the blast") and parts of every day.
    assert duration_in_words("PTXH") == "hours" and duration_in_words("PXW") == "weeks"
    assert in_words("XXXX-XX-XXTMO", "SET") == "every morning"
    assert date_in_words(None) is None


@pytest.fixture(scope="module")
def seed(seed_page):  # type: ignore[no-untyped-def]
    pipeline = build_pipeline(AnalysisOptions(published="2024-04-03"))
    if "events" not in [s.name for s in pipeline.stages]:
        pytest.skip(f"the event stage is not installed (missing: {', '.join(pipeline.missing)})")
    return pipeline.analyse(read_file(seed_page))


def test_entries_read_as_events_not_fragments(seed) -> None:  # type: ignore[no-untyped-def]
    dated, _ = timeline_of(seed)
    texts = [event_text(seed, e) for e in dated]
    assert texts and all(t[:1].isupper() for t in texts)  # no "that ..." cut from a quote
    assert not any(t.lower() in ("the march 22 attack", "the march 8 holiday") for t in texts)
    attack = [t for e, t in zip(dated, texts) if e.date == "2024-03-22"]
    assert attack == [t for t in attack if t.startswith("The attack (in: “")]  # the noun, then its sentence
    # "the March 8 holiday" is the day a clause of the article already tells of: one entry that day.
    assert sum(1 for e in dated if e.date == "2024-03-08") == 1
    assert event_when(seed, next(e for e in dated if e.date == "2024-03-06")) == "6 Mar 2024"


def test_the_report_shows_no_timeml_values(seed) -> None:  # type: ignore[no-untyped-def]
    report = render_report(seed)
    section = report[report.index("TIMELINE") : report.index("CONFLICTS")]
    assert "6 Mar 2024:" in section and "22 Mar 2024" in section
    assert not _RAW_VALUE.search(section), _RAW_VALUE.search(section)
    assert not any(_RAW_VALUE.search(line) for line in report.splitlines() if "said on:" in line)


def test_near_copies_tell_each_event_once(seed) -> None:  # type: ignore[no-untyped-def]
    copy = dataclasses.replace(seed, id="f" * 16, site="Another Outlet")
    dated, _ = story_timeline([seed, copy])
    assert len(dated) == len(story_timeline([seed])[0])
    assert all(len(e.sources) == 2 for e in dated)
    assert all(e.when and not _RAW_VALUE.search(e.when) for e in dated)


def test_an_edited_near_copy_tells_each_event_once(seed, seed_page) -> None:  # type: ignore[no-untyped-def]
    # Another outlet's copy with words changed ("extraordinary" for "unprecedented", a title
    # reworded): each event once, told by both articles.
    raw = read_file(seed_page)
    edited = (raw.content.decode().replace("unprecedented", "extraordinary")
              .replace("Former Soviet intelligence officer", "Ex-KGB officer").replace("shortly after", "soon after"))
    copy = build_pipeline(AnalysisOptions(published="2024-04-03")).analyse(dataclasses.replace(raw, content=edited.encode()))
    assert copy.id != seed.id
    dated, _ = story_timeline([seed, copy])
    assert len(dated) == len(story_timeline([seed])[0])
    assert all({s.article_id for s in e.sources} == {seed.id, copy.id} for e in dated)


def test_cli_timeline_in_words_and_record_values(seed_page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(seed_page), "--db", db, "--published", "2024-04-03"]).exit_code == 0
    text = runner.invoke(main, ["timeline", "--db", db]).output
    assert "6 Mar 2024:" in text and not _RAW_VALUE.search(text)
    # Each entry says who tells it and in which article.
    assert "[according to Yuri Shvets, in article 3498f28b]" in text
    assert all(re.search(r"\[(?:according to [^]]+, )?in (?:article|“)[^]]*\]$", line) for line in text.splitlines() if line)
    rows = json.loads(runner.invoke(main, ["timeline", "--db", db, "--format", "json"]).output)
    assert any(r["date"] == "2024-03-06" and r["when"] == "6 Mar 2024" for r in rows)
