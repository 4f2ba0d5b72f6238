"""Recognise photo captions in plain-text scrapes and split off their credit.

Credits come in a few conventional shapes: a trailing parenthesis naming a
photographer and/or agency ("(Jane Roe/Reuters)"), or a labelled tail
("Photo: Jane Roe", "Credit: AP", "Image via Getty Images").
"""

from __future__ import annotations

import re

# "(Name/Agency)", "(Agency)", "(Name / Agency via Getty Images)" at the very end.
_PAREN_CREDIT = re.compile(
    r"\s*\((?P<credit>[A-Z][^()]{1,80}?(?:/[^()]{1,60})+|(?:AP|AFP|Reuters|EPA|Getty Images|TASS|Xinhua)"
    r"(?: Photo)?)\)\s*$"
)
_LABEL_CREDIT = re.compile(
    r"(?:^|[\s.|–—-])(?P<label>Photo(?:graph)?|Image|Picture|Credit|Foto)s?\s*(?:credit)?\s*(?::|by|via)\s*"
    r"(?P<credit>[^.|]{2,80}?)\s*\.?$",
    re.I,
)
_VIA_CREDIT = re.compile(r"\s*(?P<credit>(?:[A-Z][\w.'-]+\s){0,3}(?:via|for) [A-Z][\w .'-]{1,40})\s*$")


def split_credit(line: str) -> tuple[str, str | None]:
    """Return (caption, credit) where the line ends in a recognisable credit."""
    for pattern in (_PAREN_CREDIT, _LABEL_CREDIT):
        match = pattern.search(line)
        if match:
            caption = line[: match.start()].strip(" \t|–—-")
            return caption, match.group("credit").strip()
    return line.strip(), None


def looks_like_caption(line: str) -> bool:
    """A caption names its credit; the credit is what tells it from prose."""
    caption, credit = split_credit(line)
    return credit is not None and len(caption.split()) >= 3
