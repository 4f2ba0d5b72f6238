"""Train the conflict pair classifier (issue 17's second design) on the hand-made ECB+ conflicts.

    python -m training.conflict_pairs [--data DIR] [--cache DIR] [--out PATH]

Every sub-topic of the annotated ECB+ topics (benchmarks/data/ecbplus_conflicts) is one story: its
candidate statement pairs (:func:`newstrace.link.pair_features.candidate_pairs`) are labelled from
the gold: 1 when the two statements belong to two answers that cannot both be true, 0 otherwise
(statements of one answer, the annotated tempting non-conflicts, everything unannotated); pairs
that join only an *optional* pair are left out of training (the annotation does not decide them).
Two models, both numpy only and deterministic (no random start, no sampling): gradient-boosted
depth-2 trees (:mod:`training.pair_trees`, the one written to
``src/newstrace/link/models/conflict_pairs.json``) and, for comparison, an L2-regularised logistic
regression fitted by Newton's method (:func:`fit_logistic`).

Its score on ECB+ after training on all of ECB+ is an in-sample figure, not a result: the honest
figure is leave-one-topic-out cross-validation (:func:`cross_validate`), which
``benchmarks/conflicts_model.py`` prints beside the rules'.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from conflict_gold import GOLD_DIR, Gold, Pair, Score, gold_topics, load_gold, score  # noqa: E402
from conflicts_ecbplus import SHARED, analyse, side_spans  # noqa: E402
from ecbplus_docs import read_documents  # noqa: E402

from newstrace.link.conflicts import _group, _places, _published_by, find_conflicts  # noqa: E402
from newstrace.link.pair_features import FEATURES, candidate_pairs, entity_kinds, entity_names, features  # noqa: E402
from newstrace.link.pair_model import MODEL_PATH, PairModel, pair_finding  # noqa: E402
from newstrace.link.statements import Statement, claim_statements  # noqa: E402
from newstrace.model import Article, Conflict, ConflictSide  # noqa: E402
from training.pair_trees import fit_trees  # noqa: E402

L2 = 1.0  # on standardised features; chosen before any held-out topic was scored
NEGATIVE_WEIGHT_TEMPTING = 3.0  # an annotated tempting non-conflict counts as three unannotated pairs


@dataclass
class Story:
    """One ECB+ sub-topic: its candidate pairs, their features and labels, and the rules' conflicts."""

    key: str
    topic: int
    articles: dict[str, Article]  # document name -> article
    pairs: list[tuple[Statement, Statement]] = field(default_factory=list)
    x: np.ndarray = field(default_factory=lambda: np.zeros((0, len(FEATURES))))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))  # 1, 0, or -1 (optional: not trained on)
    weight: np.ndarray = field(default_factory=lambda: np.zeros(0))
    rules: list[Conflict] = field(default_factory=list)


def _label(gold_pairs: list[Pair], tempting: list[Pair], names: dict[str, str], x: Statement, y: Statement) -> tuple[int, float]:
    sx = [(names[x.article_id], x.start, x.end)]
    sy = [(names[y.article_id], y.start, y.end)]
    hits = [p for p in gold_pairs if p.joins(sx, sy)]
    if any(not p.optional for p in hits):
        return 1, 1.0
    if hits:
        return -1, 0.0
    if any(p.joins(sx, sy) for p in tempting):
        return 0, NEGATIVE_WEIGHT_TEMPTING
    return 0, 1.0


def build_stories(data: Path, cache: Path | None, gold_dir: Path = GOLD_DIR) -> tuple[list[Story], Gold]:
    """Every sub-topic of the topics annotated in ``gold_dir`` (the development topics by default)."""
    docs = read_documents(data, gold_topics(gold_dir))
    gold = load_gold(docs, gold_dir)
    articles = analyse(sorted(docs.values(), key=lambda d: d.name), cache)
    names = {a.id: n for n, a in articles.items()}
    groups: dict[str, list[str]] = defaultdict(list)
    for name, d in docs.items():
        groups[d.subtopic].append(name)
    stories = []
    for key in sorted(groups):
        members = sorted(groups[key])
        story = Story(key, docs[members[0]].topic, {n: articles[n] for n in members})
        stories.append(fill_story(story, gold, names))
    return stories, gold


def story_statements(articles: Iterable[Article]) -> tuple[list[Statement], frozenset[str], dict[int, frozenset[str]], dict[int, frozenset[str]]]:
    """A story's statements, its places, the entities each statement names and the side places it names."""
    arts = list(articles)
    per = {a.id: [s for s in claim_statements(a) if not s.no_comment] for a in arts}
    places, side = _places(arts, per)
    by_id = {a.id: a for a in arts}
    statements = [s for a in arts for s in per[a.id]]
    return statements, places, {id(s): entity_names(by_id[s.article_id], s) for s in statements}, side


def story_matrix(articles: Iterable[Article], rules: list[Conflict]) -> tuple[list[tuple[Statement, Statement]], np.ndarray]:
    """A story's candidate pairs and their feature rows; ``rules``: the rules' conflicts in it."""
    arts = list(articles)
    texts = {a.id: a.text for a in arts}
    statements, places, entities, side = story_statements(arts)
    pairs = list(candidate_pairs(statements, entities))
    joined = set().union(*(_cross_pairs(c) for c in rules)) if rules else set()
    none: frozenset[str] = frozenset()
    by_id = {a.id: a for a in arts}
    kinds = {id(s): entity_kinds(by_id[s.article_id], s) for s in statements}
    rows = [
        features(
            x, y, texts[x.article_id], texts[y.article_id], places, entities[id(x)], entities[id(y)], side.get(id(x), none), side.get(id(y), none),
            _pair_key(x, y) in joined, kinds[id(x)], kinds[id(y)],
        )
        for x, y in pairs
    ]
    return pairs, np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))


def fill_story(story: Story, gold: Gold, names: dict[str, str]) -> Story:
    arts = list(story.articles.values())
    story.rules = find_conflicts(arts)
    story.pairs, story.x = story_matrix(arts, story.rules)
    gold_pairs = [p for p in gold.pairs if p.subtopic == story.key]
    tempting = [p for p in gold.non_conflicts if p.subtopic == story.key]
    labels = [_label(gold_pairs, tempting, names, x, y) for x, y in story.pairs]
    story.y = np.array([lab for lab, _ in labels], dtype=float)
    story.weight = np.array([w for _, w in labels], dtype=float)
    return story


@dataclass(frozen=True)
class Linear:
    """A logistic regression (the first model tried; not shipped)."""

    coef: np.ndarray
    bias: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(1 / (1 + np.exp(-np.clip(x @ self.coef + self.bias, -30, 30))))


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = L2, steps: int = 50) -> Linear:
    """Weighted L2 logistic regression by Newton's method on standardised features (deterministic).
    Positives are weighted up to balance the classes."""
    weight = weight.copy()
    pos = y == 1
    if pos.any():
        weight[pos] *= weight[~pos].sum() / weight[pos].sum()
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0  # the intercept is not shrunk
    total = weight.sum()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (weight * (p - y)) / total + reg * w / total
        hess = (z.T * (weight * p * (1 - p))) @ z / total + np.diag(reg) / total
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(w)), grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    coef = w[:-1] / scale
    bias = float(w[-1] - (coef * mean).sum())
    return Linear(coef, bias)


def train(stories: list[Story], kind: str = "trees") -> PairModel | Linear:
    """``trees`` (the shipped kind) or ``logistic``, on every labelled pair of ``stories``."""
    x, y, weight = np.vstack([s.x for s in stories]), np.concatenate([s.y for s in stories]), np.concatenate([s.weight for s in stories])
    keep = y >= 0
    if kind == "trees":
        return fit_trees(x[keep], y[keep], weight[keep])
    return fit_logistic(x[keep], y[keep], weight[keep])


def cross_validate(stories: list[Story], kind: str = "trees") -> dict[str, np.ndarray]:
    """Leave-one-topic-out: each topic's pairs scored by a model trained on the other topics only.
    Returns the held-out probability of every pair, by story key."""
    out: dict[str, np.ndarray] = {}
    for topic in sorted({s.topic for s in stories}):
        train_on = [s for s in stories if s.topic != topic]
        assert all(s.topic != topic for s in train_on)
        model = train(train_on, kind)
        for s in stories:
            if s.topic == topic:
                out[s.key] = model.probabilities(s.x)
    return out


def _skey(s: Statement | ConflictSide) -> tuple[str, int | None]:
    return s.article_id, s.start


def model_conflicts(story: Story, probs: np.ndarray, threshold: float) -> list[Conflict]:
    """The conflicts the model reports in a story: pairs at or above ``threshold``, grouped as the
    rules' findings are (conflicts._group: one conflict per question and pair of answers)."""
    arts = list(story.articles.values())
    texts = {a.id: a.text for a in arts}
    _, places, _, _ = story_statements(arts)
    found = []
    for (x, y), p in zip(story.pairs, probs, strict=True):
        if p >= threshold:
            found += [(f, [x], [y]) for f in pair_finding(x, y, float(p), texts[x.article_id], texts[y.article_id], places)]
    return _group(found, None, {a.id: _published_by(a) for a in arts})


def _pair_key(a: Statement | ConflictSide, b: Statement | ConflictSide) -> tuple:
    return tuple(sorted((_skey(a), _skey(b)), key=repr))


def _cross_pairs(c: Conflict) -> set[tuple]:
    """The statement pairs a conflict joins (one statement on each of two positions)."""
    return {_pair_key(a, b) for a in c.sides for b in c.sides if a.position < b.position}


def combined(story: Story, probs: np.ndarray, threshold: float, how: str) -> list[Conflict]:
    """``rules``, ``model``, ``union`` (the rules' conflicts, then the model's on pairs the rules did
    not join) or ``intersection`` (the rules' conflicts with at least one pair the model accepts;
    a rules conflict none of whose pairs is a candidate is kept: the model has no say on it)."""
    if how == "rules":
        return story.rules
    mine = model_conflicts(story, probs, threshold)
    if how == "model":
        return mine
    joined = set().union(*(_cross_pairs(c) for c in story.rules)) if story.rules else set()
    if how == "union":
        return story.rules + [c for c in mine if not _cross_pairs(c) <= joined]
    prob = {_pair_key(x, y): float(p) for (x, y), p in zip(story.pairs, probs, strict=True)}
    out = []
    for c in story.rules:
        seen = [prob[k] for k in _cross_pairs(c) if k in prob]
        if not seen or max(seen) >= threshold:
            out.append(c)
    return out


def evaluate(stories: list[Story], gold: Gold, probs: dict[str, np.ndarray], threshold: float, how: str) -> Score:
    reported = []
    for s in stories:
        names = {a.id: n for n, a in s.articles.items()}
        for c in combined(s, probs[s.key], threshold, how):
            reported.append((s.key, side_spans(c, s.articles, names)))
    return score(gold, reported)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus")
    ap.add_argument("--cache", type=Path, default=None, help="analysed ECB+ records (as benchmarks/conflicts_ecbplus.py --cache)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"needs {args.data}/ECBplus_xml.tar.gz (ECB+, ../shared/data/ecbplus)")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    stories, _ = build_stories(args.data, args.cache)
    n = sum(len(s.y) for s in stories)
    pos = int(sum((s.y == 1).sum() for s in stories))
    model = train(stories, "trees")
    assert isinstance(model, PairModel)
    model.save(args.out, trained_on=f"ECB+ hand-made conflicts, {len(stories)} stories, {n} candidate pairs, {pos} conflicting")
    print(f"wrote {args.out} ({n} pairs, {pos} conflicting)")


if __name__ == "__main__":
    main()
