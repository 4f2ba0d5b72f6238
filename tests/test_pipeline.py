"""The pipeline checks its stage contracts and reports what is not installed."""

from __future__ import annotations

import dataclasses

import pytest

from newstrace.errors import ConfigError, PipelineError
from newstrace.model import Article, SourceRef
from newstrace.pipeline import Pipeline, build_pipeline, parse_published
from newstrace.stages import KNOWN_STAGES, installed_stages
from newstrace.types import AnalysisOptions, Context


class _Stage:
    def __init__(self, name: str, requires: set[str], provides: set[str]) -> None:
        self.name, self.requires, self.provides = name, frozenset(requires), frozenset(provides)
        self.calls = 0

    def __call__(self, article: Article, ctx: Context) -> Article:
        self.calls += 1
        return dataclasses.replace(article, title=(article.title or "") + self.name)


def test_contract_is_checked_at_build_time():
    with pytest.raises(PipelineError, match="needs \\['doc'\\]"):
        Pipeline([_Stage("quotes", {"doc"}, {"quotes"}), _Stage("nlp", {"text"}, {"doc"})])


def test_stages_run_in_order_and_are_recorded():
    a, b = _Stage("a", {"text"}, {"x"}), _Stage("b", {"x"}, {"y"})
    article = Article(id="0" * 16, text="Some text.", source=SourceRef("file", "t.txt"))
    out = Pipeline([a, b]).analyse_article(article)
    assert out.title == "ab" and out.stages == ("a", "b")
    assert article.title is None  # the input is never mutated


def test_installed_stages_are_in_dependency_order():
    stages, missing = installed_stages(AnalysisOptions())
    names = [s.name for s in stages]
    known = [name for name, _ in KNOWN_STAGES]
    assert names == [n for n in known if n in names]
    assert set(names) | {m.split(" ")[0] for m in missing} == set(known)
    assert build_pipeline().missing == missing


def test_published_option_is_validated():
    assert parse_published("2024-04-03").value == "2024-04-03"
    assert parse_published("2024-04-03T10:00:00+02:00").value == "2024-04-03T10:00:00+02:00"
    with pytest.raises(ConfigError, match="not an ISO 8601 date"):
        parse_published("April 3")
