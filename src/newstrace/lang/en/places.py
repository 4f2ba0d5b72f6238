"""Words of place names."""

from __future__ import annotations

# Last words of a place's name ("Bashi Channel", "West Philippine Sea", "National Capital Region"), or first
# words before "of" ("Strait of Hormuz").
PLACE_HEADS = frozenset(
    """sea ocean channel strait gulf bay island islands isles river lake mountain mountains peninsula street
    avenue road boulevard square region province county valley desert canal coast archipelago harbour harbor
    airport""".split()
)

# Abbreviations that name places, beside the ISO country and US state codes of nlp/data/places.txt (case kept).
PLACE_ABBREVIATIONS = frozenset("UK U.K. US U.S. USA U.S.A. UAE DRC PRC NYC DC D.C. SA EU".split())
