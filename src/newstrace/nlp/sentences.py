"""News-specific sentence boundaries, as a spaCy component.

``newstrace_news_sentences`` runs *before* the dependency parser and presets
boundary constraints that spaCy's parser respects (``Token.is_sent_start``:
True forces a sentence start, False forbids one, None leaves the choice to
the parser).  In a pipeline without a parser it runs after a sentencizer /
senter and overrides their decisions in the same way.

Rules (clean text separates paragraphs with a blank line, ``"\\n\\n"``):

* a sentence never crosses a line break: the first word after a whitespace
  token holding a newline starts a sentence (paragraphs, headlines, bylines
  on their own line); the whitespace token itself never starts one;
* quote marks: a closing quote mark never starts a sentence (``."`` stays with
  its sentence), the word after an opening quote mark never does either (the
  mark starts it), and a lowercase word after a closing quote continues the
  sentence (``"We will win!" he said.``).  Straight quotes are paired within a
  paragraph, so the news convention of reopening the quote mark at each new
  paragraph of a long quotation is read correctly;
* abbreviations: no sentence starts after a title or month abbreviation
  (Gen., Sen., St., Jan.), nor after an abbreviation or initial when the next
  word is lowercase or a number (U.S. officials, Jan. 5);
* inside a line, a sentence starts only after sentence-final punctuation
  (``.``, ``!``, ``?``, ``…``, or a word ending in a period such as "U.S."),
  possibly followed by closing quote marks or brackets: edited news prose does
  not run sentences together without punctuation (headlines and bylines are
  on their own lines);
* datelines at the start of a paragraph (``MOSCOW (Reuters) -``,
  ``WASHINGTON, March 3 (AP) —``) stay with the sentence they introduce.

The parser never *breaks* at a forbidden token, but it can leave two roots
whose trees meet there, which spaCy also reads as a boundary.  The
``newstrace_news_sentences_repair`` component, after the parser, joins such
pairs: the root of the shorter part is attached to the root of the longer one
(label ``parataxis``), which keeps every tree a tree.
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

FACTORY = "newstrace_news_sentences"
REPAIR_FACTORY = "newstrace_news_sentences_repair"

# Abbreviations that (almost) never end a sentence: titles and months.
TITLE_ABBREVIATIONS = frozenset(
    ["mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "cmdr.", "adm.", "sgt.", "cpl.", "pvt.", "sen.", "rep.", "gov.", "pres.", "rev.", "hon.", "gen.", "brig.", "supt.", "insp.", "det.", "st.", "mt.", "ft.", "no.", "nos.", "vs.", "v.", "messrs.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."]
)
_ABBREV = re.compile(r"^(?:[A-Za-z]\.){1,4}$|^[A-Z][a-z]{0,4}\.$")
_OPENING = frozenset("“‘«‹„")
_CLOSING = frozenset("”’»›")
_STRAIGHT = frozenset('"')
_DASHES = frozenset({"-", "--", "—", "–"})
_TERMINAL = re.compile(r"^[.!?…]+$")
_CLOSERS = frozenset({")", "]", "'", *_CLOSING, *_STRAIGHT})
_CAPS_WORD = re.compile(r"^[A-Z][A-Z.'\-]+$")


_CONSTRAINTS_KEY = "newstrace.sentence_constraints"


def _is_line_break(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = [0]
    for tok in doc:
        if _is_line_break(tok) and tok.i + 1 < len(doc):
            starts.append(tok.i + 1)
    return starts


def _dateline_end(doc: Doc, start: int, end: int) -> int | None:
    """Index of the dash ending a dateline that begins at ``start``, if any."""
    i = start
    seen_caps = False
    while i < end and i - start < 12:
        t = doc[i]
        if _CAPS_WORD.match(t.text) and len(t.text) > 1:
            seen_caps = True
        elif t.text in _DASHES:
            return i if seen_caps else None
        elif t.text == "(":
            # (Reuters) / (AP)
            j = i + 1
            while j < end and doc[j].text != ")" and j - i < 5:
                j += 1
            if j >= end or doc[j].text != ")":
                return None
            i = j
        elif t.text == "," or t.like_num or (t.is_title and seen_caps):
            pass  # ", March 3"
        else:
            return None
        i += 1
    return None


def _after_terminal(doc: Doc, k: int, start: int) -> bool:
    """Whether the text before token k (within its line) ends a sentence."""
    j = k - 1
    while j >= start and (doc[j].is_space or doc[j].text in _CLOSERS):
        j -= 1
    if j < start:
        return False
    text = doc[j].text
    if _TERMINAL.match(text):
        return True
    return len(text) > 1 and text.endswith(".") and text.lower() not in TITLE_ABBREVIATIONS


def constraints(doc: Doc) -> list[bool | None]:
    """Per token: True (must start a sentence), False (must not), None (free)."""
    n = len(doc)
    out: list[bool | None] = [None] * n
    pstarts = _paragraph_starts(doc)
    bounds = list(zip(pstarts, pstarts[1:] + [n]))
    for pstart, pend in bounds:
        # skip leading whitespace tokens
        s = pstart
        while s < pend and doc[s].is_space:
            out[s] = False if s else out[s]
            s += 1
        if s < pend and s > 0:
            out[s] = True
        dl = _dateline_end(doc, s, pend)
        if dl is not None:
            for k in range(s + 1, min(dl + 2, pend)):
                out[k] = False
        open_straight = False
        for k in range(s, pend):
            tok = doc[k]
            text = tok.text
            if tok.is_space:
                if k > 0:
                    out[k] = False
                continue
            if k > s and out[k] is None and not _after_terminal(doc, k, s):
                out[k] = False
            opening = closing = False
            if text in _OPENING:
                opening = True
            elif text in _CLOSING:
                closing = True
            elif text in _STRAIGHT:
                closing = open_straight
                opening = not open_straight
                open_straight = not open_straight
            if opening and k + 1 < pend:
                out[k + 1] = False
            if closing and k > s:
                out[k] = False
                after = k + 1
                if after < pend and doc[after].is_lower:
                    out[after] = False
            low = text.lower()
            if k + 1 < pend and text.endswith(".") and len(text) > 1:
                nxt = doc[k + 1]
                if low in TITLE_ABBREVIATIONS and (nxt.is_title or nxt.like_num or nxt.is_upper) or _ABBREV.match(text) and (nxt.is_lower or nxt.like_num):
                    out[k + 1] = False
                elif re.match(r"^[A-Z]\.$", text) and nxt.is_title:
                    out[k + 1] = False  # initials: "George W. Bush"
    if n:
        out[0] = True
    return out


class NewsSentences:
    """Apply :func:`constraints` to a Doc (before the parser, or after a senter)."""

    def __init__(self, name: str = FACTORY, overwrite: bool = False) -> None:
        self.name = name
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        cons = constraints(doc)
        if not self.overwrite:  # before a parser: the repair step after it reuses them
            doc.user_data[_CONSTRAINTS_KEY] = cons
        # One array write instead of a Token.is_sent_start assignment per token, each of which
        # re-scans the Doc (quadratic on long articles).
        starts = doc.to_array([SENT_START]).reshape(-1).astype("int64")  # spaCy hands out uint64
        for i, c in enumerate(cons):
            if c is None:
                if self.overwrite and starts[i] == 0:
                    starts[i] = -1
            else:
                starts[i] = 1 if c else -1
        starts[0] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))  # type: ignore[arg-type]  # any 2-D integer array (thinc's Ints2d is one)
        return doc


class NewsSentencesRepair:
    """After the parser: join sentences split at a token the rules forbid."""

    def __init__(self, name: str = REPAIR_FACTORY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        cached = doc.user_data.pop(_CONSTRAINTS_KEY, None)
        if not doc.has_annotation("DEP"):
            return doc
        # The parser changes no tokens, so the constraints computed before it still hold.
        cons = cached if cached is not None and len(cached) == len(doc) else constraints(doc)
        for i, c in enumerate(cons):
            if c is False and i > 0 and doc[i].is_sent_start:
                left, right = doc[i - 1].sent, doc[i].sent
                small, big = (left, right) if len(left) < len(right) else (right, left)
                root = small.root
                root.head = big.root
                root.dep_ = "parataxis"
        return doc


@Language.factory(REPAIR_FACTORY)
def make_news_sentences_repair(nlp: Language, name: str) -> NewsSentencesRepair:
    return NewsSentencesRepair(name)


@Language.factory(FACTORY, default_config={"overwrite": False})
def make_news_sentences(nlp: Language, name: str, overwrite: bool) -> NewsSentences:
    return NewsSentences(name, overwrite)


def add_news_sentences(nlp: Language) -> Language:
    """Insert the component where it works for this pipeline; idempotent."""
    if FACTORY in nlp.pipe_names:
        return nlp
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(FACTORY, before="parser")
        nlp.add_pipe(REPAIR_FACTORY, after="parser")
        return nlp
    if not any(n in nlp.pipe_names for n in ("senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe(FACTORY, last=True, config={"overwrite": True})
    return nlp
