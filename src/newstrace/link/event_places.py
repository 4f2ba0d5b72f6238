"""Where an article puts its event, and whether two articles put theirs in different places.

A story built by linking can hold two real events of one kind: two quakes of one country, two
shootings, two fires, whose reports read alike. Their figures are not one event's figures told
differently: a 6.1 quake in Aceh that killed 24 is not in conflict with a Papua quake that killed
five. So before two articles' statements are set against each other the conflict finder asks
whether the articles tell of the same place.

An article's *setting* is the words of the places its opening (the headline and the first two
sentences, and at least its first OPENING_CHARS characters: a dateline or an "Updated:" line is
a sentence too) names, beside a country, a US state or a continent or their peoples: those name
too wide an area to tell one event from another ("Indonesia", "California", "the Indonesian
province of Aceh" gives "Aceh"). The places are the recogniser's and the names a kind of place
introduces ("the province of Aceh", "Bireun district"), which the recogniser may read as an
organisation or a person; a word the article also writes in lower case is an ordinary word taken
into a name ("Quake Shakes Napa" gives "Napa").

Two articles are *apart* when both openings name such a place and neither names one the other
article writes. Every word of the other article is searched, not only the names the recogniser
found there: a place it missed in one article is still written in it, and reports of one event
from two outlets nearly always name the town, district or island the other names, even where
their figures differ, if only further down. Left out of that search are the sentences after
the opening that write a year or a time long past: those tell of the past ("the 2004 tsunami
killed 170,000 people in Aceh", "the catastrophe four years ago") and name the place of another
event.

Nothing apart is said of an article whose opening names no place narrower than a country: it
may be of either event, and is compared as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.gazetteer import countries, place_sections
from newstrace.lang.en.places import COMPASS, PLACE_HEADS, PLACE_KINDS
from newstrace.model import Article
from newstrace.text import fold

OPENING_SENTENCES = 3  # the headline and the first two sentences of the body
OPENING_CHARS = 300  # and at least this much of the text: a dateline line is a "sentence"
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W\d_]")
_KIND_OF = re.compile(r"\b(?:town|city|village|camp|district|province|county|region|island|state) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")
_NAME_KIND = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) (?:refugee camp|camp|district|province|county|regency|island)\b")
# A sentence of the past: a year written out, or a time long ago ("four years ago", "last year").
_PAST = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:years?|months?|decades?)\s+(?:ago|earlier|before)\b|\blast\s+(?:year|month|decade)\b", re.I)
# Words of a place's name that say what kind of place or which part of it, not which place:
# "Qeshm Island" and "Qeshm" are one place, "Northern California" and "California" one area.
_GENERIC = frozenset(PLACE_HEADS | PLACE_KINDS | set(COMPASS)) | frozenset(
    "northern southern eastern western central upper lower greater new the of and de la le el al".split()
)


class Setting:
    """The place words of an article's opening, and the words of the article that tell of its event.

    Read off the article when first asked (:func:`setting`): the linker prepares every member of a
    new article's conflict context, and :func:`apart` asks only of two articles whose statements
    give a fact of the event differently, and for the words only when both openings name a place;
    reading them for every member was most of what preparing an article cost."""

    __slots__ = ("_article", "_places", "_opening", "_words")

    def __init__(self, opening: frozenset[str], words: frozenset[str]) -> None:
        self._article: Article | None = None
        self._places: list[tuple[int, str]] = []
        self._opening: frozenset[str] | None = opening
        self._words: frozenset[str] | None = words

    @classmethod
    def of(cls, article: Article, places: list[tuple[int, str]]) -> Setting:
        """The setting of ``article``, read when first asked. ``places``: (offset, folded name)."""
        s = cls.__new__(cls)
        s._article, s._places, s._opening, s._words = article, places, None, None
        return s

    @property
    def opening(self) -> frozenset[str]:
        if self._opening is None:
            assert self._article is not None  # either both sets are given or the article is
            self._opening = _opening(self._article, self._places)
        return self._opening

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            assert self._article is not None
            self._words = _told(self._article)
        return self._words


def setting(article: Article, places: list[tuple[int, str]]) -> Setting:
    """``places``: (offset, folded name) of the places the article names (conflicts._place_names)."""
    return Setting.of(article, places)


def _opening_end(article: Article) -> int:
    text, sentences = article.text, article.sentences
    end = sentences[OPENING_SENTENCES - 1].span.end if len(sentences) >= OPENING_SENTENCES else len(text)
    return max(end, next((s.span.end for s in sentences if s.span.end >= OPENING_CHARS), len(text)))


def _opening(article: Article, places: list[tuple[int, str]]) -> frozenset[str]:
    text, end = article.text, _opening_end(article)
    # the recogniser's places, and names its kind of place gives ("the province of Aceh", "Bireun
    # district"), which the recogniser may read as an organisation or a person
    named = places + [(m.start(1), fold(m.group(1))) for rx in (_KIND_OF, _NAME_KIND) for m in rx.finditer(text, 0, end)]
    # a word the article also writes in lower case is an ordinary word the recogniser took into a
    # name ("Quake Shakes Napa"), not a place's
    ordinary = {fold(w).removesuffix("'s") for w in _WORD.findall(text) if w.islower()}
    return frozenset(w for at, name in named if at < end and name not in _wide_names() for w in _words(name) if w not in ordinary and not _wide(w))


def _told(article: Article) -> frozenset[str]:
    text, sentences, end = article.text, article.sentences, _opening_end(article)
    told = [text[:end], *(text[s.span.start : s.span.end] for s in sentences if s.span.start >= end and not _PAST.search(text[s.span.start : s.span.end]))]
    return frozenset(w for part in told for w in _words(part))


def apart(a: Setting, b: Setting) -> bool:
    """Whether two articles put their events in different places (see the module)."""
    return bool(a.opening and b.opening and not a.opening & b.words and not b.opening & a.words)


def _words(text: str) -> set[str]:
    return {w.removesuffix("'s") for w in _WORD.findall(fold(text)) if len(w) > 2 and w not in _GENERIC}


@lru_cache(maxsize=1)
def _wide_names() -> frozenset[str]:
    """Countries, US states and continents, folded: areas too wide to tell two events apart."""
    return frozenset(fold(n) for n in (*countries(), *place_sections().get("regions", [])))


def _wide(word: str) -> bool:
    """Whether a word names a wide area alone ("iran", "california"), or a people of one
    ("indonesian", "iranian", "sudanese", "italian"): a word of a longer name too ("southern Iran")."""
    wide = _wide_names()
    if word in wide:
        return True
    for suffix in _DEMONYM:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 4 and (stem in wide or stem + "y" in wide or stem + "a" in wide):
            return True
    return False


_DEMONYM = ("n", "an", "ian", "ese", "i", "ish", "ans", "ians")
