"""Win-loss records a statement gives a named fighter or team, as sports pages write them beside
the name: "Wladimir Klitschko (52-3, 46 KOs)", "Riddick Bowe, 43-1, 33 KO's", "Klitschko, 58-3 with
51 knockouts", "the Sixers (9-14)". Two sources giving one name two records, on one occasion,
cannot both be right.

Only a record set beside its name is read: a score after a team ("beat Cleveland, 88-72") has no
knockout count and no parenthesis, and a record told as a change ("improved to 53-3", "dropped to
45-7-2") is the record after a result, another moment than the record beside the name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.text import fold

_NAME = r"(?P<name>(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+)"
_RECORD = r"(?P<w>\d{1,3})\s*-\s*(?P<l>\d{1,3})(?:\s*-\s*(?P<d>\d{1,2}))?(?!\s*-?\s*\d)"
_KOS = r"(?P<ko>\d{1,3})\s*(?:KO['’]?s?|knockouts?)(?!\w)"
_FORMS = (
    re.compile(rf"{_NAME}\s*\(\s*{_RECORD}(?:\s*,\s*{_KOS})?\s*\)"),  # "Klitschko (52-3, 46 KOs)", "the Sixers (9-14)"
    re.compile(rf"{_NAME},\s*{_RECORD}(?:\s*,\s*|\s+with\s+){_KOS}"),  # "Bowe, 43-1, 33 KO's", "Klitschko, 58-3 with 51 knockouts"
)
# Words a sentence may open with before the name, which are no part of it.
_LEADING = re.compile(r"^(?:(?:The|A|An|In|On|At|But|And|Former|Champion|Undefeated|Unbeaten)\s+)+")


@lru_cache(maxsize=8192)  # read once per statement, asked once per pair
def records(text: str) -> dict[str, str]:
    """Folded name -> the record the text gives it beside the name ("52-3, 46 KOs")."""
    found: list[tuple[int, str, str]] = []
    for form in _FORMS:
        for m in form.finditer(text):
            name = _LEADING.sub("", m.group("name"))
            record = f"{m.group('w')}-{m.group('l')}" + (f"-{m.group('d')}" if m.group("d") else "")
            if m.group("ko"):
                record += f", {m.group('ko')} KOs"
            found.append((m.start(), fold(name), record))
    out: dict[str, str] = {}
    for _, name, record in sorted(found):
        out.setdefault(name, record)
    return out


# Two accounts of one moment give records a result or two apart (one not yet updated, a slip);
# records further apart are two moments of a career ("52-3" in 2008, "58-3" four years on).
MAX_RESULTS_APART = 2


def records_differ(a: str, b: str) -> bool:
    """Whether two records cannot be one: the wins, losses or draws differ, or both give knockouts
    and those differ ("52-3" is "52-3, 46 KOs" with the knockouts left out)."""
    ra, _, ka = a.partition(", ")
    rb, _, kb = b.partition(", ")
    return ra != rb or bool(ka and kb and ka != kb)


def one_moment(a: str, b: str) -> bool:
    """Whether two records can be of one moment: their counts of results at most
    MAX_RESULTS_APART apart."""
    played_a = sum(int(n) for n in a.partition(", ")[0].split("-"))
    played_b = sum(int(n) for n in b.partition(", ")[0].split("-"))
    return abs(played_a - played_b) <= MAX_RESULTS_APART
