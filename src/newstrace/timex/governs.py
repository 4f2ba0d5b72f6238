"""Which word a time expression modifies, read from a dependency parse.

"Putin said on Tuesday that ..." dates the saying; "Putin thanked the Americans for information that
helped prevent attacks in 2017" does not ("in 2017" goes with "prevent"), nor does "the company,
founded in 1999, said" ("founded"). :func:`modifies` answers that for one expression and one word,
so that a quote's ``said_on`` is the date of its reporting verb and nothing else in the sentence.

The parse is a spaCy ``Doc`` (any object with ``char_span`` and tokens carrying ``head``, ``dep_``,
``pos_``, ``i``), passed in by the caller: this module imports no NLP library.
"""

from __future__ import annotations

from typing import Any

from newstrace.model import Span

# A date reaches its verb through prepositions ("on Tuesday"), or through one noun the verb governs
# directly or by a preposition ("in a statement on Monday", "told reporters on Tuesday").
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_MAX_NOUNS = 1


def _head_word(doc: Any, span: Span) -> Any | None:
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return None
    verbs = [t for t in words if t.pos_ in _VERBAL and t.dep_ != "aux"]
    return verbs[-1] if verbs else words.root


_SHARED_CLAUSE = frozenset({"advcl", "xcomp", "conj"})
_SUBJECT = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl"})


def _sharing_time(word: Any) -> set[int]:
    """The word and the verbs whose time it shares: a clause with no subject of its own hanging on
    another ("rejected the warnings on March 19, | calling them blackmail"; "met and | said")."""
    out = {word.i}
    while word.dep_ in _SHARED_CLAUSE and word.head.i != word.i and not any(c.dep_ in _SUBJECT for c in word.children):
        word = word.head
        out.add(word.i)
    return out


def modifies(doc: Any, head: Span, timex: Span) -> bool:
    """Whether the expression at ``timex`` modifies the word at ``head`` (the verb of a cue), or a
    verb whose time that word shares: its path up the parse reaches it through prepositions and at
    most one noun, passing no other verb."""
    word = _head_word(doc, head)
    when = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if word is None or when is None or len(when) == 0:
        return False
    inside = range(when.start, when.end)
    targets = _sharing_time(word)
    token = when.root
    nouns = 0
    for _ in range(len(doc)):  # a parse is a tree; the bound only guards against a malformed one
        parent = token.head
        if parent.i in targets:
            return True
        if parent.i == token.i:
            return False  # the sentence's root, without meeting the word
        if parent.i not in inside:
            if parent.pos_ in _VERBAL:
                return False  # another verb's date ("founded in 1999", "prevent ... in 2017")
            if parent.pos_ in _NOMINAL:
                nouns += 1
                if nouns > _MAX_NOUNS:
                    return False
        token = parent
    return False
