"""The event stage: dated events and the per-article timeline."""

from __future__ import annotations

import dataclasses

from newstrace.model import Article
from newstrace.types import Context


class EventStage:
    name = "events"
    requires = frozenset({"sentences", "timexes", "quotes"})
    provides = frozenset({"events"})

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.events import find_events

        return dataclasses.replace(article, events=find_events(article, ctx.data.get("doc")))
