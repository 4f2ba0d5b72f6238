"""Which one of a person's series an event is ("for the fifth time" / "his sixth title defence"):
two numbers of one person's act conflict; numbers of other people, other acts, streaks, spans and
past occasions do not."""

from __future__ import annotations

import pytest
from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.link.ordinals import Ordinal, ordinals, ordinals_differ, same_person


def _conflicts(t1: str, t2: str):
    a = make_article("a", t1, site="a.org", claims=True)
    b = make_article("b", t2, site="b.org", claims=True)
    return find_conflicts([a, b])


def _read(text: str, verb: str | None = None, obj: str | None = None) -> list[tuple[str, str, int]]:
    return [(o.owner, o.act, o.number) for o in ordinals(text, verb, obj)]


def test_an_ordinal_before_an_event_noun_owned_by_a_name() -> None:
    assert _read("It was Ana Cruz's third arrest, police said.") == [("ana cruz", "arrest", 3)]
    assert _read("Marta Ruiz won her fourth title defence on Saturday.") == [("marta ruiz", "defend", 4)]


def test_for_the_nth_time_numbers_the_verbs_act_by_the_sentences_first_name() -> None:
    assert _read("Marta Ruiz kept her world title for the fourth time.", "keep", "title") == [("marta ruiz", "defend", 4)]
    assert _read("Tom Gale married for the third time in June.", "marry") == [("tom gale", "marry", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "Marta Ruiz knocked Lee down for the second time.",  # numbered within one fight
        "Marta Ruiz won her 12th straight bout.",  # a streak
        "It was Ana Cruz's second arrest in less than a month.",  # a span
        "Marta Ruiz kept her title for the first time since 2005.",
        "In her fifth title defence last year, Marta Ruiz beat Lee.",  # a past occasion
        "Marta Ruiz's second win over Lee came on Sunday.",  # wins run in many series at once
    ],
)
def test_spans_streaks_past_occasions_and_acts_of_many_series_are_not_read(text: str) -> None:
    assert _read(text, "keep" if "kept" in text else None, "title") == []


def test_a_transposed_letter_in_a_surname_is_one_person_but_another_first_name_is_not() -> None:
    assert same_person("klitschko", "klitchsko")
    assert same_person("marta ruiz", "ruiz")
    assert not same_person("marta ruiz", "elena ruiz")
    assert not same_person("ruiz", "ruis")  # a letter changed, not moved


def test_two_numbers_of_one_act_differ_only_for_one_person_and_act() -> None:
    five = Ordinal("marta ruiz", "Marta Ruiz", "defend", 5, "her fifth title defence")
    assert ordinals_differ(five, Ordinal("ruiz", "Ruiz", "defend", 6, "for the sixth time"))
    assert not ordinals_differ(five, Ordinal("ruiz", "Ruiz", "defend", 5, "for the fifth time"))
    assert not ordinals_differ(five, Ordinal("ruiz", "Ruiz", "marry", 6, "her sixth marriage"))
    assert not ordinals_differ(five, Ordinal("elena ruiz", "Elena Ruiz", "defend", 6, "her sixth title defence"))


def test_a_retained_title_and_a_title_defence_numbered_differently_conflict() -> None:
    (c,) = _conflicts(
        "Marta Ruiz retained her world title for the fifth time on Saturday.",
        "The stoppage came in Ruiz's sixth defence of the belt, the promoter said.",
    )
    assert "fifth" in c.evidence and "sixth" in c.evidence and "Ruiz" in c.topic


def test_the_same_number_or_other_peoples_numbers_do_not_conflict() -> None:
    assert _conflicts("Marta Ruiz retained her world title for the fifth time.", "It was Ruiz's fifth title defence.") == []
    assert _conflicts("Marta Ruiz retained her world title for the fifth time.", "It was Elena Ruiz's sixth title defence.") == []
    assert _conflicts("Ana Cruz married for the second time.", "It was Ana Cruz's third arrest.") == []
