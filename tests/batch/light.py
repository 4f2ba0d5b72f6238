"""Light pipelines for batch tests: extraction only (no model to load), optionally slowed down
or made to crash, so that runs over many documents take seconds. Imported by worker processes
as "light:<factory>" (this folder is on sys.path in tests and in the subprocesses they start)."""

from __future__ import annotations

import dataclasses
import os
import time

from newstrace.model import Article
from newstrace.pipeline import Pipeline
from newstrace.types import AnalysisOptions, Context


@dataclasses.dataclass
class _Tag:
    """A stand-in analysis stage: marks the article as analysed (and may sleep or crash)."""

    sleep: float = 0.0
    crash_on: str | None = None
    hang_on: str | None = None
    hog_on: str | None = None
    name: str = "light"
    requires: frozenset = frozenset({"text"})
    provides: frozenset = frozenset({"light"})

    def __call__(self, article: Article, ctx: Context) -> Article:
        if self.crash_on and self.crash_on in article.text:
            os._exit(13)  # a worker dying in native code, as far as the pool can tell
        if self.hang_on and self.hang_on in article.text:
            time.sleep(3600)  # a document that never finishes
        if self.hog_on and self.hog_on in article.text:
            hog = b"\x01" * (int(os.environ.get("LIGHT_HOG_MB", "600")) << 20)  # written, so resident
            time.sleep(30)
            del hog
        if self.sleep:
            time.sleep(self.sleep)
        return article


def extraction_only(options: AnalysisOptions) -> Pipeline:
    return Pipeline([_Tag()], options)


def slow(options: AnalysisOptions) -> Pipeline:
    return Pipeline([_Tag(sleep=float(os.environ.get("LIGHT_SLEEP", "0.05")))], options)


def crashing(options: AnalysisOptions) -> Pipeline:
    return Pipeline([_Tag(crash_on="Story number 7 ")], options)


def hanging(options: AnalysisOptions) -> Pipeline:
    return Pipeline([_Tag(hang_on="Story number 5 ")], options)


def hogging(options: AnalysisOptions) -> Pipeline:
    return Pipeline([_Tag(hog_on="Story number 3 ")], options)
