"""Types shared by the pipeline, its stages, the store, batch runs and the front ends.

They live here, not in pipeline.py, so that what uses them does not load (or import back into)
the module that composes the stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Protocol

from newstrace.limits import Limits
from newstrace.model import Article


class ErrorPolicy(Enum):
    RAISE = "raise"  # tests and single-document use: fail loudly
    RECORD = "record"  # batches: record the failure and go on


# Entity recognisers: the shipped pipeline's own ("fast", the default) or the one on the pretrained
# MiniLM encoder ("accurate", newstrace.nlp.minilm_ner: needs the embeddings extra, slower).
NER_CHOICES = ("fast", "accurate")


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    published: str | None = None  # ISO date or datetime given by the caller
    keep_raw_text: bool = False
    model: str | None = None  # spaCy pipeline name or path; None: the shipped one
    ner: str = "fast"  # entity recogniser, one of NER_CHOICES
    error_policy: ErrorPolicy = ErrorPolicy.RAISE
    limits: Limits | None = None  # None: the defaults, as the environment overrides them (newstrace.limits)

    def resolved_limits(self) -> Limits:
        return self.limits if self.limits is not None else Limits.from_env()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be analysed: where, a stable error code, and why."""

    input: str
    code: str
    message: str


Outcome = Article | Failure


@dataclass
class Context:
    """Per-document scratch space shared by stages (e.g. the spaCy Doc)."""

    dct: date | None
    data: dict[str, Any] = field(default_factory=dict)


class Stage(Protocol):
    """One analysis step: what it needs, what it adds, and the call that adds it."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, article: Article, ctx: Context) -> Article: ...
