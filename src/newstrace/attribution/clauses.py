"""Speech verbs and the clauses around them.

Four shapes cover most reported speech in news:

* source first: ``Naryshkin said (that) ...``, ``X told reporters in Moscow that ...``
* cue last:     ``"...," Khalilov said in an interview.``, ``..., the Interfax news agency reported.``
* inverted:     ``..., said Smith.``, ``..., asks Shane Harris.``
* participle:   ``Putin rejected the warnings, calling them “outright blackmail”``

The rules read token sequences and the part-of-speech tags, and consult the
dependency parse only where it agrees; they therefore degrade gracefully with
a weak parser. The source phrase is split at commas into a core noun phrase
and its appositions / relative clauses (``The author of the article, Shane
Harris, a reporter for ..., writes``), which the speaker resolver reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newstrace.attribution.context import ArticleContext, Candidate, trim_span
from newstrace.attribution.cues import verb_lemma
from newstrace.lang.en.discourse import NEGATIONS
from newstrace.lang.en.media import MEDIUM_NOUNS as CHANNEL_NOUNS
from newstrace.lang.en.people import GROUP_NOUNS, ROLE_NOUNS
from newstrace.lang.en.reporting_verbs import (
    AUDIENCE_VERBS,
    IDIOM_OBJECTS,
    NAMING_VERBS,
    NEEDS_COMPLEMENT,
    SPEECH_VERBS,
)
from newstrace.lang.en.time_words import TIME_WORDS
from newstrace.model import Span

QUOTE_CHARS = frozenset('"“”„‟«»')
NEG = NEGATIONS
AUX_ADV = frozenset(
    """has have had is was were are be been will would could should may might must can did does do
    also later then earlier previously publicly privately reportedly repeatedly recently again once
    further first still already often always just even now separately quickly subsequently
    """.split()
)
DETERMINERS = frozenset("the a an his her their its our my your this these those such any each every no".split())
CLAUSE_WORDS = frozenset("that which who whom whose when where while because if although though whether".split())
INTRO_STARTERS = frozenset(
    """but and so yet however meanwhile earlier later then also still moreover on in at during after before
    since until by for with without as last this next yesterday today tomorrow when while although though
    in addition instead overall separately""".split()
)
REL_PRONOUNS = frozenset({"who", "which", "that"})
PREPOSITIONS = frozenset("on in at during to via through over from with before after".split())
CHANNEL_PREPS = frozenset("on in at during via through over".split())
PASSIVE_AUX = frozenset("is was were are be been being".split())
_NOUN_BEFORE = DETERMINERS | frozenset({"'s", "’s", "new", "public", "official", "repeated", "initial", "earlier"})
END_PUNCT = frozenset(".!?")
_STEM3 = frozenset(w for w in SPEECH_VERBS if len(w) == 3)
_STEM4 = frozenset({w[:4] for w in SPEECH_VERBS} | {"told", "said", "wrot", "thou", "felt", "spok", "admi", "repl", "deni"})
_ING_OK = frozenset({",", "is", "was", "were", "are", "been", "be", "while", "after", "before", "by", "without",
                     "also", "repeatedly", "—", "–", "and", "(", "when", "in", "of"})


@dataclass
class SourcePhrase:
    """A source noun phrase split at commas: the core and the appended chunks."""

    core: tuple[int, int]  # token range [start, end)
    extras: list[tuple[int, int]]  # appositions / relative clauses, token ranges

    @property
    def start(self) -> int:
        return self.core[0]

    @property
    def end(self) -> int:
        return max([self.core[1]] + [e for _, e in self.extras])


def is_cue(doc: Doc, i: int) -> str | None:
    """The speech-verb lemma if doc[i] is used as a verb of saying here."""
    tok = doc[i]
    low = tok.lower_
    if (low[:4] not in _STEM4 and low[:3] not in _STEM3) or not low.isalpha():
        return None
    lem = verb_lemma(tok.text, tok.lemma_)
    if lem not in SPEECH_VERBS:
        return None
    prev = doc[i - 1].lower_ if i > 0 else ""
    # a noun use: "the warnings", "his claims", "a call"
    if prev in _NOUN_BEFORE and not low.endswith("ed") and low not in ("said", "told", "wrote"):
        return None
    if low.endswith("ed") and prev in DETERMINERS:
        return None
    if tok.pos_ in ("NOUN", "PROPN") and low not in ("said", "told", "says", "tells", "writes", "wrote"):
        # a counted noun is a thing, not a speech act: "Iguodala 14.9 points", "three reports" (box
        # scores and captions put a number between a name and its noun)
        if not low.endswith(("ed", "ing")) and (prev in _NOUN_BEFORE or doc[i - 1].pos_ in ("ADJ", "NOUN", "NUM")
                                                 or (i > 0 and doc[i - 1].like_num)):
            return None
    if prev == "to":  # infinitive: "declined to say", "refused to comment"
        return None
    if low.endswith("ing") and prev not in _ING_OK and not (prev.endswith("ly") and prev.isalpha()):
        return None  # "the Crocus City Hall warning", "a warning": a noun, not a cue
    if low == lem and low not in ("say", "tell") and prev not in ("i", "we", "you", "they", "officials", "experts"):
        # a bare base form is rarely a reporting verb in news prose (imperatives, nouns)
        if i > 0 and doc[i - 1].lower_ not in ("will", "would", "could", "might", "may", "did", "do", "to"):
            if tok.tag_ not in ("VBP", "VB"):
                return None
    return lem


def is_negated(doc: Doc, i: int, floor: int) -> bool:
    j = i - 1
    while j >= floor and j >= i - 4:
        w = doc[j].lower_
        if w in NEG:
            return True
        if w not in AUX_ADV and not (w.endswith("ly") and w.isalpha()):
            break
        j -= 1
    return False


def is_passive(doc: Doc, i: int, floor: int) -> bool:
    j = i - 1
    while j >= floor and j >= i - 3:
        w = doc[j].lower_
        if w in PASSIVE_AUX:
            return doc[i].lower_.endswith(("ed", "en")) or doc[i].lower_ in ("told", "said", "written")
        if not (w.endswith("ly") or w in AUX_ADV):
            break
        j -= 1
    return False


def _is_boundary(tok: Token) -> bool:
    return tok.text in (",", ";", ":", "(", ")", "—", "–") or tok.text in QUOTE_CHARS or tok.is_space


def _np_ish(tok: Token) -> bool:
    low = tok.lower_
    if _is_boundary(tok) or low in CLAUSE_WORDS or low in NEG or tok.text in END_PUNCT:
        return False
    if low.endswith("ly") and low.isalpha() and len(low) > 4 and not tok.text[0].isupper():
        return False
    if low in PASSIVE_AUX or low in ("has", "have", "had", "will", "would", "could", "should", "may", "might", "did"):
        return False
    if tok.pos_ in ("VERB", "AUX") and not tok.text[0].isupper():
        # a participle used as an adjective ("the state-run agency", "a planned attack") is nominal
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.tag_ in ("VBN", "VBG") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            return True
        if tok.i > 0 and tok.nbor(-1).text == "-":
            return True
        return False
    return True


_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


def _valid_source(doc: Doc, src: SourcePhrase | None) -> SourcePhrase | None:
    """A source phrase must end in a nominal (or a capitalised word the tagger missed)."""
    if src is None:
        return None
    a, b = src.core
    while b > a and doc[b - 1].lower_ in ("'s", "’s", "'"):
        b -= 1
    if b <= a:
        return None
    last = doc[b - 1]
    if last.pos_ in _HEAD_POS or last.text[:1].isupper() or last.lower_ in GROUP_NOUNS | ROLE_NOUNS:
        return src
    return None


def _chunk_back(doc: Doc, end: int, floor: int) -> int:
    """Start of the comma-free noun-phrase-ish run ending just before ``end``."""
    j = end - 1
    while j >= floor and _np_ish(doc[j]):
        j -= 1
    return j + 1


def _looks_intro(doc: Doc, start: int, end: int) -> bool:
    """A leading adverbial chunk: "But on Tuesday", "Earlier", "In Moscow"."""
    if start >= end:
        return True
    first = doc[start]
    if first.lower_ in INTRO_STARTERS or first.pos_ in ("ADP", "ADV", "SCONJ", "CCONJ"):
        return True
    if end - start <= 3 and any(t.ent_type_ in ("DATE", "TIME") for t in doc[start:end]):
        return True
    return False


def _looks_appendage(doc: Doc, start: int, end: int) -> bool:
    """An apposition or relative clause after a comma: "15", "who lives in ...", "a reporter for ..."."""
    if start >= end:
        return False
    first = doc[start]
    if first.lower_ in ("who", "which", "whose", "whom"):
        return True
    if first.like_num and end - start <= 2:
        return True
    return all(_np_ish(t) for t in doc[start:end])


def source_before(doc: Doc, cue: int, floor: int) -> SourcePhrase | None:
    """The source phrase ending right before the cue (after auxiliaries/adverbs)."""
    j = cue - 1
    while j >= floor:
        if doc[j].lower_ in AUX_ADV or (doc[j].lower_.endswith("ly") and doc[j].is_alpha):
            j -= 1
            continue
        k = _time_phrase_start(doc, j, floor)
        if k is None:
            break
        j = k - 1  # "Russia's Defense Ministry on Sunday confirmed": the time is not the source
    end = j + 1
    if end <= floor:
        return None
    extras: list[tuple[int, int]] = []
    # relative pronoun right before the cue: "Islam Khalilov, 15, who said that"
    if doc[end - 1].lower_ in REL_PRONOUNS and end - 1 > floor and doc[end - 2].text == ",":
        rel_end = end - 2
        src = source_before_comma_chain(doc, rel_end, floor)
        return src
    if doc[end - 1].text == ",":
        return source_before_comma_chain(doc, end - 1, floor)
    start = _chunk_back(doc, end, floor)
    if start >= end:
        return None
    if doc[end - 1].lower_ in ("he", "she", "they", "it", "we", "i") and end - 1 > start:
        start = end - 1  # "With this backdrop he expects": a pronoun takes no words before it
    # "“...,” Brian Gianforte, a 32-year-old member of ... said": a description in apposition to the
    # name before it; the name is the source, the description its apposition
    name = _name_before_apposition(doc, start, floor)
    if name is not None:
        return SourcePhrase(name, [(start, end)])
    # "... crime,” the state-run Interfax news agency reported" / "Earlier, the NSC admitted"
    return SourcePhrase((start, end), extras)


def _name_before_apposition(doc: Doc, start: int, floor: int) -> tuple[int, int] | None:
    """The capitalised name standing right before ", a/an <description>", or None."""
    if start - 2 < floor or doc[start - 1].text != "," or doc[start].lower_ not in ("a", "an"):
        return None
    j = start - 1
    while j - 1 >= floor and doc[j - 1].pos_ == "PROPN" and doc[j - 1].text[:1].isupper():
        j -= 1
    if start - 1 - j < 2:
        return None
    before = doc[j - 1] if j - 1 >= floor else None
    if before is not None and not (before.is_punct or before.is_quote or before.is_space):
        return None  # the name must open its chunk: "..., Brian Gianforte, a ..." not "met Brian Gianforte, a ..."
    return (j, start - 1)



def _time_phrase_start(doc: Doc, end: int, floor: int) -> int | None:
    """Start of a time phrase ending at token ``end`` ("on Sunday", "last week", "yesterday",
    "earlier this month"), or None when the words there are not one."""
    tok = doc[end]
    if tok.lower_ not in TIME_WORDS and tok.ent_type_ not in ("DATE", "TIME"):
        return None
    k = end
    while k > floor and (doc[k - 1].lower_ in ("on", "last", "this", "earlier", "late", "early", "on", "that", "the", "in")
                         or doc[k - 1].ent_type_ in ("DATE", "TIME") or doc[k - 1].like_num):
        k -= 1
    if k == end and tok.lower_ not in ("yesterday", "today", "tonight"):
        return None  # a bare "Sunday" with nothing before it may be a name ("Sunday Times")
    return k if k > floor else None


def source_before_comma_chain(doc: Doc, comma: int, floor: int) -> SourcePhrase | None:
    """Walk back over ", appendage ," chunks to the core noun phrase."""
    extras: list[tuple[int, int]] = []
    end = comma  # exclusive end of the chunk before this comma
    for _ in range(6):
        start = end - 1
        while start >= floor and doc[start].text not in (",", ";", ":") and doc[start].text not in QUOTE_CHARS:
            start -= 1
        start += 1
        if start >= end:
            return None
        at_floor = start <= floor or doc[start - 1].text != ","
        if at_floor or not _looks_appendage(doc, start, end):
            # the core: its own comma-free noun phrase at the end of this chunk
            core_start = _chunk_back(doc, end, start)
            if core_start >= end:
                return None
            # the chunk may start with an intro: "But on Tuesday, the head ..." handled by comma split
            return SourcePhrase((core_start, end), list(reversed(extras)))
        # this chunk may be the core if the one before it is an intro adverbial
        prev_end = start - 1
        pstart = prev_end - 1
        while pstart >= floor and doc[pstart].text not in (",", ";", ":") and doc[pstart].text not in QUOTE_CHARS:
            pstart -= 1
        pstart += 1
        if _looks_intro(doc, pstart, prev_end) or pstart >= prev_end:
            return SourcePhrase((start, end), list(reversed(extras)))
        extras.append((start, end))
        end = prev_end
    return None


def source_after(doc: Doc, cue: int, ceiling: int) -> SourcePhrase | None:
    """Inverted source: "..., said Smith, a spokesman for X." / "asks Shane Harris."""
    start = cue + 1
    end = start
    while end < ceiling and _np_ish(doc[end]) and doc[end].text not in END_PUNCT:
        if doc[end].lower_ in PREPOSITIONS and end > start and doc[end].lower_ not in ("of", "for"):
            break
        end += 1
    if end <= start:
        return None
    extras = []
    if end < ceiling and doc[end].text == ",":
        e2 = end + 1
        while e2 < ceiling and not _is_boundary(doc[e2]) and doc[e2].text not in END_PUNCT:
            e2 += 1
        if e2 > end + 1 and _looks_appendage(doc, end + 1, e2):
            extras.append((end + 1, e2))
    return SourcePhrase((start, end), extras)


def _only_trailer(doc: Doc, start: int, end: int) -> bool:
    """Nothing after the cue but prepositional phrases, adverbs, times, a relative clause on them
    and the full stop ("said on Tuesday", "said in an interview which was posted online")."""
    j = start
    relative = False
    while j < end:
        t = doc[j]
        if t.lower_ in ("that",) or t.text in QUOTE_CHARS or t.text == ":":
            return False
        if t.lower_ in ("which", "who", "where", "when", "whose"):
            relative = True
        elif not relative:
            if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return False  # a clause of its own: "said 180 Kent is currently assigned to ..."
            if t.lower_ == "to" and j + 1 < end and doc[j + 1].tag_ == "VB":
                return False  # "asked for this process to be fast-tracked"
        j += 1
    return True


def _aside(doc: Doc, source: SourcePhrase | None, after: int, s0: int, s1: int) -> str | None:
    """"," or ";" when the source and cue stand between commas inside the sentence (", he said,"),
    the mark that follows them; else None."""
    if source is None or source.start <= s0 or after >= s1:
        return None
    if doc[source.start - 1].text != "," or doc[after].text not in (",", ";"):
        return None
    if doc[after].text == "," and after + 1 < s1 and doc[after + 1].lower_ == "that":
        return None
    return doc[after].text


def _after_quotation(doc: Doc, start: int, s0: int) -> bool:
    """The source follows a closed quotation and a comma ("“...,” she told Sky Sports afterwards,
    and ..."): the quotation is what was said, whatever comes after the cue."""
    j = start - 1
    while j >= s0 and doc[j].is_space:
        j -= 1
    if j >= s0 and doc[j].text == ",":
        j -= 1
    return j >= s0 and doc[j].text in ("”", '"') and j > s0


def _mere_connective(doc: Doc, s0: int, end: int) -> bool:
    """Only "But," / "Still," / "And yet," before the source: no statement of its own."""
    words = [t for t in doc[s0:end] if not t.is_punct and not t.is_space]
    return len(words) <= 2 and all(t.pos_ in ("CCONJ", "ADV", "SCONJ") for t in words)


def _mere_intro(doc: Doc, s0: int, end: int) -> bool:
    """The words before a source are only an opening adverbial ("After Russia's 2022 invasion,",
    "In an email,"), not a statement the source made."""
    j = end - 1
    while j >= s0 and (doc[j].is_space or doc[j].text in (",", "—", "–")):
        j -= 1
    if j < s0 or end - s0 > 9 or doc[j + 1 : end].text.strip(" \n") not in (",",):
        return False
    return doc[s0].pos_ in ("ADP", "SCONJ", "ADV") and not any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[s0 : j + 1])


def _trailing_pps(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Prepositional phrases right after the cue: [(prep index, end)], stopping at "that", a comma or a quote."""
    pps: list[tuple[int, int]] = []
    j = start
    while j < end and doc[j].lower_ in PREPOSITIONS:
        k = j + 1
        while k < end and doc[k].lower_ not in CHANNEL_PREPS and doc[k].lower_ != "that" \
                and not _is_boundary(doc[k]) and doc[k].text not in END_PUNCT:
            if doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD"):
                break
            k += 1
        pps.append((j, k))
        if k >= end or doc[k].lower_ not in CHANNEL_PREPS:
            break
        j = k
    return pps


def channel_of(ctx: ArticleContext, doc: Doc, cue: int, lemma: str,
               sent_end: int) -> tuple[Span | None, Span | None, int]:
    """(medium span, audience span, index where the content may start) for the words after a cue.

    The audience is who was addressed ("told reporters in Moscow", "informed Russian officials");
    the medium is what the statement went out through ("in an interview", "on his YouTube channel").
    """
    j = cue + 1
    # particle: "pointed out"
    if j < sent_end and doc[j].lower_ in ("out", "up") and lemma in ("point", "speak"):
        j += 1
    medium: Span | None = None
    audience: Span | None = None
    # "called on Congress to pass ...": the addressee is the audience, the request starts at "to"
    if lemma == "call" and j < sent_end and doc[j].lower_ in ("on", "upon"):
        k = j + 1
        while k < min(sent_end, j + 10) and doc[k].lower_ != "to" and not _is_boundary(doc[k]):
            k += 1
        if k < sent_end and doc[k].lower_ == "to" and k > j + 1:
            return None, trim_span(ctx.text, doc[j + 1].idx, doc[k - 1].idx + len(doc[k - 1].text)), k
    # audience: "told reporters in Moscow that"
    if lemma in AUDIENCE_VERBS and j < sent_end and doc[j].lower_ not in ("that",) and not _is_boundary(doc[j]):
        k = j
        limit = min(sent_end, j + 12)
        while k < limit and doc[k].lower_ != "that" and not _is_boundary(doc[k]):
            k += 1
        if k < limit and doc[k].lower_ == "that":
            audience = trim_span(ctx.text, doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text))
            return _medium_inside(ctx, doc, j, k), audience, k
        # "told reporters the plan ..." : audience is the first noun phrase
        k = j
        while k < limit and doc[k].pos_ in ("DET", "ADJ", "PRON", "NOUN", "PROPN") and doc[k].lower_ not in ("that",):
            k += 1
            if doc[k - 1].pos_ in ("NOUN", "PRON", "PROPN") and (k >= limit or doc[k].pos_ not in ("NOUN", "PROPN")):
                break
        if k > j:
            audience = trim_span(ctx.text, doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text))
            j = k
    pps = _trailing_pps(doc, j, sent_end)
    for p, e in pps:
        words = {t.lower_ for t in doc[p + 1 : e]}
        if words & CHANNEL_NOUNS and medium is None and doc[p].lower_ in CHANNEL_PREPS and e > p + 1:
            medium = trim_span(ctx.text, doc[p + 1].idx, doc[e - 1].idx + len(doc[e - 1].text))
    if pps:
        j = pps[-1][1]
    return medium, audience, j


def _medium_inside(ctx: ArticleContext, doc: Doc, start: int, end: int) -> Span | None:
    """A medium named inside an audience phrase: "told reporters in an interview" gives the interview."""
    for k in range(start, end):
        if doc[k].lower_ in CHANNEL_PREPS and any(t.lower_ in CHANNEL_NOUNS for t in doc[k + 1 : end]):
            return trim_span(ctx.text, doc[k + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
    return None


def _content_after(ctx: ArticleContext, doc: Doc, start: int, sent_end: int) -> Span | None:
    j = start
    while j < sent_end and (doc[j].text in (",", ":") or doc[j].is_space):
        j += 1
    if j >= sent_end:
        return None
    end_tok = sent_end - 1
    while end_tok > j and (doc[end_tok].is_space or (doc[end_tok].text in END_PUNCT)):
        end_tok -= 1
    return trim_span(ctx.text, doc[j].idx, doc[end_tok].idx + len(doc[end_tok].text), " \t\n,;:—–-")


def find_clause_attributions(ctx: ArticleContext, sent_index: int) -> list[Candidate]:
    """Candidates for every speech verb in the sentence."""
    doc = ctx.doc
    sent = ctx.sents[sent_index]
    s0, s1 = sent.start, sent.end
    out: list[Candidate] = []
    for i in range(s0, s1):
        lemma = is_cue(doc, i)
        if lemma is None:
            continue
        tok = doc[i]
        if ctx.inside_quotation(tok.idx):
            continue  # a verb inside a quotation belongs to the quoted speaker's own speech
        if is_negated(doc, i, s0) or is_passive(doc, i, s0):
            continue
        cand = _attribution_at(ctx, doc, i, lemma, s0, s1, sent_index)
        if cand is not None:
            out.append(cand)
    return out


def _attribution_at(ctx: ArticleContext, doc: Doc, i: int, lemma: str, s0: int, s1: int,
                    sent_index: int) -> Candidate | None:
    tok = doc[i]
    cue = Span(tok.idx, tok.idx + len(tok.text))
    channel, audience, after = channel_of(ctx, doc, i, lemma, s1)
    prev = doc[i - 1] if i > s0 else None
    trailer_only = _only_trailer(doc, after, s1)
    source: SourcePhrase | None = None
    content: Span | None = None
    shape = ""
    # participle after a comma: "..., calling them “...”" / "..., adding that ..."
    if tok.lower_.endswith("ing") and prev is not None and prev.text == ",":
        source = _main_subject(doc, s0, i)
        shape = "participle"
        if lemma in NAMING_VERBS:
            k = i + 1
            while k < s1 and doc[k].pos_ in ("PRON", "DET", "NOUN", "PROPN") and doc[k].text not in QUOTE_CHARS \
                    and k < i + 5:
                k += 1
            content = _content_after(ctx, doc, k, s1)
        else:
            content = _content_after(ctx, doc, after, s1)
    # inverted: ", said Smith." / "..., asks Shane Harris."
    elif lemma not in ("tell",) and prev is not None and (prev.text in (",",) or prev.text in QUOTE_CHARS) and i + 1 < s1 \
            and (doc[i + 1].pos_ in ("PROPN", "DET", "NOUN", "ADJ") or doc[i + 1].text[:1].isupper()) \
            and doc[i + 1].lower_ not in ("that",) and lemma not in NAMING_VERBS:
        source = source_after(doc, i, s1)
        shape = "inverted"
        if source is not None:
            rest = _trailing_after_source(doc, source.end, s1)
            if not rest:
                content = _content_before(ctx, doc, s0, i)
                channel = audience = None
            else:
                source = None
    second: Span | None = None
    if not shape or (shape == "inverted" and source is None):
        source = source_before(doc, i, s0)
        aside = _aside(doc, source, after, s0, s1)
        if aside is not None and source is not None:  # an aside always has its source
            # "The jump ..., he said, which ..." / "But a more pressing factor, she says, is ...": the
            # cue stands inside the statement, which runs on both sides of it
            shape = "aside"
            content = _content_before(ctx, doc, s0, source.start) if not _mere_connective(doc, s0, source.start) else None
            if aside == ",":
                second = _content_after(ctx, doc, after + 1, s1)
            if content is None:
                content, second = second, None
        elif source is not None and (trailer_only or _after_quotation(doc, source.start, s0)
                                     or (after < s1 and doc[after].lower_ in ("of", "about"))) \
                and not _mere_intro(doc, s0, source.start):
            # cue last: the content precedes the source phrase
            shape = "last"
            content = _content_before(ctx, doc, s0, source.start)
        else:
            shape = "first"
            content = _content_after(ctx, doc, after, s1)
            if lemma in NAMING_VERBS and content is not None:
                k = after
                while k < s1 and doc[k].pos_ in ("PRON", "DET", "NOUN", "PROPN") and doc[k].text not in QUOTE_CHARS \
                        and k < after + 5:
                    k += 1
                content = _content_after(ctx, doc, k, s1)
    source = _valid_source(doc, source)
    if content is None or content.end - content.start < 3 or source is None:
        return None
    if i + 1 < s1 and doc[i + 1].lower_ in IDIOM_OBJECTS:
        return None
    if lemma in NEEDS_COMPLEMENT and shape in ("first", "participle"):
        head = ctx.text[content.start : content.start + 1]
        if not (ctx.text[content.start:].lower().startswith("that ") or head in QUOTE_CHARS
                or ctx.text[max(0, content.start - 2):content.start].strip() == ":"):
            return None
    if shape in ("first", "participle"):
        content = _cut_at_coordination(ctx, content)
        if content is None:
            return None
    if source is not None and doc[source.core[0]].lower_ in ("this", "it", "that", "there", "which") \
            and source.core[1] - source.core[0] == 1:
        return None
    cand = Candidate(kind="indirect", content=[content] + ([second] if second is not None else []), cue=cue,
                     cue_text=tok.text, sent_index=sent_index,
                     cue_token=tok, channel_span=channel, audience_span=audience, origin=f"verb:{shape}")
    cand.source = source  # type: ignore[attr-defined]
    cand.lemma = lemma  # type: ignore[attr-defined]
    return cand


_COORD_RE = None


def _cut_at_coordination(ctx: ArticleContext, content: Span) -> Span | None:
    """Stop reported content at ", but", "; " or ", while" outside quotation marks."""
    import re

    global _COORD_RE
    if _COORD_RE is None:
        _COORD_RE = re.compile(r"(?:,[\"”’]?\s+(?=(?:but|while|whereas)\b)|;\s)")
    for m in _COORD_RE.finditer(ctx.text, content.start, content.end):
        q = ctx.quote_at(m.end())
        if q is not None and any(seg.start <= m.end() < seg.end for seg in q.segments):
            continue
        return trim_span(ctx.text, content.start, m.start(), " \t\n,;:—–-")
    return content


def _trailing_after_source(doc: Doc, start: int, end: int) -> bool:
    """True if real words follow the inverted source (then it is not an inversion)."""
    j = start
    depth = 0
    while j < end:
        t = doc[j]
        if t.text == ",":
            depth += 1
        elif t.text not in END_PUNCT and not t.is_space and depth == 0:
            return True
        j += 1
    return False


def _content_before(ctx: ArticleContext, doc: Doc, s0: int, end: int) -> Span | None:
    if end <= s0:
        return None
    j = end - 1
    while j >= s0 and (doc[j].text in (",", "—", "–", "-") or doc[j].is_space):
        j -= 1
    if j < s0:
        return None
    return trim_span(ctx.text, doc[s0].idx, doc[j].idx + len(doc[j].text), " \t\n,;:—–-")


def _main_subject(doc: Doc, s0: int, limit: int) -> SourcePhrase | None:
    """The subject of the sentence's main clause: the first noun phrase after any intro chunk."""
    start = s0
    # skip a leading intro chunk ended by a comma
    for k in range(s0, min(limit, s0 + 12)):
        if doc[k].text == ",":
            if _looks_intro(doc, s0, k):
                start = k + 1
            break
    end = start
    while end < limit and _np_ish(doc[end]):
        if doc[end].pos_ in ("VERB", "AUX") and end > start:
            break
        end += 1
    if end <= start:
        return None
    return SourcePhrase((start, end), [])
