"""Who did what to whom, and whether it is asserted: a statement's subject, predicate, object and
polarity, read from the parse of the words the statement covers.

Names are folded, predicates stemmed, so that "Sudan had not bombed anywhere" and "Sudan bombs
refugee camp" meet on ("sudan", "bomb") with opposite polarity. An event named by a noun
("the attack occurred", "carried out the strike") becomes the predicate itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.lang.en.disagreement import (
    BLAME_ADJECTIVES,
    BLAME_NOUNS,
    BLAME_VERBS,
    CLAIM_NOUNS,
    EXCLUSIVE_WORDS,
    FALSITY_WORDS,
    HEDGES,
    LIGHT_VERBS,
    OCCURRENCE_VERBS,
    QUESTION_WORDS,
    REBUTTAL_PHRASES,
    REBUTTAL_VERBS,
    ZERO_WORDS,
)
from newstrace.lang.en.reporting_verbs import SPEECH_VERBS
from newstrace.text import fold, stem

_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_PRONOUNS = frozenset("i you he she it we they him her them us me this that these those who which what there here one someone somebody anyone".split())
# Predicates too general to say what a statement is about; the finder does not pair on them.
WEAK_PREDICATES = frozenset({"be", "have", "do", "get", "make", "go", "come", "take", "give", "say", "tell", "add", "include", "become", "remain", "see", "know"})


@dataclass(frozen=True)
class Proposition:
    predicate: str
    subject: str | None
    object: str | None
    negated: bool
    hedged: bool
    blames: tuple[str, ...]
    blamed_for: tuple[str, ...]
    exclusive: bool
    rebuts: bool


def phrase(tok) -> str | None:
    """A folded name for a noun phrase head: the whole proper name, else the lemma."""
    if tok is None:
        return None
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return None
    if tok.pos_ == "PROPN":
        parts = [c for c in tok.children if c.dep_ in ("compound", "flat", "flat:name") and c.pos_ == "PROPN"] + [tok]
        parts += [c for c in tok.children if c.dep_ in ("flat", "flat:name") and c.idx > tok.idx]
        return fold(" ".join(t.text for t in sorted(set(parts), key=lambda t: t.idx)))
    return stem(tok.lemma_.lower())


def _negates(c, root) -> bool:
    """A "not"/"never" on the predicate itself, not on an adjective ("not guilty pleas")."""
    if not (c.lower_ in _NEGATORS or c.dep_ == "neg") or c.lower_ in ("no", "neither", "nor"):
        return False
    if c.i > root.i:
        return False
    nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
    return nxt is None or nxt.pos_ != "ADJ" or nxt.i == root.i


def _child(tok, *deps: str):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _root(tokens):
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    for pos in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        for r in roots:
            if r.pos_ == pos:
                return r
    return roots[0] if roots else None


def proposition(tokens, wording: str | None = None) -> Proposition | None:
    """The proposition of a run of tokens (a sentence, or a quote's content within one).

    ``wording``: the statement's text as written, for the patterns read from the wording (blame),
    when it is more than the tokens (a quoted fragment inside an account: "officials stated that
    ISIS-K "bears sole responsibility")."""
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return None
    root = _root(tokens)
    if root is None:
        return None
    inside = {t.i for t in tokens}
    # "officials said [that X did Y]": the proposition is the complement's
    while root.lemma_.lower() in SPEECH_VERBS and (comp := next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i in inside), None)) is not None:
        root = comp
    words = {t.lower_ for t in tokens}
    lemmas = {t.lemma_.lower() for t in tokens}
    subj = _child(root, "nsubj", "nsubj:pass", "csubj")
    obj = _child(root, "obj", "iobj")
    pred_tok = root
    lemma = root.lemma_.lower()
    if lemma in OCCURRENCE_VERBS and subj is not None and subj.pos_ == "NOUN":
        pred_tok, subj = subj, None  # "the attack occurred"
    elif lemma in LIGHT_VERBS and obj is not None and obj.pos_ == "NOUN":
        pred_tok, obj = obj, None  # "carried out the strike"
    elif root.pos_ in ("ADJ", "NOUN") and _child(root, "cop") is not None:
        lemma = "be:" + root.lemma_.lower()
    predicate = lemma if lemma.startswith("be:") else stem(pred_tok.lemma_.lower())
    negated = any(_negates(c, root) and (subj is None or c.i > subj.i) for c in root.children) or (
        subj is not None and any(c.lower_ in ZERO_WORDS for c in subj.children if c.dep_ == "det")
    ) or (subj is not None and subj.lower_ in ("nobody", "none", "nothing"))
    # hedged when the predicate itself is: a modal or "if"/"whether" on it, a verb of seeming, a question
    hedged = (
        tokens[-1].text == "?"
        or tokens[0].lower_ in QUESTION_WORDS
        or root.lemma_.lower() in HEDGES
        or any(c.lower_ in HEDGES and c.dep_ in ("aux", "mark", "advmod", "aux:pass") for c in root.children)
        or (root.head.i != root.i and root.head.lemma_.lower() in HEDGES and root.dep_ in ("xcomp", "ccomp"))
    )
    blames, exclusive = _blame(tokens, root)
    unit_text = wording or tokens[0].doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    more, more_exclusive = blame_by_pattern(unit_text)
    blamed_for = _blamed_for(unit_text) if blames or more else ()
    blames = tuple(dict.fromkeys(blames + more))
    exclusive = exclusive or more_exclusive
    text = " ".join(t.lower_ for t in tokens)
    rebuts = bool(
        (lemmas & REBUTTAL_VERBS and (lemmas & CLAIM_NOUNS or any(t.dep_ == "ccomp" for t in tokens)))
        or words & FALSITY_WORDS and lemmas & CLAIM_NOUNS
        or any(p in text for p in REBUTTAL_PHRASES)
    )
    return Proposition(predicate, phrase(subj), phrase(obj), negated, hedged, blames, blamed_for, exclusive, rebuts)


def _blame(tokens, root) -> tuple[tuple[str, ...], bool]:
    """Who a statement holds responsible: "X bears sole responsibility", "pin the blame on Y",
    "accused Z of", "Y is to blame", "Y was behind"."""
    targets: list[str] = []
    exclusive = False
    for t in tokens:
        lemma = t.lemma_.lower()
        if lemma in BLAME_NOUNS and t.pos_ == "NOUN":
            exclusive = exclusive or any(c.lower_ in EXCLUSIVE_WORDS for c in t.children)
            # "blame on Y" / "responsibility of Y" / subject of "bears responsibility"
            # "the blame on Y", "the responsibility of Y"; "responsibility for X" names the deed, not the party
            on = next((c for c in t.children if c.dep_ in ("nmod", "obl") and any(g.lower_ in ("on", "of") for g in c.children)), None)
            if on is None and t.head.pos_ == "VERB":
                on = next((c for c in t.head.children if c.dep_ in ("obl",) and any(g.lower_ == "on" for g in c.children)), None)
            if on is None and t.head.pos_ == "VERB" and t.dep_ == "obj" and t.head.lemma_.lower() in ("bear", "take", "claim", "carry", "have"):
                on = _child(t.head, "nsubj")
                if t.head.lemma_.lower() == "claim":
                    on = None  # "claimed responsibility" names the claimant: a claim, not blame put on another
            if (name := _party(on)) is not None:
                targets.append(name)
        elif (lemma in BLAME_VERBS or t.lower_ in _BLAME_FORMS) and t.pos_ == "VERB":
            # "blamed the deaths on the police", "attributed the blast to Hamas": the object is the
            # deed and the party is after "on"/"to"; otherwise the object is the party
            # ("the rebels were blamed for the attack on the convoy": after a "for", an "on" is the deed's)
            obls = [c for c in t.children if c.dep_ == "obl"]
            cases = [{g.lower_ for g in c.children if g.dep_ == "case"} for c in obls]
            # the party is the last "on"/"to": in "blamed the ambush on the convoy on bandits" the first is the deed's place;
            # a day ("on Tuesday") is no party
            ontos = [c for c, k in zip(obls, cases) if k & {"on", "to"} and c.ent_type_ not in ("DATE", "TIME")]
            onto = ontos[-1] if ontos and not any("for" in k for k in cases) else None
            if onto is None and not any("for" in k for k in cases) and (deed := _child(t, "obj")) is not None:
                # the parse may hang "on the utility company" on the deed ("blamed the outage on ...") or deeper
                # inside it ("blamed the flooding of the lower town on the dam operator")
                inside = [c for c in deed.subtree if _onto_phrase(c)]
                onto = inside[-1] if inside else None
            # the parse may chain the second "on" under the first ("on the convoy on bandits"): the last one names the party
            while onto is not None and (deeper := next((c for c in onto.children if _onto_phrase(c)), None)) is not None:
                onto = deeper
            # passive: "the attack was blamed on rebels" (the party after "on"), "militias were blamed for the killings"
            # "is accused of" is a charge the article reports, not blame the statement puts
            passive = None if t.lower_.startswith("accus") else _child(t, "nsubj:pass") or (_child(t, "nsubj") if any(c.dep_ in ("cop", "aux:pass") and c.lemma_.lower() == "be" for c in t.children) else None)
            party = onto if onto is not None else _child(t, "obj") or passive
            if (name := _party(party)) is not None:
                targets.append(name)
        elif (lemma in BLAME_ADJECTIVES or t.lower_ == "behind") and t.dep_ in ("ROOT", "ccomp", "xcomp", "advcl", "conj") or (lemma == "blame" and t.dep_ == "xcomp"):
            subj = _child(t, "nsubj")
            if (name := _party(subj)) is not None:
                targets.append(name)
                exclusive = exclusive or any(c.lower_ in EXCLUSIVE_WORDS for c in t.children)
    return tuple(dict.fromkeys(targets)), exclusive


def _onto_phrase(tok) -> bool:
    """A phrase hung on a noun with "on"/"to" that may name the party blamed ("the outage on the
    utility"); a day ("on Tuesday") names none."""
    return tok.dep_ == "nmod" and tok.ent_type_ not in ("DATE", "TIME") and any(g.lower_ in ("on", "to") and g.dep_ == "case" for g in tok.children)


# The forms of the blame verbs ("blamed" in a passive, which the lemmatiser may leave as it is).
_BLAME_FORMS = frozenset(f for v in BLAME_VERBS for f in (v, v + "s", v + "d", v[:-1] + "ing"))


def _party(tok) -> str | None:
    """A blamed party: the proper names in its phrase ("the group known as the Islamic State of
    Khorasan, or ISIS-K"), else the noun with its modifiers ("angry youths")."""
    if tok is None or tok.pos_ == "PRON" or tok.lower_ in ("one", "each"):
        return None
    names = [t for t in tok.subtree if t.pos_ == "PROPN"]
    if names:
        return fold(" ".join(t.text for t in names))
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")]
    return fold(" ".join(t.text for t in sorted([*mods, tok], key=lambda t: t.idx)))


# The deed of "blamed the deaths on ...", "attributed the blast to ...".
_DEED = r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|this\s+|that\s+)?(?P<deed>(?:(?!for\b)[\w-]+\s+){0,3}?(?!for\b)[\w-]+)"
_PARTY = r"(?:the\s+)?(?P<party>[A-Z][\w'’.-]*(?:[\s-]+(?:of\s+|the\s+|al-)?[A-Z][\w'’.-]*){0,5})"
_BLAME_PATTERNS = (
    re.compile(_PARTY + r"[,\"”’\s]*(?:,\s*)?\b(?:bears?|bore|takes?|took|has|have|had)\s+(?P<sole>(?:the\s+)?(?:sole|full)\s+)?responsibility\b"),
    re.compile(r"\b(?:blame|finger)\s+(?:for\s+[^.;,]{0,60}?\s+)?(?:on|at)\s+" + _PARTY),
    re.compile(r"\bblam(?:e|es|ed|ing)\s+(?:the\s+)?(?P<party>[^.;,]{2,40}?)\s+for\b"),
    re.compile(r"\baccus(?:e|es|ed|ing)\s+(?:the\s+)?(?P<party>[^.;,]{2,40}?)\s+(?:of|for|as)\b", re.I),
    re.compile(r"\bh(?:old|olds|eld|olding)\s+(?:the\s+)?(?P<party>(?:(?!(?:with|for|to|in|on|at|about|talks|meetings?)\b)[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?P<sole>(?:solely|entirely|exclusively)\s+)?(?:(?:fully|directly|personally)\s+)?(?:responsible|accountable)\b", re.I),
    # the party holds no "on"/"to": in "blamed the attack on the convoy on rebels" the deed keeps its own "on"
    re.compile(r"\b(?:blam(?:e|es|ed|ing)|attribut(?:e|es|ed|ing))\s+" + _DEED + r"\s+(?:on|to)\s+(?:(?:the|a|an)\s+)?(?P<party>(?:(?!(?:on|to)\s)[\w'’-]+\s+){0,4}?(?!(?:on|to)\b)[\w'’-]+)(?=\s*(?:[.;,:]|$)|\s+(?:and|but|who|which|after|as|in|at|for|over)\b)", re.I),
    re.compile(_PARTY + r"\s+(?:is|are|was|were)\s+(?P<sole>solely\s+)?(?:to blame|responsible|behind)\b"),
    # "the fault lies with the operator", "responsibility rests with the airline"
    re.compile(r"\b(?:blame|responsibility|fault)\s+(?:for\s+[^.;,]{0,60}?\s+)?(?:lies|lay|rests|rested)\s+(?P<sole>(?:solely|entirely|squarely)\s+)?with\s+(?:the\s+)?(?P<party>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s*(?:[.;,:]|$)|\s+(?:and|but|who|which|for|over)\b)", re.I),
)


_FOR = re.compile(
    r"\b(?:for|of|over|behind)\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+|its\s+)?(?P<what>(?:[\w-]+\s+){0,3}[\w-]+)"
    r"|\b(?:blam(?:e|es|ed|ing)|attribut(?:e|es|ed|ing))\s+" + _DEED + r"\s+(?:on|to)\b",
    re.I,
)


def _blamed_for(text: str) -> tuple[str, ...]:
    """What the blame is for: the content words after "for"/"of" ("for the violence and deaths")."""
    from newstrace.text import content_stems

    out: list[str] = []
    for m in _FOR.finditer(text):
        # the deed, not the names around it ("of bombing the area of Guffa": bomb, area)
        out += content_stems(" ".join(w for w in (m.group("what") or m.group("deed")).split() if not w[:1].isupper()))
    return tuple(dict.fromkeys(w for w in out if w not in ("responsibility", "blame")))


_RECIPROCAL = re.compile(r"\b(?:one another|each other)\b")


def blame_by_pattern(text: str) -> tuple[tuple[str, ...], bool]:
    """Blame read from the wording, where the parse is unreliable (quoted fragments, long names)."""
    targets: list[str] = []
    exclusive = False
    for pattern in _BLAME_PATTERNS:
        for m in pattern.finditer(text):
            party = fold(m.group("party")).strip(" ,.;:")
            if party and party not in _PRONOUNS and party.split()[0] not in ("of", "for", "being", "having") and not _RECIPROCAL.search(party):
                targets.append(party)
                exclusive = exclusive or bool(m.groupdict().get("sole"))
    return tuple(dict.fromkeys(targets)), exclusive
