"""Tallies and states of affairs that read as conflicts and are not: a statement that gives the
other's figure as well (its other figures are of other things), tallies kept over different spans
("in 40 games" / "in each of the past four seasons"), a "has not happened yet" against a later
report that it happened, a blamed party's negated sentence about something else. Each beside the
conflict that must still be found."""

from __future__ import annotations

from link_support import make_article, quote

from newstrace.link.conflicts import find_conflicts
from newstrace.link.incidents import tallied_over
from newstrace.link.statements import claim_statements
from newstrace.model import Article, Conflict


def _art(aid: str, text: str, published: str = "2024-03-04", quotes: tuple = ()) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published=published, quotes=quotes, claims=True)


def _reasons(conflicts: list[Conflict]) -> list[str]:
    return [c.evidence for c in conflicts]


def test_a_statement_that_also_gives_the_figure_does_not_dispute_it() -> None:
    both = _art("a", "Andre Jones is averaging 21.5 points per game, Mike Smith 12.5 points, a drop of four points per game "
                     "from last season, while Tom Brown is down almost four points per game with his 6.2 points.")
    one = _art("b", "Andre Jones is averaging 21.5 points per game.")
    assert not find_conflicts([both, one]), _reasons(find_conflicts([both, one]))
    other = _art("c", "Andre Jones is averaging 18.5 points per game.")
    assert any("18.5" in r and "21.5" in r for r in _reasons(find_conflicts([one, other]))), _reasons(find_conflicts([one, other]))


def test_the_spans_a_tally_is_kept_over() -> None:
    t = "Ortiz hit nine home runs in 40 games last season, after at least 25 in each of the past four seasons."
    (s,) = [s for s in claim_statements(_art("a", t))][:1]
    assert tallied_over(t, s) == {"in 40 games", "last season", "in each of the past four seasons"}
    t2 = "The quake killed 12 people, officials said."
    (s2,) = claim_statements(_art("b", t2))[:1]
    assert tallied_over(t2, s2) == frozenset()


def test_tallies_over_different_spans_are_two_quantities() -> None:
    seasons = _art("a", "Ortiz has hit at least 25 homers in each of the past four seasons.")
    games = _art("b", "Ortiz hit 14 homers in 40 games with the Mets.")
    assert not find_conflicts([seasons, games]), _reasons(find_conflicts([seasons, games]))
    # the same span, two figures: a conflict
    again = _art("c", "Ortiz hit 19 homers in 40 games with the Mets.")
    assert any("14" in r and "19" in r for r in _reasons(find_conflicts([games, again]))), _reasons(find_conflicts([games, again]))


def test_not_yet_released_is_no_denial_of_a_later_release() -> None:
    before = _art("a", "Results of the driver's blood test have not been released.", published="2024-03-01")
    after = _art("b", "The results of the blood test were released Tuesday and showed a level of 0.09 percent.", published="2024-03-06")
    assert not [c for c in find_conflicts([before, after]) if c.kind == "denial"], _reasons(find_conflicts([before, after]))
    # a release reported before the outlet wrote that there was none: that outlet is contradicted
    earlier = _art("c", "The results of the blood test were released and showed a level of 0.09 percent.", published="2024-02-27")
    assert [c for c in find_conflicts([before, earlier]) if c.kind == "denial"], _reasons(find_conflicts([before, earlier]))
    # a plain denial, not a "not yet": a conflict whatever the dates
    flat = _art("d", "The results of the blood test were not released, the lawyer said.", published="2024-03-01")
    assert [c for c in find_conflicts([flat, after]) if c.kind == "denial"], _reasons(find_conflicts([flat, after]))


def test_a_blamed_partys_negated_sentence_about_something_else_is_no_denial() -> None:
    job = _art("a", "As general manager, Carter was responsible for the team's scouting and its draft picks.")
    t = "Carter said he hadn't spoken to the owner yet, but had seen a message from him."
    aside = _art("b", t, quotes=(quote(t, "q1", "Carter", "he hadn't spoken to the owner yet, but had seen a message from him", "said"),))
    assert not [c for c in find_conflicts([job, aside]) if c.kind == "denial"], _reasons(find_conflicts([job, aside]))
    # the same party denying the deed it is blamed for
    t2 = "Carter said he did not pick the players in the draft."
    deny = _art("c", t2, quotes=(quote(t2, "q1", "Carter", "he did not pick the players in the draft", "said"),))
    blamed = _art("d", "Fans blamed Carter for the poor draft picks.")
    assert [c for c in find_conflicts([blamed, deny]) if c.kind == "denial"], _reasons(find_conflicts([blamed, deny]))
