"""Reading quantities written in digits or words ("20", "twenty-five", "a", "several")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Numbers written as one word, and their values ("seven", "forty").
WORD_NUMBERS: dict[str, int] = {**_UNITS, **_TENS}

#: Quantities that are known to be plural but not how many: TimeML writes "X".
VAGUE = ("several", "a few", "few", "many", "some", "a number of", "numerous", "a couple of",
         "couple of", "a couple", "the next few", "countless")
VAGUE_COUNTS = {"a couple of": 2, "couple of": 2, "a couple": 2}

_unit_alt = "|".join(sorted(_UNITS, key=len, reverse=True))
_tens_alt = "|".join(_TENS)
_vague_alt = "|".join(sorted((v for v in VAGUE if not v.startswith("the ")), key=len, reverse=True))

#: One number in words, digits, or "a"/"an" (one), as a regex fragment (no groups).
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?"
    rf"|(?:{_tens_alt})(?:[- ](?:{_unit_alt}))?|(?:{_unit_alt})"
    r"|(?:a|one)\s+hundred|hundreds\s+of|dozens\s+of|(?:a\s+)?dozen|an?(?:\s+and\s+a\s+half)?"
    rf"|{_vague_alt})"
)


def parse_number(words: str) -> float | str | None:
    """Return the quantity in ``words``: a number, ``"X"`` for vague ones, or None if unreadable."""
    w = re.sub(r"\s+", " ", words.strip().lower())
    if w in VAGUE_COUNTS:
        return VAGUE_COUNTS[w]
    if w in VAGUE or w in ("hundreds of", "dozens of"):
        return "X"
    if w in ("a", "an", "one"):
        return 1
    if w in ("a and a half", "an and a half"):
        return 1.5
    if w in ("dozen", "a dozen"):
        return 12
    if w in ("a hundred", "one hundred"):
        return 100
    m = re.fullmatch(r"(\d+)\s+(\d)/(\d)", w)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        return int(w.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) if "." in w else int(w)
    if w in _UNITS:
        return _UNITS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    if w in _TENS:
        return _TENS[w]
    return None


def format_quantity(n: float | str) -> str:
    """Write a quantity as TimeML does: ``3``, ``1.5``, ``X``."""
    if isinstance(n, str):
        return n
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.2f}".rstrip("0")
