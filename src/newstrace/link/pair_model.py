"""The trained conflict pair classifier: boosted depth-2 trees over :mod:`newstrace.link.pair_features`.

Issue 17's second design beside the rules of :mod:`newstrace.link.compare`, measured by
``benchmarks/conflicts_model.py`` (leave-one-topic-out on the hand-made ECB+ conflicts). It is not
part of the shipped conflict finder: under cross-validation it did not beat the rules (BENCHMARKS.md).
The trees are a small JSON file (``models/conflict_pairs.json``) rebuilt by
``python -m training.conflict_pairs``; they name their features, so trees trained for another
feature list are refused rather than misread.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newstrace.claims.ranges import gap, overlap
from newstrace.errors import ModelError
from newstrace.link.compare import Finding, comparable, compare, denies, figure_answer, figure_range, short_text
from newstrace.link.pair_features import FEATURES
from newstrace.link.statements import Statement
from newstrace.model import Figure
from newstrace.text import as_written

MODEL_PATH = Path(__file__).resolve().parent / "models" / "conflict_pairs.json"
THRESHOLD = 0.5  # declared before any held-out topic was scored; not tuned

# One tree: (feature, cut, left, right), each child (feature, cut, leaf if <= cut, leaf if > cut).
Tree = tuple[int, float, tuple[int, float, float, float], tuple[int, float, float, float]]


@dataclass(frozen=True)
class PairModel:
    """Gradient-boosted depth-2 trees: the margin is ``base`` plus one leaf of each tree."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float = THRESHOLD

    def probability(self, row: list[float]) -> float:
        """Probability that the pair with feature vector ``row`` (FEATURES order) conflicts."""
        z = self.base
        for f, cut, left, right in self.trees:
            f2, cut2, a, b = left if row[f] <= cut else right
            z += a if row[f2] <= cut2 else b
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, rows: Any) -> Any:
        """Probabilities of a matrix of feature rows (numpy array in, numpy array out)."""
        import numpy as np

        x = np.asarray(rows, dtype=float).reshape(-1, len(FEATURES))
        z = np.full(len(x), self.base)
        for f, cut, left, right in self.trees:
            go_left = x[:, f] <= cut
            for side, (f2, cut2, a, b) in ((go_left, left), (~go_left, right)):
                z += np.where(side, np.where(x[:, f2] <= cut2, a, b), 0.0)
        return 1 / (1 + np.exp(-np.clip(z, -30, 30)))

    def save(self, path: Path, trained_on: str = "") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "model": "gradient-boosted depth-2 trees over newstrace.link.pair_features (python -m training.conflict_pairs)",
            "trained_on": trained_on,
            "features": list(FEATURES),
            "threshold": self.threshold,
            "base": round(self.base, 6),
            "trees": [[f, _num(cut), [lt[0], _num(lt[1]), round(lt[2], 6), round(lt[3], 6)], [r[0], _num(r[1]), round(r[2], 6), round(r[3], 6)]] for f, cut, lt, r in self.trees],
        }
        path.write_text(json.dumps(body, separators=(",", ":")) + "\n", encoding="utf-8")


def _num(v: float) -> float | str:
    return "inf" if v == math.inf else round(v, 6)


def load_model(path: Path = MODEL_PATH) -> PairModel:
    """The trees at ``path``; ModelError when missing, unreadable or for other features."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if tuple(body["features"]) != FEATURES:
            raise ModelError(f"{path}: trees are for other features than newstrace.link.pair_features (retrain: python -m training.conflict_pairs)")
        trees = tuple(
            (int(f), float(cut), (int(lt[0]), float(lt[1]), float(lt[2]), float(lt[3])), (int(r[0]), float(r[1]), float(r[2]), float(r[3])))
            for f, cut, lt, r in body["trees"]
        )
        return PairModel(float(body["base"]), trees, float(body.get("threshold", THRESHOLD)))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
        raise ModelError(f"{path}: cannot read the conflict pair trees ({e})") from e


def pair_finding(x: Statement, y: Statement, probability: float, text_x: str, text_y: str, story_places: frozenset[str] = frozenset()) -> list[Finding]:
    """What a pair the model calls conflicting is about, as findings :func:`conflicts._group` can
    group: the rules' own findings where they fire (with the model's confidence), else the
    question both statements answer (the figure they both give, the proposition, who is to blame)
    and each one's answer; a pair with no shared question is not reported."""
    found = compare(x, y, text_x, text_y, story_places)
    if found:
        return [replace(f, confidence=round(probability, 2)) for f in found]
    cx, cy = x.claim, y.claim
    assert cx is not None and cy is not None
    conf = round(probability, 2)
    figures = [(a, b) for a in cx.figures for b in cy.figures if comparable(a, b, story_places) and not overlap(figure_range(a), figure_range(b))]
    if figures:
        a, b = max(figures, key=lambda p: gap(figure_range(p[0]), figure_range(p[1])))
        q: tuple = ("figures", a.measure, a.unit, a.about, a.scope)
        return [Finding("figures", conf, f"different figures for '{a.measure}': {_quote(text_x, a)} vs {_quote(text_y, b)}", a.measure, q, figure_answer(a), figure_answer(b))]
    if cx.subject and cx.subject == cy.subject and cx.predicate == cy.predicate and denies(x) != denies(y):
        q = ("denial", cx.subject, cx.predicate, cx.object or cy.object)
        yes_x = not denies(x)
        return [Finding("denial", conf, f"denial: '{short_text(x.text)}' vs '{short_text(y.text)}'", "whether " + as_written(f"{cx.subject} {cx.predicate}", [x.text, y.text], stems=True), q, "yes" if yes_x else "no", "no" if yes_x else "yes")]
    if cx.blames and cy.blames and set(cx.blames) != set(cy.blames):
        bx, by = ", ".join(sorted(cx.blames)), ", ".join(sorted(cy.blames))
        return [Finding("blame", conf, f"incompatible responsibility: {bx} vs {by}", "who is responsible", ("blame",), bx, by)]
    loose = [(a, b) for a in cx.figures for b in cy.figures if a.unit == b.unit and a.unit not in ("$", "") and not overlap(figure_range(a), figure_range(b))]
    if loose:
        a, b = max(loose, key=lambda p: gap(figure_range(p[0]), figure_range(p[1])))
        q = ("figures", a.measure if a.measure == b.measure else "", a.unit)
        return [Finding("figures", conf, f"different figures: {_quote(text_x, a)} vs {_quote(text_y, b)}", f"figures in {a.unit}", q, figure_answer(a), figure_answer(b))]
    return []  # no question both answer: nothing a reader could check


def _quote(text: str, f: Figure) -> str:
    return " ".join(text[f.span.start : f.span.end].split())
