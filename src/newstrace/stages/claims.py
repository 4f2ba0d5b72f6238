"""The claims stage: what each statement says (subject, predicate, figures, dates, polarity)."""

from __future__ import annotations

import dataclasses

from newstrace.model import Article
from newstrace.types import Context


class ClaimStage:
    name = "claims"
    requires = frozenset({"doc", "sentences", "timexes", "quotes"})
    provides = frozenset({"claims"})

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.claims import find_claims

        return dataclasses.replace(article, claims=find_claims(article, ctx.data.get("doc")))
