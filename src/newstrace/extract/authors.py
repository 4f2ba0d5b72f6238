"""Cleaning bylines into person names: no "By", no "View all posts by", no agencies or job titles."""

from __future__ import annotations

import re
import unicodedata

_PREFIX = re.compile(
    r"^(?:(?:view|see|read)\s+(?:all\s+)?(?:posts|articles|stories|more)\s+(?:by|from)"
    r"|more\s+(?:stories\s+)?(?:by|from)|(?:written|posted|reported|published|words|text|story|interview)\s+by"
    r"|by|from|author|authors|autor(?:in)?|auteur|por|di|von|par|door|texto?|redakcja|автор)\b[\s:]*",
    re.IGNORECASE,
)
# Single-letter conjunctions (y, e, i, и) split only in lower case: "John E Smith" stays whole.
_SPLIT = re.compile(r"\s*(?:,|;|(?<=\w{3})\.\s+(?=[A-Z])|\||/|&|\+|\b(?i:and|und|et)\b|\s[yeiи]\s|、|\n)\s*")
_AGENCY = re.compile(
    r"^(?:the\s+)?(?:associated\s+press|ap|afp|agence\s+france[- ]presse|reuters|thomson\s+reuters|dpa|"
    r"bloomberg(?:\s+news)?|pa(?:\s+media)?|press\s+association|ansa|efe|xinhua|tass|ria\s+novosti|"
    r"interfax|kyodo|yonhap|cnn(?:\s+wire)?|bbc(?:\s+news)?|upi|ians|pti|ani|aap|canadian\s+press|"
    r"getty(?:\s+images)?|wire|wires|news\s+wires?|agencies|agency)$",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:staff|reporter|reporters|editor|editors|editorial|correspondent|writer|writers|contributor|"
    r"contributors|columnist|desk|team|newsroom|news|media|service|services|board|bureau|online|"
    r"journalist|photographer|producer|analyst|senior|chief|associate|special|guest|admin|"
    r"administrator|webmaster|redaktion|redacción|redazione|rédaction|newsdesk|updated|published|"
    r"correspondents|opinion|partner|sponsored|content|magazine|daily|times|post|herald|journal|"
    r"tribune|gazette|inc|ltd|llc|company|group|press|agency|institute|university|association)\b",
    re.IGNORECASE,
)
_JUNK = re.compile(r"https?://|www\.|@|\d|\w\.(?:com|org|net|co|ru|de|in|uk)\b", re.IGNORECASE)
_TRAILING = re.compile(r"\s*(?:\(.*?\)|\[.*?\]|[-–—:|·]+)\s*$")
_TRAILING_DAY = re.compile(
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"updated|published|posted)\b.*$",
    re.IGNORECASE,
)
_FOR_OUTLET = re.compile(r"\s+(?:for|in|at|with|special\s+to)\s+(?:the\s+)?[A-Z].*$")
_LOWER_PARTICLES = frozenset(
    ["de", "da", "do", "dos", "das", "di", "del", "della", "der", "den", "van", "von", "ten", "ter", "la", "le", "du", "al", "el", "bin", "ibn", "bint", "zu", "y", "e", "of"]
)


def _cased_script(text: str) -> bool:
    return any(ch.isalpha() and (ch.isupper() or ch.islower()) for ch in text) and all(
        not ch.isalpha() or unicodedata.category(ch) in ("Lu", "Ll", "Lt") for ch in text
    )


def _looks_like_name(piece: str) -> bool:
    words = piece.split()
    if not 1 <= len(words) <= 5 or len(piece) > 60 or _JUNK.search(piece):
        return False
    if _AGENCY.match(piece) or _ROLE_WORDS.search(piece):
        return False
    if _cased_script(piece):
        if len(words) == 1 and not piece.isupper():
            # A single cased word is a handle or a first name alone; keep it only if capitalised.
            return piece[0].isupper() and len(piece) > 2
        return all(w[0].isupper() or w.casefold() in _LOWER_PARTICLES or not w[0].isalpha() for w in words)
    return True


def _tidy(piece: str) -> str:
    piece = re.sub(r"\s+", " ", piece).strip(" \t\"'“”‘’«»,.;:-–—|")
    for _ in range(3):
        stripped = _PREFIX.sub("", piece).strip()
        stripped = _TRAILING.sub("", stripped).strip()
        if stripped == piece:
            break
        piece = stripped
    piece = _FOR_OUTLET.sub("", piece).strip(" ,.;:")
    piece = _TRAILING_DAY.sub("", piece).strip(" ,.;:")
    if piece.isupper() and len(piece) > 3 and " " in piece:
        piece = piece.title()
    return piece


def clean_authors(candidates: tuple[str, ...] | list[str], site: str | None = None) -> tuple[str, ...]:
    """Person names from raw author strings, split on "and"/commas, deduplicated, in order.

    A one-word name is dropped when the same byline also has full names (it is then an outlet,
    "Jane Doe, Futurism"), and so is anything that spells the site's own name.
    """
    site_key = re.sub(r"\W+", "", site.casefold()) if site else None
    names: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        candidate = _tidy(candidate)
        for piece in _SPLIT.split(candidate):
            piece = _tidy(piece)
            if not piece or not _looks_like_name(piece):
                continue
            key = piece.casefold()
            if site_key and re.sub(r"\W+", "", key) == site_key:
                continue
            if key not in seen:
                seen.add(key)
                names.append(piece)
    if any(" " in name for name in names):
        names = [name for name in names if " " in name]
    return tuple(names)


def pick_authors(groups: tuple[tuple[str, ...], ...], site: str | None = None) -> tuple[str, ...]:
    """The first source (JSON-LD, meta, markup) that yields at least one clean person name."""
    for group in groups:
        names = clean_authors(group, site)
        if names:
            return names
    return ()
