"""Post-filters for what trafilatura keeps but an article body does not contain.

Each rule is generic (no site lists): the headline and standfirst repeated at the top, bylines,
datelines and reading times, figure captions, teaser links (blocks that are nearly all link text),
newsletter / follow-us / related-stories plugs, and headings left dangling at the end. Every
dropped block is returned with its reason, so nothing disappears silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newstrace.extract import block_runs
from newstrace.extract.body import Block, norm, word_count
from newstrace.extract.credits import is_credit_line
from newstrace.model import RemovedLine

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATELINE = re.compile(
    rf"^(?:(?:last\s+)?updated|published|posted|modified|created|date|uppdaterad|publicerad|aktualisiert|"
    rf"veröffentlicht|publié|mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|oppdatert|publisert)?\s*(?:on|at|am|le|el|il|kl\.?)?\s*:?\s*"
    rf"(?:\w+\.?,?\s+)?(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}[./-]\d{{1,2}}[./-]\d{{1,2}}|"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|"
    rf"\d{{1,2}}:\d{{2}}|(?<=[a-zäöå]\s)\d{{1,2}}\.\d{{2}}\b)",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"\b(?:\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read|reading\s+time|read\s+time|tempo\s+de\s+leitura|"
    r"lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written\s+by|posted\s+by|von|por|par|di)\s+\S", re.IGNORECASE)
# Plugs that open a block ("Related: ...", "READ MORE: ...").
_PLUG_PREFIX = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|content|coverage|reading|news|posts?))?|read\s+more|"
    r"read\s+also|also\s+read|more|see\s+more|see\s+also|also|watch|listen|don[’']?t\s+miss|"
    r"recommended|most\s+read|most\s+popular|trending|advertisement|sponsored|promoted|"
    r"leia\s+(?:também|mais)|lesen\s+sie\s+auch|mehr\s+zum\s+thema|lire\s+aussi|читайте\s+также)"
    r"\s*(?::|\||-|–|—|»|\.{3}|…|$)",
    re.IGNORECASE,
)
# Phrases that mark a short block as site furniture wherever it stands.
_FURNITURE = re.compile(
    r"newsletter|subscribe\b|\binbox\b|subscription|sign\s+up\b|signing\s+up|follow\s+(?:us|@|\w+\s+on\s+"
    r"(?:twitter|facebook|instagram))|click\s+here|tap\s+here|explore\s+further|filed\s+under|"
    r"all\s+rights\s+reserved|©|\bcopyright\b|you\s+may\s+also\s+like|have\s+a\s+tip\b|"
    r"tell\s+us\s+what\s+you\s+think|share\s+this\s+(?:article|story)|get\s+the\s+latest|"
    r"download\s+(?:the|our)\s+app|get\s+\w+(?:\s+\w+)?\s+on\s+the\s+go|"
    r"additional\s+reporting\s+by|^source\s*:|^sources?\s*:|^(?:photo|image)\s*(?:credit)?\s*:|"
    r"^comments?$|^\d+\s+comments?$|leave\s+a\s+(?:comment|reply)|"
    r"^(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest)$|google\s+news|whatsapp\s+channel|"
    r"telegram\s+channel|vervielfältigung|reproduction\s+(?:is\s+)?(?:prohibited|forbidden|not\s+permitted)|"
    r"nachdruck\s+(?:nur|verboten)",
    re.IGNORECASE,
)
# A short heading that opens the page's list of other stories: everything after it goes.
_MORE_STORIES = re.compile(
    r"^(?:top|more|latest|related|other|partner|recommended|popular|trending|featured|"
    r"editor[’']?s\s+picks?|you\s+(?:may|might)\s+also\s+like|read\s+next|most\s+(?:read|viewed|popular)|"
    r"also\s+on|around\s+the\s+web|from\s+(?:the\s+)?web|elsewhere|related\s+(?:subjects|topics))"
    r"(?:\s+(?:\w+\s+)?(?:stories|news|articles|posts|reads|headlines|videos|content|from\s+\S+))?\s*:?$",
    re.IGNORECASE,
)
_SENTENCE_PUNCT = re.compile(r"[.!?…:;]")
_TAIL_SHARE = 0.6  # such a heading ends the article only after this share of the kept text
_EARLY_TAIL_SHARE = 0.35  # ... or after this share when a list of headlines follows it
_SHORT = 25  # words: furniture is short
_LINK_SHORT = 18  # words: a teaser link is a headline, not a paragraph
# One lower-case token of hyphenated words, e.g. "medium-browser-and-portrait-tablet": markup leaking.
_MARKUP_TOKEN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")


@dataclass(frozen=True, slots=True)
class PageHints:
    """What the page says about itself, used to recognise repeated furniture in the body."""

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    site: str | None = None
    captions: tuple[str, ...] = ()


def _words(text: str) -> int:
    return word_count(text)


def _same_or_inside(block_norm: str, other: str, slack: int = 6) -> bool:
    if not other or not block_norm:
        return False
    if block_norm == other:
        return True
    extra = block_norm.count(" ") - other.count(" ")
    return 0 <= extra <= slack and other in block_norm


class _Rules:
    def __init__(self, hints: PageHints) -> None:
        self.title = norm(hints.title or "")
        self.authors = [norm(a) for a in hints.authors if a]
        self.section = norm(hints.section or "")
        self.site = norm(hints.site or "")
        self.captions = {c for c in (norm(x) for x in hints.captions) if c}

    def top(self, block: Block, text_norm: str) -> str | None:
        """Reasons that apply only before the first real paragraph."""
        words = _words(block.text)
        if self.title and (_same_or_inside(text_norm, self.title) or (words >= 4 and text_norm in self.title)):
            return "title"
        if block.kind == "head" and block.rend == "h1":
            return "title"
        if text_norm and text_norm in (self.section, self.site):
            return "section"
        if words <= 14 and (_BYLINE.match(block.text) or any(a and a in text_norm for a in self.authors)):
            return "byline"
        if words <= 12 and _DATELINE.match(block.text.strip()):
            return "dateline"
        if block.text.startswith(("http://", "https://")) and words == 1:
            return "url"
        if words == 1 and not _SENTENCE_PUNCT.search(block.text):
            return "label"  # a kicker or section label ("POLITICS", "NEWSTICKER") above the article
        return None

    def anywhere(self, block: Block, text_norm: str) -> str | None:
        words = _words(block.text)
        if text_norm in self.captions or (
            len(text_norm) > 20 and any(text_norm in caption for caption in self.captions)
        ):
            return "caption"
        if _MARKUP_TOKEN.match(block.text):
            return "markup"
        if words <= 10 and _READING_TIME.search(block.text):
            return "reading time"
        if block.link_ratio >= 0.9 and block.kind in ("item", "head", "p") and words <= _LINK_SHORT:
            return "link"
        if is_credit_line(block.text):
            return "photo credit"
        if words <= _SHORT and _PLUG_PREFIX.match(block.text.strip()):
            return "related"
        if words <= _SHORT and _FURNITURE.search(block.text):
            return "furniture"
        return None


def filter_blocks(blocks: Iterable[Block], hints: PageHints) -> tuple[list[Block], list[RemovedLine]]:
    """Split ``blocks`` into (kept, removed with reasons)."""
    rules = _Rules(hints)
    kept: list[Block] = []
    removed: list[RemovedLine] = []
    in_top = True
    blocks = list(blocks)
    in_runs: dict[int, str] = {}
    for rule in block_runs.RULES:
        for index, why in rule(blocks).items():
            in_runs.setdefault(index, why)
    for index, block in enumerate(blocks):
        text_norm = norm(block.text)
        reason = rules.top(block, text_norm) if in_top else None
        reason = reason or rules.anywhere(block, text_norm) or in_runs.get(index)
        if reason:
            if in_top and reason == "menu" and kept:
                # A menu before the article: what came before it is the page's header.
                removed.extend(RemovedLine(b.text, "page header") for b in kept)
                kept.clear()
            removed.append(RemovedLine(block.text, reason))
            continue
        kept.append(block)
        if block.kind == "p" and _words(block.text) > 15:
            in_top = False
    kept, cut = _cut_more_stories(kept)
    removed.extend(cut)
    appeal = block_runs.closing_appeal(kept)
    if appeal:
        first = min(appeal)
        removed.extend(RemovedLine(b.text, "appeal") for b in kept[first:])
        kept = kept[:first]
    # Headings with nothing after them belong to whatever followed the article.
    while kept and kept[-1].kind == "head":
        removed.append(RemovedLine(kept.pop().text, "trailing heading"))
    return kept, removed


def _lists_stories(after: list[Block]) -> bool:
    """What follows is a list of other stories: at least two headline-like blocks (short, no sentence
    punctuation) among the first six, as teaser lists with long blurbs look ("Taiwan on alert over
    Chinese carrier", blurb, byline, next headline, ...)."""
    heads = [b for b in after[:6] if _words(b.text) <= 12 and not _SENTENCE_PUNCT.search(b.text.strip()[-1:] or ".")]
    return len(heads) >= 2


def _cut_more_stories(kept: list[Block]) -> tuple[list[Block], list[RemovedLine]]:
    """Drop a "Top stories" / "More news" heading late in the page and everything after it."""
    total = sum(len(block.text) for block in kept)
    seen = 0
    for index, block in enumerate(kept):
        if (
            (seen >= _TAIL_SHARE * total or (seen >= _EARLY_TAIL_SHARE * total and _lists_stories(kept[index + 1 :])))
            and _words(block.text) <= 5
            and _MORE_STORIES.match(block.text.strip())
        ):
            return kept[:index], [RemovedLine(b.text, "other stories") for b in kept[index:]]
        seen += len(block.text)
    return kept, []
