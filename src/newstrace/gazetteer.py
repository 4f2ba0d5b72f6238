"""The place gazetteer (``nlp/data/places.txt``, written by ``python -m training.gazetteer``), read by section.

Kept apart from the entity rules so that readers of places (the conflict finder's capitals) need
not load spaCy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PLACES_PATH = Path(__file__).resolve().parent / "nlp" / "data" / "places.txt"


@lru_cache(maxsize=1)
def place_sections() -> dict[str, list[str]]:
    """Each ``[section]`` of the gazetteer and its lines."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in PLACES_PATH.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital -> its country ("Khartoum" -> "Sudan"): a capital names its country's government."""
    out: dict[str, str] = {}
    for line in place_sections().get("capitals", []):
        capital, _, country = line.partition(" = ")
        if capital and country:
            out.setdefault(capital, country)
    return out


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """The gazetteer's country names."""
    return frozenset(place_sections().get("countries", []))


@lru_cache(maxsize=1)
def zones() -> dict[str, str]:
    """Place -> the IANA time zone it keeps ("Banda Aceh" -> "Asia/Jakarta"), for the places that
    keep one clock (a country of several clocks is not listed; its cities are)."""
    out: dict[str, str] = {}
    for line in place_sections().get("zones", []):
        place, _, zone = line.partition(" = ")
        if place and zone:
            out.setdefault(place, zone)
    return out
