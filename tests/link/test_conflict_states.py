"""One thing said to be in opposite states by two sources (link/states.py), and the tempting pairs
that are not conflicts: a sequence of states, two subjects, opposite words in unrelated sentences,
hedged statements, one speaker's two halves."""

from __future__ import annotations

from link_support import make_article, quote, two_outlets_conflicts

from newstrace.lang.en.senses import adjectives_opposed
from newstrace.link.conflicts import find_conflicts
from newstrace.link.statements import claim_statements
from newstrace.link.states import State, damaged_places, opposed


def _states(x: str, y: str) -> list[str]:
    return [c.evidence for c in two_outlets_conflicts(x, y) if c.evidence.startswith("opposite states")]


def test_wordnet_opposites_of_adjectives() -> None:
    assert adjectives_opposed("damaged", "undamaged")
    assert adjectives_opposed("accidental", "deliberate")  # satellites of "unintended" and "intended"
    assert adjectives_opposed("armed", "unarmed")
    assert not adjectives_opposed("damaged", "toppled")  # no opposite in WordNet
    assert not adjectives_opposed("accidental", "accidental")
    assert not adjectives_opposed("patched", "unpatched")  # not in WordNet: opposed by prefix only, with a subject


def _state(base: str, *, positive: bool = True, grade: int = 0, word: str | None = None) -> State:
    return State("buckley", True, frozenset(), base, word or base, positive, grade, base)


def test_which_states_oppose() -> None:
    assert opposed(_state("equipped", grade=1), _state("equipped", grade=-1))  # well / poorly
    assert not opposed(_state("equipped"), _state("equipped", grade=-1))  # poorly equipped is still equipped
    assert opposed(_state("equipped", grade=1), _state("equipped", positive=False))  # well / not equipped
    assert opposed(_state("damaged"), _state("damaged", positive=False, word="undamaged"))
    assert not opposed(_state("damaged", grade=-1), _state("damaged"))  # "badly damaged" is damaged
    assert opposed(_state("accidental"), _state("deliberate"))
    assert not opposed(_state("accidental", positive=False), _state("deliberate"))  # "not accidental" agrees with "deliberate"


def test_a_named_man_well_and_badly_equipped() -> None:
    found = _states("Police inspector Dave Gaskin said Mr Buckley was well equipped for the climb.",
                    "A mountain guide said Mr Buckley was poorly equipped for the climb.")
    assert found and "well equipped" in found[0] and "poorly equipped" in found[0], found


def test_the_story_event_accidental_and_deliberate() -> None:
    found = _states("Fire officials said the fire was accidental.",
                    "A police spokesman said the fire was deliberate.")
    assert found and "accidental" in found[0] and "deliberate" in found[0], found


def test_one_described_thing_damaged_and_undamaged() -> None:
    found = _states("The quake struck on Sunday. The island's main town was undamaged, the governor said.",
                    "The quake struck on Sunday. The main town was damaged, a Red Cross official said.")
    assert found and "undamaged" in found[0], found


def test_a_state_and_its_prefixed_opposite() -> None:
    found = _states("Witnesses said Hassan was armed when officers approached.",
                    "His family said Hassan was unarmed when officers approached.")
    assert found and "'was armed' vs 'was unarmed'" in found[0], found


def test_a_state_denied_is_one_conflict() -> None:
    # "was not armed" is the proposition denied (compare._denial): the state reading adds no second conflict
    found = two_outlets_conflicts("Witnesses said Hassan was armed when officers approached.",
                                  "His family said Hassan was not armed when officers approached.")
    assert len(found) == 1 and found[0].kind == "denial", [c.evidence for c in found]


def test_two_subjects_are_no_conflict() -> None:
    assert not _states("The governor said the island's main town was undamaged.",
                       "A Red Cross official said the island's airport was damaged.")
    assert not _states("Police said Mr Buckley was well equipped.", "Police said Mr Vinar was poorly equipped.")
    # one noun or one surname, two things: the modifiers or the given names differ
    assert not _states("The governor said the island's main town was undamaged.", "A Red Cross official said the neighbouring town was damaged.")
    assert not _states("Police said John Buckley was well equipped.", "Police said Mary Buckley was poorly equipped.")


def test_a_bare_noun_is_not_one_thing() -> None:
    # "the building" may be any building of the story; only the story's event ("the fire") is one by its noun alone
    assert not _states("The owner said the building was damaged.", "A neighbour said the building was undamaged.")


def test_states_that_change_are_a_sequence() -> None:
    assert not _states("Police said Mr Buckley was missing on Sunday morning.", "Police said Mr Buckley was found on Sunday.")
    assert not _states("Rescuers said Mr Buckley was alive when they reached him.", "Police said Mr Buckley was dead.")
    assert not _states("The shop said the road was open.", "Police said the road was closed.")
    # WordNet's neighbours of a changing status change too: "fired" is "unemployed", "hired" "employed"
    assert not _states("The team said Maurice Cheeks was fired as head coach.", "The team said Maurice Cheeks was hired as head coach.")


def test_hedged_states_are_not_asserted() -> None:
    assert not _states("Police said Mr Buckley was well equipped.", "A guide said Mr Buckley appeared to be poorly equipped.")
    assert not _states("Police said Mr Buckley was well equipped.", "A guide said Mr Buckley may have been poorly equipped.")
    assert not _states("Fire officials said the fire was accidental.", "The fire was reportedly deliberate, a neighbour said.")


def test_opposite_words_in_unrelated_sentences() -> None:
    # "patch" / "unpatched" (issue 17's noise): opposite words, no one subject in two states
    assert not _states("Microsoft said it would patch the browser next week.",
                       "Researchers said many unpatched computers were still exposed.")
    assert not _states("Officials said the blast was accidental.", "Witnesses said the protest was deliberate and loud.")


def test_one_speakers_two_halves() -> None:
    text = "Police said Mr Buckley was well equipped. Later, police said Mr Buckley was poorly equipped."
    first = "Mr Buckley was well equipped"
    second = "Mr Buckley was poorly equipped"
    art = make_article("a", text, site="a.org", published="2011-03-15", claims=True, quotes=(
        quote(text, "q1", "Police", first, "said"), quote(text, "q2", "Police", second, "said", after=text.index("Later"))))
    assert not [c for c in find_conflicts([art]) if c.evidence.startswith("opposite states")]


def test_a_place_undamaged_and_damage_in_it() -> None:
    # the town named by an apposition; the damage told by a verb of damage done "in" the place
    undamaged = "The quake struck on Sunday. The island's main town, also called Qeshm, was undamaged."
    found = _states(undamaged, "The quake struck on Sunday. Buildings were toppled in the island's capital, Qeshm City.")
    assert found and "undamaged" in found[0] and "Qeshm City" in found[0], found


def test_damage_elsewhere_or_denied_is_no_conflict() -> None:
    undamaged = "The quake struck on Sunday. The island's main town, also called Qeshm, was undamaged."
    assert not _states(undamaged, "The quake struck on Sunday. Buildings were toppled in the village of Tonban.")
    assert not _states(undamaged, "The quake struck on Sunday. No buildings were damaged in Qeshm City.")
    assert not _states(undamaged, "The quake struck on Sunday. Buildings may have collapsed in Qeshm City.")


def test_places_a_statement_says_were_damaged() -> None:
    text = "Buildings were toppled in the island's capital, Qeshm City, and in Tonban on Sunday."
    art = make_article("a", text, site="a.org", published="2011-03-15", claims=True)
    [s] = [s for s in claim_statements(art) if s.claim is not None]
    assert [p.subject for p in damaged_places(s)] == ["qeshm city", "tonban"]
    text = "Two hotels collapsed in the Jan. 4 quakes."
    art = make_article("a", text, site="a.org", published="2011-03-15", claims=True)
    assert not [p for s in claim_statements(art) for p in damaged_places(s)]  # a month names no place
