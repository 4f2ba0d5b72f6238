"""The article body: trafilatura's main-text extraction, read block by block.

trafilatura is asked to keep links so each block (paragraph, heading, list item, quote, table row)
comes back with the share of its text that is link text: teaser lists and "related" plugs are
almost all link, article paragraphs rarely are. The links themselves are not kept in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction

_WS = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f\u200b]+")
_WORDS = re.compile(r"\w+")
_BLOCKS = frozenset({"p", "head", "item", "quote", "row", "code"})


@dataclass(frozen=True, slots=True)
class BodyOptions:
    favor_precision: bool = False
    favor_recall: bool = True
    fast: bool = True  # no readability/jusText comparison: faster, and better on news pages
    include_tables: bool = True


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: str  # p, head, item, quote, row, code
    rend: str | None  # h1..h6 for headings
    link_ratio: float  # share of the block's letters inside links


# Scripts written without spaces between words (Han, kana, Hangul syllables are spaced).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in ``text``; in Chinese and Japanese, written without spaces, two characters count as one."""
    if not _UNSPACED.search(text):
        return len(text.split())
    count = 0
    for token in text.split():
        unspaced = len(_UNSPACED.findall(token))
        count += (unspaced + 1) // 2 if unspaced else 1
    return count


def norm(text: str) -> str:
    """Words only, case-folded: the form used to compare blocks with titles and captions."""
    return " ".join(_WORDS.findall(text.casefold()))


_INLINE = frozenset({"ref", "hi", "lb", "graphic", "del", "span"})


def _has_blocks(element: _Element) -> bool:
    return any(True for _ in element.iterdescendants(*_BLOCKS, "list", "table"))


def _clean(text: str) -> str:
    lines = (_WS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _letters(text: str) -> int:
    return sum(len(piece) for piece in text.split())


class _Walker:
    """Flattens trafilatura's output tree into blocks, in document order."""

    def __init__(self) -> None:
        self.out: list[Block] = []

    def inline(self, node: _Element, parts: list[str], linked: list[int], link: bool) -> None:
        if node.text:
            parts.append(node.text)
            linked[0] += _letters(node.text) if link else 0
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif child.tag == "cell":
                if child.getprevious() is not None:
                    parts.append(" | ")
                self.inline(child, parts, linked, link)
            elif child.tag != "graphic":
                self.inline(child, parts, linked, link or child.tag == "ref")
            if child.tail:
                parts.append(child.tail)
                linked[0] += _letters(child.tail) if link else 0

    def emit(self, element: _Element, parts: list[str], linked: list[int]) -> None:
        text = _clean("".join(parts))
        if text:
            letters = _letters(text)
            kind = str(element.tag) if element.tag in _BLOCKS else "p"
            rend = element.get("rend") if element.tag == "head" else None
            self.out.append(Block(text, kind, rend, min(1.0, linked[0] / letters) if letters else 0.0))
        parts.clear()
        linked[0] = 0

    def walk(self, element: _Element) -> None:
        """Emit ``element``'s own inline text as blocks, recursing into nested blocks in order."""
        parts: list[str] = []
        linked = [0]
        if element.text:
            parts.append(element.text)
        for child in element:
            nested = child.tag not in _INLINE and (
                child.tag in _BLOCKS or child.tag in ("list", "table", "cell") or _has_blocks(child)
            )
            if nested:
                self.emit(element, parts, linked)
                if child.tag == "row" and not _has_blocks(child):
                    row_parts: list[str] = []
                    row_linked = [0]
                    self.inline(child, row_parts, row_linked, False)
                    self.emit(child, row_parts, row_linked)
                else:
                    self.walk(child)
            elif child.tag == "lb":
                parts.append("\n")
            elif child.tag != "graphic":
                self.inline(child, parts, linked, child.tag == "ref")
            if child.tail:
                parts.append(child.tail)
        self.emit(element, parts, linked)


def blocks_of(body: _Element | None) -> list[Block]:
    """The blocks of trafilatura's output tree, in order, with their link ratio."""
    if body is None:
        return []
    walker = _Walker()
    walker.walk(body)
    return walker.out


def trafilatura_blocks(tree: HtmlElement, url: str | None, options: BodyOptions) -> list[Block]:
    """The blocks trafilatura keeps as main text (empty when it finds nothing)."""
    document = bare_extraction(
        tree,
        url=url,
        fast=options.fast,
        favor_precision=options.favor_precision,
        favor_recall=options.favor_recall and not options.favor_precision,
        include_comments=False,
        include_tables=options.include_tables,
        include_links=True,
        with_metadata=False,
    )
    return blocks_of(getattr(document, "body", None))


def paragraphs(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)
