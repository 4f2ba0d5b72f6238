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

# Compass directions and their bearings in degrees ("55 km west of Bireun"); "north-east" and
# "north east" are read as "northeast".
COMPASS = {
    "north": 0.0, "north-northeast": 22.5, "northeast": 45.0, "east-northeast": 67.5,
    "east": 90.0, "east-southeast": 112.5, "southeast": 135.0, "south-southeast": 157.5,
    "south": 180.0, "south-southwest": 202.5, "southwest": 225.0, "west-southwest": 247.5,
    "west": 270.0, "west-northwest": 292.5, "northwest": 315.0, "north-northwest": 337.5,
}
# Kinds of place named before the name ("west of the town of Bireun").
PLACE_KINDS = frozenset("town city village port island capital district province region state county".split())
