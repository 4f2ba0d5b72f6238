"""RawDocument to Article: decode, tell HTML from text, clean, identify."""

from __future__ import annotations

import dataclasses
import importlib.util

from newstrace.errors import NothingToExtract
from newstrace.extract.decode import decode_document
from newstrace.extract.lang import detect_language
from newstrace.extract.sniff import is_html
from newstrace.extract.text import clean_plain_text
from newstrace.ids import content_id
from newstrace.model import Article, RawDocument

__all__ = ["extract_article", "html_extraction_available"]


def html_extraction_available() -> bool:
    return importlib.util.find_spec("newstrace.extract.html") is not None


def _from_html(raw: RawDocument, text: str) -> Article:
    if not html_extraction_available():
        raise NothingToExtract("is HTML, and the HTML extractor is not installed", input=raw.source.location)
    from newstrace.extract.html import extract_html

    return extract_html(raw, text=text)


def extract_article(raw: RawDocument, *, keep_raw_text: bool = False) -> Article:
    """Build the Article for one RawDocument.

    ``keep_raw_text`` takes the decoded input as the article text unchanged, so
    offsets index the input itself (benchmarks on annotated corpora need this).
    """
    decoded = decode_document(raw.content, raw.source.location, raw.encoding)
    article = _extract(raw, decoded.text, keep_raw_text)
    return dataclasses.replace(article, invalid_bytes=decoded.invalid_bytes) if decoded.invalid_bytes else article


def _extract(raw: RawDocument, text: str, keep_raw_text: bool) -> Article:
    location = raw.source.location
    if keep_raw_text:
        lang, _ = detect_language(text[:20_000])
        return Article(id=content_id(text), text=text, source=raw.source, url=raw.url, language=lang)
    if is_html(text, raw.content_type):
        return _from_html(raw, text)
    cleaned = clean_plain_text(text)
    if not cleaned.text.strip():
        raise NothingToExtract("has no article text after cleaning", input=location)
    return Article(
        id=content_id(cleaned.text),
        text=cleaned.text,
        source=raw.source,
        url=raw.url,
        title=cleaned.title,
        authors=cleaned.authors,
        language=cleaned.language,
        images=cleaned.images,
        removed=cleaned.removed,
    )
