"""said_on takes only a date that modifies the reporting verb (timex.governs.modifies), end to end
through the attribution extractor and the time tagger."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.model import Span
from newstrace.timex import tag_timexes
from newstrace.timex.governs import modifies


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    try:
        from newstrace.nlp import load_nlp

        return load_nlp()
    except Exception as exc:  # the model is trained separately; without it this cannot run
        pytest.skip(f"no NLP model available: {exc}")


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


@pytest.mark.parametrize(
    "text, verb, date_phrase, expected",
    [
        ("The company, founded in 1999, said on Monday that profits rose.", "said", "Monday", True),
        ("The company, founded in 1999, said on Monday that profits rose.", "said", "1999", False),
        ("Putin thanked the Americans for information that helped prevent attacks in 2017.", "thanked", "2017", False),
        ("On Tuesday, the minister told reporters that the talks had failed.", "told", "Tuesday", True),
        ("The minister said the warnings on March 7 were ignored.", "said", "March 7", False),
        ("Putin rejected the warnings on March 19, calling them blackmail.", "calling", "March 19", True),
    ],
)
def test_a_date_modifies_the_verb_or_not(nlp, text: str, verb: str, date_phrase: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    assert modifies(nlp(text), _span(text, verb), _span(text, date_phrase)) is expected


def test_said_on_is_the_reporting_verbs_date(nlp) -> None:  # type: ignore[no-untyped-def]
    from newstrace.attribution import extract_attributions

    text = "Acme, which was founded in 1999, said that it would cut 200 jobs."
    timexes = tag_timexes(text, date(2024, 4, 3))
    quotes = [q for q in extract_attributions(text, nlp(text), timexes).quotes if q.content]
    assert quotes and all(q.said_on is None for q in quotes)  # the founding year is not when it spoke
    text = "Acme, which was founded in 1999, said on Monday that it would cut 200 jobs."
    timexes = tag_timexes(text, date(2024, 4, 3))
    quotes = [q for q in extract_attributions(text, nlp(text), timexes).quotes if q.content]
    assert [q.said_on for q in quotes] == ["2024-04-01"]
