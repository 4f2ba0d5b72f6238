"""HTML page -> :class:`~newstrace.model.Article`.

trafilatura finds the main text; this module adds what it lacks: paragraphs, a title without the
site suffix, clean author names, the page's own declared publication date (None when it declares
none, never a guess), language checked against the text, and images with captions and credits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newstrace.errors import NothingToExtract
from newstrace.extract.authors import pick_authors
from newstrace.extract.body import Block, BodyOptions, paragraphs, trafilatura_blocks
from newstrace.extract.boilerplate import PageHints, filter_blocks
from newstrace.extract.captions import collect_images, page_figures
from newstrace.extract.html_meta import PageMeta, date_from_url, read_page_meta
from newstrace.extract.lang import detect_language
from newstrace.extract.nesting import flatten_deep_nesting
from newstrace.ids import content_id
from newstrace.ingest.charset import charset_from_content_type, decode_bytes
from newstrace.ingest.dates import normalise_date
from newstrace.model import Article, PublishedDate, RawDocument

# A declared language is trusted over the detector when the detector is this unsure.
_WEAK_DETECTION = 0.5
_DETECT_CHARS = 4000  # enough text to tell a language; the detector's cost grows with length


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    body: BodyOptions = field(default_factory=BodyOptions)
    date_from_url: bool = True  # use /2019/11/19/ in the URL when the page declares no date
    min_words: int = 5  # fewer words than this is no article
    retry_below: int = 800  # characters: a shorter fast extraction is retried with trafilatura's defaults
    #: A fast extraction holding less than this share of the page's visible text is retried too:
    #: on some layouts the fast pass keeps one paragraph of a long article.
    retry_share: float = 0.3
    #: ... and less than this share of the page's prose (long text runs outside navigation and links).
    retry_prose_share: float = 0.75
    #: The retry wins when the fast pass kept less than this share of what it kept.
    fallback_when_below: float = 0.7


def parse_html(raw: RawDocument, text: str | None = None) -> HtmlElement:
    """Parse ``text``, or ``raw.content`` decoded (transport charset, meta, detection), with lxml."""
    if text is None:
        declared = raw.encoding or charset_from_content_type(raw.content_type)
        text, _ = decode_bytes(raw.content, declared)
    tree = load_html(flatten_deep_nesting(text)) if text.strip() else None
    if tree is None:
        raise NothingToExtract("no HTML document to parse", input=raw.source.location)
    return tree


def distinct_chars(blocks: list[Block]) -> int:
    """Characters of text in distinct blocks: a notice printed under every embed counts once."""
    return sum(len(text) for text in {block.text for block in blocks})


def single_article(tree: HtmlElement) -> bool:
    """Whether the page marks up at most one article (``<article>`` or ``itemprop="articleBody"``)."""
    return len(tree.xpath("//article")) <= 1 and len(tree.xpath('//*[@itemprop="articleBody"]')) <= 1


_NOT_SHOWN = frozenset({"script", "style", "noscript", "template"})
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "a", "button", "select"})
PROSE_WORDS = 12  # a text node of this many words is a paragraph or a sentence, not a label


def visible_chars(tree: HtmlElement) -> int:
    """Characters of text the page shows (scripts and styles left out), spaces collapsed."""
    body = tree.find("body")
    body = tree if body is None else body
    hidden = sum(len(" ".join((el.text or "").split())) for el in body.iter(*_NOT_SHOWN))
    return len(" ".join(body.text_content().split())) - hidden


def prose_chars(tree: HtmlElement) -> int:
    """Characters of the page's prose: text runs of a sentence or more outside navigation,
    headers, footers, asides, forms and links."""
    prose = 0
    for node in tree.xpath("//body//text()"):
        words = node.split()
        if len(words) < PROSE_WORDS:
            continue
        parent = node.getparent()
        if parent is None or parent.tag in _NOT_SHOWN or parent.tag in _FURNITURE_TAGS:
            continue
        if not any(a.tag in _FURNITURE_TAGS for a in parent.iterancestors()):
            prose += sum(len(w) for w in words) + len(words) - 1
    return prose


def choose_language(text: str, declared: str | None) -> str | None:
    """The detected language, or the declared one when it agrees or detection cannot tell."""
    detected, probability = detect_language(text[:_DETECT_CHARS])
    if detected is None:
        return declared
    if declared and (declared == detected or probability < _WEAK_DETECTION):
        return declared
    return detected


def choose_date(meta: PageMeta, raw: RawDocument, url: str | None, options: HtmlOptions) -> PublishedDate | None:
    if meta.published is not None:
        return meta.published
    if raw.published_hint:
        iso = normalise_date(raw.published_hint)
        if iso:
            return PublishedDate(iso, raw.source.kind, raw.published_hint)
    return date_from_url(url) if options.date_from_url else None


def _worth_retrying(tree: HtmlElement, text: str, options: HtmlOptions) -> bool:
    """Whether the fast pass may have dropped most of the article: its text is short, or a small
    share of the page's text and of its prose. Never on pages holding several articles (a list,
    an endless scroll), where the default pass takes the neighbours in."""
    if len(text) >= options.retry_below and (
        len(text) >= options.retry_share * visible_chars(tree) or len(text) >= options.retry_prose_share * prose_chars(tree)
    ):
        return False
    return single_article(tree)


def extract_html(raw: RawDocument, options: HtmlOptions | None = None, *, text: str | None = None) -> Article:
    """Extract the article from an HTML page; raises NothingToExtract when it has no main text.

    ``text`` is the page already decoded, when the caller has it (saves decoding twice).
    """
    options = options or HtmlOptions()
    tree = parse_html(raw, text)
    meta = read_page_meta(tree, raw.url)
    url = raw.url or meta.canonical
    figures = page_figures(tree, url)

    authors = pick_authors(meta.author_groups, meta.site)
    hints = PageHints(
        title=meta.title,
        description=meta.description,
        authors=authors,
        section=meta.section,
        site=meta.site,
        captions=tuple(f.caption_text for f in figures),
    )
    blocks, removed = filter_blocks(trafilatura_blocks(tree, url, options.body), hints)
    text = paragraphs(blocks)
    if options.body.fast and _worth_retrying(tree, text, options):
        # The fast pass drops most of the article on a few layouts; trafilatura's default settings
        # (full comparison with its fallbacks, no recall bias) then keep it.
        default = BodyOptions(fast=False, favor_recall=False, include_tables=options.body.include_tables)
        blocks2, removed2 = filter_blocks(trafilatura_blocks(tree, url, default), hints)
        text2 = paragraphs(blocks2)
        if distinct_chars(blocks) < options.fallback_when_below * distinct_chars(blocks2):
            text, removed = text2, removed2
    if len(text.split()) < options.min_words:
        raise NothingToExtract("no article text found", input=raw.source.location)

    return Article(
        id=content_id(text),
        text=text,
        source=raw.source,
        url=meta.canonical or raw.url,
        title=meta.title,
        site=meta.site,
        section=meta.section,
        authors=authors,
        published=choose_date(meta, raw, url, options),
        language=choose_language(text, meta.declared_language),
        images=collect_images(figures, meta.jsonld_images, meta.og_image, url),
        removed=tuple(removed),
    )
