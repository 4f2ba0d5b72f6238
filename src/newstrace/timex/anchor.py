"""What relative expressions are resolved against.

Three anchors, in the order news text uses them:

* the document creation time (DCT) for deictic words ("yesterday", "last month", "Tuesday");
* an earlier expression in the text for narrative ones ("a day later", "the following week");
* the year written elsewhere in the text for a date given without one ("March 22" after
  "March 22, 2024"), which is the only way a year appears when there is no DCT.

Without a DCT and without a year in the text the year stays unknown (XXXX) and deictic
expressions get no value at all: we never invent years.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from datetime import date

from newstrace.lang.en.occasions import HAPPENED_VERBS, PLANNED_OCCASIONS

from .calendar import Point, nearest_year, rank, safe_date, value_days, weekday_date
from .candidate import Anchor, Candidate
from .tense import FUTURE, PAST, TenseOracle

#: Words right before a weekday that point forward whatever the verb tense: deadlines
#: ("until Tuesday", "as soon as Monday") are the coming day.
#: ("Until Thursday, they had not ..." opens a sentence looking back: lower case only.)
_FORWARD_CUE = re.compile(r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than)\s+(?:on\s+)?$")

# A period named as a comparison: "a year ago", "last year", "the 1988 quarter" (the report's own
# period is "the quarter", "the third quarter", never written with its year in front).
_YEAR_BACK = re.compile(r"year[-\s]+(?:ago|earlier|before)|\blast\s+year|^the\s+[12][0-9]{3}\s", re.I)

#: How far (days) the nearest reading of a yearless date must be before the tense may flip it.
FAR_DAYS = 60
# "the attack on March 22", "the bombing of Dec. 21, 1988", "the riots broke out on July 6": a noun
# dated by the phrase after it.
_HAPPENED = "|".join(v.replace(" ", r"\s+") for v in HAPPENED_VERBS)
_EVENT_BEFORE = re.compile(rf"\b(?i:the)\s+([a-z][a-z-]+)\s+(?:(?:on|of)|(?:{_HAPPENED})\s+(?:on|in))\s+$")


def _stem(noun: str) -> str:
    noun = noun.lower()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


_WEEKDAY_LEAD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+[A-Z]")
_SHORT_STEP = re.compile(r"\b(?:days?|nights?|weeks?|hours?)\b", re.I)
_MODAL = re.compile(r"\b(?:may|might|could|should|can|must|to\s+be)\b", re.I)
_TARGET_BEFORE = re.compile(
    r"\b(?:to|until|till|through|thru|ahead\s+of|no\s+later\s+than|payable|due|expir\w*|effective|"
    r"(?:set|scheduled|slated|planned)\s+(?:for|on)|deadline(?:\s+of)?)\s+(?:on\s+|around\s+)?(?:the\s+)?$",
    re.I,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
# The noun a date stands before: "the Oct. 7 | attacks".
_NOUN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?!(?:and|or|but|to|in|on|at|of|for|with|by|from|that|which|when|as|is|was|were|are|the|a|an|"
    r"he|she|it|they|we|this|after|before|until|if|while)\b)([a-z][a-z-]+)\b"
)
# A past verb form governing the date from just before it: "attacked Israel on", "was killed on".
_PAST_VERB_BEFORE = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:[a-z]{3,}ed|was|were|came|went|made|took|began|met|won|lost|left|held|struck|hit|fell|rose|broke|"
    r"died|killed|fled|sent|told|said)\b(?:\s+[\w'’-]+){0,3}?\s+(?:on|in|during|at)\s+(?:the\s+)?$"
)
#: Words before a date that make it a deadline or a schedule, which a past-tense sentence can announce
#: ("said it would pay by Jan. 14", "the vote, set for Nov. 5").
_SCHEDULE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|thru|before|starting|from|effective|due|expires?|expiring|deadline(?:\s+of)?|"
    r"(?:set|scheduled|slated|planned|due)\s+(?:for|on)|no\s+later\s+than|as\s+of|ahead\s+of|payable|to|into|for|"
    r"(?:extended|postponed|delayed|moved|pushed|adjourned)\s+(?:to|until|till))\s+(?:on\s+|around\s+)?(?:the\s+)?$",
    re.I,
)


class Context:
    def __init__(
        self,
        text: str,
        dct: date | None,
        past: Set[tuple[int, int]] = frozenset(),
        tenses: Mapping[tuple[int, int], int] | None = None,
    ) -> None:
        self.text = text
        self.dct = dct
        self.oracle = TenseOracle(text)
        #: From a parse, when the caller has one: expressions that are adverbials of a past verb,
        #: and the tense of each expression's clause.
        self.parsed_past = past
        self.parsed_tenses = tenses or {}
        self.resolved: list[Candidate] = []
        #: (month, day) -> year, from dates written with their year.
        self.year_of_day: dict[tuple[int, int], int] = {}
        #: (start, year) of dates written with month and year, in text order.
        self.explicit_years: list[tuple[int, int]] = []
        #: Event nouns the text dates ("attack" in "the March 22 attack") -> that date.
        self.events: dict[str, Candidate] = {}

    # -- events named with their date ---------------------------------------------------
    def learn_event(self, cand: Candidate) -> None:
        """Remember the noun a date names ("the March 22 attack", "the attack on March 22")."""
        noun = None
        before = _EVENT_BEFORE.search(self.text, max(0, cand.start - 40), cand.start)
        led = re.search(r"\b(?:the|its|their|his|her)\s+$|['’]s\s+$", self.text[max(0, cand.start - 8) : cand.start], re.I)
        after = _NOUN_AFTER.match(self.text, cand.end)
        if led and after:
            noun = after.group(1)
        elif before:
            noun = before.group(1)
        if noun:
            self.events.setdefault(_stem(noun), cand)

    def event_date(self, noun: str) -> Candidate | None:
        return self.events.get(_stem(noun))

    def apposed_date(self, cand: Candidate) -> Candidate | None:
        """The date ``cand`` stands in apposition to ("Oct. 12, | the day before the plunge")."""
        for prev in reversed(self.resolved):
            if prev.end <= cand.start:
                gap = self.text[prev.end : cand.start]
                return prev if prev.type == "DATE" and re.fullmatch(r"\s*,\s*", gap) else None
        return None

    # -- tense ---------------------------------------------------------------------------
    def direction(self, cand: Candidate, default: int = -1) -> int:
        """-1 past, +1 future, 0 present, from the verbs around the expression.

        News mostly reports what happened, so with no verb to go on the default is past.
        """
        t = self.parsed_tenses.get((cand.start, cand.end))
        if t is None:
            t = self.oracle.tense(cand.start, cand.end)
        return default if t is None else t

    # -- deictic anchor ------------------------------------------------------------------
    def dct_point(self) -> Point | None:
        return Point(self.dct, "D") if self.dct else None

    # -- narrative anchor ----------------------------------------------------------------
    def narrative(self, cand: Candidate, max_gran: str = "CE") -> tuple[Point | None, Anchor]:
        """The latest earlier expression with a calendar point at most as coarse as ``max_gran``.

        Falls back to the DCT: "a year earlier" in a report usually counts from its date.
        """
        for prev in reversed(self.resolved):
            if prev.start >= cand.start or prev.point is None or prev.type not in ("DATE", "TIME"):
                continue
            if rank(prev.point.gran) <= rank(max_gran) and prev.point.year_known:
                return prev.point, prev
            break
        p = self.dct_point()
        return (p, "dct") if p else (None, None)

    def year_comparison(self, prev: Anchor) -> bool:
        """Whether ``prev`` is itself a year-on-year comparison ("a year ago", "the year-earlier
        quarter"): a second one ("... a year earlier") names the same period, it does not go
        back another year."""
        if not isinstance(prev, Candidate):
            return False
        return bool(_YEAR_BACK.search(self.text[prev.start : prev.end]))

    def reporting_period(self, cand: Candidate, within: int = 1500) -> Candidate | None:
        """The latest quarter or half-year named before ``cand`` (not too far back): what
        "a year ago" and "the year-earlier period" compare with in an earnings report."""
        for prev in reversed(self.resolved):
            if prev.start >= cand.start or prev.point is None or prev.type != "DATE":
                continue
            if cand.start - prev.end > within:
                return None
            if prev.point.gran in ("Q", "H") and prev.point.year_known and not self.year_comparison(prev):
                return prev
        return None

    # -- year for dates written without one ----------------------------------------------
    def story_year(self, cand: Candidate) -> Candidate | None:
        """The latest date written with its month and year ("July 6, 2021", "July 2021") before
        ``cand``, in its sentence or the sentence before it in the same paragraph, with no other date
        between: the year the text is telling about there ("On July 6, 2021, ... On July 8, ...").
        A bare year is not enough ("since its launch in 2003 and as of February"), nor a date naming an
        event in passing ("the Dec. 21, 1988, bombing"): those are background."""
        s0, _ = self.oracle.sentence(cand.start)
        p0, _ = self.oracle.sentence(max(0, s0 - 1)) if s0 > 0 else (s0, s0)
        if "\n\n" in self.text[p0:s0]:
            p0 = s0
        for prev in reversed(self.resolved):
            if prev.start >= cand.start:
                continue
            if prev.end <= p0 or prev.point is None or prev.type not in ("DATE", "TIME"):
                return None
            root = prev
            # "Two days later" keeps the story where a written date put it; "the following year",
            # "a year ago" move it, and the text may then be back at the report's time.
            while isinstance(root.anchor, Candidate) and _SHORT_STEP.search(self.text, root.start, root.end):
                root = root.anchor
            if root.anchor is None and root.written is not None and prev.point.year_known:
                return None if self._names_event_in_passing(root) else prev
            return None  # a date told relative to the DCT comes between
        return None

    def _names_event_in_passing(self, cand: Candidate) -> bool:
        """ "the Dec. 21, 1988, bombing": a date that stands before a noun after "the" dates that noun only."""
        led = re.search(r"\b(?:the|its|their|his|her)\s+$|['’]s\s+$", self.text[max(0, cand.start - 8) : cand.start], re.I)
        return bool(led and _NOUN_AFTER.match(self.text, cand.end + (self.text[cand.end : cand.end + 1] == ",")))

    def year_for(self, cand: Candidate, month: int, day: int | None) -> tuple[int | None, Anchor]:
        if self.dct is not None:
            ref = self.story_year(cand)
            if ref is not None and ref.point is not None and FUTURE not in self.oracle.markers(cand.start, cand.end):
                near = nearest_year(ref.point.day, month, day, 0) if rank(ref.point.gran) <= rank("M") else ref.point.day.year
                if near <= self.dct.year:
                    return near, ref
            return self.nearest_year(cand, month, day), "dct"
        if day is not None and (month, day) in self.year_of_day:
            return self.year_of_day[(month, day)], None
        # The nearest earlier date written with its year sets the story's year.
        year = None
        for start, y in self.explicit_years:
            if start >= cand.start:
                break
            year = y
        return year, None

    def reports_the_past(self, cand: Candidate) -> bool:
        """Whether the date is of something that has happened, as the sentence tells it:

        * "since Oct. 7", "since the Oct. 7 attacks": whatever the tense;
        * in a sentence with a past verb form and no future or modal anywhere in it, a date that
          names an event ("the Oct. 7 attacks", "the May report"; not a deadline or a vote, which a
          past-tense sentence can announce), or one that a past verb governs next to it ("Hamas
          attacked Israel on Oct. 7", "was killed on Oct. 7").

        Schedules ("payable Dec. 7", "extended to Nov. 20", "set for Nov. 5") stay out.
        """
        s0, _ = self.oracle.sentence(cand.start)
        lead = self.text[max(s0, cand.start - 60) : cand.start]
        if _SINCE_BEFORE.search(lead):
            return True
        if (cand.start, cand.end) in self.parsed_past:
            # The parse says a past verb governs it ("by December, they worsened"); a target it
            # was moved or set to ("extended to Nov. 20") is still ahead.
            return not _TARGET_BEFORE.search(lead)
        tenses = self.oracle.markers(cand.start, cand.end)
        if PAST not in tenses or FUTURE in tenses or _SCHEDULE_BEFORE.search(lead):
            return False
        s0, s1 = self.oracle.sentence(cand.start)
        if _MODAL.search(self.text, s0, s1):
            return False  # "may be signed on September 12"
        noun = _NOUN_AFTER.match(self.text, cand.end)
        if noun and noun.group(1).lower().rstrip("s") not in PLANNED_OCCASIONS:
            return True
        return bool(_PAST_VERB_BEFORE.search(lead))

    def contradicts_past(self, cand: Candidate) -> bool:
        """A relative expression the parse puts under a past verb, read as after the DCT (not one
        whose weekday is written with it: "Monday, Oct. 26" says its own day)."""
        if self.dct is None or cand.anchor is None or cand.type not in ("DATE", "TIME"):
            return False
        if _WEEKDAY_LEAD.match(self.text, cand.start):
            return False
        if (cand.start, cand.end) not in self.parsed_past:
            return False
        s0, _ = self.oracle.sentence(cand.start)
        if _TARGET_BEFORE.search(self.text, max(s0, cand.start - 60), cand.start):
            return False
        days = value_days(cand.value)
        return days is not None and days[0] > self.dct

    def nearest_year(self, cand: Candidate, month: int, day: int | None) -> int:
        """The year putting month(/day) nearest the DCT. A sentence telling what happened puts it on or
        before the DCT ("the Oct. 7 attacks" in a past-tense report of August are last October's);
        otherwise the tense overrides the nearest reading only when it is far on the other side ("in
        January" said in October is past January).

        Deadlines and schedules ("by Jan. 14", "expires Nov. 6") sit in past-tense sentences so often
        that they are left out of the first rule, and a tense guess alone cannot move dates close
        to the DCT.
        """
        assert self.dct is not None
        y = nearest_year(self.dct, month, day, 0)
        d = safe_date(y, month, day or 15)
        if d is None:
            return y
        dist = (d - self.dct).days
        if dist > 0 and self.reports_the_past(cand):
            return nearest_year(self.dct, month, day, -1)
        if dist <= 0 and _SINCE_BEFORE.search(self.text, max(0, cand.start - 12), cand.start):
            return y  # "since March": the one before the report, whatever the rest of the sentence
        if abs(dist) > FAR_DAYS:
            t = self.direction(cand, default=0)
            if t != 0 and (dist > 0) != (t > 0):
                return nearest_year(self.dct, month, day, t)
        return y

    def weekday(self, cand: Candidate, weekday: int, direction: int | None = None) -> date | None:
        if self.dct is None:
            return None
        if direction is None and _FORWARD_CUE.search(self.text, max(0, cand.start - 30), cand.start):
            direction = 1
        d = self.direction(cand) if direction is None else direction
        return weekday_date(self.dct, weekday, d)

    def learn(self, month: int, day: int | None, year: int, start: int) -> None:
        """Record a date written with its year, for dates elsewhere written without one."""
        if day is not None and safe_date(year, month, day):
            self.year_of_day.setdefault((month, day), year)
        self.explicit_years.append((start, year))
