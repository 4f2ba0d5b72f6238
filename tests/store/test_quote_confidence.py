"""Statements keep their confidence in the store, and a reader can filter on it before the limit."""

from __future__ import annotations

import pytest

from newstrace.ingest.files import read_file
from newstrace.pipeline import AnalysisOptions, build_pipeline
from newstrace.store import open_store


@pytest.fixture(scope="module")
def seed_article(seed_page):
    return build_pipeline(AnalysisOptions(published="2024-04-03")).analyse(read_file(seed_page))


def test_confidence_is_stored_and_filters_before_the_limit(tmp_path, seed_article):
    with open_store(str(tmp_path / "news.db")) as store:
        store.upsert_article(seed_article)
        every = store.quotes(limit=1000)
        assert len(every) == len(seed_article.quotes)
        assert {(r.quote_id, r.confidence) for r in every} == {(q.id, q.confidence) for q in seed_article.quotes}
        sure = [q for q in seed_article.quotes if q.confidence >= 0.9]
        got = store.quotes(limit=len(sure), min_confidence=0.9)
        assert len(got) == len(sure) and all(r.confidence >= 0.9 for r in got)
