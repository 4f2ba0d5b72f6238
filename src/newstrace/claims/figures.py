"""Figures a sentence gives, with what they count and the range of values they allow.

The figure itself (its value, the words that bound or round it, its unit or currency) is read
from the text, which is regular; what it counts ("killing at least 10 people" counts the killed,
"a depth of 1.2 miles" a depth, "Robert Buckley, 32" an age) is read from the parse: the words
governing the number, its noun and the places attached to them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.claims.counted import PEOPLE_CLASSES, THING_CLASSES, crowd_scope, is_where, kind, told_with, verb_class
from newstrace.claims.counted import heads as _heads
from newstrace.claims.ranges import Range, bounded
from newstrace.claims.tolls import lives_lost, toll_measure
from newstrace.lang.en.first_names import FEMALE_NAMES, MALE_NAMES
from newstrace.lang.en.places import PLACE_KINDS
from newstrace.lang.en.quantities import (
    APPROXIMATE,
    AREA_UNITS,
    CROWD_ESTIMATE_VERBS,
    CROWD_NOUNS,
    CURRENCIES,
    EXACT_ONE,
    LENGTH_UNITS,
    LOWER_BOUNDS,
    MEASURE_NOUNS,
    MEASURE_WORDS,
    MONEY_MEASURE_WORDS,
    NEAR_BELOW,
    PARTIAL_WORDS,
    PEOPLE_MEASURES,
    PEOPLE_NOUNS,
    PLACE_NOUNS,
    PROVISIONAL,
    QUAKE_NOUNS,
    REPEATS,
    RESIDENT_NOUNS,
    SCALES,
    SEVERITY_WORDS,
    SMALL_COUNTS,
    SPEED_UNITS,
    THING_NOUNS,
    UPPER_BOUNDS,
    VAGUE_LOWER,
    measure_of,
)
from newstrace.model import Figure, Span
from newstrace.text import alternatives, fold
from newstrace.timex.numbers import WORD_NUMBERS, parse_number

_WORDNUM = rf"(?:(?:{alternatives(w for w in WORD_NUMBERS if WORD_NUMBERS[w] >= 20)})(?:(?:\s?-\s?|\s)(?:{alternatives(w for w in WORD_NUMBERS if 0 < WORD_NUMBERS[w] < 10)}))?|{alternatives(WORD_NUMBERS)}|a dozen|dozen|a hundred|one hundred)"
# "2, 000ft": a tokeniser's space after a thousands comma; a group after ", " is read as thousands
# only when it starts with 0 (a listed number never does: "rooms 12, 104").
_DIGITS = r"\d{1,3}(?:,\d{3}|, 0\d\d)+(?:\.\d+)?|\d+(?:\.\d+)?"
_BOUND = alternatives(LOWER_BOUNDS + UPPER_BOUNDS + NEAR_BELOW + APPROXIMATE + ("between",))
NUMBER = re.compile(
    rf"(?:\b(?P<pre>{_BOUND})\s+)?(?P<cur>US\$|C\$|A\$|[$€£¥]|\b[ep](?=\d))?\s?(?P<num>(?<![\d.,:/])(?:{_DIGITS})(?![\d])|\b(?:{_WORDNUM})\b)",
    re.IGNORECASE,
)
VAGUE = re.compile(rf"(?:\b(?P<pre>{_BOUND})\s+)?\b(?P<vague>{alternatives(VAGUE_LOWER)})\b(?!-)", re.IGNORECASE)
# "a single shell", "half a dozen people", "a couple of rockets" (not "a couple of the victims": a part)
_SMALL = re.compile(rf"\b(?P<small>{alternatives(SMALL_COUNTS)})(?=\s+(?!(?:of\s+)?(?:the|them|those|these|us|whom|its|their)\b)[a-z])", re.IGNORECASE)
_SMALL_HEADS = frozenset(p.split()[-1] if not p.endswith(" of") else p.split()[-2] for p in SMALL_COUNTS)  # the word that stands for the number
_EXACT_ONE = re.compile(rf"\b(?:{alternatives(EXACT_ONE)})\s+$", re.IGNORECASE)
# "130-140", "$140- $150 million" (the currency written twice)
_RANGE_TAIL = re.compile(rf"^\s?(?:-|–|to|or|and)\s?(?:US\$|[$€£¥])?\s?(?P<num2>{_DIGITS}|{_WORDNUM})\b", re.IGNORECASE)
# "between $165 million and $180 million", "$140 million to $160 million": a range whose ends both
# carry the scale, read after the first end's scale
_SCALED_RANGE_TAIL = re.compile(rf"^\s?(?P<join>-|–|to|and)\s?(?:US\$|[$€£¥])?\s?(?P<num2>{_DIGITS})\s?-?\s?(?P<scale>{alternatives(SCALES)})\b", re.IGNORECASE)
_SCALE = re.compile(rf"^\s?-?\s?(?P<scale>{alternatives(SCALES)})\b", re.IGNORECASE)
_AGE = re.compile(r"^\s?-?\s?(?:year|yr)s?[- ]?old\b|^\s?years? of age\b", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"^\s?-?\s?magnitude\b|^\s(?:on the )?(?:richter|on the richter)", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"(?:magnitude|magnitude of|measuring|registering|magnitude-|\bM)\s*(?:at least |about |of |around )?(?:\d\.\d\s+(?:and|or)\s+)?$", re.IGNORECASE)
# "Sunday's 6.1 quake", "a 5.8 temblor": a decimal figure told before a quake noun is its magnitude,
# however the parse hangs it (a headline-like "6.1 quake damaged roads" reads "damaged" as an adjective)
_QUAKE_AFTER = re.compile(rf"^\s?-?\s?(?:{alternatives(QUAKE_NOUNS)})\b", re.IGNORECASE)
# "the quake, which measured 6.1,": a quake's measure told in a clause of its own
_MEASURED_QUAKE = re.compile(
    rf"\b(?:{alternatives(QUAKE_NOUNS)})s?\b[^.;]{{0,60}}\b(?:measured|measures|registered|registers|was\s+measured|was\s+registered)\s+(?:at\s+)?(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE
)
_LISTED_MAGNITUDE = re.compile(r"^\s?(?:and|or)\s+\d(?:\.\d)?\s?-?\s?magnitude\b", re.IGNORECASE)  # "7.6 and 7.5 magnitude quakes"
_PERCENT = re.compile(r"^\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_SPEED = re.compile(rf"^\s?-?\s?(?P<u>{alternatives(SPEED_UNITS)})(?![\w/])", re.IGNORECASE)
_AREA = re.compile(rf"^\s?-?\s?(?P<u>{alternatives(AREA_UNITS)})\b", re.IGNORECASE)
_LENGTH = re.compile(rf"^\s?-?\s?(?P<u>{alternatives(LENGTH_UNITS)})\b", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(rf"^\s?(?P<u>{alternatives(w for w in CURRENCIES if len(w) > 2)})\b", re.IGNORECASE)
_OR_MORE = re.compile(r"^\s?(?:or more|plus)\b|^\+", re.IGNORECASE)
_OR_SO = re.compile(r"^\s?or so\b", re.IGNORECASE)
_OR_LESS = re.compile(r"^\s?or (?:fewer|less)\b", re.IGNORECASE)
# "twice", "three times": how often a thing happened, unless a rate ("three times a week") or a
# multiple ("twice as many", "three times the size", "twice that", "three times higher") follows
_REPEAT = re.compile(rf"\b(?P<w>{alternatives(REPEATS)})\b", re.IGNORECASE)
_TIMES = re.compile(r"^\s?times\b", re.IGNORECASE)
_NOT_A_COUNT_OF_TIMES = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+(?:day|week|month|year|season|game|match|night|hour|minute|decade)\b|a-(?:day|week|month|year)\b"
    r"|daily|weekly|monthly|yearly|annually|as\b|the\b|that\b|this\b|its\b|their\b|his\b|her\b|more\b|less\b|fewer\b|over\b|[a-z]+er\s+than\b"
    r"|(?:higher|larger|bigger|greater|lower|smaller|faster|slower|longer|shorter|stronger|worse|better)\b)",
    re.IGNORECASE,
)
# "55 km (34 miles) west of the town of Bireun": the place a distance is from
_DIRECTION = re.compile(
    r"^\s?(?:\([^()]{0,30}\)\s?)?(?:north|south|east|west|northeast|northwest|southeast|southwest|north-northeast|[a-z-]*(?:north|south|east|west)[a-z-]*)\s+of\s+"
    rf"(?:the\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{alternatives(PLACE_KINDS)})\s+of\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})"
)
_LOWER = frozenset(w.lower() for w in LOWER_BOUNDS)
_UPPER = frozenset(w.lower() for w in UPPER_BOUNDS)
_NEAR = frozenset(w.lower() for w in NEAR_BELOW)


@dataclass
class _Raw:
    start: int
    end: int
    range: Range
    unit: str
    measure: str | None
    about: str | None = None
    provisional: bool = False
    vague: bool = False
    exact: bool = False  # "a single", "only one": a count of one said as such
    repeat: bool = False  # "twice": how many times its verb's deed happened


def _value(words: str) -> float | None:
    w = words.lower().replace(",", "")
    w = w.replace(" ", "") if re.fullmatch(r"[\d. ]+", w) else re.sub(r"\s*-\s*", "-", w)  # "2, 000", "twenty - six"
    try:
        return float(w)
    except ValueError:
        pass
    v = parse_number(w)
    return float(v) if isinstance(v, (int, float)) else None


def _bound(pre: str | None) -> str | None:
    if not pre:
        return None
    p = pre.lower()
    return "lower" if p in _LOWER else "upper" if p in _UPPER else "near" if p in _NEAR else "approx"


def read_figures(text: str, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> list[_Raw]:
    """Figures written in ``text[start:end]`` (value, range, unit), before knowing what they count.

    ``skip``: spans (time expressions) whose numbers are dates or durations, not figures."""
    part = text[start:end]
    out: list[_Raw] = []
    small = [(start + m.start("small"), start + m.end("small"), m.group("small")) for m in _SMALL.finditer(part)]
    small = [(a, b, w) for a, b, w in small if not any(s <= a < e for s, e in skip)]
    taken = start
    for m in NUMBER.finditer(part):
        a, b = start + m.start("num"), start + m.end("num")
        if a < taken or any(s <= a < e for s, e in skip) or any(x <= a < y for x, y, _ in small) or _named_number(text, a, b):
            continue
        if not m.group("cur") and a > 0 and text[a - 1].isalpha():
            continue  # "A4", "M7.5"
        if m.group("num").lower() in ("dozen", "a dozen", "hundred") and re.search(r"\b(?:several|few|many)\s+$", text[max(0, a - 10) : a], re.I):
            continue  # "several dozen" is read as a vague figure below
        if m.group("num").lower() == "one" and (re.search(r"\bno\s?-?\s?$", text[max(0, a - 5) : a], re.I) or not re.match(r"^\s[a-z]+", text[b : b + 12])):
            continue  # "no one", "the second one"
        value = _value(m.group("num"))
        if value is None:
            continue
        rest = text[b:end]
        if (t := _TIMES.match(rest)) and _NOT_A_COUNT_OF_TIMES.match(rest[t.end() :]):
            continue  # "three times a week", "three times as many": a rate or a multiple, not a count
        bound = _bound(m.group("pre"))
        hi_value = None
        r2 = _RANGE_TAIL.match(rest)
        if r2 and (m.group("pre") or "").lower() == "between" or (r2 and r2.group(0).strip()[:1] in "-–" and "." not in m.group("num")):
            hi_value = _value(r2.group("num2"))
            if hi_value is not None and hi_value > value:
                rest = rest[r2.end() :]
                b += r2.end()
                bound = None
            else:
                hi_value = None
        elif r2 and r2.group(0).strip().lower().startswith("or"):
            hi_value = _value(r2.group("num2"))  # "three or four"
            if hi_value is not None and hi_value > value and hi_value - value <= max(1, value * 0.5):
                rest = rest[r2.end() :]
                b += r2.end()
            else:
                hi_value = None
        if (m.group("pre") or "").lower() == "between" and hi_value is None:
            bound = None
        head_at = start + (m.start("pre") if m.group("pre") else m.start("cur") if m.group("cur") else m.start("num"))
        currency = CURRENCIES.get((m.group("cur") or "").lower()) if m.group("cur") else None
        sc = _SCALE.match(rest)
        if sc and (sc.group("scale").lower() not in ("m", "b") or currency or re.match(r"^\s?(?:euros?|pounds|dollars)\b", rest[sc.end() :], re.I)):
            if sc.group("scale").lower() not in ("m", "b") or not rest.startswith(" "):
                value *= SCALES[sc.group("scale").lower()]
                if hi_value is not None:
                    hi_value *= SCALES[sc.group("scale").lower()]
                rest = rest[sc.end() :]
                b += sc.end()
                between = (m.group("pre") or "").lower() == "between"
                if hi_value is None and (r3 := _SCALED_RANGE_TAIL.match(rest)) and (r3.group("join").lower() != "and" or between):
                    hi = _value(r3.group("num2"))
                    if hi is not None and (hi := hi * SCALES[r3.group("scale").lower()]) > value:
                        hi_value, bound = hi, None
                        rest = rest[r3.end() :]
                        b += r3.end()
        unit, measure, about = "", None, None
        if currency is None and (cm := _CURRENCY_AFTER.match(rest)):
            currency = CURRENCIES[cm.group("u").lower()]
            b += cm.end()
        if currency:
            unit = currency
        elif (u := _AGE.match(rest)) is not None:
            unit, measure = "years", "age"
            b += u.end()
        elif (u := _MAGNITUDE_AFTER.match(rest)) is not None or _MAGNITUDE_BEFORE.search(text[max(start, a - 25) : a]) or _LISTED_MAGNITUDE.match(rest) or (
            "." in m.group("num") and _QUAKE_AFTER.match(rest)
        ) or (_MEASURED_QUAKE.search(text[max(start, head_at - 80) : head_at]) and not _LENGTH.match(rest)):
            if value > 10:
                continue
            unit, measure = "magnitude", "magnitude"
            if u is not None and "magnitude" in u.group(0).lower():
                b += u.end()
        elif (u := _PERCENT.match(rest)) is not None:
            unit = "%"
            b += u.end()
        elif (u := _SPEED.match(rest)) is not None:
            unit, value = "km/h", value * SPEED_UNITS[u.group("u").lower()]
            hi_value = hi_value * SPEED_UNITS[u.group("u").lower()] if hi_value else None
            b += u.end()
        elif (u := _AREA.match(rest)) is not None:
            factor = AREA_UNITS[u.group("u").lower()]
            unit, value = "m2", value * factor
            hi_value = hi_value * factor if hi_value else None
            b += u.end()
        elif (u := _LENGTH.match(rest)) is not None and not (u.group("u").lower() == "m" and (re.match(r"^\s?m\.", rest) or " " in rest[: u.end()])):
            factor = LENGTH_UNITS[u.group("u").lower()]
            unit, value = "m", value * factor
            hi_value = hi_value * factor if hi_value else None
            b += u.end()
            d = _DIRECTION.match(text[b:end])
            if d:
                measure, about = "distance", fold(d.group("place").rstrip("."))  # "north of Santa Rosa."
        elif value >= 1800 and value <= 2100 and float(value).is_integer() and "," not in m.group("num"):
            continue  # a year
        if hi_value is not None:
            rng: Range = (value, hi_value)
        else:
            rng = bounded(value, bound, measurement=unit in ("m", "m2", "km/h"))
        if _OR_MORE.match(text[b:end]):
            rng = (value, None)
        elif _OR_LESS.match(text[b:end]):
            rng = (None, value)
        elif _OR_SO.match(text[b:end]):
            rng = bounded(value, "approx")
        head = start + (m.start("pre") if m.group("pre") else m.start("cur") if m.group("cur") else m.start("num"))
        window = text[max(start, head - 40) : head].lower()
        provisional = any(p in window for p in PROVISIONAL)
        exact = value == 1 and hi_value is None and not m.group("pre") and bool(_EXACT_ONE.search(text, max(start, a - 10), a))
        out.append(_Raw(head, b, rng, unit, measure, about, provisional, exact=exact))
        taken = b
    for a, b, words in small:
        low, high = (float(v) for v in SMALL_COUNTS[" ".join(words.lower().split())])
        window = text[max(start, a - 40) : a].lower()
        out.append(_Raw(a, b, (low, high), "", None, provisional=any(p in window for p in PROVISIONAL), exact=low == high == 1))
    for m in _REPEAT.finditer(part):
        a, b = start + m.start("w"), start + m.end("w")
        if any(s <= a < e for s, e in skip) or _NOT_A_COUNT_OF_TIMES.match(text[b:end]):
            continue
        count = REPEATS[m.group("w").lower()]
        out.append(_Raw(a, b, (count, count), "time", None, repeat=True))
    for m in VAGUE.finditer(part):
        a = start + m.start("vague")
        if any(r.start <= a < r.end for r in out) or any(s <= a < e for s, e in skip):
            continue
        low = VAGUE_LOWER[m.group("vague").lower()]
        head = start + (m.start("pre") if m.group("pre") else m.start("vague"))
        out.append(_Raw(head, start + m.end("vague"), (low, None), "", None, vague=True))
    return sorted(out, key=lambda r: r.start)


def _named_number(text: str, a: int, b: int) -> bool:
    """A number that names rather than counts: "Highway 214", "No. 7", "2:53", "11/27", a phone number."""
    # \Z, not $: "$" also matches before a last line break, and a headline's last word ("... in
    # Iran\n\nTen people are killed") names nothing with the number that opens the next line
    before, after = text[max(0, a - 12) : a], text[b : b + 3]
    if re.search(r"[:/#][ \t]?\Z", before) or re.match(r"^\s?[:/]\s?\d", after) or re.match(r"^(?:st|nd|rd|th|s)\b", after):
        return True
    if re.search(r"\b(?:No\.|number|Number|nr\.|#)[ \t]?\Z", before):
        return True
    if re.search(r"\d[ \t]\Z", before) or re.match(r"^[ \t]\d", after) or (text[a] == "0" and b - a >= 3 and text[a + 1 : a + 2] != "."):
        return True  # 0845 125 2222
    prev = re.search(r"([A-Z][a-z]+)[ \t\u00a0]\Z", before)
    return bool(prev and prev.group(1) not in _SENTENCE_STARTERS and not re.match(r"^\s?-", after))


_SENTENCE_STARTERS = frozenset(
    "The A An Some About Around At Over More Nearly Almost Up Only Another Just Roughly Approximately Estimated Kills Killing Killed All Both Those These Including Among "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December".split()
)


def figures_in(doc, text: str, start: int, end: int, places: Sequence[tuple[int, int, str]], persons: Sequence[tuple[int, int, str]], skip: Sequence[tuple[int, int]] = ()) -> tuple[Figure, ...]:
    """The figures in text[start:end] with what each counts, read from the parse ``doc``.

    ``places``/``persons``: (start, end, folded name) of the article's place and person mentions,
    which say what a population, distance or age is of, and where a count was taken."""
    out: list[Figure] = []
    for raw in read_figures(text, start, end, skip):
        tok = _token_at(doc, raw.end - 1) if raw.unit or raw.vague else _number_token(doc, raw)
        if tok is None:
            continue
        measure, unit, about = raw.measure, raw.unit, raw.about
        provisional = raw.provisional
        if raw.repeat:
            # "married twice": a count of the times its verb's deed happened, as "three times" is
            verb = next((h for h in (tok, *_heads(tok, 2)) if h.pos_ == "VERB" and h.lemma_.isalpha()), None)
            if verb is not None and verb.lemma_.lower() not in ("be", "have", "say"):
                out.append(Figure(Span(raw.start, raw.end), raw.range[0], raw.range[1], "time", verb.lemma_.lower(), _named_subject(verb)))
            continue
        if measure is None and not unit and not raw.vague and (toll := toll_measure(text, raw.start, tok.sent.start_char)) is not None:
            measure, unit = toll[0], "people"  # "the death toll rose to 25": the toll noun says what is counted
            provisional = provisional or toll[1]
        elif measure is None and not unit and not raw.vague and lives_lost(text, raw.start, raw.end, tok.sent.start_char):
            measure, unit = "killed", "people"  # "the crash claimed 16 lives"
        if measure == "age":
            # an unnamed person's age ("a 36-year-old climber") is kept without a name: it is not
            # compared, but tells that person from another of another age
            about = about or _age_of(text, raw, persons)
        elif measure is None and _is_age_apposition(text, raw, persons, tok):
            measure, unit, about = "age", "years", _age_of(text, raw, persons) or _name_before(tok)
            if about is None:
                continue
        if measure is None:
            measure, counted, about2 = _what_it_counts(tok, raw, places, text)
            if measure is None and (listed := _listed_after(text, raw, tok, out)) is not None:
                measure, counted = listed  # "damaged 42 buildings, 14 hotels, ..., 8 bridges"
            if measure is None:
                continue
            about = about or about2
            if not unit:
                unit = counted
        if not unit:
            continue
        if measure in THING_CLASSES and raw.range == (1.0, 1.0) and not raw.exact:
            continue  # "one bomb hit a school, another the market": one of several, not a count
        scope = _scope(tok, places) if measure not in ("age", "distance", "population") else None
        if measure == "crowd":
            verbs = [h for h in _heads(tok, 4) if h.pos_ == "VERB"]
            # the crowd's verb, or the estimate's ("police put the march ... at 30,000"), else the nearest
            verb = next((v for v in verbs if verb_class(v) == "crowd" or v.lemma_.lower() in CROWD_ESTIMATE_VERBS), verbs[0] if verbs else None)
            scope = (crowd_scope(verb, places) if verb is not None else None) or scope
        if measure == "magnitude":
            about = _which_quake(tok)
        if measure == "distance":
            scope = _located(tok, raw.start)
        low, high = raw.range
        out.append(Figure(Span(raw.start, raw.end), low, high, unit, measure, about, scope, provisional))
    return _number_listed_magnitudes(text, _shared_scope(text, start, end, _parts_of_whole(text, _faller(out)), places))


# What a distance is usually of in a story: its event ("the quake ... 20 miles north of Santa Rosa").
_EVENT_NOUNS = QUAKE_NOUNS | frozenset("epicentre epicenter centre center explosion blast fire crash attack shooting storm".split())


def _located(tok, at: int) -> str | None:
    """What is that far from the place: the noun the distance is set after ("the building, about 15
    miles north of Detroit", "a motorist 50 miles north of Detroit"), else the clause's subject. None
    for the story's event (a quake, its epicentre) or a name; another thing's distance is another
    quantity."""
    doc = tok.doc
    before = [t for t in doc[max(0, tok.i - 8) : tok.i] if t.idx + len(t.text) <= at and not t.is_space]
    while before and before[-1].text == ",":
        before.pop()
    thing = before[-1] if before and before[-1].pos_ == "NOUN" else None
    if thing is None:
        for h in (tok, *_heads(tok, 3)):
            thing = next((c for c in h.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if thing is not None or h.pos_ == "VERB":
                break
    if thing is None or thing.pos_ != "NOUN" or thing.lemma_.lower() in _EVENT_NOUNS:
        return None
    return thing.lemma_.lower()


def _faller(figures: list[Figure]) -> list[Figure]:
    """A length a person fell or climbed is that person's when the sentence gives one person's age
    ("32-year-old Englishman Robert Buckley ... fell about 2,000ft", "a 36-year-old man ... fell
    about 200m"): two climbers' falls are two quantities."""
    ages = [f for f in figures if f.measure == "age"]
    if len(ages) != 1 or ages[0].low is None:
        return figures
    # an unnamed person is told by the age ("A 36-year-old man ... fell about 200m")
    who = ages[0].about or f"aged {ages[0].low:g}"
    return [dataclasses.replace(f, about=who) if f.unit == "m" and f.about is None and f.measure not in ("distance", "depth", "height", "altitude") else f for f in figures]


# The end of one item of a list of counts and the start of the next: "42 buildings, 2 roads, over
# 1,600 houses, 40 religious buildings including churches and mosques, 8 bridges, and 4 schools".
_LIST_ITEM = re.compile(r"(?:\s+[\w'’-]+){1,6}\s*,\s*(?:and\s+)?")


def _listed_after(text: str, raw: _Raw, tok, before: list[Figure]) -> tuple[str, str] | None:
    """(measure, unit) for a count listed after another of a list told with one verb, whose
    parse lost the verb ("the quake damaged 42 buildings, 2 roads, ..., 8 bridges"): the measure of
    the item before it, for the noun the number counts."""
    prev = before[-1] if before else None
    if prev is None or raw.unit or prev.measure not in THING_CLASSES | PEOPLE_MEASURES or prev.span.end > raw.start:
        return None
    if not _LIST_ITEM.fullmatch(text, prev.span.end, raw.start):
        return None
    noun = tok.head if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i else None
    if noun is None:
        return None
    word = noun.lemma_.lower()
    if prev.measure in PEOPLE_MEASURES:
        return (prev.measure, "people") if word in PEOPLE_NOUNS else (prev.measure, kind(noun, word))
    return (prev.measure, kind(noun, word)) if word in THING_NOUNS else None


# "Nine Israelis, including three civilians hit by rocket fire, have been killed": the part named
# after "including" counts what the whole counts (the killed), whatever verb describes it.
_PART_OF = re.compile(r"\b(?:including|among\s+(?:them|whom)|of\s+whom)\s+(?:(?:at\s+least|some|about|around|nearly|almost)\s+)?$", re.I)


def _parts_of_whole(text: str, figures: list[Figure]) -> list[Figure]:
    """A count of people introduced as a part of a count before it takes that count's measure and
    place."""
    out: list[Figure] = []
    for f in figures:
        whole = next((w for w in reversed(out) if w.span.end <= f.span.start and w.measure in PEOPLE_MEASURES), None)
        if whole is not None and f.measure != whole.measure and f.measure not in _UNSCOPED and _PART_OF.search(text[max(0, f.span.start - 30) : f.span.start]):
            f = dataclasses.replace(f, measure=whole.measure, scope=f.scope or whole.scope, provisional=whole.provisional)
        out.append(f)
    return out


_FRONTED = re.compile(r"\s*(?:In|At|Across|Throughout)\s+(?P<where>[^,;]{3,60}),")
_UNSCOPED = frozenset({"age", "distance", "population", "magnitude"})


def _shared_scope(text: str, start: int, end: int, figures: list[Figure], places: Sequence[tuple[int, int, str]]) -> tuple[Figure, ...]:
    """Counts of one clause share the place it gives them: a fronted "In neighbouring Central Aceh
    district, 10 people were killed, 140 were injured" or a trailing "Twelve people were killed and
    70 others were injured ... in Bener Meriah district" (the parse attaches it to one verb only)."""
    scope = None
    fronted = _FRONTED.match(text, start, end)
    if fronted:
        a, b = fronted.span("where")
        named = [name for s, e, name in places if a <= s and e <= b]
        # "In Central Aceh district": the kind of place stays in the scope, so that a district's
        # count is not taken for the count of a story about all of Aceh
        if (w := re.search(r"((?:[A-Z][\w'’-]*\s+)+)(district|province|county|region|state)\b", text[a:b])) is not None:
            scope = fold(w.group(0))
        elif named:
            scope = named[-1]
    counts = [f for f in figures if f.measure not in _UNSCOPED]
    given = {f.scope for f in counts if f.scope}
    if scope is None and len(given) == 1 and any(f.measure in PEOPLE_MEASURES for f in counts if f.scope):
        scope = next(iter(given))
    if scope is None:
        return tuple(figures)
    return tuple(dataclasses.replace(f, scope=scope) if f.scope is None and f.measure not in _UNSCOPED else f for f in figures)


_WHICH = frozenset("one another first second third latest last largest strongest biggest earlier later new aftershock aftershocks".split())


# "the first quake" is the first of "quakes measuring 7.6 and 7.4" (see _number_listed_magnitudes)
_ORDINALS = {"first": "#1", "second": "#2", "third": "#3"}


def _which_quake(tok) -> str | None:
    """Which quake of several a magnitude is of, when the sentence says ("One 7.3-magnitude tremor",
    "the first quake, magnitude 7.6", "an aftershock of 3.8"): such magnitudes are not set against
    an unqualified one."""
    for h in [tok, *_heads(tok, 4)]:
        for w in [h, *h.children]:
            if w.lower_ in _WHICH or w.lower_.endswith("'s") or (w.dep_ == "nmod:poss" and w.pos_ == "PROPN"):
                return _ORDINALS.get(w.lower_, w.lower_.rstrip("'s"))
        if h.pos_ == "VERB" and h.dep_ != "acl":  # "the first earthquake measuring 7.6": on to the quake
            break
    return None


def _number_listed_magnitudes(text: str, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """"quakes measuring 7.6 and 7.4": the first and the second quake, in that order."""
    mags = [f for f in figures if f.measure == "magnitude"]
    listed: dict[int, str] = {}
    for a, b in zip(mags, mags[1:]):
        if re.fullmatch(r"\s*(?:-?magnitude\s*)?and\s+(?:a\s+)?", text[a.span.end : b.span.start], re.I):
            listed.setdefault(id(a), "#1")
            listed[id(b)] = f"#{int(listed[id(a)][1:]) + 1}"
    return tuple(dataclasses.replace(f, about=listed[id(f)]) if id(f) in listed else f for f in figures)


def _first_ending_after(doc, char: int) -> int:
    """The index of the first token that ends after offset ``char`` (len(doc) when none does): a
    binary search, since tokens end in text order, so that each of a long document's figures does
    not walk the document from its start."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        t = doc[mid]
        if t.idx + len(t.text) > char:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _token_at(doc, char: int):
    """The token that covers offset ``char``, or None when it falls between tokens."""
    i = _first_ending_after(doc, char)
    return doc[i] if i < len(doc) and doc[i].idx <= char else None


def _number_token(doc, raw: _Raw):
    # the last token of the number itself (before any unit): "1.5 million" -> "million"
    tok = None
    for t in doc:
        if t.idx >= raw.end:
            break
        if t.idx >= raw.start and (t.like_num or t.pos_ == "NUM" or t.lower_ in WORD_NUMBERS or t.lower_ in ("dozen", "hundred") or t.lower_ in _SMALL_HEADS):
            tok = t
    return tok


def _is_age_apposition(text: str, raw: _Raw, persons: Sequence[tuple[int, int, str]], tok) -> bool:
    """"Robert Buckley, 32," / "Horton, 34," / "Smith, who is 44," / "Smith, aged 44": a small whole
    number set off by a comma after a name."""
    low = raw.range[0]
    if low is None or raw.unit or not (1 <= low < 120) or not (text[raw.start : raw.end].isdigit() or low == int(low) and raw.range[1] and raw.range[1] < 120):
        return False
    after = text[raw.end : raw.end + 2]
    if not (after[:1] in (",", ".", ";") or after == ""):
        return False
    if _person_before(text, raw.start, persons, _AGE_GAP_BARE) is not None:
        return True
    return _name_before(tok) is not None


# Between a name and its age: "Smith, 44", "Smith, who is 44", "Smith, aged 44"; for an age told as
# "44-year-old" also an appositive's article and words ("John Smith, a 44-year-old mechanic").
_AGE_GAP_BARE = re.compile(r",\s+(?:(?:who\s+(?:is|was)|aged|age)\s+)?")
_AGE_GAP_TOLD = re.compile(r",\s+(?:(?:who\s+(?:is|was)|aged|age)\s+|(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?)?")
# After an age told as "44-year-old": the described noun, a comma and the name ("the 44-year-old suspect, John Smith").
_AGE_THEN_NAME = re.compile(r"\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+")


def _person_before(text: str, at: int, persons: Sequence[tuple[int, int, str]], gap: re.Pattern[str]) -> str | None:
    """The person named right before offset ``at``, with only ``gap`` between the name and it."""
    for _, e, name in persons:
        if e <= at and at - e <= 40 and gap.fullmatch(text, e, at):
            return _person_name(name)
    return None


def _name_before(tok) -> str | None:
    """The proper name right before ", 34," (from the parse, where the recogniser missed it)."""
    doc = tok.doc
    i = tok.i - 1
    while i > 0 and doc[i].lower_ in ("aged", "age", "who", "is", "was"):
        i -= 1  # "Horton, aged 44", "Horton, who is 44"
    i = i - 1 if i >= 1 and doc[i].text == "," else -1
    if i < 0 or doc[i].pos_ != "PROPN":
        return None
    j = i
    while j > 0 and doc[j - 1].pos_ == "PROPN":
        j -= 1
    return fold(doc[j : i + 1].text)


def _age_of(text: str, raw: _Raw, persons: Sequence[tuple[int, int, str]]) -> str | None:
    """Whose age: the name right before ", 34," (or ", who is 34", ", a 34-year-old mechanic"), right
    after "32-year-old (Englishman)", or after the noun a "34-year-old" describes ("the 34-year-old
    suspect, John Smith")."""
    told = raw.measure == "age"
    if (name := _person_before(text, raw.start, persons, _AGE_GAP_TOLD if told else _AGE_GAP_BARE)) is not None:
        return name
    for s, _, name in persons:
        if 0 <= s - raw.end <= 40 and re.fullmatch(r"[\s,]*(?:[A-Z][\w-]*\s+)*", text[raw.end : s]):
            return _person_name(name)
        if told and 0 <= s - raw.end <= 40 and _AGE_THEN_NAME.fullmatch(text, raw.end, s):
            return _person_name(name)
    return None


_GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES


def _person_name(name: str) -> str:
    """"englishman robert buckley" is Robert Buckley: a word before a given name that is not one
    itself describes the person (a recogniser takes "Englishman" or "Climber" into the name)."""
    words = name.split()
    while len(words) > 2 and words[1] in _GIVEN_NAMES and words[0] not in _GIVEN_NAMES:
        words = words[1:]
    return " ".join(words)


def _what_it_counts(tok, raw: _Raw, places: Sequence[tuple[int, int, str]], text: str) -> tuple[str | None, str, str | None]:
    """(measure, counted unit, about) for a number token. ``text`` is the parsed text, passed in:
    spaCy rebuilds ``Doc.text`` from every token on each read (it was half the analysis time)."""
    noun = tok
    # "a single shell", "a lone gunman": the adjective stands for the number
    while (noun.dep_ in ("nummod", "compound", "nmod", "quantmod", "det") or noun.dep_ == "amod" and noun.lower_ in _SMALL_HEADS) and noun.head.pos_ in ("NUM", "NOUN", "PROPN", "ADJ", "SYM") and noun.head.i != noun.i and noun.head.idx > noun.idx:
        noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN"):
            break
    while noun.dep_ == "compound" and noun.pos_ == "NOUN" and noun.head.pos_ == "NOUN" and noun.head.i == noun.i + 1:
        noun = noun.head  # "Three tanks shells": the shells are counted
    counted_word = noun.lemma_.lower() if noun.i != tok.i and noun.pos_ in ("NOUN", "PROPN") else ""
    if measure_of(counted_word) or measure_of(noun.lower_):
        counted_word = ""  # "80 Hurt": a headline's measure word parsed as the counted noun
    follower = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if not counted_word and not raw.unit and follower is not None and follower.is_alpha and follower.lower_.endswith("s") and follower.lower_ not in PEOPLE_NOUNS and follower.lower_ not in ("others", "times", "years", "days", "hours") and not measure_of(follower.lower_):
        counted_word = follower.lower_.rstrip("s")  # "7 Villages Damaged": what the headline counts, whatever its parse
    if noun.i != tok.i and any(c.lower_ == "of" and c.i < tok.i for c in noun.children) and noun.head.pos_ in ("NUM", "PRON"):
        return None, "", None  # "two of the three victims died": the three are not the dead
    rest = text[raw.end : raw.end + 50].lower()
    if not raw.unit and _CROWD_ESTIMATE.search(text[tok.sent.start_char : raw.start]):
        return "crowd", "people", None  # "Police put the march, to mark a strike, at roughly 30,000"
    if not raw.unit and (total := _NUMBER_OF.match(text[raw.end : raw.end + 80])) is not None and (key := measure_of(total.group("verb").lower())):
        # "bringing to 10 the number of Israelis who have been killed"
        who = _token_at(tok.doc, raw.end + total.start("who"))
        word = who.lemma_.lower() if who is not None else total.group("who").lower()
        return key, "people" if word in PEOPLE_NOUNS or word in ("other", "others") else word, None
    if re.match(r"^\s*(?:of\s+(?:them|whom|those|others)\s+)?(?:remain\s+|remained\s+|were\s+|are\s+)?(?:critically|critical|in critical condition|seriously)\b", rest):
        return "injured:serious", "people", None  # "five of them critically", "10 of whom remain critical", "15 critically"
    if re.match(r"^\s+of\s+(?:the|them|those|these|us|whom|which|its|their)\b", rest):
        # "two of the bombs", "killing four of them": a count of the group's noun, when that is known
        whole = _partitive_whole(tok, raw, rest)
        if whole is None:
            return None, "", None
        counted_word = whole
    of_word = re.search(r"\b([a-z]+) of\s*$", text[max(0, raw.start - 25) : raw.start])
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if of_word and not raw.unit and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM")) and of_word.group(1) not in ("one", "total", "all", "some", "each", "none"):
        if of_word.group(1) == "population" and (place := _home_of(tok, places, text) or _place_before(raw.start, places, tok)) is not None:
            return "population", "people", place  # "Creston, a town with a population of 5,000"
        return f"{of_word.group(1)} of", "count", None  # "a mother of 12"
    if counted_word in ("of",):
        counted_word = ""
    # "Two of the bombs": the counted noun hangs under the number
    if not counted_word:
        for c in tok.children:
            if c.dep_ in ("nmod", "obl") and c.pos_ == "NOUN" and any(g.lower_ == "of" for g in c.children):
                counted_word = c.lemma_.lower()
    if any(_partial(c) for c in (*noun.children, *tok.children)) or text[max(0, raw.start - 10) : raw.start].lower().strip() in ("another", "the other"):
        return None, "", None  # "another four people died": a part of the toll
    if counted_word in QUAKE_NOUNS and raw.range[0] is not None and raw.range[0] < 10 and "." in tok.text:
        return "magnitude", "magnitude", None
    measure = None
    money = raw.unit and raw.unit not in ("m", "m2", "km/h", "%", "years", "magnitude")
    # the word right after the figure says what it counts: "five dead and 16 injured", "30 dead and 55 wounded"
    after = re.match(r"^\s*(?:(?:people|persons)\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:([a-z]+ly)\s+)?([a-z]+)", text[raw.end : raw.end + 40].lower())
    before = re.search(r"\b([a-z]+)\s+$", text[max(0, raw.start - 20) : raw.start].lower())
    home = re.search(r"\b(?:home (?:to|of|by)|population(?: of)?|(?:a |the )?(?:city|town|island|village|camp) of|inhabited by)\s+$", text[max(0, raw.start - 30) : raw.start].lower())
    residents = counted_word in RESIDENT_NOUNS and any(h.lemma_.lower() in ("have", "house", "number", "with") for h in _heads(noun, 2))
    if not raw.unit and not home and not residents and (counted_word in PEOPLE_NOUNS | RESIDENT_NOUNS or _demonym(noun)) and (lives := _LIVE_IN.match(text, raw.end)):
        # "About 800 people live in Bountiful": the count is the place's people, as "home to 800" is
        place = next((_place_key(name) for s, _, name in places if lives.end() <= s <= lives.end() + 30), None)
        if place is None and (named := re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", text[lives.end() : lives.end() + 40])) is not None:
            place = _place_key(fold(named.group(0)))  # a place the recogniser missed, named as one
        if place is not None:
            return "population", "people", place
    if (home or residents) and not raw.unit:
        # "The island, which has about 200,000 residents": the island the clause is about, even
        # where a nearer place is named ("the island, off the port city of Bandar Abbas, is home to")
        place = _home_of(tok, places, text) or _place_before(raw.start, places, tok)
        if place is not None:
            return "population", "people", place
    if not money and not raw.unit:
        for word, adverb in ((after.group(2), after.group(1)) if after else (None, None), (before.group(1) if before else None, None)):
            key = measure_of(word or "")
            if key is not None:
                counted = "people" if not counted_word or counted_word in PEOPLE_NOUNS or counted_word in ("other", "others") or _demonym(noun) else kind(noun, counted_word)
                if key == "injured" and adverb in SEVERITY_WORDS:
                    key = f"injured:{SEVERITY_WORDS[adverb]}"
                return key, counted, None
    if not counted_word and not money and not raw.unit:
        gov = tok.head if tok.dep_ in ("flat", "nummod", "amod") and tok.head.lower_ in _BOUND_WORDS else tok  # "an approximate 200,000" parsed under "approximate"
        if gov.dep_ in ("nsubj", "obl", "obl:agent", "obj", "dep") and verb_class(gov.head) == "crowd":
            return "crowd", "people", None  # "the march was attended by an approximate 200,000"
        if _CROWD_APPOSITION.match(text, raw.end):
            return "crowd", "people", None  # "there were more than 50,000 -- easily the biggest protest"
        # a bare number counts only as the doer or the object of a measure word ("killing 10", "80 wounded")
        if not (tok.dep_ in ("obj", "nsubj", "nsubj:pass", "obl") and measure_of(tok.head.lemma_.lower()) or measure_of(tok.head.lower_)):
            return None, "", None
    # "Two gunmen killed five guards": the doer of a measured deed is not what the deed counts
    words = _around(noun, heads=not _doer(noun))
    if money:
        window = re.findall(r"[a-z]+", text[max(0, raw.start - 60) : raw.start].lower().split(".")[-1])
        for w in words + [h.lemma_.lower() for h in _heads(noun, 4)] + window[::-1]:
            for key, vocab in MONEY_MEASURE_WORDS.items():
                if w in vocab:
                    return key, raw.unit, None
        return None, raw.unit, None
    if noun.i != tok.i and tok.dep_ == "nmod" and any(c.lower_ == "of" for c in tok.children) and noun.pos_ == "NOUN" and not raw.unit:
        return f"{noun.lemma_.lower()} of", "count", None  # "a mother of 12"
    if counted_word in MEASURE_NOUNS and counted_word != "toll":
        return counted_word, raw.unit or "", None
    thing = counted_word in THING_NOUNS
    told = told_with(noun, counted_word) if counted_word else None
    if told is not None and (thing or told[0] == "crowd"):
        # "800 homes destroyed" in a sentence of the killed; "30,000 protesters were injured"
        # stays a count of the injured, so only a crowd noun's own crowd is taken here
        if told[0] != "crowd" or not any(measure_of(w) for w in words):
            return told[0], "people" if told[0] in PEOPLE_CLASSES else kind(noun, counted_word), None
    for w in ([counted_word] if counted_word else []) + ([] if thing else words):
        for key, vocab in MEASURE_WORDS.items():
            if w in vocab and raw.unit not in ("m", "m2", "km/h"):  # "died after he fell about 200m": the 200m is no toll
                measure = key
                break
        if measure:
            break
        if w in MEASURE_NOUNS:
            measure = "population" if w == "population" else w
            break
        if w == "home" and counted_word in PEOPLE_NOUNS:
            measure = "population"
            break
    if raw.unit == "m" and measure is None:
        # the verb written right before the length measures it ("slipped and fell about 200 metres"):
        # of two verbs told of one event the parse may hang the length on the first, or on neither
        governing = next((h for h in _heads(noun) if h.pos_ == "VERB"), None)
        verb = _verb_before(tok.doc, raw.start) or governing
        measure = verb.lemma_.lower() if verb is not None and verb.lemma_.isalpha() else None
        return measure, "m", _named_subject(verb, described=True) or (_named_subject(governing, described=True) if governing is not verb else None)
    counted = "people" if counted_word in PEOPLE_NOUNS or counted_word in ("other", "others") else kind(noun, counted_word) if counted_word else ""
    if measure is None:
        if not counted:
            return None, "", None
        if told is not None:
            # the verb's class names the measure: "20,000 people took to the streets" and
            # "approximately 50,000 people marched" count one crowd
            return told[0], "people" if told[0] in PEOPLE_CLASSES or told[0].startswith("injured") else counted, None
        if raw.vague or is_where(noun):
            return None, "", None
        verb = next((h for h in _heads(noun) if h.pos_ in ("VERB", "AUX") and h.lemma_.isalpha() and h.lemma_.lower() not in ("be", "have", "say")), None)
        if verb is None:
            return None, "", None
        return verb.lemma_.lower(), counted, _named_subject(verb)
    if measure in PEOPLE_MEASURES and not counted:
        counted = "people"
    if measure == "injured":
        severity = next((SEVERITY_WORDS[w] for w in [c.lower_ for h in (noun, *_heads(noun, 2)) for c in h.children] if w in SEVERITY_WORDS), None)
        if severity:
            measure = f"injured:{severity}"
    about = None
    if measure == "population":
        about = _nearest_place(noun, places)
        about = _place_key(about) if about else None
        if about is None:
            return None, "", None
    return measure, counted or "people", about


# "800 people live in", "1,000 Canadians live on": the counted are the subject of a finite "live"
_LIVE_IN = re.compile(r"\s+(?:[A-Za-z-]+\s+){1,2}?(?:now\s+)?(?:live|lives|lived|reside|resides|resided)\s+(?:in|on)\s+(?:the\s+(?:[a-z]+\s+)?(?:community|town|village|city|island|settlement)\s+of\s+)?")
# An estimate of a crowd's size: "police put the march at 30,000", "organisers estimated the crowd at".
_CROWD_ESTIMATE = re.compile(
    rf"\b(?:put|puts|putting|estimated?|estimates|estimating|placed?|places|placing|numbered)\s+(?:the\s+|their\s+)?(?:size\s+of\s+the\s+|number\s+of\s+)?(?:[\w-]+\s+)?(?:{alternatives(CROWD_NOUNS | {n + 's' for n in CROWD_NOUNS})})\b[^.;:]{{0,80}}\bat\s+$",
    re.IGNORECASE,
)
# A bare figure set beside a crowd noun: "there were more than 50,000 -- easily the biggest protest".
_CROWD_APPOSITION = re.compile(
    rf"\s*(?:-\s?-|—|–|-|,)\s*(?:[a-z]+ly\s+)?(?:the|a|an)\s+(?:[a-z]+\s+){{0,2}}?(?:{alternatives(CROWD_NOUNS | {n + 's' for n in CROWD_NOUNS})})\b",
    re.IGNORECASE,
)
_BOUND_WORDS = frozenset(w for phrase in APPROXIMATE + LOWER_BOUNDS + UPPER_BOUNDS + NEAR_BELOW for w in phrase.lower().split())
# "the number of Israelis who have been killed": what a figure before it counts.
_NUMBER_OF = re.compile(r"^\s+the\s+(?:total\s+)?(?:number|toll|count)\s+of\s+(?P<who>[A-Za-z]+)\s+(?:who|that)\s+(?:have\s+|has\s+|had\s+)?(?:been\s+|were\s+|was\s+)?(?P<verb>[a-z]+)")


def _partitive_whole(tok, raw: _Raw, rest: str) -> str | None:
    """The noun a partitive count counts: "two of the bombs" counts bombs, "killing four of them"
    the plural noun "them" stands for when the sentence names it before. None where the part is
    not a count of its own: "one of the gunmen" (one of several), "two of the five victims" (a part
    of a whole that is told; the two are not what the five count), "of us", "of whom", or a
    "them" the sentence does not name."""
    if raw.range == (1.0, 1.0):
        return None
    if re.match(r"^\s+of\s+(?:them|those|these)\b", rest):
        # the doer of an active verb ("Police said six of them ...") is not who "them" are
        before = [t for t in tok.sent if t.i < tok.i and t.pos_ == "NOUN" and t.tag_ in ("NNS", "NNPS") and t.dep_ != "nsubj"]
        if not before or any(c.dep_ == "nummod" or c.like_num for c in before[-1].children):
            return None  # "killed 230,000 people, 168,000 of them ...": a part of a told whole, as below
        return before[-1].lemma_.lower()
    if not re.match(r"^\s+of\s+(?:the|its|their)\b", rest):
        return None
    whole = next((c for c in tok.children if c.dep_ in ("nmod", "obl") and c.pos_ == "NOUN" and any(g.lower_ == "of" for g in c.children)), None)
    if whole is None or whole.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "nummod" or c.like_num for c in whole.children):
        return None
    return whole.lemma_.lower()


def _verb_before(doc, at: int):
    """The verb written right before offset ``at`` ("fell [about 200 metres]"), if the word there is one."""
    i = _first_ending_after(doc, at)
    prev = doc[i - 1] if i > 0 else None
    return prev if prev is not None and prev.pos_ == "VERB" and prev.lemma_.isalpha() else None


def _partial(tok) -> bool:
    """A word that makes a count a part of another ("another four", "two more"); "more than 40"
    is a bound, not a part."""
    if tok.lower_ not in PARTIAL_WORDS:
        return False
    return not (tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "than")


def _demonym(noun) -> bool:
    """"Palestinians", "Israelis": a people counted by nationality is a count of people. A
    capitalised noun in a title-cased headline ("7 Villages Damaged") is not one."""
    if noun.pos_ not in ("NOUN", "PROPN") or not noun.text[:1].isupper() or noun.i == noun.sent.start or not noun.text.endswith("s"):
        return False
    words = [t for t in noun.sent if t.is_alpha and len(t.text) > 3]
    return sum(t.text[:1].isupper() for t in words) < 0.6 * len(words)


def _named_subject(verb, described: bool = False) -> str | None:
    """The named doer of a measured action ("Robert Buckley fell about 600 metres"). ``described``:
    an unnamed doer told by nationality is kept too ("a British climber has fallen 2,000ft" is not
    "an Australian climber ... 150 metres"): like an age, a nationality tells two people apart."""
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    while subj is None and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        verb = verb.head  # "Rait died after slipping and falling 200ft": the faller is the subject of "died"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is not None and described and subj.pos_ == "NOUN":
        nationality = next((c for c in subj.children if c.dep_ == "amod" and c.text[:1].isupper() and c.i != c.sent.start), None)
        return fold(f"{nationality.text} {subj.lemma_}") if nationality is not None else None
    if subj is None or subj.pos_ != "PROPN":
        return None
    parts = sorted([subj, *(c for c in subj.children if c.dep_ in ("flat", "flat:name", "compound") and c.pos_ == "PROPN")], key=lambda t: t.i)
    return fold(" ".join(p.text for p in parts))


def _doer(noun) -> bool:
    """The subject of an active verb with an object ("two gunmen killed five guards")."""
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and any(c.dep_ == "obj" for c in noun.head.children)


def _around(tok, heads: bool = True) -> list[str]:
    """Lemmas near a counted noun, nearest first: its own modifiers, then (``heads``) the words governing it."""
    # a clause with an object tells what the counted did ("a gunman killed the guards"), not what befell them
    mods = [c for c in tok.children if not (c.dep_ == "acl" and any(g.dep_ == "obj" for g in c.children))]
    out = [c.lemma_.lower() for c in mods if c.dep_ in ("amod", "acl", "acl:relcl", "compound", "conj") and c.pos_ in ("ADJ", "VERB", "NOUN")]
    out += [c.lower_ for c in mods if c.dep_ in ("amod", "acl") and c.pos_ in ("ADJ", "VERB")]
    if not heads:
        return out
    for h in _heads(tok):
        out.append(h.lemma_.lower())
        out.append(h.lower_)
        if h.pos_ == "VERB":
            out += [c.lemma_.lower() for c in h.children if c.dep_ in ("compound:prt", "xcomp")]
            break
    return out


_PLACE_KINDS = frozenset("island city town village province district county state region country camp".split())


def _place_key(name: str) -> str:
    """'qeshm island' and 'qeshm' are one place."""
    words = [w for w in name.split() if w not in _PLACE_KINDS]
    return " ".join(words) or name


def _home_of(tok, places: Sequence[tuple[int, int, str]], text: str) -> str | None:
    """The place a "which is home to" / "which has N residents" clause is about: the relative
    clause's antecedent, named ("Qeshm island, which ...") or a kind of place ("The island, which
    ...") taken for the last place of that kind the article named before it ("Qeshm Island")."""
    for h in _heads(tok, 4):
        rel = next((c for c in h.children if c.lower_ in ("which", "that", "where")), None)
        if h.dep_ not in ("acl:relcl", "acl") or rel is None:
            continue
        anchor = h.head
        before = rel.nbor(-1) if rel.i > 0 and not rel.nbor(-1).is_punct else rel.nbor(-2) if rel.i > 1 else None
        if before is not None and (before.lemma_.lower() in _PLACE_KINDS or any(s <= before.idx < e for s, e, _ in places)):
            anchor = before  # "residents of the island, which is home to": the parse may hang it on "residents"
        return _resolve_place(anchor, places, text)
    # "the coastal city of population 167,000": the place is the one the article named as a city
    kind = re.search(r"\bthe\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:of\s+)?(?:population\s+(?:of\s+)?|home\s+to\s+)$", text[tok.sent.start_char : tok.idx], re.I)
    if kind is not None:
        return _last_of_kind(kind.group(1).lower(), tok.sent.start_char + kind.start(), text)
    return None


def _resolve_place(anchor, places: Sequence[tuple[int, int, str]], text: str) -> str | None:
    """A place named by ``anchor``, or, for a kind of place ("the island"), the last place of that
    kind the article named before it."""
    for s, e, name in places:
        if s <= anchor.idx < e:
            return _place_key(name)
    return _last_of_kind(anchor.lemma_.lower(), anchor.idx, text)


def _last_of_kind(kind: str, at: int, text: str) -> str | None:
    if kind not in _PLACE_KINDS:
        return None
    anchor_idx = at
    # the kind named with its name ("Qeshm Island", "the island of Qeshm", "the city Manokwari"), read
    # from the text: the recogniser misses such names or runs two together ("Bandar Abbas and Qeshm Island")
    named = list(re.finditer(rf"\b(?:(?P<a>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?i:{kind})\b|(?i:{kind})(?: of)? (?P<b>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?))", text[:anchor_idx]))
    named = [m for m in named if (m.group("a") or m.group("b")).split()[0] not in ("The", "A", "An", "This", "That", "In", "On", "At")]
    return _place_key(fold(named[-1].group("a") or named[-1].group("b"))) if named else None


def _place_before(at: int, places: Sequence[tuple[int, int, str]], tok) -> str | None:
    """The last place named before a figure in its sentence ("Qeshm island, home to 120,000 people"),
    or the last proper name there when the recogniser missed the place."""
    start = tok.sent.start_char
    before = [(e, name) for s, e, name in places if start <= s and e <= at]
    if before:
        return _place_key(max(before)[1])
    names = [t for t in tok.sent if t.pos_ == "PROPN" and t.idx < at]
    if not names:
        return None
    first = names[-1]
    while first.i > first.sent.start and first.nbor(-1).pos_ == "PROPN":
        first = first.nbor(-1)  # the whole name: "Port Alder", not "Alder"
    return _place_key(fold(tok.doc[first.i : names[-1].i + 1].text))


def _nearest_place(tok, places: Sequence[tuple[int, int, str]]) -> str | None:
    # "Qeshm island, home to 120,000 people": the place the apposition hangs on
    for h in [tok, *_heads(tok, 4)]:
        for s, e, name in places:
            if s <= h.idx < e:
                return name
        if h.dep_ == "appos":
            anchor = h.head
            for s, e, name in places:
                if s <= anchor.idx + len(anchor.text) and anchor.idx - 40 <= s:
                    return name
    return None


# Parts of a country a count can be given for ("in Central Aceh district"); a school or a camp is
# more often the scene of the whole event than a part of it.
_WIDE = frozenset("country nation state province region district continent".split())
_SUBDIVISIONS = frozenset("district province county state region village town city".split())


def _scope(tok, places: Sequence[tuple[int, int, str]]) -> str | None:
    """The place a count was taken in, when attached to its noun or verb ("killed ... in Bener
    Meriah district", "In neighbouring Central Aceh district, 10 people were killed")."""
    for h in [tok, *_heads(tok, 3)]:
        for c in h.children:
            nested = [c, *(g for g in c.children if g.dep_ in ("nmod", "obl"))] if c.dep_ in ("obl", "nmod") else []
            for n in nested:
                if not any(g.lower_ in ("in", "at", "across", "around", "throughout") for g in n.children):
                    continue
                if n.lemma_.lower() in _WIDE and n.lower_ != n.lemma_.lower() or n.lower_ in ("world", "globe", "ocean"):
                    return "several places"  # "in 13 countries", "around the Indian Ocean": a count over many places is not one place's
                span = [t for t in n.subtree if t.dep_ not in ("acl", "acl:relcl") or t.i == n.i]
                for s, e, name in places:
                    if any(s <= t.idx < e for t in span):
                        return name
                if n.lemma_.lower() in PLACE_NOUNS and n.lemma_.lower() in _SUBDIVISIONS:
                    head = [t for t in n.subtree if t.i <= n.i and not t.is_punct and t.dep_ not in ("case", "det")]
                    return fold(" ".join(t.text for t in head))
        if h.pos_ == "VERB":
            break
    return None


def zero_figures(tokens) -> tuple[Figure, ...]:
    """Counts a statement sets at zero: "no one was killed or injured", "no casualties"."""
    out: list[Figure] = []
    for t in tokens:
        if t.lower_ not in ("no", "none", "nobody", "no-one") and not (t.lower_ == "one" and t.i > 0 and t.nbor(-1).lower_ == "no"):
            continue
        head = t.head if t.dep_ == "det" else t
        noun = head.lemma_.lower()
        measures = [k for k, v in MEASURE_WORDS.items() if noun in v or head.lower_ in v]
        if noun in ("casualty", "casualties") or head.lower_ == "casualties":
            measures = ["casualties"]
        if not measures and head.dep_ in ("nsubj", "nsubj:pass"):
            verb = head.head  # "no one was killed or injured"
            for v in [verb, *(c for c in verb.children if c.dep_ == "conj")]:
                measures += [k for k, vocab in MEASURE_WORDS.items() if v.lemma_.lower() in vocab or v.lower_ in vocab]
        if not measures:
            for c in head.children:  # "no dead or wounded"
                if c.dep_ == "conj":
                    measures += [k for k, vocab in MEASURE_WORDS.items() if c.lower_ in vocab]
            if head.lower_ in MEASURE_WORDS["killed"]:
                measures.append("killed")
        if head.dep_ == "nmod" or any(c.lemma_.lower() in ("report", "information", "word", "confirm") for c in (head, head.head)) or any(
            c.lower_ in ("reported", "immediate", "known", "confirmed", "further", "other", "more") for c in head.children
        ):
            continue  # "no reports of casualties": an absence of reports
        for m in dict.fromkeys(measures):
            if (m in PEOPLE_MEASURES or m == "casualties") and not any(f.measure == m for f in out):
                out.append(Figure(Span(t.idx, head.idx + len(head.text) if head.idx >= t.idx else t.idx + len(t.text)), 0.0, 0.0, "people", m))
    return tuple(out)
