"""Bytes to text: honour what the transport declared, then check, then detect.

Refusing is better than guessing wrong: a file that is binary, or that no
plausible encoding decodes, raises a typed error naming the input.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newstrace.errors import BinaryInput, EmptyInput, EncodingError
from newstrace.ingest.charset import BOMS, declared_in_markup

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Real text has almost no control characters; a few stray ones are tolerated.
MAX_CONTROL_RATIO = 0.01


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NULs in every other byte of ASCII-range text."""
    head = data[:4096]
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            text = _try(data, encoding)
            if text is not None and not _CONTROL.search(text[:4096]):
                return text
    return None


def _check_text(text: str, location: str) -> str:
    if not text.strip():
        raise EmptyInput("contains only whitespace", input=location)
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > MAX_CONTROL_RATIO * min(len(text), 100_000):
        raise BinaryInput("looks binary (control characters), not text or HTML", input=location)
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, location: str, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise EmptyInput / BinaryInput / EncodingError."""
    if not data.strip():
        raise EmptyInput("is empty", input=location)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise EncodingError(f"has a {encoding} byte-order mark but does not decode as it", input=location)
            return _check_text(text, location)
    if _looks_binary(data):
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return _check_text(utf16, location)
        raise BinaryInput("looks binary (NUL bytes), not text or HTML", input=location)
    # Strict UTF-8 first: mislabelled UTF-8 is common, while legacy text almost never
    # happens to be valid UTF-8 (the same order as ingest.charset).
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    declared_in_page = declared_in_markup(data)
    if declared_in_page:
        candidates.append(declared_in_page)
    for encoding in candidates:
        text = _try(data, encoding)
        if text is not None:
            return _check_text(text, location)
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise EncodingError("is in an unknown encoding (not UTF-8 and no encoding detected)", input=location)
    text = _try(data, best.encoding)
    if text is None:
        raise EncodingError(f"does not decode as the detected encoding {best.encoding}", input=location)
    return _check_text(text, location)
