"""Stable identifiers: the same content always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """Fold the differences that do not make a different article (case, spacing, Unicode form)."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_id(text: str) -> str:
    """The article id: 16 hex digits of SHA-256 over the normalised clean text."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()[:16]
