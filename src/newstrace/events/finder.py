"""Find dated events from time expressions and the clauses that carry them.

An event is anchored on a DATE or TIME expression. Its text is the smallest
readable unit that says what happened then: the clause governing the date
(climbing the parse to the nearest clause head; a relative clause with its
noun), falling back to the sentence. When the date modifies a noun ("the March
22 attack") that noun phrase is the event's ``subject`` and its sentence the
text: the phrase alone is a fragment, not something a reader can follow.
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
# Relations of a clause that describes a noun: the noun is part of what it says.
_RELATIVE = frozenset({"relcl", "acl:relcl", "acl"})


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


def _event_span(doc: Doc | None, timex: Span, sentence: Span) -> tuple[Span, Span | None]:
    """(the readable text of what happened then, the noun phrase the date dates if it dates one).

    A date inside a noun phrase, before its noun and without a preposition, dates that noun phrase
    ("the March 22 attack"): the phrase alone is no readable event, so the text is its sentence.
    Otherwise the clause governing the date, taken whole: a relative clause with the noun it hangs
    on ("information that helped prevent attacks in 2017"), the sentence when the clause is short.
    """
    if doc is None:
        return sentence, None
    chunk = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if chunk is None or len(chunk) == 0:
        return sentence, None
    head = chunk.root
    # A date inside a noun phrase, before its noun and without a preposition, dates that noun phrase
    # ("the March 22 attack"); "the warning on March 7" is dated by its clause.
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
            return sentence, span
    token = head
    while token.dep_ not in _CLAUSE_HEADS and token.head != token:
        token = token.head
    if token.dep_ in _RELATIVE and token.head != token and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        token = token.head  # the clause says something of this noun, which is its subject
    clause = _subtree_span(token)
    if not sentence.contains(clause) or len(doc.char_span(clause.start, clause.end, alignment_mode="expand") or ()) < MIN_CLAUSE_TOKENS:
        return sentence, None
    return clause, None


def _account(quotes: tuple[Quote, ...], span: Span, sentence: Span) -> Quote | None:
    for quote in quotes:
        if any(part.contains(span) for part in quote.content):
            return quote
    for quote in quotes:
        if quote.cue is not None and sentence.contains(quote.cue):
            return quote
    return None


def find_events(article: Article, doc: Doc | None = None) -> tuple[Event, ...]:
    """One event per DATE/TIME expression; undated ones have ``date`` None.

    An expression nested in another ("March 22" in "three days before the March 22 attack") dates
    the noun it stands before; one text with one date is one event (two expressions of the same
    day in one clause, or a noun dated the day a clause of the article already tells of, add none).
    """
    found: list[tuple[int, Timex, Span, Span | None, Span]] = []
    for index, timex in enumerate(article.timexes):
        if timex.type not in ("DATE", "TIME") or timex.value in _NOT_DATES:
            continue
        sentence = _sentence_of(article.sentences, timex.span, article.text)
        span, subject = _event_span(doc, timex.span, sentence)
        found.append((index, timex, span, subject, sentence))
    told = {(_date_value(t), span) for _, t, span, subject, _ in found if subject is None}
    told_dates = {date for date, _ in told}
    events: list[Event] = []
    seen: set[tuple[str | None, Span]] = set()
    for index, timex, span, subject, sentence in found:
        date = _date_value(timex)
        if (date, span) in seen or subject is not None and date is not None and date in told_dates:
            continue
        seen.add((date, span))
        quote = None if subject is not None else _account(article.quotes, timex.span, sentence)
        events.append(
            Event(
                id=f"v{len(events) + 1}",
                span=span,
                date=date,
                timex=index,
                according_to=quote.speaker.name if quote and quote.speaker else None,
                quote_id=quote.id if quote else None,
                subject=subject,
            )
        )
    return tuple(events)


def _date_value(timex: Timex) -> str | None:
    """The TimeML value; a partial one ("XXXX-03-22") still orders within its year."""
    return timex.value if timex.value and timex.value not in _NOT_DATES else None
