"""Calendar dates written out: "March 22, 2024", "22 March", "2024-03-22", "March",
"2017", "the 1990s", "the third quarter", "summer 2017", "Christmas"."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from newstrace.lang.en.occasions import EVENT_NAME_WORDS

from ..anchor import Context
from ..calendar import SEASON_MONTH, Point, easter, nearest_year, nth_weekday, safe_date
from ..candidate import Block, Candidate, Resolved, RuleResult, absolute, fixed
from ..lexicon import FIXED_HOLIDAYS, MONTHS, ORDINALS, POINT_MODS, SEASONS, WEEKDAYS
from ..patterns import (
    DAY,
    MONTH,
    MONTH_FULL,
    NOT_AFTER_NUMBER,
    NOT_BEFORE_NUMBER,
    SEASON,
    WEEKDAY,
    YEAR,
)
from ..resolvers import NONE, month_day, month_only
from .base import before, day_of, month_of, rule, weekday_of

#: "early", "mid-", "the end of" ... before a month, year, decade or season.
PMOD = (
    r"(?P<pm>(?:early|late|mid-?|the\s+(?:beginning|start|middle|end|close|early\s+part|"
    r"latter\s+part|mid)\s+of)\s*)?"
)
# Words after a day number that show it is a quantity, not a day of the month.
_NOT_A_DAY = r"(?![0-9]|:[0-9]|\.[0-9]|,[0-9]{3}|\s*(?:%|percent|per\s*cent|million|billion|a\.?m\b|p\.?m\b))"


def impossible(m: re.Match[str]) -> Candidate:
    """A date written out that does not exist ("31 February", "2023-02-29"): kept as a DATE with no
    value, so the text is not read as another date and no day is invented."""
    return Candidate(m.start(), m.end(), "DATE", fixed(None), priority=3)


def point_mod(pm: str | None) -> str | None:
    if not pm:
        return None
    key = re.sub(r"\s+", " ", pm.strip().lower()).rstrip("-").strip()
    if key.endswith(" of"):
        key = key[:-3]
    return POINT_MODS.get(key) or POINT_MODS.get(key + " of")


# -- full dates ----------------------------------------------------------------------------

@rule(NOT_AFTER_NUMBER + r"(?P<y>[12][0-9]{3})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])"
      r"(?:[T ](?P<H>[0-2][0-9]):(?P<M>[0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?(?![0-9])")
def iso_date(m: re.Match[str], text: str) -> RuleResult:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return impossible(m)
    p = Point(d, "D")
    if m["H"] is not None:
        if int(m["H"]) > 24:
            return Block(m.start(), m.end())
        val = f"{p.value()}T{m['H']}:{m['M']}"
        return Candidate(m.start(), m.end(), "TIME", lambda c, k: (val, p, None), priority=2,
                         written=(d.month, d.day, d.year))
    return Candidate(m.start(), m.end(), "DATE", absolute(p), priority=2, written=(d.month, d.day, d.year))


@rule(NOT_AFTER_NUMBER + r"(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])")
def numeric_date(m: re.Match[str], text: str) -> RuleResult:
    # US order (month/day) unless the first number cannot be a month.
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y < 50 else 1900
    month, day = (a, b) if a <= 12 else (b, a)
    d = safe_date(y, month, day)
    if d is None:
        return impossible(m) if month <= 12 else Block(m.start(), m.end())
    return Candidate(m.start(), m.end(), "DATE", absolute(Point(d, "D")), priority=1, written=(month, day, y))


def _month_day(m: re.Match[str], month: int, day: int) -> RuleResult:
    year = int(m["y"]) if m["y"] else None
    if safe_date(year, month, day) is None:
        return impossible(m)  # "31 February": a date that does not exist, and no "February" either
    if year is not None:
        d = safe_date(year, month, day)
        assert d is not None
        return Candidate(m.start(), m.end(), "DATE", absolute(Point(d, "D")), priority=2,
                         written=(month, day, year))
    lead = re.match(rf"{WEEKDAY}", m.group(0))
    weekday = weekday_of(lead.group(0)) if lead else None
    return Candidate(m.start(), m.end(), "DATE", month_day(month, day, weekday), priority=2)


@rule(rf"(?:{WEEKDAY},?\s+)?(?P<mo>{MONTH})\s*(?P<d>{DAY}){_NOT_A_DAY}"
      rf"(?:(?:,\s*|\s+)(?P<y>{YEAR})(?![0-9%]|\s*(?:percent|million|billion)))?",
      trigger=MONTH, back=30, fwd=40)
def month_day_date(m: re.Match[str], text: str) -> RuleResult:
    return _month_day(m, month_of(m["mo"]), day_of(m["d"]))


@rule(rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?" + NOT_AFTER_NUMBER
      + rf"(?P<d>{DAY})(?:\s+of)?\s+(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR})(?![0-9%]))?",
      trigger=MONTH, back=40, fwd=20)
def day_month_date(m: re.Match[str], text: str) -> RuleResult:
    return _month_day(m, month_of(m["mo"]), day_of(m["d"]))


@rule(PMOD + rf"(?P<mo>{MONTH_FULL})(?:\s+of)?\s+(?P<rel>this|last|next)\s+year\b",
      trigger=MONTH_FULL, back=40, fwd=25)
def month_relative_year(m: re.Match[str], text: str) -> RuleResult:
    month = month_of(m["mo"])
    n = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if ctx.dct is None:
            return NONE
        p = Point(date(ctx.dct.year + n, month, 1), "M")
        return p.value(), p, "dct"

    return Candidate(m.start(), m.end(), "DATE", resolve, mod=point_mod(m["pm"]))


@rule(PMOD + rf"(?P<mo>{MONTH})(?:\s+of|,)?\s+(?P<y>{YEAR})(?![0-9%])",
      trigger=MONTH, back=40, fwd=30)
def month_year(m: re.Match[str], text: str) -> RuleResult:
    month, year = month_of(m["mo"]), int(m["y"])
    p = Point(date(year, month, 1), "M")
    return Candidate(m.start(), m.end(), "DATE", absolute(p), mod=point_mod(m["pm"]), priority=1,
                     written=(month, None, year))


# A month on its own. "May" and "March" are also a verb and a modal: they need a
# word before them that only a date would follow.
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|to|through|of|during|before|after|early|late|mid|"
    r"last|next|this|between|and|or|on|for|end|beginning|start|middle|each|every|until|"
    r"throughout|around|that)\s+|mid-)$"
)


# Words that open a name or stand in front of a date: "In May", "Last March" are no one's names.
_NOT_A_FIRST_NAME = frozenset(
    "in on by of to at for from since until till through during before after early late mid last next this "
    "that the a each every and or but between around throughout when as if".split()
)


@lru_cache(maxsize=64)
def _names_someone(text: str, word: str) -> bool:
    """Whether ``text`` uses ``word`` as a surname ("Theresa May", "Brian May")."""
    for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{word}\b", text):
        if m.group(1).lower() not in _NOT_A_FIRST_NAME and m.group(1).lower() not in MONTHS:
            return True
    return False


def _month_as_modifier(text: str, m: re.Match[str]) -> bool:
    """ "the May report", "May's jobs data": the month names a period a noun is about."""
    after = text[m.end() : m.end() + 3]
    owned = after[:2] in ("'s", "’s")
    led = bool(re.search(r"\bthe\s+$", before(text, m.start(), 6)))
    return (owned or led) and not _names_someone(text, m["mo"])


@rule(PMOD + rf"(?:(?P<rel>last|next|this|the\s+coming)\s+)?(?P<mo>{MONTH_FULL})(?!\s*[0-9])",
      trigger=MONTH_FULL, back=40, fwd=10)
def bare_month(m: re.Match[str], text: str) -> RuleResult:
    month = month_of(m["mo"])
    if (month in (3, 5) and not (m["pm"] or m["rel"]) and not _MONTH_CONTEXT.search(before(text, m.start(), 15))
            and not _month_as_modifier(text, m)):
        return None
    rel = (m["rel"] or "").lower()
    direction = -1 if rel == "last" else 1 if rel in ("next", "the coming") else None

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if direction is None:
            return month_only(month)(ctx, cand)
        if ctx.dct is None:
            return NONE
        y = nearest_year(ctx.dct, month, None, direction)
        if date(y, month, 1) <= ctx.dct < date(y + (month == 12), month % 12 + 1, 1):
            y += direction  # "last April" said in April is a year ago
        p = Point(date(y, month, 1), "M")
        return p.value(), p, "dct"

    return Candidate(m.start(), m.end(), "DATE", resolve, mod=point_mod(m["pm"]))


# -- years, decades, centuries ---------------------------------------------------------------

_COUNT_BEFORE = re.compile(
    r"\b(?:about|some|nearly|almost|than|around|approximately|roughly|over|under|up\s+to|"
    r"at\s+least|estimated|only|just|total\s+of|no\.|number|nos?|flight|room|route|page|"
    r"chapter|version|model|item|code|line|bus|highway|interstate|pp?\.|tel\.?|phone|n°|"
    r"(?:score|rating|index|level|value|capacity|reading|price|count|tally)\s+of)\s*$"
)
_COUNT_AFTER = re.compile(
    r"\s*(?:people|persons|men|women|children|troops|soldiers|workers|employees|jobs|"
    r"feet|foot|ft|meters|metres|m|km|kilometers|kilometres|miles|mph|kph|tons|tonnes|kg|"
    r"votes|points|units|shares|yen|dollars|euros|pounds|residents|students|members|cases|"
    r"deaths|homes|houses|cars|vehicles|barrels|acres|hectares|calories|rounds|copies)\b"
)


_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“])(?<!^)\s([A-Z][a-z][A-Za-z]*)\s+$")
# Capitalised words that stand before a year as words, not as part of a name ("In 2020", "By 2030").
_YEAR_LEADS = frozenset(
    "in on by of to at for from since until till through during before after early late mid last next this "
    "that the a an each every and or but between around throughout when as if fiscal calendar model school "
    "year spring summer autumn fall winter christmas easter copyright circa about".split()
)


def _named(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised word inside a sentence that is not a
    month, a weekday, a function word or an event's name: the number is part of a product's or
    model's name ("Windows 2000", "Server 2003"). An acronym before it ("WWDC 2005", "COP 2021")
    names an event and keeps the year."""
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if not m:
        return False
    word = m.group(1).lower()
    if word in EVENT_NAME_WORDS:
        return False  # "Conference 2010", "Olympics 2024": the year of the event's edition
    return word not in _YEAR_LEADS and word.rstrip(".") not in MONTHS and word not in WEEKDAYS


@rule(r"\bFY\s?['’]?(?P<y>[12][0-9]{3}|[0-9]{2})\b", flags=0, trigger=r"FY", back=0, fwd=8)
def fiscal_code(m: re.Match[str], text: str) -> RuleResult:
    """ "FY2025", "FY25": a fiscal year, written as its year the way TimeBank writes fiscal years."""
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    return Candidate(m.start(), m.end(), "DATE", absolute(Point(date(y, 1, 1), "Y")), priority=1)


# A model suffix or unit right after the number ("GTX 1660 Ti", "2048 GB"): a product, not a year.
_MODEL_AFTER = re.compile(r"\s?(?:Ti|GB|TB|MB|mAh|Hz|MHz|GHz|mm|XT|SUPER)\b|\s[A-Z]{1,4}\s?[0-9]{1,4}\b")


@rule(PMOD + r"(?:(?P<pre>(?:the\s+)?(?:fiscal|calendar|model|school|financial)(?:\s+year)?|the\s+year|FY)\s*)?"
      + NOT_AFTER_NUMBER + rf"(?P<y>{YEAR})" + NOT_BEFORE_NUMBER + r"(?!-[0-9]{2}(?![0-9]))",
      trigger=r"[0-9]{4}", back=45, fwd=20)
def year(m: re.Match[str], text: str) -> RuleResult:
    y = int(m["y"])
    start = m.start("y") if not (m["pm"] or m["pre"]) else m.start()
    if re.search(r"[$€£¥]\s*$", text[max(0, start - 2) : start]):
        return Block(m.start("y"), m.end("y"))
    if not (m["pm"] or m["pre"]) and (
        _COUNT_BEFORE.search(before(text, start, 25)) or _COUNT_AFTER.match(text, m.end())
    ):
        return Block(m.start("y"), m.end("y"))
    if (not (m["pm"] or m["pre"]) or (m["pre"] or "").lower() == "model") and _MODEL_AFTER.match(text, m.end()):
        return Block(m.start("y"), m.end("y"))  # a product or model number ("GTX 1660 Ti"), not a year
    if not (m["pm"] or m["pre"]) and _named(text, start):
        return Block(m.start("y"), m.end("y"))  # "Windows 2000", "Server 2003": part of a name
    pre = (m["pre"] or "").lower()
    if pre.startswith("the ") and "year" not in pre:
        start = m.start() + 4  # TimeML keeps "fiscal 1990" but not its article
    p = Point(date(y, 1, 1), "Y")
    return Candidate(start, m.end(), "DATE", absolute(p), mod=point_mod(m["pm"]), written=None)


@rule(r"(?:the\s+)?" + PMOD + r"(?:(?P<dec>1[5-9][0-9]0|20[0-9]0)|'(?P<short>[0-9]0))'?s\b",
      trigger=r"[0-9]0'?s\b", back=40, fwd=5)
def decade(m: re.Match[str], text: str) -> RuleResult:
    if m["dec"]:
        prefix = m["dec"][:3]
    else:
        prefix = ("19" if int(m["short"]) >= 20 else "20") + m["short"][0]
    return Candidate(m.start(), m.end(), "DATE", fixed(prefix), mod=point_mod(m["pm"]), priority=1)


_ORD = "|".join(sorted((o for o in ORDINALS if o not in ("last", "final")), key=len, reverse=True))


@rule(rf"the\s+{PMOD}(?P<o>{_ORD})[\s-]+century",
      trigger=r"century", back=40, fwd=2)
def century(m: re.Match[str], text: str) -> RuleResult:
    n = ORDINALS[m["o"].lower()]
    return Candidate(m.start(), m.end(), "DATE", fixed(f"{n - 1:02d}"), mod=point_mod(m["pm"]))


# -- seasons, quarters, halves ---------------------------------------------------------------

@rule(r"(?:(?:earlier|later)\s+(?=this|next|last))?" + PMOD + rf"(?:(?P<rel>this|last|next|the\s+coming|the\s+past|the\s+previous|the\s+following|the|"
      rf"(?P<ny>{YEAR})(?:'s)?)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR})(?![0-9%]))?\b",
      trigger=SEASON, back=45, fwd=25)
def season(m: re.Match[str], text: str) -> RuleResult:
    code = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    yr = m["y"] or m["ny"]
    if yr:
        p = Point(date(int(yr), SEASON_MONTH[code], 1), code)  # type: ignore[arg-type]
        return Candidate(m.start(), m.end(), "DATE", absolute(p), mod=point_mod(m["pm"]))
    if not rel or rel == "the" or m["s"].lower() == "fall" and not rel:
        return None  # "in the summer" names no particular summer

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if ctx.dct is None:
            return NONE
        y = ctx.dct.year
        cur = SEASON_MONTH[code] <= ctx.dct.month
        if rel in ("last", "the past", "the previous"):
            y = y if cur and SEASON_MONTH[code] + 3 <= ctx.dct.month else y - 1
        elif rel in ("next", "the coming", "the following"):
            y = y + 1 if cur else y
        p = Point(date(y, SEASON_MONTH[code], 1), code)  # type: ignore[arg-type]
        return p.value(), p, "dct"

    return Candidate(m.start(), m.end(), "DATE", resolve, mod=point_mod(m["pm"]))


_QYEAR = rf"(?:{YEAR}|this\s+year|last\s+year|next\s+year)"


def _year_word(ctx: Context, word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower()
    if w[:1].isdigit():
        return int(w)
    if ctx.dct is None:
        return None
    return ctx.dct.year + (-1 if w.startswith("last") else 1 if w.startswith("next") else 0)


@rule(rf"(?:the\s+)?(?:(?P<yr>{_QYEAR})'s\s+)?(?:(?:fiscal|calendar)\s+)?"
      r"(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?P<u>quarter|half)(?!ly)"
      rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:the\s+year\s+)?(?P<y2>{_QYEAR}))?",
      trigger=r"quarter|half", back=45, fwd=45)
def quarter(m: re.Match[str], text: str) -> RuleResult:
    n = ORDINALS[m["o"].lower()]
    half = m["u"].lower() == "half"
    if m["o"].lower() in ("last", "final"):
        if m["o"].lower() == "last" and not m["y2"]:
            return None  # "the last quarter" is the one just gone (relative rules)
        n = 2 if half else 4
    if half and n > 2:
        return None
    month = (n - 1) * (6 if half else 3) + 1
    gran = "H" if half else "Q"
    yword = m["yr"] or m["y2"]
    # "third-quarter profit": the adjective is the timex; the noun after it is not.
    start = m.start()
    if text[start : start + 4].lower() == "the " and not (m["yr"] or m["y2"]) and "-" in m.group(0):
        start += 4

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        y = _year_word(ctx, yword)
        anchor = None if (yword and yword[:1].isdigit()) else "dct"
        if y is None:
            if ctx.dct is None:
                p = Point(date(2000, month, 1), gran, False)  # type: ignore[arg-type]
                return p.value(), p, None
            y = ctx.dct.year
            cur = (ctx.dct.month - 1) // (6 if half else 3) + 1
            direction = ctx.direction(cand, default=-1)
            # A quarter still to come this year is last year's when the sentence looks back;
            # a quarter already under way or over is this year's whatever the tense.
            if direction < 0 and n > cur:
                y -= 1
        p = Point(date(y, month, 1), gran)  # type: ignore[arg-type]
        return p.value(), p, anchor

    return Candidate(start, m.end(), "DATE", resolve, priority=1)


@rule(rf"\bthe\s+(?:(?P<y>{YEAR})|(?:comparable\s+|corresponding\s+)?(?P<back>year-(?:ago|earlier)))\s+"
      r"(?:(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?P<u>quarter|period|half)\b",
      trigger=r"\b(?:quarter|period|half)\b", back=60, fwd=2)
def year_period(m: re.Match[str], text: str) -> RuleResult:
    """ "the 1988 third quarter", "the 1988 period", "the year-ago third quarter": one reporting period
    named by its year, or by its distance from the period the report is about."""
    unit = m["u"].lower()
    if m["back"] and not m["o"] and unit != "half":
        return None  # "the year-ago quarter": the relative rules compare it with the report's period
    n = ORDINALS[m["o"].lower()] if m["o"] else None
    if unit == "half" and (n or 1) > 2:
        return None

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        period = ctx.reporting_period(cand)
        if m["y"]:
            year = int(m["y"])
        else:
            base = period.point.day.year if period is not None and period.point else (ctx.dct.year if ctx.dct else None)
            if base is None:
                return NONE
            year = base - 1
        gran = "H" if unit == "half" else "Q"
        if n is not None:
            p = Point(date(year, (n - 1) * (6 if gran == "H" else 3) + 1, 1), gran)  # type: ignore[arg-type]
        elif period is not None and period.point is not None and period.point.gran in ("Q", "H"):
            p = Point(date(year, period.point.day.month, 1), period.point.gran)
        else:
            p = Point(date(year, 1, 1), "Y")
        return p.value(), p, (None if m["y"] and n is not None else period or "dct")

    return Candidate(m.start(), m.end(), "DATE", resolve, priority=2)


@rule(r"\b(?-i:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?P<y>" + YEAR + r"|'?[0-9]{2}))?\b", flags=0)
def quarter_code(m: re.Match[str], text: str) -> RuleResult:
    n = int(m["q"] or m["q2"])
    month = (n - 1) * 3 + 1
    yw = m["y"]
    y = None
    if yw:
        y = int(yw.lstrip("'"))
        if y < 100:
            y += 2000 if y < 50 else 1900

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        year = y
        if year is None and ctx.dct is not None:
            year = ctx.dct.year
            # As for "the third quarter": a quarter still to come is last year's when the sentence looks back.
            if ctx.direction(cand, default=-1) < 0 and n > (ctx.dct.month - 1) // 3 + 1:
                year -= 1
        p = Point(date(year or 2000, month, 1), "Q", year is not None)
        return p.value(), p, (None if y is not None else "dct" if ctx.dct else None)

    return Candidate(m.start(), m.end(), "DATE", resolve)


# -- holidays --------------------------------------------------------------------------------

_MOVABLE = {
    "thanksgiving day": lambda y: nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: nth_weekday(y, 11, 4, 4),
    "easter sunday": easter, "easter": easter,
    "good friday": lambda y: date.fromordinal(easter(y).toordinal() - 2),
    "labor day": lambda y: nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 1, -1),
    "martin luther king day": lambda y: nth_weekday(y, 1, 1, 3),
}
_HOLIDAYS = sorted(list(FIXED_HOLIDAYS) + list(_MOVABLE), key=len, reverse=True)
_HOLIDAY_RX = "|".join(re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+") for h in _HOLIDAYS)


@rule(rf"\b(?P<h>{_HOLIDAY_RX})\b(?:\s+(?P<y>{YEAR})(?![0-9%]))?")
def holiday(m: re.Match[str], text: str) -> RuleResult:
    key = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    if not m["h"][0].isupper():
        return None
    fixed_md = FIXED_HOLIDAYS.get(key)
    compute = _MOVABLE.get(key)

    def on(y: int) -> date:
        if fixed_md:
            return date(y, *fixed_md)
        assert compute is not None
        return compute(y)

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if m["y"]:
            p = Point(on(int(m["y"])), "D")
            return p.value(), p, None
        if ctx.dct is None:
            if fixed_md:
                p = Point(date(2000, *fixed_md), "D", False)
                return p.value(), p, None
            return NONE
        direction = ctx.direction(cand, default=0)
        options = [on(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        if direction < 0:
            options = [d for d in options if d <= ctx.dct]
        elif direction > 0:
            options = [d for d in options if d >= ctx.dct]
        best = min(options, key=lambda d: abs((d - ctx.dct).days))  # type: ignore[operator]
        p = Point(best, "D")
        return p.value(), p, "dct"

    return Candidate(m.start(), m.end(), "DATE", resolve)
