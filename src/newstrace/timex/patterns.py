"""Regex fragments the rules are built from (no capturing groups inside fragments).

Month and weekday names are matched case-sensitively (Title or UPPER case): "may",
"march" and "sun" are ordinary words in lower case.
"""

from __future__ import annotations

from .lexicon import MONTHS, SEASONS, WEEKDAY_NAMES
from .numbers import NUMBER


def _cased(words: list[str]) -> str:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        alts += [w.title(), w.upper()]
    return "(?-i:" + "|".join(alts) + ")"


_full_months = [m for m in MONTHS if len(m) > 3 or m == "may"]
_abbr_months = [m for m in MONTHS if len(m) <= 4 and m != "may" and m != "june" and m != "july"]

#: A month name, full or abbreviated (abbreviations take an optional dot).
MONTH = (
    "(?:" + _cased(_full_months) + r"\b|" + _cased(_abbr_months) + r"(?:\.|\b))"
)
#: Full month names only (for a month standing alone, where "Mar" or "Dec" would be noise).
MONTH_FULL = _cased(_full_months) + r"\b"
WEEKDAY = (
    "(?:" + _cased(list(WEEKDAY_NAMES)) + "|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.)"
)
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9][0-9]{2}|20[0-9]{2})"
SEASON = "(?:" + "|".join(SEASONS) + ")"
DAYPART = r"(?:morning|afternoon|evening|night)"

NUM = NUMBER

#: Quantity modifiers that TimeML keeps inside the span.
QMOD = r"(?:more\s+than|less\s+than|fewer\s+than|nearly|at\s+least|no\s+more\s+than|no\s+less\s+than|at\s+most|up\s+to|some|roughly|approximately)"

# A number must not continue a larger number, money amount or identifier on its left.
NOT_AFTER_NUMBER = r"(?<![\w$€£¥#.,/:])"
# ... nor run on into digits, percentages, decimals, fractions or times on its right.
NOT_BEFORE_NUMBER = r"(?![\w%]|[.,:/][0-9]|\s*(?:percent|per\s*cent|pct)\b)"

#: Modifiers that TimeML keeps in the span only right before a number ("over an hour",
#: "almost two years"), not before "the" ("over the past year").
QMOD_BARE = r"(?:over|almost|about|around|under|nearly|roughly)"
