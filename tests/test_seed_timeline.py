"""The seed page's per-article timeline holds the gold timeline entries (issue 5)."""

from __future__ import annotations

import pytest
from _support import fold

from newstrace.events import timeline_of
from newstrace.ingest.files import read_file
from newstrace.pipeline import build_pipeline
from newstrace.types import AnalysisOptions


def _analyse(seed_page, published: str | None):
    pipeline = build_pipeline(AnalysisOptions(published=published))
    if "events" not in [s.name for s in pipeline.stages]:
        pytest.skip(f"the event stage is not installed (missing: {', '.join(pipeline.missing)})")
    return pipeline.analyse(read_file(seed_page))


@pytest.fixture(scope="module")
def seed_with_dct(seed_page, seed_gold):
    return _analyse(seed_page, seed_gold["dct_for_test"])


def test_timeline_holds_gold_entries(seed_with_dct, seed_gold):
    article = seed_with_dct
    dated, _ = timeline_of(article)
    for entry in seed_gold["timeline"]:
        candidates = [e for e in dated if e.date == entry["date"]]
        assert candidates, f"no event dated {entry['date']}"
        matching = [e for e in candidates if all(fold(c) in fold(article.span_text(e.span)) for c in entry["contains"])]
        assert matching, f"no {entry['date']} event containing {entry['contains']}"
        if "source" in entry:
            assert any(e.according_to == entry["source"] for e in matching), f"{entry['date']}: source {entry['source']} not found"
    assert [e.date for e in dated] == sorted(e.date for e in dated)


def _found(article) -> set[tuple[str, str | None]]:
    """Time expressions of the body, and those of captions (kept on the images)."""
    found = {(article.span_text(t.span), t.value) for t in article.timexes}
    return found | {(i.date_text, i.date) for i in article.images if i.date_text}


def test_timexes_with_dct(seed_with_dct, seed_gold):
    found = _found(seed_with_dct)
    for gold in seed_gold["timexes"]:
        if gold.get("optional"):
            continue
        expected = gold.get("with_dct", gold.get("value"))
        assert (gold["text"], expected) in found, gold


def test_no_invented_years_without_dct(seed_page, seed_gold):
    article = _analyse(seed_page, None)
    found = _found(article)
    for gold in seed_gold["timexes"]:
        if gold.get("optional"):
            continue
        expected = gold["without_dct"] if "without_dct" in gold else gold.get("value")
        assert (gold["text"], expected) in found, gold
    assert not any(e.date and e.date.startswith("2024") for e in article.events)
