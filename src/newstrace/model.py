"""The data model: frozen, slotted dataclasses in a standoff layout.

The :class:`Article` owns its clean text. Every annotation (Sentence, Mention,
Entity, Timex, Quote, Event) holds end-exclusive character offsets into that
text, never a copy of it, so annotations from different stages can be
compared, merged and highlighted without drifting from the text they describe.
Stages never mutate an Article; they return a new one with
:func:`dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

SCHEMA_VERSION = "newstrace.article/2"
# Older record versions the reader still accepts (1: one "channel" field for audience and medium).
READABLE_SCHEMAS = ("newstrace.article/1", SCHEMA_VERSION)

QuoteKind = Literal["direct", "indirect", "mixed", "no_comment", "stance"]
SpeakerKind = Literal["person", "organization", "role", "anonymous_group", "outlet", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into the article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a document came from: ``kind`` is file, url, feed, sitemap, warc, stdin."""

    kind: str
    location: str


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as fetched or read, plus what the source itself knows about them."""

    content: bytes
    source: SourceRef
    url: str | None = None
    content_type: str | None = None  # "text/html", "text/plain", ... or None to sniff
    encoding: str | None = None  # declared by the transport (HTTP header, WARC)
    fetched_at: datetime | None = None
    published_hint: str | None = None  # a date the feed/sitemap/WARC gave


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date with its provenance (never a bare string)."""

    value: str  # ISO 8601 date or datetime (timezone-aware where known)
    source: str  # "option", "json-ld", "meta", "feed", "warc", "text", ...
    raw: str | None = None  # the text it was read from


@dataclass(frozen=True, slots=True)
class Image:
    url: str | None
    caption: str | None
    credit: str | None
    date_text: str | None = None  # a time expression in the caption ("on March 26")
    date: str | None = None  # its TimeML value


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the input dropped as boilerplate, with the reason it was dropped."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cut:
    """A resource limit the analysis of this article reached, and what it left out (newstrace.limits).

    ``limit`` names the setting (text_chars, sentence_words, quotes, quote_chars); ``value`` is
    the limit; ``found`` how much the article had (characters, words, quotes); ``at`` the
    offset in the text where the cut is made, when there is one place.
    """

    limit: str
    value: int
    found: int
    at: int | None = None
    count: int = 1  # how many times it was reached (sentences split, quotes cut)


@dataclass(frozen=True, slots=True)
class Citation:
    """A report this article says it retells."""

    outlet: str | None
    author: str | None = None
    title: str | None = None
    date_text: str | None = None
    date: str | None = None  # normalised TimeML value where known
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """One textual mention of an entity."""

    span: Span
    label: str  # PERSON, ORG, PLACE, ...
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity within one article, with all the names it goes by there."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Timex:
    """A TimeML TIMEX3 time expression."""

    span: Span
    type: TimexType
    value: str | None  # TimeML value, None when it cannot be known (no invented years)
    anchor: str | None = None  # what it was resolved against: "dct", "timex:<i>", "event"
    mod: str | None = None  # TimeML mod: MORE_THAN, APPROX, START, ...


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str  # as written in the article
    name: str  # canonical name ("Sergei Naryshkin", "a Kremlin spokesman")
    kind: SpeakerKind
    span: Span | None = None
    entity_id: str | None = None
    title: str | None = None  # "head of Russia's foreign intelligence service"
    confidence: float | None = None  # how sure the resolution is (a pronoun's margin over the next referent)


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: who said what, how, through whom, when."""

    id: str
    kind: QuoteKind
    content: tuple[Span, ...]  # possibly discontinuous
    cue: Span | None
    cue_text: str
    speaker: Speaker | None  # None: unresolved (see speaker_candidate)
    medium: str | None = None  # what it went out through: "his YouTube channel", "an interview with X"
    medium_span: Span | None = None
    audience: str | None = None  # who it was addressed to: "reporters in Moscow", "Russian officials"
    audience_span: Span | None = None
    via: tuple[str, ...] = ()  # outlets/people it passed through, innermost first
    said_on: str | None = None  # TimeML value of when it was said
    said_on_timex: int | None = None  # index into Article.timexes
    confidence: float = 1.0  # how sure the whole attribution is (cue, content and speaker), 0..1
    speaker_candidate: Speaker | None = None  # the nearest candidate when the speaker is left unresolved

    @property
    def channel(self) -> str | None:
        """Audience and medium in one phrase, for views that show them together."""
        parts = [p for p in (self.audience, self.medium) if p]
        return "; ".join(parts) if parts else None

    @property
    def unresolved(self) -> bool:
        return self.speaker is None and self.kind != "no_comment"


@dataclass(frozen=True, slots=True)
class LanguagePart:
    """A stretch of the text (a paragraph) in another language than the article's."""

    span: Span
    language: str  # ISO 639-1 code


@dataclass(frozen=True, slots=True)
class SkippedStage:
    """An analysis stage that did not run on an article, and why ("no model for German (de)")."""

    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Event:
    """Something the text says happened at a stated time."""

    id: str
    span: Span
    date: str | None  # TimeML value
    timex: int | None  # index into Article.timexes
    according_to: str | None  # speaker name, or None for the article itself
    quote_id: str | None = None
    #: When the date dates a noun ("the March 22 attack"): that noun phrase; ``span`` is then its sentence.
    subject: Span | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure a statement gives, read as the range of values it allows.

    ``low``/``high`` bound the value in ``unit`` (None: open on that side): "at least 10 people"
    is 10..None, "about 50" 45..55, a bare "10" 10..10. ``measure`` is what it counts or measures
    ("killed", "injured", "magnitude", "depth", "age", or the predicate's stem); ``about`` the
    thing it is of, where the sentence names one (a person's age, a place's population).
    """

    span: Span
    low: float | None
    high: float | None
    unit: str  # "people", "m" (lengths in metres), "km/h", "m2", "magnitude", "years", "EUR", "$", "%", or a noun
    measure: str
    about: str | None = None
    scope: str | None = None  # where the count was taken ("in Bener Meriah district"), when the sentence says
    provisional: bool = False  # a running count ("so far", "rose to"): a lower bound at its time


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause inside a statement that tells an event of its own: a relative or adverbial clause
    ("the gunman, who was arrested on March 11, appeared in court", "after police raided the house
    on Monday"). Read apart from the statement's main clause, so that a date written in it is its
    event's and not the main verb's. Names folded, the predicate a stem, as in :class:`Claim`."""

    span: Span
    predicate: str
    subject: str | None = None  # a relative clause's "who"/"which" stands for the noun it is about
    object: str | None = None
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """What one statement says, read from the parse: the unit the conflict finder compares.

    A claim covers one quote's content within a sentence (``quote_id``) or the article's own
    narration in a sentence (``quote_id`` None). Names are folded lower case; the predicate is
    a stem ("bomb", "kill", "be:responsible").
    """

    span: Span
    quote_id: str | None
    predicate: str
    speaker: str | None = None  # for narration: whose stance the article reports in its own words ("but Putin has tried to pin the blame on Ukraine")
    subject: str | None = None
    object: str | None = None
    negated: bool = False
    hedged: bool = False  # a question, a condition or a possibility: asserts nothing definite
    figures: tuple[Figure, ...] = ()
    dates: tuple[str, ...] = ()  # TimeML values of the dates attached to the predicate
    blames: tuple[str, ...] = ()  # who the statement holds responsible, folded
    blamed_for: tuple[str, ...] = ()  # for what (stems: "death", "attack"), where it says
    exclusive: bool = False  # "sole responsibility"
    rebuts: bool = False  # the statement rebuts another (a denial, "that is not true")
    clauses: tuple[Clause, ...] = ()  # events told in its relative and adverbial clauses


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article with its metadata and all standoff annotations."""

    id: str
    text: str
    source: SourceRef
    url: str | None = None
    title: str | None = None
    site: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    published: PublishedDate | None = None
    language: str | None = None
    images: tuple[Image, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    cites: tuple[Citation, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    stages: tuple[str, ...] = ()  # analysis stages that have run, in order
    skipped: tuple[SkippedStage, ...] = ()  # installed stages that did not run on it, with the reason
    other_languages: tuple[LanguagePart, ...] = ()  # paragraphs in another language, left out of the analysis
    invalid_bytes: int = 0  # bytes of the input not valid in its encoding, replaced by U+FFFD
    cuts: tuple[Cut, ...] = ()  # resource limits reached while analysing it

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One statement in a conflict: what was said, by whom, where (a link to the passage).

    Statements in the same ``position`` say the same thing (near-copies, or the same figure from
    several sources); the conflict is between positions.
    """

    article_id: str
    quote_id: str | None
    speaker: str  # the source, or the outlet for an article's own narration
    text: str
    position: int = 0
    start: int | None = None  # the passage in the article text
    end: int | None = None
    outlet: str | None = None
    date: str | None = None  # the article's publication date
    kind: str = "quote"  # quote kind ("direct", "indirect", "stance", ...) or "narration"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Statements that cannot all be true of the same thing, with the evidence and its strength."""

    id: str
    topic: str
    sides: tuple[ConflictSide, ...]
    evidence: str  # the reason a reader can check ("different death tolls: 10 vs 3")
    confidence: float = 0.0  # 0..1; conflicts are listed strongest first
    kind: str = ""  # figures, zero, denial, rebuttal, blame, dates
    review: str | None = None  # a reader's triage: "confirmed", "dismissed" or None (unreviewed)
    key: str = ""  # the question and the two answers: the same conflict found again has the same key


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same real-world event, across outlets."""

    id: str
    title: str
    article_ids: tuple[str, ...] = field(default_factory=tuple)
    first_date: str | None = None
    last_date: str | None = None
    outlets: tuple[str, ...] = ()
