"""Fitting the conflict pair classifier's gradient-boosted depth-2 trees, with numpy only.

The alternative to the logistic regression of :mod:`training.conflict_pairs`: trees combine
features (figures apart *and* the same occasion *and* not two quakes) where a linear model can
only add them. Logistic loss, Newton leaf values, features cut at up to ``BINS`` quantiles;
deterministic (no sampling).

Splits are read off histograms: every value is put in its bin once per fit, a node's sums of
gradients and Hessians per bin of every feature come from one ``bincount``, and the larger child
of a split gets its histogram as the parent's minus the smaller child's. Leave-one-topic-out
fits one model per topic on a shared 2-core machine, so the fitting time matters.
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


class _Histograms:
    """Every row's bin of every feature, numbered across the features (feature f's bins start at
    ``starts[f]``): a node's histogram is then one bincount over its rows."""

    def __init__(self, x: np.ndarray, cuts: list[np.ndarray]) -> None:
        self.cuts = cuts
        sizes = np.array([len(cs) + 1 for cs in cuts], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.total = int(sizes.sum())
        # values <= cuts[f][k] go to bins <= k
        binned = np.column_stack([np.searchsorted(cs, x[:, f], side="left") for f, cs in enumerate(cuts)]) if cuts else np.zeros((len(x), 0), dtype=np.int64)
        self.flat = binned + self.starts  # (rows, features)

    def of(self, g: np.ndarray, h: np.ndarray, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Sums of ``g`` and ``h`` per bin over ``rows`` (all rows when None)."""
        idx = self.flat if rows is None else self.flat[rows]
        gs, hs = (g, h) if rows is None else (g[rows], h[rows])
        width = idx.shape[1]
        flat = idx.ravel()
        return (np.bincount(flat, weights=np.repeat(gs, width), minlength=self.total),
                np.bincount(flat, weights=np.repeat(hs, width), minlength=self.total))

    def best_split(self, hist: tuple[np.ndarray, np.ndarray], lam: float) -> tuple[int, float, float]:
        """(feature, cut, gain) of the best split of the node with histogram ``hist`` (gain 0: none)."""
        hg, hh = hist
        best = (0, np.inf, 0.0)
        for f, cs in enumerate(self.cuts):
            if not len(cs):
                continue
            at = self.starts[f]
            bg, bh = hg[at : at + len(cs) + 1], hh[at : at + len(cs) + 1]
            G, H = bg.sum(), bh.sum()
            gl, hl = np.cumsum(bg)[:-1], np.cumsum(bh)[:-1]
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
    hists = _Histograms(x, _cuts(x))
    margin = np.full(len(x), base)
    trees: list[Tree] = []
    everyone = np.arange(len(x))
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-margin))
        g, h = weight * (p - y), weight * p * (1 - p)
        root = hists.of(g, h)
        f, cut, gain = hists.best_split(root, lam)
        if gain <= 0:
            break
        go_left = x[:, f] <= cut
        sides = (everyone[go_left], everyone[~go_left])
        small = 0 if len(sides[0]) <= len(sides[1]) else 1
        of_small = hists.of(g, h, sides[small])
        of_large = (root[0] - of_small[0], root[1] - of_small[1])
        child_hists = (of_small, of_large) if small == 0 else (of_large, of_small)
        children: list[tuple[int, float, float, float]] = []
        for rows, hist in zip(sides, child_hists, strict=True):
            f2, cut2, _ = hists.best_split(hist, lam) if len(rows) else (0, np.inf, 0.0)
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
