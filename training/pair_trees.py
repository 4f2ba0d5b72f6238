"""Fitting the conflict pair classifier's gradient-boosted depth-2 trees, with numpy only.

The alternative to the logistic regression of :mod:`training.conflict_pairs`: trees combine
features (figures apart *and* the same occasion *and* not two quakes) where a linear model can
only add them. Logistic loss, Newton leaf values, features cut at up to ``BINS`` quantiles;
deterministic (no sampling).
"""

from __future__ import annotations

import numpy as np

from newstrace.link.pair_model import PairModel, Tree

BINS = 16


def _cuts(x: np.ndarray) -> list[np.ndarray]:
    out = []
    for col in x.T:
        values = np.unique(col)
        if len(values) > BINS:
            values = np.unique(np.quantile(col, np.linspace(0, 1, BINS + 1)[1:-1]))
        out.append(values[:-1] if len(values) > 1 else values[:0])
    return out


def _best_split(x: np.ndarray, g: np.ndarray, h: np.ndarray, rows: np.ndarray, cuts: list[np.ndarray], lam: float) -> tuple[int, float, float]:
    """(feature, cut, gain) of the best split of ``rows`` (gain 0: none)."""
    G, H = g[rows].sum(), h[rows].sum()
    best = (0, np.inf, 0.0)
    for f, cs in enumerate(cuts):
        if not len(cs):
            continue
        col = x[rows, f]
        idx = np.searchsorted(cs, col, side="left")  # bin of each row: values <= cs[k] go to bins <= k
        gl = np.cumsum(np.bincount(idx, weights=g[rows], minlength=len(cs) + 1))[:-1]
        hl = np.cumsum(np.bincount(idx, weights=h[rows], minlength=len(cs) + 1))[:-1]
        gr, hr = G - gl, H - hl
        gain = gl**2 / (hl + lam) + gr**2 / (hr + lam) - G**2 / (H + lam)
        gain[(hl < 1e-3) | (hr < 1e-3)] = 0.0
        k = int(np.argmax(gain))
        if gain[k] > best[2] + 1e-12:
            best = (f, float(cs[k]), float(gain[k]))
    return best


def fit_trees(x: np.ndarray, y: np.ndarray, weight: np.ndarray, rounds: int = 150, rate: float = 0.1, lam: float = 1.0) -> PairModel:
    """Boosted depth-2 trees on labels ``y`` (0/1) with row weights ``weight``."""
    pos = (weight * y).sum()
    base = float(np.log(max(pos, 1e-9) / max((weight * (1 - y)).sum(), 1e-9)))
    cuts = _cuts(x)
    margin = np.full(len(x), base)
    trees: list[Tree] = []
    everyone = np.arange(len(x))
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-margin))
        g, h = weight * (p - y), weight * p * (1 - p)
        f, cut, gain = _best_split(x, g, h, everyone, cuts, lam)
        if gain <= 0:
            break
        go_left = x[:, f] <= cut
        children: list[tuple[int, float, float, float]] = []
        for mask in (go_left, ~go_left):
            rows = everyone[mask]
            f2, cut2, gain2 = _best_split(x, g, h, rows, cuts, lam) if len(rows) else (0, np.inf, 0.0)
            sub = x[rows, f2] <= cut2
            leaves = []
            for part in (rows[sub], rows[~sub]):
                leaves.append(float(-rate * g[part].sum() / (h[part].sum() + lam)) if len(part) else 0.0)
            children.append((f2, cut2, leaves[0], leaves[1]))
        tree: Tree = (f, cut, children[0], children[1])
        trees.append(tree)
        for side, (f2, cut2, a, b) in ((go_left, children[0]), (~go_left, children[1])):
            margin += np.where(side, np.where(x[:, f2] <= cut2, a, b), 0.0)
    return PairModel(base, tuple(trees))
