"""Where accounts conflict: statements that cannot all be true of the same thing.

``find_conflicts(articles)`` compares what the articles' statements say (their claims: figures,
subject-predicate-object and polarity, blame, dates, categorical facts; :mod:`newstrace.link.compare`,
:mod:`newstrace.link.facts`), the times of day they give the event (:mod:`newstrace.link.times`), and
reads explicit rebuttals (:mod:`newstrace.link.markers`). Two figures are set against each other only
when they can count one quantity: of the same incident, place and scope (:mod:`newstrace.link.incidents`).
Pairs are made

- across articles, between any two sources (each article's own narration is its outlet's);
- within one article, only between two different sources it quotes, or where the article itself
  sets its narration against a source with an explicit rebuttal.

Statements that give the same answer to the same question (near-copies, or one figure from several
outlets) stand together on one side, so a conflict is counted once however many outlets repeat
it. Conflicts come strongest first, each with the reason a reader can check.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newstrace.claims.propositions import WEAK_PREDICATES
from newstrace.lang.en.event_words import same_event as same_thing
from newstrace.lang.en.incidents import EVENT_VERBS
from newstrace.link import durations as spans_of_time
from newstrace.link.ages import grown_apart, years_between
from newstrace.link.compare import (
    Finding,
    another_incident,
    compare,
    denies,
    done_to,
    is_charge,
    is_plea,
    outlet_key,
    same_event,
    same_occasion,
    same_source,
    states_a_fact,
)
from newstrace.link.event_dates import (
    ONCE_IN_A_LIFE,
    EventDate,
    NounEvent,
    clause_events,
    counted,
    dates_conflict,
    day_answer,
    days_apart,
    event_date,
    noun_events,
    readable,
)
from newstrace.link.event_places import Setting, apart, setting
from newstrace.link.frames import is_act, named_in
from newstrace.link.incidents import (
    Incident,
    counted_over,
    figure_clause,
    friendly_fire,
    locates_the_event,
    nationwide,
    place_statements,
    same_incident,
    summed,
    tallied_over,
)
from newstrace.link.innocence import about_guilt, accused_denies
from newstrace.link.manners import manner_key, opposite_manners
from newstrace.link.markers import find_rebuttals, repeats
from newstrace.link.name_fit import names_fit
from newstrace.link.same_count import counted_by_words
from newstrace.link.side_counts import with_counts
from newstrace.link.start_dates import start_readings
from newstrace.link.statements import REPORTER, Statement, claim_statements, outlet_of
from newstrace.link.states import opposite_states
from newstrace.link.states import subject_keys as state_subjects
from newstrace.link.times import EventTime, clock_label, event_time, local_minutes, story_offset, times_conflict
from newstrace.model import Article, Conflict, ConflictSide, Figure
from newstrace.text import as_written, fold, stem

MAX_SIDES = 8  # statements shown per position; the count of sources is kept in the reason


def find_conflicts(articles: Sequence[Article | PreparedArticle], *, focus: str | None = None) -> list[Conflict]:
    """Conflicts within and across the given articles (one story, usually), strongest first.

    ``focus`` (an article id) keeps only conflicts with a statement in that article: what linking
    a new article into its story needs. An article may come already prepared (:func:`prepare`)."""
    return _Finder([a if isinstance(a, PreparedArticle) else prepare(a) for a in articles], focus).run()


@dataclass(frozen=True, slots=True, eq=False)
class PreparedArticle:
    """What the finder reads off one article alone: its statements, each one's incident, time, date
    and durations, the places it names. They do not change when the article meets other articles, so a
    linker that checks a story's members against each new article keeps them (newstrace.link.linker)
    instead of reading them again for every article that joins the story."""

    article: Article
    statements: list[Statement]
    incidents: dict[int, Incident]  # by id() of a statement
    places: list[tuple[int, str]]  # (offset, folded name)
    times: dict[int, EventTime]  # by id() of a statement: the time of day of the event
    dates: dict[int, EventDate]  # the event's date
    durations: dict[int, dict[str, spans_of_time.Duration]]  # prison terms, the event's length
    clause_dates: dict[int, list[tuple[Statement, EventDate]]]  # events of its relative and adverbial clauses, dated
    setting: Setting  # where its opening puts the event (link/event_places.py)
    noun_dates: dict[int, list[NounEvent]] = field(default_factory=dict)  # events it names with a noun, dated
    starts: dict[int, list[tuple[Statement, EventDate]]] = field(default_factory=dict)  # when what it tells of began (link/start_dates.py)


def prepare(article: Article) -> PreparedArticle:
    statements = [s for s in claim_statements(article) if not s.no_comment]
    times = {id(s): t for s in statements if (t := event_time(article, s)) is not None}
    dates: dict[int, EventDate] = {}
    durations: dict[int, dict[str, spans_of_time.Duration]] = {}
    timexes = sorted(article.timexes, key=lambda t: t.span.start)
    starts = [t.span.start for t in timexes]
    clause_dates: dict[int, list[tuple[Statement, EventDate]]] = {}
    noun_dates: dict[int, list[NounEvent]] = {}
    begun: dict[int, list[tuple[Statement, EventDate]]] = {}
    for s in statements:
        within = timexes[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        if not within and "life" not in s.text.lower():
            continue  # no date or duration to read ("life" is a term without a number)
        # a date written in a relative or adverbial clause is that clause's event's, not the main verb's
        # ("the gunman, who bought the rifle on March 2, opened fire")
        clauses = s.claim.clauses if s.claim else ()
        main = [t for t in within if not any(k.span.start <= t.span.start < k.span.end for k in clauses)]
        if (d := event_date(article, s, main)) is not None:
            dates[id(s)] = d
        for told in clause_events(article, s, within):
            clause_dates.setdefault(id(s), []).append(told)
        if named := noun_events(article, s, within):
            noun_dates[id(s)] = named
        if started := start_readings(article, s, within):
            begun[id(s)] = started
        if ds := spans_of_time.durations(article, s, within):
            durations[id(s)] = ds
    places = _place_names(article)
    return PreparedArticle(article, statements, place_statements(article, statements), places, times, dates, durations, clause_dates, setting(article, places), noun_dates, begun)


def _date_finding(
    x: Statement, dx: EventDate, y: Statement, dy: EventDate, event: tuple[str | None, str, str | None]
) -> list[tuple[Finding, list[Statement], list[Statement]]]:
    """Two days of one event (``event``: whom or what, the verb stem, its object) as a finding."""
    subject, predicate, obj = event
    weekday = dx.weekday is not None or dy.weekday is not None  # a weekday alone: the weaker reading
    confidence = 0.62 if weekday or days_apart(dx, dy) == 1 else 0.7  # a day apart: a late hour may explain it
    topic = "when " + as_written(f"{subject} {predicate}", [x.text, y.text], stems=True)
    finding = Finding(
        "dates", confidence, f"different dates: {readable(dx, dy)} vs {readable(dy, dx)}", topic,
        ("event-date", subject, predicate, obj), day_answer(dx), day_answer(dy),
    )
    return [(finding, [x], [y])]


class _Finder:
    def __init__(self, prepared: list[PreparedArticle], focus: str | None) -> None:
        self.articles = [p.article for p in prepared]
        self.focus = focus
        self.texts = {a.id: a.text for a in self.articles}
        self.statements = {p.article.id: p.statements for p in prepared}
        self.story_places, self.side_places = _places(self.articles, self.statements, {p.article.id: p.places for p in prepared})
        self.incidents: dict[int, Incident] = {}
        self.event_times: dict[int, EventTime] = {}
        self.event_dates: dict[int, EventDate] = {}
        self.durations: dict[int, dict[str, spans_of_time.Duration]] = {}
        self.clause_dates: dict[int, list[tuple[Statement, EventDate]]] = {}
        self.noun_dates: dict[int, list[NounEvent]] = {}
        self.starts: dict[int, list[tuple[Statement, EventDate]]] = {}
        for p in prepared:
            self.incidents.update(p.incidents)
            self.event_times.update(p.times)
            self.event_dates.update(p.dates)
            self.durations.update(p.durations)
            self.clause_dates.update(p.clause_dates)
            self.noun_dates.update(p.noun_dates)
            self.starts.update(p.starts)
        self.places_at = {p.article.id: sorted(at for at, _ in p.places) for p in prepared}
        self.settings = {p.article.id: p.setting for p in prepared}
        days = sorted(a.published.value[:10] for a in self.articles if a.published and a.published.value)
        self.offset = story_offset(({n for _, n in p.places} for p in prepared), days[0] if days else None)
        self.story_days = (days[0], days[-1]) if days else None  # the first and last day its dated articles were published

    def run(self) -> list[Conflict]:
        found: list[tuple[Finding, list[Statement], list[Statement]]] = []
        for x, y, frame_only in self._pairs():
            findings = compare(x, y, self.texts[x.article_id], self.texts[y.article_id], self.story_places, frame_only=frame_only)
            if not frame_only and not any(f.kind == "denial" for f in findings):
                # one subject in opposite states (link/states.py), the accused's own word against the charge
                # (link/innocence.py), one deed in opposite manners (link/manners.py): unless compare already
                # set the pair against each other as one proposition
                findings += opposite_states(x, y) or accused_denies(x, y) or opposite_manners(x, y)
            for f in findings:
                if x.article_id == y.article_id and f.kind != "blame" and (x.narration or y.narration):
                    continue
                if f.kind in ("figures", "zero", "facts") and not self._same_count(x, y, f):
                    continue
                found.append((f, [x], [y]))
            if not frame_only:
                found += self._times(x, y)
            found += self._days(x, y)
            found += self._durations(x, y)
        found += find_rebuttals(self.articles, self.statements, self.focus)
        kept = [(f, xs, ys) for f, xs, ys in found if not self._apart(f, xs[0], ys[0])]
        return _group(kept, self.focus, {a.id: _published_by(a) for a in self.articles})

    def _apart(self, f: Finding, x: Statement, y: Statement) -> bool:
        """Whether two statements give a fact of the event (a figure, a day or time, a length, where
        or how it happened) from articles that put their events in different places: two events of
        one kind (two quakes, two shootings) a story may hold (link/event_places.py). Blame, denials
        and rebuttals are left to their own tests: a party blamed is named, often as a place
        ("Tesmania"), and that name is the answer in dispute, not where the event happened."""
        if f.kind not in _EVENT_FACTS or x.article_id == y.article_id or f.question[:1] == ("ordinal",):
            return False  # an ordinal numbers a named person's act, not a fact of a place's event (link/ordinals.py)
        return apart(self.settings[x.article_id], self.settings[y.article_id])

    def _times(self, x: Statement, y: Statement) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        """The event's time of day, given differently by two sources (see link/times.py)."""
        tx, ty = self.event_times.get(id(x)), self.event_times.get(id(y))
        if tx is None or ty is None or x.article_id == y.article_id and (x.narration or y.narration):
            return []
        if another_incident(x) or another_incident(y) or not same_occasion(x, y) or not same_incident(self.incidents.get(id(x)), self.incidents.get(id(y))):
            return []
        if not times_conflict(tx, ty, self.offset):
            return []
        mx, my = local_minutes(tx, self.offset), local_minutes(ty, self.offset)
        ax, ay = f"{mx // 60:02d}:{mx % 60:02d}", f"{my // 60:02d}:{my % 60:02d}"
        reason = f"different times of the event: {clock_label(tx, self.offset)} vs {clock_label(ty, self.offset)}"
        finding = Finding("dates", 0.72, reason, "when it happened", ("time",), ax, ay)
        return [(finding, [x], [y])]

    def _days(self, x: Statement, y: Statement) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        """The day of one event, given differently by two sources (see link/event_dates.py): the event
        of each statement's main clause or of one of its relative or adverbial clauses."""
        if x.article_id == y.article_id and (x.narration or y.narration) or another_incident(x) or another_incident(y):
            return []
        if not same_incident(self.incidents.get(id(x)), self.incidents.get(id(y))):
            return []  # the 4.2 quake's day against the 4.6 one's
        told_x = [(x, d) for d in (self.event_dates.get(id(x)),) if d is not None] + self.clause_dates.get(id(x), [])
        told_y = [(y, d) for d in (self.event_dates.get(id(y)),) if d is not None] + self.clause_dates.get(id(y), [])
        for ex, dx in told_x:
            for ey, dy in told_y:
                if same_event(ex, ey, objectless=_ONCE) and dates_conflict(dx, dy) and not _counted(ex) and not _counted(ey):
                    return [(f, [x], [y]) for f, _, _ in self._day_finding(ex, dx, ey, dy)]
        return self._noun_days(x, told_x, y, told_y) or self._starts(x, y)

    def _starts(self, x: Statement, y: Statement) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        """When one lasting thing began, given differently ("the fighting began in July" against
        "the fighting has raged since June"): the things matched by name or by meaning (nouns
        outlets were seen to use for one event, lang/en/event_words.py)."""
        if denies(x) or denies(y):
            return []
        for ex, dx in self.starts.get(id(x), []):
            for ey, dy in self.starts.get(id(y), []):
                a, b = ex.claim.subject if ex.claim else None, ey.claim.subject if ey.claim else None
                if a and b and (a == b or same_thing(a, b)) and dates_conflict(dx, dy):
                    return [(f, [x], [y]) for f, _, _ in self._day_finding(ex, dx, ey, dy)]
        return []

    def _noun_days(
        self, x: Statement, told_x: list[tuple[Statement, EventDate]], y: Statement, told_y: list[tuple[Statement, EventDate]]
    ) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        """An event one side names with a noun ("Blackmore's arrest on Tuesday") against the same
        event the other tells with its verb ("police arrested Blackmore on Wednesday") or noun:
        the verb one the noun stands for, done to the same named person, neither side denied."""
        if denies(x) or denies(y):
            return []
        for (a, nouns), (b, told) in (((x, self.noun_dates.get(id(x), [])), (y, told_y)), ((y, self.noun_dates.get(id(y), [])), (x, told_x))):
            for n in nouns:
                for eb, db in told:
                    patient = done_to(eb)
                    if eb.claim is None or eb.claim.predicate not in n.predicates or not patient or _counted(eb):
                        continue
                    if (patient == n.patient or names_fit(patient, n.patient)) and dates_conflict(n.date, db):
                        return self._noun_finding(a, n, b, db)
                for m in self.noun_dates.get(id(b), []) if a is x else []:
                    if n.predicates & m.predicates and names_fit(n.patient, m.patient) and dates_conflict(n.date, m.date):
                        return self._noun_finding(a, n, b, m.date)
        return []

    def _noun_finding(self, a: Statement, n: NounEvent, b: Statement, db: EventDate) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        return _date_finding(a, n.date, b, db, (n.patient, min(n.predicates), None))

    def _day_finding(self, x: Statement, dx: EventDate, y: Statement, dy: EventDate) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        cx = x.claim
        assert cx is not None
        return _date_finding(x, dx, y, dy, (cx.subject, cx.predicate, cx.object))

    def _durations(self, x: Statement, y: Statement) -> list[tuple[Finding, list[Statement], list[Statement]]]:
        """A prison term or the event's length, given differently by two sources (see link/durations.py)."""
        dx, dy = self.durations.get(id(x), {}), self.durations.get(id(y), {})
        if not dx or not dy or x.article_id == y.article_id and (x.narration or y.narration):
            return []
        if another_incident(x) or another_incident(y) or not same_occasion(x, y) or denies(x) != denies(y):
            return []
        out = []
        tx, ty = dx.get("term"), dy.get("term")
        if tx and ty and tx.person and ty.person and names_fit(tx.person, ty.person) and spans_of_time.conflict(tx, ty):
            finding = Finding(
                "dates", 0.72, f"different prison terms: {tx.written} vs {ty.written}", f"how long {as_written(tx.person, [x.text, y.text])} was sentenced to",
                ("term", fold(tx.person).split()[-1]), _answer(tx), _answer(ty),
            )
            out.append((finding, [x], [y]))
        lx, ly = dx.get("length"), dy.get("length")
        if lx and ly and same_event(x, y, objectless=True) and spans_of_time.conflict(lx, ly):
            cx = x.claim
            assert cx is not None
            topic = "how long " + as_written(f"{cx.subject} {cx.predicate}", [x.text, y.text], stems=True)
            finding = Finding("dates", 0.68, f"different durations: {lx.written} vs {ly.written}", topic, ("length", cx.subject, cx.predicate, cx.object), _answer(lx), _answer(ly))
            out.append((finding, [x], [y]))
        return out

    def _same_count(self, x: Statement, y: Statement, f: Finding) -> bool:
        """Whether two figures can count one quantity: of the same place, incident and scope."""
        if f.figures is not None and f.figures[0].measure == "population":
            return True  # a place's population is the place's, whatever incident the sentence tells of
        # two figures both of a named thing, or a bearing from a place both name: no side place
        named = f.figures is not None and bool(f.figures[0].about and f.figures[1].about) or f.question[0] in ("bearing", "deal", "ordinal")
        if not named and self.side_places.get(id(x), _NONE) != self.side_places.get(id(y), _NONE):
            return False  # a figure for another place of the story ("in those bombings in Guffa") is another count
        ix, iy = self.incidents.get(id(x)), self.incidents.get(id(y))
        if f.kind == "figures" and not same_incident(ix, iy) and not _ages_of_one_named(f):
            return False  # Monday's quake's injured against Sunday's; one climber's fall against another's
        if f.kind == "facts" and ix and iy and not same_incident(Incident(ix.quake), Incident(iy.quake)):
            return False  # a fact of the event is one quake's, whoever the sentence names
        if f.figures is None:
            return True
        fx, fy = f.figures
        if fx.measure == "age" and grown_apart(fx.low, fx.high, fy.low, fy.high, years_between(x.date, y.date, self.story_days)):
            return False  # "the 54-year-old Jeffs" at a hearing, "Jeffs, 55" at the verdict a year later
        tx, ty = self.texts[x.article_id], self.texts[y.article_id]
        if fx.measure == "distance" and not self._same_located(x, fx, y, fy):
            return False  # the building 15 miles from Detroit against the motorist 50 miles from it
        if summed(tx, x, fx) != summed(ty, y, fy):
            return False  # the toll of attacks on several schools against one school's
        if {counted_over(tx, x, fx), counted_over(ty, y, fy)} == {"conflict", "day"}:
            return False  # Wednesday's five soldiers against the seven lost in the whole conflict
        if (_OTHERS.match(tx, fx.span.end) is None) != (_OTHERS.match(ty, fy.span.end) is None):
            return False  # "three other rifles" are not the "seven AK-47 rifles" counted first
        if friendly_fire(tx, x, fx) != friendly_fire(ty, y, fy):
            return False  # soldiers killed by their own tank against the school's dead
        over_x, over_y = tallied_over(tx, x), tallied_over(ty, y)
        if over_x and over_y and not over_x & over_y:
            return False  # 13 home runs "in 54 games" against 30 "in each of the past five seasons"
        return self._scope(x, fx) == self._scope(y, fy) or "" in (self._scope(x, fx), self._scope(y, fy))

    def _same_located(self, x: Statement, fx: Figure, y: Statement, fy: Figure) -> bool:
        """Whether two distances from one place locate the same thing: both the event, or (neither
        the event) the same subject."""
        ex = locates_the_event(self._clause(x, fx, appositive=True))
        ey = locates_the_event(self._clause(y, fy, appositive=True))
        if ex or ey:
            return ex and ey
        sx, sy = x.claim.subject if x.claim else None, y.claim.subject if y.claim else None
        return bool(sx and sx == sy)

    def _clause(self, s: Statement, f: Figure, *, appositive: bool = False) -> str:
        text = self.texts[s.article_id]
        start, end = figure_clause(text, s, f, appositive=appositive)
        return text[start:end]

    def _scope(self, s: Statement, f: Figure) -> str:
        """ "nation" for a count its clause calls nationwide, "place" for one its clause places
        (the streets of Athens), "" when the clause says neither."""
        text = self.texts[s.article_id]
        start, end = figure_clause(text, s, f)
        if nationwide(text[start:end]):
            return "nation"
        return "place" if any(start <= at < end for at in self.places_at.get(s.article_id, ())) else ""

    def _pairs(self) -> Iterable[tuple[Statement, Statement, bool]]:
        """Candidate pairs, by index: statements that give a figure for the same measure, share a
        predicate and subject, or blame someone, or deny something."""
        every = [s for ss in self.statements.values() for s in ss if s.claim is not None]
        buckets: dict[tuple, list[Statement]] = defaultdict(list)
        for s in every:
            c = s.claim
            assert c is not None
            for f in c.figures:
                buckets[("f", "casualties" if f.measure in ("killed", "injured", "casualties") else f.measure, f.unit)].append(s)
                if counted_by_words(f):
                    buckets[("f", "counted")].append(s)  # a count named by its words: others may name it otherwise
            if c.predicate not in WEAK_PREDICATES and c.subject:
                buckets[("p", _base(c.predicate), c.subject)].append(s)
                if c.predicate.startswith("be:") or ":" not in c.predicate:
                    buckets[("a", _act(c.predicate), c.subject)].append(s)  # "was the father of" / "fathered": compare.agent_and_act
            if id(s) in self.event_dates and c.predicate not in WEAK_PREDICATES and (patient := done_to(s)):
                buckets[("e", c.predicate, patient)].append(s)  # "police arrested the gunman" / "the gunman was arrested"
            for told in (s, *(t for t, _ in self.clause_dates.get(id(s), []))):
                if told.claim is not None and is_act(told.claim.predicate):
                    for who in {told.claim.subject, done_to(told)} - {None}:
                        if named_in(who, told.text):  # one act told by two verbs of one meaning, a named participant in common (link/frames.py)
                            buckets[("who", who)].append(s)
            if id(s) in self.starts:
                buckets[("start",)].append(s)  # few in a story; their subjects are matched by meaning
            for n in self.noun_dates.get(id(s), []):
                for predicate in n.predicates:
                    buckets[("e", predicate, n.patient)].append(s)  # "Blackmore's arrest on Tuesday"
            for told, _ in self.clause_dates.get(id(s), []):
                if told.claim is not None and (patient := done_to(told)):
                    buckets[("e", told.claim.predicate, patient)].append(s)  # "the gunman, who was arrested on ..."
                if told.claim is not None and told.claim.subject:
                    buckets[("p", _base(told.claim.predicate), told.claim.subject)].append(s)
            if c.blames or denies(s):
                buckets[("b",)].append(s)
            if about_guilt(s):
                buckets[("accused",)].append(s)  # "found Jeffs guilty" / Jeffs: "there was no crime": link/innocence.py
            if (verb := manner_key(s)) is not None:
                buckets[("manner", verb)].append(s)  # "accidentally shot" / "deliberately shot": link/manners.py
            for state in state_subjects(s):
                buckets[("state", state)].append(s)  # "the town was undamaged" / "the main town was damaged": link/states.py
            if "there " in s.text.lower():
                buckets[("exists",)].append(s)  # "there is (no) ...": compare._existence
            if is_charge(s) or is_plea(s):
                buckets[("plea",)].append(s)
            if states_a_fact(s):
                buckets[("fact",)].append(s)
            if id(s) in self.event_times:
                buckets[("time",)].append(s)
            if "term" in self.durations.get(id(s), {}):
                buckets[("term",)].append(s)  # "was given a 10-year term" / "is serving a 12-year term": two verbs, one term
        seen: set[tuple[int, int]] = set()
        ids = {id(s): n for n, s in enumerate(every)}
        # pairs met only through an act's participant ("who" buckets, last) are compared only slot by slot
        # of that act (compare(frame_only=True)): their figures or words were not found to be of one thing
        for bucket, members in sorted(buckets.items(), key=lambda kv: kv[0][0] == "who"):
            if len(members) > 400:  # a measure every statement gives says nothing
                members = members[:400]
            frame_only = bucket[0] == "who"
            for i, x in enumerate(members):
                for y in members[i + 1 :]:
                    if self.focus is not None and self.focus not in (x.article_id, y.article_id):
                        continue
                    key = (min(ids[id(x)], ids[id(y)]), max(ids[id(x)], ids[id(y)]))
                    if key in seen or x is y or _overlapping(x, y) or same_source(x, y):
                        continue
                    if x.article_id == y.article_id and x.narration and y.narration:
                        continue
                    if _near_copies(x, y):
                        continue
                    seen.add(key)
                    yield x, y, frame_only


def _ages_of_one_named(f: Finding) -> bool:
    """Whether a finding sets two ages of one person named in full on both sides against each
    other ("Tom Reed, 45" / "Tom Reed, 52"): ages tell unnamed people apart ("a 36-year-old" and
    "a 32-year-old" are two climbers), but one full name is one person, whatever ages are given.
    A surname alone may be a relative's (the father and the son)."""
    if f.figures is None or f.figures[0].measure != "age":
        return False
    a, b = f.figures[0].about or "", f.figures[1].about or ""
    return len(a.split()) >= 2 and len(b.split()) >= 2 and names_fit(a, b)


def _counted(s: Statement) -> bool:
    """Whether what the statement's verb is done to is a count, not one named thing (event_dates.counted)."""
    patient = done_to(s)
    return patient is not None and counted(s, patient)


def _answer(d: spans_of_time.Duration) -> str:
    return f"{d.low:.4g}..{d.high:.4g}"


def _base(predicate: str) -> str:
    """The state a "be:un-X" predicate denies, so "unsafe" meets "safe" (see compare._negative_of)."""
    if predicate.startswith("be:"):
        for p in ("non-", "non", "dis", "un", "in", "im", "il", "ir"):
            if predicate[3:].startswith(p) and len(predicate) - 3 - len(p) >= 4:
                return "be:" + predicate[3 + len(p) :]
    return predicate


def _act(predicate: str) -> str:
    """What an agent noun ("be:father", "be:owner") shares with its verb ("father", "own"): the
    first four letters of the stem, so that a verb read with a letter more ("fathere") meets it
    (compare.agent_and_act decides)."""
    return stem(predicate.removeprefix("be:"))[:4]


def _near_copies(x: Statement, y: Statement) -> bool:
    """Near-copies (wire copies, a quote repeated) say the same thing: same words, same numbers."""
    return repeats(x.text, y.text) >= 0.9 and _NUMBERS.findall(x.text) == _NUMBERS.findall(y.text)


_NUMBERS = re.compile(r"\d[\d,.]*")


_NONE: frozenset[str] = frozenset()
_EVENT_FACTS = frozenset({"figures", "zero", "facts", "dates"})  # kinds of finding that tell a fact of one event
# Verbs of events that happen once (a quake strikes, a bomb explodes): two days of one of them told
# without an object conflict; "officials met" on two days may be two meetings.
_ONCE = frozenset(EVENT_VERBS) | frozenset(stem(v) for v in EVENT_VERBS) | ONCE_IN_A_LIFE
_OTHERS = re.compile(r"\s+other\s+(?!than\b)[a-z]", re.I)  # "three other assault rifles": another group than the one counted first
_BACK_REFERENCE = re.compile(r"\b(?:those|these|that|the same)\s+(?:\w+\s+)?(?:bombings?|attacks?|strikes?|raids?|incidents?|quakes?|earthquakes?|temblors?|tremors?|shootings?|fires?|blasts?|clashes|explosions?)\b", re.I)


def _places(articles: list[Article], statements: dict[str, list[Statement]],
            found: dict[str, list[tuple[int, str]]] | None = None) -> tuple[frozenset[str], dict[int, frozenset[str]]]:
    """The story's places (named in an opening, a headline or lead, or by most of its articles), and
    per statement the other places it names: places of side incidents, whose counts are not the
    story's counts. ``found``: each article's place names (:func:`_place_names`), when known."""
    main: set[str] = set()
    named: dict[str, int] = defaultdict(int)
    if found is None:
        found = {a.id: _place_names(a) for a in articles}
    for a in articles:
        opening = a.sentences[1].span.end if len(a.sentences) > 1 else (a.sentences[0].span.end if a.sentences else 400)
        main |= {p for at, p in found[a.id] if at < opening}
        for p in {p for _, p in found[a.id]}:
            named[p] += 1
    # a place most articles name is the story's place, even when no opening names it
    main |= {p for p, n in named.items() if n >= max(2, 0.4 * len(articles))}
    out: dict[int, frozenset[str]] = {}
    for a in articles:
        places = found[a.id]
        previous: frozenset[str] = frozenset()
        for s in sorted(statements.get(a.id, []), key=lambda s: s.start):
            side = frozenset(p for at, p in places if s.start <= at < s.end and p not in main)
            if not side and _BACK_REFERENCE.search(s.text):
                side = previous  # "seven people were killed in those bombings": the bombings of the sentence before
            if side:
                out[id(s)] = side
            previous = side or previous
    return frozenset(main), out


# Places the recogniser may miss, named by the kind of place around them ("the town of Taludi",
# "the Bureij refugee camp"); the name's first word must be capitalised.
_NAMED_PLACE = re.compile(
    r"\b(?:town|city|village|camp|district|province|county|region|island) of (?P<a>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
    r"|\b(?P<b>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) (?:refugee camp|camp|district|province|county)\b"
)


def _place_names(article: Article) -> list[tuple[int, str]]:
    """(offset, folded name) of the places an article names: the recogniser's, and those named by their kind."""
    out = [(m.span.start, fold(article.text[m.span.start : m.span.end])) for m in article.mentions if m.label == "PLACE"]
    taken = {at for at, _ in out}
    for m in _NAMED_PLACE.finditer(article.text):
        g = "a" if m.group("a") else "b"
        name, at = m.group(g), m.start(g)
        first = name.split()[0]
        if first in ("The", "A", "An", "In", "At", "This", "That"):
            name, at = name[len(first) + 1 :], at + len(first) + 1
        if name and at not in taken:
            out.append((at, fold(name)))
    return sorted(out)


def _overlapping(x: Statement, y: Statement) -> bool:
    return x.article_id == y.article_id and x.start < y.end and y.start < x.end


def _key(s: Statement) -> tuple[str, int]:
    return s.article_id, s.start


def _published_by(a: Article) -> tuple[str | None, str | None]:
    """(outlet, publication day) of an article, for its statements' sides; an outlet the page does
    not name is none, not the narrator's placeholder."""
    outlet = outlet_of(a)
    return (None if outlet == REPORTER else outlet), (a.published.value[:10] if a.published and a.published.value else None)


def _group(found: list[tuple[Finding, list[Statement], list[Statement]]], focus: str | None,
           published: dict[str, tuple[str | None, str | None]]) -> list[Conflict]:
    """One conflict per question and pair of answers; the statements giving each answer stand together.
    ``published``: each article's outlet and day, by article id (what a side shows)."""
    groups: dict[tuple, dict] = {}
    for f, xs, ys in found:
        answers = tuple(sorted((f.answer_x, f.answer_y)))
        group = (f.question, answers)
        g = groups.setdefault(group, {"findings": [], "sides": {f.answer_x: {}, f.answer_y: {}}})
        g["findings"].append(f)
        for answer, stmts in ((f.answer_x, xs), (f.answer_y, ys)):
            for s in stmts:
                g["sides"].setdefault(answer, {})[_key(s)] = s
    out: list[Conflict] = []
    for (question, answers), g in groups.items():
        positions = [list(g["sides"][a].values()) for a in answers]
        if any(not p for p in positions) or (focus is not None and not any(s.article_id == focus for p in positions for s in p)):
            continue
        best = max(g["findings"], key=lambda f: (f.confidence, f.reason))
        outlets = [len({outlet_key(s) for s in p}) for p in positions]
        confidence = min(0.99, best.confidence + 0.03 * (min(outlets) - 1) + 0.02 * (max(outlets) - 1))
        sides = []
        for n, p in enumerate(positions):
            for s in sorted(p, key=lambda s: (s.date or "9999", s.article_id, s.start))[:MAX_SIDES]:
                sides.append(_side(s, n, published.get(s.article_id, (None, None))))
        reason = with_counts(best.reason, [len(p) for p in positions])
        anchor = "|".join(min(f"{s.article_id}:{s.start}" for s in p) for p in positions)
        cid = "cf-" + hashlib.sha1(f"{question}|{answers}|{anchor}".encode()).hexdigest()[:12]
        key = hashlib.sha1(f"{question}|{answers}".encode()).hexdigest()[:16]
        topic = as_written(" ".join(best.topic.split()), [s.text for p in positions for s in p])
        out.append(Conflict(cid, topic[:120], tuple(sides), reason, round(confidence, 2), best.kind, None, key))
    out.sort(key=lambda c: (-c.confidence, c.id))
    return out


def _side(s: Statement, position: int, published: tuple[str | None, str | None]) -> ConflictSide:
    """The side a statement stands on, with its article's outlet and day: every side shows where and
    when it was published, also one a rebuttal reads from a clause ("Moscow's claims that ...")."""
    kind = "narration" if s.narration else s.kind
    outlet = s.outlet if s.outlet and s.outlet != REPORTER else published[0]
    return ConflictSide(s.article_id, s.quote_id, s.speaker, s.text, position, s.start, s.end, outlet, s.date or published[1], kind)


_POSITION = "ABCDEFGH"


def position_letter(position: int) -> str:
    """How a side is named to a reader: A, B, ..."""
    return _POSITION[position % len(_POSITION)]


def side_label(side: ConflictSide) -> str:
    """Who holds a side, and how the article gives it: a source's own words, or the article's."""
    if side.kind == "narration":
        return f"{side.speaker} (the article's own words)"
    if side.kind in ("stance", "clause", "reported"):
        return f"{side.speaker} (as the article reports it)"
    return side.speaker


def side_lines(conflict: Conflict, *, where: bool = True) -> list[str]:
    """One line per statement, lettered by position (A, B): "A  Officials: “60 people ...” (a.org, 2024-05-01)"."""
    out = []
    for s in sorted(conflict.sides, key=lambda s: (s.position, s.date or "", s.article_id, s.start or 0)):
        place = ", ".join(x for x in (s.outlet, s.date) if x) if where else ""
        out.append(f"{position_letter(s.position)}  {side_label(s)}: “{s.text}”" + (f" ({place})" if place else ""))
    return out
