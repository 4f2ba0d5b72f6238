"""With a parse, the tense of the verb an expression hangs on decides its direction (the time stage),
and no past-tense event is dated after the publication date."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from _support import REPO, SHARED

from newstrace.model import Span
from newstrace.timex import tag_timexes
from newstrace.timex.governs import clause_tense, is_past_form, parse_hints, verb_of


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


def _tag(nlp, text: str, dct: date) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [(t.span.text(text), t.value) for t in tag_timexes(text, dct, hints=lambda spans: parse_hints(doc, spans))]


def test_verbs_and_their_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hamas attacked Israel on Oct. 7 and the army will respond on Friday."
    doc = nlp(text)
    assert verb_of(doc, _span(text, "Oct. 7")).text == "attacked"
    assert is_past_form(verb_of(doc, _span(text, "Oct. 7")))
    assert not is_past_form(verb_of(doc, _span(text, "Friday")))
    assert clause_tense(doc, _span(text, "Friday")) == 1
    text = "Lawmakers met ahead of their 2020 session."
    assert verb_of(nlp(text), _span(text, "2020")) is None  # it dates the session, not the meeting


def test_the_parse_decides_the_direction(nlp) -> None:  # type: ignore[no-untyped-def]
    wed = date(2019, 11, 20)
    text = "The merger, which became final Tuesday, will create a stronger company."
    assert _tag(nlp, text, wed) == [("Tuesday", "2019-11-19")]  # the nearest verb form is "will"
    text = 'Morrison said: "I feared at the time of the call on July 25 how its disclosure would play."'
    assert _tag(nlp, text, wed) == [("July 25", "2019-07-25")]
    text = "The army cleared the barricades this weekend, they noted."
    assert _tag(nlp, text, date(2019, 11, 18)) == [("this weekend", "2019-W46-WE")]
    text = "The two were kidnapped in 2016. The next year, the Taliban released two videos of them."
    assert _tag(nlp, text, date(2019, 11, 19)) == [("2016", "2016"), ("The next year", "2017")]
    # A target the past verb moved a date to is still ahead.
    text = "The offer was extended to Dec. 7, the company said."
    assert _tag(nlp, text, wed) == [("Dec. 7", "2019-12-07")]


def test_no_past_tense_event_after_publication_on_newsdev() -> None:
    newsdev = SHARED / "data" / "newsdev"
    if not (newsdev / "score.py").exists():
        pytest.skip(f"newsdev pages not found at {newsdev} (set NEWSTRACE_SHARED)")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from future_events import check, pages

    from newstrace.pipeline import AnalysisOptions, Context, build_pipeline, parse_published

    pipeline = build_pipeline(AnalysisOptions())
    import dataclasses

    found = []
    for page in [p for p in pages(SHARED / "data") if p.name.startswith("newsdev/")]:
        article = dataclasses.replace(pipeline.extract(page.raw), published=parse_published(page.published or ""))
        dct = date.fromisoformat(page.published or "")
        ctx = Context(dct=dct)
        for stage in pipeline.stages:
            article = stage(article, ctx)
        found += check(article, ctx.data["doc"], page.name, dct)[2]
    assert not found, found
