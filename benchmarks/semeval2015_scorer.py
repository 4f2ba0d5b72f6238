"""Scorer for SemEval-2015 Task 4 (TimeLine), reimplemented from the task's description.

The official tool (evaluation_tool_timeline_task4_v3, not in the data folder) turns each timeline
into a TimeML graph and scores it with TempEval-3's temporal awareness (UzZaman & Allen 2011);
the score is the micro-average over timelines. The transformation, as the task's tools page gives it
("ordering and time anchors"):

- each time anchor is a TIMEX3, and each event is SIMULTANEOUS with its anchor;
- events at the same position (same ordinal) are SIMULTANEOUS, and an event at an earlier
  position is BEFORE an event at a later one.

Timeline file: first line the target entity, then ``ordinal<TAB>anchor<TAB>mention<TAB>mention...``
where a mention is ``docid-sentence-token``. Mentions are the graph's EVENT nodes, compared as
exact strings; anchors are TIMEX3 nodes compared by value.

Temporal awareness: P = |Sys- ∩ Ref+| / |Sys-|, R = |Ref- ∩ Sys+| / |Ref-|, where G+ is the
closure of a graph and G- its reduced form (the fewest relations with the same closure). A timeline
graph only has SIMULTANEOUS and BEFORE, so closure is exact here: SIMULTANEOUS classes
(union-find) ordered by BEFORE (transitive closure of a DAG). The reduced graph is a chain inside
each class plus the covering (Hasse) edges between classes, each edge drawn between the classes'
first members in sorted order. That choice of representative is ours (TempEval-3's timegraph
makes its own, undocumented one); it matters only when a representative is absent from the other
graph.

``zero="ordered"`` (default) takes the transformation literally: ordinal 0 (the undated events,
``XXXX-XX-XX``) is a position like any other, so it precedes position 1. ``zero="unordered"``
keeps those events out of the ordering (only SIMULTANEOUS with the other mentions of their own
line), the other reading of the guidelines; both are reported by the benchmark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

UNKNOWN_DATE = "XXXX-XX-XX"


@dataclass(frozen=True)
class Line:
    ordinal: int
    anchor: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    entity: str
    lines: tuple[Line, ...]
    key: str = ""  # the file name stem; timelines are paired by it (a gold header has a typo)


def entity_key(entity: str) -> str:
    """The task's file name for an entity: "Boeing 777" -> "boeing_777"."""
    return "_".join(entity.lower().split())


def canonical_anchor(anchor: str) -> str:
    """Anchors written "2006" or "2006-03" (the trial gold's style) as "2006-XX-XX", "2006-03-XX"
    (the evaluation gold's style), so that the same date is the same TIMEX3 whichever is used."""
    parts = anchor.split("-")
    if len(parts) < 3 and parts[0][:4].isdigit():
        parts += ["XX"] * (3 - len(parts))
    return "-".join(parts)


def parse_timeline(text: str) -> Timeline:
    rows = [r for r in text.splitlines() if r.strip()]
    entity = rows[0].strip() if rows else ""
    lines = []
    for row in rows[1:]:
        cells = [c.strip() for c in row.split("\t") if c.strip()]
        if len(cells) < 3:
            continue
        lines.append(Line(int(cells[0]), canonical_anchor(cells[1]), tuple(cells[2:])))
    return Timeline(entity, tuple(lines), entity_key(entity))


def read_timeline(path: Path) -> Timeline:
    import dataclasses

    return dataclasses.replace(parse_timeline(path.read_text(encoding="utf-8")), key=path.stem.lower())


def format_timeline(timeline: Timeline) -> str:
    out = [timeline.entity]
    out += ["\t".join([str(line.ordinal), line.anchor, *line.mentions]) for line in timeline.lines]
    return "\n".join(out) + "\n"


class Graph:
    """A closed SIMULTANEOUS/BEFORE graph: classes of simultaneous nodes in a partial order."""

    def __init__(self, nodes: Iterable[str], simultaneous: Iterable[tuple[str, str]], before: Iterable[tuple[str, str]]) -> None:
        parent: dict[str, str] = {n: n for n in nodes}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in simultaneous:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        self.cls = {n: find(n) for n in parent}
        members: dict[str, list[str]] = {}
        for n, c in self.cls.items():
            members.setdefault(c, []).append(n)
        self.members = {c: sorted(m) for c, m in members.items()}
        succ: dict[str, set[str]] = {c: set() for c in self.members}
        for a, b in before:
            ca, cb = self.cls[a], self.cls[b]
            if ca != cb:  # a contradiction (a before b, yet simultaneous) is dropped
                succ[ca].add(cb)
        self.direct = succ
        # Transitive closure by depth-first search from each class (graphs are small).
        self.after: dict[str, frozenset[str]] = {}
        for c in self.members:
            seen: set[str] = set()
            stack = list(succ[c])
            while stack:
                x = stack.pop()
                if x not in seen:
                    seen.add(x)
                    stack.extend(succ[x])
            seen.discard(c)
            self.after[c] = frozenset(seen)

    def holds(self, a: str, rel: str, b: str) -> bool:
        """Whether the closure of this graph contains ``a rel b``."""
        if a not in self.cls or b not in self.cls:
            return False
        ca, cb = self.cls[a], self.cls[b]
        if rel == "SIMULTANEOUS":
            return ca == cb
        return cb in self.after[ca]

    def reduced(self) -> list[tuple[str, str, str]]:
        """The reduced graph: a chain inside each class and the covering edges between classes."""
        out: list[tuple[str, str, str]] = []
        for m in self.members.values():
            out += [(m[i], "SIMULTANEOUS", m[i + 1]) for i in range(len(m) - 1)]
        for c, nexts in self.direct.items():
            reach = self.after[c]
            for d in nexts:
                # d covers c unless it is reachable through another successor.
                if not any(d in self.after[e] for e in reach if e != d):
                    out.append((self.members[c][0], "BEFORE", self.members[d][0]))
        return sorted(set(out))


def timeline_graph(timeline: Timeline, zero: str = "ordered") -> Graph:
    nodes: set[str] = set()
    sim: list[tuple[str, str]] = []
    before: list[tuple[str, str]] = []
    positions: dict[int, list[str]] = {}
    for line in timeline.lines:
        nodes.update(line.mentions)
        first = line.mentions[0]
        sim += [(first, m) for m in line.mentions[1:]]
        if line.ordinal == 0 and zero == "unordered":
            continue
        timex = "TIMEX3:" + line.anchor
        nodes.add(timex)
        sim.append((first, timex))
        positions.setdefault(line.ordinal, []).append(first)
    ordinals = sorted(positions)
    for o in ordinals:
        sim += [(positions[o][0], e) for e in positions[o][1:]]
    for o1, o2 in pairwise(ordinals):
        before.append((positions[o1][0], positions[o2][0]))
    return Graph(nodes, sim, before)


@dataclass
class Counts:
    sys_ok: int = 0  # |Sys- ∩ Ref+|
    sys_n: int = 0  # |Sys-|
    ref_ok: int = 0  # |Ref- ∩ Sys+|
    ref_n: int = 0  # |Ref-|
    timelines: int = 0
    per_entity: dict[str, tuple[float, float, float]] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.sys_ok += other.sys_ok
        self.sys_n += other.sys_n
        self.ref_ok += other.ref_ok
        self.ref_n += other.ref_n
        self.timelines += other.timelines
        self.per_entity.update(other.per_entity)

    @property
    def p(self) -> float:
        return self.sys_ok / self.sys_n if self.sys_n else 0.0

    @property
    def r(self) -> float:
        return self.ref_ok / self.ref_n if self.ref_n else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def score_timeline(gold: Timeline, system: Timeline | None, zero: str = "ordered") -> Counts:
    ref = timeline_graph(gold, zero)
    sys_graph = timeline_graph(system, zero) if system is not None else Graph((), (), ())
    ref_red, sys_red = ref.reduced(), sys_graph.reduced()
    c = Counts(
        sys_ok=sum(ref.holds(a, r, b) for a, r, b in sys_red),
        sys_n=len(sys_red),
        ref_ok=sum(sys_graph.holds(a, r, b) for a, r, b in ref_red),
        ref_n=len(ref_red),
        timelines=1,
    )
    c.per_entity[gold.entity] = (c.p, c.r, c.f1)
    return c


def score(gold: Sequence[Timeline], system: Sequence[Timeline], zero: str = "ordered") -> Counts:
    """Micro-average over the gold timelines; a gold entity without a system timeline scores 0 recall."""
    by_key = {t.key: t for t in system}
    total = Counts()
    for g in gold:
        total.add(score_timeline(g, by_key.get(g.key), zero))
    return total


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="score a folder of system timelines against a gold folder")
    ap.add_argument("gold", type=Path)
    ap.add_argument("system", type=Path)
    ap.add_argument("--zero", choices=("ordered", "unordered"), default="ordered")
    a = ap.parse_args()
    golds = [read_timeline(p) for p in sorted(a.gold.glob("*.txt"))]
    systems = [read_timeline(p) for p in sorted(a.system.glob("*.txt"))]
    s = score(golds, systems, a.zero)
    print(f"timelines {s.timelines}  P {100 * s.p:.2f}  R {100 * s.r:.2f}  F1 {100 * s.f1:.2f}")
