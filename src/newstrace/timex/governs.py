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

from newstrace.lang.en.occasions import PLANNING_VERBS
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


_NOT_PAST_AUX = frozenset({"will", "would", "shall", "'ll", "’ll", "wo", "may", "might", "can", "ca", "could", "should", "must"})
_HAVE = frozenset({"have", "has", "had", "having", "'ve", "’ve", "'d", "’d"})
_BE = frozenset({"was", "were", "been", "being", "is", "are", "am", "be", "'s", "’s", "'re", "’re"})


def verb_of(doc: Any, timex: Span) -> Any | None:
    """The verb a time expression is an adverbial of ("killed on Oct. 7", "on Tuesday, they met"),
    or None when it modifies a noun ("the 2020 session", "next year's tournament", "the call on
    July 25") or hangs on nothing."""
    when = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if when is None or len(when) == 0:
        return None
    inside = range(when.start, when.end)
    token = when.root
    for _ in range(len(doc)):
        parent = token.head
        if parent.i == token.i:
            return None
        if parent.i not in inside:
            if parent.pos_ in _VERBAL:
                return parent
            if parent.pos_ != "ADP":
                return None
        token = parent
    return None


def is_past_form(verb: Any) -> bool:
    """Whether a verb tells what has happened: a past tense ("attacked"), or a participle after
    "have" or after a past "be" ("has said", "was killed"); not with a future or modal auxiliary
    ("will", "would", "may") nor as an infinitive ("to be held")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _NOT_PAST_AUX or any(c.lower_ == "to" and c.dep_ in ("mark", "aux") for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return bool(words & _HAVE) or any(a.lower_ in _BE and a.tag_ == "VBD" for a in aux)
    return False


def past_spans(doc: Any, spans: list[Span]) -> set[tuple[int, int]]:
    """The spans, of those given, whose expression is an adverbial of a verb telling the past; not
    of a verb that sets a date ("has scheduled a news conference Thursday")."""
    out: set[tuple[int, int]] = set()
    for span in spans:
        verb = verb_of(doc, span)
        if verb is not None and is_past_form(verb) and verb.lemma_.lower() not in PLANNING_VERBS:
            out.add((span.start, span.end))
    return out


def clause_tense(doc: Any, span: Span) -> int | None:
    """-1 past, 0 present, +1 future: the tense of the first verb above the expression in the parse
    (through the nouns it may modify: "the call on July 25" in "I feared ... the call on July 25"),
    or None where the parse gives none (an infinitive, no verb)."""
    when = doc.char_span(span.start, span.end, alignment_mode="expand")
    if when is None or len(when) == 0:
        return None
    inside = range(when.start, when.end)
    token = when.root
    for _ in range(len(doc)):
        parent = token.head
        if parent.i == token.i:
            return None
        # A verb, or a predicate with its copula ("will be payable Jan. 3"): the clause's head.
        if parent.i not in inside and (parent.pos_ in _VERBAL or any(c.dep_ == "cop" for c in parent.children)):
            return _tense(parent)
        token = parent
    return None


def _tense(verb: Any) -> int | None:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "aux:pass", "auxpass", "cop")}
    if verb.pos_ not in _VERBAL:  # a predicate: its copula and auxiliaries say the tense
        if aux & {"will", "shall", "'ll", "’ll", "wo"}:
            return 1
        if aux & {"was", "were"}:
            return -1
        return 0 if aux & {"is", "are", "am", "'s", "’s", "'re", "’re"} else None
    if aux & {"will", "shall", "'ll", "’ll", "wo"} or "going" in aux:
        return 1
    if any(c.lower_ == "to" and c.dep_ in ("mark", "aux") for c in verb.children) or aux & _NOT_PAST_AUX:
        return None
    if is_past_form(verb):
        return -1
    if verb.tag_ in ("VBZ", "VBP") or aux & {"is", "are", "am", "has", "have", "does", "do"}:
        return 0
    return None


def parse_hints(doc: Any, spans: list[Span]) -> tuple[set[tuple[int, int]], dict[tuple[int, int], int]]:
    """For the time tagger: the spans that are adverbials of a past verb, and each span's clause tense."""
    tenses: dict[tuple[int, int], int] = {}
    for span in spans:
        t = clause_tense(doc, span)
        if t is not None:
            tenses[(span.start, span.end)] = t
    return past_spans(doc, spans), tenses
