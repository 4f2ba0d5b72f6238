"""One deed in opposite manners (link/manners.py), and the tempting pairs that are not: manners of
speed or time, two doers, two deeds, a hedged manner."""

from __future__ import annotations

from link_support import two_outlets_conflicts


def _manners(x: str, y: str) -> list[str]:
    return [c.evidence for c in two_outlets_conflicts(x, y) if c.evidence.startswith("opposite manners")]


def test_accidentally_and_deliberately() -> None:
    found = _manners("Police said Tom Reyes accidentally shot his brother on Sunday.",
                     "Prosecutors said Tom Reyes deliberately shot his brother on Sunday.")
    assert found and "accidentally shot" in found[0] and "deliberately shot" in found[0], found


def test_set_phrases_of_intent() -> None:
    found = _manners("Investigators said Tom Reyes set the fire on purpose.", "His lawyer said Tom Reyes set the fire by accident.")
    assert found, found


def test_legally_and_illegally() -> None:
    found = _manners("The dealer said Tom Reyes legally imported the rifle in March.", "Police said Tom Reyes illegally imported the rifle in March.")
    assert found, found


def test_manners_of_speed_or_time_are_no_conflict() -> None:
    assert not _manners("Police said Tom Reyes quickly left the house.", "Neighbours said Tom Reyes slowly left the house.")
    assert not _manners("Police said Tom Reyes initially denied the theft.", "His lawyer said Tom Reyes finally denied the theft.")


def test_two_doers_or_two_deeds() -> None:
    assert not _manners("Police said Tom Reyes accidentally shot his brother.", "Police said Ann Lowe deliberately shot her brother.")
    # a doer left unsaid: one named person done to, not one common noun
    assert _manners("Police said Tom Reyes was accidentally poisoned on Sunday.", "Prosecutors said Tom Reyes was deliberately poisoned on Sunday.")
    assert not _manners("Police said a man was accidentally poisoned on Sunday.", "Prosecutors said a man was deliberately poisoned on Sunday.")
    assert not _manners("Police said Tom Reyes accidentally shot his brother.", "Police said Tom Reyes deliberately hid the gun.")


def test_a_hedged_manner() -> None:
    assert not _manners("Police said Tom Reyes accidentally shot his brother.", "Prosecutors said Tom Reyes may have deliberately shot his brother.")
    assert not _manners("Police said Tom Reyes accidentally shot his brother.", "Tom Reyes reportedly shot his brother deliberately.")
