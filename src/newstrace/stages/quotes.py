"""The quote stage: who said what, through whom, and what the article retells.

Attribution compares the statements of an article with each other, so its work grows with
the square of their number. An article with more cue words than ``WINDOW_CUES`` (a few
hundred: only very long texts) is therefore read in windows of whole sentences, each with
at most that many cue words, the results shifted back to article offsets; reading stops once
``limits.quotes`` quotes are found or ``CUE_BUDGET`` cue words are read, and the record says
where (a ``quotes`` Cut). Within a window nothing changes; across windows a speaker named in
one window is not linked to a pronoun in the next.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from spacy.tokens import Doc

from newstrace.bounds import bound_quotes
from newstrace.limits import Limits
from newstrace.model import Article, Citation, Cut, Quote, Span, Speaker, Timex
from newstrace.types import Context

WINDOW_CUES = 400  # cue words per window: a window then takes well under a second
WINDOW_CHARS = 100_000
CUE_BUDGET = 10_000  # cue words read in all, whatever the quotes found


def _cue_words() -> frozenset[str]:
    from newstrace.lang.en.reporting_verbs import COMMUNICATION_VERBS, SPEECH_NOUNS, SPEECH_VERBS

    return SPEECH_VERBS | COMMUNICATION_VERBS | SPEECH_NOUNS | {"according"}


def windows(doc: Doc, cue_words: frozenset[str]) -> Iterator[tuple[int, int, int]]:
    """(first token, end token, cue words) of runs of whole sentences within the window limits."""
    start = cues = 0
    for sent in doc.sents:
        n = sum(1 for t in sent if t.lemma_.lower() in cue_words or t.lower_ in cue_words)
        too_many = cues + n > WINDOW_CUES or doc[sent.end - 1].idx - doc[start].idx > WINDOW_CHARS
        if too_many and sent.start > start:
            yield start, sent.start, cues
            start, cues = sent.start, 0
        cues += n
    if start < len(doc):
        yield start, len(doc), cues


def _shift(span: Span | None, by: int) -> Span | None:
    return None if span is None else Span(span.start + by, span.end + by)


def _shift_speaker(speaker: Speaker | None, by: int) -> Speaker | None:
    return None if speaker is None else dataclasses.replace(speaker, span=_shift(speaker.span, by))


def _shift_quote(q: Quote, by: int, n: int, timex_index: list[int]) -> Quote:
    """A window's quote in article offsets: every span moved by ``by``, ids and time indexes renumbered."""
    return dataclasses.replace(
        q,
        id=f"q{n}",
        content=tuple(Span(s.start + by, s.end + by) for s in q.content),
        cue=_shift(q.cue, by),
        speaker=_shift_speaker(q.speaker, by),
        speaker_candidate=_shift_speaker(q.speaker_candidate, by),
        medium_span=_shift(q.medium_span, by),
        audience_span=_shift(q.audience_span, by),
        said_on_timex=timex_index[q.said_on_timex] if q.said_on_timex is not None else None,
    )


def _in_window(timexes: tuple[Timex, ...], start: int, end: int) -> tuple[tuple[Timex, ...], list[int]]:
    index = [i for i, t in enumerate(timexes) if start <= t.span.start and t.span.end <= end]
    local = tuple(dataclasses.replace(timexes[i], span=Span(timexes[i].span.start - start, timexes[i].span.end - start)) for i in index)
    return local, index


class QuoteStage:
    name = "quotes"
    requires = frozenset({"doc", "timexes", "entities"})
    provides = frozenset({"quotes", "cites"})
    languages = frozenset({"en"})  # cues, speakers and the tagger are English (newstrace.lang.en)

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()

    def __call__(self, article: Article, ctx: Context) -> Article:
        from newstrace.attribution import extract_attributions
        from newstrace.attribution.entity_ids import link_speakers

        doc: Doc = ctx.data["doc"]
        parts = list(windows(doc, _cue_words())) if len(doc) else []
        cuts: tuple[Cut, ...] = ()
        if len(parts) <= 1:
            found = extract_attributions(article.text, doc, article.timexes)
            quotes, cites = link_speakers(found.quotes, article.entities), found.cites
        else:
            quotes, cites, stop = self._windowed(article, doc, parts, extract_attributions)
            if stop is not None and len(quotes) <= self.limits.quotes:  # else bound_quotes records the cut
                cuts = (Cut("quotes", self.limits.quotes, len(quotes), stop),)
            quotes = link_speakers(quotes, article.entities)
        quotes, more = bound_quotes(quotes, article.text, self.limits)
        return dataclasses.replace(article, quotes=quotes, cites=cites, cuts=article.cuts + cuts + more)

    def _windowed(self, article, doc, parts, extract) -> tuple[tuple[Quote, ...], tuple[Citation, ...], int | None]:  # noqa: ANN001
        quotes: list[Quote] = []
        cites: list[Citation] = []
        read = 0
        for first, end, cue_count in parts:
            start_char = doc[first].idx
            if len(quotes) >= self.limits.quotes or read + cue_count > CUE_BUDGET:
                return tuple(quotes), tuple(cites), start_char
            read += cue_count
            end_char = doc[end - 1].idx + len(doc[end - 1].text_with_ws)
            sub = doc[first:end].as_doc()
            timexes, index = _in_window(article.timexes, start_char, end_char)
            found = extract(article.text[start_char:end_char], sub, timexes)
            base = len(quotes)
            quotes.extend(_shift_quote(q, start_char, base + i, index) for i, q in enumerate(found.quotes, 1))
            cites.extend(dataclasses.replace(c, span=_shift(c.span, start_char)) for c in found.cites)
        return tuple(quotes), tuple(cites), None
