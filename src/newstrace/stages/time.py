"""The time stage: TIMEX3 expressions anchored to the article's date."""

from __future__ import annotations

import dataclasses

from newstrace.model import Article
from newstrace.pipeline import Context


class TimeStage:
    name = "time"
    requires = frozenset({"text"})
    provides = frozenset({"timexes"})

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.timex import tag_timexes

        return dataclasses.replace(article, timexes=tag_timexes(article.text, ctx.dct))
