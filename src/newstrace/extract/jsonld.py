"""Reading a page's JSON-LD: every object, flattened, and the one that describes the article."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "creativework",
    }
)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _loads(text: str) -> Any:
    text = text.strip()
    text = text.removeprefix("<!--")
    text = text.removesuffix("-->")
    text = text.strip().rstrip(";")
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            if key in node:
                yield from _walk(node[key], depth + 1)


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """All JSON-LD objects on the page, top-level and inside ``@graph``, in document order."""
    found: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _loads(script.text or "")
        if data is not None:
            found.extend(_walk(data))
    return found


def types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds if k}


_NOT_THE_PAGE = frozenset(
    {"organization", "newsmediaorganization", "person", "breadcrumblist", "listitem", "website",
     "imageobject", "videoobject", "searchaction", "sitenavigationelement", "place", "event"}
)


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The object describing the article: an Article-like type, the richest one first; failing
    that, a page-like object (``WebPage``, ``MedicalWebPage``...) that states a headline or date."""
    best = _richest(objects, lambda kinds: bool(kinds & ARTICLE_TYPES))
    if best is None:
        best = _richest(
            [o for o in objects if "headline" in o or "datePublished" in o],
            lambda kinds: not kinds & _NOT_THE_PAGE,
        )
    return best


def _richest(objects: list[dict[str, Any]], accept: Any) -> dict[str, Any] | None:
    best: tuple[int, int, dict[str, Any]] | None = None
    for position, obj in enumerate(objects):
        kinds = types_of(obj)
        if not accept(kinds):
            continue
        score = sum(k in obj for k in ("headline", "datePublished", "author", "articleBody"))
        if "creativework" in kinds and not kinds - {"creativework"}:
            score -= 2
        if best is None or (score, -position) > (best[0], best[1]):
            best = (score, -position, obj)
    return best[2] if best else None


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, list, or object with a name."""
    if isinstance(value, str):
        value = html.unescape(value).strip() if "&" in value else value.strip()
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            text = text_of(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "headline"):
            if key in value:
                return text_of(value[key])
    return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
