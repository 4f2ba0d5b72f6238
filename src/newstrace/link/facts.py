"""Categorical facts of the story's event that two sources give differently: the kind of gun
("brought a rifle into the building" / "the shotgun slaying"), its calibre (".32-caliber revolver" /
".45-caliber handgun"), whether a quake struck on land or at sea ("struck inland" / "struck off
Aceh province").

A statement states such a fact only when it names one value of it: a statement naming two kinds
("a rifle and a handgun", "a .32, not a .45") compares nothing, and a plural ("officers with rifles")
is not the weapon. Each returns the value a statement states, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.lang.en.incidents import AT_SEA, FIREARM_KINDS, FIREARM_MODIFIED, ON_LAND

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
