"""Stories: articles about the same real-world event, clustered as they arrive.

Each article is represented by TF-IDF over its title and opening (names and
figures weigh double), and joins the story it is most similar to, or starts a
new story. Its similarity to a story is the mean similarity to the story's
few closest members blended with the closest one (every member required above
a floor): a story drifts as it develops (the arrest, then the charges, then
the trial), and a new article continues the part of it it is about, so the
mean over all members would push it out of long stories. Similarity
decays with the days between two articles, and only articles in a time window
are candidates. Adding an article costs the same however large the store grows
and however long its stories are: a fixed number of candidates (those sharing
the most weight of the article's most distinctive terms), and in each of a few
shortlisted stories its candidates and its newest members, up to a fixed total,
are all the stored articles compared, each read and weighed once. The index the clusterer reads (document frequencies, postings,
memberships) is a small protocol: the store implements it, and so does
:class:`MemoryIndex` for benchmarks and tests.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from newstrace.link.merge import Member, Merge, average_linkage, survivor
from newstrace.link.vectors import idf, lead_text, story_terms, weigh
from newstrace.model import Article
from newstrace.text import dot


@dataclass(frozen=True, slots=True)
class StoryOptions:
    lead_chars: int = 500
    names_weight: float = 2.0
    threshold: float = 0.2  # story similarity (see nearest_members) needed to join it
    # Story similarity: the mean over the article's nearest_members closest members (0: all
    # members), blended with the closest member's similarity by closest_weight. All three
    # tuned on ECB+ topics 1-35 (benchmarks/link_ecbplus.py --tune).
    nearest_members: int = 3
    closest_weight: float = 0.3
    floor: float = 0.0  # and the least similar member must be at least this close
    window_days: int = 21  # stories with no article within this many days are closed
    decay_days: float = 30.0  # similarity halves after this many days apart
    # The work of placing one article is bounded by these, not by how full the store is: the
    # candidates sharing the most query weight, each shortlisted story's candidates among them
    # and its newest members are all the stored articles compared.
    query_terms: int = 15
    max_members: int = 10  # newest members of a shortlisted story compared (with its candidates among them)
    max_candidates: int = 60  # articles sharing the most query weight
    max_stories: int = 5  # candidate stories compared member by member
    max_compared: int = 70  # stored articles compared in all: the candidates, then the shortlist's newest members
    # Average-linkage similarity at which the story an article changed and another shortlisted
    # story become one (newstrace.link.merge); None: never merge. Tuned on ECB+ topics 1-35.
    merge_threshold: float | None = None


Terms = dict[str, float]  # term -> weight
POSTINGS_PER_TERM = 100  # newest articles per query term searched for candidates (a store reads as many)


class StoryIndex(Protocol):
    """What the clusterer reads and writes: a store (newstrace.link.storage.LinkStore) or MemoryIndex."""

    def story_add_terms(self, article_id: str, terms: Mapping[str, float], day: int | None) -> None: ...
    def story_df(self, terms: Iterable[str]) -> dict[str, int]: ...
    def story_doc_count(self) -> int: ...
    def story_candidates(self, query: Mapping[str, float], day: int | None, window_days: int, limit: int) -> list[str]:
        """Articles within the window sharing the query's terms, at most ``limit``: those sharing the
        most query weight first (the newest on a tie)."""
        ...
    def story_terms(self, article_ids: list[str]) -> dict[str, tuple[Terms, int | None]]: ...
    def stories_of(self, article_ids: list[str]) -> dict[str, str]: ...
    def story_members(self, story_id: str, limit: int) -> list[str]: ...
    def story_join(self, story_id: str, article_id: str, similarity: float) -> None: ...
    def story_new(self, article_id: str) -> str: ...
    def story_sizes(self, story_ids: list[str]) -> dict[str, int]: ...
    def story_merge(self, into: str, gone: str, similarity: float) -> None: ...


def day_number(article: Article) -> int | None:
    if article.published is None:
        return None
    try:
        return date.fromisoformat(article.published.value[:10]).toordinal()
    except ValueError:
        return None


def article_terms(article: Article, options: StoryOptions = StoryOptions()) -> Counter[str]:
    return story_terms(lead_text(article.title, article.text, options.lead_chars), names_weight=options.names_weight)


def story_similarity(sims: list[float], options: StoryOptions) -> float:
    """How close an article is to a story, from its similarities to the story's members."""
    ranked = sorted(sims, reverse=True)
    near = ranked[: options.nearest_members] if options.nearest_members > 0 else ranked
    mean = sum(near) / len(near)
    return (1.0 - options.closest_weight) * mean + options.closest_weight * ranked[0]


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: str
    similarity: float  # to the story it joined (0.0 for a new story)
    new: bool
    merges: tuple[Merge, ...] = ()  # stories merged after it was placed; story_id is the survivor
    # The stored articles compared while placing it (the candidates, the shortlisted stories'
    # members), most similar first: (article id, its story, similarity). What linking checks the
    # article's statements against, at no extra read.
    neighbours: tuple[tuple[str, str, float], ...] = ()


class _StoredVectors:
    """TF-IDF vectors of stored articles, each read and weighed once while one article is placed.

    The candidates and the shortlisted stories' members are mostly the same articles, and they
    share most of their terms: each article's terms are read once, each term's df once."""

    def __init__(self, index: StoryIndex, n_docs: int) -> None:
        self.index = index
        self.n_docs = n_docs
        self.idfs: dict[str, float] = {}
        self.read: dict[str, Member] = {}

    def _learn(self, terms: Iterable[str]) -> None:
        missing = {t for t in terms if t not in self.idfs}
        if missing:
            df = self.index.story_df(missing)
            for t in missing:
                self.idfs[t] = idf(df.get(t, 0), self.n_docs)

    def weigh(self, terms: Mapping[str, float]) -> dict[str, float]:
        self._learn(terms)
        return weigh(terms, self.idfs)

    def vectors(self, article_ids: list[str]) -> dict[str, Member]:
        """Article id -> (vector, day) of each id on file, in the order given."""
        missing = [a for a in article_ids if a not in self.read]
        if missing:
            stored = self.index.story_terms(missing)
            self._learn(t for ts, _ in stored.values() for t in ts)  # the df of every new term, in one read
            for a, (ts, d) in stored.items():
                self.read[a] = (weigh(ts, self.idfs), d)
        return {a: self.read[a] for a in article_ids if a in self.read}


class StoryClusterer:
    def __init__(self, index: StoryIndex, options: StoryOptions = StoryOptions(), embed_weight: float = 0.0) -> None:
        self.index = index
        self.options = options
        # Optional sentence embeddings (the [embeddings] extra), blended into the similarity.
        self.embed_weight = embed_weight
        self._embeddings: dict[str, list[float]] = {}

    def set_embedding(self, article_id: str, vector) -> None:
        self._embeddings[article_id] = vector

    def _sim(self, vec: dict[str, float], other: dict[str, float], a: str, b: str) -> float:
        s = dot(vec, other)
        if self.embed_weight and a in self._embeddings and b in self._embeddings:
            e = float(sum(x * y for x, y in zip(self._embeddings[a], self._embeddings[b])))
            s = (1 - self.embed_weight) * s + self.embed_weight * e
        return s

    def _decay(self, a: int | None, b: int | None) -> float:
        if a is None or b is None:
            return 1.0
        return math.pow(0.5, abs(a - b) / self.options.decay_days)

    def add(self, article_id: str, terms: Mapping[str, float], day: int | None) -> Assignment:
        o = self.options
        self.index.story_add_terms(article_id, terms, day)
        stored = _StoredVectors(self.index, self.index.story_doc_count())
        vec = stored.weigh(terms)
        query = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: o.query_terms])
        cands = [c for c in self.index.story_candidates(query, day, o.window_days, o.max_candidates + 1) if c != article_id][: o.max_candidates]
        stories = self.index.stories_of(cands)
        # Rank the candidate stories by their closest candidate; only the best few are compared in full.
        closest: dict[str, float] = {}
        seen: dict[str, tuple[str, float]] = {}  # article -> (story, similarity)
        for c, (v, d) in stored.vectors(cands).items():
            if c in stories:
                sim = self._sim(vec, v, article_id, c) * self._decay(day, d)
                closest[stories[c]] = max(closest.get(stories[c], 0.0), sim)
                seen[c] = (stories[c], sim)
        shortlist = sorted(closest, key=lambda sid: (-closest[sid], sid))[: o.max_stories]
        best: tuple[float, str] | None = None
        compared: dict[str, list[Member]] = {}  # the shortlist's members, kept for merging
        # each story's newest members (a story drifts: the part now reported), and the members the query found
        members = self._members(shortlist, cands, stories, article_id)
        stored.vectors([m for ms in members.values() for m in ms])  # all of them in one read
        for story_id in sorted(shortlist):
            read = stored.vectors(members[story_id])
            if not read:
                continue
            compared[story_id] = list(read.values())
            sims = [self._sim(vec, v, article_id, m) * self._decay(day, d) for m, (v, d) in read.items()]
            seen.update((m, (story_id, sim)) for m, sim in zip(read, sims))
            score = story_similarity(sims, o)
            if score >= o.threshold and min(sims) >= o.floor and (best is None or score > best[0]):
                best = (score, story_id)
        neighbours = tuple(sorted(((a, sid, sim) for a, (sid, sim) in seen.items()), key=lambda n: (-n[2], n[0])))
        if best is None:
            placed = Assignment(self.index.story_new(article_id), 0.0, True, neighbours=neighbours)
        else:
            self.index.story_join(best[1], article_id, best[0])
            placed = Assignment(best[1], best[0], False, neighbours=neighbours)
        if o.merge_threshold is None:
            return placed
        return self._merge(placed, [*compared.get(placed.story_id, []), (vec, day)], compared)

    def _members(self, shortlist: list[str], cands: list[str], stories: Mapping[str, str], article_id: str) -> dict[str, list[str]]:
        """The stored articles each shortlisted story is compared on: its candidates, and its newest
        members while ``max_compared`` lasts (the closest story's first, each story's newest first).

        The total, not each story's share, is what is bounded: the shortlisted stories of a store of
        long stories would otherwise be read in full (5 x 10 newest) where a young store's are read
        in part, and linking would cost more as the stories grow."""
        o = self.options
        compared = set(cands)
        out: dict[str, list[str]] = {}
        for sid in shortlist:  # closest first
            found = [c for c in cands if stories.get(c) == sid]
            newest = [m for m in reversed(self.index.story_members(sid, o.max_members)) if m != article_id and m not in found]
            kept = []
            for m in newest:
                if m in compared or len(compared) < o.max_compared:
                    compared.add(m)
                    kept.append(m)
            out[sid] = [*kept[::-1], *found]
        return out

    def _merge(self, placed: Assignment, own: list[Member], compared: dict[str, list[Member]]) -> Assignment:
        """Merge the story the article changed with each shortlisted story now close enough.

        Only stories already compared are candidates (at most ``max_stories``, their members
        already read), so merging adds no reads but the sizes and costs no more as the store grows.
        """
        threshold = self.options.merge_threshold
        assert threshold is not None
        story, merges = placed.story_id, list[Merge]()
        scored = [(average_linkage(own, m, self.options.decay_days), sid) for sid, m in compared.items() if sid != story]
        for sim, other in sorted(scored, key=lambda x: (-x[0], x[1])):
            if sim < threshold:
                break
            # Once merged, the story has more members: its linkage to the next candidate is re-checked.
            if merges:
                sim = average_linkage(own, compared[other], self.options.decay_days)
                if sim < threshold:
                    continue
            into, gone = survivor(story, other, self.index.story_sizes([story, other]))
            self.index.story_merge(into, gone, sim)
            merges.append(Merge(into, gone, sim))
            own = own + compared[other]
            story = into
        moved = {m.gone: m.into for m in merges}  # a story merged into one merged later: followed
        neighbours = tuple((a, _follow(moved, sid), sim) for a, sid, sim in placed.neighbours)
        return Assignment(story, placed.similarity, placed.new, tuple(merges), neighbours)


def _follow(redirects: Mapping[str, str], story_id: str) -> str:
    seen = set()
    while story_id in redirects and story_id not in seen:
        seen.add(story_id)
        story_id = redirects[story_id]
    return story_id


class MemoryIndex:
    """A StoryIndex in memory (benchmarks, tests, one-off batches)."""

    def __init__(self) -> None:
        self._terms: dict[str, tuple[dict[str, float], int | None]] = {}
        self._arrival: dict[str, int] = {}
        self._df: Counter[str] = Counter()
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._story: dict[str, str] = {}
        self._members: dict[str, list[str]] = defaultdict(list)
        self._seq: dict[str, int] = {}  # article id -> when it joined a story
        self._made = 0
        self.redirects: dict[str, str] = {}  # merged story -> the story it now is

    def story_add_terms(self, article_id: str, terms: Mapping[str, float], day: int | None) -> None:
        if article_id in self._terms:
            return
        self._terms[article_id] = (dict(terms), day)
        self._arrival[article_id] = len(self._arrival)
        for t in terms:
            self._df[t] += 1
            self._postings[t].append(article_id)

    def story_df(self, terms: Iterable[str]) -> dict[str, int]:
        return {t: self._df.get(t, 0) for t in terms}

    def story_doc_count(self) -> int:
        return len(self._terms)

    def story_candidates(self, query: Mapping[str, float], day: int | None, window_days: int, limit: int) -> list[str]:
        score: dict[str, float] = {}
        for t, w in query.items():
            for a in reversed(self._postings.get(t, [])[-POSTINGS_PER_TERM:]):
                d = self._terms[a][1]
                if day is None or d is None or abs(d - day) <= window_days:
                    score[a] = score.get(a, 0.0) + w
        return sorted(score, key=lambda a: (-score[a], -self._arrival[a]))[:limit]

    def story_terms(self, article_ids: list[str]) -> dict[str, tuple[dict[str, float], int | None]]:
        return {a: self._terms[a] for a in article_ids if a in self._terms}

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        return {a: self._story[a] for a in article_ids if a in self._story}

    def story_members(self, story_id: str, limit: int) -> list[str]:
        return self._members[story_id][-limit:]

    def story_join(self, story_id: str, article_id: str, similarity: float) -> None:
        self._story[article_id] = story_id
        self._members[story_id].append(article_id)
        self._seq[article_id] = len(self._seq)

    def story_new(self, article_id: str) -> str:
        self._made += 1  # not len(self._members): merged stories leave it, ids must not repeat
        story_id = f"s{self._made}"
        self.story_join(story_id, article_id, 0.0)
        return story_id

    def story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        return {s: len(self._members[s]) for s in story_ids if s in self._members}

    def story_merge(self, into: str, gone: str, similarity: float) -> None:
        moved = self._members.pop(gone, [])
        for a in moved:
            self._story[a] = into
        # Members stay in arrival order, so members(limit) still returns the most recent ones.
        self._members[into] = sorted(self._members[into] + moved, key=self._seq.__getitem__)
        self.redirects[gone] = into
        for old, to in self.redirects.items():
            if to == gone:
                self.redirects[old] = into

    def clusters(self) -> dict[str, list[str]]:
        return dict(self._members)


def cluster_articles(articles: Iterable[Article], options: StoryOptions = StoryOptions()) -> dict[str, list[str]]:
    """Stories of a batch of articles, in publication order (story id -> article ids)."""
    index = MemoryIndex()
    clusterer = StoryClusterer(index, options)
    ordered = sorted(articles, key=lambda a: (a.published.value if a.published else "", a.id))
    for a in ordered:
        clusterer.add(a.id, article_terms(a, options), day_number(a))
    return index.clusters()
