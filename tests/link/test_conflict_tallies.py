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


def assert_none_of(kind: str, *articles: Article) -> None:
    """No conflict whose reason names ``kind`` among the articles' (all reasons shown if one is)."""
    found = find_conflicts(list(articles))
    assert not [c for c in found if kind in c.evidence], _reasons(found)


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
    # after "that"/"last" the span words that are also verbs are read as verbs: no span here
    t3 = "The club signed Ortiz to a deal that starts in the spring and pays him 40 million, a sum that matches his old one."
    (s3,) = claim_statements(_art("c", t3))[:1]
    assert tallied_over(t3, s3) == frozenset()
    t4 = "The drought killed 300 cattle, and its damage will last for years, farmers said."
    (s4,) = claim_statements(_art("d", t4))[:1]
    assert tallied_over(t4, s4) == {"for years"}


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


def test_records_beside_a_name() -> None:
    from newstrace.link.records import one_moment, records, records_differ

    assert records("Ivan Petrov (31-2, 25 KOs) stopped Tom Hale (19-4-1) in Berlin.") == {"ivan petrov": "31-2, 25 KOs", "tom hale": "19-4-1"}
    assert records("Former champion Marco Silva, 40-6, 29 KO's, returned to the ring.") == {"marco silva": "40-6, 29 KOs"}
    assert records("The 30-year-old Petrov, 31-2 with 25 knockouts, floored him.") == {"petrov": "31-2, 25 KOs"}
    assert records("The Hawks (12-9) host Denver on Friday.") == {"hawks": "12-9"}
    # a score, a change of record, a range of money: no record beside a name
    assert records("The Hawks beat Denver, 101-94, on Friday.") == {}
    assert records("The win improved Petrov to 32-2 with 26 KOs.") == {}
    assert records("The Orioles (seven years, $140-150 million) are out.") == {}
    assert records_differ("31-2", "32-2") and records_differ("31-2, 25 KOs", "31-2, 26 KOs")
    assert not records_differ("31-2", "31-2, 25 KOs")
    assert one_moment("31-2", "33-2, 27 KOs") and not one_moment("31-2", "38-3")  # six results on: another moment


def test_one_fighters_record_given_two_ways() -> None:
    a = _art("a", "Ivan Petrov (31-2, 25 KOs) stopped Tom Hale in the sixth round on Saturday.")
    b = _art("b", "Champion Ivan Petrov, 30-2, 24 KO's, stopped Tom Hale in the sixth round.")
    found = [c for c in find_conflicts([a, b]) if "records" in c.evidence]
    assert found and "Ivan Petrov" in found[0].evidence, _reasons(find_conflicts([a, b]))
    # two fighters' records, the same record twice, and one side's record without its knockouts
    c = _art("c", "Tom Hale (19-4-1) was stopped by Petrov (31-2) in the sixth round.")
    assert_none_of("records", a, c)
    # a record told as a change is another moment's: not set against the record beside the name
    d = _art("d", "The win improved Ivan Petrov to 32-2 with 26 KOs.")
    assert_none_of("records", a, d)
    # one article's narration giving two records: one source, no conflict
    e = _art("e", "Ivan Petrov (31-2, 25 KOs) stopped Tom Hale on Saturday.\n\nBefore the bout Ivan Petrov (30-2, 24 KOs) had won nine in a row.")
    assert_none_of("records", e)
    # the same fighter years apart, told by his age: two moments of one career
    f = _art("f", "The 35-year-old Ivan Petrov, 32-2 with 26 knockouts, floored Tom Hale after a long layoff.")
    g = _art("g", "The 31-year-old Ivan Petrov (31-2, 25 KOs) stopped Tom Hale in the sixth round.")
    assert_none_of("records", f, g)
    # years apart, told by the records alone
    h = _art("h", "Ivan Petrov (38-3, 30 KOs) floored Tom Hale in the fifth round.")
    assert_none_of("records", a, h)


def test_what_a_deal_is_worth() -> None:
    from newstrace.link.deals import deal_values

    (v,) = deal_values("The Hawks signed Dario Reyes to a four-year deal worth nearly $60 million in July.")
    assert v.recipient == "dario reyes" and v.makers == {"hawks"} and v.range == (54e6, 60e6)
    (w,) = deal_values("The Jets made Dario Reyes a three-year, $45MM offer.")
    assert w.range[0] is not None and w.range[0] > 40e6  # "$45MM": millions
    # a yearly amount, a deal told apart from another, an amount written onto no deal: not read
    assert not deal_values("Reyes will earn $15 million per season under the deal.")
    assert not deal_values("The Hawks gave Dario Reyes a new $70 million contract.")
    assert not deal_values("The Hawks paid Dario Reyes $60 million last year.")


def test_one_deals_value_given_two_ways() -> None:
    a = _art("a", "They signed Dario Reyes to a four-year deal worth nearly $60 million, but he has struggled.")
    b = _art("b", "The team had signed Dario Reyes to a $64 million deal.")
    found = [c for c in find_conflicts([a, b]) if "deal" in c.evidence]
    assert found and "Dario Reyes" in found[0].evidence, _reasons(find_conflicts([a, b]))
    # within the bound: no conflict
    c = _art("c", "The team had signed Dario Reyes to a $58 million deal.")
    assert_none_of("deal", a, c)
    # two clubs' offers to one player are two offers
    d = _art("d", "The Jets offered Dario Reyes a four-year deal worth $64 million.")
    e = _art("e", "The Hawks offered Dario Reyes a four-year deal worth $58 million.")
    assert_none_of("deal", d, e)
    # two players' deals
    f = _art("f", "The team had signed Marco Lind to a $64 million deal.")
    assert_none_of("deal", a, f)
    # two players of one surname: given names that differ are two people's deals
    h = _art("h", "The Sixers signed Elton Brand to a five-year deal worth $80 million.")
    i = _art("i", "The Sixers signed Lee Brand to a $64 million deal.")
    assert_none_of("deal", h, i)
    # the surname alone is still the player named in full
    j = _art("j", "The Sixers signed Brand to a $64 million deal.")
    assert [x for x in find_conflicts([h, j]) if "deal" in x.evidence], _reasons(find_conflicts([h, j]))
    # the same club named two ways still conflicts
    g = _art("g", "The Atlanta Hawks offered Dario Reyes a four-year deal worth $75 million.")
    assert [x for x in find_conflicts([e, g]) if "deal" in x.evidence], _reasons(find_conflicts([e, g]))
