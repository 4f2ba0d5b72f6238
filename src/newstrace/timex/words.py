"""TimeML values in words a reader uses: "2024-FA" is "autumn 2024", "2024-W08" "week of 19 Feb 2024",
"2024-02-22TAF" "22 Feb 2024, afternoon", "P2W" "2 weeks". The values stay in the record; these
words are for the report, the command line and the desk.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_MODS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before", "AFTER": "after",
         "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after", "LESS_THAN": "less than",
         "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "H": "hour", "S": "second",
          "DE": "decade", "CE": "century", "WE": "weekend", "TM": "minute"}
_DATE = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(.+))?$")


def _day(d: int, month: int, year: str) -> str:
    return f"{d} {_MONTHS[month - 1]}" + ("" if year == "XXXX" else f" {year}")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _time_of_day(part: str) -> str:
    if part in _PARTS:
        return _PARTS[part]
    m = re.match(r"^(\d{2}):(\d{2})", part)
    return f"{m.group(1)}:{m.group(2)}" if m else part


def date_in_words(value: str | None, mod: str | None = None) -> str | None:
    """A TimeML DATE/TIME value in words, or None when there is nothing to say (no value)."""
    if not value:
        return None
    words = _date_words(value)
    if mod == "MID":
        return f"mid-{words}"
    return f"{_MODS[mod]} {words}" if mod in _MODS else words


def _date_words(value: str) -> str:
    if value in _REFS:
        return _REFS[value]
    m = _DATE.match(value)
    if m:
        year, month, day, clock = m.groups()
        text = _day(int(day), int(month), year)
        return f"{text}, {_time_of_day(clock)}" if clock else text
    m = re.match(r"^(\d{4}|XXXX)-(\d{2})$", value)
    if m and 1 <= int(m.group(2)) <= 12:
        month = _MONTHS[int(m.group(2)) - 1]
        return month if m.group(1) == "XXXX" else f"{month} {m.group(1)}"
    m = re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value)
    if m:
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return value
        if m.group(3):
            saturday = date.fromordinal(monday.toordinal() + 5)
            return f"weekend of {_day(saturday.day, saturday.month, str(saturday.year))}"
        return f"week of {_day(monday.day, monday.month, str(monday.year))}"
    m = re.match(r"^(\d{4}|XXXX)-([QH])([1-4])$", value)
    if m:
        part = f"{_ORDINAL[int(m.group(3))]} {'quarter' if m.group(2) == 'Q' else 'half'}"
        return part if m.group(1) == "XXXX" else f"{part} of {m.group(1)}"
    m = re.match(r"^(\d{4}|XXXX)-(SP|SU|FA|WI)$", value)
    if m:
        return f"{_SEASONS[m.group(2)]} {m.group(1)}" if m.group(1) != "XXXX" else _SEASONS[m.group(2)]
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"the {_ordinal(int(value) + 1)} century"
    m = re.match(r"^XXXX-WXX-(\d)$", value)
    if m:
        return ("Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays".split())[int(m.group(1)) - 1]
    m = re.match(r"^(\d{4})-(?:XX|WXX)(?:-XX)?(?:T.*)?$", value)
    if m:
        return f"{m.group(1)} (day unknown)"  # "the day before the son reported him missing" in a 2012 story
    return "an unknown date" if "X" in value else value


def duration_in_words(value: str | None) -> str | None:
    """A TimeML DURATION value in words ("P2W" -> "2 weeks", "PT1H30M" -> "1 hour 30 minutes",
    "PXY" -> "years")."""
    if not value or not value.startswith("P"):
        return None
    parts: list[str] = []
    days, _, clock = value[1:].partition("T")
    for in_time, part in ((False, days), (True, clock)):
        for amount, unit in re.findall(r"([0-9.]+|X)([A-Z]{1,2})", part):
            parts.append(_length(amount, "TM" if in_time and unit == "M" else unit))
    return " ".join(parts) if parts else None


def _length(amount: str, key: str) -> str:
    """ "2 weeks", "1 hour", "hours" (an unstated number, X)."""
    name = _UNITS.get(key, key.lower())
    plural = "centuries" if name == "century" else name + "s"
    if amount == "X":
        return plural
    n = float(amount)
    shown = str(int(n)) if n.is_integer() else amount
    return f"{shown} {name if n == 1 else plural}"


def in_words(value: str | None, type_: str = "DATE", mod: str | None = None) -> str | None:
    """Any TimeML value in words: durations and sets as lengths, dates and times as dates."""
    if type_ == "DURATION":
        length = duration_in_words(value)
        return f"{_MODS[mod]} {length}" if length and mod in _MODS and mod not in ("START", "MID", "END") else length
    if type_ == "SET":
        length = duration_in_words(value)
        if length:
            return f"every {length.removeprefix('1 ')}"
        part = re.fullmatch(r"XXXX-XX-XXT(MO|AF|EV|NI|MI|DT)", value or "")
        return f"every {_PARTS[part.group(1)]}" if part else date_in_words(value, mod)
    return date_in_words(value, mod)
