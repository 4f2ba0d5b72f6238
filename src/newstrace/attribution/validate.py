"""Is a candidate a statement? One gate for every candidate, whichever rule or model proposed it.

The extractor's rules and the trained tagger both over-generate on real news:
verbs of believing ("Medrano believes"), actions ("banned Zephyr", "was
sentenced"), negated or refused speech ("wouldn't confirm"), questions put to
someone ("Asked whether ..."), headings ("Here's what the polls say"), and
sources that cannot speak ("the June jobs numbers tell"). A statement needs
all of:

* a **cue** whose word is a verb of communication used as a verb (not "the
  alleged killer", "member states"), not negated, not passive without a
  source, not a question put to the subject; a verb of belief counts only when
  it carries the person's own quoted words;
* **content** that is a proposition or a quotation: a clause, a quotation, or
  a characterisation in quotation marks; never a bare prepositional phrase
  ("in an email", "about the smell"), a relative clause fragment or a phrase
  that opens with a conjunction;
* a **source** that can speak: a name, a pronoun, a person, group, role,
  organisation, outlet or document noun; not a thing ("the decisions", "one
  thing", "the world").

Each rejection carries a reason, which the extractor can log for debugging.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from newstrace.attribution.context import ArticleContext, Candidate, base_dep
from newstrace.attribution.cues import cue_class, verb_lemma
from newstrace.lang.en.discourse import (
    FRAGMENT_OPENERS,
    NEGATIONS,
    QUESTION_OPENERS,
    QUESTION_STARTS,
)
from newstrace.lang.en.media import DOCUMENT_NOUNS, OUTLET_WORDS
from newstrace.lang.en.organisations import ORG_WORDS
from newstrace.lang.en.people import GROUP_NOUNS, PERSON_NOUNS
from newstrace.lang.en.pronouns import (
    FIRST_PERSON,
    NEUTER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
)
from newstrace.lang.en.reporting_verbs import NAMING_VERBS, SPEECH_VERBS
from newstrace.lang.en.time_words import CALENDAR_WORDS

_QUOTE_MARKS = "\"“”„«»‘’"
_MAX_HEADING_WORDS = 14
# Content openers that leave a fragment, not a proposition: "which still left ...", "and it should ...".
_SPEAKING_NOUNS = PERSON_NOUNS | GROUP_NOUNS | ORG_WORDS | OUTLET_WORDS | DOCUMENT_NOUNS | frozenset(
    """government ministry country nation state city province region folks everyone anyone someone
    nobody somebody people public crowd family couple team side camp""".split()
)


def statement_problem(ctx: ArticleContext, cand: Candidate, check_source: bool = True) -> str | None:
    """Why ``cand`` is not a statement, or None when it is one. ``check_source=False`` checks the cue
    and the content only (before the speaker is resolved)."""
    if cand.kind == "no_comment":
        return None
    if cand.cue is None:
        return None  # continuations inherit their parent's check
    if not cand.content:
        return "no content"
    if _in_heading(ctx, cand.cue.start):
        return "in a heading"
    if _in_question(ctx, cand):
        return "in a question"
    according = cand.cue_text.lower().startswith(("according", "as reported", "in the words"))
    quoted = _has_quotation(ctx, cand)
    if not according:
        head = cue_head(ctx, cand)
        if head is None:
            return "no reporting word in the cue"
        problem = _cue_problem(ctx, head, quoted, cand.origin.startswith("verb"))
        if problem:
            return problem
        problem = _content_problem(ctx, cand, head, quoted)
        if problem:
            return problem
    return _source_problem(ctx, cand) if check_source else None


def cue_head(ctx: ArticleContext, cand: Candidate) -> Token | None:
    """The reporting word of the cue: its first token whose lemma is in the cue lexicons."""
    assert cand.cue is not None
    span = ctx.doc.char_span(cand.cue.start, cand.cue.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        lem = verb_lemma(tok.text, tok.lemma_)
        if cue_class(lem) is not None or lem in SPEECH_VERBS:
            return tok
    return None


def _cue_problem(ctx: ArticleContext, tok: Token, quoted: bool, by_rule: bool) -> str | None:
    lem = verb_lemma(tok.text, tok.lemma_)
    cls = cue_class(lem)
    if cls is None:
        return f"{lem!r} is not a verb of communication"
    if cls == "belief" and (not quoted or tok.pos_ in ("NOUN", "PROPN")):
        return f"{lem!r} is a belief, not a statement"  # "ease Bank of Canada worries": a noun, whatever follows
    # the verb rules read the words around a cue themselves ("Melber questions the ..."); the
    # tagger's cues are checked against the part of speech
    if not by_rule and tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.lower_ not in ("said", "says", "told", "wrote", "writes") \
            and not _after_subject(tok):
        return f"{tok.text!r} is used as a {tok.pos_.lower()}"
    if (base_dep(tok) == "amod" or (base_dep(tok) in ("compound", "nmod") and (not by_rule or tok.pos_ in ("NOUN", "ADJ")))) \
            and tok.lower_ not in ("said", "told"):
        return f"{tok.text!r} modifies a noun"
    if lem in ("respond", "reply", "answer") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return "responding to something is an action"
    if _negated(tok):
        return "negated"
    if _passive(tok):
        return "passive with no source"
    if _question_put(tok):
        return "a question put to the subject"
    return None


def _negated(tok: Token) -> bool:
    if any(c.dep_.lower() == "neg" or (c.lower_ in NEGATIONS and c.i < tok.i) for c in tok.children):
        return True
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and j >= tok.i - 4:
        w = doc[j]
        if w.lower_ in NEGATIONS:
            return True
        if w.pos_ not in ("AUX", "ADV", "PART") or w.is_punct:
            break
        j -= 1
    return False


def _passive(tok: Token) -> bool:
    deps = {c.dep_.lower() for c in tok.children}
    if "auxpass" in deps or "aux:pass" in deps:
        return not any(c.lower_ == "by" for c in tok.children) and not any(
            g.lower_ == "by" for c in tok.children for g in c.children)
    return False


def _question_put(tok: Token) -> bool:
    """"Asked whether ...", "When asked about ...", "Pressed on ...": the subject is asked, not saying."""
    if tok.lower_ not in QUESTION_OPENERS:
        return False
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None or prev.is_sent_start and prev.is_punct or prev.lower_ in ("when", "if", "after", "once", "while"):
        return True
    # sentence-initial participle: nothing but punctuation or a quote mark before it in its sentence
    return tok.is_sent_start or all(t.is_punct or t.is_space for t in doc[tok.sent.start : tok.i])


def _content_problem(ctx: ArticleContext, cand: Candidate, head: Token, quoted: bool) -> str | None:
    text = ctx.text
    first = min(cand.content, key=lambda s: s.start)
    lead = text[first.start : first.end].lstrip(_QUOTE_MARKS + " ")
    if not lead:
        return "empty content"
    first_tok = ctx.token_at(first.start + (len(text[first.start : first.end]) - len(lead)))
    lem = verb_lemma(head.text, head.lemma_)
    words = sum(len(text[s.start : s.end].split()) for s in cand.content)
    if words < 2 and not quoted:
        return "content of one word"
    # openers matter only where the content follows the cue: a content that precedes its cue
    # starts a sentence ("But folks don't talk about the downside," he added)
    if first_tok is not None and first.start > head.idx and not _opens_quotation(ctx, first.start):
        low = first_tok.lower_
        if low in FRAGMENT_OPENERS:
            return f"content opens with {low!r}"
        if first_tok.pos_ == "ADP" and low not in ("that", "whether", "if") and not quoted \
                and not (low == "for" and lem in ("ask", "call", "appeal", "press", "push")) \
                and not _clause_after_comma(ctx, cand):
            return f"content is a {low!r} phrase"
    if first.start > head.idx and _clause_between(ctx, head, first.start):
        return "another clause stands between the cue and the content"
    if lem in NAMING_VERBS and not _directive(head) and not (lem == "describe" and first_tok is not None
                                                             and first_tok.lower_ in ("how", "what", "why", "that")):
        # "called it “a paper tiger”", "described X as Y"; not "called the police"
        if quoted or any(" as " in f" {text[s.start : s.end]} " for s in cand.content):
            return None
        return "a naming verb with no name given"
    if quoted:
        return None
    if first_tok is not None and first_tok.lower_ == "to" and first_tok.i + 1 < len(ctx.doc):
        nxt = ctx.doc[first_tok.i + 1]
        if cue_class(verb_lemma(nxt.text, nxt.lemma_)) == "speech":
            return "a promise to speak is no statement ('promised to respond but did not do so')"
    if not any(_verbal(t) for s in cand.content for t in _tokens(ctx, s.start, s.end)):
        return "content has no clause"
    return None


def _clause_between(ctx: ArticleContext, head: Token, start: int) -> bool:
    """A finite verb with its own subject between the cue and where the content starts ("a police
    officer first called, Heidnik shrugged off | the smell"): the content belongs to that clause."""
    between = [t for t in _tokens(ctx, head.idx + len(head.text), start) if not t.is_space]
    if not between:
        return False
    last = between[-1]
    verb = last.head if last.dep_.lower() in ("prt", "compound:prt") else last
    # the content opens right after another finite verb (or its particle): it is that verb's object
    return verb.i != head.i and verb.tag_ in ("VBD", "VBZ", "VBP") and any(
        c.dep_.startswith("nsubj") and c.i > head.i for c in verb.children)


def _clause_after_comma(ctx: ArticleContext, cand: Candidate) -> bool:
    """"since the day Geingob left, he was constantly in touch": an opening phrase, then a clause."""
    first = min(cand.content, key=lambda s: s.start)
    chunk = ctx.text[first.start : first.end]
    comma = chunk.find(", ")
    if comma < 0:
        return False
    rest = list(_tokens(ctx, first.start + comma + 2, first.end))
    return any(t.dep_.startswith("nsubj") for t in rest) and any(_verbal(t) and t.tag_ != "VBG" for t in rest)


def _verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG", "MD")


def _name_like(tok: Token) -> bool:
    """A capitalised word that is not just a capitalised sentence opener ("The", "Its") nor a
    month or weekday ("the June jobs numbers")."""
    if tok.lower_ in CALENDAR_WORDS or tok.ent_type_ in ("DATE", "TIME"):
        return False
    if tok.pos_ == "PROPN":
        return True
    if not tok.text[:1].isupper():
        return False
    if not tok.is_sent_start:
        return True
    if tok.is_stop or tok.pos_ in ("DET", "ADP", "ADV", "CCONJ", "SCONJ", "PRON"):
        return False
    return tok.pos_ != "NOUN" or _capitalised_elsewhere(tok)


def _capitalised_elsewhere(tok: Token) -> bool:
    """A sentence-initial word the tagger read as a common noun is a name when the article also
    writes it with a capital inside a sentence ("Fearnside describes ..." after "Philip Fearnside")."""
    return any(t.text == tok.text and not t.is_sent_start for t in tok.doc if t.i != tok.i)


def _source_problem(ctx: ArticleContext, cand: Candidate) -> str | None:
    sp = cand.speaker
    if sp is None:
        return None  # left to the speaker check: "speaker unresolved"
    span = getattr(sp, "span", None)
    if span is None:
        return None
    toks = [t for t in _tokens(ctx, span.start, span.end) if not t.is_punct and not t.is_space]
    if not toks:
        return None
    low0 = toks[0].lower_
    if low0 in ("which", "that") and len(toks) > 1:
        return "source is a relative clause"
    if len(toks) == 1 and (low0 in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS | FIRST_PERSON):
        return None
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "PLACE", "LOC", "FAC", "GROUP") for t in toks):
        return None
    if any(_name_like(t) for t in toks):
        return None
    head = _head_noun(toks)
    if head is None:
        return "source has no noun"
    low = head.lower_
    stem = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    if low in _SPEAKING_NOUNS or stem in _SPEAKING_NOUNS or low.endswith(("-old", "ist", "ian")) or head.like_num:
        return None
    return f"{head.text!r} cannot speak"


def _head_noun(toks: list[Token]) -> Token | None:
    """The noun a source phrase is about: the last noun before a complement ("of", "for", "who")."""
    best = None
    for t in toks:
        if t.lower_ in ("of", "for", "with", "from", "at", "in", "who", "which", "that", "familiar", "close"):
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or t.text[:1].isupper() or t.lower_ in _SPEAKING_NOUNS:
            best = t
    return best


def _has_quotation(ctx: ArticleContext, cand: Candidate) -> bool:
    return any(ctx.quotes_in(s.start, s.end) for s in cand.content)


def _opens_quotation(ctx: ArticleContext, pos: int) -> bool:
    q = ctx.quote_at(pos)
    return q is not None and q.start <= pos + 2


def _tokens(ctx: ArticleContext, a: int, b: int) -> Iterable[Token]:
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    return span if span is not None else ()




def _directive(tok: Token) -> bool:
    """"called on Congress to pass ...": a request, not a naming."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in ("on", "upon", "for")


def _after_subject(tok: Token) -> bool:
    """A cue word the tagger read as a noun but that follows its subject ("Melber questions why ...")."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and (prev.pos_ == "PROPN" or prev.lower_ in ("he", "she", "they", "it", "we", "i"))



def _in_question(ctx: ArticleContext, cand: Candidate) -> bool:
    """The cue stands in a question ("What has Trump said about Nato?") or a free relative ("Here's
    what economists had to say"), outside any quotation: nobody is reported as saying anything."""
    assert cand.cue is not None
    sent = ctx.sents[ctx.sent_index_at(cand.cue.start)]
    if ctx.quote_at(cand.cue.start) is None and ctx.text[sent.start_char : sent.end_char].rstrip(" \n\"”’)").endswith("?") \
            and sent[0].lower_ in QUESTION_STARTS:
        return not _has_quotation(ctx, cand)
    sp = getattr(cand.speaker, "span", None)
    before = ctx.text[max(sent.start_char, (sp.start if sp else cand.cue.start) - 12) : (sp.start if sp else cand.cue.start)]
    return bool(re.search(r"\b(?:what|how|whatever)\s*$", before, re.I))


_END_RE = re.compile(r"[.!?…:\"”’)]\s*$")


def _in_heading(ctx: ArticleContext, pos: int) -> bool:
    """The paragraph at ``pos`` is a heading: a short line with no sentence-final punctuation."""
    if len(ctx.paragraphs) < 3:
        return False
    para = ctx.paragraphs[ctx.para_index_at(pos)]
    chunk = ctx.text[para.start : para.end].strip()
    return len(chunk.split()) <= _MAX_HEADING_WORDS and not _END_RE.search(chunk)
