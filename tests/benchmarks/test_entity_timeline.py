"""benchmarks/entity_timeline.py (the SemEval-2015 timeline benchmark's builder): an entity's dated events
across articles, from hand-written articles."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from entity_timeline import day_anchor, entity_timeline, name_aliases

from newstrace.model import Article, PublishedDate, SourceRef
from newstrace.pipeline import build_pipeline


def _article(aid: str, text: str, published: str) -> Article:
    return Article(id=aid, text=text, source=SourceRef("file", aid), published=PublishedDate(published, "test"))


def test_aliases_and_anchors() -> None:
    assert "USAF" in name_aliases("United States Air Force")
    assert "A380" in name_aliases("Airbus A380")
    assert name_aliases("Louis Gallois", person=True) == ("Gallois",)
    assert day_anchor("2008-03") == "2008-03-XX"
    assert day_anchor("2007") == "2007-XX-XX"
    assert day_anchor("PAST_REF") is None


def test_timeline_across_articles() -> None:
    pipeline = build_pipeline()
    later = pipeline.analyse_article(
        _article("b", "Airbus delivered the first A380 to Singapore Airlines on October 15, 2007.", "2007-10-16")
    )
    earlier = pipeline.analyse_article(
        _article("a", "Airbus announced a new delay on Tuesday. The Airbus A380 will fly next year.", "2006-10-04")
    )
    events = entity_timeline([later, earlier], "Airbus")
    words = [(e.article_id, e.text) for e in events]
    assert ("b", "delivered") in words and ("a", "announced") in words
    # Ordered by date across articles, whatever order the articles came in.
    assert words.index(("a", "announced")) < words.index(("b", "delivered"))
    delivered = next(e for e in events if e.text == "delivered")
    assert delivered.date == "2007-10-15" and delivered.anchor == "timex"
    # "Airbus" inside "Airbus A380" is the aircraft, not the company: "fly" is not Airbus's.
    assert all(e.text != "fly" for e in events)
    assert any(e.text == "fly" for e in entity_timeline([earlier], "Airbus A380"))


def test_week_anchor_keeps_its_month_when_it_fits_in_one() -> None:
    assert day_anchor("2010-W24") == "2010-06-XX"  # June 14-20, 2010
    assert day_anchor("2006-W13") == "2006-XX-XX"  # March 27 - April 2, 2006: two months


def test_dates_inside_noun_phrases_and_present_tense() -> None:
    pipeline = build_pipeline()
    article = pipeline.analyse_article(
        _article(
            "c",
            "Apple Corps said on Monday that Apple Computer violated the 1991 agreement. "
            "Apple Computer has a music store.",
            "2006-03-29",
        )
    )
    events = {e.text: e for e in entity_timeline([article], "Apple Computer")}
    # "the 1991 agreement" dates the agreement, not the violating.
    assert events["agreement"].date == "1991" and events["violated"].date != "1991"
    # The present tense is the state at publication; the past retells the news of its day.
    assert events["has"].date == "2006-03-29" and events["has"].anchor == "dct"
