"""Expressions whose value depends on the DCT or on an earlier expression:
"yesterday", "Tuesday", "last month", "this week", "now", "two years ago",
"a day later", "the following week"."""

from __future__ import annotations

import re

from ..anchor import Context
from ..calendar import Point, shift
from ..candidate import Candidate, Resolved, Resolver, RuleResult
from ..lexicon import DAY_PARTS, QUANTITY_MODS, UNITS
from ..numbers import parse_number
from ..patterns import DAYPART, MONTH, NUM, QMOD, WEEKDAY
from ..resolvers import (
    NONE,
    deictic,
    duration_value,
    from_event,
    narrative_unit,
    offset,
    offset_from_event,
    ref,
    weekday,
    weekday_of_week,
    within_story,
)
from .base import rule, title_case_name, weekday_of
from .dates import PMOD, point_mod

_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


@rule(PMOD + r"\b(?P<w>today|yesterday|tomorrow)(?:\s+(?P<part>" + DAYPART + r"))?\b",
      trigger=r"today|yesterday|tomorrow", back=40, fwd=15)
def deictic_day(m: re.Match[str], text: str) -> RuleResult:
    n = _DEICTIC_DAYS[m["w"].lower()]
    if m["w"].lower() == "today" and re.match(r"['’]s\s+(?:world|society|youth|standards|economy)", text[m.end():]):
        return None  # "today's world" is the present in general, not the day
    part = DAY_PARTS[m["part"].lower()] if m["part"] else None
    typ = "TIME" if part else "DATE"
    return Candidate(m.start(), m.end(), typ, deictic(n, "D", part), mod=point_mod(m["pm"]))


@rule(r"\b(?:(?P<this>this|last|tomorrow|yesterday)\s+)?(?P<part>morning|afternoon|evening|night)\b|\b(?P<tonight>tonight)\b")
def day_part(m: re.Match[str], text: str) -> RuleResult:
    if m["tonight"]:
        return Candidate(m.start(), m.end(), "TIME", deictic(0, "D", "NI"))
    if not m["this"]:
        return None
    w = m["this"].lower()
    part = DAY_PARTS[m["part"].lower()]
    if w == "last" and part != "NI":
        return None  # "last morning" is not idiomatic; "last night" is yesterday night
    n = -1 if w in ("last", "yesterday") else 1 if w == "tomorrow" else 0
    return Candidate(m.start(), m.end(), "TIME", deictic(n, "D", part))


@rule(rf"(?P<pm>)(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{WEEKDAY})(?:['’]s)?"
      rf"(?:\s+(?P<part>{DAYPART}))?\b(?!\s*,?\s*(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH})",
      trigger=WEEKDAY, back=40, fwd=35)
def weekday_rule(m: re.Match[str], text: str) -> RuleResult:
    wd = weekday_of(m["wd"])
    rel = (m["rel"] or "").lower()
    direction = -1 if rel in ("last", "past", "previous") else 1 if rel in ("next", "coming") else None
    part = DAY_PARTS[m["part"].lower()] if m["part"] else None
    end = m.end()
    if text[m.end("wd") : m.end("wd") + 2] in ("'s", "’s") and not part:
        end = m.end("wd")
        if direction is None:
            direction = -1  # "Thursday's ruling", "Friday's close": reported, so already past
    typ = "TIME" if part else "DATE"
    return Candidate(m.start(), end, typ, weekday(wd, direction, part, strict=bool(rel and rel != "this")),
                     mod=point_mod(m["pm"]))


@rule(rf"(?P<wd>{WEEKDAY})\s+(?P<rel>next|last|this)\s+week\b", trigger=r"\bweek\b", back=20, fwd=5)
def weekday_in_week(m: re.Match[str], text: str) -> RuleResult:
    """ "Wednesday next week", "Friday last week": that day of the week named."""
    n = {"next": 1, "last": -1, "this": 0}[m["rel"].lower()]
    return Candidate(m.start(), m.end(), "DATE", weekday_of_week(weekday_of(m["wd"]), n), priority=1)


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
    "right now": "PRESENT_REF", "current": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "lately": "PAST_REF", "once": "PAST_REF", "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "future": "FUTURE_REF",
    "shortly": "FUTURE_REF", "in the future": "FUTURE_REF", "someday": "FUTURE_REF",
}


@rule(r"\b(?:(?P<present>now|currently|nowadays|presently|right\s+now|these\s+days)"
      r"|(?P<past>recently|the\s+past|lately)"
      r"|(?P<future>the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term)"
      r"|(?P<recent>recent)\s+(?P<ru>years|decades|months|weeks|days|times)"
      r"|(?P<cur>current|recent)\b(?=\s+(?:economic\s+|fiscal\s+|calendar\s+|financial\s+)?(?:period|quarter|year|month|week|season|term|situation|climate|environment|crisis|conditions|levels?)\b))\b")
def reference(m: re.Match[str], text: str) -> RuleResult:
    if m["present"]:
        return Candidate(m.start(), m.end(), "DATE", ref("PRESENT_REF"))
    if m["past"]:
        # "the past" followed by a quantity is a duration ("the past 20 years"), found elsewhere.
        if m["past"].lower().startswith("the") and re.match(r"\s+(?:[0-9]|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade|century|hour|quarter|couple|half|twelve|twenty|thirty|fifty)", text[m.end():], re.I):
            return None
        return Candidate(m.start(), m.end(), "DATE", ref("PAST_REF"))
    if m["future"]:
        return Candidate(m.start(), m.end(), "DATE", ref("FUTURE_REF"))
    if m["recent"]:
        unit = m["ru"].lower()
        if unit in ("years", "decades", "times"):
            return Candidate(m.start(), m.end(), "DATE", ref("PAST_REF"))
        letter = {"months": "M", "weeks": "W", "days": "D"}[unit]
        return Candidate(m.start(), m.end(), "DURATION", lambda c, k: (f"PX{letter}", None, None))
    if m["cur"]:
        w = m["cur"].lower()
        # "the current quarter/year" is handled as a whole elsewhere; alone, "current" is the present.
        nxt = re.match(r"\s+(\w+)", text[m.end():])
        if nxt and nxt.group(1).lower() in ("quarter", "year", "month", "week", "period"):
            return None
        return Candidate(m.start(), m.end(), "DATE", ref("PRESENT_REF" if w == "current" else "PAST_REF"))
    return None


_GRAN = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "weekend": "WE", "decade": "DE",
         "century": "CE", "day": "D", "half": "H"}
_REL_N = {"this": 0, "the current": 0, "the present": 0, "last": -1, "the last": -1, "the previous": -1,
          "the past": -1, "next": 1, "the next": 1, "the coming": 1, "the following": 1,
          "the same": 0, "that": 0, "the latest": -1, "the prior": -1, "the upcoming": 1}
_NARRATIVE = ("the previous", "the following", "the same", "that", "the prior")


@rule(r"\b(?P<pre>(?:earlier|later|early|late|the\s+(?:end|beginning|start|middle|close)\s+of)\s+)?(?P<rel>this|last|next|the\s+(?:current|present|last|previous|"
      r"past|next|coming|following|same|latest|prior|upcoming)|that)\s+(?:(?:fiscal|calendar)\s+)?"
      r"(?P<u>week|month|year|quarter|weekend|decade|century)\b(?!-)",
      trigger=r"week|month|year|quarter|weekend|decade|century", back=50, fwd=8)
def relative_unit(m: re.Match[str], text: str) -> RuleResult:
    if title_case_name(m["u"], text, m.start()):
        return None  # ABC's "This Week": a programme's name
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["u"].lower()
    gran = _GRAN[unit]
    n = _REL_N[rel]
    pre = (m["pre"] or "").strip().lower()
    pre = re.sub(r"\s+", " ", pre)
    mod = {"early": "START", "late": "END", "earlier": "START", "later": "END", "the end of": "END",
           "the close of": "END", "the beginning of": "START", "the start of": "START",
           "the middle of": "MID"}.get(pre) if pre else None
    if pre in ("earlier", "later"):
        mod = None  # TimeBank leaves "earlier this year" without a mod more often than not
    # "the past year", "the last week": a stretch of time ending now, not a calendar unit.
    if rel in ("the past", "the last") and not pre and gran != "Q":
        letter = {"W": "W", "M": "M", "Y": "Y", "Q": "Q", "WE": "WE", "DE": "DE", "CE": "CE"}[gran]
        value = "P1" + letter if letter not in ("DE", "CE") else ("P10Y" if letter == "DE" else "P100Y")
        if letter == "Q":
            value = "P3M"
        return Candidate(m.start(), m.end(), "DURATION", lambda c, k: (value, None, None))
    if (rel in ("the next", "the following", "the coming") and not pre and gran in ("DE", "CE")
            and re.search(r"\b(?:over|during|throughout|within|for|in)\s+$", text[max(0, m.start() - 12) : m.start()], re.I)):
        # "over the next decade": ten years from then, a stretch of time, not the calendar decade
        # (which news writes "the 2030s").
        value10 = "P10Y" if gran == "DE" else "P100Y"
        return Candidate(m.start(), m.end(), "DURATION", lambda c, k: (value10, None, None))
    if rel == "that" and unit not in ("week", "month", "year", "day"):
        return None
    if rel in _NARRATIVE:
        return Candidate(m.start(), m.end(), "DATE", narrative_unit(n if rel != "the following" else 1, gran), mod=mod)
    if rel == "the next" or rel == "this" and gran == "WE":
        return Candidate(m.start(), m.end(), "DATE", _told_in_the_past(n, gran), mod=mod)
    return Candidate(m.start(), m.end(), "DATE", deictic(n, gran), mod=mod)


def _told_in_the_past(n: int, gran: str) -> Resolver:
    """ "The next year, the Taliban released ...": in a past narrative, the year after the one being
    told, as "the following year"; "took to the streets this weekend" said on a weekday is the
    weekend gone. Otherwise counted from the DCT."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if ctx.reports_the_past(cand):
            if gran == "WE":
                return deictic(-1 if ctx.dct is not None and ctx.dct.isoweekday() < 6 else 0, "WE")(ctx, cand)
            return narrative_unit(n, gran)(ctx, cand)
        return deictic(n, gran)(ctx, cand)

    return resolve


@rule(r"\b(?P<w>the\s+(?:next|following|previous|same|prior)\s+day|the\s+(?:day|week|month|year)\s+(?:before|after)|"
      r"the\s+night\s+before|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
      r"the\s+weekend|the\s+quarter|the\s+latest\s+(?:quarter|period)|the\s+year-(?:earlier|ago)\s+(?:quarter|period)|"
      r"year-(?:earlier|ago))\b")
def narrative_day(m: re.Match[str], text: str) -> RuleResult:
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w == "the day before yesterday":
        return Candidate(m.start(), m.end(), "DATE", deictic(-2, "D"))
    if w == "the day after tomorrow":
        return Candidate(m.start(), m.end(), "DATE", deictic(2, "D"))
    if w == "the weekend":
        def weekend(ctx: Context, cand: Candidate) -> Resolved:
            if ctx.dct is None:
                return NONE
            d = ctx.direction(cand, default=-1)
            # A weekend mentioned before Friday in a past-tense report is the one just gone.
            n = -1 if d < 0 and ctx.dct.isoweekday() < 6 else 0
            return deictic(n, "WE")(ctx, cand)
        return Candidate(m.start(), m.end(), "DATE", weekend)
    if w in ("the quarter", "the latest quarter", "the latest period"):
        def last_quarter(ctx: Context, cand: Candidate) -> Resolved:
            period = ctx.reporting_period(cand)
            if period is not None and period.point is not None and period.point.gran == "Q":
                return period.point.value(), period.point, period
            base, anchor = ctx.narrative(cand, max_gran="Q")
            if base is not None and anchor != "dct" and base.gran == "Q" and not ctx.year_comparison(anchor):
                return base.value(), base, anchor
            return deictic(-1, "Q")(ctx, cand)
        return Candidate(m.start(), m.end(), "DATE", last_quarter)
    if "year-" in w:
        def year_earlier(ctx: Context, cand: Candidate) -> Resolved:
            base, anchor = ctx.narrative(cand, max_gran="Y")
            period = ctx.reporting_period(cand)
            if period is not None and ("quarter" in w or "period" in w):
                base, anchor = period.point, period
            if base is None:
                return NONE
            if ctx.year_comparison(anchor):
                return anchor.value, anchor.point, anchor.anchor  # type: ignore[union-attr]
            gran = base.gran if base.gran in ("Q", "H", "M", "Y") else "Y"
            p = Point(base.day.replace(year=base.day.year - 1) if not (base.day.month == 2 and base.day.day == 29)
                      else base.day.replace(year=base.day.year - 1, day=28), gran, base.year_known)  # type: ignore[arg-type]
            return p.value(), p, anchor
        return Candidate(m.start(), m.end(), "DATE", year_earlier)
    unit = w.split()[1]
    if w.endswith((" before", " after")) and _NAMES_WHAT.match(text, m.end()):
        # "the day after the attack", "the week before Roth was pulled over": counted from that
        # event's date when the text gives it, else left without a value (the publication date is
        # not the event's). TimeML marks "the day" and leaves the signal and the event out; an
        # event named by a date ("the March 22 attack") is joined to it by compose.py.
        n = 1 if w.endswith("after") else -1
        gran = {"day": "D", "night": "D", "week": "W", "month": "M", "year": "Y"}[unit]
        event = _EVENT_AFTER.match(text, m.end())
        end = m.start() + len(m["w"].rsplit(None, 1)[0].rstrip())
        return Candidate(m.start(), end, "DATE", from_event(event.group(1) if event else None, n, gran),
                         deferred=True, shift=(1, gran, n))
    if unit in ("week", "month", "year"):
        return None  # "the year before", alone: rare, and TimeBank leaves it out
    n = {"the next day": 1, "the following day": 1, "the day after": 1, "the previous day": -1,
         "the prior day": -1, "the day before": -1, "the night before": -1, "the same day": 0}[w]
    return Candidate(m.start(), m.end(), "DATE", narrative_unit(n, "D"))


@rule(r"\b(?:earlier|later)\s+in\s+the\s+(?P<u>year|month|week)\b", trigger=r"\b(?:earlier|later)\s+in\s+the\b", back=0, fwd=30)
def earlier_in_the(m: re.Match[str], text: str) -> RuleResult:
    """ "earlier in the year": the year a date written out earlier in the paragraph names, else the DCT's."""
    return Candidate(m.start(), m.end(), "DATE", within_story(_GRAN[m["u"].lower()]))


@rule(r"\bthe\s+(?:remainder|rest|balance)\s+of\s+(?P<rel>this)\s+(?P<u>year|month|week|quarter)\b(?!['’]s)",
      trigger=r"\b(?:remainder|rest|balance)\s+of\b", back=6, fwd=25)
def rest_of(m: re.Match[str], text: str) -> RuleResult:
    """ "the remainder of this year": the current year ("the rest of the week" is left to the
    duration rules, as TimeML reads it)."""
    return Candidate(m.start(), m.end(), "DATE", deictic(0, _GRAN[m["u"].lower()]))


@rule(r"\b(?:(?P<the>the)\s+(?:full|fiscal|full\s+fiscal)\s+year|(?P<end>year[-\s]end|year['’]s\s+end|"
      r"the\s+(?:end|close)\s+of\s+the\s+year))\b(?!\s+(?:ended|ending|to)\b)",
      trigger=r"\byear\b", back=30, fwd=20)
def report_year(m: re.Match[str], text: str) -> RuleResult:
    """ "for the full year", "the fiscal year", "by year-end": the year the report is about."""
    return Candidate(m.start(), m.end(), "DATE", within_story("Y"), mod="END" if m["end"] else None)


# An event named after "the day after": "the attack", "his arrest", "the Oct. 7 attacks" (a date
# inside it is a timex of its own, and compose.py joins the two).
_EVENT_AFTER = re.compile(r"\s+(?:the|this|that|his|her|its|their|our|last\s+week['’]s)\s+([a-z][a-z-]+)\b")
# What follows "the day before" when it names an event or a clause rather than standing alone
# ("the day before, he had resigned"): a word, not punctuation or the end of the sentence.
_NAMES_WHAT = re.compile(r"[ \t]+(?!(?:and|or|but|as|at|in|on|to|with|when|while|was|were|is|had|has)\b)[A-Za-z0-9]")

_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))


def _qmod(q: str | None) -> str | None:
    if not q:
        return None
    q = re.sub(r"\s+", " ", q.lower())
    return QUANTITY_MODS.get(q) or {"almost": "LESS_THAN", "about": "APPROX", "around": "APPROX"}.get(q)


@rule(rf"(?:(?P<q>{QMOD}|almost|about|around|roughly)\s+)?(?P<n>{NUM})\s+(?:more\s+|full\s+|long\s+)?(?P<u>(?:{_UNIT_ALT}|centurie)s?)"
      r"\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|before|after|hence|from\s+now|previously|back)\b",
      trigger=r"\b(?:ago|earlier|later|before|after|hence|from\s+now|previously|back)\b", back=80, fwd=0)
def unit_offset(m: re.Match[str], text: str) -> RuleResult:
    n = parse_number(m["n"])
    if n is None:
        return None
    u = m["u"].lower().rstrip("s")
    u = "century" if u == "centurie" else u
    letter, is_time = UNITS[u]
    if is_time:
        return None  # "three hours later": TimeML types these TIME; too rare to guess the clock
    d = m["dir"].lower()
    if d in ("earlier", "later") and re.match(r"\s+than\b", text[m.end():]):
        # "a month earlier than usual": a difference between two times, not a date; the duration
        # rule marks the quantity alone.
        return None
    sign = -1 if d in ("ago", "earlier", "before", "previously", "back") else 1
    narrative = d not in ("ago", "hence", "from now", "back")
    if d in ("before", "after") and re.match(r"\s*(?:[,.;:!?)]|$)", text[m.end():]):
        # "Two years before, ..." standing alone: two years before the time the story is telling.
        return Candidate(m.start(), m.end(), "DATE", offset(n, letter if letter != "WE" else "W", sign, True),
                         mod=_qmod(m["q"]), priority=1)
    if d in ("before", "after"):
        # "two weeks before the vote": TimeML marks the quantity as a DURATION; when a date
        # follows ("before March 22") compose.py turns the whole phrase into a DATE.
        end = m.end("u")
        value = duration_value(n, letter, is_time)
        event = _EVENT_AFTER.match(text, m.end())
        if event and not isinstance(n, str):
            # "two years before the invasion": from the invasion's date if the text gives one.
            return Candidate(m.start(), end, "DURATION", offset_from_event(event.group(1), n, letter, sign, value, end, event.end()),
                             priority=1, mod=_qmod(m["q"]), shift=(n, letter if letter != "WE" else "W", sign), deferred=True)
        return Candidate(m.start(), end, "DURATION", lambda c, k: (value, None, None), priority=1,
                         mod=_qmod(m["q"]), shift=(n, letter if letter != "WE" else "W", sign))
    mod = _qmod(m["q"])
    unit = letter if letter != "WE" else "W"
    return Candidate(m.start(), m.end(), "DATE", offset(n, unit, sign, narrative), mod=mod, priority=1)


@rule(r"\b(?P<the>the\s+)(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)", trigger=r"\byear\s+end", back=20, fwd=10)
def year_ended(m: re.Match[str], text: str) -> RuleResult:
    """ "for the year ended June 30": a twelve-month stretch, not a calendar year."""
    return Candidate(m.start(), m.end(), "DURATION", lambda c, k: ("P1Y", None, None), priority=2)


@rule(r"\bthe\s+(?:same|corresponding|comparable|like)\s+(?P<u>period|quarter|month|week|season|time)\s+"
      r"(?:of\s+|in\s+)?(?P<back>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:last|previous|prior)\s+year)\b",
      trigger=r"\b(?:same|corresponding|comparable|like)\s+(?:period|quarter|month|week|season|time)", back=10, fwd=40)
def same_period_last_year(m: re.Match[str], text: str) -> RuleResult:
    """ "the same period last year", "the corresponding quarter a year ago": the period the text
    is about, a year back (one expression in TimeML)."""
    unit = m["u"].lower()

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        period = ctx.reporting_period(cand)
        if period is None:
            base, anchor = ctx.narrative(cand, max_gran="Y")
            if anchor == "dct" or base is None or base.gran not in ("M", "Q", "H", "W", "SP", "SU", "FA", "WI"):
                return deictic(-1, "Y")(ctx, cand)
        else:
            base, anchor = period.point, period
        assert base is not None
        if ctx.year_comparison(anchor):
            return anchor.value, anchor.point, anchor.anchor  # type: ignore[union-attr]
        gran = "Q" if unit == "quarter" and base.gran not in ("Q", "H") else base.gran
        p = Point(shift(base.day, -1, "Y"), gran, base.year_known)  # type: ignore[arg-type]
        return p.value(), p, anchor

    return Candidate(m.start(), m.end(), "DATE", resolve, priority=2)


@rule(r"\b(?:end|ends|ended|ending|finish|finishes|finished|finishing|for|during)\s+(?P<d>the\s+day)\b"
      r"(?!\s+(?:before|after|of|when|that|on|in|he|she|they|it|we)\b|['’-])",
      trigger=r"\bthe\s+day\b", back=20, fwd=10)
def the_day(m: re.Match[str], text: str) -> RuleResult:
    """ "ended the day at 7,114", "for the day": the day being reported (market reports)."""
    return Candidate(m.start("d"), m.end("d"), "DATE", narrative_unit(0, "D"))
