"""Page-level metadata an HTML page declares: JSON-LD first, then meta tags, then markup.

Nothing here reads the article text: these are the page's own statements about itself (title,
site, section, canonical URL, declared language, publication date, author candidates, the lead
image and the JSON-LD ``articleBody``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newstrace.extract.jsonld import (
    article_object,
    as_list,
    jsonld_objects,
    text_of,
    types_of,
)
from newstrace.ingest.dates import normalise_date
from newstrace.model import PublishedDate

_SPACE = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|/|:)\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|\b)")

# Meta keys that state a publication date, strongest first.
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "original-publish-date",
    "date",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)
_SECTION_KEYS = ("article:section", "parsely-section", "section", "category", "article.section")


def clean_space(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    site: str | None = None
    section: str | None = None
    canonical: str | None = None
    declared_language: str | None = None
    published: PublishedDate | None = None
    author_groups: tuple[tuple[str, ...], ...] = ()  # candidates per source, strongest first
    article_body: str | None = None
    description: str | None = None
    jsonld_images: tuple[dict[str, Any], ...] = ()
    og_image: str | None = None


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents keyed by lower-cased property / name / itemprop (first one wins)."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def strip_site_suffix(title: str, site: str | None, url: str | None) -> str:
    """``"Headline | The Site"`` -> ``"Headline"`` when the suffix names the site (or its host)."""
    title = clean_space(title)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = {_squash(site)} if site else set()
    host = _host(url)
    if host:
        names.add(_squash(host.split(".")[-2] if host.count(".") else host))
        names.add(_squash(host))

    def is_site(segment: str) -> bool:
        squashed = _squash(segment)
        if not squashed:
            return False
        return squashed in names or any(n in squashed or squashed in n for n in names if len(n) > 2)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    # Rebuild from the original text so separators inside the headline survive.
    first, last = parts[0], parts[-1]
    start = title.find(first)
    end = title.rfind(last) + len(last)
    return title[start:end].strip() if start >= 0 and end > start else title


def _published(article: dict[str, Any] | None, objects: list[dict[str, Any]], tags: dict[str, str], tree: HtmlElement) -> PublishedDate | None:
    candidates: list[tuple[str, Any]] = []
    if article is not None:
        candidates += [("json-ld", article.get("datePublished")), ("json-ld", article.get("dateCreated"))]
    candidates += [("json-ld", obj.get("datePublished")) for obj in objects if obj is not article]
    for source, value in candidates:
        raw = text_of(value)
        iso = normalise_date(raw)
        if iso:
            return PublishedDate(iso, source, raw)
    for key in _DATE_KEYS:
        raw = tags.get(key)
        iso = normalise_date(raw)
        if iso:
            return PublishedDate(iso, "meta", raw)
    for node in tree.xpath(
        './/*[@itemprop="datePublished"] | .//time[@pubdate] | .//time[contains(@class, "publish")]'
    )[:5]:
        raw = node.get("datetime") or node.get("content") or clean_space(node.text_content())
        iso = normalise_date(raw)
        if iso:
            return PublishedDate(iso, "microdata", raw)
    return None


def date_from_url(url: str | None) -> PublishedDate | None:
    """``/2019/11/19/`` in a URL path, the last resort for a page that declares no date."""
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    iso = normalise_date("-".join(match.groups()))
    return PublishedDate(iso, "url", match.group(0).strip("/")) if iso else None


def _person_names(value: Any) -> tuple[str, ...]:
    names: list[str] = []
    for item in as_list(value):
        if isinstance(item, dict):
            kinds = types_of(item)
            if kinds and "person" not in kinds:
                continue
            name = text_of(item.get("name"))
        else:
            name = text_of(item)
        if name:
            names.append(name)
    return tuple(names)


def _markup_authors(tree: HtmlElement) -> tuple[str, ...]:
    found: list[str] = []
    for node in tree.xpath(
        './/*[@rel="author"] | .//*[@itemprop="author"] | .//*[contains(@class, "byline")]'
    )[:6]:
        inner = node.xpath('.//*[@itemprop="name"]')
        if inner:
            node = inner[0]
        text = node.get("content") or clean_space(node.text_content())
        if text and len(text) < 120:
            found.append(text)
    return tuple(found)


def _lang_of(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().replace("_", "-").split("-")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def read_page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    objects = jsonld_objects(tree)
    article = article_object(objects)
    tags = meta_tags(tree)
    art = article or {}

    site = None
    publisher = art.get("publisher")
    for value in (tags.get("og:site_name"), text_of(publisher) if publisher else None, tags.get("application-name")):
        if value and not value.startswith("http"):
            site = clean_space(value)
            break
    if site is None:
        for obj in objects:
            if "website" in types_of(obj) and text_of(obj.get("name")):
                site = clean_space(text_of(obj.get("name")))
                break

    title_raw = text_of(art.get("headline")) or tags.get("og:title") or tags.get("twitter:title")
    if not title_raw:
        node = tree.find(".//title")
        title_raw = node.text_content() if node is not None else None
    title = strip_site_suffix(title_raw, site, url) if title_raw else None

    section = text_of(art.get("articleSection"))
    for key in _SECTION_KEYS:
        if section:
            break
        section = tags.get(key)

    canonical = None
    for link in tree.iterfind(".//link[@rel]"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    canonical = canonical or tags.get("og:url")
    if canonical and url:
        canonical = urljoin(url, canonical)
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = None

    declared = _lang_of(tree.get("lang") or tree.get("xml:lang"))
    declared = declared or _lang_of(tags.get("content-language")) or _lang_of(tags.get("og:locale"))
    declared = declared or _lang_of(text_of(art.get("inLanguage")))

    author_groups = (
        _person_names(art.get("author")),
        tuple(
            v
            for key in _AUTHOR_KEYS
            if (v := tags.get(key)) and not v.startswith(("http://", "https://", "@"))
        ),
        _markup_authors(tree),
    )

    images: list[dict[str, Any]] = []
    for item in as_list(art.get("image")) + as_list(art.get("associatedMedia")):
        if isinstance(item, str):
            images.append({"url": item})
        elif isinstance(item, dict):
            images.append(item)

    return PageMeta(
        title=title or None,
        site=site,
        section=clean_space(section) or None,
        canonical=canonical,
        declared_language=declared,
        published=_published(article, objects, tags, tree),
        author_groups=tuple(g for g in author_groups if g),
        article_body=text_of(art.get("articleBody")),
        description=tags.get("og:description") or tags.get("description"),
        jsonld_images=tuple(images),
        og_image=tags.get("og:image") or tags.get("og:image:url") or tags.get("twitter:image"),
    )
