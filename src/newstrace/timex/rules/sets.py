"""Recurring times (TimeML SET): "every year", "each Thursday", "daily", "weekly"."""

from __future__ import annotations

import re

from ..candidate import Candidate, RuleResult, fixed
from ..lexicon import SEASONS, UNITS
from ..numbers import NUMBER, parse_number
from ..patterns import MONTH_FULL, SEASON, WEEKDAY
from ..resolvers import duration_value
from .base import month_of, rule, weekday_of

# "quarterly", "annually" and "yearly" are left out: in news they mostly qualify reports
# and dividends ("quarterly dividend") and the TimeML gold rarely marks them.
_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
}
_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))


@rule(r"\b(?P<w>" + "|".join(_ADVERBS) + r")\b")
def adverb(m: re.Match[str], text: str) -> RuleResult:
    if m["w"].lower() == "daily" and re.search(r"\baverage\s+$", text[max(0, m.start() - 9) : m.start()], re.I):
        return None  # "average daily volume": a measure, not a recurrence
    return Candidate(m.start(), m.end(), "SET", fixed(_ADVERBS[m["w"].lower()]))


@rule(rf"\b(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<n>{NUMBER})\s+)?"
      rf"(?:(?P<wd>{WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?|(?P<dp>morning|afternoon|evening|night)|(?P<mo>{MONTH_FULL})|(?P<s>{SEASON})|(?P<u>(?:{_UNIT_ALT})s?))\b",
      trigger=r"\b(?:every|each|per)\b", back=0, fwd=40)
def every(m: re.Match[str], text: str) -> RuleResult:
    if m["wd"]:
        part = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get((m["part"] or "").lower(), "")
        return Candidate(m.start(), m.end(), "SET", fixed(f"XXXX-WXX-{weekday_of(m['wd'])}{part}"))
    if m["dp"]:
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[m["dp"].lower()]
        return Candidate(m.start(), m.end(), "SET", fixed(f"XXXX-XX-XXT{code}"))
    if m["mo"]:
        return Candidate(m.start(), m.end(), "SET", fixed(f"XXXX-{month_of(m['mo']):02d}"))
    if m["s"]:
        return Candidate(m.start(), m.end(), "SET", fixed(f"XXXX-{SEASONS[m['s'].lower()]}"))
    u = m["u"].lower()
    u = u[:-1] if u.endswith("s") and u[:-1] in UNITS else u
    if u not in UNITS or u == "second" and not m["n"]:
        return None
    letter, is_time = UNITS[u]
    n: float | str = 2 if m["other"] else 1
    if m["n"]:
        parsed = parse_number(m["n"])
        if parsed is None:
            return None
        n = parsed
    if letter == "WE":
        return Candidate(m.start(), m.end(), "SET", fixed("XXXX-WXX-WE"))
    if letter == "Q" and isinstance(n, (int, float)):
        letter, n = "M", n * 3  # TimeML writes a recurring quarter in months ("every quarter" = P3M)
    return Candidate(m.start(), m.end(), "SET", fixed(duration_value(n, letter, is_time)))
