"""Bytes to text: honour what the transport declared, then check, then detect.

Refusing is better than guessing wrong: a file that is binary, or that no
plausible encoding decodes, raises a typed error naming the input. A UTF-8 page
with a few invalid bytes stays UTF-8: those bytes become U+FFFD and are counted
(``Decoded.invalid_bytes``, kept in the article record), never a reason to read
the whole page in some single-byte charset.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from charset_normalizer import from_bytes

from newstrace.errors import BinaryInput, EmptyInput, EncodingError
from newstrace.ingest.charset import BOMS, damaged_utf8, declared_in_markup


class Decoded(NamedTuple):
    text: str
    encoding: str
    invalid_bytes: int = 0  # bytes that were not valid in ``encoding``, replaced by U+FFFD

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
    return decode_document(data, location, declared).text


def decode_document(data: bytes, location: str, declared: str | None = None) -> Decoded:
    """Like :func:`decode_bytes`, also saying which encoding was used and how many bytes were invalid."""
    if not data.strip():
        raise EmptyInput("is empty", input=location)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise EncodingError(f"has a {encoding} byte-order mark but does not decode as it", input=location)
            return Decoded(_check_text(text, location), encoding)
    if _looks_binary(data):
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return Decoded(_check_text(utf16, location), "utf-16")
        raise BinaryInput("looks binary (NUL bytes), not text or HTML", input=location)
    # Strict UTF-8 first: mislabelled UTF-8 is common, while legacy text almost never
    # happens to be valid UTF-8 (the same order as ingest.charset).
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(_check_text(text, location), "utf-8")
    damaged = damaged_utf8(data)
    if damaged is not None:
        return Decoded(_check_text(damaged[0], location), "utf-8", damaged[1])
    candidates = [c for c in (declared, declared_in_markup(data)) if c]
    for encoding in candidates:
        text = _try(data, encoding)
        if text is not None:
            return Decoded(_check_text(text, location), encoding)
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise EncodingError("is in an unknown encoding (not UTF-8 and no encoding detected)", input=location)
    text = _try(data, best.encoding)
    if text is None:
        raise EncodingError(f"does not decode as the detected encoding {best.encoding}", input=location)
    return Decoded(_check_text(text, location), best.encoding)
