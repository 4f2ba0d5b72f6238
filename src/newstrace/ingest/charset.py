"""Turning fetched bytes into text: the charset from headers, the page's own meta, or detection.

Order of trust: a byte-order mark; bytes that decode strictly as UTF-8 (mislabelled UTF-8 pages are
common, while legacy text almost never forms valid UTF-8); bytes that are UTF-8 with a few invalid
bytes in it (see :func:`damaged_utf8`: the invalid bytes are replaced and counted, and the page is
never read whole in another charset because of them); the transport's declaration (HTTP header,
WARC); the ``<meta charset>`` / ``http-equiv`` declaration in the first few kilobytes;
charset-normalizer's guess; finally UTF-8 with replacement characters. A declared charset that fails
to decode the bytes strictly is skipped rather than trusted.
"""

from __future__ import annotations

import codecs
import re
import threading

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
BOMS = (  # byte-order marks and the codec that reads them
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 4096
# A well-formed multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_REPLACEMENT = "\ufffd"


def charset_from_content_type(content_type: str | None) -> str | None:
    """``text/html; charset=ISO-8859-1`` -> ``iso-8859-1`` (None when the header names none)."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _known(match.group(1)) if match else None


def declared_in_markup(content: bytes) -> str | None:
    """The charset the document declares about itself in its first kilobytes, if any."""
    head = content[:SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _known(match.group(1).decode("ascii", "replace")) if match else None


def _known(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    # Browsers read pages labelled Latin-1 / ASCII as windows-1252; so do we.
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def damaged_utf8(content: bytes) -> tuple[str, int] | None:
    """``(text, invalid bytes replaced)`` when ``content`` is UTF-8 with some invalid bytes in it.

    It is, when its well-formed multi-byte sequences outnumber its invalid bytes: text in a
    legacy single-byte charset (cp1252, koi8-r) almost never forms a multi-byte sequence, so
    its non-ASCII bytes are nearly all invalid, while a UTF-8 page damaged by a few stray bytes
    keeps every other sequence intact. None for anything else (strictly valid UTF-8 included).
    """
    _counter.bytes = 0
    text = content.decode("utf-8", errors=_COUNTING)
    invalid = _counter.bytes
    if invalid <= 0:
        return None
    valid = sum(1 for _ in _UTF8_MULTIBYTE.finditer(content))
    return (text, invalid) if valid > invalid else None


class _Counter(threading.local):
    bytes = 0


_counter = _Counter()
_COUNTING = "newstrace-count-replace"


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _counter.bytes += error.end - error.start
    return _REPLACEMENT, error.end


codecs.register_error(_COUNTING, _count_and_replace)


def _try(content: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(content: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)`` for ``content``; never raises on bad bytes."""
    for bom, name in BOMS:
        if content.startswith(bom):
            text = _try(content, name)
            if text is not None:
                return text, name
    named = _known(declared) if declared else None
    if named and named.startswith("utf-16") or named and named.startswith("utf-32"):
        text = _try(content, named)
        if text is not None:
            return text, named
    # Bytes that decode strictly as UTF-8 are UTF-8 in practice, whatever the label says
    # (a legacy multi-byte or single-byte text almost never forms valid UTF-8 sequences).
    text = _try(content, "utf-8")
    if text is not None:
        return text, "utf-8"
    damaged = damaged_utf8(content)
    if damaged is not None:
        return damaged[0], "utf-8"
    for candidate in (named, declared_in_markup(content)):
        text = _try(content, candidate)
        if text is not None:
            return text, candidate or "utf-8"
    best = from_bytes(content[: 1 << 20]).best()
    if best is not None and best.encoding:
        text = _try(content, best.encoding)
        if text is not None:
            return text, best.encoding
    return content.decode("utf-8", errors="replace"), "utf-8"
