"""The CoNLL-2012 coreference metrics: MUC, B³, CEAF-e and their average (the CoNLL F1).

Key (gold) and response (predicted) are lists of entities, each a set of
mention ids (any hashable: a token span). A mention id the other side does not
have counts as an error as in the reference scorer: in MUC it stands alone, in
B³ and CEAF-e it shares nothing with any entity of the other side.

* MUC (Vilain et al., 1995): links. Recall = sum over key entities K of
  (|K| - number of response parts K falls into) / sum of (|K| - 1); precision
  the same with the roles swapped. Singletons count for nothing.
* B³ (Bagga & Baldwin, 1998): per mention. Recall = sum over key K and
  response R of |K ∩ R|² / |K|, over the number of key mentions; precision the
  same over |R| and the response mentions.
* CEAF-e (Luo, 2005): the one-to-one alignment of key and response entities
  that maximises the total of φ4(K, R) = 2|K ∩ R| / (|K| + |R|); recall = that
  total / number of key entities, precision = total / number of response entities.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Entity = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    """Numerators and denominators of recall and precision, so that documents add up (micro-average)."""

    r_num: float = 0.0
    r_den: float = 0.0
    p_num: float = 0.0
    p_den: float = 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.r_num + other.r_num, self.r_den + other.r_den, self.p_num + other.p_num,
                     self.p_den + other.p_den)

    @property
    def r(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def p(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def _muc_recall(key: Sequence[Entity], response: Sequence[Entity]) -> tuple[float, float]:
    where = {m: i for i, r in enumerate(response) for m in r}
    num = den = 0
    for k in key:
        if len(k) < 2:
            continue
        parts = {where.get(m, ("alone", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def muc(key: Sequence[Entity], response: Sequence[Entity]) -> Score:
    return Score(*_muc_recall(key, response), *_muc_recall(response, key))


def _b3_recall(key: Sequence[Entity], response: Sequence[Entity]) -> tuple[float, float]:
    where = {m: i for i, r in enumerate(response) for m in r}
    num = 0.0
    total = 0
    for k in key:
        total += len(k)
        shared: dict[int, int] = {}
        for m in k:
            if m in where:
                shared[where[m]] = shared.get(where[m], 0) + 1
        num += sum(c * c for c in shared.values()) / len(k)
    return num, total


def b_cubed(key: Sequence[Entity], response: Sequence[Entity]) -> Score:
    return Score(*_b3_recall(key, response), *_b3_recall(response, key))


def ceaf_e(key: Sequence[Entity], response: Sequence[Entity]) -> Score:
    where = {m: i for i, r in enumerate(response) for m in r}
    phi = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for m in k:
            j = where.get(m)
            if j is not None:
                phi[i, j] += 1
    sizes_k = np.array([len(k) for k in key], dtype=float).reshape(-1, 1)
    sizes_r = np.array([len(r) for r in response], dtype=float).reshape(1, -1)
    total = 0.0
    if key and response:
        phi = 2 * phi / (sizes_k + sizes_r)
        rows, cols = linear_sum_assignment(phi, maximize=True)
        total = float(phi[rows, cols].sum())
    return Score(total, len(key), total, len(response))


def coref_scores(key: Sequence[Entity], response: Sequence[Entity]) -> dict[str, Score]:
    """MUC, B³ and CEAF-e of one document; add documents' scores up with ``+``."""
    return {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}


def conll_f1(scores: dict[str, Score]) -> float:
    """The CoNLL-2012 figure: the unweighted mean of the MUC, B³ and CEAF-e F1."""
    return (scores["muc"].f1 + scores["b3"].f1 + scores["ceafe"].f1) / 3
