"""Language identification with py3langid, whose model ships inside its wheel.

Two checks around the detector: a detection whose language is not written in the text's own script
is a guess from a script the model never saw (Cherokee read as Korean), and is reported as
undetermined (``und``); and :func:`other_language_parts` finds the paragraphs of an article that are
confidently in another language than the article's, so analysis built for one language can leave
them out.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newstrace.lang.scripts import LATIN, UNDETERMINED, WRITTEN_IN
from newstrace.model import LanguagePart, Span

# Below this many letters a guess is noise; callers get None instead.
MIN_LETTERS = 12
# A paragraph needs this many letters, and the detector this much certainty, to count as another language.
PART_LETTERS = 80
PART_CERTAINTY = 0.95
# A paragraph with this share of the article language's function words is in that language.
FUNCTION_SHARE = 0.12
_WORD = re.compile(r"\w+")
# Scripts shared by many languages' texts (digits, punctuation have no script word of their own).
_SHARED = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def script_of(ch: str) -> str | None:
    """The script word of a letter's Unicode name ("LATIN", "CYRILLIC", "CJK", "CHEROKEE")."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    return name.split(" ", 1)[0]


def main_script(text: str) -> str | None:
    counts = Counter(s for s in (script_of(ch) for ch in text if ch.isalpha()) if s)
    return counts.most_common(1)[0][0] if counts else None


def detect_language(text: str, *, min_letters: int = MIN_LETTERS) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, probability), or (None, 0.0) when the text is too short, or
    (``"und"``, probability) when the text's script is not one the detected language is written in."""
    if sum(ch.isalpha() for ch in text) < min_letters:
        return None, 0.0
    lang, prob = _identifier().classify(text)
    lang = str(lang)
    script = main_script(text)
    if lang == "zxx" or (script is not None and script not in WRITTEN_IN.get(lang, LATIN)):
        return UNDETERMINED, float(prob)
    return lang, float(prob)


def _function_words(language: str) -> frozenset[str]:
    """The language's function words, where the language-data package has them."""
    try:
        module = importlib.import_module(f"newstrace.lang.{language}.function_words")
    except ImportError:
        return frozenset()
    return frozenset(getattr(module, "FUNCTION_WORDS", ()))


def other_language_parts(text: str, language: str | None) -> tuple[LanguagePart, ...]:
    """Paragraphs of ``text`` confidently in another language than ``language``.

    A paragraph where the language's function words are frequent is taken as its without asking
    the detector (cheap, and right for the mass of an article); a short one is left alone.
    """
    if not language or language == UNDETERMINED:
        return ()
    common = _function_words(language)
    parts: list[LanguagePart] = []
    start = 0
    for piece in re.split(r"(\n\s*\n)", text):
        end = start + len(piece)
        if sum(ch.isalpha() for ch in piece) >= PART_LETTERS:
            words = [w.lower() for w in _WORD.findall(piece)]
            if not (common and words and sum(w in common for w in words) / len(words) >= FUNCTION_SHARE):
                found, prob = detect_language(piece)
                if found and found != language and prob >= PART_CERTAINTY:
                    lead = len(piece) - len(piece.lstrip())
                    parts.append(LanguagePart(Span(start + lead, start + len(piece.rstrip())), found))
        start = end
    return tuple(parts)
