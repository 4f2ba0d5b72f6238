"""The NLP stage: sentences and named entities from the project's spaCy pipeline."""

from __future__ import annotations

import dataclasses

from newstrace.entities import group_mentions
from newstrace.model import Article, Mention, Sentence, Span
from newstrace.pipeline import Context

# Labels other pipelines use for what ours calls PLACE.
_LABEL_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PER": "PERSON", "NORP": "GROUP"}


def _trimmed(text: str, start: int, end: int) -> Sentence:
    """A sentence without the whitespace (a paragraph break) the tokenizer may leave at its ends."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Sentence(Span(start, end))


class NlpStage:
    name = "nlp"
    requires = frozenset({"text"})
    provides = frozenset({"doc", "sentences", "mentions", "entities"})

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.nlp import load_nlp

        nlp = load_nlp(self.model)
        if len(article.text) >= nlp.max_length:
            nlp.max_length = len(article.text) + 1
        doc = nlp(article.text)
        ctx.data["doc"] = doc
        sentences = tuple(_trimmed(article.text, s.start_char, s.end_char) for s in doc.sents if s.text.strip())
        mentions = tuple(Mention(Span(e.start_char, e.end_char), _LABEL_MAP.get(e.label_, e.label_)) for e in doc.ents)
        mentions, entities = group_mentions(article.text, mentions)
        return dataclasses.replace(article, sentences=sentences, mentions=mentions, entities=entities)
