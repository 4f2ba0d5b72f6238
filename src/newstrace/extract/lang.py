"""Language identification with py3langid, whose model ships inside its wheel."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many letters a guess is noise; callers get None instead.
MIN_LETTERS = 12


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_letters: int = MIN_LETTERS) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, probability), or (None, 0.0) when the text is too short."""
    if sum(ch.isalpha() for ch in text) < min_letters:
        return None, 0.0
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)
