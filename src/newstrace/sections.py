"""Where to cut a text so each piece the NLP pipeline sees is small (newstrace.limits).

spaCy's working memory grows with the length of the text it is given, and the attribution
stage's work with the length of a sentence. So the NLP stage analyses a text in sections of at
most ``SECTION_CHARS`` characters, cut after a line break where there is one (a paragraph end:
no sentence crosses it, so the analysis is the same), and a run of more than
``limits.sentence_words`` words with no sentence-final punctuation or line break in it is cut
every that many words (each piece becomes a sentence of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A stretch with no sentence-final punctuation and no line break: no sentence can end inside it.
_RUN = re.compile(r"[^.!?…\n]+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Plan:
    cuts: tuple[int, ...]  # offsets where a new section starts (0 not included)
    long_runs: int = 0  # runs of words cut for being longer than the sentence limit
    longest_run: int = 0  # words in the longest of them


def long_run_cuts(text: str, max_words: int) -> tuple[list[int], int, int]:
    """Cut offsets inside runs of more than ``max_words`` words that no sentence end can split."""
    cuts: list[int] = []
    runs = longest = 0
    min_chars = 2 * max_words - 1  # a run of that many words has at least this many characters
    for run in _RUN.finditer(text):
        if run.end() - run.start() < min_chars:
            continue
        starts = [w.start() for w in _WORD.finditer(text, run.start(), run.end())]
        if len(starts) <= max_words:
            continue
        runs += 1
        longest = max(longest, len(starts))
        cuts.extend(starts[max_words::max_words])
    return cuts, runs, longest


def size_cuts(text: str, max_chars: int, forced: list[int] = ()) -> list[int]:  # type: ignore[assignment]
    """Offsets that cut ``text`` into sections of at most ``max_chars``, after a line break where possible."""
    cuts: list[int] = []
    start = 0
    pending = sorted(forced)
    while len(text) - start > max_chars:
        end = start + max_chars
        while pending and pending[0] <= start:
            pending.pop(0)
        if pending and pending[0] <= end:  # a forced cut comes first
            start = pending.pop(0)
            continue
        floor = start + max_chars // 2
        cut = text.rfind("\n", floor, end) + 1
        if cut <= 0:
            cut = max(text.rfind(". ", floor, end) + 2, text.rfind(" ", floor, end) + 1)
        if cut <= start:
            cut = end
        cuts.append(cut)
        start = cut
    return cuts


def plan_sections(text: str, max_chars: int, max_words: int) -> Plan:
    forced, runs, longest = long_run_cuts(text, max_words)
    cuts = sorted(set(forced) | set(size_cuts(text, max_chars, forced)))
    return Plan(tuple(c for c in cuts if 0 < c < len(text)), runs, longest)


def pieces(text: str, cuts: tuple[int, ...] | list[int]) -> list[tuple[int, int]]:
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
