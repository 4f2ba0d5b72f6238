"""Who is speaking: from a source noun phrase to a resolved :class:`Speaker`.

Within one article, the names people and organisations go by are gathered
from the entity recogniser: a surname alone ("Naryshkin") resolves to the
full name used elsewhere ("Sergei Naryshkin"), an acronym ("the NSC") to the
organisation it abbreviates ("National Security Council"), a pronoun ("he")
to the person last speaking or last named, and a description ("the Russian
leader") to the person whose title matches it. What is not a name is kept as
written, classed as a role ("a Kremlin spokesman") or an anonymous group
("American officials familiar with the situation").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from newstrace import names
from newstrace.attribution.context import ArticleContext, base_dep, trim_span
from newstrace.attribution.salience import Salience
from newstrace.lang.en.first_names import FEMALE_NAMES, MALE_NAMES
from newstrace.lang.en.media import DOCUMENT_NOUNS, OUTLET_WORDS
from newstrace.lang.en.organisations import ANAPHOR_NOUNS, ORG_WORDS
from newstrace.lang.en.people import (
    GROUP_NOUNS,
    LEADER_WORDS,
    NAME_TITLES,
    PERSON_NOUNS,
    PERSON_TITLES,
    ROLE_NOUNS,
)
from newstrace.lang.en.pronouns import FIRST_PERSON, PERSONAL_PRONOUNS, PLURAL_PRONOUNS
from newstrace.model import Span, Speaker, SpeakerKind

PERSON_LABELS = frozenset({"PERSON", "PER"})
ORG_LABELS = frozenset({"ORG", "NORP"})
PLACE_LABELS = frozenset({"PLACE", "GPE", "LOC", "FAC"})
_DET_RE = re.compile(r"^(the|a|an)\s+", re.I)
_POSS_RE = re.compile(r"(’s|'s)$")
_CAP_RUN_RE = re.compile(
    r"\b[A-Z][a-z]+(?:\s+(?:of|for|and|on|the)\s+[A-Z][a-z]+|\s+[A-Z][a-z]+)*\s+"
    r"(?:Council|Committee|Ministry|Department|Agency|Party|Office|Service|Court|Commission|Bureau|Institute|"
    r"Association|Union|Administration|Foundation|Organization|Organisation|Federation|Authority|Board|Command|"
    r"Agency|Fund|Bank|Forces|Army|Guard|Directorate|Center|Centre)\b")


@dataclass
class Cluster:
    """One named entity of the article and the forms it goes by."""

    id: str
    name: str
    label: str  # PERSON / ORG / PLACE
    forms: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    first: int = 0


def _clean_name(text: str) -> str:
    text = _POSS_RE.sub("", text.strip())
    text = _DET_RE.sub("", text)
    return text.strip(" ,.;:\"“”'’")


# "(see ...) coordinated by Instituto Escolhas, a think tank": who wrote a document the article cites.
_AUTHOR_RE = re.compile(
    r"\s*(?:\([^)]{0,120}\)\s*)?,?\s*(?:led|coordinated|conducted|commissioned|published|carried\s+out|written|"
    r"produced|released|prepared|compiled|funded)\s+by\s+((?:the\s+)?[^,.;()]{2,90}?)(?=\s*[,.;(]|\s+(?:in|on|for)\s+\d|$)"
)
_APPOSITION_RE = re.compile(r",\s+(?:a|an|the|his|her|their)\s+((?:[\w’'-]+\s+){0,4}[\w’'-]+)")


def only_titles(name: str) -> bool:
    """"US President", "Prime Minister", "the Premier": titles with at most a place abbreviation, no name."""
    words = [w.strip(".,") for w in _clean_name(name).split()]
    if not words or words[-1].lower() not in PERSON_TITLES | NAME_TITLES:
        return False
    return all(w.lower() in PERSON_TITLES | NAME_TITLES or (w.isupper() and len(w) <= 3) for w in words)


def looks_like_person(text: str, start: int, name: str) -> bool:
    """A name the recogniser may have typed wrongly is a person's when a known given name opens it
    ("Keegan Medrano", "Zooey Zephyr") or a personal title stands before it ("Rep. Zooey Zephyr"),
    and no organisation word is in it."""
    words = _clean_name(name).split()
    if not words or {w.lower().strip(".,") for w in words} & ORG_WORDS:
        return False
    first = words[0].lower()
    if len(words) >= 2 and (first in MALE_NAMES or first in FEMALE_NAMES) and all(w[:1].isupper() for w in words):
        return True
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].lower() in PERSON_TITLES and all(w[:1].isupper() for w in words):
        return True
    # an apposition that says what the person does: "Yao Zhe, a Beijing-based researcher at ..."
    after = text[start + len(name) : start + len(name) + 80]
    m = _APPOSITION_RE.match(after)
    return m is not None and len(words) >= 2 and any(w.lower().strip(",.") in PERSON_NOUNS for w in m.group(1).split())


class EntityIndex:
    """The article's people, organisations and places, with their short forms."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.clusters: list[Cluster] = []
        self.by_form: dict[str, Cluster] = {}
        self.by_surname: dict[str, Cluster] = {}
        self.by_family_first: dict[str, Cluster] = {}  # first word of a person's name, for family-name-first names
        self.by_acronym: dict[str, Cluster] = {}
        self.mentions: list[tuple[int, int, Cluster]] = []  # (start_char, end_char, cluster)
        self.text = ctx.text
        ents = [e for e in ctx.doc.ents if e.label_ in PERSON_LABELS | ORG_LABELS | PLACE_LABELS and not only_titles(e.text)]
        # Full names first, so that short forms find them wherever they occur.
        ordered = sorted(ents, key=lambda e: (-len(e.text.split()), e.start_char))
        for e in ordered:
            self._add(e)
        for m in _CAP_RUN_RE.finditer(ctx.text):
            name = m.group(0)
            acr = names.acronym(name, split_hyphens=True)
            if acr and len(acr) >= 2 and acr not in self.by_acronym:
                c = self.lookup(name)
                if c is None:
                    c = Cluster(id=f"e{len(self.clusters) + 1}", name=name, label="ORG", forms={name.lower()},
                                first=m.start())
                    self.clusters.append(c)
                    self.by_form.setdefault(name.lower(), c)
                if c.label == "ORG":
                    self.by_acronym[acr] = c
        for e in ents:
            c = self.lookup(_clean_name(e.text), "PERSON" if looks_like_person(self.text, e.start_char, e.text) else e.label_)
            if c is not None:
                self.mentions.append((e.start_char, e.end_char, c))
        self.mentions.sort(key=lambda m: m[0])

    def _label(self, spacy_label: str) -> str:
        if spacy_label in PERSON_LABELS:
            return "PERSON"
        if spacy_label in PLACE_LABELS:
            return "PLACE"
        return "ORG"

    def _add(self, ent) -> None:  # type: ignore[no-untyped-def]
        label = "PERSON" if looks_like_person(self.text, ent.start_char, ent.text) else self._label(ent.label_)
        raw = _clean_name(ent.text)
        if not raw:
            return
        if self.lookup(raw, ent.label_) is not None:
            c = self.lookup(raw, ent.label_)
            assert c is not None
            c.forms.add(raw.lower())
            return
        words = raw.split()
        title: list[str] = []
        if label == "PERSON":
            title, words = split_name(words)
        name = " ".join(words)
        c = Cluster(id=f"e{len(self.clusters) + 1}", name=name, label=label, forms={raw.lower(), name.lower()},
                    first=ent.start_char)
        if title:
            c.titles.append(" ".join(title))
        self.clusters.append(c)
        self.by_form.setdefault(name.lower(), c)
        self.by_form.setdefault(raw.lower(), c)
        if label == "PERSON" and len(words) >= 2:
            self.by_surname.setdefault(words[-1].lower(), c)
            self.by_family_first.setdefault(words[0].lower(), c)
        if label == "ORG":
            acr = names.acronym(name, split_hyphens=True)
            if acr:
                self.by_acronym.setdefault(acr, c)

    def lookup(self, text: str, spacy_label: str | None = None) -> Cluster | None:
        """The cluster a name refers to: exact form, surname, acronym, or title-stripped form."""
        t = _clean_name(text)
        if not t:
            return None
        low = t.lower()
        compact = t.replace(".", "")
        if compact.isupper() and compact in self.by_acronym:
            return self.by_acronym[compact]
        if " " not in low and low in self.by_surname:
            return self.by_surname[low]
        if " " not in low and low in self.by_family_first and low not in MALE_NAMES and low not in FEMALE_NAMES:
            return self.by_family_first[low]  # "Xi" for "Xi Jinping": the family name written first
        if low in self.by_form:
            return self.by_form[low]
        words = t.split()
        _, name_words = split_name(words)
        if name_words and " ".join(name_words).lower() in self.by_form:
            return self.by_form[" ".join(name_words).lower()]
        if name_words and len(name_words) == 1 and name_words[0].lower() in self.by_surname:
            return self.by_surname[name_words[0].lower()]
        if len(words) >= 2 and words[-1].lower() in self.by_surname:
            c = self.by_surname[words[-1].lower()]
            if c.name.split()[0].lower() == name_words[0].lower():
                return c
        compact = t.replace(".", "").upper()
        if compact in self.by_acronym and t.replace(".", "").isupper():
            return self.by_acronym[compact]
        return None

    def cluster_for_tokens(self, start: int, end: int, label: str | None = None) -> Cluster | None:
        for s, e, c in self.mentions:
            if s >= start and e <= end and (label is None or c.label == label):
                return c
        return None


def _titlecase(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() is False and t.isupper())) and t.lower() not in ("the", "a", "an")


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    # the occupations and roles the entity rules know ("journalist", "engineer", "economist")
    from newstrace.nlp.news_entities import default_lexicon

    return default_lexicon().person_nouns


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """:func:`newstrace.names.split_name` with the entity recogniser's role nouns."""
    return names.split_name(words, _role_nouns())


class SpeakerResolver:
    """Turns a source phrase (token ranges) into a :class:`Speaker`, resolving short forms within the article."""

    def __init__(self, ctx: ArticleContext, contents: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
        """``contents``: the reported statements' spans, so that people named inside them count as
        talked about rather than talking."""
        self.ctx = ctx
        self.index = EntityIndex(ctx)
        self.salience = Salience(ctx, list(contents))
        self._speakers: dict[str, Speaker] = {}  # salience key -> a speaker it stands for
        self._unindexed_names: dict[str, str] = {}  # surname -> full name the recogniser missed
        for start, end, cl in self.index.mentions:
            before = ctx.text[max(0, start - 16) : start].split()[-1:]
            m = _APPOSITION_RE.match(ctx.text[end : end + 80])
            described = m.group(1).split() if m else []
            self.salience.add_mention(cl.id, cl.name, _referent_kind(cl.label), start, end,
                                      words_around=before + described + [w for t in cl.titles for w in t.split()])
        self._subject_names()
        self._group_subjects()
        for cl in self.index.clusters:
            if cl.label == "PERSON":
                self.salience.vote_first_name(cl.id, cl.name)
        self.salience.learn_genders()

    def _subject_names(self) -> None:
        """Proper-noun subjects the recogniser left out ("Katjavivi, one of Geingob's friends, was ...")
        are referents too: a person's surname when it matches one, else a name of unknown gender."""
        covered = [(s, e) for s, e, _ in self.index.mentions]
        for tok in self.ctx.doc:
            if tok.pos_ != "PROPN" or base_dep(tok) not in ("nsubj", "nsubjpass") or not tok.text[:1].isupper():
                continue
            if any(s <= tok.idx < e for s, e in covered):
                continue
            parts = [tok] + [c for c in tok.children if c.dep_.lower() in ("flat", "flat:name", "compound") and c.pos_ == "PROPN"]
            a, b = min(t.idx for t in parts), max(t.idx + len(t.text) for t in parts)
            written = self.ctx.text[a:b]
            cl = self.index.lookup(written)
            if cl is not None:
                key, name, label = cl.id, cl.name, cl.label
            elif tok.ent_type_ in ("GPE", "LOC", "FAC", "PLACE", "ORG", "NORP") or not self._person_evidence(written, a):
                continue
            else:
                key, name, label = f"name:{written}", written, "PERSON"
                if " " in written:
                    self._unindexed_names.setdefault(written.split()[-1].lower(), written)
                    self.salience.vote_first_name(key, written)
            self.salience.add_mention(key, name, _referent_kind(label), a, b)

    def _group_subjects(self) -> None:
        """Plural subjects that name people ("hundreds of protesters converged on Helena") are
        referents for "they", like the groups and organisations the recogniser names."""
        doc = self.ctx.doc
        people = GROUP_NOUNS | {w + "s" for w in PERSON_NOUNS}
        for tok in doc:
            if tok.tag_ not in ("NNS", "NNPS") or tok.lower_ not in people:
                continue
            # the noun phrase, read back over "hundreds of", numbers, adjectives and determiners
            j = tok.i
            while j > 0 and (doc[j - 1].pos_ in ("DET", "NUM", "ADJ") or doc[j - 1].lower_ == "of"
                             or (doc[j - 1].tag_ == "NNS" and j - 2 >= 0 and doc[j].lower_ == "of")):
                j -= 1
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            by_parse = base_dep(tok) == "nsubj"
            by_order = nxt is not None and nxt.tag_ in ("VBD", "VBP", "VBZ", "MD", "VBN") and (j == 0 or doc[j - 1].pos_ != "ADP")
            if not (by_parse or by_order) or tok.i - j > 5:
                continue
            a, b = doc[j].idx, tok.idx + len(tok.text)
            written = self.ctx.text[a:b]
            key = f"group:{written.lower()}"
            self._speakers[key] = Speaker(written, written, "anonymous_group", Span(a, b))
            self.salience.add_mention(key, written, "group", a, b, main=True)

    def _person_evidence(self, written: str, start: int) -> bool:
        """A name the recogniser missed is a person's when it looks like one here, or when the
        article writes it elsewhere after a given name or a title ("Peter Katjavivi", "Mr Pin")."""
        if looks_like_person(self.ctx.text, start, written):
            return True
        last = written.split()[-1]
        for m in re.finditer(r"([\w.]+)\s+" + re.escape(last) + r"\b", self.ctx.text):
            w = m.group(1).lower()
            if w in MALE_NAMES or w in FEMALE_NAMES or w in PERSON_TITLES:
                return True
        return False

    def resolve(self, core: tuple[int, int], extras: list[tuple[int, int]] = (),  # type: ignore[assignment]
                remember: bool = True) -> Speaker | None:
        """The speaker a source phrase names; ``remember``: it becomes a referent for later pronouns."""
        sp = self._resolve(core, list(extras))
        if sp is not None and sp.name:
            if remember:
                self._remember(sp)
            return sp
        return None

    def _remember(self, sp: Speaker) -> None:
        """A resolved speaker becomes a salient referent for the pronouns after it."""
        if sp.span is None:
            return
        key = sp.entity_id or f"speaker:{sp.name.lower()}"
        self._speakers[key] = sp
        words = sp.text.split() + (sp.title.split() if sp.title else [])
        head = sp.name.split()[-1].lower() if sp.name.split() else ""
        kind = "organization" if sp.kind == "role" and head in DOCUMENT_NOUNS else _SPEAKER_REFERENT.get(sp.kind, "person")
        self.salience.add_mention(key, sp.name, kind, sp.span.start, sp.span.end, speaker=True, words_around=words)

    # -- helpers -----------------------------------------------------------------------
    def _span(self, a: int, b: int) -> Span | None:
        doc = self.ctx.doc
        if b <= a:
            return None
        return trim_span(self.ctx.text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), " \t\n,;:—–-\"“”")

    def _text(self, a: int, b: int) -> str:
        sp = self._span(a, b)
        return self.ctx.text[sp.start : sp.end] if sp else ""

    def _name_run(self, a: int, b: int) -> tuple[int, int] | None:
        """The capitalised run at the end of tokens [a, b) (the head end of a noun phrase)."""
        doc = self.ctx.doc
        j = b
        while j > a and (_titlecase(doc[j - 1]) or doc[j - 1].text in ("-", ".") and j - 1 > a) \
                and doc[j - 1].lower_ not in ("'s", "’s"):
            j -= 1
        return (j, b) if j < b else None

    def _cluster_for(self, run_text: str, a: int, b: int) -> Cluster | None:
        cl = self.index.lookup(run_text)
        if cl is not None:
            return cl
        doc = self.ctx.doc
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        cl = self.index.cluster_for_tokens(start, end)
        if cl is not None and not set(run_text.lower().split()) <= set(cl.name.lower().split()):
            return None  # the recogniser saw only part of this name
        return cl

    def _register_person(self, name: str, title: str | None, pos: int) -> Cluster:
        cl = self.index.lookup(name)
        if cl is not None and cl.label == "PERSON":
            if title and title not in cl.titles:
                cl.titles.append(title)  # "MEC for Cooperative Governance ..., Jacob Mamabolo": "the MEC" later
            return cl
        words = name.split()
        cl = Cluster(id=f"e{len(self.index.clusters) + 1}", name=name, label="PERSON",
                     forms={name.lower()}, first=pos)
        if title:
            cl.titles.append(title)
        self.index.clusters.append(cl)
        self.index.by_form[name.lower()] = cl
        if len(words) >= 2:
            self.index.by_surname.setdefault(words[-1].lower(), cl)
        return cl

    def _org_kind(self, words: list[str]) -> SpeakerKind | None:
        low = {w.lower().strip(".,") for w in words}
        if low & (OUTLET_WORDS - {"media", "network", "channel", "press", "daily", "news", "agency", "wire"}) \
                or {"news", "agency"} <= low:
            return "outlet"
        if low & ORG_WORDS:
            return "organization"
        return None

    # -- resolution ----------------------------------------------------------------------
    def _resolve(self, core: tuple[int, int], extras: list[tuple[int, int]]) -> Speaker | None:
        doc = self.ctx.doc
        a, b = core
        # drop a trailing possessive marker and leading determiners/conjunctions
        while b > a and doc[b - 1].lower_ in ("'s", "’s", "'"):
            b -= 1
        while a < b and doc[a].lower_ in ("and", "but", "so", "then"):
            a += 1
        b = _without_trailing_adverb(doc, a, b)
        if b <= a:
            return None
        full_end = max([b] + [e for _, e in extras])
        written_span = self._span(a, full_end)
        if written_span is None:
            return None
        written = self.ctx.text[written_span.start : written_span.end]
        if b - a == 1 and (doc[a].pos_ == "PRON" or doc[a].lower_ in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON):
            return self._pronoun(doc[a])
        core_text = self._text(a, b)
        core_clean = _DET_RE.sub("", core_text)
        cl: Cluster | None
        kind: SpeakerKind
        # 1. a name in an apposition: "the head of X, Sergei Naryshkin"
        for ea, eb in extras:
            run = self._name_run(ea, eb)
            if run and run[0] == ea and run[1] - run[0] >= 2:
                title_words, name_words = split_name(self._text(*run).split())
                name = " ".join(name_words)
                if self._org_kind(name_words) is None and len(name_words) >= 2:
                    cl = self._register_person(name, core_clean, written_span.start)
                    return Speaker(written, cl.name, "person", written_span, cl.id, core_clean or None)
        # 1b. a title standing for someone named earlier: "the US President", "The MEC"
        if self._title_only(a, b):
            cl = self._titled_person(doc[b - 1], written_span.start)
            if cl is not None:
                return Speaker(written, cl.name, "person", written_span, cl.id, core_clean or None)
        # 2. the phrase ends in a name (and the name is its head, not a complement: "a spokesman for the NSC")
        run = self._name_run(a, b)
        phrase_head = self._phrase_head(a, b)
        if run is not None and phrase_head.i < run[0] and not self._titled_name(a, run):
            run = None
        if run is not None:
            run_text = self._text(*run)
            words = run_text.split()
            title_words, name_words = split_name(words)
            name = " ".join(name_words)
            pre = self._text(a, run[0]) if run[0] > a else ""
            pre = _DET_RE.sub("", pre)
            title = " ".join([pre] + title_words).strip() or None
            cl = self._cluster_for(name, *run)
            org_kind = self._org_kind(words + core_clean.split())
            role_before = run[0] > a and doc[run[0] - 1].lower_ in PERSON_NOUNS and len(name_words) >= 2
            if role_before and self._org_kind(name_words) is None:
                # "fisheries bureau spokesman Nazario Briguera": the organisation words describe the
                # person's employer; the phrase names a person
                org_kind = None
                if cl is None or cl.label != "PERSON":
                    cl = self._register_person(name, title, written_span.start)
            if cl is not None and cl.label == "PERSON" and org_kind is None:
                return Speaker(written, cl.name, "person", written_span, cl.id, title or (cl.titles[0] if cl.titles else None))
            if org_kind is not None or (cl is not None and cl.label in ("ORG", "PLACE")):
                kind = org_kind or "organization"
                oname = _clean_name(cl.name if cl is not None and cl.label == "ORG" else run_text)
                if cl is None and len(words) == 1:
                    acr = self.index.lookup(words[0])
                    if acr is not None:
                        oname = acr.name
                return Speaker(written, oname, kind, written_span, cl.id if cl else None)
            ent_label = next((t.ent_type_ for t in doc[run[0]:run[1]] if t.ent_type_), "")
            if len(name_words) >= 2 and ent_label not in ("ORG",):
                cl = self._register_person(name, title, written_span.start)
                return Speaker(written, cl.name, "person", written_span, cl.id, title)
            if len(name_words) == 1:
                full = self._unindexed_names.get(name.lower())
                if full is not None:
                    cl = self._register_person(full, title, written_span.start)
                    return Speaker(written, cl.name, "person", written_span, cl.id, title)
                if name.isupper() and len(name) <= 6:
                    return Speaker(written, name, "organization", written_span)
                if ent_label == "PERSON" and b - a == 1:
                    cl = self._register_person(name, title, written_span.start)
                    return Speaker(written, cl.name, "person", written_span, cl.id, title)
                return Speaker(written, name, "organization", written_span)
        # 3. an outlet or organisation described by its kind: "the state-run Interfax news agency"
        head = doc[b - 1]
        inner = self._inner_name(a, b)
        if head.lower_ in OUTLET_WORDS and not _is_plural(head) and inner:
            return Speaker(written, inner, "outlet", written_span)
        # 4. a description of someone named earlier: "the Russian leader"
        if doc[a].lower_ == "the" and (head.lower_ in LEADER_WORDS or head.lower_ in ROLE_NOUNS) and b - a <= 4:
            cl = self._description(head, core_clean)
            if cl is not None:
                return Speaker(written, cl.name, "person", written_span, cl.id)
        # 4a. a document voices its author: "an analysis led by researchers at Princeton University",
        # "Her own research" (the researcher)
        if phrase_head.lower_ in DOCUMENT_NOUNS:
            author = self._document_author(a, b, written_span)
            if author is not None:
                return author
        # 4b. an organisation named earlier by its kind: "the government", "its ministry", "the country"
        if doc[a].lower_ in ("the", "its", "their") and b - a == 2 and head.lower_ in ANAPHOR_NOUNS:
            named = self._earlier_named(head, written_span.start)
            if named is not None:
                return Speaker(written, named, "organization", written_span)
        # 5. a described source, kept as written
        name = core_text
        heads = [t for t in doc[a:b] if t.pos_ in ("NOUN", "PROPN")]
        if _is_plural(phrase_head) or phrase_head.lower_ in GROUP_NOUNS:
            kind = "anonymous_group"
        elif phrase_head.lower_ in ORG_WORDS:
            kind = "organization"  # "the US government", "the ministry", "the state prosecutor's office"
        elif heads or phrase_head.lower_ in ROLE_NOUNS:
            kind = "role"
        else:
            return None
        return Speaker(written, name, kind, written_span)

    def _phrase_head(self, a: int, b: int) -> Token:
        """The head noun: the last noun before any "of/for/with/from" complement."""
        doc = self.ctx.doc
        for k in range(a, b):
            if doc[k].lower_ in ("of", "for", "with", "from", "at", "in", "familiar", "who", "close", "and") and k > a:
                return doc[k - 1]
        return doc[b - 1]

    def _inner_name(self, a: int, b: int) -> str | None:
        doc = self.ctx.doc
        toks = [t for t in doc[a:b] if _titlecase(t) and t.i > a or (t.i == a and _titlecase(t) and t.lower_ not in ("the", "a"))]
        toks = [t for t in toks if t.lower_ not in OUTLET_WORDS or t.text[0].isupper()]
        if not toks:
            return None
        return " ".join(t.text for t in toks)

    def _pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        if low in FIRST_PERSON or low in ("this", "that", "which", "who", "you", "there"):
            return None
        res = self.salience.resolve(tok)
        if res is None:
            return None
        span = Span(tok.idx, tok.idx + len(tok.text))
        known = self._speakers.get(res.key)
        if known is not None:
            return Speaker(tok.text, known.name, known.kind, span, known.entity_id, known.title, confidence=res.confidence)
        cl = next((c for c in self.index.clusters if c.id == res.key), None)
        if cl is None:
            if res.key.startswith("name:"):
                return Speaker(tok.text, res.name, "person", span, None, None, confidence=res.confidence)
            return None
        kind: SpeakerKind = "person" if cl.label == "PERSON" else "organization"
        return Speaker(tok.text, cl.name, kind, span, cl.id, cl.titles[0] if cl.titles else None, confidence=res.confidence)

    def _document_author(self, a: int, b: int, written_span: Span) -> Speaker | None:
        doc = self.ctx.doc
        written = self.ctx.text[written_span.start : written_span.end]
        if doc[a].lower_ in ("her", "his", "their"):
            res = self.salience.resolve(doc[a])
            if res is not None:
                known = self._speakers.get(res.key)
                kind = known.kind if known is not None else ("anonymous_group" if doc[a].lower_ == "their" else "person")
                return Speaker(written, res.name, kind, written_span, known.entity_id if known else None, confidence=res.confidence)
            return None
        after = self.ctx.text[written_span.end : written_span.end + 240]
        m = _AUTHOR_RE.match(after)
        if m is None:
            return None
        author = m.group(1).strip(" ,")
        words = author.split()
        if not words or not any(w[:1].isupper() for w in words):
            return None  # "a study led by the team": no one named
        kind = "anonymous_group" if words[0].lower() in GROUP_NOUNS else "organization"
        return Speaker(written, author, kind, written_span)

    def _earlier_named(self, head: Token, pos: int) -> str | None:
        """The nearest earlier phrase that names what "the government" / "the ministry" stands for:
        "the Brazilian government", "the Ministry of Defence"; for "the country", the nearest place
        that was a subject."""
        ctx = self.ctx
        floor = ctx.paragraphs[max(0, ctx.para_index_at(pos) - 3)].start
        noun = head.lower_
        if noun in ("country", "nation"):
            best = None
            for r in self.salience.referents:
                if floor <= r.start < pos and r.kind == "place" and r.subject:
                    best = r
            return best.name if best is not None else None
        pattern = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){1,4})" + re.escape(noun) + r"\b|\b" + re.escape(noun.capitalize())
                             + r"\s+of\s+((?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})")
        found = None
        for m in pattern.finditer(ctx.text, floor, pos):
            found = m
        if found is None:
            return None
        phrase = found.group(0).strip()
        if found.group(1) and found.group(1).split()[0].lower() in ("the", "a", "its", "their"):
            phrase = " ".join(phrase.split()[1:])
        return ("the " + phrase) if found.group(1) else phrase

    def _titled_name(self, a: int, run: tuple[int, int]) -> bool:
        """A person's name after titles joined by "and" ("director and senior economist Andrew Hencic"),
        not a name inside a complement ("a spokesman for the NSC")."""
        doc = self.ctx.doc
        if run[1] - run[0] < 2:
            return False
        between = [t.lower_ for t in doc[a : run[0]]]
        if any(w in ("of", "for", "with", "from", "at", "in", "who", "familiar", "close", "other", "the") for w in between[1:]):
            return False
        cl = self.index.lookup(self._text(*run))
        return (cl is not None and cl.label == "PERSON") or looks_like_person(self.ctx.text, doc[run[0]].idx, self._text(*run)) \
            or any(t.ent_type_ == "PERSON" for t in doc[run[0] : run[1]])

    def _title_only(self, a: int, b: int) -> bool:
        """Nothing but titles, with determiners and a place ("the US President", "The MEC", "the premier")."""
        doc = self.ctx.doc
        toks = [t for t in doc[a:b] if t.lower_ not in ("the", "a", "an")]
        if not toks or len(toks) > 3:
            return False
        head = toks[-1]
        det = doc[a] if doc[a].lower_ == "the" else (doc[a - 1] if a > 0 else None)
        acronym_title = head.text.isupper() and 2 <= len(head.text) <= 5 and det is not None and det.lower_ == "the" \
            and len(toks) == 1
        if acronym_title:
            return True  # "The MEC": an office known by its initials
        titled = head.lower_ in PERSON_TITLES or head.lower_ in LEADER_WORDS
        return titled and (only_titles(" ".join(t.text for t in toks)) or all(
            t.ent_type_ in ("GPE", "PLACE", "NORP", "") and (t.text[:1].isupper() or t.lower_ in PERSON_TITLES) for t in toks))

    def _titled_person(self, head: Token, pos: int) -> Cluster | None:
        """The latest person before ``pos`` who bore this title: in their titles, or just before a
        mention of their name ("MEC Jacob Mamabolo")."""
        word = head.lower_
        best: tuple[int, Cluster] | None = None
        for start, _end, cl in self.index.mentions:
            if start >= pos or cl.label != "PERSON":
                continue
            before = self.ctx.text[max(0, start - 60) : start].lower().split()[-4:]
            titles = {w.lower() for t in cl.titles for w in t.split()}
            titles |= {w for form in cl.forms for w in form.split()[:-2]}  # "gauteng mec jacob mamabolo"
            if word in before or word in titles:
                if best is None or start > best[0]:
                    best = (start, cl)
        return best[1] if best is not None else None

    def _description(self, head: Token, core_clean: str) -> Cluster | None:
        words = {w.lower() for w in core_clean.split()}
        best = None
        for cl in self.index.clusters:
            if cl.label != "PERSON" or cl.first >= head.idx or not cl.titles:
                continue
            twords = {w.lower() for t in cl.titles for w in t.split()}
            score = len(words & twords)
            if head.lower_ in LEADER_WORDS and twords & LEADER_WORDS:
                score += 1
            if score >= 2 and (best is None or cl.first > best.first):
                best = cl
        return best


# Nouns whose "the ..." stands for an organisation or country named earlier.
_SPEAKER_REFERENT = {"person": "person", "role": "person", "anonymous_group": "group", "organization": "organization",
                     "outlet": "organization"}


def _without_trailing_adverb(doc: Doc, a: int, b: int) -> int:
    """End of the span a:b without an adverb the tagger took into the speaker ("The company
    flat-out denied", "Officials there said"): after the span's last noun, a trailing adverb and
    what joins it to the noun belong to the verb, not to the name."""
    if b - a < 2 or doc[b - 1].pos_ != "ADV" or not doc[b - 1].text.islower():
        return b
    nouns = [i for i in range(a, b - 1) if doc[i].pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    return nouns[-1] + 1 if nouns else b


def _referent_kind(label: str) -> str:
    return {"PERSON": "person", "PLACE": "place"}.get(label, "organization")


def _is_plural(tok: Token) -> bool:
    if tok.tag_ in ("NNS", "NNPS"):
        return True
    if "Plur" in tok.morph.get("Number", []):  # [] is what spaCy gives for a missing field
        return True
    low = tok.lower_
    return low in GROUP_NOUNS or (low.endswith("s") and not low.endswith("ss") and low[:-1] in ROLE_NOUNS)
