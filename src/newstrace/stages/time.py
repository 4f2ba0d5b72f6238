"""The time stage: TIMEX3 expressions anchored to the article's date."""

from __future__ import annotations

import dataclasses

from newstrace.model import Article, Image
from newstrace.types import Context


class TimeStage:
    name = "time"
    requires = frozenset({"text"})
    provides = frozenset({"timexes", "image_dates"})
    languages = frozenset({"en"})  # the rules read English month names, weekdays and phrasing

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.timex import tag_timexes
        from newstrace.timex.governs import parse_hints

        images = tuple(_dated(image, ctx) for image in article.images)
        doc = ctx.data.get("doc")
        # With the parse at hand, the tense of the verb each expression hangs on decides its
        # direction, where the tagger alone guesses from the verb forms nearest it.
        hints = (lambda spans: parse_hints(doc, spans)) if doc is not None else None
        timexes = tag_timexes(article.text, ctx.dct, hints=hints)
        return dataclasses.replace(article, timexes=timexes, images=images)


def _dated(image: Image, ctx: Context) -> Image:
    """Captions stand outside the text, so their date is kept on the image itself."""
    from newstrace.timex import tag_timexes

    if not image.caption:
        return image
    for timex in tag_timexes(image.caption, ctx.dct):
        if timex.type in ("DATE", "TIME") and timex.value:
            span = image.caption[timex.span.start : timex.span.end]
            return dataclasses.replace(image, date_text=span, date=timex.value)
    return image
