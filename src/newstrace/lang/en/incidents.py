"""Words that tell one incident's count from another's: what a toll or a crowd is a count of.
Read by newstrace.link.incidents.
"""

from __future__ import annotations

# Nouns of an attack whose object is its target ("the bombing of UN schools", "strikes on homes").
ATTACK_NOUNS = frozenset(
    "attack attacks bombing bombings bombardment shelling strike strikes airstrike airstrikes raid raids assault "
    "assaults shooting shootings".split()
)
# Places an attack can hit, in the plural: "the bombing of UN schools and of housing" sums several
# incidents, and its toll is no one incident's.
PLURAL_SITES = frozenset(
    "schools homes houses buildings villages towns cities mosques churches hospitals camps markets shelters "
    "neighbourhoods neighborhoods districts areas targets sites facilities compounds".split()
)
# Words that make a count the whole country's ("nationwide strikes", "across the country").
NATIONWIDE = (
    "nationwide", "countrywide", "across the country", "across the nation", "all over the country",
    "around the country", "throughout the country",
)
# Phrases of a force hit by its own side's fire: its casualties are another incident's than the
# enemy attack's ("one of its own tanks firing on a building used by Israeli troops, killing four").
FRIENDLY_FIRE = (
    "friendly fire", "its own tank", "its own tanks", "their own tank", "their own tanks", "its own troops",
    "its own forces", "their own forces", "its own aircraft", "fired mistakenly", "mistakenly fired",
)
