"""Names the statistical NER misses inside common-noun phrases, as a spaCy component.

The shipped recogniser learnt from GUM (web and Wikipedia-style text, little
newswire) and often leaves unlabelled a name that sits inside a noun phrase
headed by a common noun: "the state-run Interfax news agency", "famous Russian
sports journalist Dmitry Egorov".  ``newstrace_news_entities`` runs after the
recogniser and adds such names from three rules, each of which relies on what
the phrase itself says about the name, not on the name:

1. **known outlets**: names of news agencies, broadcasters and newspapers from
   the package lexicon (``data/news_entities.txt``, section ``[outlets]``) are
   ORG.  A known name is reliable knowledge, so it also replaces a recogniser
   entity with exactly its tokens or lying inside it ("Washington Post" read as
   PLACE); it yields to a longer entity around it ("BBC World Service").
2. **outlet nouns**: a run of proper nouns followed by an outlet noun ("Interfax
   news agency", "the Kommersant daily") or following one ("the broadcaster Al
   Jazeera") is ORG.
3. **person nouns**: two or more proper nouns right after a singular role,
   occupation or relation noun ("journalist Dmitry Egorov", "his wife Jane
   Smith") are PERSON; this is how the training data's label mapping reads
   such phrases (``newstrace.nlp.ud``), which the recogniser has not learnt well.

Rules 2 and 3 only add entities where the recogniser found none (no overlap).
Proper nouns are recognised by the tagger's PROPN when the pipeline has one,
otherwise by capitalisation alone.  The rules look at the words next to the
name, not at the dependency parse: measured on ECB+ news, the shipped parser
often attaches such a name elsewhere ("told the news agency ISNA": "ISNA" to
the verb), and a parse check lost correct names without removing a wrong one.
The component needs nothing else, so it works with any spaCy pipeline
:func:`newstrace.nlp.load_nlp` loads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

FACTORY = "newstrace_news_entities"
LEXICON_PATH = Path(__file__).resolve().parent / "data" / "news_entities.txt"

ORG = "ORG"
PERSON = "PERSON"

# Often tagged PROPN but never the name of a person or an outlet: without this, "told
# the paper Tuesday" would make "Tuesday" an outlet, "the Internet network" "Internet".
# "The" is left out of names as in the GUM annotation ("The Morning Ledger daily" gives
# "Morning Ledger"); without a tagger its capital would otherwise make it a name word.
_NOT_NAMES = frozenset(
    ["the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "internet", "web"]
)
# "a Maryland newspaper", "an Iranian news agency": after an indefinite article the
# proper noun classifies the outlet (by place, by owner) rather than naming it.
_INDEFINITE = frozenset(("a", "an"))
# Lowercase words allowed between an outlet's name and its outlet noun: "Interfax news
# agency", "Al Jazeera television channel"; at most two, so that the noun still
# belongs to the same short name phrase.
_MAX_OUTLET_MODIFIERS = 2
_MIN_PERSON_NAME_TOKENS = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The component's word lists (see ``data/news_entities.txt``)."""

    outlets: tuple[str, ...]
    outlet_nouns: frozenset[str]
    person_nouns: frozenset[str]


def parse_lexicon(text: str) -> Lexicon:
    """Read the ``[section]`` / one-entry-per-line format of the lexicon file."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is not None:
            current.append(line)
    return Lexicon(
        outlets=tuple(dict.fromkeys(sections.get("outlets", []))),
        outlet_nouns=frozenset(w.lower() for w in sections.get("outlet_nouns", [])),
        person_nouns=frozenset(w.lower() for w in sections.get("person_nouns", [])),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return parse_lexicon(LEXICON_PATH.read_text(encoding="utf-8"))


def _is_name(tok: Token, tagged: bool) -> bool:
    """A token that can be part of a proper name."""
    text = tok.text
    # one letter is an initial only with its period ("J."); "4G" splits into "4", "G"
    if len(text) < 2 or not text[:1].isupper() or tok.lower_ in _NOT_NAMES or tok.is_punct or tok.is_space:
        return False
    return tok.pos_ == "PROPN" if tagged else tok.is_alpha or "." in text or "-" in text


def _is_common(tok: Token, tagged: bool) -> bool:
    """A lowercase word that can modify an outlet noun ("news", "state-run", "television")."""
    if not tok.is_lower or not tok.is_alpha and "-" not in tok.text:
        return False
    return tok.pos_ in ("NOUN", "ADJ", "PROPN") if tagged else True


class NewsEntities:
    """Add outlet (ORG) and person (PERSON) names the recogniser left unlabelled."""

    def __init__(self, nlp: Language, name: str = FACTORY, lexicon: Lexicon | None = None) -> None:
        self.name = name
        self.lexicon = lexicon or default_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # make_doc: tokenised exactly as running text is, without the pipeline's other components
        self.matcher.add(ORG, [nlp.make_doc(n) for n in self.lexicon.outlets])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        tagged = doc.has_annotation("POS")
        ents = _Entities(doc)
        for start, end in self._known_outlets(doc, tagged):
            ents.replace_inside(start, end, ORG)
        for start, end in self._outlet_phrases(doc, tagged):
            ents.add_free(start, end, ORG)
        for start, end in self._person_phrases(doc, tagged):
            ents.add_free(start, end, PERSON)
        ents.write()
        return doc

    # -- rule 1 ------------------------------------------------------------
    def _known_outlets(self, doc: Doc, tagged: bool) -> list[tuple[int, int]]:
        spans = filter_spans([Span(doc, s, e) for _, s, e in self.matcher(doc)])
        out = []
        for sp in spans:
            # a known name glued to more name words is part of a longer name ("AP Biology",
            # "Sputnik V"), which the lexicon does not know
            before = doc[sp.start - 1] if sp.start > 0 else None
            after = doc[sp.end] if sp.end < len(doc) else None
            if before is not None and _is_name(before, tagged):
                continue
            if after is not None and _is_name(after, tagged):
                continue
            out.append((sp.start, sp.end))
        return out

    # -- rule 2 ------------------------------------------------------------
    def _outlet_phrases(self, doc: Doc, tagged: bool) -> list[tuple[int, int]]:
        nouns = self.lexicon.outlet_nouns
        out: list[tuple[int, int]] = []
        for tok in doc:
            if tok.lower_ not in nouns or not tok.is_lower:
                continue
            # "<Name> [modifiers] agency": walk left over at most two modifiers to the name
            k = tok.i - 1
            mods = 0
            while k >= 0 and mods < _MAX_OUTLET_MODIFIERS and _is_common(doc[k], tagged) \
                    and doc[k].lower_ not in nouns:
                k -= 1
                mods += 1
            if k >= 0 and _is_name(doc[k], tagged):
                end = k + 1
                start = _name_run_left(doc, end, tagged)
                if not _indefinite_before(doc, start, tagged):
                    out.append((start, end))
            # "the broadcaster Al Jazeera"
            if tok.i + 1 < len(doc) and _is_name(doc[tok.i + 1], tagged):
                start = tok.i + 1
                end = _name_run_right(doc, start, tagged)
                if not _modifies_next(doc, end, tagged):
                    out.append((start, end))
        return out

    # -- rule 3 ------------------------------------------------------------
    def _person_phrases(self, doc: Doc, tagged: bool) -> list[tuple[int, int]]:
        nouns = self.lexicon.person_nouns
        out: list[tuple[int, int]] = []
        for tok in doc:
            if tok.lower_ not in nouns or not tok.is_lower or (tagged and tok.pos_ != "NOUN"):
                continue
            start = tok.i + 1
            if start >= len(doc) or not _is_name(doc[start], tagged):
                continue
            end = _name_run_right(doc, start, tagged)
            if end - start >= _MIN_PERSON_NAME_TOKENS and not _modifies_next(doc, end, tagged):
                out.append((start, end))
        return out


def _indefinite_before(doc: Doc, start: int, tagged: bool) -> bool:
    """Whether the phrase before ``start`` opens with "a"/"an" ("a suburban Maryland"):
    walk left over at most two lowercase modifiers to the determiner."""
    k = start - 1
    while k >= 0 and start - k <= 2 and doc[k].lower_ not in _INDEFINITE and _is_common(doc[k], tagged):
        k -= 1
    return k >= 0 and doc[k].lower_ in _INDEFINITE


def _modifies_next(doc: Doc, end: int, tagged: bool) -> bool:
    """Whether the name ending at ``end`` is followed by a common noun it modifies
    ("the newspaper Ta Nea website", "coach Tony Dungy interview")."""
    return tagged and end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower


def _name_run_left(doc: Doc, end: int, tagged: bool) -> int:
    start = end - 1
    while start > 0 and _is_name(doc[start - 1], tagged):
        start -= 1
    return start


def _name_run_right(doc: Doc, start: int, tagged: bool) -> int:
    end = start + 1
    while end < len(doc) and _is_name(doc[end], tagged):
        end += 1
    return end


class _Entities:
    """The Doc's entities while the rules add to them; written back once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans: list[Span] = list(doc.ents)
        self.changed = False

    def _overlapping(self, start: int, end: int) -> list[Span]:
        return [e for e in self.spans if e.start < end and start < e.end]

    def add_free(self, start: int, end: int, label: str) -> None:
        """Add [start, end) as ``label`` unless it overlaps any entity."""
        if start < end and not self._overlapping(start, end):
            self.spans.append(Span(self.doc, start, end, label=label))
            self.changed = True

    def replace_inside(self, start: int, end: int, label: str) -> None:
        """Add [start, end), replacing the entities that lie within it; skip it when
        an entity crosses its edge or encloses it (the recogniser saw a longer name)."""
        hits = self._overlapping(start, end)
        if any(e.start < start or e.end > end for e in hits):
            return
        if len(hits) == 1 and (hits[0].start, hits[0].end, hits[0].label_) == (start, end, label):
            return
        self.spans = [e for e in self.spans if all(e is not h for h in hits)]
        self.spans.append(Span(self.doc, start, end, label=label))
        self.changed = True

    def write(self) -> None:
        if self.changed:
            self.doc.ents = sorted(self.spans, key=lambda e: e.start)


@Language.factory(FACTORY)
def make_news_entities(nlp: Language, name: str) -> NewsEntities:
    return NewsEntities(nlp, name)


def add_news_entities(nlp: Language, before: Iterable[str] = ()) -> Language:
    """Add the component after the recogniser and before any of ``before``; idempotent."""
    if FACTORY in nlp.pipe_names:
        return nlp
    first_after = [n for n in before if n in nlp.pipe_names]
    if first_after:
        nlp.add_pipe(FACTORY, before=min(first_after, key=nlp.pipe_names.index))
    else:
        nlp.add_pipe(FACTORY, last=True)
    return nlp
