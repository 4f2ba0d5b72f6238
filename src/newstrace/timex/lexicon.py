"""Word tables shared by the time-expression rules.

Kept as plain data so the rules read as grammar, not as lists, and so a
word added here reaches every rule that uses the category.
"""

from __future__ import annotations

#: Month names and their abbreviations (with or without the dot) -> month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

#: Weekday names -> ISO weekday (Monday = 1), as TimeML's XXXX-WXX-<n> uses.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1,
    "tuesday": 2, "tue": 2, "tues": 2,
    "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
    "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

#: Full weekday names only: abbreviations like "Sun" or "Sat" collide with words and names.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Seasons -> TimeML season code.
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

#: Parts of the day -> TimeML time-of-day code.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}

#: Calendar units -> (TimeML duration letter, is a time unit under "PT").
#: Decades and centuries are written as years (P20Y, P100Y) as the TempEval gold does.
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True),
    "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False), "yr": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "weekend": ("WE", False),
}

#: How many of the base unit one of these words is (a fortnight is two weeks, ...).
UNIT_SCALE: dict[str, int] = {"fortnight": 2}

#: Ordinals for quarters, halves and centuries.
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6,
    "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12,
    "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14, "fifteenth": 15, "15th": 15,
    "sixteenth": 16, "16th": 16, "seventeenth": 17, "17th": 17, "eighteenth": 18, "18th": 18,
    "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20, "twenty-first": 21, "21st": 21,
    "last": 4, "final": 4,
}

#: Fixed-date holidays -> (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "bastille day": (7, 14), "veterans day": (11, 11),
    "st. patrick's day": (3, 17), "may day": (5, 1), "guy fawkes night": (11, 5),
}

#: Modifier words before a quantity -> TimeML mod, and whether TimeML puts the words inside the span.
#: The TempEval gold keeps "more than", "less than", "nearly", "at least" inside the timex but
#: leaves "about", "over", "almost" and "around" outside it, so those carry no mod either.
QUANTITY_MODS: dict[str, str] = {
    "more than": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "nearly": "EQUAL_OR_LESS", "at least": "EQUAL_OR_MORE", "no more than": "EQUAL_OR_LESS",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
}

#: Point modifiers ("early March", "the end of 1990") -> TimeML mod.
POINT_MODS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the early part of": "START", "mid": "MID", "the middle of": "MID", "the mid": "MID",
    "late": "END", "the end of": "END", "the latter part of": "END", "the close of": "END",
}

