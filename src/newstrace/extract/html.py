"""HTML page -> :class:`~newstrace.model.Article`.

trafilatura finds the main text; this module adds what it lacks: paragraphs, a title without the
site suffix, clean author names, the page's own declared publication date (None when it declares
none, never a guess), language checked against the text, and images with captions and credits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newstrace.errors import NothingToExtract
from newstrace.extract.authors import pick_authors
from newstrace.extract.body import BodyOptions, paragraphs, trafilatura_blocks
from newstrace.extract.boilerplate import PageHints, filter_blocks
from newstrace.extract.captions import collect_images, page_figures
from newstrace.extract.dates import normalise_date
from newstrace.extract.html_meta import PageMeta, date_from_url, read_page_meta
from newstrace.extract.lang import detect_language
from newstrace.ids import content_id
from newstrace.ingest.charset import charset_from_content_type, decode_bytes
from newstrace.model import Article, PublishedDate, RawDocument

# A declared language is trusted over the detector when the detector is this unsure.
_WEAK_DETECTION = 0.5
_DETECT_CHARS = 4000  # enough text to tell a language; the detector's cost grows with length


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    body: BodyOptions = field(default_factory=BodyOptions)
    date_from_url: bool = True  # use /2019/11/19/ in the URL when the page declares no date
    min_words: int = 5  # fewer words than this is no article
    retry_below: int = 800  # characters: a shorter fast extraction is retried in full mode


def parse_html(raw: RawDocument, text: str | None = None) -> HtmlElement:
    """Parse ``text``, or ``raw.content`` decoded (transport charset, meta, detection), with lxml."""
    if text is None:
        declared = raw.encoding or charset_from_content_type(raw.content_type)
        text, _ = decode_bytes(raw.content, declared)
    tree = load_html(text) if text.strip() else None
    if tree is None:
        raise NothingToExtract("no HTML document to parse", input=raw.source.location)
    return tree


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
    if len(text) < options.retry_below and options.body.fast:
        # Fast mode fails outright on a few layouts; the full comparison with fallbacks then helps.
        slow = replace(options.body, fast=False)
        blocks2, removed2 = filter_blocks(trafilatura_blocks(tree, url, slow), hints)
        text2 = paragraphs(blocks2)
        if len(text2) > len(text):
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
