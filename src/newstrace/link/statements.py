"""Attributed statements of an article, in the form the linkers compare.

A statement is who said what, where in which article. For claim groups they come
from the quote stage (``Article.quotes``, :func:`article_statements`); for
conflicts from the article's claims (:func:`claim_statements`), which also cover
the article's own narration (held by the outlet) and stances it reports in its
own words (held by their subject). :func:`clause_statement` reads a statement
from a clause the quote stage left out, for explicit markers of disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace import names
from newstrace.lang.en.reporting_verbs import ASSESSMENT_VERBS, VERB_MODIFIERS
from newstrace.model import Article, Claim, Quote
from newstrace.text import fold, sentence_spans

REPORTER = "(reporter)"

# Verbs that attribute a statement or a stance to their subject (inflected forms).
SPEECH_VERBS = (
    r"(?:said|says|say|stated|states|state|told|tells|claimed|claims|claim|insisted|insists|insist|argued|argues|argue|"
    r"maintained|maintains|maintain|suggested|suggests|suggest|asserted|asserts|assert|announced|announces|"
    r"denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|dismiss|disputed|disputes|dispute|"
    r"blamed|blames|blame|accused|accuses|accuse|alleged|alleges|allege|called|calls|described|describes|"
    r"warned|warns|warn|admitted|admits|admit|acknowledged|acknowledges|confirmed|confirms|confirm|"
    r"reported|reports|wrote|writes|write|added|adds|noted|notes|believes|believe|believed|contends|contended|"
    r"tried to pin the blame|sought to blame|tried to blame|pinned the blame|pins the blame|pointed the finger|"
    r"points the finger|tried to link|sought to link|has linked|linked|attributed|attributes|"
    r"insinuated|implied|implies|hinted|hints)"
)
_AUX = r"(?:(?:" + "|".join(sorted((re.escape(w) for w in VERB_MODIFIERS), key=len, reverse=True)) + r")\s+)*"
_SUBJ_WORD = r"(?:[A-Z][\w.'’-]*|U\.S\.|of|the|for|and|de|al-\w+|officials?|analysts?|experts?|observers?|sources?|media|spokes(?:man|woman|person)|authorities|police|investigators|prosecutors|leaders?|government|ministry)"
_CLAUSE = re.compile(
    rf"(?P<subj>(?:(?:the|a|an)\s+)?{_SUBJ_WORD}(?:\s+{_SUBJ_WORD}){{0,7}}?|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[\w'’.-]+(?:\s+[\w'’.-]+){{0,4}}?)\s+{_AUX}(?P<verb>{SPEECH_VERBS})\b\s*(?:that\s+)?(?P<rest>(?:[^.;!?]|(?<=\b[A-Z])\.|\.(?=\w))*)"
)
# "Shane Harris, a reporter for the Post, writes that ...": a name, an appositive, the verb.
_APPOSITIVE_CLAUSE = re.compile(
    rf"(?P<subj>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}}),\s+[^,;]{{3,120}}?,\s+{_AUX}(?P<verb>{SPEECH_VERBS})\b\s*(?:that\s+)?(?P<rest>(?:[^.;!?]|(?<=\b[A-Z])\.|\.(?=\w))*)"
)
_TAIL = re.compile(r"[\s,;:—–-]*(?:\b(?:and|but|while|whereas|yet)\b)?[\s,;:—–-]*$")
_PRONOUNS = frozenset({"he", "she", "they", "it", "this", "that", "we", "i", "you"})


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, where: the unit conflicts and claims are made of."""

    article_id: str
    quote_id: str | None
    speaker: str  # canonical name, titles removed ("Vladimir Putin")
    text: str  # what was said, as written
    start: int  # extent in the article text
    end: int
    cue: str
    kind: str

    claim: Claim | None = None
    outlet: str | None = None
    date: str | None = None  # the article's publication date (ISO)

    @property
    def no_comment(self) -> bool:
        return self.kind == "no_comment"

    @property
    def narration(self) -> bool:
        return self.kind == "narration"


def speaker_name(quote: Quote) -> str:
    s = quote.speaker
    if s is None:
        return "(unattributed)"
    if s.kind == "person":
        _, proper = names.split_title(s.name)
        return proper or s.name
    return s.name


def quote_statement(article: Article, q: Quote) -> Statement:
    spans = sorted(q.content, key=lambda s: s.start)
    if q.kind == "stance" and q.cue is not None and spans and q.cue.start < spans[0].start:
        start, end = q.cue.start, spans[-1].end  # "tried to pin the blame on Ukraine"
        text = article.text[start:end]
    elif spans:
        start, end = spans[0].start, spans[-1].end
        text = " … ".join(article.span_text(s) for s in spans)
    else:
        start = q.cue.start if q.cue else 0
        end = q.cue.end if q.cue else 0
        text = q.cue_text
    return Statement(article.id, q.id, speaker_name(q), " ".join(text.split()), start, end, q.cue_text, q.kind)


def article_statements(article: Article) -> list[Statement]:
    found = (quote_statement(article, q) for q in article.quotes)
    return sorted((canonical(article, s) for s in found), key=lambda s: s.start)


def article_names(article: Article) -> list[str]:
    """Full person names the article uses (titles removed), longest first."""
    out = {names.split_title(e.name)[1] for e in article.entities if e.label == "PERSON"}
    out |= {names.split_title(q.speaker.name)[1] for q in article.quotes if q.speaker and q.speaker.kind == "person"}
    return sorted((n for n in out if len(n.split()) >= 2), key=lambda n: (-len(n.split()), n))


def canonical_name(article: Article, name: str) -> str:
    """'Naryshkin' -> 'Sergei Naryshkin' when the article names him in full."""
    if name in (REPORTER, "(unattributed)") or " " in name and len(name.split()) >= 2 and not name.split()[0][:1].islower() and names.parse(name).first:
        return name
    short = names.parse(name)
    if not short.last:
        return name
    for full in article_names(article):
        n = names.parse(full)
        if n.last == short.last and names.compatible_first(short.first, n.first):
            return full
    return name


def canonical(article: Article, s: Statement) -> Statement:
    name = canonical_name(article, s.speaker)
    return s if name == s.speaker else Statement(s.article_id, s.quote_id, name, s.text, s.start, s.end, s.cue, s.kind)


def sentences_of(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.span.start, s.span.end) for s in article.sentences]
    return sentence_spans(article.text)


def clean_speaker(subject: str) -> str | None:
    subject = names.clean(subject)
    if not subject or fold(subject) in _PRONOUNS:
        return None
    words = subject.split()
    if sum(w[:1].isupper() for w in words) >= 1 and len(words) >= 2 and words[-1][:1].isupper():
        _, proper = names.split_title(subject)
        return proper or subject
    return subject


def clause_statement(article: Article, start: int, end: int, *, anchored: bool = True) -> Statement | None:
    """A statement read from the clause text[start:end] ("X has stated that ...").

    ``anchored`` requires the subject to open the clause (after spaces and
    commas), as it does right after a connective.
    """
    text = article.text[start:end]
    lead = len(text) - len(text.lstrip(" ,;:—–-"))
    matches = list(_CLAUSE.finditer(text))
    if not anchored:
        matches = sorted(matches + list(_APPOSITIVE_CLAUSE.finditer(text)), key=lambda m: m.start())
    for m in matches:
        if anchored and m.start() != lead:
            continue
        speaker = clean_speaker(m.group("subj"))
        if not speaker:
            continue
        verb = m.group("verb")
        rest = m.group("rest").strip(" ,\"“”")
        if not rest:
            continue
        s = start + m.start("verb")
        e = start + m.end("rest")
        st = Statement(article.id, None, speaker, " ".join(article.text[s:e].split()), s, e, verb, "clause")
        return canonical(article, st)
    return None


def outlet_of(article: Article) -> str:
    """Who speaks when the article speaks in its own voice."""
    for c in article.cites:
        if c.outlet:
            return c.outlet
    return article.site or REPORTER


# A named source giving a figure in the article's words: "The U.S. Geological Survey put the quake's
# strength at magnitude-5.4" is the survey's statement, as the article reports it.
_ASSESSED = re.compile(
    r"\s*(?:[Tt]he\s+)?(?P<subj>(?:[A-Z][\w.'’&-]*)(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w.'’&-]*){0,6})\s+"
    r"(?:(?:has|have|had|initially|later|first|also)\s+)*(?:" + "|".join(ASSESSMENT_VERBS) + r")\s+(?:the|its|their|his|her|a)\b"
)


def claim_statements(article: Article) -> list[Statement]:
    """One statement per claim of the article, with its holder, outlet and date."""
    quotes = {q.id: q for q in article.quotes}
    outlet = outlet_of(article)
    date = article.published.value[:10] if article.published else None
    out: list[Statement] = []
    for c in article.claims:
        q = quotes.get(c.quote_id or "")
        kind: str  # a quote's kind, or what a claim without one is
        if q is not None:
            speaker, kind = speaker_name(q), q.kind
        elif c.speaker:
            speaker, kind = canonical_name(article, names.clean(c.speaker)), "stance"
        elif (m := _ASSESSED.match(article.text, c.span.start, c.span.end)) and clean_speaker(m.group("subj")):
            speaker, kind = canonical_name(article, names.clean(m.group("subj"))), "stance"  # "The USGS put it at 5.4"
        else:
            speaker, kind = outlet, "narration"
        text = _TAIL.sub("", " ".join(article.text[c.span.start : c.span.end].split()))
        out.append(Statement(article.id, c.quote_id, speaker, text, c.span.start, c.span.end, q.cue_text if q else "", kind, c, outlet, date))
    return out
