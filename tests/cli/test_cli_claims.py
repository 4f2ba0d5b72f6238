"""`newstrace claims`: a claim keeps its first appearance and the chain of outlets that repeated it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newstrace.cli import main

FIRST = """Minister says bridge will reopen

Transport minister Ann Lee said on Monday that the harbour bridge will reopen to lorries in early June after repairs.
"""
SECOND = """Bridge to reopen in June, minister says

The harbour bridge will reopen to lorries in early June after repairs, transport minister Ann Lee said, according to local radio.
"""


def test_claims_show_first_appearance_and_chain(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "news.db"
    for name, text, day in (("a.txt", FIRST, "2024-05-06"), ("b.txt", SECOND, "2024-05-08")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        done = runner.invoke(main, ["ingest", str(tmp_path / name), "--published", day, "--db", str(db)])
        assert done.exit_code == 0, done.output
    out = runner.invoke(main, ["claims", "--min-sources", "2", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    (claim,) = json.loads(out.output)
    assert claim["first_appearance"]["date"] == "2024-05-06" and len(claim["chain"]) == 2
    text = runner.invoke(main, ["claims", "--min-sources", "2", "--db", str(db)]).output
    assert "chain:" in text and "(first)" in text


def test_undated_sources_keep_the_order_they_were_linked_in(tmp_path: Path) -> None:
    """Without publication dates the first appearance is the first source linked (as the store keeps
    it), whatever the article ids: the heading's "first ... by" and the "(first)" mark name the same source."""
    runner = CliRunner()
    pages = {"a.txt": FIRST.replace("Transport minister Ann Lee said on Monday", "Transport minister Ann Lee said"),
             "b.txt": SECOND.replace("transport minister Ann Lee said", "a ministry spokesman said")}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for order in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        db = tmp_path / f"{order[0]}.db"
        for name in order:
            done = runner.invoke(main, ["ingest", str(tmp_path / name), "--db", str(db)])
            assert done.exit_code == 0, done.output
        (claim,) = json.loads(runner.invoke(main, ["claims", "--min-sources", "2", "--db", str(db), "--format", "json"]).output)
        first = claim["first_appearance"]
        assert first["article_id"] == claim["first_article_id"] and first["speaker"] == claim["first_speaker"]
        assert claim["chain"][0] == first["article_id"][:8]
        text = runner.invoke(main, ["claims", "--min-sources", "2", "--db", str(db)]).output
        heading, marked = text.splitlines()[0], next(line for line in text.splitlines() if "(first)" in line)
        assert heading.endswith(f"by {first['speaker']}") and first["article_id"][:8] in marked, text
