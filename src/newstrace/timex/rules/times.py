"""Clock times: "2 p.m.", "14:30 GMT", "noon", "midnight", "4 in the morning".

The day a clock time falls on comes from a date right next to it (joined in
compose.py), else from the last day-level expression in the same sentence,
else from the DCT.
"""

from __future__ import annotations

import re

from ..anchor import Context
from ..calendar import Point
from ..candidate import Candidate, Resolved, Resolver, RuleResult
from .base import rule

_TZ = (r"(?:\s+(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|CT|MT|IST|JST|MSK|AEST|AEDT)\b"
       r"|\s+(?:local\s+time|local|\w+\s+time(?=\W)))?")


def clock_resolver(clock: str) -> Resolver:
    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        s0, _ = ctx.oracle.sentence(cand.start)
        for prev in reversed(ctx.resolved):
            if prev.end <= s0:
                break
            if prev.point is not None and prev.point.gran == "D" and prev.type in ("DATE", "TIME"):
                return prev.point.value() + clock, prev.point, prev
        if ctx.dct is None:
            return "XXXX-XX-XX" + clock, None, None
        p = Point(ctx.dct, "D")
        return p.value() + clock, p, "dct"

    return resolve


def _utc(m: re.Match[str]) -> str:
    """ISO 8601's "Z" when the time is given in UTC/GMT (other zones stay local, unconverted)."""
    return "Z" if re.search(r"\b(?:UTC|GMT|Z)\s*$", m.group(0)) else ""


def _clock(hour: int, minute: int, ampm: str | None) -> str | None:
    if ampm:
        a = ampm.lower().replace(".", "").replace(" ", "")
        if not 1 <= hour <= 12:
            return None
        if a == "pm" and hour != 12:
            hour += 12
        if a == "am" and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"


@rule(r"(?<![\w$€£.,:/])(?P<h>[0-9]{1,2})(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>(?-i:a\.\s?m\.?|p\.\s?m\.?|am|pm|AM|PM|a\.m|p\.m))(?![a-z])" + _TZ,
      trigger=r"[ap]\.?\s?m", back=15, fwd=40)
def clock_12h(m: re.Match[str], text: str) -> RuleResult:
    clock = _clock(int(m["h"]), int(m["mi"] or 0), m["ap"])
    if clock is None:
        return None
    end = m.end()
    # "... at 10 p.m. Police said": the dot ends the sentence as well; TimeML leaves it out.
    if m.end("ap") == end and text[end - 1] == "." and re.match(r"\s*(?:$|\n|[\"'”’]?\s*[A-Z])", text[end : end + 3]):
        end -= 1
    return Candidate(m.start(), end, "TIME", clock_resolver(clock + _utc(m)), clock=clock + _utc(m), priority=1)


@rule(r"(?<![\w$€£.,:/])(?P<h>[01]?[0-9]|2[0-4]):(?P<mi>[0-5][0-9])(?![0-9]|:[0-9]|\s*(?:%|percent))(?:\s*(?:h|hrs)\b)?" + _TZ,
      trigger=r":[0-5][0-9]", back=5, fwd=40)
def clock_24h(m: re.Match[str], text: str) -> RuleResult:
    clock = _clock(int(m["h"]), int(m["mi"]), None)
    if clock is None:
        return None
    clock += _utc(m)
    return Candidate(m.start(), m.end(), "TIME", clock_resolver(clock), clock=clock)


@rule(r"(?<![\w$€£.,:/])(?P<h>[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:o'clock|o’clock)"
      r"|(?<![\w$€£.,:/])(?P<h2>[0-9]{1,2})\s+in\s+the\s+(?P<part>morning|afternoon|evening)"
      r"|\b(?P<w>noon|midnight|midday)\b" + _TZ)
def clock_words(m: re.Match[str], text: str) -> RuleResult:
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
    clock: str | None
    if m["w"]:
        if re.search(r"\bhigh\s+$", text[max(0, m.start() - 6) : m.start()], re.I):
            return None  # "high noon": the film, or the idiom
        clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[m["w"].lower()]
    elif m["h2"]:
        clock = _clock(int(m["h2"]), 0, "am" if m["part"].lower() == "morning" else "pm")
    else:
        h = m["h"].lower()
        clock = _clock(words.get(h) or int(h), 0, None)
    if clock is None:
        return None
    return Candidate(m.start(), m.end(), "TIME", clock_resolver(clock), clock=clock)


# "at 0737 GMT", "1430 UTC", "0200 local time": the wire agencies' four-digit clock. Only with a
# zone: a bare "1430" is as often a year or a count.
@rule(r"(?<![\w$€£.,:/-])(?P<h>[01][0-9]|2[0-3])(?P<mi>[0-5][0-9])\s*(?:hours?\s+|hrs\s+)?(?:(?-i:GMT|UTC|Z)\b|local\s+time\b)",
      trigger=r"(?-i:GMT|UTC|Z)\b|local\s+time", back=15, fwd=5)
def clock_four_digits(m: re.Match[str], text: str) -> RuleResult:
    clock = _clock(int(m["h"]), int(m["mi"]), None)
    if clock is None:
        return None
    clock += _utc(m)
    return Candidate(m.start(), m.end(), "TIME", clock_resolver(clock), clock=clock)
