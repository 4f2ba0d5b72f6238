"""`newstrace merge-stories`: a reader joins two stories the clustering kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newstrace.cli import main

BRIDGE = """Harbour bridge reopens after repairs

Mayor Ann Lee said on Monday that the harbour bridge is safe for traffic again after six months of repairs.
Lorries will be allowed back from next week, the city council said.
"""

REPORT = """Engineers publish inspection report on river crossing

Engineer Bob Stone, who led the inspection, said the harbour bridge is unsafe and should stay closed.
The report lists corroded cables and cracked bearings found during the spring survey.
"""


def _stories(runner: CliRunner, db: Path) -> list[dict]:
    out = runner.invoke(main, ["stories", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def test_merge_moves_articles_keeps_old_ids_and_finds_conflicts(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "news.db"
    for name, text, day in (("bridge.txt", BRIDGE, "2024-05-06"), ("report.txt", REPORT, "2024-05-20")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = runner.invoke(main, ["ingest", str(path), "--published", day, "--db", str(db)])
        assert done.exit_code == 0, done.output
    before = _stories(runner, db)
    assert len(before) == 2, "the two reports (few shared words, two weeks apart) should start two stories"
    into, gone = before[0]["id"], before[1]["id"]

    merged = runner.invoke(main, ["merge-stories", into, gone, "--db", str(db)])
    assert merged.exit_code == 0, merged.output
    after = _stories(runner, db)
    assert len(after) == len(before) - 1
    [survivor] = [s for s in after if s["id"] == into]
    assert survivor["article_count"] == before[0]["article_count"] + before[1]["article_count"]

    # the merged story's old id still works, and leads to the survivor
    shown = runner.invoke(main, ["story", gone, "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["story"]["id"] == into

    # "safe" against "unsafe" from two speakers in what is now one story
    conflicts = json.loads(runner.invoke(main, ["conflicts", "--story", into, "--db", str(db), "--format", "json"]).output)
    speakers = {side["speaker"] for c in conflicts for side in c["sides"]}
    assert any("Ann Lee" in s for s in speakers) and any("Bob Stone" in s for s in speakers), conflicts


def test_merging_a_story_into_itself_is_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "news.db"
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(path), "--published", "2024-05-06", "--db", str(db)]).exit_code == 0
    [story] = _stories(runner, db)
    refused = runner.invoke(main, ["merge-stories", story["id"], story["id"], "--db", str(db)])
    assert refused.exit_code != 0
    assert "same story" in refused.output
