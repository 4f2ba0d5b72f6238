"""The accused's own word against the charge or verdict (link/innocence.py), and the pairs that are not
that: another person's innocence, someone else speaking, a charge that may come, one article's
narration against its own source."""

from __future__ import annotations

from link_support import make_article, quote, two_outlets_conflicts

from newstrace.link.conflicts import find_conflicts
from newstrace.link.innocence import accused
from newstrace.link.statements import Statement


def _accused(x: str, y: str, speaker: str | None = None, said: str | None = None) -> list[str]:
    """The accused's-denial conflicts between outlet a's ``x`` and outlet b's ``y``, in which
    ``speaker`` says ``said`` (a quote as the quote stage gives it)."""
    if speaker is None or said is None:
        found = two_outlets_conflicts(x, y)
    else:
        a = make_article("a", x, site="a.org", published="2011-03-15", claims=True)
        b = make_article("b", y, site="b.org", published="2011-03-15", claims=True, quotes=(quote(y, "q1", speaker, said, "said"),))
        found = find_conflicts([a, b])
    return [c.evidence for c in found if c.evidence.startswith("the accused against the charge")]


def _said(text: str) -> Statement:
    return Statement("a", None, "(reporter)", text, 0, len(text), "", "narration", None)


def test_who_a_charge_names() -> None:
    from dataclasses import replace

    from newstrace.model import Claim, Span

    def named(text: str) -> str | None:
        return accused(replace(_said(text), claim=Claim(Span(0, len(text)), None, "find")))

    assert named("A jury found the former mayor Harold Ames guilty of fraud on Monday.") == "Harold Ames"
    assert named("Prosecutors charged builder Tom Reyes with manslaughter.") == "Tom Reyes"
    assert named("Reyes, 44, was charged with manslaughter.") == "Reyes"
    assert named("A man in Canada was charged with manslaughter.") is None  # a place, not the accused
    assert named("The body was found in a car near Spiro on Monday.") is None  # "found" without "guilty" convicts no one


def test_the_accused_says_there_was_no_crime() -> None:
    found = _accused("A jury found the former mayor Harold Ames guilty of fraud on Monday.",
                     "Speaking after the hearing, Harold Ames said there was no crime and that every payment was legal.",
                     "Harold Ames", "there was no crime and that every payment was legal")
    assert found and "Harold Ames" in found[0], found


def test_the_accused_says_he_did_nothing_wrong() -> None:
    found = _accused("Tom Reyes, 44, was charged with manslaughter after the roof fell in.",
                     "Tom Reyes said he did nothing wrong.", "Tom Reyes", "he did nothing wrong")
    assert found, found


def test_someone_elses_denial_is_not_the_accused_s() -> None:
    x = "A jury found the former mayor Harold Ames guilty of fraud on Monday."
    assert _accused(x, "Harold Ames said there was no crime.", "Harold Ames", "there was no crime")
    assert not _accused(x, "His neighbour Linda Cole said there was no crime.", "Linda Cole", "there was no crime")


def test_innocence_of_another_person() -> None:
    # the accused speaks, but of others' innocence: he does not deny his own deed
    x = "A jury found the former mayor Harold Ames guilty of fraud on Monday."
    assert _accused(x, "Harold Ames said he was innocent.", "Harold Ames", "he was innocent")
    assert not _accused(x, "Harold Ames said the clerks were innocent.", "Harold Ames", "the clerks were innocent")


def test_a_charge_that_may_come() -> None:
    assert _accused("Harold Ames was charged with fraud on Monday.", "Harold Ames said there was no crime.", "Harold Ames", "there was no crime")
    assert not _accused("Harold Ames could be charged with fraud if auditors confirm the payments.",
                        "Harold Ames said there was no crime.", "Harold Ames", "there was no crime")


def test_a_charge_dated_away_from_the_story() -> None:
    assert not _accused("Five years ago, Harold Ames was charged with fraud in another case.",
                        "Harold Ames said there was no crime.", "Harold Ames", "there was no crime")


def test_one_articles_narration_against_its_source() -> None:
    # within one article the narration is a side only where the article sets it against the source
    text = "Harold Ames was charged with fraud on Monday. Ames said there was no crime."
    art = make_article("a", text, site="a.org", published="2011-03-15", claims=True,
                       quotes=(quote(text, "q1", "Harold Ames", "there was no crime", "said"),))
    assert not [c for c in find_conflicts([art]) if c.evidence.startswith("the accused against the charge")]
