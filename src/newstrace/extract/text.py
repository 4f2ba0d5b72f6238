"""Clean plain-text scrapes of news pages.

A scrape is the article plus the page around it: photo captions (often twice),
counters ("1 comment"), calls to action, section labels, teasers of other
articles, sometimes in another language. Lines are judged by features, not by
a list of known strings:

* repetition: a line seen before is a copy (captions are printed twice);
* a trailing photo credit marks a caption, kept as image metadata;
* language: a line confidently in another language than the article is not it;
* prose shape: enough words and sentence-final punctuation;
* position: the article body is the run from the first to the last prose line;
  short non-prose lines outside it are page furniture, inside it subheadings;
* shape: counters ("12 comments"), link-like lines (URLs, menus), labels.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newstrace.extract.lang import detect_language
from newstrace.extract.text_captions import looks_like_caption, split_credit
from newstrace.model import Image, RemovedLine

# Prose: at least this many words and sentence-final punctuation.
MIN_PROSE_WORDS = 8
# A line needs this many letters before its language is trusted.
MIN_LANG_LETTERS = 25
MIN_LANG_PROB = 0.95
MAX_TITLE_WORDS = 25

_SENTENCE_END = re.compile(r"""[.!?…][\"'”’»)\]]*\s*$|[\"”»]\s*$""")
_COUNTER = re.compile(r"^\s*[\d.,]+[kKmM]?\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s*$|^\s*[A-Za-z]+\s*[:(]\s*\d+\s*\)?\s*$")
_LINKLIKE = re.compile(r"https?://|www\.|\S+@\S+\.\w|\s[|»›•]\s|^\s*[|»›•>]|[|»›•]\s*$")
_LEAD_LABEL = re.compile(r"^\s*(?:[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,2})\s*:\s+\S")
_BYLINE = re.compile(r"^\s*(?:By|BY|Written by|Words by)\s+(?P<names>[A-Z][\w.'-]+(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'-]+){0,7})\s*$")
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    title: str | None
    authors: tuple[str, ...]
    images: tuple[Image, ...]
    removed: tuple[RemovedLine, ...]
    language: str | None


def _norm(line: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", line)).strip().casefold()


def _is_prose(line: str) -> bool:
    return len(line.split()) >= MIN_PROSE_WORDS and bool(_SENTENCE_END.search(line))


def _line_language(line: str) -> tuple[str | None, float]:
    return detect_language(line, min_letters=MIN_LANG_LETTERS)


def _document_language(lines: list[str]) -> str | None:
    prose = [line for line in lines if _is_prose(line)]
    sample = "\n".join(prose or lines)[:20_000]
    lang, _ = detect_language(sample)
    return lang


def _shape_reason(line: str) -> str | None:
    """Why a line looks like page furniture wherever it stands, or None."""
    if _COUNTER.match(line) and not _SENTENCE_END.search(line):
        return "counter widget (a number and a label)"
    if _LINKLIKE.search(line) and not _is_prose(line):
        return "link-like line (URL, address or menu separators)"
    return None


def clean_plain_text(raw: str) -> CleanedText:
    """Split a scrape into the article body and what was removed, with reasons."""
    lines = [_WS.sub(" ", line).strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    language = _document_language(lines)
    removed: list[tuple[int, RemovedLine]] = []  # (line index, entry) to report in page order
    images: list[Image] = []
    seen: set[str] = set()
    candidates: list[tuple[int, str]] = []  # survivors of the position-free tests
    for index, line in enumerate(lines):
        key = _norm(line)
        if key in seen:
            removed.append((index, RemovedLine(line, "repeated line (printed earlier on the page)")))
            continue
        seen.add(key)
        if looks_like_caption(line):
            caption, credit = split_credit(line)
            images.append(Image(url=None, caption=caption, credit=credit))
            removed.append((index, RemovedLine(line, "photo caption (kept as image metadata)")))
            continue
        lang, prob = _line_language(line)
        if language and lang and lang != language and prob >= MIN_LANG_PROB:
            removed.append((index, RemovedLine(line, f"in another language ({lang}) than the article ({language})")))
            continue
        reason = _shape_reason(line)
        if reason:
            removed.append((index, RemovedLine(line, reason)))
            continue
        candidates.append((index, line))

    prose_at = [i for i, (_, line) in enumerate(candidates) if _is_prose(line)]
    if not prose_at:
        # No prose at all: keep every surviving line rather than invent a body.
        in_page_order = tuple(entry for _, entry in sorted(removed, key=lambda pair: pair[0]))
        return CleanedText("\n\n".join(line for _, line in candidates), None, (), tuple(images), in_page_order, language)
    first, last = prose_at[0], prose_at[-1]
    title: str | None = None
    authors: list[str] = []
    body: list[str] = []
    for position, (index, line) in enumerate(candidates):
        if first <= position <= last:
            if len(line.split()) == 1 and not _SENTENCE_END.search(line):
                removed.append((index, RemovedLine(line, "single-word label inside the body")))
            else:
                body.append(line)
            continue
        before_body = position < first
        byline = _BYLINE.match(line)
        if before_body and byline:
            authors.extend(n for n in _NAME_SPLIT.split(byline.group("names")) if n)
            removed.append((index, RemovedLine(line, "byline (kept as authors)")))
        elif before_body and title is None and 3 <= len(line.split()) <= MAX_TITLE_WORDS and not _LEAD_LABEL.match(line):
            title = line
            removed.append((index, RemovedLine(line, "headline (kept as title)")))
        elif _is_prose(line):
            body.append(line)
        else:
            where = "before" if before_body else "after"
            removed.append((index, RemovedLine(line, f"short line without sentence punctuation {where} the article body")))
    in_page_order = tuple(entry for _, entry in sorted(removed, key=lambda pair: pair[0]))
    return CleanedText("\n\n".join(body), title, tuple(authors), tuple(images), in_page_order, language)
