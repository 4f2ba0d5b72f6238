"""Find dated events from time expressions and the clauses that carry them.

An event is anchored on a DATE or TIME expression. Its text is the smallest
unit that says what happened then: the noun phrase when the date modifies a
noun ("the March 22 attack"), otherwise the clause governing the date
(climbing the parse to the nearest clause head), falling back to the sentence.
Its account is the speaker of the statement that contains it, or whose cue
stands in the same sentence; otherwise it is the article's own narration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.model import Article, Event, Quote, Sentence, Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency relations that start a clause of their own.
_CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl:relcl", "conj", "parataxis", "xcomp", "csubj"})
# Relations by which a date stands inside a noun phrase, before its noun ("the March 22 attack");
# both spaCy's English labels and Universal Dependencies' are listed.
_NOUN_MODIFIER = frozenset({"compound", "nmod", "nmod:tmod", "nmod:unmarked", "nmod:npmod", "npadvmod", "nummod", "amod"})
# References like "now" or "recently" place nothing on a calendar.
_NOT_DATES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
MIN_CLAUSE_TOKENS = 4


def _sentence_of(sentences: tuple[Sentence, ...], span: Span, text: str) -> Span:
    for sentence in sentences:
        if sentence.span.contains(span) or sentence.span.overlaps(span):
            return sentence.span
    # No sentence split available: the paragraph is the next best unit.
    start = text.rfind("\n\n", 0, span.start)
    end = text.find("\n\n", span.end)
    return Span(0 if start < 0 else start + 2, len(text) if end < 0 else end)


def _subtree_span(token: Token) -> Span:
    left, right = token.left_edge, token.right_edge
    return Span(left.idx, right.idx + len(right.text))


def _event_span(doc: Doc | None, timex: Span, sentence: Span) -> Span:
    if doc is None:
        return sentence
    chunk = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if chunk is None or len(chunk) == 0:
        return sentence
    head = chunk.root
    # A date inside a noun phrase, before its noun and without a preposition, dates that
    # noun phrase ("the March 22 attack"); "the warning on March 7" is dated by its clause.
    prepositional = any(child.dep_ == "case" for child in head.children)
    if (
        head.dep_ in _NOUN_MODIFIER
        and not prepositional
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.head.i > chunk.end - 1
    ):
        noun = head.head
        # The phrase from after its preposition: "the March 22 attack", not "three days before the March 22 attack".
        cases = [c for c in noun.lefts if c.dep_ in ("case", "prep")]
        first = doc[cases[-1].i + 1] if cases else noun.left_edge
        span = Span(first.idx, noun.right_edge.idx + len(noun.right_edge.text))
        if sentence.contains(span) and not span.contains(Span(sentence.start, sentence.end)):
            return span
    token = head
    while token.dep_ not in _CLAUSE_HEADS and token.head != token:
        token = token.head
    clause = _subtree_span(token)
    if not sentence.contains(clause) or len(doc.char_span(clause.start, clause.end, alignment_mode="expand") or ()) < MIN_CLAUSE_TOKENS:
        return sentence
    return clause


def _account(quotes: tuple[Quote, ...], span: Span, sentence: Span) -> Quote | None:
    for quote in quotes:
        if any(part.contains(span) for part in quote.content):
            return quote
    for quote in quotes:
        if quote.cue is not None and sentence.contains(quote.cue):
            return quote
    return None


def find_events(article: Article, doc: Doc | None = None) -> tuple[Event, ...]:
    """One event per DATE/TIME expression; undated ones have ``date`` None."""
    events: list[Event] = []
    for index, timex in enumerate(article.timexes):
        if timex.type not in ("DATE", "TIME") or timex.value in _NOT_DATES:
            continue
        sentence = _sentence_of(article.sentences, timex.span, article.text)
        span = _event_span(doc, timex.span, sentence)
        noun_phrase = span.end - span.start < sentence.end - sentence.start and span.contains(timex.span) and _is_noun_phrase(doc, span)
        quote = None if noun_phrase else _account(article.quotes, timex.span, sentence)
        events.append(
            Event(
                id=f"v{len(events) + 1}",
                span=span,
                date=_date_value(timex),
                timex=index,
                according_to=quote.speaker.name if quote and quote.speaker else None,
                quote_id=quote.id if quote else None,
            )
        )
    return tuple(events)


def _is_noun_phrase(doc: Doc | None, span: Span) -> bool:
    if doc is None:
        return False
    chunk = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chunk is not None and chunk.root.pos_ in ("NOUN", "PROPN")


def _date_value(timex: Timex) -> str | None:
    """The TimeML value; a partial one ("XXXX-03-22") still orders within its year."""
    return timex.value if timex.value and timex.value not in _NOT_DATES else None
