"""Images with their captions and photo credits, which trafilatura drops.

Sources, merged by image URL: ``<figure>``/``<figcaption>`` (and WordPress ``wp-caption`` blocks),
the JSON-LD ``image`` objects, and the ``og:image`` lead image. Credits come from a dedicated
element inside the caption when the page marks one, else from splitting the caption text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newstrace.extract.credits import join_credit
from newstrace.extract.jsonld import text_of
from newstrace.model import Image

_WS = re.compile(r"\s+")
_FIGURES = (
    "//figure[not(ancestor::figure)]"
    ' | //*[contains(concat(" ", normalize-space(@class), " "), " wp-caption ")][not(ancestor::figure)]'
)
_CREDIT_CLASS = re.compile(
    r"credit|copyright|byline|attribution|photographer|courtesy|source|author|rights", re.IGNORECASE
)
_CAPTION_CLASS = re.compile(r"caption|legend|description|desc\b|text", re.IGNORECASE)
# Words in a container's class or id that mark other stories' pictures. Matched as whole parts of
# the class ("related-posts", "recirc_module"), since article layouts put their own figures in
# "header", "card" or "sidebar" containers and sites put feature flags on <body>.
_OFF_WORDS = frozenset(
    ["related", "recommended", "recommendations", "recommend", "promo", "promoted", "teaser", "teasers", "outbrain", "taboola", "trending", "popular", "mostread", "newsletter", "sponsored", "sponsor", "recirc", "recirculation"]
)
_GALLERY_COUNTER = re.compile(r"^\s*\d+\s*(?:of|/)\s*\d+\s*", re.IGNORECASE)
_PARTS = re.compile(r"[\s_-]+")
_NOT_A_PHOTO = re.compile(r"\.svg$|\.gif$|placeholder|spacer|blank\.|missing-image|loader|lazy|/icons?/|logo|pixel", re.IGNORECASE)
_IMG_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-srcset", "srcset", "data-hi-res-src")


@dataclass(frozen=True, slots=True)
class Figure:
    image: Image
    caption_text: str  # the caption as it reads on the page, credit included (for body cleaning)


def _text(node: HtmlElement | None) -> str:
    if node is None:
        return ""
    parts = [t for t in node.itertext() if t and t.strip()]
    return _WS.sub(" ", " ".join(parts)).strip()


def _img_url(node: HtmlElement, base: str | None) -> str | None:
    """The first real picture URL in ``node``: lazy-loading placeholders are skipped."""
    for img in node.iter("img", "source", "amp-img"):
        for attr in _IMG_ATTRS:
            value = (img.get(attr) or "").strip()
            if not value or value.startswith("data:"):
                continue
            value = value.split(",")[0].strip().split(" ")[0]
            if not value or _NOT_A_PHOTO.search(urlsplit(value).path):
                continue
            return urljoin(base, value) if base else value
    meta = node.xpath('.//meta[@itemprop="url"]/@content')
    return urljoin(base or "", meta[0]) if meta else None


def _off_article(node: HtmlElement) -> bool:
    for anc in node.iterancestors():
        if anc.tag in ("body", "html"):
            break
        if anc.tag in ("nav", "aside", "footer"):
            return True
        marker = f"{anc.get('class') or ''} {anc.get('id') or ''}".lower()
        if marker.strip() and not _OFF_WORDS.isdisjoint(_PARTS.split(marker)):
            return True
    return False


def _caption_and_credit(figure: HtmlElement) -> tuple[str, str | None, str | None]:
    cap = figure.find(".//figcaption")
    if cap is None:
        for node in figure.iterdescendants():
            if isinstance(node.tag, str) and _CAPTION_CLASS.search(node.get("class") or ""):
                cap = node
                break
    credit_nodes = [
        node
        for node in figure.iterdescendants()
        if isinstance(node.tag, str)
        and node.tag not in ("img", "source", "picture")
        and _CREDIT_CLASS.search(f"{node.get('class') or ''} {node.get('itemprop') or ''}")
        and _text(node)
    ]
    # Keep the outermost credit nodes only.
    outer = [n for n in credit_nodes if not any(a in credit_nodes for a in n.iterancestors())]
    credit_text = " ".join(_text(n) for n in outer) or None
    full = _text(cap)
    if credit_text and credit_text not in full:
        full = f"{full} {credit_text}".strip()
    caption = full
    if credit_text:
        caption = full.replace(credit_text, " ")
    cleaned, credit = join_credit(_GALLERY_COUNTER.sub("", caption), credit_text)
    return full, cleaned, credit


_SIZE_SUFFIX = re.compile(r"[-_](?:\d{2,4}x\d{2,4}|\d{2,4}w|scaled)(?=\.\w+$)")


def _key(url: str | None) -> str | None:
    """The same picture in several sizes shares a key: its file name without a size suffix."""
    if not url:
        return None
    path = urlsplit(url).path.rstrip("/")
    name = _SIZE_SUFFIX.sub("", path.rsplit("/", 1)[-1])
    if len(name) >= 10 and "." in name:
        return name.lower()
    return (urlsplit(url).netloc.lower() + path).lower()


def page_figures(tree: HtmlElement, base_url: str | None) -> list[Figure]:
    """Every captioned or pictured figure in the article part of the page, in document order."""
    figures: list[Figure] = []
    nodes = tree.xpath(_FIGURES)
    # Some layouts put the <figcaption> beside the <figure>, not in it: take the pair's parent.
    nodes += [cap.getparent() for cap in tree.xpath("//figcaption[not(ancestor::figure)]")]
    for node in nodes:
        if _off_article(node):
            continue
        url = _img_url(node, base_url)
        if url is None and node.find(".//figcaption") is None:
            continue
        full, caption, credit = _caption_and_credit(node)
        if not (url or caption or credit):
            continue
        figures.append(Figure(Image(url, caption, credit), full))
    return figures


def jsonld_image(item: dict[str, Any], base_url: str | None) -> Image | None:
    url = text_of(item.get("url")) or text_of(item.get("contentUrl"))
    if url and base_url:
        url = urljoin(base_url, url)
    caption = text_of(item.get("caption")) or text_of(item.get("description"))
    credit = None
    for key in ("creditText", "copyrightHolder", "author", "creator", "copyrightNotice"):
        credit = text_of(item.get(key))
        if credit:
            break
    caption, credit = join_credit(caption, credit)
    if not (url or caption):
        return None
    return Image(url, caption, credit)


def collect_images(
    figures: list[Figure],
    jsonld_items: tuple[dict[str, Any], ...],
    og_image: str | None,
    base_url: str | None,
) -> tuple[Image, ...]:
    """Lead image first, then the figures; one entry per image URL, the richest one kept."""
    ordered: list[Image] = []
    by_key: dict[str, int] = {}

    def add(image: Image, *, lead: bool = False, marked_up: bool = False) -> None:
        key = _key(image.url)
        if key and key in by_key:
            index = by_key[key]
            old = ordered[index]
            if marked_up and (image.caption or image.credit):  # the page's own figure wins
                ordered[index] = Image(old.url, image.caption, image.credit or old.credit)
            else:
                ordered[index] = Image(old.url, old.caption or image.caption, old.credit or image.credit)
            return
        if image.url is None and image.caption and any(i.caption == image.caption for i in ordered):
            return
        if lead:
            ordered.insert(0, image)
            for k in by_key:
                by_key[k] += 1
        else:
            ordered.append(image)
        if key:
            by_key[key] = 0 if lead else len(ordered) - 1

    lead_url = urljoin(base_url, og_image) if og_image and base_url else og_image
    ld_images = [img for item in jsonld_items if (img := jsonld_image(item, base_url))]
    if lead_url:
        # og:image:alt describes the picture for screen readers; it is not a caption.
        add(Image(lead_url, None, None), lead=True)
    elif ld_images:
        add(ld_images[0], lead=True)
    for image in ld_images:
        if image.caption or image.credit:  # uncaptioned JSON-LD images are size variants of the lead
            add(image)
    for figure in figures:
        add(figure.image, marked_up=True)
    return tuple(ordered)
