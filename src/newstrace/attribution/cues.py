"""Reading a word as a cue: lemmas and cue classes over the word lists of :mod:`newstrace.lang.en`.

The lists themselves live in the language-data package; this module only
folds inflections the lemmatiser missed and says which class a cue lemma is in.
"""

from __future__ import annotations

from newstrace.lang.en.reporting_verbs import (
    BELIEF_VERBS,
    COMMUNICATION_VERBS,
    IRREGULAR_FORMS,
    NAMING_VERBS,
    SPEECH_VERBS,
)

# Cue verbs that by themselves usually report a statement (not a belief): a clause alone is then
# enough to make a quote.
STRONG_SPEECH_VERBS = SPEECH_VERBS - frozenset(
    "believe think feel fear hope expect doubt worry continue point describe".split()
)


def verb_lemma(word: str, lemma: str) -> str:
    """A robust lemma: trust the model, but fold common inflections when it did not."""
    low = word.lower()
    if low in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[low]
    lem = lemma.lower() if lemma else low
    if lem in SPEECH_VERBS or lem in NAMING_VERBS or lem in COMMUNICATION_VERBS:
        return lem
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if low.endswith(suffix):
            cand = low[: -len(suffix)] + repl
            if cand in SPEECH_VERBS or cand in COMMUNICATION_VERBS:
                return cand
    # doubled consonant: "admitted" -> "admit"
    if low.endswith(("tted", "pped", "nned", "rred")) and low[:-3] in SPEECH_VERBS:
        return low[:-3]
    return lem


def cue_class(lemma: str) -> str | None:
    """'speech' for a verb of communication, 'belief' for one of holding a view, else None."""
    if lemma in COMMUNICATION_VERBS or lemma in NAMING_VERBS:
        return "speech"
    if lemma in BELIEF_VERBS:
        return "belief"
    return None
