"""A party's denial answers a blame only when it denies the deed it is blamed for, the blame
itself, or (against a verdict that names no deed) the crime; a denial of a detail does not. What
follows a concession in a denial ("..., despite ...") is background, not the denied claim."""

from __future__ import annotations

from link_support import make_article, quote

from newstrace.link.compare import answers_blame
from newstrace.link.conflicts import find_conflicts
from newstrace.link.statements import Statement
from newstrace.model import Article, Claim, Conflict, Span


def _art(aid: str, text: str, *quotes) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-08", claims=True, quotes=tuple(quotes))


def _claim(predicate: str, obj: str | None = None, blames: tuple[str, ...] = (), blamed_for: tuple[str, ...] = ()) -> Claim:
    return Claim(Span(0, 1), None, predicate, None, None, obj, False, False, (), (), blames, blamed_for)


def _denial(text: str, predicate: str, obj: str | None = None) -> Statement:
    return Statement("b", "q1", "Tom Marlow", text, 0, len(text), "denied", "indirect", _claim(predicate, obj))


def test_a_denial_of_the_deed_answers_the_blame() -> None:
    blame = _claim("accuse", "marlow", ("marlow",), ("set", "fire"))
    assert answers_blame(blame, _denial("setting the fire at the warehouse", "set", "fire"))
    # the deed by meaning: an attack denied as a strike
    attack = _claim("accuse", "marlow", ("marlow",), ("carry", "attack"))
    assert answers_blame(attack, _denial("striking the village", "strike", "village"))
    # the blame itself, whatever the deed
    assert answers_blame(blame, _denial("any involvement", "involvement"))
    assert answers_blame(blame, _denial("the accusations", "accusation"))


def test_a_denial_of_a_detail_does_not_answer_the_blame() -> None:
    blame = _claim("accuse", "marlow", ("marlow",), ("set", "fire"))
    assert not answers_blame(blame, _denial("owning a red van like the one seen at the warehouse", "own", "van"))
    persecution = _claim("accuse", "oppal", ("oppal",), ("religious", "persecution"))
    # "charges" after the concession is background, not what he denies
    assert not answers_blame(persecution, _denial(
        "that the inquiry was political, despite two earlier prosecutors declining to bring charges", "be:political"))


def test_a_verdict_is_answered_by_a_denial_of_the_crime_not_of_a_detail() -> None:
    verdict = _claim("guilty", None, ("marlow",))
    assert answers_blame(verdict, _denial("killing his neighbour", "kill", "neighbour"))
    assert answers_blame(verdict, _denial("the charges against him", "charge"))
    assert not answers_blame(verdict, _denial("having bought such a phone despite a shop video showing him doing so", "buy", "phone"))


def _blame_denials(found: list[Conflict]) -> list[str]:
    return [c.evidence for c in found if "denies what" in c.evidence]


def test_a_party_denying_another_thing_is_no_conflict_with_the_blame() -> None:
    police = _art("a", "Warehouse fire\n\nPolice accused Tom Marlow of setting the fire at the Dunmore warehouse.")
    t = "Marlow in court\n\nTom Marlow has denied setting any fire and was at home in Leeds that night, his lawyer told reporters."
    deed = _art("b", t, quote(t, "q1", "Tom Marlow", "setting any fire and was at home in Leeds that night", "has denied"))
    assert _blame_denials(find_conflicts([police, deed])), [c.evidence for c in find_conflicts([police, deed])]
    t = "Marlow in court\n\nTom Marlow has denied owning a red van like the one seen near the Dunmore warehouse, his lawyer told reporters."
    detail = _art("c", t, quote(t, "q1", "Tom Marlow", "owning a red van like the one seen near the Dunmore warehouse", "has denied"))
    assert not _blame_denials(find_conflicts([police, detail])), [c.evidence for c in find_conflicts([police, detail])]


def test_a_denial_is_not_matched_by_its_concession() -> None:
    t = ("Commune leaders charged\n\nMinister Dale Corrin denied that the inquiry was political, despite two earlier "
         "prosecutors declining to bring charges against the leaders of the hill commune.")
    denial = _art("a", t, quote(t, "q1", "Dale Corrin", "that the inquiry was political, despite two earlier prosecutors declining to bring charges against the leaders of the hill commune", "denied"))
    background = _art("b", "Prosecutor named\n\nLast spring Corrin named a special prosecutor, despite two earlier prosecutors declining to bring charges against the leaders of the hill commune.")
    found = [c for c in find_conflicts([denial, background]) if c.kind == "rebuttal"]
    assert not found, [c.evidence for c in found]
    # what he denies, said by another source, is still rebutted
    t = "Leaders speak\n\nThe inquiry into the hill commune was driven by politics and aimed at their faith, the commune's leaders said."
    said = _art("c", t, quote(t, "q1", "the commune's leaders", "The inquiry into the hill commune was driven by politics and aimed at their faith", "said"))
    t = "Corrin responds\n\nCorrin denied that the inquiry into the hill commune was driven by politics, despite the protests of its leaders."
    denied = _art("d", t, quote(t, "q1", "Dale Corrin", "that the inquiry into the hill commune was driven by politics, despite the protests of its leaders", "denied"))
    found = [c for c in find_conflicts([said, denied]) if c.kind == "rebuttal"]
    assert found, [c.evidence for c in find_conflicts([said, denied])]
