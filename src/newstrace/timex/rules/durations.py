"""Durations: "three days", "the past 20 years", "more than an hour", "two-year",
"several months", "a year and a half", "for years"."""

from __future__ import annotations

import re

from ..candidate import Candidate, RuleResult, fixed
from ..lexicon import QUANTITY_MODS, UNIT_SCALE, UNITS
from ..numbers import NUMBER, parse_number
from ..patterns import NOT_AFTER_NUMBER, QMOD, QMOD_BARE
from ..resolvers import duration_value
from .base import before, rule, title_case_name

_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
_UNIT = rf"(?P<u>(?:{_UNIT_ALT}|centurie)s?)"
_REL = r"past|last|next|coming|previous|following|first|final|latest|remaining|initial|same|preceding|ensuing|subsequent|other|entire|whole|full|prior"
_FILLER = r"(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar|school|extra|successive|fiscal)"


def _unit(word: str) -> tuple[str, bool, int]:
    u = word.lower()
    u = "century" if u in ("centuries", "centurie") else u.rstrip("s") if u not in UNITS else u
    letter, is_time = UNITS[u]
    return letter, is_time, UNIT_SCALE.get(u, 1)


def _mod(q: str | None) -> str | None:
    return QUANTITY_MODS.get(re.sub(r"\s+", " ", q.lower())) if q else None




@rule(rf"(?:(?P<q>{QMOD})\s+|(?P<qb>{QMOD_BARE})\s+(?=[0-9]|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|several|a\s+few))?(?:\b(?P<det>the|its|their|his|her|our|a\s+further|another|an\s+additional|an\s+extra|a|this|that|these|those)\s+)?"
      rf"(?:(?P<rel>{_REL})\s+)?" + NOT_AFTER_NUMBER
      + rf"(?P<n>{NUMBER})(?:\s*(?:to|or|-)\s*(?P<n2>{NUMBER}))?\s+(?:{_FILLER}\s+)?{_UNIT}\b(?!-)",
      trigger=r"\b(?:sec|min|hr|yr|second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|weekend)", back=70, fwd=20)
def quantity(m: re.Match[str], text: str) -> RuleResult:
    n = parse_number(m["n"])
    if n is None:
        return None
    if title_case_name(m["u"], text, m.start()):
        return None  # "CBS's 60 Minutes": a programme's name
    raw_n = m["n"].lower().strip()
    unit_word = m["u"].lower()
    letter, is_time, scale = _unit(unit_word)
    after = text[m.end() : m.end() + 12].lower()
    if letter == "Q" and (raw_n in ("a", "an", "one") or (raw_n == "three" and re.match(r"\s+of\b", after))):
        return None  # "a quarter of the vote", "three quarters of them"
    if re.fullmatch(r"1[6-9][0-9]{2}|20[0-9]{2}", raw_n) and not unit_word.endswith("s"):
        return None  # "the 1988 quarter": a year, not a count
    if raw_n in ("a", "an") and unit_word in ("second", "night", "min", "sec", "hr", "yr"):
        return None  # "a second attempt"
    if unit_word in ("sec", "secs", "min", "mins", "hr", "hrs", "yr", "yrs") and not raw_n[:1].isdigit():
        return None
    if unit_word in ("sec", "secs") and m["u"][0].isupper():
        return None  # the SEC
    if letter == "WE" or unit_word.startswith("night"):
        letter = "D" if unit_word.startswith("night") else "WE"
    if re.match(r"-?(?:old)\b|\s+old\b|\s+of\s+age\b", text[m.end() : m.end() + 8]):
        return None  # ages are not time expressions in the news data
    if isinstance(n, (int, float)) and scale != 1:
        n = n * scale
    if m["n2"]:
        n = "X"
    det = (m["det"] or "").lower()
    rel = (m["rel"] or "").lower()
    if det == "a" and not rel and raw_n in ("a", "an", "one"):
        return None  # "a a year" cannot happen; "a one-year" is the adjectival rule's
    start = m.start()
    if rel in ("following", "preceding") and not det and not (m["q"] or m["qb"]):
        start = m.start("n")  # "following two quarters of contraction": a preposition, not "the following"
    # "a year" after an amount or a count is a rate: "$5 a year", "twice a day" (a SET).
    if raw_n in ("a", "an", "per") and not (m["q"] or det or rel):
        ctx = before(text, start, 25)
        if re.search(r"(?:[0-9%]|\b(?:million|billion|thousand|hundred|dollars?|cents?|times|once|twice|percent))[\s,]*$", ctx):
            return Candidate(start, m.end(), "SET", fixed(duration_value(1, letter, is_time)))
    # "a five year low", "the two day rally": the quantity is an adjective and TimeML leaves
    # the article outside the span.
    if (det in ("a", "an", "the") and not rel and not (m["q"] or m["qb"]) and not unit_word.endswith("s")
            and isinstance(n, (int, float)) and n > 1):
        start = m.start("n")
    value = duration_value(n, letter if letter != "WE" else "WE", is_time)
    mod = _mod(m["q"])
    if m["qb"]:
        w = m["qb"].lower()
        if w in ("about", "around", "under"):
            start = m.end("qb") + 1  # the gold leaves these outside the span
            while text[start].isspace():
                start += 1
        else:
            mod = {"over": "MORE_THAN", "almost": "LESS_THAN", "nearly": "EQUAL_OR_LESS", "roughly": "APPROX"}[w]
    return Candidate(start, m.end(), "DURATION", fixed(value), mod=mod)


@rule(NOT_AFTER_NUMBER + rf"(?P<n>{NUMBER})-(?P<u>{_UNIT_ALT})(?P<long>-long)?\b(?!-old|-olds|\s+old\b)",
      trigger=r"-(?:sec|min|hr|yr|second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|weekend)", back=30, fwd=25)
def adjectival(m: re.Match[str], text: str) -> RuleResult:
    n = parse_number(m["n"].replace("-", " "))
    if n is None or m["n"].lower() in ("a", "an"):
        return None
    letter, is_time, scale = _unit(m["u"])
    if letter == "WE" or letter == "Q" and m["n"].lower() in ("three",):
        return None
    if isinstance(n, (int, float)):
        n *= scale
    return Candidate(m.start(), m.end(), "DURATION", fixed(duration_value(n, letter, is_time)))


@rule(r"\b(?:(?P<a>an?|one)\s+(?P<u1>year|month|hour|minute|day|week|decade|century)\s+and\s+a\s+half"
      r"|(?P<b>one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+and\s+a\s+half\s+(?P<u2>years|months|hours|minutes|days|weeks|decades)"
      r"|half\s+an?\s+(?P<u3>hour|year|day|century|decade|minute)|an?\s+half[\s-](?P<u4>hour|year|day|century|decade))\b",
      trigger=r"half", back=30, fwd=20)
def half(m: re.Match[str], text: str) -> RuleResult:
    if m["u1"]:
        n, u = 1.5, m["u1"]
    elif m["u2"]:
        b = parse_number(m["b"])
        if not isinstance(b, (int, float)):
            return None
        n, u = b + 0.5, m["u2"]
    else:
        n, u = 0.5, m["u3"] or m["u4"]
    letter, is_time, _ = _unit(u)
    if letter in ("DE", "CE"):
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    return Candidate(m.start(), m.end(), "DURATION", fixed(duration_value(n, letter, is_time)))


@rule(r"(?<=\bfor\s)(?P<u>years|months|weeks|days|hours|minutes|decades|centuries)\b(?!\s+(?:old|of\s+age|ago|to\s+come))"
      r"|\b(?P<u2>decades|centuries)(?:-long\b|\b(?=\s+of\b|\s+ago\b))"
      r"|(?<=\bthe\s)(?:coming|next\s+few|past\s+few|last\s+few)\s+(?P<u4>years|months|weeks|days|hours|decades)\b"
      # "within weeks", "can take months", "minutes before the plane left": an unstated number of them.
      r"|(?:(?<=\bwithin\s)|(?<=\btake\s)|(?<=\btakes\s)|(?<=\btook\s)|(?<=\btaken\s)|(?<=\btaking\s))"
      r"(?P<u5>years|months|weeks|days|hours|minutes)\b(?!\s+(?:old|of\s+age)\b)"
      r"|(?<![0-9]\s)(?<!\bthe\s)(?<!\bof\s)(?<!\bfirst\s)\b(?P<u6>years|months|weeks|days|hours|minutes|seconds)(?=\s+(?:before|after)\s+[A-Za-z])",
      trigger=r"years|months|weeks|days|hours|minutes|seconds|decades|centuries", back=25, fwd=20)
def vague_plural(m: re.Match[str], text: str) -> RuleResult:
    word = (m["u"] or m["u2"] or m["u4"] or m["u5"] or m["u6"]).lower()
    letter, is_time, _ = _unit(word)
    return Candidate(m.start(), m.end(), "DURATION", fixed(("PT" if is_time else "P") + "X" + letter))
