"""Categorical facts of the story's event that two sources give differently: the kind of gun
("brought a rifle into the building" / "the shotgun slaying"), its calibre (".32-caliber revolver" /
".45-caliber handgun"), whether a quake struck on land or at sea ("struck inland" / "struck off
Aceh province"), which way the event lay from a place ("55 km south of Bireun" / "west of the town
of Bireun").

A statement states such a fact only when it names one value of it: a statement naming two kinds
("a rifle and a handgun", "a .32, not a .45") compares nothing, and a plural ("officers with rifles")
is not the weapon. Each returns the value a statement states, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.lang.en.incidents import AT_SEA, EVENT_LOCATION_WORDS, FIREARM_KINDS, FIREARM_MODIFIED, ON_LAND
from newstrace.lang.en.places import COMPASS, PLACE_KINDS
from newstrace.text import fold

_KIND = {w: kind for kind, words in FIREARM_KINDS.items() for w in words}
_KIND_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(_KIND, key=len, reverse=True)) + r")(?![\w-])", re.I)
_CALIBRE = re.compile(r"(?<![\d.])\.(?P<c>\d{2,3})(?:\s*-?\s*(?:caliber|calibre|cal\b)|(?=\s*(?:revolver|pistol|handgun|rifle|magnum)))|\b(?P<mm>\d{1,2}(?:\.\d)?)\s*-?\s*mm\b(?=[\s-]*(?:pistol|handgun|rifle|gun|revolver|caliber|calibre|round|bullet|semi))", re.I)
_QUAKE = re.compile(r"\b(?:quake|earthquake|temblor|tremor|epicent(?:re|er))\b", re.I)
_WHERE = re.compile(
    r"\b(?:struck|hit|hits|strikes|centred|centered|located|occurred|originated|was|jolted)\s+(?:\w+\s+){0,2}?(?P<where>"
    + "|".join(re.escape(w) for w in sorted((*ON_LAND, *AT_SEA), key=len, reverse=True))
    + r"|off\s+(?:the\s+)?(?-i:[A-Z])[\w'’]*)",
    re.I,
)


_NEXT_WORD = re.compile(r"\s*([a-z]+)")


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def firearm_kind(text: str) -> str | None:
    """The one kind of gun a statement names as a weapon ("a handgun permit" names none)."""
    kinds = set()
    for m in _KIND_RE.finditer(text):
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and nxt.group(1) in FIREARM_MODIFIED:
            continue
        kinds.add(_KIND[m.group(0).lower()])
    return kinds.pop() if len(kinds) == 1 else None


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def calibre(text: str) -> str | None:
    found = {f".{m.group('c')}" if m.group("c") else f"{m.group('mm')}mm" for m in _CALIBRE.finditer(text)}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def land_or_sea(text: str) -> str | None:
    """"land" or "sea" for a statement that places a quake: "the quake struck inland", "struck off Aceh"."""
    if not _QUAKE.search(text):
        return None
    found = set()
    for m in _WHERE.finditer(text):
        w = m.group("where").lower()
        found.add("land" if w in ON_LAND else "sea")
    return found.pop() if len(found) == 1 else None


_COMPASS = r"(?:north|south|east|west)(?:(?:\s*-\s*|\s)?(?:north|south|east|west)){0,2}"
_COMPASS_WORDS = {w.replace("-", ""): w for w in COMPASS}  # "north-east", "north east" -> "northeast"
# "55 kilometres south of Bireun", "some 20 miles north-east of the city of Santa Rosa": a direction
# from a named place, after a distance (a bare "north of Aceh" is a region, not a bearing)
_BEARING = re.compile(
    r"(?<![a-z])(?:km|kms|kilomet(?:re|er)s?|miles?|mi|nautical\s+miles?)\b\s*(?:\([^()]{0,30}\)\s*)?"
    rf"(?P<dir>{_COMPASS})\s+of\s+(?:the\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{'|'.join(sorted(PLACE_KINDS))})\s+of\s+)?"
    r"(?P<place>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})",
    re.I,
)
_EVENT_WORDS = re.compile(r"\b(?:" + "|".join(sorted(EVENT_LOCATION_WORDS)) + r")\b", re.I)


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def bearings(text: str) -> dict[str, float]:
    """Place -> the bearing of the event from it, for a statement that places the event ("the
    quake struck 55 km south of Bireun", "the epicentre was 34 miles west of the town of Bireun").
    A place given two bearings in one statement gives none."""
    if not _EVENT_WORDS.search(text):
        return {}
    found: dict[str, set[float]] = {}
    for m in _BEARING.finditer(text):
        word = _COMPASS_WORDS.get(re.sub(r"[\s-]+", "", m.group("dir").lower()))
        if word is not None:
            found.setdefault(fold(m.group("place").rstrip(".")), set()).add(COMPASS[word])
    return {place: b.pop() for place, b in found.items() if len(b) == 1}


def bearing_name(bearing: float) -> str:
    return next(w for w, b in COMPASS.items() if b == bearing)


def bearings_apart(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)
