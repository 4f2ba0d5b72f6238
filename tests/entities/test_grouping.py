"""Within one article: short forms join the full name; a person's canonical name has no title."""

from __future__ import annotations

from newstrace.entities.grouping import group_mentions
from newstrace.model import Mention, Span


def _mentions(text: str, *items: tuple[str, str, int]) -> tuple[Mention, ...]:
    out = []
    for phrase, label, nth in items:
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        out.append(Mention(Span(start, start + len(phrase)), label))
    return tuple(out)


def test_title_leaves_the_canonical_name_and_stays_an_alias() -> None:
    text = "Russian President Vladimir Putin spoke. Putin said the Kremlin was ready."
    mentions = _mentions(text, ("Russian President Vladimir Putin", "PERSON", 0), ("Putin", "PERSON", 1), ("Kremlin", "PLACE", 0))
    new, entities = group_mentions(text, mentions)
    person = next(e for e in entities if e.label == "PERSON")
    assert person.name == "Vladimir Putin"
    assert "Russian President Vladimir Putin" in person.aliases
    assert new[0].entity_id == new[1].entity_id == person.id


def test_a_one_word_name_after_a_title_keeps_the_title() -> None:
    text = "President Obama spoke."
    _, entities = group_mentions(text, _mentions(text, ("President Obama", "PERSON", 0)))
    assert entities[0].name == "President Obama"  # "Obama" alone would lose who is meant


def test_a_title_written_before_the_name_becomes_an_alias() -> None:
    # the entity rules leave titles out of person mentions; the entity keeps the titled form
    text = "Indiana Gov. Eric Holcomb signed. Holcomb said so. The CIA Director William Burns came."
    _, entities = group_mentions(text, _mentions(text, ("Eric Holcomb", "PERSON", 0), ("Holcomb", "PERSON", 1),
                                                 ("William Burns", "PERSON", 0)))
    holcomb = next(e for e in entities if e.name == "Eric Holcomb")
    assert "Indiana Gov. Eric Holcomb" in holcomb.aliases
    burns = next(e for e in entities if e.name == "William Burns")
    assert burns.aliases == ("CIA Director William Burns",)
