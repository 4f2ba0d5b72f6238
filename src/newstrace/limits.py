"""Resource limits: how much of one document newstrace reads and analyses.

Pages from the open web can be of any size and shape. Each limit below keeps the memory and
time one document can take bounded (aim: a worker stays under 1 GB and 60 s whatever it is
given), and each has a safe default, an environment variable to change it, and a one-line
error or a recorded cut when it is reached (docs/limits.md)::

    setting                        default     when reached
    NEWSTRACE_MAX_INPUT_BYTES      10 MiB      the document is refused (decompression stops there)
    NEWSTRACE_MAX_TEXT_CHARS       150,000     the clean text is cut at a paragraph; the cut is recorded
    NEWSTRACE_MAX_SENTENCE_WORDS   250         a longer run of words is split into sentences of this size
    NEWSTRACE_MAX_QUOTES           1,000       later quotes are left out; the cut is recorded
    NEWSTRACE_MAX_QUOTE_CHARS      5,000       a longer quote's content is cut; the cut is recorded
    NEWSTRACE_MAX_RECORD_BYTES     16 MiB      the document is refused (its record is too large to store)
    NEWSTRACE_DOC_SECONDS          60          batch: the document is a failure (time), the worker goes on
    NEWSTRACE_DOC_MEMORY_MB        1,024       batch: the worker is stopped; the document is a failure (memory)

A limit is a positive whole number; anything else is a :class:`~newstrace.errors.ConfigError`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass

from newstrace.errors import ConfigError, InputTooLarge

# Text is handed to the NLP pipeline in sections of at most this many characters (cut at a
# paragraph or line break), so spaCy's working memory stays that of one ordinary article.
SECTION_CHARS = 50_000


@dataclass(frozen=True, slots=True)
class Limits:
    input_bytes: int = 10 * 1024 * 1024
    text_chars: int = 150_000
    sentence_words: int = 250
    quotes: int = 1_000
    quote_chars: int = 5_000
    record_bytes: int = 16 * 1024 * 1024
    doc_seconds: int = 60
    doc_memory_mb: int = 1024

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ConfigError(f"limit {ENV_NAMES[f.name]} must be a positive whole number, not {value!r}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by the NEWSTRACE_MAX_* / NEWSTRACE_DOC_* variables that are set."""
        environ = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name, variable in ENV_NAMES.items():
            raw = environ.get(variable)
            if raw is None or not raw.strip():
                continue
            try:
                values[name] = int(raw.strip().replace("_", ""))
            except ValueError:
                raise ConfigError(f"{variable}={raw!r} must be a positive whole number") from None
            if values[name] <= 0:
                raise ConfigError(f"{variable}={raw!r} must be a positive whole number")
        return cls(**values)


ENV_NAMES: dict[str, str] = {
    "input_bytes": "NEWSTRACE_MAX_INPUT_BYTES",
    "text_chars": "NEWSTRACE_MAX_TEXT_CHARS",
    "sentence_words": "NEWSTRACE_MAX_SENTENCE_WORDS",
    "quotes": "NEWSTRACE_MAX_QUOTES",
    "quote_chars": "NEWSTRACE_MAX_QUOTE_CHARS",
    "record_bytes": "NEWSTRACE_MAX_RECORD_BYTES",
    "doc_seconds": "NEWSTRACE_DOC_SECONDS",
    "doc_memory_mb": "NEWSTRACE_DOC_MEMORY_MB",
}


def over_limit(what: str, name: str, limits: Limits, location: str | None) -> InputTooLarge:
    """The one-line error for a document over the limit ``name`` (a field of :class:`Limits`)."""
    unit = UNITS.get(name, "")
    return InputTooLarge(f"{what} (limit {getattr(limits, name):,}{unit}, set by {ENV_NAMES[name]})", input=location)


UNITS = {
    "input_bytes": " bytes",
    "text_chars": " characters",
    "sentence_words": " words",
    "quote_chars": " characters",
    "record_bytes": " bytes",
    "doc_seconds": " s",
    "doc_memory_mb": " MB",
}
