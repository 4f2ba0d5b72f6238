"""Entity spans and types by the conventions of news text, as a spaCy component (issue 13).

``newstrace_entity_rules`` runs after the recogniser, the news name rules and the label mapping. It does not
guess: each change rests on what the span or the article itself says.

Spans
  - an entity never runs over a closing bracket, a dash or a colon: "(CNN)President Donald Trump" keeps
    only "Donald Trump" (the tokenizer splits ")" glued to a capital, see :func:`add_dateline_infix`);
  - words that cannot open or close a name are cut off ("Sometimes President Trump", "Amy Coney Barrett
    and the", "Chief Peete for community");
  - a person span that joins names by "and", "&" or a comma is split ("Kamala Harris and Donald Trump");
    a person span "<name> of <name>" keeps the person ("David Watt of Rosenberg Research");
  - titles and honorifics stay out of a person's name ("Indiana Gov. Eric Holcomb" -> "Eric Holcomb",
    "Mr Pin" -> "Pin"); a span that is only a title ("US President", "CEO") is not a name and is dropped;
  - a span made only of month or weekday names ("Nov.") is dropped, and so is the name of a document, a law
    or a plan ("Labour Force Survey", "Affordable Care Act").

Types (in this order; a later rule does not undo an earlier one's evidence)
  1. the name's own head word: an organisation word ends it or stands before "of"/"for" ("Bank of Canada",
     "Labor Department", "South African Weather Service"), or a company's ending ends it ("Capital
     Economics", "Epic Games") -> ORG; a place word ("Bashi Channel", "Strait of Hormuz", "National Capital
     Region") -> PLACE;
  2. an acronym spelt out in the same article ("Namibian Broadcasting Corporation (NBC)") takes the type of
     its long form, at every mention, and its mentions the recogniser missed are added;
  3. a person named in full in the article (two name words or more, typed PERSON) makes every other
     mention of that full name or of its last word a PERSON ("President Nangolo Mbumba" ... "Mbumba");
     a name opened by a title or honorific is a PERSON;
  3b. what the sentence says of a name that is no known place: a person's role at it ("an economist at
     Desjardins"), a leader of it ("chief executive of Strava") or what only an organisation has ("Strava's
     users") -> ORG; a common given name opening it ("Keegan Medrano") -> PERSON; a name typed PLACE that
     speaks ("Medrano said", "according to Medrano") -> PERSON, or ORG when a place name is part of it
     ("Statistics Canada said"); then a name keeps one type in the article: a cue or a given name at one
     mention types the others, else the most frequent type of its mentions wins (a speaker typed so is one
     vote);
  4. a known place (GeoNames countries, US states, cities; ``data/places.txt``) typed PERSON or ORG
     becomes a PLACE, unless rule 3 made it a person; a one-word city must be large (500,000 people)
     to be trusted over the recogniser;
  5. an upper-case acronym typed PLACE that is no country code or place abbreviation is an ORG ("FBI").

Being a PERSON needs evidence in the article; being a PLACE needs a gazetteer entry and no person
evidence: a person is never typed as a place because a place word stands near it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from newstrace.gazetteer import place_sections
from newstrace.lang.en.first_names import FEMALE_NAMES, MALE_NAMES
from newstrace.lang.en.media import NAMED_DOCUMENT_ENDINGS
from newstrace.lang.en.organisations import ORG_CUE_NOUNS, ORG_LEADER_NOUNS, ORG_NAME_ENDINGS, ORG_WORDS
from newstrace.lang.en.people import PERSON_NOUNS, PERSON_TITLES, TITLE_WORDS
from newstrace.lang.en.places import PLACE_ABBREVIATIONS, PLACE_HEADS
from newstrace.lang.en.reporting_verbs import SPEECH_VERBS
from newstrace.nlp.news_entities import Lexicon, default_lexicon

FACTORY = "newstrace_entity_rules"

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"
# Characters no name runs over ("CNN)President", "Trump: ...", "Gaza — ").
_BREAKS = frozenset(")(]—–:;|/\"“”")
# Parts of speech that cannot open or close a name ("Sometimes", "Will", "When", "and the").
_NOT_EDGE_POS = frozenset({"ADV", "AUX", "SCONJ", "CCONJ", "DET", "PRON", "ADP", "PART", "INTJ", "PUNCT", "SPACE"})
# Organisation words that also end place names ("Soviet Union", "Islamic State" read as a place).
_PLACE_OR_ORG_HEADS = frozenset({"union", "state", "house"})
# Capitalised words that do not extend a name leftwards (sentence openers).
_NOT_NAMES_LEFT = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})
# Reporting verbs whose subject speaks ("Medrano said"), leaving out those that name or judge ("called").
_SPEAKING = SPEECH_VERBS - frozenset("call describe label term brand dub charge characterize characterise believe think "
                                     "feel fear hope expect doubt worry continue".split())
_SAID = frozenset("said says told tells wrote writes added adds".split())
_JOINERS = frozenset({"and", "&", ",", "or"})
_OF = frozenset({"of", "for"})
_CALENDAR = frozenset(
    "january february march april may june july august september october november december jan jan. feb feb. "
    "mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. monday tuesday "
    "wednesday thursday friday saturday sunday mon mon. tue tue. tues. wed wed. thu thu. thur. thurs. fri fri. "
    "sat sat. sun sun.".split()
)
_DATELINE_INFIX = r"(?<=[A-Za-z0-9])\)(?=[A-Z])"
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,5}$")
# A one-word city is trusted over the recogniser only from this size up (data/places.txt, [big_cities]).
_MIN_PERSON_NAME_WORDS = 2


@dataclass(frozen=True, slots=True)
class Places:
    one_word: frozenset[str]  # countries, regions, big cities: trusted alone
    many_words: frozenset[str]  # every gazetteer name of two words or more
    codes: frozenset[str]  # ISO country codes, US state codes, place abbreviations


@lru_cache(maxsize=1)
def default_places() -> Places:
    sections = place_sections()
    trusted = sections.get("countries", []) + sections.get("regions", []) + sections.get("big_cities", [])
    every = trusted + sections.get("cities", [])
    return Places(
        one_word=frozenset(n for n in trusted if " " not in n),
        many_words=frozenset(n for n in every if " " in n),
        codes=frozenset(sections.get("codes", [])) | PLACE_ABBREVIATIONS,
    )


def _is_name_token(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[:1].isupper() or t[:1].isdigit()) and not tok.is_punct and not tok.is_space


@dataclass
class _Ent:
    start: int
    end: int
    label: str
    fixed: bool = False  # typed by evidence: later rules leave it alone


class EntityRules:
    def __init__(self, name: str = FACTORY, lexicon: Lexicon | None = None, places: Places | None = None,
                 keep_titles: bool = False) -> None:
        self.name = name
        self.lex = lexicon or default_lexicon()
        self.places = places or default_places()
        # GUM's convention keeps titles inside person spans ("President Trump"); news readers' does not.
        # benchmarks/nlp_accuracy.py --keep-titles scores GUM by its own convention.
        self.keep_titles = keep_titles

    # -- words -----------------------------------------------------------------
    def _is_title(self, tok: Token) -> bool:
        w = tok.lower_
        return w in TITLE_WORDS or w.rstrip(".") in TITLE_WORDS

    def _is_person_title(self, tok: Token) -> bool:
        """A title that makes the name after it a person's ("Gov.", "Mr", "President"), not a modifier
        ("National Assembly", "State Council")."""
        return tok.lower_ in PERSON_TITLES or tok.lower_.rstrip(".") in PERSON_TITLES

    def _known_place(self, text: str) -> bool:
        return text in self.places.one_word if " " not in text else text in self.places.many_words

    # -- spans -----------------------------------------------------------------
    def _edge_ok(self, doc: Doc, k: int, tagged: bool, closing: bool) -> bool:
        tok = doc[k]
        if tok.is_punct or tok.is_space:
            return tok.text == "." and closing and k > 0 and len(doc[k - 1].text) == 1  # "J." keeps its dot
        if closing and k > 0 and doc[k - 1].whitespace_ == "" and not doc[k - 1].is_space:
            return True  # the end of a hyphenated word ("Tsai Yun-jung")
        if tok.is_lower and not tok.like_num:
            return False
        return not (tagged and tok.pos_ in _NOT_EDGE_POS and tok.pos_ != "PROPN" and not self._is_title(tok))

    def _trim(self, doc: Doc, s: int, t: int, tagged: bool) -> tuple[int, int]:
        while s < t and not self._edge_ok(doc, s, tagged, closing=False):
            s += 1
        while t > s and not self._edge_ok(doc, t - 1, tagged, closing=True):
            t -= 1
        return s, t

    def _is_break(self, doc: Doc, k: int) -> bool:
        tok = doc[k]
        if tok.is_space:
            return "\n" in tok.text
        # a free-standing hyphen is a dash ("Xi Jinping - Taiwan"); a joined one is part of a name
        return tok.text in _BREAKS or tok.text == "-" and bool(tok.whitespace_) and k > 0 and bool(doc[k - 1].whitespace_)

    def _last_title(self, doc: Doc, s: int, t: int) -> int:
        last = -1
        for k in range(s, t):
            if self._is_title(doc[k]):
                last = k
        return last

    def _pieces(self, doc: Doc, e: _Ent) -> list[tuple[int, int]]:
        """Cut at brackets, dashes and colons; a person's span also at joiners and, after its title,
        at "of"/"for" ("David Watt of Rosenberg Research"; "Secretary of State Antony Blinken" keeps it)."""
        s, t = e.start, e.end
        cuts = [k for k in range(s, t) if self._is_break(doc, k)]
        if e.label == PERSON:
            cuts += [k for k in range(s, t) if doc[k].lower_ in _JOINERS]
            after_title = self._last_title(doc, s, t) + 1
            ofs = [k for k in range(max(s + 1, after_title + 1), t) if doc[k].lower_ in _OF]
            if ofs:
                t = ofs[0]
        elif e.label == ORG:
            # "Migration Policy Institute and Pennsylvania State University": two organisations
            cuts += [k for k in range(s + 1, t - 1) if doc[k].lower_ in ("and", "&")
                     and self._head_type(doc, s, k, ORG) == ORG and self._head_type(doc, k + 1, t, ORG) == ORG
                     and not any(doc[j].lower_ in _OF for j in range(s, k))]
        bounds, start = [], s
        for k in sorted(set(cuts)):
            if k >= t:
                break
            bounds.append((start, k))
            start = k + 1
        bounds.append((start, t))
        return [(a, b) for a, b in bounds if a < b]

    def _strip_title(self, doc: Doc, s: int, t: int) -> tuple[int, int]:
        """The name after the last title word ("Indiana Gov. Eric Holcomb" -> "Eric Holcomb"); empty when
        the span is titles only, or a title "of" something ("Minister of Natural Resources")."""
        last = self._last_title(doc, s, t)
        if last < s:
            return s, t
        if last + 1 < t and doc[last + 1].lower_ in _OF:
            return t, t
        return last + 1, t

    # -- types -----------------------------------------------------------------
    def _head_type(self, doc: Doc, s: int, t: int, label: str) -> str | None:
        words = [doc[k] for k in range(s, t)]
        ofs = [i for i, w in enumerate(words) if w.lower_ in _OF]
        heads = [words[-1]] + ([words[ofs[0] - 1]] if ofs and ofs[0] > 0 else [])
        for h in heads:
            w = h.lower_
            if w in ORG_WORDS or w.rstrip(".") in ORG_WORDS:
                # "Soviet Union", "Islamic State": a place the recogniser saw stays one
                if label == PLACE and w in _PLACE_OR_ORG_HEADS:
                    return None
                return ORG
            if w in PLACE_HEADS:
                return PLACE
        if len(words) >= 2 and words[-1].lower_ in ORG_NAME_ENDINGS and words[-1].text[:1].isupper():
            return ORG
        return None

    @staticmethod
    def _document(doc: Doc, e: _Ent) -> bool:
        """The name of a document, a law or a plan ("Labour Force Survey"), not of an organisation."""
        last = doc[e.end - 1]
        return e.end - e.start >= 2 and last.lower_ in NAMED_DOCUMENT_ENDINGS and last.text[:1].isupper()

    def _person_cue(self, doc: Doc, e: _Ent) -> bool:
        """A role noun before the name ("spokesman Nazario Briguera") or an apposition after it that
        describes a person ("Yao Zhe, a Beijing-based researcher", "Zephyr, a 34-year-old")."""
        if e.start > 0 and doc[e.start - 1].lower_ in self.lex.person_nouns and doc[e.start - 1].is_lower:
            return True
        k = e.end
        if k + 2 < len(doc) and doc[k].text == "," and (doc[k + 1].lower_ in ("a", "an", "the") or doc[k + 1].like_num) \
                and not self._known_place(doc[e.start : e.end].text):
            for j in range(k + 1, min(k + 7, len(doc))):
                tok = doc[j]
                if tok.is_punct and tok.text != "-" or tok.is_space:
                    return False
                if tok.is_lower and (tok.lower_ in self.lex.person_nouns or tok.lower_.endswith("-old")):
                    return True
        return False

    def _org_cue(self, doc: Doc, e: _Ent) -> bool:
        """What the sentence says of the name makes it an organisation: a person's role at or with it
        ("an economist at Desjardins", "analyst with Capital Economics"), a leader of it ("the chief executive
        of Strava"), something only an organisation has ("Strava's users", "Spotify's app"), or an apposition
        that says so ("Zenodo, a repository run by CERN" is left alone; "Garmin, a company")."""
        s, t = e.start, e.end
        if s >= 2 and doc[s - 1].lower_ in ("at", "with") and doc[s - 2].lower_ in PERSON_NOUNS and doc[s - 2].is_lower:
            return True
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in ORG_LEADER_NOUNS and doc[s - 2].is_lower:
            return True
        if t + 1 < len(doc) and doc[t].lower_ in ("'s", "’s") and doc[t + 1].is_lower and doc[t + 1].lower_ in ORG_CUE_NOUNS:
            return True
        if t + 2 < len(doc) and doc[t].text == "," and doc[t + 1].lower_ in ("a", "an"):
            for j in range(t + 2, min(t + 6, len(doc))):
                tok = doc[j]
                if tok.is_punct and tok.text != "-" or tok.is_space or tok.lower_ in PERSON_NOUNS:
                    return False
                if tok.is_lower and tok.lower_ in ORG_CUE_NOUNS | ORG_WORDS and tok.tag_ in ("NN", "NNS", ""):
                    return True
        return False

    def _first_name(self, doc: Doc, e: _Ent) -> bool:
        """A name opened by a common given name and followed by another name word ("Keegan Medrano",
        "Benjamin Reitzes"): a person's, unless a place (gazetteer) or an organisation word says otherwise."""
        a, b = self._strip_title(doc, e.start, e.end)
        words = [doc[k] for k in range(a, b)]
        if len(words) < 2 or len(words) > 4 or not all(_is_name_token(w) or w.text in ("-", ".") for w in words):
            return False
        first = words[0].lower_
        return (first in MALE_NAMES or first in FEMALE_NAMES) and words[0].text[:1].isupper() and not words[0].is_upper

    @staticmethod
    def _speaks(doc: Doc, e: _Ent) -> bool:
        """The name is the one speaking: "<name> said", "said <name>", "according to <name>"."""
        if e.end < len(doc):
            verb = doc[e.end]
            if verb.lower_ in _SAID or verb.lemma_.lower() in _SPEAKING and verb.pos_ in ("VERB", "AUX"):
                return True
        if e.start >= 2 and doc[e.start - 2].lower_ == "according" and doc[e.start - 1].lower_ == "to":
            return True
        return e.start >= 1 and doc[e.start - 1].lower_ in _SAID

    @staticmethod
    def _common_noun(doc: Doc, e: _Ent, tagged: bool) -> bool:
        """One capitalised common noun ("Advertisement", "Country", "Article 5"'s "Article"): the tagger says
        it is no proper noun, as GUM's named mentions have."""
        tok = doc[e.start]
        return tagged and e.end - e.start == 1 and tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_upper

    def _heading(self, doc: Doc, e: _Ent) -> bool:
        """An upper-case run that is a heading or a slogan, not a name ("RISK REMAINS:", "MAKE AMERICA RICH
        AGAIN"): followed by a colon, or with other upper-case words next to it."""
        words = [doc[k] for k in range(e.start, e.end) if doc[k].is_alpha]
        if not words or not all(w.is_upper and len(w) > 1 for w in words) or len(words) == 1 and len(words[0]) <= 5:
            return False
        if e.end < len(doc) and doc[e.end].text == ":":
            return True
        near = [doc[k] for k in range(max(0, e.start - 3), min(len(doc), e.end + 3)) if not e.start <= k < e.end]
        return sum(t.is_alpha and t.is_upper and len(t) > 1 for t in near) >= 2

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        tagged = doc.has_annotation("POS")
        ents: list[_Ent] = []
        for span in doc.ents:
            e = _Ent(span.start, span.end, span.label_)
            # the whole span's head types it before it is cut ("Bank of Canada", not "Bank")
            head = self._head_type(doc, e.start, e.end, e.label)
            if head is not None:
                e.label, e.fixed = head, True
            if self._heading(doc, e) or self._common_noun(doc, e, tagged) or self._document(doc, e):
                continue
            for a, b in self._pieces(doc, e):
                a, b = self._trim(doc, a, b, tagged)
                if a < b and not all(doc[k].lower_ in _CALENDAR for k in range(a, b)):
                    ents.append(_Ent(a, b, e.label, e.fixed))
        ents = self._extend_orgs(doc, ents, tagged)
        text = lambda e: doc[e.start : e.end].text  # noqa: E731

        # acronyms spelt out in the article, and abbreviations
        acronyms = self._acronyms(doc, ents)
        for e in ents:
            name = text(e)
            if name in acronyms:
                e.label, e.fixed = acronyms[name], True
            elif name in PLACE_ABBREVIATIONS:
                e.label, e.fixed = PLACE, True
            elif _ACRONYM.match(name) and e.label in (PERSON, PLACE) and not e.fixed:
                # an upper-case acronym is no person, and a place only as a country or state code
                if name in self.places.codes:
                    e.label = PLACE
                elif not self._known_place(name):
                    e.label = ORG
        ents += self._missed(doc, ents, acronyms, lambda t: acronyms[t.text] if t.text in acronyms else None)

        # person cues: a title before the name, a role noun, an apposition
        for e in ents:
            a, _ = self._strip_title(doc, e.start, e.end)
            person_title = a > e.start and self._is_person_title(doc[a - 1])
            if not e.fixed and (person_title and a < e.end or self._person_cue(doc, e)):
                e.label, e.fixed = PERSON, True

        # organisation cues; a given name; a name that speaks is no place
        for e in ents:
            if e.fixed:
                continue
            name = text(e)
            if self._known_place(name) or self._head_type(doc, e.start, e.end, e.label) is not None:
                continue
            if e.label != ORG and self._org_cue(doc, e):
                e.label, e.fixed = ORG, True
            elif e.label != PERSON and self._first_name(doc, e):
                e.label, e.fixed = PERSON, True
            elif e.label == PLACE and self._speaks(doc, e):
                # "Medrano said": a person; "Statistics Canada said": a place word in it, an organisation
                words = [doc[k].text for k in range(e.start, e.end)]
                e.label = PERSON if len(words) <= 3 and not any(self._known_place(w) for w in words) else ORG
                # weak evidence: not fixed, so the name's other mentions outvote it ("Strava said" once,
                # an organisation everywhere else)
        self._one_type_per_name(ents, text)

        # known places: unless the article gives the name to a person
        # ("Denzel Washington" ... "Washington": the last word of a longer person's name is the person)
        longer_people = {doc[e.end - 1].text for e in ents
                         if e.label == PERSON and e.end - e.start >= 2 and not self._known_place(text(e))}
        for e in ents:
            name = text(e)
            if not e.fixed and e.label in (PERSON, ORG) and self._known_place(name) and name not in longer_people:
                e.label, e.fixed = PLACE, True

        ents += self._given_names_before(doc, ents)

        # person evidence: full names and their last words
        full_names: set[str] = set()
        surnames: set[str] = set()
        for e in ents:
            if e.label != PERSON:
                continue
            a, b = self._strip_title(doc, e.start, e.end)
            names = [doc[k] for k in range(a, b) if _is_name_token(doc[k])]
            if len(names) >= _MIN_PERSON_NAME_WORDS:
                full_names.add(doc[a:b].text)
                surnames.add(names[-1].text)
        for e in ents:
            if e.label == PERSON or e.fixed:
                continue
            a, b = self._strip_title(doc, e.start, e.end)
            name = doc[a:b].text
            if name in full_names or name in surnames or (b - a <= 3 and doc[b - 1].text in surnames and a < b - 1):
                e.label, e.fixed = PERSON, True
        ents += self._missed_full_names(doc, ents, full_names)
        ents += self._missed(doc, ents, surnames, lambda t: PERSON if self._lone_name(doc, t, tagged) else None)

        # titles out of person names, last: the rules above read them
        out: list[Span] = []
        for e in ents:
            a, b = e.start, e.end
            if e.label == PERSON and not self.keep_titles:
                a, b = self._strip_title(doc, a, b)
                a, b = self._trim(doc, a, b, tagged)
            elif all(self._is_title(doc[k]) for k in range(a, b)):
                continue  # "CEO", "US President" read as an organisation
            if a < b and any(_is_name_token(doc[k]) for k in range(a, b)):
                out.append(Span(doc, a, b, label=e.label))
        out.sort(key=lambda sp: (sp.start, -sp.end))
        kept: list[Span] = []
        for sp in out:
            if not kept or sp.start >= kept[-1].end:
                kept.append(sp)
        doc.ents = kept
        return doc

    @staticmethod
    def _given_name(tok: Token) -> bool:
        return (tok.lower_ in MALE_NAMES or tok.lower_ in FEMALE_NAMES) and tok.text[:1].isupper() and not tok.is_upper

    def _given_names_before(self, doc: Doc, ents: list[_Ent]) -> list[_Ent]:
        """A person known by one word ("Medrano said") whose full name the recogniser missed ("Keegan Medrano,
        the policy director"): a common given name written before that word joins it, at the mention itself
        and where the pair stands unrecognised."""
        taken = {k for e in ents for k in range(e.start, e.end)}
        surnames = set()
        for e in ents:
            if e.label == PERSON and e.end - e.start == 1:
                surnames.add(doc[e.start].text)
                if e.start > 0 and e.start - 1 not in taken and self._given_name(doc[e.start - 1]):
                    e.start -= 1
                    e.fixed = True
                    taken.add(e.start)
        out = []
        for t in doc:
            if t.text in surnames and t.i > 0 and t.i not in taken and t.i - 1 not in taken and self._given_name(doc[t.i - 1]):
                out.append(_Ent(t.i - 1, t.i + 1, PERSON, True))
                taken.update((t.i - 1, t.i))
        return out

    @staticmethod
    def _one_type_per_name(ents: list[_Ent], text) -> None:  # noqa: ANN001 - text: _Ent -> str
        """A name keeps one type in an article: what the article's own evidence typed at one mention types
        the others; otherwise the recogniser's most frequent type for it wins (a tie changes nothing)."""
        by_name: dict[str, list[_Ent]] = {}
        for e in ents:
            by_name.setdefault(text(e), []).append(e)
        for group in by_name.values():
            if len(group) < 2:
                continue
            evidence = {e.label for e in group if e.fixed}
            if len(evidence) == 1:
                label = next(iter(evidence))
            elif evidence:
                continue
            else:
                counts: dict[str, int] = {}
                for e in group:
                    counts[e.label] = counts.get(e.label, 0) + 1
                ranked = sorted(counts.values(), reverse=True)
                if len(ranked) > 1 and ranked[0] == ranked[1]:
                    continue
                label = max(counts, key=lambda k: counts[k])
            for e in group:
                if not e.fixed:
                    e.label = label

    def _extend_orgs(self, doc: Doc, ents: list[_Ent], tagged: bool) -> list[_Ent]:
        """An organisation's name the recogniser cut short takes in the name words joined to it
        ("Centre for Research" + "on Energy and Clean Air", "Energy and" + "Resources Institute",
        "Moruo Mining" + "and Construction Company"); entities inside it are merged into it."""
        def name_at(k: int) -> bool:
            return 0 <= k < len(doc) and _is_name_token(doc[k]) and (not tagged or doc[k].pos_ in ("PROPN", "NOUN", "ADJ"))

        for e in ents:
            if e.label != ORG or self._head_type(doc, e.start, e.end, e.label) != ORG:
                continue
            end = e.end
            joined = any(doc[k].lower_ in _OF | {"on"} for k in range(e.start, e.end))
            while True:
                while name_at(end):
                    end += 1
                word = doc[end].lower_ if end < len(doc) else ""
                # "and" joins only inside an "of"/"for" part: "Institute for Science and Environment",
                # not "Migration Policy Institute and Pennsylvania State University"
                if name_at(end + 1) and (word in _OF | {"on"} or joined and word in ("and", "&")):
                    end += 1
                    joined = True
                    continue
                break
            start = e.start
            while True:
                if name_at(start - 1) and doc[start - 1].lower_ not in _NOT_NAMES_LEFT:
                    start -= 1
                elif start - 2 >= 0 and doc[start - 1].lower_ in ("and", "&") and name_at(start - 2) \
                        and self._head_type(doc, start - 2, start - 1, ORG) is None:
                    start -= 2
                else:
                    break
            e.start, e.end = start, end
        ents.sort(key=lambda e: (e.start, -(e.end - e.start)))
        merged: list[_Ent] = []
        for e in ents:
            if merged and e.start < merged[-1].end:
                continue  # inside (or across) an organisation name taken in above
            merged.append(e)
        return merged

    def _acronyms(self, doc: Doc, ents: list[_Ent]) -> dict[str, str]:
        """"Long Form (LF)": the acronym takes the long form's type."""
        found: dict[str, str] = {}
        for e in ents:
            a, b = e.start, e.end
            if b + 2 < len(doc) and doc[b].text == "(" and doc[b + 2].text == ")":
                acr = doc[b + 1].text
                initials = "".join(doc[k].text[0] for k in range(a, b) if doc[k].text[:1].isupper()).upper()
                if _ACRONYM.match(acr) and (acr.upper() in initials or initials.startswith(acr.upper())):
                    found[acr] = e.label
        return found

    @staticmethod
    def _lone_name(doc: Doc, t: Token, tagged: bool) -> bool:
        """A proper noun not glued to other name words ("Mbumba said", not "Chunghwa Telecom Co")."""
        if tagged and t.pos_ != "PROPN":
            return False
        return not any(0 <= j < len(doc) and _is_name_token(doc[j]) and (not tagged or doc[j].pos_ == "PROPN")
                       for j in (t.i - 1, t.i + 1))

    @staticmethod
    def _missed_full_names(doc: Doc, ents: list[_Ent], full_names: set[str]) -> list[_Ent]:
        taken = {k for e in ents for k in range(e.start, e.end)}
        out = []
        for name in full_names:
            words = name.split()
            n = len(words)
            for i in range(len(doc) - n + 1):
                if doc[i].text == words[0] and [doc[i + j].text for j in range(n)] == words and \
                        not any(i + j in taken for j in range(n)):
                    out.append(_Ent(i, i + n, PERSON, True))
                    taken.update(range(i, i + n))
        return out

    def _missed(self, doc: Doc, ents: list[_Ent], words, label_of) -> list[_Ent]:  # noqa: ANN001
        """One-word mentions of a name the article has typed, where the recogniser saw nothing."""
        if not words:
            return []
        taken = {k for e in ents for k in range(e.start, e.end)}
        out = []
        for t in doc:
            if t.i in taken or t.text not in words:
                continue
            label = label_of(t)
            if label is not None:
                out.append(_Ent(t.i, t.i + 1, label, True))
        return out


@Language.factory(FACTORY)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules(name)


def add_dateline_infix(nlp: Language) -> None:
    """Split ")" glued to the capital of the next word ("(CNN)President"), as wire copy's datelines have it.

    The shipped tokenizer uses spaCy's English infixes (checked by a test); one pattern is added to them."""
    base = list(nlp.Defaults.infixes or [])
    if _DATELINE_INFIX not in base:
        tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]  # a Language's tokenizer is typed as any callable
        tokenizer.infix_finditer = compile_infix_regex(base + [_DATELINE_INFIX]).finditer


def add_entity_rules(nlp: Language) -> Language:
    """Add the component last (and the dateline infix to the tokenizer); idempotent."""
    add_dateline_infix(nlp)
    if FACTORY not in nlp.pipe_names:
        nlp.add_pipe(FACTORY, last=True)
    return nlp
