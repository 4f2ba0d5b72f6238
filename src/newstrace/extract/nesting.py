"""Markup nested deeper than the HTML parser goes: flattened before parsing, text kept.

libxml2 (under lxml, under trafilatura) stops building the tree at 256 levels of nesting and
drops what lies deeper, so a page that wraps its article in thousands of ``<div>`` elements
(broken generators, or hostile pages) would lose its text. Past ``MAX_DEPTH`` levels the element
tags are removed, their content left in place; a page that is not that deep is returned as it is.
"""

from __future__ import annotations

import re

MAX_DEPTH = 200
# A comment, a raw-text element (whose content is not markup), or one tag.
_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|textarea|title|xmp)\b[^>]*>.*?</\1\s*>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>",
    re.S | re.I,
)
# Void elements never nest; elements with implied end tags are closed by their siblings, so
# counting them would see depth that the parser does not build.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption head body html".split()
)
_SEARCH = 64  # how far down the open elements a closing tag is looked for (else it is stray)


def flatten_deep_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the tags of elements nested deeper than ``max_depth`` removed."""
    if html.count("<") <= max_depth:
        return html
    stack: list[tuple[str, bool]] = []  # open elements: (name, kept)
    kept = 0
    drops: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(html):
        name = m.group(3)
        if name is None:
            continue
        name = name.lower()
        if name in _FLAT or m.group(0).endswith("/>"):
            continue
        if not m.group(2):  # an opening tag
            keep = kept < max_depth
            stack.append((name, keep))
            kept += keep
            if not keep:
                drops.append(m.span())
            continue
        for back in range(1, min(_SEARCH, len(stack)) + 1):
            if stack[-back][0] == name:
                for _, was_kept in stack[-back:]:
                    kept -= was_kept
                if not stack[-back][1]:
                    drops.append(m.span())
                del stack[-back:]
                break
    if not drops:
        return html
    parts: list[str] = []
    at = 0
    for start, end in drops:
        parts.append(html[at:start])
        at = end
    parts.append(html[at:])
    return "".join(parts)
