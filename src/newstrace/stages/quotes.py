"""The quote stage: who said what, through whom, and what the article retells."""

from __future__ import annotations

import dataclasses

from newstrace.model import Article
from newstrace.pipeline import Context


class QuoteStage:
    name = "quotes"
    requires = frozenset({"doc", "timexes", "entities"})
    provides = frozenset({"quotes", "cites"})

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.attribution import extract_attributions
        from newstrace.attribution.entity_ids import link_speakers

        found = extract_attributions(article.text, ctx.data["doc"], article.timexes)
        return dataclasses.replace(article, quotes=link_speakers(found.quotes, article.entities), cites=found.cites)
