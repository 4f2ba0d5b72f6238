"""The NLP stage: sentences and named entities from the project's spaCy pipeline.

Long texts are analysed in sections (newstrace.sections) joined back into one Doc, so spaCy's
memory stays that of an ordinary article whatever the length; no sentence is longer than
``limits.sentence_words`` words (longer ones are split, and the split recorded as a Cut).
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc

from newstrace.entities import group_mentions
from newstrace.limits import SECTION_CHARS, Limits
from newstrace.model import Article, Cut, Mention, Sentence, Span
from newstrace.sections import pieces, plan_sections
from newstrace.types import Context

# Labels other pipelines use for what ours calls PLACE.
_LABEL_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PER": "PERSON", "NORP": "GROUP"}


def _trimmed(text: str, start: int, end: int) -> Sentence:
    """A sentence without the whitespace (a paragraph break) the tokenizer may leave at its ends."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Sentence(Span(start, end))


def _words(span) -> int:  # noqa: ANN001 - a spaCy Span
    return sum(1 for t in span if not (t.is_punct or t.is_space))


def parse(nlp: Language, text: str, limits: Limits, max_chars: int = SECTION_CHARS) -> tuple[Doc, Cut | None]:
    """``text`` parsed in sections, as one Doc; the Cut says where long runs of words were split."""
    plan = plan_sections(text, max_chars, limits.sentence_words)
    doc = _joined(nlp, text, list(plan.cuts))
    runs, longest = plan.long_runs, plan.longest_run
    # Abbreviations ("U.S. officials") forbid sentence ends the text scan counted on: split what is still too long.
    extra: list[int] = []
    for sent in doc.sents:
        if len(sent) > limits.sentence_words and (n := _words(sent)) > limits.sentence_words:
            runs, longest = runs + 1, max(longest, n)
            words = [t.idx for t in sent if not (t.is_punct or t.is_space)]
            extra.extend(words[limits.sentence_words :: limits.sentence_words])
    if extra:
        doc = _joined(nlp, text, sorted(set(plan.cuts) | set(extra)))
    cut = Cut("sentence_words", limits.sentence_words, longest, None, runs) if runs else None
    return doc, cut


def _joined(nlp: Language, text: str, cuts: list[int]) -> Doc:
    if not cuts:
        return nlp(text)
    # One section at a time: nlp.pipe would batch them all, and its working memory with them.
    docs = [nlp(text[a:b]) for a, b in pieces(text, cuts)]
    return Doc.from_docs(docs, ensure_whitespace=False)


class NlpStage:
    name = "nlp"
    requires = frozenset({"text"})
    provides = frozenset({"doc", "sentences", "mentions", "entities"})

    def __init__(self, model: str | None = None, limits: Limits | None = None, ner: str = "fast") -> None:
        from newstrace.nlp import model_languages

        self.model = model
        self.limits = limits or Limits()
        self.ner = ner
        self.languages = model_languages(model)  # the pipeline runs the stage only on these

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.nlp import load_nlp

        language = article.language if self.model is None and article.language in self.languages else None
        doc, cut = parse(load_nlp(self.model, language, self.ner), article.text, self.limits)
        ctx.data["doc"] = doc
        sentences = tuple(_trimmed(article.text, s.start_char, s.end_char) for s in doc.sents if s.text.strip())
        mentions = tuple(Mention(Span(e.start_char, e.end_char), _LABEL_MAP.get(e.label_, e.label_)) for e in doc.ents)
        mentions, entities = group_mentions(article.text, mentions)
        cuts = article.cuts + ((cut,) if cut else ())
        return dataclasses.replace(article, sentences=sentences, mentions=mentions, entities=entities, cuts=cuts)
