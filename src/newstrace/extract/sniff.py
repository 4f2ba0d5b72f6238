"""Tell HTML from plain text when the source did not say."""

from __future__ import annotations

import re

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|script|style|figure|img)\b[^>]*>", re.I)


def is_html(text: str, content_type: str | None = None) -> bool:
    if content_type:
        if "html" in content_type or "xml" in content_type:
            return True
        if content_type.startswith("text/plain"):
            return False
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    # Fragments without <html>: judge by tag density.
    return len(_TAG.findall(head)) >= 5
