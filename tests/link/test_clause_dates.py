"""A day written in a relative or adverbial clause is that clause's event's: "the gunman, who was
arrested on March 11, appeared in court" dates the arrest, not the appearance. Set against another
source's day of the same event it conflicts; it is never given to the main verb; and a speaker's
own two clauses, another event's day, or the reporter's narration against nobody stay apart."""

from __future__ import annotations

from link_support import make_article, two_outlets_conflicts

from newstrace.claims.clauses import clauses_in
from newstrace.link.conflicts import find_conflicts
from newstrace.model import Conflict
from newstrace.nlp import load_nlp
from newstrace.text import stem


def _pair(x: str, y: str) -> list[Conflict]:
    return two_outlets_conflicts(x, y, "dates")


def _reasons(x: str, y: str) -> list[str]:
    return [c.evidence for c in _pair(x, y)]


def test_a_relative_clause_is_read_with_its_own_verb_and_the_noun_it_is_about() -> None:
    doc = load_nlp()("The smuggler, who was detained on March 9, appeared before a judge.")
    (clause,) = clauses_in(list(doc))
    assert doc.text[clause.span.start : clause.span.end] == "who was detained on March 9"
    assert (clause.predicate, clause.subject) == ("detain", stem("smuggler"))


def test_a_day_in_a_relative_clause_dates_that_clauses_event() -> None:
    found = _reasons("Agents detained the smuggler on March 9.", "The smuggler, who was detained on March 7, appeared before a judge.")
    assert found == ["different dates: 9 March vs 7 March"], found
    # both sides in relative clauses
    found = _reasons("The smuggler, who was detained on March 9, was freed.", "Officials said the smuggler, who was detained on March 7, faces charges.")
    assert found == ["different dates: 9 March vs 7 March"], found


def test_a_day_in_an_adverbial_clause_dates_that_clauses_event() -> None:
    found = _reasons("Customs officers raided the warehouse on March 3.", "The smuggler was caught after customs officers raided the warehouse on March 5.")
    assert found == ["different dates: 3 March vs 5 March"], found


def test_a_clauses_day_is_not_the_main_verbs() -> None:
    # the rifle was bought on March 2; the shooting's day is not said on that side
    assert not _reasons("The gunman, who bought the rifle on March 2, opened fire at the school.", "The gunman opened fire at the school on March 11.")
    assert not _reasons("Agents detained the smuggler, who had entered the country on March 1.", "Agents detained the smuggler on March 9.")


def test_the_same_day_in_a_clause_agrees_and_other_events_stay_apart() -> None:
    assert not _reasons("Agents detained the smuggler on March 9.", "The smuggler, who was detained on 9 March, appeared before a judge.")
    # the raid is not the arrest
    assert not _reasons("Agents detained the smuggler on March 9.", "The smuggler fled after agents raided the warehouse on March 5.")
    # a bound of a period written in a clause is no day of its event
    assert not _reasons("Agents detained the smuggler on March 9.", "The smuggler, who had been detained since March 2, was freed.")


def test_one_speakers_two_clauses_and_the_reporters_narration_alone_are_no_sides() -> None:
    one = make_article(
        "a", "Agents detained the smuggler on March 9. The smuggler, who was detained on March 7, appeared before a judge.",
        site="a.org", published="2011-03-15", claims=True,
    )
    assert [c for c in find_conflicts([one]) if c.kind == "dates"] == []
