"""Stances the article reports in its own words: "..., but Putin has tried to pin the blame on
Ukraine". The clause is a statement of its own, held by its named subject, not part of the
statement it is joined to."""

from __future__ import annotations

import re

from newstrace import names
from newstrace.lang.en.disagreement import STANCE_PHRASES, STANCE_VERBS

_VERB_FORMS = sorted({f for v in STANCE_VERBS for f in (v, v + "s", v + "d", v + "ed", (v[:-1] if v.endswith("e") else v) + "ed")} | set(STANCE_PHRASES), key=len, reverse=True)
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*"
CONTRAST_CLAUSE = re.compile(
    rf"(?:,|;|—|–)?\s+(?:but|while|whereas|yet)\s+(?P<subj>{_NAME})\s+(?:(?:has|have|had|also|publicly|repeatedly|since|instead|again|flatly|strongly)\s+)*"
    rf"(?P<verb>{'|'.join(re.escape(v) for v in _VERB_FORMS)})\b"
)


def stance_clauses(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(clause start, clause end, holder) for each contrasted stance clause in text[start:end]."""
    out = []
    for m in CONTRAST_CLAUSE.finditer(text, start, end):
        _, proper = names.split_title(m.group("subj"))
        holder = proper or m.group("subj")
        out.append((m.start("subj"), end, holder))
    return out
