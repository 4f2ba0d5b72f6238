"""Being the doer of an act and doing it are one proposition ("was the father of the baby" /
"fathered the baby")."""

from __future__ import annotations

from link_support import make_article, quote

from newstrace.link.compare import agent_and_act
from newstrace.link.conflicts import find_conflicts
from newstrace.model import Article


def _art(aid: str, text: str, *quotes) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-08", claims=True, quotes=tuple(quotes))


def test_agent_and_act() -> None:
    assert agent_and_act("be:father", "father")
    assert agent_and_act("fathere", "be:father")  # a lemma read with a letter more
    assert agent_and_act("be:owner", "own")
    assert agent_and_act("kill", "be:killer")
    assert not agent_and_act("be:father", "be:father")  # the same predicate: compared as such
    assert not agent_and_act("father", "fathere")  # two verbs
    assert not agent_and_act("be:safe", "save")
    assert not agent_and_act("be:own", "own")  # too short a noun to tell


def test_being_the_doer_denied_meets_the_act_affirmed() -> None:
    t = "Trial\n\nA geneticist testified that Marcus Hale fathered the child, prosecutors said."
    said = _art("a", t, quote(t, "q1", "A geneticist", "that Marcus Hale fathered the child", "testified"))
    t = "Trial\n\nHis lawyer, Ruth Abel, denied that Marcus Hale was the father of the child."
    denied = _art("b", t, quote(t, "q1", "Ruth Abel", "that Marcus Hale was the father of the child", "denied"))
    found = [c.evidence for c in find_conflicts([said, denied]) if c.kind == "denial"]
    assert found, [c.evidence for c in find_conflicts([said, denied])]
    # being the father affirmed by both: no conflict
    t = "Trial\n\nHis lawyer, Ruth Abel, said that Marcus Hale was the father of the child."
    agreed = _art("c", t, quote(t, "q1", "Ruth Abel", "that Marcus Hale was the father of the child", "said"))
    assert not [c for c in find_conflicts([said, agreed]) if c.kind == "denial"]

