"""The hand-made conflict annotations over ECB+ (benchmarks/data/ecbplus_conflicts), read and scored.

Rules of the annotation: benchmarks/data/ecbplus_conflicts/README.md. In short, each
subtopic (one real-world event) lists questions; each question groups the statements that
answer it by their answer, and names the pairs of answers that cannot both be true. A
reported conflict is right when one of its sides is a statement of one answer and another
side a statement of an answer paired with it (or an `optional` pair, which is neither
required nor held against the system). Recall counts answer pairs: a pair is found when at
least one reported conflict joins a statement of each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ecbplus_docs import EcbDoc

GOLD_DIR = Path(__file__).resolve().parent / "data" / "ecbplus_conflicts"  # development topics
# Topics annotated blind after the detection rules were written (its README): the held-out figure.
HELDOUT_DIR = Path(__file__).resolve().parent / "data" / "ecbplus_conflicts_heldout"


@dataclass(frozen=True)
class Claim:
    doc: str
    sentence: int
    key: str
    speaker: str
    span: tuple[int, int]  # of the key, in the document text

    def matches(self, doc: str, start: int, end: int) -> bool:
        return doc == self.doc and start < self.span[1] and self.span[0] < end


@dataclass
class Pair:
    """Two groups of statements that cannot both be true (one gold conflict)."""

    subtopic: str
    label: str
    a: list[Claim]
    b: list[Claim]
    optional: bool = False
    found: int = 0

    def joins(self, side_x: Iterable[tuple[str, int, int]], side_y: Iterable[tuple[str, int, int]]) -> bool:
        xs, ys = list(side_x), list(side_y)

        def hit(group: list[Claim], sides: list[tuple[str, int, int]]) -> bool:
            return any(c.matches(*s) for c in group for s in sides)

        return (hit(self.a, xs) and hit(self.b, ys)) or (hit(self.a, ys) and hit(self.b, xs))


@dataclass
class Gold:
    topics: list[int]
    subtopics: list[str]
    pairs: list[Pair] = field(default_factory=list)
    non_conflicts: list[Pair] = field(default_factory=list)

    @property
    def required(self) -> list[Pair]:
        return [p for p in self.pairs if not p.optional]


def _claim(raw: list, docs: dict[str, EcbDoc]) -> Claim:
    doc, sentence, key, speaker = raw
    if doc not in docs:
        raise KeyError(f"annotation names an unknown document {doc!r}")
    return Claim(doc, int(sentence), key, speaker, docs[doc].locate(int(sentence), key))


def gold_topics(gold_dir: Path = GOLD_DIR) -> set[int]:
    """The ECB+ topics annotated in ``gold_dir`` (one ``NN.json`` each)."""
    topics = {int(p.stem) for p in gold_dir.glob("*.json")}
    if not topics:
        raise FileNotFoundError(f"{gold_dir}: no annotated topics (NN.json)")
    return topics


def load_gold(docs: dict[str, EcbDoc], gold_dir: Path = GOLD_DIR) -> Gold:
    """Every annotated topic; raises KeyError naming any statement not found in its sentence."""
    files = sorted(gold_dir.glob("*.json"), key=lambda p: int(p.stem))
    gold = Gold([int(p.stem) for p in files], [])
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for sub, body in data["subtopics"].items():
            gold.subtopics.append(sub)
            for q in body.get("questions", []):
                answers = {k: [_claim(c, docs) for c in v] for k, v in q["answers"].items()}
                for x, y in q.get("conflicts", []):
                    gold.pairs.append(Pair(sub, f"{q['id']}: {x} / {y}", answers[x], answers[y]))
                for x, y in q.get("optional_conflicts", []):
                    gold.pairs.append(Pair(sub, f"{q['id']}: {x} / {y}", answers[x], answers[y], optional=True))
            for o in body.get("optional", []):
                gold.pairs.append(Pair(sub, o["why"], [_claim(o["a"], docs)], [_claim(o["b"], docs)], optional=True))
            for n in body.get("non_conflicts", []):
                gold.non_conflicts.append(Pair(sub, n["why"], [_claim(n["a"], docs)], [_claim(n["b"], docs)]))
    return gold


@dataclass
class Score:
    reported: int
    correct: int
    optional: int  # reported conflicts that match only an optional pair (left out of precision)
    required: int
    found: int
    tempting_reported: int  # annotated non-conflicts the system reported
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        judged = self.reported - self.optional
        return self.correct / judged if judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0


def score(gold: Gold, reported: list[tuple[str, list[list[tuple[str, int, int]]]]]) -> Score:
    """``reported``: (story, sides), each side a list of (doc, start, end) statements.

    Gold pairs are matched by document, so a pair across two stories of a topic counts when a
    run that gives the finder the whole topic joins it."""
    for p in gold.pairs:
        p.found = 0
    correct = optional = tempting = 0
    wrong = []
    for sub, sides in reported:
        pairs = [(x, y) for i, x in enumerate(sides) for y in sides[i + 1 :]]
        hits = [p for p in gold.pairs if any(p.joins(x, y) for x, y in pairs)]
        for p in hits:
            p.found += 1
        if any(not p.optional for p in hits):
            correct += 1
        elif hits:
            optional += 1
        else:
            wrong.append((sub, sides))
        if any(any(n.joins(x, y) for x, y in pairs) for n in gold.non_conflicts):
            tempting += 1
    required = gold.required
    return Score(len(reported), correct, optional, len(required), sum(1 for p in required if p.found), tempting, wrong)
