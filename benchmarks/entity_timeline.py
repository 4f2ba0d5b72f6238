"""An entity's timeline across articles: the events it takes part in, dated and ordered.

An event mention is the word that says what happened (a verb, or the noun of a nominal
event) with the entity as one of its arguments in the dependency parse: its subject, object,
oblique ("sold planes to Airbus"), agent, or possessor ("Airbus's decision"). Verbs coordinated
with it that share its subject ("Airbus built and delivered") and verbs it controls ("Airbus
plans to cut") count too, since the entity is their implicit subject.

Each event is anchored on the date expression that attaches to it in the parse (a date inside a
noun phrase, "the 1991 agreement", only on that noun); failing that on the dated event
(Article.events) that contains it; failing that, a verb in the past tense is taken to happen on
the article's reference date (news reports what just happened) and one in the present tense on
the publication date (how things stand as it is written), a
participle, infinitive or noun takes the date of the word it depends on, and anything else
(future, modal) stays undated. The timeline orders dated events by date, then
by article and position; undated ones come last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newstrace.model import Article, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# Argument relations, in UD (the shipped model) and spaCy's English labels.
_SUBJ = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "agent"})
_OBJ = frozenset({"obj", "dobj", "iobj", "obl", "obl:agent", "pobj", "dative"})
# A name inside a bigger noun phrase: climb to that phrase's head ("Airbus shares", "Airbus's plan").
_MODIFIER = frozenset({"compound", "poss", "nmod:poss", "appos", "flat", "nmod"})
# Time words that are not calendar dates (they anchor nothing).
_NOT_DATES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_PAST_OR_PRESENT = frozenset({"VBD", "VBN", "VBZ", "VBP"})
_PRESENT = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class EntityEvent:
    """One event mention of an entity's timeline."""

    article_id: str
    span: Span  # the event word in the article text
    text: str
    date: str | None  # TimeML value of its anchor; None when undated
    anchor: str  # how it was dated: "timex", "event", "dct" or "none"
    role: str  # the entity's relation to the event word (nsubj, obj, poss...)


def name_aliases(name: str, person: bool = False) -> tuple[str, ...]:
    """Other ways news refers to ``name``: initials for a multi-word organisation ("United States
    Air Force" -> "USAF", "General Motors" -> "GM"), the last two words of a longer name ("Beatles
    Apple Corps" -> "Apple Corps"), a person's surname, and the model designator alone for a
    product ("Boeing 787 Dreamliner" -> "787 Dreamliner", "787", "Dreamliner"; "Airbus A380" -> "A380")."""
    words = name.split()
    out: list[str] = []
    caps = [w for w in words if w[:1].isupper() and w.isalpha()]
    if person and len(words) >= 2:
        out.append(words[-1])
    elif len(words) >= 2 and len(caps) == len(words):
        out.append("".join(w[0] for w in words))
        if len(words) >= 3:
            out.append(" ".join(words[-2:]))
        out.append("".join(words))  # "Daimler Chrysler" is written "DaimlerChrysler"
    if len(words) >= 2 and any(ch.isdigit() for ch in "".join(words[1:])):
        tail = words[1:]
        out.append(" ".join(tail))
        out += [w for w in tail if any(ch.isdigit() for ch in w) or (w[:1].isupper() and len(tail) > 1)]
    return tuple(dict.fromkeys(a for a in out if a.lower() != name.lower()))


def day_anchor(value: str | None) -> str | None:
    """A TimeML value as a calendar anchor YYYY-MM-DD with XX for what is unknown, or None.

    The anchor must be a (partial) day, so a period becomes the smallest calendar unit that holds
    all of it: a week its month when its seven days fall in one month ("this week" in late March
    is March), else its year; quarters and seasons their year."""
    if not value or value in _NOT_DATES:
        return None
    week = _week_month(value)
    if week is not None:
        return week
    m = re.match(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?", value)
    if m is None or m.group(1) == "XXXX":
        return None
    month = m.group(2) or "XX"
    day = m.group(3) or "XX" if m.group(2) else "XX"
    return f"{m.group(1)}-{month}-{day}"


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _week_month(value: str) -> str | None:
    """``2006-W13`` as ``2006-03-XX`` when Monday to Sunday are in one month, else ``2006-XX-XX``."""
    m = _WEEK.match(value)
    if m is None:
        return None
    try:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return None
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}-XX"
    return f"{m.group(1)}-XX-XX"


def _name_spans(article: Article, doc: Doc, names: Iterable[str]) -> list[tuple[int, int]]:
    """Token ranges whose text is one of ``names`` (case-insensitive), plus the mentions of the
    article's entities that go by one of them (so "Gallois" joins "Louis Gallois")."""
    wanted = {n.lower() for n in names}
    for entity in article.entities:
        if {entity.name.lower(), *(a.lower() for a in entity.aliases)} & wanted:
            wanted |= {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    seqs = {tuple(w.split()) for w in wanted}
    last_words = {seq[-1] for seq in seqs if seq and not seq[-1].endswith("s")}
    exact = {n for n in names if " " not in n} | {n.title() for n in names if " " not in n and n.islower()}
    for entity in article.entities:
        if {entity.name.lower(), *(a.lower() for a in entity.aliases)} & wanted:
            exact |= {entity.name, *entity.aliases}
    # A plural names the same thing ("iPods"); compare without a final "s" on the last word.
    lowered = [t.lower_[:-1] if t.lower_.endswith("s") and t.lower_[:-1] in last_words else t.lower_ for t in doc]
    spans: set[tuple[int, int]] = set()
    for i in range(len(doc)):
        for seq in seqs:
            j = i + len(seq)
            # One word is matched with its case ("Press" the surname, not "press"); longer names without.
            if tuple(lowered[i:j]) == seq and (len(seq) > 1 or doc[i].text in exact or doc[i].text[:-1] in exact):
                spans.add((i, j))
    # Keep the longest match at each place; drop a name that is part of a longer proper name
    # ("Airbus" in "Airbus A380" is the aircraft, not the company).
    out: list[tuple[int, int]] = []
    for i, j in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if out and i < out[-1][1]:
            continue
        root = doc[i:j].root
        head = root.head
        outside = head.i < i or head.i >= j
        if root.dep_ in ("compound", "flat") and outside and head.pos_ in ("PROPN", "NUM"):
            continue
        if j < len(doc) and doc[j].pos_ == "NUM" and doc[j].head.i in range(i, j):
            continue
        out.append((i, j))
    return out + _coreferent(article, doc, out)


# Words that refer back to the last-named organisation or person; "the company" and the like
# only with "the" (news names an organisation, then calls it by its kind).
_IT = frozenset({"it", "its"})
_HE = frozenset({"he", "him", "his", "she", "her"})
_KINDS = frozenset({"company", "firm", "airline", "carrier", "manufacturer", "maker", "automaker", "carmaker",
                    "planemaker", "plane", "aircraft", "jet", "airliner", "index", "bank", "union", "group"})


def _coreferent(article: Article, doc: Doc, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pronouns and "the company" phrases whose nearest possible antecedent is the entity.

    The antecedent is the closest preceding name of the right kind (a PERSON for "he", anything
    else for "it") within the previous two sentences; when that name is the entity's, so is the
    reference. Crude, but in news the subject of the last sentence is usually what "it" means."""
    if not named:
        return []
    person = any(m.label == "PERSON" and any(m.span.start <= doc[i].idx < m.span.end for i, _ in named) for m in article.mentions)
    candidates: list[tuple[int, bool, bool]] = []  # token index, is a PERSON, is the entity
    for m in article.mentions:
        chunk = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if chunk is not None and m.label in ("PERSON", "ORG", "PLACE", "PRODUCT", "GROUP"):
            mine = any(i <= chunk.start < j or chunk.start <= i < chunk.end for i, j in named)
            candidates.append((chunk.start, m.label == "PERSON", mine))
    candidates += [(i, person, True) for i, _ in named]
    candidates.sort()
    out: list[tuple[int, int]] = []
    for tok in doc:
        low = tok.lower_
        if low in _HE:
            wants_person = True
        elif low in _IT or (low in _KINDS and any(c.lower_ == "the" for c in tok.children)):
            wants_person = False
        else:
            continue
        before = [c for c in candidates if c[0] < tok.i and c[1] == wants_person]
        if not before:
            continue
        index, _, mine = before[-1]
        if mine and _sentences_apart(doc, index, tok.i) <= 3:
            out.append((tok.i, tok.i + 1))
    return out


def _sentences_apart(doc: Doc, i: int, j: int) -> int:
    return sum(1 for s in doc.sents if doc[i].sent.start < s.start <= doc[j].sent.start)


# Nouns that name an event rather than a thing: endings of deverbal nouns, and news words.
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al", "ing", "ship")
_EVENT_NOUNS = frozenset({
    "sale", "sales", "launch", "deal", "plan", "loss", "losses", "profit", "profits", "offer", "cut", "cuts",
    "bid", "order", "orders", "strike", "crash", "bankruptcy", "growth", "increase", "decline", "fall", "rise",
    "merger", "lawsuit", "suit", "dispute", "delay", "delays", "talks", "use", "demand", "release",
    "debut", "flight", "delivery", "deliveries", "drop", "gain", "gains", "loan", "loans", "bailout", "restructuring",
    "layoffs", "closure", "purchase", "takeover", "stake", "decision", "move", "attempt", "meeting",
    "keynote", "case", "invitation", "announcement", "speech", "interview", "visit", "trip", "vote", "pledge",
})


def _eventive(tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ != "NOUN":
        return False
    low = tok.lower_
    return low in _EVENT_NOUNS or tok.lemma_.lower() in _EVENT_NOUNS or (len(low) > 5 and low.endswith(_EVENT_SUFFIXES))


def _event_words(doc: Doc, start: int, end: int) -> list[tuple[Token, str]]:
    """The event words the name at tokens [start, end) is an argument of, with its role."""
    found = [(w, r) for w, r in _argument_of(doc, start, end) if _eventive(w)]
    # The name modified by a clause is that clause's argument ("iPods sold in France",
    # "an iPod, which is made by Apple").
    for child in doc[start:end].root.children:
        if child.dep_ in ("acl", "acl:relcl", "relcl") and child.pos_ == "VERB":
            found.append((child, child.dep_))
    return found


def _argument_of(doc: Doc, start: int, end: int) -> list[tuple[Token, str]]:
    tok = doc[start:end].root
    found: list[tuple[Token, str]] = []
    role = tok.dep_
    # A possessor names the event noun it owns ("Airbus's decision"); a modifier passes its
    # phrase's role on ("Airbus shares fell": the shares fell, an Airbus event all the same).
    for _ in range(2):
        if tok.dep_ not in _MODIFIER or tok.head == tok:
            break
        if tok.dep_ in ("poss", "nmod:poss", "nmod") and tok.head.pos_ == "NOUN":
            found.append((tok.head, tok.dep_))
        tok = tok.head
        role = tok.dep_
    if role not in _SUBJ and role not in _OBJ:
        return found
    head = tok.head
    if head.pos_ not in ("VERB", "NOUN") or head == tok:
        return found
    found.append((head, role))
    if head.pos_ == "VERB" and role in _SUBJ:
        # Coordinated verbs without their own subject, and controlled verbs, share this one.
        for child in head.children:
            if child.pos_ != "VERB":
                continue
            own_subject = any(c.dep_ in _SUBJ for c in child.children)
            if (child.dep_ in ("conj", "advcl") and not own_subject) or child.dep_ == "xcomp":
                found.append((child, role))
        # What the entity does is often named by the object: "filed a lawsuit", "gave a keynote".
        for child in head.children:
            if child.dep_ in ("obj", "dobj") and child.pos_ == "NOUN":
                found.append((child, "obj-of-" + role))
    return found


# How a date sits before the noun it modifies (UD and spaCy labels). Only dates before the noun
# count: one after it ("the sale in 2005", or a misparsed sentence-initial "Yesterday") may
# belong to the clause.
_NOUN_MODIFIER = frozenset({"compound", "amod", "nummod", "nmod:poss", "poss"})


def _inside_noun_phrase(doc: Doc, tok: Token) -> bool:
    """Whether the date (its root ``tok``) modifies a noun it stands before, with no punctuation
    between them (a comma means the parser glued a sentence-initial "Yesterday," onto a noun)."""
    head = tok.head
    if tok.dep_ not in _NOUN_MODIFIER or head.pos_ not in ("NOUN", "PROPN") or not tok.i < head.i:
        return False
    return all(doc[k].pos_ != "PUNCT" or doc[k].tag_ == "POS" for k in range(tok.i + 1, head.i))


def _timex_anchor(article: Article, doc: Doc, word: Token) -> str | None:
    """The value of a date expression attached to ``word`` in the parse (its nearest clause)."""
    for timex in article.timexes:
        if timex.type not in ("DATE", "TIME") or not day_anchor(timex.value):
            continue
        chunk = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if chunk is None or chunk.sent != word.sent:
            continue
        tok = chunk.root
        # A date inside a noun phrase ("the 1991 agreement", "the company's 2010 conference")
        # dates that noun's event, not the verb the phrase belongs to ("violated the 1991
        # agreement" did not happen in 1991).
        if _inside_noun_phrase(doc, tok):
            if tok.head == word:
                return timex.value
            continue
        # Climb to the first verb (or the event noun itself) above the date.
        for _ in range(6):
            if tok == word:
                return timex.value
            if tok.head == tok or (tok != chunk.root and tok.pos_ == "VERB"):
                break
            tok = tok.head
        if tok == word:
            return timex.value
    return None


def _date_of(article: Article, doc: Doc, word: Token, dct: str | None, depth: int = 0, published: str | None = None) -> tuple[str | None, str]:
    value = _timex_anchor(article, doc, word)
    if value:
        return value, "timex"
    at = Span(word.idx, word.idx + len(word.text))
    for event in article.events:
        if event.date and day_anchor(event.date) and event.span.contains(at):
            return event.date, "event"
    if word.pos_ == "VERB" and word.tag_ in _PAST_OR_PRESENT and dct:
        future = any(c.dep_ in ("aux",) and c.lower_ in ("will", "would", "could", "may", "might", "should") for c in word.children)
        if not future:
            # The present tense says how things stand as the article is written ("iPhone 4 has a
            # new screen", "Apple Corps claims"): the publication date. The past tense retells the
            # news, which happened on the reference date.
            if word.tag_ in _PRESENT and published:
                return published, "dct"
            return dct, "dct"
        return None, "none"
    # A participle, infinitive or noun has no tense of its own: it happens when the verb it
    # depends on does ("Jobs started by hinting", "filed a lawsuit").
    if depth < 3 and word.head != word and word.dep_ in _INHERITS:
        return _date_of(article, doc, word.head, dct, depth + 1, published)
    return None, "none"


_INHERITS = frozenset({"xcomp", "advcl", "obj", "dobj", "conj", "acl", "nmod", "obl", "compound"})


def _sort_key(value: str) -> str:
    # An unknown month or day sorts before the known ones ("2006-01" before "2006-01-01").
    return value.replace("X", "0")


def reference_date(article: Article) -> str | None:
    """The day the article's news happened: the first full date in its opening sentences that
    falls in the week before publication ("on Friday", the day before a Saturday story; the
    dateline itself is the publication date), else the
    publication date. Undated past-tense verbs are anchored here: they mostly retell that news."""
    if article.published is None:
        return None
    dct = article.published.value[:10]
    try:
        published = date.fromisoformat(dct)
    except ValueError:
        return dct
    opening = article.sentences[3].span.start if len(article.sentences) > 3 else len(article.text)
    for timex in article.timexes:
        if timex.span.start >= opening or timex.type != "DATE" or not timex.value:
            continue
        try:
            day = date.fromisoformat(timex.value[:10])
        except ValueError:
            continue
        if timedelta(days=1) <= published - day <= timedelta(days=7):
            return day.isoformat()
    return dct


def article_entity_events(article: Article, doc: Doc, names: Iterable[str]) -> list[EntityEvent]:
    """The entity's event mentions in one article, in text order."""
    dct = reference_date(article)
    published = article.published.value[:10] if article.published else None
    seen: dict[int, EntityEvent] = {}
    for start, end in _name_spans(article, doc, names):
        for word, role in _event_words(doc, start, end):
            if word.i in seen or word.i in range(start, end):
                continue
            date, how = _date_of(article, doc, word, dct, published=published)
            last = word
            # A phrasal verb is one event: "showed off", "spoke out".
            if word.i + 1 < len(doc) and doc[word.i + 1].dep_ in ("compound:prt", "prt") and doc[word.i + 1].head == word:
                last = doc[word.i + 1]
            span = Span(word.idx, last.idx + len(last.text))
            seen[word.i] = EntityEvent(article.id, span, article.text[span.start : span.end], date, how, role)
    return [seen[i] for i in sorted(seen)]


def entity_timeline(
    articles: Iterable[Article],
    entity_name: str,
    *,
    aliases: Iterable[str] = (),
    docs: Mapping[str, Doc] | None = None,
    nlp: Language | None = None,
) -> list[EntityEvent]:
    """Every event ``entity_name`` takes part in across ``articles``, ordered by date.

    ``docs`` maps article ids to parses already made (the NLP stage's); missing ones are parsed
    with ``nlp`` (default: the shipped model). Dated events come first, by date then article
    order and position; undated ones follow in article order."""
    articles = list(articles)
    # A person is known by their surname after the first mention: is the name a PERSON anywhere?
    person = any(
        m.label == "PERSON" and entity_name in a.text[m.span.start : m.span.end] for a in articles for m in a.mentions
    )
    names = (entity_name, *name_aliases(entity_name, person), *aliases)
    events: list[tuple[int, EntityEvent]] = []
    for order, article in enumerate(articles):
        doc = docs.get(article.id) if docs else None
        if doc is None:
            if nlp is None:
                from newstrace.nlp import load_nlp

                nlp = load_nlp()
            doc = nlp(article.text)
        events += [(order, e) for e in article_entity_events(article, doc, names)]
    events.sort(key=lambda oe: (oe[1].date is None, _sort_key(oe[1].date or ""), oe[0], oe[1].span.start))
    return [e for _, e in events]
