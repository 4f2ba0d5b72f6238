"""One event told by two sources, one slot of it given two ways (link/frames.py): the act matched
by meaning, a named participant in common, then who did it, what with, or in which year. And the
tempting pairs that must not fire: a vaguer filler, a side naming both, an unnamed participant,
two acts, a hedge, a year that only bounds the time."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.link.frames import instrument, named_in, other_doers, other_instruments, passive_doer, same_act, verb_words
from newstrace.model import Article, Conflict
from newstrace.text import stem


def _art(aid: str, text: str) -> Article:
    return make_article(aid, f"Report\n\n{text}", site=f"{aid}.org", published="2024-05-08", claims=True)


def _found(a: str, b: str, kind: str | None = None) -> list[Conflict]:
    found = find_conflicts([_art("a", a), _art("b", b)])
    return [c for c in found if kind is None or c.kind == kind]


def test_one_act_by_meaning() -> None:
    assert same_act("disappear", "Ellen Voss disappeared", "vanish", "Ellen Voss vanished")
    assert same_act(stem("seize"), "officers seized the ledger", stem("confiscate"), "officers confiscated the ledger")
    assert same_act("shoot", "Voss was shot", "shoot", "Dane shot Voss")
    assert not same_act("shoot", "Dane shot Voss", "stab", "Dane stabbed Voss")  # two manners of one harm: two acts
    assert not same_act(stem("state"), "he stated", "say", "he said")  # saying frames every quote: no act of the story
    assert [m.group(0) for m in verb_words("Voss was shot twice", "shoot")] == ["shot"]  # an irregular form
    assert [m.group(0) for m in verb_words("Voss was arrested", stem("arrest"))] == ["arrested"]


def test_participants_named_as_written() -> None:
    assert named_in("ellen voss", "Marcus Dane stabbed Ellen Voss")
    assert named_in("fbi", "Voss was arrested by the FBI")
    assert not named_in("police", "the police arrested Voss")
    assert not named_in("police", "Police arrested Voss")  # a capital the sentence's start gives is no name
    assert passive_doer("Ellen Voss was shot by Peter Kline on Friday", "shoot") == "peter kline"
    assert passive_doer("Voss was arrested by the FBI.", stem("arrest")) == "fbi"
    assert passive_doer("Voss was arrested by officers", stem("arrest")) is None


def test_doers_that_cannot_both_be() -> None:
    fit = lambda a, b: a == b or a.split()[-1] == b.split()[-1]  # noqa: E731 - a stand-in for names_fit
    assert other_doers("marcus dane", "Marcus Dane shot Voss", "peter kline", "Peter Kline shot Voss", fit)
    assert not other_doers("dane", "Dane shot Voss", "marcus dane", "Marcus Dane shot Voss", fit)  # a surname and the full name
    assert not other_doers("marcus dane", "Marcus Dane shot Voss", "peter kline", "Peter Kline and Marcus Dane shot Voss", fit)  # joint doers
    assert not other_doers("gunman", "the gunman shot Voss", "peter kline", "Peter Kline shot Voss", fit)  # no name


def test_instruments() -> None:
    assert instrument("Marcus Dane killed Ellen Voss with a kitchen knife on Friday.", "kill") == "knife"
    assert instrument("Dane shot him with a .22-caliber rifle, police said", "shoot") == "rifle"
    assert instrument("Dane killed Voss with a knife and a hammer", "kill") is None  # two things: no one
    assert instrument("Dane was arrested with his wife", stem("arrest")) is None  # a person is no instrument
    assert instrument("Dane won the vote with help from the unions", "win") is None
    assert other_instruments("knife", "with a knife", "hammer", "with a hammer")
    assert not other_instruments("rifle", "with a rifle", "weapon", "with a weapon")  # the vaguer one
    assert not other_instruments("knife", "with a knife", "hammer", "with a hammer after the knife broke")


def test_two_doers_of_one_stabbing_conflict() -> None:
    a = "On Friday, Marcus Dane stabbed Ellen Voss outside the chapel."
    b = "Ellen Voss was stabbed by Peter Kline outside the chapel on Friday."
    found = _found(a, b, "facts")
    assert [c.evidence for c in found] == ["different doers of one act: Marcus Dane vs Peter Kline"], [c.evidence for c in _found(a, b)]
    # told with another verb of the same meaning: the same act
    b = "Ellen Voss was knifed by Peter Kline outside the chapel on Friday."
    assert [c.evidence for c in _found(a, b, "facts")] == ["different doers of one act: Marcus Dane vs Peter Kline"]
    assert not [c for c in _found(a, "Peter Kline greeted Ellen Voss outside the chapel on Friday.") if "doers" in c.evidence]  # another act


def test_doers_that_do_not_conflict() -> None:
    a = "Marcus Dane stabbed Ellen Voss outside the chapel on Friday."
    for b in (
        "Dane stabbed Ellen Voss outside the chapel on Friday.",  # the surname of the same man
        "Ellen Voss was stabbed by Peter Kline and Marcus Dane outside the chapel.",  # joint doers
        "Peter Kline may have stabbed Ellen Voss outside the chapel.",  # hedged
        "Peter Kline visited Ellen Voss outside the chapel on Friday.",  # another act
        "Peter Kline did not stab Ellen Voss.",  # a denial is no doer
    ):
        assert not [c for c in _found(a, b) if "doers" in c.evidence], b
    # the one done to unnamed: two guards may have been shot by two men
    assert not [c for c in _found("Marcus Dane shot a guard on Friday.", "Peter Kline shot a guard on Friday.") if "doers" in c.evidence]


def test_two_instruments_of_one_killing_conflict() -> None:
    a = "Marcus Dane killed Ellen Voss with a hammer, prosecutors say."
    b = "Marcus Dane killed Ellen Voss with a kitchen knife."
    assert [c.evidence for c in _found(a, b, "facts")] == ["different things it was done with: hammer vs knife"], [c.evidence for c in _found(a, b)]


def test_instruments_that_do_not_conflict() -> None:
    a = "Marcus Dane killed Ellen Voss with a hammer."
    for b in (
        "Marcus Dane killed Ellen Voss with a heavy tool.",  # vaguer: a hammer is a tool
        "Marcus Dane killed Ellen Voss with a hammer and a knife.",  # names the other's too
        "Marcus Dane killed Tom Reed with a knife.",  # another man killed: another act
        "Marcus Dane threatened Ellen Voss with a knife.",  # another act
    ):
        assert not [c for c in _found(a, b) if "done with" in c.evidence], b


def test_one_act_told_by_two_verbs_in_two_years() -> None:
    a = "Ellen Voss disappeared from public life in 1957."
    b = "Ellen Voss vanished from the scene in 1958."
    assert [c.evidence for c in _found(a, b, "dates")] == ["different dates: 1957 vs 1958"], [c.evidence for c in _found(a, b)]
    # "by 1958" bounds the time: it does not deny 1957
    assert not _found(a, "By 1958, Ellen Voss had vanished from public view.", "dates")
    # two acts of one person in two years
    assert not _found(a, "Ellen Voss married in 1958.", "dates")


def test_one_act_by_meaning_affirmed_and_denied() -> None:
    a = "Marcus Dane seized the ledger from the office."
    b = "Marcus Dane did not confiscate the ledger, his lawyer's office said in a filing."
    assert _found(a, b, "denial"), [c.evidence for c in _found(a, b)]
    assert not _found(a, "Marcus Dane did not read the ledger.", "denial")  # another act denied


def test_one_arrest_told_by_two_verbs_on_two_days() -> None:
    a = "Police apprehended Tom Reed on Sunday near the border."
    b = "Tom Reed was arrested on Tuesday by the state police."
    assert [c.kind for c in _found(a, b)] == ["dates"], [c.evidence for c in _found(a, b)]
    # a day after a clause of what the arrest led to is that later thing's day
    a = "Police apprehended Tom Reed at about 2:30 a.m., making for a long night with a final looming on Sunday."
    assert not _found(a, b, "dates")


def test_two_ages_of_one_man_named_in_full() -> None:
    a = "On Friday, Tom Reed, 45, was arrested."
    b = "On Friday, Tom Reed, 52, was arrested."
    assert [c.evidence.lower() for c in _found(a, b, "figures")] == ["different ages of tom reed: 45 vs 52"], [c.evidence for c in _found(a, b)]
    # unnamed, two ages are two men; a surname alone may be a relative's
    assert not _found("A 45-year-old man was arrested on Friday.", "A 52-year-old man was arrested on Friday.", "figures")
    assert not _found("Reed, 45, was arrested on Friday.", "Tom Reed, 52, was arrested on Friday.", "figures")


def test_a_place_named_by_its_kind_is_the_story_place() -> None:
    a = "The flood killed 12 people in the town on Friday."
    b = "Officials said 20 people died in the town's flood on Friday."
    assert [c.evidence for c in _found(a, b, "figures")] == ["different death tolls: 12 vs 20"], [c.evidence for c in _found(a, b)]
    # two kinds of place: a town's count and the province's
    assert not _found(a, "Officials said 20 people died in the province on Friday.", "figures")
